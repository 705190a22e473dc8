"""The PDF layouts of plain30: Q-WORDSAVED, Q-TICKGRID, Q-GDOCS (reportlab), Q-LIBREBOXES (LibreOffice) and
Q-FILLABLE (p30_acro)."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import tempfile

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Frame, HRFlowable, KeepTogether, PageTemplate, Paragraph,  # noqa: E402
                                Spacer, Table, TableStyle)

from p30_common import stable_hex  # noqa: E402
from p30_docx import libre_source  # noqa: E402
from p30_model import Form, Item  # noqa: E402
from p30_senders import SENDERS  # noqa: E402

LIB = "/usr/share/fonts/truetype/liberation/"
DJV = "/usr/share/fonts/truetype/dejavu/"
_FONTS_DONE = False


def register_fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    from reportlab.lib.fonts import addMapping
    for fam, base in (("LSans", "LiberationSans"), ("LSerif", "LiberationSerif")):
        for sfx, b, i in (("Regular", 0, 0), ("Bold", 1, 0), ("Italic", 0, 1), ("BoldItalic", 1, 1)):
            name = f"{fam}-{sfx}"
            pdfmetrics.registerFont(TTFont(name, LIB + f"{base}-{sfx}.ttf"))
            addMapping(fam, b, i, name)
    pdfmetrics.registerFont(TTFont("DJV", DJV + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DJV-Bold", DJV + "DejaVuSans-Bold.ttf"))
    addMapping("DJV", 0, 0, "DJV")
    addMapping("DJV", 1, 0, "DJV-Bold")
    addMapping("DJV", 0, 1, "DJV")
    addMapping("DJV", 1, 1, "DJV-Bold")
    _FONTS_DONE = True


def x(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hexcol(h: str):
    return colors.HexColor("#" + h)


# --------------------------------------------------------------------------------------------- document shell
def make_doc(path: str, form: Form, *, producer: str, creator: str | None, title: str, author: str,
             margins=(56.7, 56.7, 62, 56.7), header=None, footer=None):
    """A doc template whose canvas draws the running header and footer with 'n of N' after layout."""
    W, H = A4
    l, r, t, b = margins

    class Canv(rl_canvas.Canvas):
        def __init__(self, *a, **kw):
            kw["invariant"] = 1
            super().__init__(*a, **kw)
            self._saved = []
            self.setProducer(producer)
            if creator:
                self.setCreator(creator)
            self.setTitle(title)
            self.setAuthor(author)

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._saved)
            for st in self._saved:
                self.__dict__.update(st)
                if header:
                    header(self, self._pageNumber, n)
                if footer:
                    footer(self, self._pageNumber, n)
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

    doc = BaseDocTemplate(path, pagesize=A4, leftMargin=l, rightMargin=r, topMargin=t, bottomMargin=b,
                          title=title, author=author, creator=creator or "", producer=producer,
                          invariant=1)
    frame = Frame(l, b, W - l - r, H - t - b, id="f", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame])])
    return doc, Canv, W - l - r


def fix_pdf_dates(path: str, form: Form) -> None:
    """reportlab's invariant mode writes 2000-01-01; put the case's own date and time (same length) instead."""
    with open(path, "rb") as fh:
        data = fh.read()
    d = form.ref_date
    stamp = f"D:{d.year:04d}{d.month:02d}{d.day:02d}{10 + form.n % 7:02d}{(form.n * 13) % 60:02d}{(form.n * 29) % 60:02d}+00'00'"
    data2 = re.sub(rb"D:20000101000000\+00'00'", stamp.encode(), data)
    assert len(data2) == len(data)
    with open(path, "wb") as fh:
        fh.write(data2)


# --------------------------------------------------------------------------------------------- shared pieces
class Styles:
    def __init__(self, fam: str, size: float, dark: str, lead=1.22):
        self.fam = fam
        self.size = size
        bold = {"LSans": "LSans-Bold", "LSerif": "LSerif-Bold"}[fam]
        reg = {"LSans": "LSans-Regular", "LSerif": "LSerif-Regular"}[fam]
        ital = {"LSans": "LSans-Italic", "LSerif": "LSerif-Italic"}[fam]
        self.reg, self.bold, self.ital = reg, bold, ital
        self.body = ParagraphStyle("body", fontName=reg, fontSize=size, leading=size * lead, alignment=TA_LEFT)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=size - 0.5, leading=(size - 0.5) * 1.2)
        self.lab = ParagraphStyle("lab", parent=self.cell, fontName=bold)
        self.labreg = ParagraphStyle("labreg", parent=self.cell)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=size - 1.5, leading=(size - 1.5) * 1.2)
        self.guid = ParagraphStyle("guid", parent=self.small, fontName=ital, spaceAfter=8)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=size + 7,
                                    leading=(size + 7) * 1.2, textColor=hexcol(dark), spaceAfter=2)
        self.sub = ParagraphStyle("sub", parent=self.body, fontSize=size + 1.5, leading=(size + 1.5) * 1.25,
                                  textColor=colors.HexColor("#404040"), spaceAfter=6)
        self.h = ParagraphStyle("h", parent=self.body, fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.2,
                                textColor=hexcol(dark), spaceBefore=10, spaceAfter=3)
        self.hwhite = ParagraphStyle("hw", parent=self.body, fontName=bold, textColor=colors.white)
        self.sub2 = ParagraphStyle("sub2", parent=self.body, fontName=bold, spaceBefore=6, spaceAfter=3)
        self.glyph = ParagraphStyle("glyph", parent=self.cell, fontName="DJV")


def P(text: str, style) -> Paragraph:
    return Paragraph(x(text).replace("\n", "<br/>"), style)


def value_flow(item: Item, st: Styles, choice: str = "typed", mark: str = "☒") -> list:
    """Flowables for an answer cell."""
    if item.kind == "choice":
        if choice == "typed":
            return [P(item.typed(), st.cell)]
        if choice == "glyph":
            parts = []
            for j, o in enumerate(item.options):
                g = "\u2612" if item.chosen == j else "\u2610"
                parts.append(f'<font name="DJV">{g}</font> {x(o)}')
            if item.key == "inc.type":
                return [Paragraph("<br/>".join(parts), st.cell)]
            return [Paragraph("&nbsp;&nbsp;&nbsp;".join(parts), st.cell)]
    if item.kind == "address":
        return [P("\n".join(item.lines), st.cell)] if item.lines else [P("", st.cell)]
    if item.kind == "long":
        out = []
        for k, p in enumerate(item.paras):
            sty = ParagraphStyle("lp", parent=st.cell, spaceAfter=5 if k < len(item.paras) - 1 else 0)
            out.append(P(p, sty))
        return out or [P("", st.cell)]
    return [P(item.text, st.cell)]


AG_WEIGHTS = {"agency": 3.0, "name": 2.5, "contact": 3.6, "x_role": 1.8, "x_still": 1.3}


def agencies_table(form: Form, st: Styles, W: float, head_bg, grid_col=colors.black, spare=True) -> Table:
    ag = form.agencies
    n = len(ag.cols)
    wt = [AG_WEIGHTS.get(k, 2) for k, t in ag.cols]
    widths = [W * w / sum(wt) for w in wt]
    data = [[P(t, st.lab) for k, t in ag.cols]]
    for r in ag.rows:
        data.append([P(r.get(k, ""), st.cell) for k, t in ag.cols])
    for _ in range(ag.spare if spare else 0):
        data.append([P("", st.cell) for _ in ag.cols])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, grid_col), ("BACKGROUND", (0, 0), (-1, 0), head_bg),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def la_table(rows: list, st: Styles, W: float, lw_frac: float, label_bg=None, grid_col=colors.black,
             grid_w=0.5) -> Table:
    lw = W * lw_frac
    t = Table(rows, colWidths=[lw, W - lw], splitInRow=1)
    sty = [("GRID", (0, 0), (-1, -1), grid_w, grid_col), ("VALIGN", (0, 0), (-1, -1), "TOP"),
           ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
           ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if label_bg is not None:
        sty.append(("BACKGROUND", (0, 0), (0, -1), label_bg))
    t.setStyle(TableStyle(sty))
    return t


def title_flow(form: Form, st: Styles) -> list:
    s = form.sender
    return [P(f"{s['org']} - {s['team']}", st.small), P(s["title"], st.title), P(s["subtitle"], st.sub),
            P(form.guidance, st.guid)]


def decl_office(form: Form, st: Styles, W: float, grid_col=colors.black) -> list:
    s = form.sender
    rows = [[P("Name", st.lab), P(form.ref_name_text, st.cell)], [P("Signature", st.lab), P("", st.cell)],
            [P("Date", st.lab), P(form.ref_date_text, st.cell)]]
    out = [Spacer(1, 8), P("Declaration", st.sub2), la_table(rows, st, W, 0.3, colors.HexColor("#F2F2F2"), grid_col)]
    rows2 = [[P(lab, st.labreg), P("", st.cell)] for lab in ("Date received", "Received by", "Rapid Review decision",
                                                            "Case reference")]
    out += [Spacer(1, 10), P(f"For {s['pship_short']} use only", st.sub2),
            la_table(rows2, st, W, 0.3, colors.HexColor("#F2F2F2"), grid_col)]
    return out


def furniture(form: Form, fam_reg: str, fam_bold: str, page_style: str = "n of N", left_margin=56.7,
              right_margin=56.7):
    s = form.sender
    W, H = A4

    def header(c, n, N):
        c.saveState()
        c.setFont(fam_bold, 8.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(left_margin, H - 34, s["marking"])
        c.setFillColor(colors.HexColor("#404040"))
        c.setFont(fam_reg, 8)
        c.drawRightString(W - right_margin, H - 34, s["partnership"])
        c.restoreState()

    def footer(c, n, N):
        c.saveState()
        c.setFont(fam_reg, 8)
        c.drawString(left_margin, 30, s["form_ref"])
        txt = f"Page {n} of {N}" if page_style == "n of N" else str(n)
        c.drawRightString(W - right_margin, 30, txt)
        c.restoreState()
    return header, footer


# --------------------------------------------------------------------------------------------- Q-WORDSAVED
def q_wordsaved(form: Form, path: str) -> dict:
    register_fonts()
    rng = random.Random(form.rng_seed)
    s = form.sender
    fam = "LSans"
    st = Styles(fam, 9.5 if s["font"] in ("Verdana", "Tahoma") else 10, s["dark"])
    lw = rng.choice([0.32, 0.36, 0.40])
    lab_bg = rng.choice([colors.HexColor("#F2F2F2"), hexcol(s["light"]), None])
    prod = rng.choice(["Microsoft® Word for Microsoft 365", "Microsoft® Word 2019", "Microsoft® Word 2016"])
    info = dict(producer=prod, label_width=lw, label_fill=str(lab_bg.hexval() if lab_bg else "none"),
                choices="typed word")
    hdr, ftr = furniture(form, st.reg, st.bold)
    doc, Canv, W = make_doc(path, form, producer=prod, creator=prod, title=s["title"], author=form.ref_name_text,
                            header=hdr, footer=ftr)
    story = title_flow(form, st)
    for sec in form.sections:
        if sec.key != "child" or sec.child == 0:
            bar = Table([[P(sec.title, st.hwhite)]], colWidths=[W])
            bar.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), hexcol(s["dark"])),
                                     ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
            story += [Spacer(1, 8), bar]
        if sec.key == "child" and sec.nchildren > 1:
            story.append(P(f"{s['child_title']} {sec.child + 1} of {sec.nchildren}",
                           ParagraphStyle("ci", parent=st.sub2, fontName={"LSans": "LSans-BoldItalic"}[fam])))
        if sec.key == "agencies":
            story += [Spacer(1, 3), agencies_table(form, st, W, hexcol(s["light"]))]
            continue
        rows = [[P(it.label, st.lab), value_flow(it, st, "typed")] for it in sec.items]
        story.append(la_table(rows, st, W, lw, lab_bg))
    story += decl_office(form, st, W)
    doc.build(story, canvasmaker=Canv)
    fix_pdf_dates(path, form)
    return info


# --------------------------------------------------------------------------------------------- Q-TICKGRID
CHILD_ID_KEYS = ["child.forename", "child.surname", "child.fullname", "child.dob", "child.age", "child.gender",
                 "child.ethnicity"]


def q_tickgrid(form: Form, path: str) -> dict:
    register_fonts()
    rng = random.Random(form.rng_seed)
    s = form.sender
    fam = rng.choice(["LSans", "LSerif"])
    st = Styles(fam, 10, s["dark"])
    mark = ["✓", "X", "x"][[x_["key"] for x_ in SENDERS].index(s["key"]) % 3]   # two forms each
    lw = rng.choice([0.36, 0.40])
    info = dict(font=fam, mark=mark, label_width=lw, producer="Microsoft: Print To PDF",
                choices="marks in Yes | No | third columns; incident type as a tick list", children="row per child")
    hdr, ftr = furniture(form, st.reg, st.bold)
    doc, Canv, W = make_doc(path, form, producer="Microsoft: Print To PDF", creator="Microsoft® Word 2016",
                            title=f"Microsoft Word - {s['form_ref'].split()[0]} referral.docx",
                            author=form.ref_name_text, header=hdr, footer=ftr)
    story = title_flow(form, st)
    markst = ParagraphStyle("mk", parent=st.cell, fontName="DJV" if mark == "✓" else st.bold, alignment=1)
    yn_words = s["yn"]
    grey = colors.HexColor("#E7E6E6")

    def text_table(items):
        rows = [[P(it.label, st.lab), value_flow(it, st, "typed")] for it in items]
        return la_table(rows, st, W, lw, grey)

    def yn_grid(items):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        cw = max(46, max(stringWidth(w, st.bold, st.size - 0.5) for w in yn_words[:2]) + 16)
        cw3 = max(52, stringWidth(yn_words[2], st.bold, st.size - 0.5) + 16)
        qw = W - 2 * cw - cw3
        data = [[P("", st.lab)] + [Paragraph(f"<b>{x(w)}</b>", ParagraphStyle("c", parent=st.cell, alignment=1))
                                    for w in yn_words]]
        for it in items:
            row = [P(it.label, st.labreg)]
            for j in range(3):
                row.append(Paragraph(x(mark) if it.chosen == j else "", markst))
            data.append(row)
        t = Table(data, colWidths=[qw, cw, cw, cw3], repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), grey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]))
        return t

    def type_list(it):
        data = [[P(it.label, st.lab), Paragraph("<b>Tick</b>", ParagraphStyle("c", parent=st.cell, alignment=1))]]
        for j, o in enumerate(it.options):
            data.append([P(o, st.cell), Paragraph(x(mark) if it.chosen == j else "", markst)])
        t = Table(data, colWidths=[W - 60, 60])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), grey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return t

    def heading(t):
        return [P(t, st.h), HRFlowable(width="100%", thickness=1.2, color=hexcol(s["dark"]), spaceAfter=4)]

    child_secs = [sec for sec in form.sections if sec.key == "child"]
    for sec in form.sections:
        if sec.key == "child":
            if sec.child != 0:
                continue
            story += heading(sec.title)
            keys = [it.key for it in sec.items if it.key in CHILD_ID_KEYS]      # in the sender's order
            labels = {it.key: it.label for it in sec.items}
            wts = {"child.forename": 3, "child.surname": 3, "child.fullname": 5, "child.dob": 3, "child.age": 2.2,
                   "child.gender": 2, "child.ethnicity": 3.5}
            rest = W - 30
            tot = sum(wts[k] for k in keys)
            widths = [30] + [rest * wts[k] / tot for k in keys]
            data = [[P("No.", st.lab)] + [P(labels[k], st.lab) for k in keys]]
            for cs in child_secs:
                by = {it.key: it for it in cs.items}
                row = [P(str(cs.child + 1), st.cell)]
                for k in keys:
                    it = by.get(k)
                    row.append(P(it.typed() if it else "", st.cell))
                data.append(row)
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
            story.append(t)
            for cs in child_secs:
                story.append(P(f"{s['child_title']} {cs.child + 1} - further details", st.sub2))
                rest_items = [it for it in cs.items if it.key not in keys and not it.yn]
                story.append(text_table(rest_items))
                yns = [it for it in cs.items if it.yn]
                if yns:
                    story += [Spacer(1, 3), yn_grid(yns)]
            continue
        story += heading(sec.title)
        if sec.key == "agencies":
            story.append(agencies_table(form, st, W, grey))
            continue
        texts = [it for it in sec.items if not it.yn and it.key != "inc.type"]
        yns = [it for it in sec.items if it.yn]
        types = [it for it in sec.items if it.key == "inc.type"]
        yn_first = bool(sec.items) and sec.items[0].yn
        if yns and yn_first:
            story += [Spacer(1, 3), yn_grid(yns)]
        if texts:
            story += [Spacer(1, 3), text_table(texts)]
        for it in types:
            story += [Spacer(1, 3), type_list(it)]
        if yns and not yn_first:
            story += [Spacer(1, 3), yn_grid(yns)]
    story += decl_office(form, st, W)
    doc.build(story, canvasmaker=Canv)
    fix_pdf_dates(path, form)
    return info


# --------------------------------------------------------------------------------------------- Q-GDOCS
def q_gdocs(form: Form, path: str) -> dict:
    register_fonts()
    rng = random.Random(form.rng_seed)
    s = form.sender
    st = Styles("LSans", 11, s["dark"], lead=1.3)
    prod = rng.choice(["Skia/PDF m130 Google Docs Renderer", "Skia/PDF m131 Google Docs Renderer",
                       "Skia/PDF m132 Google Docs Renderer"])
    addr = rng.choice(["lines", "oneline"])
    info = dict(producer=prod, address=addr, choices="typed word")
    hdr, ftr = furniture(form, st.reg, st.bold, page_style="n", left_margin=72, right_margin=72)
    doc, Canv, W = make_doc(path, form, producer=prod, creator=None, title=s["title"], author="",
                            margins=(72, 72, 72, 72), header=hdr, footer=ftr)
    h2 = ParagraphStyle("h2", parent=st.body, fontName=st.reg, fontSize=16, leading=20, spaceBefore=14, spaceAfter=4)
    h3 = ParagraphStyle("h3", parent=st.body, fontName=st.reg, fontSize=13.5, leading=17, spaceBefore=10, spaceAfter=3,
                        textColor=colors.HexColor("#434343"))
    line = ParagraphStyle("ln", parent=st.body, spaceAfter=4)
    ind = ParagraphStyle("ind", parent=st.body, leftIndent=18, spaceAfter=4)
    story = [P(s["title"], ParagraphStyle("t", parent=st.body, fontSize=22, leading=27, spaceAfter=3)),
             P(s["subtitle"], ParagraphStyle("st", parent=st.body, fontSize=13, leading=17, spaceAfter=8,
                                             textColor=colors.HexColor("#666666"))),
             P(form.guidance, ParagraphStyle("g", parent=st.body, fontName=st.ital, fontSize=10, leading=13,
                                             spaceAfter=6))]

    def colon(it: Item):
        lab = it.label if it.label.endswith(("?", ")")) else it.label + ":"
        if it.kind == "long" or it.kind == "long_single" or (it.kind == "address" and addr == "lines"
                                                             and not it.oneline):
            out = [Paragraph(f"<b>{x(lab)}</b>", ParagraphStyle("l0", parent=line, spaceAfter=1))]
            if it.kind == "address":
                out.append(P("\n".join(it.lines), ind))
            elif it.kind == "long":
                out += [P(p, ind) for p in it.paras] or [P("", ind)]
            else:
                out.append(P(it.text, ind))
            return out
        val = it.typed() if it.kind in ("choice",) else (", ".join(it.lines) if it.kind == "address" else it.text)
        return [Paragraph(f"<b>{x(lab)}</b> {x(val)}", line)]

    for sec in form.sections:
        if sec.key != "child" or sec.child == 0:
            story.append(P(sec.title, h2))
        if sec.key == "child" and sec.nchildren > 1:
            story.append(P(f"{s['child_title']} {sec.child + 1}", h3))
        if sec.key == "agencies":
            story.append(agencies_table(form, st, W, colors.white, spare=False))
            continue
        for it in sec.items:
            story += colon(it)
    story += [P("Declaration", h2), Paragraph(f"<b>Name:</b> {x(form.ref_name_text)}", line),
              Paragraph("<b>Signed:</b>", line), Paragraph(f"<b>Date:</b> {x(form.ref_date_text)}", line)]
    doc.build(story, canvasmaker=Canv)
    fix_pdf_dates(path, form)
    return info


# --------------------------------------------------------------------------------------------- Q-LIBREBOXES
def q_libreboxes(form: Form, path: str) -> dict:
    src = path[:-4] + ".docx"
    info = libre_source(form, src)
    info["producer"] = "LibreOffice 7.4"
    return info


def libre_convert(jobs: list) -> None:
    """Convert the Word sources with LibreOffice (one headless run, private profile) and normalise dates / IDs."""
    if not jobs:
        return
    outdir = os.path.dirname(jobs[0][1])
    prof = tempfile.mkdtemp(prefix="p30lo-")
    try:
        srcs = [p[:-4] + ".docx" for _, p, _ in jobs]
        cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{prof}", "--convert-to",
               "pdf:writer_pdf_Export", "--outdir", outdir] + srcs
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    for form, p, info in jobs:
        os.remove(p[:-4] + ".docx")
        normalise_libre(p, form)


def normalise_libre(path: str, form: Form) -> None:
    with open(path, "rb") as fh:
        data = fh.read()
    d = form.ref_date
    stamp = f"D:{d.year:04d}{d.month:02d}{d.day:02d}{10 + form.n % 7:02d}{(form.n * 13) % 60:02d}{(form.n * 29) % 60:02d}"

    def rep_date(m):
        old = m.group(0)
        new = b"/CreationDate(" + stamp.encode() + old[len(b"/CreationDate(") + 16:]
        return new[:len(old)]
    data2 = re.sub(rb"/CreationDate\(D:\d{14}", rep_date, data)
    h = stable_hex("p30-libre", form.stem, n=32).encode()

    def rep_id(m):
        return b"/ID [ <" + h + b">" + m.group(1) + b"<" + h + b"> ]"
    data2, nid = re.subn(rb"/ID \[ <[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}> \]", rep_id, data2)
    assert nid == 1, path
    data2 = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + stable_hex("p30-sum", form.stem).encode(),
                   data2)
    assert len(data2) == len(data), path
    with open(path, "wb") as fh:
        fh.write(data2)


from p30_acro import q_fillable  # noqa: E402

PDF_LAYOUTS = {"Q-WORDSAVED": q_wordsaved, "Q-TICKGRID": q_tickgrid, "Q-GDOCS": q_gdocs,
               "Q-LIBREBOXES": q_libreboxes, "Q-FILLABLE": q_fillable}
