"""The group's duties on a case, after intake: what a person or an emailed command changes.

``actions`` (decisions, pauses, extensions, the case's clocks), ``rapid_review`` (convening the Rapid Review),
``review`` (commissioned reviews and their milestones), ``action_plans`` and ``action_reminders`` (a plan's
actions, their owners and their reminders), ``meeting_pack`` (the Chair's pack for each meeting) and
``commands`` (the reply-command language). It may use ``notifier`` (deadlines, composing, the outbox),
``store``, ``mailbox``, the small modules and ``parsers``; never ``pipeline``, ``service``, ``cli`` or ``demo``.
"""
