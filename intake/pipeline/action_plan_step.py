"""Action plans by email: an attached plan in a case's thread updates the case's actions (outcome ``action_plan``).

A message in a case's thread (the reference in the subject, or a reply to our email) whose attachment reads as
an action plan (parsers.action_plan, in the parse sandbox) is applied to that case and the sender gets an
acknowledgement listing the actions read and the rows that were not. A plan whose subject names a reference
that no case has (or a spreadsheet plan with no reference) is kept for review (``needs_info``) and the sender is
told what to do. Replies name rows, numbers and agencies only: never what a cell said about a child.
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime
from typing import Callable

from sqlmodel import Session, select

from intake.duties import action_plans
from intake.pipeline.acknowledge import _reply, REASON_TEXT
from intake.pipeline.context import MessageContext, PARSE_TIMED_OUT, ParsedAttachment
from intake.pipeline.extract import TIME_BUDGET_SPENT, timed_out
from intake.pipeline.replies import tell_manager
from intake.store.models import AuditEvent, Case
from notifier.wording import day
from parsers.action_plan import plan_format

PLAN_SUFFIXES = (".docx", ".xlsx", ".xlsm")


def plan_candidates(ctx: MessageContext) -> list:
    return [f for f in ctx.facts.attachments if f.data.startswith(b"PK") and (
        (f.name or "").lower().endswith(PLAN_SUFFIXES) or plan_format(f.data, f.name))]


def read_plans(ctx: MessageContext, read_plan, limits, clock: Callable[[], float] = time.monotonic
               ) -> list[ParsedAttachment]:
    """The attachments that read as action plans (recorded in ctx.parsed, so their files are stored), within the
    message's reading budget (``limits.message_parse_seconds``, shared with its forms, checked before each file):
    a plan left unread makes the message retryable, as a form's timed-out parse does."""
    plans = []
    if ctx.reading_started is None:
        ctx.reading_started = clock()
    for f in plan_candidates(ctx)[:limits.max_forms_per_message]:
        if len(f.data) > limits.max_attachment_bytes:
            continue
        if clock() - ctx.reading_started >= limits.message_parse_seconds:
            if PARSE_TIMED_OUT not in ctx.reasons:
                ctx.reasons.append(PARSE_TIMED_OUT)
            ctx.reasons.append(f"{f.name or 'a spreadsheet'}: not read as an action plan ({TIME_BUDGET_SPENT})")
            continue
        result = read_plan(f.data, f.name)
        if timed_out(result) and PARSE_TIMED_OUT not in ctx.reasons:
            ctx.reasons.append(PARSE_TIMED_OUT)
        if result.status == "parsed" and (result.record or {}).get("kind") == "action_plan":
            p = ParsedAttachment(file=f, result=result)
            ctx.parsed.append(p)
            plans.append(p)
        elif result.reason != "not_an_action_plan" and (f.name or "").lower().endswith((".xlsx", ".xlsm")):
            ctx.plan_problems.append(ParsedAttachment(file=f, result=result))  # damaged, too large: never a form
    return plans


def handle_unreadable_plan(ctx: MessageContext, session: Session, cfg, reference: str) -> None:
    """A spreadsheet in a case's thread that could not be opened: kept for review, the sender told why."""

    ctx.parsed += ctx.plan_problems
    ctx.answered = True
    ctx.stop("needs_info", f"{len(ctx.plan_problems)} spreadsheet(s) in the thread of {reference} could not be read")
    msg_key = ctx.facts.message_id or ctx.facts.raw_sha256
    _reply(ctx, session, cfg, "action_plan_ack", key=f"action_plan_ack:{msg_key}:unreadable", reference=reference,
           file=ctx.plan_problems[0].file.name or "the attachment", where="", actions=[], refused=[], not_in_plan=[],
           nobody=[], before=cfg.actions.remind_before,
           problem=REASON_TEXT.get(ctx.plan_problems[0].result.reason, "could not be read"))


def subject_reference(subject: str, prefix: str) -> str | None:
    m = re.search(rf"\b({re.escape(prefix)}-\d{{4}}-\d{{4,}})\b", (subject or "").upper())
    return m.group(1) if m else None


def worth_reading(ctx: MessageContext, prefix: str) -> bool:
    """Outside a case's thread, look for a plan only when the subject names a reference or a spreadsheet is
    attached (a referral form is never a spreadsheet): referral forms are not read twice."""
    return bool(subject_reference(ctx.facts.subject, prefix)) or any(
        (f.name or "").lower().endswith((".xlsx", ".xlsm")) for f in ctx.facts.attachments)


def handle_action_plan(ctx: MessageContext, session: Session, cfg, reference: str, plans: list[ParsedAttachment],
                       now: datetime) -> None:
    case = session.exec(select(Case).where(Case.reference == reference)).one()
    actor = f"email:{ctx.facts.from_address}"
    msg_key = ctx.facts.message_id or ctx.facts.raw_sha256
    conflicts = []
    for n, p in enumerate(plans):
        applied = action_plans.apply_plan(session, case, p.result.record, ctx.inbound_id, actor, now, cfg)
        conflicts += [f"{p.file.name or 'the plan'}, {c['at']} ({c['plan_agency'] or 'no agency'}): the same action "
                      f"as {c['clock']} of {c['agency'] or 'another agency'}" for c in applied.conflicts]
        session.add(AuditEvent(at=now, actor=actor, action="action_plan_read", case_id=case.id, detail=json.dumps({
            "inbound": ctx.inbound_id, "file_sha256": p.sha256 or None, "format": p.result.format,
            "created": [a["clock"] for a in applied.created], "updated": [a["clock"] for a in applied.updated],
            "unchanged": [a["clock"] for a in applied.unchanged], "refused": applied.refused,
            "conflicts": applied.conflicts,
            "columns": p.result.record.get("columns")})))
        created = {a["clock"] for a in applied.created}
        listed = [{**a, "due": day(a["due"]),
                   "state": "done" if a["status"] == "met" else ("new" if a["clock"] in created else
                                                                ("updated" if a in applied.updated else "unchanged"))}
                  for a in applied.read]
        ctx.reasons.append(f"action plan for {reference}: {len(applied.created)} new, {len(applied.updated)} updated, "
                           f"{len(applied.unchanged)} unchanged, {len(applied.refused)} row(s) not read")
        _reply(ctx, session, cfg, "action_plan_ack", key=f"action_plan_ack:{msg_key}:{n}", case_id=case.id,
               reference=reference, file=p.file.name or "the attachment", where=p.result.record.get("where", ""),
               actions=listed, not_in_plan=applied.not_in_plan,
               refused=applied.refused + [{**c, "reason": f"the same action as {c['clock']} of another agency: only "
                                                          "that agency's plan changes it; passed to the Safeguarding "
                                                          "Manager"} for c in applied.conflicts],
               nobody=applied.nobody_to_remind, before=cfg.actions.remind_before, problem=None)
    if conflicts:
        # a plan never closes or reassigns another agency's action: the Manager decides
        tell_manager(ctx, session, cfg, case, "An action plan named other agencies' actions; they were NOT changed:\n"
                     + "\n".join(f"- {c}" for c in conflicts), [], [], [], now)
        ctx.reasons.append(f"{len(conflicts)} row(s) naming another agency's action passed to the Manager")
    ctx.case_refs.append(reference)


def handle_unknown_case(ctx: MessageContext, session: Session, cfg, reference: str | None) -> None:
    msg_key = ctx.facts.message_id or ctx.facts.raw_sha256
    ctx.answered = True  # this reply, not the generic "send a form" one
    ctx.stop("needs_info", f"action plan for {'an unknown case ' + reference if reference else 'no case reference'}")
    _reply(ctx, session, cfg, "action_plan_unknown_case", key=f"action_plan_unknown_case:{msg_key}",
           reference=reference, example=f"{cfg.organisation.reference_prefix}-2026-0001")
