"""The five Word layouts: W-MERGEFLD, W-REVIEW, W-QNUM, W-PDF2DOC, W-RUNIN."""

from __future__ import annotations

import datetime as dt
import random

from . import wordx as X
from .common import options, shown, yn_word
from .model import ADULT_FIRST, ADULT_LAST, Case, Fld, fmt_date

GREY = "808080"


def _decoy_date(case: Case, rng: random.Random, style: str) -> str:
    """A date after every date in the record (a 'printed' or 'reviewed' date): never an answer."""
    dates = []
    for v in _iter(case.record):
        if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[:4].isdigit():
            dates.append(dt.date.fromisoformat(v))
    base = max(dates) if dates else dt.date(2026, 1, 5)
    return fmt_date(base + dt.timedelta(days=rng.randint(1, 9)), style)


def _iter(o):
    if isinstance(o, dict):
        for v in o.values():
            yield from _iter(v)
    elif isinstance(o, list):
        for v in o:
            yield from _iter(v)
    else:
        yield o


def _header_footer(case: Case, rng, extra_hdr: str = "") -> tuple[str, str]:
    v = case.vocab
    hdr = X.para(X.run(v.marking, b=True, sz=8) + X.run("\t" + v.form_ref, sz=8) + extra_hdr,
                 ppr='<w:tabs><w:tab w:val="right" w:pos="9800"/></w:tabs>')
    ftr = X.para(X.run(v.footer, sz=7, color=GREY))
    return hdr, ftr


def _field_name(f: Fld) -> str:
    base = {"date_of_referral": "Referral_Date", "ref_name": "Referrer_Name", "ref_role": "Referrer_Role", "ref_agency": "Referrer_Org",
            "ref_email": "Referrer_Email", "ref_phone": "Referrer_Tel", "lead_name": "SG_Lead_Name", "lead_role": "SG_Lead_Role",
            "lead_agency": "SG_Lead_Org", "lead_email": "SG_Lead_Email", "lead_phone": "SG_Lead_Tel", "lead_discussed": "SG_Discussed",
            "c_name": "Name", "c_first": "Forename", "c_last": "Surname", "c_other": "AKA", "c_dob": "DOB", "c_age": "Age",
            "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Address", "c_school": "School", "c_gp": "GP", "c_legal": "LegalStatus",
            "c_cp": "CPPlan", "c_csc": "OpenCSC", "c_lac": "LAC", "c_dis": "Disability", "c_dod": "DateOfDeath",
            "i_date": "Incident_Date", "i_la": "LA_Aware_Date", "i_loc": "Incident_Location", "i_type": "Incident_Type",
            "i_summary": "Incident_Summary", "i_police": "Police", "k_died": "Crit_Died", "k_abuse": "Crit_Abuse", "k_local": "Crit_Local",
            "k_learn": "Crit_Learning", "k_reason": "Crit_Reason", "panel": "Panel_Notified", "panel_date": "Panel_Date",
            "concerns": "Immediate_Concerns"}.get(f.key, "Field")
    if f.key.startswith("c_"):
        return f"Child{f.child}_{base}"
    if f.key == "decoy":
        return "".join(w.capitalize() for w in f.label.replace("(", "").replace(")", "").replace("'", "").replace("?", "").split()[:3])
    return base


# =============================================================================================== W-MERGEFLD

def _fld(instr: str, result_runs: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{X.esc(instr)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + result_runs + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def merge_field(name: str, result: str, rng, switches: str = "", allow_simple=True) -> str:
    runs = X.run(result) if result else ""
    instr = f" MERGEFIELD  {name} {switches}\\* MERGEFORMAT "
    if allow_simple and rng.random() < 0.3 and "\n" not in result:
        return f'<w:fldSimple w:instr="{X.esc(instr)}">{runs or "<w:r><w:t></w:t></w:r>"}</w:fldSimple>'
    return _fld(instr, runs)


def w_mergefld(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    printed = _decoy_date(case, rng, "long")
    hdr_extra = X.run("\tPrinted ", sz=8) + _fld(' DATE \\@ "d MMMM yyyy" ', X.run(printed, sz=8)) + X.run("  Page ", sz=8) + _fld(" PAGE ", X.run("1", sz=8))
    hdr, ftr = _header_footer(case, rng, hdr_extra)
    system = rng.choice(["CaseBook", "Lighthouse CMS", "Paris", "Mosaic"])
    body = [X.para(X.run(v.title), style="Title"),
            X.para(X.run(f"Produced by {system} mail merge from the {v.sender} case record. Check every field before sending.", i=True, sz=8, color=GREY)),
            X.para(X.run(v.guidance, sz=8, color=GREY))]
    tabs = '<w:tabs><w:tab w:val="left" w:pos="3800"/></w:tabs>'
    notes = {"system": system, "fldSimple_share": 0.3}
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            body.append(X.para(X.run(title), style="Heading2"))
        for f in fields:
            name = _field_name(f)
            if f.kind == "paras":
                body.append(X.para(X.run(f.label + ":", b=True)))
                ps = f.show
                instr = f" MERGEFIELD  {name} \\* MERGEFORMAT "
                if len(ps) == 1:
                    body.append(X.para(_fld(instr, X.run(ps[0]))))
                else:
                    body.append(X.para('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                       f'<w:r><w:instrText xml:space="preserve">{X.esc(instr)}</w:instrText></w:r>'
                                       '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + X.run(ps[0])))
                    for p in ps[1:-1]:
                        body.append(X.para(X.run(p)))
                    body.append(X.para(X.run(ps[-1]) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
                continue
            if f.kind == "agencies":
                body.append(X.para(X.run(f.label + ":", b=True)))
                grid = [2900, 3700, 3200]
                rows = [X.row([X.cell(X.run(c, b=True), w, shade="E7E6E6") for c, w in zip(v.agency_cols, grid)])]
                data = f.show or [(None, "", "")]
                for n, (nm, ag, ct) in enumerate(data, 1):
                    cells = []
                    for col, val, w in zip(("Name", "Agency", "Contact"), (nm or "", ag, ct), grid):
                        cells.append(X.cell(X.para(merge_field(f"Agency{n}_{col}", val, rng, allow_simple=False)), w))
                    rows.append(X.row(cells))
                body.append(X.table(rows, grid))
                body.append(X.para(""))
                continue
            label = X.run(f.label + ":", b=True) + X.run("\t")
            if f.kind == "yn":
                word = yn_word(f, v)
                code = {0: "Y", 1: "N", 2: "U", None: ""}[f.show]
                other = word if f.show in (1, 2) else v.yn[1]
                inner = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                         '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
                         + _fld(f" MERGEFIELD  {name} ", X.run(code) if code else "")
                         + f'<w:r><w:instrText xml:space="preserve"> = "Y" "{X.esc(v.yn[0])}" "{X.esc(other if code else "")}" </w:instrText></w:r>'
                         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + (X.run(word) if word else "")
                         + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
                body.append(X.para(label + inner, ppr=tabs, ind='<w:ind w:left="3800" w:hanging="3800"/>'))
                continue
            val = shown(f, v)
            sw = '\\@ "dd/MM/yyyy" ' if f.kind == "date" else ""
            body.append(X.para(label + merge_field(name, val, rng, sw), ppr=tabs, ind='<w:ind w:left="3800" w:hanging="3800"/>'))
    body.append(X.para(X.run("Signature: ______________________        Partnership use only - Ref: ________  Received: ________", sz=8, color=GREY)))
    case.notes.update(notes)
    return X.package("".join(body), hdr, ftr, title=v.title, author=system)


# =============================================================================================== W-REVIEW

class Rev:
    def __init__(self, rng, people):
        self.n = 100
        self.rng = rng
        self.people = people

    def id(self):
        self.n += 1
        return self.n

    def attrs(self):
        return f'w:id="{self.id()}" w:author="{X.esc(self.rng.choice(self.people))}" w:date="2025-06-0{self.rng.randint(1, 9)}T1{self.rng.randint(0, 9)}:00:00Z"'


def _box_ppr():
    b = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="4" w:color="7F7F7F"/>' for s in ("top", "left", "bottom", "right"))
    return f"<w:pBdr>{b}</w:pBdr>"


ALT_VALUES = {"ref_role": ["Social Worker", "Senior Practitioner"], "lead_role": ["Team Manager", "Practice Lead"],
              "c_school": ["Hillside Primary", "Castle Mead Academy"], "i_loc": ["The family home", "Grandmother's flat"],
              "c_eth": ["White British", "Mixed - other"], "c_gp": ["Parkside Surgery", "Dr Lowe's practice"],
              "c_legal": ["No order", "Child in need plan"]}


def w_review(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    reviewers = [f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}" for _ in range(2)]
    R = Rev(rng, reviewers)
    hdr, ftr = _header_footer(case, rng)
    comments = []
    notes = {"reviewers": reviewers, "tracked_text": [], "comments": [], "moved_paragraph": False, "deleted_agency_row": None, "inserted_agency_row": False}
    body = [X.para(X.run(v.title), style="Title"),
            X.para(X.run(f"DRAFT v0.{rng.randint(2, 6)} - for management review - reviewed {_decoy_date(case, rng, 'slash')}", b=True, color="C00000", sz=9)),
            X.para(X.run(v.guidance, sz=8, color=GREY))]
    box = _box_ppr()
    revisable = [f for _, _, fs in case.sections for f in fs if f.key in ALT_VALUES and f.kind == "text" and f.show and f.show not in ("N/A", "-", "Not known", "n/a")]
    tracked = set(id(f) for f in rng.sample(revisable, min(len(revisable), rng.randint(1, 3))))
    yns = [f for _, _, fs in case.sections for f in fs if f.kind == "yn" and f.show in (0, 1)]
    yn_tracked = set(id(f) for f in rng.sample(yns, min(len(yns), rng.randint(0, 2))))
    commentable = [f for _, _, fs in case.sections for f in fs if f.kind in ("text", "date", "lines") and f.show]
    commented = set(id(f) for f in rng.sample(commentable, min(len(commentable), rng.randint(2, 3))))

    def comment_wrap(f, inner):
        if id(f) not in commented:
            return inner
        cid = len(comments)
        txt = rng.choice([f"Please check - {rng.choice(ADULT_FIRST)} gave a different date ({fmt_date(dt.date(2025, rng.randint(1, 12), rng.randint(1, 28)), 'slash')}) at the hearing.",
                          f"Is this still right? Last record says {rng.choice(['Parkside Surgery', 'Hillside Primary', '07700 900 001'])}.",
                          f"Spoke to {rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)} about this on {fmt_date(dt.date(2025, rng.randint(1, 12), rng.randint(1, 28)), 'long')}.",
                          "Agreed - no change needed.", "Source? Please add where this came from."])
        comments.append(f'<w:comment w:id="{cid}" w:author="{X.esc(reviewers[cid % 2])}" w:date="2025-06-02T10:00:00Z" w:initials="{reviewers[cid % 2][0]}">'
                        f'{X.para(X.run(txt))}</w:comment>')
        notes["comments"].append(txt)
        return (f'<w:commentRangeStart w:id="{cid}"/>{inner}<w:commentRangeEnd w:id="{cid}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>')

    sec_no = 0
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            body.append(X.para(X.run(title), style="Heading2"))
            sec_no += 1
        for q, f in enumerate(fields, 1):
            num = f"{sec_no}.{q}  " if title else ""
            body.append(X.para(X.run(num, b=True, sz=9) + X.run(f.label, b=True, sz=9) + (X.run("  " + f.hint, sz=8, color=GREY) if f.hint else ""), keep=True, spacing=(120, 40)))
            if f.kind == "paras":
                ps = list(f.show)
                if len(ps) >= 3 and rng.random() < 0.8:
                    moved = ps[-1]
                    a, b2 = R.id(), R.id()
                    body.append(X.para(f'<w:moveFromRangeStart w:id="{a}" w:name="move{a}" w:author="{reviewers[0]}" w:date="2025-06-03T11:00:00Z"/>'
                                       f'<w:moveFrom {R.attrs()}>{X.run(moved)}</w:moveFrom><w:moveFromRangeEnd w:id="{a}"/>',
                                       ppr=box + f'<w:rPr><w:moveFrom {R.attrs()}/></w:rPr>'))
                    for p in ps[:-1]:
                        body.append(X.para(X.run(p), ppr=box))
                    body.append(X.para(f'<w:moveToRangeStart w:id="{b2}" w:name="move{a}" w:author="{reviewers[0]}" w:date="2025-06-03T11:00:00Z"/>'
                                       f'<w:moveTo {R.attrs()}>{X.run(moved)}</w:moveTo><w:moveToRangeEnd w:id="{b2}"/>',
                                       ppr=box + f'<w:rPr><w:moveTo {R.attrs()}/></w:rPr>'))
                    notes["moved_paragraph"] = True
                else:
                    for p in ps:
                        body.append(X.para(X.run(p), ppr=box))
                continue
            if f.kind == "agencies":
                grid = [2900, 3700, 3200]
                rows = [X.row([X.cell(X.run(c, b=True), w, shade="D9D9D9") for c, w in zip(v.agency_cols, grid)])]
                data = list(f.show)
                fake = (f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}", rng.choice(["Parkside Surgery (GP)", "Hillside Primary School", "Housing Options"]), "0113 496 0001")
                del_at = rng.randint(0, len(data)) if rng.random() < 0.7 else None
                ins_last = bool(data) and rng.random() < 0.5
                for n, r in enumerate(data + [None]):
                    if del_at == n:
                        cells = [X.cell(X.para(f"<w:del {R.attrs()}><w:r><w:delText xml:space=\"preserve\">{X.esc(val)}</w:delText></w:r></w:del>"), w)
                                 for val, w in zip(fake, grid)]
                        rows.append(X.row(cells, trpr=f"<w:del {R.attrs()}/>"))
                        notes["deleted_agency_row"] = fake[1]
                    if r is None:
                        break
                    nm, ag, ct = r
                    if ins_last and n == len(data) - 1:
                        cells = [X.cell(X.para(f"<w:ins {R.attrs()}>{X.run(val)}</w:ins>" if val else ""), w) for val, w in zip((nm or "", ag, ct), grid)]
                        rows.append(X.row(cells, trpr=f"<w:ins {R.attrs()}/>"))
                        notes["inserted_agency_row"] = True
                    else:
                        rows.append(X.row([X.cell(X.run(val) if val else "", w) for val, w in zip((nm or "", ag, ct), grid)]))
                if not data:
                    rows.append(X.row([X.cell("", w) for w in grid]))
                body.append(X.table(rows, grid))
                continue
            if f.kind == "lines":
                lines = f.show
                for i, line in enumerate(lines):
                    inner = X.run(line)
                    if i == 0:
                        inner = comment_wrap(f, inner)
                    body.append(X.para(inner, ppr=box))
                continue
            val = shown(f, v)
            if id(f) in tracked:
                old = rng.choice([a for a in ALT_VALUES[f.key] if a != val])
                inner = f"<w:del {R.attrs()}><w:r><w:delText xml:space=\"preserve\">{X.esc(old)}</w:delText></w:r></w:del><w:ins {R.attrs()}>{X.run(val)}</w:ins>"
                notes["tracked_text"].append(f"{f.key}: {old} -> {val}")
            elif id(f) in yn_tracked:
                old = v.yn[1 - f.show]
                inner = f"<w:del {R.attrs()}><w:r><w:delText xml:space=\"preserve\">{X.esc(old)}</w:delText></w:r></w:del><w:ins {R.attrs()}>{X.run(val)}</w:ins>"
                notes["tracked_text"].append(f"{f.key}: {old} -> {val}")
            elif val and rng.random() < 0.1:
                inner = f'<w:r><w:rPr><w:b/><w:rPrChange {R.attrs()}><w:rPr/></w:rPrChange></w:rPr>{X.t(val)}</w:r>'
            else:
                inner = X.run(val) if val else ""
            inner = comment_wrap(f, inner) if val else inner
            body.append(X.para(inner, ppr=box))
    case.notes.update(notes)
    return X.package("".join(body), hdr, ftr, title=v.title, comments="".join(comments), settings_extra="<w:trackRevisions/>",
                     author=reviewers[0])


# =============================================================================================== W-QNUM

def w_qnum(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    hdr, ftr = _header_footer(case, rng)
    grid = [700, 600, 3900, 4600]
    body = [X.para(X.run(v.title), style="Title"), X.para(X.run(v.guidance, sz=8, color=GREY))]
    rows = []
    no = 0
    roman = "abcdefghijklmnopqrstuvwxyz"
    notes = {"merged_number_cells": True}
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            rows.append(X.row([X.cell(X.run(title, b=True), sum(grid), span=4, shade="D9E2F3")]))
        no += 1
        first = True
        for q, f in enumerate(fields):
            vm = "restart" if first else "continue"
            num = X.run(str(no), b=True) if first else ""
            first = False
            part = X.run(f"({roman[q]})") if len(fields) > 1 else ""
            qtext = X.run(f.label) + (X.run("  " + f.hint, sz=8, i=True, color=GREY) if f.hint else "")
            if f.kind in ("paras", "agencies") or (f.kind == "para"):
                rows.append(X.row([X.cell(num, grid[0], vmerge=vm), X.cell(part, grid[1]), X.cell(qtext, grid[2] + grid[3], span=2, shade="F2F2F2")]))
                if f.kind == "agencies":
                    g2 = [2600, 2700, 3000]
                    inner_rows = [X.row([X.cell(X.run(c, b=True, sz=9), w) for c, w in zip(v.agency_cols, g2)])]
                    for nm, ag, ct in (f.show or []):
                        inner_rows.append(X.row([X.cell(X.run(val, sz=9) if val else "", w) for val, w in zip((nm or "", ag, ct), g2)]))
                    for _ in range(rng.randint(1, 2)):
                        inner_rows.append(X.row([X.cell("", w) for w in g2]))
                    content = X.table(inner_rows, g2)
                elif f.kind == "paras":
                    content = "".join(X.para(X.run(p)) for p in f.show)
                else:
                    content = X.para(X.run(f.show) if f.show else "")
                rows.append(X.row([X.cell("", grid[0], vmerge="continue"), X.cell("", grid[1]), X.cell(content, grid[2] + grid[3], span=2)]))
                continue
            if f.kind == "lines":
                ans = "".join(X.para(X.run(line)) for line in f.show)
            else:
                val = shown(f, v)
                ans = X.para(X.run(val)) if val else X.para("")
            rows.append(X.row([X.cell(num, grid[0], vmerge=vm), X.cell(part, grid[1]), X.cell(qtext, grid[2]), X.cell(ans, grid[3])]))
    rows.append(X.row([X.cell(X.run("FOR PARTNERSHIP USE ONLY", b=True), sum(grid), span=4, shade="BFBFBF")]))
    for i, lab in enumerate(["Date received", "Reference", "Decision of the Rapid Review group"]):
        rows.append(X.row([X.cell(X.run(str(no + 1)) if i == 0 else "", grid[0], vmerge="restart" if i == 0 else "continue"),
                           X.cell(X.run(f"({roman[i]})"), grid[1]), X.cell(X.run(lab), grid[2]), X.cell("", grid[3])]))
    body.append(X.table(rows, grid))
    case.notes.update(notes)
    return X.package("".join(body), hdr, ftr, title=v.title, font=rng.choice(["Arial", "Calibri", "Verdana"]))


# =============================================================================================== W-PDF2DOC

BOX_ON, BOX_OFF = "\uf0fe", "\uf0a8"


def _chunks(text: str, rng) -> str:
    """Runs of 1-5 characters with small character-spacing changes, as a PDF-to-Word export writes them."""
    out, i = [], 0
    while i < len(text):
        n = rng.randint(1, 6)
        piece = text[i:i + n]
        i += n
        sp = rng.choice([0, 0, -1, 1, 2])
        extra = f'<w:spacing w:val="{sp}"/>' if sp else ""
        out.append(X.run(piece, font="ArialMT", sz=9.5, extra=extra))
    return "".join(out)


def w_pdf2doc(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    hdr = X.para("")
    ftr = X.para("")
    printed = _decoy_date(case, rng, "slash")
    tabpos = 3969
    tabs = f'<w:tabs><w:tab w:val="left" w:pos="{tabpos}"/></w:tabs>'
    body = []
    page = [1]
    count = [0]

    def page_head():
        if page[0] > 1:
            body.append(X.para('<w:r><w:br w:type="page"/></w:r>'))
        body.append(X.para(X.run(f"{v.marking}", font="Arial-BoldMT", b=True, sz=8) + X.run(f"\t{v.form_ref}   Page {page[0]}", font="ArialMT", sz=8),
                           ppr='<w:tabs><w:tab w:val="right" w:pos="9800"/></w:tabs>', spacing=(0, 0)))
        body.append(X.para(X.run(f"Printed: {printed} 09:{rng.randint(10, 59)}", font="ArialMT", sz=7), spacing=(0, 200)))
        page[0] += 1
        count[0] = 0

    def add(p, weight=1):
        if count[0] > 42:
            page_head()
        body.append(p)
        count[0] += weight

    def line(inner, before=0, ind=None, tabs_=tabs):
        add(X.para(inner, ppr=tabs_, spacing=(before, 0), ind=ind))

    page_head()
    add(X.para(X.run(v.title, font="Arial-BoldMT", b=True, sz=13), spacing=(0, 120)))
    for gl in _wrap_chars(v.guidance, 110):
        line(X.run(gl, font="ArialMT", sz=8, color=GREY))
    notes = {"checkbox": "Wingdings PUA U+F0FE / U+F0A8 as text", "lines_per_page": 42}
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            line(X.run(title, font="Arial-BoldMT", b=True, sz=10.5), before=240)
        for f in fields:
            lab = X.run(f.label, font="Arial-BoldMT", b=True, sz=9)
            if f.kind in ("yn", "gender", "itype"):
                opts, chosen, detail = options(f, v)
                if f.kind == "itype":
                    line(lab, before=60)
                    for k, o in enumerate(opts):
                        extra = f"  {detail}" if (k == chosen and detail) else ""
                        line(X.run("\t") + X.run(BOX_ON if k == chosen else BOX_OFF, font="Wingdings") + X.run(" " + o + extra, font="ArialMT", sz=9.5))
                else:
                    inner = lab + X.run("\t")
                    for k, o in enumerate(opts):
                        inner += X.run(BOX_ON if k == chosen else BOX_OFF, font="Wingdings") + X.run(f" {o}   ", font="ArialMT", sz=9.5)
                    line(inner, before=60)
                continue
            if f.kind == "paras" or f.kind == "para" and len(f.show or "") > 40:
                ps = f.show if f.kind == "paras" else [f.show]
                need = 1 + sum(len(_wrap_chars(p, 96)) for p in ps)
                if count[0] + need > 42:
                    page_head()
                line(lab, before=60)
                for pi, p in enumerate(ps):
                    for li, ln in enumerate(_wrap_chars(p, 96)):
                        line(_chunks(ln, rng), before=200 if (li == 0 and pi > 0) else 0)
                continue
            if f.kind == "agencies":
                line(lab, before=60)
                t3 = '<w:tabs><w:tab w:val="left" w:pos="2835"/><w:tab w:val="left" w:pos="6237"/></w:tabs>'
                line(X.run("\t".join(v.agency_cols), font="Arial-BoldMT", b=True, sz=9), tabs_=t3)
                for nm, ag, ct in f.show:
                    line(_chunks(nm or "", rng) + X.run("\t") + _chunks(ag, rng) + X.run("\t") + _chunks(ct, rng), tabs_=t3)
                continue
            if f.kind == "lines":
                line(lab + X.run("\t") + _chunks(f.show[0], rng), before=60)
                for ln in f.show[1:]:
                    line(X.run("\t") + _chunks(ln, rng))
                continue
            val = shown(f, v)
            wrapped = _wrap_chars(val, 80) or [""]
            line(lab + X.run("\t") + _chunks(wrapped[0], rng), before=60)
            for ln in wrapped[1:]:
                line(X.run("\t") + _chunks(ln, rng))
    line(X.run("Signed: ........................................   Date: ..............", font="ArialMT", sz=9), before=300)
    case.notes.update(notes)
    return X.package("".join(body), hdr, ftr, title=f"{v.form_ref}.pdf", author="Adobe Acrobat Pro", font="ArialMT", after=0)


def _wrap_chars(text: str, n: int) -> list[str]:
    out, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > n:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        out.append(cur)
    return out


# =============================================================================================== W-RUNIN

ST = "urn:schemas-microsoft-com:office:smarttags"
PERSON_KEYS = {"ref_name", "lead_name", "c_name", "c_first", "c_last"}


def _smart(element: str, inner: str, attrs: dict | None = None) -> str:
    pr = ""
    if attrs:
        pr = "<w:smartTagPr>" + "".join(f'<w:attr w:name="{k}" w:val="{X.esc(str(a))}"/>' for k, a in attrs.items()) + "</w:smartTagPr>"
    return f'<w:smartTag w:uri="{ST}" w:element="{element}">{pr}{inner}</w:smartTag>'


def _runin_value(f: Fld, v, rng, person_decoys: set) -> str:
    val = shown(f, v)
    if not val:
        return ""
    if val in ("N/A", "-", "Not known", "n/a"):
        return X.run(val)
    if f.kind == "date" and any(c.isdigit() for c in val):
        return _smart("date", X.run(val), {"Year": "", "Month": "", "Day": ""} if rng.random() < 0.3 else None)
    if f.key in PERSON_KEYS or id(f) in person_decoys:
        return _smart("PersonName", X.run(val))
    if f.kind == "email":
        return _fld(f' HYPERLINK "mailto:{val}" ', f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>{X.t(val)}</w:r>')
    if f.kind == "lines":
        parts = []
        for i, ln in enumerate(f.show):
            r = X.run(ln)
            if i == 0:
                r = _smart("Street", _smart("address", r))
            elif i == len(f.show) - 1:
                r = _smart("PostalCode", r)
            elif ln == v.town:
                r = _smart("City", _smart("place", r))
            parts.append(r)
        return "<w:r><w:br/></w:r>".join(parts)
    if f.kind == "text" and rng.random() < 0.25:
        return f'<w:customXml w:uri="http://schemas.{v.domain}/forms" w:element="{_field_name(f)}">{X.run(val)}</w:customXml>'
    return X.run(val)


def w_runin(case: Case, rng: random.Random) -> bytes:
    v = case.vocab
    hdr, ftr = _header_footer(case, rng)
    body = [X.para(X.run(v.title, b=True, sz=14)), X.para(X.run(v.guidance, sz=8, i=True, color=GREY))]
    sep = X.run("\u2003\u2003")
    person_decoys = {id(f) for _, _, fs in case.sections for f in fs if f.key == "decoy" and f.show and f.show.split()[0] in ADULT_FIRST}
    bottom = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="404040"/></w:pBdr>'
    for skey, title, fields in case.sections:
        if not fields:
            continue
        if title:
            body.append(X.para(X.run(title.upper(), b=True, sz=10), ppr=bottom, spacing=(200, 80)))
        group, glen = [], 0

        def flush():
            if group:
                body.append(X.para(sep.join(group), spacing=(0, 60)))
                group.clear()

        for f in fields:
            lab = X.run(f.label, b=True)
            if f.kind == "paras":
                flush()
                glen = 0
                body.append(X.para(lab, spacing=(60, 20)))
                for p in f.show:
                    body.append(X.para(X.run(p)))
                continue
            if f.kind == "agencies":
                flush()
                glen = 0
                body.append(X.para(lab, spacing=(60, 20)))
                grid = [2900, 3700, 3200]
                rows = [X.row([X.cell(X.run(c, b=True, sz=9), w) for c, w in zip(v.agency_cols, grid)])]
                for nm, ag, ct in f.show:
                    rows.append(X.row([X.cell(X.para(_smart("PersonName", X.run(nm)) if nm else ""), grid[0]), X.cell(X.run(ag), grid[1]), X.cell(X.run(ct), grid[2])]))
                rows.append(X.row([X.cell("", w) for w in grid]))
                body.append(X.table(rows, grid))
                continue
            val = _runin_value(f, v, rng, person_decoys)
            text_len = len(f.label) + len(shown(f, v))
            piece = lab + X.run(" ") + val
            if f.kind in ("lines", "para") or text_len > 70:
                flush()
                glen = 0
                body.append(X.para(piece, spacing=(0, 60)))
                continue
            if glen + text_len > 85 or len(group) >= 3:
                flush()
                glen = 0
            group.append(piece)
            glen += text_len
        flush()
    body.append(X.para(X.run("Signature ................................  Print name ................................", sz=9, color=GREY), spacing=(300, 0)))
    case.notes.update({"compat": "Word 2007 (compatibilityMode 12)", "smart_tags": True})
    return X.package("".join(body), hdr, ftr, title=v.title, compat=12, font=rng.choice(["Calibri", "Tahoma", "Arial"]), sz=10)


WORD_LAYOUTS = {"W-MERGEFLD": w_mergefld, "W-REVIEW": w_review, "W-QNUM": w_qnum, "W-PDF2DOC": w_pdf2doc, "W-RUNIN": w_runin}
