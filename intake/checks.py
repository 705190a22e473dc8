"""`intake check`: each part of the set-up reported ok / FAILED with the reason."""

from __future__ import annotations

from intake.errors import IntakeError


def _report(name: str, fn) -> bool:
    try:
        detail = fn()
    except IntakeError as exc:
        print(f"{name}: FAILED - {exc}")
        return False
    except Exception as exc:  # noqa: BLE001
        print(f"{name}: FAILED - {exc.__class__.__name__}: {exc}")
        return False
    print(f"{name}: ok ({detail})")
    return True


def run_checks(cfg, now=None) -> int:
    def database():
        from intake.db import open_database

        engine = open_database(cfg.database_url)
        engine.dispose()
        return f"{engine.url.render_as_string(hide_password=True)} migrated to the latest schema"

    def mailbox():
        if cfg.mailbox.backend == "maildir":
            from intake.sources.maildir_source import MaildirSource

            src = MaildirSource(cfg.resolve(cfg.mailbox.path))
            waiting = sum(1 for sub in ("new", "cur") for p in (src.path / sub).iterdir() if p.is_file())
            return f"Maildir {src.path} has {waiting} message(s) waiting"
        from intake.sources.imap_source import ImapMailSource

        src = ImapMailSource.from_config(cfg)
        try:
            return src.check()
        finally:
            src.close()

    def smtp():
        if cfg.smtp.backend == "directory":
            path = cfg.resolve(cfg.smtp.path)
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            return f"writing .eml files to {path}"
        from notifier.senders import SmtpSender

        sender = SmtpSender.from_config(cfg)
        try:
            return sender.check()
        finally:
            sender.close()

    def delivery():
        from datetime import datetime, timezone

        from sqlmodel import Session, select

        from intake.db import open_database
        from intake.errors import IntakeError
        from intake.models import OutboundEmail
        from notifier.delivery import long_outage

        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            pending = len(s.exec(select(OutboundEmail.id).where(OutboundEmail.status == "pending")).all())
            failed = len(s.exec(select(OutboundEmail.id).where(OutboundEmail.status == "failed")).all())
            down = long_outage(s, now or datetime.now(timezone.utc))
        engine.dispose()
        if down:
            raise IntakeError(f"outgoing email has not been delivered since {down[0].astimezone(cfg.tz):%Y-%m-%d %H:%M} "
                              f"({pending} waiting; last error: {down[1]}); see intake outbox")
        return f"{pending} email(s) waiting, {failed} failed" + ("; see intake outbox --failed" if failed else "")

    def activity():
        from sqlmodel import Session

        from intake.db import open_database
        from notifier.delivery import last_success

        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            last = last_success(s)
        engine.dispose()
        return f"last successful poll {last['poll']}, reminder run {last['reminders']}, delivery {last['delivery']}"

    if not cfg.command_secret:  # issue 13: acting by reply is the normal way for the Manager and the Chair
        print(f"commands: WARNING - emailed commands are off ({cfg.commands.secret_env} is not set or shorter than 16 characters): the Manager and the Chair cannot act by replying, and their emails say so")
    results = [_report("database", database)]
    if (cfg.mailbox.backend == "imap" and cfg.mailbox.auth == "oauth2") or (cfg.smtp.backend == "smtp" and cfg.smtp.auth == "oauth2"):
        def token():
            from intake.oauth import provider_from_config

            provider = provider_from_config(cfg)
            provider.token()
            return f"token acquired from {provider.authority} for {', '.join(provider.scopes)}"
        results.append(_report("oauth2 token", token))
    results += [_report("mailbox", mailbox), _report("smtp", smtp), _report("delivery", delivery), _report("service", activity)]
    return 0 if all(results) else 1
