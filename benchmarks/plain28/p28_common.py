"""Shared helpers for plain28: date styles, normalisation, filler words."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

FILLERS = ('N/A', 'n/a', '-', 'Not applicable')


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f'{n}th'
    return f'{n}{ {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th") }'


def fmt_date(d: dt.date, style: str) -> str:
    """Every date style used in plain28 (all UK day-first)."""
    mon = MONTHS[d.month - 1]
    if style == 'slash':            # 03/02/2026
        return f'{d.day:02d}/{d.month:02d}/{d.year}'
    if style == 'slash_short':      # 3/2/2026
        return f'{d.day}/{d.month}/{d.year}'
    if style == 'long':             # 3 February 2026
        return f'{d.day} {mon} {d.year}'
    if style == 'dd_mon_yyyy':      # 03-Feb-2026
        return f'{d.day:02d}-{mon[:3]}-{d.year}'
    if style == 'wd_dd_mon':        # Tue 03 Feb 2026
        return f'{WEEKDAYS[d.weekday()][:3]} {d.day:02d} {mon[:3]} {d.year}'
    if style == 'dot2':             # 03.02.26
        return f'{d.day:02d}.{d.month:02d}.{d.year % 100:02d}'
    if style == 'ord_of_mon':       # 3rd of Feb 2026
        return f'{ordinal(d.day)} of {mon[:3]} {d.year}'
    if style == 'dash2':            # 03-02-26
        return f'{d.day:02d}-{d.month:02d}-{d.year % 100:02d}'
    if style == 'wd_ord_long':      # Tuesday 3rd February 2026
        return f'{WEEKDAYS[d.weekday()]} {ordinal(d.day)} {mon} {d.year}'
    if style == 'iso':
        return d.isoformat()
    raise ValueError(style)


ALL_STYLES = ['slash', 'slash_short', 'long', 'dd_mon_yyyy', 'wd_dd_mon', 'dot2', 'ord_of_mon', 'dash2',
              'wd_ord_long', 'iso']
ALT_STYLES = ['slash', 'slash_short', 'long']

STYLE_EXAMPLES = {s: fmt_date(dt.date(2026, 2, 3), s) for s in ALL_STYLES}


def norm(s: str) -> str:
    """Letters and digits only, NFKC, case-folded."""
    s = unicodedata.normalize('NFKC', s).casefold()
    return ''.join(ch for ch in s if ch.isalnum())


def phone_digits(s: str) -> str:
    s = s.strip()
    lead = '+' if s.startswith('+') else ''
    return lead + re.sub(r'\D', '', s)


def collapse(s: str) -> str:
    return re.sub(r'\s+', ' ', s).strip()
