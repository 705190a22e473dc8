"""The five PDF layouts (reportlab; P-NEEDAPP adds its fields with pypdf)."""
from __future__ import annotations

import io
import random

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DictionaryObject, FloatObject, NameObject,
                           NumberObject, TextStringObject)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))


def answer(f):
    if f.value is None:
        return f.filler or ""
    if f.kind == "itype" and f.spec:
        return f"{f.value} - {f.spec}"
    return f.value


def lines_of(v, font, size, width) -> list[str]:
    """Wrapped lines of an answer; paragraphs separated by an empty line."""
    if isinstance(v, list):
        out = []
        for k, part in enumerate(v):
            out += simpleSplit(part, font, size, width) or [""]
        return out
    return simpleSplit(v or "", font, size, width)


def para_lines(v, font, size, width, kind) -> list[str]:
    if kind == "paras" and isinstance(v, list):
        out = []
        for k, part in enumerate(v):
            if k:
                out.append("")
            out += simpleSplit(part, font, size, width)
        return out
    return lines_of(v, font, size, width)


class Doc:
    """A reportlab canvas that knows the page it is on and records where answers were drawn."""

    def __init__(self, ctx, pagesize=A4, on_page=None, title=""):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor(ctx["ref_name"] or "")
        self.W, self.H = pagesize
        self.page = 0
        self.boxes = []
        self.on_page = on_page
        self.y = self.H - 60
        if on_page:
            on_page(self)

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.H - 60
        if self.on_page:
            self.on_page(self)

    def need(self, h, bottom=60):
        if self.y - h < bottom:
            self.new_page()

    def box(self, x0, y_top, x1, y_bottom):
        """Record an answer box in pdfplumber coordinates (top from the page top)."""
        self.boxes.append((self.page, x0, self.H - y_top, x1, self.H - y_bottom))

    def done(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def running(ctx, font="Helvetica"):
    s = ctx["sender"]

    def on_page(d: Doc):
        c = d.c
        c.setFont(font, 7.5)
        c.setFillGray(0.35)
        c.drawString(40, d.H - 28, "OFFICIAL-SENSITIVE (when complete)")
        c.drawRightString(d.W - 40, d.H - 28, f"{s.partnership} - {s.form_ref}")
        c.drawString(40, 26, f"{s.form_ref} - version {ctx['version']} - reviewed {ctx['review_date']}")
        c.drawRightString(d.W - 40, 26, f"Page {d.page + 1}")
        c.setFillGray(0)
    return on_page


# ------------------------------------------------------------------ P-WATERMARK

def p_watermark(ctx, sections, rng, notes):
    s = ctx["sender"]
    mark = rng.choice(["OFFICIAL - SENSITIVE", "DRAFT", "CONFIDENTIAL", "COPY"])
    ink = rng.choice([(0.05, 0.2, 0.6), (0.1, 0.1, 0.45), (0.0, 0.35, 0.55)])
    notes["watermark"] = mark
    base = running(ctx)

    def on_page(d: Doc):
        c = d.c
        c.saveState()
        c.setFillGray(0.86)
        c.setFont("Helvetica-Bold", 64 if len(mark) < 12 else 50)
        c.translate(d.W / 2, d.H / 2)
        c.rotate(45)
        c.drawCentredString(0, 0, mark)
        c.restoreState()
        base(d)

    d = Doc(ctx, on_page=on_page, title=s.form_title)
    c = d.c
    X0, LW, VW = 42, 185, 326
    c.setFont("Helvetica-Bold", 14)
    c.drawString(X0, d.y, s.form_title)
    d.y -= 16
    c.setFont("Helvetica", 9)
    c.drawString(X0, d.y, f"{s.org}  ->  {s.partnership}")
    d.y -= 14
    for ln in simpleSplit(ctx["guidance"], "Helvetica-Oblique", 8, LW + VW):
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(X0, d.y, ln)
        d.y -= 10
    d.y -= 8

    def row(label, value, kind="text"):
        ll = simpleSplit(label, "Helvetica-Bold", 8.5, LW - 8)
        vl = para_lines(value, "Helvetica", 9.5, VW - 10, kind) if value else []
        # a long answer may run over a page: draw in chunks
        i = 0
        first = True
        while first or i < len(vl):
            avail = int((d.y - 60 - 8) // 12)
            if avail < 2:
                d.new_page()
                continue
            chunk = vl[i:i + avail] if vl else []
            h = max(len(ll) if first else 1, len(chunk), 1) * 12 + 8
            c.setStrokeGray(0.5)
            c.rect(X0, d.y - h, LW, h)
            c.rect(X0 + LW, d.y - h, VW, h)
            c.setFillColorRGB(0.93, 0.93, 0.93)
            c.rect(X0, d.y - h, LW, h, fill=1, stroke=0)
            c.setFillGray(0)
            c.setFont("Helvetica-Bold", 8.5)
            for k, t in enumerate(ll if first else [label + " (continued)"][:1]):
                c.drawString(X0 + 4, d.y - 12 - 12 * k, t)
            c.setFillColorRGB(*ink)
            c.setFont("Helvetica", 9.5)
            for k, t in enumerate(chunk):
                c.drawString(X0 + LW + 5, d.y - 12 - 12 * k, t)
            c.setFillGray(0)
            if chunk:
                d.box(X0 + LW + 1, d.y, X0 + LW + VW - 1, d.y - h)
            d.y -= h
            i += len(chunk)
            first = False

    for sec in sections:
        d.need(40)
        c.setFillColorRGB(0.12, 0.22, 0.39)
        c.rect(X0, d.y - 16, LW + VW, 16, fill=1, stroke=0)
        c.setFillGray(1)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(X0 + 4, d.y - 12, sec.title)
        c.setFillGray(0)
        d.y -= 16
        if sec.key == "ag":
            AW = [150, 200, 161]
            hdr = sec.headers
            rows = [hdr] + [list(x) for x in sec.rows] + [["", "", ""]]
            for k, rw in enumerate(rows):
                cells = [simpleSplit(v or "", "Helvetica-Bold" if k == 0 else "Helvetica", 9, w - 8) for v, w in zip(rw, AW)]
                h = max(1, *(len(x) for x in cells)) * 12 + 6
                d.need(h)
                x = X0
                for cl, w in zip(cells, AW):
                    c.setStrokeGray(0.5)
                    c.rect(x, d.y - h, w, h)
                    if k == 0:
                        c.setFillGray(0)
                        c.setFont("Helvetica-Bold", 9)
                    else:
                        c.setFillColorRGB(*ink)
                        c.setFont("Helvetica", 9)
                    for j, t in enumerate(cl):
                        c.drawString(x + 4, d.y - 11 - 12 * j, t)
                    if k and cl:
                        d.box(x + 1, d.y, x + w - 1, d.y - h)
                    x += w
                c.setFillGray(0)
                d.y -= h
            d.y -= 10
            continue
        for f in sec.fields:
            v = answer(f)
            row(f.label, v, f.kind)
            if f.kind == "itype" and f.spec and False:
                pass
        d.y -= 10
    return d.done(), d.boxes, {}


# ------------------------------------------------------------------ P-MSFORMS

def p_msforms(ctx, sections, rng, notes):
    s = ctx["sender"]
    theme = rng.choice([(0.0, 0.47, 0.83), (0.42, 0.18, 0.55), (0.0, 0.5, 0.45), (0.77, 0.24, 0.1)])
    printed = ctx["print_stamp"]
    url = f"https://forms.office.com/Pages/ResponsePage.aspx?id={ctx['token'][:22]}"

    def on_page(d: Doc):
        c = d.c
        c.setFont("Helvetica", 7.5)
        c.setFillGray(0.2)
        c.drawString(28, d.H - 18, printed)
        c.drawCentredString(d.W / 2, d.H - 18, s.form_title)
        c.drawString(28, 14, url)
        c.drawRightString(d.W - 28, 14, f"{d.page + 1}")
        c.setFillGray(0)

    d = Doc(ctx, on_page=on_page, title=s.form_title)
    c = d.c
    X0, WID = 70, 455
    c.setFillColorRGB(*theme)
    c.rect(X0 - 10, d.y - 70, WID + 20, 80, fill=1, stroke=0)
    c.setFillGray(1)
    c.setFont("Helvetica-Bold", 17)
    c.drawString(X0, d.y - 22, s.form_title[:60])
    c.setFont("Helvetica", 9.5)
    c.drawString(X0, d.y - 40, s.partnership)
    d.y -= 90
    c.setFillGray(0.25)
    for ln in simpleSplit(ctx["guidance"], "Helvetica", 8.5, WID):
        c.setFont("Helvetica", 8.5)
        c.drawString(X0, d.y, ln)
        d.y -= 11
    c.setFillGray(0)
    d.y -= 10
    qn = [0]

    def question(label, required=False):
        qn[0] += 1
        ll = simpleSplit(f"{qn[0]}. {label}", "Helvetica", 10.5, WID - 20)
        d.need(len(ll) * 13 + 40)
        c.setFont("Helvetica", 10.5)
        for k, t in enumerate(ll):
            c.drawString(X0, d.y - 13 * k, t)
        if required:
            c.setFillColorRGB(0.75, 0.1, 0.1)
            c.drawString(X0 + pdfmetrics.stringWidth(ll[-1], "Helvetica", 10.5) + 3, d.y - 13 * (len(ll) - 1), "*")
            c.setFillGray(0)
        d.y -= 13 * len(ll) + 6

    def textbox(v, kind):
        vl = para_lines(v, "Helvetica", 10, WID - 20, kind) if v else []
        i = 0
        while True:
            avail = int((d.y - 50 - 10) // 13)
            if avail < 1:
                d.new_page()
                continue
            chunk = vl[i:i + avail]
            h = max(len(chunk), 1) * 13 + 12
            c.setStrokeGray(0.75)
            c.setFillGray(0.97)
            c.roundRect(X0, d.y - h, WID, h, 3, fill=1, stroke=1)
            c.setFillGray(0.1)
            c.setFont("Helvetica", 10)
            for k, t in enumerate(chunk):
                c.drawString(X0 + 8, d.y - 15 - 13 * k, t)
            c.setFillGray(0)
            if chunk:
                d.box(X0 + 1, d.y, X0 + WID - 1, d.y - h)
            d.y -= h
            i += len(chunk)
            if i >= len(vl):
                break
        d.y -= 14

    def radios(opts, chosen):
        for k, o in enumerate(opts):
            d.need(18)
            cx, cy = X0 + 8, d.y - 5
            c.setStrokeGray(0.35)
            c.setLineWidth(1)
            c.circle(cx, cy, 5.5, stroke=1, fill=0)
            if chosen == k:
                c.setFillColorRGB(*theme)
                c.circle(cx, cy, 3.2, stroke=0, fill=1)
                c.setFillGray(0)
            c.setFont("Helvetica", 10)
            c.drawString(X0 + 20, d.y - 8.5, o)
            d.y -= 18
        d.y -= 10

    secno = 0
    kids = [x for x in sections if x.key == "child"]
    for sec in sections:
        secno += 1
        d.need(60)
        c.setFont("Helvetica-Bold", 13)
        c.setFillColorRGB(*theme)
        c.drawString(X0, d.y, f"Section {secno}")
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(X0, d.y - 16, sec.title)
        d.y -= 36
        if sec.key == "ag":
            for k, row in enumerate(sec.rows + [(None, None, None)][: 0 if sec.rows else 1]):
                for h, v in zip(sec.headers, row):
                    question(f"Agency {k + 1} - {h}")
                    textbox(v or "", "text")
            continue
        for f in sec.fields:
            question(f.label, required=f.key in ("c.name", "c.first", "ref.name", "date_of_referral"))
            if f.kind in ("yn", "gender", "itype"):
                radios(f.options, f.chosen)
                if f.kind == "itype":
                    question("If you chose Other, please say what happened")
                    textbox(f.spec or "", "text")
            else:
                textbox(answer(f), f.kind)
        if sec.key == "child":
            question("Do you need to tell us about another child?")
            more = sec is not kids[-1]
            radios(["Yes", "No"], 0 if more else 1)
    notes["questions"] = qn[0]
    return d.done(), d.boxes, {}


# ------------------------------------------------------------------ P-NEEDAPP

def p_needapp(ctx, sections, rng, notes):
    s = ctx["sender"]
    d = Doc(ctx, on_page=running(ctx), title=s.form_title)
    c = d.c
    X0, LW, VW = 40, 200, 315
    widgets = []  # (page, rect, name, kind, value, options, tooltip, multiline)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(X0, d.y, s.form_title)
    d.y -= 15
    c.setFont("Helvetica", 9)
    c.drawString(X0, d.y, s.partnership)
    d.y -= 14
    for ln in simpleSplit(ctx["guidance"], "Helvetica-Oblique", 8, LW + VW):
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(X0, d.y, ln)
        d.y -= 10
    d.y -= 8
    prefix = rng.choice(["", "txt", "fld_"])
    used = set()

    def name_for(f, extra=""):
        base = f.key.replace("c.", f"Child{(f.child or 0) + 1}_").replace(".", "_") + extra
        n = prefix + base
        while n in used:
            n += "_2"
        used.add(n)
        return n

    def field_row(label, f, value, kind, options=None):
        multi = kind in ("lines", "paras", "long")
        nlines = 1
        if multi:
            nlines = max(2, len(para_lines(value, "Helvetica", 9, VW - 8, kind)) + (1 if kind == "paras" else 0)) if value else 2
        h = max(18, nlines * 11 + 8)
        ll = simpleSplit(label, "Helvetica", 9, LW - 6)
        h = max(h, len(ll) * 11 + 6)
        d.need(h + 4)
        c.setFont("Helvetica", 9)
        for k, t in enumerate(ll):
            c.drawString(X0, d.y - 11 - 11 * k, t)
        c.setStrokeColorRGB(0.55, 0.6, 0.75)
        c.setFillColorRGB(0.9, 0.93, 1.0)
        c.rect(X0 + LW, d.y - h, VW, h, fill=1, stroke=1)
        c.setFillGray(0)
        rect = (X0 + LW, d.y - h, X0 + LW + VW, d.y)
        widgets.append((d.page, rect, name_for(f) if f else name_for_label(label), kind, value, options, label, multi))
        d.y -= h + 4

    def name_for_label(label):
        n = prefix + "".join(ch for ch in label.title() if ch.isalnum())[:24]
        while n in used:
            n += "_2"
        used.add(n)
        return n

    for sec in sections:
        d.need(40)
        c.setFillColorRGB(0.2, 0.3, 0.5)
        c.rect(X0, d.y - 15, LW + VW, 15, fill=1, stroke=0)
        c.setFillGray(1)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(X0 + 4, d.y - 11, sec.title)
        c.setFillGray(0)
        d.y -= 22
        if sec.key == "ag":
            AW = [160, 200, 155]
            x = X0
            c.setFont("Helvetica-Bold", 9)
            for h_, w in zip(sec.headers, AW):
                c.drawString(x + 2, d.y - 10, h_)
                x += w
            d.y -= 14
            rows = list(sec.rows) + [(None, None, None)] * max(1, 3 - len(sec.rows))
            for k, row in enumerate(rows):
                d.need(22)
                x = X0
                for j, (v, w) in enumerate(zip(row, AW)):
                    c.setStrokeColorRGB(0.55, 0.6, 0.75)
                    c.setFillColorRGB(0.9, 0.93, 1.0)
                    c.rect(x, d.y - 18, w - 4, 18, fill=1, stroke=1)
                    c.setFillGray(0)
                    nm = f"{prefix}{['Name', 'Agency', 'Contact'][j]}Row{k + 1}"
                    widgets.append((d.page, (x, d.y - 18, x + w - 4, d.y), nm, "text", v or "", None,
                                    f"Agencies - row {k + 1} - {sec.headers[j]}", False))
                    x += w
                d.y -= 22
            d.y -= 6
            continue
        for f in sec.fields:
            if f.kind in ("yn", "gender", "itype"):
                field_row(f.label, f, f.value or "", "choice", [" "] + list(f.options))
                if f.kind == "itype":
                    field_row("If other, please specify", None, f.spec or "", "text")
            else:
                field_row(f.label, f, answer(f), f.kind)
        d.y -= 6
    raw = d.done()
    # add the fields: values in /V only, no appearance streams, /NeedAppearances true
    reader = PdfReader(io.BytesIO(raw))
    w = PdfWriter(clone_from=reader)
    helv = w._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                           NameObject("/Subtype"): NameObject("/Type1"),
                                           NameObject("/BaseFont"): NameObject("/Helvetica"),
                                           NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    fields = ArrayObject()
    texts = []
    for page_i, rect, name, kind, value, options, tip, multi in widgets:
        page = w.pages[page_i]
        if isinstance(value, list):
            sep = "\n\n" if kind == "paras" else "\n"
            value = sep.join(value)
        dct = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in rect]),
            NameObject("/T"): TextStringObject(name), NameObject("/TU"): TextStringObject(tip),
            NameObject("/F"): NumberObject(4), NameObject("/DA"): TextStringObject("/Helv 9 Tf 0 g"),
            NameObject("/MK"): DictionaryObject({NameObject("/BG"): ArrayObject([FloatObject(0.9), FloatObject(0.93), FloatObject(1)])}),
            NameObject("/P"): page.indirect_reference,
        })
        if kind == "choice":
            dct[NameObject("/FT")] = NameObject("/Ch")
            dct[NameObject("/Ff")] = NumberObject(131072)
            dct[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in options])
            dct[NameObject("/V")] = TextStringObject(value or " ")
        else:
            dct[NameObject("/FT")] = NameObject("/Tx")
            if multi:
                dct[NameObject("/Ff")] = NumberObject(4096)
            if value:
                dct[NameObject("/V")] = TextStringObject(value)
        if value and value.strip():
            texts.append(value)
        ref = w._add_object(dct)
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].append(ref)
        fields.append(ref)
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): fields, NameObject("/NeedAppearances"): BooleanObject(True),
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv})}),
    })
    w.add_metadata({"/Producer": "FormFiller 3.2 (case system export)", "/Title": s.form_title})
    ident = ByteStringObject(bytes.fromhex(ctx["token"][:32]))
    w._ID = ArrayObject([ident, ident])
    out = io.BytesIO()
    w.write(out)
    notes["widgets"] = len(widgets)
    notes["field_prefix"] = prefix or "(none)"
    return out.getvalue(), [], {"field_values": texts}


# ------------------------------------------------------------------ P-ESIGN

def p_esign(ctx, sections, rng, notes):
    s = ctx["sender"]
    env = ctx["envelope"]

    def on_page(d: Doc):
        c = d.c
        c.setFont("Helvetica", 7)
        c.setFillGray(0.2)
        c.drawString(18, d.H - 14, f"Docusign Envelope ID: {env}")
        c.setFillGray(0)
        running(ctx)(d)

    d = Doc(ctx, on_page=on_page, title=s.form_title)
    c = d.c
    X0, LW, VW = 46, 190, 313
    font = rng.choice(["Helvetica", "Courier"])
    fs = 9 if font == "Helvetica" else 8.5
    c.setFont("Helvetica-Bold", 14)
    c.drawString(X0, d.y, s.form_title)
    d.y -= 15
    c.setFont("Helvetica", 9)
    c.drawString(X0, d.y, f"{s.org} to {s.partnership}")
    d.y -= 14
    for ln in simpleSplit(ctx["guidance"], "Helvetica-Oblique", 8, LW + VW):
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(X0, d.y, ln)
        d.y -= 10
    d.y -= 6

    def row_text(label, v, kind):
        ll = simpleSplit(label, "Helvetica", 9, LW - 8)
        vl = para_lines(v, font, fs, VW - 10, kind) if v else []
        i, first = 0, True
        while first or i < len(vl):
            avail = int((d.y - 60 - 8) // 11)
            if avail < 2:
                d.new_page()
                continue
            chunk = vl[i:i + avail]
            h = max(len(ll) if first else 1, len(chunk), 1) * 11 + 9
            c.setStrokeGray(0)
            c.setLineWidth(0.6)
            c.rect(X0, d.y - h, LW + VW, h)
            c.line(X0 + LW, d.y, X0 + LW, d.y - h)
            c.setFont("Helvetica", 9)
            if first:
                for k, t in enumerate(ll):
                    c.drawString(X0 + 4, d.y - 11 - 11 * k, t)
            c.setFont(font, fs)
            c.setFillColorRGB(0.0, 0.0, 0.3)
            for k, t in enumerate(chunk):
                c.drawString(X0 + LW + 5, d.y - 12 - 11 * k, t)
            c.setFillGray(0)
            if chunk:
                d.box(X0 + LW + 1, d.y, X0 + LW + VW - 1, d.y - h)
            d.y -= h
            i += len(chunk)
            first = False

    def row_opts(label, opts, chosen):
        ll = simpleSplit(label, "Helvetica", 9, LW - 8)
        h = max(len(ll), 1) * 11 + 9
        d.need(h)
        c.setLineWidth(0.6)
        c.rect(X0, d.y - h, LW + VW, h)
        c.line(X0 + LW, d.y, X0 + LW, d.y - h)
        c.setFont("Helvetica", 9)
        for k, t in enumerate(ll):
            c.drawString(X0 + 4, d.y - 11 - 11 * k, t)
        x = X0 + LW + 6
        for k, o in enumerate(opts):
            c.rect(x, d.y - 13, 8, 8)
            if chosen == k:
                c.setFillColorRGB(0.0, 0.0, 0.3)
                c.setFont("DejaVu", 9)
                c.drawString(x + 0.5, d.y - 12.2, "\u2714")
                c.setFillGray(0)
            c.setFont("Helvetica", 9)
            c.drawString(x + 11, d.y - 12.5, o)
            x += 11 + pdfmetrics.stringWidth(o, "Helvetica", 9) + 14
        d.y -= h

    for sec in sections:
        d.need(40)
        c.setFillGray(0.85)
        c.rect(X0, d.y - 15, LW + VW, 15, fill=1, stroke=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(X0 + 4, d.y - 11, sec.title)
        d.y -= 15
        if sec.key == "ag":
            AW = [160, 190, 153]
            for k, rw in enumerate([sec.headers] + [list(x) for x in sec.rows] + [["", "", ""]]):
                cells = [simpleSplit(v or "", "Helvetica" if k == 0 else font, fs, w - 8) for v, w in zip(rw, AW)]
                h = max(1, *(len(x) for x in cells)) * 11 + 7
                d.need(h)
                x = X0
                for cl, w in zip(cells, AW):
                    c.rect(x, d.y - h, w, h)
                    c.setFont("Helvetica" if k == 0 else font, 9 if k == 0 else fs)
                    if k:
                        c.setFillColorRGB(0.0, 0.0, 0.3)
                    for j, t in enumerate(cl):
                        c.drawString(x + 4, d.y - 11 - 11 * j, t)
                    c.setFillGray(0)
                    if k and cl:
                        d.box(x + 1, d.y, x + w - 1, d.y - h)
                    x += w
                d.y -= h
            d.y -= 8
            continue
        for f in sec.fields:
            if f.kind in ("yn", "gender", "itype"):
                if f.kind == "itype" and len(f.options) > 3:
                    for k, o in enumerate(f.options):
                        row_opts(f.label if k == 0 else "", [o], 0 if f.chosen == k else None)
                else:
                    row_opts(f.label, f.options, f.chosen)
                if f.kind == "itype":
                    row_text("If other, please specify", f.spec or "", "text")
            else:
                row_text(f.label, answer(f), f.kind)
        d.y -= 8
    # signature block
    d.need(90)
    c.setFont("Helvetica", 9)
    c.drawString(X0, d.y - 12, "Signature of referrer:")
    c.setStrokeColorRGB(0.1, 0.3, 0.7)
    c.roundRect(X0 + 120, d.y - 58, 190, 52, 6)
    c.setFont("Helvetica", 7)
    c.setFillColorRGB(0.1, 0.3, 0.7)
    c.drawString(X0 + 128, d.y - 15, "DocuSigned by:")
    c.setFont("Helvetica-Oblique", 15)
    c.drawString(X0 + 128, d.y - 36, ctx["ref_name"] or "")
    c.setFont("Courier", 6.5)
    c.drawString(X0 + 128, d.y - 50, ctx["token"][:16].upper() + "...")
    c.setFillGray(0)
    d.y -= 70
    # certificate of completion
    d.new_page()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(X0, d.y, "Certificate Of Completion")
    d.y -= 22
    cert = ctx["certificate"]
    for a, b in cert:
        c.setFont("Helvetica-Bold" if not b else "Helvetica", 8.5)
        c.drawString(X0, d.y, a)
        if b:
            c.drawString(X0 + 200, d.y, b)
        d.y -= 13
    notes["signer_font"] = font
    return d.done(), d.boxes, {}


# ------------------------------------------------------------------ P-SAFARI

def p_safari(ctx, sections, rng, notes):
    s = ctx["sender"]
    Wp = 600
    accent = rng.choice([(0.0, 0.42, 0.45), (0.2, 0.25, 0.6), (0.55, 0.1, 0.35), (0.1, 0.4, 0.2)])

    def run(c, H, boxes):
        top = [0.0]

        def y(t):
            return H - t

        def draw(fn, *a, **k):
            if c:
                getattr(c, fn)(*a, **k)

        # site header
        draw("setFillColorRGB", *accent)
        draw("rect", 0, y(56), Wp, 56, fill=1, stroke=0)
        draw("setFillGray", 1)
        draw("setFont", "Helvetica-Bold", 15)
        draw("drawString", 24, y(34), s.partnership)
        draw("setFont", "Helvetica", 9)
        draw("drawString", 24, y(48), f"safeguarding.{s.pdomain}/refer")
        top[0] = 80
        draw("setFillGray", 0)
        draw("setFont", "Helvetica-Bold", 19)
        for ln in simpleSplit(s.form_title, "Helvetica-Bold", 19, Wp - 48):
            draw("drawString", 24, y(top[0]), ln)
            top[0] += 24
        draw("setFont", "Helvetica", 10)
        draw("setFillGray", 0.3)
        for ln in simpleSplit("Check your answers before you submit. " + ctx["guidance"], "Helvetica", 9.5, Wp - 48):
            draw("drawString", 24, y(top[0]), ln)
            top[0] += 13
        draw("setFillGray", 0)
        top[0] += 10
        CX, CW = 24, Wp - 48
        for sec in sections:
            # card
            start = top[0]
            items = []
            inner = 16
            t = start + 30
            if sec.key == "ag":
                rows = sec.rows or []
                if not rows:
                    items.append(("text", sec.headers[1], "None"))
                for k, row in enumerate(rows):
                    items.append(("head", f"Agency {k + 1}", None))
                    for h_, v in zip(sec.headers, row):
                        items.append(("text", h_, v or ""))
            else:
                for f in sec.fields:
                    if f.kind in ("yn", "gender", "itype"):
                        items.append(("chips", f.label, f))
                        if f.kind == "itype" and f.spec:
                            items.append(("text", "Tell us more", f.spec))
                    else:
                        items.append(("text", f.label, answer(f), f.kind))
            # measure / draw items
            layout = []
            for it in items:
                if it[0] == "head":
                    layout.append((it, t))
                    t += 18
                elif it[0] == "text":
                    kind = it[3] if len(it) > 3 else "text"
                    vl = para_lines(it[2], "Helvetica", 10.5, CW - 2 * inner, kind) if it[2] else ["\u2014"]
                    ll = simpleSplit(it[1], "Helvetica-Bold", 9, CW - 2 * inner)
                    layout.append((it, t, ll, vl))
                    t += 12 * len(ll) + 14 * len(vl) + 14
                else:
                    ll = simpleSplit(it[1], "Helvetica-Bold", 9, CW - 2 * inner)
                    layout.append((it, t, ll))
                    t += 12 * len(ll) + 30
            end = t + 4
            draw("setFillGray", 0.97)
            draw("setStrokeGray", 0.82)
            draw("roundRect", CX, y(end), CW, end - start, 10, fill=1, stroke=1)
            draw("setFillColorRGB", *accent)
            draw("setFont", "Helvetica-Bold", 13)
            draw("drawString", CX + inner, y(start + 20), sec.title)
            draw("setFillColorRGB", *accent)
            draw("setFont", "Helvetica", 9)
            draw("drawRightString", CX + CW - inner, y(start + 20), "Change")
            draw("setFillGray", 0)
            for entry in layout:
                it, tt = entry[0], entry[1]
                if it[0] == "head":
                    draw("setFont", "Helvetica-Bold", 10.5)
                    draw("drawString", CX + inner, y(tt + 12), it[1])
                elif it[0] == "text":
                    ll, vl = entry[2], entry[3]
                    draw("setFont", "Helvetica-Bold", 9)
                    draw("setFillGray", 0.35)
                    for k, ln in enumerate(ll):
                        draw("drawString", CX + inner, y(tt + 10 + 12 * k), ln)
                    draw("setFillGray", 0)
                    draw("setFont", "Helvetica", 10.5)
                    vt = tt + 12 * len(ll)
                    for k, ln in enumerate(vl):
                        draw("drawString", CX + inner, y(vt + 12 + 14 * k), ln)
                    if boxes is not None and it[2]:
                        boxes.append((0, CX + inner - 1, vt, CX + CW - inner, vt + 14 * len(vl) + 4))
                else:
                    ll = entry[2]
                    f = it[2]
                    draw("setFont", "Helvetica-Bold", 9)
                    draw("setFillGray", 0.35)
                    for k, ln in enumerate(ll):
                        draw("drawString", CX + inner, y(tt + 10 + 12 * k), ln)
                    draw("setFillGray", 0)
                    ct = tt + 12 * len(ll) + 4
                    x = CX + inner
                    for k, o in enumerate(f.options):
                        sel = f.chosen == k
                        label = ("\u2713 " if sel else "") + o
                        wdt = pdfmetrics.stringWidth(label, "DejaVu", 9.5) + 20
                        if x + wdt > CX + CW - inner:
                            x = CX + inner
                        if sel:
                            draw("setFillColorRGB", *accent)
                            draw("roundRect", x, y(ct + 20), wdt, 19, 9.5, fill=1, stroke=0)
                            draw("setFillGray", 1)
                        else:
                            draw("setStrokeGray", 0.55)
                            draw("setFillGray", 1)
                            draw("roundRect", x, y(ct + 20), wdt, 19, 9.5, fill=1, stroke=1)
                            draw("setFillGray", 0.25)
                        draw("setFont", "DejaVu", 9.5)
                        draw("drawString", x + 10, y(ct + 13.5), label)
                        draw("setFillGray", 0)
                        x += wdt + 8
            top[0] = end + 16
        draw("setFont", "Helvetica", 8.5)
        draw("setFillGray", 0.4)
        draw("drawString", 24, y(top[0] + 10), f"Cookies | Accessibility statement | Privacy notice   \u00a9 {s.partnership}")
        return top[0] + 30

    H = run(None, 0, None)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(Wp, H), invariant=1, pageCompression=1)
    c.setTitle(s.form_title)
    c.setCreator("Safari")
    boxes = []
    run(c, H, boxes)
    c.showPage()
    c.save()
    notes["page_height_pt"] = round(H)
    return buf.getvalue(), boxes, {}


RENDERERS = {"P-WATERMARK": p_watermark, "P-MSFORMS": p_msforms, "P-NEEDAPP": p_needapp, "P-ESIGN": p_esign,
             "P-SAFARI": p_safari}
