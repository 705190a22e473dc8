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


def mark(session: Session, case: Case, clock: str, action: str, on: date, reason: str, actor: str, now: datetime) -> Deadline:
    """action: met | waived | paused | resumed."""
    row = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == clock.upper())).first()
    if row is None:
        raise ActionError(f"case {case.reference} has no deadline {clock.upper()}")
    if action in ("met", "waived", "paused"):
        from notifier.outbox import supersede

        for kind in ("reminder", "escalation"):  # an alert still waiting for the mail server is no longer true
            supersede(session, f"{kind}:{case.reference}:{row.clock}:", f"deadline {action}", now)
    row.status = {"met": "met", "waived": "waived", "paused": "paused", "resumed": "open"}[action]
    if action == "met":
        row.met_on = on
    history = json.loads(row.history)
    history.append({"at": now.isoformat(), "by": actor, "what": action, "on": on.isoformat(), "reason": reason})
    row.history = json.dumps(history)
    session.add(row)
    session.add(AuditEvent(at=now, actor=actor, action=f"deadline_{action}", case_id=case.id,
                           detail=json.dumps({"clock": row.clock, "on": on.isoformat(), "reason": reason})))
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
