"""Who may change a case by email (issue 23, items 1-3): answers that move the record or the clocks come only from
the case's referrer, its safeguarding lead, or the Manager/Chair with a valid token; anyone else's are held until
the Manager accepts them."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from email.message import EmailMessage

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
    token = tokens.Claims(MANAGER, "SIRG-2026-0001", "case_updated", now, "n1")   # a valid token's claims
    other = tokens.Claims(MANAGER, "SIRG-2026-0002", "case_updated", now, "n2")
    assert may_change_case(cfg, case, "sam@liverpool.gov.uk", None, now)
    assert may_change_case(cfg, case, "lead@alderhey.nhs.uk", None, now)
    assert not may_change_case(cfg, case, "random.person@nhs.net", None, now)
    assert not may_change_case(cfg, case, MANAGER, None, now)
    assert may_change_case(cfg, case, MANAGER, token, now)
    assert not may_change_case(cfg, case, MANAGER, other, now)
    assert not may_change_case(cfg, case, "random.person@nhs.net", token, now)


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


# -- 23.2: an action plan updates only its own agency's actions ------------------------------------------------------

POLICE_ROW = {"rec": "1. Frontline staff to know the learning", "owner": "Pat Officer",
              "action": "Deliver a briefing on the learning to all frontline staff",
              "email": "pat.officer@merseyside.police.uk", "agency": "Merseyside Police", "due": date(2027, 3, 31),
              "status": "Not started"}


def plan_email(sender, rows, msgid):
    from intake.demo.plans import WORDING_B, cells, plan_xlsx

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Message-ID"] = sender, TO, "Re: [SIRG-2026-0001] action plan", msgid
    msg.set_content("Our single agency action plan is attached.")
    msg.add_attachment(plan_xlsx(WORDING_B, [cells(r, WORDING_B, lambda d: d) for r in rows]), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="plan.xlsx")
    return msg.as_bytes()


def actions_of(svc):
    from intake.store.models import ActionItem

    with Session(svc.engine) as s:
        deadlines = {d.clock: d for d in s.exec(select(Deadline).where(Deadline.clock.like("A%")))}
        return {i.clock: (i.agency, i.owner_email, deadlines[i.clock].due, deadlines[i.clock].status)
                for i in s.exec(select(ActionItem))}


def police_plan_on_a_case(server_cfg, imap):
    clock = Clock(at(2))
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                               message_id="<case-1@liverpool.gov.uk>"), when=at(2))
    svc = build_services(server_cfg, now=clock, isolated=False)
    poll_and_deliver(svc)
    clock.now = at(20)
    imap.append(plan_email("Pat Officer <pat.officer@merseyside.police.uk>", [POLICE_ROW], "<plan-1@police.uk>"),
                when=at(20))
    assert poll_and_deliver(svc)[0].outcomes == {"action_plan": 1}
    police = actions_of(svc)
    assert police == {"A1": ("Merseyside Police", "pat.officer@merseyside.police.uk", date(2027, 3, 31), "open")}
    clock.now = at(21)
    return svc, police


@pytest.mark.both_databases
def test_action_plan_of_another_agency_with_nearly_the_same_action_never_takes_over_or_closes_it(server_cfg, imap, smtp):
    # Issue 23.2: Health's first plan has "... all frontline health staff", marked Complete: a new action A2 of
    # Health's (done), and the Police's A1 keeps its agency, owner and date and stays open.
    svc, police = police_plan_on_a_case(server_cfg, imap)
    health = dict(POLICE_ROW, action="Deliver a briefing on the learning to all frontline health staff",
                  owner="Jo Nurse", email="jo.nurse@nhs.net", agency="Health", due=date(2027, 2, 26), status="Complete")
    imap.append(plan_email("Jo Nurse <jo.nurse@nhs.net>", [health], "<plan-2@nhs.net>"), when=at(21))
    assert poll_and_deliver(svc)[0].outcomes == {"action_plan": 1}
    after = actions_of(svc)
    assert after["A1"] == police["A1"]
    assert after["A2"][:3] == ("Health", "jo.nurse@nhs.net", date(2027, 2, 26)) and after["A2"][3] == "met"


@pytest.mark.both_databases
def test_action_plan_naming_another_agencys_action_exactly_changes_nothing_and_tells_the_manager(server_cfg, imap, smtp):
    # Issue 23.2: Health's plan repeats the Police's action word for word, with Health's owner, another date and
    # "Complete": A1 is neither reassigned nor closed; the row is not applied, the sender is told why and the
    # Manager hears of the conflict.
    svc, police = police_plan_on_a_case(server_cfg, imap)
    smtp.handler.messages.clear()
    health = dict(POLICE_ROW, owner="Jo Nurse", email="jo.nurse@nhs.net", agency="Health", due=date(2027, 2, 26),
                  status="Complete")
    imap.append(plan_email("Jo Nurse <jo.nurse@nhs.net>", [health], "<plan-3@nhs.net>"), when=at(21))
    assert poll_and_deliver(svc)[0].outcomes == {"action_plan": 1}
    assert actions_of(svc) == police
    with Session(svc.engine) as s:
        assert [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.action == "action_plan_conflict"))]
    _, text = manager_update(smtp)
    assert "A1 of Merseyside Police" in text and "NOT changed" in text
    [ack] = [m["msg"] for m in smtp.handler.messages if m["to"] == ["jo.nurse@nhs.net"]]
    assert "another agency" in ack.get_body(("plain",)).get_content()


@pytest.mark.both_databases
def test_action_plan_from_the_same_agency_still_updates_and_closes_its_own_action(server_cfg, imap, smtp):
    # Issue 23.2: the Police's next version (same domain, same agency, words retyped) moves and closes their A1.
    svc, police = police_plan_on_a_case(server_cfg, imap)
    again = dict(POLICE_ROW, action="DELIVER a briefing on the learning to all frontline staff.", status="Complete",
                 due=date(2027, 4, 30))
    imap.append(plan_email("Pat Officer <pat.officer@merseyside.police.uk>", [again], "<plan-4@police.uk>"), when=at(21))
    assert poll_and_deliver(svc)[0].outcomes == {"action_plan": 1}
    assert actions_of(svc) == {"A1": ("Merseyside Police", "pat.officer@merseyside.police.uk", date(2027, 4, 30), "met")}
