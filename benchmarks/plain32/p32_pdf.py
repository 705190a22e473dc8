"""plain32: the five PDF layouts (Q-PDFMAKER, Q-QUARTZGRID, Q-RADIO, Q-NUMDELETE, Q-GSLINES)."""

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from p32_docx import guidance_text
from p32_model import DATE_EXAMPLES, strip_title

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
            need = []
            for ci, q0 in enumerate(cols):
                longest = max(len(f.answer_html(cs_q)) for cs_q in
                              [[q for q in cs.items if q.key in ident_keys][ci] for cs in child_secs])
                need.append(max(longest * 1.25 + 3, min(len(q0.label) * 0.5, 14)))
            cw = [noW] + [(W - noW) * x / sum(need) for x in need]
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


# ============================================================================================== Q-RADIO

class AcroLayout:
    """A fillable form drawn on a reportlab canvas: labels left, text fields and radio groups right."""

    def __init__(self, case, rng):
        self.case = case
        self.s = case.sender
        self.rng = rng
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.dark, self.light = (hexcol(x) for x in self.s["colour"])
        self.left = 18 * mm
        self.right = PAGE_W - 18 * mm
        self.labw = rng.choice([62, 70]) * mm
        self.fx = self.left + self.labw + 4
        self.y = PAGE_H - 22 * mm
        self.page = 1
        self.choice_names = rng.random() < 0.5       # export values "Choice1..." (else the option words)
        self.tooltips = rng.random() < 0.5
        self.info = {"radio_export": "Choice<n>" if self.choice_names else "option words", "tooltips": self.tooltips,
                     "text_fields": 0, "radio_groups": 0, "radios_on": 0}
        self.fieldfont = 9
        self.real_values = {}

    def header(self):
        c = self.c
        s = self.s
        c.setFont("LiberationSans-Bold", 8)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(self.left, PAGE_H - 12 * mm, s["marking"])
        c.setFont("LiberationSans", 7.5)
        c.setFillColor(colors.HexColor("#595959"))
        c.drawRightString(self.right, PAGE_H - 12 * mm, s["partnership"])
        c.drawString(self.left, 10 * mm, s["form_ref"])
        c.drawRightString(self.right, 10 * mm, f"Page {self.page}")
        c.setFillColor(colors.black)

    def need(self, h):
        if self.y - h < 18 * mm:
            self.c.showPage()
            self.page += 1
            self.header()
            self.y = PAGE_H - 20 * mm

    def text(self, x, y, t, font="LiberationSans", size=9, color=colors.black):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, y, t)
        self.c.setFillColor(colors.black)

    def wrapped(self, t, width, font, size):
        return simpleSplit(t, font, size, width)

    def title(self):
        s = self.s
        self.header()
        self.text(self.left, self.y, s["partnership"], "LiberationSans-Bold", 11, self.dark)
        self.y -= 18
        for ln in self.wrapped(s["title"], self.right - self.left, "LiberationSans-Bold", 14):
            self.text(self.left, self.y, ln, "LiberationSans-Bold", 14)
            self.y -= 17
        self.y -= 2
        for ln in self.wrapped(guidance_text(s), self.right - self.left, "LiberationSans-Italic", 8):
            self.text(self.left, self.y, ln, "LiberationSans-Italic", 8, colors.HexColor("#404040"))
            self.y -= 10
        self.y -= 6

    def bar(self, title):
        self.need(40)
        c = self.c
        c.setFillColor(self.dark)
        c.rect(self.left, self.y - 5, self.right - self.left, 16, stroke=0, fill=1)
        self.text(self.left + 4, self.y, title, "LiberationSans-Bold", 9.5, colors.white)
        self.y -= 22

    def label(self, t, h):
        lines = self.wrapped(t, self.labw - 4, "LiberationSans-Bold", 8.5)
        yy = self.y
        for ln in lines:
            self.text(self.left, yy - 1, ln, "LiberationSans-Bold", 8.5)
            yy -= 10
        return max(h, 10 * len(lines))

    def textfield(self, name, label, value, multiline=False, nlines=1, display=None):
        """value is what the field holds (/V); display, when given, is the wrapped text of its appearance."""
        fw = self.right - self.fx
        if display is not None and display != value:
            self.real_values[name] = value
        h = 15 if not multiline else max(26, 11 * nlines + 6)
        lab_lines = len(self.wrapped(label, self.labw - 4, "LiberationSans-Bold", 8.5))
        self.need(max(h, lab_lines * 10) + 6)
        used = self.label(label, h)
        kw = dict(name=name, value=display if display is not None else value, x=self.fx, y=self.y - h + 8, width=fw,
                  height=h, fontName="Helvetica", fontSize=self.fieldfont, borderColor=colors.HexColor("#7F9DB9"),
                  fillColor=colors.HexColor("#E8F0FA"), textColor=colors.black, borderWidth=0.6, maxlen=None)
        if self.tooltips:
            kw["tooltip"] = label
        if multiline:
            kw["fieldFlags"] = "multiline"
        self.c.acroForm.textfield(**kw)
        self.info["text_fields"] += 1
        self.y -= max(used, h) + 6

    def radios(self, name, label, options, chosen, vertical=False):
        lab_lines = len(self.wrapped(label, self.labw - 4, "LiberationSans-Bold", 8.5))
        h = 14 * len(options) if vertical else 14
        self.need(max(h, lab_lines * 10) + 6)
        used = self.label(label, h)
        x = self.fx
        yy = self.y
        self.info["radio_groups"] += 1
        for i, opt in enumerate(options):
            value = f"Choice{i + 1}" if self.choice_names else (re.sub(r"[^A-Za-z0-9]", "", opt) or f"Opt{i + 1}")
            kw = dict(name=name, value=value, selected=(chosen == i), x=x, y=yy - 2.5, size=11, buttonStyle="circle",
                      shape="circle", borderColor=colors.HexColor("#4F4F4F"), fillColor=colors.white,
                      textColor=colors.black, borderWidth=0.8, forceBorder=False, fieldFlags="radio")
            if self.tooltips:
                kw["tooltip"] = label
            self.c.acroForm.radio(**kw)
            if chosen == i:
                self.info["radios_on"] += 1
            self.text(x + 15, yy - 1, opt, "LiberationSans", 8.5)
            if vertical:
                yy -= 14
            else:
                x += 15 + pdfmetrics.stringWidth(opt, "LiberationSans", 8.5) + 14
        self.y -= max(used, h) + 6


def camel(label):
    words = re.findall(r"[A-Za-z0-9]+", label)
    out = "".join(w[:1].upper() + w[1:] for w in words[:5])
    return out or "Field"


FIELD_NAMES = {
    "date_of_referral": "ReferralDate", "referrer.name": "ReferrerName", "referrer.role": "ReferrerRole",
    "referrer.agency": "ReferrerAgency", "referrer.email": "ReferrerEmail", "referrer.phone": "ReferrerPhone",
    "lead.name": "LeadName", "lead.role": "LeadRole", "lead.agency": "LeadAgency", "lead.email": "LeadEmail",
    "lead.phone": "LeadPhone", "lead.discussed": "LeadDiscussed", "child.name": "Name", "child.forename": "FirstName",
    "child.surname": "Surname", "child.other_names": "OtherNames", "child.dob": "DOB", "child.age": "Age",
    "child.gender": "Gender", "child.ethnicity": "Ethnicity", "child.address": "Address", "child.school": "School",
    "child.gp": "GP", "child.legal_status": "LegalStatus", "child.cp_plan": "CPPlan", "child.open_to_csc": "OpenCSC",
    "child.looked_after": "LAC", "child.disability": "Disability", "child.date_of_death": "DateOfDeath",
    "incident.date": "IncidentDate", "incident.date_la_aware": "LAAwareDate", "incident.location": "IncidentLocation",
    "incident.type": "IncidentType", "incident.other": "IncidentOther", "incident.summary": "Summary",
    "incident.police": "Police", "crit.died": "CritDied", "crit.abuse": "CritAbuse", "crit.local": "CritLocal",
    "crit.learning": "CritLearning", "crit.reason": "CritReason", "panel.notified": "PanelNotified",
    "panel.date": "PanelDate", "concerns": "ImmediateConcerns",
}


def q_radio(case, rng):
    s = case.sender
    a = AcroLayout(case, rng)
    a.title()
    used = set()
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            a.bar(s["sections"][sec.key])
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            a.need(30)
            a.text(a.left, a.y, f"{s['child_title']} {sec.child + 1}", "LiberationSans-Bold", 9.5, a.dark)
            a.y -= 15
        if sec.key == "agencies":
            agencies_fields(a, case)
            continue
        for q in sec.items:
            if q.decoy:
                base = camel(q.label)
            else:
                base = FIELD_NAMES[q.key]
            if q.child is not None:
                base = f"Child{q.child + 1}{base}" if not q.decoy else f"{base}_C{q.child + 1}"
            name = base
            k = 2
            while name in used:
                name = f"{base}{k}"
                k += 1
            used.add(name)
            if q.kind == "choice":
                a.radios(name, q.label, q.options, q.chosen, vertical=(q.key == "incident.type"))
            elif q.kind == "address":
                a.textfield(name, q.label, "\r".join(q.lines), multiline=True, nlines=max(2, len(q.lines)),
                            display="\n".join(q.lines))
            elif q.kind == "long":
                wrapped = ["\n".join(simpleSplit(p, "Helvetica", a.fieldfont, a.right - a.fx - 8)) for p in q.paras]
                nl = sum(w.count("\n") + 2 for w in wrapped) if q.paras else 2
                a.textfield(name, q.label, "\r\r".join(q.paras), multiline=True, nlines=max(2, nl),
                            display="\n\n".join(wrapped))
            else:
                a.textfield(name, q.label, q.text)
    # declaration
    a.bar("Declaration")
    a.textfield("DeclarationName", "Print name", "")
    a.textfield("DeclarationDate", "Date", "")
    stamp = pdf_date(case, rng)
    a.c.setDateFormatter(lambda *x: stamp)
    a.c.setSubject(s["form_ref"])
    a.c.setTitle(s["title"])
    a.c.setAuthor(s["agency_short"])
    a.c.setCreator("Microsoft® Word for Microsoft 365")
    a.c.setProducer(rng.choice(["Adobe Acrobat Standard 2017 17.11.30244", "Adobe Acrobat Pro DC 21.1.20145"]))
    a.c.showPage()
    a.c.save()
    return set_values(a.buf.getvalue(), a.real_values), a.info


def set_values(data, values):
    """Give multi-line fields their typed value (/V, CR line ends, no soft wraps); the appearance keeps the wrapped
    lines. pypdf's clone keeps reportlab's invariant /ID and the document information."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            a = annot.get_object()
            t = a.get("/T")
            if t is not None and str(t) in values:
                a[NameObject("/V")] = TextStringObject(values[str(t)])
                a[NameObject("/DV")] = TextStringObject(values[str(t)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def agencies_fields(a, case):
    ag = case.agencies
    n = max(4, len(ag.rows) + 1)
    cols = ag.cols
    a.need(20)
    a.text(a.left, a.y, ag.label, "LiberationSans-Bold", 8.5)
    a.y -= 13
    colw = (a.right - a.left) / len(cols)
    a.need(14)
    for i, (_k, t) in enumerate(cols):
        a.text(a.left + i * colw, a.y, t, "LiberationSans-Bold", 8)
    a.y -= 6
    colnames = {"name": "Name", "agency": "Org", "contact": "Contact", "still": "StillInvolved"}
    for r in range(n):
        a.need(20)
        row = ag.rows[r] if r < len(ag.rows) else {}
        for i, (k, _t) in enumerate(cols):
            kw = dict(name=f"Agency{r + 1}{colnames[k]}", value=row.get(k, ""), x=a.left + i * colw, y=a.y - 14,
                      width=colw - 3, height=15, fontName="Helvetica", fontSize=8,
                      borderColor=colors.HexColor("#7F9DB9"), fillColor=colors.HexColor("#E8F0FA"),
                      textColor=colors.black, borderWidth=0.6, maxlen=None)
            a.c.acroForm.textfield(**kw)
            a.info["text_fields"] += 1
        a.y -= 19
    a.y -= 4


PDF_LAYOUTS = {
    "Q-PDFMAKER": q_pdfmaker,
    "Q-QUARTZGRID": q_quartzgrid,
    "Q-RADIO": q_radio,
    "Q-NUMDELETE": q_numdelete,
    "Q-GSLINES": q_gslines,
}
