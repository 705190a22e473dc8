"""The five PDF layouts of plain26: a Word form printed to PDF, a LibreOffice export of a Word grid form,
a filled AcroForm, a label | answer lines form, and a tables form (children one row each, tick columns)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,  # noqa: E402
                                TableStyle)

from p26_docx import signer  # noqa: E402
from p26_model import fmt_date  # noqa: E402

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBER = "/usr/share/fonts/truetype/liberation/"
_FONTS_DONE = False


def fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    pdfmetrics.registerFont(TTFont("Sans", LIBER + "LiberationSans-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Bold", LIBER + "LiberationSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Italic", LIBER + "LiberationSans-Italic.ttf"))
    pdfmetrics.registerFont(TTFont("Serif", LIBER + "LiberationSerif-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Serif-Bold", LIBER + "LiberationSerif-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("Glyph", DEJAVU + "DejaVuSans.ttf"))
    from reportlab.lib.fonts import addMapping
    addMapping("Sans", 0, 0, "Sans")
    addMapping("Sans", 1, 0, "Sans-Bold")
    addMapping("Sans", 0, 1, "Sans-Italic")
    addMapping("Sans", 1, 1, "Sans-Bold")
    addMapping("Serif", 0, 0, "Serif")
    addMapping("Serif", 1, 0, "Serif-Bold")
    addMapping("Serif", 0, 1, "Serif")
    addMapping("Serif", 1, 1, "Serif-Bold")
    _FONTS_DONE = True


def hexcol(h):
    return colors.HexColor("#" + h)


def esc(s):
    return escape(s)


def styles(base="Sans", size=9):
    return {
        "lab": ParagraphStyle("lab", fontName=base + "-Bold" if base == "Sans" else "Serif-Bold", fontSize=size,
                              leading=size * 1.22),
        "ans": ParagraphStyle("ans", fontName=base, fontSize=size, leading=size * 1.25),
        "small": ParagraphStyle("small", fontName=base, fontSize=size - 1, leading=(size - 1) * 1.2),
        "guid": ParagraphStyle("guid", fontName="Sans-Italic", fontSize=size - 0.5, leading=(size - 0.5) * 1.3,
                               textColor=colors.HexColor("#404040"), spaceAfter=8),
        "title": ParagraphStyle("title", fontName=base + "-Bold" if base == "Sans" else "Serif-Bold",
                                fontSize=size + 7, leading=(size + 7) * 1.2, spaceAfter=2),
        "sub": ParagraphStyle("sub", fontName=base + "-Bold" if base == "Sans" else "Serif-Bold", fontSize=size + 2,
                              leading=(size + 2) * 1.2, spaceAfter=6),
        "head": ParagraphStyle("head", fontName="Sans-Bold", fontSize=size + 1, leading=(size + 1) * 1.2,
                               textColor=colors.white),
        "sect": ParagraphStyle("sect", fontName="Sans-Bold", fontSize=size + 1.5, leading=(size + 1.5) * 1.2,
                               spaceBefore=10, spaceAfter=4),
    }


def guidance_text(spec):
    s = spec.s
    ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    return s["guidance"].format(p_email=s["p_email"], p_phone=s["p_phone"], example_date=ex)


def glyph(mark):
    return f'<font name="Glyph">{"&#9746;" if mark else "&#9744;"}</font>'


def other_item(item):
    return {"key": "i_other", "label": item["other_label"], "kind": "text", "text": item["other_text"]}


def answer_flow(it, st, choice="glyph"):
    """Flowables for an answer."""
    k = it["kind"]
    if k in ("text", "decoy"):
        return [Paragraph(esc(it["text"]), st["ans"])]
    if k == "lines":
        return [Paragraph("<br/>".join(esc(l) for l in it["lines"]), st["ans"])]
    if k == "paras":
        if not it["paras"]:
            return [Paragraph("", st["ans"])]
        sty = ParagraphStyle("p", parent=st["ans"], spaceAfter=5)
        return [Paragraph(esc(p), sty) for p in it["paras"]]
    if k == "choice":
        opts, ch = it["options"], it["chosen"]
        if choice == "typed":
            return [Paragraph(esc(opts[ch]) if ch is not None else "", st["ans"])]
        if it["group"] == "itype":
            return [Paragraph(f"{glyph(i == ch)} {esc(w)}", st["ans"]) for i, w in enumerate(opts)]
        return [Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;".join(f"{glyph(i == ch)} {esc(w)}" for i, w in enumerate(opts)),
                          st["ans"])]
    raise ValueError(k)


def page_deco(spec, font="Sans", rule=True):
    s = spec.s

    def on_page(c, doc):
        c.saveState()
        w, h = A4
        c.setFont("Sans-Bold", 8.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(doc.leftMargin, h - 28, s["marking"])
        c.setFillColor(colors.HexColor("#595959"))
        c.setFont(font, 7.5)
        c.drawRightString(w - doc.rightMargin, h - 28, s["partnership"])
        c.drawString(doc.leftMargin, 22, f"{s['form_ref']} {s['version']}")
        c.drawRightString(w - doc.rightMargin, 22, f"Page {doc.page}")
        if rule:
            c.setStrokeColor(colors.HexColor("#BFBFBF"))
            c.setLineWidth(0.4)
            c.line(doc.leftMargin, h - 33, w - doc.rightMargin, h - 33)
        c.restoreState()
    return on_page


def make_doc(path, spec, producer, creator, margins=(48, 48, 50, 42)):
    l, r, t, b = margins
    s = spec.s
    return SimpleDocTemplate(path, pagesize=A4, leftMargin=l, rightMargin=r, topMargin=t, bottomMargin=b,
                             title=f"{s['title']} - {s['subtitle']}", author=spec.case["people"]["ref"]["name"],
                             creator=creator, producer=producer, subject="", invariant=1)


def title_flow(spec, st):
    s = spec.s
    return [Paragraph(esc(s["title"]), st["title"]), Paragraph(esc(s["subtitle"]), st["sub"]),
            Paragraph(esc(guidance_text(spec)), st["guid"])]


def agency_flow(spec, st, head_bg, size, grid_col=colors.black):
    sec = [x for x in spec.sections if x.get("kind") == "agencies"][0]
    cols, keymap = sec["cols"], sec["map"]
    avail = A4[0] - 96
    fr = {3: [0.3, 0.38, 0.32], 4: [0.25, 0.3, 0.27, 0.18]}[len(cols)]
    widths = [avail * f for f in fr]
    data = [[Paragraph(esc(c), st["lab"]) for c in cols]]
    for r in sec["rows"]:
        data.append([Paragraph(esc(r[k]), st["ans"]) for k in keymap])
    heights = [None] * len(data)
    for _ in range(2 if len(sec["rows"]) < 5 else 0):
        data.append([Paragraph("", st["ans"]) for _ in cols])
        heights.append(16)
    t = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, grid_col), ("BACKGROUND", (0, 0), (-1, 0), head_bg),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return sec, t


def office_flow(spec, st):
    L = spec.s["labels"]
    avail = A4[0] - 96
    data = [[Paragraph(esc(L["s_office"]), st["lab"]), "", "", ""],
            [Paragraph("Date received", st["small"]), "", Paragraph("Reference", st["small"]), ""],
            [Paragraph("Decision / outcome", st["small"]), "", "", ""]]
    t = Table(data, colWidths=[avail / 4] * 4)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 0), (-1, 0)),
                           ("SPAN", (1, 2), (-1, 2)), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9"))]))
    return [Spacer(1, 10), t]


def signature_flow(spec, st):
    L = spec.s["labels"]
    d0 = spec.sections[0]["items"][0]
    date_txt = d0["text"] if d0["truth"] else ""
    return [Spacer(1, 10), Paragraph(f"<b>{esc(L['sig'])}:</b> {esc(signer(spec))}"
                                     f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<b>{esc(L['sig_date'])}:</b> {esc(date_txt)}",
                                     st["ans"])]


def expand_items(sec):
    out = []
    for it in sec["items"]:
        out.append(it)
        if it["kind"] == "choice" and it["group"] == "itype":
            out.append(other_item(it))
    return out


# ---------------------------------------------------------------- Q-PRINTED (Word form printed to PDF)

def render_printed(path, spec, rng):
    fonts()
    s = spec.s
    size = 9.5
    st = styles("Sans", size)
    doc = make_doc(path, spec, producer="Microsoft: Print To PDF", creator="Microsoft® Word for Microsoft 365")
    avail = A4[0] - 96
    lw = avail * 0.36
    story = title_flow(spec, st)
    head_bg = hexcol(s["head"])
    for sec in spec.sections:
        if sec.get("kind") == "agencies":
            story.append(Table([[Paragraph(esc(sec["title"]), st["head"])]], colWidths=[avail],
                               style=[("BACKGROUND", (0, 0), (-1, -1), head_bg), ("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
            _, t = agency_flow(spec, st, hexcol(s["shade"]), size)
            story += [t, Spacer(1, 8)]
            continue
        data = [[Paragraph(esc(sec["title"]), st["head"]), ""]]
        for it in expand_items(sec):
            data.append([Paragraph(esc(it["label"]), st["lab"]), answer_flow(it, st, "glyph")])
        t = Table(data, colWidths=[lw, avail - lw], repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 0), (-1, 0)),
                               ("BACKGROUND", (0, 0), (-1, 0), head_bg),
                               ("BACKGROUND", (0, 1), (0, -1), hexcol(s["shade"])),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [t, Spacer(1, 8)]
    story += signature_flow(spec, st) + office_flow(spec, st)
    deco = page_deco(spec)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return {"producer": "Microsoft: Print To PDF"}


# ---------------------------------------------------------------- Q-LINES (label | answer lines)

def render_lines(path, spec, rng):
    fonts()
    s = spec.s
    base = rng.choice(["Sans", "Serif"])
    size = 9.5
    st = styles(base, size)
    doc = make_doc(path, spec, producer="Microsoft: Print To PDF", creator="Microsoft® Word 2016")
    avail = A4[0] - 96
    lw = rng.choice([170, 185, 200])
    story = title_flow(spec, st)
    rule = colors.HexColor("#9A9A9A")
    for sec in spec.sections:
        title = sec["title"].upper()
        story.append(Paragraph(esc(title), st["sect"]))
        story.append(Table([[""]], colWidths=[avail], rowHeights=[2],
                           style=[("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)]))
        if sec.get("kind") == "agencies":
            _, t = agency_flow(spec, st, colors.HexColor("#E7E6E6"), size, grid_col=rule)
            story += [t, Spacer(1, 6)]
            continue
        data, styl = [], [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                          ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        for it in expand_items(sec):
            long_ans = it["kind"] == "paras" or (it["kind"] == "text" and len(it.get("text", "")) > 70) or \
                (it["kind"] == "lines" and rng.random() < 0.3)
            r = len(data)
            if long_ans:
                data.append([Paragraph(esc(it["label"]), st["lab"]), ""])
                styl.append(("SPAN", (0, r), (1, r)))
                data.append([answer_flow(it, st, "typed"), ""])
                styl.append(("SPAN", (0, r + 1), (1, r + 1)))
                styl.append(("LINEBELOW", (0, r + 1), (-1, r + 1), 0.4, rule))
            else:
                data.append([Paragraph(esc(it["label"]), st["lab"]), answer_flow(it, st, "typed")])
                styl.append(("LINEBELOW", (1, r), (1, r), 0.4, rule))
        t = Table(data, colWidths=[lw, avail - lw])
        t.setStyle(TableStyle(styl))
        story += [t, Spacer(1, 4)]
    story += signature_flow(spec, st) + office_flow(spec, st)
    deco = page_deco(spec, font=base)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return {"font": "Liberation " + base, "label_width": lw}


# ---------------------------------------------------------------- Q-TABLES (children a row each, tick columns)

CHILD_GROUPS = [["c_name", "c_first", "c_last", "c_other", "c_dob", "c_age", "c_gender", "c_eth"],
                ["c_addr", "c_school", "c_gp", "c_legal"],
                ["c_cp", "c_csc", "c_lac", "c_dis", "c_dod"]]


def render_tables(path, spec, rng):
    fonts()
    s = spec.s
    size = 9
    st = styles("Sans", size)
    doc = make_doc(path, spec, producer="Microsoft® Word for Microsoft 365",
                   creator="Microsoft® Word for Microsoft 365")
    avail = A4[0] - 96
    mark = rng.choice(["X", "x", "\u2713"])
    story = title_flow(spec, st)
    head_bg = hexcol(s["head"])
    shade = hexcol(s["shade"])
    children = [sec for sec in spec.sections if sec["key"] == "s_child"]
    done_children = False
    for sec in spec.sections:
        if sec["key"] == "s_child":
            if done_children:
                continue
            done_children = True
            story.append(bar(spec.L["s_child"], st, head_bg, avail))
            story += child_tables(spec, children, st, shade, avail, size)
            continue
        story.append(bar(sec["title"], st, head_bg, avail))
        if sec.get("kind") == "agencies":
            _, t = agency_flow(spec, st, shade, size)
            story += [t, Spacer(1, 8)]
            continue
        items = expand_items(sec)
        plain = [it for it in items if not (it["kind"] == "choice" and it["group"] == "yn")]
        yn = [it for it in items if it["kind"] == "choice" and it["group"] == "yn"]
        yn_first = bool(items) and items[0]["kind"] == "choice" and items[0]["group"] == "yn"
        parts = []
        if plain:
            lw = avail * 0.34
            data = [[Paragraph(esc(it["label"]), st["lab"]), answer_flow(it, st, "glyph")] for it in plain]
            t = Table(data, colWidths=[lw, avail - lw])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (0, -1), shade), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            parts.append(t)
        if yn:
            opts = s["yn"]
            cw = 52
            data = [[Paragraph("", st["lab"])] + [Paragraph(esc(o), st["lab"]) for o in opts]]
            for it in yn:
                row = [Paragraph(esc(it["label"]), st["ans"])]
                for k in range(len(opts)):
                    row.append(Paragraph(("<font name='Glyph'>%s</font>" % mark) if mark == "\u2713" and it["chosen"] == k
                                         else (mark if it["chosen"] == k else ""), st["ans"]))
                data.append(row)
            t = Table(data, colWidths=[avail - cw * len(opts)] + [cw] * len(opts))
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (-1, 0), shade), ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            parts.insert(0 if yn_first else len(parts), t)
        story += parts
        story.append(Spacer(1, 8))
    story += signature_flow(spec, st) + office_flow(spec, st)
    deco = page_deco(spec)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return {"tick_mark": mark}


def bar(title, st, bg, avail):
    return Table([[Paragraph(esc(title), st["head"])]], colWidths=[avail],
                 style=[("BACKGROUND", (0, 0), (-1, -1), bg), ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])


def child_tables(spec, children, st, shade, avail, size):
    L = spec.L
    out = []
    sst = ParagraphStyle("cs", parent=st["ans"], fontSize=size - 1, leading=(size - 1) * 1.2)
    lst = ParagraphStyle("cl", parent=st["lab"], fontSize=size - 1, leading=(size - 1) * 1.2)
    for group in CHILD_GROUPS:
        keys = [k for k in group if any(it["key"] == k for it in children[0]["items"])]
        if not keys:
            continue
        wts = [3 if k in ("c_addr", "c_dis") else 2 for k in keys]
        numw = 30
        widths = [numw] + [(avail - numw) * w / sum(wts) for w in wts]
        data = [[Paragraph("No.", lst)] + [Paragraph(esc(L[k]), lst) for k in keys]]
        for i, sec in enumerate(children):
            by = {it["key"]: it for it in sec["items"]}
            data.append([Paragraph(str(i + 1), sst)] + [answer_flow(by[k], {"ans": sst}, "typed") for k in keys])
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), shade),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out += [t, Spacer(1, 6)]
    for it in children[0]["items"]:
        if it["kind"] == "decoy":
            lab = it["label"] + (f" ({L['child_heading'].format(n=1)})" if len(children) > 1 else "")
            out.append(Paragraph(f"<b>{esc(lab)}:</b> {esc(it['text'])}", st["ans"]))
    out.append(Spacer(1, 8))
    return out


# ---------------------------------------------------------------- Q-FILLABLE (AcroForm)

FIELD_NAMES = {
    "date_of_referral": "DateOfReferral", "ref_name": "RefName", "ref_role": "RefRole", "ref_agency": "RefOrg",
    "ref_email": "RefEmail", "ref_phone": "RefPhone", "lead_name": "LeadName", "lead_role": "LeadRole",
    "lead_agency": "LeadOrg", "lead_email": "LeadEmail", "lead_phone": "LeadPhone", "discussed": "Discussed",
    "c_name": "ChildName", "c_first": "Forename", "c_last": "Surname", "c_other": "OtherNames", "c_dob": "DOB",
    "c_age": "Age", "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Address", "c_school": "School",
    "c_gp": "GP", "c_legal": "LegalStatus", "c_cp": "CPPlan", "c_csc": "OpenCSC", "c_lac": "LAC",
    "c_dis": "Disability", "c_dod": "DateOfDeath", "i_date": "IncidentDate", "i_aware": "LAAwareDate",
    "i_loc": "IncidentLocation", "i_type": "IncidentType", "i_other": "IncidentOther", "i_summary": "Summary",
    "i_police": "Police", "cr_harm": "CritHarm", "cr_abuse": "CritAbuse", "cr_local": "CritLocal",
    "cr_learning": "CritLearning", "cr_reason": "CritReason", "panel": "PanelNotified", "panel_date": "PanelDate",
    "concerns": "ImmediateConcerns",
}


def wrap(text, font, size, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        trial = (cur + " " + w) if cur else w
        if pdfmetrics.stringWidth(trial, font, size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    return lines


class AcroPage:
    def __init__(self, path, spec, rng):
        fonts()
        self.spec, self.rng, self.s = spec, rng, spec.s
        self.c = rl_canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setAuthor(spec.case["people"]["ref"]["name"])
        self.c.setTitle(f"{self.s['title']} - {self.s['subtitle']}")
        self.c.setCreator("Adobe Acrobat Pro (64-bit) 24.2")
        self.c.setProducer("Adobe Acrobat Pro (64-bit) 24.2")
        self.W, self.H = A4
        self.m = 42
        self.page = 1
        self.y = self.H - 50
        self.fs = 8.5
        self.names = set()
        af = self.c.acroForm
        orig = af.txAP
        fs = self.fs

        def txAP(key, value, iFontName, rFontName, fontSize, **kw):
            # wrap long values for the appearance only (the field value keeps the typed text)
            width = kw.get("width", 120) - 6
            out = []
            for para in value.replace("\r", "\n").split("\n"):
                out += wrap(para, "Helvetica", fs, width) if para else [""]
            return orig(key, "\n".join(out), iFontName, rFontName, fontSize, **kw)
        af.txAP = txAP
        self.deco()

    def deco(self):
        c, s = self.c, self.s
        c.setFont("Sans-Bold", 8)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(self.m, self.H - 26, s["marking"])
        c.setFillColor(colors.HexColor("#595959"))
        c.setFont("Sans", 7)
        c.drawRightString(self.W - self.m, self.H - 26, s["partnership"])
        c.drawString(self.m, 20, f"{s['form_ref']} {s['version']} (fillable)")
        c.drawRightString(self.W - self.m, 20, f"Page {self.page}")
        c.setFillColor(colors.black)

    def need(self, h):
        if self.y - h < 40:
            self.c.showPage()
            self.page += 1
            self.y = self.H - 46
            self.deco()

    def uname(self, base):
        n, k = base, 2
        while n in self.names:
            n = f"{base}_{k}"
            k += 1
        self.names.add(n)
        return n

    def label(self, text, x, width, size=8.5, bold=True):
        lines = wrap(text, "Sans-Bold" if bold else "Sans", size, width)
        self.c.setFont("Sans-Bold" if bold else "Sans", size)
        yy = self.y
        for ln in lines:
            self.c.drawString(x, yy - size, ln)
            yy -= size * 1.2
        return len(lines) * size * 1.2

    def textfield(self, name, value, x, y, w, h, multiline=False, tooltip=None):
        ff = "multiline" if multiline else ""
        self.c.acroForm.textfield(name=self.uname(name), value=value, x=x, y=y, width=w, height=h,
                                  fontName="Helvetica", fontSize=self.fs, borderWidth=0.6,
                                  borderColor=colors.HexColor("#7F7F7F"), fillColor=colors.HexColor("#EAF1FB"),
                                  textColor=colors.black, fieldFlags=ff, maxlen=0, tooltip=tooltip)

    def checkbox(self, name, checked, x, y, tooltip=None):
        self.c.acroForm.checkbox(name=self.uname(name), checked=checked, x=x, y=y, size=9, buttonStyle="check",
                                 borderWidth=0.6, borderColor=colors.HexColor("#7F7F7F"),
                                 fillColor=colors.white, textColor=colors.black, fieldFlags="", tooltip=tooltip)


def render_fillable(path, spec, rng):
    p = AcroPage(path, spec, rng)
    c, s = p.c, p.s
    W_, m = p.W, p.m
    c.setFont("Sans-Bold", 15)
    c.drawString(m, p.y - 14, s["title"])
    p.y -= 20
    c.setFont("Sans-Bold", 11)
    c.drawString(m, p.y - 11, s["subtitle"])
    p.y -= 20
    c.setFont("Sans", 8)
    for ln in wrap(guidance_text(spec), "Sans", 8, W_ - 2 * m):
        c.drawString(m, p.y - 8, ln)
        p.y -= 10
    p.y -= 6
    lw = 165
    fx = m + lw + 6
    fw = W_ - m - fx
    tooltips = rng.random() < 0.5
    n_child_blocks = max(2, len(spec.case["children"]))
    child_secs = [sec for sec in spec.sections if sec["key"] == "s_child"]
    sections = []
    for sec in spec.sections:
        if sec["key"] == "s_child":
            if sec is child_secs[0]:
                for i in range(n_child_blocks):
                    sections.append(("child", i, child_secs[i] if i < len(child_secs) else None))
            continue
        sections.append(("sec", None, sec))
    for kind, ci, sec in sections:
        if kind == "child":
            title = f"{spec.L['s_child']} - {spec.L['child_heading'].format(n=ci + 1)}"
            items = expand_items(sec) if sec else [dict(it, text="", lines=[], paras=[], chosen=None,
                                                           other_text="")
                                                   for it in expand_items(child_secs[0]) if it["kind"] != "decoy"]
            prefix = f"Child{ci + 1}_"
        else:
            title, items, prefix = sec["title"], (expand_items(sec) if sec.get("kind") != "agencies" else []), ""
        p.need(40)
        c.setFillColor(hexcol(s["head"]))
        c.rect(m, p.y - 15, W_ - 2 * m, 15, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Sans-Bold", 9.5)
        c.drawString(m + 4, p.y - 11, title)
        c.setFillColor(colors.black)
        p.y -= 21
        if kind == "sec" and sec.get("kind") == "agencies":
            agencies_fields(p, sec, tooltips)
            continue
        dec_n = 0
        for it in items:
            if it["kind"] == "decoy":
                dec_n += 1
                fname = f"{prefix}Other{dec_n}" if rng.random() < 0.5 else \
                    prefix + re.sub(r"[^A-Za-z0-9]", "", it["label"].title())[:18]
            else:
                fname = prefix + FIELD_NAMES[it["key"]]
            tip = it["label"] if tooltips else None
            if it["kind"] == "choice":
                opts, ch = it["options"], it["chosen"]
                if it["group"] == "itype":
                    h = 13 * len(opts) + 4
                    p.need(h)
                    lh = p.label(it["label"], m, lw)
                    for k, w in enumerate(opts):
                        yy = p.y - 11 - 13 * k
                        p.checkbox(f"{fname}_{k + 1}", k == ch, fx, yy, tip)
                        c.setFont("Sans", 8.5)
                        c.drawString(fx + 13, yy + 1.5, w)
                    p.y -= max(h, lh) + 4
                else:
                    p.need(16)
                    lh = p.label(it["label"], m, lw)
                    xx = fx
                    for k, w in enumerate(opts):
                        suffix = {"yn": ["Yes", "No", "NK"]}.get(it["group"], None)
                        nm = f"{fname}_{suffix[k]}" if suffix else f"{fname}_{re.sub('[^A-Za-z]', '', w)}"
                        p.checkbox(nm, k == ch, xx, p.y - 11, tip)
                        c.setFont("Sans", 8.5)
                        c.drawString(xx + 13, p.y - 9.5, w)
                        xx += 13 + pdfmetrics.stringWidth(w, "Sans", 8.5) + 18
                    p.y -= max(16, lh + 5)
                continue
            if it["kind"] == "paras":
                val = "\r\r".join(it["paras"])
                lines = sum(len(wrap(x, "Helvetica", p.fs, fw - 6)) + 1 for x in it["paras"]) if it["paras"] else 2
                h = max(40, lines * p.fs * 1.2 + 8)
                lh_need = 12
                p.need(h + lh_need + 4)
                lh = p.label(it["label"], m, W_ - 2 * m)
                p.y -= lh + 2
                p.textfield(fname, val, m, p.y - h, W_ - 2 * m, h, multiline=True, tooltip=tip)
                p.y -= h + 6
                continue
            if it["kind"] == "lines":
                val = "\r".join(it["lines"])
                h = 12 * max(3, len(it["lines"])) + 6
                multi = True
            else:
                val = it["text"]
                nl = len(wrap(val, "Helvetica", p.fs, fw - 6)) if val else 1
                multi = nl > 1
                h = 15 if nl == 1 else 12 * nl + 6
            p.need(h + 2)
            lh = p.label(it["label"], m, lw)
            hh = max(h, lh)
            p.textfield(fname, val, fx, p.y - h, fw, h, multiline=multi, tooltip=tip)
            p.y -= hh + 4
    # signature and office use (flat text)
    p.need(60)
    L = spec.L
    d0 = spec.sections[0]["items"][0]
    c.setFont("Sans-Bold", 9)
    c.drawString(m, p.y - 12, f"{L['sig']}:")
    c.setFont("Sans", 9)
    c.drawString(m + 150, p.y - 12, signer(spec))
    c.setFont("Sans-Bold", 9)
    c.drawString(m + 330, p.y - 12, f"{L['sig_date']}:")
    c.setFont("Sans", 9)
    c.drawString(m + 380, p.y - 12, d0["text"] if d0["truth"] else "")
    p.y -= 26
    c.setFont("Sans-Bold", 8.5)
    c.drawString(m, p.y - 10, L["s_office"] + ":  Date received ________   Reference ________   Decision ________")
    c.showPage()
    c.save()
    return {"tooltips": tooltips, "child_blocks": n_child_blocks, "fields": len(p.names)}


def agencies_fields(p, sec, tooltips):
    c, m = p.c, p.m
    cols, keymap = sec["cols"], sec["map"]
    avail = p.W - 2 * m
    fr = {3: [0.3, 0.38, 0.32], 4: [0.25, 0.3, 0.27, 0.18]}[len(cols)]
    widths = [avail * f for f in fr]
    p.need(30)
    x = m
    c.setFont("Sans-Bold", 8.5)
    for col, w in zip(cols, widths):
        c.drawString(x + 2, p.y - 9, col)
        x += w
    p.y -= 13
    rows = sec["rows"] + [None] * max(0, 5 - len(sec["rows"]))
    short = {"name": "Name", "agency": "Agency", "contact": "Contact", "role": "Role", "involved": "Involved"}
    for i, r in enumerate(rows):
        p.need(17)
        x = m
        for k, w in zip(keymap, widths):
            val = r[k] if r else ""
            p.textfield(f"Agency{i + 1}_{short[k]}", val, x, p.y - 15, w - 3, 15,
                        multiline=False, tooltip=(f"{sec['title']} row {i + 1} {short[k]}" if tooltips else None))
            x += w
        p.y -= 18
    p.y -= 6


# ---------------------------------------------------------------- Q-LIBRE (LibreOffice export)

def stamp_dates(path, when: dt.datetime, mod: dt.datetime | None = None) -> None:
    """reportlab's invariant mode writes 2000-01-01 as the creation and modification dates; put the form's own
    (fixed, derived) dates there instead - same length, so the cross-reference table stays valid."""
    data = open(path, "rb").read()
    fixed = b"(D:20000101000000+00'00')"
    c = when.strftime("(D:%Y%m%d%H%M%S+00'00')").encode()
    m = (mod or when).strftime("(D:%Y%m%d%H%M%S+00'00')").encode()
    data = data.replace(b"/CreationDate " + fixed, b"/CreationDate " + c).replace(b"/ModDate " + fixed, b"/ModDate " + m)
    open(path, "wb").write(data)


def normalise_lo_pdf(data: bytes, stamp: str, seed_text: str) -> bytes:
    """Replace LibreOffice's creation date and file ID with values derived from the form (same lengths,
    so the cross-reference offsets stay valid)."""
    def date_sub(m):
        return b"/CreationDate(D:" + stamp.encode() + m.group(2)
    data = re.sub(rb"/CreationDate\(D:(\d{14})([^)]*\))", date_sub, data)
    h = hashlib.md5(seed_text.encode()).hexdigest().upper().encode()

    def id_sub(m):
        return b"/ID [ <" + h[: len(m.group(1))] + b">" + m.group(2) + b"<" + h[: len(m.group(3))] + b"> ]"
    data = re.sub(rb"/ID \[ <([0-9A-F]+)>(\s*)<([0-9A-F]+)> \]", id_sub, data)
    h2 = hashlib.md5((seed_text + "/checksum").encode()).hexdigest().upper().encode()
    data = re.sub(rb"/DocChecksum /([0-9A-F]{32})", lambda m: b"/DocChecksum /" + h2, data)
    return data
