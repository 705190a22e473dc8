"""plain32: the five Word layouts (O-XBOXES, O-GRIDCHECK, O-STACKED, O-QTABLE, O-LEADERS)."""

import datetime as dt

from p32_model import DATE_EXAMPLES, fmt_date, strip_title
from p32_wml import (app_xml, border_xml, cell, checkbox_cc, core_xml, document_part, field, font_table,
                     footer_part, formcheckbox, header_part, package, para, row, run, settings_xml, styles_xml,
                     table)

WIDTH = 9638
GUIDE_DATE = dt.date(2025, 4, 1)
LONG_LABEL = 58


GUIDES = {
    "formal": ("This form should be completed where a practitioner believes that a serious child safeguarding incident "
               "may meet the criteria for a Rapid Review (Working Together to Safeguard Children 2023). Return the "
               "completed form by secure email to {email}. For advice before referring, contact the Partnership "
               "Business Unit on {phone}. {dates} List other agencies with a named contact where known (for example: "
               "{example})."),
    "plain": ("Use this form to tell the {partnership} about a serious incident involving a child. Fill in as much as "
              "you can - it is fine to leave a box empty if you do not know the answer. Email the form to {email}. If "
              "you would like to talk to someone first, ring {phone}. {dates} Example of how to list another worker: "
              "{example}."),
    "terse": ("Complete all sections. Send to {email} (secure email only). Queries: {phone}. {dates} Other agencies: "
              "name / agency / contact, e.g. {example}."),
}
GUIDE_OF = {"wyndale_dasu": ("terse", "PC A. Sample, Neighbourhood Team, 0113 496 0999"),
            "bellminster_fracture": ("formal", "Jo Bloggs, Health Visitor, 0117 496 0998"),
            "norchester_ealna": ("plain", "Sam Example, Family Support Worker, 0121 496 0997"),
            "marrowby_pfteam": ("formal", "J. Bloggs, Social Worker, 0161 496 0996"),
            "growingtogether_parenting": ("plain", "Alex Sample, Early Help Worker, 01632 960 995"),
            "ormsworth_wheelchair": ("terse", "A. N. Other, Physiotherapist, 0191 498 0994")}


def guidance_text(s, style=None):
    ex = fmt_date(GUIDE_DATE, style or s["date_style"])
    hint = DATE_EXAMPLES[s["date_style"]]
    dates = f"Write dates like this: {ex}." if hint.startswith("e.g.") else f"Dates as {hint} (for example {ex})."
    kind, example = GUIDE_OF[s["key"]]
    return GUIDES[kind].format(partnership=s["partnership"], email=s["p_email"], phone=s["p_phone"], dates=dates,
                               example=example)


class WordDoc:
    def __init__(self, case, rng, layout):
        self.case = case
        self.s = case.sender
        self.rng = rng
        self.layout = layout
        self.font = self.s["fonts"][0]
        self.size = rng.choice([10, 10, 10.5, 11]) if self.font not in ("Verdana", "Tahoma") else rng.choice([9, 9.5])
        self.dark, self.light = self.s["colour"]
        self.body = []
        self.sdt_id = 1203 + rng.randint(0, 999) * 1000
        self.bm = 0
        self.ffcount = 0
        self.info = {}

    # ------------------------------------------------------------------ shared pieces
    def next_sdt(self):
        self.sdt_id += 7
        return self.sdt_id

    def p(self, text="", **kw):
        rk = {k: kw.pop(k) for k in list(kw) if k in ("b", "i", "sz", "color", "font", "u", "caps", "highlight")}
        return para(run(text, **rk) if text else "", **kw)

    def title_block(self):
        s = self.s
        self.body.append(self.p(s["partnership"], b=True, color=self.dark, sz=self.size + 2, after=0))
        self.body.append(para(run(s["title"]), style="Title"))
        self.body.append(self.p(guidance_text(s), i=True, sz=self.size - 1, color="404040", after=160))

    def header_footer(self):
        s = self.s
        hdr = header_part(para(run(s["marking"], b=True, color="C00000", sz=9) + run("\t\t" + s["partnership"], sz=8,
                                                                                       color="595959"), style="Header"))
        ftr = footer_part(para(run(s["form_ref"] + "\t\tPage ", sz=8) + field("PAGE", "1", sz=8) + run(" of ", sz=8)
                               + field("NUMPAGES", "4", sz=8), style="Footer"))
        return hdr, ftr

    def answer_paras(self, q, addr_mode="paras", sz=None, color=None, ind=None):
        """Paragraph XML for a typed (non-choice) answer."""
        kw = {}
        if sz:
            kw["sz"] = sz
        if color:
            kw["color"] = color
        if q.kind == "address":
            if not q.lines:
                return para(ind=ind)
            if addr_mode == "br":
                return para(run("\n".join(q.lines), **kw), ind=ind)
            if addr_mode == "oneline":
                return para(run(", ".join(q.lines), **kw), ind=ind)
            return "".join(para(run(line, **kw), ind=ind, after=0) for line in q.lines)
        if q.kind == "long":
            if not q.paras:
                return para(ind=ind)
            return "".join(para(run(t, **kw), ind=ind, after=100) for t in q.paras)
        if q.kind == "choice":
            return para(run(q.shown(), **kw) if q.chosen is not None else "", ind=ind)
        return para(run(q.text, **kw) if q.text else "", ind=ind)

    def office_use(self):
        rows = [row([cell(self.p("FOR PARTNERSHIP USE ONLY", b=True, color="FFFFFF", sz=9), WIDTH, shade="595959", span=4)])]
        labels = ["Date received", "Reference", "Rapid Review meeting", "Decision / outcome"]
        w = [2000, 2819, 2000, 2819]
        rows.append(row([cell(self.p(labels[0], sz=9), w[0], shade="F2F2F2"), cell("", w[1]),
                         cell(self.p(labels[1], sz=9), w[2], shade="F2F2F2"), cell("", w[3])]))
        rows.append(row([cell(self.p(labels[2], sz=9), w[0], shade="F2F2F2"), cell("", w[1]),
                         cell(self.p(labels[3], sz=9), w[2], shade="F2F2F2"), cell("", w[3])]))
        self.body.append(self.p("", after=120))
        self.body.append(table(rows, w))

    def signature(self):
        w = [2400, 7238]
        rows = [row([cell(self.p("Signed", b=True), w[0], shade="F2F2F2"), cell("", w[1])], height=500),
                row([cell(self.p("Print name", b=True), w[0], shade="F2F2F2"), cell("", w[1])]),
                row([cell(self.p("Date", b=True), w[0], shade="F2F2F2"), cell("", w[1])])]
        self.body.append(self.p("Declaration: the information in this form is accurate to the best of my knowledge.",
                                sz=self.size - 1, before=160))
        self.body.append(table(rows, w))

    def agencies_table(self, spare=2, header_fill=None, widths=None):
        ag = self.case.agencies
        cols = ag.cols
        n = len(cols)
        if widths is None:
            if n == 3:
                widths = [3000, 3338, 3300]
            else:
                widths = [2600, 2300, 3138, 1600]
        hdr = row([cell(self.p(t, b=True, sz=self.size - 0.5, color="FFFFFF" if header_fill == self.dark else None),
                        widths[i], shade=header_fill or self.light) for i, (_k, t) in enumerate(cols)], header=True)
        rows = [hdr]
        for r_ in ag.rows:
            rows.append(row([cell(self.p(r_.get(k, "")), widths[i]) for i, (k, _t) in enumerate(cols)]))
        for _ in range(spare):
            rows.append(row([cell("", widths[i]) for i in range(n)]))
        self.body.append(table(rows, widths))

    def build(self, core_title):
        s = self.s
        hdr, ftr = self.header_footer()
        doc = document_part("".join(self.body))
        created = f"{self.case.referral_date.isoformat()}T{9 + self.rng.randint(0, 7):02d}:{self.rng.randint(0, 59):02d}:00Z"
        author = self.author()
        fonts = [self.font, "MS Gothic", "Segoe UI Symbol", "Wingdings", "Times New Roman"]
        return package(doc, styles_xml(self.font, self.size, self.dark), settings_xml(False), font_table(fonts),
                       hdr, ftr, core_xml(core_title, author, created),
                       app_xml(self.template, s["agency_short"], pages=4))

    def author(self):
        for sec in self.case.sections:
            for q in sec.items:
                if q.key == "referrer.name" and q.text:
                    return strip_title(q.text)
        return self.s["agency_short"]

    # ------------------------------------------------------------------ choice mechanisms
    def choice_xbox(self, q, mark):
        """Template 'Yes ☐  No ☐  Other ☐' where the writer typed over the chosen box."""
        box = lambda: run("\u2610", font="MS Gothic")
        if q.key == "incident.type":
            out = []
            for i, opt in enumerate(q.options):
                lead = run(mark + " ") if q.chosen == i else box() + run(" ")
                out.append(para(lead + run(opt), after=0))
            return "".join(out)
        parts = []
        for i, opt in enumerate(q.options):
            if i:
                parts.append(run("     "))
            parts.append(run(opt + " "))
            parts.append(run(mark) if q.chosen == i else box())
        return para("".join(parts))

    def choice_cc(self, q, tag):
        if q.key == "incident.type":
            return "".join(para(checkbox_cc(q.chosen == i, self.next_sdt(), tag=f"{tag}_{i + 1}") + run(" " + opt), after=0)
                           for i, opt in enumerate(q.options))
        parts = []
        for i, opt in enumerate(q.options):
            if i:
                parts.append(run("  "))
            parts.append(checkbox_cc(q.chosen == i, self.next_sdt(), tag=f"{tag}_{i + 1}") + run(" " + opt))
        return para("".join(parts))

    def choice_formcheck(self, q):
        def fc(i):
            self.ffcount += 1
            self.bm += 1
            return formcheckbox(q.chosen == i, f"Check{self.ffcount}", self.bm)
        if q.key == "incident.type":
            return "".join(para(fc(i) + run(" " + opt), after=0) for i, opt in enumerate(q.options))
        parts = []
        for i, opt in enumerate(q.options):
            if i:
                parts.append(run("\t"))
            parts.append(fc(i) + run(" " + opt))
        return para("".join(parts), tabs=[("left", 1800, None), ("left", 3600, None)])


def child_heading_text(sec):
    return sec.title


# ============================================================================================== O-XBOXES

def o_xboxes(case, rng):
    d = WordDoc(case, rng, "O-XBOXES")
    s = case.sender
    d.template = f"{s['form_ref']}.dotx"
    mark = rng.choice(["X", "X", "X", "x"])
    lw = rng.choice([4300, 4500, 4800])
    aw = WIDTH - lw
    addr_mode = rng.choice(["paras", "br"])
    hint_dates = rng.random() < 0.6
    d.info = {"label_width": lw, "mark": mark, "address": addr_mode}
    d.title_block()
    letter = 0
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            title = s["sections"][sec.key]
            d.body.append(para(run(f"PART {chr(65 + letter)} - {title.upper()}", b=True, color=d.dark),
                               border=border_xml(sz=6, color=d.dark, space=2), shade=d.light, before=240, after=120,
                               keep_next=True))
            letter += 1
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            d.body.append(d.p(f"{s['child_title']} {sec.child + 1} of {sec.nchildren}", b=True, i=True, before=120,
                              keep_next=True))
        if sec.key == "agencies":
            d.body.append(d.p(case.agencies.label, b=True, keep_next=True))
            d.agencies_table(spare=3)
            continue
        rows = []
        for q in sec.items:
            lab = run(q.label)
            if q.kind == "date" and hint_dates and q.key in ("date_of_referral", "incident.date", "child.dob"):
                lab += run("\n(" + DATE_EXAMPLES[s["dob_style" if q.key == "child.dob" else "date_style"]] + ")",
                           i=True, sz=d.size - 2, color="7F7F7F")
            if q.kind == "choice":
                ans = d.choice_xbox(q, mark)
            else:
                ans = d.answer_paras(q, addr_mode)
            rows.append(row([cell(para(lab), lw), cell(ans, aw)], cant_split=q.kind != "long"))
        if rows:
            d.body.append(table(rows, [lw, aw], border_color="808080"))
    d.signature()
    d.office_use()
    return d.build(s["title"]), d.info


# ============================================================================================== O-GRIDCHECK

def o_gridcheck(case, rng):
    d = WordDoc(case, rng, "O-GRIDCHECK")
    s = case.sender
    d.template = f"{s['form_ref']} (grid).dotx"
    lw = rng.choice([2000, 2100, 2300])
    aw = (WIDTH - 2 * lw) // 2
    widths = [lw, aw, lw, WIDTH - 2 * lw - aw]
    fill = rng.choice(["F2F2F2", d.light, "DEEAF6"])
    d.info = {"label_width": lw, "label_fill": fill, "content_controls": 0}
    d.title_block()
    num = 0
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            num += 1
            d.body.append(para(run(f"{num}. {s['sections'][sec.key]}"), style="Heading1"))
        last_key = sec.key
        if sec.key == "agencies":
            d.body.append(d.p(case.agencies.label, b=True, sz=d.size - 0.5, keep_next=True))
            d.agencies_table(spare=2, header_fill=fill)
            continue
        rows = []
        if sec.key == "child" and sec.nchildren > 1:
            rows.append(row([cell(d.p(f"{s['child_title']} {sec.child + 1}", b=True, color="FFFFFF"), WIDTH, shade=d.dark,
                                  span=4)]))
        pending = []

        def lab_cell(q):
            return cell(d.p(q.label, b=True, sz=d.size - 1), lw, shade=fill)

        def ans_cell(q, w, span=1):
            if q.kind == "choice":
                d.info["content_controls"] += len(q.options)
                return cell(d.choice_cc(q, q.key.replace(".", "_")), w, span=span)
            return cell(d.answer_paras(q, "br"), w, span=span)

        def flush():
            if pending:
                q = pending.pop()
                rows.append(row([lab_cell(q), ans_cell(q, widths[1]), cell("", lw, shade=fill), cell("", widths[3])]))

        for q in sec.items:
            wide = (q.kind in ("address", "long") or len(q.label) > LONG_LABEL or q.key == "incident.type"
                    or q.key.endswith(".email") or (q.kind == "choice" and sum(len(o) for o in q.options) > 26))
            if wide:
                flush()
                rows.append(row([lab_cell(q), ans_cell(q, WIDTH - lw, span=3)]))
            elif pending:
                p0 = pending.pop()
                rows.append(row([lab_cell(p0), ans_cell(p0, widths[1]), lab_cell(q), ans_cell(q, widths[3])]))
            else:
                pending.append(q)
        flush()
        if rows:
            d.body.append(table(rows, widths, border_color="A6A6A6"))
    d.signature()
    d.office_use()
    return d.build(s["title"]), d.info


# ============================================================================================== O-STACKED

def o_stacked(case, rng):
    d = WordDoc(case, rng, "O-STACKED")
    s = case.sender
    d.template = "Referral form (boxes).dotx"
    fill = rng.choice([d.light, "E7E6E6"])
    addr_mode = rng.choice(["paras", "br"])
    d.info = {"label_fill": fill, "form_checkboxes": 0, "address": addr_mode}
    d.title_block()
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            d.body.append(para(run(s["sections"][sec.key]), style="Heading2",
                               border=border_xml(["top"], sz=12, color=d.dark, space=4)))
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            d.body.append(d.p(f"{s['child_title']} {sec.child + 1} of {sec.nchildren}", b=True, i=True, color=d.dark,
                              keep_next=True))
        if sec.key == "agencies":
            d.body.append(d.p(case.agencies.label, b=True, sz=8.5, color=d.dark, keep_next=True))
            d.agencies_table(spare=2, header_fill=fill)
            continue
        rows = []
        for q in sec.items:
            rows.append(row([cell(d.p(q.label, b=True, sz=8.5, keep_next=True), WIDTH, shade=fill)], cant_split=True))
            if q.kind == "choice":
                d.info["form_checkboxes"] += len(q.options)
                ans = d.choice_formcheck(q)
            else:
                ans = d.answer_paras(q, addr_mode)
            rows.append(row([cell(ans, WIDTH)], height=400))
        if rows:
            d.body.append(table(rows, [WIDTH], border_color="8C8C8C"))
    d.signature()
    d.office_use()
    return d.build(s["title"]), d.info


# ============================================================================================== O-QTABLE

def o_qtable(case, rng):
    d = WordDoc(case, rng, "O-QTABLE")
    s = case.sender
    d.template = f"{s['form_ref']} (question table).dotx"
    heads = rng.choice([("No.", "Question", "Answer"), ("Ref", "Information required", "Details"),
                        ("Q", "Question", "Response")])
    nw = rng.choice([700, 850])
    qw = rng.choice([4100, 4400])
    aw = WIDTH - nw - qw
    widths = [nw, qw, aw]
    hint = rng.random() < 0.5
    addr_mode = rng.choice(["paras", "br", "oneline"])
    d.info = {"headers": " | ".join(heads), "question_width": qw, "option_hints": hint, "address": addr_mode}
    d.title_block()
    secno = 0
    for sec in case.sections:
        secno += 1
        title = s["sections"][sec.key]
        if sec.key == "child" and sec.nchildren > 1:
            title = f"{title} - {s['child_title']} {sec.child + 1} of {sec.nchildren}"
        hdr = row([cell(d.p(h, b=True, color="FFFFFF", sz=d.size - 0.5), widths[i], shade=d.dark)
                   for i, h in enumerate(heads)], header=True)
        rows = [hdr, row([cell(d.p(f"Section {secno}: {title}", b=True), WIDTH, shade=d.light, span=3)])]
        if sec.key == "agencies":
            rows.append(row([cell(d.p(f"{secno}.1"), nw), cell(d.p(case.agencies.label), qw),
                             cell(d.p("See table below" if case.agencies.rows else ""), aw)]))
            d.body.append(table(rows, widths, border_color="7F7F7F"))
            d.body.append(d.p("", after=0))
            d.agencies_table(spare=1)
            continue
        for i, q in enumerate(sec.items, 1):
            qtext = run(q.label)
            if hint and q.kind == "choice" and q.yn:
                qtext += run(" (" + " / ".join(q.options) + ")", i=True, color="7F7F7F", sz=d.size - 1)
            if hint and q.key == "incident.type":
                qtext += run("\nOptions: " + "; ".join(q.options), i=True, color="7F7F7F", sz=d.size - 1)
            rows.append(row([cell(d.p(f"{secno}.{i}"), nw), cell(para(qtext), qw), cell(d.answer_paras(q, addr_mode), aw)],
                            cant_split=q.kind != "long"))
        d.body.append(table(rows, widths, border_color="7F7F7F"))
        d.body.append(d.p("", after=0))
    d.signature()
    d.office_use()
    return d.build(s["title"]), d.info


# ============================================================================================== O-LEADERS

def o_leaders(case, rng):
    d = WordDoc(case, rng, "O-LEADERS")
    s = case.sender
    d.template = "Referral form v4.dotx"
    tabpos = rng.choice([4100, 4500, 4800])
    hint = rng.random() < 0.5
    d.info = {"tab": tabpos, "option_hints": hint, "household_rows": 0}
    d.title_block()

    def heading(t):
        d.body.append(para(run(t.upper(), b=True, color=d.dark), border=border_xml(["bottom"], sz=8, color=d.dark, space=1),
                           before=240, after=120, keep_next=True))

    def line(q):
        label = q.label
        if hint and q.kind == "choice" and q.yn:
            label += " (" + "/".join(q.options) + ")"
        long_label = len(label) > (tabpos // 125)   # a bold label that would run past the leader's tab stop
        if q.kind in ("long",) or (q.kind == "address" and long_label):
            d.body.append(para(run(label, b=True), keep_next=True, after=40))
            d.body.append(d.answer_paras(q, "paras", ind={"left": 567}))
            return
        ans = q.shown() if q.kind != "address" else ", ".join(q.lines)
        if long_label:
            d.body.append(para(run(label, b=True), keep_next=True, after=0))
            d.body.append(para(run("\t") + run(ans), tabs=[("left", tabpos, "dot")], after=80))
        else:
            d.body.append(para(run(label, b=True) + run("\t") + run(ans), tabs=[("left", tabpos, "dot")],
                               ind={"left": tabpos, "hanging": tabpos}, after=80))

    child_secs = [sec for sec in case.sections if sec.key == "child"]
    ident_keys = ["child.name", "child.forename", "child.surname", "child.dob", "child.age", "child.gender",
                  "child.ethnicity"]
    done_children = False
    for sec in case.sections:
        if sec.key == "child":
            if done_children:
                continue
            done_children = True
            heading(s["sections"]["child"])
            d.body.append(d.p("Children who are the subject of this referral", b=True, keep_next=True))
            first = child_secs[0]
            cols = [q for q in first.items if q.key in ident_keys]
            n = len(cols)
            noW = 600
            cw = (WIDTH - noW) // n
            widths = [noW] + [cw] * (n - 1) + [WIDTH - noW - cw * (n - 1)]
            rows = [row([cell(d.p("No.", b=True, sz=d.size - 1), noW, shade=d.light)] +
                        [cell(d.p(q.label, b=True, sz=d.size - 1), widths[i + 1], shade=d.light) for i, q in enumerate(cols)],
                        header=True)]
            for cs in child_secs:
                qs = [q for q in cs.items if q.key in ident_keys]
                rows.append(row([cell(d.p(str(cs.child + 1)), noW)] +
                                [cell(d.answer_paras(q, "br", sz=d.size - 0.5), widths[i + 1]) for i, q in enumerate(qs)]))
            d.body.append(table(rows, widths, border_color="808080"))
            # household table: not the subjects
            hh = household_rows(case, rng)
            d.info["household_rows"] = len(hh)
            d.body.append(d.p("Other members of the household (not the subject of this referral)", b=True, before=160,
                              keep_next=True))
            hw = [3600, 3000, 3038]
            hrows = [row([cell(d.p(t, b=True, sz=d.size - 1), hw[i], shade=d.light) for i, t in
                          enumerate(["Name", "Relationship to child", "Date of birth / age"])], header=True)]
            for h in hh:
                hrows.append(row([cell(d.p(x), hw[i]) for i, x in enumerate(h)]))
            hrows.append(row([cell("", w) for w in hw]))
            d.body.append(table(hrows, hw, border_color="808080"))
            for cs in child_secs:
                name = next((q.text for q in cs.items if q.key in ("child.name", "child.forename")), "")
                d.body.append(d.p(f"{s['child_title']} {cs.child + 1} - further details", b=True, i=True,
                                  color=d.dark, before=160, keep_next=True))
                for q in cs.items:
                    if q.key not in ident_keys:
                        line(q)
            continue
        heading(s["sections"][sec.key])
        if sec.key == "agencies":
            d.body.append(d.p(case.agencies.label, b=True, keep_next=True))
            d.agencies_table(spare=0)
            continue
        for q in sec.items:
            line(q)
    d.signature()
    d.office_use()
    return d.build(s["title"]), d.info


def household_rows(case, rng):
    s = case.sender
    mf, ml = case.mother
    pf, pl = case.partner
    kid0 = case.kids[0]
    style = s["dob_style"]
    rows = [[f"{mf} {ml}", rng.choice(["Mother", "Mother", "Mum"]),
             fmt_date(dt.date(1984 + rng.randint(0, 14), rng.randint(1, 12), rng.randint(1, 28)), style)]]
    if rng.random() < 0.7:
        rows.append([f"{pf} {pl}", rng.choice(["Mother's partner", "Stepfather", "Father"]),
                     rng.choice(["approx. 35", "40", fmt_date(dt.date(1980 + rng.randint(0, 12), rng.randint(1, 12), rng.randint(1, 28)), style)])])
    if rng.random() < 0.45:
        rel = rng.choice(["Half-brother", "Half-sister", "Brother (adult)", "Sister"])
        sib = rng.choice(["Reece", "Nathan", "Jacob"] if "rother" in rel else ["Tayla", "Kelsey", "Mia"])
        rows.append([f"{sib} {kid0['sur']}", rel, rng.choice(["19", "21", "2", "about 17"])])
    if case.curly:
        rows = [[x.replace("'", "\u2019") for x in r_] for r_ in rows]
    return rows


WORD_LAYOUTS = {
    "O-XBOXES": o_xboxes,
    "O-GRIDCHECK": o_gridcheck,
    "O-STACKED": o_stacked,
    "O-QTABLE": o_qtable,
    "O-LEADERS": o_leaders,
}
