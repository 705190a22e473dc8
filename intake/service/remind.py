"""`intake remind`: turn what is due into outbox rows (or a dry-run list), then deliver."""

from __future__ import annotations

from datetime import datetime, time

from sqlmodel import Session, select

from intake.duties.action_reminders import queue_owner_reminders
from intake.duties.meeting_pack import pack_context
from intake.duties.rapid_review import remind_unconvened
from intake.privacy import child_label
from intake.service.services import deliver
from intake.store.attention import mark_listed
from intake.store.models import Case, Deadline, OutboundEmail
from notifier.briefing import (deadline_line, digest_context, escalation_items, new_cases_for_digest,  # noqa: F401
                               paused_deadlines, reminder_context)
from notifier.compose import build_email, render
from notifier.deadlines import ACTION_RULE, rules_from_config
from notifier.delivery import record_state
from notifier.due import due_notifications, OpenDeadline
from notifier.meetings import meeting_dates, meeting_ics
from notifier.outbox import already_queued, enqueue, supersede
from notifier.reply_commands import reply_token as issue_token
from notifier.summary import reply_help
from notifier.wording import day


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


def sent_keys(session: Session) -> set[str]:
    return set(session.exec(select(OutboundEmail.key).where(
        OutboundEmail.kind.in_(("reminder", "escalation", "digest", "agenda")))).all())


URGENT = ("due", "overdue")


def _first_case(deadlines: list[OpenDeadline]) -> str | None:
    """A case the email lists, for its examples (the soonest due)."""
    return deadlines[0].case if deadlines else None


def _combine(due, today_briefing_queued: bool, chair_email_queued: bool):
    """[notifications] combine: which notifications go out as their own emails, and which ride in the morning
    briefing or the Chair's one escalation email of the day. A reminder waits for the next briefing, unless
    today's briefing has gone already and it cannot wait (due today or overdue); escalations found after the
    Chair's email of the day wait for tomorrow's."""
    briefing = next((n for n in due if n.kind == "digest"), None)
    alone, folded, escalations = [], [], []
    for n in due:
        if n.kind == "reminder":
            if briefing is not None:
                folded.append(n)
            elif today_briefing_queued and n.stage.startswith(URGENT):
                alone.append(n)
        elif n.kind == "escalation":
            if not chair_email_queued:
                escalations.append(n)
        else:
            alone.append(n)
    return alone, folded, escalations


def remind(svc, now: datetime, dry_run: bool = False) -> list[dict]:
    """Everything due at ``now``; unless dry_run, enqueue it (once per key) and deliver."""
    cfg = svc.cfg
    rules, cal, settings = rules_from_config(cfg.deadlines)
    now_local = now.astimezone(cfg.tz)
    today = now_local.date()
    digest_at = time(*(int(x) for x in cfg.schedule.digest_at.split(":")))
    combine = cfg.notifications.combine
    briefing_key, chair_key = f"digest:{today.isoformat()}", f"escalation:{today.isoformat()}"
    meetings = meeting_dates(cfg, today)
    result = []
    with Session(svc.engine) as session:
        deadlines = open_deadlines(session, cfg)
        due = due_notifications(deadlines, sent_keys(session), now_local, cal, cfg.people.manager, cfg.people.chair,
                                digest_at, meetings)
        if combine:
            alone, folded, escalations = _combine(due, already_queued(session, briefing_key), already_queued(session, chair_key))
        else:
            alone, folded, escalations = due, [], []
        for n in [*alone, *folded, *escalations]:
            item = {"kind": n.kind, "to": n.to, "case": n.case, "clock": n.clock, "key": n.key, "stage": n.stage,
                    "due": n.deadline.due.isoformat() if n.deadline else None,
                    "estimated": n.deadline.estimated if n.deadline else None}
            if n in folded:
                item["in"] = briefing_key
            elif n in escalations:
                item["in"] = chair_key
            result.append(item)
        # cases with no Rapid Review meeting set

        result += remind_unconvened(session, cfg, now, cal, dry_run=dry_run)
        # issue 16: action owners

        if dry_run:
            return result + queue_owner_reminders(session, cfg, now, cal, dry_run=True)
        common = {"organisation": cfg.organisation.name, "group": cfg.organisation.group}
        domain = cfg.smtp.from_.rsplit("@", 1)[-1].strip(">")

        def reply_token(to, case, purpose):
            return issue_token(session, cfg, to, case, purpose, now)

        def queue(key, kind, to, subject, text, html, case_id=None, attachments=(), replies=None):
            return enqueue(session, key=key, kind=kind, case_id=case_id, now=now,
                           message=build_email(sender=cfg.smtp.from_, to=to, subject=subject, text=text, html=html, now=now,
                                               attachments=list(attachments), reply_to=(replies or {}).get("reply_to")))

        def covered(notes, row, kind):
            """Marker rows: these reminders (or escalations) went out inside ``row``; never sent again on their own."""
            for n in notes:
                session.add(OutboundEmail(key=n.key, kind=kind, case_id=None, to_address=n.to.lower(),
                                          subject=f"in {row.key}", message_id=row.message_id, raw="", status="combined",
                                          attempts=0, next_attempt_at=now, created_at=now))

        for n in alone:
            attachments = []
            token = reply_token(n.to, n.case, n.kind)
            if n.kind in ("reminder", "escalation"):
                d = n.deadline
                case_id, _ = session.exec(select(Case.id, Case.initials).where(Case.reference == d.case)).first()
                if n.kind == "reminder":
                    replies = reply_help(cfg, "reminder", token, "manager", d.clock, d.case, today=today)
                    subject, text, html = render("manager", "reminder", **common,
                                                 **reminder_context(cfg, d, n.stage, today, cal, replies))
                else:
                    items = escalation_items(session, cfg, [n], today, cal, meetings)
                    replies = reply_help(cfg, "escalation", token, "chair", d.clock, d.case, today)
                    subject, text, html = render("chair", "escalation", **common, items=items, today=day(today),
                                                 manager=f"{cfg.people.manager_name} ({cfg.people.manager})",
                                                 replies=replies)
                supersede(session, f"{n.kind}:{n.case}:{n.clock}:", n.key, now)
                queue(n.key, n.kind, n.to, subject, text, html, case_id, attachments, replies)
            elif n.kind == "digest":
                supersede(session, "digest:", n.key, now)  # first: the cases of an undelivered digest go in this one
                ctx = digest_context(session, cfg, now_local, deadlines, cal, settings["digest_horizon_days"],
                                     settings["stale_mailbox_hours"], read_raw=svc.files.get)
                replies = reply_help(cfg, "digest", token, "manager", reference=_first_case(deadlines), today=today)
                subject, text, html = render("manager", "digest", **common, **ctx, replies=replies)
                row = queue(n.key, n.kind, n.to, subject, text, html, replies=replies)
                if row is not None:
                    session.flush()
                    covered(folded, row, "reminder")
                    for item in ctx["new_cases"]:
                        case = session.exec(select(Case).where(Case.reference == item["reference"])).one()
                        case.digest_id = row.id
                        session.add(case)
                    mark_listed(session, ctx["review"], row.id)
            else:
                meeting = n.extra["meeting"]
                pack = pack_context(session, cfg, meeting, today, cal, meetings)
                replies = reply_help(cfg, "agenda", token, "chair", reference=_first_case(deadlines), today=today)
                subject, text, html = render("chair", "agenda", **common, **pack, paused=paused_deadlines(session, cfg),
                                             replies=replies)
                queue(n.key, n.kind, n.to, subject, text, html, attachments=[meeting_ics(cfg, meeting, domain, now)],
                      replies=replies)
        if escalations:
            token = reply_token(cfg.people.chair, None, "escalation")
            items = escalation_items(session, cfg, escalations, today, cal, meetings)
            replies = reply_help(cfg, "escalation", token, "chair", reference=escalations[0].case, today=today)
            subject, text, html = render("chair", "escalation", **common, items=items, today=day(today),
                                         manager=f"{cfg.people.manager_name} ({cfg.people.manager})", replies=replies)
            row = queue(chair_key, "escalation", cfg.people.chair, subject, text, html, replies=replies)
            if row is not None:
                session.flush()
                covered(escalations, row, "escalation")
        result += queue_owner_reminders(session, cfg, now, cal)
        session.commit()

    record_state(svc.engine, "last_remind_ok", now)
    deliver(svc, now=max(now, svc.now()))
    return result
