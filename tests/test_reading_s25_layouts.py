"""Session 25: four layouts. (1) A Word questionnaire whose questions are bold paragraphs ("1. Date of referral",
or the same questions not numbered), each answer a plain paragraph under its question; (2) a Word table of boxes,
two cells to a row, each cell a bold label paragraph over its answer paragraph; (3) a PDF whose children and
agencies tables are printed without rules (text at column positions only), an agency name wrapping inside its
column; (4) a PDF with one column per child ("Child 1    Child 2") printed without rules, under a section heading
set a few points further left than the table. Every form is built as a real file in tmp_path (python-docx;
reportlab canvas or platypus, invariant=1, Helvetica) and read through the public entry point, parse_bytes.

Controls: a bold title with a guidance paragraph carrying the partnership's own phone number; ordinary two-column
label | answer tables whose answer cell holds two lines, or whose label cell holds a hint under the label; a line
of unmarked options set a gap apart; "Label: answer" fields three to a line in aligned columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import fields as _fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import record_of as _record

PARTNERSHIP = "Brookfield Safeguarding Children Partnership"
ADDRESS_LINES = ["14 Quarry Road", "Brookfield", "BF2 7QD"]
SUMMARY_PARAS = [
    "Tomasz attended Brookfield Children's Centre on the morning of 12 January with a burn on the back of his left "
    "hand. His mother said she had not seen it happen and could not explain it.",
    "When the nursery nurse asked him about it, Tomasz said that his uncle had held his hand against the oven door "
    "because he would not stop crying.",
    "The centre manager rang the children's services front door the same morning and a strategy discussion was "
    "held that afternoon with police and health.",
]

REFERRER = {"referrer.name": "Alice Mendes", "referrer.role": "Health Visitor",
            "referrer.agency": "Brookfield NHS Trust", "referrer.email": "a.mendes@nhs.net",
            "referrer.phone": "01174960101"}
CHILD = {"child.name": "Tomasz Lee", "child.dob": "2019-04-03"}
INCIDENT = {"incident.date": "2026-01-12", "incident.location": "Brookfield Children's Centre"}


@pytest.fixture
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _with_referral_date(rec: dict, keys: dict) -> dict:
    return {**_fields(rec, keys), "date_of_referral": rec["date_of_referral"]}


# =====================================================================================================================
# 1. Word questionnaire: bold questions, each answer a plain paragraph under it
# =====================================================================================================================

def _bold(doc, text: str, size: float | None = None) -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)


def _questionnaire(tmp_path: Path, numbered: bool = True, guidance: bool = False,
                   summary: list[str] | None = None) -> Path:
    """Bold questions, numbered '1. Date of referral' … or not numbered, each answer one or more plain paragraphs
    under it; section headings are bold paragraphs in a larger size. ``guidance``: a bold title 'Tell us about a
    serious incident' and a guidance paragraph giving the partnership's phone number, before Section 1."""
    sections = [
        ("Section 1: About you", [
            ("Date of referral", ["13/01/2026"]),
            ("Referrer's name", ["Alice Mendes"]),
            ("Job title", ["Health Visitor"]),
            ("Organisation", ["Brookfield NHS Trust"]),
            ("Email address", ["a.mendes@nhs.net"]),
            ("Telephone", ["0117 496 0101"]),
        ]),
        ("Section 2: The child", [
            ("Child's full name", ["Tomasz Lee"]),
            ("Date of birth", ["03/04/2019"]),
            ("Home address", ADDRESS_LINES),
        ]),
        ("Section 3: What happened", [
            ("Date of incident", ["12/01/2026"]),
            ("Location of incident", ["Brookfield Children's Centre"]),
            ("Summary of the incident", summary or SUMMARY_PARAS),
        ]),
    ]
    doc = Document()
    _bold(doc, PARTNERSHIP, 14)
    _bold(doc, "Case Referral Form", 16)
    if guidance:
        _bold(doc, "Tell us about a serious incident", 12)
        doc.add_paragraph("Please answer every question as fully as you can and send the form to the partnership "
                          "within one working day. Ring us on 0117 496 0999 if you are stuck.")
    number = 0
    for heading, questions in sections:
        _bold(doc, heading, 13)
        for question, answer in questions:
            number += 1
            _bold(doc, f"{number}. {question}" if numbered else question)
            for line in answer:
                doc.add_paragraph(line)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def test_word_numbered_bold_questions_with_plain_answers_below_are_each_read(tmp_path, rule_reader):
    """'1. Date of referral' … '11. Location of incident' in bold, each answer the plain paragraph under it: the
    referral date, the referrer's name, role, agency, email and phone, the child's name and date of birth, the
    incident's date and location are each read."""
    rec = _record(_questionnaire(tmp_path, numbered=True))
    expected = {**REFERRER, **CHILD, **INCIDENT}
    assert _with_referral_date(rec, expected) == {**expected, "date_of_referral": "2026-01-13"}


def test_word_unnumbered_bold_questions_some_naming_their_section_are_each_read(tmp_path, rule_reader):
    """The same questionnaire with no numbers: 'Referrer's name', 'Child's full name', 'Date of incident' name
    their part of the form, 'Job title', 'Email address', 'Telephone', 'Date of birth' do not (their section
    heading does); every answer is still read into its field."""
    rec = _record(_questionnaire(tmp_path, numbered=False))
    expected = {**REFERRER, **CHILD, **INCIDENT}
    assert _with_referral_date(rec, expected) == {**expected, "date_of_referral": "2026-01-13"}


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "not_numbered"])
def test_word_partnership_phone_in_guidance_under_a_bold_title_is_not_the_referrers_phone(tmp_path, rule_reader,
                                                                                          numbered):
    """A bold title 'Tell us about a serious incident' and under it 'Ring us on 0117 496 0999 if you are stuck':
    that number is the partnership's, not the referrer's. The referrer's phone is the form's own Telephone answer
    (0117 496 0101), and the partnership's number is in no phone field at all."""
    rec = _record(_questionnaire(tmp_path, numbered=numbered, guidance=True))
    assert rec["referrer"]["phone"] == "01174960101", rec["referrer"]
    assert rec["safeguarding_lead"]["phone"] != "01174960999", rec["safeguarding_lead"]
    assert not any("0999" in value.replace(" ", "") for value in _leaves(rec)), rec


@pytest.mark.parametrize("paragraphs", [2, 3], ids=["two_paragraphs", "three_paragraphs"])
def test_word_summary_over_several_plain_paragraphs_under_its_bold_question_is_read_whole(tmp_path, rule_reader,
                                                                                          paragraphs):
    """'Summary of the incident' answered in two or three plain paragraphs: the summary is every paragraph,
    joined with a blank line (not the first paragraph alone, and no paragraph taken for a question)."""
    summary = SUMMARY_PARAS[:paragraphs]
    rec = _record(_questionnaire(tmp_path, numbered=True, summary=summary))
    assert rec["incident"]["summary"] == "\n\n".join(summary)


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "not_numbered"])
def test_word_multi_line_address_under_its_bold_question_keeps_every_line(tmp_path, rule_reader, numbered):
    """'Home address' answered as three plain paragraphs ('14 Quarry Road' / 'Brookfield' / 'BF2 7QD'): the child's
    address keeps all three lines, joined with ', '."""
    rec = _record(_questionnaire(tmp_path, numbered=numbered))
    assert rec["children"] and rec["children"][0]["address"] == "14 Quarry Road, Brookfield, BF2 7QD", rec["children"]


# =====================================================================================================================
# 2. Word table of boxes: each cell a bold label over its answer
# =====================================================================================================================

BOX_EXPECTED = {**REFERRER, **CHILD, "child.gender": "male", "child.gp": "Dale Valley Medical Practice",
                **INCIDENT}


def _box_cell(cell, label: str, answer: str | None) -> None:
    cell.paragraphs[0].add_run(label).bold = True
    if answer:
        cell.add_paragraph(answer)


def _box_form(tmp_path: Path) -> Path:
    """Three tables, two boxes to a row, each box a bold label paragraph and its answer paragraph under it in the
    same cell; the 'School' box holds only its label."""
    sections = [
        ("Section 1: About you", [
            [("Referrer's name", "Alice Mendes"), ("Job title", "Health Visitor")],
            [("Organisation", "Brookfield NHS Trust"), ("Date of referral", "13/01/2026")],
            [("Email address", "a.mendes@nhs.net"), ("Telephone", "0117 496 0101")],
        ]),
        ("Section 2: The child", [
            [("Child's full name", "Tomasz Lee"), ("Date of birth", "03/04/2019")],
            [("Gender", "Male"), ("Ethnicity", "White - Other European")],
            [("School", None), ("GP practice", "Dale Valley Medical Practice")],
        ]),
        ("Section 3: What happened", [
            [("Date of incident", "12/01/2026"), ("Location of incident", "Brookfield Children's Centre")],
        ]),
    ]
    doc = Document()
    _bold(doc, PARTNERSHIP, 14)
    _bold(doc, "Case Referral Form", 16)
    for heading, rows in sections:
        doc.add_heading(heading, level=2)
        table = doc.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, boxes in zip(table.rows, rows):
            for cell, (label, answer) in zip(row.cells, boxes):
                _box_cell(cell, label, answer)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def test_word_box_cells_each_a_bold_label_over_its_answer_are_each_read(tmp_path, rule_reader):
    """Each box's answer (the plain paragraph under the bold label in the same cell) goes to the label's field:
    referrer name, role, agency, email, phone and referral date; child name, date of birth, gender, GP; incident
    date and location."""
    rec = _record(_box_form(tmp_path))
    assert _with_referral_date(rec, BOX_EXPECTED) == {**BOX_EXPECTED, "date_of_referral": "2026-01-13"}


def test_word_box_cell_holding_only_its_label_gives_null_and_the_box_beside_it_is_read(tmp_path, rule_reader):
    """The 'School' box left blank (its label alone): the child's school is null (not 'GP practice', not the GP's
    answer), and the 'GP practice' box beside it is read."""
    rec = _record(_box_form(tmp_path))
    assert _fields(rec, ["child.school", "child.gp"]) == {"child.school": None,
                                                          "child.gp": "Dale Valley Medical Practice"}


def test_word_box_cells_default_reading_gives_no_wrong_value(tmp_path, default_reader):
    """The default reading of the same boxes: each field is its right value or null, never a wrong value (a label,
    the neighbouring box's answer, …); the blank School box is null."""
    rec = _record(_box_form(tmp_path))
    got = _with_referral_date(rec, BOX_EXPECTED)
    wrong = {key: value for key, value in got.items()
             if value is not None and value != {**BOX_EXPECTED, "date_of_referral": "2026-01-13"}[key]}
    assert wrong == {}, got
    assert rec["children"] == [] or rec["children"][0]["school"] is None, rec["children"]


def _label_answer_table(doc, rows: list[tuple[str, str | None, list[str]]], hint_style: str = "paragraph") -> None:
    """An ordinary two-column table: a bold label (with an optional hint under it, its own paragraph or after a line
    break) | the answer, one paragraph per line."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, hint, answer) in zip(table.rows, rows):
        left, right = row.cells
        para = left.paragraphs[0]
        para.add_run(label).bold = True
        if hint:
            if hint_style == "paragraph":
                run = left.add_paragraph().add_run(hint)
            else:
                para.runs[0].add_break()
                run = para.add_run(hint)
            run.italic = True
            run.font.size = Pt(8)
        right.paragraphs[0].add_run(answer[0])
        for line in answer[1:]:
            right.add_paragraph(line)


def _reader_env(monkeypatch, reader: str | None) -> None:
    if reader is None:
        monkeypatch.delenv("INTAKE_READER", raising=False)
    else:
        monkeypatch.setenv("INTAKE_READER", reader)


@pytest.mark.parametrize("reader", [None, "rules"], ids=["default_reader", "rule_reader"])
def test_word_label_answer_table_whose_answer_cell_holds_two_address_lines_still_reads_label_answer(
        tmp_path, monkeypatch, reader):
    """An ordinary two-column table (bold label | answer); the 'Address' answer cell holds two paragraphs, '12 Mill
    Lane' and 'Brookfield, BF1 2AB'. It is not a box of label over answer: the address is both lines, and the other
    rows read as label | answer."""
    _reader_env(monkeypatch, reader)
    doc = Document()
    _bold(doc, PARTNERSHIP, 14)
    _bold(doc, "Case Referral Form", 16)
    doc.add_heading("Section 1: About you", level=2)
    _label_answer_table(doc, [("Referrer's name", None, ["Alice Mendes"]), ("Job title", None, ["Health Visitor"]),
                              ("Organisation", None, ["Brookfield NHS Trust"]),
                              ("Telephone", None, ["0117 496 0101"])])
    doc.add_heading("Section 2: The child", level=2)
    _label_answer_table(doc, [("Child's full name", None, ["Tomasz Lee"]), ("Date of birth", None, ["03/04/2019"]),
                              ("Address", None, ["12 Mill Lane", "Brookfield, BF1 2AB"]),
                              ("School", None, ["Hill Top Primary"])])
    doc.add_heading("Section 3: What happened", level=2)
    _label_answer_table(doc, [("Date of incident", None, ["12/01/2026"]),
                              ("Location of incident", None, ["Brookfield Children's Centre"])])
    path = tmp_path / "referral.docx"
    doc.save(path)
    rec = _record(path)
    _assert_fields(rec, {"child.address": "12 Mill Lane, Brookfield, BF1 2AB", "child.name": "Tomasz Lee",
                         "child.dob": "2019-04-03", "child.school": "Hill Top Primary",
                         "referrer.name": "Alice Mendes", "referrer.role": "Health Visitor",
                         "referrer.phone": "01174960101", **INCIDENT})


@pytest.mark.parametrize("hint_style", ["paragraph", "line_break"])
@pytest.mark.parametrize("reader", [None, "rules"], ids=["default_reader", "rule_reader"])
def test_word_label_answer_table_with_a_hint_under_each_label_still_reads_label_answer(tmp_path, monkeypatch,
                                                                                       reader, hint_style):
    """Label cells holding a hint under the bold label ('Referrer's name' / '(first and last)', 'Date of birth' /
    '(dd/mm/yyyy)'), the answers in the next column: the answers are read from the next column, and no hint is
    read as an answer."""
    _reader_env(monkeypatch, reader)
    doc = Document()
    _bold(doc, PARTNERSHIP, 14)
    _bold(doc, "Case Referral Form", 16)
    doc.add_heading("Section 1: About you", level=2)
    _label_answer_table(doc, [("Referrer's name", "(first and last)", ["Alice Mendes"]),
                              ("Job title", None, ["Health Visitor"]),
                              ("Organisation", "(team and service)", ["Brookfield NHS Trust"]),
                              ("Telephone", "(a daytime number)", ["0117 496 0101"])], hint_style)
    doc.add_heading("Section 2: The child", level=2)
    _label_answer_table(doc, [("Child's name", "(first and last)", ["Tomasz Lee"]),
                              ("Date of birth", "(dd/mm/yyyy)", ["03/04/2019"])], hint_style)
    doc.add_heading("Section 3: What happened", level=2)
    _label_answer_table(doc, [("Date of incident", "(dd/mm/yyyy)", ["12/01/2026"]),
                              ("Location of incident", None, ["Brookfield Children's Centre"])], hint_style)
    path = tmp_path / "referral.docx"
    doc.save(path)
    rec = _record(path)
    _assert_fields(rec, {"referrer.name": "Alice Mendes", "referrer.role": "Health Visitor",
                         "referrer.agency": "Brookfield NHS Trust", "referrer.phone": "01174960101",
                         **CHILD, **INCIDENT})
    for value in _leaves(rec):
        for hint in ("first and last", "dd/mm", "team and service", "daytime"):
            assert hint not in value.lower(), (value, rec)


# =====================================================================================================================
# 3. PDF tables printed without rules
# =====================================================================================================================

BOLD, PLAIN, SIZE = "Helvetica-Bold", "Helvetica", 10
CHILDREN = [("Tomasz Lee", "03/04/2019", "Male", "Hill Top Primary"),
            ("Ania Lee", "12/09/2016", "Female", "Dale Valley Junior School")]
CHILDREN_READ = [("Tomasz Lee", "2019-04-03", "male", "Hill Top Primary"),
                 ("Ania Lee", "2016-09-12", "female", "Dale Valley Junior School")]
AGENCIES = [("Brookfield Children's Social Care", "Marek Nowak", "0117 496 0404"),
            ("Brookfield Police", "DC Sarah Hughes", "s.hughes@brookfield.police.uk"),
            ("Hill Top Primary School", None, "0117 496 0505")]
AGENCIES_READ = [{"agency": "Brookfield Children's Social Care", "name": "Marek Nowak", "contact": "0117 496 0404"},
                 {"agency": "Brookfield Police", "name": "DC Sarah Hughes",
                  "contact": "s.hughes@brookfield.police.uk"},
                 {"agency": "Hill Top Primary School", "name": None, "contact": "0117 496 0505"}]
THREE_TO_A_LINE = [[("Your name", "Alice Mendes"), ("Job title", "Health Visitor"),
                    ("Organisation", "Brookfield NHS Trust")],
                   [("Email", "a.mendes@nhs.net"), ("Telephone", "0117 496 0101"),
                    ("Date of referral", "13/01/2026")]]
OPTIONS = ("Yes", "No", "Not known")
SUMMARY_LINES = ("Tomasz attended the children's centre with a burn on the back of his left hand that his",
                 "mother could not explain, and he told the nursery nurse that his uncle had held his hand",
                 "against the oven door.")


def _canvas_tables_form(out: Path) -> None:
    """Text at fixed column positions, no rules drawn anywhere. The agency column is 120 pt wide: 'Brookfield
    Children's Social Care' wraps to a second line 12 pt lower in the same column."""
    c = Canvas(str(out), pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 784, PARTNERSHIP)
    y = 750

    def heading(text: str) -> None:
        nonlocal y
        c.setFont(BOLD, 12)
        c.drawString(40, y, text)
        y -= 22

    def label_answer(x: float, label: str, answer: str) -> None:
        c.setFont(BOLD, SIZE)
        c.drawString(x, y, label + ":")
        c.setFont(PLAIN, SIZE)
        c.drawString(x + stringWidth(label + ":", BOLD, SIZE) + 4, y, answer)

    def row(xs, cells, font=PLAIN) -> None:
        c.setFont(font, SIZE)
        for x, text in zip(xs, cells):
            if text:
                c.drawString(x, y, text)

    heading("Section 1: About you")
    for line in THREE_TO_A_LINE:
        for x, (label, answer) in zip((40, 215, 390), line):
            label_answer(x, label, answer)
        y -= 18
    y -= 10

    heading("Section 2: The children")
    child_xs = (40, 170, 260, 330)
    row(child_xs, ("Full name", "Date of birth", "Gender", "School"), BOLD)
    y -= 16
    for child in CHILDREN:
        row(child_xs, child)
        y -= 16
    y -= 6
    c.setFont(BOLD, SIZE)
    c.drawString(40, y, "Is either child known to children's social care?")
    y -= 16
    row((40, 90, 134), OPTIONS)  # set a gap apart, nothing marked
    y -= 28

    heading("Section 3: What happened")
    label_answer(40, "Date of incident", "12/01/2026")
    label_answer(260, "Location", "Brookfield Children's Centre")
    y -= 18
    c.setFont(BOLD, SIZE)
    c.drawString(40, y, "What happened:")
    y -= 14
    c.setFont(PLAIN, SIZE)
    for part in SUMMARY_LINES:
        c.drawString(40, y, part)
        y -= 13
    y -= 15

    heading("Section 4: Other agencies involved")
    agency_xs = (40, 170, 300)
    row(agency_xs, ("Agency", "Name of worker", "Telephone / email"), BOLD)
    y -= 16
    for agency, worker, contact in AGENCIES:
        first, rest = agency, None
        if stringWidth(agency, PLAIN, SIZE) > 120:
            first, rest = "Brookfield Children's", "Social Care"
        row(agency_xs, (first, worker, contact))
        if rest:
            y -= 12
            row(agency_xs, (rest,))
        y -= 18
    c.save()


def _platypus_tables_form(out: Path) -> None:
    """A reportlab platypus story: borderless tables (no GRID, no BOX, no lines), cells aligned to the top; the
    agency column 112 pt wide so 'Brookfield Children's Social Care' wraps inside its cell."""
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20)
    small = ParagraphStyle("small", fontName=PLAIN, fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=PLAIN, fontSize=SIZE, leading=13)
    bold = ParagraphStyle("bold", fontName=BOLD, fontSize=SIZE, leading=13)
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])

    def table(rows, widths, header: bool = True) -> Table:
        cells = [[Paragraph(text or "", bold if header and i == 0 else body) for text in r]
                 for i, r in enumerate(rows)]
        return Table(cells, colWidths=widths, hAlign="LEFT", style=style)

    story = [Paragraph("Case Referral Form", title), Paragraph(PARTNERSHIP, small), Spacer(1, 12)]
    story.append(Paragraph("Section 1: About you", heading))
    story.append(table([[f"<b>{label}:</b> {answer}" for label, answer in line] for line in THREE_TO_A_LINE],
                       [175, 175, 175], header=False))
    story.append(Paragraph("Section 2: The children", heading))
    story.append(table([("Full name", "Date of birth", "Gender", "School"), *CHILDREN], [130, 90, 70, 160]))
    story.append(Spacer(1, 6))
    story.append(Paragraph("Is either child known to children's social care?", bold))
    story.append(Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;".join(OPTIONS), body))
    story.append(Paragraph("Section 3: What happened", heading))
    story.append(table([["<b>Date of incident:</b> 12/01/2026", "<b>Location:</b> Brookfield Children's Centre"]],
                       [220, 300], header=False))
    story.append(Paragraph("What happened:", bold))
    story.append(Paragraph(" ".join(SUMMARY_LINES), body))
    story.append(Paragraph("Section 4: Other agencies involved", heading))
    story.append(table([("Agency", "Name of worker", "Telephone / email"), *AGENCIES], [112, 130, 200]))
    SimpleDocTemplate(str(out), pagesize=A4, invariant=1, leftMargin=40, rightMargin=40, topMargin=40,
                      bottomMargin=40).build(story)


TABLE_BUILDERS = {"canvas": _canvas_tables_form, "platypus": _platypus_tables_form}


def _tables_pdf(tmp_path: Path, builder: str) -> Path:
    out = tmp_path / "referral.pdf"
    TABLE_BUILDERS[builder](out)
    return out


def _children(rec: dict) -> list[tuple]:
    return [(c["name"], c["dob"], c["gender"], c["school"]) for c in rec["children"]]


@pytest.mark.parametrize("builder", list(TABLE_BUILDERS))
def test_pdf_unruled_children_table_gives_each_childs_name_dob_gender_and_school(tmp_path, default_reader,
                                                                                 builder):
    """'Full name | Date of birth | Gender | School' over one line per child, no rules: two children, each with
    name, date of birth, gender and school, in order."""
    rec = _record(_tables_pdf(tmp_path, builder))
    assert _children(rec) == CHILDREN_READ, rec["children"]


@pytest.mark.parametrize("builder", list(TABLE_BUILDERS))
def test_pdf_unruled_agencies_table_keeps_a_wrapped_agency_whole_and_an_unnamed_worker_null(tmp_path,
                                                                                            default_reader, builder):
    """'Agency | Name of worker | Telephone / email' over three rows, no rules: 'Brookfield Children's Social Care'
    (wrapped onto a second line in its column) is one agency, whole; the school's row names no worker, so its name
    is null; three entries, no more."""
    rec = _record(_tables_pdf(tmp_path, builder))
    assert rec["agencies_involved"] == AGENCIES_READ


@pytest.mark.parametrize("builder", list(TABLE_BUILDERS))
def test_pdf_unmarked_options_line_set_a_gap_apart_is_no_table_row_and_no_answer(tmp_path, default_reader,
                                                                                 builder):
    """'Yes    No    Not known' under a question, nothing marked: no child or agency made of the options, no value
    'Yes' / 'No' / 'Not known' anywhere, and the children's 'open to social care' stays null. (A guard: a reader
    that reads no table at all passes it too.)"""
    rec = _record(_tables_pdf(tmp_path, builder))
    for value in _leaves(rec):
        assert value.strip() not in OPTIONS and "not known" not in value.lower(), (value, rec)
    for child in rec["children"]:
        assert child["name"] not in OPTIONS, rec["children"]
        assert child["open_to_csc"] is None, child
    assert len(rec["children"]) <= 2, rec["children"]
    assert len(rec["agencies_involved"]) <= 3, rec["agencies_involved"]


@pytest.mark.parametrize("builder", list(TABLE_BUILDERS))
def test_pdf_label_answer_fields_three_to_a_line_are_not_read_as_a_table_header(tmp_path, default_reader,
                                                                                builder):
    """Two lines of 'Label: answer' fields three to a line in aligned columns ('Your name: Alice Mendes   Job title:
    Health Visitor   Organisation: Brookfield NHS Trust' over 'Email: …   Telephone: …   Date of referral: …'):
    not a header over a row: no value holds a label of those lines, no child or agency is made of them, and each
    field is read (so this control needs the three-to-a-line reading as well)."""
    rec = _record(_tables_pdf(tmp_path, builder))
    labels = [label for line in THREE_TO_A_LINE for label, _ in line]
    for value in _leaves(rec):
        for label in labels:
            assert label.lower() + ":" not in value.lower(), (value, rec)
    names = {c["name"] for c in rec["children"]} | {a["name"] for a in rec["agencies_involved"]}
    assert not names & {"Alice Mendes", "a.mendes@nhs.net", "Your name: Alice Mendes"}, names
    assert _with_referral_date(rec, REFERRER) == {**REFERRER, "date_of_referral": "2026-01-13"}


# =====================================================================================================================
# 4. PDF: one column per child, no rules, under a heading set further left
# =====================================================================================================================

CHILD_ROWS = [("Name", "Tomasz Lee", "Ania Lee"), ("Date of birth", "03/04/2019", "12/09/2016"),
              ("School", "Hill Top Primary", "Hill Top Primary")]


def _canvas_child_columns(out: Path, heading_x: float) -> None:
    c = Canvas(str(out), pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 784, PARTNERSHIP)
    y = 750

    def heading(text: str, x: float = 40) -> None:
        nonlocal y
        c.setFont(BOLD, 12)
        c.drawString(x, y, text)
        y -= 22

    def field(label: str, answer: str) -> None:
        nonlocal y
        c.setFont(BOLD, SIZE)
        c.drawString(40, y, label + ":")
        c.setFont(PLAIN, SIZE)
        c.drawString(40 + stringWidth(label + ":", BOLD, SIZE) + 4, y, answer)
        y -= 18

    heading("Section 1: About you")
    field("Your name", "Alice Mendes")
    field("Job title", "Health Visitor")
    field("Organisation", "Brookfield NHS Trust")
    field("Telephone", "0117 496 0101")
    y -= 10
    heading("Section 2: The children", heading_x)
    xs = (48, 170, 330)
    c.setFont(BOLD, SIZE)
    c.drawString(xs[1], y, "Child 1")
    c.drawString(xs[2], y, "Child 2")
    y -= 16
    for label, first, second in CHILD_ROWS:
        c.setFont(BOLD, SIZE)
        c.drawString(xs[0], y, label)
        c.setFont(PLAIN, SIZE)
        c.drawString(xs[1], y, first)
        c.drawString(xs[2], y, second)
        y -= 16
    y -= 12
    heading("Section 3: What happened")
    field("Date of incident", "12/01/2026")
    field("Location", "Brookfield Children's Centre")
    c.save()


def _platypus_child_columns(out: Path, heading_x: float) -> None:
    """The table's text starts ``48 - heading_x`` points right of the heading (the cells' left padding)."""
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=PLAIN, fontSize=SIZE, leading=13)
    bold = ParagraphStyle("bold", fontName=BOLD, fontSize=SIZE, leading=13)
    pad = 48 - heading_x
    rows = [[Paragraph("", body), Paragraph("Child 1", bold), Paragraph("Child 2", bold)],
            *[[Paragraph(label, bold), Paragraph(a, body), Paragraph(b, body)] for label, a, b in CHILD_ROWS]]
    table = Table(rows, colWidths=[120, 160, 160], hAlign="LEFT",
                  style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), pad), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Case Referral Form", ParagraphStyle("t", fontName=BOLD, fontSize=16, leading=20)),
             Paragraph(PARTNERSHIP, ParagraphStyle("s", fontName=PLAIN, fontSize=9, leading=12)),
             Paragraph("Section 1: About you", heading),
             *[Paragraph(f"<b>{label}:</b> {answer}", body)
               for label, answer in (("Your name", "Alice Mendes"), ("Job title", "Health Visitor"),
                                     ("Organisation", "Brookfield NHS Trust"), ("Telephone", "0117 496 0101"))],
             Paragraph("Section 2: The children", heading), table,
             Paragraph("Section 3: What happened", heading),
             Paragraph("<b>Date of incident:</b> 12/01/2026", body),
             Paragraph("<b>Location:</b> Brookfield Children's Centre", body)]
    SimpleDocTemplate(str(out), pagesize=A4, invariant=1, leftMargin=heading_x, rightMargin=40, topMargin=40,
                      bottomMargin=40).build(story)


@pytest.mark.parametrize("heading_x", [44, 40], ids=["heading_4pt_left", "heading_8pt_left"])
@pytest.mark.parametrize("builder", ["canvas", "platypus"])
def test_pdf_unruled_column_per_child_under_a_heading_set_further_left_reads_both_children_in_order(
        tmp_path, default_reader, builder, heading_x):
    """'Section 2: The children' a few points left of the table, then 'Child 1    Child 2' over 'Name | Tomasz Lee
    | Ania Lee', 'Date of birth | 03/04/2019 | 12/09/2016', 'School | Hill Top Primary | Hill Top Primary', no rules:
    two children, Tomasz then Ania, each with name, date of birth and school."""
    out = tmp_path / "referral.pdf"
    (_canvas_child_columns if builder == "canvas" else _platypus_child_columns)(out, heading_x)
    rec = _record(out)
    got = [(c["name"], c["dob"], c["school"]) for c in rec["children"]]
    assert got == [("Tomasz Lee", "2019-04-03", "Hill Top Primary"),
                   ("Ania Lee", "2016-09-12", "Hill Top Primary")], rec["children"]
