"""The five Word layouts of plain27 (and the Word source of the LibreOffice-exported PDF layout)."""

from __future__ import annotations

import datetime as dt

import p27_wml as W
from p27_common import (base_style, footer_text, guidance, is_wide, office_use_rows, section_heading, typed_choice,
                        with_colon)
from p27_model import WORD_DATE

CONTENT_W = W.A4_W - 2 * 1134  # 9638 twips with 2 cm margins

PH_TEXT = "Click or tap here to enter text."
PH_DATE = "Click or tap to enter a date."
PH_LIST = "Choose an item."
DOCPART_TEXT = "DefaultPlaceholder_-1854013440"
DOCPART_DATE = "DefaultPlaceholder_-1854013437"
DOCPART_LIST = "DefaultPlaceholder_-1854013438"


# ----------------------------------------------------------------------------------------------------------------
# shared pieces

def header_footer(spec, font):
    S = spec.S
    hdr = W.para(W.run(S["marking"], b=True, sz=8, color="C00000", font=font) +
                 W.run("\t\t" + S["partnership"], sz=8, font=font), style="Header")
    ftr = W.para(W.run(footer_text(S) + "\t\tPage ", sz=8, font=font) + W.fld_simple("PAGE", "1", sz=8, font=font) +
                 W.run(" of ", sz=8, font=font) + W.fld_simple("NUMPAGES", "4", sz=8, font=font), style="Footer")
    return W.hdr_ftr_xml("hdr", hdr), W.hdr_ftr_xml("ftr", ftr)


def top_matter(spec, font, sz=10, title_color=None):
    S = spec.S
    out = W.para(W.run(S["org"], b=True, sz=sz + 1, font=font) + W.run("\n" + S["team"], sz=sz - 1, font=font),
                 after=120)
    out += W.para(W.run(S["title"], font=font), style="Title")
    out += W.para(W.run(S["subtitle"], i=True, sz=sz, font=font), after=160)
    g = guidance(S)
    out += W.para(W.run(g[0], sz=sz - 1, font=font, color="404040"), after=60)
    out += W.para(W.run(g[1], sz=sz - 1, font=font, color="404040", i=True), after=200)
    return out


def signature_and_office(spec, font, sz=10, fill="F2F2F2"):
    S = spec.S
    ref_date_item = next((it for sec in spec.sections for it in sec.items if it.lkey == "date_of_referral"), None)
    date_txt = ref_date_item.lines[0] if ref_date_item and ref_date_item.lines else ""
    w1, w2 = 2600, CONTENT_W - 2600
    rows = [W.tr([W.tc(W.para(W.run("Signed", b=True, sz=sz, font=font)), w1, shd=fill), W.tc("", w2)], height=560),
            W.tr([W.tc(W.para(W.run("Print name", b=True, sz=sz, font=font)), w1, shd=fill),
                  W.tc(W.para(W.run(spec.ref_name, sz=sz, font=font)), w2)]),
            W.tr([W.tc(W.para(W.run("Date", b=True, sz=sz, font=font)), w1, shd=fill),
                  W.tc(W.para(W.run(date_txt, sz=sz, font=font)), w2)])]
    out = W.para(W.run("Declaration", b=True, sz=sz + 1, font=font), before=240, keep_next=True)
    out += W.para(W.run("I confirm that the information given is accurate to the best of my knowledge.", sz=sz - 1,
                        font=font), keep_next=True)
    out += W.tbl(rows, [w1, w2])
    out += W.para(W.run(f"For {S['pshort']} office use only", b=True, sz=sz, font=font, color="595959"), before=240,
                  keep_next=True)
    orows = [W.tr([W.tc(W.para(W.run(lbl, sz=sz - 1, font=font, color="595959")), w1, shd="D9D9D9"), W.tc("", w2)])
             for lbl in office_use_rows()]
    out += W.tbl(orows, [w1, w2]) + W.para()
    return out


def finish(spec, body, font, protect=False, numbering=None, glossary=None, layout_tag="", template="Normal.dotm"):
    S = spec.S
    hdr, ftr = header_footer(spec, font)
    created = "2024-06-12T09:14:00Z"
    m = spec.ref_date
    modified = f"{m.isoformat()}T{10 + (m.day % 6):02d}:{(m.day * 7) % 60:02d}:00Z"
    parts = dict(
        document=W.document_xml(body, W.sect_pr()),
        header=hdr, footer=ftr,
        styles=W.styles_xml(font, 10, S["colour"]),
        settings=W.settings_xml(protect_forms=protect),
        fontTable=W.font_table_xml([font, "MS Gothic", "Segoe UI Symbol", "Times New Roman"]),
        core=W.core_xml(S["title"], "Business Support", spec.ref_name, created, modified),
        app=W.app_xml(S["org"], template=template),
    )
    return W.package(parts, glossary=glossary, numbering=numbering)


def agencies_table(spec, sec, font, sz, head_fill, cell=None, spare=2, widths=None):
    cols = sec.cols
    n = len(cols)
    if widths is None:
        base = {"name": 2, "agency": 3, "contact": 3, "role": 2}
        tot = sum(base[f] for f, _ in cols)
        widths = [CONTENT_W * base[f] // tot for f, _ in cols]
        widths[-1] += CONTENT_W - sum(widths)
    cell = cell or (lambda txt: W.para(W.run(txt, sz=sz, font=font)) if txt else W.para())
    rows = [W.tr([W.tc(W.para(W.run(lbl, b=True, sz=sz, font=font)), widths[j], shd=head_fill)
                  for j, (f, lbl) in enumerate(cols)], header=True)]
    for r in sec.rows:
        rows.append(W.tr([W.tc(cell(r["cells"].get(f, "")), widths[j]) for j, (f, _) in enumerate(cols)]))
    for _ in range(spare):
        rows.append(W.tr([W.tc(cell(""), widths[j]) for j in range(n)]))
    return W.tbl(rows, widths)


# ----------------------------------------------------------------------------------------------------------------
# O-FORMFIELDS: legacy form fields in label | answer tables, protected for filling in forms

class LegacyFields:
    def __init__(self):
        self.n_text = 0
        self.n_check = 0
        self.bm = 0

    def _begin(self, ffdata, name):
        self.bm += 1
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/>{ffdata}</w:ffData></w:fldChar></w:r>'
                f'<w:bookmarkStart w:id="{self.bm}" w:name="{name}"/>'), self.bm

    def text(self, lines, rp, date_fmt=None, paragraphs=False, align=None):
        """Paragraph XML for a FORMTEXT field holding lines (w:br) or paragraphs (the field spans them)."""
        self.n_text += 1
        name = f"Text{self.n_text}"
        ti = "<w:textInput/>" if not date_fmt else f'<w:textInput><w:type w:val="date"/><w:format w:val="{date_fmt}"/></w:textInput>'
        begin, bm = self._begin(ti, name)
        instr = f'<w:r>{rp}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
        end = f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{bm}"/>'
        if not lines:
            return W.para(begin + instr + f'<w:r>{rp}<w:t xml:space="preserve">{chr(0x2002) * 5}</w:t></w:r>' + end, align=align)
        if not paragraphs:
            runs = "".join(("<w:r>" + rp + "<w:br/></w:r>" if j else "") +
                           f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(line)}</w:t></w:r>' for j, line in enumerate(lines))
            return W.para(begin + instr + runs + end, align=align)
        out = []
        for j, p in enumerate(lines):
            content = f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(p)}</w:t></w:r>'
            if j == 0:
                content = begin + instr + content
            if j == len(lines) - 1:
                content += end
            out.append(W.para(content, after=120 if j < len(lines) - 1 else None))
        return "".join(out)

    def check(self, checked, rp):
        self.n_check += 1
        name = f"Check{self.n_check}"
        box = f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{"<w:checked/>" if checked else ""}</w:checkBox>'
        begin, bm = self._begin(box, name)
        return (begin + f'<w:r>{rp}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r>{rp}</w:r>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r>'
                f'<w:bookmarkEnd w:id="{bm}"/>')


def o_formfields(spec, rng):
    S = spec.S
    font = S["font"]
    sz = 10
    rp = W.rpr(sz=sz, font=font)
    ff = LegacyFields()
    lw = rng.choice([3400, 3600, 3900])
    aw = CONTENT_W - lw
    label_fill = rng.choice([None, "F2F2F2"])
    info = {"label_width_twips": lw, "label_fill": label_fill or "none", "heading": "shaded paragraph above each table"}

    def answer(it):
        if it.kind == "choice":
            if it.ckind == "itype":
                return "".join(W.para(ff.check(j == it.chosen, rp) + W.run(" " + o, sz=sz, font=font))
                               for j, o in enumerate(it.options))
            runs = ""
            for j, o in enumerate(it.options):
                runs += ff.check(j == it.chosen, rp) + W.run(" " + o + ("\t" if j < len(it.options) - 1 else ""), sz=sz, font=font)
            return W.para(runs, tabs=[("left", 1700), ("left", 3400)])
        if it.tkind == "date" and it.lkey in ("c_dob", "c_dod") and (it.date is not None or not it.lines):
            # date-type legacy field (Word re-formats a typed date to the field's format)
            fmt, st = WORD_DATE[spec.S["dob_style"]]
            return ff.text(it.shown(st) if it.date else [], rp, date_fmt=fmt)
        if it.tkind == "long":
            return ff.text(it.lines, rp, paragraphs=True)
        return ff.text(it.lines, rp)

    body = top_matter(spec, font, sz)
    last_child_heading = None
    for sec in spec.sections:
        head, sub = section_heading(spec, sec)
        if sec.kind != "child" or head != last_child_heading:
            body += W.para(W.run(head, b=True, sz=sz + 1, font=font, color=S["colour"]), shd=S["light"], before=240,
                           after=80, keep_next=True)
            last_child_heading = head if sec.kind == "child" else None
        if sub:
            body += W.para(W.run(sub, b=True, sz=sz, font=font), before=120, keep_next=True)
        if sec.kind == "agencies":
            body += W.para(W.run(spec.S["agency_title"], sz=sz, font=font), keep_next=True)
            cell = lambda txt: ff.text([txt] if txt else [], rp)
            body += agencies_table(spec, sec, font, sz, S["light"], cell=cell, spare=2)
            continue
        rows = []
        for it in sec.items:
            rows.append(W.tr([W.tc(W.para(W.run(it.label, b=True, sz=sz, font=font)), lw, shd=label_fill),
                              W.tc(answer(it), aw)]))
        body += W.tbl(rows, [lw, aw])
    body += signature_and_office(spec, font, sz)
    data = finish(spec, body, font, protect=True, template="CSPR referral (protected).dotx")
    info.update(text_fields=ff.n_text, check_boxes=ff.n_check, protection="forms (no password)")
    return data, info


# ----------------------------------------------------------------------------------------------------------------
# O-CONTROLS: four-column grid with content controls (text, date pickers, drop-downs)

class Controls:
    def __init__(self, seed):
        self.id = seed

    def _id(self):
        self.id += 7919
        return self.id % 2_000_000_000 - 1_000_000_000

    def _pr(self, docpart, blank, extra, tag=None):
        t = f'<w:tag w:val="{tag}"/>' if tag else ""
        return (f'<w:sdtPr>{t}<w:id w:val="{self._id()}"/><w:placeholder><w:docPart w:val="{docpart}"/></w:placeholder>'
                f'{"<w:showingPlcHdr/>" if blank else ""}{extra}</w:sdtPr>')

    def text(self, lines, rp, multiline=False, tag=None):
        blank = not lines
        if blank:
            content = W.run(PH_TEXT, style="PlaceholderText")
        else:
            content = "".join(("<w:r>" + rp + "<w:br/></w:r>" if j else "") +
                              f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(l)}</w:t></w:r>' for j, l in enumerate(lines))
        extra = '<w:text w:multiLine="1"/>' if multiline else "<w:text/>"
        return f'<w:sdt>{self._pr(DOCPART_TEXT, blank, extra, tag)}<w:sdtContent>{content}</w:sdtContent></w:sdt>'

    def date(self, d, shown, fmt, rp, tag=None):
        blank = d is None
        full = f' w:fullDate="{d.isoformat()}T00:00:00Z"' if d else ""
        extra = (f'<w:date{full}><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/>'
                 f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
        content = W.run(PH_DATE, style="PlaceholderText") if blank else f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(shown)}</w:t></w:r>'
        return f'<w:sdt>{self._pr(DOCPART_DATE, blank, extra, tag)}<w:sdtContent>{content}</w:sdtContent></w:sdt>'

    def dropdown(self, options, chosen, rp, tag=None):
        blank = chosen is None
        items = f'<w:listItem w:displayText="{PH_LIST}" w:value=""/>' + "".join(
            f'<w:listItem w:displayText="{W.esc(o)}" w:value="{W.esc(o)}"/>' for o in options)
        extra = f"<w:dropDownList>{items}</w:dropDownList>"
        content = W.run(PH_LIST, style="PlaceholderText") if blank else f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(options[chosen])}</w:t></w:r>'
        return f'<w:sdt>{self._pr(DOCPART_LIST, blank, extra, tag)}<w:sdtContent>{content}</w:sdtContent></w:sdt>'

    def block(self, paragraphs, rp, tag=None):
        blank = not paragraphs
        if blank:
            inner = W.para(W.run(PH_TEXT, style="PlaceholderText"))
        else:
            inner = "".join(W.para(f'<w:r>{rp}<w:t xml:space="preserve">{W.esc(p)}</w:t></w:r>',
                                   after=120 if j < len(paragraphs) - 1 else 0) for j, p in enumerate(paragraphs))
        return f'<w:sdt>{self._pr(DOCPART_TEXT, blank, "", tag)}<w:sdtContent>{inner}</w:sdtContent></w:sdt>'


GLOSSARY = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:docParts>' + "".join(
                f'<w:docPart><w:docPartPr><w:name w:val="{n}"/><w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/>'
                f'</w:category><w:types><w:type w:val="bbPlcHdr"/></w:types><w:behaviors><w:behavior w:val="content"/></w:behaviors>'
                f'<w:guid w:val="{g}"/></w:docPartPr><w:docPartBody><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
                f'<w:t>{t}</w:t></w:r></w:p></w:docPartBody></w:docPart>'
                for n, g, t in [(DOCPART_TEXT, "{D1E0C3A2-8F44-4E1B-9A52-0C1F3B7A6E10}", PH_TEXT),
                                (DOCPART_DATE, "{5B0D6F31-2A77-4C09-8E0B-7F3C2D9A1B44}", PH_DATE),
                                (DOCPART_LIST, "{A9E2F7C4-61D3-4B8A-B0F5-3E6D8C1A2B77}", PH_LIST)]) +
            '</w:docParts></w:glossaryDocument>')


def o_controls(spec, rng):
    S = spec.S
    font = S["font"]
    sz = 10
    rp = W.rpr(sz=sz, font=font)
    cc = Controls(rng.randrange(10**6, 10**7))
    w_l = rng.choice([2000, 2150, 2300])
    w_a = CONTENT_W // 2 - w_l
    widths = [w_l, w_a, w_l, CONTENT_W - 2 * w_l - w_a]
    fill = rng.choice(["F2F2F2", S["light"]])
    fallback_style = WORD_DATE[S["date_style"]][1]
    info = {"label_fill": fill, "label_width_twips": w_l, "date_format": WORD_DATE[S["date_style"]][0],
            "date_style_shown": fallback_style}

    def ctrl(it):
        if it.kind == "choice":
            return W.para(cc.dropdown(it.options, it.chosen, rp))
        if it.tkind == "date":
            fmt, st = WORD_DATE[base_style(it, S)]
            if it.filler:
                return W.para(cc.text(it.lines, rp))
            return W.para(cc.date(it.date, it.shown(st)[0] if it.date else None, fmt, rp))
        if it.tkind == "long":
            return cc.block(it.lines, rp)
        if it.tkind == "address":
            return W.para(cc.text(it.lines, rp, multiline=True))
        return W.para(cc.text(it.lines, rp))

    def lab(it):
        return W.para(W.run(it.label, b=True, sz=sz - 1, font=font))

    body = top_matter(spec, font, sz)
    last_head = None
    for sec in spec.sections:
        head, sub = section_heading(spec, sec)
        if sec.kind != "child" or head != last_head:
            body += W.para(W.run(head, font=font), style="Heading1")
            last_head = head if sec.kind == "child" else None
        if sub:
            body += W.para(W.run(sub, font=font), style="Heading2")
        if sec.kind == "agencies":
            body += W.para(W.run(S["agency_title"], sz=sz, font=font), keep_next=True)
            body += agencies_table(spec, sec, font, sz, fill, spare=1)
            continue
        rows, pending = [], None
        for it in sec.items:
            if is_wide(it, limit=70):
                if pending:
                    rows.append(W.tr([W.tc(lab(pending), widths[0], shd=fill), W.tc(ctrl(pending), widths[1]),
                                      W.tc("", widths[2], shd=fill), W.tc("", widths[3])]))
                    pending = None
                rows.append(W.tr([W.tc(lab(it), widths[0], shd=fill), W.tc(ctrl(it), sum(widths[1:]), span=3)]))
            elif pending is None:
                pending = it
            else:
                rows.append(W.tr([W.tc(lab(pending), widths[0], shd=fill), W.tc(ctrl(pending), widths[1]),
                                  W.tc(lab(it), widths[2], shd=fill), W.tc(ctrl(it), widths[3])]))
                pending = None
        if pending:
            rows.append(W.tr([W.tc(lab(pending), widths[0], shd=fill), W.tc(ctrl(pending), widths[1]),
                              W.tc("", widths[2], shd=fill), W.tc("", widths[3])]))
        body += W.tbl(rows, widths)
    body += signature_and_office(spec, font, sz, fill=fill)
    data = finish(spec, body, font, glossary=GLOSSARY, template="Referral form (content controls).dotx")
    return data, info


# ----------------------------------------------------------------------------------------------------------------
# O-BOXES: label and answer in the same bordered cell; choices "delete as appropriate"

def o_boxes(spec, rng):
    S = spec.S
    font = S["font"]
    sz = 10
    ncol = rng.choice([2, 2, 3])
    colw = CONTENT_W // ncol
    widths = [colw] * (ncol - 1) + [CONTENT_W - colw * (ncol - 1)]
    info = {"boxes_per_row": ncol, "choices": "delete as appropriate (the chosen word is left)"}

    def cell(it):
        label = it.label
        if it.kind == "choice" and it.ckind in ("yn", "gender"):
            label += " (delete as appropriate)"
        if it.kind == "choice" and it.ckind == "itype":
            label += " (delete those that do not apply)"
        out = W.para(W.run(label, b=True, sz=7.5, font=font, color="404040"), after=40)
        if it.kind == "choice":
            if it.chosen is None:
                if it.ckind == "itype":
                    out += "".join(W.para(W.run(o, sz=sz, font=font), after=0) for o in it.options)
                else:
                    out += W.para(W.run(" / ".join(it.options), sz=sz, font=font))
            else:
                out += W.para(W.run(it.options[it.chosen], sz=sz, font=font))
            return out
        if not it.lines:
            return out + W.para(W.run("", sz=sz, font=font))
        if it.tkind == "long":
            return out + "".join(W.para(W.run(p, sz=sz, font=font), after=100) for p in it.lines)
        if it.tkind == "address":
            return out + "".join(W.para(W.run(l, sz=sz, font=font), after=0) for l in it.lines)
        return out + W.para(W.run(it.lines[0], sz=sz, font=font))

    body = top_matter(spec, font, sz)
    last_head = None
    for sec in spec.sections:
        head, sub = section_heading(spec, sec)
        if sec.kind != "child" or head != last_head:
            banner = W.tbl([W.tr([W.tc(W.para(W.run(head, b=True, sz=sz + 1, font=font, color="FFFFFF", caps=True)),
                                       CONTENT_W, shd=S["colour"])])], [CONTENT_W], borders=W.no_borders())
            body += W.para("", before=120, after=0) + banner + W.para("", after=0, line=120)
            last_head = head if sec.kind == "child" else None
        if sub:
            body += W.para(W.run(sub, b=True, sz=sz, font=font, color=S["colour"]), before=80, keep_next=True)
        if sec.kind == "agencies":
            body += W.para(W.run(S["agency_title"], b=True, sz=7.5, font=font, color="404040"), keep_next=True)
            body += agencies_table(spec, sec, font, sz, "FFFFFF", spare=2)
            continue
        rows, row = [], []
        for it in sec.items:
            if is_wide(it, limit=55):
                if row:
                    rows.append(row)
                    row = []
                rows.append([it])
            else:
                row.append(it)
                if len(row) == ncol:
                    rows.append(row)
                    row = []
        if row:
            rows.append(row)
        trs = []
        for r in rows:
            if len(r) == 1 and is_wide(r[0], limit=55):
                trs.append(W.tr([W.tc(cell(r[0]), CONTENT_W, span=ncol)]))
            else:
                cells = [W.tc(cell(it), widths[j]) for j, it in enumerate(r)]
                if len(r) < ncol:
                    cells.append(W.tc("", sum(widths[len(r):]), span=ncol - len(r)))
                trs.append(W.tr(cells, cant_split=True))
        body += W.tbl(trs, widths, borders=W.borders_xml(sz=6, color="7F7F7F"))
    body += signature_and_office(spec, font, sz)
    return finish(spec, body, font, template="Referral form.dotx"), info


# ----------------------------------------------------------------------------------------------------------------
# O-AUTONUM: questions numbered by Word's list numbering (numbers not in the text), answer box under each

def autonum_numbering():
    lvl = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
           '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:lvl>')
    return W.numbering_xml([(0, lvl)])


def glyph_runs(it, sz, font, checked="\u2612", unchecked="\u2610", sep="    "):
    out = ""
    for j, o in enumerate(it.options):
        g = checked if j == it.chosen else unchecked
        out += W.run(g, sz=sz, font="MS Gothic") + W.run(" " + o + (sep if j < len(it.options) - 1 else ""), sz=sz, font=font)
    return out


def o_autonum(spec, rng, for_libre=False):
    S = spec.S
    font = S["font"]  # LibreOffice substitutes its own fonts when it exports the Q-LIBRE forms
    sz = 10
    box_w = CONTENT_W - 567
    border_col = rng.choice(["808080", "A6A6A6", S["colour"]])
    info = {"numbering": "w:numPr decimal '%1.' (numbers not in the text)", "answer_box_border": border_col}

    def answer_box(it):
        if it.kind == "choice":
            if it.ckind == "itype":
                content = "".join(W.para(glyph_runs_single(j == it.chosen, o, sz, font), after=0)
                                  for j, o in enumerate(it.options))
            else:
                content = W.para(glyph_runs(it, sz, font))
        elif not it.lines:
            content = W.para(W.run("", sz=sz, font=font))
        elif it.tkind == "long":
            content = "".join(W.para(W.run(p, sz=sz, font=font), after=120 if j < len(it.lines) - 1 else 0)
                              for j, p in enumerate(it.lines))
        elif it.tkind == "address":
            content = W.para(W.run("\n".join(it.lines), sz=sz, font=font))
        else:
            content = W.para(W.run(it.lines[0], sz=sz, font=font))
        return W.tbl([W.tr([W.tc(content, box_w)])], [box_w], indent=567, borders=W.borders_xml(sz=4, color=border_col))

    def question(label):
        return W.para(W.run(label, b=True, sz=sz, font=font), style="ListParagraph", numid=1, before=160, after=60,
                      keep_next=True, ind_left=567, hanging=567)

    body = top_matter(spec, font, sz)
    last_head = None
    for sec in spec.sections:
        head, sub = section_heading(spec, sec)
        if sec.kind != "child" or head != last_head:
            body += W.para(W.run(head, font=font), style="Heading2", border_bottom=(6, S["colour"]))
            last_head = head if sec.kind == "child" else None
        if sub:
            body += W.para(W.run(sub, b=True, i=True, sz=sz, font=font), before=120, keep_next=True)
        if sec.kind == "agencies":
            body += question(S["agency_title"])
            body += agencies_table(spec, sec, font, sz, "EDEDED", spare=1)
            continue
        for it in sec.items:
            body += question(it.label) + answer_box(it)
    body += signature_and_office(spec, font, sz)
    return finish(spec, body, font, numbering=autonum_numbering(), template="Referral (numbered).dotx"), info


def glyph_runs_single(checked, text, sz, font):
    return W.run("\u2612" if checked else "\u2610", sz=sz, font="MS Gothic") + W.run(" " + text, sz=sz, font=font)


# ----------------------------------------------------------------------------------------------------------------
# O-PARAS: "Label: answer" paragraphs, a children table with a row per child

CHILD_TABLE_FIELDS = ["name", "forename", "surname", "other_names", "dob", "age", "gender", "ethnicity", "address"]


def o_paras(spec, rng):
    S = spec.S
    font = S["font"]
    sz = 10
    addr_one_line = rng.random() < 0.5
    info = {"address_style": "one line" if addr_one_line else "lines under the label",
            "children_table_columns": []}

    def line_item(it):
        lab = with_colon(it.label)
        if it.kind == "choice":
            return W.para(W.run(lab + " ", b=True, sz=sz, font=font) + W.run(typed_choice(it), sz=sz, font=font))
        if not it.lines:
            return W.para(W.run(lab, b=True, sz=sz, font=font))
        if it.tkind == "long":
            out = W.para(W.run(lab, b=True, sz=sz, font=font), keep_next=True, after=40)
            return out + "".join(W.para(W.run(p, sz=sz, font=font), ind_left=284, after=100) for p in it.lines)
        if it.tkind == "address":
            if addr_one_line:
                return W.para(W.run(lab + " ", b=True, sz=sz, font=font) + W.run(", ".join(it.lines), sz=sz, font=font))
            out = W.para(W.run(lab, b=True, sz=sz, font=font), keep_next=True, after=0)
            return out + "".join(W.para(W.run(l, sz=sz, font=font), ind_left=284, after=0) for l in it.lines)
        return W.para(W.run(lab + " ", b=True, sz=sz, font=font) + W.run(it.lines[0], sz=sz, font=font))

    def heading(text):
        return W.para(W.run(text, b=True, sz=sz + 1, font=font, color="FFFFFF"), shd=S["colour"], before=240, after=100,
                      keep_next=True)

    body = top_matter(spec, font, sz)
    child_secs = [s for s in spec.sections if s.kind == "child"]
    done_children = False
    for sec in spec.sections:
        if sec.kind == "child":
            if done_children:
                continue
            done_children = True
            head, _ = section_heading(spec, sec)
            body += heading(head)
            # the table: one row per child
            first = child_secs[0].items
            tcols = [it for it in first if it.field in CHILD_TABLE_FIELDS]
            info["children_table_columns"] = [it.field for it in tcols]
            nc = len(tcols) + 1
            base = {"name": 3, "forename": 2, "surname": 2, "other_names": 2, "dob": 2, "age": 1.5, "gender": 1.5,
                    "ethnicity": 2.5, "address": 3.5}
            tot = 1 + sum(base[it.field] for it in tcols)
            widths = [int(CONTENT_W * 1 / tot)] + [int(CONTENT_W * base[it.field] / tot) for it in tcols]
            widths[-1] += CONTENT_W - sum(widths)
            hdr = [W.tc(W.para(W.run("No.", b=True, sz=8, font=font)), widths[0], shd=S["light"])] + \
                  [W.tc(W.para(W.run(it.label, b=True, sz=8, font=font)), widths[j + 1], shd=S["light"]) for j, it in enumerate(tcols)]
            rows = [W.tr(hdr, header=True)]
            for cs in child_secs:
                byf = {it.field: it for it in cs.items}
                cells = [W.tc(W.para(W.run(str(cs.child + 1), sz=9, font=font)), widths[0])]
                for j, col in enumerate(tcols):
                    it = byf.get(col.field)
                    if it is None:
                        txt = ""
                    elif it.kind == "choice":
                        txt = typed_choice(it)
                    else:
                        txt = "\n".join(it.lines)
                    cells.append(W.tc(W.para(W.run(txt, sz=9, font=font)), widths[j + 1]))
                rows.append(W.tr(cells, cant_split=True))
            body += W.tbl(rows, widths)
            for cs in child_secs:
                rest = [it for it in cs.items if it.field not in CHILD_TABLE_FIELDS]
                if not rest:
                    continue
                body += W.para(W.run(f"{S['child_title'].format(n=cs.child + 1)} - further details", b=True, u=True,
                                     sz=sz, font=font), before=160, keep_next=True)
                for it in rest:
                    body += line_item(it)
            continue
        head, _ = section_heading(spec, sec)
        body += heading(head)
        if sec.kind == "agencies":
            body += W.para(W.run(S["agency_title"], sz=sz, font=font), keep_next=True)
            body += agencies_table(spec, sec, font, 9, S["light"], spare=0)
            continue
        for it in sec.items:
            body += line_item(it)
    body += signature_and_office(spec, font, sz)
    return finish(spec, body, font, template="Normal.dotm"), info


WORD_LAYOUTS = {"O-FORMFIELDS": o_formfields, "O-CONTROLS": o_controls, "O-BOXES": o_boxes, "O-AUTONUM": o_autonum,
                "O-PARAS": o_paras}
