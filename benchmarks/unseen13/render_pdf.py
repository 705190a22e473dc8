"""The five PDF layouts of unseen13 (reportlab, plus pypdf for the form dictionaries)."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DecodedStreamObject, DictionaryObject,
                           FloatObject, NameObject, NumberObject, TextStringObject)
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVuMono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"))


def spec_of(item):
    return item.get("spec") if item["sel"] is not None and item["opts"][item["sel"]].lower().startswith("other") else None


def guidance(ctx) -> str:
    s = ctx["sender"]
    return (f"Please complete every section you can and email the form to {s.pship_email}. If you are unsure whether the "
            f"criteria are met, ring the {s.pship_short} business unit on {s.pship_phone}. Example of a date: {ctx['example_date']}.")


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for part in (text or "").split("\n"):
        out += simpleSplit(part, font, size, width) or [""]
    return out


def para_lines(paras, font, size, width) -> list[str]:
    out = []
    for k, p in enumerate(paras or []):
        if k:
            out.append("")
        out += wrap(p, font, size, width)
    return out


class Regions:
    """Answer boxes drawn, in drawing order, as (page index, (x0, top, x1, bottom)) in pdfplumber coordinates."""

    def __init__(self, page_h):
        self.items = []
        self.page_h = page_h

    def add(self, page, x0, y_top, x1, y_bottom):
        self.items.append((page, (max(0, x0 - 1), max(0, self.page_h - y_top - 1), x1 + 1, self.page_h - y_bottom + 1)))


def item_value(it) -> str:
    if it["t"] == "text":
        return "\n".join(it["lines"]) if it["lines"] else it["shown"]
    if it["t"] in ("yn", "choice"):
        return it["opts"][it["sel"]] if it["sel"] is not None else ""
    if it["t"] == "long":
        return "\n\n".join(it["paras"] or [])
    return ""


# ================================================================ P-FAXED
def p_faxed(ctx, path):
    s, rng = ctx["sender"], ctx["rng"]
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(f"FAX {ctx['fax_id']}")
    c.setAuthor("")
    c.setCreator("FaxServer Image Converter")
    reg = Regions(H)
    page = [0]
    total = ctx["fax_pages"]

    def fax_header():
        c.setFont("Courier", 7.5)
        c.setFillGray(0.1)
        c.drawString(22, H - 16, f"{ctx['fax_stamp']}  FROM-{s.org.upper()[:28]}  {ctx['fax_from']}"
                                 f"   T-{ctx['fax_id']}  P.{page[0] + 1:03d}/{total:03d}  F-{ctx['fax_job']}")
        c.setFillGray(0)
        r = ctx["noise"]
        c.setFillGray(0.55)
        for _ in range(40):
            c.circle(r.uniform(10, W - 10), r.uniform(10, H - 10), r.uniform(0.2, 0.6), stroke=0, fill=1)
        c.setFillGray(0)

    def new_page():
        c.showPage()
        page[0] += 1
        fax_header()
        c.setFont("Helvetica-Bold", 8)
        c.drawCentredString(W / 2, H - 34, ctx["marking"])
        c.setFont("Helvetica", 7)
        c.drawRightString(W - 40, H - 44, f"{s.partnership} - {s.ref}")
        c.drawString(40, 26, f"{s.ref} - version {ctx['version']} - reviewed {ctx['reviewed']}")
        return H - 60

    # cover sheet
    fax_header()
    c.setFont("Helvetica-Bold", 34)
    c.drawString(60, H - 110, "FAX")
    c.setFont("Helvetica", 10)
    y = H - 160
    for k, v in [("To:", f"{s.pship_short} Business Unit"), ("Fax:", s.pship_phone), ("From:", ctx["fax_sender"]),
                 ("Organisation:", f"{s.org} ({s.team})"), ("Fax / phone:", ctx["fax_from"]), ("Date:", ctx["fax_date"]),
                 ("Pages:", f"{total} including this cover sheet"), ("Re:", "Referral form - confidential")]:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(60, y, k)
        c.setFont("Helvetica", 10)
        c.drawString(160, y, v)
        c.line(160, y - 3, W - 60, y - 3)
        y -= 24
    c.setFont("Helvetica", 9)
    y -= 10
    for ln in wrap("Please find our completed referral form attached. Our secure email is not working today so we are "
                   "sending this by fax; please call to confirm receipt.", "Helvetica", 9, W - 120):
        c.drawString(60, y, ln)
        y -= 12
    y -= 20
    c.setFont("Helvetica-Oblique", 7.5)
    for ln in wrap("CONFIDENTIALITY: this fax is intended only for the named recipient. If you have received it in error "
                   "please telephone the sender and destroy all pages.", "Helvetica-Oblique", 7.5, W - 120):
        c.drawString(60, y, ln)
        y -= 10
    y = new_page()
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, y, s.title)
    y -= 14
    c.setFont("Helvetica", 8)
    for ln in wrap(guidance(ctx), "Helvetica", 8, W - 80):
        c.drawString(40, y, ln)
        y -= 10
    y -= 6
    X0, XQ, XA, X1 = 40, 66, 270, W - 40
    fs, lh = 8.5, 10.5
    qn = [0]
    afont = ctx["afont"]

    def box_row(num, label, value_lines, y):
        ql = wrap(label, "Helvetica", fs, XA - XQ - 6)
        h = max(len(ql), len(value_lines), 1) * lh + 6
        if y - h < 50:
            y = new_page()
        c.rect(X0, y - h, X1 - X0, h, stroke=1, fill=0)
        c.line(XQ, y, XQ, y - h)
        c.line(XA, y, XA, y - h)
        c.setFont("Helvetica", fs)
        c.drawString(X0 + 4, y - lh, num)
        for k, ln in enumerate(ql):
            c.drawString(XQ + 3, y - lh * (k + 1), ln)
        c.setFont(afont, fs + 0.5)
        for k, ln in enumerate(value_lines):
            c.drawString(XA + 4, y - lh * (k + 1), ln)
        reg.add(page[0], XA, y, X1, y - h)
        return y - h

    for sec in ctx["sections"]:
        if y < 110:
            y = new_page()
        c.setFillGray(0.85)
        c.rect(X0, y - 14, X1 - X0, 14, stroke=1, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(X0 + 4, y - 10, sec["title"])
        y -= 14
        for it in sec["items"]:
            t = it["t"]
            if t in ("text", "yn", "choice"):
                qn[0] += 1
                val = item_value(it)
                sp = spec_of(it) if it.get("key") == "itype" else None
                if sp:
                    val = f"{val} - {sp}"
                y = box_row(f"{qn[0]}.", it["label"], wrap(val, afont, fs + 0.5, X1 - XA - 8), y)
            elif t == "long":
                qn[0] += 1
                if y < 90:
                    y = new_page()
                c.setFont("Helvetica", fs)
                c.rect(X0, y - lh - 4, X1 - X0, lh + 4, stroke=1, fill=0)
                c.drawString(X0 + 4, y - lh, f"{qn[0]}.")
                c.drawString(XQ + 3, y - lh, it["label"])
                y -= lh + 4
                lines = para_lines(it["paras"], afont, fs + 0.5, X1 - X0 - 10) or [""]
                k = 0
                while k < len(lines):
                    room = int((y - 50) // lh) - 1
                    if room < 2:
                        y = new_page()
                        continue
                    chunk = lines[k:k + room]
                    h = len(chunk) * lh + 8
                    c.rect(X0, y - h, X1 - X0, h, stroke=1, fill=0)
                    c.setFont(afont, fs + 0.5)
                    for j, ln in enumerate(chunk):
                        c.drawString(X0 + 5, y - lh * (j + 1), ln)
                    reg.add(page[0], X0, y, X1, y - h)
                    y -= h
                    k += room
            elif t == "agencies":
                qn[0] += 1
                if y < 120:
                    y = new_page()
                c.setFont("Helvetica", fs)
                c.drawString(X0 + 4, y - lh, f"{qn[0]}.  {it['label']}")
                y -= lh + 4
                cols = [X0, X0 + 150, X0 + 330, X1]
                rows = [tuple(it["headers"])] + [tuple(v or "" for v in r) for r in it["rows"]] + [("", "", "")]
                for ri, r in enumerate(rows):
                    cells = [wrap(v, "Helvetica-Bold" if ri == 0 else afont, fs, cols[j + 1] - cols[j] - 6) for j, v in enumerate(r)]
                    h = max(len(cl) for cl in cells) * lh + 5
                    if y - h < 50:
                        y = new_page()
                    for j in range(3):
                        c.rect(cols[j], y - h, cols[j + 1] - cols[j], h, stroke=1, fill=0)
                        c.setFont("Helvetica-Bold" if ri == 0 else afont, fs)
                        for m, ln in enumerate(cells[j]):
                            c.drawString(cols[j] + 3, y - lh * (m + 1), ln)
                        if ri:
                            reg.add(page[0], cols[j], y, cols[j + 1], y - h)
                    y -= h
        y -= 8
    c.setFont("Helvetica", 8)
    if y < 80:
        y = new_page()
    c.drawString(40, y - 20, "Signed: ____________________________        Date: ______________")
    c.showPage()
    c.save()
    return {"regions": reg.items, "pages": page[0] + 1}


# ================================================================ P-BOOKLET
class VPages:
    """Records drawing operations on virtual A5 pages."""

    def __init__(self):
        self.pages = [[]]

    def op(self, f):
        self.pages[-1].append(f)

    def new(self):
        self.pages.append([])


def p_booklet(ctx, path):
    s = ctx["sender"]
    VW, VH = 421, 595
    vp = VPages()
    regs = []   # (vpage, (x0, y_top, x1, y_bottom)) in virtual coordinates
    M = 28
    fs, lh = 7.2, 8.8
    LW_ = 118
    y = [VH - 40]
    accent = ctx["variant"]

    def furniture(n):
        def f(c, n=n):
            c.setFont("Helvetica-Bold", 6.5)
            c.drawCentredString(VW / 2, VH - 16, ctx["marking"])
            c.setFont("Helvetica", 6)
            c.drawString(M, 14, f"{s.ref} - version {ctx['version']} - reviewed {ctx['reviewed']}")
            c.drawRightString(VW - M, 14, str(n))
        vp.op(f)

    furniture(1)

    def newpage():
        vp.new()
        furniture(len(vp.pages))
        y[0] = VH - 34

    # cover
    def cover(c):
        c.setFillColor(accent)
        c.rect(0, VH - 200, VW, 150, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 15)
        for k, ln in enumerate(wrap(s.title, "Helvetica-Bold", 15, VW - 2 * M)):
            c.drawString(M, VH - 90 - k * 18, ln)
        c.setFont("Helvetica", 9)
        c.drawString(M, VH - 180, f"{s.org} - {s.team}")
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 8)
        for k, ln in enumerate(wrap(guidance(ctx), "Helvetica", 8, VW - 2 * M)):
            c.drawString(M, VH - 240 - k * 11, ln)
    vp.op(cover)
    newpage()

    def need(h):
        if y[0] - h < 30:
            newpage()

    def label_row(label, val_lines):
        ll = wrap(label, "Helvetica-Bold", fs, LW_ - 6)
        h = max(len(ll), len(val_lines), 1) * lh + 4
        need(h)
        yt = y[0]

        def f(c, yt=yt, ll=ll, vl=val_lines, h=h):
            c.setStrokeGray(0.5)
            c.setFillGray(0.93)
            c.rect(M, yt - h, LW_, h, stroke=1, fill=1)
            c.setFillGray(0)
            c.rect(M + LW_, yt - h, VW - 2 * M - LW_, h, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", fs)
            for k, ln in enumerate(ll):
                c.drawString(M + 3, yt - lh * (k + 1) + 1, ln)
            c.setFont("Helvetica", fs + 0.4)
            for k, ln in enumerate(vl):
                c.drawString(M + LW_ + 4, yt - lh * (k + 1) + 1, ln)
        vp.op(f)
        regs.append((len(vp.pages) - 1, (M + LW_, yt, VW - M, yt - h)))
        y[0] -= h

    AW = VW - 2 * M - LW_ - 8
    for sec in ctx["sections"]:
        need(40)
        yt = y[0]

        def head(c, yt=yt, t=sec["title"]):
            c.setFillColor(accent)
            c.rect(M, yt - 13, VW - 2 * M, 13, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(M + 4, yt - 9.5, t)
            c.setFillColorRGB(0, 0, 0)
        vp.op(head)
        y[0] -= 15
        for it in sec["items"]:
            t = it["t"]
            if t in ("text",):
                label_row(it["label"], wrap(item_value(it), "Helvetica", fs + 0.4, AW))
            elif t in ("yn", "choice"):
                txt = "   ".join(("[X] " if it["sel"] == k else "[  ] ") + o for k, o in enumerate(it["opts"]))
                label_row(it["label"], wrap(txt, "Helvetica", fs + 0.4, AW))
                if it["key"] == "itype":
                    label_row("If other, please specify", wrap(spec_of(it) or "", "Helvetica", fs + 0.4, AW))
            elif t == "long":
                need(30)
                yt = y[0]
                vp.op(lambda c, yt=yt, l=it["label"]: (c.setFont("Helvetica-Bold", fs), c.drawString(M, yt - lh, l)))
                y[0] -= lh + 3
                lines = para_lines(it["paras"], "Helvetica", fs + 0.4, VW - 2 * M - 8) or [""]
                k = 0
                while k < len(lines):
                    room = int((y[0] - 30) // lh) - 1
                    if room < 2:
                        newpage()
                        continue
                    chunk = lines[k:k + room]
                    h = len(chunk) * lh + 6
                    yt = y[0]

                    def f(c, yt=yt, chunk=chunk, h=h):
                        c.setStrokeGray(0.5)
                        c.rect(M, yt - h, VW - 2 * M, h, stroke=1, fill=0)
                        c.setFont("Helvetica", fs + 0.4)
                        for j, ln in enumerate(chunk):
                            c.drawString(M + 4, yt - lh * (j + 1), ln)
                    vp.op(f)
                    regs.append((len(vp.pages) - 1, (M, yt, VW - M, yt - h)))
                    y[0] -= h
                    k += room
            elif t == "agencies":
                need(40)
                yt = y[0]
                vp.op(lambda c, yt=yt, l=it["label"]: (c.setFont("Helvetica-Bold", fs), c.drawString(M, yt - lh, l)))
                y[0] -= lh + 3
                cols = [M, M + 105, M + 250, VW - M]
                rows = [tuple(it["headers"])] + [tuple(v or "" for v in r) for r in it["rows"]] + [("", "", "")] * 2
                for ri, r in enumerate(rows):
                    cells = [wrap(v, "Helvetica", fs, cols[j + 1] - cols[j] - 5) for j, v in enumerate(r)]
                    h = max(len(cl) for cl in cells) * lh + 4
                    need(h)
                    yt = y[0]

                    def f(c, yt=yt, cells=cells, h=h, ri=ri):
                        c.setStrokeGray(0.5)
                        for j in range(3):
                            if ri == 0:
                                c.setFillGray(0.93)
                                c.rect(cols[j], yt - h, cols[j + 1] - cols[j], h, stroke=1, fill=1)
                                c.setFillGray(0)
                            else:
                                c.rect(cols[j], yt - h, cols[j + 1] - cols[j], h, stroke=1, fill=0)
                            c.setFont("Helvetica-Bold" if ri == 0 else "Helvetica", fs)
                            for m, ln in enumerate(cells[j]):
                                c.drawString(cols[j] + 3, yt - lh * (m + 1) + 1, ln)
                    vp.op(f)
                    if ri:
                        for j in range(3):
                            regs.append((len(vp.pages) - 1, (cols[j], yt, cols[j + 1], yt - h)))
                    y[0] -= h
        y[0] -= 8
    # pad to a multiple of 4 (the last page is the back cover)
    while len(vp.pages) % 4:
        newpage()
        if len(vp.pages) % 4 == 0:
            vp.op(lambda c: (c.setFont("Helvetica", 8), c.drawCentredString(VW / 2, VH / 2, f"{s.partnership}"),
                             c.drawCentredString(VW / 2, VH / 2 - 12, s.pship_email)))
        else:
            vp.op(lambda c: (c.setFont("Helvetica-Oblique", 8), c.drawCentredString(VW / 2, VH / 2, "Notes")))
    N = len(vp.pages)
    order = []
    for sh in range(N // 4):
        order.append((N - 1 - 2 * sh, 2 * sh))
        order.append((2 * sh + 1, N - 2 - 2 * sh))
    SW, SH = landscape(A4)
    c = canvas.Canvas(path, pagesize=(SW, SH), invariant=1)
    c.setTitle(s.title)
    c.setCreator("Microsoft Word")
    regions = []
    for si, (left, right) in enumerate(order):
        for half, vi in ((0, left), (1, right)):
            c.saveState()
            c.translate(half * SW / 2, 0)
            for f in vp.pages[vi]:
                f(c)
            c.restoreState()
            for pv, (x0, yt, x1, yb) in regs:
                if pv == vi:
                    regions.append(((si, vi), (half * SW / 2 + x0 - 1, SH - yt - 1, half * SW / 2 + x1 + 1, SH - yb + 1)))
        c.showPage()
    c.save()
    # regions in reading order of the virtual pages
    regions.sort(key=lambda r: r[0][1])
    return {"regions": [(si, bb) for (si, vi), bb in regions], "halves": True, "pages": len(order), "vpages": N}


# ================================================================ P-SHEETROW
def p_sheetrow(ctx, path):
    s = ctx["sender"]
    W, H = landscape(A4)
    cols = [("Timestamp", ctx["timestamp"], 78)]
    for sec in ctx["sections"]:
        pre = ""
        if sec["kind"] == "child" and sec.get("index", 0) > 0:
            pre = f"Child {sec['index'] + 1} - "
        for it in sec["items"]:
            t = it["t"]
            if t == "text":
                sw = max([pdfmetrics.stringWidth(ln, "Helvetica", 7) for ln in item_value(it).split("\n")] + [0])
                w = 100 if sw < 92 else min(170, sw + 10)
                cols.append((pre + it["label"], item_value(it), w))
            elif t in ("yn", "choice"):
                cols.append((pre + it["label"], item_value(it), 80))
                if it["key"] == "itype":
                    cols.append(("If other, please specify", spec_of(it) or "", 100))
            elif t == "long":
                cols.append((it["label"], "\n\n".join(it["paras"] or []), 300 if it["key"] == "summary" else 190))
            elif t == "agencies":
                for k, r in enumerate(it["rows"]):
                    for h, v in zip(it["headers"], r):
                        sw = pdfmetrics.stringWidth(v or "", "Helvetica", 7)
                        cols.append((f"Agency {k + 1} - {h}", v or "", 110 if sw < 100 else min(170, sw + 10)))
    c = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    c.setTitle(f"{s.title} (Responses)")
    c.setCreator("Google Sheets")
    c.setProducer("Skia/PDF m126 Google Sheets")
    regions = []
    M = 24
    fs, lh = 7, 8.6
    pages = []
    cur, used = [], 0
    for col in cols:
        if used + col[2] > W - 2 * M and cur:
            pages.append(cur)
            cur, used = [], 0
        cur.append(col)
        used += col[2]
    pages.append(cur)
    for pi, pcols in enumerate(pages):
        c.setFont("Helvetica", 7)
        c.setFillGray(0.3)
        c.drawString(M, H - 18, f"{s.title} (Responses) : Form responses 1")
        c.drawRightString(W - M, 14, f"{pi + 1}")
        c.setFillGray(0)
        x = M
        heads = [wrap(h, "Helvetica-Bold", fs, w - 6) for h, _, w in pcols]
        vals = [wrap(v, "Helvetica", fs, w - 6) for _, v, w in pcols]
        hh = max(len(h) for h in heads) * lh + 6
        vh = max(len(v) for v in vals) * lh + 6
        top = H - 28
        for (h, v, w), hl, vl in zip(pcols, heads, vals):
            c.setStrokeGray(0.75)
            c.setFillGray(0.91)
            c.rect(x, top - hh, w, hh, stroke=1, fill=1)
            c.setFillGray(0)
            c.rect(x, top - hh - vh, w, vh, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", fs)
            for k, ln in enumerate(hl):
                c.drawString(x + 3, top - lh * (k + 1), ln)
            c.setFont("Helvetica", fs)
            for k, ln in enumerate(vl):
                c.drawString(x + 3, top - hh - lh * (k + 1), ln)
            regions.append((pi, (x - 1, H - (top - hh) - 1, x + w + 1, H - (top - hh - vh) + 1)))
            x += w
        c.showPage()
    c.save()
    return {"regions": regions, "pages": len(pages), "columns": len(cols)}


# ================================================================ P-XFADYN
def _tag(label: str, used: set) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", " ", label).title().replace(" ", "")[:28] or "Field"
    if base[0].isdigit():
        base = "F" + base
    name = base
    k = 2
    while name in used:
        name = f"{base}{k}"
        k += 1
    used.add(name)
    return name


def xfa_parts(ctx):
    """(template xml, datasets xml, list of values)"""
    secs = ctx["sections"]
    tpl = []
    data = []
    values = []
    sub_names = {"ref": "Referrer", "lead": "SafeguardingLead", "child": "Child", "incident": "Incident",
                 "criteria": "Criteria", "panel": "Panel", "agencies": "Agencies", "concerns": "Concerns", "decoy": "Record"}
    child_tpl_done = False
    for sec in secs:
        sub = sub_names[sec["kind"]]
        used: set = set()
        fields_t, fields_d = [], []
        for it in sec["items"]:
            t = it["t"]
            if t == "agencies":
                rows_d = []
                for r in it["rows"]:
                    rows_d.append("<Row>" + "".join(f"<{n}>{escape(v or '')}</{n}>" for n, v in zip(("Name", "Agency", "Contact"), r)) + "</Row>")
                    values += [v for v in r if v]
                cap = "".join(f'<field name="{n}" w="60mm" h="8mm"><ui><textEdit/></ui><caption placement="top"><value><text>{escape(h)}</text></value></caption></field>'
                              for n, h in zip(("Name", "Agency", "Contact"), it["headers"]))
                fields_t.append(f'<draw name="AgenciesTitle"><value><text>{escape(it["label"])}</text></value></draw>'
                                f'<subform name="Row" layout="lr-tb"><occur min="1" max="-1"/>{cap}</subform>')
                fields_d.append("".join(rows_d))
                continue
            name = _tag(it["label"], used)
            cap = f'<caption reserve="55mm"><value><text>{escape(it["label"])}</text></value></caption>'
            if t == "text":
                if it.get("date"):
                    ui = '<ui><dateTimeEdit><comb/></dateTimeEdit></ui><format><picture>date{DD/MM/YYYY}</picture></format>'
                    v = ctx["iso_of"](it)
                else:
                    ui = '<ui><textEdit multiLine="1"/></ui>' if it["lines"] else "<ui><textEdit/></ui>"
                    v = item_value(it)
                fields_t.append(f'<field name="{name}" w="170mm" h="9mm">{ui}{cap}</field>')
            elif t in ("yn", "choice"):
                items = "".join(f"<text>{escape(o)}</text>" for o in it["opts"])
                fields_t.append(f'<field name="{name}" w="120mm" h="9mm"><ui><choiceList/></ui>{cap}<items>{items}</items></field>')
                v = item_value(it)
                if it["key"] == "itype":
                    fields_d.append(f"<{name}>{escape(v)}</{name}>")
                    values.append(v)
                    name = "IfOtherSpecify"
                    fields_t.append(f'<field name="{name}" w="170mm" h="9mm"><ui><textEdit/></ui><caption reserve="55mm"><value><text>If other, please specify</text></value></caption></field>')
                    v = spec_of(it) or ""
            elif t == "long":
                fields_t.append(f'<field name="{name}" w="170mm" minH="30mm"><ui><textEdit multiLine="1"/></ui>'
                                f'<caption placement="top"><value><text>{escape(it["label"])}</text></value></caption></field>')
                v = "\n\n".join(it["paras"] or [])
            fields_d.append(f"<{name}>{escape(v)}</{name}>")
            if v:
                values.append(v)
        title = f'<draw name="Title"><value><text>{escape(sec["title"])}</text></value><font typeface="Myriad Pro" weight="bold"/></draw>'
        if sec["kind"] == "child":
            if not child_tpl_done:
                tpl.append(f'<subform name="Child" layout="tb"><occur min="1" max="5"/>{title}{"".join(fields_t)}</subform>')
                child_tpl_done = True
        else:
            tpl.append(f'<subform name="{sub}" layout="tb">{title}{"".join(fields_t)}</subform>')
        data.append(f"<{sub}>{''.join(fields_d)}</{sub}>")
    s = ctx["sender"]
    template = ('<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">'
                '<subform name="form1" layout="tb" locale="en_GB" restoreState="auto">'
                '<pageSet><pageArea name="Page1" id="Page1"><contentArea x="15mm" y="20mm" w="180mm" h="257mm"/>'
                f'<medium stock="a4" short="210mm" long="297mm"/><draw name="Marking"><value><text>{escape(ctx["marking"])}</text></value></draw></pageArea></pageSet>'
                f'<draw name="FormTitle"><value><text>{escape(s.title)}</text></value></draw>'
                f'<draw name="Guidance"><value><text>{escape(guidance(ctx))}</text></value></draw>'
                + "".join(tpl) + "</subform></template>")
    datasets = ('<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1>'
                + "".join(data) + "</form1></xfa:data></xfa:datasets>")
    return template, datasets, values


def _stream(w: PdfWriter, data: bytes):
    st = DecodedStreamObject()
    st.set_data(data)
    return w._add_object(st)


def _fixed_id(w: PdfWriter, seed: str):
    import hashlib
    h = hashlib.md5(seed.encode()).digest()
    w._ID = ArrayObject([ByteStringObject(h), ByteStringObject(h)])


def p_xfadyn(ctx, path):
    s = ctx["sender"]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(s.title)
    c.setCreator("Designer 6.5")
    c.setFont("Helvetica", 11)
    y = A4[1] - 60
    for ln in wrap("Please wait...", "Helvetica", 11, 500) + [""] + wrap(
            "If this message is not replaced by the form itself, your PDF viewer may not be able to show this kind of "
            "document. Open the file in a viewer that supports dynamic forms.", "Helvetica", 11, 500):
        c.drawString(50, y, ln)
        y -= 15
    c.showPage()
    c.save()
    template, datasets, values = xfa_parts(ctx)
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    pre = '<?xml version="1.0" encoding="UTF-8"?><xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/" timeStamp="' + ctx["xfa_stamp"] + '">'
    config = ('<config xmlns="http://www.xfa.org/schema/xci/3.1/"><present><pdf><version>1.7</version><adobeExtensionLevel>8</adobeExtensionLevel>'
              '<renderPolicy>client</renderPolicy><interactive>1</interactive></pdf><xdp><packets>*</packets></xdp></present></config>')
    arr = ArrayObject()
    for nm, body in (("preamble", pre), ("config", config), ("template", template), ("datasets", datasets),
                     ("postamble", "</xdp:xdp>")):
        arr.append(TextStringObject(nm))
        arr.append(_stream(w, body.encode("utf-8")))
    acro = DictionaryObject({NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): arr})
    w._root_object[NameObject("/AcroForm")] = w._add_object(acro)
    w._root_object[NameObject("/NeedsRendering")] = BooleanObject(True)
    w.add_metadata({"/Producer": "Adobe LiveCycle Designer 11.0", "/Title": s.title})
    _fixed_id(w, ctx["fileseed"])
    with open(path, "wb") as f:
        w.write(f)
    return {"xfa_values": values, "datasets": datasets}


# ================================================================ P-OPTRADIO
def p_optradio(ctx, path):
    s = ctx["sender"]
    W, H = A4
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(s.title)
    widgets = []   # (page, kind, name, tooltip, rect, value, extra)
    page = [0]
    M = 42
    LX, FX = M, 250
    fs = 8.5
    y = [H - 60]
    n = {"t": 0, "o": 0, "c": 0}

    def furniture():
        c.setFont("Helvetica-Bold", 8)
        c.drawCentredString(W / 2, H - 24, ctx["marking"])
        c.setFont("Helvetica", 7)
        c.drawString(M, 24, f"{s.ref} - version {ctx['version']} - reviewed {ctx['reviewed']}")
        c.drawRightString(W - M, 24, f"Page {page[0] + 1}")

    def need(h):
        if y[0] - h < 50:
            c.showPage()
            page[0] += 1
            furniture()
            y[0] = H - 50

    furniture()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(M, y[0], s.title)
    y[0] -= 14
    c.setFont("Helvetica", 9)
    c.drawString(M, y[0], f"{s.org} - {s.team}")
    y[0] -= 14
    c.setFont("Helvetica-Oblique", 7.5)
    for ln in wrap(guidance(ctx), "Helvetica-Oblique", 7.5, W - 2 * M):
        c.drawString(M, y[0], ln)
        y[0] -= 9
    y[0] -= 6
    named = ctx["variant"] == "named"

    def fname(kind, label):
        n[kind] += 1
        if named:
            return re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_")[:30] + f"_{n[kind]}"
        return {"t": "Text Field ", "o": "Option Button Group ", "c": "List Box "}[kind] + str(n[kind])

    def label(text, h):
        c.setFont("Helvetica", fs)
        for k, ln in enumerate(wrap(text, "Helvetica", fs, FX - LX - 8)):
            c.drawString(LX, y[0] - 10 - k * 10, ln)

    def textfield(lbl, value, h=16, multiline=False):
        ll = len(wrap(lbl, "Helvetica", fs, FX - LX - 8))
        hh = max(h, ll * 10 + 4)
        need(hh + 4)
        label(lbl, hh)
        rect = (FX, y[0] - hh, W - M, y[0])
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.rect(FX, y[0] - hh, W - M - FX, hh, stroke=1, fill=0)
        c.setStrokeColorRGB(0, 0, 0)
        widgets.append((page[0], "tx", fname("t", lbl), lbl, rect, value, multiline))
        y[0] -= hh + 4

    for sec in ctx["sections"]:
        need(40)
        c.setFillColorRGB(0.2, 0.35, 0.55)
        c.rect(M, y[0] - 15, W - 2 * M, 15, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(M + 4, y[0] - 11, sec["title"])
        c.setFillColorRGB(0, 0, 0)
        y[0] -= 20
        for it in sec["items"]:
            t = it["t"]
            if t == "text":
                v = "\n".join(it["lines"]) if it["lines"] else it["shown"]
                textfield(it["label"], v, h=16 if not (it["lines"] or it["key"] == "c_addr") else 46, multiline=bool(it["lines"]) or it["key"] == "c_addr")
            elif t == "yn" or (t == "choice" and it["key"] == "c_gender"):
                need(18)
                label(it["label"], 16)
                x = FX
                kids = []
                for k, o in enumerate(it["opts"]):
                    kids.append((k, (x, y[0] - 13, x + 10, y[0] - 3)))
                    c.setFont("Helvetica", fs)
                    c.drawString(x + 14, y[0] - 11, o)
                    x += 26 + pdfmetrics.stringWidth(o, "Helvetica", fs)
                widgets.append((page[0], "radio", fname("o", it["label"]), it["label"], kids, it["sel"], it["opts"]))
                y[0] -= 20
            elif t == "choice":
                need(20)
                label(it["label"], 16)
                rect = (FX, y[0] - 16, FX + 200, y[0])
                c.setStrokeColorRGB(0.6, 0.6, 0.6)
                c.rect(FX, y[0] - 16, 200, 16, stroke=1, fill=0)
                c.setStrokeColorRGB(0, 0, 0)
                widgets.append((page[0], "combo", fname("c", it["label"]), it["label"], rect,
                                it["opts"][it["sel"]] if it["sel"] is not None else " ", [" "] + it["opts"]))
                y[0] -= 20
                textfield("If other, please specify", spec_of(it) or "")
            elif t == "long":
                paras = it["paras"] or []
                est = sum(len(wrap(p, "Helvetica", 9, W - 2 * M - 6)) + 1 for p in paras) * 11 + 10
                need(14 + max(40, est))
                c.setFont("Helvetica-Bold", fs)
                c.drawString(LX, y[0] - 10, it["label"])
                y[0] -= 14
                hh = max(40, est)
                rect = (M, y[0] - hh, W - M, y[0])
                c.setStrokeColorRGB(0.6, 0.6, 0.6)
                c.rect(M, y[0] - hh, W - 2 * M, hh, stroke=1, fill=0)
                c.setStrokeColorRGB(0, 0, 0)
                widgets.append((page[0], "tx", fname("t", it["label"]), it["label"], rect, "\n\n".join(paras), True))
                y[0] -= hh + 6
            elif t == "agencies":
                need(30)
                c.setFont("Helvetica-Bold", fs)
                c.drawString(LX, y[0] - 10, it["label"])
                y[0] -= 14
                cols = [M, M + 150, M + 330, W - M]
                c.setFont("Helvetica-Bold", 7.5)
                for j, h in enumerate(it["headers"]):
                    c.drawString(cols[j] + 2, y[0] - 9, h)
                y[0] -= 12
                rows = list(it["rows"]) + [(None, "", "")] * max(1, 4 - len(it["rows"]))
                for r in rows:
                    need(18)
                    for j in range(3):
                        rect = (cols[j] + 1, y[0] - 15, cols[j + 1] - 1, y[0])
                        c.setStrokeColorRGB(0.6, 0.6, 0.6)
                        c.rect(cols[j] + 1, y[0] - 15, cols[j + 1] - cols[j] - 2, 15, stroke=1, fill=0)
                        c.setStrokeColorRGB(0, 0, 0)
                        widgets.append((page[0], "tx", fname("t", f"Agency {it['headers'][j]}"), it["headers"][j], rect, r[j] or "", False))
                    y[0] -= 17
        y[0] -= 6
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    helv = w._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                           NameObject("/BaseFont"): NameObject("/Helvetica"),
                                           NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    zadb = w._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                           NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    res = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv, NameObject("/ZaDb"): zadb})})
    fields = ArrayObject()

    def pdfstr(t):
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    def ap_text(rect, value, multiline):
        wdt, hgt = rect[2] - rect[0], rect[3] - rect[1]
        ops = ["/Tx BMC", "q", "BT", "/Helv 9 Tf", "0 g"]
        if multiline:
            lines = []
            for part in value.split("\n"):
                lines += simpleSplit(part, "Helvetica", 9, wdt - 4) or [""]
            yy = hgt - 11
            for ln in lines:
                ops.append(f"1 0 0 1 2 {yy:.2f} Tm ({pdfstr(ln)}) Tj")
                yy -= 11
        else:
            ops.append(f"1 0 0 1 2 {(hgt - 9) / 2 + 2:.2f} Tm ({pdfstr(value)}) Tj")
        ops += ["ET", "Q", "EMC"]
        st = DecodedStreamObject()
        st.set_data("\n".join(ops).encode("cp1252", "replace"))
        st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(wdt), FloatObject(hgt)]),
                   NameObject("/Resources"): res})
        return w._add_object(st)

    def ap_radio(on: bool):
        ops = "q 0 g 5 5 m 5 7.5 l S Q" if False else ""
        ops = ("q 0.5 G 1 w 5 5 4.5 0 360 re S Q" if False else "")
        body = "q 0.4 G 0.8 w 0.5 0.5 9 9 re S Q"
        if on:
            body += " q 0 g BT /ZaDb 8 Tf 1.3 2 Td (l) Tj ET Q"
        st = DecodedStreamObject()
        st.set_data(body.encode())
        st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(10), FloatObject(10)]),
                   NameObject("/Resources"): res})
        return w._add_object(st)

    annots_by_page = {}
    values = []
    for pg, kind, name, tip, rect, value, extra in widgets:
        page_ref = w.pages[pg].indirect_reference
        tips = {NameObject("/TU"): TextStringObject(tip)} if ctx["tooltips"] else {}
        if kind == "tx":
            d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                                  NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(name),
                                  NameObject("/V"): TextStringObject(value), NameObject("/F"): NumberObject(4),
                                  NameObject("/DA"): TextStringObject("/Helv 9 Tf 0 g"), NameObject("/P"): page_ref,
                                  NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
                                  NameObject("/Ff"): NumberObject(4096 if extra else 0), **tips})
            d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap_text(rect, value, extra)})
            ref = w._add_object(d)
            fields.append(ref)
            annots_by_page.setdefault(pg, []).append(ref)
            if value:
                values.append(value)
        elif kind == "combo":
            d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                                  NameObject("/FT"): NameObject("/Ch"), NameObject("/T"): TextStringObject(name),
                                  NameObject("/V"): TextStringObject(value), NameObject("/F"): NumberObject(4),
                                  NameObject("/Ff"): NumberObject(131072), NameObject("/Opt"): ArrayObject([TextStringObject(o) for o in extra]),
                                  NameObject("/DA"): TextStringObject("/Helv 9 Tf 0 g"), NameObject("/P"): page_ref,
                                  NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]), **tips})
            d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap_text(rect, value.strip(), False)})
            ref = w._add_object(d)
            fields.append(ref)
            annots_by_page.setdefault(pg, []).append(ref)
            values.append(value)
        else:   # radio group, on-states are indexes into /Opt
            parent = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(name),
                                       NameObject("/Ff"): NumberObject(49152),
                                       NameObject("/V"): NameObject(f"/{value}" if value is not None else "/Off"),
                                       NameObject("/Opt"): ArrayObject([TextStringObject(o) for o in extra]), **tips})
            pref = w._add_object(parent)
            kids = ArrayObject()
            for k, r in rect:
                on = value == k
                kd = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                                       NameObject("/Parent"): pref, NameObject("/F"): NumberObject(4), NameObject("/P"): page_ref,
                                       NameObject("/Rect"): ArrayObject([FloatObject(v) for v in r]),
                                       NameObject("/AS"): NameObject(f"/{k}" if on else "/Off"),
                                       NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("l")})})
                kd[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject(
                    {NameObject(f"/{k}"): ap_radio(True), NameObject("/Off"): ap_radio(False)})})
                kref = w._add_object(kd)
                kids.append(kref)
                annots_by_page.setdefault(pg, []).append(kref)
            parent[NameObject("/Kids")] = kids
            fields.append(pref)
            if value is not None:
                values.append(extra[value])
    for pg, refs in annots_by_page.items():
        w.pages[pg][NameObject("/Annots")] = ArrayObject(refs)
    acro = DictionaryObject({NameObject("/Fields"): fields, NameObject("/DR"): res,
                             NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g")})
    w._root_object[NameObject("/AcroForm")] = w._add_object(acro)
    w.add_metadata({"/Producer": "LibreOffice 7.6", "/Creator": "Writer", "/Title": s.title})
    _fixed_id(w, ctx["fileseed"])
    with open(path, "wb") as f:
        w.write(f)
    return {"field_values": values, "widgets": len(widgets)}


PDF_LAYOUTS = {"P-FAXED": p_faxed, "P-BOOKLET": p_booklet, "P-SHEETROW": p_sheetrow, "P-XFADYN": p_xfadyn,
               "P-OPTRADIO": p_optradio}
