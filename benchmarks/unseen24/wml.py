"""A small WordprocessingML writer (raw XML strings) and a deterministic package builder."""

from __future__ import annotations

import io
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
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
      'mc:Ignorable="w14 wp14"')

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def rpr(bold=False, size=None, font=None, color=None, italic=False, extra=""):
    x = ""
    if font:
        x += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    if bold:
        x += "<w:b/><w:bCs/>"
    if italic:
        x += "<w:i/>"
    if color:
        x += f'<w:color w:val="{color}"/>'
    if size:
        x += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    x += extra
    return f"<w:rPr>{x}</w:rPr>" if x else ""


def r(text, **kw):
    parts = text.split("\t")
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append("<w:tab/>")
        if p:
            out.append(f'<w:t xml:space="preserve">{esc(p)}</w:t>')
    return f"<w:r>{rpr(**kw)}{''.join(out)}</w:r>"


def p(content="", style=None, align=None, space_after=None, keep=False, shade=None, ppr_extra=""):
    pp = ""
    if style:
        pp += f'<w:pStyle w:val="{style}"/>'
    if keep:
        pp += "<w:keepNext/>"
    if shade:
        pp += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if space_after is not None:
        pp += f'<w:spacing w:before="0" w:after="{space_after}"/>'
    if align:
        pp += f'<w:jc w:val="{align}"/>'
    pp += ppr_extra
    if not isinstance(content, str):
        content = "".join(content)
    if content and not content.startswith("<"):
        content = r(content)
    return f"<w:p>{'<w:pPr>' + pp + '</w:pPr>' if pp else ''}{content}</w:p>"


def tc(content, width, shade=None, span=None, extra=""):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    pr += extra
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if not isinstance(content, str):
        content = "".join(content)
    if not content:
        content = p()
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def tbl(rows, widths, borders=True, layout_fixed=True, tblpr_extra="", indent=0):
    b = ""
    if borders:
        b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                                         for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
    else:
        b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + "</w:tblBorders>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    lay = '<w:tblLayout w:type="fixed"/>' if layout_fixed else ""
    ind = f'<w:tblInd w:w="{indent}" w:type="dxa"/>' if indent else ""
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{ind}{b}{lay}'
            f'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>{tblpr_extra}</w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def tr(cells, header=False, cant_split=False):
    pr = ""
    if header:
        pr += "<w:tblHeader/>"
    if cant_split:
        pr += "<w:cantSplit/>"
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def styles(font="Calibri", size=10.5, extra=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/></w:rPr></w:style>'
            f'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="26"/></w:rPr></w:style>'
            f'<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
            f'<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            f'{extra}</w:styles>')


def settings(extra=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}><w:zoom w:percent="100"/>'
            f'<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>{extra}'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            f'</w:settings>')


def hdr_ftr(kind, content):
    tag = "w:hdr" if kind == "header" else "w:ftr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag} {NS}>{content}</{tag}>'


def page_field():
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def document(body, sect):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body}{sect}</w:body></w:document>'


def sectpr(header_rid=None, footer_rid=None, landscape=False, margins=(1000, 1000, 1000, 1000)):
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    hf = ""
    if header_rid:
        hf += f'<w:headerReference w:type="default" r:id="{header_rid}"/>'
    if footer_rid:
        hf += f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
    t, rgt, b, lft = margins
    return (f'<w:sectPr>{hf}<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{t}" w:right="{rgt}" w:bottom="{b}" w:left="{lft}" w:header="500" w:footer="500" w:gutter="0"/>'
            f'<w:cols w:space="708"/></w:sectPr>')


class Package:
    """Parts in insertion order; relationships per source part; content types."""

    def __init__(self):
        self.parts = {}
        self.rels = {}
        self.overrides = {}
        self.defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}

    def add(self, name, data, ctype=None):
        self.parts[name] = data
        if ctype:
            self.overrides[name] = ctype

    def rel(self, source, rtype, target, external=False):
        lst = self.rels.setdefault(source, [])
        rid = f"rId{len(lst) + 1}"
        lst.append((rid, rtype if rtype.startswith("http") else RT + rtype, target, external))
        return rid

    def rels_name(self, source):
        if source == "":
            return "_rels/.rels"
        d, _, f = source.rpartition("/")
        return f"{d}/_rels/{f}.rels" if d else f"_rels/{f}.rels"

    def build(self) -> bytes:
        out = {}
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
        for ext, t in self.defaults.items():
            ct.append(f'<Default Extension="{ext}" ContentType="{t}"/>')
        for name, t in self.overrides.items():
            ct.append(f'<Override PartName="/{name}" ContentType="{t}"/>')
        ct.append("</Types>")
        out["[Content_Types].xml"] = "".join(ct)
        for src, lst in self.rels.items():
            x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
            for rid, t, target, ext in lst:
                x.append(f'<Relationship Id="{rid}" Type="{t}" Target="{esc(target)}"{" TargetMode=" + chr(34) + "External" + chr(34) if ext else ""}/>')
            x.append("</Relationships>")
            out[self.rels_name(src)] = "".join(x)
        out.update(self.parts)
        order = ["[Content_Types].xml", "_rels/.rels"] + [k for k in out if k not in ("[Content_Types].xml", "_rels/.rels")]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name in order:
                data = out[name]
                if isinstance(data, str):
                    data = data.encode("utf-8")
                zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, data)
        return buf.getvalue()


def basic_package(body, head_text, foot_text, title, creator="", app="Microsoft Office Word", font="Calibri", size=10.5,
                  settings_extra="", styles_extra="", landscape=False, company=""):
    pk = Package()
    pk.defaults["png"] = "image/png"
    pk.rel("", "officeDocument", "word/document.xml")
    pk.rel("", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")
    pk.rel("", "extended-properties", "docProps/app.xml")
    pk.rel("word/document.xml", "styles", "styles.xml")
    pk.rel("word/document.xml", "settings", "settings.xml")
    hid = pk.rel("word/document.xml", "header", "header1.xml")
    fid = pk.rel("word/document.xml", "footer", "footer1.xml")
    pk.sect = sectpr(hid, fid, landscape=landscape)
    pk.body = body
    pk.add("word/styles.xml", styles(font, size, styles_extra), "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")
    pk.add("word/settings.xml", settings(settings_extra), "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml")
    pk.add("word/header1.xml", hdr_ftr("header", head_text), "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
    pk.add("word/footer1.xml", hdr_ftr("footer", foot_text), "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
    pk.add("docProps/core.xml",
           '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
           f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
           '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:created>'
           '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:modified></cp:coreProperties>',
           "application/vnd.openxmlformats-package.core-properties+xml")
    pk.add("docProps/app.xml",
           '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f'<Application>{esc(app)}</Application><Company>{esc(company)}</Company></Properties>',
           "application/vnd.openxmlformats-officedocument.extended-properties+xml")
    return pk


def finish(pk):
    pk.parts = {"word/document.xml": document(pk.body, pk.sect), **pk.parts}
    pk.overrides = {"word/document.xml": CT_MAIN, **pk.overrides}
    return pk.build()
