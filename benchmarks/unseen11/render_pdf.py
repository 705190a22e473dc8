"""The five PDF layouts of unseen11: P-TILES, P-PANELS, P-MARKUP, P-GREENBAR, P-TYPESET.

Every renderer returns a list of value boxes (page index, x0, top, x1, bottom in pdfplumber
coordinates) used by the self-check."""
import datetime as dt
import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas
from reportlab.pdfbase.pdfmetrics import stringWidth, registerFont
from reportlab.pdfbase.ttfonts import TTFont

import model
from model import expand, choice_word, other_field, wrap, F

PW, PH = A4


def answer_lines(f):
    if f.kind == "choice":
        w = choice_word(f)
        return [w] if w else []
    if f.kind in ("lines", "paras"):
        return list(f.value or [])
    return [f.value] if f.value else []


def wrap_w(text, font, size, width):
    words, lines, cur = [], [], ""
    for w in text.split():
        while stringWidth(w, font, size) > width and len(w) > 4:
            k = len(w) - 1
            while k > 3 and stringWidth(w[:k], font, size) > width:
                k -= 1
            words.append(w[:k])
            w = w[k:]
        words.append(w)
    for w in words:
        t = (cur + " " + w) if cur else w
        if cur and stringWidth(t, font, size) > width:
            lines.append(cur)
            cur = w
        else:
            cur = t
    if cur:
        lines.append(cur)
    return lines


def agency_rows(f):
    return [("Name", "Agency", "Contact details")] + [tuple(v or "" for v in a) for a in f.value] + \
        ([(f.none_text, "", "")] if not f.value else []) + [("", "", "")]


def grid_height(rows, ws, font, size, hfont, hsize):
    h = 0
    for k, r in enumerate(rows):
        fn, fs = (hfont, hsize) if k == 0 else (font, size)
        h += max(max(len(wrap_w(v, fn, fs, w - 6)) for v, w in zip(r, ws)), 1) * (fs + 2) + 5
    return h


def draw_grid(d, x, y, ws, rows, font, size, hfont, hsize, shade=0.85):
    """A ruled grid with a shaded header row; cells wrap; returns the new y."""
    c = d.c
    for k, r in enumerate(rows):
        fn, fs = (hfont, hsize) if k == 0 else (font, size)
        cells = [wrap_w(v, fn, fs, w - 6) for v, w in zip(r, ws)]
        rh = max(max(len(x_) for x_ in cells), 1) * (fs + 2) + 5
        cx = x
        for lines, w in zip(cells, ws):
            if k == 0:
                c.setFillGray(shade) if not isinstance(shade, tuple) else c.setFillColorRGB(*shade)
                c.rect(cx, y - rh, w, rh, stroke=1, fill=1)
                c.setFillGray(0)
            else:
                c.rect(cx, y - rh, w, rh, stroke=1, fill=0)
                d.box(cx + 1, y - 1, cx + w - 1, y - rh + 1)
            c.setFont(fn, fs)
            for j, ln in enumerate(lines):
                c.drawString(cx + 3, y - fs - 1.5 - j * (fs + 2), ln)
            cx += w
        y -= rh
    return y


class Doc:
    def __init__(self, path, case, size=A4, producer=None, title=None):
        self.buf = io.BytesIO() if path is None else None
        self.c = canvas.Canvas(path, pagesize=size, invariant=1)
        self.c.setTitle(title or case["s"]["title"])
        self.c.setAuthor(case["s"]["short"])
        if producer:
            self.c._doc.info.producer = producer
        self.W, self.H = size
        self.case = case
        self.page = 0
        self.boxes = []
        self.decor()

    def decor(self):
        c = self.c
        c.setFont("Helvetica", 7)
        c.setFillGray(0.35)
        c.drawString(36, self.H - 22, f"{self.case['marking']}   {self.case['s']['partnership']}   {self.case['formref']}")
        c.drawString(36, 18, self.case["footer"])
        c.drawRightString(self.W - 36, 18, f"Page {self.page + 1}")
        c.setFillGray(0)

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.decor()

    def box(self, x0, ytop_pdf, x1, ybot_pdf):
        """register a value box given in PDF coordinates (y up)."""
        self.boxes.append((self.page, x0, self.H - ytop_pdf, x1, self.H - ybot_pdf))

    def save(self):
        self.c.save()


# ---------------------------------------------------------------- P-TILES
def p_tiles(case, rnd, path, notes):
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    d = Doc(path, case)
    c = d.c
    M, GAP = 36, 12
    colw = (PW - 2 * M - GAP) / 2
    shade = rnd.choice([(0.85, 0.89, 0.95), (0.9, 0.9, 0.9), (0.88, 0.94, 0.88)])
    bar = rnd.choice([(0.12, 0.23, 0.4), (0.2, 0.2, 0.2), (0.0, 0.35, 0.3)])
    per_row = rnd.choice([2, 3])
    notes["fields_per_tile_row"] = per_row
    c.setFont("Helvetica-Bold", 13)
    c.drawString(M, PH - 50, case["s"]["title"])
    c.setFont("Helvetica", 8)
    c.drawString(M, PH - 62, case["s"]["org"])
    y0 = PH - 74
    for ln in wrap_w(case["guidance"], "Helvetica-Oblique", 7, PW - 2 * M):
        c.setFont("Helvetica-Oblique", 7)
        c.drawString(M, y0, ln)
        y0 -= 9
    ys = [y0 - 6, y0 - 6]
    FS, LS = 8.5, 7

    def tile_rows(sec, width):
        """list of rows; each row list of (label, lines, cellwidth)."""
        rows, cur = [], []
        for f in sec["fields"]:
            if f.kind == "agencies":
                continue
            extra = []
            lines = answer_lines(f)
            longf = f.kind in ("lines", "paras") or (f.kind == "text" and f.value and len(f.value) > 28) \
                or f.key in ("itype", "reason", "concerns") or len(f.label) > 40
            if longf:
                if cur:
                    rows.append(cur)
                    cur = []
                rows.append([(f, width)])
            else:
                cur.append((f, None))
                if len(cur) == per_row:
                    rows.append(cur)
                    cur = []
        if cur:
            rows.append(cur)
        out = []
        for r in rows:
            w = width / len(r)
            cells = []
            for f, _ in r:
                lab = wrap_w(f.label, "Helvetica-Bold", LS, w - 6)
                raw = answer_lines(f)
                vl = []
                for k, ln in enumerate(raw):
                    if f.kind == "paras" and k:
                        vl.append("")
                    vl += wrap_w(ln, "Helvetica", FS, w - 6) or [""]
                cells.append((f, lab, vl, w))
            out.append(cells)
        return out

    def tile_height(rows):
        h = 16
        for cells in rows:
            h += max(len(x[1]) for x in cells) * 8.5 + 4
            h += max(max(len(x[2]), 1) * 10.5 for x in cells) + 5
        return h

    def draw_tile(sec, x, ytop, width, rows):
        c.setFillColorRGB(*bar)
        c.rect(x, ytop - 14, width, 14, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 4, ytop - 10, sec["title"])
        c.setFillGray(0)
        y = ytop - 14
        for cells in rows:
            lh = max(len(x_[1]) for x_ in cells) * 8.5 + 4
            vh = max(max(len(x_[2]), 1) * 10.5 for x_ in cells) + 5
            cx = x
            for f, lab, vl, w in cells:
                c.setFillColorRGB(*shade)
                c.rect(cx, y - lh, w, lh, stroke=1, fill=1)
                c.setFillGray(0)
                c.setFont("Helvetica-Bold", LS)
                for k, ln in enumerate(lab):
                    c.drawString(cx + 3, y - 8 - k * 8.5, ln)
                c.rect(cx, y - lh - vh, w, vh, stroke=1, fill=0)
                c.setFont("Helvetica", FS)
                for k, ln in enumerate(vl):
                    c.drawString(cx + 3, y - lh - 10 - k * 10.5, ln)
                d.box(cx + 1, y - lh - 1, cx + w - 1, y - lh - vh + 1)
                cx += w
            y -= lh + vh
        return y

    def agencies_tile(f, x, ytop, width):
        ws = [width * 0.3, width * 0.35, width * 0.35]
        rows = agency_rows(f)
        need = 16 + grid_height(rows, ws, "Helvetica", FS, "Helvetica-Bold", LS)
        return ws, rows, need

    for sec in secs:
        wide = sec["id"] in ("inc", "crit", "conc", "ag")
        width = (PW - 2 * M) if wide else colw
        if sec["id"] == "ag":
            f = sec["fields"][0]
            ws, rows, need = agencies_tile(f, 0, 0, width)
        else:
            rows = tile_rows(sec, width)
            need = tile_height(rows)
        if wide:
            col = 0
            ytop = min(ys)
        else:
            col = 0 if ys[0] >= ys[1] else 1
            ytop = ys[col]
        if ytop - need < 40:
            d.new_page()
            ys = [PH - 40, PH - 40]
            ytop = PH - 40
            col = 0
        x = M if (wide or col == 0) else M + colw + GAP
        if sec["id"] == "ag":
            c.setFillColorRGB(*bar)
            c.rect(x, ytop - 14, width, 14, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x + 4, ytop - 10, sec["title"])
            c.setFillGray(0)
            y = draw_grid(d, x, ytop - 14, ws, rows, "Helvetica", FS, "Helvetica-Bold", LS, shade)
        else:
            y = draw_tile(sec, x, ytop, width, rows)
        if wide:
            ys = [y - 10, y - 10]
        else:
            ys[col] = y - 10
    d.save()
    return d.boxes


# ---------------------------------------------------------------- P-PANELS (wide register split over pages)
def p_panels(case, rnd, path, notes):
    secs = expand(case, rnd.random() < 0.5)
    notes["name_parts"] = any(f.key == "forename" for s in secs for f in s["fields"])
    size = landscape(A4)
    d = Doc(path, case, size=size, producer="Microsoft Excel - Print to PDF")
    c = d.c
    W, H = size
    M = 30
    c.setFont("Helvetica-Bold", 12)
    c.drawString(M, H - 45, case["s"]["title"] + " - case register")
    c.setFont("Helvetica", 7)
    y = H - 58
    for ln in wrap_w(case["guidance"], "Helvetica", 7, W - 2 * M):
        c.drawString(M, y, ln)
        y -= 9
    y -= 6
    # Part A: field | value list for everything but the children
    lw, vw = 230, W - 2 * M - 230
    c.setFont("Helvetica-Bold", 10)
    c.drawString(M, y, "Part A - referral")
    y -= 6
    for sec in secs:
        if sec["id"].startswith("child") or sec["id"] == "ag":
            continue
        if y < 70:
            d.new_page()
            y = H - 40
        c.setFillGray(0.82)
        c.rect(M, y - 13, lw + vw, 13, stroke=1, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(M + 3, y - 9.5, sec["title"])
        y -= 13
        for f in sec["fields"]:
            raw = answer_lines(f)
            vl = []
            for k, ln in enumerate(raw):
                if f.kind == "paras" and k:
                    vl.append("")
                vl += wrap_w(ln, "Helvetica", 8, vw - 6)
            labl = wrap_w(f.label, "Helvetica", 8, lw - 6)
            h = max(len(vl), len(labl), 1) * 10 + 4
            if y - h < 40:
                d.new_page()
                y = H - 40
            c.rect(M, y - h, lw, h)
            c.rect(M + lw, y - h, vw, h)
            c.setFont("Helvetica", 8)
            for k, ln in enumerate(labl):
                c.drawString(M + 3, y - 10 - k * 10, ln)
            for k, ln in enumerate(vl):
                c.drawString(M + lw + 3, y - 10 - k * 10, ln)
            d.box(M + lw + 1, y - 1, M + lw + vw - 1, y - h + 1)
            y -= h
        y -= 8
    # Part B: children register, columns split over pages
    kids = [s for s in secs if s["id"].startswith("child")]
    keys = []
    for s in kids:
        for f in s["fields"]:
            if f.key not in keys:
                keys.append(f.key)
    labels = {f.key: f.label for s in kids for f in s["fields"]}
    cw = rnd.choice([105, 118, 130])
    per = int((W - 2 * M - 24) // cw)
    panels = [keys[i:i + per] for i in range(0, len(keys), per)]
    notes["panels"] = len(panels)
    notes["columns_per_panel"] = per
    for pi, pk in enumerate(panels):
        d.new_page()
        y = H - 42
        c.setFont("Helvetica-Bold", 10)
        c.drawString(M, y, f"Part B - children ({pi + 1} of {len(panels)})" + (" - continued" if pi else ""))
        c.setFont("Helvetica-Oblique", 7)
        c.drawRightString(W - M, y, f"columns {sum(len(p) for p in panels[:pi]) + 1}-{sum(len(p) for p in panels[:pi + 1])} of {len(keys)}")
        y -= 8
        hl = [wrap_w(labels[k], "Helvetica-Bold", 7, cw - 5) for k in pk]
        hh = max(len(x) for x in hl) * 8.5 + 5
        c.setFillGray(0.85)
        c.rect(M, y - hh, 24, hh, stroke=1, fill=1)
        for j in range(len(pk)):
            c.rect(M + 24 + j * cw, y - hh, cw, hh, stroke=1, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 7)
        c.drawString(M + 3, y - 9, "#")
        for j, hlines in enumerate(hl):
            for k, ln in enumerate(hlines):
                c.drawString(M + 24 + j * cw + 3, y - 9 - k * 8.5, ln)
        y -= hh
        for ci, s in enumerate(kids):
            fm = {f.key: f for f in s["fields"]}
            cells = []
            for k in pk:
                f = fm.get(k)
                raw = answer_lines(f) if f else []
                vl = []
                for ln in raw:
                    vl += wrap_w(ln, "Helvetica", 7.5, cw - 5)
                cells.append(vl)
            rh = max([len(x) for x in cells] + [1]) * 9.5 + 5
            c.rect(M, y - rh, 24, rh)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(M + 6, y - 10, str(ci + 1))
            c.setFont("Helvetica", 7.5)
            for j, vl in enumerate(cells):
                x = M + 24 + j * cw
                c.rect(x, y - rh, cw, rh)
                for k, ln in enumerate(vl):
                    c.drawString(x + 3, y - 10 - k * 9.5, ln)
                d.box(x + 1, y - 1, x + cw - 1, y - rh + 1)
            y -= rh
    # agencies
    ag = [s for s in secs if s["id"] == "ag"][0]
    f = ag["fields"][0]
    y -= 20
    if y < 150:
        d.new_page()
        y = H - 42
    c.setFont("Helvetica-Bold", 10)
    c.drawString(M, y, "Part C - " + ag["title"])
    y -= 6
    ws = [200, 260, 260]
    y = draw_grid(d, M, y, ws, agency_rows(f), "Helvetica", 7.5, "Helvetica-Bold", 7.5)
    d.save()
    return d.boxes


# ---------------------------------------------------------------- P-MARKUP (choices marked with annotations)
def p_markup(case, rnd, path, notes):
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Ellipse, Rectangle, Highlight, Text, PolyLine
    from pypdf.generic import ArrayObject, ByteStringObject, FloatObject, NameObject, TextStringObject, DictionaryObject
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    mode = rnd.choice(["ellipse", "rectangle", "highlight", "tick"])
    notes["mark_annotation"] = mode
    buf = io.BytesIO()
    d = Doc(buf, case, producer="Adobe PDF Library 17.0")
    c = d.c
    M = 40
    lw = rnd.choice([170, 190, 210])
    vx = M + lw + 8
    vw = PW - M - vx
    tfont = rnd.choice(["Courier", "Helvetica", "Times-Roman"])
    notes["typed_font"] = tfont
    marks = []   # (page, x0, y0, x1, y1) in PDF coords for chosen option words
    c.setFont("Helvetica-Bold", 13)
    c.drawString(M, PH - 52, case["s"]["title"])
    c.setFont("Helvetica", 8)
    c.drawString(M, PH - 64, case["s"]["org"] + " - print, complete and return")
    y = PH - 78
    c.setFont("Helvetica-Oblique", 7)
    for ln in wrap_w(case["guidance"], "Helvetica-Oblique", 7, PW - 2 * M):
        c.drawString(M, y, ln)
        y -= 9
    y -= 4

    def ensure(h):
        nonlocal y
        if y - h < 40:
            d.new_page()
            y = PH - 40

    for sec in secs:
        ensure(40)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(M, y - 12, sec["title"].upper())
        c.line(M, y - 15, PW - M, y - 15)
        y -= 22
        for f in sec["fields"]:
            if f.kind == "agencies":
                ws = [150, 170, vw + lw + 8 - 320]
                rows = agency_rows(f)
                ensure(grid_height(rows, ws, tfont, 8.5, "Helvetica-Bold", 7.5) + 4)
                y = draw_grid(d, M, y, ws, rows, tfont, 8.5, "Helvetica-Bold", 7.5, shade=1)
                y -= 6
                continue
            labl = wrap_w(f.label, "Helvetica", 8.5, lw)
            if f.kind == "choice":
                opts = f.options
                rows_ = [opts] if sum(stringWidth(o, "Helvetica", 9) + 30 for o in opts) < vw else [[o] for o in opts]
                h = max(len(labl) * 10, len(rows_) * 14) + 6
                ensure(h)
                c.setFont("Helvetica", 8.5)
                for k, ln in enumerate(labl):
                    c.drawString(M, y - 10 - k * 10, ln)
                idx = 0
                for r_i, r in enumerate(rows_):
                    x = vx + 4
                    for o in r:
                        c.setFont("Helvetica", 9)
                        yy = y - 10 - r_i * 14
                        c.drawString(x, yy, o)
                        w = stringWidth(o, "Helvetica", 9)
                        if idx == f.chosen:
                            marks.append((d.page, x, yy, x + w, yy + 9))
                        x += w + 30
                        idx += 1
                y -= h
                if f.key == "itype":
                    o = other_field(f)
                    ensure(18)
                    c.setFont("Helvetica", 8.5)
                    c.drawString(M, y - 10, o.label)
                    c.rect(vx, y - 14, vw, 14)
                    c.setFont(tfont, 9)
                    c.drawString(vx + 3, y - 10, o.value or "")
                    d.box(vx + 1, y - 1, vx + vw - 1, y - 13)
                    y -= 18
                continue
            raw = answer_lines(f)
            vl = []
            for k, ln in enumerate(raw):
                if f.kind == "paras" and k:
                    vl.append("")
                vl += wrap_w(ln, tfont, 9, vw - 8)
            h = max(len(vl) * 11 + 5, len(labl) * 10 + 4, 16)
            ensure(h + 4)
            c.setFont("Helvetica", 8.5)
            for k, ln in enumerate(labl):
                c.drawString(M, y - 10 - k * 10, ln)
            c.setStrokeGray(0.5)
            c.rect(vx, y - h, vw, h)
            c.setStrokeGray(0)
            c.setFont(tfont, 9)
            for k, ln in enumerate(vl):
                c.drawString(vx + 4, y - 11 - k * 11, ln)
            d.box(vx + 1, y - 1, vx + vw - 1, y - h + 1)
            y -= h + 4
    d.save()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    w = PdfWriter()
    for p in reader.pages:
        w.add_page(p)
    col = rnd.choice([(1, 0, 0), (0, 0, 1), (0.9, 0.1, 0.5)])
    from pypdf.generic import DecodedStreamObject

    def ap(rect, ops, gs=False):
        st = DecodedStreamObject()
        st.set_data(ops.encode())
        st[NameObject("/Type")] = NameObject("/XObject")
        st[NameObject("/Subtype")] = NameObject("/Form")
        st[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in rect])
        if gs:
            g = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"), NameObject("/BM"): NameObject("/Multiply")})
            st[NameObject("/Resources")] = DictionaryObject({NameObject("/ExtGState"): DictionaryObject({NameObject("/G0"): w._add_object(g)})})
        return DictionaryObject({NameObject("/N"): w._add_object(st)})

    def ellipse_ops(x0, y0, x1, y1):
        k = 0.5523
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - 1, (y1 - y0) / 2 - 1
        return (f"{col[0]} {col[1]} {col[2]} RG 1.2 w {cx + rx:.2f} {cy:.2f} m "
                f"{cx + rx:.2f} {cy + k * ry:.2f} {cx + k * rx:.2f} {cy + ry:.2f} {cx:.2f} {cy + ry:.2f} c "
                f"{cx - k * rx:.2f} {cy + ry:.2f} {cx - rx:.2f} {cy + k * ry:.2f} {cx - rx:.2f} {cy:.2f} c "
                f"{cx - rx:.2f} {cy - k * ry:.2f} {cx - k * rx:.2f} {cy - ry:.2f} {cx:.2f} {cy - ry:.2f} c "
                f"{cx + k * rx:.2f} {cy - ry:.2f} {cx + rx:.2f} {cy - k * ry:.2f} {cx + rx:.2f} {cy:.2f} c S")
    for (pg, x0, y0, x1, y1) in marks:
        if mode == "ellipse":
            a = Ellipse(rect=(x0 - 6, y0 - 5, x1 + 6, y1 + 5))
        elif mode == "rectangle":
            a = Rectangle(rect=(x0 - 3, y0 - 4, x1 + 3, y1 + 3))
        elif mode == "highlight":
            a = Highlight(rect=(x0 - 1, y0 - 3, x1 + 1, y1 + 2),
                          quad_points=ArrayObject([FloatObject(v) for v in (x0 - 1, y1 + 2, x1 + 1, y1 + 2, x0 - 1, y0 - 3, x1 + 1, y0 - 3)]),
                          highlight_color="ffff00")
        else:
            a = PolyLine(vertices=[(x1 + 3, y0 + 4), (x1 + 7, y0 - 1), (x1 + 16, y1 + 6)])
        if mode != "highlight":
            a[NameObject("/C")] = ArrayObject([FloatObject(v) for v in col])
        r = [float(v) for v in a["/Rect"]]
        if mode == "ellipse":
            a[NameObject("/AP")] = ap(r, ellipse_ops(*r))
        elif mode == "rectangle":
            a[NameObject("/AP")] = ap(r, f"{col[0]} {col[1]} {col[2]} RG 1 w {r[0] + 0.5:.2f} {r[1] + 0.5:.2f} {r[2] - r[0] - 1:.2f} {r[3] - r[1] - 1:.2f} re S")
        elif mode == "highlight":
            a[NameObject("/AP")] = ap(r, f"/G0 gs 1 1 0 rg {r[0]:.2f} {r[1]:.2f} {r[2] - r[0]:.2f} {r[3] - r[1]:.2f} re f", gs=True)
        else:
            r = [x1 + 1, y0 - 3, x1 + 18, y1 + 8]
            a[NameObject("/Rect")] = ArrayObject([FloatObject(v) for v in r])
            a[NameObject("/AP")] = ap(r, f"{col[0]} {col[1]} {col[2]} RG 1.5 w {x1 + 3:.2f} {y0 + 4:.2f} m {x1 + 7:.2f} {y0 - 1:.2f} l {x1 + 16:.2f} {y1 + 6:.2f} l S")
        a[NameObject("/T")] = TextStringObject("Reviewer")
        w.add_annotation(page_number=pg, annotation=a)
    # a sticky note with a decoy date
    nd = model.fmt_date(dt.date(2026, 1, 12) + dt.timedelta(days=rnd.randrange(0, 40)), case["main_style"])
    note = rnd.choice([f"Discussed with EDT on {nd}", f"Chased chronology {nd}", f"Received by business unit {nd}"])
    t = Text(rect=(PW - 60, PH - 60, PW - 40, PH - 40), text=note)
    t[NameObject("/T")] = TextStringObject("SCP Business Unit")
    w.add_annotation(page_number=0, annotation=t)
    notes["sticky_note"] = note
    w._ID = ArrayObject([ByteStringObject(b"unseen11-markup!"), ByteStringObject(b"unseen11-markup!")])
    w.generate_file_identifiers = lambda: None
    w.add_metadata({"/Producer": "Adobe Acrobat Pro (64-bit) 24.1", "/Title": case["s"]["title"]})
    with open(path, "wb") as fh:
        w.write(fh)
    return d.boxes


# ---------------------------------------------------------------- P-GREENBAR
def p_greenbar(case, rnd, path, notes):
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    size = landscape(A4)
    d = Doc(path, case, size=size, producer="CareBase Batch Print Server 6.2")
    c = d.c
    W, H = size
    FS = 7.6
    CH = stringWidth("M", "Courier", FS)
    LH = 10.2
    M = 28
    LABW = rnd.choice([30, 34, 36])
    notes["label_width"] = LABW
    run_dt = model.fmt_date(dt.date(2026, 1, 3) + dt.timedelta(days=rnd.randrange(0, 50)), "dots_yy")
    prog = rnd.choice(["CRF011", "SGR040", "RRV102"])
    lines = []

    def lab(t):
        t = t.upper()
        if len(t) > LABW:
            t = t[:LABW]
        return (t + " " + "." * (LABW - len(t) + 2))[:LABW + 2] + ": "

    for si, sec in enumerate(secs):
        lines.append("")
        lines.append(f"*** SECTION {si + 1:02d} - {sec['title'].upper()} ***")
        lines.append("-" * 110)
        pend = None
        for f in sec["fields"]:
            if f.kind == "agencies":
                lines.append(f"{'NAME':<26}{'AGENCY':<40}CONTACT")
                for a in f.value:
                    lines.append(f"{(a[0] or ''):<26}{a[1]:<40}{a[2]}")
                if not f.value:
                    lines.append(f.none_text.upper())
                continue
            vals = answer_lines(f)
            if f.kind == "choice":
                vals = [v.upper() for v in vals]
            if f.key == "itype" and vals:
                pass
            short = len(vals) <= 1 and len(vals[0] if vals else "") <= 26 and f.kind != "paras"
            if short:
                txt = lab(f.label) + (vals[0] if vals else "")
                if pend is None:
                    pend = txt
                else:
                    lines.append(f"{pend:<{LABW + 4 + 30}}  {txt}")
                    pend = None
                continue
            if pend is not None:
                lines.append(pend)
                pend = None
            ind = " " * (LABW + 4)
            if f.kind == "paras":
                first = True
                for k, p in enumerate(vals):
                    if k:
                        lines.append(ind)
                    for w_ in wrap(p, 96):
                        lines.append((lab(f.label) if first else ind) + w_)
                        first = False
                if first:
                    lines.append(lab(f.label))
                continue
            out = []
            for v in vals:
                out += wrap(v, 96)
            if not out:
                out = [""]
            for k, v in enumerate(out):
                lines.append((lab(f.label) if k == 0 else ind) + v)
        if pend is not None:
            lines.append(pend)
    lines.append("")
    lines.append("*** END OF REPORT ***")
    per_page = int((H - 100) // LH)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    for pi, pl in enumerate(pages):
        if pi:
            d.new_page()
        # green bars
        for k in range(per_page):
            if (k // 3) % 2 == 0:
                c.setFillColorRGB(0.86, 0.95, 0.86)
                c.rect(M - 6, H - 52 - (k + 1) * LH + 2.5, W - 2 * M + 12, LH, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Courier-Bold", FS)
        c.drawString(M, H - 40, f"{case['s']['short'].upper():<34}{prog}  SAFEGUARDING REFERRAL PRINT        RUN {run_dt} 07:41   PAGE {pi + 1:04d}")
        c.setFont("Courier", FS)
        d.box(M - 6, H - 44, W - M, 28)
        for k, ln in enumerate(pl):
            c.drawString(M, H - 52 - (k + 1) * LH + 5, ln)
    notes["run_date"] = run_dt
    d.save()
    return d.boxes


# ---------------------------------------------------------------- P-TYPESET
LIG = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]
_fonts = {}


def _reg():
    if _fonts:
        return
    for n, f in [("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVSI", "DejaVuSerif-Italic.ttf"),
                 ("DVN", "DejaVuSans.ttf")]:
        registerFont(TTFont(n, "/usr/share/fonts/truetype/dejavu/" + f))
        _fonts[n] = True


def lig(t):
    for a, b in LIG:
        t = t.replace(a, b)
    return t


def hyph_wrap(text, font, size, width, rnd, stats):
    """wrap; a long alphabetic word that does not fit is hyphenated at the line end."""
    words, lines, cur = text.split(), [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if cur and stringWidth(lig(t), font, size) > width:
            core = w.rstrip(".,;:")
            if len(core) >= 7 and core.isalpha() and core == w:
                V = set("aeiouyAEIOUY")
                cuts = [k for k in range(len(w) - 3, 2, -1)
                        if w[k - 1] not in V and w[k] not in V and w[k - 1] != w[k] or w[k - 1] == w[k] and w[k] not in V]
                cuts += [k for k in range(len(w) - 3, 2, -1) if w[k - 1] in V and w[k] not in V and k not in cuts]
                for cut in cuts:
                    t2 = cur + " " + w[:cut] + "-"
                    if stringWidth(lig(t2), font, size) <= width:
                        lines.append(t2)
                        stats["hyphenated"] += 1
                        cur = w[cut:]
                        break
                else:
                    lines.append(cur)
                    cur = w
            else:
                lines.append(cur)
                cur = w
        else:
            cur = t
    if cur:
        lines.append(cur)
    return lines


def p_typeset(case, rnd, path, notes):
    _reg()
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    d = Doc(path, case, producer="Adobe InDesign 19.4 (Macintosh) / Adobe PDF Library 17.0")
    c = d.c
    stats = {"hyphenated": 0}
    ML, MR = 150, 70
    tw = PW - ML - MR
    accent = rnd.choice([(0.55, 0.1, 0.25), (0.1, 0.35, 0.45), (0.3, 0.2, 0.5)])
    y = PH - 60
    c.setFont("DVSB", 16)
    c.setFillColorRGB(*accent)
    for ln in hyph_wrap(case["s"]["title"], "DVSB", 16, PW - 2 * 50, rnd, {"hyphenated": 0}):
        c.drawString(50, y, lig(ln))
        y -= 19
    c.setFillGray(0)
    c.setFont("DVSI", 8.5)
    c.drawString(50, y, lig(case["s"]["org"]))
    y -= 20
    side_notes = {"dor": "e.g. " + model.fmt_date(dt.date(2015, 1, 1), case["main_style"]),
                  "ref_phone": "e.g. 0113 496 0000", "ref_email": "e.g. name@" + case["s"]["domain"],
                  "dob": "e.g. " + model.fmt_date(dt.date(2015, 1, 1), case["dob_style"]),
                  "la_aware": "the date the local authority first knew", "address": "include the postcode",
                  "summary": "facts only; no opinions"}
    notes["margin_notes"] = True
    FS, LS = 9.5, 6.8

    def ensure(h):
        nonlocal y
        if y - h < 45:
            d.new_page()
            y = PH - 50

    # guidance under the title, full measure, italic
    c.setFont("DVSI", 7)
    c.setFillGray(0.35)
    for ln in wrap_w(lig(case["guidance"]), "DVSI", 7, PW - 100):
        c.drawString(50, y, ln)
        y -= 9
    c.setFillGray(0)
    y -= 8
    num = 0
    for sec in secs:
        num += 1
        ensure(50)
        c.setFillColorRGB(*accent)
        c.setFont("DVSB", 20)
        c.drawRightString(ML - 12, y - 18, f"{num:02d}")
        c.setFont("DVSB", 12)
        c.drawString(ML, y - 16, lig(sec["title"].split(". ", 1)[-1]))
        c.setFillGray(0)
        y -= 28
        for f in sec["fields"]:
            if f.kind == "agencies":
                if not f.value:
                    ensure(24)
                    c.setFont("DVS", FS)
                    c.drawString(ML, y - 10, lig(f.none_text))
                    d.box(ML - 1, y, ML + tw, y - 14)
                    y -= 18
                for a in f.value:
                    ensure(40)
                    for lab_, v in zip(("NAME", "AGENCY", "CONTACT"), a):
                        c.setFont("DVSB", LS)
                        c.setFillColorRGB(*accent)
                        c.drawString(ML, y - 8, lab_)
                        c.setFillGray(0)
                        c.setFont("DVS", FS)
                        c.drawString(ML + 60, y - 8, lig(v or ""))
                        d.box(ML + 59, y + 1, ML + tw, y - 11)
                        y -= 12
                    y -= 6
                continue
            ensure(30)
            c.setFont("DVSB", LS)
            c.setFillColorRGB(*accent)
            c.drawString(ML, y - 7, lig(f.label.upper()))
            c.setFillGray(0)
            if f.key in side_notes:
                c.setFont("DVSI", 6.5)
                c.setFillGray(0.45)
                c.drawRightString(ML - 12, y - 16, lig(side_notes[f.key]))
                c.setFillGray(0)
            y -= 10
            if f.kind == "choice":
                opts = f.options
                x = ML
                for k, o in enumerate(opts):
                    mark = "\u25cf" if k == f.chosen else "\u25cb"
                    c.setFont("DVN", FS)
                    c.drawString(x, y - 10, mark)
                    c.setFont("DVS", FS)
                    c.drawString(x + 11, y - 10, lig(o))
                    x += 11 + stringWidth(lig(o), "DVS", FS) + 16
                    if x > ML + tw - 60 and k < len(opts) - 1:
                        x = ML
                        y -= 13
                y -= 20
                if f.key == "itype" and getattr(f, "other", None):
                    c.setFont("DVSI", FS)
                    c.drawString(ML, y - 8, lig("Please specify: " + f.other))
                    d.box(ML - 1, y + 2, ML + tw, y - 12)
                    y -= 14
                continue
            raw = answer_lines(f)
            vl = []
            for k, ln in enumerate(raw):
                if f.kind == "paras" and k:
                    vl.append("")
                if f.kind in ("paras",) or f.key in ("reason", "concerns"):
                    vl += hyph_wrap(ln, "DVS", FS, tw, rnd, stats)
                else:
                    vl += wrap_w(ln, "DVS", FS, tw)
            top = y
            c.setFont("DVS", FS)
            for ln in vl:
                if y - 12 < 45:
                    d.box(ML - 1, top + 1, ML + tw + 2, y - 2)
                    d.new_page()
                    y = PH - 50
                    top = y
                    c.setFont("DVS", FS)
                if ln:
                    c.drawString(ML, y - 10, lig(ln))
                y -= 12.5
            if not vl:
                c.setStrokeGray(0.7)
                c.line(ML, y - 10, ML + 120, y - 10)
                c.setStrokeGray(0)
                y -= 12.5
            d.box(ML - 1, top + 1, ML + tw + 2, y - 2)
            y -= 6
    notes["hyphenated_breaks"] = stats["hyphenated"]
    d.save()
    return d.boxes


LAYOUTS = {"P-TILES": p_tiles, "P-PANELS": p_panels, "P-MARKUP": p_markup, "P-GREENBAR": p_greenbar,
           "P-TYPESET": p_typeset}
