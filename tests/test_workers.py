"""Several workers on one database and one mailbox: each message is processed once, a killed worker's
message is finished by another once its claim runs out, and the reminder run happens once.

Real Dovecot, real aiosmtpd, real SQLite and a real PostgreSQL (tests marked both_databases run on each).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.leases import claim, holder
from intake.store.models import Case, InboundMessage, OutboundEmail, WorkLease
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.imap_source import ImapMailSource
from tests.servers import wait_for, write_server_config

pytestmark = [pytest.mark.servers, pytest.mark.both_databases]
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def referral(i: int = 1):
    return referral_email(f"Sam Worker <sam{i}@liverpool.gov.uk>", TO, "Case referral",
                          [("Referral.docx", docx_form(SAMPLE))], message_id=f"<race-{i}@liverpool.gov.uk>")


def acks_received(smtp) -> list:
    return [m for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied"]


def counted(parse, calls: list):
    def parse_and_count(*args, **kwargs):
        calls.append(threading.get_ident())
        return parse(*args, **kwargs)
    return parse_and_count


class RacingSource(ImapMailSource):
    """An IMAP source whose fetch waits at a barrier, so two workers reach their claims together."""
    barrier: threading.Barrier

    def fetch_new(self, skip=None):
        for message in super().fetch_new(skip):
            self.barrier.wait()
            yield message


def test_workers_two_racing_for_the_same_message_process_it_once(server_cfg, imap, smtp):
    # Two workers see the same new message at the same moment and both try to claim it: one parses it,
    # stores one case and sends one acknowledgement; the other leaves it alone.
    imap.append(referral())
    parses: list = []
    workers = [build_services(server_cfg, isolated=False) for _ in range(2)]
    for svc in workers:
        svc.parse = counted(svc.parse, parses)
    barrier = threading.Barrier(2, timeout=30)
    reports, errors = [], []

    def work(svc):
        source = RacingSource.from_config(server_cfg)
        source.barrier = barrier
        try:
            reports.append(poll_and_deliver(svc, source=source)[0])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            source.close()

    threads = [threading.Thread(target=work, args=(svc,)) for svc in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert len(parses) == 1, "both workers parsed the message"
    assert sum(sum(r.outcomes.values()) for r in reports) == 1
    with Session(workers[0].engine) as s:
        assert len(s.exec(select(Case)).all()) == 1
        assert len(s.exec(select(InboundMessage)).all()) == 1
        assert s.exec(select(WorkLease)).all() == []  # every claim finished or let go
    assert len(acks_received(smtp)) == 1
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1


STUCK_WORKER = """
import sys, time
from intake import config
from intake.service.services import build_services, poll_and_deliver

svc = build_services(config.load(sys.argv[1]), isolated=False)

def stuck(*args, **kwargs):  # the worker is mid-message, reading the form, when it is killed
    open(sys.argv[2], "w").write("parsing")
    time.sleep(600)

svc.parse = stuck
poll_and_deliver(svc)
"""


def test_workers_one_killed_mid_message_another_on_the_same_machine_finishes_it_at_once(server_cfg, imap, smtp,
                                                                                          database, tmp_path):
    # Worker A claims the message and is SIGKILLed while reading its form. Worker B, on the same machine, sees that
    # the claim's process is gone and finishes the message without waiting for the lease: one case, one ack.
    imap.append(referral())
    path = write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp, database={"url": database},
                               storage={"path": str(tmp_path / "files")})
    marker = tmp_path / "parsing"
    a = subprocess.Popen([sys.executable, "-c", STUCK_WORKER, str(path), str(marker)], env=dict(os.environ),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(marker.exists, 60), a.stderr.read().decode() if a.poll() is not None else "A never parsed"
    finally:
        a.send_signal(signal.SIGKILL)
        a.wait(10)
    b = build_services(config_mod.load(path), isolated=False)
    owner, until = holder(b.engine, "inbound:" + _only_key(b))
    assert owner.split(":")[1] == str(a.pid) and until > datetime.now(timezone.utc)  # A's claim still runs
    report, delivery = poll_and_deliver(b)
    assert report.outcomes == {"referral": 1} and delivery.sent >= 1
    with Session(b.engine) as s:
        assert len(s.exec(select(Case)).all()) == 1
        assert len(s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).all()) == 1
    assert len(acks_received(smtp)) == 1
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1


def _only_key(svc) -> str:
    source = ImapMailSource.from_config(svc.cfg)
    try:
        [message] = list(source.fetch_new())
        return message.source_key
    finally:
        source.close()


def test_workers_one_on_another_machine_gone_silent_its_message_is_finished_once_the_claim_runs_out(
        server_cfg, imap, smtp):
    # A worker on another machine claimed the message and went silent (killed, or its machine lost). Here we cannot
    # see its process: the message waits while the claim holds and is finished by this worker once it has run out.
    imap.append(referral())
    now = datetime.now(timezone.utc)
    b = build_services(server_cfg, now=lambda: now, isolated=False)
    assert claim(b.engine, "inbound:" + _only_key(b), "other-machine:4242:1:abcd", now, b.claim_lease)
    report, _ = poll_and_deliver(b)
    assert (sum(report.outcomes.values()), report.claimed_elsewhere) == (0, 1)
    assert imap.count("INBOX") == 1 and acks_received(smtp) == []

    after_lease = now + b.claim_lease + timedelta(seconds=1)
    b.now = lambda: after_lease
    report, delivery = poll_and_deliver(b)
    assert report.outcomes == {"referral": 1} and delivery.sent >= 1
    with Session(b.engine) as s:
        assert len(s.exec(select(Case)).all()) == 1
    assert len(acks_received(smtp)) == 1
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1


class Downloads(ImapMailSource):
    """The real IMAP source, noting the UIDs whose bodies it asked the server for."""
    asked: list

    def connect(self):
        client = super().connect()
        if not getattr(client, "_noted", False):
            fetch, asked = client.fetch, self.asked

            def noted(uids, data, *args, **kwargs):
                if any(b"BODY" in (d if isinstance(d, bytes) else d.encode()) for d in data):
                    asked.extend(uids)
                return fetch(uids, data, *args, **kwargs)

            client.fetch, client._noted = noted, True
        return client


def test_workers_a_message_another_live_worker_holds_is_not_downloaded(server_cfg, imap, smtp):
    # Two messages; a worker on another machine is working on the first (its claim holds). This worker downloads
    # and processes only the second, counts the first as claimed elsewhere, and leaves it in the inbox.
    imap.append(referral(1))
    imap.append(referral(2))
    now = datetime.now(timezone.utc)
    b = build_services(server_cfg, now=lambda: now, isolated=False)
    source = Downloads.from_config(server_cfg)
    source.asked = []
    first = min(list(source.fetch_new()), key=lambda m: m.uid)
    source.asked.clear()
    assert claim(b.engine, "inbound:" + first.source_key, "other-machine:4242:1:abcd", now, b.claim_lease)
    report, _ = poll_and_deliver(b, source=source)
    source.close()
    assert report.outcomes == {"referral": 1} and report.claimed_elsewhere == 1
    assert first.uid not in source.asked and len(set(source.asked)) == 1
    assert imap.count("INBOX") == 1 and len(acks_received(smtp)) == 1


def test_workers_three_running_the_reminders_at_once_send_them_once(server_cfg, imap, smtp, monkeypatch, caplog):
    # Three workers' reminder jobs fire together: one runs the reminders, briefing and agenda; the other two
    # skip this cycle. Every reminder reaches the SMTP server once, and no run fails on a clash.
    import intake.service.remind
    from intake.service.scheduler import make_jobs

    answers = dict(SAMPLE, **{"Date of incident": "30/10/2026", "Date the local authority became aware": "02/11/2026"})
    imap.append(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(answers))],
                               message_id="<remind-3@liverpool.gov.uk>"), when=datetime(2026, 11, 2, 10, tzinfo=timezone.utc))
    at = datetime(2027, 1, 5, 9, 0, tzinfo=timezone.utc)
    workers = [build_services(server_cfg, now=lambda: at, isolated=False) for _ in range(3)]
    poll_and_deliver(workers[0])
    smtp.handler.messages.clear()

    real_remind, runs, finished = intake.service.remind.remind, [], []

    def remind_then_wait_for_the_others(svc, now, dry_run=False):
        runs.append(svc.worker)
        result = real_remind(svc, now, dry_run=dry_run)
        wait_for(lambda: len(finished) >= 2, 20)  # hold the run until the other two have tried theirs
        return result

    monkeypatch.setattr(intake.service.remind, "remind", remind_then_wait_for_the_others)
    barrier = threading.Barrier(3, timeout=30)

    def fire(svc):
        _, remind_job = make_jobs(server_cfg, svc)
        barrier.wait()
        remind_job()
        finished.append(svc.worker)

    caplog.set_level(logging.INFO, logger="intake.service.scheduler")
    threads = [threading.Thread(target=fire, args=(svc,)) for svc in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(runs) == 1, f"{len(runs)} workers ran the reminders"
    assert "reminders failed" not in caplog.text
    assert caplog.text.count("another worker is running them now") == 2
    subjects = [m["msg"]["Subject"] for m in smtp.handler.messages]
    assert any(s.startswith("Morning briefing") for s in subjects) and any("at risk" in s or s.startswith(("Due ", "Overdue: ")) for s in subjects)
    assert len(subjects) == len(set(subjects)), subjects
    assert holder(workers[0].engine, "job:remind") == (None, None)  # released for the next cycle


def test_lease_held_by_a_live_worker_is_refused_and_expires_for_the_next(server_cfg, imap, smtp):
    # A claim is refused while another worker's lease holds, and granted once it has run out.
    svc = build_services(server_cfg, isolated=False)
    t0 = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
    assert claim(svc.engine, "job:x", "worker-a", t0, timedelta(minutes=5))
    assert not claim(svc.engine, "job:x", "worker-b", t0 + timedelta(minutes=4), timedelta(minutes=5))
    assert claim(svc.engine, "job:x", "worker-b", t0 + timedelta(minutes=5), timedelta(minutes=5))
    assert holder(svc.engine, "job:x")[0] == "worker-b"
