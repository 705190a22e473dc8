"""Session 22's PDF layouts, built as real PDF files in memory (raw PDF objects for fillable fields, annotations and
optional content; reportlab with invariant=1 for drawn forms) and read through the public entry point: an
annotation pdfminer cannot read, check boxes sharing one name, fields whose names code whose detail they are, a
hidden layer of sample answers, two fields to a row, and a flowchart's connector labels."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes

PAGE_W, PAGE_H = 595, 842


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class RawPdf:
    """A PDF written object by object, with a correct cross-reference table."""

    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def set(self, number: int, body: bytes | str) -> int:
        self.objects[number - 1] = body.encode("latin-1") if isinstance(body, str) else body
        return number

    def add(self, body: bytes | str) -> int:
        return self.set(self.reserve(), body)

    def add_stream(self, head: str, data: bytes) -> int:
        return self.add(f"<< {head} /Length {len(data)} >>\nstream\n".encode("latin-1") + data + b"\nendstream")

    def build(self, root: int) -> bytes:
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(self.objects, 1):
            assert body is not None, n
            offsets.append(len(out))
            out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        out += (f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /ID [<5332325335333232> "
                f"<5332325335333232>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def text_op(x: float, y: float, text: str, font: str = "F1", size: float = 10) -> bytes:
    return f"BT /{font} {size} Tf {x} {y} Td ".encode() + _pdf_string(text) + b" Tj ET\n"


class FillablePdf:
    """One A4 page of printed labels with AcroForm fields (text fields, and button fields whose kid widgets are
    check boxes), each field with its value (/V) and an appearance stream showing it."""

    def __init__(self) -> None:
        self.pdf = RawPdf()
        self.page = self.pdf.reserve()
        self.helv = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        self.bold = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                                 "/Encoding /WinAnsiEncoding >>")
        self.zadb = self.pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        self.content = bytearray()
        self.annots: list[int] = []
        self.fields: list[int] = []

    def label(self, x: float, y: float, text: str, bold: bool = False, size: float = 10) -> None:
        self.content += text_op(x, y, text, "F2" if bold else "F1", size)

    def _text_appearance(self, value: str, w: float, h: float) -> bytes:
        return (b"/Tx BMC q BT /Helv 10 Tf 0 g 2 " + f"{(h - 7) / 2:.1f}".encode() + b" Td "
                + _pdf_string(value) + b" Tj ET Q EMC")

    def text_field(self, name: str, rect: tuple[float, float, float, float], value: str | None,
                   tooltip: str | None = None, malformed: bool = False) -> int:
        x0, y0, x1, y1 = rect
        w, h = x1 - x0, y1 - y0
        head = (f"/Type /Annot /Subtype /Widget /FT /Tx /T {_pdf_string(name).decode('latin-1')} /F 4 "
                f"/Rect [{x0} {y0} {x1} {y1}] /P {self.page} 0 R /DA (/Helv 10 Tf 0 g) /MK << /BC [0 0 0] >>")
        if tooltip:
            head += f" /TU {_pdf_string(tooltip).decode('latin-1')}"
        if value is not None:
            head += f" /V {_pdf_string(value).decode('cp1252')}"
        resources = f"/Resources << /Font << /Helv {self.helv} 0 R >> >>"
        data = self._text_appearance(value or "", w, h)
        if malformed:
            # as some writers leave it: the appearance stream written inline in the annotation's dictionary, which is
            # no valid PDF (a stream must be an indirect object), so a strict parser cannot read this object
            body = (f"<< {head} /AP << /N << /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] {resources} "
                    f"/Length {len(data)} >>\nstream\n").encode("latin-1") + data + b"\nendstream\n>> >>"
            number = self.pdf.add(body)
        else:
            ap = self.pdf.add_stream(f"/Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] {resources}", data)
            number = self.pdf.add(f"<< {head} /AP << /N {ap} 0 R >> >>")
        self.annots.append(number)
        self.fields.append(number)
        return number

    def check_boxes(self, name: str, chosen: str | None, options: list[tuple[str, float, float]]) -> int:
        """One button field (no radio flag) whose kid widgets' on-states are the options, /V naming the chosen one."""
        parent = self.pdf.reserve()
        kids = []
        for state, x, y in options:
            on = self.pdf.add_stream(f"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                                     f"/Resources << /Font << /ZaDb {self.zadb} 0 R >> >>",
                                     b"q 0 0 0 RG 0.5 w 0.25 0.25 9.5 9.5 re S Q "
                                     b"q BT /ZaDb 8 Tf 0 g 1.5 2 Td (4) Tj ET Q")
            off = self.pdf.add_stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]",
                                      b"q 0 0 0 RG 0.5 w 0.25 0.25 9.5 9.5 re S Q")
            shown = state if state == chosen else "Off"
            kid = self.pdf.add(f"<< /Type /Annot /Subtype /Widget /Parent {parent} 0 R /F 4 /P {self.page} 0 R "
                               f"/Rect [{x} {y} {x + 10} {y + 10}] /AS /{shown} /MK << /CA (4) /BC [0 0 0] >> "
                               f"/DA (/ZaDb 0 Tf 0 g) /AP << /N << /{state} {on} 0 R /Off {off} 0 R >> "
                               f"/D << /{state} {off} 0 R /Off {off} 0 R >> >> >>")
            kids.append(kid)
            self.annots.append(kid)
        value = f"/{chosen}" if chosen else "/Off"
        self.pdf.set(parent, f"<< /FT /Btn /T {_pdf_string(name).decode('latin-1')} /V {value} "
                             f"/Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>")
        self.fields.append(parent)
        return parent

    def build(self) -> bytes:
        contents = self.pdf.add_stream("", bytes(self.content))
        pages = self.pdf.reserve()
        self.pdf.set(self.page, f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                                f"/Resources << /Font << /F1 {self.helv} 0 R /F2 {self.bold} 0 R >> >> "
                                f"/Contents {contents} 0 R "
                                f"/Annots [{' '.join(f'{a} 0 R' for a in self.annots)}] >>")
        self.pdf.set(pages, f"<< /Type /Pages /Kids [{self.page} 0 R] /Count 1 >>")
        acroform = self.pdf.add(f"<< /Fields [{' '.join(f'{f} 0 R' for f in self.fields)}] "
                                f"/DR << /Font << /Helv {self.helv} 0 R /ZaDb {self.zadb} 0 R >> >> "
                                "/DA (/Helv 0 Tf 0 g) >>")
        root = self.pdf.add(f"<< /Type /Catalog /Pages {pages} 0 R /AcroForm {acroform} 0 R >>")
        return self.pdf.build(root)


def _read(data: bytes, name: str = "referral.pdf") -> dict:
    result = parse_bytes(data, name)
    assert result.status == "parsed", result
    return result.record


def _labelled_fields(form: FillablePdf, rows: list[tuple[str, str, str | None]], top: float = 760,
                     malformed: str = "") -> float:
    """Each row: a label printed at the left, its text field to the right; returns the next row's y."""
    y = top
    for label, name, value in rows:
        form.label(40, y + 4, label)
        form.text_field(name, (230, y, 540, y + 16), value, malformed=(name == malformed))
        y -= 24
    return y


BASE_ROWS = [("Date of referral", "date_of_referral", "16/03/2026"),
             ("Name of referrer", "referrer_name", "Dr Nkechi Adeyemi-Ross"),
             ("Job title", "referrer_role", "Consultant paediatrician"),
             ("Organisation", "referrer_org", "Airedale NHS Foundation Trust"),
             ("Email", "referrer_email", "nkechi.adeyemi-ross@nhs.net"),
             ("Telephone", "referrer_phone", "01535 292 000"),
             ("Child's full name", "child_name", "Lily-Mae Threlfall"),
             ("Date of birth", "child_dob", "04/11/2023"),
             ("Home address", "child_address", "9 Haworth Road, Keighley, BD21 4QE"),
             ("Date of incident", "incident_date", "12/03/2026"),
             ("Where did it happen?", "incident_location", "Airedale General Hospital"),
             ("What happened?", "incident_summary",
              "Lily-Mae was admitted with a skull fracture and retinal haemorrhages.")]


# --- 7. an annotation pdfminer cannot read loses only itself ---------------------------------------------------

def test_unreadable_annotation_loses_only_itself_and_the_form_is_parsed():
    form = FillablePdf()
    form.label(40, 800, "Case Referral Form", bold=True, size=14)
    _labelled_fields(form, BASE_ROWS, malformed="referrer_phone")
    data = form.build()
    assert b"stream\n/Tx BMC" in data and data.count(b"/Subtype /Widget") == len(BASE_ROWS)
    rec = _read(data)
    assert rec["referrer"]["name"] == "Dr Nkechi Adeyemi-Ross"
    assert rec["referrer"]["email"] == "nkechi.adeyemi-ross@nhs.net"
    assert rec["children"][0]["name"] == "Lily-Mae Threlfall"
    assert rec["children"][0]["dob"] == "2023-11-04"
    assert rec["incident"]["date"] == "2026-03-12"
    assert rec["date_of_referral"] == "2026-03-16"


# --- 8. check boxes sharing one name (Acrobat style) -----------------------------------------------------------

def _shared_name_form(police: str | None, csc: str | None) -> bytes:
    form = FillablePdf()
    form.label(40, 800, "Case Referral Form", bold=True, size=14)
    y = _labelled_fields(form, BASE_ROWS)
    for question, name, chosen in (("Are the police involved?", "Police", police),
                                   ("Is the child known to children's social care?", "CSC", csc)):
        form.label(40, y + 2, question)
        options = []
        x = 300
        for state, word in (("Y", "Yes"), ("N", "No"), ("NK", "Not known")):
            options.append((state, x, y))
            form.label(x + 14, y + 2, word)
            x += 70
        form.check_boxes(name, chosen, options)
        y -= 24
    return form.build()


def test_check_boxes_sharing_one_name_read_as_the_choice_their_value_names():
    rec = _read(_shared_name_form("Y", "N"))
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["open_to_csc"] is False
    rec = _read(_shared_name_form("N", "Y"))
    assert rec["incident"]["police_involved"] is False
    assert rec["children"][0]["open_to_csc"] is True


# --- 9. numbered field families -----------------------------------------------------------------------------------

def test_numbered_field_families_keep_the_agencies_out_of_the_childs_answers():
    """'Child1_...' and 'Agency1_...', 'Agency2_...' fields, each family read as its own: no agency's value among the
    child's answers, no child's value among the agencies, the child's answers whole and both agencies read.
    (On the old code the families mix: the child's date of birth is lost and no agency is read; the rule reader
    takes the child's surname for an agency's worker.)"""
    form = FillablePdf()
    form.label(40, 800, "Case Referral Form", bold=True, size=14)
    y = _labelled_fields(form, [("Date of referral", "RefDate", "18/03/2026"),
                                ("Name of referrer", "Referrer_Name", "Harriet Blakemore"),
                                ("Job title", "Referrer_Role", "Social worker"),
                                ("Email", "Referrer_Email", "harriet.blakemore@calderdale.gov.uk"),
                                ("Date of incident", "Incident_Date", "15/03/2026"),
                                ("What happened?", "Incident_Summary",
                                 "Jayden was found at a house in Halifax where police recovered class A drugs.")])
    form.label(40, y, "Child", bold=True, size=11)
    y = _labelled_fields(form, [("Surname", "Child1_Surname", "Okafor-Leigh"),
                                ("Forename(s)", "Child1_Forename", "Jayden"),
                                ("Date of birth", "Child1_DOB", "19/09/2010"),
                                ("School", "Child1_School", "Trinity Academy Halifax"),
                                ("GP", "Child1_GP", "Horne Street Health Centre")], top=y - 24)
    form.label(40, y, "Agencies involved", bold=True, size=11)
    agencies = [("Calderdale CAMHS", "Dr Priya Venkatesan", "01422 222 111"),
                ("Youth Justice Service", "Owen Threadgold", "01422 392 600")]
    for n, (org, worker, phone) in enumerate(agencies, 1):
        y = _labelled_fields(form, [("Organisation", f"Agency{n}_Org", org), ("Name", f"Agency{n}_Worker", worker),
                                    ("Telephone", f"Agency{n}_Phone", phone)], top=y - 24)
    rec = _read(form.build())
    child_values = " | ".join(str(v) for c in rec["children"] for v in c.values() if v is not None)
    for org, worker, phone in agencies:
        for value in (org, worker, phone):
            assert value not in child_values, (value, rec["children"])
    assert len(rec["children"]) == 1
    child = rec["children"][0]
    assert child["name"] == "Jayden Okafor-Leigh"
    assert child["dob"] == "2010-09-19"
    assert child["school"] == "Trinity Academy Halifax"
    assert [(a["agency"], a["name"]) for a in rec["agencies_involved"]] == [
        ("Calderdale CAMHS", "Dr Priya Venkatesan"), ("Youth Justice Service", "Owen Threadgold")]


# --- 10. a hidden layer of sample answers ------------------------------------------------------------------------

SAMPLE_VALUES = ("Jane Example", "0000 000 0000", "Example Primary School", "sample.person@example.org")


def _layered_pdf(layer_on: bool) -> bytes:
    pdf = RawPdf()
    helv = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    ocg = pdf.add("<< /Type /OCG /Name (Sample answers) >>")
    rows = [("Date of referral", "19/03/2026", None), ("Name of referrer", "Martin Odukoya", None),
            ("Job title", "Police constable", None), ("Email", "martin.odukoya@westyorkshire.police.uk", None),
            ("Telephone", None, "0000 000 0000"),
            ("Child's full name", "Summer Greenhalgh", None), ("Date of birth", "02/02/2016", None),
            ("Home address", "112 Bolton Brow, Sowerby Bridge, HX6 2BA", None),
            ("School", None, "Example Primary School"),
            ("Name of safeguarding lead", None, "Jane Example"), ("Lead's email", None, "sample.person@example.org"),
            ("Date of incident", "17/03/2026", None), ("Where did it happen?", "Sowerby Bridge railway station", None),
            ("What happened?", "Summer was found by officers at the station late at night with an adult male "
                               "who was not known to the family.", None)]
    content = bytearray(text_op(40, 800, "Case Referral Form", "F2", 14))
    y = 760
    for label, answer, sample in rows:
        content += text_op(40, y, label)
        if answer:
            content += text_op(230, y, answer)
        if sample:
            content += b"/OC /oc1 BDC 0.5 g " + text_op(230, y, sample) + b"0 g EMC\n"
        y -= 24
    contents = pdf.add_stream("", bytes(content))
    page = pdf.reserve()
    pages = pdf.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    pdf.set(page, f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                  f"/Resources << /Font << /F1 {helv} 0 R /F2 {bold} 0 R >> /Properties << /oc1 {ocg} 0 R >> >> "
                  f"/Contents {contents} 0 R >>")
    state = f"/ON [{ocg} 0 R]" if layer_on else f"/OFF [{ocg} 0 R]"
    root = pdf.add(f"<< /Type /Catalog /Pages {pages} 0 R /OCProperties << /OCGs [{ocg} 0 R] "
                   f"/D << /Name (Default) /Order [{ocg} 0 R] {state} >> >> >>")
    return pdf.build(root)


def _all_values(record) -> str:
    if isinstance(record, dict):
        return " | ".join(_all_values(v) for v in record.values())
    if isinstance(record, list):
        return " | ".join(_all_values(v) for v in record)
    return "" if record is None else str(record)


def test_hidden_layer_sample_answers_are_not_read():
    rec = _read(_layered_pdf(layer_on=False))
    assert rec["referrer"]["name"] == "Martin Odukoya"
    assert rec["children"][0]["name"] == "Summer Greenhalgh"
    assert rec["incident"]["location"] == "Sowerby Bridge railway station"
    everything = _all_values(rec).lower()
    for sample in SAMPLE_VALUES:
        assert sample.lower() not in everything, sample
    assert "00000000000" not in everything.replace(" ", "")
    assert rec["children"][0]["school"] is None
    assert rec["safeguarding_lead"]["name"] is None


def test_hidden_layer_switched_on_the_file_still_parses():
    """Guard: the same file with the layer on still parses, the real answers read (may pass on the old code)."""
    rec = _read(_layered_pdf(layer_on=True))
    assert rec["referrer"]["name"] == "Martin Odukoya"
    assert rec["children"][0]["name"] == "Summer Greenhalgh"


# --- 11. two fields to a row -------------------------------------------------------------------------------------

def _two_to_a_row_pdf() -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 805, "Case Referral Form")
    left, right, half, full = 40, 305, 250, 515
    y = 770

    def heading(text):
        nonlocal y
        c.setFont("Helvetica-Bold", 11)
        c.drawString(left, y, text)
        y -= 20

    def boxed(x, width, label, answer):
        c.setFont("Helvetica-Bold", 7)
        c.drawString(x, y, label)
        c.rect(x, y - 20, width, 16)
        if answer:
            c.setFont("Helvetica", 10)
            c.drawString(x + 4, y - 15, answer)

    def pair(a, b):
        nonlocal y
        boxed(left, half, *a)
        if b:
            boxed(right, half, *b)
        y -= 36

    def wide(label, answer):
        nonlocal y
        boxed(left, full, label, answer)
        y -= 36

    heading("Section 1: About you")
    pair(("Your name", "Eleanor Pemberton-Shaw"), ("Job title", "Early help practitioner"))
    pair(("Organisation", "Calderdale Family Hub North"), ("Email", "eleanor.pemberton-shaw@calderdale.gov.uk"))
    pair(("Direct dial", "01422 394 118"), ("Has your line manager agreed?", "Yes"))
    wide("Date of referral", "20/03/2026")
    heading("Section 2: The child")
    pair(("Child's full name", "Noah Whitworth"), ("Date of birth", "27/06/2017"))
    pair(("Gender", "Male"), ("Ethnicity", "White British"))
    wide("Home address", "5 Wainhouse Terrace, Halifax, HX2 0LS")
    pair(("School", "Warley Road Primary School"), ("GP", "Rosegarth Surgery"))
    heading("Section 3: The incident")
    pair(("Date of incident", "18/03/2026"), ("Where did it happen?", "Shibden Park"))
    wide("Brief summary of what happened", "Noah was found alone in the park after dark with injuries to his face.")
    pair(("Are the police involved?", "No"), ("Is the child looked after?", "Yes"))
    c.save()
    return out.getvalue()


def test_two_fields_to_a_row_each_answer_goes_with_its_own_label():
    """NB: passes on the old code too: no layout of this kind tried (boxed, unboxed, shaded; gutters 15-90 pt; label
    sizes 7 and 9 pt; 2-8 pairs between full-width rows) was misread there, so this only guards the pairing."""
    rec = _read(_two_to_a_row_pdf())
    referrer, child = rec["referrer"], rec["children"][0]
    assert referrer["name"] == "Eleanor Pemberton-Shaw"
    assert referrer["role"] == "Early help practitioner"
    assert referrer["agency"] == "Calderdale Family Hub North"
    assert referrer["email"] == "eleanor.pemberton-shaw@calderdale.gov.uk"
    assert referrer["phone"] == "01422394118"
    assert rec["date_of_referral"] == "2026-03-20"
    assert child["name"] == "Noah Whitworth"
    assert child["dob"] == "2017-06-27"
    assert child["gender"] == "male"
    assert child["ethnicity"] == "White British"
    assert child["address"] == "5 Wainhouse Terrace, Halifax, HX2 0LS"
    assert child["school"] == "Warley Road Primary School"
    assert child["gp"] == "Rosegarth Surgery"
    assert rec["incident"]["date"] == "2026-03-18"
    assert rec["incident"]["location"] == "Shibden Park"
    assert rec["incident"]["police_involved"] is False
    assert child["looked_after"] is True


# --- 12. a flowchart's connector labels ----------------------------------------------------------------------------

CRITERIA = [("Has a child died or been seriously harmed?", "died_or_seriously_harmed"),
            ("Is abuse or neglect of the child known or suspected?", "abuse_or_neglect_suspected"),
            ("Was the child normally resident in Calderdale, or did the incident happen here?", "local_connection"),
            ("Could a review identify learning for how agencies work together?", "multi_agency_learning")]


def _flowchart_pdf(no_label_rise: float = 3, side_words: bool = True) -> bytes:
    """no_label_rise: how far above the box's middle the connector's small 'No' sits (8: level with the question);
    side_words: the side box says 'Discuss with the business unit' (else it is left blank)."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 805, "Case Referral Form")
    c.setFont("Helvetica", 10)
    y = 780
    for label, answer in [("Date of referral", "23/03/2026"), ("Name of referrer", "Yusuf Haldane"),
                          ("Job title", "Detective sergeant"), ("Email", "yusuf.haldane@westyorkshire.police.uk"),
                          ("Child's full name", "Maisie Crabtree"), ("Date of birth", "10/12/2022"),
                          ("Date of incident", "21/03/2026"), ("Where did it happen?", "The family home"),
                          ("Are the police involved?", "Yes")]:
        c.drawString(40, y, label)
        c.drawString(230, y, answer)
        y -= 18
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y - 6, "Criteria for a rapid review")
    top = y - 30
    box_x, box_w, box_h, gap = 60, 330, 46, 34
    for k, (question, _) in enumerate(CRITERIA):
        by = top - k * (box_h + gap) - box_h
        c.roundRect(box_x, by, box_w, box_h, 8)
        c.setFont("Helvetica", 9)
        c.drawString(box_x + 8, by + box_h - 15, question)
        x = box_x + 8
        for option, ticked in (("Yes", True), ("No", False), ("Not known", False)):
            c.setFont("ZapfDingbats", 9)
            c.drawString(x, by + 9, "\u25a0" if ticked else "\u2751")
            c.setFont("Helvetica", 9)
            c.drawString(x + 12, by + 9, option)
            x += 60 if option != "No" else 50
        # the "No" branch: a short line to the side box
        mid = by + box_h / 2
        c.line(box_x + box_w, mid, box_x + box_w + 40, mid)
        c.setFont("Helvetica-Oblique", 7)
        c.drawString(box_x + box_w + 12, mid + no_label_rise, "No")
        c.roundRect(box_x + box_w + 40, mid - 14, 120, 28, 6)
        if side_words:
            c.setFont("Helvetica", 8)
            c.drawString(box_x + box_w + 46, mid + 2, "Discuss with the")
            c.drawString(box_x + box_w + 46, mid - 8, "business unit")
        # the "Yes" branch: an arrow down to the next box
        ax = box_x + box_w / 2
        c.line(ax, by, ax, by - gap + 2)
        c.line(ax - 3, by - gap + 6, ax, by - gap + 2)
        c.line(ax + 3, by - gap + 6, ax, by - gap + 2)
        c.setFont("Helvetica-Oblique", 7)
        c.drawString(ax + 5, by - gap / 2 - 2, "Yes")
    c.save()
    return out.getvalue()


def test_flowchart_connector_labels_are_no_answer_each_criterion_reads_as_ticked():
    """The side box left blank: each question is read with its own ticked option, the connectors' 'Yes' and 'No'
    beside it being no answer. (With words in the side box, read between a question and its options, the criteria
    stay empty: the next test.)"""
    rec = _read(_flowchart_pdf(side_words=False))
    assert rec["children"][0]["name"] == "Maisie Crabtree"
    for _, field in CRITERIA:
        assert rec["criteria"][field] is True, (field, rec["criteria"])


def test_flowchart_connector_no_level_with_the_question_is_never_read_as_no():
    """The same flowchart, the connector's small 'No' set level with the question's line (where a reader that
    joins lines by height puts it after the question)."""
    for rise in (3, 8):
        rec = _read(_flowchart_pdf(no_label_rise=rise))
        assert all(rec["criteria"][field] is not False for _, field in CRITERIA), (rise, rec["criteria"])
