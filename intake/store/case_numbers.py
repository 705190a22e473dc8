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

from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.engine import Connection, Engine

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
    are set free."""
    if count <= 0:
        return []
    with engine.begin() as conn:
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
            top = highest(conn, year)
            new = list(range(top + 1, top + 1 + count - len(taken)))
            conn.execute(NUMBERS.insert(), [{"year": year, "seq": s, "holder": holder, "owner": owner,
                                             "until": now + hold} for s in new])
            taken += new
    return sorted(taken)


def consumed(conn: Connection, year: int, seqs: list[int]) -> None:
    """In the message's transaction, with its cases: these numbers are used."""
    if seqs:
        conn.execute(delete(NUMBERS).where(NUMBERS.c.year == year, NUMBERS.c.seq.in_(seqs)))


def release(conn: Connection, holder: str) -> None:
    """In the transaction that records the message without (some of) its cases: its numbers are free."""
    conn.execute(update(NUMBERS).where(NUMBERS.c.holder == holder, or_(NUMBERS.c.owner.is_not(None),
                                                                       NUMBERS.c.until.is_not(None)))
                 .values(owner=None, until=None))
