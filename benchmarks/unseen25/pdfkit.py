"""Shared PDF pieces: fonts, wrapping, a ruled label | answer sheet drawn with reportlab, raw content-stream text,
AcroForm widgets with appearance streams built with pypdf objects."""

from __future__ import annotations

import hashlib
import io
import os

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from model import Agencies, Choice, Field

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
_REG = False


def register_fonts():
    global _REG
    if _REG:
        return
    for name, fn in [("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                     ("DejaVuSerif", "DejaVuSerif.ttf"), ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
                     ("DejaVuSansCondensed", "DejaVuSansCondensed.ttf"),
                     ("DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONT_DIR, fn)))
    _REG = True


def new_canvas(buf, pagesize=A4, producer="", creator="", title="", author="", subject=""):
    register_fonts()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setProducer(producer)
    c.setCreator(creator)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    return c


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for para in (text or "").split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            cand = (line + " " + w) if line else w
            if pdfmetrics.stringWidth(cand, font, size) <= width or not line:
                line = cand
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


def answer_lines(it: Field, font, size, width) -> list[str]:
    if it.paras:
        out = []
        for i, p in enumerate(it.paras):
            if i:
                out.append("")
            out += wrap(p, font, size, width)
        return out
    if it.lines:
        out = []
        for ln in it.lines:
            out += wrap(ln, font, size, width)
        return out
    return wrap(it.text or "", font, size, width) if it.text else []


# ------------------------------------------------------------------ the ruled sheet
class Sheet:
    """Draws sections as ruled label | answer rows and records where every answer sits."""

    def __init__(self, c, form, *, media=A4, trim_origin=(0.0, 0.0), trim=A4, margin=40, lw=175, font="Helvetica",
                 bold="Helvetica-Bold", size=9.0, lsize=8.5, bar_fill=(0.12, 0.22, 0.40), label_fill=(0.93, 0.93, 0.93),
                 draw_answers=True, choice_style="glyph", ans_font=None, furniture=None, header_h=34, footer_h=34,
                 glyph_font="DejaVuSans"):
        self.c = c
        self.form = form
        self.ox, self.oy = trim_origin
        self.tw, self.th = trim
        self.margin = margin
        self.x0 = self.ox + margin
        self.x1 = self.ox + self.tw - margin
        self.W = self.x1 - self.x0
        self.lw = lw
        self.font, self.bold, self.size, self.lsize = font, bold, size, lsize
        self.ans_font = ans_font or font
        self.bar_fill, self.label_fill = bar_fill, label_fill
        self.draw_answers = draw_answers
        self.choice_style = choice_style
        self.glyph_font = glyph_font
        self.top = self.oy + self.th - header_h - 10
        self.bottom = self.oy + footer_h + 12
        self.page = 0
        self.y = self.top
        self.furniture = furniture
        self.records = []       # answer geometry for overlays / widgets
        self.lead = size + 2.6
        self.started = False

    # -------------------------------------------------------------- pages
    def start(self):
        self.page = 1
        self.y = self.top
        if self.furniture:
            self.furniture(self.c, self, self.page)
        self.started = True

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        if self.furniture:
            self.furniture(self.c, self, self.page)

    def ensure(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    # -------------------------------------------------------------- blocks
    def title(self, org, title, guidance, color=(0.12, 0.22, 0.40)):
        c = self.c
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.setFont(self.bold, 9)
        c.drawString(self.x0, self.y - 10, org)
        c.setFillColorRGB(*color)
        c.setFont(self.bold, 15)
        lines = wrap(title, self.bold, 15, self.W)
        yy = self.y - 30
        for ln in lines:
            c.drawString(self.x0, yy, ln)
            yy -= 18
        c.setFillColorRGB(0.25, 0.25, 0.25)
        c.setFont(self.font, 8)
        for ln in wrap(guidance, self.font, 8, self.W):
            c.drawString(self.x0, yy, ln)
            yy -= 10
        self.y = yy - 8
        c.setFillColorRGB(0, 0, 0)

    def bar(self, title):
        self.ensure(40)
        c = self.c
        h = 15
        c.setFillColorRGB(*self.bar_fill)
        c.rect(self.x0, self.y - h, self.W, h, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(self.bold, 9.5)
        c.drawString(self.x0 + 4, self.y - h + 4.2, title)
        c.setFillColorRGB(0, 0, 0)
        self.y -= h

    def _label(self, text, x, ytop, w, h, fill=True):
        c = self.c
        if fill:
            c.setFillColorRGB(*self.label_fill)
            c.rect(x, ytop - h, w, h, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setFont(self.bold, self.lsize)
        yy = ytop - self.lsize - 3
        for ln in wrap(text, self.bold, self.lsize, w - 6):
            c.drawString(x + 3, yy, ln)
            yy -= self.lsize + 2

    def _box(self, x, ytop, w, h):
        c = self.c
        c.setLineWidth(0.5)
        c.rect(x, ytop - h, w, h, stroke=1, fill=0)

    def _text_lines(self, lines, x, ytop, font=None, size=None):
        c = self.c
        font = font or self.ans_font
        size = size or self.size
        c.setFont(font, size)
        yy = ytop - size - 3
        for ln in lines:
            if ln:
                c.drawString(x + 3, yy, ln)
            yy -= size + 2.6

    def field(self, it: Field, extra_h=0.0, min_lines=1, rec_extra=None):
        aw = self.W - self.lw
        long = it.paras is not None or it.kind == "long"
        if long:
            lab_lines = wrap(it.label, self.bold, self.lsize, self.W - 6)
            lh = len(lab_lines) * (self.lsize + 2) + 6
            lines = answer_lines(it, self.ans_font, self.size, self.W - 8)
            ah = max(len(lines), 3) * self.lead + 8 + extra_h
            self.ensure(lh + ah)
            self._label(it.label, self.x0, self.y, self.W, lh)
            self._box(self.x0, self.y, self.W, lh)
            self.y -= lh
            rect = (self.x0, self.y - ah, self.W, ah)
            self._box(self.x0, self.y, self.W, ah)
            if self.draw_answers:
                self._text_lines(lines, self.x0, self.y)
            self.records.append(dict(item=it, kind="long", page=self.page, rect=rect, lines=lines, **(rec_extra or {})))
            self.y -= ah
            return rect
        lines = answer_lines(it, self.ans_font, self.size, aw - 8)
        lab_lines = wrap(it.label, self.bold, self.lsize, self.lw - 6)
        h = max(len(lab_lines) * (self.lsize + 2) + 6, max(len(lines), min_lines) * self.lead + 7, 17) + extra_h
        self.ensure(h)
        self._label(it.label, self.x0, self.y, self.lw, h)
        self._box(self.x0, self.y, self.lw, h)
        self._box(self.x0 + self.lw, self.y, aw, h)
        rect = (self.x0 + self.lw, self.y - h, aw, h)
        if self.draw_answers:
            self._text_lines(lines, self.x0 + self.lw, self.y)
        self.records.append(dict(item=it, kind="field", page=self.page, rect=rect, lines=lines, **(rec_extra or {})))
        self.y -= h
        return rect

    def choice(self, it: Choice):
        c = self.c
        aw = self.W - self.lw
        x = self.x0 + self.lw + 6
        lab_lines = wrap(it.label, self.bold, self.lsize, self.lw - 6)
        vertical = it.kind == "itype"
        # positions of each option
        opts = []
        if vertical:
            n = len(it.options) + 1
            h = max(n * 13 + 8, len(lab_lines) * (self.lsize + 2) + 6)
        else:
            widths = [pdfmetrics.stringWidth(o, self.font, self.size) + 26 for o in it.options]
            rows = 1
            cur = 0
            for w in widths:
                if cur + w > aw - 12:
                    rows += 1
                    cur = 0
                cur += w
            h = max(rows * 14 + 6, len(lab_lines) * (self.lsize + 2) + 6, 18)
        self.ensure(h)
        ytop = self.y
        self._label(it.label, self.x0, ytop, self.lw, h)
        self._box(self.x0, ytop, self.lw, h)
        self._box(self.x0 + self.lw, ytop, aw, h)
        if vertical:
            yy = ytop - 13
            for i, o in enumerate(it.options):
                opts.append(self._option(x, yy, o, i == it.chosen))
                yy -= 13
            dl = (it.detail_label or "Details") + ":"
            c.setFont(self.font, self.size - 0.5)
            c.drawString(x, yy, dl)
            dx = x + pdfmetrics.stringWidth(dl, self.font, self.size - 0.5) + 4
            detail_rect = (dx, yy - 3, self.x1 - dx - 6, 12)
            if self.draw_answers and it.detail:
                c.setFont(self.ans_font, self.size)
                c.drawString(dx, yy, it.detail)
        else:
            detail_rect = None
            cx = x
            yy = ytop - 13
            for i, o in enumerate(it.options):
                w = pdfmetrics.stringWidth(o, self.font, self.size) + 26
                if cx + w > self.x0 + self.W - 6:
                    cx = x
                    yy -= 14
                opts.append(self._option(cx, yy, o, i == it.chosen))
                cx += w
        self.records.append(dict(item=it, kind="choice", page=self.page, rect=(self.x0 + self.lw, ytop - h, aw, h),
                                 options=opts, detail_rect=detail_rect))
        self.y -= h

    def _option(self, x, y, word, chosen):
        """Draw one option; returns the square (x, y, s) and the word position."""
        c = self.c
        s = 8
        if self.choice_style == "glyph":
            g = "☒" if (chosen and self.draw_answers) else "☐"
            c.setFont(self.glyph_font, self.size + 1)
            c.drawString(x, y, g)
            c.setFont(self.font, self.size)
            c.drawString(x + 12, y, word)
            return dict(square=(x, y - 1, s), word=word, wx=x + 12)
        c.setLineWidth(0.6)
        c.rect(x, y - 1, s, s, stroke=1, fill=0)
        if chosen and self.draw_answers and self.choice_style == "square_x":
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x + 1.4, y, "X")
        c.setFont(self.font, self.size)
        c.drawString(x + s + 4, y, word)
        return dict(square=(x, y - 1, s), word=word, wx=x + s + 4)

    def agencies(self, ag: Agencies, blank_worker=""):
        c = self.c
        widths = [self.W * 0.37, self.W * 0.28, self.W * 0.35]
        xs = [self.x0, self.x0 + widths[0], self.x0 + widths[0] + widths[1]]
        hh = 15
        self.ensure(hh + 20)
        c.setFillColorRGB(*self.label_fill)
        c.rect(self.x0, self.y - hh, self.W, hh, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(self.bold, self.lsize)
        for x, h_, w in zip(xs, ag.headers, widths):
            c.drawString(x + 3, self.y - hh + 4.5, h_)
            self._box(x, self.y, w, hh)
        self.y -= hh
        rows_geo = []
        for vals in ag.rows + [["", "", ""]] * ag.spare:
            shown = [vals[0], vals[1] or (blank_worker if vals[0] else ""), vals[2]]
            cells = [wrap(v, self.ans_font, self.size, w - 6) if v else [] for v, w in zip(shown, widths)]
            h = max(max(len(x) for x in cells) * self.lead + 6, 16)
            self.ensure(h)
            geo = []
            for x, w, lines in zip(xs, widths, cells):
                self._box(x, self.y, w, h)
                if self.draw_answers:
                    self._text_lines(lines, x, self.y)
                geo.append((x, self.y - h, w, h, lines))
            rows_geo.append((shown, geo, any(vals)))
            self.y -= h
        self.records.append(dict(item=ag, kind="agencies", page=self.page, rows=rows_geo))

    def gap(self, h=8):
        self.y -= h

    def note(self, text, size=7.5, italic=False, color=(0.3, 0.3, 0.3)):
        c = self.c
        f = "Helvetica-Oblique" if italic else self.font
        lines = wrap(text, f, size, self.W)
        self.ensure(len(lines) * (size + 2) + 4)
        c.setFillColorRGB(*color)
        c.setFont(f, size)
        for ln in lines:
            c.drawString(self.x0, self.y - size - 1, ln)
            self.y -= size + 2
        c.setFillColorRGB(0, 0, 0)
        self.y -= 3

    def render_sections(self, sections, blank_worker="", hook=None):
        for sec in sections:
            self.bar(sec.title)
            for it in sec.items:
                if hook and hook(self, sec, it, "before"):
                    continue
                if isinstance(it, Agencies):
                    self.agencies(it, blank_worker)
                elif isinstance(it, Choice):
                    self.choice(it)
                else:
                    self.field(it)
                if hook:
                    hook(self, sec, it, "after")
            self.gap(8)


def std_furniture(form, font="Helvetica", bold="Helvetica-Bold", version="v1"):
    s = form.s

    def draw(c, sh, page):
        top = sh.oy + sh.th
        c.setFont(bold, 8)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(sh.x0, top - 22, s["marking"])
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.setFont(font, 7.5)
        c.drawRightString(sh.x1, top - 22, s["partnership"])
        c.setLineWidth(0.4)
        c.line(sh.x0, top - 27, sh.x1, top - 27)
        c.setFont(font, 7)
        c.drawString(sh.x0, sh.oy + 20, f"{s['form_ref']} {version}")
        c.drawCentredString((sh.x0 + sh.x1) / 2, sh.oy + 20, s["marking"])
        c.drawRightString(sh.x1, sh.oy + 20, f"Page {page}")
        c.setFillColorRGB(0, 0, 0)

    return draw


# ------------------------------------------------------------------ raw content streams
def pdf_str(s: str) -> bytes:
    b = s.encode("cp1252", errors="replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_ops(font_res: str, size: float, x: float, y: float, lines: list[str], leading: float,
             rgb=(0, 0, 0)) -> bytes:
    out = b"BT\n" + f"/{font_res} {size:g} Tf {rgb[0]:g} {rgb[1]:g} {rgb[2]:g} rg\n".encode()
    first = True
    for ln in lines:
        if first:
            out += f"{x:.2f} {y:.2f} Td\n".encode()
            first = False
        else:
            out += f"0 {-leading:.2f} Td\n".encode()
        out += pdf_str(ln) + b" Tj\n"
    out += b"ET\n"
    return out


def helv_font_dict(name="Helvetica") -> DictionaryObject:
    return DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/" + name),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})


def zapf_font_dict() -> DictionaryObject:
    return DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/ZapfDingbats")})


def stream(writer: PdfWriter, data: bytes, extra: dict | None = None):
    st = DecodedStreamObject()
    st.set_data(data)
    for k, v in (extra or {}).items():
        st[NameObject(k)] = v
    return writer._add_object(st)


def fixed_id(seed_text: str) -> ArrayObject:
    h = hashlib.md5(seed_text.encode()).digest()
    return ArrayObject([ByteStringObject(h), ByteStringObject(h)])


def rect_arr(x, y, w, h):
    return ArrayObject([FloatObject(round(x, 2)), FloatObject(round(y, 2)), FloatObject(round(x + w, 2)),
                        FloatObject(round(y + h, 2))])


class Acro:
    """AcroForm widgets (text fields, radio groups, combo boxes) with appearance streams."""

    def __init__(self, writer: PdfWriter):
        self.w = writer
        self.helv = writer._add_object(helv_font_dict())
        self.zadb = writer._add_object(zapf_font_dict())
        self.fields = []          # top-level field refs
        self.co = []              # calculation order
        self.page_annots = {}     # page index -> [refs]

    def _annot(self, page_idx, ref):
        self.page_annots.setdefault(page_idx, []).append(ref)

    def _xobj(self, w, h, content: bytes, fonts=("helv",)):
        res = DictionaryObject()
        fd = DictionaryObject()
        if "helv" in fonts:
            fd[NameObject("/Helv")] = self.helv
        if "zadb" in fonts:
            fd[NameObject("/ZaDb")] = self.zadb
        res[NameObject("/Font")] = fd
        return stream(self.w, content, {"/Type": NameObject("/XObject"), "/Subtype": NameObject("/Form"),
                                        "/BBox": ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(w, 2)),
                                                              FloatObject(round(h, 2))]),
                                        "/Resources": res})

    def text_ap(self, w, h, lines, size=9.0, multiline=False, fill=None):
        body = b""
        if fill:
            body += f"{fill[0]:g} {fill[1]:g} {fill[2]:g} rg 0 0 {w:.2f} {h:.2f} re f\n".encode()
        body += b"/Tx BMC\nq\n" + f"1 1 {w - 2:.2f} {h - 2:.2f} re W n\n".encode()
        if lines:
            y = (h - size - 2.5) if multiline else (h - size) / 2 + 1.5
            body += text_ops("Helv", size, 2, y, lines, size + 2.4)
        body += b"Q\nEMC\n"
        return self._xobj(w, h, body)

    def text(self, page_idx, page_ref, name, rect, value, *, multiline=False, size=9.0, tooltip=None, readonly=False,
             parent=None, aa=None, fill=None, lines=None):
        x, y, w, h = rect
        if lines is None:
            lines = []
            for ln in (value or "").split("\n"):
                lines += wrap(ln, "Helvetica", size, w - 4) if multiline else [ln]
        ap = self.text_ap(w, h, [l for l in lines] if value else [], size, multiline, fill)
        d = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(name),
            NameObject("/Rect"): rect_arr(x, y, w, h), NameObject("/F"): NumberObject(4),
            NameObject("/P"): page_ref,
            NameObject("/DA"): TextStringObject(f"/Helv {size:g} Tf 0 g"),
            NameObject("/MK"): DictionaryObject({NameObject("/BC"): ArrayObject([FloatObject(0.5), FloatObject(0.5), FloatObject(0.5)])}),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
        })
        ff = 0
        if multiline:
            ff |= 4096
        if readonly:
            ff |= 1
        if ff:
            d[NameObject("/Ff")] = NumberObject(ff)
        if value:
            d[NameObject("/V")] = TextStringObject(value)
        if tooltip:
            d[NameObject("/TU")] = TextStringObject(tooltip)
        if aa:
            d[NameObject("/AA")] = aa
        ref = self.w._add_object(d)
        if parent is not None:
            d[NameObject("/Parent")] = parent
            parent.get_object()[NameObject("/Kids")].append(ref)
        else:
            self.fields.append(ref)
        self._annot(page_idx, ref)
        return ref

    def radio(self, page_idx, page_ref, name, squares, exports, chosen, *, tooltip=None, parent=None, style="circle"):
        on_char = b"l" if style == "circle" else b"4"
        kids = ArrayObject()
        par = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(name),
                                NameObject("/Ff"): NumberObject(49152), NameObject("/Kids"): kids})
        if tooltip:
            par[NameObject("/TU")] = TextStringObject(tooltip)
        par[NameObject("/V")] = NameObject("/" + exports[chosen]) if chosen is not None else NameObject("/Off")
        pref = self.w._add_object(par)
        for i, ((x, y, s), ex) in enumerate(zip(squares, exports)):
            s2 = s + 2
            on = self._xobj(s2, s2, b"q 0 g BT /ZaDb " + f"{s2 - 2:.1f}".encode() + b" Tf 1.2 1.6 Td (" + on_char +
                            b") Tj ET Q\n", fonts=("zadb",))
            off = self._xobj(s2, s2, b"")
            kid = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/Parent"): pref, NameObject("/Rect"): rect_arr(x - 1, y - 1, s2, s2),
                NameObject("/F"): NumberObject(4), NameObject("/P"): page_ref,
                NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject(on_char.decode())}),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject(
                    {NameObject("/" + ex): on, NameObject("/Off"): off})}),
                NameObject("/AS"): NameObject("/" + ex) if chosen == i else NameObject("/Off"),
            })
            kref = self.w._add_object(kid)
            kids.append(kref)
            self._annot(page_idx, kref)
        if parent is not None:
            par[NameObject("/Parent")] = parent
            parent.get_object()[NameObject("/Kids")].append(pref)
        else:
            self.fields.append(pref)
        return pref

    def combo(self, page_idx, page_ref, name, rect, options, chosen, *, tooltip=None, size=9.0):
        x, y, w, h = rect
        val = options[chosen] if chosen is not None else " "
        ap = self.text_ap(w, h, [val] if chosen is not None else [], size)
        d = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Ch"), NameObject("/Ff"): NumberObject(131072),
            NameObject("/T"): TextStringObject(name), NameObject("/Rect"): rect_arr(x, y, w, h),
            NameObject("/F"): NumberObject(4), NameObject("/P"): page_ref,
            NameObject("/Opt"): ArrayObject([TextStringObject(" ")] + [TextStringObject(o) for o in options]),
            NameObject("/V"): TextStringObject(val),
            NameObject("/DA"): TextStringObject(f"/Helv {size:g} Tf 0 g"),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
        })
        if tooltip:
            d[NameObject("/TU")] = TextStringObject(tooltip)
        ref = self.w._add_object(d)
        self.fields.append(ref)
        self._annot(page_idx, ref)
        return ref

    def group(self, name, parent=None):
        d = DictionaryObject({NameObject("/T"): TextStringObject(name), NameObject("/Kids"): ArrayObject()})
        ref = self.w._add_object(d)
        if parent is not None:
            d[NameObject("/Parent")] = parent
            parent.get_object()[NameObject("/Kids")].append(ref)
        else:
            self.fields.append(ref)
        return ref

    def finish(self, pages, extra=None):
        for idx, refs in self.page_annots.items():
            pg = pages[idx]
            ann = pg.get("/Annots")
            if ann is None:
                pg[NameObject("/Annots")] = ArrayObject(refs)
            else:
                ann.get_object().extend(refs)
        af = DictionaryObject({
            NameObject("/Fields"): ArrayObject(self.fields),
            NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
            NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                {NameObject("/Helv"): self.helv, NameObject("/ZaDb"): self.zadb})}),
        })
        if self.co:
            af[NameObject("/CO")] = ArrayObject(self.co)
        for k, v in (extra or {}).items():
            af[NameObject(k)] = v
        self.w._root_object[NameObject("/AcroForm")] = self.w._add_object(af)


def js_action(code: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})


def write(writer: PdfWriter, producer: str, creator: str, title: str, id_seed: str, extra_info=None) -> bytes:
    info = {"/Producer": producer, "/Creator": creator, "/Title": title}
    info.update(extra_info or {})
    writer.add_metadata(info)
    writer._ID = fixed_id(id_seed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def reader_writer(pdf_bytes: bytes) -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
