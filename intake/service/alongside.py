"""Delivery alongside the poll: `intake poll --once` sends the outbox from a second process while it polls.

The sends (two emails a referral, each waiting for the server to read it) used to start when the poll had recorded
every email. Now a process forked at the start of the poll (``start``) sends each row as soon as the poll commits it
(``notifier.delivery.deliver_during``), and the poll tells it when it is done (``finish``); what is left then, and
the notices about refused alerts, are delivered after the poll as before.

Why a process and not a thread: the moment between the server's 250 and the note of the send is the moment in which
a killed worker would send the email again, and it must be as short as it can be. A thread would wait there for the
interpreter lock while the poll computes (5 ms, ``sys.getswitchinterval()``); a process of its own does not, and on
SQLite it notes the send in its journal (``notifier.sent_journal``) instead of waiting for the write lock the poll
holds while it stores a message.

It is forked only when that is safe: no other thread runs (a lock held by one would stay held in the child) and no
database connection is open (the pool is emptied first: a SQLite or PostgreSQL connection must not be shared by two
processes). Otherwise (``start`` returns None) everything is delivered after the poll, as before. The child leaves
with ``os._exit``: nothing of the parent's (its atexit work, its parsers) is run or stopped by it. When the worker
is killed, the child sees the end of the pipe from it, stops after the send it is in, records it and leaves.
"""

from __future__ import annotations

import json
import logging
import os
import select
import threading
from dataclasses import asdict

from intake.store.leases import worker_id
from notifier.delivery import deliver_during, deliver_pending, DeliveryReport
from notifier.senders import open_sender
from notifier.sent_journal import journal_dir, SentJournal

log = logging.getLogger(__name__)

DONE = b"d"  # the poll has ended (an end of the pipe without it: the worker is gone)


def can_fork(svc) -> bool:
    """No other thread, no connection lent out, and a database a second process can open (not SQLite in memory)."""
    engine = svc.engine
    if engine.dialect.name == "sqlite" and journal_dir(engine) is None:
        return False
    checked_out = getattr(engine.pool, "checkedout", None)
    return hasattr(os, "fork") and threading.active_count() == 1 and checked_out is not None and checked_out() == 0


class Alongside:
    """The parent's handle on the delivering child."""

    def __init__(self, pid: int, tell: int, hear: int):
        self.pid, self._tell, self._hear = pid, tell, hear

    @classmethod
    def start(cls, svc) -> "Alongside | None":
        """Fork the delivering child, or None when that is not safe here (see the module's docstring)."""
        if not can_fork(svc):
            return None
        svc.engine.dispose()  # no connection crosses the fork
        listen, tell = os.pipe()
        hear, answer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                os.close(tell)
                os.close(hear)
                _deliver_in_child(svc, listen, answer)
                code = 0
            except BaseException:  # noqa: BLE001 - logged; the parent delivers what is left after the poll
                log.exception("delivery alongside the poll stopped; the rest is delivered after the poll")
            finally:
                os._exit(code)
        os.close(listen)
        os.close(answer)
        return cls(pid, tell, hear)

    def finish(self) -> DeliveryReport | None:
        """Tell the child the poll is done; wait for it; its report (None when it failed)."""
        try:
            os.write(self._tell, DONE)
        except BrokenPipeError:
            pass
        chunks = []
        while chunk := os.read(self._hear, 65536):
            chunks.append(chunk)
        os.close(self._tell)
        os.close(self._hear)
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not chunks:
            return None
        return DeliveryReport(**json.loads(b"".join(chunks)))


class Parent:
    """The child's view of the poll: "polling", "done", or "gone" (the worker was killed: the pipe ended without
    ``DONE``)."""

    def __init__(self, fd: int):
        self.fd, self.state = fd, "polling"

    def polling(self, seconds: float) -> bool:
        if self.state == "polling" and select.select([self.fd], [], [], seconds)[0]:
            self.state = "done" if os.read(self.fd, 1) == DONE else "gone"
        return self.state == "polling"


def _deliver_in_child(svc, listen: int, answer: int) -> None:
    engine, cfg = svc.engine, svc.cfg
    engine.dispose(close=False)  # (empty: the parent emptied it before the fork)
    parent = Parent(listen)
    directory = journal_dir(engine)
    journal = SentJournal(directory, worker_id()) if directory else None
    sender = open_sender(cfg)
    try:
        report = deliver_during(engine, sender, cfg.smtp.from_, svc.now, parent.polling, journal,
                                cfg.smtp.max_attempts, svc.claim_lease)
        if parent.state == "done" and not report.server_unavailable:
            rest = deliver_pending(engine, sender, cfg.smtp.from_, svc.now(), cfg.smtp.max_attempts,
                                   lease=svc.claim_lease, clock=svc.now, everything=True, close=False, journal=journal)
            for name in ("sent", "deferred", "failed", "refused"):
                setattr(report, name, getattr(report, name) + getattr(rest, name))
            report.errors += rest.errors
            report.server_unavailable = rest.server_unavailable
    finally:
        sender.close()
        if journal is not None:
            journal.close(engine)
        engine.dispose()
    if parent.state == "done":  # (nobody is listening for a worker that was killed)
        os.write(answer, json.dumps(asdict(report)).encode())
    os.close(answer)
