"""Issue 11: no statutory alert silently lost. Each test is one of the issue's scenarios, against the
real servers (Dovecot in, aiosmtpd out) where mail is involved."""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from intake.cli.program import main
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import AuditEvent, Deadline, OutboundEmail
from intake.service.services import build_services, deliver, poll_and_deliver
from intake.service.remind import remind
from tests.servers import write_server_config
from tests.test_commands import world  # noqa: F401  (fixture: a case, and reminders carrying reply tokens)


@pytest.fixture(autouse=True)
def cli_today_after_the_scenario(monkeypatch):
    # The scenarios here record events of Dec 2026 - Jan 2027 on the command line, which refuses a date after today
    # for what has happened: the CLI's clock is pinned after them.
    from intake.cli import deadlines as deadline_cli

    monkeypatch.setattr(deadline_cli, "_now", lambda: datetime(2027, 2, 1, 10, tzinfo=timezone.utc))

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


class Clock:
    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def tick(self, **kw):
        self.now += timedelta(**kw)
        return self.now


def at(y, m, d, hh=9, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=timezone.utc)


def append(imap, raw: bytes, when: datetime) -> None:
    """APPEND with an INTERNALDATE, as if the message had arrived at ``when``."""
    imap.append(raw, when=when)


# Dovecot will not take an INTERNALDATE in the future (it uses the time of the APPEND instead), so the cases
# below arrive in November 2026 (GMT: local time is UTC; no bank holidays), in the past on any test day.
NOVEMBER = dict(SAMPLE, **{"Date of referral": "02/11/2026", "Date of incident": "30/10/2026",
                           "Date the local authority became aware": "02/11/2026"})


def one_case(server_cfg, imap, smtp, answers=None, msgid="<case-1@liverpool.gov.uk>", received=None):
    """A referral received on Mon 2 Nov 2026 (C1/C2 due Mon 9 Nov), acknowledged; the SMTP log emptied."""
    received = received or at(2026, 11, 2, 10)
    server_cfg.notifications.combine = False  # these tests follow each reminder and escalation as its own email
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(answers or NOVEMBER))],
                                message_id=msgid), received)
    clock = Clock(received)
    svc = build_services(server_cfg, now=clock, isolated=False)
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1} and delivery.sent >= 1
    smtp.handler.messages.clear()
    return svc, clock


def rows(svc, *kinds):
    with Session(svc.engine) as s:
        q = select(OutboundEmail).order_by(OutboundEmail.id)
        if kinds:
            q = q.where(OutboundEmail.kind.in_(kinds))
        return s.exec(q).all()


def received_subjects(smtp):
    return [m["msg"]["Subject"] for m in smtp.handler.messages]


# -- (2) delivery never gives up silently ------------------------------------------------------------

def test_delivery_login_refused_for_hours_costs_no_tries_then_latest_stages_delivered(server_cfg, imap, smtp, monkeypatch,
                                                                                      caplog, capsys):
    # The SMTP password is wrong for a day: no row burns a try, after an hour the log, `intake check` and the
    # next digest say so; the next day's stages supersede the stale ones; fixed, everything waiting is delivered.
    from intake.service.checks import run_checks

    svc, clock = one_case(server_cfg, imap, smtp)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", "wrong")
    clock.now = at(2026, 11, 6, 9)            # Fri: the day before C1 and C2 are due
    caplog.set_level(logging.WARNING)
    for _ in range(6):                       # 09:00 .. 10:15, every 15 minutes, as `intake run` would
        remind(svc, clock.now)
        clock.tick(minutes=15)
    alerts = rows(svc, "reminder", "escalation", "digest")
    assert {r.key.split(":")[0] for r in alerts} == {"reminder", "escalation", "digest"}
    assert all(r.status == "pending" and r.attempts == 0 for r in alerts)
    assert any(ok is False for _, ok in smtp.handler.logins) and smtp.handler.messages == []
    assert "outgoing mail has not been delivered since 2026-11-06T09:00" in caplog.text
    capsys.readouterr()
    assert run_checks(server_cfg, now=clock.now) == 1
    assert "delivery: FAILED - outgoing email has not been delivered since 2026-11-06 09:00" in capsys.readouterr().out

    clock.now = at(2026, 11, 9, 8)            # Mon, the due date: new stages and a new digest while still failing
    remind(svc, clock.now)
    by_key = {r.key: r for r in rows(svc)}
    stale = [r for r in by_key.values() if r.key.endswith(":before-1") or r.key == "digest:2026-11-06"]
    assert stale and all(r.status == "superseded" for r in stale)

    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    report = deliver(svc, now=clock.tick(minutes=15))
    assert report.failed == 0 and report.sent > 0
    assert {r.status for r in rows(svc, "reminder", "escalation", "digest")} == {"sent", "superseded"}
    subjects = received_subjects(smtp)
    assert not any("2026-11-06" in s for s in subjects)  # the stale digest never went
    [digest] = [m["msg"] for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Morning briefing")]
    assert "outgoing email has not been delivered since 09:00 on Friday 6 November 2026" in digest.get_body(("plain",)).get_content()
    capsys.readouterr()
    run_checks(server_cfg, now=clock.now)
    assert "delivery: ok" in capsys.readouterr().out


def test_delivery_smtp_server_down_two_hours_then_next_run_delivers_every_alert(server_cfg, imap, smtp):
    # The SMTP server is down from 09:00 to 11:00 (far longer than 8 backoff tries): nothing is marked failed,
    # no try is counted, and the first cycle after it is back delivers every reminder and escalation.
    svc, clock = one_case(server_cfg, imap, smtp)
    clock.now = at(2026, 11, 6, 9)
    smtp.stop()
    try:
        for _ in range(7):                   # 09:00 .. 11:00, every 20 minutes
            remind(svc, clock.now)
            clock.tick(minutes=20)
        assert all(r.status == "pending" and r.attempts == 0 for r in rows(svc, "reminder", "escalation", "digest"))
    finally:
        smtp.start()
    report = deliver(svc, now=clock.now)
    alerts = rows(svc, "reminder", "escalation", "digest")
    assert report.sent == len(alerts) > 0 and {r.status for r in alerts} == {"sent"}
    assert sorted(received_subjects(smtp)) == sorted(r.subject for r in alerts)


def test_outbox_one_550_fails_that_email_only_and_cli_lists_and_requeues_it(server_cfg, imap, smtp, tmp_path, capsys):
    # One 5xx refuses the referrer's acknowledgement: the others are delivered; `intake outbox --failed --json`
    # shows it and `intake outbox retry ID` sends it; `--all-failed` then finds nothing left. (An alert to the
    # Manager or the Chair is never failed by a 5xx: it waits and is tried again, issue 22; test_alerts_second.)
    cfg_path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp,
                                   database={"url": f"sqlite:///{tmp_path / 'intake.db'}"}, storage={"path": str(tmp_path / "files")})
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                                message_id="<case-1@liverpool.gov.uk>"), at(2026, 11, 2, 10))
    svc = build_services(server_cfg, now=Clock(at(2026, 11, 2, 10)), isolated=False)
    smtp.handler.script = [550]
    poll_and_deliver(svc)
    alerts = rows(svc)
    assert [r.status for r in alerts].count("failed") == 1 and [r.status for r in alerts].count("sent") == len(alerts) - 1
    [failed] = [r for r in alerts if r.status == "failed"]
    assert failed.kind == "acknowledgement"

    capsys.readouterr()
    assert main(["--config", str(cfg_path), "outbox", "--failed", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(o["id"], o["status"], o["kind"]) for o in listed] == [(failed.id, "failed", failed.kind)]
    assert "550" in listed[0]["last_error"]
    assert main(["--config", str(cfg_path), "outbox", "retry", str(failed.id)]) == 0
    assert "delivered 1 email(s)" in capsys.readouterr().out
    assert {r.status for r in rows(svc)} == {"sent"}
    assert received_subjects(smtp).count(failed.subject) == 1
    assert main(["--config", str(cfg_path), "outbox", "retry", "--all-failed"]) == 0
    assert "re-queued 0 email(s)" in capsys.readouterr().out
    assert main(["--config", str(cfg_path), "outbox", "retry", str(failed.id)]) == 2  # already sent: usage error
    assert main(["--config", str(cfg_path), "outbox"]) == 0
    assert failed.subject in capsys.readouterr().out


# -- (7) deliveries never overlap ----------------------------------------------------------------------

def queue_emails(svc, n, now):
    from notifier.compose import build_email
    from notifier.outbox import enqueue

    with Session(svc.engine) as s:
        for i in range(n):
            enqueue(s, key=f"test:{i}", kind="reminder", now=now,
                    message=build_email(sender=TO, to="manager@liverpool.gov.uk", subject=f"Test {i}", text="x", html="<p>x</p>", now=now))
        s.commit()


@pytest.mark.both_databases
def test_delivery_a_run_starting_while_another_is_sending_never_sends_the_same_row(server_cfg, imap, smtp):
    # The poll job's delivery starts sending row 1; the reminder job's delivery runs in full at that moment;
    # then the first finishes. Each email reaches the SMTP server exactly once (the first run claimed all five rows
    # together, notifier.delivery.CLAIM_BATCH, so the second finds none free).
    from notifier.delivery import deliver_pending
    from notifier.senders import SmtpSender

    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    queue_emails(svc, 5, clock.now)
    reports = []

    class InterleavingSender(SmtpSender):
        def send(self, raw, sender, recipient, name):
            if not reports:
                reports.append(deliver_pending(svc.engine, SmtpSender.from_config(server_cfg), TO, clock.now))
            super().send(raw, sender, recipient, name)

    first = deliver_pending(svc.engine, InterleavingSender.from_config(server_cfg), TO, clock.now)
    assert (first.sent, reports[0].sent) == (5, 0)
    assert sorted(received_subjects(smtp)) == [f"Test {i}" for i in range(5)]
    with Session(svc.engine) as s:
        assert {(r.status, r.attempts, r.lease_owner) for r in s.exec(select(OutboundEmail))} == {("sent", 1, None)}


@pytest.mark.both_databases
def test_delivery_two_threads_on_one_outbox_send_each_email_once(server_cfg, imap, smtp):
    # Two delivery runs in parallel threads (as `intake run`'s jobs, or a CLI command beside the service).
    import threading

    from notifier.delivery import deliver_pending
    from notifier.senders import SmtpSender

    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    queue_emails(svc, 40, clock.now)
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(
        deliver_pending(svc.engine, SmtpSender.from_config(server_cfg), TO, clock.now))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(r.sent for r in reports) == 40
    assert sorted(received_subjects(smtp)) == sorted(f"Test {i}" for i in range(40))


@pytest.mark.both_databases
def test_delivery_lease_of_a_crashed_run_expires_and_the_row_is_sent(server_cfg, imap, smtp):
    # A run claimed a row and died before sending: the row is skipped while the lease holds, sent after it.
    from notifier.delivery import LEASE, claim

    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    queue_emails(svc, 1, clock.now)
    [row] = rows(svc)
    assert claim(svc.engine, row.id, "crashed-run", clock.now)
    assert deliver(svc, now=clock.tick(minutes=1)).sent == 0
    assert deliver(svc, now=clock.tick(seconds=LEASE.total_seconds())).sent == 1
    assert received_subjects(smtp) == ["Test 0"]


# -- (1) a moved deadline re-arms -----------------------------------------------------------------------

def test_rearm_estimated_c1_moved_later_by_referrers_reply_gets_its_stages_again(server_cfg, imap, smtp):
    # C1 estimated from the incident date (Mon 2 Nov: due Mon 9 Nov) is reminded and escalated as overdue;
    # the referrer's reply gives the date the local authority became aware (Thu 5 Nov): C1 moves to Thu 12 Nov
    # and its due-day reminder, due-day escalation and overdue escalation are sent again for the new date.
    answers = {k: v for k, v in NOVEMBER.items() if k != "Date the local authority became aware"}
    answers["Date of incident"] = "02/11/2026"
    svc, clock = one_case(server_cfg, imap, smtp, answers, received=at(2026, 11, 5, 10))
    for day in (9, 10):
        remind(svc, at(2026, 11, day))
    first = [s for s in received_subjects(smtp) if "Notify the National Panel" in s]
    assert len(first) == 4  # reminder and escalation on the due day, reminder and escalation overdue

    clock.now = at(2026, 11, 10, 10)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Re: [SIRG-2026-0001] Referral received", [],
                                body="Date the local authority became aware: 05/11/2026\n\nSam",
                                message_id="<reply-1@liverpool.gov.uk>"), clock.now)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"reply_to_case": 1}
    with Session(svc.engine) as s:
        c1 = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
        moved = [json.loads(e.detail) for e in s.exec(select(AuditEvent).where(AuditEvent.action == "deadline_moved"))]
    assert (c1.due, c1.anchor, c1.estimated) == (date(2026, 11, 12), "incident.date_la_aware", False)
    assert {"clock": "C1", "from": "2026-11-09", "due": "2026-11-12", "rearmed": True}.items() <= next(
        m for m in moved if m["clock"] == "C1").items()

    smtp.handler.messages.clear()
    for day in (12, 13):
        remind(svc, at(2026, 11, day))
    again = [r.key for r in rows(svc, "reminder", "escalation") if ":C1:2026-11-12:" in r.key and r.status == "sent"]
    assert sorted(again) == sorted(["reminder:SIRG-2026-0001:C1:2026-11-12:due", "escalation:SIRG-2026-0001:C1:2026-11-12:due",
                                    "reminder:SIRG-2026-0001:C1:2026-11-12:overdue-2026-11-13",
                                    "escalation:SIRG-2026-0001:C1:2026-11-12:overdue"])
    assert len([s for s in received_subjects(smtp) if "Notify the National Panel" in s]) == 4


def test_rearm_replanned_publication_moves_c8_and_restarts_its_reminders(tmp_path, capsys):
    # C8 (7 working days before publication) was reminded; the publication is re-planned later with
    # `intake event`: C8 moves, and its reminders start afresh against the new date.
    from tests.test_deadline_cli import deliver_case

    cfg = deliver_case(tmp_path, at(2026, 12, 24, 10))
    assert main(["--config", str(cfg), "event", "SIRG-2026-0001", "publication_planned", "--on", "2027-06-15"]) == 0
    capsys.readouterr()
    assert main(["--config", str(cfg), "remind", "--at", "2027-06-04T09:00", "--json"]) == 0
    assert "reminder:SIRG-2026-0001:C8:2027-06-04:due" in {i["key"] for i in json.loads(capsys.readouterr().out)}
    assert main(["--config", str(cfg), "event", "SIRG-2026-0001", "publication_planned", "--on", "2027-07-13"]) == 0
    capsys.readouterr()
    assert main(["--config", str(cfg), "remind", "--at", "2027-07-02T09:00", "--json"]) == 0
    keys = {i["key"] for i in json.loads(capsys.readouterr().out)}
    assert "reminder:SIRG-2026-0001:C8:2027-07-02:due" in keys


# -- (3) each case is listed as new in exactly one digest -------------------------------------------------

def digest_new_refs(message) -> list[str]:
    text = message.get_body(("plain",)).get_content()
    if "NEW REFERRALS" not in text:
        return []   # issue 24.6: a section with nothing in it is left out
    section = re.split(r"\n(?=[A-Z])", text.split("NEW REFERRALS", 1)[1], maxsplit=1)[0]
    return [line.split()[0] for line in section.splitlines()[1:] if line.strip() and line.strip() != "none"]


def digests(smtp):
    # "Morning briefing, Tuesday 3 November 2026: ..." -> {"2026-11-03": message}
    return {datetime.strptime(" ".join(m["msg"]["Subject"].split()[3:6]).rstrip(":"), "%d %B %Y").date().isoformat(): m["msg"]
            for m in smtp.handler.messages if m["msg"]["Subject"].startswith("Morning briefing")}


def test_digest_mail_arriving_0740_polled_0810_is_new_in_the_next_digest_only(server_cfg, imap, smtp):
    # A referral arrives at 07:40 but the mailbox is polled at 08:10, after the 08:00 digest: it is listed
    # as new in the next morning's digest, and in no later one.
    clock = Clock(at(2026, 11, 2, 8))
    svc = build_services(server_cfg, now=clock, isolated=False)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(NOVEMBER))],
                                message_id="<early@liverpool.gov.uk>"), at(2026, 11, 2, 7, 40))
    remind(svc, clock.now)                     # Mon 08:00 digest: the mailbox has not been polled yet
    clock.now = at(2026, 11, 2, 8, 10)
    assert poll_and_deliver(svc)[0].outcomes == {"referral": 1}
    for day in (3, 4):
        clock.now = at(2026, 11, day, 8)
        remind(svc, clock.now)
    got = digests(smtp)
    assert {d: digest_new_refs(m) for d, m in got.items()} == {
        "2026-11-02": [], "2026-11-03": ["SIRG-2026-0001"], "2026-11-04": []}


def test_digest_that_could_not_be_sent_does_not_use_up_its_cases(server_cfg, imap, smtp):
    # Tuesday's digest cannot be delivered (SMTP down all day) and is superseded by Wednesday's: the case
    # stored on Monday is listed as new on Wednesday, the first digest that reached the Manager.
    svc, clock = one_case(server_cfg, imap, smtp)   # stored Mon 2 Nov 2026, 10:00
    smtp.stop()
    try:
        remind(svc, at(2026, 11, 3, 8))
    finally:
        smtp.start()
    remind(svc, at(2026, 11, 4, 8))
    remind(svc, at(2026, 11, 5, 8))
    got = digests(smtp)
    assert {d: digest_new_refs(m) for d, m in got.items()} == {"2026-11-04": ["SIRG-2026-0001"], "2026-11-05": []}
    assert {r.key: r.status for r in rows(svc, "digest")} == {
        "digest:2026-11-03": "superseded", "digest:2026-11-04": "sent", "digest:2026-11-05": "sent"}


# -- (4) PAUSE keeps the deadline visible, RESUME extends, EXTEND records a Panel-agreed extension ----------

def plain_text(path) -> str:
    from email import message_from_bytes
    from email.policy import default

    return message_from_bytes(path.read_bytes(), policy=default).get_body(("plain",)).get_content()


def cli_json(capsys, *argv):
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_pause_listed_in_digest_and_agenda_resume_moves_due_by_working_days_paused(tmp_path, capsys):
    # C4 (due Tue 19 Jan) paused on Mon 4 Jan: no C4 reminders, but the digest and the Chair's agenda list it
    # with its reason and date; resumed on Mon 11 Jan (5 working days paused) it is due Tue 26 Jan, re-armed.
    from tests.test_deadline_cli import deliver_case

    cfg = deliver_case(tmp_path, at(2026, 12, 24, 10), extra_config='[deadlines]\nmeeting_dates = ["2027-01-12"]\n')
    c = ["--config", str(cfg)]
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--pause", "--on", "2027-01-04", "--reason", "criminal proceedings"]) == 0
    assert not [i for i in cli_json(capsys, *c, "remind", "--at", "2027-01-19T09:00", "--dry-run", "--json") if i["clock"] == "C4"]
    assert main(c + ["remind", "--at", "2027-01-05T09:00"]) == 0
    outbox = tmp_path / "outbox"
    [digest] = [plain_text(p) for p in outbox.glob("*-digest.eml")]
    [agenda] = [plain_text(p) for p in outbox.glob("*-agenda.eml")]
    assert ("[PAUSED] SIRG-2026-0001 (AS) C4 paused since Monday 4 January 2027 (criminal proceedings), "
            "was due Tuesday 19 January 2027") in digest
    assert "SIRG-2026-0001 (AS) C4 paused since Monday 4 January 2027 (criminal proceedings)" in agenda

    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--resume", "--on", "2027-01-11"]) == 0
    c4 = {(d["case"], d["clock"]): d for d in cli_json(capsys, *c, "deadlines", "--json")}[("SIRG-2026-0001", "C4")]
    assert (c4["status"], c4["due"]) == ("open", "2027-01-26")
    keys = {i["key"] for i in cli_json(capsys, *c, "remind", "--at", "2027-01-26T09:00", "--dry-run", "--json")}
    assert "reminder:SIRG-2026-0001:C4:2027-01-26:due" in keys
    # a later event recomputes the clocks: the time paused is kept
    assert main(c + ["event", "SIRG-2026-0001", "decision", "--on", "2027-01-12", "--value", "LCSPR"]) == 0
    c4 = {(d["case"], d["clock"]): d for d in cli_json(capsys, *c, "deadlines", "--json")}[("SIRG-2026-0001", "C4")]
    assert c4["due"] == "2027-01-26"


def test_resume_keeps_the_due_date_when_the_clock_rule_says_keep(tmp_path, capsys):
    # [deadlines.rules.C4] on_resume = "keep": RESUME restarts reminders against the original due date.
    from tests.test_deadline_cli import deliver_case

    cfg = deliver_case(tmp_path, at(2026, 12, 24, 10), extra_config='[deadlines.rules.C4]\non_resume = "keep"\n')
    c = ["--config", str(cfg)]
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--pause", "--on", "2027-01-04", "--reason", "criminal proceedings"]) == 0
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--resume", "--on", "2027-01-11"]) == 0
    c4 = {(d["case"], d["clock"]): d for d in cli_json(capsys, *c, "deadlines", "--json")}[("SIRG-2026-0001", "C4")]
    assert (c4["status"], c4["due"]) == ("open", "2027-01-19")


def test_mark_extend_to_records_a_panel_agreed_extension_and_rearms(tmp_path, capsys):
    # `intake mark REF C1 --extend-to DATE --reason TEXT`: C1 due on that date, audited with the reason, its
    # reminders restart for the new date; an extension without a reason, or not later, is refused.
    from intake import config as config_mod
    from tests.test_deadline_cli import deliver_case

    cfg = deliver_case(tmp_path, at(2026, 12, 24, 10))
    c = ["--config", str(cfg)]
    assert main(c + ["mark", "SIRG-2026-0001", "C1", "--extend-to", "2027-01-15"]) == 2
    assert main(c + ["mark", "SIRG-2026-0001", "C1", "--extend-to", "2027-01-04", "--reason", "x"]) == 2
    assert main(c + ["mark", "SIRG-2026-0001", "C1", "--extend-to", "2027-01-15", "--reason", "Panel agreed 30/12"]) == 0
    c1 = {(d["case"], d["clock"]): d for d in cli_json(capsys, *c, "deadlines", "--json")}[("SIRG-2026-0001", "C1")]
    assert c1["due"] == "2027-01-15"
    keys = {i["key"] for i in cli_json(capsys, *c, "remind", "--at", "2027-01-15T09:00", "--dry-run", "--json")}
    assert {"reminder:SIRG-2026-0001:C1:2027-01-15:due", "escalation:SIRG-2026-0001:C1:2027-01-15:due"} <= keys
    svc = build_services(config_mod.load(cfg), isolated=False)
    with Session(svc.engine) as s:
        [ext] = s.exec(select(AuditEvent).where(AuditEvent.action == "deadline_extended")).all()
    assert json.loads(ext.detail) == {"clock": "C1", "from": "2027-01-05", "due": "2027-01-15", "rearmed": True,
                                           "reason": "Panel agreed 30/12"}


def test_emailed_extend_command_moves_the_deadline(world):
    # The Manager replies "EXTEND C1 2027-01-15 Panel agreed" to a reminder: C1 is due on 15 Jan.
    from tests.test_commands import deadline, reply

    tok, mid, subject = world.token_for(world.manager)
    world.imap.append(reply(world.manager, "Re: " + subject, f"EXTEND C1 2027-01-15 Panel agreed\n\n> [intake:{tok}]", mid))
    report, _ = poll_and_deliver(world.svc)
    assert report.outcomes == {"command": 1}
    assert deadline(world.svc, "C1").due == date(2027, 1, 15)
    assert "reminder:SIRG-2026-0001:C1:2027-01-15:due" in {i["key"] for i in remind(world.svc, at(2027, 1, 15), dry_run=True)}


# -- (5) implausible dates are not trusted ---------------------------------------------------------------

@pytest.mark.parametrize("aware, incident, why", [
    (date(2062, 12, 24), None, "later than the day the referral arrived"),
    (None, date(2024, 10, 30), "more than two years before the referral arrived"),
    (None, date(2025, 1, 1), "before the child's date of birth"),
])
def test_untrusted_dates_names_each_implausible_date_and_why(aware, incident, why):
    # Received 2 Nov 2026, child born 1 Jun 2025: each rule, and plausible dates pass.
    from notifier.deadlines import untrusted_dates

    got = untrusted_dates({"incident.date_la_aware": aware, "incident.date": incident}, [date(2025, 6, 1)], date(2026, 11, 2))
    assert list(got.values()) == [why]
    assert untrusted_dates({"incident.date_la_aware": date(2026, 11, 2), "incident.date": date(2025, 7, 1)},
                           [date(2025, 6, 1)], date(2026, 11, 2)) == {}


def test_implausible_date_starts_no_clock_case_warns_reply_asks_to_check_then_correction_is_used(server_cfg, imap, smtp,
                                                                                                  tmp_path, capsys):
    # A form dated 22/12/2062 (incident) and 24/12/2062 (became aware): C1 runs from the received date,
    # estimated; the case carries warnings (referral --json); the acknowledgement asks to check those dates
    # without repeating them; the referrer's reply with the right "became aware" date is used, its warning goes.
    answers = dict(NOVEMBER, **{"Date of incident": "22/12/2062", "Date the local authority became aware": "24/12/2062"})
    svc, clock = one_case(server_cfg, imap, smtp, answers, received=at(2026, 11, 2, 10))
    with Session(svc.engine) as s:
        c1 = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
    assert (c1.anchor, c1.anchor_date, c1.due, c1.estimated) == ("received", date(2026, 11, 2), date(2026, 11, 9), True)

    cfg_path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp,
                                   database={"url": f"sqlite:///{tmp_path / 'intake.db'}"}, storage={"path": str(tmp_path / "files")})
    case = cli_json(capsys, "--config", str(cfg_path), "referral", "SIRG-2026-0001", "--json")
    assert case["record"]["incident"]["date_la_aware"] == "2062-12-24"          # kept in the record
    for field in ("incident.date_la_aware", "incident.date"):
        assert any(w.startswith(f"{field} not used for the deadlines: later than the day the referral arrived")
                   for w in case["warnings"])
    assert case["warnings"] == cli_json(capsys, "--config", str(cfg_path), "referrals", "--json")[0]["warnings"]
    with Session(svc.engine) as s:
        ack_row = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).one()
    from email import message_from_string
    from email.policy import default

    ack = message_from_string(ack_row.raw, policy=default).get_body(("plain",)).get_content()
    to_check = ack.split("Please check these dates", 1)[1]
    assert "Date the local authority became aware" in to_check and "Date of the incident" in to_check
    assert "2062" not in ack_row.raw and "Alex" not in ack_row.raw

    clock.now = at(2026, 11, 3, 10)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, f"RE: {ack_row.subject}", [],
                                body="Date the local authority became aware: 02/11/2026\n\nSam",
                                message_id="<fix@liverpool.gov.uk>"), clock.now)
    assert poll_and_deliver(svc)[0].outcomes == {"reply_to_case": 1}
    with Session(svc.engine) as s:
        c1 = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
    assert (c1.anchor, c1.anchor_date, c1.estimated) == ("incident.date_la_aware", date(2026, 11, 2), False)
    case = cli_json(capsys, "--config", str(cfg_path), "referral", "SIRG-2026-0001", "--json")
    assert case["record"]["incident"]["date_la_aware"] == "2026-11-02"
    assert [w.split(" ", 1)[0] for w in case["warnings"] if "not used for the deadlines" in w] == ["incident.date"]


# -- (6) every network call has a timeout; one stuck job cannot stop the others --------------------------
# (the OAuth2 token endpoint's timeout: tests/test_oauth.py::test_stalled_token_endpoint_times_out_...)

def test_check_and_digest_show_last_successful_poll_reminder_run_and_delivery(server_cfg, imap, smtp, capsys):
    # After a poll (2 Nov 10:00) and a reminder run (3 Nov 08:00), `intake check` says when each last worked.
    from intake.service.checks import run_checks

    svc, clock = one_case(server_cfg, imap, smtp)
    remind(svc, at(2026, 11, 3, 8))
    remind(svc, at(2026, 11, 4, 8))
    digest = digests(smtp)["2026-11-04"].get_body(("plain",)).get_content()
    # issue 24.6: the briefing shows the service's status only when something is wrong; `intake check` always
    assert "reminder run:" not in digest and "Last successful mailbox check" not in digest
    capsys.readouterr()
    run_checks(server_cfg, now=at(2026, 11, 4, 9))
    assert ("service: ok (last successful poll 2026-11-02T10:00+00:00, reminder run 2026-11-04T08:00+00:00, "
            "delivery 2026-11-04T08:00+00:00)") in capsys.readouterr().out


def test_scheduler_a_stuck_poll_does_not_stop_reminders_and_its_overrun_is_logged(server_cfg, smtp, caplog):
    # The IMAP server accepts and never answers (timeout 20 s): the poll job is stuck; the reminder job still
    # runs every second, and the poll's skipped runs are logged as overruns.
    import socket
    import threading

    from apscheduler.schedulers.background import BackgroundScheduler

    from intake.store.models import ServiceState
    from intake.service.scheduler import schedule_jobs
    from tests.servers import wait_for

    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    server_cfg.mailbox.port, server_cfg.mailbox.timeout, server_cfg.mailbox.idle = listener.getsockname()[1], 20.0, False
    server_cfg.schedule.poll_every = server_cfg.schedule.remind_every = "1s"
    svc = build_services(server_cfg, isolated=False)
    caplog.set_level(logging.WARNING)
    scheduler = BackgroundScheduler(timezone=server_cfg.tz, job_defaults={"max_instances": 1, "coalesce": True})
    schedule_jobs(scheduler, server_cfg, svc)
    scheduler.start()
    try:
        assert wait_for(lambda: held, 10)  # the poll is connected and waiting for a greeting that never comes

        def reminders_ran():
            with Session(svc.engine) as s:
                return s.get(ServiceState, "last_remind_ok") is not None
        assert wait_for(reminders_ran, 15)
        assert wait_for(lambda: "job poll overran" in caplog.text, 15)
        assert held and not [r for r in caplog.records if "poll skipped" in r.getMessage()]  # the poll is still stuck
    finally:
        scheduler.shutdown(wait=False)
        for conn, _ in held:
            conn.close()
        listener.close()


# -- (8) replies in a thread are read for what they change ------------------------------------------------

def test_reply_with_a_form_for_another_incident_of_the_same_child_opens_a_linked_case(server_cfg, imap, smtp, tmp_path,
                                                                                      capsys):
    # In the thread of SIRG-2026-0001 the referrer sends a new form: same child, another incident date. A new
    # case opens, linked to the first, with its own clocks and acknowledgement; the first case is untouched.
    svc, clock = one_case(server_cfg, imap, smtp)
    second = dict(NOVEMBER, **{"Date of incident": "04/11/2026", "Date the local authority became aware": "05/11/2026"})
    clock.now = at(2026, 11, 5, 10)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Re: [SIRG-2026-0001] Referral received",
                                [("second.docx", docx_form(second))], body="A second incident, form attached.",
                                message_id="<second@liverpool.gov.uk>"), clock.now)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    cfg_path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp,
                                   database={"url": f"sqlite:///{tmp_path / 'intake.db'}"}, storage={"path": str(tmp_path / "files")})
    cases = {c["reference"]: c for c in cli_json(capsys, "--config", str(cfg_path), "referrals", "--json")}
    assert cases["SIRG-2026-0002"]["linked_to"] == "SIRG-2026-0001"
    assert cases["SIRG-2026-0001"]["linked_cases"] == ["SIRG-2026-0002"]
    assert cases["SIRG-2026-0001"]["record"]["incident"]["date"] == "2026-10-30"
    with Session(svc.engine) as s:
        due = {(d.case_id, d.clock): d.due for d in s.exec(select(Deadline))}
    assert due[(2, "C1")] == date(2026, 11, 12) and due[(1, "C1")] == date(2026, 11, 9)
    subjects = received_subjects(smtp)
    assert "[SIRG-2026-0002] Referral received" in subjects
    assert "[SIRG-2026-0002] New referral received (AS)" in subjects


def test_reply_saying_the_child_has_died_reaches_the_manager_at_once_as_case_updated(server_cfg, imap, smtp):
    # A referrer's reply with news and no form: the Manager is emailed "case updated" (reference and initials in
    # the subject, the note in the body) in the same cycle.
    svc, clock = one_case(server_cfg, imap, smtp)
    clock.now = at(2026, 11, 3, 10)
    append(imap, referral_email("Sam <sam@liverpool.gov.uk>", TO, "Re: [SIRG-2026-0001] Referral received", [],
                                body="Sadly the child died in hospital last night.\n\nSam",
                                message_id="<died@liverpool.gov.uk>"), clock.now)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"reply_to_case": 1}
    [update] = [m for m in smtp.handler.messages if m["to"] == ["manager@liverpool.gov.uk"]]
    assert update["msg"]["Subject"] == "[SIRG-2026-0001] Case updated (AS)"
    assert "Sadly the child died in hospital last night." in update["msg"].get_body(("plain",)).get_content()


def test_resume_after_an_extension_keeps_both_when_the_clocks_are_recomputed(tmp_path, capsys):
    # C4 extended to Mon 1 Feb, then paused Mon 25 Jan and resumed Mon 1 Feb (5 working days): due Mon 8 Feb,
    # and an event that recomputes the clocks keeps it.
    from tests.test_deadline_cli import deliver_case

    cfg = deliver_case(tmp_path, at(2026, 12, 24, 10))
    c = ["--config", str(cfg)]
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--extend-to", "2027-02-01", "--reason", "Panel agreed"]) == 0
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--pause", "--on", "2027-01-25", "--reason", "police request"]) == 0
    assert main(c + ["mark", "SIRG-2026-0001", "C4", "--resume", "--on", "2027-02-01"]) == 0
    assert main(c + ["event", "SIRG-2026-0001", "notification_sent", "--on", "2026-12-30"]) == 0
    c4 = {(d["case"], d["clock"]): d for d in cli_json(capsys, *c, "deadlines", "--json")}[("SIRG-2026-0001", "C4")]
    assert c4["due"] == "2027-02-08"
