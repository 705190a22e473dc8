"""Issue 28: IMAP IDLE started again every ``mailbox.idle_check`` seconds (Dovecot's own notice comes 0.5 s late)."""

from __future__ import annotations

import threading
import time

import pytest

from intake.config import ConfigError
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.imap_source import ImapMailSource, idle_check_seconds

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


def test_idle_check_auto_is_a_tenth_of_a_second_on_dovecot_and_off_elsewhere(imap):
    # The default ("auto") asks the server its name: this Dovecot gets IDLE started again every 0.1 s; a server
    # that calls itself anything else (Microsoft 365's Exchange) gets none of those extra commands; a number is kept.
    src = ImapMailSource("127.0.0.1", imap.port, "none", imap.user, imap.password)
    try:
        name = src.server_name()
    finally:
        src.close()
    assert "dovecot" in name.lower()
    assert idle_check_seconds("auto", name) == 0.1
    assert idle_check_seconds("auto", "The Microsoft Exchange IMAP4 service is ready.") == 0.0
    assert idle_check_seconds(0.0, name) == 0.0
    assert idle_check_seconds(0.25, "Microsoft Exchange") == 0.25


@pytest.mark.parametrize("value, error", [
    ("fast", 'mailbox.idle_check must be "auto", 0 (off) or a number of seconds, e.g. 0.1'),
    (-1, 'mailbox.idle_check must be "auto", 0 (off) or a number of seconds, e.g. 0.1'),
    (True, "mailbox.idle_check must be a number, not True"),
])
def test_idle_check_setting_is_auto_by_default_and_refuses_what_is_neither_auto_nor_seconds(make_cfg, value, error):
    assert make_cfg().mailbox.idle_check == "auto"
    assert make_cfg(mailbox={"idle_check": 0.1}).mailbox.idle_check == 0.1
    assert make_cfg(mailbox={"idle_check": 0}).mailbox.idle_check == 0.0
    with pytest.raises(ConfigError) as err:
        make_cfg(mailbox={"idle_check": value})
    assert str(err.value) == error
