"""A small WordprocessingML writer and deterministic .docx package builder (plain30)."""

from __future__ import annotations

import zipfile

from p30_common import esc_xml

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
      'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
      'mc:Ignorable="w14 w15"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
PAGE_W = 9638   # A4 text width in twips with 2 cm margins


def run(text: str = "", b=False, i=False, sz: float | None = None, color: str | None = None, font: str | None = None,
        u=False, caps=False, highlight=None) -> str:
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/><w:bCs/>"
    if i:
        rpr += "<w:i/><w:iCs/>"
    if caps:
        rpr += "<w:caps/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{int(round(sz * 2))}"/><w:szCs w:val="{int(round(sz * 2))}"/>'
    if u:
        rpr += '<w:u w:val="single"/>'
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, seg in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if seg:
                parts.append(f'<w:t xml:space="preserve">{esc_xml(seg)}</w:t>')
    return f"<w:r>{rp}{''.join(parts)}</w:r>"


def para(runs: str | list = "", style: str | None = None, align: str | None = None, before: int | None = None,
         after: int | None = None, ind_left: int | None = None, hanging: int | None = None, shade: str | None = None,
         border_bottom: str | None = None, keep_next=False, tabs: list | None = None, line: int | None = None) -> str:
    if isinstance(runs, list):
        runs = "".join(runs)
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if border_bottom:
        ppr += f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="{border_bottom}"/></w:pBdr>'
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>' for v, pos, ld in tabs) + "</w:tabs>"
    if before is not None or after is not None or line is not None:
        sp = ""
        if before is not None:
            sp += f' w:before="{before}"'
        if after is not None:
            sp += f' w:after="{after}"'
        if line is not None:
            sp += f' w:line="{line}" w:lineRule="auto"'
        ppr += f"<w:spacing{sp}/>"
    if ind_left is not None or hanging is not None:
        ppr += f'<w:ind w:left="{ind_left or 0}"' + (f' w:hanging="{hanging}"' if hanging else "") + "/>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{runs}</w:p>"


def cell(content: str | list, width: int, shade: str | None = None, span: int = 1, valign: str | None = None,
         borders: str | None = None, vmerge: str | None = None) -> str:
    if isinstance(content, list):
        content = "".join(content)
    if not content:
        content = para()
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
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def border_set(val="single", sz=4, color="auto", sides=("top", "left", "bottom", "right")) -> str:
    return "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>' for s in sides)


def nil_borders() -> str:
    return "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right"))


def table(rows: list, grid: list, borders: str = "single", color: str = "auto", sz: int = 4, header_rows: int = 0,
          ind: int = 0, cant_split_rows: bool = False, layout_fixed=True) -> str:
    if borders == "none":
        tb = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    else:
        tb = "".join(f'<w:{s} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr = (f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
             + (f'<w:tblInd w:w="{ind}" w:type="dxa"/>' if ind else "")
             + f'<w:tblBorders>{tb}</w:tblBorders>'
             + ('<w:tblLayout w:type="fixed"/>' if layout_fixed else "")
             + '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
             + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>')
    g = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid) + "</w:tblGrid>"
    out = []
    for k, r in enumerate(rows):
        cells, opts = (r, {}) if isinstance(r, list) else (r["cells"], r)
        trpr = ""
        if k < header_rows:
            trpr += "<w:tblHeader/>"
        if cant_split_rows or opts.get("cant_split"):
            trpr += "<w:cantSplit/>"
        if opts.get("min_h"):
            trpr += f'<w:trHeight w:val="{opts["min_h"]}"/>'
        out.append(f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>")
    return f"<w:tbl>{tblpr}{g}{''.join(out)}</w:tbl>"


# --- check boxes ------------------------------------------------------------------------------------------
def formcheckbox(name: str, checked: bool, bm_id: int) -> str:
    chk = "<w:checked/>" if checked else ""
    return (f'<w:bookmarkStart w:id="{bm_id}" w:name="{name}"/>'
            f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{chk}</w:checkBox>'
            f'</w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:bookmarkEnd w:id="{bm_id}"/>')


def sdt_checkbox(sdt_id: int, checked: bool, sz: float | None = None) -> str:
    glyph = "\u2612" if checked else "\u2610"
    szx = f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>' if sz else ""
    return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>{szx}</w:rPr>'
            f'<w:id w:val="{sdt_id}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
            f'w:hint="eastAsia"/>{szx}</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def glyph_box(checked: bool, font="MS Gothic", sz: float | None = None) -> str:
    return run("\u2612" if checked else "\u2610", font=font, sz=sz)


# --- package ----------------------------------------------------------------------------------------------
def _styles(font: str, size: float, dark: str) -> str:
    hs = int(size * 2)
    def style_p(sid, name, rpr="", ppr="", based="Normal", nxt="Normal", extra=""):
        return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/>'
                f'<w:next w:val="{nxt}"/>{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    return (XML_DECL +
            f'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            + style_p("Title", "Title", f'<w:b/><w:sz w:val="{hs + 16}"/><w:color w:val="{dark}"/>', '<w:spacing w:after="60"/>', extra="<w:qFormat/>")
            + style_p("Subtitle", "Subtitle", f'<w:sz w:val="{hs + 4}"/><w:color w:val="404040"/>', '<w:spacing w:after="160"/>', extra="<w:qFormat/>")
            + style_p("Heading1", "heading 1", f'<w:b/><w:sz w:val="{hs + 8}"/><w:color w:val="{dark}"/>',
                      '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>', extra="<w:qFormat/>")
            + style_p("Heading2", "heading 2", f'<w:b/><w:sz w:val="{hs + 4}"/><w:color w:val="{dark}"/>',
                      '<w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/>', extra="<w:qFormat/>")
            + style_p("Heading3", "heading 3", f'<w:b/><w:i/><w:sz w:val="{hs + 2}"/>',
                      '<w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="2"/>', extra="<w:qFormat/>")
            + style_p("Header", "header", "", '<w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/>')
            + style_p("Footer", "footer", f'<w:sz w:val="{hs - 4}"/>', '<w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0"/>')
            + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
            + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
              '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
              '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            + '</w:styles>')


def _hdr(kind: str, body: str) -> str:
    tag = "hdr" if kind == "header" else "ftr"
    return XML_DECL + f"<w:{tag} {NS}>{body}</w:{tag}>"


def page_field_runs(sz: float) -> str:
    def fld(instr):
        return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run("1", sz=sz)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return run("Page ", sz=sz) + fld("PAGE") + run(" of ", sz=sz) + fld("NUMPAGES")


def build_docx(path: str, body: str, *, font: str, size: float, dark: str, header_xml: str, footer_xml: str,
               title: str, author: str, created: str, template: str, settings_extra: str = "",
               company: str = "") -> None:
    """Write a .docx with a fixed part order and fixed zip timestamps."""
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
            'w:header="567" w:footer="454" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    document = XML_DECL + f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    ct = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>'
          '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings" Target="webSettings.xml"/>'
             '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
             '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
             '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
             '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
             '</Relationships>')
    settings = (XML_DECL + f'<w:settings {NS}><w:zoom w:percent="100"/>{settings_extra}<w:defaultTabStop w:val="720"/>'
                '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
                'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')
    web = XML_DECL + f'<w:webSettings {NS}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>'
    fonts = (XML_DECL + f'<w:fonts {NS}>'
             + "".join(f'<w:font w:name="{f}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
                       for f in dict.fromkeys([font, "Times New Roman", "MS Gothic"])) + '</w:fonts>')
    theme = (XML_DECL + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
             '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
             '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
             '<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>'
             '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>'
             '<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>'
             f'<a:fontScheme name="Office"><a:majorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
             f'<a:minorFont><a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>'
             '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>'
             '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'
             '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'
             '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>'
             '</a:themeElements></a:theme>')
    core = (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc_xml(title)}</dc:title><dc:creator>{esc_xml(author)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc_xml(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>')
    app = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f'<Template>{esc_xml(template)}</Template><TotalTime>38</TotalTime><Application>Microsoft Office Word</Application>'
           f'<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{esc_xml(company)}</Company>'
           '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
           '<AppVersion>16.0000</AppVersion></Properties>')
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", document),
             ("word/_rels/document.xml.rels", drels), ("word/styles.xml", _styles(font, size, "000000" if False else dark)),
             ("word/settings.xml", settings), ("word/webSettings.xml", web), ("word/fontTable.xml", fonts),
             ("word/header1.xml", _hdr("header", header_xml)), ("word/footer1.xml", _hdr("footer", footer_xml)),
             ("word/theme/theme1.xml", theme), ("docProps/core.xml", core), ("docProps/app.xml", app)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data.encode("utf-8"))
