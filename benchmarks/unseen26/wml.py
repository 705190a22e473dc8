"""A small WordprocessingML writer and a deterministic .docx package builder (fixed zip entry
order, fixed timestamps)."""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
IGNORABLE = 'mc:Ignorable="w14 w15 wp14"'

REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
REL_FONTTABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
REL_WEBSETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings"
REL_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
REL_CUSTOMXML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CUSTOMXMLPROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

TEXT_W = 9638  # A4 with 2 cm margins, in twips


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


# ------------------------------------------------------------------------------------ runs
def rpr(b=False, i=False, sz=None, color=None, font=None, u=None, caps=False, style=None, highlight=None,
        shd=None, vanish=False, strike=False, smallcaps=False) -> str:
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>')
    if b:
        parts.append("<w:b/><w:bCs/>")
    if i:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if smallcaps:
        parts.append("<w:smallCaps/>")
    if strike:
        parts.append("<w:strike/>")
    if vanish:
        parts.append("<w:vanish/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if sz:
        parts.append(f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    if u:
        parts.append(f'<w:u w:val="{u}"/>')
    if shd:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, **kw) -> str:
    """A run; '\\n' becomes a line break and '\\t' a tab."""
    props = rpr(**kw)
    out = []
    buf = []

    def flush():
        if buf:
            t = "".join(buf)
            out.append(f'<w:t xml:space="preserve">{esc(t)}</w:t>')
            buf.clear()

    for ch in text:
        if ch == "\n":
            flush()
            out.append("<w:br/>")
        elif ch == "\t":
            flush()
            out.append("<w:tab/>")
        else:
            buf.append(ch)
    flush()
    return f"<w:r>{props}{''.join(out)}</w:r>"


def page_break() -> str:
    return '<w:r><w:br w:type="page"/></w:r>'


def fld_simple(instr: str, result: str, **kw) -> str:
    return f'<w:fldSimple w:instr="{esc(instr)}">{run(result, **kw)}</w:fldSimple>'


# ------------------------------------------------------------------------------------ paragraphs
def ppr(style=None, jc=None, before=None, after=None, line=None, ind_left=None, ind_hanging=None, ind_first=None,
        keep_next=False, shd=None, bottom_border=None, tabs=None, numpr=None, rpr_mark="", page_break_before=False,
        outline=None, sect=None) -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if numpr:
        parts.append(numpr)
    if bottom_border:
        parts.append(f'<w:pBdr><w:bottom w:val="{bottom_border}" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>')
    if shd:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>')
    if tabs:
        parts.append("<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        a = ""
        if before is not None:
            a += f' w:before="{before}"'
        if after is not None:
            a += f' w:after="{after}"'
        if line is not None:
            a += f' w:line="{line}" w:lineRule="auto"'
        parts.append(f"<w:spacing{a}/>")
    if ind_left is not None or ind_hanging is not None or ind_first is not None:
        a = ""
        if ind_left is not None:
            a += f' w:left="{ind_left}"'
        if ind_hanging is not None:
            a += f' w:hanging="{ind_hanging}"'
        if ind_first is not None:
            a += f' w:firstLine="{ind_first}"'
        parts.append(f"<w:ind{a}/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    if rpr_mark:
        parts.append(rpr_mark)
    if sect:
        parts.append(sect)
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def para(content: str = "", **kw) -> str:
    return f"<w:p>{ppr(**kw)}{content}</w:p>"


def tpara(text: str, pkw: dict | None = None, **rkw) -> str:
    """A paragraph holding one run of text."""
    return para(run(text, **rkw) if text else "", **(pkw or {}))


# ------------------------------------------------------------------------------------ tables
def tc(content: str, w: int | None = None, span: int = 1, vmerge: str | None = None, fill: str | None = None,
       valign: str | None = None, borders: str | None = None, margins: str | None = None, nowrap=False,
       textdir: str | None = None) -> str:
    parts = []
    if w is not None:
        parts.append(f'<w:tcW w:w="{w}" w:type="dxa"/>')
    if span > 1:
        parts.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        parts.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        parts.append("<w:vMerge/>")
    if borders:
        parts.append(borders)
    if fill:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if nowrap:
        parts.append("<w:noWrap/>")
    if margins:
        parts.append(margins)
    if textdir:
        parts.append(f'<w:textDirection w:val="{textdir}"/>')
    if valign:
        parts.append(f'<w:vAlign w:val="{valign}"/>')
    if not content.strip().endswith("</w:p>") and "<w:p>" not in content and "<w:p " not in content:
        content = content + "<w:p/>"
    return f"<w:tc><w:tcPr>{''.join(parts)}</w:tcPr>{content}</w:tc>"


def tr(cells: list[str], header=False, height: int | None = None, cant_split=False) -> str:
    parts = []
    if cant_split:
        parts.append("<w:cantSplit/>")
    if height:
        parts.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        parts.append("<w:tblHeader/>")
    trpr = f"<w:trPr>{''.join(parts)}</w:trPr>" if parts else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def borders_xml(kind="single", sz=4, color="808080", inside=True) -> str:
    if kind == "none":
        edges = ["top", "left", "bottom", "right", "insideH", "insideV"]
        return "<w:tblBorders>" + "".join(f'<w:{e} w:val="nil"/>' for e in edges) + "</w:tblBorders>"
    edges = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    return "<w:tblBorders>" + "".join(
        f'<w:{e} w:val="{kind}" w:sz="{sz}" w:space="0" w:color="{color}"/>' for e in edges) + "</w:tblBorders>"


def tbl(rows: list[str], widths: list[int], borders: str | None = None, style: str | None = "TableGrid",
        ind: int = 0, fixed=True, cell_margins=(57, 108), jc: str | None = None, tblpPr: str | None = None) -> str:
    total = sum(widths)
    props = []
    if style:
        props.append(f'<w:tblStyle w:val="{style}"/>')
    if tblpPr:
        props.append(tblpPr)
    props.append(f'<w:tblW w:w="{total}" w:type="dxa"/>')
    if jc:
        props.append(f'<w:jc w:val="{jc}"/>')
    if ind:
        props.append(f'<w:tblInd w:w="{ind}" w:type="dxa"/>')
    props.append(borders if borders is not None else borders_xml())
    if fixed:
        props.append('<w:tblLayout w:type="fixed"/>')
    tb, lr = cell_margins
    props.append(f'<w:tblCellMar><w:top w:w="{tb}" w:type="dxa"/><w:left w:w="{lr}" w:type="dxa"/>'
                 f'<w:bottom w:w="{tb}" w:type="dxa"/><w:right w:w="{lr}" w:type="dxa"/></w:tblCellMar>')
    props.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                 'w:noHBand="0" w:noVBand="1"/>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


# ------------------------------------------------------------------------------------ sections
def sect_pr(header_ids: dict | None = None, footer_ids: dict | None = None, landscape=False, title_pg=False,
            margins=(1134, 1134, 1134, 1134), cols: int = 1) -> str:
    w, h = (16838, 11906) if landscape else (11906, 16838)
    refs = ""
    for kind, rid in (header_ids or {}).items():
        refs += f'<w:headerReference w:type="{kind}" r:id="{rid}"/>'
    for kind, rid in (footer_ids or {}).items():
        refs += f'<w:footerReference w:type="{kind}" r:id="{rid}"/>'
    orient = ' w:orient="landscape"' if landscape else ""
    top, right, bottom, left = margins
    tp = "<w:titlePg/>" if title_pg else ""
    return (f"<w:sectPr>{refs}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>"
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="567" '
            f'w:footer="567" w:gutter="0"/><w:cols w:space="708" w:num="{cols}"/>{tp}'
            f'<w:docGrid w:linePitch="360"/></w:sectPr>')


def document_xml(body: str, sect: str, background: str | None = None) -> str:
    bg = f'<w:background w:color="{background}"/>' if background else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document {NSDECL} {IGNORABLE}>{bg}<w:body>{body}{sect}</w:body></w:document>')


def hdr_xml(body: str, tag="hdr") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{tag} {NSDECL} {IGNORABLE}>{body}</w:{tag}>')


def styles_xml(font="Arial", size=10, heading_color="1F3864") -> str:
    sz = int(size * 2)
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{NS['w']}" xmlns:mc="{NS['mc']}" xmlns:w14="{NS['w14']}" mc:Ignorable="w14">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>
<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NoSpacing"><w:name w:val="No Spacing"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/></w:style>
</w:styles>'''


def settings_xml(compat=15, extra="") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{NS["w"]}" xmlns:r="{NS["r"]}" xmlns:m="{NS["m"]}" xmlns:w14="{NS["w14"]}" '
            f'xmlns:w15="{NS["w15"]}" xmlns:mc="{NS["mc"]}" mc:Ignorable="w14 w15">'
            f'<w:zoom w:percent="100"/>{extra}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat}"/>'
            f'<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>'
            f'<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


FONTTABLE = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{NS["w"]}">'
             '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
             '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
             '<w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
             '<w:font w:name="Segoe UI Symbol"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
             '</w:fonts>')


def core_xml(title="", subject="", creator="", modified_by="", created="2026-01-01T09:00:00Z",
             modified="2026-01-01T09:00:00Z", revision=3, extra="") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:subject>{esc(subject)}</dc:subject><dc:creator>{esc(creator)}</dc:creator>'
            f'{extra}<cp:lastModifiedBy>{esc(modified_by)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')


def app_xml(company="", manager="", template="Normal.dotm", app="Microsoft Office Word", version="16.0000",
            pages=3) -> str:
    mgr = f"<Manager>{esc(manager)}</Manager>" if manager is not None else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>{esc(template)}</Template><TotalTime>14</TotalTime><Pages>{pages}</Pages>'
            f'<Application>{esc(app)}</Application><DocSecurity>0</DocSecurity>'
            f'{mgr}<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            f'<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{version}</AppVersion></Properties>')


class Package:
    """Collects the parts of a .docx and writes them in a fixed order with fixed timestamps."""

    def __init__(self):
        self.parts: dict[str, bytes] = {}
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
                                          "xml": "application/xml"}
        self.doc_rels: list[tuple[str, str, str, str]] = []   # id, type, target, mode
        self._rid = 0

    def add(self, name: str, data, ctype: str | None = None) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.parts[name] = data
        if ctype:
            self.overrides["/" + name] = ctype

    def rel(self, rtype: str, target: str, external=False) -> str:
        self._rid += 1
        rid = f"rId{self._rid}"
        self.doc_rels.append((rid, rtype, target, "External" if external else ""))
        return rid

    def write(self, path: str, main="word/document.xml") -> None:
        rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
        for rid, rtype, target, mode in self.doc_rels:
            m = f' TargetMode="{mode}"' if mode else ""
            rels.append(f'<Relationship Id="{rid}" Type="{rtype}" Target="{esc(target)}"{m}/>')
        rels.append("</Relationships>")
        self.add("word/_rels/" + main.split("/")[-1] + ".rels", "".join(rels))
        pkg_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId3" Type="{REL_APP}" Target="docProps/app.xml"/>'
                    f'<Relationship Id="rId2" Type="{REL_CORE}" Target="docProps/core.xml"/>'
                    f'<Relationship Id="rId1" Type="{REL_DOC}" Target="{main}"/></Relationships>')
        self.add("_rels/.rels", pkg_rels)
        self.overrides["/" + main] = CT_MAIN
        self.overrides["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
        self.overrides["/docProps/app.xml"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        for ext, t in sorted(self.defaults.items()):
            ct.append(f'<Default Extension="{ext}" ContentType="{t}"/>')
        for name, t in sorted(self.overrides.items()):
            ct.append(f'<Override PartName="{name}" ContentType="{t}"/>')
        ct.append("</Types>")
        order = ["[Content_Types].xml", "_rels/.rels"]
        self.parts["[Content_Types].xml"] = "".join(ct).encode("utf-8")
        names = order + sorted(n for n in self.parts if n not in order)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n in names:
                zi = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, self.parts[n])


def base_package(font="Arial", size=10, compat=15, settings_extra="", heading_color="1F3864") -> Package:
    pkg = Package()
    pkg.add("word/styles.xml", styles_xml(font, size, heading_color),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
    pkg.rel(REL_STYLES, "styles.xml")
    pkg.add("word/settings.xml", settings_xml(compat, settings_extra),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")
    pkg.rel(REL_SETTINGS, "settings.xml")
    pkg.add("word/fontTable.xml", FONTTABLE,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml")
    pkg.rel(REL_FONTTABLE, "fontTable.xml")
    return pkg


def add_header_footer(pkg: Package, header_body: str, footer_body: str, n: int = 1) -> tuple[str, str]:
    pkg.add(f"word/header{n}.xml", hdr_xml(header_body, "hdr"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
    hid = pkg.rel(REL_HEADER, f"header{n}.xml")
    pkg.add(f"word/footer{n}.xml", hdr_xml(footer_body, "ftr"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
    fid = pkg.rel(REL_FOOTER, f"footer{n}.xml")
    return hid, fid
