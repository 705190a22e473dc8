"""A small WordprocessingML writer and a deterministic .docx package builder (plain28).

Everything is built as strings; the package has a fixed part order and fixed zip timestamps.
"""

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
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'mc:Ignorable="w14 w15"')

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


# ---------------------------------------------------------------- runs and paragraphs

def rpr(bold=False, italic=False, size=None, color=None, font=None, caps=False, underline=False, highlight=None):
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    if bold:
        parts.append('<w:b/><w:bCs/>')
    if italic:
        parts.append('<w:i/><w:iCs/>')
    if caps:
        parts.append('<w:caps/>')
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return f'<w:rPr>{"".join(parts)}</w:rPr>' if parts else ''


def run(text: str, **fmt) -> str:
    """A run; '\n' in text becomes a line break (w:br); tabs become w:tab."""
    out = []
    pieces = text.split('\n')
    for i, piece in enumerate(pieces):
        if i:
            out.append('<w:br/>')
        tabs = piece.split('\t')
        for j, t in enumerate(tabs):
            if j:
                out.append('<w:tab/>')
            if t:
                sp = ' xml:space="preserve"' if (t != t.strip() or '  ' in t) else ''
                out.append(f'<w:t{sp}>{esc(t)}</w:t>')
    return f'<w:r>{rpr(**fmt)}{"".join(out)}</w:r>'


def sym_run(font: str, char: str, size=None) -> str:
    """A symbol character (w:sym) such as Wingdings 2 F054: not in any w:t."""
    sz = f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>' if size else ''
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>{sz}</w:rPr>'
            f'<w:sym w:font="{font}" w:char="{char}"/></w:r>')


def checkbox_sdt(checked: bool, sdt_id: int, size=None, font='MS Gothic') -> str:
    """A Word 2010+ check-box content control (w14:checkbox) showing U+2612 / U+2610."""
    glyph = '\u2612' if checked else '\u2610'
    sz = f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>' if size else ''
    return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>{sz}</w:rPr>'
            f'<w:id w:val="{sdt_id}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="{font}"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="{font}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>{sz}</w:rPr>'
            f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def ppr(style=None, align=None, shading=None, before=None, after=None, line=None, ind_left=None,
        hanging=None, keep_next=False, border_bottom=None, tabs=None, first_line=None, page_break_before=False):
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append('<w:keepNext/>')
    if page_break_before:
        parts.append('<w:pageBreakBefore/>')
    if border_bottom:
        col, sz = border_bottom
        parts.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{sz}" w:space="1" w:color="{col}"/></w:pBdr>')
    if shading:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shading}"/>')
    if tabs:
        parts.append('<w:tabs>' + ''.join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + '</w:tabs>')
    if before is not None or after is not None or line is not None:
        a = []
        if before is not None:
            a.append(f'w:before="{before}"')
        if after is not None:
            a.append(f'w:after="{after}"')
        if line is not None:
            a.append(f'w:line="{line}" w:lineRule="auto"')
        parts.append(f'<w:spacing {" ".join(a)}/>')
    if ind_left is not None or hanging is not None or first_line is not None:
        a = []
        if ind_left is not None:
            a.append(f'w:left="{ind_left}"')
        if hanging is not None:
            a.append(f'w:hanging="{hanging}"')
        if first_line is not None:
            a.append(f'w:firstLine="{first_line}"')
        parts.append(f'<w:ind {" ".join(a)}/>')
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    return f'<w:pPr>{"".join(parts)}</w:pPr>' if parts else ''


def para(content: str = '', **pfmt) -> str:
    return f'<w:p>{ppr(**pfmt)}{content}</w:p>'


def text_para(text: str, pfmt=None, **rfmt) -> str:
    return para(run(text, **rfmt) if text else '', **(pfmt or {}))


# ---------------------------------------------------------------- tables

def borders_xml(tag: str, color='000000', sz=4, inside=True, none=False) -> str:
    if none:
        edges = ''.join(f'<w:{e} w:val="nil"/>' for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
        return f'<w:{tag}>{edges}</w:{tag}>'
    names = ['top', 'left', 'bottom', 'right'] + (['insideH', 'insideV'] if inside else [])
    edges = ''.join(f'<w:{e} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>' for e in names)
    return f'<w:{tag}>{edges}</w:{tag}>'


def cell(content: str, width: int, fill=None, span=1, vmerge=None, borders=None, valign=None, margins=None,
         no_wrap=False) -> str:
    """A table cell. content: paragraph xml (at least one paragraph is required)."""
    if '<w:p>' not in content and '<w:p ' not in content and '<w:tbl>' not in content:
        content = content + '<w:p/>'
    if not content.rstrip().endswith('</w:p>') and not content.rstrip().endswith('<w:p/>'):
        content = content + '<w:p/>'
    parts = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        parts.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge:
        parts.append('<w:vMerge w:val="restart"/>' if vmerge == 'restart' else '<w:vMerge/>')
    if borders:
        parts.append(borders)
    if fill:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if no_wrap:
        parts.append('<w:noWrap/>')
    if margins:
        parts.append('<w:tcMar>' + ''.join(f'<w:{k} w:w="{v}" w:type="dxa"/>' for k, v in margins) + '</w:tcMar>')
    if valign:
        parts.append(f'<w:vAlign w:val="{valign}"/>')
    return f'<w:tc><w:tcPr>{"".join(parts)}</w:tcPr>{content}</w:tc>'


def row(cells: list[str], header=False, cant_split=False, height=None) -> str:
    parts = []
    if cant_split:
        parts.append('<w:cantSplit/>')
    if height:
        parts.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        parts.append('<w:tblHeader/>')
    trpr = f'<w:trPr>{"".join(parts)}</w:trPr>' if parts else ''
    return f'<w:tr>{trpr}{"".join(cells)}</w:tr>'


def table(rows: list[str], grid: list[int], borders='single', color='000000', sz=4, indent=None,
          style='TableGrid', cell_margin=None, look='04A0') -> str:
    total = sum(grid)
    parts = [f'<w:tblStyle w:val="{style}"/>' if style else '', f'<w:tblW w:w="{total}" w:type="dxa"/>']
    if indent:
        parts.append(f'<w:tblInd w:w="{indent}" w:type="dxa"/>')
    if borders == 'none':
        parts.append(borders_xml('tblBorders', none=True))
    elif borders == 'outer':
        parts.append(borders_xml('tblBorders', color, sz, inside=False))
    else:
        parts.append(borders_xml('tblBorders', color, sz))
    parts.append('<w:tblLayout w:type="fixed"/>')
    if cell_margin:
        parts.append('<w:tblCellMar>' + ''.join(f'<w:{k} w:w="{v}" w:type="dxa"/>' for k, v in cell_margin)
                     + '</w:tblCellMar>')
    parts.append(f'<w:tblLook w:val="{look}" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                 f'w:noHBand="0" w:noVBand="1"/>')
    g = ''.join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return f'<w:tbl><w:tblPr>{"".join(parts)}</w:tblPr><w:tblGrid>{g}</w:tblGrid>{"".join(rows)}</w:tbl>'


# ---------------------------------------------------------------- package

def styles_xml(font: str, size: float, heading_color: str) -> str:
    sz = int(size * 2)
    return (XML_DECL +
            f'<w:styles {W_NS}>'
            '<w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/>'
            '</w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
            '<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>'
            '<w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>'
            f'<w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
            '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>'
            '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '</w:tblBorders></w:tblPr></w:style>'
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
            '<w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '</w:styles>')


def settings_xml() -> str:
    return (XML_DECL + f'<w:settings {W_NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
            '</w:compat><w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '</w:settings>')


def font_table_xml(fonts: list[str]) -> str:
    body = ''.join(f'<w:font w:name="{f}"><w:charset w:val="{"02" if f.startswith("Wingdings") else "00"}"/>'
                   f'<w:family w:val="{"auto" if f.startswith("Wingdings") else "swiss"}"/>'
                   f'<w:pitch w:val="variable"/></w:font>' for f in fonts)
    return XML_DECL + f'<w:fonts {W_NS}>{body}</w:fonts>'


def header_xml(paragraphs: str, kind='hdr') -> str:
    return XML_DECL + f'<w:{kind} {W_NS}>{paragraphs}</w:{kind}>'


def page_field_runs(fmt: dict, with_total=True, words=('Page ', ' of ')) -> str:
    """'Page n of N' using PAGE / NUMPAGES fields with cached results."""
    out = run(words[0], **fmt)
    out += f'<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr(**fmt)}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    out += f'<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="separate"/></w:r>{run("1", **fmt)}<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="end"/></w:r>'
    if with_total:
        out += run(words[1], **fmt)
        out += f'<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr(**fmt)}<w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
        out += f'<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="separate"/></w:r>{run("1", **fmt)}<w:r>{rpr(**fmt)}<w:fldChar w:fldCharType="end"/></w:r>'
    return out


def build_docx(body: str, *, font: str, size: float, heading_color: str, header: str, footer: str,
               title: str, author: str, created: str, modified: str, company: str, template='Normal.dotm',
               margins=(1134, 1134, 1134, 1134), header_dist=567, fonts_used=(), app_version='16.0000',
               revision=3, total_time=14, last_modified_by=None) -> bytes:
    """Assemble a .docx (A4). margins = top, right, bottom, left in twips."""
    top, right, bottom, left = margins
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:footerReference w:type="default" r:id="rId9"/>'
            f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" '
            f'w:left="{left}" w:header="{header_dist}" w:footer="{header_dist}" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    document = XML_DECL + f'<w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>'
    fonts = [font] + [f for f in fonts_used if f != font]
    parts = [
        ('[Content_Types].xml', XML_DECL +
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
         '</Types>'),
        ('_rels/.rels', XML_DECL +
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ('word/document.xml', document),
        ('word/_rels/document.xml.rels', XML_DECL +
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
         '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
         '</Relationships>'),
        ('word/styles.xml', styles_xml(font, size, heading_color)),
        ('word/settings.xml', settings_xml()),
        ('word/fontTable.xml', font_table_xml(fonts)),
        ('word/header1.xml', header_xml(header, 'hdr')),
        ('word/footer1.xml', header_xml(footer, 'ftr')),
        ('docProps/core.xml', XML_DECL +
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dc:title>{esc(title)}</dc:title><dc:subject></dc:subject><dc:creator>{esc(author)}</dc:creator>'
         f'<cp:keywords></cp:keywords><dc:description></dc:description>'
         f'<cp:lastModifiedBy>{esc(last_modified_by or author)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
         f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>'),
        ('docProps/app.xml', XML_DECL +
         '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
         'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
         f'<Template>{esc(template)}</Template><TotalTime>{total_time}</TotalTime><Pages>1</Pages>'
         '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>1</Lines>'
         f'<Paragraphs>1</Paragraphs><ScaleCrop>false</ScaleCrop><Company>{esc(company)}</Company>'
         '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
         f'<AppVersion>{app_version}</AppVersion></Properties>'),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0
            info.create_system = 0
            z.writestr(info, data.encode('utf-8'))
    return buf.getvalue()
