"""Reply tokens and command lines (pure), and the two-way email round trips against real servers."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage

import pytest
from sqlmodel import Session, select

from intake import tokens
from notifier.tasks import TASKS
from intake.duties.commands import CommandError, parse_commands
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import AuditEvent, Case, Deadline, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.service.remind import remind

SECRET = "test-secret-0123456789abcdef"
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
ARRIVED = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
NOVEMBER = dict(SAMPLE, **{"Date of referral": "02/11/2026", "Date of incident": "30/10/2026",
                           "Date the local authority became aware": "02/11/2026"})


# -- pure parts ---------------------------------------------------------------------------------

def test_token_round_trip_and_tampering():
    # A token verifies for its claims; any change to it is detected; it expires.
    tok = tokens.issue(SECRET, "Manager@X.gov.uk", "SIRG-2026-0001", "reminder", NOW)
    claims = tokens.verify(SECRET, tok, NOW)
    assert (claims.person, claims.case, claims.purpose) == ("manager@x.gov.uk", "SIRG-2026-0001", "reminder")
    body, sig = tok.split(".")
    with pytest.raises(tokens.TokenError, match="not one the bot issued"):
        tokens.verify(SECRET, body + "x." + sig, NOW)
    with pytest.raises(tokens.TokenError, match="not one the bot issued"):
        tokens.verify("another-secret-0123456789", tok, NOW)
    with pytest.raises(tokens.TokenError, match="expired"):
        tokens.verify(SECRET, tok, NOW + timedelta(days=15))


@pytest.mark.parametrize("text, expect", [
    ("DONE C1 2026-12-30", [("DONE", None, "C1", date(2026, 12, 30), None)]),
    ("done c1", [("DONE", None, "C1", None, None)]),
    ("NOTIFIED 29/12/2026", [("NOTIFIED", None, None, date(2026, 12, 29), None)]),
    ("Decision LCSPR 2027-01-12", [("DECISION", None, None, date(2027, 1, 12), "lcspr")]),
    ("DECISION rapid_review_only 2027-01-12", [("DECISION", None, None, date(2027, 1, 12), "rapid_review_only")]),
    ("DECISION NFA", [("DECISION", None, None, None, "no_review")]),
    ("DECISION single-agency 2027-01-12", [("DECISION", None, None, date(2027, 1, 12), "single_agency_review")]),
    ("PUBLISH 15 June 2027", [("PUBLISH", None, None, date(2027, 6, 15), None)]),
    ("PAUSE C7 criminal proceedings", [("PAUSE", None, "C7", None, "criminal proceedings")]),
    ("DONE SIRG-2026-0002 C4 2027-01-10", [("DONE", "SIRG-2026-0002", "C4", date(2027, 1, 10), None)]),
    ("NOTE spoke to the police\n\nThanks\nAnn\n> DONE C2", [("NOTE", None, None, None, "spoke to the police")]),
    ("Hello\n-----Original Message-----\nDONE C1", []),
])
def test_command_lines_are_read_from_the_top_of_a_reply(text, expect):
    # Case-insensitive verbs, dates in the usual spellings; quoted text below is ignored.
    got = [(c.verb, c.case, c.clock, c.on, c.value) for c in parse_commands(text, "SIRG")]
    assert got == expect


@pytest.mark.parametrize("text", ["DONE", "DONE 2026-12-30", "NOTIFIED someday", "DECISION MAYBE 2027-01-01", "NOTE"])
def test_unreadable_command_lines_raise(text):
    # A command it cannot read is an error (refused), never a guess.
    with pytest.raises(CommandError):
        parse_commands(text, "SIRG")


# -- round trips with real servers --------------------------------------------------------------

def reply(sender, subject, body, in_reply_to=None, msgid=None, attachments=()):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, TO, subject
    msg["Message-ID"] = msgid or f"<r{abs(hash((sender, body))) % 10**12}@liverpool.gov.uk>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes()


@pytest.fixture
def world(server_cfg, imap, smtp, monkeypatch):
    """A case received on Christmas Eve 2026, deadlines stored; reminders with tokens sent on 4 Jan 2027."""
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    server_cfg.notifications.combine = False  # replies to single reminders, each with its case's token
    clock = {"now": datetime(2026, 12, 24, 10, tzinfo=timezone.utc)}
    svc = build_services(server_cfg, now=lambda: clock["now"], isolated=False)
    # arrived on 2 Nov 2026 (a date in the past: Dovecot takes no INTERNALDATE in the future), with plausible dates
    imap.append(referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                               message_id="<case1@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(svc)
    clock["now"] = NOW
    remind(svc, NOW)

    class W:
        pass

    w = W()
    w.svc, w.clock, w.imap, w.smtp = svc, clock, imap, smtp
    w.manager, w.chair = server_cfg.people.manager, server_cfg.people.chair

    def token_for(person, clock_id="C1"):
        for m in smtp.handler.messages:
            subject = m["msg"]["Subject"].removeprefix("Overdue: ")   # issue 24.5: the task names the clock
            if m["to"] == [person] and (clock_id in subject.split() or subject.startswith(TASKS.get(clock_id, "-"))):
                text = m["msg"].get_body(("plain",)).get_content()
                return tokens.find(text)[0], m["msg"]["Message-ID"], m["msg"]["Subject"]
        raise AssertionError(f"no {clock_id} message to {person}")

    w.token_for = token_for
    return w


def deadline(svc, clock):
    with Session(svc.engine) as s:
        return s.exec(select(Deadline).where(Deadline.clock == clock)).one()


def results_to(smtp, person):
    return [m["msg"] for m in smtp.handler.messages if m["to"] == [person] and "instruction" in m["msg"]["Subject"].lower()
            or m["to"] == [person] and m["msg"]["Subject"].startswith("Done:")]


def test_manager_replies_done_with_token_deadline_met_and_reminders_stop(world):
    # Reminder -> Manager replies "DONE C1" keeping the token -> C1 met, confirmed, no more C1 reminders.
    tok, mid, subject = world.token_for(world.manager)
    world.imap.append(reply(world.manager, "Re: " + subject, f"DONE C1 2027-01-04\n\nAnn\n\n> reminder text\n> [intake:{tok}]", mid))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"command": 1}
    row = deadline(world.svc, "C1")
    assert row.status == "met" and row.met_on == date(2027, 1, 4)
    assert any(h["by"] == f"email:{world.manager}" for h in json.loads(row.history))
    assert [m["Subject"] for m in results_to(world.smtp, world.manager)][-1].startswith("Done: DONE SIRG-2026-0001 C1")
    later = remind(world.svc, NOW + timedelta(days=1), dry_run=True)
    assert not [i for i in later if i["clock"] == "C1"]


def test_referrer_reply_with_missing_date_completes_case_and_creates_deadlines(server_cfg, imap, smtp):
    # A form without the incident date and aware date -> referrer replies "Date of incident: ..." -> complete.
    answers = {k: v for k, v in SAMPLE.items() if k not in ("Date of incident", "Date the local authority became aware")}
    svc = build_services(server_cfg, now=lambda: NOW, isolated=False)
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(answers))],
                               message_id="<partial@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(svc)
    with Session(svc.engine) as s:
        case = s.exec(select(Case)).one()
        assert json.loads(case.missing_json) == ["incident.date"]
        ack = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).one()
        assert s.exec(select(Deadline).where(Deadline.clock == "C1")).one().estimated
    imap.append(reply("Sam <sam@liverpool.gov.uk>", f"RE: {ack.subject}",
                      "Date of incident: 30/10/2026\nDate the local authority became aware: 31/10/2026\n\nRegards, Sam\n\n> Thank you",
                      ack.message_id))
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"reply_to_case": 1}
    with Session(svc.engine) as s:
        case = s.exec(select(Case)).one()
        record = json.loads(case.record_json)
        assert record["incident"]["date"] == "2026-10-30" and json.loads(case.missing_json) == []
        assert case.status == "received"
        c1 = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
        assert (c1.anchor, c1.anchor_date, c1.estimated) == ("incident.date_la_aware", date(2026, 10, 31), False)
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "deadline_moved")).all()
    assert any("now complete" in m["msg"]["Subject"] and m["to"] == ["sam@liverpool.gov.uk"] for m in smtp.handler.messages)


def test_referrer_reply_never_overwrites_an_answer_it_flags_the_conflict(server_cfg, imap, smtp):
    # A reply giving a different date of birth: the first answer stays, the conflict is recorded.
    svc = build_services(server_cfg, now=lambda: NOW, isolated=False)
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(SAMPLE))], message_id="<c2@liverpool.gov.uk>"))
    poll_and_deliver(svc)
    with Session(svc.engine) as s:
        ref = s.exec(select(Case)).one().reference
    imap.append(reply("Sam <sam@liverpool.gov.uk>", f"Re: [{ref}] Referral received", "Date of birth: 04/02/2020\n"))
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"reply_to_case": 1}
    with Session(svc.engine) as s:
        case = s.exec(select(Case)).one()
        assert json.loads(case.record_json)["children"][0]["dob"] == "2020-02-03"
        assert any("conflicting answer for children[0].dob" in w for w in json.loads(case.warnings_json))


@pytest.mark.parametrize("scenario", ["no_token", "wrong_person", "expired", "replayed", "other_case", "forged_sender",
                                      "pause_without_reason", "done_after_today"])
def test_commands_that_must_be_refused_change_nothing(world, scenario):
    # Each refusal: nothing changed, audited, one short reply to the configured person's own address only.
    tok, mid, subject = world.token_for(world.manager)
    sender, body = world.manager, f"DONE C1\n\n> [intake:{tok}]"
    if scenario == "no_token":
        body = "DONE C1"
    elif scenario == "wrong_person":
        chair_tok, _, _ = world.token_for(world.chair)
        body = f"DONE C1\n\n> [intake:{chair_tok}]"
    elif scenario == "expired":
        world.clock["now"] = NOW + timedelta(days=20)
    elif scenario == "replayed":
        world.imap.append(reply(sender, "Re: " + subject, f"NOTE first use\nDONE C2\n\n> [intake:{tok}]", mid, msgid="<first@liverpool.gov.uk>"))
        poll_and_deliver(world.svc)
        assert deadline(world.svc, "C2").status == "met"
    elif scenario == "other_case":
        body = f"DONE SIRG-2099-0001 C1\n\n> [intake:{tok}]"
    elif scenario == "forged_sender":
        sender = "Attacker <attacker@liverpool.gov.uk>"
    elif scenario == "pause_without_reason":  # checked like `intake mark --pause`, before the DONE above it applies
        body = f"DONE C1\nPAUSE C4\n\n> [intake:{tok}]"
    elif scenario == "done_after_today":  # today is 2027-01-04
        body = f"DONE C1 2027-01-05\n\n> [intake:{tok}]"
    before = len(world.smtp.handler.messages)
    world.imap.append(reply(sender, "Re: " + subject, body, mid, msgid=f"<{scenario}@liverpool.gov.uk>"))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"command": 1}
    assert deadline(world.svc, "C1").status == "open"
    with Session(world.svc.engine) as s:
        refusals = s.exec(select(AuditEvent).where(AuditEvent.action == "command_refused")).all()
    assert len(refusals) == 1
    expected = {"pause_without_reason": "PAUSE: pausing a deadline needs its reason",
                "done_after_today": "DONE: 2027-01-05 is after today (2027-01-04)"}.get(scenario)
    assert expected is None or json.loads(refusals[0].detail)["reason"].startswith(expected)
    new = world.smtp.handler.messages[before:]
    assert [m["to"] for m in new] == [[world.manager]]
    assert new[0]["msg"]["Subject"] == "Your instruction was not applied"
    assert not any("attacker" in m["to"][0] for m in world.smtp.handler.messages)


def test_help_lists_the_commands(world):
    # HELP (with a token) returns the command list.
    tok, mid, subject = world.token_for(world.manager)
    world.imap.append(reply(world.manager, "Re: " + subject, f"help\n\n> [intake:{tok}]", mid, msgid="<help@liverpool.gov.uk>"))
    poll_and_deliver(world.svc)
    last = world.smtp.handler.messages[-1]["msg"]
    assert last["To"] == world.manager and "NOTIFIED" in last.get_body(("plain",)).get_content()


def test_reminders_show_the_commands_and_a_token_only_when_enabled(world):
    # Every reminder carries the commands that apply to it and its reply token.
    reminders = [m["msg"] for m in world.smtp.handler.messages if m["to"] == [world.manager] and "Notify the National Panel" in m["msg"]["Subject"]]
    text = reminders[0].get_body(("plain",)).get_content()
    assert "DONE C1" in text and "NOTIFIED" in text and "[intake:" in text


def test_signature_lines_in_a_reply_do_not_become_answers(server_cfg, imap, smtp):
    # "Address:" and "Tel:" in a signature are not taken as the child's address or anything else.
    answers = {k: v for k, v in SAMPLE.items() if k not in ("Home address", "Telephone number")}
    svc = build_services(server_cfg, now=lambda: NOW, isolated=False)
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(answers))], message_id="<sig@liverpool.gov.uk>"))
    poll_and_deliver(svc)
    with Session(svc.engine) as s:
        ref = s.exec(select(Case)).one().reference
    imap.append(reply("Sam <sam@liverpool.gov.uk>", f"Re: [{ref}] Referral received",
                      "The police log number is 123.\n\nSam Worker\nAddress: Municipal Buildings, Dale Street\nTel: 0151 496 0000\n"))
    poll_and_deliver(svc)
    with Session(svc.engine) as s:
        record = json.loads(s.exec(select(Case)).one().record_json)
        notes = s.exec(select(AuditEvent).where(AuditEvent.action == "note")).all()
    assert record["children"][0]["address"] is None and record["referrer"]["phone"] is None
    assert notes and "police log number" in json.loads(notes[0].detail)["text"]


def test_reply_with_a_form_for_another_child_opens_a_new_case(server_cfg, imap, smtp):
    # A referrer replies in an old case's thread attaching a form about a different child: a new case,
    # and nothing from it is merged into the old one.
    svc = build_services(server_cfg, now=lambda: NOW, isolated=False)
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(SAMPLE))], message_id="<first-child@liverpool.gov.uk>"))
    poll_and_deliver(svc)
    with Session(svc.engine) as s:
        first = s.exec(select(Case)).one()
        before = first.record_json
    other = dict(SAMPLE, **{"Child's name": "Bea Other", "Date of birth": "1 May 2019"})
    imap.append(reply("Sam <sam@liverpool.gov.uk>", f"Re: [{first.reference}] Referral received", "Another referral attached.",
                      attachments=[("second.docx", docx_form(other))]))
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    with Session(svc.engine) as s:
        cases = s.exec(select(Case).order_by(Case.seq)).all()
        assert len(cases) == 2 and cases[0].record_json == before
        assert json.loads(cases[1].record_json)["children"][0]["name"] == "Bea Other"
