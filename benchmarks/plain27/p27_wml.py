"""A small WordprocessingML writer and a deterministic .docx package builder (fixed part order and timestamps)."""

from __future__ import annotations

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
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'mc:Ignorable="w14 w15"')

A4_W, A4_H = 11906, 16838


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(b=False, i=False, sz=None, color=None, font=None, caps=False, strike=False, u=False, style=None, hl=None):
    out = []
    if style:
        out.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        out.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>')
    if b:
        out.append("<w:b/><w:bCs/>")
    if i:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if strike:
        out.append("<w:strike/>")
    if color:
        out.append(f'<w:color w:val="{color}"/>')
    if sz:
        out.append(f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>')
    if hl:
        out.append(f'<w:highlight w:val="{hl}"/>')
    if u:
        out.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def run(text, **kw):
    """A run; '\n' in text becomes <w:br/>, '\t' becomes <w:tab/>."""
    pr = rpr(**kw)
    parts = []
    for j, line in enumerate(text.split("\n")):
        if j:
            parts.append("<w:br/>")
        for k, seg in enumerate(line.split("\t")):
            if k:
                parts.append("<w:tab/>")
            if seg:
                parts.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{pr}{''.join(parts)}</w:r>"


def ppr(style=None, align=None, before=None, after=None, line=None, ind_left=None, hanging=None, first=None,
        shd=None, keep_next=False, keep_lines=False, numid=None, ilvl=0, border_bottom=None, border_top=None, tabs=None,
        page_break_before=False, rpr_xml=""):
    out = []
    if style:
        out.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        out.append("<w:keepNext/>")
    if keep_lines:
        out.append("<w:keepLines/>")
    if page_break_before:
        out.append("<w:pageBreakBefore/>")
    if numid is not None:
        out.append(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>')
    if border_bottom or border_top:
        b = "<w:pBdr>"
        if border_top:
            sz, col = border_top
            b += f'<w:top w:val="single" w:sz="{sz}" w:space="1" w:color="{col}"/>'
        if border_bottom:
            sz, col = border_bottom
            b += f'<w:bottom w:val="single" w:sz="{sz}" w:space="1" w:color="{col}"/>'
        out.append(b + "</w:pBdr>")
    if shd:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>')
    if tabs:
        out.append("<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        a = ""
        if before is not None:
            a += f' w:before="{before}"'
        if after is not None:
            a += f' w:after="{after}"'
        if line is not None:
            a += f' w:line="{line}" w:lineRule="auto"'
        out.append(f"<w:spacing{a}/>")
    if ind_left is not None or hanging is not None or first is not None:
        a = ""
        if ind_left is not None:
            a += f' w:left="{ind_left}"'
        if hanging is not None:
            a += f' w:hanging="{hanging}"'
        if first is not None:
            a += f' w:firstLine="{first}"'
        out.append(f"<w:ind{a}/>")
    if align:
        out.append(f'<w:jc w:val="{align}"/>')
    if rpr_xml:
        out.append(rpr_xml)
    return f"<w:pPr>{''.join(out)}</w:pPr>" if out else ""


def para(content="", **kw):
    return f"<w:p>{ppr(**kw)}{content}</w:p>"


def borders_xml(tag="tblBorders", sz=4, color="000000", inside=True, val="single"):
    sides = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    return f"<w:{tag}>" + "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>' for s in sides) + f"</w:{tag}>"


def no_borders(tag="tblBorders"):
    sides = ["top", "left", "bottom", "right", "insideH", "insideV"]
    return f"<w:{tag}>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + f"</w:{tag}>"


def tbl(rows, widths, borders=None, style="TableGrid", indent=None, layout_fixed=True, cell_margin=None, look="04A0"):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    pr = f'<w:tblStyle w:val="{style}"/>' if style else ""
    pr += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if indent is not None:
        pr += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    pr += borders if borders is not None else borders_xml()
    if layout_fixed:
        pr += '<w:tblLayout w:type="fixed"/>'
    if cell_margin:
        l, r = cell_margin
        pr += f'<w:tblCellMar><w:left w:w="{l}" w:type="dxa"/><w:right w:w="{r}" w:type="dxa"/></w:tblCellMar>'
    pr += f'<w:tblLook w:val="{look}" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    return f"<w:tbl><w:tblPr>{pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tr(cells, header=False, cant_split=False, height=None):
    pr = ""
    if cant_split:
        pr += "<w:cantSplit/>"
    if height:
        pr += f'<w:trHeight w:val="{height}"/>'
    if header:
        pr += "<w:tblHeader/>"
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def tc(content, width, shd=None, span=1, valign=None, borders=None, vmerge=None):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders:
        pr += borders
    if shd:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    if not content:
        content = "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def fld_simple(instr, text, **kw):
    return f'<w:fldSimple w:instr=" {instr} ">{run(text, **kw)}</w:fldSimple>'


def sect_pr(header_rid="rIdHdr1", footer_rid="rIdFtr1", w=A4_W, h=A4_H, margins=(1134, 1134, 1134, 1134),
            landscape=False, hdr_dist=567, ftr_dist=567):
    top, right, bottom, left = margins
    orient = ' w:orient="landscape"' if landscape else ""
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="{header_rid}"/>'
            f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
            f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{hdr_dist}" '
            f'w:footer="{ftr_dist}" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')


def document_xml(body, sectpr):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}{sectpr}'
            f'</w:body></w:document>')


def hdr_ftr_xml(tag, content):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {W_NS}>{content}</w:{tag}>'


def styles_xml(font, size, heading_color, extra=""):
    hs = int(size * 2)
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{heading_color}"/><w:sz w:val="{hs + 8}"/><w:szCs w:val="{hs + 8}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{heading_color}"/><w:sz w:val="{hs + 4}"/><w:szCs w:val="{hs + 4}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{heading_color}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="666666"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>{extra}</w:styles>'''


def settings_xml(protect_forms=False, extra=""):
    prot = '<w:documentProtection w:edit="forms" w:enforcement="1"/>' if protect_forms else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
            f'<w:zoom w:percent="100"/>{prot}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'{extra}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            f'<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            f'</w:compat><w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def font_table_xml(fonts):
    body = "".join(f'<w:font w:name="{f}"/>' for f in fonts)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main">{body}</w:fonts>')


def core_xml(title, creator, last_by, created, modified, revision=3):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(last_by)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')


def app_xml(company, template="Normal.dotm", app="Microsoft Office Word", version="16.0000"):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>{esc(template)}</Template>'
            f'<TotalTime>14</TotalTime><Application>{app}</Application><DocSecurity>0</DocSecurity>'
            f'<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            f'<HyperlinksChanged>false</HyperlinksChanged><AppVersion>{version}</AppVersion></Properties>')


def numbering_xml(abstracts):
    """abstracts: list of (abstractNumId, levels_xml); nums map numId -> abstractNumId (same ids)."""
    body = "".join(f'<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="hybridMultilevel"/>{lv}</w:abstractNum>'
                   for a, lv in abstracts)
    body += "".join(f'<w:num w:numId="{a + 1}"><w:abstractNumId w:val="{a}"/></w:num>' for a, _ in abstracts)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main">{body}</w:numbering>')


def package(parts: dict, glossary: str | None = None, numbering: str | None = None) -> bytes:
    """parts: document, styles, settings, fontTable, header, footer, core, app (xml strings)."""
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
    if numbering:
        ct += '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    if glossary:
        ct += '<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
    ct += ('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
           '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
           '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
             '<Relationship Id="rIdHdr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
             '<Relationship Id="rIdFtr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>')
    if numbering:
        drels += '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    if glossary:
        drels += '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument" Target="glossary/document.xml"/>'
    drels += "</Relationships>"
    entries = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", parts["document"]),
               ("word/_rels/document.xml.rels", drels), ("word/header1.xml", parts["header"]),
               ("word/footer1.xml", parts["footer"]), ("word/styles.xml", parts["styles"]),
               ("word/settings.xml", parts["settings"]), ("word/fontTable.xml", parts["fontTable"])]
    if numbering:
        entries.append(("word/numbering.xml", numbering))
    if glossary:
        entries.append(("word/glossary/document.xml", glossary))
    entries += [("docProps/core.xml", parts["core"]), ("docProps/app.xml", parts["app"])]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()
