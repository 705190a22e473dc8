"""A checklist written in Google Docs: each option a list item whose box is only in the list's definition."""

from __future__ import annotations

import io
import zipfile

from parsers import types
from parsers.docx_reader import read_docx
from tests.docx_xml import package, p

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="☐"/>'
             '</w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="☑"/>'
             '</w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/>'
             '</w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>')


def item(text: str, num: int, struck: bool = False) -> str:
    strike = "<w:rPr><w:strike/></w:rPr>" if struck else ""
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            f"<w:r>{strike}<w:t>{text}</w:t></w:r></w:p>")


def with_numbering(body: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(package(body)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "word/numbering.xml":   # the blank document's own (empty) list definitions
                z.writestr(info, src.read(info))
        z.writestr("word/numbering.xml", NUMBERING)
    return out.getvalue()


def test_a_checklists_ticked_item_is_read_ticked_and_kept_though_struck_through():
    body = (p("Is the child open to social care?") + item("YES", 2, struck=True) + item("NO", 1) + item("UNKNOWN", 1)
            + p("Other notes") + item("Mother said", 3) + p("Ending") + f"<w:p><w:r><w:rPr><w:strike/></w:rPr>"
            "<w:t>deleted words</w:t></w:r></w:p>")
    texts = [b.text for b in read_docx(with_numbering(body))[0]]
    assert texts[1:4] == ["☒ YES", "☐ NO", "☐ UNKNOWN"]
    assert "Mother said" in texts                     # a bulleted list is not a checklist
    assert "deleted words" not in " ".join(texts)     # struck words outside a ticked item stay deleted
    assert types.normalised("child.open_to_csc", "\t".join(texts[1:4])) is True


def test_a_checklist_with_nothing_ticked_gives_no_answer():
    body = p("Is the child looked after?") + item("YES", 1) + item("NO", 1)
    texts = [b.text for b in read_docx(with_numbering(body))[0]]
    assert texts[1:3] == ["☐ YES", "☐ NO"]
    assert types.normalised("child.looked_after", "\t".join(texts[1:3])) is None
