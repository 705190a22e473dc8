"""A small WordprocessingML writer and a deterministic .docx package builder."""

from __future__ import annotations

import datetime as dt
import zipfile

from u29_common import xml_escape

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
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
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'mc:Ignorable="w14 wp14"')

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str, b=False, i=False, color=None, sz=None, font=None, strike=False, u=False, vert=None,
        shade=None, caps=False) -> str:
    if text is None or text == "":
        return ""
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/><w:bCs/>"
    if i:
        rpr += "<w:i/><w:iCs/>"
    if caps:
        rpr += "<w:caps/>"
    if strike:
        rpr += "<w:strike/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{int(sz * 2)}"/><w:szCs w:val="{int(sz * 2)}"/>'
    if u:
        rpr += '<w:u w:val="single"/>'
    if shade:
        rpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if vert:
        rpr += f'<w:vertAlign w:val="{vert}"/>'
    rpr_x = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    out = []
    parts = text.split("\n")
    for pi, part in enumerate(parts):
        if pi:
            out.append("<w:br/>")
        segs = part.split("\t")
        for si, seg in enumerate(segs):
            if si:
                out.append("<w:tab/>")
            if seg:
                out.append(f'<w:t xml:space="preserve">{xml_escape(seg)}</w:t>')
    return f"<w:r>{rpr_x}{''.join(out)}</w:r>"


def para(runs: str | list[str] = "", style=None, align=None, after=None, before=None, ind_left=None, hanging=None,
         shade=None, keep_next=False, tabs=None, border_bottom=None, line=None) -> str:
    if isinstance(runs, list):
        runs = "".join(runs)
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if border_bottom:
        ppr += f'<w:pBdr><w:bottom w:val="single" w:sz="{border_bottom}" w:space="1" w:color="auto"/></w:pBdr>'
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{p}"/>' for k, p in tabs) + "</w:tabs>"
    if after is not None or before is not None or line is not None:
        ppr += "<w:spacing" + (f' w:before="{before}"' if before is not None else "") + (
            f' w:after="{after}"' if after is not None else "") + (f' w:line="{line}" w:lineRule="auto"' if line else "") + "/>"
    if ind_left is not None or hanging is not None:
        ppr += "<w:ind" + (f' w:left="{ind_left}"' if ind_left is not None else "") + (
            f' w:hanging="{hanging}"' if hanging is not None else "") + "/>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{runs}</w:p>"


def cell(content: str | list[str], width: int, shade=None, span=1, valign=None, borders=None) -> dict:
    if isinstance(content, list):
        content = "".join(content)
    if not content:
        content = para("")
    return {"xml": content, "w": width, "shade": shade, "span": span, "valign": valign, "borders": borders}


def table(rows: list[list[dict]], widths: list[int], borders=True, border_color="808080", layout_fixed=True,
          ind=0, header_rows=0, cant_split=False) -> str:
    tw = sum(widths)
    if borders:
        b = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{border_color}"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    else:
        b = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tpr = (f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{tw}" w:type="dxa"/>'
           + (f'<w:tblInd w:w="{ind}" w:type="dxa"/>' if ind else "")
           + f'<w:tblBorders>{b}</w:tblBorders>' + ('<w:tblLayout w:type="fixed"/>' if layout_fixed else "")
           + '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
           + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>')
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    out = [f"<w:tbl>{tpr}{grid}"]
    for ri, r in enumerate(rows):
        trpr = ""
        if ri < header_rows:
            trpr += "<w:tblHeader/>"
        if cant_split:
            trpr += "<w:cantSplit/>"
        out.append("<w:tr>" + (f"<w:trPr>{trpr}</w:trPr>" if trpr else ""))
        for c in r:
            tcpr = f'<w:tcW w:w="{c["w"]}" w:type="dxa"/>'
            if c["span"] > 1:
                tcpr += f'<w:gridSpan w:val="{c["span"]}"/>'
            if c.get("borders"):
                tcpr += c["borders"]
            if c["shade"]:
                tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{c["shade"]}"/>'
            if c["valign"]:
                tcpr += f'<w:vAlign w:val="{c["valign"]}"/>'
            out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{c['xml']}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def inline_picture(rid: str, pid: int, cx_emu: int, cy_emu: int, name: str, descr: str) -> str:
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx_emu}" cy="{cy_emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{pid}" name="{xml_escape(name)}" descr="{xml_escape(descr)}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{pid}" name="{xml_escape(name)}" descr="{xml_escape(descr)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx_emu}" cy="{cy_emu}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></w:r>')


def styles_xml(font: str, size: float = 10, heading_color: str = "1F3864") -> str:
    hs = int(size * 2)
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{hs}"/><w:szCs w:val="{hs}"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="{hs + 16}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="{hs + 6}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="{heading_color}"/><w:sz w:val="{hs + 2}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>'''


SETTINGS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-GB"/></w:settings>'''


def header_xml(paras: str, kind: str = "hdr") -> str:
    tag = "w:hdr" if kind == "hdr" else "w:ftr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag} {W_NS}>{paras}</{tag}>'


def field_simple(instr: str, result: str) -> str:
    return f'<w:fldSimple w:instr="{xml_escape(instr)}"><w:r><w:t>{xml_escape(result)}</w:t></w:r></w:fldSimple>'


class Package:
    """Collects parts and writes a deterministic .docx."""

    def __init__(self, font="Arial", size=10, heading_color="1F3864"):
        self.body: list[str] = []
        self.media: list[tuple[str, bytes]] = []
        self.font, self.size, self.heading_color = font, size, heading_color
        self.header = para(run(""))
        self.footer = para(run(""))
        self.landscape = False

    def add(self, xml: str) -> None:
        self.body.append(xml)

    def add_media(self, name: str, data: bytes) -> str:
        self.media.append((name, data))
        return f"rIdImg{len(self.media)}"

    def document_xml(self) -> str:
        if self.landscape:
            pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1077" w:right="1134" w:bottom="1077" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
        else:
            pg = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
        sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr1"/><w:footerReference w:type="default" r:id="rIdFtr1"/>'
                f'{pg}<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
                + "".join(self.body) + sect + "</w:body></w:document>")

    def write(self, path, core: dict) -> None:
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>']
        if self.media:
            ct.append('<Default Extension="png" ContentType="image/png"/>')
        ct.append('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId3" Type="{RT}/extended-properties" Target="docProps/app.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId1" Type="{RT}/officeDocument" Target="word/document.xml"/></Relationships>')
        drels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
                 f'<Relationship Id="rIdStyles" Type="{RT}/styles" Target="styles.xml"/>',
                 f'<Relationship Id="rIdSettings" Type="{RT}/settings" Target="settings.xml"/>',
                 f'<Relationship Id="rIdHdr1" Type="{RT}/header" Target="header1.xml"/>',
                 f'<Relationship Id="rIdFtr1" Type="{RT}/footer" Target="footer1.xml"/>']
        for i, (name, _data) in enumerate(self.media, 1):
            drels.append(f'<Relationship Id="rIdImg{i}" Type="{RT}/image" Target="media/{name}"/>')
        drels.append("</Relationships>")
        created = core["created"].strftime("%Y-%m-%dT%H:%M:%SZ")
        modified = core.get("modified", core["created"]).strftime("%Y-%m-%dT%H:%M:%SZ")
        corex = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                 f'<dc:title>{xml_escape(core.get("title", ""))}</dc:title><dc:creator>{xml_escape(core.get("creator", ""))}</dc:creator>'
                 f'<cp:lastModifiedBy>{xml_escape(core.get("last", core.get("creator", "")))}</cp:lastModifiedBy><cp:revision>{core.get("revision", 3)}</cp:revision>'
                 f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
        app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
               'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
               f'<Template>{xml_escape(core.get("template", "Normal.dotm"))}</Template><TotalTime>{core.get("total_time", 12)}</TotalTime>'
               f'<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
               f'<Company>{xml_escape(core.get("company", ""))}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
               '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')
        parts = [("[Content_Types].xml", "".join(ct)), ("_rels/.rels", rels), ("docProps/app.xml", app),
                 ("docProps/core.xml", corex), ("word/_rels/document.xml.rels", "".join(drels)),
                 ("word/document.xml", self.document_xml()), ("word/styles.xml", styles_xml(self.font, self.size, self.heading_color)),
                 ("word/settings.xml", SETTINGS), ("word/header1.xml", header_xml(self.header, "hdr")),
                 ("word/footer1.xml", header_xml(self.footer, "ftr"))]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data.encode("utf-8"))
            for name, data in self.media:
                zi = zipfile.ZipInfo(f"word/media/{name}", date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, data)


def dt_core(d: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, hour, minute, 0)
