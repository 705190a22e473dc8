"""Session 23's PDF layouts, built as real PDF files in memory (raw PDF objects for fillable widgets; reportlab with
invariant=1 for drawn forms; pypdf to put pages in another order) and read through the public entry point: widgets
no field list reaches, labels and answers in faux bold, and a form whose pages were printed last page first."""

from __future__ import annotations

import io
import json
from functools import lru_cache

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from parsers import parse_bytes
from tests.test_reading_s22_pdf import RawPdf  # (the same object-by-object writer)

PAGE_W, PAGE_H = 595, 842


def _read(data: bytes, name: str = "referral.pdf") -> dict:
    result = parse_bytes(data, name)
    assert result.status == "parsed", (result.status, getattr(result, "reason", None), result.warnings)
    return result.record


def _all_values(record) -> str:
    if isinstance(record, dict):
        return " | ".join(_all_values(v) for v in record.values())
    if isinstance(record, list):
        return " | ".join(_all_values(v) for v in record)
    return "" if record is None else str(record)


# --- raw PDF objects ------------------------------------------------------------------------------------------

def _pdf_string(text: str) -> str:
    """A literal string; a carriage return written as the escape \\r (a bare one would read as a line feed)."""
    raw = text.encode("cp1252").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("\r", "\\r") + ")"


def _text_op(x: float, y: float, text: str, font: str = "F1", size: float = 10) -> str:
    return f"BT /{font} {size} Tf {x} {y} Td {_pdf_string(text)} Tj ET\n"


class MergedPdf:
    """Pages of printed labels and widget annotations, as a 'merge PDF' tool leaves a filled form joined to a cover
    sheet: the catalog's /AcroForm /Fields lists only the fields given listed=True (the cover sheet's), the other
    widgets stand on their pages' /Annots alone, each a whole field of its own (/T, /FT, /V, an appearance)."""

    def __init__(self, pages: int) -> None:
        self.pdf = RawPdf()
        self.pages = [self.pdf.reserve() for _ in range(pages)]
        self.helv = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        self.bold = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                                 "/Encoding /WinAnsiEncoding >>")
        self.zadb = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        self.content = [bytearray() for _ in range(pages)]
        self.annots: list[list[int]] = [[] for _ in range(pages)]
        self.fields: list[int] = []

    def label(self, page: int, x: float, y: float, text: str, bold: bool = False, size: float = 10) -> None:
        self.content[page] += _text_op(x, y, text, "F2" if bold else "F1", size).encode("latin-1")

    def _widget(self, page: int, head: str, ap: str, listed: bool) -> int:
        number = self.pdf.add(f"<< /Type /Annot /Subtype /Widget /F 4 /P {self.pages[page]} 0 R {head} /AP {ap} >>")
        self.annots[page].append(number)
        if listed:
            self.fields.append(number)
        return number

    def text(self, page: int, name: str, rect: tuple[float, float, float, float], value: str | None,
             multiline: bool = False, listed: bool = False) -> int:
        x0, y0, x1, y1 = rect
        w, h = x1 - x0, y1 - y0
        lines = (value or "").replace("\r\r", "\r").split("\r") if multiline else [value or ""]
        shown = b"/Tx BMC q 1 1 %.1f %.1f re W n BT /Helv 10 Tf 0 g 12 TL 2 %.1f Td " % (w - 2, h - 2, h - 12)
        shown += b" T* ".join(_pdf_string(line).encode("latin-1") + b" Tj" for line in lines) + b" ET Q EMC"
        ap = self.pdf.add_stream(f"/Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] "
                                 f"/Resources << /Font << /Helv {self.helv} 0 R >> >>", shown)
        head = (f"/FT /Tx /T {_pdf_string(name)} /Rect [{x0} {y0} {x1} {y1}] /DA (/Helv 10 Tf 0 g) "
                f"/MK << /BC [0 0 0] >>" + (" /Ff 4096" if multiline else "")
                + (f" /V {_pdf_string(value)}" if value is not None else ""))
        return self._widget(page, head, f"<< /N {ap} 0 R >>", listed)

    def check_box(self, page: int, name: str, x: float, y: float, on: bool, listed: bool = False) -> int:
        tick = self.pdf.add_stream(f"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                                   f"/Resources << /Font << /ZaDb {self.zadb} 0 R >> >>",
                                   b"q 0 0 0 RG 0.5 w 0.25 0.25 9.5 9.5 re S Q q BT /ZaDb 8 Tf 0 g 1.5 2 Td (4) Tj ET Q")
        empty = self.pdf.add_stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]",
                                    b"q 0 0 0 RG 0.5 w 0.25 0.25 9.5 9.5 re S Q")
        state = "/Yes" if on else "/Off"
        head = (f"/FT /Btn /T {_pdf_string(name)} /Rect [{x} {y} {x + 10} {y + 10}] /V {state} /AS {state} "
                f"/DA (/ZaDb 0 Tf 0 g) /MK << /CA (4) /BC [0 0 0] >>")
        return self._widget(page, head, f"<< /N << /Yes {tick} 0 R /Off {empty} 0 R >> "
                                        f"/D << /Yes {empty} 0 R /Off {empty} 0 R >> >>", listed)

    def combo(self, page: int, name: str, rect: tuple[float, float, float, float], value: str,
              options: list[tuple[str, str]], listed: bool = False) -> int:
        x0, y0, x1, y1 = rect
        w, h = x1 - x0, y1 - y0
        display = dict(options)[value]
        shown = (b"/Tx BMC q BT /Helv 10 Tf 0 g 2 %.1f Td " % ((h - 7) / 2) + _pdf_string(display).encode("latin-1")
                 + b" Tj ET Q EMC")
        ap = self.pdf.add_stream(f"/Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] "
                                 f"/Resources << /Font << /Helv {self.helv} 0 R >> >>", shown)
        opt = " ".join(f"[{_pdf_string(code)} {_pdf_string(text)}]" for code, text in options)
        head = (f"/FT /Ch /Ff 131072 /T {_pdf_string(name)} /Rect [{x0} {y0} {x1} {y1}] /DA (/Helv 10 Tf 0 g) "
                f"/MK << /BC [0 0 0] >> /Opt [{opt}] /V {_pdf_string(value)}")
        return self._widget(page, head, f"<< /N {ap} 0 R >>", listed)

    def build(self, acroform: bool = True) -> bytes:
        """``acroform=False``: the catalog has no /AcroForm at all (a tool dropped it), only the pages' widgets."""
        tree = self.pdf.reserve()
        for n, page in enumerate(self.pages):
            contents = self.pdf.add_stream("", bytes(self.content[n]))
            self.pdf.set(page, f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                               f"/Resources << /Font << /F1 {self.helv} 0 R /F2 {self.bold} 0 R >> >> "
                               f"/Contents {contents} 0 R "
                               f"/Annots [{' '.join(f'{a} 0 R' for a in self.annots[n])}] >>")
        self.pdf.set(tree, f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in self.pages)}] "
                           f"/Count {len(self.pages)} >>")
        form = self.pdf.add(f"<< /Fields [{' '.join(f'{f} 0 R' for f in self.fields)}] "
                                f"/DR << /Font << /Helv {self.helv} 0 R /ZaDb {self.zadb} 0 R >> >> "
                                "/DA (/Helv 0 Tf 0 g) >>")
        root = self.pdf.add(f"<< /Type /Catalog /Pages {tree} 0 R /AcroForm {form} 0 R >>" if acroform
                            else f"<< /Type /Catalog /Pages {tree} 0 R >>")
        return self.pdf.build(root)


# --- 4. widgets no field list reaches -----------------------------------------------------------------------------

SUMMARY_PARAGRAPHS = (
    "Leo was brought to the emergency department by his father with a spiral fracture of the left forearm.",
    "The explanation given was that he had fallen from the sofa, which the consultant considered inconsistent "
    "with the injury.")


def _merged_form(every_field_listed: bool = False, acroform: bool = True) -> bytes:
    """Page 1, a cover sheet whose check box and 'Text1' are the only fields /Fields lists; page 2, the referral
    form, its answers widgets that no /Fields entry reaches (unless every_field_listed)."""
    form = MergedPdf(pages=2)
    form.label(0, 40, 790, "Calderdale Safeguarding Children Partnership", bold=True, size=14)
    form.label(0, 40, 760, "Case Referral Form - cover sheet", bold=True, size=12)
    form.label(0, 40, 722, "Tick if this referral is urgent")
    form.check_box(0, "Check Box1", 300, 720, False, listed=True)
    form.label(0, 40, 696, "Business unit reference (office use only)")
    form.text(0, "Text1", (300, 692, 540, 708), None, listed=True)
    listed = every_field_listed
    page = 1
    form.label(page, 40, 800, "Case Referral Form", bold=True, size=14)
    y = 770

    def heading(text: str) -> None:
        nonlocal y
        form.label(page, 40, y, text, bold=True, size=11)
        y -= 24

    def field(label: str, name: str, value: str) -> None:
        nonlocal y
        form.label(page, 40, y + 4, label)
        form.text(page, name, (230, y, 540, y + 16), value, listed=listed)
        y -= 24

    def yes_no(label: str, name: str, yes: bool) -> None:
        nonlocal y
        form.label(page, 40, y + 2, label)
        form.check_box(page, f"{name}Yes", 300, y, yes, listed=listed)
        form.label(page, 314, y + 2, "Yes")
        form.check_box(page, f"{name}No", 370, y, not yes, listed=listed)
        form.label(page, 384, y + 2, "No")
        y -= 24

    heading("Section 1: Person making the referral")
    field("Date of referral", "ReferralDate", "10/03/2026")
    field("Name of referrer", "ReferrerName", "Dr Amara Nwachukwu")
    field("Job title", "ReferrerRole", "Paediatric registrar")
    field("Email", "ReferrerEmail", "amara.nwachukwu@nhs.net")
    heading("Section 2: The child")
    field("Child's full name", "ChildName", "Leo Sutcliffe-Barnes")
    field("Date of birth", "ChildDOB", "21/05/2022")
    form.label(page, 40, y + 4, "Gender")
    form.combo(page, "ChildGender", (230, y, 380, y + 16), "2", [("1", "Female"), ("2", "Male")], listed=listed)
    y -= 24
    field("Home address", "ChildAddress", "17 Mytholm Close, Hebden Bridge, HX7 6DN")
    yes_no("Is the child known to children's social care?", "CSC", False)
    heading("Section 3: The incident")
    field("Date of incident", "IncidentDate", "08/03/2026")
    field("Where did it happen?", "IncidentLocation", "The family home")
    yes_no("Are the police involved?", "Police", True)
    form.label(page, 40, y + 4, "Summary of what happened")
    form.text(page, "Summary", (40, y - 90, 540, y - 4), "\r\r".join(SUMMARY_PARAGRAPHS), multiline=True,
              listed=listed)
    return form.build(acroform)


@lru_cache(maxsize=None)
def _merged_record(every_field_listed: bool = False) -> str:
    data = _merged_form(every_field_listed)
    fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    if not every_field_listed:
        assert set(fields) == {"Check Box1", "Text1"}, sorted(fields)  # no /Fields entry reaches the answers
    return json.dumps(_read(data))


def _assert_merged_text_fields(rec: dict) -> None:
    child = rec["children"][0]
    assert rec["date_of_referral"] == "2026-03-10"
    assert rec["referrer"]["name"] == "Dr Amara Nwachukwu"
    assert rec["referrer"]["role"] == "Paediatric registrar"
    assert rec["referrer"]["email"] == "amara.nwachukwu@nhs.net"
    assert child["name"] == "Leo Sutcliffe-Barnes"
    assert child["dob"] == "2022-05-21"
    assert child["address"] == "17 Mytholm Close, Hebden Bridge, HX7 6DN"
    assert rec["incident"]["date"] == "2026-03-08"
    assert rec["incident"]["location"] == "The family home"


def test_widgets_no_field_list_reaches_text_answers_are_read():
    _assert_merged_text_fields(json.loads(_merged_record()))


def test_widgets_no_field_list_reaches_check_boxes_read_yes_and_no():
    rec = json.loads(_merged_record())
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["open_to_csc"] is False


def test_widgets_no_field_list_reaches_multiline_value_keeps_its_paragraphs():
    rec = json.loads(_merged_record())
    assert rec["incident"]["summary"] == "\n\n".join(SUMMARY_PARAGRAPHS)


def test_widgets_no_field_list_reaches_combo_box_reads_its_display_text_not_its_code():
    rec = json.loads(_merged_record())
    assert rec["children"][0]["gender"] == "male"


def test_widgets_read_where_the_file_has_no_acroform_at_all():
    data = _merged_form(acroform=False)
    assert PdfReader(io.BytesIO(data)).get_fields() is None   # no field list of any kind
    rec = _read(data)
    _assert_merged_text_fields(rec)
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["open_to_csc"] is False


def test_the_same_widgets_listed_in_fields_read_every_answer():
    """Guard: the control for the four tests above, every widget listed in /Fields (may pass on the old code)."""
    rec = json.loads(_merged_record(every_field_listed=True))
    _assert_merged_text_fields(rec)
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["open_to_csc"] is False
    assert rec["incident"]["summary"] == "\n\n".join(SUMMARY_PARAGRAPHS)
    assert rec["children"][0]["gender"] == "male"


# --- 5. faux bold ---------------------------------------------------------------------------------------------------

FAUX_SUMMARY = ("Amelia told her teacher that her mother's boyfriend had",
                "hit her with a belt on Friday night and the school nurse",
                "saw raised red marks across the backs of both her legs.")


def _faux_bold_pdf(answers: str | None, labels: str | None = "string_twice") -> bytes:
    """A referral form of labels at the left and answers beside them under headings set in Helvetica-Bold, the labels
    (and the answers where answers is given; labels=None: neither) in faux bold: 'string_twice' draws each string at x and again at x + 0.3 pt; 'glyph_twice' draws each
    glyph twice 0.3 pt apart before the next; 'string_four_times' draws each string at x, x + 0.25, and again
    0.25 pt higher."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)

    def draw(x: float, y: float, text: str, font: str, size: float, mode: str | None) -> None:
        c.setFont(font, size)
        if mode is None:
            c.drawString(x, y, text)
        elif mode == "string_twice":
            c.drawString(x, y, text)
            c.drawString(x + 0.3, y, text)
        elif mode == "string_four_times":
            for dx, dy in ((0, 0), (0.25, 0), (0, 0.25), (0.25, 0.25)):
                c.drawString(x + dx, y + dy, text)
        elif mode == "glyph_twice":
            for ch in text:
                c.drawString(x, y, ch)
                c.drawString(x + 0.3, y, ch)
                x += stringWidth(ch, font, size)
        else:
            raise ValueError(mode)

    draw(40, 800, "Case Referral Form", "Helvetica-Bold", 16, None)
    y = 766

    def heading(text: str) -> None:
        nonlocal y
        draw(40, y, text, "Helvetica-Bold", 11, None)
        y -= 22

    def pair(label: str, answer: str) -> None:
        nonlocal y
        draw(40, y, label, "Helvetica", 10, labels)
        draw(230, y, answer, "Helvetica", 10, answers)
        y -= 18

    heading("Section 1: Person making the referral")
    pair("Name", "Gareth Oyelaran-Price")
    pair("Job title", "Head of pastoral care")
    pair("Organisation", "Ravenscliffe High School")
    pair("Email", "g.oyelaran-price@ravenscliffe.sch.uk")
    pair("Telephone", "01422 358 240")
    pair("Date of referral", "16/03/2026")
    y -= 8
    heading("Section 2: The child")
    pair("Child's full name", "Amelia Drummond")
    pair("Date of birth", "12/03/2015")
    pair("Gender", "Female")
    pair("Home address", "28 Heath Hill Road, Halifax, HX3 0EQ")
    y -= 8
    heading("Section 3: The incident")
    pair("Date of incident", "13/03/2026")
    pair("Where did it happen?", "The family home")
    pair("Are the police involved?", "Yes")
    draw(40, y, "Summary of what happened", "Helvetica", 10, labels)
    for line in FAUX_SUMMARY:
        draw(230, y, line, "Helvetica", 10, answers)
        y -= 13
    c.save()
    return out.getvalue()


def _assert_faux_bold_form(rec: dict) -> None:
    referrer, child = rec["referrer"], rec["children"][0]
    assert referrer["name"] == "Gareth Oyelaran-Price"
    assert referrer["role"] == "Head of pastoral care"
    assert referrer["agency"] == "Ravenscliffe High School"
    assert referrer["email"] == "g.oyelaran-price@ravenscliffe.sch.uk"
    assert referrer["phone"] == "01422358240"
    assert rec["date_of_referral"] == "2026-03-16"
    assert child["name"] == "Amelia Drummond"
    assert child["dob"] == "2015-03-12"
    assert child["gender"] == "female"
    assert child["address"] == "28 Heath Hill Road, Halifax, HX3 0EQ"
    assert rec["incident"]["date"] == "2026-03-13"
    assert rec["incident"]["location"] == "The family home"
    assert rec["incident"]["police_involved"] is True
    assert rec["incident"]["summary"] == " ".join(FAUX_SUMMARY)
    everything = _all_values(rec)
    for doubled in ("NNaammee", "AAmmeelliiaa", "1122//0033", "Amelia DrummondAmelia", "12/03/201512/03/2015"):
        assert doubled not in everything, doubled


def test_faux_bold_labels_read_once_and_find_their_answers():
    """Labels drawn twice 0.3 pt apart, answers once: 'Name' (not 'NNaammee') labels the referrer's name."""
    _assert_faux_bold_form(_read(_faux_bold_pdf(answers=None)))


@pytest.mark.parametrize("mode", ["string_twice", "glyph_twice", "string_four_times"])
def test_faux_bold_answers_too_are_read_once(mode):
    """Labels and answers alike in faux bold: each answer read once ('12/03/2015', not doubled)."""
    _assert_faux_bold_form(_read(_faux_bold_pdf(answers=mode, labels=mode)))


def test_faux_bold_form_drawn_plainly_reads_every_answer():
    """Guard: the control for the tests above, the same form with every string drawn once (may pass on the old
    code)."""
    _assert_faux_bold_form(_read(_faux_bold_pdf(answers=None, labels=None)))


# --- 6. pages printed in reverse order -------------------------------------------------------------------------------

REVERSE_FIRST = ("Nathan was found by a neighbour at 6am sitting alone on the doorstep of the flat in his pyjamas; "
                 "he was cold and hungry and said that his mother had gone out the night before and had not")
REVERSE_REST = "come home, and that he had looked after his baby sister on his own."
REVERSE_LATER = ("Police forced entry and found the baby in her cot in a wet nappy with an empty bottle; both "
                 "children were taken to hospital to be checked and were later placed with their grandmother.")
AGENCIES = [("Shabnam Qureshi", "Calderdale Health Visiting Service", "01422 307 355"),
            ("PC Declan Fairbanks", "West Yorkshire Police", "d.fairbanks@westyorkshire.police.uk"),
            ("Hollie Brigg", "Todmorden Family Hub", "01706 815 221")]


def _ruled(rows: list[list], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


@lru_cache(maxsize=None)
def _three_page_form() -> bytes:
    """Three pages of ruled label | answer tables, as Word prints them, 'Page n of 3' in each footer: the summary's
    row the last on page 1, its rest (mid-sentence) and a second paragraph in the first row of page 2 under an
    empty label cell; the incident's date further down page 2; the agencies and the declaration on page 3."""
    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading3"]

    def cells(rows):
        return [[Paragraph(c, body) if isinstance(c, str) and c else c for c in r] for r in rows]

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 30, "OFFICIAL-SENSITIVE")
        canvas.drawString(72, 28, f"Case Referral Form v4.1        Page {doc.page} of 3")
        canvas.restoreState()

    two = [160, 330]
    story = [Paragraph("Calderdale Safeguarding Children Partnership", styles["Heading1"]),
             Paragraph("Case Referral Form", styles["Heading2"]),
             Paragraph("Section 1: Person making the referral", head),
             _ruled(cells([["Date of referral", "17/03/2026"], ["Name of referrer", "Joanne Mistry-Holt"],
                           ["Job title", "Duty social worker"], ["Organisation", "Calderdale Council"],
                           ["Email", "joanne.mistry-holt@calderdale.gov.uk"], ["Telephone", "01422 393 336"]]), two),
             Paragraph("Section 2: The child", head),
             _ruled(cells([["Child's full name", "Nathan Ackroyd"], ["Date of birth", "09/09/2018"],
                           ["Gender", "Male"], ["Home address", "Flat 6, Bramley Court, Todmorden, OL14 5RB"],
                           ["School", "Castle Hill Primary School"]]), two),
             Spacer(1, 340),
             Paragraph("Section 3: What happened", head),
             _ruled(cells([["Summary of what happened", REVERSE_FIRST]]), two),
             PageBreak(),
             _ruled([["", [Paragraph(REVERSE_REST, body), Paragraph(REVERSE_LATER, body)]]], two),
             Paragraph("Section 4: The incident", head),
             _ruled(cells([["Date of incident", "16/03/2026"], ["Where did it happen?", "Flat 6, Bramley Court"],
                           ["Are the police involved?", "Yes"]]), two),
             PageBreak(),
             Paragraph("Section 5: Agencies involved with the child", head),
             _ruled(cells([["Name", "Agency", "Contact"]] + [list(a) for a in AGENCIES]), [120, 170, 210]),
             Paragraph("Section 6: Declaration", head),
             Paragraph("I confirm that the information in this referral is accurate to the best of my knowledge.",
                       body)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, topMargin=50, bottomMargin=50).build(
        story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def _reversed(data: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for page in reversed(reader.pages):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pages_printed_in_reverse_order_read_in_printed_order():
    data = _reversed(_three_page_form())
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 3 and "Page 3 of 3" in pages[0].extract_text() and "Page 1 of 3" in pages[2].extract_text()
    texts = [page.extract_text() for page in pages]
    assert "Summary of what happened" in texts[2] and "baby sister" in texts[1]  # printed page 1 last, page 2 next
    rec = _read(data)
    child = rec["children"][0]
    assert rec["incident"]["summary"] == REVERSE_FIRST + " " + REVERSE_REST + "\n\n" + REVERSE_LATER
    assert child["name"] == "Nathan Ackroyd"
    assert child["dob"] == "2018-09-09"
    assert child["address"] == "Flat 6, Bramley Court, Todmorden, OL14 5RB"
    assert rec["referrer"]["name"] == "Joanne Mistry-Holt"
    assert rec["incident"]["date"] == "2026-03-16"
    assert rec["incident"]["police_involved"] is True
    assert rec["agencies_involved"] == [{"name": n, "agency": a, "contact": c} for n, a, c in AGENCIES]


def test_pages_printed_in_reverse_order_read_as_the_same_form_in_order():
    """The reversed file gives the record the same form gives with its pages in order."""
    assert _read(_reversed(_three_page_form())) == _read(_three_page_form())


def test_three_page_form_in_order_reads_every_answer():
    """Guard: the control for the two tests above, the pages in printed order (may pass on the old code)."""
    rec = _read(_three_page_form())
    assert rec["incident"]["summary"] == REVERSE_FIRST + " " + REVERSE_REST + "\n\n" + REVERSE_LATER
    assert rec["children"][0]["name"] == "Nathan Ackroyd"
    assert rec["incident"]["date"] == "2026-03-16"
    assert rec["agencies_involved"] == [{"name": n, "agency": a, "contact": c} for n, a, c in AGENCIES]
