"""The reportlab PDF layouts (Q-WORDSAVED, Q-COLONLINES, Q-GRIDROWS) and the LibreOffice step (Q-LIBRETABLE)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from p29_flow import Doc, Run, TCell, TRow
from p29_model import Form, Item


def fonts(family: str):
    return family, family + "-B", family + "-I", family + "-BI"


def running(form: Form, family: str, marking_colour="C00000"):
    S = form.sender
    R, B, I, _ = fonts(family)

    def header(c, p, n, doc):
        from reportlab.lib.colors import HexColor
        c.setFillColor(HexColor("#" + marking_colour))
        c.setFont(B, 8.5)
        c.drawString(doc.left, doc.H - 34, S["marking"])
        c.setFillColor(HexColor("#595959"))
        c.setFont(R, 7.5)
        c.drawRightString(doc.W - doc.right, doc.H - 34, S["partnership"])

    def footer(c, p, n, doc):
        from reportlab.lib.colors import HexColor
        c.setFillColor(HexColor("#595959"))
        c.setFont(R, 7.5)
        c.drawString(doc.left, 30, f"{S['form_ref']} {S['version']}")
        c.drawRightString(doc.W - doc.right, 30, f"Page {p} of {n}")

    return header, footer


def meta_date(form: Form) -> str:
    t = dt.datetime.combine(form.ref_date, dt.time(10, 0)) + dt.timedelta(minutes=(form.n * 13) % 400)
    return t.strftime("%Y%m%d%H%M%S")


def title_block(doc: Doc, form: Form, family: str):
    S = form.sender
    R, B, I, _ = fonts(family)
    doc.para([Run(S["partnership"], B, 12, S["dark"])], after=1)
    doc.para([Run(S["form_title"], B, 16, S["dark"])], after=2)
    doc.para([Run(S["form_subtitle"], I, 9.5, "404040")], after=4)
    doc.para([Run(f"{S['org']} - {S['team']}", R, 8.5, "404040")], after=3)
    doc.para([Run(form.guidance, I, 8, "595959")], after=8)


def choice_runs(item: Item, family: str, size: float, style: str) -> list:
    R = family
    if style == "glyph_before":
        runs = []
        for k, o in enumerate(item.options):
            runs.append(Run(("\u2612 " if item.chosen == k else "\u2610 ") + o + ("      " if k < len(item.options) - 1
                                                                                    else ""), R, size))
        return runs
    return [Run(item.typed(use_elab=True), R, size)]


def answer_paras(item: Item, family: str, size: float, style: str) -> list:
    R = family
    if item.kind in ("yn", "gender"):
        return [choice_runs(item, family, size, style)]
    if item.kind == "itype":
        if style == "glyph_before":
            return [[Run(("\u2612 " if item.chosen == k else "\u2610 ") + o, R, size)] for k, o in enumerate(item.options)]
        return [[Run(item.typed(), R, size)]]
    if item.kind == "address":
        return [[Run("\n".join(item.lines), R, size)]] if item.lines else [[]]
    if item.kind == "long":
        return [[Run(p, R, size)] for p in item.lines] or [[]]
    return [[Run(item.text, R, size)]]


def agencies_rows(item: Item, family: str, size: float, head_fill: str, spare: int, widths_rel=None):
    R, B, _, _ = fonts(family)
    rows = [TRow(cells=[TCell(paras=[[Run(t, B, size)]], fill=head_fill) for t, _ in item.cols], header=True)]
    for r in item.rows:
        rows.append(TRow(cells=[TCell(paras=[[Run(r.get(role, ""), R, size)]]) for _, role in item.cols]))
    for _ in range(spare):
        rows.append(TRow(cells=[TCell(paras=[[]]) for _ in item.cols], min_h=16))
    return rows


def agency_widths(item: Item, total: float):
    base = {"agency": 3, "name": 2.4, "contact": 3, "extra_role": 1.7, "extra_yn": 1.4}
    tot = sum(base[r] for _, r in item.cols)
    return [total * base[r] / tot for _, r in item.cols]


def decl_office(doc: Doc, form: Form, family: str, size: float, lw: float, heading):
    R, B, _, _ = fonts(family)
    heading("Declaration")
    doc.table([lw, doc.width - lw], [TRow(cells=[TCell(paras=[[Run(l, B, size)]], fill="F2F2F2"),
                                                TCell(paras=[[Run(v, R, size)]])], min_h=20)
                                    for l, v in form.declaration])
    heading(f"For {form.sender['p_short']} use only")
    w = doc.width / 4
    office = ["Date received", "Reference", "Rapid Review decision", "Date of decision"]
    doc.table([w] * 4, [TRow(cells=[TCell(paras=[[Run(o, R, 7.5, "595959")]], fill="F2F2F2") for o in office]),
                        TRow(cells=[TCell(paras=[[]]) for _ in office], min_h=22)])


def finish(doc: Doc, form: Form, family: str, creator: str, producer: str, title: str) -> bytes:
    header, footer = running(form, family)
    return doc.render(header=header, footer=footer, title=title, author=form.record["referrer"]["name"] or "",
                      creator=creator, producer=producer, date_str=meta_date(form), id_seed=form.name)


# ============================================================================================== Q-WORDSAVED
def q_wordsaved(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    fam = S["pdf_font"]
    R, B, I, BI = fonts(fam)
    size = 9.5
    frac = rng.choice([0.30, 0.34, 0.38])
    label_fill = rng.choice([None, "F2F2F2"])
    producer = rng.choice(["Microsoft\u00ae Word for Microsoft 365", "Microsoft\u00ae Word 2016",
                           "Microsoft\u00ae Word 2019"])
    form.notes["layout_info"] = dict(label_width=f"{int(frac * 100)}%", label_fill=label_fill or "none",
                                     producer=producer, choice="glyph before the option word")
    doc = Doc()
    title_block(doc, form, fam)
    lw = doc.width * frac
    widths = [lw, doc.width - lw]
    for sec in form.sections:
        doc.bar(sec.title, S["dark"], size=10.5, font=B)
        if sec.id == "agencies":
            it = sec.items[0]
            doc.para([Run(it.label, B, size)], after=3, keep=40)
            doc.table(agency_widths(it, doc.width), agencies_rows(it, fam, size - 0.5, S["light"], 2))
            continue
        groups = sec.groups if sec.id == "child" else [sec.items]
        for gi, items in enumerate(groups):
            if sec.id == "child" and len(groups) > 1:
                doc.para([Run(f"{S['child_title']} {gi + 1} of {len(groups)}", BI, size)], before=4, after=3, keep=40)
            rows = [TRow(cells=[TCell(paras=[[Run(it.label, B, size)]], fill=label_fill),
                                TCell(paras=answer_paras(it, R, size, "glyph_before"))]) for it in items]
            doc.table(widths, rows)
            doc.gap(4)

    def heading(t):
        doc.bar(t, S["dark"], size=10.5, font=B)

    decl_office(doc, form, fam, size, lw, heading)
    return finish(doc, form, fam, producer, producer, S["form_title"])


# ============================================================================================== Q-COLONLINES
def q_colonlines(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    fam = rng.choice(["Serif", "Serif", "Sans"])
    R, B, I, BI = fonts(fam)
    size = rng.choice([10, 10.5])
    addr_style = rng.choice(["under", "inline"])
    docname = f"{S['form_ref'].replace('/', '-')} referral - {form.record['children'][0]['name'].split()[0]}.docx"
    form.notes["layout_info"] = dict(font=fam, size=size, address=addr_style, producer="Microsoft: Print To PDF",
                                     choice="typed", title=f"Microsoft Word - {docname}")
    doc = Doc(margins=(64, 60, 60, 60))
    title_block(doc, form, fam)

    def sep(label):
        return "" if label.rstrip().endswith(("?", ")")) else ":"

    def line_item(it: Item):
        lab = [Run(it.label + sep(it.label) + " ", B, size)]
        if it.kind == "address" and addr_style == "under" and it.lines:
            doc.para(lab, after=0, keep=30)
            for l in it.lines:
                doc.para([Run(l, R, size)], x=doc.left + 24, after=0)
            doc.gap(3)
            return
        if it.kind == "long":
            doc.para(lab, after=1, keep=30)
            for p in it.lines:
                doc.para([Run(p, R, size)], x=doc.left + 24, after=4)
            if not it.lines:
                doc.gap(8)
            doc.gap(2)
            return
        doc.para(lab + [Run(it.typed(use_elab=True), R, size)], after=3)

    def heading(text):
        doc.para([Run(text.upper(), B, size + 1, S["dark"])], before=8, after=0, keep=60)
        doc.rule(S["dark"], 0.8, before=1, after=5)

    for sec in form.sections:
        heading(sec.title)
        if sec.id == "agencies":
            it = sec.items[0]
            doc.para([Run(it.label + ":", B, size)], after=3, keep=40)
            doc.table(agency_widths(it, doc.width), agencies_rows(it, fam, size - 1, "E7E6E6", 1), grid="000000",
                      lw=0.4)
            doc.gap(4)
            continue
        groups = sec.groups if sec.id == "child" else [sec.items]
        for gi, items in enumerate(groups):
            if sec.id == "child" and len(groups) > 1:
                doc.para([Run(f"{S['child_title']} {gi + 1}", BI, size)], before=4, after=3, keep=40)
            for it in items:
                line_item(it)
    heading("Declaration")
    for l, v in form.declaration:
        doc.para([Run(l + ": ", B, size), Run(v, R, size)], after=3)
    heading(f"For {S['p_short']} use only")
    for o in ["Date received:", "Reference:", "Decision:"]:
        doc.para([Run(o, R, size - 1, "595959")], after=6)
    return finish(doc, form, fam, "Microsoft\u00ae Word for Microsoft 365", "Microsoft: Print To PDF",
                  f"Microsoft Word - {docname}")


# ============================================================================================== Q-GRIDROWS
def q_gridrows(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    fam = S["pdf_font"]
    R, B, I, BI = fonts(fam)
    size = 8.8
    lfrac = rng.choice([0.19, 0.21])
    form.notes["layout_info"] = dict(label_width=f"{int(lfrac * 100)}% each", producer="Microsoft: Print To PDF",
                                     choice="typed", children="a row per child, then further details per child")
    doc = Doc(margins=(62, 44, 58, 44))
    title_block(doc, form, fam)
    W = doc.width
    lw = W * lfrac
    aw = (W - 2 * lw) / 2
    widths = [lw, aw, lw, aw]
    LF = "E7E6E6"

    def heading(text):
        doc.para([Run(text, B, 11, S["dark"])], before=8, after=0, keep=70)
        doc.rule(S["dark"], 2.0, before=2, after=5)

    def lab(it):
        return TCell(paras=[[Run(it.label, B, size - 0.3)]], fill=LF)

    def ans(it, span=1):
        return TCell(paras=answer_paras(it, R, size, "typed"), span=span)

    def grid(items):
        rows, pending = [], None
        for it in items:
            if it.kind in ("address", "long", "itype") or len(it.label) > 50:
                if pending:
                    rows.append(TRow(cells=[lab(pending), ans(pending), TCell(paras=[[]]), TCell(paras=[[]])]))
                    pending = None
                rows.append(TRow(cells=[lab(it), ans(it, 3)]))
            elif pending is None:
                pending = it
            else:
                rows.append(TRow(cells=[lab(pending), ans(pending), lab(it), ans(it)]))
                pending = None
        if pending:
            rows.append(TRow(cells=[lab(pending), ans(pending), TCell(paras=[[]]), TCell(paras=[[]])]))
        doc.table(widths, rows)
        doc.gap(4)

    ident = ["c.forename", "c.surname", "c.fullname", "c.dob", "c.age", "c.gender", "c.ethnicity"]
    for sec in form.sections:
        heading(sec.title)
        if sec.id == "agencies":
            it = sec.items[0]
            doc.para([Run(it.label, B, size)], after=3, keep=40)
            doc.table(agency_widths(it, W), agencies_rows(it, fam, size - 0.3, LF, 2))
            doc.gap(4)
            continue
        if sec.id != "child":
            grid(sec.items)
            continue
        g0 = sec.groups[0]
        cols = [i for i in g0 if i.key in ident]
        nw = 24
        rel = {"c.forename": 2, "c.surname": 2, "c.fullname": 3, "c.dob": 1.6, "c.age": 1.4, "c.gender": 1.2,
               "c.ethnicity": 2.4}
        tot = sum(rel[i.key] for i in cols)
        cw = [nw] + [(W - nw) * rel[i.key] / tot for i in cols]
        rows = [TRow(cells=[TCell(paras=[[Run("No.", B, size - 0.5)]], fill=LF)] +
                     [TCell(paras=[[Run(i.label, B, size - 0.5)]], fill=LF) for i in cols], header=True)]
        for gi, g in enumerate(sec.groups):
            byk = {i.key: i for i in g}
            rows.append(TRow(cells=[TCell(paras=[[Run(str(gi + 1), R, size)]])] +
                        [TCell(paras=answer_paras(byk[i.key], R, size, "typed")) for i in cols]))
        doc.table(cw, rows)
        doc.gap(6)
        for gi, g in enumerate(sec.groups):
            doc.para([Run(f"{S['child_title']} {gi + 1} - further details", BI, size + 0.5)], before=2, after=3,
                     keep=50)
            grid([i for i in g if i.key not in ident])
    decl_office(doc, form, fam, size, lw * 1.6, heading)
    docname = f"{S['form_ref'].replace('/', '-')} - referral.docx"
    return finish(doc, form, fam, "Microsoft\u00ae Word 2016", "Microsoft: Print To PDF", f"Microsoft Word - {docname}")


PDF = {"Q-WORDSAVED": q_wordsaved, "Q-COLONLINES": q_colonlines, "Q-GRIDROWS": q_gridrows}


# ============================================================================================== LibreOffice step
def libre_convert(docs: dict[str, bytes], dates: dict[str, str]) -> dict[str, bytes]:
    """Convert Word sources with LibreOffice (headless, private profile) and normalise the run-dependent bytes:
    CreationDate, the /ID pair and /DocChecksum become same-length values from the case and the file name."""
    out = {}
    if not docs:
        return out
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed for the Q-LIBRETABLE layout")
    tmp = tempfile.mkdtemp(prefix="p29lo_")
    try:
        src = os.path.join(tmp, "src")
        os.makedirs(src)
        for name, data in docs.items():
            with open(os.path.join(src, name.replace(".pdf", ".docx")), "wb") as fh:
                fh.write(data)
        profile = "file://" + os.path.join(tmp, "profile")
        files = sorted(os.path.join(src, f) for f in os.listdir(src))
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", os.path.join(tmp, "out")] + files,
                       check=True, capture_output=True, timeout=600, env=dict(os.environ, TZ="UTC"))
        for name in docs:
            with open(os.path.join(tmp, "out", name), "rb") as fh:
                data = fh.read()
            out[name] = normalise_libre(data, dates[name], name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def normalise_libre(data: bytes, date_str: str, name: str) -> bytes:
    def sub_date(m):
        old = m.group(0)
        new = f"/CreationDate(D:{date_str}".encode()
        return new + old[len(new):]

    data = re.sub(rb"/CreationDate\(D:\d{14}", sub_date, data)
    data = re.sub(rb"/ModDate\(D:\d{14}", lambda m: f"/ModDate(D:{date_str}".encode(), data)
    h = hashlib.md5(name.encode()).hexdigest().upper().encode()
    data = re.sub(rb"/ID \[ <[0-9A-F]{32}>\n<[0-9A-F]{32}> \]", b"/ID [ <" + h + b">\n<" + h + b"> ]", data)
    c = hashlib.md5((name + "/sum").encode()).hexdigest().upper().encode()
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + c, data)
    return data
