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
    # (the demo's referrals arrive six working days before its "now", Monday 30 November: Friday 20 November)
    assert all(re.match(r"(Notify the National Panel|Tell the safeguarding partners about the incident) by Thursday 26 "
                        r"November 2026 – SIRG-2026-000\d", s) for s in before[MANAGER] if not s.startswith("Morning")), before
    assert len(after[MANAGER]) == 1 and after[MANAGER][0].startswith("Morning briefing, Thursday 26 November 2026")
    assert len(after[CHAIR]) == 1 and after[CHAIR][0].startswith("4 statutory deadlines at risk, Thursday 26 November 2026")
    outbox = tmp_path / "after" / "outbox"
    [briefing] = [message_from_bytes(p.read_bytes(), policy=default_policy) for p in outbox.glob("*-digest.eml")]
    text = briefing.get_body(("plain",)).get_content()
    for ref, clock in (("SIRG-2026-0001 (AS)", "C1"), ("SIRG-2026-0002 (JD)", "C2")):
        assert f"      {ref}, {clock}\n" in text  # the reminders ride in the briefing
    assert "Replies to this email are not read by the bot" in text  # commands off in the demo: it says so
    assert "WARNING" not in text  # the demo checked its mailbox that morning: no false "mailbox not checked"


def test_chair_gets_no_second_escalation_the_same_day(tmp_path, capsys):
    # A later reminder run on the same day finds the Chair's email of the day written: nothing more goes to him.
    run_demo(str(tmp_path), now=datetime(2026, 11, 30, 8, 4, tzinfo=timezone.utc))
    capsys.readouterr()
    from intake.service.remind import remind

    svc = build_services(config_mod.load(tmp_path / "config.toml"), isolated=False)
    with Session(svc.engine) as s:
        first_due = min(d.due for d in s.exec(select(Deadline)))
    items = remind(svc, datetime.combine(first_due, datetime.min.time()).replace(hour=16, tzinfo=ZoneInfo("Europe/London")))
    assert not [i for i in items if i["to"] == CHAIR]
    with Session(svc.engine) as s:
        assert len(emails_per_person(s, datetime.combine(first_due, datetime.min.time(), tzinfo=timezone.utc))[CHAIR]) == 1


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
        if msg["To"] in (MANAGER, CHAIR) and "command_" not in stem and "undelivered" not in stem:
            text = msg.get_body(("plain",)).get_content()
            assert "ACT BY REPLY" in text and "[intake:" in text and "HELP" in text, stem
    [esc] = [m for s, m in messages(gallery) if s.endswith("escalation") and "deadlines at risk" in m["Subject"]]
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
        if "command_" in stem:
            continue  # HELP and a refusal quote the commands' syntax (YYYY-MM-DD)
        prose = re.sub(r"When it is done, reply to this email with:\n  .*\n", "", text.split("ACT BY REPLY")[0])
        assert not ISO_DATE.search(prose) and "+00:00" not in text, (stem, ISO_DATE.search(prose))
        # (the notice of refused alerts is not about a case: nothing to act on by reply)
        if msg["To"] in (MANAGER, CHAIR) and "command_" not in stem and "undelivered" not in stem:
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


@pytest.mark.parametrize("frame", [375, 600])
def test_every_email_fits_a_phone_and_the_reading_pane_without_sideways_scrolling(gallery, tmp_path, frame):
    # Issue 24.4: laid out by headless Chromium in a 375 px (phone) and a 600 px (Outlook) frame, no email is
    # wider than the frame; pages that are (a 900 px table, a nowrap command, an unbroken token) are caught, so
    # the check can fail.
    chromium_or_skip()
    from intake.demo.gallery import widths

    bad = {"wide": '<table width="900"><tr><td>x</td></tr></table>',
           "nowrap": '<p style="white-space:nowrap">' + "DECISION SIRG-2026-0001 LCSPR 2027-01-12 " * 3 + "</p>",
           "token": "<p>[intake:" + "x" * 190 + "]</p>"}
    for name, body in bad.items():
        (tmp_path / f"{name}.html").write_text(f"<html><body>{body}</body></html>")
    pages = sorted(gallery.glob("*.html"))
    got = widths(pages + [tmp_path / f"{name}.html" for name in bad], frame)
    assert all(got.pop(name) > frame for name in bad)
    assert len(got) == len(pages)
    too_wide = {name: w for name, w in got.items() if w > frame}
    assert not too_wide, f"wider than {frame}px: {too_wide}"


def test_no_email_uses_pre_or_nowrap(gallery):
    # Issue 24.4: nothing that refuses to wrap: no <pre>, no white-space:nowrap, in any email's HTML.
    for page in sorted(gallery.glob("*.html")):
        html = page.read_text()
        assert "<pre" not in html and "nowrap" not in html, page.stem


def test_demo_tells_a_straight_story_and_status_shows_no_future_times(tmp_path, capsys):
    # Issue 24.9: no internal keys or rule names in what the demo prints, days in order, and `intake status`
    # afterwards shows only times up to now with the mailbox ok.
    from intake.cli.program import main

    run_demo(str(tmp_path))   # on the real clock, as `intake demo` runs
    out = capsys.readouterr().out
    assert "reminder:SIRG" not in out and "rule_" not in out and "digest:" not in out
    # the story's own moments: the emails arrive, the first due date, who receives what, today's record
    moments = re.findall(r"^(?:On the first due date, |On |Today, )?(\w+day \d+ \w+ 20\d\d)(?:, \d\d:\d\d:| at 09:00| each|,)",
                         out, re.MULTILINE)
    seen = [datetime.strptime(m, "%A %d %B %Y") for m in moments]
    assert len(seen) >= 4 and seen == sorted(seen), moments
    assert main(["--config", str(tmp_path / "config.toml"), "status"]) in (0, 1)
    status = capsys.readouterr().out
    assert "mailbox: ok" in status
    for stamp in re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d", status):
        assert datetime.strptime(stamp, "%Y-%m-%d %H:%M") <= datetime.now(ZoneInfo("Europe/London")).replace(tzinfo=None), status


def test_gallery_renders_every_kind_a_person_receives(gallery):
    # Issue 24: refusals, HELP, needs-review items (in the briefing), the late referral, the calendar invitation,
    # its update and its cancellation, the acknowledgement, reminders, escalations, briefing, meeting pack and
    # the action owners' emails are all rendered by scripts/render-emails.
    kinds = {stem.split("-", 1)[1] for stem, _ in messages(gallery)}
    assert {"command_refused", "command_help", "late_referral", "rapid_review", "rapid_review_update",
            "rapid_review_cancelled", "rapid_review_unset", "acknowledgement", "reminder", "escalation", "digest",
            "agenda", "action_reminder", "action_reminder_overdue", "undelivered", "needs_info"} <= kinds
    [briefing, *_] = [m for s, m in messages(gallery) if s.endswith("digest")]
    text = briefing.get_body(("plain",)).get_content()
    assert 'from lee.officer@example.gov.uk, "Referral"' in text and 'in the folder "Needs review"' in text


def test_reminder_is_one_task_in_plain_words_with_how_and_the_reply_that_records_it(gallery):
    # Issue 24.5: the subject names the task, its date and the case (no clock code, no initials, no "estimated");
    # the first line says what to do, then how (the Panel's form), then the reply; C1 and "estimated" only below.
    for stem, msg in messages(gallery):
        if stem.endswith("-reminder") and "Notify the National Panel" in msg["Subject"]:
            break
    else:
        raise AssertionError("no C1 reminder in the gallery")
    assert re.fullmatch(r"(Overdue: )?Notify the National Panel by \w+day \d+ \w+ 20\d\d – SIRG-2026-000\d",
                        msg["Subject"]), msg["Subject"]
    text = msg.get_body(("plain",)).get_content()
    first, details = text.split("DETAILS", 1)
    assert first.startswith("Notify the National Panel by ")
    assert "https://www.gov.uk/guidance/report-a-serious-child-safeguarding-incident" in first
    assert "When it is done, reply to this email with:\n  NOTIFIED" in first
    assert "C1" not in first and "estimated" not in first and "C1:" in details
    for stem, m in messages(gallery):
        if not stem.endswith(("reminder", "escalation", "rapid_review_unset", "late_referral")):
            continue
        subject = str(m["Subject"])
        assert " C1 " not in subject and "OVERDUE" not in subject and "(estimated)" not in subject, subject


def test_briefing_shows_only_sections_with_something_and_no_settings_or_commands(gallery):
    # Issue 24.6: no "none" sections and no zero counts in the text or the subject; no service status when all is
    # well; no settings or shell commands.
    for stem, msg in messages(gallery):
        if not stem.endswith("digest"):
            continue
        text, html = msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()
        assert "\n  none\n" not in text and "(0)" not in text and "(0)" not in html and " 0 " not in msg["Subject"]
        assert "Last successful mailbox check" not in text + html
        for setting in ("[people]", "[meetings]", "rapid_review_panel", "intake rapid-review"):
            assert setting not in text + html, (stem, setting)


def test_acknowledgement_names_the_manager_and_never_says_complete_beside_dates_to_check(gallery):
    # Issue 24.8: "The form is complete." never appears (it contradicted "please check these dates"); the
    # Safeguarding Manager is the contact, and the meeting's date is given when one is set.
    acks = [m for s, m in messages(gallery) if s.endswith("acknowledgement")]
    assert acks
    for msg in acks:
        text = msg.get_body(("plain",)).get_content()
        assert "The form is complete" not in text
        assert "Questions about this referral: the Safeguarding Manager (safeguarding.manager@example.gov.uk)" in text
        assert re.search(r"will\s+consider it on \w+day \d+ \w+ 20\d\d", text)


def _calendar_parts(msg):
    """(the iMIP alternative part, the attached .ics) of an invitation email."""
    inline = [p for p in msg.walk() if p.get_content_type() == "text/calendar" and p.get_filename() is None]
    attached = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    return inline, attached


@pytest.mark.parametrize("kind, method, sequence", [("rapid_review", "REQUEST", 0),
                                                    ("rapid_review_update", "REQUEST", 1),
                                                    ("rapid_review_cancelled", "CANCEL", 1)])
def test_rapid_review_calendar_round_trips_with_method_organizer_location_and_sequence(gallery, kind, method,
                                                                                        sequence):
    # Issue 24.7: the invitation is an iMIP part (text/calendar; method=...) beside the text and HTML, so Outlook
    # shows Accept/Decline; it parses back with icalendar and carries METHOD, ORGANIZER (the Manager by name, at the
    # referral mailbox, where the invitees' answers are read as attendance), LOCATION (the Teams link), SEQUENCE and the case's one UID; a cancellation is METHOD:CANCEL.
    from icalendar import Calendar

    [msg, *_] = [m for s, m in messages(gallery) if s.split("-", 1)[1] == kind]
    inline, attached = _calendar_parts(msg)
    assert len(inline) == 1 and len(attached) == 1
    assert inline[0].get_param("method") == method and attached[0].get_param("method") == method
    [alternative] = [p for p in msg.walk() if p.get_content_type() == "multipart/alternative"]
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html", "text/calendar"]
    raw = inline[0].get_payload(decode=True)
    assert raw.replace(b"\r\n", b"\n") == attached[0].get_payload(decode=True).replace(b"\r\n", b"\n")
    cal = Calendar.from_ical(raw)
    assert Calendar.from_ical(cal.to_ical()).to_ical() == cal.to_ical()   # round trip
    [event] = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == method
    assert str(event["ORGANIZER"]).startswith("mailto:referrals@")
    cn = str(event["ORGANIZER"].params["CN"])
    assert cn and "@" not in cn      # the Manager's name, as configured (people.manager_name)
    assert str(event["LOCATION"]).startswith("Microsoft Teams: https://teams.microsoft.com/")
    assert int(event["SEQUENCE"]) == sequence
    assert str(event["UID"]).startswith("rapid-review-SIRG-2026-000")
    assert str(event["STATUS"]) == ("CANCELLED" if method == "CANCEL" else "CONFIRMED")


def test_panel_without_a_meeting_location_is_refused_in_one_sentence(make_cfg):
    # Issue 24.7: with a Rapid Review panel, [meetings] location is required (the invitation says where to go).
    from intake.errors import ConfigError

    with pytest.raises(ConfigError, match=r"^meetings.location is required with people.rapid_review_panel"):
        make_cfg(people={"rapid_review_panel": ["named.nurse@nhs.net"]})
    assert make_cfg(people={"rapid_review_panel": ["named.nurse@nhs.net"]},
                    meetings={"location": "Room 2"}).meetings.location == "Room 2"


def test_escalations_and_reminders_carry_no_all_day_clock_calendar_file(gallery):
    # Issue 24.7: no "C1 due" .ics on reminders or escalations (only meetings are calendar events).
    for stem, msg in messages(gallery):
        if stem.endswith(("-reminder", "-escalation")):
            assert not [p for p in msg.walk() if p.get_content_type() == "text/calendar"], stem


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



def test_a_needs_review_subject_naming_a_child_reaches_the_briefing_as_initials_only(tmp_path):
    # Issue 24.6 asks for each needs-review item's subject; the sender may have written the child's name, date of
    # birth or postcode in it. By default ([privacy] include_names off) the briefing cuts names to initials and
    # hides dates and postcodes; with include_names on, the subject is shown as written.
    from datetime import datetime, timezone
    from sqlmodel import Session
    from intake.store.db import open_database
    from intake.store.models import InboundMessage
    from notifier.briefing import review_lines

    engine = open_database(f"sqlite:///{tmp_path / 'intake.db'}")
    raw = (b"From: a@school.example\r\nSubject: Referral for Jayden Okafor DOB 01/02/2015, 12 Oak Road L8 1AB\r\n"
           b"\r\nno form attached\r\n")
    when = datetime(2026, 12, 3, 9, tzinfo=timezone.utc)
    with Session(engine) as s:
        m = InboundMessage(source_key="maildir:1", mailbox="INBOX", raw_sha256="x", raw_path="raw/1.eml",
                           from_address="a@school.example", received_at=when, processed_at=when,
                           outcome="needs_info", folder="Needs review")
        s.add(m)
        s.commit()
        item = [{"id": m.id, "outcome": "needs_info"}]
        [hidden] = review_lines(s, item, timezone.utc, read_raw=lambda path: raw)
        [shown] = review_lines(s, item, timezone.utc, read_raw=lambda path: raw, include_names=True)
    assert hidden["subject"] == "Referral for J. O. DOB [date], 12 O. R. [postcode]"
    for personal in ("Jayden", "Okafor", "01/02/2015", "L8 1AB", "Oak Road"):
        assert personal not in hidden["subject"]
    assert shown["subject"] == "Referral for Jayden Okafor DOB 01/02/2015, 12 Oak Road L8 1AB"
    assert hidden["sender"] == "a@school.example" and hidden["folder"] == "Needs review"
