"""Layouts where the answer is not simply the text beside its label: a template's grey italic hint left in an answer
box above the typed answer, a form printed as a set of copies (the whole form again on the next pages), two fields
typed on one line at tab stops, tick boxes drawn as small pictures, and answers split across cells or fields (a date
in DD / MM / YYYY cells or fields, an address in labelled rows, a fillable form's option boxes); and forms made
with other tools: legacy fields still showing their default prompt, a spreadsheet tracker or a 'check your answers'
page pasted into Word, options with the chosen one underlined, answers as sub-items of a list, agencies typed as
labelled lines. Real .docx and .pdf files, read for real."""

from __future__ import annotations

import pytest

import io

from parsers import parse_bytes
from parsers.blocks import Para, Table, action_links, one_copy, section_column
from parsers.docx_reader import read_docx
from parsers.normalise import tristate
from tests.docx_xml import package, p


def _run(text: str, hint: bool = False, colour: str = "A6A6A6") -> str:
    pr = f'<w:rPr><w:i/><w:color w:val="{colour}"/><w:sz w:val="16"/></w:rPr>' if hint else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _row(label: str, *paragraphs: str) -> str:
    cell = "".join(f"<w:p>{x}</w:p>" for x in paragraphs) or "<w:p/>"
    return f"<w:tr><w:tc><w:p>{_run(label)}</w:p></w:tc><w:tc>{cell}</w:tc></w:tr>"


def _hinted_form(colour: str = "A6A6A6") -> bytes:
    rows = [
        _row("Name of referrer", _run("Gwen Tolley")),
        _row("Email", _run("e.g. name@organisation.org.uk", True, colour), _run("gwen.tolley@larkfield.org.uk")),
        _row("Telephone", _run("Include the area code, e.g. 07700 900000", True, colour), _run("020 7946 0102")),
        _row("Child's name", _run("Ada Lomax")),
        _row("Date of birth", _run("e.g. 1 January 2015", True, colour)),  # left unanswered: only the hint
        _row("Date of incident", _run("e.g. 1 January 2015", True, colour), _run("3 February 2026")),
        _row("Summary of the incident", _run("Please give as much detail as you can", True, colour),
             _run("Ada was found alone at the bus station late at night.")),
    ]
    return package(p("Case Referral Form") + "<w:tbl>" + "".join(rows) + "</w:tbl>")


@pytest.mark.usefixtures("rule_reader")
def test_a_grey_italic_hint_above_the_typed_answer_is_not_part_of_the_answer():
    blocks, _ = read_docx(_hinted_form())
    rows = {row[0]: row[1] for b in blocks if isinstance(b, Table) for row in b.rows}
    assert rows["Email"] == "gwen.tolley@larkfield.org.uk"
    assert rows["Telephone"] == "020 7946 0102"
    assert rows["Date of birth"] == ""  # only the hint: no answer
    rec = parse_bytes(_hinted_form(), "form.docx").record
    assert (rec["referrer"]["email"], rec["referrer"]["phone"]) == ("gwen.tolley@larkfield.org.uk", "02079460102")
    assert rec["children"][0]["dob"] is None
    assert rec["incident"]["date"] == "2026-02-03"
    assert rec["incident"]["summary"] == "Ada was found alone at the bus station late at night."


def test_grey_text_that_is_not_italic_or_italic_text_in_a_colour_is_kept():
    # the hint is told by both marks together: a grey answer, or a coloured italic one, is still an answer
    for colour in ("1F4E79", "C00000"):
        rows = {row[0]: row[1] for b in read_docx(_hinted_form(colour))[0] if isinstance(b, Table) for row in b.rows}
        assert rows["Email"].splitlines()[0] == "e.g. name@organisation.org.uk"
    plain_grey = package("<w:tbl>" + _row("Email", '<w:r><w:rPr><w:color w:val="808080"/></w:rPr>'
                                                   '<w:t>jo@example.org</w:t></w:r>') + "</w:tbl>")
    assert read_docx(plain_grey)[0][0].rows == [["Email", "jo@example.org"]]


def _copies_pdf(copies: int, second_differs: bool = False) -> bytes:
    """A ruled label | answer form printed as a set: the same form on each page, each marked as its copy."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table as RLTable, TableStyle
    from reportlab.lib.styles import getSampleStyleSheet

    body = getSampleStyleSheet()["BodyText"]
    rows = [["Name of referrer", "Lorna Nuttall"], ["Email", "lorna.nuttall@brayton.org.uk"],
            ["Child's full name", "Jasmine Mirza"], ["Date of birth", "11/01/2015"],
            ["Date of incident", "20/02/2026"], ["Summary of the incident", "Jasmine was hurt at home."]]
    agencies = [["Name", "Agency", "Contact"], ["Tobias Lomax", "Early Help Team", "01632 960 114"]]
    story = []
    for k in range(copies):
        these = [list(r) for r in rows]
        if second_differs and k == 1:
            these[3][1] = "12/01/2015"
        story += [Paragraph("Case Referral Form", body), Paragraph("Section 1 - the referral", body), RLTable(these),
                  Paragraph("Agencies involved", body),
                  RLTable(agencies)]
        if k + 1 < copies:
            story.append(PageBreak())
    for t in story:
        if isinstance(t, RLTable):
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    out = io.BytesIO()

    def mark(canvas, doc):
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawRightString(560, 815, f"COPY {doc.page} OF {copies}")

    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, onFirstPage=mark, onLaterPages=mark)
    return out.getvalue()


def test_a_form_printed_twice_as_a_two_part_set_gives_one_child_and_one_agency():
    rec = parse_bytes(_copies_pdf(2), "set.pdf").record
    assert [c["name"] for c in rec["children"]] == ["Jasmine Mirza"]
    assert [a["agency"] for a in rec["agencies_involved"]] == ["Early Help Team"]
    assert rec["children"][0]["dob"] == "2015-01-11"


@pytest.mark.usefixtures("rule_reader")
def test_pages_that_differ_are_not_taken_for_copies():
    def child(name: str, dob: str) -> list:
        return [Para("About the child", heading=True), Table([["Child's name", name], ["Date of birth", dob]]),
                Para("Please tell us about any other child.")]

    two = child("Ada Lomax", "01/02/2015") + child("Ben Lomax", "03/04/2017")
    assert one_copy(two) == two                         # two children, each section alike but for its answers
    assert one_copy(two + two) == two                   # the whole form again: its first copy
    assert one_copy(two * 3) == two
    assert one_copy(two + two[:-1] + [Para("Signed")]) == two + two[:-1] + [Para("Signed")]
    rec = parse_bytes(_copies_pdf(2, second_differs=True), "set.pdf").record
    # copies whose answers differ are not one copy: both are read (here the second copy's child, whose date of birth
    # differs, is a second child), not silently merged into one
    assert [c["dob"] for c in rec["children"]] == ["2015-01-11", "2015-01-12"]


def test_a_grey_italic_caption_under_a_typed_answer_is_kept_as_its_label():
    # answers typed on a ruled line with the label printed small and grey under it (a signature block's way): the
    # grey italic line comes after the answer, so it is the answer's label, not a hint - even under an empty line
    under = package("<w:tbl><w:tr>"
                    f"<w:tc><w:p>{_run('Gwen Tolley')}</w:p><w:p>{_run('Name of referrer', True)}</w:p></w:tc>"
                    f"<w:tc><w:p/><w:p>{_run('Job title', True)}</w:p></w:tc>"
                    "</w:tr></w:tbl>")
    [table] = [b for b in read_docx(under)[0] if isinstance(b, Table)]
    assert "Name of referrer" in table.rows[0][0] and "Gwen Tolley" in table.rows[0][0]
    assert "Job title" in table.rows[0][1]


def test_two_fields_typed_on_one_line_at_tab_stops_are_read_as_two_label_answer_pairs():
    line = ('<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">{}'
            '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r>'
            '<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>')
    form = package(p("Case Referral Form")
                   + line.format("Name of referrer:", "Gwen Dunmore", "Work email:", "gwen.dunmore@museums.org.uk")
                   + line.format("Child's name:", "Rowan Whitworth", "Date of birth:", "23/06/2014")
                   + line.format("Known to children's social care?", "No", "Looked after child?", "Yes")
                   + line.format("Date of incident:", "26/09/2025", "Where it happened:", "Main entrance"))
    texts = [b.text for b in read_docx(form)[0] if isinstance(b, Para)]
    assert texts[1:5] == ["Name of referrer:\tGwen Dunmore", "Work email:\tgwen.dunmore@museums.org.uk",
                          "Child's name:\tRowan Whitworth", "Date of birth:\t23/06/2014"]
    rec = parse_bytes(form, "form.docx").record
    assert (rec["referrer"]["name"], rec["referrer"]["email"]) == ("Gwen Dunmore", "gwen.dunmore@museums.org.uk")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["open_to_csc"], child["looked_after"]) == (
        "Rowan Whitworth", "2014-06-23", False, True)
    assert (rec["incident"]["date"], rec["incident"]["location"]) == ("2025-09-26", "Main entrance")


def test_a_tab_separated_line_that_is_not_label_answer_pairs_is_kept_whole():
    from parsers.blocks import tab_pairs

    assert tab_pairs("Name\tAgency\tContact") is None              # a table's column names
    assert tab_pairs("Name:\tJo Lee") is None                      # one field: nothing to split
    assert tab_pairs("Date:\t01/02/2025\tsigned") is None          # an answer followed by more text
    assert tab_pairs("Age:\t7\tSex:\tMale") == ["Age:\t7", "Sex:\tMale"]
    assert tab_pairs("Age (if not known):\t\tSex:\tMale") is None   # an empty field: kept whole, as before
    # labels over columns of answers (two columns of questions, each answer under its label): no fields to split,
    # even where one column's answer sits between them
    assert tab_pairs("Child's name:\tSex:\tSubject to a CP plan:") is None
    assert tab_pairs("Other names used:\tDr Patel and Partners\tAuthority:") is None


def _picture_ticks_form(describe: bool = True) -> bytes:
    """A web form's submission pasted into Word: each option after a small picture of a tick box, whose alt text
    says whether it is ticked."""
    import docx
    from docx.shared import Pt
    from PIL import Image

    def png() -> io.BytesIO:
        out = io.BytesIO()
        Image.new("RGB", (14, 14), "white").save(out, "PNG")
        out.seek(0)
        return out

    d = docx.Document()
    d.add_paragraph("Case Referral Form")
    t = d.add_table(rows=0, cols=2)
    for label, value in [("Name of referrer", "Gwen Dunmore"), ("Email", "gwen.dunmore@museums.org.uk"),
                         ("Child's name", "Rowan Whitworth"), ("Date of birth", "23/06/2014")]:
        row = t.add_row().cells
        row[0].text, row[1].text = label, value
    for label, options, chosen in [("Gender", ["Male", "Female", "Other"], "Female"),
                                   ("Are the police involved?", ["Yes", "No", "Not known"], "No")]:
        row = t.add_row().cells
        row[0].text = label
        for k, option in enumerate(options):
            para = row[1].paragraphs[0] if k == 0 else row[1].add_paragraph()
            para.add_run().add_picture(png(), width=Pt(10))
            para.add_run("  " + option)
            if describe:
                para._p.xpath(".//wp:docPr")[0].set("descr", "checked" if option == chosen else "unchecked")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_tick_boxes_drawn_as_small_pictures_are_read_by_their_alt_text():
    rows = {r[0]: r[1] for b in read_docx(_picture_ticks_form())[0] if isinstance(b, Table) for r in b.rows}
    assert rows["Gender"].split("\n")[1].startswith("☒") and rows["Gender"].split("\n")[0].startswith("☐")
    rec = parse_bytes(_picture_ticks_form(), "form.docx").record
    assert rec["children"][0]["gender"] == "female"
    assert rec["incident"]["police_involved"] is False


def test_a_small_picture_that_says_nothing_of_a_tick_is_no_tick_box():
    rows = {r[0]: r[1] for b in read_docx(_picture_ticks_form(describe=False))[0] if isinstance(b, Table)
            for r in b.rows}
    assert "☒" not in rows["Gender"] and "☐" not in rows["Gender"]
    assert parse_bytes(_picture_ticks_form(describe=False), "form.docx").record["children"][0]["gender"] is None


def _split_fields_form() -> bytes:
    """A split-field form: each date three cells captioned DD / MM / YYYY over the digits, the address asked for in
    labelled parts, a row each."""
    def cell(*lines: str) -> str:
        return "<w:tc>" + "".join(p(x) for x in lines) + "</w:tc>"

    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(cells) + "</w:tr>"

    rows = [row(cell("Name of referrer"), cell("Marcus Oldroyd")), row(cell("Email"), cell("marcus@swiftdrop.co.uk")),
            row(cell("Child's name"), cell("Oscar Kettering")),
            row(cell("Date of birth"), cell("DD", "16"), cell("MM", "03"), cell("YYYY", "2019")),
            row(cell("Address line 1"), cell("Flat 5, Weaver Mews")), row(cell("Address line 2"), cell("")),
            row(cell("Town or city"), cell("Harrowden")), row(cell("Postcode"), cell("HD2 6LR")),
            row(cell("Date of incident"), cell("DD", "09"), cell("MM", "03"), cell("YYYY", "2026")),
            row(cell("Date Panel notified"), cell("DD"), cell("MM"), cell("YYYY"))]
    return package(p("Safeguarding concern report") + "<w:tbl>" + "".join(rows) + "</w:tbl>")


@pytest.mark.usefixtures("rule_reader")
def test_a_date_in_three_captioned_cells_and_an_address_in_labelled_rows_are_each_one_answer():
    [table] = [b for b in read_docx(_split_fields_form())[0] if isinstance(b, Table)]
    rows = {r[0]: r[1:] for r in table.rows}
    assert rows["Date of birth"] == ["16/03/2019"] and rows["Date Panel notified"] == [""]
    assert rows["Address line 1"] == ["Flat 5, Weaver Mews\nHarrowden\nHD2 6LR"] and "Postcode" not in rows
    rec = parse_bytes(_split_fields_form(), "form.docx").record
    child = rec["children"][0]
    assert (child["dob"], child["address"]) == ("2019-03-16", "Flat 5, Weaver Mews, Harrowden, HD2 6LR")
    assert (rec["incident"]["date"], rec["date_panel_notified"]) == ("2026-03-09", None)


def test_a_postcode_row_after_an_email_address_is_not_taken_for_an_address_line():
    from parsers.blocks import address_rows
    from parsers.normalise import captioned_dates

    assert address_rows([["Email address", "jo@example.org"], ["Postcode", "HD2 6LR"]]) == [
        ["Email address", "jo@example.org"], ["Postcode", "HD2 6LR"]]
    assert captioned_dates(["Agency", "Name", "Contact", "Role"]) == ["Agency", "Name", "Contact", "Role"]
    # the header row of a small table of date boxes inside an answer cell is no date of its own (read with its boxes)
    assert captioned_dates(["DD", "MM", "YYYY"]) == ["DD", "MM", "YYYY"]


def _fillable_split_form(panel_date: tuple[str, str, str] = ("", "", "")) -> bytes:
    """A fillable PDF whose dates are three fields each (day, month, year) and whose gender is one check box per
    option, named '<question>_<child>_<option>' with the option after ' - ' in the tooltip."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, invariant=1)
    form = c.acroForm
    y = 780
    for name, tip, value in [("ref_name", "Reported by", "Sian Lomax"), ("ref_email", "Email address", "sian@oak.co.uk"),
                             ("c_first_c1", "Child's forename", "Tilly"), ("c_last_c1", "Child's surname", "Yeadon")]:
        c.drawString(50, y, tip)
        form.textfield(name=name, tooltip=tip, value=value, x=250, y=y - 4, width=250, height=16)
        y -= 30
    for stem, tip, parts in [("c_dob_c1", "Date of birth", ("07", "11", "2018")),
                             ("inc_date", "Date of incident", ("20", "02", "2026")),
                             ("panel_date", "Panel notified on", panel_date)]:
        c.drawString(50, y, tip)
        for k, (suffix, caption, value) in enumerate(zip(("dd", "mm", "yyyy"), ("DD", "MM", "YYYY"), parts)):
            form.textfield(name=f"{stem}_{suffix}", tooltip=f"{tip} ({caption})", value=value, x=250 + k * 40,
                           y=y - 4, width=36, height=16)
        y -= 30
    c.drawString(50, y, "Gender (M/F)")
    for k, option in enumerate(("F", "M", "Other")):
        form.checkbox(name=f"c_gender_c1_{option}", tooltip=f"Gender (M/F) - {option}", checked=option == "F",
                      x=250 + k * 40, y=y, buttonStyle="cross")
    c.save()
    return out.getvalue()


def test_a_fillable_forms_date_in_day_month_and_year_fields_and_its_option_boxes_are_each_one_answer():
    from parsers.pdf_reader import read_pdf

    pairs = {b.label: b.value for b in read_pdf(_fillable_split_form())[0] if hasattr(b, "label")}
    assert pairs["Date of birth"] == "07/11/2018" and pairs["Panel notified on"] == ""
    assert pairs["Gender (M/F)"] == "☒ F ☐ M ☐ Other"
    rec = parse_bytes(_fillable_split_form(), "form.pdf").record
    child = rec["children"][0]
    assert (child["dob"], child["gender"]) == ("2018-11-07", "female")
    assert (rec["incident"]["date"], rec["date_panel_notified"]) == ("2026-02-20", None)


def test_day_month_and_year_fields_that_are_not_all_numbers_are_left_as_they_are():
    from parsers.pdf_reader import read_pdf

    pairs = {b.label: b.value for b in read_pdf(_fillable_split_form(("4", "July", "2026")))[0] if hasattr(b, "label")}
    assert "Panel notified on" not in pairs and pairs["Panel notified on (MM)"] == "July"


def test_a_tick_picture_described_as_not_ticked_is_an_empty_box():
    from lxml import etree

    from parsers.docx_reader import WPD, picture_box

    def drawing(descr: str) -> etree._Element:
        return etree.fromstring(
            f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="{WPD}">'
            f'<wp:inline><wp:extent cx="133350" cy="133350"/><wp:docPr id="1" name="Picture 1" descr="{descr}"/>'
            "</wp:inline></w:drawing>")

    assert [picture_box(drawing(d)) for d in ("checked", "Checkbox not checked", "Not ticked", "no tick", "ticked")] == [
        "☒", "☐", "☐", "☐", "☒"]
    assert picture_box(drawing("Company logo")) is None


def test_a_grey_italic_label_in_a_rows_first_cell_is_kept():
    row = ("<w:tr><w:tc><w:p>" + _run("Date of incident", True) + "</w:p></w:tc><w:tc><w:p>" + _run("03/02/2026")
           + "</w:p></w:tc></w:tr>")
    form = package("<w:tbl>" + row + "</w:tbl>")
    assert read_docx(form)[0][0].rows == [["Date of incident", "03/02/2026"]]


def test_stacked_answers_end_at_a_line_that_does_not_carry_one_on():
    # under the answers, a plain sentence in the answers' size starting under the first label is no part of them
    from reportlab.pdfgen.canvas import Canvas

    from parsers.pdf_reader import read_pdf

    out = io.BytesIO()
    c = Canvas(out, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 800, "Safeguarding referral")
    for y, pairs in ((770, [("Referrer name", "Gwen Tolley"), ("Referrer email", "gwen.tolley@larkfield.org.uk")]),
                     (730, [("Child's name", "Ada Lomax"), ("Date of birth", "01/02/2015")])):
        for k, (label, answer) in enumerate(pairs):
            c.setFont("Helvetica", 8)
            c.drawString(50 + 250 * k, y, label)
            c.setFont("Helvetica", 10)
            c.drawString(50 + 250 * k, y - 11, answer)
    c.drawString(50, 707, "Mother Jane Lomax also lives at the address.")
    c.save()
    blocks = read_pdf(out.getvalue())[0]
    rows = [r for b in blocks if isinstance(b, Table) for r in b.rows]
    assert ["Child's name", "Ada Lomax"] in rows
    assert "Mother Jane Lomax also lives at the address." in [b.text for b in blocks if isinstance(b, Para)]



def test_day_month_and_year_fields_whose_later_labels_say_only_which_part_they_are_are_one_date():
    from parsers.blocks import Pair
    from parsers.pdf_reader import split_dates

    fields = [Pair("Date of birth (DD)", "07", "dob_dd"), Pair("(MM)", "11", "dob_mm"), Pair("(YYYY)", "2018", "dob_yyyy")]
    assert split_dates(fields) == [Pair("Date of birth", "07/11/2018", "dob_dd")]
    other = [Pair("Date of birth (DD)", "07", "a"), Pair("Date of incident (MM)", "11", "b"), Pair("(YYYY)", "2018", "c")]
    assert split_dates(other) == other   # two dates' parts are not one date


def _legacy_field_form() -> bytes:
    from tests.docx_xml import legacy_text, row, table

    return package(p("Case Referral Form") + table(
        row("Name of referrer", legacy_text("Nadia Farrow", "Click here to enter text.")),
        row("Email", legacy_text("nadia.farrow@ashby.org.uk", "Click here to enter text.")),
        row("Telephone", legacy_text("Click here to enter text.", "Click here to enter text.")),  # never typed in
        row("Child's name", legacy_text("Rory Keane", "Type here")),
        row("Date of birth", legacy_text("dd/mm/yyyy", "dd/mm/yyyy")),                            # never typed in
        row("Date of incident", legacy_text("04/03/2026", "dd/mm/yyyy")),
        row("Summary of the incident", legacy_text("Rory was hurt at home.", "Enter details")),
        row("Agency", legacy_text("Ashby Primary School", "Ashby Primary School")),   # a real default left standing
        row("Are the police involved?", legacy_text("No", "No"))))


def test_a_legacy_text_field_still_showing_its_default_prompt_is_unanswered():
    # Word shows a FORMTEXT field's default text until something is typed: a prompt left there is no answer
    rows = {r[0]: r[1] for b in read_docx(_legacy_field_form())[0] if isinstance(b, Table) for r in b.rows}
    assert (rows["Telephone"], rows["Date of birth"]) == ("", "")
    assert (rows["Email"], rows["Date of incident"]) == ("nadia.farrow@ashby.org.uk", "04/03/2026")
    rec = parse_bytes(_legacy_field_form(), "form.docx").record
    assert rec["referrer"]["phone"] is None and rec["children"][0]["dob"] is None
    assert rec["referrer"]["email"] == "nadia.farrow@ashby.org.uk" and rec["incident"]["date"] == "2026-03-04"
    # a default that is an answer, not a prompt for one, is the answer while it stands
    assert (rows["Agency"], rows["Are the police involved?"]) == ("Ashby Primary School", "No")
    assert rec["incident"]["police_involved"] is False


def _tracker_paste() -> bytes:
    from tests.docx_xml import row, table

    rows = [("Section", "Question", "Response", "Notes"),
            ("Referrer", "Name", "Ines Carrow", ""), ("Referrer", "Role", "Work Coach", ""),
            ("Referrer", "Email", "ines.carrow@dwp.gov.uk", ""), ("Referrer", "Phone", "0161 496 0377", ""),
            ("Child", "Name", "Milo Petrie", ""), ("Child", "Date of birth", "14/08/2016", "as stated"),
            ("Child", "Child protection plan?", "TRUE", ""), ("Child", "Known to children's social care?", "FALSE", ""),
            ("Incident", "Date of incident", "02/03/2026", ""), ("Incident", "What happened", "Milo was hurt.", "")]
    return package(p("Referral tracker") + table(*(row(*r) for r in rows)))


def test_a_pasted_tracker_whose_first_column_repeats_the_section_reads_as_sections():
    # 'Section | Question | Response | Notes' with the section typed on every row: the name opens each section once
    rows = next(b for b in read_docx(_tracker_paste())[0] if isinstance(b, Table)).rows
    assert rows[:3] == [["Question", "Response", "Notes"], ["Referrer"], ["Name", "Ines Carrow", ""]]
    assert ["Child"] in rows and ["Name", "Milo Petrie", ""] in rows
    rec = parse_bytes(_tracker_paste(), "form.docx").record
    assert (rec["referrer"]["name"], rec["referrer"]["email"]) == ("Ines Carrow", "ines.carrow@dwp.gov.uk")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["cp_plan"], child["open_to_csc"]) == ("Milo Petrie", "2016-08-14", True, False)


def test_a_first_column_that_repeats_now_and_then_is_no_section_column():
    # two workers of one agency, a grid too short to tell, a checklist's tick column: the rows stay as they are
    agencies = [["Agency", "Name", "Contact"]] + [[a, n, "0161 496 0000"] for a, n in [
        ("Children's Social Care", "A One"), ("Children's Social Care", "B Two"), ("Police", "C Three"),
        ("School", "D Four"), ("School", "E Five"), ("GP", "F Six"), ("Health visiting", "G Seven"),
        ("Housing", "H Eight"), ("CAMHS", "I Nine")]]
    assert section_column(agencies) == agencies
    short = [["Section", "Question", "Response"]] + [["Child", f"Q{i}", "x"] for i in range(5)]
    assert section_column(short) == short
    # a checklist whose first column is its tick boxes (most of them empty) or its Yes / No answers
    for marks in (["☐"] * 6 + ["☒"] * 4, ["No"] * 5 + ["Yes"] * 5):
        checklist = [["Tick", "Concern", "Details"]] + [[m, f"Concern {i}", ""] for i, m in enumerate(marks)]
        assert section_column(checklist) == checklist


def _check_your_answers() -> bytes:
    from tests.docx_xml import row, table

    rows = [("Your name", "Ines Carrow", "Change your name"), ("Your email", "ines.carrow@dwp.gov.uk", "Change your email"),
            ("Child's name", "Milo Petrie", "Change child's name"),
            ("Other names used", "Not provided", "Change other names used"),
            ("Date of birth", "14/08/2016", "Change"), ("Date of the incident", "02/03/2026", "Change date of the incident")]
    return package(p("Check your answers before sending your referral") + table(*(row(*r) for r in rows)))


def test_a_check_your_answers_pages_change_links_and_not_provided_are_no_answers():
    # each row ends in a link to change it, its hidden words (the question) pasted with it; an optional question
    # left empty shows 'Not provided'
    rows = next(b for b in read_docx(_check_your_answers())[0] if isinstance(b, Table)).rows
    assert all(len(r) == 2 for r in rows) and rows[0] == ["Your name", "Ines Carrow"]
    rec = parse_bytes(_check_your_answers(), "form.docx").record
    child = rec["children"][0]
    assert (child["name"], child["other_names"], child["dob"]) == ("Milo Petrie", None, "2016-08-14")


def test_a_third_column_that_only_sometimes_says_change_is_kept():
    # a contact that happens to start with 'Change', and two links where a page of answers would have one a row
    rows = [["Agency", "Name", "Contact"], ["Police", "A One", "Change of address pending"], ["GP", "B Two", "01"]]
    assert action_links(rows) == rows
    two = [["Your name", "Ines Carrow", "Change your name"], ["Your email", "ines@dwp.gov.uk", "Change your email"],
           ["Agency", "Jobcentre", "01614960000"]]
    assert action_links(two) == two
    assert action_links(two + [["Role", "Work Coach", "Change role"]])[0] == ["Your name", "Ines Carrow"]


def _underlined_options_form() -> bytes:
    from tests.docx_xml import row, table

    def options(*opts, chosen=None, sep="   "):
        runs = []
        for k, o in enumerate(opts):
            if k:
                runs.append(f'<w:r><w:t xml:space="preserve">{sep}</w:t></w:r>')
            pr = '<w:rPr><w:u w:val="single"/></w:rPr>' if o == chosen else ""
            runs.append(f'<w:r>{pr}<w:t xml:space="preserve">{o}</w:t></w:r>')
        return "".join(runs)

    return package(p("Please underline the answer that applies.") + table(
        row("Name of referrer", "Stuart Osei"), row("Child's name", "Darcie Carver"),
        row("Gender", options("Female", "Male", "Non-binary", chosen="Male", sep=" / ")),
        row("Child protection plan?", options("Yes", "No", "Not sure", chosen="No")),
        row("Known to children's social care?", options("Yes", "No", "Not sure", chosen="Yes", sep=" | ")),
        row("Looked after?", options("Yes", "No", "Not sure")),   # nothing underlined: unanswered
        row("Date of incident", "02/05/2026"),
        row("Underlined name", options("Ann", "Lee", chosen="Lee"))))   # no choice's options: left as typed


def test_the_option_underlined_among_a_choices_options_typed_in_one_cell_is_the_answer():
    # 'Please underline the answer that applies': the options in the answer cell, the chosen one underlined
    rows = {r[0]: r[1] for b in read_docx(_underlined_options_form())[0] if isinstance(b, Table) for r in b.rows}
    assert rows["Child protection plan?"] == "☐ Yes   ☒ No   ☐ Not sure"
    assert rows["Underlined name"] == "Ann   Lee"
    child = parse_bytes(_underlined_options_form(), "form.docx").record["children"][0]
    assert (child["gender"], child["cp_plan"], child["open_to_csc"]) == ("male", False, True)
    assert child["looked_after"] is None and tristate("Yes   No   Not sure") is None
    # a ring (a border round the characters) among parts set apart by spaces or a slash, one part a label: as typed
    ringed = ('<w:p><w:r><w:t xml:space="preserve">Police involved</w:t></w:r><w:r><w:tab/></w:r><w:r>'
              '<w:t xml:space="preserve">Yes / </w:t></w:r><w:r><w:rPr><w:bdr w:val="single"/></w:rPr><w:t>No</w:t>'
              '</w:r></w:p>')
    assert read_docx(package(ringed))[0][0].text == "Police involved\tYes / No"


def _nested_list_form(answered: int = 8) -> bytes:
    def item(text: str, level: int) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')

    qa = [("Your name", ["Graham Hussain"]), ("Your email", ["graham.hussain@acorn.co.uk"]),
          ("Child's name", ["Aaliyah Abbasi"]), ("Date of birth", ["23/03/2020"]), ("Known as", []),
          ("Home address", ["Flat 16, Harbour House", "60 Albion Street", "AC19 1ZD"]),
          ("Date of incident", ["20/04/2026"]),
          ("What happened", ["Aaliyah had bruising to her face.", "She was taken to hospital."])][:answered]
    body = "".join(item(q, 0) + "".join(item(a, 1) for a in answers) for q, answers in qa)
    return package(p("Referral for a Rapid Review") + p("Answer under each question.") + body)


@pytest.mark.usefixtures("rule_reader")
def test_answers_written_as_items_one_level_in_under_each_question_are_its_answer():
    # each question a list item, its answer the items under it (an address a line each, a summary a paragraph each)
    rows = next(b for b in read_docx(_nested_list_form())[0] if isinstance(b, Table)).rows
    assert ["Known as", ""] in rows and ["Home address", "Flat 16, Harbour House\n60 Albion Street\nAC19 1ZD"] in rows
    rec = parse_bytes(_nested_list_form(), "form.docx").record
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["other_names"]) == ("Aaliyah Abbasi", "2020-03-23", None)
    assert child["address"] == "Flat 16, Harbour House, 60 Albion Street, AC19 1ZD"
    assert rec["incident"]["summary"] == "Aaliyah had bruising to her face.\n\nShe was taken to hospital."


def test_a_list_with_fewer_than_three_questions_answered_in_sub_items_is_left_as_paragraphs():
    # two answered questions could be a list of notes: too few to read the list as a form
    assert not any(isinstance(b, Table) for b in read_docx(_nested_list_form(answered=2))[0])


def _outline_form() -> bytes:
    def item(text: str, level: int) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')

    outline = [("Referrer details", ["Name of referrer: Graham Hussain", "Email: graham.hussain@acorn.co.uk"]),
               ("The child", ["Child's name: Aaliyah Abbasi", "Date of birth: 23/03/2020"]),
               ("The incident", ["Date of incident: 20/04/2026", "Were the police involved? Yes"])]
    return package(p("Referral for a Rapid Review") + "".join(
        item(section, 0) + "".join(item(q, 1) for q in questions) for section, questions in outline))


def test_an_outline_of_sections_whose_inner_items_are_the_questions_is_read_as_it_was():
    # '1. Referrer details' over '1.1 Name of referrer: Graham Hussain': the inner items ask and answer themselves
    assert not any(isinstance(b, Table) for b in read_docx(_outline_form())[0])
    rec = parse_bytes(_outline_form(), "form.docx").record
    assert (rec["referrer"]["name"], rec["children"][0]["dob"], rec["incident"]["date"]) == (
        "Graham Hussain", "2020-03-23", "2026-04-20")


def test_agencies_typed_as_labelled_lines_in_cells_and_on_one_line_with_semicolons():
    # the agencies section's answer cells: 'Agency 1 | Portlow Police / Name: ... / Contact: ...' a row each, and
    # 'Agency: ...; Worker: ...; Contact: ...' typed on one line
    from parsers.picture import Item, Picture
    from parsers.reader import agency_lines

    pic = Picture()
    rows = [["Agency 1", "Portlow Police\nContact: 101"], ["Agency 2", "CAMHS\nName: Richard Lennox\nContact: 0113 496 0756"]]
    pic.tables[0] = [[Item(2 * r + c, text, "cell", table=0, row=r, col=c, section="agencies") for c, text in enumerate(row)]
                     for r, row in enumerate(rows)]
    pic.items = [it for row in pic.tables[0] for it in row]
    pic.items.append(Item(9, "Agency: Early Help; Worker: Ann Lee; Contact: ann.lee@portlow.gov.uk", "para",
                          section="agencies"))
    got = [a["entry"] for a in agency_lines(pic)]
    assert got == [{"name": None, "agency": "Portlow Police", "contact": "101"},
                   {"name": "Richard Lennox", "agency": "CAMHS", "contact": "0113 496 0756"},
                   {"name": "Ann Lee", "agency": "Early Help", "contact": "ann.lee@portlow.gov.uk"}]
