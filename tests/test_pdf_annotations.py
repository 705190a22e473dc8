"""A flat PDF filled in with Fill & Sign or Preview: the answers are FreeText annotations typed onto the page, not
page text. Drawn with reportlab, annotated with pypdf, read for real."""

from __future__ import annotations

import pytest

import io

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Text

from parsers import parse_bytes
from parsers.blocks import Para
from parsers.pdf_reader import read_pdf

QUESTIONS = [("Date of referral", "04/03/2026"), ("Name of referrer", "Farah Loxley"),
             ("Job title", "Dental nurse"), ("Email", "farah.loxley@nhs.net"), ("Child's full name", "Anwen Corrigan"),
             ("Date of birth", "12/09/2016"), ("Date of incident", "01/03/2026"), ("Where did it happen?", "Dental surgery")]


def annotated_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    page = io.BytesIO()
    c = Canvas(page, pagesize=A4, invariant=1)
    height = A4[1]
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, height - 50, "Case Referral Form")
    c.setFont("Helvetica", 10)
    for k, (question, _) in enumerate(QUESTIONS):
        c.drawString(40, height - 90 - k * 24, question)
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    for k, (_, answer) in enumerate(QUESTIONS):
        y = height - 90 - k * 24
        writer.add_annotation(0, FreeText(text=answer, rect=(250, y - 4, 520, y + 10), font_size="10pt"))
    writer.add_annotation(0, Text(text="Checked by the team manager, no changes", rect=(540, 700, 560, 720)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_answers_typed_onto_the_page_as_annotations_stand_beside_their_questions():
    texts = [b.text for b in read_pdf(annotated_pdf())[0] if isinstance(b, Para)]
    for question, answer in QUESTIONS:
        assert f"{question}\t{answer}" in texts
    assert not any("team manager" in t for t in texts)  # a sticky-note comment is no part of the form


@pytest.mark.usefixtures("rule_reader")
def test_a_form_filled_in_with_annotations_is_read():
    rec = parse_bytes(annotated_pdf(), "form.pdf").record
    assert (rec["referrer"]["name"], rec["referrer"]["email"]) == ("Farah Loxley", "farah.loxley@nhs.net")
    assert (rec["children"][0]["name"], rec["children"][0]["dob"]) == ("Anwen Corrigan", "2016-09-12")
    assert (rec["incident"]["date"], rec["incident"]["location"]) == ("2026-03-01", "Dental surgery")


def _agencies_grid_annotated() -> bytes:
    """A ruled 'Worker | Agency | Contact' grid whose answers are typed annotations, the agency's text longer than its
    cell (it runs on over the contact cell beside it, as a narrow Fill & Sign box's text does)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    page = io.BytesIO()
    c = Canvas(page, pagesize=A4, invariant=1)
    height = A4[1]
    c.setFont("Helvetica", 10)
    for k, (question, _) in enumerate(QUESTIONS):
        c.drawString(40, height - 90 - k * 24, question)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(57, 340, "Other agencies involved")
    c.setFont("Helvetica", 10)
    xs, tops = [57, 198, 354, 539], [330, 312, 294]
    for x in xs:
        c.line(x, tops[0], x, tops[-1])
    for y in tops:
        c.line(xs[0], y, xs[-1], y)
    for x, name in zip(xs, ["Worker", "Agency", "Contact"]):
        c.drawString(x + 3, 318, name)
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page.getvalue())))
    for k, (_, answer) in enumerate(QUESTIONS):
        y = height - 90 - k * 24
        writer.add_annotation(0, FreeText(text=answer, rect=(250, y - 4, 520, y + 10), font_size="10pt"))
    for x0, x1, text in [(59, 196, "Deborah Loxley"), (200, 352, "Marshfield Police - Public Protection Unit"),
                         (356, 537, "0113 496 0127")]:
        writer.add_annotation(0, FreeText(text=text, rect=(x0, 297, x1, 309), font_size="10pt"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_annotation_typed_in_a_cell_stays_in_that_cell_where_its_text_runs_past_the_edge():
    tables = [b for b in read_pdf(_agencies_grid_annotated())[0] if not isinstance(b, Para)]
    rows = [r for t in tables for r in t.rows if "Deborah Loxley" in r]
    assert rows == [["Deborah Loxley", "Marshfield Police - Public Protection Unit", "0113 496 0127"]]
