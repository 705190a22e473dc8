"""The five PDF layouts of unseen17 (reportlab, invariant mode; Pillow for the scanned page images)."""

from __future__ import annotations

import datetime as dt
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, HexColor, white, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from u17_common import footer_text, guidance, header_text, p_phone
from u17_model import A, Case, child_keys, fmt_date, top_keys

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
_FONTS = False


def fonts() -> None:
    global _FONTS
    if _FONTS:
        return
    for name, file in (("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"), ("DV-I", "DejaVuSans-Oblique.ttf"),
                       ("DVS", "DejaVuSerif.ttf"), ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVC", "DejaVuSansCondensed.ttf"),
                       ("DVC-B", "DejaVuSansCondensed-Bold.ttf"), ("DVM", "DejaVuSansMono.ttf")):
        pdfmetrics.registerFont(TTFont(name, FONT_DIR + file))
    _FONTS = True


def colon(label: str) -> str:
    return label if label.endswith(("?", ")", ":")) else label + ":"


def value_text(case: Case, a: A) -> str:
    if a.kind in ("tri", "gender", "itype"):
        return case.word(a)
    if a.kind == "paras":
        return "\n\n".join(a.shown) if a.shown else ""
    if a.kind == "lines":
        return "\n".join(a.shown) if isinstance(a.shown, list) else (a.shown or "")
    return a.text()


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap keeping explicit newlines; an empty line stays empty; a word wider than the line is cut."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
            continue
        for piece in simpleSplit(line, font, size, width) or [""]:
            while pdfmetrics.stringWidth(piece, font, size) > width and len(piece) > 1:
                cut = len(piece)
                while cut > 1 and pdfmetrics.stringWidth(piece[:cut], font, size) > width:
                    cut -= 1
                out.append(piece[:cut])
                piece = piece[cut:]
            out.append(piece)
    return out


class Pdf:
    def __init__(self, title: str, author: str, producer: str, creator: str, pagesize=A4):
        fonts()
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.c.setCreator(creator)
        try:
            self.c.setProducer(producer)
        except AttributeError:
            pass
        self.W, self.H = pagesize
        self.page = 0
        self.regions: list[tuple[int, float, float, float, float]] = []

    def region(self, x0: float, y_top: float, x1: float, y_bottom: float) -> None:
        """Register an answer area (reportlab coordinates) for the self-check."""
        top = max(0.0, self.H - y_top)
        bottom = min(self.H, self.H - y_bottom)
        if bottom > top:
            self.regions.append((self.page, max(0.0, x0), top, min(self.W, x1), bottom))

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1

    def text(self, x: float, y: float, s: str, font: str = "DV", size: float = 9, color=black) -> None:
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)

    def finish(self) -> bytes:
        self.c.save()
        return self.buf.getvalue()


# ============================================================================================ P-CHATBOT

def render_chatbot(case: Case, rng: random.Random) -> tuple[bytes, list, dict]:
    s = case.sender
    lab = s["labels"]
    bot = rng.choice(["Ada", "Sam", "Help Assistant", "SafeBot", "Kit"])
    accent = HexColor(rng.choice(["#1565C0", "#00796B", "#6A1B9A", "#C62828", "#2E7D32"]))
    pdf = Pdf(f"Chat transcript - {s['short']}", s["short"], "Skia/PDF m124", "Chromium")
    c = pdf.c
    W, H = pdf.W, pdf.H
    ref_date = case.answers["ref_date"].date
    t = [10 * 60 + rng.randrange(0, 300)]
    skip_word = rng.choice(["Skip", "Skip this question"])
    state = {"y": H - 40}
    conv_id = "".join(rng.choice("0123456789abcdef") for _ in range(12))
    max_w = 300

    def stamp() -> str:
        t[0] += rng.choice([0, 0, 1, 1, 2])
        h, m = divmod(t[0], 60)
        return f"{h:02d}:{m:02d}"

    def page_top() -> None:
        c.setFillColor(HexColor("#F5F5F5"))
        c.rect(0, H - 28, W, 28, stroke=0, fill=1)
        pdf.text(36, H - 18, f"{bot} - {s['short']} web chat", "DV-B", 9, HexColor("#333333"))
        pdf.text(W - 200, H - 18, f"Conversation {conv_id}", "DV", 8, HexColor("#777777"))
        state["y"] = H - 50

    def footer() -> None:
        pdf.text(36, 22, f"Transcript exported {fmt_date(ref_date, 'dmy_slash')} - page {pdf.page + 1}", "DV", 7,
                 HexColor("#888888"))

    def need(h: float) -> None:
        if state["y"] - h < 44:
            footer()
            pdf.new_page()
            page_top()

    def bubble(text: str, who: str, options: list[str] | None = None) -> None:
        font, size, lead = "DV", 9.2, 12
        lines = wrap(text, font, size, max_w - 20)
        h = len(lines) * lead + 12
        need(h + 22 + (18 if options else 0))
        y0 = state["y"]
        width = min(max_w, max(pdf.c.stringWidth(l, font, size) for l in lines) + 20) if lines else 60
        if who == "bot":
            x = 70
            c.setFillColor(HexColor("#ECEFF1"))
            c.roundRect(x, y0 - h, width, h, 8, stroke=0, fill=1)
            c.setFillColor(accent)
            c.circle(50, y0 - 12, 10, stroke=0, fill=1)
            pdf.text(45.5, y0 - 15.5, bot[0], "DV-B", 9, white)
            col = HexColor("#212121")
        else:
            x = W - 40 - width
            c.setFillColor(accent)
            c.roundRect(x, y0 - h, width, h, 8, stroke=0, fill=1)
            col = white
        yy = y0 - 6 - size
        for ln in lines:
            pdf.text(x + 10, yy, ln, font, size, col)
            yy -= lead
        if who == "user":
            pdf.region(x, y0, x + width, y0 - h)
        ts = stamp()
        if who == "bot":
            pdf.text(x + 2, y0 - h - 10, f"{bot}  {ts}", "DV", 6.5, HexColor("#9E9E9E"))
        else:
            tw = c.stringWidth(f"{ts}  Read", "DV", 6.5)
            pdf.text(x + width - tw, y0 - h - 10, f"{ts}  Read", "DV", 6.5, HexColor("#9E9E9E"))
        state["y"] = y0 - h - 18
        if options:
            ox = 70
            for o in options:
                ow = c.stringWidth(o, "DV", 8) + 16
                c.setStrokeColor(accent)
                c.setFillColor(white)
                c.roundRect(ox, state["y"] - 14, ow, 15, 7, stroke=1, fill=1)
                pdf.text(ox + 8, state["y"] - 10, o, "DV", 8, accent)
                ox += ow + 6
            state["y"] -= 24

    def ask(question: str, a: A, options: list[str] | None = None, optional=True) -> None:
        q = question if question.endswith(("?", ")")) else question + ":"
        pills = (list(options) + ([skip_word] if optional else [])) if options else None
        bubble(q, "bot", pills)
        if a.kind in ("tri", "gender", "itype"):
            ans = case.word(a) if a.choice else skip_word
        elif a.kind == "paras":
            paras = a.shown or []
            if len(paras) >= 3 and rng.random() < 0.7:
                cut = rng.randrange(1, len(paras))
                bubble("\n\n".join(paras[:cut]), "user")
                bubble("\n\n".join(paras[cut:]), "user")
                return
            ans = "\n\n".join(paras) if paras else skip_word
        else:
            ans = value_text(case, a) or (skip_word if rng.random() < 0.7 else rng.choice(["don't know", "Not known"]))
        bubble(ans, "user")

    page_top()
    pdf.text(36, state["y"], "Conversation transcript", "DV-B", 14, HexColor("#212121"))
    state["y"] -= 16
    pdf.text(36, state["y"], f"Started {fmt_date(ref_date, 'long')} {t[0] // 60:02d}:{t[0] % 60:02d} - channel: website "
             f"chat widget - {s['org']}", "DV", 7.5, HexColor("#666666"))
    state["y"] -= 24
    bubble(f"Hello, I'm {bot}. I can help you send a safeguarding referral to the {s['partnership']}. "
           f"It takes about ten minutes. You can type '{skip_word}' for anything you don't know.", "bot", ["Start"])
    bubble("Start", "user")
    intro = {"ref": "First, some details about you.", "lead": "Now your safeguarding lead.",
             "inc": "Next, tell me about the incident.", "crit": "A few questions about the review criteria.",
             "panel": "About the national Child Safeguarding Practice Review Panel.", "conc": "Last question."}
    for sec in ("ref", "lead", "child", "inc", "crit", "panel", "ag", "decoy", "conc"):
        if sec in intro:
            bubble(intro[sec] + f" ({s['sections'][sec]})", "bot")
            for k in top_keys(s, sec):
                a = case.answers[k]
                opts = None
                if a.kind == "tri":
                    opts = [w for _, w in case.tri_options()]
                elif a.kind == "itype":
                    opts = [w for _, w in case.itype_options()]
                if a.kind == "itype" and a.choice == "other" and a.spec:
                    bubble(lab[k] + "?", "bot", opts + [skip_word])
                    bubble(s["itype_labels"]["other"], "user")
                    bubble("Please say what kind of incident.", "bot")
                    bubble(a.spec, "user")
                    continue
                ask(lab[k], a, opts, optional=k not in ("ref_date", "ref_name"))
        elif sec == "child":
            for ci, ch in enumerate(case.children):
                bubble(f"Now about the child ({s['sections']['child']})." if ci == 0 else
                       f"OK - the next child (child {ci + 1}).", "bot")
                for k in child_keys(s):
                    a = ch[k]
                    q = lab[k] if ci == 0 else f"Child {ci + 1} - {lab[k]}"
                    opts = None
                    if a.kind == "tri":
                        opts = [w for _, w in case.tri_options()]
                    elif a.kind == "gender":
                        opts = [w for _, w in case.gender_options()]
                    ask(q, a, opts, optional=k not in ("c_first", "c_last", "c_name"))
                more = ci + 1 < len(case.children)
                bubble("Is there another child you want to tell us about?", "bot", ["Yes", "No"])
                bubble("Yes" if more else "No", "user")
        elif sec == "ag":
            bubble(f"Are any other agencies involved? ({s['sections']['ag']})", "bot", ["Yes", "No"])
            bubble("Yes" if case.agencies else "No", "user")
            for ai, ag in enumerate(case.agencies):
                bubble(f"Agency {ai + 1}: {s['ag_cols'][0]}?", "bot", [skip_word])
                bubble(ag["name"] or skip_word, "user")
                bubble(f"Agency {ai + 1}: {s['ag_cols'][1]}?", "bot")
                bubble(ag["agency"], "user")
                bubble(f"Agency {ai + 1}: {s['ag_cols'][2]}?", "bot")
                bubble(ag["contact"], "user")
                more = ai + 1 < len(case.agencies)
                bubble("Any more agencies?", "bot", ["Yes", "No"])
                bubble("Yes" if more else "No", "user")
        elif sec == "decoy":
            bubble(f"If you have them, please give these reference details ({s['sections']['decoy']}).", "bot")
            for dl, dvv in case.decoys:
                bubble(dl + "?", "bot", [skip_word])
                bubble(dvv, "user")
    ref_no = f"SR-{rng.randrange(10000, 99999)}"
    bubble(f"Thank you. Your referral has been sent to {s['p_email']}. Your reference is {ref_no}. "
           f"A copy of this conversation has been emailed to you.", "bot")
    footer()
    data = pdf.finish()
    return data, pdf.regions, {"bot": bot, "skip": skip_word, "conversation": conv_id}


# ============================================================================================ P-SCANFILL

class Sheet:
    """A blank paper form page being laid out: text items and boxes (points, top-left origin)."""

    def __init__(self):
        self.texts: list[tuple[float, float, str, str, float, str]] = []   # x, y_top, text, font, size, colour
        self.rects: list[tuple[float, float, float, float, str, float]] = []  # x, y_top, w, h, fill/"" , line width
        self.answers: list[tuple] = []     # ("text", x, y_top, w, h, text, size) or ("tick", x, y_top, size)


def render_scanfill(case: Case, rng: random.Random) -> tuple[bytes, list, dict]:
    s = case.sender
    lab = s["labels"]
    fonts()
    ticks_vector = case.variant % 2 == 0
    ink = rng.choice([(0.05, 0.1, 0.45), (0, 0, 0), (0.1, 0.1, 0.1)])
    angle = rng.choice([-1, 1]) * rng.uniform(0.25, 0.6)
    dpi = 100
    W, H = A4
    sheets: list[Sheet] = [Sheet()]
    y = [60.0]
    LX, BX, RX = 40.0, 215.0, 555.0
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def cur() -> Sheet:
        return sheets[-1]

    def need(h: float) -> None:
        if y[0] + h > H - 55:
            sheets.append(Sheet())
            y[0] = 60.0

    def label_lines(text: str, width: float = BX - LX - 8, size: float = 8.5) -> list[str]:
        return simpleSplit(text, "DV", size, width)

    def heading(text: str) -> None:
        need(40)
        cur().rects.append((LX, y[0], RX - LX, 16, "#303030", 0))
        cur().texts.append((LX + 5, y[0] + 11.5, text, "DV-B", 9.5, "white"))
        y[0] += 22

    def text_row(label: str, a: A, lines_box: int = 1) -> None:
        ll = label_lines(label)
        val = value_text(case, a)
        size = 9.5
        vlines = wrap(val, "Helvetica", size, RX - BX - 8) if val else []
        box_h = max(18.0, 12.0 * max(lines_box, len(vlines)) + 6)
        h = max(box_h, 10.5 * len(ll) + 4)
        need(h + 6)
        for i, ln in enumerate(ll):
            cur().texts.append((LX, y[0] + 10 + 10.5 * i, ln, "DV", 8.5, "black"))
        cur().rects.append((BX, y[0], RX - BX, box_h, "", 0.7))
        if vlines:
            cur().answers.append(("text", BX + 4, y[0] + 4, RX - BX - 8, box_h, vlines, size))
        y[0] += h + 5

    def option_row(label: str, a: A, options: list[tuple[str, str]]) -> None:
        ll = label_lines(label)
        h = max(18.0, 10.5 * len(ll) + 4)
        need(h + 6)
        for i, ln in enumerate(ll):
            cur().texts.append((LX, y[0] + 10 + 10.5 * i, ln, "DV", 8.5, "black"))
        x = BX
        for key, word in options:
            cur().rects.append((x, y[0] + 2, 10, 10, "", 0.7))
            cur().texts.append((x + 14, y[0] + 10.5, word, "DV", 8.5, "black"))
            if a.choice == key:
                cur().answers.append(("tick", x, y[0] + 2, 10))
            x += 14 + stringWidth(word, "DV", 8.5) + 16
        y[0] += h + 5

    def itype_block(label: str, a: A) -> None:
        ll = label_lines(label)
        opts = case.itype_options()
        h = max(14.0 * len(opts), 10.5 * len(ll)) + 24
        need(h + 6)
        for i, ln in enumerate(ll):
            cur().texts.append((LX, y[0] + 10 + 10.5 * i, ln, "DV", 8.5, "black"))
        yy = y[0]
        for key, word in opts:
            cur().rects.append((BX, yy + 2, 10, 10, "", 0.7))
            cur().texts.append((BX + 14, yy + 10.5, word, "DV", 8.5, "black"))
            if a.choice == key:
                cur().answers.append(("tick", BX, yy + 2, 10))
            yy += 14
        cur().texts.append((BX, yy + 10, "If other, please specify:", "DV", 8, "black"))
        cur().rects.append((BX + 110, yy, RX - BX - 110, 16, "", 0.7))
        if a.choice == "other" and a.spec:
            cur().answers.append(("text", BX + 114, yy + 3, RX - BX - 118, 16, [a.spec], 9))
        y[0] = yy + 24

    # ---- the blank form, page by page
    t = cur()
    t.texts.append((LX, 38, s["partnership"].upper(), "DV-B", 8, "black"))
    t.texts.append((LX, 52, s["form_title"], "DV-B", 13, "black"))
    y[0] = 62
    for ln in simpleSplit(guidance(case), "DV", 7.5, RX - LX):
        t.texts.append((LX, y[0] + 8, ln, "DV", 7.5, "black"))
        y[0] += 9.5
    y[0] += 8
    for sec in ("ref", "lead", "child", "inc", "crit", "panel", "ag", "conc", "decoy"):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            heading(s["sections"][sec])
            for k in top_keys(s, sec):
                a = case.answers[k]
                if a.kind == "tri":
                    option_row(lab[k], a, case.tri_options())
                elif a.kind == "itype":
                    itype_block(lab[k], a)
                elif k == "inc_summary":
                    text_row(lab[k], a, 16)
                elif k in ("cr_reason", "concerns"):
                    text_row(lab[k], a, 3)
                else:
                    text_row(lab[k], a)
        elif sec == "child":
            slots = max(2, len(case.children))
            for ci in range(slots):
                ch = case.children[ci] if ci < len(case.children) else None
                heading(f"{s['sections']['child']} - child {ci + 1}")
                for k in child_keys(s):
                    a = ch[k] if ch else A("tri" if k in ("c_cp", "c_csc", "c_lac") else
                                           "gender" if k == "c_gender" else "text")
                    if a.kind == "tri":
                        option_row(lab[k], a, case.tri_options())
                    elif a.kind == "gender":
                        option_row(lab[k], a, case.gender_options())
                    elif k == "c_address":
                        text_row(lab[k], a, 4)
                    else:
                        text_row(lab[k], a)
        elif sec == "ag":
            heading(s["sections"]["ag"])
            rows = max(4, len(case.agencies) + 1)
            need(16 + 18 * rows)
            colw = [(RX - LX) * f for f in (0.3, 0.35, 0.35)]
            x = LX
            for i, hname in enumerate(s["ag_cols"]):
                cur().rects.append((x, y[0], colw[i], 14, "#D0D0D0", 0.7))
                cur().texts.append((x + 3, y[0] + 10, hname, "DV-B", 8, "black"))
                x += colw[i]
            y[0] += 14
            for ri in range(rows):
                ag = case.agencies[ri] if ri < len(case.agencies) else None
                cells = [wrap(ag[k], "Helvetica", 8.5, colw[i] - 6) if ag and ag[k] else []
                         for i, k in enumerate(("name", "agency", "contact"))]
                rh = max(18.0, 10.7 * max(len(cl) for cl in cells) + 6)
                need(rh)
                x = LX
                for i, cl in enumerate(cells):
                    cur().rects.append((x, y[0], colw[i], rh, "", 0.7))
                    if cl:
                        cur().answers.append(("text", x + 3, y[0] + 4, colw[i] - 6, rh, cl, 8.5))
                    x += colw[i]
                y[0] += rh
            y[0] += 8
        elif sec == "decoy":
            heading(s["sections"]["decoy"])
            for dl, dvv in case.decoys:
                text_row(dl, A("text", dvv, dvv))
    need(40)
    cur().texts.append((LX, y[0] + 14, "Signature: ..................................................      Date: ....................",
                        "DV", 8.5, "black"))
    n_pages = len(sheets)
    for pi, sh in enumerate(sheets):
        sh.texts.append((LX, 22, s["marking"], "DV-B", 7.5, "black"))
        sh.texts.append((LX, H - 24, f"{footer_text(case)}    Page {pi + 1} of {n_pages}", "DV", 7, "black"))

    # ---- render: scanned image of the blank page, OCR text layer, typed answers on top
    pdf = Pdf(s["form_title"], case.answers["ref_name"].text() or "", "Adobe Acrobat Pro (64-bit) 24.1.20643",
              "Adobe Acrobat Pro (64-bit) 24.1.20643")
    c = pdf.c
    scale = dpi / 72.0
    cx, cy = W / 2, H / 2
    ang = math.radians(angle)
    ca, sa = math.cos(ang), math.sin(ang)

    def rot(x: float, y_top: float) -> tuple[float, float]:
        """Point on the unrotated page (top-left origin) -> where the scan shows it (top-left origin)."""
        dx, dy = x - cx, y_top - cy
        return cx + dx * ca - dy * sa, cy + dx * sa + dy * ca

    pil_fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def pfont(name: str, size: float) -> ImageFont.FreeTypeFont:
        key = (name, size)
        if key not in pil_fonts:
            file = {"DV": "DejaVuSans.ttf", "DV-B": "DejaVuSans-Bold.ttf"}[name]
            pil_fonts[key] = ImageFont.truetype(FONT_DIR + file, max(6, int(round(size * scale))))
        return pil_fonts[key]

    for pi, sh in enumerate(sheets):
        if pi:
            pdf.new_page()
        img = Image.new("L", (int(W * scale), int(H * scale)), 255)
        d = ImageDraw.Draw(img)
        for x, yt, w, h, fill, lw in sh.rects:
            box = [x * scale, yt * scale, (x + w) * scale, (yt + h) * scale]
            if fill:
                d.rectangle(box, fill=int(HexColor(fill).red * 255), outline=40)
            else:
                d.rectangle(box, outline=30, width=max(1, int(lw * scale)))
        for x, yb, text, fname, size, col in sh.texts:
            f = pfont(fname, size)
            asc = f.getmetrics()[0]
            d.text((x * scale, yb * scale - asc), text, fill=255 if col == "white" else 20, font=f)
        img = img.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
        px = img.load()
        for _ in range(1400):
            xx, yy = rng.randrange(img.width), rng.randrange(img.height)
            px[xx, yy] = rng.randrange(60, 200)
        jb = io.BytesIO()
        img.save(jb, format="JPEG", quality=72)
        jb.seek(0)
        c.drawImage(ImageReader(jb), 0, 0, W, H)
        # OCR text layer: one invisible word at a time, at the skewed position
        t_obj = c.beginText()
        t_obj.setTextRenderMode(3)
        for x, yb, text, fname, size, col in sh.texts:
            xpos = x
            for word in text.split(" "):
                if not word:
                    xpos += stringWidth(" ", fname, size)
                    continue
                ww = stringWidth(word, fname, size)
                rx, ry = rot(xpos, yb)
                t_obj.setFont("Helvetica", size)
                hw = stringWidth(word, "Helvetica", size) or 1
                t_obj.setHorizScale(100.0 * ww / hw)
                t_obj.setTextOrigin(rx, H - ry)
                t_obj.textOut(word + " ")
                xpos += ww + stringWidth(" ", fname, size)
        t_obj.setHorizScale(100)
        c.saveState()
        c.drawText(t_obj)
        c.restoreState()
        # typed answers (Fill & Sign, flattened) and ticks
        for ans in sh.answers:
            if ans[0] == "text":
                _, x, yt, w, h, lines, size = ans
                rx, ry = rot(x, yt)
                c.setFillColorRGB(*ink)
                c.setFont("Helvetica", size)
                yy = ry + size
                for ln in lines:
                    c.drawString(rx, H - yy, ln)
                    yy += size * 1.25
                pdf.region(rx - 2, H - ry + 2, rx + w + 4, H - yy)
            else:
                _, x, yt, size = ans
                rx, ry = rot(x + size / 2, yt + size / 2)
                if ticks_vector:
                    c.setStrokeColorRGB(*ink)
                    c.setLineWidth(1.4)
                    pth = c.beginPath()
                    pth.moveTo(rx - 4, H - ry)
                    pth.lineTo(rx - 1, H - ry - 4)
                    pth.lineTo(rx + 6, H - ry + 6)
                    c.drawPath(pth, stroke=1, fill=0)
                else:
                    c.setFillColorRGB(*ink)
                    c.setFont("Helvetica", 10)
                    c.drawString(rx - 3.5, H - ry - 3.5, "X")
    data = pdf.finish()
    return data, pdf.regions, {"skew_degrees": round(angle, 2), "ticks": "vector tick paths" if ticks_vector else "typed X",
                               "pages": n_pages}


# ============================================================================================ P-TICKET

def render_ticket(case: Case, rng: random.Random) -> tuple[bytes, list, dict]:
    s = case.sender
    lab = s["labels"]
    pdf = Pdf(f"Ticket - {s['form_title']}", s["short"], "Skia/PDF m125", "Mozilla/5.0 Chrome/125.0")
    c = pdf.c
    W, H = pdf.W, pdf.H
    desk = rng.choice(["Helpdesk", "Service Desk", "Support"])
    ticket = rng.randrange(12000, 98000)
    ref_date = case.answers["ref_date"].date
    hh = rng.randrange(8, 17)
    agent = f"{rng.choice(['Priya', 'Owen', 'Mel', 'Jonah', 'Tess'])} {rng.choice(['Hale', 'Orme', 'Varga', 'Keane'])}"
    MX0, MX1, SX0, SX1 = 36.0, 388.0, 402.0, 560.0
    st = {"my": 0.0, "sy": 0.0}

    def top(first: bool) -> None:
        c.setFillColor(HexColor("#03363D"))
        c.rect(0, H - 30, W, 30, stroke=0, fill=1)
        pdf.text(36, H - 19, f"{s['short']} {desk}", "DV-B", 10, white)
        pdf.text(W - 230, H - 19, f"#{ticket}  -  printed view", "DV", 8, HexColor("#B0C4C7"))
        pdf.text(36, 16, f"https://{s['domain'].split('.')[0]}.{desk.lower().replace(' ', '')}.example/agent/tickets/{ticket}/print",
                 "DV", 6.5, HexColor("#888888"))
        pdf.text(W - 70, 16, f"Page {pdf.page + 1}", "DV", 6.5, HexColor("#888888"))
        st["my"] = H - 50
        st["sy"] = H - 50
        c.setFillColor(HexColor("#F3F4F6"))
        c.rect(SX0 - 6, 30, SX1 - SX0 + 12, H - 62, stroke=0, fill=1)

    def main_need(h: float) -> None:
        if st["my"] - h < 40:
            pdf.new_page()
            top(False)

    def main_para(text: str, font="DV", size=8.8, color=black, indent=0.0, gap=4.0) -> None:
        lines = wrap(text, font, size, MX1 - MX0 - indent)
        for ln in lines:
            main_need(size + 3)
            y0 = st["my"]
            pdf.text(MX0 + indent, y0 - size, ln, font, size, color)
            if ln:
                pdf.region(MX0 + indent - 1, y0 + 1, MX1, y0 - size - 3)
            st["my"] -= size + 3
        st["my"] -= gap

    def main_field(label: str, a: A) -> None:
        val = value_text(case, a)
        if a.kind in ("paras", "lines") or len(val) > 60 or "\n" in val:
            main_para(colon(label), "DV-B", 8.8, gap=1)
            if a.kind == "paras":
                for para in a.shown or []:
                    main_para(para, indent=10, gap=5)
            elif val:
                main_para(val, indent=10)
            else:
                st["my"] -= 4
            return
        main_need(12)
        y0 = st["my"]
        lw = c.stringWidth(colon(label) + " ", "DV-B", 8.8)
        if lw > 200 or lw + c.stringWidth(val, "DV", 8.8) > MX1 - MX0:
            main_para(colon(label), "DV-B", 8.8, gap=0)
            if val:
                main_para(val, indent=10)
            return
        pdf.text(MX0, y0 - 8.8, colon(label), "DV-B", 8.8)
        if val:
            pdf.text(MX0 + lw, y0 - 8.8, val, "DV", 8.8)
            pdf.region(MX0 + lw - 1, y0 + 1, MX1, y0 - 12)
        st["my"] -= 13

    def side_field(label: str, val: str, required: bool = True) -> None:
        lines = wrap(label, "DV", 7, SX1 - SX0)
        vlines = wrap(val or "-", "DV-B", 8.3, SX1 - SX0)
        h = 8.5 * len(lines) + 10.5 * len(vlines) + 6
        if st["sy"] - h < 40:
            if required:
                raise RuntimeError("ticket sidebar overflow")
            return
        y0 = st["sy"]
        for ln in lines:
            pdf.text(SX0, st["sy"] - 7, ln, "DV", 7, HexColor("#6B7280"))
            st["sy"] -= 8.5
        vy = st["sy"]
        for ln in vlines:
            pdf.text(SX0, st["sy"] - 8.3, ln, "DV-B" if val else "DV", 8.3, HexColor("#111827"))
            st["sy"] -= 10.5
        pdf.region(SX0 - 2, vy + 1, SX1 + 2, st["sy"] - 2)
        st["sy"] -= 6

    def side_head(text: str) -> None:
        st["sy"] -= 4
        pdf.text(SX0, st["sy"] - 9, text.upper(), "DV-B", 7.5, HexColor("#03363D"))
        st["sy"] -= 16

    top(True)
    # sidebar: requester, ticket properties, the sender's own fields
    side_head("Requester")
    for k in top_keys(s, "ref"):
        side_field(lab[k], value_text(case, case.answers[k]))
    side_head("Ticket")
    side_field("Assignee", agent)
    side_field("Group", f"{s['short']} safeguarding")
    side_field("Priority", rng.choice(["Urgent", "High"]))
    side_field("Created", f"{fmt_date(ref_date, 'abbr')} {hh:02d}:{rng.randrange(0, 60):02d}")
    side_head(s["sections"]["lead"])
    for k in top_keys(s, "lead"):
        side_field(lab[k], value_text(case, case.answers[k]))
    side_head("Incident")
    for k in ("inc_date", "inc_la", "inc_type", "inc_police"):
        if lab.get(k):
            side_field(lab[k], value_text(case, case.answers[k]))
    for k in top_keys(s, "panel"):
        side_field(lab[k], value_text(case, case.answers[k]))
    side_head("Other fields")
    for dl, dvv in case.decoys:
        side_field(dl, dvv, required=False)
    # main column: subject and the requester's message
    for ln in wrap(s["form_title"], "DV-B", 12, MX1 - MX0):
        pdf.text(MX0, st["my"] - 13, ln, "DV-B", 12, HexColor("#111827"))
        st["my"] -= 15
    st["my"] -= 7
    c.setFillColor(HexColor("#E5E7EB"))
    c.roundRect(MX0, st["my"] - 12, 40, 12, 3, stroke=0, fill=1)
    pdf.text(MX0 + 5, st["my"] - 9, "Open", "DV-B", 7, HexColor("#111827"))
    st["my"] -= 22
    who = case.answers["ref_name"].text() or "Requester"
    main_para(f"{who}  -  {fmt_date(ref_date, 'abbr')} {hh:02d}:{rng.randrange(0, 60):02d}  (via web form)", "DV", 7.5,
              HexColor("#6B7280"), gap=6)
    main_para("Please find our safeguarding referral below. Contact details for me and our safeguarding lead are in "
              "the ticket fields.", gap=8)
    for ci, ch in enumerate(case.children):
        main_para(s["sections"]["child"] + (f" {ci + 1}" if len(case.children) > 1 else ""), "DV-B", 9.5,
                  HexColor("#03363D"), gap=3)
        for k in child_keys(s):
            main_field(lab[k], ch[k])
        st["my"] -= 4
    main_para(s["sections"]["inc"], "DV-B", 9.5, HexColor("#03363D"), gap=3)
    for k in ("inc_location", "inc_summary"):
        if lab.get(k):
            main_field(lab[k], case.answers[k])
    main_para(s["sections"]["crit"], "DV-B", 9.5, HexColor("#03363D"), gap=3)
    for k in top_keys(s, "crit"):
        main_field(lab[k], case.answers[k])
    main_para(s["sections"]["ag"], "DV-B", 9.5, HexColor("#03363D"), gap=3)
    if case.agencies:
        for ag in case.agencies:
            parts = [x for x in (ag["name"], ag["agency"], ag["contact"]) if x]
            main_para("- " + " / ".join(parts), indent=6, gap=2)
    else:
        main_para("None known", indent=6)
    st["my"] -= 4
    main_para(s["sections"]["conc"], "DV-B", 9.5, HexColor("#03363D"), gap=3)
    for k in top_keys(s, "conc"):
        main_field(lab[k], case.answers[k])
    st["my"] -= 8
    # internal note and events (not part of the form)
    note_date = ref_date + dt.timedelta(days=rng.choice([0, 1]))
    main_need(60)
    y0 = st["my"]
    c.setFillColor(HexColor("#FEF3C7"))
    c.rect(MX0, y0 - 46, MX1 - MX0, 46, stroke=0, fill=1)
    pdf.text(MX0 + 6, y0 - 12, f"Internal note - {agent} - {fmt_date(note_date, 'abbr')} {hh + 1:02d}:05", "DV-B", 7.5)
    pdf.text(MX0 + 6, y0 - 25, f"Forwarded to {s['p_email']}. Called {rng.choice(['police', 'EDT', 'the DSL'])} "
             f"to confirm receipt.", "DV", 7.5)
    pdf.text(MX0 + 6, y0 - 37, "Do not reply to the requester with case details.", "DV", 7.5)
    st["my"] -= 56
    main_para("Events", "DV-B", 8.5, gap=2)
    for i in range(3):
        ev_d = ref_date + dt.timedelta(days=i // 2)
        main_para(f"{fmt_date(ev_d, 'abbr')} {hh + i:02d}:{(13 * i + 7) % 60:02d}  "
                  f"{['Ticket created via web form', 'Assignee changed to ' + agent, 'Status changed to Pending'][i]}",
                  "DV", 7.2, HexColor("#6B7280"), gap=1)
    data = pdf.finish()
    return data, pdf.regions, {"ticket": ticket, "sidebar": "referrer, lead, incident dates, type, police, panel, decoys",
                               "agent": agent}


# ============================================================================================ P-INSPECTION

def render_inspection(case: Case, rng: random.Random) -> tuple[bytes, list, dict]:
    s = case.sender
    lab = s["labels"]
    pdf = Pdf(s["form_title"], s["short"], "iText 7.2.5 (AGPL)", "Inspection app web export")
    c = pdf.c
    W, H = pdf.W, pdf.H
    ref_date = case.answers["ref_date"].date
    hh, mm = rng.randrange(8, 18), rng.randrange(0, 60)
    X0, X1 = 40.0, 555.0
    st = {"y": H - 60.0}
    chip_col = {"yes": HexColor("#13855C"), "no": HexColor("#D92D20"), "third": HexColor("#667085")}
    flagged_keys = []

    def header_footer() -> None:
        pdf.text(X0, H - 30, f"{s['short']}  -  {s['form_title']}", "DV", 7.5, HexColor("#667085"))
        pdf.text(X0, 22, "Private & confidential", "DV", 7, HexColor("#98A2B3"))
        pdf.text(X1 - 40, 22, f"{pdf.page + 1}", "DV", 7, HexColor("#98A2B3"))

    def need(h: float) -> None:
        if st["y"] - h < 46:
            pdf.new_page()
            header_footer()
            st["y"] = H - 50

    def chip(word: str, key: str, x_right: float, y: float) -> None:
        w = c.stringWidth(word, "DV-B", 8) + 14
        c.setFillColor(chip_col.get(key, HexColor("#1570EF")))
        c.roundRect(x_right - w, y - 3, w, 13, 3, stroke=0, fill=1)
        pdf.text(x_right - w + 7, y, word, "DV-B", 8, white)
        pdf.region(x_right - w - 2, y + 12, x_right + 2, y - 5)

    def question(q: str, a: A | None, text: str | None = None) -> None:
        qlines = wrap(q, "DV", 8.8, 300)
        val = text if text is not None else (value_text(case, a) if a else "")
        long = a is not None and (a.kind in ("paras", "lines") or len(val) > 38 or "\n" in val)
        vlines = wrap(val, "DV", 8.8, X1 - X0 - 24) if (long and val) else []
        h = 11 * len(qlines) + (11 * len(vlines) + 10 if vlines else 0) + 10
        need(h)
        y0 = st["y"]
        for i, ln in enumerate(qlines):
            pdf.text(X0 + 8, y0 - 10 - 11 * i, ln, "DV", 8.8, HexColor("#101828"))
        if a is not None and a.kind in ("tri", "gender", "itype") and a.choice:
            chip(case.word(a), a.choice if a.kind == "tri" else "x", X1 - 6, y0 - 10)
        elif val and not long:
            tw = c.stringWidth(val, "DV", 8.8)
            pdf.text(X1 - 6 - tw, y0 - 10, val, "DV", 8.8, HexColor("#101828"))
            pdf.region(X1 - 8 - tw, y0 + 1, X1, y0 - 13)
        yy = y0 - 11 * len(qlines) - 6
        if vlines:
            c.setFillColor(HexColor("#F2F4F7"))
            c.rect(X0 + 8, yy - 11 * len(vlines) - 4, X1 - X0 - 14, 11 * len(vlines) + 6, stroke=0, fill=1)
            for ln in vlines:
                pdf.text(X0 + 14, yy - 9, ln, "DV", 8.8, HexColor("#101828"))
                yy -= 11
            pdf.region(X0 + 6, y0 - 11 * len(qlines) - 4, X1, yy - 6)
            yy -= 6
        c.setStrokeColor(HexColor("#EAECF0"))
        c.setLineWidth(0.6)
        c.line(X0, yy - 2, X1, yy - 2)
        st["y"] = yy - 6

    def section(title: str, answered: int, total: int) -> None:
        need(40)
        y0 = st["y"] - 6
        c.setFillColor(HexColor("#EEF4FF"))
        c.rect(X0, y0 - 18, X1 - X0, 18, stroke=0, fill=1)
        pdf.text(X0 + 8, y0 - 12.5, title, "DV-B", 9.5, HexColor("#1D2939"))
        txt = f"{answered}/{total} ({int(round(100 * answered / max(total, 1)))}%)"
        pdf.text(X1 - 8 - c.stringWidth(txt, "DV", 8), y0 - 12.5, txt, "DV", 8, HexColor("#475467"))
        st["y"] = y0 - 24

    def answered(items: list[A]) -> int:
        return sum(0 if a.blank else 1 for a in items)

    # flagged items: yes to police / died / abuse and per-child CP plan
    for k in ("inc_police", "cr_died", "cr_abuse"):
        if lab.get(k) and case.answers[k].choice == "yes":
            flagged_keys.append((s["sections"]["inc" if k == "inc_police" else "crit"], lab[k], case.answers[k]))
    for ci, ch in enumerate(case.children):
        if lab.get("c_cp") and ch["c_cp"].choice == "yes":
            flagged_keys.append((f"{s['sections']['child']} / Child {ci + 1}", lab["c_cp"], ch["c_cp"]))
    # ---- cover page
    header_footer()
    pdf.text(X0, H - 70, s["short"].upper(), "DV-B", 9, HexColor("#1570EF"))
    pdf.text(X0, H - 92, s["form_title"], "DV-B", 15, HexColor("#101828"))
    by = H - 150
    for i, (big, small) in enumerate([("n/a", "Score"), (str(len(flagged_keys)), "Flagged items"),
                                      (str(rng.randrange(0, 3)), "Actions")]):
        bx = X0 + i * 172
        c.setStrokeColor(HexColor("#D0D5DD"))
        c.roundRect(bx, by, 160, 40, 5, stroke=1, fill=0)
        pdf.text(bx + 10, by + 20, big, "DV-B", 14, HexColor("#101828"))
        pdf.text(bx + 10, by + 7, small, "DV", 8, HexColor("#667085"))
    yy = by - 24
    meta = [("Site", f"{s['short']}"), ("Conducted on", f"{fmt_date(ref_date, 'abbr')} {hh:02d}:{mm:02d} GMT"),
            ("Prepared by", case.answers["ref_name"].text()), ("Location", f"{s['town']}, United Kingdom"),
            ("Template", f"{s['form_ref']} (v{rng.randrange(3, 9)})")]
    for k, v in meta:
        pdf.text(X0, yy, k, "DV", 8.5, HexColor("#667085"))
        pdf.text(X0 + 120, yy, v, "DV", 8.5, HexColor("#101828"))
        yy -= 14
    st["y"] = yy - 10
    pdf.text(X0, st["y"], guidance(case)[:120] + "...", "DV-I", 7, HexColor("#98A2B3"))
    st["y"] -= 16
    if flagged_keys:
        section("Flagged items", len(flagged_keys), len(flagged_keys))
        for path, q, a in flagged_keys:
            question(f"{path} > {q}", a)
    # ---- audit sections
    for sec in ("ref", "lead", "child", "inc", "crit", "panel", "ag", "conc", "decoy"):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            keys = top_keys(s, sec)
            section(s["sections"][sec], answered([case.answers[k] for k in keys]), len(keys))
            for k in keys:
                question(lab[k], case.answers[k])
        elif sec == "child":
            for ci, ch in enumerate(case.children):
                keys = child_keys(s)
                section(f"{s['sections']['child']} - Child {ci + 1}", answered([ch[k] for k in keys]), len(keys))
                for k in keys:
                    question(lab[k], ch[k])
        elif sec == "ag":
            if not case.agencies:
                section(s["sections"]["ag"], 0, 0)
                question("No agencies added", None, "")
            for ai, ag in enumerate(case.agencies):
                section(f"{s['sections']['ag']} - {ai + 1}", sum(1 for x in ag.values() if x), 3)
                for col, key in zip(s["ag_cols"], ("name", "agency", "contact")):
                    question(col, A("text", ag[key], ag[key]))
        elif sec == "decoy":
            section(s["sections"]["decoy"], len(case.decoys), len(case.decoys))
            for dl, dvv in case.decoys:
                question(dl, A("text", dvv, dvv))
            need(80)
            pdf.text(X0 + 8, st["y"] - 10, "Media", "DV-B", 8.5)
            for i in range(rng.randrange(1, 4)):
                bx = X0 + 8 + i * 90
                c.setFillColor(HexColor("#D0D5DD"))
                c.rect(bx, st["y"] - 70, 80, 52, stroke=0, fill=1)
                pdf.text(bx, st["y"] - 80, f"IMG_{rng.randrange(1000, 9999)}.jpg", "DV", 6.5, HexColor("#667085"))
            st["y"] -= 92
    need(70)
    section("Sign-off", 2, 2)
    question("Name and signature", None, case.answers["ref_name"].text())
    c.setStrokeColor(HexColor("#101828"))
    pth = c.beginPath()
    x, y = X1 - 150, st["y"] - 12
    pth.moveTo(x, y)
    for i in range(12):
        pth.curveTo(x + 4, y + 10, x + 8, y - 8, x + 12, y + rng.randrange(-3, 4))
        x += 10
    c.drawPath(pth, stroke=1, fill=0)
    st["y"] -= 26
    data = pdf.finish()
    return data, pdf.regions, {"flagged_items": len(flagged_keys), "conducted": f"{hh:02d}:{mm:02d}"}


# ============================================================================================ P-CLINLETTER

def render_clinletter(case: Case, rng: random.Random) -> tuple[bytes, list, dict]:
    s = case.sender
    lab = s["labels"]
    system = {"coldharbour_pcn": "EMIS Web", "denholme_registrars": "RON Registration Online",
              "halvergate_ts": "Tascomi", "pendlestone_rangers": "Ranger Log", "moonforge_games": "SafetyDesk",
              "jumpwell_trampoline": "Rollerworld Booking Suite", "ironlotus_studio": "StudioHub",
              "pedalwise_cycling": "PedalTrack"}[s["key"]]
    pdf = Pdf(f"Letter - {s['form_title']}", case.answers["ref_name"].text() or s["short"],
              "Microsoft: Print To PDF", f"{system} letter writer")
    c = pdf.c
    W, H = pdf.W, pdf.H
    ref_date = case.answers["ref_date"].date
    X0, X1 = 56.0, 540.0
    LW = 190.0
    st = {"y": 0.0}
    c1 = case.children[0]
    name = c1["_name_truth"]
    dob_txt = c1["c_dob"].text() if (c1["c_dob"].shown and not c1["c_dob"].filler) else "not recorded"
    addr = ", ".join(c1["c_address"].shown) if isinstance(c1["c_address"].shown, list) else "not recorded"
    case_ref = f"{s['postcode']}{rng.randrange(100000, 999999)}"
    banner = f"RE: {name}   DOB: {dob_txt}   {addr}   Ref: {case_ref}"

    def page_furniture() -> None:
        c.setFillColor(HexColor("#E8EEF7"))
        c.rect(X0 - 6, H - 58, X1 - X0 + 12, 20, stroke=0, fill=1)
        bl = simpleSplit(banner, "DV-B", 7.5, X1 - X0)
        pdf.text(X0, H - 50, bl[0], "DV-B", 7.5, HexColor("#1F3864"))
        pdf.text(X0, 30, f"{s['marking']}   -   Printed from {system} on {fmt_date(ref_date, 'dmy_slash')}   -   "
                 f"Page {pdf.page + 1}", "DV", 6.8, HexColor("#666666"))
        st["y"] = H - 76

    def need(h: float) -> None:
        if st["y"] - h < 50:
            pdf.new_page()
            page_furniture()

    def para(text: str, font="DVS", size=9.5, gap=7.0, x=X0, width=None, reg=False) -> None:
        lines = wrap(text, font, size, (width or (X1 - x)))
        for ln in lines:
            need(size + 3)
            pdf.text(x, st["y"] - size, ln, font, size)
            if reg and ln:
                pdf.region(x - 1, st["y"] + 1, X1, st["y"] - size - 3)
            st["y"] -= size + 3
        st["y"] -= gap

    def kv(label: str, a: A) -> None:
        val = value_text(case, a)
        if a.kind == "paras":
            para(label, "DVS-B", 9.5, gap=2)
            for pp in a.shown or []:
                para(pp, reg=True)
            return
        llines = wrap(label, "DVS-B", 9, LW - 8)
        vlines = wrap(val, "DVS", 9, X1 - X0 - LW) if val else []
        h = max(len(llines), len(vlines), 1) * 11.5 + 3
        need(h)
        y0 = st["y"]
        for i, ln in enumerate(llines):
            pdf.text(X0, y0 - 9 - 11.5 * i, ln, "DVS-B", 9)
        for i, ln in enumerate(vlines):
            pdf.text(X0 + LW, y0 - 9 - 11.5 * i, ln, "DVS", 9)
        if vlines:
            pdf.region(X0 + LW - 1, y0 + 1, X1, y0 - 11.5 * len(vlines) - 2)
        st["y"] -= h

    def heading(text: str) -> None:
        need(30)
        st["y"] -= 5
        pdf.text(X0, st["y"] - 10, text, "DVS-B", 10.5, HexColor("#1F3864"))
        c.setStrokeColor(HexColor("#1F3864"))
        c.setLineWidth(0.5)
        c.line(X0, st["y"] - 13, X1, st["y"] - 13)
        st["y"] -= 20

    page_furniture()
    pdf.text(X1 - c.stringWidth(s["org"], "DVS-B", 10), st["y"] - 4, s["org"], "DVS-B", 10)
    pdf.text(X1 - c.stringWidth(s["town"], "DVS", 9), st["y"] - 16, s["town"], "DVS", 9)
    st["y"] -= 40
    para(f"{s['p_short']} Business Unit\n{s['partnership']}\n{s['p_email']}", gap=10)
    para(f"Our ref: {case_ref}", gap=2)
    kv(lab["ref_date"], case.answers["ref_date"])
    st["y"] -= 8
    para("Dear colleague,", gap=6)
    para(f"Please accept this letter as our referral to the {s['partnership']} for consideration of a Rapid Review. "
         f"The information below has been taken from our records using the {s['form_ref']} template.", gap=10)
    for sec in ("ref", "lead", "child", "inc", "crit", "panel", "ag", "conc", "decoy"):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            heading(s["sections"][sec])
            for k in top_keys(s, sec):
                if k == "ref_date":
                    continue
                kv(lab[k], case.answers[k])
        elif sec == "child":
            for ci, ch in enumerate(case.children):
                heading(s["sections"]["child"] + (f" {ci + 1} of {len(case.children)}" if len(case.children) > 1 else ""))
                for k in child_keys(s):
                    kv(lab[k], ch[k])
        elif sec == "ag":
            heading(s["sections"]["ag"])
            cw = [150.0, 170.0, X1 - X0 - 320.0]
            need(16)
            x = X0
            for i, h in enumerate(s["ag_cols"]):
                pdf.text(x, st["y"] - 9, h, "DVS-B", 8.8)
                x += cw[i]
            st["y"] -= 14
            if not case.agencies:
                para("No other agencies recorded.", size=9)
            for ag in case.agencies:
                cells = [wrap(ag[k] or "", "DVS", 8.8, cw[i] - 6) for i, k in enumerate(("name", "agency", "contact"))]
                h = max(len(x) for x in cells) * 11 + 3
                need(h)
                x = X0
                for i, lines in enumerate(cells):
                    for j, ln in enumerate(lines):
                        pdf.text(x, st["y"] - 9 - 11 * j, ln, "DVS", 8.8)
                    if any(lines):
                        pdf.region(x - 1, st["y"] + 1, x + cw[i] - 2, st["y"] - h)
                    x += cw[i]
                st["y"] -= h
        elif sec == "decoy":
            heading(f"Recent record entries ({s['sections']['decoy']})")
            for dl, dvv in case.decoys:
                kv(dl, A("text", dvv, dvv))
    st["y"] -= 10
    para("Yours faithfully,", gap=18)
    nm = case.answers["ref_name"].text()
    para(f"{nm}\n{case.answers['ref_role'].text()}\n{case.answers['ref_agency'].text()}".strip(), font="DVS", gap=4)
    para(f"Electronically signed by {nm} on {fmt_date(ref_date, 'abbr_dash')}", "DV-I", 7.5, gap=6)
    para(f"cc: {rng.choice(['Named Nurse for Safeguarding', 'Head of Service', 'Practice Manager'])} (file copy)", "DVS", 8)
    data = pdf.finish()
    return data, pdf.regions, {"system": system, "banner": "child 1 name, DOB, address and a case ref on every page"}


PDF_LAYOUTS = {
    "P-CHATBOT": render_chatbot,
    "P-SCANFILL": render_scanfill,
    "P-TICKET": render_ticket,
    "P-INSPECTION": render_inspection,
    "P-CLINLETTER": render_clinletter,
}
