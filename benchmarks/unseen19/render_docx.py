"""A small WordprocessingML writer and the five Word layouts of unseen19."""
import io
import re
import zipfile
from xml.sax.saxutils import escape

from model import guidance

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
FIXED = (2026, 1, 5, 9, 0, 0)


def esc(t):
    return escape(t, {'"': "&quot;"})


def R(text, b=False, i=False, color=None, font=None, sz=None, u=None, caps=False, shd=None):
    pr = ""
    if font:
        pr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        pr += "<w:b/>"
    if i:
        pr += "<w:i/>"
    if caps:
        pr += "<w:caps/>"
    if color:
        pr += f'<w:color w:val="{color}"/>'
    if sz:
        pr += f'<w:sz w:val="{sz}"/>'
    if u:
        pr += f'<w:u w:val="{u}"/>'
    if shd:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
    out = []
    parts = text.split("\n")
    for li, line in enumerate(parts):
        if li:
            out.append("<w:br/>")
        segs = line.split("\t")
        for si, seg in enumerate(segs):
            if si:
                out.append("<w:tab/>")
            if seg:
                out.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{'<w:rPr>' + pr + '</w:rPr>' if pr else ''}{''.join(out)}</w:r>"


def P(runs="", style=None, ppr="", jc=None):
    pp = ""
    if style:
        pp += f'<w:pStyle w:val="{style}"/>'
    pp += ppr
    if jc:
        pp += f'<w:jc w:val="{jc}"/>'
    if isinstance(runs, (list, tuple)):
        runs = "".join(runs)
    return f"<w:p>{'<w:pPr>' + pp + '</w:pPr>' if pp else ''}{runs}</w:p>"


def tabs(*positions, leader=None):
    ld = f' w:leader="{leader}"' if leader else ""
    return "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{p}"{ld}/>' for p in positions) + "</w:tabs>"


def cell(content, width, span=1, shade=None, borders=None, valign=None):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if borders:
        pr += borders
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip().endswith("</w:p>") and "<w:p>" not in content and "<w:p " not in content:
        content = P(content)
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def table(rows, grid, style=None, borders=True, header_rows=0, look=None):
    b = ""
    if borders is True:
        b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                                         for s in ("top", "left", "bottom", "right", "insideH", "insideV")) +
             "</w:tblBorders>")
    elif isinstance(borders, str):
        b = borders
    st = f'<w:tblStyle w:val="{style}"/>' if style else ""
    lk = look or ""
    tw = sum(grid)
    out = [f'<w:tbl><w:tblPr>{st}<w:tblW w:w="{tw}" w:type="dxa"/>{b}{lk}'
           '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' +
           "".join(f'<w:gridCol w:w="{g}"/>' for g in grid) + "</w:tblGrid>"]
    for ri, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if ri < header_rows else ""
        out.append(f"<w:tr>{trpr}{''.join(row)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


STYLE_DEFS = {
    "Normal": ('paragraph', '<w:qFormat/><w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/><w:sz w:val="{sz}"/></w:rPr>'),
    "Title": ('paragraph', '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr>'),
    "Subtitle": ('paragraph', '<w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="26"/><w:color w:val="404040"/></w:rPr>'),
    "Heading1": ('paragraph', '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr>'),
    "Heading2": ('paragraph', '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr>'),
    "Heading3": ('paragraph', '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="23"/></w:rPr>'),
    "Header": ('paragraph', '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr>'),
    "Footer": ('paragraph', '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr>'),
}


def styles_xml(font="Calibri", sz=22, extra=None):
    defs = dict(STYLE_DEFS)
    defs.update(extra or {})
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>',
           f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
           f'<w:sz w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>']
    for sid, (typ, body) in defs.items():
        name = {"Heading1": "heading 1", "Heading2": "heading 2", "Heading3": "heading 3", "Header": "header",
                "Footer": "footer", "Normal": "Normal", "Title": "Title", "Subtitle": "Subtitle"}.get(
            sid, re.sub(r"(?<=[a-z])(?=[A-Z])", " ", sid))
        dflt = ' w:default="1"' if sid == "Normal" else ""
        out.append(f'<w:style w:type="{typ}"{dflt} w:styleId="{sid.replace(" ", "")}"><w:name w:val="{name}"/>'
                   f'{body.format(font=font, sz=sz)}</w:style>')
    out.append('<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
               '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
               '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
               '</w:tblCellMar></w:tblPr></w:style>')
    out.append("</w:styles>")
    return "".join(out)


def package(body, *, styles, header=None, footer=None, landscape=False, title="", app="Microsoft Office Word",
            creator="", settings_extra="", sect_extra="", margins=(1134, 1134, 1134, 1134)):
    files = []
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    hf = ""
    if header:
        ct.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
        rels.append('<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        files.append(("word/header1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{header}</w:hdr>'))
        hf += '<w:headerReference w:type="default" r:id="rId10"/>'
    if footer:
        ct.append('<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
        rels.append('<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>')
        files.append(("word/footer1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}>{footer}</w:ftr>'))
        hf += '<w:footerReference w:type="default" r:id="rId11"/>'
    ct.append("</Types>")
    rels.append("</Relationships>")
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    t, rgt, b, lft = margins
    sect = (f'<w:sectPr>{hf}<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{t}" w:right="{rgt}" w:bottom="{b}" '
            f'w:left="{lft}" w:header="567" w:footer="567" w:gutter="0"/>{sect_extra}</w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}{sect}'
           '</w:body></w:document>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W_NS}>'
                f'<w:defaultTabStop w:val="720"/>{settings_extra}<w:compat><w:compatSetting w:name="compatibilityMode" '
                'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:modified></cp:coreProperties>')
    appx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Application>{esc(app)}</Application></Properties>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                 '</Relationships>')
    allf = [("[Content_Types].xml", "".join(ct)), ("_rels/.rels", root_rels), ("word/document.xml", doc),
            ("word/_rels/document.xml.rels", "".join(rels)), ("word/styles.xml", styles),
            ("word/settings.xml", settings)] + files + [("docProps/core.xml", core), ("docProps/app.xml", appx)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in allf:
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def furniture(case, font_sz=16):
    S = case.sender
    hdr = P([R("OFFICIAL-SENSITIVE", b=True, sz=font_sz), R(f"\t{S['partnership']} - {S['ref']}", sz=font_sz)],
            style="Header", ppr=tabs(5200))
    ftr = P(R(f"{S['ref']} - version {case.version} - reviewed {case.review_date}", sz=font_sz), style="Footer")
    return hdr, ftr


def yn_word(f):
    return f.shown if f.shown is not None else None


def show(f, blank=""):
    """Plain printed string for a short field."""
    if f.kind == "choice":
        if f.shown is None:
            return blank
        if f.extra.get("spec"):
            return f"{f.shown} - {f.extra['spec']}"
        return f.shown
    if f.kind == "lines":
        return blank if f.shown is None else ", ".join(f.shown)
    if f.kind == "paras":
        return blank if not f.shown else "\n\n".join(f.shown)
    return blank if f.shown is None else f.shown


def glyphs(f, on="☒", off="☐", sep="  "):
    parts = []
    for i, o in enumerate(f.options):
        parts.append(f"{on if f.chosen == i else off} {o}")
    s = sep.join(parts)
    if f.extra.get("spec"):
        s += f"{sep}Details: {f.extra['spec']}"
    return s


def ag_line(a, sep=" - "):
    return sep.join(x for x in (a["agency"], a["name"], a["contact"]) if x)


# ---------------------------------------------------------------- W-PANDOC
PANDOC_STYLES = {
    "Author": ('paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>'),
    "Date": ('paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>'),
    "FirstParagraph": ('paragraph', '<w:basedOn w:val="BodyText"/>'),
    "BodyText": ('paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="180" w:after="180"/></w:pPr>'),
    "DefinitionTerm": ('paragraph', '<w:basedOn w:val="Normal"/><w:next w:val="Definition"/><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr><w:rPr><w:b/></w:rPr>'),
    "Definition": ('paragraph', '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr>'),
    "Table": ('table', '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr>'),
    "Compact": ('paragraph', '<w:basedOn w:val="BodyText"/><w:pPr><w:spacing w:before="36" w:after="36"/></w:pPr>'),
}


def w_pandoc(case):
    rng = case.rng
    S = case.sender
    empty = rng.choice(["No response", "(no answer)", "Not answered"])
    bold_yn = rng.random() < 0.5
    b = [P(R(S["title"]), "Title"), P(R(S["partnership"]), "Subtitle"),
         P(R(f"{S['org']} online referral service"), "Author"),
         P(R(f"Exported {case.decoy_date}"), "Date"),
         P(R("OFFICIAL-SENSITIVE"), "FirstParagraph"), P(R(guidance(case)), "BodyText")]
    for sid, title, fields in case.sections:
        b.append(P(R(title), "Heading2"))
        for f in fields:
            if f.kind == "agencies":
                b.append(P(R(f.label), "BodyText"))
                if not f.shown:
                    b.append(P(R("None recorded."), "BodyText"))
                    continue
                grid = [2800, 3200, 3600]
                hdr = [cell(P(R(h), "Compact"), g) for h, g in zip(("Name", "Agency", "Contact"), grid)]
                rows = [hdr] + [[cell(P(R(x or ""), "Compact"), g) for x, g in
                                 zip((a["name"], a["agency"], a["contact"]), grid)] for a in f.shown]
                look = '<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0" w:val="0020"/>'
                b.append(table(rows, grid, style="Table", borders=False, header_rows=1, look=look))
                continue
            b.append(P(R(f.label), "DefinitionTerm"))
            if f.kind in ("yn", "choice"):
                if f.shown is None:
                    b.append(P(R(empty, i=True), "Definition"))
                else:
                    b.append(P(R(show(f), b=bold_yn and f.kind == "yn"), "Definition"))
            elif f.kind == "lines":
                b.append(P(R("\n".join(f.shown) if f.shown else empty, i=not f.shown), "Definition"))
            elif f.kind == "paras":
                if not f.shown:
                    b.append(P(R(empty, i=True), "Definition"))
                for para in f.shown or []:
                    b.append(P(R(para), "Definition"))
            else:
                b.append(P(R(f.shown if f.shown is not None else empty, i=f.shown is None), "Definition"))
    styles = styles_xml("Cambria", 24, PANDOC_STYLES)
    return package("".join(b), styles=styles, title=S["title"], creator="", app="pandoc"), \
        {"empty_marker": empty, "bold_yes_no": bold_yn}


# ---------------------------------------------------------------- W-TABCOLS
def w_tabcols(case):
    rng = case.rng
    S = case.sender
    L = S["L"]
    b = []
    b.append(P(R(S["title"], b=True, sz=32)))
    b.append(P(R(S["org"] + (f" - {S['dept']}" if S["dept"] else ""), sz=22)))
    b.append(P(R(guidance(case), i=True, sz=18)))
    col1, col2 = 3400, 8600
    secs = {sid: (t, fl) for sid, t, fl in case.sections if sid not in ("child",)}
    kids = [(t, fl) for sid, t, fl in case.sections if sid == "child"]

    def sec_title(t):
        b.append(P(R(t, b=True, u="single", sz=24), ppr='<w:spacing w:before="200" w:after="60"/>'))

    # people side by side
    ref_f = secs["ref"][1]
    lead_f = secs["lead"][1]
    sec_title(f"{secs['ref'][0]} / {secs['lead'][0]}")
    date_f = ref_f[0]
    b.append(P(R(f"{date_f.label}:\t{show(date_f)}"), ppr=tabs(col1)))
    b.append(P(R(f"\t{L['r_name']}\t{L['l_name']}", b=True), ppr=tabs(col1, col2)))
    rowlabels = ["Name", "Role", "Organisation", "Email", "Telephone"]
    for i, lab in enumerate(rowlabels):
        rv, lv = show(ref_f[1 + i]), show(lead_f[i])
        b.append(P(R(f"{lab}\t{rv}\t{lv}"), ppr=tabs(col1, col2)))
    disc = lead_f[5]
    b.append(P(R(f"{disc.label}\t{show(disc)}"), ppr=tabs(col2)))
    # children side by side
    sec_title(S["sections"]["child"] + ("ren" if len(kids) > 1 and S["sections"]["child"].lower().endswith("child") else ""))
    cols = [col1, col1 + 4700, col1 + 9400][:len(kids)]
    if len(kids) > 1:
        b.append(P(R("\t" + "\t".join(f"Child {i + 1}" for i in range(len(kids))), b=True), ppr=tabs(*cols)))
    keys = []
    for _, fl in kids:
        for f in fl:
            if f.key not in keys:
                keys.append(f.key)
    for k in keys:
        per = []
        for _, fl in kids:
            m = [f for f in fl if f.key == k]
            per.append(m[0] if m else None)
        lab = next(f.label for f in per if f)
        if k == "c_addr":
            nlines = max(len(f.shown) if f and f.shown else 1 for f in per)
            for li in range(nlines):
                vals = []
                for f in per:
                    vals.append(f.shown[li] if f and f.shown and li < len(f.shown) else "")
                b.append(P(R(f"{lab if li == 0 else ''}\t" + "\t".join(vals)), ppr=tabs(*cols)))
            continue
        vals = [show(f) if f else "" for f in per]
        b.append(P(R(f"{lab}\t" + "\t".join(vals)), ppr=tabs(*cols)))
    for sid in ("inc", "crit", "panel", "ag", "conc", "dec"):
        t, fl = secs[sid]
        sec_title(t)
        for f in fl:
            if f.kind == "agencies":
                b.append(P(R(f.label + ":", b=True)))
                if not f.shown:
                    b.append(P(R("None known")))
                    continue
                b.append(P(R("Name\tAgency\tContact", b=True), ppr=tabs(col1, col2)))
                for a in f.shown:
                    b.append(P(R(f"{a['name'] or ''}\t{a['agency']}\t{a['contact']}"), ppr=tabs(col1, col2)))
            elif f.kind == "paras":
                b.append(P(R(f.label + ":", b=True)))
                for para in f.shown or []:
                    b.append(P(R(para), ppr='<w:ind w:left="567"/>'))
            else:
                b.append(P(R(f"{f.label}:\t{show(f)}"), ppr=tabs(col2 - 2000 if len(f.label) < 40 else col2)))
    hdr, ftr = furniture(case)
    return package("".join(b), styles=styles_xml(rng.choice(["Arial", "Calibri"]), 20), header=hdr, footer=ftr,
                   landscape=True, title=S["title"], creator=case.decoy_person), {"columns": len(kids)}


# ---------------------------------------------------------------- W-CASENOTE
def w_casenote(case):
    rng = case.rng
    S = case.sender
    sep = rng.choice([" - ", " – ", " -- "])
    font = rng.choice(["Consolas", "Calibri", "Arial"])
    underline = rng.choice(["-", "="])
    addr_one_line = rng.random() < 0.5
    rp = case.record["referrer"]
    b = []
    grid = [2000, 2800, 2000, 2800]
    dtm = f"{case.decoy_dt.day:02d}/{case.decoy_dt.month:02d}/{case.decoy_dt.year} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
    rows = [[cell(R("Case note ID", b=True), grid[0], shade="D9E2F3"), cell(R(f"CN-{rng.randint(100000, 999999)}"), grid[1]),
             cell(R("Recorded by", b=True), grid[2], shade="D9E2F3"), cell(R(case.decoy_person), grid[3])],
            [cell(R("Date recorded", b=True), grid[0], shade="D9E2F3"), cell(R(dtm), grid[1]),
             cell(R("Note type", b=True), grid[2], shade="D9E2F3"), cell(R("Safeguarding referral (email)"), grid[3])]]
    b.append(P(R(f"{S['org']} - case record", b=True, sz=26)))
    b.append(table(rows, grid))
    b.append(P(R("Note:", b=True)))
    b.append(P(R("Email received and pasted below. Forwarded to the partnership.", i=True)))
    b.append(P(R(f"Subject: {S['title']}", font=font)))
    b.append(P(R("", font=font)))
    b.append(P(R(S["title"].upper(), font=font)))
    b.append(P(R(guidance(case), font=font)))
    for sid, title, fields in case.sections:
        b.append(P(R("", font=font)))
        b.append(P(R(title.upper(), font=font, b=False)))
        b.append(P(R(underline * min(60, len(title)), font=font)))
        for f in fields:
            if f.kind == "agencies":
                b.append(P(R(f"{f.label}{sep}" + ("" if f.shown else "None known"), font=font)))
                for a in f.shown or []:
                    b.append(P(R("    " + ag_line(a, sep=", "), font=font)))
            elif f.kind == "paras":
                b.append(P(R(f"{f.label}{sep}", font=font)))
                for para in f.shown or []:
                    b.append(P(R(para, font=font)))
                    b.append(P(R("", font=font)))
            elif f.kind == "lines" and f.shown and not addr_one_line:
                b.append(P(R(f"{f.label}{sep}{f.shown[0]}", font=font)))
                ind = " " * (len(f.label) + len(sep))
                for ln in f.shown[1:]:
                    b.append(P(R(ind + ln, font=font)))
            else:
                b.append(P(R(f"{f.label}{sep}{show(f)}".rstrip(), font=font)))
    b.append(P(R("", font=font)))
    b.append(P(R("Kind regards", font=font)))
    b.append(P(R(rp["name"] or "", font=font)))
    b.append(P(R("This email and any attachments are confidential and intended only for the addressee.", font=font, i=True, sz=16)))
    return package("".join(b), styles=styles_xml(font, 20), title="Case note", creator=case.decoy_person), \
        {"separator": sep.strip(), "font": font, "address_one_line": addr_one_line}


# ---------------------------------------------------------------- W-QAPREFIX
def w_qaprefix(case):
    rng = case.rng
    S = case.sender
    qp, ap = rng.choice([("Q:", "A:"), ("Q.", "A."), ("Question:", "Answer:")])
    b = []
    b.append(P(R(f"Record of referral call - {S['title']}", b=True, sz=28)))
    b.append(P(R(f"{S['org']}"), ppr='<w:spacing w:after="120"/>'))
    tm = f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
    b.append(P(R(f"Call taken by: {case.decoy_person}\tTime of call: {tm} on {case.decoy_date}"), ppr=tabs(5000)))
    b.append(P(R(guidance(case), i=True, sz=18, color="595959")))
    indent = '<w:ind w:left="567"/>'
    for sid, title, fields in case.sections:
        b.append(P(R(title.upper(), b=True), ppr='<w:spacing w:before="240" w:after="80"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'))
        for f in fields:
            b.append(P([R(qp + " ", b=True), R(f.label)], ppr='<w:spacing w:before="60" w:after="0"/>'))
            if f.kind == "agencies":
                if not f.shown:
                    b.append(P([R(ap + " ", b=True), R("None that I know of")], ppr=indent))
                for j, a in enumerate(f.shown or []):
                    pre = [R(ap + " ", b=True)] if j == 0 else []
                    b.append(P(pre + [R(ag_line(a, sep=" / "))], ppr=indent))
            elif f.kind == "paras":
                if not f.shown:
                    b.append(P([R(ap + " ", b=True)], ppr=indent))
                for j, para in enumerate(f.shown or []):
                    pre = [R(ap + " ", b=True)] if j == 0 else []
                    b.append(P(pre + [R(para)], ppr=indent))
            elif f.kind == "lines":
                b.append(P([R(ap + " ", b=True), R("\n".join(f.shown) if f.shown else "")], ppr=indent))
            else:
                b.append(P([R(ap + " ", b=True), R(show(f))], ppr=indent))
    hdr, ftr = furniture(case)
    return package("".join(b), styles=styles_xml("Arial", 21), header=hdr, footer=ftr, title="Referral call",
                   creator=case.decoy_person), {"prefixes": f"{qp} / {ap}"}


# ---------------------------------------------------------------- W-GROUPLOCK
def w_grouplock(case):
    rng = case.rng
    S = case.sender
    ans_font = rng.choice(["Arial", "Verdana", "Segoe UI"])
    shade = rng.choice(["DEEAF6", "E2EFD9", "FBE4D5"])
    W = 9638
    b = []
    b.append(P(R(S["title"], b=True, sz=30), jc="center"))
    b.append(P(R(S["partnership"], sz=22), jc="center"))
    b.append(P(R(guidance(case), i=True, sz=18)))

    def lab_ans(f):
        runs = [R(f.label + (" " if f.label.endswith(("?", ")")) else ": "), b=True, sz=18)]
        if f.kind in ("yn", "choice"):
            runs.append(R(glyphs(f), font=ans_font, sz=19))
        elif f.kind == "lines":
            runs.append(R("\n".join(f.shown) if f.shown else "", font=ans_font, sz=20))
        else:
            runs.append(R(show(f), font=ans_font, sz=20))
        return P(runs)

    for sid, title, fields in case.sections:
        rows = [[cell(P(R(title, b=True, color="FFFFFF")), W, span=6, shade="1F3864")]]
        short = []

        def flush():
            while short:
                chunk = short[:2] if len(short) != 3 else short[:3]
                del short[:len(chunk)]
                per = 6 // len(chunk)
                rows.append([cell(lab_ans(f), W * per // 6, span=per, shade=shade) for f in chunk])

        for f in fields:
            if f.kind == "agencies":
                flush()
                inner = [P(R(f.label, b=True, sz=18))]
                if not f.shown:
                    inner.append(P(R("None", font=ans_font)))
                for a in f.shown or []:
                    inner.append(P(R(ag_line(a, sep="; "), font=ans_font, sz=20)))
                rows.append([cell("".join(inner), W, span=6, shade=shade)])
            elif f.kind == "paras" or (f.kind in ("yn", "choice") and len(glyphs(f)) > 45):
                flush()
                if f.kind == "paras":
                    inner = [P(R(f.label, b=True, sz=18))] + [P(R(p, font=ans_font, sz=20)) for p in (f.shown or [])]
                    if not f.shown:
                        inner.append(P(""))
                    rows.append([cell("".join(inner), W, span=6, shade=shade)])
                else:
                    rows.append([cell(lab_ans(f), W, span=6, shade=shade)])
            else:
                short.append(f)
                if len(short) == 2 and (len(show(short[0])) > 30 or len(show(short[1])) > 30):
                    flush()
        flush()
        b.append(table(rows, [W // 6] * 6))
        b.append(P(""))
    body = ("<w:sdt><w:sdtPr><w:alias w:val=\"Referral form\"/><w:tag w:val=\"referral_form\"/><w:group/></w:sdtPr>"
            f"<w:sdtContent>{''.join(b)}</w:sdtContent></w:sdt>")
    hdr, ftr = furniture(case)
    return package(body, styles=styles_xml("Calibri", 20), header=hdr, footer=ftr, title=S["title"],
                   creator=case.decoy_person), {"answer_font": ans_font, "cell_shade": shade}


WORD_LAYOUTS = {"W-PANDOC": w_pandoc, "W-TABCOLS": w_tabcols, "W-CASENOTE": w_casenote,
                "W-QAPREFIX": w_qaprefix, "W-GROUPLOCK": w_grouplock}
