"""A Word form whose answers sit in embedded HTML parts (w:altChunk), as some document builders write them: Word
shows each part in place as the document's own headings, paragraphs and tables, so the reader reads them there."""

from __future__ import annotations

import io
import zipfile

from parsers import parse_bytes
from parsers.blocks import Para, Table
from parsers.docx_reader import read_docx
from tests.docx_xml import p, package

HTML = """<html><head><style>td{font-family:Arial}</style><title>not text</title></head><body>
<h3>About you</h3>
<table><tr><th>Referrer name</th><td>Sinead Naylor</td></tr>
<tr><th>Email</th><td>sinead.naylor@nhs.net</td></tr>
<tr><th>Telephone</th><td>0114 496 0714</td></tr></table>
<h3>The child</h3>
<table><tr><th>Name of child</th><td>Aaliyah Pickering</td></tr>
<tr><th>Date of birth</th><td>07/05/2020</td></tr>
<tr><th>Home address</th><td>96 Tanner&#x27;s Row<br>Greystone<br>GY6 7QL</td></tr>
<tr><th>Discussed with lead?</th><td>&#9746; Yes &nbsp; &#9744; No</td></tr></table>
<h3>The incident</h3>
<table><tr><th>Date of incident</th><td>21/03/2025</td></tr>
<tr><th>Summary of the incident</th><td>Aaliyah was seen at the centre after a disclosure at nursery.</td></tr></table>
</body></html>"""
REL = ('<Relationship Id="rIdAlt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
       'Target="afchunk1.htm"/>')


def alt_chunk_docx() -> bytes:
    base = zipfile.ZipFile(io.BytesIO(package(p("Notification to the partnership") + '<w:altChunk r:id="rIdAlt1"/>'
                                              + p("End of form"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            data = base.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", REL.encode() + b"</Relationships>")
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="htm" ContentType="application/xhtml+xml"/></Types>')
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:document ", b'<w:document xmlns:r="http://schemas.openxmlformats.org/'
                                                     b'officeDocument/2006/relationships" ', 1)
            z.writestr(info, data)
        z.writestr("word/afchunk1.htm", HTML)
    return out.getvalue()


def test_an_embedded_html_part_is_read_in_place_as_headings_and_tables():
    blocks = read_docx(alt_chunk_docx())[0]
    texts = [b.text if isinstance(b, Para) else "table" for b in blocks]
    assert texts == ["Notification to the partnership", "About you", "table", "The child", "table",
                     "The incident", "table", "End of form"]
    child = next(b for b in blocks if isinstance(b, Table) and b.rows[0][0] == "Name of child")
    assert child.rows[2] == ["Home address", "96 Tanner's Row\nGreystone\nGY6 7QL"]   # <br> a new line, &#x27; a '
    assert child.rows[3] == ["Discussed with lead?", "☒ Yes ☐ No"]
    assert not any("not text" in t for t in texts)   # the head's title is no text of the form


def test_a_form_answered_in_an_embedded_html_part_is_parsed():
    r = parse_bytes(alt_chunk_docx(), "altchunk.docx")
    assert r.status == "parsed", r.warnings
    assert r.record["referrer"]["name"] == "Sinead Naylor"
    assert r.record["children"][0]["name"] == "Aaliyah Pickering"
    assert r.record["children"][0]["dob"] == "2020-05-07"
    assert r.record["incident"]["date"] == "2025-03-21"
