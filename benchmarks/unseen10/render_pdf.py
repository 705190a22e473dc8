"""The five PDF layouts: P-CHARS, P-TOOLTIP, P-CYA, P-REGISTER, P-EMAILPRINT (reportlab, invariant mode)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from model import Case, Field, answer_lines, expand, fmt_date, hint

GREY = Color(0.93, 0.93, 0.93)
MID = Color(0.45, 0.45, 0.45)
LINK = Color(0.11, 0.27, 0.53)


class Doc:
    def __init__(self, case: Case, pagesize=A4, producer="", creator="", furniture=True):
        self.case = case
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1)
        self.W, self.H = pagesize
        self.c.setTitle(case.sender.title)
        self.c.setAuthor(case.sender.org)
        if producer:
            self.c.setProducer(producer)
        if creator:
            self.c.setCreator(creator)
        self.page = 0
        self.boxes = []
        self.furniture = furniture
        self.top = self.H - 60
        self.bottom = 55
        self._furn()

    def _furn(self):
        if not self.furniture:
            return
        c, S = self.c, self.case.sender
        c.setFont("Helvetica-Bold", 7.5)
        c.setFillColor(black)
        c.drawString(40, self.H - 28, S.marking)
        c.setFont("Helvetica", 7.5)
        c.drawRightString(self.W - 40, self.H - 28, S.form_ref)
        c.drawString(40, 28, self.case.footer)
        c.drawRightString(self.W - 40, 28, f"Page {self.page + 1}")

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self._furn()
        return self.top

    def mark(self, x0, y_top, x1, y_bottom):
        """Record where a value was drawn (reportlab coordinates) for the self-check."""
        self.boxes.append((self.page, max(0, x0 - 2), max(0, self.H - y_top - 2), min(self.W, x1 + 2),
                           min(self.H, self.H - y_bottom + 2)))

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def wrap(text, font, size, width):
    """Lines of at most width points; a word longer than the width is broken between characters."""
    out = []
    for ln in simpleSplit(text, font, size, width) or [""]:
        while stringWidth(ln, font, size) > width and len(ln) > 1:
            k = len(ln)
            while k > 1 and stringWidth(ln[:k], font, size) > width:
                k -= 1
            out.append(ln[:k])
            ln = ln[k:]
        out.append(ln)
    return out


def title_block(d: Doc, y, size=15):
    c, S = d.c, d.case.sender
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, y, S.org)
    y -= 20
    for ln in wrap(S.title, "Helvetica-Bold", size, d.W - 80):
        c.setFont("Helvetica-Bold", size)
        c.drawString(40, y, ln)
        y -= size + 3
    c.setFont("Helvetica", 8.5)
    c.drawString(40, y, f"To: {S.partnership}")
    y -= 14
    c.setFont("Helvetica-Oblique", 7.5)
    c.setFillColor(MID)
    for ln in wrap(d.case.guidance, "Helvetica-Oblique", 7.5, d.W - 80):
        c.drawString(40, y, ln)
        y -= 9.5
    c.setFillColor(black)
    return y - 10


# ----------------------------------------------------------------------------------------------- P-CHARS

def p_chars(case: Case, rng) -> tuple[bytes, dict]:
    """Every glyph is drawn on its own (one text object per character, its own position), letter-spaced, and
    spaces are never drawn: words are only gaps."""
    track = rng.choice([0.4, 0.6, 0.8, 1.0, 1.3, 1.6])
    glyph = rng.random() < 0.5
    d = Doc(case, producer=rng.choice(["Canva", "Affinity Publisher 2.4", "QuarkXPress 2024"]), furniture=False)
    c = d.c
    FL, FA = ("Helvetica-Bold", 7.6), ("Helvetica", 8.6)

    def cw(text, font, size):
        return sum(stringWidth(ch, font, size) + track for ch in text)

    def cs(x, y, text, font, size, color=black):
        c.setFillColor(color)
        for ch in text:
            if ch != " ":
                c.setFont(font, size)
                c.drawString(x, y, ch)
            x += stringWidth(ch, font, size) + track
        c.setFillColor(black)

    def cwrap(text, font, size, width):
        out, cur = [], ""
        for w in text.split(" "):
            t = (cur + " " + w) if cur else w
            if cw(t, *([font, size])) <= width or not cur:
                cur = t
            else:
                out.append(cur)
                cur = w
        out.append(cur)
        return out

    def furn():
        cs(40, d.H - 28, case.sender.marking, "Helvetica-Bold", 7)
        cs(d.W - 40 - cw(case.sender.form_ref, "Helvetica", 7), d.H - 28, case.sender.form_ref, "Helvetica", 7)
        cs(40, 28, case.footer, "Helvetica", 7)
        cs(d.W - 80, 28, f"Page {d.page + 1}", "Helvetica", 7)

    furn()
    y = d.H - 60
    cs(40, y, case.sender.org, "Helvetica-Bold", 9)
    y -= 20
    for ln in cwrap(case.sender.title, "Helvetica-Bold", 14, d.W - 80):
        cs(40, y, ln, "Helvetica-Bold", 14)
        y -= 17
    cs(40, y, f"To: {case.sender.partnership}", "Helvetica", 8.5)
    y -= 14
    for ln in cwrap(case.guidance, "Helvetica-Oblique", 7.2, d.W - 80):
        cs(40, y, ln, "Helvetica-Oblique", 7.2, MID)
        y -= 9.5
    y -= 8
    XL, XA, XR = 40, 205, d.W - 40
    LH = 11

    def need(h):
        nonlocal y
        if y - h < 50:
            d.c.showPage()
            d.page += 1
            furn()
            y = d.H - 60

    for sec in case.sections:
        need(40)
        c.setFillColor(Color(0.15, 0.23, 0.35))
        c.rect(XL, y - 14, XR - XL, 16, stroke=0, fill=1)
        cs(XL + 5, y - 10, sec.title, "Helvetica-Bold", 9.5, white)
        y -= 18
        for fl in expand(sec.fields):
            if fl.kind == "agencies":
                need(30)
                cs(XL + 3, y - 9, fl.label, *FL)
                y -= 14
                xs = [XL, XL + 150, XL + 330, XR]
                if not fl.value:
                    cs(XA + 4, y + 5, "None known", *FA)
                    d.mark(XA, y + 14, XR, y)
                    y -= 6
                    continue
                for ci, h in enumerate(case.sender.agency_cols):
                    c.setFillColor(GREY)
                    c.rect(xs[ci], y - 13, xs[ci + 1] - xs[ci], 13, stroke=1, fill=1)
                    cs(xs[ci] + 3, y - 9.5, h, *FL)
                y -= 13
                for row in fl.value:
                    cells = [cwrap(v, *FA, xs[i + 1] - xs[i] - 8) if v else [] for i, v in enumerate(row)]
                    h = max(1, *(len(x) for x in cells)) * LH + 5
                    need(h)
                    for ci, lines in enumerate(cells):
                        c.rect(xs[ci], y - h, xs[ci + 1] - xs[ci], h, stroke=1, fill=0)
                        for k, ln in enumerate(lines):
                            cs(xs[ci] + 4, y - 9 - k * LH, ln, *FA)
                        d.mark(xs[ci], y, xs[ci + 1], y - h)
                    y -= h
                y -= 6
                continue
            lab = cwrap(fl.label, *FL, XA - XL - 8)
            if glyph and fl.kind in ("yn", "choice"):
                opts = []
                for i, o in enumerate(fl.options):
                    t = o + (": " + fl.detail if i == fl.value and fl.detail and not fl.detail_label else "")
                    opts.append((i == fl.value, t))
                per_line = 1 if len(opts) > 3 else len(opts)
                nlines = (len(opts) + per_line - 1) // per_line
                h = max(len(lab), nlines) * (LH + 1) + 6
                need(h)
                c.setFillColor(GREY)
                c.rect(XL, y - h, XA - XL, h, stroke=1, fill=1)
                c.rect(XA, y - h, XR - XA, h, stroke=1, fill=0)
                for k, ln in enumerate(lab):
                    cs(XL + 4, y - 9 - k * LH, ln, *FL)
                x, yy = XA + 5, y - 10
                for j, (on, t) in enumerate(opts):
                    if j and j % per_line == 0:
                        x, yy = XA + 5, yy - LH - 1
                    c.setFillColor(white)
                    c.rect(x, yy - 1, 8, 8, stroke=1, fill=1)
                    if on:
                        cs(x + 1.3, yy, "X", "Helvetica-Bold", 8)
                    cs(x + 12, yy, t, *FA)
                    x += 12 + cw(t, *FA) + 14
                d.mark(XA, y, XR, y - h)
                y -= h
                continue
            ans = []
            for k, line in enumerate(answer_lines(fl)):
                if fl.kind == "paras" and k:
                    ans.append(None)
                ans += cwrap(line, *FA, XR - XA - 10)
            h = max(len(lab), len(ans), 1) * LH + 6
            need(h)
            c.setFillColor(GREY)
            c.rect(XL, y - h, XA - XL, h, stroke=1, fill=1)
            c.rect(XA, y - h, XR - XA, h, stroke=1, fill=0)
            for k, ln in enumerate(lab):
                cs(XL + 4, y - 9 - k * LH, ln, *FL)
            for k, ln in enumerate(ans):
                if ln:
                    cs(XA + 5, y - 9 - k * LH, ln, *FA)
            d.mark(XA, y, XR, y - h)
            y -= h
        y -= 8
    return d.finish(), {"_boxes": d.boxes, "tracking": track, "glyph_boxes": glyph}


# ----------------------------------------------------------------------------------------------- P-TOOLTIP

def p_tooltip(case: Case, rng) -> tuple[bytes, dict]:
    """A fillable form with NO printed labels: each widget's tooltip (/TU) is its only label. Field names are
    what a form tool gives unlabelled boxes. Yes/no, gender and incident type are combo boxes whose options
    carry an export value different from the shown text (/V holds the export value)."""
    naming = rng.choice(["undefined", "fill", "Text Field"])
    codes = rng.choice([("Y", "N", "U"), ("1", "2", "9"), ("yes", "no", "unknown")])
    gcodes = rng.choice([("F", "M", "O"), ("1", "2", "3")])
    d = Doc(case, producer="Adobe Acrobat Pro (64-bit) 24.2.20759", creator="Adobe Acrobat Pro (64-bit) 24.2.20759")
    c, af = d.c, d.c.acroForm
    counter = {"n": 0, "combo": 0}
    hints = rng.random() < 0.5

    def name(kind):
        counter["n"] += 1
        if kind == "combo":
            counter["combo"] += 1
            return f"Dropdown{counter['combo']}" if naming != "undefined" else f"undefined_{counter['n']}"
        if naming == "undefined":
            return "undefined" if counter["n"] == 1 else f"undefined_{counter['n']}"
        if naming == "fill":
            return f"fill_{counter['n']}"
        return f"Text Field {counter['n']}"

    y = title_block(d, d.top)
    c.setFont("Helvetica-Oblique", 7.5)
    c.setFillColor(MID)
    c.drawString(40, y, "Move the pointer over a box to see what to enter. Boxes can be left empty if you do not know.")
    c.setFillColor(black)
    y -= 16
    X1, X2, WC, WF = 40, 305, 250, 515
    col = 0
    suffix_by_child = lambda sec: "" if sec.child is None or sec.child == 0 else f" (child {sec.child + 1})"

    def need(h):
        nonlocal y, col
        if y - h < 50:
            y = d.new_page()
            col = 0

    def place(h, full):
        nonlocal y, col
        if full or col == 1 and False:
            pass
        if full:
            if col == 1:
                y -= 24
                col = 0
            need(h + 6)
            x, w = X1, WF
            yy = y - h
            y -= h + 8
            return x, yy, w
        need(h + 6)
        if col == 0:
            col = 1
            return X1, y - h, WC
        col = 0
        x = X2
        yy = y - h
        y -= h + 8
        return x, yy, WC

    for sec in case.sections:
        if col == 1:
            y -= 24
            col = 0
        need(50)
        c.setFillColor(Color(0.2, 0.3, 0.45))
        c.rect(40, y - 15, WF, 17, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(45, y - 10, sec.title)
        c.setFillColor(black)
        y -= 24
        suf = suffix_by_child(sec)
        for fl in expand(sec.fields):
            tip = fl.label + suf + (hint(fl, case) if hints and fl.key != "decoy" else "")
            if fl.kind == "agencies":
                rows = list(fl.value) + [("", "", "")]
                for ri, row in enumerate(rows):
                    if col == 1:
                        y -= 24
                        col = 0
                    need(24)
                    xs = [40, 210, 380]
                    for ci, v in enumerate(row):
                        af.textfield(name=name("text"), tooltip=f"{fl.label} - row {ri + 1} - {case.sender.agency_cols[ci]}",
                                     value=v, x=xs[ci], y=y - 16, width=165, height=16, fontName="Helvetica", fontSize=8,
                                     borderColor=MID, fillColor=Color(0.92, 0.95, 1), textColor=black, borderWidth=0.6)
                    y -= 22
                continue
            if fl.kind in ("yn", "choice"):
                if fl.kind == "yn":
                    opts = [(" ", " ")] + list(zip(fl.options, codes))
                elif len(fl.options) == 3 and fl.key == "child.gender":
                    opts = [(" ", " ")] + list(zip(fl.options, gcodes))
                else:
                    opts = [(" ", " ")] + [(o, o) for o in fl.options]
                val = " " if fl.value is None else opts[fl.value + 1][1]
                x, yy, w = place(16, False)
                af.choice(name=name("combo"), tooltip=tip, value=val, options=opts, x=x, y=yy, width=min(w, 200),
                          height=16, fontName="Helvetica", fontSize=8.5, borderColor=MID,
                          fillColor=Color(0.92, 0.95, 1), textColor=black, borderWidth=0.6)
                if fl.kind == "choice" and fl.detail and not fl.detail_label:
                    x, yy, w = place(16, False)
                    af.textfield(name=name("text"), tooltip=case.sender.labels.get("inc.other") or "If other, please specify",
                                 value=fl.detail, x=x, y=yy, width=w, height=16, fontName="Helvetica", fontSize=8.5,
                                 borderColor=MID, fillColor=Color(0.92, 0.95, 1), textColor=black, borderWidth=0.6)
                continue
            if fl.kind in ("lines", "paras"):
                value = "\n".join(fl.value) if fl.kind == "lines" else "\n\n".join(fl.value)
                nlines = sum(len(wrap(p, "Helvetica", 8.5, WF - 8)) + 1 for p in fl.value) if fl.kind == "paras" else len(fl.value)
                h = max(30, nlines * 10.5 + 8)
                x, yy, w = place(h, True)
                af.textfield(name=name("text"), tooltip=tip, value=value, x=x, y=yy, width=w, height=h,
                             fontName="Helvetica", fontSize=8.5, fieldFlags="multiline", borderColor=MID,
                             fillColor=Color(0.92, 0.95, 1), textColor=black, borderWidth=0.6)
                continue
            x, yy, w = place(16, False)
            af.textfield(name=name("text"), tooltip=tip, value=fl.value, x=x, y=yy, width=w, height=16,
                         fontName="Helvetica", fontSize=8.5, borderColor=MID, fillColor=Color(0.92, 0.95, 1),
                         textColor=black, borderWidth=0.6)
        if col == 1:
            y -= 24
            col = 0
        y -= 6
    return d.finish(), {"_boxes": d.boxes, "field_names": naming, "yn_exports": list(codes), "gender_exports": list(gcodes), "tooltip_hints": hints}


# ----------------------------------------------------------------------------------------------- P-CYA

def p_cya(case: Case, rng) -> tuple[bytes, dict]:
    """An online form's "Check your answers" page printed from a web browser: summary lists (key, value,
    a "Change" link on every row), a browser print header and footer, missing answers shown as an
    "Enter ..." link in the value column."""
    d = Doc(case, producer="Skia/PDF m131", creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0",
            furniture=False)
    c = d.c
    printed = dt.datetime(2026, 1, 1, 9, 0) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
    # the printed time sits near the referral date when there is one
    if case.record["date_of_referral"]:
        base = dt.date.fromisoformat(case.record["date_of_referral"])
        printed = dt.datetime(base.year, base.month, base.day, rng.randint(8, 18), rng.randint(0, 59))
    url = f"https://forms.{case.sender.domain}/report-a-concern/check-your-answers"
    head = f"{printed.strftime('%d/%m/%Y')}, {printed.strftime('%H:%M')}"
    page_title = "Check your answers - " + case.sender.title[:60]

    def furn():
        c.setFont("Helvetica", 7.5)
        c.setFillColor(black)
        c.drawString(25, d.H - 18, head)
        c.drawCentredString(d.W / 2, d.H - 18, page_title)
        c.drawString(25, 14, url)
        c.drawRightString(d.W - 25, 14, f"{d.page + 1}")

    furn()
    y = d.H - 45
    c.setFillColor(black)
    c.rect(0, y - 8, d.W, 30, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(45, y + 2, case.sender.org)
    y -= 40
    c.setFillColor(LINK)
    c.setFont("Helvetica", 9)
    c.drawString(45, y, "< Back")
    y -= 28
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(45, y, "Check your answers before sending")
    y -= 18
    c.setFont("Helvetica", 9)
    c.drawString(45, y, f"{case.sender.title} - to {case.sender.partnership}")
    y -= 22
    XK, XV, XA, XR = 45, 200, 470, d.W - 45

    def need(h):
        nonlocal y
        if y - h < 40:
            c.showPage()
            d.page += 1
            furn()
            y = d.H - 45

    def row(key, lines, link_text=None, action="Change", k_font="Helvetica-Bold"):
        nonlocal y
        kl = wrap(key, k_font, 9, XV - XK - 10)
        vl = []
        for p_i, p in enumerate(lines):
            if p_i and len(lines) > 1 and row_is_paras[0]:
                vl.append(None)
            vl += wrap(p, "Helvetica", 9, XA - XV - 12)
        if link_text:
            vl = wrap(link_text, "Helvetica", 9, XA - XV - 12)
        h = max(len(kl), len(vl), 1) * 12 + 14
        need(h)
        c.setFillColor(black)
        c.setFont(k_font, 9)
        for i, ln in enumerate(kl):
            c.drawString(XK, y - 12 - i * 12, ln)
        c.setFillColor(LINK if link_text else black)
        c.setFont("Helvetica", 9)
        for i, ln in enumerate(vl):
            if ln:
                c.drawString(XV, y - 12 - i * 12, ln)
        if not link_text:
            d.mark(XV, y, XA, y - h)
        if action:
            c.setFillColor(LINK)
            c.drawRightString(XR, y - 12, action)
        c.setStrokeColor(Color(0.7, 0.7, 0.7))
        c.line(XK, y - h + 4, XR, y - h + 4)
        c.setStrokeColor(black)
        y -= h

    row_is_paras = [False]
    for sec in case.sections:
        need(50)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(XK, y - 14, sec.title)
        y -= 24
        for fl in expand(sec.fields):
            row_is_paras[0] = fl.kind == "paras"
            if fl.kind == "agencies":
                if not fl.value:
                    row(fl.label, ["None"], action="Change")
                for i, r in enumerate(fl.value):
                    need(70)
                    c.setFillColor(GREY)
                    c.rect(XK - 5, y - 22, XR - XK + 10, 22, stroke=0, fill=1)
                    c.setFillColor(black)
                    c.setFont("Helvetica-Bold", 10)
                    c.drawString(XK, y - 15, f"{fl.label}: {i + 1}")
                    c.setFillColor(LINK)
                    c.setFont("Helvetica", 9)
                    c.drawRightString(XR, y - 15, "Remove    Change")
                    y -= 26
                    for h, v in zip(case.sender.agency_cols, r):
                        if v:
                            row(h, [v], action=None)
                        else:
                            row(h, [], link_text=f"Enter {h.lower()}", action=None)
                    y -= 6
                continue
            lines = answer_lines(fl)
            if not lines:
                row(fl.label, [], link_text=f"Enter {fl.label.rstrip('?').lower()}")
            else:
                row(fl.label, lines)
        y -= 14
    need(120)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(XK, y - 14, "Now send your referral")
    y -= 30
    c.setFont("Helvetica", 9)
    keep = fmt_date(dt.date.fromisoformat(case.record["date_of_referral"] or "2026-02-01") + dt.timedelta(days=28), case.main_style)
    for ln in wrap("By sending this referral you confirm that, to the best of your knowledge, the details you are "
                   f"providing are correct. Your answers are saved until {keep}.", "Helvetica", 9, XR - XK):
        c.drawString(XK, y, ln)
        y -= 12
    y -= 10
    c.setFillColor(Color(0, 0.44, 0.24))
    c.rect(XK, y - 24, 130, 26, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica", 11)
    c.drawString(XK + 12, y - 15, "Accept and send")
    c.setFillColor(black)
    return d.finish(), {"_boxes": d.boxes, "printed": head, "saved_until": keep}


# ----------------------------------------------------------------------------------------------- P-REGISTER

def _vtext(c, x, y, lines, size=6.8, font="Helvetica-Bold"):
    """Column-heading text rotated 90 degrees, read from the bottom up."""
    c.saveState()
    c.translate(x, y)
    c.rotate(90)
    c.setFont(font, size)
    for i, ln in enumerate(lines):
        c.drawString(0, -i * (size + 1.5), ln)
    c.restoreState()


def p_register(case: Case, rng) -> tuple[bytes, dict]:
    """A landscape register: the children, the incident and the criteria are grids whose column headings are
    printed sideways (rotated 90 degrees); people, summary and agencies are ordinary label / answer rows."""
    d = Doc(case, pagesize=landscape(A4), producer="Microsoft: Print To PDF")
    c = d.c
    y = title_block(d, d.top, size=13)
    XL, XR = 40, d.W - 40
    mark_style = rng.choice(["X", "tick"])

    def need(h):
        nonlocal y
        if y - h < 45:
            y = d.new_page()

    def section_bar(t):
        nonlocal y
        need(140)
        c.setFillColor(Color(0.85, 0.88, 0.92))
        c.rect(XL, y - 14, XR - XL, 15, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(XL + 4, y - 10, t)
        y -= 18

    def pairs(fields):
        """Label | answer rows, two pairs across the page where both are short."""
        nonlocal y
        half = (XR - XL) / 2
        items = [f for f in fields]
        i = 0
        while i < len(items):
            row = [items[i]]
            if items[i].kind not in ("lines", "paras") and i + 1 < len(items) and items[i + 1].kind not in ("lines", "paras", "agencies"):
                row.append(items[i + 1])
            i += len(row)
            full = len(row) == 1
            span = (XR - XL) if full else half
            lw = 150
            cells = []
            for fl in row:
                lab = wrap(fl.label, "Helvetica-Bold", 7.5, lw - 6)
                ans = []
                for k, ln in enumerate(answer_lines(fl)):
                    if fl.kind == "paras" and k:
                        ans.append(None)
                    ans += wrap(ln, "Helvetica", 8, span - lw - 8)
                cells.append((lab, ans))
            h = max(max(len(a), len(b)) for a, b in cells) * 10 + 6
            need(h)
            for j, (lab, ans) in enumerate(cells):
                x0 = XL + j * half
                c.setFillColor(GREY)
                c.rect(x0, y - h, lw, h, stroke=1, fill=1)
                c.setFillColor(black)
                c.rect(x0 + lw, y - h, span - lw, h, stroke=1, fill=0)
                c.setFont("Helvetica-Bold", 7.5)
                for k, ln in enumerate(lab):
                    c.drawString(x0 + 3, y - 8 - k * 10, ln)
                c.setFont("Helvetica", 8)
                for k, ln in enumerate(ans):
                    if ln:
                        c.drawString(x0 + lw + 4, y - 8 - k * 10, ln)
                d.mark(x0 + lw, y, x0 + span, y - h)
            y -= h

    def grid(rows_fields: list[list[Field]], weights: dict):
        """A grid: one column per field of the first row, rotated headings, one row per entry."""
        nonlocal y
        cols = []
        for fields in rows_fields:
            for fl in fields:
                if (fl.key, fl.label) not in [(k, l) for k, l, _ in cols]:
                    cols.append((fl.key, fl.label, weights.get(fl.key, 1.0)))
        tot = sum(w for *_, w in cols)
        widths = [(XR - XL - 22) * w / tot for *_, w in cols]
        head_h = 92
        heads = [wrap(lbl, "Helvetica-Bold", 6.8, head_h - 6)[:3] for _, lbl, _ in cols]
        need(head_h + 30)
        x = XL + 22
        c.setFillColor(GREY)
        c.rect(XL, y - head_h, 22, head_h, stroke=1, fill=1)
        for (key, lbl, _), w, hl in zip(cols, widths, heads):
            c.setFillColor(GREY)
            c.rect(x, y - head_h, w, head_h, stroke=1, fill=1)
            c.setFillColor(black)
            _vtext(c, x + w / 2 - (len(hl) - 1) * 4.1 + 2.4, y - head_h + 4, hl)
            x += w
        y -= head_h
        for ri, fields in enumerate(rows_fields):
            cells = []
            for (key, lbl, _), w in zip(cols, widths):
                fl = next((f for f in fields if (f.key, f.label) == (key, lbl)), None)
                lines = []
                if fl is not None:
                    for k, ln in enumerate(answer_lines(fl)):
                        lines += wrap(ln, "Helvetica", 6.6, w - 4)
                cells.append(lines)
            h = max(1, *(len(l) for l in cells)) * 8 + 6
            need(h)
            c.rect(XL, y - h, 22, h, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", 7)
            c.drawString(XL + 8, y - 9, str(ri + 1))
            x = XL + 22
            for lines, w in zip(cells, widths):
                c.rect(x, y - h, w, h, stroke=1, fill=0)
                c.setFont("Helvetica", 6.6)
                for k, ln in enumerate(lines):
                    c.drawString(x + 2, y - 8 - k * 8, ln)
                d.mark(x, y, x + w, y - h)
                x += w
            y -= h
        y -= 8

    def yn_matrix(fields):
        nonlocal y
        opts = case.sender.yn
        head_h = 62
        lw = XR - XL - 3 * 26
        need(head_h + 20)
        c.setFillColor(GREY)
        c.rect(XL, y - head_h, lw, head_h, stroke=1, fill=1)
        for i, o in enumerate(opts):
            x = XL + lw + i * 26
            c.setFillColor(GREY)
            c.rect(x, y - head_h, 26, head_h, stroke=1, fill=1)
            c.setFillColor(black)
            hl = wrap(o, "Helvetica-Bold", 6.8, head_h - 6)[:2]
            _vtext(c, x + 15 - (len(hl) - 1) * 4.1, y - head_h + 3, hl)
        y -= head_h
        for fl in fields:
            lab = wrap(fl.label, "Helvetica", 8, lw - 8)
            h = len(lab) * 10 + 5
            need(h)
            c.rect(XL, y - h, lw, h, stroke=1, fill=0)
            c.setFont("Helvetica", 8)
            for k, ln in enumerate(lab):
                c.drawString(XL + 4, y - 9 - k * 10, ln)
            for i in range(3):
                x = XL + lw + i * 26
                c.rect(x, y - h, 26, h, stroke=1, fill=0)
                if fl.value == i:
                    c.setFont("Helvetica-Bold" if mark_style == "X" else "ZapfDingbats", 9)
                    c.drawCentredString(x + 13, y - 10, "X" if mark_style == "X" else "4")
            y -= h
        y -= 8

    child_weights = {"child.address": 2.6, "child.name": 1.7, "child.forename": 1.3, "child.surname": 1.3,
                     "child.school": 1.6, "child.gp": 1.6, "child.legal_status": 1.4, "child.disability": 1.6,
                     "child.ethnicity": 1.4, "child.dob": 1.2, "child.date_of_death": 1.1, "decoy": 1.5,
                     "child.other_names": 1.1, "child.age": 0.9}
    inc_weights = {"inc.location": 2.5, "inc.type": 2.4, "inc.other": 2.0, "decoy": 1.4, "inc.date": 1.3,
                   "inc.date_la_aware": 1.3}
    kids = [s for s in case.sections if s.sid == "child"]
    for sec in case.sections:
        if sec.sid == "child":
            if sec.child == 0:
                section_bar(sec.title.split(" - ")[0] + (f" ({len(kids)})" if len(kids) > 1 else ""))
                grid([expand(s.fields) for s in kids], child_weights)
            continue
        section_bar(sec.title)
        fields = expand(sec.fields)
        if sec.sid == "inc":
            short = [f for f in fields if f.kind != "paras"]
            grid([short], inc_weights)
            pairs([f for f in fields if f.kind == "paras"])
        elif sec.sid == "crit":
            if mark_style:
                yn_matrix([f for f in fields if f.kind == "yn"])
            pairs([f for f in fields if f.kind != "yn"])
        elif sec.sid == "ag":
            fl = fields[0]
            need(30)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(XL, y - 9, fl.label)
            y -= 13
            xs = [XL, XL + 220, XL + 500, XR]
            for ci, h in enumerate(case.sender.agency_cols):
                c.setFillColor(GREY)
                c.rect(xs[ci], y - 12, xs[ci + 1] - xs[ci], 12, stroke=1, fill=1)
                c.setFillColor(black)
                c.setFont("Helvetica-Bold", 7.5)
                c.drawString(xs[ci] + 3, y - 9, h)
            y -= 12
            for row in list(fl.value) + [("", "", "")]:
                need(13)
                for ci, v in enumerate(row):
                    c.rect(xs[ci], y - 13, xs[ci + 1] - xs[ci], 13, stroke=1, fill=0)
                    c.setFont("Helvetica", 8)
                    c.drawString(xs[ci] + 3, y - 9.5, v)
                    d.mark(xs[ci], y, xs[ci + 1], y - 13)
                y -= 13
            y -= 8
        else:
            pairs(fields)
        y -= 4
    return d.finish(), {"_boxes": d.boxes, "criteria_mark": mark_style, "child_rows": len(kids)}


# ----------------------------------------------------------------------------------------------- P-EMAILPRINT

def p_emailprint(case: Case, rng) -> tuple[bytes, dict]:
    """A website form-builder's notification e-mail printed from Outlook: the memo header (mailbox owner,
    From / Sent / To / Subject), then the submission as a two-column table with alternating shading, section
    rows, required-field asterisks on some labels, and agencies as a small table inside their answer cell."""
    d = Doc(case, producer="Microsoft: Print To PDF", furniture=False)
    c = d.c
    S = case.sender
    base = dt.date.fromisoformat(case.record["date_of_referral"] or "2026-01-20")
    sent = dt.datetime(base.year, base.month, base.day, rng.randint(7, 19), rng.randint(0, 59))
    owner = rng.choice(["SCP Business Support", "Safeguarding Partnership Mailbox", "Reviews Team"])
    star = rng.random() < 0.6
    y = d.H - 45
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, y, owner)
    y -= 6
    c.setLineWidth(2.2)
    c.line(40, y, d.W - 40, y)
    c.setLineWidth(0.6)
    y -= 18
    subject = f"New submission: {S.title}"
    for k, v in (("From:", f"{S.org} web forms <no-reply@forms.{S.domain}>"),
                 ("Sent:", f"{sent.strftime('%A')}, {sent.day} {sent.strftime('%B %Y %H:%M')}"),
                 ("To:", S.p_email), ("Subject:", subject)):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(40, y, k)
        c.setFont("Helvetica", 9)
        c.drawString(110, y, v[:95])
        y -= 12
    y -= 14
    c.setFont("Helvetica", 9)
    sub_id = f"{rng.randint(100000, 999999)}"
    for ln in (f"You have a new submission of the form \"{S.title}\".", f"Submission ID: {sub_id}"):
        c.drawString(40, y, ln)
        y -= 12
    y -= 8
    XL, XM, XR = 40, 230, d.W - 40

    def need(h):
        nonlocal y
        if y - h < 45:
            c.setFont("Helvetica", 8)
            c.drawCentredString(d.W / 2, 25, str(d.page + 1))
            c.showPage()
            d.page += 1
            y = d.H - 45

    shade = [False]
    for sec in case.sections:
        need(40)
        c.setFillColor(Color(0.27, 0.45, 0.77))
        c.rect(XL, y - 18, XR - XL, 18, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(XL + 6, y - 13, sec.title)
        c.setFillColor(black)
        y -= 18
        for fl in expand(sec.fields):
            label = fl.label + (" *" if star and fl.key in ("ref.name", "ref.email", "child.name", "child.forename",
                                                            "child.surname", "child.dob", "inc.summary", "inc.date") else "")
            lab = wrap(label, "Helvetica-Bold", 8.5, XM - XL - 10)
            if fl.kind == "agencies":
                rows = fl.value
                xs_ = [XM + 4, XM + 4 + 100, XM + 4 + 215, XR - 4]
                rh_ = [max(len(wrap(v, "Helvetica", 7.5, xs_[ci + 1] - xs_[ci] - 4)) for ci, v in enumerate(r)) * 9 + 4
                       for r in [S.agency_cols] + list(rows)]
                h = max(len(lab) * 11, sum(rh_)) + 10 if rows else max(len(lab), 1) * 11 + 8
                need(h)
                shade[0] = not shade[0]
                c.setFillColor(Color(0.95, 0.96, 0.98) if shade[0] else white)
                c.rect(XL, y - h, XR - XL, h, stroke=0, fill=1)
                c.setFillColor(black)
                c.setFont("Helvetica-Bold", 8.5)
                for k, ln in enumerate(lab):
                    c.drawString(XL + 6, y - 11 - k * 11, ln)
                if not rows:
                    c.setFont("Helvetica", 8.5)
                    c.drawString(XM + 4, y - 11, "None known")
                    d.mark(XM, y, XR, y - h)
                else:
                    xs = [XM + 4, XM + 4 + 100, XM + 4 + 215, XR - 4]
                    yy = y - 5
                    for ri, row in enumerate([S.agency_cols] + list(rows)):
                        font = "Helvetica-Bold" if ri == 0 else "Helvetica"
                        cells = [wrap(v, font, 7.5, xs[ci + 1] - xs[ci] - 4) for ci, v in enumerate(row)]
                        rh = max(len(x) for x in cells) * 9 + 4
                        for ci, lines in enumerate(cells):
                            c.rect(xs[ci], yy - rh, xs[ci + 1] - xs[ci], rh, stroke=1, fill=0)
                            c.setFont(font, 7.5)
                            for k, ln in enumerate(lines):
                                c.drawString(xs[ci] + 2, yy - 9.5 - k * 9, ln)
                            if ri:
                                d.mark(xs[ci], yy, xs[ci + 1], yy - rh)
                        yy -= rh
                y -= h
                continue
            ans = []
            for k, line in enumerate(answer_lines(fl)):
                if fl.kind == "paras" and k:
                    ans.append(None)
                ans += wrap(line, "Helvetica", 8.5, XR - XM - 10)
            h = max(len(lab), len(ans), 1) * 11 + 8
            need(h)
            shade[0] = not shade[0]
            c.setFillColor(Color(0.95, 0.96, 0.98) if shade[0] else white)
            c.rect(XL, y - h, XR - XL, h, stroke=0, fill=1)
            c.setFillColor(black)
            c.setFont("Helvetica-Bold", 8.5)
            for k, ln in enumerate(lab):
                c.drawString(XL + 6, y - 11 - k * 11, ln)
            c.setFont("Helvetica", 8.5)
            for k, ln in enumerate(ans):
                if ln:
                    c.drawString(XM + 4, y - 11 - k * 11, ln)
            d.mark(XM, y, XR, y - h)
            y -= h
        y -= 6
    need(40)
    c.setFont("Helvetica-Oblique", 7.5)
    c.setFillColor(MID)
    c.drawString(40, y - 12, case.guidance[:150])
    c.setFillColor(black)
    c.setFont("Helvetica", 8)
    c.drawCentredString(d.W / 2, 25, str(d.page + 1))
    return d.finish(), {"_boxes": d.boxes, "sent": f"{sent:%Y-%m-%d %H:%M}", "required_stars": star, "mailbox": owner}


LAYOUTS = {"P-CHARS": p_chars, "P-TOOLTIP": p_tooltip, "P-CYA": p_cya, "P-REGISTER": p_register,
           "P-EMAILPRINT": p_emailprint}
