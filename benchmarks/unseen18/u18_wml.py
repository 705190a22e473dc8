"""unseen18: a small WordprocessingML writer (strings in, deterministic .docx out)."""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
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
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
      'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'mc:Ignorable="w14 wp14"')

XMLDECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(b=False, i=False, sz=None, color=None, font=None, u=None, caps=False, smallcaps=False, highlight=None,
        shade=None, extra="", google=False):
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"'
                     + (f' w:eastAsia="{font}"' if google else "") + '/>')
    if b:
        parts.append("<w:b/><w:bCs/>" if not google else '<w:b w:val="1"/>')
    if i:
        parts.append("<w:i/><w:iCs/>" if not google else '<w:i w:val="1"/>')
    if caps:
        parts.append("<w:caps/>")
    if smallcaps:
        parts.append("<w:smallCaps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if sz:
        parts.append(f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    if u:
        parts.append(f'<w:u w:val="{u}"/>')
    if shade:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if google:
        parts.append('<w:rtl w:val="0"/>')
    parts.append(extra)
    body = "".join(parts)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def run(text: str, **kw) -> str:
    """A run; '\\n' becomes w:br and '\\t' becomes w:tab."""
    props = rpr(**kw)
    out = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("<w:br/>")
        for j, seg in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if seg:
                out.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{props}{''.join(out)}</w:r>"


def ppr(style=None, jc=None, before=None, after=None, line=None, ind_left=None, hanging=None, first=None, keep=False,
        tabs=None, shade=None, border_bottom=None, numid=None, ilvl=0, page_break_before=False, extra="", rpr_mark=""):
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep:
        parts.append("<w:keepNext/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if numid is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>')
    if border_bottom:
        parts.append(f'<w:pBdr><w:bottom w:val="{border_bottom}" w:sz="6" w:space="1" w:color="808080"/></w:pBdr>')
    if shade:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        t = "".join(f'<w:tab w:val="{v}" w:pos="{p}"' + (f' w:leader="{ld}"' if ld else "") + "/>" for v, p, ld in tabs)
        parts.append(f"<w:tabs>{t}</w:tabs>")
    if before is not None or after is not None or line is not None:
        a = []
        if before is not None:
            a.append(f'w:before="{before}"')
        if after is not None:
            a.append(f'w:after="{after}"')
        if line is not None:
            a.append(f'w:line="{line}" w:lineRule="auto"')
        parts.append(f"<w:spacing {' '.join(a)}/>")
    if ind_left is not None or hanging is not None or first is not None:
        a = []
        if ind_left is not None:
            a.append(f'w:left="{ind_left}"')
        if hanging is not None:
            a.append(f'w:hanging="{hanging}"')
        if first is not None:
            a.append(f'w:firstLine="{first}"')
        parts.append(f"<w:ind {' '.join(a)}/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    parts.append(extra)
    if rpr_mark:
        parts.append(rpr_mark)
    body = "".join(parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def para(content: str = "", **kw) -> str:
    return f"<w:p>{ppr(**kw)}{content}</w:p>"


def cell(content: str, width: int, shade=None, span=None, vmerge=None, valign=None, borders=None, margins=None) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge is not None:
        props.append('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    if borders:
        props.append(borders)
    if shade:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if margins:
        props.append(margins)
    if valign:
        props.append(f'<w:vAlign w:val="{valign}"/>')
    if not content.strip().endswith("</w:p>") and "<w:p>" not in content and "<w:p " not in content:
        content = content + "<w:p/>"
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content}</w:tc>"


def row(cells: list[str] | str, header=False, height=None, cant_split=False) -> str:
    props = []
    if cant_split:
        props.append("<w:cantSplit/>")
    if height:
        props.append(f'<w:trHeight w:val="{height}"/>')
    if header:
        props.append("<w:tblHeader/>")
    p = f"<w:trPr>{''.join(props)}</w:trPr>" if props else ""
    body = cells if isinstance(cells, str) else "".join(cells)
    return f"<w:tr>{p}{body}</w:tr>"


def table(rows: list[str] | str, widths: list[int], borders="single", style=None, layout_fixed=True, color="808080",
          indent=None, look=None) -> str:
    total = sum(widths)
    props = []
    if style:
        props.append(f'<w:tblStyle w:val="{style}"/>')
    props.append(f'<w:tblW w:w="{total}" w:type="dxa"/>')
    if indent is not None:
        props.append(f'<w:tblInd w:w="{indent}" w:type="dxa"/>')
    if borders:
        b = "".join(f'<w:{s} w:val="{borders}" w:sz="4" w:space="0" w:color="{color}"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        props.append(f"<w:tblBorders>{b}</w:tblBorders>")
    else:
        b = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        props.append(f"<w:tblBorders>{b}</w:tblBorders>")
    if layout_fixed:
        props.append('<w:tblLayout w:type="fixed"/>')
    props.append('<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
    if look:
        props.append(look)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = rows if isinstance(rows, str) else "".join(rows)
    return f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def field_runs(instr: str, result_runs: str, rp: str = "") -> str:
    """A complex field: begin / instrText / separate / result / end."""
    return (f'<w:r>{rp}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rp}<w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>'
            f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'{result_runs}'
            f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r>')


def page_field(kind="PAGE", **kw) -> str:
    return field_runs(f" {kind} ", run("1", **kw), rpr(**kw))


def sect_pr(landscape=False, margins=(1134, 1134, 1134, 1134), header=True, footer=True, title_pg=False) -> str:
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    refs = ""
    if header:
        refs += '<w:headerReference w:type="default" r:id="rIdHeader1"/>'
    if footer:
        refs += '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
    t, rgt, b, lft = margins
    return (f'<w:sectPr>{refs}<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{t}" w:right="{rgt}" w:bottom="{b}" w:left="{lft}" w:header="567" w:footer="567" w:gutter="0"/>'
            f'<w:cols w:space="708"/>{"<w:titlePg/>" if title_pg else ""}<w:docGrid w:linePitch="360"/></w:sectPr>')


def document(body: str, sectpr: str) -> str:
    return f'{XMLDECL}<w:document {NS}><w:body>{body}{sectpr}</w:body></w:document>'


def hdr(body: str) -> str:
    return f'{XMLDECL}<w:hdr {NS}>{body}</w:hdr>'


def ftr(body: str) -> str:
    return f'{XMLDECL}<w:ftr {NS}>{body}</w:ftr>'


def styles(font="Calibri", size=11, heading_color="1F3864", extra="") -> str:
    hs = int(size * 2)

    def hstyle(n, sz, color=heading_color, bold=True):
        return (f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
                f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="{n - 1}"/></w:pPr>'
                f'<w:rPr>{"<w:b/><w:bCs/>" if bold else ""}<w:color w:val="{color}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr></w:style>')
    return (f'{XMLDECL}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/><w:color w:val="{heading_color}"/></w:rPr></w:style>'
            + hstyle(1, 30) + hstyle(2, 24) + hstyle(3, 22) +
            f'<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
            f'<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>'
            f'<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            f'<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            f'{extra}</w:styles>')


def settings(before_compat="", after_compat="", compat=15) -> str:
    """Elements in CT_Settings order: before_compat goes after characterSpacingControl (e.g. showXMLTags),
    after_compat between compat and themeFontLang (e.g. attachedSchema)."""
    return (f'{XMLDECL}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'{before_compat}'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat}"/></w:compat>'
            f'{after_compat}<w:themeFontLang w:val="en-GB"/></w:settings>')


def core(title: str, creator: str, when: str, last_by: str | None = None) -> str:
    return (f'{XMLDECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(last_by or creator)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>')


def app(application="Microsoft Office Word", version="16.0000", template="Normal.dotm") -> str:
    return (f'{XMLDECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Template>{esc(template)}</Template><TotalTime>17</TotalTime><Pages>3</Pages><Application>{esc(application)}</Application>'
            f'<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>'
            f'<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>{version}</AppVersion></Properties>')


def write_docx(path, document_xml: str, styles_xml: str, settings_xml: str, header_xml: str | None,
               footer_xml: str | None, core_xml: str, app_xml: str | None, extra_parts: dict | None = None,
               extra_rels: list | None = None, extra_types: list | None = None, numbering_xml: str | None = None) -> None:
    """extra_parts: {'word/x.xml': text}; extra_rels: [(rid, type, target)]; extra_types: [(partname, ctype)]."""
    ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Default Extension="png" ContentType="image/png"/>',
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>']
    if app_xml:
        ct.append('<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>')
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    parts = {"word/document.xml": document_xml, "word/styles.xml": styles_xml, "word/settings.xml": settings_xml,
             "docProps/core.xml": core_xml}
    if app_xml:
        parts["docProps/app.xml"] = app_xml
    if header_xml:
        parts["word/header1.xml"] = header_xml
        ct.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        rels.append('<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
    if footer_xml:
        parts["word/footer1.xml"] = footer_xml
        ct.append('<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
        rels.append('<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>')
    if numbering_xml:
        parts["word/numbering.xml"] = numbering_xml
        ct.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
        rels.append('<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
    for name, text in (extra_parts or {}).items():
        parts[name] = text
    for pn, ctype in (extra_types or []):
        ct.append(f'<Override PartName="{pn}" ContentType="{ctype}"/>')
    for rid, typ, target in (extra_rels or []):
        rels.append(f'<Relationship Id="{rid}" Type="{typ}" Target="{target}"/>')
    root_rels = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 + ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' if app_xml else ""))
    files = [("[Content_Types].xml", f'{XMLDECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{"".join(ct)}</Types>'),
             ("_rels/.rels", f'{XMLDECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{root_rels}</Relationships>'),
             ("word/_rels/document.xml.rels", f'{XMLDECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>')]
    order = ["word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/header1.xml",
             "word/footer1.xml"]
    names = [n for n in order if n in parts] + sorted(n for n in parts if n not in order)
    files += [(n, parts[n]) for n in names]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, text.encode("utf-8") if isinstance(text, str) else text)
