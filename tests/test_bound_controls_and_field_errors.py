"""Word answers that live outside the body's text: content controls bound to a custom XML part (a SharePoint
library's columns), and fields Word could not fill ('Error! No document variable supplied.')."""

from __future__ import annotations

import io
import zipfile

import pytest

from parsers import parse_bytes
from parsers.blocks import Table
from parsers.docx_reader import read_docx, worksheet_table
from tests.docx_xml import package

STORE = "{6E1B4C2A-1111-4A6B-9C3D-0123456789AB}"
LIST = "http://schemas.microsoft.com/office/2006/metadata/properties"
COLS = "urn:example-library-columns"
MAPPING = f"xmlns:ns0='{LIST}' xmlns:ns3='{COLS}'"


def bound(column: str, shown: str | None, kind: str = "text", items: tuple = ()) -> str:
    """A content control bound to the library column; shown None: the body still shows its placeholder."""
    extra = ""
    if kind == "date":
        extra = '<w:date><w:dateFormat w:val="dd/MM/yyyy"/></w:date>'
    elif kind == "list":
        extra = "<w:dropDownList>" + "".join(f'<w:listItem w:displayText="{d}" w:value="{v}"/>' for d, v in items) \
            + "</w:dropDownList>"
    placeholder = "<w:showingPlcHdr/>" if shown is None else ""
    text = f"[{column}]" if shown is None else shown
    return (f'<w:sdt><w:sdtPr>{placeholder}<w:dataBinding w:prefixMappings="{MAPPING}" '
            f'w:xpath="/ns0:properties[1]/documentManagement[1]/ns3:{column}[1]" w:storeItemID="{STORE}"/>{extra}'
            f'</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{text}</w:t></w:r>'
            "</w:sdtContent></w:sdt>")


def row(label: str, answer_xml: str) -> str:
    return (f"<w:tr><w:tc><w:p><w:r><w:t>{label}</w:t></w:r></w:p></w:tc>"
            f"<w:tc><w:p>{answer_xml}</w:p></w:tc></w:tr>")


def with_custom_xml(docx_bytes: bytes, values: dict[str, str | None]) -> bytes:
    """Add the library's custom XML part (and its item properties naming the store item id) to the package."""
    cols = "".join(f'<ns3:{k} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>' if v is None
                   else f"<ns3:{k}>{v}</ns3:{k}>" for k, v in values.items())
    item = (f'<?xml version="1.0" encoding="utf-8"?><ns0:properties xmlns:ns0="{LIST}" xmlns:ns3="{COLS}">'
            f"<documentManagement>{cols}</documentManagement></ns0:properties>")
    props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem '
             f'ds:itemID="{STORE}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
             "<ds:schemaRefs/></ds:datastoreItem>")
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    n = 1 + sum(1 for name in src.namelist() if name.startswith("customXml/item") and "Props" not in name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        z.writestr(f"customXml/item{n}.xml", item)          # beside the template's own part(s)
        z.writestr(f"customXml/itemProps{n}.xml", props)
    return out.getvalue()


VALUES = {"Officer_x0020_name": "Dana Whitlow", "Officer_x0020_email": "dana.whitlow@example.gov.uk",
          "Child_x0020_name": "Robin Tey", "Child_x0020_DOB": "2019-05-04T00:00:00Z",
          "Incident_x0020_date": "2026-03-02T00:00:00Z", "Police": "Y", "Child_x0020_school": None,
          "Summary": "Robin was found with a burn to the hand.\nA strategy discussion was held on 3 March."}


def library_form(stale: bool) -> bytes:
    """A label | answer table of bound controls; stale: saved before the values were edited in the library, so
    every control still shows its placeholder and the answers are only in the custom XML part."""
    shown = {k: None for k in VALUES} if stale else {
        "Officer_x0020_name": "Dana Whitlow", "Officer_x0020_email": "dana.whitlow@example.gov.uk",
        "Child_x0020_name": "Robin Tey", "Child_x0020_DOB": "04/05/2019", "Incident_x0020_date": "02/03/2026",
        "Police": "Yes", "Child_x0020_school": None,
        "Summary": "Robin was found with a burn to the hand."}
    rows = [row("Referring officer", bound("Officer_x0020_name", shown["Officer_x0020_name"])),
            row("Officer email", bound("Officer_x0020_email", shown["Officer_x0020_email"])),
            row("Child's full name", bound("Child_x0020_name", shown["Child_x0020_name"])),
            row("Child's date of birth", bound("Child_x0020_DOB", shown["Child_x0020_DOB"], "date")),
            row("School or nursery", bound("Child_x0020_school", shown["Child_x0020_school"])),
            row("Date of the incident", bound("Incident_x0020_date", shown["Incident_x0020_date"], "date")),
            row("Are the police involved?", bound("Police", shown["Police"], "list", (("Yes", "Y"), ("No", "N")))),
            row("What happened", bound("Summary", shown["Summary"]))]
    body = ("<w:p><w:r><w:t>Safeguarding referral (library form)</w:t></w:r></w:p>"
            "<w:tbl>" + "".join(rows) + "</w:tbl>")
    return with_custom_xml(package(body), VALUES)


def cells(data: bytes) -> dict[str, str]:
    table = next(b for b in read_docx(data)[0] if isinstance(b, Table))
    return {r[0]: r[1] for r in table.rows}


@pytest.mark.parametrize("stale", [True, False])
def test_a_control_bound_to_a_library_column_reads_the_columns_value(stale):
    got = cells(library_form(stale))
    assert got["Referring officer"] == "Dana Whitlow"
    assert got["Child's date of birth"] == "2019-05-04"
    assert got["Are the police involved?"] == "Yes"          # the drop-down's display text, not its stored 'Y'
    assert got["What happened"] == "Robin was found with a burn to the hand.\nA strategy discussion was held on 3 March."
    assert got["School or nursery"] == ""                      # a nil column: unanswered, not '[Child school]'


def test_a_library_form_saved_before_its_values_were_edited_is_read_from_the_library():
    r = parse_bytes(library_form(stale=True), "library.docx")
    assert r.status == "parsed"
    assert r.record["children"][0]["name"] == "Robin Tey"
    assert r.record["children"][0]["dob"] == "2019-05-04"
    assert r.record["children"][0]["school"] is None
    assert r.record["incident"]["date"] == "2026-03-02"


def test_a_binding_to_no_part_in_the_package_leaves_the_body_as_it_shows():
    body = "<w:tbl>" + row("Referring officer", bound("Officer_x0020_name", "Dana Whitlow")) + "</w:tbl>"
    assert cells(package(body))["Referring officer"] == "Dana Whitlow"


def docvariable(name: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> DOCVARIABLE  {name}  \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{result}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_a_field_word_could_not_fill_is_no_answer():
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">School / nursery:\t</w:t></w:r>"
            f"{docvariable('ChildSchool', 'Error! No document variable supplied.')}</w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">GP practice:\t</w:t></w:r>"
            f"{docvariable('ChildGP', 'Dr Amies and Partners')}</w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">See section </w:t></w:r>"
            f"{docvariable('Ref', 'Error! Reference source not found.')}</w:p>")
    texts = [b.text for b in read_docx(package(body))[0]]
    assert texts[0].rstrip() == "School / nursery:"
    assert texts[1] == "GP practice:\tDr Amies and Partners"
    assert "Error!" not in " ".join(texts)


def xlsx(rows: list[list], date_cells: set[tuple[int, int]] = frozenset()) -> bytes:
    """A minimal workbook (as Excel writes one: shared strings, numbers, a dd/mm/yyyy date style)."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        out = []
        for c, v in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if v == "":
                continue
            if isinstance(v, (int, float)):
                style = ' s="1"' if (r - 1, c) in date_cells else ""
                out.append(f'<c r="{ref}"{style}><v>{v}</v></c>')
            else:
                strings.append(v)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    files = {
        "xl/worksheets/sheet1.xml": f'<worksheet {main}><sheetData>{"".join(cells)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst {main}>' + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>",
        "xl/styles.xml": (f'<styleSheet {main}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
                          '</numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
                          "</cellXfs></styleSheet>"),
        "xl/workbook.xml": f'<workbook {main}><sheets><sheet name="Children" sheetId="1"/></sheets></workbook>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return out.getvalue()


def with_embedded_sheet(body_xml: str, workbook: bytes) -> bytes:
    """The body, whose paragraph holds an Excel.Sheet object (relationship rIdSheet1), and the workbook embedded."""
    src = zipfile.ZipFile(io.BytesIO(package(body_xml)))
    out = io.BytesIO()
    rel = ('<Relationship Id="rIdSheet1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           'package" Target="embeddings/Microsoft_Excel_Worksheet1.xlsx"/>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            z.writestr(info, data)
        z.writestr("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", workbook)
    return out.getvalue()


OLE = ('<w:p><w:r><w:object xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" '
       'ObjectID="_1" r:id="rIdSheet1"/></w:object></w:r></w:p>')


def test_an_embedded_worksheet_is_read_where_the_document_shows_it():
    sheet = xlsx([["Question", "Child 1", "Child 2", "Child 3"],
                  ["Full name", "Noor Haddad", "Idris Haddad", ""],
                  ["Date of birth", 43614, "01/09/2021", ""],     # a date serial under dd/mm/yyyy, and typed text
                  ["", "", "", ""],
                  ["School", "Brookfield Primary", "", ""]], date_cells={(2, 1)})
    body = ("<w:p><w:r><w:t>2. The children</w:t></w:r></w:p>" + OLE
            + "<w:p><w:r><w:t>3. What happened</w:t></w:r></w:p>")
    blocks = read_docx(with_embedded_sheet(body, sheet))[0]
    assert [getattr(b, "text", None) for b in blocks][0] == "2. The children"
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows == [["Question", "Child 1", "Child 2", "Child 3"], ["Full name", "Noor Haddad", "Idris Haddad", ""],
                          ["Date of birth", "29/05/2019", "01/09/2021", ""], ["School", "Brookfield Primary", "", ""]]
    assert blocks[2].text == "3. What happened"


def test_an_object_that_is_not_a_readable_workbook_adds_nothing():
    body = "<w:p><w:r><w:t>Children</w:t></w:r></w:p>" + OLE
    blocks = read_docx(with_embedded_sheet(body, b"not a zip at all"))[0]
    assert [b.text for b in blocks] == ["Children"]


def sheet_xml(cells: str, styles: str = "") -> bytes:
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {main}><sheetData>{cells}</sheetData></worksheet>")
        z.writestr("xl/sharedStrings.xml", f"<sst {main}><si><t>Name</t></si></sst>")
        if styles:
            z.writestr("xl/styles.xml", f"<styleSheet {main}>{styles}</styleSheet>")
    return out.getvalue()


def test_a_worksheet_with_a_cell_far_away_reads_only_the_rows_and_columns_that_hold_something():
    far = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                    '<row r="999999999"><c r="XFD999999999"><v>7</v></c></row>')
    assert worksheet_table(far).rows == [["Name", ""], ["", "7"]]


@pytest.mark.parametrize("cells, styles", [
    ('<row r="1"><c r="A1" t="s"><v>\u00b2</v></c><c r="B1"><v>2</v></c></row>', ""),   # a digit that int() refuses
    ('<row r="1"><c r="A1" s="x"><v>5</v></c></row>', ""),                               # a style that is no number
    ('<row r="1"><c r="A1"><v>5</v></c></row>',
     '<numFmts><numFmt formatCode="dd/mm/yyyy"/></numFmts>'),                           # a format without its id
])
def test_a_malformed_embedded_workbook_costs_its_own_cells_not_the_form(cells, styles):
    body = "<w:p><w:r><w:t>Children</w:t></w:r></w:p>" + OLE
    r = parse_bytes(with_embedded_sheet(body, sheet_xml(cells, styles)), "f.docx")
    assert r.status != "rejected"


def test_a_binding_path_with_functions_in_it_is_not_evaluated():
    control = bound("Officer_x0020_name", "Shown Name").replace(
        "ns3:Officer_x0020_name[1]", "ns3:Officer_x0020_name[string-length(.) &gt; 0]")
    assert "string-length" in control
    body = "<w:tbl>" + row("Referring officer", control) + row("Officer email", bound("Officer_x0020_email", None)) \
        + "</w:tbl>"
    got = cells(with_custom_xml(package(body), VALUES))
    assert got["Referring officer"] == "Shown Name"            # the body as it shows: the path was not evaluated
    assert got["Officer email"] == "dana.whitlow@example.gov.uk"   # a plain path beside it still is


def test_an_answer_typed_in_a_form_field_that_starts_error_is_kept():
    typed = ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r>'
             '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t xml:space="preserve">Error! in the dose given by the pharmacy</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = f"<w:p><w:r><w:t xml:space=\"preserve\">Concern:\t</w:t></w:r>{typed}</w:p>"
    assert read_docx(package(body))[0][0].text == "Concern:\tError! in the dose given by the pharmacy"
