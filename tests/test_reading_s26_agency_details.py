"""Session 26: the edges of the agencies list (``agencies_involved``), each on a whole form built in tmp_path.

- A grid's header printed apart from its body: a one-row table 'Name | Agency | Contact' and, under it, a table of
  the rows (as a PDF printed from a web page draws them), or a line of column names a tab apart over a Word table.
- A part's label over its answer where the answer itself reads like a label ('GP', "Children's Social Care").
- A part labelled 'Number / email' beside 'Contact' (the person to contact): the number is the contact, the person
  the name; a name printed after its initials' circle ('FO Farah Oldroyd') loses the initials.
- Controls: a line of column names with nothing under it is no agency; a numbered question after the last label is
  no answer of the agency's."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.lib.styles import getSampleStyleSheet

from parsers import blocks as picture_blocks
from parsers.picture import build
from parsers.reader import agency_rows
from tests.record_fields import record_of as _record

HEAD = [("Date of referral", "13/01/2026"), ("Referrer's name", "Alice Mendes"), ("Job title", "Health Visitor"),
        ("Organisation", "Brookfield NHS Trust"), ("Email", "a.mendes@nhs.net"), ("Telephone", "0117 496 0101"),
        ("Child's name", "Tomasz Lee"), ("Date of birth", "03/04/2019"), ("Date of incident", "12/01/2026"),
        ("Summary of the incident", "Tomasz attended the children's centre with a burn on his hand. His mother could "
                                    "not explain it.")]


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _pdf_lines(path: Path, lines: list[tuple[str, int]]) -> Path:
    """A PDF of lines (text, size), 15 points apart (a tab in a line sets its next part 200 points on): the form's fields as 'Label: answer', then the agencies."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for text, size in lines:
        c.setFont("Helvetica-Bold" if size > 10 else "Helvetica", size)
        for k, part in enumerate(text.split("\t")):   # a tab: the next part at the next column
            c.drawString(60 + 200 * k, y, part)
        y -= 18 if size > 10 else 15
        if y < 60:
            c.showPage()
            y = 800
    c.save()
    return path


def _head_lines() -> list[tuple[str, int]]:
    return [("Case Referral Form", 16)] + [(f"{label}: {answer}", 10) for label, answer in HEAD]


def test_pdf_header_table_printed_apart_from_its_rows_heads_them(tmp_path):
    """'Name | Agency | Contact' drawn as a table of its own, the agencies' rows as the next table (two rows, the
    first naming no one): one entry per row."""
    styles = getSampleStyleSheet()
    story = [Paragraph("Case Referral Form", styles["Title"])]
    story += [Paragraph(f"{label}: {answer}", styles["Normal"]) for label, answer in HEAD]
    story += [Spacer(1, 12), Paragraph("Agencies we have spoken to", styles["Heading2"])]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story.append(Table([["Name", "Agency", "Contact"]], colWidths=[150, 180, 150], style=grid))
    story.append(Spacer(1, 6))
    story.append(Table([["", "Children's Social Care", "0113 496 0916"],
                        ["Rajesh Ferris", "Community CAMHS", "camhs@seacroft.example.org"]],
                       colWidths=[150, 180, 150], style=grid))
    story += [Spacer(1, 12), Paragraph("Immediate concerns", styles["Heading2"]),
              Paragraph("The child is safe with grandparents under a safety plan.", styles["Normal"])]
    path = tmp_path / "referral.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    assert _record(path)["agencies_involved"] == [
        {"name": None, "agency": "Children's Social Care", "contact": "0113 496 0916"},
        {"name": "Rajesh Ferris", "agency": "Community CAMHS", "contact": "camhs@seacroft.example.org"}]


def _word_head() -> Document:
    """A Word form's title and HEAD's fields as 'Label: answer' paragraphs."""
    doc = Document()
    doc.add_heading("Case Referral Form", 1)
    for label, answer in HEAD:
        doc.add_paragraph(f"{label}: {answer}")
    return doc


def test_word_tabbed_column_names_over_a_table_head_its_rows(tmp_path):
    """A paragraph 'Name<TAB>Agency<TAB>Contact details' just before a three-column table of the agencies."""
    doc = _word_head()
    doc.add_heading("Agencies involved", 2)
    doc.add_paragraph("Name\tAgency\tContact details")
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [("", "Drug and Alcohol Service", "duty.team@coldbeck.example.org"),
                                       ("Gemma Dobson", "School Nursing Service", "0121 496 0167")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.add_heading("Immediate concerns", 2)
    doc.add_paragraph("The child is safe in hospital.")
    path = tmp_path / "referral.docx"
    doc.save(path)
    assert _record(path)["agencies_involved"] == [
        {"name": None, "agency": "Drug and Alcohol Service", "contact": "duty.team@coldbeck.example.org"},
        {"name": "Gemma Dobson", "agency": "School Nursing Service", "contact": "0121 496 0167"}]


def test_pdf_answers_under_part_labels_that_read_like_labels_are_read(tmp_path):
    """'Organisation' over 'GP', 'Organisation' over "Children's Social Care": the agencies' names, though a form
    might print either as a label."""
    lines = _head_lines() + [("Others involved", 13)]
    for k, (org, contact) in enumerate([("GP", "0117 496 0263"), ("Children's Social Care", "0115 496 0293")], 1):
        lines += [(f"Agency {k}", 11), ("Worker", 10), ("—", 10), ("Organisation", 10), (org, 10),
                  ("Phone / email", 10), (contact, 10)]
    lines += [("Immediate concerns", 13), ("The child is safe with relatives.", 10)]
    rec = _record(_pdf_lines(tmp_path / "referral.pdf", lines))
    assert rec["agencies_involved"] == [
        {"name": None, "agency": "GP", "contact": "0117 496 0263"},
        {"name": None, "agency": "Children's Social Care", "contact": "0115 496 0293"}]


def test_pdf_contact_person_and_number_parts_with_initials_circles(tmp_path):
    """'Agency 1 - Contact' holds the person ('FO Farah Oldroyd', initials first as a web list prints them) and
    'Agency 1 - Number / email' the number: the person is the name, without the initials."""
    lines = _head_lines() + [("Agencies", 13)]
    for k, (org, person, number) in enumerate([("Dunstan Youth Service", "FO Farah Oldroyd", "0118 496 0195"),
                                               ("Health Visiting Team", "TR Tariq Raistrick", "t.r@nhs.example")], 1):
        lines += [(f"Agency {k} - Agency", 10), (org, 10), (f"Agency {k} - Contact", 10), (person, 10),
                  (f"Agency {k} - Number / email", 10), (number, 10)]
    lines += [("Ongoing risk", 13), ("The child is safe in hospital.", 10)]
    rec = _record(_pdf_lines(tmp_path / "referral.pdf", lines))
    assert rec["agencies_involved"] == [
        {"name": "Farah Oldroyd", "agency": "Dunstan Youth Service", "contact": "0118 496 0195"},
        {"name": "Tariq Raistrick", "agency": "Health Visiting Team", "contact": "t.r@nhs.example"}]


def test_column_names_with_nothing_under_them_and_the_next_question_are_no_agency(tmp_path):
    """Control: '7. Other professionals', the column names 'Name<TAB>Agency' and 'Contact number / email' with no
    rows filled, then '8. Immediate concerns': no agency (not 'Agency' as a name, nor the next question as a
    contact)."""
    lines = _head_lines() + [("7. Other professionals", 13), ("Name\tAgency", 10), ("Contact number / email", 10),
                             ("8. Immediate concerns", 10), ("Sibling seen the same day and well.", 10)]
    rec = _record(_pdf_lines(tmp_path / "referral.pdf", lines))
    assert rec["agencies_involved"] == []


def _grid(doc, rows):
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text


def _two_grids(path: Path, child_rows, agencies_rows) -> Path:
    """A Word form with a grid 'Organisation | Person | Phone / email' among the child's details and another
    under the heading 'Other people working with the family'."""
    doc = _word_head()
    doc.add_heading("About the child", 2)
    doc.add_paragraph("Gender: Male")
    _grid(doc, [("Organisation", "Person", "Phone / email")] + child_rows)
    doc.add_heading("Other people working with the family", 2)
    _grid(doc, [("Organisation", "Person", "Phone / email")] + agencies_rows)
    doc.add_heading("Immediate concerns", 2)
    doc.add_paragraph("The child is safe with relatives.")
    doc.save(path)
    return path


def test_an_empty_agencies_grid_is_no_agency_though_a_grid_elsewhere_is_filled(tmp_path):
    """Control: the agencies section's printed grid left empty and a grid of the same columns filled among the
    child's details: an empty agencies grid says no agency is listed; the other grid is not taken for it."""
    rec = _record(_two_grids(tmp_path / "referral.docx",
                             [("Probation Service", "Elaine Osei", "0141 496 0381")], [("", "", ""), ("", "", "")]))
    assert rec["agencies_involved"] == []


def test_a_fillable_forms_agency_fields_are_read_where_the_printed_grid_is_empty():
    """A fillable PDF read as its printed page and its fields: the agencies typed into fields named by row (the
    table the PDF reader makes of them, marked as a fillable form's), among the child's details; under the printed
    heading 'Other people working with the family' a ruled grid with its header over empty rows. The fields' rows
    are the agencies. (The picture is built from the blocks the PDF reader gives for such a form.)"""
    para, table = picture_blocks.Para, picture_blocks.Table
    fields = table(rows=[["Organisation", "Person", "Phone / email"], ["Probation Service", "Elaine Osei", "0141 496 0381"],
                         ["Drug and Alcohol Service", "", "01632 960527"], ["", "", ""]])
    fields._acro = "ag"   # as pdf_reader marks the table it makes of a family of fields (ag1_org, ag1_person …)
    blocks = [para("Case Referral Form", heading=True), para("About the child", heading=True),
              para("Child's name: Tomasz Lee"), fields, para("Other people working with the family", heading=True),
              table(rows=[["Organisation", "Person", "Phone / email"], ["", "", ""], ["", "", ""]]),
              para("Immediate concerns", heading=True), para("The child is safe with relatives.")]
    assert [a["entry"] for a in agency_rows(build(blocks))] == [
        {"name": "Elaine Osei", "agency": "Probation Service", "contact": "0141 496 0381"},
        {"name": None, "agency": "Drug and Alcohol Service", "contact": "01632 960527"}]
    fields._acro = None   # the same grid printed, not a fillable form's fields: the empty agencies grid stands
    assert agency_rows(build(blocks)) == []


def test_a_filled_agencies_grid_wins_over_a_grid_elsewhere(tmp_path):
    """Control: both grids filled: the agencies section's rows are the agencies."""
    rec = _record(_two_grids(tmp_path / "referral.docx", [("Probation Service", "Elaine Osei", "0141 496 0381")],
                             [("Housing Options", "Nicola Sheard", "07700 900844"), ("", "", "")]))
    assert rec["agencies_involved"] == [
        {"name": "Nicola Sheard", "agency": "Housing Options", "contact": "07700 900844"}]
