"""A form printed from Word with its labels in a column of their own and the answers at a tab stop: long labels wrap
under themselves, and (line numbering on) every line, or every fifth, has its number in the margin. Drawn with
reportlab, read for real."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import Para, Table
from parsers.pdf_reader import read_pdf

# (label lines, answer): the answer sits at the tab stop on the label's first line
LINES = [
    (["Name of person referring:"], "Hollie Brennan"),
    (["Email:"], "h.brennan@example.org.uk"),
    (["Child's full name:"], "Tomasz Wilk"),
    (["Date of birth:"], "14/02/2013"),
    (["Date of the incident:"], "09/11/2025"),
    (["Has the child died or been seriously", "harmed?"], "Yes"),
    (["Is abuse or neglect of the child known or", "suspected?"], "No"),
    (["Does the child normally live in our local", "authority area?"], "Yes"),
    (["Gender:"], "Male"),
    (["Ethnicity:"], "White - Polish"),
    (["School:"], "Northgate Academy"),
    (["GP practice:"], "Riverside Surgery"),
    (["Police involved?"], "Yes"),
]


def test_the_wrapped_labels_wrap_where_their_column_ends():
    """(The case itself: each wrapped label's next word would not have fitted on its first line before the answers'
    column at 250 points; the labels' column is 170 points wide, the answers set at its tab stop.)"""
    for label, _ in LINES:
        if len(label) > 1:
            assert 72 + stringWidth(label[0] + " " + label[1].split()[0], "Helvetica", 9) > 242, label


def numbered_form(every: int | None = None) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, 790, "Referral to the Safeguarding Partnership")
    y, line = 760.0, 0
    for label, answer in LINES:
        for k, text in enumerate(label):
            line += 1
            c.setFont("Helvetica", 9)
            c.drawString(72, y, text)
            if k == 0:
                c.drawString(250, y, answer)
            if every and line % every == 0:
                c.setFont("Helvetica", 7)
                c.setFillGray(0.45)
                c.drawString(42, y, str(line))
                c.setFillGray(0)
            y -= 13
    c.save()
    return out.getvalue()


def _texts(data: bytes) -> list[str]:
    return [b.text for b in read_pdf(data, printed=True)[0] if isinstance(b, Para)]


@pytest.mark.parametrize("every", [1, 5])
def test_line_numbers_in_the_margin_are_no_part_of_the_form(every):
    texts = _texts(numbered_form(every))
    assert not any(t.split("\t")[0].split()[0].isdigit() for t in texts)
    assert "Email:\th.brennan@example.org.uk" in texts


def test_a_wrapped_label_is_read_whole_before_its_answer():
    texts = _texts(numbered_form())
    assert "Has the child died or been seriously harmed?\tYes" in texts
    assert "Is abuse or neglect of the child known or suspected?\tNo" in texts


def test_the_numbered_form_is_parsed_field_by_field():
    r = parse_bytes(numbered_form(1), "numbered.pdf")
    assert r.status == "parsed", r.warnings
    rec = r.record
    assert rec["children"][0]["name"] == "Tomasz Wilk" and rec["children"][0]["dob"] == "2013-02-14"
    assert rec["criteria"]["died_or_seriously_harmed"] is True
    assert rec["criteria"]["abuse_or_neglect_suspected"] is False


def test_question_numbers_beside_some_lines_only_are_kept():
    """A question's number beside the first line of a question that wraps is no line number: it is kept."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    y = 760.0
    for n, lines in enumerate([["Name of child: Tomasz Wilk"], ["What happened? Tomasz was found", "alone at home."],
                               ["Date of birth: 14/02/2013"], ["Who else knows? His school and", "his GP."]], 1):
        c.drawString(50, y, str(n))
        for text in lines:
            c.drawString(72, y, text)
            y -= 13
    c.save()
    assert any(t.startswith(("1", "2")) for t in " ".join(_texts(out.getvalue())).split())


def side_by_side_children() -> bytes:
    """Children side by side in a typeset report's table with rules over and under it only: no column is ruled."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 780, "3 Patient")
    c.setFont("Helvetica", 9)
    c.line(72, 765, 520, 765)
    c.drawString(250, 755, "Child 1")
    c.drawString(390, 755, "Child 2")
    c.line(72, 750, 520, 750)
    y = 738.0
    for label, one, two in [("Forename", "Aaliyah", "Tomasz"), ("Surname", "Quigley", "Quigley"),
                            ("DOB", "02/08/2009", "15/12/2013"), ("Sex (M/F)", "F", "M"),
                            ("Home address", "68 Mill Street", "68 Mill Street"), ("", "Brantwood", "Brantwood"),
                            ("School", "Brantwood College", "Brantwood Academy")]:
        c.drawString(72, y, label)
        c.drawString(250, y, one)
        c.drawString(390, y, two)
        y -= 13
    c.line(72, y + 4, 520, y + 4)
    c.save()
    return out.getvalue()


def test_a_column_per_child_without_rules_is_read_as_a_table():
    tables = [b for b in read_pdf(side_by_side_children(), printed=True)[0] if isinstance(b, Table)]
    rows = [r for t in tables for r in t.rows]
    assert ["", "Child 1", "Child 2"] in rows
    assert ["Forename", "Aaliyah", "Tomasz"] in rows
    assert ["", "Brantwood", "Brantwood"] in rows


def test_each_child_of_the_columns_keeps_their_own_answers():
    r = parse_bytes(side_by_side_children(), "patients.pdf")
    children = r.record["children"]
    assert [c["name"] for c in children[:2]] == ["Aaliyah Quigley", "Tomasz Quigley"]
    # whatever else is read sure enough to be given is the child's own, never the other column's
    own = [{"dob": "2009-08-02", "gender": "female", "school": "Brantwood College"},
           {"dob": "2013-12-15", "gender": "male", "school": "Brantwood Academy"}]
    for child, theirs in zip(children, own):
        for field, value in theirs.items():
            assert child[field] in (None, value), (child["name"], field, child[field])


def test_a_note_typed_under_a_yes_does_not_go_on_with_it():
    """'Disability:<tab>Yes' with 'Autism (diagnosed 2022)' typed under it in the answers' column: the yes is complete,
    an address's next lines go on with it."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    y = 760.0
    for label, answers in [("Name of child:", ["Mia Carter"]), ("Address:", ["14 Elm Road", "Liverpool L8 2XY"]),
                           ("Date of birth:", ["04/07/2018"]), ("Disability:", ["Yes", "Autism (diagnosed 2022)"]),
                           ("School:", ["Hillside Primary School"])]:
        c.drawString(72, y, label)
        for k, answer in enumerate(answers):
            c.drawString(250, y - 13 * k, answer)
        y -= 13 * len(answers) + 4
    c.save()
    texts = _texts(out.getvalue())
    assert "Address:\t14 Elm Road\nLiverpool L8 2XY" in texts
    assert "Disability:\tYes" in texts and "Autism (diagnosed 2022)" in texts
