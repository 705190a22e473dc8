"""The five Word layouts of plain31."""
from xml.sax.saxutils import escape

from p31_wml import build_docx, cell, para, run, table

GLYPH_ON, GLYPH_OFF = "\u2612", "\u2610"
FULL = 9638


def hint(it):
    return "(" + " / ".join(it.options) + ")"


def guidance(case):
    s = case.sender
    return (f"Please complete this form as fully as you can and send it securely to {s['pship_email']}. "
            f"Dates should be written as dd/mm/yyyy (for example 01/04/2025). If you are unsure whether to refer, "
            f"call the Partnership team on {s['pship_phone']} first. Example of a contact entry: Jane Smith, Health Visitor, 01632 960000.")


def header_block(case, rng, colour):
    s = case.sender
    x = para(run(s["partnership"], bold=True, size=11, color=colour))
    x += para(run(s["title"], bold=True, size=15), style="Title")
    x += para(run("Referring organisation: " + s["org"], size=9, italic=True))
    x += para(run(guidance(case), size=8.5, italic=True), after=160)
    return x


def office_block(width_split=(3200, 6438)):
    rows = [[cell(para(run("FOR OFFICE USE ONLY", bold=True, size=9)), FULL, shade="D9D9D9", span=2)]]
    for lab in ("Date received", "Partnership reference", "Rapid Review meeting date", "Decision"):
        rows.append([cell(para(run(lab, size=9)), width_split[0]), cell(para(), width_split[1])])
    return para(before=200) + table(rows, list(width_split))


def declaration_block(case, colour):
    x = para(run("Declaration", bold=True, size=11, color=colour), before=200)
    x += para(run("I confirm that the information in this form is accurate to the best of my knowledge.", size=9))
    rows = []
    for lab, val in case.declaration:
        rows.append([cell(para(run(lab, bold=True, size=9)), 2400), cell(para(run(val, size=10)), 7238)])
    return x + table(rows, [2400, 7238])


def agencies_table(case, colour, light, spare=2, widths=None):
    cols = case.agency_cols
    n = len(cols)
    widths = widths or [FULL // n] * (n - 1) + [FULL - (FULL // n) * (n - 1)]
    rows = [[cell(para(run(t, bold=True, size=9)), w, shade=light) for (f, t), w in zip(cols, widths)]]
    for r in case.agency_rows:
        rows.append([cell(para(run(r.get(f, ""), size=10)), w) for (f, t), w in zip(cols, widths)])
    for _ in range(spare):
        rows.append([cell(para(), w) for w in widths])
    return table(rows, widths, header_rows=1)


def text_paras(it, size=10, split_lines=True, ind=None):
    """The typed answer as paragraphs (addresses as separate paragraphs or line breaks)."""
    if it.paras:
        return "".join(para(run(p, size=size), ind_left=ind) for p in it.paras)
    if it.lines:
        if split_lines:
            return "".join(para(run(l, size=size), ind_left=ind, after=0) for l in it.lines)
        return para(run("\n".join(it.lines), size=size), ind_left=ind)
    return para(run(it.shown, size=size), ind_left=ind)


# ---------------------------------------------------------------------------------------------------------------------
# O-LETTERED: lettered sections, two-column tables, choices as drop-down content controls
# ---------------------------------------------------------------------------------------------------------------------
class SdtIds:
    def __init__(self, base):
        self.n = base

    def next(self):
        self.n += 7
        return self.n


def att(v):
    return escape(v, {'"': "&quot;"})


def dropdown(it, ids):
    items = '<w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{att(o)}" w:value="{att(o)}"/>' for o in it.options)
    ph = it.choice is None
    shown = "Choose an item." if ph else it.options[it.choice]
    r = run(shown, size=10, style="PlaceholderText" if ph else None)
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{att(it.label[:60])}"/>'
            f'<w:tag w:val="{it.key}"/><w:id w:val="{ids.next()}"/>{"<w:showingPlcHdr/>" if ph else ""}'
            f'<w:dropDownList w:lastValue="{"" if ph else att(shown)}">{items}</w:dropDownList></w:sdtPr>'
            f'<w:sdtContent>{r}</w:sdtContent></w:sdt>')


def o_lettered(case, rng, path, meta):
    s = case.sender
    col, light = s["colour"], s["light"]
    lw = rng.choice([3600, 3900, 4300])
    meta["label_width"] = lw
    ids = SdtIds(rng.randrange(100000000, 900000000))
    body = header_block(case, rng, col)
    letters = iter("ABCDEFGHIJ")

    def heading(title):
        return para(run("SECTION %s - %s" % (next(letters), title.upper()), bold=True, size=11, color=col),
                    border_bottom=col, before=240, after=80, keep_next=True)

    def rows_for(items):
        rows = []
        for it in items:
            lab = cell(para(run(it.label, size=9.5)), lw, shade=light)
            if it.is_choice:
                ans = cell(para(dropdown(it, ids)), FULL - lw)
            else:
                ans = cell(text_paras(it), FULL - lw)
            rows.append([lab, ans])
        return rows

    for skey, title, items in case.sections:
        if skey == "incident":
            body += heading(s["sections"]["child"])
            for ci, (ctitle, citems) in enumerate(case.children):
                body += para(run(f"{ctitle} of {len(case.children)}", bold=True, italic=True, size=10), before=120)
                body += table(rows_for(citems), [lw, FULL - lw])
        if skey == "immediate":
            body += heading(s["sections"]["agencies"])
            body += para(run(s["labels"]["agencies"], size=9.5))
            body += agencies_table(case, col, light)
        if not items:
            continue
        body += heading(title)
        body += table(rows_for(items), [lw, FULL - lw])
    body += declaration_block(case, col) + office_block()
    build_docx(path, body, s["marking"], s["formref"], font=rng.choice(["Arial", "Calibri"]), size=10, colour=col,
               title=s["title"], author=rng.choice(["Partnership Business Unit", "SCP Admin"]),
               created=meta["created"], template=s["formref"] + ".dotx")
    meta["producer"] = "Word (content controls: drop-down lists)"


# ---------------------------------------------------------------------------------------------------------------------
# O-GRID4: protected legacy form; four-column grid; FORMTEXT / FORMCHECKBOX
# ---------------------------------------------------------------------------------------------------------------------
class Fields:
    def __init__(self):
        self.t = 0
        self.c = 0


def formtext_runs(value_runs, fields):
    fields.t += 1
    name = f"Text{fields.t}"
    begin = (f'<w:bookmarkStart w:id="{fields.t}" w:name="{name}"/><w:r><w:fldChar w:fldCharType="begin"><w:ffData>'
             f'<w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
             '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{fields.t}"/>'
    return begin, end


def formtext_paras(it_text_paras, fields, size=10):
    """it_text_paras: list of paragraph strings (may contain \\n). One field spanning the paragraphs."""
    begin, end = formtext_runs(None, fields)
    if not it_text_paras or it_text_paras == [""]:
        return para(begin + run("\u2002" * 5, size=size) + end)
    out = []
    for i, ptxt in enumerate(it_text_paras):
        c = (begin if i == 0 else "") + run(ptxt, size=size) + (end if i == len(it_text_paras) - 1 else "")
        out.append(para(c))
    return "".join(out)


def checkbox(checked, fields):
    fields.c += 1
    name = f"Check{fields.c}"
    return (f'<w:bookmarkStart w:id="{1000 + fields.c}" w:name="{name}"/><w:r><w:fldChar w:fldCharType="begin"><w:ffData>'
            f'<w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>'
            + ("<w:checked/>" if checked else "") +
            '</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{1000 + fields.c}"/>')


def is_wide(it, limit=30):
    if it.paras or it.lines or it.kind == "itype":
        return True
    return len(it.label) > 48 or len(it.shown or "") > limit


def o_grid4(case, rng, path, meta):
    s = case.sender
    col, light = s["colour"], s["light"]
    lw = rng.choice([1900, 2100, 2300])
    aw = (FULL - 2 * lw) // 2
    widths = [lw, aw, lw, FULL - 2 * lw - aw]
    shade = rng.choice(["E7E6E6", light])
    meta.update(label_width=lw, label_shade=shade)
    f = Fields()
    body = header_block(case, rng, col)

    def answer(it):
        if it.is_choice:
            if it.kind == "itype":
                return "".join(para(checkbox(i == it.choice, f) + run(" " + o, size=9.5), after=0) for i, o in enumerate(it.options))
            x = ""
            for i, o in enumerate(it.options):
                x += checkbox(i == it.choice, f) + run(" " + o + ("    " if i < len(it.options) - 1 else ""), size=9.5)
            return para(x)
        if it.paras:
            return formtext_paras(it.paras, f)
        if it.lines:
            return formtext_paras(["\n".join(it.lines)], f)
        return formtext_paras([it.shown] if it.shown else [], f)

    def grid(items, title=None):
        rows = []
        if title:
            rows.append([cell(para(run(title, bold=True, size=10, color="FFFFFF")), FULL, shade=col, span=4)])
        pend = None
        for it in items:
            if is_wide(it):
                if pend:
                    rows.append(pend + [cell(para(), widths[2], shade=shade), cell(para(), widths[3])])
                    pend = None
                rows.append([cell(para(run(it.label, bold=True, size=9)), lw, shade=shade),
                             cell(answer(it), FULL - lw, span=3)])
            else:
                pair = [cell(para(run(it.label, bold=True, size=9)), lw, shade=shade), cell(answer(it), widths[1])]
                if pend:
                    rows.append(pend + pair)
                    pend = None
                else:
                    pend = pair
        if pend:
            rows.append(pend + [cell(para(), widths[2], shade=shade), cell(para(), widths[3])])
        return table(rows, widths)

    n = 0
    for skey, title, items in case.sections:
        if skey == "incident":
            n += 1
            body += para(run(f"{n}. {s['sections']['child']}", bold=True, size=12, color=col), before=200, keep_next=True)
            for ctitle, citems in case.children:
                body += grid(citems, ctitle)
                body += para(after=60)
        if skey == "immediate":
            n += 1
            body += para(run(f"{n}. {s['sections']['agencies']}", bold=True, size=12, color=col), before=200, keep_next=True)
            cols = case.agency_cols
            w = [FULL // len(cols)] * len(cols)
            rows = [[cell(para(run(t, bold=True, size=9)), w[0], shade=shade) for _, t in cols]]
            for r in case.agency_rows + [{}, {}]:
                rows.append([cell(formtext_paras([r[fl]] if r.get(fl) else [], f), w[0]) for fl, _ in cols])
            body += table(rows, w, header_rows=1)
        if not items:
            continue
        n += 1
        body += para(run(f"{n}. {title}", bold=True, size=12, color=col), before=200, keep_next=True)
        body += grid(items)
    body += declaration_block(case, col) + office_block()
    build_docx(path, body, s["marking"], s["formref"], font="Arial", size=10, colour=col, protect=True,
               title=s["title"], author="Business Support", created=meta["created"], template=s["formref"] + " (protected).dot")
    meta["producer"] = "Word 2016, protected for forms (legacy FORMTEXT / FORMCHECKBOX)"
    meta["fields"] = {"text": f.t, "check": f.c}


# ---------------------------------------------------------------------------------------------------------------------
# O-BOXES: label above the answer box, two per row; choices typed; hints in labels
# ---------------------------------------------------------------------------------------------------------------------
def o_boxes(case, rng, path, meta):
    s = case.sender
    col, light = s["colour"], s["light"]
    fill = rng.choice(["FFFFFF", "F2F2F2", light])
    meta["box_fill"] = fill
    half = FULL // 2
    body = header_block(case, rng, col)

    def label_of(it):
        if it.kind == "itype":
            return it.label + " - type one of: " + "; ".join(it.options)
        if it.is_choice:
            return it.label if "/" in it.label else it.label + " " + hint(it)
        return it.label

    def ans(it, w):
        if it.is_choice:
            return cell(para(run(it.typed(), size=10)), w, borders="7F7F7F", shade=fill)
        return cell(text_paras(it, split_lines=rng.random() < 0.5), w, borders="7F7F7F", shade=fill)

    def boxes(items):
        rows, heights = [], []
        pend = []
        def flush():
            if not pend:
                return
            labs = [cell(para(run(label_of(i), bold=True, size=8, color=col), after=0), half, borders="none") for i in pend]
            anss = [ans(i, half) for i in pend]
            if len(pend) == 1:
                labs.append(cell(para(), half, borders="none"))
                anss.append(cell(para(), half, borders="none"))
            rows.extend([labs, anss])
            heights.extend([0, 400])
            pend.clear()
        for it in items:
            if is_wide(it, 40):
                flush()
                rows.append([cell(para(run(label_of(it), bold=True, size=8, color=col), after=0), FULL, borders="none", span=2)])
                rows.append([ans(it, FULL)])
                rows[-1][0] = rows[-1][0].replace(f'<w:tcW w:w="{FULL}" w:type="dxa"/>', f'<w:tcW w:w="{FULL}" w:type="dxa"/><w:gridSpan w:val="2"/>', 1)
                heights.extend([0, 400])
            else:
                pend.append(it)
                if len(pend) == 2:
                    flush()
        flush()
        return table(rows, [half, FULL - half], borders=None, min_heights=heights)

    for skey, title, items in case.sections:
        if skey == "incident":
            body += para(run(s["sections"]["child"], size=14), style="Heading1")
            for ctitle, citems in case.children:
                body += para(run(ctitle), style="Heading2")
                body += boxes(citems)
        if skey == "immediate":
            body += para(run(s["sections"]["agencies"], size=14), style="Heading1")
            body += agencies_table(case, col, light, spare=1)
        if not items:
            continue
        body += para(run(title, size=14), style="Heading1")
        body += boxes(items)
    body += declaration_block(case, col) + office_block()
    build_docx(path, body, s["marking"], s["formref"], font=rng.choice(["Arial", "Verdana"]), size=10, colour=col,
               title=s["title"], author="Safeguarding Partnership", created=meta["created"], template="Referral form.dotx")
    meta["producer"] = "Word (label above box)"


# ---------------------------------------------------------------------------------------------------------------------
# O-NUMQ: numbered questions, answer under; choices as typed ballot-box characters
# ---------------------------------------------------------------------------------------------------------------------
def numq_body(case, rng, meta, glyph_font="Segoe UI Symbol"):
    s = case.sender
    col, light = s["colour"], s["light"]
    hang = rng.choice([567, 709])
    meta["hanging"] = hang
    body = header_block(case, rng, col)
    q = [0]

    def question(it):
        q[0] += 1
        x = para(run(f"{q[0]}.\t{it.label}", bold=True, size=10), ind_left=hang, hanging=hang, tabs=[hang], after=40, keep_next=True)
        if it.is_choice:
            if it.kind == "itype":
                for i, o in enumerate(it.options):
                    x += para(run(GLYPH_ON if i == it.choice else GLYPH_OFF, font=glyph_font, size=10) + run(" " + o, size=10), ind_left=hang, after=0)
                x += para(after=60)
            else:
                c = ""
                for i, o in enumerate(it.options):
                    c += run(GLYPH_ON if i == it.choice else GLYPH_OFF, font=glyph_font, size=10) + run(" " + o + ("\t" if i < len(it.options) - 1 else ""), size=10)
                x += para(c, ind_left=hang, tabs=[hang + 1700, hang + 3400], after=120)
        else:
            x += text_paras(it, ind=hang) if (it.shown or it.lines or it.paras) else para(ind_left=hang)
        return x

    part = 0
    for skey, title, items in case.sections:
        if skey == "incident":
            part += 1
            body += para(run(f"PART {part}: {s['sections']['child'].upper()}", size=13), style="Heading1")
            for ctitle, citems in case.children:
                body += para(run(ctitle), style="Heading2")
                for it in citems:
                    body += question(it)
        if skey == "immediate":
            part += 1
            body += para(run(f"PART {part}: {s['sections']['agencies'].upper()}", size=13), style="Heading1")
            q[0] += 1
            body += para(run(f"{q[0]}.\t{s['labels']['agencies']}", bold=True), ind_left=hang, hanging=hang, tabs=[hang])
            body += agencies_table(case, col, light, spare=1)
        if not items:
            continue
        part += 1
        body += para(run(f"PART {part}: {title.upper()}", size=13), style="Heading1")
        for it in items:
            body += question(it)
    body += declaration_block(case, col) + office_block()
    meta["questions"] = q[0]
    return body


def o_numq(case, rng, path, meta):
    s = case.sender
    body = numq_body(case, rng, meta)
    build_docx(path, body, s["marking"], s["formref"], font=rng.choice(["Arial", "Calibri", "Tahoma"]), size=10,
               colour=s["colour"], title=s["title"], author="Partnership Business Unit", created=meta["created"],
               template="Referral - numbered.dotx")
    meta["producer"] = "Word (numbered questions, typed ballot boxes)"


# ---------------------------------------------------------------------------------------------------------------------
# O-COLONTAB: 'Label:<tab>answer' paragraphs, children table with a row per child
# ---------------------------------------------------------------------------------------------------------------------
IDENT = ("c_name", "c_given", "c_family", "c_dob", "c_age", "c_gender", "c_eth")


def o_colontab(case, rng, path, meta):
    s = case.sender
    col, light = s["colour"], s["light"]
    tab = rng.choice([3400, 3800, 4200])
    meta["tab"] = tab
    body = header_block(case, rng, col)

    def line(it):
        lab = it.label if it.label.endswith(("?", ")")) else it.label + ":"
        if it.paras:
            return para(run(lab, bold=True), after=40) + "".join(para(run(p), ind_left=360) for p in it.paras)
        if it.lines:
            return para(run(lab, bold=True) + run("\t" + ", ".join(it.lines)), tabs=[tab], ind_left=tab, hanging=tab)
        return para(run(lab, bold=True) + run("\t" + it.typed()), tabs=[tab], ind_left=tab, hanging=tab)

    def heading(t):
        return para(run(t.upper(), bold=True, size=11, color=col), before=240, after=80, border_bottom="A6A6A6", keep_next=True)

    for skey, title, items in case.sections:
        if skey == "incident":
            body += heading(s["sections"]["child"])
            idents = [i for i in case.children[0][1] if i.key in IDENT]
            cols = [("No.", 500)] + [(i.label, 0) for i in idents]
            rest = FULL - 500
            w = [500] + [rest // len(idents)] * len(idents)
            w[-1] = FULL - sum(w[:-1])
            rows = [[cell(para(run(t, bold=True, size=8.5)), ww, shade=light) for (t, _), ww in zip(cols, w)]]
            for ci, (ctitle, citems) in enumerate(case.children):
                by = {i.key: i for i in citems}
                rows.append([cell(para(run(str(ci + 1), size=9.5)), w[0])] +
                            [cell(para(run(by[i.key].typed(), size=9.5)), ww) for i, ww in zip(idents, w[1:])])
            body += table(rows, w, header_rows=1)
            for ci, (ctitle, citems) in enumerate(case.children):
                body += para(run(f"{ctitle} - further details", bold=True, italic=True, color=col), before=160)
                for it in citems:
                    if it.key not in IDENT:
                        body += line(it)
        if skey == "immediate":
            body += heading(s["sections"]["agencies"])
            body += agencies_table(case, col, light, spare=0)
        if not items:
            continue
        body += heading(title)
        for it in items:
            body += line(it)
    body += declaration_block(case, col) + office_block()
    build_docx(path, body, s["marking"], s["formref"], font=rng.choice(["Arial", "Calibri"]), size=10, colour=col,
               title=s["title"], author="Children's Partnership", created=meta["created"], template="Referral form v3.dotx")
    meta["producer"] = "Word ('Label:<tab>answer' paragraphs, children table)"


WORD_LAYOUTS = {"O-LETTERED": o_lettered, "O-GRID4": o_grid4, "O-BOXES": o_boxes, "O-NUMQ": o_numq,
                "O-COLONTAB": o_colontab}
