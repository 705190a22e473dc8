"""A question's help text printed under it in its cell, grey and smaller ('Date of birth' / 'Use the date picker', as
Google Docs templates and form builders print a question's description), is no part of the label; a grey caption
printed under a ruled answer line is still that answer's label."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt, RGBColor

from parsers import parse_bytes
from parsers.docx_reader import read_docx

QUESTIONS = [("Your name", None, "Priya Raman"), ("Email address", "Your work email, please", "p.raman@example.org.uk"),
             ("Child's name", None, "Leo Marsh"), ("Date of birth", "Use the date picker", "12/06/2014"),
             ("Date of incident", "If you are not sure, give your best estimate", "02/11/2025"),
             ("What happened", "Tell us in your own words", "Leo was found unconscious after a fall at the club.")]


def questions_form(grey=RGBColor(0x80, 0x80, 0x80), size=Pt(8)) -> bytes:
    doc = Document()
    doc.add_heading("Referral to the Safeguarding Children Partnership", 1)
    table = doc.add_table(rows=0, cols=2)
    for question, help_text, answer in QUESTIONS:
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(question)
        run.bold, run.font.size = True, Pt(10)
        if help_text:
            hint = cells[0].add_paragraph().add_run(help_text)
            hint.font.color.rgb, hint.font.size = grey, size
        cells[1].text = answer
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rows(data: bytes) -> list:
    return [row for b in read_docx(data)[0] if hasattr(b, "rows") for row in b.rows]


def test_grey_smaller_help_text_under_a_question_is_not_part_of_its_label():
    assert [r[0] for r in rows(questions_form())] == [q for q, _, _ in QUESTIONS]


def test_a_second_line_of_the_question_in_its_own_look_stays_part_of_the_label():
    labels = [r[0] for r in rows(questions_form(grey=RGBColor(0, 0, 0)))]
    assert labels[3] == "Date of birth\nUse the date picker"
    labels = [r[0] for r in rows(questions_form(size=Pt(10)))]
    assert labels[3] == "Date of birth\nUse the date picker"


def test_a_form_whose_questions_carry_help_text_is_read():
    r = parse_bytes(questions_form(), "referral.docx")
    assert r.record["children"][0]["dob"] == "2014-06-12"
    assert r.record["incident"]["date"] == "2025-11-02"
    assert r.record["referrer"]["email"] == "p.raman@example.org.uk"


def test_a_grey_line_that_goes_on_with_the_question_or_a_grey_house_style_stays_in_the_label():
    doc = Document()
    table = doc.add_table(rows=0, cols=2)
    for first, second, grey_first in [("Name", "of the child", False), ("Child", "Full name", True)]:
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(first)
        run.font.size = Pt(10)
        if grey_first:
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        hint = cells[0].add_paragraph().add_run(second)
        hint.font.color.rgb, hint.font.size = RGBColor(0x59, 0x59, 0x59), Pt(8)
        cells[1].text = "Leo Marsh"
    out = io.BytesIO()
    doc.save(out)
    assert [r[0] for r in rows(out.getvalue())] == ["Name\nof the child", "Child\nFull name"]


def test_a_grey_answer_under_its_question_in_a_one_cell_row_is_kept():
    doc = Document()
    table = doc.add_table(rows=0, cols=1)
    cell = table.add_row().cells[0]
    cell.paragraphs[0].add_run("Child's name").font.size = Pt(11)
    answer = cell.add_paragraph().add_run("Leo Marsh")
    answer.font.color.rgb, answer.font.size = RGBColor(0x80, 0x80, 0x80), Pt(10)
    out = io.BytesIO()
    doc.save(out)
    assert rows(out.getvalue()) == [["Child's name\nLeo Marsh"]]
