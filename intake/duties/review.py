"""Commissioned reviews (issue 16 part 4): the LCSPR's reviewer and milestones.

The milestones are clock rules anchored on the LCSPR decision, like C7 (see notifier.deadlines DEFAULT_RULES:
L1 terms of reference agreed, L2 first draft, L3 final report; publication is C7, and C8 the final report's
sending to the Panel), so they are created, moved, reminded about, met (``intake mark REF L2``, emailed
``DONE L2``), paused and extended as every other deadline is, and configurable under ``[deadlines.rules.L1]``.

The reviewer (author) is recorded on the case as an audit event ``reviewer_appointed``; a later appointment
replaces an earlier one (recorded too).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from intake.duties.actions import ActionError
from intake.store.models import AuditEvent, Case, Deadline
from notifier.wording import day, distance

APPOINTED = "reviewer_appointed"
MILESTONES = ("L1", "L2", "L3", "C7")   # in order; C7 is publication


@dataclass(frozen=True)
class Reviewer:
    name: str
    email: str
    on: date


def reviewer_of(session: Session, case: Case) -> Reviewer | None:
    event = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id, AuditEvent.action == APPOINTED)
                         .order_by(AuditEvent.id.desc())).first()
    if event is None:
        return None
    d = json.loads(event.detail)
    return Reviewer(d["name"], d["email"], date.fromisoformat(d["on"]))


def appoint(session: Session, case: Case, name: str, email: str, on: date, actor: str, now: datetime) -> Reviewer:
    """Record the LCSPR's reviewer. The case must have an LCSPR decision (its milestones run from it)."""
    name = " ".join((name or "").split())
    email = (email or "").strip().lower()
    if not name:
        raise ActionError("the reviewer needs a name (--reviewer \"Dr A Reviewer\")")
    if "@" not in email or "." not in email.rsplit("@", 1)[-1]:
        raise ActionError(f"{email!r} is not an email address; give the reviewer's, e.g. --email a.reviewer@example.org")
    has_c7 = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C7")).first()
    if has_c7 is None:
        raise ActionError(f"{case.reference} has no LCSPR decision; record it first: intake event {case.reference} "
                          "decision --value lcspr --on DATE")
    current = reviewer_of(session, case)
    if current is not None and (current.name, current.email, current.on) == (name, email, on):
        return current  # recorded already: running the command again changes nothing
    session.add(AuditEvent(at=now, actor=actor, action=APPOINTED, case_id=case.id,
                           detail=json.dumps({"name": name, "email": email, "on": on.isoformat()})))
    return Reviewer(name, email, on)


def milestone_rows(session: Session, case: Case) -> list[Deadline]:
    rows = {d.clock: d for d in session.exec(select(Deadline).where(Deadline.case_id == case.id,
                                                                   Deadline.clock.in_(MILESTONES)))}
    return [rows[c] for c in MILESTONES if c in rows]


def pack_lines(session: Session, cfg, today: date, cal) -> list[dict]:
    """The Chair's meeting pack: one line per LCSPR in progress: the reviewer, the next milestone, any overdue."""

    lines = []
    case_ids = {d.case_id for d in session.exec(select(Deadline).where(Deadline.clock == "C7",
                                                                      Deadline.status.in_(["open", "paused"])))}
    for case in session.exec(select(Case).where(Case.id.in_(case_ids)).order_by(Case.year, Case.seq)):
        rows = milestone_rows(session, case)
        open_rows = [d for d in rows if d.status == "open"]
        nxt = open_rows[0] if open_rows else None
        overdue = [d for d in open_rows if d.due < today]
        reviewer = reviewer_of(session, case)
        lines.append({
            "case": case.reference, "child": case.initials or "?",
            "reviewer": reviewer.name if reviewer else "not yet appointed",
            "next": f"{nxt.clock} {nxt.title}, due {day(nxt.due)} ({distance(nxt.due, today, cal)})" if nxt else "none open",
            "overdue": ", ".join(f"{d.clock} ({distance(d.due, today, cal)})" for d in overdue),
            "rag": "red" if overdue else "green"})
    return lines
