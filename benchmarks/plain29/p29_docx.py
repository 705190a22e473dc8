"""The five Word layouts, and the Word source of the LibreOffice-exported PDF layout."""

from __future__ import annotations

import datetime as dt

from p29_model import Form, Item
from p29_wml import build_docx, cell, checkbox, field, para, row, run, table

TW = 9638  # text width in twips (A4, 2 cm margins)

FONT_SIZE = {"Arial": 10, "Calibri": 11, "Verdana": 9, "Tahoma": 9.5}


def strip_num(title: str) -> str:
    """'1. Officer details' -> 'Officer details'; 'Section A - Referring practitioner' -> 'Referring practitioner'."""
    t = title
    for sep in (". ", " - ", ": "):
        if sep in t and len(t.split(sep)[0]) <= 10:
            t = t.split(sep, 1)[1]
            break
    return t


def header_xml(form: Form) -> str:
    S = form.sender
    return para([run(S["marking"], b=True, color="C00000", sz=9), run("\t\t" + S["partnership"], sz=8,
                                                                       color="595959")], style="Header")


def footer_xml(form: Form) -> str:
    S = form.sender
    return para([run(f"{S['form_ref']} {S['version']}", sz=8, color="595959"), run("\t\tPage ", sz=8),
                 field("PAGE", "1", sz=8), run(" of ", sz=8), field("NUMPAGES", "3", sz=8)], style="Footer")


def title_block(form: Form, shade_title=False) -> list[str]:
    S = form.sender
    out = []
    out.append(para(run(S["partnership"], b=True, sz=13, color=S["dark"]), after=0))
    out.append(para(run(S["form_title"]), style="Title", shd=S["light"] if shade_title else None))
    out.append(para(run(S["form_subtitle"], i=True, color="404040"), after=120))
    out.append(para(run(f"{S['org']} - {S['team']}", sz=9, color="404040"), after=60))
    out.append(para(run(form.guidance, i=True, sz=8.5, color="595959"), after=160))
    return out


def choice_runs(item: Item, mode: str, sz=None) -> str:
    if mode == "cc_after":
        parts = []
        for k, opt in enumerate(item.options):
            parts.append(run(opt + " ", sz=sz))
            parts.append(checkbox(item.chosen == k, sz=sz))
            if k < len(item.options) - 1:
                parts.append(run("    ", sz=sz))
        return "".join(parts)
    if mode == "delete":
        if item.chosen is None:
            return run(" / ".join(item.options), sz=sz)
        return run(item.options[item.chosen], sz=sz)
    return run(item.typed(use_elab=(mode == "typed_elab")), sz=sz)


def answer_paras(item: Item, mode: str, addr="br", sz=None, itype_mode=None) -> list[str]:
    """The paragraphs of an answer cell."""
    if item.kind in ("yn", "gender"):
        return [para(choice_runs(item, mode, sz))]
    if item.kind == "itype":
        m = itype_mode or mode
        if m == "cc_after":
            return [para([run(opt + " ", sz=sz), checkbox(item.chosen == k, sz=sz)]) for k, opt in
                    enumerate(item.options)]
        if m == "delete":
            if item.chosen is None:
                return [para(run(o, sz=sz)) for o in item.options]
            return [para(run(item.options[item.chosen], sz=sz))]
        return [para(run(item.typed(), sz=sz))]
    if item.kind == "address":
        if not item.lines:
            return [para()]
        if addr == "paras":
            return [para(run(l, sz=sz)) for l in item.lines]
        if addr == "one":
            return [para(run(", ".join(item.lines), sz=sz))]
        return [para(run("\n".join(item.lines), sz=sz))]
    if item.kind == "long":
        if not item.lines:
            return [para()]
        return [para(run(p, sz=sz), after=100 if k < len(item.lines) - 1 else 0) for k, p in enumerate(item.lines)]
    return [para(run(item.text, sz=sz))]


def agencies_table(item: Item, S: dict, head_fill: str, spare: int, sz=None, widths=None, indent=None) -> str:
    cols = item.cols
    total = TW - (indent or 0)
    if widths is None:
        base = {"agency": 3, "name": 2.4, "contact": 3, "extra_role": 1.7, "extra_yn": 1.4}
        tot = sum(base[r] for _, r in cols)
        widths = [int(total * base[r] / tot) for _, r in cols]
        widths[-1] = total - sum(widths[:-1])
    rows = [row([cell(para(run(t, b=True, sz=sz)), w, shd=head_fill) for (t, _), w in zip(cols, widths)],
                header=True)]
    for r in item.rows:
        rows.append(row([cell(para(run(r.get(role, ""), sz=sz)), w) for (_, role), w in zip(cols, widths)]))
    for _ in range(spare):
        rows.append(row([cell(para(), w) for w in widths], height=340))
    return table(rows, widths, indent=indent)


def decl_and_office(form: Form, label_w=3000, fill="F2F2F2", sz=None, heading_style=None) -> list[str]:
    out = []
    S = form.sender
    out.append(para(run("Declaration", b=True, sz=sz), style=heading_style, before=240, after=80, keep_next=True))
    rows = [row([cell(para(run(l, b=True, sz=sz)), label_w, shd=fill), cell(para(run(v, sz=sz)), TW - label_w)],
                height=400) for l, v in form.declaration]
    out.append(table(rows, [label_w, TW - label_w]))
    out.append(para(run(f"For {S['p_short']} use only", b=True, sz=sz), style=heading_style, before=240, after=80,
                    keep_next=True))
    office = ["Date received", "Reference", "Rapid Review decision", "Date of decision"]
    w = TW // 4
    rows = [row([cell(para(run(o, sz=8, color="595959")), w, shd="F2F2F2") for o in office]),
            row([cell(para(), w) for _ in office], height=400)]
    out.append(table(rows, [w, w, w, TW - 3 * w]))
    return out


def package(form: Form, body: list[str], *, template: str, numbering=False, heading_sizes=(13, 11.5, 10.5),
            heading_color=None) -> bytes:
    S = form.sender
    created = dt.datetime.combine(form.ref_date, dt.time(9, 0)) + dt.timedelta(minutes=form.n * 7 % 420)
    return build_docx("".join(body), font=S["word_font"], size=FONT_SIZE[S["word_font"]], dark=S["dark"],
                      header=header_xml(form), footer=footer_xml(form), title=f"{S['form_title']}",
                      author=form.record["referrer"]["name"] or "User", created=created, template=template,
                      numbering=numbering, heading_sizes=heading_sizes, heading_color=heading_color,
                      company=S["org"])


def is_long(item: Item, limit=55) -> bool:
    return item.kind in ("address", "long", "itype", "agencies") or len(item.label) > limit


# ============================================================================================== O-SECTIONTABLES
def o_sectiontables(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    lw = rng.choice([2800, 3200, 3600])
    label_fill = rng.choice([None, "F2F2F2"])
    label_bold = rng.random() < 0.5
    addr = rng.choice(["br", "paras"])
    form.notes["layout_info"] = dict(label_width_twips=lw, label_fill=label_fill or "none", label_bold=label_bold,
                                     address=addr, choice="w14:checkbox after each option")
    body = title_block(form)
    for sec in form.sections:
        body.append(para(run(sec.title, b=True, color="000000"), shd=S["light"], before=200, after=60, keep_next=True,
                         style="Heading2"))
        groups = sec.groups if sec.id == "child" else [sec.items]
        for gi, items in enumerate(groups):
            if sec.id == "child" and len(groups) > 1:
                body.append(para(run(f"{S['child_title']} {gi + 1} of {len(groups)}", b=True, i=True),
                                 before=120, after=40, keep_next=True))
            if sec.id == "agencies":
                it = items[0]
                body.append(para(run(it.label, b=True), after=60, keep_next=True))
                body.append(agencies_table(it, S, S["light"], 2))
                continue
            rows = []
            for it in items:
                rows.append(row([cell(para(run(it.label, b=label_bold)), lw, shd=label_fill),
                                 cell(answer_paras(it, "cc_after", addr), TW - lw)]))
            body.append(table(rows, [lw, TW - lw]))
    body += decl_and_office(form)
    return package(form, body, template=f"{S['form_ref'].replace('/', '-')} referral form.dotx")


# ============================================================================================== O-FOURCOL
def o_fourcol(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    lw = rng.choice([1800, 1950, 2100])
    aw = (TW - 2 * lw) // 2
    widths = [lw, aw, lw, TW - 2 * lw - aw]
    label_fill = rng.choice([None, None, "F2F2F2"])
    form.notes["layout_info"] = dict(label_width_twips=lw, label_fill=label_fill or "none", choice="typed",
                                     section_rows="D9D9D9 merged title rows")
    sz = FONT_SIZE[S["word_font"]] - 1

    def title_row(text, italic=False):
        return row([cell(para(run(text, b=not italic, i=italic, caps=not italic, sz=sz)), TW, span=4,
                         shd="D9D9D9" if not italic else "F2F2F2")], cant_split=True)

    def lab(it):
        return cell(para(run(it.label, b=True, sz=sz - 0.5)), lw, shd=label_fill)

    def items_rows(items):
        out, pending = [], None
        for it in items:
            if is_long(it, 50):
                if pending:
                    out.append(row([lab(pending), cell(answer_paras(pending, "typed_elab", "br", sz), aw),
                                    cell(para(), lw), cell(para(), widths[3])]))
                    pending = None
                out.append(row([lab(it), cell(answer_paras(it, "typed_elab", "br", sz), TW - lw, span=3)]))
            elif pending is None:
                pending = it
            else:
                out.append(row([lab(pending), cell(answer_paras(pending, "typed_elab", "br", sz), aw), lab(it),
                                cell(answer_paras(it, "typed_elab", "br", sz), widths[3])]))
                pending = None
        if pending:
            out.append(row([lab(pending), cell(answer_paras(pending, "typed_elab", "br", sz), aw), cell(para(), lw),
                            cell(para(), widths[3])]))
        return out

    body = title_block(form)
    rows = []
    for sec in form.sections:
        if sec.id == "agencies":
            if rows:
                body.append(table(rows, widths))
                rows = []
            it = sec.items[0]
            body.append(para(run(sec.title, b=True, caps=True, sz=sz), before=160, after=60, keep_next=True))
            body.append(para(run(it.label, sz=sz), after=60, keep_next=True))
            body.append(agencies_table(it, S, "D9D9D9", 1, sz=sz))
            body.append(para(after=0))
            continue
        rows.append(title_row(sec.title))
        if sec.id == "child":
            for gi, g in enumerate(sec.groups):
                if len(sec.groups) > 1:
                    rows.append(title_row(f"{S['child_title']} {gi + 1}", italic=True))
                rows += items_rows(g)
        else:
            rows += items_rows(sec.items)
    if rows:
        body.append(table(rows, widths))
    body += decl_and_office(form, sz=sz)
    return package(form, body, template="Normal.dotm")


# ============================================================================================== O-LABELABOVE
def o_labelabove(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    box_fill = rng.choice(["F2F2F2", S["light"], "FFFFFF"])
    per_row_short = rng.choice([3, 3, 2])
    form.notes["layout_info"] = dict(answer_fill=box_fill, short_fields_per_row=per_row_short,
                                     choice="delete as appropriate")
    G = 6
    gw = TW // G
    widths = [gw] * (G - 1) + [TW - gw * (G - 1)]
    sz = FONT_SIZE[S["word_font"]] - 0.5
    nob = {e: ("nil", 0, "auto") for e in ("top", "left", "bottom", "right")}
    box = {e: ("single", 4, "7F7F7F") for e in ("top", "left", "bottom", "right")}

    def label_of(it):
        if it.kind in ("yn", "gender"):
            return it.label + " (delete as appropriate)"
        if it.kind == "itype":
            return it.label + " (delete those that do not apply)"
        return it.label

    def size_of(it):
        if it.kind in ("address", "long", "itype") or len(it.label) > 48:
            return 6
        short = it.kind in ("date", "yn", "gender") or (it.kind == "text" and len(it.text) <= 22 and
                                                        len(it.label) <= 34)
        return 6 // per_row_short if short else 3

    def flush(group, out):
        if not group:
            return
        used = sum(s for _, s in group)
        cells_l, cells_a = [], []
        for k, (it, s) in enumerate(group):
            if k == len(group) - 1:
                s += 6 - used
            w = sum(widths[:s]) if s < 6 else TW
            cells_l.append(cell(para(run(label_of(it), b=True, sz=8, color=S["dark"]), after=0), w, span=s,
                                borders=nob, valign="bottom"))
            cells_a.append(cell(answer_paras(it, "delete", "br", sz), w, span=s, borders=box, shd=box_fill))
        out.append(row(cells_l, cant_split=True))
        out.append(row(cells_a, height=420))

    def items_table(items):
        out, group, used = [], [], 0
        for it in items:
            s = size_of(it)
            if used + s > 6:
                flush(group, out)
                group, used = [], 0
            group.append((it, s))
            used += s
        flush(group, out)
        return table(out, widths, borders="none", style=None)

    body = title_block(form)
    for sec in form.sections:
        body.append(para(run(sec.title), style="Heading1", bottom_border=(S["dark"], 8), keep_next=True))
        if sec.id == "agencies":
            it = sec.items[0]
            body.append(para(run(it.label, b=True, sz=8, color=S["dark"]), after=40, keep_next=True))
            body.append(agencies_table(it, S, box_fill if box_fill != "FFFFFF" else "F2F2F2", 2, sz=sz))
            continue
        if sec.id == "child":
            for gi, g in enumerate(sec.groups):
                if len(sec.groups) > 1:
                    body.append(para(run(f"{S['child_title']} {gi + 1}"), style="Heading2", keep_next=True))
                body.append(items_table(g))
        else:
            body.append(items_table(sec.items))
    body += decl_and_office(form, heading_style="Heading1")
    return package(form, body, template=f"{S['p_short']} form (boxes).dotx", heading_sizes=(12, 11, 10))


# ============================================================================================== O-NUMBEREDQ
def o_numberedq(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    addr = rng.choice(["paras", "one", "paras"])
    hint_colour = rng.choice(["808080", "7F7F7F"])
    form.notes["layout_info"] = dict(numbering="numbering.xml multilevel %1. / %1.%2 (not in the text)",
                                     address=addr, choice="typed under the question; options hinted in the question")
    ind = 709

    def question(it: Item):
        runs = [run(it.label, b=True)]
        if it.kind in ("yn", "gender"):
            runs.append(run("  (" + " / ".join(it.options) + ")", i=True, sz=8.5, color=hint_colour))
        out = [para(runs, num=(1, 1), keep_next=True, before=80, after=20)]
        if it.kind == "itype":
            out.append(para(run("Options: " + "; ".join(it.options), i=True, sz=8.5, color=hint_colour),
                            ind_left=ind, keep_next=True, after=20))
        ans = []
        if it.kind in ("yn", "gender", "itype"):
            t = it.typed(use_elab=True)
            ans = [t] if t else []
        elif it.kind == "address":
            ans = it.lines if addr == "paras" else ([", ".join(it.lines)] if it.lines else [])
        elif it.kind == "long":
            ans = it.lines
        elif it.text:
            ans = [it.text]
        if not ans:
            ans = [""]
        for a in ans:
            out.append(para(run(a, color="1F1F1F") if a else "", ind_left=ind, after=40))
        return out

    body = title_block(form)
    for sec in form.sections:
        body.append(para(run(strip_num(sec.title)), style="Heading1", num=(1, 0), keep_next=True))
        if sec.id == "agencies":
            it = sec.items[0]
            body.append(para(run(it.label, b=True), num=(1, 1), keep_next=True, before=80, after=60))
            body.append(agencies_table(it, S, "E7E6E6", 1, sz=FONT_SIZE[S["word_font"]] - 1, indent=ind))
            continue
        if sec.id == "child":
            for gi, g in enumerate(sec.groups):
                if len(sec.groups) > 1:
                    body.append(para(run(f"{S['child_title']} {gi + 1}"), style="Heading3", keep_next=True))
                for it in g:
                    body += question(it)
        else:
            for it in sec.items:
                body += question(it)
    body += decl_and_office(form, heading_style="Heading2")
    return package(form, body, template=f"{S['form_ref'].replace('/', '-')} numbered.dotx", numbering=True)


# ============================================================================================== O-CHILDGRID
def o_childgrid(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    mark = rng.choice(["X", "x", "\u2713", "\u2714"])
    ncols = max(form.n_children, rng.choice([2, 3]))
    form.notes["layout_info"] = dict(mark=mark, child_columns=ncols, people_table="referrer | lead side by side",
                                     choice="tick columns; typed in the child grid")
    sz = FONT_SIZE[S["word_font"]] - 1
    head = "D9D9D9"
    body = title_block(form)
    secs = {s.id: s for s in form.sections}

    def lab_answer_table(items, lw=3400):
        rows = [row([cell(para(run(it.label, b=True, sz=sz)), lw, shd="F2F2F2"),
                     cell(answer_paras(it, "typed", "br", sz), TW - lw)]) for it in items]
        return table(rows, [lw, TW - lw])

    def tick_table(items):
        opts = [S["yes"], S["no"], S["third"]]
        qw = TW - 3 * 1250
        widths = [qw, 1250, 1250, 1250]
        rows = [row([cell(para(run("Question", b=True, sz=sz)), qw, shd=head)] +
                    [cell(para(run(o, b=True, sz=sz), align="center"), 1250, shd=head) for o in opts], header=True)]
        for it in items:
            rows.append(row([cell(para(run(it.label, sz=sz)), qw)] +
                            [cell(para(run(mark if it.chosen == k else "", b=True, sz=sz), align="center"), 1250,
                                  valign="center") for k in range(3)]))
        return table(rows, widths)

    def heading(text):
        return para(run(text, b=True, color="FFFFFF"), shd=S["dark"], before=200, after=60, keep_next=True)

    # people: date of referral first, then referrer | lead
    ref_items = secs["referrer"].items
    lead_items = secs["lead"].items
    body.append(heading(strip_num(secs["referrer"].title) + " and " + strip_num(secs["lead"].title).lower()))
    first = [i for i in ref_items if i.key == "date_of_referral" or i.decoy]
    body.append(lab_answer_table(first))
    body.append(para(after=0))
    rows_lbl = [("name", "Name"), ("role", "Job title / role"), ("agency", "Organisation / team"), ("email", "Email"),
                ("phone", "Telephone")]
    lw = 2300
    cw = (TW - lw) // 2
    byk_r = {i.key.split(".")[1]: i for i in ref_items if i.key.startswith("ref.")}
    byk_l = {i.key.split(".")[1]: i for i in lead_items if i.key.startswith("lead.") and i.key != "lead.discussed"}
    rows = [row([cell(para(), lw, shd=head), cell(para(run(S["labels"]["ref.name"], b=True, sz=sz)), cw, shd=head),
                 cell(para(run(S["labels"]["lead.name"], b=True, sz=sz)), TW - lw - cw, shd=head)], header=True)]
    for k, lbl in rows_lbl:
        rows.append(row([cell(para(run(lbl, b=True, sz=sz)), lw, shd="F2F2F2"),
                         cell(para(run(byk_r[k].text if k != "name" else byk_r["name"].text, sz=sz)), cw),
                         cell(para(run(byk_l[k].text, sz=sz)), TW - lw - cw)]))
    body.append(table(rows, [lw, cw, TW - lw - cw]))
    body.append(para(after=0))
    body.append(tick_table([i for i in lead_items if i.key == "lead.discussed"]))

    # children grid
    csec = secs["child"]
    body.append(heading(csec.title))
    labels, seen = [], set()
    for g in csec.groups:
        for it in g:
            k = (it.key, it.label)
            if k not in seen:
                seen.add(k)
                labels.append(k)
    lw = 2500
    cw = (TW - lw) // ncols
    widths = [lw] + [cw] * (ncols - 1) + [TW - lw - cw * (ncols - 1)]
    rows = [row([cell(para(), lw, shd=head)] + [cell(para(run(f"{S['child_title']} {k + 1}", b=True, sz=sz)), w,
                                                     shd=head) for k, w in enumerate(widths[1:])], header=True)]
    for key, label in labels:
        cells = [cell(para(run(label, b=True, sz=sz)), lw, shd="F2F2F2")]
        for k, w in enumerate(widths[1:]):
            it = None
            if k < len(csec.groups):
                it = next((i for i in csec.groups[k] if (i.key, i.label) == (key, label)), None)
            cells.append(cell(answer_paras(it, "typed", "br", sz) if it else [para()], w))
        rows.append(row(cells))
    body.append(table(rows, widths))

    # incident
    isec = secs["incident"]
    body.append(heading(isec.title))
    typed = [i for i in isec.items if i.kind not in ("itype", "yn")]
    body.append(lab_answer_table([i for i in typed if i.key != "inc.other" and i.kind != "long"]))
    itype = next(i for i in isec.items if i.kind == "itype")
    tw = 1400
    rows = [row([cell(para(run(itype.label, b=True, sz=sz)), TW - tw, shd=head),
                 cell(para(run("Tick one", b=True, sz=sz), align="center"), tw, shd=head)], header=True)]
    for k, o in enumerate(itype.options):
        rows.append(row([cell(para(run(o, sz=sz)), TW - tw),
                         cell(para(run(mark if itype.chosen == k else "", b=True, sz=sz), align="center"), tw)]))
    body.append(para(after=0))
    body.append(table(rows, [TW - tw, tw]))
    body.append(para(after=0))
    body.append(lab_answer_table([i for i in typed if i.key == "inc.other" or i.kind == "long"]))
    body.append(para(after=0))
    body.append(tick_table([i for i in isec.items if i.kind == "yn"]))

    # criteria
    crs = secs["criteria"]
    body.append(heading(crs.title))
    body.append(tick_table([i for i in crs.items if i.kind == "yn"]))
    body.append(para(after=0))
    body.append(lab_answer_table([i for i in crs.items if i.kind != "yn"]))

    for sid in ("agencies", "immediate", "records"):
        s = secs[sid]
        body.append(heading(s.title))
        if sid == "agencies":
            it = s.items[0]
            body.append(para(run(it.label, sz=sz), after=60))
            body.append(agencies_table(it, S, head, 2, sz=sz))
        else:
            body.append(lab_answer_table(s.items))
    body += decl_and_office(form, sz=sz)
    return package(form, body, template="Referral (tick boxes).dotx")


# ============================================================================================== Q-LIBRETABLE source
def libre_source(form: Form) -> bytes:
    """One long two-column table for the whole form, section titles as merged shaded rows; choices typed."""
    rng = form.rng
    S = form.sender
    lw = rng.choice([3300, 3600, 3900])
    fill = rng.choice([S["light"], "E7E6E6"])
    form.notes["layout_info"] = dict(label_width_twips=lw, title_fill=fill, choice="typed",
                                     producer="LibreOffice 7.4 (writer_pdf_Export)")
    body = title_block(form)
    rows = []
    widths = [lw, TW - lw]

    def title_row(text, sub=False):
        return row([cell(para(run(text, b=True, i=sub)), TW, span=2, shd=fill if not sub else "F2F2F2")],
                   cant_split=True)

    for sec in form.sections:
        if sec.id == "agencies":
            if rows:
                body.append(table(rows, widths))
                rows = []
            it = sec.items[0]
            body.append(para(run(sec.title, b=True, color=S["dark"]), before=160, after=60, keep_next=True))
            body.append(para(run(it.label), after=60, keep_next=True))
            body.append(agencies_table(it, S, fill, 1))
            body.append(para(after=0))
            continue
        rows.append(title_row(sec.title))
        groups = sec.groups if sec.id == "child" else [sec.items]
        for gi, items in enumerate(groups):
            if sec.id == "child" and len(groups) > 1:
                rows.append(title_row(f"{S['child_title']} {gi + 1}", sub=True))
            for it in items:
                rows.append(row([cell(para(run(it.label)), lw), cell(answer_paras(it, "typed_elab", "br"), TW - lw)]))
    if rows:
        body.append(table(rows, widths))
    body += decl_and_office(form)
    return package(form, body, template="Normal.dotm")


WORD = {"O-SECTIONTABLES": o_sectiontables, "O-FOURCOL": o_fourcol, "O-LABELABOVE": o_labelabove,
        "O-NUMBEREDQ": o_numberedq, "O-CHILDGRID": o_childgrid}
