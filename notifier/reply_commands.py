"""How a person can act by reply: the commands that fit an email and its token line when emailed commands are on;
otherwise that replies are not read, and whom to ask instead."""

from __future__ import annotations

from datetime import date


# The commands that fit each email, with a line saying what each does (DESIGN 5; intake/commands.py).
COMMANDS_FOR = {
    "new_referral": [("NOTIFIED 2026-12-29", "the national Panel was notified on that date (C1 met)"),
                     ("DONE C2 2026-12-29", "a deadline was met on that date"),
                     ("NOTE any text", "add a note to the case")],
    "reminder": [("DONE {clock} 2026-12-29", "the deadline was met on that date"),
                 ("EXTEND {clock} 2027-02-01 reason", "a Panel-agreed extension: the new due date"),
                 ("NOTE any text", "add a note to the case")],
    "case_updated": [("DONE C1 2026-12-29", "a deadline was met on that date"),
                     ("ACCEPT", "apply the answers held from a sender who may not change the case"),
                     ("NOTE any text", "add a note to the case")],
    "digest": [("DONE SIRG-2026-0001 C1 2026-12-29", "a deadline of that case was met on that date"),
               ("NOTIFIED SIRG-2026-0001 2026-12-29", "the national Panel was notified (C1 met)"),
               ("DECISION SIRG-2026-0001 LCSPR 2027-01-12", "the group's decision (LCSPR, OTHER, SINGLE or NFA)"),
               ("NOTE SIRG-2026-0001 any text", "add a note to a case")],
    "escalation": [("NOTE SIRG-2026-0001 any text", "add a note to the case for the Manager and the record"),
                   ("DECISION SIRG-2026-0001 LCSPR 2027-01-12", "record the group's decision")],
    "rapid_review_unset": [("CONVENE 2027-01-12 10:00", "set the Rapid Review meeting: the core panel is invited"),
                           ("CONVENE 2027-01-12 10:00 name@nhs.net", "the same, and invite others too"),
                           ("NOTE any text", "add a note to the case")],
    "agenda": [("DECISION SIRG-2026-0001 LCSPR 2027-01-12", "record the group's decision"),
               ("NOTE SIRG-2026-0001 any text", "add a note to a case")],
}


def reply_help(cfg, kind: str, token: str | None, audience: str, clock: str | None = None,
               reference: str | None = None, today: date | None = None) -> dict:
    """{"on": bool, "commands": [(example, meaning)], "token": "[intake:...]" | None, "ask": "..."}."""
    manager = f"{cfg.people.manager_name} ({cfg.people.manager})"
    if token:
        kinds = COMMANDS_FOR.get(kind, [])
        if kind == "reminder" and clock == "C1":
            kinds = [kinds[0], ("NOTIFIED 2026-12-29", "the national Panel was notified on that date (C1 met)"), *kinds[1:]]
        example_ref = reference or f"{cfg.organisation.reference_prefix}-2026-0001"
        examples = [(ex.replace("{clock}", clock or "C1").replace("SIRG-2026-0001", example_ref)
                     .replace("2026-12-29", (today or date(2026, 12, 29)).isoformat()), meaning)
                    for ex, meaning in kinds]
        examples.append(("HELP", "the full list of commands"))
        return {"on": True, "commands": examples, "token": token, "ask": manager}
    if audience == "chair":
        ask = f"contact {manager}"
    else:
        ask = (f"ask {cfg.people.support} to switch emailed commands on" if cfg.people.support
               else "ask the team that runs the referral service to switch emailed commands on")
    return {"on": False, "commands": [], "token": None, "ask": ask}
