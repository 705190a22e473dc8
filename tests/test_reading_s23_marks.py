"""Session 23's marks and answers in Word forms, built as real .docx files in memory (every part written by hand) and
read through the public entry point: options chosen with an emoji tick (and rejected with emoji crosses), an
incident type ticked in a list of lines, the referrer and the safeguarding lead named only by Office signature lines,
options ringed with Word's Oval tool (in a row and in a column), and agencies written 'Agency (worker, contact); ...'."""

from __future__ import annotations


import pytest

from parsers import parse_bytes
from tests.test_reading_s23_word import _esc
from tests.test_reading_s23_word import build_package as word_package

# --- a package written part by part (test_reading_s23_word's, its main part declaring the drawing namespaces) ----

V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"
W10 = "urn:schemas-microsoft-com:office:word"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
DRAWING_NS = (f'xmlns:v="{V}" xmlns:o="{O}" xmlns:w10="{W10}" xmlns:wp="{WP}" xmlns:wp14="{WP14}" xmlns:a="{A}" '
              f'xmlns:wps="{WPS}"')


def build_package(body_xml: str) -> bytes:
    return word_package(body_xml, extra_ns=DRAWING_NS)


# --- body building blocks ---------------------------------------------------------------------------------------

def run(text: str, bold: bool = False) -> str:
    pr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def para(*runs: str) -> str:
    return f'<w:p><w:pPr><w:jc w:val="left"/></w:pPr>{"".join(runs)}</w:p>'


def p(text: str = "", bold: bool = False) -> str:
    return para(run(text, bold) if text else "")


def _borders(kind: str) -> str:
    val = '"single" w:sz="4" w:space="0" w:color="000000"' if kind == "single" else '"nil"'
    return "<w:tblBorders>" + "".join(f"<w:{side} w:val={val}/>" for side in
                                      ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"


def table(rows: list[tuple[str, str | list[str]]]) -> str:
    """A bordered label | answer table; an answer is plain text or built body XML (paragraphs, nested tables)."""
    body = ""
    for label, answer in rows:
        inner = "".join(answer) if isinstance(answer, list) else p(answer)
        body += ('<w:tr><w:tc><w:tcPr><w:tcW w:w="3600" w:type="dxa"/></w:tcPr>' + p(label) + "</w:tc>"
                 '<w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr>' + inner + "</w:tc></w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/>{_borders("single")}</w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="3600"/><w:gridCol w:w="6000"/></w:tblGrid>{body}</w:tbl>')


# --- the form -----------------------------------------------------------------------------------------------------

SUMMARY = ("Keira arrived at school on Monday with bruising to both upper arms and told her teacher that her "
           "mother's partner had grabbed and shaken her when she would not go to bed.",
           "She later said this had happened before and that she was frightened to go home.")
REFERRER = [("Date of referral", "04/02/2026"), ("Name of referrer", "Bethan Okonkwo"),
            ("Job title", "Year 6 class teacher"), ("Organisation", "St Aidan's C of E Primary School"),
            ("Email", "bethan.okonkwo@staidans.sch.uk"), ("Telephone", "01422 496 031")]


def referral(referrer: list = REFERRER, child_note: str = "", child_rows: list = (), incident_note: str = "",
             incident_rows: list = (), tail: str = "") -> bytes:
    """A small referral form of label | answer tables: referrer, child (name, date of birth, then child_rows),
    incident (date, place, then incident_rows, then the summary), and tail (more sections) after it."""
    body = (p("Calderdale Safeguarding Children Partnership", bold=True) + p("Case Referral Form", bold=True)
            + p("Section 1: Person making the referral", bold=True) + table(list(referrer))
            + p("Section 2: The child", bold=True) + child_note
            + table([("Child's full name", "Keira Holroyd"), ("Date of birth", "13/07/2015"),
                     ("Home address", "41 Calder View, Brighouse, HD6 2PL"), *child_rows])
            + p("Section 3: The incident", bold=True) + incident_note
            + table([("Date of incident", "02/02/2026"), ("Where did it happen?", "The family home"),
                     *incident_rows, ("Summary of what happened", [p(s) for s in SUMMARY])])
            + tail)
    return build_package(body)


def _read(data: bytes) -> dict:
    result = parse_bytes(data, "referral.docx")
    assert result.status != "rejected", (result.status, getattr(result, "reason", None), result.warnings)
    assert result.record is not None, result
    return result.record


def _assert_core(rec: dict) -> None:
    """The rest of the form read as usual (checked after the behaviour under test)."""
    child = rec["children"][0]
    assert child["name"] == "Keira Holroyd"
    assert child["dob"] == "2015-07-13"
    assert rec["incident"]["date"] == "2026-02-02"
    assert rec["incident"]["summary"] == "\n\n".join(SUMMARY)


TICK = "\u2714\ufe0f"    # ✔️ heavy check mark + emoji presentation selector
CROSS = "\u2716\ufe0f"   # ✖️ heavy multiplication x + emoji presentation selector
GAP = "     "


# --- 1. emoji ticks (and crosses) typed before an option ------------------------------------------------------

@pytest.mark.parametrize("police, looked_after", [(False, True), (True, False)])
def test_emoji_tick_before_an_option_chooses_it_for_yes_no_questions(police, looked_after):
    """'Yes     ✔️ No     Not known' is No; '✔️ Yes     No     Not known' is Yes (both ways round, so reading the
    first or the last word of the cell cannot pass)."""
    def options(yes: bool) -> str:
        return (f"{TICK} Yes{GAP}No{GAP}Not known" if yes else f"Yes{GAP}{TICK} No{GAP}Not known")

    rec = _read(referral(child_rows=[("Is the child looked after?", options(looked_after))],
                         incident_rows=[("Are the police involved?", options(police))]))
    assert rec["incident"]["police_involved"] is police
    assert rec["children"][0]["looked_after"] is looked_after
    _assert_core(rec)


def test_emoji_crosses_before_rejected_options_leave_the_ticked_one_chosen():
    """'✖️ Yes     ✔️ No     ✖️ Not known' is No; '✔️ Yes     ✖️ No     ✖️ Not known' is Yes: a cross is no tick."""
    rec = _read(referral(
        child_rows=[("Is the child looked after?", f"{TICK} Yes{GAP}{CROSS} No{GAP}{CROSS} Not known")],
        incident_rows=[("Are the police involved?", f"{CROSS} Yes{GAP}{TICK} No{GAP}{CROSS} Not known")]))
    assert rec["incident"]["police_involved"] is False
    assert rec["children"][0]["looked_after"] is True
    _assert_core(rec)


def test_emoji_tick_before_male_chooses_male_gender():
    rec = _read(referral(child_rows=[("Gender", f"Female{GAP}{TICK} Male{GAP}Other")]))
    assert rec["children"][0]["gender"] == "male"
    _assert_core(rec)


# --- 2. the incident type ticked in a list of lines ------------------------------------------------------------

INCIDENT_TYPES = ["Child death", "Serious harm", "Death of a looked after child", "Other"]


@pytest.mark.parametrize("chosen, expected", [("Serious harm", "serious_harm"),
                                              ("Death of a looked after child", "lac_death")])
def test_incident_type_ticked_with_an_emoji_in_a_list_of_lines_is_the_type(chosen, expected):
    lines = [p(f"{TICK} {t}" if t == chosen else t) for t in INCIDENT_TYPES]
    rec = _read(referral(incident_rows=[("Type of incident", lines)]))
    assert rec["incident"]["type"] == expected
    assert rec["incident"]["type"] != "death"
    _assert_core(rec)


# --- 3. Office signature lines naming the referrer and the safeguarding lead ----------------------------------

SHAPETYPE = ('<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" '
             'path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/>'
             '<v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>'
             '<o:lock v:ext="edit" aspectratio="t"/></v:shapetype>')


def signature_line(n: int, signer: str, title: str, email: str) -> str:
    """A paragraph holding an Office signature line (Insert > Signature Line) as Word writes it."""
    guid = f"{{6F1B{n:04d}-2C3D-4E5F-8A9B-0C1D2E3F4A5B}}"
    return para(
        '<w:r><w:pict>' + (SHAPETYPE if n == 1 else "")
        + f'<v:shape id="_x0000_i102{4 + n}" type="#_x0000_t75" alt="Microsoft Office Signature Line..." '
        'style="width:192pt;height:96pt"><o:lock v:ext="edit" ungrouping="t" rotation="t" cropping="t" '
        'verticies="t" text="t" grouping="t"/>'
        f'<o:signatureline v:ext="edit" id="{guid}" provid="{{00000000-0000-0000-0000-000000000000}}" '
        f'o:suggestedsigner="{_esc(signer)}" o:suggestedsigner2="{_esc(title)}" '
        f'o:suggestedsigneremail="{_esc(email)}" issignatureline="t"/></v:shape></w:pict></w:r>')


def _signed_form(lead_title: str) -> bytes:
    """The referrer's name and job title are asked nowhere: only signature lines name the referrer and the lead."""
    referrer = [("Date of referral", "04/02/2026"), ("Organisation", "Pennine Urgent Treatment Centre"),
                ("Email", "graham.mistry@nhs.net"), ("Telephone", "01422 496 200")]
    tail = (p("Section 4: Declaration", bold=True)
            + p("I confirm that the information in this form is accurate to the best of my knowledge.")
            + p("Referrer's signature", bold=True)
            + signature_line(1, "Graham Mistry", "Urgent Care Practitioner", "graham.mistry@nhs.net")
            + p("Safeguarding lead - signature", bold=True)
            + signature_line(2, "Aisha Rahman", lead_title, "aisha.rahman@nhs.net"))
    return referral(referrer=referrer, tail=tail)


def test_office_signature_lines_name_the_referrer_and_the_safeguarding_lead_with_their_titles():
    rec = _read(_signed_form("Named Nurse for Safeguarding Children"))
    assert (rec["referrer"]["name"], rec["referrer"]["role"]) == ("Graham Mistry", "Urgent Care Practitioner")
    assert (rec["safeguarding_lead"]["name"], rec["safeguarding_lead"]["role"]) == \
        ("Aisha Rahman", "Named Nurse for Safeguarding Children")
    _assert_core(rec)


def test_office_signature_line_with_no_suggested_title_gives_the_name_and_a_null_role():
    rec = _read(_signed_form(""))
    assert rec["safeguarding_lead"]["name"] == "Aisha Rahman"
    assert rec["safeguarding_lead"]["role"] is None
    assert (rec["referrer"]["name"], rec["referrer"]["role"]) == ("Graham Mistry", "Urgent Care Practitioner")
    _assert_core(rec)


# --- 4. options ringed with Word's Oval tool ---------------------------------------------------------------------

_shape_ids = iter(range(1, 10_000))


def oval(filled: bool = False) -> str:
    """A run holding an anchored ellipse as Word's Insert > Shapes > Oval writes it (a DrawingML shape with a VML
    fallback), placed over the text of its paragraph. filled=False: no fill, a dark blue outline (a ring);
    filled=True: a small solid dot (a bullet or a logo), no ring."""
    n = next(_shape_ids)
    cx, cy = (101600, 101600) if filled else (584200, 254000)
    fill = '<a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill>' if filled else "<a:noFill/>"
    vml = ('filled="t" fillcolor="#1F4E79" strokecolor="#1F4E79" strokeweight="1pt"' if filled
           else 'filled="f" strokecolor="#1F4E79" strokeweight="1.5pt"')
    size = "width:8pt;height:8pt" if filled else "width:46pt;height:20pt"
    return (
        "<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="25165{n:04d}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="3A5C1E2F" wp14:editId="7B21D4C9">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="character"><wp:posOffset>-76200</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="line"><wp:posOffset>-50800</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/><wp:wrapNone/>'
        f'<wp:docPr id="{n}" name="Oval {n}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/>'
        f'</a:prstGeom>{fill}<a:ln w="19050"><a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef>'
        '<a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/>'
        '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></wps:style>'
        '<wps:bodyPr rot="0" spcFirstLastPara="0" vertOverflow="overflow" horzOverflow="overflow" vert="horz" '
        'wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" numCol="1" spcCol="0" rtlCol="0" '
        'fromWordArt="0" anchor="ctr" anchorCtr="0" forceAA="0" compatLnSpc="1"><a:prstTxWarp prst="textNoShape">'
        '<a:avLst/></a:prstTxWarp><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:oval id="Oval {n}" o:spid="_x0000_s{1025 + n}" style="position:absolute;margin-left:-6pt;'
        f'margin-top:-4pt;{size};z-index:251659264;visibility:visible;mso-wrap-style:square;'
        'mso-position-horizontal:absolute;mso-position-horizontal-relative:char;mso-position-vertical:absolute;'
        f'mso-position-vertical-relative:line;v-text-anchor:middle" {vml}/>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def _option(text: str, mark: str | None) -> str:
    """An option's paragraph: its text, with a ring ('ring') or a filled dot ('dot') drawn over it."""
    drawn = oval(filled=True) if mark == "dot" else oval() if mark == "ring" else ""
    return para(drawn, run(text))


def _nested(cells: list[list[str]]) -> list[str]:
    """A borderless nested table (rows of cells, each cell's paragraphs) and the paragraph Word keeps after it."""
    cols = max(len(r) for r in cells)
    width = 6000 // cols
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    rows = "".join("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{c}</w:tc>'
                                      for c in r) + "</w:tr>" for r in cells)
    return [f'<w:tbl><w:tblPr><w:tblW w:w="{width * cols}" w:type="dxa"/>{_borders("nil")}'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>', p()]


def ringed_row(options: list[str], marks: dict[str, str] | None = None) -> list[str]:
    """Options side by side in a borderless one-row nested table; marks: {option: 'ring' | 'dot'}."""
    marks = marks or {}
    return _nested([[_option(o, marks.get(o)) for o in options]])


YES_NO = ["Yes", "No", "Not sure"]
CIRCLE = p("Please circle the answer that applies.")


@pytest.mark.parametrize("police, looked_after", [("Yes", "No"), ("No", "Yes")])
def test_option_ringed_with_a_word_oval_in_a_nested_row_is_the_yes_no_answer(police, looked_after):
    rec = _read(referral(child_note=CIRCLE,
                         child_rows=[("Is the child looked after?", ringed_row(YES_NO, {looked_after: "ring"}))],
                         incident_note=CIRCLE,
                         incident_rows=[("Are the police involved?", ringed_row(YES_NO, {police: "ring"}))]))
    assert rec["incident"]["police_involved"] is (police == "Yes")
    assert rec["children"][0]["looked_after"] is (looked_after == "Yes")
    _assert_core(rec)


@pytest.mark.parametrize("ringed, expected", [("Girl", "female"), ("Boy", "male")])
def test_option_ringed_with_a_word_oval_in_a_nested_row_is_the_gender(ringed, expected):
    rec = _read(referral(child_note=CIRCLE,
                         child_rows=[("Gender", ringed_row(["Girl", "Boy", "Other"], {ringed: "ring"}))]))
    assert rec["children"][0]["gender"] == expected
    _assert_core(rec)


def test_row_of_options_with_nothing_ringed_gives_null_beside_a_ringed_row():
    """Guard: the police row is ringed ('No'); the looked-after row has no ring: false and null."""
    rec = _read(referral(child_note=CIRCLE,
                         child_rows=[("Is the child looked after?", ringed_row(YES_NO))],
                         incident_note=CIRCLE,
                         incident_rows=[("Are the police involved?", ringed_row(YES_NO, {"No": "ring"}))]))
    assert rec["children"][0]["looked_after"] is None
    assert rec["incident"]["police_involved"] is False
    _assert_core(rec)


def test_filled_ellipse_over_an_option_is_no_ring():
    """Guard: a small solid dot (a:solidFill, a bullet or a logo) drawn over 'Yes' while 'No' is ringed: the answer
    is No; and a row whose only ellipse is a filled dot over 'Yes' stays null."""
    rec = _read(referral(
        child_note=CIRCLE,
        child_rows=[("Is the child looked after?", ringed_row(YES_NO, {"Yes": "dot"}))],
        incident_note=CIRCLE,
        incident_rows=[("Are the police involved?", ringed_row(YES_NO, {"Yes": "dot", "No": "ring"}))]))
    assert rec["children"][0]["looked_after"] is None
    assert rec["incident"]["police_involved"] is False
    _assert_core(rec)


# --- 5. an option ringed in a column ---------------------------------------------------------------------------

TYPE_OPTIONS = [("A child has died", "death"), ("A child has been seriously harmed", "serious_harm"),
                ("A child in care has died", "lac_death"), ("Something else (please say)", "other")]


@pytest.mark.parametrize("ringed, expected", TYPE_OPTIONS, ids=[t for _, t in TYPE_OPTIONS])
def test_incident_type_ringed_with_a_word_oval_in_a_one_column_nested_table(ringed, expected):
    column = _nested([[_option(o, "ring" if o == ringed else None)] for o, _ in TYPE_OPTIONS])
    rec = _read(referral(incident_note=CIRCLE, incident_rows=[("Type of incident", column)]))
    assert rec["incident"]["type"] == expected
    _assert_core(rec)


# --- 6. agencies written 'Agency (worker, contact); ...' -------------------------------------------------------

AGENCIES = ("Domestic Abuse Service (Gemma Brierley, 0121 496 0164); Adult Mental Health Team (0161 496 0485); "
            "Youth Justice Service (frontdoor@example.org.uk).")
GP_NOTE = p("Please give the family's GP (if known).")


def _agency_form(with_agencies: bool) -> bytes:
    tail = (p("Section 4: Agencies involved", bold=True)
            + table([("Agency / team (worker, contact)", AGENCIES)])) if with_agencies else ""
    return referral(child_note=GP_NOTE, tail=tail)


def test_agencies_each_with_worker_and_contact_in_brackets_are_split_into_name_agency_and_contact():
    rec = _read(_agency_form(True))
    assert rec["agencies_involved"] == [
        {"name": "Gemma Brierley", "agency": "Domestic Abuse Service", "contact": "0121 496 0164"},
        {"name": None, "agency": "Adult Mental Health Team", "contact": "0161 496 0485"},
        {"name": None, "agency": "Youth Justice Service", "contact": "frontdoor@example.org.uk"},
    ]
    _assert_core(rec)


def test_sentence_with_a_bracket_in_it_outside_an_agency_answer_makes_no_agency():
    """Guard: 'Please give the family's GP (if known).' in the child section, and no agencies asked: none."""
    rec = _read(_agency_form(False))
    assert rec["agencies_involved"] == []
    _assert_core(rec)
