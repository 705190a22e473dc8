"""`intake demo`: the whole flow on embedded defaults, in a throwaway directory."""

from __future__ import annotations

import json
import os
import shlex
import tempfile
import re
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from sqlmodel import Session, select

from intake import config as config_mod
from intake.cli.deadlines import demo_summary
from intake.cli.invocation import invocation
from intake.cli.report import demo_report
from intake.demo.forms import demo_messages
from intake.demo.plans import show_demo_plan
from intake.duties.actions import mark
from intake.mailbox.maildir_source import MaildirSource
from intake.service.services import build_services, poll_and_deliver
from intake.store.models import Case, InboundMessage, OutboundEmail
from notifier.wording import day
from notifier.workdays import WorkingCalendar

DEMO_CONFIG = """\
[organisation]
name = "Example Safeguarding Children Partnership"
reference_prefix = "SIRG"

[people]
manager = "safeguarding.manager@example.gov.uk"
chair = "sirg.chair@example.police.uk"

[mailbox]
backend = "maildir"
path = "maildir"

[smtp]
backend = "directory"
path = "outbox"
from = "Example LSCP Referrals <referrals@example.gov.uk>"

[database]
url = "sqlite:///intake.db"

[storage]
path = "files"

[policy]
allowed_sender_domains = ["example.gov.uk", "nhs.net", "example.police.uk"]

[agencies]
"Example Education Service" = "education.lead@example.gov.uk"
"""


def emails_per_person(session: Session, since: datetime) -> dict[str, list[str]]:
    """The subjects of the emails written to each address from ``since`` on (rows folded into a briefing or into
    the Chair's escalation are not emails of their own)."""
    out: dict[str, list[str]] = {}
    for o in session.exec(select(OutboundEmail).where(OutboundEmail.created_at >= since, OutboundEmail.status != "combined")
                          .order_by(OutboundEmail.id)):
        out.setdefault(o.to_address, []).append(o.subject)
    return out


REASON_PREFIX = re.compile(r"^rule_\w+:\s*")


def reason_words(reasons_json: str) -> str:
    """A message's first reason without the rule's internal name ("rule_auto_submitted: ...")."""
    reasons = json.loads(reasons_json)
    return REASON_PREFIX.sub("", reasons[0]) if reasons else ""


def arrived(source, name: str, when: datetime) -> None:
    """The demo's email arrived at ``when`` (the Maildir's file time is the message's arrival time)."""
    os.utime(source.path / "new" / name, (when.timestamp(), when.timestamp()))


def demo_start(now: datetime, tz, cal) -> datetime:
    """When the demo's referrals arrive: 09:30 six working days before ``now``, so that the first due date has
    come by today and everything the demo does (and ``intake status`` afterwards) is in the past, in order."""
    arrival = cal.add(now.astimezone(tz).date(), -6)
    return datetime.combine(arrival, time(9, 30), tzinfo=tz)


def record_progress(svc, cfg, now: datetime) -> None:
    """The Manager records that the first case's Panel notification and report to the partners were made today
    (as `intake mark REF C1` would), so that the report has something to measure."""

    today = now.astimezone(cfg.tz).date()
    with Session(svc.engine) as session:
        case = session.exec(select(Case).order_by(Case.seq)).first()
        if case is None:
            return
        for clock in ("C1", "C2"):
            mark(session, case, clock, "met", today, "", "demo", now, cfg)
        session.commit()
        print(f"\nToday, {day(today)}, the Manager records that {case.reference}'s Panel notification and report to "
              "the partners were made (C1 and C2 met)")


def run_demo(directory: str | None = None, now: datetime | None = None, combine: bool = True) -> int:
    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="intake-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.toml").write_text(DEMO_CONFIG + ("" if combine else "\n[notifications]\ncombine = false\n"))
    cfg = config_mod.load(root / "config.toml")
    real_now = now or datetime.now(timezone.utc)
    moment = {"now": demo_start(real_now, cfg.tz, WorkingCalendar())}

    def clock() -> datetime:
        return moment["now"]

    svc = build_services(cfg, now=clock, isolated=False)
    source = MaildirSource(cfg.resolve(cfg.mailbox.path))
    print(f"Demo directory: {root}")
    print(f"  config   {root / 'config.toml'}\n  mailbox  {source.path}\n  outbox   {cfg.resolve(cfg.smtp.path)}\n  database {cfg.database_url}\n")
    today = clock().astimezone(cfg.tz).date()
    print(f"{day(today)}, 09:30: five emails arrive in the referral mailbox")
    for description, raw in demo_messages("Example LSCP Referrals <referrals@example.gov.uk>", today):
        arrived(source, source.deliver(raw), clock())
        print(f"  - {description}")
    report, delivery = poll_and_deliver(svc, source=source)
    print(f"\n{report.line()}")
    print(f"delivered {delivery.sent} email(s) to the outbox directory\n")
    with Session(svc.engine) as session:
        print("WHAT HAPPENED TO EACH EMAIL")
        for m in session.exec(select(InboundMessage).order_by(InboundMessage.id)):
            print(f"  message {m.id}: {m.outcome.replace('_', ' ')} - {reason_words(m.reasons)}")
        print("\nCASES")
        for c in session.exec(select(Case).order_by(Case.seq)):
            missing = ", ".join(json.loads(c.missing_json)) or "nothing"
            print(f"  {c.reference} ({c.initials}): {c.status.replace('_', ' ')}; missing: {missing}")
        print("\nEMAILS WRITTEN")
        for o in session.exec(select(OutboundEmail).order_by(OutboundEmail.id)):
            print(f"  {o.id}. to {o.to_address}: {o.subject}")
    # issue 16: an agency's action plan for the first case

    moment["now"] += timedelta(days=1)   # the next day, the agency's action plan arrives
    show_demo_plan(cfg, svc, source, clock().astimezone(cfg.tz).date())
    with Session(svc.engine) as session:
        last_id = session.exec(select(OutboundEmail.id).order_by(OutboundEmail.id.desc())).first() or 0
    def morning(at: datetime) -> None:
        moment["now"] = at - timedelta(minutes=5)   # the service checks the mailbox before the reminders
        poll_and_deliver(svc, source=source)
        moment["now"] = at

    try:
        demo_summary(cfg, svc, before_remind=morning)
    except ImportError:
        pass
    with Session(svc.engine) as session:
        first = session.exec(select(OutboundEmail).where(OutboundEmail.id > last_id).order_by(OutboundEmail.id)).first()
        per_person = emails_per_person(session, first.created_at) if first else {}
    if first:
        print(f"\nOn {day(first.created_at.astimezone(cfg.tz).date())} each person receives:")
        for who, title in ((cfg.people.manager, "the Safeguarding Manager"), (cfg.people.chair, "the Chair")):
            subjects = per_person.get(who, [])
            print(f"  {title}: {len(subjects)} email(s)")
            for subject in subjects:
                print(f"    - {subject}")
    moment["now"] = max(real_now, clock())   # back to the present: time only moves forward
    poll_and_deliver(svc, source=source)      # the mailbox checked now, as the running service would have
    record_progress(svc, cfg, clock())

    demo_report(cfg, svc.engine, root / "report", clock().astimezone(cfg.tz).date())
    print(f"\nAcknowledgements written as .eml files in {cfg.resolve(cfg.smtp.path)}")
    # the hint works as printed: `.venv/bin/intake`, `python -m intake` ...

    print(f"Try: {invocation()} --config {shlex.quote(str(root / 'config.toml'))} referrals")
    return 0
