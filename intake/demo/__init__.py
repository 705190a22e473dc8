"""The demonstration: ``intake demo`` and the gallery of every email (``scripts/render-emails``).

It runs the real flow on embedded defaults (``forms`` makes the demo referrals, ``plans`` the demo action plan,
``run`` drives it, ``gallery`` renders every kind of email). It may use the command groups' printing
(``intake.cli`` except ``program``, which is the only module above it) and every layer below them.
"""
