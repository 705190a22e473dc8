"""The five Word layouts of unseen22."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from model import fmt_date
from wml import Docx, cell, esc, para, png, row, run, table

FONTS = "/usr/share/fonts/truetype/dejavu/"


def child_title(sec):
    if sec.n_children and sec.n_children > 1:
        return f"{sec.title} {sec.child_no} of {sec.n_children}"
    return sec.title


def furniture(d: Docx, S, ctx, rng):
    d.header = (para(run(S["marking"], b=True, sz=8, color="C00000"), align="center", after=0)
                + para(run(f"{S['partnership']}  |  {S['form_ref']}", sz=8, color="595959"), align="right", after=0))
    d.footer = para(run(f"{S['form_ref']} - version {ctx['version']} - reviewed {ctx['reviewed']}", sz=7, color="7F7F7F"),
                    align="center", after=0)


def guidance(S, ctx):
    return (f"Please complete this form as fully as you can and return it to the {S['pship_short']} business unit at "
            f"{S['pship_email']} or telephone {S['pship_phone']}. Dates should be written as, for example, "
            f"{ctx['example_date']}. If a child is at immediate risk call 999.")


def answer_paras(it, sz=None, font=None, color=None):
    if it.type in ("multi", "long"):
        vals = it.value if isinstance(it.value, list) else [it.value]
        return "".join(para(run(v, sz=sz, font=font, color=color), after=60) for v in vals) or para("")
    return para(run(it.shown(), sz=sz, font=font, color=color)) if it.shown() else para("")


def agency_rows_table(sec, L, widths, shade="D9D9D9", spare=1):
    head = row([cell(para(run(L[k], b=True)), w, shade=shade) for k, w in zip(("ag_name", "ag_agency", "ag_contact"), widths)], header=True)
    body = [row([cell(para(v), w) for v, w in zip(r, widths)]) for r in sec.rows]
    body += [row([cell(para(""), w) for w in widths]) for _ in range(spare)]
    return table([head] + body, widths)


# ------------------------------------------------------------------ W-ACTIVEX
def w_activex(S, sections, ctx, rng):
    d = Docx(font=rng.choice(["Arial", "Tahoma", "Verdana"]), size=10, compat=12)
    furniture(d, S, ctx, rng)
    on = d.image("image_opt1.png", png(18, 18, lambda x, y: (0, 0, 0) if (x - 8.5) ** 2 + (y - 8.5) ** 2 < 12 else ((255, 255, 255) if (x - 8.5) ** 2 + (y - 8.5) ** 2 < 50 else (128, 128, 128))))
    off = d.image("image_opt0.png", png(18, 18, lambda x, y: (255, 255, 255) if (x - 8.5) ** 2 + (y - 8.5) ** 2 < 50 else (128, 128, 128)))
    cbon = d.image("image_chk1.png", png(14, 14, lambda x, y: (0, 0, 0) if x in (0, 13) or y in (0, 13) or abs(x - y) < 1.2 or abs(x + y - 13) < 1.2 else (255, 255, 255)))
    cboff = d.image("image_chk0.png", png(14, 14, lambda x, y: (0, 0, 0) if x in (0, 13) or y in (0, 13) else (255, 255, 255)))
    counter = {"n": 0}
    use_checkbox = rng.random() < 0.4  # yes/no as ActiveX check boxes on some forms, option buttons on the others

    def control(caption, group, selected, checkbox=False):
        counter["n"] += 1
        n = counter["n"]
        sid = d.shape_id()
        classid = "{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" if checkbox else "{8BD21D50-EC42-11CE-9E0D-00AA006002F3}"
        name = f"{'CheckBox' if checkbox else 'OptionButton'}{n}"
        props = [("Caption", caption), ("Size", "2540;635"), ("FontName", d.font), ("FontHeight", "165"),
                 ("Value", "1" if selected else "0")]
        if not checkbox:
            props.insert(1, ("GroupName", group))
        xml = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
               '<ax:ocx ax:classid="' + classid + '" ax:persistence="persistPropertyBag" '
               'xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
               + "".join(f'<ax:ocxPr ax:name="{k}" ax:value="{esc(v)}"/>' for k, v in props) + "</ax:ocx>")
        d.parts[f"word/activeX/activeX{n}.xml"] = xml.encode()
        d.overrides[f"/word/activeX/activeX{n}.xml"] = "application/vnd.ms-office.activeX+xml"
        ctl = d.rel("http://schemas.openxmlformats.org/officeDocument/2006/relationships/control", f"activeX/activeX{n}.xml")
        img = (cbon if selected else cboff) if checkbox else (on if selected else off)
        width = max(40, 14 + 6 * len(caption))
        return (f'<w:r><w:object w:dxaOrig="{width * 20}" w:dyaOrig="360">'
                f'<v:shape id="_x0000_i{sid}" type="#_x0000_t75" style="width:{width}pt;height:18pt" o:ole="">'
                f'<v:imagedata r:id="{img}" o:title=""/></v:shape>'
                f'<w:control r:id="{ctl}" w:name="{name}" w:shapeid="_x0000_i{sid}"/></w:object></w:r>')

    def choice_xml(it, group):
        cb = use_checkbox and it.key not in ("c_gender", "i_type")
        if it.key == "i_type":
            out = "".join(para(control(o, group, it.chosen == k, False), after=0) for k, o in enumerate(it.options))
            if it.extra:
                out += para(run(f"Details: {it.extra}"), after=0)
            return out
        return para("".join(control(o, group, it.chosen == k, cb) + run(" ") for k, o in enumerate(it.options)), after=0)

    d.add(para(run(S["org"], b=True, sz=11, color="1F3864")),
          para(run(S["title"], b=True, sz=16)),
          para(run(guidance(S, ctx), i=True, sz=8.5)),
          para(run("Click the option buttons to answer; type in the grey boxes.", sz=8, color="7F7F7F")))
    widths = [3500, 6600]
    gno = 0
    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        d.add(para(run(title, b=True, color="FFFFFF"), shade="1F3864", before=160, after=60, keep=True))
        if sec.kind == "agencies":
            d.add(agency_rows_table(sec, S["labels"], [3000, 3600, 3500], spare=rng.randint(1, 2)))
            continue
        rows = []
        for it in sec.items:
            if it.type == "choice":
                gno += 1
                ans = choice_xml(it, f"Q{gno}")
            else:
                ans = answer_paras(it)
            rows.append(row([cell(para(run(it.label, b=True, sz=9)), widths[0], shade="F2F2F2"),
                             cell(ans, widths[1], shade=None)]))
        d.add(table(rows, widths, color="A6A6A6"))
    d.add(para(""), para(run("Signature: ______________________", sz=9)))
    return d


# ------------------------------------------------------------------ W-BANNERIMG
def banner_png(text, colour, width=1400, height=64):
    img = Image.new("RGB", (width, height), colour)
    dr = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONTS + "DejaVuSans-Bold.ttf", 30)
    dr.rectangle([0, 0, 18, height], fill=(255, 255, 255))
    dr.text((40, 14), text, font=font, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def w_bannerimg(S, sections, ctx, rng):
    d = Docx(font=rng.choice(["Calibri", "Segoe UI", "Arial"]), size=10)
    furniture(d, S, ctx, rng)
    colour = rng.choice([(0, 94, 115), (112, 48, 160), (0, 112, 60), (166, 58, 20)])
    on, off = rng.choice([("■", "□"), ("●", "○"), ("◼", "◻")])
    counter = {"n": 0}

    def banner(text):
        counter["n"] += 1
        n = counter["n"]
        rid = d.image(f"image{n}.png", banner_png(text, colour))
        cx, cy = 6480000, 296000
        return para(
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{n}" name="Picture {n}" descr="{esc(text)}"/><wp:cNvGraphicFramePr>'
            f'<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
            f'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="{n}" name="banner{n}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/>'
            f'<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
            before=200, after=60, keep=True)

    generic = {"r_name": "Name", "r_role": "Job title", "r_agency": "Organisation", "r_email": "Email", "r_phone": "Telephone",
               "l_name": "Name", "l_role": "Job title", "l_agency": "Organisation", "l_email": "Email", "l_phone": "Telephone"}
    d.add(banner(S["title"]),
          para(run(S["org"], b=True, sz=12)),
          para(run(guidance(S, ctx), sz=8.5, color="404040")))
    widths = [3600, 6500]
    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        d.add(banner(title))
        if sec.kind == "agencies":
            d.add(agency_rows_table(sec, S["labels"], [3000, 3600, 3500], shade="EDEDED", spare=1))
            continue
        rows = []
        for it in sec.items:
            label = generic.get(it.key, it.label)
            if it.type == "choice":
                ans = "   ".join(f"{on if it.chosen == k else off} {o}" for k, o in enumerate(it.options))
                if it.key == "i_type":
                    ans_x = "".join(para(f"{on if it.chosen == k else off} {o}" + (f": {it.extra}" if it.chosen == k and it.extra else ""), after=0)
                                    for k, o in enumerate(it.options))
                else:
                    ans_x = para(ans)
            else:
                ans_x = answer_paras(it)
            rows.append(row([cell(para(run(label, sz=9.5, color="404040")), widths[0]), cell(ans_x, widths[1])]))
        d.add(table(rows, widths, color="BFBFBF"))
    return d


# ------------------------------------------------------------------ W-SHAPETICKS
def w_shapeticks(S, sections, ctx, rng):
    d = Docx(font=rng.choice(["Calibri", "Arial", "Century Gothic"]), size=10)
    furniture(d, S, ctx, rng)
    mode = rng.choice(["fill", "x", "tick"])
    mark = {"x": "X", "tick": "✓"}.get(mode, "")

    def box(selected):
        n = d.shape_id()
        cx = cy = 127000
        fill = '<a:solidFill><a:srgbClr val="262626"/></a:solidFill>' if selected and mode == "fill" else "<a:noFill/>"
        txt = ""
        vtxt = ""
        if selected and mark:
            txt = (f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:after="0" w:line="180" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>'
                   f'{run(mark, b=True, sz=7)}</w:p></w:txbxContent></wps:txbx>')
            vtxt = f'<v:textbox inset="0,0,0,0"><w:txbxContent><w:p>{run(mark, b=True, sz=7)}</w:p></w:txbxContent></v:textbox>'
        vfill = 'fillcolor="#262626" filled="t"' if selected and mode == "fill" else 'filled="f"'
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
                f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Rectangle {n}"/><a:graphic>'
                f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/>'
                f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                f'{fill}<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>{txt}'
                f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/></wps:bodyPr>'
                f'</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                f'<v:rect id="Rectangle {n}" style="width:10pt;height:10pt" {vfill} strokecolor="black" strokeweight=".75pt">{vtxt}</v:rect>'
                f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    d.add(para(run(S["partnership"], b=True, sz=11, color="2F5496")),
          para(run(S["title"], b=True, sz=15)),
          para(run(f"Completed by {S['org']}", sz=9, color="595959")),
          para(run(guidance(S, ctx), sz=8.5)),
          para(run("Where boxes are shown, mark the box after the answer that applies.", i=True, sz=8.5)))
    widths = [3400, 6700]
    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        d.add(para(run(title.upper() if rng.random() < 0.5 else title, b=True, sz=11), border_bottom=True, before=200, after=80, keep=True))
        if sec.kind == "agencies":
            d.add(agency_rows_table(sec, S["labels"], [3000, 3600, 3500], shade="DEEAF6", spare=2))
            continue
        rows = []
        for it in sec.items:
            if it.type == "choice":
                if it.key == "i_type":
                    ans = "".join(para(run(o + " ") + box(it.chosen == k) + (run(f"  {it.extra}") if it.chosen == k and it.extra else ""), after=20)
                                  for k, o in enumerate(it.options))
                else:
                    ans = para("".join(run(o + " ") + box(it.chosen == k) + run("\t") for k, o in enumerate(it.options)))
            else:
                ans = answer_paras(it)
            rows.append(row([cell(para(run(it.label, b=True, sz=9.5)), widths[0], shade="DEEAF6"), cell(ans, widths[1])]))
        d.add(table(rows, widths, color="8EAADB"))
    return d


# ------------------------------------------------------------------ W-CONTSHEET
def w_contsheet(S, sections, ctx, rng):
    d = Docx(font=rng.choice(["Arial", "Times New Roman", "Calibri"]), size=10, compat=14)
    furniture(d, S, ctx, rng)
    yesno_style = rng.choice(["word", "glyph"])
    d.add(para(run(S["partnership"], b=True, sz=12), align="center"),
          para(run(S["title"], b=True, sz=14), align="center"),
          para(run(guidance(S, ctx), sz=8.5)),
          para(run("Space on this form is limited. If there is more than one child, more agencies than rows, or a longer "
                   "account, use the continuation sheet at the end and note the question number.", i=True, sz=8.5)))
    widths = [600, 3300, 6200]
    cont = []  # continuation blocks (title, xml)
    n_children = sum(1 for s in sections if s.kind == "child")
    qsec = 0
    first_child_done = False

    def choice_ans(it):
        if yesno_style == "glyph":
            s = "  ".join(f"{'☒' if it.chosen == k else '☐'} {o}" for k, o in enumerate(it.options))
        else:
            s = it.shown()
        if it.key == "i_type" and it.extra and yesno_style == "glyph":
            s += f"  (specify: {it.extra})"
        return para(s)

    def lv_rows(items, secno, note_child=None):
        rows = []
        for k, it in enumerate(items, 1):
            num = f"{secno}.{k}"
            if it.type == "choice":
                ans = choice_ans(it)
            elif it.key == "i_summary" and len(it.value) > 1:
                keep = 1 if len(it.value) < 4 else 2
                ans = "".join(para(v, after=60) for v in it.value[:keep]) + para(run("(continued on the continuation sheet)", i=True, sz=8.5))
                cont.append((f"Question {num} (continued) - {it.label}", "".join(para(v, after=80) for v in it.value[keep:])))
            else:
                ans = answer_paras(it)
            rows.append(row([cell(para(run(num, sz=8.5)), widths[0], shade="F2F2F2"),
                             cell(para(run(it.label, b=True, sz=9)), widths[1], shade="F2F2F2"),
                             cell(ans, widths[2])], height=400))
        return rows

    for sec in sections:
        if sec.kind == "child":
            if first_child_done:
                cxml = table(lv_rows(sec.items, qsec_child), widths, color="7F7F7F")
                cont.append((f"Section {qsec_child} (continued) - child {sec.child_no} of {sec.n_children}", cxml))
                continue
            first_child_done = True
            qsec += 1
            qsec_child = qsec
            d.add(para(run(f"{qsec}. {sec.title}", b=True, sz=11), before=200, after=60, keep=True, shade="D9D9D9"))
            if n_children > 1:
                d.add(para(run(f"Number of children in this referral: {n_children} (children 2 onwards on the continuation sheet)", sz=8.5, i=True)))
            d.add(table(lv_rows(sec.items, qsec), widths, color="7F7F7F"))
            continue
        qsec += 1
        d.add(para(run(f"{qsec}. {sec.title}", b=True, sz=11), before=200, after=60, keep=True, shade="D9D9D9"))
        if sec.kind == "agencies":
            aw = [3000, 3600, 3500]
            head = row([cell(para(run(S["labels"][k], b=True, sz=9)), w, shade="F2F2F2") for k, w in zip(("ag_name", "ag_agency", "ag_contact"), aw)])
            first, rest = sec.rows[:2], sec.rows[2:]
            body = [row([cell(para(v), w) for v, w in zip(r, aw)], height=400) for r in first]
            body += [row([cell(para(""), w) for w in aw], height=400) for _ in range(2 - len(first))]
            d.add(table([head] + body, aw, color="7F7F7F"))
            if rest:
                d.add(para(run("Further agencies listed on the continuation sheet.", i=True, sz=8.5)))
                cbody = [row([cell(para(v), w) for v, w in zip(r, aw)]) for r in rest]
                cont.append((f"Section {qsec} (continued) - further agencies", table([head] + cbody, aw, color="7F7F7F")))
            continue
        d.add(table(lv_rows(sec.items, qsec), widths, color="7F7F7F"))
    d.add(para(""), para(run("Signed: ____________________     Print name: ____________________", sz=9)))
    if cont:
        d.add('<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
              para(run("CONTINUATION SHEET", b=True, sz=13), align="center"),
              para(run(f"{S['form_ref']} - please give the question number for each continued answer", sz=8.5), align="center"))
        for title, xml in cont:
            d.add(para(run(title, b=True), before=160, after=60, keep=True, border_bottom=True), xml)
    return d


# ------------------------------------------------------------------ W-CARDROW
def w_cardrow(S, sections, ctx, rng):
    d = Docx(font=rng.choice(["Calibri", "Arial", "Gill Sans MT"]), size=10, landscape=True)
    furniture(d, S, ctx, rng)
    accent = rng.choice(["2E75B6", "548235", "7030A0", "C55A11"])
    total = 15000

    def card(title, items, w, ag_rows=None):
        x = para(run(title, b=True, color="FFFFFF", sz=10), shade=accent, after=60)
        for it in items:
            x += para(run(it.label, sz=8, color="7F7F7F"), after=0)
            if it.type == "choice":
                x += para(run(it.shown(), b=True), after=80) if it.shown() else para("", after=80)
            elif it.type in ("multi", "long"):
                x += "".join(para(run(v), after=40) for v in it.value) + para("", after=40)
            else:
                x += para(run(it.value), after=80)
        if ag_rows is not None:
            L = S["labels"]
            if not ag_rows:
                x += para(run("None recorded", i=True, color="7F7F7F"))
            for r in ag_rows:
                parts = [f"{L['ag_agency']}: {r[1]}"]
                if r[0]:
                    parts.append(f"{L['ag_name']}: {r[0]}")
                parts.append(f"{L['ag_contact']}: {r[2]}")
                x += para(run(" — ".join(parts)), after=60)
        return cell(x, w, borders="".join(f'<w:{s} w:val="single" w:sz="8" w:space="0" w:color="{accent}"/>' for s in ("top", "left", "bottom", "right")))

    d.add(para(run(S["title"], b=True, sz=16, color=accent)),
          para(run(f"{S['org']}  →  {S['partnership']}", sz=10)),
          para(run(guidance(S, ctx), sz=8.5, color="404040")))
    secs = list(sections)
    people = [s for s in secs if s.kind in ("referrer", "lead")]
    kids = [s for s in secs if s.kind == "child"]
    others = [s for s in secs if s.kind not in ("referrer", "lead", "child")]
    gap = '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'
    w2 = total // 2
    d.add(table([row([card(s.title, s.items, w2) for s in people])], [w2, w2], borders=False), gap)
    for k in range(0, len(kids), 3):
        grp = kids[k:k + 3]
        w = total // len(grp)
        d.add(table([row([card(child_title(s), s.items, w) for s in grp])], [w] * len(grp), borders=False), gap)
    pairs = []
    for s in others:
        pairs.append(s)
    k = 0
    while k < len(pairs):
        s = pairs[k]
        big = s.kind == "incident"
        if big or k + 1 >= len(pairs):
            d.add(table([row([card(s.title, s.items, total, s.rows if s.kind == "agencies" else None)])], [total], borders=False), gap)
            k += 1
        else:
            t = pairs[k + 1]
            d.add(table([row([card(s.title, s.items, w2, s.rows if s.kind == "agencies" else None),
                              card(t.title, t.items, w2, t.rows if t.kind == "agencies" else None)])], [w2, w2], borders=False), gap)
            k += 2
    return d


WORD_LAYOUTS = {"W-ACTIVEX": w_activex, "W-BANNERIMG": w_bannerimg, "W-SHAPETICKS": w_shapeticks,
                "W-CONTSHEET": w_contsheet, "W-CARDROW": w_cardrow}
