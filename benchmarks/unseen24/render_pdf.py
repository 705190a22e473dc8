"""The five PDF layouts of unseen24 (reportlab, invariant mode; pypdf for the fillable form)."""

from __future__ import annotations

import io

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FD = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FD + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", FD + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVC", FD + "DejaVuSansCondensed.ttf"))
pdfmetrics.registerFont(TTFont("DVCB", FD + "DejaVuSansCondensed-Bold.ttf"))

W, H = 595.27, 841.89
DATE_KEYS = ("date_of_referral", "inc_date", "la_aware", "panel_date")


def choice_word(row):
    if row["chosen"] is None:
        return ""
    w = row["options"][row["chosen"]]
    if row.get("details") and row["chosen"] == len(row["options"]) - 1:
        w += f" - {row['details']}"
    return w


def glyphs(row):
    s = "   ".join(("\u2612 " if i == row["chosen"] else "\u2610 ") + o for i, o in enumerate(row["options"]))
    if row.get("details") and row["chosen"] == len(row["options"]) - 1:
        s += f"   Details: {row['details']}"
    return s


def row_text(row, choice=choice_word):
    if row["t"] == "choice":
        return [choice(row)]
    if row["t"] == "paras":
        out = []
        for i, x in enumerate(row["paras"]):
            if i:
                out.append("")
            out.append(x)
        return out
    v = row.get("value")
    return v.split("\n") if v else [""]


class Doc:
    def __init__(self, path, spec, producer, creator, pagesize=(W, H), font="DV", bold="DVB", size=9):
        self.c = Canvas(path, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator)
        self.c.setTitle(spec["title"])
        self.c.setAuthor("")
        self.spec = spec
        self.pw, self.ph = pagesize
        self.font, self.bold, self.size = font, bold, size
        self.page = 0
        self.new_page()

    def furniture(self):
        c = self.c
        c.setFont(self.bold, 8)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(36, self.ph - 24, self.spec["marking"])
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.setFont(self.font, 7)
        c.drawRightString(self.pw - 36, self.ph - 24, self.spec["partnership"])
        c.drawString(36, 20, self.spec["footer"])
        c.drawRightString(self.pw - 36, 20, f"Page {self.page}")
        c.setFillColorRGB(0, 0, 0)

    def new_page(self):
        if self.page:
            self.c.showPage()
        self.page += 1
        self.furniture()
        self.y = self.ph - 44

    def need(self, h):
        if self.y - h < 40:
            self.new_page()

    def text_block(self, text, size=8, font=None, color=(0.3, 0.3, 0.3), width=None):
        width = width or self.pw - 72
        lines = simpleSplit(text, font or self.font, size, width)
        self.need(len(lines) * (size + 2) + 4)
        self.c.setFillColorRGB(*color)
        self.c.setFont(font or self.font, size)
        for ln in lines:
            self.c.drawString(36, self.y - size, ln)
            self.y -= size + 2
        self.c.setFillColorRGB(0, 0, 0)
        self.y -= 4

    def title(self):
        c = self.c
        lines = simpleSplit(self.spec["title"], self.bold, 14, self.pw - 72)
        for ln in lines:
            c.setFont(self.bold, 14)
            c.drawString(36, self.y - 14, ln)
            self.y -= 18
        c.setFont(self.font, 9)
        c.drawString(36, self.y - 9, self.spec["org"])
        self.y -= 16
        self.text_block(self.spec["guidance"])

    def bar(self, text, fill=(0.16, 0.25, 0.4)):
        self.need(40)
        c = self.c
        c.setFillColorRGB(*fill)
        c.rect(36, self.y - 15, self.pw - 72, 15, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(self.bold, 9)
        c.drawString(40, self.y - 11, text)
        c.setFillColorRGB(0, 0, 0)
        self.y -= 15

    def grid_row(self, label, lines, lw=190, shade=(0.94, 0.94, 0.94), vfont=None):
        c = self.c
        vw = self.pw - 72 - lw
        lab = simpleSplit(label, self.bold, self.size - 0.5, lw - 8)
        vals = []
        for ln in lines:
            vals += simpleSplit(ln, vfont or self.font, self.size, vw - 8) or [""]
        lh = self.size + 2.5
        h = max(len(lab), len(vals), 1) * lh + 6
        if h > self.y - 40 and len(vals) > 4:
            # break a long answer across pages (the label once)
            fit = int((self.y - 46) // lh)
            if fit >= 3:
                self.grid_row(label, [" ".join([])] if False else [], lw) if False else None
                first, rest = vals[:fit], vals[fit:]
                self._draw_row(lab, first, lw, vw, lh, shade, vfont)
                self.new_page()
                self._draw_row([label.split(" (")[0] + " (continued)"], rest, lw, vw, lh, shade, vfont)
                return
        self.need(h)
        self._draw_row(lab, vals, lw, vw, lh, shade, vfont)

    def _draw_row(self, lab, vals, lw, vw, lh, shade, vfont):
        c = self.c
        h = max(len(lab), len(vals), 1) * lh + 6
        c.setFillColorRGB(*shade)
        c.rect(36, self.y - h, lw, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(0.5, 0.5, 0.5)
        c.setLineWidth(0.5)
        c.rect(36, self.y - h, lw, h, stroke=1, fill=0)
        c.rect(36 + lw, self.y - h, vw, h, stroke=1, fill=0)
        c.setFont(self.bold, self.size - 0.5)
        for i, ln in enumerate(lab):
            c.drawString(40, self.y - 3 - (i + 1) * lh + 2.5, ln)
        c.setFont(vfont or self.font, self.size)
        for i, ln in enumerate(vals):
            c.drawString(40 + lw, self.y - 3 - (i + 1) * lh + 2.5, ln)
        self.y -= h

    def table(self, cols, rows, widths, header_fill=(0.85, 0.88, 0.95), size=None):
        c = self.c
        size = size or self.size - 0.5
        lh = size + 2.5

        def one(cells, font, fill=None):
            wrapped = [simpleSplit(x or "", font, size, w - 6) or [""] for x, w in zip(cells, widths)]
            h = max(len(x) for x in wrapped) * lh + 5
            self.need(h)
            x = 36
            for wr, w in zip(wrapped, widths):
                if fill:
                    c.setFillColorRGB(*fill)
                    c.rect(x, self.y - h, w, h, stroke=0, fill=1)
                    c.setFillColorRGB(0, 0, 0)
                c.rect(x, self.y - h, w, h, stroke=1, fill=0)
                c.setFont(font, size)
                for i, ln in enumerate(wr):
                    c.drawString(x + 3, self.y - 2 - (i + 1) * lh + 2.5, ln)
                x += w
            self.y -= h
        c.setLineWidth(0.5)
        one(cols, self.bold, header_fill)
        for rrow in rows:
            one(rrow, self.font)

    def gap(self, h=8):
        self.y -= h

    def save(self):
        self.c.save()


def std_sections(d, spec, choice=choice_word, skip=(), lw=190, after_section=None):
    for si, sec in enumerate(spec["sections"]):
        rows = [x for x in sec["rows"] if x.get("key") not in skip]
        if rows:
            d.gap(6)
            d.bar(sec["title"])
            for row in rows:
                if row["t"] == "agencies":
                    d.text_block(row["label"], size=8.5, font=d.bold, color=(0, 0, 0))
                    d.table(row["cols"], [a for a in row["rows"]] + [["", "", ""]], [170, 150, d.pw - 72 - 320])
                else:
                    d.grid_row(row["label"], row_text(row, choice), lw=lw)
        if after_section:
            after_section(si, sec)


# --------------------------------------------------------------------------- P-CHRONO

def p_chrono(spec, rng, ctx, path):
    """Word form saved as PDF whose dates are not asked as fields: a 'Key dates - chronology' table (Date | Event |
    Recorded by) sorted by date, holding the incident, LA-aware, referral and Panel dates among decoy events."""
    d = Doc(path, spec, "Microsoft\u00ae Word for Microsoft 365", "Microsoft\u00ae Word for Microsoft 365")
    d.title()
    events = []
    for sec in spec["sections"]:
        for row in sec["rows"]:
            if row.get("key") in DATE_KEYS and row.get("value") and row.get("date"):
                events.append((row["date"], row["value"], ctx["chrono_words"][row["key"]], ctx["chrono_src"][row["key"]]))
    for lab, val, dd in ctx["decoy_dates"]:
        events.append((dd, val, lab, "Referrer"))
    for lab, val, dd in ctx["extra_events"]:
        events.append((dd, val, lab, rng.choice(["Police", "Children's social care", "Health"])))
    events.sort(key=lambda e: (e[0], e[2]))

    def after(si, sec):
        if si == 3:
            d.gap(6)
            d.bar("Key dates - chronology (please list in date order)")
            d.text_block("Include the date of the incident, when the local authority became aware, the date of this "
                         "referral and any notification to the National Panel.", size=7.5)
            d.table(["Date", "Event", "Recorded by"], [[e[1], e[2], e[3]] for e in events] + [["", "", ""]],
                    [95, 300, d.pw - 72 - 395])
    std_sections(d, spec, choice=glyphs, skip=DATE_KEYS, after_section=after)
    d.save()


# --------------------------------------------------------------------------- P-SIDEWAYS

def p_sideways(spec, rng, ctx, path):
    """Portrait pages; the children (one row per child, one column per question) and the agencies are wide tables
    printed sideways on a portrait page of their own (rotated 90 degrees, reading upwards, no /Rotate)."""
    d = Doc(path, spec, "Microsoft: Print To PDF", "Microsoft Word - referral.docx")
    d.title()
    child_secs = [s for s in spec["sections"] if s.get("child") is not None]
    ag = [row for s in spec["sections"] for row in s["rows"] if row["t"] == "agencies"][0]
    for sec in spec["sections"]:
        if sec.get("child") is not None:
            continue
        rows = [x for x in sec["rows"] if x["t"] != "agencies"]
        d.gap(6)
        d.bar(sec["title"])
        if sec is spec["sections"][2] or not rows:
            pass
        for row in rows:
            d.grid_row(row["label"], row_text(row))
        if sec["title"] == spec["sections"][1]["title"]:
            d.gap(4)
            d.text_block(f"{child_secs[0]['title'].split(' - ')[0]}: see the table printed sideways at the end of this form "
                         f"(turn the page).", size=8.5, font="DVB", color=(0, 0, 0))
        if not rows and sec["rows"] and sec["rows"][0]["t"] == "agencies":
            d.text_block(f"{ag['label']}: see the sideways table at the end of this form.", size=8.5, color=(0, 0, 0))
    # the sideways page
    d.new_page()
    c = d.c
    c.saveState()
    c.translate(W, 0)
    c.rotate(90)
    LW, LH = H, W          # local page: 842 wide, 595 high
    y = LH - 36
    c.setFont("DVB", 10)
    c.drawString(40, y - 10, child_secs[0]["title"].split(" - ")[0])
    y -= 18
    labels = [row["label"] for row in child_secs[0]["rows"]]
    ncol = len(labels) + 1
    avail = LW - 80
    widths = [22] + [(avail - 22) / (ncol - 1)] * (ncol - 1)
    size = 6.3
    lh = size + 2

    def trow(cells, font, fill=None):
        nonlocal y
        wrapped = [simpleSplit(x or "", font, size, w - 4) or [""] for x, w in zip(cells, widths)]
        h = max(len(x) for x in wrapped) * lh + 4
        x = 40
        c.setLineWidth(0.4)
        for wr, w in zip(wrapped, widths):
            if fill:
                c.setFillColorRGB(*fill)
                c.rect(x, y - h, w, h, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            c.rect(x, y - h, w, h, stroke=1, fill=0)
            c.setFont(font, size)
            for i, ln in enumerate(wr):
                c.drawString(x + 2, y - 1.5 - (i + 1) * lh + 2, ln)
            x += w
        y -= h
    trow(["#"] + labels, "DVCB", (0.88, 0.9, 0.95))
    for i, sec in enumerate(child_secs):
        cells = [str(i + 1)]
        for row in sec["rows"]:
            cells.append(" ".join(x for x in row_text(row) if x) if row.get("key") != "address" else ", ".join(row["lines"]))
        trow(cells, "DVC")
    y -= 16
    c.setFont("DVB", 10)
    c.drawString(40, y - 10, ag["label"])
    y -= 16
    widths = [200, 180, 200, 120]
    trow(list(ag["cols"]) + ["Still involved?"], "DVCB", (0.88, 0.9, 0.95))
    for a in ag["rows"]:
        trow(list(a) + [rng.choice(["Yes", "Yes", "No", "Not known"])], "DVC")
    trow(["", "", "", ""], "DVC")
    c.restoreState()
    d.save()


# --------------------------------------------------------------------------- P-GENOGRAM

def p_genogram(spec, rng, ctx, path):
    """A ruled label | answer form whose child section opens with a drawn genogram of the household (squares and
    circles, names and ages, the subject children in double outline, parents and a non-subject sibling)."""
    d = Doc(path, spec, "Microsoft\u00ae Word 2019", "Microsoft\u00ae Word 2019")
    d.title()
    fam = ctx["family"]

    def genogram():
        c = d.c
        d.need(190)
        d.gap(4)
        d.text_block("Family / household (genogram). Key: square = male, circle = female, double outline = child(ren) "
                     "this referral is about; X = deceased.", size=7.5)
        top = d.y - 10
        people = fam["adults"]
        xs = [170, 390]
        for (nm, age, sex), x in zip(people, xs):
            draw_person(c, x, top - 30, sex, False, False)
            c.setFont("DV", 7)
            c.drawCentredString(x, top - 58, nm)
            c.drawCentredString(x, top - 67, age)
        c.line(xs[0] + 12, top - 30, xs[1] - 12, top - 30)
        kids = fam["kids"]
        n = len(kids)
        span = 360
        cx = [100 + span * (i + 0.5) / n + 40 for i in range(n)]
        c.line(280, top - 30, 280, top - 90)
        c.line(min(cx), top - 90, max(cx), top - 90)
        for (nm, age, sex, subj, dead), x in zip(kids, cx):
            c.line(x, top - 90, x, top - 108)
            draw_person(c, x, top - 120, sex, subj, dead)
            c.setFont("DVB" if subj else "DV", 7)
            c.drawCentredString(x, top - 148, nm)
            c.setFont("DV", 7)
            c.drawCentredString(x, top - 157, age)
        d.y = top - 170

    def after(si, sec):
        pass
    first_child = True
    for sec in spec["sections"]:
        d.gap(6)
        d.bar(sec["title"])
        if sec.get("child") is not None and first_child:
            genogram()
            first_child = False
        for row in sec["rows"]:
            if row["t"] == "agencies":
                d.text_block(row["label"], size=8.5, font=d.bold, color=(0, 0, 0))
                d.table(row["cols"], row["rows"] + [["", "", ""]], [170, 150, d.pw - 72 - 320])
            else:
                d.grid_row(row["label"], row_text(row))
    d.save()


def draw_person(c, x, y, sex, subject, dead):
    c.setLineWidth(0.8)
    s = 12
    for k in ([0, 3] if subject else [0]):
        if sex == "male":
            c.rect(x - s - k, y - s - k, 2 * (s + k), 2 * (s + k), stroke=1, fill=0)
        elif sex == "female":
            c.circle(x, y, s + k, stroke=1, fill=0)
        else:
            c.rect(x - s - k, y - s - k, 2 * (s + k), 2 * (s + k), stroke=1, fill=0)
            c.circle(x, y, s - 3, stroke=1, fill=0)
    if dead:
        c.line(x - s, y - s, x + s, y + s)
        c.line(x - s, y + s, x + s, y - s)


# --------------------------------------------------------------------------- P-PERCHILD

def p_perchild(spec, rng, ctx, path):
    """A case system's print of a multi-child referral: one 'referral record' page set per child, each repeating the
    referrer, the lead and the incident (the same on every page set), then a last 'referral-level' part."""
    d = Doc(path, spec, "Mosaic Document Service (iText 7.2.5)", "Case system - referral print")
    secs = spec["sections"]
    childs = [s for s in secs if s.get("child") is not None]
    ref_no = ctx["ref_no"]
    for i, cs in enumerate(childs):
        if i:
            d.new_page()
        d.c.setFont("DVB", 13)
        d.c.drawString(36, d.y - 13, spec["title"])
        d.y -= 18
        d.c.setFont("DV", 9)
        d.c.drawString(36, d.y - 9, f"Record {ref_no}-{i + 1}   |   Child {i + 1} of {len(childs)}   |   {spec['org']}")
        d.y -= 16
        if i == 0:
            d.text_block(spec["guidance"])
        for sec in secs[:2]:
            d.bar(sec["title"] + ("" if i == 0 else "  (as on record 1)"), fill=(0.3, 0.3, 0.3))
            for row in sec["rows"]:
                d.grid_row(row["label"], row_text(row), lw=210)
            d.gap(4)
        d.bar(cs["title"])
        for row in cs["rows"]:
            d.grid_row(row["label"], row_text(row), lw=210)
        d.gap(4)
        inc = secs[len(childs) + 2]
        d.bar(inc["title"] + " - key facts" + ("" if i == 0 else "  (as on record 1)"), fill=(0.3, 0.3, 0.3))
        for row in inc["rows"]:
            if row["t"] != "paras":
                d.grid_row(row["label"], row_text(row), lw=210)
    d.new_page()
    d.c.setFont("DVB", 12)
    d.c.drawString(36, d.y - 12, f"Referral-level details (all children) - {ref_no}")
    d.y -= 20
    for sec in secs[len(childs) + 2:]:
        rows = [r for r in sec["rows"] if not (sec is secs[len(childs) + 2] and r["t"] != "paras")]
        if not rows:
            continue
        d.gap(4)
        d.bar(sec["title"])
        for row in rows:
            if row["t"] == "agencies":
                d.text_block(row["label"], size=8.5, font=d.bold, color=(0, 0, 0))
                d.table(row["cols"], row["rows"] + [["", "", ""]], [170, 150, d.pw - 72 - 320])
            else:
                d.grid_row(row["label"], row_text(row), lw=210)
    d.save()


# --------------------------------------------------------------------------- P-HIDDENFIELDS

def p_hiddenfields(spec, rng, ctx, path):
    """A fillable Acrobat form with show/hide logic: conditional fields (other-details, date of death, Panel date,
    the 'additional child' blocks) are widgets with the Hidden flag (/F 2) when their condition is off, and a
    hidden widget may still hold a stale value typed before the answer changed. Labels of conditional rows are
    read-only text fields hidden together with their answers. Choices are radio groups."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, NumberObject, TextStringObject, DictionaryObject, ByteStringObject, ArrayObject

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(W, H), invariant=1, pageCompression=1)
    c.setProducer("Adobe Acrobat Pro (64-bit) 23.8.20470")
    c.setCreator("Adobe Acrobat Pro (64-bit) 23.8.20470")
    c.setTitle(spec["title"])
    form = c.acroForm
    state = dict(page=0, y=0)
    hidden = set()
    js = {}

    def furniture():
        state["page"] += 1
        c.setFont("DVB", 8)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(36, H - 24, spec["marking"])
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.setFont("DV", 7)
        c.drawRightString(W - 36, H - 24, spec["partnership"])
        c.drawString(36, 20, spec["footer"])
        c.drawRightString(W - 36, 20, f"Page {state['page']}")
        c.setFillColorRGB(0, 0, 0)
        state["y"] = H - 44

    def need(h):
        if state["y"] - h < 40:
            c.showPage()
            furniture()
    furniture()
    y = state["y"]
    c.setFont("DVB", 13)
    for ln in simpleSplit(spec["title"], "DVB", 13, W - 72):
        c.drawString(36, state["y"] - 13, ln)
        state["y"] -= 17
    c.setFont("DV", 7.5)
    c.setFillColorRGB(0.3, 0.3, 0.3)
    for ln in simpleSplit(spec["guidance"], "DV", 7.5, W - 72):
        c.drawString(36, state["y"] - 8, ln)
        state["y"] -= 9.5
    c.setFillColorRGB(0, 0, 0)
    state["y"] -= 6
    nfield = [0]
    LW = 200
    VX, VW = 36 + LW, W - 72 - LW

    def fname(base):
        nfield[0] += 1
        return f"{base}.{nfield[0]}"

    def label_static(text, h):
        c.setFont("DVB", 8)
        for i, ln in enumerate(simpleSplit(text, "DVB", 8, LW - 8)):
            c.drawString(40, state["y"] - 11 - i * 10, ln)

    def text_row(label, value, name, multiline=False, hide=False, stale=None):
        lines = (value or "").split("\n") if value else [""]
        nl = sum(max(1, len(simpleSplit(x, "DV", 8.5, VW - 8))) for x in lines)
        nl = max(nl, len(simpleSplit(label, "DVB", 8, LW - 8)))
        h = max(16, nl * 11 + 6) if multiline else max(16, len(simpleSplit(label, "DVB", 8, LW - 8)) * 10 + 6)
        need(h + 2)
        if hide:
            ln = fname("lbl_" + name)
            form.textfield(name=ln, value=label, x=36, y=state["y"] - h, width=LW - 2, height=h, fontName="Helvetica-Bold",
                           fontSize=8, borderWidth=0, fieldFlags="readOnly multiline", forceBorder=False)
            hidden.add(ln)
        else:
            label_static(label, h)
        v = stale if hide else (value or "")
        flags = "multiline" if multiline or "\n" in v else ""
        form.textfield(name=name, value=v, x=VX, y=state["y"] - h + 1, width=VW, height=h - 2, fontName="Helvetica",
                       fontSize=0 if multiline else 9, borderColor=None, fillColor=None, borderWidth=0,
                       fieldFlags=flags, forceBorder=False)
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.4)
        if not hide:
            c.line(36, state["y"] - h, W - 36, state["y"] - h)
        if hide:
            hidden.add(name)
        state["y"] -= h + 2

    def radio_row(label, options, chosen, name, hide=False):
        h = max(18, len(simpleSplit(label, "DVB", 8, LW - 8)) * 10 + 6)
        vertical = len(options) > 3
        if vertical:
            h = max(h, 14 * len(options) + 4)
        need(h + 2)
        label_static(label, h)
        x = VX + 4
        for i, o in enumerate(options):
            exp = "".join(ch for ch in o if ch.isalnum())[:24] or f"Opt{i}"
            yy = state["y"] - 14 - (i * 14 if vertical else 0)
            form.radio(name=name, value=exp, selected=(i == chosen), x=x, y=yy, size=10, buttonStyle="circle",
                       borderWidth=0.8, shape="circle", forceBorder=True)
            c.setFont("DV", 8.5)
            c.drawString(x + 14, yy + 2, o)
            if not vertical:
                x += 22 + pdfmetrics.stringWidth(o, "DV", 8.5) + 10
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.line(36, state["y"] - h, W - 36, state["y"] - h)
        state["y"] -= h + 2

    def bar(text):
        need(40)
        c.setFillColorRGB(0.55, 0.1, 0.1)
        c.rect(36, state["y"] - 15, W - 72, 15, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("DVB", 9)
        c.drawString(40, state["y"] - 11, text)
        c.setFillColorRGB(0, 0, 0)
        state["y"] -= 19

    secs = spec["sections"]
    nchild = sum(1 for s in secs if s.get("child") is not None)
    for si, sec in enumerate(secs):
        bar(sec["title"])
        pre = f"S{si + 1}"
        if sec.get("child") is not None:
            pre = f"Child{sec['child'] + 1}"
        for qi, row in enumerate(sec["rows"]):
            nm = f"{pre}_{row.get('key', 'q')}{qi + 1}"
            if row["t"] == "choice":
                radio_row(row["label"], row["options"], row["chosen"], nm)
                if row.get("list"):
                    other_chosen = row["chosen"] == len(row["options"]) - 1
                    det = row.get("details") if other_chosen else ctx["stale_other"]
                    text_row("Please give details", det, nm + "_details", hide=not other_chosen,
                             stale=ctx["stale_other"])
                    js[nm] = (f'this.getField("{nm}_details").display = (event.target.value == "'
                              f'{"".join(ch for ch in row["options"][-1] if ch.isalnum())[:24]}") ? display.visible : display.hidden;')
            elif row["t"] == "agencies":
                for ai, a in enumerate(row["rows"] + [["", "", ""]]):
                    text_row(f"{row['cols'][0]} {ai + 1}", a[0], f"{pre}_agency{ai + 1}")
                    text_row(f"{row['cols'][1]} {ai + 1}", a[1] if a[1] != "-" else a[1], f"{pre}_worker{ai + 1}")
                    text_row(f"{row['cols'][2]} {ai + 1}", a[2], f"{pre}_contact{ai + 1}")
            elif row["t"] == "paras":
                text_row(row["label"], "\n\n".join(row["paras"]), nm, multiline=True)
            else:
                key = row.get("key")
                cond_hide = False
                stale = None
                if key == "date_of_death" and not row.get("value"):
                    cond_hide, stale = True, ctx["stale_date"]
                if key == "panel_date" and not row.get("value"):
                    cond_hide, stale = True, ctx["stale_date2"]
                text_row(row["label"], row.get("value"), nm, multiline=bool(row.get("lines")), hide=cond_hide, stale=stale)
        if sec.get("child") == nchild - 1 and nchild < 3:
            # the unused 'additional child' block: hidden, with a stale name typed before the child was removed
            bar(f"{sec['title'].split(' - ')[0]} - additional child")
            text_row(ctx["child_label"], ctx["stale_child"], f"Child{nchild + 1}_name", hide=True, stale=ctx["stale_child"])
            text_row(ctx["dob_label"], ctx["stale_date3"], f"Child{nchild + 1}_dob", hide=True, stale=ctx["stale_date3"])
    c.showPage()
    c.save()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for a in page.get("/Annots", []):
            a = a.get_object()
            t = a.get("/T") or (a.get("/Parent").get_object().get("/T") if a.get("/Parent") else None)
            if t in hidden:
                a[NameObject("/F")] = NumberObject(2)
            elif a.get("/Subtype") == "/Widget":
                a[NameObject("/F")] = NumberObject(4)
            if t in js and a.get("/Parent") is not None:
                par = a["/Parent"].get_object()
                par[NameObject("/AA")] = DictionaryObject({NameObject("/U"): DictionaryObject({
                    NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(js[t])})})
    writer._ID = ArrayObject([ByteStringObject(ctx["pdf_id"]), ByteStringObject(ctx["pdf_id"])])
    writer.add_metadata({"/Producer": "Adobe Acrobat Pro (64-bit) 23.8.20470", "/Title": spec["title"]})
    with open(path, "wb") as f:
        writer.write(f)


LAYOUTS = {"P-CHRONO": p_chrono, "P-SIDEWAYS": p_sideways, "P-GENOGRAM": p_genogram, "P-PERCHILD": p_perchild,
           "P-HIDDENFIELDS": p_hiddenfields}
