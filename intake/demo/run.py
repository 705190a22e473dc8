"""`intake demo`: the whole flow on embedded defaults, in a throwaway directory."""

from __future__ import annotations

import json
import shlex
import tempfile
from datetime import datetime, timezone
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
        print(f"\nThe Manager records {case.reference} C1 and C2 met on {today.isoformat()} (intake mark {case.reference} C1)")


def run_demo(directory: str | None = None, now: datetime | None = None, combine: bool = True) -> int:
    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="intake-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.toml").write_text(DEMO_CONFIG + ("" if combine else "\n[notifications]\ncombine = false\n"))
    cfg = config_mod.load(root / "config.toml")
    clock = (lambda: now) if now else (lambda: datetime.now(timezone.utc))
    svc = build_services(cfg, now=clock, isolated=False)
    source = MaildirSource(cfg.resolve(cfg.mailbox.path))
    print(f"Demo directory: {root}")
    print(f"  config   {root / 'config.toml'}\n  mailbox  {source.path}\n  outbox   {cfg.resolve(cfg.smtp.path)}\n  database {cfg.database_url}\n")
    today = clock().astimezone(cfg.tz).date()
    for description, raw in demo_messages("Example LSCP Referrals <referrals@example.gov.uk>", today):
        source.deliver(raw)
        print(f"dropped into the mailbox: {description}")
    report, delivery = poll_and_deliver(svc, source=source)
    print(f"\n{report.line()}")
    print(f"delivered {delivery.sent} email(s) to the outbox directory\n")
    with Session(svc.engine) as session:
        print(f"{'MESSAGE':4} {'OUTCOME':20} REASON")
        for m in session.exec(select(InboundMessage).order_by(InboundMessage.id)):
            print(f"#{m.id:<3} {m.outcome:20} {json.loads(m.reasons)[0][:70] if json.loads(m.reasons) else ''}")
        print(f"\n{'CASE':16} {'STATUS':18} {'CHILD':6} MISSING")
        for c in session.exec(select(Case).order_by(Case.seq)):
            print(f"{c.reference:16} {c.status:18} {c.initials:6} {', '.join(json.loads(c.missing_json)) or '-'}")
        print(f"\n{'EMAIL':7} {'KIND':20} {'TO':38} SUBJECT")
        for o in session.exec(select(OutboundEmail).order_by(OutboundEmail.id)):
            print(f"{o.id:<7} {o.kind:20} {o.to_address:38} {o.subject}")
    # issue 16: an agency's action plan for the first case

    show_demo_plan(cfg, svc, source, today)
    with Session(svc.engine) as session:
        last_id = session.exec(select(OutboundEmail.id).order_by(OutboundEmail.id.desc())).first() or 0
    try:
        demo_summary(cfg, svc)
    except ImportError:
        pass
    with Session(svc.engine) as session:
        first = session.exec(select(OutboundEmail).where(OutboundEmail.id > last_id).order_by(OutboundEmail.id)).first()
        per_person = emails_per_person(session, first.created_at) if first else {}
    if first:
        print(f"\nOn the first due date ({day(first.created_at.astimezone(cfg.tz).date())}) each person receives:")
        for who, title in ((cfg.people.manager, "the Safeguarding Manager"), (cfg.people.chair, "the Chair")):
            subjects = per_person.get(who, [])
            print(f"  {title}: {len(subjects)} email(s)")
            for subject in subjects:
                print(f"    - {subject}")
    record_progress(svc, cfg, clock())

    demo_report(cfg, svc.engine, root / "report", today)
    print(f"\nAcknowledgements written as .eml files in {cfg.resolve(cfg.smtp.path)}")
    # the hint works as printed: `.venv/bin/intake`, `python -m intake` ...

    print(f"Try: {invocation()} --config {shlex.quote(str(root / 'config.toml'))} referrals")
    return 0
