"""The one notice of a referral that arrived after a statutory deadline had passed (issue 22.7).

Such a clock is "referred after the deadline": the lateness happened before the group heard of the case, so it is
not the Manager's, and it is never escalated day by day as theirs. The Manager and the Chair are each told once,
in plain words, what was missed and what is still to be done; the clock is then tracked from the day of receipt
(``notifier.deadlines.referred_late``). The notice names the child by initials only.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from intake.store.models import Case
from notifier.compose import build_email, render
from notifier.deadlines import Computed, rules_from_config
from notifier.outbox import enqueue
from notifier.reply_commands import reply_help, reply_token
from notifier.wording import day, working_days

LATE = "referred after the deadline"   # the history entry on the clock

STILL_TO_DO = {
    "C1": "notify the national Panel now (Serious Incident Notification), saying when the referral arrived",
    "C2": "report the incident to the safeguarding partners now",
    "C4": "complete the Rapid Review and send it to the Panel",
}


def late_items(late: list[tuple[Computed, date]], received: date, cal) -> list[dict]:
    """One entry per late clock, in words (pure)."""
    return [{"clock": c.clock, "title": c.title, "was_due": day(c.referred_late),
             "late_by": working_days(cal.between(c.referred_late, received)),
             "to_do": STILL_TO_DO.get(c.clock, c.title[:1].lower() + c.title[1:]), "due": day(due)}
            for c, due in late]


def queue_late_referral(session: Session, cfg, case: Case, late: list[tuple[Computed, date]], now: datetime) -> None:
    """Queue the notice to the Manager and to the Chair, once per case and set of late clocks (UNIQUE key)."""
    _, cal, _ = rules_from_config(cfg.deadlines)
    received = case.received_at.astimezone(cfg.tz).date()
    clocks = "+".join(c.clock for c, _ in late)
    context = {"organisation": cfg.organisation.name, "group": cfg.organisation.group, "reference": case.reference,
               "initials": case.initials or "?", "received": day(received), "items": late_items(late, received, cal),
               "manager": cfg.people.manager_name}
    today = now.astimezone(cfg.tz).date()
    for role, to, kind in (("manager", cfg.people.manager, "reminder"), ("chair", cfg.people.chair, "escalation")):
        token = reply_token(session, cfg, to, case.reference, kind, now)
        replies = reply_help(cfg, kind, token, role, late[0][0].clock, case.reference, today)
        subject, text, html = render("person", "late_referral", role=role, replies=replies, **context)
        enqueue(session, key=f"late_referral:{case.reference}:{clocks}:{role}", kind="late_referral", now=now,
                case_id=case.id, message=build_email(sender=cfg.smtp.from_, to=to, subject=subject, text=text, html=html,
                                                     now=now, reply_to=replies["reply_to"]))
