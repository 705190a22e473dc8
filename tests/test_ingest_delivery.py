"""Issue 28: `intake poll --once` delivers all it queued (no cap of one delivery run), on embedded parts."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.maildir_source import MaildirSource
from intake.pipeline import runner
from intake.service.services import build_services, poll_and_deliver
from intake.store import db
from intake.store.db import make_durable
from intake.store.models import OutboundEmail
from notifier.compose import build_email
from notifier.delivery import deliver_pending
from notifier.outbox import enqueue
from notifier.senders import DirectorySender

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def test_poll_once_delivers_everything_it_queued(make_cfg):
    # 30 referrals: every acknowledgement and every Manager's copy (60 emails) is out when `poll --once` returns.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    form = docx_form(SAMPLE)
    for i in range(30):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<chunk{i}@liverpool.gov.uk>"))
    report, delivery = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 30} and delivery.sent == 60
    with Session(svc.engine) as s:
        assert {a.status for a in s.exec(select(OutboundEmail))} == {"sent"}
    assert len(list(cfg.resolve(cfg.smtp.path).glob("*.eml"))) == 60


def test_deliver_pending_everything_goes_past_one_runs_limit(make_cfg, tmp_path):
    # Five queued emails and a run limit of two: one run sends two (a service cycle's cap); `everything` sends all.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    now = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    with Session(svc.engine) as s:
        for i in range(5):
            enqueue(s, key=f"test:{i}", kind="digest", now=now,
                    message=build_email(sender=TO, to="manager@liverpool.gov.uk", subject=f"n{i}", text="t",
                                        html="<p>t</p>", now=now))
        s.commit()
    out = tmp_path / "sent"
    assert deliver_pending(svc.engine, DirectorySender(out), TO, now, limit=2).sent == 2
    assert deliver_pending(svc.engine, DirectorySender(out), TO, now, limit=2, everything=True).sent == 3
    assert len(list(out.glob("*.eml"))) == 5


def _queue(svc, n: int, now: datetime) -> None:
    with Session(svc.engine) as s:
        for i in range(n):
            enqueue(s, key=f"test:{i}", kind="digest", now=now,
                    message=build_email(sender=TO, to="manager@liverpool.gov.uk", subject=f"n{i}", text="t",
                                        html="<p>t</p>", now=now))
        s.commit()


def test_deliver_pending_stopped_by_an_unavailable_server_lets_go_of_the_rows_it_claimed(make_cfg, tmp_path):
    # Rows are claimed several at a time; the server goes away at the third send: the run stops, the two sent are
    # recorded and the rows it had claimed but not sent are free at once for the next run (no lease to wait out).
    from intake.errors import SmtpServerUnavailable

    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    now = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    _queue(svc, 6, now)

    class GoneAtThird(DirectorySender):  # a mock only to force the failure: a server that stops answering
        sends = 0

        def send(self, raw, sender, recipient, name):
            GoneAtThird.sends += 1
            if GoneAtThird.sends == 3:
                raise SmtpServerUnavailable("the SMTP server cannot be reached")
            super().send(raw, sender, recipient, name)

    out = tmp_path / "sent"
    first = deliver_pending(svc.engine, GoneAtThird(out), TO, now)
    assert (first.sent, first.server_unavailable) == (2, True)
    with Session(svc.engine) as s:
        rows = s.exec(select(OutboundEmail)).all()
        assert sorted(r.status for r in rows) == ["pending"] * 4 + ["sent"] * 2
        assert {(r.lease_owner, r.lease_until, r.attempts) for r in rows if r.status == "pending"} == {(None, None, 0)}
    assert deliver_pending(svc.engine, DirectorySender(out), TO, now).sent == 4
    assert len(list(out.glob("*.eml"))) == 6


def test_deliver_pending_long_run_renews_its_claims_and_never_sends_a_row_taken_over(make_cfg, tmp_path):
    # A slow relay: each send takes a fifth of the lease. The claims still ahead are renewed as the run goes, so
    # none runs out; a row whose claim was taken over by another run meanwhile is left to that run.
    from datetime import timedelta

    from notifier.delivery import claim_many

    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    now = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    _queue(svc, 8, now)
    lease = timedelta(minutes=10)
    clock = {"at": now}

    class Slow(DirectorySender):
        def send(self, raw, sender, recipient, name):
            with Session(svc.engine) as s:  # the claim on the row being sent has not run out
                assert s.get(OutboundEmail, int(name[:6])).lease_until.replace(tzinfo=timezone.utc) > clock["at"]
            clock["at"] += lease / 5
            super().send(raw, sender, recipient, name)
            if name.startswith("000002"):  # meanwhile another run finds row 8's claim run out (a clock ahead) and takes it
                assert claim_many(svc.engine, [8], "other-run", clock["at"] + lease * 2, lease) == [8]

    out = tmp_path / "sent"
    report = deliver_pending(svc.engine, Slow(out), TO, now, lease=lease, clock=lambda: clock["at"])
    assert report.sent == 7
    assert sorted(p.name[:6] for p in out.glob("*.eml")) == [f"{i:06d}" for i in range(1, 8)]
    with Session(svc.engine) as s:
        assert s.get(OutboundEmail, 8).lease_owner == "other-run"
        assert {s.get(OutboundEmail, i).status for i in range(1, 8)} == {"sent"}


def test_ingest_commits_wait_for_no_fsync_and_the_log_is_fsynced_before_any_message_leaves_the_inbox(make_cfg,
                                                                                                      monkeypatch):
    # 30 referrals over a real Maildir into a real SQLite file: each outcome's commit runs with synchronous=NORMAL
    # (no fsync of its own), and before each batch of messages is moved out of the inbox the write-ahead log is
    # fsynced once after the last of its commits. The fsync is watched (and still done), not replaced.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    wal = str(cfg.resolve(svc.engine.url.database)) + "-wal"
    events = []
    real_fsync = os.fsync

    def watched_fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    monkeypatch.setattr(db.os, "fsync", watched_fsync)

    class Watched(MaildirSource):
        def move_many(self, items):
            events.append(("move", len(items)))
            super().move_many(items)

    src = Watched(cfg.resolve(cfg.mailbox.path))
    form = docx_form(SAMPLE)
    for i in range(30):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<durable{i}@liverpool.gov.uk>"))
    synchronous = []
    real_acknowledge = runner.acknowledge

    def acknowledge(ctx, session, cfg_, cases):  # the level in force on the message's own connection
        synchronous.append(session.connection().exec_driver_sql("PRAGMA synchronous").scalar())
        events.append(("commit", ctx.fetched.source_key))
        return real_acknowledge(ctx, session, cfg_, cases)

    monkeypatch.setattr(runner, "acknowledge", acknowledge)
    report, _ = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 30}
    assert set(synchronous) == {1}  # NORMAL: the commit does not wait for the disk
    moves = [i for i, e in enumerate(events) if e[0] == "move"]
    assert sum(events[i][1] for i in moves) == 30
    for i in moves:
        last_commit = max(j for j, e in enumerate(events[:i]) if e[0] == "commit")
        assert ("fsync", wal) in events[last_commit:i], "a batch left the inbox before its commits were on disk"
    with svc.engine.connect() as conn:  # back in the pool, the connection commits with an fsync again
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_make_durable_without_a_log_file_is_nothing_to_do(make_cfg):
    # Every connection closed: SQLite checkpointed the log into the database file, synced it, and removed the log.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    svc.engine.dispose()
    wal = str(cfg.resolve(svc.engine.url.database)) + "-wal"
    assert not os.path.exists(wal)
    make_durable(svc.engine)


def test_maildir_fetch_skips_the_messages_another_worker_has(make_cfg):
    # Three messages; asked before reading, the poll names the first as another worker's: the other two are read.
    cfg = make_cfg()
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for i in range(3):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", message_id=f"<skip{i}@liverpool.gov.uk>"))
    everything = [m.source_key for m in src.fetch_new()]
    asked = []

    def skip(keys):
        asked.append(list(keys))
        return {keys[0]}

    assert [m.source_key for m in src.fetch_new(skip)] == everything[1:]
    assert asked == [everything]


def test_a_poll_starts_the_parsers_when_it_finds_mail_before_reading_it(make_cfg):
    # With sandboxed parsing (as the service runs), the warm parsers start when the source first finds mail, before
    # it reads the first message (they warm up meanwhile); a poll of an empty inbox starts none.
    cfg = make_cfg()
    svc = build_services(cfg)
    started = []
    svc.prefetch._warm = lambda: started.append("parsers")

    class Watched(MaildirSource):
        def fetch_new(self, skip=None):
            for message in super().fetch_new(skip):
                started.append("read")
                yield message

    src = Watched(cfg.resolve(cfg.mailbox.path))
    poll_and_deliver(svc, source=src)
    assert started == []
    for i in range(2):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", message_id=f"<warm{i}@liverpool.gov.uk>"))
    poll_and_deliver(svc, source=src)
    assert started == ["parsers", "read", "read"]

def test_ingest_on_postgresql_commits_asynchronously_and_flushes_before_any_message_leaves_the_inbox(make_cfg,
                                                                                                     postgres,
                                                                                                     monkeypatch):
    # The same on a real PostgreSQL: each outcome's transaction commits with synchronous_commit off (SET LOCAL: that
    # transaction only), and one synchronous commit flushes the server's log before each batch is moved.
    cfg = make_cfg(database={"url": postgres.new_database()})
    svc = build_services(cfg, isolated=False)
    with svc.engine.begin() as conn:  # the test server commits asynchronously throughout; this database does not
        conn.exec_driver_sql(f'ALTER DATABASE "{svc.engine.url.database}" SET synchronous_commit = on')
    svc.engine.dispose()
    events, levels = [], []
    real_acknowledge, real_durable = runner.acknowledge, runner.make_durable

    def acknowledge(ctx, session, cfg_, cases):
        levels.append(session.connection().exec_driver_sql("SHOW synchronous_commit").scalar())
        events.append("commit")
        return real_acknowledge(ctx, session, cfg_, cases)

    def make_durable_watched(engine):
        events.append("durable")
        return real_durable(engine)

    monkeypatch.setattr(runner, "acknowledge", acknowledge)
    monkeypatch.setattr(runner, "make_durable", make_durable_watched)

    class Watched(MaildirSource):
        def move_many(self, items):
            events.append("move")
            super().move_many(items)

    src = Watched(cfg.resolve(cfg.mailbox.path))
    form = docx_form(SAMPLE)
    for i in range(30):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<pgdurable{i}@liverpool.gov.uk>"))
    report, _ = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 30} and set(levels) == {"off"}
    moves = [i for i, e in enumerate(events) if e == "move"]
    assert len(moves) == 2
    for i in moves:
        last_commit = max(j for j, e in enumerate(events[:i]) if e == "commit")
        assert "durable" in events[last_commit:i], "a batch left the inbox before the server's log was flushed"
    with svc.engine.connect() as conn:  # the setting was the transaction's alone
        assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
