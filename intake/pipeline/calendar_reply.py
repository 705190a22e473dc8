"""A calendar answer to the Rapid Review invitation (classify's ``calendar_reply``): recorded as attendance
(``intake.duties.attendance``), nothing sent back, the case left as it is."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from intake.duties.attendance import calendar_answers, record_answers
from intake.pipeline.classify import calendar_parts
from intake.pipeline.context import MessageContext


def handle_calendar_reply(ctx: MessageContext, session: Session, cfg, now: datetime) -> None:
    answers = calendar_answers(calendar_parts(ctx.facts))
    lines = record_answers(session, cfg, answers, ctx.facts.from_address, ctx.inbound_id, now)
    ctx.reasons.extend(lines or ["calendar reply with no attendee answer in it: nothing recorded"])
    ctx.case_refs.extend(sorted({w for line in lines for w in line.split() if w.startswith(
        cfg.organisation.reference_prefix + "-")}))
