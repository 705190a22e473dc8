"""A small WordprocessingML writer and the five Word layouts of unseen21."""
import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from model import fmt_date, person

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def esc(s):
    return escape(s, {'"': "&quot;"})


def run(text, b=False, i=False, u=False, color=None, sz=None, font=None, caps=False, shade=None):
    pr = ""
    if font:
        pr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
    if b:
        pr += "<w:b/>"
    if i:
        pr += "<w:i/>"
    if caps:
        pr += "<w:caps/>"
    if color:
        pr += f'<w:color w:val="{color}"/>'
    if sz:
        pr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        pr += '<w:u w:val="single"/>'
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    out = []
    parts = text.split("\n")
    for k, line in enumerate(parts):
        if k:
            out.append("<w:br/>")
        segs = line.split("\t")
        for j, seg in enumerate(segs):
            if j:
                out.append("<w:tab/>")
            if seg:
                out.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{'<w:rPr>' + pr + '</w:rPr>' if pr else ''}{''.join(out)}</w:r>"


def fld(instr, result, **fmt):
    """A complex field inside one paragraph: begin, instruction, separate, cached result, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(result, **fmt) +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def p(content="", style=None, align=None, ind=None, shade=None, space_after=None, keep=False, bdr_bottom=None, tabs=None, **fmt):
    pr = ""
    if style:
        pr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        pr += "<w:keepNext/>"
    if bdr_bottom:
        pr += f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="{bdr_bottom}"/></w:pBdr>'
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        pr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>' for v, ld, pos in tabs) + "</w:tabs>"
    if space_after is not None:
        pr += f'<w:spacing w:after="{space_after}"/>'
    if ind:
        pr += f'<w:ind w:left="{ind}"/>'
    if align:
        pr += f'<w:jc w:val="{align}"/>'
    body = content if content.startswith("<w:") else (run(content, **fmt) if content else "")
    return f"<w:p>{'<w:pPr>' + pr + '</w:pPr>' if pr else ''}{body}</w:p>"


def tc(paras, w, shade=None, span=1, vmerge=None, valign=None):
    pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge:
        pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    if isinstance(paras, str):
        paras = [paras]
    body = "".join(paras) or "<w:p/>"
    if body.endswith("</w:tbl>"):
        body += "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def tbl(rows, widths, borders=True, color="808080", header=False, indent=None):
    b = ""
    if borders:
        b = "<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{color}"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"
    else:
        b = "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"
    ind = f'<w:tblInd w:w="{indent}" w:type="dxa"/>' if indent else ""
    pr = f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{ind}{b}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    trs = []
    for k, r in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and k == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
        trs.append(f"<w:tr>{trpr}{''.join(r)}</w:tr>")
    return f"<w:tbl>{pr}{grid}{''.join(trs)}</w:tbl>"


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {ns}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="60" w:after="240"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="44546A"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableofFigures"><w:name w:val="table of figures"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""


def package(body, S, plan, font="Arial", sz=20, accent="1F3864", landscape=False, creator="Microsoft Office User"):
    hdr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>' +
           p(run(S["marking"], b=True, color="C00000") + run("\t" + S["partnership"] + "\t" + S["ref"], sz=16), style="Header",
             tabs=[("center", "none", 4513), ("right", "none", 9026)]) + "</w:hdr>")
    ftr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}>' +
           p(run(f"{S['ref']} - version {plan['version']} - reviewed {plan['review_date']}\tPage ", sz=16) + fld(" PAGE ", "1", sz=16) +
             run(" of ", sz=16) + fld(" NUMPAGES ", str(plan.get("pages", 3)), sz=16), style="Footer", tabs=[("right", "none", 9026)]) + "</w:ftr>")
    if landscape:
        pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1000" w:right="1000" w:bottom="1000" w:left="1000" w:header="500" w:footer="500" w:gutter="0"/>'
    else:
        pg = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1200" w:right="1000" w:bottom="1100" w:left="1000" w:header="560" w:footer="560" w:gutter="0"/>'
    sect = f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>{pg}</w:sectPr>'
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}{sect}</w:body></w:document>'
    parts = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
         '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
         '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
         '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
         '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>'),
        ("word/document.xml", doc),
        ("word/styles.xml", STYLES.format(ns=W_NS, font=font, sz=sz, accent=accent)),
        ("word/settings.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W_NS}><w:updateFields w:val="false"/><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'),
        ("word/header1.xml", hdr), ("word/footer1.xml", ftr),
        ("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
         '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
         '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>'),
        ("docProps/core.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dc:title>{esc(S["title"])}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{plan["created"]}</dcterms:created></cp:coreProperties>'),
        ("docProps/app.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>'),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


# ---------------------------------------------------------------- shared pieces
def guidance(S, plan):
    ex = fmt_date(dt.date(2015, 1, 1), S["date_style"])
    return (f"Please complete every section you can and email the form to {S['p_email']} (secure email). If you are unsure whether a case meets the criteria, "
            f"ring the partnership business unit on {S['p_phone']} first. Write dates in full, for example {ex}. If a child is at immediate risk call 999.")


def ans_lines(it):
    if it.kind in ("address", "para"):
        return it.lines or [""]
    return [it.disp]


LONG = ("para",)


def is_long(it):
    return it.kind in LONG or it.key in ("criteria.reason", "immediate_concerns") or len(it.label) > 70


def agencies_table(S, it, widths, label_shade="D9D9D9", spare=1, **fmt):
    L = S["labels"]
    rows = [[tc(p(L["ag_name"], b=True), widths[0], label_shade), tc(p(L["ag_agency"], b=True), widths[1], label_shade), tc(p(L["ag_contact"], b=True), widths[2], label_shade)]]
    for name, ag, contact in it.rows:
        rows.append([tc(p(name or "", **fmt), widths[0]), tc(p(ag, **fmt), widths[1]), tc(p(contact, **fmt), widths[2])])
    for _ in range(spare if it.rows else 2):
        rows.append([tc(p(""), w) for w in widths])
    return tbl(rows, widths, header=True)


def glyphs(it):
    """'☒ Yes  ☐ No  ☐ Not known' for a choice item."""
    out = []
    for k, o in enumerate(it.opts):
        mark = "☒" if it.chosen == k else "☐"
        if k == 4 and it.chosen == 4:
            o = "Other (please specify): " + it.disp.split(" - ", 1)[1]
        out.append(f"{mark} {o}")
    return out


# ---------------------------------------------------------------- W-PARTS
def w_parts(S, sections, rec, plan, rng):
    col = rng.choice(["2E5597", "7030A0", "006666"])
    lead_col = rng.choice(["385723", "833C0B", "1F3864"])
    lead_font = rng.choice(["Georgia", "Verdana", "Calibri"])
    tint = {"2E5597": "DEEAF6", "7030A0": "EADCF4", "006666": "D5EEEE"}[col]
    body = [p(S["title"], style="Title"), p(f"{S['org']} - {S['dept']}", b=True), p(guidance(S, plan), i=True, sz=18),
            p("This form has three parts. Part A is completed by the person making the referral. Part B is completed by your safeguarding lead. Part C is for the partnership business unit.", sz=18)]
    W = [3400, 6500]

    def section_table(sec, lab_shade, font=None, color=None):
        rows = []
        for it in sec.items:
            if it.kind == "agencies":
                return agencies_table(S, it, [3000, 3600, 3300], lab_shade, font=font, color=color)
            lines = ans_lines(it)
            if is_long(it):
                rows.append([tc(p(it.label, b=True), sum(W), lab_shade, span=2)])
                rows.append([tc([p(l, font=font, color=color) for l in lines], sum(W), span=2)])
            else:
                rows.append([tc(p(it.label, b=True), W[0], lab_shade), tc([p(l, font=font, color=color) for l in lines], W[1])])
        return tbl(rows, W)

    body.append(p("PART A - to be completed by the person making the referral", b=True, color="FFFFFF", shade=col, sz=24))
    for sec in sections:
        if sec.key == "lead":
            continue
        body.append(p(sec.title, style="Heading2", color=col))
        body.append(section_table(sec, tint))
    lead = [s for s in sections if s.key == "lead"][0]
    body.append(p("PART B - to be completed by the safeguarding lead", b=True, color="FFFFFF", shade=lead_col, sz=24))
    body.append(p("Please check Part A, add your details and say whether you support the referral. Return the whole form to the referrer or send it on yourself.", i=True, sz=18))
    body.append(p(lead.title, style="Heading2", color=lead_col))
    body.append(section_table(lead, "F2F2F2", font=lead_font, color=lead_col))
    dchk = fmt_date(plan["ref_date"] + dt.timedelta(days=rng.choice([0, 1])), S["date_style"])
    body.append(tbl([[tc(p("Safeguarding lead's comments", b=True), W[0], "F2F2F2"),
                      tc(p(f"Checked our own records on {fmt_date(plan['ref_date'] - dt.timedelta(days=2), S['date_style'])}. Nothing further to add at this stage.", font=lead_font, color=lead_col), W[1])],
                     [tc(p("Signed", b=True), W[0], "F2F2F2"), tc(p(lead.items[0].disp or "", font=lead_font, color=lead_col, i=True), W[1])],
                     [tc(p("Date signed", b=True), W[0], "F2F2F2"), tc(p(dchk, font=lead_font, color=lead_col), W[1])]], W))
    body.append(p("PART C - for partnership business unit use only", b=True, color="FFFFFF", shade="595959", sz=24))
    recv = plan["ref_date"] + dt.timedelta(days=1)
    rows = [("Date received", fmt_date(recv, S["date_style"])), ("Partnership reference", f"RR-{recv.year}-{rng.randrange(10, 99):03d}"),
            ("Screening: criteria for a Rapid Review met?", rng.choice(["Yes", "No", "Further information needed"])),
            ("Rapid Review meeting date", fmt_date(recv + dt.timedelta(days=rng.randrange(3, 9)), S["date_style"])),
            ("Business unit officer", person(rng)), ("Chair's decision", rng.choice(["Proceed to Rapid Review", "Single agency learning", "Pending"]))]
    body.append(tbl([[tc(p(a, b=True, sz=18), W[0], "EDEDED"), tc(p(b_, sz=18, font="Courier New"), W[1])] for a, b_ in rows], W))
    plan["notes"]["layout_details"] = {"part_colour": col, "lead_colour": lead_col, "lead_font": lead_font, "part_c": dict(rows)}
    return package("".join(body), S, plan, font=rng.choice(["Arial", "Calibri"]), accent=col)


# ---------------------------------------------------------------- W-CAPTIONED
GENERIC = {"referrer": ["Name", "Job title / role", "Organisation", "Email", "Telephone"], "lead": ["Name", "Job title / role", "Organisation", "Email", "Telephone"]}


def w_captioned(S, sections, rec, plan, rng):
    caption_word = "Table"
    titles = {"referrer": "Person making the referral", "lead": "Safeguarding lead consulted", "incident": "The incident", "criteria": "Rapid Review criteria",
              "panel": "National Panel notification", "agencies": "Other agencies involved", "concerns": "Immediate concerns", "decoys": "Service record (for our use)"}
    secs = []
    for s in sections:
        t = titles.get(s.key) or s.title.split(". ", 1)[-1].split(": ", 1)[-1]
        secs.append((s, t))
    body = [p(S["title"], style="Title"), p(S["org"] + " - " + S["dept"], b=True), p(guidance(S, plan), sz=18), p("List of tables", style="Heading1")]
    # table of figures field with cached entries
    entries = [f"{caption_word} {k + 1}: {t}\t{1 + k // 4}" for k, (s, t) in enumerate(secs)]
    for k, e in enumerate(entries):
        content = ""
        if k == 0:
            content += '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\h \\z \\c "Table" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        content += run(e)
        if k == len(entries) - 1:
            content += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        body.append(p(content, style="TableofFigures"))
    body.append(p(""))
    W = [3600, 6300]
    for k, (s, t) in enumerate(secs):
        rows = []
        for j, it in enumerate(s.items):
            if it.kind == "agencies":
                rows = None
                body.append(agencies_table(S, it, [3000, 3600, 3300], "E7E6E6"))
                break
            lab = it.label
            if s.key in GENERIC and j < 5 and it.key.split(".")[-1] in ("name", "role", "agency", "email", "phone"):
                lab = GENERIC[s.key][["name", "role", "agency", "email", "phone"].index(it.key.split(".")[-1])]
            rows.append([tc(p(lab, b=True), W[0], "E7E6E6"), tc([p(l) for l in ans_lines(it)], W[1])])
        if rows is not None:
            body.append(tbl(rows, W))
        body.append(p(run(f"{caption_word} ") + fld(f" SEQ {caption_word} \\* ARABIC ", str(k + 1), i=True, color="44546A", sz=18) + run(f": {t}"), style="Caption"))
    plan["notes"]["layout_details"] = {"caption": "below each table", "generic_labels": ["referrer", "lead"]}
    return package("".join(body), S, plan, font=rng.choice(["Calibri", "Arial"]), sz=21)


# ---------------------------------------------------------------- W-KEYFACTS
def w_keyfacts(S, sections, rec, plan, rng):
    L = S["labels"]
    get = {it.key: it for s in sections for it in s.items}
    kids = [s for s in sections if s.key.startswith("child")]
    cparts = []
    for k, s in enumerate(kids):
        nm = rec["children"][k]["name"]
        dob = get.get(f"children[{k}].dob")
        age = get.get(f"children[{k}].age")
        extra = f" (DOB {dob.disp})" if dob is not None and dob.disp else (f" (age {age.disp})" if age is not None and age.disp else "")
        cparts.append(nm + extra)
    kf = [("Child / children", "; ".join(cparts)), (L["inc_date"], get["incident.date"].disp), (L["la_aware"], get["incident.date_la_aware"].disp),
          (L["itype"], get["incident.type"].disp), ("Referred by", ", ".join(x for x in [get["referrer.name"].disp, get["referrer.role"].disp] if x)),
          (L["date_of_referral"], get["date_of_referral"].disp)]
    W4 = [2300, 2650, 2300, 2650]
    rows = [[tc(p("KEY FACTS", b=True, color="FFFFFF"), sum(W4), "C55A11", span=4)],
            [tc(p(kf[0][0], b=True, sz=18), W4[0], "FBE4D5"), tc(p(kf[0][1], sz=18), sum(W4[1:]), "FBE4D5", span=3)]]
    rest = kf[1:]
    for k in range(0, len(rest), 2):
        pair = rest[k:k + 2]
        if len(pair) == 2:
            r = []
            for lab, val in pair:
                r += [tc(p(lab, b=True, sz=18), W4[0], "FBE4D5"), tc(p(val, sz=18), W4[1], "FBE4D5")]
        else:
            r = [tc(p(pair[0][0], b=True, sz=18), W4[0], "FBE4D5"), tc(p(pair[0][1], sz=18), sum(W4[1:]), "FBE4D5", span=3)]
        rows.append(r)
    body = [p(S["title"], style="Title"), p(S["org"], b=True), tbl(rows, W4, color="C55A11"), p(""), p(guidance(S, plan), sz=18, i=True)]
    W = [3500, 6400]
    skip = {"incident.date", "incident.date_la_aware", "incident.type", "date_of_referral"}
    discussed_item = None
    for s in sections:
        body.append(p(s.title, style="Heading1", bdr_bottom="C55A11"))
        if s.key == "criteria":
            body.append(p("Tick each statement that applies.", i=True, sz=18))
        rows = []
        for it in s.items:
            if it.key in skip:
                continue
            if it.key == "safeguarding_lead.discussed":
                discussed_item = it
                continue
            if it.kind == "agencies":
                body.append(agencies_table(S, it, [3000, 3600, 3300], "FBE4D5"))
                rows = None
                break
            if s.key == "criteria" and it.kind == "yn":
                ticked = it.chosen == 0
                body.append(p(("☒" if ticked else "☐") + "  " + it.label, ind=200))
                rec["criteria"][it.key.split(".")[1]] = True if ticked else None
                continue
            if is_long(it):
                rows.append([tc(p(it.label, b=True), sum(W), "F2F2F2", span=2)])
                rows.append([tc([p(l) for l in ans_lines(it)], sum(W), span=2)])
            else:
                rows.append([tc(p(it.label, b=True), W[0], "F2F2F2"), tc([p(l) for l in ans_lines(it)], W[1])])
        if rows:
            body.append(tbl(rows, W))
    # declaration with the discussed tick
    body.append(p("Declaration", style="Heading1", bdr_bottom="C55A11"))
    if discussed_item is not None:
        ticked = discussed_item.chosen == 0
        body.append(p(("☒" if ticked else "☐") + "  I have discussed this referral with my safeguarding lead named above."))
        rec["safeguarding_lead"]["discussed"] = True if ticked else None
    body.append(p("☐  I have attached any chronology or supporting documents."))
    body.append(p("Signature: ......................................    Date: ....................."))
    plan["notes"]["layout_details"] = {"key_facts_only": sorted(skip), "single_tick_statements": ["criteria", "discussed"]}
    return package("".join(body), S, plan, font="Arial", sz=20, accent="C55A11")


# ---------------------------------------------------------------- W-GUIDESPREAD
def w_guidespread(S, sections, rec, plan, rng):
    ex = fmt_date(dt.date(2015, 1, 1), S["date_style"])
    guide = {"referrer": f"Give your own details so the business unit can contact you. Use your work email, e.g. firstname.surname@{S['domain']}, and a direct number, e.g. 01632 960000.",
             "lead": "The safeguarding lead is the person in your organisation who agreed this referral. Do not name the partnership business unit here.",
             "incident": f"Give facts, not opinions. Dates in full, e.g. {ex}. Say where it happened as precisely as you can.",
             "criteria": "A Rapid Review is needed when a child dies or is seriously harmed, abuse or neglect is known or suspected, and there is a local connection.",
             "panel": "The local authority normally notifies the national Panel within five working days. Only answer if you know.",
             "agencies": "List everyone you know who works with the child or family. Add rows if you need them.",
             "concerns": f"If a child is at immediate risk do not wait: ring {S['p_phone']} or 999.",
             "decoys": "For your organisation's own record. Not shared outside the partnership."}
    col = rng.choice(["D9E2F3", "E2EFD9", "EDEDED"])
    WL, WR = 3200, 6700
    body = [p(S["title"], style="Title"), p(S["org"] + " | " + S["partnership"], b=True), p(guidance(S, plan), sz=18)]
    for s in sections:
        g = guide.get(s.key) or ("Complete a separate block for each child. Use the name the child is known by at school as well as the legal name. "
                                 f"Date of birth e.g. {fmt_date(dt.date(2015, 1, 1), S['dob_style'])}. If you do not know the date of birth give an approximate age.")
        left = [p(s.title, b=True, sz=22), p(g, sz=16, i=True, color="404040")]
        WN = [2500, WR - 2500 - 200]
        inner = []
        for it in s.items:
            if it.kind == "agencies":
                inner = None
                right = agencies_table(S, it, [2000, 2400, 2100], col)
                break
            if it.kind in ("yn", "gender", "itype"):
                lines = glyphs(it) if it.kind == "itype" else ["   ".join(glyphs(it))]
                paras = [p(l, font="MS Gothic" if False else None) for l in lines]
            else:
                paras = [p(l) for l in ans_lines(it)]
            if is_long(it):
                inner.append([tc(p(it.label, b=True, sz=18), sum(WN), col, span=2)])
                inner.append([tc(paras, sum(WN), span=2)])
            else:
                inner.append([tc(p(it.label, b=True, sz=18), WN[0], col), tc(paras, WN[1])])
        if inner is not None:
            right = tbl(inner, WN)
        body.append(tbl([[tc(left, WL, col, valign="top"), tc([right, p("")], WR)]], [WL, WR], borders=False))
        body.append(p("", space_after=60))
    plan["notes"]["layout_details"] = {"guidance_column": "left", "choices": "glyphs ☒/☐", "shade": col}
    return package("".join(body), S, plan, font=rng.choice(["Arial", "Tahoma"]), sz=19)


# ---------------------------------------------------------------- W-TINYTABLES
def w_tinytables(S, sections, rec, plan, rng):
    body = [p(S["title"], b=True, sz=28, align="center"), p(S["org"], align="center"), p(guidance(S, plan), sz=18), p("")]
    colon = rng.random() < 0.5
    shade = rng.choice(["F2F2F2", None, "DDEBF7"])
    W2 = [3300, 6600]
    for s in sections:
        body.append(p(s.title, b=True, u=True, sz=22))
        pend = []
        items = s.items
        k = 0
        while k < len(items):
            it = items[k]
            lab = it.label + (":" if colon and not it.label.endswith("?") else "")
            if it.kind == "agencies":
                body.append(p(it.label, b=True))
                body.append(agencies_table(S, it, [3000, 3600, 3300], shade or "FFFFFF"))
                body.append(p(""))
                k += 1
                continue
            if is_long(it) or it.kind == "address":
                body.append(tbl([[tc(p(lab, b=True), sum(W2), shade)], [tc([p(l) for l in ans_lines(it)], sum(W2))]], [sum(W2)]))
            elif k + 1 < len(items) and not is_long(items[k + 1]) and items[k + 1].kind not in ("address", "agencies") and rng.random() < 0.3:
                it2 = items[k + 1]
                lab2 = it2.label + (":" if colon and not it2.label.endswith("?") else "")
                W4 = [2200, 2750, 2200, 2750]
                body.append(tbl([[tc(p(lab, b=True), W4[0], shade), tc(p(it.disp), W4[1]), tc(p(lab2, b=True), W4[2], shade), tc(p(it2.disp), W4[3])]], W4))
                k += 1
            else:
                body.append(tbl([[tc(p(lab, b=True), W2[0], shade), tc(p(it.disp), W2[1])]], W2))
            body.append(p("", space_after=0))
            k += 1
    plan["notes"]["layout_details"] = {"colon": colon, "label_shade": shade}
    return package("".join(body), S, plan, font=rng.choice(["Calibri", "Arial", "Verdana"]), sz=rng.choice([20, 22]))


WORD_LAYOUTS = {"W-PARTS": w_parts, "W-CAPTIONED": w_captioned, "W-KEYFACTS": w_keyfacts, "W-GUIDESPREAD": w_guidespread, "W-TINYTABLES": w_tinytables}
