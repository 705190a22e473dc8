"""The other agencies written as a list, one agency to a line, under the question that asks for them ('Other agencies
involved with the child or family:' then 'Family Hub; Fiona Okafor; 0113 496 0177'), and agencies tables headed in
plain words ('Where they work', 'Agency / role'). Word files built with python-docx and PDFs drawn with reportlab,
read for real."""

from __future__ import annotations

import io

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.agency_list import agency_list
from parsers.blocks import Para, Table
from parsers.docx_reader import read_docx
from parsers.picture import build
from parsers.reader import agency_rows

FIELDS = [("Name of person referring", "Priya Raman"), ("Email", "p.raman@example.org.uk"),
          ("Child's name", "Leo Marsh"), ("Date of birth", "12/06/2014"), ("Date of incident", "02/11/2025"),
          ("What happened", "Leo answered the door alone and had a burn on his hand that had not been treated.")]
QUESTION = "Other agencies involved with the child or family:"
AFTER = ["Immediate concerns", "Any immediate risk to other children? The family may move out of the area."]


def _docx(lines: list[str], question: str = QUESTION) -> bytes:
    doc = Document()
    doc.add_heading("Referral to the Safeguarding Partnership", 1)
    for label, value in FIELDS:
        doc.add_paragraph(f"{label}: {value}")
    doc.add_paragraph(question)
    for line in lines:
        doc.add_paragraph(line)
    for line in AFTER:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _listed(data: bytes) -> list[dict]:
    return [a["entry"] for a in agency_list(build(read_docx(data)[0]))]


def _parsed(data: bytes, name: str) -> list[dict]:
    r = parse_bytes(data, name)
    assert r.status == "parsed", r.warnings
    return r.record["agencies_involved"]


@pytest.mark.parametrize("mark", ["; ", ", ", " - ", " / ", " | ", "\t", " · "])
def test_each_line_of_the_list_is_an_agency_whatever_parts_it(mark):
    lines = [mark.join(["Family Hub", "Fiona Okafor", "0113 496 0177"]),
             mark.join(["Youth Justice Service", "Mark Rushton", "mark.rushton@example.gov.uk"])]
    assert _parsed(_docx(lines), "list.docx") == [
        {"name": "Fiona Okafor", "agency": "Family Hub", "contact": "0113 496 0177"},
        {"name": "Mark Rushton", "agency": "Youth Justice Service", "contact": "mark.rushton@example.gov.uk"}]


def test_the_parts_are_known_by_what_they_are_not_where_they_stand():
    lines = ["• DS Tomasz Haworth / Denholme Police / +44 7700 900592",
             "• Housing Options Team / duty.team@example.gov.uk",
             "• Mark Rushton / CAMHS / 0113 496 0239"]
    assert _listed(_docx(lines)) == [
        {"name": "DS Tomasz Haworth", "agency": "Denholme Police", "contact": "+44 7700 900592"},
        {"name": None, "agency": "Housing Options Team", "contact": "duty.team@example.gov.uk"},
        {"name": "Mark Rushton", "agency": "CAMHS", "contact": "0113 496 0239"}]


def test_an_agency_with_a_dash_in_its_name_is_parted_at_the_commas():
    lines = ["GP - practice, Joanne Osei, joanne.osei@example.gov.uk", "Police - Public Protection Unit, 101"]
    assert _listed(_docx(lines))[0] == {"name": "Joanne Osei", "agency": "GP - practice",
                                        "contact": "joanne.osei@example.gov.uk"}


def test_two_parts_that_could_each_be_a_person_take_the_order_of_the_other_lines():
    # 'Little Owls' (a nursery) names no organisation by its words alone; the first line shows the agency comes first
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177", "Little Owls; Jane Dorsey; 0113 496 0201"]
    assert _listed(_docx(lines))[1] == {"name": "Jane Dorsey", "agency": "Little Owls", "contact": "0113 496 0201"}


def test_two_parts_that_could_each_be_a_person_and_no_order_to_go_by_give_nothing():
    assert _listed(_docx(["Little Owls; Jane Dorsey; 0113 496 0201"])) == []


def test_a_line_wrapped_in_its_column_is_read_whole():
    lines = ["School Nursing Service, Neil Mahmood,", "neil.mahmood@example.gov.uk",
             "Siobhan Blenkinsop / Domestic", "abuse service / 0115 496 0037"]
    assert _listed(_docx(lines)) == [
        {"name": "Neil Mahmood", "agency": "School Nursing Service", "contact": "neil.mahmood@example.gov.uk"},
        {"name": "Siobhan Blenkinsop", "agency": "Domestic abuse service", "contact": "0115 496 0037"}]


def test_a_line_that_reads_alone_but_goes_on_on_the_next_is_read_whole():
    lines = ["Leeds Teaching Hospitals NHS Trust, Paediatric Liaison; Sister Rachel", "Wood; 0113 496 0400",
             "Family Hub; Fiona Okafor; 0113 496 0177"]
    assert _listed(_docx(lines)) == [
        {"name": "Sister Rachel Wood", "agency": "Leeds Teaching Hospitals NHS Trust, Paediatric Liaison",
         "contact": "0113 496 0400"},
        {"name": "Fiona Okafor", "agency": "Family Hub", "contact": "0113 496 0177"}]


def test_column_heads_over_the_list_are_no_agency():
    lines = ["Name\tAgency\tContact", "Fiona Haworth\tGP surgery\t01632 960134", "School Nursing Service\t0113 496 0761"]
    assert _listed(_docx(lines)) == [
        {"name": "Fiona Haworth", "agency": "GP surgery", "contact": "01632 960134"},
        {"name": None, "agency": "School Nursing Service", "contact": "0113 496 0761"}]


def test_a_tabbed_table_whose_later_lines_leave_a_column_out_is_read_to_its_end():
    # the three-cell lines alone are a table: the list reading reads those same rows first and one more after them
    lines = ["Name\tAgency\tContact", "Fiona Haworth\tGP surgery\t01632 960134", "School Nursing Service\t0113 496 0761"]
    assert [a["agency"] for a in _parsed(_docx(lines), "tabbed.docx")] == ["GP surgery", "School Nursing Service"]


def test_a_first_line_that_cannot_be_read_gives_no_list_rather_than_a_shifted_one():
    lines = ["Eastmoor Homes (landlord) 0161 496 0318", "North West Ambulance Service, 0161 496 0999"]
    assert _listed(_docx(lines)) == []


def test_a_list_ends_at_the_first_line_that_is_no_list_line():
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177", "The family were also known to the school nurse last year."]
    assert len(_listed(_docx(lines))) == 1


def test_column_heads_and_labels_are_never_read_as_people():
    for lines in (["Name, Role, Agency", "Contact Claire Kilbride / Agency"], ["ROLE TEL / EMAIL"]):
        assert _listed(_docx(lines)) == [], lines


def test_prose_under_the_question_is_no_list():
    lines = ["The GP, the school and the health visitor all knew the family.", "None known to us, Sarah."]
    assert _parsed(_docx(lines), "prose.docx") == []


def test_a_list_under_some_other_question_is_not_read_as_agencies():
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177"]
    assert _listed(_docx(lines, question="Who lives in the household?")) == []


def _pdf(lines: list[str]) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = 800
    for text in ["Referral to the Safeguarding Partnership"] + [f"{k}: {v}" for k, v in FIELDS] + [QUESTION] + lines + AFTER:
        c.setFont("Helvetica", 10)
        c.drawString(60, y, text)
        y -= 16
    c.save()
    return out.getvalue()


def test_a_printed_list_is_read_the_same():
    lines = ["Youth Justice Service - Fiona Holroyd - 0115 496 0525", "CAMHS - duty.camhs@example.gov.uk"]
    assert _parsed(_pdf(lines), "list.pdf") == [
        {"name": "Fiona Holroyd", "agency": "Youth Justice Service", "contact": "0115 496 0525"},
        {"name": None, "agency": "CAMHS", "contact": "duty.camhs@example.gov.uk"}]


def _table_form(heads: list[str], rows: list[list[str]]) -> bytes:
    doc = Document()
    for label, value in FIELDS:
        doc.add_paragraph(f"{label}: {value}")
    doc.add_heading("Other agencies involved", 2)
    table = doc.add_table(rows=1 + len(rows), cols=len(heads))
    for r, cells in enumerate([heads] + rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("heads", [["Name", "Agency / role", "Contact details"],
                                   ["Name", "Role / agency", "Contact"],
                                   ["Who", "Where they work", "How to reach them"]])
def test_agencies_tables_headed_in_plain_words_are_read(heads):
    rows = [["A. Bramwell", "Children's Guardian (Cafcass)", "a.bramwell@example.gov.uk"],
            ["", "Early Help Team", "0113 496 0201"]]
    assert _parsed(_table_form(heads, rows), "table.docx") == [
        {"name": "A. Bramwell", "agency": "Children's Guardian (Cafcass)", "contact": "a.bramwell@example.gov.uk"},
        {"name": None, "agency": "Early Help Team", "contact": "0113 496 0201"}]


def test_a_role_column_beside_an_agency_column_is_still_no_agency():
    rows = [["Fiona Okafor", "Social worker", "Family Hub", "0113 496 0177"]]
    got = _parsed(_table_form(["Name", "Role", "Agency", "Contact"], rows), "roles.docx")
    assert got == [{"name": "Fiona Okafor", "agency": "Family Hub", "contact": "0113 496 0177"}]


def test_a_type_of_agency_column_is_no_agency_and_printed_kinds_left_empty_are_no_agencies():
    heads = ["Type of agency", "Name", "Agency / team", "Tel / email"]
    rows = [["GP / health", "", "", ""], ["School / college", "Tariq Ashworth", "Shearwater CAMHS", "0118 496 0245"],
            ["Police", "", "", ""], ["Children's social care", "", "", ""],
            ["Other (please state)", "DC Imran Iqbal", "Police Public Protection Unit", "+44 116 496 0925"]]
    # (the printed 'Children's social care' row reads like a heading of the child's part; it is the grid's row)
    assert _parsed(_table_form(heads, rows), "kinds.docx") == [
        {"name": "Tariq Ashworth", "agency": "Shearwater CAMHS", "contact": "0118 496 0245"},
        {"name": "DC Imran Iqbal", "agency": "Police Public Protection Unit", "contact": "+44 116 496 0925"}]


def test_a_list_under_another_question_after_the_answer_none_known_is_not_the_agencies():
    lines = ["None known", "Who have you shared this referral with?", "Family Hub; Fiona Okafor; 0113 496 0177",
             "West Yorkshire Police; DC Ben Kaur; 0113 496 0301"]
    assert _parsed(_docx(lines), "shared.docx") == []


def test_lines_in_either_order_are_each_read():
    lines = ["Fiona Okafor; Family Hub; 0113 496 0177", "Housing Options; Tom Reid; 0113 496 0700"]
    assert [a["name"] for a in _listed(_docx(lines))] == ["Fiona Okafor", "Tom Reid"]


def test_a_sub_heading_inside_the_list_is_passed_over():
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177", "Previously involved:", "Early Help Hub; Sam Patel; 0113 496 0999"]
    assert [a["agency"] for a in _listed(_docx(lines))] == ["Family Hub", "Early Help Hub"]


def test_a_hospice_named_after_a_doctor_is_an_agency():
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177", "Dr Kershaw's Hospice; Lucy Gray; 0161 496 0111"]
    assert _listed(_docx(lines))[1] == {"name": "Lucy Gray", "agency": "Dr Kershaw's Hospice", "contact": "0161 496 0111"}


def test_a_list_that_goes_on_in_a_line_it_cannot_read_says_so():
    lines = ["Family Hub; Fiona Okafor; 0113 496 0177", "CAMHS; Dr Li; 0113 496 0701 (ext. 12) / li.w@nhs.net"]
    r = parse_bytes(_docx(lines), "more.docx")
    assert r.record["agencies_involved"] == [{"name": "Fiona Okafor", "agency": "Family Hub", "contact": "0113 496 0177"}]
    assert any("Other agencies involved" in w and "incomplete" in w for w in r.warnings)
    assert not any("Okafor" in w or "0113" in w for w in r.warnings)


def test_a_list_read_to_its_end_gives_no_such_warning():
    r = parse_bytes(_docx(["Family Hub; Fiona Okafor; 0113 496 0177"]), "whole.docx")
    assert not any("incomplete" in w for w in r.warnings)


def test_a_family_table_with_a_where_they_work_column_is_no_agencies_table():
    got = _parsed(_table_form(["Name", "Relationship", "Where they work", "How to reach them"],
                              [["Karen Nolan", "Mother", "Asda, Killingbeck", "07700 900123"]]), "family.docx")
    assert got == []


def test_the_referrers_own_details_table_is_no_agencies_table():
    got = _parsed(_table_form(["Your name", "Role / agency", "How to reach them"],
                              [["Nicola Dunne", "Deputy Head Teacher, Harehills Primary School", "0113 496 0989"]]),
                  "yours.docx")
    assert got == []


def test_an_agencies_row_cut_by_a_page_break_is_read_whole():
    blocks = [Para("Other agencies involved"),
              Table(rows=[["Who", "Where they work", "How to reach them"],
                          ["Ruth Ullathorne", "Pennine Recovery Service", "R.Ullathorne@tunsteadsuppo"]]),
              Table(rows=[["", "(adult substance misuse)", "rt.org.uk"], ["Paul Varley", "Children's Services", "101"]])]
    assert [a["entry"] for a in agency_rows(build(blocks))][0] == {
        "name": "Ruth Ullathorne", "agency": "Pennine Recovery Service (adult substance misuse)",
        "contact": "R.Ullathorne@tunsteadsupport.org.uk"}


def _answers_page(agencies: list[tuple[str, str, str]]) -> bytes:
    """A check-your-answers page printed from the browser: each agency's parts as 'Label<tab>answer' lines under
    'Involved agencies: n', a missing answer shown as the link that asks for it ('Enter name')."""
    doc = Document()
    for label, value in FIELDS:
        doc.add_paragraph(f"{label}\t{value}")
    doc.add_heading("Involved agencies", 2)
    for k, (name, agency, contact) in enumerate(agencies, 1):
        doc.add_paragraph(f"Involved agencies: {k}\tRemove Change")
        doc.add_paragraph(f"Name\t{name}" if name else "Name")
        doc.add_paragraph(f"Agency\t{agency}")
        doc.add_paragraph(f"Contact details\t{contact}")
    doc.add_heading("Immediate concerns", 2)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_each_agency_of_an_answers_page_keeps_its_own_parts_whatever_is_missing():
    got = _parsed(_answers_page([("Tariq Tordoff", "Early Help (Family Hub)", "+44 7700 900257"),
                                 ("Enter name", "Emergency Duty Team", "07700 900458"),
                                 ("", "GP", "01632 960934"),
                                 ("Angharad Elwood", "Education", "education.duty@example.gov.uk")]), "cya.docx")
    assert got == [{"name": "Tariq Tordoff", "agency": "Early Help (Family Hub)", "contact": "+44 7700 900257"},
                   {"name": None, "agency": "Emergency Duty Team", "contact": "07700 900458"},
                   {"name": None, "agency": "GP", "contact": "01632 960934"},
                   {"name": "Angharad Elwood", "agency": "Education", "contact": "education.duty@example.gov.uk"}]


def test_tabbed_lines_of_other_things_under_an_agencies_heading_are_no_agency():
    doc = Document()
    for label, value in FIELDS:
        doc.add_paragraph(f"{label}: {value}")
    doc.add_heading("Other agencies", 2)
    for line in ["Consignment number\tHD-80489", "Date of delivery attempt\t2025-11-27", "Customer name on parcel\tLorna Stanforth"]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    assert _parsed(out.getvalue(), "parcel.docx") == []
