"""Everything that leaves the building: deadlines, what is due, composing, the outbox, delivery.

``workdays``, ``deadlines`` and ``due`` are pure (the working calendar, the clock rules, what is due ``now``);
``deadlines_store`` keeps a case's clocks in the database; ``summary``, ``briefing``, ``meetings``, ``wording``,
``new_referral`` and ``compose`` decide and render what is said (``templates``); ``outbox`` enqueues rows in the
caller's transaction; ``delivery`` and ``senders`` (the only module importing ``smtplib``) send them, and
``sent_journal`` notes a send outside the database while a poll holds SQLite's lock. It may use
``intake.store``, ``intake.mailbox`` (OAuth2 for SMTP), ``intake.errors``, ``intake.privacy``, ``intake.tokens``,
``parsers`` and ``templates``; nothing above (no pipeline, duties, service or cli): the duties and the service
call the notifier, never the other way round.
"""
