"""Working days: Monday to Friday, less England & Wales bank holidays (substitute days included)
and the partnership's extra closure days. Pure date arithmetic."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=8)
def _bank_holidays(years: tuple[int, ...]) -> frozenset[date]:
    # subdiv="ENG": without it the library misses Easter Monday and the Summer bank holiday.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).keys())


def _is_working_day(extra: frozenset[date], d: date) -> bool:
    if d.weekday() >= 5 or d in extra:
        return False
    return d not in _bank_holidays((d.year - 1, d.year, d.year + 1))


@lru_cache(maxsize=4096)
def _add(extra: frozenset[date], start: date, n: int) -> date:
    """``WorkingCalendar.add``, kept per closures, start and n (the clocks of the referrals of one day count the same
    working days from the same dates: counted once)."""
    step = 1 if n >= 0 else -1
    d, left = start, abs(n)
    while left:
        d += timedelta(days=step)
        if _is_working_day(extra, d):
            left -= 1
    return d


class WorkingCalendar:
    def __init__(self, extra_closures: tuple[date, ...] = ()):
        self.extra = frozenset(extra_closures)

    def is_working_day(self, d: date) -> bool:
        return _is_working_day(self.extra, d)

    def add(self, start: date, n: int) -> date:
        """The nth working day after start (n > 0) or before it (n < 0); start is day 0."""
        return _add(self.extra, start, n)

    def between(self, a: date, b: date) -> int:
        """Working days from a to b: positive when b is later (b counted, a not)."""
        if a == b:
            return 0
        step = 1 if b > a else -1
        d, count = a, 0
        while d != b:
            d += timedelta(days=step)
            if self.is_working_day(d):
                count += step
        return count


def add_months(d: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 Aug + 6 months -> 28 Feb)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))
