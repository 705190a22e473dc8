"""Forms saved as PDF from Word: an answer cut by a page break, an address whose typed line breaks look like
wraps, an agencies table headed 'Role | Name | Agency | ...', and the Panel's own 'Date submitted'."""

from __future__ import annotations

import io

import pytest

from parsers import parse_bytes
from parsers.vocabulary import teach
from tests.docx_xml import p, package, row, table

FIRST = ("The child was found unresponsive at home in the early hours and was taken to hospital by ambulance, "
         "where she was admitted to the intensive care unit. The assault")
REST = "took place outside our area, but the child is normally resident here."
LATER = "There had been three contacts with the front door in the previous year."


@pytest.fixture(autouse=True)
def no_taught_words():
    teach({})
    yield
    teach({})


def _ruled(rows, widths):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    t = Table(rows, colWidths=widths)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def _word_pdf(page_one_rows, page_two_rows, widths=(160, 330), widths_two=None) -> bytes:
    """Two pages of label|answer tables, as Word prints a table whose last row breaks over the page: the
    next page's table starts with that row's rest, under an empty label cell (its other rows may be split
    into more columns). A running header on both."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 30, "OFFICIAL - SENSITIVE")
        canvas.restoreState()

    def cells(rows):
        return [[Paragraph(c, body) if c else "" for c in r] for r in rows]

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, topMargin=50, bottomMargin=50).build(
        [Paragraph("Case Referral Form", body), _ruled(cells(page_one_rows), list(widths)), PageBreak(),
         _ruled(cells(page_two_rows), list(widths_two or widths))], onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


PEOPLE = [["Referrer name", "Robin Grid"], ["Job title", "Nurse"], ["Organisation", "Test NHS Trust"],
          ["Email", "robin.grid@nhs.net"], ["Date of incident", "1 March 2026"]]


def _parse_pdf(data: bytes):
    r = parse_bytes(data, "form.pdf")
    assert r.status == "parsed", (r.status, r.reason, r.warnings)
    return r.record


@pytest.mark.parametrize("rest, joined", [
    (REST, FIRST + " " + REST),                  # the break fell mid-sentence: one line of text
    (LATER, FIRST + ".\n\n" + LATER)])           # the break fell between paragraphs: a new paragraph
def test_an_answer_cut_by_a_page_break_is_read_whole_and_its_rest_is_no_label(rest, joined):
    first = FIRST if rest is REST else FIRST + "."
    record = _parse_pdf(_word_pdf(PEOPLE + [["Summary of the incident", first]],
                                  [["", rest, ""], ["Are the police involved?", "Yes", ""],
                                   ["Known to", "Police", "Health"]], widths_two=(160, 165, 165)))
    assert record["incident"]["summary"] == joined
    assert record["incident"]["police_involved"] is True


def test_an_address_line_ending_in_a_street_keeps_its_break_where_a_wrap_would_look_the_same():
    # In a narrow cell "Ashbourne" would not have fitted after "50 Foundry Row": the break could be a wrap or
    # typed. A house number and a street name make a line of an address of their own.
    record = _parse_pdf(_word_pdf(
        PEOPLE + [["Name of child", "Ada Lovelace"], ["Home address", "Flat 1<br/>50 Foundry Row<br/>Ashbourne Vale<br/>SV4 9HR"]],
        [["Are the police involved?", "Yes"]], widths=(160, 110)))
    assert record["children"][0]["address"] == "Flat 1, 50 Foundry Row, Ashbourne Vale, SV4 9HR"


def test_a_line_that_wraps_without_a_street_name_is_still_one_line():
    record = _parse_pdf(_word_pdf(
        PEOPLE + [["Name of child", "Ada Lovelace"], ["Home address", "Flat 1<br/>The Maltings Ashbourne Vale<br/>SV4 9HR"]],
        [["Are the police involved?", "Yes"]], widths=(160, 110)))
    assert record["children"][0]["address"] == "Flat 1, The Maltings Ashbourne Vale, SV4 9HR"


BASICS = [("Referrer name", "Robin Grid"), ("Job title", "Nurse"), ("Organisation", "Test NHS Trust"),
          ("Email", "robin.grid@nhs.net"), ("Telephone", "0151 496 0999"), ("Date of incident", "1 March 2026"),
          ("Summary of incident", "It happened.")]


def _docx(body: str, basics=BASICS):
    r = parse_bytes(package(table(*[row(a, b) for a, b in basics]) + body), "f.docx")
    assert r.status == "parsed", (r.status, r.reason, r.warnings)
    return r.record


def test_agencies_header_with_a_role_column_over_rows_of_people():
    # The role and the agency cells read like labels ('Named Doctor ...', 'Wanstone School' names a school):
    # two rows of a name, an organisation and a contact under the header make it an agencies table.
    record = _docx(p("Agencies known to be involved") + table(
        row("Role", "Name", "Agency", "Telephone / email"),
        row("Named Doctor for Safeguarding", "Shona Blackwood", "Chalkford Hospital NHS Trust", "01632 960891"),
        row("Pastoral Manager", "Farah Thorne", "Wanstone School", "farah.thorne@wanstone.sch.uk")))
    assert record["agencies_involved"] == [
        {"name": "Shona Blackwood", "agency": "Chalkford Hospital NHS Trust", "contact": "01632 960891"},
        {"name": "Farah Thorne", "agency": "Wanstone School", "contact": "farah.thorne@wanstone.sch.uk"}]
    assert record["children"] == [] or record["children"][0]["school"] is None


@pytest.mark.usefixtures("rule_reader")
def test_date_submitted_under_the_panel_heading_is_the_date_the_panel_was_notified():
    record = _docx(table(row("Date of referral", "2 March 2026")) + p("Notification to the National Panel") +
                   table(row("Has a serious incident notification been submitted to the Panel?", "Yes"),
                         row("Date submitted", "04/03/2026")))
    assert (record["date_of_referral"], record["panel_notified"], record["date_panel_notified"]) == (
        "2026-03-02", True, "2026-03-04")


def _lines_pdf(lines: list[str]) -> bytes:
    """Plain paragraphs, one per line, as a Word form of dotted lines prints."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = getSampleStyleSheet()["BodyText"]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build([Paragraph(line, body) for line in lines])
    return out.getvalue()


@pytest.mark.usefixtures("rule_reader")
def test_several_dotted_pairs_on_one_line_and_a_heading_under_a_blank_dotted_line():
    # 'Direct line ....' left blank: the heading below it is the lead's section, not the referrer's telephone.
    record = _parse_pdf(_lines_pdf([
        "Person completing this form",
        "Full name" + "." * 30 + "Yusuf Meredith Designation" + "." * 20 + "Safeguarding Practitioner Email"
        + "." * 20 + "y.meredith@nhs.net",
        "Direct line" + "." * 30,
        "Designated safeguarding lead / line manager",
        "Full name" + "." * 30 + "Dafydd Lomax Designation" + "." * 20 + "Designated Nurse Email" + "." * 20
        + "dafydd.lomax@nhs.net",
        "Direct line" + "." * 30 + "07700 900564",
        "About the child", "Family name" + "." * 30 + "Fairweather", "Given name(s)" + "." * 30 + "Zara",
        "When did the incident happen?" + "." * 10 + "07-04-2026"]))
    referrer, lead = record["referrer"], record["safeguarding_lead"]
    assert (referrer["name"], referrer["role"], referrer["email"], referrer["phone"]) == (
        "Yusuf Meredith", "Safeguarding Practitioner", "y.meredith@nhs.net", None)
    assert (lead["name"], lead["role"], lead["email"], lead["phone"]) == (
        "Dafydd Lomax", "Designated Nurse", "dafydd.lomax@nhs.net", "07700900564")


def _spanned_pdf(page_one: list, page_two: list | None = None) -> bytes:
    """Three-column tables whose question and answer rows are merged across the table (Word's gridSpan):
    questions above their answers, as a 'labels above' form prints."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]

    def ruled(rows):
        data = [[Paragraph(c, body) if c else "" for c in r] + [""] * (3 - len(r)) for r in rows]
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        style += [("SPAN", (0, i), (2, i)) for i, r in enumerate(rows) if len(r) == 1]
        t = Table(data, colWidths=[160, 160, 160])
        t.setStyle(TableStyle(style))
        return t

    story = [Paragraph("Referral form", body), ruled(page_one)]
    if page_two:
        story += [PageBreak(), ruled(page_two)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


TOP = [["Your name", "Your e-mail address", "Your job title"], ["Robin Grid", "robin.grid@nhs.net", "Nurse"],
       ["When did the incident happen?", "Where did the incident happen?", "Child's name"],
       ["01/03/2026", "Family home", "Ada Lovelace"]]


@pytest.mark.usefixtures("rule_reader")
def test_questions_above_answers_in_rows_merged_across_the_table():
    record = _parse_pdf(_spanned_pdf(TOP + [["What kind of incident was it?"], ["Serious harm to a child"],
                                            ["Please describe what happened"], [FIRST + "."],
                                            ["Are the police involved?"], ["Yes"]]))
    assert record["incident"]["summary"] == FIRST + "."
    assert record["incident"]["police_involved"] is True


def test_an_answer_box_as_wide_as_its_table_cut_by_a_page_break():
    record = _parse_pdf(_spanned_pdf(TOP + [["Please describe what happened"], [FIRST + "."]],
                                     [[LATER], ["Are the police involved?"], ["Yes"]]))
    assert record["incident"]["summary"] == FIRST + ".\n\n" + LATER
    assert record["incident"]["police_involved"] is True


@pytest.mark.usefixtures("rule_reader")
def test_a_for_partnership_use_only_box_after_the_last_answer_is_not_part_of_it():
    record = _parse_pdf(_lines_pdf([
        "Referrer name: Robin Grid", "Email: robin.grid@nhs.net", "Job title: Nurse", "Name of child: Ada Lovelace",
        "Date of incident: 1 March 2026", "Immediate risks to this or other children and actions taken",
        "The younger sibling is staying with grandparents under a safety plan.",
        "<b>For partnership use only</b>", "Decision (RR / no RR)", "Received by", "Date received"]))
    assert record["immediate_concerns"] == "The younger sibling is staying with grandparents under a safety plan."


def _tab_stop_pdf(rows: list[tuple[str, str, str]]) -> bytes:
    """Lines laid out at tab stops (x = 72, 190, 390) as Word prints them, under a few 'Label: answer' lines.
    An agency name long enough to reach the next tab stop leaves no visible gap before the contact."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    y = A4[1] - 72
    for line in ["Referrer name: Robin Grid", "Email: robin.grid@nhs.net", "Job title: Nurse",
                 "Name of child: Ada Lovelace", "Date of incident: 1 March 2026", "Agencies known to be involved"]:
        c.drawString(72, y, line)
        y -= 14
    for name, agency, contact in [("Name", "Agency", "Telephone / email")] + rows:
        c.drawString(72, y, name)
        c.drawString(190, y, agency)
        x = max(390, 190 + stringWidth(agency, "Helvetica", 10) + 5)  # Word: past the stop, the next one along
        c.drawString(x, y, contact)
        y -= 14
    c.drawString(72, y - 14, "Current risks: none known.")
    c.save()
    return out.getvalue()


@pytest.mark.usefixtures("rule_reader")
def test_tab_stop_agencies_rows_whose_contact_tab_was_too_narrow_to_see():
    record = _parse_pdf(_tab_stop_pdf([
        ("Claire Ashdown", "Downs Community Health Services Partnership NHS", "01184 960612 / c.ashdown@nhs.net"),
        ("Martin Rowlands", "Severn Vale Council Children's Services Dept", "m.rowlands@severnvale.gov.uk"),
        ("Fiona Winstanley", "Chalkford Infant School", "0118 496 0506")]))
    assert record["agencies_involved"] == [
        {"name": "Claire Ashdown", "agency": "Downs Community Health Services Partnership NHS",
         "contact": "01184 960612 / c.ashdown@nhs.net"},
        {"name": "Martin Rowlands", "agency": "Severn Vale Council Children's Services Dept",
         "contact": "m.rowlands@severnvale.gov.uk"},
        {"name": "Fiona Winstanley", "agency": "Chalkford Infant School", "contact": "0118 496 0506"}]


def test_an_email_address_wider_than_its_cell_is_put_back_together():
    # Word breaks a word wider than the cell at the edge: 'nadia.bamford8@nhs.ne' + 't' on the next line.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    email = "nadia.bamford8@nhs.net"
    width = stringWidth(email[:-1], "Helvetica", 10) + 12  # reportlab's cell padding: 6 on each side
    printed = email[:-1] + "<br/>" + email[-1]  # as Word printed it: reportlab itself never breaks a word
    record = _parse_pdf(_word_pdf([["Referrer name", "Nadia Bamford"], ["Email", printed], ["Job title", "Nurse"],
                                   ["Organisation", "Test NHS Trust"], ["Date of incident", "1 March 2026"]],
                                  [["Are the police involved?", "Yes"]], widths=(160, width)))
    assert record["referrer"]["email"] == email


def test_labels_above_answers_with_an_empty_column_to_their_right():
    # 'Registered GP | Legal status | (empty)' over 'Surgery | Early Help | (empty)': the empty column is no
    # one's answer, and 'Legal status' is never the GP's answer.
    record = _docx(table(row("Given name(s)", "Family name", "Also known as"), row("Kai", "Uddin", ""),
                         row("D.O.B.", "Age (if D.O.B. unknown)", "Sex"), row("18/08/2025", "", "M"),
                         row("Ethnic origin", "", ""), row("Mixed - White and Black Caribbean", "", ""),
                         row("Registered GP practice", "Legal status (CIN / CP / CLA)", ""),
                         row("Sowerby Edge Surgery", "Early Help", "")))
    child = record["children"][0]
    assert (child["name"], child["dob"], child["ethnicity"], child["gp"], child["legal_status"]) == (
        "Kai Uddin", "2025-08-18", "Mixed - White and Black Caribbean", "Sowerby Edge Surgery", "Early Help")
    assert len(record["children"]) == 1


def _bold(text: str) -> str:
    return f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


@pytest.mark.usefixtures("rule_reader")
def test_a_capitals_heading_that_asks_for_the_summary_takes_the_paragraphs_below():
    record = _docx(_bold("SECTION D - INCIDENT") + p("LOCATION:\tFamily home") + _bold("SUMMARY OF INCIDENT") +
                   p("Aisha (11 years) disclosed to a teacher that she was being hit with a belt.") +
                   p("POLICE INVESTIGATION?\tYes") + _bold("SECTION E - CRITERIA"),
                   basics=[b for b in BASICS if not b[0].startswith("Summary")])
    assert record["incident"]["summary"] == "Aisha (11 years) disclosed to a teacher that she was being hit with a belt."
    assert record["incident"]["police_involved"] is True


@pytest.mark.parametrize("answer, name, discussed", [("Dr Megan Iqbal", "Dr Megan Iqbal", None), ("Yes", None, True),
                                                     ("Not yet", None, None)])
def test_safeguarding_lead_consulted_answered_with_a_name_names_the_lead(answer, name, discussed):
    record = _docx(_bold("SAFEGUARDING LEAD") + p(f"SAFEGUARDING LEAD CONSULTED:\t{answer}") +
                   p("SERVICE:\tTest NHS Trust") + p("TELEPHONE:\t0151 496 0111"))
    lead = record["safeguarding_lead"]
    assert (lead["name"], lead["discussed"], lead["phone"]) == (name, discussed, "01514960111")


def test_where_beside_when_did_it_happen_is_the_place():
    record = _docx(p("The incident") + table(row("When did it happen?", "21 Nov. 2025", "Where?", "Family home")),
                   basics=[b for b in BASICS if not b[0].startswith("Date of incident")])
    assert (record["incident"]["date"], record["incident"]["location"]) == ("2025-11-21", "Family home")


def test_a_fillable_field_named_for_a_date_holds_the_date_its_words_name():
    # 'chkSINYes' was the Panel notified; 'dtSIN' (a date prefix) is the day it was notified, not a second answer.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 60
    for name, value in [("txtReferrerName", "Ola Field"), ("txtReferrerEmail", "ola@nhs.net"),
                        ("txtReferrerAgency", "Northshire NHS Trust"), ("txtChildName", "Kit Terse"),
                        ("dtIncident", "2 Feb 2026"), ("txtSummary", "It happened."), ("dtSIN", "17/05/2026")]:
        y -= 24
        c.acroForm.textfield(name=name, x=200, y=y, width=240, height=14, value=value, borderWidth=0)
    c.acroForm.checkbox(name="chkSINYes", x=200, y=y - 24, size=10, checked=True, buttonStyle="check")
    c.showPage()
    c.save()
    record = _parse_pdf(out.getvalue())
    assert (record["panel_notified"], record["date_panel_notified"]) == (True, "2026-05-17")


def _tabbed(label: str, value: str | None, lead_tab: bool = False) -> str:
    runs = f'<w:r><w:t xml:space="preserve">{label}</w:t></w:r>' if label else ""
    runs += "<w:r><w:tab/>" + (f'<w:t xml:space="preserve">{value}</w:t>' if value else "") + "</w:r>"
    return f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="3969"/></w:tabs></w:pPr>{runs}</w:p>'


@pytest.mark.usefixtures("rule_reader")
def test_an_answer_whose_next_lines_start_at_the_tab_stop_goes_on_over_them():
    # 'Home address:<tab>Flat 8' then '<tab>64 Quarry Hill' ...: one answer over four paragraphs. The label
    # after it (with an empty answer after its tab) is not part of it.
    record = _docx(p("Details of the child") + _tabbed("Name of child:", "Ada Lovelace") +
                   _tabbed("Home postcode and address:", "Flat 8") + _tabbed("", "64 Quarry Hill") +
                   _tabbed("", "Ashbourne Vale") + _tabbed("", "SV4 8GJ") + _tabbed("Education provider:", None) +
                   _tabbed("Registered GP:", "Dr S Adeyemi, Marlden Health Centre"))
    child = record["children"][0]
    assert (child["address"], child["school"], child["gp"]) == (
        "Flat 8, 64 Quarry Hill, Ashbourne Vale, SV4 8GJ", None, "Dr S Adeyemi, Marlden Health Centre")


def test_questions_the_vocabulary_does_not_know_are_no_answers_and_no_headings():
    # 'West Pennine Police' reads a little like a police label, but the question under it is no answer; a
    # question that mentions the child does not start the child's section; a blank 'Organisation' takes none.
    record = _docx(table(
        row("Notifier details"), row("Name:", "DI Rebecca Brennan"), row("Organisation:", "West Pennine Police"),
        row("Is your organisation currently working with the family?", "Yes"), row("E-mail address:", ""),
        row("Contact telephone:", "07700 900571"), row("Designated Safeguarding Lead"), row("Name:", "n/a"),
        row("Position:", "Detective Chief Inspector"), row("Organisation:", ""),
        row("Has the child's GP been told about this referral?", "Yes"),
        row("E-mail address:", "k.brennan@westpennine.police.uk"), row("Contact telephone:", "01632960576"),
        row("About the child"), row("Given name(s):", "Daisy"), row("Family name:", "KENYON")),
        basics=[b for b in BASICS if b[0] in ("Date of incident", "Summary of incident")])
    referrer, lead = record["referrer"], record["safeguarding_lead"]
    assert (referrer["agency"], referrer["email"], referrer["phone"]) == ("West Pennine Police", None, "07700900571")
    assert (lead["role"], lead["agency"], lead["email"], lead["phone"]) == (
        "Detective Chief Inspector", None, "k.brennan@westpennine.police.uk", "01632960576")
    assert record["children"][0]["name"] == "Daisy KENYON"


def test_an_email_address_cut_before_its_at_sign_is_put_back_together():
    printed = "adebayo.ashdo<br/>wn@nhs.net"  # Word broke the address at the cell's edge
    record = _parse_pdf(_word_pdf([["Referrer name", "Adebayo Ashdown"], ["Email", printed], ["Job title", "Nurse"],
                                   ["Organisation", "Test NHS Trust"], ["Date of incident", "1 March 2026"]],
                                  [["Are the police involved?", "Yes"]], widths=(160, 86)))
    assert record["referrer"]["email"] == "adebayo.ashdown@nhs.net"


@pytest.mark.usefixtures("rule_reader")
def test_plain_english_agencies_header():
    record = _docx(p("Who else knows the family?") + table(
        row("Who", "Where they work", "How to reach them"),
        row("Sam Worker", "Northshire Council", "sam@northshire.gov.uk"),
        row("Jo Nurse", "Northshire NHS Trust", "0151 496 0222")))
    assert record["agencies_involved"] == [
        {"name": "Sam Worker", "agency": "Northshire Council", "contact": "sam@northshire.gov.uk"},
        {"name": "Jo Nurse", "agency": "Northshire NHS Trust", "contact": "0151 496 0222"}]


def test_rows_of_labels_above_answers_are_not_an_agencies_table():
    # 'Name of the notifying practitioner | Designation: | Organisation:' over one person's answers, and a terse
    # 'DSL name | DSL role | DSL agency' over the lead's: labels above answers, never agencies.
    record = _docx(table(
        row("Section A: Details of the notifying practitioner"),
        row("Name of the notifying practitioner", "Designation:", "Organisation:"),
        row("Dr Helen Yeadon", "Paediatric Registrar", "Gilthorpe Community Health NHS Trust"),
        row("Telephone:", "Electronic mail address:", "Date of ref."), row("", "h.yeadon@nhs.net", "20/02/26"),
        row("2. DSL / MANAGER"), row("DSL name", "DSL role", "DSL agency"),
        row("Stephen Nuttall", "Deputy Headteacher", "Kestrel Vale Academy"),
        row("DSL tel", "DSL email", "DSL consulted Y/N"), row("", "stephen.nuttall@kestrelvale.sch.uk", "No")),
        basics=[b for b in BASICS if b[0] in ("Date of incident", "Summary of incident")])
    referrer, lead = record["referrer"], record["safeguarding_lead"]
    assert (referrer["name"], referrer["role"], referrer["agency"], referrer["email"], record["date_of_referral"]) == (
        "Dr Helen Yeadon", "Paediatric Registrar", "Gilthorpe Community Health NHS Trust", "h.yeadon@nhs.net",
        "2026-02-20")
    assert (lead["name"], lead["role"], lead["agency"], lead["email"], lead["discussed"]) == (
        "Stephen Nuttall", "Deputy Headteacher", "Kestrel Vale Academy", "stephen.nuttall@kestrelvale.sch.uk", False)
    assert record["agencies_involved"] == []


@pytest.mark.usefixtures("rule_reader")
def test_yes_no_columns_of_ticked_and_empty_boxes_and_ethnic_background():
    record = _docx(table(row("Name of child", "Ada Lovelace"), row("Ethnic background:", "Mixed - other")) + table(
        row("", "Yes", "No"), row("Have they ever been on a child protection plan?", "☐", "☒"),
        row("Is children's social care working with them at the moment?", "☒", "☐"),
        row("Are they in care?", "☐", "☐")))
    child = record["children"][0]
    assert (child["ethnicity"], child["cp_plan"], child["open_to_csc"], child["looked_after"]) == (
        "Mixed - other", False, True, None)
    assert record["incident"]["summary"] == "It happened."


@pytest.mark.usefixtures("rule_reader")
def test_numbered_questions_above_their_answers_are_one_child_not_several():
    record = _docx(p("Section C: Particulars of the child") + table(
        row("3.1 Full name of the child", "3.2 Other names", "3.3 Date of birth"),
        row("Lacey Jessop", "Not applicable", "Tuesday 11 November 2025"),
        row("3.4 Age (where the date of birth is not known)", "3.5 Sex", "3.6 Ethnic origin"),
        row("", "Female", "Any other Asian background"),
        row("3.7 Usual residential address", "3.8 School or educational setting", "3.9 General practitioner"),
        row("15 Wharf Street", "", "Dr Akhtar, Central Medical Practice")))
    assert len(record["children"]) == 1
    child = record["children"][0]
    assert (child["name"], child["age"], child["gender"], child["ethnicity"], child["address"], child["gp"]) == (
        "Lacey Jessop", None, "female", "Any other Asian background", "15 Wharf Street",
        "Dr Akhtar, Central Medical Practice")


@pytest.mark.parametrize("value, fits", [("8 months", 1), ("Unborn", 1), ("14", 1), ("2m", 1),
                                         ("Usual residential address", -1), ("Female", -1)])
def test_an_age_is_a_number_or_an_age_word(value, fits):
    from parsers.types import fit

    assert fit("child.age", value) == fits


@pytest.mark.usefixtures("rule_reader")
def test_terse_short_forms_end_a_long_answer_and_a_signature_line_is_no_answer():
    # 'Police inv. Y/N: N' is a label and its answer (its '. Y' is no sentence break); '6. NAT. PANEL' heads the
    # Panel's section; 'Signed: Print name:' belongs to no answer.
    record = _docx(_bold("4. INCIDENT") + p("Summary") + p("The child was found at home.") +
                   p("Police inv. Y/N: N") + _bold("5. CRITERIA") + p("Why RR?") + p("Learning about sharing.") +
                   _bold("6. NAT. PANEL") + p("NP notified Y/N: Y") + p("NP notif. date: 03/02/2026") +
                   _bold("7. RISKS NOW") + p("Immediate risks") + p("None known.") + p("Signed: Print name:"),
                   basics=[b for b in BASICS if not b[0].startswith("Summary")])
    assert (record["incident"]["summary"], record["incident"]["police_involved"]) == ("The child was found at home.", False)
    assert (record["criteria"]["reason"], record["panel_notified"], record["date_panel_notified"]) == (
        "Learning about sharing.", True, "2026-02-03")
    assert record["immediate_concerns"] == "None known."


@pytest.mark.usefixtures("rule_reader")
def test_you_and_your_lead_columns_and_a_question_answered_no_and_yes_for_two_children():
    record = _docx(table(row("", "You", "Your safeguarding lead"), row("Name", "Claire O'Rourke", "Ruth Oyelaran"),
                         row("Job", "Social Worker", "Service Manager"),
                         row("Email", "c.orourke@wetherbymoss.gov.uk", "ruth.oyelaran@wetherbymoss.gov.uk")) +
                   p("About the child") +
                   table(row("", "Child 1", "Child 2"), row("What's the child called?", "Harper Jessop", "Kobe Jessop"),
                         row("Have they ever been on a child protection plan?", "No", "YES"),
                         row("Is children's social care working with them at the moment?", "NO", "YES")),
                   basics=[b for b in BASICS if b[0] in ("Date of incident", "Summary of incident")])
    assert (record["referrer"]["name"], record["referrer"]["role"], record["safeguarding_lead"]["name"]) == (
        "Claire O'Rourke", "Social Worker", "Ruth Oyelaran")
    assert [(c["name"], c["cp_plan"], c["open_to_csc"]) for c in record["children"]] == [
        ("Harper Jessop", False, False), ("Kobe Jessop", True, True)]


def test_a_tall_fillable_box_takes_the_label_printed_beside_its_first_line():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    y = A4[1] - 60
    fields = [("Your name", "Ola Field", 14), ("Your email", "ola@nhs.net", 14), ("Where do you work?", "Northshire NHS Trust", 14),
              ("What's the child called?", "Kit Terse", 14), ("Where do they live?", "12 Grid Lane\nKirkby\nL32 1AA", 44),
              ("When did it happen?", "2 Feb 2026", 14), ("Tell us what happened", "Kit was hurt.\n\nAgencies knew.", 150)]
    for n, (label, value, height) in enumerate(fields, 1):
        y -= height + 10
        c.drawString(40, y + height - 9, label)  # beside the box's first line
        c.acroForm.textfield(name=f"Text{n}", x=230, y=y, width=320, height=height, value=value, borderWidth=0,
                             fieldFlags="multiline" if height > 14 else "")
    c.showPage()
    c.save()
    record = _parse_pdf(out.getvalue())
    assert record["children"][0]["address"] == "12 Grid Lane, Kirkby, L32 1AA"
    assert record["incident"]["summary"] == "Kit was hurt.\n\nAgencies knew."


def test_capital_dsl_labels_over_the_leads_answers_are_no_agencies():
    record = _docx(table(row("2. DSL / MANAGER"), row("DSL NAME", "DSL ROLE", "DSL AGENCY"),
                         row("DC Joanne Ingleby", "Detective Chief Inspector", "Northern Vale Police"),
                         row("DSL TEL", "DSL EMAIL", "DSL CONSULTED Y/N"),
                         row("0191 498 0882", "joanne.ingleby@northernvale.police.uk", "Yes")))
    lead = record["safeguarding_lead"]
    assert (lead["name"], lead["agency"], lead["phone"], lead["email"], lead["discussed"]) == (
        "DC Joanne Ingleby", "Northern Vale Police", "01914980882", "joanne.ingleby@northernvale.police.uk", True)
    assert record["agencies_involved"] == []
