"""The five Word layouts of plain26 (ordinary forms) and the Word source of the LibreOffice-exported PDF."""

from __future__ import annotations

import p26_wml as W
from p26_model import fmt_date

TEXT_W = 9638  # A4 minus 2 cm margins, in twips


class DocCtx:
    def __init__(self, spec, rng, font_size=10):
        self.spec, self.rng, self.s = spec, rng, spec.s
        self.sdt = 1000 + rng.randint(0, 5000)
        self.size = font_size

    def next_id(self):
        self.sdt += 1 + self.rng.randint(0, 40)
        return self.sdt


# ---------------------------------------------------------------- shared blocks

def header_footer(spec, size):
    s = spec.s
    hdr = W.para(W.run(s["marking"], bold=True, size=size - 1, color="C00000"), W.run("\t"),
                 W.run("\t" + s["partnership"], size=size - 2, color="595959"), style="Header")
    ftr = W.para(W.run(f"{s['form_ref']} {s['version']}", size=size - 2, color="595959"), W.run("\t"),
                 W.run("\tPage ", size=size - 2), W.page_field(), W.run(" of ", size=size - 2), W.numpages_field(),
                 style="Footer")
    return hdr, ftr


def title_block(spec, size, align=None):
    s = spec.s
    ex = fmt_date(__import__("datetime").date(2015, 1, 1), s["date_main"])
    out = W.para(W.run(s["title"], bold=True, size=size + 6, color=s["head"] if s["head"] != "000000" else None),
                 align=align, after=40)
    out += W.para(W.run(s["subtitle"], bold=True, size=size + 2), align=align, after=120)
    out += W.para(W.run(s["guidance"].format(p_email=s["p_email"], p_phone=s["p_phone"], example_date=ex),
                        italic=True, size=size - 1, color="404040"), after=160)
    return out


def answer_paras(item, ctx, size, choice_style="typed", indent=None):
    """The answer of an item as one or more paragraphs."""
    kind = item["kind"]
    if kind in ("text", "decoy"):
        return W.para(W.run(item["text"], size=size), indent=indent) if item["text"] else W.para(indent=indent)
    if kind == "lines":
        if ctx.rng.random() < 0.5:
            return "".join(W.para(W.run(l, size=size), indent=indent, after=0) for l in item["lines"])
        return W.para(W.run("\n".join(item["lines"]), size=size), indent=indent)
    if kind == "paras":
        if not item["paras"]:
            return W.para(indent=indent)
        return "".join(W.para(W.run(p, size=size), indent=indent, after=100) for p in item["paras"])
    if kind == "choice":
        return choice_paras(item, ctx, size, choice_style, indent)
    raise ValueError(kind)


def choice_paras(item, ctx, size, style, indent=None):
    opts, chosen = item["options"], item["chosen"]
    group = item["group"]
    if style == "typed":
        word = opts[chosen] if chosen is not None else ""
        out = W.para(W.run(word, size=size), indent=indent) if word else W.para(indent=indent)
        return out
    runs_per_opt = []
    for k, w in enumerate(opts):
        mark = k == chosen
        if style == "cc":
            box = W.checkbox_cc(mark, ctx.next_id(), size=size)
        elif style == "glyph":
            box = W.run("\u2612" if mark else "\u2610", font="Segoe UI Symbol", size=size)
        elif style == "wingdings":
            box = W.sym("F0FE" if mark else "F0A8", "Wingdings", size=size)
        else:
            raise ValueError(style)
        runs_per_opt.append((box, w))
    if group == "itype":
        return "".join(W.para(box, W.run(" " + w, size=size), indent=indent, after=0) for box, w in runs_per_opt)
    runs = []
    for k, (box, w) in enumerate(runs_per_opt):
        if k:
            runs.append(W.run("    ", size=size))
        runs.append(box)
        runs.append(W.run(" " + w, size=size))
    return W.para(*runs, indent=indent)


def other_item(item):
    """The 'if other, specify' line of an incident-type item as a plain text item."""
    return {"key": "i_other", "label": item["other_label"], "kind": "text", "text": item["other_text"]}


def label_text(item):
    return item["label"]


def agency_table(spec, ctx, size, head_shade, head_text, label_shade=None, spare=2):
    sec = [s for s in spec.sections if s.get("kind") == "agencies"][0]
    cols, keymap = sec["cols"], sec["map"]
    n = len(cols)
    widths = {3: [3000, 3600, 3038], 4: [2500, 2700, 2600, 1838]}[n]
    if keymap[-1] == "involved":
        widths = [2600, 2900, 2800, 1338]
    rows = [W.row([W.cell(W.para(W.run(c, bold=True, size=size - 1, color=head_text)), w, shade=head_shade)
                   for c, w in zip(cols, widths)], header=True)]
    for r in sec["rows"]:
        rows.append(W.row([W.cell(W.para(W.run(r[k], size=size - 1)) if r[k] else W.para(), w)
                           for k, w in zip(keymap, widths)]))
    for _ in range(spare if len(sec["rows"]) < 5 else 0):
        rows.append(W.row([W.cell(W.para(), w) for w in widths], height=340))
    return sec, W.table(rows, widths)


def office_block(spec, size):
    s = spec.s
    L = s["labels"]
    widths = [2400, 2419, 2400, 2419]
    r1 = W.row([W.cell(W.para(W.run(L["s_office"], bold=True, size=size - 1)), TEXT_W, span=4, shade="D9D9D9")])
    r2 = W.row([W.cell(W.para(W.run("Date received", size=size - 1)), widths[0]), W.cell(W.para(), widths[1]),
                W.cell(W.para(W.run("Reference", size=size - 1)), widths[2]), W.cell(W.para(), widths[3])])
    r3 = W.row([W.cell(W.para(W.run("Decision / outcome", size=size - 1)), widths[0]),
                W.cell(W.para(), widths[1] + widths[2] + widths[3], span=3)])
    return W.para(after=120) + W.table([r1, r2, r3], widths)


def signer(spec):
    """The person who signs: the referrer, or the DSL where the form says the DSL signs."""
    who = "lead" if "DSL" in spec.s["labels"]["sig"] else "ref"
    return spec.case["people"][who]["name"]


def signature_line(spec, size):
    s = spec.s
    L = s["labels"]
    ref_name = signer(spec)
    date_item = spec.sections[0]["items"][0]
    date_txt = date_item["text"] if date_item["truth"] else ""
    return W.para(W.run(f"{L['sig']}: ", bold=True, size=size), W.run(ref_name, size=size),
                  W.run(f"\t{L['sig_date']}: ", bold=True, size=size), W.run(date_txt, size=size),
                  tabs=[("left", 6000)], before=200)


def finish(path, spec, ctx, body, size, font=None):
    hdr, ftr = header_footer(spec, size)
    s = spec.s
    W.build_docx(path, body, header=hdr, footer=ftr, font=font or s["font_docx"], size=size,
                 title=f"{s['title']}", author=spec.case["people"]["ref"]["name"],
                 created=spec.case["ref_date"].strftime("%Y-%m-%dT") + f"{9 + ctx.rng.randint(0, 7):02d}:{ctx.rng.randint(0, 59):02d}:00Z",
                 company=s["org"], heading_color=s["head"] if s["head"] != "000000" else "000000")


def fields_sections(spec):
    return [sec for sec in spec.sections if sec.get("kind") != "agencies"]


# ---------------------------------------------------------------- O-TABLE

def render_table2(path, spec, rng):
    """Two-column label | answer table per section under a shaded heading row; check-box content controls."""
    s = spec.s
    size = 10
    ctx = DocCtx(spec, rng, size)
    lw, aw = 3500, TEXT_W - 3500
    body = title_block(spec, size)
    gender_style = "cc" if len(s["gender"]) <= 3 and rng.random() < 0.6 else "typed"
    for sec in spec.sections:
        if sec.get("kind") == "agencies":
            body += W.para(W.run(sec["title"], bold=True, size=size + 1, color=s["head_text"]), shade=s["head"],
                           before=200, after=60, keep_next=True)
            _, tbl = agency_table(spec, ctx, size, s["shade"], None)
            body += tbl
            continue
        rows = [W.row([W.cell(W.para(W.run(sec["title"], bold=True, size=size + 1, color=s["head_text"]), keep_next=True),
                              TEXT_W, span=2, shade=s["head"])], cant_split=True)]
        for it in sec["items"]:
            style = "cc"
            if it["kind"] == "choice" and it["group"] == "gender":
                style = gender_style
            ans = answer_paras(it, ctx, size, choice_style=style)
            rows.append(W.row([W.cell(W.para(W.run(it["label"], bold=True, size=size)), lw, shade=s["shade"]),
                               W.cell(ans, aw)], cant_split=True))
            if it["kind"] == "choice" and it["group"] == "itype":
                o = other_item(it)
                rows.append(W.row([W.cell(W.para(W.run(o["label"], bold=True, size=size)), lw, shade=s["shade"]),
                                   W.cell(answer_paras(o, ctx, size), aw)]))
        body += W.table(rows, [lw, aw]) + W.para(after=60)
    body += signature_line(spec, size) + office_block(spec, size)
    finish(path, spec, ctx, body, size)
    return {"gender_style": gender_style}


# ---------------------------------------------------------------- O-GRID4 (also the Word source of Q-LIBRE)

def render_grid4(path, spec, rng, choice_style="typed", font=None, label_shade=None):
    s = spec.s
    size = 9.5 if choice_style == "typed" else 9
    ctx = DocCtx(spec, rng, size)
    widths = [2100, 2719, 2100, 2719]
    shade = label_shade or s["shade"]
    body = title_block(spec, size)
    for sec in spec.sections:
        if sec.get("kind") == "agencies":
            body += W.para(W.run(sec["title"], bold=True, size=size + 1), before=160, after=60, keep_next=True)
            _, tbl = agency_table(spec, ctx, size, shade, None)
            body += tbl
            continue
        rows = [W.row([W.cell(W.para(W.run(sec["title"].upper() if s["key"] == "eskmoor_scu" else sec["title"],
                                           bold=True, size=size + 1, color=s["head_text"])), TEXT_W, span=4,
                              shade=s["head"])])]
        items = []
        for it in sec["items"]:
            items.append(it)
            if it["kind"] == "choice" and it["group"] == "itype":
                items.append(other_item(it))
        pending = []

        def is_wide(it):
            if it.get("wide") or it["kind"] in ("paras", "lines"):
                return True
            if it["kind"] == "choice" and (it["group"] == "itype" or choice_style != "typed"):
                return True
            return len(it["label"]) > 60

        def flush():
            if not pending:
                return
            cells = []
            for it in pending:
                cells.append(W.cell(W.para(W.run(it["label"], bold=True, size=size)), widths[0], shade=shade))
                cells.append(W.cell(answer_paras(it, ctx, size, choice_style), widths[1]))
            if len(pending) == 1:
                cells.append(W.cell(W.para(), widths[2], shade=shade))
                cells.append(W.cell(W.para(), widths[3]))
            rows.append(W.row(cells, cant_split=True))
            pending.clear()

        for it in items:
            if is_wide(it):
                flush()
                rows.append(W.row([W.cell(W.para(W.run(it["label"], bold=True, size=size)), widths[0], shade=shade),
                                   W.cell(answer_paras(it, ctx, size, choice_style), sum(widths[1:]), span=3)],
                                  cant_split=it["kind"] != "paras"))
            else:
                pending.append(it)
                if len(pending) == 2:
                    flush()
        flush()
        body += W.table(rows, widths) + W.para(after=40)
    body += signature_line(spec, size) + office_block(spec, size)
    finish(path, spec, ctx, body, size, font=font)
    return {}


# ---------------------------------------------------------------- O-ABOVE

def render_above(path, spec, rng):
    """Label in small bold text above a bordered answer box; 2-3 boxes per row; glyph tick boxes."""
    s = spec.s
    size = 10
    ctx = DocCtx(spec, rng, size)
    body = title_block(spec, size)
    per_row = rng.choice([2, 3])
    nil = W.cell_borders(top="nil", left="nil", right="nil", bottom="nil")
    box = W.cell_borders(top=6, left=6, right=6, bottom=6)
    for sec in spec.sections:
        body += W.para(W.run(sec["title"], bold=True, size=size + 2, color=s["head"] if s["head"] != "000000" else None),
                       before=220, after=80, keep_next=True, border_bottom=8)
        if sec.get("kind") == "agencies":
            _, tbl = agency_table(spec, ctx, size, s["shade"], None)
            body += tbl
            continue
        items = []
        for it in sec["items"]:
            items.append(it)
            if it["kind"] == "choice" and it["group"] == "itype":
                items.append(other_item(it))
        rows = []
        grid_w = TEXT_W // per_row
        widths = [grid_w] * per_row
        widths[-1] = TEXT_W - grid_w * (per_row - 1)
        pending = []

        def flush():
            if not pending:
                return
            lab, ans = [], []
            for k, it in enumerate(pending):
                w = widths[k] if len(pending) > 1 or per_row == 1 else widths[k]
                lab.append(W.cell(W.para(W.run(it["label"], bold=True, size=size - 2), after=0), w, borders=nil,
                                  valign="bottom"))
                ans.append(W.cell(answer_paras(it, ctx, size, "glyph"), w, borders=box))
            for k in range(len(pending), per_row):
                lab.append(W.cell(W.para(after=0), widths[k], borders=nil))
                ans.append(W.cell(W.para(after=0), widths[k], borders=nil))
            rows.append(W.row(lab, cant_split=True))
            rows.append(W.row(ans, cant_split=True, height=400))
            pending.clear()

        for it in items:
            wide = it.get("wide") or it["kind"] in ("paras", "lines") or (it["kind"] == "choice") or \
                len(it["label"]) > 55
            if wide:
                flush()
                rows.append(W.row([W.cell(W.para(W.run(it["label"], bold=True, size=size - 2), after=0), TEXT_W,
                                          span=per_row, borders=nil)], cant_split=True))
                rows.append(W.row([W.cell(answer_paras(it, ctx, size, "glyph"), TEXT_W, span=per_row, borders=box)],
                                  height=400 if it["kind"] != "paras" else 900))
            else:
                pending.append(it)
                if len(pending) == per_row:
                    flush()
        flush()
        body += W.table(rows, widths, borders=W.borders_xml("none"), cell_margin=60)
    body += signature_line(spec, size) + office_block(spec, size)
    finish(path, spec, ctx, body, size)
    return {"boxes_per_row": per_row}


# ---------------------------------------------------------------- O-NUMBERED

def render_numbered(path, spec, rng):
    """Numbered questions ("12. Child's date of birth"), the answer in the paragraph(s) under them;
    tick boxes are Wingdings symbols (Insert > Symbol) after the question."""
    s = spec.s
    size = 10.5
    ctx = DocCtx(spec, rng, size)
    body = title_block(spec, size)
    n = 0
    sec_no = 0
    for sec in spec.sections:
        sec_no += 1
        body += W.para(W.run(sec["title"], bold=True, size=size + 2), style="Heading2")
        if sec.get("kind") == "agencies":
            n += 1
            body += W.para(W.run(f"{n}. ", bold=True, size=size),
                           W.run("Please list the agencies and professionals involved.", bold=True, size=size),
                           keep_next=True)
            _, tbl = agency_table(spec, ctx, size - 1, "D9D9D9", None)
            body += tbl
            continue
        for it in sec["items"]:
            n += 1
            body += W.para(W.run(f"{n}.\t", bold=True, size=size), W.run(it["label"], bold=True, size=size),
                           keep_next=True, after=40, tabs=[("left", 567)], indent=567, hanging=567)
            style = "wingdings" if it["kind"] == "choice" and it["group"] in ("yn", "itype") else "typed"
            body += answer_paras(it, ctx, size, style, indent=567)
            if it["kind"] == "choice" and it["group"] == "itype":
                n += 1
                o = other_item(it)
                body += W.para(W.run(f"{n}.\t", bold=True, size=size), W.run(o["label"], bold=True, size=size),
                               keep_next=True, after=40, tabs=[("left", 567)], indent=567, hanging=567)
                body += answer_paras(o, ctx, size, indent=567)
    body += signature_line(spec, size) + office_block(spec, size)
    finish(path, spec, ctx, body, size)
    return {"questions": n}


# ---------------------------------------------------------------- O-COLONS (+ children table)

CHILD_TABLE_1 = ["c_name", "c_first", "c_last", "c_other", "c_dob", "c_age", "c_gender", "c_eth"]
CHILD_TABLE_2 = ["c_addr", "c_school", "c_gp", "c_legal"]
CHILD_TABLE_3 = ["c_cp", "c_csc", "c_lac", "c_dis", "c_dod"]


def render_colons(path, spec, rng):
    """'Label: answer' paragraphs under bold headings; the children in tables with a row per child."""
    s = spec.s
    size = 10
    ctx = DocCtx(spec, rng, size)
    body = title_block(spec, size)
    sep = rng.choice([": ", ":\t"])
    tabs = [("left", 4200)] if sep == ":\t" else None
    child_secs = [sec for sec in spec.sections if sec["key"] == "s_child"]
    done_children = False
    for sec in spec.sections:
        if sec["key"] == "s_child":
            if done_children:
                continue
            done_children = True
            body += W.para(W.run(spec.L["s_child"], bold=True, size=size + 2, underline=True), before=240, after=80,
                           keep_next=True)
            body += children_tables(spec, ctx, child_secs, size)
            continue
        body += W.para(W.run(sec["title"], bold=True, size=size + 2, underline=True), before=240, after=80,
                       keep_next=True)
        if sec.get("kind") == "agencies":
            _, tbl = agency_table(spec, ctx, size - 1, "D9D9D9", None)
            body += tbl
            continue
        for it in sec["items"]:
            body += colon_item(it, ctx, size, sep, tabs)
            if it["kind"] == "choice" and it["group"] == "itype":
                body += colon_item(other_item(it), ctx, size, sep, tabs)
    body += signature_line(spec, size) + office_block(spec, size)
    finish(path, spec, ctx, body, size)
    return {"separator": "tab" if tabs else "space"}


def colon_item(it, ctx, size, sep, tabs):
    label = it["label"]
    colon = "" if label.endswith("?") or label.endswith(")") else sep.rstrip("\t").rstrip()
    gap = "\t" if sep.endswith("\t") else " "
    if it["kind"] == "paras":
        out = W.para(W.run(label + (colon if colon else ""), bold=True, size=size), after=40, keep_next=True)
        return out + answer_paras(it, ctx, size)
    if it["kind"] == "lines":
        return W.para(W.run(label + colon, bold=True, size=size), W.run(gap + "\n".join(it["lines"]), size=size),
                      tabs=tabs)
    if it["kind"] == "choice":
        opts, ch = it["options"], it["chosen"]
        word = opts[ch] if ch is not None else ""
        return W.para(W.run(label + colon, bold=True, size=size), W.run(gap + word, size=size), tabs=tabs)
    return W.para(W.run(label + colon, bold=True, size=size), W.run(gap + it["text"], size=size), tabs=tabs)


def children_tables(spec, ctx, child_secs, size):
    L = spec.L
    out = ""
    sz = size - 1.5
    for group in (CHILD_TABLE_1, CHILD_TABLE_2, CHILD_TABLE_3):
        keys = [k for k in group if any(it["key"] == k for it in child_secs[0]["items"])]
        if not keys:
            continue
        lens = {k: (3 if k in ("c_addr", "c_dis") else 2) for k in keys}
        tot = sum(lens.values())
        numw = 500
        widths = [numw] + [int((TEXT_W - numw) * lens[k] / tot) for k in keys]
        widths[-1] = TEXT_W - sum(widths[:-1])
        hdr = [W.cell(W.para(W.run("No.", bold=True, size=sz)), numw, shade=spec.s["shade"])]
        hdr += [W.cell(W.para(W.run(L[k], bold=True, size=sz)), w, shade=spec.s["shade"]) for k, w in zip(keys, widths[1:])]
        rows = [W.row(hdr, header=True)]
        for i, sec in enumerate(child_secs):
            by = {it["key"]: it for it in sec["items"]}
            cells = [W.cell(W.para(W.run(str(i + 1), size=sz)), numw)]
            for k, w in zip(keys, widths[1:]):
                cells.append(W.cell(answer_paras(by[k], ctx, sz, "typed"), w))
            rows.append(W.row(cells, cant_split=True))
        out += W.table(rows, widths) + W.para(after=60)
    # child 1's other questions (decoys) as label: answer lines
    for it in child_secs[0]["items"]:
        if it["kind"] == "decoy":
            lab = it["label"] + (f" ({L['child_heading'].format(n=1)})" if len(child_secs) > 1 else "")
            out += W.para(W.run(lab + ": ", bold=True, size=size), W.run(it["text"], size=size))
    return out
