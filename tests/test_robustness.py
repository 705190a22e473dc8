"""Real-world email and real failures: no crash, no loop, nothing lost, nothing twice."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Attachment, AuditEvent, Case, InboundMessage, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource
from tests.conftest import EML
from tests.tnef_writer import winmail_dat

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)


def run(cfg, *raws):
    svc = build_services(cfg, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for raw in raws:
        src.deliver(raw)
    report, _ = poll_and_deliver(svc, source=src)
    return svc, report


def rows(svc, model, *where):
    with Session(svc.engine) as s:
        return s.exec(select(model).where(*where)).all()


def test_tnef_winmail_dat_with_a_form_opens_a_case(make_cfg):
    # Outlook's winmail.dat (TNEF) carrying the form: the form inside is found and parsed.
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Message-ID"] = "Pat <pat@nhs.net>", TO, "Referral", "<tnef@nhs.net>"
    msg.set_content("Please see attached.")
    msg.add_attachment(winmail_dat([("Referral form.docx", FORM)]), maintype="application", subtype="ms-tnef",
                       filename="winmail.dat")
    svc, report = run(make_cfg(), msg.as_bytes())
    assert report.outcomes == {"referral": 1}
    [att] = rows(svc, Attachment)
    assert att.original_name == "Referral form.docx" and att.parse_status == "parsed"


def test_attached_outlook_msg_file_is_opened(make_cfg):
    # An attached .msg: the files inside it reach the parser (corpus file from msgreader, MIT).
    path = EML / "msgreader" / "EmailWith2Attachments.msg"
    if not path.exists():
        pytest.skip("shared/eml corpus not present")
    raw = referral_email("Pat <pat@nhs.net>", TO, "Fwd", [("forwarded.msg", path.read_bytes())])
    raw = raw.replace(b"vnd.openxmlformats-officedocument.wordprocessingml.document", b"vnd.ms-outlook")
    svc, report = run(make_cfg(), raw)
    names = {a.original_name for a in rows(svc, Attachment)}
    assert "Installatie handleiding.docx" in names
    assert report.outcomes == {"needs_info": 1}  # a manual, not a referral form


def test_oversized_message_kept_for_review_with_a_reply(make_cfg):
    # Larger than limits.max_message_bytes: outcome too_large, Needs review, a clear reply.
    cfg = make_cfg(limits={"max_message_bytes": 20_000})
    svc, report = run(cfg, referral_email("Pat <pat@nhs.net>", TO, "Referral", [("big.docx", FORM + os.urandom(30_000))]))
    assert report.outcomes == {"too_large": 1}
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    assert len(src.list_folder("Needs review")) == 1
    [reply] = rows(svc, OutboundEmail)
    assert reply.kind == "too_large" and reply.to_address == "pat@nhs.net"


@pytest.mark.parametrize("sender, outcome", [
    ("Ann <ann@trust.nhs.net>", "referral"),                 # subdomain of an allowed domain
    ("Ann <ann@nhs.net.example.com>", "sender_not_allowed"),  # look-alike suffix
    ("Ann <ann@evilnhs.net>", "sender_not_allowed"),          # look-alike prefix
    ("NHS.NET <ann@gmail.com>", "sender_not_allowed"),        # spoofed display name
])
def test_sender_domain_policy(make_cfg, sender, outcome):
    # Allowed domains include their subdomains, nothing else.
    _, report = run(make_cfg(), referral_email(sender, TO, "Referral", [("f.docx", FORM)]))
    assert report.outcomes == {outcome: 1}


def test_reply_cap_per_address_per_day_is_enforced_and_recorded(make_cfg):
    # 5 messages with no form from one address, cap 3: three replies, two capped and audited.
    cfg = make_cfg(policy={"replies_per_sender_per_day": 3})
    raws = [referral_email("Lee <lee@nhs.net>", TO, f"Referral {i}", message_id=f"<cap{i}@nhs.net>") for i in range(5)]
    svc, report = run(cfg, *raws)
    assert report.outcomes == {"needs_info": 5}
    assert len(rows(svc, OutboundEmail, OutboundEmail.to_address == "lee@nhs.net")) == 3
    assert len(rows(svc, AuditEvent, AuditEvent.action == "reply_capped")) == 2


@pytest.mark.parametrize("headers, sender", [
    ({"X-Loop": "referrals@liverpool.gov.uk"}, "Pat <pat@nhs.net>"),
    ({}, "LSCP Referrals <referrals@liverpool.gov.uk>"),
    ({"Precedence": "bulk"}, "Pat <pat@nhs.net>"),
    ({"List-Id": "<safeguarding.lists.example>"}, "Pat <pat@nhs.net>"),
    ({"Auto-Submitted": "auto-generated"}, "Pat <pat@nhs.net>"),
    ({"X-Autoreply": "yes"}, "Pat <pat@nhs.net>"),
    ({}, "Mail Delivery Subsystem <MAILER-DAEMON@nhs.net>"),
    ({}, "postmaster@nhs.net"),
    ({}, "No Reply <no-reply@nhs.net>"),
])
def test_automatic_and_looping_mail_is_never_answered(make_cfg, headers, sender):
    # Loop guards on the way in: each of these is ignored_auto with no reply.
    svc, report = run(make_cfg(), referral_email(sender, TO, "Referral", headers=headers))
    assert report.outcomes == {"ignored_auto": 1}
    assert rows(svc, OutboundEmail) == []


def test_our_own_message_coming_back_is_ignored(make_cfg):
    # A message whose Message-ID is one we sent (bounced back verbatim) is not answered.
    cfg = make_cfg()
    svc, _ = run(cfg, referral_email("Lee <lee@nhs.net>", TO, "Referral", message_id="<first@nhs.net>"))
    [sent] = rows(svc, OutboundEmail)
    echo = sent.raw.encode().replace(b"To: lee@nhs.net", b"To: referrals@liverpool.gov.uk")
    echo = echo.replace(b"Auto-Submitted: auto-replied\n", b"").replace(b"X-Loop:", b"X-Old-Loop:")
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    src.deliver(echo)
    report, _ = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"ignored_auto": 1}


def test_message_id_in_our_own_format_is_ignored(make_cfg):
    # Our Message-IDs end in .intake@<our domain>: such a message is ours even if the database forgot it.
    raw = referral_email("Someone <someone@nhs.net>", TO, "Referral", message_id="<1234.5678.intake@liverpool.gov.uk>")
    svc, report = run(make_cfg(), raw)
    assert report.outcomes == {"ignored_auto": 1} and rows(svc, OutboundEmail) == []


def test_outgoing_mail_carries_loop_guards(make_cfg):
    # Every message we send: Auto-Submitted, X-Auto-Response-Suppress: All, our X-Loop header.
    svc, _ = run(make_cfg(), referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)]))
    for row in rows(svc, OutboundEmail):
        assert row.message_id.endswith(".intake@liverpool.gov.uk>")
        assert "Auto-Submitted: auto-" in row.raw
        assert "X-Auto-Response-Suppress: All" in row.raw
        assert "X-Loop: referrals@liverpool.gov.uk" in row.raw


def test_message_without_message_id_delivered_twice_is_a_duplicate(make_cfg):
    # No Message-ID: the raw bytes are the key; the same bytes again are a duplicate.
    raw = referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)])
    raw = b"\n".join(line for line in raw.split(b"\n") if not line.startswith(b"Message-ID:"))
    svc, report = run(make_cfg(), raw, raw)
    assert report.outcomes == {"referral": 1, "duplicate": 1}
    assert len(rows(svc, Case)) == 1


def test_attachment_names_never_become_paths_and_files_are_private(make_cfg, tmp_path):
    # A hostile file name is kept only in the database; stored files are 0600 in 0700 directories.
    svc, _ = run(make_cfg(), referral_email("Pat <pat@nhs.net>", TO, "Referral", [("../../../../tmp/evil.docx", FORM)]))
    [att] = rows(svc, Attachment)
    assert att.original_name == "../../../../tmp/evil.docx"
    assert "evil" not in att.stored_path and att.stored_path.startswith(str(tmp_path / "files"))
    assert stat.S_IMODE(os.stat(att.stored_path).st_mode) == 0o600
    d = os.path.dirname(att.stored_path)
    while d.startswith(str(tmp_path / "files")):
        assert stat.S_IMODE(os.stat(d).st_mode) == 0o700, d
        d = os.path.dirname(d)
    assert not os.path.exists("/tmp/evil.docx")


def test_html_in_templates_is_autoescaped():
    # Values put into HTML templates are escaped.
    from notifier.compose import render

    _, _, html = render("referrer", "acknowledgement", organisation="<script>x</script>", group="G",
                        cases=[{"reference": "R", "missing": [], "check": []}], unusable=[])
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("raw", [
    b"",                                                     # nothing at all
    b"Subject: no body",                                     # headers only
    b"\xff\xfe\x00garbage\x00" * 100,                        # binary noise
    b"From: a@nhs.net\nContent-Type: multipart/mixed\n\nno boundary given\n",
    b"From: a@nhs.net\nContent-Type: text/plain; charset=x-unknown-charset\n\n\xe9t\xe9\n",
    b"From: a@nhs.net\n" + b"X-Header: " + b"a" * 200_000 + b"\n\nbody\n",       # header bomb
    b"From: a@nhs.net\nContent-Type: multipart/mixed; boundary=b\n\n" + b"--b\nContent-Type: multipart/mixed; boundary=b\n\n" * 500,
    b"From: a@nhs.net\nFrom: b@nhs.net\nSubject: two senders\n\nhello\n",
])
def test_broken_messages_each_get_exactly_one_outcome(make_cfg, raw):
    # Malformed input never crashes the batch: every message ends in one recorded outcome.
    svc, report = run(make_cfg(), raw, referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)]))
    assert sum(report.outcomes.values()) == 2 and report.outcomes["referral"] == 1
    assert len(rows(svc, InboundMessage)) == 2


def test_utf8_headers_and_encoded_words_are_read_as_text():
    # RFC 6532 raw UTF-8 headers and RFC 2047 encoded words both come out as readable text.
    from intake.mailbox.mail import read_facts

    raw = "From: Jöe <jöe@nhs.net>\nSubject: Säying hello\nMessage-ID: <u@nhs.net>\n\nbody\n".encode("utf-8")
    facts = read_facts(raw)
    assert facts.subject == "Säying hello" and facts.from_address == "jöe@nhs.net"
    raw = b"From: Pat <pat@nhs.net>\nSubject: =?utf-8?q?Referral_for_Zo=C3=AB?=\n\nbody\n"
    assert read_facts(raw).subject == "Referral for Zoë"
    raw = b"From: tim@example.org concierge@example.org\nSubject: two senders\n\nbody\n"
    assert read_facts(raw).from_address == "tim@example.org"


def test_sqlite_database_file_is_private(make_cfg, tmp_path):
    # The database (children's records) is mode 0600, like the stored files.
    svc, _ = run(make_cfg(), referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)]))
    for name in ("intake.db", "intake.db-wal"):
        path = tmp_path / name
        if path.exists():
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, name
