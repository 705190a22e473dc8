"""`intake remind`: turn what is due into outbox rows (or a dry-run list), then deliver."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from sqlmodel import Session, select

from intake.models import AuditEvent, Case, Deadline, InboundMessage, OutboundEmail, ServiceState
from intake.privacy import child_label
from notifier.compose import Attachment, build_email, render
from notifier.deadlines import ACTION_RULE, rules_from_config
from notifier.due import OpenDeadline, due_notifications, rag
from notifier.outbox import enqueue, supersede


def open_deadlines(session: Session, cfg) -> list[OpenDeadline]:
    rules, _, _ = rules_from_config(cfg.deadlines)
    by_id = {r.id: r for r in rules}
    by_id.setdefault("A", ACTION_RULE)
    out = []
    rows = session.exec(select(Deadline, Case).where(Deadline.case_id == Case.id, Deadline.status == "open")
                        .order_by(Deadline.due, Case.reference, Deadline.clock)).all()
    for d, c in rows:
        r = by_id.get(d.clock) or (by_id["A"] if d.clock.startswith("A") else None)
        out.append(OpenDeadline(c.reference, d.clock, d.title, d.due, d.estimated, bool(r and r.statutory),
                                r.manager_offsets if r else (3, 1, 0), r.chair_offsets if r else (),
                                r.chair_overdue_after if r else None, child_label(c, cfg.privacy.include_names), d.anchor, d.anchor_date))
    return out


def paused_deadlines(session: Session, cfg) -> list[dict]:
    """Paused clocks stay visible (digest, agenda): with the reason, the date of the pause and the due date it had."""
    from intake.actions import pause_reason, paused_since

    out = []
    for d, c in session.exec(select(Deadline, Case).where(Deadline.case_id == Case.id, Deadline.status == "paused")
                             .order_by(Deadline.due, Case.reference, Deadline.clock)).all():
        since = paused_since(d)
        out.append({"case": c.reference, "clock": d.clock, "title": d.title, "due": d.due.isoformat(),
                    "since": since.isoformat() if since else "?", "reason": pause_reason(d) or "no reason given",
                    "child": child_label(c, cfg.privacy.include_names)})
    return out


def sent_keys(session: Session) -> set[str]:
    return set(session.exec(select(OutboundEmail.key).where(
        OutboundEmail.kind.in_(("reminder", "escalation", "digest", "agenda")))).all())


def ics(d: OpenDeadline, uid_domain: str) -> Attachment:
    day = d.due.strftime("%Y%m%d")
    nxt = (d.due + timedelta(days=1)).strftime("%Y%m%d")
    body = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//referral-intake//EN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{d.case}-{d.clock}@{uid_domain}", f"DTSTAMP:{day}T000000Z", f"DTSTART;VALUE=DATE:{day}",
        f"DTEND;VALUE=DATE:{nxt}", f"SUMMARY:[{d.case}] {d.clock} due{' (estimated)' if d.estimated else ''}",
        "END:VEVENT", "END:VCALENDAR", ""])
    return Attachment(f"{d.case}-{d.clock}.ics", "text/calendar", body.encode())


def new_cases_for_digest(session: Session) -> list[Case]:
    """Cases no digest has listed yet (or only a digest that was superseded or failed): decided per case, by what
    earlier digests listed, never by comparing an email's arrival with a digest's time."""
    unsent = select(OutboundEmail.id).where(OutboundEmail.kind == "digest", OutboundEmail.status.in_(("superseded", "failed")))
    return session.exec(select(Case).where((Case.digest_id == None) | Case.digest_id.in_(unsent))  # noqa: E711
                        .order_by(Case.year, Case.seq)).all()


def digest_context(session: Session, cfg, now_local: datetime, deadlines, cal, horizon: int, stale_hours: int = 6) -> dict:
    today = now_local.date()
    last = session.exec(select(OutboundEmail.created_at).where(OutboundEmail.kind == "digest")
                        .order_by(OutboundEmail.created_at.desc())).first()
    since = last or (now_local - timedelta(days=1))
    new_cases = new_cases_for_digest(session)
    waiting = session.exec(select(Case).where(Case.status == "needs_information").order_by(Case.reference)).all()
    upcoming = [d for d in deadlines if d.due >= today and cal.between(today, d.due) <= horizon]
    overdue = [d for d in deadlines if d.due < today]
    from intake.attention import for_digest

    review = for_digest(session, since)  # kept for review, failed, unread automatic mail, stuck in the inbox
    failed_out = session.exec(select(OutboundEmail).where(OutboundEmail.status == "failed")).all()
    last_poll = session.get(ServiceState, "last_poll_ok")
    last_error = session.get(ServiceState, "last_poll_error")
    stale_after = timedelta(hours=stale_hours)
    stale = last_poll is None or now_local - last_poll.updated_at.astimezone(now_local.tzinfo) > stale_after
    from notifier.delivery import last_success, long_outage

    delivery_down = long_outage(session, now_local)
    worked = last_success(session)
    capped = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_capped", AuditEvent.at >= since)).all()
    refused = session.exec(select(AuditEvent).where(AuditEvent.action == "command_refused", AuditEvent.at >= since)).all()
    return {
        "stale_mailbox": stale, "stale_hours": stale_hours,
        "last_poll_error": last_error.value if (last_error and (last_poll is None or last_error.updated_at > last_poll.updated_at)) else None,
        "delivery_down_since": delivery_down[0].astimezone(now_local.tzinfo).strftime("%Y-%m-%d %H:%M") if delivery_down else None,
        "delivery_error": delivery_down[1] if delivery_down else None,
        "replies_capped": len(capped),
        "refused_commands": [json.loads(e.detail)["reason"] for e in refused],
        "today": today.isoformat(),
        "new_cases": [{"reference": c.reference, "child": child_label(c, cfg.privacy.include_names), "missing": len(json.loads(c.missing_json))} for c in new_cases],
        "waiting": [{"reference": c.reference, "child": child_label(c, cfg.privacy.include_names)} for c in waiting],
        "upcoming": [{"case": d.case, "clock": d.clock, "title": d.title, "due": d.due.isoformat(), "estimated": d.estimated,
                      "rag": rag(d, today, cal), "child": d.child} for d in upcoming],
        "overdue": [{"case": d.case, "clock": d.clock, "title": d.title, "due": d.due.isoformat(), "estimated": d.estimated,
                     "days": cal.between(d.due, today), "child": d.child} for d in overdue],
        "paused": paused_deadlines(session, cfg),
        "review": review,
        "failed_deliveries": [{"id": o.id, "kind": o.kind} for o in failed_out],
        "last_poll": last_poll.value if last_poll else "never",
        "last_remind": worked["reminders"], "last_delivery": worked["delivery"],
    }


def remind(svc, now: datetime, dry_run: bool = False) -> list[dict]:
    """Everything due at ``now``; unless dry_run, enqueue it (once per key) and deliver."""
    cfg = svc.cfg
    rules, cal, settings = rules_from_config(cfg.deadlines)
    now_local = now.astimezone(cfg.tz)
    digest_at = time(*(int(x) for x in cfg.schedule.digest_at.split(":")))
    result = []
    with Session(svc.engine) as session:
        deadlines = open_deadlines(session, cfg)
        due = due_notifications(deadlines, sent_keys(session), now_local, cal, cfg.people.manager, cfg.people.chair,
                                digest_at, settings["meeting_dates"])
        for n in due:
            result.append({"kind": n.kind, "to": n.to, "case": n.case, "clock": n.clock, "key": n.key, "stage": n.stage,
                           "due": n.deadline.due.isoformat() if n.deadline else None,
                           "estimated": n.deadline.estimated if n.deadline else None})
        if dry_run:
            return result
        common = {"organisation": cfg.organisation.name, "group": cfg.organisation.group}
        domain = cfg.smtp.from_.rsplit("@", 1)[-1].strip(">")
        secret = cfg.command_secret

        def reply_token(to, case, purpose):
            if not secret:
                return None
            from intake import tokens

            return tokens.marker(tokens.issue(secret, to, case, purpose, now, cfg.commands.token_days))

        for n in due:
            attachments = []
            token = reply_token(n.to, n.case, n.kind)
            if n.kind in ("reminder", "escalation"):
                d = n.deadline
                audience = "manager" if n.kind == "reminder" else "chair"
                history = []
                if n.kind == "escalation":
                    row = session.exec(select(Deadline).join(Case).where(Case.reference == d.case, Deadline.clock == d.clock)).first()
                    history = json.loads(row.history) if row else []
                subject, text, html = render(audience, n.kind, **common, d=d, stage=n.stage, token=token,
                                             late=cal.between(d.due, now_local.date()) if now_local.date() > d.due else 0,
                                             history=history)
                attachments.append(ics(d, domain))
                case_id = session.exec(select(Case.id).where(Case.reference == d.case)).first()
            elif n.kind == "digest":
                supersede(session, "digest:", n.key, now)  # first: the cases of an undelivered digest go in this one
                ctx = digest_context(session, cfg, now_local, deadlines, cal, settings["digest_horizon_days"],
                                     settings["stale_mailbox_hours"])
                subject, text, html = render("manager", "digest", **common, **ctx, token=token)
                case_id = None
                listed = ctx["new_cases"]
            else:
                meeting = n.extra["meeting"]
                items = [d for d in deadlines]
                subject, text, html = render("chair", "agenda", **common, meeting=meeting.isoformat(), deadlines=items,
                                             paused=paused_deadlines(session, cfg), token=token)
                case_id = None
            if n.kind in ("reminder", "escalation"):
                supersede(session, f"{n.kind}:{n.case}:{n.clock}:", n.key, now)
            row = enqueue(session, key=n.key, kind=n.kind, case_id=case_id, now=now,
                          message=build_email(sender=cfg.smtp.from_, to=n.to, subject=subject, text=text, html=html, now=now,
                                              attachments=attachments))
            if n.kind == "digest" and row is not None:
                session.flush()
                for item in listed:
                    case = session.exec(select(Case).where(Case.reference == item["reference"])).one()
                    case.digest_id = row.id
                    session.add(case)
        session.commit()
    from intake.service import deliver
    from notifier.delivery import record_state

    record_state(svc.engine, "last_remind_ok", now)
    deliver(svc, now=max(now, svc.now()))
    return result
