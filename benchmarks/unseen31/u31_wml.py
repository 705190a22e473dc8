"""A small WordprocessingML writer and a deterministic .docx package builder."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(b=False, i=False, sz=None, color=None, font=None, strike=False, u=False):
    x = ""
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    if b:
        x += "<w:b/>"
    if i:
        x += "<w:i/>"
    if strike:
        x += "<w:strike/>"
    if color:
        x += f'<w:color w:val="{color}"/>'
    if sz:
        x += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        x += '<w:u w:val="single"/>'
    return f"<w:rPr>{x}</w:rPr>" if x else ""


def run(text: str, **kw) -> str:
    """A run; '\n' becomes a line break, '\t' a tab. rsid splitting is done by the caller if wanted."""
    out = []
    props = rpr(**kw)
    parts = text.split("\n")
    for pi, part in enumerate(parts):
        if pi:
            out.append(f"<w:r>{props}<w:br/></w:r>")
        for ti, seg in enumerate(part.split("\t")):
            if ti:
                out.append(f"<w:r>{props}<w:tab/></w:r>")
            if seg:
                out.append(f'<w:r>{props}<w:t xml:space="preserve">{esc(seg)}</w:t></w:r>')
    return "".join(out)


def para(content="", style=None, jc=None, after=None, before=None, keep_next=False, shade=None, bold=False,
         sz=None, color=None, pbreak=False, sect=None, ind=None, font=None, tabs=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if pbreak:
        ppr += "<w:pageBreakBefore/>"
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + "</w:tabs>"
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if after is not None or before is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 0}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    if sect:
        ppr += sect
    if isinstance(content, str) and not content.startswith("<w:"):
        content = run(content, b=bold, sz=sz, color=color, font=font) if content else ""
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def borders_xml(tag="w:tblBorders", sz=4, color="808080", diag=False, kinds=("top", "left", "bottom", "right")):
    x = "".join(f'<w:{k} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>' for k in kinds)
    if diag:
        x += f'<w:tl2br w:val="single" w:sz="{diag}" w:space="0" w:color="000000"/>'
        x += f'<w:tr2bl w:val="single" w:sz="{diag}" w:space="0" w:color="000000"/>'
    return f"<{tag}>{x}</{tag}>"


def cell(paras_xml, width, shade=None, span=1, vmerge=None, borders=None, valign=None):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        tcpr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders:
        tcpr += borders
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    body = "".join(paras_xml) if paras_xml else "<w:p/>"
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"


def row(cells_xml, header=False, height=None, cant_split=False):
    trpr = ""
    if header:
        trpr += "<w:tblHeader/>"
    if cant_split:
        trpr += "<w:cantSplit/>"
    if height:
        trpr += f'<w:trHeight w:val="{height}"/>'
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells_xml)}</w:tr>"


def table(rows_xml, widths, borders=True, style="TableGrid", layout_fixed=True, indent=None):
    tblpr = f'<w:tblStyle w:val="{style}"/>' if style else ""
    tblpr += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if indent is not None:
        tblpr += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    if borders is True:
        tblpr += borders_xml(kinds=("top", "left", "bottom", "right", "insideH", "insideV"))
    elif borders is False:
        tblpr += '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    if layout_fixed:
        tblpr += '<w:tblLayout w:type="fixed"/>'
    tblpr += '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    tblpr += '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"


def sect_pr(header_rid=None, footer_rid=None, landscape=False, kind=None, title_pg=False):
    x = ""
    if header_rid:
        x += f'<w:headerReference w:type="default" r:id="{header_rid}"/>'
    if footer_rid:
        x += f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
    if kind:
        x += f'<w:type w:val="{kind}"/>'
    if landscape:
        x += '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    else:
        x += '<w:pgSz w:w="11906" w:h="16838"/>'
    x += '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
    if title_pg:
        x += "<w:titlePg/>"
    x += '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
    return f"<w:sectPr>{x}</w:sectPr>"


def page_field_runs(prefix="Page ", sz=16):
    p = rpr(sz=sz)

    def fld(code):
        return (f'<w:r>{p}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{p}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                f'<w:r>{p}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{p}<w:t>1</w:t></w:r><w:r>{p}<w:fldChar w:fldCharType="end"/></w:r>')
    return run(prefix, sz=sz) + fld("PAGE") + run(" of ", sz=sz) + fld("NUMPAGES")


def part(root, body):
    return f'{XML_HEAD}<w:{root} {W_NS}>{body}</w:{root}>'


STYLES = (XML_HEAD + '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
          '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
          '<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{dark}"/><w:sz w:val="32"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
          '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{dark}"/><w:sz w:val="26"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
          '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
          '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
          '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
          '</w:styles>')

SETTINGS = (XML_HEAD + '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '{attached}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '{rsids}<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')

FIXED = (1980, 1, 1, 0, 0, 0)


def package(document_body: str, headers: list[str], footers: list[str], core: dict, app: dict, font="Arial",
            dark="1F3864", rsids=()) -> bytes:
    """headers / footers: XML bodies of w:hdr / w:ftr; their r:ids are rIdH1.. / rIdF1.. in order."""
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
    parts = []
    for i, h in enumerate(headers, 1):
        rels.append(f'<Relationship Id="rIdH{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header{i}.xml"/>')
        ct.append(f'<Override PartName="/word/header{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        parts.append((f"word/header{i}.xml", part("hdr", h)))
    for i, f in enumerate(footers, 1):
        rels.append(f'<Relationship Id="rIdF{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer{i}.xml"/>')
        ct.append(f'<Override PartName="/word/footer{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
        parts.append((f"word/footer{i}.xml", part("ftr", f)))
    rsid_xml = ""
    if rsids:
        rsid_xml = '<w:rsids><w:rsidRoot w:val="{0}"/>{1}</w:rsids>'.format(
            rsids[0], "".join(f'<w:rsid w:val="{r}"/>' for r in rsids))
    attached = f'<w:attachedTemplate r:id="rIdT"/>' if app.get("template_path") else ""
    settings_rels = None
    if attached:
        settings_rels = (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f'<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                         f'Target="{esc(app["template_path"])}" TargetMode="External"/></Relationships>')
    files = [
        ("[Content_Types].xml", XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + "".join(ct) + "</Types>"),
        ("_rels/.rels", XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", part("document", f"<w:body>{document_body}</w:body>")),
        ("word/_rels/document.xml.rels", XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>"),
        ("word/styles.xml", STYLES.replace("{font}", font).replace("{dark}", dark)),
        ("word/settings.xml", SETTINGS.replace("{rsids}", rsid_xml).replace("{attached}", attached)),
    ]
    if settings_rels:
        files.append(("word/_rels/settings.xml.rels", settings_rels))
    files += parts
    files.append(("docProps/core.xml", XML_HEAD +
                  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                  'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                  f'<dc:title>{esc(core.get("title", ""))}</dc:title><dc:creator>{esc(core["creator"])}</dc:creator>'
                  f'<cp:lastModifiedBy>{esc(core["creator"])}</cp:lastModifiedBy><cp:revision>{core.get("revision", 3)}</cp:revision>'
                  f'<dcterms:created xsi:type="dcterms:W3CDTF">{core["created"]}</dcterms:created>'
                  f'<dcterms:modified xsi:type="dcterms:W3CDTF">{core["modified"]}</dcterms:modified></cp:coreProperties>'))
    files.append(("docProps/app.xml", XML_HEAD +
                  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                  f'<Template>{esc(app.get("template", "Normal.dotm"))}</Template><TotalTime>{app.get("time", 12)}</TotalTime>'
                  f'<Pages>{app.get("pages", 3)}</Pages><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
                  f'<Company>{esc(app.get("company", ""))}</Company><AppVersion>16.0000</AppVersion></Properties>'))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()
