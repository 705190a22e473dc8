"""Leases: one worker at a time on a piece of work, across threads, processes and machines.

A lease is a ``work_lease`` row (name, owner, lease_until). ``claim`` takes it when nobody holds it or the
holder's lease has run out; on PostgreSQL the row is read ``FOR UPDATE SKIP LOCKED``, so a worker never
waits behind another one's claim (it moves on to the next message). SQLite has no row locks: there the
claim is a conditional UPDATE, and SQLite's single writer makes it atomic all the same.

A worker that dies holding a lease lets go when the lease runs out — at once for a worker on this machine
whose process is gone (the owner id names host and pid: a service restarted after a crash does not wait for
its own dead claims), after ``lease`` for a worker on another machine. A worker that outlives its lease loses
the work: ``finish`` (in the transaction that records the outcome) deletes the row only if this worker
still holds it, and raises ``LeaseLost`` otherwise, so that transaction rolls back.

Names: ``inbound:<source key>`` for a message in the mailbox, ``job:<name>`` for a run-once job.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.engine import Connection, Engine

from intake.store.models import WorkLease

LEASE = WorkLease.__table__


class LeaseLost(Exception):
    """Another worker took this work over (our lease ran out): what we did must not be committed."""


def worker_id() -> str:
    """host:pid:thread:random, unique to this worker (also across restarts of the same pid)."""
    return f"{os.uname().nodename}:{os.getpid()}:{threading.get_ident()}:{uuid.uuid4().hex[:8]}"


def dead_here(owner: str | None) -> bool:
    """True when ``owner`` was a process on this machine that no longer runs."""
    parts = (owner or "").split(":")
    if len(parts) < 2 or parts[0] != os.uname().nodename or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's process): alive as far as we can tell
    return False


def _take_from_the_dead(conn: Connection, names: list[str], owner: str, now: datetime, lease: timedelta) -> None:
    held = conn.execute(select(LEASE.c.owner).where(LEASE.c.name.in_(names), LEASE.c.owner.is_not(None),
                                                    LEASE.c.owner != owner).distinct()).scalars().all()
    for dead in [o for o in held if dead_here(o)]:
        conn.execute(update(LEASE).where(LEASE.c.name.in_(names), LEASE.c.owner == dead)
                     .values(owner=owner, lease_until=now + lease))


def _insert_if_missing(conn: Connection, *names: str) -> None:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(LEASE).values([{"name": n} for n in names]).on_conflict_do_nothing(index_elements=["name"]))


def claim(engine: Engine, name: str, owner: str, now: datetime, lease: timedelta) -> bool:
    """Take (or renew) the lease on ``name`` until ``now + lease``; False when another worker holds it."""
    with engine.begin() as conn:
        _insert_if_missing(conn, name)
        free = or_(LEASE.c.owner.is_(None), LEASE.c.lease_until <= now, LEASE.c.owner == owner)
        if conn.dialect.name == "postgresql":
            row = conn.execute(select(LEASE.c.name).where(LEASE.c.name == name, free)
                               .with_for_update(skip_locked=True)).first()
            if row is None:
                return False  # held by a live worker, or being claimed right now (locked): not ours
        taken = conn.execute(update(LEASE).where(LEASE.c.name == name, free)
                             .values(owner=owner, lease_until=now + lease))
        if taken.rowcount == 1:
            return True
        _take_from_the_dead(conn, [name], owner, now, lease)
        return conn.execute(select(LEASE.c.owner).where(LEASE.c.name == name)).scalar() == owner


def claim_many(engine: Engine, names: list[str], owner: str, now: datetime, lease: timedelta) -> set[str]:
    """Take the leases on as many of ``names`` as are free, in one transaction; returns those taken."""
    if not names:
        return set()
    with engine.begin() as conn:
        _insert_if_missing(conn, *names)
        free = or_(LEASE.c.owner.is_(None), LEASE.c.lease_until <= now, LEASE.c.owner == owner)
        everything = LEASE.c.name.in_(names)
        wanted = everything
        if conn.dialect.name == "postgresql":
            free_names = list(conn.execute(select(LEASE.c.name).where(wanted, free)
                                           .with_for_update(skip_locked=True)).scalars())
            wanted = LEASE.c.name.in_(free_names)
        conn.execute(update(LEASE).where(wanted, free).values(owner=owner, lease_until=now + lease))
        _take_from_the_dead(conn, names, owner, now, lease)
        return set(conn.execute(select(LEASE.c.name).where(everything, LEASE.c.owner == owner)).scalars())


def held_elsewhere(engine: Engine, names: list[str], owner: str, now: datetime) -> set[str]:
    """Those of ``names`` another live worker holds a lease on now (read only: nothing is claimed). A claim that
    runs out or is let go a moment later is seen by the next poll."""
    if not names:
        return set()
    with engine.connect() as conn:
        rows = conn.execute(select(LEASE.c.name, LEASE.c.owner).where(
            LEASE.c.name.in_(names), LEASE.c.owner.is_not(None), LEASE.c.owner != owner, LEASE.c.lease_until > now))
        return {name for name, holder in rows if not dead_here(holder)}


def renew(engine: Engine, name: str, owner: str, now: datetime, lease: timedelta) -> bool:
    """Push on a lease ``owner`` still holds to ``now + lease``; False when it is no longer theirs (finished,
    released, or taken over). Unlike ``claim`` it never takes a lease anew: a renewal that comes just after the
    work was finished leaves nothing behind."""
    with engine.begin() as conn:
        return conn.execute(update(LEASE).where(LEASE.c.name == name, LEASE.c.owner == owner)
                            .values(lease_until=now + lease)).rowcount == 1


_FINISH = delete(LEASE).where(LEASE.c.name == bindparam("name"), LEASE.c.owner == bindparam("owner"))  # (built once)


def finish(conn: Connection, name: str, owner: str) -> None:
    """Give the lease up inside the transaction that records the work; LeaseLost when it is no longer ours."""
    gone = conn.execute(_FINISH, {"name": name, "owner": owner})
    if gone.rowcount != 1:
        raise LeaseLost(f"{name}: the lease ran out and another worker took the work over")


def release(engine: Engine, name: str, owner: str) -> None:
    """Let go without finishing (the work was not done): another worker may take it at once."""
    with engine.begin() as conn:
        conn.execute(delete(LEASE).where(LEASE.c.name == name, LEASE.c.owner == owner))


def holder(engine: Engine, name: str) -> tuple[str | None, datetime | None]:
    with engine.connect() as conn:
        row = conn.execute(select(LEASE.c.owner, LEASE.c.lease_until).where(LEASE.c.name == name)).first()
    return (row.owner, row.lease_until) if row else (None, None)


class Kept:
    """A lease renewed in the background while a long piece of work holds it (see ``keep``)."""

    def __init__(self, engine: Engine, name: str, owner: str, clock, lease: timedelta):
        self.engine, self.name, self.owner, self.clock, self.lease = engine, name, owner, clock, lease
        self.lost = False
        # three beats per lease: a renewal that is late by a beat or two still lands before the lease runs out
        self.beat = max(lease.total_seconds() / 3, 0.05)
        self.due = 0.0  # (time.monotonic) of the next renewal

    def renew(self) -> bool:
        """Push the lease on to ``clock() + lease``; False (and ``lost``) when another worker has taken it."""
        try:
            ok = renew(self.engine, self.name, self.owner, self.clock(), self.lease)
        except Exception:  # noqa: BLE001 - the database is unavailable now: try again at the next beat
            return not self.lost
        self.lost = self.lost or not ok
        return ok

    def __enter__(self) -> "Kept":
        self.due = time.monotonic() + self.beat
        _KEEPER.add(self)
        return self

    def __exit__(self, *exc) -> None:
        # a renewal already under way may still land after the work is finished or released; it changes nothing
        # (``renew`` never takes a lease anew)
        _KEEPER.discard(self)


class _Keeper:
    """One daemon thread per process renews every lease being kept, each at its own beat. (A thread per piece of
    work cost a thread start, and on a busy machine a wait for the new thread to be scheduled, per message.)"""

    def __init__(self):
        self._kept: set[Kept] = set()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, kept: Kept) -> None:
        with self._changed:
            self._kept.add(kept)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)
                self._thread.start()
            self._changed.notify()

    def discard(self, kept: Kept) -> None:
        with self._changed:
            self._kept.discard(kept)

    def _run(self) -> None:
        while True:
            with self._changed:
                now = time.monotonic()
                due = [k for k in self._kept if k.due <= now]
                if not due:
                    self._changed.wait(min((k.due for k in self._kept), default=now + 60) - now)
                    continue
                for k in due:
                    k.due = now + k.beat
            for k in due:
                with self._changed:
                    if k not in self._kept:  # finished meanwhile
                        continue
                k.renew()


_KEEPER = _Keeper()


def keep(engine: Engine, name: str, owner: str, clock, lease: timedelta) -> Kept:
    """``with keep(...)``: renew the lease on ``name`` (already claimed by ``owner``) every third of ``lease`` until
    the block ends, so that work longer than the lease (a backlog delivered after an outage, a slow relay) is
    not taken over by another worker half-way through. ``clock`` is the injected clock (``svc.now``)."""
    return Kept(engine, name, owner, clock, lease)
