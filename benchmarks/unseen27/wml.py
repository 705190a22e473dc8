"""A small WordprocessingML writer and a deterministic .docx package builder (fixed zip entry order and
timestamps)."""

from __future__ import annotations

import io
import zipfile

from common import xml_escape

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'mc:Ignorable="w14 w15"')

REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def run(text: str = "", b=False, i=False, sz=None, color=None, font=None, u=None, caps=False, shd=None,
        highlight=None, rstyle=None, extra_rpr="") -> str:
    rpr = ""
    if rstyle:
        rpr += f'<w:rStyle w:val="{rstyle}"/>'
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/><w:bCs/>"
    if i:
        rpr += "<w:i/><w:iCs/>"
    if caps:
        rpr += "<w:caps/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>'
    if highlight:
        rpr += f'<w:highlight w:val="{highlight}"/>'
    if u:
        rpr += f'<w:u w:val="{u}"/>'
    if shd:
        rpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    rpr += extra_rpr
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        segs = line.split("\t")
        for j, seg in enumerate(segs):
            if j:
                parts.append("<w:tab/>")
            if seg:
                parts.append(f'<w:t xml:space="preserve">{xml_escape(seg)}</w:t>')
    return f"<w:r>{rpr_xml}{''.join(parts)}</w:r>"


def para(content: str = "", style=None, align=None, before=None, after=None, ind_left=None, hanging=None,
         tabs=None, keep_next=False, numpr=None, shd=None, border_bottom=None, page_break_before=False, extra_ppr="",
         line=None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if numpr:
        ppr += numpr
    if border_bottom:
        ppr += f'<w:pBdr><w:bottom w:val="single" w:sz="{border_bottom}" w:space="1" w:color="808080"/></w:pBdr>'
    if shd:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"' + (f' w:leader="{ld}"' if ld else "") + "/>"
                                    for v, p, ld in tabs) + "</w:tabs>"
    if before is not None or after is not None or line is not None:
        ppr += "<w:spacing" + (f' w:before="{before}"' if before is not None else "") + (
            f' w:after="{after}"' if after is not None else "") + (f' w:line="{line}" w:lineRule="auto"' if line else "") + "/>"
    if ind_left is not None or hanging is not None:
        ppr += "<w:ind" + (f' w:left="{ind_left}"' if ind_left is not None else "") + (
            f' w:hanging="{hanging}"' if hanging is not None else "") + "/>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    ppr += extra_ppr
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def cell(content: str, width: int, shade=None, span=1, vmerge=None, valign=None, borders=None, no_wrap=False) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "cont":
        tcpr += "<w:vMerge/>"
    if borders:
        tcpr += borders
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if no_wrap:
        tcpr += "<w:noWrap/>"
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip():
        content = para("")
    elif not content.rstrip().endswith("</w:p>"):
        content = content + para("")
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def row(cells: list[str], header=False, height=None, cant_split=False) -> str:
    trpr = ""
    if cant_split:
        trpr += "<w:cantSplit/>"
    if height:
        trpr += f'<w:trHeight w:val="{height}"/>'
    if header:
        trpr += "<w:tblHeader/>"
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def table(rows: list[str], grid: list[int], borders=True, border_color="808080", style=None, layout_fixed=True,
          cell_mar=None, indent=None) -> str:
    tblpr = ""
    if style:
        tblpr += f'<w:tblStyle w:val="{style}"/>'
    tblpr += f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
    if indent:
        tblpr += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
    if borders:
        b = f'w:val="single" w:sz="4" w:space="0" w:color="{border_color}"'
        tblpr += (f"<w:tblBorders><w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/>"
                  f"<w:insideH {b}/><w:insideV {b}/></w:tblBorders>")
    else:
        tblpr += ('<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
                  '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
    if layout_fixed:
        tblpr += '<w:tblLayout w:type="fixed"/>'
    if cell_mar:
        tblpr += (f'<w:tblCellMar><w:top w:w="{cell_mar}" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
                  f'<w:bottom w:w="{cell_mar}" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>')
    tblpr += '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    gridxml = "".join(f'<w:gridCol w:w="{g}"/>' for g in grid)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{gridxml}</w:tblGrid>{''.join(rows)}</w:tbl>"


def field_run(instr: str, result_runs: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {xml_escape(instr)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + result_runs +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def styles_xml(font="Calibri", size=10.5, heading_color="1F3864") -> str:
    hs = int(size * 2)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""


def settings_xml(extra="") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>'
            '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'{extra}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="en-GB"/></w:settings>')


def hdr_xml(content: str, kind="hdr") -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} {W_NS}>{content}</w:{kind}>'


def sect_pr(header_ids=None, footer_ids=None, landscape=False, margins=(1134, 1134, 1134, 1134), title_pg=False) -> str:
    refs = ""
    for kind, rid in (header_ids or {}).items():
        refs += f'<w:headerReference w:type="{kind}" r:id="{rid}"/>'
    for kind, rid in (footer_ids or {}).items():
        refs += f'<w:footerReference w:type="{kind}" r:id="{rid}"/>'
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    t, r_, b, l_ = margins
    return (f"<w:sectPr>{refs}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>"
            f'<w:pgMar w:top="{t}" w:right="{r_}" w:bottom="{b}" w:left="{l_}" w:header="567" w:footer="567" w:gutter="0"/>'
            f'<w:cols w:space="708"/>{"<w:titlePg/>" if title_pg else ""}<w:docGrid w:linePitch="360"/></w:sectPr>')


class Package:
    """Collects parts and writes a .docx with a fixed entry order and fixed timestamps."""

    def __init__(self):
        self.parts: dict[str, bytes] = {}
        self.overrides: dict[str, str] = {}
        self.defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml",
                         "png": "image/png"}
        self.doc_rels: list[tuple[str, str, str, str | None]] = []   # id, type, target, mode
        self._rid = 0

    def add(self, name: str, data: str | bytes, ctype: str | None = None):
        self.parts[name] = data.encode("utf-8") if isinstance(data, str) else data
        if ctype:
            self.overrides["/" + name] = ctype

    def rel(self, rtype: str, target: str, mode=None) -> str:
        self._rid += 1
        rid = f"rId{self._rid}"
        self.doc_rels.append((rid, rtype, target, mode))
        return rid

    def build(self, document_xml: str, styles: str, settings: str, core: dict, app: dict, extra_ct_defaults=None) -> bytes:
        self.add("word/document.xml", document_xml, CT_MAIN)
        self.add("word/styles.xml", styles, "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
        self.add("word/settings.xml", settings, "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")
        rels = [(rid, t, tg, m) for rid, t, tg, m in self.doc_rels]
        rels.append(("rIdStyles", f"{REL_DOC}/styles", "styles.xml", None))
        rels.append(("rIdSettings", f"{REL_DOC}/settings", "settings.xml", None))
        self.add("word/_rels/document.xml.rels", rels_xml(rels))
        self.add("_rels/.rels", rels_xml([
            ("rId1", f"{REL_DOC}/officeDocument", "word/document.xml", None),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", None),
            ("rId3", f"{REL_DOC}/extended-properties", "docProps/app.xml", None)]))
        self.add("docProps/core.xml", core_xml(**core), "application/vnd.openxmlformats-package.core-properties+xml")
        self.add("docProps/app.xml", app_xml(**app), "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        defaults = dict(self.defaults)
        defaults.update(extra_ct_defaults or {})
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        for ext, t in defaults.items():
            ct.append(f'<Default Extension="{ext}" ContentType="{t}"/>')
        for name, t in self.overrides.items():
            ct.append(f'<Override PartName="{name}" ContentType="{t}"/>')
        ct.append("</Types>")
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
        self.parts["[Content_Types].xml"] = "".join(ct).encode("utf-8")
        names = order + sorted(n for n in self.parts if n not in order)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n in names:
                zi = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, self.parts[n])
        return buf.getvalue()


def rels_xml(rels) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for rid, t, tg, mode in rels:
        out.append(f'<Relationship Id="{rid}" Type="{t}" Target="{xml_escape(tg)}"' + (f' TargetMode="{mode}"' if mode else "") + "/>")
    out.append("</Relationships>")
    return "".join(out)


def core_xml(title="", creator="", modified_by="", created="2026-01-01T09:00:00Z", modified="2026-01-01T09:00:00Z",
             revision="1") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{xml_escape(modified_by)}</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')


def app_xml(application="Microsoft Office Word", company="", template="Normal.dotm", app_version="16.0000") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>{xml_escape(template)}</Template><TotalTime>12</TotalTime><Application>{xml_escape(application)}</Application>"
            f"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{xml_escape(company)}</Company>"
            f"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            f"<AppVersion>{app_version}</AppVersion></Properties>")


def document_xml(body: str, sectpr: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}{sectpr}</w:body></w:document>'
