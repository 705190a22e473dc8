"""What is due at an instant: a pure function of open deadlines, sent keys and `now`.

Each notification has an idempotency key (kind:case:clock:due:stage) so it is sent
once per due date, ever. The due date is part of the key so that a deadline whose
due date moves (a later "became aware" date, an event, a RESUME or an extension)
is re-armed: its stages start afresh against the new date, and the stages sent
for the old date do not count. After downtime only the most recent stage per deadline is due, never
a burst of stale reminders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from notifier.workdays import WorkingCalendar


@dataclass(frozen=True)
class OpenDeadline:
    case: str
    clock: str
    title: str
    due: date
    estimated: bool
    statutory: bool
    manager_offsets: tuple[int, ...]
    chair_offsets: tuple[int, ...]
    chair_overdue_after: int | None
    child: str = "?"           # initials, or names with [privacy] include_names
    anchor: str = ""
    anchor_date: date | None = None


@dataclass(frozen=True)
class Notification:
    kind: str            # reminder | escalation | digest | agenda
    to: str
    case: str | None
    clock: str | None
    key: str
    stage: str
    deadline: OpenDeadline | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def manager_stage(d: OpenDeadline, today: date, cal: WorkingCalendar) -> str | None:
    """The most recent reminder stage reached today: 'before-3', 'before-1', 'due', 'overdue-YYYY-MM-DD'."""
    if today > d.due:
        return f"overdue-{today.isoformat()}" if cal.is_working_day(today) else None
    reached = [o for o in sorted(d.manager_offsets) if (cal.add(d.due, -o) if o else d.due) <= today]
    if not reached:
        return None
    o = min(reached)
    return "due" if o == 0 else f"before-{o}"


def chair_stage(d: OpenDeadline, today: date, cal: WorkingCalendar) -> str | None:
    if today > d.due:
        late = cal.between(d.due, today)
        if d.chair_overdue_after is not None and late >= d.chair_overdue_after:
            return "overdue"
        return None
    reached = [o for o in sorted(d.chair_offsets) if (cal.add(d.due, -o) if o else d.due) <= today]
    if not reached:
        return None
    o = min(reached)
    return "due" if o == 0 else f"before-{o}"


def due_notifications(deadlines: list[OpenDeadline], sent: set[str], now_local: datetime, cal: WorkingCalendar,
                      manager: str, chair: str, digest_at: time, meeting_dates: tuple[date, ...] = ()) -> list[Notification]:
    today = now_local.date()
    out: list[Notification] = []
    for d in deadlines:
        stage = manager_stage(d, today, cal)
        if stage:
            key = f"reminder:{d.case}:{d.clock}:{d.due.isoformat()}:{stage}"
            if key not in sent:
                out.append(Notification("reminder", manager, d.case, d.clock, key, stage, d))
        stage = chair_stage(d, today, cal)
        if stage:
            key = f"escalation:{d.case}:{d.clock}:{d.due.isoformat()}:{stage}"
            if key not in sent:
                out.append(Notification("escalation", chair, d.case, d.clock, key, stage, d))
    if cal.is_working_day(today) and now_local.time() >= digest_at:
        key = f"digest:{today.isoformat()}"
        if key not in sent:
            out.append(Notification("digest", manager, None, None, key, today.isoformat()))
    for meeting in meeting_dates:
        if cal.add(meeting, -5) <= today <= meeting:
            key = f"agenda:{meeting.isoformat()}"
            if key not in sent:
                out.append(Notification("agenda", chair, None, None, key, meeting.isoformat(), extra={"meeting": meeting}))
    return out


def rag(d: OpenDeadline, today: date, cal: WorkingCalendar) -> str:
    """Red: overdue or due today; amber: within 3 working days; green: later."""
    if today >= d.due:
        return "red"
    return "amber" if cal.between(today, d.due) <= 3 else "green"
