"""Issue 22: no statutory alert lost, late or doubled, second round. Each test is one of the issue's seven
scenarios (numbered as there), against the real servers (Dovecot in, aiosmtpd out) where mail is involved."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from intake.service.services import build_services
from intake.store.models import OutboundEmail
from tests.test_alerts import TO, Clock, at, queue_emails, received_subjects


# -- (5) a delivery run longer than the claim lease sends nothing twice ---------------------------------------

@pytest.mark.both_databases
def test_delivery_run_longer_than_the_lease_claims_each_row_from_its_own_moment_and_sends_nothing_twice(server_cfg, imap,
                                                                                                       smtp):
    # A backlog of 12 emails through a throttled relay (a minute per email): 7 minutes into the run, past the
    # 5-minute lease, the remind job's delivery starts beside it. Each email reaches the SMTP server once.
    from intake.service.services import deliver
    from notifier.senders import SmtpSender

    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    queue_emails(svc, 12, clock.now)
    parallel = []

    class ThrottledRelay(SmtpSender):
        def send(self, raw, sender, recipient, name):
            clock.tick(minutes=1)
            if clock.now >= at(2027, 1, 4, 9, 7) and not parallel:
                parallel.append(deliver(svc, SmtpSender.from_config(server_cfg)))
            super().send(raw, sender, recipient, name)

    first = deliver(svc, ThrottledRelay.from_config(server_cfg))
    assert sorted(received_subjects(smtp)) == sorted(f"Test {i}" for i in range(12))
    assert first.sent + parallel[0].sent == 12
    with Session(svc.engine) as s:
        assert {(r.status, r.attempts) for r in s.exec(select(OutboundEmail))} == {("sent", 1)}


# -- (6) one owner per run of the reminder job -----------------------------------------------------------------

def test_remind_job_interval_and_cron_runs_in_one_process_never_run_at_once(make_cfg, monkeypatch):
    # The 08:00 cron run of the reminder job starts while the interval run of the same process is still at work:
    # it is skipped; the interval run keeps its lease to the end (the cron run does not free it).
    from intake.service import remind as clock_round
    from intake.service.scheduler import REMIND_LEASE, make_jobs
    from intake.store import leases

    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    started, finish, runs = threading.Event(), threading.Event(), []

    def slow_round(svc_, now, dry_run=False):
        runs.append(now)
        started.set()
        assert finish.wait(10)

    monkeypatch.setattr(clock_round, "remind", slow_round)
    _, interval_job = make_jobs(cfg, svc)
    _, cron_job = make_jobs(cfg, svc)
    first = threading.Thread(target=interval_job)
    first.start()
    try:
        assert started.wait(10)
        cron_job()                                   # the same process's other trigger
        assert len(runs) == 1
        owner, until = leases.holder(svc.engine, REMIND_LEASE)
        assert owner is not None and until is not None  # still held by the interval run
    finally:
        finish.set()
        first.join(10)
    assert leases.holder(svc.engine, REMIND_LEASE)[0] is None


def test_remind_job_longer_than_its_lease_keeps_it_renewed(make_cfg, monkeypatch):
    # A reminder round that delivers a backlog for longer than database.claim_lease: another worker's reminder job
    # starting meanwhile finds the lease renewed and skips.
    from intake.service import remind as clock_round
    from intake.service.scheduler import REMIND_LEASE, make_jobs
    from intake.store import leases

    cfg = make_cfg()
    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(cfg, now=clock, isolated=False)
    svc.claim_lease = timedelta(seconds=0.3)
    started, finish, runs = threading.Event(), threading.Event(), []

    def long_round(svc_, now, dry_run=False):
        runs.append(now)
        started.set()
        assert finish.wait(10)

    monkeypatch.setattr(clock_round, "remind", long_round)
    _, job = make_jobs(cfg, svc)
    first = threading.Thread(target=job)
    first.start()
    try:
        assert started.wait(10)
        for _ in range(4):                           # 0.8 s of the injected clock in all: more than two leases
            clock.tick(seconds=0.2)
            threading.Event().wait(0.25)             # the run's keep-alive beats (every 0.1 s) meanwhile
            assert not leases.claim(svc.engine, REMIND_LEASE, leases.worker_id(), clock.now, svc.claim_lease)
    finally:
        finish.set()
        first.join(10)
    assert len(runs) == 1


# -- (1) a Manager's mailbox that refuses mail -----------------------------------------------------------------

def status_of(cfg_path, capsys, monkeypatch, now):
    from intake.cli.program import main
    from intake.service import status

    monkeypatch.setattr(status, "_now", lambda: now)
    capsys.readouterr()
    code = main(["--config", str(cfg_path), "status"])
    return code, capsys.readouterr().out


def test_refused_manager_mailbox_tells_chair_deputy_and_desk_same_day_status_fails_and_alerts_retry_until_delivered(
        server_cfg, imap, smtp, tmp_path, capsys, monkeypatch):
    # The Manager's mailbox answers 550 (full) from the morning a referral arrives. The new-referral email is not
    # marked failed: the Chair, the deputy and the service desk are told within the same run; the Friday's
    # reminders and briefing are refused too and they are told again that day; `intake status` fails throughout.
    # The mailbox is emptied: the waiting alerts are delivered on their retry schedule and status is healthy.
    from intake.demo.forms import SAMPLE, docx_form, referral_email
    from intake.service.remind import remind
    from intake.service.services import poll_and_deliver
    from tests.servers import write_server_config
    from tests.test_alerts import NOVEMBER, append, rows

    manager, chair = "manager@liverpool.gov.uk", "chair@merseyside.police.uk"
    deputy, desk = "deputy.manager@liverpool.gov.uk", "servicedesk@liverpool.gov.uk"
    people = {"manager": manager, "chair": chair, "deputy": deputy, "service_desk": desk}
    cfg_path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp, people=people,
                                   database={"url": f"sqlite:///{tmp_path / 'intake.db'}"},
                                   storage={"path": str(tmp_path / "files")})
    server_cfg.people.deputy, server_cfg.people.service_desk = deputy, desk
    server_cfg.notifications.combine = False
    smtp.handler.refuse = {manager}
    clock = Clock(at(2026, 11, 2, 10))
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                                message_id="<case-1@liverpool.gov.uk>"), clock.now)
    svc = build_services(server_cfg, now=clock, isolated=False)
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1} and delivery.failed == 0 and delivery.refused == 1

    [new_referral] = rows(svc, "new_referral")
    assert (new_referral.status, new_referral.last_error) == ("pending", "refused: 550 5.2.2 Mailbox full")
    told = {m["to"][0]: m["msg"] for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Not delivered")}
    assert set(told) == {chair, deputy, desk}
    body = told[chair].get_body(("plain",)).get_content()
    assert told[chair]["Subject"] == f"Not delivered: 1 alert to the Safeguarding Manager ({manager})"
    assert "new referral SIRG-2026-0001" in body and "550 5.2.2 Mailbox full" in body
    for message in told.values():                      # no child's name, date of birth or address
        text = message.as_string()
        assert SAMPLE["Child's name"] not in text and "Alex" not in text and "Example Street" not in text
    code, out = status_of(cfg_path, capsys, monkeypatch, clock.tick(minutes=5))
    assert code == 1 and out.startswith(f"alerts: FAILED - 1 alert(s) to {manager} not delivered; "
                                        "last refusal: 550 5.2.2 Mailbox full")

    smtp.handler.messages.clear()
    clock.now = at(2026, 11, 6, 9)                     # Fri: the day before C1 and C2 are due
    remind(svc, clock.now)
    waiting = [r for r in rows(svc) if r.to_address == manager and r.status == "pending"]
    assert {r.kind for r in waiting} == {"new_referral", "reminder", "digest"}
    assert all(r.last_error.startswith("refused: 550") and r.next_attempt_at.replace(tzinfo=None) > clock.now.replace(tzinfo=None)
               for r in waiting)
    assert any(m["to"] == [chair] and ("at risk" in m["msg"]["Subject"] or m["msg"]["Subject"].startswith(("Due ", "Overdue: "))) for m in smtp.handler.messages)
    told = {m["to"][0]: m["msg"] for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Not delivered")}
    assert set(told) == {chair, deputy, desk}           # told again the same day: more was refused
    body = told[deputy].get_body(("plain",)).get_content()
    for item in ("new referral SIRG-2026-0001", "reminder: SIRG-2026-0001 C1 due Monday 9 November 2026",
                 "the morning briefing of Friday 6 November 2026"):
        assert item in body
    remind(svc, clock.tick(minutes=15))                 # the next round tells nobody twice
    assert len([m for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Not delivered")]) == 3

    smtp.handler.refuse = set()                         # the mailbox is emptied
    smtp.handler.messages.clear()
    clock.tick(hours=2)
    poll_and_deliver(svc)
    got = [m["msg"]["Subject"] for m in smtp.handler.messages if m["to"] == [manager]]
    assert len(got) == len(waiting) and {r.status for r in rows(svc, "new_referral", "reminder", "digest")} == {"sent"}
    code, out = status_of(cfg_path, capsys, monkeypatch, clock.tick(minutes=1))
    assert code == 0 and out.startswith("mailbox: ok")


def test_refused_chair_mailbox_tells_the_manager(server_cfg, imap, smtp):
    # The Chair's address has a typo: the escalation is refused, the Manager is told the same day.
    from intake.service.remind import remind
    from tests.test_alerts import one_case, rows

    svc, clock = one_case(server_cfg, imap, smtp)
    smtp.handler.refuse = {"chair@merseyside.police.uk"}
    remind(svc, at(2026, 11, 6, 9))
    escalations = [r for r in rows(svc, "escalation") if r.status == "pending"]
    assert len(escalations) == 2 and all(r.last_error.startswith("refused: 550") for r in escalations)  # C1, C2
    [notice] = [m for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Not delivered")]
    assert notice["to"] == ["manager@liverpool.gov.uk"]
    assert "escalation: SIRG-2026-0001 C1 due Monday 9 November 2026" in notice["msg"].get_body(("plain",)).get_content()


# -- (2) a date corrected while a clock is paused ----------------------------------------------------------------

def test_paused_c1_follows_a_corrected_aware_date_and_resume_adds_the_pause_to_the_new_date(server_cfg, imap, smtp):
    # C1 estimated from the incident date (Thu 29 Oct: due Thu 5 Nov) is paused on Tue 3 Nov; the referrer's reply
    # on Wed 4 Nov gives the date the local authority became aware (Mon 2 Nov: due Mon 9 Nov). RESUME on Mon 9 Nov
    # adds the 4 working days paused to the new date: due Fri 13 Nov (not Wed 11 Nov, from the stale 5 Nov).
    from intake.demo.forms import referral_email
    from intake.duties.actions import mark
    from intake.service.services import poll_and_deliver
    from intake.store.models import Case, Deadline
    from tests.test_alerts import NOVEMBER, append, one_case

    answers = {k: v for k, v in NOVEMBER.items() if k != "Date the local authority became aware"}
    answers["Date of incident"] = "29/10/2026"
    svc, clock = one_case(server_cfg, imap, smtp, answers)

    def c1():
        with Session(svc.engine) as s:
            return s.exec(select(Deadline).where(Deadline.clock == "C1")).one()

    def act(action, on):
        with Session(svc.engine) as s:
            case = s.exec(select(Case)).one()
            mark(s, case, "C1", action, on, "criminal proceedings" if action == "paused" else "", "manager",
                 clock.now, server_cfg)
            s.commit()

    assert (c1().due.isoformat(), c1().estimated) == ("2026-11-05", True)
    clock.now = at(2026, 11, 3, 10)
    act("paused", clock.now.date())
    clock.now = at(2026, 11, 4, 10)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Re: [SIRG-2026-0001] Referral received", [],
                                body="Date the local authority became aware: 02/11/2026\n\nSam",
                                message_id="<reply-1@liverpool.gov.uk>"), clock.now)
    assert poll_and_deliver(svc)[0].outcomes == {"reply_to_case": 1}
    paused = c1()
    assert (paused.status, paused.due.isoformat(), paused.anchor, paused.estimated) == (
        "paused", "2026-11-09", "incident.date_la_aware", False)
    clock.now = at(2026, 11, 9, 10)
    act("resumed", clock.now.date())
    assert (c1().status, c1().due.isoformat()) == ("open", "2026-11-13")


# -- (3) the Panel-notification date is checked -------------------------------------------------------------------

def test_panel_notified_date_in_2016_starts_no_clock_c4_runs_from_aware_and_the_manager_is_asked_to_check(
        server_cfg, imap, smtp):
    # "Date Panel notified: 02/11/2016" (a typo for 2026) on a referral received Mon 2 Nov 2026: C4 runs from the
    # date the local authority became aware (due Mon 23 Nov), no "overdue" escalation reaches the Chair on the first
    # run, and the Manager's new-referral email asks for the date to be checked; the case carries the warning.
    from email import message_from_string
    from email.policy import default

    from intake.service.remind import remind
    from intake.store.models import Case, Deadline
    from notifier.deadlines import untrusted_dates
    from tests.test_alerts import NOVEMBER, one_case, rows

    svc, clock = one_case(server_cfg, imap, smtp, dict(NOVEMBER, **{"Date Panel notified": "02/11/2016"}))
    with Session(svc.engine) as s:
        c4 = s.exec(select(Deadline).where(Deadline.clock == "C4")).one()
        case = s.exec(select(Case)).one()
    assert (c4.anchor, c4.due.isoformat()) == ("incident.date_la_aware", "2026-11-23")
    assert any(w.startswith("date_panel_notified not used for the deadlines: more than two years before the referral")
               for w in json.loads(case.warnings_json))
    [new_referral] = rows(svc, "new_referral")
    text = message_from_string(new_referral.raw, policy=default).get_body(("plain",)).get_content()
    assert "DATES TO CHECK (1)" in text and "2 November 2016 on the form is more than two years before" in text
    remind(svc, at(2026, 11, 3, 9))
    assert not [r for r in rows(svc, "escalation") if ":C4:" in r.key]
    # the other rules: not after the day it arrived, not before the incident
    assert untrusted_dates({"incident.date": date(2026, 10, 30), "date_panel_notified": date(2026, 10, 29)}, [],
                           date(2026, 11, 2)) == {"date_panel_notified": "before the incident"}
    assert untrusted_dates({"date_panel_notified": date(2026, 11, 3)}, [], date(2026, 11, 2)) == {
        "date_panel_notified": "later than the day the referral arrived"}


# -- (4) "needs review" items stay in the briefing until one that lists them is delivered -----------------------

def test_review_item_listed_by_an_undelivered_briefing_is_listed_again_until_a_briefing_with_it_is_delivered(
        server_cfg, imap, smtp):
    # Mon 2 Nov, after the morning briefing: a GP sends a referral from a gmail address (kept for review). Tuesday's
    # briefing lists it but the Manager's mailbox refuses it; Wednesday's briefing replaces Tuesday's and lists the
    # item again (it was never shown); once delivered, Thursday's briefing no longer lists it.
    from intake.demo.forms import docx_form, referral_email
    from intake.service.remind import remind
    from intake.service.services import poll_and_deliver
    from intake.store.models import InboundMessage
    from tests.test_alerts import NOVEMBER, append, rows

    manager = "manager@liverpool.gov.uk"
    server_cfg.notifications.combine = False
    clock = Clock(at(2026, 11, 2, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    remind(svc, clock.now)                              # Monday's briefing, delivered
    clock.now = at(2026, 11, 2, 11)
    append(imap, referral_email("Dr Lee <dr.lee.surgery@gmail.com>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                                message_id="<gp-1@gmail.com>"), clock.now)
    assert poll_and_deliver(svc)[0].outcomes == {"sender_not_allowed": 1}
    with Session(svc.engine) as s:
        gp = s.exec(select(InboundMessage)).one().id
    line = "from dr.lee.surgery@gmail.com"   # issue 24.6: sender, subject, time and folder, not a message number

    def briefing(on):
        [row] = [r for r in rows(svc, "digest") if r.key == f"digest:{on}"]
        return row

    def text(row):
        from email import message_from_string
        from email.policy import default
        return message_from_string(row.raw, policy=default).get_body(("plain",)).get_content()

    smtp.handler.refuse = {manager}
    clock.now = at(2026, 11, 3, 9)
    remind(svc, clock.now)                              # Tuesday's briefing lists it, and is refused
    assert line in text(briefing("2026-11-03")) and briefing("2026-11-03").status == "pending"
    smtp.handler.refuse = set()
    clock.now = at(2026, 11, 4, 9)
    remind(svc, clock.now)                              # Wednesday's replaces it, and lists it again
    assert briefing("2026-11-03").status == "superseded"
    assert line in text(briefing("2026-11-04")) and briefing("2026-11-04").status == "sent"
    delivered = [m["msg"] for m in smtp.handler.messages if m["to"] == [manager] and "4 November" in m["msg"]["Subject"]]
    assert delivered and line in delivered[0].get_body(("plain",)).get_content()
    clock.now = at(2026, 11, 5, 9)
    remind(svc, clock.now)                              # shown once delivered: Thursday's does not repeat it
    assert line not in text(briefing("2026-11-05"))


# -- (7) a referral that arrives after a statutory deadline ---------------------------------------------------------

def test_late_referral_clocks_are_referred_after_the_deadline_told_once_tracked_from_receipt_never_escalated_daily(
        server_cfg, imap, smtp):
    # An incident of Oct 2025 (the local authority aware on Thu 2 Oct 2025) referred on Mon 2 Nov 2026: C1, C2 and C4
    # were due long before it arrived. The Manager and the Chair are each told once, in plain words, what was missed
    # and what is still to do; the clocks run from the day of receipt (C1 due Mon 9 Nov); the first reminder rounds
    # send the Chair no "overdue" escalation and nobody a second notice.
    from intake.demo.forms import SAMPLE
    from intake.service.remind import remind
    from intake.store.models import Deadline
    from tests.test_alerts import NOVEMBER, one_case, rows

    manager, chair = "manager@liverpool.gov.uk", "chair@merseyside.police.uk"
    answers = dict(NOVEMBER, **{"Date of incident": "01/10/2025", "Date the local authority became aware": "02/10/2025"})
    svc, clock = one_case(server_cfg, imap, smtp, answers)
    notices = rows(svc, "late_referral")
    assert {(r.to_address, r.status) for r in notices} == {(manager, "sent"), (chair, "sent")}
    with Session(svc.engine) as s:
        due = {d.clock: d for d in s.exec(select(Deadline))}
    assert {k: (due[k].due.isoformat(), due[k].anchor) for k in ("C1", "C2", "C4")} == {
        "C1": ("2026-11-09", "received"), "C2": ("2026-11-09", "received"), "C4": ("2026-11-23", "received")}
    assert any(h.get("what") == "referred after the deadline" and h["statutory_due"] == "2025-10-09"
               for h in json.loads(due["C1"].history))

    from email import message_from_string
    from email.policy import default
    for row in notices:
        msg = message_from_string(row.raw, policy=default)
        assert msg["Subject"] == "Referred after the deadline: 3 statutory tasks to do now – SIRG-2026-0001"
        text = " ".join(msg.get_body(("plain",)).get_content().split())
        for words in ("Was due: Thursday 9 October 2025", "Still to do: notify the national Panel now",
                      "Now tracked from the day the referral arrived: due Monday 9 November 2026",
                      "it is not late work by"):
            assert words in text
        assert SAMPLE["Child's name"] not in msg.as_string() and "Example Street" not in msg.as_string()

    for when in (at(2026, 11, 2, 11), at(2026, 11, 3, 9), at(2026, 11, 4, 9)):
        remind(svc, when)
    assert not rows(svc, "escalation")                  # nothing at risk yet: no daily blame on the Chair
    assert not [r for r in rows(svc, "reminder") if "overdue" in r.key]
    assert len(rows(svc, "late_referral")) == 2         # told once
    remind(svc, at(2026, 11, 6, 9))                     # Fri: C1 due on the next working day, as for any case
    assert {r.key.split(":")[2] for r in rows(svc, "escalation")} == {"C1", "C2"}
