"""The five PDF layouts: P-HANG, P-CIRCLE, P-LANDCOLS, P-FLAT, P-OCR (reportlab, invariant mode)."""

from __future__ import annotations

import io
import math
import random

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from .common import options, shown, wrap
from .model import Case, Fld
from .render_docx import _decoy_date

GREY = Color(0.45, 0.45, 0.45)
INK = Color(0.08, 0.16, 0.52)
DARK = Color(0.17, 0.23, 0.29)
LIGHT = Color(0.92, 0.93, 0.95)


class Pen:
    """A reportlab canvas that also records every text it draws (for the OCR layer)."""

    def __init__(self, size=A4, title="", author="", creator=None):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=size, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        if creator:
            self.c.setCreator(creator)
        self.size = size
        self.ops = []
        self.page = 0

    def text(self, x, y, s, font="Helvetica", size=9, color=black, wordwise=False):
        """Draw a string; wordwise draws each word on its own (no space glyphs), as some PDF printers do."""
        if not s:
            return
        c = self.c
        c.setFillColor(color)
        c.setFont(font, size)
        if wordwise:
            sp = stringWidth(" ", font, size)
            xx = x
            for w in s.split(" "):
                if w:
                    c.drawString(xx, y, w)
                xx += stringWidth(w, font, size) + sp
        else:
            c.drawString(x, y, s)
        self.ops.append((self.page, x, y, s, font, size))
        c.setFillColor(black)

    def newpage(self):
        if self.page:
            self.c.showPage()
        self.page += 1

    def bytes(self):
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def W(s, font="Helvetica", size=9):
    return stringWidth(s, font, size)


def furniture(pen: Pen, case: Case, pageno: int, printed: str | None = None):
    v = case.vocab
    w, h = pen.size
    pen.text(40, h - 28, v.marking, "Helvetica-Bold", 7.5)
    pen.text(w - 40 - W(v.form_ref, "Helvetica", 7.5), h - 28, v.form_ref, "Helvetica", 7.5)
    foot = v.footer + (f"   Printed {printed}" if printed else "")
    pen.text(40, 22, foot, "Helvetica", 6.5, GREY)
    pen.text(w - 70, 22, f"Page {pageno}", "Helvetica", 6.5, GREY)


class Flow:
    def __init__(self, pen: Pen, case: Case, top=60, bottom=48, printed=None):
        self.pen, self.case, self.top, self.bottom, self.printed = pen, case, top, bottom, printed
        self.pageno = 0
        self.y = 0
        self.new()

    def new(self):
        self.pen.newpage()
        self.pageno += 1
        furniture(self.pen, self.case, self.pageno, self.printed)
        self.y = self.pen.size[1] - self.top

    def need(self, h):
        if self.y - h < self.bottom:
            self.new()


def _paras_of(f: Fld, v) -> list[str]:
    if f.kind == "paras":
        return list(f.show)
    return [shown(f, v)]


# =============================================================================================== P-HANG

def p_hang(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    pen = Pen(title=v.title, author=v.sender, creator="Microsoft: Print To PDF")
    fl = Flow(pen, case)
    c = pen.c
    L, R, A = 50, 545, 300
    F, FS = "Helvetica", 9.5
    wf = lambda s: W(s, F, FS)  # noqa: E731
    for ln in wrap(v.title, lambda s: W(s, "Helvetica-Bold", 13), R - L):
        pen.text(L, fl.y, ln, "Helvetica-Bold", 13, wordwise=True)
        fl.y -= 16
    for ln in wrap(v.guidance, lambda s: W(s, F, 7.5), R - L):
        pen.text(L, fl.y, ln, F, 7.5, GREY, wordwise=True)
        fl.y -= 9
    fl.y -= 6
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            fl.need(40)
            fl.y -= 6
            pen.text(L, fl.y, title, "Helvetica-Bold", 11, wordwise=True)
            c.setLineWidth(0.6)
            c.line(L, fl.y - 3, R, fl.y - 3)
            fl.y -= 17
        for f in fields:
            labels = wrap(f.label + (f"  {f.hint}" if f.hint else ""), lambda s: W(s, "Helvetica-Bold", 8.5), A - L - 12)
            if f.kind == "agencies":
                fl.need(30)
                for ln in labels:
                    pen.text(L, fl.y, ln, "Helvetica-Bold", 8.5, wordwise=True)
                    fl.y -= 11
                cols = [L, 190, 380]
                widths = [135, 185, 165]
                for k, name in enumerate(v.agency_cols):
                    pen.text(cols[k], fl.y, name, "Helvetica-Oblique", 8.5, wordwise=True)
                fl.y -= 12
                for row in f.show:
                    cells = [wrap(val or "", wf, widths[k]) for k, val in enumerate((row[0] or "", row[1], row[2]))]
                    n = max(1, max(len(x) for x in cells))
                    fl.need(n * 12)
                    for k, cl in enumerate(cells):
                        for j, ln in enumerate(cl):
                            pen.text(cols[k], fl.y - 12 * j, ln, F, FS, wordwise=True)
                    fl.y -= n * 12 + 2
                fl.y -= 6
                continue
            if f.kind == "lines":
                fl.need(12 * len(f.show) + 4)
                y0 = fl.y
                for ln in labels:
                    pen.text(L, fl.y, ln, "Helvetica-Bold", 8.5, wordwise=True)
                    fl.y -= 11
                yy = y0
                for ln in f.show:
                    pen.text(A, yy, ln, F, FS, wordwise=True)
                    yy -= 12
                fl.y = min(fl.y, yy) - 5
                continue
            paras = _paras_of(f, v)
            fl.need(26)
            y0 = fl.y
            for ln in labels:
                pen.text(L, fl.y, ln, "Helvetica-Bold", 8.5, wordwise=True)
                fl.y -= 11
            below = fl.y
            first = True
            for p in paras:
                if not p:
                    continue
                if first:
                    lines = wrap(p, wf, R - L, R - A)
                    pen.text(A, y0, lines[0], F, FS, wordwise=True)
                    rest = lines[1:]
                    yy = below if len(labels) > 1 else y0 - 12
                    first = False
                else:
                    yy -= 6
                    rest = wrap(p, wf, R - L)
                for ln in rest:
                    if yy < fl.bottom:
                        fl.new()
                        yy = fl.y
                    pen.text(L, yy, ln, F, FS, wordwise=True)
                    yy -= 12
                fl.y = min(below, yy)
            fl.y -= 5
    case.notes.update({"no_space_glyphs": True, "answer_x": A})
    return pen.bytes()


# =============================================================================================== P-CIRCLE

def _hand(pen: Pen, x, y, s, rng, size=11):
    """Handwriting-like: each word its own string with a small baseline jitter."""
    sp = W(" ", "Times-Italic", size)
    for w in s.split():
        pen.text(x, y + rng.uniform(-0.8, 0.8), w, "Times-Italic", size, INK)
        x += W(w, "Times-Italic", size) + sp
    return x


def p_circle(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    pen = Pen(title=v.title, author="", creator="Canon iR-ADV C5535 (PDF)")
    fl = Flow(pen, case)
    c = pen.c
    L, R = 48, 548
    c.setDash()
    for ln in wrap(v.title, lambda s: W(s, "Helvetica-Bold", 12.5), R - L):
        pen.text(L, fl.y, ln, "Helvetica-Bold", 12.5)
        fl.y -= 15
    for ln in wrap("Please write clearly in BLOCK CAPITALS or black ink. Circle the answer that applies. " + v.guidance, lambda s: W(s, "Helvetica", 7.5), R - L):
        pen.text(L, fl.y, ln, "Helvetica", 7.5, GREY)
        fl.y -= 9
    fl.y -= 8

    def dotted(x1, x2, y):
        c.setDash(1, 2)
        c.setLineWidth(0.5)
        c.setStrokeColor(GREY)
        c.line(x1, y - 2.5, x2, y - 2.5)
        c.setDash()
        c.setStrokeColor(black)

    circled = 0
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            fl.need(40)
            fl.y -= 8
            c.setFillColor(LIGHT)
            c.rect(L - 4, fl.y - 4, R - L + 8, 15, stroke=0, fill=1)
            c.setFillColor(black)
            pen.text(L, fl.y, title.upper(), "Helvetica-Bold", 9.5)
            fl.y -= 20
        for f in fields:
            lab = f.label + (f" {f.hint}" if f.hint else "")
            lw = W(lab, "Helvetica", 8.5)
            if f.kind in ("yn", "gender", "itype"):
                opts, chosen, detail = options(f, v)
                fl.need(30)
                pen.text(L, fl.y, lab, "Helvetica", 8.5)
                pen.text(L + lw + 4, fl.y, "(circle)", "Helvetica-Oblique", 6.5, GREY)
                x = max(L + lw + 40, 250)
                for k, o in enumerate(opts):
                    ow = W(o, "Helvetica", 8.5)
                    if x + ow > R:
                        fl.y -= 16
                        x = 250
                    pen.text(x, fl.y, o, "Helvetica", 8.5)
                    if k == chosen:
                        dx, dy = rng.uniform(-2, 2), rng.uniform(-1.2, 1.2)
                        c.setStrokeColor(INK)
                        c.setLineWidth(1.1)
                        c.ellipse(x - 6 + dx, fl.y - 5 + dy, x + ow + 6 + dx, fl.y + 10 + dy, stroke=1, fill=0)
                        c.setStrokeColor(black)
                        circled += 1
                    x += ow + 22
                fl.y -= 17
                if f.kind == "itype" and "other" in v.itypes:
                    pen.text(L + 12, fl.y, "If other, please specify:", "Helvetica", 8)
                    dotted(L + 110, R, fl.y)
                    if detail:
                        _hand(pen, L + 116, fl.y + 1, detail, rng)
                    fl.y -= 17
                continue
            if f.kind == "agencies":
                fl.need(40)
                pen.text(L, fl.y, lab, "Helvetica", 8.5)
                fl.y -= 6
                cols = [L, 190, 370, R]
                rows = list(f.show) + [None] * max(1, 4 - len(f.show))
                rh = 18
                top = fl.y
                fl.need(rh * (len(rows) + 1))
                top = fl.y
                c.setLineWidth(0.5)
                for k, name in enumerate(v.agency_cols):
                    pen.text(cols[k] + 3, top - 12, name, "Helvetica-Bold", 8)
                for r_i, r in enumerate(rows):
                    yb = top - rh * (r_i + 2) + 5
                    if r:
                        for k, val in enumerate((r[0] or "", r[1], r[2])):
                            size = 10.5
                            while W(val, "Times-Italic", size) > cols[k + 1] - cols[k] - 6 and size > 6:
                                size -= 0.5
                            _hand(pen, cols[k] + 3, yb, val, rng, size)
                for r_i in range(len(rows) + 2):
                    c.line(L, top - rh * r_i + 6 - 6, R, top - rh * r_i)
                for x in cols:
                    c.line(x, top, x, top - rh * (len(rows) + 1))
                fl.y = top - rh * (len(rows) + 1) - 14
                continue
            paras = [f"{ln}" for ln in f.show] if f.kind == "lines" else _paras_of(f, v)
            fl.need(24)
            pen.text(L, fl.y, lab, "Helvetica", 8.5)
            x0 = max(L + lw + 8, 205)
            if x0 > R - 150:
                fl.y -= 15
                x0 = L + 12
            dotted(x0, R, fl.y)
            first = True
            hw = lambda s: W(s, "Times-Italic", 11)  # noqa: E731
            for pi, p in enumerate(paras):
                if not p:
                    continue
                if f.kind == "lines":
                    lines = [p]
                else:
                    lines = wrap(p, hw, R - L - 20, (R - x0 - 6) if first else None)
                for li, ln in enumerate(lines):
                    if not first:
                        fl.y -= 16
                        fl.need(16)
                        dotted(L + 12, R, fl.y)
                        xs = L + 16
                    else:
                        xs = x0 + 4
                    if pi > 0 and li == 0 and f.kind != "lines":
                        fl.y -= 16
                        fl.need(16)
                        dotted(L + 12, R, fl.y)
                    _hand(pen, xs, fl.y + 1, ln, rng)
                    first = False
            fl.y -= 19
    case.notes.update({"circled": circled, "ink": "Times-Italic, words jittered"})
    return pen.bytes()


# =============================================================================================== P-LANDCOLS

def _cell_lines(text, width, font="Helvetica", size=8.5):
    out = []
    for part in (text or "").split("\n"):
        out += wrap(part, lambda s: W(s, font, size), width) or [""]
    return out


def p_landcols(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    size = landscape(A4)
    pen = Pen(size=size, title=v.title, author=v.sender)
    fl = Flow(pen, case, top=50, bottom=40)
    c = pen.c
    L, R = 36, size[0] - 36
    LH = 10.5

    def bar(text):
        fl.need(50)
        fl.y -= 6
        c.setFillColor(DARK)
        c.rect(L, fl.y - 16, R - L, 16, stroke=0, fill=1)
        pen.text(L + 6, fl.y - 11.5, text, "Helvetica-Bold", 9.5, white)
        c.setFillColor(black)
        fl.y -= 16

    def grid_row(cells):
        """cells: [(text, width, is_label)] drawn left to right as one row."""
        lines = [_cell_lines(t, w - 8, "Helvetica-Bold" if lab else "Helvetica", 8 if lab else 8.5) for t, w, lab in cells]
        h = max(len(x) for x in lines) * LH + 6
        if fl.y - h < fl.bottom:
            fl.new()
        x = L
        c.setLineWidth(0.5)
        for (t, w, lab), ls in zip(cells, lines):
            if lab:
                c.setFillColor(LIGHT)
                c.rect(x, fl.y - h, w, h, stroke=1, fill=1)
                c.setFillColor(black)
            else:
                c.rect(x, fl.y - h, w, h, stroke=1, fill=0)
            for j, ln in enumerate(ls):
                pen.text(x + 4, fl.y - 10 - j * LH, ln, "Helvetica-Bold" if lab else "Helvetica", 8 if lab else 8.5)
            x += w
        fl.y -= h

    for ln in wrap(v.title, lambda s: W(s, "Helvetica-Bold", 13), R - L):
        pen.text(L, fl.y, ln, "Helvetica-Bold", 13)
        fl.y -= 16
    for ln in wrap(v.guidance, lambda s: W(s, "Helvetica", 7.5), R - L):
        pen.text(L, fl.y, ln, "Helvetica", 7.5, GREY)
        fl.y -= 9
    fl.y -= 6
    cw = [150, 235, 150, R - L - 535]
    child_secs = [s for s in case.sections if s[0].startswith("child")]
    done_children = False
    for skey, title, fields in case.sections:
        if skey.startswith("child"):
            if done_children:
                continue
            done_children = True
            n = len(child_secs)
            bar(case.vocab.section_titles["child"] + (f" - {n} children, one column each" if n > 1 else ""))
            lw = 190
            colw = (R - L - lw) / n
            grid_row([("", lw, True)] + [(f"Child {i + 1}", colw, True) for i in range(n)])
            keys = [f.key for f in child_secs[0][2]]
            for k in keys:
                row = []
                lab = next(f.label for f in child_secs[0][2] if f.key == k)
                for _, _, fs in child_secs:
                    f = next((g for g in fs if g.key == k), None)
                    row.append((shown(f, v) if f else "", colw, False))
                grid_row([(lab, lw, True)] + row)
            fl.y -= 8
            continue
        if not fields:
            continue
        if title:
            bar(title)
        pending = []
        for f in fields:
            if f.kind == "agencies":
                if pending:
                    grid_row(pending + [("", cw[2], True), ("", cw[3], False)])
                    pending = []
                grid_row([(f.label, R - L, True)])
                aw = [(R - L) * 0.3, (R - L) * 0.38, (R - L) * 0.32]
                grid_row([(col, w, True) for col, w in zip(v.agency_cols, aw)])
                for nm, ag, ct in f.show:
                    grid_row([(nm or "", aw[0], False), (ag, aw[1], False), (ct, aw[2], False)])
                grid_row([("", w, False) for w in aw])
                continue
            val = shown(f, v)
            lab = f.label + (f" {f.hint}" if f.hint else "")
            if f.kind in ("paras", "para", "lines") and len(val) > 45 or len(val) > 60:
                if pending:
                    grid_row(pending + [("", cw[2], True), ("", cw[3], False)])
                    pending = []
                grid_row([(lab, cw[0], True), (val.replace("\n\n", "\n \n") if f.kind == "paras" else val, R - L - cw[0], False)])
                continue
            pending += [(lab, cw[len(pending)], True), (val, cw[len(pending) + 1], False)]
            if len(pending) == 4:
                grid_row(pending)
                pending = []
        if pending:
            grid_row(pending + [("", cw[2], True), ("", cw[3], False)])
        fl.y -= 8
    case.notes.update({"children_as_columns": True})
    return pen.bytes()


# =============================================================================================== P-FLAT

class FormNames:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return f"FlatFld{self.n}"


def _xobj_text(pen: Pen, names: FormNames, x, y, w, h, lines: list[str], size, comb: int = 0):
    """A flattened field appearance: a Form XObject drawn at (x, y)."""
    c = pen.c
    name = names.next()
    c.beginForm(name, lowerx=0, lowery=0, upperx=w, uppery=h)
    p = c.beginPath()
    p.rect(0, 0, w, h)
    c.clipPath(p, stroke=0, fill=0)
    c.setFont("Helvetica", size)
    if comb:
        cw = w / comb
        for i, ch in enumerate(lines[0][:comb]):
            c.drawCentredString(cw * i + cw / 2, (h - size) / 2 + 1.5, ch)
    elif len(lines) == 1:
        c.drawString(2, (h - size) / 2 + 2, lines[0])
    else:
        for j, ln in enumerate(lines):
            c.drawString(2, h - 2 - size - j * (size + 1.5), ln)
    c.endForm()
    c.saveState()
    c.translate(x, y)
    c.doForm(name)
    c.restoreState()
    for j, ln in enumerate(lines):
        pen.ops.append((pen.page, x + 2, y + h - 2 - size - j * (size + 1.5), ln, "Helvetica", size))


def _xobj_tick(pen: Pen, names: FormNames, x, y, s, glyph):
    c = pen.c
    name = names.next()
    c.beginForm(name, lowerx=0, lowery=0, upperx=s, uppery=s)
    c.setFont("ZapfDingbats", s - 2)
    c.drawString(1.2, 1.8, glyph)
    c.endForm()
    c.saveState()
    c.translate(x, y)
    c.doForm(name)
    c.restoreState()


def p_flat(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    pen = Pen(title=v.title, author=v.sender, creator="Adobe Acrobat Pro (flattened)")
    fl = Flow(pen, case)
    c = pen.c
    names = FormNames()
    L, LW, R = 40, 170, 555
    FX = L + LW + 4
    glyph = rng.choice(["4", "4", "8"])  # ZapfDingbats check / cross
    pen.text(L, fl.y, v.title, "Helvetica-Bold", 11.5)
    for i, b in enumerate(["Print form", "Clear form"]):
        c.setFillColor(LIGHT)
        c.roundRect(R - 120 + i * 62, fl.y + 18, 56, 14, 3, stroke=1, fill=1)
        c.setFillColor(black)
        pen.text(R - 115 + i * 62, fl.y + 22, b, "Helvetica", 7.5)
    fl.y -= 14
    for ln in wrap(v.guidance, lambda s: W(s, "Helvetica", 7), R - L):
        pen.text(L, fl.y, ln, "Helvetica", 7, GREY)
        fl.y -= 8.5
    fl.y -= 6

    def label_cell(lab, h):
        c.setFillColor(LIGHT)
        c.rect(L, fl.y - h, LW, h, stroke=1, fill=1)
        c.setFillColor(black)
        for j, ln in enumerate(wrap(lab, lambda s: W(s, "Helvetica", 7.5), LW - 6)[:4]):
            pen.text(L + 3, fl.y - 9 - j * 8.5, ln, "Helvetica", 7.5)

    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            fl.need(40)
            fl.y -= 16
            pen.text(L, fl.y, title, "Helvetica-Bold", 10)
            fl.y -= 5
        for f in fields:
            lab = f.label + (f" {f.hint}" if f.hint else "")
            labh = len(wrap(lab, lambda s: W(s, "Helvetica", 7.5), LW - 6)[:4]) * 8.5 + 5
            if f.kind in ("yn", "gender", "itype"):
                opts, chosen, detail = options(f, v)
                if f.kind == "gender":
                    h = max(18, labh)
                    fl.need(h)
                    label_cell(lab, h)
                    c.rect(FX, fl.y - 16, 130, 14, stroke=1, fill=0)
                    p = c.beginPath()
                    p.moveTo(FX + 120, fl.y - 6); p.lineTo(FX + 126, fl.y - 6); p.lineTo(FX + 123, fl.y - 11); p.close()
                    c.drawPath(p, stroke=0, fill=1)
                    if chosen is not None:
                        _xobj_text(pen, names, FX + 1, fl.y - 15, 115, 12, [opts[chosen]], 9)
                    fl.y -= h
                    continue
                per_row = 3 if f.kind == "yn" else 2
                nrows = math.ceil(len(opts) / per_row) + (1 if f.kind == "itype" and "other" in v.itypes else 0)
                h = max(nrows * 15 + 4, labh)
                fl.need(h)
                label_cell(lab, h)
                for k, o in enumerate(opts):
                    col, r_ = k % per_row, k // per_row
                    bx = FX + 4 + col * (R - FX) / per_row
                    by = fl.y - 14 - r_ * 15
                    c.rect(bx, by, 10, 10, stroke=1, fill=0)
                    pen.text(bx + 14, by + 2, o, "Helvetica", 8)
                    if k == chosen:
                        _xobj_tick(pen, names, bx, by, 10, glyph)
                if f.kind == "itype" and "other" in v.itypes:
                    by = fl.y - 14 - (nrows - 1) * 15
                    pen.text(FX + 4, by + 2, "If other, specify:", "Helvetica", 7.5)
                    c.rect(FX + 80, by - 2, R - FX - 84, 13, stroke=1, fill=0)
                    if detail:
                        _xobj_text(pen, names, FX + 81, by - 1, R - FX - 86, 11, [detail], 8)
                fl.y -= h
                continue
            if f.kind == "agencies":
                fl.need(30)
                label_cell(lab, 14)
                fl.y -= 14
                aw = [(R - L) * 0.3, (R - L) * 0.38, (R - L) * 0.32]
                x = L
                for col, w in zip(v.agency_cols, aw):
                    pen.text(x + 3, fl.y - 9, col, "Helvetica-Bold", 7.5)
                    x += w
                fl.y -= 12
                for r in list(f.show) + [None, None]:
                    fl.need(16)
                    x = L
                    for k, w in enumerate(aw):
                        c.rect(x, fl.y - 15, w, 15, stroke=1, fill=0)
                        if r and (r[k] if k else r[0]):
                            val = r[k] if k else r[0]
                            size = 9
                            while W(val, "Helvetica", size) > w - 5 and size > 5:
                                size -= 0.5
                            _xobj_text(pen, names, x + 1, fl.y - 14, w - 2, 13, [val], size)
                        x += w
                    fl.y -= 15
                fl.y -= 4
                continue
            val = shown(f, v)
            if f.kind == "date" and len(val) == 8 and val.isdigit():
                h = max(18, labh)
                fl.need(h)
                label_cell(lab, h)
                cwid = 13
                x = FX + 4
                xs = []
                for i in range(8):
                    c.rect(x, fl.y - 16, cwid, 14, stroke=1, fill=0)
                    xs.append(x)
                    x += cwid
                    if i in (1, 3):
                        pen.text(x + 1.5, fl.y - 12, "/", "Helvetica", 9, GREY)
                        x += 8
                for i, ch in enumerate(val):
                    _xobj_text(pen, names, xs[i], fl.y - 16, cwid, 14, [ch], 9, comb=1)
                pen.text(x + 8, fl.y - 12, "DD / MM / YYYY", "Helvetica", 6.5, GREY)
                fl.y -= h
                continue
            multi = f.kind in ("lines", "paras", "para") or W(val, "Helvetica", 9) > R - FX - 6
            if multi:
                size = 8
                lines = []
                for p in val.split("\n"):
                    lines += wrap(p, lambda s: W(s, "Helvetica", size), R - FX - 8) or [""]
                h = max(len(lines) * (size + 1.5) + 6, labh, 18)
                if fl.y - h < fl.bottom:
                    fl.new()
                label_cell(lab, h)
                c.rect(FX, fl.y - h, R - FX, h, stroke=1, fill=0)
                if val:
                    _xobj_text(pen, names, FX + 1, fl.y - h + 1, R - FX - 2, h - 2, lines, size)
                fl.y -= h
                continue
            h = max(18, labh)
            fl.need(h)
            label_cell(lab, h)
            c.rect(FX, fl.y - 16, R - FX, 14, stroke=1, fill=0)
            if val:
                size = 10 if W(val, "Helvetica", 10) < R - FX - 6 else 8
                _xobj_text(pen, names, FX + 1, fl.y - 15, R - FX - 2, 12, [val], size)
            fl.y -= h
    case.notes.update({"tick_glyph": {"4": "ZapfDingbats check", "8": "ZapfDingbats cross"}[glyph], "form_xobjects": names.n})
    return pen.bytes()


# =============================================================================================== P-OCR

def _ocr_base(case: Case, rng: random.Random, pen: Pen):
    v = case.vocab
    fl = Flow(pen, case)
    c = pen.c
    L, LW, R = 45, 180, 550
    AX = L + LW + 6
    TF = rng.choice(["Courier", "Times-Roman"])
    TS = 10 if TF == "Courier" else 10.5
    pen.text(L, fl.y, v.title, "Helvetica-Bold", 11.5)
    fl.y -= 14
    for ln in wrap(v.guidance, lambda s: W(s, "Helvetica", 7.5), R - L):
        pen.text(L, fl.y, ln, "Helvetica", 7.5)
        fl.y -= 9
    fl.y -= 34
    stamp = _decoy_date(case, rng, "capmon")
    c.saveState()
    c.setStrokeColor(Color(0.75, 0.1, 0.1))
    c.setLineWidth(1.5)
    c.rect(R - 150, pen.size[1] - 112, 140, 34, stroke=1, fill=0)
    c.restoreState()
    pen.text(R - 140, pen.size[1] - 92, "RECEIVED", "Helvetica-Bold", 11, Color(0.75, 0.1, 0.1))
    pen.text(R - 140, pen.size[1] - 106, stamp, "Helvetica-Bold", 10, Color(0.75, 0.1, 0.1))
    fl.y -= 8
    aw = lambda s: W(s, TF, TS)  # noqa: E731
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            fl.need(40)
            fl.y -= 14
            pen.text(L, fl.y, title, "Helvetica-Bold", 10)
            fl.y -= 5
        for f in fields:
            lab = f.label + (f" {f.hint}" if f.hint else "")
            llines = wrap(lab, lambda s: W(s, "Helvetica", 8), LW - 6)
            if f.kind == "agencies":
                fl.need(30)
                pen.text(L, fl.y - 10, lab, "Helvetica-Bold", 8)
                fl.y -= 14
                xs = [L, L + 140, L + 330, R]
                c.rect(L, fl.y - 14, R - L, 14)
                for k, col in enumerate(v.agency_cols):
                    pen.text(xs[k] + 3, fl.y - 10, col, "Helvetica-Bold", 8)
                fl.y -= 14
                for r in list(f.show) + [None]:
                    h = 16
                    fl.need(h)
                    c.rect(L, fl.y - h, R - L, h)
                    vals = ((r[0] or ""), r[1], r[2]) if r else ("", "", "")
                    for k in range(3):
                        c.line(xs[k], fl.y, xs[k], fl.y - h)
                        size = TS
                        while vals[k] and W(vals[k], TF, size) > xs[k + 1] - xs[k] - 6 and size > 6:
                            size -= 0.25
                        pen.text(xs[k] + 3, fl.y - 11, vals[k], TF, size)
                    fl.y -= h
                fl.y -= 6
                continue
            val = shown(f, v)
            lines = []
            for p in (val.split("\n") if val else [""]):
                lines += wrap(p, aw, R - AX - 8) or [""]
            h = max(len(lines) * 12.5 + 5, len(llines) * 9 + 5, 17)
            if fl.y - h < fl.bottom:
                fl.new()
            c.setLineWidth(0.6)
            c.rect(L, fl.y - h, LW, h)
            c.rect(AX - 6, fl.y - h, R - AX + 6, h)
            for j, ln in enumerate(llines):
                pen.text(L + 3, fl.y - 10 - 9 * j, ln, "Helvetica", 8)
            for j, ln in enumerate(lines):
                if ln:
                    pen.text(AX, fl.y - 12 - 12.5 * j, ln, TF, TS)
            fl.y -= h
    case.notes.update({"typed_font": TF, "received_stamp": stamp})


def p_ocr(case: Case, rng: random.Random) -> bytes:
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    from reportlab.lib.utils import ImageReader

    v = case.vocab
    base = Pen(title=v.title)
    _ocr_base(case, rng, base)
    pdf = pdfium.PdfDocument(base.bytes())
    dpi = 110
    angle = rng.choice([-1, 1]) * rng.uniform(0.25, 0.7)
    out = Pen(title=f"SCAN_{rng.randint(1000, 9999)}.pdf", author="", creator="ABBYY FineReader 15 (searchable image)")
    w, h = A4
    cx, cy = w / 2, h / 2
    th = math.radians(angle)
    for pi in range(len(pdf)):
        img = pdf[pi].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        px = img.load()
        prng = random.Random(rng.random())
        for _ in range(1500):
            x, y = prng.randrange(img.width), prng.randrange(img.height)
            px[x, y] = prng.randint(90, 200)
        img = img.filter(ImageFilter.GaussianBlur(0.35))
        jb = io.BytesIO()
        img.save(jb, "JPEG", quality=72, optimize=False)
        jb.seek(0)
        out.newpage()
        out.c.drawImage(ImageReader(jb), 0, 0, w, h)
        t = out.c.beginText()
        t.setTextRenderMode(3)
        for (page, x, y, s, font, size) in base.ops:
            if page != pi + 1:
                continue
            sp = W(" ", font, size)
            xx = x
            for word in s.split(" "):
                if word:
                    rx = cx + (xx - cx) * math.cos(th) - (y - cy) * math.sin(th)
                    ry = cy + (xx - cx) * math.sin(th) + (y - cy) * math.cos(th)
                    t.setFont("Helvetica", size)
                    t.setHorizScale(100.0 * W(word, font, size) / max(W(word, "Helvetica", size), 0.01))
                    t.setTextOrigin(rx, ry)
                    t.textOut(word)
                xx += W(word, font, size) + sp
        out.c.drawText(t)
    case.notes.update({"scan_dpi": dpi, "skew_degrees": round(angle, 2), "text_layer": "invisible (render mode 3), one string per word"})
    return out.bytes()


PDF_LAYOUTS = {"P-HANG": p_hang, "P-CIRCLE": p_circle, "P-LANDCOLS": p_landcols, "P-FLAT": p_flat, "P-OCR": p_ocr}
