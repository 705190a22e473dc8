"""How a person can act by reply: the commands that fit an email and its reply token, when emailed commands are on;
otherwise that replies are not read, and whom to ask instead.

Every example is right on the day the email is made (issue 24.3): it names the email's own case, says ``today``
for what happened (the keyword every emailed command takes for a date) and computes a date ahead from ``today``
where the command needs one (an extension, a meeting). The token rides in the Reply-To as a plus address and in a
visible line (issue 24.2), so a plain reply reaches the bot with it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session

from intake import tokens
from intake.store import reply_tokens


# The commands that fit each email, with a line saying what each does (DESIGN 5; intake/duties/commands.py).
# {ref} the case (or one the email lists), {clock} the email's clock, {ahead} a date four weeks ahead,
# {meeting} the next working day: examples a person can send as they are.
COMMANDS_FOR = {
    "new_referral": [("NOTIFIED today", "the national Panel was notified today (C1 met); or give the date"),
                     ("DONE C2 today", "a deadline was met today; or give the date"),
                     ("NOTE any text", "add a note to the case")],
    "reminder": [("DONE {clock} today", "the deadline was met today; or give the date"),
                 ("EXTEND {clock} {ahead} Panel agreed", "a Panel-agreed extension: the new due date, and why"),
                 ("NOTE any text", "add a note to the case")],
    "case_updated": [("DONE C1 today", "a deadline was met today; or give the date"),
                     ("ACCEPT", "apply the answers held from a sender who may not change the case"),
                     ("NOTE any text", "add a note to the case")],
    "digest": [("NOTIFIED {ref} today", "the national Panel was notified (C1 met)"),
               ("DONE {ref} C1 today", "a deadline of that case was met today; or give the date"),
               ("DECISION {ref} LCSPR today", "the group's decision (LCSPR, OTHER, SINGLE or NFA)"),
               ("NOTE {ref} any text", "add a note to a case")],
    "escalation": [("NOTE {ref} any text", "add a note to the case for the Manager and the record"),
                   ("DECISION {ref} LCSPR today", "record the group's decision")],
    "rapid_review_unset": [("CONVENE {meeting} 10:00", "set the Rapid Review meeting: the core panel is invited"),
                           ("CONVENE {meeting} 10:00 name@nhs.net", "the same, and invite others too"),
                           ("NOTE any text", "add a note to the case")],
    "agenda": [("DECISION {ref} LCSPR today", "record the group's decision"),
               ("NOTE {ref} any text", "add a note to a case")],
    "command_result": [("NOTE {ref} any text", "add a note to a case")],
    "undelivered": [("NOTE {ref} any text", "add a note to a case")],
}

# Every command, for HELP and under a refusal: (example, meaning).
ALL_COMMANDS = [
    ("DONE {ref} {clock} today", "a deadline was met today (or give the date, e.g. yesterday or {yesterday})"),
    ("NOTIFIED {ref} today", "the national Panel was notified on that date (C1 met)"),
    ("DECISION {ref} LCSPR today", "the decision (LCSPR, NO_REVIEW, RAPID_REVIEW_ONLY, NATIONAL_REVIEW, OTHER, SINGLE "
                                   "or NFA) and its date"),
    ("PUBLISH {ref} {ahead}", "the planned publication date of the LCSPR"),
    ("PAUSE {ref} C7 reason", "pause a clock (e.g. criminal proceedings); RESUME C7 restarts it"),
    ("EXTEND {ref} {clock} {ahead} Panel agreed", "a Panel-agreed extension: the new due date, and why"),
    ("WAIVE {ref} C2 reason", "the deadline no longer applies"),
    ("CONVENE {ref} {meeting} 10:00", "set the Rapid Review meeting (add addresses after the time to invite them)"),
    ("NOTE {ref} any text", "add a note to the case"),
    ("ACCEPT {ref}", "apply the answers held from someone other than the referrer"),
]


def next_working_day(today: date) -> date:
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def example(text: str, reference: str, clock: str | None, today: date) -> str:
    """One example filled in for today (pure): the case's reference, the clock, dates computed from ``today``."""
    return " ".join(text.format(ref=reference, clock=clock or "C1", ahead=(today + timedelta(days=28)).isoformat(),
                                meeting=next_working_day(today).isoformat(),
                                yesterday=(today - timedelta(days=1)).isoformat()).split())


def reply_token(session: Session, cfg, person: str, case: str | None, purpose: str, now: datetime) -> str | None:
    """A short token for ``person`` (stored), or None when emailed commands are off."""
    if not cfg.command_secret:
        return None
    return reply_tokens.issue(session, cfg.command_secret, person, case, purpose, now, cfg.commands.token_days)


def reply_address(cfg, token: str | None) -> str | None:
    """The Reply-To that carries the token: the mailbox's own address with the token as a plus part."""
    return tokens.plus_address(cfg.smtp.from_, token) if token else None


def help_commands(reference: str | None, clock: str | None, today: date) -> list[tuple[str, str]]:
    """The full list, for HELP and under a refusal, filled in for the case and today (``reference`` None: the
    email's token is for one case, so the commands need no reference)."""
    return [(example(ex.replace("{ref} ", "" if reference is None else "{ref} "), reference or "", clock, today),
             example(meaning, reference or "", clock, today)) for ex, meaning in ALL_COMMANDS] + [("HELP", "this list")]


def reply_help(cfg, kind: str, token: str | None, audience: str, clock: str | None = None,
               reference: str | None = None, today: date | None = None, full: bool = False,
               scoped: bool = False) -> dict:
    """{"on": bool, "commands": [(example, meaning)], "token": "[intake:...]" | None, "reply_to": address | None,
    "ask": "..."}. ``token``: the bare token (``reply_token``); ``full``: every command (HELP, a refusal), without
    the case's reference when ``scoped`` (the token is for that one case)."""
    manager = f"{cfg.people.manager_name} ({cfg.people.manager})"
    if token:
        if today is None:
            raise ValueError("reply_help needs today's date for its examples")
        example_ref = reference or f"{cfg.organisation.reference_prefix}-{today.year}-0001"
        if full:
            examples = help_commands(None if scoped else example_ref, clock, today)
        else:
            kinds = list(COMMANDS_FOR.get(kind, []))
            if kind == "reminder" and clock == "C1":
                kinds.insert(1, ("NOTIFIED today", "the national Panel was notified today (C1 met)"))
            examples = [(example(ex, example_ref, clock, today), meaning) for ex, meaning in kinds]
            examples.append(("HELP", "the full list of commands"))
        return {"on": True, "commands": examples, "token": tokens.marker(token), "reply_to": reply_address(cfg, token),
                "ask": manager}
    if audience == "chair":
        ask = f"contact {manager}"
    else:
        ask = (f"ask {cfg.people.support} to switch emailed commands on" if cfg.people.support
               else "ask the team that runs the referral service to switch emailed commands on")
    return {"on": False, "commands": [], "token": None, "reply_to": None, "ask": ask}
