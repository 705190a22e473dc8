"""Dates, times and distances as a person reads them (pure): "Tuesday 5 January 2027",
"08:04 on Monday 30 November 2026", "due in 2 working days", "3 working days late".

Emails to people use these; JSON output and logs keep ISO 8601.

    >>> day(date(2027, 1, 5))
    'Tuesday 5 January 2027'
    >>> moment(datetime(2026, 11, 30, 8, 4, 53, tzinfo=timezone.utc), ZoneInfo("Europe/London"))
    '08:04 on Monday 30 November 2026'
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from notifier.workdays import WorkingCalendar

LONDON = ZoneInfo("Europe/London")


def day(d: date | str | None) -> str:
    """'Tuesday 5 January 2027' (no leading zero; English names whatever the machine's locale)."""
    if d is None:
        return "not given"
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def moment(t: datetime | str | None, tz=LONDON) -> str:
    """'08:04 on Monday 30 November 2026', in the organisation's timezone."""
    if t is None:
        return "never"
    if isinstance(t, str):
        t = datetime.fromisoformat(t)
    local = t.astimezone(tz) if t.tzinfo else t
    return f"{local:%H:%M} on {day(local.date())}"


def working_days(n: int) -> str:
    return f"{n} working day{'' if n == 1 else 's'}"


def distance(due: date, today: date, cal: WorkingCalendar) -> str:
    """'due today', 'due tomorrow' (the next working day), 'due in 2 working days', '3 working days late'."""
    if due == today:
        return "due today"
    if due < today:
        return f"{working_days(max(cal.between(due, today), 1))} late"
    n = cal.between(today, due)
    if n <= 1:
        return "due on the next working day"
    return f"due in {working_days(n)}"


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
