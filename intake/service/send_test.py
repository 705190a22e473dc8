"""`intake check --send-test`: one email to the Manager through the configured SMTP server, to prove the path
before go-live; when the Manager's address is the referral mailbox itself, it is read back over IMAP."""

from __future__ import annotations

from intake.errors import IntakeError
from intake.mailbox.imap_source import ImapMailSource
from notifier.senders import SmtpSender


def trial_email(cfg, now, host: str) -> tuple[bytes, str, str]:
    """The one email ``--send-test`` sends the Manager: (raw bytes, envelope sender, Message-ID). Nothing about a
    case in it; marked Auto-Submitted so that the bot, should it read it back, never answers it."""
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid, parseaddr

    sender = parseaddr(cfg.smtp.from_)[1]
    msg = EmailMessage()
    msg["From"] = cfg.smtp.from_
    msg["To"] = cfg.people.manager
    msg["Subject"] = f"Test email from the referral intake of {cfg.organisation.name}"
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = mid = make_msgid(idstring="intake-send-test", domain=sender.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(f"This is a test email sent by `intake check --send-test` on {host} at "
                    f"{now.astimezone(cfg.tz):%H:%M on %A %d %B %Y}, through {cfg.smtp.host}:{cfg.smtp.port}.\n\n"
                    "It proves that the bot's emails reach this address. Nothing needs doing; you can delete it.\n")
    return bytes(msg), sender, mid


def send_test(cfg, now=None, wait_seconds: float = 60.0, sleep=None) -> int:
    """Send the Manager one email through the configured SMTP server; when the Manager's address is the mailbox
    the bot reads, wait for it there (IMAP SEARCH by Message-ID) and say when it arrived. 0 sent (and read back
    when it could be), 1 not."""
    import socket
    import time
    from datetime import datetime, timezone

    now = now or datetime.now(timezone.utc)
    sleep = sleep or time.sleep
    if cfg.smtp.backend != "smtp":
        print(f"send-test: FAILED - smtp.backend = {cfg.smtp.backend!r} sends no email; set [smtp] backend = \"smtp\" first")
        return 1
    raw, sender, mid = trial_email(cfg, now, socket.gethostname())
    smtp = SmtpSender.from_config(cfg)
    try:
        smtp.send(raw, sender, cfg.people.manager, "send-test")
    except IntakeError as exc:
        print(f"send-test: FAILED - the SMTP server did not take the test email to {cfg.people.manager}: {exc}")
        return 1
    finally:
        smtp.close()
    print(f"send-test: ok (sent to {cfg.people.manager} through {cfg.smtp.host}:{cfg.smtp.port}; Message-ID {mid})")
    same = cfg.mailbox.backend == "imap" and cfg.people.manager.strip().lower() == cfg.mailbox.username.strip().lower()
    if not same:
        print(f"send-test: now look for \"Test email from the referral intake\" in {cfg.people.manager}'s inbox "
              "(and its junk folder): if it is not there within a few minutes, ask the mail administrators to look "
              f"for Message-ID {mid} in the mail server's log")
        return 0
    source = ImapMailSource.from_config(cfg)
    started = time.monotonic()
    try:
        while True:
            found = source.connect().search(["HEADER", "Message-ID", mid.strip("<>")])
            if found:
                print(f"send-test: ok (read back from {cfg.mailbox.host} {cfg.mailbox.inbox} after "
                      f"{time.monotonic() - started:.0f} s: the bot's mail reaches the mailbox it reads)")
                return 0
            if time.monotonic() - started >= wait_seconds:
                print(f"send-test: FAILED - sent, but not in {cfg.mailbox.username}'s {cfg.mailbox.inbox} after "
                      f"{wait_seconds:.0f} s; look for Message-ID {mid} in the mail server's log")
                return 1
            sleep(1.0)
    except Exception as exc:  # noqa: BLE001 - a refused login or a dropped connection: one line
        detail = str(exc) if isinstance(exc, IntakeError) else f"{exc.__class__.__name__}: {exc}"
        print(f"send-test: FAILED - sent, but the mailbox could not be read back: {detail}")
        return 1
    finally:
        source.close()
