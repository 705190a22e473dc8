"""plain32: the five PDF layouts (Q-PDFMAKER, Q-QUARTZGRID, Q-RADIO, Q-NUMDELETE, Q-GSLINES)."""

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)

from p32_docx import guidance_text
from p32_model import strip_title

FONT_DIR = "/usr/share/fonts/truetype"
_FONTS = {
    "LiberationSans": "liberation/LiberationSans-Regular.ttf",
    "LiberationSans-Bold": "liberation/LiberationSans-Bold.ttf",
    "LiberationSans-Italic": "liberation/LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic": "liberation/LiberationSans-BoldItalic.ttf",
    "LiberationSerif": "liberation/LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": "liberation/LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic": "liberation/LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic": "liberation/LiberationSerif-BoldItalic.ttf",
    "DejaVuSans": "dejavu/DejaVuSans.ttf",
    "DejaVuSans-Bold": "dejavu/DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "dejavu/DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "dejavu/DejaVuSans-BoldOblique.ttf",
}
for _name, _file in _FONTS.items():
    pdfmetrics.registerFont(TTFont(_name, f"{FONT_DIR}/{_file}"))
pdfmetrics.registerFontFamily("LiberationSans", normal="LiberationSans", bold="LiberationSans-Bold",
                              italic="LiberationSans-Italic", boldItalic="LiberationSans-BoldItalic")
pdfmetrics.registerFontFamily("LiberationSerif", normal="LiberationSerif", bold="LiberationSerif-Bold",
                              italic="LiberationSerif-Italic", boldItalic="LiberationSerif-BoldItalic")
pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold",
                              italic="DejaVuSans-Oblique", boldItalic="DejaVuSans-BoldOblique")

PAGE_W, PAGE_H = A4
BOX_EMPTY = "\u2610"
BOX_TICK = "\u2612"


def pdf_date(case, rng):
    """The document date: the referral date, in working hours, UK time (BST from April to October)."""
    d = case.referral_date
    off = "+01'00'" if 4 <= d.month <= 10 else "+00'00'"
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{rng.randint(9, 17):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}{off}"


def hexcol(h):
    return colors.HexColor("#" + h)


def e(s):
    return escape(s)


def family(name):
    return {"Liberation Sans": "LiberationSans", "Liberation Serif": "LiberationSerif",
            "DejaVu Sans": "DejaVuSans"}[name]


def bold(fam):
    return {"LiberationSans": "LiberationSans-Bold", "LiberationSerif": "LiberationSerif-Bold",
            "DejaVuSans": "DejaVuSans-Bold"}[fam]


def ital(fam):
    return {"LiberationSans": "LiberationSans-Italic", "LiberationSerif": "LiberationSerif-Italic",
            "DejaVuSans": "DejaVuSans-Oblique"}[fam]


def numbered_canvas(total_fmt):
    """A canvas class that writes 'Page n of N' once the page count is known."""
    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            rl_canvas.Canvas.__init__(self, *args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.draw_pageno(total)
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

        def draw_pageno(self, total):
            if total_fmt is None:
                return
            self.saveState()
            self.setFont("LiberationSans", 7.5)
            self.drawRightString(PAGE_W - 18 * mm, 10 * mm, total_fmt.format(n=self._pageNumber, N=total))
            self.restoreState()
    return NumberedCanvas


class PdfForm:
    def __init__(self, case, rng, layout, fam, size):
        self.case = case
        self.s = case.sender
        self.rng = rng
        self.layout = layout
        self.fam = fam
        self.size = size
        self.dark, self.light = (hexcol(c) for c in self.s["colour"])
        self.story = []
        self.info = {}
        self.st = ParagraphStyle("n", fontName=fam, fontSize=size, leading=size * 1.22, alignment=TA_LEFT)
        self.stb = ParagraphStyle("b", parent=self.st, fontName=bold(fam))
        self.sts = ParagraphStyle("s", parent=self.st, fontSize=size - 1.5, leading=(size - 1.5) * 1.2)

    def P(self, text, style=None, **kw):
        st = style or self.st
        if kw:
            st = ParagraphStyle("x", parent=st, **kw)
        return Paragraph(text, st)

    def glyph(self, ch):
        return f'<font name="DejaVuSans">{ch}</font>'

    def title_block(self, style_guides=True):
        s = self.s
        self.story.append(self.P(f"<b>{e(s['partnership'])}</b>", textColor=self.dark, fontSize=self.size + 2,
                                 leading=(self.size + 2) * 1.25))
        self.story.append(self.P(f"<b>{e(s['title'])}</b>", fontSize=self.size + 5, leading=(self.size + 5) * 1.25,
                                 spaceBefore=2, spaceAfter=6))
        self.story.append(self.P(f"<i>{e(guidance_text(s))}</i>", self.sts, textColor=colors.HexColor("#404040"),
                                 spaceAfter=8))

    def on_page(self, canv, doc):
        s = self.s
        canv.saveState()
        canv.setFont("LiberationSans-Bold", 8)
        canv.setFillColor(colors.HexColor("#C00000"))
        canv.drawString(18 * mm, PAGE_H - 12 * mm, s["marking"])
        canv.setFont("LiberationSans", 7.5)
        canv.setFillColor(colors.HexColor("#595959"))
        canv.drawRightString(PAGE_W - 18 * mm, PAGE_H - 12 * mm, s["partnership"])
        canv.drawString(18 * mm, 10 * mm, s["form_ref"])
        canv.restoreState()

    def answer_html(self, q, addr="br"):
        if q.kind == "address":
            if not q.lines:
                return ""
            return ("<br/>" if addr == "br" else ", ").join(e(x) for x in q.lines)
        if q.kind == "choice":
            return e(q.shown())
        return e(q.text)

    def answer_flow(self, q, addr="br", style=None):
        """Flowables for a typed answer (long answers: one Paragraph per paragraph)."""
        st = style or self.st
        if q.kind == "long":
            if not q.paras:
                return [Paragraph("", st)]
            return [Paragraph(e(t), ParagraphStyle("lp", parent=st, spaceAfter=st.fontSize * 0.9)) for t in q.paras]
        return [Paragraph(self.answer_html(q, addr), st)]

    def office_use(self, width):
        w = width / 4
        data = [[self.P("<b>FOR PARTNERSHIP USE ONLY</b>", textColor=colors.white, fontSize=self.size - 1), "", "", ""],
                [self.P("Date received", fontSize=self.size - 1.5), "", self.P("Reference", fontSize=self.size - 1.5), ""],
                [self.P("Rapid Review meeting", fontSize=self.size - 1.5), "", self.P("Decision / outcome", fontSize=self.size - 1.5), ""]]
        t = Table(data, colWidths=[w] * 4, rowHeights=[None, 18, 18])
        t.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#595959")),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
                               ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#F2F2F2")),
                               ("BACKGROUND", (2, 1), (2, -1), colors.HexColor("#F2F2F2"))]))
        self.story.append(Spacer(1, 10))
        self.story.append(KeepTogether([t]))

    def signature(self, width):
        data = [[self.P("<b>Signed</b>"), ""], [self.P("<b>Print name</b>"), ""], [self.P("<b>Date</b>"), ""]]
        t = Table(data, colWidths=[width * 0.25, width * 0.75], rowHeights=[24, None, None])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))]))
        self.story.append(Spacer(1, 8))
        self.story.append(self.P("Declaration: the information in this form is accurate to the best of my knowledge.",
                                 self.sts))
        self.story.append(t)

    def agencies_table(self, width, spare=2, header_bg=None, rules_only=False):
        ag = self.case.agencies
        n = len(ag.cols)
        fr = [0.32, 0.36, 0.32] if n == 3 else [0.26, 0.24, 0.32, 0.18]
        data = [[self.P(f"<b>{e(t)}</b>", fontSize=self.size - 0.5) for _k, t in ag.cols]]
        for r_ in ag.rows:
            data.append([self.P(e(r_.get(k, "")), fontSize=self.size - 0.5) for k, _t in ag.cols])
        for _ in range(spare):
            data.append([""] * n)
        t = Table(data, colWidths=[width * f for f in fr], repeatRows=1)
        cmds = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if rules_only:
            cmds += [("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#7F7F7F"))]
        else:
            cmds += [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")),
                     ("BACKGROUND", (0, 0), (-1, 0), header_bg or self.light)]
        t.setStyle(TableStyle(cmds))
        self.story.append(t)

    def build(self, producer, creator, title, total_fmt="Page {n} of {N}", margins=(18, 18, 20, 18)):
        buf = io.BytesIO()
        stamp = pdf_date(self.case, self.rng)
        on_page = self.on_page

        def first(canv, doc):
            canv.setDateFormatter(lambda *a: stamp)
            on_page(canv, doc)
        top, right, bottom, left = (m * mm for m in margins)
        doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=top, rightMargin=right, bottomMargin=bottom,
                                leftMargin=left, title=title, author=self.author(), creator=creator, producer=producer,
                                subject=self.s["form_ref"], invariant=1)
        doc.build(self.story, onFirstPage=first, onLaterPages=self.on_page,
                  canvasmaker=numbered_canvas(total_fmt))
        return buf.getvalue()

    def author(self):
        for _s, q in self.case.all_items():
            if q.key == "referrer.name" and q.text:
                return strip_title(q.text)
        return self.s["agency_short"]

    @property
    def width(self):
        return PAGE_W - 36 * mm


# ============================================================================================== Q-PDFMAKER

def q_pdfmaker(case, rng):
    s = case.sender
    f = PdfForm(case, rng, "Q-PDFMAKER", "LiberationSans", rng.choice([9, 9.5, 10]))
    W = f.width
    frac = rng.choice([0.44, 0.47, 0.5])
    mark = rng.choice(["X", "X", "X", "x"])
    f.info = {"label_fraction": frac, "mark": mark}
    f.title_block()
    letter = 0
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            head = Table([[f.P(f"<b>PART {chr(65 + letter)} - {e(s['sections'][sec.key].upper())}</b>",
                               textColor=f.dark)]], colWidths=[W])
            head.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, f.dark), ("BACKGROUND", (0, 0), (-1, -1), f.light)]))
            f.story += [Spacer(1, 8), head, Spacer(1, 5)]
            letter += 1
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            f.story.append(f.P(f"<b><i>{e(s['child_title'])} {sec.child + 1} of {sec.nchildren}</i></b>", spaceBefore=4,
                               spaceAfter=3))
        if sec.key == "agencies":
            f.story.append(f.P(f"<b>{e(case.agencies.label)}</b>", spaceAfter=3))
            f.agencies_table(W, spare=3, header_bg=colors.white)
            continue
        data = []
        for q in sec.items:
            if q.kind == "choice":
                if q.key == "incident.type":
                    ans = [f.P((e(mark) if q.chosen == i else f.glyph(BOX_EMPTY)) + " " + e(opt)) for i, opt in enumerate(q.options)]
                else:
                    bits = [e(opt) + " " + (e(mark) if q.chosen == i else f.glyph(BOX_EMPTY)) for i, opt in enumerate(q.options)]
                    ans = [f.P("&nbsp;&nbsp;&nbsp;&nbsp;".join(bits))]
            else:
                ans = f.answer_flow(q)
            data.append([f.P(e(q.label)), ans])
        if data:
            t = Table(data, colWidths=[W * frac, W * (1 - frac)])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            f.story.append(t)
    f.signature(W)
    f.office_use(W)
    return f.build("Adobe PDF Library 23.8.246", "Acrobat PDFMaker 23 for Word", s["title"]), f.info


# ============================================================================================== Q-QUARTZGRID

def q_quartzgrid(case, rng):
    s = case.sender
    fam = rng.choice(["LiberationSans", "DejaVuSans"])
    f = PdfForm(case, rng, "Q-QUARTZGRID", fam, rng.choice([8.5, 9]))
    W = f.width
    lf = rng.choice([0.2, 0.22])
    cw = [W * lf, W * (0.5 - lf), W * lf, W * (0.5 - lf)]
    fill = rng.choice([f.light, colors.HexColor("#F2F2F2")])
    f.info = {"label_fraction": lf, "ticks": 0}
    f.title_block()
    num = 0
    last_key = None

    def choice_html(q):
        if q.key == "incident.type":
            return [f.P(f.glyph(BOX_TICK if q.chosen == i else BOX_EMPTY) + " " + e(opt)) for i, opt in enumerate(q.options)]
        return [f.P("&nbsp;&nbsp;".join(f.glyph(BOX_TICK if q.chosen == i else BOX_EMPTY) + " " + e(opt)
                                        for i, opt in enumerate(q.options)))]

    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            num += 1
            f.story.append(f.P(f"<b>{num}. {e(s['sections'][sec.key])}</b>", textColor=f.dark, fontSize=f.size + 3,
                               leading=(f.size + 3) * 1.3, spaceBefore=10, spaceAfter=4))
        last_key = sec.key
        if sec.key == "agencies":
            f.story.append(f.P(f"<b>{e(case.agencies.label)}</b>", spaceAfter=3))
            f.agencies_table(W, spare=2, header_bg=fill)
            continue
        data, spans = [], []
        if sec.key == "child" and sec.nchildren > 1:
            data.append([f.P(f"<b>{e(s['child_title'])} {sec.child + 1}</b>", textColor=colors.white), "", "", ""])
            spans.append(("SPAN", (0, 0), (-1, 0)))
            spans.append(("BACKGROUND", (0, 0), (-1, 0), f.dark))
        pending = []

        def ans(q):
            if q.kind == "choice":
                if q.chosen is not None:
                    f.info["ticks"] += 1
                return choice_html(q)
            return f.answer_flow(q)

        for q in sec.items:
            wide = (q.kind in ("address", "long") or len(q.label) > 58 or q.key == "incident.type"
                    or q.key.endswith(".email") or (q.kind == "choice" and sum(len(o) for o in q.options) > 22))
            lab = f.P(f"<b>{e(q.label)}</b>", fontSize=f.size - 0.5)
            if wide:
                if pending:
                    p0 = pending.pop()
                    data.append([f.P(f"<b>{e(p0.label)}</b>", fontSize=f.size - 0.5), ans(p0), "", ""])
                data.append([lab, ans(q), "", ""])
                spans.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
            elif pending:
                p0 = pending.pop()
                data.append([f.P(f"<b>{e(p0.label)}</b>", fontSize=f.size - 0.5), ans(p0), lab, ans(q)])
            else:
                pending.append(q)
        if pending:
            p0 = pending.pop()
            data.append([f.P(f"<b>{e(p0.label)}</b>", fontSize=f.size - 0.5), ans(p0), "", ""])
        if data:
            t = Table(data, colWidths=cw)
            cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#A6A6A6")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (0, -1), fill), ("BACKGROUND", (2, 0), (2, -1), fill)] + spans
            t.setStyle(TableStyle(cmds))
            f.story.append(t)
    f.signature(W)
    f.office_use(W)
    build = f.build(f"macOS Version 14.{rng.choice([5, 6, 7])} (Build 23G{rng.randint(80, 99)}) Quartz PDFContext",
                    "Microsoft Word", s["title"])
    return build, f.info


# ============================================================================================== Q-NUMDELETE

def q_numdelete(case, rng):
    s = case.sender
    fam = rng.choice(["LiberationSans", "LiberationSerif"])
    f = PdfForm(case, rng, "Q-NUMDELETE", fam, rng.choice([10, 10.5]))
    W = f.width
    blue = colors.HexColor(rng.choice(["#1F3A93", "#0070C0", "#002060"]))
    indent = rng.choice([22, 28])
    f.info = {"answer_colour": blue.hexval(), "deleted_choices": 0}
    f.title_block()
    sec_no = 0
    q_no = 0
    last_key = None
    ans_st = ParagraphStyle("a", parent=f.st, textColor=blue, leftIndent=indent, spaceAfter=5)
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            sec_no += 1
            q_no = 0
            f.story.append(f.P(f"<b>{sec_no}. {e(s['sections'][sec.key].upper())}</b>", textColor=f.dark,
                               fontSize=f.size + 1.5, leading=(f.size + 1.5) * 1.3, spaceBefore=10, spaceAfter=4))
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            f.story.append(f.P(f"<b><i>{e(s['child_title'])} {sec.child + 1}</i></b>", spaceAfter=3))
        if sec.key == "agencies":
            q_no += 1
            f.story.append(f.P(f"<b>{sec_no}.{q_no}&nbsp;&nbsp;{e(case.agencies.label)}</b>", firstLineIndent=-indent,
                               leftIndent=indent, spaceAfter=3))
            f.agencies_table(W, spare=2)
            continue
        for q in sec.items:
            q_no += 1
            label = e(q.label)
            if q.kind == "choice":
                label += " <i>(delete those that do not apply)</i>" if q.key == "incident.type" else " <i>(delete as appropriate)</i>"
            head = f.P(f"<b>{sec_no}.{q_no}&nbsp;&nbsp;</b><b>{label}</b>", firstLineIndent=-indent, leftIndent=indent,
                       spaceAfter=2)
            if q.kind == "choice":
                if q.chosen is None:
                    if q.key == "incident.type":
                        body = [Paragraph(e(o), ans_st) for o in q.options]
                    else:
                        body = [Paragraph(" / ".join(e(o) for o in q.options), ans_st)]
                else:
                    f.info["deleted_choices"] += 1
                    body = [Paragraph(e(q.options[q.chosen]), ans_st)]
            else:
                body = f.answer_flow(q, "br", ans_st)
            f.story.append(KeepTogether([head] + body[:1]))
            f.story += body[1:]
    f.signature(W)
    f.office_use(W)
    return f.build("Microsoft® Word 2016", "Microsoft® Word 2016", s["title"]), f.info


# ============================================================================================== Q-GSLINES

def fit_columns(data, avail, f):
    """Column widths for a table of Paragraphs (first column excluded) as Word's autofit gives them: each column
    at least as wide as its longest word, the rest shared in proportion to the text's full width."""
    pad = 14   # reportlab cells have 6 pt padding each side
    mins, prefs = [], []
    for ci in range(1, len(data[0])):
        lo = hi = 20.0
        for row in data:
            cell = row[ci]
            text = re.sub(r"<[^>]+>", "", cell.text if hasattr(cell, "text") else str(cell))
            font = cell.style.fontName if hasattr(cell, "style") else f.fam
            size = cell.style.fontSize if hasattr(cell, "style") else f.size
            if row is data[0]:
                font = bold(f.fam)
            words = text.split() or [""]
            lo = max(lo, max(pdfmetrics.stringWidth(w, font, size) for w in words) + pad)
            hi = max(hi, pdfmetrics.stringWidth(text, font, size) + pad)
        mins.append(lo)
        prefs.append(max(hi, lo))
    if sum(prefs) <= avail:
        return [p * avail / sum(prefs) for p in prefs]
    extra = avail - sum(mins)
    if extra >= 0:
        span = sum(p - m for p, m in zip(prefs, mins)) or 1
        return [m + extra * (p - m) / span for p, m in zip(prefs, mins)]
    return [m * avail / sum(mins) for m in mins]

def q_gslines(case, rng):
    s = case.sender
    fam = rng.choice(["LiberationSerif", "LiberationSans"])
    f = PdfForm(case, rng, "Q-GSLINES", fam, rng.choice([10, 10.5]))
    W = f.width
    frac = rng.choice([0.36, 0.4])
    addr_one = rng.random() < 0.5
    f.info = {"label_fraction": frac, "address_one_line": addr_one}
    f.title_block()
    grey = colors.HexColor("#A6A6A6")

    def heading(t):
        f.story.append(f.P(f"<b>{e(t.upper())}</b>", textColor=f.dark, spaceBefore=10, spaceAfter=2))
        rule = Table([[""]], colWidths=[W], rowHeights=[2])
        rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1, f.dark)]))
        f.story.append(rule)

    def lines(items):
        data, styles = [], [("VALIGN", (0, 0), (-1, -1), "TOP")]
        for q in items:
            if q.kind == "long":
                data.append([f.P(f"<b>{e(q.label)}</b>"), ""])
                styles.append(("SPAN", (0, len(data) - 1), (1, len(data) - 1)))
                for par in (q.paras or [""]):
                    data.append([f.P(e(par)), ""])
                    styles.append(("SPAN", (0, len(data) - 1), (1, len(data) - 1)))
                styles.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.4, grey))
            else:
                data.append([f.P(f"<b>{e(q.label)}</b>"), f.P(f.answer_html(q, "comma" if addr_one else "br"))])
                styles.append(("LINEBELOW", (1, len(data) - 1), (1, len(data) - 1), 0.4, grey))
        if data:
            t = Table(data, colWidths=[W * frac, W * (1 - frac)])
            t.setStyle(TableStyle(styles))
            f.story.append(t)

    ident_keys = ["child.name", "child.forename", "child.surname", "child.dob", "child.age", "child.gender",
                  "child.ethnicity"]
    child_secs = [sec for sec in case.sections if sec.key == "child"]
    done = False
    for sec in case.sections:
        if sec.key == "child":
            if done:
                continue
            done = True
            heading(s["sections"]["child"])
            cols = [q for q in child_secs[0].items if q.key in ident_keys]
            data = [[f.P("<b>No.</b>", fontSize=f.size - 1.5)] + [f.P(f"<b>{e(q.label)}</b>", fontSize=f.size - 1) for q in cols]]
            for cs in child_secs:
                qs = [q for q in cs.items if q.key in ident_keys]
                data.append([f.P(str(cs.child + 1), fontSize=f.size - 0.5)] +
                            [f.P(f.answer_html(q), fontSize=f.size - 0.5) for q in qs])
            noW = 30
            cw = [noW] + fit_columns(data, W - noW, f)
            t = Table(data, colWidths=cw, repeatRows=1)
            t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, 0), 1, f.dark)]))
            f.story += [Spacer(1, 4), t]
            for cs in child_secs:
                f.story.append(f.P(f"<b><i>{e(s['child_title'])} {cs.child + 1} - further details</i></b>",
                                   textColor=f.dark, spaceBefore=8, spaceAfter=2))
                lines([q for q in cs.items if q.key not in ident_keys])
            continue
        heading(s["sections"][sec.key])
        if sec.key == "agencies":
            f.story.append(f.P(f"<b>{e(case.agencies.label)}</b>", spaceBefore=3, spaceAfter=3))
            f.agencies_table(W, spare=0, rules_only=True)
            continue
        lines(sec.items)
    f.signature(W)
    f.office_use(W)
    return f.build(f"GPL Ghostscript 9.{rng.choice(['54.0', '55.0', '56.1'])}", "PScript5.dll Version 5.2.2",
                   "Microsoft Word - " + re.sub(r"[^A-Za-z0-9 ]", "", s["form_ref"]) + " referral.docx",
                   total_fmt="{n}"), f.info


PDF_LAYOUTS = {
    "Q-PDFMAKER": q_pdfmaker,
    "Q-QUARTZGRID": q_quartzgrid,
    "Q-NUMDELETE": q_numdelete,
    "Q-GSLINES": q_gslines,
}
