"""One form per (n, sender, layout): the sections and items in the sender's wording, and the truth record."""

from __future__ import annotations

import datetime as dt
import random

import u32_model as M
import u32_texts as T
from u32_model import Form, Item, Section, fmt_date
from u32_senders import FIELD_ORDER

FILLERS = ["N/A", "n/a", "-", "Not applicable"]
YN_VALUE = {0: True, 1: False, 2: None}
GENDER_VALUE = {0: "female", 1: "male", 2: "other"}


def pick_yn(rng: random.Random, p_yes: float, p_no: float, p_third: float) -> int | None:
    r = rng.random()
    if r < p_yes:
        return 0
    if r < p_yes + p_no:
        return 1
    if r < p_yes + p_no + p_third:
        return 2
    return None


class Builder:
    def __init__(self, n: int, seed: int, sender: dict, layout: str, itype: int, rng: random.Random):
        self.n, self.seed, self.s, self.layout, self.itype, self.rng = n, seed, sender, layout, itype, rng
        self.used_people: set = set()
        self.notes = {"blanks": 0, "fillers": 0, "third_option": 0, "alt_dates": 0, "decoys": [], "ages": 0}
        self.caps = bool(sender.get("caps")) and rng.random() < 0.6

    # -- helpers -----------------------------------------------------------------------------
    def label(self, key: str) -> str:
        return self.s["labels"][key]

    def asked(self, key: str) -> bool:
        return key in self.s["labels"]

    def up(self, text: str) -> str:
        return text.upper() if self.caps else text

    def text(self, key: str, value: str | None, path: tuple, p_blank: float = 0.0, p_fill: float = 0.0) -> Item | None:
        if not self.asked(key):
            return None
        r = self.rng.random()
        if value is None or r < p_blank:
            self.notes["blanks"] += 1
            return Item("text", key, self.label(key), "", path=path)
        if r < p_blank + p_fill:
            self.notes["fillers"] += 1
            return Item("text", key, self.label(key), self.rng.choice(FILLERS), path=path, filler=True)
        return Item("text", key, self.label(key), value, path=path)

    def date(self, key: str, d: dt.date | None, path: tuple, style: str | None = None, p_blank: float = 0.0,
             p_fill: float = 0.0, allow_alt: bool = True) -> Item | None:
        if not self.asked(key):
            return None
        style = style or self.s["date_style"]
        r = self.rng.random()
        if d is None or r < p_blank:
            self.notes["blanks"] += 1
            return Item("date", key, self.label(key), "", path=path)
        if r < p_blank + p_fill:
            self.notes["fillers"] += 1
            return Item("date", key, self.label(key), self.rng.choice(FILLERS), path=path, filler=True)
        alt = False
        if allow_alt and self.rng.random() < 1 / 7:
            style = self.rng.choice([x for x in M.ALT_STYLES if x != style])
            alt = True
            self.notes["alt_dates"] += 1
        return Item("date", key, self.label(key), fmt_date(d, style), iso=d.isoformat(), path=path, alt=alt,
                    note=style)

    def choice(self, key: str, idx: int | None, path: tuple, ctype: str = "yn") -> Item | None:
        if not self.asked(key):
            return None
        s = self.s
        if ctype == "yn":
            opts = [s["yes"], s["no"], s["third"]]
        elif ctype == "gender":
            opts = list(s["gender"])
        else:
            opts = list(s["itypes"])
        if idx is None:
            self.notes["blanks"] += 1
        if ctype == "yn" and idx == 2:
            self.notes["third_option"] += 1
        return Item("choice", key, self.label(key), idx, options=opts, ctype=ctype, path=path, third=(ctype == "yn"))

    def decoy(self, label: str, kind: str, ctx: dict, ref: dt.date) -> Item:
        rng = self.rng
        if kind in ("date", "date_old", "date_future"):
            if kind == "date":
                d = ref - dt.timedelta(days=rng.randrange(1, 40))
            elif kind == "date_old":
                d = ref - dt.timedelta(days=rng.randrange(200, 1500))
            else:
                d = ref + dt.timedelta(days=rng.randrange(5, 60))
            v = fmt_date(d, self.s["date_style"])
        else:
            v = T.DECOYS[kind](rng, self.s, ctx)
        if rng.random() < 0.1:
            v = ""
        self.notes["decoys"].append(f"{label}={v}")
        return Item("decoy", "decoy", label, v)

    def absent(self, key: str, path: tuple, kind: str = "text", p_fill: float = 0.3) -> Item | None:
        """An asked field the referrer has nothing for: left empty, or a filler typed."""
        if not self.asked(key):
            return None
        if self.rng.random() < p_fill:
            self.notes["fillers"] += 1
            return Item(kind, key, self.label(key), self.rng.choice(FILLERS), path=path, filler=True)
        self.notes["blanks"] += 1
        return Item(kind, key, self.label(key), "", path=path)

    def add(self, items: list, it: Item | None):
        if it is not None:
            items.append(it)

    # -- the form ----------------------------------------------------------------------------
    def build(self) -> Form:
        s, rng = self.s, self.rng
        itype_key = M.INCIDENT_KEYS[self.itype]
        # dates
        ref = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 300))
        while ref.weekday() >= 5:
            ref += dt.timedelta(days=1)
        inc = ref - dt.timedelta(days=rng.randrange(3, 30))
        la = min(ref, inc + dt.timedelta(days=rng.randrange(0, 4)))
        ctx = {"yy": f"{ref.year % 100:02d}", "ymd": ref.strftime("%y%m%d")}

        # children
        if itype_key == "care_leaver_death":
            nkids = 1
        else:
            r = rng.random()
            nkids = 1 if r < 0.55 else (2 if r < 0.85 else 3)
        surname = rng.choice(M.SURNAMES)
        ctx["surname"] = surname
        home = M.address(rng, s)
        kids = []
        firsts_used = set()
        for i in range(nkids):
            g = rng.choices([0, 1, 2], [0.47, 0.47, 0.06])[0]
            pool = M.GIRLS if g == 0 else (M.BOYS if g == 1 else M.OTHER_FIRST)
            first = rng.choice([x for x in pool if x not in firsts_used])
            firsts_used.add(first)
            if itype_key == "care_leaver_death":
                age_y = rng.randrange(18, 25)
            elif i == 0:
                age_y = rng.randrange(0, 18)
            else:
                age_y = rng.randrange(0, 17)
            dob = inc - dt.timedelta(days=age_y * 365 + rng.randrange(20, 340))
            last = surname if (i == 0 or rng.random() < 0.8) else rng.choice(M.SURNAMES)
            kids.append(dict(first=first, last=last, g=g, dob=dob, age_y=age_y))
        if rng.random() < 0.2 and nkids > 1:
            kids[1]["dob"] = kids[0]["dob"]  # twins
            kids[1]["age_y"] = kids[0]["age_y"]

        sections: list[Section] = []
        meta = dict(ref_date=ref, partnership=s["partnership"], nkids=nkids, itype=itype_key)

        # referrer
        items: list[Item] = []
        self.add(items, self.date("date_of_referral", ref, ("date_of_referral",), allow_alt=True))
        rname, rf, rl = M.person(rng, M.TITLES_REF[s["key"]], self.used_people)
        meta["referrer"] = rname
        self.add(items, self.text("ref_name", self.up(rname), ("referrer", "name")))
        self.add(items, self.text("ref_role", self.up(rng.choice(s["roles"])), ("referrer", "role"), 0.04))
        self.add(items, self.text("ref_agency", self.up(rng.choice(s["ref_agency"])), ("referrer", "agency"), 0.04))
        self.add(items, self.text("ref_email", M.email_for(rng, rf, rl, s["domain"]), ("referrer", "email"), 0.05))
        ph = M.phone(rng)
        if s.get("intl") and ph.startswith("020"):
            ph = "+44 20 " + ph[4:]
        self.add(items, self.text("ref_phone", M.phone_variant(rng, ph) if not ph.startswith("+") else ph,
                                  ("referrer", "phone"), 0.06))
        for (sec, lab, kind) in s["decoys"]:
            if sec == "ref":
                items.append(self.decoy(lab, kind, ctx, ref))
        sections.append(Section("ref", s["sections"]["ref"], items))

        # safeguarding lead
        items = []
        lname, lf, ll = M.person(rng, M.TITLES_LEAD[s["key"]], self.used_people)
        self.add(items, self.text("lead_name", self.up(lname), ("safeguarding_lead", "name"), 0.04))
        self.add(items, self.text("lead_role", self.up(rng.choice(s["lead_roles"])), ("safeguarding_lead", "role"), 0.06, 0.02))
        self.add(items, self.text("lead_agency", self.up(rng.choice(s["lead_agency"])), ("safeguarding_lead", "agency"), 0.08, 0.03))
        self.add(items, self.text("lead_email", M.email_for(rng, lf, ll, s["lead_domain"]), ("safeguarding_lead", "email"), 0.1, 0.02))
        lph = M.phone(rng)
        if s.get("intl") and lph.startswith("020"):
            lph = "+44 20 " + lph[4:]
        self.add(items, self.text("lead_phone", M.phone_variant(rng, lph) if not lph.startswith("+") else lph,
                                  ("safeguarding_lead", "phone"), 0.1, 0.02))
        self.add(items, self.choice("lead_discussed", pick_yn(rng, 0.82, 0.05, 0.05), ("safeguarding_lead", "discussed")))
        sections.append(Section("lead", s["sections"]["lead"], items))

        # children
        died_idx = 0 if itype_key in ("death", "lac_death", "care_leaver_death") else None
        shared = {}
        for i, k in enumerate(kids):
            items = []
            p = ("children", i)
            first, last = k["first"], k["last"]
            caps_last = self.caps or rng.random() < 0.25
            last_shown = last.upper() if caps_last else last
            first_shown = first.upper() if self.caps else first
            mode = s["name_mode"]
            if mode == "single":
                self.add(items, self.text("c_name", f"{first_shown} {last_shown}", p + ("name",)))
            else:
                it_f = Item("text", "c_first", self.label("c_first"), first_shown, path=p + ("name", "first"))
                it_l = Item("text", "c_last", self.label("c_last"), last_shown, path=p + ("name", "last"))
                items.extend([it_l, it_f] if mode == "last_first" else [it_f, it_l])
            if self.asked("c_other"):
                other = rng.choice([f"{first[:3]}", f"{first} {rng.choice(M.SURNAMES)}", f"\"{rng.choice(['Bo', 'Jojo', 'Kiki', 'Tee', 'Sunny'])}\""])
                if rng.random() < 0.35:
                    self.add(items, self.text("c_other", self.up(other), p + ("other_names",)))
                else:
                    self.add(items, self.absent("c_other", p + ("other_names",), p_fill=0.3))
            use_age = rng.random() < 0.15
            if use_age:
                self.notes["ages"] += 1
                dob_it = self.date("c_dob", None, p + ("dob",))
                if dob_it is not None and rng.random() < 0.4:
                    dob_it.value = rng.choice(["Not known", "-", "unknown"])
                    dob_it.filler = True
                self.add(items, dob_it)
                age_s = M.age_string(rng, k["age_y"])
                self.add(items, self.text("c_age", age_s, p + ("age",)))
            else:
                self.add(items, self.date("c_dob", k["dob"], p + ("dob",), style=s["dob_style"], allow_alt=False))
                self.add(items, self.absent("c_age", p + ("age",), p_fill=0.3))
            self.add(items, self.choice("c_gender", k["g"] if rng.random() > 0.04 else None, p + ("gender",), "gender"))
            if i == 0 or "eth" not in shared or rng.random() < 0.2:
                shared["eth"] = rng.choice(M.ETHNICITIES)
            self.add(items, self.text("c_eth", self.up(shared["eth"]), p + ("ethnicity",), 0.08, 0.02))
            if self.asked("c_addr"):
                addr = home if (i == 0 or rng.random() < 0.85) else M.address(rng, s)
                if rng.random() < 0.06:
                    self.notes["blanks"] += 1
                    items.append(Item("lines", "c_addr", self.label("c_addr"), [], path=p + ("address",)))
                else:
                    items.append(Item("lines", "c_addr", self.label("c_addr"), [self.up(x) for x in addr], path=p + ("address",)))
            age_for_school = k["age_y"]
            if age_for_school >= 18:
                sch = None
            elif age_for_school >= 16:
                sch = None if rng.random() < 0.3 else f"{rng.choice(s['places'])} College"
            else:
                sch = M.school(rng, s, age_for_school)
            self.add(items, self.text("c_school", self.up(sch) if sch else None, p + ("school",), 0.07, 0.05))
            self.add(items, self.text("c_gp", self.up(M.gp(rng, s)), p + ("gp",), 0.08, 0.02))
            legal = rng.choice(M.LEGAL)
            if itype_key == "lac_death" and i == 0:
                legal = rng.choice(["Care order (s31)", "Section 20 (accommodated)", "Interim care order"])
            elif itype_key == "care_leaver_death":
                legal = rng.choice(["Former relevant child (care leaver)", "Care leaver - pathway plan in place", "None"])
            elif legal in ("Care order (s31)", "Section 20 (accommodated)", "Interim care order") and rng.random() < 0.5:
                legal = "None"
            self.add(items, self.text("c_legal", self.up(legal), p + ("legal_status",), 0.1, 0.04))
            self.add(items, self.choice("c_cp", pick_yn(rng, 0.35, 0.45, 0.08), p + ("cp_plan",)))
            self.add(items, self.choice("c_csc", pick_yn(rng, 0.6, 0.25, 0.06), p + ("open_to_csc",)))
            lac = pick_yn(rng, 0.15, 0.7, 0.05)
            if itype_key == "lac_death" and i == 0:
                lac = 0
            elif itype_key == "care_leaver_death" or legal in ("Care order (s31)", "Section 20 (accommodated)", "Interim care order"):
                lac = 1 if itype_key == "care_leaver_death" else 0
            self.add(items, self.choice("c_lac", lac, p + ("looked_after",)))
            self.add(items, self.text("c_dis", self.up(rng.choice(M.DISABILITY)), p + ("disability",), 0.12, 0.05))
            if died_idx == i:
                dod = inc + dt.timedelta(days=rng.randrange(0, 3)) if rng.random() < 0.5 else inc
                dod = min(dod, ref)
                self.add(items, self.date("c_dod", dod, p + ("date_of_death",), p_blank=0.05))
            else:
                self.add(items, self.absent("c_dod", p + ("date_of_death",), "date", p_fill=0.45))
            if i == 0:
                for (sec, lab, kind) in s["decoys"]:
                    if sec == "child":
                        items.append(self.decoy(lab, kind, ctx, ref))
            title = s["sections"]["child"]
            sections.append(Section("child", title, items, child=i, nchildren=nkids))

        # incident
        items = []
        self.add(items, self.date("i_date", inc, ("incident", "date"), p_blank=0.03))
        self.add(items, self.date("i_la", la, ("incident", "date_la_aware"), p_blank=0.1))
        a_one = ", ".join(home[:2])
        place = rng.choice(s["places"])
        loc = rng.choice(T.LOCATIONS[s["key"]]).format(a=a_one, p=place, A=a_one.upper(), P=place.upper())
        self.add(items, self.text("i_loc", loc, ("incident", "location"), 0.06, 0.02))
        self.add(items, self.choice("i_type", self.itype if rng.random() > 0.03 else None, ("incident", "type"), "itype"))
        other_detail = None
        if self.asked("i_other"):
            if itype_key == "other" and rng.random() < 0.88:
                other_detail = rng.choice(M.OTHER_DETAILS)
                items.append(Item("text", "i_other", self.label("i_other"), other_detail))
            else:
                v = rng.choice(["", "", "N/A", "-"])
                items.append(Item("text", "i_other", self.label("i_other"), v, filler=bool(v)))
        c0 = kids[0]["first"]
        pron = {0: "she", 1: "he", 2: "they"}[kids[0]["g"]]
        paras = [x.format(C=c0, pronoun=pron, town=s["town"], hospital=f"{s['town']} hospital",
                          age=kids[0]["age_y"]) for x in rng.choice(T.SUMMARY[itype_key])]
        clinical = s["key"] in ("pellingham_eyes", "cobbleford_fracture")
        if rng.random() < 0.7 and (itype_key in ("serious_harm", "other") or (itype_key == "death" and clinical)):
            paras.insert(rng.randrange(0, len(paras) + 1), rng.choice(T.CONTEXT[s["key"]]))
        paras = paras[:4]
        items.append(Item("paras", "i_summary", self.label("i_summary"), paras, path=("incident", "summary")))
        self.add(items, self.choice("i_police", pick_yn(rng, 0.68, 0.18, 0.07), ("incident", "police_involved")))
        for (sec, lab, kind) in s["decoys"]:
            if sec == "incident":
                items.append(self.decoy(lab, kind, ctx, ref))
        sections.append(Section("incident", s["sections"]["incident"], items))

        # criteria
        items = []
        self.add(items, self.choice("k_died", pick_yn(rng, 0.86, 0.03, 0.05), ("criteria", "died_or_seriously_harmed")))
        self.add(items, self.choice("k_abuse", pick_yn(rng, 0.7, 0.05, 0.16), ("criteria", "abuse_or_neglect_suspected")))
        self.add(items, self.choice("k_local", pick_yn(rng, 0.85, 0.04, 0.05), ("criteria", "local_connection")))
        self.add(items, self.choice("k_learn", pick_yn(rng, 0.78, 0.04, 0.1), ("criteria", "multi_agency_learning")))
        harm = "died" if died_idx is not None else "been seriously harmed"
        reason = rng.choice(T.REASONS).format(C=c0, harm=harm, town=s["town"])
        self.add(items, self.text("k_reason", reason, ("criteria", "reason"), 0.05))
        sections.append(Section("criteria", s["sections"]["criteria"], items))

        # panel
        if self.asked("p_notified") or self.asked("p_date"):
            items = []
            pn = pick_yn(rng, 0.3, 0.42, 0.1)
            self.add(items, self.choice("p_notified", pn, ("panel_notified",)))
            pd = None
            if pn == 0 and rng.random() < 0.85:
                pd = min(ref, la + dt.timedelta(days=rng.randrange(1, 6)))
            if pd is None:
                self.add(items, self.absent("p_date", ("date_panel_notified",), "date", p_fill=0.0 if pn == 0 else 0.4))
            else:
                self.add(items, self.date("p_date", pd, ("date_panel_notified",)))
            sections.append(Section("panel", s["sections"]["panel"], items))

        # agencies
        items = []
        nag = 0 if rng.random() < 0.05 else rng.randrange(1, 6)
        rows = []
        pool = [(x.format(t=s["town"], p=rng.choice(s["places"])), k) for x, k in T.AGENCY_POOL["common"]] + T.AGENCY_POOL[s["key"]]
        rng.shuffle(pool)
        seen = set()
        for j in range(nag):
            ag, kind = pool[j]
            if ag in seen:
                continue
            seen.add(ag)
            if rng.random() < 0.22:
                nm, first, last = None, None, None
            else:
                nm, first, last = M.person(rng, T.KIND_TITLES[kind], self.used_people)
            dom = T.agency_domain(kind, ag, s["town"])
            r = rng.random()
            if r < 0.5:
                contact = M.phone_variant(rng, M.phone(rng))
            elif r < 0.8:
                contact = f"{first.lower()}.{last.lower()}@{dom}" if nm else f"{rng.choice(['duty', 'admin', 'referrals', 'office'])}@{dom}"
            else:
                contact = f"{M.phone(rng)} / {rng.choice(['duty', 'admin', 'referrals'])}@{dom}"
            if rng.random() < 0.05:
                contact = ""
            rows.append(dict(name=self.up(nm) if nm else None, agency=self.up(ag), contact=contact))
        items.append(Item("agencies", "agencies", self.label("agencies"), rows, cols=list(s["agency_cols"]),
                          path=("agencies_involved",)))
        sections.append(Section("agencies", s["sections"]["agencies"], items))

        # immediate concerns
        items = []
        self.add(items, self.text("concerns", rng.choice(T.CONCERNS), ("immediate_concerns",), 0.06, 0.02))
        sections.append(Section("concerns", s["sections"]["concerns"], items))

        # records (decoys)
        items = [self.decoy(lab, kind, ctx, ref) for (sec, lab, kind) in s["decoys"] if sec == "records"]
        if items:
            sections.append(Section("records", s["sections"]["records"], items))

        meta.update(other_detail=other_detail, home=home, kids=kids)
        self.notes.update(children=nkids, itype=itype_key, other_detail=other_detail,
                          agencies=len(rows), agencies_without_person=sum(1 for r in rows if r["name"] is None),
                          not_asked=sorted(k for ks in FIELD_ORDER.values() for k in ks
                                           if k not in s["labels"] and k not in ("c_first", "c_last", "c_name")
                                           and k != "agencies"),
                          date_style=s["date_style"], dob_style=s["dob_style"], sender=s["org"],
                          partnership=s["partnership"])
        stem = f"u32_{self.n:03d}"
        return Form(self.n, s, self.layout, stem, sections, meta, self.notes)


def build(n: int, seed: int, sender: dict, layout: str, itype: int) -> Form:
    rng = random.Random(f"u32-{seed}-{n}")
    return Builder(n, seed, sender, layout, itype, rng).build()


# ---------------------------------------------------------------------------------------------
# truth

def empty_record() -> dict:
    person = {"name": None, "role": None, "agency": None, "email": None, "phone": None}
    return {"form": "referral", "date_of_referral": None, "referrer": dict(person),
            "safeguarding_lead": dict(person, discussed=None), "children": [],
            "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                         "police_involved": None},
            "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                         "multi_agency_learning": None, "reason": None},
            "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}


def empty_child() -> dict:
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}


def clean(v: str | None) -> str | None:
    if v is None:
        return None
    v = " ".join(v.split())
    if not v or v in FILLERS:
        return None
    return v


def item_value(it: Item):
    """The truth value an item gives (by its shown answer)."""
    if it.kind == "text":
        if it.filler:
            return None
        v = clean(it.value)
        if v is None:
            return None
        if it.key in ("ref_email", "lead_email"):
            return v.lower()
        if it.key in ("ref_phone", "lead_phone"):
            return M.phone_digits(v)
        return v
    if it.kind == "date":
        return it.iso if (it.value and not it.filler) else None
    if it.kind == "lines":
        vals = [clean(x) for x in it.value]
        vals = [x for x in vals if x]
        return ", ".join(vals) if vals else None
    if it.kind == "paras":
        ps = [clean(x) for x in it.value]
        ps = [x for x in ps if x]
        return "\n\n".join(ps) if ps else None
    if it.kind == "choice":
        idx = it.value
        if idx is None:
            return None
        if it.ctype == "yn":
            return YN_VALUE[idx]
        if it.ctype == "gender":
            return GENDER_VALUE[idx]
        return M.INCIDENT_KEYS[idx]
    raise ValueError(it.kind)


def truth(form: Form) -> dict:
    rec = empty_record()
    for sec in form.sections:
        if sec.key == "child":
            while len(rec["children"]) <= sec.child:
                rec["children"].append(empty_child())
        for it in sec.items:
            if not it.path:
                continue
            if it.kind == "agencies":
                for row in it.value:
                    entry = {"name": clean(row["name"]) if row["name"] else None,
                             "agency": clean(row["agency"]), "contact": clean(row["contact"])}
                    if entry["agency"] is None and entry["name"] is None and entry["contact"] is None:
                        continue
                    rec["agencies_involved"].append(entry)
                continue
            v = item_value(it)
            path = it.path
            if path[0] == "children":
                child = rec["children"][path[1]]
                if path[2] == "name" and len(path) == 4:
                    parts = child.setdefault("_name", {})
                    parts[path[3]] = v
                    continue
                child[path[2]] = v
                continue
            tgt = rec
            for p in path[:-1]:
                tgt = tgt[p]
            tgt[path[-1]] = v
    for ch in rec["children"]:
        parts = ch.pop("_name", None)
        if parts is not None:
            nm = " ".join(x for x in (parts.get("first"), parts.get("last")) if x)
            ch["name"] = nm or None
        if ch["dob"] is not None:
            ch["age"] = None
    return rec
