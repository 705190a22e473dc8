"""Issue 28: IMAP IDLE started again every ``mailbox.idle_check`` seconds (Dovecot's own notice comes 0.5 s late)."""

from __future__ import annotations

import threading
import time

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.imap_source import ImapMailSource

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def test_idle_wait_with_a_check_interval_waits_out_its_timeout_when_no_mail_comes(imap):
    # Nothing arrives: the wait goes through several IDLE commands (one every 0.1 s) and ends at its timeout, False.
    src = ImapMailSource("127.0.0.1", imap.port, "none", imap.user, imap.password)
    try:
        started = time.monotonic()
        assert src.idle_wait(timeout=0.6, check_every=0.1) is False
        assert time.monotonic() - started >= 0.6
    finally:
        src.close()


def test_idle_wait_with_a_check_interval_reports_mail_appended_while_it_waits(imap):
    # A referral is appended while the source waits (IDLE started again every 0.1 s): the wait ends, True.
    src = ImapMailSource("127.0.0.1", imap.port, "none", imap.user, imap.password)
    seen = {}
    waiter = threading.Thread(target=lambda: seen.update(new=src.idle_wait(timeout=60, check_every=0.1)))
    try:
        waiter.start()
        time.sleep(0.5)
        imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(SAMPLE))],
                                   message_id="<idle-check@liverpool.gov.uk>"))
        waiter.join(60)
        assert seen == {"new": True}
    finally:
        src.close()
