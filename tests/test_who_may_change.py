"""Who may change a case by email (issue 23, items 1-3): answers that move the record or the clocks come only from
the case's referrer, its safeguarding lead, or the Manager/Chair with a valid token; anyone else's are held until
the Manager accepts them."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from intake import tokens
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.service.services import build_services, poll_and_deliver
from intake.store.models import AuditEvent, Case, Deadline

pytestmark = pytest.mark.servers
SECRET = "test-secret-0123456789abcdef"
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
MANAGER = "manager@liverpool.gov.uk"
NOVEMBER = {k: v for k, v in SAMPLE.items() if k != "Date the local authority became aware"}
NOVEMBER.update({"Date of referral": "02/11/2026", "Date of incident": "26/10/2026"})


def at(d, hh=10):
    return datetime(2026, 11, d, hh, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def case_and_clocks(svc):
    with Session(svc.engine) as s:
        case = s.exec(select(Case)).one()
        return case, {d.clock: d.due for d in s.exec(select(Deadline).where(Deadline.case_id == case.id))}


def manager_update(smtp):
    [msg] = [m["msg"] for m in smtp.handler.messages if m["to"] == [MANAGER] and "Case updated" in m["msg"]["Subject"]]
    return msg, msg.get_body(("plain",)).get_content()


@pytest.mark.both_databases
def test_reply_from_anyone_in_a_partner_domain_moves_nothing_until_the_manager_accepts(server_cfg, imap, smtp, monkeypatch):
    # Issue 23.1: random.person@nhs.net replies in SIRG-2026-0001's thread with the date the LA became aware: the
    # case and its clocks stay as they were, the answer is kept as a note, the Manager is told and replies
    # "ACCEPT SIRG-2026-0001" with the token: only then do the date and the clocks move.
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    clock = Clock(at(2))
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                               message_id="<case-1@liverpool.gov.uk>"), when=at(2))
    svc = build_services(server_cfg, now=clock, isolated=False)
    assert poll_and_deliver(svc)[0].outcomes == {"referral": 1}
    before, clocks_before = case_and_clocks(svc)
    assert before.date_la_aware is None
    smtp.handler.messages.clear()

    clock.now = at(3)
    imap.append(referral_email("Random Person <random.person@nhs.net>", TO, "Re: [SIRG-2026-0001] Referral received",
                               body="Date the local authority became aware: 28/10/2026\n\nR", message_id="<r-1@nhs.net>"),
                when=at(3))
    assert poll_and_deliver(svc)[0].outcomes == {"reply_to_case": 1}
    after, clocks_after = case_and_clocks(svc)
    assert after.date_la_aware is None and after.record_json == before.record_json and clocks_after == clocks_before
    with Session(svc.engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.case_id == before.id))]
    assert "note_added" in actions or "note" in " ".join(actions)
    assert "answers_held" in actions and "answers_added" not in actions
    msg, text = manager_update(smtp)
    assert "ACCEPT SIRG-2026-0001" in text and "nothing on the case or its deadlines has changed" in text
    assert [m["to"] for m in smtp.handler.messages] == [[MANAGER]]  # nothing to the outside sender
    token = tokens.find(text)[0]

    smtp.handler.messages.clear()
    clock.now = at(3, 11)
    imap.append(referral_email(MANAGER, TO, "Re: " + str(msg["Subject"]),
                               body=f"ACCEPT SIRG-2026-0001\n\nAnn\n\n> [intake:{token}]",
                               message_id="<accept-1@liverpool.gov.uk>"), when=at(3, 11))
    assert poll_and_deliver(svc)[0].outcomes == {"command": 1}
    accepted, clocks_accepted = case_and_clocks(svc)
    assert str(accepted.date_la_aware) == "2026-10-28"
    assert clocks_accepted["C1"] != clocks_before["C1"]


@pytest.mark.both_databases
def test_reply_from_the_referrer_still_moves_the_clocks_at_once(server_cfg, imap, smtp):
    # Issue 23.1: the case's referrer (From of the referral) may still fill the missing date by reply, at once.
    answers = NOVEMBER
    clock = Clock(at(2))
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(answers))],
                               message_id="<case-1@liverpool.gov.uk>"), when=at(2))
    svc = build_services(server_cfg, now=clock, isolated=False)
    poll_and_deliver(svc)
    before, clocks_before = case_and_clocks(svc)
    clock.now = at(3)
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Re: [SIRG-2026-0001] Referral received",
                               body="Date the local authority became aware: 28/10/2026\n\nSam",
                               message_id="<r-2@liverpool.gov.uk>"), when=at(3))
    assert poll_and_deliver(svc)[0].outcomes == {"reply_to_case": 1}
    after, clocks_after = case_and_clocks(svc)
    assert str(after.date_la_aware) == "2026-10-28" and clocks_after["C1"] != clocks_before["C1"]


def test_may_change_case_referrer_lead_or_a_person_with_their_token_only(make_cfg, monkeypatch):
    # Issue 23.1 (pure): the referrer and the form's safeguarding lead may; the Manager only with a valid token
    # issued to them for this case (a From header alone, or the Chair's token sent by someone else, does not).
    from intake.pipeline.replies import may_change_case

    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    cfg = make_cfg()
    now = at(3)
    case = Case(reference="SIRG-2026-0001", year=2026, seq=1, status="received", received_at=now,
                referrer_email="sam@liverpool.gov.uk",
                record_json=json.dumps({"safeguarding_lead": {"email": "Lead@AlderHey.nhs.uk"}}))
    token = tokens.marker(tokens.issue(SECRET, MANAGER, "SIRG-2026-0001", "case_updated", now))
    other = tokens.marker(tokens.issue(SECRET, MANAGER, "SIRG-2026-0002", "case_updated", now))
    assert may_change_case(cfg, case, "sam@liverpool.gov.uk", "", now)
    assert may_change_case(cfg, case, "lead@alderhey.nhs.uk", "", now)
    assert not may_change_case(cfg, case, "random.person@nhs.net", "", now)
    assert not may_change_case(cfg, case, MANAGER, "Date: 28/10/2026", now)
    assert may_change_case(cfg, case, MANAGER, f"x\n> {token}", now)
    assert not may_change_case(cfg, case, MANAGER, f"x\n> {other}", now)
    assert not may_change_case(cfg, case, "random.person@nhs.net", f"x\n> {token}", now)


def command_result(smtp):
    [msg] = [m["msg"] for m in smtp.handler.messages if m["to"] == [MANAGER] and m["msg"]["Subject"].startswith(
        ("Done:", "Your instruction"))]
    return msg.get_body(("plain",)).get_content()


@pytest.mark.both_databases
def test_instruction_with_a_form_attached_opens_a_case_for_the_sibling_and_says_so(server_cfg, imap, smtp, monkeypatch):
    # Issue 23.3: the Manager replies with her token: "Note: the school has now sent the sibling's form, attached –
    # please log it." The NOTE is recorded and the sibling's form opens SIRG-2026-0002, linked to SIRG-2026-0001,
    # with its clocks; the confirmation says so.
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    clock = Clock(at(2))
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                               message_id="<case-1@liverpool.gov.uk>"), when=at(2))
    svc = build_services(server_cfg, now=clock, isolated=False)
    assert poll_and_deliver(svc)[0].outcomes == {"referral": 1}
    smtp.handler.messages.clear()
    clock.now = at(3)
    token = tokens.marker(tokens.issue(SECRET, MANAGER, "SIRG-2026-0001", "new_referral", at(3)))
    sibling = dict(NOVEMBER, **{"Child's name": "Jo Sample"})
    imap.append(referral_email(MANAGER, TO, "Re: [SIRG-2026-0001] New referral", [("sibling.docx", docx_form(sibling))],
                               body="Note: the school has now sent the sibling's form, attached - please log it.\n\n"
                                    f"Ann\n\n> {token}", message_id="<note-1@liverpool.gov.uk>"), when=at(3))
    assert poll_and_deliver(svc)[0].outcomes == {"command": 1}
    with Session(svc.engine) as s:
        cases = {c.reference: c for c in s.exec(select(Case))}
        assert set(cases) == {"SIRG-2026-0001", "SIRG-2026-0002"}
        assert cases["SIRG-2026-0002"].linked_to == "SIRG-2026-0001"
        assert s.exec(select(Deadline).where(Deadline.case_id == cases["SIRG-2026-0002"].id)).first() is not None
        notes = [e for e in s.exec(select(AuditEvent).where(AuditEvent.case_id == cases["SIRG-2026-0001"].id,
                                                            AuditEvent.action == "note"))]
    assert notes
    text = command_result(smtp)
    assert "NOTE SIRG-2026-0001" in text and "sibling.docx: opened a new case, SIRG-2026-0002" in text
    assert any("New referral" in m["msg"]["Subject"] and "SIRG-2026-0002" in m["msg"]["Subject"]
               for m in smtp.handler.messages if m["to"] == [MANAGER])


@pytest.mark.both_databases
def test_instruction_with_the_same_childs_form_adds_it_to_the_case_named(server_cfg, imap, smtp, monkeypatch):
    # Issue 23.3: the Manager forwards the referrer's corrected form for the same child with "NOTE ... form with the
    # date attached": no second case; the missing date is filled on SIRG-2026-0001 and its clocks move.
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    clock = Clock(at(2))
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                               message_id="<case-1@liverpool.gov.uk>"), when=at(2))
    svc = build_services(server_cfg, now=clock, isolated=False)
    poll_and_deliver(svc)
    before, clocks_before = case_and_clocks(svc)
    smtp.handler.messages.clear()
    clock.now = at(3)
    token = tokens.marker(tokens.issue(SECRET, MANAGER, "SIRG-2026-0001", "new_referral", at(3)))
    full = dict(NOVEMBER, **{"Date the local authority became aware": "28/10/2026"})
    imap.append(referral_email(MANAGER, TO, "Re: [SIRG-2026-0001] New referral", [("again.docx", docx_form(full))],
                               body=f"NOTE the form again, with the date\n\nAnn\n\n> {token}",
                               message_id="<note-2@liverpool.gov.uk>"), when=at(3))
    assert poll_and_deliver(svc)[0].outcomes == {"command": 1}
    after, clocks_after = case_and_clocks(svc)  # still one case
    assert str(after.date_la_aware) == "2026-10-28" and clocks_after["C1"] != clocks_before["C1"]
    assert "again.docx: added to SIRG-2026-0001" in command_result(smtp)
