"""Emailed instructions: reading the top of a reply into commands (pure).

    DONE C1 today               deadline met (date optional: today; "yesterday" or 2026-12-30 too)
    NOTIFIED yesterday          Panel notified: C1 met, C4 may move
    DECISION LCSPR today        decision recorded (LCSPR starts C7)
    PUBLISH 2027-06-15          planned publication date (starts C8)
    PAUSE C7 reason / RESUME C7 / WAIVE C2 reason
    EXTEND C4 2027-02-01 reason  a Panel-agreed extension: the new due date
    CONVENE 2027-01-12 10:00 [EMAIL...]  set the Rapid Review meeting: the panel (and those named) invited
    NOTE free text              a note on the case
    ACCEPT SIRG-2026-0001       apply the answers held from a sender who may not change the case
    HELP                        the list of commands

A case reference may follow the verb (DONE SIRG-2026-0001 C1) when the email is
about several cases (the digest). Only the top of the reply is read: quoted text
and signatures below the first blank line after the commands are ignored.
Wherever a command takes a date, ``today`` and ``yesterday`` are read against
``today`` (the organisation's date of the injected clock).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from intake.duties.actions import ActionError, decision_value
from parsers.normalise import parse_date

VERBS = ("DONE", "NOTIFIED", "DECISION", "PUBLISH", "PAUSE", "RESUME", "WAIVE", "EXTEND", "CONVENE", "NOTE", "ACCEPT",
         "HELP")
STATE_CHANGING = {"DONE", "NOTIFIED", "DECISION", "PUBLISH", "PAUSE", "RESUME", "WAIVE", "EXTEND", "CONVENE", "ACCEPT"}
QUOTE_START = re.compile(r"^(>|-{2,}\s*original message|from:\s|sent:\s|on .+ wrote:|_{5,})", re.I)

HELP_TEXT = """Reply to this email with one command per line, at the top of your reply
(a date is today, yesterday or written like 2026-12-30):
  DONE C1 today               the deadline C1 was met on that date (date optional: today)
  NOTIFIED yesterday          the national Panel was notified on that date (C1 met)
  DECISION LCSPR today        the decision (LCSPR, NO_REVIEW, RAPID_REVIEW_ONLY, NATIONAL_REVIEW, OTHER, SINGLE
                              or NFA) and its date
  PUBLISH 2027-06-15          the planned publication date of the LCSPR
  PAUSE C7 reason             pause a clock (e.g. criminal proceedings); RESUME C7 to restart it
                              (the due date moves later by the working days it was paused)
  EXTEND C4 2027-02-01 reason a Panel-agreed extension: the new due date, and why
  WAIVE C2 reason             the deadline no longer applies
  CONVENE 2027-01-12 10:00    set the Rapid Review meeting: the core panel gets a calendar invitation
                              (add partner email addresses after the time to invite them too)
  NOTE any text               add a note to the case
  ACCEPT SIRG-2026-0001       apply the answers a reply from someone else than the referrer gave (held until then)
  HELP                        this list
Replying to the bot's email is enough; in a new email, include the [intake:...] line of the bot's email."""


class CommandError(ValueError):
    """A command line that cannot be understood (``line``: the line, when known; ``bad``: a date it could not
    read)."""
    line: str | None = None
    bad: str | None = None


@dataclass(frozen=True)
class Command:
    verb: str
    case: str | None = None
    clock: str | None = None
    on: date | None = None
    value: str | None = None
    invite: tuple[str, ...] = ()
    line: str = field(default="", compare=False)   # as the person typed it

    @property
    def changes_state(self) -> bool:
        return self.verb in STATE_CHANGING


def top_of_reply(text: str) -> list[str]:
    """The lines the person typed above the quoted email."""
    lines = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        if QUOTE_START.match(line.strip()):
            break
        lines.append(line.strip())
    return lines[:50]


RELATIVE_DAYS = {"today": 0, "yesterday": 1}


def _ahead(today: date | None, days: int = 28) -> str:
    """A date ``days`` ahead of today, for an example in a message (a placeholder when today is not known)."""
    return (today + timedelta(days=days)).isoformat() if today else "YYYY-MM-DD"


def _date(token: str, today: date | None = None) -> date:
    """A command's date: ``today``, ``yesterday`` (given ``today``), ISO or the usual spellings."""
    word = token.strip().lower().rstrip(".")
    if word in RELATIVE_DAYS:
        if today is None:
            raise CommandError(f"{token!r} needs today's date, which this reader was not given")
        return today - timedelta(days=RELATIVE_DAYS[word])
    try:
        return date.fromisoformat(token)
    except ValueError:
        iso = parse_date(token)
        if not iso:
            exc = CommandError(f"{token!r} is not a date; write it like {(today or date(2026, 12, 30)).isoformat()}, "
                               "or today, or yesterday")
            exc.bad = token
            raise exc from None
        return date.fromisoformat(iso)


FUTURE_VERBS = {"EXTEND": 28, "PUBLISH": 28, "CONVENE": 7, "DATE": 28}  # (DATE: an action owner's new date)


def correct_line(line: str, error: CommandError, today: date) -> str | None:
    """The line with the date it could not read put right for today (pure): ``today`` for what happened, a date
    ahead for an extension, a publication or a meeting; None when there is nothing to put right this way."""
    if not error.bad or error.bad not in line or not line.split():
        return None
    verb = line.split()[0].upper().rstrip(":")
    if verb in FUTURE_VERBS:
        return line.replace(error.bad, _ahead(today, FUTURE_VERBS[verb]), 1)
    return line.replace(error.bad, "today", 1)


def parse_line(line: str, ref_pattern: str, today: date | None = None) -> Command | None:
    words = line.split()
    if not words or words[0].upper().rstrip(":") not in VERBS:
        return None
    verb = words[0].upper().rstrip(":")
    rest = words[1:]
    case = None
    if rest and re.fullmatch(ref_pattern, rest[0].upper()):
        case, rest = rest[0].upper(), rest[1:]
    if verb == "HELP":
        return Command("HELP", case)
    if verb == "ACCEPT":
        return Command("ACCEPT", case)
    if verb == "NOTE":
        text = " ".join(rest).strip()
        if not text:
            raise CommandError("NOTE needs some text after it")
        return Command("NOTE", case, value=text)
    if verb in ("DONE", "PAUSE", "RESUME", "WAIVE"):
        if not rest or not re.fullmatch(r"[A-Z]\d{1,2}", rest[0].upper()):
            raise CommandError(f"{verb} needs a clock, e.g. {verb} C1")
        clock = rest[0].upper()
        if verb == "DONE":
            return Command("DONE", case, clock, _date(" ".join(rest[1:]), today) if rest[1:] else None)
        return Command(verb, case, clock, value=" ".join(rest[1:]) or None)
    if verb == "EXTEND":
        if not rest or not re.fullmatch(r"[A-Z]\d{1,2}", rest[0].upper()) or len(rest) < 3:
            raise CommandError(f"EXTEND needs a clock, a date and the reason, e.g. EXTEND C4 {_ahead(today)} Panel agreed")
        return Command("EXTEND", case, rest[0].upper(), _date(rest[1], today), " ".join(rest[2:]))
    if verb in ("NOTIFIED", "PUBLISH"):
        if not rest:
            raise CommandError(f"{verb} needs a date, e.g. {verb} " + ("today" if verb == "NOTIFIED" else _ahead(today)))
        return Command(verb, case, on=_date(" ".join(rest), today))
    if verb == "CONVENE":
        return _convene(case, rest, today)
    if verb == "DECISION":
        # the list the command line checks against too

        try:
            value = decision_value(rest[0] if rest else None)
        except ActionError:
            raise CommandError("DECISION needs one of LCSPR, NO_REVIEW, RAPID_REVIEW_ONLY, NATIONAL_REVIEW, OTHER, "
                               "SINGLE or NFA, then a date") from None
        return Command("DECISION", case, value=value, on=_date(" ".join(rest[1:]), today) if rest[1:] else None)
    return None


def _convene(case: str | None, rest: list[str], today: date | None = None) -> Command:
    """CONVENE [REF] 2027-01-12 10:00 [EMAIL...] (or 2027-01-12T10:00)."""
    usage = (f"CONVENE needs the meeting's date and time, e.g. CONVENE {_ahead(today, 7)} 10:00 (then any addresses to "
             "invite)")
    if not rest:
        raise CommandError(usage)
    day_text, at = rest[0], ""
    if re.match(r"\d{4}-\d{1,2}-\d{1,2}T", rest[0], re.I):   # 2027-01-12T10:00
        day_text, _, at = rest[0].upper().partition("T")
    rest = rest[1:]
    if not at and rest and re.fullmatch(r"\d{1,2}[:.]\d{2}", rest[0]):
        at, rest = rest[0], rest[1:]
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", at)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise CommandError(usage)
    bad = [w for w in rest if "@" not in w]
    if bad:
        raise CommandError(f"{bad[0]!r} is not an email address; after the time, list only addresses to invite")
    return Command("CONVENE", case, on=_date(day_text, today), value=f"{int(m.group(1)):02d}:{m.group(2)}",
                   invite=tuple(w.strip("<>,;").lower() for w in rest))


def parse_commands(text: str, prefix: str, today: date | None = None) -> list[Command]:
    """Every command at the top of a reply; raises CommandError for a command line it cannot read (its ``line``
    says which)."""
    ref_pattern = rf"{re.escape(prefix)}-\d{{4}}-\d{{4,}}"
    out = []
    for line in top_of_reply(text):
        try:
            cmd = parse_line(line, ref_pattern, today)
        except CommandError as exc:
            exc.line = line
            raise
        if cmd is not None:
            out.append(replace(cmd, line=line))
    return out


def looks_like_commands(text: str) -> bool:
    return any(line.split()[0].upper().rstrip(":") in VERBS for line in top_of_reply(text) if line.split())
