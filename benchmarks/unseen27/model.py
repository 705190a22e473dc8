"""Invented cases for unseen27: what each answer shows on the form and what the record holds.

A `Case` carries the truth record (`rec`) and, for every question the sender asks, a `Shown` answer: the text
as typed (or empty, or a filler token), the chosen option for choices, the address lines, the summary
paragraphs.  Layout renderers only read `Shown` answers; the truth is built here, once.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass, field

from common import ALT_STYLES, fmt_date, iso, phone_digits
from senders import ITYPE_KEYS, SENDERS

FILLERS = ["N/A", "n/a", "-", "Not applicable"]

GIRLS = ["Maya", "Amara", "Zainab", "Freya", "Aisha", "Niamh", "Lena", "Ruby", "Skye", "Eliza", "Lola", "Nell",
         "Sienna", "Erin", "Ivy", "Hafsa", "Zofia", "Imani", "Poppy", "Esme", "Zoë", "Keira", "Mariam", "Ffion",
         "Orla", "Thea", "Jasmine", "Aurelia", "Nadia", "Tilly"]
BOYS = ["Leo", "Kacper", "Oliver", "Tyler", "Jayden", "Rhys", "Ibrahim", "Mason", "Harvey", "Kai", "Arlo", "Bilal",
        "Theo", "Alfie", "Reuben", "Tomasz", "Kwame", "Finley", "Zach", "Yusuf", "Callum", "Jenson", "Ruairi",
        "Dominic", "Aryan", "Logan", "Sami", "Ezra", "Louis", "Danny"]
OTHER_FIRST = ["Robin", "Alex", "Sam", "Charlie", "Jordan", "Rowan"]
SURNAMES = ["Thompson", "Okafor", "Kowalski", "Begum", "Hughes", "O'Neill", "Nwosu", "McAllister", "Fairbairn",
            "Ahmed", "Pearson", "Lindqvist", "Doyle", "Walsh", "Morrison", "Clarke-Hughes", "Osei", "Baptiste",
            "Nowak", "Hussain", "Greenwood", "Bianchi", "Szymanski", "Mensah", "Rafferty", "Atkinson", "Haddad",
            "Petrova", "Kaur", "Whitlock", "Ogunleye", "Flanagan", "Dunmore", "Sorensen", "Achterberg", "Mistry"]
ADULT_FIRST = ["Joanne", "Priya", "Martin", "Sian", "Gareth", "Helena", "Tunde", "Rebecca", "Marcus", "Yasmin",
               "Deborah", "Chinedu", "Fiona", "Alistair", "Bethan", "Rashid", "Claire", "Oksana", "Stuart", "Imogen",
               "Nasreen", "Paul", "Lorna", "Vikram", "Hannah", "Desmond", "Kirsty", "Ifeoma", "Graham", "Anya",
               "Siobhan", "Daniel", "Mei", "Jonathan", "Farah", "Colin"]
ADULT_LAST = ["Patel", "Whitfield", "Adeyemi", "Harrington", "Lloyd", "Chowdhury", "MacLeod", "Fenwick", "Bramley",
              "Kaczmarek", "Oduya", "Sinclair", "Thornton", "Rahman", "Gallagher", "Okonkwo", "Pemberton", "Varga",
              "Holroyd", "Quayle", "Ashworth", "Delaney", "Marsh", "Ellison", "Iqbal", "Rowntree", "Kendrick",
              "Mbatha", "Carver", "Nolan", "Sutcliffe", "Brennan", "Yilmaz", "Hardcastle", "Lowther", "Aziz"]
STREETS = ["Ash Road", "Mill Lane", "Fernlea Road", "Beacon Street", "Orchard Close", "Kingfisher Way",
           "Station Road", "Chapel Row", "Larch Avenue", "Bridge Street", "Heather Court", "Cobden Terrace",
           "Willow Drive", "Tanner's Yard", "Nightingale Walk", "Quarry Hill", "St Bede's Crescent", "Foundry Lane"]
BLOCKS = ["Ashby Court", "Kestrel House", "Linden Mews", "Harbour View", "Maple House", "Victoria Buildings"]
DISTRICTS = ["Northfield", "Old Town", "Westgate", "Eastmoor", "Brookside", "Highcross", "Fenby", "Lowfield"]
ETHNICITIES = ["White British", "Mixed - White and Black Caribbean", "Asian or Asian British - Pakistani",
               "Black or Black British - African", "White - Gypsy or Irish Traveller", "Any other White background (Polish)",
               "Asian or Asian British - Bangladeshi", "Mixed - White and Asian", "White Irish", "Any other ethnic group (Kurdish)",
               "Black or Black British - Caribbean", "Chinese"]
SCHOOLS_PRIMARY = ["{d} Primary School", "St Anne's CE Primary", "{d} Community Primary", "Holy Cross RC Primary",
                   "{d} Infant School", "Meadowbank Primary Academy"]
SCHOOLS_SECONDARY = ["{t} Academy", "{d} High School", "St Cuthbert's Catholic College", "{t} Grammar School",
                     "Oakridge Secondary School", "{d} Pupil Referral Unit"]
NURSERIES = ["Little Acorns Nursery", "{d} Children's Centre Nursery", "Rainbow Day Nursery", "Tiny Steps Pre-School"]
GPS = ["{d} Medical Practice", "Dr A Okafor, Mill Lane Surgery", "The Health Centre, Bank Street", "{t} Family Practice",
       "Riverside Surgery", "Dr R Lindgren, Church View Surgery", "{d} Health Centre"]
LEGAL = ["Child in need", "s20 accommodated (voluntary)", "Interim care order (s38)", "Full care order (s31)",
         "Child protection plan (neglect)", "Supervision order", "No order", "Special guardianship order"]
NEEDS = ["Autism (diagnosed 2023)", "Global developmental delay", "Asthma", "Cerebral palsy; uses a wheelchair",
         "Speech and language delay", "Type 1 diabetes", "ADHD - awaiting assessment", "Epilepsy",
         "Born at 30 weeks; feeding difficulties", "Hearing impairment (hearing aids)", "None known",
         "Moderate learning difficulty; EHCP in place", "Sickle cell disease"]
OTHER_NAMES_GIRL = ["Mimi", "Lulu", "Bubs", "Mia-Rose", "Sis"]
OTHER_NAMES_BOY = ["Junior", "Lenny", "Kaz", "JJ", "Bear"]
AGES = ["about {n}", "{n}", "{n} years", "approx. {n}", "{n} yrs", "around {n}", "{n} (stated)"]
AGENCY_KINDS = [
    ("{t} Children's Social Care", ["Social Worker", "Team Manager"], "gov"),
    ("{school}", ["Designated Safeguarding Lead", "Head Teacher", "Class Teacher"], "school"),
    ("Health Visiting Team, {t}", ["Health Visitor"], "nhs"),
    ("{t} Police - Public Protection Unit", ["DC", "DS"], "police"),
    ("{gp}", ["GP"], "nhs"),
    ("{t} Housing Options", ["Housing Officer"], "gov"),
    ("Early Help Team, {t}", ["Family Support Worker"], "gov"),
    ("Midwifery, {t} General Hospital", ["Community Midwife"], "nhs"),
    ("CAMHS (Children's and Young People's Mental Health Service)", ["Clinician"], "nhs"),
    ("Youth Justice Service", ["Case Manager"], "gov"),
    ("{t} Women's Aid", ["IDVA"], "charity"),
    ("School Nursing Service", ["School Nurse"], "nhs"),
    ("Adult Drug and Alcohol Service", ["Recovery Worker"], "charity"),
    ("Leaving Care Team", ["Personal Adviser"], "gov"),
]


@dataclass
class Shown:
    kind: str                      # text date yn gender itype lines paras phone email name
    text: str = ""                 # what is typed ("" = left empty; a filler token; the value)
    lines: list = field(default_factory=list)    # address lines (kind "lines")
    paras: list = field(default_factory=list)    # summary paragraphs (kind "paras")
    choice: int | None = None      # chosen option index (yn / gender / itype)
    detail: str | None = None      # "Other" details (itype)
    filler: bool = False
    date: dt.date | None = None

    @property
    def blank(self) -> bool:
        if self.kind in ("yn", "gender", "itype"):
            return self.choice is None
        if self.kind == "lines":
            return not self.lines
        if self.kind == "paras":
            return not self.paras
        return not self.text or self.filler


@dataclass
class Case:
    n: int
    sid: str
    layout: str
    rng: random.Random
    rec: dict
    show: dict
    kids: list
    agencies: list            # dicts: name (shown, "" none), agency, contact, role
    decoys: list              # (label, value, section)
    notes: dict

    @property
    def s(self) -> dict:
        return SENDERS[self.sid]

    def asked(self, key: str) -> bool:
        return key in self.s["labels"]

    def label(self, key: str) -> str:
        return self.s["labels"][key]


def weekday_between(rng, start: dt.date, end: dt.date) -> dt.date:
    days = (end - start).days
    while True:
        d = start + dt.timedelta(days=rng.randint(0, days))
        if d.weekday() < 5:
            return d


def drama_phone(rng, mobile_ok=True) -> str:
    kind = rng.choice(["01632", "0113", "0114", "0115", "0116", "0117", "0118", "0121", "0161", "0191", "020",
                       "07700", "07700"] if mobile_ok else ["01632", "0113", "0115", "0117", "0121", "0161"])
    tail = rng.randint(0, 999)
    if kind == "01632":
        return f"01632 960{tail:03d}"
    if kind == "07700":
        return f"07700 900{tail:03d}"
    if kind == "020":
        return f"020 7946 0{tail:03d}"
    if kind == "0191":
        return f"0191 498 0{tail:03d}"
    return f"{kind} 496 0{tail:03d}"


def style_phone(rng, p: str) -> str:
    """How a person types a number: spacing varies; some with +44."""
    digits = p.replace(" ", "")
    r = rng.random()
    if r < 0.15:
        return "+44 " + p[1:]
    if r < 0.3:
        return digits
    if r < 0.4 and digits.startswith("01632"):
        return "(01632) " + digits[5:]
    if r < 0.5 and len(digits) == 11 and digits[:5] in ("01632", "07700"):
        return digits[:5] + " " + digits[5:8] + " " + digits[8:]
    return p


def make_email(first: str, last: str, domain: str, style: str, rng) -> str:
    clean_last = last.replace("'", "").replace(" ", "").lower()
    clean_first = first.lower()
    if style == "first":
        local = clean_first if rng.random() < 0.6 else f"{clean_first}.{clean_last}"
    else:
        local = f"{clean_first}.{clean_last}" if rng.random() < 0.75 else f"{clean_first[0]}.{clean_last}"
    return f"{local}@{domain}"


def shown_email(rng, email: str) -> str:
    if rng.random() < 0.3:
        local, dom = email.split("@")
        return ".".join(p.capitalize() for p in local.split(".")) + "@" + dom
    return email


class Builder:
    """Builds one Case.  `plan` fixes the children count and the incident type from the set plan."""

    def __init__(self, n: int, sid: str, layout: str, seed: int, plan: dict):
        self.n, self.sid, self.layout, self.plan = n, sid, layout, plan
        self.rng = random.Random(f"u27-{seed}-{n}")
        self.s = SENDERS[sid]
        self.notes = {"sender": sid, "date_style": self.s["date_style"], "dob_style": self.s["dob_style"],
                      "alt_dates": [], "blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": 0,
                      "not_asked": [], "agencies_without_person": 0}
        self.used_names: set[str] = set()

    # ---- small pickers -------------------------------------------------------------------------------
    def person(self, titles=("",)) -> tuple[str, str, str]:
        r = self.rng
        while True:
            f, l = r.choice(ADULT_FIRST), r.choice(ADULT_LAST)
            if f + l not in self.used_names:
                self.used_names.add(f + l)
                return r.choice(list(titles)), f, l

    def fill(self, key: str, value, kind="text", can_blank=True, p_blank=0.07, p_fill=0.05) -> Shown | None:
        """A typed text answer: usually the value, sometimes left empty or a filler (both null)."""
        if key not in self.s["labels"]:
            self.notes["not_asked"].append(key) if key not in self.notes["not_asked"] else None
            return None
        r = self.rng
        if value is None:
            return Shown(kind, "") if r.random() < 0.6 else self._filler(kind, key)
        if can_blank:
            x = r.random()
            if x < p_blank:
                self.notes["blanks"].append(key)
                return Shown(kind, "")
            if x < p_blank + p_fill:
                return self._filler(kind, key)
        return Shown(kind, value)

    def _filler(self, kind, key) -> Shown:
        self.notes["fillers"].append(key)
        return Shown(kind, self.rng.choice(FILLERS), filler=True)

    def date_shown(self, key: str, d: dt.date | None, style: str, can_blank=True, alt=True) -> Shown | None:
        if key not in self.s["labels"]:
            if key not in self.notes["not_asked"]:
                self.notes["not_asked"].append(key)
            return None
        r = self.rng
        if d is None:
            return Shown("date", "") if r.random() < 0.6 else self._filler("date", key)
        if can_blank and r.random() < 0.05:
            self.notes["blanks"].append(key)
            return Shown("date", "")
        st = style
        if alt and r.random() < 1 / 7:
            st = r.choice(ALT_STYLES)
            self.notes["alt_dates"].append(f"{key}={st}")
        return Shown("date", fmt_date(d, st), date=d)

    def yn(self, key: str, value: bool | None, p_third=0.1, p_none=0.07) -> Shown | None:
        if key not in self.s["labels"]:
            if key not in self.notes["not_asked"]:
                self.notes["not_asked"].append(key)
            return None
        r = self.rng
        x = r.random()
        if value is None or x < p_third:
            if value is None and r.random() < 0.5:
                return Shown("yn", choice=None)
            self.notes["third_option"].append(key)
            return Shown("yn", choice=2)
        if x < p_third + p_none:
            self.notes["blanks"].append(key)
            return Shown("yn", choice=None)
        return Shown("yn", choice=0 if value else 1)

    # ---- the case ------------------------------------------------------------------------------------
    def build(self) -> Case:
        r, s = self.rng, self.s
        town = s["town"]
        d_ref = weekday_between(r, dt.date(2026, 1, 12), dt.date(2026, 3, 27))
        d_inc = d_ref - dt.timedelta(days=r.randint(4, 38))
        d_la = d_inc + dt.timedelta(days=r.randint(0, min(6, (d_ref - d_inc).days)))
        itype = self.plan["itype"]          # one of ITYPE_KEYS or None (not answered)
        nkids = self.plan["children"]

        show: dict[str, Shown | None] = {}
        show["date_of_referral"] = self.date_shown("date_of_referral", d_ref, s["date_style"], can_blank=False)

        # people -------------------------------------------------------------------------------------
        t, f, l = self.person(s["titles_ref"])
        ref_name = f"{t}{f} {l}"
        ref_email = make_email(f, l, s["email_domain"], s["email_style"], r)
        ref_phone = drama_phone(r)
        t2, f2, l2 = self.person(s["titles_lead"])
        lead_name = f"{t2}{f2} {l2}"
        lead_email = make_email(f2, l2, s["email_domain"], s["email_style"], r)
        lead_phone = drama_phone(r)
        self.ref_initials = (f[0] + l[0]).upper()
        self.lead_initials = (f2[0] + l2[0]).upper()
        show["ref.name"] = self.fill("ref.name", ref_name, can_blank=False)
        show["ref.role"] = self.fill("ref.role", r.choice(s["ref_roles"]))
        show["ref.agency"] = self.fill("ref.agency", s["ref_agency"])
        show["ref.email"] = self.fill("ref.email", shown_email(r, ref_email), "email")
        show["ref.phone"] = self.fill("ref.phone", style_phone(r, ref_phone), "phone")
        show["lead.name"] = self.fill("lead.name", lead_name, can_blank=False)
        show["lead.role"] = self.fill("lead.role", r.choice(s["lead_roles"]))
        show["lead.agency"] = self.fill("lead.agency", s["lead_agency"])
        show["lead.email"] = self.fill("lead.email", shown_email(r, lead_email), "email")
        show["lead.phone"] = self.fill("lead.phone", style_phone(r, lead_phone), "phone")
        show["lead.discussed"] = self.yn("lead.discussed", True, p_third=0.06, p_none=0.05)

        # children -----------------------------------------------------------------------------------
        kids = self.children(nkids, itype, d_inc, town)

        # incident -----------------------------------------------------------------------------------
        loc = self.location(town, itype)
        show["inc.date"] = self.date_shown("inc.date", d_inc, s["date_style"])
        show["inc.date_la_aware"] = self.date_shown("inc.date_la_aware", d_la, s["date_style"])
        show["inc.location"] = self.fill("inc.location", loc)
        detail = None
        if itype is None:
            show["inc.type"] = Shown("itype", choice=None)
        else:
            idx = ITYPE_KEYS.index(itype)
            if itype == "other" and r.random() < 0.85:
                detail = r.choice(OTHER_DETAILS)
            show["inc.type"] = Shown("itype", choice=idx, detail=detail)
        self.notes["itype"] = itype
        self.notes["other_detail"] = detail
        first = kids["first_names"][0]
        paras = summary(r, itype, first, kids["first_names"], s, detail, loc)
        show["inc.summary"] = Shown("paras", paras=paras)
        police = r.random() < 0.7
        show["inc.police_involved"] = self.yn("inc.police_involved", police)

        # criteria -----------------------------------------------------------------------------------
        died = itype in ("death", "serious_harm", "lac_death", "care_leaver_death") or (itype == "other" and r.random() < 0.3)
        show["crit.died"] = self.yn("crit.died", True if died else r.choice([True, False]))
        show["crit.abuse"] = self.yn("crit.abuse", r.random() < 0.8)
        show["crit.local"] = self.yn("crit.local", r.random() < 0.92)
        show["crit.learning"] = self.yn("crit.learning", r.random() < 0.9)
        show["crit.reason"] = self.fill("crit.reason", reason(r, itype, first, s), "text", p_blank=0.03, p_fill=0.0)

        # panel --------------------------------------------------------------------------------------
        panel = r.random() < 0.35
        d_panel = d_la + dt.timedelta(days=r.randint(1, 5)) if panel else None
        if d_panel and d_panel > d_ref:
            d_panel = d_ref
        show["panel"] = self.yn("panel", panel, p_third=0.15)
        if show.get("panel") is not None and show["panel"].choice == 0:
            show["panel_date"] = self.date_shown("panel_date", d_panel, s["date_style"], can_blank=True)
        else:
            sh = self.date_shown("panel_date", None, s["date_style"])
            show["panel_date"] = sh

        # agencies -----------------------------------------------------------------------------------
        agencies = self.agency_rows(kids, town)

        # concerns -----------------------------------------------------------------------------------
        show["concerns"] = self.fill("concerns", concerns(r, itype, kids["first_names"], s), p_blank=0.05, p_fill=0.04)

        decoys = self.make_decoys(d_inc, d_ref)

        case = Case(self.n, self.sid, self.layout, r, {}, show, kids["shown"], agencies, decoys, self.notes)
        case.ref_initials = self.ref_initials
        case.lead_initials = self.lead_initials
        case.rec = truth(case, kids)
        self.notes["children"] = len(kids["shown"])
        self.notes["agencies"] = len(case.rec["agencies_involved"])
        return case

    # ---- children -------------------------------------------------------------------------------------
    def children(self, nkids, itype, d_inc, town):
        r, s = self.rng, self.s
        fam = r.choice(SURNAMES)
        caps = r.random() < 0.3 or self.sid == "stonecrest_homes"
        area = s["postcode_area"]
        if r.random() < 0.25:
            addr_lines = [f"Flat {r.randint(1, 24)}, {r.choice(BLOCKS)}", f"{r.randint(2, 140)} {r.choice(STREETS)}",
                          town, f"{area}{r.randint(1, 9)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPRSTUWXYZ')}{r.choice('ABDEFGHJLNPRSTUWXYZ')}"]
        else:
            addr_lines = [f"{r.randint(2, 140)} {r.choice(STREETS)}", r.choice(DISTRICTS), town,
                          f"{area}{r.randint(1, 9)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPRSTUWXYZ')}{r.choice('ABDEFGHJLNPRSTUWXYZ')}"]
            if r.random() < 0.3:
                addr_lines = [addr_lines[0], addr_lines[2], addr_lines[3]]
        district = r.choice(DISTRICTS)
        gp = r.choice(GPS).format(d=district, t=town)
        eth = r.choice(ETHNICITIES)
        kids_shown, first_names, truths = [], [], []
        # ages: older first
        if itype == "care_leaver_death":
            ages = [r.randint(18, 23)] + sorted((r.randint(0, 17) for _ in range(nkids - 1)), reverse=True)
        else:
            ages = sorted((r.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) for _ in range(nkids)), reverse=True)
        # dates of birth: siblings at least ten months apart, or twins (same date)
        dobs = []
        for i, a in enumerate(ages):
            d = d_inc - dt.timedelta(days=int(a * 365.25) + r.randint(10, 340))
            if dobs:
                prev = dobs[-1]
                if r.random() < 0.08:
                    d = prev
                elif (d - prev).days < 300:
                    d = prev + dt.timedelta(days=r.randint(300, 520))
                    if d > d_inc - dt.timedelta(days=20):
                        d = prev
            dobs.append(d)
        ages = [max(0, int((d_inc - d).days // 365.25)) for d in dobs]
        used_first = set()
        for i in range(nkids):
            g = r.choices(["f", "m", "o"], weights=[48, 48, 4])[0]
            pool = GIRLS if g == "f" else BOYS if g == "m" else OTHER_FIRST
            while True:
                first = r.choice(pool)
                if first not in used_first and first[0] not in {u[0] for u in used_first}:
                    break
            used_first.add(first)
            surname = fam if (i == 0 or r.random() < 0.8) else r.choice(SURNAMES)
            shown_surname = surname.upper() if caps else surname
            age_years = ages[i]
            dob = dobs[i]
            k = {}
            if s["split_name"]:
                k["child.first"] = Shown("text", first)
                k["child.last"] = Shown("text", shown_surname)
                name_truth = f"{first} {shown_surname}"
            else:
                name_truth = f"{first} {shown_surname}"
                k["child.name"] = Shown("text", name_truth)
            other = None
            if r.random() < 0.25:
                other = r.choice(OTHER_NAMES_GIRL if g == "f" else OTHER_NAMES_BOY)
            k["child.other_names"] = self.fill("child.other_names", other)
            use_age = "child.age" in s["labels"] and r.random() < 0.22
            if use_age:
                self.notes["ages"] += 1
                if age_years == 0:
                    age_txt = f"{r.randint(2, 11)} months"
                else:
                    age_txt = r.choice(AGES).format(n=age_years)
                k["child.dob"] = Shown("date", "") if r.random() < 0.6 else self._filler("date", "child.dob")
                k["child.age"] = Shown("text", age_txt)
            else:
                k["child.dob"] = self.date_shown("child.dob", dob, s["dob_style"], can_blank=True, alt=False)
                if "child.age" in s["labels"]:
                    k["child.age"] = Shown("text", "") if r.random() < 0.75 else self._filler("text", "child.age")
            gi = {"f": 0, "m": 1, "o": 2}[g]
            k["child.gender"] = Shown("gender", choice=gi) if r.random() > 0.04 else Shown("gender", choice=None)
            if "child.gender" not in s["labels"]:
                k["child.gender"] = None
            k["child.ethnicity"] = self.fill("child.ethnicity", eth if r.random() < 0.9 else r.choice(ETHNICITIES))
            lines = addr_lines if (i == 0 or r.random() < 0.9) else [f"{r.randint(2, 99)} {r.choice(STREETS)}", town]
            if "child.address" in s["labels"]:
                k["child.address"] = Shown("lines", lines=list(lines)) if r.random() > 0.05 else Shown("lines", lines=[])
            else:
                k["child.address"] = None
            if age_years <= 2:
                school = r.choice(NURSERIES).format(d=district, t=town) if r.random() < 0.4 else None
            elif age_years <= 4:
                school = r.choice(NURSERIES).format(d=district, t=town)
            elif age_years <= 10:
                school = r.choice(SCHOOLS_PRIMARY).format(d=district, t=town)
            elif age_years <= 17:
                school = r.choice(SCHOOLS_SECONDARY).format(d=district, t=town)
            else:
                school = r.choice(["Not in education", f"{town} College (part-time)", None])
            k["child.school"] = self.fill("child.school", school)
            k["child.gp"] = self.fill("child.gp", gp)
            legal = None
            if itype == "lac_death" and i == 0:
                legal = r.choice(["Full care order (s31)", "s20 accommodated (voluntary)", "Interim care order (s38)"])
            elif r.random() < 0.5:
                legal = r.choice(LEGAL)
            k["child.legal_status"] = self.fill("child.legal_status", legal)
            lac = (itype == "lac_death" and i == 0) or (legal and ("care order" in legal or "s20" in legal))
            k["child.cp_plan"] = self.yn("child.cp_plan", r.random() < 0.35)
            k["child.open_to_csc"] = self.yn("child.open_to_csc", True if lac else r.random() < 0.55)
            k["child.looked_after"] = self.yn("child.looked_after", bool(lac))
            need = r.choice(NEEDS) if r.random() < 0.45 else None
            k["child.disability"] = self.fill("child.disability", need)
            dod = None
            if i == 0 and itype in ("death", "lac_death", "care_leaver_death"):
                dod = d_inc + dt.timedelta(days=r.choice([0, 0, 0, 1, 2]))
            if dod is not None:
                k["child.date_of_death"] = self.date_shown("child.date_of_death", dod, s["dob_style"], can_blank=False, alt=False)
            elif "child.date_of_death" in s["labels"]:
                k["child.date_of_death"] = Shown("date", "") if r.random() < 0.65 else self._filler("date", "child.date_of_death")
            else:
                k["child.date_of_death"] = None
            k = {key: v for key, v in k.items()}
            for key in list(k):
                if key not in s["labels"] and key not in ("child.first", "child.last", "child.name"):
                    k[key] = None
            kids_shown.append(k)
            first_names.append(first)
            truths.append(dict(first=first, surname=shown_surname, name=name_truth))
        return dict(shown=kids_shown, first_names=first_names, truths=truths, gp=gp, district=district)

    def location(self, town, itype) -> str:
        r = self.rng
        if self.sid == "stonecrest_homes":
            return r.choice([f"Millbrook Meadows site, plot {r.randint(20, 90)} (under construction)",
                             f"Stonecrest site compound, Quarry Lane, {town}", f"Scaffold to block C, Riverside Quays, {town}",
                             f"Open excavation near the site entrance, Ferry Road, {town}"])
        if itype == "care_leaver_death":
            return r.choice([f"Supported accommodation, {r.randint(3, 60)} {r.choice(STREETS)}, {town}",
                             f"{town} town centre (multi-storey car park)", f"Flat {r.randint(1, 20)}, {r.choice(BLOCKS)}, {town}"])
        return r.choice(["Family home", f"Family home, {town}", f"{r.choice(['Riverside', 'Victoria', 'Jubilee'])} Park, {town}",
                         f"Grandparents' home, {r.choice(DISTRICTS)}", f"Canal towpath near {r.choice(STREETS)}",
                         f"Home address", f"{town} bus station", f"Friend's house, {r.choice(STREETS)}, {town}",
                         f"Holiday let, {r.choice(['Whitby', 'Tenby', 'Skegness', 'Ilfracombe'])}"])

    # ---- agencies -------------------------------------------------------------------------------------
    def agency_rows(self, kids, town):
        r = self.rng
        n = r.choices([0, 1, 2, 3, 4, 5], weights=[7, 10, 22, 28, 22, 11])[0]
        kinds = r.sample(AGENCY_KINDS, n)
        rows = []
        school = None
        for k in kids["shown"]:
            sh = k.get("child.school")
            if sh is not None and sh.text and not sh.filler:
                school = sh.text
                break
        for name_tpl, roles, dom in kinds:
            agency = name_tpl.format(t=town, school=school or f"{kids['district']} Primary School", gp=kids["gp"])
            role = r.choice(roles)
            has_person = r.random() > 0.25
            person = ""
            if has_person:
                _, f, l = self.person()
                if role in ("DC", "DS"):
                    person = f"{role} {f} {l}"
                elif role == "GP":
                    person = f"Dr {f} {l}"
                else:
                    person = f"{f} {l}"
            else:
                self.notes["agencies_without_person"] += 1
            domain = {"gov": f"{town.lower().replace(' ', '')}.gov.uk", "school": f"{town.lower().replace(' ', '')}.sch.uk",
                      "nhs": "nhs.net", "police": "police.example.uk", "charity": "org.uk"}[dom]
            ph = style_phone(r, drama_phone(r))
            if has_person and r.random() < 0.4:
                f_, l_ = person.replace("Dr ", "").replace("DC ", "").replace("DS ", "").split(" ", 1)
                em = f"{f_.lower()}.{l_.lower().replace(' ', '').replace(chr(39), '')}@{domain}"
                contact = r.choice([em, f"{ph} / {em}", f"{em}, {ph}"])
            else:
                contact = ph if r.random() < 0.85 else ""
            rows.append(dict(name=person, agency=agency, contact=contact, role=role))
        return rows

    # ---- decoys ---------------------------------------------------------------------------------------
    def make_decoys(self, d_inc, d_ref):
        r, s = self.rng, self.s
        k = r.randint(3, min(5, len(s["decoys"])))
        chosen = r.sample(s["decoys"], k)
        chosen.sort(key=lambda d: s["decoys"].index(d))
        out = []
        for label, kind, section in chosen:
            v = decoy_value(r, kind, d_inc, d_ref, s, self)
            out.append((label, v, section))
            self.notes["decoys"].append(f"{label}={v}")
        return out


OTHER_DETAILS = ["Private fostering arrangement not notified to the council", "Serious self-harm (ligature) by a 15-year-old",
                 "Child missing for four days and found in another county", "Near-drowning while unsupervised",
                 "Child sexual exploitation - child found in an adult's flat", "Fabricated or induced illness suspected",
                 "Baby found alone in a flat for several hours", "Serious dog attack at the family home",
                 "Female genital mutilation identified at a health appointment", "Child injured in a knife attack near school"]


def decoy_value(r, kind, d_inc, d_ref, s, b):
    if kind == "date":
        d = d_inc - dt.timedelta(days=r.randint(20, 400)) if r.random() < 0.7 else d_ref + dt.timedelta(days=r.randint(1, 30))
        return fmt_date(d, s["date_style"])
    if kind == "person":
        t, f, l = b.person(("",))
        return f"{t}{f} {l}"
    return {
        "nhs": f"{r.randint(400, 499)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
        "rio": f"{r.randint(1000000, 9999999)}",
        "hosp": f"RUH{r.randint(1000000, 9999999)}",
        "tbsa": f"{r.randint(2, 18)}%",
        "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
        "propref": f"BQ-{r.randint(100, 999):04d}-{r.randint(1, 99):04d}",
        "polldist": f"B{r.choice('HKLMN')}{r.randint(1, 9)}",
        "round": r.choice(["Round 1 (forms)", "Round 2 (door knock)", "Round 3 (final visit)"]),
        "hef": f"HEF/2026/{r.randint(10000, 99999)}",
        "urn": f"BCA-CM-{r.randint(1000, 9999)}",
        "hours": str(r.choice([10, 15, 22, 30, 38])),
        "voucher": f"LB-2026-{r.randint(100, 999):04d}",
        "items": r.choice(["Moses basket, sterilising kit, clothes 0-3 months", "Pushchair and car seat", "Cot, mattress, nappies"]),
        "riddor": f"RIDDOR {r.randint(100000, 999999)}",
        "plot": f"Plot {r.randint(10, 120)}",
        "complaint": f"CCR-2026-{r.randint(100, 999):04d}",
        "stage": r.choice(["Stage 1", "Stage 2", "Stage 3"]),
        "mpref": f"HM{r.randint(10000, 99999)}",
        "ward": r.choice(["Kettlefield Moor", "Abbey Green", "St Luke's", "Northgate"]),
    }[kind]


# ---- narrative text ------------------------------------------------------------------------------------

def summary(r, itype, first, firsts, s, detail, loc) -> list[str]:
    others = list(firsts[1:])
    pro = "she" if first in GIRLS else "he" if first in BOYS else "they"
    sib = (" " + first + "'s " + ("sibling" if len(others) == 1 else "siblings") + " " + " and ".join(others)
           + (" was" if len(others) == 1 else " were") + " also in the home.") if others else ""
    site = s["town"] == "Carlow Edge"
    if site:
        what = {
            "death": [f"{first} got through a gap in the site hoarding in the evening and fell from an unfinished first-floor "
                      f"slab. Security found {first} at 06:40 the next morning; {pro} was pronounced dead at the scene."],
            "serious_harm": [f"{first} was seriously injured after climbing onto stacked materials on the site, which collapsed. "
                             f"The site was closed at the time and the gates had been left unlocked.",
                             f"{first} was found with a serious head injury in an open excavation by a security patrol. "
                             f"Local children had been reported on the site several times in the previous month."],
            "lac_death": [f"{first}, who was looked after by the local authority, was found dead in a partly built house on "
                          f"the site. {pro.capitalize()} had been reported missing from the placement two days earlier."],
            "care_leaver_death": [f"{first}, a care leaver, had been sleeping in an empty unit on the site and was found dead "
                                  f"by the security patrol."],
            "other": [(f"{detail}. " if detail else "") + f"Site security found {first} on the site late at night and called "
                      f"the police."],
        }.get(itype)
    else:
        what = None
    if what is None:
        what = {
            "death": [f"{first} was found unresponsive in the early hours and was taken to hospital by ambulance, where "
                      f"{pro} was pronounced dead. The circumstances are being investigated.{sib}",
                      f"{first} died after a fire at the property. Smoke alarms were not working and the children had been "
                      f"left alone downstairs.{sib}",
                      f"{first} was pulled from water and could not be revived. The adults at the scene had been drinking."],
            "serious_harm": [f"{first} was admitted to hospital with injuries that the clinicians consider were not "
                             f"accidental, including bruising of different ages and a fractured arm.{sib}",
                             f"{first} suffered a serious scald to the chest and arms. The account given by the adults "
                             f"changed more than once and medical help was delayed by several hours.{sib}",
                             f"{first} swallowed medication prescribed to an adult in the household and needed intensive "
                             f"care. The medicine had not been stored safely.{sib}",
                             f"{first} was found with a significant head injury after a fall from a first-floor window.{sib}"],
            "lac_death": [f"{first}, who was looked after by the local authority, was found dead at the placement. "
                          f"{pro.capitalize()} had been reported missing twice in the previous month.",
                          f"{first} died after taking an overdose while in a residential placement out of the area."],
            "care_leaver_death": [f"{first}, a care leaver aged under 25, was found dead at the flat. A personal adviser "
                                  f"had last seen {first} two weeks before.",
                                  f"{first}, who left care at eighteen, died after being assaulted in the town centre."],
            "other": [f"{detail}. The concern came to light when {first} spoke to a trusted adult.{sib}" if detail else
                      f"{first} spoke to a trusted adult about what had been happening at home.{sib}",
                      f"Concerns about {first} were raised by more than one agency in the same week"
                      + (f" ({detail.lower()})." if detail else ".")],
        }.get(itype or "", [f"{first} was seriously hurt and the family's account is inconsistent.{sib}"])
    paras = [r.choice(what)]
    paras.append(s["context2"].format(x=r.choice(["seemed low and isolated", "had missed several appointments",
                                                   "had spoken about money worries and a new partner",
                                                   "asked for help with housing"])))
    if r.random() < 0.75:
        paras.append(r.choice([
            "Several agencies knew the family. Information about a new adult in the household was not shared between them.",
            "The family had been open to early help, which closed three months ago. Health services were not told that the plan had ended.",
            "There had been previous police call-outs for domestic abuse. The school had recorded worries about attendance and hygiene.",
            "Children's social care had assessed the family last year and closed the case with advice. No agency was asked to monitor.",
        ]))
    if r.random() < 0.4:
        paras.append(r.choice([
            "The police investigation is ongoing and a strategy meeting has been held.",
            f"The surviving children are staying with relatives in {s['town']} while assessments are completed." if others else
            "A strategy meeting has been held and the police are investigating.",
            "A child protection medical has been completed and the findings have been shared with the police.",
        ]))
    return paras


def reason(r, itype, first, s) -> str:
    return r.choice([
        f"{first} has {'died' if itype in ('death', 'lac_death', 'care_leaver_death') else 'been seriously harmed'} and we suspect neglect. "
        "Several agencies were involved and there may be learning about information sharing.",
        "We believe the criteria are met: serious harm, suspected abuse or neglect, a local child, and learning for more than one agency.",
        f"Agencies did not share what they knew about the risks to {first}; a review could show why.",
        "The incident raises questions about how concerns from a non-statutory organisation are heard by statutory services.",
    ])


def concerns(r, itype, firsts, s) -> str | None:
    if len(firsts) > 1:
        return r.choice([f"{firsts[1]} remains at home; a strategy meeting has been held and a safety plan agreed.",
                         f"The other children are staying with their grandmother under a safety plan.",
                         "No immediate concerns: all the children are with relatives and the police are involved."])
    return r.choice(["No immediate concerns at present.", "The adult suspected of causing harm is on bail with conditions not to contact the family.",
                     "A new baby is expected in the household in the spring; children's social care are aware.",
                     "Other children visit the home at weekends; this has been passed to children's social care."])


# ---- truth ---------------------------------------------------------------------------------------------

def _t(sh: Shown | None):
    if sh is None or sh.blank:
        return None
    return sh.text


def _d(sh: Shown | None):
    if sh is None or sh.blank or sh.date is None:
        return None
    return sh.date.isoformat()


def _yn(sh: Shown | None):
    if sh is None or sh.choice is None or sh.choice == 2:
        return None
    return sh.choice == 0


def truth(case: Case, kids: dict) -> dict:
    sh = case.show
    g = {0: "female", 1: "male", 2: "other"}
    rec = {
        "form": "referral",
        "date_of_referral": _d(sh.get("date_of_referral")),
        "referrer": {"name": _t(sh.get("ref.name")), "role": _t(sh.get("ref.role")), "agency": _t(sh.get("ref.agency")),
                     "email": (_t(sh.get("ref.email")) or None) and _t(sh.get("ref.email")).lower(),
                     "phone": (_t(sh.get("ref.phone")) or None) and phone_digits(_t(sh.get("ref.phone")))},
        "safeguarding_lead": {"name": _t(sh.get("lead.name")), "role": _t(sh.get("lead.role")),
                              "agency": _t(sh.get("lead.agency")),
                              "email": (_t(sh.get("lead.email")) or None) and _t(sh.get("lead.email")).lower(),
                              "phone": (_t(sh.get("lead.phone")) or None) and phone_digits(_t(sh.get("lead.phone"))),
                              "discussed": _yn(sh.get("lead.discussed"))},
        "children": [],
        "incident": {"date": _d(sh.get("inc.date")), "date_la_aware": _d(sh.get("inc.date_la_aware")),
                     "location": _t(sh.get("inc.location")),
                     "type": None, "summary": None, "police_involved": _yn(sh.get("inc.police_involved"))},
        "criteria": {"died_or_seriously_harmed": _yn(sh.get("crit.died")), "abuse_or_neglect_suspected": _yn(sh.get("crit.abuse")),
                     "local_connection": _yn(sh.get("crit.local")), "multi_agency_learning": _yn(sh.get("crit.learning")),
                     "reason": _t(sh.get("crit.reason"))},
        "panel_notified": _yn(sh.get("panel")),
        "date_panel_notified": _d(sh.get("panel_date")),
        "agencies_involved": [],
        "immediate_concerns": _t(sh.get("concerns")),
    }
    it = sh.get("inc.type")
    if it is not None and it.choice is not None:
        rec["incident"]["type"] = ITYPE_KEYS[it.choice]
    summ = sh.get("inc.summary")
    if summ is not None and summ.paras:
        rec["incident"]["summary"] = "\n\n".join(" ".join(p.split()) for p in summ.paras)
    for k, tr in zip(case.kids, kids["truths"]):
        gsh = k.get("child.gender")
        addr = k.get("child.address")
        child = {
            "name": tr["name"],
            "other_names": _t(k.get("child.other_names")),
            "dob": _d(k.get("child.dob")),
            "age": _t(k.get("child.age")) if _d(k.get("child.dob")) is None else None,
            "gender": g.get(gsh.choice) if gsh is not None and gsh.choice is not None else None,
            "ethnicity": _t(k.get("child.ethnicity")),
            "address": ", ".join(addr.lines) if addr is not None and addr.lines else None,
            "school": _t(k.get("child.school")),
            "gp": _t(k.get("child.gp")),
            "legal_status": _t(k.get("child.legal_status")),
            "cp_plan": _yn(k.get("child.cp_plan")),
            "open_to_csc": _yn(k.get("child.open_to_csc")),
            "looked_after": _yn(k.get("child.looked_after")),
            "disability": _t(k.get("child.disability")),
            "date_of_death": _d(k.get("child.date_of_death")),
        }
        rec["children"].append(child)
    for a in case.agencies:
        if not (a["name"] or a["agency"] or a["contact"]):
            continue
        rec["agencies_involved"].append({"name": a["name"] or None, "agency": a["agency"] or None,
                                         "contact": a["contact"] or None})
    return rec


def clone_case(case: Case) -> Case:
    return copy.deepcopy(case)
