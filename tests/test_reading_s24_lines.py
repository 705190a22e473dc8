"""Session 24: several fields to one line. Word paragraphs holding two or three "Label: answer" fields a wide gap
apart (three or more spaces, two em spaces, a tab), Word "run-in" labels (a bold label with no colon, its answer
straight after it in plain text), and PDF lines drawn the same way (a Helvetica-Bold label, its answer in Helvetica a
few points after it, the next field 14 points on). Each form is built as a real file in tmp_path (python-docx;
reportlab canvas with invariant=1) and read through the public entry point, parse_bytes. Controls: a row of bold
column headings with nothing after them, a two-column grid whose first answer wraps under itself, and a sentence
whose first word is bold must not be turned into fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import fields as _fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import parse_file as _parse_file
from tests.record_fields import record_of as _record

EM2 = "\u2003\u2003"  # two em spaces typed with the space bar's neighbour (Ctrl+Shift+Space in some layouts)
SUMMARY = ("Tomasz attended the children's centre with a burn on the back of his left hand that his mother could "
           "not explain, and he told the nursery nurse that his uncle had held his hand against the oven door.")


# --- helpers --------------------------------------------------------------------------------------------------------










CORE = {"referrer.name": "Alice Mendes", "referrer.role": "Health Visitor", "referrer.agency": "Brookfield NHS Trust",
        "child.name": "Tomasz Lee", "child.dob": "2019-04-03", "incident.date": "2026-01-12",
        "incident.location": "Brookfield Children's Centre"}








def _assert_core_fields(rec: dict) -> None:
    """The fields every form below gives: the referrer's name, role and agency, the child's name and date of birth,
    the incident's date and location."""
    _assert_fields(rec, CORE)


# --- Word: building blocks ------------------------------------------------------------------------------------------

def _bold_paragraph(doc, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _runs(doc, *runs: tuple[str, bool]) -> None:
    para = doc.add_paragraph()
    for text, bold in runs:
        para.add_run(text).bold = bold


def _word_gap_form(tmp_path: Path, gap: str) -> Path:
    """A form of 'Label: answer' fields typed two or three to a paragraph, ``gap`` between them."""
    doc = Document()
    _bold_paragraph(doc, "Brookfield Safeguarding Children Partnership")
    _bold_paragraph(doc, "Case Referral Form")
    _bold_paragraph(doc, "1. Referrer")
    doc.add_paragraph(gap.join(["Your name: Alice Mendes", "Job title: Health Visitor",
                                "Organisation: Brookfield NHS Trust"]))
    doc.add_paragraph("Email: a.mendes@nhs.net")
    doc.add_paragraph("Telephone: 0117 496 0101")
    _bold_paragraph(doc, "2. About the child")
    doc.add_paragraph(gap.join(["Child's name: Tomasz Lee", "Date of birth: 03/04/2019"]))
    _bold_paragraph(doc, "3. Incident")
    doc.add_paragraph(gap.join(["Date of incident: 12/01/2026", "Location: Brookfield Children's Centre"]))
    doc.add_paragraph("What happened: " + SUMMARY)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def _word_run_in_form(tmp_path: Path, agencies_header: bool = False) -> Path:
    """A form whose labels are bold with no colon, each answer straight after it in plain text, the fields two em
    spaces apart; the child's school left unanswered. ``agencies_header``: a fourth section whose column headings
    ('Name', 'Agency', 'Contact') are bold words two em spaces apart with nothing after any of them, a row of
    plain answers under them."""
    doc = Document()
    _bold_paragraph(doc, "Brookfield Safeguarding Children Partnership")
    _bold_paragraph(doc, "Case Referral Form")
    _bold_paragraph(doc, "1. Referrer")
    _runs(doc, ("Your name", True), (" Alice Mendes" + EM2, False), ("Job title", True),
          (" Health Visitor" + EM2, False), ("Organisation", True), (" Brookfield NHS Trust", False))
    _runs(doc, ("Email", True), (" a.mendes@nhs.net" + EM2, False), ("Telephone", True), (" 0117 496 0101", False))
    _bold_paragraph(doc, "2. About the child")
    _runs(doc, ("Child's name", True), (" Tomasz Lee" + EM2, False), ("Date of birth", True),
          (" 03/04/2019" + EM2, False), ("Gender", True), (" Male", False))
    _runs(doc, ("School", True), (EM2, False), ("GP practice", True), (" Dale Valley Medical Practice", False))
    _bold_paragraph(doc, "3. Incident")
    _runs(doc, ("Date of incident", True), (" 12/01/2026" + EM2, False), ("Location", True),
          (" Brookfield Children's Centre", False))
    _runs(doc, ("What happened", True), (" " + SUMMARY, False))
    if agencies_header:
        _bold_paragraph(doc, "4. Other agencies involved")
        _runs(doc, ("Name", True), (EM2, False), ("Agency", True), (EM2, False), ("Contact", True))
        doc.add_paragraph(EM2.join(["Priya Shah", "Dale Valley Primary School", "0117 496 0202"]))
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


# --- 1. Word: 'Label: answer' fields a wide gap apart on one line -----------------------------------------------------

@pytest.mark.parametrize("gap", ["   ", "      ", EM2], ids=["three_spaces", "six_spaces", "two_em_spaces"])
def test_word_label_colon_fields_a_wide_space_gap_apart_on_one_line_are_each_read(tmp_path, gap):
    path = _word_gap_form(tmp_path, gap)
    result = _parse_file(path)
    assert result.reason != "empty_form", (result.status, result.reason, result.warnings)
    rec = _record(path)
    _assert_fields(rec, {**CORE, "referrer.email": "a.mendes@nhs.net", "referrer.phone": "01174960101"})


# --- 2. Word: run-in bold labels ------------------------------------------------------------------------------------

def test_word_run_in_bold_labels_without_colons_two_em_spaces_apart_are_each_read(tmp_path):
    path = _word_run_in_form(tmp_path)
    result = _parse_file(path)
    assert result.reason != "empty_form", (result.status, result.reason, result.warnings)
    rec = _record(path)
    _assert_fields(rec, {**CORE, "child.gender": "male", "referrer.email": "a.mendes@nhs.net",
                         "referrer.phone": "01174960101"})


def test_word_run_in_label_left_unanswered_stays_null_and_the_next_label_on_the_line_is_still_read(tmp_path):
    """'**School**  **GP practice** Dale Valley Medical Practice': no school; the GP practice read."""
    rec = _record(_word_run_in_form(tmp_path))
    assert _fields(rec, ["child.school", "child.gp"]) == {"child.school": None,
                                                          "child.gp": "Dale Valley Medical Practice"}


# --- 3. Word control: a row of bold column headings is no run of fields -----------------------------------------------

def test_word_row_of_bold_column_headings_with_nothing_after_them_is_not_read_as_fields(tmp_path):
    """(The form's own fields are run-in ones, so this control needs the run-in reading of the tests above.)"""
    rec = _record(_word_run_in_form(tmp_path, agencies_header=True))
    headings = {"name", "agency", "contact"}
    for value in _leaves(rec):
        words = set(value.lower().replace("\u2003", " ").split())
        assert not (words and words <= headings), (value, rec)
    people = [rec["referrer"], rec["safeguarding_lead"], *rec["children"], *rec["agencies_involved"]]
    for person in people:
        for key in ("name", "role", "agency"):
            assert person.get(key) not in ("Agency", "Contact", "Name"), (key, person)
    # the form's own fields are untouched by the heading row
    _assert_core_fields(rec)


# --- 4. Word: 'Label: answer' fields a tab apart --------------------------------------------------------------------

def _word_tab_form(tmp_path: Path) -> Path:
    doc = Document()
    _bold_paragraph(doc, "Brookfield Safeguarding Children Partnership")
    _bold_paragraph(doc, "Case Referral Form")
    _bold_paragraph(doc, "1. Referrer")
    doc.add_paragraph("Your name: Alice Mendes")
    doc.add_paragraph("Job title: Health Visitor")
    doc.add_paragraph("Organisation: Brookfield NHS Trust")
    doc.add_paragraph("Email: a.mendes@nhs.net\tTelephone: 0117 496 0101")
    _bold_paragraph(doc, "2. About the child")
    doc.add_paragraph("Child's name: Tomasz Lee")
    doc.add_paragraph("Date of birth: 03/04/2019")
    _bold_paragraph(doc, "3. Incident")
    doc.add_paragraph("Date of incident: 12/01/2026")
    doc.add_paragraph("Location: Brookfield Children's Centre")
    doc.add_paragraph("What happened: " + SUMMARY)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


@pytest.mark.parametrize("reader", [None, "rules"], ids=["default_reader", "rule_reader"])
def test_word_email_and_telephone_a_tab_apart_on_one_line_are_both_read(tmp_path, monkeypatch, reader):
    if reader is None:
        monkeypatch.delenv("INTAKE_READER", raising=False)
    else:
        monkeypatch.setenv("INTAKE_READER", reader)
    rec = _record(_word_tab_form(tmp_path))
    _assert_fields(rec, {"referrer.email": "a.mendes@nhs.net", "referrer.phone": "01174960101",
                         "referrer.name": "Alice Mendes"})


# --- PDF: building blocks -------------------------------------------------------------------------------------------

BOLD, PLAIN, SIZE = "Helvetica-Bold", "Helvetica", 10


def _draw_fields(c: Canvas, x: float, y: float, fields: list[tuple[str, str]], gap: float,
                 after_label: float = 4) -> None:
    """Bold labels, each answer in plain type ``after_label`` points after its label, the next field ``gap`` points
    after the answer; an empty answer leaves only the gap."""
    for label, answer in fields:
        c.setFont(BOLD, SIZE)
        c.drawString(x, y, label)
        x += stringWidth(label, BOLD, SIZE) + after_label
        if answer:
            c.setFont(PLAIN, SIZE)
            c.drawString(x, y, answer)
            x += stringWidth(answer, PLAIN, SIZE)
        x += gap


def _pdf_head(c: Canvas) -> float:
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 784, "Brookfield Safeguarding Children Partnership")
    return 750


def _pdf_run_in_form(tmp_path: Path, gap: float, colon: bool = False, please_line: bool = False) -> Path:
    """Each line two or three fields: a bold label (with a colon where ``colon``), its answer 4 pt after it, the next
    field ``gap`` pt on. ``please_line``: a guidance sentence under the title whose first word is bold."""
    out = tmp_path / "referral.pdf"
    c = Canvas(str(out), pagesize=A4, invariant=1)
    y = _pdf_head(c)
    if please_line:
        c.setFont(BOLD, SIZE)
        c.drawString(40, y, "Please")
        x = 40 + stringWidth("Please ", BOLD, SIZE)
        c.setFont(PLAIN, SIZE)
        c.drawString(x, y, "return this form within 24 hours to the partnership inbox.")
        y -= 30
    k = ":" if colon else ""

    def heading(text: str) -> None:
        nonlocal y
        c.setFont(BOLD, 12)
        c.drawString(40, y, text)
        y -= 22

    def line(fields: list[tuple[str, str]]) -> None:
        nonlocal y
        _draw_fields(c, 40, y, [(label + k, answer) for label, answer in fields], gap)
        y -= 20

    heading("1. Referrer")
    line([("Your name", "Alice Mendes"), ("Job title", "Health Visitor"), ("Organisation", "Brookfield NHS Trust")])
    line([("Email", "a.mendes@nhs.net"), ("Telephone", "0117 496 0101")])
    y -= 8
    heading("2. About the child")
    line([("Child's name", "Tomasz Lee"), ("Date of birth", "03/04/2019"), ("Gender", "Male")])
    y -= 8
    heading("3. Incident")
    line([("Date of incident", "12/01/2026"), ("Location", "Brookfield Children's Centre")])
    c.setFont(BOLD, SIZE)
    c.drawString(40, y, "What happened" + k)
    y -= 14
    c.setFont(PLAIN, SIZE)
    for part in ("Tomasz attended the children's centre with a burn on the back of his left hand that his",
                 "mother could not explain, and he told the nursery nurse that his uncle had held his hand",
                 "against the oven door."):
        c.drawString(40, y, part)
        y -= 13
    c.save()
    return out


# --- 5. PDF: run-in bold labels, no colons --------------------------------------------------------------------------

def test_pdf_run_in_bold_labels_without_colons_several_to_a_line_are_each_read(tmp_path):
    # (the next field 14 points on: a space, not a tab stop, after the answer before it. Fields a tab stop apart with
    # no colon, as the training grammar prints two fields to a line, are read as the trained reader learnt them.)
    path = _pdf_run_in_form(tmp_path, 14)
    result = _parse_file(path)
    assert result.reason != "empty_form", (result.status, result.reason, result.warnings)
    rec = _record(path)
    _assert_core_fields(rec)


# --- 6. PDF: bold labels with colons, several to a line -------------------------------------------------------------

def test_pdf_bold_labels_with_colons_fields_14pt_apart_on_one_line_are_each_read(tmp_path):
    rec = _record(_pdf_run_in_form(tmp_path, 14, colon=True))
    _assert_core_fields(rec)


# --- 7. PDF control: a wrapped answer in an unruled two-column grid ---------------------------------------------------

def test_pdf_grid_answer_wrapped_under_itself_is_never_read_truncated(tmp_path):
    """'Full name' | 'Dominic' / 'Thistlewood' (wrapped, 12 pt lower) | 'Role' | 'Team manager': the referrer's name
    is the whole name or nothing, never 'Dominic' alone. (A guard: a reader that never reads run-in fields passes it
    too; it fails where the new run-in reading takes the first line of a wrapped cell as the whole answer.)"""
    out = tmp_path / "referral.pdf"
    c = Canvas(str(out), pagesize=A4, invariant=1)
    y = _pdf_head(c)

    def row(left: tuple[str, str], right: tuple[str, str], wrapped: str | None = None) -> None:
        nonlocal y
        for (label, answer), x in ((left, 50), (right, 300)):
            c.setFont(BOLD, SIZE)
            c.drawString(x, y, label)
            c.setFont(PLAIN, SIZE)
            c.drawString(x + 100, y, answer)
        if wrapped:
            c.drawString(150, y - 12, wrapped)
            y -= 12
        y -= 20

    def heading(text: str) -> None:
        nonlocal y
        c.setFont(BOLD, 12)
        c.drawString(50, y, text)
        y -= 22

    heading("1. Referrer")
    row(("Full name", "Dominic"), ("Role", "Team manager"), wrapped="Thistlewood")
    row(("Organisation", "Brookfield Council"), ("Telephone", "0117 496 0303"))
    row(("Email", "d.t@brookfield.gov.uk"), ("Date of referral", "13/01/2026"))
    heading("2. About the child")
    row(("Child's name", "Tomasz Lee"), ("Date of birth", "03/04/2019"))
    heading("3. Incident")
    row(("Date of incident", "12/01/2026"), ("Location", "Family home"))
    c.save()
    result = _parse_file(out)
    assert result.record is not None, (result.status, result.reason, result.warnings)
    assert result.record["referrer"]["name"] in (None, "Dominic Thistlewood"), result.record["referrer"]


# --- 8. PDF control: a sentence whose first word is bold -------------------------------------------------------------

def test_pdf_prose_sentence_starting_with_a_bold_word_gives_no_field_values(tmp_path):
    """'**Please** return this form within 24 hours to the partnership inbox.' under the title of a form of run-in
    labels: nothing of that sentence in any field; the form's own fields still read (so this control needs the
    run-in reading of test 5 as well)."""
    rec = _record(_pdf_run_in_form(tmp_path, 14, please_line=True))
    for value in _leaves(rec):
        low = value.lower()
        for words in ("return this form", "24 hours", "partnership inbox"):
            assert words not in low, (value, rec)
    for person in [rec["referrer"], rec["safeguarding_lead"], *rec["children"]]:
        for key in ("name", "role", "agency"):
            assert "return" not in (person.get(key) or "").lower(), (key, person)
    _assert_core_fields(rec)
