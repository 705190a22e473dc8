"""Session 26: a Word form drawn as Word's "designed" templates draw it: every section a rounded-rectangle text box
holding the section's title paragraph and a label | answer table (w:tbl in the box's w:txbxContent). Word stores
such a shape twice, in one run: mc:AlternateContent whose mc:Choice Requires="wps" holds the DrawingML shape
(w:drawing / wp:inline or wp:anchor / a:graphic / wps:wsp / wps:txbx / w:txbxContent) and whose mc:Fallback holds
the VML one (w:pict / v:roundrect / v:textbox / w:txbxContent) with the same paragraphs and table again.

(1) each section's box in its own body paragraph (inline, and anchored); (2) the referrer's and the lead's boxes side
by side in the two cells of a borderless one-row layout table; (3) a title band box holding only paragraphs;
(4) control: VML only, no mc:AlternateContent. Each value is read once (the fallback copy is not read again).

Every form is a real .docx in tmp_path (python-docx, the shapes appended as raw WordprocessingML via lxml), read
through the public entry point in the default reading (both readers)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import record_of as _record

PARTNERSHIP = "Calderbrook Safeguarding Children Partnership"
PARTNERSHIP_EMAIL = "referrals@calderbrookscp.org.uk"
EMU_PT, DXA_PT = 12700, 20
# The body paragraph's parser wrapper; the document root (python-docx's template) already declares w, mc, wps, wp,
# v, o, w10, w14 and has mc:Ignorable="w14 wp14", so the moved runs resolve against it; a: is declared on a:graphic.
NSDECLS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

SUMMARY = ("Kacper was brought to the emergency department with a fractured wrist and bruising to his back. "
           "His mother's explanation of a fall from a bicycle did not match the injuries seen.")
ABOUT_YOU = ("1. About you", [("Name", "Priya Lawson"), ("Job title", "Deputy Headteacher"),
                              ("Organisation", "Calderbrook Primary School"),
                              ("Email", "p.lawson@calderbrook.sch.uk"), ("Telephone", "0113 496 0587")])
THE_LEAD = ("2. Your safeguarding lead", [("Name", "Margaret Oduya"), ("Role", "Designated Safeguarding Lead"),
                                          ("Organisation", "Calderbrook Learning Trust"),
                                          ("Email", "m.oduya@calderbrooktrust.org.uk"),
                                          ("Telephone", "0113 496 0100"),
                                          ("Have you discussed this with them?", "Yes")])
THE_CHILD = ("3. The child", [("Child's name", "Kacper Nowicki"), ("Date of birth", "22/07/2018"),
                              ("Gender", "Male"), ("Home address", "14 Ashgrove Road, Calderbrook, CB4 9TN")])
WHAT_HAPPENED = ("4. What happened", [("Date of incident", "15/10/2025"),
                                      ("Where it happened", "Calderbrook General Hospital"),
                                      ("What happened", SUMMARY)])

REFERRER = {"referrer.name": "Priya Lawson", "referrer.role": "Deputy Headteacher",
            "referrer.agency": "Calderbrook Primary School", "referrer.email": "p.lawson@calderbrook.sch.uk",
            "referrer.phone": "01134960587"}
LEAD = {"safeguarding_lead.name": "Margaret Oduya", "safeguarding_lead.role": "Designated Safeguarding Lead",
        "safeguarding_lead.agency": "Calderbrook Learning Trust",
        "safeguarding_lead.email": "m.oduya@calderbrooktrust.org.uk", "safeguarding_lead.phone": "01134960100",
        "safeguarding_lead.discussed": True}
CHILD = {"child.name": "Kacper Nowicki", "child.dob": "2018-07-22", "child.gender": "male"}
INCIDENT = {"incident.date": "2025-10-15", "incident.location": "Calderbrook General Hospital",
            "incident.summary": SUMMARY}
ALL_READ = {**REFERRER, **LEAD, **CHILD, **INCIDENT}
ONCE = ["Priya Lawson", "Deputy Headteacher", "Calderbrook Primary School", "p.lawson@calderbrook.sch.uk",
        "Margaret Oduya", "Calderbrook Learning Trust", "Kacper Nowicki", "2018-07-22", "14 Ashgrove Road",
        "2025-10-15", "Calderbrook General Hospital", "fractured wrist", "did not match the injuries"]

FULL_W, SIDE_W, CELL_W = 480, 232, 248          # points: a full-width box, a side-by-side box, a layout cell


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _p(text: str = "", bold: bool = False, size: float = 10, colour: str = "000000") -> str:
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:color w:val="{colour}"/><w:sz w:val="{int(size * 2)}"/></w:rPr>'
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr>{run}</w:p>'


def _lines(text: str, width_pt: float) -> int:
    return max(1, math.ceil(len(text) * 5.2 / max(width_pt - 12, 20)))


def _section_content(title: str, rows, box_w: int) -> tuple[str, int]:
    """The box's w:txbxContent (title paragraph, a bordered two-column table, the paragraph Word keeps after a
    table) and the box's height in points."""
    table_w = box_w - 18
    label_w = table_w * 2 // 5
    answer_w = table_w - label_w
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    trs, height = [], 20 + 16 + 12
    for label, answer in rows:
        trs.append(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{label_w * DXA_PT}" w:type="dxa"/>'
                   f'<w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/></w:tcPr>{_p(label, bold=True)}</w:tc>'
                   f'<w:tc><w:tcPr><w:tcW w:w="{answer_w * DXA_PT}" w:type="dxa"/></w:tcPr>{_p(answer)}</w:tc></w:tr>')
        height += 15 * max(_lines(label, label_w), _lines(answer, answer_w)) + 4
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{table_w * DXA_PT}" w:type="dxa"/><w:tblBorders>{borders}'
             f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
             f'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
             f'<w:gridCol w:w="{label_w * DXA_PT}"/><w:gridCol w:w="{answer_w * DXA_PT}"/></w:tblGrid>'
             f'{"".join(trs)}</w:tbl>')
    return f'<w:txbxContent>{_p(title, bold=True, size=12, colour="1F4E79")}{table}{_p()}</w:txbxContent>', height


def _band_content(paragraphs) -> tuple[str, int]:
    """A box of paragraphs only (no table): (text, bold, size) each."""
    body = "".join(_p(text, bold, size, "1F4E79") for text, bold, size in paragraphs)
    return f"<w:txbxContent>{body}</w:txbxContent>", 12 + sum(int(size * 1.5) + 3 for _, _, size in paragraphs)


def _vml(content: str, n: int, w: int, h: int, anchor: bool) -> str:
    """The VML rounded rectangle holding the same w:txbxContent."""
    place = ("position:absolute;margin-left:0;margin-top:0;z-index:{};mso-position-horizontal-relative:text;"
             "mso-position-vertical-relative:text;".format(251658240 + n) if anchor else
             "mso-position-horizontal-relative:char;mso-position-vertical-relative:line;")
    wrap = '<w10:wrap type="topAndBottom"/>' if anchor else ""
    return (f'<w:pict><v:roundrect id="Rounded Rectangle {n}" o:spid="_x0000_s{1025 + n}" '
            f'style="{place}width:{w}pt;height:{h}pt;v-text-anchor:top" arcsize="4000f" fillcolor="white" '
            f'strokecolor="#1f4e79" strokeweight="1pt"><v:textbox style="mso-fit-shape-to-text:t">{content}'
            f'</v:textbox>{wrap}</v:roundrect></w:pict>')


def _boxed_run(content: str, height: int, n: int, width: int = FULL_W, anchor: bool = False,
               vml_only: bool = False) -> str:
    """One run holding the box as Word writes it: mc:AlternateContent, Choice Requires='wps' (the DrawingML shape,
    wp:inline or wp:anchor), Fallback the VML; or (``vml_only``) a bare w:pict, as older Word wrote it."""
    if vml_only:
        return f'<w:r><w:rPr><w:noProof/></w:rPr>{_vml(content, n, width, height, anchor)}</w:r>'
    cx, cy = width * EMU_PT, height * EMU_PT
    extent = f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    if anchor:
        head = (f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
                f'relativeHeight="{251658240 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
                f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
                f'</wp:positionV>{extent}<wp:wrapTopAndBottom/>')
    else:
        head = f'<wp:inline distT="0" distB="0" distL="0" distR="0">{extent}'
    shape = (f'<wp:docPr id="{n}" name="Rounded Rectangle {n}"/><wp:cNvGraphicFramePr/>'
             f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{WPS_URI}"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
             f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="roundRect">'
             f'<a:avLst><a:gd name="adj" fmla="val 6000"/></a:avLst></a:prstGeom><a:solidFill><a:srgbClr '
             f'val="FFFFFF"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill>'
             f'</a:ln></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" '
             f'lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/>'
             f'</wps:bodyPr></wps:wsp></a:graphicData></a:graphic>')
    tail = "</wp:anchor>" if anchor else "</wp:inline>"
    return (f'<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'{head}{shape}{tail}</w:drawing></mc:Choice><mc:Fallback>{_vml(content, n, width, height, anchor)}'
            f'</mc:Fallback></mc:AlternateContent></w:r>')


def _append_run(paragraph, xml: str) -> None:
    """Append the run to an (otherwise empty) python-docx paragraph."""
    for run in parse_xml(f"<w:p {NSDECLS}>{xml}</w:p>"):
        paragraph._p.append(run)


def _new_document():
    doc = Document()
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(0.8)
    return doc


def _title(doc) -> None:
    for text, size in ((PARTNERSHIP, 14), ("Case Referral Form", 18)):
        doc.add_paragraph().add_run(text).bold = True
        doc.paragraphs[-1].runs[0].font.size = Pt(size)


def _box_paragraph(doc, section, n: int, **kw) -> None:
    content, height = _section_content(*section, kw.get("width", FULL_W))
    _append_run(doc.add_paragraph(), _boxed_run(content, height, n, **kw))


def _boxed_form(path: Path, anchor: bool = False, vml_only: bool = False) -> Path:
    """Title paragraphs, then the four sections, each a box in its own body paragraph."""
    doc = _new_document()
    _title(doc)
    for n, section in enumerate((ABOUT_YOU, THE_LEAD, THE_CHILD, WHAT_HAPPENED), start=1):
        _box_paragraph(doc, section, n, anchor=anchor, vml_only=vml_only)
    doc.save(path)
    return path


def _side_by_side_form(path: Path) -> Path:
    """Title paragraphs; a one-row borderless layout table whose two cells hold the referrer's and the lead's
    boxes; then the child's and the incident's boxes, full width, in body paragraphs."""
    doc = _new_document()
    _title(doc)
    layout = doc.add_table(rows=1, cols=2)
    tbl_pr = layout._tbl.tblPr
    nil = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl_pr.find(qn("w:tblLook")).addprevious(parse_xml(f"<w:tblBorders {NSDECLS}>{nil}</w:tblBorders>"))
    for col in layout._tbl.tblGrid.findall(qn("w:gridCol")):
        col.set(qn("w:w"), str(CELL_W * DXA_PT))
    for n, (cell, section) in enumerate(zip(layout.rows[0].cells, (ABOUT_YOU, THE_LEAD)), start=1):
        cell.width = Pt(CELL_W)
        content, height = _section_content(*section, SIDE_W)
        _append_run(cell.paragraphs[0], _boxed_run(content, height, n, width=SIDE_W))
    for n, section in enumerate((THE_CHILD, WHAT_HAPPENED), start=3):
        _box_paragraph(doc, section, n)
    doc.save(path)
    return path


def _title_band_form(path: Path) -> Path:
    """No title in the body: a title band box of paragraphs only (the partnership, 'Case Referral Form', the
    guidance sentence with the partnership's e-mail, the date of referral), then the four section boxes."""
    doc = _new_document()
    content, height = _band_content([
        (PARTNERSHIP, True, 14), ("Case Referral Form", True, 18),
        (f"Please complete every section and e-mail the form to {PARTNERSHIP_EMAIL} on the day you complete it.",
         False, 10),
        ("Date of referral: 16/10/2025", True, 10)])
    _append_run(doc.add_paragraph(), _boxed_run(content, height, 9))
    for n, section in enumerate((ABOUT_YOU, THE_LEAD, THE_CHILD, WHAT_HAPPENED), start=1):
        _box_paragraph(doc, section, n)
    doc.save(path)
    return path


def _assert_each_value_once(rec: dict) -> None:
    values = _leaves(rec)
    counts = {v: sum(leaf.count(v) for leaf in values) for v in ONCE}
    assert counts == dict.fromkeys(ONCE, 1), values
    assert [c["name"] for c in rec["children"]] == ["Kacper Nowicki"], rec["children"]


# =====================================================================================================================
# 1. Every section a box (DrawingML choice + VML fallback) in its own body paragraph
# =====================================================================================================================

@pytest.mark.parametrize("anchor", [False, True], ids=["inline", "anchored"])
def test_sections_in_text_boxes_with_vml_fallback_are_read(tmp_path, anchor):
    """Four rounded-rectangle text boxes (1. About you, 2. Your safeguarding lead, 3. The child, 4. What happened),
    each in its own body paragraph, inline or anchored, each holding its title paragraph and a label | answer table,
    stored as DrawingML with a VML fallback: the referrer's, the lead's (discussed: yes), the child's and the
    incident's values (date, place, the two-sentence summary) are read into the record."""
    rec = _record(_boxed_form(tmp_path / "referral.docx", anchor=anchor))
    _assert_fields(rec, ALL_READ)


@pytest.mark.parametrize("anchor", [False, True], ids=["inline", "anchored"])
def test_sections_in_text_boxes_are_not_read_twice_from_the_vml_fallback(tmp_path, anchor):
    """The same form: each value appears once in the record (one child, not a second one from the fallback copy;
    no name, e-mail, date or sentence doubled)."""
    rec = _record(_boxed_form(tmp_path / "referral.docx", anchor=anchor))
    _assert_each_value_once(rec)


# =====================================================================================================================
# 2. The referrer's and the lead's boxes side by side in a borderless layout table
# =====================================================================================================================

def test_boxes_side_by_side_in_a_layout_table_keep_referrer_and_lead_apart(tmp_path):
    """The referrer's and the lead's boxes in the two cells of a one-row borderless layout table, the child's and
    the incident's boxes full width below: the same values are read, the referrer's as the referrer's and the
    lead's as the lead's, each once."""
    rec = _record(_side_by_side_form(tmp_path / "referral.docx"))
    _assert_fields(rec, ALL_READ)
    _assert_each_value_once(rec)


# =====================================================================================================================
# 3. A box of paragraphs only: the title band
# =====================================================================================================================

def test_title_band_box_of_paragraphs_with_the_partnership_email_still_parses(tmp_path):
    """The form's title only in a title band box of paragraphs (no table), with the guidance sentence giving the
    partnership's e-mail: the form is recognised and parsed, the referrer and the lead are read with their own
    e-mails (not the partnership's), the child and the incident too."""
    rec = _record(_title_band_form(tmp_path / "referral.docx"))
    _assert_fields(rec, ALL_READ)


def test_title_band_box_of_paragraphs_gives_its_text(tmp_path):
    """The words of a box that holds only paragraphs are not lost: 'Date of referral: 16/10/2025' written in the
    title band box is the record's date of referral."""
    rec = _record(_title_band_form(tmp_path / "referral.docx"))
    assert rec["date_of_referral"] == "2025-10-16", rec


# =====================================================================================================================
# 4. Control: VML only (no mc:AlternateContent)
# =====================================================================================================================

def test_control_sections_in_vml_only_text_boxes_are_read_once(tmp_path):
    """Control: the same four sections as bare VML boxes (w:pict / v:roundrect / v:textbox / w:txbxContent with the
    table; no DrawingML, no mc:AlternateContent): the values are read, each once."""
    rec = _record(_boxed_form(tmp_path / "referral.docx", vml_only=True))
    _assert_fields(rec, ALL_READ)
    _assert_each_value_once(rec)
