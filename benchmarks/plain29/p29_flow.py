"""A small page-flow engine over a reportlab canvas: wrapped rich-text paragraphs, bars, rules and ruled tables
whose rows may break across pages, laid out first and drawn at the end (so 'Page n of N' is known)."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_REG = False
LIB = "/usr/share/fonts/truetype/liberation"
DJV = "/usr/share/fonts/truetype/dejavu"


def register_fonts():
    global _REG
    if _REG:
        return
    for fam, base in (("Sans", "LiberationSans"), ("Serif", "LiberationSerif")):
        pdfmetrics.registerFont(TTFont(fam, f"{LIB}/{base}-Regular.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-B", f"{LIB}/{base}-Bold.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-I", f"{LIB}/{base}-Italic.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-BI", f"{LIB}/{base}-BoldItalic.ttf"))
    pdfmetrics.registerFont(TTFont("Glyph", f"{DJV}/DejaVuSans.ttf"))
    _REG = True


GLYPHS = set("\u2610\u2612\u2611\u2713\u2714")


@dataclass
class Run:
    text: str
    font: str = "Sans"
    size: float = 9.5
    color: str = "000000"


def runs_split_glyphs(runs):
    """Put box and tick glyphs into the DejaVu font (Liberation has none)."""
    out = []
    for r in runs:
        buf = ""
        for ch in r.text:
            if ch in GLYPHS:
                if buf:
                    out.append(Run(buf, r.font, r.size, r.color))
                    buf = ""
                out.append(Run(ch, "Glyph", r.size, r.color))
            else:
                buf += ch
        if buf:
            out.append(Run(buf, r.font, r.size, r.color))
    return out


def width_of(text, font, size):
    return pdfmetrics.stringWidth(text, font, size)


def wrap(runs, width, leading=1.22):
    """-> list of lines; a line is (height, [(x, text, font, size, color)])"""
    runs = runs_split_glyphs(runs)
    lines = []
    cur = []
    x = 0.0
    maxsz = max([r.size for r in runs] or [9.5])

    def flush():
        nonlocal cur, x
        # drop trailing spaces
        while cur and cur[-1][1].strip() == "":
            cur.pop()
        if cur:
            last = cur[-1]
            cur[-1] = (last[0], last[1].rstrip(), last[2], last[3], last[4])
        lines.append((maxsz * leading, cur))
        cur = []
        x = 0.0

    for r in runs:
        parts = r.text.split("\n")
        for pi, part in enumerate(parts):
            if pi:
                flush()
            tokens = re.findall(r"\S+|\s+", part)
            for tok in tokens:
                w = width_of(tok, r.font, r.size)
                if tok.isspace():
                    if not cur:
                        continue
                    cur.append((x, tok, r.font, r.size, r.color))
                    x += w
                    continue
                if x + w > width and cur:
                    flush()
                if w > width:
                    # break a long token (an e-mail address in a narrow cell) by characters
                    piece = ""
                    for ch in tok:
                        if width_of(piece + ch, r.font, r.size) > width and piece:
                            cur.append((x, piece, r.font, r.size, r.color))
                            flush()
                            piece = ""
                        piece += ch
                    tok, w = piece, width_of(piece, r.font, r.size)
                cur.append((x, tok, r.font, r.size, r.color))
                x += w
    if cur or not lines:
        flush()
    return lines


@dataclass
class TCell:
    paras: list = field(default_factory=list)   # list of list[Run]
    span: int = 1
    fill: str | None = None
    pad: float = 4.0
    border: bool = True
    align: str = "left"


@dataclass
class TRow:
    cells: list
    min_h: float = 0.0
    split: bool = True
    header: bool = False


class Doc:
    def __init__(self, margins=(62, 50, 58, 50), W=595.28, H=841.89):
        register_fonts()
        self.W, self.H = W, H
        self.top, self.right, self.bottom, self.left = margins
        self.pages: list[list] = []
        self.ops: list = []
        self.y = 0.0
        self.new_page()
        self.fields: list = []   # for AcroForm layouts: (page_index, rect, spec)

    @property
    def width(self):
        return self.W - self.left - self.right

    def new_page(self):
        self.ops = []
        self.pages.append(self.ops)
        self.y = self.H - self.top

    def room(self):
        return self.y - self.bottom

    def ensure(self, h):
        if self.room() < h:
            self.new_page()

    # -------------------------------------------------------------- primitives
    def text_line(self, x, y, segs):
        for (dx, text, font, size, color) in segs:
            if text:
                self.ops.append(("text", x + dx, y, text, font, size, color))

    def para(self, runs, x=None, width=None, before=0.0, after=3.0, leading=1.22, keep=0.0, align="left"):
        x = self.left if x is None else x
        width = (self.width - (x - self.left)) if width is None else width
        lines = wrap(runs, width, leading)
        total = sum(h for h, _ in lines)
        self.y -= before
        self.ensure(min(total, lines[0][0] * 2) + keep)
        for h, segs in lines:
            if self.room() < h:
                self.new_page()
            self.y -= h
            dx = 0.0
            if align in ("right", "center") and segs:
                lw = segs[-1][0] + width_of(segs[-1][1], segs[-1][2], segs[-1][3])
                dx = (width - lw) if align == "right" else (width - lw) / 2
            self.text_line(x + dx, self.y + h * 0.22, segs)
        self.y -= after

    def gap(self, h):
        self.y -= h
        if self.y < self.bottom:
            self.new_page()

    def bar(self, text, fill, color="FFFFFF", size=10.5, font="Sans-B", h=17, before=8, after=4, x=None, width=None):
        x = self.left if x is None else x
        width = self.width if width is None else width
        self.y -= before
        self.ensure(h + 40)
        self.ops.append(("rect", x, self.y - h, width, h, fill, None, 0))
        self.ops.append(("text", x + 5, self.y - h + (h - size) / 2 + 1.5, text, font, size, color))
        self.y -= h + after

    def rule(self, color="000000", lw=0.8, before=1, after=4, x=None, width=None):
        x = self.left if x is None else x
        width = self.width if width is None else width
        self.y -= before
        self.ops.append(("line", x, self.y, x + width, self.y, color, lw))
        self.y -= after

    # -------------------------------------------------------------- tables
    def _cell_lines(self, c: TCell, w):
        out = []
        for k, p in enumerate(c.paras):
            if k:
                out.append((6.0, []))   # paragraph gap
            out.extend(wrap(p, max(w - 2 * c.pad, 10)))
        return out

    def table(self, widths, rows, x=None, grid="808080", lw=0.5, repeat_header=True):
        x = self.left if x is None else x
        header_rows = [r for r in rows if r.header]
        for r in rows:
            self._row(widths, r, x, grid, lw, header_rows if repeat_header else [])

    def _row(self, widths, r: TRow, x, grid, lw, header_rows, continued=False):
        # cell geometry
        geo = []
        col = 0
        for c in r.cells:
            w = sum(widths[col:col + c.span])
            geo.append((x + sum(widths[:col]), w))
            col += c.span
        lines = [self._cell_lines(c, w) for c, (_, w) in zip(r.cells, geo)]
        heights = [sum(h for h, _ in ls) + 2 * c.pad for c, ls in zip(r.cells, lines)]
        need = max(max(heights), r.min_h)
        if need <= self.room():
            self._draw_row(r, geo, lines, need, grid, lw)
            return
        first_line = max((ls[0][0] if ls else 10) for ls in lines) + 8
        if r.split and not r.header and self.room() >= 3 * first_line and need > 3 * first_line:
            avail = self.room()
            now, later = [], []
            for c, ls in zip(r.cells, lines):
                acc, k = 2 * c.pad, 0
                while k < len(ls) and acc + ls[k][0] <= avail:
                    acc += ls[k][0]
                    k += 1
                now.append(ls[:k])
                later.append(ls[k:])
            self._draw_row(r, geo, now, avail, grid, lw)
            self.new_page()
            for hr in header_rows:
                self._row_simple(hr, geo_for(widths, hr, x), grid, lw, widths)
            rest = TRow(cells=[TCell(paras=[], span=c.span, fill=c.fill, pad=c.pad, border=c.border) for c in r.cells],
                        split=True)
            self._draw_rest(rest, geo, later, grid, lw, widths, header_rows, x)
            return
        self.new_page()
        for hr in header_rows:
            if hr is not r:
                self._row_simple(hr, geo_for(widths, hr, x), grid, lw, widths)
        self._row(widths, r, x, grid, lw, [h for h in header_rows if h is not r])

    def _draw_rest(self, r, geo, lines, grid, lw, widths, header_rows, x):
        heights = [sum(h for h, _ in ls) + 2 * c.pad for c, ls in zip(r.cells, lines)]
        need = max(heights)
        if need <= self.room():
            self._draw_row(r, geo, lines, need, grid, lw)
            return
        avail = self.room()
        now, later = [], []
        for c, ls in zip(r.cells, lines):
            acc, k = 2 * c.pad, 0
            while k < len(ls) and acc + ls[k][0] <= avail:
                acc += ls[k][0]
                k += 1
            now.append(ls[:k])
            later.append(ls[k:])
        self._draw_row(r, geo, now, avail, grid, lw)
        self.new_page()
        self._draw_rest(r, geo, later, grid, lw, widths, header_rows, x)

    def _row_simple(self, r, geo, grid, lw, widths):
        lines = [self._cell_lines(c, w) for c, (_, w) in zip(r.cells, geo)]
        heights = [sum(h for h, _ in ls) + 2 * c.pad for c, ls in zip(r.cells, lines)]
        self._draw_row(r, geo, lines, max(max(heights), r.min_h), grid, lw)

    def _draw_row(self, r, geo, lines, h, grid, lw):
        top = self.y
        for c, (cx, cw), ls in zip(r.cells, geo, lines):
            if c.fill:
                self.ops.append(("rect", cx, top - h, cw, h, c.fill, None, 0))
        for c, (cx, cw), ls in zip(r.cells, geo, lines):
            if c.border:
                self.ops.append(("rect", cx, top - h, cw, h, None, grid, lw))
            y = top - c.pad
            for lh, segs in ls:
                y -= lh
                dx = 0.0
                if c.align == "center" and segs:
                    lw_ = segs[-1][0] + width_of(segs[-1][1], segs[-1][2], segs[-1][3])
                    dx = (cw - 2 * c.pad - lw_) / 2
                self.text_line(cx + c.pad + dx, y + lh * 0.22, segs)
        self.y = top - h

    # -------------------------------------------------------------- output
    def render(self, *, header, footer, title, author, creator, producer, date_str, id_seed, subject=None) -> bytes:
        """header(c, page_no, n_pages, doc), footer(...) draw the running parts.  date_str 'YYYYmmddHHMMSS'."""
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(self.W, self.H), invariant=1, pageCompression=1)
        c.setTitle(title)
        c.setAuthor(author)
        c.setCreator(creator)
        c.setProducer(producer)
        if subject:
            c.setSubject(subject)
        n = len(self.pages)
        for pi, ops in enumerate(self.pages):
            header(c, pi + 1, n, self)
            for op in ops:
                kind = op[0]
                if kind == "text":
                    _, x, y, text, font, size, color = op
                    c.setFillColor(HexColor("#" + color))
                    c.setFont(font, size)
                    c.drawString(x, y, text)
                elif kind == "rect":
                    _, x, y, w, h, fill, stroke, lw = op
                    if fill:
                        c.setFillColor(HexColor("#" + fill))
                    if stroke:
                        c.setStrokeColor(HexColor("#" + stroke))
                        c.setLineWidth(lw)
                    c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
                elif kind == "line":
                    _, x1, y1, x2, y2, color, lw = op
                    c.setStrokeColor(HexColor("#" + color))
                    c.setLineWidth(lw)
                    c.line(x1, y1, x2, y2)
                elif kind == "circle":
                    _, x, y, r_, fill, stroke, lw = op
                    c.setStrokeColor(HexColor("#" + stroke))
                    c.setLineWidth(lw)
                    c.circle(x, y, r_, stroke=1, fill=0)
            footer(c, pi + 1, n, self)
            c.showPage()
        c.save()
        return fix_invariant(buf.getvalue(), date_str, id_seed)


def geo_for(widths, r, x):
    geo, col = [], 0
    for c in r.cells:
        w = sum(widths[col:col + c.span])
        geo.append((x + sum(widths[:col]), w))
        col += c.span
    return geo


def fix_invariant(data: bytes, date_str: str, id_seed: str) -> bytes:
    """reportlab's invariant mode writes fixed dates and a fixed /ID; replace them by same-length values taken from
    the case and the file name, so the xref stays valid and every file has its own stable ID."""
    assert len(date_str) == 14
    data = data.replace(b"D:20000101000000+00'00'", f"D:{date_str}+00'00'".encode())
    h = hashlib.md5(id_seed.encode()).hexdigest().encode()
    h2 = hashlib.md5((id_seed + "/2").encode()).hexdigest().encode()
    data = re.sub(rb"/ID \n\[<[0-9a-f]{32}><[0-9a-f]{32}>\]", b"/ID \n[<" + h + b"><" + h2 + b">]", data)
    return data
