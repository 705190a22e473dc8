"""Rapid Review meetings (issue 16 part 3): `intake rapid-review`, the emailed CONVENE, the invitation's .ics
(parsed back with icalendar), and the Manager's reminder when no meeting is set."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlmodel import Session, select

from intake import config as config_mod
from intake import tokens
from intake.cli import review as review_cli
from intake.cli.program import main
from intake.store.models import AuditEvent, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.service.remind import remind
from tests.test_commands import ARRIVED, NOVEMBER, SECRET, TO, reply
from tests.test_deadline_cli import deliver_case

PANEL = ["designated.nurse@nhs.net", "dci.reviews@merseyside.police.uk"]
LOCATION_CONFIG = '[meetings]\nlocation = "Room 2, Cunard Building"\n'
PANEL_CONFIG = '[people]\nrapid_review_panel = ["designated.nurse@nhs.net", "dci.reviews@merseyside.police.uk"]\n'
# The form's personal details (tests.test_deadline_cli's SAMPLE form): never in an invitation.
PERSONAL = ("Alex", "Sample", "AS)", "1 Example Street", "2020", "a head injury after a fall")


def readable(msg) -> str:
    """What a person or a calendar reads: the headers and every part decoded (the raw message's base64 and its
    random MIME boundaries could hold '2020' by chance)."""
    parts = [f"{k}: {v}" for k, v in msg.items()]
    for part in msg.walk():
        if not part.is_multipart():
            content = part.get_content()
            parts.append(content if isinstance(content, str) else content.decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def cli_now(monkeypatch):
    # The meetings below are set on 4 January 2027 for dates after it.
    monkeypatch.setattr(review_cli, "_now", lambda: datetime(2027, 1, 4, 9, tzinfo=timezone.utc))


def case_with_panel(tmp_path: Path) -> Path:
    cfg_path = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc),
                            extra_config='[policy]\nallowed_sender_domains = ["liverpool.gov.uk", "nhs.net", '
                                         '"merseyside.police.uk"]\n' + LOCATION_CONFIG)
    text = cfg_path.read_text().replace('chair = "chair@merseyside.police.uk"\n',
                                        'chair = "chair@merseyside.police.uk"\n' + PANEL_CONFIG.split("\n", 1)[1])
    cfg_path.write_text(text)
    return cfg_path


def invitations(tmp_path: Path) -> list:
    return [message_from_bytes(p.read_bytes(), policy=default_policy)
            for p in sorted((tmp_path / "outbox").glob("*-rapid_review.eml"))]


def ics_of(msg) -> Calendar:
    [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    return Calendar.from_ical(part.get_payload(decode=True))


def event_of(cal: Calendar):
    [event] = cal.walk("VEVENT")
    return event


def test_rapid_review_invites_panel_and_guest_with_a_calendar_request(tmp_path, capsys):
    # `intake rapid-review REF --on "2027-01-12 10:00" --invite ...`: the two panel members and the guest each
    # get an invitation whose .ics parses back as a METHOD:REQUEST for that time, with all three as attendees.
    cfg = case_with_panel(tmp_path)
    capsys.readouterr()
    assert main(["--config", str(cfg), "rapid-review", "sirg-2026-0001", "--on", "2027-01-12 10:00",
                 "--invite", "Named GP <named.gp@nhs.net>"]) == 0
    assert "meeting 2027-01-12 10:00 set; invitation queued for 3 of 3 people" in capsys.readouterr().out
    sent = invitations(tmp_path)
    assert sorted(m["To"] for m in sent) == sorted(PANEL + ["named.gp@nhs.net"])
    for msg in sent:
        cal = ics_of(msg)
        event = event_of(cal)
        assert str(cal["METHOD"]) == "REQUEST"
        assert str(event["UID"]) == "rapid-review-SIRG-2026-0001@liverpool.gov.uk" and int(event["SEQUENCE"]) == 0
        assert event.decoded("DTSTART") == datetime(2027, 1, 12, 10, tzinfo=timezone.utc)  # GMT in January
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=120)
        attendees = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
        assert sorted(str(a).removeprefix("mailto:") for a in attendees) == sorted(PANEL + ["named.gp@nhs.net"])
        text = msg.get_body(("plain",)).get_content()
        assert "Rapid Review (C4) due: Tuesday 19 January 2027" in text   # 24 Dec + 15 working days
        assert "Serious harm" in text or "serious harm" in text
        everything = readable(msg)
        assert not [w for w in PERSONAL if w in everything], "personal details in the invitation"
    capsys.readouterr()
    assert main(["--config", str(cfg), "referral", "SIRG-2026-0001"]) == 0
    assert "rapid review meeting: 2027-01-12 10:00 (invitation update 0; 3 invited)" in capsys.readouterr().out


def test_rapid_review_same_time_again_sends_nothing_new_time_sends_update(tmp_path, capsys):
    # Re-running with the same time: no second invitation. A new time: an update to everybody invited before
    # (the guest too), same UID, SEQUENCE 1, and the email says it moved.
    cfg = case_with_panel(tmp_path)
    base = ["--config", str(cfg), "rapid-review", "SIRG-2026-0001"]
    assert main(base + ["--on", "2027-01-12 10:00", "--invite", "named.gp@nhs.net"]) == 0
    capsys.readouterr()
    assert main(base + ["--on", "2027-01-12T10:00"]) == 0
    assert "unchanged; invitation queued for 0 of 3 people" in capsys.readouterr().out
    assert len(invitations(tmp_path)) == 3
    assert main(base + ["--on", "2027-01-13 14:30"]) == 0
    sent = invitations(tmp_path)
    assert len(sent) == 6
    updates = [m for m in sent if int(event_of(ics_of(m))["SEQUENCE"]) == 1]
    assert sorted(m["To"] for m in updates) == sorted(PANEL + ["named.gp@nhs.net"])
    for m in updates:
        event = event_of(ics_of(m))
        assert str(event["UID"]) == "rapid-review-SIRG-2026-0001@liverpool.gov.uk"
        assert event.decoded("DTSTART") == datetime(2027, 1, 13, 14, 30, tzinfo=timezone.utc)
        assert "moved to" in m["Subject"] and "MOVED" in m.get_body(("plain",)).get_content()
    with Session(build_services(config_mod.load(cfg), isolated=False).engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "rapid_review_convened")).all()
    assert [json.loads(e.detail)["sequence"] for e in events] == [0, 1]


@pytest.mark.parametrize("argv, words", [
    (["--on", "2027-01-12 10:00", "--invite", "someone@gmail.com"], "not in a partner domain"),
    (["--on", "2027-01-02 10:00"], "has passed"),
    (["--on", "12/01/2027 10am"], "is not a date and time"),
])
def test_rapid_review_refuses_bad_input_in_one_sentence_and_sends_nothing(tmp_path, capsys, argv, words):
    cfg = case_with_panel(tmp_path)
    capsys.readouterr()
    assert main(["--config", str(cfg), "rapid-review", "SIRG-2026-0001", *argv]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert invitations(tmp_path) == []


def test_rapid_review_without_panel_or_guests_says_whom_to_configure(tmp_path, capsys):
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    capsys.readouterr()
    assert main(["--config", str(cfg), "rapid-review", "SIRG-2026-0001", "--on", "2027-01-12 10:00"]) == 2
    assert "rapid_review_panel" in capsys.readouterr().err


def test_panel_address_that_is_not_an_address_is_refused_at_start_up(make_cfg):
    from intake.errors import ConfigError

    with pytest.raises(ConfigError, match="people.rapid_review_panel"):
        make_cfg(people={"rapid_review_panel": ["the designated nurse"]})


def test_no_meeting_five_working_days_after_referral_reminds_manager_until_one_is_set(tmp_path):
    # Received Thu 24 Dec 2026: on Tue 5 Jan 2027 (5 working days on: DESIGN 2.2) the Manager is reminded; once
    # on the day, then once each working day; setting the meeting stops it. Without a panel configured, no reminder.
    cfg_path = case_with_panel(tmp_path)
    svc = build_services(config_mod.load(cfg_path), isolated=False)

    def keys(at):
        return [i["key"] for i in remind(svc, at, dry_run=True) if i["kind"] == "rapid_review_unset"]

    assert keys(datetime(2027, 1, 4, 9, tzinfo=timezone.utc)) == []
    assert keys(datetime(2027, 1, 5, 9, tzinfo=timezone.utc)) == ["rapid_review_unset:SIRG-2026-0001:2027-01-05:due"]
    remind(svc, datetime(2027, 1, 5, 9, tzinfo=timezone.utc))
    assert keys(datetime(2027, 1, 5, 15, tzinfo=timezone.utc)) == []            # sent once
    assert keys(datetime(2027, 1, 6, 9, tzinfo=timezone.utc)) == ["rapid_review_unset:SIRG-2026-0001:2027-01-05:overdue-2027-01-06"]
    [msg] = [message_from_bytes(p.read_bytes(), policy=default_policy)
             for p in (tmp_path / "outbox").glob("*-rapid_review_unset.eml")]
    assert msg["To"] == "manager@liverpool.gov.uk" and msg["Subject"] == "Set the Rapid Review meeting by Tuesday 5 January 2027 – SIRG-2026-0001"
    assert "Alex" not in readable(msg)
    assert main(["--config", str(cfg_path), "rapid-review", "SIRG-2026-0001", "--on", "2027-01-12 10:00"]) == 0
    assert keys(datetime(2027, 1, 6, 9, tzinfo=timezone.utc)) == []
    (tmp_path / "nopanel").mkdir()
    plain = deliver_case(tmp_path / "nopanel", datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    quiet = build_services(config_mod.load(plain), isolated=False)
    assert not [i for i in remind(quiet, datetime(2027, 1, 5, 9, tzinfo=timezone.utc), dry_run=True)
                if i["kind"] == "rapid_review_unset"]


@pytest.mark.servers
def test_manager_replies_convene_to_the_reminder_through_dovecot_and_the_panel_is_invited(server_cfg, imap, smtp,
                                                                                          monkeypatch):
    # A referral arrives on Mon 2 Nov 2026 in the real Dovecot; on Mon 9 Nov the Manager's reminder (no meeting
    # set) goes out through the real aiosmtpd; she replies "CONVENE 2026-11-20 10:00 named.gp@nhs.net" keeping
    # the token; the panel and the GP get invitations (.ics) through aiosmtpd, and the reminders stop.
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", SECRET)
    server_cfg.people.rapid_review_panel = list(PANEL)
    server_cfg.meetings.location = "https://teams.example/l/meetup-join/rapid-review"
    clock = {"now": ARRIVED + timedelta(minutes=5)}
    svc = build_services(server_cfg, now=lambda: clock["now"], isolated=False)
    imap.append(referral_email_for_panel(), when=ARRIVED)
    poll_and_deliver(svc)
    clock["now"] = datetime(2026, 11, 9, 9, tzinfo=timezone.utc)
    remind(svc, clock["now"])
    manager = server_cfg.people.manager
    [reminder] = [m["msg"] for m in smtp.handler.messages
                  if m["to"] == [manager] and "Set the Rapid Review meeting by" in m["msg"]["Subject"]]
    text = reminder.get_body(("plain",)).get_content()
    assert "CONVENE 2026-11-10 10:00" in text  # the next working day: an example right on the day it is sent
    tok = tokens.find(text)[0]
    imap.append(reply(manager, "Re: " + reminder["Subject"],
                      f"CONVENE 2026-11-20 10:00 named.gp@nhs.net\n\nAnn\n\n> [intake:{tok}]", reminder["Message-ID"],
                      msgid="<convene@liverpool.gov.uk>"), when=datetime(2026, 11, 9, 10, tzinfo=timezone.utc))
    clock["now"] = datetime(2026, 11, 9, 10, 5, tzinfo=timezone.utc)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"command": 1}
    invited = [m for m in smtp.handler.messages if m["msg"]["Subject"].startswith("[SIRG-2026-0001] Rapid Review meeting")]
    assert sorted(m["to"][0] for m in invited) == sorted(PANEL + ["named.gp@nhs.net"])
    for m in invited:
        event = event_of(ics_of(m["msg"]))
        assert event.decoded("DTSTART") == datetime(2026, 11, 20, 10, tzinfo=timezone.utc)
    done = [m["msg"]["Subject"] for m in smtp.handler.messages if m["to"] == [manager] and m["msg"]["Subject"].startswith("Done:")]
    assert done and "CONVENE SIRG-2026-0001 2026-11-20 10:00" in done[-1]
    later = remind(svc, datetime(2026, 11, 10, 9, tzinfo=timezone.utc), dry_run=True)
    assert not [i for i in later if i["kind"] == "rapid_review_unset"]
    with Session(svc.engine) as s:
        assert s.exec(select(OutboundEmail).where(OutboundEmail.kind == "rapid_review")).all()


def referral_email_for_panel() -> bytes:
    from intake.demo.forms import docx_form, referral_email

    return referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                          message_id="<rr-case@liverpool.gov.uk>")


def test_convene_command_lines_are_read():
    # CONVENE [REF] DATE TIME [EMAIL...]; a missing time or a word that is not an address is refused.
    from datetime import date

    from intake.duties.commands import CommandError, parse_commands

    [cmd] = parse_commands("CONVENE SIRG-2026-0001 2027-01-12 9.30 A.Person@nhs.net", "SIRG")
    assert (cmd.verb, cmd.case, cmd.on, cmd.value, cmd.invite) == ("CONVENE", "SIRG-2026-0001", date(2027, 1, 12),
                                                                   "09:30", ("a.person@nhs.net",))
    [cmd] = parse_commands("convene 2027-01-12T10:00", "SIRG")
    assert (cmd.on, cmd.value, cmd.invite) == (date(2027, 1, 12), "10:00", ())
    for text in ("CONVENE 2027-01-12", "CONVENE 2027-01-12 10:00 the GP"):
        with pytest.raises(CommandError):
            parse_commands(text, "SIRG")
