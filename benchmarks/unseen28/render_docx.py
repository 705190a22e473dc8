"""The five Word layouts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import wml
from wml import cell, para, row, run, table
from common import fmt_date
from forms import agency_cell, colon, guidance, spec

FONTS = ["Arial", "Calibri", "Verdana", "Tahoma"]
ACCENTS = ["1F3864", "0B5394", "2E5E4E", "5B2C6F", "7A3E00"]
LABEL_W, ANS_W = 3700, 6164


def when(case) -> str:
    d = case.dates["ref"]
    return f"{d.isoformat()}T{9 + case.n % 8:02d}:{(case.n * 7) % 60:02d}:00Z"


def build(case, body: str, styles_extra: str, font: str, accent: str, template: str, mode=15,
          post=None) -> tuple[bytes, dict]:
    s = case.s
    parts = {
        "[Content_Types].xml": wml.CT,
        "_rels/.rels": wml.PKG_RELS,
        "docProps/app.xml": wml.app_xml(template),
        "docProps/core.xml": wml.core_xml(s["title"], case.answers["r_name"].text or "user", when(case)),
        "word/document.xml": wml.document_xml(body),
        "word/styles.xml": wml.styles_xml(font, 20 if font in ("Verdana", "Tahoma") else 21, accent, styles_extra),
        "word/settings.xml": wml.SETTINGS.replace("{mode}", str(mode)),
        "word/header1.xml": wml.hdr_xml(s["marking"], s["partnership"]),
        "word/footer1.xml": wml.ftr_xml(f"{s['form_ref']} v{2 + case.n % 3}  {s['agency']}"),
        "word/_rels/document.xml.rels": wml.DOC_RELS,
    }
    if post:
        post(parts)
    return wml.package(parts), {}


def intro(case, accent) -> str:
    s = case.s
    ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    return (para(run(s["title"]), style="Title") + para(run(s["org"], bold=True)) +
            para(run(f"To: {s['partnership']}", color=accent)) + para(run(guidance(case, ex), italic=True, size=18)))


def office_use(accent) -> str:
    rows = [row(cell(para(run("For partnership use only", bold=True, color="FFFFFF")), LABEL_W + ANS_W, shade=accent, span=2))]
    for lab in ("Date received", "Partnership reference", "Rapid review decision"):
        rows.append(row(cell(para(run(lab)), LABEL_W, shade="F2F2F2") + cell(para(), ANS_W)))
    return para() + table(rows, [LABEL_W, ANS_W])


def ans_paras(it, choice_fn=None, line_mode="br") -> str:
    a = it["ans"]
    if a.kind == "choice":
        return choice_fn(it) if choice_fn else para(run(a.shown))
    if a.kind == "lines":
        if line_mode == "br":
            return para(run("\n".join(a.lines)))
        return "".join(para(run(l)) for l in a.lines)
    if a.kind == "paras":
        return "".join(para(run(p)) for p in a.paras)
    if a.kind in ("text", "date", "filler"):
        return para(run(a.text))
    return para()


def agencies_table(sec, rng, accent, shade_hdr="D9E2F3", dash=None) -> str:
    cols = sec["cols"]
    w = [3000, 3400, 3464]
    if dash is None:
        dash = rng.random() < 0.5
    rows = [row("".join(cell(para(run(h, bold=True)), w[i], shade=shade_hdr) for i, (_, h) in enumerate(cols)), header=True)]
    for r in sec["rows"]:
        rows.append(row("".join(cell(para(run(agency_cell(r, k, "-" if dash else ""))), w[i]) for i, (k, _) in enumerate(cols))))
    for _ in range(1 + rng.randrange(2)):
        rows.append(row("".join(cell(para(), w[i]) for i in range(3))))
    return table(rows, w)


def label_table(items, ans_fn, label_shade="F2F2F2", bold_labels=True) -> str:
    rows = []
    for it in items:
        rows.append(row(cell(para(run(it["label"], bold=bold_labels)), LABEL_W, shade=label_shade) + cell(ans_fn(it), ANS_W)))
    return table(rows, [LABEL_W, ANS_W])


def standard_body(case, rng, accent, ans_fn, heading="Heading1", label_shade="F2F2F2") -> str:
    body = intro(case, accent)
    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        body += para(run(sec["title"]), style=heading)
        if sec["kind"] == "agencies":
            body += agencies_table(sec, rng, accent)
        else:
            body += label_table(sec["items"], ans_fn, label_shade)
    return body + office_use(accent)


# ---------------------------------------------------------------------------------------------------------------
# W-STYLESEP

STYLESEP_STYLES = """
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Heading3"/><w:next w:val="Answer"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="5103"/></w:tabs><w:spacing w:before="100" w:after="40"/></w:pPr><w:rPr><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Answer"><w:name w:val="Answer"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="5103"/></w:tabs><w:spacing w:before="100" w:after="40"/></w:pPr></w:style>
"""
SEP_MARK = "<w:vanish/><w:specVanish/>"


def w_stylesep(case, rng):
    font, accent = rng.choice(FONTS), rng.choice(ACCENTS)
    chain = rng.random() < 0.6
    n_chained = 0
    body = intro(case, accent)
    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        body += para(run(sec["title"]), style="Heading1" if sec["key"] != "child" else "Heading2")
        if sec["kind"] == "agencies":
            body += agencies_table(sec, rng, accent)
            continue
        items = sec["items"]
        i = 0
        while i < len(items):
            it = items[i]
            a = it["ans"]
            q = para(run(colon(it["label"]) + " "), style="Question", mark_rpr=SEP_MARK)
            short = lambda x: x["kind"] in ("text", "date", "choice") and len(x["label"]) < 34 and len(x["ans"].shown) < 34
            pair = chain and i + 1 < len(items) and short(it) and short(items[i + 1]) and rng.random() < 0.7
            if a.kind == "paras":
                body += q + para(run(a.paras[0]), style="Answer") + "".join(para(run(p), style="Answer") for p in a.paras[1:])
            elif a.kind == "lines":
                body += q + para(run("\n".join(a.lines)), style="Answer")
            else:
                shown = a.shown
                if pair:
                    body += q + para(run(shown) + run("\t"), style="Answer", mark_rpr=SEP_MARK)
                    nx = items[i + 1]
                    body += (para(run(colon(nx["label"]) + " "), style="Question", mark_rpr=SEP_MARK) +
                             para(run(nx["ans"].shown), style="Answer"))
                    n_chained += 1
                    i += 2
                    continue
                body += q + para(run(shown), style="Answer")
            i += 1
    body += office_use(accent)
    notes = {"font": font, "chained_pairs": n_chained}
    data, _ = build(case, body, STYLESEP_STYLES.replace("{accent}", accent), font, accent, "Referral (questions).dotx")
    return data, notes


# ---------------------------------------------------------------------------------------------------------------
# W-ETREEMERGE

def etree_rewrite(xml: str) -> bytes:
    """What an ElementTree-based merge script writes back: prefixes ns0, ns1 ..., mc:Ignorable dropped."""
    root = ET.fromstring(xml.encode("utf-8"))
    root.attrib.pop(f"{{{wml.MC}}}Ignorable", None)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def w_etreemerge(case, rng):
    font, accent = rng.choice(["Arial", "Calibri", "Times New Roman"]), rng.choice(ACCENTS)
    body = standard_body(case, rng, accent, lambda it: ans_paras(it), heading="Heading2", label_shade="DEEAF6")

    def post(parts):
        for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml", "word/settings.xml"):
            parts[name] = etree_rewrite(parts[name])

    data, _ = build(case, body, "", font, accent, "SafeguardingReferral2007.dotx", mode=12, post=post)
    return data, {"font": font, "rewritten_parts": 4}


# ---------------------------------------------------------------------------------------------------------------
# W-COLOURMARK

def w_colourmark(case, rng):
    font, accent = rng.choice(FONTS), rng.choice(ACCENTS)
    colour = rng.choice(["FF0000", "0070C0", "00B050", "C00000"])
    bold = rng.random() < 0.3
    sep = rng.choice([" / ", "   ", " | "])

    def choice(it):
        a = it["ans"]
        if it["key"] == "i_type":
            return "".join(para(run(o, color=colour if i == a.chosen else None, bold=bold and i == a.chosen))
                           for i, o in enumerate(a.options))
        out = ""
        for i, o in enumerate(a.options):
            if i:
                out += run(sep)
            out += run(o, color=colour if i == a.chosen else None, bold=bold and i == a.chosen)
        return para(out)

    body = intro(case, accent)
    body += para(run("Where a question gives options, show your answer by changing the colour of the option that "
                     "applies (for example to red). Please leave the other options as they are.", bold=True, size=18))
    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        body += para(run(sec["title"]), style="Heading1")
        if sec["kind"] == "agencies":
            body += agencies_table(sec, rng, accent)
        else:
            body += label_table(sec["items"], lambda it: ans_paras(it, choice), "EDEDED")
    body += office_use(accent)
    data, _ = build(case, body, "", font, accent, "Referral form - colour your answer.dotx")
    return data, {"font": font, "mark_colour": colour, "also_bold": bold, "separator": sep.strip() or "spaces"}


# ---------------------------------------------------------------------------------------------------------------
# W-HIDDENSTYLE

HIDDEN_STYLES = """
<w:style w:type="paragraph" w:customStyle="1" w:styleId="GuidanceBase"><w:name w:val="Guidance Base"/><w:basedOn w:val="Normal"/><w:semiHidden/><w:rPr><w:i/><w:vanish/><w:color w:val="7F7F7F"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Guidance"><w:name w:val="Guidance"/><w:basedOn w:val="GuidanceBase"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="GuidanceChar"><w:name w:val="Guidance Char"/><w:semiHidden/><w:rPr><w:i/><w:vanish/><w:color w:val="7F7F7F"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="ExampleText"><w:name w:val="Example Text"/><w:basedOn w:val="GuidanceChar"/><w:qFormat/></w:style>
"""


def example_for(case, it) -> str:
    k = it["key"]
    s = case.s
    d = fmt_date(dt.date(2015, 1, 1), s["date_main"])
    if it["kind"] == "date":
        return f"e.g. {fmt_date(dt.date(2015, 1, 1), s['date_dob'])}" if k in ("c_dob", "c_dod") else f"e.g. {d}"
    if it["kind"] == "choice":
        return "e.g. " + it["ans"].options[0] if k != "i_type" else "Choose one: " + "; ".join(it["ans"].options)
    ex = {"r_name": "Chris Example", "l_name": "Pat Sample", "c_name": "Jamie Example", "c_first": "Jamie",
          "c_last": "EXAMPLE", "r_email": "chris.example@organisation.org.uk", "l_email": "pat.sample@organisation.org.uk",
          "r_phone": "0113 496 0999", "l_phone": "0113 496 0998", "c_addr": "1 Example Street, Sampletown, XX1 1XX",
          "c_school": "Sampletown Primary School", "c_gp": "Sampletown Surgery", "c_eth": "White British",
          "c_age": "7", "i_loc": "Sampletown Park", "r_role": "Practice Lead", "l_role": "Safeguarding Lead",
          "c_other": "Jay", "c_legal": "Child in need", "c_dis": "None known"}.get(k)
    if ex:
        return f"e.g. {ex}"
    if it["kind"] in ("paras", "long"):
        return "Please give as much detail as you can: who, what, when and where."
    return "Type here"


def w_hiddenstyle(case, rng):
    font, accent = rng.choice(FONTS), rng.choice(ACCENTS)
    inline_rate = rng.choice([0.0, 0.35, 0.7])
    hidden = {"cells": 0, "inline": 0}

    def ans(it):
        a = it["ans"]
        ex = example_for(case, it)
        hidden["cells"] += 1
        if a.kind in ("text", "date", "filler", "choice") and rng.random() < inline_rate:
            hidden["inline"] += 1
            return para(run(ex + " ", rstyle="ExampleText") + (run(a.shown) if a.shown else ""))
        return para(run(ex), style="Guidance") + ans_paras(it)

    body = intro(case, accent)
    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        body += para(run(sec["title"]), style="Heading1")
        if sec["key"] in ("ref", "child", "agencies") and (sec.get("index", 0) == 0):
            body += para(run(f"Guidance: complete this part in full. Example: Chris Example, Practice Lead, "
                             f"chris.example@organisation.org.uk, 0113 496 0999."), style="Guidance")
        if sec["kind"] == "agencies":
            cols = sec["cols"]
            w = [3000, 3400, 3464]
            exrow = {"name": "e.g. Sam Example", "agency": "e.g. Sampletown Early Help", "contact": "e.g. 0113 496 0997"}
            rows = [row("".join(cell(para(run(h, bold=True)), w[i], shade="E7E6E6") for i, (_, h) in enumerate(cols)), header=True)]
            rows.append(row("".join(cell(para(run(exrow[k]), style="Guidance"), w[i]) for i, (k, _) in enumerate(cols))))
            for r in sec["rows"]:
                rows.append(row("".join(cell(para(run(agency_cell(r, k, ""))), w[i]) for i, (k, _) in enumerate(cols))))
            rows.append(row("".join(cell(para(), w[i]) for i in range(3))))
            body += table(rows, w)
        else:
            body += label_table(sec["items"], ans, "F2F2F2")
    body += para(run("Office use: received 01/01/2015, ref EX-0000, logged by Sam Example"), style="Guidance")
    body += office_use(accent)
    data, _ = build(case, body, HIDDEN_STYLES, font, accent, "Referral form with guidance (hidden).dotx")
    return data, {"font": font, "hidden_examples": hidden["cells"], "inline_examples": hidden["inline"]}


# ---------------------------------------------------------------------------------------------------------------
# W-EMOJITICK

def emoji_run(cp: int) -> str:
    return ('<w:r><w:rPr><w:rFonts w:ascii="Segoe UI Emoji" w:hAnsi="Segoe UI Emoji"/></w:rPr>'
            f'<mc:AlternateContent><mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" '
            f'w16se:char="{cp:X}"/></mc:Choice><mc:Fallback><w:t>{chr(cp)}</w:t></mc:Fallback></mc:AlternateContent></w:r>')


def w_emojitick(case, rng):
    font, accent = rng.choice(FONTS), rng.choice(ACCENTS)
    crosses = rng.random() < 0.5
    counts = {"ticks": 0, "crosses": 0}

    def mark(chosen: int | None, i: int) -> str:
        if chosen is None:
            return run("☐", font="Segoe UI Symbol")
        if i == chosen:
            counts["ticks"] += 1
            return emoji_run(0x2705)
        if crosses:
            counts["crosses"] += 1
            return emoji_run(0x274C)
        return run("☐", font="Segoe UI Symbol")

    def choice(it):
        a = it["ans"]
        if it["key"] == "i_type":
            return "".join(para(mark(a.chosen, i) + run(" " + o)) for i, o in enumerate(a.options))
        return para("".join(mark(a.chosen, i) + run(" " + o + ("    " if i < len(a.options) - 1 else ""))
                            for i, o in enumerate(a.options)))

    body = intro(case, accent)
    body += para(run("For questions with options, replace the box ☐ with ✅ for the answer that applies"
                     + (" and ❌ for the others." if crosses else "."), bold=True, size=18))
    for sec in spec(case):
        if sec["kind"] == "fields" and not sec["items"]:
            continue
        body += para(run(sec["title"]), style="Heading1")
        if sec["kind"] == "agencies":
            body += agencies_table(sec, rng, accent)
        else:
            body += label_table(sec["items"], lambda it: ans_paras(it, choice), "E2EFDA")
    body += office_use(accent)
    data, _ = build(case, body, "", font, accent, "Referral form.dotx")
    return data, {"font": font, "rejected_marked_with_cross": crosses, **counts}


LAYOUTS = {"W-STYLESEP": w_stylesep, "W-ETREEMERGE": w_etreemerge, "W-COLOURMARK": w_colourmark,
           "W-HIDDENSTYLE": w_hiddenstyle, "W-EMOJITICK": w_emojitick}
