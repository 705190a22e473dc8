"""End to end against real servers: Dovecot (IMAP) in, aiosmtpd (SMTP) out, SQLite in between."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case, InboundMessage, OutboundEmail
from intake.service.services import build_services, deliver, poll_and_deliver
from intake.mailbox.imap_source import ImapMailSource

pytestmark = pytest.mark.servers
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


class Clock:
    def __init__(self, start=datetime(2026, 12, 24, 10, 0, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self):
        return self.now


def referral(msgid="<ref-1@liverpool.gov.uk>", sender="Sam Worker <sam.worker@liverpool.gov.uk>"):
    return referral_email(sender, TO, "Case referral - AS", [("Referral for Alex Sample.docx", docx_form(SAMPLE))],
                          message_id=msgid)


def services(cfg, clock=None):
    return build_services(cfg, now=clock or Clock(), isolated=False)


def outcomes(svc):
    with Session(svc.engine) as s:
        return [m.outcome for m in s.exec(select(InboundMessage).order_by(InboundMessage.id))]


@pytest.mark.both_databases
def test_poll_referral_in_imap_becomes_case_moved_and_acknowledged(server_cfg, imap, smtp):
    # A referral APPENDed to INBOX -> one case, message in Processed, one acknowledgement over SMTP.
    imap.append(referral())
    svc = services(server_cfg)
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    with Session(svc.engine) as s:
        cases = s.exec(select(Case)).all()
    assert [c.reference for c in cases] == ["SIRG-2026-0001"]
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1
    acks = [m["msg"] for m in smtp.handler.messages if m["to"] == ["sam.worker@liverpool.gov.uk"]]
    assert len(acks) == 1
    ack = acks[0]
    assert ack["Subject"] == "[SIRG-2026-0001] Referral received"
    assert ack["In-Reply-To"] == "<ref-1@liverpool.gov.uk>"
    assert "<ref-1@liverpool.gov.uk>" in ack["References"]
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["Message-ID"] and ack["Message-ID"] != "<ref-1@liverpool.gov.uk>"
    body = ack.get_body(("plain",)).get_content()
    assert "MASH" in body and "999" in body
    for personal in ("Alex", "Sample", "2020-02-03", "Example Street", "Referral for Alex Sample.docx"):
        assert personal not in body and personal not in ack["Subject"]
    assert smtp.handler.logins == [("referrals", True)]
    assert delivery.sent == 2  # acknowledgement + the Manager's new-referral notice


def test_poll_twice_second_poll_finds_nothing(server_cfg, imap, smtp):
    # Re-polling is harmless: the second run processes nothing and sends nothing.
    imap.append(referral())
    svc = services(server_cfg)
    poll_and_deliver(svc)
    sent = len(smtp.handler.messages)
    report, delivery = poll_and_deliver(svc)
    assert sum(report.outcomes.values()) == 0 and delivery.sent == 0
    assert len(smtp.handler.messages) == sent


def test_same_message_appended_again_is_duplicate_without_second_ack(server_cfg, imap, smtp):
    # The same Message-ID arriving again (new UID) -> duplicate, no second case, no second acknowledgement.
    imap.append(referral())
    svc = services(server_cfg)
    poll_and_deliver(svc)
    imap.append(referral())
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"duplicate": 1}
    with Session(svc.engine) as s:
        assert len(s.exec(select(Case)).all()) == 1
    acks = [m for m in smtp.handler.messages if m["to"] == ["sam.worker@liverpool.gov.uk"]]
    assert len(acks) == 1
    assert imap.count("Processed") == 2


@pytest.mark.both_databases
def test_crash_between_commit_and_move_restart_creates_no_duplicate(server_cfg, imap, smtp):
    # The process dies after the outcome is committed but before the IMAP move; the restart only moves it.
    imap.append(referral())
    svc = services(server_cfg)

    def crash(_fetched):
        raise SystemExit("simulated crash")

    svc.crash_after_commit = crash
    with pytest.raises(SystemExit):
        poll_and_deliver(svc)
    assert imap.count("INBOX") == 1  # still there: nothing moved

    restarted = services(server_cfg)
    report, delivery = poll_and_deliver(restarted)
    assert report.moved_again == 1 and sum(report.outcomes.values()) == 0
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1
    with Session(restarted.engine) as s:
        assert len(s.exec(select(Case)).all()) == 1
        assert len(s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).all()) == 1
    assert len([m for m in smtp.handler.messages if m["to"] == ["sam.worker@liverpool.gov.uk"]]) == 1


def test_auto_reply_and_bounce_are_ignored_and_never_answered(server_cfg, imap, smtp):
    # An out-of-office (Auto-Submitted) and a bounce (multipart/report from MAILER-DAEMON) get no reply.
    imap.append(referral_email("Away <away@liverpool.gov.uk>", TO, "Automatic reply: referral",
                               headers={"Auto-Submitted": "auto-replied"}))
    bounce = (b"From: Mail Delivery System <MAILER-DAEMON@mx.liverpool.gov.uk>\r\nTo: referrals@liverpool.gov.uk\r\n"
              b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce-1@mx>\r\n"
              b"Content-Type: multipart/report; report-type=delivery-status; boundary=b1\r\n\r\n"
              b"--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
              b"--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; x@y\r\nAction: failed\r\nStatus: 5.1.1\r\n"
              b"--b1--\r\n")
    imap.append(bounce)
    svc = services(server_cfg)
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"ignored_auto": 2}
    assert delivery.sent == 0 and smtp.handler.messages == []
    assert imap.count("Processed") == 2


def test_email_without_attachment_gets_needs_info_reply(server_cfg, imap, smtp):
    # "Please find attached" with nothing attached -> needs_info, a helpful reply, message in Needs review.
    imap.append(referral_email("Lee <lee@nhs.net>", TO, "Referral", body="Please find attached.",
                               message_id="<noatt@nhs.net>"))
    svc = services(server_cfg)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"needs_info": 1}
    assert imap.count("Needs review") == 1
    [reply] = [m["msg"] for m in smtp.handler.messages]
    assert reply["To"] == "lee@nhs.net" and reply["In-Reply-To"] == "<noatt@nhs.net>"
    body = reply.get_body(("plain",)).get_content()
    assert "Case Referral Form" in body and ".docx" in body


@pytest.mark.both_databases
def test_message_that_makes_pipeline_raise_is_quarantined_and_batch_continues(server_cfg, imap, smtp):
    # A bug while processing one message -> failed, moved to Failed; the next message is still processed.
    imap.append(referral_email("A <a@liverpool.gov.uk>", TO, "Referral", [("boom.docx", b"PK-boom")],
                               message_id="<boom@liverpool.gov.uk>"))
    imap.append(referral(msgid="<fine@liverpool.gov.uk>"))
    svc = services(server_cfg)
    real_parse = svc.parse

    def parse(data, name):
        if name == "boom.docx":
            raise RuntimeError("parser bug")
        return real_parse(data, name)

    svc.parse = parse
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"failed": 1, "referral": 1}
    assert imap.count("Failed") == 1 and imap.count("Processed") == 1
    with Session(svc.engine) as s:
        failed = s.exec(select(InboundMessage).where(InboundMessage.outcome == "failed")).one()
        assert "parser bug" in failed.reasons


def test_smtp_451_then_250_is_delivered_on_retry(server_cfg, imap, smtp):
    # A transient 451 defers the message with backoff; the next delivery run sends it.
    clock = Clock()
    svc = services(server_cfg, clock)
    imap.append(referral_email("Lee <lee@nhs.net>", TO, "Referral", message_id="<r451@nhs.net>"))
    smtp.handler.script = [451]
    _, first = poll_and_deliver(svc)
    assert first.deferred == 1 and first.sent == 0
    assert deliver(svc).sent == 0  # not due yet: backoff respected
    clock.now += timedelta(minutes=2)
    second = deliver(svc)
    assert second.sent == 1 and len(smtp.handler.messages) == 1
    with Session(svc.engine) as s:
        row = s.exec(select(OutboundEmail)).one()
        assert row.status == "sent" and row.attempts == 2


def test_smtp_550_marks_failed_and_is_not_retried(server_cfg, imap, smtp):
    # A permanent 550 -> status failed with the error, never attempted again.
    clock = Clock()
    svc = services(server_cfg, clock)
    imap.append(referral_email("Lee <lee@nhs.net>", TO, "Referral", message_id="<r550@nhs.net>"))
    smtp.handler.script = [550]
    _, first = poll_and_deliver(svc)
    assert first.failed == 1
    clock.now += timedelta(hours=3)
    assert deliver(svc).sent == 0
    with Session(svc.engine) as s:
        row = s.exec(select(OutboundEmail)).one()
        assert row.status == "failed" and "550" in row.last_error and row.attempts == 1
    assert smtp.handler.messages == []


def test_imap_over_tls_with_trusted_certificate_polls(server_cfg, imap, smtp):
    # Implicit TLS to Dovecot's imaps port, trusting the test CA.
    src = ImapMailSource("127.0.0.1", imap.tls_port, "tls", imap.user, imap.password, cafile=imap.cafile)
    imap.append(referral())
    svc = services(server_cfg)
    report, _ = poll_and_deliver(svc, source=src)
    src.close()
    assert report.outcomes == {"referral": 1}


def test_imap_starttls_is_supported(server_cfg, imap, smtp):
    # STARTTLS on the plain port.
    src = ImapMailSource("127.0.0.1", imap.port, "starttls", imap.user, imap.password, cafile=imap.cafile)
    assert "waiting" in src.check()
    src.close()


def test_cli_poll_once_against_dovecot_prints_outcomes(server_cfg, imap, smtp, tmp_path):
    # The real command, in a child process (sandboxed parsing), against the real servers.
    from tests.servers import write_server_config

    cfg_path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp,
                                   mailbox={"password_env": "INTAKE_IMAP_PASSWORD"},
                                   smtp={"password_env": "INTAKE_SMTP_PASSWORD"},
                                   policy={"allowed_sender_domains": ["liverpool.gov.uk"]})
    imap.append(referral())
    imap.append(referral_email("x <x@gmail.com>", TO, "Referral", message_id="<g@gmail.com>"))
    run = subprocess.run([sys.executable, "-m", "intake", "--config", str(cfg_path), "poll", "--once"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "processed 2 message(s): referral=1, sender_not_allowed=1" in run.stdout
    listing = subprocess.run([sys.executable, "-m", "intake", "--config", str(cfg_path), "referrals", "--json"],
                             capture_output=True, text=True, timeout=60)
    rows = json.loads(listing.stdout)
    assert [r["reference"] for r in rows] == [f"SIRG-{datetime.now().year}-0001"]
    assert set(rows[0]) >= {"reference", "status", "received_at", "referrer_email", "message_id", "missing", "record"}
    assert rows[0]["message_id"] == "<ref-1@liverpool.gov.uk>"
    assert "Alex" not in run.stderr  # logs carry no child's name
