"""PDF helpers for unseen27: a numbered reportlab canvas, a flowing page with ruled label | answer rows,
and pypdf post-processing that adds AcroForm fields (with appearance streams), FreeText annotations and
XFA packets, with a fixed document ID."""

from __future__ import annotations

import hashlib
import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DecodedStreamObject, DictionaryObject,
                           FloatObject, NameObject, NumberObject, TextStringObject)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_REG = False


def register_fonts():
    global _REG
    if _REG:
        return
    for name, f in [("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                    ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf"), ("DejaVuSerif", "DejaVuSerif.ttf"),
                    ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"), ("DejaVuCond", "DejaVuSansCondensed.ttf"),
                    ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, DEJAVU + f))
    _REG = True


class NumberedCanvas(canvas.Canvas):
    """Defers every page until save() so that the footer can say 'Page n of N'."""

    def __init__(self, *args, furniture=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved = []
        self._furniture = furniture

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        n = len(self._saved)
        for st in self._saved:
            self.__dict__.update(st)
            if self._furniture:
                self._furniture(self, self._pageNumber, n)
            canvas.Canvas.showPage(self)
        canvas.Canvas.save(self)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for seg in text.split("\n"):
        if not seg:
            out.append("")
            continue
        out.extend(simpleSplit(seg, font, size, width) or [""])
    return out


class Flow:
    """A top-to-bottom page filler with ruled rows."""

    def __init__(self, c, case, top=780, bottom=60, left=45, right=550, font="DejaVu", bold="DejaVu-Bold",
                 size=9, lead=11.5, on_new_page=None):
        self.c, self.case = c, case
        self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.font, self.bold, self.size, self.lead = font, bold, size, lead
        self.y = top
        self.page = 1
        self.on_new_page = on_new_page

    @property
    def width(self):
        return self.right - self.left

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        if self.on_new_page:
            self.on_new_page(self)

    def need(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    def text(self, s, font=None, size=None, x=None, color=(0, 0, 0), width=None, gap=2):
        font, size = font or self.font, size or self.size
        lines = wrap(s, font, size, width or (self.right - (x or self.left)))
        for ln in lines:
            self.need(size + gap)
            self.c.setFillColorRGB(*color)
            self.c.setFont(font, size)
            self.y -= size + gap
            self.c.drawString(x if x is not None else self.left, self.y, ln)
        self.c.setFillColorRGB(0, 0, 0)

    def bar(self, title, fill=(0.12, 0.22, 0.39), color=(1, 1, 1), h=16, size=10):
        self.need(h + 30)
        self.y -= 8
        self.c.setFillColorRGB(*fill)
        self.c.rect(self.left, self.y - h, self.width, h, stroke=0, fill=1)
        self.c.setFillColorRGB(*color)
        self.c.setFont(self.bold, size)
        self.c.drawString(self.left + 5, self.y - h + 4.5, title)
        self.c.setFillColorRGB(0, 0, 0)
        self.y -= h

    def row(self, label, value, lw=175, shade=(0.92, 0.92, 0.92), vfont=None, vsize=None, min_h=0):
        """A ruled label | answer row; long answers split across pages (the label repeats '(continued)')."""
        vfont, vsize = vfont or self.font, vsize or self.size
        lab = wrap(label, self.bold, self.size - 0.5, lw - 8)
        val = wrap(value, vfont, vsize, self.width - lw - 8) if value else [""]
        lead = max(self.lead, vsize + 2.5)
        first = True
        while val:
            avail = self.y - self.bottom - 6
            n_fit = int((avail - 4) // lead)
            if n_fit < 1 or (first and n_fit < min(len(val), 3)):
                self.new_page()
                continue
            chunk, val = val[:n_fit], val[n_fit:]
            lab_here = lab if first else wrap(label + " (continued)", self.bold, self.size - 0.5, lw - 8)
            h = max(len(lab_here), len(chunk)) * lead + 6
            h = max(h, min_h)
            top = self.y
            c = self.c
            c.setFillColorRGB(*shade)
            c.rect(self.left, top - h, lw, h, stroke=0, fill=1)
            c.setStrokeColorRGB(0.45, 0.45, 0.45)
            c.setLineWidth(0.5)
            c.rect(self.left, top - h, self.width, h, stroke=1, fill=0)
            c.line(self.left + lw, top, self.left + lw, top - h)
            c.setFillColorRGB(0, 0, 0)
            yy = top - 3
            for ln in lab_here:
                yy -= lead
                c.setFont(self.bold, self.size - 0.5)
                c.drawString(self.left + 4, yy + 2, ln)
            yy = top - 3
            for ln in chunk:
                yy -= lead
                c.setFont(vfont, vsize)
                c.drawString(self.left + lw + 4, yy + 2, ln)
            self.y = top - h
            first = False

    def grid(self, headers, rows, widths, head_fill=(0.85, 0.89, 0.95), size=None):
        size = size or self.size - 0.5
        lead = size + 3
        def draw_row(cells, bold, fill):
            wrapped = [wrap(t or "", self.bold if bold else self.font, size, w - 6) for t, w in zip(cells, widths)]
            h = max(len(w) for w in wrapped) * lead + 5
            self.need(h + (0 if bold else 0))
            x = self.left
            top = self.y
            for lines, w in zip(wrapped, widths):
                if fill:
                    self.c.setFillColorRGB(*fill)
                    self.c.rect(x, top - h, w, h, stroke=0, fill=1)
                self.c.setStrokeColorRGB(0.45, 0.45, 0.45)
                self.c.setLineWidth(0.5)
                self.c.rect(x, top - h, w, h, stroke=1, fill=0)
                self.c.setFillColorRGB(0, 0, 0)
                yy = top - 2
                for ln in lines:
                    yy -= lead
                    self.c.setFont(self.bold if bold else self.font, size)
                    self.c.drawString(x + 3, yy + 2.5, ln)
                x += w
            self.y = top - h
        self.need(40)
        draw_row(headers, True, head_fill)
        for r in rows:
            if self.y - 30 < self.bottom:
                self.new_page()
                draw_row(headers, True, head_fill)
            draw_row(r, False, None)

    def gap(self, h=6):
        self.y -= h


def new_canvas(buf, furniture, title="", author="", pagesize=A4, creator="", producer=None):
    register_fonts()
    c = NumberedCanvas(buf, pagesize=pagesize, invariant=1, furniture=furniture, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(creator)
    if producer:
        c.setProducer(producer)
    return c


# ---- pypdf post-processing ----------------------------------------------------------------------------------

def pdf_str(text: str) -> bytes:
    b = text.encode("cp1252", errors="replace")
    out = bytearray()
    for ch in b:
        if ch in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([ch])
        elif ch < 32 or ch > 126:
            out += b"\\%03o" % ch
        else:
            out.append(ch)
    return bytes(out)


def helv_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, "Helvetica", size)


def helv_wrap(text: str, size: float, width: float) -> list[str]:
    out = []
    for seg in text.split("\n"):
        if not seg:
            out.append("")
            continue
        out.extend(simpleSplit(seg, "Helvetica", size, width) or [""])
    return out


class Acro:
    """Collects field and annotation specs, then writes them into the PDF with pypdf."""

    def __init__(self):
        self.fields = []       # dict specs
        self.freetexts = []

    def text(self, path, page, rect, value, dv=None, tu=None, multiline=False, fs=9, ch_opts=None, combo=False):
        self.fields.append(dict(kind="Ch" if combo else "Tx", path=list(path), page=page, rect=rect, value=value, dv=dv,
                                tu=tu, multiline=multiline, fs=fs, opts=ch_opts))

    def check(self, path, page, rect, on, checked, tu=None):
        self.fields.append(dict(kind="Check", path=list(path), page=page, rect=rect, on=on, checked=checked, tu=tu))

    def radio(self, path, kids, value, tu=None):
        """kids: [(page, rect, state)]; value: the chosen state or None."""
        self.fields.append(dict(kind="Radio", path=list(path), kids=kids, value=value, tu=tu))

    def freetext(self, page, rect, text, author, date, fs=8, color=(0.0, 0.13, 0.55)):
        self.freetexts.append(dict(page=page, rect=rect, text=text, author=author, date=date, fs=fs, color=color))


def _xobj(writer, w, h, content: bytes, fonts: dict) -> object:
    st = DecodedStreamObject()
    st.set_data(content)
    st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
               NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)]),
               NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                   {NameObject(k): v for k, v in fonts.items()})})})
    return writer._add_object(st)


def _tx_content(w, h, text, fs, multiline, color="0 g") -> bytes:
    out = [b"/Tx BMC", b"q", b"1 1 %.2f %.2f re W n" % (w - 2, h - 2), b"BT", b"/Helv %.1f Tf %s" % (fs, color.encode())]
    if multiline:
        lines = helv_wrap(text, fs, w - 4)
        y = h - 2 - fs
        for ln in lines:
            out.append(b"1 0 0 1 2 %.2f Tm (" % y + pdf_str(ln) + b") Tj")
            y -= fs * 1.15
    else:
        y = (h - fs) / 2 + 0.22 * fs
        out.append(b"1 0 0 1 2 %.2f Tm (" % y + pdf_str(text) + b") Tj")
    out += [b"ET", b"Q", b"EMC"]
    return b"\n".join(out)


def finish_pdf(pdf_bytes: bytes, name: str, acro: Acro | None = None, meta: dict | None = None, xfa: list | None = None,
               need_appearances=False) -> bytes:
    reader = PdfReader(io.BytesIO(pdf_bytes))
    writer = PdfWriter(clone_from=reader)
    helv = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    zadb = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    fonts = {"/Helv": helv, "/ZaDb": zadb}
    if acro and (acro.fields or acro.freetexts):
        page_annots: dict[int, list] = {}
        top_fields = []
        nodes: dict[tuple, object] = {}

        def parent_for(path):
            """The indirect parent field for a path prefix (creates the chain)."""
            if not path:
                return None
            key = tuple(path)
            if key in nodes:
                return nodes[key]
            d = DictionaryObject({NameObject("/T"): TextStringObject(path[-1]), NameObject("/Kids"): ArrayObject()})
            ref = writer._add_object(d)
            par = parent_for(path[:-1])
            if par is None:
                top_fields.append(ref)
            else:
                d[NameObject("/Parent")] = par
                par.get_object()["/Kids"].append(ref)
            nodes[key] = ref
            return ref

        def attach(field_dict, path):
            ref = writer._add_object(field_dict)
            par = parent_for(path[:-1])
            field_dict[NameObject("/T")] = TextStringObject(path[-1])
            if par is None:
                top_fields.append(ref)
            else:
                field_dict[NameObject("/Parent")] = par
                par.get_object()["/Kids"].append(ref)
            return ref

        def widget_base(page, rect):
            x0, y0, x1, y1 = rect
            return {NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/Rect"): ArrayObject([FloatObject(x0), FloatObject(y0), FloatObject(x1), FloatObject(y1)]),
                    NameObject("/F"): NumberObject(4),
                    NameObject("/P"): writer.pages[page].indirect_reference,
                    NameObject("/MK"): DictionaryObject({NameObject("/BC"): ArrayObject([FloatObject(0.6), FloatObject(0.6), FloatObject(0.6)]),
                                                         NameObject("/BG"): ArrayObject([FloatObject(0.9), FloatObject(0.94), FloatObject(1.0)])})}

        for f in acro.fields:
            if f["kind"] in ("Tx", "Ch"):
                x0, y0, x1, y1 = f["rect"]
                w, h = x1 - x0, y1 - y0
                d = DictionaryObject(widget_base(f["page"], f["rect"]))
                d[NameObject("/FT")] = NameObject("/" + f["kind"])
                d[NameObject("/DA")] = TextStringObject(f"/Helv {f['fs']} Tf 0 g")
                flags = 0
                if f["kind"] == "Tx" and f["multiline"]:
                    flags |= 4096
                if f["kind"] == "Ch":
                    flags |= 131072
                    d[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in f["opts"]])
                if flags:
                    d[NameObject("/Ff")] = NumberObject(flags)
                shown = f["value"] if f["value"] is not None else ""
                if f["value"] is not None and f["value"] != "":
                    d[NameObject("/V")] = TextStringObject(f["value"])
                if f["dv"] is not None:
                    d[NameObject("/DV")] = TextStringObject(f["dv"])
                if f["tu"]:
                    d[NameObject("/TU")] = TextStringObject(f["tu"])
                ap = _xobj(writer, w, h, _tx_content(w, h, shown, f["fs"], f["multiline"]), {"/Helv": helv})
                d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap})
                ref = attach(d, f["path"])
                page_annots.setdefault(f["page"], []).append(ref)
            elif f["kind"] == "Check":
                x0, y0, x1, y1 = f["rect"]
                w, h = x1 - x0, y1 - y0
                d = DictionaryObject(widget_base(f["page"], f["rect"]))
                d[NameObject("/FT")] = NameObject("/Btn")
                d[NameObject("/DA")] = TextStringObject("/ZaDb 0 Tf 0 g")
                on = _xobj(writer, w, h, b"q 0 g BT /ZaDb %.1f Tf %.2f %.2f Td (4) Tj ET Q" % (h * 0.8, w * 0.15, h * 0.2), {"/ZaDb": zadb})
                off = _xobj(writer, w, h, b"", {})
                d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject(
                    {NameObject("/" + f["on"]): on, NameObject("/Off"): off})})
                d[NameObject("/MK")][NameObject("/CA")] = TextStringObject("4")
                state = NameObject("/" + f["on"]) if f["checked"] else NameObject("/Off")
                d[NameObject("/V")] = state
                d[NameObject("/AS")] = state
                if f["tu"]:
                    d[NameObject("/TU")] = TextStringObject(f["tu"])
                ref = attach(d, f["path"])
                page_annots.setdefault(f["page"], []).append(ref)
            elif f["kind"] == "Radio":
                d = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/Ff"): NumberObject(49152),
                                      NameObject("/Kids"): ArrayObject()})
                if f["value"]:
                    d[NameObject("/V")] = NameObject("/" + f["value"])
                else:
                    d[NameObject("/V")] = NameObject("/Off")
                if f["tu"]:
                    d[NameObject("/TU")] = TextStringObject(f["tu"])
                ref = attach(d, f["path"])
                for page, rect, st in f["kids"]:
                    x0, y0, x1, y1 = rect
                    w, h = x1 - x0, y1 - y0
                    k = DictionaryObject(widget_base(page, rect))
                    k[NameObject("/DA")] = TextStringObject("/ZaDb 0 Tf 0 g")
                    on = _xobj(writer, w, h, b"q 0 g BT /ZaDb %.1f Tf %.2f %.2f Td (l) Tj ET Q" % (h * 0.6, w * 0.2, h * 0.25), {"/ZaDb": zadb})
                    off = _xobj(writer, w, h, b"", {})
                    k[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject(
                        {NameObject("/" + st): on, NameObject("/Off"): off})})
                    k[NameObject("/MK")][NameObject("/CA")] = TextStringObject("l")
                    k[NameObject("/AS")] = NameObject("/" + st) if f["value"] == st else NameObject("/Off")
                    k[NameObject("/Parent")] = ref
                    kref = writer._add_object(k)
                    ref.get_object()["/Kids"].append(kref)
                    page_annots.setdefault(page, []).append(kref)
        for ft in acro.freetexts:
            x0, y0, x1, y1 = ft["rect"]
            w, h = x1 - x0, y1 - y0
            fs = ft["fs"]
            rgb = "%.3f %.3f %.3f rg" % ft["color"]
            lines = []
            for ln in ft["text"].split("\n"):
                lines.extend(helv_wrap(ln, fs, w - 4) if ln else [""])
            content = [b"q", b"BT", b"/Helv %.1f Tf %s" % (fs, rgb.encode())]
            y = h - 2 - fs
            for ln in lines:
                content.append(b"1 0 0 1 2 %.2f Tm (" % y + pdf_str(ln) + b") Tj")
                y -= fs * 1.2
            content += [b"ET", b"Q"]
            ap = _xobj(writer, w, h, b"\n".join(content), {"/Helv": helv})
            d = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
                NameObject("/Rect"): ArrayObject([FloatObject(x0), FloatObject(y0), FloatObject(x1), FloatObject(y1)]),
                NameObject("/Contents"): TextStringObject("\r".join(ft["text"].split("\n"))),
                NameObject("/DA"): TextStringObject(f"{rgb} /Helv {fs} Tf"),
                NameObject("/IT"): NameObject("/FreeTextTypeWriter"),
                NameObject("/F"): NumberObject(4), NameObject("/T"): TextStringObject(ft["author"]),
                NameObject("/M"): TextStringObject(ft["date"]), NameObject("/CreationDate"): TextStringObject(ft["date"]),
                NameObject("/NM"): TextStringObject(hashlib.md5((name + ft["text"]).encode()).hexdigest()[:24]),
                NameObject("/P"): writer.pages[ft["page"]].indirect_reference,
                NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
                NameObject("/Border"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(0)]),
            })
            ref = writer._add_object(d)
            page_annots.setdefault(ft["page"], []).append(ref)
        for pno, refs in sorted(page_annots.items()):
            page = writer.pages[pno]
            arr = page.get("/Annots")
            if arr is None:
                page[NameObject("/Annots")] = ArrayObject(refs)
            else:
                arr.get_object().extend(refs)
        if acro.fields:
            af = DictionaryObject({
                NameObject("/Fields"): ArrayObject(top_fields),
                NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                    {NameObject("/Helv"): helv, NameObject("/ZaDb"): zadb})}),
                NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
            })
            if need_appearances:
                af[NameObject("/NeedAppearances")] = BooleanObject(True)
            if xfa:
                arr = ArrayObject()
                for pname, data in xfa:
                    st = DecodedStreamObject()
                    st.set_data(data.encode("utf-8"))
                    arr.append(TextStringObject(pname))
                    arr.append(writer._add_object(st))
                af[NameObject("/XFA")] = arr
            writer._root_object[NameObject("/AcroForm")] = writer._add_object(af)
    if meta:
        writer.add_metadata(meta)
    h = hashlib.md5(name.encode()).digest()
    writer._ID = ArrayObject([ByteStringObject(h), ByteStringObject(h)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_date(d, hh=10, mm=0) -> str:
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{hh:02d}{mm:02d}00Z"
