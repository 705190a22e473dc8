"""What a person needs to act on a case, for the Manager's and the Chair's emails (pure but for one query).

``case_summary`` reads a case and its deadlines into plain words: what happened and when, who referred it,
what is missing, every clock with its due date, the next group meeting. Names only with
``privacy.include_names`` (and never for the Chair: his copy leaves names out whatever the setting).

``reply_help`` says how the person can act by reply: the commands that fit the email and its token line when
emailed commands are on; otherwise that replies are not read, and whom to ask instead.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import bindparam
from sqlmodel import Session, select

from intake.privacy import child_label
from intake.store.db import flush_for
from intake.store.models import Case, Deadline
from notifier.deadlines_store import clocks_written_now, untrusted_for_case
from notifier.reply_commands import COMMANDS_FOR, reply_help  # noqa: F401 (re-exported)
from notifier.wording import day, distance
from notifier.workdays import WorkingCalendar
from parsers.fields import label_of

INCIDENT_TYPES = {"death": "death of a child", "serious_harm": "serious harm to a child",
                  "lac_death": "death of a looked-after child", "care_leaver_death": "death of a care leaver",
                  "other": "other (see the form)"}
ANCHOR_WORDS = {"incident.date_la_aware": "the date the local authority became aware",
                "incident.date": "the incident date", "received": "the date the referral was received",
                "notification_sent": "the date the Panel was notified", "lcspr_decision": "the date of the LCSPR decision",
                "publication_planned": "the planned publication date", "action_agreed": "the date the action was agreed"}


# a case's clocks, in the order they fall due (built once: run for every Manager's email)
_DEADLINES = select(Deadline).where(Deadline.case_id == bindparam("case_id")).order_by(Deadline.due, Deadline.clock)


def _yes_no(value) -> str:
    return {True: "yes", False: "no"}.get(value, "not given")


def next_meeting(meeting_dates, today: date) -> str:
    later = sorted(d for d in meeting_dates if d >= today)
    return day(later[0]) if later else "no date set (ask the administrator to add the group's meeting dates)"


def case_summary(session: Session, case: Case, cfg, cal: WorkingCalendar, today: date, meeting_dates=(),
                 names: bool | None = None) -> dict:
    record = json.loads(case.record_json or "{}")
    incident = record.get("incident") or {}
    referrer = record.get("referrer") or {}
    lead = record.get("safeguarding_lead") or {}

    deadlines = clocks_written_now(session, case.id)  # (a case created in this transaction: its clocks as written)
    if deadlines is not None:
        deadlines = sorted(deadlines, key=lambda d: (d.due, d.clock))
    else:
        with flush_for(session, Deadline):  # (the message's other pending rows wait for its commit, written together)
            deadlines = session.exec(_DEADLINES, params={"case_id": case.id}).all()
    c1 = next((d for d in deadlines if d.clock == "C1"), None)
    if incident.get("date_la_aware") and not (c1 is not None and c1.estimated):
        aware = day(incident["date_la_aware"])
    elif incident.get("date_la_aware"):
        aware = (f"{day(incident['date_la_aware'])} on the form, which cannot be right - C1 estimated from "
                 f"{ANCHOR_WORDS.get(c1.anchor, c1.anchor)} ({day(c1.anchor_date)})")
    elif c1 is not None:
        aware = f"not given - C1 estimated from {ANCHOR_WORDS.get(c1.anchor, c1.anchor)} ({day(c1.anchor_date)})"
    else:
        aware = "not given"
    include = cfg.privacy.include_names if names is None else names
    return {
        "reference": case.reference,
        "child": child_label(case, include),
        "status": case.status.replace("_", " "),
        "received": day(case.received_at.astimezone(cfg.tz).date()),
        "incident_type": INCIDENT_TYPES.get(incident.get("type"), "not given"),
        "incident_date": day(incident.get("date")),
        "aware": aware,
        "agency": referrer.get("agency") or "not given",
        "role": referrer.get("role") or "not given",
        "lead_agreed": _yes_no(lead.get("discussed")),
        "missing": [label_of(m) for m in json.loads(case.missing_json or "[]")],
        "clocks": [{"clock": d.clock, "title": d.title, "due": day(d.due), "due_iso": d.due.isoformat(),
                    "estimated": d.estimated, "status": d.status,
                    "distance": distance(d.due, today, cal) if d.status == "open" else d.status}
                   for d in deadlines],
        "meeting": next_meeting(meeting_dates, today),
        # form dates that start no clock (implausible): the Manager checks them with the referrer
        "checks": [f"{label_of(name)}: {day(_form_value(record, name))} on the form is {why}; not used for the "
                   "deadlines until it is checked" for name, why in untrusted_for_case(case, cfg.tz).items()],
    }


def _form_value(record: dict, name: str):
    node = record
    for part in name.split("."):
        node = (node or {}).get(part) if isinstance(node, dict) else None
    return node
