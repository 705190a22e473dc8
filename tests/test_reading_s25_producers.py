"""Session 25: what particular producers leave in a form. (1) A PDF Portfolio (catalog /Collection, the completed
form and a covering letter in /EmbeddedFiles, the container's own page only a cover); (2) a Word drawing canvas
(wpc:wpc) of label / answer text boxes placed by position and written in a scrambled order; (3) corrections made in
a PDF by drawing a white rectangle over a wrong value and the right value on top; (4) a grey example on its own line
under 'N/A' in an answer box; (5) Word EQ fields (overstrike \\o and enclose \\o\\ac) marking the chosen option;
(6) printed options with nothing marked; (7) a replier's initials ('[TP] ', 'MM: ') before every answer of a returned
questionnaire; (8) a fillable PDF whose family-numbered fields (c1_first, ag1_agency …) say what they are only in
their tooltips (/TU); (9) marks typed after empty boxes ('☐x', '☐ YES ✓'); (10) a legacy drop-down left on its
'Please select' prompt with the answer typed after it; (11) a third option 'No information'.

Every form is a real file in tmp_path: python-docx (raw WordprocessingML via lxml where python-docx cannot write the
feature), reportlab (canvas, invariant=1), pypdf for PDF structure; read through the public entry point, parse_bytes,
in the default reading (both readers).

Controls: an ordinary PDF with a file attached (no /Collection) is read from its own pages; a single text box beside
a label in an ordinary paragraph; a white box background drawn before its text; a single answer 'GP: Dr Shah'."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import fields as _fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import record_of as _record

PARTNERSHIP = "Calderbrook Safeguarding Children Partnership"
BOLD, PLAIN, SIZE = "Helvetica-Bold", "Helvetica", 10

NSDECLS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)

REFERRER = {"referrer.name": "Priya Lawson", "referrer.role": "Deputy Headteacher",
            "referrer.agency": "Calderbrook Primary School", "referrer.email": "p.lawson@calderbrook.sch.uk",
            "referrer.phone": "01134960587"}
CHILD = {"child.name": "Kacper Nowicki", "child.dob": "2018-07-22"}
INCIDENT = {"incident.date": "2025-10-15", "incident.location": "Calderbrook General Hospital"}


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _runs_xml(xml: str) -> list:
    """Parse a run sequence (one or more w:r …) into elements."""
    wrapper = parse_xml(f"<w:p {NSDECLS}>{xml}</w:p>")
    return list(wrapper)


def _t(text: str, colour: str | None = None) -> str:
    rpr = f'<w:rPr><w:color w:val="{colour}"/></w:rPr>' if colour else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _append_runs(paragraph, xml: str) -> None:
    for run in _runs_xml(xml):
        paragraph._p.append(run)


def _bold_para(container, text: str, size: float | None = None):
    para = container.add_paragraph()
    run = para.add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)
    return para


def _word_header(doc) -> None:
    _bold_para(doc, PARTNERSHIP, 14)
    _bold_para(doc, "Case Referral Form", 16)


def _word_table(doc, rows) -> None:
    """A two-column 'Table Grid' table: bold label | answer. An answer is text (lines split on newlines), or a
    callable given the answer cell's first paragraph (to write raw runs)."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, answer) in zip(table.rows, rows):
        left, right = row.cells
        left.paragraphs[0].add_run(label).bold = True
        if callable(answer):
            answer(right.paragraphs[0])
        elif answer:
            lines = answer.split("\n")
            right.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                right.add_paragraph(line)


def _word_form(path: Path, sections) -> Path:
    doc = Document()
    _word_header(doc)
    for heading, rows in sections:
        doc.add_heading(heading, level=2)
        _word_table(doc, rows)
    doc.save(path)
    return path


ABOUT_YOU = [("Referrer's name", "Priya Lawson"), ("Job title", "Deputy Headteacher"),
             ("Organisation", "Calderbrook Primary School"), ("Email", "p.lawson@calderbrook.sch.uk"),
             ("Telephone", "0113 496 0587")]
THE_CHILD = [("Child's full name", "Kacper Nowicki"), ("Date of birth", "22/07/2018")]
WHAT_HAPPENED = [("Date of incident", "15/10/2025"), ("Location of incident", "Calderbrook General Hospital")]


# =====================================================================================================================
# 1. PDF Portfolio: the completed form is an embedded file, the container's page only a cover
# =====================================================================================================================

def _pdf_label_answer(rows_by_section, title: str = "Case Referral Form") -> bytes:
    """A reportlab form: title, partnership, then each section heading over a ruled label | answer table."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, title)
    c.setFont(PLAIN, 9)
    c.drawString(40, 785, PARTNERSHIP)
    y = 750
    for heading, rows in rows_by_section:
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 8
        for label, answer in rows:
            c.rect(40, y - 20, 180, 20, stroke=1, fill=0)
            c.rect(220, y - 20, 320, 20, stroke=1, fill=0)
            c.setFont(BOLD, SIZE)
            c.drawString(45, y - 14, label)
            c.setFont(PLAIN, SIZE)
            c.drawString(225, y - 14, answer)
            y -= 20
        y -= 24
    c.showPage()
    c.save()
    return buf.getvalue()


FORM_SECTIONS = [
    ("Section 1: About you", [("Date of referral", "16/10/2025"), ("Referrer's name", "Priya Lawson"),
                              ("Organisation", "Calderbrook Primary School")]),
    ("Section 2: The child", [("Child's full name", "Kacper Nowicki"), ("Date of birth", "22/07/2018")]),
    ("Section 3: What happened", [("Date of incident", "15/10/2025"),
                                  ("Location of incident", "Calderbrook General Hospital")]),
]
FORM_READ = {"referrer.name": "Priya Lawson", "referrer.agency": "Calderbrook Primary School", **CHILD,
             **INCIDENT}


def _covering_letter() -> bytes:
    """Prose on headed paper, dated 20 October 2025, 'Dear colleague'."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(BOLD, 12)
    c.drawString(40, 800, "Calderbrook Primary School")
    c.setFont(PLAIN, SIZE)
    lines = ["Ashgrove Road, Calderbrook, CB4 9TN", "", "20 October 2025", "", "Dear colleague,", "",
             "Please find enclosed a Case Referral Form concerning a pupil at our school. I would be grateful if the",
             "partnership could consider it at the next Rapid Review meeting. I spoke with Mr Daniel Firth of the",
             "local authority designated officer service on 19 October 2025 and he agreed that a referral was",
             "appropriate.", "", "Yours sincerely,", "", "Margaret Oduya", "Headteacher"]
    y = 770
    for line in lines:
        c.drawString(40, y, line)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def _cover_page() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(BOLD, 14)
    c.drawString(40, 790, "PDF Portfolio")
    c.setFont(PLAIN, SIZE)
    c.drawString(40, 770, "This portfolio holds 2 documents.")
    c.drawString(40, 755, "For the best experience, open this PDF portfolio in Acrobat X or Adobe Reader X, or later.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _portfolio(tmp_path: Path, initial: bool = True) -> Path:
    """A cover page; /EmbeddedFiles holding 'Covering letter.pdf' and 'Referral form - K Nowicki.pdf' (the letter
    first in the name tree); /Collection with /D naming the form (``initial``) or no /D."""
    form_name = "Referral form - K Nowicki.pdf"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_cover_page())))
    writer.add_attachment("Covering letter.pdf", _covering_letter())
    writer.add_attachment(form_name, _pdf_label_answer(FORM_SECTIONS))
    collection = DictionaryObject({NameObject("/Type"): NameObject("/Collection"),
                                   NameObject("/View"): NameObject("/D")})
    if initial:
        collection[NameObject("/D")] = TextStringObject(form_name)
    writer._root_object[NameObject("/Collection")] = collection
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseAttachments")
    path = tmp_path / "referral-portfolio.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


@pytest.mark.parametrize("initial", [True, False], ids=["collection_D_names_the_form", "collection_without_D"])
def test_pdf_portfolio_reads_the_embedded_form_not_the_cover_or_the_covering_letter(tmp_path, initial):
    """A PDF Portfolio whose own page says only 'This portfolio holds 2 documents', holding the completed form and a
    covering letter dated 20 October 2025 ('Dear colleague'): the form's answers are read (referrer, child's name
    and date of birth, incident date and place, date of referral 16/10/2025), whether /Collection's /D names the
    form or there is no /D; nothing is taken from the letter."""
    rec = _record(_portfolio(tmp_path, initial))
    assert {**_fields(rec, FORM_READ), "date_of_referral": rec["date_of_referral"]} == {
        **FORM_READ, "date_of_referral": "2025-10-16"}
    assert not any(v in ("2025-10-20", "2025-10-19") or "Oduya" in v or "Firth" in v for v in _leaves(rec)), rec


def test_pdf_with_a_file_attached_but_no_collection_is_read_from_its_own_pages(tmp_path):
    """An ordinary PDF form (no /Collection) with an earlier referral about another child attached: the record is
    the form's own answers (Kacper Nowicki, 22/07/2018, incident 15/10/2025), not the attachment's."""
    attached = _pdf_label_answer([
        ("Section 1: About you", [("Date of referral", "03/03/2024"), ("Referrer's name", "Gareth Nolan"),
                                  ("Organisation", "Calderbrook Children's Centre")]),
        ("Section 2: The child", [("Child's full name", "Mason Pryce"), ("Date of birth", "09/01/2016")]),
        ("Section 3: What happened", [("Date of incident", "01/03/2024"), ("Location of incident", "Home")]),
    ])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_label_answer(FORM_SECTIONS))))
    writer.add_attachment("Earlier referral - M Pryce.pdf", attached)
    path = tmp_path / "referral.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    rec = _record(path)
    assert {**_fields(rec, FORM_READ), "date_of_referral": rec["date_of_referral"]} == {
        **FORM_READ, "date_of_referral": "2025-10-16"}
    assert [c["name"] for c in rec["children"]] == ["Kacper Nowicki"], rec["children"]


# =====================================================================================================================
# 2. Word drawing canvas: label / answer text boxes placed by a:off / a:ext, written in a scrambled order
# =====================================================================================================================

EMU_PT = 12700
CANVAS_ROWS = [("Referrer's name", "Priya Lawson"), ("Referrer's job title", "Deputy Headteacher"),
               ("Referrer's organisation", "Calderbrook Primary School"),
               ("Referrer's telephone", "0113 496 0587"), ("Child's full name", "Kacper Nowicki"),
               ("Child's date of birth", "22/07/2018"), ("Date of incident", "15/10/2025"),
               ("Location of incident", "Calderbrook General Hospital")]
CANVAS_READ = {"referrer.name": "Priya Lawson", "referrer.role": "Deputy Headteacher",
               "referrer.agency": "Calderbrook Primary School", "referrer.phone": "01134960587", **CHILD,
               **INCIDENT}


def _txbx_content(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:txbxContent><w:p><w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r></w:p></w:txbxContent>'


def _canvas_run(boxes) -> str:
    """An inline drawing canvas (mc:AlternateContent: Choice Requires='wpc' holding wpc:wpc, Fallback a VML group):
    ``boxes`` are (text, bold, x, y, w, h) in points, written in the order given."""
    width, height = 450, 40 + 26 * len(CANVAS_ROWS)
    shapes, vml = [], []
    for n, (text, bold, x, y, w, h) in enumerate(boxes, start=2):
        shapes.append(
            f'<wps:wsp><wps:cNvPr id="{n}" name="Text Box {n}"/><wps:cNvSpPr txBox="1"/>'
            f'<wps:spPr><a:xfrm><a:off x="{x * EMU_PT}" y="{y * EMU_PT}"/><a:ext cx="{w * EMU_PT}" cy="{h * EMU_PT}"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="lt1"/>'
            f'</a:solidFill><a:ln w="6350"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:txbx>{_txbx_content(text, bold)}</wps:txbx>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            f'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>')
        vml.append(
            f'<v:shape id="Text Box {n}" o:spid="_x0000_s10{n:02d}" type="#_x0000_t202" '
            f'style="position:absolute;left:{x * 100};top:{y * 100};width:{w * 100};height:{h * 100};'
            f'visibility:visible" '
            f'fillcolor="white [3201]" strokeweight=".5pt"><v:textbox>{_txbx_content(text, bold)}</v:textbox>'
            f'</v:shape>')
    return (
        f'<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wpc"><w:drawing>'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width * EMU_PT}" cy="{height * EMU_PT}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Canvas 1"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas">'
        f'<wpc:wpc><wpc:bg/><wpc:whole/>{"".join(shapes)}</wpc:wpc></a:graphicData></a:graphic></wp:inline>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:group id="Canvas 1" o:spid="_x0000_s1026" editas="canvas" '
        f'style="width:{width}pt;height:{height}pt;mso-position-horizontal-relative:char;'
        f'mso-position-vertical-relative:line" coordsize="{width * 100},{height * 100}">'
        f'<o:lock v:ext="edit" aspectratio="t"/>'
        f'<v:shape id="_x0000_s1027" type="#_x0000_t75" style="position:absolute;width:{width * 100};'
        f'height:{height * 100};visibility:visible" o:preferrelative="f"><v:fill o:detectmouseclick="t"/>'
        f'<v:path o:extrusionok="t" o:connecttype="none"/></v:shape>{"".join(vml)}'
        f'<w10:anchorlock/></v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def _canvas_form(tmp_path: Path) -> Path:
    """A title box across the top, then eight rows: label box at x=0, answer box at x=170, 26 pt apart. Written
    order: the title, the first seven labels (rows 4-7 before rows 1-3), their seven answers in reverse order, and
    the last row's label and answer added last."""
    title = ("Case Referral Form - " + PARTNERSHIP, True, 0, 0, 450, 28)
    placed = [((label, True, 0, 36 + 26 * i, 165, 22), (answer, False, 170, 36 + 26 * i, 280, 22))
              for i, (label, answer) in enumerate(CANVAS_ROWS)]
    first = placed[:-1]
    labels = [lab for lab, _ in first[3:]] + [lab for lab, _ in first[:3]]
    answers = [ans for _, ans in reversed(first)]
    boxes = [title, *labels, *answers, *placed[-1]]
    doc = Document()
    _bold_para(doc, "OFFICIAL-SENSITIVE")
    doc.add_heading("Section 1: About the referral", level=2)
    para = doc.add_paragraph()
    _append_runs(para, _canvas_run(boxes))
    doc.add_heading("Section 2: Declaration", level=2)
    doc.add_paragraph("I confirm that the information given above is accurate to the best of my knowledge.")
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def test_word_drawing_canvas_of_scrambled_label_and_answer_text_boxes_reads_each_answer_for_its_label(tmp_path):
    """An inline drawing canvas (wpc:wpc, VML fallback too) holding a title box across the top and label / answer
    text boxes placed side by side by a:off / a:ext, written all labels first (out of order), then the answers in
    reverse, one pair last: each answer is read for the label beside it (referrer's name, job title, organisation,
    telephone; child's name and date of birth; incident date and location)."""
    rec = _record(_canvas_form(tmp_path))
    _assert_fields(rec, CANVAS_READ)


def _anchored_text_box(text: str) -> str:
    """A floating text box as Word inserts it: mc:AlternateContent, Choice Requires='wps' (wp:anchor holding a
    wps:wsp), Fallback a VML text box."""
    cx, cy = 160 * EMU_PT, 20 * EMU_PT
    return (
        f'<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="251659264" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{130 * EMU_PT}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="7" name="Text Box 7"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:prstClr val="black"/>'
        f'</a:solidFill></a:ln></wps:spPr><wps:txbx>{_txbx_content(text)}</wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape id="Text Box 7" o:spid="_x0000_s1040" type="#_x0000_t202" style="position:absolute;'
        f'margin-left:130pt;margin-top:0;width:160pt;height:20pt;z-index:251659264" strokeweight=".5pt">'
        f'<v:textbox>{_txbx_content(text)}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_word_single_text_box_beside_a_label_in_an_ordinary_paragraph_is_read_after_the_label(tmp_path):
    """'Label: answer' paragraphs under section headings, but the child's name typed in a floating text box placed
    beside the label 'Child's full name:' (in that paragraph): the name is the text box's text, and the other
    paragraphs read as before."""
    doc = Document()
    _word_header(doc)
    for heading, rows in (("Section 1: About you", ABOUT_YOU), ("Section 2: The child", THE_CHILD),
                          ("Section 3: What happened", WHAT_HAPPENED)):
        doc.add_heading(heading, level=2)
        for label, answer in rows:
            para = doc.add_paragraph()
            para.add_run(label + ": ").bold = True
            if label == "Child's full name":
                _append_runs(para, _anchored_text_box(answer))
            else:
                para.add_run(answer)
    path = tmp_path / "referral.docx"
    doc.save(path)
    rec = _record(path)
    _assert_fields(rec, {**REFERRER, **CHILD, **INCIDENT})


# =====================================================================================================================
# 3. Whited-out corrections in a PDF
# =====================================================================================================================

CORRECTED_ROWS = [("Section 1: About you", [("Referrer's name", "Priya Lawson"),
                                            ("Organisation", "Calderbrook Primary School"),
                                            ("Email", ("p.lawson@calderbrok.sch.uk", "p.lawson@calderbrook.sch.uk")),
                                            ("Telephone", "0113 496 0587")]),
                  ("Section 2: The child", [("Child's full name", "Kacper Nowicki"), ("Date of birth", "22/07/2018")]),
                  ("Section 3: What happened", [("Date of incident", ("14/10/2025", "15/10/2025")),
                                               ("Location of incident", "Calderbrook General Hospital")])]


def _corrections_pdf(path: Path, white_backgrounds: bool) -> Path:
    """A ruled label | answer form. An answer given as (wrong, right) is drawn wrong first, then a white filled
    rectangle over it, then the right value at the same place. ``white_backgrounds``: the page's sections are on a
    light grey panel and every answer box is a white filled rectangle drawn before its text (no corrections)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 785, PARTNERSHIP)
    y = 750
    for heading, rows in CORRECTED_ROWS:
        c.setFillColorRGB(0, 0, 0)
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 8
        if white_backgrounds:
            c.setFillColorRGB(0.85, 0.85, 0.85)
            c.rect(36, y - 20 * len(rows) - 4, 508, 20 * len(rows) + 8, stroke=0, fill=1)
        for label, answer in rows:
            c.setStrokeColorRGB(0, 0, 0)
            if white_backgrounds:
                c.setFillColorRGB(1, 1, 1)
                c.rect(220, y - 20, 320, 20, stroke=1, fill=1)
            else:
                c.rect(220, y - 20, 320, 20, stroke=1, fill=0)
            c.rect(40, y - 20, 180, 20, stroke=1, fill=0)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(BOLD, SIZE)
            c.drawString(45, y - 14, label)
            c.setFont(PLAIN, SIZE)
            if isinstance(answer, tuple):
                wrong, right = answer
                if white_backgrounds:
                    c.drawString(225, y - 14, right)
                else:
                    c.drawString(225, y - 14, wrong)
                    c.setFillColorRGB(1, 1, 1)
                    c.rect(223, y - 17, stringWidth(wrong, PLAIN, SIZE) + 4, 14, stroke=0, fill=1)
                    c.setFillColorRGB(0, 0, 0)
                    c.drawString(225, y - 14, right)
            else:
                c.drawString(225, y - 14, answer)
            y -= 20
        y -= 26
    c.showPage()
    c.save()
    return path


def test_pdf_value_whited_out_and_retyped_on_top_reads_the_right_value_and_never_the_wrong_one(tmp_path):
    """The incident date drawn as 14/10/2025, covered by a white filled rectangle, and 15/10/2025 drawn on top at the
    same place; the referrer's email likewise (p.lawson@calderbrok.sch.uk covered, p.lawson@calderbrook.sch.uk on
    top): the record has the right date and email, and the wrong values appear nowhere in it."""
    rec = _record(_corrections_pdf(tmp_path / "referral.pdf", white_backgrounds=False))
    _assert_fields(rec, {"incident.date": "2025-10-15", "referrer.email": "p.lawson@calderbrook.sch.uk"})
    for value in _leaves(rec):
        assert "2025-10-14" not in value and "14/10/2025" not in value and "calderbrok." not in value, (value, rec)


def test_pdf_white_box_background_drawn_before_its_text_hides_nothing(tmp_path):
    """Control: sections on a grey panel with each answer box a white filled rectangle drawn BEFORE its text (a box
    background, no correction): every answer drawn on it is read."""
    rec = _record(_corrections_pdf(tmp_path / "referral.pdf", white_backgrounds=True))
    _assert_fields(rec, {"referrer.name": "Priya Lawson", "referrer.agency": "Calderbrook Primary School",
                         "referrer.email": "p.lawson@calderbrook.sch.uk", "referrer.phone": "01134960587",
                         **CHILD, **INCIDENT})


# =====================================================================================================================
# 4. A grey example on its own line under 'N/A' in an answer box
# =====================================================================================================================

def _example_docx(tmp_path: Path) -> Path:
    def death(para):
        para.add_run("N/A")
        example = para._parent.add_paragraph().add_run("e.g. 01/01/2015")
        example.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        example.font.size = Pt(8)
    return _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD, ("Date of death", death)]),
        ("Section 3: What happened", WHAT_HAPPENED)])


def _example_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "referral.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 785, PARTNERSHIP)
    y = 750
    for heading, rows in (("Section 1: About you", ABOUT_YOU),
                          ("Section 2: The child", [*THE_CHILD, ("Date of death", None)]),
                          ("Section 3: What happened", WHAT_HAPPENED)):
        c.setFillColorRGB(0, 0, 0)
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 8
        for label, answer in rows:
            h = 20 if answer else 32
            c.rect(40, y - h, 180, h, stroke=1, fill=0)
            c.rect(220, y - h, 320, h, stroke=1, fill=0)
            c.setFont(BOLD, SIZE)
            c.drawString(45, y - 14, label)
            c.setFont(PLAIN, SIZE)
            if answer:
                c.drawString(225, y - 14, answer)
            else:
                c.drawString(225, y - 14, "N/A")
                c.setFillColorRGB(0.5, 0.5, 0.5)
                c.setFont(PLAIN, 8)
                c.drawString(225, y - 26, "e.g. 01/01/2015")
                c.setFillColorRGB(0, 0, 0)
            y -= h
        y -= 26
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_answer_box_holding_na_over_a_grey_example_line_gives_a_null_date_of_death(tmp_path, kind):
    """The 'Date of death' answer box holds 'N/A' on one line and a grey 'e.g. 01/01/2015' on the next: the child's
    date of death is null, never 2015-01-01 (the child's name and date of birth beside it are read)."""
    rec = _record(_example_docx(tmp_path) if kind == "docx" else _example_pdf(tmp_path))
    assert rec["children"], rec
    assert rec["children"][0]["date_of_death"] is None, rec["children"]
    assert "2015-01-01" not in _leaves(rec), rec
    _assert_fields(rec, CHILD)


# =====================================================================================================================
# 5. Word EQ fields: overstrike \o(□,√) and enclose \o\ac(○,N), field code only (no result)
# =====================================================================================================================

def _eq_field(code: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {_esc(code)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _overstrike_options(chosen: str):
    """'□ Yes   □ No' with the chosen option's box instead the field EQ \\o(□,√)."""
    def write(para):
        parts = []
        for i, option in enumerate(("Yes", "No")):
            gap = "   " if i else ""
            if option == chosen:
                parts.append(_t(gap) if gap else "")
                parts.append(_eq_field("EQ \\o(□,√)"))
                parts.append(_t(" " + option))
            else:
                parts.append(_t(f"{gap}□ {option}"))
        _append_runs(para, "".join(p for p in parts if p))
    return write


def test_word_eq_overstrike_tick_over_a_box_marks_that_option(tmp_path):
    """Options printed '□ Yes   □ No' where the chosen option's box is the field EQ \\o(□,√) (a tick struck over
    the box, field code only): 'Is abuse or neglect of the child known or suspected?' → True (Yes struck), 'Police
    involved?' → False (No struck), 'Has the child died or been seriously harmed?' → True."""
    path = _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", THE_CHILD),
        ("Section 3: What happened", [*WHAT_HAPPENED, ("Police involved?", _overstrike_options("No"))]),
        ("Section 4: The criteria", [
            ("Has the child died or been seriously harmed?", _overstrike_options("Yes")),
            ("Is abuse or neglect of the child known or suspected?", _overstrike_options("Yes"))]),
    ])
    rec = _record(path)
    assert {"police_involved": rec["incident"]["police_involved"],
            "died_or_seriously_harmed": rec["criteria"]["died_or_seriously_harmed"],
            "abuse_or_neglect_suspected": rec["criteria"]["abuse_or_neglect_suspected"]} == {
        "police_involved": False, "died_or_seriously_harmed": True, "abuse_or_neglect_suspected": True}


def _enclosed_letter(chosen: str):
    """'Y   N   ?' where the chosen letter exists only in the field eq \\o\\ac(○,X); the visible text holds the
    other letters."""
    def write(para):
        parts = []
        for i, letter in enumerate(("Y", "N", "?")):
            gap = "   " if i else ""
            if letter == chosen:
                if gap:
                    parts.append(_t(gap))
                parts.append(_eq_field(f"eq \\o\\ac(○,{letter})"))
            else:
                parts.append(_t(gap + letter))
        _append_runs(para, "".join(parts))
    return write


KEY = " (Y = Yes, N = No, ? = Unsure - circle one)"


@pytest.mark.xfail(strict=True, reason="known gap (session 25): with the key typed on the question's own line ('...plan? (Y = Yes, N = No, ? = Unsure - circle one)') the rule reader takes the key for the answer and the trained reader's confidence for the circled option is 0.95, under its bar; with the key on a line of its own (as unseen25 prints it) the circled letter is read")
def test_word_eq_enclosed_letter_circles_the_chosen_answer(tmp_path):
    """Cells 'Y   N   ?' under the key '(Y = Yes, N = No, ? = Unsure - circle one)', the chosen letter only inside
    the field eq \\o\\ac(○,N) (an enclosed character, field code only): 'Is the child subject to a child protection
    plan?' with N circled → False; 'Were the police involved?' with Y circled → True."""
    path = _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD,
                                  ("Is the child subject to a child protection plan?" + KEY, _enclosed_letter("N"))]),
        ("Section 3: What happened", [*WHAT_HAPPENED, ("Were the police involved?" + KEY, _enclosed_letter("Y"))]),
    ])
    rec = _record(path)
    assert rec["children"], rec
    assert {"cp_plan": rec["children"][0]["cp_plan"], "police_involved": rec["incident"]["police_involved"]} == {
        "cp_plan": False, "police_involved": True}


# =====================================================================================================================
# 6. Printed options, none marked
# =====================================================================================================================

def test_word_printed_yes_no_not_recorded_with_no_mark_is_null(tmp_path):
    """'Is the child known to children's social care?' whose answer cell shows 'Yes<tab>No<tab>Not recorded' with no
    mark on any: null, not True (while 'Police involved?' answered 'Yes' is read True)."""
    path = _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD, ("Is the child known to children's social care?",
                                               "Yes\tNo\tNot recorded")]),
        ("Section 3: What happened", [*WHAT_HAPPENED, ("Police involved?", "Yes")]),
    ])
    rec = _record(path)
    assert rec["children"], rec
    assert rec["children"][0]["open_to_csc"] is None, rec["children"]
    assert rec["incident"]["police_involved"] is True, rec["incident"]


# =====================================================================================================================
# 7. A replier's initials before every answer of a returned questionnaire
# =====================================================================================================================

QUESTIONNAIRE = [
    ("Section 1: About you", [("Date of referral", "17/10/2025"), ("Referrer's name", "Tariq Parvez"),
                              ("Job title", "Family Support Worker"), ("Organisation", "Seacroft Family Hub"),
                              ("Telephone", "0113 496 0732")]),
    ("Section 2: The child", [("Child's full name", "Zainab Hussain"), ("Date of birth", "03/02/2017"),
                              ("Ethnicity", "Pakistani"), ("School", "Seacroft Park Academy")]),
    ("Section 3: What happened", [("Date of incident", "11/10/2025"), ("Location of incident", "Family home")]),
]
QUESTIONNAIRE_READ = {"referrer.name": "Tariq Parvez", "referrer.role": "Family Support Worker",
                      "referrer.agency": "Seacroft Family Hub", "referrer.phone": "01134960732",
                      "child.name": "Zainab Hussain", "child.dob": "2017-02-03", "child.ethnicity": "Pakistani",
                      "child.school": "Seacroft Park Academy", "incident.location": "Family home"}
# (The incident date, 11/10/2025, is left out: the default reading leaves it null in this questionnaire even with no
# initials before the answers, so it would test something other than the initials.)


def _returned_questionnaire(tmp_path: Path, tag: str) -> Path:
    """Bold numbered questions ('1. Date of referral' …), each answered in the paragraph under it, every answer
    prefixed ``tag``."""
    doc = Document()
    _word_header(doc)
    number = 0
    for heading, questions in QUESTIONNAIRE:
        _bold_para(doc, heading, 13)
        for question, answer in questions:
            number += 1
            _bold_para(doc, f"{number}. {question}")
            doc.add_paragraph(tag + answer)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


@pytest.mark.parametrize("tag", ["[TP] ", "MM: "], ids=["bracketed_initials", "initials_and_colon"])
def test_word_returned_questionnaire_answers_prefixed_with_the_repliers_initials_are_read_without_them(tmp_path,
                                                                                                        tag):
    """A questionnaire sent back by e-mail, every answer (eleven) prefixed with the replier's initials ('[TP] ' or
    'MM: '): each value is read without the initials ('Pakistani', 'Seacroft Park Academy', 'Tariq Parvez' …), the
    referral date, date of birth and phone read as ever."""
    rec = _record(_returned_questionnaire(tmp_path, tag))
    assert {**_fields(rec, QUESTIONNAIRE_READ), "date_of_referral": rec["date_of_referral"]} == {
        **QUESTIONNAIRE_READ, "date_of_referral": "2025-10-17"}


@pytest.mark.parametrize("reader", [None, "rules"], ids=["default_reader", "rule_reader"])
def test_word_single_answer_starting_gp_colon_keeps_its_text_as_written(tmp_path, monkeypatch, reader):
    """Control: an ordinary label | answer table where one answer cell alone holds 'GP: Dr Shah' (label "Child's
    GP"): it is no replier's tag; wherever it is read it keeps its text as written, 'GP: Dr Shah', never 'Dr Shah'
    (leaving it unread is no breach; the rule reading is there so the control is seen on a reading that reads it)."""
    if reader:
        monkeypatch.setenv("INTAKE_READER", reader)
    path = _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD, ("School", "Hillside Infant School"), ("Child's GP", "GP: Dr Shah")]),
        ("Section 3: What happened", WHAT_HAPPENED),
    ])
    rec = _record(path)
    shah = [value for value in _leaves(rec) if "Shah" in value]
    assert set(shah) <= {"GP: Dr Shah"}, rec
    _assert_fields(rec, {"child.school": "Hillside Infant School", **CHILD})


# =====================================================================================================================
# 8. Fillable PDF: family-numbered fields that say what they are only in their tooltips
# =====================================================================================================================

FAMILY_CHILDREN = [("Leon", "Carter", "14/03/2015"), ("Ruby", "Carter", "02/11/2019")]
FAMILY_AGENCIES = [("Calderbrook Children's Social Care", "Hannah Osei", "0113 496 0512"),
                   ("West Yorkshire Police", "DC Martin Reid", "m.reid@westyorkshire.police.uk"),
                   ("", "", "")]


def _family_acroform(path: Path) -> Path:
    """Text fields c1_first/c1_last/c1_dob, c2_… (tooltips "Child's forename", "Child's surname", "Date of birth",
    the same for both children) and ag1_agency/ag1_person/ag1_contact … (tooltips 'Organisation - row 1', 'Person -
    row 1', 'Contact - row 1'), under printed column headings; a third agency row left empty."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    form = c.acroForm
    c.setFont(BOLD, 16)
    c.drawString(40, 800, "Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, 785, PARTNERSHIP)

    def field(name, tooltip, value, x, y, w):
        form.textfield(name=name, tooltip=tooltip, value=value, x=x, y=y, width=w, height=16, borderWidth=1,
                       fontName="Helvetica", fontSize=9, forceBorder=True)

    y = 750
    c.setFont(BOLD, 12)
    c.drawString(40, y, "Section 1: About you")
    y -= 24
    for name, tooltip, label, value in (("ref_name", "Referrer's name", "Your name", "Priya Lawson"),
                                        ("ref_org", "Referrer's organisation", "Organisation",
                                         "Calderbrook Primary School")):
        c.setFont(BOLD, SIZE)
        c.drawString(40, y + 4, label)
        field(name, tooltip, value, 160, y, 250)
        y -= 22
    y -= 14
    c.setFont(BOLD, 12)
    c.drawString(40, y, "Section 2: The children")
    y -= 20
    c.setFont(BOLD, SIZE)
    for x, head in ((40, ""), (100, "Forename(s)"), (240, "Surname"), (380, "Date of birth")):
        c.drawString(x, y, head)
    y -= 22
    for n, (first, last, dob) in enumerate(FAMILY_CHILDREN, start=1):
        c.setFont(BOLD, SIZE)
        c.drawString(40, y + 4, f"Child {n}")
        field(f"c{n}_first", "Child's forename", first, 100, y, 130)
        field(f"c{n}_last", "Child's surname", last, 240, y, 130)
        field(f"c{n}_dob", "Date of birth", dob, 380, y, 100)
        y -= 22
    y -= 14
    c.setFont(BOLD, 12)
    c.drawString(40, y, "Section 3: Other agencies involved")
    y -= 20
    c.setFont(BOLD, SIZE)
    for x, head in ((40, "Organisation"), (250, "Person"), (380, "Telephone / email")):
        c.drawString(x, y, head)
    y -= 22
    for n, (agency, person, contact) in enumerate(FAMILY_AGENCIES, start=1):
        field(f"ag{n}_agency", f"Organisation - row {n}", agency, 40, y, 200)
        field(f"ag{n}_person", f"Person - row {n}", person, 250, y, 120)
        field(f"ag{n}_contact", f"Contact - row {n}", contact, 380, y, 170)
        y -= 22
    c.showPage()
    c.save()
    return path


@pytest.mark.xfail(strict=True, reason="known gap (session 25): the table of the children's fields is built (columns from the tooltips), but the trained reader's confidence for the surnames is 0.85-0.90, under its bar, and the rule reader reads no such table")
def test_fillable_pdf_child_fields_named_by_number_and_described_by_tooltip_give_two_children(tmp_path):
    """Fields c1_first, c1_last, c1_dob, c2_first, c2_last, c2_dob whose tooltips are "Child's forename", "Child's
    surname", "Date of birth" (the same for both children): two children, Leon Carter born 2015-03-14 and Ruby
    Carter born 2019-11-02, in order."""
    rec = _record(_family_acroform(tmp_path / "referral.pdf"))
    assert [(c["name"], c["dob"]) for c in rec["children"]] == [("Leon Carter", "2015-03-14"),
                                                                 ("Ruby Carter", "2019-11-02")], rec["children"]


@pytest.mark.xfail(strict=True, reason="known gap (session 25): a fillable form whose field names all tell what they hold is read from its fields alone, so the printed heading 'Other agencies involved' is not read and an 'Organisation | Person | Contact' table under no heading is not taken for the agencies")
def test_fillable_pdf_agency_fields_named_by_row_and_described_by_tooltip_are_read_per_row(tmp_path):
    """Fields ag1_agency / ag1_person / ag1_contact … whose tooltips are 'Organisation - row 1', 'Person - row 1',
    'Contact - row 1' …: one agency per filled row (the empty third row skipped), name, agency and contact as
    written."""
    rec = _record(_family_acroform(tmp_path / "referral.pdf"))
    assert rec["agencies_involved"] == [
        {"name": "Hannah Osei", "agency": "Calderbrook Children's Social Care", "contact": "0113 496 0512"},
        {"name": "DC Martin Reid", "agency": "West Yorkshire Police", "contact": "m.reid@westyorkshire.police.uk"},
    ]


# =====================================================================================================================
# 9. Marks typed after empty boxes (a protected form filled with protection off)
# =====================================================================================================================

def _protection_off(doc) -> None:
    settings = doc.settings.element
    prot = settings.makeelement(qn("w:documentProtection"), {qn("w:edit"): "forms", qn("w:enforcement"): "0"})
    settings.insert(0, prot)


def _typed_marks_form(tmp_path: Path) -> Path:
    incident_types = ["☐ DEATH OF A CHILD", "☐x SERIOUS HARM TO A CHILD", "☐ DEATH OF A LOOKED AFTER CHILD",
                      "☐ DEATH OF A CARE LEAVER AGED 18 TO 24", "☐ OTHER SERIOUS INCIDENT"]
    doc = Document()
    _protection_off(doc)
    _word_header(doc)
    doc.add_heading("Section 1: About you", level=2)
    _word_table(doc, ABOUT_YOU)
    doc.add_heading("Section 2: The child", level=2)
    _word_table(doc, THE_CHILD)
    doc.add_heading("Section 3: What happened", level=2)
    _word_table(doc, [*WHAT_HAPPENED, ("TYPE OF INCIDENT (tick one)", "\n".join(incident_types)),
                      ("WERE THE POLICE INVOLVED?", "☐ YES   ☐x NO   ☐ UNCLEAR")])
    doc.add_heading("Section 4: The criteria", level=2)
    _word_table(doc, [("IS ABUSE OR NEGLECT OF THE CHILD KNOWN OR SUSPECTED?", "☐ YES ✓   ☐ NO   ☐ UNCLEAR")])
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


def test_word_x_typed_after_an_empty_box_marks_the_incident_type(tmp_path):
    """Incident type lines '☐ DEATH OF A CHILD', '☐x SERIOUS HARM TO A CHILD', '☐ DEATH OF A LOOKED AFTER CHILD' …
    (an x typed after the empty box): the incident type is serious_harm."""
    rec = _record(_typed_marks_form(tmp_path))
    assert rec["incident"]["type"] == "serious_harm", rec["incident"]


def test_word_tick_or_x_typed_after_an_empty_box_answers_yes_or_no(tmp_path):
    """'☐ YES ✓   ☐ NO   ☐ UNCLEAR' for abuse or neglect suspected → True; '☐ YES   ☐x NO   ☐ UNCLEAR' for police
    involved → False."""
    rec = _record(_typed_marks_form(tmp_path))
    assert {"abuse_or_neglect_suspected": rec["criteria"]["abuse_or_neglect_suspected"],
            "police_involved": rec["incident"]["police_involved"]} == {
        "abuse_or_neglect_suspected": True, "police_involved": False}


# =====================================================================================================================
# 10. A legacy drop-down left on its 'Please select' prompt, the answer typed after it
# =====================================================================================================================

def _dropdown_then(typed: str):
    def write(para):
        _append_runs(para, (
            '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Sex"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:ddList><w:listEntry w:val="Please select"/><w:listEntry w:val="Male"/>'
            '<w:listEntry w:val="Female"/><w:listEntry w:val="Prefer not to say"/></w:ddList></w:ffData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + _t(typed)))
    return write


def test_word_legacy_dropdown_left_on_please_select_with_m_typed_after_it_is_male(tmp_path):
    """'Sex' answered by a legacy FORMDROPDOWN left on its first entry 'Please select', with '  M' typed after the
    field: the child's gender is male."""
    path = _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD, ("Sex", _dropdown_then("  M"))]),
        ("Section 3: What happened", WHAT_HAPPENED),
    ])
    rec = _record(path)
    assert rec["children"], rec
    assert rec["children"][0]["gender"] == "male", rec["children"]


# =====================================================================================================================
# 11. A third option 'No information'
# =====================================================================================================================

def _no_information_form(tmp_path: Path) -> Path:
    return _word_form(tmp_path / "referral.docx", [
        ("Section 1: About you", ABOUT_YOU),
        ("Section 2: The child", [*THE_CHILD, ("Is the child known to children's social care?",
                                               "☐ Yes   ☐ No   ☒ No information")]),
        ("Section 3: What happened", [*WHAT_HAPPENED, ("Were the police involved?", "☐ Yes ☒ No ☐ No information")]),
    ])


def test_word_no_information_marked_as_a_third_option_is_null(tmp_path):
    """'☐ Yes   ☐ No   ☒ No information' for 'Is the child known to children's social care?': null (neither yes
    nor no)."""
    rec = _record(_no_information_form(tmp_path))
    assert rec["children"], rec
    assert rec["children"][0]["open_to_csc"] is None, rec["children"]


def test_word_no_marked_beside_a_no_information_option_is_false(tmp_path):
    """'☐ Yes ☒ No ☐ No information' for 'Were the police involved?': False."""
    rec = _record(_no_information_form(tmp_path))
    assert rec["incident"]["police_involved"] is False, rec["incident"]
