"""Session 25: a choice's options printed a line each under its question, with nothing marked, are no answer for the
default reading (the trained reader took the first option: 'Female', 'Death of a child', 'Yes'). Found by the cold
review of session 25 (its file b38: numbered questions with answers on the line under them). Each form is a real PDF
built in tmp_path with reportlab and read through parse_bytes."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import record_of


def _questionnaire(path, gender_lines, type_lines, police_lines):
    """Numbered questions in bold, each answer (or list of options) on the lines under it."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    y = 800

    def line(text, bold=False, size=10, gap=14):
        nonlocal y
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(50, y, text)
        y -= gap

    line("Case Referral Form", bold=True, size=14, gap=26)
    line("Section 1: About you", bold=True, size=12, gap=20)
    for k, (q, a) in enumerate((("Your name", "Alice Mendes"), ("Job title", "Health Visitor"),
                                ("Organisation", "Brookfield NHS Trust")), 1):
        line(f"{k}. {q}", bold=True)
        line(a, gap=18)
    line("Section 2: The child", bold=True, size=12, gap=20)
    line("4. Child's full name", bold=True)
    line("Tomasz Lee", gap=18)
    line("5. Date of birth", bold=True)
    line("03/04/2019", gap=18)
    line("6. Gender", bold=True)
    for text in gender_lines:
        line(text)
    y -= 4
    line("Section 3: The incident", bold=True, size=12, gap=20)
    line("7. Date of incident", bold=True)
    line("12/01/2026", gap=18)
    line("8. Type of incident", bold=True)
    for text in type_lines:
        line(text)
    y -= 4
    line("9. Are the police involved?", bold=True)
    for text in police_lines:
        line(text)
    c.showPage()
    c.save()
    return path


def test_options_listed_a_line_each_with_none_marked_give_no_answer(tmp_path):
    """'6. Gender' over 'Female' / 'Male' / 'Other', '8. Type of incident' over four incident types, '9. Are the police
    involved?' over 'Yes' / 'No' / 'Not known', nothing marked: gender, incident type and police involvement are all
    null, while the answered questions around them are read."""
    rec = record_of(_questionnaire(
        tmp_path / "referral.pdf", ["Female", "Male", "Other"],
        ["Death of a child", "Serious harm to a child", "Death of a looked after child", "Other"],
        ["Yes", "No", "Not known"]))
    child = rec["children"][0]
    assert (child["name"], child["dob"]) == ("Tomasz Lee", "2019-04-03")
    assert (child["gender"], rec["incident"]["type"], rec["incident"]["police_involved"]) == (None, None, None)


def test_one_answer_on_the_line_under_its_question_is_still_read(tmp_path):
    """The same questions answered with one word each on the line under them ('Male', 'Serious harm to a child',
    'Yes'): each read."""
    rec = record_of(_questionnaire(tmp_path / "referral.pdf", ["Male"], ["Serious harm to a child"], ["Yes"]))
    assert (rec["children"][0]["gender"], rec["incident"]["type"], rec["incident"]["police_involved"]) == \
        ("male", "serious_harm", True)
