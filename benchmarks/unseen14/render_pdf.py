"""The five PDF layouts of unseen14 (reportlab, invariant mode)."""

import datetime as dt

from reportlab.lib.colors import Color, HexColor, white, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from model import fmt_date, value_text
from render_docx import furniture, agencies_rows

FD = "/usr/share/fonts/truetype/dejavu/"
for name, f in [("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVI", "DejaVuSans-Oblique.ttf"),
                ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf"),
                ("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVM", "DejaVuSansMono.ttf")]:
    pdfmetrics.registerFont(TTFont(name, FD + f))


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            t = (line + " " + w) if line else w
            if pdfmetrics.stringWidth(t, font, size) <= width or not line:
                line = t
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


class Doc:
    """A page cursor over a reportlab canvas; records answer boxes for the self-check."""

    def __init__(self, path, pagesize=A4, margin=42, top=60, bottom=50, title="", author="", producer=None):
        self.c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        if producer:
            self.c.setProducer(producer)
        self.W, self.H = pagesize
        self.m, self.top, self.bottom = margin, top, bottom
        self.page = 0
        self.boxes = []
        self.on_page = None
        self.y = None

    def new_page(self):
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = self.H - self.top
        if self.on_page:
            self.on_page(self)

    def need(self, h):
        if self.y is None or self.y - h < self.bottom:
            self.new_page()

    def text(self, x, y, s, font="DV", size=9, color=black):
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)

    def box(self, x0, y_top, x1, y_bot):
        """Record an answer box (PDF coords) as pdfplumber bbox on the current page."""
        self.boxes.append((self.page - 1, (max(0, x0 - 1), max(0, self.H - y_top - 1), min(self.W, x1 + 1),
                                           min(self.H, self.H - y_bot + 1))))

    def save(self):
        self.c.showPage()
        self.c.save()


def lines_of(item, sep=None):
    k = item["kind"]
    if k in ("addr", "long"):
        ls = [x for x in item["lines"] or [] if x]
        if k == "long":
            out = []
            for j, x in enumerate(ls):
                if j:
                    out.append("")
                out.append(x)
            return out
        return ls
    return [item["text"]] if item["text"] else []


# ----------------------------------------------------------------- P-BALLOONS

def p_balloons(path, s, case, secs, rng):
    """A Word form printed to PDF with 'All Markup': body on the left, markup balloons in a grey pane on the right."""
    marking, _, _, guidance, review = furniture(s, case, rng)
    d = Doc(path, title=f"{s['form_ref']} referral", author=case["ref"]["name"], producer="Microsoft: Print To PDF")
    pane_x = 392
    bx0, bx1 = 40, pane_x - 14
    editor = rng.choice(["Gina Rafferty", "Tom Ellery", case["lead"]["name"]])
    ini = "".join(x[0] for x in editor.split())
    # choose revised items: inserted new value, old (decoy) value in a "Deleted:" balloon
    cands = [it for _, _, its in secs for it in its if it["kind"] in ("text", "date", "phone") and it["text"]
             and it["base"] not in ("decoy",)]
    revised = {id(it) for it in rng.sample(cands, min(4, len(cands)))}
    bal = []  # pending balloons per page: (y, kind, text)
    notes = {"editor": editor, "deleted_values": [], "comments": 0}

    def on_page(doc):
        c = doc.c
        c.setFillColor(HexColor("#F2F2F2"))
        c.rect(pane_x, 0, doc.W - pane_x, doc.H, stroke=0, fill=1)
        doc.text(bx0, doc.H - 30, f"{marking}    {s['partnership']}", "DV", 6.5, HexColor("#595959"))
        doc.text(bx0, 24, f"{s['form_ref']} - reviewed {fmt_date(review, s['date_main'])} - page {doc.page}", "DV", 6,
                 HexColor("#595959"))

    d.on_page = on_page
    d.top = 48

    def flush_balloons():
        y_last = d.H
        for y, kind, txt in bal:
            y = min(y, y_last - 8)
            lines = wrap(f"{kind}: {txt}", "DV", 6.2, d.W - pane_x - 34)
            lines[0] = lines[0][len(kind) + 2:]
            h = 6 + 8 * len(lines)
            col = HexColor("#C00000") if kind == "Deleted" else HexColor("#2E75B6") if kind == "Commented" else HexColor("#7F7F7F")
            d.c.setStrokeColor(col)
            d.c.setDash(1, 2)
            d.c.line(bx1, y, pane_x + 8, y)
            d.c.setDash()
            d.c.setFillColor(white)
            d.c.roundRect(pane_x + 8, y - h + 6, d.W - pane_x - 18, h, 3, stroke=1, fill=1)
            for j, ln in enumerate(lines):
                lab = f"{kind}: " if j == 0 else ""
                if lab:
                    d.text(pane_x + 12, y - 2 - 8 * j, lab, "DVB", 6.2, col)
                    d.text(pane_x + 12 + pdfmetrics.stringWidth(lab, "DVB", 6.2), y - 2, ln, "DV", 6.2, black)
                else:
                    d.text(pane_x + 12, y - 2 - 8 * j, ln, "DV", 6.2, black)
            y_last = y - h
        bal.clear()

    def row(label, vals, inserted=False):
        lw = 120
        lab = wrap(label, "DVB", 7, lw - 6)
        vl = []
        for v in vals:
            vl += wrap(v, "DV", 7.5, bx1 - bx0 - lw - 8) if v else [""]
        h = max(len(lab), len(vl), 1) * 9.5 + 5
        if d.y - h < d.bottom:
            flush_balloons()
            d.new_page()
        top = d.y
        d.c.setStrokeColor(HexColor("#7F7F7F"))
        d.c.setFillColor(HexColor("#E7E6E6"))
        d.c.rect(bx0, top - h, lw, h, stroke=1, fill=1)
        d.c.rect(bx0 + lw, top - h, bx1 - bx0 - lw, h, stroke=1, fill=0)
        for j, ln in enumerate(lab):
            d.text(bx0 + 3, top - 9 - 9.5 * j, ln, "DVB", 7)
        col = HexColor("#2E75B6") if inserted else black
        for j, ln in enumerate(vl):
            d.text(bx0 + lw + 4, top - 9 - 9.5 * j, ln, "DV", 7.5, col)
            if inserted and ln:
                w = pdfmetrics.stringWidth(ln, "DV", 7.5)
                d.c.setStrokeColor(col)
                d.c.line(bx0 + lw + 4, top - 10.5 - 9.5 * j, bx0 + lw + 4 + w, top - 10.5 - 9.5 * j)
        if any(vl):
            d.box(bx0 + lw + 1, top, bx1, top - h)
        d.y = top - h
        return top

    d.new_page()
    d.text(bx0, d.y, s["title"], "DVB", 11, HexColor("#1F3864"))
    d.y -= 14
    d.text(bx0, d.y, s["unit"], "DV", 7.5)
    d.y -= 8
    for ln in wrap(guidance, "DVI", 6.5, bx1 - bx0):
        d.y -= 8
        d.text(bx0, d.y, ln, "DVI", 6.5, HexColor("#595959"))
    d.y -= 10
    for sk, title, its in secs:
        if d.y - 30 < d.bottom:
            flush_balloons()
            d.new_page()
        d.c.setFillColor(HexColor("#1F3864"))
        d.c.rect(bx0, d.y - 13, bx1 - bx0, 13, stroke=0, fill=1)
        d.text(bx0 + 3, d.y - 9.5, title, "DVB", 7.5, white)
        d.y -= 13
        if sk == "ag":
            rows = agencies_rows(case)
            row("Name  |  Agency  |  Contact", [" | ".join(x for x in r if x) for r in rows] if rows else ["None known"])
            continue
        for item in its:
            k = item["kind"]
            if k in ("tri", "gender", "itype"):
                opts = "   ".join(("\u2612 " if item["chosen"] == j else "\u2610 ") + o for j, o in enumerate(item["options"]))
                vals = [opts]
                if k == "itype" and item.get("spec"):
                    vals.append(f"If other, please specify: {item['spec']}")
                row(item["label"], vals)
                continue
            vals = lines_of(item)
            ins = id(item) in revised
            top = row(item["label"], vals, inserted=ins)
            if ins:
                old = item["text"]
                if k == "date":
                    old = fmt_date(case["inc_date"] - dt.timedelta(days=rng.randint(3, 30)), s["date_main"])
                elif k == "phone":
                    old = old[:-3] + f"{rng.randrange(1000):03d}"
                else:
                    old = rng.choice(["TBC", "to follow", "see notes", "unknown at time of writing"])
                bal.append((top - 6, "Deleted", old))
                notes["deleted_values"].append(old)
            elif rng.random() < 0.08 and item["text"]:
                bal.append((top - 6, "Commented [" + ini + str(len(bal) + 1) + "]",
                            f"{editor}: please confirm - spoke to {rng.choice(['DC Byrne', 'the school', 'the GP'])} "
                            f"on {fmt_date(case['la_aware'] + dt.timedelta(days=1), s['date_main'])}"))
                notes["comments"] += 1
            elif rng.random() < 0.05:
                bal.append((top - 6, "Formatted", "Font: (Default) Arial, 10 pt"))
    flush_balloons()
    d.save()
    return notes, d.boxes


# ----------------------------------------------------------------- P-SURVEYRESP

def p_surveyresp(path, s, case, secs, rng):
    """An online survey tool's individual-response PDF: Q-numbered questions, answers beneath, skipped questions."""
    marking, _, _, guidance, _ = furniture(s, case, rng)
    d = Doc(path, title=f"{s['title']} - response", author="", producer="Skia/PDF m124")
    started = case["date_ref"]
    resp_no = rng.randint(3, 60)
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    mon = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
    us = lambda x: f"{days[x.weekday()]}, {mon[x.month - 1]} {x.day:02d}, {x.year}"
    skipped = rng.choice(["Respondent skipped this question", "Respondent skipped this question"])

    def on_page(doc):
        doc.text(40, doc.H - 28, f"{s['title']}", "DV", 7, HexColor("#6B6B6B"))
        doc.text(doc.W - 150, doc.H - 28, "Individual response", "DV", 7, HexColor("#6B6B6B"))
        doc.text(doc.W - 60, 26, f"{doc.page}", "DV", 7, HexColor("#6B6B6B"))

    d.on_page = on_page
    d.new_page()
    c = d.c
    c.setFillColor(HexColor("#00BF6F"))
    c.rect(40, d.y - 4, 8, 22, stroke=0, fill=1)
    d.text(56, d.y + 4, f"#{resp_no}", "DVB", 16)
    d.text(120, d.y + 6, "COMPLETE", "DVB", 9, HexColor("#00BF6F"))
    d.y -= 22
    meta = [("Collector:", f"Web Link {rng.randint(1, 3)} (Web Link)"),
            ("Started:", f"{us(started)} {rng.randint(8, 11)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} AM"),
            ("Last Modified:", f"{us(started)} {rng.randint(1, 4)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} PM"),
            ("Time Spent:", f"00:{rng.randint(12, 48)}:{rng.randint(10, 59)}"),
            ("IP Address:", f"81.{rng.randint(2, 250)}.{rng.randint(2, 250)}.{rng.randint(2, 250)}")]
    for k, v in meta:
        d.text(40, d.y, k, "DV", 8, HexColor("#6B6B6B"))
        d.text(130, d.y, v, "DV", 8)
        d.y -= 12
    d.y -= 8
    qn = [0]

    def question(label, answers, sub=None):
        """answers: list of lines; sub: list of (sublabel, value lines)."""
        qn[0] += 1
        ql = wrap(f"Q{qn[0]}", "DVB", 9, 30)
        lab = wrap(label, "DVB", 9, d.W - 120)
        body_h = 12 * len(lab) + 6
        if sub:
            body_h += sum(12 * max(1, len(v)) for _, v in sub)
        else:
            body_h += 12 * max(1, len(answers))
        d.need(min(body_h + 12, 300))
        d.text(40, d.y, ql[0], "DVB", 9, HexColor("#00BF6F"))
        for j, ln in enumerate(lab):
            d.text(70, d.y - 12 * j, ln, "DVB", 9, HexColor("#333E48"))
        d.y -= 12 * len(lab) + 4
        if sub:
            for sl, vl in sub:
                sll = wrap(sl, "DV", 8.5, 145)
                vll = []
                for v in vl or [""]:
                    vll += wrap(v, "DV", 9, d.W - 280) if v else [""]
                d.need(12 * max(len(sll), len(vll)) + 2)
                top = d.y + 9
                for j, ln in enumerate(sll):
                    d.text(78, d.y - 12 * j, ln, "DV", 8.5, HexColor("#6B6B6B"))
                for j, ln in enumerate(vll):
                    d.text(230, d.y - 12 * j, ln, "DV", 9)
                if vl:
                    d.box(228, top, d.W - 40, d.y - 12 * (len(vll) - 1) - 3)
                d.y -= 12 * max(len(sll), len(vll))
            d.y -= 8
            return
        if not answers:
            d.text(78, d.y, skipped, "DVI", 9, HexColor("#9B9B9B"))
            d.y -= 20
            return
        for ln in answers:
            for w in (wrap(ln, "DV", 9, d.W - 130) if ln else [""]):
                d.need(12)
                top = d.y + 9
                d.text(78, d.y, w, "DV", 9)
                if w:
                    d.box(76, top, d.W - 40, d.y - 3)
                d.y -= 12
        d.y -= 8

    page_no = 0
    kid_no = [0]
    for sk, title, its in secs:
        page_no += 1
        d.need(60)
        c.setStrokeColor(HexColor("#D0D2D3"))
        c.line(40, d.y + 2, d.W - 40, d.y + 2)
        d.y -= 14
        d.text(40, d.y, f"Page {page_no}: {title}", "DVB", 10.5, HexColor("#333E48"))
        d.y -= 20
        if sk == "ag":
            rows = agencies_rows(case)
            if not rows:
                question("Other agencies or professionals involved", [])
            for j, (n, a, ct) in enumerate(rows):
                question(f"Other agency {j + 1}", [], sub=[("Name", [n] if n else []), ("Agency", [a]), ("Contact", [ct])])
            continue
        if sk in ("ref", "lead"):
            names = {"name": "Name", "role": "Job title", "agency": "Company", "email": "Email Address",
                     "phone": "Phone Number"}
            sub = []
            rest = []
            for it in its:
                f = it["base"].split("_", 1)[1] if it["base"].startswith(("ref_", "lead_")) else ""
                if f in names:
                    sub.append((it["label"], [it["text"]] if it["text"] else []))
                else:
                    rest.append(it)
            question(title if sk == "lead" else f"{title} - your contact details", [], sub=sub)
            for it in rest:
                question(it["label"], lines_of(it))
            continue
        if sk == "crit":
            sub = [(it["label"], [it["text"]] if it["text"] else []) for it in its if it["kind"] == "tri"]
            question("Please answer each of the following", [], sub=sub)
            for it in its:
                if it["kind"] != "tri":
                    question(it["label"], lines_of(it))
            continue
        for it in its:
            if it["kind"] == "itype" and it.get("spec"):
                question(it["label"], [s["itype"]["other"]])
                question("If other, please specify", [it["spec"]])
                continue
            question(it["label"], lines_of(it))
        if sk == "child":
            kid_no[0] += 1
            question("Is there another child you need to tell us about?",
                     ["Yes" if kid_no[0] < len(case["kids"]) else "No"])
    d.save()
    return {"respondent": resp_no, "started": us(started), "skipped_marker": skipped}, d.boxes


# ----------------------------------------------------------------- P-FIELDAPP

def p_fieldapp(path, s, case, secs, rng):
    """A mobile field-form app's submission PDF: metadata block, label-above-value fields, repeat groups, photos."""
    marking, _, _, guidance, _ = furniture(s, case, rng)
    app = rng.choice(["FieldForms", "SiteSafe Mobile", "GoReport"])
    d = Doc(path, title=f"{app} submission", author=case["ref"]["name"], producer=f"{app} PDF service")
    sub_dt = case["date_ref"]
    accent = HexColor(rng.choice(["#0B6E4F", "#2B4C7E", "#8C2F39", "#4A4E69"]))
    notes = {"app": app}

    def on_page(doc):
        doc.c.setFillColor(accent)
        doc.c.rect(0, doc.H - 36, doc.W, 36, stroke=0, fill=1)
        doc.text(36, doc.H - 23, f"{app}  \u2022  {s['org']}", "DVB", 10, white)
        doc.text(doc.W - 170, doc.H - 23, marking, "DV", 8, white)
        doc.text(36, 22, f"Submission {sub_id}  \u2022  page {doc.page}", "DV", 7, HexColor("#777777"))

    sub_id = f"{rng.randrange(16 ** 8):08x}-{rng.randrange(16 ** 4):04x}"
    d.on_page = on_page
    d.top = 60
    d.new_page()
    d.text(36, d.y, s["title"], "DVB", 13)
    d.y -= 18
    meta = [("Submitted by", case["ref"]["email"]), ("Device", rng.choice(["iPhone 13", "Samsung Galaxy XCover 6", "iPad (9th gen)"])),
            ("Submitted at", f"{fmt_date(sub_dt + dt.timedelta(days=rng.choice([0, 1])), 'dmy_slash')} "
                             f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}"),
            ("Location", f"{53 + rng.random():.5f}, -{1 + rng.random() * 2:.5f} (\u00b1{rng.randint(4, 30)} m)"),
            ("Form version", f"{s['form_ref']} v{rng.randint(2, 9)}")]
    for k, v in meta:
        d.text(36, d.y, k, "DV", 7.5, HexColor("#777777"))
        d.text(130, d.y, v, "DV", 7.5)
        d.y -= 11
    d.y -= 4
    for ln in wrap(guidance, "DVI", 7, d.W - 72):
        d.text(36, d.y, ln, "DVI", 7, HexColor("#777777"))
        d.y -= 9
    d.y -= 8
    colw = (d.W - 72 - 16) / 2

    def field(x, w, label, vals):
        lab = wrap(label, "DV", 7, w)
        vl = []
        for v in vals:
            vl += wrap(v, "DV", 9.5, w) if v else [""]
        return lab, vl, 9 * len(lab) + 13 * max(1, len(vl)) + 10

    def draw_field(x, w, label, vals, top):
        lab, vl, h = field(x, w, label, vals)
        for j, ln in enumerate(lab):
            d.text(x, top - 9 * j, ln, "DV", 7, HexColor("#777777"))
        y = top - 9 * len(lab) - 4
        if not any(vl):
            d.text(x, y, "\u2014", "DV", 9.5, HexColor("#BBBBBB"))
        else:
            for j, ln in enumerate(vl):
                d.text(x, y - 13 * j, ln, "DV", 9.5)
            d.box(x - 1, y + 10, x + w, y - 13 * (len(vl) - 1) - 3)
        d.c.setStrokeColor(HexColor("#E3E3E3"))
        d.c.line(x, top - h + 6, x + w, top - h + 6)
        return h

    def header(t, sub=None):
        d.need(40)
        d.c.setFillColor(HexColor("#F1F1F1"))
        d.c.rect(36, d.y - 6, d.W - 72, 18, stroke=0, fill=1)
        d.c.setFillColor(accent)
        d.c.rect(36, d.y - 6, 3, 18, stroke=0, fill=1)
        d.text(44, d.y, t, "DVB", 9.5, accent)
        if sub:
            d.text(d.W - 44 - pdfmetrics.stringWidth(sub, "DV", 7.5), d.y, sub, "DV", 7.5, HexColor("#777777"))
        d.y -= 24

    def fields(its):
        pend = []
        for it in its:
            vals = lines_of(it)
            if it["kind"] == "itype" and it.get("spec"):
                vals = [s["itype"]["other"], f"Details: {it['spec']}"]
            wide = it["kind"] in ("long", "addr") or sum(len(v) for v in vals) > 38
            if wide:
                if pend:
                    flush(pend)
                    pend = []
                _, _, h = field(36, d.W - 72, it["label"], vals)
                if h > d.y - d.bottom and h < 400:
                    d.new_page()
                if h >= 400:
                    d.need(60)
                draw_field(36, d.W - 72, it["label"], vals, d.y)
                d.y -= h
            else:
                pend.append((it["label"], vals))
                if len(pend) == 2:
                    flush(pend)
                    pend = []
        if pend:
            flush(pend)

    def flush(pend):
        hs = [field(0, colw, l, v)[2] for l, v in pend]
        d.need(max(hs))
        top = d.y
        for j, (l, v) in enumerate(pend):
            draw_field(36 + j * (colw + 16), colw, l, v, top)
        d.y = top - max(hs)

    nk = len(case["kids"])
    ci = 0
    for sk, title, its in secs:
        if sk == "child":
            ci += 1
            header(s["sections"]["child"], f"Child {ci} of {nk}  (repeat group)")
        elif sk == "ag":
            rows = agencies_rows(case)
            header(title, f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}")
            for j, (n, a, ct) in enumerate(rows):
                d.need(20)
                d.text(44, d.y, f"Agency {j + 1} of {len(rows)}", "DVB", 8, HexColor("#555555"))
                d.y -= 14
                fields([{"label": "Name", "kind": "text", "text": n or None, "lines": None},
                        {"label": "Agency", "kind": "text", "text": a, "lines": None},
                        {"label": "Contact", "kind": "text", "text": ct, "lines": None}])
            continue
        else:
            header(title)
        fields(its)
        if sk == "inc":
            d.need(90)
            for j in range(rng.randint(1, 2)):
                x = 36 + j * 130
                d.c.setFillColor(HexColor("#DDDDDD"))
                d.c.rect(x, d.y - 60, 120, 60, stroke=0, fill=1)
                d.text(x + 4, d.y - 70, f"Photo {j + 1} - IMG_{rng.randint(1000, 9999)}.jpg", "DV", 6.5, HexColor("#777777"))
            d.y -= 84
    d.need(70)
    d.text(36, d.y, "Signature", "DV", 7, HexColor("#777777"))
    d.c.setStrokeColor(black)
    p = d.c.beginPath()
    p.moveTo(40, d.y - 30)
    for k in range(12):
        p.curveTo(45 + k * 9, d.y - 12 - (k % 3) * 6, 50 + k * 9, d.y - 40 + (k % 2) * 8, 54 + k * 9, d.y - 28)
    d.c.drawPath(p, stroke=1, fill=0)
    d.y -= 50
    d.save()
    notes.update({"submission_id": sub_id, "meta": dict(meta)})
    return notes, d.boxes


# ----------------------------------------------------------------- P-PACK

def p_pack(path, s, case, secs, rng):
    """A referral pack: covering memo, the form (answers in boxes whose label sits in the top border), then a
    chronology, a body map and a consent page (none of the extra pages is part of the record)."""
    marking, _, _, guidance, review = furniture(s, case, rng)
    d = Doc(path, title=f"Referral pack {s['form_ref']}", author=case["ref"]["name"],
            producer="Adobe PDF Library 23.1.175")
    lblue = HexColor(rng.choice(["#1D3557", "#264653", "#3D405B"]))
    ans_font = rng.choice(["DV", "DVS", "DVM"])

    def on_page(doc):
        doc.text(40, doc.H - 28, marking, "DVB", 7.5, HexColor("#9B2226"))
        doc.text(doc.W - 40 - pdfmetrics.stringWidth(s["partnership"], "DV", 7), doc.H - 28, s["partnership"], "DV", 7)
        doc.text(40, 24, f"{s['form_ref']} referral pack - page {doc.page}", "DV", 7, HexColor("#666666"))

    d.on_page = on_page
    d.new_page()
    memo_date = case["date_ref"]
    d.text(40, d.y - 10, "MEMO", "DVB", 22, lblue)
    d.y -= 40
    for k, v in [("To", f"{s['p_short']} Business Unit, {s['partnership']}"),
                 ("From", f"{case['lead']['name']}, {s['org']}"),
                 ("Date", fmt_date(memo_date + dt.timedelta(days=1), "long")),
                 ("Re", f"Request for a Rapid Review - referral pack ({rng.randint(4, 7)} pages)")]:
        d.text(40, d.y, k + ":", "DVB", 10)
        d.text(100, d.y, v, "DV", 10)
        d.y -= 16
    d.y -= 10
    memo = (f"Please find enclosed our completed referral form, a chronology of our involvement, a body map "
            f"completed by our staff and the consent record. {guidance}")
    for ln in wrap(memo, "DV", 9.5, d.W - 80):
        d.text(40, d.y, ln, "DV", 9.5)
        d.y -= 13
    d.new_page()
    d.text(40, d.y - 6, s["title"], "DVB", 13, lblue)
    d.y -= 30

    def fieldset(x, w, label, vals):
        vl = []
        for v in vals:
            vl += wrap(v, ans_font, 9, w - 12) if v else [""]
        h = 12 + 12 * max(1, len(vl)) + 4
        return vl, h

    def draw(x, w, label, vals, top):
        vl, h = fieldset(x, w, label, vals)
        c = d.c
        c.setStrokeColor(HexColor("#8D99AE"))
        lw_ = pdfmetrics.stringWidth(label, "DV", 7) + 6
        c.line(x, top, x + 6, top)
        c.line(x + 6 + lw_, top, x + w, top)
        c.line(x, top, x, top - h)
        c.line(x + w, top, x + w, top - h)
        c.line(x, top - h, x + w, top - h)
        d.text(x + 9, top - 2.5, label, "DV", 7, lblue)
        for j, ln in enumerate(vl):
            d.text(x + 6, top - 14 - 12 * j, ln, ans_font, 9)
        if any(vl):
            d.box(x + 1, top - 4, x + w - 1, top - h + 1)
        return h + 8

    full = d.W - 80
    half = (full - 10) / 2
    for sk, title, its in secs:
        d.need(40)
        d.text(40, d.y, title, "DVB", 10, lblue)
        d.c.setStrokeColor(lblue)
        d.c.line(40, d.y - 4, d.W - 40, d.y - 4)
        d.y -= 20
        if sk == "ag":
            rows = agencies_rows(case)
            cols = [("Name", 150), ("Agency", 200), ("Contact", full - 350)]
            d.need(30)
            x = 40
            for h, w in cols:
                d.c.setFillColor(HexColor("#EDF2F4"))
                d.c.rect(x, d.y - 4, w, 14, stroke=1, fill=1)
                d.text(x + 3, d.y, h, "DVB", 8)
                x += w
            d.y -= 18
            for r in rows + [("", "", "")]:
                cl = [wrap(v, ans_font, 8, w - 6) if v else [""] for v, (h, w) in zip(r, cols)]
                rh = 4 + 10 * max(len(x) for x in cl)
                d.need(rh + 4)
                x = 40
                for v, lines, (h, w) in zip(r, cl, cols):
                    d.c.rect(x, d.y + 10 - rh, w, rh, stroke=1, fill=0)
                    for j, ln in enumerate(lines):
                        d.text(x + 3, d.y - 10 * j, ln, ans_font, 8)
                    if v:
                        d.box(x, d.y + 10, x + w, d.y + 10 - rh)
                    x += w
                d.y -= rh
            d.y -= 12
            continue
        pend = None
        for it in its:
            vals = lines_of(it)
            if it["kind"] in ("tri", "gender", "itype"):
                opts = "   ".join(("[X] " if it["chosen"] == j else "[  ] ") + o for j, o in enumerate(it["options"]))
                vals = wrap(opts, ans_font, 9, full - 12)
                if it["kind"] == "itype" and it.get("spec"):
                    vals.append(f"If other, please specify: {it['spec']}")
            wide = it["kind"] in ("long", "addr", "tri", "gender", "itype") or sum(len(v) for v in vals) > 34 \
                or len(it["label"]) > 40
            if wide:
                if pend:
                    _, h = fieldset(40, half, *pend)
                    d.need(h + 8)
                    d.y -= draw(40, half, pend[0], pend[1], d.y)
                    pend = None
                vl, h = fieldset(40, full, it["label"], vals)
                if h < 500:
                    d.need(h + 8)
                d.y -= draw(40, full, it["label"], vals, d.y)
            elif pend is None:
                pend = (it["label"], vals)
            else:
                h = max(fieldset(40, half, *pend)[1], fieldset(40, half, it["label"], vals)[1])
                d.need(h + 8)
                top = d.y
                draw(40, half, pend[0], pend[1], top)
                draw(50 + half, half, it["label"], vals, top)
                d.y = top - h - 8
                pend = None
        if pend:
            _, h = fieldset(40, half, *pend)
            d.need(h + 8)
            d.y -= draw(40, half, pend[0], pend[1], d.y)
    # chronology
    d.new_page()
    d.text(40, d.y - 6, "Chronology of involvement", "DVB", 13, lblue)
    d.y -= 30
    events = []
    for k in range(rng.randint(5, 8)):
        day = case["inc_date"] - dt.timedelta(days=rng.randint(2, 300))
        events.append((day, rng.choice([
            "Family first seen by our service", "Missed appointment - no contact from family",
            f"Concern logged by {rng.choice(['reception', 'a colleague', 'the duty manager'])}",
            "Telephone call from parent to cancel", "Referral to Early Help discussed with parent",
            f"Email from {rng.choice(['school', 'health visitor', 'housing officer'])} sharing information"])))
    events.sort()
    events.append((case["inc_date"], "Incident (see referral form)"))
    cols = [("Date", 90), ("Event", 300), ("Recorded by", full - 390)]
    x = 40
    for h, w in cols:
        d.c.setFillColor(HexColor("#EDF2F4"))
        d.c.rect(x, d.y - 4, w, 14, stroke=1, fill=1)
        d.text(x + 3, d.y, h, "DVB", 8)
        x += w
    d.y -= 18
    for day, ev in events:
        x = 40
        for v, (h, w) in zip([fmt_date(day, s["date_main"]), ev, rng.choice(["JH", "KM", "Duty", "Reception"])], cols):
            d.c.rect(x, d.y - 4, w, 14, stroke=1, fill=0)
            d.text(x + 3, d.y, v, "DV", 8)
            x += w
        d.y -= 14
    # body map
    d.new_page()
    d.text(40, d.y - 6, "Body map", "DVB", 13, lblue)
    d.y -= 24
    cx = d.W / 2 - 80
    c = d.c
    c.setStrokeColor(HexColor("#555555"))
    for off in (0, 200):
        x0 = cx + off
        c.circle(x0, d.y - 40, 22)
        c.rect(x0 - 30, d.y - 190, 60, 128)
        c.line(x0 - 30, d.y - 70, x0 - 60, d.y - 170)
        c.line(x0 + 30, d.y - 70, x0 + 60, d.y - 170)
        c.line(x0 - 15, d.y - 190, x0 - 20, d.y - 330)
        c.line(x0 + 15, d.y - 190, x0 + 20, d.y - 330)
    d.text(cx - 20, d.y - 345, "Front", "DV", 8)
    d.text(cx + 185, d.y - 345, "Back", "DV", 8)
    d.y -= 370
    for k in range(rng.randint(1, 3)):
        d.text(40, d.y, f"{k + 1}. {rng.choice(['Bruise approx. 2 cm', 'Red mark', 'Scratch', 'Swelling'])}, "
                        f"{rng.choice(['left forearm', 'right cheek', 'upper back', 'left thigh'])} - seen "
                        f"{fmt_date(case['inc_date'] + dt.timedelta(days=rng.choice([0, 1])), s['date_main'])} by "
                        f"{rng.choice(['K. Marsh', 'J. Holt', 'P. Byrne'])}", "DV", 9)
        d.y -= 14
    # consent
    d.new_page()
    d.text(40, d.y - 6, "Consent to share information", "DVB", 13, lblue)
    d.y -= 30
    parent = f"{rng.choice(['Michelle', 'Dean', 'Sabrina', 'Lee', 'Agnieszka'])} {rng.choice(['Rowe', 'Hale', 'Birch', 'Nowak'])}"
    cons = rng.choice(["Consent given verbally", "Consent not sought - would place the child at risk", "Consent refused"])
    for k, v in [("Parent / carer", parent), ("Consent", cons),
                 ("Date", fmt_date(case["inc_date"] + dt.timedelta(days=1), s["date_main"])),
                 ("Witnessed by", case["ref"]["name"])]:
        d.text(40, d.y, k, "DVB", 9)
        d.text(160, d.y, v, "DV", 9)
        d.y -= 16
    d.save()
    return {"answer_font": ans_font, "extra_pages": ["memo", "chronology", "body map", "consent"],
            "memo_date": fmt_date(memo_date + dt.timedelta(days=1), "long"), "consent_parent": parent}, d.boxes


# ----------------------------------------------------------------- P-CRMPRINT

def p_crmprint(path, s, case, secs, rng):
    """A CRM case record's printable view: header strip, sections of two-column label | value pairs, '---' for empty
    fields, sub-grids for the agencies."""
    marking, _, _, guidance, _ = furniture(s, case, rng)
    d = Doc(path, title=f"Case record", author="", producer="Microsoft Edge")
    case_no = f"CAS-{rng.randint(10000, 99999)}-{''.join(rng.sample('ABCDEFGHJKLMNPQRSTVWXYZ23456789', 6))}"
    owner = f"{rng.choice(['Imogen', 'Ravi', 'Shona', 'Dominic'])} {rng.choice(['Leach', 'Varma', 'Kerr', 'Fox'])}"
    created = case["date_ref"] - dt.timedelta(days=rng.randint(0, 1))
    empty = "---"
    printed = case["date_ref"] + dt.timedelta(days=rng.randint(1, 3))

    def on_page(doc):
        doc.text(30, doc.H - 18, f"{fmt_date(printed, 'dmy_slash')}, {rng.randint(9, 17):02d}:{rng.randint(10, 59)}",
                 "DV", 6.5, HexColor("#444444"))
        doc.text(doc.W / 2 - 40, doc.H - 18, f"Case: {case_no}", "DV", 6.5, HexColor("#444444"))
        doc.text(30, 14, f"https://{s['domain'].split('.')[0]}.crm11.dynamics.com/main.aspx?pagetype=entityrecord"
                         f"&etn=incident&id={rng.randrange(16 ** 8):08x}", "DV", 6, HexColor("#444444"))
        doc.text(doc.W - 50, 14, f"{doc.page}/?", "DV", 6, HexColor("#444444"))

    d.on_page = on_page
    d.top = 40
    d.new_page()
    c = d.c
    c.setFillColor(HexColor("#F3F2F1"))
    c.rect(30, d.y - 56, d.W - 60, 62, stroke=0, fill=1)
    d.text(40, d.y - 14, f"{s['title']}", "DVB", 12)
    d.text(40, d.y - 28, f"Case \u00b7 Safeguarding referral", "DV", 8, HexColor("#605E5C"))
    hx = 40
    for k, v in [("Case Number", case_no), ("Owner", owner), ("Created On", f"{fmt_date(created, 'dmy_slash')} "
                                                                               f"{rng.randint(8, 17):02d}:{rng.randint(10, 59)}"),
                 ("Status Reason", "In Progress")]:
        d.text(hx, d.y - 42, k, "DV", 6.5, HexColor("#605E5C"))
        d.text(hx, d.y - 52, v, "DVB", 7.5)
        hx += 130
    d.y -= 76
    for ln in wrap(guidance, "DV", 7, d.W - 80):
        d.text(40, d.y, ln, "DV", 7, HexColor("#605E5C"))
        d.y -= 9
    d.y -= 6
    colw = (d.W - 60 - 20) / 2
    lw = 95

    def pair(x, label, vals, top):
        lab = wrap(label, "DV", 7.2, lw - 6)
        vl = []
        for v in vals:
            vl += wrap(v, "DV", 8, colw - lw - 8) if v else [""]
        empty_ = not any(vl)
        for j, ln in enumerate(lab):
            d.text(x, top - 9 * j, ln, "DV", 7.2, HexColor("#605E5C"))
        if empty_:
            d.text(x + lw, top, empty, "DV", 8, HexColor("#605E5C"))
        else:
            for j, ln in enumerate(vl):
                d.text(x + lw, top - 10 * j, ln, "DV", 8)
            d.box(x + lw - 1, top + 8, x + colw, top - 10 * (len(vl) - 1) - 3)
        return max(9 * len(lab), 10 * max(1, len(vl))) + 7

    def val(it):
        if it["kind"] == "itype" and it.get("spec"):
            return [s["itype"]["other"], it["spec"]]
        v = lines_of(it)
        return v

    for sk, title, its in secs:
        d.need(50)
        d.text(34, d.y, title.upper(), "DVB", 8.5, HexColor("#323130"))
        c.setStrokeColor(HexColor("#EDEBE9"))
        c.line(30, d.y - 5, d.W - 30, d.y - 5)
        d.y -= 18
        if sk == "ag":
            rows = agencies_rows(case)
            d.text(34, d.y, "Connections (other agencies)", "DVB", 7.5)
            d.text(d.W - 130, d.y, f"1 - {len(rows)} of {len(rows)}" if rows else "0 - 0 of 0", "DV", 7, HexColor("#605E5C"))
            d.y -= 14
            cols = [("Full Name", 150), ("Account", 200), ("Business Phone / Email", d.W - 60 - 350)]
            x = 30
            for h, w in cols:
                d.text(x + 4, d.y, h, "DVB", 7.2, HexColor("#605E5C"))
                x += w
            d.y -= 4
            c.line(30, d.y, d.W - 30, d.y)
            d.y -= 11
            if not rows:
                d.text(34, d.y, "No data available.", "DV", 8, HexColor("#605E5C"))
                d.y -= 14
            for r in rows:
                cl = [wrap(v, "DV", 8, w - 8) if v else [empty] for v, (h, w) in zip(r, cols)]
                rh = 3 + 10 * max(len(x) for x in cl)
                d.need(rh + 2)
                x = 30
                for v, lines, (h, w) in zip(r, cl, cols):
                    for j, ln in enumerate(lines):
                        d.text(x + 4, d.y - 10 * j, ln, "DV", 8, black if v else HexColor("#605E5C"))
                    if v:
                        d.box(x + 3, d.y + 9, x + w, d.y + 9 - rh)
                    x += w
                d.y -= rh
            d.y -= 10
            continue
        pend = []
        for it in its:
            vs = val(it)
            wide = it["kind"] in ("long",) or len(" ".join(vs)) > 60
            if wide:
                if pend:
                    d.need(30)
                    d.y -= pair(30, pend[0][0], pend[0][1], d.y)
                    pend = []
                lab = wrap(it["label"], "DV", 7.2, lw - 6)
                d.need(24)
                for j, ln in enumerate(lab):
                    d.text(30, d.y - 9 * j, ln, "DV", 7.2, HexColor("#605E5C"))
                if not vs:
                    d.text(30 + lw, d.y, empty, "DV", 8, HexColor("#605E5C"))
                    d.y -= max(9 * len(lab), 10) + 7
                    continue
                y0 = d.y
                for v in vs:
                    for ln in (wrap(v, "DV", 8, d.W - 60 - lw) if v else [""]):
                        if d.y - 10 < d.bottom:
                            d.new_page()
                        top = d.y + 8
                        if ln:
                            d.text(30 + lw, d.y, ln, "DV", 8)
                            d.box(30 + lw - 1, top, d.W - 30, d.y - 3)
                        d.y -= 10
                d.y = min(d.y, y0 - 9 * len(lab)) - 7
            else:
                pend.append((it["label"], vs))
                if len(pend) == 2:
                    h = 0
                    d.need(40)
                    top = d.y
                    h = max(pair(30, pend[0][0], pend[0][1], top), pair(30 + colw + 20, pend[1][0], pend[1][1], top))
                    d.y = top - h
                    pend = []
        if pend:
            d.need(30)
            d.y -= pair(30, pend[0][0], pend[0][1], d.y)
        d.y -= 6
    d.save()
    return {"case_number": case_no, "owner": owner, "empty_marker": empty,
            "created": fmt_date(created, "dmy_slash")}, d.boxes


PDF_LAYOUTS = {"P-BALLOONS": p_balloons, "P-SURVEYRESP": p_surveyresp, "P-FIELDAPP": p_fieldapp, "P-PACK": p_pack,
               "P-CRMPRINT": p_crmprint}
