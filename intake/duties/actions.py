"""What a person can record about a case, as plain functions the CLI and emailed commands share.

Each runs inside the caller's session (the caller commits) and writes an audit
event saying who did it and how ("cli", or "email:manager@...").
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlmodel import Session, select

from intake.store.models import AuditEvent, Case, Deadline
from notifier.deadlines_store import (
    move_due,
    paused_since,
    paused_working_days,
    resume_rule,
    sync_deadlines,
    working_calendar,
)
from notifier.outbox import supersede


class ActionError(ValueError):
    """The action cannot be applied (unknown case or clock, a value or date that cannot be right); the message says why."""


# The decisions a Rapid Review can reach (issue 14), and the wordings of DESIGN 2.4 and the emailed DECISION
# command. LCSPR (and the empty value of records made before this list) starts the 6-month clock C7.
DECISIONS = {
    "no_review": "no further review",
    "rapid_review_only": "the Rapid Review is the learning; no LCSPR",
    "lcspr": "a Local Child Safeguarding Practice Review (starts C7)",
    "national_review": "a national review by the Panel",
    "other_learning_review": "another local learning review",
    "single_agency_review": "a single-agency review",
}
DECISION_ALIASES = {"nfa": "no_review", "none": "no_review", "no_further_action": "no_review",
                    "other": "other_learning_review", "single": "single_agency_review",
                    "single_agency": "single_agency_review", "rapid_review": "rapid_review_only",
                    "national": "national_review"}
# Things that happened: their date cannot be later than today. A planned publication date, an extension's new
# due date and an action's due date lie ahead and are not in this list.
HAPPENED = {"met": "met", "paused": "paused", "resumed": "resumed", "waived": "waived",
            "notification_sent": "the Panel notified", "decision": "the decision made", "lcspr_started": "the LCSPR started"}
NEEDS_REASON = ("waived", "paused", "extended")


def decision_value(text: str | None) -> str:
    """The decision's canonical value (``lcspr``, ``no_review`` ...) from any of its accepted wordings."""
    key = "_".join((text or "").strip().lower().replace("-", " ").split())
    key = DECISION_ALIASES.get(key, key)
    if key not in DECISIONS:
        given = f"{text!r} is not a decision" if (text or "").strip() else "a decision needs its value"
        raise ActionError(f"{given}; use one of {', '.join(list(DECISIONS)[:4])} "
                          f"(or {', '.join(list(DECISIONS)[4:])})")
    return key


def check_happened(what: str, on: date, now: datetime, tz=None) -> None:
    """Refuse a date later than today (in the organisation's timezone) for something that has happened."""
    from zoneinfo import ZoneInfo

    today = now.astimezone(tz or ZoneInfo("Europe/London")).date()
    if what in HAPPENED and on > today:
        raise ActionError(f"{on.isoformat()} is after today ({today.isoformat()}): record {HAPPENED[what]} on the day it "
                          "happened, not ahead")


def check_reason(action: str, reason: str | None) -> None:
    if action in NEEDS_REASON and not (reason or "").strip():
        verb = {"waived": "waiving", "paused": "pausing", "extended": "extending"}[action]
        raise ActionError(f"{verb} a deadline needs its reason (e.g. \"criminal proceedings\" or \"Panel agreed\")")


def check_command(cmd, now: datetime, tz) -> None:
    """An emailed command (intake.duties.commands.Command) checked as the command line checks the same action, before any
    command of the reply changes anything: a reason where one is needed, no date after today for what happened."""
    today = now.astimezone(tz).date()
    action = {"DONE": "met", "PAUSE": "paused", "WAIVE": "waived", "RESUME": "resumed", "EXTEND": "extended",
              "NOTIFIED": "notification_sent", "DECISION": "decision"}.get(cmd.verb)
    if action is None:
        return
    check_reason(action, cmd.value)
    check_happened(action, cmd.on or today, now, tz)


def find_case(session: Session, reference: str) -> Case:
    """The case with this reference, whatever its letter case (``sirg-2026-0002`` finds SIRG-2026-0002)."""
    case = session.exec(select(Case).where(Case.reference == reference.strip().upper())).first()
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
    check_reason(action, reason)
    check_happened(action, on, now, cfg.tz if cfg is not None else None)
    row = _deadline(session, case, clock)
    if action == "met" and row.status == "met" and row.met_on == on:
        return row  # recorded already (NOTIFIED marks C1 met as the notification_sent event does): no second entry
    if action == "paused" and row.status != "open":
        raise ActionError(f"{case.reference} {row.clock} is {row.status}, not open: only an open deadline can be paused")
    if action == "resumed" and row.status != "paused":
        raise ActionError(f"{case.reference} {row.clock} is not paused")
    extra = {}
    if action == "resumed" and cfg is not None:
        if resume_rule(cfg, row.clock) == "extend":
            paused_on = paused_since(row)
            extra["paused_working_days"] = paused_working_days(cfg, paused_on, on) if paused_on else 0
    if action in ("met", "waived", "paused"):
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
        new_due = working_calendar(cfg).add(row.due, extra["paused_working_days"])
        move_due(session, case, row, new_due, actor, now, what="moved", because="resumed",
                 paused_working_days=extra["paused_working_days"])
    return row


def extend(session: Session, case: Case, clock: str, to: date, reason: str, actor: str, now: datetime) -> Deadline:
    """A Panel-agreed extension: the deadline is due on ``to`` (later than now), re-armed, and audited with the reason."""

    row = _deadline(session, case, clock)
    if row.status not in ("open", "paused"):
        raise ActionError(f"{case.reference} {row.clock} is {row.status}: only an open or paused deadline can be extended")
    if not (reason or "").strip():
        raise ActionError("an extension needs its reason (e.g. the Panel's agreement)")
    if to <= row.due:
        raise ActionError(f"{case.reference} {row.clock} is due {row.due.isoformat()}: an extension must be later")
    move_due(session, case, row, to, actor, now, what="extended", reason=reason)
    return row


def record_event(session: Session, case: Case, event: str, on: date, value: str | None, actor: str, now: datetime, cfg) -> list[Deadline]:
    """decision | notification_sent | lcspr_started | publication_planned: creates or moves deadlines.

    The same checks for the command line and emailed commands: a decision's value from DECISIONS; no date later than
    today for what has happened (a planned publication may be ahead); notification_sent marks C1 met, as NOTIFIED
    does."""

    if event not in ("decision", "notification_sent", "lcspr_started", "publication_planned"):
        raise ActionError(f"{event!r} is not an event; use decision, notification_sent, lcspr_started or publication_planned")
    if event == "decision":
        value = decision_value(value)
    elif value is not None and str(value).strip():
        raise ActionError(f"{event} takes no value; only a decision does")
    else:
        value = None
    check_happened(event, on, now, cfg.tz)
    session.add(AuditEvent(at=now, actor=actor, action="event", case_id=case.id,
                           detail=json.dumps({"event": event, "on": on.isoformat(), "value": value})))
    if event == "decision":
        case.status = f"decision:{value}"
        session.add(case)
    session.flush()
    rows = sync_deadlines(session, case, now, cfg, actor=actor)
    if event == "notification_sent":
        c1 = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C1")).first()
        if c1 is not None and c1.status in ("open", "paused"):
            mark(session, case, "C1", "met", on, "Panel notified", actor, now, cfg)
    return rows


def add_note(session: Session, case: Case, text: str, actor: str, now: datetime) -> None:
    session.add(AuditEvent(at=now, actor=actor, action="note", case_id=case.id, detail=json.dumps({"text": text[:10000]})))
