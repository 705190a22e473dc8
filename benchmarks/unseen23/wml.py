"""A small WordprocessingML writer for unseen23 (strings in, a deterministic .docx zip out)."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R_NS}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W_NS}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'mc:Ignorable="w14 w15 wp14"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(bold=False, italic=False, size=None, color=None, font=None, caps=False, underline=None, strike=False,
        highlight=None, extra="") -> str:
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if strike:
        parts.append("<w:strike/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    if underline:
        parts.append(f'<w:u w:val="{underline}"/>')
    parts.append(extra)
    body = "".join(parts)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def run(txt: str, **kw) -> str:
    """A run; '\n' becomes a line break and '\t' a tab."""
    pr = rpr(**kw)
    out = []
    for i, line in enumerate(txt.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{esc(piece)}</w:t>')
    return f"<w:r>{pr}{''.join(out)}</w:r>"


def para(content: str | list[str] = "", style=None, align=None, before=None, after=None, line=None, shade=None,
         keep_next=False, ind_left=None, border_bottom=None, tabs=None, extra_ppr="", rpr_mark="") -> str:
    if isinstance(content, list):
        content = "".join(content)
    p = []
    if style:
        p.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        p.append("<w:keepNext/>")
    if border_bottom:
        p.append(f'<w:pBdr><w:bottom w:val="{border_bottom}" w:sz="6" w:space="1" w:color="808080"/></w:pBdr>')
    if shade:
        p.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        p.append("<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{pos}"/>' for v, pos in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="auto"'
        p.append(f"<w:spacing{attrs}/>")
    if ind_left is not None:
        p.append(f'<w:ind w:left="{ind_left}"/>')
    if align:
        p.append(f'<w:jc w:val="{align}"/>')
    p.append(extra_ppr)
    if rpr_mark:
        p.append(rpr_mark)
    ppr = "".join(p)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def cell(paras: str | list[str], width: int, shade=None, span=1, vmerge=None, valign=None, borders=None,
         no_wrap=False) -> dict:
    return {"paras": paras if isinstance(paras, str) else "".join(paras), "width": width, "shade": shade,
            "span": span, "vmerge": vmerge, "valign": valign, "borders": borders}


def border_xml(tag: str, val="single", sz=4, color="808080") -> str:
    inner = "".join(f'<w:{side} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                    for side in ("top", "left", "bottom", "right"))
    if tag == "tblBorders":
        inner += (f'<w:insideH w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                  f'<w:insideV w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>')
    return f"<w:{tag}>{inner}</w:{tag}>"


def table(rows: list[list[dict]], grid: list[int], borders=True, header_rows=0, layout_fixed=True,
          style=None, cant_split=False, row_height=None) -> str:
    tblpr = []
    if style:
        tblpr.append(f'<w:tblStyle w:val="{style}"/>')
    tblpr.append(f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>')
    if borders:
        tblpr.append(border_xml("tblBorders", "single", 4, "808080") if borders is True else borders)
    else:
        tblpr.append(border_xml("tblBorders", "nil", 0, "auto").replace(' w:sz="0"', "").replace(' w:color="auto"', ""))
    if layout_fixed:
        tblpr.append('<w:tblLayout w:type="fixed"/>')
    tblpr.append('<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
    tblpr.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
    out = [f"<w:tbl><w:tblPr>{''.join(tblpr)}</w:tblPr><w:tblGrid>"]
    out += [f'<w:gridCol w:w="{g}"/>' for g in grid]
    out.append("</w:tblGrid>")
    for ri, r in enumerate(rows):
        trpr = []
        if ri < header_rows:
            trpr.append("<w:tblHeader/>")
        if cant_split:
            trpr.append("<w:cantSplit/>")
        if row_height:
            trpr.append(f'<w:trHeight w:val="{row_height}"/>')
        out.append("<w:tr>" + (f"<w:trPr>{''.join(trpr)}</w:trPr>" if trpr else ""))
        for c in r:
            tcpr = [f'<w:tcW w:w="{c["width"]}" w:type="dxa"/>']
            if c["span"] > 1:
                tcpr.append(f'<w:gridSpan w:val="{c["span"]}"/>')
            if c["vmerge"]:
                tcpr.append('<w:vMerge w:val="restart"/>' if c["vmerge"] == "restart" else "<w:vMerge/>")
            if c["borders"]:
                tcpr.append(c["borders"])
            if c["shade"]:
                tcpr.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{c["shade"]}"/>')
            if c["valign"]:
                tcpr.append(f'<w:vAlign w:val="{c["valign"]}"/>')
            paras = c["paras"] or para("")
            out.append(f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{paras}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def sect_pr(header_ids=None, footer_ids=None, width=11906, height=16838, margins=(1134, 1021, 1134, 1021),
            title_pg=False, landscape=False, next_page=True, header_margin=567) -> str:
    refs = ""
    for kind, rid in (header_ids or {}).items():
        refs += f'<w:headerReference w:type="{kind}" r:id="{rid}"/>'
    for kind, rid in (footer_ids or {}).items():
        refs += f'<w:footerReference w:type="{kind}" r:id="{rid}"/>'
    orient = ' w:orient="landscape"' if landscape else ""
    top, right, bottom, left = margins
    t = "" if next_page else '<w:type w:val="continuous"/>'
    return (f"<w:sectPr>{refs}{t}<w:pgSz w:w=\"{width}\" w:h=\"{height}\"{orient}/>"
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header_margin}" '
            f'w:footer="454" w:gutter="0"/><w:cols w:space="708"/>{"<w:titlePg/>" if title_pg else ""}'
            '<w:docGrid w:linePitch="360"/></w:sectPr>')


def document_xml(body: str, final_sect: str, extra_root_attrs="") -> str:
    return f'{XML_HEAD}<w:document {NSDECL}{extra_root_attrs}><w:body>{body}{final_sect}</w:body></w:document>'


def hdr_xml(content: str, tag="hdr") -> str:
    return f"{XML_HEAD}<w:{tag} {NSDECL}>{content}</w:{tag}>"


def styles_xml(font="Calibri", size=10, heading_color="1F3864") -> str:
    sz = int(size * 2)
    return (f'{XML_HEAD}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
            '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '</w:styles>')


def settings_xml(extra="") -> str:
    return (f'{XML_HEAD}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:zoom w:percent="100"/>'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'{extra}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="en-GB"/></w:settings>')


def font_table_xml(fonts=("Calibri", "Arial", "Times New Roman")) -> str:
    return (f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}">' + "".join(f'<w:font w:name="{f}"/>' for f in fonts) + "</w:fonts>")


def core_xml(title: str, creator: str, created: str) -> str:
    return (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator><cp:lastModifiedBy>{esc(creator)}</cp:lastModifiedBy>"
            f'<cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>')


def app_xml(app="Microsoft Office Word", version="16.0000", company="") -> str:
    return (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>Normal.dotm</Template><TotalTime>14</TotalTime><Application>{esc(app)}</Application>"
            f"<DocSecurity>0</DocSecurity><Company>{esc(company)}</Company><AppVersion>{version}</AppVersion></Properties>")


class Package:
    """Collects parts and relationships; writes a deterministic zip."""

    def __init__(self, main="word/document.xml"):
        self.main = main
        self.parts: dict[str, bytes] = {}
        self.rels: list[tuple[str, str, str]] = []  # (id, type, target) for the main part
        self.overrides: dict[str, str] = {}
        self.defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}

    def add(self, name: str, data: str | bytes, ctype: str | None = None, rel: str | None = None) -> str | None:
        self.parts[name] = data.encode("utf-8") if isinstance(data, str) else data
        if ctype:
            self.overrides["/" + name] = ctype
        if rel:
            rid = f"rId{len(self.rels) + 1}"
            target = name[len("word/"):] if name.startswith("word/") else "../" + name
            self.rels.append((rid, REL_BASE + rel, target))
            return rid
        return None

    def add_image(self, name: str, data: bytes) -> str:
        self.defaults["png"] = "image/png"
        self.parts[name] = data
        rid = f"rId{len(self.rels) + 1}"
        self.rels.append((rid, REL_BASE + "image", name[len("word/"):]))
        return rid

    def build(self, document: str, transform=None, order_extra: list[str] | None = None) -> bytes:
        main = self.main
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        for ext, t in self.defaults.items():
            ct.append(f'<Default Extension="{ext}" ContentType="{t}"/>')
        ct.append(f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>')
        for pn, t in self.overrides.items():
            ct.append(f'<Override PartName="{pn}" ContentType="{t}"/>')
        ct.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>')
        ct.append('<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>')
        ct.append("</Types>")
        pkg_rels = (f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId3" Type="{REL_BASE}extended-properties" Target="docProps/app.xml"/>'
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                    f'<Relationship Id="rId1" Type="{REL_BASE}officeDocument" Target="{main}"/></Relationships>')
        doc_rels = (f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in self.rels)
                    + "</Relationships>")
        rels_name = main.rsplit("/", 1)[0] + "/_rels/" + main.rsplit("/", 1)[1] + ".rels"
        files = [("[Content_Types].xml", "".join(ct).encode()), ("_rels/.rels", pkg_rels.encode()),
                 (main, document.encode("utf-8")), (rels_name, doc_rels.encode())]
        files += sorted(self.parts.items(), key=lambda kv: (not kv[0].startswith("word/"), kv[0]))
        if transform:
            files = [(n, transform(n, d)) for n, d in files]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files:
                zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data)
        return buf.getvalue()


# --------------------------------------------------------------- Strict OOXML (ISO/IEC 29500 Strict)

STRICT_MAP = [
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"),
]


def to_strict(name: str, data: bytes) -> bytes:
    """Rewrite a transitional part the way Word's 'Strict Open XML Document' save writes it."""
    if not (name.endswith(".xml") or name.endswith(".rels")):
        return data
    s = data.decode("utf-8")
    for a, b in STRICT_MAP:
        s = s.replace(a, b)
    # strict drops the 'left'/'right' spellings for start / end
    s = re.sub(r'<w:jc w:val="left"/>', '<w:jc w:val="start"/>', s)
    s = re.sub(r'<w:jc w:val="right"/>', '<w:jc w:val="end"/>', s)
    s = s.replace("<w:left ", "<w:start ").replace("<w:right ", "<w:end ")
    s = s.replace('<w:ind w:left="', '<w:ind w:start="')
    s = s.replace(' w:val="04A0"', "")
    s = s.replace('<w:tab w:val="right"', '<w:tab w:val="end"').replace('<w:tab w:val="left"', '<w:tab w:val="start"')
    if name.endswith("document.xml") or name.endswith("document2.xml"):
        s = s.replace("<w:document ", '<w:document w:conformance="strict" ', 1)
    return s.encode("utf-8")
