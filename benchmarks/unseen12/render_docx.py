"""The five Word layouts, written as raw WordprocessingML into a deterministic .docx package."""
from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"')
PLACEHOLDER = "Click or tap here to enter text."
CHOOSE = "Choose an item."


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def r(text: str, b=False, i=False, sz=None, color=None, caps=False, smallcaps=False, font=None, rstyle=None,
      deleted=False) -> str:
    props = ""
    if rstyle:
        props += f'<w:rStyle w:val="{rstyle}"/>'
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    if b:
        props += "<w:b/>"
    if i:
        props += "<w:i/>"
    if caps:
        props += "<w:caps/>"
    if smallcaps:
        props += "<w:smallCaps/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if sz:
        props += f'<w:sz w:val="{sz}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    tag = "w:delText" if deleted else "w:t"
    out = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if part:
                out.append(f'<{tag} xml:space="preserve">{esc(part)}</{tag}>')
    return f"<w:r>{rpr}{''.join(out)}</w:r>"


def p(content: str = "", style=None, jc=None, ppr_extra="", keep=False) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    ppr += ppr_extra
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def tc(content: str, w: int, fill=None, span=1, vmerge=None) -> str:
    pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if fill:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if not content.strip().endswith("</w:p>") and "<w:sdt>" not in content:
        content = content + "<w:p/>" if not content else content
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content or '<w:p/>'}</w:tc>"


def tr(cells: str, header=False, ins=None) -> str:
    pr = ""
    if header:
        pr += "<w:tblHeader/>"
    if ins:
        pr += ins
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{cells}</w:tr>"


def tbl(rows: str, widths: list, borders=True) -> str:
    b = ('<w:tblBorders><w:top w:val="single" w:sz="4" w:color="808080"/><w:left w:val="single" w:sz="4" w:color="808080"/>'
         '<w:bottom w:val="single" w:sz="4" w:color="808080"/><w:right w:val="single" w:sz="4" w:color="808080"/>'
         '<w:insideH w:val="single" w:sz="4" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:color="808080"/></w:tblBorders>'
         if borders else "")
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>')


def answer(f) -> str | list | None:
    """The printed answer of a field in a typed layout ('' when left empty)."""
    if f.value is None:
        return f.filler or ""
    if f.kind == "itype" and f.spec:
        return f"{f.value} - {f.spec}"
    return f.value


def as_text(v) -> str:
    if isinstance(v, list):
        return "\n".join(v)
    return v or ""


# ------------------------------------------------------------------ package

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {ns}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="36"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>{h1num}<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:color w:val="2F5496"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>{h2num}<w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="432" w:hanging="432"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="576" w:hanging="576"/></w:pPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""


def package(body: str, *, header: str, footer: str, settings_extra="", numbering=False, font="Calibri",
            title="Referral", author="", when="2026-01-01T09:00:00Z") -> bytes:
    ns = W_NS
    h1 = '<w:numPr><w:numId w:val="1"/></w:numPr>' if numbering else ""
    h2 = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>' if numbering else ""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
            + ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' if numbering else "")
            + '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>'),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            + ('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' if numbering else "")
            + '</Relationships>'),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>{body}</w:body></w:document>',
        "word/styles.xml": STYLES.format(ns=ns, font=font, h1num=h1, h2num=h2),
        "word/settings.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {ns}>{settings_extra}'
                              '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                              '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'),
        "word/header1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {ns}>{header}</w:hdr>',
        "word/footer1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {ns}>{footer}</w:ftr>',
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
            '</cp:coreProperties>'),
        "docProps/app.xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                             '<Application>Microsoft Office Word</Application></Properties>'),
    }
    if numbering:
        files["word/numbering.xml"] = NUMBERING.format(ns=ns)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def sect(orient="portrait", hf=True) -> str:
    w, h = (16838, 11906) if orient == "landscape" else (11906, 16838)
    o = ' w:orient="landscape"' if orient == "landscape" else ""
    refs = ('<w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>' if hf else "")
    return (f'<w:sectPr>{refs}<w:pgSz w:w="{w}" w:h="{h}"{o}/>'
            '<w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')


def header_footer(ctx) -> tuple[str, str]:
    s = ctx["sender"]
    head = p(r(f"OFFICIAL-SENSITIVE (when complete)\t{s.partnership}\t{s.form_ref}", sz=16, color="595959"),
             style="Header", ppr_extra='<w:tabs><w:tab w:val="center" w:pos="4820"/><w:tab w:val="right" w:pos="9864"/></w:tabs>')
    foot = p(r(f"{s.form_ref} - version {ctx['version']} - reviewed {ctx['review_date']}\tPage ", sz=16, color="595959")
             + '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
             style="Footer", ppr_extra='<w:tabs><w:tab w:val="right" w:pos="9864"/></w:tabs>')
    return head, foot


def intro(ctx, title_style="Title") -> str:
    s = ctx["sender"]
    return (p(r(s.org, b=True, sz=20, color="404040")) + p(r(s.form_title), style=title_style)
            + p(r(f"To: {s.partnership}", sz=18)) + p(r(ctx["guidance"], i=True, sz=18, color="595959")))


def fields_of(sections, key):
    return [s for s in sections if s.key == key]


# ------------------------------------------------------------------ W-PAUTO

_sdt_id = [1000]


def _sid(rng) -> int:
    return rng.randint(-2_000_000_000, 2_000_000_000)


DATE_FMT = {"iso": "yyyy-MM-dd", "dmy_slash": "dd/MM/yyyy", "d_month_y": "d MMMM yyyy"}


def cc(f, rng, ctx, notes) -> str:
    """A block-level content control holding one answer, as 'Populate a Microsoft Word template' leaves it."""
    tag = f.key.replace(".", "_") + (f"_{f.child + 1}" if f.child is not None else "")
    base = f'<w:alias w:val="{esc(f.label)}"/><w:tag w:val="{tag}"/><w:id w:val="{_sid(rng)}"/>'
    empty = f.value is None and not f.filler
    if f.kind in ("yn", "gender", "itype"):
        items = "".join(f'<w:listItem w:displayText="{esc(o)}" w:value="{esc(o)}"/>' for o in f.options)
        if empty:
            return (f'<w:sdt><w:sdtPr>{base}<w:showingPlcHdr/><w:dropDownList><w:listItem w:value=""/>{items}</w:dropDownList></w:sdtPr>'
                    f'<w:sdtContent>{p(r(CHOOSE, rstyle="PlaceholderText"))}</w:sdtContent></w:sdt>')
        return (f'<w:sdt><w:sdtPr>{base}<w:dropDownList><w:listItem w:value=""/>{items}</w:dropDownList></w:sdtPr>'
                f'<w:sdtContent>{p(r(f.value))}</w:sdtContent></w:sdt>')
    if f.kind == "date":
        fmt = DATE_FMT.get(ctx["main_style"], "dd/MM/yyyy")
        if f.key in ("c.dob", "panel.date"):
            fmt = DATE_FMT.get(ctx["dob_style"], fmt)
        full = f'<w:date w:fullDate="{f.date.isoformat()}T00:00:00Z">' if f.date else "<w:date>"
        dpr = f'{full}<w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
        if empty:
            if rng.random() < 0.5:
                notes.setdefault("pa_empty", []).append(tag)
                return f'<w:sdt><w:sdtPr>{base}{dpr}</w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>'
            return (f'<w:sdt><w:sdtPr>{base}<w:showingPlcHdr/>{dpr}</w:sdtPr>'
                    f'<w:sdtContent>{p(r("Click or tap to enter a date.", rstyle="PlaceholderText"))}</w:sdtContent></w:sdt>')
        return f'<w:sdt><w:sdtPr>{base}{dpr}</w:sdtPr><w:sdtContent>{p(r(f.value if f.value else f.filler))}</w:sdtContent></w:sdt>'
    if empty:
        if rng.random() < 0.5:
            notes.setdefault("pa_empty", []).append(tag)
            return f'<w:sdt><w:sdtPr>{base}<w:text/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>'
        return (f'<w:sdt><w:sdtPr>{base}<w:showingPlcHdr/><w:text/></w:sdtPr>'
                f'<w:sdtContent>{p(r(PLACEHOLDER, rstyle="PlaceholderText"))}</w:sdtContent></w:sdt>')
    v = answer(f)
    if f.kind == "paras":
        return f'<w:sdt><w:sdtPr>{base}</w:sdtPr><w:sdtContent>{"".join(p(r(x)) for x in v)}</w:sdtContent></w:sdt>'
    if f.kind == "lines":
        return f'<w:sdt><w:sdtPr>{base}<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent>{p(r(as_text(v)))}</w:sdtContent></w:sdt>'
    return f'<w:sdt><w:sdtPr>{base}<w:text/></w:sdtPr><w:sdtContent>{p(r(v))}</w:sdtContent></w:sdt>'


def w_pauto(ctx, sections, rng, notes) -> bytes:
    s = ctx["sender"]
    fill = rng.choice(["D9E2F3", "E2EFD9", "EDEDED", "DEEAF6"])
    W = [3400, 6464]
    body = [intro(ctx)]
    children = [sec for sec in sections if sec.key == "child"]

    def field_rows(sec):
        rows = []
        for f in sec.fields:
            rows.append(tr(tc(p(r(f.label, b=True, sz=19)), W[0], fill=fill) + f"<w:tc><w:tcPr><w:tcW w:w=\"{W[1]}\" w:type=\"dxa\"/></w:tcPr>{cc(f, rng, ctx, notes)}</w:tc>"))
            if f.kind == "itype":
                sp = type(f)("inc.spec", "If other, please specify", "text", f.spec)
                rows.append(tr(tc(p(r(sp.label, b=True, sz=19)), W[0], fill=fill)
                               + f"<w:tc><w:tcPr><w:tcW w:w=\"{W[1]}\" w:type=\"dxa\"/></w:tcPr>{cc(sp, rng, ctx, notes)}</w:tc>"))
        return "".join(rows)

    done_children = False
    for sec in sections:
        if sec.key == "child":
            if done_children:
                continue
            done_children = True
            items = []
            for k, csec in enumerate(children):
                inner = p(r(f"{s.sections['child']} {k + 1}" if len(children) > 1 else s.sections["child"], b=True), style="Heading2") + tbl(field_rows(csec), W)
                items.append(f'<w:sdt><w:sdtPr><w:id w:val="{_sid(rng)}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>')
            body.append(p(r(s.sections["child"] + ("ren" if False else ""), b=True), style="Heading1"))
            body.append(f'<w:sdt><w:sdtPr><w:alias w:val="Children"/><w:tag w:val="children"/><w:id w:val="{_sid(rng)}"/>'
                        f'<w15:repeatingSection/></w:sdtPr><w:sdtContent>{"".join(items)}</w:sdtContent></w:sdt>')
            body.append(p())
            continue
        body.append(p(r(sec.title), style="Heading1"))
        if sec.key == "ag":
            AW = [3000, 3600, 3264]
            head = tr("".join(tc(p(r(h, b=True, sz=19)), w, fill=fill) for h, w in zip(sec.headers, AW)), header=True)
            items = []
            for row in sec.rows:
                cells = "".join(tc(p(r(v)) if v else p(), w) for v, w in zip(row, AW))
                items.append(f'<w:sdt><w:sdtPr><w:id w:val="{_sid(rng)}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>{tr(cells)}</w:sdtContent></w:sdt>')
            if not sec.rows:
                cells = "".join(tc(p(), w) for w in AW)
                items.append(f'<w:sdt><w:sdtPr><w:id w:val="{_sid(rng)}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>{tr(cells)}</w:sdtContent></w:sdt>')
            rep = (f'<w:sdt><w:sdtPr><w:alias w:val="Agencies"/><w:tag w:val="agencies"/><w:id w:val="{_sid(rng)}"/><w15:repeatingSection/></w:sdtPr>'
                   f'<w:sdtContent>{"".join(items)}</w:sdtContent></w:sdt>')
            body.append(tbl(head + rep, AW))
            body.append(p())
            continue
        body.append(tbl(field_rows(sec), W))
        body.append(p())
    body.append(sect())
    head, foot = header_footer(ctx)
    notes["label_fill"] = fill
    return package("".join(body), header=head, footer=foot, title=s.form_title, author="Flow",
                   when=ctx["created"])


# ------------------------------------------------------------------ W-TRACKFILL

PROMPTS = {"text": "[Enter text]", "long": "[Type your answer here]", "date": "DD/MM/YYYY", "lines": "[Address]",
           "paras": "[Please give as much detail as you can]"}


def w_trackfill(ctx, sections, rng, notes) -> bytes:
    s = ctx["sender"]
    author = ctx["ref_name"] or "Author"
    rid = [100]
    stamp = ctx["created"]

    def nid():
        rid[0] += 1
        return rid[0]

    def ins(runs):
        return f'<w:ins w:id="{nid()}" w:author="{esc(author)}" w:date="{stamp}">{runs}</w:ins>'

    def dele(text):
        return f'<w:del w:id="{nid()}" w:author="{esc(author)}" w:date="{stamp}">{r(text, deleted=True)}</w:del>'

    prompt_style = rng.choice(["bracket", "underscore"])
    blank_left = 0
    color = rng.choice(["000000", "1F3864"])

    def filled(f, inserted_para=False):
        """Runs after the label for one field."""
        nonlocal blank_left
        wrap = (lambda x: ins(x)) if not inserted_para else (lambda x: x)
        if f.kind in ("yn", "gender", "itype"):
            opts = f.options
            out = []
            if inserted_para:
                out.append(r(" / ".join(opts) if f.chosen is None else opts[f.chosen]))
            elif f.chosen is None:
                out.append(r(" / ".join(opts)))
            else:
                c = f.chosen
                for i, o in enumerate(opts):
                    if i < c:
                        out.append(dele(o + " / "))
                    elif i == c:
                        out.append(r(o))
                    else:
                        out.append(dele(" / " + o))
            txt = "".join(out)
            if f.kind == "itype" and f.spec:
                txt += wrap(r(f" - {f.spec}", color=color))
            return txt + ("" if inserted_para else r("  (delete as appropriate)", i=True, sz=16, color="7F7F7F"))
        prompt = PROMPTS.get(f.kind, "[Enter text]")
        if prompt_style == "underscore" and f.kind in ("text", "date"):
            prompt = "_" * 24 if f.kind == "text" else "__/__/____"
        v = answer(f)
        if not v:
            blank_left += 1
            return "" if inserted_para else r(prompt, color="7F7F7F")
        if f.kind == "paras":
            return None  # handled by caller
        if inserted_para:
            return r(as_text(v), color=color)
        return dele(prompt) + wrap(r(as_text(v), color=color))

    def para_ins(content, style=None):
        ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + f'<w:rPr><w:ins w:id="{nid()}" w:author="{esc(author)}" w:date="{stamp}"/></w:rPr>'
        return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"

    body = [intro(ctx), p(r("Please complete all sections. Where options are given, delete as appropriate.", i=True, sz=18))]
    child_secs = [x for x in sections if x.key == "child"]
    for sec in sections:
        extra = sec.key == "child" and sec is not child_secs[0]
        if sec.key == "ag":
            body.append(p(r(sec.title, b=True, sz=24), keep=True))
            AW = [3000, 3600, 3264]
            rows = [tr("".join(tc(p(r(h, b=True)), w, fill="F2F2F2") for h, w in zip(sec.headers, AW)), header=True)]
            n_template = 3
            for k in range(max(n_template, len(sec.rows))):
                if k < len(sec.rows):
                    cells = "".join(tc(p(ins(r(v, color=color)) if v else ""), w) for v, w in zip(sec.rows[k], AW))
                    rows.append(tr(cells, ins=(f'<w:ins w:id="{nid()}" w:author="{esc(author)}" w:date="{stamp}"/>' if k >= n_template else None)))
                else:
                    rows.append(tr("".join(tc(p(), w) for w in AW)))
            body.append(tbl("".join(rows), AW))
            body.append(p())
            continue
        if extra:
            body.append(para_ins(ins(r(sec.title, b=True, sz=24))))
        else:
            body.append(p(r(sec.title, b=True, sz=24), keep=True))
        for f in sec.fields:
            lab = f.label + ("" if f.label.endswith("?") or f.label.endswith(")") else ":")
            if f.kind == "paras" or (f.kind == "long" and f.value):
                paras = f.value if f.kind == "paras" else [f.value]
                if extra:
                    body.append(para_ins(ins(r(lab, b=True))))
                    body.extend(para_ins(ins(r(x, color=color))) for x in paras)
                    continue
                body.append(p(r(lab, b=True), keep=True))
                body.append(p(dele(PROMPTS["paras"])))
                body.extend(para_ins(ins(r(x, color=color))) for x in paras)
                continue
            if extra:
                content = filled(f, inserted_para=True)
                body.append(para_ins(ins(r(lab, b=True) + r("\t") + (content or ""))))
            else:
                body.append(p(r(lab, b=True) + r("\t") + filled(f),
                              ppr_extra='<w:tabs><w:tab w:val="left" w:pos="4536"/></w:tabs><w:ind w:left="4536" w:hanging="4536"/>'))
        body.append(p())
    body.append(p(r("Signed: ______________________    Date: ____________", sz=18)))
    body.append(sect())
    head, foot = header_footer(ctx)
    notes["prompts_left"] = blank_left
    notes["prompt_style"] = prompt_style
    return package("".join(body), header=head, footer=foot, settings_extra="<w:trackRevisions/>",
                   title=s.form_title, author=author, when=stamp)


# ------------------------------------------------------------------ W-OUTLINE

def w_outline(ctx, sections, rng, notes) -> bytes:
    s = ctx["sender"]
    body = [intro(ctx)]
    toc_titles = []
    for sec in sections:
        toc_titles.append(sec.title)
    # TOC field with cached entries
    entries = []
    for k, t in enumerate(toc_titles):
        page = 1 + k // 3
        link = (f'<w:hyperlink w:anchor="_Toc{2000 + k}" w:history="1">{r(f"{k + 1}.")}{r(chr(9) if False else " ")}'
                f'{r(t)}{r(chr(9))}{r(str(page))}</w:hyperlink>')
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') if k == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if k == len(toc_titles) - 1 else ""
        entries.append(p(begin + link + end, style="TOC1"))
    body.append(p(r("Contents", b=True, sz=26)))
    body.extend(entries)
    body.append(p('<w:r><w:br w:type="page"/></w:r>'))
    for k, sec in enumerate(sections):
        body.append(p(f'<w:bookmarkStart w:id="{k}" w:name="_Toc{2000 + k}"/>{r(sec.title)}<w:bookmarkEnd w:id="{k}"/>', style="Heading1"))
        if sec.key == "ag":
            AW = [3000, 3600, 3264]
            rows = [tr("".join(tc(p(r(h, b=True)), w, fill="DEEAF6") for h, w in zip(sec.headers, AW)), header=True)]
            for row in sec.rows:
                rows.append(tr("".join(tc(p(r(v)) if v else p(), w) for v, w in zip(row, AW))))
            if not sec.rows:
                rows.append(tr(tc(p(r(rng.choice(["None known", "None"]))), AW[0]) + tc(p(), AW[1]) + tc(p(), AW[2])))
                notes["agencies_none"] = True
            body.append(tbl("".join(rows), AW))
            continue
        for f in sec.fields:
            body.append(p(r(f.label), style="Heading2"))
            v = answer(f)
            if f.kind == "paras" and f.value:
                body.extend(p(r(x)) for x in v)
            elif f.kind == "lines" and f.value:
                body.extend(p(r(x), ppr_extra='<w:spacing w:after="0"/>') for x in v)
            else:
                body.append(p(r(as_text(v))))
            if f.kind == "itype":
                body.append(p(r("If other, please specify"), style="Heading2"))
                body.append(p(r(f.spec or "")))
    body.append(sect())
    head, foot = header_footer(ctx)
    return package("".join(body), header=head, footer=foot, numbering=True, title=s.form_title,
                   author=ctx["ref_name"] or "", when=ctx["created"], font=rng.choice(["Arial", "Calibri"]))


# ------------------------------------------------------------------ W-LANDSECT

def w_landsect(ctx, sections, rng, notes) -> bytes:
    s = ctx["sender"]
    lab_color = rng.choice(["7F7F7F", "595959", "2E74B5"])

    def stacked(f):
        v = answer(f)
        if f.kind == "paras" and f.value:
            out = [p(r(f.label, smallcaps=True, sz=16, color=lab_color) + '<w:r><w:br/></w:r>' + r(v[0]))]
            out += [p(r(x)) for x in v[1:]]
            return "".join(out)
        return p(r(f.label, smallcaps=True, sz=16, color=lab_color) + '<w:r><w:br/></w:r>' + r(as_text(v)),
                 ppr_extra='<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="BFBFBF"/></w:pBdr>')

    body = [intro(ctx)]
    port1 = [x for x in sections if x.key in ("ref", "lead")]
    kids = [x for x in sections if x.key == "child"]
    ag = [x for x in sections if x.key == "ag"][0]
    rest = [x for x in sections if x.key in ("inc", "cr", "panel", "concerns", "decoy")]
    for sec in port1:
        body.append(p(r(sec.title.upper(), b=True, sz=22, color="1F3864"), keep=True))
        body.extend(stacked(f) for f in sec.fields)
    body.append(p(r("Children and other agencies are on the following landscape pages.", i=True, sz=18)))
    body.append(p("", ppr_extra=sect("portrait")))
    # landscape: children grid, one row per child
    cols = [f.label for f in kids[0].fields]
    total = 14796
    first_w = 700
    cw = (total - first_w) // len(cols)
    widths = [first_w] + [cw] * len(cols)
    body.append(p(r(s.sections["child"] + (" - one row per child" if len(kids) > 1 else ""), b=True, sz=22, color="1F3864")))
    head = tr(tc(p(r("#", b=True, sz=15)), first_w, fill="D9D9D9") + "".join(tc(p(r(c, b=True, sz=15)), cw, fill="D9D9D9") for c in cols), header=True)
    rows = [head]
    for k, sec in enumerate(kids):
        cells = tc(p(r(str(k + 1), sz=16)), first_w)
        for f in sec.fields:
            cells += tc(p(r(as_text(answer(f)), sz=16)), cw)
        rows.append(tr(cells))
    body.append(tbl("".join(rows), widths))
    body.append(p())
    body.append(p(r(ag.title, b=True, sz=22, color="1F3864")))
    AW = [4000, 6000, total - 10000]
    arows = [tr("".join(tc(p(r(h, b=True, sz=18)), w, fill="D9D9D9") for h, w in zip(ag.headers, AW)), header=True)]
    for row in ag.rows:
        arows.append(tr("".join(tc(p(r(v, sz=18)) if v else p(), w) for v, w in zip(row, AW))))
    arows.append(tr("".join(tc(p(), w) for w in AW)))
    body.append(tbl("".join(arows), AW))
    body.append(p("", ppr_extra=sect("landscape")))
    for sec in rest:
        body.append(p(r(sec.title.upper(), b=True, sz=22, color="1F3864"), keep=True))
        for f in sec.fields:
            body.append(stacked(f))
            if f.kind == "itype" and f.spec:
                pass
    body.append(sect("portrait"))
    head, foot = header_footer(ctx)
    notes["grid_columns"] = len(cols)
    return package("".join(body), header=head, footer=foot, title=s.form_title, author=ctx["ref_name"] or "",
                   when=ctx["created"], font=rng.choice(["Arial", "Calibri", "Verdana"]))


# ------------------------------------------------------------------ W-SHADECELL

def w_shadecell(ctx, sections, rng, notes) -> bytes:
    s = ctx["sender"]
    shade = rng.choice(["BFBFBF", "FFFF00", "A6A6A6", "FFE599"])
    notes["shade"] = shade
    LW, OW = 3600, 1566
    W = [LW, OW, OW, OW, OW]
    body = [intro(ctx), p(r("Where options are given, please shade the box that applies.", b=True, i=True, sz=18))]
    for sec in sections:
        title_row = tr(tc(p(r(sec.title, b=True, color="FFFFFF")), sum(W), fill="1F3864", span=5))
        rows = [title_row]
        if sec.key == "ag":
            AW = [LW, OW * 2, OW * 2]
            rows = [tr(tc(p(r(sec.title, b=True, color="FFFFFF")), sum(W), fill="1F3864", span=5))]
            rows.append(tr(tc(p(r(sec.headers[0], b=True)), LW) + tc(p(r(sec.headers[1], b=True)), OW * 2, span=2)
                           + tc(p(r(sec.headers[2], b=True)), OW * 2, span=2)))
            for row in sec.rows + [(None, None, None)]:
                rows.append(tr(tc(p(r(row[0])) if row[0] else p(), LW) + tc(p(r(row[1])) if row[1] else p(), OW * 2, span=2)
                               + tc(p(r(row[2])) if row[2] else p(), OW * 2, span=2)))
            body.append(tbl("".join(rows), W))
            body.append(p())
            continue
        for f in sec.fields:
            if f.kind in ("yn", "gender", "itype"):
                opts = f.options
                cells = tc(p(r(f.label, b=True, sz=19)), LW)
                if len(opts) <= 4:
                    for i, o in enumerate(opts):
                        cells += tc(p(r(o, sz=19), jc="center"), OW, fill=shade if f.chosen == i else None)
                    if len(opts) < 4:
                        cells += tc(p(), OW * (4 - len(opts)), span=4 - len(opts))
                rows.append(tr(cells))
                if f.kind == "itype":
                    rows.append(tr(tc(p(r("If other, please specify", sz=19)), LW) + tc(p(r(f.spec or "")), OW * 4, span=4)))
                continue
            v = answer(f)
            if f.kind == "paras" and f.value:
                content = "".join(p(r(x)) for x in v)
            else:
                content = p(r(as_text(v)))
            rows.append(tr(tc(p(r(f.label, b=True, sz=19)), LW) + tc(content, OW * 4, span=4)))
        body.append(tbl("".join(rows), W))
        body.append(p())
    body.append(sect())
    head, foot = header_footer(ctx)
    return package("".join(body), header=head, footer=foot, title=s.form_title, author=ctx["ref_name"] or "",
                   when=ctx["created"], font=rng.choice(["Arial", "Calibri", "Tahoma"]))


RENDERERS = {"W-PAUTO": w_pauto, "W-TRACKFILL": w_trackfill, "W-OUTLINE": w_outline, "W-LANDSECT": w_landsect,
             "W-SHADECELL": w_shadecell}
