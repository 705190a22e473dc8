"""A small WordprocessingML writer for unseen17 (no python-docx needed to write).

Deterministic: parts are written in a fixed order with fixed zip timestamps.
"""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
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
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
        'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
        'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'mc:Ignorable="w14 w15 wp14"')

REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def rpr(b=False, i=False, sz=None, color=None, font=None, highlight=None, u=None, caps=False, smallcaps=False,
        style=None, shd=None, vanish=False, strike=False) -> str:
    out = []
    if style:
        out.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        out.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>')
    if b:
        out.append("<w:b/><w:bCs/>")
    if i:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if smallcaps:
        out.append("<w:smallCaps/>")
    if strike:
        out.append("<w:strike/>")
    if vanish:
        out.append("<w:vanish/>")
    if color:
        out.append(f'<w:color w:val="{color}"/>')
    if sz:
        out.append(f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>')
    if highlight:
        out.append(f'<w:highlight w:val="{highlight}"/>')
    if u:
        out.append(f'<w:u w:val="{u}"/>')
    if shd:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def r(text: str, **fmt) -> str:
    """A run; '\\n' becomes a line break, '\\t' a tab."""
    props = rpr(**fmt)
    pieces = []
    for li, line in enumerate(text.split("\n")):
        if li:
            pieces.append("<w:br/>")
        for ti, chunk in enumerate(line.split("\t")):
            if ti:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{esc(chunk)}</w:t>')
    return f"<w:r>{props}{''.join(pieces)}</w:r>"


def ppr(style=None, align=None, after=None, before=None, ind_left=None, hanging=None, first=None, tabs=None,
        keep_next=False, shd=None, border_bottom=None, rpr_xml="", line=None) -> str:
    out = []
    if style:
        out.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        out.append("<w:keepNext/>")
    if border_bottom:
        out.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{border_bottom}" w:space="1" w:color="auto"/></w:pBdr>')
    if shd:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>')
    if tabs:
        out.append("<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:leader="{ld}" w:pos="{pos}"/>' for k, pos, ld in tabs)
                   + "</w:tabs>")
    if after is not None or before is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="auto"'
        out.append(f"<w:spacing{attrs}/>")
    if ind_left is not None or hanging is not None or first is not None:
        attrs = f' w:left="{ind_left or 0}"'
        if hanging is not None:
            attrs += f' w:hanging="{hanging}"'
        if first is not None:
            attrs += f' w:firstLine="{first}"'
        out.append(f"<w:ind{attrs}/>")
    if align:
        out.append(f'<w:jc w:val="{align}"/>')
    if rpr_xml:
        out.append(rpr_xml)
    return f"<w:pPr>{''.join(out)}</w:pPr>" if out else ""


def p(content: str = "", **kw) -> str:
    """A paragraph. `content` is run XML (starting with '<') or plain text."""
    if content and not content.lstrip().startswith("<"):
        content = r(content)
    return f"<w:p>{ppr(**kw)}{content}</w:p>"


def tc(content: str, width: int, shade: str | None = None, span: int = 1, vmerge: str | None = None,
       valign: str | None = None, borders: str | None = None, nowrap=False) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge is not None:
        props.append('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    if borders:
        props.append(borders)
    if shade:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if nowrap:
        props.append("<w:noWrap/>")
    if valign:
        props.append(f'<w:vAlign w:val="{valign}"/>')
    if not content.strip():
        content = "<w:p/>"
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content}</w:tc>"


def tr(cells: list[str], height: int | None = None, header=False, cant_split=False) -> str:
    props = []
    if cant_split:
        props.append("<w:cantSplit/>")
    if height:
        props.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        props.append("<w:tblHeader/>")
    pr = f"<w:trPr>{''.join(props)}</w:trPr>" if props else ""
    return f"<w:tr>{pr}{''.join(cells)}</w:tr>"


def tbl(rows: list[str], widths: list[int], borders: str = "single", color: str = "808080", sz: int = 4,
        style: str | None = "TableGrid", layout_fixed=True, ind: int | None = None) -> str:
    total = sum(widths)
    if borders == "none":
        bxml = ("<w:tblBorders>" + "".join(f'<w:{e} w:val="nil"/>' for e in
                                             ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
    else:
        bxml = ("<w:tblBorders>" + "".join(f'<w:{e} w:val="{borders}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                                             for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
                + "</w:tblBorders>")
    st = f'<w:tblStyle w:val="{style}"/>' if style else ""
    lay = '<w:tblLayout w:type="fixed"/>' if layout_fixed else ""
    indx = f'<w:tblInd w:w="{ind}" w:type="dxa"/>' if ind else ""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr>{st}<w:tblW w:w="{total}" w:type="dxa"/>{indx}{bxml}{lay}'
            f'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def sect_pr(header_rid: str | None = None, footer_rid: str | None = None, landscape=False, margins=1134) -> str:
    refs = ""
    if header_rid:
        refs += f'<w:headerReference w:type="default" r:id="{header_rid}"/>'
    if footer_rid:
        refs += f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
    size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
    return (f'<w:sectPr>{refs}{size}<w:pgMar w:top="{margins}" w:right="{margins}" w:bottom="{margins}" '
            f'w:left="{margins}" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/>'
            f'<w:docGrid w:linePitch="360"/></w:sectPr>')


def styles_xml(font: str = "Calibri", size: float = 10.5) -> str:
    hs = int(size * 2)
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>'''


def settings_xml(extra_before_tab: str = "", extra_after_compat: str = "", compat_mode: int = 15) -> str:
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14 w15"><w:zoom w:percent="100"/>{extra_before_tab}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat_mode}"/></w:compat>{extra_after_compat}<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'''


def hdr_ftr(kind: str, body: str) -> str:
    tag = "w:hdr" if kind == "header" else "w:ftr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag} {W_NS}>{body}</{tag}>'


class Package:
    """Collects parts and relationships and writes a .docx."""

    def __init__(self, title: str, author: str, created: str, app: str = "Microsoft Office Word"):
        self.parts: list[tuple[str, bytes]] = []
        self.doc_rels: list[tuple[str, str, str, str | None]] = []   # id, type, target, mode
        self.defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        self.overrides: dict[str, str] = {}
        self.title, self.author, self.created, self.app = title, author, created, app
        self._rid = 10
        self.custom_props: list[tuple[str, str]] = []

    def rel(self, rtype: str, target: str, mode: str | None = None) -> str:
        self._rid += 1
        rid = f"rId{self._rid}"
        self.doc_rels.append((rid, rtype, target, mode))
        return rid

    def add(self, name: str, data: str | bytes, ctype: str | None = None) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.parts.append((name, data))
        if ctype:
            self.overrides["/" + name] = ctype

    def default(self, ext: str, ctype: str) -> None:
        self.defaults[ext] = ctype

    def build(self, body: str, settings: str, header: str | None = None, footer: str | None = None,
              landscape=False, styles: str | None = None, extra_sect: str | None = None) -> bytes:
        hid = fid = None
        if header is not None:
            hid = self.rel(REL + "header", "header1.xml")
            self.add("word/header1.xml", hdr_ftr("header", header),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
        if footer is not None:
            fid = self.rel(REL + "footer", "footer1.xml")
            self.add("word/footer1.xml", hdr_ftr("footer", footer),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
        sp = extra_sect or sect_pr(hid, fid, landscape=landscape)
        if extra_sect and "{HID}" in extra_sect:
            sp = extra_sect.replace("{HID}", hid or "").replace("{FID}", fid or "")
        doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}{sp}'
               f'</w:body></w:document>')
        self.rel(REL + "styles", "styles.xml")
        self.rel(REL + "settings", "settings.xml")
        files: list[tuple[str, bytes]] = []
        files.append(("word/document.xml", doc.encode("utf-8")))
        self.overrides["/word/document.xml"] = CT_MAIN
        files.append(("word/styles.xml", (styles or styles_xml()).encode("utf-8")))
        self.overrides["/word/styles.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        files.append(("word/settings.xml", settings.encode("utf-8")))
        self.overrides["/word/settings.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        files.extend(self.parts)
        rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
        for rid, rtype, target, mode in self.doc_rels:
            m = f' TargetMode="{mode}"' if mode else ""
            rels.append(f'<Relationship Id="{rid}" Type="{rtype}" Target="{esc(target)}"{m}/>')
        rels.append("</Relationships>")
        files.append(("word/_rels/document.xml.rels", "".join(rels).encode("utf-8")))
        core = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
                f'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                f'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:title>{esc(self.title)}</dc:title><dc:creator>{esc(self.author)}</dc:creator>'
                f'<cp:lastModifiedBy>{esc(self.author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{self.created}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{self.created}</dcterms:modified></cp:coreProperties>')
        app = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
               f'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
               f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
               f'<Application>{esc(self.app)}</Application><DocSecurity>0</DocSecurity></Properties>')
        files.append(("docProps/core.xml", core.encode("utf-8")))
        files.append(("docProps/app.xml", app.encode("utf-8")))
        self.overrides["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
        self.overrides["/docProps/app.xml"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        root_rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
                     f'<Relationship Id="rId1" Type="{REL_DOC}" Target="word/document.xml"/>',
                     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
                     '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>']
        if self.custom_props:
            root_rels.append('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>')
            props = "".join(
                f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{esc(n)}">'
                f'<vt:lpwstr>{esc(v)}</vt:lpwstr></property>' for i, (n, v) in enumerate(self.custom_props))
            files.append(("docProps/custom.xml", (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
                'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>'
            ).encode("utf-8")))
            self.overrides["/docProps/custom.xml"] = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
        root_rels.append("</Relationships>")
        files.append(("_rels/.rels", "".join(root_rels).encode("utf-8")))
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        for ext, ctype in self.defaults.items():
            ct.append(f'<Default Extension="{ext}" ContentType="{ctype}"/>')
        for name, ctype in self.overrides.items():
            ct.append(f'<Override PartName="{name}" ContentType="{ctype}"/>')
        ct.append("</Types>")
        order = [("[Content_Types].xml", "".join(ct).encode("utf-8"))]
        order += [f for f in files if f[0] == "_rels/.rels"]
        order += [f for f in files if f[0] != "_rels/.rels"]
        return zip_bytes(order)


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return buf.getvalue()
