"""Session 26: the "Other agencies involved" list (record key ``agencies_involved``, one {"name", "agency",
"contact"} per agency, in the form's order) in two layouts. (1) A Word form whose agencies part is headed "Other
professionals" (a heading paragraph, or "G. Other professionals<TAB>2 entries" as the single cell of a one-cell
table), then for each agency a paragraph "Agency 1", "Agency 2" … over a two-column table Agency | …, Name | …,
Contact | … (rows in either order; an em dash in the Name cell means no name). (2) A PDF whose agencies part is headed
"Other agencies involved", then "Agency 1 of 3" … and each part printed as a label on its own line with its answer on
the line under it (a Name label followed directly by the next label means no name).

Controls: the referrer's own two-column table (Name | Alice Mendes, Organisation | …, Email | …) is the referrer's,
never an agency; the agencies heading followed by "None known" gives an empty list.

Every form is a whole referral form (title, referrer, one child, the incident, the agencies part), built as a real
file in tmp_path (python-docx; reportlab canvas, invariant=1, Helvetica) and read through the public entry point
with the default reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import record_of as _record

PARTNERSHIP = "Brookfield Safeguarding Children Partnership"
SUMMARY = ("Tomasz attended Brookfield Children's Centre on 12 January with a burn on the back of his left hand.",
           "His mother said she had not seen it happen and could not explain it.")
REFERRER = {"referrer.name": "Alice Mendes", "referrer.agency": "Brookfield NHS Trust",
            "referrer.email": "a.mendes@nhs.net"}

# Word agencies: each a list of (label, answer) rows in the order the table prints them.
SOCIAL_CARE = {"agency": "Brookfield Children's Social Care", "name": "Marek Nowak", "contact": "0117 496 0404"}
POLICE = {"agency": "Brookfield Police", "name": "DC Sarah Hughes", "contact": "s.hughes@brookfield.police.uk"}
SCHOOL = {"agency": "Hill Top Primary School", "name": "Joan Pike", "contact": "0117 496 0505"}


def _rows(entry: dict, order=("agency", "name", "contact"), name_cell: str | None = None) -> list[tuple[str, str]]:
    cells = {**entry, "name": name_cell if name_cell is not None else entry["name"]}
    return [(key.capitalize(), cells[key]) for key in order]


@pytest.fixture
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


# =====================================================================================================================
# 1. Word: "Other professionals", then "Agency 1" over a two-column table per agency
# =====================================================================================================================

def _bold(doc, text: str, size: float | None = None) -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)


def _two_column(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, answer) in zip(table.rows, rows):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].paragraphs[0].add_run(answer)


def _word_form(tmp_path: Path, agencies: list[list[tuple[str, str]]] | None, one_cell_heading: bool = False) -> Path:
    """A whole Word referral form. ``agencies``: one list of table rows per agency, or None for 'None known'.
    ``one_cell_heading``: the agencies heading is 'G. Other professionals<TAB>N entries' in a one-cell table."""
    doc = Document()
    _bold(doc, PARTNERSHIP, 14)
    _bold(doc, "Case Referral Form", 16)
    doc.add_heading("Section 1: Your details", level=2)
    _two_column(doc, [("Name", "Alice Mendes"), ("Organisation", "Brookfield NHS Trust"),
                      ("Email", "a.mendes@nhs.net")])
    doc.add_heading("Section 2: The child", level=2)
    _two_column(doc, [("Child's name", "Tomasz Lee"), ("Date of birth", "03/04/2019")])
    doc.add_heading("Section 3: The incident", level=2)
    _two_column(doc, [("Date of incident", "12/01/2026"), ("Summary of the incident", " ".join(SUMMARY))])
    if one_cell_heading:
        cell = doc.add_table(rows=1, cols=1).cell(0, 0)
        cell.paragraphs[0].add_run(f"G. Other professionals\t{len(agencies or [])} entries").bold = True
    else:
        doc.add_heading("Other professionals", level=2)
    if agencies is None:
        doc.add_paragraph("None known")
    for number, rows in enumerate(agencies or [], start=1):
        doc.add_paragraph(f"Agency {number}")
        _two_column(doc, rows)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def test_word_other_professionals_heading_gives_one_entry_per_agency_table(tmp_path, default_reader):
    """'Other professionals' heading, then 'Agency 1' / 'Agency 2' / 'Agency 3' each over an Agency | Name | Contact
    table: three entries, in the form's order, each with its agency, name and contact (phone or email)."""
    rec = _record(_word_form(tmp_path, [_rows(SOCIAL_CARE), _rows(POLICE), _rows(SCHOOL)]))
    assert rec["agencies_involved"] == [SOCIAL_CARE, POLICE, SCHOOL]


def test_word_agency_tables_with_the_name_row_first_are_read_the_same(tmp_path, default_reader):
    """The same tables printed Name | Agency | Contact (the Name row first): each row still goes to its part, so
    the person is the name and the organisation the agency, not the other way round."""
    order = ("name", "agency", "contact")
    rec = _record(_word_form(tmp_path, [_rows(SOCIAL_CARE, order), _rows(POLICE, order), _rows(SCHOOL, order)]))
    assert rec["agencies_involved"] == [SOCIAL_CARE, POLICE, SCHOOL]


def test_word_rows_in_a_different_order_per_agency_are_each_read(tmp_path, default_reader):
    """Agency 1 printed Agency | Name | Contact and Agency 2 printed Name | Contact | Agency: each entry's parts
    come from their own rows whatever the order, two entries in order."""
    rec = _record(_word_form(tmp_path, [_rows(SOCIAL_CARE), _rows(POLICE, ("name", "contact", "agency"))]))
    assert rec["agencies_involved"] == [SOCIAL_CARE, POLICE]


def test_word_one_cell_table_heading_with_a_tab_and_entry_count_heads_the_agencies(tmp_path, default_reader):
    """The agencies heading is the single cell of a one-cell table, 'G. Other professionals', a tab, '2 entries':
    the two agency tables under it are still the agencies list, two entries, and '2 entries' is no entry or part."""
    rec = _record(_word_form(tmp_path, [_rows(SOCIAL_CARE), _rows(POLICE)], one_cell_heading=True))
    assert rec["agencies_involved"] == [SOCIAL_CARE, POLICE]


def test_word_em_dash_in_the_name_cell_gives_a_null_name(tmp_path, default_reader):
    """Agency 2's Name cell holds only '—' (an em dash): that entry's name is null (not '—'), its agency and
    contact are read, and the entries either side are unchanged."""
    agencies = [_rows(SOCIAL_CARE), _rows(POLICE, name_cell="\u2014"), _rows(SCHOOL)]
    rec = _record(_word_form(tmp_path, agencies))
    assert rec["agencies_involved"] == [SOCIAL_CARE, {**POLICE, "name": None}, SCHOOL]


def test_word_referrers_name_organisation_email_table_is_the_referrer_not_an_agency(tmp_path, default_reader):
    """Control: 'Section 1: Your details' as Name | Alice Mendes, Organisation | Brookfield NHS Trust, Email |
    a.mendes@nhs.net, in the same form as the agency tables: these are the referrer's name, agency and email, and
    no agency entry is made of them."""
    rec = _record(_word_form(tmp_path, [_rows(SOCIAL_CARE, ("name", "agency", "contact")), _rows(POLICE)]))
    _assert_fields(rec, REFERRER)
    referrer_values = set(REFERRER.values())
    made_of_referrer = [entry for entry in rec["agencies_involved"] if set(entry.values()) & referrer_values]
    assert made_of_referrer == [], rec["agencies_involved"]


def test_word_other_professionals_none_known_gives_an_empty_list(tmp_path, default_reader):
    """Control: the 'Other professionals' heading followed by 'None known': no agencies (an empty list, not an
    entry named 'None known'), and the referrer is still read."""
    rec = _record(_word_form(tmp_path, None))
    assert rec["agencies_involved"] == []
    _assert_fields(rec, REFERRER)


# =====================================================================================================================
# 2. PDF: "Other agencies involved", then "Agency 1 of 3" and each part a label over its answer
# =====================================================================================================================

BOLD, PLAIN, SIZE = "Helvetica-Bold", "Helvetica", 10
PDF_AGENCIES = [[("Name", "Karen Rowntree"), ("Agency", "Housing - Housing Options"), ("Contact", "01632 960 907")],
                [("Name", "DC Sarah Hughes"), ("Agency", "Brookfield Police"),
                 ("Contact", "s.hughes@brookfield.police.uk")],
                [("Name", None), ("Agency", "Hill Top Primary School"), ("Contact", "01632 960 555")]]
PDF_AGENCIES_READ = [{"name": "Karen Rowntree", "agency": "Housing - Housing Options", "contact": "01632 960 907"},
                     {"name": "DC Sarah Hughes", "agency": "Brookfield Police",
                      "contact": "s.hughes@brookfield.police.uk"},
                     {"name": None, "agency": "Hill Top Primary School", "contact": "01632 960 555"}]


def _pdf_form(tmp_path: Path, agencies: list[list[tuple[str, str | None]]] | None) -> Path:
    """A whole PDF referral form, the earlier parts as 'Label: answer' lines; the agencies part a label line over
    an answer line for each part (no answer line where the answer is None), or 'None known' (agencies None)."""
    out = tmp_path / "referral.pdf"
    c = Canvas(str(out), pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 784, PARTNERSHIP)
    y = 750

    def line(text: str, font: str = PLAIN, size: float = SIZE, gap: float = 14) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(40, y, text)
        y -= gap

    def field(label: str, answer: str) -> None:
        nonlocal y
        c.setFont(BOLD, SIZE)
        c.drawString(40, y, label + ":")
        c.setFont(PLAIN, SIZE)
        c.drawString(40 + stringWidth(label + ":", BOLD, SIZE) + 4, y, answer)
        y -= 16

    line("Section 1: Your details", BOLD, 12, 20)
    field("Your name", "Alice Mendes")
    field("Organisation", "Brookfield NHS Trust")
    field("Email", "a.mendes@nhs.net")
    y -= 8
    line("Section 2: The child", BOLD, 12, 20)
    field("Child's name", "Tomasz Lee")
    field("Date of birth", "03/04/2019")
    y -= 8
    line("Section 3: The incident", BOLD, 12, 20)
    field("Date of incident", "12/01/2026")
    line("Summary of the incident:", BOLD)
    for sentence in SUMMARY:
        line(sentence)
    y -= 8
    line("Other agencies involved", BOLD, 12, 20)
    if agencies is None:
        line("None known")
    for number, parts in enumerate(agencies or [], start=1):
        line(f"Agency {number} of {len(agencies)}", BOLD, SIZE, 16)
        for label, answer in parts:
            line(label, BOLD)
            if answer is not None:
                line(answer)
        y -= 6
    c.save()
    return out


def test_pdf_agencies_printed_label_over_answer_give_three_entries_in_order(tmp_path, default_reader):
    """'Other agencies involved', then 'Agency 1 of 3' … with 'Name' / 'Karen Rowntree', 'Agency' / 'Housing -
    Housing Options', 'Contact' / '01632 960 907' each a label over its answer; the third agency's 'Name' is followed
    directly by the next label 'Agency': three entries in order, the third with a null name and its agency and
    contact read (the label 'Agency' is not taken for its name)."""
    rec = _record(_pdf_form(tmp_path, PDF_AGENCIES))
    assert rec["agencies_involved"] == PDF_AGENCIES_READ


def test_pdf_agency_with_every_answer_present_reads_name_agency_and_contact(tmp_path, default_reader):
    """Only the first two agencies ('Agency 1 of 2', 'Agency 2 of 2'), every label with its answer under it: two
    whole entries, each answer in its own part."""
    rec = _record(_pdf_form(tmp_path, PDF_AGENCIES[:2]))
    assert rec["agencies_involved"] == PDF_AGENCIES_READ[:2]


def test_pdf_other_agencies_involved_none_known_gives_an_empty_list(tmp_path, default_reader):
    """Control: 'Other agencies involved' followed by 'None known': an empty list, and the referrer's name,
    organisation and email are read from their own lines."""
    rec = _record(_pdf_form(tmp_path, None))
    assert rec["agencies_involved"] == []
    _assert_fields(rec, REFERRER)
