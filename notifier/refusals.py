"""A refused alert is itself an alert (issue 22.1).

When the Manager's or the Chair's mail server refuses their alerts (550: a full mailbox, one disabled during
leave, a typo in ``people.manager``), the refused emails stay pending and are tried again (``notifier.delivery``),
and the other person, with ``people.deputy`` and ``people.service_desk`` when set, is told the same day what was
not delivered: one email per person per day, and another the same day for each later refusal of a further email.
Nothing here names a child: a case is its reference, a deadline its clock and due date.

``undelivered_alerts`` is also what `intake status` and the Manager's briefing count.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import or_
from sqlmodel import Session, select

from intake.store.models import Case, OutboundEmail
from notifier.compose import build_email, render
from notifier.delivery import ALERT_KINDS, OUTAGE_ALERT_AFTER, REFUSED
from notifier.outbox import enqueue
from notifier.reply_commands import reply_help, reply_token
from notifier.wording import day

log = logging.getLogger(__name__)

REPORTED_KINDS = tuple(k for k in ALERT_KINDS if k != "undelivered")  # a refused notice starts no other notice


def refused_alerts(session: Session) -> list[OutboundEmail]:
    """Alerts waiting after a permanent refusal (pending, ``refused:``), oldest first."""
    return session.exec(select(OutboundEmail).where(OutboundEmail.status == "pending",
                                                    OutboundEmail.kind.in_(ALERT_KINDS),
                                                    OutboundEmail.last_error.startswith(REFUSED))
                        .order_by(OutboundEmail.id)).all()


def undelivered_alerts(session: Session, now: datetime) -> list[OutboundEmail]:
    """Alerts not delivered: refused and waiting, given up (failed), or waiting for more than an hour."""
    stale = now - OUTAGE_ALERT_AFTER
    return session.exec(select(OutboundEmail).where(
        OutboundEmail.kind.in_(ALERT_KINDS),
        or_(OutboundEmail.status == "failed",
            (OutboundEmail.status == "pending") & (OutboundEmail.last_error.startswith(REFUSED)
                                                   | (OutboundEmail.created_at <= stale))))
        .order_by(OutboundEmail.id)).all()


def _day(iso: str) -> str:
    try:
        return day(date.fromisoformat(iso))
    except ValueError:
        return iso


def describe(row: OutboundEmail, reference: str | None) -> str:
    """What the email was, in plain words, from its key (kind:case:clock:due:stage ...); never its contents."""
    parts = row.key.split(":")
    if row.kind == "reminder" and len(parts) >= 4:
        return f"reminder: {parts[1]} {parts[2]} due {_day(parts[3])}"
    if row.kind == "escalation" and len(parts) >= 4:
        return f"escalation: {parts[1]} {parts[2]} due {_day(parts[3])}"
    if row.kind == "escalation":
        return f"the Chair's escalations of {_day(parts[-1])}"
    if row.kind == "digest":
        return f"the morning briefing of {_day(parts[-1])}"
    if row.kind == "agenda":
        return f"the agenda summary for the meeting on {_day(parts[-1])}"
    if row.kind == "new_referral":
        return f"new referral {reference or parts[-1]}"
    if row.kind == "late_referral" and len(parts) >= 3:
        return f"{parts[1]} referred after the deadline of {parts[2].replace('+', ', ')}"
    if row.kind == "case_updated":
        return f"case {reference} updated" if reference else "a case updated"
    return row.kind.replace("_", " ")


def notices(cfg, refused: list[OutboundEmail], references: dict[int, str], today: date) -> list[dict]:
    """Who is told what (pure): one entry per (refused person, person told), with the key that sends it once per
    person per day and again after each further refusal."""
    people = {cfg.people.manager.lower(): ("the Safeguarding Manager", cfg.people.manager_name),
              cfg.people.chair.lower(): ("the Chair", "the Chair")}
    out = []
    for address, (role, name) in people.items():
        rows = [r for r in refused if r.to_address == address and r.kind in REPORTED_KINDS]
        if not rows:
            continue
        others = [p for p in (cfg.people.chair if address == cfg.people.manager.lower() else cfg.people.manager,
                              cfg.people.deputy, cfg.people.service_desk) if p and p.lower() != address]
        for to in dict.fromkeys(p.lower() for p in others):
            out.append({
                "key": f"undelivered:{address}:{today.isoformat()}:{rows[-1].id}:{to}", "to": to,
                "refused_address": address, "role": role, "name": name,
                "error": rows[-1].last_error[len(REFUSED):],
                "since": min(r.created_at for r in rows),
                "items": [describe(r, references.get(r.case_id)) for r in rows],
            })
    return out


def _latest_case(session: Session) -> str | None:
    """A case to show in the examples when the refused emails name none (the newest)."""
    return session.exec(select(Case.reference).order_by(Case.id.desc())).first()


def notify_refusals(session: Session, cfg, now: datetime) -> int:
    """Queue the notices due for the alerts refused so far (idempotent); returns how many were queued."""
    refused = refused_alerts(session)
    if not refused:
        return 0
    ids = {r.case_id for r in refused if r.case_id}
    references = dict(session.exec(select(Case.id, Case.reference).where(Case.id.in_(ids))).all()) if ids else {}
    now_local = now.astimezone(cfg.tz)
    common = {"organisation": cfg.organisation.name, "group": cfg.organisation.group}
    queued = 0
    people = {cfg.people.manager.lower(): "manager", cfg.people.chair.lower(): "chair"}
    for n in notices(cfg, refused, references, now_local.date()):
        # the Manager or the Chair told of the other's refused alerts can act on the cases by reply (issue 24.1)
        audience = people.get(n["to"])
        token = reply_token(session, cfg, n["to"], None, "undelivered", now) if audience else None
        replies = reply_help(cfg, "undelivered", token, audience or "person",
                             reference=next(iter(references.values()), None) or _latest_case(session),
                             today=now_local.date())
        since = n["since"]
        since = since.replace(tzinfo=now.tzinfo) if since.tzinfo is None else since
        subject, text, html = render("person", "undelivered", **common, role=n["role"], name=n["name"],
                                     address=n["refused_address"], error=n["error"], items=n["items"],
                                     since=f"{since.astimezone(cfg.tz):%H:%M} on {day(since.astimezone(cfg.tz).date())}",
                                     manager=cfg.people.manager, chair=cfg.people.chair, replies=replies)
        row = enqueue(session, key=n["key"], kind="undelivered", now=now,
                      message=build_email(sender=cfg.smtp.from_, to=n["to"], subject=subject, text=text, html=html,
                                          now=now, reply_to=replies["reply_to"]))
        if row is not None:
            queued += 1
            log.warning("alerts to %s refused: %d email(s) waiting; notice queued for another person (key=%s)",
                        n["role"], len(n["items"]), n["key"])
    return queued


def undelivered_summary(rows: list[OutboundEmail]) -> str:
    """One plain sentence for `intake status`: how many alerts wait, to whom, and the last refusal."""
    to = sorted({r.to_address for r in rows})
    refused = [r for r in rows if (r.last_error or "").startswith(REFUSED)]
    why = f"; last refusal: {refused[-1].last_error[len(REFUSED):][:200]}" if refused else ""
    return f"{len(rows)} alert(s) to {', '.join(to)} not delivered{why}"

