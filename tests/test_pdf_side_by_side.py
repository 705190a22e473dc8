"""A flattened fillable form: a column of label boxes, the answer boxes drawn apart beside it, a date written a digit
per box and check boxes printed in ZapfDingbats. Drawn with reportlab, read for real."""

from __future__ import annotations

import io

from parsers import parse_bytes
from parsers.blocks import Table
from parsers.pdf_reader import read_pdf

ROWS = [("Name of referrer", "Yvonne Nolan"), ("Job title", "Youth Justice Worker"),
        ("Email", "y.nolan@example.gov.uk"), ("Telephone", "07700 900973"), ("Child's full name", "Poppy Holroyd"),
        ("Date of birth", None), ("Summary of the incident", "Poppy was found unwell in her room and taken to hospital."),
        ("Police involved?", "radio")]
TOP, HEIGHT = 700.0, 22.0


def flattened_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 760, "Notification of a serious incident")
    for k, (label, answer) in enumerate(ROWS):
        y = TOP - k * HEIGHT
        c.rect(40, y, 170, HEIGHT)          # the label boxes: one column of their own
        c.setFont("Helvetica", 9)
        c.drawString(44, y + 7, label)
        if answer == "radio":               # no box beside it: options printed on the line, the chosen one marked
            c.drawString(230, y + 7, "YES")
            c.setFont("ZapfDingbats", 9)
            c.drawString(290, y + 7, "n")   # ■, the mark a flattened check box prints, just before NO
            c.setFont("Helvetica", 9)
            c.drawString(302, y + 7, "NO")
            continue
        if answer is None:                  # a date of birth written a digit per box: DD | MM | YYYY
            x = 220.0
            for group in ("12", "09", "2009"):
                for ch in group:
                    c.rect(x, y + 2, 14, HEIGHT - 4)
                    c.drawString(x + 4, y + 7, ch)
                    x += 14
                x += 10
            continue
        c.rect(220, y, 330, HEIGHT)         # the answer boxes: a column apart from the labels'
        c.drawString(224, y + 7, answer)
    c.save()
    return out.getvalue()


def test_label_boxes_and_the_answer_boxes_beside_them_are_read_as_one_table():
    tables = [b for b in read_pdf(flattened_pdf())[0] if isinstance(b, Table)]
    rows = {r[0]: r[1:] for t in tables for r in t.rows}
    assert rows["Name of referrer"] == ["Yvonne Nolan"]
    assert rows["Child's full name"] == ["Poppy Holroyd"]
    assert rows["Date of birth"] == ["12/09/2009"]          # a digit per box, a group per drawn box set
    assert rows["Police involved?"] == ["YES\t☒ NO"]         # the words level with the label, the mark as a tick


def test_the_flattened_form_is_parsed_field_by_field():
    r = parse_bytes(flattened_pdf(), "flattened.pdf")
    assert r.status == "parsed", r.warnings
    rec = r.record
    assert rec["referrer"]["name"] == "Yvonne Nolan" and rec["referrer"]["email"] == "y.nolan@example.gov.uk"
    assert rec["children"][0]["name"] == "Poppy Holroyd" and rec["children"][0]["dob"] == "2009-09-12"
    assert rec["incident"]["police_involved"] is False      # the mark stands before NO


def right_aligned_pdf() -> bytes:
    """Labels set right-aligned against a column of answer boxes drawn apart (4 points between them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    for k, (label, answer) in enumerate([("Name of referrer", "Nasreen Chadwick"), ("Designation", "LADO"),
                                         ("Secure email", "n.chadwick@example.gov.uk"),
                                         ("Date of referral", "22/06/2025")]):
        y = 700 - k * 20.0
        c.rect(220, y, 330, 16)
        c.drawString(212 - stringWidth(label, "Helvetica", 9), y + 5, label)
        c.drawString(224, y + 5, answer)
    c.save()
    return out.getvalue()


def test_labels_set_right_aligned_against_boxes_drawn_apart_are_the_rows_first_cells():
    # (the trained reader's picture reads boxes drawn apart; printed=True is how it reads a PDF's text layout)
    tables = [b for b in read_pdf(right_aligned_pdf(), printed=True)[0] if isinstance(b, Table)]
    rows = [r for t in tables for r in t.rows]
    assert ["Designation", "LADO"] in rows
    assert ["Secure email", "n.chadwick@example.gov.uk"] in rows
