"""A page-flow helper over a reportlab canvas (pages held as drawing operations until the page count is known),
and pypdf post-processing (annotations, AcroForm fields, fixed IDs and metadata)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = A4


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for line in text.split("\n"):
        out += simpleSplit(line, font, size, width) or [""]
    return out


class Flow:
    def __init__(self, top=PAGE_H - 62, bottom=58, left=48, right=PAGE_W - 48):
        self.pages: list[list] = [[]]
        self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.y = top

    @property
    def width(self):
        return self.right - self.left

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    def new_page(self):
        self.pages.append([])
        self.y = self.top

    def need(self, h: float) -> bool:
        if self.y - h < self.bottom:
            self.new_page()
            return True
        return False

    def op(self, fn):
        self.pages[-1].append(fn)

    def text(self, x, y, s, font="Helvetica", size=9, color=(0, 0, 0)):
        def f(c):
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawString(x, y, s)
        self.op(f)

    def rect(self, x, y, w, h, fill=None, stroke=(0.55, 0.55, 0.55), lw=0.5):
        def f(c):
            c.setLineWidth(lw)
            if fill:
                c.setFillColorRGB(*fill)
            if stroke:
                c.setStrokeColorRGB(*stroke)
            c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
        self.op(f)

    def line(self, x1, y1, x2, y2, color=(0.5, 0.5, 0.5), lw=0.5):
        def f(c):
            c.setStrokeColorRGB(*color)
            c.setLineWidth(lw)
            c.line(x1, y1, x2, y2)
        self.op(f)

    def circle(self, x, y, r, fill=False, color=(0.1, 0.1, 0.1), lw=1):
        def f(c):
            c.setStrokeColorRGB(*color)
            c.setFillColorRGB(*color)
            c.setLineWidth(lw)
            c.circle(x, y, r, stroke=1, fill=1 if fill else 0)
        self.op(f)

    def render(self, path: Path, meta: dict, furniture=None, pagesize=A4):
        c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1, pageCompression=1)
        c.setTitle(meta.get("title", ""))
        c.setAuthor(meta.get("author", ""))
        c.setCreator(meta.get("creator", ""))
        c.setProducer(meta.get("producer", ""))
        c.setSubject(meta.get("subject", ""))
        n = len(self.pages)
        for i, ops in enumerate(self.pages):
            if furniture:
                furniture(c, i, n)
            for fn in ops:
                fn(c)
            c.showPage()
        c.save()
        return n


def pdf_date(d, hh=10, mm=0) -> str:
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{hh:02d}{mm:02d}00Z"


def fixed_id(name: str) -> bytes:
    return hashlib.md5(("u28-" + name).encode()).digest()


def finish_with_pypdf(path: Path, meta: dict, edit):
    """Open the reportlab file, let `edit(writer)` add objects, write it back with a fixed /ID and metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject
    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    edit(writer)
    writer.add_metadata(meta)
    idb = fixed_id(path.name)
    writer._ID = ArrayObject([ByteStringObject(idb), ByteStringObject(idb)])
    with open(path, "wb") as f:
        writer.write(f)


def pdf_str(s: str) -> str:
    """A PDF literal string for a WinAnsi (Latin-1) text."""
    s = s.encode("latin-1", "replace").decode("latin-1")
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
