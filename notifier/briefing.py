"""What the Manager's morning briefing and the Chair's daily escalation say (queries and plain words).

The briefing is the daily digest of DESIGN 2.3 carrying that day's reminders: overdue, due today, due in the
next 3 working days, later in the horizon, paused, new referrals, waiting for information, needs review and
failed deliveries. Each deadline line has the reference, initials, clock, due date in words and days left or
late. ISO dates stay in JSON and logs only.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlmodel import Session, select

from intake.mailbox.oauth import credential_check
from intake.privacy import child_label, sender_subject
from intake.store.attention import for_digest
from intake.store.models import AuditEvent, Case, Deadline, InboundMessage, OutboundEmail, ServiceState
from notifier.deadlines_store import pause_reason, paused_since
from notifier.delivery import last_success, long_outage
from notifier.due import OpenDeadline, rag
from notifier.refusals import refused_alerts
from notifier.summary import ANCHOR_WORDS, case_summary
from notifier.tasks import how, record_reply, reminder_subject, task
from notifier.wording import day, distance, moment

SOON = 3  # working days: "due soon" in the briefing, amber


def deadline_line(d: OpenDeadline, today, cal) -> dict:
    return {"case": d.case, "clock": d.clock, "title": d.title, "task": task(d.clock, d.title), "due": day(d.due),
            "due_iso": d.due.isoformat(), "estimated": d.estimated, "rag": rag(d, today, cal), "child": d.child,
            "distance": distance(d.due, today, cal), "statutory": d.statutory}


ESTIMATED = ("The form's date for when the local authority became aware was missing or cannot be right, so the due "
             "date is counted from {anchor}. Check the date with the referrer.")


def clock_details(line: dict, d: OpenDeadline) -> list[tuple[str, str]]:
    """The details block under a task: the case, the clock's code and title, how the date was counted."""
    anchor = ANCHOR_WORDS.get(d.anchor, d.anchor) or "its start date"
    rows = [("Case", f"{d.case} ({d.child})"), ("Deadline", f"{d.clock}: {d.title}"),
            ("Due", line["due"] + (" (estimated)" if d.estimated else "")),
            ("Counted from", f"{anchor}: {day(d.anchor_date)}" if d.anchor_date else anchor)]
    if d.estimated:
        rows.append(("Estimated", ESTIMATED.format(anchor=anchor)))
    return rows


def reminder_context(cfg, d: OpenDeadline, stage: str, today, cal, replies: dict) -> dict:
    """What the Manager's reminder says: the task and its date first, how to do it, the reply that records it,
    then the details (clock code, estimate, anchor)."""
    line = deadline_line(d, today, cal)
    overdue = stage.startswith("overdue")
    return {"d": line, "stage": stage, "overdue": overdue, "replies": replies,
            "subject": reminder_subject(d.clock, _short(d.title), line["due"], d.case, overdue),
            "how": how(d.clock, cfg.organisation.panel_notification_url),
            "panel_url": cfg.organisation.panel_notification_url,
            "record": record_reply(replies["commands"], d.clock) if replies["on"] else None,
            "details": clock_details(line, d)}


def _short(title: str, limit: int = 70) -> str:
    """An action plan item's text can be long: a subject keeps its first words."""
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def paused_deadlines(session: Session, cfg) -> list[dict]:
    """Paused clocks stay visible (briefing, agenda): with the reason, the date of the pause and the due date it had."""

    out = []
    for d, c in session.exec(select(Deadline, Case).where(Deadline.case_id == Case.id, Deadline.status == "paused")
                             .order_by(Deadline.due, Case.reference, Deadline.clock)).all():
        since = paused_since(d)
        out.append({"case": c.reference, "clock": d.clock, "title": d.title, "due": day(d.due),
                    "since": day(since) if since else "an unknown date", "reason": pause_reason(d) or "no reason given",
                    "child": child_label(c, cfg.privacy.include_names)})
    return out


def new_cases_for_digest(session: Session) -> list[Case]:
    """Cases no digest has listed yet (or only a digest that was superseded or failed): decided per case, by what
    earlier digests listed, never by comparing an email's arrival with a digest's time."""
    unsent = select(OutboundEmail.id).where(OutboundEmail.kind == "digest", OutboundEmail.status.in_(("superseded", "failed")))
    return session.exec(select(Case).where((Case.digest_id == None) | Case.digest_id.in_(unsent))  # noqa: E711
                        .order_by(Case.year, Case.seq)).all()


def _when(value: str, tz) -> str:
    return value if value == "never" else moment(value, tz)


def sign_in_warning(cfg, now_local: datetime) -> str | None:
    """The Microsoft 365 sign-in's expiry warning (from 30 days before the secret or certificate expires), for the
    Manager to pass on to IT; None when OAuth2 is not used or nothing is due. No network."""
    uses_oauth = (cfg.mailbox.backend == "imap" and cfg.mailbox.auth == "oauth2") or (
        cfg.smtp.backend == "smtp" and cfg.smtp.auth == "oauth2")
    if not uses_oauth:
        return None

    ok, line = credential_check(cfg, now_local)
    return None if line.startswith("ok") else line.split(" - ", 1)[-1]


OUTCOME_WORDS = {"needs_info": "no usable referral form attached",
                 "sender_not_allowed": "sent from an address outside the partner domains",
                 "failed": "could not be processed (a fault in the referral service); tell the administrator",
                 "too_large": "too large to read"}


def _subject_of(raw: bytes | None) -> str:
    """The Subject header of a stored message, on one line ("(no subject)" when it has none or cannot be read)."""
    if not raw:
        return "(no subject)"
    from email.parser import BytesHeaderParser
    from email.policy import default as default_policy

    try:
        subject = str(BytesHeaderParser(policy=default_policy).parsebytes(raw).get("Subject") or "")
    except Exception:  # a header that cannot be decoded is shown as missing, never stops the briefing
        subject = ""
    subject = " ".join(subject.split())
    return (subject[:117] + "…" if len(subject) > 120 else subject) or "(no subject)"


def review_lines(session: Session, review: list[dict], tz, read_raw=None, include_names: bool = False) -> list[dict]:
    """Each message needing review as a person finds it in the mailbox: sender, subject, when it arrived, the folder
    it is in, and what happened, oldest first. ``read_raw(path)`` gives the stored copy (for the subject); the
    subject's names are cut to initials and its dates hidden unless ``include_names`` ([privacy])."""
    out = []
    for item in review:
        m = session.get(InboundMessage, item["id"]) if item.get("id") is not None else None
        if m is None:
            out.append({**item, "sender": "unknown sender", "subject": "(no subject)", "received": "unknown time",
                        "received_at": None, "folder": "Inbox", "what": item["outcome"]})
            continue
        raw = None
        if read_raw is not None and m.raw_path:
            try:
                raw = read_raw(m.raw_path)
            except Exception:  # a missing stored copy: the line still says who and when
                raw = None
        out.append({**item, "sender": m.from_address or "unknown sender",
                    "subject": sender_subject(_subject_of(raw), include_names),
                    "received": moment(m.received_at, tz), "received_at": m.received_at,
                    "folder": m.folder or "Inbox",
                    "what": OUTCOME_WORDS.get(item["outcome"], item["outcome"].replace("_", " "))})
    out.sort(key=lambda r: (r["received_at"] is None, r["received_at"] or 0))
    return out


def headline(counts: list[tuple[int, str]]) -> str:
    """'4 due today, 2 new referrals': only what is there; 'nothing due' when nothing is."""
    parts = [f"{n} {words}" for n, words in counts if n]
    return ", ".join(parts) if parts else "nothing due"


def digest_context(session: Session, cfg, now_local: datetime, deadlines, cal, horizon: int, stale_hours: int = 6,
                   read_raw=None) -> dict:
    today = now_local.date()
    tz = now_local.tzinfo
    last = session.exec(select(OutboundEmail.created_at).where(OutboundEmail.kind == "digest")
                        .order_by(OutboundEmail.created_at.desc())).first()
    since = last or (now_local - timedelta(days=1))
    new_cases = new_cases_for_digest(session)
    waiting = session.exec(select(Case).where(Case.status == "needs_information").order_by(Case.reference)).all()
    lines = [(d, deadline_line(d, today, cal)) for d in deadlines]
    overdue = [x for d, x in lines if d.due < today]
    due_today = [x for d, x in lines if d.due == today]
    soon = [x for d, x in lines if d.due > today and cal.between(today, d.due) <= SOON]
    later = [x for d, x in lines if d.due > today and SOON < cal.between(today, d.due) <= horizon]

    review = for_digest(session)  # kept for review, failed, unread automatic mail (until listed by a delivered briefing), stuck
    failed_out = session.exec(select(OutboundEmail).where(OutboundEmail.status == "failed")).all()
    refused_out = refused_alerts(session)  # alerts refused by a person's mail server, still being tried
    last_poll = session.get(ServiceState, "last_poll_ok")
    last_error = session.get(ServiceState, "last_poll_error")
    stale = last_poll is None or now_local - last_poll.updated_at.astimezone(tz) > timedelta(hours=stale_hours)

    delivery_down = long_outage(session, now_local)
    worked = last_success(session)
    capped = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_capped", AuditEvent.at >= since)).all()
    refused = session.exec(select(AuditEvent).where(AuditEvent.action == "command_refused", AuditEvent.at >= since)).all()
    new_listed = sorted(new_cases, key=lambda c: c.received_at)
    failed_lines = ([{"id": o.id, "kind": o.kind.replace("_", " "), "to": o.to_address} for o in failed_out]
                    + [{"id": o.id, "kind": f"{o.kind.replace('_', ' ')}: refused by its mail server, still being tried",
                        "to": o.to_address} for o in refused_out])
    return {
        "headline": headline([(len(overdue), "overdue"), (len(due_today), "due today"), (len(soon), "due soon"),
                              (len(new_cases), "new referral" + ("s" if len(new_cases) != 1 else "")),
                              (len(review), "to review")]),
        "sign_in_warning": sign_in_warning(cfg, now_local),
        "stale_mailbox": stale, "stale_hours": stale_hours,
        "last_poll_error": last_error.value if (last_error and (last_poll is None or last_error.updated_at > last_poll.updated_at)) else None,
        "delivery_down_since": moment(delivery_down[0], tz) if delivery_down else None,
        "delivery_error": delivery_down[1] if delivery_down else None,
        "replies_capped": len(capped),
        "refused_commands": [json.loads(e.detail)["reason"] for e in refused],
        "today": day(today), "today_iso": today.isoformat(),
        "new_cases": [{"reference": c.reference, "child": child_label(c, cfg.privacy.include_names),
                       "missing": len(json.loads(c.missing_json)), "received": moment(c.received_at, tz)} for c in new_listed],
        "waiting": [{"reference": c.reference, "child": child_label(c, cfg.privacy.include_names),
                     "missing": len(json.loads(c.missing_json))} for c in waiting],
        "overdue": overdue, "due_today": due_today, "soon": soon, "later": later, "horizon": horizon,
        "paused": paused_deadlines(session, cfg),
        "review": review_lines(session, review, tz, read_raw, cfg.privacy.include_names),
        "failed_deliveries": failed_lines,
        "last_poll": _when(last_poll.value if last_poll else "never", tz),
        "last_remind": _when(worked["reminders"], tz), "last_delivery": _when(worked["delivery"], tz),
    }


STAGE_WORDS = {"before-1": "due on the next working day", "due": "due today", "overdue": "overdue"}


def escalation_items(session: Session, cfg, notes, today, cal, meeting_dates) -> list[dict]:
    """One entry per statutory deadline at risk (the notifications due now), with what the Manager has recorded
    and the case summary without names."""

    items = []
    for n in notes:
        d = n.deadline
        case = session.exec(select(Case).where(Case.reference == d.case)).one()
        row = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == d.clock)).first()
        history = json.loads(row.history) if row else []
        items.append({
            **deadline_line(d, today, cal),
            "child": case.initials or "?",  # the Chair's copy: initials only, whatever include_names says
            "stage": STAGE_WORDS.get(n.stage, n.stage),
            "recorded": [{"when": day(h["at"][:10]) if h.get("at") else "", "what": h.get("what", ""), "by": h.get("by", "the bot"),
                          "due": day(h["due"]) if h.get("due") else None} for h in history
                         if h.get("what") not in ("created",)],
            "summary": case_summary(session, case, cfg, cal, today, meeting_dates, names=False),
        })
    return items
