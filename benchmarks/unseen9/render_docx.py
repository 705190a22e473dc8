"""unseen9: the five Word layouts, written as raw WordprocessingML."""
import html
import io
import textwrap
import zipfile

from model import flatten, yn_word, choice_word

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(s):
    return html.escape(s, quote=False)


def run(text, b=False, i=False, sz=None, color=None, vanish=False, font=None, u=False):
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    if b:
        rpr += "<w:b/>"
    if i:
        rpr += "<w:i/>"
    if vanish:
        rpr += "<w:vanish/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if sz:
        rpr += f'<w:sz w:val="{int(sz * 2)}"/>'
    if u:
        rpr += '<w:u w:val="single"/>'
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
                out.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{''.join(out)}</w:r>"


def para(runs, style=None, num=None, jc=None, before=None, after=None, ind=None, shade=None, border=False, keep=False):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if border:
        ppr += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="444444"/></w:pBdr>'
    if shade:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if before is not None or after is not None:
        ppr += f'<w:spacing w:before="{before or 0}" w:after="{after or 0}"/>'
    if ind:
        ppr += f'<w:ind w:left="{ind}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs) if isinstance(runs, list) else runs}</w:p>"


def cell(content, width, span=1, shade=None, borders=True):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if not content:
        content = para([])
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def table(rows, grid, borders=True):
    b = ""
    if borders:
        b = "<w:tblBorders>" + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                                        for e in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"
    g = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    trs = "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{g}</w:tblGrid>{trs}</w:tbl>")


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u25aa"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="283"/></w:pPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"""


def package(body, case, extra_parts=None, extra_rels="", landscape=False, header_text=None, footer_text=None):
    S = case.S
    header_text = header_text or f"{case.marking}\t\t{S['ref']}"
    footer_text = footer_text or f"{case.version}"
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}'
           f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>'
           f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
           '<w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>')
    hdr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>{para(run(header_text, b=True, sz=8, color="C00000"), style="Header")}</w:hdr>'
    fld = ['<w:fldSimple w:instr=" PAGE ">', run("1", sz=8), "</w:fldSimple>"]
    fpara = para([run(footer_text + "   Page ", sz=8)] + fld, style="Footer")
    ftr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}>{fpara}</w:ftr>'
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdSet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            f'{extra_rels}</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="htm" ContentType="text/html"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(S["title"])}</dc:title><dc:creator>{esc(S["org"])}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:modified></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application></Properties>')
    settings = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W}><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("docProps/core.xml", core), ("docProps/app.xml", app),
             ("word/document.xml", doc), ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING), ("word/settings.xml", settings),
             ("word/header1.xml", hdr), ("word/footer1.xml", ftr), ("word/_rels/document.xml.rels", rels)] + (extra_parts or [])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def intro(case, title_style="Title"):
    S = case.S
    return (para(run(S["org"], b=True, sz=11, color="404040")) + para(run(S["title"]), style=title_style) +
            para(run(f"To: {S['partnership']}", sz=9)) + para(run(case.guidance, i=True, sz=8, color="595959")))


GLYPH = {"x": ("\u2612", "\u2610"), "c": ("\u2611", "\u2610")}


def yn_glyphs(it, g):
    on, off = GLYPH[g]
    return "   ".join(f"{on if it['sel'] == k else off} {o}" for k, o in enumerate(it["opts"]))


def agency_line(r):
    nm, ag, ct = r
    return f"{ag}: {nm} ({ct})" if nm else f"{ag}: {ct}"


# ---------------------------------------------------------------- W-BULLET
def w_bullet(case):
    rng = case.rng
    sep = rng.choice([" \u2013 ", " \u2014 ", " - "])
    num = rng.choice([1, 2])
    case.notes["bullet_sep"] = sep.strip()
    body = intro(case)
    for title, items, ci in flatten(case):
        body += para(run(title), style="Heading2")
        for it in items:
            lab = run(it["label"].strip(), b=True)
            k = it["k"]
            if k in ("text", "date"):
                v = it["value"]
                body += para([lab, run(sep.rstrip() + (" " + v if v else ""))], style="ListParagraph", num=(num, 0))
            elif k == "yn":
                body += para([lab, run(sep.rstrip() + (" " + yn_word(it) if it["sel"] is not None else ""))], style="ListParagraph", num=(num, 0))
            elif k == "choice":
                w = choice_word(it, sep=": ")
                body += para([lab, run(sep.rstrip() + (" " + w if w else ""))], style="ListParagraph", num=(num, 0))
            elif k in ("lines", "paras", "agencies"):
                body += para([lab, run(sep.rstrip())], style="ListParagraph", num=(num, 0))
                subs = it.get("lines") or it.get("paras") or ([agency_line(r) for r in it["rows"]] if k == "agencies" else [])
                if k == "agencies" and not it["rows"]:
                    subs = ["None known"]
                for s in subs or []:
                    body += para(run(s), style="ListParagraph", num=(num, 1))
    body += para(run("Signed: ____________________     Date: ____________", sz=9), before=240)
    return package(body, case)


# ---------------------------------------------------------------- W-CELLBOX
def w_cellbox(case):
    rng = case.rng
    glyph = rng.choice([None, "x", "c"])
    case.notes["yn_style"] = glyph or "word"
    full = 10080
    body = intro(case)
    lab = lambda t: para(run(t.strip(), sz=7, color="595959"), after=20)
    for title, items, ci in flatten(case):
        rows = [[cell(para(run(title, b=True, color="FFFFFF")), full, span=6, shade="1F3864")]]
        short, after_tables = [], ""

        def flush():
            if not short:
                return
            span = 6 // len(short)
            rows.append([cell(c, full * span // 6, span=span) for c in short])
            short.clear()
        for it in items:
            k = it["k"]
            if k in ("text", "date") and it.get("kind") != "long":
                short.append(lab(it["label"]) + para(run(it["value"] or "", sz=10)))
            elif k == "yn":
                v = yn_glyphs(it, glyph) if glyph else yn_word(it)
                short.append(lab(it["label"]) + para(run(v, sz=10, font="MS Gothic" if glyph == "x" else None)))
            elif k == "choice":
                if glyph and it["key"] == "inc.type":
                    on, off = GLYPH[glyph]
                    ps = "".join(para(run(f"{on if it['sel'] == j else off} {o}" + (f": {it['spec']}" if it['sel'] == j and it.get('spec') else ""), sz=10), after=0)
                                 for j, o in enumerate(it["opts"]))
                    flush()
                    rows.append([cell(lab(it["label"]) + ps, full, span=6)])
                    continue
                short.append(lab(it["label"]) + para(run(choice_word(it), sz=10)))
            elif k == "lines":
                flush()
                ps = "".join(para(run(l, sz=10), after=0) for l in (it["lines"] or [""]))
                rows.append([cell(lab(it["label"]) + ps, full, span=6)])
            elif k == "paras" or it.get("kind") == "long":
                flush()
                ps = "".join(para(run(p, sz=10)) for p in (it.get("paras") or [it.get("value") or ""]))
                rows.append([cell(lab(it["label"]) + ps, full, span=6)])
            elif k == "agencies":
                flush()
                rows.append([cell(lab(it["label"]) + para(run("(see table below)", sz=8, i=True, color="808080")), full, span=6)])
                g = [3000, 3900, 3180]
                hdr = [cell(para(run(c, b=True, sz=9)), g[j], shade="D9E2F3") for j, c in enumerate(it["cols"])]
                trs = [hdr] + [[cell(para(run(v or "", sz=9)), g[j]) for j, v in enumerate(r)] for r in it["rows"]]
                trs.append([cell(para([]), g[j]) for j in range(3)])
                after_tables += para([]) + table(trs, g)
            if len(short) == 3:
                flush()
        flush()
        body += table(rows, [full // 6] * 6) + after_tables + para([])
    return package(body, case)


# ---------------------------------------------------------------- W-HIDDEN
def w_hidden(case):
    rng = case.rng
    case.notes["hidden"] = "examples, placeholders, guidance and an office-use block in w:vanish runs"
    hint = {"date": "(e.g. 01/01/2015)", "phone": "(e.g. 0113 496 0000)", "email": "(e.g. firstname.surname@agency.gov.uk)",
            "yn": "(Yes / No / Unknown)"}
    body = intro(case)
    body += para(run("GUIDANCE (hidden): complete every box. Example: Date of birth 14/02/2012, Telephone 0113 496 0000, Name Jane Example.",
                     vanish=True, i=True, color="7F7F7F"))
    g = [3600, 6480]
    for title, items, ci in flatten(case):
        body += para(run(title), style="Heading2")
        body += para(run(f"Guidance for this section: answer as fully as you can; for example a date such as {rng.choice(['03/03/2021', '12/12/2012', '01/01/2015'])}.",
                         vanish=True, i=True, sz=8, color="7F7F7F"))
        rows, after = [], ""
        for it in items:
            k = it["k"]
            h = hint.get("date" if k == "date" else "yn" if k == "yn" else it.get("kind"), "")
            labc = para([run(it["label"].strip(), b=True)] + ([run(" " + h, vanish=True, sz=8, color="7F7F7F")] if h else []))
            if k in ("text", "date"):
                v = it["value"]
                vc = para(run(v)) if v else para(run(rng.choice(["[Type here]", "[dd/mm/yyyy]" if k == "date" else "[Enter text]"]), vanish=True, color="7F7F7F"))
            elif k == "yn":
                vc = para(run(yn_word(it))) if it["sel"] is not None else para(run("[Yes / No]", vanish=True))
            elif k == "choice":
                vc = para(run(choice_word(it))) if it["sel"] is not None else para(run("[Choose]", vanish=True))
            elif k == "lines":
                vc = "".join(para(run(l), after=0) for l in it["lines"]) if it["lines"] else para(run("[Address]", vanish=True))
            elif k == "paras":
                vc = "".join(para(run(p)) for p in it["paras"])
            elif k == "agencies":
                rows.append([cell(labc, g[0]), cell(para(run("Listed in the table below.", i=True, sz=8)), g[1])])
                gg = [3000, 3900, 3180]
                trs = [[cell(para(run(c, b=True)), gg[j], shade="E7E6E6") for j, c in enumerate(it["cols"])]]
                trs += [[cell(para(run(v or "")), gg[j]) for j, v in enumerate(r)] for r in it["rows"]]
                trs.append([cell(para(run(e, vanish=True, color="7F7F7F")), gg[j]) for j, e in enumerate(["e.g. Sam Example", "e.g. Health Visiting", "e.g. 0113 496 0000"])])
                after = para([]) + table(trs, gg)
                continue
            rows.append([cell(labc, g[0], shade="F2F2F2"), cell(vc, g[1])])
        body += table(rows, g) + after
    body += para(run("OFFICE USE ONLY - Date received: " + rng.choice(["14/05/2026", "02/02/2026", "21/11/2025"]) + "  Logged by: " +
                     rng.choice(["K. Example", "Duty Officer"]) + "  Ref: " + case.S["ref"] + "-" + str(rng.randrange(100, 999)), vanish=True, sz=8), before=240)
    return package(body, case)


# ---------------------------------------------------------------- W-SOFTBR
def w_softbr(case):
    rng = case.rng
    S = case.S
    width = rng.choice([72, 76, 78])
    font = rng.choice(["Calibri", "Consolas", "Arial"])
    case.notes["wrap_width"] = width
    wrap = lambda s: textwrap.wrap(s, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    fwd = rng.choice(ADMIN)
    sent = case.record["date_of_referral"] or "2026-01-01"
    y, m, d = sent.split("-")
    header = (f"From: {fwd} <{fwd.lower().replace(' ', '.')}@{S['domain']}>\nSent: {d}/{m}/{y} {rng.randrange(8, 18)}:{rng.randrange(10, 59)}\n"
              f"To: {S['pmail']}\nSubject: FW: Referral form (attachment would not open)")
    body = para(run(header, font=font, sz=10))
    body += para(run("Hello, the referral form is pasted below as the attachment failed. Regards, " + fwd, font=font, sz=10))
    body += para(run(S["title"].upper() + "\n" + "\n".join(wrap(case.guidance)), font=font, sz=10))
    for title, items, ci in flatten(case):
        lines = [title.upper(), ""]
        for it in items:
            k = it["k"]
            lab = it["label"].strip() + ("" if it["label"].strip().endswith("?") else ":")
            if k in ("text", "date"):
                lines += wrap(lab + (" " + it["value"] if it["value"] else ""))
            elif k == "yn":
                lines += wrap(lab + (" " + yn_word(it) if it["sel"] is not None else ""))
            elif k == "choice":
                w = choice_word(it)
                lines += wrap(lab + (" " + w if w else ""))
            elif k == "lines":
                lines += wrap(lab + (" " + ", ".join(it["lines"]) if it["lines"] else ""))
            elif k == "paras":
                lines.append(lab)
                for pi, p in enumerate(it["paras"]):
                    if pi:
                        lines.append("")
                    lines += wrap(p)
            elif k == "agencies":
                lines.append(lab)
                if not it["rows"]:
                    lines.append("None")
                else:
                    lines.append("\t".join(it["cols"]))
                    lines += ["\t".join(v or "" for v in r) for r in it["rows"]]
        body += para(run("\n".join(lines), font=font, sz=10))
    return package(body, case, header_text=" ", footer_text=" ")


ADMIN = ["Tracey Longbottom", "Gemma Hirst", "Paul Wardle", "Andrea Kitson", "Nigel Beever"]


# ---------------------------------------------------------------- W-ALTCHUNK
def _h(s):
    return html.escape(s, quote=True).replace("'", "&#39;")


def w_altchunk(case):
    rng = case.rng
    glyph = rng.random() < 0.5
    case.notes["yn_style"] = "glyph" if glyph else "word"
    secs = flatten(case)
    cut = max(1, len(secs) // 2)
    chunks = []
    for part in (secs[:cut], secs[cut:]):
        h = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>td,th{font-family:Arial;font-size:10pt;border:1px solid #888;padding:3px} '
             'th{background:#dde;text-align:left;width:35%} h3{font-family:Arial;color:#1f3864}</style></head><body>']
        for title, items, ci in part:
            h.append(f"<h3>{_h(title)}</h3><table cellspacing=0 width=\"100%\">")
            ag = ""
            for it in items:
                k = it["k"]
                if k in ("text", "date"):
                    v = _h(it["value"]) if it["value"] else "&nbsp;"
                elif k == "yn":
                    v = (" &nbsp; ".join(("&#9746; " if it["sel"] == j else "&#9744; ") + _h(o) for j, o in enumerate(it["opts"])) if glyph
                         else (_h(yn_word(it)) or "&nbsp;"))
                elif k == "choice":
                    v = _h(choice_word(it)) or "&nbsp;"
                elif k == "lines":
                    v = "<br>".join(_h(l) for l in it["lines"]) if it["lines"] else "&nbsp;"
                elif k == "paras":
                    v = "".join(f"<p>{_h(p)}</p>" for p in it["paras"])
                elif k == "agencies":
                    rows = "".join("<tr>" + "".join(f"<td>{_h(x) if x else '&nbsp;'}</td>" for x in r) + "</tr>" for r in it["rows"])
                    ag = (f"<p><b>{_h(it['label'])}</b></p><table cellspacing=0 width=\"100%\"><tr>" + "".join(f"<th>{_h(c)}</th>" for c in it["cols"]) +
                          f"</tr>{rows}<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></table>")
                    continue
                h.append(f"<tr><th>{_h(it['label'].strip())}</th><td>{v}</td></tr>")
            h.append("</table>" + ag)
        h.append("</body></html>")
        chunks.append("\n".join(h))
    system = rng.choice(["CaseLink Forms 4.2", "Mosaic Document Builder", "FormStream Export"])
    case.notes["system"] = system
    body = intro(case)
    body += para(run(f"Generated by {system}. The referral details follow.", i=True, sz=8, color="808080"))
    body += '<w:altChunk r:id="rIdAlt1"/>'
    body += para(run("Continued", i=True, sz=8, color="808080"))
    body += '<w:altChunk r:id="rIdAlt2"/>'
    body += para(run("Signature: ______________________", sz=9), before=240)
    rels = "".join(f'<Relationship Id="rIdAlt{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk{i + 1}.htm"/>'
                   for i in range(2))
    parts = [(f"word/afchunk{i + 1}.htm", c) for i, c in enumerate(chunks)]
    return package(body, case, extra_parts=parts, extra_rels=rels)


LAYOUTS = {"W-BULLET": w_bullet, "W-CELLBOX": w_cellbox, "W-HIDDEN": w_hidden, "W-SOFTBR": w_softbr, "W-ALTCHUNK": w_altchunk}
