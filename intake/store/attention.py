"""What in the inbound mail needs a person's eye, for the Manager's digest (pure queries).

Messages kept for review or quarantined, automatic mail that carried attachments but no
usable form (never answered, so only the digest shows it), and messages that could not be
moved out of the inbox for several polling cycles.
"""

from __future__ import annotations

import json
from sqlalchemy import or_
from sqlmodel import Session, select

from intake.store.models import InboundMessage, OutboundEmail, ServiceState

REVIEW_OUTCOMES = ("needs_info", "sender_not_allowed", "failed", "too_large")
AUTO_UNREAD = "automatic mail with attachments but no usable form"
MOVE_FAILED_PREFIX = "move_failed:"   # ServiceState key per message whose MOVE failed: {"cycles": n, ...}
STUCK_AFTER_CYCLES = 3


def stuck_messages(session: Session) -> list[dict]:
    """Messages whose MOVE out of the inbox failed in at least STUCK_AFTER_CYCLES polling cycles."""
    out = []
    for row in session.exec(select(ServiceState).where(ServiceState.key.startswith(MOVE_FAILED_PREFIX))):
        state = json.loads(row.value)
        if state.get("cycles", 0) >= STUCK_AFTER_CYCLES:
            out.append({"id": state.get("inbound"), "cycles": state["cycles"],
                        "outcome": f"could not be moved out of the inbox in {state['cycles']} polling cycles"})
    return out


def for_digest(session: Session) -> list[dict]:
    """[{"id": inbound message number, "outcome": what a person should know}]: each message needing review that no
    briefing has listed yet, or only a briefing that was superseded or failed (decided per message, never by
    comparing times: a briefing that stayed undelivered, or a message committed while one was being built, loses
    nothing), then the messages stuck in the inbox. See ``mark_listed``."""
    unsent = select(OutboundEmail.id).where(OutboundEmail.kind == "digest", OutboundEmail.status.in_(("superseded", "failed")))
    rows = session.exec(select(InboundMessage).where(
        (InboundMessage.digest_id == None) | InboundMessage.digest_id.in_(unsent),  # noqa: E711
        or_(InboundMessage.outcome.in_(REVIEW_OUTCOMES), InboundMessage.reasons.like(f"%{AUTO_UNREAD}%")))
        .order_by(InboundMessage.id)).all()
    listed = [{"id": m.id, "outcome": m.outcome if m.outcome in REVIEW_OUTCOMES else AUTO_UNREAD, "listed": True}
              for m in rows]
    return listed + stuck_messages(session)


def mark_listed(session: Session, review: list[dict], digest_id: int) -> None:
    """The messages of ``review`` (from ``for_digest``) are listed by the briefing ``digest_id``."""
    for item in review:
        if item.get("listed"):
            message = session.get(InboundMessage, item["id"])
            message.digest_id = digest_id
            session.add(message)
