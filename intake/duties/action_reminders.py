"""Reminders to action owners: before an action's target date and while it is overdue.

``owner_stage`` is pure: the stage reached today, or None. A reminder's key is
``action_reminder:CASE:CLOCK:DUE:STAGE``, so each is sent once, ever; a new target date (DATE, a new version of
the plan) re-arms it, and after downtime only today's stage is sent. The owner is the plan's address when it is
in an allowed domain, else the agency's configured lead (intake.duties.action_plans.recipient); an action with neither
is not reminded (the Manager still sees it in the briefing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from intake import tokens
from intake.duties.action_plans import OWNER_PURPOSE, recipient
from intake.store.models import ActionItem, Case, Deadline, OutboundEmail
from notifier.compose import build_email, render
from notifier.outbox import enqueue, supersede
from notifier.reply_commands import reply_address, reply_token
from notifier.wording import day, distance
from notifier.workdays import WorkingCalendar

KIND = "action_reminder"


def owner_stage(due: date, today: date, cal: WorkingCalendar, before: int, every: int) -> str | None:
    """'before-N' from N working days before the target date up to it; then, on working days after it,
    'overdue-1', 'overdue-(1+every)', ... (working days late at the stage's start)."""
    if today <= due:
        return f"before-{before}" if cal.add(due, -before) <= today else None
    if not cal.is_working_day(today):
        return None
    late = cal.between(due, today)
    return f"overdue-{(late - 1) // every * every + 1}" if late >= 1 else None


@dataclass(frozen=True)
class OwnerReminder:
    key: str
    to: str
    case: str
    case_id: int
    clock: str
    stage: str


def due_owner_reminders(session: Session, cfg, today: date, cal: WorkingCalendar, sent: set[str]) -> list[OwnerReminder]:
    out = []
    rows = session.exec(select(ActionItem, Deadline, Case).where(
        ActionItem.case_id == Case.id, Deadline.case_id == ActionItem.case_id, Deadline.clock == ActionItem.clock,
        Deadline.status == "open").order_by(Deadline.due, Case.reference, ActionItem.clock)).all()
    for item, deadline, case in rows:
        stage = owner_stage(deadline.due, today, cal, cfg.actions.remind_before, cfg.actions.overdue_every)
        to = recipient(cfg, item)
        if stage is None or to is None:
            continue
        key = f"{KIND}:{case.reference}:{item.clock}:{deadline.due.isoformat()}:{stage}"
        if key not in sent:
            out.append(OwnerReminder(key, to, case.reference, case.id, item.clock, stage))
    return out


def owner_reply_help(cfg, token: str | None, clock: str, today: date) -> dict:
    """``token``: the bare reply token (None: emailed replies are off)."""
    if not token:
        return {"on": False, "commands": [], "token": None, "reply_to": None,
                "ask": f"email {cfg.people.manager_name} ({cfg.people.manager}) with the action's number"}
    return {"on": True, "token": tokens.marker(token), "reply_to": reply_address(cfg, token), "ask": "", "commands": [
        (f"DONE {clock} today", "the action was completed today (or give the date, e.g. yesterday)"),
        (f"PROGRESS {clock} text", "a short progress update (no names of children or families)"),
        (f"DATE {clock} {(today + timedelta(days=28)).isoformat()} reason", "a new target date, and why"),
        ("HELP", "the full list")]}


def queue_owner_reminders(session: Session, cfg, now: datetime, cal: WorkingCalendar, dry_run: bool = False) -> list[dict]:
    """Queue today's owner reminders (once per key); returns them as `intake remind --json` lists them."""

    today = now.astimezone(cfg.tz).date()
    sent = set(session.exec(select(OutboundEmail.key).where(OutboundEmail.kind == KIND)).all())
    due = due_owner_reminders(session, cfg, today, cal, sent)
    listed = [{"kind": KIND, "to": r.to, "case": r.case, "clock": r.clock, "key": r.key, "stage": r.stage}
              for r in due]
    if dry_run:
        return listed
    for r in due:
        item = session.exec(select(ActionItem).where(ActionItem.case_id == r.case_id, ActionItem.clock == r.clock)).one()
        deadline = session.exec(select(Deadline).where(Deadline.case_id == r.case_id, Deadline.clock == r.clock)).one()
        token = reply_token(session, cfg, r.to, r.case, OWNER_PURPOSE, now)
        replies = owner_reply_help(cfg, token, r.clock, today)
        a = {"case": r.case, "clock": r.clock, "action": item.action, "recommendation": item.recommendation,
             "agency": item.agency, "owner": item.owner_name or item.owner_email, "due": day(deadline.due),
             "distance": distance(deadline.due, today, cal), "progress": item.progress}
        as_lead = not (item.owner_email and item.owner_email.lower() == r.to) and recipient(cfg, item) == r.to
        subject, text, html = render("person", KIND, organisation=cfg.organisation.name, group=cfg.organisation.group,
                                     a=a, overdue=r.stage.startswith("overdue"), as_lead=as_lead,
                                     replies=replies)
        supersede(session, f"{KIND}:{r.case}:{r.clock}:", r.key, now)
        enqueue(session, key=r.key, kind=KIND, case_id=r.case_id, now=now,
                message=build_email(sender=cfg.smtp.from_, to=r.to, subject=subject, text=text, html=html, now=now,
                                    reply_to=replies["reply_to"]))
    return listed
