"""The five PDF layouts of unseen19 (reportlab, invariant mode)."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from model import guidance
from render_docx import show, glyphs, ag_line

FD = "/usr/share/fonts/truetype/dejavu/"
for _n, _f in (("Sans", "DejaVuSans.ttf"), ("Sans-B", "DejaVuSans-Bold.ttf"), ("Sans-I", "DejaVuSans-Oblique.ttf"),
               ("Serif", "DejaVuSerif.ttf"), ("Serif-B", "DejaVuSerif-Bold.ttf"), ("Serif-I", "DejaVuSerif-Italic.ttf"),
               ("Cond", "DejaVuSansCondensed.ttf"), ("Cond-B", "DejaVuSansCondensed-Bold.ttf")):
    pdfmetrics.registerFont(TTFont(_n, FD + _f))

PW, PH = A4


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
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


class Pdf:
    def __init__(self, producer, creator, title, pagesize=A4):
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator)
        self.c.setTitle(title)
        self.page = 0
        self.boxes = []

    def text(self, x, y, s, font="Sans", size=10, color=(0, 0, 0), align="left"):
        c = self.c
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        if align == "right":
            c.drawRightString(x, y, s)
        elif align == "center":
            c.drawCentredString(x, y, s)
        else:
            c.drawString(x, y, s)

    def box(self, x0, top, x1, bottom):
        self.boxes.append((self.page, (x0, PH - top, x1, PH - bottom)))

    def save(self):
        self.c.save()
        return self.buf.getvalue()


class Flow:
    """Top-down text flow inside [x0, x1] with page breaks and a furniture callback."""

    def __init__(self, pdf, x0, x1, top, bottom, furniture, pagesize=A4):
        self.pdf, self.x0, self.x1, self.top, self.bottom = pdf, x0, x1, top, bottom
        self.furniture = furniture
        self.ph = pagesize[1]
        self.y = None
        self.lines_on_page = []
        self.new_page(first=True)

    def new_page(self, first=False):
        if not first:
            self.end_page()
            self.pdf.c.showPage()
            self.pdf.page += 1
        self.furniture(self.pdf.page)
        self.y = self.ph - self.top
        self.pdf.box(self.x0 - 3, self.ph - self.top + 3, self.x1 + 3, self.bottom - 6)

    def end_page(self):
        pass

    def need(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    def line(self, s, x=None, font="Sans", size=10, color=(0, 0, 0), lead=None, align="left"):
        lead = lead or size * 1.3
        self.need(lead)
        self.y -= lead
        xx = self.x0 if x is None else x
        if align == "right":
            self.pdf.text(self.x1, self.y, s, font, size, color, align="right")
        else:
            self.pdf.text(xx, self.y, s, font, size, color)
        self.lines_on_page.append(self.y)

    def para(self, s, x=None, font="Sans", size=10, color=(0, 0, 0), lead=None, first_indent=0, width=None):
        xx = self.x0 if x is None else x
        wdt = width or (self.x1 - xx)
        lines = wrap(s, font, size, wdt - first_indent)
        rest = wrap(" ".join(lines[1:]), font, size, wdt) if len(lines) > 1 and first_indent else lines[1:]
        self.line(lines[0], x=xx + first_indent, font=font, size=size, color=color, lead=lead)
        for ln in rest:
            if ln:
                self.line(ln, x=xx, font=font, size=size, color=color, lead=lead)

    def gap(self, h):
        self.y -= h


def furniture_lines(case):
    S = case.sender
    return ("OFFICIAL-SENSITIVE", f"{S['partnership']} - {S['ref']}",
            f"{S['ref']} - version {case.version} - reviewed {case.review_date}")


# ---------------------------------------------------------------- P-RMARKDOWN
def p_rmarkdown(case):
    rng = case.rng
    S = case.sender
    pdf = Pdf("pdfTeX-1.40.25", "LaTeX via pandoc", S["title"])
    mark, part, foot = furniture_lines(case)
    L0, L1 = 90, PW - 90

    def furn(pg):
        pdf.text(PW / 2, 40, str(pg + 1), "Serif", 10, align="center")
        pdf.text(L1, PH - 40, mark, "Serif-I", 8, align="right")

    fl = Flow(pdf, L0, L1, 60, 70, furn)
    fl.gap(20)
    for ln in wrap(S["title"], "Serif", 17, L1 - L0):
        fl.line(ln, x=PW / 2 - pdfmetrics.stringWidth(ln, "Serif", 17) / 2, font="Serif", size=17, lead=22)
    fl.gap(6)
    a = S["org"]
    fl.line(a, x=PW / 2 - pdfmetrics.stringWidth(a, "Serif", 12) / 2, font="Serif", size=12, lead=18)
    d = case.decoy_date
    fl.line(d, x=PW / 2 - pdfmetrics.stringWidth(d, "Serif", 12) / 2, font="Serif", size=12, lead=18)
    fl.gap(12)
    fl.para(guidance(case), font="Serif", size=10, first_indent=15)
    fl.para(f"{part}. {foot}.", font="Serif", size=10, first_indent=15)
    secno = 0

    def rule(w=0.8):
        fl.pdf.c.setLineWidth(w)
        fl.pdf.c.setStrokeColorRGB(0, 0, 0)
        fl.pdf.c.line(L0, fl.y - 3, L1, fl.y - 3)

    def booktab(rows, colx, header=None):
        fl.need(30)
        fl.gap(4)
        rule(0.8)
        fl.gap(4)
        if header:
            for i, h in enumerate(header):
                fl.pdf.text(colx[i], fl.y - 12, h, "Serif-B", 9.5)
            fl.gap(14)
            rule(0.5)
            fl.gap(3)
        for row in rows:
            cells = [wrap(v, "Serif", 9.5, (colx[i + 1] if i + 1 < len(colx) else L1) - colx[i] - 8) for i, v in enumerate(row)]
            h = max(len(cx) for cx in cells) * 12 + 3
            if fl.y - h < fl.bottom:
                rule(0.8)
                fl.new_page()
                fl.gap(4)
                rule(0.8)
                fl.gap(4)
            for i, cx in enumerate(cells):
                right = colx[i + 1] if i + 1 < len(colx) else L1
                fl.pdf.box(colx[i] - 1, fl.y - 1, right - 2, fl.y - h)
                for j, ln in enumerate(cx):
                    fl.pdf.text(colx[i], fl.y - 12 - j * 12, ln, "Serif", 9.5)
            fl.gap(h)
        rule(0.8)
        fl.gap(10)

    kids = [(t, f) for sid, t, f in case.sections if sid == "child"]
    kids_done = False
    for sid, title, fields in case.sections:
        if sid == "child" and kids_done:
            continue
        secno += 1
        fl.need(40)
        fl.gap(10)
        fl.line(f"{secno}   {title if sid != 'child' or len(kids) == 1 else S['sections']['child']}",
                font="Serif-B", size=13, lead=16)
        fl.gap(4)
        if sid == "child" and len(kids) > 1:
            kids_done = True
            keys = []
            for _, fl2 in kids:
                for f in fl2:
                    if f.key not in keys:
                        keys.append(f.key)
            rows = []
            for k in keys:
                per = [next((f for f in fl2 if f.key == k), None) for _, fl2 in kids]
                lab = next(f.label for f in per if f)
                rows.append([lab] + [("\n".join(f.shown) if f and f.kind == "lines" and f.shown else (show(f) if f else ""))
                                     for f in per])
            w = (L1 - L0 - 150) / len(kids)
            colx = [L0] + [L0 + 150 + i * w for i in range(len(kids))]
            booktab(rows, colx, header=[""] + [f"Child {i + 1}" for i in range(len(kids))])
            continue
        short = [f for f in fields if f.kind not in ("paras", "agencies")]
        if short:
            rows = [[f.label, "\n".join(f.shown) if f.kind == "lines" and f.shown else show(f)] for f in short]
            booktab(rows, [L0, L0 + 190])
        for f in fields:
            if f.kind == "agencies":
                fl.para(f.label + ".", font="Serif", size=10)
                if f.shown:
                    booktab([[a["name"] or "", a["agency"], a["contact"]] for a in f.shown], [L0, L0 + 120, L0 + 270],
                            header=["Name", "Agency", "Contact"])
                else:
                    fl.para("None recorded.", font="Serif-I", size=10)
            elif f.kind == "paras":
                fl.need(30)
                label = f.label
                body = f.shown or [""]
                first = body[0]
                lw = pdfmetrics.stringWidth(label + "  ", "Serif-B", 10)
                lines = wrap(first, "Serif", 10, L1 - L0 - 15 - lw) if first else [""]
                fl.gap(2)
                fl.line(label, x=L0, font="Serif-B", size=10, lead=13)
                fl.pdf.text(L0 + lw, fl.y, lines[0], "Serif", 10)
                rest = wrap(" ".join(lines[1:]), "Serif", 10, L1 - L0 - 15) if len(lines) > 1 else []
                for ln in rest:
                    fl.line(ln, x=L0 + 15, font="Serif", size=10, lead=13)
                for p in body[1:]:
                    fl.para(p, x=L0 + 15, font="Serif", size=10, lead=13, first_indent=15, width=L1 - L0 - 15)
                fl.gap(6)
    return pdf.save(), {"paragraph_breaks": "first-line indent"}, pdf.boxes


# ---------------------------------------------------------------- P-PUBLISHER
def p_publisher(case):
    rng = case.rng
    S = case.sender
    pdf = Pdf("Microsoft® Publisher 2016", "Microsoft® Publisher 2016", S["title"])
    c = pdf.c
    mark, part, foot = furniture_lines(case)
    accent = rng.choice([(0.05, 0.35, 0.45), (0.45, 0.12, 0.3), (0.2, 0.35, 0.1), (0.1, 0.2, 0.5)])
    cropmarks = rng.random() < 0.5
    slugdt = f"{case.decoy_dt.day:02d}/{case.decoy_dt.month:02d}/{case.decoy_dt.year} {rng.randint(9, 17):02d}:{rng.randint(0, 59):02d}"
    M = 36

    def page_decor(pg):
        c.setFillColorRGB(*accent)
        if pg == 0:
            c.roundRect(M, PH - 110, PW - 2 * M, 74, 10, fill=1, stroke=0)
            pdf.text(M + 16, PH - 66, S["title"][:60], "Sans-B", 17, (1, 1, 1))
            pdf.text(M + 16, PH - 88, S["org"], "Sans", 11, (1, 1, 1))
            pdf.text(PW - M - 16, PH - 88, mark, "Sans-B", 9, (1, 1, 1), align="right")
        else:
            c.rect(M, PH - 50, PW - 2 * M, 14, fill=1, stroke=0)
            pdf.text(M + 6, PH - 46, f"{S['org']} - {mark}", "Sans-B", 8, (1, 1, 1))
        pdf.text(M, 22, foot, "Sans", 7, (0.3, 0.3, 0.3))
        pdf.text(PW - M, 22, f"Page {pg + 1}", "Sans", 7, (0.3, 0.3, 0.3), align="right")
        if cropmarks:
            c.setStrokeColorRGB(0, 0, 0)
            c.setLineWidth(0.3)
            for x, y, dx, dy in ((10, 10, 1, 1), (PW - 10, 10, -1, 1), (10, PH - 10, 1, -1), (PW - 10, PH - 10, -1, -1)):
                c.line(x, y + dy * 8, x, y + dy * 16)
                c.line(x + dx * 8, y, x + dx * 16, y)
            pdf.text(18, 4, f"referral_form_{S['key']}.pub    Page {pg + 1}    {slugdt}", "Sans", 5.5)

    state = {"y": PH - 124}

    def newpage():
        c.showPage()
        pdf.page += 1
        page_decor(pdf.page)
        state["y"] = PH - 64

    def frame_height(fields, w):
        h = 24
        for f in fields:
            h += 10
            h += 12 * len(frame_value_lines(f, w))
            h += 4
        return h

    def frame_value_lines(f, w):
        if f.kind in ("yn", "choice"):
            return wrap(glyphs(f, sep="   "), "Sans", 9.5, w - 16)
        if f.kind == "lines":
            return f.shown if f.shown else [""]
        if f.kind == "agencies":
            return [ag_line(a, sep="  |  ") for a in f.shown] if f.shown else ["None known"]
        if f.kind == "paras":
            out = []
            for p in f.shown or [""]:
                out += wrap(p, "Sans", 9.5, w - 16) + [""]
            return out[:-1]
        return wrap(show(f), "Sans", 9.5, w - 16)

    def draw_frame(x, top, w, title, fields, h=None):
        h = h or frame_height(fields, w)
        c.setFillColorRGB(0.96, 0.96, 0.94)
        c.setStrokeColorRGB(*accent)
        c.setLineWidth(1)
        c.roundRect(x, top - h, w, h, 6, fill=1, stroke=1)
        pdf.text(x + 8, top - 15, title, "Sans-B", 10.5, accent)
        y = top - 24
        for f in fields:
            y -= 10
            pdf.text(x + 8, y, f.label, "Cond", 7.5, (0.35, 0.35, 0.35))
            for ln in frame_value_lines(f, w):
                y -= 12
                pdf.text(x + 8, y, ln, "Sans", 9.5)
            y -= 4
        pdf.box(x, top, x + w, top - h)
        return h

    page_decor(0)
    W = PW - 2 * M
    secs = case.sections
    ref = next(s for s in secs if s[0] == "ref")
    lead = next(s for s in secs if s[0] == "lead")
    half = (W - 12) / 2
    h = max(frame_height(ref[2], half), frame_height(lead[2], half))
    draw_frame(M, state["y"], half, ref[1], ref[2], h)
    draw_frame(M + half + 12, state["y"], half, lead[1], lead[2], h)
    state["y"] -= h + 12
    kids = [s for s in secs if s[0] == "child"]
    for i in range(0, len(kids), 2):
        pair = kids[i:i + 2]
        w = half if len(pair) == 2 or len(kids) > 1 else W
        hh = max(frame_height(k[2], w) for k in pair)
        if state["y"] - hh < 40:
            newpage()
        for j, k in enumerate(pair):
            draw_frame(M + j * (half + 12), state["y"], w, k[1], k[2], hh)
        state["y"] -= hh + 12
    inc = next(s for s in secs if s[0] == "inc")
    short = [f for f in inc[2] if f.kind != "paras"]
    summ = next(f for f in inc[2] if f.kind == "paras")
    hh = frame_height(short, W)
    if state["y"] - hh < 40:
        newpage()
    draw_frame(M, state["y"], W, inc[1], short, hh)
    state["y"] -= hh + 12
    # the story: a linked text frame, continued on the next page when it does not fit
    paras = summ.shown or [""]
    jumped = False
    first_part, second_part = paras, []
    if len(paras) >= 2 and state["y"] < 330:
        first_part, second_part = paras[:1], paras[1:]
        jumped = True

    def story_frame(ps, title, jump_to=None, jump_from=None):
        lines = []
        for p in ps:
            lines += wrap(p, "Sans", 9.5, W - 16) + [""]
        hh = 24 + 12 * len(lines) + (14 if jump_to or jump_from else 0)
        if state["y"] - hh < 40:
            newpage()
        top = state["y"]
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColorRGB(*accent)
        c.roundRect(M, top - hh, W, hh, 6, fill=1, stroke=1)
        pdf.text(M + 8, top - 15, title, "Sans-B", 10.5, accent)
        y = top - 24
        if jump_from:
            y -= 10
            pdf.text(M + 8, y, jump_from, "Sans-I", 8, (0.3, 0.3, 0.3))
        for ln in lines:
            y -= 12
            pdf.text(M + 8, y, ln, "Sans", 9.5)
        if jump_to:
            pdf.text(M + W - 8, top - hh + 6, jump_to, "Sans-I", 8, (0.3, 0.3, 0.3), align="right")
        pdf.box(M, top, M + W, top - hh)
        state["y"] -= hh + 12

    if jumped:
        story_frame(first_part, summ.label, jump_to=f"Continued on page {pdf.page + 2}")
        newpage()
        story_frame(second_part, summ.label, jump_from=f"Continued from page {pdf.page}")
    else:
        story_frame(first_part, summ.label)
    for sid in ("crit", "panel", "ag", "conc", "dec"):
        s = next(x for x in secs if x[0] == sid)
        hh = frame_height(s[2], W)
        if state["y"] - hh < 40:
            newpage()
        draw_frame(M, state["y"], W, s[1], s[2], hh)
        state["y"] -= hh + 12
    # guidance sidebar box
    gl = wrap(guidance(case) + " " + part + ".", "Sans-I", 8.5, W - 16)
    hh = 14 + 11 * len(gl)
    if state["y"] - hh < 40:
        newpage()
    c.setFillColorRGB(0.92, 0.92, 0.92)
    c.rect(M, state["y"] - hh, W, hh, fill=1, stroke=0)
    y = state["y"] - 6
    for ln in gl:
        y -= 11
        pdf.text(M + 8, y, ln, "Sans-I", 8.5, (0.2, 0.2, 0.2))
    return pdf.save(), {"story_jump": jumped, "crop_marks": cropmarks}, pdf.boxes


# ---------------------------------------------------------------- P-LINENUM
def p_linenum(case):
    rng = case.rng
    S = case.sender
    pdf = Pdf("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", S["title"])
    mark, part, foot = furniture_lines(case)
    countby = rng.choice([1, 1, 1, 5])
    L0, L1, TAB = 72, PW - 60, 72 + 175
    state = {"n": 0}

    def furn(pg):
        state["n"] = 0
        pdf.text(L0, PH - 36, mark, "Sans-B", 8)
        pdf.text(L1, PH - 36, part, "Sans", 8, align="right")
        pdf.text(L0, 30, foot, "Sans", 7.5, (0.3, 0.3, 0.3))
        pdf.text(L1, 30, f"Page {pg + 1}", "Sans", 7.5, (0.3, 0.3, 0.3), align="right")

    class NFlow(Flow):
        def line(self, s, x=None, font="Sans", size=10, color=(0, 0, 0), lead=None, align="left"):
            super().line(s, x, font, size, color, lead, align)
            state["n"] += 1
            if state["n"] % countby == 0:
                self.pdf.text(L0 - 30, self.y, str(state["n"]), "Sans", 7, (0.45, 0.45, 0.45), align="left")

    fl = NFlow(pdf, L0, L1, 56, 60, furn)
    fl.line(S["title"], font="Sans-B", size=14, lead=20)
    fl.line(S["org"], font="Sans", size=10.5)
    fl.gap(4)
    fl.para(guidance(case), font="Sans-I", size=9, color=(0.25, 0.25, 0.25))

    def kv(label, value, bold_label=True):
        lab_lines = wrap(label + ("" if not label or label.endswith(("?", ")")) else ":"), "Sans-B", 9.5, TAB - L0 - 8)
        val_lines = wrap(value, "Sans", 9.5, L1 - TAB) if value else [""]
        n = max(len(lab_lines), len(val_lines))
        for i in range(n):
            fl.need(13)
            fl.y -= 13
            if i < len(lab_lines):
                pdf.text(L0, fl.y, lab_lines[i], "Sans-B", 9.5)
            if i < len(val_lines):
                pdf.text(TAB, fl.y, val_lines[i], "Sans", 9.5)
            state["n"] += 1
            if state["n"] % countby == 0:
                pdf.text(L0 - 30, fl.y, str(state["n"]), "Sans", 7, (0.45, 0.45, 0.45))

    for sid, title, fields in case.sections:
        fl.gap(6)
        fl.need(30)
        fl.line(title, font="Sans-B", size=11.5, lead=17, color=(0.1, 0.2, 0.45))
        for f in fields:
            if f.kind == "agencies":
                fl.line(f.label + ":", font="Sans-B", size=9.5, lead=13)
                if not f.shown:
                    fl.line("None known", x=TAB, size=9.5, lead=13)
                for a in f.shown or []:
                    fl.para(ag_line(a, sep=", "), x=TAB, size=9.5, lead=13)
            elif f.kind == "paras":
                fl.line(f.label + ("" if f.label.endswith("?") else ":"), font="Sans-B", size=9.5, lead=13)
                for i, p in enumerate(f.shown or []):
                    if i:
                        fl.line("", size=9.5, lead=13)
                    fl.para(p, x=L0 + 18, size=9.5, lead=13)
            elif f.kind == "lines" and f.shown:
                for i, ln in enumerate(f.shown):
                    kv(f.label if i == 0 else "", ln)
            elif f.kind in ("yn", "choice"):
                kv(f.label, show(f))
            else:
                kv(f.label, show(f))
    return pdf.save(), {"count_by": countby}, pdf.boxes


# ---------------------------------------------------------------- P-LISTGROUP
def p_listgroup(case):
    rng = case.rng
    S = case.sender
    pdf = Pdf("Qt 5.15.2", "wkhtmltopdf 0.12.6", f"Submission - {S['title']}")
    c = pdf.c
    mark, part, foot = furniture_lines(case)
    M = 40
    X0, X1 = M, PW - M
    sub = rng.randint(1000, 9999)
    subdt = f"{case.decoy_dt.day:02d}/{case.decoy_dt.month:02d}/{case.decoy_dt.year} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
    brand = rng.choice([(0.05, 0.43, 0.99), (0.1, 0.53, 0.33), (0.44, 0.26, 0.76)])
    empty = "—"

    def furn(pg):
        if pg == 0:
            c.setFillColorRGB(0.13, 0.15, 0.17)
            c.rect(0, PH - 44, PW, 44, fill=1, stroke=0)
            pdf.text(M, PH - 28, f"{S['org']} | Safeguarding portal", "Sans-B", 12, (1, 1, 1))
            pdf.text(X1, PH - 28, mark, "Sans", 8.5, (0.8, 0.8, 0.8), align="right")
        pdf.text(M, 18, f"https://portal.{S['domain']}/safeguarding/submissions/{sub}/print", "Sans", 7, (0.4, 0.4, 0.4))
        pdf.text(X1, 18, f"{pg + 1}", "Sans", 7, (0.4, 0.4, 0.4), align="right")

    fl = Flow(pdf, X0, X1, 56, 40, furn)
    fl.line(f"Submission #{sub}", font="Sans-B", size=17, lead=24)
    fl.line(f"Submitted {subdt} · {S['title']}", font="Sans", size=9, color=(0.42, 0.46, 0.5))
    fl.gap(6)
    fl.para(guidance(case) + f" {part}. {foot}.", font="Sans", size=8.5, color=(0.3, 0.3, 0.3), x=X0)

    def badge(x_right, y, word, kind):
        col = {"y": (0.1, 0.53, 0.33), "n": (0.42, 0.46, 0.5), "t": (0.9, 0.65, 0.05)}[kind]
        w = pdfmetrics.stringWidth(word, "Sans-B", 8) + 12
        c.setFillColorRGB(*col)
        c.roundRect(x_right - w, y - 3, w, 13, 6, fill=1, stroke=0)
        pdf.text(x_right - 6, y, word, "Sans-B", 8, (1, 1, 1), align="right")

    def item_sep():
        c.setStrokeColorRGB(0.87, 0.89, 0.9)
        c.setLineWidth(0.6)
        c.line(X0, fl.y - 5, X1, fl.y - 5)

    for sid, title, fields in case.sections:
        fl.need(60)
        fl.gap(10)
        c.setFillColorRGB(0.97, 0.97, 0.97)
        c.setStrokeColorRGB(0.87, 0.89, 0.9)
        c.rect(X0, fl.y - 22, X1 - X0, 22, fill=1, stroke=1)
        fl.line(title, x=X0 + 10, font="Sans-B", size=10.5, lead=15)
        fl.gap(8)
        for f in fields:
            lab_w = 190
            if f.kind == "agencies":
                if not f.shown:
                    fl.line(f.label, x=X0 + 10, size=9.5, lead=18)
                    pdf.text(X1 - 10, fl.y, "None", "Sans", 9.5, (0.42, 0.46, 0.5), align="right")
                    item_sep()
                for a in f.shown or []:
                    fl.line(a["agency"], x=X0 + 10, font="Sans-B", size=9.5, lead=18)
                    right = " · ".join(x for x in (a["name"], a["contact"]) if x)
                    pdf.text(X1 - 10, fl.y, right, "Sans", 9.5, align="right")
                    item_sep()
                continue
            if f.kind == "paras":
                fl.line(f.label, x=X0 + 10, size=9.5, lead=18, color=(0.3, 0.3, 0.3))
                if not f.shown:
                    pdf.text(X1 - 10, fl.y, empty, "Sans", 9.5, (0.6, 0.6, 0.6), align="right")
                for i, p in enumerate(f.shown or []):
                    if i:
                        fl.gap(5)
                    fl.para(p, x=X0 + 10, size=9.5, lead=13, width=X1 - X0 - 20)
                item_sep()
                fl.gap(2)
                continue
            if f.kind == "yn":
                fl.line(f.label, x=X0 + 10, size=9.5, lead=18, color=(0.3, 0.3, 0.3))
                if f.shown is None:
                    pdf.text(X1 - 10, fl.y, empty, "Sans", 9.5, (0.6, 0.6, 0.6), align="right")
                else:
                    badge(X1 - 10, fl.y, f.shown, {0: "y", 1: "n", 2: "t"}[f.chosen])
                item_sep()
                continue
            if f.kind == "lines":
                vals = f.shown or [empty]
            else:
                v = show(f)
                vals = wrap(v, "Sans", 9.5, X1 - X0 - 20 - lab_w) if v else [empty]
            lab_lines = wrap(f.label, "Sans", 9.5, lab_w)
            n = max(len(vals), len(lab_lines))
            for i in range(n):
                fl.line(lab_lines[i] if i < len(lab_lines) else "", x=X0 + 10, size=9.5,
                        lead=18 if i == 0 else 12.5, color=(0.3, 0.3, 0.3))
                if i < len(vals):
                    col = (0.6, 0.6, 0.6) if vals[i] == empty else (0, 0, 0)
                    pdf.text(X1 - 10, fl.y, vals[i], "Sans", 9.5, col, align="right")
            item_sep()
    return pdf.save(), {"empty_marker": empty}, pdf.boxes


# ---------------------------------------------------------------- P-LETTERHEAD
def p_letterhead(case):
    rng = case.rng
    S = case.sender
    pdf = Pdf("Microsoft® Word 2019", "Microsoft® Word 2019", S["title"])
    c = pdf.c
    mark, part, foot = furniture_lines(case)
    SB = 150
    X0, X1 = SB + 28, PW - 40
    col = rng.choice([(0.09, 0.25, 0.42), (0.32, 0.1, 0.22), (0.12, 0.3, 0.22)])
    side = [S["org"], S["dept"] or "", "", "Head office", f"{rng.randint(1, 90)} {rng.choice(['Market Street', 'King Street', 'Union Road'])}",
            rng.choice(["Aldgrave", "Kingsmoor", "Norbridge"]), f"Tel {'0113 496 0' + str(rng.randint(100, 999))}",
            "", "Second office", f"Unit {rng.randint(1, 20)}, {rng.choice(['Riverside Park', 'Enterprise Way'])}",
            f"Tel {'01632 960' + str(rng.randint(100, 999))}", "", f"info@{S['domain'] if S['domain'] != 'nhs.net' else 'kchs.example.org.uk'}",
            f"www.{S['key'].split('_')[0]}.example.org.uk", "", "Directors / Trustees",
            f"{case.decoy_person}", f"{rng.choice(['A.', 'J.', 'R.'])} {rng.choice(['Hollins', 'Marsh', 'Greaves'])}",
            "", f"Registered in England No. {rng.randint(1000000, 9999999):08d}", "Registered office as head office",
            f"VAT No. GB {rng.randint(100, 999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}"]

    def furn(pg):
        c.setFillColorRGB(*col)
        c.rect(0, 0, SB, PH, fill=1, stroke=0)
        y = PH - 60
        for i, s in enumerate(side):
            fnt = "Sans-B" if i == 0 or s in ("Head office", "Second office", "Directors / Trustees") else "Sans"
            for ln in wrap(s, fnt, 7.5 if i else 9.5, SB - 24):
                pdf.text(14, y, ln, fnt, 7.5 if i else 9.5, (1, 1, 1))
                y -= 11
        pdf.text(X1, PH - 30, mark, "Sans-B", 8, align="right")
        pdf.text(X0, 26, foot, "Sans", 7, (0.35, 0.35, 0.35))
        pdf.text(X1, 26, f"Page {pg + 1}", "Sans", 7, (0.35, 0.35, 0.35), align="right")

    fl = Flow(pdf, X0, X1, 50, 50, furn)
    for ln in wrap(S["title"], "Sans-B", 13.5, X1 - X0):
        fl.line(ln, font="Sans-B", size=13.5, lead=18, color=col)
    fl.line(part, size=9.5)
    fl.gap(4)
    fl.para(guidance(case), font="Sans-I", size=8.5, color=(0.3, 0.3, 0.3))
    for sid, title, fields in case.sections:
        fl.gap(6)
        fl.need(36)
        fl.line(title, font="Sans-B", size=11, lead=16, color=col)
        c.setStrokeColorRGB(*col)
        c.line(X0, fl.y - 3, X1, fl.y - 3)
        fl.gap(3)
        for f in fields:
            if f.kind == "agencies":
                fl.line(f.label + ":", font="Sans-B", size=9.5, lead=14)
                if not f.shown:
                    fl.line("None known", x=X0 + 12, size=9.5, lead=13)
                for a in f.shown or []:
                    fl.para(ag_line(a, sep=" - "), x=X0 + 12, size=9.5, lead=13)
            elif f.kind == "paras":
                fl.line(f.label + ("" if f.label.endswith("?") else ":"), font="Sans-B", size=9.5, lead=14)
                for i, p in enumerate(f.shown or []):
                    if i:
                        fl.gap(6)
                    fl.para(p, x=X0 + 12, size=9.5, lead=13)
            elif f.kind == "lines":
                fl.line(f.label + ":", font="Sans-B", size=9.5, lead=14)
                for ln in f.shown or []:
                    fl.line(ln, x=X0 + 12, size=9.5, lead=12.5)
            else:
                lab = f.label + ("" if f.label.endswith(("?", ")")) else ":")
                v = glyphs(f, on="☑", off="☐", sep="   ") if f.kind in ("yn", "choice") else show(f)
                lw = pdfmetrics.stringWidth(lab + " ", "Sans-B", 9.5)
                if lw + pdfmetrics.stringWidth(v, "Sans", 9.5) < X1 - X0:
                    fl.line(lab, font="Sans-B", size=9.5, lead=14)
                    pdf.text(X0 + lw, fl.y, v, "Sans", 9.5)
                else:
                    fl.line(lab, font="Sans-B", size=9.5, lead=14)
                    fl.para(v, x=X0 + 12, size=9.5, lead=13)
    return pdf.save(), {"sidebar_colour": col}, pdf.boxes


PDF_LAYOUTS = {"P-RMARKDOWN": p_rmarkdown, "P-PUBLISHER": p_publisher, "P-LINENUM": p_linenum,
               "P-LISTGROUP": p_listgroup, "P-LETTERHEAD": p_letterhead}
