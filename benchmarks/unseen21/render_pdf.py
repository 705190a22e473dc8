"""The five PDF layouts of unseen21 (reportlab, invariant mode)."""
import datetime as dt
import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from model import fmt_date, person, phone_disp

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DejaVu", FONT_DIR + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_DIR + "DejaVuSans-Bold.ttf"))


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            t = (line + " " + w).strip()
            if pdfmetrics.stringWidth(t, font, size) <= width or not line:
                line = t
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


def hexcol(c, h):
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


class Doc:
    """A reportlab canvas with a cursor, page furniture callback and the answer regions for the self-check."""
    def __init__(self, plan, pagesize=A4, producer="Microsoft: Print To PDF", creator=None, title=""):
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator or producer)
        self.c.setTitle(title)
        self.W, self.H = pagesize
        self.page = 0
        self.regions = []  # (page_index, (x0, top, x1, bottom))
        self.furniture = None
        self.y = 0
        self.bottom = 60

    def region(self, x0, y_top, x1, y_bottom):
        self.regions.append((self.page, (max(0, x0), max(0, self.H - y_top), min(self.W, x1), min(self.H, self.H - y_bottom))))

    def start(self):
        self.furniture(self)

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.furniture(self)

    def need(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    def text(self, x, y, s, font="Helvetica", size=9, color="000000"):
        self.c.setFillColorRGB(*hexcol(self.c, color))
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)

    def finish(self):
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def ans_lines(it):
    if it.kind in ("address", "para"):
        return it.lines or [""]
    return [it.disp]


def is_long(it):
    return it.kind == "para" or it.key in ("criteria.reason", "immediate_concerns") or len(it.label) > 70


def guidance(S):
    ex = fmt_date(dt.date(2015, 1, 1), S["date_style"])
    return (f"Please complete every section you can and email the form to {S['p_email']}. If you are unsure whether a case meets the criteria ring "
            f"{S['p_phone']}. Write dates in full, for example {ex}. If a child is at immediate risk call 999.")


# ---------------------------------------------------------------- a boxed label | answer form used by several layouts
def boxed_form(d, S, sections, x0, width, label_w, ans_font="Helvetica", ans_col="000000", ans_size=9.5, choice_style="words", bar="1F4E79",
               upper=False, label_above=False, lozenge=False):
    c = d.c
    lab_font, lab_size = "Helvetica-Bold", 8.3
    for s in sections:
        d.need(40)
        c.setFillColorRGB(*hexcol(c, bar)); c.rect(x0, d.y - 15, width, 15, stroke=0, fill=1)
        d.text(x0 + 5, d.y - 11, s.title, "Helvetica-Bold", 9.5, "FFFFFF")
        d.y -= 21
        for it in s.items:
            if it.kind == "agencies":
                L = S["labels"]
                cols = [width * 0.3, width * 0.4, width * 0.3]
                d.need(30)
                d.text(x0, d.y - 9, it.label, lab_font, lab_size); d.y -= 14
                hdr = [L["ag_name"], L["ag_agency"], L["ag_contact"]]
                rows = [(r[0] or "", r[1], r[2]) for r in it.rows] + [("", "", "")]
                xx = x0
                c.setFillColorRGB(0.88, 0.88, 0.88); c.rect(x0, d.y - 14, width, 14, stroke=1, fill=1)
                for k, h in enumerate(hdr):
                    d.text(xx + 3, d.y - 10, h, lab_font, lab_size); xx += cols[k]
                d.y -= 14
                for r in rows:
                    wrapped = [wrap(v.upper() if upper else v, ans_font, ans_size, cols[k] - 6) for k, v in enumerate(r)]
                    h = max(len(w) for w in wrapped) * (ans_size + 2) + 6
                    d.need(h)
                    xx = x0
                    c.setStrokeColorRGB(0.4, 0.4, 0.4); c.setFillColorRGB(1, 1, 1)
                    for k, w in enumerate(wrapped):
                        c.rect(xx, d.y - h, cols[k], h, stroke=1, fill=0)
                        for j, ln in enumerate(w):
                            d.text(xx + 3, d.y - 4 - (j + 1) * (ans_size + 1), ln, ans_font, ans_size, ans_col)
                        if r[k]:
                            d.region(xx, d.y, xx + cols[k], d.y - h)
                        xx += cols[k]
                    d.y -= h
                d.y -= 8
                continue
            if it.kind in ("yn", "gender", "itype") and choice_style == "boxes":
                opts = list(it.opts)
                d.need(16 * (len(opts) if it.kind == "itype" else 1) + 14)
                lab_lines = wrap(it.label, lab_font, lab_size, (width if label_above else label_w) - 6)
                top = d.y
                for j, ln in enumerate(lab_lines):
                    d.text(x0, d.y - 9 - j * 10, ln, lab_font, lab_size)
                xx = x0 + (0 if label_above else label_w)
                yy = d.y - 10
                if label_above:
                    d.y -= 10 * len(lab_lines) + 4
                    yy = d.y - 10
                    top = d.y
                for k, o in enumerate(opts):
                    txt = o
                    if k == 4 and it.chosen == 4:
                        txt = "Other (please specify): " + it.disp.split(" - ", 1)[1]
                    if lozenge:
                        c.setStrokeColorRGB(0, 0, 0)
                        c.ellipse(xx, yy - 1, xx + 14, yy + 7, stroke=1, fill=1 if it.chosen == k else 0)
                    else:
                        c.setStrokeColorRGB(0.2, 0.2, 0.2); c.rect(xx, yy - 1, 8, 8, stroke=1, fill=0)
                        if it.chosen == k:
                            d.text(xx + 1.3, yy, "X", "Helvetica-Bold", 8, ans_col)
                    t = txt.upper() if upper and k == 4 else txt
                    d.text(xx + (18 if lozenge else 12), yy, t, "Helvetica", 8.5)
                    wdt = pdfmetrics.stringWidth(t, "Helvetica", 8.5) + 34
                    if it.kind == "itype":
                        if it.chosen == k:
                            d.region(xx, yy + 10, x0 + width, yy - 3)
                        yy -= 13
                    else:
                        xx += wdt
                d.y = min(yy - (0 if it.kind == "itype" else 10), top - 10 * len(lab_lines) - 4) - 4
                continue
            lines = ans_lines(it)
            if upper:
                lines = [l.upper() for l in lines]
            if is_long(it) or label_above:
                lw = width
                lab_lines = wrap(it.label, lab_font, lab_size, width)
                wrapped = []
                for k, l in enumerate(lines):
                    if k and it.kind == "para":
                        wrapped.append("")
                    wrapped += wrap(l, ans_font, ans_size, width - 8)
                h = len(wrapped) * (ans_size + 2.5) + 8
                d.need(len(lab_lines) * 10 + min(h, 200) + 6)
                for j, ln in enumerate(lab_lines):
                    d.text(x0, d.y - 9 - j * 10, ln, lab_font, lab_size)
                d.y -= len(lab_lines) * 10 + 3
                # the box may break over pages
                k = 0
                while k < len(wrapped) or k == 0:
                    avail = int((d.y - d.bottom - 8) // (ans_size + 2.5))
                    chunk = wrapped[k:k + max(avail, 1)] or [""]
                    bh = len(chunk) * (ans_size + 2.5) + 8
                    c.setStrokeColorRGB(0.45, 0.45, 0.45); c.rect(x0, d.y - bh, lw, bh, stroke=1, fill=0)
                    for j, ln in enumerate(chunk):
                        d.text(x0 + 4, d.y - 3 - (j + 1) * (ans_size + 2.5) + 2, ln, ans_font, ans_size, ans_col)
                    if any(chunk):
                        d.region(x0, d.y, x0 + lw, d.y - bh)
                    d.y -= bh
                    k += len(chunk)
                    if k < len(wrapped):
                        d.new_page()
                    else:
                        break
                d.y -= 7
            else:
                lab_lines = wrap(it.label, lab_font, lab_size, label_w - 8)
                wrapped = []
                for l in lines:
                    wrapped += wrap(l, ans_font, ans_size, width - label_w - 8)
                h = max(len(wrapped) * (ans_size + 2.5) + 6, len(lab_lines) * 10 + 4, 16)
                d.need(h + 4)
                for j, ln in enumerate(lab_lines):
                    d.text(x0, d.y - 10 - j * 10, ln, lab_font, lab_size)
                c.setStrokeColorRGB(0.45, 0.45, 0.45); c.rect(x0 + label_w, d.y - h, width - label_w, h, stroke=1, fill=0)
                for j, ln in enumerate(wrapped):
                    d.text(x0 + label_w + 4, d.y - 2 - (j + 1) * (ans_size + 2.5) + 2, ln, ans_font, ans_size, ans_col)
                if any(wrapped):
                    d.region(x0 + label_w, d.y, x0 + width, d.y - h)
                d.y -= h + 4
        d.y -= 6


# ---------------------------------------------------------------- P-APPENDIX
def p_appendix(S, sections, rec, plan, rng):
    start = rng.randrange(14, 38)
    total = start + rng.randrange(8, 14)
    docname = f"{S['partnership']} - Multi-agency safeguarding procedures"
    d = Doc(plan, producer=rng.choice(["Adobe Acrobat Pro (64-bit) 24.2.20687", "Microsoft: Print To PDF"]), title=docname)
    ver = f"v{rng.randrange(3, 7)}.{rng.randrange(0, 4)} - {plan['review_date']}"

    def furn(dd):
        c = dd.c
        d.text(50, 810, docname, "Helvetica-Oblique", 8, "595959")
        d.text(470, 810, S["marking"], "Helvetica-Bold", 8, "C00000")
        c.setStrokeColorRGB(0.6, 0.6, 0.6); c.line(50, 804, 545, 804)
        d.text(50, 30, f"Procedures {ver}", "Helvetica", 7.5, "595959")
        d.text(480, 30, f"Page {start + dd.page} of {total}", "Helvetica", 7.5, "595959")
        dd.y = 790
    d.furniture = furn
    d.start()
    c = d.c
    ex = fmt_date(dt.date(2015, 1, 1), S["date_style"])
    proc = [("7. Requesting a Rapid Review", [
        f"7.1 Any agency working with children in {S['partnership'].split(' Safeguarding')[0]} may ask the partnership to consider a Rapid Review. The request is made on the form at Appendix C and sent to {S['p_email']}.",
        "7.2 The local authority must notify the Child Safeguarding Practice Review Panel within five working days of becoming aware of a serious incident. The partnership then holds a Rapid Review within fifteen working days.",
        f"7.3 Example: a child is seriously injured on {ex}; children's services are told the same day; the notification is due by {fmt_date(dt.date(2015, 1, 8), S['date_style'])} and the Rapid Review meeting by {fmt_date(dt.date(2015, 1, 22), S['date_style'])}.",
        f"7.4 If you are not sure whether the criteria are met, ring the business unit on {S['p_phone']} before completing the form. Out of hours, contact the emergency duty team on 0113 496 0999.",
        "7.5 The business unit will acknowledge your request within one working day and will let you know the outcome of the screening."]),
        ("8. What happens next", [
        "8.1 The Rapid Review panel is chaired by a senior manager from one of the three safeguarding partners. Agencies are asked to complete a single agency return within five working days.",
        "8.2 The outcome is sent to the national Panel with a recommendation on whether a local child safeguarding practice review is needed.",
        "8.3 Families are told about the review and are invited to contribute. Practitioners are offered a learning event once the review is complete."])]
    for head, paras in proc:
        d.need(30); d.text(50, d.y - 12, head, "Helvetica-Bold", 12, "1F4E79"); d.y -= 24
        for para in paras:
            ls = wrap(para, "Helvetica", 9.5, 490)
            d.need(len(ls) * 12.5 + 6)
            for ln in ls:
                d.text(55, d.y - 10, ln, "Helvetica", 9.5); d.y -= 12.5
            d.y -= 6
    d.new_page()
    d.text(50, d.y - 14, "Appendix C: Rapid Review referral form", "Helvetica-Bold", 14, "1F4E79"); d.y -= 22
    d.text(50, d.y - 10, S["title"] + f" ({S['org']})", "Helvetica-Bold", 10); d.y -= 16
    for ln in wrap("Complete the form on screen or print it. Tick one box where options are given.", "Helvetica-Oblique", 8.5, 490):
        d.text(50, d.y - 9, ln, "Helvetica-Oblique", 8.5); d.y -= 11
    d.y -= 6
    fnt = rng.choice(["Helvetica", "Courier", "Times-Roman"])
    colr = rng.choice(["1F3A93", "000080", "222222"])
    boxed_form(d, S, sections, 50, 495, 175, ans_font=fnt, ans_col=colr, choice_style="boxes", bar="1F4E79")
    d.new_page()
    d.text(50, d.y - 14, "Appendix D: Useful contacts", "Helvetica-Bold", 14, "1F4E79"); d.y -= 26
    contacts = [("Children's Services Front Door", person(rng), phone_disp(rng), "frontdoor@council.gov.uk"),
                ("Police Public Protection Unit", person(rng), phone_disp(rng), "ppu.referrals@police.uk"),
                ("Designated Nurse, Safeguarding Children", person(rng), phone_disp(rng), "designated.nurse@nhs.net"),
                ("Local Authority Designated Officer (LADO)", person(rng), phone_disp(rng), "lado@council.gov.uk"),
                ("Partnership Business Manager", person(rng), S["p_phone"], S["p_email"]),
                ("Emergency Duty Team (out of hours)", "-", "0113 496 0999", "-")]
    cols = [165, 110, 90, 130]
    xx = 50
    for k, h in enumerate(["Service", "Contact", "Telephone", "Email"]):
        d.text(xx + 3, d.y - 10, h, "Helvetica-Bold", 8.5); xx += cols[k]
    d.y -= 14
    for r in contacts:
        xx = 50
        c.setStrokeColorRGB(0.7, 0.7, 0.7); c.line(50, d.y, 545, d.y)
        for k, v in enumerate(r):
            d.text(xx + 3, d.y - 11, v, "Helvetica", 8); xx += cols[k]
        d.y -= 16
    plan["notes"]["layout_details"] = {"first_page_number": start, "answer_font": fnt, "answer_colour": colr, "contacts_appendix": [r[1] for r in contacts]}
    return d.finish(), d.regions


# ---------------------------------------------------------------- P-COMMENTSUMMARY
def p_commentsummary(S, sections, rec, plan, rng):
    PW, PH = landscape(A4)
    s = 0.66
    ox, oy = 24, (PH - A4[1] * s) / 2
    d = Doc(plan, pagesize=(PW, PH), producer="Adobe Acrobat Pro (64-bit) 23.8.20470", title=S["title"])
    d.W, d.H = A4  # virtual page
    comments = []
    people = [person(rng), person(rng)]
    base = plan["ref_date"]
    texts = ["Checked the date of birth against our records - correct.", "Police reference to follow - chased today.", "Please confirm the GP - the family may have moved practice.",
             "Spoke to the school DSL, who is aware.", "Is the address current? Family were in temporary accommodation last month.", "Added the CAMHS worker's details.",
             "Not sure this needs a Rapid Review - discuss at Monday's meeting?", "Typo corrected in the summary."]
    picks = rng.sample(texts, rng.randrange(3, 6))
    for k, t in enumerate(picks):
        when = base + dt.timedelta(days=rng.randrange(0, 3))
        comments.append(dict(author=rng.choice(people), date=f"{when.strftime('%d/%m/%Y')} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}", text=t))
    per_page = {}

    def furn(dd):
        c = dd.c
        c.saveState()
        c.translate(ox, oy); c.scale(s, s)
        c.setStrokeColorRGB(0.5, 0.5, 0.5); c.rect(0, 0, A4[0], A4[1], stroke=1, fill=0)
        dd.text(40, 815, S["marking"], "Helvetica-Bold", 8, "C00000")
        dd.text(300, 815, S["partnership"], "Helvetica", 7.5, "595959")
        dd.text(40, 25, f"{S['ref']} - version {plan['version']} - reviewed {plan['review_date']}", "Helvetica", 7, "595959")
        dd.text(500, 25, f"Page {dd.page + 1}", "Helvetica", 7, "595959")
        dd.y = 800
        if dd.page == 0:
            dd.text(40, dd.y - 16, S["title"], "Helvetica-Bold", 13, "1F3864"); dd.y -= 24
            for ln in wrap(guidance(S), "Helvetica", 8, 515):
                dd.text(40, dd.y - 9, ln, "Helvetica", 8); dd.y -= 10
            dd.y -= 8
    d.bottom = 50

    def new_page():
        # close transform, draw the comment pane for this page, next page
        close_page(d)
        d.c.showPage(); d.page += 1
        furn(d)
    d.new_page = new_page

    def close_page(dd):
        c = dd.c
        mine = per_page.get(dd.page, [])
        c.restoreState()
        x = ox + A4[0] * s + 26
        c.setFillColorRGB(0.95, 0.95, 0.95); c.rect(x - 8, 20, PW - x - 10, PH - 40, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0); c.setFont("Helvetica-Bold", 10); c.drawString(x, PH - 40, f"Comments on page {dd.page + 1}")
        yy = PH - 62
        for n, (cm, mx, my) in enumerate(mine):
            c.setFont("Helvetica-Bold", 8); c.drawString(x, yy, f"{cm['no']}  Sticky Note")
            c.setFont("Helvetica", 7.5); c.drawString(x + 80, yy, f"Author: {cm['author']}")
            c.drawString(x, yy - 10, f"Date: {cm['date']}")
            c.setStrokeColorRGB(0.85, 0.6, 0.1); c.line(ox + mx * s, oy + my * s, x - 8, yy + 3)
            lines = wrap(cm["text"], "Helvetica", 8, PW - x - 30)
            for j, ln in enumerate(lines):
                c.setFont("Helvetica", 8); c.drawString(x, yy - 22 - j * 10, ln)
            yy -= 34 + len(lines) * 10
        d.page_regions_fix = True
    d.furniture = furn
    d.start()
    # draw the form; place comment markers while drawing
    marks = iter(comments)
    orig_region = d.region

    def region(x0, yt, x1, yb):
        # transform virtual coordinates to the landscape page (top-based)
        d.regions.append((d.page, (ox + x0 * s, PH - (oy + yt * s), ox + x1 * s, PH - (oy + yb * s))))
        if rng.random() < 0.18:
            cm = next(marks, None)
            if cm is not None:
                cm["no"] = sum(len(v) for v in per_page.values()) + 1
                d.c.setFillColorRGB(1, 0.85, 0.2); d.c.rect(x1 - 12, yt - 10, 9, 9, stroke=0, fill=1)
                per_page.setdefault(d.page, []).append((cm, x1 - 8, yt - 6))
    d.region = region
    boxed_form(d, S, sections, 40, 515, 170, ans_font="Helvetica", choice_style="words", bar="404040")
    for cm in marks:
        cm["no"] = sum(len(v) for v in per_page.values()) + 1
        per_page.setdefault(d.page, []).append((cm, 500, d.y))
    close_page(d)
    d.c.showPage()
    d.c.save()
    d.W, d.H = PW, PH
    plan["notes"]["layout_details"] = {"scale": s, "comments": [f"{c_['author']} {c_['date']}: {c_['text']}" for c_ in comments]}
    return d.buf.getvalue(), d.regions


# ---------------------------------------------------------------- P-ACCORDION
def p_accordion(S, sections, rec, plan, rng):
    d = Doc(plan, producer="Skia/PDF m124", creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", title="Review referral")
    printed = plan["ref_date"] + dt.timedelta(days=rng.choice([0, 1]))
    stamp = f"{printed.strftime('%d/%m/%Y')}, {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
    sub = rng.randrange(1000, 9999)
    app = f"{S['org']} - Safeguarding referrals"
    url = f"https://referrals.{S['domain']}/submissions/{sub}/review"
    accent = rng.choice(["0B5CAD", "00695C", "5E35B1"])

    def furn(dd):
        dd.text(30, 828, stamp, "Helvetica", 7.5, "333333")
        dd.text(250, 828, f"Review referral #{sub} | {S['org']}", "Helvetica", 7.5, "333333")
        dd.text(30, 14, url, "Helvetica", 7.5, "333333")
        dd.text(540, 14, f"{dd.page + 1}/{plan.get('pages', 3)}", "Helvetica", 7.5, "333333")
        dd.y = 812
        if dd.page == 0:
            dd.c.setFillColorRGB(*hexcol(dd.c, accent)); dd.c.rect(30, 778, 535, 30, stroke=0, fill=1)
            dd.text(42, 789, app, "Helvetica-Bold", 11, "FFFFFF")
            dd.y = 760
            dd.text(40, dd.y - 14, f"Review referral #{sub}", "Helvetica-Bold", 15); dd.y -= 26
            for ln in wrap("Check your answers before sending. Sections you have completed are collapsed; select a section to change it. " + guidance(S), "Helvetica", 8.3, 515):
                dd.text(40, dd.y - 9, ln, "Helvetica", 8.3, "555555"); dd.y -= 10.5
            dd.y -= 10
    d.furniture = furn
    d.bottom = 40
    d.start()
    c = d.c
    collapsed = {"referrer", "lead"} if rng.random() < 0.7 else {"referrer"}
    for s in sections:
        if s.key in collapsed and all(it.disp for it in s.items if it.kind != "date"):
            vals = [it.disp for it in s.items if it.kind != "yn" and it.disp]
            yn = [it for it in s.items if it.kind == "yn"]
            summ = " · ".join(vals) + ("" if not yn else f" · {yn[0].label} {yn[0].disp}")
            lines = wrap(summ, "DejaVu", 8.3, 480)
            h = 22 + len(lines) * 11
            d.need(h + 6)
            c.setFillColorRGB(0.95, 0.96, 0.98); c.setStrokeColorRGB(0.8, 0.8, 0.85); c.roundRect(40, d.y - h, 515, h, 4, stroke=1, fill=1)
            d.text(50, d.y - 14, "▸  " + s.title, "DejaVu-Bold", 9.5)
            d.text(500, d.y - 14, "Change", "Helvetica", 8.5, accent)
            for j, ln in enumerate(lines):
                d.text(64, d.y - 27 - j * 11, ln, "DejaVu", 8.3, "333333")
            d.region(60, d.y - 17, 552, d.y - h)
            d.y -= h + 8
            continue
        d.need(40)
        c.setFillColorRGB(0.95, 0.96, 0.98); c.setStrokeColorRGB(0.8, 0.8, 0.85); c.roundRect(40, d.y - 20, 515, 20, 4, stroke=1, fill=1)
        d.text(50, d.y - 14, "▾  " + s.title, "DejaVu-Bold", 9.5)
        d.y -= 26
        for it in s.items:
            if it.kind == "agencies":
                L = S["labels"]
                if not it.rows:
                    d.text(60, d.y - 10, "No other agencies added", "Helvetica-Oblique", 8.5, "777777"); d.y -= 16
                for k, (nm, ag, ct) in enumerate(it.rows):
                    for lab, v in ((f"Agency {k + 1} - {L['ag_name']}", nm or ""), (f"Agency {k + 1} - {L['ag_agency']}", ag), (f"Agency {k + 1} - {L['ag_contact']}", ct)):
                        d.need(14)
                        d.text(60, d.y - 10, lab, "Helvetica", 8.3, "666666")
                        d.text(270, d.y - 10, v, "Helvetica", 9)
                        if v:
                            d.region(265, d.y, 555, d.y - 13)
                        d.y -= 14
                continue
            lines = []
            for k, l in enumerate(ans_lines(it)):
                if k and it.kind == "para":
                    lines.append("")
                lines += wrap(l, "Helvetica", 9, 280)
            labl = wrap(it.label, "Helvetica", 8.3, 200)
            h = max(len(lines) * 11.5, len(labl) * 10.5) + 6
            if h > d.y - d.bottom:
                d.new_page()
            for j, ln in enumerate(labl):
                d.text(60, d.y - 10 - j * 10.5, ln, "Helvetica", 8.3, "666666")
            for j, ln in enumerate(lines):
                d.text(270, d.y - 10 - j * 11.5, ln, "Helvetica", 9)
            if any(lines):
                d.region(265, d.y + 1, 555, d.y - h)
            c.setStrokeColorRGB(0.9, 0.9, 0.9); c.line(60, d.y - h, 555, d.y - h)
            d.y -= h + 3
        d.y -= 8
    plan["notes"]["layout_details"] = {"collapsed": sorted(collapsed), "printed": stamp, "submission": sub}
    return d.finish(), d.regions


# ---------------------------------------------------------------- P-OMRSCAN
def p_omrscan(S, sections, rec, plan, rng):
    form_id = rng.randrange(1000, 9999)
    d = Doc(plan, producer=rng.choice(["TeleForm Verifier 16.3", "Cardiff TELEform PDF Export"]), title=f"{S['ref']} form {form_id}")

    def furn(dd):
        c = dd.c
        c.setFillColorRGB(0, 0, 0)
        for x, y in ((20, 805), (561, 805), (20, 20), (561, 20)):
            c.rect(x, y, 14, 14, stroke=0, fill=1)
        bx = 400
        for k in range(40):
            w = 1 + ((form_id * (k + 3) + dd.page * 7) % 3)
            if k % 2 == 0:
                c.rect(bx, 800, w, 18, stroke=0, fill=1)
            bx += w + 1
        dd.text(400, 790, f"FORM {form_id}   PAGE {dd.page + 1}", "Courier", 7)
        dd.text(45, 806, S["title"].upper(), "Helvetica-Bold", 9)
        dd.text(45, 795, "PLEASE WRITE IN CAPITALS INSIDE THE BOXES. FILL THE OVAL COMPLETELY.", "Helvetica", 7)
        dd.text(45, 30, f"{S['marking']}   {S['ref']}   {plan['review_date']}", "Helvetica", 6.5)
        dd.y = 780
    d.furniture = furn
    d.bottom = 50
    d.start()
    boxed_form(d, S, sections, 45, 505, 0, ans_font="Courier-Bold", ans_size=9.5, choice_style="boxes", bar="000000", upper=True, label_above=True, lozenge=True)
    plan["notes"]["layout_details"] = {"form_id": form_id, "capitals": True}
    return d.finish(), d.regions


# ---------------------------------------------------------------- P-TWOPANE
def p_twopane(S, sections, rec, plan, rng):
    PW, PH = landscape(A4)
    d = Doc(plan, pagesize=(PW, PH), producer="iOS Version 17.4 (Build 21E219) Quartz PDFContext", title="Referral")
    navw = 190
    accent = rng.choice(["007AFF", "34C759", "AF52DE"])
    app = rng.choice(["SafeNotify", "ReferIt", "CaseCapture"])
    done = {}
    for s in sections:
        filled = sum(1 for it in s.items if (it.disp or it.rows))
        done[s.title] = (filled, len(s.items))
    current = [sections[0].title]

    def furn(dd):
        c = dd.c
        c.setFillColorRGB(0.97, 0.97, 0.97); c.rect(0, PH - 34, PW, 34, stroke=0, fill=1)
        dd.text(16, PH - 22, f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}", "Helvetica-Bold", 9)
        dd.text(PW / 2 - 60, PH - 22, f"{app} - {S['org']}", "Helvetica-Bold", 10)
        c.setFillColorRGB(0.94, 0.94, 0.96); c.rect(0, 0, navw, PH - 34, stroke=0, fill=1)
        dd.text(14, PH - 56, "Sections", "Helvetica-Bold", 12)
        yy = PH - 78
        for s in sections:
            f, n = done[s.title]
            mark = "✓" if f == n else "•"
            cur = s.title in current
            if cur:
                c.setFillColorRGB(*hexcol(c, accent)); c.roundRect(8, yy - 5, navw - 16, 16, 4, stroke=0, fill=1)
            dd.text(14, yy, mark, "DejaVu", 8.5, "FFFFFF" if cur else "333333")
            dd.text(28, yy, s.title[:30], "DejaVu", 8.5, "FFFFFF" if cur else "333333")
            dd.text(navw - 34, yy, f"{f}/{n}", "DejaVu", 7.5, "FFFFFF" if cur else "888888")
            yy -= 19
        dd.text(navw + 20, 14, f"Printed from {app} 2.{rng.randrange(1, 9)} on iPad", "Helvetica", 7, "888888")
        dd.y = PH - 56
    d.furniture = furn
    d.bottom = 36
    d.start()
    c = d.c
    x0 = navw + 24
    wid = PW - x0 - 30
    for s in sections:
        if d.y < 120:
            current[:] = [s.title]
            d.new_page()
        elif s.title not in current:
            current.append(s.title)
        d.text(x0, d.y - 16, s.title, "Helvetica-Bold", 14); d.y -= 26
        for it in s.items:
            if it.kind == "agencies":
                L = S["labels"]
                for k, (nm, ag, ct) in enumerate(it.rows):
                    d.need(44)
                    d.text(x0, d.y - 10, f"Agency {k + 1}", "Helvetica-Bold", 9, "666666"); d.y -= 14
                    for lab, v in ((L["ag_name"], nm or ""), (L["ag_agency"], ag), (L["ag_contact"], ct)):
                        d.text(x0 + 10, d.y - 10, lab, "Helvetica", 8.5, "8E8E93"); d.text(x0 + 220, d.y - 10, v, "Helvetica", 9.5)
                        if v:
                            d.region(x0 + 215, d.y, x0 + wid, d.y - 13)
                        d.y -= 14
                if not it.rows:
                    d.text(x0, d.y - 10, "No agencies added", "Helvetica-Oblique", 9, "8E8E93"); d.y -= 16
                continue
            lines = []
            for k, l in enumerate(ans_lines(it)):
                if k and it.kind == "para":
                    lines.append("")
                lines += wrap(l, "Helvetica", 9.5, wid - 230)
            labl = wrap(it.label, "Helvetica", 8.5, 205)
            h = max(len(lines) * 12, len(labl) * 10.5) + 7
            if h > d.y - d.bottom:
                current[:] = [s.title]
                d.new_page()
            for j, ln in enumerate(labl):
                d.text(x0, d.y - 10 - j * 10.5, ln, "Helvetica", 8.5, "8E8E93")
            for j, ln in enumerate(lines):
                d.text(x0 + 220, d.y - 10 - j * 12, ln, "Helvetica", 9.5)
            if any(lines):
                d.region(x0 + 215, d.y + 1, x0 + wid, d.y - h)
            c.setStrokeColorRGB(0.88, 0.88, 0.9); c.line(x0, d.y - h + 2, x0 + wid, d.y - h + 2)
            d.y -= h + 2
        d.y -= 10
    plan["notes"]["layout_details"] = {"app": app, "nav_pane": True}
    return d.finish(), d.regions


PDF_LAYOUTS = {"P-APPENDIX": p_appendix, "P-COMMENTSUMMARY": p_commentsummary, "P-ACCORDION": p_accordion, "P-OMRSCAN": p_omrscan, "P-TWOPANE": p_twopane}
