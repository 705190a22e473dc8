"""Automatic mail is never answered, but its forms are read (issue 12)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case, InboundMessage, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.service.remind import remind

pytestmark = pytest.mark.servers
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)
MANAGER = "manager@liverpool.gov.uk"


def rows(svc, model, *where):
    with Session(svc.engine) as s:
        return s.exec(select(model).where(*where)).all()


@pytest.mark.parametrize("sender, headers", [
    ("MASH System <noreply@mash.liverpool.gov.uk>", {"Auto-Submitted": "auto-generated"}),
    ("School Office <office@school.liverpool.gov.uk>", {"List-Unsubscribe": "<mailto:unsub@school.liverpool.gov.uk>",
                                                       "Precedence": "bulk"}),
])
def test_form_in_automatic_mail_opens_a_case_without_any_reply_and_tells_the_manager(server_cfg, imap, smtp, sender, headers):
    # A MASH system or a school's mailing tool sends the form: a case, nothing sent back to the sender, and the
    # Manager's new-referral email says it came from an automatic sender.
    imap.append(referral_email(sender, TO, "Referral", [("form.docx", FORM)], headers=headers,
                               message_id="<auto-1@liverpool.gov.uk>"))
    svc = build_services(server_cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    assert len(rows(svc, Case)) == 1
    assert [m["to"] for m in smtp.handler.messages] == [[MANAGER]]
    notice = smtp.handler.messages[0]["msg"].get_body(("plain",)).get_content()
    assert "came from an automatic sender" in notice and "has been asked" not in notice
    assert imap.count("Processed") == 1


def test_automatic_mail_with_attachments_but_no_form_is_unanswered_and_listed_in_the_digest(server_cfg, imap, smtp):
    # A no-reply sender's newsletter (attached, not a form): ignored_auto, no reply, and the digest lists it.
    newsletter = docx_form({"Term dates": "5 January", "Uniform": "blue"}, title="School newsletter")
    imap.append(referral_email("School <no-reply@school.liverpool.gov.uk>", TO, "Newsletter", [("news.docx", newsletter)],
                               message_id="<news@school.liverpool.gov.uk>"))
    svc = build_services(server_cfg, now=lambda: datetime(2026, 12, 24, 10, tzinfo=timezone.utc), isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"ignored_auto": 1}
    assert smtp.handler.messages == [] and rows(svc, OutboundEmail) == []
    [row] = rows(svc, InboundMessage)
    remind(svc, datetime(2026, 12, 24, 11, 0, tzinfo=timezone.utc))
    [digest] = [m["msg"] for m in smtp.handler.messages if str(m["msg"]["Subject"]).startswith("Morning briefing")]
    text = digest.get_body(("plain",)).get_content()
    assert "automatic mail with attachments but no usable form" in text and row.from_address in text


def test_out_of_office_without_attachments_is_still_ignored_and_unanswered(server_cfg, imap, smtp):
    # An out-of-office reply with nothing attached keeps its old path: ignored_auto, never answered.
    imap.append(referral_email("Away <away@liverpool.gov.uk>", TO, "Automatic reply: Referral",
                               headers={"Auto-Submitted": "auto-replied"}))
    svc = build_services(server_cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"ignored_auto": 1} and smtp.handler.messages == []
