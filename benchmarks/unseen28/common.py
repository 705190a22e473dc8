"""Date styles and text normalisation shared by the generator and the self-check."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fmt_date(d: dt.date, style: str) -> str:
    """A date as the style writes it (all day-first or year-first; never month-first with digits)."""
    mon = MONTHS[d.month - 1]
    if style == "dmy":            # 03/02/2026 (shared)
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_short":      # 3/2/2026 (shared)
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":           # 3 February 2026 (shared)
        return f"{d.day} {mon} {d.year}"
    if style == "dot_mon_yy":     # 3.Feb.26
        return f"{d.day}.{mon[:3]}.{d.year % 100:02d}"
    if style == "dmy_wkday":      # 03/02/2026 (Tue)
        return f"{d.day:02d}/{d.month:02d}/{d.year} ({DAYS[d.weekday()][:3]})"
    if style == "long_yy":        # 3 February 26
        return f"{d.day} {mon} {d.year % 100:02d}"
    if style == "hyphen_long":    # 3-February-2026
        return f"{d.day}-{mon}-{d.year}"
    if style == "ymd_dots":       # 2026.02.03
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "y_mon_d":        # 2026-Feb-03
        return f"{d.year}-{mon[:3]}-{d.day:02d}"
    if style == "wkday_dmy":      # Tuesday 03/02/2026
        return f"{DAYS[d.weekday()]} {d.day:02d}/{d.month:02d}/{d.year}"
    if style == "mon_wk_paren":   # 3 Feb 2026 (Tue)
        return f"{d.day} {mon[:3]} {d.year} ({DAYS[d.weekday()][:3]})"
    if style == "iso":
        return d.isoformat()
    if style == "boxes":          # day / month / year typed into three boxes: 3 2 2026
        return f"{d.day} {d.month} {d.year}"
    raise ValueError(style)


ALL_STYLES = ["dmy", "dmy_short", "long", "dot_mon_yy", "dmy_wkday", "long_yy", "hyphen_long", "ymd_dots",
              "y_mon_d", "wkday_dmy", "mon_wk_paren", "iso", "boxes"]


def norm(s: str) -> str:
    """Letters and digits only, NFKC, case-folded."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def phone_digits(s: str) -> str:
    s = s.strip()
    plus = s.startswith("+")
    digits = re.sub(r"\D", "", s)
    return ("+" if plus else "") + digits


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
