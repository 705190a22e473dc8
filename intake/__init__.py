"""referral-intake: email-driven intake for a safeguarding partnership's review group.

The package is a house of layers; a module may import only from its own layer and the layers below
(``[tool.importlinter]`` in pyproject.toml declares them and tests/test_layers.py enforces them; docs/architecture.md
draws them). Top to bottom: ``cli`` (argparse wiring) and ``demo``; ``service`` (the running jobs: poll, remind,
deliver, check, status); ``config``; ``pipeline`` (one email, step by step); ``duties`` and ``report`` (what the
group does with a case); the top-level ``notifier`` package (deadlines, composing, outbox, delivery); ``store``
and ``mailbox`` (the database and the mail source, side by side); ``errors``, ``privacy`` and ``tokens`` (small
pure modules everyone may use); and at the bottom ``parsers`` and ``templates``, which import nothing of ours.
"""

__version__ = "0.1.0"
