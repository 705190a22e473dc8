"""Forms printed in older or plainer ways: block capitals one letter to a box, an answer's further lines in the rows
under it, options one to a row with a mark cell beside them, an old Word template's MACROBUTTON tick boxes, and a
case system's report saved as fixed-width text lines."""

from __future__ import annotations

from parsers import parse_bytes
from parsers.blocks import CHECKED, UNCHECKED, Para, Table, comb_cells, inline_pairs, marked_column, text_report
from parsers.docx_reader import read_docx
from parsers.reader import read
from tests.docx_xml import package, p

COMB = 24   # boxes to a row, each a narrow cell


def _cell(text: str, width: int | None = None) -> str:
    pr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>' if width else "<w:tcPr/>"
    return f'<w:tc>{pr}<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'


def _referral(*body: str) -> bytes:
    """A short referral form around the rows under test."""
    return package(p("Case Referral Form") + p("Date of referral: 05/02/2026") + p("Name of referrer: Jo Okafor")
                   + p("Email: jo.okafor@example.gov.uk") + p("Child's name: Ada Lomax")
                   + p("Date of birth: 14/07/2015") + "".join(body) + p("Date of incident: 03/02/2026"))


def _comb_row(label: str, value: str) -> str:
    letters = list(value.upper()) + [""] * (COMB - len(value))
    return "<w:tr>" + _cell(label, 2800) + "".join(_cell(c if c != " " else "", 222) for c in letters) + "</w:tr>"


def _letterbox_form() -> bytes:
    rows = [_comb_row("Name of referrer", "Rachael Hardcastle"), _comb_row("Job title", "Residential mentor"),
            _comb_row("Email", "r.hardcastle@uoc.ac.uk"), _comb_row("Child's first name", "Hafsa"),
            _comb_row("Child's family name", "Cottam"), _comb_row("Date of birth", "09/03/2008"),
            _comb_row("Home address", "Flat 29, Kestrel House"), _comb_row("", "47 Fennel Court"),
            _comb_row("", "Pendle"), _comb_row("", "CB14 3AW"), _comb_row("", ""),
            _comb_row("Date of incident", "19/03/2025")]
    return package(p("Referral to the Partnership") + p("PLEASE USE BLOCK CAPITALS, ONE LETTER PER BOX.")
                   + "<w:tbl>" + "".join(rows) + "</w:tbl>")


def test_block_capitals_one_letter_to_a_box_read_as_words_and_the_address_rows_under_it_as_its_lines():
    blocks, _ = read_docx(_letterbox_form())
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows[0] == ["Name of referrer", "RACHAEL HARDCASTLE"]
    assert table.rows[6] == ["Home address", "FLAT 29, KESTREL HOUSE\n47 FENNEL COURT\nPENDLE\nCB14 3AW"]
    assert table.rows[7] == ["Date of incident", "19/03/2025"]   # the empty fifth address row is dropped
    rec = parse_bytes(_letterbox_form(), "form.docx").record
    assert rec["referrer"]["name"] == "RACHAEL HARDCASTLE" and rec["referrer"]["email"] == "r.hardcastle@uoc.ac.uk"
    child = rec["children"][0]
    assert (child["name"], child["dob"]) == ("HAFSA COTTAM", "2008-03-09")
    assert child["address"] == "FLAT 29, KESTREL HOUSE, 47 FENNEL COURT, PENDLE, CB14 3AW"
    assert rec["incident"]["date"] == "2025-03-19"


def test_the_trained_reader_reads_letter_boxes_right_or_leaves_them_blank():
    rec = read(read_docx(_letterbox_form())[0]).record
    child = rec["children"][0]
    # what model s13i reads of them; the rest it leaves to be asked for, never a wrong value
    assert (rec["referrer"]["name"], child["name"], child["dob"], rec["incident"]["date"]) == (
        "RACHAEL HARDCASTLE", "HAFSA COTTAM", "2008-03-09", "2025-03-19")
    assert rec["referrer"]["email"] in (None, "r.hardcastle@uoc.ac.uk")
    assert child["address"] in (None, "FLAT 29, KESTREL HOUSE, 47 FENNEL COURT, PENDLE, CB14 3AW")


def test_a_row_of_tick_marks_or_a_short_run_of_one_letter_cells_is_no_word():
    marks = ["Yes", "X", "No", "", "Not known", ""]
    assert comb_cells(marks, [1500] * 6) == marks   # wide cells: option and mark columns, not letter boxes
    assert comb_cells(["Sex", "F", "", "M", ""], [2800, 222, 222, 222, 222]) == ["Sex", "F", "", "M", ""]
    boxes = ["Ticks", CHECKED, UNCHECKED, CHECKED, UNCHECKED, CHECKED, UNCHECKED, CHECKED]
    assert comb_cells(boxes, [2800] + [222] * 7) == boxes   # tick boxes are no letters
    # no widths in the file: only a long run is taken for letter boxes
    assert comb_cells(["Name", *"JO", "", *"LEE"], [None] * 7) == ["Name", *"JO", "", *"LEE"]
    assert comb_cells(["Name", *"JOANNE", "", *"LEE"], [None] * 11) == ["Name", "JOANNE LEE"]
    # marks in narrow columns: a scaling row, a household grid of Y / N columns
    scale = ["Worry (0-10)", "", "", "", "", "", "", "X", "", "", "", ""]
    assert comb_cells(scale, [2800] + [500] * 11) == scale
    assert comb_cells(["Ann", "F", "Y", "N", "N", "Y", "N"], [2800] + [500] * 6) == ["Ann", "F", "Y", "N", "N", "Y", "N"]
    assert comb_cells(["Age", "N", "/", "A", "", "", ""], [2800] + [300] * 6) == ["Age", "N/A"]


def test_a_label_above_its_answer_with_the_first_answer_blank_takes_nothing_from_the_row_below():
    """Only rows of letter boxes continue the answer above them; in a table of labels over answers an empty first
    answer leaves the row under the labels as it is."""
    rows = "".join("<w:tr>" + _cell(a) + _cell(b) + "</w:tr>" for a, b in
                   [("Child's name", "Date of birth"), ("", "14/07/2015"), ("Home address", "School")])
    [table] = [b for b in read_docx(package("<w:tbl>" + rows + "</w:tbl>"))[0] if isinstance(b, Table)]
    assert table.rows == [["Child's name", "Date of birth"], ["", "14/07/2015"], ["Home address", "School"]]


def test_options_one_to_a_row_with_a_mark_cell_beside_them_read_as_one_choice():
    t = Table([["Type of incident", "", "Death of a child"], ["", "X", "Serious harm to a child"],
               ["", "", "Death of a care leaver (under 25)"], ["Police involved?", "Yes", ""]])
    assert marked_column(t).rows == [
        ["Type of incident", f"{UNCHECKED} Death of a child   {CHECKED} Serious harm to a child   "
                             f"{UNCHECKED} Death of a care leaver (under 25)"],
        ["Police involved?", "Yes", ""]]
    # the mark after the option; and with nothing marked the rows stay as they are (no answer is made up)
    after = Table([["Sex", "Female", "✓"], ["", "Male", ""]])
    assert marked_column(after).rows == [["Sex", f"{CHECKED} Female   {UNCHECKED} Male"]]
    bare = Table([["Sex", "Female", ""], ["", "Male", ""]])
    assert marked_column(bare).rows == bare.rows
    form = _referral("<w:tbl>" + "".join("<w:tr>" + "".join(_cell(c) for c in r) + "</w:tr>" for r in t.rows[:3])
                     + "</w:tbl>")
    assert parse_bytes(form, "form.docx").record["incident"]["type"] == "serious_harm"


def _macro_box(ticked: bool) -> str:
    glyph = "F0FE" if ticked else "F0A8"
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> MACROBUTTON CheckIt </w:instrText></w:r>'
            f'<w:r><w:sym w:font="Wingdings" w:char="{glyph}"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _macro_prompt(prompt: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> MACROBUTTON NoMacro [{prompt}] </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_an_old_templates_macrobutton_tick_boxes_are_read_and_its_prompts_are_not_answers():
    police = ("<w:p>" + _run("Were the police involved? ") + _macro_box(True) + _run(" Yes ") + _macro_box(False)
              + _run(" No") + "</w:p>")
    school = "<w:p>" + _run("School: ") + _macro_prompt("Click here and type the school") + "</w:p>"
    form = _referral(police, school)
    lines = [b.text for b in read_docx(form)[0] if isinstance(b, Para)]
    assert f"Were the police involved? {CHECKED} Yes {UNCHECKED} No" in lines
    assert "School: " in lines or "School:" in [t.strip() for t in lines]   # the prompt is not shown as text
    rec = parse_bytes(form, "form.docx").record
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["school"] is None


REPORT = """\
Case system export - REFERRAL                                        Printed 11/08/2026 13:54
==============================================================================================
---- PART 1: REFERRER ------------------------------------------------------------------------
Name of staff member              : Simon Ashdown
Job title                         : Summer School Coordinator
Date of referral                  : 9 August 2026
---- PART 3: CHILD ---------------------------------------------------------------------------
Child's first name                : Priya
Child's family name               : BLAKEWAY
Date of birth                     : 03/12/2008
---- PART 7: AGENCIES ------------------------------------------------------------------------
Agencies and professionals involved:
Professional            Organisation                                        Contact
----------------------  --------------------------------------------------  ----------------------
Stuart Cottam           Border Force - Safeguarding and Trafficking Team    stuart.cottam@example.gov.uk
Lorraine Quennell       Children's Social Care - Duty and Assessment Team   07700 900432
---- PART 8: RISK ----------------------------------------------------------------------------
Immediate risks:"""


def test_a_fixed_width_text_report_reads_its_ruled_titles_padded_labels_and_dashed_table():
    blocks = text_report([Para(line) for line in REPORT.splitlines()])
    texts = [(b.text, b.heading) for b in blocks if isinstance(b, Para)]
    assert ("PART 1: REFERRER", True) in texts and ("Job title: Summer School Coordinator", False) in texts
    assert not any(set(t) <= set("=- ") for t, _ in texts)   # rules alone are no lines of the form
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == [["Professional", "Organisation", "Contact"],
                          ["Stuart Cottam", "Border Force - Safeguarding and Trafficking Team",
                           "stuart.cottam@example.gov.uk"],
                          ["Lorraine Quennell", "Children's Social Care - Duty and Assessment Team", "07700 900432"]]
    form = package("".join(p(line.replace("&", "&amp;")) for line in REPORT.splitlines()))
    rec = parse_bytes(form, "form.docx").record
    assert rec["referrer"]["role"] == "Summer School Coordinator" and rec["date_of_referral"] == "2026-08-09"
    assert (rec["children"][0]["name"], rec["children"][0]["dob"]) == ("Priya BLAKEWAY", "2008-12-03")
    assert [a["name"] for a in rec["agencies_involved"]] == ["Stuart Cottam", "Lorraine Quennell"]


def _agencies_form(header: list[str], row: list[str]) -> bytes:
    cells = "".join("<w:tr>" + "".join(_cell(c) for c in r) + "</w:tr>" for r in (header, row))
    return _referral(p("Agencies involved"), "<w:tbl>" + cells + "</w:tbl>")


def test_an_agencies_column_headed_contact_beside_a_telephone_column_names_the_person():
    form = _agencies_form(["Contact", "Agency", "Tel / email"], ["Siobhan Marchbank", "Early Help", "0113 496 0123"])
    for rec in (parse_bytes(form, "form.docx").record, read(read_docx(form)[0]).record):
        assert rec["agencies_involved"] == [{"name": "Siobhan Marchbank", "agency": "Early Help",
                                             "contact": "0113 496 0123"}]


def test_a_second_way_to_reach_an_agency_or_a_date_of_contact_is_never_taken_for_its_persons_name():
    """Only a column headed 'Contact' (whom to contact) becomes the name: 'Telephone', 'Contact details', 'Date of
    contact' or 'Contact made' beside a telephone or email column never do."""
    for header, row in ((["Agency", "Telephone", "Email"], ["Leeds CAMHS", "0113 496 0000", "camhs@example.nhs.uk"]),
                        (["Agency", "Date of contact", "Tel"], ["Leeds CAMHS", "01/02/2026", "0113 496 0000"]),
                        (["Agency", "Contact made", "Tel"], ["Leeds CAMHS", "Yes", "0113 496 0000"]),
                        (["Agency", "Contact details", "Phone"], ["Leeds CAMHS", "Mill Lane", "0113 496 0000"])):
        form = _agencies_form(header, row)
        for rec in (parse_bytes(form, "form.docx").record, read(read_docx(form)[0]).record):
            assert all(a["name"] is None for a in rec["agencies_involved"]), (header, rec["agencies_involved"])


def test_a_reports_table_ends_where_its_labelled_lines_begin_again():
    lines = REPORT.splitlines()
    cut = lines.index("---- PART 8: RISK ----------------------------------------------------------------------------")
    tail = ["Date of incident                  : 03/08/2026", "Police involved                   : Yes",
            "Home address                      : 4 Mill Lane, Leeds LS1 1AA", "Name of child                     :"]
    blocks = text_report([Para(line) for line in lines[:cut] + tail])
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert len(table.rows) == 3   # the header and the two agencies
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert texts[-4:] == ["Date of incident: 03/08/2026", "Police involved: Yes",
                          "Home address: 4 Mill Lane, Leeds LS1 1AA", "Name of child:"]


def test_a_short_rule_is_no_heading_and_an_empty_first_column_keeps_its_place():
    blocks = text_report([Para("-------"), Para("=========")])
    assert not any(b.heading for b in blocks)
    rows = text_report([Para("Name      Agency    Contact"), Para("--------  --------  -------"),
                        Para("Police    101", indent=10)])
    assert rows[0].rows == [["Name", "Agency", "Contact"], ["", "Police", "101"]]


def test_a_line_whose_words_run_across_the_rules_columns_ends_the_table():
    blocks = text_report([Para("Name      Agency"), Para("--------  --------"), Para("Ann Lee   Police"),
                          Para("A sentence that runs across both columns.")])
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == [["Name", "Agency"], ["Ann Lee", "Police"]]
    assert blocks[-1] == Para("A sentence that runs across both columns.")


def test_a_summary_line_of_several_short_answers_reads_each_answer():
    line = ("Name of referrer: Rajesh Lowther; Job title: Optical Assistant; Email: rajesh.lowther@example.co.uk; "
            "Phone: ; Date of referral: 01/02/2026")
    child = "Child's forename: Lily; Child's surname: FAIRBROTHER; Date of birth: 11/04/2009 | Sex (F/M) F"
    assert inline_pairs(line).split("\n") == ["Name of referrer: Rajesh Lowther", "Job title: Optical Assistant",
                                              "Email: rajesh.lowther@example.co.uk", "Phone:",
                                              "Date of referral: 01/02/2026"]
    assert inline_pairs("He was seen at 10:30; his mother came later.") == "He was seen at 10:30; his mother came later."
    rows = "".join("<w:tr>" + _cell(a) + _cell(b) + "</w:tr>" for a, b in
                   [("A. Referrer", line), ("C. Child", child),
                    ("D. Incident", "Date of incident: 30/01/2026; Police involved? Yes; Location: Kestrel Pool"),
                    ("Summary of the incident", "Lily was found hurt in the changing rooms.")])
    form = package(p("Referral summary") + "<w:tbl>" + rows + "</w:tbl>")
    [table] = [b for b in read_docx(form)[0] if isinstance(b, Table)]
    assert table.rows[1][1].split("\n") == ["Child's forename: Lily", "Child's surname: FAIRBROTHER",
                                            "Date of birth: 11/04/2009", "Sex (F/M) F"]
    rec = read(read_docx(form)[0]).record   # the trained reader (the rule reader reads no labels inside a cell)
    assert (rec["referrer"]["name"], rec["children"][0]["name"]) == ("Rajesh Lowther", "Lily FAIRBROTHER")
    assert (rec["children"][0]["dob"], rec["incident"]["date"]) == ("2009-04-11", "2026-01-30")
    assert rec["incident"]["police_involved"] is True
    assert rec["referrer"]["email"] in (None, "rajesh.lowther@example.co.uk")   # model s13i: 0.94, under its bar


def test_a_contacts_grid_gives_its_other_rows_as_agencies_not_the_referrer_or_the_lead():
    """'Who (role in this referral) | Name | ... | Email | Telephone': the rows down to the safeguarding lead's are the
    referral's own parties; the others are the agencies, their contact whichever of email or telephone is given."""
    header = ["Who (role in this referral)", "Name", "Organisation", "Email", "Telephone"]
    grid = [header, ["Staff member", "Jo Okafor", "Kestrel Pool", "jo@kestrel.example", "0113 496 0001"],
            ["Centre manager (safeguarding lead)", "Sam Lee", "Kestrel Pool", "", "0113 496 0002"],
            ["Other agency", "Amy Shah", "Early Help", "amy.shah@example.gov.uk", ""],
            ["Other agency", "", "Police", "", "101"]]
    form = _referral(p("People involved"), "<w:tbl>" + "".join(
        "<w:tr>" + "".join(_cell(c) for c in r) + "</w:tr>" for r in grid) + "</w:tbl>")
    rec = read(read_docx(form)[0]).record
    assert rec["agencies_involved"] == [{"name": "Amy Shah", "agency": "Early Help", "contact": "amy.shah@example.gov.uk"},
                                        {"name": None, "agency": "Police", "contact": "101"}]


def _font_run(text: str, font: str | None = None) -> str:
    pr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_tick_boxes_typed_as_letters_in_a_symbol_font_and_an_unfilled_bracket_space_are_read_for_what_they_print():
    """Wingdings 2 prints 'R' as a ticked box and '£' as an empty one; '[          ]' is a template's space left
    unfilled, no answer."""
    police = ("<w:p>" + _font_run("Were the police involved? ") + _font_run("R", "Wingdings 2") + _font_run(" Yes ")
              + _font_run("£", "Wingdings 2") + _font_run(" No") + "</w:p>")
    school = "<w:p>" + _font_run("School:\t") + _font_run("[\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0]") + "</w:p>"
    gp = "<w:p>" + _font_run("GP practice:\t") + _font_run("---") + "</w:p>"   # a case system's empty field
    form = _referral(police, school, gp)
    lines = [b.text for b in read_docx(form)[0] if isinstance(b, Para)]
    assert f"Were the police involved? {CHECKED} Yes {UNCHECKED} No" in lines
    for rec in (parse_bytes(form, "form.docx").record, read(read_docx(form)[0]).record):
        assert rec["children"][0]["school"] is None and rec["children"][0]["gp"] is None
    assert parse_bytes(form, "form.docx").record["incident"]["police_involved"] is True


def test_an_agency_workers_job_in_a_role_column_is_no_sign_of_the_referrals_own_parties():
    """'Role | Name | Agency | Contact' with a school's Designated Safeguarding Lead among the agencies: an agency."""
    grid = [["Role", "Name", "Agency", "Contact"],
            ["Designated Safeguarding Lead", "Claire Castell", "Marlden Primary School", "0117 496 0001"],
            ["Social worker", "Martin Blackwood", "Children's Services", "0117 496 0002"]]
    form = _referral(p("Agencies involved"), "<w:tbl>" + "".join(
        "<w:tr>" + "".join(_cell(c) for c in r) + "</w:tr>" for r in grid) + "</w:tbl>")
    for rec in (parse_bytes(form, "form.docx").record, read(read_docx(form)[0]).record):
        assert [a["name"] for a in rec["agencies_involved"]] == ["Claire Castell", "Martin Blackwood"]
