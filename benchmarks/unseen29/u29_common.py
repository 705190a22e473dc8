"""Shared helpers for the unseen29 generator: date styles, normalisation, small utilities.

Nothing here imports the project; the generator is self-contained.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD3 = [w[:3] for w in WEEKDAYS]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


# Main date styles (one per sender) and the plain styles used for dates of birth and for the
# "typed in another style" dates.  Every style is day-first or has the month as a word.
DATE_STYLES = {
    # sender main styles (new to the held-out sets)
    "ord_apos": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} '{d.year % 100:02d}",          # 3rd February '26
    "rfc": lambda d: f"{WD3[d.weekday()]}, {d.day} {MON3[d.month - 1]} {d.year}",                   # Tue, 3 Feb 2026
    "formal": lambda d: f"{WEEKDAYS[d.weekday()]} the {ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",  # Tuesday the 3rd of February 2026
    "dash_short": lambda d: f"{d.day}-{d.month}-{d.year % 100:02d}",                                 # 3-2-26
    "dot_wd": lambda d: f"{d.day}.{d.month}.{d.year} ({WD3[d.weekday()]})",                          # 3.2.2026 (Tue)
    "wd_ord": lambda d: f"{WD3[d.weekday()]} {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",      # Tue 3rd February 2026
    "ord_abbr_yy": lambda d: f"{ordinal(d.day)} {MON3[d.month - 1]} {d.year % 100:02d}",           # 3rd Feb 26
    "ord_abbr_comma": lambda d: f"{ordinal(d.day)} {MON3[d.month - 1]}, {d.year}",                   # 3rd Feb, 2026
    # plain styles (shared conventions)
    "slash_pad": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",                                     # 03/02/2026
    "slash": lambda d: f"{d.day}/{d.month}/{d.year}",                                                 # 3/2/2026
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",                                      # 3 February 2026
}

ALT_STYLES = ["slash_pad", "long", "slash"]


def fmt_date(d: dt.date, style: str) -> str:
    return DATE_STYLES[style](d)


def all_date_renderings(d: dt.date) -> list[str]:
    out = [f(d) for f in DATE_STYLES.values()]
    out.append(d.isoformat())
    return out


def norm(s: str) -> str:
    """Letters and digits only, NFKC, case-folded."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def phone_norm(s: str) -> str:
    s = s.strip()
    return ("+" if s.startswith("+") else "") + digits(s)


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def xml_escape(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


FILLERS = ["N/A", "n/a", "-", "Not applicable"]


def snake(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()
    return s
