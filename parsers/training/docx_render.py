"""Render a spec as a .docx built from raw OOXML (python-docx's default styles part).

Primitives: paragraphs 'Label: value' / tab / underscores / brackets, label|value tables,
4-column grids, label cell above value cell, question paragraph + answer paragraph(s),
per-child columns, agencies table with header row, shaded merged heading rows, nested
tables (Yes | X | No boxes, DD | MM | YYYY), content controls (text, date picker with
w:fullDate, drop-down, w14 checkbox), legacy FORMTEXT / FORMCHECKBOX / FORMDROPDOWN,
Wingdings / Wingdings 2 w:sym glyphs, MS Gothic glyphs, struck / deleted options,
tracked insertions and deletions, headers and footers with page x of y.
"""
from __future__ import annotations

import io
import os
import zipfile
from xml.sax.saxutils import escape

import docx as _docx

from .spec import W, GENDER_OF

_STYLES = open(os.path.join(os.path.dirname(_docx.__file__), "templates", "default-styles.xml"), "rb").read()
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')
TRACK_DATE = "2025-01-06T09:00:00Z"


def esc(s):
    return escape(s, {'"': "&quot;"})


class D:
    """docx writer state for one document."""

    def __init__(self, rng):
        self.rng = rng
        self.id = 100
        self.ff = 0

    def nid(self):
        self.id += 1
        return self.id

    # ---- runs ----
    def r(self, text, b=False, i=False, u=False, strike=False, sz=None, color=None, font=None, caps=False, style=None):
        pr = ""
        if style: pr += f'<w:rStyle w:val="{style}"/>'
        if font: pr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        if b: pr += "<w:b/>"
        if i: pr += "<w:i/>"
        if caps: pr += "<w:caps/>"
        if strike: pr += "<w:strike/>"
        if color: pr += f'<w:color w:val="{color}"/>'
        if sz: pr += f'<w:sz w:val="{sz}"/>'
        if u: pr += '<w:u w:val="single"/>'
        pr = f"<w:rPr>{pr}</w:rPr>" if pr else ""
        out = []
        for k, seg in enumerate(text.split("\n")):
            if k: out.append(f"<w:r>{pr}<w:br/></w:r>")
            parts = seg.split("\t")
            for j, t in enumerate(parts):
                if j: out.append(f"<w:r>{pr}<w:tab/></w:r>")
                if t: out.append(f'<w:r>{pr}<w:t xml:space="preserve">{esc(t)}</w:t></w:r>')
        return "".join(out)

    def p(self, runs, style=None, shade=None, jc=None, after=None, keep=False):
        pr = ""
        if style: pr += f'<w:pStyle w:val="{style}"/>'
        if keep: pr += "<w:keepNext/>"
        if shade: pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
        if after is not None: pr += f'<w:spacing w:after="{after}"/>'
        if jc: pr += f'<w:jc w:val="{jc}"/>'
        return f"<w:p>{'<w:pPr>' + pr + '</w:pPr>' if pr else ''}{runs}</w:p>"

    def tc(self, paras, w, shade=None, span=1, vmerge=None):
        pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
        if span > 1: pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge: pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
        if shade: pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
        if isinstance(paras, str): paras = [paras]
        body = "".join(paras) or "<w:p/>"
        if not body.rstrip().endswith("</w:p>"):
            body += "<w:p/>"  # a cell must end with a paragraph
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"

    def tbl(self, rows, widths, borders=True, header=False):
        b = ('<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
             '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
             '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>') if borders else ""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        trs = []
        for k, row in enumerate(rows):
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and k == 0 else ""
            trs.append(f"<w:tr>{trpr}{''.join(row)}</w:tr>")
        return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/>'
                f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')

    # ---- content controls and legacy fields ----
    def sdt(self, inner_runs, pr_extra="", placeholder=False, tag=None):
        pr = f'<w:id w:val="{self.nid()}"/>'
        if tag: pr += f'<w:tag w:val="{esc(tag)}"/>'
        if placeholder: pr += '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/>'
        return f"<w:sdt><w:sdtPr>{pr}{pr_extra}</w:sdtPr><w:sdtContent>{inner_runs}</w:sdtContent></w:sdt>"

    def formfield(self, kind, result_runs="", extra=""):
        self.ff += 1
        name = {"text": "Text", "check": "Check", "dd": "Dropdown"}[kind] + str(self.ff)
        body = {"text": "<w:textInput/>", "check": extra, "dd": extra}[kind]
        instr = {"text": " FORMTEXT ", "check": " FORMCHECKBOX ", "dd": " FORMDROPDOWN "}[kind]
        out = (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>{body}</w:ffData></w:fldChar></w:r>'
               f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>')
        if kind != "check":
            out += f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result_runs}'
        return out + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'

    def box(self, checked, style):
        """One checkbox in the given glyph style."""
        if style == "unicode":
            return self.r("☒" if checked else "☐", font=self.rng.choice(["MS Gothic", "Segoe UI Symbol", None]))
        if style == "wingdings":
            return f'<w:r><w:sym w:font="Wingdings" w:char="{"F0FE" if checked else "F0A8"}"/></w:r>'
        if style == "wingdings2":
            return f'<w:r><w:sym w:font="Wingdings 2" w:char="{"F053" if checked else "F0A3"}"/></w:r>'
        if style == "w14":
            pr = (f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                  '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>')
            return self.sdt(self.r("☒" if checked else "☐", font="MS Gothic"), pr)
        if style == "legacy":
            return self.formfield("check", extra=f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{"<w:checked/>" if checked else ""}</w:checkBox>')
        if style == "tick":
            return self.r(self.rng.choice(["✓", "✔", "X", "x"]) if checked else "")
        if style == "typed":  # boxes typed as brackets: '[X] Yes [ ] No'
            return self.r("[X]" if checked else "[ ]")
        if style == "pua":  # Wingdings boxes typed as text (a form converted from PDF): private-use code points
            return self.r("\uf0fe" if checked else "\uf0a8", font="Wingdings")
        raise ValueError(style)

    # ---- answers ----
    def blank_runs(self, a, kind="text"):
        r = self.rng
        if a.blank == "placeholder":
            ph = r.choice(W["placeholders_date"] if kind == "date" else W["placeholders_text"])
            extra = ""
            if kind == "date":
                extra = '<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
            return self.sdt(self.r(ph, style="PlaceholderText", color="808080"), extra, placeholder=True)
        if a.blank == "filler":
            return self.r(a.filler)
        if r.random() < 0.15:
            return self.formfield("text", self.r("\u2002" * 5))
        return ""

    def text_runs(self, s, u=False):
        r = self.rng
        k = r.random()
        if k < 0.08:
            return self.sdt(self.r(s, u=u), "<w:text/>" if r.random() < 0.5 else "")
        if k < 0.13:
            return self.formfield("text", self.r(s))
        if k < 0.16:  # tracked change: old value deleted, new value inserted
            old = "TBC" if r.random() < 0.5 else s[: max(1, len(s) // 2)] + "??"
            return (f'<w:del w:id="{self.nid()}" w:author="Referrer" w:date="{TRACK_DATE}"><w:r><w:delText xml:space="preserve">{esc(old)}</w:delText></w:r></w:del>'
                    f'<w:ins w:id="{self.nid()}" w:author="Referrer" w:date="{TRACK_DATE}">{self.r(s, u=u)}</w:ins>')
        return self.r(s, u=u)

    def yn_runs(self, a):
        r = self.rng
        v = a.v
        pair = r.choice(W["yesno_pairs"]["welsh"] if r.random() < 0.1 else W["yesno_pairs"]["plain"])
        style = r.choice(["text", "text", "unicode", "unicode", "wingdings", "wingdings2", "w14", "w14", "legacy", "typed", "delete", "strike", "trackdel", "dropdown", "legacy_dd", "nested", "pua", "chips"])
        if style == "chips":  # a web page's chips: every option printed, a tick before the chosen one
            order = [(pair[0], v is True), (pair[1], v is False)]
            if a.third:
                order.append((a.third, a.third_ticked))
            gap = r.choice(["\t", "   ", "\t"])
            return self.r(gap.join(("✓ " if chk else "") + word for word, chk in order))
        if style == "text":
            if v is None:
                return r.choice(["", self.r(f"{pair[0]} / {pair[1]}"), self.r(r.choice(W["fillers"][:2])) if False else ""])
            return self.text_runs(pair[0] if v else pair[1])
        if style in ("unicode", "wingdings", "wingdings2", "w14", "legacy", "typed", "pua"):
            order = [(pair[0], v is True), (pair[1], v is False)]
            if r.random() < 0.15: order.reverse()
            if a.third:
                order.append((a.third.upper() if pair[0].isupper() else a.third, a.third_ticked))
            before = r.random() < 0.6
            out = []
            for k, (word, chk) in enumerate(order):
                if k: out.append(self.r(r.choice(["  ", "   ", "\t", " "])))
                out.append(self.box(chk, style) + self.r(" " + word) if before else self.r(word + " ") + self.box(chk, style))
            return "".join(out)
        if style == "delete":
            tail = r.choice(["", " (delete as appropriate)", ""])
            if v is None:
                return self.r(f"{pair[0]} / {pair[1]}{tail}")
            return self.r((pair[0] if v else pair[1]) + tail)
        if style in ("strike", "trackdel"):
            if v is None:
                return self.r(f"{pair[0]} / {pair[1]}")
            keep_i = 0 if v else 1
            out = []
            for k in (0, 1):
                if k: out.append(self.r(" / "))
                if k == keep_i:
                    out.append(self.r(pair[k]))
                elif style == "strike":
                    out.append(self.r(pair[k], strike=True))
                else:
                    out.append(f'<w:del w:id="{self.nid()}" w:author="Referrer" w:date="{TRACK_DATE}"><w:r><w:delText>{esc(pair[k])}</w:delText></w:r></w:del>')
            return "".join(out)
        if style == "dropdown":
            items = "".join(f'<w:listItem w:displayText="{esc(x)}" w:value="{esc(x)}"/>' for x in pair)
            pr = f'<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>{items}</w:dropDownList>'
            if v is None:
                return self.sdt(self.r("Choose an item.", style="PlaceholderText", color="808080"), pr, placeholder=True)
            return self.sdt(self.r(pair[0] if v else pair[1]), pr)
        if style == "legacy_dd":
            entries = [" ", pair[0], pair[1]]
            res = 0 if v is None else (1 if v else 2)
            ext = f'<w:ddList><w:result w:val="{res}"/>' + "".join(f'<w:listEntry w:val="{esc(e)}"/>' for e in entries) + "</w:ddList>"
            shown = self.r(entries[res]) if r.random() < 0.7 else ""
            return self.formfield("dd", shown, ext)
        if style == "nested":
            return "NESTED"
        raise ValueError(style)

    def nested_yn(self, a):
        r = self.rng
        mark = r.choice(["X", "x", "✓", "✔", "Y"])
        pair = r.choice(W["yesno_pairs"]["plain"][:2])
        cells = [self.tc(self.p(self.r(pair[0], b=True)), 700), self.tc(self.p(self.r(mark if a.v is True else "")), 500),
                 self.tc(self.p(self.r(pair[1], b=True)), 700), self.tc(self.p(self.r(mark if a.v is False else "")), 500)]
        return self.tbl([cells], [700, 500, 700, 500])

    def date_runs(self, a):
        r = self.rng
        if a.truth is None:
            return self.blank_runs(a, "date")
        if r.random() < 0.2:
            fmt = {"dd/mm/yyyy": "dd/MM/yyyy", "d Month yyyy": "d MMMM yyyy", "d/m/yyyy": "d/M/yyyy"}.get(a.style, "dd/MM/yyyy")
            pr = (f'<w:date w:fullDate="{a.truth}T00:00:00Z"><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/>'
                  '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
            return self.sdt(self.r(a.s), pr)
        return self.text_runs(a.s)

    def date_boxes(self, a):
        d = a.d
        cells = [self.tc(self.p(self.r(x)), 600) for x in (f"{d.day:02d}", f"{d.month:02d}", str(d.year))]
        hdr = [self.tc(self.p(self.r(x, sz=14)), 600) for x in ("DD", "MM", "YYYY")]
        return self.tbl([hdr, cells] if self.rng.random() < 0.5 else [cells], [600, 600, 600])

    def choice_runs(self, a, opts, pick, shown):
        """gender / incident type: text, drop-down, or tick list."""
        r = self.rng
        style = r.choice(["text", "text", "dropdown", "ticks", "chips"])
        if style == "chips":
            if pick is None and shown is not None:
                return self.text_runs(shown)
            return self.r(r.choice(["\t", "   "]).join(("✓ " if o == pick else "") + o for o in opts))
        if style == "text" or (style == "ticks" and pick is None and shown is not None):
            if shown is None:
                return self.blank_runs(a) if a.blank else ""
            return self.text_runs(shown)
        if style == "dropdown":
            items = "".join(f'<w:listItem w:displayText="{esc(x)}" w:value="{esc(x)}"/>' for x in opts)
            pr = f"<w:dropDownList>{items}</w:dropDownList>"
            if shown is None:
                return self.sdt(self.r(r.choice(W["placeholders_choice"]), style="PlaceholderText", color="808080"), pr, placeholder=True)
            return self.sdt(self.r(shown), pr)
        bs = r.choice(["unicode", "wingdings", "wingdings2", "w14", "legacy", "typed"])
        sep = r.choice(["  ", "\t", "\n"])
        out = []
        for k, o in enumerate(opts):
            if k: out.append(self.r(sep))
            out.append(self.box(o == pick, bs) + self.r(" " + o))
        return "".join(out)

    def answer(self, a, inline_ok=True, u=False):
        """-> ('inline', runs) or ('block', [block xml])."""
        r = self.rng
        if a is None:
            return ("inline", "")
        k = a.kind
        if k in ("text", "email", "phone"):
            if a.truth is None and not getattr(a, "shown", False):
                return ("inline", self.blank_runs(a))
            return ("inline", self.text_runs(a.s, u=u))
        if k == "date":
            if a.truth is not None and not inline_ok and r.random() < 0.12:
                return ("block", [self.date_boxes(a)])
            return ("inline", self.date_runs(a))
        if k == "yn":
            runs = self.yn_runs(a)
            if runs == "NESTED":
                if inline_ok:
                    return ("inline", self.yn_runs_simple(a))
                return ("block", [self.nested_yn(a)])
            return ("inline", runs)
        if k == "lines":
            if a.truth is None:
                return ("inline", self.blank_runs(a))
            if inline_ok or r.random() < 0.5:
                return ("inline", self.r("\n".join(a.lines)))
            return ("block", [self.p(self.r(x), after=0) for x in a.lines])
        if k == "paras":
            if a.truth is None:
                return ("inline", self.blank_runs(a))
            if r.random() < 0.1:  # block-level rich text content control
                inner = "".join(self.p(self.r(x)) for x in a.paras)
                return ("block", [f'<w:sdt><w:sdtPr><w:id w:val="{self.nid()}"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'])
            gap = r.random() < 0.3
            out = []
            for j, x in enumerate(a.paras):
                if j and gap: out.append(self.p(""))
                out.append(self.p(self.r(x)))
            return ("block", out)
        if k == "gender":
            return ("inline", self.choice_runs(a, a.opts, a.pick, a.s if a.truth else None))
        if k == "itype":
            labels = [o for _, o in a.opts]
            pick = dict(a.opts).get(a.truth) if a.truth else None
            if a.truth == "other" and a.s and a.s != pick:
                if self.rng.random() < 0.5:
                    return ("inline", self.text_runs(a.s))
            return ("inline", self.choice_runs(a, labels, pick, a.s))
        raise ValueError(k)

    def shaded_options(self, a, width):
        """A choice printed an option to a cell, the chosen one marked only by shading its cell (none when
        unanswered)."""
        r = self.rng
        if a.kind == "yn":
            pair = r.choice(W["yesno_pairs"]["plain"])
            opts = [pair[0], pair[1]] + ([a.third] if a.third else [])
            pick = pair[0] if a.v is True else pair[1] if a.v is False else (a.third if a.third_ticked else None)
        else:
            opts, pick = list(a.opts), a.pick
        fill = r.choice(["D9D9D9", "FFFF00", "BFBFBF", "FFF2CC", "C6E0B4"])
        w = width // len(opts)
        return [self.tc(self.p(self.r(o)), w, shade=fill if o == pick else None) for o in opts]

    def yn_runs_simple(self, a):
        return self.r("" if a.v is None else ("Yes" if a.v else "No"))


def _soft_lines(d, qs, rel, bold, dash):
    """The runs of each line of a section typed as one paragraph of soft-broken lines: 'Label: answer', a long
    answer on the lines under its label, its paragraphs parted by an empty line."""
    lines = []
    for q in qs:
        a = q.ans
        label = d.r(q.label.rstrip(":") if dash else q.label, b=bold)
        sep = d.r(dash or ("\t" if rel == "tab" else " "))
        if a is not None and a.kind in ("paras", "lines") and a.truth is not None:
            lines.append(label)
            texts = a.paras if a.kind == "paras" else a.lines
            for j, t in enumerate(texts):
                if j and a.kind == "paras":
                    lines.append("")
                lines.append(d.r(t))
            continue
        mode, x = d.answer(a, inline_ok=True)
        lines.append(label + sep + (x if mode == "inline" else ""))
    return lines


def _label_runs(d, q, b=None):
    r = d.rng
    return d.r(q.label, b=b if b is not None else r.random() < 0.5)


def render(spec, rng) -> bytes:
    d = D(rng)
    r = rng
    body = []
    full = 9638
    b_labels = r.random() < 0.5
    label_shade = r.choice([None, None, "D9D9D9", "DEEAF6", "F2F2F2", "E2EFD9"])
    head_style = r.choice(["Heading1", "Heading2", "bold", "boldcaps", "shaded_p", "shaded_row", "numbered"])
    # a form pasted into an e-mail and back into Word: a section's lines are soft breaks in one paragraph
    soft_breaks = r.random() < 0.12
    # 'Label - answer' (list-style forms): a dash, not a colon, parts them
    dash = r.choice([" – ", " - ", " — "]) if r.random() < 0.12 else None
    head_shade = r.choice(["D9D9D9", "1F3864", "BDD6EE", "C5E0B3", "000000"])
    sec_no = [0]

    def heading_xml(text, in_table_cols=None):
        sec_no[0] += 1
        n = sec_no[0]
        t = text
        if head_style == "numbered":
            t = r.choice(["Section {n} – {t}", "{n}. {t}", "{L}. {t}", "PART {n}: {t}", "Section {n}: {t}"]).format(n=n, t=text, L="ABCDEFGHIJKL"[(n - 1) % 12])
        light = head_shade not in ("1F3864", "000000")
        if head_style == "shaded_row" and in_table_cols:
            return d.tc(d.p(d.r(t, b=True, color=None if light else "FFFFFF")), full, shade=head_shade, span=in_table_cols)
        if head_style in ("Heading1", "Heading2"):
            return d.p(d.r(t), style=head_style, keep=True)
        if head_style == "shaded_p" or head_style == "shaded_row":
            return d.p(d.r(t, b=True, color=None if light else "FFFFFF"), shade=head_shade, keep=True)
        return d.p(d.r(t.upper() if head_style == "boldcaps" else t, b=True, sz=r.choice([22, 24, 28])), keep=True)

    # title block
    body.append(d.p(d.r(spec["partnership"], b=True, sz=20), jc=r.choice(["center", "left"])))
    body.append(d.p(d.r(spec["title"], b=True, sz=32), style=r.choice(["Title", None, None]), jc=r.choice(["center", "left"])))
    guid = list(spec["guidance"])
    dis = {}
    for kind, pos in spec["distractors"]:
        dis.setdefault(pos, []).append(kind)

    def emit_distractors(pos):
        for kind in dis.get(pos, []):
            if kind == "guidance" and guid:
                body.append(d.p(d.r(guid.pop(), i=r.random() < 0.5, sz=18, color=r.choice([None, "595959"]))))
            elif kind == "office":
                ol = r.sample(W["office_use"]["labels"], 3)
                body.append(d.tbl([[d.tc(d.p(d.r(r.choice(W["office_use"]["headings"]), b=True)), full, shade="F2F2F2", span=2)]] +
                                  [[d.tc(d.p(d.r(x)), 3600), d.tc("", 6038)] for x in ol], [3600, 6038]))
            elif kind == "signature":
                labs = r.sample(W["signature"]["labels"], 2)
                body.append(d.tbl([[d.tc(d.p(d.r(labs[0], b=True)), 2400), d.tc("", 2419), d.tc(d.p(d.r(labs[1], b=True)), 2400), d.tc("", 2419)]], [2400, 2419, 2400, 2419]))
            elif kind == "family":
                cols = W["family"]["columns"][:r.choice([3, 4, 5, 7])]
                w = full // len(cols)
                rows = [[d.tc(d.p(d.r(c, b=True)), w, shade="F2F2F2") for c in cols]]
                for fam in spec["family"]:
                    rows.append([d.tc(d.p(d.r(fam[i])), w) for i in range(len(cols))])
                body.append(d.p(d.r(r.choice(W["family"]["headings"]), b=True)))
                body.append(d.tbl(rows, [w] * len(cols), header=True))

    for si, sec in enumerate(spec["sections"]):
        emit_distractors(si)
        rel = sec.rel
        if (soft_breaks or dash) and sec.kind == "fields" and rel in ("table2", "grid4", "above", "headrow", "incell",
                                                                       "underscore", "bracket"):
            rel = "colon"  # the look is the whole form's
        if sec.kind == "agencies":
            cols = sec.extra["cols"]
            w = full // len(cols)
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, len(cols))])
            else:
                if sec.heading:
                    body.append(heading_xml(sec.heading))
            rows.append([d.tc(d.p(d.r(h, b=True)), w, shade=label_shade) for h in sec.extra["headers"]])
            for row in sec.extra["rows"]:
                rows.append([d.tc(d.p(d.r(row[c] or "")), w) for c in cols])
            for _ in range(sec.extra["empty_rows"]):
                rows.append([d.tc("", w) for _ in cols])
            body.append(d.tbl(rows, [w] * len(cols), header=True))
            continue
        if sec.kind == "childrows":
            if sec.heading:
                body.append(heading_xml(sec.heading))
            numbered = sec.extra["number_col"]
            nw = 500 if numbered else 0
            fields = list(range(len(sec.items[0])))
            for start in range(0, len(fields), sec.extra["band"]):
                band = fields[start:start + sec.extra["band"]]
                w = (full - nw) // len(band)
                rows = [([d.tc(d.p(d.r("#" if r.random() < 0.5 else "No.", b=True)), nw, shade=label_shade)] if numbered else [])
                        + [d.tc(d.p(_label_runs(d, sec.items[0][fi], b_labels)), w, shade=label_shade) for fi in band]]
                for ci, qs_child in enumerate(sec.items):
                    cells = [d.tc(d.p(d.r(str(ci + 1))), nw)] if numbered else []
                    for fi in band:
                        mode, x = d.answer(qs_child[fi].ans, inline_ok=False)
                        cells.append(d.tc(d.p(x) if mode == "inline" else x, w))
                    rows.append(cells)
                body.append(d.tbl(rows, ([nw] if numbered else []) + [w] * len(band)))
            continue
        if sec.kind == "childcols":
            n = len(sec.items)
            lw = 2800
            w = (full - lw) // n
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, n + 1)])
            else:
                if sec.heading:
                    body.append(heading_xml(sec.heading))
            rows.append([d.tc("", lw)] + [d.tc(d.p(d.r(sec.extra["child_heads"][i], b=True)), w, shade=label_shade) for i in range(n)])
            for fi, q in enumerate(sec.items[0]):
                cells = [d.tc(d.p(_label_runs(d, q, b_labels)), lw, shade=label_shade)]
                for ci in range(n):
                    mode, x = d.answer(sec.items[ci][fi].ans, inline_ok=False)
                    cells.append(d.tc(d.p(x) if mode == "inline" else x, w))
                rows.append(cells)
            body.append(d.tbl(rows, [lw] + [w] * n))
            continue
        qs = sec.items
        if sec.heading and not (rel in ("table2", "grid4", "above", "headrow", "incell") and head_style == "shaded_row"):
            body.append(heading_xml(sec.heading))
        if rel in ("colon", "tab") and soft_breaks:
            body.append(d.p("<w:r><w:br/></w:r>".join(_soft_lines(d, qs, rel, b_labels, dash))))
        elif rel in ("colon", "tab", "underscore", "bracket", "qa"):
            # two 'Label: answer' pairs to a line, a tab apart ('Name: Ann Lee<tab>Role: Nurse'), as a report prints them
            paired = rel == "colon" and not dash and r.random() < 0.25
            pend = None
            for q in qs:
                inline_ok = rel != "qa"
                mode, x = d.answer(q.ans, inline_ok=inline_ok and q.ans.kind != "paras", u=rel == "underscore")
                lab = _label_runs(d, q, b_labels)
                if paired and mode == "inline" and q.ans.kind != "paras":
                    if pend is None:
                        pend = lab + d.r(" ") + x
                    else:
                        body.append(d.p(pend + d.r("\t") + lab + d.r(" ") + x))
                        pend = None
                    continue
                if pend is not None:
                    body.append(d.p(pend))
                    pend = None
                if rel == "qa" or mode == "block":
                    body.append(d.p(lab, keep=True))
                    if mode == "inline":
                        body.append(d.p(x) if x else d.p(""))
                    else:
                        body.extend(x)
                    continue
                if rel == "colon" and dash:
                    body.append(d.p(d.r(q.label.rstrip(":"), b=b_labels) + d.r(dash) + x))
                elif rel == "colon":
                    body.append(d.p(lab + d.r(" ") + x))
                elif rel == "tab":
                    body.append(d.p(lab + d.r("\t") + x))
                elif rel == "underscore":
                    fill = "_" * r.randint(8, 30)
                    body.append(d.p(lab + d.r(" ") + (x + d.r(fill[: r.randint(0, 6)]) if x else d.r(fill))))
                elif rel == "bracket":
                    o, c = r.choice([("[", "]"), ("(", ")"), ("[ ", " ]")])
                    body.append(d.p(lab + d.r(" " + o) + x + d.r(c)))
            if pend is not None:
                body.append(d.p(pend))
        elif rel == "stackbr":
            # each label over its answer in one paragraph, a line break between (small grey label, a rule under)
            grey, small, rule = r.random() < 0.6, r.random() < 0.6, r.random() < 0.4
            for q in qs:
                mode, x = d.answer(q.ans, inline_ok=q.ans.kind != "paras")
                lab = d.r(q.label.rstrip(":") if r.random() < 0.7 else q.label, b=b_labels,
                          sz=16 if small else None, color="7F7F7F" if grey else None)
                if mode == "block":
                    body.append(d.p(lab, keep=True))
                    body.extend(x)
                    continue
                body.append(d.p(lab + "<w:r><w:br/></w:r>" + x, shade="F2F2F2" if rule and r.random() < 0.3 else None))
        elif rel == "table2":
            lw = r.choice([3200, 3800, 4400])
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, 2)])
            shade_cells = r.random() < 0.25   # 'please shade the box that applies': an option to a cell
            for q in qs:
                lab = d.p(_label_runs(d, q, b_labels))
                if shade_cells and q.ans.kind in ("yn", "gender"):
                    rows.append([d.tc(lab, lw, shade=label_shade)] + d.shaded_options(q.ans, full - lw))
                    continue
                mode, x = d.answer(q.ans, inline_ok=False)
                if q.ans.kind == "paras" and r.random() < 0.5:  # long answer box under the label, merged across
                    rows.append([d.tc(lab, full, shade=label_shade, span=2)])
                    rows.append([d.tc(d.p(x) if mode == "inline" else x, full, span=2)])
                else:
                    rows.append([d.tc(lab, lw, shade=label_shade), d.tc(d.p(x) if mode == "inline" else x, full - lw)])
            body.append(d.tbl(rows, [lw, full - lw]))
        elif rel == "grid4":
            ws = [2200, 2619, 2200, 2619]
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, 4)])
            pend = []
            for q in qs:
                mode, x = d.answer(q.ans, inline_ok=False)
                val = d.p(x) if mode == "inline" else x
                lab = d.p(_label_runs(d, q, b_labels))
                if q.ans.kind in ("paras",) or (q.ans.kind == "itype" and r.random() < 0.5):
                    if pend:
                        rows.append(pend + [d.tc("", ws[2], shade=label_shade), d.tc("", ws[3])]); pend = []
                    rows.append([d.tc(lab, ws[0], shade=label_shade), d.tc(val, sum(ws[1:]), span=3)])
                    continue
                pend += [d.tc(lab, ws[len(pend)], shade=label_shade), d.tc(val, ws[len(pend) + 1])]
                if len(pend) == 4:
                    rows.append(pend); pend = []
            if pend:
                rows.append(pend + [d.tc("", ws[2], shade=label_shade), d.tc("", ws[3])])
            body.append(d.tbl(rows, ws))
        elif rel == "headrow":  # a row of labels over a row of answers, a few to a row; long answers alone
            per = r.choice([2, 3, 3, 4])
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, per)])
            i = 0
            while i < len(qs):
                group = qs[i:i + per]
                if any(q.ans.kind == "paras" for q in group):
                    group = [q for q in group if q.ans.kind == "paras"][:1] if group[0].ans.kind == "paras" else \
                        group[:[q.ans.kind for q in group].index("paras")]
                i += len(group)
                w = full // per
                ws = [w] * len(group)
                ws[-1] = full - w * (len(group) - 1)
                rows.append([d.tc(d.p(_label_runs(d, q, b_labels)), ws[k], shade=label_shade, span=1 if k < len(group) - 1 else per - k)
                             for k, q in enumerate(group)])
                cells = []
                for k, q in enumerate(group):
                    mode, x = d.answer(q.ans, inline_ok=False)
                    cells.append(d.tc(d.p(x) if mode == "inline" else x, ws[k], span=1 if k < len(group) - 1 else per - k))
                rows.append(cells)
            body.append(d.tbl(rows, [full // per] * per))
        elif rel == "incell":  # each box holds its label on top and the answer under it, one or two boxes to a row
            per = r.choice([1, 2, 2])
            small = r.random() < 0.5
            under = r.random() < 0.3   # each label printed under its answer, at the foot of the box
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, per)])
            pend = []
            for q in qs:
                mode, x = d.answer(q.ans, inline_ok=False)
                lab = d.p(d.r(q.label, b=b_labels, sz=16 if small else None), shade=label_shade if r.random() < 0.3 else None)
                ans = [d.p(x)] if mode == "inline" else x
                cell_body = ans + [lab] if under else [lab] + ans
                if per == 2 and q.ans.kind == "paras":
                    if pend:
                        rows.append(pend + [d.tc("", full // 2)]); pend = []
                    rows.append([d.tc(cell_body, full, span=2)])
                    continue
                pend.append(d.tc(cell_body, full // per))
                if len(pend) == per:
                    rows.append(pend); pend = []
            if pend:
                rows.append(pend + [d.tc("", full // per)])
            body.append(d.tbl(rows, [full // per] * per))
        elif rel == "above":
            rows = []
            if head_style == "shaded_row" and sec.heading:
                rows.append([heading_xml(sec.heading, 1)])
            for q in qs:
                mode, x = d.answer(q.ans, inline_ok=False)
                rows.append([d.tc(d.p(_label_runs(d, q, b_labels)), full, shade=label_shade)])
                rows.append([d.tc(d.p(x) if mode == "inline" else x, full)])
            body.append(d.tbl(rows, [full]))
        else:
            raise ValueError(rel)
    emit_distractors(len(spec["sections"]))
    return package(d, body, spec, rng)


def package(d, body, spec, rng) -> bytes:
    hdr = ftr = None
    if spec["marking"]:
        hdr = f'<w:hdr {NS}>{d.p(d.r(spec["marking"], b=True, color="C00000"), jc="center")}</w:hdr>'
    fl = []
    if spec["footer_pages"]:
        fl.append(d.r("Page ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                  + d.r(" of ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    if spec["version"]:
        fl.append(d.r(spec["version"] + ("  " + spec["marking"] if spec["marking"] and rng.random() < 0.5 else ""), sz=16))
    if fl:
        ftr = f'<w:ftr {NS}>{"".join(d.p(x, jc="center") for x in fl)}</w:ftr>'
    refs = ""
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    ct_extra = ""
    if hdr:
        refs += '<w:headerReference w:type="default" r:id="rId3"/>'
        rels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        ct_extra += '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    if ftr:
        refs += '<w:footerReference w:type="default" r:id="rId4"/>'
        rels.append('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>')
        ct_extra += '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
            'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{"".join(body)}{sect}</w:body></w:document>'
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}>'
                + ('<w:documentProtection w:edit="forms" w:enforcement="1"/>' if d.ff and rng.random() < 0.5 else "")
                + ('<w:trackRevisions/>' if rng.random() < 0.1 else "") + '<w:defaultTabStop w:val="720"/></w:settings>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          f'{ct_extra}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(spec["title"])}</dc:title><dc:creator>{esc(spec["partnership"])}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application></Properties>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels) + "</Relationships>")
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("docProps/core.xml", core), ("docProps/app.xml", app),
             ("word/document.xml", doc), ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", _STYLES), ("word/settings.xml", settings)]
    if hdr: parts.append(("word/header1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + hdr))
    if ftr: parts.append(("word/footer1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ftr))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()
