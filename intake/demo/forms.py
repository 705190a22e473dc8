"""Sample Case Referral Forms and emails, made on the fly (invented people, Ofcom drama numbers).

Used by `intake demo` and the tests, so the package needs no shipped corpus.
"""

from __future__ import annotations

import io
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone


SAMPLE = {
    "Date of referral": "24/12/2026",
    "Name of referrer": "Sam Example",
    "Job title": "Social Worker",
    "Agency / organisation": "Example City Council Children's Services",
    "Email address": "sam.example@example.gov.uk",
    "Telephone number": "0151 496 0000",
    "Child's name": "Alex Sample",
    "Date of birth": "3 February 2020",
    "Gender": "Male",
    "Home address": "1 Example Street\nExampletown\nEX1 1AA",
    "Date of incident": "22/12/2026",
    "Date the local authority became aware": "24/12/2026",
    "Type of incident": "Serious harm",
    "Summary of the incident": "Alex was taken to hospital with a head injury after a fall at home.\nA strategy discussion was held the next day.",
    "Are the police involved?": "☒ Yes ☐ No",
}


def docx_form(answers: dict[str, str], title: str = "Case Referral Form") -> bytes:
    """A two-column label | value Word form with section rows."""
    import docx  # (python-docx only when a form is made: a worker's start-up does not load it, ~0.1 s)
    from docx.shared import Cm

    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph("OFFICIAL-SENSITIVE when complete. Return by secure email.")
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    widths = (Cm(6), Cm(10))
    for label, value in answers.items():
        if value is None:  # a section row
            row = table.add_row()
            row.cells[0].merge(row.cells[1]).text = label
            continue
        row = table.add_row()
        for c, w in zip(row.cells, widths):
            c.width = w
        row.cells[0].text = label
        lines = value.split("\n")
        cell = row.cells[1]
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def referral_email(sender: str, to: str, subject: str, attachments: list[tuple[str, bytes]] = (),
                   body: str = "Please find the referral attached.", headers: dict | None = None,
                   message_id: str | None = None, date: datetime | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2026, 12, 24, 10, 0, tzinfo=timezone.utc))
    msg["Message-ID"] = message_id or make_msgid(domain=sender.rsplit("@", 1)[-1].strip(">"))
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    for name, data in attachments:
        if name.endswith(".pdf"):
            maintype, subtype = "application", "pdf"
        else:
            maintype, subtype = "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def dated(sample: dict[str, str], today) -> dict[str, str]:
    """The sample form's dates moved to just before ``today`` (incident three days ago, the local authority told
    yesterday, the form sent today), so that the demo's clocks run from believable dates whenever it is run."""
    from datetime import timedelta

    def uk(d) -> str:
        return d.strftime("%d/%m/%Y")

    return sample | {"Date of referral": uk(today), "Date of incident": uk(today - timedelta(days=3)),
                     "Date the local authority became aware": uk(today - timedelta(days=1))}


def demo_messages(to: str, today=None) -> list[tuple[str, bytes]]:
    """(description, raw email) pairs covering the main outcomes (form dates just before ``today`` when given)."""
    sample = dated(SAMPLE, today) if today is not None else SAMPLE
    complete = docx_form(sample)
    partial = docx_form({k: v for k, v in sample.items() if k not in ("Date of incident", "Summary of the incident")}
                        | {"Child's name": "Jo Demo"})
    return [
        ("complete referral", referral_email("Sam Example <sam.example@example.gov.uk>", to, "Case referral - AS",
                                             [("Referral AS.docx", complete)])),
        ("referral missing two answers", referral_email("Pat Nurse <pat.nurse@nhs.net>", to, "Referral for SIRG",
                                                        [("referral.docx", partial)])),
        ("no form attached", referral_email("Lee Officer <lee.officer@example.gov.uk>", to, "Referral",
                                            body="Please find attached the referral.")),
        ("out-of-office reply", referral_email("Away <away@example.gov.uk>", to, "Automatic reply: Referral",
                                               headers={"Auto-Submitted": "auto-replied"})),
        ("sender outside partner domains", referral_email("Someone <someone@gmail.com>", to, "Referral", [("r.docx", complete)])),
    ]
