"""The five Word layouts of unseen31."""

from __future__ import annotations

import copy
import datetime as dt
import random

from u31_form import build_form
from u31_model import (FILLERS, SCHOOLS, GPS, STREETS, ADULT_F, ADULT_M, ADULT_SUR, ETHNICITIES, LEGAL, DISAB, display,
                       fmt_date, a_text, a_date, a_choice, a_lines, a_paras)
from u31_wml import (borders_xml, cell, package, page_field_runs, para, row, run, sect_pr, table)

FULL = 9638
DARK = {"hollinsford_feeding": "2E5E4E", "quarley_rj": "4B2C6F", "tenterby_fdac": "1F3864",
        "ravelby_warmhomes": "9C3D12", "linmouth_smokefree": "005A70", "dunstow_triage": "222A35",
        "aireby_gambling": "5B2145", "crowlingham_lwa": "385623"}
LIGHT = {"hollinsford_feeding": "E2EFDA", "quarley_rj": "E7E0F0", "tenterby_fdac": "DEEAF6",
         "ravelby_warmhomes": "FBE4D5", "linmouth_smokefree": "DDF0F4", "dunstow_triage": "E7E6E6",
         "aireby_gambling": "F2E1EC", "crowlingham_lwa": "E2EFD9"}


def text_paras(ans, sz=None, color=None, font=None):
    """A text-like answer as paragraphs: address lines and summary paragraphs each their own paragraph."""
    k = ans["kind"]
    if k == "lines" and ans["lines"]:
        return [para(l, sz=sz, color=color, font=font) for l in ans["lines"]]
    if k == "paras" and ans["paras"]:
        return [para(p, sz=sz, color=color, font=font, after=120) for p in ans["paras"]]
    return [para(display(ans), sz=sz, color=color, font=font)]


def header_xml(form, extra=None):
    h = para(run(form["marking"], b=True, sz=16, color="C00000"), style="Header") + \
        para(run(form["partnership"], sz=16), style="Header", jc="right")
    if extra:
        h += extra
    return h


def footer_xml(form):
    return para(run(form["ref"] + "\t", sz=16) + page_field_runs(sz=16), style="Footer")


def core_props(case, form, template):
    d = case.dates["referral"]
    stamp = f"{d.isoformat()}T{9 + case.n % 8:02d}:{(case.n * 7) % 60:02d}:00Z"
    return ({"title": form["title"], "creator": display(case.A["r_name"]), "created": stamp, "modified": stamp},
            {"template": template, "company": case.s["sender"], "pages": 4})


def office_use(case):
    rows = [row([cell([para("For partnership use only", bold=True, sz=18)], FULL, shade="D9D9D9", span=2)])]
    for lab in ("Date received", "Reference", "Screened by", "Decision"):
        rows.append(row([cell([para(lab, sz=18)], 3200), cell([para("")], FULL - 3200)]))
    return para("", after=120) + table(rows, [3200, FULL - 3200])


def agencies_table(sec, extra_col=None, spare=1, shade="D9D9D9", extra_vals=None):
    cols = sec["cols"]
    n = len(cols) + (1 if extra_col else 0)
    w = FULL // n
    widths = [w] * (n - 1) + [FULL - w * (n - 1)]
    hdr = [cell([para(c[0], bold=True, sz=18)], widths[i], shade=shade) for i, c in enumerate(cols)]
    if extra_col:
        hdr.append(cell([para(extra_col, bold=True, sz=18)], widths[-1], shade=shade))
    rows = [row(hdr, header=True)]
    for ri, r in enumerate(sec["rows"]):
        cs = [cell([para(r[f] or "")], widths[i]) for i, (_, f) in enumerate(cols)]
        if extra_col:
            cs.append(cell([para(extra_vals[ri] if extra_vals else "")], widths[-1]))
        rows.append(row(cs))
    for _ in range(spare):
        rows.append(row([cell([para("")], widths[i]) for i in range(n)]))
    return para(sec["label"], bold=True, sz=18, after=60) + table(rows, widths)


# ---------------------------------------------------------------- W-XBORDER
def _xbox_choice(ans, across=True, sz=18):
    """Option words with an empty square cell after each; the chosen square crossed by both diagonal borders."""
    opts = ans["options"]
    cells = []
    if across:
        ws = []
        for i, o in enumerate(opts):
            wlen = min(2600, 200 + 110 * len(o))
            ws += [wlen, 300]
            cells.append(cell([para(o, sz=sz, jc="right")], wlen, borders=borders_xml("w:tcBorders", kinds=())))
            diag = 8 if ans["chosen"] == i else False
            cells.append(cell([para("", sz=sz)], 300, borders=borders_xml("w:tcBorders", sz=6, color="000000", diag=diag)))
        return table([row(cells, height=300)], ws, borders=False, style=None)
    rows = []
    for i, o in enumerate(opts):
        diag = 8 if ans["chosen"] == i else False
        rows.append(row([cell([para("", sz=sz)], 300, borders=borders_xml("w:tcBorders", sz=6, color="000000", diag=diag)),
                         cell([para(o, sz=sz)], 4600, borders=borders_xml("w:tcBorders", kinds=()))], height=300))
    return table(rows, [300, 4600], borders=False, style=None)


def w_xborder(case, rng):
    form = build_form(case)
    dark, light = DARK[case.s["key"]], LIGHT[case.s["key"]]
    body = [para(form["title"], style="Title"), para(form["sender"], sz=18, color="595959"),
            para(form["guidance"], sz=18, after=80),
            para("Where a question gives options, put a cross in the box that applies. Cross one box only.",
                 bold=True, sz=18, after=160)]
    lw = rng.choice([3400, 3700, 3900])
    crosses = 0
    for sec in form["sections"]:
        body.append(para(sec["title"].upper(), shade=dark, color="FFFFFF", bold=True, sz=20, before=160, after=60, keep_next=True))
        if sec["key"] == "agencies":
            body.append(agencies_table(sec, shade=light))
            continue
        rows = []
        for it in sec["items"]:
            a = it["ans"]
            if a["kind"] == "choice":
                content = [_xbox_choice(a, across=it["key"] != "i_type"), para("", sz=4)]
                crosses += a["chosen"] is not None
            else:
                content = text_paras(a)
            rows.append(row([cell([para(it["label"], bold=True, sz=18)], lw, shade=light), cell(content, FULL - lw)], cant_split=True))
        body.append(table(rows, [lw, FULL - lw]))
    body.append(office_use(case))
    body.append(sect_pr("rIdH1", "rIdF1"))
    core, app = core_props(case, form, f"{case.s['form_ref']}.dotx")
    data = package("".join(body), [header_xml(form)], [footer_xml(form)], core, app, font=rng.choice(["Arial", "Calibri"]), dark=dark)
    return data, {"crossed_boxes": crosses, "label_width": lw}


# ---------------------------------------------------------------- W-PARTHEADERS
def w_partheaders(case, rng):
    form = build_form(case, generic_people=True)
    dark, light = DARK[case.s["key"]], LIGHT[case.s["key"]]
    headers, footers, body = [], [footer_xml(form)], []
    lw = rng.choice([3000, 3300])
    secs = form["sections"]
    for si, sec in enumerate(secs):
        hx = header_xml(form, para(run(sec["title"].upper(), b=True, sz=24, color=dark), style="Header", after=60) +
                        para(run(form["title"], sz=16, color="7F7F7F"), style="Header"))
        headers.append(hx)
        if si == 0:
            body += [para(form["title"], style="Title"), para(form["guidance"], sz=18, after=200)]
        if sec["key"] == "agencies":
            body.append(agencies_table(sec, shade=light))
        else:
            rows = []
            for it in sec["items"]:
                rows.append(row([cell([para(it["label"], bold=True, sz=18)], lw, shade=light), cell(text_paras(it["ans"]), FULL - lw)],
                                cant_split=True))
            body.append(table(rows, [lw, FULL - lw]))
        if si == len(secs) - 1:
            body.append(office_use(case))
            body.append(sect_pr(f"rIdH{si + 1}", "rIdF1"))
        else:
            body.append(para("", sect=sect_pr(f"rIdH{si + 1}", "rIdF1", kind="nextPage")))
    core, app = core_props(case, form, "Partnership referral (parts).dotx")
    data = package("".join(body), headers, footers, core, app, font=rng.choice(["Arial", "Verdana", "Calibri"]), dark=dark)
    return data, {"word_sections": len(secs), "part_titles_in_headers": True}


# ---------------------------------------------------------------- W-FORMPERCHILD
def _glyph_choice(ans):
    out = []
    for i, o in enumerate(ans["options"]):
        g = "\u2612" if ans["chosen"] == i else "\u2610"
        out.append(run(g, font="MS Gothic") + run(" " + o + ("   " if i < len(ans["options"]) - 1 else "")))
    return "".join(out)


def w_formperchild(case, rng):
    full_form = build_form(case)
    dark, light = DARK[case.s["key"]], LIGHT[case.s["key"]]
    n = len(case.children)
    body = []
    lw = rng.choice([3500, 3800])
    for ci in range(n):
        sub = copy.copy(case)
        sub.children = [case.children[ci]]
        form = build_form(sub)
        if ci:
            body.append(para(form["title"], style="Title", pbreak=True))
        else:
            body.append(para(form["title"], style="Title"))
        body.append(para(form["sender"], sz=18, color="595959"))
        body.append(para(form["guidance"] + " Please complete a separate form for each child.", sz=18, after=160))
        for sec in form["sections"]:
            title_row = row([cell([para(sec["title"], bold=True, color="FFFFFF", sz=20)], FULL, shade=dark, span=2)], header=True)
            if sec["key"] == "agencies":
                body.append(table([title_row], [lw, FULL - lw]))
                body.append(agencies_table(sec, shade=light))
                continue
            rows = [title_row]
            for it in sec["items"]:
                a = it["ans"]
                if a["kind"] == "choice":
                    if it["key"] == "i_type":
                        content = [para(_glyph_choice(dict(a, options=[o], chosen=0 if a["chosen"] == i else None)))
                                   for i, o in enumerate(a["options"])]
                    else:
                        content = [para(_glyph_choice(a))]
                else:
                    content = text_paras(a)
                rows.append(row([cell([para(it["label"], sz=18)], lw, shade=light), cell(content, FULL - lw)]))
            body.append(table(rows, [lw, FULL - lw]))
            body.append(para("", after=60))
        body.append(office_use(case))
    body.append(sect_pr("rIdH1", "rIdF1"))
    core, app = core_props(case, full_form, f"{case.s['form_ref']} (one per child).dotx")
    data = package("".join(body), [header_xml(full_form)], [footer_xml(full_form)], core, app,
                   font=rng.choice(["Arial", "Calibri", "Tahoma"]), dark=dark)
    return data, {"copies": n}


# ---------------------------------------------------------------- W-PREVNOW
def _prev_value(case, key, ans, rng, prev_date):
    """What the previous referral held for this question (decoy): another value of the same kind, the same, or '-'."""
    s = case.s
    k = ans["kind"]
    if k != "choice" and display(ans) == "":
        return rng.choice(["-", ""])
    x = rng.random()
    same_ok = key.startswith("c_")
    if x < 0.3 and k != "paras" and same_ok:
        return display(ans)
    if x < 0.45:
        return "-"
    towns = case.towns
    if k == "date":
        if key == "c_dob" and ans["date"]:
            return display(ans)
        d = prev_date - dt.timedelta(days=rng.randint(0, 40))
        return fmt_date(d, s["date_style"])
    if k == "choice":
        return rng.choice(ans["options"])
    if k == "lines":
        return ", ".join([f"{rng.randint(2, 90)} {rng.choice(STREETS)}", rng.choice(towns)])
    if k == "paras":
        return ("Previous referral: concerns about home conditions and school attendance; "
                "the family were offered early help and the case was closed after twelve weeks.")
    pools = {"c_school": [x.format(t=rng.choice(towns)) for x in SCHOOLS], "c_gp": [x.format(t=rng.choice(towns)) for x in GPS],
             "c_eth": ETHNICITIES, "c_legal": LEGAL, "c_dis": DISAB}
    if key in pools:
        return rng.choice(pools[key])
    if key in ("r_name", "l_name"):
        return f"{rng.choice(ADULT_F + ADULT_M)} {rng.choice(ADULT_SUR)}"
    if key.endswith("_email"):
        return f"{rng.choice(ADULT_SUR).lower()}@{s['email_domain']}"
    if key.endswith("_phone"):
        return f"0{rng.choice(['113', '114', '161'])} 496 0{rng.randint(0, 999):03d}"
    return "-"


def w_prevnow(case, rng):
    form = build_form(case)
    dark, light = DARK[case.s["key"]], LIGHT[case.s["key"]]
    prev_date = case.dates["incident"] - dt.timedelta(days=rng.randint(200, 600))
    prev_label = f"Previous referral ({fmt_date(prev_date, case.s['date_style'])})"
    in_prev = max(1, len(case.children) - rng.choice([0, 0, 1]))
    body = [para(form["title"] + " - updated referral", style="Title"), para(form["sender"], sz=18, color="595959"),
            para(form["guidance"], sz=18, after=80),
            para(f"This child has been referred to the {case.s['p_short']} before. The middle column shows the information "
                 "held from the previous referral. Please complete the 'Now' column in full, even where nothing has changed.",
                 bold=True, sz=18, after=160)]
    widths = [3300, 2900, FULL - 6200]
    differing = 0
    for sec in form["sections"]:
        body.append(para(sec["title"], style="Heading1"))
        if sec["key"] == "agencies":
            vals = [rng.choice(["Yes", "No"]) for _ in sec["rows"]]
            body.append(agencies_table(sec, extra_col="Listed on previous referral?", shade=light, extra_vals=vals))
            continue
        rows = [row([cell([para("Question", bold=True, sz=18)], widths[0], shade=light),
                     cell([para(prev_label, bold=True, sz=18)], widths[1], shade=light),
                     cell([para("Now", bold=True, sz=18)], widths[2], shade=light)], header=True)]
        for it in sec["items"]:
            a = it["ans"]
            if sec["key"] == "child" and sec["child"] >= in_prev:
                pv = "(not on previous referral)"
            else:
                pv = _prev_value(case, it["key"], a, rng, prev_date)
            now = text_paras(a) if a["kind"] != "choice" else [para(display(a))]
            differing += pv not in ("-", "", display(a))
            rows.append(row([cell([para(it["label"], sz=18)], widths[0]),
                             cell([para(pv, sz=18, color="595959", font=None)], widths[1], shade="F2F2F2"),
                             cell(now, widths[2])]))
        body.append(table(rows, widths))
    body.append(office_use(case))
    body.append(sect_pr("rIdH1", "rIdF1"))
    core, app = core_props(case, form, f"{case.s['form_ref']} re-referral.dotx")
    data = package("".join(body), [header_xml(form)], [footer_xml(form)], core, app, font=rng.choice(["Arial", "Calibri"]), dark=dark)
    return data, {"previous_values_differing": differing, "children_on_previous": in_prev}


# ---------------------------------------------------------------- W-DSLCOLUMN
def w_dslcolumn(case, rng):
    form = build_form(case)
    dark, light = DARK[case.s["key"]], LIGHT[case.s["key"]]
    lead = display(case.A["l_name"]) or "Team Leader"
    parts = [p for p in lead.replace("Dr ", "").replace("Mrs ", "").replace("Ms ", "").replace("Insp. ", "").split() if p]
    initials = "".join(p[0] for p in parts[:2]).upper() or "TL"
    body = [para(form["title"], style="Title"), para(form["sender"], sz=18, color="595959"),
            para(form["guidance"], sz=18, after=80),
            para("Before sending, your safeguarding lead checks each answer and initials the third column "
                 "(or adds a note). The third column is not part of the referral.", sz=18, after=160)]
    widths = [3200, FULL - 5000, 1800]
    comments = 0
    chk_date = case.dates["referral"]
    for sec in form["sections"]:
        body.append(para(sec["title"], shade=dark, color="FFFFFF", bold=True, sz=20, before=160, after=60, keep_next=True))
        if sec["key"] == "agencies":
            vals = [rng.choice([f"\u2713 {initials}", "\u2713", f"{initials} - rang {fmt_date(chk_date, case.s['date_style'])}"]) for _ in sec["rows"]]
            body.append(agencies_table(sec, extra_col="Lead check", shade=light, extra_vals=vals))
            continue
        rows = [row([cell([para("Question", bold=True, sz=18)], widths[0], shade=light),
                     cell([para("Answer", bold=True, sz=18)], widths[1], shade=light),
                     cell([para("Lead check", bold=True, sz=18)], widths[2], shade=light)], header=True)]
        for it in sec["items"]:
            a = it["ans"]
            x = rng.random()
            if x < 0.55:
                chk = f"\u2713 {initials}"
            elif x < 0.7:
                chk = "\u2713"
            elif x < 0.85:
                who = f"{rng.choice(['PC', 'DC', 'Dr'])} {rng.choice(ADULT_SUR)}"
                chk = f"{initials}: confirmed with {who} {fmt_date(chk_date - dt.timedelta(days=rng.randint(0, 2)), case.s['date_style'])}"
                comments += 1
            else:
                chk = ""
            content = text_paras(a) if a["kind"] != "choice" else [para(display(a))]
            rows.append(row([cell([para(it["label"], sz=18, bold=True)], widths[0]), cell(content, widths[1]),
                             cell([para(chk, sz=16, color="2F5496", font="Segoe UI Symbol")], widths[2])]))
        body.append(table(rows, widths))
    body.append(office_use(case))
    body.append(sect_pr("rIdH1", "rIdF1"))
    core, app = core_props(case, form, f"{case.s['form_ref']}.dotx")
    data = package("".join(body), [header_xml(form)], [footer_xml(form)], core, app, font=rng.choice(["Arial", "Calibri", "Verdana"]), dark=dark)
    return data, {"lead_initials": initials, "lead_comments": comments}


WORD_LAYOUTS = {"W-XBORDER": w_xborder, "W-PARTHEADERS": w_partheaders, "W-FORMPERCHILD": w_formperchild,
                "W-PREVNOW": w_prevnow, "W-DSLCOLUMN": w_dslcolumn}
