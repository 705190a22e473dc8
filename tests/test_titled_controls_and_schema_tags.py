"""Word content controls whose only label is their title (and those whose title is not their label), and answers
wrapped in a custom XML schema's elements."""

from __future__ import annotations

import io

import pytest

from docx import Document
from docx.oxml import parse_xml

from parsers import parse_bytes
from parsers.docx_reader import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def control(title: str | None, value: str, box: bool = False):
    """A run-level content control titled ``title``; an empty value shows its placeholder; ``box``: a tick box."""
    alias = f'<w:alias w:val="{title}"/>' if title else ""
    shown = "<w:showingPlcHdr/>" if not value else ""
    tick = f'<w14:checkbox><w14:checked w14:val="{int(value == "☒")}"/></w14:checkbox>' if box else ""
    return parse_xml(f'<w:sdt {W} {W14}><w:sdtPr>{alias}{shown}{tick}</w:sdtPr><w:sdtContent><w:r>'
                     f'<w:t xml:space="preserve">{value or "Click or tap here to enter text."}</w:t></w:r>'
                     f'</w:sdtContent></w:sdt>')


def titled_form(sections, above: dict | None = None) -> bytes:
    """Paragraphs that hold nothing but content controls, each titled; ``above``: a title -> a label printed in the
    paragraph above its control."""
    doc = Document()
    doc.add_heading("Referral to the Safeguarding Children Partnership", 1)
    for heading, lines in sections:
        doc.add_heading(heading, 2)
        for controls in lines:
            if above and controls[0][0] in above:
                doc.add_paragraph(above[controls[0][0]])
            p = doc.add_paragraph()
            for i, (title, value) in enumerate(controls):
                if i:
                    p.add_run(" ")
                p._p.append(control(title, value))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


SWIM_CLUB = [
    ("About you", [[("Your name", "Priya Raman")], [("Job title", "Swimming coach")],
                   [("Organisation", "Northfield Swim Club")], [("Email address", "p.raman@northfieldswim.org.uk")],
                   [("Telephone", "07700 900123")]]),
    ("The child", [[("Child's first name", "Leo"), ("Child's surname", "Marsh")], [("Date of birth", "12/06/2014")],
                   [("Ethnicity", "")]]),
    ("What happened", [[("Date of incident", "02/11/2025")], [("Date the local authority was told", "03/11/2025")],
                       [("What happened", "Leo was found unconscious in the changing room after a fall and taken "
                                          "to hospital.")]]),
]


def texts(data: bytes) -> list[str]:
    return [b.text for b in read_docx(data)[0] if hasattr(b, "text")]


def test_a_control_with_no_printed_label_is_labelled_by_its_title():
    lines = texts(titled_form(SWIM_CLUB))
    assert "Your name: Priya Raman" in lines
    assert "Child's first name: Leo \tChild's surname: Marsh" in lines     # two controls on a line, a tab apart
    assert "Ethnicity:" in lines                                          # unfilled: its label, no answer


def test_a_form_of_titled_controls_alone_is_read():
    r = parse_bytes(titled_form(SWIM_CLUB), "referral.docx")
    assert r.status == "parsed" and r.missing == []
    assert r.record["referrer"]["name"] == "Priya Raman"
    assert r.record["referrer"]["email"] == "p.raman@northfieldswim.org.uk"
    assert r.record["children"][0]["name"] == "Leo Marsh"
    assert r.record["children"][0]["dob"] == "2014-06-12"
    assert r.record["children"][0]["ethnicity"] is None
    assert r.record["incident"]["date"] == "2025-11-02"


def test_a_title_is_not_printed_where_a_label_is_printed_above_the_control_or_in_a_table():
    form = [("The child", [[("Date of birth", "12/06/2014")], [("Child's school", "Northfield Primary")]])]
    lines = texts(titled_form(form, above={"Date of birth": "DOB (dd/mm/yyyy)"}))
    assert lines[-3:] == ["DOB (dd/mm/yyyy)", "12/06/2014", "Northfield Primary"]   # as printed: the run under a label

    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Child's name"
    table.cell(0, 1).paragraphs[0]._p.append(control("Name", "Leo Marsh"))
    out = io.BytesIO()
    doc.save(out)
    cells = [row for b in read_docx(out.getvalue())[0] if hasattr(b, "rows") for row in b.rows]
    assert cells == [["Child's name", "Leo Marsh"]]                          # the label cell stands; no title added


@pytest.mark.parametrize("title", ["Text1", "ReferrerName", "child_dob", "Plain Text Content Control"])
def test_a_title_no_person_would_read_as_a_label_is_not_printed(title):
    form = [("About you", [[(title, "Priya Raman")]])]
    assert texts(titled_form(form))[-1] == "Priya Raman"


def test_one_answer_typed_a_line_per_control_copied_down_is_labelled_once():
    form = [("The child", [[("Home address", "4 Mill Road")], [("Home address", "Northfield")],
                           [("Home address", "NF2 3CD")], [("School", "Northfield Primary")]])]
    assert texts(titled_form(form))[-4:] == ["Home address: 4 Mill Road", "Northfield", "NF2 3CD",
                                             "School: Northfield Primary"]


def test_a_control_wrapped_round_a_printed_label_and_its_answer_keeps_no_title():
    inner = control("Name of referrer", "Priya Raman")
    outer = parse_xml(f'<w:sdt {W}><w:sdtPr><w:alias w:val="Locked label"/><w:group/></w:sdtPr><w:sdtContent>'
                      f'<w:r><w:t xml:space="preserve">Name of referrer: </w:t></w:r></w:sdtContent></w:sdt>')
    outer.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent").append(inner)
    doc = Document()
    doc.add_heading("Referral", 1)
    doc.add_paragraph()._p.append(outer)
    out = io.BytesIO()
    doc.save(out)
    assert texts(out.getvalue())[-1] == "Name of referrer: Priya Raman"


def test_tick_boxes_and_controls_beside_printed_text_keep_no_title():
    doc = Document()
    p = doc.add_paragraph("Police informed?  ")
    p._p.append(control("Police", "☒", box=True))
    p.add_run(" Yes")
    q = doc.add_paragraph()
    q._p.append(control("Consent given", "☒", box=True))
    out = io.BytesIO()
    doc.save(out)
    lines = texts(out.getvalue())
    assert not any("Police:" in line or "Consent given" in line for line in lines)


def schema_tagged_form() -> bytes:
    """A Word 2007 form with an attached schema: each answer cell's paragraphs wrapped in the schema's element
    (block level inside the cell), one element empty but for its placeholder attribute."""
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    for row, (label, element, value) in enumerate([("Child's name", "ChildName", "Leo Marsh"),
                                                   ("Date of birth", "DateOfBirth", "12/06/2014"),
                                                   ("Ethnicity", "Ethnicity", None)]):
        table.cell(row, 0).text = label
        tc = table.cell(row, 1)._tc
        for p in tc.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            tc.remove(p)
        text = f'<w:r><w:t>{value}</w:t></w:r>' if value else ""
        placeholder = "" if value else f'<w:customXmlPr><w:placeholder w:val="[{label}]"/></w:customXmlPr>'
        tc.append(parse_xml(f'<w:customXml {W} w:uri="urn:example:referral:2008" w:element="{element}">'
                            f'{placeholder}<w:p>{text}</w:p></w:customXml>'))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_answers_wrapped_in_a_schemas_elements_inside_their_cells_are_read():
    rows = [row for b in read_docx(schema_tagged_form())[0] if hasattr(b, "rows") for row in b.rows]
    assert rows == [["Child's name", "Leo Marsh"], ["Date of birth", "12/06/2014"], ["Ethnicity", ""]]


def test_a_control_under_a_label_in_capitals_or_a_heading_style_keeps_the_printed_label():
    doc = Document()
    doc.add_heading("Referral", 1)
    for label, title, value in [("NAME OF REFERRER", "Name", "Priya Raman"), ("DOB", "Date", "12/06/2014"),
                                ("Date of incident", "Date", "02/11/2025")]:
        if label.isupper():
            doc.add_paragraph(label)
        else:
            doc.add_heading(label, 3)
        doc.add_paragraph()._p.append(control(title, value))
    out = io.BytesIO()
    doc.save(out)
    assert texts(out.getvalue())[1:] == ["NAME OF REFERRER", "Priya Raman", "DOB", "12/06/2014", "Date of incident",
                                         "02/11/2025"]


def test_a_single_titled_control_under_a_heading_is_not_a_form_of_titled_controls():
    lines = texts(titled_form([("About you", [[("Your name", "Priya Raman")]])]))
    assert lines[-1] == "Priya Raman"
