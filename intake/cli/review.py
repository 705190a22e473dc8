"""`intake rapid-review` (convene the Rapid Review panel) and `intake review` (an LCSPR's reviewer), and the lines
`intake referral REF` adds about them."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from sqlmodel import Session

from intake.duties.actions import ActionError, find_case
from intake.duties.attendance import attendance, attendance_summary
from intake.duties.rapid_review import cancel, convene, current_meeting
from intake.duties.review import appoint, milestone_rows, reviewer_of
from intake.errors import RetryLater
from intake.service.services import build_services, deliver
from intake.store.db import open_database


def _now() -> datetime:
    """The moment a command runs (a seam: tests pin it)."""
    return datetime.now(timezone.utc)


def parse_start(text: str, tz, UsageError) -> datetime:
    """"2027-01-12 10:00" or "2027-01-12T10:00", local time in the organisation's timezone."""
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2})[:.](\d{2})\s*", text or "")
    try:
        if not m:
            raise ValueError
        d = date.fromisoformat(m.group(1))
        return datetime(d.year, d.month, d.day, int(m.group(2)), int(m.group(3)), tzinfo=tz)
    except ValueError:
        raise UsageError(f"--on {text!r} is not a date and time; write it like \"2027-01-12 10:00\"") from None


def cmd_rapid_review(args, cfg, parse_moment, UsageError) -> int:
    if bool(args.on) == bool(args.cancel):
        raise UsageError("give either --on \"DATE HH:MM\" (set or move the meeting) or --cancel")
    start = parse_start(args.on, cfg.tz, UsageError) if args.on else None
    now = _now()
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        try:
            case = find_case(s, args.reference)
            if args.cancel:
                cancelled = cancel(s, cfg, case, "cli", now)
            else:
                result = convene(s, cfg, case, start, args.invite or [], "cli", now)
        except ActionError as exc:
            raise UsageError(str(exc)) from None
        s.commit()
        reference = case.reference
    if args.cancel:
        print(f"{reference}: Rapid Review meeting {cancelled.start.astimezone(cfg.tz):%Y-%m-%d %H:%M} cancelled; "
              f"cancellation queued for {len(cancelled.invited)} people")
    else:
        m = result.meeting
        what = ("set" if result.new else f"moved (update {m.sequence})") if result.changed else "unchanged"
        print(f"{reference}: Rapid Review meeting {m.start.astimezone(cfg.tz):%Y-%m-%d %H:%M} {what}; "
              f"invitation queued for {len(result.queued)} of {len(m.invited)} people")

    try:
        svc = build_services(cfg, isolated=False)
        delivery = deliver(svc, now=max(now, svc.now()))
        print(f"delivered {delivery.sent} email(s); {delivery.deferred} deferred; {delivery.failed} failed")
    except RetryLater as exc:
        print(f"intake: delivery deferred: {exc}")
    return 0


def cmd_review(args, cfg, parse_moment, UsageError) -> int:
    now = _now()
    try:
        on = date.fromisoformat(args.on) if args.on else now.astimezone(cfg.tz).date()
    except ValueError:
        raise UsageError(f"--on {args.on!r} is not a DATE; write it like 2027-01-20") from None
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        try:
            case = find_case(s, args.reference)
            reviewer = appoint(s, case, args.reviewer, args.email, on, "cli", now)
        except ActionError as exc:
            raise UsageError(str(exc)) from None
        s.commit()
        rows = milestone_rows(s, case)
        print(f"{case.reference}: reviewer {reviewer.name} <{reviewer.email}> from {reviewer.on.isoformat()}")
        for d in rows:
            state = f"met {d.met_on.isoformat()}" if d.status == "met" else d.status
            print(f"  {d.clock:3} {d.title:45} due {d.due.isoformat()}  {state}")
    return 0


def referral_lines(session, case, cfg) -> list[str]:
    """What `intake referral REF` shows about the Rapid Review meeting and the reviewer."""

    out = []
    m = current_meeting(session, case)
    if m is not None:
        out.append(f"rapid review meeting: {m.start.astimezone(cfg.tz):%Y-%m-%d %H:%M} (invitation update {m.sequence}; "
                   f"{len(m.invited)} invited)")
        answers = attendance(session, case)
        out.append(f"  answers: {attendance_summary(answers)}")
        out += [f"    {a['attendee']}: {a['answer']}" + (" (to an earlier time)" if a["for_an_earlier_time"] else "")
                for a in answers]
    r = reviewer_of(session, case)
    if r is not None:
        out.append(f"reviewer: {r.name} <{r.email}> from {r.on.isoformat()}")
    return out


def referral_json(session, case, cfg) -> dict:
    m, r = current_meeting(session, case), reviewer_of(session, case)
    return {"rapid_review_meeting": None if m is None else {"start": m.start.isoformat(), "sequence": m.sequence,
                                                            "invited": len(m.invited),
                                                            "attendance": attendance(session, case)},
            "reviewer": None if r is None else {"name": r.name, "email": r.email, "from": r.on.isoformat()}}


def register(sub) -> None:
    rr = sub.add_parser("rapid-review", help="set (or move) a case's Rapid Review meeting and email the panel an "
                                             "invitation with a calendar file")
    rr.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    rr.add_argument("--on", metavar="\"DATE HH:MM\"",
                    help="when the meeting starts, local time, e.g. \"2027-01-12 10:00\"; a new time sends an update")
    rr.add_argument("--cancel", action="store_true",
                    help="cancel the case's meeting: everybody invited gets a calendar cancellation")
    rr.add_argument("--invite", nargs="+", metavar="EMAIL", default=[],
                    help="also invite these partner addresses (beyond [people] rapid_review_panel)")
    rv = sub.add_parser("review", help="record the reviewer (author) of a case's LCSPR; lists its milestones")
    rv.add_argument("reference", metavar="REF", help="the case reference, e.g. SIRG-2026-0001 (any letter case)")
    rv.add_argument("--reviewer", required=True, metavar="NAME", help="the reviewer's name, e.g. \"Dr A Reviewer\"")
    rv.add_argument("--email", required=True, metavar="EMAIL", help="the reviewer's email address")
    rv.add_argument("--on", metavar="DATE", help="the day the reviewer was commissioned (default: today)")
