"""A small WordprocessingML writer and the five Word layouts of unseen14."""

import datetime as dt
import zipfile
from xml.sax.saxutils import escape

from model import fmt_date, value_text

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')


def esc(t):
    return escape(t, {'"': "&quot;"})


def run(text, b=False, i=False, color=None, font=None, sz=None, hl=None, u=None, caps=False, rstyle=None):
    pr = ""
    if rstyle:
        pr += f'<w:rStyle w:val="{rstyle}"/>'
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
        pr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if hl:
        pr += f'<w:highlight w:val="{hl}"/>'
    if u:
        pr += f'<w:u w:val="{u}"/>'
    out = []
    parts = text.split("\n")
    for k, part in enumerate(parts):
        if k:
            out.append("<w:br/>")
        segs = part.split("\t")
        for j, seg in enumerate(segs):
            if j:
                out.append("<w:tab/>")
            if seg:
                out.append(f'<w:t xml:space="preserve">{esc(seg)}</w:t>')
    return f"<w:r>{'<w:rPr>' + pr + '</w:rPr>' if pr else ''}{''.join(out)}</w:r>"


def para(inner="", style=None, jc=None, ind=None, after=None, before=None, shade=None, tabs=None, keep=False,
         border=None, rpr_mark=""):
    pr = ""
    if style:
        pr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        pr += "<w:keepNext/>"
    if border:
        pr += f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{border}"/></w:pBdr>'
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        pr += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + "</w:tabs>"
    if after is not None or before is not None:
        pr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind:
        pr += f'<w:ind w:left="{ind}"/>'
    if jc:
        pr += f'<w:jc w:val="{jc}"/>'
    if rpr_mark:
        pr += f"<w:rPr>{rpr_mark}</w:rPr>"
    return f"<w:p>{'<w:pPr>' + pr + '</w:pPr>' if pr else ''}{inner}</w:p>"


def cell(content, w, shade=None, span=None, valign=None):
    pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    if not content.strip().endswith("</w:p>"):
        content = content + para()
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def table(rows, widths, borders="single", color="808080", header_rows=0):
    b = "".join(f'<w:{e} w:val="{borders}" w:sz="4" w:space="0" w:color="{color}"/>'
                for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    trs = []
    for k, r in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if k < header_rows else ""
        trs.append(f"<w:tr>{trpr}{r}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            f'</w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')


def styles_xml(font, size=20):
    def st(sid, name, rpr="", ppr="", based="Normal"):
        return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/>'
                f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W_NS}>'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" '
            f'w:eastAsia="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-GB"/></w:rPr>'
            f'</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr>'
            f'</w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            + st("Title", "Title", f'<w:b/><w:sz w:val="34"/><w:color w:val="1F3864"/>', '<w:spacing w:after="160"/>')
            + st("Heading1", "heading 1", '<w:b/><w:sz w:val="28"/><w:color w:val="2F5496"/>',
                 '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>')
            + st("Heading2", "heading 2", '<w:b/><w:sz w:val="24"/><w:color w:val="2F5496"/>',
                 '<w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="1"/>')
            + st("Header", "header", "", "")
            + st("Footer", "footer", '<w:sz w:val="16"/>', "")
            + st("CommentText", "annotation text", '<w:sz w:val="20"/>', "")
            + '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
              '<w:rPr><w:sz w:val="16"/></w:rPr></w:style>'
            + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
              '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              '</w:tblCellMar></w:tblPr></w:style></w:styles>')


FIXED = (1980, 1, 1, 0, 0, 0)


def write_docx(path, body, font, header, footer, settings_extra="", comments=None, landscape=False, size=20,
               title="Referral", author="", created="2026-01-01T09:00:00Z"):
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" '
            f'r:id="rIdF1"/><w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="1134" w:right="1021" w:bottom="1021" w:left="1021" w:header="567" w:footer="454" '
            f'w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}{sect}'
           f'</w:body></w:document>')
    hdr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}>{header}</w:hdr>'
    ftr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}>{footer}</w:ftr>'
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>{settings_extra}'
                f'<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
                f'w:val="15"/></w:compat></w:settings>')
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdSet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
            '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
            '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>']
    ct = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>',
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
    parts = []
    if comments:
        rels.append('<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>')
        ct.append('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>')
        parts.append(("word/comments.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W_NS}>{comments}</w:comments>'))
    files = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>' + "".join(ct) + "</Types>"),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
         "</Relationships>"),
        ("docProps/core.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
         f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>'),
        ("docProps/app.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
         "<Application>Microsoft Office Word</Application></Properties>"),
        ("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         + "".join(rels) + "</Relationships>"),
        ("word/document.xml", doc), ("word/styles.xml", styles_xml(font, size)), ("word/settings.xml", settings),
        ("word/header1.xml", hdr), ("word/footer1.xml", ftr),
    ] + parts
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


# ----------------------------------------------------------------- shared furniture

def furniture(s, case, rng):
    marking = rng.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE", "CONFIDENTIAL"])
    review = case["date_ref"] - dt.timedelta(days=rng.randint(200, 700))
    header = para(run(f"{marking}\t{s['partnership']}\t{s['form_ref']}", sz=16, color="595959"),
                  style="Header", tabs=[4800, 8200])
    footer = para(run(f"{s['form_ref']} - version {rng.randint(1, 4)}.{rng.randint(0, 9)} - reviewed "
                      f"{fmt_date(review, s['date_main'])}\t{marking}", sz=16), style="Footer", tabs=[7000])
    guidance = (f"Please complete all sections and email the form to {s['p_email']} within one working day. "
                f"If you need advice call the {s['p_short']} business unit on {s['p_phone']}. "
                f"Write dates in full, for example {fmt_date(dt.date(2015, 1, 1), s['date_main'])}. "
                f"Do not delay a referral to children's social care or the police while completing this form.")
    return marking, header, footer, guidance, review


def email_disp(e, rng):
    return e[0].upper() + e[1:] if rng.random() < 0.25 else e


def agencies_rows(case):
    return [(a["name"] or "", a["agency"], a["contact"]) for a in case["agencies"]]


# ----------------------------------------------------------------- W-PERMREGION

def w_permregion(path, s, case, secs, rng):
    """Read-only protected form; answers sit in editable regions (permStart/permEnd for everyone)."""
    marking, header, footer, guidance, _ = furniture(s, case, rng)
    font = rng.choice(["Arial", "Calibri", "Verdana"])
    pid = [0]
    hl = rng.choice(["yellow", "lightGray", None])
    empty_mark = rng.choice(["\u00a0" * 12, "[                    ]"])
    notes = {"highlight": hl, "empty_region": "brackets" if empty_mark.startswith("[") else "nbsp"}

    def region(inner_runs):
        pid[0] += 1
        return f'<w:permStart w:id="{pid[0]}" w:edGrp="everyone"/>{inner_runs}<w:permEnd w:id="{pid[0]}"/>'

    def ans(text):
        return run(text, hl=hl, color="1F1F1F")

    def boxes(item):
        out = ""
        for k, opt in enumerate(item["options"]):
            mark = "R" if item["chosen"] == k else "\u00a3"
            out += run(mark, font="Wingdings 2", sz=22) + run(f" {opt}   ")
        return out

    body = [para(run(s["org"], b=True, sz=22, color="404040")), para(run(s["title"]), style="Title"),
            para(run(guidance, i=True, sz=18, color="595959")),
            para(run("This form is protected. Type only in the shaded areas; tick boxes: select the box and type "
                     "R to tick.", sz=16, color="7F7F7F"))]
    for sk, title, its in secs:
        body.append(para(run(title), style="Heading1"))
        if sk == "ag":
            rows = [cell(para(run(h, b=True)), w, shade="D9D9D9") for h, w in
                    (("Name", 3000), ("Agency / service", 3600), ("Contact details", 3200))]
            trs = ["".join(rows)]
            for r in agencies_rows(case) + [("", "", "")]:
                trs.append("".join(cell(para(region(ans(v) if v else run(empty_mark, hl=hl))), w)
                                   for v, w in zip(r, (3000, 3600, 3200))))
            body.append(table(trs, [3000, 3600, 3200], header_rows=1))
            continue
        for item in its:
            lab = item["label"]
            kind = item["kind"]
            if kind in ("tri", "gender") or (kind == "itype"):
                if kind == "itype":
                    body.append(para(run(lab, b=True)))
                    for k, opt in enumerate(item["options"]):
                        mark = "R" if item["chosen"] == k else "\u00a3"
                        extra = ""
                        if k == 4:
                            extra = run("  If other, please specify: ") + region(
                                ans(item["spec"]) if item.get("spec") else run(empty_mark, hl=hl))
                        body.append(para(region(run(mark, font="Wingdings 2", sz=22)) + run(f" {opt}") + extra, ind=360))
                else:
                    body.append(para(run(lab, b=True) + run("\t") + region(boxes(item)), tabs=[4600]))
            elif kind in ("addr", "long"):
                lines = [x for x in (item["lines"] or []) if x]
                body.append(para(run(lab, b=True), keep=True, after=40))
                if kind == "addr":
                    body.append(para(region(ans("\n".join(lines)) if lines else run(empty_mark, hl=hl)), ind=360))
                else:
                    if not lines:
                        body.append(para(region(run(empty_mark, hl=hl)), ind=360))
                    else:
                        pid[0] += 1
                        n = pid[0]
                        for j, ln in enumerate(lines):
                            st = f'<w:permStart w:id="{n}" w:edGrp="everyone"/>' if j == 0 else ""
                            en = f'<w:permEnd w:id="{n}"/>' if j == len(lines) - 1 else ""
                            body.append(para(st + ans(ln) + en, ind=360))
            else:
                t = item["text"]
                body.append(para(run(lab, b=True) + run("\t") + region(ans(t) if t else run(empty_mark, hl=hl)),
                                 tabs=[4600]))
    body.append(para(run("Signature: ") + region(run(empty_mark, hl=hl)) + run("\tOffice use only - date received: ")))
    settings = '<w:documentProtection w:edit="readOnly" w:enforcement="1"/>'
    write_docx(path, "".join(body), font, header, footer, settings_extra=settings, title=s["title"],
               author=case["ref"]["name"])
    return notes


# ----------------------------------------------------------------- W-INLINEREPLY

def w_inlinereply(path, s, case, secs, rng):
    """An email of questions answered inline (answers in colour under each question) and saved to Word."""
    marking, header, footer, guidance, _ = furniture(s, case, rng)
    ref = case["ref"]
    initials = ref["first"][0] + ref["last"][0]
    prefix = rng.choice(["", f"{initials}: ", f"[{initials}] ", f"{initials} - "])
    colour = rng.choice(["0070C0", "1F4E79", "C00000", "7030A0"])
    font = rng.choice(["Calibri", "Aptos", "Arial"])
    sent = case["date_ref"] + dt.timedelta(days=1)
    asked = case["date_ref"] - dt.timedelta(days=rng.randint(1, 3))
    numbered = rng.random() < 0.5
    notes = {"prefix": prefix, "colour": colour, "numbered": numbered,
             "sent": fmt_date(sent, "long"), "original_sent": fmt_date(asked, "long")}
    p = []
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    p.append(para(run("From: ", b=True) + run(f"{ref['name']} <{ref['email']}>")))
    p.append(para(run("Sent: ", b=True) + run(f"{days[sent.weekday()]}, {sent.day} {fmt_date(sent, 'long').split(' ', 1)[1]} "
                                               f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")))
    p.append(para(run("To: ", b=True) + run(f"{s['p_short']} Business Unit <{s['p_email']}>")))
    p.append(para(run("Subject: ", b=True) + run(f"RE: {s['form_ref']} {s['title']} [{marking}]")))
    p.append(para())
    p.append(para(run("Hi,")))
    p.append(para(run(f"Please see my answers below in colour{' (marked with my initials)' if prefix.strip() else ''}. "
                      f"Some things I don't know yet - I will send them on when I have them.")))
    p.append(para(run(f"Thanks\n{ref['first']}")))
    p.append(para(border="B5C4DF"))
    p.append(para(run("From: ", b=True) + run(f"{s['p_short']} Business Unit <{s['p_email']}>")))
    p.append(para(run("Sent: ", b=True) + run(f"{days[asked.weekday()]}, {fmt_date(asked, 'long')} 16:{rng.randint(10, 59)}")))
    p.append(para(run("To: ", b=True) + run(ref["email"])))
    p.append(para(run("Subject: ", b=True) + run(f"{s['form_ref']} {s['title']}")))
    p.append(para())
    p.append(para(run(f"Thank you for your call. So that the {s['partnership']} can consider a Rapid Review, please "
                      f"reply to this email with your answers under each question.")))
    p.append(para(run(guidance)))
    qn = [0]

    def q(label):
        qn[0] += 1
        p.append(para(run((f"{qn[0]}. " if numbered else "") + label), after=0, before=120))

    def a(lines):
        for j, ln in enumerate(lines):
            p.append(para(run((prefix if j == 0 else "") + ln, color=colour), after=0,
                          ind=360 if prefix == "" else None))

    for sk, title, its in secs:
        p.append(para(run(title.upper() if rng.random() < 0.3 else title, b=True, u="single"), before=240))
        if sk == "ag":
            q("Which other agencies or professionals are involved? (name, agency, contact)")
            rows = agencies_rows(case)
            if rows:
                trs = ["".join(cell(para(run(h, b=True, color=colour)), w) for h, w in
                               (("Name", 2600), ("Agency", 3400), ("Contact", 3000)))]
                for r in rows:
                    trs.append("".join(cell(para(run(v, color=colour)), w) for v, w in zip(r, (2600, 3400, 3000))))
                p.append(table(trs, [2600, 3400, 3000], color="9DC3E6"))
            else:
                a(["None that I know of"])
            continue
        for item in its:
            label = item["label"]
            if item["kind"] == "itype":
                label += " (" + " / ".join(item["options"]) + ")"
            elif item["kind"] == "gender":
                label += " (" + " / ".join(item["options"]) + ")"
            q(label)
            if item["kind"] in ("addr", "long"):
                ls = [x for x in item["lines"] or [] if x]
                if ls:
                    a(ls)
            elif item["text"]:
                a([item["text"]])
    p.append(para())
    p.append(para(run(f"{ref['name']}\n{ref['role']}\n{ref['agency']}\nTel: {ref['phone']}", sz=18, color="595959")))
    p.append(para(run("This email and any attachments are confidential and intended solely for the addressee. If you "
                      "have received it in error please tell the sender and delete it.", sz=14, color="7F7F7F")))
    write_docx(path, "".join(p), font, header, footer, title=f"RE: {s['form_ref']}", author=ref["name"], size=22)
    return notes


# ----------------------------------------------------------------- W-CONTACTSGRID

def w_contactsgrid(path, s, case, secs, rng):
    """People in one contacts grid (referrer, lead, other professionals by role); the rest in label | answer tables."""
    marking, header, footer, guidance, _ = furniture(s, case, rng)
    font = rng.choice(["Arial", "Tahoma", "Calibri"])
    shade = rng.choice(["DEEAF6", "E2EFD9", "FBE4D5", "EDEDED"])
    ref, lead = case["ref"], case["lead"]
    L = s["labels"]
    body = [para(run(s["title"]), style="Title"), para(run(s["unit"], b=True)), para(run(guidance, sz=18))]
    body.append(para(run("Contacts"), style="Heading1"))
    body.append(para(run("List yourself first, then your safeguarding lead, then every other professional involved "
                         "with the family. Use the first column to say who each person is.", sz=18, color="595959")))
    cols = [("Who (role in this referral)", 1900), ("Name", 1500), ("Job title", 1500), ("Organisation", 1700),
            ("Email", 1700), ("Telephone", 1500)]
    widths = [w for _, w in cols]
    byk = {it["key"]: it for _, _, its in secs for it in its}
    trs = ["".join(cell(para(run(h, b=True, sz=17)), w, shade=shade) for h, w in cols)]

    def tv(key):
        return byk[key]["text"] or ""
    trs.append("".join(cell(para(run(v, sz=18)), w) for v, w in zip(
        [L["ref_name"], tv("ref_name"), tv("ref_role"), tv("ref_agency"), email_disp(tv("ref_email"), rng),
         tv("ref_phone")], widths)))
    trs.append("".join(cell(para(run(v, sz=18)), w) for v, w in zip(
        [L["lead_name"], tv("lead_name"), tv("lead_role"), tv("lead_agency"), tv("lead_email"), tv("lead_phone")],
        widths)))
    roles = ["Social worker", "Police officer", "Teacher / DSL", "Health visitor", "GP", "Family support worker",
             "Key worker", "Other professional"]
    for a in case["agencies"]:
        contact = a["contact"]
        em, ph = (contact, "") if "@" in contact else ("", contact)
        trs.append("".join(cell(para(run(v, sz=18)), w) for v, w in zip(
            [rng.choice(["Other professional", "Other agency", "Also involved"]), a["name"] or "",
             rng.choice(roles) if a["name"] else "", a["agency"], em, ph], widths)))
    for _ in range(rng.randint(1, 2)):
        trs.append("".join(cell(para(), w) for w in widths))
    body.append(table(trs, widths, header_rows=1))
    body.append(para())
    lw, vw = 4000, 5800
    for sk, title, its in secs:
        if sk in ("ag",):
            continue
        its = [it for it in its if it["base"] not in ("ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone",
                                                       "lead_name", "lead_role", "lead_agency", "lead_email",
                                                       "lead_phone")]
        if not its:
            continue
        body.append(para(run(title), style="Heading2"))
        trs = []
        for item in its:
            k = item["kind"]
            if k == "addr":
                v = "".join(para(run(x)) for x in item["lines"] or [])
            elif k == "long":
                v = "".join(para(run(x)) for x in item["lines"] or [] if x)
            elif k in ("tri", "gender"):
                v = para(run("   ".join(("\u2612 " if item["chosen"] == j else "\u2610 ") + o
                                        for j, o in enumerate(item["options"]))))
            elif k == "itype":
                v = "".join(para(run(("\u2612 " if item["chosen"] == j else "\u2610 ") + o +
                                     (f": {item['spec']}" if j == 4 and item.get("spec") else "")))
                            for j, o in enumerate(item["options"]))
            else:
                v = para(run(item["text"] or ""))
            trs.append(cell(para(run(item["label"], b=True)), lw, shade=shade) + cell(v, vw))
        body.append(table(trs, [lw, vw]))
    body.append(para(run("Office use only: date received ______  logged by ______", sz=16, color="7F7F7F")))
    write_docx(path, "".join(body), font, header, footer, title=s["title"], author=ref["name"])
    return {"contacts_rows": 2 + len(case["agencies"]), "shade": shade}


# ----------------------------------------------------------------- W-KEYSUMMARY

def w_keysummary(path, s, case, secs, rng):
    """A case system's 'referral summary': one Section | Details table, short answers as inline 'Label: value' pairs."""
    marking, header, footer, guidance, _ = furniture(s, case, rng)
    sep = rng.choice(["; ", "  |  ", "  \u2022  "])
    font = rng.choice(["Segoe UI", "Arial", "Calibri"])
    generated = case["date_ref"] + dt.timedelta(days=rng.choice([0, 1]))
    body = [para(run(f"{s['org']} - Referral summary", b=True, sz=30)),
            para(run(f"Generated {fmt_date(generated, 'dmy_slash')} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d} "
                     f"by {rng.choice(['CaseTrack', 'SafeLog', 'Assure'])} - {s['title']}", sz=16, color="7F7F7F")),
            para(run(guidance, sz=16, color="7F7F7F"))]
    lw, vw = 2300, 7500
    trs = [cell(para(run("Section", b=True, color="FFFFFF")), lw, shade="404040")
           + cell(para(run("Details", b=True, color="FFFFFF")), vw, shade="404040")]

    def pairs(items_):
        out = []
        for item in items_:
            v = value_text(item) or ""
            if item["kind"] == "itype" and item["chosen"] == 4:
                v = item["text"]
            lab = item["label"] + (" " if item["label"].endswith(("?", ")")) else ": ")
            out.append(run(lab, b=True) + run(v))
        return run(sep).join(out)

    for sk, title, its in secs:
        if sk == "ag":
            rows = agencies_rows(case)
            if rows:
                v = "".join(para(run("Agency: ", b=True) + run(a) + run(sep) + run("Name: ", b=True) + run(n) + run(sep)
                                 + run("Contact: ", b=True) + run(c)) for n, a, c in rows)
            else:
                v = para(run("No other agencies recorded"))
            trs.append(cell(para(run(title, b=True)), lw, shade="F2F2F2") + cell(v, vw))
            continue
        short = [it for it in its if it["kind"] not in ("long",)]
        long_ = [it for it in its if it["kind"] == "long"]
        if short:
            trs.append(cell(para(run(title, b=True)), lw, shade="F2F2F2") + cell(para(pairs(short)), vw))
        for it in long_:
            ls = [x for x in it["lines"] or [] if x]
            v = "".join(para(run(x)) for x in ls) if ls else para()
            trs.append(cell(para(run(it["label"], b=True)), lw, shade="F2F2F2") + cell(v, vw))
    body.append(table(trs, [lw, vw], color="BFBFBF", header_rows=1))
    write_docx(path, "".join(body), font, header, footer, title="Referral summary", author="CaseTrack", size=19)
    return {"separator": sep.strip() or "space", "generated": fmt_date(generated, "dmy_slash")}


# ----------------------------------------------------------------- W-COMMENTED

def w_commented(path, s, case, secs, rng):
    """Question | Answer | Source table, reviewed by the manager with Word comments (comments.xml) on answers."""
    marking, header, footer, guidance, _ = furniture(s, case, rng)
    font = rng.choice(["Arial", "Calibri", "Century Gothic"])
    lead = case["lead"]
    srcs = ["Referrer", "Parent", "Child", "Police", "School records", "Our records", "Observed", "CCTV"]
    ccount = [0]
    comments = []
    cdate = case["date_ref"]
    names = ["Gina Rafferty", "Tom Ellery", lead["name"]]
    texts = ["Checked with {p} on {d} - confirmed.", "Please double check this with {p}.",
             "Spoke to {p} {d}; they have a different version of events.", "Is this the latest? {p} said otherwise on {d}.",
             "Agreed. {p}"]
    targets = rng.sample(range(30), 5)
    counter = [0]

    def maybe_comment(inner):
        counter[0] += 1
        if counter[0] - 1 not in targets:
            return inner
        cid = ccount[0]
        ccount[0] += 1
        author = rng.choice(names)
        txt = rng.choice(texts).format(p=rng.choice(["DC " + rng.choice(["Holt", "Marsh", "Byrne"]),
                                                      "the school", "Sgt Pike", "the health visitor"]),
                                       d=fmt_date(cdate + dt.timedelta(days=rng.randint(-6, 2)), s["date_main"]))
        initials = "".join(x[0] for x in author.split())
        comments.append(f'<w:comment w:id="{cid}" w:author="{esc(author)}" w:date="{cdate.isoformat()}T10:{cid:02d}:00Z" '
                        f'w:initials="{initials}">{para(run("", rstyle="CommentReference") + run(txt), style="CommentText")}</w:comment>')
        return (f'<w:commentRangeStart w:id="{cid}"/>{inner}<w:commentRangeEnd w:id="{cid}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>')

    body = [para(run(s["partnership"], sz=20, color="595959")), para(run(s["title"]), style="Title"),
            para(run(f"Completed by {s['org']}", i=True)), para(run(guidance, sz=18))]
    widths = [3400, 4700, 1700]
    for sk, title, its in secs:
        body.append(para(run(title), style="Heading1"))
        if sk == "ag":
            trs = ["".join(cell(para(run(h, b=True)), w, shade="D0CECE") for h, w in
                           (("Name", 3000), ("Agency", 3600), ("Contact", 3200)))]
            for r in agencies_rows(case) + [("", "", "")] * rng.randint(1, 2):
                trs.append("".join(cell(para(maybe_comment(run(v)) if v else ""), w) for v, w in zip(r, (3000, 3600, 3200))))
            body.append(table(trs, [3000, 3600, 3200], header_rows=1))
            continue
        trs = ["".join(cell(para(run(h, b=True)), w, shade="D0CECE") for h, w in
                       (("Question", widths[0]), ("Answer", widths[1]), ("Source of information", widths[2])))]
        for item in its:
            k = item["kind"]
            if k == "addr":
                v = "".join(para(maybe_comment(run(x)) if j == 0 else run(x)) for j, x in enumerate(item["lines"] or []))
            elif k == "long":
                ls = [x for x in item["lines"] or [] if x]
                v = "".join(para(run(x)) for x in ls)
            else:
                t = item["text"]
                v = para(maybe_comment(run(t)) if t else "")
            src = rng.choice(srcs) if (value_text(item) and item["base"] not in ("decoy",)) else ""
            trs.append(cell(para(run(item["label"], b=True)), widths[0], shade="F2F2F2") + cell(v, widths[1])
                       + cell(para(run(src, sz=16, color="595959")), widths[2]))
        body.append(table(trs, widths, header_rows=1))
    write_docx(path, "".join(body), font, header, footer, comments="".join(comments), title=s["title"],
               author=case["ref"]["name"])
    return {"comments": ccount[0], "comment_authors": sorted(set(names))}


DOCX_LAYOUTS = {"W-PERMREGION": w_permregion, "W-INLINEREPLY": w_inlinereply, "W-CONTACTSGRID": w_contactsgrid,
                "W-KEYSUMMARY": w_keysummary, "W-COMMENTED": w_commented}
