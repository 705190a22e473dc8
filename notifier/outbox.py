"""The outbox: outgoing email as rows, written in the caller's transaction.

``enqueue`` is idempotent by key (kind:case:...): the same notification is
queued once, ever. Automatic replies to one address are capped per 24 hours.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import parseaddr

from sqlalchemy import bindparam, func, insert
from sqlmodel import Session, select

from intake.store.db import flush_for
from intake.store.models import AuditEvent, OutboundEmail
from notifier.compose import as_text

log = logging.getLogger(__name__)
REPLY_KINDS = ("acknowledgement", "needs_info", "sender_not_allowed", "too_large", "reply_ack", "command_result",
               "action_plan_ack", "action_plan_unknown_case")


# (the statements run for every email queued, built once: their parameters are bound at each use)
_QUEUED = select(OutboundEmail.id).where(OutboundEmail.key == bindparam("key")).limit(1)
_QUEUED_KEYS = select(OutboundEmail.key).where(OutboundEmail.key.in_(bindparam("keys", expanding=True)))


def already_queued(session: Session, key: str) -> bool:
    with flush_for(session, OutboundEmail):
        return session.exec(_QUEUED, params={"key": key}).first() is not None


def queued_keys(session: Session, keys: list[str]) -> set[str]:
    """Which of ``keys`` are queued already: one query for all the emails one message will queue (``enqueue``'s
    ``queued``), instead of one each."""
    if not keys:
        return set()
    with flush_for(session, OutboundEmail):
        return set(session.exec(_QUEUED_KEYS, params={"keys": list(keys)}))


def supersede(session: Session, key_prefix: str, new_key: str, now: datetime) -> list[int]:
    """Pending rows whose key starts with ``key_prefix`` (an earlier stage of the same alert) give way to ``new_key``:
    after an outage the Manager gets the latest stage, not a burst of stale ones."""
    rows = session.exec(select(OutboundEmail).where(OutboundEmail.status == "pending",
                                                    OutboundEmail.key.startswith(key_prefix, autoescape=True),
                                                    OutboundEmail.key != new_key)).all()
    for row in rows:
        row.status, row.last_error = "superseded", f"superseded by {new_key}"
        session.add(row)
        log.info("superseded: outbox=%s key=%s by %s", row.id, row.key, new_key)
    return [r.id for r in rows]


def replies_in_last_day(session: Session, address: str, now: datetime) -> int:
    with flush_for(session, OutboundEmail):
        return session.exec(
        select(func.count(OutboundEmail.id)).where(
            OutboundEmail.to_address == address.lower(),
            OutboundEmail.kind.in_(REPLY_KINDS),
            OutboundEmail.created_at >= now - timedelta(days=1),
        )
        ).one()


_INSERT = insert(OutboundEmail.__table__)


def enqueue(session: Session, *, key: str, kind: str, message: EmailMessage, now: datetime,
            case_id: int | None = None, reply_cap: int | None = None,
            queued: set[str] | None = None, later: list[dict] | None = None) -> OutboundEmail | None:
    """Queue ``message`` unless ``key`` was queued before (or the reply cap is reached). ``queued``: the keys found
    queued already by ``queued_keys``, asked in this transaction for this key among others (the keys queued here are
    added to it); None: asked here. ``later``: the row is not made an ORM object but kept there, as its values, for
    ``write_queued`` to insert with the others in one statement (nothing reads its id; returns None)."""
    if (key in queued) if queued is not None else already_queued(session, key):
        return None
    to = parseaddr(str(message["To"]))[1].lower()
    if reply_cap is not None and kind in REPLY_KINDS:
        write_queued(session, later)  # (the cap counts the rows kept for later too)
        if replies_in_last_day(session, to, now) >= reply_cap:
            session.add(AuditEvent(at=now, actor="intake", action="reply_capped", case_id=case_id,
                                   detail=f'{{"key": "{key}", "kind": "{kind}"}}'))
            log.warning("reply not sent: cap of %d replies per address per day reached (key=%s)", reply_cap, key)
            return None
    values = dict(key=key, kind=kind, case_id=case_id, to_address=to, subject=str(message["Subject"]),
                  message_id=str(message["Message-ID"]), raw=as_text(message), status="pending", attempts=0,
                  next_attempt_at=now, last_error=None, created_at=now, sent_at=None, lease_owner=None,
                  lease_until=None)
    if queued is not None:
        queued.add(key)
    if later is not None:
        later.append(values)
        return None
    row = OutboundEmail(**values)
    session.add(row)
    return row


def write_queued(session: Session, later: list[dict] | None) -> None:
    """Insert the rows ``enqueue`` kept in ``later`` (then emptied), in one statement, in the order they were queued
    and after any outbox row added to the session before them (delivery sends in the order of the ids): on SQLite
    the ORM would send one ``INSERT ... RETURNING`` per row, to learn ids nobody reads."""
    if not later:
        return
    if any(isinstance(obj, OutboundEmail) for obj in session.new):
        session.flush()  # an earlier row keeps its lower id
    session.execute(_INSERT, list(later))
    later.clear()
