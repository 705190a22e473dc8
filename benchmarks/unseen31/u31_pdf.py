"""The five PDF layouts of unseen31 (reportlab, invariant mode; annotations added with pypdf keep the file ID)."""

from __future__ import annotations

import datetime as dt
import io

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                           TextStringObject)
from reportlab.lib.colors import HexColor, white, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
from reportlab.pdfgen import canvas

from u31_form import build_form
from u31_model import display, fmt_date, MON

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
for _n, _f in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"), ("DejaVuSerif", "DejaVuSerif.ttf"),
               ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"), ("DejaVuCond", "DejaVuSansCondensed.ttf"),
               ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")):
    pdfmetrics.registerFont(RLTTFont(_n, FONT_DIR + _f))

DARK = {"hollinsford_feeding": "#2E5E4E", "quarley_rj": "#4B2C6F", "tenterby_fdac": "#1F3864",
        "ravelby_warmhomes": "#9C3D12", "linmouth_smokefree": "#005A70", "dunstow_triage": "#222A35",
        "aireby_gambling": "#5B2145", "crowlingham_lwa": "#385623"}
LIGHT = {"hollinsford_feeding": "#E2EFDA", "quarley_rj": "#E7E0F0", "tenterby_fdac": "#DEEAF6",
         "ravelby_warmhomes": "#FBE4D5", "linmouth_smokefree": "#DDF0F4", "dunstow_triage": "#E7E6E6",
         "aireby_gambling": "#F2E1EC", "crowlingham_lwa": "#E2EFD9"}
W, H = A4


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            t = (line + " " + w) if line else w
            if pdfmetrics.stringWidth(t, font, size) <= width or not line:
                line = t
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


def answer_lines(ans, font, size, width):
    """An answer as display lines: address lines each a line, a blank line between summary paragraphs."""
    k = ans["kind"]
    if k == "lines" and ans["lines"]:
        out = []
        for l in ans["lines"]:
            out += wrap(l, font, size, width)
        return out
    if k == "paras" and ans["paras"]:
        out = []
        for i, p in enumerate(ans["paras"]):
            if i:
                out.append("")
            out += wrap(p, font, size, width)
        return out
    t = display(ans)
    return wrap(t, font, size, width) if t else [""]


def make_canvas(buf, meta, pagesize=A4):
    c = canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(meta.get("title", ""))
    c.setAuthor(meta.get("author", ""))
    c.setCreator(meta.get("creator", ""))
    c.setProducer(meta.get("producer", ""))
    c.setSubject(meta.get("subject", ""))
    return c


def two_pass(render, *args):
    """Render once to count pages, then again with the total known (for 'Page n of N')."""
    buf = io.BytesIO()
    total = render(buf, None, *args)
    buf = io.BytesIO()
    render(buf, total, *args)
    return buf.getvalue()


# ---------------------------------------------------------------- outlines (P-OUTLINED)
class _RLPen(BasePen):
    def __init__(self, glyphset, path, x, y, scale):
        super().__init__(glyphset)
        self.p, self.x, self.y, self.k = path, x, y, scale

    def _pt(self, pt):
        return self.x + pt[0] * self.k, self.y + pt[1] * self.k

    def _moveTo(self, pt):
        self.p.moveTo(*self._pt(pt))

    def _lineTo(self, pt):
        self.p.lineTo(*self._pt(pt))

    def _curveToOne(self, p1, p2, p3):
        self.p.curveTo(*self._pt(p1), *self._pt(p2), *self._pt(p3))

    def _closePath(self):
        self.p.close()


class Outliner:
    def __init__(self):
        self.fonts = {}

    def font(self, name):
        if name not in self.fonts:
            f = TTFont(FONT_DIR + {"DejaVu": "DejaVuSans.ttf", "DejaVu-Bold": "DejaVuSans-Bold.ttf"}[name])
            self.fonts[name] = (f, f.getGlyphSet(), f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm)
        return self.fonts[name]

    def draw(self, c, text, x, y, size, fontname="DejaVu", color=black):
        f, gs, cmap, hmtx, upm = self.font(fontname)
        k = size / upm
        path = c.beginPath()
        for ch in text:
            g = cmap.get(ord(ch))
            if g is None:
                g = cmap.get(ord("?"))
            gs[g].draw(_RLPen(gs, path, x, y, k))
            x += hmtx[g][0] * k
        c.setFillColor(color)
        c.drawPath(path, fill=1, stroke=0)
        c.setFillColor(black)


OUTLINER = Outliner()


def p_outlined(case, rng):
    form = build_form(case)
    dark, light = HexColor(DARK[case.s["key"]]), HexColor(LIGHT[case.s["key"]])
    buf = io.BytesIO()
    c = make_canvas(buf, {"title": form["title"], "creator": "Adobe InDesign 19.4 (Windows)",
                          "producer": "Adobe Acrobat Pro (64-bit) 24.2.20759", "author": case.s["partnership"]})
    ol = OUTLINER
    st = {"y": H - 40, "page": 1, "tf": 0, "cb": 0}
    LX, LW, AX, AW = 40, 175, 222, W - 262

    def footer():
        ol.draw(c, f"{form['ref']}  |  page {st['page']}", LX, 22, 7, color=HexColor("#666666"))
        ol.draw(c, form["marking"], W - 40 - pdfmetrics.stringWidth(form["marking"], "DejaVu-Bold", 7), 22, 7, "DejaVu-Bold", HexColor("#C00000"))

    def newpage():
        footer()
        c.showPage()
        st["page"] += 1
        st["y"] = H - 40

    def need(h):
        if st["y"] - h < 50:
            newpage()

    def tfield(value, x, y, w, h, multiline=False):
        st["tf"] += 1
        c.acroForm.textfield(name=f"Text Field {st['tf']}", value=value, x=x, y=y, width=w, height=h, fontName="Helvetica",
                             fontSize=9, borderWidth=0.5, borderColor=HexColor("#7F7F7F"), fillColor=HexColor("#EEF3FB"),
                             textColor=black, fieldFlags="multiline" if multiline else "", maxlen=0 if multiline else 200,
                             annotationFlags="print")

    # title block
    tl = wrap(form["title"], "DejaVu-Bold", 14, W - 80)
    c.setFillColor(dark)
    c.rect(0, H - 80 - 17 * len(tl), W, 80 + 17 * len(tl), fill=1, stroke=0)
    for i, l in enumerate(tl):
        ol.draw(c, l, LX, H - 40 - 17 * i, 14, "DejaVu-Bold", white)
    yb = H - 40 - 17 * len(tl)
    ol.draw(c, form["partnership"], LX, yb - 4, 10, "DejaVu", white)
    ol.draw(c, form["marking"], LX, yb - 21, 8, "DejaVu-Bold", white)
    st["y"] = yb - 56
    for line in wrap(form["guidance"], "DejaVu", 8, W - 80):
        ol.draw(c, line, LX, st["y"], 8)
        st["y"] -= 11
    st["y"] -= 6
    for sec in form["sections"]:
        need(40)
        c.setFillColor(dark)
        c.rect(LX, st["y"] - 16, W - 80, 18, fill=1, stroke=0)
        ol.draw(c, sec["title"], LX + 5, st["y"] - 11, 9.5, "DejaVu-Bold", white)
        st["y"] -= 26
        if sec["key"] == "agencies":
            cols = sec["cols"]
            need(30)
            for li, line in enumerate(wrap(sec["label"], "DejaVu-Bold", 8.5, W - 80)):
                ol.draw(c, line, LX, st["y"] - 8, 8.5, "DejaVu-Bold")
                st["y"] -= 11
            cw = (W - 80) / 3
            for i, (lab, _) in enumerate(cols):
                ol.draw(c, lab, LX + i * cw + 2, st["y"] - 9, 8, "DejaVu-Bold")
            st["y"] -= 14
            for r in sec["rows"] + [None]:
                need(20)
                for i, (_, f) in enumerate(cols):
                    tfield((r[f] or "") if r else "", LX + i * cw, st["y"] - 16, cw - 4, 16)
                st["y"] -= 19
            st["y"] -= 6
            continue
        for it in sec["items"]:
            a = it["ans"]
            llines = wrap(it["label"], "DejaVu", 8.5, LW)
            if a["kind"] == "choice":
                opts = a["options"]
                vertical = it["key"] == "i_type"
                h = max(len(llines) * 10.5 + 4, (14 * len(opts) if vertical else 16))
                need(h + 6)
                for li, line in enumerate(llines):
                    ol.draw(c, line, LX, st["y"] - 10 - li * 10.5, 8.5)
                x, y = AX, st["y"] - 13
                for i, o in enumerate(opts):
                    st["cb"] += 1
                    c.acroForm.checkbox(name=f"Check Box {st['cb']}", x=x, y=y - 1, size=10, checked=a["chosen"] == i,
                                        buttonStyle="check", borderWidth=0.5, borderColor=HexColor("#7F7F7F"),
                                        fillColor=white, textColor=black, annotationFlags="print", fieldFlags="")
                    ol.draw(c, o, x + 14, y + 1, 8.5)
                    if vertical:
                        y -= 14
                    else:
                        x += 26 + pdfmetrics.stringWidth(o, "DejaVu", 8.5) + 10
                st["y"] -= h + 6
                continue
            vlines = answer_lines(a, "Helvetica", 9, AW - 6)
            multi = a["kind"] in ("lines", "paras") or len(vlines) > 1
            h = max(len(llines) * 10.5 + 4, 16 if not multi else 11 * len(vlines) + 6)
            need(h + 6)
            for li, line in enumerate(llines):
                ol.draw(c, line, LX, st["y"] - 10 - li * 10.5, 8.5)
            value = "\n".join(vlines) if multi else display(a)
            tfield(value, AX, st["y"] - h, AW, h, multiline=multi)
            st["y"] -= h + 6
        st["y"] -= 4
    footer()
    c.showPage()
    c.save()
    return buf.getvalue(), {"text_fields": st["tf"], "check_boxes": st["cb"], "labels_outlined": True}


# ---------------------------------------------------------------- P-KEYED
def _glyph_options(a):
    return "   ".join(("\u2612 " if a["chosen"] == i else "\u2610 ") + o for i, o in enumerate(a["options"]))


def p_keyed(case, rng):
    form = build_form(case)
    dark, light = HexColor(DARK[case.s["key"]]), HexColor(LIGHT[case.s["key"]])

    def render(buf, total):
        c = make_canvas(buf, {"title": f"{form['ref']} referral form", "creator": "Acrobat Reader DC",
                              "producer": "Microsoft: Print To PDF", "author": ""})
        LX, LW = 36, 330
        KX, KW = 384, W - 384 - 30
        st = {"y": H - 70, "page": 1, "key": [], "n": 0}

        def chrome():
            c.setFont("DejaVu-Bold", 8)
            c.setFillColor(HexColor("#C00000"))
            c.drawString(LX, H - 28, form["marking"])
            c.setFillColor(black)
            c.setFont("DejaVu", 8)
            c.drawRightString(W - 30, H - 28, form["partnership"])
            c.setFillColor(light)
            c.rect(KX - 6, 40, KW + 12, H - 90, fill=1, stroke=0)
            c.setFillColor(dark)
            c.setFont("DejaVu-Bold", 9)
            c.drawString(KX, H - 62, "Key to the boxes on this page")
            c.setFillColor(black)
            c.setFont("DejaVu", 7.5)
            c.drawString(LX, 24, f"{form['ref']} - Page {st['page']}" + (f" of {total}" if total else ""))

        def flush_key():
            y = H - 80
            for num, label in st["key"]:
                lines = wrap(label, "DejaVu", 8, KW - 20)
                c.setFont("DejaVu-Bold", 8)
                c.drawString(KX, y, str(num))
                c.setFont("DejaVu", 8)
                for li, l in enumerate(lines):
                    c.drawString(KX + 20, y - li * 10, l)
                y -= 10 * len(lines) + 4
            st["key"] = []

        def newpage():
            flush_key()
            c.showPage()
            st["page"] += 1
            st["y"] = H - 70
            chrome()

        def need(h):
            if st["y"] - h < 50 or len(st["key"]) >= 26:
                newpage()

        chrome()
        c.setFont("DejaVu-Bold", 14)
        c.setFillColor(dark)
        for li, l in enumerate(wrap(form["title"], "DejaVu-Bold", 14, LW)):
            c.drawString(LX, st["y"] - li * 17, l)
        st["y"] -= 17 * len(wrap(form["title"], "DejaVu-Bold", 14, LW)) + 4
        c.setFillColor(black)
        c.setFont("DejaVu", 7.5)
        text = form["guidance"] + " Write each answer in the numbered box; the questions are in the key beside the boxes."
        for l in wrap(text, "DejaVu", 7.5, LW):
            c.drawString(LX, st["y"], l)
            st["y"] -= 9.5
        st["y"] -= 8

        def box(lines, label, font="DejaVu", size=9):
            st["n"] += 1
            num = st["n"]
            h = max(22, 12 * len(lines) + 10)
            need(h + 8)
            st["key"].append((num, label))
            y0 = st["y"] - h
            c.setStrokeColor(HexColor("#808080"))
            c.setLineWidth(0.6)
            c.rect(LX, y0, LW, h, fill=0, stroke=1)
            c.setFillColor(dark)
            c.circle(LX + 9, st["y"] - 9, 7, fill=1, stroke=0)
            c.setFillColor(white)
            c.setFont("DejaVu-Bold", 7 if num < 100 else 6)
            c.drawCentredString(LX + 9, st["y"] - 11.5, str(num))
            c.setFillColor(HexColor("#1F1F5F"))
            c.setFont(font, size)
            for li, l in enumerate(lines):
                c.drawString(LX + 22, st["y"] - 13 - li * 12, l)
            c.setFillColor(black)
            st["y"] = y0 - 6

        for sec in form["sections"]:
            need(46)
            c.setFillColor(dark)
            c.setFont("DejaVu-Bold", 10)
            c.drawString(LX, st["y"] - 10, sec["title"])
            c.setStrokeColor(dark)
            c.line(LX, st["y"] - 13, LX + LW, st["y"] - 13)
            c.setFillColor(black)
            st["y"] -= 20
            if sec["key"] == "agencies":
                cols = sec["cols"]
                lines = ["   |   ".join(r[f] or "-" for _, f in cols) for r in sec["rows"]]
                wl = []
                for l in lines:
                    wl += wrap(l, "DejaVu", 8, LW - 30)
                box(wl or [""], f"{sec['label']} - one per line: " + " | ".join(x for x, _ in cols), size=8)
                continue
            for it in sec["items"]:
                a = it["ans"]
                if a["kind"] == "choice":
                    if it["key"] == "i_type":
                        lines = [("\u2612 " if a["chosen"] == i else "\u2610 ") + o for i, o in enumerate(a["options"])]
                    else:
                        lines = wrap(_glyph_options(a), "DejaVu", 9, LW - 30)
                else:
                    lines = answer_lines(a, "DejaVu", 9, LW - 30)
                box(lines, it["label"])
        flush_key()
        c.showPage()
        c.save()
        return st["page"]

    return two_pass(render), {"boxes": sum(len(s["items"]) for s in form["sections"]) + 1}


# ---------------------------------------------------------------- shared: Word-saved ruled grid with hooks
def ruled_form(case, rng, meta, choice_mode, lw_frac=0.36, label_font="DejaVu", answer_font="DejaVu", top_gap=0):
    """A ruled label | answer form; returns (pdf bytes, marks) where marks are [(page, x, y, size)] of chosen boxes."""
    form = build_form(case)
    dark, light = HexColor(DARK[case.s["key"]]), HexColor(LIGHT[case.s["key"]])
    marks_all = {}

    def render(buf, total):
        marks = []
        c = make_canvas(buf, meta)
        LX, TW = 42, W - 84
        LW = TW * lw_frac
        AX, AW = LX + LW, TW - LW
        st = {"y": H - 60, "page": 1}

        def chrome():
            c.setFont("DejaVu-Bold", 8)
            c.setFillColor(HexColor("#C00000"))
            c.drawString(LX, H - 30, form["marking"])
            c.setFillColor(black)
            c.setFont("DejaVu", 8)
            c.drawRightString(W - 42, H - 30, form["partnership"])
            c.drawString(LX, 26, form["ref"])
            c.drawRightString(W - 42, 26, f"Page {st['page']}" + (f" of {total}" if total else ""))

        def newpage():
            c.showPage()
            st["page"] += 1
            st["y"] = H - 60
            chrome()

        def need(h):
            if st["y"] - h < 50:
                newpage()

        chrome()
        st["y"] -= top_gap
        c.setFont("DejaVu-Bold", 15)
        c.setFillColor(dark)
        for l in wrap(form["title"], "DejaVu-Bold", 15, TW):
            c.drawString(LX, st["y"], l)
            st["y"] -= 19
        c.setFillColor(black)
        c.setFont("DejaVu", 8.5)
        c.drawString(LX, st["y"], form["sender"])
        st["y"] -= 14
        extra = {"stamp": " Mark the box that applies.", "typed": ""}[choice_mode]
        for l in wrap(form["guidance"] + extra, "DejaVu", 8.5, TW):
            c.drawString(LX, st["y"], l)
            st["y"] -= 11
        st["y"] -= 8
        for sec in form["sections"]:
            need(44)
            c.setFillColor(dark)
            c.rect(LX, st["y"] - 17, TW, 17, fill=1, stroke=0)
            c.setFillColor(white)
            c.setFont("DejaVu-Bold", 9.5)
            c.drawString(LX + 5, st["y"] - 12, sec["title"])
            c.setFillColor(black)
            st["y"] -= 17
            if sec["key"] == "agencies":
                cols = sec["cols"]
                cw = TW / 3
                need(30)
                c.setFont("DejaVu-Bold", 8.5)
                c.drawString(LX + 4, st["y"] - 12, sec["label"])
                st["y"] -= 17
                rows = [[x for x, _ in cols]] + [[r[f] or "" for _, f in cols] for r in sec["rows"]] + [["", "", ""]]
                for ri, rr in enumerate(rows):
                    cells = [wrap(v, "DejaVu", 8.5, cw - 8) for v in rr]
                    h = max(len(x) for x in cells) * 11 + 7
                    need(h)
                    for ci, lines in enumerate(cells):
                        if ri == 0:
                            c.setFillColor(light)
                            c.rect(LX + ci * cw, st["y"] - h, cw, h, fill=1, stroke=0)
                            c.setFillColor(black)
                        c.setStrokeColor(HexColor("#808080"))
                        c.setLineWidth(0.5)
                        c.rect(LX + ci * cw, st["y"] - h, cw, h, fill=0, stroke=1)
                        c.setFont("DejaVu-Bold" if ri == 0 else answer_font, 8.5)
                        for li, l in enumerate(lines):
                            c.drawString(LX + ci * cw + 4, st["y"] - 11 - li * 11, l)
                    st["y"] -= h
                st["y"] -= 8
                continue
            for it in sec["items"]:
                a = it["ans"]
                llines = wrap(it["label"], label_font, 8.5, LW - 8)
                if a["kind"] == "choice" and choice_mode == "stamp":
                    vertical = it["key"] == "i_type"
                    n = len(a["options"])
                    h = max(len(llines) * 11 + 8, (15 * n + 6) if vertical else 20)
                    need(h)
                    x, y = AX + 6, st["y"] - 14
                    for i, o in enumerate(a["options"]):
                        c.setStrokeColor(black)
                        c.setLineWidth(0.7)
                        c.setFont(answer_font, 9)
                        c.drawString(x, y, o)
                        bx = x + pdfmetrics.stringWidth(o, answer_font, 9) + 5
                        c.rect(bx, y - 2, 10, 10, fill=0, stroke=1)
                        if a["chosen"] == i:
                            marks.append((st["page"] - 1, bx, y - 2, 10))
                        if vertical:
                            y -= 15
                        else:
                            x = bx + 26
                else:
                    vlines = [display(a)] if a["kind"] == "choice" else answer_lines(a, answer_font, 9, AW - 10)
                    h = max(len(llines), len(vlines)) * 11 + 8
                    need(h)
                    c.setFont(answer_font, 9)
                    c.setFillColor(HexColor("#1A1A1A"))
                    for li, l in enumerate(vlines):
                        c.drawString(AX + 5, st["y"] - 12 - li * 11, l)
                c.setFillColor(light)
                c.rect(LX, st["y"] - h, LW, h, fill=1, stroke=0)
                c.setFillColor(black)
                c.setFont(label_font, 8.5)
                for li, l in enumerate(llines):
                    c.drawString(LX + 4, st["y"] - 12 - li * 11, l)
                c.setStrokeColor(HexColor("#808080"))
                c.setLineWidth(0.5)
                c.rect(LX, st["y"] - h, LW, h, fill=0, stroke=1)
                c.rect(AX, st["y"] - h, AW, h, fill=0, stroke=1)
                st["y"] -= h
            st["y"] -= 8
        c.showPage()
        c.save()
        marks_all["m"] = marks
        return st["page"]

    data = two_pass(render)
    return data, marks_all["m"]


def _stream(w, data: bytes, bbox, resources=None):
    s = DecodedStreamObject()
    s.set_data(data)
    s.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
              NameObject("/BBox"): ArrayObject([FloatObject(v) for v in bbox])})
    if resources is not None:
        s[NameObject("/Resources")] = resources
    return w._add_object(s)


def _pdfdate(d: dt.date, hh=10, mm=0):
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{hh:02d}{mm:02d}00Z"


# ---------------------------------------------------------------- P-STAMPTICKS
def p_stampticks(case, rng):
    meta = {"title": f"{case.s['form_ref']} referral", "creator": "Microsoft® Word for Microsoft 365",
            "producer": "Microsoft® Word for Microsoft 365", "author": display(case.A["r_name"])}
    data, marks = ruled_form(case, rng, meta, "stamp", lw_frac=rng.choice([0.34, 0.38]))
    reader = PdfReader(io.BytesIO(data))
    w = PdfWriter(clone_from=reader)
    colour = rng.choice([(0.0, 0.5, 0.1), (0.1, 0.3, 0.8), (0.0, 0.0, 0.0)])
    name = "#D" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(21))
    who = display(case.A["r_name"])
    sz = 14
    ap_data = (f"q {colour[0]} {colour[1]} {colour[2]} RG 2.2 w 1 J 1 j 2 7.5 m 5.5 3 l 12.5 12.5 l S Q").encode()
    for k, (page, x, y, s) in enumerate(marks):
        ap = _stream(w, ap_data, [0, 0, sz, sz])
        rx, ry = x + s / 2 - sz / 2, y + s / 2 - sz / 2
        annot = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Stamp"),
            NameObject("/Rect"): ArrayObject([FloatObject(rx), FloatObject(ry), FloatObject(rx + sz), FloatObject(ry + sz)]),
            NameObject("/Name"): NameObject("/" + name), NameObject("/Subj"): TextStringObject("Tick"),
            NameObject("/T"): TextStringObject(who), NameObject("/F"): NumberObject(4),
            NameObject("/M"): TextStringObject(_pdfdate(case.dates["referral"], 11, k % 60)),
            NameObject("/CreationDate"): TextStringObject(_pdfdate(case.dates["referral"], 11, k % 60)),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
        })
        w.add_annotation(page, annot)
    w.add_metadata({"/Producer": "Adobe Acrobat Pro (64-bit) 24.2.20759", "/ModDate": _pdfdate(case.dates["referral"], 12)})
    out = io.BytesIO()
    w.write(out)
    return out.getvalue(), {"stamp_ticks": len(marks), "stamp_colour": colour}


# ---------------------------------------------------------------- P-FORWARDED
NEIGHBOURS = {"hollinsford_feeding": "Marsby", "quarley_rj": "Kettleburn", "tenterby_fdac": "Wexholm",
              "ravelby_warmhomes": "Scarth Valley", "linmouth_smokefree": "Aldcombe and Rye", "dunstow_triage": "Pelham",
              "aireby_gambling": "Wharfedale East", "crowlingham_lwa": "Saxby and Holt"}


def p_forwarded(case, rng):
    meta = {"title": f"{case.s['form_ref']} referral form", "creator": "Microsoft® Word 2019",
            "producer": "Microsoft® Word 2019", "author": display(case.A["r_name"])}
    data, _ = ruled_form(case, rng, meta, "typed", lw_frac=rng.choice([0.32, 0.4]),
                         answer_font=rng.choice(["DejaVu", "DejaVuSerif"]), top_gap=50)
    reader = PdfReader(io.BytesIO(data))
    w = PdfWriter(clone_from=reader)
    nb = NEIGHBOURS[case.s["key"]] + " Safeguarding Children Partnership"
    recv = case.dates["referral"] + dt.timedelta(days=rng.randint(0, 1))
    fwd = recv + dt.timedelta(days=rng.randint(1, 3))
    bu = f"{rng.choice(['Sam', 'Jo', 'Chris', 'Nicola', 'Dev'])} {rng.choice(['Hartley', 'Nuttall', 'Brennan', 'Osei'])}"
    ini = "".join(p[0] for p in bu.split())
    dstr = f"{recv.day:02d} {MON[recv.month - 1].upper()} {recv.year}"
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    res = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)})})
    sw, sh = 150, 46
    ap = (f"q 0.75 0 0 RG 1.5 w 2 2 {sw - 4} {sh - 4} re S 0.75 0 0 rg BT /F1 12 Tf 10 30 Td (RECEIVED) Tj "
          f"/F1 10 Tf 0 -12 Td ({dstr}) Tj /F1 6.5 Tf 0 -10 Td ({nb[:44]}) Tj ET Q").encode("latin-1")
    x0, y0 = W - 42 - sw - rng.randint(0, 60), H - 36 - sh - rng.randint(0, 6)
    stamp = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Stamp"),
        NameObject("/Rect"): ArrayObject([FloatObject(x0), FloatObject(y0), FloatObject(x0 + sw), FloatObject(y0 + sh)]),
        NameObject("/Name"): NameObject("/Received"), NameObject("/Subj"): TextStringObject("Received"),
        NameObject("/T"): TextStringObject(bu), NameObject("/F"): NumberObject(4),
        NameObject("/Contents"): TextStringObject(f"RECEIVED {dstr}"),
        NameObject("/M"): TextStringObject(_pdfdate(recv, 9, 12)),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): _stream(w, ap, [0, 0, sw, sh], res)}),
    })
    w.add_annotation(0, stamp)
    note = (f"Not our area - child lives in {case.town}. Forwarded to {case.s['partnership']} "
            f"{fmt_date(fwd, 'dmy0')}. Ref {case.s['p_short'][:1]}{rng.randint(1000, 9999)}. {ini}")
    text = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Text"),
        NameObject("/Rect"): ArrayObject([FloatObject(W - 40), FloatObject(H - 80), FloatObject(W - 20), FloatObject(H - 60)]),
        NameObject("/Contents"): TextStringObject(note), NameObject("/T"): TextStringObject(bu),
        NameObject("/Name"): NameObject("/Comment"), NameObject("/F"): NumberObject(4), NameObject("/Open"): BooleanObject(False),
        NameObject("/M"): TextStringObject(_pdfdate(fwd, 14, 3)),
    })
    w.add_annotation(0, text)
    da = "0 0 1 rg /Helv 9 Tf"
    ft_text = f"Forwarded {fmt_date(fwd, 'dmy0')} - {ini}"
    ftres = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)})})
    ft_ap = f"q 0 0 0.8 rg BT /F1 9 Tf 2 5 Td ({ft_text}) Tj ET Q".encode("latin-1")
    fx, fy = 42, H - 58
    free = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
        NameObject("/Rect"): ArrayObject([FloatObject(fx), FloatObject(fy), FloatObject(fx + 170), FloatObject(fy + 16)]),
        NameObject("/Contents"): TextStringObject(ft_text), NameObject("/DA"): TextStringObject(da),
        NameObject("/T"): TextStringObject(bu), NameObject("/F"): NumberObject(4),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): _stream(w, ft_ap, [0, 0, 170, 16], ftres)}),
    })
    w.add_annotation(0, free)
    w.add_metadata({"/Producer": "Adobe Acrobat Pro (64-bit) 23.8.20470", "/ModDate": _pdfdate(fwd, 14, 5)})
    out = io.BytesIO()
    w.write(out)
    return out.getvalue(), {"forwarded_by": nb, "received": recv.isoformat(), "forwarded": fwd.isoformat()}


# ---------------------------------------------------------------- P-STEPS
def p_steps(case, rng):
    form = build_form(case)
    s = case.s
    dark, light = HexColor(DARK[s["key"]]), HexColor(LIGHT[s["key"]])
    secs = form["sections"]
    steps = [sec["title"].split("  ")[-1].split(". ")[-1] for sec in secs]
    domain = s["p_email"].split("@")[1]
    K = len(secs)
    printed = dt.datetime.combine(case.dates["referral"], dt.time(9 + case.n % 6, (case.n * 13) % 50))
    DATE_KEYS = {"ref_date", "c_dob", "c_dod", "i_date", "i_aware", "p_date"}
    buf = io.BytesIO()
    c = make_canvas(buf, {"title": f"Make a referral - {s['p_short']}", "producer": "Skia/PDF m131",
                          "creator": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                     "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"})
    LX, TW = 48, W - 96
    st = {"y": 0, "sub": 1}
    counts = {"radios": 0, "date_inputs": 0}

    def chrome(k, minute):
        t = printed + dt.timedelta(minutes=minute)
        c.setFont("DejaVu", 7)
        c.setFillColor(black)
        c.drawString(20, H - 16, f"{t.day:02d}/{t.month:02d}/{t.year}, {t.hour:02d}:{t.minute:02d}")
        c.drawCentredString(W / 2, H - 16, f"Make a referral - step {k + 1} of {K} - {s['partnership']}"[:95])
        c.drawString(20, 12, f"https://{domain}/refer/step-{k + 1}")
        c.drawRightString(W - 20, 12, f"{st['sub']}/{st['pages']}")
        c.setFillColor(dark)
        c.rect(0, H - 62, W, 36, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("DejaVu-Bold", 12)
        c.drawString(LX, H - 49, s["partnership"])
        c.setFillColor(black)

    def stepper(k):
        y = H - 84
        c.setFont("DejaVu", 6.3)
        per = TW / K
        for i, name in enumerate(steps):
            cx = LX + per * i + per / 2
            c.setFillColor(dark if i <= k else HexColor("#BFBFBF"))
            c.circle(cx, y, 6, fill=1, stroke=0)
            c.setFillColor(white)
            c.setFont("DejaVu-Bold", 6.5)
            c.drawCentredString(cx, y - 2.3, str(i + 1))
            c.setFillColor(black if i == k else HexColor("#7F7F7F"))
            c.setFont("DejaVu", 6)
            for li, l in enumerate(wrap(name, "DejaVu", 6, per - 4)[:2]):
                c.drawCentredString(cx, y - 14 - li * 7, l)
        c.setFillColor(black)
        return y - 36

    def plan_step(sec):
        """Returns a list of (height, draw_fn) blocks."""
        blocks = []

        def lab_lines(t):
            return wrap(t, "DejaVu-Bold", 9.5, TW)

        if sec["key"] == "agencies":
            rows = sec["rows"]
            for ri, r in enumerate(rows):
                def draw(y, r=r, ri=ri):
                    c.setFont("DejaVu-Bold", 10)
                    c.drawString(LX, y - 12, f"{sec['label']} - {ri + 1}")
                    yy = y - 22
                    for lab, f in sec["cols"]:
                        c.setFont("DejaVu", 8.5)
                        c.drawString(LX + 8, yy - 9, lab)
                        c.setStrokeColor(HexColor("#505050"))
                        c.roundRect(LX + 8, yy - 30, TW - 16, 18, 3, fill=0, stroke=1)
                        c.setFont("DejaVu", 9.5)
                        c.drawString(LX + 13, yy - 25, r[f] or "")
                        yy -= 36
                blocks.append((22 + 36 * len(sec["cols"]) + 8, draw))

            def add_more(y):
                c.setFillColor(HexColor("#1D70B8"))
                c.setFont("DejaVu", 9)
                c.drawString(LX, y - 12, "+ Add another agency")
                c.setFillColor(black)
            blocks.append((22, add_more))
            return blocks
        for it in sec["items"]:
            a = it["ans"]
            ll = lab_lines(it["label"])
            if a["kind"] == "choice":
                vertical = True
                n = len(a["options"])
                h = 12 * len(ll) + 18 * n + 10

                def draw(y, a=a, ll=ll):
                    c.setFont("DejaVu-Bold", 9.5)
                    for li, l in enumerate(ll):
                        c.drawString(LX, y - 11 - li * 12, l)
                    yy = y - 12 * len(ll) - 14
                    for i, o in enumerate(a["options"]):
                        c.setStrokeColor(HexColor("#0B0C0C"))
                        c.setLineWidth(1.2)
                        c.circle(LX + 8, yy, 6.5, fill=0, stroke=1)
                        if a["chosen"] == i:
                            c.setFillColor(HexColor("#0B0C0C"))
                            c.circle(LX + 8, yy, 3.5, fill=1, stroke=0)
                        c.setFillColor(black)
                        c.setFont("DejaVu", 9.5)
                        c.drawString(LX + 20, yy - 3.3, o)
                        yy -= 18
                    c.setLineWidth(1)
                counts["radios"] += 1
                blocks.append((h, draw))
            elif it["key"] in DATE_KEYS and a["kind"] == "date":
                h = 12 * len(ll) + 44
                d = a["date"]
                pad = rng.random() < 0.5
                vals = ("", "", "") if d is None else ((f"{d.day:02d}", f"{d.month:02d}", str(d.year)) if pad else (str(d.day), str(d.month), str(d.year)))

                def draw(y, ll=ll, vals=vals):
                    c.setFont("DejaVu-Bold", 9.5)
                    for li, l in enumerate(ll):
                        c.drawString(LX, y - 11 - li * 12, l)
                    yy = y - 12 * len(ll) - 6
                    x = LX
                    for cap, v, wd in (("Day", vals[0], 34), ("Month", vals[1], 34), ("Year", vals[2], 52)):
                        c.setFont("DejaVu", 8)
                        c.drawString(x, yy - 8, cap)
                        c.setStrokeColor(HexColor("#0B0C0C"))
                        c.rect(x, yy - 30, wd, 19, fill=0, stroke=1)
                        c.setFont("DejaVu", 10)
                        c.drawString(x + 5, yy - 25, v)
                        x += wd + 14
                counts["date_inputs"] += 1
                blocks.append((h, draw))
            else:
                big = a["kind"] in ("paras", "lines") or it["key"] in ("k_reason", "concerns")
                vl = answer_lines(a, "DejaVu", 9.5, TW - 14)
                bh = (max(3, len(vl)) * 12 + 10) if big else 20
                h = 12 * len(ll) + bh + 14

                def draw(y, ll=ll, vl=vl, bh=bh):
                    c.setFont("DejaVu-Bold", 9.5)
                    for li, l in enumerate(ll):
                        c.drawString(LX, y - 11 - li * 12, l)
                    yy = y - 12 * len(ll) - 4
                    c.setStrokeColor(HexColor("#0B0C0C"))
                    c.rect(LX, yy - bh, TW, bh, fill=0, stroke=1)
                    c.setFont("DejaVu", 9.5)
                    for li, l in enumerate(vl):
                        c.drawString(LX + 6, yy - 13 - li * 12, l)
                blocks.append((h, draw))
        return blocks

    minute = 0
    for k, sec in enumerate(secs):
        blocks = plan_step(sec)
        # paginate this step
        pages, cur, avail0 = [], [], H - 62 - 60 - 40 - 70
        used = 0
        for h, fn in blocks:
            if cur and used + h > avail0:
                pages.append(cur)
                cur, used = [], 0
            cur.append((h, fn))
            used += h
        pages.append(cur)
        st["pages"] = len(pages)
        for pi, pg in enumerate(pages):
            st["sub"] = pi + 1
            chrome(k, minute)
            y = stepper(k)
            c.setFont("DejaVu", 8.5)
            c.setFillColor(HexColor("#505A5F"))
            c.drawString(LX, y, f"Step {k + 1} of {K}")
            c.setFillColor(black)
            c.setFont("DejaVu-Bold", 16)
            c.drawString(LX, y - 20, sec["title"])
            y -= 34
            if k == 0 and pi == 0:
                c.setFont("DejaVu", 8)
                for l in wrap(form["guidance"], "DejaVu", 8, TW):
                    c.drawString(LX, y - 8, l)
                    y -= 10
                y -= 8
            for h, fn in pg:
                fn(y)
                y -= h
            if pi == len(pages) - 1:
                c.setFillColor(HexColor("#00703C"))
                c.rect(LX, y - 34, 140, 26, fill=1, stroke=0)
                c.setFillColor(white)
                c.setFont("DejaVu-Bold", 10)
                c.drawCentredString(LX + 70, y - 25, "Save and continue")
                c.setFillColor(HexColor("#1D70B8"))
                c.setFont("DejaVu", 9)
                c.drawString(LX + 160, y - 25, "Back")
                c.setFillColor(black)
            c.showPage()
        minute += rng.randint(1, 4)
    c.save()
    return buf.getvalue(), {"steps": K, "radio_groups": counts["radios"], "date_inputs": counts["date_inputs"]}


PDF_LAYOUTS = {"P-OUTLINED": p_outlined, "P-KEYED": p_keyed, "P-STAMPTICKS": p_stampticks, "P-FORWARDED": p_forwarded,
               "P-STEPS": p_steps}
