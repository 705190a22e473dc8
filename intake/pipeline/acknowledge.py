"""Acknowledge: queue the replies this outcome calls for, in the message's transaction.

Nothing here speaks SMTP; rows go into the outbox. Replies never quote personal
data from the form: references, field labels and counts only.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from sqlalchemy import bindparam, case, func, literal, or_, union_all
from sqlmodel import Session, select

from intake.mailbox.mail import domain_allowed
from intake.pipeline.classify import UNAUTHENTICATED
from intake.pipeline.context import MessageContext
from intake.pipeline.validate import unusable_forms
from intake.store.db import flush_for
from intake.store.models import AuditEvent, Case, InboundMessage, OutboundEmail
from notifier.compose import build_email, render
from notifier.deadlines_store import untrusted_for_case
from notifier.new_referral import acknowledgement_context, new_referral_key, queue_new_referral
from notifier.outbox import enqueue, queued_keys, REPLY_KINDS, write_queued
from parsers.fields import label_of

log = logging.getLogger(__name__)

REASON_TEXT = {
    "legacy_format": "is in an old Word format (.doc) we cannot read; please save it as .docx or PDF",
    "encrypted": "is password-protected; please send it without a password (by secure email)",
    "macro_enabled": "contains macros; please save it as a plain .docx",
    "scanned": "is a scanned image; please send the typed Word or PDF form",
    "corrupt": "is damaged and cannot be opened; please save and attach it again",
    "too_large": "is too large to process; please send the form on its own",
    "empty_form": "appears to be blank; please fill it in and send it again",
    "not_read": "was not read because the email carried too many files; please send the form on its own",
}


def _common(cfg) -> dict:
    return {"organisation": cfg.organisation.name, "group": cfg.organisation.group}


def reply_address(facts, allowed_domains) -> str | None:
    """Answers go to the sender (From); a Reply-To is used only when it is in an allowed partner domain
    (with no allowed domains configured, never: anyone could redirect a reference to any address)."""
    if facts.reply_to and allowed_domains and domain_allowed(facts.reply_to, tuple(allowed_domains)):
        return facts.reply_to
    return facts.from_address


def _replies_for_sender_query():
    """Automatic replies since ``since`` sent to ``sender``, or caused by ``sender``'s messages processed since then:
    a reply caused by a message has the key ``kind:`` and the message's Message-ID (its content's SHA-256 when it has
    none), for each kind of reply. Built once (its parameters bound at each use)."""
    sender, since = bindparam("sender"), bindparam("since")
    message_key = case((or_(InboundMessage.message_id.is_(None), InboundMessage.message_id == ""),
                        InboundMessage.raw_sha256), else_=InboundMessage.message_id)
    caused = union_all(*(select(literal(f"{kind}:") + message_key).where(
        InboundMessage.from_address == sender, InboundMessage.processed_at >= since) for kind in REPLY_KINDS))
    return select(func.count(OutboundEmail.id)).where(
        OutboundEmail.kind.in_(REPLY_KINDS), OutboundEmail.created_at >= since,
        or_(OutboundEmail.to_address == sender, OutboundEmail.key.in_(caused)))


_REPLIES_FOR_SENDER = _replies_for_sender_query()


def replies_for_sender(session: Session, sender: str, now: datetime) -> int:
    """Automatic replies in the last 24 hours caused by mail from ``sender`` (wherever they went) or sent to it."""
    with flush_for(session, InboundMessage, OutboundEmail):  # (this message's deadlines and audit wait for a later flush)
        return session.exec(_REPLIES_FOR_SENDER, params={"sender": sender, "since": now - timedelta(days=1)}).one()


def _reply(ctx: MessageContext, session: Session, cfg, kind: str, key: str, case_id=None,
           queued: set[str] | None = None, later: list[dict] | None = None, **context) -> None:
    to = reply_address(ctx.facts, cfg.policy.allowed_sender_domains)
    if not to:
        return
    sender = ctx.facts.from_address
    if sender and replies_for_sender(session, sender, ctx.now) >= cfg.policy.replies_per_sender_per_day:
        # The cap counts by From: a changed Reply-To does not buy more replies.
        session.add(AuditEvent(at=ctx.now, actor="intake", action="reply_capped", case_id=case_id,
                               detail=json.dumps({"key": key, "kind": kind})))
        log.warning("reply not sent: cap of %d replies per sender per day reached (key=%s)",
                    cfg.policy.replies_per_sender_per_day, key)
        return
    subject, text, html = render("referrer", kind, **_common(cfg), **context)
    message = build_email(sender=cfg.smtp.from_, to=to, subject=subject, text=text, html=html, now=ctx.now,
                          in_reply_to=ctx.facts.message_id, references=ctx.facts.references,
                          auto_submitted="auto-replied")
    # the cap per address (enqueue) counts a subset of what was counted just above when the reply goes to the sender
    same = sender is not None and to.lower() == sender
    enqueue(session, key=key, kind=kind, message=message, now=ctx.now, case_id=case_id, queued=queued, later=later,
            reply_cap=None if same else cfg.policy.replies_per_sender_per_day)


def acknowledge(ctx: MessageContext, session: Session, cfg, cases: list[Case]) -> None:
    msg_key = ctx.facts.message_id or ctx.facts.raw_sha256
    if ctx.outcome == "referral":
        # the dates to check are named by their labels only: the reply never repeats what the form said
        items = [{"reference": c.reference, "missing": [label_of(m) for m in json.loads(c.missing_json)],
                  "check": [label_of(f) for f in untrusted_for_case(c, cfg.tz)]} for c in cases]
        ack_key = f"acknowledgement:{msg_key}"
        # the keys of every email this referral queues, looked up in one query
        queued = queued_keys(session, ([] if ctx.automatic else [ack_key]) + [new_referral_key(c) for c in cases])
        later: list[dict] = []  # the outbox rows of this referral, inserted together (outbox.write_queued)
        if not ctx.automatic:  # RFC 3834: automatic mail is never answered
            _reply(ctx, session, cfg, "acknowledgement", key=ack_key, case_id=cases[0].id, queued=queued, later=later,
                   cases=items, unusable=[REASON_TEXT.get(p.result.reason, "could not be read") for p in unusable_forms(ctx)],
                   **acknowledgement_context(cfg, ctx.now))

        for c in cases:
            queue_new_referral(session, cfg, c, ctx.now, automatic=bool(ctx.automatic), queued=queued, later=later)
        write_queued(session, later)
    elif ctx.outcome == "needs_info" and not ctx.answered:
        _reply(ctx, session, cfg, "needs_info", key=f"needs_info:{msg_key}",
               problems=[REASON_TEXT.get(p.result.reason, "could not be read") for p in unusable_forms(ctx)],
               had_attachments=bool(ctx.parsed))
    elif ctx.outcome == "too_large":
        _reply(ctx, session, cfg, "too_large", key=f"too_large:{msg_key}",
               limit_mb=round(cfg.limits.max_message_bytes / 1_000_000))
    elif ctx.outcome == "sender_not_allowed" and not any(UNAUTHENTICATED in r for r in ctx.reasons):
        # (an unauthenticated From may be forged: it is not answered, the Manager sees it in the digest)
        _reply(ctx, session, cfg, "sender_not_allowed", key=f"sender_not_allowed:{msg_key}")
