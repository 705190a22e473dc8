"""The deadline commands: deadlines, remind, mark, event (and the demo's deadline summary)."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta, timezone

from sqlmodel import Session, select

from intake.duties.action_plans import next_clock
from intake.duties.actions import ActionError, check_happened, decision_value, extend, find_case, mark, record_event
from intake.service.remind import remind
from intake.service.services import build_services
from intake.store.db import open_database
from intake.store.models import AuditEvent, Case, Deadline
from notifier.wording import day


def _now() -> datetime:
    """The moment a command runs (a seam: tests pin it to check dates against "today")."""
    return datetime.now(timezone.utc)


def _deadline_rows(session, at_local_date: date | None = None) -> list[dict]:
    rows = session.exec(select(Deadline, Case).where(Deadline.case_id == Case.id).order_by(Deadline.due, Case.reference, Deadline.clock)).all()
    out = []
    for d, c in rows:
        if d.status in ("met", "waived"):
            continue
        out.append({"case": c.reference, "clock": d.clock, "title": d.title, "anchor": d.anchor,
                    "anchor_date": d.anchor_date.isoformat(), "due": d.due.isoformat(), "status": d.status,
                    "estimated": d.estimated, "overdue": bool(at_local_date and d.due < at_local_date)})
    return out


def cmd_deadlines(args, cfg, parse_moment, UsageError) -> int:
    at = parse_moment(args.at, cfg.tz).astimezone(cfg.tz).date()
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        rows = _deadline_rows(s, at)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'CASE':16} {'CLOCK':5} {'DUE':11} {'STATUS':8} TITLE")
    for r in rows:
        flag = " OVERDUE" if r["overdue"] else ""
        est = " (estimated)" if r["estimated"] else ""
        print(f"{r['case']:16} {r['clock']:5} {r['due']:11} {r['status']:8} {r['title']}{est}{flag}")
    return 0


def cmd_remind(args, cfg, parse_moment, UsageError) -> int:
    at = parse_moment(args.at, cfg.tz)
    svc = build_services(cfg, now=lambda: at)
    items = remind(svc, at, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(items, indent=2))
    else:
        verb = "would send" if args.dry_run else "queued"
        for i in items:
            print(f"{verb} {i['kind']:10} to {i['to']:40} {i['key']}")
        if not items:
            print("nothing due")
    return 0


def _case(session, ref, UsageError) -> Case:
    try:
        return find_case(session, ref)
    except ActionError as exc:
        raise UsageError(str(exc)) from None


def _date(text, UsageError, today: date | None = None) -> date:
    """A DATE argument: ISO, or ``today`` / ``yesterday`` (issue 24.3: the words every emailed command takes)."""
    word = (text or "").strip().lower()
    if today is not None and word in ("today", "yesterday"):
        return today - timedelta(days=1 if word == "yesterday" else 0)
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UsageError(f"{text!r} is not a DATE; write it like 2027-01-04, or today, or yesterday") from None


def _checked(fn, UsageError, hint: str = ""):
    """Run an action's check; its refusal becomes a usage error (exit 2) with the action's own sentence."""

    try:
        return fn()
    except ActionError as exc:
        raise UsageError(f"{exc}{hint}") from None


def cmd_mark(args, cfg, parse_moment, UsageError) -> int:
    now = _now()
    if args.extend_to:
        to = _date(args.extend_to, UsageError, now.astimezone(cfg.tz).date())
        if not args.reason.strip():
            raise UsageError("--extend-to needs --reason TEXT (e.g. \"Panel agreed extension on 2027-01-20\")")
        if args.on:
            raise UsageError("--extend-to takes no --on: the new due date is the DATE given to --extend-to")
        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            case = _case(s, args.reference, UsageError)
            _checked(lambda: extend(s, case, args.clock, to, args.reason, "cli", now), UsageError, "; see intake deadlines")
            s.commit()
            reference = case.reference
        print(f"{reference} {args.clock.upper()}: extended to {to.isoformat()}")
        return 0
    on = _date(args.on, UsageError, now.astimezone(cfg.tz).date()) if args.on else now.astimezone(cfg.tz).date()
    action = "waived" if args.waive else "paused" if args.pause else "resumed" if args.resume else "met"
    if action in ("waived", "paused") and not args.reason.strip():
        raise UsageError(f"--{action[:-1] if action == 'paused' else 'waive'} needs --reason TEXT saying why "
                         "(e.g. --reason \"criminal proceedings\")")
    _checked(lambda: check_happened(action, on, now, cfg.tz), UsageError)
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)
        row = _checked(lambda: mark(s, case, args.clock, action, on, args.reason, "cli", now, cfg), UsageError,
                       "; see intake deadlines")
        s.commit()
        due, reference = row.due, case.reference
    print(f"{reference} {args.clock.upper()}: {action} on {on.isoformat()}" + (f"; due {due.isoformat()}" if action == "resumed" else ""))
    return 0


def cmd_event(args, cfg, parse_moment, UsageError) -> int:
    now = _now()
    on = _date(args.on, UsageError, now.astimezone(cfg.tz).date())
    value = None
    if args.event == "decision":
        value = _checked(lambda: decision_value(args.value), UsageError)
    elif args.value is not None:
        raise UsageError(f"{args.event} takes no --value; only a decision does (e.g. --value lcspr)")
    _checked(lambda: check_happened(args.event, on, now, cfg.tz), UsageError)
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)
        _checked(lambda: record_event(s, case, args.event, on, value, "cli", now, cfg), UsageError)
        s.commit()
        rows = s.exec(select(Deadline).where(Deadline.case_id == case.id).order_by(Deadline.due)).all()
        summary = ", ".join(f"{r.clock} due {r.due.isoformat()}" for r in rows if r.status == "open")
        met = [f"{r.clock} met on {r.met_on.isoformat()}" for r in rows if r.status == "met" and r.met_on == on]
        reference = case.reference
    print(f"{reference}: {args.event}{' ' + value if value else ''} on {on.isoformat()} recorded"
          + (f"; {', '.join(met)}" if met else "") + f"; open deadlines: {summary or 'none'}")
    return 0


def demo_summary(cfg, svc, before_remind=None) -> datetime:
    """The demo's deadlines, then the reminder round of the first due date at 09:00 (``before_remind(at)`` runs
    first: the demo checks the mailbox that morning, as the service would). Returns that moment."""
    with Session(svc.engine) as s:
        rows = _deadline_rows(s)
    print("\nDEADLINES")
    for r in rows:
        print(f"  {r['case']} {r['clock']}: due {day(r['due'])}{' (estimated)' if r['estimated'] else ''} - {r['title']}")
    from email import message_from_bytes
    from email.policy import default as default_policy


    at = datetime.now(timezone.utc)
    first_due = min((date.fromisoformat(r["due"]) for r in rows), default=None)
    if first_due is not None:
        at = datetime.combine(first_due, datetime.min.time()).replace(hour=9, tzinfo=cfg.tz)
    if before_remind is not None:
        before_remind(at)
    remind(svc, at)
    print(f"\nOn the first due date, {day(at.date())} at 09:00, the bot sends its reminders:")
    outbox = cfg.resolve(cfg.smtp.path)
    for kind, title in (("acknowledgement", "An acknowledgement, as the referrer gets it"),
                        ("digest", "The morning briefing, as the Safeguarding Manager gets it"),
                        ("escalation", "The escalation, as the Chair gets it")):
        files = sorted(outbox.glob(f"*-{kind}.eml"))
        if files:
            msg = message_from_bytes(files[0].read_bytes(), policy=default_policy)
            print(f"\n--- {title} ({files[0].name}) ---\nSubject: {msg['Subject']}\n")
            print(msg.get_body(("plain",)).get_content().strip())
    return at


def cmd_action(args, cfg, parse_moment, UsageError) -> int:
    """Record a single-agency action item with its own due date (clock A1, A2 ...)."""
    now = _now()
    agreed = _date(args.agreed, UsageError, now.astimezone(cfg.tz).date()) if args.agreed else now.astimezone(cfg.tz).date()
    due = _date(args.due, UsageError, now.astimezone(cfg.tz).date())
    if due < agreed:
        raise UsageError("--due must not be before --agreed")
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)

        clock = next_clock(session=s, case=case)  # after the highest A<n>, typed here or read from a plan
        title = f"Action: {args.text}" + (f" ({args.agency})" if args.agency else "")
        s.add(Deadline(case_id=case.id, clock=clock, title=title, anchor="action_agreed", anchor_date=agreed, due=due,
                       rule=json.dumps({"unit": "own due date", "agency": args.agency}),
                       history=json.dumps([{"at": now.isoformat(), "by": "cli", "what": "created", "due": due.isoformat()}])))
        s.add(AuditEvent(at=now, actor="cli", action="action_created", case_id=case.id,
                         detail=json.dumps({"clock": clock, "due": due.isoformat(), "agreed": agreed.isoformat()})))
        s.commit()
    print(f"{args.reference} {clock}: due {due.isoformat()}")
    return 0
