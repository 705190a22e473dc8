"""'If yes, date notified' with something other than a date after it (the next section's heading run on by the PDF's
text) once took the rule reader down with a KeyError, and the form was read by the trained reader alone. Now the
label still dates the yes/no question before it, and an answer that is no date is left out."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes

LINES = ["Name of referrer: Priya Raman", "Email: p.raman@example.org.uk", "Child's name: Leo Marsh",
         "Date of birth: 12/06/2014", "Date of incident: 02/11/2025",
         "What happened: Leo answered the door alone and had a burn on his hand that had not been treated.",
         "Has the national Panel been notified? Yes"]


def _form(after_yes: str) -> bytes:
    doc = Document()
    for line in LINES + [after_yes, "Immediate concerns: none known"]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_an_if_yes_date_label_with_no_date_after_it_does_not_stop_the_rule_reader(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(_form("If yes, date notified: 5. Rapid Review criteria"), "form.docx")
    assert r.status == "parsed", r.warnings
    assert r.record["children"][0]["name"] == "Leo Marsh"
    assert r.record["date_panel_notified"] is None


def test_both_readers_read_it_without_the_rule_reader_failing(caplog):
    r = parse_bytes(_form("If yes, date notified: 5. Rapid Review criteria"), "form.docx")
    assert r.status == "parsed"
    assert not [m for m in caplog.messages if "rule reader could not read" in m]


def test_the_date_after_yes_still_dates_the_panel_question(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(_form("If yes, date notified: 04/11/2025"), "form.docx")
    assert r.record["panel_notified"] is True
    assert r.record["date_panel_notified"] == "2025-11-04"
