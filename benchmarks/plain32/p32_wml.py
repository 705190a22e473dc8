"""A small WordprocessingML writer and a deterministic .docx package builder (plain32)."""

import io
import zipfile

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'mc:Ignorable="w14 w15"')
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def rpr(b=False, i=False, sz=None, color=None, font=None, u=False, caps=False, highlight=None):
    out = []
    if font:
        out.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    if b:
        out.append("<w:b/><w:bCs/>")
    if i:
        out.append("<w:i/><w:iCs/>")
    if caps:
        out.append("<w:caps/>")
    if color:
        out.append(f'<w:color w:val="{color}"/>')
    if sz:
        out.append(f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>')
    if highlight:
        out.append(f'<w:highlight w:val="{highlight}"/>')
    if u:
        out.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def run(text, **kw):
    """A run; '\\t' becomes a tab, '\\n' a line break."""
    props = rpr(**kw)
    parts = []
    buf = ""
    for ch in text:
        if ch in "\t\n":
            if buf:
                parts.append(f'<w:t xml:space="preserve">{esc(buf)}</w:t>')
                buf = ""
            parts.append("<w:tab/>" if ch == "\t" else "<w:br/>")
        else:
            buf += ch
    if buf:
        parts.append(f'<w:t xml:space="preserve">{esc(buf)}</w:t>')
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def sym(font, char, sz=None):
    size = f'<w:sz w:val="{int(sz * 2)}"/>' if sz else ""
    return f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>{size}</w:rPr><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def para(runs="", style=None, jc=None, ind=None, before=None, after=None, line=None, shade=None, border=None,
         tabs=None, keep_next=False, page_break_before=False, rfont=None, keep_lines=False):
    p = []
    if style:
        p.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        p.append("<w:keepNext/>")
    if keep_lines:
        p.append("<w:keepLines/>")
    if page_break_before:
        p.append("<w:pageBreakBefore/>")
    if border:
        p.append(f"<w:pBdr>{border}</w:pBdr>")
    if shade:
        p.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        p.append("<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>' if ld else
                                      f'<w:tab w:val="{v}" w:pos="{pos}"/>' for v, pos, ld in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="auto"'
        p.append(f"<w:spacing{attrs}/>")
    if ind:
        p.append("<w:ind " + " ".join(f'w:{k}="{v}"' for k, v in ind.items()) + "/>")
    if jc:
        p.append(f'<w:jc w:val="{jc}"/>')
    if rfont:
        p.append(rpr(**rfont))
    ppr = f"<w:pPr>{''.join(p)}</w:pPr>" if p else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def border_xml(sides=("top", "left", "bottom", "right"), val="single", sz=4, color="auto", space=0):
    return "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="{space}" w:color="{color}"/>' for s in sides)


def cell(content, width, shade=None, span=1, vmerge=None, borders=None, valign=None, nowrap=False):
    tc = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        tc.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge:
        tc.append('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    if borders is not None:
        tc.append(f"<w:tcBorders>{borders}</w:tcBorders>")
    if shade:
        tc.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if nowrap:
        tc.append("<w:noWrap/>")
    if valign:
        tc.append(f'<w:vAlign w:val="{valign}"/>')
    if not content:
        content = para()
    return f"<w:tc><w:tcPr>{''.join(tc)}</w:tcPr>{content}</w:tc>"


def row(cells, header=False, cant_split=False, height=None):
    tr = []
    if cant_split:
        tr.append("<w:cantSplit/>")
    if height:
        tr.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        tr.append("<w:tblHeader/>")
    trpr = f"<w:trPr>{''.join(tr)}</w:trPr>" if tr else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table(rows, widths, borders=True, border_color="auto", border_sz=4, indent=None, inside=True, style="TableGrid"):
    tbl = [f'<w:tblStyle w:val="{style}"/>' if style else "",
           f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>']
    if indent:
        tbl.append(f'<w:tblInd w:w="{indent}" w:type="dxa"/>')
    if borders:
        sides = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
        tbl.append("<w:tblBorders>" + border_xml(sides, sz=border_sz, color=border_color) + "</w:tblBorders>")
    else:
        tbl.append("<w:tblBorders>" + border_xml(["top", "left", "bottom", "right", "insideH", "insideV"], val="nil")
                   + "</w:tblBorders>")
    tbl.append('<w:tblLayout w:type="fixed"/>')
    tbl.append('<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
    tbl.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{''.join(tbl)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def checkbox_cc(checked, sdt_id, tag=None, font="MS Gothic", sz=None):
    """A Word 2010+ check box content control (w14:checkbox) showing U+2612 / U+2610."""
    glyph = "\u2612" if checked else "\u2610"
    tagx = f'<w:tag w:val="{esc(tag)}"/>' if tag else ""
    size = f'<w:sz w:val="{int(sz * 2)}"/>' if sz else ""
    return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>{size}</w:rPr>'
            f'{tagx}<w:id w:val="{sdt_id}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="{font}"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="{font}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>{size}</w:rPr>'
            f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def formcheckbox(checked, name, bm_id, sz=None):
    """A legacy FORMCHECKBOX field with its bookmark."""
    size = f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>' if sz else ""
    chk = '<w:checked/>' if checked else ""
    return (f'<w:bookmarkStart w:id="{bm_id}" w:name="{name}"/>'
            f'<w:r><w:rPr>{size}</w:rPr><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{chk}'
            f'</w:checkBox></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:rPr>{size}</w:rPr><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:rPr>{size}</w:rPr></w:r>'
            f'<w:r><w:rPr>{size}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:bookmarkEnd w:id="{bm_id}"/>')


def field(instr, shown, **kw):
    props = rpr(**kw)
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>{esc(shown)}</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


def page_break():
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


# ---------------------------------------------------------------------------------------------- package

def styles_xml(font, size, head_color, h1_size=13, h2_size=11.5):
    hs = int(size * 2)
    return (HDR + f'<w:styles {NS}>'
            '<w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/>'
            '</w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{head_color}"/><w:sz w:val="{int(size * 2 + 12)}"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
            '<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{head_color}"/><w:sz w:val="{int(h1_size * 2)}"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>'
            '<w:keepLines/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{head_color}"/><w:sz w:val="{int(h2_size * 2)}"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            '</w:styles>')


def settings_xml(protect=False):
    prot = '<w:documentProtection w:edit="forms" w:enforcement="1"/>' if protect else ""
    return (HDR + f'<w:settings {NS}><w:zoom w:percent="100"/>{prot}<w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat><w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '</w:settings>')


def font_table(fonts):
    return (HDR + f'<w:fonts {NS}>' + "".join(f'<w:font w:name="{f}"><w:family w:val="swiss"/></w:font>' for f in fonts)
            + '</w:fonts>')


def header_part(paras):
    return HDR + f'<w:hdr {NS}>{paras}</w:hdr>'


def footer_part(paras):
    return HDR + f'<w:ftr {NS}>{paras}</w:ftr>'


def document_part(body, margins=(1134, 1134, 1134, 1134), header=True, footer=True):
    top, right, bottom, left = margins
    refs = ""
    if header:
        refs += '<w:headerReference w:type="default" r:id="rId8"/>'
    if footer:
        refs += '<w:footerReference w:type="default" r:id="rId9"/>'
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    return HDR + f'<w:document {NS}><w:body>{body}{sect}</w:body></w:document>'


def core_xml(title, author, created):
    return (HDR + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>')


def app_xml(template, company, pages=3):
    return (HDR + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>{esc(template)}</Template><TotalTime>42</TotalTime><Pages>{pages}</Pages>'
            '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
            f'<Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


CONTENT_TYPES = (HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                 '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
                 '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                 '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                 '</Types>')
ROOT_RELS = (HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>')
DOC_RELS = (HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')


def package(document, styles, settings, fonts, header, footer, core, app):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/fontTable.xml", fonts),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
