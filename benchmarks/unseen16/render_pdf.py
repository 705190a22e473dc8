"""The five PDF layouts of unseen16 (reportlab canvas, invariant mode)."""
import datetime as dt
import io

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from model import fmt_date
from render_docx import chosen_word, guidance_text

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
_REG = False


def fonts():
    global _REG
    if _REG:
        return
    for name, f in (("Sans", "DejaVuSans.ttf"), ("Sans-B", "DejaVuSans-Bold.ttf"), ("Sans-I", "DejaVuSans-Oblique.ttf"),
                    ("Serif", "DejaVuSerif.ttf"), ("Serif-B", "DejaVuSerif-Bold.ttf"), ("Cond", "DejaVuSansCondensed.ttf"),
                    ("Cond-B", "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, FONT_DIR + f))
    _REG = True


def _split_long(w, font, size, width):
    """A word wider than the column is broken by characters, as spreadsheet cells do."""
    parts, cur = [], ""
    for ch in w:
        if cur and pdfmetrics.stringWidth(cur + ch, font, size) > width:
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    return parts + [cur]


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = []
        for w in para.split(" "):
            words += _split_long(w, font, size, width) if pdfmetrics.stringWidth(w, font, size) > width else [w]
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


def item_text(it):
    """The answer as text (None when empty) for layouts that print the chosen word."""
    if it["kind"] == "text":
        return it["disp"]
    if it["kind"] == "multi":
        if not it["lines"]:
            return None
        return ("\n\n" if it.get("paras") else "\n").join(it["lines"])
    if it["kind"] in ("yn", "choice"):
        return chosen_word(it)
    return None


class Pdf:
    def __init__(self, ctx, pagesize=A4, title="", author="", producer=None):
        fonts()
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        if producer:
            self.c.setProducer(producer)
        self.W, self.H = pagesize
        self.page = 0
        self.ctx = ctx
        self.boxes = ctx.setdefault("boxes", [])
        self.furniture = None

    def text(self, x, y, s, font="Sans", size=10, color="#000000", register=False):
        self.c.setFont(font, size)
        self.c.setFillColor(HexColor(color))
        self.c.drawString(x, y, s)
        if register:
            self.boxes.append((self.page, x - 1, self.H - y - size, x + pdfmetrics.stringWidth(s, font, size) + 1, self.H - y + size * 0.35))

    def block(self, x, ytop, lines, font="Sans", size=10, leading=None, color="#000000", register=True):
        """Draw lines with their first baseline just under ytop; returns the y under the block."""
        leading = leading or size * 1.25
        y = ytop - size
        self.c.setFont(font, size)
        self.c.setFillColor(HexColor(color))
        mw = 0
        for ln in lines:
            self.c.drawString(x, y, ln)
            mw = max(mw, pdfmetrics.stringWidth(ln, font, size))
            y -= leading
        if register and lines:
            self.boxes.append((self.page, x - 1, self.H - ytop - 1, x + mw + 1, self.H - (y + leading) + size * 0.4))
        return ytop - leading * len(lines)

    def new_page(self):
        if self.page:
            self.c.showPage()
        self.page += 1
        if self.furniture:
            self.furniture(self)

    def done(self):
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def std_furniture(p, accent="#444444"):
    s = p.ctx["sender"]
    p.text(36, p.H - 24, f"OFFICIAL-SENSITIVE", "Sans-B", 7.5, accent)
    p.text(p.W - 36 - pdfmetrics.stringWidth(f"{s['partnership']} | {s['ref']}", "Sans", 7.5), p.H - 24, f"{s['partnership']} | {s['ref']}", "Sans", 7.5, "#666666")
    foot = f"{s['ref']} - version {p.ctx['version']} - reviewed {p.ctx['review']}"
    p.text(36, 22, foot, "Sans", 7, "#666666")
    p.text(p.W - 70, 22, f"Page {p.page}", "Sans", 7, "#666666")


# ---------------------------------------------------------------- P-CHIPS

def p_chips(case, ctx, rng):
    s = ctx["sender"]
    accent = rng.choice(["#E4572E", "#17BEBB", "#7B2CBF", "#2A9D8F", "#F4A259"])
    dark = "#2B2D42"
    p = Pdf(ctx, title=s["title"], author=s["org"], producer=rng.choice(["Canva", "Adobe Express"]))
    p.furniture = lambda q: std_furniture(q, accent)
    details = {"accent": accent, "producer": p.c._doc.info.producer}
    p.new_page()
    c = p.c
    c.setFillColor(HexColor(accent))
    c.roundRect(36, p.H - 120, p.W - 72, 84, 14, stroke=0, fill=1)
    p.text(54, p.H - 66, s["org"], "Sans-B", 10, "#FFFFFF")
    y = p.block(54, p.H - 72, wrap(s["title"], "Sans-B", 17, p.W - 110), "Sans-B", 17, color="#FFFFFF", register=False)
    y = p.H - 132
    g = wrap(guidance_text(ctx), "Sans", 8.5, p.W - 100)
    c.setFillColor(HexColor("#F3F0EA"))
    c.roundRect(36, y - len(g) * 11 - 12, p.W - 72, len(g) * 11 + 12, 8, stroke=0, fill=1)
    y = p.block(50, y - 6, g, "Sans", 8.5, 11, "#444444", register=False) - 16
    colw = (p.W - 72 - 14) / 2

    def need(h):
        nonlocal y
        if y - h < 48:
            p.new_page()
            y = p.H - 48

    def chips(x, ytop, it, width):
        cx, cy = x, ytop
        for k, o in enumerate(it["opts"]):
            on = it["sel"] == k
            label = ("✓ " + o) if on else o
            w = pdfmetrics.stringWidth(label, "Sans-B" if on else "Sans", 9) + 22
            if cx + w > x + width:
                cx, cy = x, cy - 24
            if on:
                c.setFillColor(HexColor(accent))
                c.roundRect(cx, cy - 18, w, 18, 9, stroke=0, fill=1)
                p.text(cx + 11, cy - 12.5, label, "Sans-B", 9, "#FFFFFF", register=True)
            else:
                c.setStrokeColor(HexColor("#B8B8B8"))
                c.setLineWidth(0.8)
                c.roundRect(cx, cy - 18, w, 18, 9, stroke=1, fill=0)
                p.text(cx + 11, cy - 12.5, label, "Sans", 9, "#8A8A8A")
            cx += w + 6
        return cy - 24

    def field_h(it, width):
        if it["kind"] in ("yn", "choice"):
            n, cx = 1, 0
            for k, o in enumerate(it["opts"]):
                w = pdfmetrics.stringWidth(("✓ " + o) if it["sel"] == k else o, "Sans-B", 9) + 28
                if cx + w > width:
                    n, cx = n + 1, 0
                cx += w
            return 14 + n * 24 + 4
        t = item_text(it) or ""
        return 14 + max(22, len(wrap(t, "Sans", 9.5, width - 16)) * 12 + 10) + 8

    def draw_field(x, ytop, it, width):
        p.text(x + 2, ytop - 9, it["label"], "Sans-B", 8, dark)
        if it["kind"] in ("yn", "choice"):
            return chips(x, ytop - 14, it, width)
        t = item_text(it) or ""
        lines = wrap(t, "Sans", 9.5, width - 16) if t else []
        h = max(22, len(lines) * 12 + 10)
        c.setFillColor(HexColor("#FAFAFA"))
        c.setStrokeColor(HexColor("#D0D0D0"))
        c.setLineWidth(0.8)
        c.roundRect(x, ytop - 14 - h, width, h, 7, stroke=1, fill=1)
        if lines:
            p.block(x + 8, ytop - 19, lines, "Sans", 9.5, 12, "#111111")
        return ytop - 14 - h - 8

    for si, sec in enumerate(case.sections):
        need(60)
        c.setFillColor(HexColor(accent))
        c.circle(50, y - 8, 11, stroke=0, fill=1)
        num = str(si + 1)
        p.text(50 - pdfmetrics.stringWidth(num, "Sans-B", 10) / 2, y - 11.5, num, "Sans-B", 10, "#FFFFFF")
        p.text(68, y - 13, sec["title"], "Sans-B", 13, dark)
        y -= 30
        pending = []
        items = list(sec["items"])
        if any(i["key"] == "i_type" for i in items):
            k = [i["key"] for i in items].index("i_type")
            it = items[k]
            if it["sel"] == 4 and it.get("spec"):
                items.insert(k + 1, {"key": "i_other", "label": "If other, please say what", "kind": "text", "disp": it["spec"]})
            else:
                items.insert(k + 1, {"key": "i_other", "label": "If other, please say what", "kind": "text", "disp": None})
            it = dict(it, spec=None)
            items[k] = it
        for it in items:
            if it["kind"] == "agencies":
                need(40)
                p.text(38, y - 9, it["label"], "Sans-B", 8, dark)
                y -= 16
                if not it["rows"]:
                    y = draw_field(36, y + 14, {"label": "", "kind": "text", "disp": "None"}, p.W - 72)
                for k, r in enumerate(it["rows"]):
                    need(64)
                    c.setStrokeColor(HexColor(accent))
                    c.setLineWidth(1)
                    c.roundRect(36, y - 54, p.W - 72, 54, 10, stroke=1, fill=0)
                    p.text(48, y - 14, f"Agency {k + 1}", "Sans-B", 8, accent)
                    for j, (lab, v) in enumerate((("Organisation", r["agency"]), ("Person", r["name"] or "—"), ("Contact", r["contact"]))):
                        xx = 48 + j * (p.W - 96) / 3
                        p.text(xx, y - 28, lab, "Sans", 7, "#777777")
                        ls = wrap(v, "Sans", 9, (p.W - 110) / 3)
                        p.block(xx, y - 32, ls[:2], "Sans", 9, 10.5)
                    y -= 62
                continue
            full = it["kind"] == "multi" or it.get("long") or it["kind"] == "choice" and len(it["opts"]) > 3 or len(item_text(it) or "") > 38 or len(it["label"]) > 48
            if full:
                if pending:
                    hh = max(field_h(pending[0], colw), 0)
                    need(hh)
                    y = draw_field(36, y, pending[0], colw)
                    pending = []
                need(field_h(it, p.W - 72))
                y = draw_field(36, y, it, p.W - 72)
            else:
                pending.append(it)
                if len(pending) == 2:
                    hh = max(field_h(pending[0], colw), field_h(pending[1], colw))
                    need(hh)
                    y1 = draw_field(36, y, pending[0], colw)
                    y2 = draw_field(36 + colw + 14, y, pending[1], colw)
                    y = min(y1, y2)
                    pending = []
        if pending:
            need(field_h(pending[0], colw))
            y = draw_field(36, y, pending[0], colw)
        y -= 8
    ctx["details"] = details
    return p.done()


# ---------------------------------------------------------------- P-GMAILTHREAD

def gmail_dt(d, h, m):
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday()]
    mo = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1]
    hh = h % 12 or 12
    return f"{wd}, {mo} {d.day}, {d.year} at {hh}:{m:02d} {'AM' if h < 12 else 'PM'}"


def p_gmailthread(case, ctx, rng):
    s = ctx["sender"]
    subj = rng.choice(["Referral for Rapid Review consideration", "Rapid Review referral - as discussed", "RE: referral form", "Safeguarding referral (form details below)"])
    p = Pdf(ctx, title=f"Gmail - {subj}", author="", producer="Skia/PDF m124")
    h1, m1 = rng.randrange(9, 17), rng.randrange(0, 60)
    printed = case.ref_date + dt.timedelta(days=rng.randrange(1, 3))
    details = {"subject": subj, "sent": gmail_dt(case.ref_date, h1, m1), "printed": printed.strftime("%d/%m/%Y") + f", {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"}
    thread = f"thread-f:{rng.randrange(10**17, 10**18)}"
    owner = s["p_email"]
    p.furniture = lambda q: (q.text(30, q.H - 20, details["printed"], "Sans", 7.5, "#222222"),
                             q.text(q.W / 2 - pdfmetrics.stringWidth(f"Gmail - {subj}", "Sans", 7.5) / 2, q.H - 20, f"Gmail - {subj}", "Sans", 7.5, "#222222"),
                             q.text(30, 16, f"https://mail.google.com/mail/u/0/?ik=3f9c2a71ab&view=pt&search=all&permthid={thread}", "Sans", 6.5, "#222222"),
                             q.text(q.W - 50, 16, f"{q.page}", "Sans", 7, "#222222"))
    p.new_page()
    y = p.H - 46
    p.text(40, y - 14, "Gmail", "Sans-B", 16, "#5F6368")
    acc = f"{s['partnership']} <{owner}>"
    p.text(p.W - 40 - pdfmetrics.stringWidth(acc, "Sans", 8.5), y - 12, acc, "Sans", 8.5, "#222222")
    y -= 26
    p.c.setStrokeColor(HexColor("#999999"))
    p.c.line(40, y, p.W - 40, y)
    y -= 22
    p.text(40, y, subj, "Sans-B", 13)
    y -= 14
    p.text(40, y, "2 messages", "Sans", 8, "#222222")
    y -= 8
    p.c.line(40, y, p.W - 40, y)
    y -= 18
    W = p.W - 80

    def need(h):
        nonlocal y
        if y - h < 40:
            p.new_page()
            y = p.H - 44

    def line(t, font="Sans", size=9.5, indent=0, color="#222222"):
        nonlocal y
        ls = wrap(t, font, size, W - indent)
        need(len(ls) * 12.5)
        y = p.block(40 + indent, y, ls, font, size, 12.5, color)

    ref_name = case.referrer_name
    p.text(40, y, ref_name, "Sans-B", 9.5)
    p.text(40 + pdfmetrics.stringWidth(ref_name + " ", "Sans-B", 9.5), y, f"<{case.referrer_email}>", "Sans", 9.5, "#555555")
    p.text(p.W - 40 - pdfmetrics.stringWidth(details["sent"], "Sans", 8.5), y, details["sent"], "Sans", 8.5, "#222222")
    y -= 13
    p.text(40, y, f"To: {owner}", "Sans", 8.5, "#555555")
    y -= 22
    line("Hello,")
    y -= 6
    line(rng.choice(["Please see below a referral for the partnership to consider for a Rapid Review. I could not open the form on my work laptop so I have typed the questions and my answers into this email.",
                     "As discussed on the phone, here are the details for the referral. I have copied the questions from your form and answered them below.",
                     "Sending this by email because the online form would not submit. The answers to each question on the form are below."]))
    y -= 8
    sep = rng.choice([": ", " - "])
    for sec in case.sections:
        if sec.get("decoy"):
            line(f"For your records ({sec['title'].lower()}):", "Sans-B")
        else:
            line(sec["title"].upper(), "Sans-B")
        for it in sec["items"]:
            lab = it["label"]
            if it["kind"] == "agencies":
                line(lab + ":" if sep == ": " else lab + " -")
                if not it["rows"]:
                    line("None that I know of", indent=14)
                for r in it["rows"]:
                    t = f"• {r['agency']}" + (f", {r['name']}" if r["name"] else "") + f", {r['contact']}"
                    line(t, indent=14)
                continue
            v = item_text(it)
            if it["kind"] == "multi" and v:
                line(lab + (sep.rstrip() if not lab.endswith("?") else ""))
                for k, pp in enumerate(it["lines"]):
                    line(pp, indent=14)
                    if it.get("paras") and k < len(it["lines"]) - 1:
                        y -= 6
                continue
            j = " " if lab.endswith(("?", ")")) and sep == ": " else sep
            line(lab + j + (v or ""))
        y -= 8
    line("Many thanks,")
    line(ref_name)
    sig_role = case.record["referrer"]["role"]
    line(f"{sig_role} | {s['org']}" if sig_role else s["org"], color="#555555")
    line(rng.choice(["This email and any attachments are confidential and intended solely for the addressee. If you have received it in error please tell the sender and delete it.",
                     "CONFIDENTIALITY: the information in this message may be legally privileged. If you are not the intended recipient do not read, copy or forward it."]), size=7.5, color="#777777")
    y -= 10
    need(60)
    p.c.setStrokeColor(HexColor("#BBBBBB"))
    p.c.line(40, y, p.W - 40, y)
    y -= 16
    reply = gmail_dt(case.ref_date + dt.timedelta(days=1), rng.randrange(8, 12), rng.randrange(0, 60))
    details["reply"] = reply
    p.text(40, y, s["partnership"], "Sans-B", 9.5)
    p.text(p.W - 40 - pdfmetrics.stringWidth(reply, "Sans", 8.5), y, reply, "Sans", 8.5, "#222222")
    y -= 13
    p.text(40, y, f"To: {case.referrer_email}", "Sans", 8.5, "#555555")
    y -= 20
    line(rng.choice(["Thank you - received. The partnership will decide within five working days whether a Rapid Review is needed.",
                     "Many thanks for this. We have logged it and will be in touch about the Rapid Review decision."]))
    line("[Quoted text hidden]", size=8, color="#777777")
    ctx["details"] = details
    return p.done()


# ---------------------------------------------------------------- P-LARGEPRINT

def p_largeprint(case, ctx, rng):
    s = ctx["sender"]
    p = Pdf(ctx, title=s["title"] + " (large print)", author=s["org"], producer="Microsoft: Print To PDF")
    size = rng.choice([16, 18])
    details = {"size": size}

    def furn(q):
        q.text(40, q.H - 28, f"{s['title']} - large print", "Sans", 10, "#333333")
        q.text(40, 24, f"{s['ref']} - version {ctx['version']} - reviewed {ctx['review']}     Page {q.page}", "Sans", 10, "#333333")

    p.furniture = furn
    p.new_page()
    y = p.H - 60
    W = p.W - 80

    def need(h):
        nonlocal y
        if y - h < 50:
            p.new_page()
            y = p.H - 56

    y = p.block(40, y, wrap(s["title"], "Sans-B", size + 8, W), "Sans-B", size + 8, (size + 8) * 1.25, register=False) - 6
    y = p.block(40, y, wrap(s["org"], "Sans", size, W), "Sans", size, size * 1.3, register=False) - 10
    g = wrap(guidance_text(ctx), "Sans", size - 2, W)
    need(len(g) * (size + 2))
    y = p.block(40, y, g, "Sans", size - 2, (size - 2) * 1.35, "#333333", register=False) - 14
    qn = 0
    for sec in case.sections:
        need(size * 6)
        y = p.block(40, y, wrap(sec["title"], "Sans-B", size + 4, W), "Sans-B", size + 4, (size + 4) * 1.3, register=False) - 8
        for it in sec["items"]:
            qn += 1
            q = wrap(f"{qn}. {it['label']}", "Sans-B", size, W)
            hint = None
            if it["kind"] in ("yn", "choice"):
                hint = wrap("(" + " / ".join(it["opts"]) + ")", "Sans", size - 3, W)
            if it["kind"] == "agencies":
                vals = []
                for k, r in enumerate(it["rows"]):
                    vals.append((f"Agency {k + 1}: {r['agency']}", f"Name: {r['name'] or ''}", f"Contact: {r['contact']}"))
                need(len(q) * size * 1.3 + size * 4)
                y = p.block(40, y, q, "Sans-B", size, size * 1.3, register=False) - 4
                if not vals:
                    vals = [("None",)]
                for v in vals:
                    ls = []
                    for part in v:
                        ls += wrap(part, "Sans", size, W - 20)
                    h = len(ls) * size * 1.3 + 12
                    need(h)
                    p.c.setStrokeColor(HexColor("#000000"))
                    p.c.setLineWidth(1.2)
                    p.c.rect(40, y - h, W, h)
                    p.block(50, y - 6, ls, "Sans", size, size * 1.3)
                    y -= h + 6
                y -= 8
                continue
            t = item_text(it)
            ls = wrap(t, "Sans", size, W - 20) if t else []
            h = max(size * 1.3 * len(ls), size * 1.5) + 12
            tot = len(q) * size * 1.3 + (len(hint) * size if hint else 0) + h + 16
            if h < p.H - 200:
                need(tot)
            y = p.block(40, y, q, "Sans-B", size, size * 1.3, register=False)
            if hint:
                y = p.block(40, y, hint, "Sans", size - 3, (size - 3) * 1.3, "#444444", register=False)
            y -= 4
            # long answers may run over a page: split the box
            while ls:
                room = int((y - 60) // (size * 1.3))
                part, ls = ls[:max(room, 1)], ls[max(room, 1):]
                hh = size * 1.3 * len(part) + 12
                p.c.setStrokeColor(HexColor("#000000"))
                p.c.setLineWidth(1.2)
                p.c.rect(40, y - hh, W, hh)
                p.block(50, y - 6, part, "Sans", size, size * 1.3)
                y -= hh
                if ls:
                    p.new_page()
                    y = p.H - 56
                    y = p.block(40, y, [f"{qn}. (continued)"], "Sans-B", size, size * 1.3, register=False) - 4
            if not t:
                hh = size * 1.5 + 12
                p.c.setStrokeColor(HexColor("#000000"))
                p.c.setLineWidth(1.2)
                p.c.rect(40, y - hh, W, hh)
                y -= hh
            y -= 14
    ctx["details"] = details
    return p.done()


# ---------------------------------------------------------------- P-NUMBERS

def p_numbers(case, ctx, rng):
    s = ctx["sender"]
    p = Pdf(ctx, pagesize=A4, title=f"Referral {case.ref_date.year}", author="", producer="macOS Version 14.4 (Build 23E214) Quartz PDFContext")
    hdr_fill = rng.choice(["#3C8DBC", "#5B9B3A", "#C0504D", "#6D5BA8"])
    details = {"header_fill": hdr_fill, "sheet": rng.choice(["Referral", "Sheet 1", "Form"])}
    p.furniture = None
    p.new_page()
    p.text(36, p.H - 40, details["sheet"], "Sans-B", 9, "#888888")
    y0 = p.block(36, p.H - 50, wrap(s["title"], "Sans-B", 16, p.W - 72), "Sans-B", 16, 19, register=False)
    y0 = p.block(36, y0 - 2, [s["org"], f"OFFICIAL-SENSITIVE - {s['partnership']} - {s['ref']}"], "Sans", 8.5, 11, "#555555", register=False)
    g = wrap(guidance_text(ctx), "Sans", 7.5, p.W - 72)
    y0 = p.block(36, y0 - 4, g, "Sans", 7.5, 9.5, "#555555", register=False) - 12
    colw = (p.W - 72 - 18) / 2
    cols = [y0, y0]
    qw, aw = colw * 0.45, colw * 0.55

    def tbl_rows(sec):
        rows = []
        for it in sec["items"]:
            if it["kind"] == "agencies":
                continue
            rows.append((it["label"], item_text(it) or ""))
        return rows

    def draw_table(x, ytop, title, header, rows, widths):
        p.text(x, ytop - 11, title, "Sans-B", 10.5, "#222222")
        y = ytop - 18
        hh = 15
        p.c.setFillColor(HexColor(hdr_fill))
        p.c.rect(x, y - hh, sum(widths), hh, stroke=0, fill=1)
        xx = x
        for h, w in zip(header, widths):
            p.text(xx + 4, y - 11, h, "Sans-B", 8, "#FFFFFF")
            xx += w
        y -= hh
        for k, row in enumerate(rows):
            wr = [wrap(v, "Sans-B" if j == 0 and len(widths) == 2 else "Sans", 8, w - 8) if v else [] for j, (v, w) in enumerate(zip(row, widths))]
            h = max(1, max(len(w) for w in wr)) * 10 + 6
            if y - h < 40:
                return None
            if k % 2:
                p.c.setFillColor(HexColor("#F2F2F2"))
                p.c.rect(x, y - h, sum(widths), h, stroke=0, fill=1)
            p.c.setStrokeColor(HexColor("#D9D9D9"))
            p.c.setLineWidth(0.5)
            p.c.line(x, y - h, x + sum(widths), y - h)
            xx = x
            for j, (ls, w) in enumerate(zip(wr, widths)):
                p.block(xx + 4, y - 3, ls, "Sans-B" if j == 0 and len(widths) == 2 else "Sans", 8, 10, "#111111")
                xx += w
            y -= h
        return y - 16

    def est(rows, widths):
        h = 33
        for row in rows:
            h += max(1, max(len(wrap(v, "Sans-B" if j == 0 and len(widths) == 2 else "Sans", 8, w - 8)) if v else 0 for j, (v, w) in enumerate(zip(row, widths)))) * 10 + 6
        return h + 16

    tables = []
    for sec in case.sections:
        rows = tbl_rows(sec)
        if rows:
            tables.append((sec["title"], ["Question", "Answer"], rows, [qw, aw]))
        for it in sec["items"]:
            if it["kind"] == "agencies":
                arows = [(r["agency"], r["name"] or "", r["contact"]) for r in it["rows"]] + [("", "", "")]
                tables.append((it["label"], ["Agency", "Name", "Contact"], arows, [colw * 0.38, colw * 0.27, colw * 0.35]))
    for title, header, rows, widths in tables:
        h = est(rows, widths)
        k = 0 if cols[0] >= cols[1] else 1
        if cols[k] - h < 40:
            k = 1 - k
            if cols[k] - h < 40:
                p.new_page()
                cols = [p.H - 40, p.H - 40]
                k = 0
        x = 36 + k * (colw + 18)
        r = draw_table(x, cols[k], title, header, rows, widths)
        if r is None:  # should not happen with the estimate; fall back to a new page
            p.new_page()
            cols = [p.H - 40, p.H - 40]
            r = draw_table(36, cols[0], title, header, rows, widths)
            k = 0
        cols[k] = r
    ctx["details"] = details
    return p.done()


# ---------------------------------------------------------------- P-AUDITGRID

def p_auditgrid(case, ctx, rng):
    s = ctx["sender"]
    system = rng.choice(["CaseFlow Workflow", "Tessera Case Manager", "OpenSteps Forms"])
    p = Pdf(ctx, pagesize=landscape(A4), title=f"{system} - form print", author=system, producer=f"{system} PDF export")
    from model import person
    colleague = " ".join(person(rng))
    printer = " ".join(person(rng))
    printed = case.ref_date + dt.timedelta(days=rng.randrange(1, 4))
    details = {"system": system, "printed_by": printer, "printed": printed.strftime("%d/%m/%Y"), "colleague": colleague}
    widths = [210, 330, 120, 110]
    X0 = 36
    W = sum(widths)

    def furn(q):
        q.text(X0, q.H - 24, f"{system}  |  {s['org']}", "Cond-B", 9, "#1F3A5F")
        t = f"Printed by {printer} on {details['printed']} {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"
        q.text(q.W - 36 - pdfmetrics.stringWidth(t, "Cond", 8), q.H - 24, t, "Cond", 8, "#555555")
        q.text(X0, 20, f"OFFICIAL-SENSITIVE  |  {s['ref']} - version {ctx['version']} - reviewed {ctx['review']}", "Cond", 7.5, "#555555")
        q.text(q.W - 80, 20, f"Page {q.page}", "Cond", 7.5, "#555555")

    p.furniture = furn
    p.new_page()
    y = p.H - 44
    y = p.block(X0, y, [s["title"]], "Cond-B", 14, 17, "#1F3A5F", register=False)
    wf = f"Workflow: Partnership referral   |   Step 3 of 3: Submitted to {s['partnership']}   |   Status: Complete   |   Workflow ID: WF-{rng.randrange(100000, 999999)}"
    y = p.block(X0, y - 2, [wf], "Cond", 8.5, 11, "#333333", register=False)
    y = p.block(X0, y - 2, wrap(guidance_text(ctx), "Cond", 8, W), "Cond", 8, 10, "#555555", register=False) - 8

    def header_row():
        nonlocal y
        p.c.setFillColor(HexColor("#1F3A5F"))
        p.c.rect(X0, y - 15, W, 15, stroke=0, fill=1)
        xx = X0
        for h, w in zip(["Question", "Answer", "Entered by", "Date entered"], widths):
            p.text(xx + 4, y - 11, h, "Cond-B", 8.5, "#FFFFFF")
            xx += w
        y -= 15

    header_row()
    t0 = dt.datetime(case.ref_date.year, case.ref_date.month, case.ref_date.day, rng.randrange(9, 13), rng.randrange(0, 60))
    tick = [t0 - dt.timedelta(days=rng.randrange(0, 2))]
    who_pool = [case.referrer_name, case.referrer_name, case.referrer_name, colleague, "System"]

    def row(cells, fill=None, bold_first=True):
        nonlocal y
        wr = [wrap(v, "Cond-B" if j == 0 and bold_first else "Cond", 8.5, w - 8) if v else [] for j, (v, w) in enumerate(zip(cells, widths))]
        h = max(1, max(len(x) for x in wr)) * 10.5 + 6
        if y - h < 40:
            p.new_page()
            y = p.H - 44
            header_row()
        if fill:
            p.c.setFillColor(HexColor(fill))
            p.c.rect(X0, y - h, W, h, stroke=0, fill=1)
        p.c.setStrokeColor(HexColor("#C8CED6"))
        p.c.setLineWidth(0.5)
        p.c.rect(X0, y - h, W, h, stroke=1, fill=0)
        xx = X0
        for j, (ls, w) in enumerate(zip(wr, widths)):
            p.block(xx + 4, y - 3, ls, "Cond-B" if j == 0 and bold_first else "Cond", 8.5, 10.5, "#111111" if j < 2 else "#555555")
            xx += w
        y -= h

    for sec in case.sections:
        if y - 40 < 40:
            p.new_page()
            y = p.H - 44
            header_row()
        p.c.setFillColor(HexColor("#DCE4EE"))
        p.c.rect(X0, y - 15, W, 15, stroke=0, fill=1)
        p.text(X0 + 4, y - 11, sec["title"], "Cond-B", 9, "#1F3A5F")
        y -= 15
        for it in sec["items"]:
            tick[0] += dt.timedelta(minutes=rng.randrange(0, 4), seconds=rng.randrange(5, 59))
            who = rng.choice(who_pool)
            when = tick[0].strftime("%d/%m/%Y %H:%M")
            if it["kind"] == "agencies":
                row([it["label"], "" if it["rows"] else "None recorded", who, when])
                for k, r in enumerate(it["rows"]):
                    v = f"{r['agency']}\nName: {r['name'] or ''}\nContact: {r['contact']}"
                    row([f"   Agency {k + 1}", v, who, when], bold_first=False)
                continue
            v = item_text(it) or ""
            if it["kind"] == "choice" and it.get("spec") and it["sel"] == 4:
                v = f"{it['opts'][4]}\nDetails: {it['spec']}"
            row([it["label"], v, who if v else "", when if v else ""])
    ctx["details"] = details
    return p.done()


PDF_LAYOUTS = {"P-CHIPS": p_chips, "P-GMAILTHREAD": p_gmailthread, "P-LARGEPRINT": p_largeprint,
               "P-NUMBERS": p_numbers, "P-AUDITGRID": p_auditgrid}
