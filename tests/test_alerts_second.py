"""Issue 22: no statutory alert lost, late or doubled, second round. Each test is one of the issue's seven
scenarios (numbered as there), against the real servers (Dovecot in, aiosmtpd out) where mail is involved."""

from __future__ import annotations

import threading
from datetime import timedelta

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
    from notifier.delivery import deliver_pending
    from notifier.senders import SmtpSender

    clock = Clock(at(2027, 1, 4, 9))
    svc = build_services(server_cfg, now=clock, isolated=False)
    queue_emails(svc, 12, clock.now)
    parallel = []

    class ThrottledRelay(SmtpSender):
        def send(self, raw, sender, recipient, name):
            clock.tick(minutes=1)
            if clock.now >= at(2027, 1, 4, 9, 7) and not parallel:
                parallel.append(deliver_pending(svc.engine, SmtpSender.from_config(server_cfg), TO, clock.now,
                                                lease=svc.claim_lease, clock=clock))
            super().send(raw, sender, recipient, name)

    first = deliver_pending(svc.engine, ThrottledRelay.from_config(server_cfg), TO, clock.now, lease=svc.claim_lease,
                            clock=clock)
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
