"""unseen18: the five PDF layouts (reportlab canvas, invariant mode)."""

from __future__ import annotations

import io
import math
import random

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from u18_model import Case, Fld, add_days, fmt_date, itype_text

MM = 72 / 25.4
_FONTS = False


def fonts():
    global _FONTS
    if _FONTS:
        return
    base = "/usr/share/fonts/truetype/"
    for name, fn in [("DejaVu", "dejavu/DejaVuSans.ttf"), ("DejaVu-Bold", "dejavu/DejaVuSans-Bold.ttf"),
                     ("DejaVu-Oblique", "dejavu/DejaVuSans-Oblique.ttf"),
                     ("Arial", "liberation/LiberationSans-Regular.ttf"), ("Arial-Bold", "liberation/LiberationSans-Bold.ttf"),
                     ("Arial-Italic", "liberation/LiberationSans-Italic.ttf"),
                     ("Serif", "liberation/LiberationSerif-Regular.ttf"), ("Serif-Bold", "liberation/LiberationSerif-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, base + fn))
    _FONTS = True


def sw(text, font, size):
    return pdfmetrics.stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for para_ in text.split("\n"):
        line = ""
        for w in para_.split(" "):
            cand = w if not line else line + " " + w
            if sw(cand, font, size) <= width:
                line = cand
                continue
            if line:
                out.append(line)
                line = ""
            while sw(w, font, size) > width and len(w) > 1:
                k = len(w)
                while k > 1 and sw(w[:k], font, size) > width:
                    k -= 1
                out.append(w[:k])
                w = w[k:]
            line = w
        out.append(line)
    return out


def value_text(f: Fld, sep="\n") -> str:
    if f.kind == "long":
        return "\n\n".join(f.shown or [])
    if f.kind == "addr":
        return sep.join(f.shown or [])
    if f.kind == "itype":
        return itype_text(f)
    if f.kind in ("yn", "gender"):
        return f.options[f.shown][0] if f.shown is not None else ""
    return f.shown or ""


class Doc:
    """A top-down page cursor over a reportlab canvas."""

    def __init__(self, path_or_buf, pagesize=A4, margins=(18 * MM, 15 * MM, 18 * MM, 15 * MM), producer="", creator="",
                 title="", author=""):
        fonts()
        self.c = rl_canvas.Canvas(path_or_buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.W, self.H = pagesize
        self.top, self.right, self.bottom, self.left = margins
        self.y = self.top
        self.page = 1
        self.on_page = None  # callable(doc) drawing header/footer furniture at page start

    def start(self):
        if self.on_page:
            self.on_page(self)

    def ensure(self, h):
        if self.y + h > self.H - self.bottom:
            self.new_page()

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        if self.on_page:
            self.on_page(self)

    # drawing in top-down coordinates
    def text(self, x, y, s, font, size, color=(0, 0, 0)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawString(x, self.H - y, s)

    def text_r(self, x, y, s, font, size, color=(0, 0, 0)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawRightString(x, self.H - y, s)

    def text_c(self, x, y, s, font, size, color=(0, 0, 0)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawCentredString(x, self.H - y, s)

    def rect(self, x, y, w, h, stroke=(0, 0, 0), fill=None, lw=0.5):
        c = self.c
        c.setLineWidth(lw)
        if stroke:
            c.setStrokeColorRGB(*stroke)
        if fill:
            c.setFillColorRGB(*fill)
        c.rect(x, self.H - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def line(self, x1, y1, x2, y2, color=(0, 0, 0), lw=0.5, dash=None):
        c = self.c
        c.setLineWidth(lw)
        c.setStrokeColorRGB(*color)
        c.setDash(*(dash or ([], 0)))
        c.line(x1, self.H - y1, x2, self.H - y2)
        c.setDash([], 0)

    def circle(self, x, y, r, stroke=(0, 0, 0), fill=None, lw=0.6):
        c = self.c
        c.setLineWidth(lw)
        c.setStrokeColorRGB(*stroke)
        if fill:
            c.setFillColorRGB(*fill)
        c.circle(x, self.H - y, r, stroke=1, fill=1 if fill else 0)

    def lines(self, x, y, lines_, font, size, leading, color=(0, 0, 0)):
        for k, s in enumerate(lines_):
            if s:
                self.text(x, y + k * leading, s, font, size, color)

    def save(self):
        self.c.showPage()
        self.c.save()


def two_pass(render, path, seed):
    """Render once to count pages, then for real with the total known."""
    buf = io.BytesIO()
    n = render(buf, random.Random(seed), None)
    render(str(path), random.Random(seed), n)


def null_record(case: Case, f: Fld, child: int | None, agency_row: int | None = None, agency_col: int | None = None):
    """A value removed from the document (redaction): the record no longer states it."""
    rec = case.record
    if agency_row is not None:
        rec["agencies_involved"][agency_row][["name", "agency", "contact"][agency_col]] = None
        return
    k = f.key
    if k.startswith("child."):
        attr = k.split(".", 1)[1]
        if attr in ("first", "last"):
            return
        rec["children"][child][attr] = None
        return
    if k in ("date_of_referral", "panel_notified", "date_panel_notified", "immediate_concerns"):
        rec[k] = None
        return
    head, attr = k.split(".", 1)
    if head in rec and isinstance(rec[head], dict):
        if head in ("referrer", "safeguarding_lead") and attr in ("email", "phone", "name", "role", "agency"):
            rec[head][attr] = None
        elif head in ("incident", "criteria"):
            rec[head][attr] = None


# ================================================================== P-FPDF

ZAPF_MARKS = {"tick": "\u2714", "cross": "\u2718", "square": "\u25a0", "dot": "\u25cf"}


def p_fpdf(case: Case, path) -> dict:
    S = case.sender
    rng = case.rng
    mark_kind = rng.choice(["tick", "tick", "cross", "square", "dot"])
    mark = ZAPF_MARKS[mark_kind]
    colour = rng.choice([(0.15, 0.3, 0.55), (0.45, 0.1, 0.2), (0.1, 0.4, 0.35), (0.25, 0.25, 0.25)])
    sub_id = f"{rng.choice(['SR', 'REF', 'WEB'])}-{case.referral_date.year}-{rng.randrange(100, 99999):05d}"
    sub_date = add_days(case.referral_date, rng.choice([0, 0, 1]))
    submitted = f"{fmt_date(sub_date, 'iso')} {rng.randrange(8, 22):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    portal = f"{S['p_short']} online referral portal"
    seed = rng.random()

    def render(out, r, total):
        d = Doc(out, margins=(28 * MM, 10 * MM, 22 * MM, 10 * MM), producer="FPDF 1.86", creator=portal,
                title=f"Submission {sub_id}")
        L, Wd = 10 * MM, 190 * MM
        lw, vw = 65 * MM, 125 * MM
        F, FB, FI = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"

        def furniture(doc):
            doc.text(L, 14 * MM, portal, FB, 13)
            doc.text(L, 19 * MM, S["partnership"], F, 8, (0.3, 0.3, 0.3))
            doc.text_r(L + Wd, 14 * MM, case.marking, FB, 9, (0.75, 0, 0))
            doc.text_r(L + Wd, 19 * MM, f"Submission {sub_id}", F, 8)
            doc.line(L, 22 * MM, L + Wd, 22 * MM, lw=0.6)
            doc.text_c(doc.W / 2, doc.H - 12 * MM, f"Page {doc.page}/{total or '{nb}'}", FI, 8)
            doc.text(L, doc.H - 12 * MM, case.footer, F, 7, (0.4, 0.4, 0.4))

        d.on_page = furniture
        d.start()
        d.text(L, d.y + 5 * MM, case.title, FB, 12)
        d.y += 9 * MM
        for lab, val in (("Submission ID", sub_id), ("Submitted", submitted), ("IP address", ip),
                         ("Form", f"{case.form_ref} (web version)")):
            d.rect(L, d.y, 40 * MM, 5 * MM, fill=(0.94, 0.94, 0.94))
            d.text(L + 1 * MM, d.y + 3.6 * MM, lab, FB, 8)
            d.rect(L + 40 * MM, d.y, 80 * MM, 5 * MM)
            d.text(L + 41 * MM, d.y + 3.6 * MM, val, F, 8)
            d.y += 5 * MM
        d.y += 3 * MM
        for ln in wrap(case.guidance, F, 8, Wd):
            d.text(L, d.y + 3 * MM, ln, F, 8, (0.3, 0.3, 0.3))
            d.y += 3.8 * MM
        d.y += 3 * MM
        lh = 4.6 * MM

        def section(title):
            d.ensure(14 * MM)
            d.rect(L, d.y, Wd, 6.5 * MM, stroke=None, fill=colour)
            d.text(L + 2 * MM, d.y + 4.6 * MM, title, FB, 10, (1, 1, 1))
            d.y += 6.5 * MM

        def choice_block(f: Fld, x, y, width, vertical):
            """Draw option boxes; returns height used."""
            cx, cy = x + 1.5 * MM, y + 1.2 * MM
            for k, (word, canon) in enumerate(f.options):
                label = word
                if f.kind == "itype" and canon == "other" and f.shown == k and f.spec:
                    label = f"{word}: {f.spec}"
                wdt = 4 * MM + sw(label, F, 9) + 5 * MM
                if not vertical and cx + wdt > x + width:
                    cx, cy = x + 1.5 * MM, cy + lh
                d.rect(cx, cy + 0.2 * MM, 3.4 * MM, 3.4 * MM, lw=0.4)
                if f.shown == k:
                    d.c.setFillColorRGB(0, 0, 0)
                    d.c.setFont("ZapfDingbats", 8)
                    d.c.drawString(cx + 0.55 * MM, d.H - (cy + 2.95 * MM), mark)
                d.text(cx + 4.6 * MM, cy + 3 * MM, label, F, 9)
                if vertical:
                    cy += lh
                else:
                    cx += wdt
            return (cy - y) + (0 if vertical else lh) + 1.5 * MM

        def field_row(f: Fld):
            llines = wrap(f.label, FB, 8.5, lw - 3 * MM)
            if f.kind in ("yn", "gender", "itype"):
                vertical = f.kind == "itype"
                vh = (len(f.options) * lh + 2 * MM) if vertical else lh + 2 * MM
                if not vertical:
                    tot = sum(4 * MM + sw(o[0], F, 9) + 5 * MM for o in f.options)
                    if tot > vw - 3 * MM:
                        vh += lh
                h = max(len(llines) * lh + 2 * MM, vh)
                d.ensure(h)
                d.rect(L, d.y, lw, h, fill=(0.9, 0.9, 0.9), lw=0.3)
                d.lines(L + 1.5 * MM, d.y + 4 * MM, llines, FB, 8.5, lh)
                d.rect(L + lw, d.y, vw, h, lw=0.3)
                choice_block(f, L + lw, d.y + 0.4 * MM, vw - 3 * MM, vertical)
                d.y += h
                return
            vlines = wrap(value_text(f), F, 9, vw - 3 * MM) if value_text(f) else [""]
            h = max(len(llines), len(vlines)) * lh + 2 * MM
            d.ensure(h)
            d.rect(L, d.y, lw, h, fill=(0.9, 0.9, 0.9), lw=0.3)
            d.lines(L + 1.5 * MM, d.y + 4 * MM, llines, FB, 8.5, lh)
            d.rect(L + lw, d.y, vw, h, lw=0.3)
            d.lines(L + lw + 1.5 * MM, d.y + 4 * MM, vlines, F, 9, lh)
            d.y += h

        for s in case.sections:
            section(s.title)
            if s.key == "agencies":
                ws = [55 * MM, 70 * MM, 65 * MM]
                d.ensure(12 * MM)
                x = L
                for hd, w in zip(s.headers, ws):
                    d.rect(x, d.y, w, 6 * MM, fill=(0.9, 0.9, 0.9), lw=0.3)
                    d.text(x + 1.5 * MM, d.y + 4.2 * MM, hd, FB, 8.5)
                    x += w
                d.y += 6 * MM
                if not s.rows:
                    d.rect(L, d.y, Wd, 6 * MM, lw=0.3)
                    d.text(L + 1.5 * MM, d.y + 4.2 * MM, "No agencies entered", FI, 9, (0.4, 0.4, 0.4))
                    d.y += 6 * MM
                for r_ in s.rows:
                    cells = [wrap(v or "", F, 9, w - 3 * MM) for v, w in zip(r_, ws)]
                    h = max(len(c) for c in cells) * lh + 2 * MM
                    d.ensure(h)
                    x = L
                    for c_, w in zip(cells, ws):
                        d.rect(x, d.y, w, h, lw=0.3)
                        d.lines(x + 1.5 * MM, d.y + 4 * MM, c_, F, 9, lh)
                        x += w
                    d.y += h
                d.y += 4 * MM
                continue
            for f in s.fields:
                field_row(f)
            d.y += 4 * MM
        d.ensure(12 * MM)
        d.text(L, d.y + 4 * MM, f"This PDF was generated automatically from submission {sub_id}. Do not reply to the "
                                f"sending address.", FI, 7.5, (0.4, 0.4, 0.4))
        d.save()
        return d.page

    two_pass(render, path, seed)
    return {"mark": mark_kind, "mark_char_in_text": {"tick": "4", "cross": "8", "square": "n", "dot": "l"}[mark_kind],
            "submission": sub_id, "submitted": submitted}


# ================================================================== P-ACCESSFORM

def p_accessform(case: Case, path) -> dict:
    S = case.sender
    rng = case.rng
    ref_id = rng.randrange(40, 900)
    created = f"{fmt_date(add_days(case.referral_date, -rng.choice([0, 1, 2])), 'slash')} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
    printed = f"{fmt_date(add_days(case.referral_date, rng.choice([0, 1, 3])), 'slash')} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    band = rng.choice([(0.31, 0.51, 0.74), (0.2, 0.3, 0.45), (0.5, 0.38, 0.6), (0.25, 0.45, 0.3)])
    sunken = rng.random() < 0.5
    seed = rng.random()
    form_name = rng.choice(["frmReferral", "frmSafeguardingReferral", "frmRapidReview"])

    def render(out, r, total):
        d = Doc(out, margins=(14 * MM, 12 * MM, 16 * MM, 12 * MM), producer="Microsoft: Print To PDF",
                creator="Microsoft Access", title=form_name)
        F, FB = "Arial", "Arial-Bold"
        L, Wd = 12 * MM, 186 * MM

        def furniture(doc):
            doc.text(L, doc.H - 8 * MM, f"Printed: {printed}", F, 7.5, (0.3, 0.3, 0.3))
            doc.text_r(L + Wd, doc.H - 8 * MM, f"Page {doc.page} of {total or 1}", F, 7.5, (0.3, 0.3, 0.3))
            doc.text_c(doc.W / 2, 9 * MM, f"{case.marking}   {S['partnership']}", F, 7, (0.5, 0, 0))

        d.on_page = furniture
        d.start()
        # form header section
        tl = wrap(case.title, FB, 13, Wd - 58 * MM)
        bh = 14 * MM + len(tl) * 5.5 * MM
        d.rect(L, d.y, Wd, bh, stroke=None, fill=band)
        for k, ln in enumerate(tl):
            d.text(L + 4 * MM, d.y + 8 * MM + k * 5.5 * MM, ln, FB, 13, (1, 1, 1))
        sub = f"{S['org']} - {S['unit']}"
        d.text(L + 4 * MM, d.y + 8 * MM + len(tl) * 5.5 * MM, sub if sw(sub, F, 8.5) < Wd - 10 * MM else S["org"], F, 8.5, (1, 1, 1))
        d.text_r(L + Wd - 3 * MM, d.y + 6 * MM, f"ReferralID: {ref_id}", F, 8, (1, 1, 1))
        d.text_r(L + Wd - 3 * MM, d.y + 11 * MM, f"Created: {created}", F, 8, (1, 1, 1))
        d.y += bh + 3 * MM
        for ln in wrap(case.guidance, F, 7.5, Wd):
            d.text(L, d.y + 3 * MM, ln, F, 7.5, (0.35, 0.35, 0.35))
            d.y += 3.4 * MM
        d.y += 2 * MM
        box_h = 5.6 * MM

        def tbox(x, y, w, h, lines_, combo=False):
            d.rect(x, y, w, h, stroke=(0.55, 0.55, 0.55), fill=(1, 1, 1), lw=0.5)
            if sunken:
                d.line(x, y, x + w, y, (0.35, 0.35, 0.35), 0.8)
                d.line(x, y, x, y + h, (0.35, 0.35, 0.35), 0.8)
            for k, s in enumerate(lines_):
                if s:
                    d.text(x + 1.3 * MM, y + 4 * MM + k * 3.9 * MM, s, F, 8.5)
            if combo:
                bx = x + w - 4.2 * MM
                d.rect(bx, y + 0.3 * MM, 3.9 * MM, h - 0.6 * MM, stroke=(0.6, 0.6, 0.6), fill=(0.93, 0.93, 0.93), lw=0.3)
                p = d.c.beginPath()
                cx, cy = bx + 1.95 * MM, d.H - (y + h / 2)
                p.moveTo(cx - 1.0 * MM, cy + 0.5 * MM)
                p.lineTo(cx + 1.0 * MM, cy + 0.5 * MM)
                p.lineTo(cx, cy - 0.6 * MM)
                p.close()
                d.c.setFillColorRGB(0.2, 0.2, 0.2)
                d.c.drawPath(p, stroke=0, fill=1)

        def control(f: Fld, x, y, lw_, bw):
            """label + control; returns height."""
            labl = f.label if f.label.endswith(("?", ")")) else f.label + ":"
            llines = wrap(labl, F, 8, lw_ - 2 * MM)
            txt = value_text(f, sep="\n")
            combo = f.kind in ("yn", "gender", "itype")
            vlines = wrap(txt, F, 8.5, bw - (6 * MM if combo else 2.6 * MM)) if txt else [""]
            bh = max(box_h, len(vlines) * 3.9 * MM + 1.8 * MM)
            h = max(bh, len(llines) * 3.6 * MM + 1.5 * MM)
            d.lines(x, y + 3.8 * MM, llines, F, 8, 3.6 * MM)
            tbox(x + lw_, y, bw, bh, vlines, combo)
            return h

        def section_title(t):
            d.ensure(12 * MM)
            d.text(L, d.y + 4.5 * MM, t, FB, 10, band)
            d.line(L, d.y + 6 * MM, L + Wd, d.y + 6 * MM, band, 0.8)
            d.y += 8 * MM

        def grid(fields):
            short = [f for f in fields if f.kind not in ("long", "addr")]
            longs = [f for f in fields if f.kind in ("long", "addr")]
            order = []
            i = 0
            while i < len(fields):
                f = fields[i]
                if f.kind in ("long", "addr") or len(f.label) > 55:
                    order.append((f,))
                    i += 1
                    continue
                if i + 1 < len(fields) and fields[i + 1].kind not in ("long", "addr") and len(fields[i + 1].label) <= 55:
                    order.append((f, fields[i + 1]))
                    i += 2
                else:
                    order.append((f,))
                    i += 1
            for grp in order:
                if len(grp) == 2:
                    est = 14 * MM
                    d.ensure(est)
                    h1 = control(grp[0], L, d.y, 38 * MM, 52 * MM)
                    h2 = control(grp[1], L + 96 * MM, d.y, 36 * MM, 54 * MM)
                    d.y += max(h1, h2) + 1.6 * MM
                else:
                    f = grp[0]
                    est = len(wrap(value_text(f), F, 8.5, 146 * MM)) * 3.9 * MM + 6 * MM
                    d.ensure(est)
                    h = control(f, L, d.y, 38 * MM, 148 * MM)
                    d.y += h + 1.6 * MM
            return short, longs

        kids = [s for s in case.sections if s.key == "child"]
        for s in case.sections:
            if s.key == "child":
                if s.child == 0:
                    section_title(S["sec_titles"]["child"])
                    d.text(L, d.y + 2 * MM, "sfrmChildren", F, 7, (0.5, 0.5, 0.5))
                    d.y += 3.5 * MM
                d.ensure(20 * MM)
                top = d.y
                d.rect(L - 1.5 * MM, d.y, Wd + 3 * MM, 0.4, stroke=(0.6, 0.6, 0.6), lw=0.4)
                d.y += 2 * MM
                grid(s.fields)
                d.line(L - 1.5 * MM, d.y, L + Wd + 1.5 * MM, d.y, (0.6, 0.6, 0.6), 0.4)
                d.y += 2 * MM
                if s.child == len(kids) - 1:
                    # the continuous form's empty new record
                    d.ensure(10 * MM)
                    d.text(L, d.y + 4 * MM, "*", FB, 9, (0.4, 0.4, 0.4))
                    tbox(L + 38 * MM, d.y, 52 * MM, box_h, ["(New)"])
                    d.y += box_h + 4 * MM
                continue
            if s.key == "agencies":
                section_title(s.title)
                d.text(L, d.y + 2 * MM, "sfrmAgencies", F, 7, (0.5, 0.5, 0.5))
                d.y += 3.5 * MM
                ws = [14 * MM, 50 * MM, 66 * MM, 56 * MM]
                heads = ["ID"] + s.headers
                d.ensure(12 * MM)
                x = L
                for hd, w in zip(heads, ws):
                    d.rect(x, d.y, w, 5.5 * MM, stroke=(0.6, 0.6, 0.6), fill=(0.88, 0.88, 0.88), lw=0.4)
                    d.text(x + 1.2 * MM, d.y + 3.9 * MM, hd, FB, 8)
                    x += w
                d.y += 5.5 * MM
                rows_ = [(str(r.randrange(100, 999)),) + tuple(v or "" for v in row_) for row_ in s.rows]
                rows_.sort(key=lambda t: t[0])
                rows_.append(("(New)", "", "", ""))
                for row_ in rows_:
                    cells = [wrap(v, F, 8.5, w - 2.4 * MM) for v, w in zip(row_, ws)]
                    h = max(len(c) for c in cells) * 3.9 * MM + 1.8 * MM
                    d.ensure(h)
                    x = L
                    for c_, w in zip(cells, ws):
                        d.rect(x, d.y, w, h, stroke=(0.7, 0.7, 0.7), lw=0.4)
                        d.lines(x + 1.2 * MM, d.y + 4 * MM, c_, F, 8.5, 3.9 * MM)
                        x += w
                    d.y += h
                d.y += 4 * MM
                continue
            section_title(s.title)
            grid(s.fields)
            d.y += 2 * MM
        d.save()
        return d.page

    two_pass(render, path, seed)
    return {"form": form_name, "referral_id": ref_id, "created": created, "printed": printed, "sunken": sunken}


# ================================================================== P-REDACTED

REDACTABLE = ["referrer.phone", "referrer.email", "safeguarding_lead.phone", "safeguarding_lead.email",
              "child.other_names", "child.school", "child.gp", "child.ethnicity", "incident.location"]


def p_redacted(case: Case, path) -> dict:
    S = case.sender
    rng = case.rng
    overlay = rng.choice(["s.40(2)", "REDACTED", "Redacted - third party", "[Redacted]", "Personal data"])
    disclosure = f"{S['p_short']}-DISC-{case.referral_date.year}-{rng.randrange(10, 99)}"
    shared = fmt_date(add_days(case.referral_date, rng.randint(1, 6)), case.style_main)
    # choose what was redacted before sharing
    red = {}
    cands = []
    for s in case.sections:
        for f in s.fields:
            if f.key in REDACTABLE and value_text(f):
                cands.append((s, f))
    k = min(len(cands), rng.randint(1, 3))
    for s, f in rng.sample(cands, k):
        red[id(f)] = True
        null_record(case, f, s.child)
    decoy_red = 0
    for s in case.sections:
        if s.key == "decoys":
            for f in s.fields:
                if rng.random() < 0.6:
                    red[id(f)] = True
                    decoy_red += 1
    ag_red = []
    ag = next(s for s in case.sections if s.key == "agencies")
    if ag.rows and rng.random() < 0.4:
        i = rng.randrange(len(ag.rows))
        if ag.rows[i][0]:
            ag_red.append((i, 0))
            null_record(case, None, None, agency_row=i, agency_col=0)
    redacted_keys = [f.key for s in case.sections for f in s.fields if id(f) in red and f.key != "decoy"]
    seed = rng.random()
    font_choice = rng.choice([("Arial", "Arial-Bold"), ("Serif", "Serif-Bold")])

    def render(out, r, total):
        d = Doc(out, margins=(20 * MM, 18 * MM, 20 * MM, 18 * MM), producer="Adobe PDF Library 25.1.184",
                creator="Microsoft® Word for Microsoft 365", title=case.title)
        F, FB = font_choice
        L, Wd = 18 * MM, 174 * MM
        lw = 62 * MM

        def furniture(doc):
            doc.text(L, 11 * MM, case.marking, FB, 8, (0.75, 0, 0))
            doc.text_r(L + Wd, 11 * MM, S["partnership"], F, 8, (0.3, 0.3, 0.3))
            # stamp added when the copy was redacted
            doc.rect(L + Wd - 62 * MM, 13 * MM, 62 * MM, 6 * MM, stroke=(0.8, 0, 0), lw=0.8)
            doc.text_c(L + Wd - 31 * MM, 17.2 * MM, f"REDACTED COPY - shared {shared}", FB, 7.5, (0.8, 0, 0))
            doc.text(L, doc.H - 10 * MM, case.footer, F, 7, (0.35, 0.35, 0.35))
            doc.text_r(L + Wd, doc.H - 10 * MM, f"{disclosure}-{doc.page:04d}", FB, 8)

        def blackout(x, y, w, h):
            d.rect(x, y, w, h, stroke=None, fill=(0, 0, 0))
            fs = 7 if h < 6 * MM else 8
            d.text_c(x + w / 2, y + h / 2 + fs * 0.35, overlay, "Helvetica", fs, (1, 1, 1))

        d.on_page = furniture
        d.start()
        d.text(L, d.y + 5 * MM, S["org"], FB, 11)
        d.y += 9 * MM
        for ln in wrap(case.title, FB, 15, Wd):
            d.text(L, d.y + 5 * MM, ln, FB, 15, (0.1, 0.2, 0.4))
            d.y += 7 * MM
        d.y += 2 * MM
        for ln in wrap(case.guidance, F, 8.5, Wd):
            d.text(L, d.y + 3 * MM, ln, F, 8.5, (0.25, 0.25, 0.25))
            d.y += 4 * MM
        d.y += 4 * MM
        lh = 4.4 * MM
        for s in case.sections:
            d.ensure(16 * MM)
            d.rect(L, d.y, Wd, 6.5 * MM, stroke=None, fill=(0.12, 0.22, 0.4))
            d.text(L + 2 * MM, d.y + 4.6 * MM, s.title, FB, 10, (1, 1, 1))
            d.y += 6.5 * MM
            if s.key == "agencies":
                ws = [50 * MM, 66 * MM, 58 * MM]
                x = L
                for hd, w in zip(s.headers, ws):
                    d.rect(x, d.y, w, 6 * MM, stroke=(0.5, 0.5, 0.5), fill=(0.9, 0.9, 0.9), lw=0.4)
                    d.text(x + 1.5 * MM, d.y + 4.2 * MM, hd, FB, 8.5)
                    x += w
                d.y += 6 * MM
                rows_ = list(s.rows) + [("", "", "")]
                for i, row_ in enumerate(rows_):
                    cells = [wrap(v or "", F, 9, w - 3 * MM) for v, w in zip(row_, ws)]
                    h = max(len(c) for c in cells) * lh + 2.4 * MM
                    d.ensure(h)
                    x = L
                    for j, (c_, w) in enumerate(zip(cells, ws)):
                        d.rect(x, d.y, w, h, stroke=(0.5, 0.5, 0.5), lw=0.4)
                        if (i, j) in ag_red:
                            blackout(x + 1.2 * MM, d.y + 1.2 * MM, sw(row_[j], F, 9) + 2 * MM, lh)
                        else:
                            d.lines(x + 1.5 * MM, d.y + 4.2 * MM, c_, F, 9, lh)
                        x += w
                    d.y += h
                d.y += 5 * MM
                continue
            for f in s.fields:
                llines = wrap(f.label, FB, 9, lw - 3 * MM)
                txt = value_text(f)
                if f.kind in ("yn", "gender", "itype"):
                    opts = []
                    for k2, (w_, canon) in enumerate(f.options):
                        box = "☒" if f.shown == k2 else "☐"
                        lab = w_
                        if canon == "other" and f.shown == k2 and f.spec:
                            lab = f"{w_}: {f.spec}"
                        opts.append(f"{box} {lab}")
                    vlines = wrap(("\n" if f.kind == "itype" else "    ").join(opts), "DejaVu", 8.5, Wd - lw - 3 * MM)
                    vfont = "DejaVu"
                else:
                    vlines = wrap(txt, F, 9, Wd - lw - 3 * MM) if txt else [""]
                    vfont = F
                h = max(len(llines), len(vlines)) * lh + 2.4 * MM
                d.ensure(h)
                d.rect(L, d.y, lw, h, stroke=(0.5, 0.5, 0.5), fill=(0.93, 0.93, 0.93), lw=0.4)
                d.lines(L + 1.5 * MM, d.y + 4.2 * MM, llines, FB, 9, lh)
                d.rect(L + lw, d.y, Wd - lw, h, stroke=(0.5, 0.5, 0.5), lw=0.4)
                if id(f) in red:
                    wmax = max(sw(v, vfont, 9) for v in vlines) + 2 * MM
                    blackout(L + lw + 1.2 * MM, d.y + 1.2 * MM, min(Wd - lw - 2.4 * MM, max(wmax, 22 * MM)),
                             len(vlines) * lh)
                else:
                    d.lines(L + lw + 1.5 * MM, d.y + 4.2 * MM, vlines, vfont, 9 if vfont == F else 8.5, lh)
                d.y += h
            d.y += 5 * MM
        d.ensure(14 * MM)
        d.text(L, d.y + 4 * MM, "Signed: ______________________        Date: ______________", F, 9)
        d.save()
        return d.page

    two_pass(render, path, seed)
    return {"overlay_text": overlay, "redacted_fields": redacted_keys, "redacted_decoys": decoy_red,
            "redacted_agency_cells": len(ag_red), "disclosure_ref": disclosure, "stamp_date": shared}


# ================================================================== P-INFOPATH

def p_infopath(case: Case, path) -> dict:
    S = case.sender
    rng = case.rng
    accent = rng.choice([(0.16, 0.38, 0.6), (0.38, 0.2, 0.45), (0.12, 0.45, 0.4), (0.55, 0.27, 0.1)])
    seed = rng.random()
    radio_yn = rng.random() < 0.7
    hints = {"panel": 0, "asterisks": 0}
    panel_sec = next(s for s in case.sections if s.key == "panel")
    pf = panel_sec.fields[0]
    optional_panel = pf.shown != 0

    def render(out, r, total):
        d = Doc(out, margins=(16 * MM, 14 * MM, 16 * MM, 14 * MM), producer="Microsoft® InfoPath® 2013",
                creator="Microsoft® InfoPath® 2013", title=case.title)
        F, FB = "DejaVu", "DejaVu-Bold"
        L, Wd = 14 * MM, 182 * MM
        lw = 60 * MM
        bw = Wd - lw - 6 * MM

        def furniture(doc):
            doc.text(L, doc.H - 8 * MM, case.footer, F, 6.5, (0.45, 0.45, 0.45))
            doc.text_r(L + Wd, 9 * MM, case.marking, FB, 7, (0.7, 0, 0))

        d.on_page = furniture
        d.start()
        tl = wrap(case.title, FB, 12, Wd - 8 * MM)
        bh = 12 * MM + len(tl) * 5 * MM
        d.rect(L, d.y, Wd, bh, stroke=None, fill=accent)
        for k, ln in enumerate(tl):
            d.text(L + 4 * MM, d.y + 8 * MM + k * 5 * MM, ln, FB, 12, (1, 1, 1))
        d.text(L + 4 * MM, d.y + 8 * MM + len(tl) * 5 * MM, S["org"], F, 8.5, (1, 1, 1))
        d.y += bh + 3 * MM
        for ln in wrap(case.guidance, F, 7.5, Wd):
            d.text(L, d.y + 3 * MM, ln, F, 7.5, (0.3, 0.3, 0.3))
            d.y += 3.5 * MM
        d.y += 3 * MM
        lh = 3.9 * MM

        def box(x, y, w, h, lines_, required=False, date=False, dropdown=False):
            d.rect(x, y, w, h, stroke=(0.62, 0.68, 0.75), fill=(1, 1, 1), lw=0.5)
            for k, s in enumerate(lines_):
                if s:
                    d.text(x + 1.3 * MM, y + 3.9 * MM + k * lh, s, F, 8)
            if required and not any(lines_):
                d.text_r(x + w - 1.2 * MM, y + 3.6 * MM, "*", FB, 9, (0.85, 0, 0))
                hints["asterisks"] += 1
            if date:
                bx = x + w - 5 * MM
                d.rect(bx, y + 0.5 * MM, 4.5 * MM, h - 1 * MM, stroke=(0.55, 0.55, 0.55), fill=(0.94, 0.94, 0.94), lw=0.3)
                d.rect(bx + 1 * MM, y + 1.4 * MM, 2.5 * MM, 2.4 * MM, stroke=(0.3, 0.3, 0.3), lw=0.3)
                d.line(bx + 1 * MM, y + 2.1 * MM, bx + 3.5 * MM, y + 2.1 * MM, (0.3, 0.3, 0.3), 0.3)
            if dropdown:
                bx = x + w - 4.5 * MM
                p = d.c.beginPath()
                cx, cy = bx + 2 * MM, d.H - (y + h / 2)
                p.moveTo(cx - 1.1 * MM, cy + 0.6 * MM)
                p.lineTo(cx + 1.1 * MM, cy + 0.6 * MM)
                p.lineTo(cx, cy - 0.6 * MM)
                p.close()
                d.c.setFillColorRGB(0.25, 0.25, 0.25)
                d.c.drawPath(p, stroke=0, fill=1)

        def radios(f: Fld, x, y, vertical):
            cx, cy = x, y
            hgt = lh + 1 * MM
            for k, (w_, canon) in enumerate(f.options):
                lab = w_
                if canon == "other" and f.shown == k and f.spec:
                    lab = f"{w_}: {f.spec}"
                wdt = 5 * MM + sw(lab, F, 8) + 5 * MM
                if not vertical and cx + wdt > x + bw:
                    cx, cy = x, cy + hgt
                d.circle(cx + 1.6 * MM, cy + 2.6 * MM, 1.5 * MM, stroke=(0.35, 0.35, 0.35), fill=(1, 1, 1), lw=0.5)
                if f.shown == k:
                    d.circle(cx + 1.6 * MM, cy + 2.6 * MM, 0.75 * MM, stroke=(0.1, 0.1, 0.1), fill=(0.1, 0.1, 0.1), lw=0.1)
                d.text(cx + 4.2 * MM, cy + 3.7 * MM, lab, F, 8)
                if vertical:
                    cy += hgt
                else:
                    cx += wdt
            return cy - y + hgt

        def field(f: Fld, x0=None):
            llines = wrap(f.label, F, 8, lw - 2 * MM)
            x = L + 3 * MM
            if f.kind == "itype" or (f.kind == "yn" and radio_yn):
                vertical = f.kind == "itype"
                est = (len(f.options) * (lh + 1 * MM) if vertical else 2 * (lh + 1 * MM))
                d.ensure(max(est, len(llines) * lh) + 3 * MM)
                d.lines(x, d.y + 3.6 * MM, llines, F, 8, lh)
                h = radios(f, x + lw, d.y, vertical)
                d.y += max(h, len(llines) * lh + 1 * MM) + 1.8 * MM
                return
            txt = value_text(f)
            vlines = wrap(txt, F, 8, bw - 7 * MM) if txt else [""]
            h = max(5.2 * MM, len(vlines) * lh + 1.6 * MM)
            d.ensure(max(h, len(llines) * lh) + 2 * MM)
            d.lines(x, d.y + 3.6 * MM, llines, F, 8, lh)
            box(x + lw, d.y, bw, h, vlines, required=f.required or f.key in ("referrer.email", "incident.date"),
                date=f.kind == "date", dropdown=f.kind in ("gender", "yn"))
            d.y += max(h, len(llines) * lh) + 1.8 * MM

        def section_box(title, draw):
            d.ensure(16 * MM)
            d.text(L, d.y + 4 * MM, title, FB, 9.5, accent)
            d.y += 6 * MM
            start_page, start_y = d.page, d.y
            d.y += 1.5 * MM
            draw()
            d.y += 1 * MM
            if d.page == start_page:
                d.rect(L, start_y, Wd, d.y - start_y, stroke=(0.75, 0.8, 0.87), lw=0.6)
            d.y += 4 * MM

        kids = [s for s in case.sections if s.key == "child"]
        for s in case.sections:
            if s.key == "agencies":
                def draw_ag(s=s):
                    ws = [52 * MM, 64 * MM, 58 * MM]
                    x0 = L + 3 * MM
                    x = x0
                    for hd, w in zip(s.headers, ws):
                        d.rect(x, d.y, w, 5.5 * MM, stroke=(0.62, 0.68, 0.75), fill=(0.9, 0.93, 0.97), lw=0.4)
                        d.text(x + 1.2 * MM, d.y + 3.9 * MM, hd, FB, 8)
                        x += w
                    d.y += 5.5 * MM
                    rows_ = list(s.rows) if s.rows else [("", "", "")]
                    for row_ in rows_:
                        cells = [wrap(v or "", F, 8, w - 2.4 * MM) for v, w in zip(row_, ws)]
                        h = max(len(c) for c in cells) * lh + 1.8 * MM
                        d.ensure(h)
                        x = x0
                        for c_, w in zip(cells, ws):
                            d.rect(x, d.y, w, h, stroke=(0.62, 0.68, 0.75), fill=(1, 1, 1), lw=0.4)
                            d.lines(x + 1.2 * MM, d.y + 3.9 * MM, c_, F, 8, lh)
                            x += w
                        d.y += h
                    d.text(x0, d.y + 4 * MM, "Insert item", F, 7.5, (0.1, 0.3, 0.75))
                    d.line(x0, d.y + 4.5 * MM, x0 + sw("Insert item", F, 7.5), d.y + 4.5 * MM, (0.1, 0.3, 0.75), 0.4)
                    d.y += 6 * MM
                section_box(s.title, draw_ag)
                continue
            if s.key == "panel":
                def draw_panel(s=s):
                    field(s.fields[0])
                    if optional_panel:
                        t = "Click here to add the date the Panel was notified"
                        d.text(L + 3 * MM, d.y + 3.5 * MM, t, F, 7.5, (0.1, 0.3, 0.75))
                        d.line(L + 3 * MM, d.y + 4 * MM, L + 3 * MM + sw(t, F, 7.5), d.y + 4 * MM, (0.1, 0.3, 0.75), 0.4)
                        hints["panel"] = 1
                        d.y += 6 * MM
                    else:
                        for f in s.fields[1:]:
                            field(f)
                section_box(s.title, draw_panel)
                continue
            if s.key == "child":
                title = S["sec_titles"]["child"]

                def draw_child(s=s):
                    for f in s.fields:
                        field(f)
                    if s.child == len(kids) - 1:
                        t = "Insert item"
                        d.text(L + 3 * MM, d.y + 3.5 * MM, t, F, 7.5, (0.1, 0.3, 0.75))
                        d.line(L + 3 * MM, d.y + 4 * MM, L + 3 * MM + sw(t, F, 7.5), d.y + 4 * MM, (0.1, 0.3, 0.75), 0.4)
                        d.y += 5 * MM
                section_box(title, draw_child)
                continue

            def draw_fields(s=s):
                for f in s.fields:
                    field(f)
            section_box(s.title, draw_fields)
        d.save()
        return d.page

    two_pass(render, path, seed)
    return {"yes_no": "option buttons" if radio_yn else "drop-down list boxes", "panel_optional_section_not_inserted": optional_panel,
            "required_asterisks": hints["asterisks"] // 2}


# ================================================================== P-ONENOTE

def p_onenote(case: Case, path) -> dict:
    S = case.sender
    rng = case.rng
    created = add_days(case.extras["inc_date"], rng.choice([0, 1])) if rng.random() < 0.5 else add_days(case.referral_date, -rng.choice([1, 2, 3]))
    stamp = f"{created.strftime('%A')}, {fmt_date(created, 'long')}    {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}"
    title = rng.choice(["Rapid review referral - draft", f"Referral to {S['p_short']}", "Safeguarding referral notes",
                        f"{S['p_short']} referral form (typed up)"])
    tick = rng.choice(["✓", "✔", "x", "X"])
    seed = rng.random()

    def render(out, r, total):
        d = Doc(out, margins=(16 * MM, 14 * MM, 14 * MM, 14 * MM), producer="Microsoft: Print To PDF",
                creator="Microsoft OneNote", title=title)
        F, FB = "Arial", "Arial-Bold"
        L, Wd = 16 * MM, 178 * MM
        lh = 4.3 * MM

        def furniture(doc):
            doc.text(L, 8 * MM, f"{title}", F, 7, (0.45, 0.45, 0.45))
            doc.text_r(L + Wd, doc.H - 7 * MM, f"{doc.page}", F, 7, (0.45, 0.45, 0.45))

        d.on_page = furniture
        d.start()
        d.text(L, d.y + 7 * MM, title, F, 20, (0.1, 0.1, 0.1))
        d.line(L, d.y + 10 * MM, L + 120 * MM, d.y + 10 * MM, (0.75, 0.75, 0.75), 0.5)
        d.text(L, d.y + 15 * MM, stamp, F, 8.5, (0.45, 0.45, 0.45))
        d.y += 22 * MM

        def container_lines(fields, width):
            """Typed 'Label: value' lines of a note container."""
            out_ = []
            for f in fields:
                lab = f.label if f.label.endswith(("?", ")")) else f.label + ":"
                if f.kind == "long":
                    out_.append((lab, FB))
                    for p in f.shown or []:
                        for ln in wrap(p, F, 9, width):
                            out_.append((ln, F))
                        out_.append(("", F))
                    if not f.shown:
                        out_.append(("", F))
                    continue
                if f.kind == "addr":
                    out_.append((lab, FB))
                    for ln in f.shown or []:
                        out_.append((ln, F))
                    continue
                v = value_text(f)
                for k, ln in enumerate(wrap(f"{lab} {v}".rstrip(), F, 9, width)):
                    out_.append((ln, F))
            return out_

        def draw_container(x, y, width, heading, lines_):
            if heading:
                d.text(x, y + 4 * MM, heading, FB, 10.5, (0.18, 0.33, 0.55))
                y += 6 * MM
            for k, (ln, fnt) in enumerate(lines_):
                if ln:
                    d.text(x, y + 3.4 * MM + k * lh, ln, fnt, 9)
            return 6 * MM + len(lines_) * lh

        def pair(a, b):
            """two containers side by side: (heading, fields)"""
            wA = 84 * MM
            la = container_lines(a[1], wA)
            lb = container_lines(b[1], wA) if b else []
            h = 6 * MM + max(len(la), len(lb)) * lh
            d.ensure(h + 4 * MM)
            draw_container(L, d.y, wA, a[0], la)
            if b:
                draw_container(L + 94 * MM, d.y, wA, b[0], lb)
            d.y += h + 6 * MM

        def full(heading, fields):
            la = container_lines(fields, Wd - 4 * MM)
            # may split across pages at a paragraph gap
            d.ensure(6 * MM + min(len(la), 8) * lh)
            d.text(L, d.y + 4 * MM, heading, FB, 10.5, (0.18, 0.33, 0.55))
            d.y += 6 * MM
            chunk = []
            for ln, fnt in la:
                chunk.append((ln, fnt))
            # draw paragraph by paragraph so a paragraph never breaks over a page
            para_ = []
            for item in chunk + [("", F)]:
                para_.append(item)
                if item[0] == "":
                    d.ensure(len(para_) * lh)
                    for k, (ln, fnt) in enumerate(para_):
                        if ln:
                            d.text(L, d.y + 3.4 * MM + k * lh, ln, fnt, 9)
                    d.y += len(para_) * lh
                    para_ = []
            d.y += 4 * MM

        def onenote_table(heading, header, rows_, widths):
            d.ensure(16 * MM)
            if heading:
                d.text(L, d.y + 4 * MM, heading, FB, 10.5, (0.18, 0.33, 0.55))
                d.y += 6 * MM
            allrows = ([header] if header else []) + rows_
            for ri, rw in enumerate(allrows):
                fnts = [("DejaVu" if v in ("✓", "✔") else FB if (header and ri == 0) else F) for v in rw]
                cells = [wrap(v or "", fn, 9, w - 2.4 * MM) for v, w, fn in zip(rw, widths, fnts)]
                h = max(len(c) for c in cells) * lh + 1.6 * MM
                d.ensure(h)
                x = L
                for c_, w, fn in zip(cells, widths, fnts):
                    d.rect(x, d.y, w, h, stroke=(0.7, 0.7, 0.7), lw=0.4)
                    d.lines(x + 1.2 * MM, d.y + 3.8 * MM, c_, fn, 9, lh)
                    x += w
                d.y += h
            d.y += 5 * MM

        def star(x, y):
            p = d.c.beginPath()
            for k in range(10):
                rr = 1.8 * MM if k % 2 == 0 else 0.8 * MM
                a = math.radians(90 + 36 * k)
                px, py = x + rr * math.cos(a), d.H - y + rr * math.sin(a)
                if k == 0:
                    p.moveTo(px, py)
                else:
                    p.lineTo(px, py)
            p.close()
            d.c.setFillColorRGB(0.95, 0.75, 0.1)
            d.c.drawPath(p, stroke=0, fill=1)

        secs = {s.key: s for s in case.sections if s.key != "child"}
        kids = [s for s in case.sections if s.key == "child"]
        pair((secs["referrer"].title, secs["referrer"].fields), (secs["lead"].title, secs["lead"].fields))
        for s in kids:
            rows_ = []
            for f in s.fields:
                v = value_text(f, sep="\n")
                rows_.append((f.label, v))
            onenote_table(s.title, None, rows_, [62 * MM, 112 * MM])
        inc = secs["incident"]
        short = [f for f in inc.fields if f.kind != "long"]
        longs = [f for f in inc.fields if f.kind == "long"]
        full(inc.title, short + longs)
        crit = secs["criteria"]
        yn = [f for f in crit.fields if f.kind == "yn"]
        heads = ["", crit.fields[0].options[0][0], crit.fields[0].options[1][0]] + ([crit.fields[0].options[2][0]] if len(crit.fields[0].options) > 2 else [])
        rows_ = []
        for f in yn:
            rw = [f.label] + [tick if f.shown == k else "" for k in range(len(f.options))]
            rows_.append(rw)
        widths = [112 * MM] + [62 * MM / (len(heads) - 1)] * (len(heads) - 1)
        onenote_table(crit.title, heads, rows_, widths)
        rest = [f for f in crit.fields if f.kind != "yn"]
        pair(("", rest), (secs["panel"].title, secs["panel"].fields))
        ag = secs["agencies"]
        if ag.rows:
            onenote_table(ag.title, ag.headers, [tuple(v or "" for v in r_) for r_ in ag.rows], [50 * MM, 66 * MM, 62 * MM])
        else:
            full(ag.title, [])
            d.y -= 4 * MM
            d.text(L, d.y, "None that I know of.", F, 9)
            d.y += 6 * MM
        d.ensure(10 * MM)
        star(L - 4 * MM, d.y + 3 * MM)
        pair((secs["concerns"].title, secs["concerns"].fields), (secs["decoys"].title, secs["decoys"].fields))
        d.save()
        return d.page

    two_pass(render, path, seed)
    return {"page_stamp": stamp, "criteria_mark": tick, "title": title}


PDF_LAYOUTS = {"P-FPDF": p_fpdf, "P-ACCESSFORM": p_accessform, "P-REDACTED": p_redacted, "P-INFOPATH": p_infopath,
               "P-ONENOTE": p_onenote}
