"""Action plans by email (issue 16) through the real IMAP (Dovecot) and SMTP (aiosmtpd) servers: the plan in a
case's thread, its acknowledgement, a later version, an unknown reference, owners' reminders and replies."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage

import pytest
from sqlmodel import Session, select

from intake import tokens
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.demo.plans import SAMPLE_ROWS, WORDING_A, WORDING_B, cells, plan_docx, plan_xlsx
from intake.store.models import ActionItem, Deadline, InboundMessage, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.service.remind import remind

SECRET = "test-secret-0123456789abcdef"
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
ARRIVED = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
PLAN_DAY = datetime(2027, 1, 4, 10, tzinfo=timezone.utc)
LEAD = "Lee Lead <safeguarding.lead@alderhey.nhs.uk>"
NOVEMBER = dict(SAMPLE, **{"Date of referral": "02/11/2026", "Date of incident": "30/10/2026",
                           "Date the local authority became aware": "02/11/2026"})
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def email(sender, subject, body="Our action plan is attached.", attachments=(), msgid=None, in_reply_to=None):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, TO, subject
    msg["Message-ID"] = msgid or f"<m{abs(hash((sender, subject, body))) % 10**12}@alderhey.nhs.uk>"
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = in_reply_to
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype=XLSX.split("/")[1] if name.endswith("xlsx") else "octet-stream",
                           filename=name)
    return msg.as_bytes()


def xlsx_plan(rows=SAMPLE_ROWS, extra=()):
    return plan_xlsx(WORDING_B, [cells(r, WORDING_B, lambda d: d) for r in rows] + list(extra))


@pytest.fixture
def world(server_cfg, imap, smtp, monkeypatch):
    """One case (arrived 2 Nov 2026); its action plan will come on 4 Jan 2027. Owner commands enabled."""
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    server_cfg.agencies = {"education service": "education.lead@liverpool.gov.uk"}
    clock = {"now": datetime(2026, 11, 2, 11, tzinfo=timezone.utc)}
    svc = build_services(server_cfg, now=lambda: clock["now"])  # isolated: plans are read in the parse sandbox
    imap.append(referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Referral",
                               [("f.docx", docx_form(NOVEMBER))], message_id="<case1@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(svc)
    clock["now"] = PLAN_DAY

    class W:
        pass

    w = W()
    w.svc, w.clock, w.imap, w.smtp, w.cfg = svc, clock, imap, smtp, server_cfg
    w.ref = "SIRG-2026-0001"
    return w


def sent_to(smtp, address):
    return [m["msg"] for m in smtp.handler.messages if m["to"] == [address]]


def text_of(msg):
    return msg.get_body(("plain",)).get_content()


def actions(svc):
    with Session(svc.engine) as s:
        rows = s.exec(select(ActionItem, Deadline).where(Deadline.case_id == ActionItem.case_id,
                                                         Deadline.clock == ActionItem.clock)
                      .order_by(ActionItem.clock)).all()
        return [(i.clock, i.owner_email, i.agency, d.due, d.status, i.progress) for i, d in rows]


def outcomes(svc):
    with Session(svc.engine) as s:
        return [(m.outcome, m.folder) for m in s.exec(select(InboundMessage).order_by(InboundMessage.id))]


def test_action_plan_in_the_case_thread_becomes_tracked_actions_and_is_acknowledged(world):
    # An agency lead emails an .xlsx plan with the reference in the subject; one row's target date is "TBC".
    bad = [cells(dict(SAMPLE_ROWS[0], action="Refresher training", due="TBC"), WORDING_B)]
    world.imap.append(email(LEAD, f"{world.ref} single agency action plan", attachments=[("plan.xlsx", xlsx_plan(extra=bad))]))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"action_plan": 1}
    assert outcomes(world.svc)[-1] == ("action_plan", world.cfg.mailbox.processed_folder)
    assert [(c, e, d) for c, e, _, d, _, _ in actions(world.svc)] == [
        ("A1", "priya.shah@alderhey.nhs.uk", date(2027, 3, 31)), ("A2", "tom.reid@alderhey.nhs.uk", date(2027, 2, 26)),
        ("A3", "dana.cole@gmail.com", date(2027, 4, 30))]
    ack = sent_to(world.smtp, "safeguarding.lead@alderhey.nhs.uk")[-1]
    body = text_of(ack)
    assert ack["Subject"] == f"[{world.ref}] Action plan received: 3 actions read, 1 row not read"
    assert "row 7: the target date is not a date (write it like 31/03/2027)" in body
    assert "A2  row 5: due Friday 26 February 2027 - Alder Hey - Tom Reid (new)" in body
    assert "Alex" not in body and "Sample" not in body and ack["Auto-Submitted"] == "auto-replied"


def test_action_plan_second_version_updates_the_same_actions_and_never_duplicates(world):
    # Version 1 (.xlsx), then version 2 as a Word table in another wording, one date moved: still A1-A3.
    world.imap.append(email(LEAD, f"{world.ref} action plan", attachments=[("plan.xlsx", xlsx_plan())], msgid="<v1@alderhey.nhs.uk>"))
    poll_and_deliver(world.svc)
    rows = [cells(r, WORDING_A) for r in (SAMPLE_ROWS[0], dict(SAMPLE_ROWS[1], due=date(2027, 3, 19)), SAMPLE_ROWS[2])]
    world.imap.append(email(LEAD, f"RE: [{world.ref}] Action plan received", attachments=[("plan v2.docx", plan_docx(WORDING_A, rows))],
                            msgid="<v2@alderhey.nhs.uk>", in_reply_to="<v1@alderhey.nhs.uk>"))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"action_plan": 1}
    assert [(c, d) for c, _, _, d, _, _ in actions(world.svc)] == [
        ("A1", date(2027, 3, 31)), ("A2", date(2027, 3, 19)), ("A3", date(2027, 4, 30))]
    body = text_of(sent_to(world.smtp, "safeguarding.lead@alderhey.nhs.uk")[-1])
    assert "A2  row 3: due Friday 19 March 2027 - Alder Hey - Tom Reid (updated)" in body
    assert "A1  row 2: due Wednesday 31 March 2027 - Alder Hey - Priya Shah (unchanged)" in body


def test_action_plan_for_an_unknown_reference_is_kept_for_review_and_the_sender_told(world):
    # A reference no case has: outcome needs_info (Needs review folder), one reply naming the reference, no actions.
    world.imap.append(email(LEAD, "SIRG-2026-0099 action plan", attachments=[("plan.xlsx", xlsx_plan())]))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"needs_info": 1}
    assert outcomes(world.svc)[-1] == ("needs_info", world.cfg.mailbox.review_folder)
    replies = sent_to(world.smtp, "safeguarding.lead@alderhey.nhs.uk")
    assert [m["Subject"] for m in replies] == ["Action plan not recorded: no case SIRG-2026-0099"]
    assert actions(world.svc) == []


def test_damaged_spreadsheet_in_the_case_thread_is_kept_for_review_and_the_sender_told(world):
    # A truncated .xlsx plan: outcome needs_info (Needs review), one reply saying it is damaged, no actions.
    data = xlsx_plan()
    world.imap.append(email(LEAD, f"{world.ref} action plan", attachments=[("plan.xlsx", data[: len(data) // 2])]))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"needs_info": 1} and actions(world.svc) == []
    [reply] = sent_to(world.smtp, "safeguarding.lead@alderhey.nhs.uk")
    assert reply["Subject"] == f"[{world.ref}] Action plan could not be read"
    assert "is damaged and cannot be opened; please save and attach it again" in " ".join(text_of(reply).split())


def test_action_plan_from_a_sender_outside_the_partner_domains_is_not_applied(world):
    # The sender rules stand: a plan from a gmail address changes nothing.
    world.imap.append(email("Someone <someone@gmail.com>", f"{world.ref} action plan", attachments=[("plan.xlsx", xlsx_plan())]))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"sender_not_allowed": 1} and actions(world.svc) == []


def _plan(world):
    world.imap.append(email(LEAD, f"{world.ref} action plan", attachments=[("plan.xlsx", xlsx_plan())], msgid="<p@alderhey.nhs.uk>"))
    poll_and_deliver(world.svc)


def owner_reminders(world, address):
    return [m for m in sent_to(world.smtp, address) if "your action by" in m["Subject"]]


def test_owner_reminded_before_the_target_date_and_when_overdue_once_each(world):
    # A2 is due Fri 26 Feb 2027: its owner hears 5 working days before (Fri 19 Feb), not again that day, then on
    # the first working day late (Mon 1 Mar); A3's gmail owner is not used: the Education Service's lead is.
    _plan(world)
    remind(world.svc, datetime(2027, 2, 18, 9, tzinfo=timezone.utc))
    assert owner_reminders(world, "tom.reid@alderhey.nhs.uk") == []
    remind(world.svc, datetime(2027, 2, 19, 9, tzinfo=timezone.utc))
    remind(world.svc, datetime(2027, 2, 19, 15, tzinfo=timezone.utc))
    before = owner_reminders(world, "tom.reid@alderhey.nhs.uk")
    assert [m["Subject"] for m in before] == [f"Finish your action by Friday 26 February 2027, or say how it is going – {world.ref}"]
    assert "Briefing on household composition" in text_of(before[0]) and "Alex" not in text_of(before[0])
    remind(world.svc, datetime(2027, 3, 1, 9, tzinfo=timezone.utc))
    late = owner_reminders(world, "tom.reid@alderhey.nhs.uk")
    assert [m["Subject"] for m in late][1:] == [f"Overdue: finish your action by Friday 26 February 2027, or say how it is going – {world.ref}"]
    remind(world.svc, datetime(2027, 4, 23, 9, tzinfo=timezone.utc))
    lead = owner_reminders(world, "education.lead@liverpool.gov.uk")
    assert [m["Subject"] for m in lead] == [f"Finish your action by Friday 30 April 2027, or say how it is going – {world.ref}"]
    assert owner_reminders(world, "dana.cole@gmail.com") == []
    assert "as the lead for Education Service" in text_of(lead[0])


def _owner_token(world, address, when):
    remind(world.svc, when)
    msg = owner_reminders(world, address)[-1]
    return tokens.find(text_of(msg))[0], msg["Message-ID"], msg["Subject"]


def test_owner_replies_done_progress_and_date_through_the_mailbox(world):
    # Tom replies to his A2 reminder: PROGRESS, then (a newer reminder) DATE, then DONE; each applied and confirmed.
    _plan(world)
    day = datetime(2027, 2, 19, 9, tzinfo=timezone.utc)
    world.clock["now"] = day
    tok, mid, subject = _owner_token(world, "tom.reid@alderhey.nhs.uk", day)
    world.imap.append(email("Tom Reid <tom.reid@alderhey.nhs.uk>", "Re: " + subject,
                            f"PROGRESS A2 briefing written, booked for March\n\nTom\n> [intake:{tok}]", in_reply_to=mid))
    world.imap.append(email("Tom Reid <tom.reid@alderhey.nhs.uk>", "Re: " + subject,
                            f"DATE A2 2027-03-19 team meeting moved\n\n> [intake:{tok}]", in_reply_to=mid))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"command": 2}
    a2 = [a for a in actions(world.svc) if a[0] == "A2"][0]
    assert a2[3:] == (date(2027, 3, 19), "open", "briefing written, booked for March")
    with Session(world.svc.engine) as s:
        history = json.loads(s.exec(select(Deadline).where(Deadline.clock == "A2")).one().history)
    assert history[-1]["what"] == "rescheduled" and history[-1]["reason"] == "team meeting moved"
    confirmations = [m["Subject"] for m in sent_to(world.smtp, "tom.reid@alderhey.nhs.uk") if m["Subject"].startswith("Done:")]
    assert confirmations == [f"Done: PROGRESS {world.ref} A2", f"Done: DATE {world.ref} A2 2027-03-19"]
    # the new date re-arms the reminders: a new "before" reminder for 19 March, whose token records DONE
    later = datetime(2027, 3, 12, 9, tzinfo=timezone.utc)
    world.clock["now"] = later
    tok2, mid2, subject2 = _owner_token(world, "tom.reid@alderhey.nhs.uk", later)
    assert subject2 == f"Finish your action by Friday 19 March 2027, or say how it is going – {world.ref}"
    world.imap.append(email("Tom Reid <tom.reid@alderhey.nhs.uk>", "Re: " + subject2, f"done a2 2027-03-11\n\n> [intake:{tok2}]",
                            in_reply_to=mid2))
    poll_and_deliver(world.svc)
    assert [a for a in actions(world.svc) if a[0] == "A2"][0][4] == "met"
    assert [i for i in remind(world.svc, later + timedelta(days=10), dry_run=True) if i["clock"] == "A2"] == []  # met: no more


def test_owner_may_change_only_their_own_actions_and_a_forged_sender_changes_nothing(world):
    # Tom's token used for A1 (Priya's) is refused; Priya sending Tom's token is refused; nothing changes.
    _plan(world)
    day = datetime(2027, 2, 19, 9, tzinfo=timezone.utc)
    world.clock["now"] = day
    tok, mid, subject = _owner_token(world, "tom.reid@alderhey.nhs.uk", day)
    world.imap.append(email("Tom Reid <tom.reid@alderhey.nhs.uk>", "Re: " + subject, f"DONE A1\n\n> [intake:{tok}]",
                            in_reply_to=mid, msgid="<own1@alderhey.nhs.uk>"))
    world.imap.append(email("Priya Shah <priya.shah@alderhey.nhs.uk>", "Re: " + subject, f"DONE A2\n\n> [intake:{tok}]",
                            in_reply_to=mid, msgid="<own2@alderhey.nhs.uk>"))
    poll_and_deliver(world.svc)
    assert [a[4] for a in actions(world.svc)] == ["open", "open", "open"]
    refusals = [text_of(m) for m in sent_to(world.smtp, "tom.reid@alderhey.nhs.uk") if "NOT applied" in text_of(m)]
    assert "A1 is not one of your actions on SIRG-2026-0001" in refusals[0]
    assert sent_to(world.smtp, "priya.shah@alderhey.nhs.uk") == []  # the forged sender hears nothing
    assert len(refusals) == 2
