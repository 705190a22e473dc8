"""Word forms whose order on the page is not their order in the file: section names in a first column merged down
beside their questions, and labels and answers in frames set at fixed places on the page (as an OCR converter
writes them, a column at a time)."""

from __future__ import annotations

import pytest

from parsers import parse_bytes
from parsers.blocks import Para, Table
from parsers.docx_reader import read_docx
from tests.docx_xml import p, package, table

CHILD = [("Child's full name", "Orla Devlin"), ("Date of birth", "02/05/2014"), ("Home address", "14 Mill Row, Glenavon")]
REFERRER = [("Name of referrer", "Ciaran Bright-Okafor"), ("Job title", "Team manager"),
            ("Date of referral", "18/09/2025")]


def merged_row(first: str | None, label: str, answer: str) -> str:
    """A row whose first cell opens ('restart', with the section's name) or continues (None) a merged cell."""
    lead = (f'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{p(first)}</w:tc>' if first is not None
            else '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
    return f"<w:tr>{lead}<w:tc>{p(label)}</w:tc><w:tc>{p(answer)}</w:tc></w:tr>"


def grouped_form() -> bytes:
    rows = []
    for title, answers in (("1. About you", REFERRER), ("2. The child", CHILD)):
        rows += [merged_row(title if i == 0 else None, label, answer) for i, (label, answer) in enumerate(answers)]
    return package(p("Case Referral Form") + table(*rows))


def test_a_first_column_merged_down_beside_groups_of_rows_is_read_as_their_section_headings():
    blocks = read_docx(grouped_form())[0]
    shape = [("para", b.text) if isinstance(b, Para) else ("table", b.rows) for b in blocks]
    assert shape == [("para", "Case Referral Form"),
                     ("para", "1. About you"), ("table", [list(pair) for pair in REFERRER]),
                     ("para", "2. The child"), ("table", [list(pair) for pair in CHILD])]
    assert [b.heading for b in blocks if isinstance(b, Para)] == [False, True, True]


def test_a_table_with_a_merged_label_beside_several_answers_is_kept_as_it_is():
    # 'Address' merged down over its three lines: a label, not a column of section names
    rows = [f'<w:tr><w:tc>{p("Child")}</w:tc><w:tc>{p("Orla Devlin")}</w:tc><w:tc>{p("")}</w:tc></w:tr>',
            merged_row("Address", "Line 1", "14 Mill Row"), merged_row(None, "Line 2", "Glenavon")]
    blocks = read_docx(package(table(*rows)))[0]
    assert len(blocks) == 1 and isinstance(blocks[0], Table) and blocks[0].rows[0] == ["Child", "Orla Devlin", ""]


def test_a_form_in_merged_section_columns_is_read():
    rec = parse_bytes(grouped_form(), "grouped.docx").record
    assert (rec["referrer"]["name"], rec["referrer"]["role"]) == ("Ciaran Bright-Okafor", "Team manager")
    assert rec["date_of_referral"] == "2025-09-18"
    assert (rec["children"][0]["name"], rec["children"][0]["dob"]) == ("Orla Devlin", "2014-05-02")


def framed(text: str, x: int, y: int, width: int = 3000) -> str:
    return (f'<w:p><w:pPr><w:framePr w:w="{width}" w:h="290" w:hRule="exact" w:wrap="around" w:vAnchor="page" '
            f'w:hAnchor="page" w:x="{x}" w:y="{y}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


def framed_form() -> bytes:
    """The answers' frames first, top to bottom, then the labels' frames: the order an OCR converter writes a page in.
    The address is three paragraphs of one frame."""
    pairs = REFERRER + CHILD
    answers = "".join(framed(line, 4750, 2000 + 340 * i) for i, (_, answer) in enumerate(pairs)
                      for line in answer.split(", "))
    labels = framed("Case Referral Form", 1000, 1200, 9000) + "".join(
        framed(label, 1000, 2000 + 340 * i) for i, (label, _) in enumerate(pairs))
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    second = framed("Where did it happen?", 1000, 1200) + framed("Family home", 4750, 1210)
    return package(answers + labels + page_break + second)


def test_frames_set_on_a_page_are_read_by_where_they_stand_a_row_per_line():
    blocks = read_docx(framed_form())[0]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[0].rows[0] == ["Case Referral Form", ""]
    assert tables[0].rows[1:] == [[label, answer.replace(", ", "\n")] for label, answer in REFERRER + CHILD]
    assert tables[1].rows == [["Where did it happen?", "Family home"]]   # the next page: a table of its own


def test_a_frame_anchored_to_the_text_is_read_where_it_is_written():
    moving = framed("Orla Devlin", 4750, 0).replace('w:vAnchor="page"', 'w:vAnchor="text"')
    blocks = read_docx(package(p("Child's full name") + moving))[0]
    assert [b.text for b in blocks] == ["Child's full name", "Orla Devlin"]


@pytest.mark.usefixtures("rule_reader")
def test_a_form_written_in_frames_is_read():
    rec = parse_bytes(framed_form(), "frames.docx").record
    assert (rec["referrer"]["name"], rec["date_of_referral"]) == ("Ciaran Bright-Okafor", "2025-09-18")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["address"]) == ("Orla Devlin", "2014-05-02", "14 Mill Row, Glenavon")
    assert rec["incident"]["location"] == "Family home"


def captioned(answer: str, caption: str, rule: bool = True) -> str:
    """A cell: the answer typed on a ruled line, its label in smaller type under the line."""
    border = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' if rule else ""
    return (f'<w:tc><w:p><w:pPr>{border}</w:pPr><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t>{answer}</w:t></w:r></w:p>'
            f'<w:p><w:r><w:rPr><w:i/><w:sz w:val="15"/></w:rPr><w:t>{caption}</w:t></w:r></w:p></w:tc>')


def test_a_label_printed_small_under_its_answer_line_is_read_as_the_cells_label():
    pairs = REFERRER + CHILD
    rows = [f"<w:tr>{captioned(a, label)}{captioned(b, label2)}</w:tr>"
            for (label, a), (label2, b) in zip(pairs[::2], pairs[1::2])]
    cells = [c for b in read_docx(package(table(*rows)))[0] for r in b.rows for c in r]
    assert cells == [f"{label}\n{answer}" for label, answer in pairs]


def test_two_lines_in_a_cell_without_a_rule_between_them_keep_their_order():
    row = f"<w:tr>{captioned('Orla Devlin', 'Child', rule=False)}</w:tr>"
    assert read_docx(package(table(row)))[0][0].rows == [["Orla Devlin\nChild"]]


def test_rows_of_boxes_captioned_alike_are_a_header_row_over_the_answers():
    people = [("Angharad Begum", "Police", "0117 496 0001"), ("Stuart Whitworth", "Housing", "0117 496 0002")]
    rows = [f'<w:tr><w:tc>{p("Agencies working with the pupil")}</w:tc></w:tr>']
    rows += [f"<w:tr>{captioned(name, 'Name')}{captioned(agency, 'Agency')}{captioned(phone, 'Contact details')}</w:tr>"
             for name, agency, phone in people]
    asked = "".join(p(f"{label}: {answer}") for label, answer in REFERRER + CHILD)
    form = package(p("Case Referral Form") + asked + table(*rows))
    assert read_docx(form)[0][-1].rows == [["Agencies working with the pupil"], ["Name", "Agency", "Contact details"],
                                          *[list(person) for person in people]]
    agencies = parse_bytes(form, "agencies.docx").record["agencies_involved"]
    assert [(a["name"], a["agency"]) for a in agencies] == [(name, agency) for name, agency, _ in people]


def test_rows_of_the_same_options_are_not_taken_for_captions():
    rows = [f'<w:tr><w:tc>{p("☐ Yes")}</w:tc><w:tc>{p("☐ No")}</w:tc></w:tr>'] * 2
    assert read_docx(package(table(*rows)))[0][0].rows == [["☐ Yes", "☐ No"], ["☐ Yes", "☐ No"]]


def card(heading: str, pairs: list[tuple[str, str]]) -> str:
    return "<w:tc>" + p(heading) + "".join(p(f"{label}: {answer}") for label, answer in pairs) + "</w:tc>"


def test_cards_side_by_side_are_read_card_by_card():
    form = package(p("Case Referral Form") + table(
        f"<w:tr>{card('1. About you', REFERRER)}{card('2. The child', CHILD)}</w:tr>"))
    blocks = read_docx(form)[0]
    assert [(b.text, b.heading) for b in blocks[1:5]] == [("1. About you", True), ("Name of referrer: Ciaran Bright-Okafor", False),
                                                         ("Job title: Team manager", False), ("Date of referral: 18/09/2025", False)]
    rec = parse_bytes(form, "cards.docx").record
    assert (rec["referrer"]["name"], rec["children"][0]["name"], rec["children"][0]["dob"]) == (
        "Ciaran Bright-Okafor", "Orla Devlin", "2014-05-02")


def test_cells_of_a_label_over_its_answer_are_no_cards():
    rows = [f'<w:tr><w:tc>{p("Name")}{p("Ann Lee")}</w:tc><w:tc>{p("Role")}{p("Nurse")}</w:tc></w:tr>']
    assert read_docx(package(table(*rows)))[0][0].rows == [["Name\nAnn Lee", "Role\nNurse"]]
