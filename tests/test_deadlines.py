"""Deadlines right to the day: DESIGN 2.2 vectors, reminder stages, idempotent remind, real SMTP delivery."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Deadline, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource
from notifier.deadlines import DEFAULT_RULES, compute
from notifier.due import OpenDeadline, due_notifications
from intake.service.remind import remind
from notifier.workdays import WorkingCalendar, add_months

LONDON = ZoneInfo("Europe/London")
CAL = WorkingCalendar()


@pytest.mark.parametrize("start, n, due", [
    (date(2022, 9, 14), 5, date(2022, 9, 22)),
    (date(2026, 12, 24), 5, date(2027, 1, 5)),
    (date(2026, 12, 21), 15, date(2027, 1, 14)),
    (date(2027, 3, 24), 5, date(2027, 4, 2)),
    (date(2026, 5, 22), 5, date(2026, 6, 1)),
    (date(2026, 1, 3), 5, date(2026, 1, 9)),
    (date(2026, 6, 15), -7, date(2026, 6, 4)),
])
def test_working_days_design_vectors(start, n, due):
    # Every DESIGN 2.2 vector: bank holidays (ENG, substitutes, state funeral) and weekends skipped.
    assert CAL.add(start, n) == due


def test_six_calendar_months_clamp_to_month_end():
    # 31 Aug + 6 months -> 28 Feb.
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_extra_closure_day_is_skipped():
    # A configured closure day is not a working day.
    assert WorkingCalendar((date(2027, 1, 4),)).add(date(2026, 12, 24), 5) == date(2027, 1, 6)


def test_compute_falls_back_to_received_date_and_marks_estimated():
    # No aware date and no incident date: C1 from the received date, estimated.
    out = {c.clock: c for c in compute(DEFAULT_RULES, {"received": date(2026, 12, 24)}, CAL)}
    assert out["C1"].due == date(2027, 1, 5) and out["C1"].estimated and out["C1"].anchor == "received"
    assert "C7" not in out and "C8" not in out


def test_c4_reminds_on_the_earlier_of_aware_and_notification_anchors():
    # C4 computed from both anchors; the earlier due date wins.
    dates = {"incident.date_la_aware": date(2026, 12, 21), "notification_sent": date(2026, 12, 18)}
    c4 = {c.clock: c for c in compute(DEFAULT_RULES, dates, CAL)}["C4"]
    assert c4.anchor == "notification_sent" and c4.due == CAL.add(date(2026, 12, 18), 15)


def _open(due, clock="C1"):
    r = {x.id: x for x in DEFAULT_RULES}[clock]
    return OpenDeadline("SIRG-2026-0001", clock, r.title, due, False, r.statutory, r.manager_offsets,
                        r.chair_offsets, r.chair_overdue_after)


def _keys(deadlines, sent, when):
    return [n.key for n in due_notifications(deadlines, sent, when, CAL, "m@x", "c@x", time(8, 0)) if n.kind != "digest"]


def test_reminder_stages_walk_and_never_repeat():
    # Due Tue 5 Jan 2027: reminders at -3, -1, due day, then daily overdue; Chair at -1, due, overdue.
    d = [_open(date(2027, 1, 5))]
    sent: set[str] = set()
    seen = []
    for day in [date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 4), date(2027, 1, 5),
                date(2027, 1, 6), date(2027, 1, 7)]:
        for _ in range(2):  # running twice sends nothing twice
            keys = _keys(d, sent, datetime.combine(day, time(9, 0), LONDON))
            sent.update(keys)
            seen.extend(keys)
    assert seen == [
        "reminder:SIRG-2026-0001:C1:2027-01-05:before-3",
        "reminder:SIRG-2026-0001:C1:2027-01-05:before-1", "escalation:SIRG-2026-0001:C1:2027-01-05:before-1",
        "reminder:SIRG-2026-0001:C1:2027-01-05:due", "escalation:SIRG-2026-0001:C1:2027-01-05:due",
        "reminder:SIRG-2026-0001:C1:2027-01-05:overdue-2027-01-06", "escalation:SIRG-2026-0001:C1:2027-01-05:overdue",
        "reminder:SIRG-2026-0001:C1:2027-01-05:overdue-2027-01-07",
    ]


def test_downtime_catch_up_sends_only_the_latest_stage():
    # Down from before the -3 reminder until the due day: only the due-day reminder, not a burst.
    keys = _keys([_open(date(2027, 1, 5))], set(), datetime(2027, 1, 5, 9, 0, tzinfo=LONDON))
    assert keys == ["reminder:SIRG-2026-0001:C1:2027-01-05:due", "escalation:SIRG-2026-0001:C1:2027-01-05:due"]


def test_digest_due_on_working_days_after_digest_time_only():
    # 08:00 on a working day; not before it, not at weekends or on bank holidays.
    def digest(when):
        return [n.key for n in due_notifications([], set(), when, CAL, "m@x", "c@x", time(8, 0)) if n.kind == "digest"]
    assert digest(datetime(2027, 1, 4, 8, 0, tzinfo=LONDON)) == ["digest:2027-01-04"]
    assert digest(datetime(2027, 1, 4, 7, 59, tzinfo=LONDON)) == []
    assert digest(datetime(2027, 1, 2, 9, 0, tzinfo=LONDON)) == []     # Saturday
    assert digest(datetime(2026, 12, 28, 9, 0, tzinfo=LONDON)) == []   # substitute bank holiday


def _case_on_christmas_eve(make_cfg, tmp_path, clock):
    cfg = make_cfg()
    svc = build_services(cfg, now=clock, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    answers = dict(SAMPLE, **{"Date the local authority became aware": "24/12/2026", "Email address": "sam@liverpool.gov.uk"})
    name = src.deliver(referral_email("Sam <sam@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                                      [("f.docx", docx_form(answers))], message_id="<xmas@liverpool.gov.uk>"))
    arrived = datetime(2026, 12, 24, 10, tzinfo=timezone.utc).timestamp()  # delivered on Christmas Eve
    os.utime(src.path / "new" / name, (arrived, arrived))
    poll_and_deliver(svc, source=src)
    return cfg, svc


@pytest.mark.both_databases
def test_case_received_christmas_eve_walk_remind_twice_mark_met_stops(make_cfg, tmp_path):
    # Frozen clock through a case's life: deadlines stored, remind twice sends once, marking met stops C1.
    now = [datetime(2026, 12, 24, 10, 0, tzinfo=timezone.utc)]
    cfg, svc = _case_on_christmas_eve(make_cfg, tmp_path, lambda: now[0])
    with Session(svc.engine) as s:
        due = {d.clock: d.due for d in s.exec(select(Deadline))}
    assert due == {"C1": date(2027, 1, 5), "C2": date(2027, 1, 5), "C4": date(2027, 1, 19)}
    at = datetime(2027, 1, 4, 9, 0, tzinfo=LONDON)
    first = remind(svc, at)
    second = remind(svc, at)
    assert {i["key"] for i in first} >= {"reminder:SIRG-2026-0001:C1:2027-01-05:before-1", "escalation:SIRG-2026-0001:C1:2027-01-05:before-1",
                                         "digest:2027-01-04"}
    assert second == []
    with Session(svc.engine) as s:
        row = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
        row.status = "met"
        s.add(row)
        s.commit()
    later = remind(svc, datetime(2027, 1, 5, 9, 0, tzinfo=LONDON), dry_run=True)
    assert not any(i["clock"] == "C1" for i in later)
    assert any(i["key"] == "reminder:SIRG-2026-0001:C2:2027-01-05:due" for i in later)


@pytest.mark.servers
@pytest.mark.both_databases
def test_digest_and_escalation_reach_the_real_smtp_server(server_cfg, imap, smtp):
    # A real SMTP server receives the digest and a Chair escalation, with an .ics and no child's name.
    # arrived on 2 Nov 2026, a fixed date in the past (Dovecot takes no INTERNALDATE in the future): C1 due 9 Nov
    answers = dict(SAMPLE, **{"Date of incident": "30/10/2026", "Date the local authority became aware": "02/11/2026"})
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                               [("f.docx", docx_form(answers))], message_id="<xmas2@liverpool.gov.uk>"),
                when=datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc))
    svc = build_services(server_cfg, now=lambda: datetime(2026, 12, 24, 10, 0, tzinfo=timezone.utc), isolated=False)
    poll_and_deliver(svc)
    smtp.handler.messages.clear()
    remind(svc, datetime(2027, 1, 5, 9, 0, tzinfo=LONDON))
    subjects = {m["msg"]["Subject"]: m for m in smtp.handler.messages}
    assert any(s.startswith("Morning briefing, Tuesday 5 January 2027") for s in subjects), list(subjects)
    esc = [m for s, m in subjects.items() if "statutory deadlines at risk, Tuesday 5 January 2027" in s]
    assert len(esc) == 1 and esc[0]["to"] == ["chair@merseyside.police.uk"]
    assert "[OVERDUE] Notify the National Panel by" in esc[0]["msg"].get_body(("plain",)).get_content()
    parts = [p.get_content_type() for p in esc[0]["msg"].walk()]
    assert "text/calendar" not in parts   # issue 24.7: no all-day "C1 due" calendar file on escalations
    for m in smtp.handler.messages:
        text = m["msg"].as_string()
        assert "Alex" not in text and "Example Street" not in text


def test_agenda_summary_to_chair_five_working_days_before_the_meeting_once():
    # Meeting Thu 21 Jan 2027: the agenda summary is due from Thu 14 Jan (5 working days before), once.
    meeting = (date(2027, 1, 21),)

    def agenda(day, sent=frozenset()):
        return [n.key for n in due_notifications([], set(sent), datetime.combine(day, time(9, 0), LONDON), CAL, "m@x",
                                                  "c@x", time(8, 0), meeting) if n.kind == "agenda"]
    assert agenda(date(2027, 1, 13)) == []
    assert agenda(date(2027, 1, 14)) == ["agenda:2027-01-21"]
    assert agenda(date(2027, 1, 15), {"agenda:2027-01-21"}) == []
    assert agenda(date(2027, 1, 22)) == []


def test_deadline_rules_and_meeting_dates_come_from_config():
    # [deadlines]: a changed offset and meeting dates are used; an unknown key is refused with a hint.
    from intake.errors import ConfigError
    from notifier.deadlines import rules_from_config

    rules, cal, settings = rules_from_config({"rules": {"C1": {"amount": 3}}, "meeting_dates": ["2027-01-21"],
                                              "extra_closures": ["2027-01-04"]})
    c1 = {r.id: r for r in rules}["C1"]
    assert c1.amount == 3 and settings["meeting_dates"] == (date(2027, 1, 21),)
    assert compute([c1], {"incident.date_la_aware": date(2026, 12, 24)}, cal)[0].due == date(2026, 12, 31)
    c2 = {r.id: r for r in rules}["C2"]  # unchanged 5 working days, with 4 Jan closed: 6 Jan
    assert compute([c2], {"incident.date_la_aware": date(2026, 12, 24)}, cal)[0].due == date(2027, 1, 6)
    with pytest.raises(ConfigError, match="deadlines.meetings"):
        rules_from_config({"meetings": []})
