"""A web form's 'check your answers' page printed to PDF: each row is the question, the answer and a 'Change' link.
The link is no part of any answer. Drawn with reportlab, read for real."""

from __future__ import annotations

import io

from parsers import parse_bytes
from parsers.blocks import Para, drop_action_words
from parsers.pdf_reader import read_pdf

ROWS = [("Date of referral", "04/03/2026"), ("Name of referrer", "Stuart Crabtree"), ("Job title", "Crew Commander"),
        ("Child's full name", "Anwen Corrigan"), ("Date of birth", "12/09/2016"), ("Where did it happen?", "Mill Lane")]


def summary_page() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, A4[1] - 50, "Check your answers before sending")
    c.setFont("Helvetica", 10)
    for k, (question, answer) in enumerate(ROWS):
        y = A4[1] - 90 - k * 26
        c.drawString(40, y, question)
        c.drawString(230, y, answer)
        c.drawString(500, y, "Change")
        c.line(40, y - 8, 555, y - 8)
    c.save()
    return out.getvalue()


def test_the_change_link_at_the_end_of_each_row_is_dropped():
    lines = [b.text for b in read_pdf(summary_page())[0] if isinstance(b, Para)]
    assert [line.split("\t") for line in lines[1:]] == [[q, a] for q, a in ROWS]


def test_a_word_ending_only_a_few_lines_is_kept():
    blocks = [Para("Outcome\tClosed\tAgreed"), Para("Decision\tReview\tAgreed"), Para("Name\tAnn Lee\tAgreed")]
    assert drop_action_words(blocks) == blocks


def test_a_printed_check_your_answers_page_is_read():
    rec = parse_bytes(summary_page(), "summary.pdf").record
    assert (rec["referrer"]["name"], rec["referrer"]["role"]) == ("Stuart Crabtree", "Crew Commander")
    assert (rec["children"][0]["name"], rec["children"][0]["dob"]) == ("Anwen Corrigan", "2016-09-12")
    assert rec["incident"]["location"] == "Mill Lane"
