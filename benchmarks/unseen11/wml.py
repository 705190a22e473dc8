"""A small WordprocessingML writer and a deterministic .docx package."""
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def esc(t):
    return escape(t, {'"': "&quot;"})


def rpr(b=False, i=False, sz=None, color=None, font=None, bdr=False, u=None, caps=False, shd=None, extra=""):
    x = ""
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        x += "<w:b/>"
    if i:
        x += "<w:i/>"
    if caps:
        x += "<w:caps/>"
    if color:
        x += f'<w:color w:val="{color}"/>'
    if sz:
        x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        x += f'<w:u w:val="{u}"/>'
    if bdr:
        x += '<w:bdr w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    if shd:
        x += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    x += extra
    return f"<w:rPr>{x}</w:rPr>" if x else ""


def run(text, **kw):
    """A run; newlines in text become w:br."""
    parts = text.split("\n")
    inner = ""
    for k, p in enumerate(parts):
        if k:
            inner += "<w:br/>"
        if p:
            inner += f'<w:t xml:space="preserve">{esc(p)}</w:t>'
    return f"<w:r>{rpr(**kw)}{inner}</w:r>"


def para(content="", style=None, jc=None, spacing_after=None, ind=None, shd=None, pbdr=None, keep=False, tabs=None,
         extra_ppr=""):
    """content: str (one plain run) or raw xml."""
    if isinstance(content, str) and not content.startswith("<"):
        content = run(content) if content else ""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if pbdr:
        ppr += f"<w:pBdr>{pbdr}</w:pBdr>"
    if shd:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>"
    if spacing_after is not None:
        ppr += f'<w:spacing w:after="{spacing_after}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    ppr += extra_ppr
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{content}</w:p>'


def cell(content, w=None, span=1, vmerge=None, shd=None, borders=None, valign=None, nowrap=False):
    """content: list of paragraph xml strings or one string."""
    if isinstance(content, str):
        content = [content if content.startswith("<w:p") or content.startswith("<w:tbl") else para(content)]
    if not content:
        content = [para("")]
    if content[-1].startswith("<w:tbl"):
        content = content + [para("")]
    tcpr = ""
    if w:
        tcpr += f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        tcpr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders is not None:
        tcpr += f"<w:tcBorders>{borders}</w:tcBorders>"
    if shd:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if nowrap:
        tcpr += "<w:noWrap/>"
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(content)}</w:tc>"


def row(cells, header=False, height=None, grid_before=0, grid_after=0, cant_split=False):
    trpr = ""
    if grid_before:
        trpr += f'<w:gridBefore w:val="{grid_before}"/>'
    if grid_after:
        trpr += f'<w:gridAfter w:val="{grid_after}"/>'
    if cant_split:
        trpr += "<w:cantSplit/>"
    if height:
        trpr += f'<w:trHeight w:val="{height}"/>'
    if header:
        trpr += "<w:tblHeader/>"
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def borders_all(val="single", sz=4, color="000000"):
    return "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                   for s in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table(rows, widths, borders=True, layout_fixed=True, style_borders=None):
    tblpr = '<w:tblW w:w="%d" w:type="dxa"/>' % sum(widths)
    if borders:
        tblpr += f"<w:tblBorders>{style_borders or borders_all()}</w:tblBorders>"
    else:
        tblpr += f"<w:tblBorders>{borders_all('nil', 0)}</w:tblBorders>"
    if layout_fixed:
        tblpr += '<w:tblLayout w:type="fixed"/>'
    tblpr += '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def sect(landscape=False, cols=1, header=True, footer=True, last=True, margins=1000):
    w, h = (16838, 11906) if landscape else (11906, 16838)
    x = ""
    if header:
        x += '<w:headerReference w:type="default" r:id="rIdHdr"/>'
    if footer:
        x += '<w:footerReference w:type="default" r:id="rIdFtr"/>'
    orient = ' w:orient="landscape"' if landscape else ""
    x += f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
    x += (f'<w:pgMar w:top="{margins}" w:right="{margins}" w:bottom="{margins}" w:left="{margins}" '
          'w:header="500" w:footer="500" w:gutter="0"/>')
    if cols > 1:
        x += f'<w:cols w:num="{cols}" w:space="400"/>'
    s = f"<w:sectPr>{x}</w:sectPr>"
    return s if last else f"<w:p><w:pPr>{s}</w:pPr></w:p>"


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>
<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
</w:styles>""" % W_NS


def package(path, body, header_text, footer_text, font="Calibri", sz=20, comments=None, compat_mode=15,
            smarttags=False, title="Referral form", author="Referral"):
    """body: inner xml of w:body (must end with a sectPr). comments: list of (id, author, date, text)."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}>'
           f"<w:body>{body}</w:body></w:document>")
    hdr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>'
           + "".join(para(run(t, sz=16, color="555555"), style="Header") for t in header_text.split("\n")) + "</w:hdr>")
    ftr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>'
           + para(run(footer_text, sz=14, color="666666"), style="Footer") + "</w:ftr>")
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>'
                '<w:defaultTabStop w:val="720"/>'
                + f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat_mode}"/></w:compat>'
                + ("".join(f'<w:smartTagType w:namespaceuri="urn:schemas-microsoft-com:office:smarttags" w:name="{n}"/>'
                           for n in ("address", "City", "date", "PersonName", "place", "PlaceName", "PostalCode", "Street"))
                   if smarttags else "")
                + '</w:settings>')
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
            '<Relationship Id="rIdHdr" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
            '<Relationship Id="rIdFtr" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>']
    ct_over = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
               '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
               '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
               '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
               '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>',
               '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>']
    parts = {}
    if comments:
        cx = "".join(f'<w:comment w:id="{cid}" w:author="{esc(a)}" w:date="{d}" w:initials="{"".join(x[0] for x in a.split()[:2])}">'
                     + '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' + run(t) + "</w:p>"
                     + "</w:comment>" for cid, a, d, t in comments)
        parts["word/comments.xml"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W_NS}>{cx}</w:comments>'
        rels.append('<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
        ct_over.append('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>' + "".join(ct_over) + "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 "</Relationships>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:created></cp:coreProperties>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels) + "</Relationships>")
    files = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("docProps/core.xml", core),
             ("word/document.xml", doc), ("word/_rels/document.xml.rels", doc_rels),
             ("word/styles.xml", STYLES.replace("{font}", font).replace("{sz}", str(sz))),
             ("word/settings.xml", settings), ("word/header1.xml", hdr), ("word/footer1.xml", ftr)]
    files += sorted(parts.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2024, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data.encode("utf-8"))
