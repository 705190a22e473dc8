"""One task per email, in plain words (the GOV.UK Notify pattern): what a clock asks a person to do, how to do it,
and the reply that records it (pure).

Clock codes (C1, C4), "estimated" and how a date was computed are details: emails put them below the task, never
in the subject or the first line.

    >>> task("C1", "Notify the national Panel (Serious Incident Notification)")
    'Notify the National Panel'
    >>> reminder_subject("C1", "Notify the national Panel", "Friday 11 December 2026", "SIRG-2026-0001", overdue=False)
    'Notify the National Panel by Friday 11 December 2026 – SIRG-2026-0001'
"""

from __future__ import annotations

# What each statutory or local clock asks of the Manager, as the first words of an email.
TASKS = {
    "C1": "Notify the National Panel",
    "C2": "Tell the safeguarding partners about the incident",
    "C4": "Finish the Rapid Review and send it to the National Panel",
    "C7": "Publish the learning review (LCSPR)",
    "C8": "Send the final LCSPR report to the Panel, the Secretary of State and Ofsted",
    "L1": "Agree the reviewer's terms of reference",
    "L2": "Get the first draft of the LCSPR report",
    "L3": "Get the final LCSPR report",
}

# How to do it, where there is one way (the Panel's form for C1); the URL comes from configuration.
HOW = {
    "C1": "Use the National Panel's notification form: {panel_url}",
    "C2": "Email or call the safeguarding partners' leads with what is known about the incident.",
    "C4": "Hold the Rapid Review meeting, then send its report to the National Panel.",
}

# The reply command that records each task as done, before the date (replies's help lists the rest).
RECORDS = {"C1": "NOTIFIED"}


def task(clock: str, title: str) -> str:
    """The task in plain words: from TASKS, else the clock's own title (an action plan item's text)."""
    return TASKS.get(clock) or (title[:1].upper() + title[1:] if title else clock)


def how(clock: str, panel_url: str) -> str | None:
    """How to do the task, or None when there is no one way to say."""
    line = HOW.get(clock)
    return line.format(panel_url=panel_url) if line else None


def record_reply(commands: list[tuple[str, str]], clock: str) -> str | None:
    """The example reply (from the email's own reply commands) that records this task as done, or None."""
    verb = RECORDS.get(clock, "DONE")
    for example, _ in commands:
        if example.split(" ", 1)[0] == verb:
            return example
    return None


def reminder_subject(clock: str, title: str, due: str, reference: str, overdue: bool) -> str:
    """'Notify the National Panel by Friday 11 December 2026 – SIRG-2026-0001'; overdue: 'Overdue: …'.

    The reference stays (threading, mail filters); never a child's name, initials or date of birth."""
    words = f"{task(clock, title)} by {due} – {reference}"
    return f"Overdue: {words}" if overdue else words
