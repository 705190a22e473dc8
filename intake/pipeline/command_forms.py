"""Forms attached to an instruction from the Manager or the Chair (issue 23.3): read like any referral.

"Note: the school has now sent the sibling's form, attached – please log it." A form about the child and incident
of the case the instruction names is added to that case (its missing answers filled, as the person's own); any
other form opens a new case, linked to the named case when there is one. The confirmation says which.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from sqlmodel import Session, select

from intake.duties.commands import top_of_reply
from intake.pipeline.context import MessageContext
from intake.pipeline.command_answer import claims_or_none
from intake.pipeline.replies import apply_answers, may_change_case
from intake.store.models import Case
from notifier.new_referral import queue_new_referral


def _names(record: dict) -> set[str]:
    return {" ".join(c["name"].lower().split()) for c in record.get("children") or [] if c.get("name")}


def _case(session: Session, reference: str | None) -> Case | None:
    return session.exec(select(Case).where(Case.reference == reference)).first() if reference else None


def names_another_child(session: Session, reference: str, forms: list) -> bool:
    case = _case(session, reference)
    known = _names(json.loads(case.record_json)) if case else set()
    return bool(known) and any(_names(p.result.record) and not (_names(p.result.record) & known) for p in forms)


def names_another_incident(session: Session, reference: str, forms: list) -> bool:
    """A form giving an incident date different from the case's: another incident, another case."""
    case = _case(session, reference)
    known = (json.loads(case.record_json).get("incident") or {}).get("date") if case else None
    return bool(known) and any((p.result.record.get("incident") or {}).get("date") not in (None, known) for p in forms)


def named_case(ctx: MessageContext, session: Session, cfg) -> str | None:
    """The case the instruction is about: its reply token's, else the first reference typed or in the subject."""
    claims = claims_or_none(session, cfg, ctx.facts, ctx.now)
    if claims is not None and claims.case:
        return claims.case
    pattern = rf"\b({re.escape(cfg.organisation.reference_prefix)}-\d{{4}}-\d{{4,}})\b"
    for text in ("\n".join(top_of_reply(ctx.facts.body_text)), ctx.facts.subject or ""):
        if m := re.search(pattern, text):
            return m.group(1)
    return None


def sort_forms(ctx: MessageContext, session: Session, cfg) -> None:
    """Decide, before the store step, which parsed forms open cases (``ctx.opening_forms``) and which join the named
    case (``ctx.joining_forms``); new cases are linked to the named case."""
    reference = named_case(ctx, session, cfg)
    claims = claims_or_none(session, cfg, ctx.facts, ctx.now)
    case = _case(session, reference)
    for p in ctx.forms:
        same = case is not None and not names_another_child(session, reference, [p]) and not names_another_incident(
            session, reference, [p]) and may_change_case(cfg, case, ctx.facts.from_address, claims, ctx.now)
        (ctx.joining_forms if same else ctx.opening_forms).append(p)
    if ctx.opening_forms and case is not None:
        ctx.linked_case = case.reference
    if ctx.forms:
        ctx.reasons.append(f"{len(ctx.forms)} form(s) attached to the instruction: {len(ctx.opening_forms)} open a "
                           f"case, {len(ctx.joining_forms)} added to {reference or '-'}")


def log_forms(ctx: MessageContext, session: Session, cfg, cases: list[Case], now: datetime) -> None:
    """After the store step: fill the named case from the forms that join it, tell the Manager of new cases, and
    write what became of each attached file into ``ctx.form_lines`` for the confirmation."""
    actor = f"email:{(ctx.facts.from_address or '').lower()}"
    for case, p in zip(cases, ctx.opening_forms):
        queue_new_referral(session, cfg, case, now)
        linked = f" (linked to {ctx.linked_case})" if ctx.linked_case else ""
        ctx.form_lines.append(f"{p.file.name or 'a form'}: opened a new case, {case.reference}{linked}")
    for case in ctx.existing_cases:  # processed again: the case this form opened before
        ctx.form_lines.append(f"a form: already logged as {case.reference}")
    if ctx.joining_forms:
        case = _case(session, named_case(ctx, session, cfg))
        added, conflicts, moved, _ = apply_answers(session, cfg, case, [p.result.record for p in ctx.joining_forms],
                                                   None, actor, now)
        names = ", ".join(p.file.name or "a form" for p in ctx.joining_forms)
        ctx.form_lines.append(f"{names}: added to {case.reference} ({len(added)} answer(s) filled, "
                              f"{len(conflicts)} conflict(s) kept for you to check)" + (
                                  "; " + "; ".join(moved) if moved else ""))
        ctx.case_refs.append(case.reference)
    for p in ctx.parsed:
        if p.result.status != "parsed":
            ctx.form_lines.append(f"{p.file.name or 'a file'}: could not be read as a referral form ({p.result.reason})")
