"""Single-agency action plans as agencies send them (.docx table, .xlsx sheet), for the demo and the tests."""

from __future__ import annotations

import os

import io
from datetime import date

from intake.cli.actions import action_rows
from notifier.wording import day
from intake.demo.forms import referral_email
from intake.service.services import poll_and_deliver
from intake.store.models import Case, OutboundEmail

WORDING_A = ["Recommendation", "Action", "Lead officer / Owner (with email)", "Agency", "Target date", "Status/RAG"]
WORDING_B = ["Rec No.", "Key learning", "What we will do", "Action owner", "Owner email", "Responsible agency",
             "Timescale", "Progress update"]
WORDING_C = ["Area for improvement", "Single agency action", "Named lead", "Organisation", "By when", "RAG rating",
             "Date completed"]

SAMPLE_ROWS = [
    {"rec": "1. Health visitors to record who lives in the household",
     "action": "Audit 20 health visiting records for household composition",
     "owner": "Priya Shah", "email": "priya.shah@alderhey.nhs.uk", "agency": "Alder Hey", "due": date(2027, 3, 31),
     "status": "Amber"},
    {"rec": "1. Health visitors to record who lives in the household",
     "action": "Briefing on household composition for all health visitors",
     "owner": "Tom Reid", "email": "tom.reid@alderhey.nhs.uk", "agency": "Alder Hey", "due": date(2027, 2, 26),
     "status": "Green"},
    {"rec": "2. Schools to share attendance concerns with children's social care",
     "action": "Update the attendance escalation policy",
     "owner": "Dana Cole", "email": "dana.cole@gmail.com", "agency": "Education Service", "due": date(2027, 4, 30),
     "status": "Not started"},
]


def cells(row: dict, wording: list[str], date_as=None) -> list:
    """One row's cells in a wording's column order (dates as the wording writes them, or ``date_as``)."""
    due = row["due"] if not isinstance(row["due"], date) else (date_as(row["due"]) if date_as else row["due"].strftime("%d/%m/%Y"))
    if wording is WORDING_A:
        return [row["rec"], row["action"], f"{row['owner']} ({row['email']})", row["agency"], due, row["status"]]
    if wording is WORDING_B:
        number, _, text = row["rec"].partition(". ")
        return [number, text, row["action"], row["owner"], row["email"], row["agency"], due, row["status"]]
    return [row["rec"], row["action"], f"{row['owner']} <{row['email']}>", row["agency"], due, row["status"],
            row.get("done", "")]


def plan_docx(headers: list[str], rows: list[list], title: str = "Single agency action plan") -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    d.add_paragraph("Case reference and review: see the email subject. No names of children or family members.")
    t = d.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, headers):
        cell.text = text
    for row in rows:
        out = t.add_row().cells
        for cell, value in zip(out, row):
            cell.text = value if isinstance(value, str) else value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def plan_xlsx(headers: list[str], rows: list[list], title: str | None = "Action plan") -> bytes:
    """A workbook whose sheet may start with a title line above the header row; date cells are real dates."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def demo_plan_email(reference: str, to: str, today: date) -> bytes:
    """A health agency's plan for ``reference`` as an .xlsx (wording B), dates from ``today``: two actions, one
    owned by an address outside the partner domains (its agency's lead is reminded), and a row whose target date is
    "TBC" (refused, reported by row number)."""
    from datetime import timedelta


    rows = [dict(SAMPLE_ROWS[0], email="priya.shah@nhs.net", agency="Example Community Health", due=today + timedelta(days=35)),
            dict(SAMPLE_ROWS[2], due=today + timedelta(days=63), agency="Example Education Service"),
            dict(SAMPLE_ROWS[1], email="tom.reid@nhs.net", agency="Example Community Health", due="TBC")]
    table = [cells(r, WORDING_B, lambda d: d) for r in rows]
    return referral_email("Pat Nurse <pat.nurse@nhs.net>", to, f"{reference} single agency action plan",
                          [("Health action plan.xlsx", plan_xlsx(WORDING_B, table))],
                          body="Please find attached our single agency action plan.")


def show_demo_plan(cfg, svc, source, today: date) -> None:
    """The demo's action plan: emailed in the first case's thread, read, acknowledged; its actions listed."""
    from email import message_from_bytes
    from email.policy import default as default_policy

    from sqlmodel import Session, select


    with Session(svc.engine) as s:
        case = s.exec(select(Case).order_by(Case.seq)).first()
    if case is None:
        return
    name = source.deliver(demo_plan_email(case.reference, cfg.smtp.from_, today))
    when = svc.now().timestamp()   # it arrived at the demo's moment (the Maildir's file time is the arrival time)
    os.utime(source.path / "new" / name, (when, when))
    report, _ = poll_and_deliver(svc, source=source)
    print(f"\ndropped into the mailbox: an action plan for {case.reference} (.xlsx, one row's target date \"TBC\")")
    print(report.line())
    with Session(svc.engine) as s:
        print()
        for r in action_rows(s, cfg, today):   # one action a few lines: nothing cut off
            print(f"{r['reference']} {r['clock']}: {' '.join((r['action'] or '').split())}")
            print(f"    due {day(r['due'])}, {r['agency'] or 'no agency given'}; reminders to {r['reminded'] or 'nobody yet'}")
        ack = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "action_plan_ack")).first()
    if ack is not None:
        msg = message_from_bytes(ack.raw.encode(), policy=default_policy)
        print(f"\n--- The action plan's acknowledgement, as the agency gets it ---\nSubject: {msg['Subject']}\n")
        print(msg.get_body(("plain",)).get_content().strip())
