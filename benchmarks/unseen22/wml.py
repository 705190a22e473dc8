"""A small WordprocessingML writer (no python-docx at write time) with fixed zip order and timestamps."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'mc:Ignorable="w14 wp14"')

R_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
R_CONTROL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/control"
R_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
R_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def run(text: str = "", b=False, i=False, sz=None, color=None, font=None, caps=False, u=False) -> str:
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/>"
    if i:
        rpr += "<w:i/>"
    if caps:
        rpr += "<w:caps/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>'
    if u:
        rpr += '<w:u w:val="single"/>'
    out = []
    for k, part in enumerate(text.split("\t")):
        if k:
            out.append("<w:tab/>")
        if part:
            out.append(f'<w:t xml:space="preserve">{esc(part)}</w:t>')
    return f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{''.join(out)}</w:r>"


def para(content="", style=None, align=None, after=None, before=None, shade=None, keep=False, ind=None,
         border_bottom=False, **rk) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if border_bottom:
        ppr += '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>'
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if after is not None or before is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if isinstance(content, str) and not content.startswith("<w:"):
        content = run(content, **rk) if content else ""
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def cell(content: str, width: int, shade=None, span=1, vmerge=None, valign=None, borders=None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        tcpr += f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders:
        tcpr += f"<w:tcBorders>{borders}</w:tcBorders>"
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip().endswith("</w:p>"):
        content += "<w:p/>"
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def row(cells, height=None, header=False) -> str:
    trpr = ""
    if header:
        trpr += "<w:tblHeader/>"
    if height:
        trpr += f'<w:trHeight w:val="{height}"/>'
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def table(rows, widths, borders=True, color="000000", sz=4) -> str:
    if borders:
        b = "".join(f'<w:{s} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    else:
        b = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            f'</w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def png(width: int, height: int, pixel) -> bytes:
    """A deterministic RGB PNG; pixel(x, y) -> (r, g, b)."""
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(t, data):
        c = struct.pack(">I", len(data)) + t + data
        return c + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""


class Docx:
    def __init__(self, font="Calibri", size=10, landscape=False, compat=15):
        self.font, self.size, self.landscape, self.compat = font, size, landscape, compat
        self.body: list[str] = []
        self.rels: list[tuple[str, str, str]] = []  # (id, type, target)
        self.parts: dict[str, bytes] = {}
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        self.header = self.footer = None
        self._n = 0
        self._shape = 1024

    def rel(self, typ: str, target: str) -> str:
        self._n += 1
        rid = f"rId{100 + self._n}"
        self.rels.append((rid, typ, target))
        return rid

    def shape_id(self) -> int:
        self._shape += 1
        return self._shape

    def add(self, *xml: str):
        self.body.extend(xml)

    def image(self, name: str, data: bytes) -> str:
        self.parts[f"word/media/{name}"] = data
        self.defaults["png"] = "image/png"
        return self.rel(R_IMAGE, f"media/{name}")

    def build(self, title: str, author: str, modified: str) -> bytes:
        w, h = (16838, 11906) if self.landscape else (11906, 16838)
        hf = ""
        if self.header:
            rid = self.rel(R_HEADER, "header1.xml")
            self.parts["word/header1.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>{self.header}</w:hdr>').encode()
            self.overrides["/word/header1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
            hf += f'<w:headerReference w:type="default" r:id="{rid}"/>'
        if self.footer:
            rid = self.rel(R_FOOTER, "footer1.xml")
            self.parts["word/footer1.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NS}>{self.footer}</w:ftr>').encode()
            self.overrides["/word/footer1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
            hf += f'<w:footerReference w:type="default" r:id="{rid}"/>'
        orient = ' w:orient="landscape"' if self.landscape else ""
        sect = (f'<w:sectPr>{hf}<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="1000" w:right="900" w:bottom="1000" '
                f'w:left="900" w:header="500" w:footer="500" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>')
        doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
               f'{"".join(self.body)}{sect}</w:body></w:document>')
        rels = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in self.rels)
        base_rels = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>')
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml", **self.defaults}
        overrides = {"/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                     "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                     "/word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
                     "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
                     "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                     **self.overrides}
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              + "".join(f'<Default Extension="{k}" ContentType="{v}"/>' for k, v in defaults.items())
              + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items()) + "</Types>")
        settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f'<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
                    f'<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{self.compat}"/></w:compat></w:settings>')
        core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator><cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{modified}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
        app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
               '<Application>Microsoft Office Word</Application></Properties>')
        files = [("[Content_Types].xml", ct.encode()),
                 ("_rels/.rels", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                                  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                                  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                                  '</Relationships>').encode()),
                 ("word/document.xml", doc.encode()),
                 ("word/_rels/document.xml.rels", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                                    + base_rels + rels + "</Relationships>").encode()),
                 ("word/styles.xml", STYLES.replace("{font}", self.font).replace("{sz}", str(self.size * 2)).encode()),
                 ("word/settings.xml", settings.encode()),
                 ("docProps/core.xml", core.encode()), ("docProps/app.xml", app.encode())]
        files += sorted(self.parts.items())
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files:
                zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data)
        return buf.getvalue()
