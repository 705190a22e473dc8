"""The five PDF layouts of unseen30 (reportlab, invariant mode)."""

import io
import math
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics, pdfdoc
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.colors import Color, black, white, HexColor
from u30_form import sections, guidance, options, lab, CHILD_KEYS
from u30_model import fmt_date

FD = "/usr/share/fonts/truetype/dejavu/"
for nm, fn in [("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVI", "DejaVuSans-Oblique.ttf"),
               ("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVM", "DejaVuSansMono.ttf"),
               ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(nm, FD + fn))

PW, PH = A4
ML, MR, MT, MB = 42, 42, 58, 52
TW = PW - ML - MR


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            t = (line + " " + w) if line else w
            if pdfmetrics.stringWidth(t, font, size) <= width:
                line = t
            else:
                if line:
                    out.append(line)
                line = w
        out.append(line)
    return out


class Flow:
    """A page-flowing writer for ruled forms."""

    def __init__(self, path, s, title, producer, creator, total=None, font="DV", bold="DVB", size=9,
                 furniture=True):
        self.c = rl_canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator)
        self.c.setTitle(title)
        self.c.setAuthor(s["org"])
        self.s, self.font, self.bold, self.size = s, font, bold, size
        self.page, self.total, self.furn = 1, total, furniture
        self.y = PH - MT
        self._furniture()

    def _furniture(self):
        if not self.furn:
            return
        c = self.c
        c.setFont("DV", 7.5)
        c.setFillColor(black)
        c.drawString(ML, PH - 30, self.s["marking"])
        c.drawRightString(PW - MR, PH - 30, self.s["partnership"])
        c.drawString(ML, 28, f"{self.s['form_ref']}  {self.s['org']}")
        c.drawRightString(PW - MR, 28, f"Page {self.page} of {self.total or '?'}")

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.y = PH - MT
        self._furniture()

    def ensure(self, h):
        if self.y - h < MB:
            self.new_page()

    def text(self, t, font=None, size=None, color=black, indent=0, gap=2, width=None):
        font, size = font or self.font, size or self.size
        lines = wrap(t, font, size, (width or TW) - indent)
        for ln in lines:
            self.ensure(size + gap)
            self.c.setFont(font, size)
            self.c.setFillColor(color)
            self.c.drawString(ML + indent, self.y - size, ln)
            self.y -= size + gap
        return lines

    def bar(self, title, fill=HexColor("#1F3864"), fg=white, h=16):
        self.ensure(h + 30)
        self.y -= 6
        c = self.c
        c.setFillColor(fill)
        c.rect(ML, self.y - h, TW, h, stroke=0, fill=1)
        c.setFillColor(fg)
        c.setFont(self.bold, 9.5)
        c.drawString(ML + 5, self.y - h + 4.5, title)
        c.setFillColor(black)
        self.y -= h

    def row(self, label, lines, lw=180, shade=HexColor("#EEEEEE"), afont=None, lsize=None, pad=3):
        """A ruled label | answer row; lines = list of strings (paragraph gaps as '')."""
        afont = afont or self.font
        lsize = lsize or self.size
        llines = wrap(label, self.bold, lsize, lw - 2 * pad)
        alines = []
        for ln in lines:
            alines += wrap(ln, afont, self.size, TW - lw - 2 * pad) if ln else [""]
        n = max(len(llines), len(alines), 1)
        lh = self.size + 2.5
        h = n * lh + 2 * pad + 1
        self.ensure(h)
        c = self.c
        c.setFillColor(shade)
        c.rect(ML, self.y - h, lw, h, stroke=0, fill=1)
        c.setStrokeColor(HexColor("#808080"))
        c.setLineWidth(0.5)
        c.rect(ML, self.y - h, TW, h, stroke=1, fill=0)
        c.line(ML + lw, self.y, ML + lw, self.y - h)
        c.setFillColor(black)
        for k, ln in enumerate(llines):
            c.setFont(self.bold, lsize)
            c.drawString(ML + pad, self.y - pad - (k + 1) * lh + 2.5, ln)
        for k, ln in enumerate(alines):
            c.setFont(afont, self.size)
            c.drawString(ML + lw + pad, self.y - pad - (k + 1) * lh + 2.5, ln)
        top = self.y
        self.y -= h
        return top, h

    def save(self):
        self.c.save()


def answer_lines(s, it, words=True):
    d = it["d"]
    if it.get("kind") == "choice":
        if it["opt"] is None:
            return []
        return [options(s, it["group"])[it["opt"]]]
    if d is None:
        return []
    if it["kind"] == "lines":
        return list(d)
    if it["kind"] == "paras":
        out = []
        for k, p in enumerate(d):
            if k:
                out.append("")
            out.append(p)
        return out
    return [d]


def glyph_lines(s, it):
    opts = options(s, it["group"])
    if it["group"] == "itype":
        return [("\u2612 " if it["opt"] == k else "\u2610 ") + o for k, o in enumerate(opts)]
    return ["   ".join(("\u2612 " if it["opt"] == k else "\u2610 ") + o for k, o in enumerate(opts))]


def two_pass(render, path):
    buf = io.BytesIO()
    n = render(buf, None)
    render(path, n)


def agencies_rows(fl, sec, extra_cols=None, extra_fn=None):
    cols = sec["cols"]
    ex = extra_cols or []
    base = TW - 34 * len(ex)
    widths = [base * 0.32, base * 0.30, base * 0.38] + [34] * len(ex)
    heads = [lbl for _, lbl in cols] + ex
    fl.text(sec["label"], font=fl.bold, size=9)

    def draw(cells, bold=False, shade=None):
        lines = [wrap(t or "", fl.bold if bold else fl.font, 8.5, w - 6) for t, w in zip(cells, widths)]
        n = max(len(x) for x in lines)
        h = n * 11 + 6
        fl.ensure(h)
        c = fl.c
        x = ML
        for k, (ls, w) in enumerate(zip(lines, widths)):
            if shade:
                c.setFillColor(shade)
                c.rect(x, fl.y - h, w, h, stroke=0, fill=1)
                c.setFillColor(black)
            c.setStrokeColor(HexColor("#808080"))
            c.rect(x, fl.y - h, w, h, stroke=1, fill=0)
            for j, ln in enumerate(ls):
                c.setFont(fl.bold if bold else fl.font, 8.5)
                if k >= 3:
                    c.drawCentredString(x + w / 2, fl.y - 3 - (j + 1) * 11 + 2, ln)
                else:
                    c.drawString(x + 3, fl.y - 3 - (j + 1) * 11 + 2, ln)
            x += w
        fl.y -= h
    draw(heads, True, HexColor("#E7E6E6"))
    for a in sec["rows"]:
        draw([a[r] for r, _ in cols] + (extra_fn(a) if extra_fn else []))
    draw([""] * len(heads))


# ------------------------------------------------------------------ P-WORRIED
def p_worried(path, C, s, rng, notes):
    S = sections(C, s)
    f = C["f"]
    fill = HexColor(rng.choice(["#1F3864", "#0E4D45", "#5B2C6F"]))
    scale = rng.randint(1, 6)
    strengths = rng.choice([
        "Grandmother is protective and has agreed to care for the children.",
        "The school reports good attendance until recently and a trusted teaching assistant.",
        "Mother engaged with the health visitor and attended most appointments."])
    safety = rng.choice(["A safety plan is in place with the extended family.",
                         "The young person has a trusted adult at the project.",
                         "Police bail conditions prevent contact with the adult concerned."])
    complicating = rng.choice(["Parental drug use; frequent house moves; domestic abuse history.",
                               "Language barrier; no recourse to public funds; social isolation.",
                               "Online contact with unknown adults; missing episodes."])
    danger = rng.choice(["Professionals are worried that the children could be hurt again if nothing changes.",
                         "We are worried that other young people could be exploited by the same adults.",
                         "We are worried that the family will not get help quickly enough."])
    goal = rng.choice(["The children live with adults who keep them safe and meet their needs.",
                       "The young person is safe, in education and not in contact with the adults concerned."])
    notes.update(scale=scale)

    def render(out, total):
        fl = Flow(out, s, s["title"], rng_prod, "Microsoft\u00ae Word for Microsoft 365", total)
        fl.text(s["title"], font="DVB", size=14)
        fl.text(s["partnership"], font="DVB", size=10)
        fl.text(guidance(s) + " This form follows the Signs of Safety framework: tell us what you are worried about, "
                "what is working well and what needs to happen.", size=8)
        for sec in S:
            if sec["key"] in ("concerns",):
                continue
            fl.bar(sec["title"], fill)
            if sec["key"] == "agencies":
                agencies_rows(fl, sec)
                continue
            items = (sec.get("names") or []) + sec["items"]
            for it in items:
                if it.get("key") in ("i_summary",):
                    continue
                if it.get("kind") == "choice":
                    fl.row(it["label"], glyph_lines(s, it))
                else:
                    fl.row(it["label"], answer_lines(s, it))
            if sec["key"] == "incident":
                worried_block(fl)
        fl.save()
        return fl.page

    def worried_block(fl):
        fl.y -= 8
        fl.text("Mapping - what are we worried about, what is working well, what needs to happen?", font="DVB", size=10)
        cw = TW / 3
        heads = ["What are we worried about?", "What's working well?", "What needs to happen?"]
        summ = answer_lines(s, dict(S_item("i_summary")))
        conc = answer_lines(s, dict(S_item("concerns"))) if "concerns" not in s["not_asked"] else []
        cols = [
            [("b", f"Harm - {lab(s, 'i_summary')}")] + [("t", x) for x in summ] + [("t", ""), ("b", "Complicating factors"), ("t", complicating)],
            [("b", "Existing strengths"), ("t", strengths), ("t", ""), ("b", "Existing safety"), ("t", safety)],
            [("b", f"Next steps - {lab(s, 'concerns')}")] + [("t", x) for x in conc],
        ]
        wrapped = []
        for col in cols:
            ls = []
            for kind, t in col:
                if not t:
                    ls.append(("t", ""))
                    continue
                for ln in wrap(t, "DVB" if kind == "b" else "DV", 8.5, cw - 8):
                    ls.append((kind, ln))
            wrapped.append(ls)
        head_h = 16
        n = max(len(x) for x in wrapped)
        h = n * 11 + 8
        fl.ensure(head_h + min(h, 600))
        c = fl.c
        for k, hd in enumerate(heads):
            c.setFillColor(HexColor(["#F4CCCC", "#D9EAD3", "#CFE2F3"][k]))
            c.rect(ML + k * cw, fl.y - head_h, cw, head_h, stroke=1, fill=1)
            c.setFillColor(black)
            c.setFont("DVB", 9)
            c.drawString(ML + k * cw + 4, fl.y - head_h + 4.5, hd)
        fl.y -= head_h
        avail = fl.y - MB
        per_page = int((avail - 8) // 11)
        start = 0
        while start < n:
            chunk = min(per_page, n - start)
            hh = chunk * 11 + 8
            for k in range(3):
                c.rect(ML + k * cw, fl.y - hh, cw, hh, stroke=1, fill=0)
                for j, (kind, ln) in enumerate(wrapped[k][start:start + chunk]):
                    c.setFont("DVB" if kind == "b" else "DV", 8.5)
                    c.drawString(ML + k * cw + 4, fl.y - 4 - (j + 1) * 11 + 2, ln)
            fl.y -= hh
            start += chunk
            if start < n:
                fl.new_page()
                per_page = int((fl.y - MB - 8) // 11)
        fl.y -= 6
        fl.row("Danger statement", [danger])
        fl.row("Safety goal", [goal])
        fl.y -= 6
        fl.text("Scaling: on a scale of 0 to 10, where 10 means everyone knows the children are safe enough and 0 "
                "means things are so bad they cannot stay where they are, where do you rate this situation?", size=8)
        fl.ensure(30)
        c = fl.c
        for k in range(11):
            x = ML + 30 + k * 38
            c.setFont("DV", 9)
            c.drawCentredString(x, fl.y - 16, str(k))
            if k == scale:
                c.setStrokeColor(HexColor("#C00000"))
                c.setLineWidth(1.2)
                c.circle(x, fl.y - 13, 8, stroke=1, fill=0)
                c.setStrokeColor(black)
                c.setLineWidth(0.5)
        fl.y -= 30

    def S_item(key):
        for sec in S:
            for it in sec["items"]:
                if it.get("key") == key:
                    return it
        return dict(d=None, kind="text")

    rng_prod = "Microsoft\u00ae Word for Microsoft 365"
    two_pass(render, path)
    return dict(producer=rng_prod)


# ------------------------------------------------------------------ P-OLDSHEET
OLD_LABELS = [("c_last", "Surname"), ("c_first", "Forename(s)"), ("c_other", "AKA"), ("c_dob", "D.O.B."),
              ("c_age", "Age"), ("c_gender", "Sex (M/F)"), ("c_eth", "Ethnic origin"), ("c_addr", "Home address"),
              ("c_school", "School/nursery"), ("c_gp", "GP"), ("c_legal", "Legal status"),
              ("c_cp", "On CP plan? (Y/N)"), ("c_csc", "Known to CSC? (Y/N)"), ("c_lac", "LAC? (Y/N)"),
              ("c_dis", "Disability"), ("c_dod", "D.O.D. (if applicable)")]
OLD_ASKED = [k for k, _ in OLD_LABELS]


def old_value(ch, key, rng_words):
    fld = ch[key]
    if fld["kind"] == "choice":
        if fld["opt"] is None:
            return []
        if fld["group"] == "yesno":
            return [["Y", "N", "?"][fld["opt"]]]
        return [["F", "M", "Other"][fld["opt"]]]
    if fld["kind"] == "date" and fld["t"]:
        import datetime as dt
        return [fmt_date(dt.date.fromisoformat(fld["t"]), "old")]
    if fld["d"] is None:
        return []
    if fld["kind"] == "lines":
        return list(fld["d"])
    return [fld["d"]]


def p_oldsheet(path, C, s, rng, notes):
    S = sections(C, s)
    fill = HexColor(rng.choice(["#203864", "#385723", "#7F6000"]))
    kids = C["children"]
    notes["old_sheets"] = len(kids) - 1

    def render(out, total):
        fl = Flow(out, s, s["title"], "Adobe Acrobat Pro (64-bit) 24.2.20759", "Acrobat PDFMaker 24 for Word", total)
        fl.text(s["title"], font="DVB", size=14)
        fl.text(s["partnership"] + f"  -  form {s['form_ref']} version 3.2 (2025)", font="DVB", size=9)
        fl.text(guidance(s) + " There is room for one child on this form. For each further child, complete an "
                "additional child sheet and attach it to the end of this form.", size=8)
        for sec in S:
            if sec["key"] == "child" and sec["index"] > 0:
                continue
            fl.bar(sec["title"].split(" - child")[0], fill)
            if sec["key"] == "child" and len(kids) > 1:
                fl.text(f"Further children: {len(kids) - 1} - see the attached additional child sheet"
                        + ("s" if len(kids) > 2 else "") + ".", font="DVI", size=8.5)
            if sec["key"] == "agencies":
                agencies_rows(fl, sec)
                continue
            for it in (sec.get("names") or []) + sec["items"]:
                if it.get("kind") == "choice":
                    fl.row(it["label"], glyph_lines(s, it))
                else:
                    fl.row(it["label"], answer_lines(s, it))
        fl.text("")
        fl.row("Signed", [""])
        fl.row("Date", [""])
        for i in range(1, len(kids)):
            ch = kids[i]
            fl.new_page()
            fl.font, fl.bold = "DVS", "DVSB"
            fl.text("ADDITIONAL CHILD INFORMATION SHEET", font="DVSB", size=13)
            fl.text(f"{s['form_ref']} v1.4 (2019) - to be attached to the referral form. Photocopy this sheet for "
                    f"each additional child.", font="DVS", size=8)
            fl.text(f"Additional child no. {i}", font="DVSB", size=10)
            fl.y -= 4
            for key, label in OLD_LABELS:
                fl.row(label, old_value(ch, key, None), lw=150, shade=white, afont="DVS")
            fl.font, fl.bold = "DV", "DVB"
        fl.save()
        return fl.page

    two_pass(render, path)
    return dict(producer="Adobe Acrobat Pro (64-bit) 24.2.20759")


# ------------------------------------------------------------------ P-TEAMMATRIX
def p_teammatrix(path, C, s, rng, notes):
    S = sections(C, s)
    fill = HexColor(rng.choice(["#2E75B6", "#C55A11", "#548235"]))
    names = C["child_names"]
    mark = rng.choice(["\u2713", "X", "\u2714"])
    works = {}
    for k, a in enumerate(C["agencies"]):
        sel = [j for j in range(len(names)) if rng.random() < 0.7] or [0]
        works[k] = sel
    notes.update(matrix_mark=mark)

    def render(out, total):
        fl = Flow(out, s, s["title"], "Microsoft\u00ae Word 2019", "Microsoft\u00ae Word 2019", total)
        fl.text(s["title"], font="DVB", size=14)
        fl.text(s["partnership"], font="DVB", size=10)
        fl.text(guidance(s), size=8)
        for sec in S:
            fl.bar(sec["title"], fill)
            if sec["key"] == "agencies":
                fl.text("Team around the child: list everyone working with the family and tick the children each "
                        "worker is involved with.", size=8)
                idx = {id(a): k for k, a in enumerate(C["agencies"])}
                agencies_rows(fl, sec, extra_cols=list(names),
                              extra_fn=lambda a: [mark if j in works[idx[id(a)]] else "" for j in range(len(names))])
                continue
            for it in (sec.get("names") or []) + sec["items"]:
                fl.row(it["label"], answer_lines(s, it))
        fl.save()
        return fl.page

    two_pass(render, path)
    return dict(producer="Microsoft\u00ae Word 2019")


# ------------------------------------------------------------------ AcroForm helpers
class InkAnnotation(pdfdoc.Annotation):
    permitted = pdfdoc.Annotation.permitted + ("InkList", "CA", "NM")

    def __init__(self, Rect, Contents, InkList, AP, Color, width, name):
        self.Rect, self.Contents, self.InkList, self.AP, self.Color, self.W, self.NM = (
            Rect, Contents, InkList, AP, Color, width, name)

    def Dict(self):
        d = dict(Rect=self.Rect, Contents=self.Contents, Subtype="/Ink",
                 InkList=pdfdoc.PDFArray([pdfdoc.PDFArray([round(v, 2) for v in st]) for st in self.InkList]),
                 C=pdfdoc.PDFArray(self.Color), BS=pdfdoc.PDFDictionary({"W": self.W, "S": pdfdoc.PDFName("S")}),
                 AP=self.AP, F=4, NM=pdfdoc.PDFString(self.NM), T=pdfdoc.PDFString("iPad"))
        return self.AnnotationDict(**d)


def add_ink(c, strokes, color, width, name):
    xs = [p for st in strokes for p in st[0::2]]
    ys = [p for st in strokes for p in st[1::2]]
    pad = width + 1
    rect = [min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad]
    ops = [f"{color[0]} {color[1]} {color[2]} RG {width} w 1 J 1 j"]
    for st in strokes:
        ops.append(f"{st[0]:.2f} {st[1]:.2f} m")
        for k in range(2, len(st), 2):
            ops.append(f"{st[k]:.2f} {st[k + 1]:.2f} l")
        ops.append("S")
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("XObject"), "Subtype": pdfdoc.PDFName("Form"),
                                                    "BBox": pdfdoc.PDFArray(rect)}), "\n".join(ops))
    ref = c._doc.Reference(stream)
    ap = pdfdoc.PDFDictionary({"N": ref})
    c._addAnnotation(InkAnnotation(rect, "", strokes, ap, list(color), width, name))


def stroke_tick(rng, x, y):
    j = lambda: rng.uniform(-0.6, 0.6)
    pts = [x + 1 + j(), y + 5 + j(), x + 3 + j(), y + 3 + j(), x + 4.5 + j(), y + 1 + j(), x + 7 + j(), y + 5 + j(),
           x + 10 + j(), y + 9.5 + j(), x + 13 + j(), y + 13 + j()]
    return [pts]


def stroke_cross(rng, x, y):
    j = lambda: rng.uniform(-0.7, 0.7)
    return [[x + 1 + j(), y + 9 + j(), x + 5 + j(), y + 5 + j(), x + 9 + j(), y + 1 + j()],
            [x + 1 + j(), y + 1 + j(), x + 5 + j(), y + 5 + j(), x + 9.5 + j(), y + 9.5 + j()]]


def stroke_ring(rng, x, y, w):
    cx, cy = x + w / 2, y + 4
    rx, ry = w / 2 + 6, 8
    pts = []
    start = rng.uniform(0, 2 * math.pi)
    for k in range(30):
        a = start + k * 2 * math.pi * 1.08 / 29
        rj = 1 + rng.uniform(-0.04, 0.04)
        pts += [cx + rx * rj * math.cos(a), cy + ry * rj * math.sin(a)]
    return [pts]


def field_value(it):
    d = it["d"]
    if d is None:
        return ""
    if it["kind"] == "lines":
        return "\n".join(d)
    if it["kind"] == "paras":
        return "\n\n".join(d)
    return d


# ------------------------------------------------------------------ P-PENCIL
def p_pencil(path, C, s, rng, notes):
    S = sections(C, s)
    style = rng.choice(["tick", "tick", "cross", "ring"])
    colour = rng.choice([(0.05, 0.2, 0.75), (0.1, 0.1, 0.1), (0.75, 0.1, 0.1)])
    width = rng.choice([1.2, 1.6, 2.0])
    notes.update(ink_style=style, ink_width=width)
    counter = dict(n=0, inks=0)

    def render(out, total):
        counter["n"] = counter["inks"] = 0
        fl = Flow(out, s, s["title"], "iPadOS Version 17.6.1 (Build 21G93) Quartz PDFContext",
                  "Adobe InDesign 18.5 (Macintosh)", total)
        c = fl.c
        form = c.acroForm
        fl.text(s["title"], font="DVB", size=14)
        fl.text(s["partnership"], font="DVB", size=10)
        fl.text(guidance(s) + " Type in the boxes; tick one box where options are given.", size=8)
        lw = 190
        fw = TW - lw

        def fname(base):
            counter["n"] += 1
            return f"{base}_{counter['n']}"

        for sec in S:
            fl.bar(sec["title"], HexColor("#44546A"))
            if sec["key"] == "agencies":
                fl.text(sec["label"], font="DVB", size=9)
                widths = [TW * 0.32, TW * 0.30, TW * 0.38]
                x = ML
                fl.ensure(16)
                for (role, lbl), w in zip(sec["cols"], widths):
                    c.setFont("DVB", 8.5)
                    c.drawString(x + 2, fl.y - 11, lbl)
                    x += w
                fl.y -= 15
                for a in sec["rows"] + [None]:
                    fl.ensure(20)
                    x = ML
                    for (role, lbl), w in zip(sec["cols"], widths):
                        v = (a[role] if a else "") or ""
                        form.textfield(name=fname("ag_" + role), tooltip=lbl, value=v, x=x + 1, y=fl.y - 17, width=w - 3,
                                       height=15, fontName="Helvetica", fontSize=8.5, borderWidth=0.5,
                                       borderColor=HexColor("#7F7F7F"), fillColor=HexColor("#EAF1FB"), textColor=black,
                                       maxlen=200)
                        x += w
                    fl.y -= 19
                continue
            for it in (sec.get("names") or []) + sec["items"]:
                if it.get("kind") == "choice":
                    opts = options(s, it["group"])
                    per_line = 1 if it["group"] == "itype" else len(opts)
                    llines = wrap(it["label"], "DVB", 8.5, lw - 6)
                    nrows = len(opts) if per_line == 1 else 1
                    h = max(len(llines) * 11, nrows * 16) + 6
                    fl.ensure(h)
                    c.setFont("DVB", 8.5)
                    for k, ln in enumerate(llines):
                        c.drawString(ML, fl.y - 11 - k * 11, ln)
                    x0, y0 = ML + lw, fl.y - 14
                    for k, o in enumerate(opts):
                        if per_line == 1:
                            bx, by = x0, y0 - k * 16
                        else:
                            bx, by = x0 + k * (fw / len(opts)), y0
                        c.setStrokeColor(black)
                        c.setLineWidth(0.6)
                        c.rect(bx, by - 1, 10, 10, stroke=1, fill=0)
                        c.setFont("DV", 8.5)
                        c.drawString(bx + 14, by + 1, o)
                        if it["opt"] == k:
                            counter["inks"] += 1
                            if style == "tick":
                                st = stroke_tick(rng, bx, by - 1)
                            elif style == "cross":
                                st = stroke_cross(rng, bx, by - 1)
                            else:
                                st = stroke_ring(rng, bx + 12, by, pdfmetrics.stringWidth(o, "DV", 8.5) + 4)
                            add_ink(c, st, colour, width, f"ink-{counter['inks']:03d}")
                    fl.y -= h
                    continue
                val = field_value(it)
                multi = it["kind"] in ("lines", "paras") or len(val) > 70
                if multi:
                    wl = []
                    for ln in val.split("\n"):
                        wl += wrap(ln, "Helvetica", 8.5, fw - 10) if ln else [""]
                    val = "\n".join(wl)
                    nl = max(2, len(wl))
                else:
                    nl = 1
                llines = wrap(it["label"], "DVB", 8.5, lw - 6)
                h = max(len(llines) * 11, nl * 10.5 + 6) + 5
                fl.ensure(h)
                c.setFont("DVB", 8.5)
                c.setFillColor(black)
                for k, ln in enumerate(llines):
                    c.drawString(ML, fl.y - 11 - k * 11, ln)
                fh = nl * 10.5 + 6
                form.textfield(name=fname(it.get("key") or "decoy"), tooltip=it["label"], value=val, x=ML + lw,
                               y=fl.y - fh - 1, width=fw, height=fh, fontName="Helvetica", fontSize=8.5,
                               borderWidth=0.5, borderColor=HexColor("#7F7F7F"), fillColor=HexColor("#EAF1FB"),
                               textColor=black, fieldFlags="multiline" if multi else "", maxlen=5000)
                fl.y -= h
        fl.save()
        return fl.page

    two_pass(render, path)
    notes["ink_marks"] = counter["inks"]
    return dict(producer="iPadOS Quartz PDFContext")


# ------------------------------------------------------------------ P-LINEFIELDS
def acro_name(label, used):
    base = label.replace("?", "").replace("(", "").replace(")", "").replace("/", " ").replace(".", "")
    base = " ".join(base.split())[:40].strip()
    used[base] = used.get(base, 0) + 1
    return base if used[base] == 1 else f"{base}_{used[base]}"


def p_linefields(path, C, s, rng, notes):
    S = sections(C, s)
    mark = rng.choice(["X", "x", "X"])
    stats = dict(line_fields=0, split_answers=0, box_fields=0)

    def render(out, total):
        for k in stats:
            stats[k] = 0
        used = {}
        fl = Flow(out, s, s["title"], "Adobe Acrobat Pro (64-bit) 23.6.20360", "Adobe Acrobat Pro (64-bit) 23.6.20360", total,
                  font="DVS", bold="DVSB")
        c = fl.c
        form = c.acroForm
        fl.text(s["title"].upper(), font="DVSB", size=13)
        fl.text(s["partnership"], font="DVSB", size=10)
        fl.text(guidance(s) + " Please write clearly on the lines and mark boxes with a cross.", font="DVS", size=8)
        lw = 175
        fw = TW - lw

        def line_field(label, text, x, y, w):
            nm = acro_name(label, used)
            c.setStrokeColor(black)
            c.setLineWidth(0.5)
            c.line(x, y, x + w, y)
            form.textfield(name=nm, value=text, x=x, y=y, width=w, height=13, fontName="Helvetica", fontSize=9,
                           borderWidth=0, fillColor=None, borderColor=None, textColor=HexColor("#1F1F7A"), maxlen=0)
            stats["line_fields"] += 1

        for sec in S:
            fl.y -= 6
            fl.ensure(40)
            c.setFont("DVSB", 10.5)
            c.drawString(ML, fl.y - 12, sec["title"].upper())
            c.setLineWidth(1)
            c.line(ML, fl.y - 15, ML + TW, fl.y - 15)
            fl.y -= 22
            if sec["key"] == "agencies":
                widths = [TW * 0.32, TW * 0.30, TW * 0.38]
                c.setFont("DVSB", 8.5)
                c.drawString(ML, fl.y - 10, sec["label"])
                fl.y -= 14
                x = ML
                for (role, lbl), w in zip(sec["cols"], widths):
                    c.drawString(x, fl.y - 10, lbl)
                    x += w
                fl.y -= 12
                for a in sec["rows"] + [None, None]:
                    fl.ensure(20)
                    x = ML
                    for (role, lbl), w in zip(sec["cols"], widths):
                        v = (a[role] if a else "") or ""
                        line_field(lbl, v, x, fl.y - 16, w - 8)
                        x += w
                    fl.y -= 19
                continue
            for it in (sec.get("names") or []) + sec["items"]:
                llines = wrap(it["label"], "DVS", 8.5, lw - 8)
                if it.get("kind") == "choice":
                    opts = options(s, it["group"])
                    vertical = it["group"] == "itype"
                    h = (len(opts) * 15 if vertical else 15) + 6
                    h = max(h, len(llines) * 11 + 4)
                    fl.ensure(h)
                    c.setFont("DVS", 8.5)
                    for k, ln in enumerate(llines):
                        c.drawString(ML, fl.y - 11 - k * 11, ln)
                    x = ML + lw
                    for k, o in enumerate(opts):
                        bx, by = (ML + lw, fl.y - 14 - k * 15) if vertical else (x, fl.y - 14)
                        c.rect(bx, by, 11, 11, stroke=1, fill=0)
                        form.textfield(name=acro_name(o, used), value=mark if it["opt"] == k else "", x=bx, y=by,
                                       width=11, height=11, fontName="Helvetica", fontSize=9, borderWidth=0,
                                       fillColor=None, borderColor=None, textColor=black, maxlen=1)
                        stats["box_fields"] += 1
                        c.setFont("DVS", 8.5)
                        c.drawString(bx + 15, by + 2, o)
                        x += pdfmetrics.stringWidth(o, "DVS", 8.5) + 40
                    fl.y -= h
                    continue
                val = field_value(it)
                lines = []
                for ln in (val.split("\n") if val else [""]):
                    lines += wrap(ln, "Helvetica", 9, fw - 12) if ln else [""]
                if it["kind"] in ("paras",):
                    lines += [""]
                if len([x for x in lines if x]) > 1 and it["kind"] not in ("lines",):
                    stats["split_answers"] += 1
                n = max(len(lines), len(llines), 1 if it["kind"] not in ("lines",) else 3)
                while len(lines) < n:
                    lines.append("")
                h = n * 16 + 2
                if h > fl.y - MB and h < PH - MT - MB:
                    fl.new_page()
                c.setFont("DVS", 8.5)
                for k, ln in enumerate(llines):
                    c.drawString(ML, fl.y - 11 - k * 11, ln)
                for k, ln in enumerate(lines):
                    if fl.y - 16 < MB:
                        fl.new_page()
                    line_field(it["label"], ln, ML + lw, fl.y - 14, fw - 4)
                    fl.y -= 16
                fl.y -= 2
        fl.save()
        return fl.page

    two_pass(render, path)
    notes.update(stats)
    notes["box_mark"] = mark
    return dict(producer="Adobe Acrobat Pro (64-bit) 23.6.20360")


PDF_LAYOUTS = {"P-PENCIL": p_pencil, "P-LINEFIELDS": p_linefields, "P-WORRIED": p_worried,
               "P-OLDSHEET": p_oldsheet, "P-TEAMMATRIX": p_teammatrix}
