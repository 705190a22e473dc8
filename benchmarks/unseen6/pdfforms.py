"""The reportlab layouts: P-BOXES (drawn boxes, small labels inside), P-CMS (case-system printout), F-ACRO (AcroForm)."""

from __future__ import annotations

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

from case import fmt_date  # noqa: E402
from look import Look  # noqa: E402
from spec import agency_cells, type_label  # noqa: E402

pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
W, H = A4


def x(s):
    return (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- P-BOXES

class BoxPage:
    def __init__(self, path, look: Look):
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(look.v["title"])
        self.c.setAuthor(look.v["org"])
        self.look = look
        self.page = 1
        self.y = 0
        self.top()

    def top(self):
        c, v = self.c, self.look.v
        c.setFont("Helvetica-Bold", 8)
        c.drawString(36, H - 24, v["marking"])
        c.drawRightString(W - 36, H - 24, self.look.form_ref)
        c.setFont("Helvetica", 7)
        c.drawString(36, 20, f"{v['org']}  |  {self.look.version}  |  Page {self.page}")
        self.y = H - 40

    def need(self, h):
        if self.y - h < 40:
            self.c.showPage()
            self.page += 1
            self.top()

    def bar(self, text):
        self.need(40)
        c = self.c
        c.setFillColor(colors.HexColor("#1F3864"))
        c.rect(36, self.y - 16, W - 72, 16, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(42, self.y - 12, text)
        c.setFillColor(colors.black)
        self.y -= 20

    def box_height(self, lines_n):
        return 13 + 11 * max(1, lines_n) + 3

    def draw_box(self, x0, width, height, label, lines, ticks=None):
        c = self.c
        c.setStrokeColor(colors.HexColor("#7F7F7F"))
        c.rect(x0, self.y - height, width, height, fill=0)
        c.setFont("Helvetica", 6.5)
        c.setFillColor(colors.HexColor("#404040"))
        c.drawString(x0 + 3, self.y - 8, label.upper() if self.look.rng.random() < 0 else label)
        c.setFillColor(colors.black)
        if ticks:
            xx = x0 + 6
            for opt, on in ticks:
                c.rect(xx, self.y - 22, 8, 8, fill=0)
                if on:
                    c.setFont("DejaVu", 9)
                    c.drawString(xx + 0.5, self.y - 21, self.tick)
                c.setFont("Helvetica", 8.5)
                c.drawString(xx + 11, self.y - 21, opt)
                xx += 16 + pdfmetrics.stringWidth(opt, "Helvetica", 8.5) + 10
                if xx > x0 + width - 60 and (opt, on) != ticks[-1]:
                    xx = x0 + 6
                    self.y -= 11
            return
        c.setFont("Helvetica", 9)
        yy = self.y - 19
        for ln in lines:
            c.drawString(x0 + 4, yy, ln)
            yy -= 11


def p_boxes(sections, look: Look, case, path):
    bp = BoxPage(path, look)
    bp.tick = look.rng.choice(["✓", "✔", "✗", "X"])
    if bp.tick == "✗":
        bp.tick = "X"
    c = bp.c
    v = look.v
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, bp.y - 10, v["org"])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(36, bp.y - 26, v["title"])
    c.setFont("Helvetica-Oblique", 7.5)
    yy = bp.y - 40
    for ln in simpleSplit(v["guidance"], "Helvetica-Oblique", 7.5, W - 72):
        c.drawString(36, yy, ln)
        yy -= 9
    bp.y = yy - 6
    half = (W - 72 - 6) / 2
    notes = {"tick": bp.tick}

    def content(f, width):
        if f.kind == "yn":
            chosen = look.yn_chosen(f.value)
            return None, [(o, o == chosen) for o in look.yn_options()]
        if f.kind == "gender" and look.rng.random() < 0.5:
            g = look.gender_word(f.value)
            return None, [(o, o == g) for o in look.v["gender"]]
        if f.kind == "type":
            chosen = type_label(look.vname, f.value) if f.value else None
            opts = [(l + (f": {f.extra['detail']}" if l == chosen and val == "other" else ""), l == chosen) for l, val in look.v["types"]]
            return None, opts
        if f.kind == "lines":
            raw = f.value or [look.blank()]
        elif f.kind == "paras":
            raw = f.value or [look.blank()]
        else:
            raw = [look.text(f)]
        out = []
        for i, para in enumerate(raw):
            if i and f.kind == "paras":
                out.append("")
            out += simpleSplit(para, "Helvetica", 9, width - 8) or [""]
        return out, None

    def height_of(f, width):
        lines, ticks = content(f, width)
        if ticks:
            tw = sum(26 + pdfmetrics.stringWidth(o, "Helvetica", 8.5) for o, _ in ticks)
            rows = 1 + int(tw // (width - 60))
            return 13 + 11 * rows + 6
        return bp.box_height(len(lines))

    def put(f, x0, width, h):
        lines, ticks = content(f, width)
        saved = bp.y
        bp.draw_box(x0, width, h, f.label, lines, ticks)
        bp.y = saved

    for sec in sections:
        title = sec.title if sec.child is None or len(case["children"]) == 1 else f"{sec.title} ({sec.child + 1} of {len(case['children'])})"
        bp.bar(title)
        fs = sec.fields
        i = 0
        while i < len(fs):
            f = fs[i]
            if f.kind == "agencies":
                cols = f.extra["cols"]
                rows = [agency_cells(f, r) for r in f.value] + [["", "", ""]] * 2
                cw = (W - 72) / 3
                bp.need(14 * (len(rows) + 1) + 4)
                c.setFont("Helvetica-Bold", 8)
                for j, col in enumerate(cols):
                    c.rect(36 + j * cw, bp.y - 14, cw, 14)
                    c.drawString(40 + j * cw, bp.y - 10, col)
                bp.y -= 14
                c.setFont("Helvetica", 8.5)
                for r in rows:
                    for j, val in enumerate(r):
                        c.rect(36 + j * cw, bp.y - 14, cw, 14)
                        c.drawString(40 + j * cw, bp.y - 10, val or "")
                    bp.y -= 14
                bp.y -= 6
                i += 1
                continue
            wide = f.kind in ("paras", "type") or f.key in ("reason", "immediate") or len(f.label) > 55
            nxt = fs[i + 1] if i + 1 < len(fs) else None
            nwide = nxt is None or nxt.kind in ("paras", "type", "agencies") or nxt.key in ("reason", "immediate") or len(nxt.label) > 55
            if not wide and not nwide:
                h = max(height_of(f, half), height_of(nxt, half))
                bp.need(h + 4)
                put(f, 36, half, h)
                put(nxt, 36 + half + 6, half, h)
                bp.y -= h + 4
                i += 2
            else:
                h = height_of(f, W - 72)
                if h > 600:
                    h = 600
                bp.need(h + 4)
                put(f, 36, W - 72, h)
                bp.y -= h + 4
                i += 1
    bp.need(60)
    bp.bar("Partnership use only")
    c.rect(36, bp.y - 40, W - 72, 40)
    c.setFont("Helvetica", 7)
    c.drawString(40, bp.y - 9, "Date received / reference / decision")
    c.save()
    notes["crops"] = [[0, W / 2], [W / 2, W]]
    return notes


# ---------------------------------------------------------------- P-CMS (case management system printout)

def p_cms(sections, look: Look, case, path):
    rng = look.rng
    system = rng.choice(["CarePoint EPR", "NorthStar Case Manager", "TrakCare Community"])
    printed = fmt_date(case["date_of_referral"] or case["inc"]["date"], "dmy") if False else None
    blank_word = rng.choice(["", "Not recorded", "Not recorded"])
    small = ParagraphStyle("s", fontName="Helvetica", fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("b", parent=small, fontName="Helvetica-Bold")
    para = ParagraphStyle("p", parent=small, spaceAfter=7)
    head = ParagraphStyle("h", parent=small, fontName="Helvetica-Bold", fontSize=9.5, textColor=colors.white)
    import datetime
    pd = (case["date_of_referral"] or case["inc"]["date"]) + datetime.timedelta(days=rng.randint(0, 3))
    printed = f"{fmt_date(pd, 'dmy')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"

    def on_page(c, doc):
        c.saveState()
        c.setFont("Helvetica", 7)
        c.drawString(36, H - 22, f"{system}  -  Form: {look.v['title']} ({look.form_ref})")
        c.drawRightString(W - 36, H - 22, look.v["marking"])
        c.drawString(36, 20, f"Printed {printed} by {look.v['org']}")
        c.drawRightString(W - 36, 20, f"Page {doc.page}")
        c.restoreState()

    def answer(f):
        if f.kind == "yn":
            return look.yn_word(f.value) or blank_word
        if f.kind == "gender":
            return look.gender_word(f.value) or blank_word
        if f.kind == "type":
            return look.type_text(f) or blank_word
        if f.kind == "date":
            return look.date(f) or blank_word
        if f.kind == "lines":
            return "<br/>".join(x(s) for s in f.value) if f.value else blank_word
        if f.kind == "paras":
            return [Paragraph(x(s), para) for s in f.value] if f.value else blank_word
        return x(f.value) if f.value else blank_word

    data = [[Paragraph("Question", bold), Paragraph("Response", bold)]]
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))]
    ag_tables = []
    for sec in sections:
        title = sec.title if sec.child is None else f"{sec.title} - subject {sec.child + 1} of {len(case['children'])}"
        data.append([Paragraph(x(title), head), ""])
        style += [("SPAN", (0, len(data) - 1), (1, len(data) - 1)),
                  ("BACKGROUND", (0, len(data) - 1), (1, len(data) - 1), colors.HexColor("#2F5496"))]
        for f in sec.fields:
            if f.kind == "agencies":
                rows = [[Paragraph(x(c), bold) for c in f.extra["cols"]]]
                rows += [[Paragraph(x(v or ""), small) for v in agency_cells(f, r)] for r in f.value]
                if not f.value:
                    rows.append([Paragraph("No records", small), "", ""])
                inner = Table(rows, colWidths=[108, 108, 110])
                inner.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                data.append([Paragraph("Involved professionals", small), inner])
                continue
            a = answer(f)
            data.append([Paragraph(x(f.label), small), a if isinstance(a, list) else Paragraph(a, small)])
    t = Table(data, colWidths=[190, 333], repeatRows=1)
    t.setStyle(TableStyle(style))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=36,
                            title=look.v["title"], author=system, invariant=1)
    doc.build([Paragraph(f"<b>{x(look.v['org'])}</b> - {x(look.v['title'])}", small), Spacer(1, 6), t],
              onFirstPage=on_page, onLaterPages=on_page)
    return {"system": system, "blank_word": blank_word or "(empty)", "crops": [[36 + 190, W - 36], [36, 36 + 190]]}


# ---------------------------------------------------------------- F-ACRO (fillable form)

def f_acro(sections, look: Look, case, path):
    rng = look.rng
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(look.v["title"])
    form = c.acroForm
    state = {"y": H - 50, "page": 1}
    yn_as = rng.choice(["combo", "checkbox"])
    notes = {"yes_no": yn_as, "child_slots": 0, "fields": 0}
    prefix = rng.choice(["", "txt", "fld_"])

    def header():
        c.setFont("Helvetica-Bold", 8)
        c.drawString(36, H - 24, look.v["marking"])
        c.drawRightString(W - 36, H - 24, f"{look.form_ref}  page {state['page']}")
        state["y"] = H - 44

    def need(h):
        if state["y"] - h < 40:
            c.showPage()
            state["page"] += 1
            header()

    def label(text, h=16):
        c.setFont("Helvetica", 8.5)
        lines = simpleSplit(text, "Helvetica", 8.5, 185)
        yy = state["y"] - 10
        for ln in lines:
            c.drawString(40, yy, ln)
            yy -= 9.5
        return max(h, 9.5 * len(lines) + 4)

    def name(s):
        notes["fields"] += 1
        return prefix + s

    def tf(nm, tip, value, h=16, multi=False, width=325):
        form.textfield(name=name(nm), tooltip=tip, x=232, y=state["y"] - h, width=width, height=h, value=value or "",
                       fontSize=8 if multi else 9, fontName="Helvetica", borderWidth=0.6, borderColor=colors.grey,
                       fillColor=colors.HexColor("#EEF3FB"), fieldFlags="multiline" if multi else "",
                       forceBorder=True)

    def row(f, stem, empty=False):
        val = None if empty else f.value
        tip = f.label
        if f.kind == "type":
            opts = look.v["types"]
            need(14 * len(opts) + 22)
            label(f.label)
            chosen = None if empty else type_label(look.vname, val)
            yy = state["y"]
            for k, (lab, v2) in enumerate(opts):
                form.checkbox(name=name(f"{stem}_{k + 1}"), tooltip=f"{f.label}: {lab}", x=232, y=yy - 12, size=10,
                              checked=lab == chosen, buttonStyle="cross", borderWidth=0.6)
                c.setFont("Helvetica", 8.5)
                c.drawString(246, yy - 10, lab)
                yy -= 14
            if not empty and val == "other":
                state["y"] = yy
                c.drawString(246, yy - 10, "If other, details:")
                state["y"] -= 2
                form.textfield(name=name(f"{stem}_Other"), tooltip="Other - details", x=320, y=yy - 14, width=237, height=14,
                               value=f.extra["detail"], fontSize=8, borderWidth=0.6, forceBorder=True)
                yy -= 18
            state["y"] = yy - 6
            return
        if f.kind == "yn" or (f.kind == "gender"):
            opts = look.yn_options() if f.kind == "yn" else list(look.v["gender"])
            chosen = None if empty else (look.yn_chosen(val) if f.kind == "yn" else look.gender_word(val))
            need(22)
            h = label(f.label)
            if f.kind == "yn" and yn_as == "checkbox":
                xx = 232
                for o in opts:
                    form.checkbox(name=name(f"{stem}_{o.replace(' ', '').replace(chr(39), '')}"), tooltip=f"{f.label} - {o}",
                                  x=xx, y=state["y"] - 13, size=11, checked=o == chosen, buttonStyle="check", borderWidth=0.6)
                    c.setFont("Helvetica", 8.5)
                    c.drawString(xx + 14, state["y"] - 11, o)
                    xx += 70
            else:
                form.choice(name=name(stem), tooltip=tip, value=chosen or " ", options=[" "] + opts, x=232,
                            y=state["y"] - 15, width=110, height=15, fontSize=9, borderWidth=0.6, fieldFlags="combo",
                            forceBorder=True)
            state["y"] -= h + 4
            return
        if f.kind in ("lines", "paras"):
            if empty or not val:
                text = ""
            elif f.kind == "lines":
                text = "\n".join(val)
            else:
                text = "\n\n".join(val)
            h = 48 if f.kind == "lines" else max(90, 12 * (len(text) // 70 + 2 * len(val or [])))
            h = min(h, 330)
            need(h + 6)
            label(f.label)
            tf(stem, tip, text, h=h, multi=True)
            state["y"] -= h + 6
            return
        if f.kind == "date":
            text = None if empty else look.date(f)
        elif f.kind == "text":
            text = None if empty else (val if val is not None else look.blank())
        else:
            text = None
        need(22)
        h = label(f.label)
        long = f.key in ("reason", "immediate")
        if long:
            hh = 44
            tf(stem, tip, text, h=hh, multi=True)
            state["y"] -= max(h, hh) + 4
            return
        tf(stem, tip, text)
        state["y"] -= h + 4

    header()
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, state["y"] - 8, look.v["org"])
    c.setFont("Helvetica-Bold", 10.5)
    c.drawString(36, state["y"] - 24, look.v["title"])
    c.setFont("Helvetica-Oblique", 7.5)
    yy = state["y"] - 38
    for ln in simpleSplit(look.v["guidance"], "Helvetica-Oblique", 7.5, W - 72):
        c.drawString(36, yy, ln)
        yy -= 9
    state["y"] = yy - 6

    def bar(t):
        need(40)
        c.setFillColor(colors.HexColor("#385723"))
        c.rect(36, state["y"] - 15, W - 72, 15, fill=1, stroke=0)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(40, state["y"] - 11, t)
        c.setFillColor(colors.black)
        state["y"] -= 20

    stems = {"child_first": "FirstName", "child_last": "Surname", "child_name": "FullName"}
    child_secs = [s for s in sections if s.key == "child"]
    for sec in sections:
        if sec.key == "child":
            if sec.child != 0:
                continue
            slots = max(2, len(child_secs))
            notes["child_slots"] = slots
            for k in range(slots):
                bar(f"{sec.title} - child {k + 1}")
                src = child_secs[k] if k < len(child_secs) else child_secs[0]
                for j, f in enumerate(src.fields):
                    stem = f"Child{k + 1}_" + stems.get(f.key, f.key.title().replace("_", "") if not f.decoy else f"Extra{j}")
                    saved = look.unknown
                    if k >= len(child_secs):
                        look.unknown = None
                    row(f, stem, empty=k >= len(child_secs))
                    look.unknown = saved
            continue
        bar(sec.title)
        for f in sec.fields:
            if f.kind == "agencies":
                cols = f.extra["cols"]
                need(18 * 5 + 10)
                cw = (W - 72) / 3
                c.setFont("Helvetica-Bold", 8.5)
                for j, col in enumerate(cols):
                    c.drawString(40 + j * cw, state["y"] - 10, col)
                state["y"] -= 14
                rows = [agency_cells(f, r) for r in f.value]
                for r in range(max(4, len(rows))):
                    for j in range(3):
                        val = rows[r][j] if r < len(rows) else ""
                        form.textfield(name=name(f"Agency{r + 1}_{['A', 'B', 'C'][j]}"), tooltip=f"Agencies row {r + 1}: {cols[j]}",
                                       x=36 + j * cw, y=state["y"] - 15, width=cw - 4, height=15, value=val or "",
                                       fontSize=8, borderWidth=0.6, forceBorder=True)
                    state["y"] -= 18
                continue
            stem = {"date_of_referral": "DateOfReferral"}.get(f.key, f.key.title().replace("_", ""))
            if f.decoy:
                stem = "Extra" + "".join(ch for ch in f.label.title() if ch.isalnum())[:14]
            row(f, stem)
    c.save()
    notes["needs_appearances"] = False
    return notes


PDF_LAYOUTS = {"P-BOXES": p_boxes, "P-CMS": p_cms, "F-ACRO": f_acro}
