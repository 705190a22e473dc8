"""unseen7 PDF layouts drawn with reportlab (invariant mode): P-TYPED, P-ANNOT, P-GDOC, P-2UP."""

from __future__ import annotations

import io
import textwrap

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                           NumberObject, TextStringObject)
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import (Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from render_docx import answer_words, chosen_index

W, H = A4


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def header_footer(c, v, look, page, total=None):
    c.setFont("Helvetica-Bold", 8)
    c.drawString(2 * cm, H - 1.2 * cm, v["marking"])
    c.drawRightString(W - 2 * cm, H - 1.2 * cm, v["formref"])
    c.setFont("Helvetica", 7)
    c.drawString(2 * cm, 1.0 * cm, look["footer"])
    c.drawRightString(W - 2 * cm, 1.0 * cm, f"Page {page}" + (f" of {total}" if total else ""))


def title_lines(c, v, look, y):
    c.setFont("Helvetica-Bold", 10)
    c.drawString(2 * cm, y, v["org"])
    y -= 16
    c.setFont("Helvetica-Bold", 13)
    for ln in textwrap.wrap(v["title"], 58):
        c.drawString(2 * cm, y, ln)
        y -= 16
    c.setFont("Helvetica", 9)
    c.drawString(2 * cm, y, f"To: {v['partnership']}")
    y -= 14
    c.setFont("Helvetica-Oblique", 7.5)
    for ln in textwrap.wrap(look["guidance"], 120):
        c.drawString(2 * cm, y, ln)
        y -= 9.5
    return y - 6


# ------------------------------------------------------------------ P-TYPED
def render_typed(sections, v, look):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(v["title"])
    c.setProducer("Acrobat Distiller 11.0 (Windows)") if look["producer"] else None
    page = [1]
    L, R = 2 * cm, W - 2 * cm
    us_w = c.stringWidth("_", "Helvetica", 9)

    def newpage():
        header_footer(c, v, look, page[0])
        c.showPage()
        page[0] += 1
        return H - 2.2 * cm

    def need(y, h):
        return newpage() if y - h < 2 * cm else y

    def underline_line(x0, y):
        n = int((R - x0) / us_w)
        c.setFont("Helvetica", 9)
        c.drawString(x0, y, "_" * n)

    def typed(x, y, text, x_min=None):
        size = 10
        if x_min is not None and x + c.stringWidth(text, "Courier", size) > R:
            x = x_min
            while x + c.stringWidth(text, "Courier", size) > R and size > 7:
                size -= 0.5
        c.setFont("Courier", size)
        c.drawString(x, y + 1.6, text)

    y = title_lines(c, v, look, H - 2.2 * cm)
    for s in sections:
        y = need(y, 50)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(L, y, s.title.upper())
        y -= 16
        for f in s.fields:
            words = answer_words(f)
            if f.kind == "agencies":
                rows = list(f.rows) + [("", "", "")] * 2
                y = need(y, 14 * (len(rows) + 2))
                c.setFont("Helvetica", 9)
                c.drawString(L, y, f.label)
                y -= 14
                xs = [L, L + 5 * cm, L + 10.5 * cm, R]
                c.setFont("Helvetica-Bold", 8.5)
                for i, col in enumerate(f.cols):
                    c.drawString(xs[i] + 3, y, col)
                top = y + 10
                for name, ag, contact in rows:
                    y -= 15
                    c.setFont("Courier", 9)
                    for i, val in enumerate((name or "", ag, contact)):
                        c.drawString(xs[i] + 3, y + 1, val)
                bot = y - 5
                c.setLineWidth(0.5)
                for x in xs:
                    c.line(x, top, x, bot)
                for k in range(len(rows) + 2):
                    yy = top - k * 15 if k <= len(rows) else bot
                    c.line(L, yy, R, yy)
                y = bot - 14
                continue
            if f.kind in ("yesno", "choice"):
                ci = chosen_index(f)
                opts = f.options
                c.setFont("Helvetica", 9)
                lab = f.label
                if f.kind == "choice" and len(opts) > 3:
                    y = need(y, 14 * (len(opts) + 1))
                    c.drawString(L, y, lab)
                    y -= 13
                    for i, o in enumerate(opts):
                        c.setFont("Helvetica", 9)
                        c.drawString(L + 12, y, "[   ]  " + o)
                        if i == ci:
                            typed(L + 12 + c.stringWidth("[", "Helvetica", 9) - 0.5, y - 1.6, look["mark"])
                            if getattr(f, "other_text", ""):
                                typed(L + 30 + c.stringWidth("[   ]  " + o, "Helvetica", 9), y - 1.6,
                                      f.other_text[len(o):].strip(" -") if f.other_text.startswith(o) else f.other_text)
                        y -= 13
                    y -= 3
                    continue
                y = need(y, 16)
                c.drawString(L, y, lab)
                x = max(L + c.stringWidth(lab, "Helvetica", 9) + 12, L + 9.5 * cm)
                for i, o in enumerate(opts):
                    c.setFont("Helvetica", 9)
                    c.drawString(x, y, o + " [   ]")
                    bx = x + c.stringWidth(o + " [", "Helvetica", 9)
                    if i == ci:
                        typed(bx - 0.5, y - 1.6, look["mark"])
                    x += c.stringWidth(o + " [   ]", "Helvetica", 9) + 14
                y -= 17
                continue
            if f.kind in ("lines", "paras"):
                if f.kind == "paras":
                    out = []
                    for i, ptext in enumerate(words):
                        if i:
                            out.append("")
                        out += textwrap.wrap(ptext, 76)
                else:
                    out = list(words)
                n = max(len(out) + 1, 2)
                y = need(y, 14 * (n + 1))
                c.setFont("Helvetica", 9)
                c.drawString(L, y, f.label + ":")
                y -= 14
                for i in range(n):
                    underline_line(L, y)
                    if i < len(out) and out[i]:
                        typed(L + 2, y, out[i])
                    y -= 14
                y -= 2
                continue
            y = need(y, 16)
            c.setFont("Helvetica", 9)
            lab = f.label + ":"
            c.drawString(L, y, lab)
            x0 = L + c.stringWidth(lab, "Helvetica", 9) + 3
            underline_line(x0, y)
            if words:
                typed(max(x0 + 8, L + 7.2 * cm), y, words[0], x_min=x0 + 4)
            y -= 17
    y = need(y, 40)
    c.setFont("Helvetica", 9)
    c.drawString(L, y - 10, "Signature: ______________________________   Date: ______________")
    header_footer(c, v, look, page[0])
    c.showPage()
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ P-ANNOT
def render_annot(sections, v, look):
    """A flat printed form (labels, empty boxes). The answers were typed with a PDF viewer's text tool:
    FreeText annotations with appearance streams; ticks are FreeText 'X' over the tick boxes."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(v["title"])
    annots = {}  # page index -> list of (rect, lines, size)
    page = [0]
    L, R = 2 * cm, W - 2 * cm

    def add(rect, lines, size=10):
        annots.setdefault(page[0], []).append((rect, lines, size))

    def newpage():
        header_footer(c, v, look, page[0] + 1)
        c.showPage()
        page[0] += 1
        return H - 2.2 * cm

    def need(y, h):
        return newpage() if y - h < 2 * cm else y

    y = title_lines(c, v, look, H - 2.2 * cm)
    for s in sections:
        y = need(y, 60)
        c.setFillColor(colors.HexColor(look["bar"]))
        c.rect(L, y - 4, R - L, 15, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(L + 4, y, s.title)
        c.setFillColor(colors.black)
        y -= 20
        for f in s.fields:
            words = answer_words(f)
            c.setFont("Helvetica", 8.5)
            if f.kind == "agencies":
                rows = list(f.rows) + [("", "", "")] * (2 if len(f.rows) < 4 else 1)
                y = need(y, 18 * (len(rows) + 2))
                c.drawString(L, y, f.label)
                y -= 6
                xs = [L, L + 5 * cm, L + 10.5 * cm, R]
                c.setFont("Helvetica-Bold", 8)
                for i, col in enumerate(f.cols):
                    c.drawString(xs[i] + 3, y - 10, col)
                c.rect(L, y - 14, R - L, 14)
                y -= 14
                for name, ag, contact in rows:
                    for i, val in enumerate((name or "", ag, contact)):
                        c.rect(xs[i], y - 18, xs[i + 1] - xs[i], 18)
                        if val:
                            add((xs[i] + 2, y - 16, xs[i + 1] - 2, y - 2), [val], 9)
                    y -= 18
                y -= 12
                continue
            if f.kind in ("yesno", "choice"):
                ci = chosen_index(f)
                opts = f.options
                y = need(y, 16 * (1 + (len(opts) if len(opts) > 3 else 0)))
                c.drawString(L, y, f.label)
                if len(opts) > 3:
                    y -= 15
                    x = L + 12
                    for i, o in enumerate(opts):
                        c.rect(x, y - 2, 9, 9)
                        c.drawString(x + 14, y, o)
                        if i == ci:
                            add((x - 1, y - 3, x + 11, y + 9), [look["mark"]], 10)
                            if getattr(f, "other_text", ""):
                                c.rect(x + 130, y - 4, R - x - 130, 14)
                                spec = f.other_text[len(o):].strip(" -") if f.other_text.startswith(o) else f.other_text
                                add((x + 132, y - 3, R - 2, y + 9), [spec], 9)
                        y -= 15
                    y -= 4
                    continue
                x = max(L + c.stringWidth(f.label, "Helvetica", 8.5) + 14, L + 10 * cm)
                for i, o in enumerate(opts):
                    c.rect(x, y - 2, 9, 9)
                    c.drawString(x + 13, y, o)
                    if i == ci:
                        add((x - 1, y - 3, x + 11, y + 9), [look["mark"]], 10)
                    x += c.stringWidth(o, "Helvetica", 8.5) + 30
                y -= 18
                continue
            if f.kind in ("lines", "paras"):
                if f.kind == "paras":
                    out = []
                    for i, ptext in enumerate(words):
                        if i:
                            out.append("")
                        out += textwrap.wrap(ptext, 92)
                    n = max(len(out), 3) + 1
                else:
                    out = list(words)
                    n = 4
                h = 12 * n + 6
                y = need(y, h + 14)
                c.drawString(L, y, f.label)
                y -= 4
                c.rect(L, y - h, R - L, h)
                if out:
                    add((L + 2, y - h + 2, R - 2, y - 2), out, 9.5)
                y -= h + 12
                continue
            y = need(y, 22)
            c.drawString(L, y + 3, f.label)
            bx = L + 7.5 * cm
            if c.stringWidth(f.label, "Helvetica", 8.5) > 7.2 * cm:
                y -= 12
                bx = L + 1 * cm
            c.rect(bx, y - 4, R - bx, 16)
            if words:
                add((bx + 3, y - 3, R - 2, y + 11), words, 10)
            y -= 22
    header_footer(c, v, look, page[0] + 1)
    c.showPage()
    c.save()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    writer = PdfWriter()
    writer.append(reader)
    for pi, items in annots.items():
        pg = writer.pages[pi]
        arr = pg.get("/Annots")
        arr = ArrayObject() if arr is None else arr
        for k, (rect, lines, size) in enumerate(items):
            x0, y0, x1, y1 = rect
            ops = ["/Tx BMC", "q", "BT", f"/Helv {size} Tf", "0 0 0.55 rg"]
            ty = (y1 - y0) - size
            ops.append(f"2 {ty:.2f} Td")
            for j, ln in enumerate(lines):
                if j:
                    ops.append(f"0 {-(size + 2):.2f} Td")
                s = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({s}) Tj")
            ops += ["ET", "Q", "EMC"]
            ap = DecodedStreamObject()
            ap.set_data("\n".join(ops).encode("latin-1"))
            font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                     NameObject("/Subtype"): NameObject("/Type1"),
                                     NameObject("/BaseFont"): NameObject("/Helvetica"),
                                     NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
            ap.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                       NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(x1 - x0, 2)),
                                                         FloatObject(round(y1 - y0, 2))]),
                       NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                           {NameObject("/Helv"): writer._add_object(font)})})})
            apref = writer._add_object(ap)
            annot = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
                NameObject("/Rect"): ArrayObject([FloatObject(round(q, 2)) for q in rect]),
                NameObject("/Contents"): TextStringObject("\r".join(lines)),
                NameObject("/DA"): TextStringObject(f"0 0 0.55 rg /Helv {size} Tf"),
                NameObject("/F"): NumberObject(4),
                NameObject("/Border"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(0)]),
                NameObject("/NM"): TextStringObject(f"{look['nm']}-{pi}-{k:03d}"),
                NameObject("/M"): TextStringObject(look["annot_date"]),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): apref}),
            })
            arr.append(writer._add_object(annot))
        pg[NameObject("/Annots")] = arr
    writer.add_metadata({"/Producer": look["annot_producer"], "/Title": v["title"]})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ P-GDOC (Google-Docs-style export)
class Chip(Flowable):
    """A date 'smart chip': the date on a rounded grey background."""

    def __init__(self, text, size=10):
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, aw, ah):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        self.w = stringWidth(self.text, "Helvetica", self.size) + 10
        return self.w, self.size + 6

    def draw(self):
        c = self.canv
        c.setFillColor(colors.HexColor("#E8EAED"))
        c.roundRect(0, 0, self.w, self.size + 5, 6, stroke=0, fill=1)
        c.setFillColor(colors.HexColor("#202124"))
        c.setFont("Helvetica", self.size)
        c.drawString(5, 3.5, self.text)


class CheckItem(Flowable):
    """A checklist item: vector box; a checked item gets a drawn tick and grey, struck-through text."""

    def __init__(self, text, checked, size=10):
        super().__init__()
        self.text, self.checked, self.size = text, checked, size

    def wrap(self, aw, ah):
        return aw, self.size + 5

    def draw(self):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        c = self.canv
        s = self.size
        c.setStrokeColor(colors.HexColor("#5F6368"))
        c.setLineWidth(0.8)
        if self.checked:
            c.setFillColor(colors.HexColor("#1A73E8"))
            c.roundRect(0, 1, s - 1, s - 1, 1.5, stroke=0, fill=1)
            c.setStrokeColor(colors.white)
            c.setLineWidth(1.4)
            p = c.beginPath()
            p.moveTo(2, s / 2)
            p.lineTo(s / 2 - 1, 3)
            p.lineTo(s - 3, s - 3)
            c.drawPath(p, stroke=1, fill=0)
            c.setFillColor(colors.HexColor("#80868B"))
        else:
            c.roundRect(0, 1, s - 1, s - 1, 1.5, stroke=1, fill=0)
            c.setFillColor(colors.HexColor("#202124"))
        c.setFont("Helvetica", s)
        c.drawString(s + 5, 2, self.text)
        if self.checked:
            c.setStrokeColor(colors.HexColor("#80868B"))
            c.setLineWidth(0.7)
            c.line(s + 5, 2 + s * 0.3, s + 5 + stringWidth(self.text, "Helvetica", s), 2 + s * 0.3)


def render_gdoc(sections, v, look):
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72,
                            invariant=1, title=v["title"], author="", creator="", producer=look["gdoc_producer"])
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13.5)
    bold = ParagraphStyle("bb", parent=body, fontName="Helvetica-Bold")
    h1 = ParagraphStyle("h1", parent=body, fontSize=18, leading=22, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=body, fontSize=13, leading=17, spaceBefore=12, spaceAfter=6,
                        textColor=colors.HexColor("#434343"))
    small = ParagraphStyle("s", parent=body, fontSize=8.5, textColor=colors.HexColor("#666666"))
    story = [Paragraph(esc(v["org"]), bold), Paragraph(esc(v["title"]), h1), Paragraph(esc(look["guidance"]), small),
             Spacer(1, 6)]
    colw = [6.2 * cm, W - 144 - 6.2 * cm]
    for s in sections:
        story.append(Paragraph(esc(s.title), h2))
        rows = []
        after = []
        for f in s.fields:
            words = answer_words(f)
            if f.kind == "agencies":
                data = [[Paragraph(f"<b>{esc(cn)}</b>", body) for cn in f.cols]]
                for name, ag, contact in f.rows:
                    data.append([Paragraph(esc(name or ""), body), Paragraph(esc(ag), body),
                                 Paragraph(esc(contact), body)])
                if not f.rows:
                    data.append([Paragraph("", body)] * 3)
                t = Table(data, colWidths=[(W - 144) / 3] * 3)
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
                after.append(t)
                continue
            if f.kind == "paras":
                after.append(Paragraph(f"<b>{esc(f.label)}</b>", body))
                for w in words:
                    after.append(Paragraph(esc(w), body))
                    after.append(Spacer(1, 6))
                if not words:
                    after.append(Spacer(1, 14))
                continue
            if f.kind in ("yesno", "choice") and look["checklist"]:
                ci = chosen_index(f)
                cell = []
                for i, o in enumerate(f.options):
                    lab = (getattr(f, "other_text", "") or o) if i == ci else o
                    cell.append(CheckItem(lab, i == ci))
            elif f.kind == "date" and f.text and f.text[0].isdigit() and look["chips"]:
                cell = [Chip(f.text)]
            else:
                cell = [Paragraph(esc(w), body) for w in words] or [Paragraph("", body)]
            rows.append([Paragraph(esc(f.label), bold), cell])
        if rows:
            t = Table(rows, colWidths=colw)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
            story.append(t)
        if after:
            story.append(Spacer(1, 8))
            story += after

    def onpage(c, d):
        pass

    doc.build(story, onFirstPage=onpage, onLaterPages=onpage)
    return buf.getvalue()


# ------------------------------------------------------------------ P-2UP (printed two pages per sheet)
def render_2up(sections, v, look):
    buf = io.BytesIO()
    total = [0]
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12)
    bold = ParagraphStyle("bb", parent=body, fontName="Helvetica-Bold")
    head = ParagraphStyle("h", parent=body, fontName="Helvetica-Bold", fontSize=10.5, textColor=colors.white)

    def build(total_pages):
        b = io.BytesIO()
        doc = SimpleDocTemplate(b, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                                bottomMargin=2 * cm, invariant=1, title=v["title"], producer=look["twoup_producer"],
                                creator="")
        story = [Paragraph(esc(v["org"]), bold),
                 Paragraph(esc(v["title"]), ParagraphStyle("t", parent=bold, fontSize=13, leading=16, spaceAfter=6)),
                 Paragraph(esc(look["guidance"]), ParagraphStyle("g", parent=body, fontSize=8, leading=10)),
                 Spacer(1, 8)]
        colw = [6.3 * cm, W - 4 * cm - 6.3 * cm]
        for s in sections:
            rows = [[Paragraph(esc(s.title), head), ""]]
            style = [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (1, 0), colors.HexColor(look["bar"])),
                     ("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            tail = []
            for f in s.fields:
                words = answer_words(f)
                if f.kind == "agencies":
                    data = [[Paragraph(f"<b>{esc(cn)}</b>", body) for cn in f.cols]]
                    data += [[Paragraph(esc(n or ""), body), Paragraph(esc(a), body), Paragraph(esc(ct), body)]
                             for n, a, ct in f.rows]
                    data += [["", "", ""]]
                    t = Table(data, colWidths=[(W - 4 * cm) / 3] * 3)
                    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))]))
                    tail.append(t)
                    continue
                if f.kind in ("yesno", "choice") and look["twoup_glyph"]:
                    ci = chosen_index(f)
                    txt = "   ".join(("[X] " if i == ci else "[  ] ") + ((getattr(f, "other_text", "") or o)
                                                                         if i == ci else o)
                                     for i, o in enumerate(f.options))
                    cell = Paragraph(esc(txt), body)
                elif f.kind == "paras":
                    cell = [Paragraph(esc(w), ParagraphStyle("p", parent=body, spaceAfter=6)) for w in words] or ""
                else:
                    cell = [Paragraph(esc(w), body) for w in words] or ""
                if f.kind == "paras":
                    rows.append([Paragraph(esc(f.label), bold), ""])
                    style.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
                    rows.append([cell, ""])
                    style.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
                else:
                    rows.append([Paragraph(esc(f.label), bold), cell])
            t = Table(rows, colWidths=colw, repeatRows=0)
            t.setStyle(TableStyle(style))
            story += [t, Spacer(1, 4)] + tail + [Spacer(1, 8)]

        def onpage(c, d):
            c.saveState()
            c.setFont("Helvetica-Bold", 8)
            c.drawString(2 * cm, H - 1.2 * cm, v["marking"])
            c.drawRightString(W - 2 * cm, H - 1.2 * cm, v["formref"])
            c.setFont("Helvetica", 7)
            c.drawString(2 * cm, 1.0 * cm, look["footer"])
            c.drawRightString(W - 2 * cm, 1.0 * cm, f"Page {d.page} of {total_pages}")
            c.restoreState()
            total[0] = d.page

        doc.build(story, onFirstPage=onpage, onLaterPages=onpage)
        return b.getvalue()

    first = build(0)
    src = build(total[0])
    reader = PdfReader(io.BytesIO(src))
    writer = PdfWriter()
    LW, LH = landscape(A4)
    scale = min((LW / 2 - 10) / W, (LH - 20) / H)
    pages = list(reader.pages)
    for i in range(0, len(pages), 2):
        sheet = writer.add_blank_page(LW, LH)
        for j, pg in enumerate(pages[i:i + 2]):
            tx = 5 + j * LW / 2 + (LW / 2 - 10 - W * scale) / 2
            ty = (LH - H * scale) / 2
            sheet.merge_transformed_page(pg, Transformation().scale(scale, scale).translate(tx, ty))
    writer.add_metadata({"/Producer": look["twoup_producer"], "/Title": v["title"]})
    out = io.BytesIO()
    writer.write(out)
    del first
    return out.getvalue()


RENDER = {"P-TYPED": render_typed, "P-ANNOT": render_annot, "P-GDOC": render_gdoc, "P-2UP": render_2up}
