"""Issue 24 (1, 2, 3, 7): every email to the Manager, the Chair or an action owner can be answered by a plain
reply (the quote stripped, the short token only in the Reply-To's plus address), through the real Dovecot and
aiosmtpd; refusals say what to send instead; examples are right on the day; calendar answers are attendance."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import parseaddr

import pytest
from icalendar import Calendar, Event, vCalAddress
from sqlmodel import Session, select

from intake import tokens
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.duties.action_plans import parse_owner_commands
from intake.duties.commands import CommandError, correct_line, parse_commands
from intake.service.remind import remind
from intake.service.services import build_services, poll_and_deliver
from intake.store import reply_tokens
from intake.store.db import open_database
from intake.store.models import Attendance, AuditEvent, Case, Deadline, OutboundEmail

SECRET = "test-secret-0123456789abcdef"
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
ARRIVED = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
NOVEMBER = dict(SAMPLE, **{"Date of referral": "02/11/2026", "Date of incident": "30/10/2026",
                           "Date the local authority became aware": "02/11/2026"})
# referred two months after the local authority knew: C1 and C2 were due before it arrived
LATE = dict(SAMPLE, **{"Child's name": "Bea Late", "Date of referral": "02/11/2026", "Date of incident": "28/08/2026",
                       "Date the local authority became aware": "01/09/2026"})
PANEL = ["designated.nurse@nhs.net", "dci.reviews@merseyside.police.uk"]
MANAGER, CHAIR = "manager@liverpool.gov.uk", "chair@merseyside.police.uk"


# -- pure parts -----------------------------------------------------------------------------------

def test_short_token_is_20_random_characters_with_an_hmac_and_rides_in_a_plus_address():
    # Short, random, lower-case base32; any changed character fails the HMAC; the plus address keeps the name.
    a, b = tokens.new_short(SECRET), tokens.new_short(SECRET)
    assert len(a) == 20 <= 24 and a != b and re.fullmatch(r"[a-z2-7]{20}", a)
    assert tokens.short_ok(SECRET, a) and tokens.short_ok(SECRET, a.upper())
    tampered = a[:5] + ("a" if a[5] != "a" else "b") + a[6:]
    assert not tokens.short_ok(SECRET, tampered) and not tokens.short_ok("another-secret-0123456789", a)
    assert tokens.plus_address(TO, a) == f"LSCP Referrals <referrals+{a}@liverpool.gov.uk>"


@pytest.mark.parametrize("header", ["to", "cc", "delivered-to", "x-original-to"])
def test_token_is_found_in_the_plus_address_of_each_recipient_header(header):
    # Outlook answers the Reply-To; servers record the plus address in Delivered-To / X-Original-To.
    tok = tokens.new_short(SECRET)
    headers = {header: f"LSCP Referrals <referrals+{tok.upper()}@liverpool.gov.uk>, someone@nhs.net"}
    assert tokens.in_message(headers, "DONE C1 today") == [tok]
    assert tokens.in_message({}, f"> [intake:{tok}]") == [tok]       # the visible line, as a fallback


def test_stored_token_is_looked_up_and_tampered_unknown_and_expired_ones_are_refused(tmp_path):
    # The claims come from the database; a token with a valid HMAC that was never stored is refused too.
    engine = open_database(f"sqlite:///{tmp_path / 't.db'}")
    now = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    with Session(engine) as s:
        tok = reply_tokens.issue(s, SECRET, "Manager@Liverpool.gov.uk", "SIRG-2026-0001", "reminder", now, days=14)
        s.commit()
        claims = reply_tokens.verify(s, SECRET, tok, now)
        assert (claims.person, claims.case, claims.purpose, claims.nonce) == (MANAGER, "SIRG-2026-0001", "reminder", tok)
        with pytest.raises(tokens.TokenError, match="not one the bot issued"):
            reply_tokens.verify(s, SECRET, tok[:-1] + ("a" if tok[-1] != "a" else "b"), now)
        with pytest.raises(tokens.TokenError, match="not one the bot issued"):
            reply_tokens.verify(s, SECRET, tokens.new_short(SECRET), now)   # right HMAC, never issued
        with pytest.raises(tokens.TokenError, match="expired"):
            reply_tokens.verify(s, SECRET, tok, now + timedelta(days=15))
        old = tokens.issue(SECRET, MANAGER, "SIRG-2026-0001", "reminder", now)   # a long token sent before
        assert reply_tokens.claims(s, SECRET, [old], now).case == "SIRG-2026-0001"


def test_today_and_yesterday_are_dates_in_every_command():
    # The words every example uses: read against the organisation's today.
    today = date(2027, 1, 4)
    got = [(c.verb, c.on) for c in parse_commands(
        "DONE C1 today\nNOTIFIED yesterday\nDECISION LCSPR Today\nCONVENE today 16:00\nEXTEND C4 today Panel agreed",
        "SIRG", today)]
    assert got == [("DONE", today), ("NOTIFIED", date(2027, 1, 3)), ("DECISION", today), ("CONVENE", today),
                   ("EXTEND", today)]
    assert [(c.verb, c.on) for c in parse_owner_commands("DONE A2 yesterday\nDATE A2 today moved", today)] == [
        ("DONE", date(2027, 1, 3)), ("DATE", today)]


def test_an_unreadable_date_is_corrected_into_a_line_ready_to_send():
    # The refusal's corrected command: today for what happened, a date ahead for what is planned.
    today = date(2027, 1, 4)
    for line, fixed in (("DONE C1 31/31/2026", "DONE C1 today"), ("EXTEND C4 someday Panel agreed",
                                                                  "EXTEND C4 2027-02-01 Panel agreed")):
        with pytest.raises(CommandError) as err:
            parse_commands(line, "SIRG", today)
        assert correct_line(line, err.value, today) == fixed


# -- round trips with real servers --------------------------------------------------------------

class World:
    pass


@pytest.fixture
def world(server_cfg, imap, smtp, monkeypatch):
    """One case arrived Mon 2 Nov 2026 (a late one too); commands on, a Rapid Review panel and monthly meetings."""
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    server_cfg.notifications.combine = False
    server_cfg.people.rapid_review_panel = list(PANEL)
    server_cfg.meetings.rule = "second Tuesday"
    server_cfg.meetings.location = "Room 4, Cunard Building"
    clock = {"now": ARRIVED + timedelta(minutes=5)}
    svc = build_services(server_cfg, now=lambda: clock["now"], isolated=False)
    imap.append(referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Referral",
                               [("f.docx", docx_form(NOVEMBER))], message_id="<case1@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(svc)
    w = World()
    w.svc, w.clock, w.imap, w.smtp, w.cfg = svc, clock, imap, smtp, server_cfg
    return w


def delivered(w, kind, to, since=0):
    """The last email of ``kind`` delivered to ``to`` (as aiosmtpd received it)."""
    with Session(w.svc.engine) as s:
        ids = {r.message_id for r in s.exec(select(OutboundEmail).where(OutboundEmail.kind == kind,
                                                                        OutboundEmail.to_address == to))}
    found = [m["msg"] for m in w.smtp.handler.messages[since:] if m["msg"]["Message-ID"] in ids]
    assert found, f"no {kind} to {to}"
    return found[-1]


def text_of(msg):
    return msg.get_body(("plain",)).get_content()


def examples(msg) -> list[str]:
    """The commands the email offers, as a person would copy them."""
    block = text_of(msg).split("ACT BY REPLY", 1)[1].split("Replying to this email", 1)[0]
    return [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines()[2:] if line.startswith("  ")]


def example(msg, verb) -> str:
    return next(e for e in examples(msg) if e.split()[0] == verb)


def plain_reply(msg, sender, body, via="to", msgid=None) -> bytes:
    """What Outlook sends on Reply with the quote stripped: to the Reply-To, the typed lines only."""
    reply_to = msg["Reply-To"]
    assert reply_to and "+" in reply_to, msg["Subject"]
    r = EmailMessage()
    r["From"], r["Subject"] = sender, "RE: " + msg["Subject"]
    if via == "to":
        r["To"] = reply_to
    else:   # a server that rewrote To kept the plus address in Delivered-To
        r["To"], r["Delivered-To"] = TO, parseaddr(reply_to)[1]
    r["Message-ID"] = msgid or f"<plain{abs(hash((sender, body, msg['Message-ID']))) % 10**12}@liverpool.gov.uk>"
    r["In-Reply-To"] = r["References"] = msg["Message-ID"]
    r.set_content(body + "\n\nAnn\n")
    assert "[intake:" not in body
    return r.as_bytes()


def events(w, action):
    with Session(w.svc.engine) as s:
        return s.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def answer(w, msg, sender, body, via="to"):
    """Reply plainly, poll, and return (applied, refused) as audited for this reply, and the answer email."""
    before, applied0, refused0 = len(w.smtp.handler.messages), len(events(w, "command_applied")), len(events(w, "command_refused"))
    w.imap.append(plain_reply(msg, sender, body, via))
    report, _ = poll_and_deliver(w.svc)
    assert report.outcomes == {"command": 1}, (msg["Subject"], report.outcomes)
    applied, refused = events(w, "command_applied")[applied0:], events(w, "command_refused")[refused0:]
    [result] = [m["msg"] for m in w.smtp.handler.messages[before:] if m["msg"]["Subject"].startswith(("Done:", "Your instruction"))]
    return ([json.loads(e.detail)["commands"] for e in applied], [json.loads(e.detail)["reason"] for e in refused],
            result)


def applies(w, msg, sender, body, via="to"):
    applied, refused, result = answer(w, msg, sender, body, via)
    assert refused == [] and len(applied) == 1, (msg["Subject"], body, refused)
    assert result["To"] == parseaddr(sender)[1] and result["Subject"].startswith("Done:")
    return applied[0], result


def test_every_manager_and_chair_email_is_answered_by_a_plain_reply(world):
    # New referral, late referral (both copies), reminder, escalation, briefing, no-meeting reminder, meeting pack,
    # case updated, undelivered notice, and the bot's answers themselves (done, HELP, refusal): each answered with
    # only the command typed and the token only in the Reply-To, each applied.
    w = world
    applied = {}
    # the late referral arrives (2 Nov): its new-referral email and the late notices to the Manager and the Chair
    w.imap.append(referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Late referral",
                                 [("late.docx", docx_form(LATE))], message_id="<late@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(w.svc)
    with Session(w.svc.engine) as s:
        refs = [c.reference for c in s.exec(select(Case).order_by(Case.seq))]
    first, late = refs
    new_referral = delivered(w, "new_referral", MANAGER)
    late_manager = [m["msg"] for m in w.smtp.handler.messages
                    if m["to"] == [MANAGER] and m["msg"]["Subject"].startswith("Referred after") and m["msg"]["Subject"].endswith(late)][0]
    late_chair = [m["msg"] for m in w.smtp.handler.messages
                  if m["to"] == [CHAIR] and m["msg"]["Subject"].startswith("Referred after") and m["msg"]["Subject"].endswith(late)][0]
    applied["new_referral"], _ = applies(w, new_referral, MANAGER, example(new_referral, "NOTE"))
    applied["late_referral (Manager)"], _ = applies(w, late_manager, MANAGER, example(late_manager, "DONE"))
    applied["late_referral (Chair)"], _ = applies(w, late_chair, CHAIR, example(late_chair, "NOTE"), via="delivered-to")

    # Mon 4 Jan 2027: reminders, the Chair's escalation, the briefing, and no Rapid Review meeting set
    now = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    reminder = [m["msg"] for m in w.smtp.handler.messages if m["to"] == [MANAGER] and "Notify the National Panel" in m["msg"]["Subject"]
                and m["msg"]["Subject"].endswith(first)][-1]
    escalation = delivered(w, "escalation", CHAIR)
    briefing = delivered(w, "digest", MANAGER)
    unset = delivered(w, "rapid_review_unset", MANAGER)
    assert "DONE C1 today" in examples(reminder) and "NOTIFIED today" in examples(reminder)
    applied["reminder"], _ = applies(w, reminder, MANAGER, example(reminder, "NOTIFIED"))
    applied["escalation"], _ = applies(w, escalation, CHAIR, example(escalation, "NOTE"))
    applied["digest"], _ = applies(w, briefing, MANAGER, example(briefing, "NOTE"))
    assert example(unset, "CONVENE") == "CONVENE 2027-01-05 10:00"   # the next working day
    applied["rapid_review_unset"], _ = applies(w, unset, MANAGER, example(unset, "CONVENE"))

    # the referrer adds a note: the Manager's "case updated"
    note = EmailMessage()
    note["From"], note["To"], note["Subject"] = "Sam Worker <sam.worker@liverpool.gov.uk>", TO, f"Re: [{first}] Referral"
    note["Message-ID"] = "<note@liverpool.gov.uk>"
    note.set_content("The police are now involved.\n\nSam")
    w.imap.append(note.as_bytes())
    poll_and_deliver(w.svc)
    case_updated = delivered(w, "case_updated", MANAGER)
    applied["case_updated"], done = applies(w, case_updated, MANAGER, example(case_updated, "NOTE"))

    # the bot's own answers: the confirmation, HELP, and a refusal with its corrected command
    applied["command_result (done)"], _ = applies(w, done, MANAGER, example(done, "NOTE"))
    helped, _, help_result = answer(w, done, MANAGER, "HELP")
    assert helped == [["HELP"]] and "CONVENE" in text_of(help_result) and "<pre" not in help_result.get_body(("html",)).get_content()
    applied["command_result (HELP)"], _ = applies(w, help_result, MANAGER, example(help_result, "NOTE"))
    _, refused, refusal = answer(w, help_result, MANAGER, "DONE C2 31/31/2026")
    assert refused and "is not a date" in refused[0]
    retry = text_of(refusal).split("To apply it, reply to this email with:", 1)[1].strip().splitlines()[0].strip()
    assert retry == "DONE C2 today"
    assert "tell the Safeguarding Manager" not in text_of(refusal) and "do not reply" in text_of(refusal)
    applied["command_result (refused)"], _ = applies(w, refusal, MANAGER, retry)

    # Tue 5 Jan: the Chair's mailbox refuses the meeting pack; the Manager is told, and answers that notice
    w.smtp.handler.refuse = {CHAIR}
    now = datetime(2027, 1, 5, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    notice = delivered(w, "undelivered", MANAGER)
    applied["undelivered"], _ = applies(w, notice, MANAGER, example(notice, "NOTE"))
    w.smtp.handler.refuse = set()
    w.clock["now"] = now + timedelta(hours=2)
    poll_and_deliver(w.svc)
    pack = delivered(w, "agenda", CHAIR)
    applied["agenda"], _ = applies(w, pack, CHAIR, example(pack, "DECISION"))

    assert set(applied) == {"new_referral", "late_referral (Manager)", "late_referral (Chair)", "reminder", "escalation",
                            "digest", "rapid_review_unset", "case_updated", "command_result (done)",
                            "command_result (HELP)", "command_result (refused)", "undelivered", "agenda"}
    with Session(w.svc.engine) as s:
        c1 = s.exec(select(Deadline).join(Case).where(Case.reference == first, Deadline.clock == "C1")).one()
        assert (c1.status, c1.met_on) == ("met", date(2027, 1, 4))      # NOTIFIED today, from the reminder
        decided = applied["agenda"][0].split()[1]                         # the pack's example names a case it lists
        assert s.exec(select(Case).where(Case.reference == decided)).one().status.startswith("decision")


def test_a_refused_token_is_answered_plainly_and_the_answer_applies_it(world):
    # Reused, tampered and expired tokens: refused with one plain sentence and the instruction quoted back; a
    # plain reply to that refusal applies it. A forged sender is never answered.
    w = world
    now = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    reminder = [m["msg"] for m in w.smtp.handler.messages if m["to"] == [MANAGER] and "Notify the National Panel" in m["msg"]["Subject"]][-1]
    token = parseaddr(reminder["Reply-To"])[1].split("+", 1)[1].split("@")[0]
    assert len(token) <= 24 and f"[intake:{token}]" in text_of(reminder)
    applies(w, reminder, MANAGER, "DONE C2 today")
    _, refused, refusal = answer(w, reminder, MANAGER, "DONE C1 today")    # the same token again
    assert refused == ["this reply token has already been used to change a case: reply to this email instead"]
    assert "DONE C1 today" in text_of(refusal).split("To apply it", 1)[1]
    applies(w, refusal, MANAGER, "DONE C1 today")

    tampered = reminder
    del tampered["Reply-To"]
    tampered["Reply-To"] = TO.replace("referrals@", f"referrals+{token[:-1]}{'a' if token[-1] != 'a' else 'b'}@")
    _, refused, refusal = answer(w, tampered, MANAGER, "NOTE tampered")
    assert refused == ["the reply token is not one the bot issued: reply to this email instead"]
    applies(w, refusal, MANAGER, "NOTE tampered")

    w.clock["now"] = now + timedelta(days=20)
    _, refused, refusal = answer(w, reminder, MANAGER, "NOTE too late")
    assert refused[0].startswith("the reply token is not one the bot issued") or refused[0].startswith("the reply token has expired")
    applies(w, refusal, MANAGER, "NOTE too late")

    before = len(w.smtp.handler.messages)
    _, refused, refusal = answer(w, refusal, "Someone <someone@liverpool.gov.uk>", "DONE C4 today")
    assert refused == ["the reply token was issued to someone else"] and refusal["To"] == MANAGER
    assert "To apply it" not in text_of(refusal)                           # nothing to send back for a forgery
    assert all(m["to"] != ["someone@liverpool.gov.uk"] for m in w.smtp.handler.messages[before:])


def test_expired_token_in_a_plain_reply_is_refused_with_a_fresh_one(world):
    # A reminder answered three weeks later: expired, said plainly, and the answer's own token works.
    w = world
    now = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    reminder = [m["msg"] for m in w.smtp.handler.messages if m["to"] == [MANAGER] and "Notify the National Panel" in m["msg"]["Subject"]][-1]
    w.clock["now"] = now + timedelta(days=15)
    _, refused, refusal = answer(w, reminder, MANAGER, "NOTE late answer")
    assert refused == ["the reply token has expired: reply to this email instead"]
    applies(w, refusal, MANAGER, "NOTE late answer")


def test_convene_after_the_rapid_review_due_date_is_applied_with_a_plain_warning(world):
    # CONVENE for a day after C4's due date: the meeting is set and the invitations go, and the answer says so.
    w = world
    now = datetime(2026, 11, 9, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    unset = delivered(w, "rapid_review_unset", MANAGER)
    with Session(w.svc.engine) as s:
        c4 = s.exec(select(Deadline).where(Deadline.clock == "C4")).one().due
    late_day = c4 + timedelta(days=7)
    applied, done = applies(w, unset, MANAGER, f"CONVENE {late_day.isoformat()} 10:00")
    assert applied == [f"CONVENE SIRG-2026-0001 {late_day.isoformat()} 10:00"]
    text = " ".join(text_of(done).split())
    assert "Please note: the Rapid Review meeting for SIRG-2026-0001 is on" in text
    assert "after the Rapid Review's due date" in text and "EXTEND SIRG-2026-0001 C4" in text
    assert [m for m in w.smtp.handler.messages if m["to"] == [PANEL[0]]]          # invited all the same
    # a meeting before the due date: no warning
    applied, done = applies(w, done, MANAGER, f"CONVENE SIRG-2026-0001 {(c4 - timedelta(days=1)).isoformat()} 10:00")
    assert "Please note" not in text_of(done)


def calendar_reply(sender, attendee, uid, partstat, sequence=0) -> bytes:
    """What Outlook sends when an invitee presses Accept / Tentative / Decline."""
    cal = Calendar()
    cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN")
    cal.add("version", "2.0")
    cal.add("method", "REPLY")
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", datetime(2026, 11, 9, 11, tzinfo=timezone.utc))
    who = vCalAddress(f"mailto:{attendee}")
    who.params["PARTSTAT"] = partstat
    event.add("attendee", who, encode=0)
    cal.add_component(event)
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, TO
    msg["Subject"] = {"ACCEPTED": "Accepted", "DECLINED": "Declined", "TENTATIVE": "Tentative"}[partstat] + \
        ": [SIRG-2026-0001] Rapid Review meeting"
    msg["Message-ID"] = f"<cal{abs(hash((sender, partstat))) % 10**12}@nhs.net>"
    msg.set_content("")
    msg.add_alternative(cal.to_ical(), maintype="text", subtype="calendar", params={"method": "REPLY"})
    return msg.as_bytes()


def test_calendar_answers_to_the_invitation_are_recorded_as_attendance(world):
    # The panel's Accept and Decline (METHOD:REPLY, matched by the invitation's UID and the sender) become the
    # meeting's attendance, shown in the meeting record and the Chair's pack; no "Case updated", no refusal.
    from intake.cli.review import referral_json, referral_lines
    from intake.duties.attendance import attendance

    w = world
    now = datetime(2026, 11, 9, 9, tzinfo=timezone.utc)
    w.clock["now"] = now
    remind(w.svc, now)
    applies(w, delivered(w, "rapid_review_unset", MANAGER), MANAGER, "CONVENE 2026-11-12 10:00")
    [invitation] = [m["msg"] for m in w.smtp.handler.messages if m["to"] == [PANEL[0]]]
    [part] = [p for p in invitation.iter_attachments() if p.get_content_type() == "text/calendar"]
    uid = str(Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")[0]["UID"])
    before = len(w.smtp.handler.messages)
    w.imap.append(calendar_reply(f"Nurse <{PANEL[0]}>", PANEL[0], uid, "ACCEPTED"))
    w.imap.append(calendar_reply(f"DCI <{PANEL[1]}>", PANEL[1].upper(), uid, "DECLINED"))
    w.imap.append(calendar_reply("Other <other.person@nhs.net>", "other.person@nhs.net", uid, "ACCEPTED"))
    report, _ = poll_and_deliver(w.svc)
    assert report.outcomes == {"calendar_reply": 3}
    assert w.smtp.handler.messages[before:] == []                  # nothing sent back: not a command, not a case update
    assert events(w, "command_refused") == [] and events(w, "note") == []
    with Session(w.svc.engine) as s:
        case = s.exec(select(Case)).one()
        assert {(a.attendee, a.partstat) for a in s.exec(select(Attendance))} == {(PANEL[0], "ACCEPTED"),
                                                                                 (PANEL[1], "DECLINED")}
        lines = referral_lines(s, case, w.cfg)
        assert f"    {PANEL[0]}: accepted" in lines and f"    {PANEL[1]}: declined" in lines
        assert "  answers: 1 accepted, 1 declined" in lines
        assert referral_json(s, case, w.cfg)["rapid_review_meeting"]["attendance"] == attendance(s, case)
    # Tentative later replaces the Accept; processing the same message again changes nothing more
    w.imap.append(calendar_reply(f"Nurse <{PANEL[0]}>", PANEL[0], uid, "TENTATIVE"))
    assert poll_and_deliver(w.svc)[0].outcomes == {"calendar_reply": 1}
    with Session(w.svc.engine) as s:
        assert s.exec(select(Attendance).where(Attendance.attendee == PANEL[0])).one().partstat == "TENTATIVE"


def test_action_owner_reminder_and_the_answers_to_it_are_answered_by_plain_replies(server_cfg, imap, smtp, monkeypatch):
    # The owner's reminder, then the bot's confirmation, then a refusal: each answered plainly and applied.
    from tests.test_action_plan_email import LEAD, email, xlsx_plan

    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    clock = {"now": ARRIVED + timedelta(minutes=5)}
    svc = build_services(server_cfg, now=lambda: clock["now"], isolated=False)
    imap.append(referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Referral",
                               [("f.docx", docx_form(NOVEMBER))], message_id="<case1@liverpool.gov.uk>"), when=ARRIVED)
    poll_and_deliver(svc)
    clock["now"] = datetime(2027, 1, 4, 10, tzinfo=timezone.utc)
    imap.append(email(LEAD, "SIRG-2026-0001 action plan", attachments=[("plan.xlsx", xlsx_plan())], msgid="<p@alderhey.nhs.uk>"))
    poll_and_deliver(svc)
    w = World()
    w.svc, w.clock, w.imap, w.smtp, w.cfg = svc, clock, imap, smtp, server_cfg
    owner = "tom.reid@alderhey.nhs.uk"
    day = datetime(2027, 2, 19, 9, tzinfo=timezone.utc)
    clock["now"] = day
    remind(svc, day)
    reminder = delivered(w, "action_reminder", owner)
    assert example(reminder, "DONE") == "DONE A2 today"
    applied, done = applies(w, reminder, f"Tom Reid <{owner}>", example(reminder, "PROGRESS"))
    assert applied == ["PROGRESS SIRG-2026-0001 A2"]
    _, refused, refusal = answer(w, done, f"Tom Reid <{owner}>", "DATE A2 someday waiting for the trainer")
    assert refused and "is not a date" in refused[0] and refusal["To"] == owner
    retry = text_of(refusal).split("To apply it, reply to this email with:", 1)[1].strip().splitlines()[0].strip()
    assert retry == "DATE A2 2027-03-19 waiting for the trainer"
    assert "tell the Safeguarding Manager" not in text_of(refusal) or "do not reply" in text_of(refusal)
    applied, _ = applies(w, refusal, f"Tom Reid <{owner}>", retry)
    assert applied == ["DATE SIRG-2026-0001 A2 2027-03-19"]
