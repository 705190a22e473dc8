"""The five PDF layouts of unseen23."""

from __future__ import annotations

import datetime as dt
import io
import random

from fontTools import subset as ft_subset
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont as FTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                           TextStringObject, ByteStringObject)
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from model import (CRIT_KEYS, INC_KEYS, LEAD_KEYS, REF_KEYS, child_fields, child_value, fmt_date, options, shown,
                   text)

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_REG = {}


def fonts():
    if _REG:
        return
    for name, fn in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                     ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf"), ("DejaVuSerif", "DejaVuSerif.ttf"),
                     ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"), ("DejaVuCond", "DejaVuSansCondensed.ttf"),
                     ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, DEJAVU + fn))
    pdfmetrics.registerFont(TTFont("Wingdings", io.BytesIO(wingdings_font())))
    _REG["ok"] = True


def wingdings_font() -> bytes:
    """A symbol font the way Word's Wingdings reaches a PDF: the box glyphs sit at private-use code points
    (U+F0A8 empty box, U+F0FE box with a cross, U+F0FC tick), so the text layer says U+F0xx, not a box."""
    f = FTFont(DEJAVU + "DejaVuSans.ttf", recalcTimestamp=False)
    opts = ft_subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    opts.drop_tables += ["FFTM"]
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=[0x2610, 0x2612, 0x2713])
    sub.subset(f)
    cm = f.getBestCmap()
    mp = {0xF0A8: cm[0x2610], 0xF0FE: cm[0x2612], 0xF0FC: cm[0x2713]}
    for t in f["cmap"].tables:
        t.cmap = dict(mp)
    for rec in f["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = "Wingdings"
        if rec.nameID == 6:
            rec.string = "Wingdings-Regular"
    b = io.BytesIO()
    f.save(b)
    return b.getvalue()


W_EMPTY, W_CROSS, W_TICK = "\uf0a8", "\uf0fe", "\uf0fc"


# ------------------------------------------------------------------ painters

class Painter:
    """Draws on a reportlab canvas. Subclasses change how text reaches the page."""
    reg, bold_font, ital = "DejaVu", "DejaVu-Bold", "DejaVu-Oblique"

    def __init__(self, c: canvas.Canvas):
        self.c = c
        self.page_text: list = []
        self.widgets: list = []

    def font_for(self, bold, italic=False):
        return self.bold_font if bold else (self.ital if italic else self.reg)

    def text(self, x, y, s, size=9, bold=False, color=(0, 0, 0), italic=False, font=None):
        c = self.c
        c.setFillColorRGB(*color)
        c.setFont(font or self.font_for(bold, italic), size)
        c.drawString(x, y, s)

    def width(self, s, size=9, bold=False, italic=False, font=None):
        return pdfmetrics.stringWidth(s, font or self.font_for(bold, italic), size)

    def wrap(self, s, w, size=9, bold=False, italic=False):
        if not s:
            return [""]
        fn = self.font_for(bold, italic)
        out = []
        for ln in simpleSplit(s, fn, size, w) or [""]:
            while pdfmetrics.stringWidth(ln, fn, size) > w and len(ln) > 1:
                # a long unbroken token (an e-mail address): break it where it no longer fits
                k = len(ln)
                while k > 1 and pdfmetrics.stringWidth(ln[:k], fn, size) > w:
                    k -= 1
                out.append(ln[:k])
                ln = ln[k:]
            out.append(ln)
        return out

    def rect(self, x, y, w, h, fill=None, stroke=(0.5, 0.5, 0.5), lw=0.5):
        c = self.c
        c.setLineWidth(lw)
        if fill:
            c.setFillColorRGB(*fill)
        if stroke:
            c.setStrokeColorRGB(*stroke)
        c.rect(x, y, w, h, fill=1 if fill else 0, stroke=1 if stroke else 0)

    def line(self, x1, y1, x2, y2, color=(0.5, 0.5, 0.5), lw=0.5, dash=None):
        c = self.c
        c.setLineWidth(lw)
        c.setStrokeColorRGB(*color)
        if dash:
            c.setDash(*dash)
        c.line(x1, y1, x2, y2)
        if dash:
            c.setDash()

    def end_page(self):
        self.c.showPage()


class FauxBoldPainter(Painter):
    """A printer driver that fakes bold by striking every glyph several times, a fraction of a point apart."""
    bold_font = "DejaVu"

    def __init__(self, c, copies, dx, bold_values):
        super().__init__(c)
        self.copies, self.dx, self.bold_values = copies, dx, bold_values

    def wrap(self, s, w, size=9, bold=False, italic=False):
        return super().wrap(s, w - 1.5, size, False, italic)

    def width(self, s, size=9, bold=False, italic=False, font=None):
        return pdfmetrics.stringWidth(s, font or self.reg, size)

    def text(self, x, y, s, size=9, bold=False, color=(0, 0, 0), italic=False, font=None):
        if not bold or font:
            return super().text(x, y, s, size, False, color, italic, font)
        for i in range(self.copies):
            ox = self.dx * (i % 2)
            oy = self.dx * 0.5 * (i // 2)
            super().text(x + ox, y + oy, s, size, False, color, italic)


class Type3Painter(Painter):
    """Graphics go to reportlab; text is kept per page and written later in Type 3 fonts (OCR 'ClearScan' style)."""

    def __init__(self, c, rng):
        super().__init__(c)
        self.rng = rng
        self.pages: list[list] = [[]]

    def text(self, x, y, s, size=9, bold=False, color=(0, 0, 0), italic=False, font=None):
        if not s:
            return
        # a recognised word at a time, each on its own baseline estimate
        cx = x
        for i, word in enumerate(s.split(" ")):
            if word:
                self.pages[-1].append((round(cx, 2), round(y + self.rng.uniform(-0.25, 0.25), 2), word,
                                       "b" if bold else "r", size))
            cx += (pdfmetrics.stringWidth(word, self.font_for(bold, italic), size)
                   + pdfmetrics.stringWidth(" ", self.font_for(bold, italic), size) * self.rng.uniform(1.05, 1.3))

    def end_page(self):
        super().end_page()
        self.pages.append([])


# ------------------------------------------------------------------ flow

class Flow:
    """Lays rows down pages; keeps each page as a list of drawing closures so pages can be emitted in any order."""

    def __init__(self, painter: Painter, page=(595.28, 841.89), margins=(60, 58, 45, 45)):
        self.p = painter
        self.W, self.H = page
        self.top, self.bottom, self.left, self.right = margins
        self.pages: list[list] = [[]]
        self.y = self.H - self.top

    @property
    def width(self):
        return self.W - self.left - self.right

    def new_page(self):
        self.pages.append([])
        self.y = self.H - self.top

    def room(self):
        return self.y - self.bottom

    def put(self, h, fn):
        if h > self.room():
            self.new_page()
        y = self.y
        self.pages[-1].append(lambda y=y: fn(y))
        self.y -= h

    def gap(self, h):
        self.y -= h


def para_lines(p: Painter, f: dict | None, s: dict, w: float, size: float, bold=False) -> list[str]:
    """Wrapped lines of an answer; '' lines mark paragraph gaps."""
    if f is None:
        return [""]
    k = f["kind"]
    if k == "lines" and f.get("lines"):
        out = []
        for ln in f["lines"]:
            out += p.wrap(ln, w, size, bold)
        return out
    if k == "paras" and f["paras"]:
        out = []
        for i, para in enumerate(f["paras"]):
            if i:
                out.append("")
            out += p.wrap(para, w, size, bold)
        return out
    return p.wrap(shown(f, s), w, size, bold)


def sections(case: dict, s: dict):
    F, L = case["F"], s["labels"]

    def fl(keys):
        return [(k, L[k], F[k]) for k in keys if k in F]

    return [
        ("ref", s["sections"]["ref"], fl(["ref_date"] + REF_KEYS)),
        ("lead", s["sections"]["lead"], fl(LEAD_KEYS + ["lead_discussed"])),
        ("child", s["sections"]["child"], []),
        ("inc", s["sections"]["inc"], fl(INC_KEYS)),
        ("crit", s["sections"]["crit"], fl(CRIT_KEYS)),
        ("panel", s["sections"]["panel"], fl(["panel", "panel_date"])),
        ("ag", s["sections"]["ag"], []),
        ("conc", s["sections"]["conc"], fl(["concerns"])),
        ("decoy", s["sections"]["decoy"], [(None, lab, text(val)) for lab, val in case["decoys"]]),
    ]


def child_items(C: dict, s: dict) -> list:
    L = s["labels"]
    out = []
    for k in child_fields(s):
        if k not in L:
            continue
        f = child_value(C, k)
        if f is not None:
            out.append((k, L[k], f))
    return out


def guidance(s: dict) -> str:
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Please complete all sections and send the form to {s['p_email']}. If a child is at immediate risk also "
            f"telephone {s['p_phone']}. Dates like this: {ex}. Example contact: Sam Example, Service Manager, 0161 496 0000.")


# ------------------------------------------------------------------ generic grid form

class GridForm:
    """A ruled label | answer form; layouts override the choice drawing and the text painter."""
    size = 9
    label_w = 175
    bar_fill = (0.16, 0.24, 0.42)
    label_fill = (0.92, 0.92, 0.92)

    def __init__(self, case, s, rng, painter, flow):
        self.case, self.s, self.rng, self.p, self.flow = case, s, rng, painter, flow

    # --- rows
    def bar(self, title):
        fl, p = self.flow, self.p
        x, w = fl.left, fl.width
        if fl.room() < 60:
            fl.new_page()

        def draw(y):
            p.rect(x, y - 15, w, 15, fill=self.bar_fill, stroke=None)
            p.text(x + 4, y - 11, title, 9.5, True, (1, 1, 1))
        fl.put(17, draw)

    def kv(self, label, f, key=None):
        fl, p, size = self.flow, self.p, self.size
        x, w, lw = fl.left, fl.width, self.label_w
        aw = w - lw
        llines = p.wrap(label, lw - 8, size, True)
        if f is not None and f["kind"] in ("tri", "gender", "itype"):
            h = self.choice_height(f, aw)
            hh = max(h, len(llines) * (size + 2.5) + 6)

            def draw(y, f=f):
                p.rect(x, y - hh, lw, hh, fill=self.label_fill)
                p.rect(x + lw, y - hh, aw, hh)
                for i, ln in enumerate(llines):
                    p.text(x + 4, y - 11 - i * (size + 2.5), ln, size, True)
                self.draw_choice(f, x + lw + 4, y, aw - 8, hh, key)
            fl.put(hh, draw)
            return
        alines = para_lines(p, f, self.s, aw - 8, size, self.bold_values())
        lh = size + 2.5
        rows_left = list(alines)
        first = True
        while True:
            avail = int((fl.room() - 6) // lh)
            need_l = len(llines) if first else 0
            if avail < max(1, min(len(rows_left), 2), need_l if first else 1):
                fl.new_page()
                continue
            if not first:
                while rows_left and rows_left[0] == "":
                    rows_left = rows_left[1:]
                if not rows_left:
                    break
            take = rows_left[:avail] if len(rows_left) > avail else rows_left
            rows_left = rows_left[len(take):]
            nl = max(len(take), need_l, 1)
            hh = nl * lh + 6
            lab = llines if first else []

            def draw(y, take=take, lab=lab, hh=hh):
                p.rect(x, y - hh, lw, hh, fill=self.label_fill)
                p.rect(x + lw, y - hh, aw, hh)
                for i, ln in enumerate(lab):
                    p.text(x + 4, y - 11 - i * lh, ln, size, True)
                for i, ln in enumerate(take):
                    if ln:
                        p.text(x + lw + 4, y - 11 - i * lh, ln, size, self.bold_values())
            fl.put(hh, draw)
            first = False
            if not rows_left:
                break
            fl.new_page()

    def bold_values(self):
        return False

    def choice_height(self, f, aw):
        if f["kind"] == "itype":
            return 5 * (self.size + 4) + (self.size + 4 if f.get("detail") and f["choice"] == "other" else 0) + 6
        return self.size + 10

    def draw_choice(self, f, x, y, w, h, key):
        p, size = self.p, self.size
        opts = options(f, self.s)
        if f["kind"] == "itype":
            for i, (word, on) in enumerate(opts):
                yy = y - 11 - i * (size + 4)
                p.text(x, yy, ("[X] " if on else "[  ] ") + word, size, self.bold_values())
            if f.get("detail") and f["choice"] == "other":
                p.text(x, y - 11 - 5 * (size + 4), "Please specify: " + f["detail"], size, self.bold_values())
            return
        xx = x
        for word, on in opts:
            t = ("[X] " if on else "[  ] ") + word
            p.text(xx, y - 11, t, size, self.bold_values())
            xx += p.width(t, size) + 16

    def para(self, txt, size=8, italic=False, color=(0.25, 0.25, 0.25)):
        fl, p = self.flow, self.p
        lines = p.wrap(txt, fl.width, size, False, italic)

        def draw(y):
            for i, ln in enumerate(lines):
                p.text(fl.left, y - size - i * (size + 2), ln, size, False, color, italic)
        fl.put(len(lines) * (size + 2) + 6, draw)

    def title(self):
        fl, p, s = self.flow, self.p, self.s
        lines = p.wrap(s["title"], fl.width, 14, True)

        def draw(y):
            for i, ln in enumerate(lines):
                p.text(fl.left, y - 14 - i * 17, ln, 14, True, (0.12, 0.22, 0.4))
            p.text(fl.left, y - 16 - len(lines) * 17, s["org"], 8.5, False, (0.3, 0.3, 0.3), True)
        fl.put(len(lines) * 17 + 24, draw)

    def agencies(self, rows, headers, widths=None):
        fl, p, size = self.flow, self.p, self.size
        x = fl.left
        widths = widths or [fl.width * 0.3, fl.width * 0.4, fl.width * 0.3]
        lh = size + 2.5
        xs = [x]
        for w_ in widths:
            xs.append(xs[-1] + w_)
        self.strips = [(xs[i] - 1, xs[i + 1] + 1) for i in range(len(widths))]

        def row(cells, bold, fill=None):
            wrapped = [p.wrap(c, w - 8, size, bold) for c, w in zip(cells, widths)]
            hh = max(len(wc) for wc in wrapped) * lh + 6

            def draw(y):
                xx = x
                for wc, w in zip(wrapped, widths):
                    p.rect(xx, y - hh, w, hh, fill=fill)
                    for i, ln in enumerate(wc):
                        if ln:
                            p.text(xx + 4, y - 11 - i * lh, ln, size, bold or (self.bold_values() and not fill))
                    xx += w
            fl.put(hh, draw)
        if fl.room() < 60:
            fl.new_page()
        row(headers, True, self.label_fill)
        for r in rows:
            row(r, False)

    def build(self, child_title=None):
        s, case = self.s, self.case
        L = s["labels"]
        self.title()
        self.para(guidance(s))
        self.flow.gap(6)
        for key, title, items in sections(case, s):
            if key == "child":
                n = len(case["children"])
                for i, C in enumerate(case["children"]):
                    self.bar(title if n == 1 else f"{title} - child {i + 1} of {n}")
                    for k, lab, f in child_items(C, s):
                        self.kv(lab, f, k)
                    self.flow.gap(8)
                continue
            self.bar(title)
            if key == "ag":
                self.agency_block()
                self.flow.gap(8)
                continue
            for k, lab, f in items:
                self.kv(lab, f, k)
            self.flow.gap(8)

    def agency_block(self):
        L = self.s["labels"]
        rows = [[a["name_shown"], a["agency"], a["contact"]] for a in self.case["agencies"]] + [["", "", ""]]
        self.agencies(rows, [L["ag_name"], L["ag_agency"], L["ag_contact"]])

    def furniture(self, page_no, total, rng_state):
        p, fl, s = self.p, self.flow, self.s
        p.text(fl.left, fl.H - 30, s["marking"], 8, True, (0.75, 0, 0))
        p.text(fl.W - fl.right - p.width(s["partnership"], 7), fl.H - 30, s["partnership"], 7, False, (0.35, 0.35, 0.35))
        p.text(fl.left, 28, f"{s['form_ref']} - version {rng_state[0]}.{rng_state[1]} - reviewed {rng_state[2]}", 7, False, (0.35, 0.35, 0.35))
        t = f"Page {page_no} of {total}"
        p.text(fl.W - fl.right - p.width(t, 7), 28, t, 7, False, (0.35, 0.35, 0.35))


LAST_STRIPS: list = []


def emit(form: GridForm, order=None):
    fl, p = form.flow, form.p
    # vertical strips the self-check reads separately (the answer column, the agency columns)
    LAST_STRIPS[:] = [(fl.left + form.label_w - 2, fl.W)] + list(getattr(form, "strips", []))
    total = len(fl.pages)
    rng = form.rng
    st = (rng.randrange(1, 5), rng.randrange(10), fmt_date(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), form.s["date_style"]))
    idx = list(range(total)) if order is None else order(total)
    for i in idx:
        form.furniture(i + 1, total, st)
        for op in fl.pages[i]:
            op()
        p.end_page()
    return idx


def new_canvas(buf, producer, creator, title, author, size=(595.28, 841.89)):
    c = canvas.Canvas(buf, pagesize=size, invariant=1, pageCompression=1)
    c.setProducer(producer)
    c.setCreator(creator)
    c.setTitle(title)
    c.setAuthor(author)
    return c


# ------------------------------------------------------------------ P-FAUXBOLD

def render_fauxbold(case, s, rng) -> bytes:
    fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, "GPL Ghostscript 9.56.1", "PScript5.dll Version 5.2.2", s["title"], case["F"]["ref_name"]["shown"])
    bold_values = rng.random() < 0.5
    painter = FauxBoldPainter(c, rng.choice([2, 2, 4]), rng.choice([0.25, 0.35, 0.5]), bold_values)
    form = GridForm(case, s, rng, painter, Flow(painter))
    form.bold_values = lambda: bold_values
    form.bar_fill = (1, 1, 1)
    form.label_fill = None

    def bar(title, form=form):
        fl, p = form.flow, form.p
        if fl.room() < 60:
            fl.new_page()

        def draw(y):
            p.text(fl.left, y - 12, title.upper(), 10, True)
            p.line(fl.left, y - 15, fl.left + fl.width, y - 15, (0, 0, 0), 0.8)
        fl.put(19, draw)
    form.bar = bar
    form.build()
    emit(form)
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ P-REVERSED

def render_reversed(case, s, rng) -> bytes:
    fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, "Microsoft: Print To PDF", "Microsoft Word", s["title"], case["F"]["ref_name"]["shown"])
    painter = Painter(c)
    form = GridForm(case, s, rng, painter, Flow(painter, margins=(62, 60, 50, 50)))
    form.size = rng.choice([9.5, 10])
    form.label_w = 190
    form.build()
    emit(form, order=lambda n: list(range(n - 1, -1, -1)))
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ P-WINGDINGS

class WingdingsForm(GridForm):
    bar_fill = (0.27, 0.45, 0.6)
    label_fill = (0.87, 0.92, 0.97)

    def choice_height(self, f, aw):
        if f["kind"] == "itype":
            return 5 * (self.size + 5) + (self.size + 5 if f.get("detail") and f["choice"] == "other" else 0) + 6
        return self.size + 10

    def draw_choice(self, f, x, y, w, h, key):
        p, size = self.p, self.size
        opts = options(f, self.s)
        if f["kind"] == "itype":
            for i, (word, on) in enumerate(opts):
                yy = y - 12 - i * (size + 5)
                p.text(x, yy, W_CROSS if on else W_EMPTY, size + 2, font="Wingdings")
                p.text(x + size + 6, yy, word, size)
            if f.get("detail") and f["choice"] == "other":
                p.text(x + size + 6, y - 12 - 5 * (size + 5), "Details: " + f["detail"], size)
            return
        # one column per option, like a Yes | No | Not known grid
        cw = w / 3
        for i, (word, on) in enumerate(opts):
            xx = x + i * cw
            if i:
                p.line(xx - 4, y, xx - 4, y - h, (0.6, 0.6, 0.6), 0.4)
            p.text(xx, y - 12, W_CROSS if on else W_EMPTY, size + 2, font="Wingdings")
            p.text(xx + size + 6, y - 12, word, size)

    def agency_block(self):
        """Agencies as a grid against the children: which agency works with which child."""
        L, case, fl, p, size = self.s["labels"], self.case, self.flow, self.p, self.size
        kids = case["children"]
        n = len(kids)
        kid_w = 52
        base = fl.width - kid_w * n
        widths = [base * 0.28, base * 0.34, base * 0.38] + [kid_w] * n
        heads = [L["ag_name"], L["ag_agency"], L["ag_contact"]] + [C["first"] for C in kids]
        lh = size + 2.5
        x = fl.left
        xs = [x]
        for w_ in widths[:3]:
            xs.append(xs[-1] + w_)
        self.strips = [(xs[i] - 1, xs[i + 1] + 1) for i in range(3)]
        self.para(f"Tick each child the agency is working with.", 8, True)

        def row(cells, ticks, header):
            wrapped = [p.wrap(cv, w - 8, size, header) for cv, w in zip(cells, widths[:3])]
            wrapped += [p.wrap(hd, kid_w - 6, size - 1.5, True) if header else [""] for hd in heads[3:]]
            hh = max(len(wc) for wc in wrapped) * lh + 6

            def draw(y):
                xx = x
                for j, (wc, w) in enumerate(zip(wrapped, widths)):
                    p.rect(xx, y - hh, w, hh, fill=self.label_fill if header else None)
                    if j < 3 or header:
                        for i, ln in enumerate(wc):
                            if ln:
                                p.text(xx + 4, y - 11 - i * lh, ln, size - (1.5 if j >= 3 else 0), header)
                    elif ticks[j - 3]:
                        p.text(xx + kid_w / 2 - 5, y - 12, W_TICK, size + 2, font="Wingdings")
                    xx += w
            fl.put(hh, draw)
        if fl.room() < 80:
            fl.new_page()
        row(heads[:3], None, True)
        for a in case["agencies"]:
            ticks = a.setdefault("_ticks", [True] + [self.rng.random() < 0.6 for _ in range(n - 1)])
            row([a["name_shown"], a["agency"], a["contact"]], ticks, False)
        row(["", "", ""], [False] * n, False)


def render_wingdings(case, s, rng) -> bytes:
    fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, "Microsoft\u00ae Word for Microsoft 365", "Microsoft\u00ae Word for Microsoft 365", s["title"],
                   case["F"]["ref_name"]["shown"])
    painter = Painter(c)
    form = WingdingsForm(case, s, rng, painter, Flow(painter))
    form.label_w = 185
    form.build()
    emit(form)
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ P-LOOSEWIDGETS

class WidgetForm(GridForm):
    """A fillable form whose answers are widget annotations (values and appearances), drawn as empty boxes."""
    bar_fill = (0.55, 0.55, 0.55)
    label_fill = None

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.specs: list[list] = [[]]   # per logical page
        self.n = 0
        self.prefix = self.rng.choice(["", "txt", "fld_"])

    def fname(self, key, extra=""):
        self.n += 1
        base = key.replace("_", " ").title().replace(" ", "") if key else f"Field{self.n}"
        name = f"{self.prefix}{base}{extra}"
        self.used = getattr(self, "used", {})
        self.used[name] = self.used.get(name, 0) + 1
        return name if self.used[name] == 1 else f"{name}_{self.used[name]}"

    def add_spec(self, y_page_idx, spec):
        while len(self.specs) <= y_page_idx:
            self.specs.append([])
        self.specs[y_page_idx].append(spec)

    def kv(self, label, f, key=None, suffix=""):
        fl, p, size = self.flow, self.p, self.size
        x, w, lw = fl.left, fl.width, self.label_w
        aw = w - lw
        llines = p.wrap(label, lw - 8, size, False)
        name = self.fname(key or "Extra", suffix)
        if f is not None and f["kind"] in ("tri", "itype", "gender"):
            if f["kind"] == "tri":
                hh = max(size + 12, len(llines) * (size + 2) + 8)
                opts = options(f, self.s)

                def draw(y, opts=opts, name=name, hh=hh):
                    for i, ln in enumerate(llines):
                        p.text(x, y - 11 - i * (size + 2), ln, size)
                    xx = x + lw
                    for j, (word, on) in enumerate(opts):
                        bx, by = xx, y - 13
                        p.rect(bx, by, 10, 10, fill=(0.9, 0.94, 1.0))
                        self.add_spec(len(fl.pages) - 1 if False else self._cur, {"type": "check", "rect": (bx, by, bx + 10, by + 10),
                                                                               "name": f"{name}_{j + 1}", "on": on})
                        p.text(bx + 14, by + 2, word, size)
                        xx += 14 + p.width(word, size) + 18
                self._put(hh, draw)
                return
            # gender and incident type: combo boxes with export codes
            opts = options(f, self.s)
            codes = ["1", "2", "3"] if f["kind"] == "gender" else ["D1", "H1", "L1", "C1", "Z9"]
            chosen = [c for c, (w_, on) in zip(codes, opts) if on]
            hh = max(size + 12, len(llines) * (size + 2) + 8)
            bw = min(aw - 10, 260)

            def draw(y, name=name, opts=opts, chosen=chosen, codes=codes, hh=hh):
                for i, ln in enumerate(llines):
                    p.text(x, y - 11 - i * (size + 2), ln, size)
                p.rect(x + lw, y - 15, bw, 14, fill=(0.9, 0.94, 1.0))
                self.add_spec(self._cur, {"type": "combo", "rect": (x + lw, y - 15, x + lw + bw, y - 1), "name": name,
                                          "opt": [(c_, w_) for c_, (w_, on) in zip(codes, opts)],
                                          "value": chosen[0] if chosen else None})
            self._put(hh, draw)
            if f["kind"] == "itype" and f.get("detail") and f["choice"] == "other":
                self.kv("If other, please give details", text(f["detail"]), "IncidentOther")
            elif f["kind"] == "itype":
                self.kv("If other, please give details", text(""), "IncidentOther")
            return
        value, lines = self.value_of(f)
        alines = helv_lines(f, self.s, aw - 8) if lines else [""]
        nlines = max(1, len(alines))
        multiline = f is not None and f["kind"] in ("lines", "paras") or nlines > 1
        bh = nlines * 11 + 5 if multiline else 15
        hh = max(bh, len(llines) * (size + 2)) + 5

        def draw(y, name=name, value=value, alines=alines, bh=bh, hh=hh):
            for i, ln in enumerate(llines):
                p.text(x, y - 11 - i * (size + 2), ln, size)
            p.rect(x + lw, y - bh - 1, aw, bh, fill=(0.9, 0.94, 1.0))
            self.add_spec(self._cur, {"type": "text", "rect": (x + lw, y - bh - 1, x + lw + aw, y - 1), "name": name,
                                      "value": value, "lines": alines, "multiline": multiline})
        self._put(hh, draw)

    def _put(self, h, fn):
        fl = self.flow
        if h > fl.room():
            fl.new_page()
        page_idx = len(fl.pages) - 1
        y = fl.y

        def op(y=y, fn=fn, page_idx=page_idx):
            self._cur = page_idx
            fn(y)
        fl.pages[-1].append(op)
        fl.y -= h

    def value_of(self, f):
        if f is None:
            return "", False
        k = f["kind"]
        if k == "lines":
            if f.get("lines"):
                return "\r".join(f["lines"]), True
            return f["shown"], bool(f["shown"])
        if k == "paras":
            if f["paras"]:
                return "\r\r".join(f["paras"]), True
            return f.get("shown", ""), bool(f.get("shown"))
        v = shown(f, self.s)
        return v, bool(v)

    def agency_block(self):
        L = self.s["labels"]
        fl, p, size = self.flow, self.p, self.size
        widths = [fl.width * 0.3, fl.width * 0.4, fl.width * 0.3]
        x = fl.left
        heads = [L["ag_name"], L["ag_agency"], L["ag_contact"]]

        def head(y):
            xx = x
            for hd, w in zip(heads, widths):
                p.text(xx + 2, y - 10, hd, size, True)
                xx += w
        self._put(14, head)
        rows = [[a["name_shown"], a["agency"], a["contact"]] for a in self.case["agencies"]]
        rows += [["", "", ""]] * max(1, 5 - len(rows))
        for ri, r in enumerate(rows):
            def draw(y, r=r, ri=ri):
                xx = x
                for ci, (v, w) in enumerate(zip(r, widths)):
                    p.rect(xx + 1, y - 16, w - 4, 15, fill=(0.9, 0.94, 1.0))
                    self.add_spec(self._cur, {"type": "text", "rect": (xx + 1, y - 16, xx + w - 3, y - 1),
                                              "name": f"{self.prefix}AgencyRow{ri + 1}_{('Name', 'Agency', 'Contact')[ci]}",
                                              "value": v, "lines": [v], "multiline": False})
                    xx += w
            self._put(19, draw)


def helv_lines(f, s, w, size=9):
    """Lines as the viewer lays them out in a multi-line field (Helvetica metrics)."""
    k = f["kind"]
    src = []
    if k == "lines" and f.get("lines"):
        src = list(f["lines"])
    elif k == "paras" and f["paras"]:
        for i, para in enumerate(f["paras"]):
            if i:
                src.append("")
            src.append(para)
    else:
        src = [shown(f, s)]
    out = []
    for ln in src:
        out += (simpleSplit(ln, "Helvetica", size, w) or [""]) if ln else [""]
    return out


def text_ap(w, h, lines, size=9, multiline=False):
    ops = ["/Tx BMC", "q", "1 1 %.2f %.2f re W n" % (w - 2, h - 2), "BT", f"/Helv {size} Tf", "0 g"]
    if multiline:
        y = h - size - 1.5
        ops.append(f"2 {y:.2f} Td")
        first = True
        for ln in lines:
            if not first:
                ops.append(f"0 {-(size + 2):.2f} Td")
            first = False
            ops.append(f"({pdf_str(ln)}) Tj")
    else:
        line = lines[0] if lines else ""
        wid = pdfmetrics.stringWidth(line, "Helvetica", size)
        if wid > w - 4:  # auto font size, as a viewer shrinks a one-line field's text to fit
            size = max(5.0, round(size * (w - 4) / wid, 2))
            ops[4] = f"/Helv {size} Tf"
        ops.append(f"2 {(h - size) / 2 + 1.5:.2f} Td")
        ops.append(f"({pdf_str(line)}) Tj")
    ops += ["ET", "Q", "EMC"]
    return "\n".join(ops).encode("latin-1")


def pdf_str(s: str) -> str:
    b = s.encode("cp1252", "replace").decode("latin-1")
    return b.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def render_loosewidgets(case, s, rng) -> bytes:
    fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, "Adobe PDF Library 17.11.238", "Adobe Acrobat Pro (64-bit) 23.6", s["title"], s["partnership"])
    painter = Painter(c)
    painter.reg, painter.bold_font = "DejaVuCond", "DejaVuCond-Bold"
    form = WidgetForm(case, s, rng, painter, Flow(painter))
    form._cur = 0
    form.label_w = 200
    form.build()
    emit(form)
    c.save()
    form_pdf = buf.getvalue()
    # the cover page (the partnership's own fillable checklist) that the referrer merged in front
    cbuf = io.BytesIO()
    cc = new_canvas(cbuf, "Microsoft: Print To PDF", "Microsoft Word", "Cover", "")
    cc.setFont("DejaVu-Bold", 15)
    cc.drawString(60, 770, "Before you send your referral - checklist")
    cc.setFont("DejaVu", 9.5)
    cc.drawString(60, 745, s["partnership"])
    cc.drawString(60, 725, "Tick each item before you send the form:")
    cover_specs = []
    items = ["I have read the Rapid Review guidance", "My safeguarding lead knows I am referring",
             "I have attached a chronology (optional)", "I have checked the child's details"]
    yy = 702
    for j, item in enumerate(items):
        cc.rect(60, yy - 2, 10, 10)
        cc.drawString(78, yy, item)
        cover_specs.append({"type": "check", "rect": (60, yy - 2, 70, yy + 8), "name": f"Check Box{j + 1}",
                            "on": rng.random() < 0.8})
        yy -= 18
    cc.drawString(60, yy - 6, "Your initials:")
    cc.rect(140, yy - 10, 60, 15)
    initials = "".join(x[0] for x in case["F"]["ref_name"]["shown"].replace("Dr ", "").split())
    cover_specs.append({"type": "text", "rect": (140, yy - 10, 200, yy + 5), "name": "Text1", "value": initials,
                        "lines": [initials], "multiline": False})
    cc.drawString(60, yy - 40, f"Send to {s['p_email']} - queries {s['p_phone']}.")
    cc.drawString(60, yy - 58, "The completed referral form follows on the next pages.")
    cc.showPage()
    cc.save()
    # merge: the tool copies every page with its annotations, but keeps only the first file's /AcroForm,
    # so the form pages' widgets are on the pages and in no field list
    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(cbuf.getvalue())))
    w.append(PdfReader(io.BytesIO(form_pdf)))
    helv = w._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                           NameObject("/BaseFont"): NameObject("/Helvetica"),
                                           NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    zadb = w._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                           NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    cover_refs = []
    for pi, specs in enumerate([cover_specs] + form.specs):
        page = w.pages[pi]
        annots = ArrayObject()
        for sp in specs:
            ref = w._add_object(widget(w, page, sp, helv, zadb))
            annots.append(ref)
            if pi == 0:
                cover_refs.append(ref)
        page[NameObject("/Annots")] = annots
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject(cover_refs), NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv, NameObject("/ZaDb"): zadb})})})
    w.add_metadata({"/Producer": "Merge PDF Files 2.3", "/Title": s["title"]})
    return finish(w, rng)


def widget(w: PdfWriter, page, sp: dict, helv, zadb) -> DictionaryObject:
    x1, y1, x2, y2 = sp["rect"]
    wd, ht = x2 - x1, y2 - y1
    d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                          NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in sp["rect"]]),
                          NameObject("/F"): NumberObject(4), NameObject("/T"): TextStringObject(sp["name"]),
                          NameObject("/P"): page.indirect_reference})

    def form_xobject(data: bytes, font=None):
        st = DecodedStreamObject()
        st.set_data(data)
        st[NameObject("/Type")] = NameObject("/XObject")
        st[NameObject("/Subtype")] = NameObject("/Form")
        st[NameObject("/BBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(wd, 2)), FloatObject(round(ht, 2))])
        if font:
            st[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject(font[0]): font[1]})})
        return w._add_object(st)

    if sp["type"] == "check":
        on = sp["on"]
        d[NameObject("/FT")] = NameObject("/Btn")
        d[NameObject("/V")] = NameObject("/Yes" if on else "/Off")
        d[NameObject("/AS")] = NameObject("/Yes" if on else "/Off")
        d[NameObject("/MK")] = DictionaryObject({NameObject("/CA"): TextStringObject("8")})
        d[NameObject("/DA")] = TextStringObject("/ZaDb 0 Tf 0 g")
        d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject({
            NameObject("/Yes"): form_xobject(f"q BT 0 g /ZaDb {ht - 2:.1f} Tf 1.4 1.8 Td (8) Tj ET Q".encode(), ("/ZaDb", zadb)),
            NameObject("/Off"): form_xobject(b"")})})
        return d
    if sp["type"] == "combo":
        d[NameObject("/FT")] = NameObject("/Ch")
        d[NameObject("/Ff")] = NumberObject(131072)
        d[NameObject("/Opt")] = ArrayObject([ArrayObject([TextStringObject(" "), TextStringObject(" ")])] + [
            ArrayObject([TextStringObject(cde), TextStringObject(disp)]) for cde, disp in sp["opt"]])
        d[NameObject("/V")] = TextStringObject(sp["value"] or " ")
        ap_lines, ml = [dict(sp["opt"]).get(sp["value"], "")], False
    else:
        d[NameObject("/FT")] = NameObject("/Tx")
        if sp["multiline"]:
            d[NameObject("/Ff")] = NumberObject(4096)
        if sp["value"]:
            d[NameObject("/V")] = TextStringObject(sp["value"])
        ap_lines, ml = sp["lines"], sp["multiline"]
    d[NameObject("/DA")] = TextStringObject("/Helv 9 Tf 0 g")
    d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): form_xobject(text_ap(wd, ht, ap_lines, 9, ml), ("/Helv", helv))})
    return d


def finish(w: PdfWriter, rng: random.Random) -> bytes:
    idb = bytes(rng.getrandbits(8) for _ in range(16))
    w._ID = ArrayObject([ByteStringObject(idb), ByteStringObject(idb)])
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ P-TYPE3

class GlyphPen(BasePen):
    def __init__(self, gs):
        super().__init__(gs)
        self.ops = []

    def _moveTo(self, p):
        self.ops.append(f"{p[0]:.0f} {p[1]:.0f} m")

    def _lineTo(self, p):
        self.ops.append(f"{p[0]:.0f} {p[1]:.0f} l")

    def _curveToOne(self, a, b, c):
        self.ops.append(f"{a[0]:.0f} {a[1]:.0f} {b[0]:.0f} {b[1]:.0f} {c[0]:.0f} {c[1]:.0f} c")

    def _closePath(self):
        self.ops.append("h")


_TT = {}


def ttf(path):
    if path not in _TT:
        f = FTFont(path, recalcTimestamp=False)
        _TT[path] = (f, f.getGlyphSet(), f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm)
    return _TT[path]


def type3_fonts(w: PdfWriter, words_by_style: dict) -> dict:
    """One Type 3 font per style (and per 250 characters) built from the glyph outlines, with a ToUnicode map."""
    out = {}
    for style, chars in sorted(words_by_style.items()):
        path = DEJAVU + ("DejaVuSans-Bold.ttf" if style == "b" else "DejaVuSans.ttf")
        f, gs, cmap, hmtx, upm = ttf(path)
        chars = sorted(chars)
        for part in range(0, len(chars), 250):
            chunk = chars[part:part + 250]
            procs = DictionaryObject()
            diffs = ArrayObject([NumberObject(1)])
            widths, tu = [], []
            for i, ch in enumerate(chunk, start=1):
                g = cmap.get(ord(ch), ".notdef")
                pen = GlyphPen(gs)
                gs[g].draw(pen)
                adv = hmtx[g][0]
                st = DecodedStreamObject()
                st.set_data((f"{adv} 0 d0\n" + "\n".join(pen.ops) + "\nf\n").encode())
                nm = f"/c{i:02x}"
                procs[NameObject(nm)] = w._add_object(st)
                diffs.append(NameObject(nm))
                widths.append(NumberObject(adv))
                tu.append(f"<{i:02X}> <{ord(ch):04X}>")
            cm = DecodedStreamObject()
            cm.set_data(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
                         "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
                         "1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n%s\nendbfchar\n"
                         "endcmap CMapName currentdict /CMap defineresource pop end end" % (len(tu), "\n".join(tu))).encode())
            font = DictionaryObject({
                NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type3"),
                NameObject("/FontBBox"): ArrayObject([NumberObject(-1100), NumberObject(-500), NumberObject(2900), NumberObject(2000)]),
                NameObject("/FontMatrix"): ArrayObject([FloatObject(1 / upm), NumberObject(0), NumberObject(0), FloatObject(1 / upm), NumberObject(0), NumberObject(0)]),
                NameObject("/CharProcs"): procs,
                NameObject("/Encoding"): DictionaryObject({NameObject("/Type"): NameObject("/Encoding"), NameObject("/Differences"): diffs}),
                NameObject("/FirstChar"): NumberObject(1), NameObject("/LastChar"): NumberObject(len(chunk)),
                NameObject("/Widths"): ArrayObject(widths), NameObject("/Resources"): DictionaryObject(),
                NameObject("/ToUnicode"): w._add_object(cm)})
            ref = w._add_object(font)
            key = f"/T3_{style}{part // 250}"
            out[key] = (ref, {ch: i for i, ch in enumerate(chunk, start=1)}, style)
    return out


def render_type3(case, s, rng) -> bytes:
    fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, "Adobe Acrobat Pro (64-bit) 24.1.20643", "RICOH IM C3000 / Adobe Acrobat Paper Capture",
                   "", "")
    painter = Type3Painter(c, rng)
    form = GridForm(case, s, rng, painter, Flow(painter))
    form.label_fill = None
    form.bar_fill = (0.82, 0.82, 0.82)
    form.label_w = 180

    def bar(title, form=form):
        fl, p = form.flow, form.p
        if fl.room() < 60:
            fl.new_page()

        def draw(y):
            p.rect(fl.left, y - 15, fl.width, 15, fill=(0.82, 0.82, 0.82), stroke=None)
            p.text(fl.left + 4, y - 11, title, 9.5, True)
        fl.put(17, draw)
    form.bar = bar

    def draw_choice(f, x, y, w, h, key, form=form):
        p, size = form.p, form.size
        opts = options(f, s)
        if f["kind"] == "itype":
            for i, (word, on) in enumerate(opts):
                yy = y - 11 - i * (size + 4)
                p.rect(x, yy - 1.5, 8, 8, stroke=(0, 0, 0))
                if on:
                    p.text(x + 1.3, yy, "X", size - 1, True)
                p.text(x + 12, yy, word, size)
            if f.get("detail") and f["choice"] == "other":
                p.text(x + 12, y - 11 - 5 * (size + 4), "Please specify: " + f["detail"], size)
            return
        xx = x
        for word, on in opts:
            p.rect(xx, y - 12.5, 8, 8, stroke=(0, 0, 0))
            if on:
                p.text(xx + 1.3, y - 11, "X", size - 1, True)
            p.text(xx + 12, y - 11, word, size)
            xx += 12 + p.width(word, size) + 18
    form.draw_choice = draw_choice
    form.build()
    emit(form)
    c.save()
    # the text goes in as Type 3 fonts, word by word
    r = PdfReader(io.BytesIO(buf.getvalue()))
    w = PdfWriter()
    w.append(r)
    chars: dict = {}
    for pg in painter.pages:
        for (_x, _y, word, st, _sz) in pg:
            chars.setdefault(st, set()).update(word)
    t3 = type3_fonts(w, chars)
    for pi, page in enumerate(w.pages):
        items = painter.pages[pi] if pi < len(painter.pages) else []
        res = page["/Resources"].get_object()
        fdict = res.get("/Font")
        fdict = fdict.get_object() if fdict is not None else DictionaryObject()
        for key, (ref, _m, _st) in t3.items():
            fdict[NameObject(key)] = ref
        res[NameObject("/Font")] = fdict
        ops = ["0 g"]
        for (x, y, word, st, sz) in items:
            # split the word over the style's fonts as needed
            segs = []
            for ch in word:
                for key, (_ref, m, fst) in t3.items():
                    if fst == st and ch in m:
                        if segs and segs[-1][0] == key:
                            segs[-1][1].append(m[ch])
                        else:
                            segs.append((key, [m[ch]]))
                        break
            xx = x
            for key, codes in segs:
                ops.append(f"BT {key} {sz} Tf 1 0 0 1 {xx:.2f} {y:.2f} Tm <{''.join(f'{cde:02X}' for cde in codes)}> Tj ET")
                f_, gs, cmap, hmtx, upm = ttf(DEJAVU + ("DejaVuSans-Bold.ttf" if st == "b" else "DejaVuSans.ttf"))
                inv = {v: k for k, v in t3[key][1].items()}
                xx += sum(hmtx[cmap.get(ord(inv[cde]), ".notdef")][0] for cde in codes) / upm * sz
        cs = DecodedStreamObject()
        cs.set_data("\n".join(ops).encode())
        old = page.raw_get("/Contents")
        arr = ArrayObject(list(old) if isinstance(old, ArrayObject) else [old])
        arr.append(w._add_object(cs))
        page[NameObject("/Contents")] = arr
    w.add_metadata({"/Producer": "Adobe Acrobat Pro (64-bit) 24.1.20643", "/Creator": "RICOH IM C3000"})
    return finish(w, rng)


PDF_LAYOUTS = {
    "P-FAUXBOLD": render_fauxbold,
    "P-LOOSEWIDGETS": render_loosewidgets,
    "P-REVERSED": render_reversed,
    "P-WINGDINGS": render_wingdings,
    "P-TYPE3": render_type3,
}
