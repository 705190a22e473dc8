"""Session 24: forms as other producers leave them. A Word 97-2003 form converted to .docx, its wide cells made of
legacy horizontal merges (w:hMerge restart / continue cells, present and empty, no w:gridSpan); a Word document
assembled from embedded .docx packages (w:altChunk parts); a fillable PDF whose hidden widgets still hold stale
values; and a fillable PDF whose field names start with a section code ('S1_ref_name2'), beside a real family of
numbered rows ('Agency1_Name', 'Agency2_Name'). Each form is built as a real file in tmp_path (python-docx and lxml,
zipfile, reportlab canvas with invariant=1) and read through the public entry point, parse_bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import fields as _fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import parse_file as _parse_file
from tests.record_fields import record_of as _record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
AFCHUNK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# --- helpers --------------------------------------------------------------------------------------------------------
















def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- 1. Word: legacy horizontal merges (w:hMerge), a Word 97-2003 form converted to .docx ---------------------------

LEGACY_SUMMARY = ("Amira was stopped at the arrivals hall travelling with an adult male who said he was her uncle; "
                  "their documents did not match and Amira said she had not seen her mother for two years.")

# (label texts of the legacy form, for the check that no label is read as an answer)
LEGACY_LABELS = ("PART 1 - REFERRER", "Officer name", "Job title", "Command / organisation", "Telephone",
                 "Official email", "Date of referral", "PART 2 - SAFEGUARDING LEAD", "Lead's name", "Lead's role",
                 "Lead's telephone", "Lead's email", "PART 3 - CHILD", "Child's full name", "Date of birth",
                 "Gender", "Current address", "PART 4 - INCIDENT", "Date of incident", "Location",
                 "Brief summary of incident")


def _tc(text: str = "", merge: str | None = None, bold: bool = False) -> str:
    """One cell; merge: 'restart' (w:hMerge w:val="restart"), 'continue' (a bare w:hMerge) or None."""
    pr = '<w:tcW w:w="2400" w:type="dxa"/>'
    if merge == "restart":
        pr += '<w:hMerge w:val="restart"/>'
    elif merge == "continue":
        pr += "<w:hMerge/>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    body = f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p>' if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def _bar(text: str) -> str:
    """A section bar across the four grid columns: restart, then three empty continue cells."""
    return "<w:tr>" + _tc(text, "restart", bold=True) + _tc(merge="continue") * 3 + "</w:tr>"


def _pairs(a: tuple[str, str], b: tuple[str, str]) -> str:
    """Two short fields on one row: label | answer | label | answer."""
    return "<w:tr>" + _tc(a[0]) + _tc(a[1]) + _tc(b[0]) + _tc(b[1]) + "</w:tr>"


def _wide(label: str, answer: str) -> str:
    """A wide field: label, then the answer cell (restart) and two empty continue cells."""
    return "<w:tr>" + _tc(label) + _tc(answer, "restart") + _tc(merge="continue") * 2 + "</w:tr>"


def _half_and_half(label: str, answer: str) -> str:
    """A label merged across two columns (restart, continue), its answer across the other two (restart, continue)."""
    return ("<w:tr>" + _tc(label, "restart") + _tc(merge="continue") + _tc(answer, "restart") + _tc(merge="continue")
            + "</w:tr>")


def _legacy_hmerge_form(tmp_path: Path) -> Path:
    rows = (_bar("PART 1 - REFERRER")
            + _pairs(("Officer name", "Gareth Sutcliffe"), ("Job title", "Border Force Officer"))
            + _pairs(("Command / organisation", "Border Force North West"), ("Telephone", "0161 496 0734"))
            + _wide("Official email", "g.sutcliffe@example.gov.uk")
            + _wide("Date of referral", "05/03/2026")
            + _bar("PART 2 - SAFEGUARDING LEAD")
            + _pairs(("Lead's name", "Helen Ashworth"), ("Lead's role", "Senior Safeguarding Manager"))
            + _pairs(("Lead's telephone", ""), ("Lead's email", "h.ashworth@example.gov.uk"))
            + _bar("PART 3 - CHILD")
            + _pairs(("Child's full name", "Amira Haddad"), ("Date of birth", "14/08/2011"))
            + _pairs(("Gender", "Female"), ("", ""))
            + _half_and_half("Current address", "Heathfield Reception Centre, Wythenshawe, M22 5RQ")
            + _bar("PART 4 - INCIDENT")
            + _pairs(("Date of incident", "03/03/2026"), ("Location", "Terminal 2 arrivals hall"))
            + _wide("Brief summary of incident", LEGACY_SUMMARY))
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl = parse_xml(f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="9600" w:type="dxa"/>'
                    f'<w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
                    '<w:tblGrid><w:gridCol w:w="2400"/><w:gridCol w:w="2400"/><w:gridCol w:w="2400"/>'
                    f'<w:gridCol w:w="2400"/></w:tblGrid>{rows}</w:tbl>')
    doc = Document()
    doc.add_paragraph().add_run("Manchester Safeguarding Partnership").bold = True
    doc.add_paragraph().add_run("Case Referral Form").bold = True
    doc.add_paragraph("Complete every part of this form. Use block capitals where writing by hand.")
    anchor = doc.add_paragraph("Signed copies are kept on the case file.")
    anchor._p.addprevious(tbl)
    path = tmp_path / "legacy_referral.docx"
    doc.save(path)
    xml = zipfile.ZipFile(path).read("word/document.xml")
    assert b"gridSpan" not in xml and xml.count(b"<w:gridCol ") == 4 and b'w:hMerge w:val="restart"' in xml
    return path


def test_word_legacy_hmerge_short_fields_two_pairs_to_a_row_each_read(tmp_path):
    """'Officer name | Gareth Sutcliffe | Job title | Border Force Officer': each label's own answer, nothing more."""
    rec = _record(_legacy_hmerge_form(tmp_path))
    _assert_fields(rec, {"referrer.name": "Gareth Sutcliffe", "referrer.role": "Border Force Officer",
                         "referrer.agency": "Border Force North West", "referrer.phone": "01614960734",
                         "safeguarding_lead.name": "Helen Ashworth",
                         "safeguarding_lead.role": "Senior Safeguarding Manager",
                         "safeguarding_lead.email": "h.ashworth@example.gov.uk",
                         "child.name": "Amira Haddad", "child.dob": "2011-08-14", "child.gender": "female",
                         "incident.date": "2026-03-03", "incident.location": "Terminal 2 arrivals hall"})


def test_word_legacy_hmerge_wide_answers_are_read_whole_and_empty_continue_cells_are_no_answers(tmp_path):
    """'Official email | address (restart) | (continue) | (continue)': the address, not an empty cell; 'Current
    address (restart) | (continue) | answer (restart) | (continue)': the answer, not the empty cell after the
    label."""
    rec = _record(_legacy_hmerge_form(tmp_path))
    _assert_fields(rec, {"referrer.email": "g.sutcliffe@example.gov.uk",
                         "child.address": "Heathfield Reception Centre, Wythenshawe, M22 5RQ",
                         "incident.summary": LEGACY_SUMMARY})
    assert rec["date_of_referral"] == "2026-03-05"
    assert len(rec["children"]) == 1, rec["children"]


def test_word_legacy_hmerge_no_label_is_read_as_another_fields_answer(tmp_path):
    """No value in the record is a label of the form (a section bar, 'Job title', 'Lead's email' ...); the lead's
    telephone, left empty, stays null rather than taking the label beside it. (A guard as well: it may pass on a
    reader that reads too little of the form; the two tests above make sure the answers are read.)"""
    rec = _record(_legacy_hmerge_form(tmp_path))
    labels = {label.lower() for label in LEGACY_LABELS}
    for value in _leaves(rec):
        assert value.strip().lower() not in labels, (value, rec)
    assert rec["safeguarding_lead"]["phone"] is None, rec["safeguarding_lead"]
    for person in [rec["referrer"], rec["safeguarding_lead"], *rec["children"], *rec["agencies_involved"]]:
        for key, value in person.items():
            assert not (isinstance(value, str) and value.startswith("PART ")), (key, person)


# --- 2. Word: a document assembled from embedded .docx packages (w:altChunk) ------------------------------------------

CHUNK_SUMMARY = ("Jayden was taken to A&E by ambulance after his mother found him unresponsive; he had swallowed "
                 "tablets left on the kitchen table by a visiting adult.")

CHUNKS = [
    ("Part 1: Referrer", [("Name of referrer", "Nadia Kershaw"), ("Job title", "Emergency Department Sister"),
                          ("Organisation", "Stockport NHS Foundation Trust"), ("Email", "Nadia.Kershaw@nhs.net"),
                          ("Telephone", "0161 496 0215"), ("Date of referral", "11/02/2026")]),
    ("Part 2: Safeguarding lead", [("Name of safeguarding lead", "Dr Owen Pritchard"),
                                   ("Role", "Named Doctor for Safeguarding"),
                                   ("Email", "owen.pritchard@nhs.net")]),
    ("Part 3: The child", [("Child's name", "Jayden Okafor"), ("Date of birth", "27/06/2021"),
                           ("Gender", "Male"), ("Home address", "9 Lark Hill Road, Stockport, SK3 8QT")]),
    ("Part 4: The incident", [("Date of incident", "09/02/2026"), ("Location", "The family home"),
                              ("Summary of what happened", CHUNK_SUMMARY)]),
]


def _chunk_docx(heading: str, rows: list[tuple[str, str]]) -> bytes:
    """A whole .docx holding one section: a Heading 1 title and a two-column label | answer table."""
    doc = Document()
    doc.add_heading(heading, level=1)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, answer) in zip(table.rows, rows):
        row.cells[0].text = label
        row.cells[1].text = answer
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _assembled_form(tmp_path: Path, broken: set[int] = frozenset()) -> Path:
    """The main part: a title paragraph, a guidance paragraph and one w:altChunk per section, each pointing at a
    complete .docx package (word/afchunkN.docx); ``broken``: the chunks (0-based) whose bytes are no readable zip."""
    base = io.BytesIO()
    Document().save(base)
    src = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    document = src.read("word/document.xml").decode("utf-8")
    sect = document[document.index("<w:sectPr"):document.index("</w:body>")]
    chunks = "".join(f'<w:altChunk r:id="rIdChunk{n + 1}"/>' for n in range(len(CHUNKS)))
    body = ('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Case Referral Form</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Please complete every part of this form and send it to the partnership business unit '
            'within one working day of the incident.</w:t></w:r></w:p>' + chunks)
    new_document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
                    f'xmlns:r="{R_NS}"><w:body>{body}{sect}</w:body></w:document>')
    rels = src.read("word/_rels/document.xml.rels").decode("utf-8")
    extra_rels = "".join(f'<Relationship Id="rIdChunk{n + 1}" Type="{AFCHUNK_REL}" Target="afchunk{n + 1}.docx"/>'
                         for n in range(len(CHUNKS)))
    rels = rels.replace("</Relationships>", extra_rels + "</Relationships>")
    types = src.read("[Content_Types].xml").decode("utf-8")
    overrides = "".join(f'<Override PartName="/word/afchunk{n + 1}.docx" ContentType="{MAIN_TYPE}"/>'
                        for n in range(len(CHUNKS)))
    types = types.replace("</Types>", overrides + "</Types>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename == "word/document.xml":
                z.writestr(item.filename, new_document)
            elif item.filename == "word/_rels/document.xml.rels":
                z.writestr(item.filename, rels)
            elif item.filename == "[Content_Types].xml":
                z.writestr(item.filename, types)
            else:
                z.writestr(item.filename, src.read(item.filename))
        for n, (heading, rows) in enumerate(CHUNKS):
            data = (b"PK\x03\x04" + b"\x00\xffnot a zip at all\x13\x37" * 40) if n in broken \
                else _chunk_docx(heading, rows)
            z.writestr(f"word/afchunk{n + 1}.docx", data)
    path = tmp_path / "assembled_referral.docx"
    path.write_bytes(out.getvalue())
    main = zipfile.ZipFile(path).read("word/document.xml")
    assert b"Nadia" not in main and b"altChunk" in main   # every answer is in the embedded packages
    return path


def test_word_alt_chunks_each_a_whole_docx_package_are_read_into_the_record(tmp_path):
    rec = _record(_assembled_form(tmp_path))
    _assert_fields(rec, {"referrer.name": "Nadia Kershaw", "referrer.role": "Emergency Department Sister",
                         "referrer.agency": "Stockport NHS Foundation Trust",
                         "referrer.email": "nadia.kershaw@nhs.net", "referrer.phone": "01614960215",
                         "safeguarding_lead.name": "Dr Owen Pritchard",
                         "child.name": "Jayden Okafor", "child.dob": "2021-06-27", "child.gender": "male",
                         "incident.date": "2026-02-09", "incident.location": "The family home",
                         "incident.summary": CHUNK_SUMMARY})
    assert rec["date_of_referral"] == "2026-02-11"


def test_word_alt_chunk_that_is_no_readable_zip_does_not_lose_the_other_chunks(tmp_path):
    """The safeguarding lead's chunk is b'PK\\x03\\x04' and junk: the file is still read, the other chunks' answers
    with it."""
    path = _assembled_form(tmp_path, broken={1})
    result = _parse_file(path)
    assert result.status != "rejected" and result.record is not None, \
        (result.status, getattr(result, "reason", None), result.warnings)
    _assert_fields(result.record, {"referrer.name": "Nadia Kershaw", "referrer.email": "nadia.kershaw@nhs.net",
                                   "child.name": "Jayden Okafor", "child.dob": "2021-06-27",
                                   "incident.date": "2026-02-09"})
    assert "Owen Pritchard" not in " ".join(_leaves(result.record))


# --- PDF: building blocks -------------------------------------------------------------------------------------------

def _pdf_form(path: Path, sections: list[tuple[str, list[tuple[str | None, str, str, str]]]],
              after=None) -> Path:
    """A fillable form: per section a bold heading, then per field a label drawn at the left (label None: nothing
    drawn) and a text field at x=230; field tuples are (label, field name, value, annotation flags)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont("Helvetica", 9)
    c.drawString(40, 784, "Cheshire East Safeguarding Children's Partnership")
    y = 752
    for heading, fields in sections:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, y, heading)
        y -= 24
        for label, name, value, flags in fields:
            multiline = len(value) > 60
            height = 48 if multiline else 16
            if label:
                c.setFont("Helvetica", 10)
                c.drawString(40, y + height - 12, label)
            c.acroForm.textfield(name=name, value=value, x=230, y=y, width=320, height=height,
                                 fontName="Helvetica", fontSize=9, borderWidth=1,
                                 fieldFlags="multiline" if multiline else "", annotationFlags=flags)
            y -= height + 8
        y -= 6
    if after:
        after(c, y)
    c.save()
    return path


def _widget_flags(path: Path) -> dict:
    flags = {}
    for page in PdfReader(str(path)).pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/T") is not None:
                flags[str(annot["/T"])] = int(annot.get("/F", 0))
    return flags


# --- 3. PDF: hidden widgets holding stale values --------------------------------------------------------------------

HIDDEN_SUMMARY = ("Louie told his teacher that he had been left alone overnight with his baby brother and that "
                  "there had been no food in the house since the weekend.")


def _hidden_widgets_form(tmp_path: Path) -> Path:
    shown = "print"
    sections = [
        ("Section 1: Referrer", [("Referrer name", "Referrer name", "Sian Pritchard", shown),
                                 ("Job title", "Referrer role", "School Nurse", shown),
                                 ("Organisation", "Referrer organisation", "Cheshire East School Nursing", shown),
                                 ("Email", "Referrer email", "sian.pritchard@nhs.net", shown),
                                 ("Telephone", "Referrer telephone", "01632 960 418", shown)]),
        ("Section 2: Safeguarding lead", [("Safeguarding lead name", "Lead name", "Martin Oduya", shown),
                                          ("Safeguarding lead role", "Lead role", "Named Nurse", shown)]),
        ("Section 3: The child", [("Child's first name", "Child's first name", "Louie", shown),
                                  ("Child's surname", "Child's surname", "Pemberton", shown),
                                  ("Date of birth", "Child's date of birth", "22/11/2016", shown),
                                  (None, "Additional child - first name", "Rosa", "hidden print"),
                                  (None, "Additional child - surname", "Hartley", "hidden print"),
                                  (None, "Additional child - date of birth", "05/06/2014", "hidden print"),
                                  (None, "Date of death", "01/02/2025", "hidden")]),
        ("Section 4: The incident", [("Date of incident", "Date of incident", "09/03/2026", shown),
                                     ("Location", "Location of incident", "The family home", shown),
                                     ("Summary of what happened", "Summary", HIDDEN_SUMMARY, shown)]),
    ]
    path = _pdf_form(tmp_path / "hidden_fields.pdf", sections)
    flags = _widget_flags(path)
    assert flags["Child's first name"] == 4 and flags["Additional child - first name"] == 6 \
        and flags["Date of death"] == 2, flags
    values = {name: str(f.get("/V")) for name, f in (PdfReader(str(path)).get_fields() or {}).items()}
    assert values["Additional child - first name"] == "Rosa" and values["Date of death"] == "01/02/2025", values
    return path


def test_pdf_hidden_widgets_stale_values_are_not_read(tmp_path):
    """Hidden fields (/F 6: 'Additional child - first name' = 'Rosa' ...; /F 2: 'Date of death' = 01/02/2025) are
    no part of the record: one child, no Rosa, no date of death."""
    rec = _record(_hidden_widgets_form(tmp_path))
    assert len(rec["children"]) == 1, rec["children"]
    everything = " | ".join(_leaves(rec))
    assert "Rosa" not in everything and "Hartley" not in everything, everything
    assert rec["children"][0]["date_of_death"] is None, rec["children"][0]
    assert "2025-02-01" not in everything and "2014-06-05" not in everything, everything


def test_pdf_visible_fields_beside_hidden_ones_are_read(tmp_path):
    """Guard: the control for the test above, the visible fields of the same form (may pass on the old code)."""
    rec = _record(_hidden_widgets_form(tmp_path))
    _assert_fields(rec, {"referrer.name": "Sian Pritchard", "referrer.role": "School Nurse",
                         "referrer.email": "sian.pritchard@nhs.net", "referrer.phone": "01632960418",
                         "safeguarding_lead.name": "Martin Oduya",
                         "child.name": "Louie Pemberton", "child.dob": "2016-11-22",
                         "incident.date": "2026-03-09", "incident.location": "The family home",
                         "incident.summary": HIDDEN_SUMMARY})


# --- 4. PDF: field names starting with a section code; a real family of numbered rows -------------------------------

CODED_SUMMARY = ("Ellie-Mae was found by police in the early hours in the car park with an adult she had met "
                 "online; she had a cut to her lip and would not say how it happened.")
AGENCIES = [("Kelly Marsh", "Ashgrove Primary School", "01632 960 552"),
            ("DC Owen Blythe", "Cheshire Constabulary", "owen.blythe@cheshire.police.uk")]


def _agencies_table(c: Canvas, y: float) -> None:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y, "Section 5: Other agencies involved")
    y -= 22
    c.setFont("Helvetica-Bold", 10)
    for x, head in ((40, "Name"), (190, "Agency"), (380, "Contact")):
        c.drawString(x, y, head)
    y -= 22
    for n, row in enumerate(AGENCIES, start=1):
        for (x, width), part, value in zip(((40, 140), (190, 180), (380, 170)), ("Name", "Org", "Contact"), row):
            c.acroForm.textfield(name=f"Agency{n}_{part}", value=value, x=x, y=y, width=width, height=16,
                                 fontName="Helvetica", fontSize=9, borderWidth=1, annotationFlags="print")
        y -= 22


def _section_coded_form(tmp_path: Path) -> Path:
    f = "print"
    sections = [
        ("Section 1: Referrer", [("Date of referral", "S1_ref_date1", "12/03/2026", f),
                                 ("Referrer name", "S1_ref_name2", "Rachel Whitworth", f),
                                 ("Job title", "S1_ref_role3", "Youth Justice Officer", f),
                                 ("Organisation", "S1_ref_org4", "Cheshire East Youth Justice Service", f),
                                 ("Email", "S1_ref_email5", "r.whitworth@cheshireeast.gov.uk", f),
                                 ("Telephone", "S1_ref_phone6", "01632 960 731", f)]),
        ("Section 2: Safeguarding lead", [("Name", "S2_lead_name1", "Tom Gallagher", f),
                                          ("Role", "S2_lead_role2", "Service Manager", f)]),
        ("Section 3: The child", [("Child's full name", "S3_child_name1", "Ellie-Mae Corcoran", f),
                                  ("Date of birth", "S3_child_dob2", "30/01/2011", f)]),
        ("Section 4: The incident", [("Date of incident", "S4_inc_date1", "10/03/2026", f),
                                     ("Summary of what happened", "S4_summary2", CODED_SUMMARY, f),
                                     ("Location", "S4_location3", "Crewe bus station car park", f)]),
    ]
    path = _pdf_form(tmp_path / "coded_fields.pdf", sections, after=_agencies_table)
    names = set(PdfReader(str(path)).get_fields() or {})
    assert {"S1_ref_name2", "S2_lead_role2", "S4_location3", "Agency2_Contact"} <= names, sorted(names)
    return path


def test_pdf_field_names_starting_with_a_section_code_are_read_into_their_own_fields(tmp_path):
    """'S1_ref_name2', 'S2_lead_name1', 'S4_location3' ...: S1/S2/S4 are sections, not rows of a table."""
    rec = _record(_section_coded_form(tmp_path))
    _assert_fields(rec, {"referrer.name": "Rachel Whitworth", "referrer.role": "Youth Justice Officer",
                         "referrer.email": "r.whitworth@cheshireeast.gov.uk",
                         "safeguarding_lead.name": "Tom Gallagher", "safeguarding_lead.role": "Service Manager",
                         "incident.date": "2026-03-10", "incident.location": "Crewe bus station car park",
                         "child.name": "Ellie-Mae Corcoran", "child.dob": "2011-01-30"})
    in_agencies = " | ".join(_leaves(rec["agencies_involved"]))
    for value in ("Rachel Whitworth", "Tom Gallagher", "Youth Justice Officer", "Service Manager"):
        assert value not in in_agencies, rec["agencies_involved"]


def test_pdf_numbered_agency_row_fields_are_still_read_as_two_agencies(tmp_path):
    """Control: 'Agency1_Name', 'Agency1_Org', 'Agency1_Contact', 'Agency2_...' are a real family of rows, read as
    two agencies, beside the section-coded fields of the same form."""
    rec = _record(_section_coded_form(tmp_path))
    assert rec["agencies_involved"] == [{"name": n, "agency": a, "contact": c} for n, a, c in AGENCIES], \
        rec["agencies_involved"]
