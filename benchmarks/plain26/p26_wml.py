"""A small WordprocessingML writer for plain26: paragraphs, runs, tables, check-box
content controls, Wingdings symbols, header/footer, and a deterministic .docx package."""

from __future__ import annotations

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

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def t(text: str) -> str:
    """A w:t element that keeps leading/trailing spaces."""
    sp = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<w:t{sp}>{esc(text)}</w:t>"


def rpr(bold=False, italic=False, size=None, color=None, font=None, caps=False, underline=False) -> str:
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, **fmt) -> str:
    """A run; '\n' inside text becomes a line break, '\t' a tab."""
    out = []
    pieces = text.split("\n")
    for i, piece in enumerate(pieces):
        if i:
            out.append("<w:br/>")
        tabs = piece.split("\t")
        for j, seg in enumerate(tabs):
            if j:
                out.append("<w:tab/>")
            if seg:
                out.append(t(seg))
    return f"<w:r>{rpr(**fmt)}{''.join(out)}</w:r>"


def sym(char_hex: str, font: str = "Wingdings", size=None) -> str:
    """A w:sym run (Insert > Symbol): the glyph is not Unicode text."""
    sz = f'<w:rPr><w:sz w:val="{int(size*2)}"/></w:rPr>' if size else ""
    return f'<w:r>{sz}<w:sym w:font="{font}" w:char="{char_hex}"/></w:r>'


def ppr(style=None, align=None, before=None, after=None, indent=None, hanging=None, keep_next=False,
        shade=None, tabs=None, border_bottom=None, line=None) -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if border_bottom:
        parts.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{border_bottom}" w:space="1" w:color="808080"/></w:pBdr>')
    if shade:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        parts.append("<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{p}"/>' for k, p in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        a = []
        if before is not None:
            a.append(f'w:before="{before}"')
        if after is not None:
            a.append(f'w:after="{after}"')
        if line is not None:
            a.append(f'w:line="{line}" w:lineRule="auto"')
        parts.append(f"<w:spacing {' '.join(a)}/>")
    if indent is not None or hanging is not None:
        a = []
        if indent is not None:
            a.append(f'w:left="{indent}"')
        if hanging is not None:
            a.append(f'w:hanging="{hanging}"')
        parts.append(f"<w:ind {' '.join(a)}/>")
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def para(*runs: str, **pfmt) -> str:
    return f"<w:p>{ppr(**pfmt)}{''.join(runs)}</w:p>"


def checkbox_cc(checked: bool, sdt_id: int, font: str = "MS Gothic", size=None) -> str:
    """A Word 2010 check-box content control showing ☒ / ☐."""
    glyph = "\u2612" if checked else "\u2610"
    sz = f'<w:sz w:val="{int(size*2)}"/><w:szCs w:val="{int(size*2)}"/>' if size else ""
    return ('<w:sdt><w:sdtPr>'
            f'<w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>{sz}</w:rPr>'
            f'<w:id w:val="{sdt_id}"/>'
            '<w14:checkbox>'
            f'<w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="{font}"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="{font}"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent>'
            f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>{sz}</w:rPr>'
            f'<w:t>{glyph}</w:t></w:r>'
            '</w:sdtContent></w:sdt>')


# ---------------------------------------------------------------- tables

def cell(content: str, width: int, span: int = 1, shade: str | None = None, valign: str | None = None,
         borders: str | None = None, vmerge: str | None = None) -> str:
    """content: one or more <w:p> (a cell must end with a paragraph)."""
    if not content.strip().endswith("</w:p>") and not content.strip().endswith("</w:tbl>"):
        content += "<w:p/>"
    if content.strip().endswith("</w:tbl>"):
        content += "<w:p/>"
    pr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        pr.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge:
        pr.append('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    if borders:
        pr.append(borders)
    if shade:
        pr.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if valign:
        pr.append(f'<w:vAlign w:val="{valign}"/>')
    return f"<w:tc><w:tcPr>{''.join(pr)}</w:tcPr>{content}</w:tc>"


def row(cells: list[str], header: bool = False, cant_split: bool = False, height: int | None = None) -> str:
    pr = []
    if cant_split:
        pr.append("<w:cantSplit/>")
    if height:
        pr.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        pr.append("<w:tblHeader/>")
    trpr = f"<w:trPr>{''.join(pr)}</w:trPr>" if pr else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def borders_xml(kind: str = "single", size: int = 4, color: str = "000000", inside: bool = True) -> str:
    sides = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    if kind == "none":
        return "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + "</w:tblBorders>"
    return "<w:tblBorders>" + "".join(
        f'<w:{s} w:val="{kind}" w:sz="{size}" w:space="0" w:color="{color}"/>' for s in sides) + "</w:tblBorders>"


def cell_borders(top=None, bottom=None, left=None, right=None) -> str:
    parts = []
    for name, val in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        if val is None:
            continue
        if val == "nil":
            parts.append(f'<w:{name} w:val="nil"/>')
        else:
            parts.append(f'<w:{name} w:val="single" w:sz="{val}" w:space="0" w:color="000000"/>')
    return f"<w:tcBorders>{''.join(parts)}</w:tcBorders>" if parts else ""


def table(rows: list[str], widths: list[int], borders: str | None = None, indent: int = 0,
          cell_margin: int = 85, style: str | None = None) -> str:
    total = sum(widths)
    pr = []
    if style:
        pr.append(f'<w:tblStyle w:val="{style}"/>')
    pr.append(f'<w:tblW w:w="{total}" w:type="dxa"/>')
    if indent:
        pr.append(f'<w:tblInd w:w="{indent}" w:type="dxa"/>')
    pr.append(borders if borders is not None else borders_xml())
    pr.append('<w:tblLayout w:type="fixed"/>')
    pr.append(f'<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="{cell_margin}" w:type="dxa"/>'
              f'<w:bottom w:w="28" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>')
    pr.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{''.join(pr)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


# ---------------------------------------------------------------- package

def styles_xml(font: str, size: float, heading_color: str = "1F3864") -> str:
    sz = int(size * 2)
    return (XML_HEAD +
            f'<w:styles {W_NS}>'
            '<w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="{sz + 2}"/><w:szCs w:val="{sz + 2}"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            '</w:styles>')


def settings_xml(compat: int = 15) -> str:
    return (XML_HEAD + f'<w:settings {W_NS}>'
            '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat}"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>'
            '<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '</w:settings>')


def font_table_xml(fonts: list[str]) -> str:
    body = "".join(f'<w:font w:name="{f}"/>' for f in fonts)
    return XML_HEAD + f'<w:fonts {W_NS}>{body}</w:fonts>'


def hdr_ftr_xml(tag: str, paragraphs: str) -> str:
    return XML_HEAD + f'<w:{tag} {W_NS}>{paragraphs}</w:{tag}>'


def page_field() -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def numpages_field() -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def build_docx(path: str, body: str, *, header: str, footer: str, font: str, size: float, title: str,
               author: str, created: str, company: str, margins=(1134, 1134, 1134, 1134), compat: int = 15,
               heading_color: str = "1F3864", app_version: str = "16.0000") -> None:
    """Write a .docx with a fixed part order and fixed zip timestamps."""
    top, right, bottom, left = margins
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>'
            f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    document = XML_HEAD + f'<w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>'
    content_types = (XML_HEAD +
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
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
    rels = (XML_HEAD +
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = (XML_HEAD +
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
                '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
                '</Relationships>')
    core = (XML_HEAD +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
            '</cp:coreProperties>')
    app = (XML_HEAD +
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f'<Template>Normal.dotm</Template><TotalTime>14</TotalTime><Pages>3</Pages><Application>Microsoft Office Word</Application>'
           f'<DocSecurity>0</DocSecurity><Company>{esc(company)}</Company><LinksUpToDate>false</LinksUpToDate>'
           f'<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>{app_version}</AppVersion></Properties>')
    fonts = sorted({font, "MS Gothic", "Wingdings", "Segoe UI Symbol", "Times New Roman"})
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles_xml(font, size, heading_color)),
        ("word/settings.xml", settings_xml(compat)),
        ("word/fontTable.xml", font_table_xml(fonts)),
        ("word/header1.xml", hdr_ftr_xml("hdr", header)),
        ("word/footer1.xml", hdr_ftr_xml("ftr", footer)),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
    ]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))
