"""The five PDF layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from common import fmt_date
from forms import agency_cell, colon, guidance, spec
from pdfkit import Flow, PAGE_H, PAGE_W, finish_with_pypdf, pdf_date, pdf_str, wrap

LEAD = 11.0


def answer_lines(it, width, font="Helvetica", size=9) -> list[str]:
    a = it["ans"]
    if a.kind == "lines":
        out = []
        for l in a.lines:
            out += wrap(l, font, size, width)
        return out
    if a.kind == "paras":
        out = []
        for i, p in enumerate(a.paras):
            if i:
                out.append("")
            out += wrap(p, font, size, width)
        return out
    if a.kind in ("text", "date", "filler"):
        return wrap(a.text, font, size, width)
    return [""]


def std_furniture(case, ref_suffix=""):
    s = case.s

    def f(c, i, n):
        c.setFont("Helvetica-Bold", 8)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(48, PAGE_H - 34, s["marking"])
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.setFont("Helvetica", 8)
        c.drawRightString(PAGE_W - 48, PAGE_H - 34, s["partnership"])
        c.drawString(48, 30, f"{s['form_ref']} v{2 + case.n % 3}{ref_suffix}")
        c.drawRightString(PAGE_W - 48, 30, f"Page {i + 1} of {n}")
    return f


def title_block(flow, case, font="Helvetica", accent=(0.12, 0.22, 0.4)):
    s = case.s
    flow.text(flow.left, flow.y, s["title"], font + "-Bold", 14, accent)
    flow.y -= 17
    flow.text(flow.left, flow.y, s["org"][:110], font, 9)
    flow.y -= 12
    flow.text(flow.left, flow.y, "To: " + s["partnership"], font, 9)
    flow.y -= 14
    ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    for l in wrap(guidance(case, ex), font + "-Oblique", 8, flow.width):
        flow.text(flow.left, flow.y, l, font + "-Oblique", 8, (0.3, 0.3, 0.3))
        flow.y -= 10
    flow.y -= 6


def section_bar(flow, title, fill=(0.12, 0.22, 0.4), font="Helvetica-Bold"):
    flow.need(44)
    flow.rect(flow.left, flow.y - 15, flow.width, 17, fill=fill, stroke=None)
    flow.text(flow.left + 5, flow.y - 10, title, font, 9.5, (1, 1, 1))
    flow.y -= 19


def grid_rows(flow, items, *, lw, choice_h, choice_draw, text_draw=None, label_fill=(0.93, 0.93, 0.93),
              font="Helvetica", size=9, label_hint=None):
    """Label | answer rows; long answers split across pages with a '(continued)' label."""
    ax, aw = flow.left + lw, flow.width - lw
    for it in items:
        lab = wrap(colon(it["label"]), font + "-Bold", size - 0.5, lw - 8)
        if label_hint and label_hint(it):
            lab += wrap(label_hint(it), font + "-Oblique", 7, lw - 8)
        if it["kind"] == "choice":
            h = max(len(lab) * LEAD, choice_h(it)) + 6
            flow.need(h)
            top = flow.y
            flow.rect(flow.left, top - h, lw, h, fill=label_fill)
            flow.rect(ax, top - h, aw, h)
            for i, l in enumerate(lab):
                flow.text(flow.left + 4, top - 10 - i * LEAD, l, font + ("-Oblique" if i >= len(wrap(colon(it["label"]), font + "-Bold", size - 0.5, lw - 8)) else "-Bold"), size - 0.5 if i < len(wrap(colon(it["label"]), font + "-Bold", size - 0.5, lw - 8)) else 7)
            choice_draw(flow, it, ax + 4, top - 10, aw - 8)
            flow.y -= h
            continue
        lines = answer_lines(it, aw - 8, font, size)
        first = True
        while True:
            room = int((flow.y - flow.bottom - 6) // LEAD)
            labs = lab if first else wrap(colon(it["label"]) + " (continued)", font + "-Bold", size - 0.5, lw - 8)
            need_lines = max(len(labs), len(lines))
            if need_lines > room:
                if room < max(len(labs), 3) or (first and len(lines) <= 12):
                    flow.new_page()
                    continue
                chunk = lines[:room]
            else:
                chunk = lines
            h = max(len(labs), len(chunk)) * LEAD + 6
            top = flow.y
            flow.rect(flow.left, top - h, lw, h, fill=label_fill)
            flow.rect(ax, top - h, aw, h)
            for i, l in enumerate(labs):
                flow.text(flow.left + 4, top - 10 - i * LEAD, l, font + "-Bold", size - 0.5)
            if text_draw:
                text_draw(flow, it, ax, top, aw, h, chunk)
            else:
                for i, l in enumerate(chunk):
                    flow.text(ax + 4, top - 10 - i * LEAD, l, font, size)
            flow.y -= h
            lines = lines[len(chunk):]
            first = False
            if not lines:
                break


def agencies_grid(flow, sec, rng, font="Helvetica", size=8.5, dash=None, spare=1, hdr_fill=(0.85, 0.88, 0.93)):
    cols = sec["cols"]
    w = flow.width / 3
    if dash is None:
        dash = rng.random() < 0.5
    flow.need(18)
    top = flow.y
    for i, (_, h) in enumerate(cols):
        flow.rect(flow.left + i * w, top - 15, w, 15, fill=hdr_fill)
        flow.text(flow.left + i * w + 4, top - 10.5, h, font + "-Bold", size)
    flow.y -= 15
    rows = list(sec["rows"]) + [None] * spare
    for r in rows:
        cells = [wrap(agency_cell(r, k, "-" if dash else "") if r else "", font, size, w - 8) for k, _ in cols]
        h = max(len(c) for c in cells) * LEAD + 5
        flow.need(h)
        top = flow.y
        for i, c in enumerate(cells):
            flow.rect(flow.left + i * w, top - h, w, h)
            for j, l in enumerate(c):
                flow.text(flow.left + i * w + 4, top - 10 - j * LEAD, l, font, size)
        flow.y -= h
    flow.y -= 6


def meta(case, producer, creator):
    s = case.s
    return dict(title=s["title"], author=case.answers["r_name"].text or "", creator=creator, producer=producer,
                subject=s["partnership"])


def pypdf_meta(case, producer, creator):
    d = case.dates["ref"]
    return {"/Title": case.s["title"], "/Author": case.answers["r_name"].text or "", "/Producer": producer,
            "/Creator": creator, "/CreationDate": pdf_date(d, 9, 12), "/ModDate": pdf_date(d, 9 + case.n % 7, 40)}


# ---------------------------------------------------------------------------------------------------------------
# P-STRIKEANNOT

def p_strikeannot(case, rng, path: Path):
    flow = Flow()
    strikes = []
    title_block(flow, case)
    flow.text(flow.left, flow.y, "Where options are printed, delete the ones that do not apply.", "Helvetica-Bold", 8.5)
    flow.y -= 14
    sep = rng.choice([" / ", "  /  ", " | "])

    def choice_h(it):
        return len(it["ans"].options) * LEAD if it["key"] == "i_type" else LEAD

    def choice_draw(fl, it, x, y, w):
        a = it["ans"]
        if it["key"] == "i_type":
            for i, o in enumerate(a.options):
                fl.text(x, y - i * LEAD, o, "Helvetica", 9)
                if a.chosen is not None and i != a.chosen:
                    strikes.append((fl.page, x, y - i * LEAD, stringWidth(o, "Helvetica", 9)))
            return
        xx = x
        for i, o in enumerate(a.options):
            if i:
                fl.text(xx, y, sep, "Helvetica", 9)
                xx += stringWidth(sep, "Helvetica", 9)
            fl.text(xx, y, o, "Helvetica", 9)
            ow = stringWidth(o, "Helvetica", 9)
            if a.chosen is not None and i != a.chosen:
                strikes.append((fl.page, xx, y, ow))
            xx += ow
        fl.text(xx + 8, y, "(delete as appropriate)", "Helvetica-Oblique", 7, (0.45, 0.45, 0.45))

    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        section_bar(flow, sec["title"])
        if sec["kind"] == "agencies":
            agencies_grid(flow, sec, rng)
        else:
            grid_rows(flow, sec["items"], lw=185, choice_h=choice_h, choice_draw=choice_draw)
        flow.y -= 4
    flow.render(path, meta(case, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"), std_furniture(case))
    author = case.answers["r_name"].text or "User"
    tool = rng.choice(["Adobe Acrobat Reader (64-bit) 24.4", "Microsoft Edge"])

    def edit(writer):
        from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                                   StreamObject, TextStringObject)
        d = case.dates["ref"]
        for k, (pg, x, y, w) in enumerate(strikes):
            page = writer.pages[pg]
            x1, y1, x2, y2 = x - 0.5, y - 2.5, x + w + 0.5, y + 8.5
            ym = y + 2.9
            ap = StreamObject()
            ap.set_data(f"0.86 0.08 0.08 RG 0.9 w {x1:.2f} {ym:.2f} m {x2:.2f} {ym:.2f} l S".encode())
            ap.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                       NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (x1, y1, x2, y2)])})
            apref = writer._add_object(ap)
            annot = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/StrikeOut"),
                NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x1, y1, x2, y2)]),
                NameObject("/QuadPoints"): ArrayObject([FloatObject(v) for v in (x1, y2, x2, y2, x1, y1, x2, y1)]),
                NameObject("/C"): ArrayObject([FloatObject(0.86), FloatObject(0.08), FloatObject(0.08)]),
                NameObject("/F"): NumberObject(4), NameObject("/T"): TextStringObject(author),
                NameObject("/Subj"): TextStringObject("Cross-Out"),
                NameObject("/NM"): TextStringObject(f"strike-{case.n:03d}-{k:03d}"),
                NameObject("/M"): TextStringObject(pdf_date(d, 9 + k % 3, (k * 7) % 60)),
                NameObject("/CreationDate"): TextStringObject(pdf_date(d, 9 + k % 3, (k * 7) % 60)),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): apref}),
                NameObject("/P"): page.indirect_reference,
            })
            ref = writer._add_object(annot)
            if "/Annots" not in page:
                page[NameObject("/Annots")] = ArrayObject()
            page["/Annots"].append(ref)

    finish_with_pypdf(path, pypdf_meta(case, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"), edit)
    return {"strikeouts": len(strikes), "markup_tool": tool, "separator": sep.strip()}


# ---------------------------------------------------------------------------------------------------------------
# P-BOLDCHOICE

def p_boldchoice(case, rng, path: Path):
    flow = Flow()
    title_block(flow, case)
    flow.text(flow.left, flow.y, "Where a question offers options, every option is printed and the option selected is shown in bold.",
              "Helvetica", 8)
    flow.y -= 14
    gap = rng.choice([14, 18, 24])

    def choice_h(it):
        return len(it["ans"].options) * LEAD if it["key"] == "i_type" else LEAD

    def choice_draw(fl, it, x, y, w):
        a = it["ans"]
        if it["key"] == "i_type":
            for i, o in enumerate(a.options):
                fl.text(x, y - i * LEAD, o, "Helvetica-Bold" if i == a.chosen else "Helvetica", 9)
            return
        xx = x
        for i, o in enumerate(a.options):
            f = "Helvetica-Bold" if i == a.chosen else "Helvetica"
            fl.text(xx, y, o, f, 9)
            xx += stringWidth(o, f, 9) + gap

    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        flow.need(40)
        flow.text(flow.left, flow.y - 10, sec["title"], "Helvetica-Bold", 11)
        flow.line(flow.left, flow.y - 14, flow.right, flow.y - 14, (0, 0, 0), 0.8)
        flow.y -= 20
        if sec["kind"] == "agencies":
            agencies_grid(flow, sec, rng, hdr_fill=None)
        else:
            grid_rows(flow, sec["items"], lw=200, choice_h=choice_h, choice_draw=choice_draw, label_fill=None)
        flow.y -= 6
    flow.render(path, meta(case, "Apache FOP Version 2.9", "Referral e-form print service (XSL-FO)"),
                std_furniture(case, "  - printed from the e-form service"))
    return {"option_gap_pt": gap}


# ---------------------------------------------------------------------------------------------------------------
# P-LISTBOXES

def p_listboxes(case, rng, path: Path):
    A = case.answers
    # Criteria are one multi-select list box: a statement is true if selected, otherwise not stated.
    crit = ["k_died", "k_abuse", "k_local", "k_learning"]
    for k in crit:
        if A[k].chosen == 2:
            case.notes["third_option"] -= 1
        if A[k].value is not True:
            A[k].chosen, A[k].value = None, None
    flow = Flow()
    widgets = []
    names: dict[str, int] = {}

    def fname(label):
        base = "".join(ch for ch in label if ch.isalnum() or ch in " /-'()").strip()[:48]
        names[base] = names.get(base, 0) + 1
        return base if names[base] == 1 else f"{base}_{names[base]}"

    title_block(flow, case)
    flow.text(flow.left, flow.y, "Fill in the boxes; in each list click the answer that applies.", "Helvetica-Bold", 8.5)
    flow.y -= 14
    lw = 175

    def choice_h(it):
        return len(it["ans"].options) * 12 + 4

    def choice_draw(fl, it, x, y, w):
        a = it["ans"]
        h = len(a.options) * 12 + 4
        bw = min(w, max(stringWidth(o, "Helvetica", 9) for o in a.options) + 30)
        fl.rect(x - 1, y + 9 - h, bw, h, stroke=(0.45, 0.45, 0.6))
        widgets.append(dict(page=fl.page, rect=(x - 1, y + 9 - h, x - 1 + bw, y + 9), kind="list", name=fname(it["label"]),
                            tu=it["label"], options=a.options, selected=[a.chosen] if a.chosen is not None else []))

    def text_draw(fl, it, x, top, w, h, chunk):
        a = it["ans"]
        multi = it["kind"] in ("lines", "paras", "long")
        fl.rect(x + 2, top - h + 2, w - 4, h - 4, fill=(0.92, 0.95, 1.0), stroke=(0.6, 0.65, 0.8))
        val = None
        if a.kind in ("text", "date", "filler"):
            val = a.text
        elif a.kind == "lines":
            val = "\r".join(a.lines)
        elif a.kind == "paras":
            val = "\r\r".join(a.paras)
        widgets.append(dict(page=fl.page, rect=(x + 2, top - h + 2, x + w - 2, top - 2), kind="text", name=fname(it["label"]),
                            tu=it["label"], value=val, lines=chunk, multi=multi))

    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        section_bar(flow, sec["title"], fill=(0.25, 0.25, 0.45))
        if sec["kind"] == "agencies":
            cols = sec["cols"]
            w = flow.width / 3
            flow.need(18)
            for i, (_, h) in enumerate(cols):
                flow.text(flow.left + i * w + 3, flow.y - 10, h, "Helvetica-Bold", 8.5)
            flow.y -= 14
            for rn, r in enumerate(list(sec["rows"]) + [None, None], start=1):
                cells = [agency_cell(r, k, "") if r else "" for k, _ in cols]
                lines = [wrap(c, "Helvetica", 8, w - 10) for c in cells]
                h = max(len(l) for l in lines) * 10 + 6
                flow.need(h + 2)
                for i, (k, hd) in enumerate(cols):
                    x0 = flow.left + i * w + 2
                    rect = (x0, flow.y - h, x0 + w - 4, flow.y)
                    flow.rect(x0, flow.y - h, w - 4, h, fill=(0.92, 0.95, 1.0), stroke=(0.6, 0.65, 0.8))
                    widgets.append(dict(page=flow.page, rect=rect, kind="text", name=f"{hd}Row{rn}", tu=f"{sec['title']} - row {rn} - {hd}",
                                        value=cells[i] or None, lines=lines[i], multi=len(lines[i]) > 1, size=8))
                flow.y -= h + 3
            flow.y -= 6
            continue
        items = sec["items"]
        if sec["key"] == "criteria":
            sel = [i for i, k in enumerate(crit) if A[k].chosen == 0]
            opts = [it["label"] for it in items[:4]]
            h = len(opts) * 12 + 4
            lab = wrap("Which of these apply? (select all that apply)", "Helvetica-Bold", 8.5, lw - 8)
            flow.need(h + 8)
            top = flow.y
            flow.rect(flow.left, top - h - 6, lw, h + 6, fill=(0.93, 0.93, 0.93))
            for i, l in enumerate(lab):
                flow.text(flow.left + 4, top - 10 - i * LEAD, l, "Helvetica-Bold", 8.5)
            x = flow.left + lw + 4
            bw = flow.width - lw - 8
            flow.rect(x - 1, top - 3 - h, bw, h, stroke=(0.45, 0.45, 0.6))
            widgets.append(dict(page=flow.page, rect=(x - 1, top - 3 - h, x - 1 + bw, top - 3), kind="list", multi=True,
                                name=fname("Criteria"), tu="Which of these apply? (select all that apply)", options=opts, selected=sel))
            flow.y -= h + 8
            items = items[4:]
        grid_rows(flow, items, lw=lw, choice_h=choice_h, choice_draw=choice_draw, text_draw=text_draw)
        flow.y -= 4
    producer, creator = "Adobe Acrobat Pro (64-bit) 24.2.20759", "Adobe Acrobat Pro (64-bit) 24.2.20759"
    flow.render(path, meta(case, producer, creator), std_furniture(case))

    def edit(writer):
        from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                                   StreamObject, TextStringObject)
        font = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
        res = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): font})})
        fields = ArrayObject()
        for wd in widgets:
            x1, y1, x2, y2 = wd["rect"]
            w, h = x2 - x1, y2 - y1
            size = wd.get("size", 9)
            if wd["kind"] == "text":
                ops = ["/Tx BMC", "q", f"1 1 {w - 2:.2f} {h - 2:.2f} re W n", "BT", f"/Helv {size} Tf 0 g"]
                lines = wd["lines"] if wd["value"] else []
                for i, l in enumerate(lines):
                    ops.append(f"1 0 0 1 3 {h - 9 - i * (size + 1.5):.2f} Tm {pdf_str(l)} Tj")
                ops += ["ET", "Q", "EMC"]
            else:
                ops = ["/Tx BMC", "q", "1 g", f"0 0 {w:.2f} {h:.2f} re f"]
                for i in wd["selected"]:
                    ops.append(f"0.6 0.75 0.88 rg 1 {h - 2 - (i + 1) * 12:.2f} {w - 2:.2f} 12 re f")
                ops += ["BT", "/Helv 9 Tf 0 g"]
                for i, o in enumerate(wd["options"]):
                    ops.append(f"1 0 0 1 3 {h - 11 - i * 12:.2f} Tm {pdf_str(o)} Tj")
                ops += ["ET", "Q", "EMC"]
            ap = StreamObject()
            ap.set_data("\n".join(ops).encode("latin-1"))
            ap.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                       NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)]),
                       NameObject("/Resources"): res})
            page = writer.pages[wd["page"]]
            d = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/T"): TextStringObject(wd["name"]), NameObject("/TU"): TextStringObject(wd["tu"]),
                NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x1, y1, x2, y2)]),
                NameObject("/F"): NumberObject(4), NameObject("/P"): page.indirect_reference,
                NameObject("/DA"): TextStringObject(f"/Helv {size} Tf 0 g"),
                NameObject("/MK"): DictionaryObject({NameObject("/BC"): ArrayObject([FloatObject(0.6), FloatObject(0.65), FloatObject(0.8)])}),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(ap)}),
            })
            if wd["kind"] == "text":
                d[NameObject("/FT")] = NameObject("/Tx")
                if wd["multi"]:
                    d[NameObject("/Ff")] = NumberObject(4096)
                if wd["value"]:
                    d[NameObject("/V")] = TextStringObject(wd["value"])
            else:
                d[NameObject("/FT")] = NameObject("/Ch")
                d[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in wd["options"]])
                d[NameObject("/Ff")] = NumberObject(2097152 if wd.get("multi") else 0)
                sel = wd["selected"]
                if sel:
                    if wd.get("multi"):
                        d[NameObject("/V")] = ArrayObject([TextStringObject(wd["options"][i]) for i in sel])
                    else:
                        d[NameObject("/V")] = TextStringObject(wd["options"][sel[0]])
                    d[NameObject("/I")] = ArrayObject([NumberObject(i) for i in sel])
                d[NameObject("/TI")] = NumberObject(0)
            ref = writer._add_object(d)
            if "/Annots" not in page:
                page[NameObject("/Annots")] = ArrayObject()
            page["/Annots"].append(ref)
            fields.append(ref)
        writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
            NameObject("/Fields"): fields, NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
            NameObject("/DR"): res}))

    finish_with_pypdf(path, pypdf_meta(case, producer, creator), edit)
    return {"fields": len(widgets), "list_boxes": sum(1 for w in widgets if w["kind"] == "list"),
            "criteria_selected": sum(1 for k in crit if A[k].chosen == 0)}


# ---------------------------------------------------------------------------------------------------------------
# P-WEBFORMPAGE

def p_webformpage(case, rng, path: Path):
    s = case.s
    flow = Flow(top=PAGE_H - 50, bottom=48, left=56, right=PAGE_W - 56)
    blue = (0.11, 0.44, 0.73)
    d = case.dates["ref"]
    printed = f"{d.day:02d}/{d.month:02d}/{d.year}, {10 + case.n % 7}:{(case.n * 11) % 60:02d}"
    url = f"https://forms.{s['domain']}/safeguarding/review-referral?step=all"
    flow.rect(flow.left - 8, flow.y - 30, flow.width + 16, 34, fill=(0.05, 0.05, 0.05), stroke=None)
    flow.text(flow.left, flow.y - 18, s["agency"] + "  |  " + s["title"], "Helvetica-Bold", 10, (1, 1, 1))
    flow.y -= 48
    flow.text(flow.left, flow.y, s["title"], "Helvetica-Bold", 17)
    flow.y -= 18
    ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    for l in wrap(guidance(case, ex), "Helvetica", 8.5, flow.width):
        flow.text(flow.left, flow.y, l, "Helvetica", 8.5)
        flow.y -= 11
    flow.y -= 8
    counts = {"date_inputs": 0, "textareas": 0}

    def hint(it):
        if it["kind"] == "date":
            return "For example, 27 3 2007"
        if it["key"] in ("r_phone", "l_phone"):
            return "For international numbers include the country code"
        if it["key"] in ("r_email", "l_email"):
            return "We will only use this to contact you about this referral"
        if it["kind"] == "lines":
            return "Include the postcode if you know it"
        return None

    def field(it):
        a = it["ans"]
        lab = wrap(it["label"], "Helvetica-Bold", 9.5, flow.width)
        h_hint = hint(it)
        est = len(lab) * 12 + (11 if h_hint else 0) + 28
        if it["kind"] == "choice":
            est = len(lab) * 12 + (len(a.options) * 15 if it["key"] == "i_type" else 18) + 10
        flow.need(min(est, 200))
        for l in lab:
            flow.text(flow.left, flow.y - 9, l, "Helvetica-Bold", 9.5)
            flow.y -= 12
        if h_hint:
            flow.text(flow.left, flow.y - 8, h_hint, "Helvetica", 8, (0.38, 0.38, 0.38))
            flow.y -= 11
        flow.y -= 3
        if it["kind"] == "choice":
            if it["key"] == "i_type":
                for i, o in enumerate(a.options):
                    flow.need(16)
                    flow.circle(flow.left + 7, flow.y - 7, 6, fill=False, lw=1.2)
                    if i == a.chosen:
                        flow.circle(flow.left + 7, flow.y - 7, 3, fill=True)
                    flow.text(flow.left + 18, flow.y - 10, o, "Helvetica", 9)
                    flow.y -= 15
            else:
                x = flow.left
                for i, o in enumerate(a.options):
                    flow.circle(x + 7, flow.y - 7, 6, fill=False, lw=1.2)
                    if i == a.chosen:
                        flow.circle(x + 7, flow.y - 7, 3, fill=True)
                    flow.text(x + 18, flow.y - 10, o, "Helvetica", 9)
                    x += 18 + stringWidth(o, "Helvetica", 9) + 22
                flow.y -= 16
            flow.y -= 8
            return
        if it["kind"] == "date" and a.kind == "date":
            counts["date_inputs"] += 1
            dd = dt.date.fromisoformat(a.value)
            pad = rng.random() < 0.25
            vals = [f"{dd.day:02d}" if pad else str(dd.day), f"{dd.month:02d}" if pad else str(dd.month), str(dd.year)]
            x = flow.left
            for cap, v, w in zip(("Day", "Month", "Year"), vals, (34, 34, 52)):
                flow.text(x, flow.y - 8, cap, "Helvetica", 8.5)
                flow.rect(x, flow.y - 30, w, 19, stroke=(0.04, 0.05, 0.05), lw=1.5)
                flow.text(x + 5, flow.y - 24, v, "Helvetica", 10)
                x += w + 12
            flow.y -= 40
            return
        if it["kind"] == "date":
            counts["date_inputs"] += 1
            x = flow.left
            for cap, w in zip(("Day", "Month", "Year"), (34, 34, 52)):
                flow.text(x, flow.y - 8, cap, "Helvetica", 8.5)
                flow.rect(x, flow.y - 30, w, 19, stroke=(0.04, 0.05, 0.05), lw=1.5)
                x += w + 12
            flow.y -= 40
            return
        area = it["kind"] in ("lines", "paras", "long")
        lines = answer_lines(it, flow.width - 14, "Helvetica", 9.5)
        if area:
            counts["textareas"] += 1
            rows_shown = max(len(lines), 3)
            first = True
            while lines or first:
                room = int((flow.y - flow.bottom - 24) // 12)
                chunk = lines[:max(room, 1)] if len(lines) > room else lines
                h = max(len(chunk), 3 if first else 1) * 12 + 8
                if h > flow.y - flow.bottom:
                    flow.new_page()
                    continue
                flow.rect(flow.left, flow.y - h, flow.width, h, stroke=(0.04, 0.05, 0.05), lw=1.5)
                for i, l in enumerate(chunk):
                    flow.text(flow.left + 5, flow.y - 13 - i * 12, l, "Helvetica", 9.5)
                flow.y -= h + 2
                lines = lines[len(chunk):]
                first = False
                if lines:
                    flow.new_page()
            limit = 5000 if it["kind"] == "paras" else 1200 if it["kind"] == "long" else 300
            used = len(a.shown)
            flow.text(flow.left, flow.y - 9, f"You have {limit - used} characters remaining", "Helvetica", 8, (0.38, 0.38, 0.38))
            flow.y -= 20
            _ = rows_shown
            return
        txt = lines[0] if len(lines) == 1 else " ".join(lines)
        w = max(160, min(flow.width, stringWidth(txt, "Helvetica", 9.5) + 16))
        if stringWidth(txt, "Helvetica", 9.5) + 16 > flow.width:
            for i, l in enumerate(lines):
                flow.text(flow.left + 5, flow.y - 14 - i * 12, l, "Helvetica", 9.5)
            h = len(lines) * 12 + 8
        else:
            flow.text(flow.left + 5, flow.y - 14, txt, "Helvetica", 9.5)
            h = 20
        flow.rect(flow.left, flow.y - h, w, h, stroke=(0.04, 0.05, 0.05), lw=1.5)
        flow.y -= h + 12

    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        flow.need(60)
        title = sec["title"]
        if sec["key"] == "child":
            title = f"Child {sec['index'] + 1}"
        flow.text(flow.left, flow.y - 14, title, "Helvetica-Bold", 13)
        flow.y -= 24
        if sec["kind"] == "agencies":
            flow.text(flow.left, flow.y - 8, sec["title"], "Helvetica", 9, (0.38, 0.38, 0.38))
            flow.y -= 16
            for n, r in enumerate(sec["rows"], start=1):
                flow.need(40)
                flow.text(flow.left, flow.y - 10, f"Agency {n}", "Helvetica-Bold", 10.5)
                flow.y -= 18
                for k, hd in sec["cols"]:
                    v = agency_cell(r, k, "")
                    field(dict(key="agency", label=hd, kind="text", ans=_mk(v)))
            flow.need(30)
            flow.rect(flow.left, flow.y - 22, 150, 22, fill=(0.95, 0.95, 0.95), stroke=(0.6, 0.6, 0.6))
            flow.text(flow.left + 10, flow.y - 15, "Add another agency", "Helvetica", 9.5)
            flow.y -= 34
            continue
        for it in sec["items"]:
            field(it)
        if sec["key"] == "child" and sec["index"] == len(case.children) - 1:
            flow.need(30)
            flow.rect(flow.left, flow.y - 22, 150, 22, fill=(0.95, 0.95, 0.95), stroke=(0.6, 0.6, 0.6))
            flow.text(flow.left + 10, flow.y - 15, "Add another child", "Helvetica", 9.5)
            flow.y -= 34
    flow.need(40)
    flow.rect(flow.left, flow.y - 26, 130, 26, fill=(0.0, 0.44, 0.24), stroke=None)
    flow.text(flow.left + 12, flow.y - 17, "Submit referral", "Helvetica-Bold", 11, (1, 1, 1))
    flow.text(flow.left + 150, flow.y - 17, "Save as draft", "Helvetica", 10, blue)
    page_title = s["title"] + " - " + s["agency"]

    def furniture(c, i, n):
        c.setFont("Helvetica", 7.5)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.drawString(24, PAGE_H - 20, printed)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 20, page_title[:90])
        c.drawString(24, 16, url)
        c.drawRightString(PAGE_W - 24, 16, f"{i + 1}/{n}")

    flow.render(path, meta(case, "Skia/PDF m130", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                           "Chrome/130.0.0.0 Safari/537.36"), furniture)
    return dict(counts, print_datetime=printed)


def _mk(v):
    from model import Ans
    return Ans("text", text=v) if v else Ans("none")


# ---------------------------------------------------------------------------------------------------------------
# P-NOTEREFS

def p_noterefs(case, rng, path: Path):
    s = case.s
    flow = Flow(left=40, right=PAGE_W - 40)
    notes_n = [0]
    maxw = 150
    d = case.dates["ref"]
    run_at = f"{d.day:02d}/{d.month:02d}/{d.year} {8 + case.n % 9:02d}:{(case.n * 13) % 60:02d}:{(case.n * 29) % 60:02d}"
    note_word = rng.choice(["See note", "See Note", "Refer to note"])
    flow.text(flow.left, flow.y, s["title"], "Helvetica-Bold", 13)
    flow.y -= 15
    flow.text(flow.left, flow.y, s["org"][:120], "Helvetica", 8.5)
    flow.y -= 12
    ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    for l in wrap(guidance(case, ex), "Helvetica", 7.5, flow.width):
        flow.text(flow.left, flow.y, l, "Helvetica", 7.5, (0.3, 0.3, 0.3))
        flow.y -= 9
    flow.y -= 6
    lw, vw = 105, (flow.width - 2 * 105) / 2

    def value_of(it):
        a = it["ans"]
        if a.kind == "lines":
            full = ", ".join(a.lines)
        elif a.kind == "paras":
            return None, a.paras
        else:
            full = a.shown
        if stringWidth(full, "Helvetica", 8) <= vw - 8:
            return full, None
        return None, [full]

    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        flow.need(40)
        flow.rect(flow.left, flow.y - 14, flow.width, 15, fill=(0.82, 0.86, 0.9), stroke=None)
        flow.text(flow.left + 4, flow.y - 10, sec["title"].upper(), "Helvetica-Bold", 8.5)
        flow.y -= 17
        notes = []
        if sec["kind"] == "agencies":
            cols = sec["cols"]
            w = flow.width / 3
            flow.need(14)
            for i, (_, h) in enumerate(cols):
                flow.text(flow.left + i * w + 3, flow.y - 9, h, "Helvetica-Bold", 8)
            flow.line(flow.left, flow.y - 12, flow.right, flow.y - 12)
            flow.y -= 14
            if not sec["rows"]:
                flow.text(flow.left + 3, flow.y - 9, "No rows", "Helvetica-Oblique", 8)
                flow.y -= 12
            for r in sec["rows"]:
                flow.need(13)
                for i, (k, h) in enumerate(cols):
                    v = agency_cell(r, k, "")
                    if stringWidth(v, "Helvetica", 8) > w - 8:
                        notes_n[0] += 1
                        notes.append((notes_n[0], h, [v]))
                        v = f"{note_word} {notes_n[0]}"
                    flow.text(flow.left + i * w + 3, flow.y - 9, v, "Helvetica", 8)
                flow.y -= 12
        else:
            items = sec["items"]
            cells = []
            for it in items:
                short, long_ = value_of(it)
                if long_ is not None:
                    notes_n[0] += 1
                    notes.append((notes_n[0], it["label"], long_))
                    short = f"{note_word} {notes_n[0]}"
                cells.append((it["label"], short, it["key"] == "i_type"))
            for j in range(0, len(cells), 2):
                pair = cells[j:j + 2]
                labs = [wrap(p[0], "Helvetica-Bold", 7.5, lw - 6) for p in pair]
                h = max(len(l) for l in labs) * 9.5 + 5
                flow.need(h)
                for i, (lab, val, _) in enumerate(pair):
                    x = flow.left + i * (lw + vw)
                    flow.rect(x, flow.y - h, lw, h, fill=(0.95, 0.95, 0.95), stroke=(0.75, 0.75, 0.75), lw=0.4)
                    flow.rect(x + lw, flow.y - h, vw, h, stroke=(0.75, 0.75, 0.75), lw=0.4)
                    for k, l in enumerate(labs[i]):
                        flow.text(x + 3, flow.y - 8.5 - k * 9.5, l, "Helvetica-Bold", 7.5)
                    flow.text(x + lw + 4, flow.y - 8.5, val or "", "Helvetica", 8)
                flow.y -= h
        if notes:
            flow.y -= 4
            flow.need(20)
            flow.text(flow.left, flow.y - 8, "Notes", "Helvetica-Bold", 8)
            flow.y -= 11
            for num, lab, paras in notes:
                head = f"{num}. {lab}:"
                flow.need(22)
                flow.text(flow.left + 4, flow.y - 8, head, "Helvetica-Bold", 7.5)
                flow.y -= 10
                for pi, p in enumerate(paras):
                    if pi:
                        flow.y -= 5
                    for l in wrap(p, "Helvetica", 8, flow.width - 20):
                        flow.need(10)
                        flow.text(flow.left + 14, flow.y - 8, l, "Helvetica", 8)
                        flow.y -= 10
                flow.y -= 2
        flow.y -= 8

    def furniture(c, i, n):
        c.setFont("Helvetica", 7)
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.drawString(40, PAGE_H - 28, f"{s['agency']} - {s['form_ref']} referral report")
        c.drawRightString(PAGE_W - 40, PAGE_H - 28, f"Report run: {run_at}")
        c.setFillColorRGB(0.7, 0, 0)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 40, s["marking"])
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.drawString(40, 26, f"{s['form_ref']}.rdl")
        c.drawRightString(PAGE_W - 40, 26, f"Page {i + 1} of {n}")

    flow.render(path, meta(case, "Microsoft Reporting Services PDF Rendering Extension 15.0.0.0",
                           "Microsoft Reporting Services 15.0.0.0"), furniture)
    return {"notes": notes_n[0], "note_word": note_word, "report_run": run_at}


LAYOUTS = {"P-STRIKEANNOT": p_strikeannot, "P-LISTBOXES": p_listboxes, "P-BOLDCHOICE": p_boldchoice,
           "P-WEBFORMPAGE": p_webformpage, "P-NOTEREFS": p_noterefs}
