"""`intake actions [REF] [--overdue] [--json]`: the tracked actions (A1, A2 ...) of action plans, and their state.

Lists every action clock: those read from emailed plans (with owner, agency and the plan's status) and those
typed with `intake action`. ``working_days_late`` counts working days after the target date (0 when not late).
"""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, select

from intake.duties.action_plans import recipient
from intake.duties.actions import ActionError, find_case
from intake.store.db import open_database
from intake.store.models import ActionItem, Case, Deadline
from notifier.deadlines_store import working_calendar


def add_parser(sub) -> None:
    """The subcommand's registration (called from intake.cli.program)."""
    ap = sub.add_parser("actions", help="list the tracked actions of action plans (A1, A2 ...), with owner, agency and due date")
    ap.add_argument("reference", nargs="?", metavar="REF", help="only this case's actions, e.g. SIRG-2026-0001 (any letter case)")
    ap.add_argument("--overdue", action="store_true", help="only open actions whose target date has passed")
    ap.add_argument("--at", metavar="DATETIME", help="as of this moment, e.g. 2027-03-01T09:00 (default: now)")
    ap.add_argument("--json", action="store_true", help="print a JSON list of the actions")


def action_rows(session: Session, cfg, today: date, reference: str | None = None, overdue: bool = False) -> list[dict]:
    """One dict per action clock, ordered by case and number (pure apart from the query)."""

    cal = working_calendar(cfg)
    query = select(Deadline, Case).where(Deadline.case_id == Case.id, Deadline.clock.like("A%"))
    if reference:
        query = query.where(Case.reference == reference.strip().upper())
    items = {(i.case_id, i.clock): i for i in session.exec(select(ActionItem))}
    out = []
    for d, c in session.exec(query).all():
        if not d.clock[1:].isdigit():
            continue
        item = items.get((c.id, d.clock))
        late = cal.between(d.due, today) if d.status == "open" and today > d.due else 0
        if overdue and not late:
            continue
        agency = item.agency if item else (json.loads(d.rule or "{}").get("agency") or None)
        out.append({
            "reference": c.reference, "clock": d.clock, "recommendation": item.recommendation if item else None,
            "action": item.action if item else d.title.removeprefix("Action: "), "owner_name": item.owner_name if item else None,
            "owner_email": item.owner_email if item else None, "agency": agency,
            "reminded": recipient(cfg, item) if item else None, "due": d.due.isoformat(), "status": d.status,
            "met_on": d.met_on.isoformat() if d.met_on else None, "working_days_late": late,
            "on_time": (d.met_on <= d.due) if d.met_on else None,
            "plan_status": item.plan_status if item else None, "progress": item.progress if item else None,
            "source": "action_plan" if item else "cli",
        })
    return sorted(out, key=lambda r: (r["reference"], int(r["clock"][1:])))


def print_table(rows: list[dict]) -> None:
    if not rows:
        print("no actions")
        return
    print(f"{'CASE':16} {'ACTION':6} {'DUE':10} {'STATUS':12} {'AGENCY':22} {'REMINDED':34} WHAT")
    for r in rows:
        state = f"late {r['working_days_late']}wd" if r["working_days_late"] else (
            f"met {r['met_on']}" if r["status"] == "met" else r["status"])
        what = " ".join((r["action"] or "").split())
        print(f"{r['reference']:16} {r['clock']:6} {r['due']:10} {state[:12]:12} {(r['agency'] or '-')[:22]:22} "
              f"{(r['reminded'] or '-')[:34]:34} {what[:60]}")


def cmd_actions(args, cfg, parse_moment, UsageError) -> int:
    today = parse_moment(args.at, cfg.tz).astimezone(cfg.tz).date()
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        if args.reference:
            try:
                find_case(s, args.reference)
            except ActionError as exc:
                raise UsageError(str(exc)) from None
        rows = action_rows(s, cfg, today, args.reference, args.overdue)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print_table(rows)
    return 0
