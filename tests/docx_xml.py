"""Build .docx files from raw WordprocessingML body XML (for content controls, legacy fields, glyphs)."""

from __future__ import annotations

import io
import zipfile

import docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def package(body_xml: str, ns: str = W, rels=(), overrides: dict | None = None, parts: dict | None = None,
            defaults: dict | None = None) -> bytes:
    """python-docx's blank package with ``body_xml`` as its body (``ns``: the namespaces declared on the document),
    and, where given, more relationships of the document ((id, type, target)), content-type overrides
    ({part: type}) and defaults ({extension: type}), and more parts ({name: bytes})."""
    base = io.BytesIO()
    docx.Document().save(base)
    src = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
                        f"{body_xml}</w:body></w:document>").encode()
            elif info.filename == "word/_rels/document.xml.rels" and rels:
                extra = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                                for rid, kind, target in rels)
                data = data.decode().replace("</Relationships>", extra + "</Relationships>").encode()
            elif info.filename == "[Content_Types].xml" and (overrides or defaults):
                text = data.decode()
                extra = "".join(f'<Override PartName="{part}" ContentType="{kind}"/>'
                                for part, kind in (overrides or {}).items())
                extra += "".join(f'<Default Extension="{ext}" ContentType="{kind}"/>'
                                 for ext, kind in (defaults or {}).items() if f'Extension="{ext}"' not in text)
                data = text.replace("</Types>", extra + "</Types>").encode()
            z.writestr(info, data)
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def sdt_text(value: str | None, placeholder: str = "Click or tap here to enter text.") -> str:
    if value is None:
        return f"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>{placeholder}</w:t></w:r></w:sdtContent></w:sdt>"
    return f"<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>{value}</w:t></w:r></w:sdtContent></w:sdt>"


def sdt_date(shown: str, iso: str) -> str:
    return (f'<w:sdt><w:sdtPr><w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/></w:date></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>")


def sdt_checkbox(checked: bool) -> str:
    glyph = "☒" if checked else "☐"
    return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/></w14:checkbox></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>")


def legacy_checkbox(checked: bool) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>'
            f'<w:default w:val="{1 if checked else 0}"/></w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def legacy_text(value: str | None, default: str | None = None) -> str:
    """A legacy text field showing value (five en spaces when None); default: the text Word shows until one types."""
    shown = value if value is not None else "\u2002" * 5
    text_input = "<w:textInput/>" if default is None else f'<w:textInput><w:default w:val="{default}"/></w:textInput>'
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData>{text_input}</w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def row(*cells: str, vmerge_continue: tuple[int, ...] = ()) -> str:
    out = []
    for i, c in enumerate(cells):
        pr = "<w:tcPr><w:vMerge/></w:tcPr>" if i in vmerge_continue else ""
        inner = c if c.startswith("<w:p") or c.startswith("<w:tbl") else f"<w:p>{c}</w:p>" if c.startswith("<w:") else p(c)
        out.append(f"<w:tc>{pr}{inner}</w:tc>")
    return "<w:tr>" + "".join(out) + "</w:tr>"


def table(*rows: str) -> str:
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"
