"""The five PDF layouts of unseen26 (see README.md, 'Layouts')."""

from __future__ import annotations

import datetime as dt
import io
import math
import re

from common import (agency_cols, agency_fields, agency_rows, answer_text, child_items, footer_text, guidance_text,
                    items, label_with_hint, other_sep, present_sections, section_title)
from model import YESNO_KEYS, fmt_date
from pdfkit import (DEJAVU, Sheet, answer_lines, finalize, hex2rgb, new_canvas, pdf_date, register_fonts, wrap)
from render_docx import example_values

A4 = (595.28, 841.89)
A4L = (841.89, 595.28)
A3L = (1190.55, 841.89)


def colours(rng):
    return rng.choice([("1F3864", "E7ECF4"), ("2E5E4E", "E6F0E8"), ("5B2C6F", "F0EAF5"), ("7A3B12", "FBEDE3"),
                       ("0B4F6C", "E1F0F6"), ("3A3A3A", "EEEEEE")])


def furniture(case, c, x0, w, ph, page, top_margin=28, color="C00000"):
    s = case.s
    c.setFont("Helvetica-Bold", 8)
    c.setFillColorRGB(*hex2rgb(color))
    c.drawString(x0, ph - top_margin, s["marking"])
    c.setFillColorRGB(0.25, 0.25, 0.25)
    c.setFont("Helvetica", 7.5)
    c.drawRightString(x0 + w, ph - top_margin, s["partnership"])
    c.drawString(x0, 24, footer_text(case))
    c.drawRightString(x0 + w, 24, f"Page {page}")
    c.setFillColorRGB(0, 0, 0)


def title_block(sh: Sheet, case, dark):
    s = case.s
    sh.text(s["form_title"], "Helvetica-Bold", 15, dark)
    sh.text(f"{s['partnership']} ({s['p_short']})", "Helvetica-Bold", 10)
    sh.text(f"Completed by: {s['org']}", "Helvetica", 8, "595959")
    sh.space(4)
    sh.text(guidance_text(case), "Helvetica-Oblique", 8.5, "404040")
    sh.space(8)


def choice_glyph_line(fv, on="☒", off="☐") -> str:
    return "   ".join(f"{on if fv.chosen == i else off} {o}" for i, o in enumerate(fv.options))


def kv_section(sh: Sheet, case, pairs, lw, light, sep, hints=True, afont="Helvetica", glyphs=False, asize=9.5,
               acolor="000000"):
    for key, label, fv in pairs:
        lab = label_with_hint(case, key, label, hints)
        if glyphs and fv.kind == "choice":
            if key == "inc.type":
                lines = []
                for i, o in enumerate(fv.options):
                    t = f"{'☒' if fv.chosen == i else '☐'} {o}"
                    if fv.chosen == i and fv.details:
                        t += f"{sep}{fv.details}"
                    lines.extend(wrap(t, "DV", asize, sh.w - lw - 8))
            else:
                lines = wrap(choice_glyph_line(fv), "DV", asize, sh.w - lw - 8)
            sh.kv(lab, lines, lw, light, afont="DV", asize=asize, acolor=acolor)
            continue
        full = fv.kind == "paras" or key in ("crit.reason", "concerns")
        width = (sh.w if full else sh.w - lw) - 8
        sh.kv(lab, answer_lines(fv, afont, asize, width, sep), lw, light, afont=afont, asize=asize, full=full,
              acolor=acolor)


def agencies_grid(sh: Sheet, case, light, size=8.5):
    cols = agency_cols(case)
    w = sh.w
    widths = [w * 0.3, w * 0.4, w * 0.3]
    rows = [list(r) for r in agency_rows(case)] + [["", "", ""]]
    sh.grid(cols, rows, widths, head_fill=light, size=size)


# ==================================================================================== P-CROPPED
def render_cropped(case, path, rng) -> dict:
    register_fonts()
    s = case.s
    dark, light = colours(rng)
    sep = other_sep(rng)
    buf = io.BytesIO()
    W, H = A3L
    half = W / 2
    c = new_canvas(buf, A3L, s["form_title"], s["partnership"], creator="Adobe InDesign 19.2 (Windows)")
    exv = example_values(case, rng)
    notes_state = {"y": H - 60}
    m = 36

    def on_page(sh):
        furniture(case, c, half + m, half - 2 * m, H, sh.page)
        # the notes panel (left half of the spread)
        c.setFillColorRGB(*hex2rgb(light))
        c.rect(0, 0, half, H, stroke=0, fill=1)
        c.setFillColorRGB(*hex2rgb(dark))
        c.setFont("Helvetica-Bold", 12)
        c.drawString(m, H - 46, "Notes for completion")
        c.setFont("Helvetica", 7.5)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.drawString(m, 24, f"{footer_text(case)} - notes page {sh.page}")
        c.setFillColorRGB(0, 0, 0)
        notes_state["y"] = H - 64

    sh = Sheet(c, W, H, half + m, half - 2 * m, H - 44, 46, on_page)

    def notes(section, y, pairs):
        ny = min(y, notes_state["y"])
        txt = [f"{s['sections'][section] if section in s['sections'] and s['sections'][section] else section}"]
        body = []
        for key, label, _ in pairs:
            ex = exv.get(key)
            if ex:
                body.append(f"{label}: e.g. {ex.splitlines()[0]}")
        c.setFont("Helvetica-Bold", 8.5)
        c.setFillColorRGB(*hex2rgb(dark))
        c.drawString(m, ny - 9, txt[0])
        ny -= 13
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.setFont("Helvetica", 7.5)
        for line in body:
            for wl in wrap(line, "Helvetica", 7.5, half - 2 * m):
                if ny < 50:
                    break
                c.drawString(m + 6, ny - 7.5, wl)
                ny -= 9.5
        notes_state["y"] = ny - 6

    title_block(sh, case, dark)
    notes("Introduction", sh.y, [])
    lw = (half - 2 * m) * 0.38
    glyphs = rng.random() < 0.5
    for sec in present_sections(case):
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                sh.bar(section_title(case, "child", j + 1, n), dark)
                pairs = child_items(case, j)
                if j == 0:
                    notes("child", sh.y + 20, pairs)
                kv_section(sh, case, pairs, lw, light, sep, hints=not glyphs, glyphs=glyphs)
                sh.space(6)
            continue
        if sec == "agencies":
            sh.bar(s["labels"]["agencies"], dark)
            notes("agencies", sh.y + 20, [])
            agencies_grid(sh, case, light)
        elif sec == "decoys":
            sh.bar(s["sections"]["decoys"], dark)
            for label, v in case.decoys:
                sh.kv(label, [v], lw, light)
        else:
            sh.bar(section_title(case, sec), dark)
            pairs = items(case, sec)
            notes(sec, sh.y + 20, pairs)
            kv_section(sh, case, pairs, lw, light, sep, hints=not glyphs, glyphs=glyphs)
        sh.space(8)
    c.showPage()
    c.save()
    pages = sh.page

    def modify(writer):
        from pypdf.generic import RectangleObject
        for p in writer.pages:
            p.cropbox = RectangleObject([half, 0, W, H])

    finalize(buf.getvalue(), path, f"u26-cropped-{path}", "Adobe Acrobat Pro (64-bit) 24.1.20643",
             "Adobe InDesign 19.2 (Windows)", s["form_title"], s["org_short"],
             created=pdf_date(case.dates["ref"], 10, 4), modify=modify)
    return {"mediabox": "A3 landscape (1190.55 x 841.89)", "cropbox": "right half (A4 portrait)",
            "pages": pages, "choice_style": "glyphs" if glyphs else "words"}


# ==================================================================================== P-PEOPLEMATRIX
def render_peoplematrix(case, path, rng) -> dict:
    register_fonts()
    s = case.s
    f = case.fields
    dark, light = colours(rng)
    sep = other_sep(rng)
    n = len(case.children)
    ncols = 2 + n
    size = A4L if ncols >= 4 else A4
    W, H = size
    m = 36
    buf = io.BytesIO()
    c = new_canvas(buf, size, s["form_title"], s["org_short"], creator="Microsoft® Word for Microsoft 365")
    sh = Sheet(c, W, H, m, W - 2 * m, H - 44, 44, lambda sh_: furniture(case, c, m, W - 2 * m, H, sh_.page))
    title_block(sh, case, dark)
    lw = sh.w * 0.34
    if "date_of_referral" in f:
        sh.kv(s["labels"]["date_of_referral"], answer_lines(f["date_of_referral"], "Helvetica", 9.5, sh.w - lw),
              lw, light)
        sh.space(6)
    sh.bar(rng.choice(["People", "Who is involved", "People in this referral"]), dark)
    sh.text("One column per person. Grey cells do not apply.", "Helvetica-Oblique", 8, "595959")
    heads = [s["labels"]["ref.name"], s["labels"]["lead.name"]] + [f"Child {j + 1}" for j in range(n)]
    first_w = sh.w * (0.24 if ncols <= 3 else 0.2)
    cw = (sh.w - first_w) / ncols
    widths = [first_w] + [cw] * ncols
    GREY = "BFBFBF"
    rows, fills = [], []
    adult = [("Name", "ref.name", "lead.name"), ("Job title / role", "ref.role", "lead.role"),
             ("Organisation / service", "ref.agency", "lead.agency"), ("Email", "ref.email", "lead.email"),
             ("Telephone", "ref.phone", "lead.phone")]
    for lab, rk, lk in adult:
        rows.append([lab, answer_text(f[rk]), answer_text(f[lk])] + [""] * n)
        fills.append([None, None, None] + [GREY] * n)
    rows.append([label_with_hint(case, "lead.discussed", s["labels"]["lead.discussed"], True), "",
                 answer_text(f["lead.discussed"])] + [""] * n)
    fills.append([None, GREY, None] + [GREY] * n)
    per_child = [child_items(case, j) for j in range(n)]
    for r_i, (key, label, _) in enumerate(per_child[0]):
        vals = []
        for j in range(n):
            fv = per_child[j][r_i][2]
            vals.append("\n".join(fv.display) if (fv.kind == "lines" and fv.display and fv.filler is None)
                        else answer_text(fv, sep))
        rows.append([label_with_hint(case, key, label, True), "", ""] + vals)
        fills.append([None, GREY, GREY] + [None] * n)
    sh.grid([""] + heads, rows, widths, head_fill=light, size=8 if ncols >= 4 else 8.5, fills=fills)
    sh.space(10)
    for sec in present_sections(case):
        if sec in ("ref", "lead", "child"):
            continue
        if sec == "agencies":
            sh.bar(s["labels"]["agencies"], dark)
            agencies_grid(sh, case, light)
        elif sec == "decoys":
            sh.bar(s["sections"]["decoys"], dark)
            for label, v in case.decoys:
                sh.kv(label, [v], lw, light)
        else:
            sh.bar(section_title(case, sec), dark)
            kv_section(sh, case, items(case, sec), lw, light, sep)
        sh.space(8)
    c.showPage()
    c.save()
    finalize(buf.getvalue(), path, f"u26-matrix-{path}", "Microsoft® Word for Microsoft 365",
             "Microsoft® Word for Microsoft 365", s["form_title"], f["ref.name"].truth or "",
             created=pdf_date(case.dates["ref"], 11, 20))
    return {"orientation": "landscape" if size == A4L else "portrait", "person_columns": ncols}


# ==================================================================================== P-COPIEDFIELDS
def _pdf_str(t: str) -> str:
    b = t.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + b.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _name(t: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_") or "Opt"


TOP_NAMES = {"date_of_referral": "ReferralDate", "ref.name": "RefName", "ref.role": "RefRole",
             "ref.agency": "RefOrg", "ref.email": "RefEmail", "ref.phone": "RefPhone", "lead.name": "LeadName",
             "lead.role": "LeadRole", "lead.agency": "LeadOrg", "lead.email": "LeadEmail", "lead.phone": "LeadPhone",
             "lead.discussed": "LeadAgreed", "inc.date": "IncDate", "inc.date_la_aware": "LAAware",
             "inc.location": "IncPlace", "inc.type": "IncType", "inc.summary": "IncSummary", "inc.police": "Police",
             "crit.died": "Crit1", "crit.abuse": "Crit2", "crit.local": "Crit3", "crit.learning": "Crit4",
             "crit.reason": "CritReason", "panel": "PanelYN", "panel_date": "PanelDate", "concerns": "Concerns"}
CHILD_NAMES = {"c.name": "ChildName", "c.first": "ChildFirst", "c.last": "ChildSurname", "c.other_names": "ChildAKA",
               "c.dob": "ChildDOB", "c.age": "ChildAge", "c.gender": "ChildSex", "c.ethnicity": "ChildEthnicity",
               "c.address": "ChildAddress", "c.school": "ChildSchool", "c.gp": "ChildGP",
               "c.legal_status": "ChildLegal", "c.cp_plan": "ChildCP", "c.open_to_csc": "ChildCSC",
               "c.looked_after": "ChildLAC", "c.disability": "ChildNeeds", "c.date_of_death": "ChildDOD",
               "cdecoy": "ChildPrevAddress"}


def _field_value(fv, sep=" - "):
    """(kind, value) of an AcroForm field for an answer."""
    if fv.kind == "choice":
        return "choice", fv.chosen
    if fv.filler is not None:
        return "text", fv.filler
    if fv.kind == "lines":
        return "text", "\r".join(fv.display or [])
    if fv.kind == "paras":
        return "text", "\r\r".join(fv.display or [])
    return "text", fv.text()


def render_copiedfields(case, path, rng) -> dict:
    register_fonts()
    s = case.s
    f = case.fields
    dark, light = colours(rng)
    W, H = A4
    m = 40
    buf = io.BytesIO()
    c = new_canvas(buf, A4, s["form_title"], s["org_short"], creator="Adobe InDesign 19.2 (Windows)")
    widgets = []   # dicts: page, rect, qual (list of name parts), kind, value, opts, tu, multiline, on

    def on_page(sh_):
        furniture(case, c, m, W - 2 * m, H, sh_.page)

    sh = Sheet(c, W, H, m, W - 2 * m, H - 44, 44, on_page)
    title_block(sh, case, dark)
    sh.text("This form can be filled in on screen. Save it and email it to the business unit.", "Helvetica-Oblique",
            8, "595959")
    sh.space(4)
    lw = sh.w * 0.36
    bw = sh.w - lw

    def field_row(label, fv, qual, tu, multiline=False, lines=1, combo_opts=None):
        h = 17 if not multiline else max(17, 12 * lines + 8)
        sh.need(h + 4)
        llines = wrap(label, "Helvetica-Bold", 8.5, lw - 8)
        h = max(h, len(llines) * 10.5 + 6)
        c.setFillColorRGB(*hex2rgb(light))
        c.rect(sh.x0, sh.y - h, lw, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 8.5)
        yy = sh.y - 10.5
        for ln in llines:
            c.drawString(sh.x0 + 4, yy, ln)
            yy -= 10.5
        rect = (sh.x0 + lw + 3, sh.y - h + 2, sh.x0 + sh.w - 2, sh.y - 2)
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.setLineWidth(0.5)
        c.rect(sh.x0, sh.y - h, sh.w, h, stroke=1, fill=0)
        c.setFillColorRGB(0.93, 0.95, 1)
        c.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1], stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        kind, value = _field_value(fv) if fv is not None else ("text", "")
        if combo_opts is not None:
            widgets.append({"page": sh.page, "rect": rect, "qual": qual, "kind": "combo", "value": value,
                            "opts": combo_opts, "tu": tu})
        else:
            widgets.append({"page": sh.page, "rect": rect, "qual": qual, "kind": "text", "value": value or "",
                            "tu": tu, "multiline": multiline})
        sh.y -= h

    def radio_row(label, fv, qual, tu, vertical=False):
        opts = fv.options if fv is not None else []
        llines = wrap(label, "Helvetica-Bold", 8.5, lw - 8)
        per = 15
        h = max(len(llines) * 10.5 + 6, (per * len(opts) + 4) if vertical else 18)
        sh.need(h + 4)
        c.setFillColorRGB(*hex2rgb(light))
        c.rect(sh.x0, sh.y - h, lw, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 8.5)
        yy = sh.y - 10.5
        for ln in llines:
            c.drawString(sh.x0 + 4, yy, ln)
            yy -= 10.5
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.rect(sh.x0, sh.y - h, sh.w, h, stroke=1, fill=0)
        x = sh.x0 + lw + 6
        y = sh.y - 14
        kids = []
        for i, o in enumerate(opts):
            r = (x, y - 1, x + 10, y + 9)
            c.setStrokeColorRGB(0.3, 0.3, 0.3)
            c.circle(x + 5, y + 4, 5, stroke=1, fill=0)
            c.setFont("Helvetica", 8.5)
            c.drawString(x + 14, y + 1, o)
            kids.append((r, _name(o)))
            if vertical:
                y -= per
            else:
                x += 24 + c.stringWidth(o, "Helvetica", 8.5)
        chosen = None if fv is None or fv.chosen is None else _name(opts[fv.chosen])
        widgets.append({"page": sh.page, "qual": qual, "kind": "radio", "kids": kids, "value": chosen, "tu": tu})
        sh.y -= h

    def do_pairs(pairs, prefix_parts=None, copy_no=None, fill=True):
        for key, label, fv in pairs:
            base = TOP_NAMES.get(key) or CHILD_NAMES.get(key, "Field")
            qual = [base] if copy_no is None else [base, str(copy_no)]
            use = fv if fill else None
            if key in YESNO_KEYS or key == "inc.type":
                radio_row(label_with_hint(case, key, label, False), use if use else _empty_like(fv), qual, label,
                          vertical=(key == "inc.type"))
                if key == "inc.type":
                    det = fv.details if (fill and fv.details) else ""
                    from model import FV as _FV
                    field_row(s["other_label"], _FV("text", det or None, None), ["IncOtherDetails"], s["other_label"])
            elif key == "c.gender":
                gopts = [" "] + [w for w, _ in s["gender"]]
                val = " " if (use is None or use.chosen is None) else use.options[use.chosen]
                field_row(label, None, qual, label, combo_opts=gopts)
                widgets[-1]["value"] = val
            else:
                ml = fv.kind in ("lines", "paras") or key in ("crit.reason", "concerns", "inc.summary")
                nlines = 1
                if ml:
                    nlines = 4 if fv.kind == "lines" else 9
                    if key in ("crit.reason", "concerns"):
                        nlines = 4
                field_row(label, use, qual, label, multiline=ml, lines=nlines)

    n = len(case.children)
    blocks = 3 if n <= 3 else n
    copies_used = 0
    for sec in present_sections(case):
        if sec == "child":
            for j in range(blocks):
                sh.bar(f"{s['sections']['child']} - child {j + 1}", dark)
                fill = j < n
                pairs = child_items(case, j if fill else 0)
                do_pairs(pairs, copy_no=j, fill=fill)
                copies_used += 1
                sh.space(6)
            continue
        if sec == "agencies":
            sh.bar(s["labels"]["agencies"], dark)
            cols = agency_cols(case)
            bases = {"name": "AgencyName", "agency": "AgencyOrg", "contact": "AgencyContact"}
            rows = agency_rows(case)
            nrows = max(4, len(rows) + 1)
            cw = sh.w / 3
            sh.need(18)
            c.setFont("Helvetica-Bold", 8.5)
            for k, col in enumerate(cols):
                c.drawString(sh.x0 + k * cw + 3, sh.y - 11, col)
            sh.y -= 15
            for i in range(nrows):
                sh.need(18)
                vals = rows[i] if i < len(rows) else ("", "", "")
                for k, base in enumerate(bases[fld] for fld in agency_fields(case)):
                    rect = (sh.x0 + k * cw + 2, sh.y - 16, sh.x0 + (k + 1) * cw - 2, sh.y - 2)
                    c.setFillColorRGB(0.93, 0.95, 1)
                    c.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1], stroke=0, fill=1)
                    c.setFillColorRGB(0, 0, 0)
                    widgets.append({"page": sh.page, "rect": rect, "qual": [base, str(i)], "kind": "text",
                                    "value": vals[k], "tu": cols[k], "multiline": False})
                sh.y -= 18
        elif sec == "decoys":
            sh.bar(s["sections"]["decoys"], dark)
            for i, (label, v) in enumerate(case.decoys):
                from model import FV as _FV
                field_row(label, _FV("text", v, None), [f"Office{i + 1}"], label)
        else:
            sh.bar(section_title(case, sec), dark)
            do_pairs(items(case, sec))
        sh.space(8)
    c.showPage()
    c.save()
    pages = sh.page

    def modify(writer):
        _add_acroform(writer, widgets)

    finalize(buf.getvalue(), path, f"u26-copied-{path}", "Adobe Acrobat Pro (64-bit) 24.1.20643",
             "Adobe InDesign 19.2 (Windows)", s["form_title"], "", created=pdf_date(case.dates["ref"], 14, 2),
             modify=modify)
    return {"child_blocks": blocks, "children_filled": n, "fields": len(widgets), "pages": pages}


def _empty_like(fv):
    from model import FV as _FV
    return _FV("choice", None, None, options=fv.options, chosen=None)


def _ap_text(value: str, w: float, h: float, multiline: bool) -> bytes:
    size = 9.0
    lines = []
    if multiline:
        for size in (9.0, 8.0, 7.0, 6.0, 5.0):
            lines = []
            for part in value.replace("\r", "\n").split("\n"):
                lines.extend(wrap(part, "Helvetica", size, w - 4) if part else [""])
            if len(lines) * size * 1.15 <= h - 2:
                break
    else:
        lines = [value]
        from reportlab.pdfbase.pdfmetrics import stringWidth
        while size > 5 and stringWidth(value, "Helvetica", size) > w - 4:
            size -= 0.5
    ops = ["/Tx BMC", "q", f"1 1 {w - 2:.2f} {h - 2:.2f} re W n", "BT", f"/Helv {size:.1f} Tf", "0 g"]
    lead = size * 1.15
    y = h - size - 1.5 if multiline else (h - size) / 2 + 1.5
    ops.append(f"2 {y:.2f} Td")
    ops.append(f"{lead:.2f} TL")
    for i, ln in enumerate(lines):
        if i:
            ops.append("T*")
        ops.append(f"{_pdf_str(ln)} Tj")
    ops += ["ET", "Q", "EMC"]
    return "\n".join(ops).encode("latin-1")


def _add_acroform(writer, widgets):
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               NumberObject, TextStringObject)
    helv = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    zadb = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    dr = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv,
                                                                  NameObject("/ZaDb"): zadb})})

    def stream(data: bytes, bbox):
        st = DecodedStreamObject()
        st.set_data(data)
        st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(x) for x in bbox]),
                   NameObject("/Resources"): dr})
        return writer._add_object(st)

    top_fields = ArrayObject()
    parents: dict[str, object] = {}
    pages = writer.pages

    def attach(page_no, annot_ref):
        page = pages[page_no - 1]
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].append(annot_ref)

    def parent_for(qual, ft, ff=None, opts=None):
        """Non-terminal parent for copied fields ('Base' with kids '0', '1', ...)."""
        base = qual[0]
        if base not in parents:
            # a pure group: the field type, flags and options sit on the numbered kids
            d = DictionaryObject({NameObject("/T"): TextStringObject(base), NameObject("/Kids"): ArrayObject()})
            ref = writer._add_object(d)
            parents[base] = ref
            top_fields.append(ref)
        return parents[base]

    for wd in widgets:
        qual = wd["qual"]
        kind = wd["kind"]
        page_ref = pages[wd["page"] - 1].indirect_reference
        if kind in ("text", "combo"):
            x0, y0, x1, y1 = wd["rect"]
            w, h = x1 - x0, y1 - y0
            value = wd["value"] or ""
            d = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/Rect"): ArrayObject([FloatObject(v) for v in wd["rect"]]),
                NameObject("/P"): page_ref, NameObject("/F"): NumberObject(4),
                NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
                NameObject("/TU"): TextStringObject(wd["tu"]),
                NameObject("/MK"): DictionaryObject({NameObject("/BG"): ArrayObject(
                    [FloatObject(0.93), FloatObject(0.95), FloatObject(1)])}),
            })
            if kind == "combo":
                ft, ff = "/Ch", 1 << 17
                d[NameObject("/V")] = TextStringObject(value)
                ap = _ap_text("" if value == " " else value, w, h, False)
            else:
                ft = "/Tx"
                ff = (1 << 12) if wd.get("multiline") else 0
                if value:
                    d[NameObject("/V")] = TextStringObject(value)
                ap = _ap_text(value, w, h, bool(wd.get("multiline")))
            d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): stream(ap, [0, 0, w, h])})
            if len(qual) == 1:
                d[NameObject("/T")] = TextStringObject(qual[0])
                d[NameObject("/FT")] = NameObject(ft)
                if ff:
                    d[NameObject("/Ff")] = NumberObject(ff)
                if kind == "combo":
                    d[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in wd["opts"]])
                ref = writer._add_object(d)
                top_fields.append(ref)
            else:
                par = parent_for(qual, ft, ff if ff else None, wd.get("opts") if kind == "combo" else None)
                d[NameObject("/T")] = TextStringObject(qual[1])
                d[NameObject("/FT")] = NameObject(ft)
                if ff:
                    d[NameObject("/Ff")] = NumberObject(ff)
                if kind == "combo":
                    d[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in wd["opts"]])
                d[NameObject("/Parent")] = par
                ref = writer._add_object(d)
                par.get_object()["/Kids"].append(ref)
            attach(wd["page"], ref)
        elif kind == "radio":
            ff = (1 << 15) | (1 << 14)  # radio, no toggle to off
            fd = DictionaryObject({NameObject("/Kids"): ArrayObject(),
                                   NameObject("/TU"): TextStringObject(wd["tu"])})
            val = wd["value"]
            fd[NameObject("/V")] = NameObject("/" + val) if val else NameObject("/Off")
            if len(qual) == 1:
                fd[NameObject("/T")] = TextStringObject(qual[0])
                fd[NameObject("/FT")] = NameObject("/Btn")
                fd[NameObject("/Ff")] = NumberObject(ff)
                fref = writer._add_object(fd)
                top_fields.append(fref)
            else:
                par = parent_for(qual, "/Btn", ff)
                fd[NameObject("/T")] = TextStringObject(qual[1])
                fd[NameObject("/FT")] = NameObject("/Btn")
                fd[NameObject("/Ff")] = NumberObject(ff)
                fd[NameObject("/Parent")] = par
                fref = writer._add_object(fd)
                par.get_object()["/Kids"].append(fref)
            for rect, export in wd["kids"]:
                w, h = rect[2] - rect[0], rect[3] - rect[1]
                on = stream(b"q 0 g BT /ZaDb 7 Tf 1.6 2.2 Td (l) Tj ET Q", [0, 0, w, h])
                off = stream(b"", [0, 0, w, h])
                wdg = DictionaryObject({
                    NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]), NameObject("/P"): page_ref,
                    NameObject("/F"): NumberObject(4), NameObject("/Parent"): fref,
                    NameObject("/AS"): NameObject("/" + export if val == export else "/Off"),
                    NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("l")}),
                    NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                    NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject({
                        NameObject("/" + export): on, NameObject("/Off"): off})}),
                })
                wref = writer._add_object(wdg)
                fref.get_object()["/Kids"].append(wref)
                attach(wd["page"], wref)
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
        NameObject("/Fields"): top_fields, NameObject("/DR"): dr,
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g")}))


# ==================================================================================== P-MIXEDSCAN
def _scan_page(case, rng, dark):
    """Part B rendered as a scanned page: a greyscale JPEG plus the OCR words (pdf coordinates)."""
    from PIL import Image, ImageDraw, ImageFont
    s = case.s
    f = case.fields
    dpi = 150
    Wp, Hp = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (Wp, Hp), 255)
    dr = ImageDraw.Draw(img)
    px = lambda pt: int(round(pt * dpi / 72))  # noqa: E731
    fonts = {}

    def font(bold, size):
        k = (bold, size)
        if k not in fonts:
            fonts[k] = ImageFont.truetype(DEJAVU + ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), px(size))
        return fonts[k]

    words = []  # (text, x_px, baseline_px, size_pt, width_px)

    def draw_text(x, y_top, text, size=9, bold=False, fill=0):
        fnt = font(bold, size)
        asc = fnt.getmetrics()[0]
        cx = x
        for wd in text.split(" "):
            if not wd:
                cx += fnt.getlength(" ")
                continue
            dr.text((cx, y_top), wd, font=fnt, fill=fill)
            wl = fnt.getlength(wd)
            words.append((wd, cx, y_top + asc, size, wl))
            cx += wl + fnt.getlength(" ")

    def wrap_px(text, size, width, bold=False):
        fnt = font(bold, size)
        out = []
        for part in text.split("\n"):
            cur = ""
            for wd in part.split(" "):
                t = (cur + " " + wd).strip()
                if fnt.getlength(t) <= width or not cur:
                    cur = t
                else:
                    out.append(cur)
                    cur = wd
            out.append(cur)
        return out

    mx = px(48)
    y = px(36)
    draw_text(mx, y, s["marking"], 8, True)
    draw_text(Wp - px(48) - font(False, 7.5).getlength(s["partnership"]), y, s["partnership"], 7.5)
    y += px(30)
    lead_title = s["sections"]["lead"]
    draw_text(mx, y, f"PART B - {lead_title}", 13, True)
    y += px(22)
    draw_text(mx, y, "To be completed and signed by the safeguarding lead. Print this page, sign it and return it "
                     "with the form.", 8.5)
    y += px(22)
    lw = px(190)
    right = Wp - mx
    rows = [(k, l, fv) for k, l, fv in items(case, "lead")]
    crit = items(case, "criteria")
    panel = items(case, "panel") if s["sections"].get("panel") else []

    def row(label, fv, key):
        nonlocal y
        llines = wrap_px(label, 8.5, lw - px(8), True)
        opts_mode = fv.kind == "choice"
        if opts_mode:
            alines = [None]
        else:
            alines = []
            width = right - mx - lw - px(12)
            for part in (fv.lines() if fv.kind in ("lines", "paras") else [answer_text(fv)]):
                alines.extend(wrap_px(part, 9.5, width) if part else [""])
        lh = px(12.5)
        h = max(len(llines), len(alines)) * lh + px(8)
        dr.rectangle([mx, y, right, y + h], outline=90, width=2)
        dr.line([mx + lw, y, mx + lw, y + h], fill=90, width=2)
        yy = y + px(4)
        for ln in llines:
            draw_text(mx + px(4), yy, ln, 8.5, True)
            yy += lh
        yy = y + px(4)
        if opts_mode:
            x = mx + lw + px(8)
            for i, o in enumerate(fv.options):
                bx = px(9)
                dr.rectangle([x, yy + px(1), x + bx, yy + px(1) + bx], outline=40, width=2)
                if fv.chosen == i:
                    draw_text(x + px(1.5), yy - px(0.5), "X", 9.5, True)
                x += bx + px(5)
                draw_text(x, yy, o, 9)
                x += font(False, 9).getlength(o) + px(14)
        else:
            for ln in alines:
                if ln:
                    draw_text(mx + lw + px(5), yy, ln, 9.5)
                yy += lh
        y += h

    for k, l, fv in rows:
        row(l, fv, k)
    y += px(10)
    draw_text(mx, y, s["sections"]["criteria"], 10.5, True)
    y += px(18)
    for k, l, fv in crit:
        row(label_with_hint(case, k, l, False), fv, k)
    if panel:
        y += px(10)
        draw_text(mx, y, s["sections"]["panel"], 10.5, True)
        y += px(18)
        for k, l, fv in panel:
            row(l, fv, k)
    y += px(22)
    draw_text(mx, y, "Signed:", 9, True)
    # a scribbled signature
    sx, sy = mx + px(70), y + px(8)
    pts = []
    for i in range(40):
        pts.append((sx + i * px(3.2) + rng.randrange(-3, 4), sy + int(10 * math.sin(i * 0.9 + rng.random())) +
                    rng.randrange(-4, 5)))
    dr.line(pts, fill=30, width=3)
    signed = case.dates["ref"] - dt.timedelta(days=rng.choice([0, 1]))
    sdate = fmt_date(signed, s["date_style"])
    draw_text(mx + px(300), y, "Date signed:", 9, True)
    draw_text(mx + px(370), y, sdate, 9.5)
    # speckle, then skew the page as a scanner feed does
    for _ in range(2500):
        xx, yy = rng.randrange(0, Wp), rng.randrange(0, Hp)
        img.putpixel((xx, yy), rng.randrange(120, 230))
    angle = rng.choice([-1, 1]) * rng.uniform(0.3, 0.75)
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255, center=(Wp / 2, Hp / 2))
    jpg = io.BytesIO()
    img.save(jpg, "JPEG", quality=72, optimize=False)
    # OCR words at the rotated positions (PIL rotates counter-clockwise for positive angles)
    th = math.radians(angle)
    cx0, cy0 = Wp / 2, Hp / 2
    ocr = []
    for text, x, base, size, wl in words:
        dx, dy = x - cx0, base - cy0
        rx = cx0 + dx * math.cos(th) + dy * math.sin(th)
        ry = cy0 - dx * math.sin(th) + dy * math.cos(th)
        ocr.append((text, rx * 72 / dpi, (Hp - ry) * 72 / dpi, size, wl * 72 / dpi))
    return jpg.getvalue(), ocr, angle, sdate


def render_mixedscan(case, path, rng) -> dict:
    register_fonts()
    s = case.s
    dark, light = colours(rng)
    sep = other_sep(rng)
    W, H = A4
    m = 40
    buf = io.BytesIO()
    c = new_canvas(buf, A4, s["form_title"], s["org_short"], creator="Microsoft® Word for Microsoft 365")
    placement = rng.choice(["in place", "appended"])
    lw = (W - 2 * m) * 0.36
    glyphs = rng.random() < 0.5

    def on_page(sh_):
        furniture(case, c, m, W - 2 * m, H, sh_.page)

    sh = Sheet(c, W, H, m, W - 2 * m, H - 44, 44, on_page)
    title_block(sh, case, dark)
    jpg, ocr, angle, sdate = _scan_page(case, rng, dark)
    scan_page_no = None

    def scan_page():
        nonlocal scan_page_no
        scan_page_no = sh.page
        from reportlab.lib.utils import ImageReader
        c.drawImage(ImageReader(io.BytesIO(jpg)), 0, 0, W, H)
        t = c.beginText()
        t.setTextRenderMode(3)
        for text, x, y, size, wpt in ocr:
            t.setFont("Helvetica", size)
            natural = c.stringWidth(text, "Helvetica", size)
            t.setHorizScale(100 * wpt / natural if natural else 100)
            t.setTextOrigin(x, y)
            t.textOut(text)
        c.drawText(t)

    for sec in present_sections(case):
        if sec in ("lead", "criteria", "panel"):
            if sec == "lead" and placement == "in place":
                sh.bar(section_title(case, "lead"), dark)
                sh.text("Part B is completed and signed by the safeguarding lead - see the next page.",
                        "Helvetica-Oblique", 8.5, "595959")
                c.showPage()
                sh.page += 1
                scan_page()
                c.showPage()
                sh.page += 1
                sh.y = sh.top
                on_page(sh)
            elif sec == "lead":
                sh.bar(section_title(case, "lead"), dark)
                sh.text("Part B (safeguarding lead, criteria and Panel) is on the signed page at the end of this "
                        "form.", "Helvetica-Oblique", 8.5, "595959")
            continue
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                sh.bar(section_title(case, "child", j + 1, n), dark)
                kv_section(sh, case, child_items(case, j), lw, light, sep, hints=not glyphs, glyphs=glyphs)
                sh.space(6)
            continue
        if sec == "agencies":
            sh.bar(s["labels"]["agencies"], dark)
            agencies_grid(sh, case, light)
        elif sec == "decoys":
            sh.bar(s["sections"]["decoys"], dark)
            for label, v in case.decoys:
                sh.kv(label, [v], lw, light)
        else:
            sh.bar(section_title(case, sec), dark)
            kv_section(sh, case, items(case, sec), lw, light, sep, hints=not glyphs, glyphs=glyphs)
        sh.space(8)
    if placement == "appended":
        c.showPage()
        sh.page += 1
        scan_page()
    c.showPage()
    c.save()
    finalize(buf.getvalue(), path, f"u26-mixed-{path}", "Adobe Acrobat Pro (64-bit) 24.1.20643 Paper Capture Plug-in",
             "Microsoft® Word for Microsoft 365", s["form_title"], case.fields["ref.name"].truth or "",
             created=pdf_date(case.dates["ref"], 16, 41))
    return {"scan_placement": placement, "scan_page": scan_page_no, "skew_degrees": round(angle, 2),
            "date_signed_decoy": sdate, "choice_style": "glyphs" if glyphs else "words"}


# ==================================================================================== P-SECURED
SEC_KEYS = {"date_of_referral": "referral_date", "ref.name": "ref_name", "ref.role": "ref_role",
            "ref.agency": "ref_org", "ref.email": "ref_email", "ref.phone": "ref_phone", "lead.name": "dsl_name",
            "lead.role": "dsl_role", "lead.agency": "dsl_org", "lead.email": "dsl_email", "lead.phone": "dsl_phone",
            "lead.discussed": "dsl_agreed", "inc.date": "incident_date", "inc.date_la_aware": "la_aware_date",
            "inc.location": "incident_location", "inc.type": "incident_type", "inc.summary": "incident_summary",
            "inc.police": "police", "crit.died": "crit_harm", "crit.abuse": "crit_abuse", "crit.local": "crit_local",
            "crit.learning": "crit_learning", "crit.reason": "crit_reason", "panel": "panel_notified",
            "panel_date": "panel_date", "concerns": "immediate_concerns"}
SEC_CHILD = {"c.name": "name", "c.first": "first_name", "c.last": "last_name", "c.other_names": "aka",
             "c.dob": "dob", "c.age": "age", "c.gender": "gender", "c.ethnicity": "ethnicity", "c.address": "address",
             "c.school": "school", "c.gp": "gp", "c.legal_status": "legal_status", "c.cp_plan": "cp_plan",
             "c.open_to_csc": "open_csc", "c.looked_after": "lac", "c.disability": "needs", "c.date_of_death": "dod",
             "cdecoy": "prev_address"}


def render_secured(case, path, rng) -> dict:
    register_fonts()
    s = case.s
    dark, light = colours(rng)
    sep = other_sep(rng)
    W, H = A4
    m = 44
    buf = io.BytesIO()
    portal = f"{s['p_short']} online referrals"
    c = new_canvas(buf, A4, f"Submission receipt - {s['form_title']}", portal, creator="FormFlow Server 7.4")
    sub_ref = f"RR-{case.dates['ref'].year}-{rng.randrange(10000, 99999)}"
    submitted = case.dates["ref"] + dt.timedelta(days=rng.choice([0, 1]))
    sub_time = f"{rng.randrange(8, 19):02d}:{rng.randrange(0, 60):02d}"

    def on_page(sh_):
        c.setFillColorRGB(*hex2rgb(dark))
        c.rect(0, H - 34, W, 34, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(m, H - 22, portal)
        c.setFont("Helvetica", 8)
        c.drawRightString(W - m, H - 22, f"Reference {sub_ref}")
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.setFont("Helvetica", 7.5)
        c.drawString(m, 24, f"{s['marking']} - {footer_text(case)}")
        c.drawRightString(W - m, 24, f"Page {sh_.page}")
        c.setFillColorRGB(0, 0, 0)

    sh = Sheet(c, W, H, m, W - 2 * m, H - 50, 44, on_page)
    sh.text("Submission receipt", "Helvetica-Bold", 16, dark)
    sh.text(s["form_title"], "Helvetica-Bold", 10.5)
    sh.text(f"Submitted {fmt_date(submitted, 'dd/mm/yyyy')} {sub_time} - a copy of your answers is below. "
            f"This receipt cannot be edited.", "Helvetica", 8.5, "595959")
    sh.space(4)
    sh.text(guidance_text(case), "Helvetica-Oblique", 8, "595959")
    sh.space(6)
    show_keys = rng.random() < 0.6

    def q(label, fv, key_name, other_label=None):
        txt = answer_text(fv, sep) if fv is not None else ""
        if fv is not None and fv.kind == "choice" and fv.chosen is not None:
            txt = fv.options[fv.chosen]
        lab_lines = wrap(label, "Helvetica-Bold", 9, sh.w - 10)
        if fv is not None and fv.kind in ("lines", "paras") and not fv.blank and fv.filler is None:
            ans = answer_lines(fv, "Helvetica", 9.5, sh.w - 16)
        else:
            ans = wrap(txt, "Helvetica", 9.5, sh.w - 16) if txt else []
        blank = not ans
        need = len(lab_lines) * 11 + 12 + max(1, len(ans)) * 12 + 8
        sh.need(min(need, 200))
        c.setFont("Helvetica-Bold", 9)
        for ln in lab_lines:
            sh.need(12)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(sh.x0, sh.y - 9, ln)
            sh.y -= 11
        if show_keys:
            c.setFont("Courier", 6.5)
            c.setFillColorRGB(0.5, 0.5, 0.5)
            c.drawString(sh.x0, sh.y - 7, f"[{key_name}]")
            c.setFillColorRGB(0, 0, 0)
            sh.y -= 9
        if blank:
            sh.need(16)
            c.setFont("Helvetica-Oblique", 9)
            c.setFillColorRGB(0.5, 0.5, 0.5)
            c.drawString(sh.x0 + 6, sh.y - 11, "Not answered")
            c.setFillColorRGB(0, 0, 0)
            sh.y -= 18
        else:
            i = 0
            while i < len(ans):
                avail = int((sh.y - sh.bottom - 8) // 12)
                if avail < 1:
                    sh.new_page()
                    continue
                chunk = ans[i:i + avail]
                h = len(chunk) * 12 + 6
                c.setFillColorRGB(*hex2rgb(light))
                c.roundRect(sh.x0, sh.y - h, sh.w, h, 3, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
                c.setFont("Helvetica", 9.5)
                yy = sh.y - 12
                for ln in chunk:
                    if ln:
                        c.drawString(sh.x0 + 6, yy, ln)
                    yy -= 12
                sh.y -= h
                i += len(chunk)
            sh.y -= 6
        if fv is not None and fv.kind == "choice" and fv.details is not None and other_label:
            from model import FV as _FV
            q(other_label, _FV("text", fv.details, None), "incident_type_other")

    for sec in present_sections(case):
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                sh.bar(f"{s['sections']['child']} - child {j + 1} of {n}", dark, keep=80)
                sh.space(4)
                for key, label, fv in child_items(case, j):
                    q(label, fv, f"child_{j + 1}_{SEC_CHILD.get(key, 'field')}")
            continue
        if sec == "agencies":
            sh.bar(s["labels"]["agencies"], dark, keep=80)
            sh.space(4)
            from model import FV as _FV
            if not case.agencies:
                sh.text("No agencies were added.", "Helvetica-Oblique", 9, "595959")
            for i, row in enumerate(agency_rows(case)):
                sh.text(f"Agency {i + 1}", "Helvetica-Bold", 9.5, dark)
                for col, v, kk in zip(agency_cols(case), row, agency_fields(case)):
                    q(col, _FV("text", v or None, None), f"agency_{i + 1}_{kk}")
        elif sec == "decoys":
            sh.bar(s["sections"]["decoys"], dark, keep=80)
            sh.space(4)
            from model import FV as _FV
            for i, (label, v) in enumerate(case.decoys):
                q(label, _FV("text", v, None), f"records_{i + 1}")
        else:
            sh.bar(section_title(case, sec), dark, keep=80)
            sh.space(4)
            for key, label, fv in items(case, sec):
                q(label, fv, SEC_KEYS.get(key, "field"), s["other_label"] if key == "inc.type" else None)
        sh.space(6)
    sh.bar("System information", "808080", keep=90)
    sysrows = [["formVersion", f"{rng.randrange(2, 6)}.{rng.randrange(0, 9)}"],
               ["submittedAt", f"{submitted.isoformat()}T{sub_time}:{rng.randrange(10, 59)}Z"],
               ["channel", rng.choice(["web", "web (mobile)"])],
               ["sessionId", f"{rng.getrandbits(64):016x}"],
               ["clientIp", f"203.0.113.{rng.randrange(2, 250)}"]]
    sh.grid(["Key", "Value"], sysrows, [sh.w * 0.3, sh.w * 0.7], head_fill="E0E0E0", size=8)
    c.showPage()
    c.save()
    algo = rng.choice(["RC4-128", "AES-128", "AES-256"])
    owner = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(16))
    seed_bytes = rng.getrandbits(64)

    # encryption must run at write time with the patched generator
    from pypdf import PdfReader, PdfWriter
    from pdfkit import doc_id, set_meta
    import random as _random
    import secrets as _secrets
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    writer = PdfWriter(clone_from=reader)
    set_meta(writer, "FormFlow PDF Service 7.4 (iText 7.2.5)", "FormFlow Server 7.4",
             f"Submission receipt {sub_ref}", portal, created=pdf_date(submitted, 9, 30))
    writer._ID = doc_id(f"u26-secured-{path.rsplit('/', 1)[-1]}")
    r2 = _random.Random(seed_bytes)
    orig = _secrets.token_bytes
    _secrets.token_bytes = lambda n=32: bytes(r2.getrandbits(8) for _ in range(n))
    try:
        from pypdf.constants import UserAccessPermissions as P
        writer.encrypt(user_password="", owner_password=owner, algorithm=algo,
                       permissions_flag=P.PRINT | P.PRINT_TO_REPRESENTATION | P.FILL_FORM_FIELDS)
        out = io.BytesIO()
        writer.write(out)
    finally:
        _secrets.token_bytes = orig
    with open(path, "wb") as fh:
        fh.write(out.getvalue())
    return {"encryption": algo, "user_password": "(empty)", "permissions": "print only (no copy, no change)",
            "submission_ref": sub_ref, "field_keys_shown": show_keys}


PDF_LAYOUTS = {
    "P-CROPPED": render_cropped,
    "P-PEOPLEMATRIX": render_peoplematrix,
    "P-COPIEDFIELDS": render_copiedfields,
    "P-MIXEDSCAN": render_mixedscan,
    "P-SECURED": render_secured,
}
