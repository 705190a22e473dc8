"""Session 23's Word packages and layouts, built as real .docx files in memory (every part written by hand, so the
package's namespaces, relationship types and part names are exactly as the tests say) and read through the public
entry point: a Strict Open XML document, a main part Word for the web named 'document2.xml', and a long answer typed
after its label on one line and carried on in the paragraphs under it."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from parsers import parse_bytes

# --- a package written part by part ---------------------------------------------------------------------------

TRANSITIONAL = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "start": "left",
}
STRICT = {
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "start": "start",
}
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"  # the same in Strict files
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STYLES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _rels(rows: list[tuple[str, str, str]]) -> str:
    return (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in rows)
            + "</Relationships>")


def build_package(body_xml: str, flavour: dict = TRANSITIONAL, main: str = "word/document.xml",
                  main_target: str | None = None, with_main: bool = True, extra_ns: str = "") -> bytes:
    """A whole .docx written part by part: [Content_Types].xml, _rels/.rels (its officeDocument relationship
    pointing at ``main``, or at ``main_target`` where given), the main part and its relationships (styles and a
    header 'OFFICIAL-SENSITIVE'), styles and core properties, every namespace and relationship type from
    ``flavour`` (Transitional or Strict); ``extra_ns``: more namespace declarations for the main part (drawings).
    with_main=False leaves the main part (and its relationships) out, its
    content type still listed: a package that says it is a Word document but lost its main part."""
    w, rel = flavour["w"], flavour["rel"]
    folder, name = main.rsplit("/", 1)
    strict = ' w:conformance="strict"' if flavour is STRICT else ""
    ns = (f'xmlns:w="{w}" xmlns:r="{flavour["r"]}" xmlns:w14="{W14}" xmlns:mc="{MC}" {extra_ns} '
          'mc:Ignorable="w14"')
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" '
            'w:gutter="0"/></w:sectPr>')
    document = f"{XML_HEAD}<w:document {ns}{strict}><w:body>{body_xml}{sect}</w:body></w:document>"
    header = (f'{XML_HEAD}<w:hdr xmlns:w="{w}" xmlns:r="{flavour["r"]}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
              '<w:r><w:t>OFFICIAL-SENSITIVE</w:t></w:r></w:p></w:hdr>')
    styles = (f'{XML_HEAD}<w:styles xmlns:w="{w}"><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>'
              "</w:styles>")
    core = (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Case Referral Form</dc:title>'
            '<dc:creator>Calderdale Safeguarding Children Partnership</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-04T09:12:00Z</dcterms:created></cp:coreProperties>')
    types = (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + f'<Override PartName="/{main}" ContentType="{MAIN_TYPE}"/>'   # (listed even where the part is missing)
             + f'<Override PartName="/{folder}/styles.xml" ContentType="{STYLES_TYPE}"/>'
             f'<Override PartName="/{folder}/header1.xml" ContentType="{HEADER_TYPE}"/>'
             f'<Override PartName="/docProps/core.xml" ContentType="{CORE_TYPE}"/></Types>')
    root_rels = _rels([("rId1", f"{rel}/officeDocument", main_target or main),
                       ("rId2", CORE_REL, "docProps/core.xml")])
    main_rels = _rels([("rId1", f"{rel}/styles", "styles.xml"), ("rId2", f"{rel}/header", "header1.xml")])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        if with_main:
            z.writestr(main, document)
            z.writestr(f"{folder}/_rels/{name}.rels", main_rels)
        z.writestr(f"{folder}/styles.xml", styles)
        z.writestr(f"{folder}/header1.xml", header)
        z.writestr("docProps/core.xml", core)
    return out.getvalue()


# --- body building blocks (the alignment word is the flavour's: 'left' in Transitional, 'start' in Strict) -----

def run(text: str, bold: bool = False) -> str:
    pr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


TAB = "<w:r><w:tab/></w:r>"


def para(flavour: dict, *runs: str) -> str:
    return f'<w:p><w:pPr><w:jc w:val="{flavour["start"]}"/></w:pPr>{"".join(runs)}</w:p>'


def p(flavour: dict, text: str = "", bold: bool = False) -> str:
    return para(flavour, run(text, bold) if text else "")


def sdt_date(shown: str, iso: str) -> str:
    return (f'<w:sdt><w:sdtPr><w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/>'
            '<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
            f"</w:sdtPr><w:sdtContent>{run(shown)}</w:sdtContent></w:sdt>")


def sdt_checkbox(checked: bool) -> str:
    glyph = "\u2612" if checked else "\u2610"
    return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f"<w:sdtContent>{run(glyph)}</w:sdtContent></w:sdt>")


def yes_no(flavour: dict, yes: bool) -> str:
    return para(flavour, sdt_checkbox(yes), run(" Yes   "), sdt_checkbox(not yes), run(" No"))


def table(flavour: dict, rows: list[tuple[str, str | list[str]]]) -> str:
    """A label | answer table; an answer is plain text or built paragraphs."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    body = ""
    for label, answer in rows:
        inner = "".join(answer) if isinstance(answer, list) else p(flavour, answer)
        body += ('<w:tr><w:tc><w:tcPr><w:tcW w:w="3600" w:type="dxa"/></w:tcPr>' + p(flavour, label) + "</w:tc>"
                 '<w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr>' + inner + "</w:tc></w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="3600"/><w:gridCol w:w="6000"/></w:tblGrid>{body}</w:tbl>')


SUMMARY = ("Keira arrived at school on Monday with bruising to both upper arms and told her teacher that her "
           "mother's partner had grabbed and shaken her when she would not go to bed.",
           "She later said this had happened before and that she was frightened to go home; her younger brother "
           "was at home with the partner at the time of the disclosure.")


def table_form(flavour: dict) -> str:
    """A referral form of label | answer tables: dates in date pickers, yes / no in check-box content controls."""
    f = flavour
    return (p(f, "Calderdale Safeguarding Children Partnership", bold=True) + p(f, "Case Referral Form", bold=True)
            + p(f, "Section 1: Person making the referral", bold=True)
            + table(f, [("Date of referral", [para(f, sdt_date("04/02/2026", "2026-02-04"))]),
                        ("Name of referrer", "Bethan Okonkwo"), ("Job title", "Year 6 class teacher"),
                        ("Organisation", "St Aidan's C of E Primary School"),
                        ("Email", "bethan.okonkwo@staidans.sch.uk"), ("Telephone", "01422 496 031")])
            + p(f, "Section 2: The child", bold=True)
            + table(f, [("Child's full name", "Keira Holroyd"),
                        ("Date of birth", [para(f, sdt_date("13/07/2015", "2015-07-13"))]),
                        ("Gender", "Female"), ("Home address", "41 Calder View, Brighouse, HD6 2PL"),
                        ("Is the child known to children's social care?", [yes_no(f, False)])])
            + p(f, "Section 3: The incident", bold=True)
            + table(f, [("Date of incident", [para(f, sdt_date("02/02/2026", "2026-02-02"))]),
                        ("Where did it happen?", "The family home"),
                        ("Have the police been involved?", [yes_no(f, True)]),
                        ("Summary of what happened", [p(f, s) for s in SUMMARY])]))


def _read(data: bytes) -> dict:
    result = parse_bytes(data, "referral.docx")
    assert result.status != "rejected", (result.status, getattr(result, "reason", None), result.warnings)
    assert result.record is not None, result
    return result.record


def _assert_table_form(rec: dict) -> None:
    child = rec["children"][0]
    assert rec["date_of_referral"] == "2026-02-04"
    assert rec["referrer"]["name"] == "Bethan Okonkwo"
    assert rec["referrer"]["role"] == "Year 6 class teacher"
    assert rec["referrer"]["agency"] == "St Aidan's C of E Primary School"
    assert rec["referrer"]["email"] == "bethan.okonkwo@staidans.sch.uk"
    assert rec["referrer"]["phone"] == "01422496031"
    assert child["name"] == "Keira Holroyd"
    assert child["dob"] == "2015-07-13"
    assert child["gender"] == "female"
    assert child["address"] == "41 Calder View, Brighouse, HD6 2PL"
    assert child["open_to_csc"] is False
    assert rec["incident"]["date"] == "2026-02-02"
    assert rec["incident"]["location"] == "The family home"
    assert rec["incident"]["police_involved"] is True
    assert rec["incident"]["summary"] == "\n\n".join(SUMMARY)


@lru_cache(maxsize=None)
def _transitional_record_json() -> str:
    import json
    return json.dumps(_read(build_package(table_form(TRANSITIONAL))), sort_keys=True)


# --- 1. Strict Open XML ---------------------------------------------------------------------------------------

def test_strict_open_xml_form_reads_names_dates_and_check_boxes():
    data = build_package(table_form(STRICT), STRICT)
    assert b"schemas.openxmlformats.org/wordprocessingml" not in zipfile.ZipFile(io.BytesIO(data)).read(
        "word/document.xml")
    rec = _read(data)
    _assert_table_form(rec)


def test_strict_open_xml_form_reads_exactly_as_the_same_transitional_form():
    """The same form saved as 'Strict Open XML Document' and as an ordinary .docx: one record."""
    import json
    strict = _read(build_package(table_form(STRICT), STRICT))
    assert json.dumps(strict, sort_keys=True) == _transitional_record_json()


def test_transitional_twin_of_the_strict_form_reads_every_answer():
    """Guard: the control for the two tests above, the same form in ordinary (Transitional) namespaces, written
    part by part the same way (may pass on the old code)."""
    import json
    _assert_table_form(json.loads(_transitional_record_json()))


# --- 2. a main part not named document.xml (Word for the web) -------------------------------------------------

def test_main_part_named_document2_is_found_through_the_package_relationship_and_read():
    for target in ("word/document2.xml", "/word/document2.xml"):
        data = build_package(table_form(TRANSITIONAL), main="word/document2.xml", main_target=target)
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert "word/document.xml" not in names and "word/_rels/document2.xml.rels" in names
        rec = _read(data)
        _assert_table_form(rec)


def test_package_with_no_main_document_part_is_still_rejected_as_corrupt():
    """Guard: the content types and the relationship name word/document.xml but no such part (nor any other main
    part) is in the package: rejected as corrupt (passes on the old code too)."""
    data = build_package(table_form(TRANSITIONAL), with_main=False)
    result = parse_bytes(data, "referral.docx")
    assert (result.status, result.reason) == ("rejected", "corrupt")


# --- 3. a long answer typed after its label on one line, carried on in the paragraphs under it ---------------

LONG = ("The school nurse noticed that Keira was limping badly during the morning physical education lesson.",
        "When asked about it Keira said that her stepfather had kicked her on Saturday evening.",
        "The designated safeguarding lead spoke to Keira with her class teacher present and recorded her words.")
LINES = [("Date of referral:", "04/02/2026"), ("Name of referrer:", "Bethan Okonkwo"),
         ("Job title:", "Year 6 class teacher"), ("Organisation:", "St Aidan's C of E Primary School"),
         ("Email:", "bethan.okonkwo@staidans.sch.uk")]
CHILD_LINES = [("Child's full name:", "Keira Holroyd"), ("Date of birth:", "13/07/2015"),
               ("Home address:", "41 Calder View, Brighouse, HD6 2PL")]


def _paragraph_form(after_label: list[str]) -> bytes:
    """A form of 'Label:<tab>answer' paragraphs (no tables); after_label: the paragraphs from 'Summary of incident:'
    on, the first typed after the label's tab."""
    f = TRANSITIONAL

    def labelled(label: str, answer: str) -> str:
        return para(f, run(label), TAB, run(answer))

    body = (p(f, "Calderdale Safeguarding Children Partnership", bold=True) + p(f, "Case Referral Form", bold=True)
            + p(f, "Section 1: Person making the referral", bold=True) + "".join(labelled(*x) for x in LINES)
            + p(f, "Section 2: The child", bold=True) + "".join(labelled(*x) for x in CHILD_LINES)
            + p(f, "Section 3: The incident", bold=True)
            + labelled("Date of incident:", "02/02/2026") + labelled("Where did it happen?", "The school playground")
            + labelled("Summary of incident:", after_label[0]) + "".join(p(f, x) for x in after_label[1:]))
    return build_package(body)


def test_long_answer_after_its_label_reads_on_into_the_next_paragraphs_of_writing():
    rec = _read(_paragraph_form(list(LONG) + ["Are the police involved? Yes"]))
    assert rec["incident"]["summary"] == "\n\n".join(LONG)
    assert rec["incident"]["police_involved"] is True
    assert rec["children"][0]["name"] == "Keira Holroyd"
    assert rec["children"][0]["dob"] == "2015-07-13"
    assert rec["incident"]["date"] == "2026-02-02"
    assert rec["referrer"]["name"] == "Bethan Okonkwo"


def test_long_answer_after_its_label_stops_at_a_paragraph_that_asks_a_question():
    """Guard: the paragraph after the one-line answer asks questions ('Are there any immediate concerns? What action
    has been taken?'): it and its answer are no part of the summary (may pass on the old code)."""
    answer = "Keira is staying with her grandmother tonight and a strategy discussion is booked for Thursday."
    rec = _read(_paragraph_form([LONG[0], "Are there any immediate concerns? What action has been taken?", answer,
                                 "Are the police involved? Yes"]))
    summary = rec["incident"]["summary"]
    assert summary == LONG[0]
    assert "immediate concerns" not in summary.lower() and "grandmother" not in summary
