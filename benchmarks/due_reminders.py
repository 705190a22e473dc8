"""Evaluation time of `due_notifications` for 10,000 open deadlines (target < 1 s).

    python benchmarks/due_reminders.py
"""

from __future__ import annotations

import statistics
import time as _time
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from notifier.deadlines import DEFAULT_RULES
from notifier.due import OpenDeadline, due_notifications
from notifier.workdays import WorkingCalendar


def main() -> None:
    cal = WorkingCalendar()
    c1 = DEFAULT_RULES[0]
    start = date(2026, 11, 2)
    deadlines = [OpenDeadline(f"SIRG-2026-{i:05d}", "C1", c1.title, start + timedelta(days=i % 120), False, True,
                              c1.manager_offsets, c1.chair_offsets, c1.chair_overdue_after) for i in range(10_000)]
    now = datetime(2027, 1, 5, 9, 0, tzinfo=ZoneInfo("Europe/London"))
    runs = []
    for _ in range(5):
        t0 = _time.perf_counter()
        due = due_notifications(deadlines, set(), now, cal, "m@x", "c@x", time(8, 0))
        runs.append(_time.perf_counter() - t0)
    print(f"10,000 open deadlines: median {statistics.median(runs):.3f} s over {len(runs)} runs "
          f"({len(due)} notifications due); target < 1 s")


if __name__ == "__main__":
    main()
