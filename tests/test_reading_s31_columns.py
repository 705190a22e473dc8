"""Session 31: two readings of a Word form's tables, tested from their description through the public entry point,
parse_bytes, on real .docx files built in tmp_path with python-docx (both readers: INTAKE_READER cleared).

(1) A partnership's re-referral form: every section is a three-column table headed "Question | Previous referral
    (23 May 2024) | Now" (or "Previous | Current", "Last referral | This referral", "Was | Now"), the previous
    referral's answers beside this referral's. Every value read is the "Now" column's, and no value of the previous
    column (another referrer, an older address and school, incident dates a year earlier) appears anywhere in the
    record. Control: a children table "Name | Date of birth | Previous names | Current address" is an ordinary table
    (other_names is the "Previous names" cell, the address the "Current address" cell).
(2) "Please complete a separate form for each child": the whole form repeated once per child (2 or 3 copies, each
    after a page break, one child each, the same referrer, lead, incident and agencies). Each agency of the
    "Agency | Name | Contact" table is listed exactly once; the referrer and incident date are read as given.
    Control: one ordinary form listing two different people at the same agency keeps both rows.
(3) (written in the session, not from the description) each part of the form a Word section of its own whose title is
    printed only in that section's page header, the lines every header repeats being furniture: the title opens the
    part, so the referrer's and the lead's same plain questions are told apart.
(4) (written in the session) "put a cross in the box": a choice laid out as a borderless table inside its answer cell,
    each option's words beside an empty box cell (or a row per option, box first), the chosen box crossed only by the
    cell's own diagonal borders: that option is the answer.
(5) (written in the session) a PDF's drawn tick boxes ticked with Acrobat's stamp tool: the square a small Stamp
    annotation covers is ticked; no stamp, no answer.

The control's other_names reading fails on the code before the session too (the trained reader does not take a
'Previous names' column for other names): kept as a strict xfail apart from the control's own assertions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import Table as TableBlock
from parsers.blocks import Para, current_answers
from parsers.pdf_reader import read_pdf


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


# =====================================================================================================================
# Shared helpers
# =====================================================================================================================

def _record(tmp_path: Path, name: str, doc) -> dict:
    """Save the document to tmp_path, read the file back and parse it; it must parse as a referral."""
    path = tmp_path / name
    doc.save(str(path))
    result = parse_bytes(path.read_bytes(), name)
    assert result.status == "parsed", (result.status, getattr(result, "reason", None), result.warnings)
    assert result.record is not None
    return result.record


def _strings(value) -> list[str]:
    """Every string in the record (walking dicts and lists)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _bold(doc, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _title(doc, text: str = "Case Referral Form") -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True


def _table(doc, rows: list[tuple[str, ...]], header: tuple[str, ...] | None = None) -> None:
    """A grid table: an optional bold header row, then one row per tuple (a cell's lines as paragraphs)."""
    width = len(header or rows[0])
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header):
            cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for k, (cell, text) in enumerate(zip(cells, values)):
            lines = text.split("\n")
            run = cell.paragraphs[0].add_run(lines[0])
            run.bold = k == 0 and header is None
            for line in lines[1:]:
                cell.add_paragraph(line)
    doc.add_paragraph()


# =====================================================================================================================
# 1. A re-referral: the previous referral's answers in a column beside this referral's
# =====================================================================================================================

# (question, previous referral's answer, this referral's answer) per section
REREFERRAL = [
    ("1. About you (the referrer)", [
        ("Referrer name", "Sarah Lomax", "Jonathan Ashworth"),
        ("Job title", "Family Support Worker", "Designated Safeguarding Lead"),
        ("Email", "sarah.lomax@rochdale.gov.uk", "j.ashworth@kingswaypark.rochdale.sch.uk"),
        ("Telephone", "01706 924 118", "01706 631 550"),
    ]),
    ("2. About the child", [
        ("Child's full name", "Kacey Marie Holden", "Kacey Marie Holden"),
        ("Date of birth", "04/02/2011", "04/02/2011"),
        ("Home address", "14 Hollybank Road\nRochdale\nOL11 3RT", "27 Sandy Lane\nRochdale\nOL11 5DY"),
        ("School", "Spotland Primary School", "Kingsway Park High School"),
        ("Ethnicity", "-", "White British"),
    ]),
    ("3. About the incident", [
        ("Date of incident", "19/05/2024", "06/10/2025"),
        ("Date the local authority became aware", "21/05/2024", "8 October 2025"),
        ("Location of incident", "Falinge Park, Rochdale", "Rochdale Interchange bus station"),
        ("Summary of the incident",
         "Kacey was found alone in the park late at night with an older male who was not known to the family. "
         "Police returned her home.",
         "Kacey was found at the bus station at 1am by British Transport Police with a bruised face and said she "
         "had been staying with adults she met online. Her mother had not reported her missing for three days."),
    ]),
]

NOW_EXPECTED = {
    "referrer": {"name": "Jonathan Ashworth", "role": "Designated Safeguarding Lead",
                 "email": "j.ashworth@kingswaypark.rochdale.sch.uk", "phone": "01706631550"},
    "child": {"name": "Kacey Marie Holden", "dob": "2011-02-04", "address": "27 Sandy Lane, Rochdale, OL11 5DY",
              "school": "Kingsway Park High School", "ethnicity": "White British"},
    "incident": {"date": "2025-10-06", "date_la_aware": "2025-10-08", "location": "Rochdale Interchange bus station",
                 "summary": REREFERRAL[2][1][3][2]},
}

# Every previous answer that differs from this referral's, as written and as the record would hold it.
PREVIOUS_VALUES = [
    "Sarah Lomax", "Family Support Worker", "sarah.lomax@rochdale.gov.uk", "01706 924 118", "01706924118",
    "14 Hollybank Road", "Hollybank", "OL11 3RT", "Spotland Primary School", "Spotland",
    "19/05/2024", "2024-05-19", "21/05/2024", "2024-05-21", "Falinge Park",
    "found alone in the park late at night", "Police returned her home",
]

HEADERS = [
    pytest.param(("Question", "Previous referral (23 May 2024)", "Now"), id="previous-referral-dated|now"),
    pytest.param(("Question", "Previous", "Current"), id="previous|current"),
    pytest.param(("Question", "Last referral", "This referral"), id="last-referral|this-referral"),
    pytest.param(("Question", "Was", "Now"), id="was|now"),
]


def _rereferral(header: tuple[str, str, str]):
    """The re-referral form: title, guidance, date of referral, then per section a bold heading and a three-column
    table (header row, then question | previous answer | this referral's answer)."""
    doc = Document()
    _title(doc, "Case Referral Form - Re-referral")
    doc.add_paragraph("OFFICIAL-SENSITIVE when complete. This child has been referred to the Rochdale Safeguarding "
                      "Children Partnership before. The answers given at the previous referral are shown for "
                      "reference; please give this referral's answers in the last column.")
    doc.add_paragraph("Date of referral: 14/10/2025")
    for heading, rows in REREFERRAL:
        _bold(doc, heading)
        _table(doc, rows, header=header)
    return doc


def _now_read(rec: dict) -> dict:
    child = (rec["children"] or [{}])[0]
    return {
        "referrer": {k: rec["referrer"].get(k) for k in NOW_EXPECTED["referrer"]},
        "child": {k: child.get(k) for k in NOW_EXPECTED["child"]},
        "incident": {k: rec["incident"].get(k) for k in NOW_EXPECTED["incident"]},
    }


@pytest.mark.parametrize("header", HEADERS)
def test_rereferral_three_column_tables_are_read_from_the_now_column(tmp_path, header):
    """Each section a 'Question | <previous> | <now>' table: incident.date, incident.date_la_aware, the child's address
    and school, the referrer's name and e-mail (and every other answer) are the last column's, not the previous
    referral's (a different referrer, an older address and school, incident dates a year earlier)."""
    rec = _record(tmp_path, "re-referral.docx", _rereferral(header))
    assert rec["incident"]["date"] == "2025-10-06"
    assert rec["incident"]["date_la_aware"] == "2025-10-08"
    assert rec["children"][0]["address"] == "27 Sandy Lane, Rochdale, OL11 5DY"
    assert rec["children"][0]["school"] == "Kingsway Park High School"
    assert rec["referrer"]["name"] == "Jonathan Ashworth"
    assert rec["referrer"]["email"] == "j.ashworth@kingswaypark.rochdale.sch.uk"
    assert _now_read(rec) == NOW_EXPECTED


@pytest.mark.parametrize("header", HEADERS)
def test_rereferral_previous_column_values_appear_nowhere_in_the_record(tmp_path, header):
    """No answer of the previous referral's column (those that differ from this referral's), as written or
    normalised (ISO date, digits-only phone), is anywhere among the record's strings; nor, where the header dates the
    previous referral (23 May 2024), that date."""
    forbidden = list(PREVIOUS_VALUES)
    if "23 May 2024" in header[1]:
        forbidden += ["23 May 2024", "2024-05-23"]
    rec = _record(tmp_path, "re-referral.docx", _rereferral(header))
    found = [(bad, s) for s in _strings(rec) for bad in forbidden if bad.lower() in s.lower()]
    assert found == []


def _previous_names_form(tmp_path: Path) -> dict:
    doc = Document()
    _title(doc)
    doc.add_paragraph("OFFICIAL-SENSITIVE when complete. Please complete every section.")
    _bold(doc, "1. About you (the referrer)")
    _table(doc, [("Date of referral", "14/10/2025"), ("Referrer name", "Rebecca Ingham"),
                 ("Job title", "Health Visitor"), ("Email", "rebecca.ingham@nhs.net"),
                 ("Telephone", "0161 716 2290")])
    _bold(doc, "2. The child")
    _table(doc, [("Mason Riley Clarke", "12/09/2016", "Mason Riley Hughes", "3 Oakenrod Hill\nRochdale\nOL11 4DR")],
           header=("Name", "Date of birth", "Previous names", "Current address"))
    _bold(doc, "3. About the incident")
    _table(doc, [("Date of incident", "02/10/2025"), ("Location of incident", "The family home"),
                 ("Summary of the incident", "Mason was taken to Royal Oldham Hospital with a fractured arm that his "
                                             "stepfather could not explain.")])
    return _record(tmp_path, "referral.docx", doc)


def test_children_table_with_previous_names_and_current_address_columns_is_an_ordinary_table(tmp_path):
    """Control: a children table 'Name | Date of birth | Previous names | Current address' with one child row is no
    previous/now table: no column is dropped, so the 'Current address' cell is the child's address and the date of
    birth is read beside it."""
    rec = _previous_names_form(tmp_path)
    assert len(rec["children"]) == 1
    child = rec["children"][0]
    assert {k: child[k] for k in ("dob", "address")} == {"dob": "2016-09-12",
                                                          "address": "3 Oakenrod Hill, Rochdale, OL11 4DR"}
    assert rec["referrer"]["name"] == "Rebecca Ingham"
    assert rec["incident"]["date"] == "2025-10-02"


def test_children_table_with_previous_names_and_current_address_columns_keeps_its_previous_names_column():
    """Control at the picture's level: the 'Previous names' column of such a table is the child's other names, not a
    previous referral's answers: the table comes through ``blocks.current_answers`` whole."""
    rows = [["Name", "Date of birth", "Previous names", "Current address"],
            ["Mason Riley Clarke", "12/09/2016", "Mason Riley Hughes", "3 Oakenrod Hill"]]
    assert current_answers([TableBlock([list(r) for r in rows])])[0].rows == rows


@pytest.mark.xfail(strict=True, reason="the trained reader does not take a 'Previous names' column of a children table "
                                       "for the child's other names (as on 515a537, before this session's changes)")
def test_children_table_previous_names_column_is_the_childs_other_names(tmp_path):
    """The 'Previous names' cell of the children table is the child's other_names."""
    rec = _previous_names_form(tmp_path)
    assert rec["children"][0]["other_names"] == "Mason Riley Hughes"


# =====================================================================================================================
# 2. A form completed once per child, the copies put into one document
# =====================================================================================================================

CHILDREN = [("Ellie-Mae Thornton", "03/04/2015", "Female"), ("Jayden Thornton", "21/11/2017", "Male"),
            ("Poppy Thornton", "09/06/2020", "Female")]
AGENCIES = [("Greater Manchester Police", "DC Laura Hensby", "0161 856 4420"),
            ("Oldham Children's Social Care", "Hannah Whitworth", "hannah.whitworth@oldham.gov.uk"),
            ("Pennine Care NHS Foundation Trust", "Dr Imran Qureshi", "0161 716 3000")]
AGENCIES_EXPECTED = [{"name": name, "agency": agency, "contact": contact} for agency, name, contact in AGENCIES]


def _copy(doc, child: tuple[str, str, str], agencies: list[tuple[str, str, str]]) -> None:
    """One completed copy of the form: title, guidance, referrer, lead, child, incident and agencies tables."""
    name, dob, gender = child
    _title(doc)
    doc.add_paragraph("OFFICIAL-SENSITIVE when complete. Please complete a separate form for each child.")
    _bold(doc, "1. About you (the referrer)")
    _table(doc, [("Date of referral", "15/10/2025"), ("Referrer name", "Claire Butterworth"),
                 ("Job title", "Social Worker"), ("Agency", "Oldham Children's Social Care"),
                 ("Email", "claire.butterworth@oldham.gov.uk"), ("Telephone", "0161 770 3790")])
    _bold(doc, "2. Your safeguarding lead")
    _table(doc, [("Name", "Angela Pickup"), ("Role", "Head of Safeguarding"),
                 ("Email", "angela.pickup@oldham.gov.uk"), ("Telephone", "0161 770 3104"),
                 ("Have you discussed this referral with them?", "Yes")])
    _bold(doc, "3. About the child")
    _table(doc, [("Child's full name", name), ("Date of birth", dob), ("Gender", gender),
                 ("Home address", "41 Ripponden Road\nOldham\nOL1 4JA"), ("School", "Watersheddings Primary School")])
    _bold(doc, "4. About the incident")
    _table(doc, [("Date of incident", "11/10/2025"), ("Date the local authority became aware", "12/10/2025"),
                 ("Location of incident", "41 Ripponden Road, Oldham"),
                 ("Are the police involved?", "Yes"),
                 ("Summary of the incident", "The children's mother was seriously assaulted at home by her partner "
                                             "while the three children were present. The children were removed to "
                                             "their grandmother's under police protection.")])
    _bold(doc, "5. Other agencies involved")
    _table(doc, agencies, header=("Agency", "Name", "Contact"))


def _per_child(copies: int):
    doc = Document()
    for k, child in enumerate(CHILDREN[:copies]):
        if k:
            doc.add_page_break()
        _copy(doc, child, AGENCIES)
    return doc


@pytest.mark.parametrize("copies", [2, 3])
def test_form_copied_once_per_child_lists_each_agency_once(tmp_path, copies):
    """The whole form repeated once per child (2 or 3 copies after page breaks, the same agencies table in each):
    agencies_involved lists each of the three agencies exactly once."""
    rec = _record(tmp_path, "referrals.docx", _per_child(copies))
    assert rec["agencies_involved"] == AGENCIES_EXPECTED


@pytest.mark.parametrize("copies", [2, 3])
def test_form_copied_once_per_child_reads_the_referrer_and_incident_date(tmp_path, copies):
    """The whole form repeated once per child: the referrer (name, role, e-mail, phone) and the incident date are
    read as given in every copy."""
    rec = _record(tmp_path, "referrals.docx", _per_child(copies))
    assert {k: rec["referrer"][k] for k in ("name", "role", "email", "phone")} == {
        "name": "Claire Butterworth", "role": "Social Worker", "email": "claire.butterworth@oldham.gov.uk",
        "phone": "01617703790"}
    assert rec["incident"]["date"] == "2025-10-11"


def test_two_people_at_the_same_agency_are_both_kept(tmp_path):
    """Control: one ordinary form whose agencies table lists two different people at the same agency (same agency
    name, different person and contact): both rows are kept, in order."""
    agencies = [("Oldham Children's Social Care", "Hannah Whitworth", "hannah.whitworth@oldham.gov.uk"),
                ("Oldham Children's Social Care", "Marcus Ojo", "0161 770 3222"),
                ("Greater Manchester Police", "DC Laura Hensby", "0161 856 4420")]
    doc = Document()
    _copy(doc, CHILDREN[0], agencies)
    rec = _record(tmp_path, "referral.docx", doc)
    assert rec["agencies_involved"] == [
        {"name": "Hannah Whitworth", "agency": "Oldham Children's Social Care",
         "contact": "hannah.whitworth@oldham.gov.uk"},
        {"name": "Marcus Ojo", "agency": "Oldham Children's Social Care", "contact": "0161 770 3222"},
        {"name": "DC Laura Hensby", "agency": "Greater Manchester Police", "contact": "0161 856 4420"}]


# =====================================================================================================================
# 3. Each part of the form a Word section of its own, its title printed only in that section's page header
# =====================================================================================================================

def _parts_in_headers(tmp_path: Path, titles: tuple[str, str, str, str]) -> dict:
    """Referrer, lead, child and incident parts, each a Word section (next page) whose own header holds the marking,
    the partnership, the part's title and the form's title; the referrer and the lead asked the same plain questions."""
    doc = Document()
    parts = [
        [("Name", "Joanne Pickering"), ("Job title", "Family Support Worker"), ("Email", "joanne.pickering@kirkby.gov.uk"),
         ("Mobile", "07700 900412")],
        [("Name", "Martin Oyelaran"), ("Job title", "Team Manager"), ("Email", "martin.oyelaran@kirkby.gov.uk"),
         ("Mobile", "07700 900588")],
        [("Child's full name", "Leon Hartley"), ("Date of birth", "04/03/2013")],
        [("Date of the incident", "11/11/2025"), ("What happened", "Leon was found unconscious at home and taken to "
                                                                   "hospital by ambulance.")],
    ]
    for k, (title, rows) in enumerate(zip(titles, parts)):
        section = doc.sections[0] if k == 0 else doc.add_section()
        header = section.header
        header.is_linked_to_previous = False
        header.paragraphs[0].text = "OFFICIAL SENSITIVE"
        for line in ("Kirkby Safeguarding Children Partnership", title, "Serious incident referral"):
            header.add_paragraph(line)
        table = doc.add_table(rows=0, cols=2)
        for label, answer in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, answer
    path = tmp_path / "parts.docx"
    doc.save(path)
    result = parse_bytes(path.read_bytes(), "parts.docx")
    assert result.status == "parsed"
    return result.record


@pytest.mark.parametrize("titles", [("YOUR DETAILS", "SAFEGUARDING LEAD", "CHILD", "INCIDENT"),
                                    ("1. REFERRER", "2. SUPERVISOR", "3. THE CHILD", "4. WHAT HAPPENED")])
def test_a_parts_title_printed_only_in_its_sections_header_says_whose_details_follow(tmp_path, titles):
    """The part's title in its own section's header (the lines every header repeats are furniture) opens that part:
    the second part's 'Name' and 'Email' are the safeguarding lead's, the first part's the referrer's."""
    rec = _parts_in_headers(tmp_path, titles)
    assert (rec["referrer"]["name"], rec["referrer"]["email"]) == ("Joanne Pickering", "joanne.pickering@kirkby.gov.uk")
    assert (rec["safeguarding_lead"]["name"], rec["safeguarding_lead"]["email"]) == (
        "Martin Oyelaran", "martin.oyelaran@kirkby.gov.uk")
    assert rec["children"][0]["dob"] == "2013-03-04"


# =====================================================================================================================
# 4. "Put a cross in the box": the chosen box an empty cell crossed by its own diagonal borders (written in the session)
# =====================================================================================================================

def _cross(cell) -> None:
    """Word's Diagonal Down and Diagonal Up borders on a cell: the box crossed."""
    borders = parse_xml(f'<w:tcBorders {nsdecls("w")}><w:tl2br w:val="single" w:sz="8" w:color="000000"/>'
                        f'<w:tr2bl w:val="single" w:sz="8" w:color="000000"/></w:tcBorders>')
    cell._tc.get_or_add_tcPr().append(borders)


def _options_in(cell, options: list[str], crossed: str | None, box_first: bool = False) -> None:
    """A borderless table of options inside an answer cell, each option's words beside an empty box cell."""
    if box_first:
        inner = cell.add_table(rows=len(options), cols=2)
        for k, option in enumerate(options):
            inner.cell(k, 1).text = option
            if option == crossed:
                _cross(inner.cell(k, 0))
    else:
        inner = cell.add_table(rows=1, cols=2 * len(options))
        for k, option in enumerate(options):
            inner.cell(0, 2 * k).text = option
            if option == crossed:
                _cross(inner.cell(0, 2 * k + 1))


def _crossed_form(tmp_path: Path, known: str | None, kind: str | None) -> dict:
    doc = Document()
    _title(doc)
    doc.add_paragraph("Put a cross in the box that applies.")
    _bold(doc, "About you")
    _table(doc, [("Your name", "Shona Penhaligon"), ("Work email", "shona.penhaligon@brede.nhs.uk")])
    _bold(doc, "The child")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Child's full name", "Jude Oyelaran"
    table.cell(1, 0).text = "Is the family open to children's social care?"
    _options_in(table.cell(1, 1), ["Yes", "No", "Not sure"], known)
    table.cell(2, 0).text = "Date of birth"
    table.cell(2, 1).text = "06/06/2025"
    _bold(doc, "The incident")
    incident = doc.add_table(rows=2, cols=2)
    incident.cell(0, 0).text, incident.cell(0, 1).text = "Date of the incident", "03/02/2026"
    incident.cell(1, 0).text = "Type of incident"
    _options_in(incident.cell(1, 1), ["Death of a child", "Serious harm to a child", "Other"], kind, box_first=True)
    return _record(tmp_path, "crossed.docx", doc)


@pytest.mark.parametrize("known, expected", [("Yes", True), ("No", False), ("Not sure", None), (None, None)])
def test_a_box_crossed_by_its_diagonal_borders_marks_its_option(tmp_path, known, expected):
    """The option whose box cell is crossed by diagonal borders is the answer; the third option, or no box crossed,
    is no answer."""
    rec = _crossed_form(tmp_path, known, None)
    assert rec["children"][0]["open_to_csc"] is expected
    assert rec["children"][0]["dob"] == "2025-06-06"


@pytest.mark.parametrize("kind, expected", [("Serious harm to a child", "serious_harm"), ("Death of a child", "death")])
def test_a_kind_of_incident_whose_box_is_crossed_is_the_incident_type(tmp_path, kind, expected):
    """The kinds a row each, box first: the one whose box is crossed is the incident type."""
    rec = _crossed_form(tmp_path, "No", kind)
    assert rec["incident"]["type"] == expected


@pytest.mark.parametrize("reader", ["both", "rules"])
def test_an_answer_cell_struck_through_by_diagonal_borders_is_no_answer(tmp_path, monkeypatch, reader):
    """Control: an ordinary answer cell left empty and crossed out with diagonal borders (not applicable) is no tick
    and no answer: the school stays empty, never '☒' (the rule reader alone too, which would take a mark for it)."""
    monkeypatch.setenv("INTAKE_READER", reader)
    doc = Document()
    _title(doc)
    _bold(doc, "About you")
    _table(doc, [("Your name", "Shona Penhaligon"), ("Work email", "shona.penhaligon@brede.nhs.uk"),
                 ("Date of referral", "04/02/2026")])
    _bold(doc, "The child")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Child's full name", "Jude Oyelaran"
    table.cell(1, 0).text = "School"
    _cross(table.cell(1, 1))
    table.cell(2, 0).text, table.cell(2, 1).text = "Date of birth", "06/06/2025"
    _bold(doc, "The incident")
    _table(doc, [("Date of the incident", "03/02/2026"), ("Location of incident", "The family home"),
                 ("What happened", "Jude was taken to hospital by ambulance after a fall at home.")])
    rec = _record(tmp_path, "struck.docx", doc)
    assert rec["children"][0]["school"] is None
    assert rec["children"][0]["dob"] == "2025-06-06"


# =====================================================================================================================
# 5. A PDF's tick boxes ticked with a stamp: an Acrobat Stamp annotation over the chosen square (written in the session)
# =====================================================================================================================

def _stamped_pdf(tmp_path: Path, stamped: dict[str, str]) -> dict:
    """A drawn label | answer form whose yes / no options are printed 'Yes □  No □  Not known □' (drawn squares);
    ``stamped``: question -> the option whose square a small Stamp annotation (a tick stamp) covers."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, 800, "Serious incident notification")
    c.setFont("Helvetica", 10)
    rows = [("Name of referrer", "Amira Haddad"), ("Child's full name", "Tyler Moss"), ("Date of birth", "17/05/2012"),
            ("Date of incident", "02/02/2026")]
    y = 770
    for label, answer in rows:
        c.drawString(50, y, label)
        c.drawString(250, y, answer)
        y -= 22
    squares = {}
    for question in ("Is the child looked after?", "Is the child open to children's social care?"):
        c.drawString(50, y, question)
        x = 250
        for option in ("Yes", "No", "Not known"):
            c.drawString(x, y, option)
            x += c.stringWidth(option, "Helvetica", 10) + 4
            c.rect(x, y - 1, 9, 9)
            squares[(question, option)] = (x, y - 1)
            x += 30
        y -= 22
    c.save()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    writer = PdfWriter()
    writer.append(reader)
    page = writer.pages[0]
    annots = ArrayObject()
    for question, option in stamped.items():
        x, y0 = squares[(question, option)]
        annots.append(writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Stamp"),
            NameObject("/Name"): NameObject("/Tick"), NameObject("/F"): NumberObject(4),
            NameObject("/Rect"): ArrayObject([FloatObject(x - 2), FloatObject(y0 - 2), FloatObject(x + 11),
                                              FloatObject(y0 + 11)])})))
    page[NameObject("/Annots")] = annots
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "stamped.pdf"
    path.write_bytes(out.getvalue())
    result = parse_bytes(path.read_bytes(), "stamped.pdf")
    assert result.status == "parsed"
    return result.record


def _option_lines(tmp_path: Path) -> list[str]:
    """The yes / no lines of the trained reader's picture of the stamped form (the drawn squares as ☐ / ☒)."""
    blocks, _ = read_pdf((tmp_path / "stamped.pdf").read_bytes(), printed=True)
    return [" ".join(b.text.split()) for b in blocks if isinstance(b, Para) and b.text.startswith("Is the child")]


def test_a_square_covered_by_a_tick_stamp_is_ticked(tmp_path):
    """The drawn square a small Stamp annotation covers is read as ticked, the others as empty; the record never
    holds the other option (the trained reader alone is less sure of these bare lines than its bar: right or empty)."""
    rec = _stamped_pdf(tmp_path, {"Is the child looked after?": "No",
                                  "Is the child open to children's social care?": "Yes"})
    assert _option_lines(tmp_path) == ["Is the child looked after? Yes ☐ No ☒ Not known ☐",
                                       "Is the child open to children's social care? Yes ☒ No ☐ Not known ☐"]
    assert rec["children"][0]["looked_after"] in (False, None)
    assert rec["children"][0]["open_to_csc"] in (True, None)


def test_squares_with_no_stamp_are_no_answer(tmp_path):
    """Control: nothing stamped, nothing ticked: both stay empty (asked for), never guessed."""
    rec = _stamped_pdf(tmp_path, {})
    assert _option_lines(tmp_path) == ["Is the child looked after? Yes ☐ No ☐ Not known ☐",
                                       "Is the child open to children's social care? Yes ☐ No ☐ Not known ☐"]
    assert (rec["children"][0]["looked_after"], rec["children"][0]["open_to_csc"]) == (None, None)


# =====================================================================================================================
# 6. Controls from the session's cold review: ordinary forms these readings must leave as they were
# =====================================================================================================================

def _grid_form(tmp_path: Path, child_rows: list[tuple[str, ...]], referrer_rows: list[tuple[str, ...]]) -> dict:
    doc = Document()
    _title(doc)
    doc.add_paragraph("Date of referral: 10/03/2025")
    _bold(doc, "1. About you (the referrer)")
    _table(doc, referrer_rows)
    _bold(doc, "2. The child")
    _table(doc, child_rows)
    _bold(doc, "3. The incident")
    _table(doc, [("Date of incident", "03/03/2025", "Date LA aware", "05/03/2025"),
                 ("Summary", "Jane was found with injuries at home and taken to hospital.", "Location", "Home")])
    return _record(tmp_path, "grid.docx", doc)


REFERRER = [("Name", "Amy Clarke"), ("Role", "Social Worker"), ("Email", "amy.clarke@council.gov.uk"),
            ("Telephone", "01632 960111")]


@pytest.mark.parametrize("reader", ["both", "rules"])
def test_answers_previous_and_current_in_a_four_column_grid_are_no_previous_answers_column(tmp_path, monkeypatch,
                                                                                          reader):
    """Control: 'Child protection plan | Previous | Child in need plan | Current' is a row of answers in a label |
    answer | label | answer grid, not a header over earlier answers: no column is dropped, the incident's two dates
    stay where they are."""
    monkeypatch.setenv("INTAKE_READER", reader)
    rec = _grid_form(tmp_path, [("Forename", "Jane", "Surname", "Smith"),
                                ("Child protection plan", "Previous", "Child in need plan", "Current"),
                                ("Date of birth", "01/02/2015", "Gender", "Female")], REFERRER)
    assert rec["incident"]["date"] in ("2025-03-03", None)
    assert rec["incident"]["date_la_aware"] in ("2025-03-05", None)
    assert rec["children"][0]["dob"] == "2015-02-01"


@pytest.mark.parametrize("reader", ["both", "rules"])
@pytest.mark.parametrize("label", ["Supervisor", "SUPERVISOR"])
def test_a_supervisor_row_inside_the_referrers_table_opens_no_lead_part(tmp_path, monkeypatch, reader, label):
    """Control: a 'Supervisor | Bob Jones' row among the referrer's rows is a question, not a title: the referrer's
    e-mail and phone after it stay the referrer's, never the lead's."""
    monkeypatch.setenv("INTAKE_READER", reader)
    rows = [REFERRER[0], (label, "Bob Jones")] + REFERRER[1:]
    rec = _grid_form(tmp_path, [("Child's name", "Jane Smith"), ("Date of birth", "01/02/2015")], rows)
    assert rec["safeguarding_lead"]["email"] != "amy.clarke@council.gov.uk"
    assert rec["safeguarding_lead"]["phone"] != "01632960111"
    assert rec["referrer"]["email"] in ("amy.clarke@council.gov.uk", None)
