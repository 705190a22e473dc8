"""The five PDF layouts of unseen22 (reportlab, invariant mode; pypdf for layers and form fields)."""

from __future__ import annotations

import io

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = "/usr/share/fonts/truetype/dejavu/"
for _n, _f in (("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVI", "DejaVuSans-Oblique.ttf"),
               ("DVM", "DejaVuSansMono.ttf"), ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf"),
               ("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf")):
    pdfmetrics.registerFont(TTFont(_n, FONTS + _f))

GREY = Color(0.45, 0.45, 0.45)


def new_canvas(buf, size, S, producer, creator, title):
    c = canvas.Canvas(buf, pagesize=size, invariant=1, pageCompression=1)
    c.setProducer(producer)
    c.setCreator(creator)
    c.setTitle(title)
    c.setAuthor(S["org"])
    return c


def guidance(S, ctx):
    return (f"Please complete this form as fully as you can and return it to the {S['pship_short']} business unit at "
            f"{S['pship_email']} or telephone {S['pship_phone']}. Dates should be written as, for example, "
            f"{ctx['example_date']}. If a child is at immediate risk call 999.")


def child_title(sec):
    if sec.n_children and sec.n_children > 1:
        return f"{sec.title} - child {sec.child_no} of {sec.n_children}"
    return sec.title


def wrap(text, font, size, width):
    out = []
    for line in text.split("\n"):
        out += simpleSplit(line, font, size, width) or [""]
    return out


def answer_lines(it, font, size, width):
    if it.type in ("multi", "long"):
        vals = it.value if isinstance(it.value, list) else [it.value]
        lines = []
        for k, v in enumerate(vals):
            if k and it.type == "long":
                lines.append("")
            lines += simpleSplit(v, font, size, width) or [""]
        return lines
    return simpleSplit(it.shown(), font, size, width) if it.shown() else []


def furniture(c, S, ctx, W, H, page, total=None, font="DV"):
    c.setFont("DVB", 7.5)
    c.setFillColor(HexColor("#C00000"))
    c.drawCentredString(W / 2, H - 22, S["marking"])
    c.setFillColor(GREY)
    c.setFont(font, 6.5)
    c.drawString(36, 20, f"{S['form_ref']} - version {ctx['version']} - reviewed {ctx['reviewed']}")
    c.drawRightString(W - 36, 20, f"Page {page}" + (f" of {total}" if total else ""))
    c.setFillColor(black)


# ====================================================================== P-OVERLAY
def p_overlay(S, sections, ctx, rng, buf):
    """A print bureau's data overlay on a pre-printed form: the blank form is a Form XObject per page,
    the answers are typed on top at fixed coordinates (slightly out of register); long answers go to a
    continuation sheet."""
    W, H = A4
    c = new_canvas(buf, A4, S, rng.choice(["PDFlib+PDI 9.3.1 (Win64)", "StreamServe Persuasion 5.6", "OpenText Exstream 16.6"]),
                   "Forms overlay batch", S["title"])
    dx, dy = rng.uniform(-3.5, 3.5), rng.uniform(-2.5, 2.5)
    dfont = rng.choice(["DVM", "Courier"])
    dsize = 8.5
    LX, BX, BR = 40, 215, W - 40
    bw = BR - BX
    page = {"n": 0, "bg": [], "fg": [], "y": 0}
    cont = []

    def flush():
        page["n"] += 1
        name = f"Form{page['n']}"
        c.beginForm(name)
        furniture(c, S, ctx, W, H, page["n"])
        for op in page["bg"]:
            op()
        c.endForm()
        c.doForm(name)
        c.setFillColor(HexColor("#102060"))
        for op in page["fg"]:
            op()
        c.setFillColor(black)
        c.showPage()
        page["bg"], page["fg"] = [], []

    def start():
        page["y"] = H - 50

    def need(h):
        if page["y"] - h < 50:
            flush()
            start()

    def bg_text(x, y, s, font="DV", size=8, color=black):
        page["bg"].append(lambda: (c.setFillColor(color), c.setFont(font, size), c.drawString(x, y, s), c.setFillColor(black)))

    def bg_rect(x, y, w, h, fill=None):
        def f():
            c.setStrokeColor(GREY)
            c.setLineWidth(0.6)
            if fill:
                c.setFillColor(fill)
            c.rect(x, y, w, h, stroke=1, fill=1 if fill else 0)
            c.setFillColor(black)
        page["bg"].append(f)

    def fg_text(x, y, s):
        page["fg"].append(lambda: (c.setFont(dfont, dsize), c.drawString(x + dx, y + dy, s)))

    start()
    bg_text(LX, page["y"], S["partnership"], "DVB", 12)
    bg_text(LX, page["y"] - 16, S["title"], "DVB", 10)
    page["y"] -= 30
    for ln in wrap(guidance(S, ctx), "DV", 7, BR - LX):
        bg_text(LX, page["y"], ln, "DV", 7, GREY)
        page["y"] -= 9
    page["y"] -= 6
    fno = 0
    for sec in sections:
        fno += 1
        title = child_title(sec) if sec.kind == "child" else sec.title
        need(40)
        y = page["y"]
        bg_rect(LX, y - 4, BR - LX, 14, fill=HexColor("#D9D9D9"))
        bg_text(LX + 4, y, f"{fno}  {title}", "DVB", 9)
        page["y"] -= 20
        if sec.kind == "agencies":
            L = S["labels"]
            cols = [LX, LX + 170, LX + 345, BR]
            need(16)
            y = page["y"]
            for k, key in enumerate(("ag_name", "ag_agency", "ag_contact")):
                bg_text(cols[k] + 3, y, L[key], "DVB", 7.5)
            page["y"] -= 6
            shown, rest = sec.rows[:3], sec.rows[3:]
            for r in range(3):
                need(18)
                y = page["y"] - 16
                for k in range(3):
                    bg_rect(cols[k], y, cols[k + 1] - cols[k], 16)
                if r < len(shown):
                    for k in range(3):
                        txt = simpleSplit(shown[r][k], dfont, dsize - 1, cols[k + 1] - cols[k] - 6)
                        if len(txt) > 1:
                            yy, xx, tt = y + 9, cols[k] + 3, txt
                            page["fg"].append(lambda yy=yy, xx=xx, tt=tt: [(c.setFont(dfont, dsize - 1.5), c.drawString(xx + dx, yy + dy - 7 * j, t)) for j, t in enumerate(tt[:2])])
                        elif txt:
                            fg_text(cols[k] + 3, y + 5, txt[0])
                page["y"] -= 16
            if rest:
                bg_text(LX, page["y"] - 10, "Further rows: use the continuation sheet", "DVI", 7, GREY)
                fg_text(BX, page["y"] - 10, f"CONT. SHEET - {len(rest)} MORE")
                page["y"] -= 14
                cont.append((f"{fno}. {title} (continued)", [" | ".join(x for x in r if x) for r in rest], True))
            page["y"] -= 8
            continue
        for k, it in enumerate(sec.items, 1):
            num = f"{fno}.{k}"
            label_lines = simpleSplit(it.label, "DV", 7.5, BX - LX - 24)
            if it.type == "choice":
                opts = it.options
                h = max(16, 10 * len(label_lines) + 4)
                widths = [20 + pdfmetrics.stringWidth(o, "DV", 7.5) for o in opts]
                nrows, xx = 1, BX
                for wd in widths:
                    if xx + wd > BR and xx > BX:
                        nrows, xx = nrows + 1, BX
                    xx += wd
                h = max(h, 11 * nrows + 5) + (11 if it.extra else 0)
                need(h + 4)
                top = page["y"]
                for j, ln in enumerate(label_lines):
                    bg_text(LX, top - 9 - 9 * j, (num + "  " if j == 0 else "     ") + ln, "DV", 7.5)
                x, r = BX, 0
                for j, o in enumerate(opts):
                    if x + widths[j] > BR and x > BX:
                        x, r = BX, r + 1
                    base = top - 10 - 11 * r
                    bg_rect(x, base - 1, 8, 8)
                    bg_text(x + 11, base, o, "DV", 7.5)
                    if it.chosen == j:
                        fg_text(x + 1.2, base + 0.2, "X")
                    x += widths[j]
                if it.extra:
                    bg_text(BX, top - 10 - 11 * (r + 1), "If other, please specify:", "DV", 7)
                    fg_text(BX + 95, top - 10 - 11 * (r + 1), it.extra)
                page["y"] = top - h - 4
                continue
            lines = answer_lines(it, dfont, dsize, bw - 8)
            to_cont = it.type == "long" and (len(lines) > 5 or rng.random() < 0.3) and lines
            if to_cont:
                lines = ["SEE CONTINUATION SHEET"]
                cont.append((f"{num}  {it.label}", it.value, False))
            h = max(16, 10 * max(len(lines), len(label_lines)) + 6)
            need(h + 4)
            y = page["y"] - h
            for j, ln in enumerate(label_lines):
                bg_text(LX, page["y"] - 9 - 9 * j, (num + "  " if j == 0 else "     ") + ln, "DV", 7.5)
            bg_rect(BX, y, bw, h)
            for j, ln in enumerate(lines):
                fg_text(BX + 4, y + h - 10 - 10 * j, ln)
            page["y"] = y - 4
    need(30)
    bg_text(LX, page["y"] - 14, "Signature ..........................................   Date ....................", "DV", 8)
    flush()
    if cont:
        start()
        bg_text(LX, page["y"], f"CONTINUATION SHEET - {S['form_ref']}", "DVB", 11)
        page["y"] -= 24
        for title, paras, rows in cont:
            need(30)
            bg_text(LX, page["y"], title, "DVB", 8)
            page["y"] -= 14
            for k, p in enumerate(paras):
                for ln in simpleSplit(p, dfont, dsize, BR - LX - 10):
                    need(12)
                    fg_text(LX + 4, page["y"], ln)
                    page["y"] -= 11
                if not rows and k < len(paras) - 1:
                    page["y"] -= 8
            page["y"] -= 10
        flush()
    c.save()


# ====================================================================== P-LAYERS
SAMPLES = {"date": "12/03/2015", "name": "Sarah Mitchell", "role": "Family Support Worker",
           "agency": "Anytown Family Services", "email": "s.mitchell@anytown.example.org", "phone": "01632 960999",
           "addr": "1 Sample Street, Anytown", "text": "As stated on the referral", "long": "Brief outline of what happened, when and who was present."}


def sample_for(it):
    k = it.key
    if it.type == "date":
        return SAMPLES["date"]
    if k.endswith("_name") or k in ("c_first", "c_last", "c_name"):
        return {"c_first": "Lily", "c_last": "Mitchell", "c_name": "Lily Mitchell"}.get(k, SAMPLES["name"])
    if k.endswith("_role"):
        return SAMPLES["role"]
    if k.endswith("_agency"):
        return SAMPLES["agency"]
    if k.endswith("_email"):
        return SAMPLES["email"]
    if k.endswith("_phone"):
        return SAMPLES["phone"]
    if k == "c_addr":
        return SAMPLES["addr"]
    if it.type == "long":
        return SAMPLES["long"]
    return SAMPLES["text"]


def p_layers(S, sections, ctx, rng, buf):
    """An InDesign form exported with Acrobat layers: Form, Guidance, Responses and a switched-off
    'Sample answers' layer whose text still sits in the content stream."""
    W, H = A4
    tmp = io.BytesIO()
    c = new_canvas(tmp, A4, S, "Adobe PDF Library 17.0", "Adobe InDesign 19.2 (Windows)", S["title"])
    accent = HexColor(rng.choice(["#00677F", "#6A2C91", "#B5121B", "#2E6B30"]))
    afont = rng.choice(["DV", "DVS"])
    LX, RX = 42, W - 42
    colw = (RX - LX - 14) / 2
    state = {"y": H - 60, "page": 1}

    def layer(tag):
        c._code.append(f"/OC /{tag} BDC")

    def end():
        c._code.append("EMC")

    def newpage():
        layer("OCForm")
        furniture(c, S, ctx, W, H, state["page"])
        end()
        c.showPage()
        state["page"] += 1
        state["y"] = H - 50

    def need(h):
        if state["y"] - h < 48:
            newpage()

    layer("OCForm")
    c.setFillColor(accent)
    c.rect(0, H - 96, W, 60, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("DVB", 15)
    c.drawString(LX, H - 62, S["title"])
    c.setFont("DV", 9)
    c.drawString(LX, H - 80, S["partnership"])
    c.setFillColor(black)
    end()
    state["y"] = H - 112
    layer("OCGuide")
    c.setFont("DVI", 7.5)
    c.setFillColor(GREY)
    for ln in wrap(guidance(S, ctx), "DVI", 7.5, RX - LX):
        c.drawString(LX, state["y"], ln)
        state["y"] -= 9.5
    c.setFillColor(black)
    end()
    state["y"] -= 8

    def field_box(x, y_top, w, it):
        """label above a box; returns box height."""
        lines = answer_lines(it, afont, 8.5, w - 8) if it.type != "choice" else []
        h = max(16, 10.5 * len(lines) + 6) if it.type != "choice" else 14
        layer("OCForm")
        c.setFont("DVB", 7)
        c.setFillColor(accent)
        lab = simpleSplit(it.label, "DVB", 7, w)
        for j, ln in enumerate(lab):
            c.drawString(x, y_top - 7 - 8 * j, ln)
        c.setFillColor(black)
        by = y_top - 8 * len(lab) - 3 - h
        if it.type == "choice":
            xx = x
            pos = []
            c.setFont("DV", 8)
            for j, o in enumerate(it.options):
                c.circle(xx + 4, by + 6, 3.5, stroke=1, fill=0)
                c.drawString(xx + 10, by + 3, o)
                pos.append(xx)
                xx += 18 + pdfmetrics.stringWidth(o, "DV", 8)
            end()
            layer("OCSample")
            c.setFillColor(Color(0.6, 0.6, 0.6))
            c.setFont("DV", 8)
            c.drawString(pos[0] + 1.3, by + 3.2, "✔")
            c.setFillColor(black)
            end()
            if it.chosen is not None:
                layer("OCResp")
                c.setFont("DV", 8.5)
                c.drawString(pos[it.chosen] + 1.3, by + 3.2, "✔")
                if it.extra:
                    c.drawString(xx + 4, by + 3, it.extra)
                end()
            return y_top - by + 4
        c.setStrokeColor(accent)
        c.setLineWidth(0.5)
        c.roundRect(x, by, w, h, 3, stroke=1, fill=0)
        end()
        layer("OCSample")
        c.setFont("DVI", 6.5)
        c.setFillColor(Color(0.6, 0.6, 0.6))
        c.drawRightString(x + w - 4, by + 3, sample_for(it))
        c.setFillColor(black)
        end()
        if lines:
            layer("OCResp")
            c.setFont(afont, 8.5)
            for j, ln in enumerate(lines):
                c.drawString(x + 4, by + h - 11 - 10.5 * j, ln)
            end()
        return y_top - by + 4

    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        need(50)
        layer("OCForm")
        c.setFont("DVB", 10.5)
        c.setFillColor(accent)
        c.drawString(LX, state["y"], title.upper())
        c.setStrokeColor(accent)
        c.line(LX, state["y"] - 4, RX, state["y"] - 4)
        c.setFillColor(black)
        end()
        state["y"] -= 14
        if sec.kind == "agencies":
            L = S["labels"]
            cols = [LX, LX + 150, LX + 320, RX]
            layer("OCForm")
            c.setFont("DVB", 7)
            for k, key in enumerate(("ag_name", "ag_agency", "ag_contact")):
                c.drawString(cols[k] + 2, state["y"] - 8, L[key])
            end()
            state["y"] -= 12
            for r in list(sec.rows) + [("", "", "")]:
                need(18)
                layer("OCForm")
                c.setStrokeColor(accent)
                for k in range(3):
                    c.rect(cols[k], state["y"] - 16, cols[k + 1] - cols[k], 16, stroke=1, fill=0)
                end()
                if any(r):
                    layer("OCResp")
                    for k in range(3):
                        t = simpleSplit(r[k], afont, 7.5, cols[k + 1] - cols[k] - 4)
                        c.setFont(afont, 7.5 if len(t) < 2 else 6)
                        if len(t) < 2:
                            c.drawString(cols[k] + 3, state["y"] - 11, r[k])
                        else:
                            for j, ln in enumerate(simpleSplit(r[k], afont, 6, cols[k + 1] - cols[k] - 4)[:2]):
                                c.drawString(cols[k] + 3, state["y"] - 7 - 6.5 * j, ln)
                    end()
                state["y"] -= 16
            state["y"] -= 10
            continue
        items = list(sec.items)
        k = 0
        while k < len(items):
            it = items[k]
            short = it.type in ("text", "date") or (it.type == "choice" and it.key != "i_type" and len(it.options) <= 3)
            nxt = items[k + 1] if k + 1 < len(items) else None
            nshort = nxt is not None and (nxt.type in ("text", "date") or (nxt.type == "choice" and nxt.key != "i_type" and len(nxt.options) <= 3))
            est = 60 if it.type != "long" else 40 + 11 * len(answer_lines(it, afont, 8.5, RX - LX - 8))
            need(est)
            if short and nshort:
                h1 = field_box(LX, state["y"], colw, it)
                h2 = field_box(LX + colw + 14, state["y"], colw, nxt)
                state["y"] -= max(h1, h2)
                k += 2
            else:
                state["y"] -= field_box(LX, state["y"], RX - LX, it)
                k += 1
        state["y"] -= 6
    layer("OCForm")
    furniture(c, S, ctx, W, H, state["page"])
    end()
    c.showPage()
    c.save()
    add_layers(tmp.getvalue(), buf, [("OCForm", "Form", True), ("OCGuide", "Guidance", True),
                                     ("OCResp", "Responses", True), ("OCSample", "Sample answers", False)])


def add_layers(data: bytes, out, layers):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    refs = {}
    for tag, name, on in layers:
        ocg = DictionaryObject({NameObject("/Type"): NameObject("/OCG"), NameObject("/Name"): TextStringObject(name)})
        refs[tag] = (w._add_object(ocg), on)
    props = DictionaryObject({NameObject("/" + t): r for t, (r, _) in refs.items()})
    for p in w.pages:
        res = p["/Resources"]
        res[NameObject("/Properties")] = props
    order = ArrayObject([r for r, _ in refs.values()])
    off = ArrayObject([r for r, on in refs.values() if not on])
    w._root_object[NameObject("/OCProperties")] = DictionaryObject({
        NameObject("/OCGs"): order,
        NameObject("/D"): DictionaryObject({NameObject("/Order"): order, NameObject("/OFF"): off,
                                            NameObject("/Name"): TextStringObject("Layers")})})
    w.write(out)


# ====================================================================== P-TRIFOLD
def p_trifold(S, sections, ctx, rng, buf):
    """A tri-fold leaflet (A4 landscape, two sides) with the referral form on the inside panels and the
    fold-in flap; printed imposition order puts panel 5 (the form's last part) first in the file."""
    W, H = landscape(A4)
    c = new_canvas(buf, (W, H), S, "Microsoft: Print To PDF", "Microsoft Publisher", S["title"])
    pw = W / 3
    accent = HexColor(rng.choice(["#0B6E4F", "#1D4E89", "#8C2F39", "#5B3A8E"]))
    fsz = 6.8
    # Frames in reading order: panel 2, 3, 4 (inside), then 5 (outside, left), then overflow panels
    frames = [("in", 0), ("in", 1), ("in", 2), ("out", 0)]
    ops = {"in": {0: [], 1: [], 2: []}, "out": {0: [], 1: [], 2: []}, "extra": []}
    st = {"f": 0, "y": H - 40}
    top = H - 40

    def cur():
        if st["f"] < len(frames):
            return ops[frames[st["f"]][0]][frames[st["f"]][1]], frames[st["f"]][1] * pw
        return ops["extra"], 0

    def need(h):
        if st["y"] - h < 34:
            st["f"] += 1
            st["y"] = top
            if st["f"] >= len(frames):
                ops["extra"].append(("page",))

    def text(x, s, font="DV", size=fsz, color=black):
        lst, x0 = cur()
        lst.append(("t", x0 + x, st["y"], s, font, size, color))

    def rule(color=accent):
        lst, x0 = cur()
        lst.append(("l", x0 + 22, st["y"], x0 + pw - 22, color))

    inner = pw - 44
    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        need(30)
        text(22, title, "DVB", 8.5, accent)
        st["y"] -= 4
        rule()
        st["y"] -= 10
        if sec.kind == "agencies":
            L = S["labels"]
            if not sec.rows:
                text(22, "None listed", "DVI", fsz, GREY)
                st["y"] -= 10
            for n, r in enumerate(sec.rows, 1):
                for key, v in zip(("ag_name", "ag_agency", "ag_contact"), r):
                    need(10)
                    lab = f"{n}. {L[key]}: " if key == "ag_name" else f"    {L[key]}: "
                    lines = simpleSplit(lab + v, "DV", fsz, inner)
                    for ln in lines:
                        need(9)
                        text(22, ln)
                        st["y"] -= 8.5
                st["y"] -= 3
            st["y"] -= 6
            continue
        for it in sec.items:
            lab = simpleSplit(it.label, "DVB", fsz - 0.6, inner)
            if it.type == "choice":
                s = "   ".join(f"{'☑' if it.chosen == k else '☐'} {o}" for k, o in enumerate(it.options))
                if it.extra:
                    s += f"  {it.extra}"
                lines = simpleSplit(s, "DV", fsz, inner - 4)
            else:
                lines = answer_lines(it, "DVC", fsz + 0.4, inner - 6) or [""]
            need(8 * len(lab) + 9 * min(len(lines), 6) + 8)
            for ln in lab:
                text(22, ln, "DVB", fsz - 0.6, GREY)
                st["y"] -= 7.5
            for ln in lines:
                need(9)
                text(26, ln, "DVC" if it.type != "choice" else "DV", fsz + 0.4 if it.type != "choice" else fsz)
                st["y"] -= 8.8
            st["y"] -= 4
    # outside: panel 6 (back: contacts) and panel 1 (cover)
    back = ops["out"][1]
    y = H - 60
    back.append(("t", pw + 22, y, "Contact the partnership", "DVB", 10, accent))
    for ln in wrap(guidance(S, ctx), "DV", 7, inner):
        y -= 10
        back.append(("t", pw + 22, y, ln, "DV", 7, black))
    y -= 20
    for ln in (S["partnership"], "Business Unit", S["pship_email"], S["pship_phone"], f"Form {S['form_ref']} v{ctx['version']}"):
        back.append(("t", pw + 22, y, ln, "DV", 7.5, black))
        y -= 10
    cover = ops["out"][2]
    cover.append(("box", 2 * pw, H - 230, pw, 230, accent))
    cover.append(("t", 2 * pw + 22, H - 110, S["partnership"], "DVB", 11, white))
    y = H - 140
    for ln in simpleSplit(S["title"], "DVB", 15, inner):
        cover.append(("t", 2 * pw + 22, y, ln, "DVB", 15, white))
        y -= 18
    cover.append(("t", 2 * pw + 22, H - 260, f"Completed by: {S['org']}", "DV", 7.5, black))
    cover.append(("t", 2 * pw + 22, 60, "Fold here  ▸  panel 1 of 6", "DVI", 6, GREY))

    def emit(lst):
        for op in lst:
            if op[0] == "t":
                _, x, y, s, font, size, color = op
                c.setFillColor(color)
                c.setFont(font, size)
                c.drawString(x, y, s)
            elif op[0] == "l":
                _, x1, y1, x2, color = op
                c.setStrokeColor(color)
                c.setLineWidth(0.6)
                c.line(x1, y1, x2, y1)
            elif op[0] == "box":
                _, x, y, w, h, color = op
                c.setFillColor(color)
                c.rect(x, y, w, h, stroke=0, fill=1)
        c.setFillColor(black)

    def folds():
        c.setStrokeColor(Color(0.8, 0.8, 0.8))
        c.setDash(2, 3)
        c.line(pw, 12, pw, H - 12)
        c.line(2 * pw, 12, 2 * pw, H - 12)
        c.setDash()
        c.setFont("DVB", 6.5)
        c.setFillColor(HexColor("#C00000"))
        c.drawCentredString(W / 2, H - 14, S["marking"])
        c.setFillColor(black)

    # page 1 = outside (panels 5 | 6 | 1); page 2 = inside (2 | 3 | 4); extra pages after
    for side in ("out", "in"):
        folds()
        for k in range(3):
            emit(ops[side][k])
        c.setFont("DV", 6)
        c.setFillColor(GREY)
        c.drawString(22, 14, f"{S['form_ref']} - version {ctx['version']} - reviewed {ctx['reviewed']}")
        c.setFillColor(black)
        c.showPage()
    if ops["extra"]:
        chunk = []
        for op in ops["extra"]:
            if op[0] == "page":
                if chunk:
                    emit(chunk)
                    c.showPage()
                chunk = []
            else:
                chunk.append(op)
        if chunk:
            emit(chunk)
            c.showPage()
    c.save()


# ====================================================================== P-FLOWCHART
def p_flowchart(S, sections, ctx, rng, buf):
    """Screening flowchart first: the four criteria as decision boxes joined by arrows, each box with its
    Yes / No / third answer ticked; then the rest of the form as ruled label | answer rows."""
    W, H = A4
    c = new_canvas(buf, A4, S, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", S["title"])
    accent = HexColor(rng.choice(["#1F4E79", "#375623", "#7B2C3F"]))
    on, off = rng.choice([("☑", "☐"), ("☒", "☐"), ("■", "□")])
    state = {"y": 0, "page": 0}

    def newpage(first=False):
        if not first:
            furniture(c, S, ctx, W, H, state["page"])
            c.showPage()
        state["page"] += 1
        state["y"] = H - 50

    newpage(True)
    c.setFont("DVB", 13)
    c.setFillColor(accent)
    c.drawString(40, state["y"], S["title"])
    c.setFillColor(black)
    c.setFont("DV", 8.5)
    c.drawString(40, state["y"] - 14, S["org"] + "  >  " + S["partnership"])
    state["y"] -= 30
    c.setFont("DVI", 7.5)
    for ln in wrap(guidance(S, ctx), "DVI", 7.5, W - 80):
        c.drawString(40, state["y"], ln)
        state["y"] -= 9.5
    state["y"] -= 8
    crit = next(s for s in sections if s.kind == "criteria")
    c.setFont("DVB", 10)
    c.drawString(40, state["y"], f"Step 1 - {crit.title}: work down the chart and tick each answer")
    state["y"] -= 16
    decisions = [it for it in crit.items if it.type == "choice"]
    bx, bw = 150, 300
    for n, it in enumerate(decisions):
        lines = simpleSplit(it.label, "DV", 8.5, bw - 20)
        bh = 16 + 10 * len(lines) + 14
        ytop = state["y"]
        c.setStrokeColor(accent)
        c.setLineWidth(1)
        c.roundRect(bx, ytop - bh, bw, bh, 6, stroke=1, fill=0)
        c.setFont("DV", 8.5)
        for j, ln in enumerate(lines):
            c.drawCentredString(bx + bw / 2, ytop - 13 - 10 * j, ln)
        ans = "     ".join(f"{on if it.chosen == k else off} {o}" for k, o in enumerate(it.options))
        c.setFont("DV", 8.5)
        c.drawCentredString(bx + bw / 2, ytop - bh + 7, ans)
        # "No" branch off to the right
        c.line(bx + bw, ytop - bh / 2, bx + bw + 30, ytop - bh / 2)
        c.setFont("DVI", 7)
        c.drawString(bx + bw + 4, ytop - bh / 2 + 3, "No")
        c.roundRect(bx + bw + 30, ytop - bh / 2 - 14, 80, 28, 4, stroke=1, fill=0)
        c.setFont("DV", 6.5)
        c.drawCentredString(bx + bw + 70, ytop - bh / 2 + 1, "Discuss with the")
        c.drawCentredString(bx + bw + 70, ytop - bh / 2 - 7, "business unit")
        state["y"] = ytop - bh
        if n < len(decisions) - 1:
            c.line(bx + bw / 2, state["y"], bx + bw / 2, state["y"] - 14)
            c.line(bx + bw / 2 - 3, state["y"] - 10, bx + bw / 2, state["y"] - 14)
            c.line(bx + bw / 2 + 3, state["y"] - 10, bx + bw / 2, state["y"] - 14)
            c.setFont("DVI", 7)
            c.drawString(bx + bw / 2 + 5, state["y"] - 10, "Yes")
            state["y"] -= 16
    state["y"] -= 14
    rest = [it for it in crit.items if it.type != "choice"]
    LX, BX, RX = 40, 210, W - 40

    def rows(items):
        for it in items:
            lab = simpleSplit(it.label, "DVB", 8, BX - LX - 8)
            if it.type == "choice":
                s = "   ".join(f"{on if it.chosen == k else off} {o}" for k, o in enumerate(it.options))
                if it.extra:
                    s += f"   {it.extra}"
                lines = simpleSplit(s, "DV", 8.5, RX - BX - 8)
            else:
                lines = answer_lines(it, "DV", 8.5, RX - BX - 8)
            h = max(len(lab) * 10, len(lines) * 10.5) + 8
            if state["y"] - h < 45:
                newpage()
            y = state["y"]
            c.setStrokeColor(Color(0.6, 0.6, 0.6))
            c.setLineWidth(0.5)
            c.setFillColor(HexColor("#EEF2F7"))
            c.rect(LX, y - h, BX - LX, h, stroke=1, fill=1)
            c.setFillColor(black)
            c.rect(BX, y - h, RX - BX, h, stroke=1, fill=0)
            c.setFont("DVB", 8)
            for j, ln in enumerate(lab):
                c.drawString(LX + 4, y - 11 - 10 * j, ln)
            c.setFont("DV", 8.5)
            for j, ln in enumerate(lines):
                c.drawString(BX + 4, y - 11 - 10.5 * j, ln)
            state["y"] -= h

    rows(rest)
    newpage()
    c.setFont("DVB", 11)
    c.drawString(40, state["y"], "Step 2 - Referral details")
    state["y"] -= 18
    for sec in sections:
        if sec.kind == "criteria":
            continue
        title = child_title(sec) if sec.kind == "child" else sec.title
        if state["y"] < 110:
            newpage()
        c.setFillColor(accent)
        c.rect(LX, state["y"] - 4, RX - LX, 15, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DVB", 9)
        c.drawString(LX + 4, state["y"], title)
        c.setFillColor(black)
        state["y"] -= 6
        if sec.kind == "agencies":
            L = S["labels"]
            cols = [LX, LX + 160, LX + 330, RX]
            allrows = [(L["ag_name"], L["ag_agency"], L["ag_contact"])] + list(sec.rows) + [("", "", "")]
            for n, r in enumerate(allrows):
                cells = [simpleSplit(v, "DVB" if n == 0 else "DV", 8, cols[k + 1] - cols[k] - 6) for k, v in enumerate(r)]
                h = max(1, max(len(x) for x in cells)) * 10 + 6
                if state["y"] - h < 45:
                    newpage()
                for k in range(3):
                    c.rect(cols[k], state["y"] - h, cols[k + 1] - cols[k], h, stroke=1, fill=0)
                    c.setFont("DVB" if n == 0 else "DV", 8)
                    for j, ln in enumerate(cells[k]):
                        c.drawString(cols[k] + 3, state["y"] - 11 - 10 * j, ln)
                state["y"] -= h
            state["y"] -= 14
            continue
        rows(sec.items)
        state["y"] -= 14
    furniture(c, S, ctx, W, H, state["page"])
    c.showPage()
    c.save()


# ====================================================================== P-ACROKIDS
def p_acrokids(S, sections, ctx, rng, buf):
    """A fillable form made in Acrobat: every choice is a set of same-named check boxes (one field with
    kid widgets whose on-states are the option words); long answers are multi-line fields whose value
    is longer than the box shows; the child's name field has a second widget in the page-2 strip."""
    W, H = A4
    tmp = io.BytesIO()
    c = new_canvas(tmp, A4, S, "Adobe Acrobat Pro (64-bit) 24.2.20687", "Adobe Acrobat Pro (64-bit) 24.2.20687", S["title"])
    form = c.acroForm
    LX, BX, RX = 40, 225, W - 40
    state = {"y": H - 50, "page": 1, "n": 0}
    groups = []  # (tmpname prefix, field name, options, chosen)
    fields = {}

    def fname(it, sec):
        src = it.label if it.decoy else it.key.replace("_", " ")
        base = "".join(ch for ch in src.title() if ch.isalnum())
        if sec.kind == "child":
            base = f"Child{sec.child_no}_{base}"
        state["n"] += 1
        return base if base not in fields else f"{base}_{state['n']}"

    def newpage():
        furniture(c, S, ctx, W, H, state["page"], font="DV")
        c.showPage()
        state["page"] += 1
        state["y"] = H - 50
        if state["page"] == 2 and fields.get("child_name_value"):
            c.setFont("DV", 7.5)
            c.drawString(LX, state["y"], "Child (continued from page 1):")
            form.textfield(name="ChildNameRepeat_tmp", value=fields["child_name_value"], x=LX + 115, y=state["y"] - 4,
                           width=200, height=13, fontName="Helvetica", fontSize=8, borderWidth=0.5, borderColor=GREY,
                           fillColor=HexColor("#EAF1FB"), forceBorder=True)
            state["y"] -= 22

    c.setFont("DVB", 12)
    c.drawString(LX, state["y"], S["title"])
    c.setFont("DV", 8)
    c.drawString(LX, state["y"] - 13, S["partnership"] + "  -  " + S["org"])
    state["y"] -= 28
    c.setFont("DV", 7)
    for ln in wrap(guidance(S, ctx), "DV", 7, RX - LX):
        c.drawString(LX, state["y"], ln)
        state["y"] -= 8.5
    state["y"] -= 8
    for sec in sections:
        title = child_title(sec) if sec.kind == "child" else sec.title
        if state["y"] < 120:
            newpage()
        c.setFillColor(HexColor("#DCE6F2"))
        c.rect(LX, state["y"] - 4, RX - LX, 14, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("DVB", 9)
        c.drawString(LX + 3, state["y"], title)
        state["y"] -= 20
        if sec.kind == "agencies":
            L = S["labels"]
            cols = [LX, LX + 165, LX + 335, RX]
            c.setFont("DVB", 7.5)
            for k, key in enumerate(("ag_name", "ag_agency", "ag_contact")):
                c.drawString(cols[k] + 2, state["y"], L[key])
            state["y"] -= 6
            for n, r in enumerate(list(sec.rows) + [("", "", "")] * max(1, 4 - len(sec.rows)), 1):
                if state["y"] < 60:
                    newpage()
                for k in range(3):
                    form.textfield(name=f"Agency{n}_{['Name', 'Org', 'Contact'][k]}", value=r[k], x=cols[k] + 1,
                                   y=state["y"] - 16, width=cols[k + 1] - cols[k] - 2, height=15, fontName="Helvetica",
                                   fontSize=7 if len(r[k]) > 30 else 8, borderWidth=0.5, borderColor=GREY,
                                   fillColor=HexColor("#EAF1FB"), forceBorder=True)
                state["y"] -= 17
            state["y"] -= 10
            continue
        for it in sec.items:
            lab = simpleSplit(it.label, "DV", 8, BX - LX - 6)
            if it.type == "choice":
                h = max(14, 9 * len(lab))
                opts_h = 14 if it.key != "i_type" else 12 * len(it.options) + (14 if it.extra else 0)
                h = max(h, opts_h)
                if state["y"] - h < 50:
                    newpage()
                c.setFont("DV", 8)
                for j, ln in enumerate(lab):
                    c.drawString(LX, state["y"] - 9 - 9 * j, ln)
                name = fname(it, sec)
                fields[name] = True
                x, y = BX, state["y"] - 11
                for k, o in enumerate(it.options):
                    tmpname = f"{name}__{k}"
                    form.checkbox(name=tmpname, checked=it.chosen == k, buttonStyle="check", x=x, y=y - 1, size=9,
                                  borderWidth=0.6, borderColor=black, fillColor=white, forceBorder=True)
                    c.setFont("DV", 8)
                    c.drawString(x + 12, y + 1, o)
                    if it.key == "i_type":
                        y -= 12
                    else:
                        x += 24 + pdfmetrics.stringWidth(o, "DV", 8)
                groups.append((name, it.options, it.chosen))
                if it.extra:
                    c.drawString(BX, y + 1, "Please specify:")
                    form.textfield(name=f"{name}_Specify", value=it.extra, x=BX + 62, y=y - 2, width=RX - BX - 62,
                                   height=12, fontName="Helvetica", fontSize=8, borderWidth=0.5, borderColor=GREY,
                                   fillColor=HexColor("#EAF1FB"), forceBorder=True)
                state["y"] -= h + 5
                continue
            if it.type == "long":
                value = "\n\n".join(it.value)
                fh = 40 if len(value) > 200 else 28
                multi = True
            elif it.type == "multi":
                value = "\n".join(it.value)
                fh, multi = 30, True
            else:
                value, fh, multi = it.value, 14, False
            h = max(fh, 9 * len(lab))
            if state["y"] - h < 50:
                newpage()
            c.setFont("DV", 8)
            for j, ln in enumerate(lab):
                c.drawString(LX, state["y"] - 9 - 9 * j, ln)
            name = fname(it, sec)
            fields[name] = True
            if it.key in ("c_name", "c_first") and sec.child_no == 1 and "child_name_field" not in fields:
                fields["child_name_field"] = name
                fields["child_name_value"] = value if it.key == "c_name" else None
            form.textfield(name=name, value=value, x=BX, y=state["y"] - fh, width=RX - BX, height=fh,
                           fontName="Helvetica", fontSize=8 if not multi else 7.5, borderWidth=0.5, borderColor=GREY,
                           fillColor=HexColor("#EAF1FB"), forceBorder=True,
                           fieldFlags="multiline doNotScroll" if multi and rng.random() < 0.0 else ("multiline" if multi else ""))
            state["y"] -= h + 5
    furniture(c, S, ctx, W, H, state["page"], font="DV")
    c.showPage()
    c.save()
    kidify(tmp.getvalue(), buf, groups, fields.get("child_name_field") if fields.get("child_name_value") else None)


def kidify(data, out, groups, repeat_of):
    """Turn the temporary one-box fields into Acrobat's same-name check box groups (one parent field, a kid
    widget per option whose on-state is the option word), and make the page-2 strip a second widget of
    the child's name field."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    acro = w._root_object["/AcroForm"]
    fields = acro["/Fields"]
    by_name = {}
    for ref in fields:
        by_name[str(ref.get_object().get("/T"))] = ref
    new_fields = ArrayObject()
    consumed = set()
    for name, options, chosen in groups:
        parent = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(name),
                                   NameObject("/Kids"): ArrayObject()})
        pref = w._add_object(parent)
        on_names = []
        for k, o in enumerate(options):
            tmp = f"{name}__{k}"
            ref = by_name[tmp]
            consumed.add(tmp)
            wd = ref.get_object()
            on = NameObject("/" + "".join(ch if ch.isalnum() else "_" for ch in o))
            on_names.append(on)
            for key in ("/T", "/FT", "/V"):
                if key in wd:
                    del wd[key]
            ap = wd["/AP"]
            for kind in ("/N", "/D"):
                if kind in ap:
                    d = ap[kind].get_object()
                    if "/Yes" in d:
                        d[on] = d["/Yes"]
                        del d["/Yes"]
            wd[NameObject("/AS")] = on if chosen == k else NameObject("/Off")
            if "/MK" in wd:
                pass
            wd[NameObject("/Parent")] = pref
            parent["/Kids"].append(ref)
        parent[NameObject("/V")] = on_names[chosen] if chosen is not None else NameObject("/Off")
        new_fields.append(pref)
    for ref in fields:
        t = str(ref.get_object().get("/T"))
        if t in consumed:
            continue
        if t == "ChildNameRepeat_tmp" and repeat_of and repeat_of in by_name:
            continue
        new_fields.append(ref)
    if repeat_of and repeat_of in by_name and "ChildNameRepeat_tmp" in by_name:
        main = by_name[repeat_of].get_object()
        rep_ref = by_name["ChildNameRepeat_tmp"]
        rep = rep_ref.get_object()
        # the main field becomes a parent with two widgets
        widget1 = DictionaryObject({k: v for k, v in main.items() if k not in ("/T", "/FT", "/V", "/Ff", "/DA", "/DV")})
        w1ref = w._add_object(widget1)
        # replace the page's annotation reference of the main widget by widget1
        for page in w.pages:
            annots = page.get("/Annots")
            if annots is None:
                continue
            for i, a in enumerate(annots):
                if a.idnum == by_name[repeat_of].idnum:
                    annots[i] = w1ref
        for k in list(main.keys()):
            if k not in ("/T", "/FT", "/V", "/Ff", "/DA", "/DV"):
                del main[k]
        for key in ("/T", "/FT", "/V", "/Ff", "/DA", "/DV"):
            if key in rep:
                del rep[key]
        widget1[NameObject("/Parent")] = by_name[repeat_of]
        rep[NameObject("/Parent")] = by_name[repeat_of]
        main[NameObject("/Kids")] = ArrayObject([w1ref, rep_ref])
    acro[NameObject("/Fields")] = new_fields
    w.write(out)


PDF_LAYOUTS = {"P-OVERLAY": p_overlay, "P-LAYERS": p_layers, "P-TRIFOLD": p_trifold, "P-FLOWCHART": p_flowchart,
               "P-ACROKIDS": p_acrokids}
