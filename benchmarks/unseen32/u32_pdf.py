"""The five PDF layouts of unseen32.

P-MISNAMED       a fillable form made by Acrobat's field detection: captions printed under the boxes, every
                 field named (and tooltipped) after the text above it - the previous box's caption
P-FORMATSCRIPTS  a fillable form whose date and phone fields carry Acrobat format scripts: /V holds what was
                 typed, the appearance shows the formatted value
P-INLINEMARKUP   a Word form printed to PDF with its tracked changes shown inline (struck / underlined)
P-RUNINBOLD      a case system's compact print: run-in fields, the bold font the only label marker
P-ENSCRIPT       a plain-text export printed through GNU enscript and Ghostscript, long lines hard-wrapped
"""

from __future__ import annotations

import datetime as dt
import io
import random

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import u32_model as M
from u32_docx import answer_lines, chosen_word, guidance_text, option_hint, section_title
from u32_model import Form, Item, fmt_date

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
for _n, _f in [("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"), ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf"),
               ("DejaVuSerif", "DejaVuSerif.ttf"), ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
               ("DejaVuCond", "DejaVuSansCondensed.ttf"), ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(_n, FONT_DIR + _f))

PW, PH = A4


def hex_rgb(h: str) -> tuple[float, float, float]:
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def two_pass(path, draw) -> int:
    """draw(canvas, total_pages_or_None) -> page count; drawn twice so 'Page n of N' is right."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    n = draw(c, None)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    n2 = draw(c, n)
    assert n == n2
    return n


class Flow:
    """A top-down page writer with furniture on every page."""

    def __init__(self, c: canvas.Canvas, total, furniture, top=PH - 70, bottom=60, left=42, right=PW - 42):
        self.c, self.total, self.furniture = c, total, furniture
        self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.page = 1
        self.y = top
        furniture(c, self.page, total)

    def need(self, h: float):
        if self.y - h < self.bottom:
            self.new_page()

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        self.furniture(self.c, self.page, self.total)

    def finish(self) -> int:
        self.c.showPage()
        self.c.save()
        return self.page


def set_info(c: canvas.Canvas, title: str, author: str, creator: str, producer: str, subject: str = ""):
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(creator)
    c.setProducer(producer)
    c.setSubject(subject)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    if not text:
        return [""]
    return simpleSplit(text, font, size, width) or [""]


def ap_lines(value: str, w: float, size: float = 9) -> list[str]:
    """The lines a viewer draws for a multi-line field value (paragraphs split by a blank line)."""
    shown = []
    for i, para_ in enumerate(value.split("\n\n") if value else []):
        if i:
            shown.append("")
        for ln in para_.split("\n"):
            shown.extend(wrap(ln, "Helvetica", size, w - 8))
    return shown


def acro_text(af, post: dict, name: str, tooltip: str, value: str, x, y, w, h, multiline: bool, size: float = 9):
    """A text field; a multi-line value is drawn wrapped (as a viewer would) and /V is set to the typed value;
    a single-line value too long for its box is drawn smaller, as an auto-size field is."""
    if multiline:
        display = "\n".join(ap_lines(value, w, size))
        post.setdefault(name, {})["V"] = value.replace("\n", "\r")
    else:
        display = value
        if value:
            fit = (w - 7) / pdfmetrics.stringWidth(value, "Helvetica", 1)
            size = max(4.5, min(size, round(fit, 1)))
    af.textfield(name=name, tooltip=tooltip, value=display, x=x, y=y, width=w, height=h,
                 fieldFlags="multiline" if multiline else "", maxlen=0, borderWidth=0.6,
                 fontName="Helvetica", fontSize=size)


def fix_fields(path, post: dict, producer: str, creator: str, auto_size: bool = False):
    """Write the typed values (/V), scripts (/AA) and the real producer; drop reportlab's /DV."""
    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for a in page.get("/Annots", []):
            o = a.get_object()
            if "/DV" in o:
                del o["/DV"]
            if auto_size and o.get("/FT") == "/Tx" and not (int(o.get("/Ff", 0)) & 4096):
                o[NameObject("/DA")] = TextStringObject("/Helv 0 Tf 0 g")
            nm = o.get("/T")
            if nm in post:
                p = post[nm]
                if "V" in p:
                    o[NameObject("/V")] = TextStringObject(p["V"])
                if "F" in p:
                    aa = DictionaryObject()
                    for key in ("F", "K"):
                        js = DictionaryObject()
                        js[NameObject("/S")] = NameObject("/JavaScript")
                        js[NameObject("/JS")] = TextStringObject(p[key])
                        aa[NameObject("/" + key)] = js
                    o[NameObject("/AA")] = aa
    writer.add_metadata({"/Producer": producer, "/Creator": creator})
    with open(path, "wb") as f:
        writer.write(f)


# ---------------------------------------------------------------------------------------------
# P-MISNAMED

def p_misnamed(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    dark = hex_rgb(s["dark"])
    stats = {"text_fields": 0, "check_boxes": 0, "misnamed": 0, "named_after_section": 0}
    names_used: dict[str, int] = {}
    cap_font, cap_size = "DejaVu", 7.2
    producer = rng.choice(["Adobe Acrobat Pro (64-bit) 24.2.20759", "Adobe Acrobat Pro (64-bit) 23.8.20470"])
    creator = rng.choice(["Acrobat PDFMaker 24 for Word", "Microsoft® Word for Microsoft 365"])
    post: dict[str, dict] = {}
    section_titles = {section_title(form, sec) for sec in form.sections} | {"For partnership use only"}

    def uniq(name: str) -> str:
        name = " ".join(name.replace("\n", " ").split())[:60].rstrip(" :?")
        k = names_used.get(name, 0) + 1
        names_used[name] = k
        return name if k == 1 else f"{name}_{k}"

    def draw(c, total):
        names_used.clear()
        post.clear()
        for k in list(stats):
            stats[k] = 0
        set_info(c, f"{s['title']}", form.meta["referrer"], creator, producer)

        def furniture(cv, page, tot):
            cv.setFont("DejaVu-Bold", 8)
            cv.setFillColorRGB(0.75, 0, 0)
            cv.drawString(42, PH - 34, s["marking"])
            cv.setFillColorRGB(0.3, 0.3, 0.3)
            cv.setFont("DejaVu", 8)
            cv.drawRightString(PW - 42, PH - 34, s["partnership"])
            cv.drawString(42, 30, f"{s['form_ref']}")
            cv.drawRightString(PW - 42, 30, f"Page {page} of {tot or '?'}")
            cv.setFillColorRGB(0, 0, 0)

        fl = Flow(c, total, furniture)
        af = c.acroForm
        prev_caption = {"left": s["sections"]["ref"], "right": s["sections"]["ref"], "full": s["sections"]["ref"]}

        def text(x, y, t, font="DejaVu", size=9, color=(0, 0, 0)):
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawString(x, y, t)
            c.setFillColorRGB(0, 0, 0)

        c.setFont("DejaVu-Bold", 15)
        c.setFillColorRGB(*dark)
        for line in wrap(s["title"], "DejaVu-Bold", 15, PW - 84):
            c.drawString(42, fl.y, line)
            fl.y -= 19
        c.setFillColorRGB(0, 0, 0)
        for line in wrap(guidance_text(form), "DejaVu-Oblique", 8, PW - 84):
            text(42, fl.y, line, "DejaVu-Oblique", 8)
            fl.y -= 10.5
        fl.y -= 6

        def section_bar(title):
            fl.need(40)
            c.setFillColorRGB(*dark)
            c.rect(42, fl.y - 14, PW - 84, 17, stroke=0, fill=1)
            text(48, fl.y - 9.5, title, "DejaVu-Bold", 9.5, (1, 1, 1))
            fl.y -= 24
            for k in prev_caption:
                prev_caption[k] = title

        def field(x, w, h, value, caption, col, multiline=False):
            """A box with its caption printed under it; named after the text above it."""
            nm = uniq(prev_caption[col])
            if prev_caption[col] != caption:
                stats["misnamed"] += 1
            if prev_caption[col] in section_titles:
                stats["named_after_section"] += 1
            stats["text_fields"] += 1
            acro_text(af, post, nm, nm, value or "", x, fl.y - h, w, h, multiline)
            cy = fl.y - h - 9
            for i, line in enumerate(wrap(caption, cap_font, cap_size, w)):
                text(x, cy - i * 8.5, line, cap_font, cap_size, (0.25, 0.25, 0.25))
            prev_caption[col] = caption
            return h + 12 + 8.5 * len(wrap(caption, cap_font, cap_size, w))

        def checkrow(it: Item, x, w, col):
            # options in a row (itype: a column), each box named after the word beside it; caption under the row
            opts = it.options
            y0 = fl.y
            if it.ctype == "itype":
                for i, o in enumerate(opts):
                    stats["check_boxes"] += 1
                    nm = uniq(o)
                    af.checkbox(name=nm, tooltip=nm, x=x, y=y0 - 11 - i * 14, size=10, checked=(it.value == i),
                                fieldFlags="", buttonStyle="check", borderWidth=0.6)
                    text(x + 14, y0 - 9.5 - i * 14, o, "DejaVu", 8.5)
                used = 14 * len(opts)
            else:
                cx = x
                for i, o in enumerate(opts):
                    stats["check_boxes"] += 1
                    nm = uniq(o)
                    af.checkbox(name=nm, tooltip=nm, x=cx, y=y0 - 11, size=10, checked=(it.value == i),
                                fieldFlags="", buttonStyle="check", borderWidth=0.6)
                    text(cx + 13, y0 - 9.5, o, "DejaVu", 8.5)
                    cx += 13 + pdfmetrics.stringWidth(o, "DejaVu", 8.5) + 12
                used = 14
            cy = y0 - used - 8
            caps = wrap(it.label, cap_font, cap_size, w)
            for i, line in enumerate(caps):
                text(x, cy - i * 8.5, line, cap_font, cap_size, (0.25, 0.25, 0.25))
            prev_caption[col] = it.label
            return used + 12 + 8.5 * len(caps)

        colw = (PW - 84 - 14) / 2
        for sec in form.sections:
            section_bar(section_title(form, sec))
            pending = []  # short items waiting to be paired

            def place_pair(pair):
                hs = []
                for it in pair:
                    lines = [wrap(it.label, cap_font, cap_size, colw)]
                    hs.append(18 + 12 + 8.5 * len(lines[0]) if it.kind != "choice" else
                              (14 * (len(it.options) if it.ctype == "itype" else 1) + 12 + 8.5 * len(lines[0])))
                fl.need(max(hs) + 4)
                used = []
                for j, it in enumerate(pair):
                    x = 42 + j * (colw + 14)
                    col = "left" if j == 0 else "right"
                    if it.kind == "choice":
                        used.append(checkrow(it, x, colw, col))
                    else:
                        used.append(field(x, colw, 18, " ".join(answer_lines(it)), it.label, col))
                fl.y -= max(used) + 4

            for it in sec.items:
                if it.kind in ("paras", "lines") or (it.kind == "text" and it.key in ("k_reason", "concerns")):
                    if pending:
                        place_pair(pending)
                        pending = []
                    if it.kind == "paras":
                        val = "\n\n".join(it.value)
                    elif it.kind == "lines":
                        val = "\n".join(it.value)
                    else:
                        val = it.value or ""
                    nlines = max(3 if it.kind == "lines" else 2, len(ap_lines(val, PW - 84)))
                    h = 11 * nlines + 8
                    fl.need(h + 24)
                    used = field(42, PW - 84, h, val, it.label, "full", multiline=True)
                    prev_caption["left"] = prev_caption["right"] = it.label
                    fl.y -= used + 4
                    continue
                if it.kind == "agencies":
                    if pending:
                        place_pair(pending)
                        pending = []
                    widths = [(PW - 84) * f for f in (0.32, 0.38, 0.30)]
                    fl.need(60)
                    text(42, fl.y - 8, it.label, "DejaVu-Bold", 8.5)
                    fl.y -= 14
                    x = 42
                    for (k, t), w in zip(it.cols, widths):
                        c.setFillColorRGB(0.92, 0.92, 0.92)
                        c.rect(x, fl.y - 14, w, 14, stroke=1, fill=1)
                        text(x + 3, fl.y - 10, t, "DejaVu-Bold", 8)
                        x += w
                    fl.y -= 14
                    rows = it.value + [None] * max(1, 4 - len(it.value))
                    for ri, row in enumerate(rows):
                        fl.need(18)
                        x = 42
                        for (k, t), w in zip(it.cols, widths):
                            nm = uniq(f"{t.split()[0].rstrip('/')}Row{ri + 1}")
                            stats["text_fields"] += 1
                            acro_text(af, post, nm, nm, (row or {}).get(k) or "", x, fl.y - 16, w, 16, False, 8)
                            x += w
                        fl.y -= 16
                    fl.y -= 8
                    for k in prev_caption:
                        prev_caption[k] = it.cols[0][1]
                    continue
                pending.append(it)
                if len(pending) == 2:
                    place_pair(pending)
                    pending = []
            if pending:
                place_pair(pending)
        section_bar("For partnership use only")
        for lab in ["Date received", "Partnership reference"]:
            fl.need(40)
            fl.y -= field(42, colw, 18, "", lab, "left") + 4
        return fl.finish()

    pages = two_pass(path, draw)
    fix_fields(path, post, producer, creator, auto_size=True)
    stats["pages"] = pages
    return stats


# ---------------------------------------------------------------------------------------------
# P-FORMATSCRIPTS

ACRO_DATE_FORMATS = [("dd mmm yyyy", "acro_dd_mmm_yyyy"), ("dddd, d mmmm yyyy", "acro_long"), ("d mmmm yyyy", "acro_d_mmmm_yyyy")]
RAW_TYPED = ["raw_short2", "dmy_slash", "raw_dots2", "raw_dash", "dmy_slash_short"]


def phone_mask(digits: str) -> str | None:
    if digits.startswith("+"):
        return None
    if digits.startswith("020"):
        return "999 9999 9999"
    if digits.startswith("01632") or digits.startswith("07"):
        return "99999 999999"
    return "9999 999 9999"


def apply_mask(mask: str, digits: str) -> str:
    out, i = [], 0
    for ch in mask:
        if ch == "9":
            out.append(digits[i])
            i += 1
        else:
            out.append(ch)
    return "".join(out)


def p_formatscripts(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    dark = hex_rgb(s["dark"])
    afmt, astyle = rng.choice(ACRO_DATE_FORMATS)
    stats = {"date_fields_formatted": 0, "phone_fields_masked": 0, "acro_format": afmt, "text_fields": 0, "check_boxes": 0}
    post: dict[str, dict] = {}   # field name -> {"V": raw, "F": js, "K": js}
    producer = rng.choice(["Adobe Acrobat Pro (64-bit) 24.4.20220", "Adobe Acrobat Pro 2020 20.5.30636"])
    creator = "Adobe Acrobat Pro (64-bit) 24.4.20220" if producer.endswith("20220") else "Adobe Acrobat Pro 2020 20.5.30636"
    lab_w = rng.choice([170, 190, 210])
    counter = {"n": 0}

    def fname(key: str, sec) -> str:
        counter["n"] += 1
        base = {"date_of_referral": "dtReferral", "i_date": "dtIncident", "i_la": "dtLAAware", "p_date": "dtPanel",
                "c_dob": "dtDOB", "c_dod": "dtDOD"}.get(key, key)
        if sec.child is not None:
            base = f"C{sec.child + 1}_{base}"
        return f"{base}"

    def draw(c, total):
        post.clear()
        for k in ("date_fields_formatted", "phone_fields_masked", "text_fields", "check_boxes"):
            stats[k] = 0
        set_info(c, s["title"], form.meta["referrer"], creator, producer)

        def furniture(cv, page, tot):
            cv.setFont("DejaVu-Bold", 8)
            cv.setFillColorRGB(0.75, 0, 0)
            cv.drawCentredString(PW / 2, PH - 32, s["marking"])
            cv.setFillColorRGB(0.3, 0.3, 0.3)
            cv.setFont("DejaVu", 7.5)
            cv.drawString(42, 28, f"{s['partnership']} - {s['form_ref']}")
            cv.drawRightString(PW - 42, 28, f"{page} / {tot or '?'}")
            cv.setFillColorRGB(0, 0, 0)

        fl = Flow(c, total, furniture)
        af = c.acroForm

        def text(x, y, t, font="DejaVu", size=9, color=(0, 0, 0)):
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawString(x, y, t)
            c.setFillColorRGB(0, 0, 0)

        for line in wrap(s["title"], "DejaVu-Bold", 14, PW - 84):
            text(42, fl.y, line, "DejaVu-Bold", 14, dark)
            fl.y -= 18
        text(42, fl.y, s["partnership"], "DejaVu-Bold", 9.5)
        fl.y -= 14
        for line in wrap(guidance_text(form) + " Dates and telephone numbers are formatted automatically when you leave the box.",
                         "DejaVu-Oblique", 8, PW - 84):
            text(42, fl.y, line, "DejaVu-Oblique", 8)
            fl.y -= 10.5
        fl.y -= 4
        fx = 42 + lab_w + 8
        fw = PW - 42 - fx
        for sec in form.sections:
            fl.need(50)
            c.setFillColorRGB(*dark)
            c.rect(42, fl.y - 14, PW - 84, 17, stroke=0, fill=1)
            text(48, fl.y - 9.5, section_title(form, sec), "DejaVu-Bold", 9.5, (1, 1, 1))
            fl.y -= 22
            for it in sec.items:
                labl = wrap(it.label, "DejaVu-Bold", 8.2, lab_w)
                if it.kind == "agencies":
                    widths = [(PW - 84) * f for f in (0.3, 0.4, 0.3)]
                    fl.need(50)
                    text(42, fl.y - 8, it.label, "DejaVu-Bold", 8.5)
                    fl.y -= 13
                    x = 42
                    for (k, t), w in zip(it.cols, widths):
                        text(x + 2, fl.y - 9, t, "DejaVu-Bold", 8)
                        x += w
                    fl.y -= 12
                    for ri, row in enumerate(it.value + [None]):
                        fl.need(18)
                        x = 42
                        for (k, t), w in zip(it.cols, widths):
                            stats["text_fields"] += 1
                            acro_text(af, post, f"agency{ri + 1}_{k}", f"{t} (row {ri + 1})", (row or {}).get(k) or "",
                                      x, fl.y - 16, w - 2, 15, False, 8)
                            x += w
                        fl.y -= 17
                    fl.y -= 6
                    continue
                if it.kind == "choice":
                    opts = it.options
                    if it.ctype == "itype":
                        h = max(14 * len(opts), 10 * len(labl)) + 4
                    else:
                        h = max(16, 10 * len(labl)) + 4
                    fl.need(h)
                    for i, line in enumerate(labl):
                        text(42, fl.y - 9 - i * 10, line, "DejaVu-Bold", 8.2)
                    cx, cy = fx, fl.y - 12
                    for i, o in enumerate(opts):
                        stats["check_boxes"] += 1
                        nm = f"{fname(it.key, sec)}_{i + 1}"
                        af.checkbox(name=nm, tooltip=f"{it.label} - {o}", x=cx, y=cy, size=10, checked=(it.value == i),
                                    fieldFlags="", buttonStyle="cross", borderWidth=0.6)
                        text(cx + 13, cy + 1.5, o, "DejaVu", 8.5)
                        if it.ctype == "itype":
                            cy -= 14
                        else:
                            cx += 13 + pdfmetrics.stringWidth(o, "DejaVu", 8.5) + 14
                    fl.y -= h
                    continue
                # text-like
                multiline = it.kind in ("paras", "lines") or it.key in ("k_reason", "concerns")
                if it.kind == "paras":
                    val = "\n\n".join(it.value)
                elif it.kind == "lines":
                    val = "\n".join(it.value)
                else:
                    val = it.value or ""
                nl = max(3 if it.kind == "lines" else 1, len(ap_lines(val, fw))) + (1 if multiline else 0)
                h = max(16, 11 * nl + 5 if multiline else 16, 10 * len(labl) + 2)
                fl.need(h + 4)
                for i, line in enumerate(labl):
                    text(42, fl.y - 9 - i * 10, line, "DejaVu-Bold", 8.2)
                nm = fname(it.key, sec) if it.kind != "decoy" else f"ref{counter['n'] + 1}"
                counter["n"] += 1
                shown = val
                if it.kind == "date" and it.iso and not it.filler:
                    d = dt.date.fromisoformat(it.iso)
                    raw = fmt_date(d, rng.choice(RAW_TYPED))
                    shown = fmt_date(d, astyle)
                    post[nm] = {"V": raw, "F": f'AFDate_FormatEx("{afmt}");', "K": f'AFDate_KeystrokeEx("{afmt}");'}
                    stats["date_fields_formatted"] += 1
                    it.note = f"typed {raw!r}, shown {shown!r}"
                elif it.kind == "text" and it.key in ("ref_phone", "lead_phone") and it.value and not it.filler:
                    digits = M.phone_digits(it.value)
                    mask = phone_mask(digits)
                    if mask and len([ch for ch in mask if ch == "9"]) == len(digits):
                        shown = apply_mask(mask, digits)
                        post[nm] = {"V": digits, "F": f'event.value = util.printx("{mask}", event.value);',
                                    "K": 'AFSpecial_KeystrokeEx("OOOOOOOOOOOOOOOO");'}
                        stats["phone_fields_masked"] += 1
                        it.note = f"typed {digits!r}, shown {shown!r}"
                stats["text_fields"] += 1
                acro_text(af, post, nm, it.label, shown, fx, fl.y - h, fw, h, multiline)
                fl.y -= h + 4
        return fl.finish()

    pages = two_pass(path, draw)
    # the typed value goes into /V, the format and keystroke scripts into /AA
    fix_fields(path, post, producer, creator, auto_size=True)
    stats["pages"] = pages
    return stats


# ---------------------------------------------------------------------------------------------
# rich-line drawing shared by P-INLINEMARKUP and P-RUNINBOLD

def layout_tokens(tokens: list[tuple[str, dict]], width: float) -> list[list[tuple[str, dict]]]:
    """tokens: (word, style) with style {font, size, ...}; a word '\\n' forces a break. Returns lines."""
    lines, cur, w = [], [], 0.0
    for word, st in tokens:
        if word == "\n":
            lines.append(cur)
            cur, w = [], 0.0
            continue
        ww = pdfmetrics.stringWidth(word, st["font"], st["size"])
        sp = pdfmetrics.stringWidth(" ", st["font"], st["size"]) if cur else 0
        if cur and w + sp + ww > width:
            lines.append(cur)
            cur, w, sp = [], 0.0, 0
        cur.append((word, st))
        w += sp + ww
    if cur:
        lines.append(cur)
    return lines


def draw_line(c, x, y, line, space_after_label=False):
    for i, (word, st) in enumerate(line):
        if i:
            x += pdfmetrics.stringWidth(" ", st["font"], st["size"])
        col = st.get("color", (0, 0, 0))
        c.setFillColorRGB(*col)
        c.setFont(st["font"], st["size"])
        c.drawString(x, y, word)
        ww = pdfmetrics.stringWidth(word, st["font"], st["size"])
        nxt_same = i + 1 < len(line) and line[i + 1][1].get("mark") == st.get("mark")
        extra = pdfmetrics.stringWidth(" ", st["font"], st["size"]) if nxt_same else 0
        if st.get("mark") == "del":
            c.setStrokeColorRGB(*col)
            c.setLineWidth(0.6)
            c.line(x, y + st["size"] * 0.3, x + ww + extra, y + st["size"] * 0.3)
        elif st.get("mark") == "ins":
            c.setStrokeColorRGB(*col)
            c.setLineWidth(0.6)
            c.line(x, y - 1.4, x + ww + extra, y - 1.4)
        x += ww
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)


# ---------------------------------------------------------------------------------------------
# P-INLINEMARKUP

REV_TEXT_KEYS = ["ref_role", "ref_email", "ref_phone", "lead_name", "lead_phone", "lead_email", "c_school", "c_gp",
                 "c_eth", "i_loc", "c_legal", "c_dis", "c_other"]


def p_inlinemarkup(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    colours = [(0.75, 0.0, 0.0), (0.0, 0.35, 0.75), (0.55, 0.0, 0.55)]
    author = colours[rng.randrange(0, 3)]
    stats = {"revisions": 0, "struck_values": 0, "inserted_values": 0, "deleted_answers": 0, "summary_insert": 0,
             "summary_delete": 0, "agency_rows_inserted": 0, "agency_rows_deleted": 0, "choices_changed": 0}
    # choose revisions (old values are decoys)
    revs: dict[int, dict] = {}
    candidates = []
    for sec in form.sections:
        for it in sec.items:
            if it.kind in ("text", "date") and (it.key in REV_TEXT_KEYS or it.kind == "date") and it.path:
                candidates.append(it)
            if it.kind == "choice" and it.ctype == "yn":
                candidates.append(it)
    rng.shuffle(candidates)
    want = rng.randrange(3, 7)
    chosen = candidates[:want]
    if rng.random() < 0.5:
        # the reviewer deleted a wrong answer outright (nothing typed in its place)
        dels = [it for it in candidates if it.key in ("c_other", "c_dis", "c_legal", "c_eth") and it.kind == "text"
                and it.value and not it.filler and it not in chosen]
        if dels:
            it = dels[0]
            revs[id(it)] = {"old": it.value, "new": "", "kind": "delete"}
            it.value = ""
            stats["deleted_answers"] += 1
    for it in chosen:
        if it.kind == "choice":
            if it.value is None:
                continue
            old = rng.choice([i for i in range(3) if i != it.value])
            revs[id(it)] = {"old": it.options[old], "new": it.options[it.value], "kind": "choice"}
            stats["choices_changed"] += 1
            continue
        if it.kind == "date" and it.iso and not it.filler:
            d = dt.date.fromisoformat(it.iso)
            oldd = d + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2, 7]))
            revs[id(it)] = {"old": fmt_date(oldd, it.note if it.note in M.ALL_DATE_STYLES else form.sender["date_style"]),
                            "new": it.value, "kind": "replace"}
            continue
        if it.kind == "text" and it.value and not it.filler:
            old = {"ref_email": lambda v: v.replace("@", "1@") if "1@" not in v else v.replace("1@", "@"),
                   "lead_email": lambda v: v.split("@")[0] + "@" + rng.choice(["nhs.uk", "gov.uk", "org.uk"]),
                   "ref_phone": lambda v: M.phone(rng), "lead_phone": lambda v: M.phone(rng)}.get(
                it.key, lambda v: rng.choice(["TBC", "to follow", "not known", "see above", v.split()[0] + " (tbc)"]))(it.value)
            if old == it.value:
                old = "TBC"
            revs[id(it)] = {"old": old, "new": it.value, "kind": "replace"}
        elif it.kind == "text" and not it.value and not it.filler and it.key not in ("c_other",):
            pass
    # summary: an inserted sentence and/or a deleted sentence
    summary_rev = {}
    for sec in form.sections:
        for it in sec.items:
            if it.kind == "paras" and it.value:
                if rng.random() < 0.7:
                    pi = rng.randrange(len(it.value))
                    summary_rev["ins"] = (pi, rng.choice(["This was confirmed at the strategy discussion.",
                                                          "The family have been told about this referral.",
                                                          "Police have since confirmed the timeline.",
                                                          "School attendance had fallen to 61% this term."]))
                    it.value[pi] = it.value[pi] + " " + summary_rev["ins"][1]
                    stats["summary_insert"] += 1
                if rng.random() < 0.5:
                    pi = rng.randrange(len(it.value))
                    summary_rev["del"] = (pi, rng.choice(["The mother was said to be unaware of any concerns.",
                                                          "No previous referrals were found.",
                                                          "The child was thought to be staying with an aunt.",
                                                          "This has not yet been confirmed by the hospital."]))
                    stats["summary_delete"] += 1
    ag_rev = {}
    for sec in form.sections:
        for it in sec.items:
            if it.kind == "agencies":
                if it.value and rng.random() < 0.5:
                    ag_rev["ins"] = rng.randrange(len(it.value))
                    stats["agency_rows_inserted"] += 1
                if rng.random() < 0.45:
                    ag_rev["del"] = {"name": f"{rng.choice(M.ADULT_F + M.ADULT_M)} {rng.choice(M.ADULT_SUR)}",
                                     "agency": f"{rng.choice(s['places'])} Family Centre",
                                     "contact": M.phone(rng)}
                    stats["agency_rows_deleted"] += 1
    stats["revisions"] = len(revs) + len(summary_rev) + len(ag_rev)
    stats["struck_values"] = sum(1 for r in revs.values() if r["old"])
    stats["inserted_values"] = sum(1 for r in revs.values() if r["new"])
    word_ver = rng.choice(["Microsoft® Word for Microsoft 365", "Microsoft® Word 2019"])
    font, bold = rng.choice([("DejaVu", "DejaVu-Bold"), ("DejaVuSerif", "DejaVuSerif-Bold")])
    fsize = 9
    lab_w = rng.choice([150, 165, 180])
    dark = hex_rgb(s["dark"])
    normal = {"font": font, "size": fsize}
    dst = {"font": font, "size": fsize, "color": author, "mark": "del"}
    ist = {"font": font, "size": fsize, "color": author, "mark": "ins"}
    fname = f"{s['form_ref']} referral.docx".replace("/", "-")

    def toks(text: str, st: dict) -> list:
        return [(w, st) for w in text.split()]

    def answer_tokens(it: Item) -> list:
        r = revs.get(id(it))
        if it.kind == "choice":
            if r:
                return toks(r["old"], dst) + toks(r["new"], ist)
            return toks(chosen_word(it), normal) if it.value is not None else []
        if it.kind == "paras":
            out = []
            for pi, p in enumerate(it.value):
                if pi:
                    out += [("\n", normal), ("\n", normal)]
                ins = summary_rev.get("ins")
                dl = summary_rev.get("del")
                if ins and ins[0] == pi and p.endswith(ins[1]):
                    words = toks(p[: -len(ins[1])], normal) + toks(ins[1], ist)
                else:
                    words = toks(p, normal)
                if dl and dl[0] == pi:
                    # the deleted sentence stood after the paragraph's first sentence
                    cut = next((i for i, (w, st) in enumerate(words) if w.endswith(".") and st is normal), len(words) - 1)
                    words = words[: cut + 1] + toks(dl[1], dst) + words[cut + 1:]
                out += words
            return out
        if it.kind == "lines":
            out = []
            for li, line in enumerate(it.value):
                if li:
                    out.append(("\n", normal))
                out += toks(line, normal)
            return out
        if r:
            return (toks(r["old"], dst) if r["old"] else []) + (toks(r["new"], ist) if r["new"] else [])
        return toks(it.value or "", normal)

    def draw(c, total):
        set_info(c, f"Microsoft Word - {fname}", form.meta["referrer"], word_ver, "Microsoft: Print To PDF")

        def furniture(cv, page, tot):
            cv.setFont(font, 7.5)
            cv.setFillColorRGB(0.75, 0, 0)
            cv.drawString(42, PH - 34, s["marking"])
            cv.setFillColorRGB(0.3, 0.3, 0.3)
            cv.drawRightString(PW - 42, PH - 34, s["partnership"])
            cv.drawString(42, 30, s["form_ref"])
            cv.drawRightString(PW - 42, 30, f"Page {page} of {tot or '?'}")
            cv.setFillColorRGB(0, 0, 0)

        fl = Flow(c, total, furniture)
        ax = 42 + lab_w
        aw = PW - 42 - ax - 6

        def change_bar(y_top, y_bot):
            c.setStrokeColorRGB(0, 0, 0)
            c.setLineWidth(0.8)
            c.line(30, y_top, 30, y_bot)

        for line in wrap(s["title"], bold, 14, PW - 84):
            c.setFont(bold, 14)
            c.setFillColorRGB(*dark)
            c.drawString(42, fl.y, line)
            fl.y -= 18
        c.setFillColorRGB(0, 0, 0)
        for line in wrap(guidance_text(form), font, 8, PW - 84):
            c.setFont(font, 8)
            c.drawString(42, fl.y, line)
            fl.y -= 10
        fl.y -= 6
        lh = fsize + 3
        for sec in form.sections:
            fl.need(44)
            c.setFillColorRGB(*dark)
            c.rect(42, fl.y - 14, PW - 84, 17, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(bold, 9.5)
            c.drawString(48, fl.y - 9.5, section_title(form, sec))
            c.setFillColorRGB(0, 0, 0)
            fl.y -= 17
            for it in sec.items:
                if it.kind == "agencies":
                    widths = [(PW - 84) * f for f in (0.3, 0.4, 0.3)]
                    fl.need(40)
                    c.setFont(bold, 8.5)
                    c.drawString(42, fl.y - 10, it.label)
                    fl.y -= 14
                    rows = [(r, "ins" if ag_rev.get("ins") == i else None) for i, r in enumerate(it.value)]
                    if "del" in ag_rev:
                        rows.insert(rng.randrange(0, len(rows) + 1), (ag_rev["del"], "del"))
                    hdr = [(t, None) for (k, t) in it.cols]
                    allrows = [([t for t, _ in hdr], "hdr")] + [([(r.get(k) or "") for (k, _) in it.cols], m) for r, m in rows] + [(["", "", ""], None)]
                    for cells, mark in allrows:
                        st = {"font": bold if mark == "hdr" else font, "size": 8.5}
                        if mark in ("ins", "del"):
                            st = dict(st, color=author, mark=mark)
                        wrapped = [layout_tokens([(w, st) for w in cell.split()], wd - 6) or [[]] for cell, wd in zip(cells, widths)]
                        h = max(len(x) for x in wrapped) * 11 + 5
                        fl.need(h)
                        x = 42
                        for wd, lines in zip(widths, wrapped):
                            if mark == "hdr":
                                c.setFillColorRGB(0.9, 0.9, 0.9)
                                c.rect(x, fl.y - h, wd, h, stroke=0, fill=1)
                                c.setFillColorRGB(0, 0, 0)
                            c.setLineWidth(0.4)
                            c.rect(x, fl.y - h, wd, h, stroke=1, fill=0)
                            for li, ln in enumerate(lines):
                                draw_line(c, x + 3, fl.y - 10 - li * 11, ln)
                            x += wd
                        if mark in ("ins", "del"):
                            change_bar(fl.y, fl.y - h)
                        fl.y -= h
                    fl.y -= 6
                    continue
                label = it.label
                if it.kind == "choice":
                    label = f"{label} ({option_hint(it)})" if it.ctype != "itype" else f"{label} ({'; '.join(it.options)})"
                ll = wrap(label, bold, 8, lab_w - 8)
                al = layout_tokens(answer_tokens(it), aw - 4)
                h = max(len(ll) * 10, len(al) * lh) + 6
                if fl.y - h < fl.bottom and h > (fl.top - fl.bottom) * 0.4:
                    # a long answer: split it over pages
                    start = 0
                    while start < len(al):
                        room = int((fl.y - fl.bottom - 6) // lh)
                        if room < 3:
                            fl.new_page()
                            continue
                        part = al[start:start + room]
                        hh = len(part) * lh + 6
                        c.setLineWidth(0.4)
                        c.rect(42, fl.y - hh, lab_w, hh, stroke=1)
                        c.rect(ax, fl.y - hh, PW - 42 - ax, hh, stroke=1)
                        if start == 0:
                            for i, ln in enumerate(ll):
                                c.setFont(bold, 8)
                                c.drawString(46, fl.y - 10 - i * 10, ln)
                        for i, ln in enumerate(part):
                            draw_line(c, ax + 4, fl.y - 10 - i * lh, ln)
                            if any(st.get("mark") for _, st in ln):
                                change_bar(fl.y - i * lh - 1, fl.y - (i + 1) * lh - 1)
                        fl.y -= hh
                        start += room
                    continue
                fl.need(h)
                c.setLineWidth(0.4)
                c.setFillColorRGB(*hex_rgb(s["light"]))
                c.rect(42, fl.y - h, lab_w, h, stroke=1, fill=1)
                c.setFillColorRGB(0, 0, 0)
                c.rect(ax, fl.y - h, PW - 42 - ax, h, stroke=1)
                for i, ln in enumerate(ll):
                    c.setFont(bold, 8)
                    c.drawString(46, fl.y - 10 - i * 10, ln)
                for i, ln in enumerate(al):
                    draw_line(c, ax + 4, fl.y - 10 - i * lh, ln)
                    if any(st.get("mark") for _, st in ln):
                        change_bar(fl.y - i * lh - 1, fl.y - (i + 1) * lh - 1)
                fl.y -= h
        return fl.finish()

    # draw() consumes rng for deleted agency row position: keep both passes identical
    state = rng.getstate()

    def draw_same(c, total):
        rng.setstate(state)
        return draw(c, total)

    pages = two_pass(path, draw_same)
    stats["pages"] = pages
    return stats


# ---------------------------------------------------------------------------------------------
# P-RUNINBOLD

def p_runinbold(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    system = rng.choice(["CaseSphere Print Service 3.1", "Keel Case Manager 9 - Print", "Arbor Records Export 2.4"])
    producer = rng.choice(["iText® 8.0.2 ©2000-2023 Apryse Group NV (AGPL-version)", "iText® 7.2.5 ©2000-2022 iText Group NV (AGPL-version)"])
    reg, bold = rng.choice([("DejaVu", "DejaVu-Bold"), ("DejaVuCond", "DejaVuCond-Bold")])
    size = rng.choice([8.0, 8.5])
    lh = size + 3.2
    stats = {"runin_paragraphs": 0, "fields": 0, "system": system}
    printed = form.meta["ref_date"] + dt.timedelta(days=rng.randrange(0, 2))
    printed_s = f"{printed.day:02d}/{printed.month:02d}/{printed.year} {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"
    case_no = f"{rng.randrange(100000, 999999)}"
    L = {"font": bold, "size": size}
    V = {"font": reg, "size": size}

    def pairs_tokens(pairs: list[tuple[str, str]]) -> list:
        out = []
        for lab, val in pairs:
            out += [(w, L) for w in lab.split()]
            out += [(w, V) for w in val.split()]
            stats["fields"] += 1
        return out

    def draw(c, total):
        stats["runin_paragraphs"] = 0
        stats["fields"] = 0
        set_info(c, f"Referral {case_no}", system, system, producer)

        def furniture(cv, page, tot):
            cv.setFont(bold, 7.5)
            cv.drawString(42, PH - 30, f"{system}  |  {s['org'].split(' - ')[0]}")
            cv.setFont(reg, 7.5)
            cv.drawRightString(PW - 42, PH - 30, f"Case {case_no}  -  printed {printed_s}")
            cv.setLineWidth(0.5)
            cv.line(42, PH - 34, PW - 42, PH - 34)
            cv.drawString(42, 28, s["marking"])
            cv.drawRightString(PW - 42, 28, f"Page {page} of {tot or '?'}")

        fl = Flow(c, total, furniture, top=PH - 56)
        width = PW - 84

        def paragraph(tokens, indent=0.0):
            stats["runin_paragraphs"] += 1
            lines = layout_tokens(tokens, width - indent)
            for ln in lines:
                fl.need(lh)
                draw_line(c, 42 + indent, fl.y - size, ln)
                fl.y -= lh
            fl.y -= 3

        def heading(t):
            fl.need(30)
            fl.y -= 4
            c.setFont(bold, size + 1.5)
            c.drawString(42, fl.y - size - 1, t.upper())
            c.setLineWidth(0.4)
            c.line(42, fl.y - size - 4, PW - 42, fl.y - size - 4)
            fl.y -= size + 10

        c.setFont(bold, 12)
        c.drawString(42, fl.y - 12, s["title"])
        fl.y -= 18
        c.setFont(reg, size)
        c.drawString(42, fl.y - size, f"{s['partnership']} - form {s['form_ref']} - submitted by {form.meta['referrer']}")
        fl.y -= lh + 4
        for sec in form.sections:
            heading(section_title(form, sec))
            pairs = []
            for it in sec.items:
                if it.kind == "paras":
                    if pairs:
                        paragraph(pairs_tokens(pairs))
                        pairs = []
                    first = True
                    for p in it.value:
                        if first:
                            paragraph([(w, L) for w in it.label.split()] + [(w, V) for w in p.split()])
                            stats["fields"] += 1
                            first = False
                        else:
                            paragraph([(w, V) for w in p.split()], indent=14)
                    if first:
                        paragraph([(w, L) for w in it.label.split()])
                    continue
                if it.kind == "agencies":
                    if pairs:
                        paragraph(pairs_tokens(pairs))
                        pairs = []
                    if not it.value:
                        paragraph([(w, L) for w in it.label.split()])
                    for i, row in enumerate(it.value):
                        toks = [(w, L) for w in f"{it.label} ({i + 1})".split()]
                        for (k, t) in it.cols:
                            toks += [(w, L) for w in t.split()] + [(w, V) for w in (row.get(k) or "").split()]
                        paragraph(toks)
                        stats["fields"] += 1
                    continue
                if it.kind == "lines":
                    val = ", ".join(it.value)
                elif it.kind == "choice":
                    val = chosen_word(it)
                else:
                    val = it.value or ""
                pairs.append((it.label, val))
            if pairs:
                paragraph(pairs_tokens(pairs))
        return fl.finish()

    pages = two_pass(path, draw)
    stats["pages"] = pages
    return stats


# ---------------------------------------------------------------------------------------------
# P-ENSCRIPT

def hard_wrap(line: str, cols: int) -> list[str]:
    if not line:
        return [""]
    return [line[i:i + cols] for i in range(0, len(line), cols)]


def p_enscript(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    cols = 86
    system = rng.choice(["ORCA case system", "Sentinel RMS", "CareLink v6", "SafeTrack"])
    ref = form.meta["ref_date"]
    mod = dt.datetime(ref.year, ref.month, ref.day, rng.randrange(8, 19), rng.randrange(0, 60), rng.randrange(0, 60))
    fmod = f"{M.WD_SHORT[mod.weekday()]} {M.MONTHS[mod.month - 1][:3]} {mod.day:02d} {mod.strftime('%H:%M:%S')} {mod.year}"
    fname = f"referral_{s['pshort'].lower()}_{rng.randrange(1000, 9999)}.txt"
    stats = {"lines": 0, "wrapped_lines": 0, "values_split": 0, "file": fname, "modified": fmod}
    text: list[str] = []
    text.append(f"REFERRAL EXPORT - {system}")
    text.append(f"{s['title']}")
    text.append(f"To: {s['partnership']} ({s['form_ref']})")
    text.append("=" * 72)
    for sec in form.sections:
        text.append("")
        text.append(f"[{section_title(form, sec)}]")
        for it in sec.items:
            if it.kind == "paras":
                text.append(f"{it.label}:")
                for i, p in enumerate(it.value):
                    if i:
                        text.append("")
                    text.append(p)
                continue
            if it.kind == "lines":
                text.append(f"{it.label}:")
                for ln in it.value:
                    text.append(f"    {ln}")
                continue
            if it.kind == "agencies":
                text.append(f"{it.label}: {len(it.value)}")
                for i, row in enumerate(it.value):
                    parts = [f"{t}: {row.get(k) or ''}" for (k, t) in it.cols]
                    text.append(f"  {i + 1}. " + " | ".join(parts))
                continue
            val = chosen_word(it) if it.kind == "choice" else (it.value or "")
            text.append(f"{it.label}: {val}" if val else f"{it.label}:")
    text.append("")
    text.append("-- end of export --")
    out_lines = []
    for line in text:
        parts = hard_wrap(line, cols)
        if len(parts) > 1:
            stats["wrapped_lines"] += len(parts) - 1
            if parts[0] and parts[1] and parts[0][-1].isalnum() and parts[1][0].isalnum():
                stats["values_split"] += 1
        out_lines.extend(parts)
    stats["lines"] = len(out_lines)
    per_page = 64
    npages = (len(out_lines) + per_page - 1) // per_page
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    set_info(c, "Enscript Output", s["org"].split(" - ")[0], "GNU Enscript 1.6.6", "GPL Ghostscript 9.55.0")
    for pno in range(npages):
        c.setFont("Courier-Bold", 10)
        c.drawString(24, PH - 30, fmod)
        c.drawCentredString(PW / 2, PH - 30, fname)
        c.drawRightString(PW - 24, PH - 30, f"Page {pno + 1}/{npages}")
        c.setFont("Courier", 10)
        y = PH - 52
        for line in out_lines[pno * per_page:(pno + 1) * per_page]:
            if line:
                c.drawString(24, y, line)
            y -= 11.3
        c.showPage()
    c.save()
    stats["pages"] = npages
    return stats


LAYOUTS = {
    "P-MISNAMED": p_misnamed,
    "P-FORMATSCRIPTS": p_formatscripts,
    "P-INLINEMARKUP": p_inlinemarkup,
    "P-RUNINBOLD": p_runinbold,
    "P-ENSCRIPT": p_enscript,
}
