"""Shared helpers: date styles, text normalisation, phone digits."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


# Every style used anywhere in the set (main styles, date-of-birth styles, the "other" styles a writer slips
# into).  Keys are the names used in the senders table and the notes.
STYLES = {
    "dd/mm/yyyy": lambda d: d.strftime("%d/%m/%Y"),
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "d/m/yy": lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}",
    "d Month yyyy": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dd.mm.yyyy": lambda d: d.strftime("%d.%m.%Y"),
    "dth Mon yyyy": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}",
    "dd-Mon-yyyy": lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
    "d Mon yyyy": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
}

OTHER_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "d Month yyyy"]


def fmt_date(d: dt.date, style: str) -> str:
    return STYLES[style](d)


def all_renderings(d: dt.date) -> list[str]:
    out = [f(d) for f in STYLES.values()]
    out.append(d.isoformat())
    return out


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def norm(text: str) -> str:
    """Letters and digits only, NFKC, case-folded (the self-check's comparison form)."""
    t = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in t if ch.isalnum())


def phone_digits(text: str) -> str:
    lead = "+" if text.strip().startswith("+") else ""
    return lead + "".join(ch for ch in text if ch.isdigit())


FILLERS = ["N/A", "n/a", "-", "Not applicable"]
