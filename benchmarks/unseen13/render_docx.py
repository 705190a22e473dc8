"""A small WordprocessingML writer and the five Word layouts of unseen13."""

from __future__ import annotations

import io
import random
import re
import textwrap
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')


def x(s: str) -> str:
    return escape(s, {'"': "&quot;"})


# ---------------------------------------------------------------- primitives
def run(text: str = "", b=False, i=False, color=None, sz=None, font=None, strike=False, caps=False, u=False, br_before=False) -> str:
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/>"
    if i:
        rpr += "<w:i/>"
    if caps:
        rpr += "<w:caps/>"
    if strike:
        rpr += "<w:strike/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        rpr += '<w:u w:val="single"/>'
    out = "<w:r>" + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
    if br_before:
        out += "<w:br/>"
    parts = text.split("\n")
    for k, part in enumerate(parts):
        if k:
            out += "<w:br/>"
        if part:
            out += f'<w:t xml:space="preserve">{x(part)}</w:t>'
    return out + "</w:r>"


def tab_run() -> str:
    return "<w:r><w:tab/></w:r>"


def para(content: str = "", style=None, align=None, num=None, spacing=None, ind=None, shd=None, bdr=None, tabs=None,
         keep=False, rpr_mark="", page_break_before=False, frame=None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if frame:
        ppr += frame
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    if bdr:
        ppr += f"<w:pBdr>{bdr}</w:pBdr>"
    if shd:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>"
    if spacing:
        ppr += f'<w:spacing w:before="{spacing[0]}" w:after="{spacing[1]}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if rpr_mark:
        ppr += f"<w:rPr>{rpr_mark}</w:rPr>"
    return "<w:p>" + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + content + "</w:p>"


def cell(content: str, width: int, shd=None, span=1, borders=None, valign=None, vmerge=None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        tcpr += f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>"
    if borders is not None:
        tcpr += f"<w:tcBorders>{borders}</w:tcBorders>"
    if shd:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip().startswith("<w:p") and "<w:tbl>" not in content:
        content = para(content)
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def borders_all(val="single", sz=4, color="000000") -> str:
    return "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>'
                   for s in ("top", "left", "bottom", "right", "insideH", "insideV"))


def cell_borders(val="single", sz=4, color="000000") -> str:
    return "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="0" w:color="{color}"/>' for s in ("top", "left", "bottom", "right"))


NO_BORDERS = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right"))


def table(rows: list[str], widths: list[int], borders: str | None = None, floating: str = "", layout_fixed=True, style=None) -> str:
    tblpr = ""
    if style:
        tblpr += f'<w:tblStyle w:val="{style}"/>'
    tblpr += floating
    tblpr += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if borders is not None:
        tblpr += f"<w:tblBorders>{borders}</w:tblBorders>"
    if layout_fixed:
        tblpr += '<w:tblLayout w:type="fixed"/>'
    tblpr += '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def row(cells: list[str], header=False, height=None, cant_split=False) -> str:
    trpr = ""
    if cant_split:
        trpr += "<w:cantSplit/>"
    if height:
        trpr += f'<w:trHeight w:val="{height}"/>'
    if header:
        trpr += "<w:tblHeader/>"
    return "<w:tr>" + (f"<w:trPr>{trpr}</w:trPr>" if trpr else "") + "".join(cells) + "</w:tr>"


# ---------------------------------------------------------------- package
def styles_xml(font="Calibri", size=22, extra="") -> str:
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="PlainText"><w:name w:val="Plain Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
{extra}</w:styles>'''


def hf_xml(kind: str, content: str) -> str:
    tag = "hdr" if kind == "header" else "ftr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {W_NS}>{content}</w:{tag}>'


def sect_pr(landscape=False, margins=1134, cols="") -> str:
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>'
            f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{margins}" w:right="{margins}" w:bottom="{margins}" '
            f'w:left="{margins}" w:header="567" w:footer="567" w:gutter="0"/>{cols}</w:sectPr>')


FIXED = (1980, 1, 1, 0, 0, 0)


def package(body: str, header: str, footer: str, *, styles: str, numbering: str | None = None, settings_extra: str = "",
            title="Referral", author="", created="2026-01-01T09:00:00Z", app="Microsoft Office Word", compat=15) -> bytes:
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}</w:body></w:document>'
    ct_over = [("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
               ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
               ("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
               ("/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"),
               ("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
               ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
               ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    rels = [("rIdS", "styles", "styles.xml"), ("rIdSet", "settings", "settings.xml"), ("rIdH1", "header", "header1.xml"),
            ("rIdF1", "footer", "footer1.xml")]
    if numbering:
        ct_over.append(("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))
        rels.append(("rIdN", "numbering", "numbering.xml"))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in ct_over) + "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                 "</Relationships>")
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" Target="{g}"/>'
                          for i, t, g in rels) + "</Relationships>")
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>{settings_extra}'
                f'<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="{compat}"/></w:compat>'
                "</w:settings>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{x(title)}</dc:title><dc:creator>{x(author)}</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
            "</cp:coreProperties>")
    appx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{x(app)}</Application></Properties>")
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("word/document.xml", doc),
             ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", styles), ("word/settings.xml", settings),
             ("word/header1.xml", hf_xml("header", header)), ("word/footer1.xml", hf_xml("footer", footer)),
             ("docProps/core.xml", core), ("docProps/app.xml", appx)]
    if numbering:
        parts.append(("word/numbering.xml", numbering))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def std_header_footer(ctx, font=None) -> tuple[str, str]:
    s = ctx["sender"]
    h = para(run(f"{ctx['marking']}", b=True, sz=18, font=font), align="center") + \
        para(run(f"{s.partnership} - {s.ref}", sz=16, font=font), style="Header", align="right")
    f = para(run(f"{s.ref} - version {ctx['version']} - reviewed {ctx['reviewed']}", sz=16, font=font), style="Footer") + \
        para('<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">Page </w:t></w:r>'
             '<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>',
             style="Footer", align="center")
    return h, f


def guidance_text(ctx) -> str:
    s = ctx["sender"]
    return (f"Please complete every section you can and email the form to {s.pship_email}. If you are unsure whether "
            f"the criteria are met, ring the {s.pship_short} business unit on {s.pship_phone} before sending. Enter dates "
            f"as in the example: {ctx['example_date']}. Do not delay a referral to children's social care while you complete this form.")


def spec_of(item) -> str | None:
    return item.get("spec") if item["sel"] is not None and item["opts"][item["sel"]].lower().startswith("other") else None


# ================================================================ W-GCHECK
def gcheck_numbering() -> str:
    def absn(i, glyph, font):
        return (f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="hybridMultilevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:u w:val="none"/></w:rPr></w:lvl></w:abstractNum>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W_NS}>'
            + absn(0, "☐", "Arial Unicode MS") + absn(1, "☑", "Arial Unicode MS") + absn(2, "●", "Arial")
            + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
              '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>')


def w_gcheck(ctx) -> bytes:
    s, rng = ctx["sender"], ctx["rng"]
    F = "Arial"
    body = [para(run(s.title, font=F), style="Title"),
            para(run(f"{s.org} - {s.team}", font=F, color="666666")),
            para(run(guidance_text(ctx), font=F, i=True, sz=18, color="555555")),
            para(run("Tick the boxes that apply.", font=F, sz=18, color="555555"))]
    strike_checked = ctx["variant"] != "nostrike"

    def q(label):
        body.append(para(run(label, b=True, font=F), spacing=(120, 0), keep=True))

    for sec in ctx["sections"]:
        body.append(para(run(sec["title"], font=F), style="Heading2"))
        for it in sec["items"]:
            t = it["t"]
            if t == "text":
                q(it["label"])
                if it["lines"]:
                    for ln in it["lines"]:
                        body.append(para(run(ln, font=F), spacing=(0, 0)))
                else:
                    body.append(para(run(it["shown"], font=F) if it["shown"] else ""))
            elif t in ("yn", "choice"):
                q(it["label"])
                for k, o in enumerate(it["opts"]):
                    chosen = it["sel"] == k
                    body.append(para(run(o, font=F, strike=chosen and strike_checked), num=2 if chosen else 1,
                                     style="ListParagraph", spacing=(0, 0)))
                if it["key"] == "itype":
                    q("If other, please specify")
                    body.append(para(run(spec_of(it) or "", font=F)))
            elif t == "long":
                q(it["label"])
                for p in it["paras"] or [""]:
                    body.append(para(run(p, font=F)))
            elif t == "agencies":
                q(it["label"])
                widths = [2900, 3600, 3100]
                rows = [row([cell(para(run(h, b=True, font=F)), w, shd="F3F3F3") for h, w in zip(it["headers"], widths)])]
                for r in it["rows"]:
                    rows.append(row([cell(para(run(v or "", font=F)), w) for v, w in zip(r, widths)]))
                rows.append(row([cell(para(""), w) for w in widths]))
                body.append(table(rows, widths, borders_all(sz=8, color="000000")))
                body.append(para(""))
    body.append(sect_pr(margins=1440))
    h, f = std_header_footer(ctx, font=F)
    return package("".join(body), h, f, styles=styles_xml("Arial", 22), numbering=gcheck_numbering(), title=s.title,
                   app="", created=ctx["created"])


# ================================================================ W-LETTERBOX
COMB = 30
LABEL_W = 2980
CW = 222


def w_letterbox(ctx) -> bytes:
    s = ctx["sender"]
    widths = [LABEL_W] + [CW] * COMB
    box = cell_borders(sz=4, color="404040")
    thin = NO_BORDERS
    body = [para(run(s.title, b=True, sz=30), align="center"),
            para(run(f"{s.org} - {s.team}", sz=20), align="center"),
            para(run("PLEASE USE BLOCK CAPITALS, ONE LETTER PER BOX. " + guidance_text(ctx), sz=16, i=True))]

    def label_cell(text, shade="E7E6E6"):
        return cell(para(run(text, sz=16, b=True)), LABEL_W, shd=shade, borders=thin)

    def comb_row(label, text):
        cells = [label_cell(label)]
        chars = list(text)
        for k in range(COMB):
            ch = chars[k] if k < len(chars) else ""
            cells.append(cell(para(run(ch, sz=18, font="Arial"), align="center"), CW, borders=box))
        return row(cells, height=330, cant_split=True)

    def open_row(label, paras_, height=330):
        content = "".join(para(run(p, sz=18, font="Arial")) for p in (paras_ or [""]))
        return row([label_cell(label), cell(content, CW * COMB, span=COMB, borders=box)], height=height, cant_split=True)

    def date_row(label, shown):
        digits = [c for c in shown if c.isdigit()]
        cells = [label_cell(label)]
        pattern = "DD/MM/YYYY"
        if shown and len(digits) == 8 and re.fullmatch(r"\d\d/\d\d/\d{4}", shown):
            chars = digits[:2] + ["/"] + digits[2:4] + ["/"] + digits[4:]
        elif shown:
            return comb_row(label, shown.upper())
        else:
            chars = ["", "", "/", "", "", "/", "", "", "", ""]
        for k in range(10):
            sep = pattern[k] == "/"
            cells.append(cell(para(run(chars[k], sz=18, font="Arial"), align="center"), CW, borders=thin if sep else box))
        cells.append(cell(para(run("(DD/MM/YYYY)", sz=14, color="808080")), CW * (COMB - 10), span=COMB - 10, borders=thin))
        return row(cells, height=330, cant_split=True)

    def option_row(label, opts, sel, per_line=False):
        rows_ = []
        if not per_line:
            cells = [label_cell(label)]
            used = 0
            for k, o in enumerate(opts):
                span = 7 if len(o) < 10 else 9
                cells.append(cell(para(run(o.upper(), sz=14), align="right"), CW * span, span=span, borders=thin))
                cells.append(cell(para(run("X" if sel == k else "", sz=18, font="Arial"), align="center"), CW, borders=box))
                used += span + 1
            cells.append(cell(para(""), CW * (COMB - used), span=COMB - used, borders=thin))
            rows_.append(row(cells, height=330, cant_split=True))
        else:
            for k, o in enumerate(opts):
                cells = [label_cell(label if k == 0 else "", "E7E6E6")]
                cells.append(cell(para(run("X" if sel == k else "", sz=18, font="Arial"), align="center"), CW, borders=box))
                cells.append(cell(para(run(o, sz=16)), CW * (COMB - 1), span=COMB - 1, borders=thin))
                rows_.append(row(cells, height=330, cant_split=True))
        return rows_

    for sec in ctx["sections"]:
        rows = [row([cell(para(run(sec["title"].upper(), b=True, color="FFFFFF", sz=18)), LABEL_W + CW * COMB, span=COMB + 1,
                          shd="1F3864", borders=thin)])]
        for it in sec["items"]:
            t = it["t"]
            if t == "text":
                if it.get("date"):
                    rows.append(date_row(it["label"], it["shown"]))
                elif it["lines"] is not None or it["key"] == "c_addr":
                    lines = it["lines"] or ([it["shown"]] if it["shown"] else [])
                    lines = lines + [""] * (4 - len(lines))
                    for k, ln in enumerate(lines):
                        lbl = it["label"] if k == 0 else ""
                        rows.append(comb_row(lbl, ln) if len(ln) <= COMB else open_row(lbl, [ln]))
                elif len(it["shown"]) <= COMB:
                    rows.append(comb_row(it["label"], it["shown"]))
                else:
                    rows.append(open_row(it["label"], [it["shown"]]))
            elif t == "yn":
                rows += option_row(it["label"], it["opts"], it["sel"])
            elif t == "choice":
                per_line = it["key"] == "itype"
                rows += option_row(it["label"], it["opts"], it["sel"], per_line=per_line)
                if it["key"] == "itype":
                    sp = spec_of(it) or ""
                    rows.append(comb_row("If other, please specify", sp.upper()) if len(sp) <= COMB
                                else open_row("If other, please specify", [sp]))
            elif t == "long":
                rows.append(row([cell(para(run(it["label"], sz=16, b=True)), LABEL_W + CW * COMB, span=COMB + 1,
                                      shd="E7E6E6", borders=thin)]))
                content = "".join(para(run(p, sz=18, font="Arial")) for p in (it["paras"] or [""]))
                rows.append(row([cell(content, LABEL_W + CW * COMB, span=COMB + 1, borders=box)], height=1400))
            elif t == "agencies":
                body.append(table(rows, widths, borders=None))
                body.append(para(run(it["label"], b=True, sz=18), spacing=(120, 40)))
                aw = [2800, 4000, 2870]
                arows = [row([cell(para(run(h.upper(), b=True, sz=16)), w, shd="E7E6E6") for h, w in zip(it["headers"], aw)],
                             header=True)]
                for r in it["rows"]:
                    arows.append(row([cell(para(run(v or "", sz=18, font="Arial")), w) for v, w in zip(r, aw)], height=400))
                for _ in range(max(0, 4 - len(it["rows"]))):
                    arows.append(row([cell(para(""), w) for w in aw], height=400))
                body.append(table(arows, aw, borders_all(sz=4, color="404040")))
                rows = []
        if rows:
            body.append(table(rows, widths, borders=None))
        body.append(para("", spacing=(0, 60)))
    body.append(para(run("Signature ______________________      Date ______________", sz=18), spacing=(240, 0)))
    body.append(sect_pr(margins=1134))
    h, f = std_header_footer(ctx, font="Arial")
    return package("".join(body), h, f, styles=styles_xml("Arial", 20), title=s.title, created=ctx["created"])


# ================================================================ W-MACROBTN
def macrobutton(prompt: str, sz=20) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:rPr><w:color w:val="808080"/><w:sz w:val="{sz}"/></w:rPr><w:instrText xml:space="preserve"> MACROBUTTON NoMacro {x(prompt)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def checkit(checked: bool) -> str:
    ch = "F0FE" if checked else "F0A8"
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> MACROBUTTON CheckIt </w:instrText></w:r>'
            f'<w:r><w:sym w:font="Wingdings" w:char="{ch}"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def w_macrobtn(ctx) -> bytes:
    s, rng = ctx["sender"], ctx["rng"]
    F = "Times New Roman" if ctx["variant"] == "times" else "Arial"
    lw, aw = 3500, 6138
    body = [para(run(s.org.upper(), b=True, sz=28, font=F)),
            para(run(s.title, b=True, sz=24, font=F), bdr='<w:bottom w:val="single" w:sz="12" w:space="1" w:color="000000"/>'),
            para(run(guidance_text(ctx), sz=18, font=F, i=True)),
            para(run("Click on each bracketed prompt and type your answer. Double-click a box to tick it.", sz=18, font=F, i=True))]

    def prompt_for(it):
        if it.get("date"):
            return "[Click here and type date]"
        if it["key"] in ("c_addr",):
            return "[Click here and type address]"
        return f"[Click here and type {it['label'].split('(')[0].strip().lower()}]"

    def answer_cell(content):
        return cell(content, aw)

    for sec in ctx["sections"]:
        body.append(para(run(sec["title"].upper(), b=True, sz=20, font=F, color="FFFFFF"), shd="404040", spacing=(200, 60), keep=True))
        rows = []
        for it in sec["items"]:
            t = it["t"]
            lab = cell(para(run(it["label"] + ("" if it["label"].endswith("?") else ":"), b=True, sz=20, font=F), align="right"), lw)
            if t == "text":
                if it["shown"]:
                    txt = "\n".join(it["lines"]) if it["lines"] else it["shown"]
                    content = para(run(txt, sz=20, font=F))
                else:
                    content = para(macrobutton(prompt_for(it)))
                rows.append(row([lab, answer_cell(content)]))
            elif t in ("yn", "choice"):
                parts = []
                for k, o in enumerate(it["opts"]):
                    if it["key"] == "itype" and k:
                        parts.append("<w:r><w:br/></w:r>")
                    parts.append(checkit(it["sel"] == k) + run(f" {o}" + ("" if it["key"] == "itype" else "     "), sz=20, font=F))
                rows.append(row([lab, answer_cell(para("".join(parts)))]))
                if it["key"] == "itype":
                    sp = spec_of(it)
                    lab2 = cell(para(run("If other, please specify:", b=True, sz=20, font=F), align="right"), lw)
                    rows.append(row([lab2, answer_cell(para(run(sp, sz=20, font=F)) if sp else para(macrobutton("[Click here and type details]")))]))
            elif t == "long":
                if it["paras"]:
                    content = "".join(para(run(p, sz=20, font=F)) for p in it["paras"])
                else:
                    content = para(macrobutton("[Click here and type]"))
                rows.append(row([lab, answer_cell(content)]))
            elif t == "agencies":
                if rows:
                    body.append(table(rows, [lw, aw], borders=None))
                    rows = []
                body.append(para(run(it["label"], b=True, sz=20, font=F)))
                ws = [3000, 3600, 3038]
                arows = [row([cell(para(run(h, b=True, sz=18, font=F)), w, shd="D9D9D9") for h, w in zip(it["headers"], ws)])]
                for r in it["rows"]:
                    arows.append(row([cell(para(run(v, sz=20, font=F)) if v else para(macrobutton("[Name]")), w) for v, w in zip(r, ws)]))
                for _ in range(max(1, 3 - len(it["rows"]))):
                    arows.append(row([cell(para(macrobutton(p)), w) for p, w in zip(["[Name]", "[Agency]", "[Contact]"], ws)]))
                body.append(table(arows, ws, borders_all(sz=4)))
        if rows:
            body.append(table(rows, [lw, aw], borders=None))
    body.append(para(run("For office use only", b=True, sz=18, font=F), spacing=(300, 0)))
    body.append(para(run("Received by: ", sz=18, font=F) + macrobutton("[Name]") + run("   Date: ", sz=18, font=F) + macrobutton("[Date]")))
    body.append(sect_pr(margins=1134))
    h, f = std_header_footer(ctx, font=F)
    return package("".join(body), h, f, styles=styles_xml(F, 20), title=s.title, compat=11,
                   created=ctx["created"], app="Microsoft Office Word")


# ================================================================ W-FIXEDWIDTH
LW = 34
LINE = 100


def w_fixedwidth(ctx) -> bytes:
    s = ctx["sender"]
    lines: list[str] = []
    sysname = ctx["variant"]
    lines.append(f"{sysname}  -  REFERRAL EXPORT".ljust(70) + f"Printed {ctx['printed']}")
    lines.append(f"{s.org} / {s.team}")
    lines.append(f"Form: {s.title} ({s.ref})")
    lines.append("=" * LINE)
    for ln in textwrap.wrap(guidance_text(ctx), LINE):
        lines.append(ln)
    lines.append("=" * LINE)

    def field(label, value):
        lab = label if label.endswith("?") else label
        if len(lab) > LW:
            lines.append(lab + ":" if not lab.endswith("?") else lab)
            first_prefix = " " * (LW + 2)
        else:
            first_prefix = lab.ljust(LW, " ") + ": "
        wrapped = textwrap.wrap(value, LINE - LW - 2) if value else [""]
        for k, w in enumerate(wrapped):
            lines.append((first_prefix if k == 0 else " " * (LW + 2)) + w)

    for sec in ctx["sections"]:
        lines.append("")
        lines.append(f"---- {sec['title'].upper()} " + "-" * max(4, LINE - 6 - len(sec["title"])))
        for it in sec["items"]:
            t = it["t"]
            if t == "text":
                field(it["label"], it["shown"])
            elif t in ("yn", "choice"):
                v = it["opts"][it["sel"]] if it["sel"] is not None else ""
                sp = spec_of(it) if it["key"] == "itype" else None
                field(it["label"], f"{v} - {sp}" if sp else v)
            elif t == "long":
                lines.append(it["label"] + ":")
                for k, p in enumerate(it["paras"] or []):
                    if k:
                        lines.append("")
                    for w in textwrap.wrap(p, LINE - 4):
                        lines.append("    " + w)
                if not it["paras"]:
                    lines.append("    ")
            elif t == "agencies":
                lines.append(it["label"] + ":")
                h = it["headers"]
                lines.append(f"  {h[0]:<22}  {h[1]:<50}  {h[2]}")
                lines.append("  " + "-" * 22 + "  " + "-" * 50 + "  " + "-" * 22)
                for r in it["rows"]:
                    lines.append(f"  {(r[0] or ''):<22}  {r[1]:<50}  {r[2]}")
                if not it["rows"]:
                    lines.append("  (no rows)")
    lines.append("")
    lines.append("=" * LINE)
    lines.append("*** END OF REPORT ***")
    body = "".join(para(run(ln), style="PlainText") for ln in lines)
    body += sect_pr(margins=850)
    h = para(run(ctx["marking"], b=True, sz=16, font="Courier New"), align="center")
    f = para(run(f"{s.ref} - version {ctx['version']} - reviewed {ctx['reviewed']}", sz=14, font="Courier New"))
    return package(body, h, f, styles=styles_xml("Courier New", 16), title=f"{sysname} export", created=ctx["created"])


# ================================================================ W-FLOATBOX
def float_pr(side: str) -> str:
    return (f'<w:tblpPr w:leftFromText="142" w:rightFromText="142" w:vertAnchor="text" w:horzAnchor="margin" '
            f'w:tblpXSpec="{side}" w:tblpY="1"/><w:tblOverlap w:val="never"/>')


def w_floatbox(ctx) -> bytes:
    s, rng = ctx["sender"], ctx["rng"]
    F = "Calibri"
    color = ctx["variant"]
    half = 4650
    lw, aw = 1750, 2900
    body = [para(run(s.title, b=True, sz=32, color=color), align="left"),
            para(run(f"{s.org} | {s.team}", sz=20, color="595959")),
            para(run(guidance_text(ctx), sz=16, i=True))]

    def glyphs(opts, sel):
        return "  ".join(("☒ " if sel == k else "☐ ") + o for k, o in enumerate(opts))

    def box(sec, side=None, full=False):
        w_l, w_a = (lw, aw) if not full else (2600, 7038)
        rows = [row([cell(para(run(sec["title"], b=True, color="FFFFFF", sz=20)), w_l + w_a, span=2, shd=color)])]
        for it in sec["items"]:
            t = it["t"]
            lab = cell(para(run(it["label"], sz=16, b=True)), w_l, shd="F2F2F2")
            if t == "text":
                if it["key"] == "c_addr":
                    lines = it["lines"] or ([it["shown"]] if it["shown"] else [])
                    if len(lines) == 3:
                        lines = [lines[0], ""] + lines[1:]
                    lines = (lines + ["", "", "", ""])[:4] if len(lines) <= 4 else lines
                    names = [it["label"] + " - line 1", "Line 2", "Town", "Postcode"] + ["Line"] * (len(lines) - 4)
                    for nm, ln in zip(names, lines):
                        rows.append(row([cell(para(run(nm, sz=16, b=True)), w_l, shd="F2F2F2"),
                                         cell(para(run(ln, sz=18)), w_a)]))
                    continue
                rows.append(row([lab, cell(para(run(it["shown"], sz=18)), w_a)]))
            elif t in ("yn", "choice"):
                if it["key"] == "itype":
                    content = "".join(para(run(("☒ " if it["sel"] == k else "☐ ") + o, sz=18, font="MS Gothic" if False else None))
                                      for k, o in enumerate(it["opts"]))
                    rows.append(row([lab, cell(content, w_a)]))
                    rows.append(row([cell(para(run("If other, please specify", sz=16, b=True)), w_l, shd="F2F2F2"),
                                     cell(para(run(spec_of(it) or "", sz=18)), w_a)]))
                else:
                    rows.append(row([lab, cell(para(run(glyphs(it["opts"], it["sel"]), sz=18)), w_a)]))
            elif t == "long":
                content = "".join(para(run(p, sz=18)) for p in (it["paras"] or [""]))
                if full:
                    rows.append(row([cell(para(run(it["label"], sz=16, b=True)), w_l + w_a, span=2, shd="F2F2F2")]))
                    rows.append(row([cell(content, w_l + w_a, span=2)], height=900))
                else:
                    rows.append(row([lab, cell(content, w_a)]))
            elif t == "agencies":
                ws = [2600, 4000, 3038]
                rows = [row([cell(para(run(sec["title"], b=True, color="FFFFFF", sz=20)), sum(ws), span=3, shd=color)]),
                        row([cell(para(run(h, b=True, sz=16)), w, shd="F2F2F2") for h, w in zip(it["headers"], ws)])]
                for r in it["rows"]:
                    rows.append(row([cell(para(run(v or "", sz=18)), w) for v, w in zip(r, ws)]))
                rows.append(row([cell(para(""), w) for w in ws]))
                return table(rows, ws, borders_all(sz=4, color="A6A6A6"))
        widths = [w_l, w_a]
        return table(rows, widths, borders_all(sz=4, color="A6A6A6"), floating=float_pr(side) if side else "")

    secs = ctx["sections"]
    by = {}
    for sec in secs:
        by.setdefault(sec["kind"], []).append(sec)
    pairs = [(by["ref"][0], by["lead"][0])]
    kids = by["child"]
    for k in range(0, len(kids), 2):
        pairs.append((kids[k], kids[k + 1] if k + 1 < len(kids) else by["decoy"][0]))
    used_decoy = len(kids) % 2 == 1
    for left, right in pairs:
        body.append(box(left, "left"))
        body.append(box(right, "right"))
        body.append(para("", spacing=(0, 0)))   # the anchor paragraph both floating tables belong to
        body.append(para("", spacing=(0, 120)))
    body.append(box(by["incident"][0], full=True))
    body.append(para(""))
    body.append(box(by["criteria"][0], "left"))
    body.append(box(by["panel"][0], "right"))
    body.append(para(""))
    body.append(para(""))
    body.append(box(by["agencies"][0]))
    body.append(para(""))
    body.append(box(by["concerns"][0], full=True))
    if not used_decoy:
        body.append(para(""))
        body.append(box(by["decoy"][0], full=True))
    body.append(para(""))
    body.append(sect_pr(margins=1134))
    h, f = std_header_footer(ctx, font=F)
    return package("".join(body), h, f, styles=styles_xml(F, 20), title=s.title, created=ctx["created"])


DOCX_LAYOUTS = {"W-GCHECK": w_gcheck, "W-LETTERBOX": w_letterbox, "W-MACROBTN": w_macrobtn, "W-FIXEDWIDTH": w_fixedwidth,
                "W-FLOATBOX": w_floatbox}
