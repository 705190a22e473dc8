"""Deadline rows: created when a case is stored or an event is recorded; history kept on each row."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import insert
from sqlmodel import Session, select

from intake.store.audit import audit_row, write_audit
from intake.store.models import AuditEvent, Case, Deadline
from notifier.deadlines import CHECKED_DATES, compute, referred_late, rules_from_config, untrusted_dates
from notifier.late_referral import LATE, queue_late_referral
from notifier.workdays import WorkingCalendar


def working_calendar(cfg) -> WorkingCalendar:
    return rules_from_config(cfg.deadlines)[1]


def resume_rule(cfg, clock: str) -> str:
    """"extend" (default) or "keep": what RESUME does to this clock's due date."""
    rules = {r.id: r for r in rules_from_config(cfg.deadlines)[0]}
    return rules[clock].on_resume if clock in rules else "extend"


def paused_working_days(cfg, paused_on: date, resumed_on: date) -> int:
    """Working days from the pause date up to, not including, the resume date."""
    cal, d, n = working_calendar(cfg), paused_on, 0
    while d < resumed_on:
        n += cal.is_working_day(d)
        d = date.fromordinal(d.toordinal() + 1)
    return n


def adjusted_due(row: Deadline, computed_due: date, cal: WorkingCalendar) -> date:
    """The computed due date as the deadline's history has changed it, in order: a Panel-agreed extension sets
    the date, and each extending RESUME adds the working days spent paused."""
    due = computed_due
    for entry in json.loads(row.history):
        if entry.get("what") == "extended":
            due = date.fromisoformat(entry["due"])
        elif entry.get("what") == "resumed" and entry.get("paused_working_days"):
            due = cal.add(due, entry["paused_working_days"])
    return due


def untrusted_for_case(case: Case, tz) -> dict[str, str]:
    """The case's form dates that are not used for a clock (see notifier.deadlines.untrusted_dates)."""
    births = []
    for child in json.loads(case.record_json).get("children") or []:
        try:
            births.append(date.fromisoformat(child.get("dob") or ""))
        except (TypeError, ValueError, AttributeError):
            pass
    notified = None
    try:
        notified = date.fromisoformat(json.loads(case.record_json).get("date_panel_notified") or "")
    except (TypeError, ValueError, AttributeError):
        pass
    return untrusted_dates({"incident.date_la_aware": case.date_la_aware, "incident.date": case.incident_date,
                            "date_panel_notified": notified}, births, case.received_at.astimezone(tz).date())


def _with_untrusted(case: Case, tz) -> tuple[list[str], dict[str, str], list[tuple[str, str]]]:
    """The case's warnings with one for each form date that starts no clock (a date since corrected loses its
    warning), its untrusted dates, and those whose warning was not there yet."""
    untrusted = untrusted_for_case(case, tz)
    # a date that has since been corrected loses its warning
    warnings = [w for w in json.loads(case.warnings_json)
                if not (w.split(" ", 1)[0] in CHECKED_DATES and " not used for the deadlines: " in w
                        and w.split(" ", 1)[0] not in untrusted)]
    added = []
    for name, why in untrusted.items():
        runs = ("C4 runs from the date the local authority became aware" if name == "date_panel_notified"
                else "the clocks run from the received date (estimated)")
        text = f"{name} not used for the deadlines: {why}; {runs} until it is checked"
        if text not in warnings:
            warnings.append(text)
            added.append((name, why))
    return warnings, untrusted, added


def warn_untrusted_dates(case: Case, tz) -> None:
    """A new case, before its INSERT: the warnings about its untrusted dates go in with it (``note_untrusted`` would
    otherwise put them on it after, one UPDATE more per such case; it still writes their audit rows, ``new``)."""
    warnings, _, added = _with_untrusted(case, tz)
    if added:
        case.warnings_json = json.dumps(warnings)


def note_untrusted(session: Session, case: Case, tz, now: datetime, actor: str, audit: list[dict] | None = None,
                   new: bool = False) -> None:
    """Put a warning on the case for each form date that starts no clock (once per date and reason). Its audit rows
    go to ``audit`` when given (the caller writes them), else are written now. ``new``: the case was created in this
    transaction, so each of its untrusted dates is noted now, whether or not its warning was put on the case before
    its INSERT (``warn_untrusted_dates``)."""
    rows = [] if audit is None else audit
    warnings, untrusted, added = _with_untrusted(case, tz)
    for name, why in (untrusted.items() if new else added):
        rows.append(audit_row(now, actor, "date_not_trusted", case.id, json.dumps({"field": name, "reason": why})))
    if audit is None:
        write_audit(session, rows)
    if json.dumps(warnings) != case.warnings_json:
        case.warnings_json = json.dumps(warnings)
        session.add(case)


def anchor_dates(case: Case, session: Session, tz, new: bool = False) -> dict[str, date | None]:
    """The dates the clocks run from: the form's (those trusted), the received date, and the events recorded on the
    case (``new``: a case created in this transaction has none, and is not asked for them)."""
    record = json.loads(case.record_json)
    dates: dict[str, date | None] = {
        "incident.date_la_aware": case.date_la_aware, "incident.date": case.incident_date,
        "received": case.received_at.astimezone(tz).date(),
    }
    untrusted = untrusted_for_case(case, tz)
    if record.get("date_panel_notified") and "date_panel_notified" not in untrusted:
        dates["notification_sent"] = date.fromisoformat(record["date_panel_notified"])
    for name in untrusted:
        if name in dates:
            dates[name] = None  # kept in the record, never a clock's anchor
    events = () if new else session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                                   AuditEvent.action == "event").order_by(AuditEvent.id))
    for ev in events:
        detail = json.loads(ev.detail)
        name = detail["event"]
        if name == "decision" and (detail.get("value") or "").lower() in ("lcspr", ""):
            name = "lcspr_decision"
        if name == "lcspr_started":
            name = "lcspr_decision"
        dates[name] = date.fromisoformat(detail["on"])
    return dates


def move_due(session: Session, case: Case, row: Deadline, new_due: date, actor: str, now: datetime, what: str = "moved",
             **extra) -> None:
    """Give ``row`` a new due date, in its history and the audit trail. Reminder and escalation keys carry the due
    date, so this re-arms the deadline: its stages start afresh against the new date."""
    history = json.loads(row.history)
    entry = {"at": now.isoformat(), "by": actor, "what": what, "from": row.due.isoformat(), "due": new_due.isoformat(),
             "rearmed": True, **extra}
    history.append(entry)
    row.history = json.dumps(history)
    session.add(AuditEvent(at=now, actor=actor, action=f"deadline_{what}", case_id=case.id,
                           detail=json.dumps({"clock": row.clock, "from": row.due.isoformat(), "due": new_due.isoformat(),
                                              "rearmed": True, **extra})))
    row.due = new_due
    session.add(row)


def sync_deadlines(session: Session, case: Case, now: datetime, cfg, actor: str = "intake",
                   new: bool = False) -> list[Deadline]:
    """Create missing deadlines and move open and paused ones whose anchor changed (audited). Idempotent.
    ``new``: the case was created in this transaction (no events, no deadlines yet: neither is queried); its clocks
    are then written in one statement (``write_clocks``; returned without ids) unless one was referred late."""
    rules, cal, _ = rules_from_config(cfg.deadlines)
    audit: list[dict] = []  # this step's audit rows, written together (``write_audit``), in order
    note_untrusted(session, case, cfg.tz, now, actor, audit, new=new)
    received = case.received_at.astimezone(cfg.tz).date()
    computed = referred_late(compute(rules, anchor_dates(case, session, cfg.tz, new), cal), rules, received, cal)
    existing = {} if new else {d.clock: d for d in session.exec(select(Deadline).where(Deadline.case_id == case.id))}
    rows, late, made = [], [], []
    for c in computed:
        row = existing.get(c.clock)
        if c.referred_late and (row is None or row.status in ("open", "paused")) and not _noted_late(row, c.referred_late):
            late.append((c, row))
        if row is None:
            row = Deadline(case_id=case.id, clock=c.clock, title=c.title, anchor=c.anchor, anchor_date=c.anchor_date,
                           due=c.due, estimated=c.estimated, rule=json.dumps(c.rule),
                           history=json.dumps([{"at": now.isoformat(), "by": actor, "what": "created", "due": c.due.isoformat()}]))
            made.append(row)
            audit.append(audit_row(now, actor, "deadline_created", case.id,
                                   json.dumps({"clock": c.clock, "due": c.due.isoformat(), "anchor": c.anchor})))
        elif row.status in ("open", "paused") and (row.due != adjusted_due(row, c.due, cal) or row.anchor != c.anchor):
            # a paused clock's base due date follows its anchor as an open one does: RESUME then adds the working
            # days paused to the corrected date, not to a stale one
            row.anchor, row.anchor_date, row.estimated = c.anchor, c.anchor_date, c.estimated
            write_audit(session, audit)  # (move_due's row comes after those)
            audit.clear()
            move_due(session, case, row, adjusted_due(row, c.due, cal), actor, now, anchor=c.anchor)
        rows.append(row)
    if new and not late:
        write_clocks(session, made)
    else:
        session.add_all(made)
    write_audit(session, audit)
    if late:
        session.flush()
        by_clock = {r.clock: r for r in rows}
        for c, _ in late:
            _note_late(session, case, by_clock[c.clock], c.referred_late, actor, now)
        queue_late_referral(session, cfg, case, [(c, by_clock[c.clock].due) for c, _ in late], now)
    return rows


_INSERT_CLOCKS = insert(Deadline.__table__)
_CLOCK_COLUMNS = [c.name for c in Deadline.__table__.columns if c.name != "id"]


def write_clocks(session: Session, rows: list[Deadline]) -> None:
    """The clocks of a case created in this transaction, inserted in one statement (executemany) instead of one
    ``INSERT ... RETURNING`` each through the ORM: nothing in that transaction needs their ids. ``rows`` stay outside
    the session, without ids; they are kept for the rest of this transaction (``clocks_written_now``: the case's
    summary reads them there)."""
    if rows:
        session.execute(_INSERT_CLOCKS, [{name: getattr(row, name) for name in _CLOCK_COLUMNS} for row in rows])
        session.info.setdefault("clocks_written", {})[rows[0].case_id] = (session.get_transaction(), list(rows))


def clocks_written_now(session: Session, case_id: int) -> list[Deadline] | None:
    """The clocks ``write_clocks`` wrote for this case in the session's current transaction, as written (nothing
    else changes a new case's clocks before its commit); None when they were not written so (ask the database)."""
    kept = session.info.get("clocks_written", {}).get(case_id)
    if kept is None or kept[0] is not session.get_transaction():
        return None
    return kept[1]


def _noted_late(row: Deadline | None, statutory_due: date) -> bool:
    return row is not None and any(h.get("what") == LATE and h.get("statutory_due") == statutory_due.isoformat()
                                   for h in json.loads(row.history))


def _note_late(session: Session, case: Case, row: Deadline, statutory_due: date, actor: str, now: datetime) -> None:
    """Record on the clock (and the audit trail) that its statutory due date had passed before the referral arrived."""
    history = json.loads(row.history)
    history.append({"at": now.isoformat(), "by": actor, "what": LATE, "statutory_due": statutory_due.isoformat(),
                    "due": row.due.isoformat()})
    row.history = json.dumps(history)
    session.add(row)
    session.add(AuditEvent(at=now, actor=actor, action="deadline_referred_late", case_id=case.id,
                           detail=json.dumps({"clock": row.clock, "statutory_due": statutory_due.isoformat(),
                                              "due": row.due.isoformat()})))


def create_deadlines_for_case(session: Session, case: Case, now: datetime, cfg) -> None:
    """The clocks of a case just created (in this transaction); it is written first when it has no id yet (the rows
    added with it go in with the next flush, in the order they were added)."""
    if case.id is None:
        session.flush()
    sync_deadlines(session, case, now, cfg, new=True)


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
