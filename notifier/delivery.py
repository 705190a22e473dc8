"""Delivery: send what the outbox holds, retry transient failures with backoff,
give up visibly on permanent ones. The only place that calls a Sender."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from intake.errors import DeliveryUnavailable, PermanentDeliveryError
from intake.models import OutboundEmail

log = logging.getLogger(__name__)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


@dataclass
class DeliveryReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def deliver_pending(engine: Engine, sender, from_address: str, now: datetime, max_attempts: int = 8,
                    limit: int = 500) -> DeliveryReport:
    report = DeliveryReport()
    envelope_from = parseaddr(from_address)[1]
    with Session(engine) as session:
        ids = session.exec(
            select(OutboundEmail.id).where(OutboundEmail.status == "pending", OutboundEmail.next_attempt_at <= now)
            .order_by(OutboundEmail.id).limit(limit)
        ).all()
    try:
        for row_id in ids:
            with Session(engine) as session:
                row = session.get(OutboundEmail, row_id)
                if row is None or row.status != "pending":
                    continue
                try:
                    sender.send(row.raw.encode("utf-8"), envelope_from, row.to_address, name=f"{row.id:06d}-{row.kind}")
                except PermanentDeliveryError as exc:
                    row.attempts += 1
                    row.status, row.last_error = "failed", str(exc)[:500]
                    report.failed += 1
                    log.error("delivery failed permanently: outbox=%s kind=%s error=%s", row.id, row.kind, row.last_error)
                except Exception as exc:  # noqa: BLE001 - one bad row must not stop the outbox
                    if not isinstance(exc, DeliveryUnavailable):
                        sender.close()  # the session may be half-way through a command: start afresh
                        exc = DeliveryUnavailable(f"unexpected {exc.__class__.__name__}: {exc}")
                    row.attempts += 1
                    row.last_error = str(exc)[:500]
                    if row.attempts >= max_attempts:
                        row.status = "failed"
                        report.failed += 1
                        log.error("delivery gave up after %d attempts: outbox=%s kind=%s", row.attempts, row.id, row.kind)
                    else:
                        row.next_attempt_at = now + backoff(row.attempts)
                        report.deferred += 1
                        log.warning("delivery deferred: outbox=%s kind=%s attempt=%d error=%s", row.id, row.kind, row.attempts, row.last_error)
                    report.errors.append(row.last_error)
                    session.add(row)
                    session.commit()
                    if "cannot reach" in row.last_error or "connection" in row.last_error:
                        break  # server down: leave the rest for the next cycle
                    continue
                else:
                    row.attempts += 1
                    row.status, row.sent_at, row.last_error = "sent", now, None
                    report.sent += 1
                    log.info("delivered: outbox=%s kind=%s key=%s", row.id, row.kind, row.key)
                session.add(row)
                session.commit()
    finally:
        sender.close()
    return report
