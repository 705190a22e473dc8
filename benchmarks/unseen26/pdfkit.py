"""Drawing helpers for the PDF layouts: fonts, a flowing sheet with ruled label | answer rows
that break across pages, and pypdf post-processing (metadata, fixed document IDs)."""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_FONTS = {
    "DV": "DejaVuSans.ttf", "DV-B": "DejaVuSans-Bold.ttf", "DV-I": "DejaVuSans-Oblique.ttf",
    "DVS": "DejaVuSerif.ttf", "DVS-B": "DejaVuSerif-Bold.ttf", "DVC": "DejaVuSansCondensed.ttf",
    "DVC-B": "DejaVuSansCondensed-Bold.ttf", "DVM": "DejaVuSansMono.ttf",
}
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for name, fn in _FONTS.items():
        pdfmetrics.registerFont(TTFont(name, DEJAVU + fn))
    _registered = True


def hex2rgb(h: str):
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for part in (text or "").split("\n"):
        if not part:
            out.append("")
            continue
        for ln in simpleSplit(part, font, size, width) or [""]:
            # a word wider than the column (an e-mail address) breaks between characters
            while pdfmetrics.stringWidth(ln, font, size) > width and len(ln) > 1:
                k = len(ln)
                while k > 1 and pdfmetrics.stringWidth(ln[:k], font, size) > width:
                    k -= 1
                out.append(ln[:k])
                ln = ln[k:]
            out.append(ln)
    return out


def answer_lines(fv, font, size, width, sep=" - ") -> list[str]:
    """Wrapped lines of an answer; paragraphs are separated by an empty line."""
    from common import answer_text
    if fv.filler is not None:
        return [fv.filler]
    if fv.kind == "paras" and fv.display:
        lines = []
        for i, p in enumerate(fv.display):
            if i:
                lines.append("")
            lines.extend(wrap(p, font, size, width))
        return lines
    if fv.kind == "lines" and fv.display:
        lines = []
        for x in fv.display:
            lines.extend(wrap(x, font, size, width))
        return lines
    t = answer_text(fv, sep)
    return wrap(t, font, size, width) if t else [""]


class Sheet:
    """A page flow on a reportlab canvas: draws rows top-down and starts new pages as needed."""

    def __init__(self, c, page_w, page_h, x0, width, top, bottom, on_page=None):
        self.c = c
        self.pw, self.ph = page_w, page_h
        self.x0, self.w = x0, width
        self.top, self.bottom = top, bottom
        self.y = top
        self.page = 1
        self.on_page = on_page      # called with (sheet) at the start of every page (header/footer)
        if on_page:
            on_page(self)

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        if self.on_page:
            self.on_page(self)

    def need(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    def space(self, h):
        self.y -= h

    def text(self, s, font="Helvetica", size=10, color="000000", indent=0, leading=None, width=None):
        leading = leading or size * 1.25
        width = width or (self.w - indent)
        c = self.c
        for line in wrap(s, font, size, width):
            self.need(leading)
            c.setFont(font, size)
            c.setFillColorRGB(*hex2rgb(color))
            c.drawString(self.x0 + indent, self.y - size, line)
            self.y -= leading
        c.setFillColorRGB(0, 0, 0)

    def bar(self, s, fill="1F3864", fg="FFFFFF", size=10.5, font="Helvetica-Bold", h=None, keep=60):
        h = h or size * 1.9
        self.need(h + keep)
        c = self.c
        c.setFillColorRGB(*hex2rgb(fill))
        c.rect(self.x0, self.y - h, self.w, h, stroke=0, fill=1)
        c.setFillColorRGB(*hex2rgb(fg))
        c.setFont(font, size)
        c.drawString(self.x0 + 5, self.y - h + (h - size) / 2 + 1.5, s)
        c.setFillColorRGB(0, 0, 0)
        self.y -= h

    def kv(self, label, lines, lw, label_fill="E7ECF4", lfont="Helvetica-Bold", lsize=8.5, afont="Helvetica",
           asize=9.5, pad=3.5, stroke="808080", full=False, on_row=None, acolor="000000", cont_label=None):
        """A ruled label | answer row (or, with full=True, a label row over a full-width answer); long
        answers continue on the next page under '(continued)'."""
        c = self.c
        lead = asize * 1.22
        llead = lsize * 1.22
        if full:
            llines = wrap(label, lfont, lsize, self.w - 2 * pad)
            lh = len(llines) * llead + 2 * pad
            self.need(lh + lead + 2 * pad)
            self._cell(self.x0, self.y, self.w, lh, label_fill, stroke)
            self._lines(llines, self.x0 + pad, self.y - pad, lfont, lsize, llead)
            self.y -= lh
            x_ans, w_ans = self.x0, self.w
        else:
            llines = wrap(label, lfont, lsize, lw - 2 * pad)
            x_ans, w_ans = self.x0 + lw, self.w - lw
        remaining = list(lines) or [""]
        first = True
        while remaining:
            avail = self.y - self.bottom - 2 * pad
            n_fit = max(0, int(avail // lead))
            need_l = len(llines) * llead if (first and not full) else 0
            if n_fit < 1 or (first and need_l > avail):
                self.new_page()
                continue
            chunk = remaining[:n_fit]
            rest = remaining[n_fit:]
            ah = len(chunk) * lead + 2 * pad
            lab = llines if first else wrap(cont_label or f"{label} (continued)", lfont, lsize, lw - 2 * pad)
            h = max(ah, (len(lab) * llead + 2 * pad) if not full else 0)
            if not full:
                self._cell(self.x0, self.y, lw, h, label_fill, stroke)
                self._lines(lab, self.x0 + pad, self.y - pad, lfont, lsize, llead)
            self._cell(x_ans, self.y, w_ans, h, None, stroke)
            self._lines(chunk, x_ans + pad, self.y - pad, afont, asize, lead, acolor)
            if on_row:
                on_row(self, x_ans, self.y, w_ans, h, first)
            self.y -= h
            remaining = rest
            first = False
            if remaining:
                self.new_page()

    def _cell(self, x, ytop, w, h, fill, stroke):
        c = self.c
        if fill:
            c.setFillColorRGB(*hex2rgb(fill))
            c.rect(x, ytop - h, w, h, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(*hex2rgb(stroke))
        c.setLineWidth(0.5)
        c.rect(x, ytop - h, w, h, stroke=1, fill=0)

    def _lines(self, lines, x, ytop, font, size, lead, color="000000"):
        c = self.c
        c.setFont(font, size)
        c.setFillColorRGB(*hex2rgb(color))
        y = ytop - size
        for ln in lines:
            if ln:
                c.drawString(x, y, ln)
            y -= lead
        c.setFillColorRGB(0, 0, 0)

    def grid(self, cols, rows, widths, head_fill="D9D9D9", font="Helvetica", size=8.5, pad=3, stroke="808080",
             hfont="Helvetica-Bold", fills=None):
        """A ruled table: header row then rows; cells wrap; rows do not split."""
        c = self.c
        lead = size * 1.2

        def draw_row(cells, fnt, fill_row, fills_cells=None):
            wrapped = [wrap(t or "", fnt, size, w - 2 * pad) for t, w in zip(cells, widths)]
            h = max(len(x) for x in wrapped) * lead + 2 * pad
            self.need(h)
            x = self.x0
            for j, (wl, w) in enumerate(zip(wrapped, widths)):
                f = fill_row
                if fills_cells and fills_cells[j]:
                    f = fills_cells[j]
                self._cell(x, self.y, w, h, f, stroke)
                self._lines(wl, x + pad, self.y - pad, fnt, size, lead)
                x += w
            self.y -= h
            return h

        if cols:
            draw_row(cols, hfont, head_fill)
        for i, r in enumerate(rows):
            if self.y - 30 < self.bottom and cols:
                self.new_page()
                draw_row(cols, hfont, head_fill)
            draw_row(r, font, None, fills[i] if fills else None)


def new_canvas(buf, pagesize, title="", author="", subject="", creator=""):
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator(creator)
    return c


def doc_id(key: str):
    from pypdf.generic import ArrayObject, ByteStringObject
    h = hashlib.md5(key.encode("utf-8")).digest()
    h2 = hashlib.md5((key + "/rev").encode("utf-8")).digest()
    return ArrayObject([ByteStringObject(h), ByteStringObject(h2)])


def set_meta(writer, producer, creator, title, author="", subject="", created="D:20260203091500Z",
             modified=None):
    from pypdf.generic import NameObject, TextStringObject
    meta = {"/Producer": producer, "/Creator": creator, "/Title": title, "/Author": author, "/Subject": subject,
            "/CreationDate": created, "/ModDate": modified or created}
    writer.add_metadata({k: v for k, v in meta.items()})


def pdf_date(d, hh=9, mm=15) -> str:
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{hh:02d}{mm:02d}00Z"


def finalize(pdf_bytes: bytes, path: str, key: str, producer: str, creator: str, title: str, author="",
             created="D:20260203091500Z", modify=None, encrypt=None) -> None:
    """Rewrite a reportlab PDF through pypdf: metadata, a document ID derived from the form number,
    optional per-page changes (modify(writer)), optional encryption (deterministic)."""
    from pypdf import PdfReader, PdfWriter
    reader = PdfReader(io.BytesIO(pdf_bytes))
    writer = PdfWriter(clone_from=reader)
    if modify:
        modify(writer)
    set_meta(writer, producer, creator, title, author, created=created)
    writer._ID = doc_id(key.rsplit("/", 1)[-1])
    if encrypt:
        encrypt(writer)
    out = io.BytesIO()
    writer.write(out)
    with open(path, "wb") as f:
        f.write(out.getvalue())
