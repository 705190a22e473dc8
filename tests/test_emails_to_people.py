"""What the Manager and the Chair receive (issue 13): one briefing a morning, one escalation a day, dates in
words, a new-referral summary with the form attached, reply commands instead of shell commands, and HTML
that fits 600 px."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, datetime, timezone
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo.run import emails_per_person, run_demo
from intake.store.models import Deadline, OutboundEmail
from intake.service.services import build_services
from notifier.wording import day, distance, moment
from notifier.workdays import WorkingCalendar

MANAGER, CHAIR = "safeguarding.manager@example.gov.uk", "sirg.chair@example.police.uk"
CLI_COMMANDS = ("demo", "run", "poll", "parse", "referrals", "referral", "deadlines", "remind", "mark", "event",
                "action", "outbox", "reprocess", "check")
SHELL = re.compile(r"\bintake\s+(?:--config\s+\S+\s+)?(?:" + "|".join(CLI_COMMANDS) + r")\b")
ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
DATE_IN_WORDS = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} "
                           r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")


def first_due_date_emails(root: Path, combine: bool, capsys) -> dict[str, list[str]]:
    run_demo(str(root), now=datetime(2026, 11, 30, 8, 4, tzinfo=timezone.utc), combine=combine)
    capsys.readouterr()
    svc = build_services(config_mod.load(root / "config.toml"), isolated=False)
    with Session(svc.engine) as s:
        first_due = min(d.due for d in s.exec(select(Deadline)))
        since = datetime.combine(first_due, datetime.min.time(), tzinfo=timezone.utc)
        return emails_per_person(s, since)


def bodies(msg) -> str:
    return "\n".join(p.get_content() for p in msg.walk() if p.get_content_type() in ("text/plain", "text/html"))


def test_demo_first_due_date_manager_gets_one_briefing_and_chair_one_escalation(tmp_path, capsys):
    # The demo's first due date: before (combine = false) the Manager got a digest and a reminder per clock, the
    # Chair an escalation per clock; now the Manager gets the morning briefing only, the Chair one email.
    before = first_due_date_emails(tmp_path / "before", False, capsys)
    after = first_due_date_emails(tmp_path / "after", True, capsys)
    assert (len(before[MANAGER]), len(before[CHAIR])) == (5, 4)
    assert all(re.match(r"\[SIRG-2026-000\d\] C[12] due today", s) for s in before[MANAGER] if not s.startswith("Morning"))
    assert len(after[MANAGER]) == 1 and after[MANAGER][0].startswith("Morning briefing, Friday 4 December 2026")
    assert len(after[CHAIR]) == 1 and after[CHAIR][0].startswith("Escalation, Friday 4 December 2026: 4 statutory")
    outbox = tmp_path / "after" / "outbox"
    [briefing] = [message_from_bytes(p.read_bytes(), policy=default_policy) for p in outbox.glob("*-digest.eml")]
    text = briefing.get_body(("plain",)).get_content()
    for ref, clock in (("SIRG-2026-0001 (AS)", "C1"), ("SIRG-2026-0002 (JD)", "C2")):
        assert f"[DUE TODAY] {ref} {clock}" in text  # the reminders ride in the briefing
    assert "Replies to this email are not read by the bot" in text  # commands off in the demo: it says so


def test_chair_gets_no_second_escalation_the_same_day(tmp_path, capsys):
    # A later reminder run on the same day finds the Chair's email of the day written: nothing more goes to him.
    run_demo(str(tmp_path), now=datetime(2026, 11, 30, 8, 4, tzinfo=timezone.utc))
    capsys.readouterr()
    from intake.service.remind import remind

    svc = build_services(config_mod.load(tmp_path / "config.toml"), isolated=False)
    items = remind(svc, datetime(2026, 12, 4, 16, 0, tzinfo=ZoneInfo("Europe/London")))
    assert not [i for i in items if i["to"] == CHAIR]
    with Session(svc.engine) as s:
        assert len(emails_per_person(s, datetime(2026, 12, 4, tzinfo=timezone.utc))[CHAIR]) == 1


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    """Every kind of email, rendered with demo data and emailed commands on (scripts/render-emails)."""
    from intake.demo.gallery import render_all

    out = tmp_path_factory.mktemp("gallery")
    render_all(out, pictures=False)
    return out


def messages(directory: Path):
    for p in sorted(directory.glob("*.eml")):
        yield p.stem, message_from_bytes(p.read_bytes(), policy=default_policy)


def test_gallery_has_every_kind_and_commands_off_leaves_the_environment_alone(gallery):
    # scripts/render-emails writes each message kind as .eml and .html; the secret it sets is taken away again.
    kinds = {stem.split("-", 1)[1] for stem, _ in messages(gallery)}
    assert {"acknowledgement", "new_referral", "needs_info", "sender_not_allowed", "digest", "agenda", "escalation",
            "reminder", "too_large", "reply_ack", "case_updated", "command_result"} <= kinds
    assert all((gallery / f"{stem}.html").exists() for stem, _ in messages(gallery))
    assert "INTAKE_COMMAND_SECRET" not in os.environ or os.environ["INTAKE_COMMAND_SECRET"] != "gallery-demo-secret-0123456789"


def test_no_email_to_a_person_contains_a_shell_command(gallery, tmp_path, capsys):
    # Commands on (the gallery) and off (the demo): no "intake <command>" anywhere in what people receive.
    run_demo(str(tmp_path), now=datetime(2026, 11, 30, 8, 4, tzinfo=timezone.utc))
    capsys.readouterr()
    found = list(messages(gallery)) + list(messages(tmp_path / "outbox"))
    assert len(found) > 20
    for stem, msg in found:
        assert not SHELL.search(bodies(msg)), stem
        assert "`" not in msg.get_body(("plain",)).get_content(), stem


def test_manager_and_chair_emails_show_reply_commands_with_the_token_when_commands_are_on(gallery):
    # Each Manager and Chair email carries the commands that fit it and its [intake:...] line.
    for stem, msg in messages(gallery):
        # (the notice of refused alerts is not about a case: nothing to act on by reply)
        if msg["To"] in (MANAGER, CHAIR) and "command_result" not in stem and "undelivered" not in stem:
            text = msg.get_body(("plain",)).get_content()
            assert "ACT BY REPLY" in text and "[intake:" in text and "HELP" in text, stem
    [esc] = [m for s, m in messages(gallery) if s.endswith("escalation") and m["Subject"].startswith("Escalation,")]
    text = esc.get_body(("plain",)).get_content()
    assert "WHAT YOU CAN DO" in text and f"Contact the Manager: the Safeguarding Manager ({MANAGER})" in text
    assert "NOTE SIRG-2026-0001" in text


def test_subjects_read_back_without_leading_space_and_text_and_html_carry_the_same_cases(gallery):
    # A long subject is not folded before its first word; every reference in the text part is in the HTML part.
    for stem, msg in messages(gallery):
        assert msg["Subject"] == msg["Subject"].strip() and msg["Subject"], stem
        text, html = msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()
        assert set(re.findall(r"SIRG-\d{4}-\d{4}", text)) <= set(re.findall(r"SIRG-\d{4}-\d{4}", html)), stem


def test_dates_in_emails_to_people_are_in_words(gallery):
    # Outside the reply commands (whose syntax takes YYYY-MM-DD), no ISO date or timestamp reaches a person.
    for stem, msg in messages(gallery):
        text = msg.get_body(("plain",)).get_content()
        prose = text.split("ACT BY REPLY")[0]
        assert not ISO_DATE.search(prose) and "+00:00" not in text, (stem, ISO_DATE.search(prose))
        # (the notice of refused alerts is not about a case: nothing to act on by reply)
        if msg["To"] in (MANAGER, CHAIR) and "command_result" not in stem and "undelivered" not in stem:
            assert DATE_IN_WORDS.search(text), stem
    [briefing, *_] = [m for s, m in messages(gallery) if s.endswith("digest")]
    assert re.search(r"due in \d+ working days", briefing.get_body(("plain",)).get_content())


def test_new_referral_email_is_a_case_summary_with_the_form_attached(gallery):
    # Incident, dates, referrer, lead's agreement, missing answers, clocks with due dates, next meeting; the form
    # attached under a name without the child's; the subject carries the reference and initials only.
    refs = [m for s, m in messages(gallery) if s.endswith("new_referral")]
    assert len(refs) == 2
    complete, partial = refs
    assert complete["Subject"] == "[SIRG-2026-0001] New referral received (AS)"
    text = complete.get_body(("plain",)).get_content()
    for line in ("Incident:                  serious harm to a child", "Incident date:             Tuesday 22 December 2026",
                 "Referred by:               Social Worker, Example City Council Children's Services",
                 "Safeguarding lead agreed:", "CLOCKS STARTED", "Next meeting of the group:"):
        assert line in text, line
    assert re.search(r"C1  due \w+day \d+ \w+ 20\d\d \(estimated\)", text)
    assert "C1 estimated from the date the referral was received" in text  # the form's date cannot be right
    assert "ANSWERS MISSING (2)" in partial.get_body(("plain",)).get_content()
    [form] = list(complete.iter_attachments())
    assert form.get_filename() == "SIRG-2026-0001-referral-form.docx" and form.get_content()[:2] == b"PK"
    for _, msg in messages(gallery):
        assert "Alex" not in str(msg["Subject"]) and "Sample" not in str(msg["Subject"])
        if msg["To"] in (MANAGER, CHAIR):
            assert "Alex Sample" not in bodies(msg) and "Example Street" not in bodies(msg)


def test_check_warns_when_emailed_commands_are_off(make_cfg, capsys, monkeypatch):
    # `intake check` with no command secret: one WARNING line saying people cannot act by reply.
    from intake.service.checks import run_checks

    monkeypatch.delenv("INTAKE_COMMAND_SECRET", raising=False)
    run_checks(make_cfg())
    assert "emailed commands: WARNING - off" in capsys.readouterr().out
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", "x" * 32)
    run_checks(make_cfg())
    assert "commands: WARNING" not in capsys.readouterr().out


def test_wording_dates_times_and_working_days_in_words():
    # Europe/London, English names whatever the locale; working days count bank holidays out.
    cal = WorkingCalendar()
    london = ZoneInfo("Europe/London")
    assert day(date(2027, 1, 5)) == "Tuesday 5 January 2027"
    assert moment(datetime(2026, 11, 30, 8, 4, 53, 894978, tzinfo=timezone.utc), london) == "08:04 on Monday 30 November 2026"
    assert moment(datetime(2026, 6, 1, 7, 30, tzinfo=timezone.utc), london) == "08:30 on Monday 1 June 2026"  # BST
    assert distance(date(2027, 1, 5), date(2026, 12, 31), cal) == "due in 2 working days"  # New Year's Day skipped
    assert distance(date(2026, 12, 24), date(2026, 12, 31), cal) == "3 working days late"
    assert distance(date(2026, 12, 7), date(2026, 12, 7), cal) == "due today"
    assert distance(date(2026, 12, 8), date(2026, 12, 7), cal) == "due on the next working day"


def chromium_or_skip():
    from intake.demo.gallery import chromium

    if chromium() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required under CI=true (scripts/test installs it)")
        pytest.skip("Debian's chromium is not installed: the 600 px overflow check cannot run (scripts/test installs it)")


def test_every_email_fits_600_pixels_without_sideways_scrolling(gallery, tmp_path):
    # Laid out by headless Chromium in a 600 px frame, no email is wider than the frame; a page that is
    # (a 900 px table) is caught, so the check can fail.
    chromium_or_skip()
    from intake.demo.gallery import WIDTH, widths

    wide = tmp_path / "wide.html"
    wide.write_text('<html><body><table width="900"><tr><td>x</td></tr></table></body></html>')
    pages = sorted(gallery.glob("*.html"))
    got = widths(pages + [wide])
    assert got.pop("wide") > WIDTH
    assert len(got) == len(pages)
    too_wide = {name: w for name, w in got.items() if w > WIDTH}
    assert not too_wide, f"wider than {WIDTH}px: {too_wide}"


def test_meeting_rule_second_tuesday_gives_each_months_date():
    # "second Tuesday": 12 Jan, 9 Feb, 9 Mar 2027; a rule that cannot be read is refused naming the key.
    from intake.errors import ConfigError
    from notifier.meetings import nth_weekday, parse_rule

    rule = parse_rule("Second Tuesday")
    assert [nth_weekday(2027, m, *rule) for m in (1, 2, 3)] == [date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9)]
    assert nth_weekday(2027, 1, *parse_rule("last Friday")) == date(2027, 1, 29)
    with pytest.raises(ConfigError, match="meetings.rule"):
        parse_rule("every other Tuesday")


def test_meeting_pack_five_working_days_before_lists_the_cases_with_an_invitation(tmp_path):
    # [meetings] rule = "second Tuesday": on Tue 5 Jan 2027 (5 working days before 12 Jan) the Chair gets the
    # pack: the referral awaiting a decision with its rapid review date, and the meeting as an .ics.
    from tests.test_deadline_cli import deliver_case

    cfg_path = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc),
                            extra_config='[meetings]\nrule = "second Tuesday"\ntime = "09:30"\nplace = "Room 2"\n')
    from intake.service.remind import remind

    svc = build_services(config_mod.load(cfg_path), isolated=False)
    items = remind(svc, datetime(2027, 1, 5, 9, 0, tzinfo=timezone.utc))
    assert "agenda:2027-01-12" in {i["key"] for i in items}
    [path] = (tmp_path / "outbox").glob("*-agenda.eml")
    msg = message_from_bytes(path.read_bytes(), policy=default_policy)
    assert msg["Subject"] == "Meeting pack: Serious Incident Review Group meeting on Tuesday 12 January 2027"
    text = msg.get_body(("plain",)).get_content()
    assert "REFERRALS AWAITING A DECISION (1)" in text and "SIRG-2026-0001 (AS): serious harm to a child" in text
    assert "RAPID REVIEWS DUE BY THE MEETING" in text and "LCSPRS IN PROGRESS (0)" in text
    [ics] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    body = ics.get_content()
    assert "DTSTART:20270112T093000Z" in body and "LOCATION:Room 2" in body


def test_combine_reminders_ride_in_the_briefing_urgent_ones_after_it_go_alone():
    # With the briefing due now, reminders fold into it; after today's briefing, a clock due today or overdue
    # goes on its own and a "3 days before" waits for tomorrow's; escalations after the Chair's email wait.
    from notifier.due import Notification
    from intake.service.remind import _combine

    def n(kind, stage, key):
        return Notification(kind, "m@x", "SIRG-2026-0001", "C1", key, stage)

    briefing = n("digest", "2026-12-07", "digest:2026-12-07")
    due, before, esc = n("reminder", "due", "r1"), n("reminder", "before-3", "r2"), n("escalation", "due", "e1")
    assert _combine([briefing, due, before, esc], False, False) == ([briefing], [due, before], [esc])
    assert _combine([due, before, esc], True, True) == ([due], [], [])
    assert _combine([due, before], False, False) == ([], [], [])  # before the morning's briefing: wait for it


def test_meeting_pack_ics_escapes_the_place_and_stamps_when_it_was_made(tmp_path):
    # Issue 23.8: a place with a comma and a semicolon is one escaped LOCATION (RFC 5545), and DTSTAMP is when the
    # pack was made, not the meeting's start; the clock .ics of a reminder is stamped the same way.
    from icalendar import Calendar
    from tests.test_deadline_cli import deliver_case
    from intake.service.remind import remind

    place = "Room 2, Cunard Building; 3rd floor"
    cfg_path = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc),
                            extra_config=f'[meetings]\nrule = "second Tuesday"\ntime = "09:30"\nplace = "{place}"\n')
    svc = build_services(config_mod.load(cfg_path), isolated=False)
    made = datetime(2027, 1, 5, 9, 0, tzinfo=timezone.utc)
    remind(svc, made)
    [path] = (tmp_path / "outbox").glob("*-agenda.eml")
    msg = message_from_bytes(path.read_bytes(), policy=default_policy)
    [ics] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    raw = ics.get_payload(decode=True)
    assert b"LOCATION:Room 2\\, Cunard Building\\; 3rd floor" in raw
    [event] = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["LOCATION"]) == place
    assert event.decoded("DTSTAMP") == made
    assert event.decoded("DTSTART") == datetime(2027, 1, 12, 9, 30, tzinfo=timezone.utc)
    for path in (tmp_path / "outbox").glob("*.eml"):
        for part in message_from_bytes(path.read_bytes(), policy=default_policy).iter_attachments():
            if part.get_content_type() == "text/calendar":
                [event] = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
                assert event.decoded("DTSTAMP") == made
