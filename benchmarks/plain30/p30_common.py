"""Shared helpers for plain30: date styles, text normalisation, small utilities."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d: dt.date, style: str) -> str:
    """Format a date in one of the UK day-first styles used by the senders."""
    m = MONTHS[d.month - 1]
    if style == "d Month yyyy":
        return f"{d.day} {m} {d.year}"
    if style == "dd/mm/yyyy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dd/mm/yy":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dd-Mon-yyyy":
        return f"{d.day:02d}-{m[:3]}-{d.year}"
    if style == "dth Month yyyy":
        return f"{ordinal(d.day)} {m} {d.year}"
    if style == "d/m/yyyy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dth Mon yyyy":
        return f"{ordinal(d.day)} {m[:3]} {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


ALL_STYLES = ["d Month yyyy", "dd/mm/yyyy", "dd/mm/yy", "dd-Mon-yyyy", "dth Month yyyy", "d/m/yyyy",
              "dth Mon yyyy", "iso"]
ALT_STYLES = ["dd/mm/yyyy", "d Month yyyy", "d/m/yyyy"]


def date_candidates(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return sorted({fmt_date(d, s) for s in ALL_STYLES})


def norm(s: str) -> str:
    """NFKC, lower case, letters and digits only, runs separated by one space."""
    s = unicodedata.normalize("NFKC", s).lower()
    return " ".join(re.findall(r"[^\W_]+", s))


def digits(s: str) -> str:
    return re.sub(r"[^0-9+]", "", s)


def stable_hex(*parts: str, n: int = 32) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:n].upper()


def esc_xml(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))
