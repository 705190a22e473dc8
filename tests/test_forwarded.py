"""A form is a referral unless a valid reply token says otherwise (issue 12): forwarded referrals."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.mail import read_facts
from intake.store.models import AuditEvent, Case, OutboundEmail
from intake.service.services import build_services, poll_and_deliver

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)
MANAGER = "manager@liverpool.gov.uk"


def rows(svc, model, *where):
    with Session(svc.engine) as s:
        return s.exec(select(model).where(*where)).all()


@pytest.mark.servers
def test_manager_forwarding_a_form_with_a_note_and_no_token_makes_a_case_for_the_original_sender(server_cfg, imap, smtp):
    # "Note: this came to me directly..." on top of a forwarded referral from the Manager: a case (referrer: the
    # school's sender from the forwarded headers), acknowledged to the Manager; no refused-command email.
    body = ("Note: this came to me directly from the school, please log it.\n\nManager\n\n"
            "---------- Forwarded message ---------\nFrom: Head Teacher <head@school.liverpool.gov.uk>\n"
            "Date: Thu, 24 Dec 2026 at 09:12\nSubject: Referral\nTo: Manager <manager@liverpool.gov.uk>\n\n"
            "Please find the referral attached.\n")
    imap.append(referral_email(f"Safeguarding Manager <{MANAGER}>", TO, "Fwd: Referral", [("form.docx", FORM)],
                               body=body, message_id="<fwd-1@liverpool.gov.uk>"))
    svc = build_services(server_cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    [case] = rows(svc, Case)
    assert case.referrer_email == "head@school.liverpool.gov.uk"
    assert rows(svc, AuditEvent, AuditEvent.action == "command_refused") == []
    kinds = sorted((m["to"][0], str(m["msg"]["Subject"])) for m in smtp.handler.messages)
    assert kinds == [(MANAGER, "[SIRG-2026-0001] New referral received (AS)"),
                     (MANAGER, "[SIRG-2026-0001] Referral received")]
    assert imap.count("Processed") == 1


@pytest.mark.servers
def test_chair_forwarding_a_referral_as_an_attached_email_takes_the_referrer_from_its_headers(server_cfg, imap, smtp):
    # The Chair forwards the school's email as an attachment (.eml): the form inside is a referral by the school.
    inner = referral_email("Pat Nurse <pat.nurse@nhs.net>", "chair@merseyside.police.uk", "Referral",
                           [("form.docx", FORM)], message_id="<inner@nhs.net>")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "Chair <chair@merseyside.police.uk>", TO, "Referral for the group"
    outer["Message-ID"] = "<outer@merseyside.police.uk>"
    outer.set_content("Note this one for the next meeting.")
    outer.add_attachment(message_from_bytes(inner, policy=policy.default))
    imap.append(outer.as_bytes())
    svc = build_services(server_cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    [case] = rows(svc, Case)
    assert case.referrer_email == "pat.nurse@nhs.net"
    [ack] = rows(svc, OutboundEmail, OutboundEmail.kind == "acknowledgement")
    assert ack.to_address == "chair@merseyside.police.uk"


def test_manager_instruction_without_token_and_without_a_form_is_still_refused(make_cfg):
    # The old path stays: command lines from the Manager with no token and no form change nothing.
    from intake.mailbox.maildir_source import MaildirSource

    cfg = make_cfg()
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    src.deliver(referral_email(f"Manager <{MANAGER}>", TO, "Re: reminder", body="DONE C1 2026-12-30\n"))
    svc = build_services(cfg, isolated=False)
    report, _ = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"command": 1}
    assert len(rows(svc, AuditEvent, AuditEvent.action == "command_refused")) == 1


@pytest.mark.parametrize("subject, body, expected", [
    ("FW: Referral", "Thanks\n\n________________________________\nFrom: Lee Officer [mailto:lee.officer@merseyside.police.uk]\n"
     "Sent: 24 December 2026 09:00\nTo: Manager\n", "lee.officer@merseyside.police.uk"),
    ("Fwd: Referral", "Begin forwarded message:\n\n*From:* Ann <ann@nhs.net>\n*Date:* today\n", "ann@nhs.net"),
    ("Re: Referral", "-----Original Message-----\nFrom: LSCP Referrals <referrals@liverpool.gov.uk>\n", None),
    ("Referral", "From: someone@nhs.net\n", None),
])
def test_forwarded_sender_is_read_from_forwarded_headers_only_in_a_forward(subject, body, expected):
    # Outlook, Apple Mail and Gmail forwards name the original sender; a reply's quoted headers do not count.
    raw = referral_email("Fwd Person <fp@liverpool.gov.uk>", TO, subject, body=body)
    assert read_facts(raw).forwarded_from == expected


def test_files_inside_an_attached_outlook_msg_come_from_its_sender():
    # A forwarded .msg (corpus file from msgreader, MIT): the files inside it carry the original sender.
    from tests.conftest import EML

    path = EML / "msgreader" / "EmailWith2Attachments.msg"
    if not path.exists():
        pytest.skip("shared/eml corpus not present")
    raw = referral_email("Pat <pat@nhs.net>", TO, "FW: referral", [("forwarded.msg", path.read_bytes())])
    raw = raw.replace(b"vnd.openxmlformats-officedocument.wordprocessingml.document", b"vnd.ms-outlook")
    facts = read_facts(raw)
    assert {f.forwarded_from for f in facts.attachments} == {"kees.van.spelde@achmea.nl"}
    assert facts.referrer_of(facts.attachments[0]) == "kees.van.spelde@achmea.nl"
