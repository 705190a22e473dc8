"""A small WordprocessingML writer and a deterministic .docx package builder."""

from __future__ import annotations

import datetime as dt
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
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'mc:Ignorable="w14 w15 wp14"')

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(bold=False, italic=False, size=None, color=None, font=None, caps=False, rstyle=None, underline=None,
        strike=False, extra="") -> str:
    parts = []
    if rstyle:
        parts.append(f'<w:rStyle w:val="{rstyle}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
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
    if underline:
        parts.append(f'<w:u w:val="{underline}"/>')
    parts.append(extra)
    body = "".join(parts)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def text_runs(text: str, props: str = "") -> str:
    """Runs for text; '\\n' becomes a line break, '\\t' a tab."""
    out = []
    for li, line in enumerate(text.split("\n")):
        if li:
            out.append(f"<w:r>{props}<w:br/></w:r>")
        for ti, chunk in enumerate(line.split("\t")):
            if ti:
                out.append(f"<w:r>{props}<w:tab/></w:r>")
            if chunk:
                out.append(f'<w:r>{props}<w:t xml:space="preserve">{esc(chunk)}</w:t></w:r>')
    return "".join(out)


def run(text: str, **kw) -> str:
    return text_runs(text, rpr(**kw))


def ppr(style=None, align=None, before=None, after=None, line=None, shade=None, keep_next=False, ind_left=None,
        hanging=None, border_bottom=None, tabs=None, extra="", rpr_mark="") -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if border_bottom:
        parts.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{border_bottom[0]}" w:space="1" w:color="{border_bottom[1]}"/></w:pBdr>')
    if shade:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        parts.append("<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{p}"/>' for k, p in tabs) + "</w:tabs>")
    sp = ""
    if before is not None:
        sp += f' w:before="{before}"'
    if after is not None:
        sp += f' w:after="{after}"'
    if line is not None:
        sp += f' w:line="{line}" w:lineRule="auto"'
    if sp:
        parts.append(f"<w:spacing{sp}/>")
    if ind_left is not None or hanging is not None:
        ind = ""
        if ind_left is not None:
            ind += f' w:left="{ind_left}"'
        if hanging is not None:
            ind += f' w:hanging="{hanging}"'
        parts.append(f"<w:ind{ind}/>")
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    parts.append(extra)
    if rpr_mark:
        parts.append(rpr_mark)
    body = "".join(parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def para(content: str = "", **kw) -> str:
    return f"<w:p>{ppr(**kw)}{content}</w:p>"


def tc(content: str, width: int, shade=None, span=None, vmerge=None, borders=None, valign=None, extra="") -> str:
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders:
        pr += f"<w:tcBorders>{borders}</w:tcBorders>"
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    pr += extra
    if not (content.endswith("</w:p>") or content.endswith("<w:p/>")):
        content = content + "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def tr(cells: str, height=None, exact=False, header=False, cant_split=False) -> str:
    pr = ""
    if cant_split:
        pr += "<w:cantSplit/>"
    if height:
        pr += f'<w:trHeight w:val="{height}"' + (' w:hRule="exact"' if exact else "") + "/>"
    if header:
        pr += "<w:tblHeader/>"
    return f"<w:tr>{('<w:trPr>' + pr + '</w:trPr>') if pr else ''}{cells}</w:tr>"


def borders_xml(kind="single", sz=4, color="808080", inside=True) -> str:
    names = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    if kind == "none":
        return "".join(f'<w:{n} w:val="nil"/>' for n in names)
    return "".join(f'<w:{n} w:val="{kind}" w:sz="{sz}" w:space="0" w:color="{color}"/>' for n in names)


def tbl(rows: str, widths: list[int], borders: str | None = None, style="TableGrid", layout_fixed=True, indent=None,
        extra_pr="") -> str:
    total = sum(widths)
    pr = f'<w:tblStyle w:val="{style}"/><w:tblW w:w="{total}" w:type="dxa"/>'
    if indent is not None:
        pr += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    if borders is not None:
        pr += f"<w:tblBorders>{borders}</w:tblBorders>"
    if layout_fixed:
        pr += '<w:tblLayout w:type="fixed"/>'
    pr += '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    pr += '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    pr += extra_pr
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


def field_simple_runs(instr: str, result: str, props: str = "") -> str:
    """A complex field (begin / instr / separate / result / end)."""
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>{esc(result)}</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


def sect_pr(header_ids: list[tuple[str, str]] = (), footer_ids: list[tuple[str, str]] = (), landscape=False,
            letter=False, margins=1134, extra="") -> str:
    refs = "".join(f'<w:headerReference w:type="{t}" r:id="{rid}"/>' for t, rid in header_ids)
    refs += "".join(f'<w:footerReference w:type="{t}" r:id="{rid}"/>' for t, rid in footer_ids)
    w, h = (12240, 15840) if letter else (11906, 16838)
    if landscape:
        w, h = h, w
        pg = f'<w:pgSz w:w="{w}" w:h="{h}" w:orient="landscape"/>'
    else:
        pg = f'<w:pgSz w:w="{w}" w:h="{h}"/>'
    return (f"<w:sectPr>{refs}{pg}<w:pgMar w:top=\"{margins}\" w:right=\"{margins}\" w:bottom=\"{margins}\" "
            f"w:left=\"{margins}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            f'<w:cols w:space="708"/>{extra}<w:docGrid w:linePitch="360"/></w:sectPr>')


def document(body: str, sectpr: str) -> str:
    return f"{XML_DECL}<w:document {W_NS}><w:body>{body}{sectpr}</w:body></w:document>"


def hdr_ftr(tag: str, body: str) -> str:
    return f"{XML_DECL}<w:{tag} {W_NS}>{body}</w:{tag}>"


def styles_xml(font="Calibri", size=10, dark="1F3864", extra_styles="") -> str:
    sz = int(size * 2)
    return (f'{XML_DECL}<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{dark}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{dark}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{dark}"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            f'{extra_styles}</w:styles>')


def settings_xml(protection: str = "", extra: str = "") -> str:
    return (f'{XML_DECL}<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
            'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
            f'<w:zoom w:percent="100"/>{protection}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'{extra}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat><w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


FONT_TABLE = (f'{XML_DECL}<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              '<w:font w:name="MS Gothic"><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
              '</w:fonts>')

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT = {
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def core_xml(title: str, creator: str, when: dt.datetime) -> str:
    ts = when.strftime("%Y-%m-%dT%H:%M:00Z")
    return (f'{XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(creator)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{ts}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{ts}</dcterms:modified></cp:coreProperties>')


def app_xml(template: str, company: str = "") -> str:
    return (f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>{esc(template)}</Template><TotalTime>41</TotalTime><Pages>3</Pages><Application>Microsoft Office Word</Application>'
            f'<DocSecurity>0</DocSecurity><Lines>120</Lines><Paragraphs>40</Paragraphs><ScaleCrop>false</ScaleCrop>'
            f'<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


class Package:
    """Collects parts; writes them in a fixed order with fixed timestamps."""

    def __init__(self):
        self.parts: list[tuple[str, str, str | None]] = []  # (name, data, content type override)
        self.doc_rels: list[tuple[str, str, str]] = []      # (id, type, target)
        self.hdr_n = 0
        self.ftr_n = 0

    def add_part(self, name: str, data: str, ctype: str | None, rel_type: str | None = None) -> str | None:
        self.parts.append((name, data, ctype))
        if rel_type:
            rid = f"rId{len(self.doc_rels) + 1}"
            self.doc_rels.append((rid, rel_type, name[len("word/"):]))
            return rid
        return None

    def header(self, body: str) -> str:
        self.hdr_n += 1
        return self.add_part(f"word/header{self.hdr_n}.xml", hdr_ftr("hdr", body), CT["header"], f"{REL}/header")

    def footer(self, body: str) -> str:
        self.ftr_n += 1
        return self.add_part(f"word/footer{self.ftr_n}.xml", hdr_ftr("ftr", body), CT["footer"], f"{REL}/footer")

    def write(self, path, document_xml: str, styles: str, settings: str, core: str, app: str):
        parts = [("word/document.xml", document_xml, CT_MAIN)]
        self.add_part("word/styles.xml", styles, CT["styles"], f"{REL}/styles")
        self.add_part("word/settings.xml", settings, CT["settings"], f"{REL}/settings")
        self.add_part("word/fontTable.xml", FONT_TABLE, CT["fontTable"], f"{REL}/fontTable")
        parts += self.parts
        ct = [f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
              '<Default Extension="xml" ContentType="application/xml"/>',
              '<Default Extension="png" ContentType="image/png"/>']
        ct += [f'<Override PartName="/{n}" ContentType="{c}"/>' for n, _, c in parts if c]
        ct += ['<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
               '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        ct_xml = f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{"".join(ct)}</Types>'
        rels = (f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        drels = (f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in self.doc_rels)
                 + "</Relationships>")
        entries = [("[Content_Types].xml", ct_xml), ("_rels/.rels", rels), ("docProps/app.xml", app),
                   ("docProps/core.xml", core)]
        entries += [(n, d) for n, d, _ in parts]
        entries.append(("word/_rels/document.xml.rels", drels))
        with zipfile.ZipFile(path, "w") as z:
            for name, data in entries:
                zi = zipfile.ZipInfo(name, FIXED_TIME)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data.encode("utf-8"))


def page_field_footer(left: str, props: str = "") -> str:
    """Footer paragraph: form ref at left, 'Page n of N' at right (PAGE / NUMPAGES fields)."""
    return (f'<w:p>{ppr(style="Footer")}{text_runs(left, props)}<w:r>{props}<w:tab/></w:r><w:r>{props}<w:tab/></w:r>'
            f'{text_runs("Page ", props)}{field_simple_runs("PAGE", "1", props)}{text_runs(" of ", props)}'
            f'{field_simple_runs("NUMPAGES", "3", props)}</w:p>')
