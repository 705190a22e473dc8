"""`intake referral REF` for a person: the case in sections, only the answers the form gave, its clocks and what
happened, in words. (`--json` keeps the machine form; it is built in intake.cli.program.)"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlmodel import Session, select

from intake.store.models import AuditEvent, Case, Deadline
from notifier.wording import day, distance, moment

SECTIONS = (("referrer", "Referrer"), ("safeguarding_lead", "Safeguarding lead"), ("children", "Child"),
            ("incident", "Incident"), ("criteria", "Criteria for a review"))
LABELS = {"dob": "date of birth", "gp": "GP", "cp_plan": "child protection plan", "open_to_csc": "open to children's "
          "social care", "date_la_aware": "date the local authority became aware", "police_involved": "police involved",
          "date_panel_notified": "date the national Panel was notified", "panel_notified": "national Panel notified",
          "discussed": "referral discussed with the lead", "died_or_seriously_harmed": "child died or seriously harmed",
          "abuse_or_neglect_suspected": "abuse or neglect suspected", "multi_agency_learning": "multi-agency learning",
          "date_of_referral": "date of referral", "agencies_involved": "agencies involved", "form": None}
EVENTS = {"case_created": "case opened from the referral email", "deadline_created": "clock started",
          "deadline_met": "deadline met", "deadline_moved": "due date moved", "rearmed": "reminders re-armed",
          "action_created": "action recorded", "action_plan_read": "action plan read", "answers_held": "answers held "
          "(sender may not change the case)", "rapid_review_convened": "Rapid Review meeting set"}


def label(name: str) -> str | None:
    if name in LABELS:
        return LABELS[name]
    return name.replace("_", " ")


def shown(value) -> str | None:
    """A stored answer in words; None for an empty one."""
    if value is None or value == "" or value == []:
        return None
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        items = [shown(v) if not isinstance(v, dict) else ", ".join(f"{label(k)}: {shown(x)}" for k, x in v.items()
                                                                     if shown(x) is not None) for v in value]
        return "; ".join(i for i in items if i) or None
    if isinstance(value, dict):
        return ", ".join(f"{label(k)}: {shown(v)}" for k, v in value.items() if shown(v) is not None) or None
    return str(value).replace("_", " ") if isinstance(value, str) and value.isidentifier() else str(value)


def answered(fields: dict) -> list[tuple[str, str]]:
    return [(label(k), shown(v)) for k, v in fields.items() if label(k) and shown(v) is not None]


def record_sections(record: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(label, answer)]) for each part of the record that has answers; nothing for empty fields."""
    out = []
    for key, heading in SECTIONS:
        value = record.get(key)
        if key == "children":
            for i, child in enumerate(value or [], 1):
                rows = answered(child)
                if rows:
                    out.append((f"{heading} {i}" if len(value) > 1 else heading, rows))
        elif isinstance(value, dict) and answered(value):
            out.append((heading, answered(value)))
    rest = {k: v for k, v in record.items() if k not in dict(SECTIONS)}
    if answered(rest):
        out.append(("Other answers", answered(rest)))
    return out


def clock_line(d: Deadline, today: date, cal) -> str:
    if d.status == "met":
        state = f"met on {day(d.met_on)}" if d.met_on else "met"
    elif d.status in ("waived", "paused"):
        state = d.status
    else:
        state = distance(d.due, today, cal)
    estimated = " (estimated: the form did not give the date it starts from)" if d.estimated else ""
    return f"  {d.clock:4} {d.title}: due {day(d.due)}, {state}{estimated}"


def event_line(e: AuditEvent, tz) -> str:
    try:
        detail = json.loads(e.detail or "{}")
    except ValueError:
        detail = {}
    what = EVENTS.get(e.action, e.action.replace("_", " "))
    clock = f" {detail['clock']}" if isinstance(detail, dict) and detail.get("clock") else ""
    at = e.at if e.at.tzinfo else e.at.replace(tzinfo=timezone.utc)  # stored in UTC
    return f"  {moment(at, tz)}: {what}{clock} ({e.actor})"


def summary_lines(row: dict, extra: list[str], deadlines: list[Deadline], events: list[AuditEvent], tz, today: date,
                  cal) -> list[str]:
    """The whole readable view of one case (``row`` is the case's JSON form)."""
    received = datetime.fromisoformat(row["received_at"])
    out = [f"{row['reference']} ({row['initials'] or 'no initials'}): {row['status'].replace('_', ' ')}",
           f"received {moment(received, tz)} from {row['referrer_email'] or 'an unknown sender'}",
           "missing answers: " + (", ".join(row["missing"]) or "none")]
    out += [f"warning: {w}" for w in row["warnings"]]
    if row["linked_to"]:
        out.append(f"linked to {row['linked_to']} (its form arrived in that case's thread)")
    if row["linked_cases"]:
        out.append(f"linked cases: {', '.join(row['linked_cases'])}")
    out += extra
    for heading, rows in record_sections(row["record"]):
        out += ["", heading] + [f"  {name[0].upper() + name[1:]}: {_indent(value)}" for name, value in rows]
    out += ["", "Clocks"] + ([clock_line(d, today, cal) for d in deadlines] or ["  none started"])
    out += ["", "What happened"] + [event_line(e, tz) for e in events]
    if row.get("sources"):
        out += ["", "where each answer was read on the form:"]
        out += [f"  {path}: {src['label']!r} [{src['at']}]" for path, src in row["sources"].items()]
    out += ["", "(intake referral REF --json gives every field, the empty ones too, for scripts)"]
    return out


def _indent(text: str) -> str:
    return "\n    ".join(line for line in text.splitlines() if line.strip()) if "\n" in text else text


def case_history(session: Session, case: Case) -> tuple[list[Deadline], list[AuditEvent]]:
    deadlines = session.exec(select(Deadline).where(Deadline.case_id == case.id)
                             .order_by(Deadline.due, Deadline.clock)).all()
    events = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id)
                          .order_by(AuditEvent.at, AuditEvent.id)).all()
    return list(deadlines), list(events)
