"""A small WordprocessingML writer and a deterministic .docx package builder."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'mc:Ignorable="w14 w15"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(t: str) -> str:
    return escape(t, {'"': "&quot;"})


# ------------------------------------------------------------------------------------------------- runs
def rpr(b=False, i=False, sz=None, color=None, font=None, caps=False, u=False, strike=False) -> str:
    out = ""
    if font:
        out += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        out += "<w:b/><w:bCs/>"
    if i:
        out += "<w:i/><w:iCs/>"
    if caps:
        out += "<w:caps/>"
    if strike:
        out += "<w:strike/>"
    if color:
        out += f'<w:color w:val="{color}"/>'
    if sz:
        out += f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>'
    if u:
        out += '<w:u w:val="single"/>'
    return f"<w:rPr>{out}</w:rPr>" if out else ""


def run(text: str, **kw) -> str:
    """A run; '\n' in text becomes a line break, '\t' a tab."""
    props = rpr(**kw)
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, seg in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if seg:
                parts.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def checkbox(checked: bool, sz=None) -> str:
    """A Word 2010+ check-box content control (MS Gothic ballot boxes)."""
    glyph = "\u2612" if checked else "\u2610"
    size = f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>' if sz else ""
    return ('<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
            f'{size}</w:rPr><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
            f'w:hint="eastAsia"/>{size}</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def field(instr: str, result: str, **kw) -> str:
    props = rpr(**kw)
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>{esc(result)}</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


# ------------------------------------------------------------------------------------------------- paragraphs
def para(content="", style=None, align=None, ind_left=None, hanging=None, first_line=None, before=None, after=None,
         line=None, shd=None, bottom_border=None, keep_next=False, num=None, tabs=None, rpr_mark="",
         page_break_before=False) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if bottom_border:
        col, sz = bottom_border
        ppr += f'<w:pBdr><w:bottom w:val="single" w:sz="{sz}" w:space="1" w:color="{col}"/></w:pBdr>'
    if shd:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{p}"/>' for k, p in tabs) + "</w:tabs>"
    if before is not None or after is not None or line is not None:
        a = ""
        if before is not None:
            a += f' w:before="{before}"'
        if after is not None:
            a += f' w:after="{after}"'
        if line is not None:
            a += f' w:line="{line}" w:lineRule="auto"'
        ppr += f"<w:spacing{a}/>"
    if ind_left is not None or hanging is not None or first_line is not None:
        a = ""
        if ind_left is not None:
            a += f' w:left="{ind_left}"'
        if hanging is not None:
            a += f' w:hanging="{hanging}"'
        if first_line is not None:
            a += f' w:firstLine="{first_line}"'
        ppr += f"<w:ind{a}/>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if rpr_mark:
        ppr += rpr_mark
    if isinstance(content, list):
        content = "".join(content)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


# ------------------------------------------------------------------------------------------------- tables
def borders_xml(kind: str, color="808080", sz=4) -> str:
    if kind == "none":
        return ('<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
                '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
    return ("<w:tblBorders>" + "".join(f'<w:{e} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                                       for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>")


def cell(paras, width: int, shd=None, span=1, vmerge=None, borders=None, valign=None, margins=None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        tcpr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders:
        tcpr += "<w:tcBorders>" + "".join(
            f'<w:{e} w:val="{v}" w:sz="{sz}" w:space="0" w:color="{c}"/>' if v != "nil" else f'<w:{e} w:val="nil"/>'
            for e, (v, sz, c) in borders.items()) + "</w:tcBorders>"
    if shd:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if margins:
        tcpr += "<w:tcMar>" + "".join(f'<w:{k} w:w="{v}" w:type="dxa"/>' for k, v in margins.items()) + "</w:tcMar>"
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    if isinstance(paras, str):
        paras = [paras]
    if not paras:
        paras = [para()]
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paras)}</w:tc>"


def row(cells, height=None, header=False, cant_split=False, exact=False) -> str:
    trpr = ""
    if cant_split:
        trpr += "<w:cantSplit/>"
    if height:
        rule = ' w:hRule="exact"' if exact else ""
        trpr += f'<w:trHeight w:val="{height}"{rule}/>'
    if header:
        trpr += "<w:tblHeader/>"
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def table(rows, widths, borders="single", border_color="808080", indent=None, style="TableGrid",
          cell_margin=None) -> str:
    tblpr = f'<w:tblStyle w:val="{style}"/>' if style else ""
    tblpr += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if indent:
        tblpr += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    tblpr += borders_xml(borders, border_color)
    tblpr += '<w:tblLayout w:type="fixed"/>'
    if cell_margin:
        tblpr += "<w:tblCellMar>" + "".join(f'<w:{k} w:w="{v}" w:type="dxa"/>' for k, v in cell_margin.items()) \
                 + "</w:tblCellMar>"
    tblpr += '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" ' \
             'w:noHBand="0" w:noVBand="1"/>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


# ------------------------------------------------------------------------------------------------- package
def styles_xml(font: str, size: float, dark: str, heading_sizes=(13, 11.5, 10.5), heading_color=None) -> str:
    hc = heading_color or dark
    s = int(size * 2)
    h1, h2, h3 = (int(x * 2) for x in heading_sizes)

    def heading(n, sz, color, before, after):
        return (f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
                f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>'
                f'<w:outlineLvl w:val="{n - 1}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{color}"/>'
                f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr></w:style>')

    return (DECL + '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" '
            f'w:cs="{font}"/><w:sz w:val="{s}"/><w:szCs w:val="{s}"/><w:lang w:val="en-GB" w:eastAsia="en-US" '
            'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="259" '
            'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            + heading(1, h1, hc, 240, 120) + heading(2, h2, hc, 200, 80) + heading(3, h3, "404040", 120, 60) +
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:b/>'
            f'<w:color w:val="{dark}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/>'
            '<w:contextualSpacing/></w:pPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" '
            'w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" '
            'w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" '
            'w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '</w:tblBorders></w:tblPr></w:style>'
            '<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>'
            '</w:styles>')


def numbering_xml() -> str:
    """Decimal multi-level list: level 0 '1.' (section headings), level 1 '1.1' (questions)."""
    lvl0 = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>'
            '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr>'
            '</w:lvl>')
    lvl1 = ('<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="709" w:hanging="709"/></w:pPr><w:rPr><w:b/></w:rPr>'
            '</w:lvl>')
    return (DECL + '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{lvl0}{lvl1}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def settings_xml(extra="") -> str:
    return (DECL + '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
            '<w:zoom w:percent="100"/>' + extra +
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/><w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="1"/><w:compatSetting '
            'w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="1"/></w:compat><w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/>'
            '<w:listSeparator w:val=","/></w:settings>')


def hdr_ftr(tag: str, paras: str) -> str:
    return DECL + f"<w:{tag} {W_NS}>{paras}</w:{tag}>"


def font_table(fonts) -> str:
    body = "".join(f'<w:font w:name="{f}"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' for f in fonts)
    return (DECL + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            + body + "</w:fonts>")


def build_docx(body: str, *, font: str, size: float, dark: str, header: str, footer: str, title: str,
               author: str, created: dt.datetime, template: str = "Normal.dotm", numbering: bool = False,
               heading_sizes=(13, 11.5, 10.5), heading_color=None, margins=(1134, 1134, 1134, 1134),
               company: str = "", settings_extra: str = "") -> bytes:
    top, right, bottom, left = margins
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" '
            f'r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" '
            f'w:bottom="{bottom}" w:left="{left}" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    document = DECL + f"<w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>"
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" '
            'Target="settings.xml"/>',
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" '
            'Target="fontTable.xml"/>',
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
            'Target="header1.xml"/>',
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
            'Target="footer1.xml"/>']
    if numbering:
        rels.append('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/numbering" Target="numbering.xml"/>')
    doc_rels = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels) + "</Relationships>")
    ct = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.fontTable+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.footer+xml"/>'
          + ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.numbering+xml"/>' if numbering else "") +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
          'core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'extended-properties+xml"/></Types>')
    root_rels = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'extended-properties" Target="docProps/app.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
                 'core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'officeDocument" Target="word/document.xml"/></Relationships>')
    c0 = created.strftime("%Y-%m-%dT%H:%M:00Z")
    m0 = (created + dt.timedelta(minutes=47)).strftime("%Y-%m-%dT%H:%M:00Z")
    core = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{c0}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{m0}</dcterms:modified></cp:coreProperties>')
    app = (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f'<Template>{esc(template)}</Template><TotalTime>41</TotalTime><Application>Microsoft Office Word'
           f'</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{esc(company)}</Company>'
           '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false'
           '</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')
    parts = [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", root_rels),
        ("docProps/app.xml", app),
        ("docProps/core.xml", core),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml(font, size, dark, heading_sizes, heading_color)),
        ("word/settings.xml", settings_xml(settings_extra)),
        ("word/fontTable.xml", font_table([font, "MS Gothic", "Times New Roman"])),
        ("word/header1.xml", hdr_ftr("hdr", header)),
        ("word/footer1.xml", hdr_ftr("ftr", footer)),
        ("word/_rels/document.xml.rels", doc_rels),
    ]
    if numbering:
        parts.append(("word/numbering.xml", numbering_xml()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()
