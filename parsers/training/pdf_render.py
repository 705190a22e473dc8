"""Render a spec as a drawn PDF (text + ruling lines) or a fillable AcroForm PDF, with reportlab.

Drawn: one- and two-column layouts, 'Label: value' lines, values typed over a rule,
label|value grids, 4-column grids, label row above value row, small labels above boxes,
question then answer paragraphs, per-child columns, agencies table, glyph tick boxes
(☒/☐ in DejaVu), drawn boxes with an X, struck-through options, DD|MM|YYYY boxes.
AcroForm: text (single/multi-line), checkbox pairs, combo boxes; meaningful, generic
(Text12 / Check Box3) or hierarchical-looking (form1[0].Page1[0].x[0]) field names,
tooltips carrying the label.
"""
from __future__ import annotations

import io
import os

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .spec import W

_FONTS = {"reg": "Helvetica", "bold": "Helvetica-Bold", "glyph": False}
for _d in ("/usr/share/fonts/truetype/dejavu",):
    if os.path.exists(os.path.join(_d, "DejaVuSans.ttf")):
        pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(_d, "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(_d, "DejaVuSans-Bold.ttf")))
        _FONTS = {"reg": "DejaVu", "bold": "DejaVu-Bold", "glyph": True}

CHK, UNCHK = ("☒", "☐") if _FONTS["glyph"] else ("[X]", "[ ]")


def latin(s):
    return s.encode("latin-1", "replace").decode("latin-1")


class Flow:
    def __init__(self, rng, spec, acro):
        self.rng, self.spec, self.acro = rng, spec, acro
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.c.setTitle(spec["title"]); self.c.setAuthor(spec["partnership"]); self.c.setCreator("Microsoft Word")
        self.Wp, self.Hp = A4
        self.x0, self.x1 = 48, self.Wp - 48
        self.top, self.bottom = self.Hp - 56, 60
        self.y = self.top
        self.page = 1
        self.size = rng.choice([9, 9.5, 10])
        self.reg, self.bold = _FONTS["reg"], _FONTS["bold"]
        self.naming = rng.choice(["meaningful", "generic", "hier"])
        self.tip_p = 1.0 if self.naming == "generic" else rng.choice([0.0, 0.5, 1.0])
        self.nf = {"Text": 0, "Check Box": 0, "Dropdown": 0}
        self.used = set()
        self.shade = rng.choice([None, (0.9, 0.9, 0.9), (0.85, 0.9, 0.97)])
        self.decor()

    # ---- page furniture ----
    def decor(self):
        c = self.c
        if self.spec["marking"]:
            c.setFont(self.bold, 9); c.setFillColorRGB(0.75, 0, 0)
            c.drawCentredString(self.Wp / 2, self.Hp - 30, self.spec["marking"]); c.setFillColorRGB(0, 0, 0)
        c.setFont(self.reg, 7.5)
        foot = []
        if self.spec["footer_pages"]:
            foot.append(f"Page {self.page}")
        if self.spec["version"]:
            foot.append(self.spec["version"])
        if foot:
            c.drawCentredString(self.Wp / 2, 30, "   ".join(foot))

    def newpage(self):
        self.c.showPage()
        self.page += 1
        self.y = self.top
        self.decor()

    def need(self, h):
        if self.y - h < self.bottom:
            self.newpage()

    def wrap(self, text, font, size, width):
        out = []
        for para in text.split("\n"):
            words = para.split(" ")
            line = ""
            for w in words:
                while pdfmetrics.stringWidth(w, font, size) > width and len(w) > 4:  # hard-break an over-long word
                    k = len(w) - 1
                    while k > 2 and pdfmetrics.stringWidth(w[:k], font, size) > width:
                        k -= 1
                    if line:
                        out.append(line); line = ""
                    out.append(w[:k]); w = w[k:]
                t = (line + " " + w) if line else w
                if pdfmetrics.stringWidth(t, font, size) <= width or not line:
                    line = t
                else:
                    out.append(line); line = w
            out.append(line)
        return out

    def lh(self):
        return self.size * 1.3

    # ---- field names ----
    def fname(self, kind, key):
        if self.naming == "generic":
            self.nf[kind] += 1
            return f"{kind}{self.nf[kind]}" if kind != "Check Box" else f"Check Box{self.nf[kind]}"
        base = key.replace("safeguarding_lead", "dsl").replace(".", "_").replace("#", "_")
        if self.naming == "hier":
            base = "".join(p.capitalize() for p in base.split("_"))
        n, k = base, 1
        while n in self.used:
            k += 1; n = f"{base}_{k}"
        self.used.add(n)
        if self.naming == "hier":
            return f"form1[0].Page{self.page}[0].{n}[0]"
        return n

    # ---- answer drawing: returns height used; draws in box (x, ytop, w) ----
    def ans_lines(self, a, w):
        """Token lines for a drawn answer."""
        r = self.rng
        if a is None:
            return []
        k = a.kind
        if a.truth is None and not getattr(a, "shown", False) and k not in ("yn", "gender", "itype"):
            if a.blank == "filler":
                return [[(a.filler, "")]]
            return []
        if k in ("text", "email", "phone"):
            return [[(x, "")] for x in self.wrap(a.s, self.reg, self.size, w)]
        if k == "date":
            if r.random() < 0.1:
                d = a.d
                return [[(f"{d.day:02d}", "box2"), (f"{d.month:02d}", "box2"), (str(d.year), "box4")]]
            return [[(x, "")] for x in self.wrap(a.s, self.reg, self.size, w)]
        if k == "lines":
            return [[(y, "")] for x in a.lines for y in self.wrap(x, self.reg, self.size, w)]
        if k == "paras":
            out = []
            for j, p in enumerate(a.paras):
                if j: out.append([])
                out += [[(x, "")] for x in self.wrap(p, self.reg, self.size, w)]
            return out
        if k == "yn":
            v = a.v
            pair = r.choice(W["yesno_pairs"]["plain"][:3] + W["yesno_pairs"]["welsh"][:1])
            st = r.choice(["text", "glyph", "glyph", "box", "strike", "delete", "typed", "radio", "ring", "chips"])
            opts = [(pair[0], v is True), (pair[1], v is False)]
            if a.third and st in ("glyph", "box", "radio", "ring", "typed", "chips"):
                opts.append((a.third.upper() if pair[0].isupper() else a.third, a.third_ticked))
            gap = r.choice(["    ", "      ", "  "])
            if st == "radio":  # radio buttons drawn as circles, the chosen one with a dot
                return [[t for word, on in opts for t in (("", "radio_on" if on else "radio"), (" " + word + gap, ""))]]
            if st == "ring":  # the answer ringed by hand
                return [[t for word, on in opts for t in ((word, "ring" if on else ""), (gap, ""))]]
            if st == "typed":  # boxes typed as brackets, before or after their option: '[ ] Y [X] N', 'Yes ( ) No (x)'
                on, off = r.choice([("[X]", "[ ]"), ("[x]", "[ ]"), ("(x)", "( )")])
                if r.random() < 0.5:
                    return [[(gap.join(f"{on if ticked else off} {word}" for word, ticked in opts), "")]]
                return [[(gap.join(f"{word} {on if ticked else off}" for word, ticked in opts), "")]]
            if st == "chips" and _FONTS["glyph"]:  # a web page's chips: a tick before the chosen option
                return [[(gap.join(("✓ " if ticked else "") + word for word, ticked in opts), "")]]
            if st == "text" or st == "chips":
                return [[("" if v is None else pair[0] if v else pair[1], "")]]
            if st == "glyph":
                return [[(gap.join((CHK if ticked else UNCHK) + " " + word for word, ticked in opts), "")]]
            if st == "box":
                m = r.choice(["X", "x", "✓"]) if _FONTS["glyph"] else "X"
                return [[t for k, (word, ticked) in enumerate(opts)
                         for t in (((gap if k else "") + word + " ", ""), (m if ticked else "", "box"))]]
            if st == "strike":
                if v is None:
                    return [[(f"{pair[0]} / {pair[1]}", "")]]
                return [[(pair[0], "" if v else "strike"), (" / ", ""), (pair[1], "strike" if v else "")]]
            if v is None:
                return [[(f"{pair[0]} / {pair[1]}", "")]]
            return [[(pair[0] if v else pair[1], "")]]
        if k in ("gender", "itype"):
            if k == "gender":
                opts, pick, shown = a.opts, a.pick, a.s if a.truth else None
            else:
                opts = [o for _, o in a.opts]; pick = dict(a.opts).get(a.truth) if a.truth else None; shown = a.s
            if shown and (pick is None or shown != pick or r.random() < 0.5):
                return [[(x, "")] for x in self.wrap(shown, self.reg, self.size, w)]
            if pick is None and shown is None and r.random() < 0.5:
                return [[(a.filler, "")]] if a.blank == "filler" else []
            if r.random() < 0.5:
                on, off = (CHK, UNCHK) if r.random() < 0.75 else ("[X]", "[ ]")
                line = "    ".join((on if o == pick else off) + " " + o for o in opts)
                return [[(x, "")] for x in self.wrap(line, self.reg, self.size, w)]
            if r.random() < 0.3:  # radio buttons drawn as circles, one option to a line
                return [[("", "radio_on" if o == pick else "radio"), (" " + o, "")] for o in opts]
            out = []
            for o in opts:
                out.append([("X" if o == pick else "", "box"), (" " + o, "")])
            return out
        raise ValueError(k)

    def draw_tokens(self, lines, x, ytop):
        c = self.c
        y = ytop - self.size
        for line in lines:
            xx = x
            for text, fl in line:
                if fl.startswith("radio"):
                    rr = self.size * 0.36
                    c.circle(xx + rr, y + self.size * 0.32, rr, stroke=1, fill=0)
                    if fl == "radio_on":
                        c.circle(xx + rr, y + self.size * 0.32, rr * 0.5, stroke=0, fill=1)
                    xx += 2 * rr + 2
                    continue
                if fl.startswith("box"):
                    bw = {"box": 10, "box2": 18, "box4": 30}[fl]
                    c.rect(xx, y - 2, bw, self.size + 2)
                    c.setFont(self.reg, self.size); c.drawCentredString(xx + bw / 2, y, text)
                    xx += bw + 4
                    continue
                c.setFont(self.reg, self.size)
                c.drawString(xx, y, text)
                tw = pdfmetrics.stringWidth(text, self.reg, self.size)
                if fl == "strike":
                    c.line(xx, y + self.size * 0.33, xx + tw, y + self.size * 0.33)
                if fl == "ring":
                    c.ellipse(xx - 4, y - 4, xx + tw + 4, y + self.size + 1, stroke=1, fill=0)
                xx += tw
            y -= self.lh()
        return len(lines) * self.lh()

    # ---- widgets ----
    def widget(self, q, x, ytop, w, h):
        """Place AcroForm widget(s) for q's answer inside the box; return height used."""
        r, c, a = self.rng, self.c, q.ans
        form = c.acroForm
        tip = latin(q.label) if r.random() < self.tip_p else None
        kw = {"tooltip": tip} if tip else {}
        k = a.kind
        fs = 9
        if k in ("text", "email", "phone", "date", "lines", "paras") or (k in ("gender", "itype") and r.random() < 0.4) or (k == "yn" and r.random() < 0.2):
            if k == "lines":
                val = "\n".join(a.lines) if a.truth is not None else ""
            elif k == "paras":
                val = "\n\n".join(a.paras) if a.truth is not None else ""
            elif k == "yn":
                val = "" if a.v is None else r.choice([("Yes", "No"), ("Y", "N"), ("YES", "NO")])[0 if a.v else 1]
            elif k in ("gender", "itype"):
                val = a.s or ""
            else:
                val = a.s if (a.truth is not None or getattr(a, "shown", False)) else ""
            if a.truth is None and a.blank == "filler" and k not in ("yn", "gender", "itype"):
                val = a.filler
            multi = "\n" in val or k in ("paras", "lines") or pdfmetrics.stringWidth(val, "Helvetica", fs) > w - 6
            if multi:
                lines = sum(max(1, len(self.wrap(p, "Helvetica", fs, w - 6))) for p in val.split("\n")) if val else 3
                h = max(h, lines * (fs + 2.5) + 8)
            self.need_inline(h)
            form.textfield(name=self.fname("Text", q.key), value=latin(val), x=x, y=self.y_anchor - h, width=w, height=h, fontName="Helvetica", fontSize=fs,
                           borderWidth=0.5, fieldFlags="multiline" if multi else "", forceBorder=True, **kw)
            return h
        if k == "yn" and r.random() < 0.6:
            pair = r.choice([("Yes", "No"), ("YES", "NO"), ("Y", "N")])
            xx = x
            for word, on in ((pair[0], a.v is True), (pair[1], a.v is False)):
                c.setFont(self.reg, self.size); c.drawString(xx, self.y_anchor - 11, word)
                xx += pdfmetrics.stringWidth(word, self.reg, self.size) + 3
                form.checkbox(name=self.fname("Check Box", q.key + "_" + word.lower()), checked=on, x=xx, y=self.y_anchor - 13, size=11,
                              buttonStyle=r.choice(["check", "cross"]), borderWidth=0.5, **kw)
                xx += 24
            return 16
        if k == "itype" and r.random() < 0.5:
            yy = 0
            for key, o in a.opts:
                form.checkbox(name=self.fname("Check Box", q.key + "_" + key), checked=(key == a.truth), x=x, y=self.y_anchor - yy - 12, size=10, buttonStyle="check", borderWidth=0.5, **kw)
                c.setFont(self.reg, self.size); c.drawString(x + 14, self.y_anchor - yy - 10, o)
                yy += 14
            return yy + 2
        # combo
        if k == "yn":
            opts = [" ", "Yes", "No"]; val = " " if a.v is None else ("Yes" if a.v else "No")
        elif k == "gender":
            opts = [" "] + a.opts; val = a.pick if a.pick else " "
            if a.truth and not a.pick:
                opts.append(a.s); val = a.s
        else:
            opts = [" "] + [o for _, o in a.opts]; val = dict(a.opts).get(a.truth) if a.truth else " "
            if a.truth and val is None:
                opts.append(a.s); val = a.s
        form.choice(name=self.fname("Dropdown", q.key), value=latin(val), options=[latin(o) for o in opts], x=x, y=self.y_anchor - 15, width=min(w, 200), height=14,
                    fontName="Helvetica", fontSize=9, fieldFlags="combo", borderWidth=0.5, **kw)
        return 16

    def need_inline(self, h):
        pass

    # ---- value cell: drawn text or widget ----
    def value_height(self, q, w):
        if self.acro:
            a = q.ans
            if a.kind in ("paras", "lines"):
                val = "\n\n".join(a.paras) if a.kind == "paras" and a.truth else ("\n".join(a.lines) if a.kind == "lines" and a.truth else "")
                lines = sum(max(1, len(self.wrap(p, "Helvetica", 9, w - 6))) for p in val.split("\n")) if val else 3
                return lines * 11.5 + 8
            if a.kind in ("text", "email", "phone") and a.s and pdfmetrics.stringWidth(a.s, "Helvetica", 9) > w - 6:
                return len(self.wrap(a.s, "Helvetica", 9, w - 6)) * 11.5 + 8
            if a.kind == "itype":
                return len(a.opts) * 14 + 2
            return 16
        q._lines = self.ans_lines(q.ans, w)
        return max(1, len(q._lines)) * self.lh()

    def value_draw(self, q, x, ytop, w, h):
        if self.acro:
            self.y_anchor = ytop
            return self.widget(q, x, ytop, w, h)
        return self.draw_tokens(q._lines, x, ytop)

    # ---- primitives ----
    def heading(self, text, style):
        c = self.c
        self.need(self.lh() * 3)
        self.y -= 6
        if style == "bar":
            c.setFillColorRGB(*(self.shade or (0.8, 0.8, 0.8))); c.rect(self.x0, self.y - self.lh() - 2, self.x1 - self.x0, self.lh() + 4, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setFont(self.bold, self.size + (2 if style == "big" else 1))
        c.drawString(self.x0 + 3, self.y - self.size - 1, text.upper() if style == "caps" else text)
        self.y -= self.lh() + 8

    def para(self, text, size=None, bold=False, italic=False):
        size = size or self.size
        lines = self.wrap(text, self.bold if bold else self.reg, size, self.x1 - self.x0)
        for ln in lines:
            self.need(size * 1.3)
            self.c.setFont(self.bold if bold else self.reg, size)
            self.c.drawString(self.x0, self.y - size, ln)
            self.y -= size * 1.3
        self.y -= 3

    def label_lines(self, text, w, size=None, bold=True):
        return self.wrap(text, self.bold if bold else self.reg, size or self.size, w)

    def grid_row(self, cells, label_bold=True):
        """cells: list of (kind, payload, width) where kind 'label' (str) or 'value' (Q) or 'text' (str)."""
        c = self.c
        pad = 3
        hs = []
        for kind, pl, w in cells:
            if kind in ("label", "text", "head"):
                hs.append(len(self.label_lines(pl, w - 2 * pad, bold=kind != "text")) * self.lh())
            elif kind == "value":
                hs.append(self.value_height(pl, w - 2 * pad))
            else:
                hs.append(self.lh())
        h = max(hs) + 2 * pad
        if self.y - h < self.bottom:
            self.newpage()
            for kind, pl, w in cells:  # recompute token lines on new page (acro names carry page)
                pass
        x = self.x0
        for kind, pl, w in cells:
            if kind in ("label", "head") and self.shade:
                c.setFillColorRGB(*self.shade); c.rect(x, self.y - h, w, h, stroke=0, fill=1); c.setFillColorRGB(0, 0, 0)
            c.rect(x, self.y - h, w, h)
            if kind in ("label", "text", "head"):
                yy = self.y - pad
                for ln in self.label_lines(pl, w - 2 * pad, bold=kind != "text"):
                    c.setFont(self.bold if kind != "text" else self.reg, self.size); c.drawString(x + pad, yy - self.size, ln); yy -= self.lh()
            elif kind == "value":
                self.value_draw(pl, x + pad, self.y - pad, w - 2 * pad, h - 2 * pad)
            x += w
        self.y -= h

    def inline_field(self, q, rel):
        c = self.c
        lab = q.label
        lw = pdfmetrics.stringWidth(lab, self.bold, self.size)
        fullw = self.x1 - self.x0
        if lw > fullw * 0.55 or q.ans.kind in ("paras",) or rel == "qa":
            for ln in self.label_lines(lab, fullw):
                self.need(self.lh()); c.setFont(self.bold, self.size); c.drawString(self.x0, self.y - self.size, ln); self.y -= self.lh()
            h = self.value_height(q, fullw - 10)
            self.need(h + 4)
            self.value_draw(q, self.x0 + 10, self.y, fullw - 10, h)
            self.y -= h + 6
            return
        vx = self.x0 + lw + 6
        vw = self.x1 - vx
        h = self.value_height(q, vw)
        self.need(max(h, self.lh()) + 4)
        c.setFont(self.bold, self.size); c.drawString(self.x0, self.y - self.size, lab)
        self.value_draw(q, vx, self.y, vw, h)
        if rel == "underscore":
            c.setDash(1, 2) if self.rng.random() < 0.5 else c.setDash()
            c.line(vx, self.y - self.size - 2, self.x1, self.y - self.size - 2); c.setDash()
        self.y -= max(h, self.lh()) + 4

    def inline_pair(self, a, b):
        """Two 'Label: answer' fields on one line, the second from the middle of the page (as a report prints them);
        one on its own line when either does not fit its half."""
        c = self.c
        half = (self.x1 - self.x0) / 2
        fits = []
        for q in (a, b):
            lw = pdfmetrics.stringWidth(q.label, self.bold, self.size)
            fits.append(q.ans.kind != "paras" and lw < half * 0.5 and self.value_height(q, half - lw - 12) <= self.lh())
        if not all(fits):
            self.inline_field(a, "colon")
            self.inline_field(b, "colon")
            return
        self.need(self.lh() + 4)
        for k, q in enumerate((a, b)):
            x = self.x0 + k * half
            lw = pdfmetrics.stringWidth(q.label, self.bold, self.size)
            c.setFont(self.bold, self.size); c.drawString(x, self.y - self.size, q.label)
            self.value_draw(q, x + lw + 6, self.y, half - lw - 12, self.lh())
        self.y -= self.lh() + 4

    def qa_columns(self, qs, cols):
        """Questions with their answers under them, set in newspaper columns: each column read top to bottom,
        a band of columns at a time; long answers after the band, across the page."""
        c = self.c
        gap = 16
        cw = ((self.x1 - self.x0) - gap * (cols - 1)) / cols
        short = [q for q in qs if q.ans.kind != "paras"]
        per = self.rng.choice([3, 4, 5])
        i = 0
        while i < len(short):
            band = short[i:i + per * cols]
            i += len(band)
            columns = [band[k * per:(k + 1) * per] for k in range(cols)]
            heights = [sum(len(self.label_lines(q.label, cw)) * self.lh() + self.value_height(q, cw) + 8 for q in col)
                       for col in columns]
            tall = max(heights)
            if tall > self.top - self.bottom - 20:
                for q in band:
                    self.inline_field(q, "qa")
                continue
            self.need(tall + 4)
            top = self.y
            for k, col in enumerate(columns):
                x, y = self.x0 + k * (cw + gap), top
                for q in col:
                    for ln in self.label_lines(q.label, cw):
                        c.setFont(self.bold, self.size); c.drawString(x, y - self.size, ln); y -= self.lh()
                    h = self.value_height(q, cw)
                    self.value_draw(q, x, y, cw, h)
                    y -= h + 8
            self.y = top - tall - 4
        for q in qs:
            if q.ans.kind == "paras":
                self.inline_field(q, "qa")

    def box_above(self, qs, cols, inside=False, gap=10, under=False):
        """Small labels over answer boxes; ``inside``: each label printed in its own box, over the answer (``under``:
        under the answer, at the foot of the box)."""
        c = self.c
        cw = ((self.x1 - self.x0) - gap * (cols - 1)) / cols
        i = 0
        while i < len(qs):
            row = qs[i:i + cols]
            if any(q.ans.kind == "paras" for q in row) and cols > 1:
                row = qs[i:i + 1]
            i += len(row)
            w = cw if len(row) > 1 or cols == 1 else (self.x1 - self.x0)
            if len(row) == 1 and cols > 1 and row[0].ans.kind != "paras":
                w = cw
            hs = [self.value_height(q, w - 6) + 6 for q in row]
            h = max(hs) + 9
            self.need(h + 4)
            x = self.x0
            for q in row:
                if inside and under:
                    c.rect(x, self.y - h, w, h)
                    self.value_draw(q, x + 3, self.y - 3, w - 6, h - 15)
                    c.setFont(self.reg, 7); c.drawString(x + 3, self.y - h + 3, q.label[:120])
                elif inside:
                    c.rect(x, self.y - h, w, h)
                    c.setFont(self.reg, 7); c.drawString(x + 3, self.y - 8, q.label[:120])
                    self.value_draw(q, x + 3, self.y - 12, w - 6, h - 15)
                else:
                    c.setFont(self.reg, 7); c.drawString(x, self.y - 7, q.label[:120])
                    c.rect(x, self.y - h, w, h - 9)
                    self.value_draw(q, x + 3, self.y - 12, w - 6, h - 15)
                x += w + gap
            self.y -= h + (5 if not inside else max(gap, 0.0))

    def finish(self):
        self.c.save()
        return self.buf.getvalue()


def render(spec, rng, acro=False) -> bytes:
    f = Flow(rng, spec, acro)
    r = rng
    head_style = r.choice(["bar", "plain", "caps", "big", "numbered"])
    two_col = r.random() < 0.35
    f.para(spec["partnership"], size=f.size + 1, bold=True)
    f.para(spec["title"], size=f.size + 5, bold=True)
    full = f.x1 - f.x0
    guid = list(spec["guidance"])
    dis = {}
    for kind, pos in spec["distractors"]:
        dis.setdefault(pos, []).append(kind)

    def emit(pos):
        for kind in dis.get(pos, []):
            if kind == "guidance" and guid:
                f.para(guid.pop(), size=f.size - 1)
            elif kind == "office":
                f.heading(r.choice(W["office_use"]["headings"]), "plain")
                for lab in r.sample(W["office_use"]["labels"], 3):
                    f.grid_row([("label", lab, full * 0.4), ("text", "", full * 0.6)])
            elif kind == "signature":
                labs = r.sample(W["signature"]["labels"], 2)
                f.y -= 6
                f.grid_row([("label", labs[0], full * 0.2), ("text", "", full * 0.3), ("label", labs[1], full * 0.2), ("text", "", full * 0.3)])
            elif kind == "family":
                cols = W["family"]["columns"][:r.choice([3, 4, 5])]
                f.heading(r.choice(W["family"]["headings"]), "plain")
                w = full / len(cols)
                f.grid_row([("head", x, w) for x in cols])
                for fam in spec["family"]:
                    f.grid_row([("text", fam[i], w) for i in range(len(cols))])

    for si, sec in enumerate(spec["sections"]):
        emit(si)
        if sec.heading:
            t = sec.heading
            if head_style == "numbered":
                t = r.choice(["Section {n} – {t}", "{n}. {t}", "{L}. {t}"]).format(n=si + 1, t=t, L="ABCDEFGHIJKL"[si % 12])
            f.heading(t, "bar" if head_style == "numbered" and r.random() < 0.5 else head_style if head_style != "numbered" else "plain")
        if sec.kind == "agencies":
            cols = sec.extra["cols"]
            w = full / len(cols)
            f.grid_row([("head", h, w) for h in sec.extra["headers"]])
            for row in sec.extra["rows"]:
                f.grid_row([("text", row[c] or "", w) for c in cols])
            for _ in range(sec.extra["empty_rows"]):
                f.grid_row([("text", "", w) for _ in cols])
            continue
        if sec.kind == "childrows":  # a header row of labels over one row per child, in bands of columns
            numbered = sec.extra["number_col"]
            nw = 22 if numbered else 0
            fields = list(range(len(sec.items[0])))
            per = min(sec.extra["band"], 5)  # narrower cells would let tick boxes and words run into the next
            for start in range(0, len(fields), per):
                band = fields[start:start + per]
                w = (full - nw) / len(band)
                f.grid_row(([("head", r.choice(["#", "No."]), nw)] if numbered else [])
                           + [("head", sec.items[0][fi].label, w) for fi in band])
                for ci, qs_child in enumerate(sec.items):
                    f.grid_row(([("text", str(ci + 1), nw)] if numbered else []) + [("value", qs_child[fi], w) for fi in band])
            continue
        if sec.kind == "childcols":
            n = len(sec.items)
            lw = full * 0.3
            w = (full - lw) / n
            f.grid_row([("text", "", lw)] + [("head", sec.extra["child_heads"][i], w) for i in range(n)])
            for fi, q in enumerate(sec.items[0]):
                f.grid_row([("label", q.label, lw)] + [("value", sec.items[ci][fi], w) for ci in range(n)])
            continue
        rel = sec.rel
        qs = sec.items
        if rel == "colon" and not f.acro and r.random() < 0.25:
            for k in range(0, len(qs) - 1, 2):
                f.inline_pair(qs[k], qs[k + 1])
            if len(qs) % 2:
                f.inline_field(qs[-1], rel)
        elif rel in ("colon", "underscore", "qa"):
            for q in qs:
                f.inline_field(q, rel)
        elif rel == "table2":
            lw = full * r.choice([0.3, 0.38, 0.45])
            for q in qs:
                if q.ans.kind == "paras" and r.random() < 0.5:
                    f.grid_row([("label", q.label, full)])
                    f.grid_row([("value", q, full)])
                else:
                    f.grid_row([("label", q.label, lw), ("value", q, full - lw)])
        elif rel == "grid4":
            ws = [full * 0.2, full * 0.3, full * 0.2, full * 0.3]
            pend = []
            for q in qs:
                if q.ans.kind in ("paras", "itype"):
                    if pend:
                        f.grid_row(pend + [("text", "", ws[2]), ("text", "", ws[3])]); pend = []
                    f.grid_row([("label", q.label, ws[0]), ("value", q, full - ws[0])])
                    continue
                pend += [("label", q.label, ws[len(pend)]), ("value", q, ws[len(pend) + 1])]
                if len(pend) == 4:
                    f.grid_row(pend); pend = []
            if pend:
                f.grid_row(pend + [("text", "", ws[2]), ("text", "", ws[3])])
        elif rel == "headrow":  # a row of labels over a row of answers, a few to a row; long answers alone
            per = r.choice([2, 3, 3, 4])
            i = 0
            while i < len(qs):
                group = qs[i:i + per]
                kinds = [q.ans.kind for q in group]
                if "paras" in kinds:
                    group = group[:1] if kinds[0] == "paras" else group[:kinds.index("paras")]
                i += len(group)
                w = full / len(group)
                f.grid_row([("label", q.label, w) for q in group])
                f.grid_row([("value", q, w) for q in group])
        elif rel == "above":
            for q in qs:
                f.grid_row([("label", q.label, full)])
                f.grid_row([("value", q, full)])
        elif rel == "boxabove":
            f.box_above(qs, 2 if two_col else 1)
        elif rel == "qacols":
            f.qa_columns(qs, r.choice([2, 3]))
        elif rel == "incell":
            f.box_above(qs, 2 if two_col or r.random() < 0.5 else 1, inside=True, gap=r.choice([0, 4, 6, 10]),
                        under=r.random() < 0.3)
        else:
            for q in qs:
                f.inline_field(q, "colon")
    emit(len(spec["sections"]))
    return f.finish()
