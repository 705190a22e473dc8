"""Options printed in table cells, each followed by a cell for its mark ('Yes | X | No | | Not known | '), as a PDF form
converted to Word, or a Word form drawn with a cell per box, prints them: read as tick boxes, ticked where marked."""

from __future__ import annotations

from parsers import parse_bytes
from parsers.blocks import Table, marks_beside_options
from parsers.docx_reader import read_docx
from tests.docx_xml import p, package, row, table


def test_each_option_is_ticked_where_the_cell_after_it_holds_a_mark():
    rows = [["Yes", "X", "No", "", "Not known", "", ""], ["Sex", "Female", "", "Male", "X", "Other", ""]]
    assert marks_beside_options(Table(rows)).rows == [["☒ Yes   ☐ No   ☐ Not known"], ["Sex", "☐ Female   ☒ Male   ☐ Other"]]


def test_rows_that_are_not_options_with_marks_are_kept():
    rows = [["Name", "", "Agency", ""],             # a label | answer grid with both answers blank: nothing is marked
            ["Name", "Agency", "Contact"],          # a header row
            ["", "Death of a child", "X", ""],      # one option on its own row (a list of options, a row each)
            ["Date of birth", "03/02/2016", "Age", "9"]]
    assert marks_beside_options(Table(rows)).rows == rows


def form() -> bytes:
    return package(p("Case Referral Form") + table(
        row("Name of referrer", "Ciaran Bright-Okafor", "", "", "", ""),
        row("Child's full name", "Orla Devlin", "", "", "", ""),
        row("Date of birth", "02/05/2014", "", "", "", ""),
        row("Sex", "Female", "", "Male", "X", "Other"),
        row("Is the child known to children's social care?", "Yes", "", "No", "X", ""),
        row("Have the police been informed?", "Yes", "X", "No", "", "")))


def test_a_form_with_a_cell_for_each_mark_is_read():
    rows = [b for b in read_docx(form())[0] if isinstance(b, Table)][0].rows
    assert rows[3] == ["Sex", "☐ Female   ☒ Male   ☐ Other"]
    rec = parse_bytes(form(), "marks.docx").record
    child = rec["children"][0]
    assert (child["gender"], child["open_to_csc"], rec["incident"]["police_involved"]) == ("male", False, True)


def ringed(*options: str, ring: int, how: str = '<w:bdr w:val="single" w:sz="6" w:space="0" w:color="000000"/>') -> str:
    runs = []
    for k, option in enumerate(options):
        if k:
            runs.append("<w:r><w:tab/></w:r>")
        pr = f"<w:rPr>{how}</w:rPr>" if k == ring else ""
        runs.append(f"<w:r>{pr}<w:t xml:space=\"preserve\">{option}</w:t></w:r>")
    return "<w:p>" + "".join(runs) + "</w:p>"


def test_an_option_ringed_in_word_is_the_ticked_one():
    body = (p("Has the lead agreed? (ring one)") + ringed("Yes", "No", "Don't know", ring=1)
            + p("Gender (ring one)") + ringed("Female", "Male", ring=0, how='<w:u w:val="double"/>'))
    assert [b.text for b in read_docx(package(body))[0]] == [
        "Has the lead agreed? (ring one)", "☐ Yes   ☒ No   ☐ Don't know", "Gender (ring one)", "☒ Female   ☐ Male"]


def test_an_answer_underlined_twice_after_its_label_is_no_ringed_option():
    body = ringed("Child's name", "Orla Devlin", ring=1, how='<w:u w:val="double"/>')
    assert [b.text for b in read_docx(package(body))[0]] == ["Child's name\tOrla Devlin"]
