"""The deadline commands: deadlines, remind, mark, event (and the demo's deadline summary)."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timezone

from sqlmodel import Session, select

from intake.db import open_database
from intake.models import AuditEvent, Case, Deadline


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
    from intake.service import build_services
    from notifier.remind import remind

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
    from intake.actions import ActionError, find_case

    try:
        return find_case(session, ref)
    except ActionError as exc:
        raise UsageError(str(exc)) from None


def _date(text, UsageError) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise UsageError(f"{text!r} is not a DATE; write it like 2027-01-04") from None


def cmd_mark(args, cfg, parse_moment, UsageError) -> int:
    from intake.actions import ActionError, extend, mark

    now = datetime.now(timezone.utc)
    if args.extend_to:
        to = _date(args.extend_to, UsageError)
        if not args.reason.strip():
            raise UsageError("--extend-to needs --reason TEXT (e.g. \"Panel agreed extension on 2027-01-20\")")
        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            case = _case(s, args.reference, UsageError)
            try:
                extend(s, case, args.clock, to, args.reason, "cli", now)
            except ActionError as exc:
                raise UsageError(f"{exc}; see intake deadlines") from None
            s.commit()
        print(f"{args.reference} {args.clock.upper()}: extended to {to.isoformat()}")
        return 0
    on = _date(args.on, UsageError) if args.on else now.astimezone(cfg.tz).date()
    action = "waived" if args.waive else "paused" if args.pause else "resumed" if args.resume else "met"
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)
        try:
            row = mark(s, case, args.clock, action, on, args.reason, "cli", now, cfg)
        except ActionError as exc:
            raise UsageError(f"{exc}; see intake deadlines") from None
        s.commit()
        due = row.due
    print(f"{args.reference} {args.clock.upper()}: {action} on {on.isoformat()}" + (f"; due {due.isoformat()}" if action == "resumed" else ""))
    return 0


def cmd_event(args, cfg, parse_moment, UsageError) -> int:
    from intake.actions import record_event

    now = datetime.now(timezone.utc)
    on = _date(args.on, UsageError)
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)
        rows = record_event(s, case, args.event, on, args.value, "cli", now, cfg)
        s.commit()
        summary = ", ".join(f"{r.clock} due {r.due.isoformat()}" for r in rows if r.status == "open")
    print(f"{args.reference}: {args.event} on {on.isoformat()} recorded; open deadlines: {summary or 'none'}")
    return 0


def demo_summary(cfg, svc) -> None:
    with Session(svc.engine) as s:
        rows = _deadline_rows(s)
    print(f"\n{'CASE':16} {'CLOCK':5} {'DUE':11} TITLE")
    for r in rows:
        print(f"{r['case']:16} {r['clock']:5} {r['due']:11} {r['title']}{' (estimated)' if r['estimated'] else ''}")
    from email import message_from_bytes
    from email.policy import default as default_policy

    from notifier.remind import remind

    at = datetime.now(timezone.utc)
    first_due = min((date.fromisoformat(r["due"]) for r in rows), default=None)
    if first_due is not None:
        at = datetime.combine(first_due, datetime.min.time()).replace(hour=9, tzinfo=cfg.tz)
    items = remind(svc, at)
    print(f"\nOn the first due date ({at:%Y-%m-%d %H:%M}) the bot sends: " + (", ".join(i["key"] for i in items) or "nothing"))
    outbox = cfg.resolve(cfg.smtp.path)
    for kind, title in (("acknowledgement", "An acknowledgement, as the referrer gets it"),
                        ("digest", "The daily digest, as the Safeguarding Manager gets it")):
        files = sorted(outbox.glob(f"*-{kind}.eml"))
        if files:
            msg = message_from_bytes(files[0].read_bytes(), policy=default_policy)
            print(f"\n--- {title} ({files[0].name}) ---\nSubject: {msg['Subject']}\n")
            print(msg.get_body(("plain",)).get_content().strip())


def cmd_action(args, cfg, parse_moment, UsageError) -> int:
    """Record a single-agency action item with its own due date (clock A1, A2 ...)."""
    now = datetime.now(timezone.utc)
    agreed = _date(args.agreed, UsageError) if args.agreed else now.astimezone(cfg.tz).date()
    due = _date(args.due, UsageError)
    if due < agreed:
        raise UsageError("--due must not be before --agreed")
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = _case(s, args.reference, UsageError)
        count = len(s.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock.like("A%"))).all())
        clock = f"A{count + 1}"
        title = f"Action: {args.text}" + (f" ({args.agency})" if args.agency else "")
        s.add(Deadline(case_id=case.id, clock=clock, title=title, anchor="action_agreed", anchor_date=agreed, due=due,
                       rule=json.dumps({"unit": "own due date", "agency": args.agency}),
                       history=json.dumps([{"at": now.isoformat(), "by": "cli", "what": "created", "due": due.isoformat()}])))
        s.add(AuditEvent(at=now, actor="cli", action="action_created", case_id=case.id,
                         detail=json.dumps({"clock": clock, "due": due.isoformat(), "agreed": agreed.isoformat()})))
        s.commit()
    print(f"{args.reference} {clock}: due {due.isoformat()}")
    return 0
