"""What a person can record about a case, as plain functions the CLI and emailed commands share.

Each runs inside the caller's session (the caller commits) and writes an audit
event saying who did it and how ("cli", or "email:manager@...").
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlmodel import Session, select

from intake.models import AuditEvent, Case, Deadline


class ActionError(ValueError):
    """The action cannot be applied (unknown case or clock); the message says why."""


def find_case(session: Session, reference: str) -> Case:
    case = session.exec(select(Case).where(Case.reference == reference.upper())).first()
    if case is None:
        raise ActionError(f"no case with reference {reference}")
    return case


def _deadline(session: Session, case: Case, clock: str) -> Deadline:
    row = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == clock.upper())).first()
    if row is None:
        raise ActionError(f"case {case.reference} has no deadline {clock.upper()}")
    return row


def mark(session: Session, case: Case, clock: str, action: str, on: date, reason: str, actor: str, now: datetime,
         cfg=None) -> Deadline:
    """action: met | waived | paused | resumed. With ``cfg``, RESUME moves the due date later by the working days
    spent paused (from the pause date up to, not including, the resume date), unless the clock's rule says
    ``on_resume = "keep"``; the deadline is re-armed."""
    row = _deadline(session, case, clock)
    if action == "paused" and row.status != "open":
        raise ActionError(f"{case.reference} {row.clock} is {row.status}, not open: only an open deadline can be paused")
    if action == "resumed" and row.status != "paused":
        raise ActionError(f"{case.reference} {row.clock} is not paused")
    extra = {}
    if action == "resumed" and cfg is not None:
        from notifier.deadlines_store import paused_working_days, resume_rule

        if resume_rule(cfg, row.clock) == "extend":
            paused_on = paused_since(row)
            extra["paused_working_days"] = paused_working_days(cfg, paused_on, on) if paused_on else 0
    if action in ("met", "waived", "paused"):
        from notifier.outbox import supersede

        for kind in ("reminder", "escalation"):  # an alert still waiting for the mail server is no longer true
            supersede(session, f"{kind}:{case.reference}:{row.clock}:", f"deadline {action}", now)
    row.status = {"met": "met", "waived": "waived", "paused": "paused", "resumed": "open"}[action]
    if action == "met":
        row.met_on = on
    history = json.loads(row.history)
    history.append({"at": now.isoformat(), "by": actor, "what": action, "on": on.isoformat(), "reason": reason, **extra})
    row.history = json.dumps(history)
    session.add(row)
    session.add(AuditEvent(at=now, actor=actor, action=f"deadline_{action}", case_id=case.id,
                           detail=json.dumps({"clock": row.clock, "on": on.isoformat(), "reason": reason, **extra})))
    if extra.get("paused_working_days"):
        from notifier.deadlines_store import move_due, working_calendar

        new_due = working_calendar(cfg).add(row.due, extra["paused_working_days"])
        move_due(session, case, row, new_due, actor, now, what="moved", because="resumed",
                 paused_working_days=extra["paused_working_days"])
    return row


def paused_since(row: Deadline) -> date | None:
    """The date of the pause in force (the last PAUSE in the deadline's history)."""
    for entry in reversed(json.loads(row.history)):
        if entry.get("what") == "paused":
            return date.fromisoformat(entry["on"])
    return None


def pause_reason(row: Deadline) -> str:
    for entry in reversed(json.loads(row.history)):
        if entry.get("what") == "paused":
            return entry.get("reason") or ""
    return ""


def extend(session: Session, case: Case, clock: str, to: date, reason: str, actor: str, now: datetime) -> Deadline:
    """A Panel-agreed extension: the deadline is due on ``to`` (later than now), re-armed, and audited with the reason."""
    from notifier.deadlines_store import move_due

    row = _deadline(session, case, clock)
    if row.status not in ("open", "paused"):
        raise ActionError(f"{case.reference} {row.clock} is {row.status}: only an open or paused deadline can be extended")
    if not reason.strip():
        raise ActionError("an extension needs its reason (e.g. the Panel's agreement)")
    if to <= row.due:
        raise ActionError(f"{case.reference} {row.clock} is due {row.due.isoformat()}: an extension must be later")
    move_due(session, case, row, to, actor, now, what="extended", reason=reason)
    return row


def record_event(session: Session, case: Case, event: str, on: date, value: str | None, actor: str, now: datetime, cfg) -> list[Deadline]:
    """decision | notification_sent | lcspr_started | publication_planned: creates or moves deadlines."""
    from notifier.deadlines_store import sync_deadlines

    session.add(AuditEvent(at=now, actor=actor, action="event", case_id=case.id,
                           detail=json.dumps({"event": event, "on": on.isoformat(), "value": value})))
    if event == "decision" and value:
        case.status = f"decision:{value.lower()}"
        session.add(case)
    session.flush()
    return sync_deadlines(session, case, now, cfg, actor=actor)


def add_note(session: Session, case: Case, text: str, actor: str, now: datetime) -> None:
    session.add(AuditEvent(at=now, actor=actor, action="note", case_id=case.id, detail=json.dumps({"text": text[:10000]})))
