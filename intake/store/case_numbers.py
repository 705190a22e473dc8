"""Case numbers on PostgreSQL: handed out in a moment of their own, without gaps, even when a worker dies.

Case references are numbered without gaps (SIRG-2026-0001, -0002, ...). Numbering a case inside the message's own
transaction would make every other worker wait from the number to that transaction's commit (the case, its clocks,
both emails composed and queued). Instead ``reserve`` hands the numbers out in a short transaction of their own,
under an advisory lock, as ``case_number`` rows naming the message (``holder``) and the worker (``owner``, until a
time). The message's transaction inserts its cases with those numbers and deletes the rows (``consumed``), so a
number is either held, or used by a committed case: the rows are the numbers still owed a case.

A row whose case never came is taken by the next ``reserve``:
- the same message processed again (after a crash, or by another worker) takes its own rows back first;
- a row that is free (its message was recorded without the case, ``release``), whose worker is dead (a process on
  this machine that no longer runs) or whose hold ran out is given to the next new case of any message, lowest
  number first. That case then has an earlier number than cases committed meanwhile; no number is left out.

SQLite has one writer at a time: there the number is still taken inside the message's transaction
(``intake.pipeline.store.next_reference``) and this module is not used.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from intake.store.leases import dead_here
from intake.store.models import Case, CaseNumber

CASE_NUMBERS_LOCK = 7267002  # PostgreSQL advisory lock: one worker at a time hands out case numbers
NUMBERS = CaseNumber.__table__
CASES = Case.__table__


def highest(conn: Connection, year: int) -> int:
    """The highest number of ``year`` used or held, read in one statement (one snapshot): a case that commits
    between two separate reads (its row deleted, its case inserted) would be missed by both."""
    held = select(func.max(NUMBERS.c.seq)).where(NUMBERS.c.year == year).scalar_subquery()
    used = select(func.max(CASES.c.seq)).where(CASES.c.year == year).scalar_subquery()
    return conn.execute(select(func.coalesce(func.greatest(held, used), 0))).scalar_one()  # (GREATEST skips a NULL)


def takeable(row, holder: str, now: datetime) -> bool:
    """A held number this message may take: its own, or one nobody will use (free, its worker dead, ran out)."""
    return (row.holder == holder or row.owner is None or row.until is None or row.until <= now
            or dead_here(row.owner))


def reserve(engine: Engine, holder: str, owner: str, year: int, count: int, now: datetime,
            hold: timedelta) -> list[int]:
    """``count`` case numbers of ``year`` for the message ``holder``, committed before this returns: the message's
    own earlier ones first, then free ones, then new ones above the highest. Its own earlier ones beyond ``count``
    are set free. (``Numbers`` does the same on a connection it keeps.)"""
    with engine.connect() as conn:
        return _reserve(conn, holder, owner, year, count, now, hold)


def _reserve(conn: Connection, holder: str, owner: str, year: int, count: int, now: datetime,
             hold: timedelta) -> list[int]:
    if count <= 0:
        return []
    with conn.begin():
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CASE_NUMBERS_LOCK})
        # rows being consumed or released by a transaction that has not committed yet are skipped, never waited on
        rows = conn.execute(select(NUMBERS).where(NUMBERS.c.year == year)
                            .order_by(NUMBERS.c.seq).with_for_update(skip_locked=True)).all()
        own = [r.seq for r in rows if r.holder == holder]
        others = [r.seq for r in rows if r.holder != holder and takeable(r, holder, now)]
        taken = (own + others)[:count]
        spare = own[count:]
        if taken:
            conn.execute(update(NUMBERS).where(NUMBERS.c.year == year, NUMBERS.c.seq.in_(taken))
                         .values(holder=holder, owner=owner, until=now + hold))
        if spare:
            conn.execute(update(NUMBERS).where(NUMBERS.c.year == year, NUMBERS.c.seq.in_(spare))
                         .values(owner=None, until=None))
        if len(taken) < count:
            # above the highest used or held, read in the same statement as the insert (one snapshot)
            new = conn.execute(text(
                "INSERT INTO case_number (year, seq, holder, owner, until) "
                "SELECT :year, top.seq + n, :holder, :owner, :until FROM generate_series(1, :more) AS n, "
                "(SELECT coalesce(greatest((SELECT max(seq) FROM case_number WHERE year = :year), "
                "(SELECT max(seq) FROM referral_case WHERE year = :year)), 0) AS seq) AS top RETURNING seq"),
                {"year": year, "holder": holder, "owner": owner, "until": now + hold,
                 "more": count - len(taken)}).scalars().all()
            taken += new
    return sorted(taken)


class Numbers:
    """``reserve`` on one connection kept for the worker's life (no connection check-out and liveness ping for every
    new case; one thread at a time). A kept connection that the server has dropped is replaced once."""

    def __init__(self, engine: Engine):
        self.engine, self.conn, self.lock = engine, None, threading.Lock()

    def reserve(self, holder: str, owner: str, year: int, count: int, now: datetime, hold: timedelta) -> list[int]:
        with self.lock:
            for attempt in (1, 2):
                fresh = self.conn is None
                if fresh:
                    self.conn = self.engine.connect()
                try:
                    return _reserve(self.conn, holder, owner, year, count, now, hold)
                except OperationalError:
                    self.close()
                    if fresh or attempt == 2:
                        raise  # (a kept connection gone stale is tried once more on a new one: nothing committed)
                except BaseException:
                    self.close()
                    raise
            raise AssertionError("unreachable")

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass


def consumed(conn: Connection, year: int, seqs: list[int]) -> None:
    """In the message's transaction, with its cases: these numbers are used."""
    if seqs:
        conn.execute(delete(NUMBERS).where(NUMBERS.c.year == year, NUMBERS.c.seq.in_(seqs)))


def release(conn: Connection, holder: str) -> None:
    """In the transaction that records the message without (some of) its cases: its numbers are free."""
    conn.execute(update(NUMBERS).where(NUMBERS.c.holder == holder, or_(NUMBERS.c.owner.is_not(None),
                                                                       NUMBERS.c.until.is_not(None)))
                 .values(owner=None, until=None))
