"""Wiring: build the pipeline's services from a Config (the one place that knows all adapters)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import partial

from sqlmodel import Session

from intake.config import parse_duration
from intake.mailbox.imap_source import ImapMailSource
from intake.mailbox.mail import expand_containers
from intake.mailbox.maildir_source import MaildirSource
from intake.mailbox.source import MailSource
from intake.mailbox.unpack import unpack_isolated
from intake.pipeline import poll_once, PollReport, Services
from intake.pipeline.parse_pool import ParsePool
from intake.pipeline.prefetch import Prefetcher
from intake.service.alongside import Alongside
from intake.store.db import open_database
from intake.store.leases import worker_id
from intake.store.storage import FileStore
from notifier.deadlines_store import create_deadlines_for_case, warn_untrusted_dates
from notifier.delivery import deliver_pending, DeliveryReport
from notifier.refusals import notify_refusals
from notifier.senders import open_sender
from parsers import parse_bytes
from parsers.sandbox import read_plan_isolated


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def make_parse(cfg, isolated: bool = True):
    vocabulary = cfg.vocabulary or None
    if not isolated:
        return partial(parse_bytes, vocabulary=vocabulary)

    return partial(_warm_pool().parse, seconds=cfg.limits.parse_seconds, memory_mb=cfg.limits.parse_memory_mb,
                   vocabulary=vocabulary)


_POOL: ParsePool | None = None


def _warm_pool() -> ParsePool:
    """The process's warm form parsers (intake.pipeline.parse_pool), started at the first form."""
    global _POOL
    if _POOL is None:
        _POOL = ParsePool()
    return _POOL


def make_unpack(cfg, isolated: bool = True):
    """Outlook containers (TNEF, .msg) opened under the parse limits, outside the service process."""
    if not isolated:
        return partial(expand_containers, max_parts=cfg.limits.max_parts_per_message)

    return partial(unpack_isolated, seconds=cfg.limits.parse_seconds, memory_mb=cfg.limits.parse_memory_mb,
                   max_parts=cfg.limits.max_parts_per_message)


def make_read_plan(cfg, isolated: bool = True):
    """Attached action plans read under the parse limits, outside the service process."""
    if not isolated:
        return None

    return partial(read_plan_isolated, seconds=cfg.limits.parse_seconds, memory_mb=cfg.limits.parse_memory_mb)


def build_services(cfg, now=utc_now, engine=None, isolated: bool = True) -> Services:
    engine = engine or open_database(cfg.database_url)
    svc = Services(cfg=cfg, engine=engine, files=FileStore(cfg.resolve(cfg.storage.path)),
                   parse=make_parse(cfg, isolated), now=now, unpack=make_unpack(cfg, isolated),
                   read_plan=make_read_plan(cfg, isolated),
                   worker=worker_id(), claim_lease=timedelta(seconds=parse_duration(cfg.database.claim_lease,
                                                                                    "database.claim_lease")))
    if isolated:
        # the service: the next messages' forms are parsed (sandboxed, one worker per CPU) while one is stored

        svc.prefetch = Prefetcher(svc.parse, svc.unpack, cfg.limits, warm=_warm_pool().start)
        svc.parse = svc.prefetch.parse
    try:
        svc.after_case = partial(create_deadlines_for_case, cfg=cfg)
        svc.before_case = partial(warn_untrusted_dates, tz=cfg.tz)  # (with the deadlines: they note those dates)
    except ImportError:
        pass
    return svc


def poll_and_deliver(svc: Services, source=None, sender=None, everything: bool = True,
                     alongside: bool = False) -> tuple[PollReport, DeliveryReport]:
    """`intake poll --once`: fetch and process what is new, then deliver the outbox: all that the poll queued
    (``everything``; a service cycle passes False and keeps the cap of one delivery run, 500). ``alongside`` (`intake
    poll --once`): the outbox is delivered by a second process while the poll runs, when that is safe here
    (``intake.service.alongside``); what is left is delivered after the poll."""
    helper = Alongside.start(svc) if alongside and sender is None and everything else None
    own_source = source is None
    try:
        source = source or open_source(svc.cfg)
        try:
            report = poll_once(svc, source)
        finally:
            if own_source:
                source.close()
    finally:
        during = helper.finish() if helper else None
    after = deliver(svc, sender, everything=everything)
    return report, _add(during, after) if during else after


def _add(a: DeliveryReport, b: DeliveryReport) -> DeliveryReport:
    for name in ("sent", "deferred", "failed", "refused"):
        setattr(a, name, getattr(a, name) + getattr(b, name))
    a.errors += b.errors
    a.server_unavailable = a.server_unavailable or b.server_unavailable
    return a


def deliver(svc: Services, sender=None, now=None, everything: bool = False) -> DeliveryReport:
    """Deliver the outbox; when an alert to the Manager or the Chair was refused, queue the notices to the other
    person (and the deputy, the service desk) and deliver them in the same run: told the same day, at once.
    ``everything``: all that is due, not only one run's worth (500)."""
    sender = sender or open_sender(svc.cfg)
    now = now or svc.now()
    report = deliver_pending(svc.engine, sender, svc.cfg.smtp.from_, now, svc.cfg.smtp.max_attempts,
                             lease=svc.claim_lease, clock=svc.now, everything=everything)
    with Session(svc.engine) as session:
        queued = notify_refusals(session, svc.cfg, now)
        session.commit()
    if queued:
        again = deliver_pending(svc.engine, sender, svc.cfg.smtp.from_, now, svc.cfg.smtp.max_attempts,
                                lease=svc.claim_lease, clock=svc.now, everything=everything)
        _add(report, again)
    return report


def open_source(cfg) -> MailSource:
    """The configured source."""
    if cfg.mailbox.backend == "imap":
        return ImapMailSource.from_config(cfg)
    return MaildirSource(cfg.resolve(cfg.mailbox.path), inbox_name=cfg.mailbox.inbox,
                         max_message_bytes=cfg.limits.max_message_bytes)
