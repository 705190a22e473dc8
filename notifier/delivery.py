"""Delivery: send what the outbox holds, retry transient failures with backoff,
give up visibly on permanent ones. The only place that calls a Sender.

What counts as a try: only a message the server was asked to take. A server that
cannot be reached, or refuses our login, stops the cycle without touching any row
(every row waits for the next cycle). Reminders, escalations, digests and agenda
summaries (the Manager's and the Chair's alerts) never give up on transient
trouble: they stay pending until delivered or superseded by a later stage of the
same deadline (so do the Manager's new-referral and case-updated emails). A 5xx refusal fails that one message,
visibly (`intake outbox`) - except an alert: a full mailbox empties, a disabled one comes back, a typo in
``people.manager`` is corrected, so a refused alert stays pending, marked ``refused:`` in ``last_error``, and is
tried again on the backoff schedule until delivered or superseded. A refused alert is itself an alert: the other
person (and ``people.deputy`` / ``people.service_desk``) is told the same day (``notifier.refusals``), and
`intake status` fails while it waits.

Deliveries never overlap: a row is claimed (a conditional UPDATE that only one
worker can win) with a lease before it is sent, so two threads or two processes
never send the same row; a crash between claim and commit strands nothing, the
lease runs out and another run sends it (at least once, never twice at once).

While nothing can be delivered, the outage is recorded in ``service_state``
(``delivery_failing_since``); after an hour it is logged as an error on every
cycle, and `intake check` and the digest say so.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from intake.errors import DeliveryUnavailable, PermanentDeliveryError, SmtpServerUnavailable
from intake.store.models import OutboundEmail, ServiceState
from notifier.sent_journal import fold_dead, journal_dir, noted, record_notes, SentJournal

log = logging.getLogger(__name__)

# Mail to the Manager and the Chair: never marked failed for transient trouble.
ALERT_KINDS = ("reminder", "escalation", "digest", "agenda", "new_referral", "case_updated", "late_referral", "undelivered")
REFUSED = "refused: "  # last_error of an alert the server refused (5xx): pending, tried again on the backoff schedule
OUTAGE_ALERT_AFTER = timedelta(hours=1)
LEASE = timedelta(minutes=10)  # far longer than one send (smtp.timeout); short enough to recover from a crash
FAILING_SINCE, LAST_ERROR, LAST_OK = "delivery_failing_since", "delivery_last_error", "last_delivery_ok"


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


@dataclass
class DeliveryReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    refused: int = 0
    server_unavailable: bool = False
    errors: list[str] = field(default_factory=list)


def _state(session: Session, key: str, value: str, now: datetime) -> None:
    row = session.get(ServiceState, key) or ServiceState(key=key, value=value, updated_at=now)
    row.value, row.updated_at = value, now
    session.add(row)


def record_state(engine: Engine, key: str, now: datetime) -> None:
    """Remember when something last worked (``last_remind_ok`` ...), in its own transaction."""
    for _ in range(3):  # two runs may create the row at once: the loser updates it instead
        try:
            with Session(engine) as session:
                _state(session, key, now.isoformat(), now)
                session.commit()
            return
        except IntegrityError:
            continue


def last_success(session: Session) -> dict[str, str]:
    """When the mailbox was last polled, reminders last run and an email last delivered, successfully."""
    out = {}
    for name, key in (("poll", "last_poll_ok"), ("reminders", "last_remind_ok"), ("delivery", LAST_OK)):
        row = session.get(ServiceState, key)
        out[name] = row.updated_at.isoformat(timespec="minutes") if row else "never"
    return out


def outage(session: Session) -> tuple[datetime, str] | None:
    """(failing since, last error) while outgoing mail cannot be delivered, else None."""
    since = session.get(ServiceState, FAILING_SINCE)
    if since is None:
        return None
    err = session.get(ServiceState, LAST_ERROR)
    return since.updated_at, (err.value if err else "")


def long_outage(session: Session, now: datetime) -> tuple[datetime, str] | None:
    """The outage, once it has lasted an hour or more."""
    o = outage(session)
    return o if o and now - o[0] >= OUTAGE_ALERT_AFTER else None


def _note_cycle(engine: Engine, report: DeliveryReport, now: datetime) -> None:
    """Record a delivery that worked (ends an outage) or a cycle in which nothing could be delivered."""
    if not (report.sent or report.errors):
        return
    for _ in range(3):  # two runs may create the same service_state row at once: the loser updates it instead
        try:
            with Session(engine) as session:
                if report.sent:
                    _state(session, LAST_OK, now.isoformat(), now)
                    if (row := session.get(ServiceState, FAILING_SINCE)) is not None:
                        log.info("outgoing mail delivered again after an outage since %s", row.value)
                        session.delete(row)
                else:
                    if session.get(ServiceState, FAILING_SINCE) is None:
                        _state(session, FAILING_SINCE, now.isoformat(), now)
                    _state(session, LAST_ERROR, report.errors[-1][:500], now)
                session.commit()
                long = None if report.sent else long_outage(session, now)
                if long:
                    pending = len(session.exec(select(OutboundEmail.id).where(OutboundEmail.status == "pending")).all())
                    log.error("outgoing mail has not been delivered since %s (%d email(s) waiting): %s; run `intake check` "
                              "and `intake outbox`", long[0].isoformat(timespec="minutes"), pending, long[1])
            return
        except IntegrityError:
            continue


def _free(now: datetime):
    return (OutboundEmail.status == "pending") & or_(OutboundEmail.lease_until.is_(None), OutboundEmail.lease_until <= now)


def claim(engine: Engine, row_id: int, owner: str, now: datetime, lease: timedelta = LEASE) -> bool:
    """Take the lease on one pending row; False when another run holds it or it is no longer pending."""
    with engine.begin() as conn:
        result = conn.execute(
            update(OutboundEmail).where(OutboundEmail.id == row_id, _free(now))
            .values(lease_owner=owner, lease_until=now + lease))
        return result.rowcount == 1


CLAIM_BATCH = 25  # rows claimed in one transaction (each still sent and recorded one at a time)
GATHER_SECONDS = 1.0  # delivery during a poll: the longest a queued row waits for a batch to fill
LOOK_EVERY = 0.05  # delivery during a poll: seconds between looks at the outbox while it fills


def claim_many(engine: Engine, row_ids: list[int], owner: str, now: datetime, lease: timedelta = LEASE) -> list[int]:
    """Take the lease on those of ``row_ids`` that are pending and free, in one transaction (a conditional UPDATE, as
    ``claim``); returns the ids this run now holds, in order. Renews the lease of those it held already."""
    if not row_ids:
        return []
    with engine.begin() as conn:
        mine = OutboundEmail.lease_owner == owner
        conn.execute(update(OutboundEmail).where(OutboundEmail.id.in_(row_ids), _free(now) | (mine & (OutboundEmail.status == "pending")))
                     .values(lease_owner=owner, lease_until=now + lease))
        return list(conn.execute(select(OutboundEmail.id).where(OutboundEmail.id.in_(row_ids), mine,
                                                                OutboundEmail.status == "pending")
                                 .order_by(OutboundEmail.id)).scalars())


def release(engine: Engine, row_ids: list[int], owner: str) -> None:
    """Let go of claims this run took and did not use (it stopped early): the next run may send them at once."""
    if row_ids:
        with engine.begin() as conn:
            conn.execute(update(OutboundEmail).where(OutboundEmail.id.in_(row_ids), OutboundEmail.lease_owner == owner,
                                                     OutboundEmail.status == "pending")
                         .values(lease_owner=None, lease_until=None))


class _SentRecorder:
    """Records that the server accepted an email, as the first thing after its answer: a process killed between the
    server's 250 and this commit sends the email again on the next run, so that moment is kept as short as it can be.
    On SQLite, one plain connection is held for the delivery run and the statement goes to the driver as it is
    (~30 us, against ~200 us through the ORM's layers); its commits do not wait for the disk (synchronous=NORMAL on
    this connection: a killed process loses nothing the OS has been given; only a power cut in the next instant could
    send the email again). Elsewhere (PostgreSQL) the update goes through SQLAlchemy on one held connection."""

    SQLITE_SENT = ("UPDATE outbound_email SET status = 'sent', sent_at = ?, last_error = NULL, attempts = ?, "
                   "lease_owner = NULL, lease_until = NULL WHERE id = ?")

    def __init__(self, engine: Engine, journal: SentJournal | None = None):
        self.engine, self.conn, self.raw, self.journal = engine, None, None, journal
        self.sqlite = engine.dialect.name == "sqlite"
        self._when = OutboundEmail.__table__.c.sent_at.type.bind_processor(engine.dialect) if self.sqlite else None

    def record(self, row_id: int, attempts: int, now: datetime) -> None:
        if self.journal is not None:  # delivering during a poll: a note in this process's journal (notifier.sent_journal)
            self.journal.note(row_id, attempts, now)
            return
        try:
            if self.sqlite:
                if self.raw is None:
                    self.raw = self.engine.raw_connection()
                    self.raw.cursor().execute("PRAGMA synchronous=NORMAL")
                self.raw.cursor().execute(self.SQLITE_SENT, (self._when(now), attempts, row_id))
                self.raw.commit()
                return
            if self.conn is None:
                self.conn = self.engine.connect()
            self.conn.execute(update(OutboundEmail).where(OutboundEmail.id == row_id).values(
                status="sent", sent_at=now, last_error=None, attempts=attempts, lease_owner=None, lease_until=None))
            self.conn.commit()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        raw, conn, self.raw, self.conn = self.raw, self.conn, None, None
        if raw is not None:
            try:
                raw.rollback()
                raw.cursor().execute("PRAGMA synchronous=FULL")
            finally:
                raw.close()  # (back to the pool)
        if conn is not None:
            try:
                conn.rollback()
            finally:
                conn.close()


def deliver_pending(engine: Engine, sender, from_address: str, now: datetime, max_attempts: int = 8,
                    limit: int = 500, lease: timedelta = LEASE, clock=None, everything: bool = False,
                    close: bool = True, journal: SentJournal | None = None) -> DeliveryReport:
    """Send what is due at ``now``. ``clock`` (the injected clock, ``svc.now``) says how time passes during the run:
    each row is claimed from the moment of its claim (``now`` plus the time the run has taken so far), never from
    the run's start, so a run longer than the lease (a backlog, a slow relay, a throttled Exchange) never holds a
    claim that has already run out, which a parallel run could take and send again.
    At most ``limit`` rows, or with ``everything`` all that are due, ``limit`` at a time (`intake poll --once`
    delivers all it queued). ``close=False`` leaves the sender's connection open for the caller's next run.
    ``journal``: sends are noted in it (``notifier.sent_journal``) and folded into their rows after each batch."""
    report = DeliveryReport()
    started = clock() if clock else None

    def moment() -> datetime:
        return now + (clock() - started) if clock else now

    envelope_from = parseaddr(from_address)[1]
    owner = _owner()
    after = 0
    try:
        fold_dead(engine, journal_dir(engine), journal.path if journal else None)
        while True:
            ids = _due_ids(engine, now, after, limit)
            if not ids:
                break
            after = ids[-1]
            _send_rows(engine, sender, envelope_from, ids, owner, now, moment, max_attempts, lease, report, journal)
            if not everything or len(ids) < limit or report.server_unavailable:
                break
    finally:
        if close:
            sender.close()
        _note_cycle(engine, report, now)
    return report


def _due_ids(engine: Engine, now, after: int, limit: int) -> list[int]:
    """The ids of pending rows due by ``now`` after id ``after``, in the order they were queued, at most ``limit``."""
    with Session(engine) as session:
        return list(session.exec(
            select(OutboundEmail.id).where(OutboundEmail.status == "pending", OutboundEmail.next_attempt_at <= now,
                                           OutboundEmail.id > after)
            .order_by(OutboundEmail.id).limit(limit)
        ).all())


def _owner() -> str:
    return f"{os.uname().nodename}:{os.getpid()}:{threading.get_ident()}:{uuid.uuid4().hex[:8]}"


def deliver_during(engine: Engine, sender, from_address: str, clock, polling, journal: SentJournal | None,
                   max_attempts: int = 8, lease: timedelta = LEASE, gather: float = GATHER_SECONDS) -> DeliveryReport:
    """Deliver the outbox while a poll fills it (``intake.service.alongside``): the rows due are sent as the poll
    commits them, in the order they were queued, ``CLAIM_BATCH`` at a time: a batch is claimed once that many are
    waiting, or when the first of them has waited ``gather`` seconds (each claim takes the database's write lock,
    which the poll needs for every message). Between looks ``polling(seconds)`` waits up to that long and says
    whether the poll is still running; once it is not, this returns (what is left, the caller delivers). With a
    ``journal`` (SQLite) each send is noted in it, and the notes are folded into their rows at the end, when the
    poll no longer needs the lock; without one (PostgreSQL) each send is recorded at once. The sender is left open."""
    report = DeliveryReport()
    envelope_from = parseaddr(from_address)[1]
    owner = _owner()
    recorder = _SentRecorder(engine, journal)
    after, first_seen = 0, None
    try:
        while not report.server_unavailable:
            now = clock()
            ids = _due_ids(engine, now, after, CLAIM_BATCH)
            if ids and first_seen is None:
                first_seen = time.monotonic()
            if not ids or (len(ids) < CLAIM_BATCH and time.monotonic() - first_seen < gather):
                if polling(LOOK_EVERY):
                    continue
                break
            after, first_seen = ids[-1], None
            if not _send_batch(engine, sender, envelope_from, ids, owner, now, clock, max_attempts, lease, report,
                               recorder):
                break
    finally:
        try:
            recorder.close()
            if journal is not None:
                journal.fold(engine)
        finally:
            _note_cycle(engine, report, clock())
    return report


def _send_rows(engine: Engine, sender, envelope_from: str, ids, owner: str, now: datetime, moment, max_attempts: int,
               lease: timedelta, report: DeliveryReport, journal: SentJournal | None = None) -> None:
    """Send the rows ``ids``, claimed ``CLAIM_BATCH`` at a time. Before each send the claims still ahead are renewed
    once a third of the lease has passed since they were taken, so no claim runs out while this run still means to
    send its row (a row taken over meanwhile by another run is left to it)."""
    recorder = _SentRecorder(engine, journal)
    try:
        for i in range(0, len(ids), CLAIM_BATCH):
            if not _send_batch(engine, sender, envelope_from, ids[i:i + CLAIM_BATCH], owner, now, moment, max_attempts,
                               lease, report, recorder):
                break
            if journal is not None:
                journal.fold(engine)
    finally:
        try:
            recorder.close()
        except OperationalError:
            pass  # the database is unavailable (whatever stopped the run is raised)


def _send_batch(engine: Engine, sender, envelope_from: str, ids, owner: str, now: datetime, moment, max_attempts: int,
                lease: timedelta, report: DeliveryReport, recorder: _SentRecorder) -> bool:
    """False when delivery must stop (the server is unavailable). A claimed row that a send journal says was sent
    (by a process stopped before it recorded that) is recorded as sent, not sent again."""
    claimed_at = moment()
    held = claim_many(engine, list(ids), owner, claimed_at, lease)
    if held and (already := noted(journal_dir(engine), held)):
        record_notes(engine, already)
        log.info("recorded %d send(s) noted in a send journal, not sent again", len(already))
        done = {n.row_id for n in already}
        held = [i for i in held if i not in done]
    if not held:
        return True
    with Session(engine) as session:
        rows = {r.id: r for r in session.exec(select(OutboundEmail.id, OutboundEmail.raw, OutboundEmail.to_address,
                                                     OutboundEmail.kind, OutboundEmail.key, OutboundEmail.attempts)
                                              .where(OutboundEmail.id.in_(held)))}
    left = list(held)
    try:
        while left:
            if moment() - claimed_at >= lease / 3:
                claimed_at = moment()
                left = claim_many(engine, left, owner, claimed_at, lease)  # those still ours, renewed
                if not left:
                    break
            row_id = left.pop(0)
            row = rows[row_id]
            try:
                sender.send(row.raw.encode("utf-8"), envelope_from, row.to_address, name=f"{row.id:06d}-{row.kind}")
            except Exception as exc:  # noqa: BLE001 - recorded on the row (one bad row must not stop the outbox)
                if not _record_failure(engine, sender, row_id, exc, now, moment, max_attempts, report):
                    return False
            else:
                recorder.record(row_id, row.attempts + 1, now)
                report.sent += 1
                log.info("delivered: outbox=%s kind=%s key=%s", row.id, row.kind, row.key)
    finally:
        try:
            release(engine, left, owner)
        except OperationalError:
            pass  # the database is unavailable: those claims run out on their own (whatever stopped the run is raised)
    return True


def _record_failure(engine: Engine, sender, row_id: int, exc: Exception, now: datetime, moment, max_attempts: int,
                    report: DeliveryReport) -> bool:
    """Record a send that did not work on its row (its claim released); False when delivery must stop."""
    with Session(engine) as session:
        row = session.get(OutboundEmail, row_id)
        row.lease_owner = row.lease_until = None  # released with whatever this attempt records
        if isinstance(exc, SmtpServerUnavailable):
            # No connection or no login: not this message's fault, not a try. Stop; next cycle tries again.
            report.server_unavailable = True
            report.errors.append(str(exc)[:500])
            log.warning("delivery paused, nothing counted as a try: %s", str(exc)[:300])
            session.add(row)
            session.commit()
            return False
        if isinstance(exc, PermanentDeliveryError):
            row.attempts += 1
            if row.kind in ALERT_KINDS:
                row.last_error = (REFUSED + str(exc))[:500]
                row.next_attempt_at = moment() + backoff(row.attempts)
                report.refused += 1
                log.error("alert refused, tried again at %s: outbox=%s kind=%s error=%s",
                          row.next_attempt_at.isoformat(timespec="minutes"), row.id, row.kind, str(exc)[:300])
            else:
                row.status, row.last_error = "failed", str(exc)[:500]
                report.failed += 1
                log.error("delivery failed permanently: outbox=%s kind=%s error=%s", row.id, row.kind, row.last_error)
        else:
            if not isinstance(exc, DeliveryUnavailable):
                sender.close()  # the session may be half-way through a command: start afresh
                exc = DeliveryUnavailable(f"unexpected {exc.__class__.__name__}: {exc}")
            row.attempts += 1
            row.last_error = str(exc)[:500]
            if row.attempts >= max_attempts and row.kind not in ALERT_KINDS:
                row.status = "failed"
                report.failed += 1
                log.error("delivery gave up after %d attempts: outbox=%s kind=%s", row.attempts, row.id, row.kind)
            else:
                row.next_attempt_at = now + backoff(row.attempts)
                report.deferred += 1
                log.warning("delivery deferred: outbox=%s kind=%s attempt=%d error=%s", row.id, row.kind, row.attempts,
                            row.last_error)
            report.errors.append(row.last_error)
        session.add(row)
        session.commit()
    return True
