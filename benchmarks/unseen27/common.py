"""Shared helpers for the unseen27 generator: date styles, phones, emails, text normalisation.

Nothing here imports anything from the project.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# Date styles.  The first group are the senders' main styles (new to this set); the second group are the
# shared styles a referrer sometimes types instead.
DATE_STYLES = {
    # main styles
    "compact_mon": lambda d: f"{d.day:02d}{MONTHS[d.month - 1][:3]}{d.year}",             # 03Feb2026
    "spaced_slash": lambda d: f"{d.day} / {d.month} / {d.year}",                          # 3 / 2 / 2026
    "ymd_slash": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",                          # 2026/02/03
    "long_comma": lambda d: f"{d.day} {MONTHS[d.month - 1]}, {d.year}",                   # 3 February, 2026
    "ord_abbr_dot": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]}. {d.year}",    # 3rd Feb. 2026
    "caps_abbr_yy": lambda d: f"{d.day:02d} {MONTHS[d.month - 1][:3].upper()} {d.year % 100:02d}",  # 03 FEB 26
    "ord_long_comma": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]}, {d.year}",      # 3rd February, 2026
    "slash_mon_yy": lambda d: f"{d.day}/{MONTHS[d.month - 1][:3]}/{d.year % 100:02d}",    # 3/Feb/26
    # shared styles
    "dmy_slash": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",                          # 03/02/2026
    "dmy_slash_short": lambda d: f"{d.day}/{d.month}/{d.year}",                            # 3/2/2026
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",                           # 3 February 2026
    "iso": lambda d: d.isoformat(),
}

ALT_STYLES = ["dmy_slash", "long", "dmy_slash_short"]


def fmt_date(d: dt.date, style: str) -> str:
    return DATE_STYLES[style](d)


def all_date_renderings(d: dt.date) -> list[str]:
    return [f(d) for f in DATE_STYLES.values()]


def norm(s: str) -> str:
    """Letters and digits only, NFKC, case-folded."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def phone_digits(s: str) -> str:
    s = s.strip()
    return ("+" if s.startswith("+") else "") + re.sub(r"\D", "", s)


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def xml_escape(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def initials_of(name: str) -> str:
    """Initials of a person's name, titles dropped ("Dr Ana Silva" -> "AS")."""
    parts = [p for p in re.split(r"[\s]+", name) if p and p.rstrip(".") not in ("Dr", "Mr", "Mrs", "Ms", "Miss", "Cllr", "Prof")]
    out = []
    for p in parts:
        for piece in p.split("-"):
            if piece:
                out.append(piece[0].upper())
    return "".join(out)
