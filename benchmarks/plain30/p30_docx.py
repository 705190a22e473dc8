"""The five Word layouts of plain30 (and the Word source of the LibreOffice PDF layout)."""

from __future__ import annotations

import random

from p30_model import Form, Item
from p30_wml import (PAGE_W, border_set, build_docx, cell, formcheckbox, glyph_box, nil_borders, page_field_runs,
                     para, run, sdt_checkbox, table)

_para = para


class Ctx:
    def __init__(self, form: Form):
        self.form = form
        self.s = form.sender
        self.rng = random.Random(form.rng_seed)
        self.bm = 0
        self.sdt = 1000 + form.n * 1000
        self.font = self.s["font"]
        self.size = 10 if self.font in ("Arial", "Calibri") else 9.5
        if self.font == "Calibri":
            self.size = 11
        self.info: dict = {}

    def next_bm(self):
        self.bm += 1
        return self.bm

    def next_sdt(self):
        self.sdt += 7
        return self.sdt


def label_text(item: Item, colon=False) -> str:
    lab = item.label
    if colon and not lab.endswith(("?", ")")):
        lab += ":"
    return lab


def child_heading(ctx: Ctx, sec) -> str:
    t = ctx.s["child_title"]
    if sec.nchildren > 1:
        return f"{t} {sec.child + 1} of {sec.nchildren}"
    return ""


# ----------------------------------------------------------------------------------------- choice renderers
def choice_runs(ctx: Ctx, item: Item, style: str, sz=None, ind=None) -> list:
    """Paragraph XML for a choice answer in the given style (one paragraph, or one per option for the type)."""
    def para(r="", **kw):
        return _para(r, ind_left=ind, **kw)
    per_line = item.key == "inc.type"
    sep = "\t" if style in ("formcheckbox", "sdt") and not per_line else "   "
    if style == "typed":
        return [para(run(item.typed(), sz=sz))]
    if style == "delete":
        if item.chosen is None:
            words = " / ".join(item.options)
        else:
            words = item.options[item.chosen]
        if per_line:
            opts = item.options if item.chosen is None else [item.options[item.chosen]]
            return [para(run(o, sz=sz)) for o in opts]
        return [para(run(words, sz=sz))]
    paras = []
    cur = []
    for j, o in enumerate(item.options):
        on = item.chosen == j
        if style == "formcheckbox":
            box = formcheckbox(f"Check{ctx.next_bm()}", on, ctx.bm)
            piece = box + run(" " + o, sz=sz)
        elif style == "sdt":
            piece = sdt_checkbox(ctx.next_sdt(), on, sz) + run(" " + o, sz=sz)
        elif style == "glyph":
            piece = glyph_box(on, sz=sz) + run(" " + o, sz=sz)
        else:
            raise ValueError(style)
        if per_line:
            paras.append(para(piece))
        else:
            if j:
                cur.append(run(sep, sz=sz))
            cur.append(piece)
    if not per_line:
        paras.append(para("".join(cur)))
    return paras


def value_paras(ctx: Ctx, item: Item, choice_style: str, addr_style: str = "br", sz=None, ind=None) -> list:
    def para(r="", **kw):
        return _para(r, ind_left=ind, **kw)
    if item.kind == "choice":
        return choice_runs(ctx, item, choice_style, sz, ind)
    if item.kind == "address":
        if not item.lines:
            return [para()]
        if item.oneline or addr_style == "br":
            return [para(run("\n".join(item.lines), sz=sz))]
        return [para(run(l, sz=sz)) for l in item.lines]
    if item.kind == "long":
        if not item.paras:
            return [para()]
        return [para(run(p, sz=sz), after=120) for p in item.paras]
    return [para(run(item.text, sz=sz))]


def is_wide(item: Item, limit=50) -> bool:
    return item.kind in ("address", "long", "long_single") or item.key == "inc.type" or len(item.label) > limit


# ----------------------------------------------------------------------------------------- common blocks
def header_footer(ctx: Ctx) -> tuple[str, str]:
    s = ctx.s
    hdr = para([run(s["marking"], b=True, color="C00000", sz=9), run("\t\t" + s["partnership"], sz=8, color="404040")],
               style="Header")
    ftr = para([run(f"{s['form_ref']}\t\t", sz=8), page_field_runs(8)], style="Footer")
    return hdr, ftr


def title_block(ctx: Ctx, colour_bar=False) -> list:
    s, f = ctx.s, ctx.form
    out = [para(run(f"{s['org']} - {s['team']}", sz=ctx.size - 1, color="404040"), after=40),
           para(run(s["title"]), style="Title"),
           para(run(s["subtitle"]), style="Subtitle"),
           para(run(f.guidance, i=True, sz=ctx.size - 1), after=160)]
    return out


def agencies_table(ctx: Ctx, shade_head: str, widths: list | None = None, sz=None, extra_title_row: str = "") -> str:
    ag = ctx.form.agencies
    cols = ag.cols
    n = len(cols)
    if widths is None:
        wts = {"agency": 30, "name": 25, "contact": 36, "x_role": 18, "x_still": 13}
        wt = [wts.get(k, 20) for k, t in cols]
        widths = [PAGE_W * w // sum(wt) for w in wt]
        widths[-1] += PAGE_W - sum(widths)
    rows = []
    if extra_title_row:
        rows.append([cell(para(run(extra_title_row, b=True, sz=sz)), sum(widths), shade=shade_head, span=n)])
    rows.append([cell(para(run(t, b=True, sz=sz)), w, shade=shade_head) for (k, t), w in zip(cols, widths)])
    for r in ag.rows:
        rows.append([cell(para(run(r.get(k, ""), sz=sz)), w) for (k, t), w in zip(cols, widths)])
    for _ in range(ag.spare):
        rows.append([cell(para(), w) for w in widths])
    grid = widths
    return table(rows, grid, header_rows=1 + (1 if extra_title_row else 0))


def declaration_and_office(ctx: Ctx, style: str = "table") -> list:
    s, f = ctx.s, ctx.form
    out = []
    w1, w2 = 2600, PAGE_W - 2600
    if style == "table":
        out.append(para(run("Declaration", b=True), before=200, after=60))
        rows = [[cell(para(run("Name", b=True)), w1, shade="F2F2F2"), cell(para(run(f.ref_name_text)), w2)],
                [cell(para(run("Signature", b=True)), w1, shade="F2F2F2"), cell(para(), w2)],
                [cell(para(run("Date", b=True)), w1, shade="F2F2F2"), cell(para(run(f.ref_date_text)), w2)]]
        out.append(table(rows, [w1, w2]))
    else:
        out.append(para(run("DECLARATION", b=True, u=True), before=200, after=60))
        out.append(para([run("Name: ", b=True), run(f.ref_name_text)]))
        out.append(para([run("Signed: ", b=True)]))
        out.append(para([run("Date: ", b=True), run(f.ref_date_text)]))
    out.append(para(run(f"For {s['pship_short']} use only", b=True, sz=ctx.size - 1), before=240, after=60))
    rows = [[cell(para(run(lab, sz=ctx.size - 1.5)), w1, shade="F2F2F2"), cell(para(), w2)]
            for lab in ("Date received", "Received by", "Rapid Review decision", "Case reference")]
    out.append(table(rows, [w1, w2]))
    return out


def write(ctx: Ctx, path: str, body: list, template: str) -> None:
    s, f = ctx.s, ctx.form
    hdr, ftr = header_footer(ctx)
    created = f.ref_date.isoformat() + "T" + f"{9 + f.n % 8:02d}:{(f.n * 7) % 60:02d}:00Z"
    build_docx(path, "".join(body), font=ctx.font, size=ctx.size, dark=s["dark"], header_xml=hdr, footer_xml=ftr,
               title=s["title"], author=f.ref_name_text, created=created, template=template, company=s["org"])


def section_items(sec):
    return [it for it in sec.items]


# ----------------------------------------------------------------------------------------- O-SECTIONTABLES
def o_sectiontables(form: Form, path: str) -> dict:
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    lw = rng.choice([3000, 3400, 3800])
    label_shade = rng.choice(["F2F2F2", None, "F2F2F2"])
    head_shade = rng.choice(["D9D9D9", s["light"]])
    addr_style = rng.choice(["br", "paras"])
    ctx.info = dict(label_width=lw, label_shade=label_shade, head_shade=head_shade, address=addr_style,
                    choices="FORMCHECKBOX before each option")
    body = title_block(ctx)
    num = 0
    last_key = None
    for sec in form.sections:
        if sec.key != last_key or sec.key != "child":
            num += 1 if not (sec.key == "child" and last_key == "child") else 0
        last_key = sec.key
        title = f"SECTION {num}: {sec.title.upper()}"
        if sec.key == "child" and sec.nchildren > 1:
            title += f" - {child_heading(ctx, sec).upper()}"
        if sec.key == "agencies":
            body.append(para("", after=60))
            body.append(agencies_table(ctx, head_shade, extra_title_row=title))
            continue
        rows = [[cell(para(run(title, b=True)), PAGE_W, shade=head_shade, span=2)]]
        for it in sec.items:
            rows.append([cell(para(run(it.label)), lw, shade=label_shade),
                         cell(value_paras(ctx, it, "formcheckbox", addr_style), PAGE_W - lw)])
        body.append(para("", after=60))
        body.append(table(rows, [lw, PAGE_W - lw], header_rows=1))
    body += declaration_and_office(ctx)
    write(ctx, path, body, f"{s['form_ref'].split()[0]}.dotx")
    return ctx.info


# ----------------------------------------------------------------------------------------- O-GRID4
def o_grid4(form: Form, path: str) -> dict:
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    lw = rng.choice([1900, 2100])
    aw = (PAGE_W - 2 * lw) // 2
    grid = [lw, aw, lw, PAGE_W - 2 * lw - aw]
    shade = rng.choice([s["light"], "E7E6E6"])
    ctx.info = dict(label_width=lw, label_shade=shade, choices="typed ☒ / ☐ (MS Gothic) before each option")
    body = title_block(ctx)
    sz = ctx.size - 0.5
    for sec in form.sections:
        if sec.key != "child" or sec.child == 0:
            body.append(para(run(sec.title), style="Heading2", border_bottom=s["dark"]))
        if sec.key == "child" and sec.nchildren > 1:
            body.append(para(run(child_heading(ctx, sec), b=True, i=True), before=120, after=60, keep_next=True))
        if sec.key == "agencies":
            body.append(agencies_table(ctx, shade, sz=sz))
            continue
        rows = []
        pending = None
        for it in sec.items:
            if is_wide(it):
                if pending is not None:
                    rows.append(pending + [cell(para(), grid[2]), cell(para(), grid[3])])
                    pending = None
                rows.append([cell(para(run(it.label, b=True, sz=sz)), lw, shade=shade),
                             cell(value_paras(ctx, it, "glyph", "br", sz), PAGE_W - lw, span=3)])
                continue
            pair = [cell(para(run(it.label, b=True, sz=sz)), lw, shade=shade),
                    cell(value_paras(ctx, it, "glyph", "br", sz), aw)]
            if pending is None:
                pending = pair
            else:
                rows.append(pending + [cell(para(run(it.label, b=True, sz=sz)), lw, shade=shade),
                                       cell(value_paras(ctx, it, "glyph", "br", sz), grid[3])])
                pending = None
        if pending is not None:
            rows.append(pending + [cell(para(), grid[2], shade=shade), cell(para(), grid[3])])
        body.append(table(rows, grid))
    body += declaration_and_office(ctx)
    write(ctx, path, body, "Referral (grid).dotx")
    return ctx.info


# ----------------------------------------------------------------------------------------- O-BOXES
def boxes_body(form: Form, ctx: Ctx, choice_style: str, per_row: int, box_fill: str | None, label_colour: str,
               label_shade: str | None) -> list:
    s = ctx.s
    grid_n = 6
    col = PAGE_W // grid_n
    grid = [col] * grid_n
    grid[-1] += PAGE_W - col * grid_n
    box_b = border_set("single", 4, "808080")
    body = title_block(ctx)
    span = grid_n // per_row
    for sec in form.sections:
        if sec.key != "child" or sec.child == 0:
            body.append(para(run(sec.title), style="Heading1"))
        if sec.key == "child" and sec.nchildren > 1:
            body.append(para(run(child_heading(ctx, sec)), style="Heading2"))
        if sec.key == "agencies":
            body.append(agencies_table(ctx, label_shade or "E7E6E6", sz=ctx.size - 0.5))
            continue
        rows = []
        group: list = []

        def flush():
            nonlocal group
            if not group:
                return
            lab_cells, box_cells = [], []
            used = 0
            for it, sp in group:
                w = sum(grid[used:used + sp])
                lab_cells.append(cell(para(run(it.label, b=True, sz=8, color=label_colour), after=0), w, span=sp,
                                      borders=nil_borders() if not label_shade else None, shade=label_shade))
                box_cells.append(cell(value_paras(ctx, it, choice_style, "br"), w, span=sp, borders=box_b,
                                      shade=box_fill))
                used += sp
            if used < grid_n:
                w = sum(grid[used:])
                lab_cells.append(cell(para(), w, span=grid_n - used, borders=nil_borders()))
                box_cells.append(cell(para(), w, span=grid_n - used, borders=nil_borders()))
            rows.append({"cells": lab_cells, "cant_split": True})
            rows.append({"cells": box_cells, "min_h": 400})
            group = []

        for it in sec.items:
            if is_wide(it, 48) or (it.kind == "choice" and len(" / ".join(it.options)) > 40):
                flush()
                group = [(it, grid_n)]
                flush()
            else:
                group.append((it, span))
                if len(group) == per_row:
                    flush()
        flush()
        body.append(table(rows, grid, borders="none"))
        body.append(para("", after=40))
    return body


def o_boxes(form: Form, path: str) -> dict:
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    per_row = rng.choice([2, 2, 3])
    box_fill = rng.choice([None, "F2F2F2", s["light"]])
    ctx.info = dict(per_row=per_row, box_fill=box_fill or "none", choices="typed word")
    body = boxes_body(form, ctx, "typed", per_row, box_fill, s["dark"], None)
    body += declaration_and_office(ctx)
    write(ctx, path, body, "Referral form.dotx")
    return ctx.info


def libre_source(form: Form, path: str) -> dict:
    """Word source of Q-LIBREBOXES: label-above boxes, shaded label strips, ☒ / ☐ typed before each option."""
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    per_row = rng.choice([2, 3])
    ctx.info = dict(per_row=per_row, choices="typed ☒ / ☐ before each option", font=ctx.font)
    body = boxes_body(form, ctx, "glyph", per_row, None, "000000", s["light"])
    body += declaration_and_office(ctx)
    write(ctx, path, body, "Referral form (LibreOffice).dotx")
    return ctx.info


# ----------------------------------------------------------------------------------------- O-NUMBERED
def o_numbered(form: Form, path: str) -> dict:
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    hang = rng.choice([567, 709])
    addr_style = rng.choice(["br", "paras"])
    ctx.info = dict(hanging=hang, address=addr_style, choices="w14 check-box content controls before each option")
    body = title_block(ctx)
    num = 0
    for sec in form.sections:
        num += 1
        title = sec.title
        if sec.key == "child" and sec.nchildren > 1:
            title += f" ({child_heading(ctx, sec).lower()})"
        body.append(para(run(f"{num}.\t{title}"), style="Heading1", tabs=[("left", hang, "none")]))
        if sec.key == "agencies":
            body.append(para([run(f"{num}.1\t", b=True), run(form.agencies.label, b=True)], ind_left=hang,
                             hanging=hang, keep_next=True, before=120))
            body.append(agencies_table(ctx, "E7E6E6", widths=None, sz=ctx.size - 0.5))
            continue
        for q, it in enumerate(sec.items, 1):
            body.append(para([run(f"{num}.{q}\t", b=True), run(it.label, b=True)], ind_left=hang, hanging=hang,
                             keep_next=True, before=120, after=40))
            body += value_paras(ctx, it, "sdt", addr_style, ind=hang)
    body += declaration_and_office(ctx, style="lines")
    write(ctx, path, body, "Referral - numbered.dotx")
    return ctx.info


# ----------------------------------------------------------------------------------------- O-COLONS
CHILD_TABLE_KEYS = ["child.forename", "child.surname", "child.fullname", "child.dob", "child.age", "child.gender",
                    "child.ethnicity"]


def o_colons(form: Form, path: str) -> dict:
    ctx = Ctx(form)
    s = ctx.s
    rng = ctx.rng
    tab = rng.choice([3600, 4100, None])
    addr_style = rng.choice(["line", "under"])
    ctx.info = dict(tab=tab or "space", address=addr_style,
                    choices="delete as appropriate (the chosen option is left)", children="table with a row per child")
    body = title_block(ctx)

    def colon_line(it: Item):
        lab = it.label
        if it.kind == "choice":
            lab = f"{lab} ({'delete those that do not apply' if it.key == 'inc.type' else 'delete as appropriate'})"
        lab_t = lab if lab.endswith(("?", ")")) else lab + ":"
        sep = "\t" if tab else " "
        tabs = [("left", tab, "none")] if tab else None
        if it.kind == "long" or (it.kind == "long_single") or (it.kind == "address" and addr_style == "under"
                                                                and not it.oneline) \
                or it.key == "inc.type":
            out = [para(run(lab_t, b=True), keep_next=True, after=20)]
            out += value_paras(ctx, it, "delete", "paras", ind=567)
            return out
        if it.kind == "address":
            val = "\n".join(it.lines)
            return [para([run(lab_t, b=True), run(sep), run(val)], tabs=tabs,
                         ind_left=tab if tab else None, hanging=tab if tab else None)]
        if it.kind == "choice":
            val = (it.options[it.chosen] if it.chosen is not None else " / ".join(it.options))
        else:
            val = it.text
        return [para([run(lab_t, b=True), run(sep), run(val)], tabs=tabs,
                     ind_left=tab if tab else None, hanging=tab if tab else None)]

    child_secs = [sec for sec in form.sections if sec.key == "child"]
    for sec in form.sections:
        if sec.key == "child":
            if sec.child != 0:
                continue
            body.append(para(run(sec.title.upper(), b=True, u=True), before=240, after=80, keep_next=True))
            keys = [it.key for it in sec.items if it.key in CHILD_TABLE_KEYS]      # in the sender's order
            cols = [("No.", 500)]
            rest = PAGE_W - 500
            weights = {"child.forename": 3, "child.surname": 3, "child.fullname": 5, "child.dob": 3, "child.age": 2,
                       "child.gender": 2, "child.ethnicity": 4}
            tot = sum(weights[k] for k in keys)
            widths = [rest * weights[k] // tot for k in keys]
            widths[-1] += rest - sum(widths)
            labels = {it.key: it.label for it in sec.items}
            head = [cell(para(run("No.", b=True, sz=ctx.size - 1)), 500, shade="E7E6E6")]
            for k, w in zip(keys, widths):
                lab = labels[k]
                if k == "child.gender":
                    lab = f"{lab} ({' / '.join(o for o in s['gender'] and [g[0] for g in s['gender']])})"
                head.append(cell(para(run(lab, b=True, sz=ctx.size - 1)), w, shade="E7E6E6"))
            rows = [head]
            for cs in child_secs:
                by = {it.key: it for it in cs.items}
                r = [cell(para(run(str(cs.child + 1), sz=ctx.size - 1)), 500)]
                for k, w in zip(keys, widths):
                    it = by.get(k)
                    r.append(cell(para(run(it.typed() if it and it.kind == "choice" else (it.text if it else ""),
                                           sz=ctx.size - 1)), w))
                rows.append(r)
            body.append(table(rows, [500] + widths, header_rows=1))
            for cs in child_secs:
                body.append(para(run(f"{s['child_title']} {cs.child + 1} - further details", b=True, i=True),
                                 before=160, after=60, keep_next=True))
                for it in cs.items:
                    if it.key in keys:
                        continue
                    body += colon_line(it)
            continue
        body.append(para(run(sec.title.upper(), b=True, u=True), before=240, after=80, keep_next=True))
        if sec.key == "agencies":
            body.append(agencies_table(ctx, "E7E6E6", sz=ctx.size - 0.5))
            continue
        for it in sec.items:
            body += colon_line(it)
    body += declaration_and_office(ctx, style="lines")
    write(ctx, path, body, "Referral form v2.dotx")
    return ctx.info


WORD_LAYOUTS = {"O-SECTIONTABLES": o_sectiontables, "O-GRID4": o_grid4, "O-BOXES": o_boxes,
                "O-NUMBERED": o_numbered, "O-COLONS": o_colons}
