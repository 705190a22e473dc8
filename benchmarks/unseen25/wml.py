"""A small WordprocessingML writer and a deterministic .docx package builder."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpi": "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "wne": "http://schemas.microsoft.com/office/word/2006/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
XMLHEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(bold=False, italic=False, size=None, font=None, color=None, caps=False, underline=None, strike=False,
        position=None, extra="") -> str:
    x = ""
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if bold:
        x += "<w:b/><w:bCs/>"
    if italic:
        x += "<w:i/><w:iCs/>"
    if caps:
        x += "<w:caps/>"
    if strike:
        x += "<w:strike/>"
    if color:
        x += f'<w:color w:val="{color}"/>'
    if position is not None:
        x += f'<w:position w:val="{position}"/>'
    if size:
        x += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    if underline:
        x += f'<w:u w:val="{underline}"/>'
    x += extra
    return f"<w:rPr>{x}</w:rPr>" if x else ""


def t(text: str) -> str:
    sp = ' xml:space="preserve"' if (text[:1].isspace() or text[-1:].isspace() or "  " in text) else ""
    return f"<w:t{sp}>{esc(text)}</w:t>"


def run(text: str = "", **kw) -> str:
    """A run; '\n' in text becomes a line break."""
    parts = text.split("\n")
    body = ""
    for i, p in enumerate(parts):
        if i:
            body += "<w:br/>"
        if p:
            body += t(p)
    return f"<w:r>{rpr(**kw)}{body}</w:r>"


def tab_run(**kw) -> str:
    return f"<w:r>{rpr(**kw)}<w:tab/></w:r>"


def ppr(style=None, align=None, before=None, after=None, ind_left=None, keep_next=False, shade=None, tabs=None,
        extra="", rpr_mark="") -> str:
    x = ""
    if style:
        x += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        x += "<w:keepNext/>"
    if shade:
        x += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        x += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>"
    if before is not None or after is not None:
        x += f'<w:spacing w:before="{before or 0}" w:after="{after or 0}"/>'
    if ind_left is not None:
        x += f'<w:ind w:left="{ind_left}"/>'
    if align:
        x += f'<w:jc w:val="{align}"/>'
    x += extra
    if rpr_mark:
        x += rpr_mark
    return f"<w:pPr>{x}</w:pPr>" if x else ""


def para(runs: str | list = "", **kw) -> str:
    if isinstance(runs, list):
        runs = "".join(runs)
    return f"<w:p>{ppr(**kw)}{runs}</w:p>"


def borders(sz=4, color="000000", val="single", inside=True) -> str:
    b = "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                for s in (["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])))
    return b


def cell(content: str, width: int, shade: str | None = None, span: int = 1, valign=None, vmerge=None,
         extra="") -> str:
    x = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        x += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        x += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if shade:
        x += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        x += f'<w:vAlign w:val="{valign}"/>'
    x += extra
    if not content:
        content = "<w:p/>"
    return f"<w:tc><w:tcPr>{x}</w:tcPr>{content}</w:tc>"


def row(cells: list[str], header=False, height=None, cant_split=False) -> str:
    x = ""
    if header:
        x += "<w:tblHeader/>"
    if cant_split:
        x += "<w:cantSplit/>"
    if height:
        x += f'<w:trHeight w:val="{height}"/>'
    return f"<w:tr>{f'<w:trPr>{x}</w:trPr>' if x else ''}{''.join(cells)}</w:tr>"


def table(rows: list[str], widths: list[int], border_sz=4, border_color="000000", style=None, layout_fixed=True,
          border_val="single", indent=None, no_borders=False) -> str:
    tp = ""
    if style:
        tp += f'<w:tblStyle w:val="{style}"/>'
    tp += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if indent is not None:
        tp += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    if no_borders:
        tp += "<w:tblBorders>" + borders(val="nil") + "</w:tblBorders>"
    else:
        tp += "<w:tblBorders>" + borders(border_sz, border_color, border_val) + "</w:tblBorders>"
    if layout_fixed:
        tp += '<w:tblLayout w:type="fixed"/>'
    tp += '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    tp += '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tp}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def sect_pr(header_rid="rIdHdr1", footer_rid="rIdFtr1", landscape=False, margins=(1134, 1134, 1134, 1134),
            extra="") -> str:
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    top, right, bottom, left = margins
    hf = ""
    if header_rid:
        hf += f'<w:headerReference w:type="default" r:id="{header_rid}"/>'
    if footer_rid:
        hf += f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
    return (f"<w:sectPr>{hf}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>"
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="567" '
            f'w:footer="567" w:gutter="0"/><w:cols w:space="708"/>{extra}<w:docGrid w:linePitch="360"/></w:sectPr>')


def document(body: str, sect: str) -> str:
    return (XMLHEAD + f'<w:document {NSDECL} mc:Ignorable="w14 wp14"><w:body>{body}{sect}</w:body></w:document>')


def hdr_ftr(kind: str, content: str) -> str:
    tag = "w:hdr" if kind == "header" else "w:ftr"
    return XMLHEAD + f"<{tag} {NSDECL} mc:Ignorable=\"w14 wp14\">{content}</{tag}>"


def field_runs(instr: str, result: str = "", rpr_x: str = "") -> str:
    """A complex field: begin / instr / separate / result / end."""
    out = f'<w:r>{rpr_x}<w:fldChar w:fldCharType="begin"/></w:r>'
    out += f'<w:r>{rpr_x}<w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>'
    out += f'<w:r>{rpr_x}<w:fldChar w:fldCharType="separate"/></w:r>'
    if result:
        out += f"<w:r>{rpr_x}{t(result)}</w:r>"
    out += f'<w:r>{rpr_x}<w:fldChar w:fldCharType="end"/></w:r>'
    return out


def page_field(rpr_x="") -> str:
    return field_runs(" PAGE ", "1", rpr_x)


STYLES = """<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="{after}" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{hcolor}"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""


def styles(font="Calibri", size=22, after=120, hcolor="1F3864") -> str:
    return XMLHEAD + STYLES.replace("{font}", font).replace("{size}", str(size)).replace("{after}", str(after)) \
        .replace("{hcolor}", hcolor)


def settings(compat=15, extra="") -> str:
    return (XMLHEAD + f'<w:settings {NSDECL} mc:Ignorable="w14">{extra}<w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            f'w:val="{compat}"/></w:compat><w:themeFontLang w:val="en-GB"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


FONT_TABLE = (XMLHEAD + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Wingdings"><w:panose1 w:val="05000000000000000000"/><w:charset w:val="02"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Wingdings 2"><w:panose1 w:val="05020102010507070707"/><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              '</w:fonts>')


class Package:
    """Collects parts and writes a deterministic zip."""

    def __init__(self):
        self.parts: dict[str, bytes] = {}
        self.overrides: dict[str, str] = {}
        self.defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
                         "xml": "application/xml"}
        self.doc_rels: list[tuple[str, str, str, str]] = []  # id, type, target, mode

    def add(self, name: str, data, ctype: str | None = None):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.parts[name] = data
        if ctype:
            self.overrides["/" + name] = ctype

    def rel(self, rid, rtype, target, external=False):
        self.doc_rels.append((rid, rtype, target, "External" if external else ""))

    def build(self, document_xml: str, *, title="", creator="", last_by="", created="2026-01-01T09:00:00Z",
              modified="2026-01-01T09:00:00Z", app="Microsoft Office Word", app_version="16.0000", company="",
              template="Normal.dotm", font="Calibri", size=22, compat=15, settings_extra="", header=None,
              footer=None, extra_parts=None, styles_xml=None, core_extra="") -> bytes:
        R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        self.add("word/document.xml", document_xml,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        self.add("word/styles.xml", styles_xml or styles(font, size),
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
        self.add("word/settings.xml", settings(compat, settings_extra),
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")
        self.add("word/fontTable.xml", FONT_TABLE,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml")
        self.rel("rIdStyles", f"{R}/styles", "styles.xml")
        self.rel("rIdSettings", f"{R}/settings", "settings.xml")
        self.rel("rIdFonts", f"{R}/fontTable", "fontTable.xml")
        if header is not None:
            self.add("word/header1.xml", header,
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
            self.rel("rIdHdr1", f"{R}/header", "header1.xml")
        if footer is not None:
            self.add("word/footer1.xml", footer,
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
            self.rel("rIdFtr1", f"{R}/footer", "footer1.xml")
        for name, data, ctype in (extra_parts or []):
            self.add(name, data, ctype)
        rels = "".join(f'<Relationship Id="{i}" Type="{ty}" Target="{esc(tg)}"' +
                       (f' TargetMode="{m}"' if m else "") + "/>" for i, ty, tg, m in self.doc_rels)
        self.add("word/_rels/document.xml.rels",
                 XMLHEAD + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        self.add("_rels/.rels", XMLHEAD +
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>')
        self.add("docProps/core.xml", XMLHEAD +
                 '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                 'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                 f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>"
                 f"<cp:lastModifiedBy>{esc(last_by)}</cp:lastModifiedBy><cp:revision>3</cp:revision>{core_extra}"
                 f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
                 f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>',
                 "application/vnd.openxmlformats-package.core-properties+xml")
        self.add("docProps/app.xml", XMLHEAD +
                 '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                 f"<Template>{esc(template)}</Template><TotalTime>14</TotalTime><Pages>3</Pages>"
                 f"<Application>{esc(app)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                 f"<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                 f"<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{app_version}</AppVersion></Properties>",
                 "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        ct = (XMLHEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
              "".join(f'<Default Extension="{e}" ContentType="{c}"/>' for e, c in self.defaults.items()) +
              "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in sorted(self.overrides.items())) +
              "</Types>")
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
        names = order + sorted(n for n in self.parts if n not in order)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n in names:
                data = ct.encode("utf-8") if n == "[Content_Types].xml" else self.parts[n]
                zi = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data)
        return buf.getvalue()
