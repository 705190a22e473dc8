"""Form specification: the randomised grammar that decides WHAT a form asks and states.

A spec is format-neutral: ordered sections of questions (label + answer), tables and
distractors, plus form-wide style choices.  The renderers (docx, drawn PDF, AcroForm)
decide HOW it is drawn.  The truth record is derived from the spec, so it holds only
what the form states.
"""
from __future__ import annotations

import json
import os
import random
import string

from . import values as V

W = json.load(open(os.path.join(os.path.dirname(__file__), "wordings.json"), encoding="utf-8"))
REGISTERS = ["formal", "plain", "terse", "welsh", "health", "police", "education", "council", "mash"]
FILLERS = W["fillers"]

GENDER_SURF = {"female": ["F", "Female", "female", "Girl", "FEMALE", "Female (F)"], "male": ["M", "Male", "male", "Boy", "MALE"], "other": ["Non-binary", "Other"]}
GENDER_OPTS = [["Female", "Male", "Other"], ["F", "M"], ["Girl", "Boy"], ["Male", "Female", "Non-binary"], ["Female", "Male", "Unknown"]]
GENDER_OF = {"female": "female", "f": "female", "girl": "female", "male": "male", "m": "male", "boy": "male", "other": "other", "non-binary": "other"}


class Ans:
    """One answer.  kind: text|email|phone|lines|paras|date|yn|gender|itype.  truth: record value (None = null)."""
    s = pick = lines = paras = v = opts = d = style = None
    shown = False

    def __init__(self, kind, truth=None, **kw):
        self.kind, self.truth = kind, truth
        self.blank = kw.pop("blank", None)          # None | 'empty' | 'placeholder' | 'filler'
        self.filler = kw.pop("filler", None)
        self.__dict__.update(kw)


DATED_QUESTIONS = [("Has a strategy meeting been held?", "strategy_meeting"),
                   ("Has a strategy discussion taken place?", "strategy_discussion"),
                   ("Has a section 47 enquiry been started?", "s47_enquiry"),
                   ("Has an initial child protection conference been held?", "icpc"),
                   ("Have the parents been told about this referral?", "parents_told"),
                   ("Has the coroner been informed?", "coroner_informed"),
                   ("Has Ofsted been notified?", "ofsted_notified"),
                   ("Has your agency started an internal review?", "internal_review"),
                   ("Was the case discussed at a MASH meeting?", "mash_meeting")]
DATE_LABELS = ["Date", "Date:", "Date (if known)", "If yes, date", "If yes, when?", "Date held", "Date of meeting",
               "Date informed", "If so, on what date?", "Date started"]


class Q:
    def __init__(self, key, label, ans, path, hint=""):
        self.key, self.label, self.ans, self.path, self.hint = key, label, ans, path, hint


class Section:
    def __init__(self, name, heading, items, rel, kind="fields"):
        self.name, self.heading, self.items, self.rel, self.kind = name, heading, items, rel, kind
        self.extra = {}


def empty_record(n):
    person = lambda: {k: None for k in ("name", "role", "agency", "email", "phone")}
    lead = person(); lead["discussed"] = None
    child = lambda: {k: None for k in ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp", "legal_status",
                                       "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death")}
    return {"form": "referral", "date_of_referral": None, "referrer": person(), "safeguarding_lead": lead, "children": [child() for _ in range(n)],
            "incident": {k: None for k in ("date", "date_la_aware", "location", "type", "summary", "police_involved")},
            "criteria": {k: None for k in ("died_or_seriously_harmed", "abuse_or_neglect_suspected", "local_connection", "multi_agency_learning", "reason")},
            "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}


class Builder:
    def __init__(self, rng: random.Random, fmt: str):
        self.rng, self.fmt = rng, fmt
        r = rng
        self.reg = r.choice(REGISTERS)
        self.reg_mix = r.choice([0.0, 0.1, 0.3, 0.6])
        self.colon = r.choice([True, True, False])
        self.numbering = r.choice([None, None, None, "n.", "n.m", "Qn", "(a)", "n)"])
        self.date_style = r.choice(V.DATE_STYLES[:-1] if self.reg != "welsh" else V.DATE_STYLES)
        self.mix_dates = r.random() < 0.35
        self.blank_p = r.choice([0.0, 0.04, 0.08, 0.15])
        self.absent_p = r.choice([0.0, 0.08, 0.2, 0.35, 0.55, 0.7])  # the last two: short forms asking little
        self.upper = r.random() < 0.08
        self.hint_p = r.choice([0.0, 0.2, 0.5])
        self.placeholder_ok = fmt == "docx"
        self.counter = 0
        # a third printed option beside Yes and No on many forms; ticking it answers nothing
        self.yn_third = r.choice([None, None, "Unknown", "Not known", "Don't know", "Unsure", "N/K", "Not yet known"])

    # ---- labels ----
    def label(self, key, sec_i=0, fld_i=0):
        r = self.rng
        bank = W["fields"][key]
        reg = self.reg if r.random() >= self.reg_mix else r.choice(REGISTERS)
        opts = bank.get(reg) or bank["formal"]
        lab = r.choice(opts)
        if key in ("child.dob", "incident.date", "date_of_referral", "child.date_of_death", "date_panel_notified", "incident.date_la_aware") and "dd" not in lab.lower() and r.random() < self.hint_p:
            lab += r.choice([" (dd/mm/yyyy)", " (DD/MM/YYYY)", " [dd/mm/yy]", " (e.g. 01/01/2015)"])
        if self.upper and r.random() < 0.8:
            lab = lab.upper()
        self.counter += 1
        num = {None: "", "n.": f"{fld_i + 1}. ", "n.m": f"{sec_i + 1}.{fld_i + 1} ", "Qn": f"Q{self.counter} ", "(a)": f"({string.ascii_lowercase[fld_i % 26]}) ", "n)": f"{self.counter}) "}[self.numbering]
        if self.colon and not lab.endswith("?") and (not lab.endswith(")") or r.random() < 0.3):
            lab = lab.rstrip(":") + ":"
        return num + lab

    # ---- answers ----
    def blankness(self, allow_filler=True):
        r = self.rng
        if r.random() >= self.blank_p:
            return None
        ch = ["empty"] + (["placeholder", "placeholder"] if self.placeholder_ok else []) + (["filler"] if allow_filler else [])
        return r.choice(ch)

    def text(self, value, kind="text", allow_filler=True):
        if value is None:
            return Ans(kind, None, blank=self.rng.choice(["empty", "filler"] if allow_filler else ["empty"]), filler=self.rng.choice(FILLERS))
        b = self.blankness(allow_filler)
        if b:
            return Ans(kind, None, blank=b, filler=self.rng.choice(FILLERS))
        r = self.rng
        if kind == "email":
            s = value if r.random() < 0.75 else (value[0].upper() + value[1:] if r.random() < 0.5 else value.title())
            return Ans("email", s.lower(), s=s)
        if kind == "phone":
            s = V.phone_surface(r, value)
            return Ans("phone", V.phone_truth(s), s=s)
        s = value
        if r.random() < 0.05:
            s = value + "  "  # trailing spaces
        return Ans("text", value, s=s)

    def date(self, d):
        r = self.rng
        if d is None:
            return Ans("date", None, blank=r.choice(["empty", "filler"] + (["placeholder"] if self.placeholder_ok else [])), filler=r.choice(FILLERS))
        b = self.blankness()
        if b:
            return Ans("date", None, blank=b, filler=r.choice(FILLERS))
        st = self.date_style if not self.mix_dates or r.random() < 0.5 else r.choice(V.DATE_STYLES[:-1])
        return Ans("date", d.isoformat(), s=V.fmt_date(d, st), d=d, style=st)

    def yn(self, v):
        r = self.rng
        if r.random() < self.blank_p * 0.7:
            v = None
        third = self.yn_third if r.random() < 0.8 else None
        return Ans("yn", v, v=v, third=third, third_ticked=third is not None and v is None and r.random() < 0.6)

    def lines(self, lines):
        b = self.blankness()
        if b:
            return Ans("lines", None, blank=b, filler=self.rng.choice(FILLERS))
        if self.rng.random() < 0.35:
            s = self.rng.choice([", ", ", ", " "]).join(lines)
            return Ans("text", s, s=s)
        return Ans("lines", ", ".join(lines), lines=list(lines))

    def paras(self, paras):
        b = self.blankness(allow_filler=False) if self.rng.random() < 0.3 else None
        if b:
            return Ans("paras", None, blank=b)
        return Ans("paras", "\n\n".join(" ".join(p.split()) for p in paras), paras=list(paras))

    def gender(self, g):
        r = self.rng
        b = self.blankness(allow_filler=False)
        if b:
            return Ans("gender", None, blank=b, opts=r.choice(GENDER_OPTS))
        s = r.choice(GENDER_SURF[g])
        opts = r.choice(GENDER_OPTS)
        pick = next((o for o in opts if GENDER_OF.get(o.lower()) == g), None)
        return Ans("gender", g, s=s, opts=opts, pick=pick)

    def itype(self, t, spec=None):
        r = self.rng
        if r.random() < self.blank_p * 0.5:
            t = None
        opts = {k: r.choice(v) for k, v in W["incident_type_options"].items()}
        keys = list(opts)
        if r.random() < 0.3:
            keys = [k for k in keys if k == t or r.random() < 0.7]
        s = None
        if t:
            s = opts[t]
            if t == "other" and r.random() < 0.6:
                s = r.choice(["Other - ", "Other: ", "Other (please specify): "]) + r.choice(W["other_specifications"])
        return Ans("itype", t, s=s, opts=[(k, opts[k]) for k in keys])


def build(rng: random.Random, fmt: str):
    """Return (spec dict, truth record)."""
    r = rng
    nk = r.choices([1, 2, 3], [68, 24, 8])[0]
    case = V.Case(r, nk)
    b = Builder(r, fmt)
    sections = []

    def Qs(sec_i, items):
        out = []
        for fi, (key, ans, path) in enumerate(items):
            out.append(Q(key, b.label(key, sec_i, fi), ans, path))
        return out

    def keep(core=False):
        return core or r.random() >= b.absent_p

    order = r.choice([["referrer", "lead", "child", "incident", "criteria", "panel", "agencies", "concerns"],
                      ["child", "referrer", "lead", "incident", "agencies", "criteria", "concerns", "panel"],
                      ["referrer", "child", "incident", "criteria", "lead", "agencies", "panel", "concerns"],
                      ["incident", "child", "referrer", "lead", "criteria", "agencies", "concerns", "panel"],
                      ["referrer", "lead", "criteria", "child", "incident", "agencies", "concerns", "panel"]])
    if r.random() < 0.3:
        i, j = r.sample(range(len(order)), 2)
        order[i], order[j] = order[j], order[i]
    present = {s: (r.random() > {"lead": 0.15, "criteria": 0.25, "panel": 0.35, "agencies": 0.12, "concerns": 0.2}.get(s, 0.0)) for s in order}
    dor_where = r.choice(["top", "referrer", "end", "top"])
    rels_docx = ["colon", "tab", "underscore", "bracket", "table2", "table2", "table2", "grid4", "grid4", "above", "qa", "qa",
                 "headrow", "incell", "stackbr"]
    rels_pdf = ["colon", "underscore", "table2", "table2", "grid4", "above", "boxabove", "qa", "headrow", "incell", "qacols"]
    rels_acro = ["table2", "table2", "above", "colon", "grid4", "boxabove", "headrow"]
    rels = {"docx": rels_docx, "pdf": rels_pdf, "acro": rels_acro}[fmt]
    form_rel = r.choice(rels)
    sec_rel = lambda: form_rel if r.random() < 0.6 else r.choice(rels)

    no_heads = r.random() < 0.12  # short forms: one run of labels with no section headings at all

    def heading(name):
        h = r.choice(W["sections"][name])
        return None if no_heads else h

    si = 0
    top_items = []
    if dor_where == "top":
        top_items.append(("date_of_referral", b.date(case.date_of_referral), ("date_of_referral",)))
    for name in order:
        if not present[name]:
            continue
        rel = sec_rel()
        if name in ("referrer", "lead"):
            p = case.referrer if name == "referrer" else case.lead
            base = "referrer" if name == "referrer" else "safeguarding_lead"
            items = []
            if dor_where == "referrer" and name == "referrer":
                items.append(("date_of_referral", b.date(case.date_of_referral), ("date_of_referral",)))
            for f in ("name", "role", "agency", "email", "phone"):
                if keep(f == "name"):
                    kind = f if f in ("email", "phone") else "text"
                    items.append((f"{base}.{f}", b.text(getattr(p, f), kind), (base, f)))
            if name == "lead" and keep():
                items.insert(r.choice([0, len(items)]), ("safeguarding_lead.discussed", b.yn(case.discussed), ("safeguarding_lead", "discussed")))
            if r.random() < 0.1:
                r.shuffle(items)
            sections.append(Section(name, heading(name), Qs(si, items), rel))
        elif name == "child":
            per_child = []
            split = r.random() < 0.35
            surname_first = r.random() < 0.4
            fields = [f for f in ("other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death") if keep()]
            dob_given = {}
            parent_decoys = r.random() < 0.4
            for ci, c in enumerate(case.children):
                items = []
                if split:
                    fn = c.first + (f" {c.middle}" if c.middle and r.random() < 0.5 else "")
                    pair = [("child.forename", Ans("text", fn, s=fn), ("children", ci, "name#first")), ("child.surname", Ans("text", c.last, s=c.last), ("children", ci, "name#last"))]
                    items += pair[::-1] if surname_first else pair
                else:
                    nm = f"{c.first} {c.last}"
                    items.append(("child.name", Ans("text", nm, s=nm), ("children", ci, "name")))
                for f in fields:
                    path = ("children", ci, f)
                    if f == "dob":
                        a = b.date(c.dob); dob_given[ci] = a.truth is not None; items.append(("child.dob", a, path))
                    elif f == "age":
                        items.append(("child.age", None, path))  # resolved below
                    elif f == "gender":
                        items.append(("child.gender", b.gender(c.gender), path))
                    elif f == "address":
                        items.append(("child.address", b.lines(c.address), path))
                    elif f in ("cp_plan", "open_to_csc", "looked_after"):
                        items.append((f"child.{f}", b.yn(getattr(c, f)), path))
                    elif f == "date_of_death":
                        a = b.date(c.dod) if c.dod or r.random() < 0.5 else Ans("date", None, blank=r.choice(["empty", "filler"]), filler=r.choice(FILLERS))
                        items.append(("child.date_of_death", a, path))
                    else:
                        items.append((f"child.{f}", b.text(getattr(c, f)), path))
                # age: stated only when no dob given; otherwise blank (or stated but truth null)
                for k, (key, a, path) in enumerate(items):
                    if key == "child.age":
                        if dob_given.get(ci):
                            a = Ans("text", None, blank="empty") if r.random() < 0.8 else Ans("text", None, s=c.age, shown=True)
                        else:
                            a = b.text(c.age + ("" if not c.age.isdigit() else r.choice(["", " years", " yrs"])))
                        items[k] = (key, a, path)
                if ci == 0:  # a parent's or a worker's details asked among the child's ("Parent's date of birth",
                    # "Allocated social worker"), alike for each child
                    decoys = [(key, r.randint(1, len(items))) for key in
                              r.sample(["decoy.parent_name", "decoy.parent_dob", "decoy.parent_phone", "decoy.worker_name",
                                        "decoy.worker_phone"], r.randint(1, 3))] \
                        if parent_decoys else []
                for key, at in decoys:
                    adult = V.rand_date(r, V.dt.date(1965, 1, 1), V.dt.date(2002, 1, 1))
                    ans = {"decoy.parent_name": lambda: b.text(f"{r.choice(V.F_NAMES + V.M_NAMES)} {c.last}"),
                           "decoy.parent_dob": lambda: b.date(adult),
                           "decoy.parent_phone": lambda: b.text(V.phone(r), "phone"),
                           "decoy.worker_name": lambda: b.text(f"{r.choice(V.TITLES)}{r.choice(V.F_NAMES + V.M_NAMES)} "
                                                               f"{r.choice(V.SURNAMES)}"),
                           "decoy.worker_phone": lambda: b.text(V.phone(r), "phone")}[key]()
                    items.insert(min(at, len(items)), (key, ans, None))
                per_child.append(items)
            multi_rel = r.choice(["childcols", "repeat", "childrows"]) if nk > 1 else r.choice(["repeat"] * 4 + ["childrows"])
            if fmt == "acro" and multi_rel == "childcols":
                multi_rel = "repeat"
            if multi_rel == "childrows":  # a header row of labels over one row per child, in bands of columns
                sec = Section("child", heading("child"), [Qs(si, it) for it in per_child], "childrows", kind="childrows")
                sec.extra["number_col"] = r.random() < 0.5
                sec.extra["band"] = r.choice([4, 5, 6, 7, 8])
                sections.append(sec)
            elif multi_rel == "childcols":
                sec = Section("child", heading("child"), [Qs(si, it) for it in per_child], "childcols", kind="childcols")
                sec.extra["child_heads"] = r.choice([["Child 1", "Child 2", "Child 3"], ["Child A", "Child B", "Child C"], ["Subject child", "Sibling 1", "Sibling 2"], ["Plentyn 1 / Child 1", "Plentyn 2 / Child 2", "Plentyn 3 / Child 3"]])
                sections.append(sec)
            else:
                for ci, it in enumerate(per_child):
                    h = heading("child") if nk == 1 or no_heads else r.choice(["{h} - child {n}", "Child {n}", "{h} ({n} of {t})", "CHILD {n}"]).format(h=heading("child"), n=ci + 1, t=nk)
                    sections.append(Section("child", h, Qs(si, it), rel if ci == 0 else sections[-1].rel))
        elif name == "incident":
            items = []
            if keep(): items.append(("incident.date", b.date(case.incident_date), ("incident", "date")))
            if keep() and r.random() < 0.7: items.append(("incident.date_la_aware", b.date(case.la_aware), ("incident", "date_la_aware")))
            if keep(): items.append(("incident.location", b.text(case.location), ("incident", "location")))
            if keep(): items.append(("incident.type", b.itype(case.incident_type), ("incident", "type")))
            if keep(): items.append(("incident.police_involved", b.yn(case.police_involved), ("incident", "police_involved")))
            items.append(("incident.summary", b.paras(case.summary), ("incident", "summary")))
            if r.random() < 0.3:
                items.insert(0, items.pop())
            sections.append(Section(name, heading(name), Qs(si, items), rel))
        elif name == "criteria":
            items = [(f"criteria.{k}", b.yn(v), ("criteria", k)) for k, v in case.crit.items() if keep()]
            if keep():
                items.append(("criteria.reason", b.text(case.reason, allow_filler=False), ("criteria", "reason")))
            sections.append(Section(name, heading(name), Qs(si, items), rel))
        elif name == "panel":
            items = [("panel_notified", b.yn(case.panel_notified), ("panel_notified",))]
            if keep():
                d = case.panel_date
                items.append(("date_panel_notified", b.date(d) if d else Ans("date", None, blank=r.choice(["empty", "filler"]), filler=r.choice(FILLERS)), ("date_panel_notified",)))
            sections.append(Section(name, heading(name), Qs(si, items), rel))
        elif name == "agencies":
            sec = Section(name, heading(name), [], "agencies", kind="agencies")
            cols = ["name", "agency", "contact"]
            if r.random() < 0.25:
                r.shuffle(cols)
            for _ in range(r.choice([0, 0, 1, 1, 2])):
                cols.insert(r.randint(0, len(cols)), "extra")
            sec.extra["cols"] = cols
            sec.extra["heads"] = {}
            extras = r.sample(W["agency_columns"]["extra"], k=cols.count("extra"))
            heads = []
            for c in cols:
                heads.append(extras.pop() if c == "extra" else r.choice(W["agency_columns"][c]))
            sec.extra["headers"] = heads
            rows = []
            for a in case.agencies:
                row = {"name": a["name"], "agency": a["agency"], "contact": a["contact"], "extra": r.choice([a["role"], "Yes", "No", "2019 - present", ""])}
                rows.append(row)
            sec.extra["rows"] = rows
            sec.extra["empty_rows"] = r.choice([0, 0, 1, 2, 3])
            sections.append(sec)
        elif name == "concerns":
            items = [("immediate_concerns", b.text(case.concerns, allow_filler=r.random() < 0.5), ("immediate_concerns",))]
            sections.append(Section(name, heading(name), Qs(si, items), rel))
        si += 1
    if dor_where == "end" or (dor_where == "referrer" and not present["referrer"]):
        sections.append(Section("end", r.choice(["Declaration", "Sign-off", "Completed by", "Submission"]), Qs(si, [("date_of_referral", b.date(case.date_of_referral), ("date_of_referral",))]), sec_rel()))
    if top_items:
        sections.insert(0, Section("top", None, Qs(0, top_items), r.choice(["colon", "table2"] if fmt != "pdf" else ["colon", "table2", "boxabove"])))

    # dated questions the record does not ask for ('Has a strategy meeting been held?' / 'Date:'): a bare 'Date'
    # label is the referral's date only where nothing else is being dated
    fielded = [sec for sec in sections if sec.kind == "fields" and sec.name not in ("top", "end")]
    for _ in range(r.choice([0, 0, 1, 1, 2]) if fielded else 0):
        sec = r.choice(fielded)
        question, key = r.choice(DATED_QUESTIONS)
        when = case.incident_date + V.dt.timedelta(days=r.randint(-20, 12))
        pair = [Q(key, question, b.yn(r.random() < 0.7), None),
                Q(key + "_date", r.choice(DATE_LABELS), b.date(when), None)]
        at = r.randint(0, len(sec.items))
        sec.items[at:at] = pair

    # distractors
    dis = []
    if r.random() < 0.75:
        dis.append(("guidance", r.randint(0, len(sections))))
    if r.random() < 0.3:
        dis.append(("guidance", r.randint(0, len(sections))))
    if r.random() < 0.45:
        dis.append(("office", r.choice([0, len(sections)])))
    if r.random() < 0.45:
        dis.append(("signature", len(sections)))
    if r.random() < 0.4:
        dis.append(("family", r.randint(1, len(sections))))
    fam = []
    for _ in range(r.randint(1, 4)):
        fem = r.random() < 0.5
        nm = f"{r.choice(V.F_NAMES if fem else V.M_NAMES)} {r.choice(V.SURNAMES)}"
        rel_ = r.choice(["Mother", "Father", "Stepfather", "Maternal grandmother", "Mother's partner", "Sibling", "Half-sibling", "Aunt"])
        fam.append([nm, rel_, V.fmt_date(V.rand_date(r, V.dt.date(1970, 1, 1), V.dt.date(2022, 1, 1)), r.choice(V.DATE_STYLES[:-1])), r.choice(["Same", "", "As above", f"{r.randint(1, 99)} {r.choice(V.STREETS)}"]), r.choice(["Yes", "No", ""]), "", r.choice(["F", "M"]) if fem else "M"])

    spec = {"sections": sections, "distractors": dis, "family": fam, "case": case, "builder": b,
            "title": r.choice(W["titles"]), "partnership": case.partnership, "marking": r.choice(W["markings"]) if r.random() < 0.8 else None,
            "footer_pages": r.random() < 0.6, "version": r.choice(["v1.2 2019", "Version 3 (April 2023)", "Rev. 05/24", "v2", ""]),
            "guidance": [g.format(pemail=case.pemail, pphone=case.pphone) for g in r.sample(W["guidance"], 3)]}
    return spec, truth_of(spec, nk)


def truth_of(spec, nk):
    rec = empty_record(nk)
    parts = {}
    for sec in spec["sections"]:
        if sec.kind == "agencies":
            for row in sec.extra["rows"]:
                rec["agencies_involved"].append({"name": row["name"], "agency": row["agency"], "contact": row["contact"]})
            continue
        qs = [q for it in sec.items for q in it] if sec.kind in ("childcols", "childrows") else sec.items
        for q in qs:
            if q.ans is None or q.path is None:
                continue
            path = q.path
            if isinstance(path[-1], str) and "#" in path[-1]:
                parts.setdefault(path[:-1] + (path[-1].split("#")[0],), {})[path[-1].split("#")[1]] = q.ans.truth
                continue
            tgt = rec
            for p in path[:-1]:
                tgt = tgt[p]
            tgt[path[-1]] = q.ans.truth
    for path, d in parts.items():
        if d.get("first") and d.get("last"):
            rec[path[0]][path[1]][path[2]] = f"{d['first']} {d['last']}"
    return rec
