"""Word's table captions put below their tables ('Table 1: Person making the referral' after the table, as Insert
Caption does by default): each heads its table's part of the form. Built with python-docx, read for real."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes
from parsers.blocks import Para, Table, captions_above

PARTS = [("Person making the referral", [("Name", "Neil Lomas"), ("Job title / role", "Driver"),
                                         ("Email", "neil.lomas@example.co.uk")]),
         ("Safeguarding lead consulted", [("Name", "Gareth Dobson"), ("Job title / role", "Contract Safeguarding Lead"),
                                          ("Email", "gareth.dobson@example.co.uk")]),
         ("The child", [("Child's name", "Leo Marsh"), ("Date of birth", "12/06/2014")]),
         ("The incident", [("Date of incident", "02/11/2025"),
                           ("What happened", "Leo was found alone at the flat with an untreated burn.")])]


def _captioned(below: bool) -> bytes:
    doc = Document()
    doc.add_paragraph("Crew safeguarding concern - referral to the partnership")
    for k, (title, rows) in enumerate(PARTS, 1):
        if not below:
            doc.add_paragraph(f"Table {k}: {title}", style="Caption")
        t = doc.add_table(rows=0, cols=2)
        for label, answer in rows:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = label, answer
        if below:
            doc.add_paragraph(f"Table {k}: {title}", style="Caption")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_captions_below_their_tables_say_whose_the_answers_are(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(_captioned(below=True), "captioned.docx")
    assert r.status == "parsed", r.warnings
    assert (r.record["referrer"]["name"], r.record["referrer"]["role"]) == ("Neil Lomas", "Driver")
    assert (r.record["safeguarding_lead"]["name"], r.record["safeguarding_lead"]["role"]) == \
        ("Gareth Dobson", "Contract Safeguarding Lead")


def test_captions_above_their_tables_read_as_before(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(_captioned(below=False), "captioned.docx")
    assert r.record["referrer"]["name"] == "Neil Lomas"
    assert r.record["safeguarding_lead"]["name"] == "Gareth Dobson"


def test_a_caption_is_moved_only_above_the_table_its_number_names():
    t1, t2 = Table(rows=[["Name", "A"]]), Table(rows=[["Name", "B"]])
    above = [Para("Table 1: Referrer"), t1, Para("Table 2: Lead"), t2]
    assert captions_above(above) == above
    below = [t1, Para("Table 1: Referrer"), t2, Para("Table 2: Lead")]
    assert [b.text if isinstance(b, Para) else b.rows[0][1] for b in captions_above(below)] == \
        ["Table 1: Referrer", "A", "Table 2: Lead", "B"]


def test_a_caption_a_pdf_took_into_the_next_table_as_its_first_row_heads_the_table_before():
    t1 = Table(rows=[["Name", "Neil Lomas"]])
    t2 = Table(rows=[["Table 1: Person making the referral", ""], ["Name", "Gareth Dobson"]])
    out = captions_above([t1, t2])
    assert isinstance(out[0], Para) and out[0].text == "Table 1: Person making the referral"
    assert out[1] is t1 and out[2].rows == [["Name", "Gareth Dobson"]]
