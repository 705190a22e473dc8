"""Invented case data for unseen17: one case = answers as printed (with blanks, fillers, third options)
plus the canonical record they give. Everything is drawn from a seeded random.Random."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from u17_senders import SENDERS
from u17_stories import STORIES, GENERIC_MIDDLE, GENERIC_CLOSE

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

DATE_STYLES = ("dmy_slash", "dmy_short", "long", "ordinal", "dots", "abbr_dash", "abbr", "iso", "slash2",
               "weekday", "dmy_dash")


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "abbr_dash":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "abbr":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "slash2":
        return d.strftime("%d/%m/%y")
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    raise ValueError(style)


def all_date_forms(d: dt.date) -> list[str]:
    return [fmt_date(d, s) for s in DATE_STYLES]


# ----------------------------------------------------------------------------------------------- pools

GIRLS = ["Amelia", "Isla", "Freya", "Poppy", "Ruby", "Zara", "Maryam", "Aaliyah", "Lily-Mae", "Esme", "Hannah",
         "Chloe", "Jessica", "Ava", "Mia", "Sienna", "Layla", "Nadia", "Oliwia", "Kacey", "Tia", "Harper", "Evie",
         "Ffion", "Grace", "Aisha", "Summer", "Imogen", "Daisy", "Nevaeh", "Roxanne", "Skye", "Bethany", "Keira"]
BOYS = ["Oliver", "Harry", "Jayden", "Mason", "Riley", "Kai", "Musa", "Ibrahim", "Leo", "Tyler", "Alfie", "Ethan",
        "Charlie", "Reuben", "Dylan", "Kacper", "Tobias", "Jake", "Callum", "Ryan", "Logan", "Ashton", "Theo",
        "Brandon", "Yusuf", "Finley", "Connor", "Rhys", "Archie", "Lewis", "Mikey", "Jaxon", "Corey"]
SURNAMES = ["Hartley", "Okafor", "Whitworth", "Kowalski", "Begum", "Ashcroft", "Pemberton", "Mahmood", "Doherty",
            "Fairclough", "Nowak", "Sutcliffe", "Greenhalgh", "Adeyemi", "Rowbotham", "Kaur", "Brennan", "Lockwood",
            "Haworth", "Osei", "Pickering", "Thistlethwaite", "Mensah", "Cartwright", "Hussain", "Walmsley",
            "Duckworth", "Stanton", "Quigley", "Eastwood", "Blackledge", "Farooq", "Yildiz", "McAllister",
            "Entwistle", "Gallagher", "Petrov", "Shackleton", "Iqbal", "Barraclough"]
ADULT_FIRST = ["Joanne", "Mark", "Samira", "Gareth", "Helen", "Imran", "Louise", "Darren", "Priya", "Stephen",
               "Rachel", "Tomasz", "Claire", "Neil", "Bernadette", "Kwame", "Fiona", "Rob", "Lindsey", "Hamid",
               "Gemma", "Adrian", "Nicola", "Sunil", "Vicky", "Craig", "Agnieszka", "Martin", "Yvonne", "Dean",
               "Shabana", "Paul", "Kerry", "Anil", "Siobhan", "Ian", "Tanya", "Femi", "Ruth", "Lee"]
ETHNICITIES = ["White British", "White - Polish", "Mixed - White and Black Caribbean", "Asian British - Pakistani",
               "Black British - African", "White Irish", "Asian British - Bangladeshi", "Mixed - White and Asian",
               "Gypsy / Roma", "Any other White background (Romanian)", "Black British - Caribbean", "Arab",
               "Chinese", "Asian British - Indian", "Mixed - other"]
STREETS = ["Cobden Street", "Larkspur Close", "Hollin Bank", "Peel Terrace", "Fairfield Road", "Wren Court",
           "Albion Place", "Moorside Avenue", "Chapel Fold", "Station Approach", "Birch Grove", "Victoria Walk",
           "Tanner Street", "Kestrel Way", "Millbrook Drive", "Ashgrove Crescent", "Foundry Row", "Heather Rise"]
FLATS = ["Flat 3, Kestrel House", "Flat 12, Ridgeway Court", "Apartment 4, The Maltings", "Flat 2, 19",
         "Room 6, Harbour View Hostel"]
DISTRICTS = ["Northgate", "Westfield", "Upper Clough", "Marsh End", "Highfield", "Kings Moor", "Brookside",
             "Old Town"]
LEGAL = ["No order", "Child in need (s17)", "Section 20 accommodation", "Interim care order",
         "Care order (s31)", "Child arrangements order", "Special guardianship order", "Supervision order"]
DISABILITY = ["Autism (diagnosed 2023)", "ADHD - awaiting assessment", "Global developmental delay",
              "Asthma", "Speech and language delay", "Type 1 diabetes", "Cerebral palsy (uses a wheelchair)",
              "Hearing impairment - wears aids", "Anxiety, self-harm history", "EHCP - moderate learning difficulties"]
OTHER_SPECS = ["Other - child found alone at night", "Other - suspected exploitation",
               "Other - concealed pregnancy", "Other - private fostering arrangement",
               "Other - missing from home for 3 days", "Other - serious self-harm"]
AGE_FORMS = ["{n}", "about {n}", "{n} years", "approx. {n}", "{n} yrs", "{n} (stated)", "around {n}"]
FILLERS = ["N/A", "n/a", "-", "Not applicable", "Not known"]
POLICE_TITLES = ["PC", "DC", "DS", "PCSO"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"


def drama_phone(rng: random.Random, area: str, mobile: bool) -> str:
    """A number from the Ofcom drama ranges, in one of several typed styles."""
    if mobile:
        local = f"{rng.randrange(0, 1000):03d}"
        style = rng.choice(["spaced", "spaced", "solid", "intl"])
        if style == "spaced":
            return f"07700 900{local}"
        if style == "solid":
            return f"07700900{local}"
        return f"+44 7700 900{local}"
    rest = f"{rng.randrange(0, 1000):03d}"
    mid = "498" if area == "0191" else "496"
    style = rng.choice(["spaced", "spaced", "solid", "brackets", "intl", "half"])
    if style == "spaced":
        return f"{area} {mid} 0{rest}"
    if style == "solid":
        return f"{area}{mid}0{rest}"
    if style == "brackets":
        return f"({area}) {mid} 0{rest}"
    if style == "half":
        return f"{area} {mid}0{rest}"
    return f"+44 {area[1:]} {mid} 0{rest}"


def phone_truth(shown: str) -> str:
    return ("+" if shown.strip().startswith("+") else "") + "".join(c for c in shown if c.isdigit())


def email_for(rng: random.Random, name: str, domain: str) -> str:
    first, last = name.split()[-2], name.split()[-1]
    style = rng.choice(["dot", "dot", "initial", "cap"])
    if domain == "nhs.net":
        local = f"{first}.{last}".lower() + rng.choice(["", "", "1", "2"])
    elif style == "initial":
        local = f"{first[0]}{last}".lower()
    elif style == "cap":
        local = f"{first}.{last}"
    else:
        local = f"{first}.{last}".lower()
    return f"{local}@{domain}"


# ----------------------------------------------------------------------------------------------- answers

@dataclass
class A:
    """One printed answer. `shown` is what the form prints (None = nothing); `truth` is the record value."""
    kind: str                      # text date tri gender itype lines paras
    truth: Any = None
    shown: Any = None              # str, or list[str] for lines / paras
    choice: str | None = None      # tri: yes/no/third; gender: female/male/other; itype: key
    spec: str | None = None        # itype other: the specification text
    date: dt.date | None = None
    filler: bool = False

    @property
    def blank(self) -> bool:
        if self.kind in ("tri", "gender", "itype"):
            return self.choice is None
        if self.shown is None:
            return True
        if isinstance(self.shown, list):
            return not any(x.strip() for x in self.shown)
        return not str(self.shown).strip()

    def text(self, sep: str = ", ") -> str:
        """The printed text on one line ('' when nothing is printed)."""
        if self.shown is None:
            return ""
        if isinstance(self.shown, list):
            return sep.join(self.shown)
        return str(self.shown)


@dataclass
class Case:
    sender: dict
    answers: dict[str, A]
    children: list[dict[str, A]]
    agencies: list[dict]                   # {"name": str|None, "agency": str, "contact": str}
    decoys: list[tuple[str, str]]
    record: dict
    notes: dict = field(default_factory=dict)
    main_style: str = "dmy_slash"
    dob_style: str = "dmy_slash"
    dates: list[dt.date] = field(default_factory=list)
    variant: int = 0

    def label(self, key: str) -> str | None:
        return self.sender["labels"].get(key)

    def word(self, a: A) -> str:
        """The sender's word for a chosen option ('' when nothing chosen)."""
        s = self.sender
        if a.kind == "tri":
            return {"yes": s["yes"], "no": s["no"], "third": s["third"]}.get(a.choice or "", "")
        if a.kind == "gender":
            return s["gender_words"].get(a.choice or "", "")
        if a.kind == "itype":
            if a.choice is None:
                return ""
            if a.choice == "other" and a.spec:
                return a.spec
            return s["itype_labels"][a.choice]
        return a.text()

    def tri_options(self) -> list[tuple[str, str]]:
        s = self.sender
        return [("yes", s["yes"]), ("no", s["no"]), ("third", s["third"])]

    def gender_options(self) -> list[tuple[str, str]]:
        gw = self.sender["gender_words"]
        return [(k, gw[k]) for k in ("female", "male", "other")]

    def itype_options(self) -> list[tuple[str, str]]:
        il = self.sender["itype_labels"]
        return [(k, il[k]) for k in ("death", "serious_harm", "lac_death", "care_leaver_death", "other")]


TOP_KEYS = ["ref_date", "ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone",
            "lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone", "lead_discussed",
            "inc_date", "inc_la", "inc_location", "inc_type", "inc_summary", "inc_police",
            "cr_died", "cr_abuse", "cr_local", "cr_learning", "cr_reason", "panel", "panel_date", "concerns"]
CHILD_KEYS = ["c_first", "c_last", "c_name", "c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_address",
              "c_school", "c_gp", "c_legal", "c_cp", "c_csc", "c_lac", "c_dis", "c_dod"]
KIND = {"ref_date": "date", "lead_discussed": "tri", "inc_date": "date", "inc_la": "date", "inc_type": "itype",
        "inc_summary": "paras", "inc_police": "tri", "cr_died": "tri", "cr_abuse": "tri", "cr_local": "tri",
        "cr_learning": "tri", "panel": "tri", "panel_date": "date", "c_dob": "date", "c_gender": "gender",
        "c_address": "lines", "c_cp": "tri", "c_csc": "tri", "c_lac": "tri", "c_dod": "date"}
LONG_KEYS = ("inc_summary", "cr_reason", "concerns")


def kind_of(key: str) -> str:
    return KIND.get(key, "text")


def child_keys(sender: dict) -> list[str]:
    """The child questions this sender asks, in its order."""
    keys = ["c_last", "c_first"] if sender.get("surname_first") else ["c_first", "c_last"]
    if not sender.get("split_name"):
        keys = ["c_name"]
    rest = ["c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_address", "c_school", "c_gp", "c_legal",
            "c_cp", "c_csc", "c_lac", "c_dis", "c_dod"]
    return keys + [k for k in rest if sender["labels"].get(k)]


def top_keys(sender: dict, group: str) -> list[str]:
    groups = {
        "ref": ["ref_date", "ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"],
        "lead": ["lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone", "lead_discussed"],
        "inc": ["inc_date", "inc_la", "inc_location", "inc_type", "inc_summary", "inc_police"],
        "crit": ["cr_died", "cr_abuse", "cr_local", "cr_learning", "cr_reason"],
        "panel": ["panel", "panel_date"],
        "conc": ["concerns"],
    }
    return [k for k in groups[group] if sender["labels"].get(k)]


# ----------------------------------------------------------------------------------------------- build

def _tri_choice(rng: random.Random, p_yes: float, third_ok: bool, p_none: float = 0.05) -> str | None:
    r = rng.random()
    if r < p_none:
        return None
    if third_ok and r < p_none + 0.08:
        return "third"
    return "yes" if rng.random() < p_yes else "no"


def _caps(text: str) -> str:
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def tri_answer(choice: str | None) -> A:
    return A("tri", truth={"yes": True, "no": False}.get(choice or "", None), choice=choice)


def build_case(rng: random.Random, sender: dict, n_children: int, n_agencies: int) -> Case:
    s = sender
    main_style, dob_style = s["date_style"], s["dob_style"]
    area = s["area_code"]
    town = s["town"]
    # ---- dates
    ref_date = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 270))
    inc_date = ref_date - dt.timedelta(days=rng.randrange(2, 40))
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, max(1, (ref_date - inc_date).days)))
    if la_date > ref_date:
        la_date = ref_date
    # ---- incident type
    if s.get("no_death"):
        itype = rng.choices(["serious_harm", "other", None], [0.72, 0.18, 0.10])[0]
    else:
        itype = rng.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other", None],
                            [0.5, 0.17, 0.06, 0.05, 0.12, 0.10])[0]
    died = itype in ("death", "lac_death", "care_leaver_death")
    answers: dict[str, A] = {}
    used_dates = [ref_date, inc_date, la_date]

    def date_a(d: dt.date | None, style: str) -> A:
        if d is None:
            return A("date")
        return A("date", truth=d.isoformat(), shown=fmt_date(d, style), date=d)

    # ---- referrer and lead
    ref_name = person(rng)
    lead_name = person(rng)
    while lead_name.split()[-1] == ref_name.split()[-1]:
        lead_name = person(rng)
    answers["ref_date"] = date_a(ref_date, main_style)
    answers["ref_name"] = A("text", ref_name, ref_name)
    r = rng.choice(s["ref_roles"])
    answers["ref_role"] = A("text", r, r)
    r = rng.choice(s["ref_agencies"])
    answers["ref_agency"] = A("text", r, r)
    e = email_for(rng, ref_name, s["domain"])
    answers["ref_email"] = A("text", e.lower(), e)
    p = drama_phone(rng, area, rng.random() < 0.45)
    answers["ref_phone"] = A("text", phone_truth(p), p)
    answers["lead_name"] = A("text", lead_name, lead_name)
    r = rng.choice(s["lead_roles"])
    answers["lead_role"] = A("text", r, r)
    r = rng.choice(s["lead_agencies"])
    answers["lead_agency"] = A("text", r, r)
    e = email_for(rng, lead_name, s["domain"])
    answers["lead_email"] = A("text", e.lower(), e)
    p = drama_phone(rng, area, rng.random() < 0.35)
    answers["lead_phone"] = A("text", phone_truth(p), p)
    answers["lead_discussed"] = tri_answer(_tri_choice(rng, 0.88, False))

    # ---- incident
    answers["inc_date"] = date_a(inc_date, main_style)
    answers["inc_la"] = date_a(la_date, main_style)
    loc = rng.choice(s["locations"])
    answers["inc_location"] = A("text", loc, loc)
    it = A("itype", choice=itype, truth=itype)
    if itype == "other":
        if rng.random() < 0.6:
            it.spec = rng.choice(OTHER_SPECS)
    answers["inc_type"] = it
    answers["inc_police"] = tri_answer(_tri_choice(rng, 0.7, True, 0.06))

    # ---- children
    family = rng.choice(SURNAMES)
    children: list[dict[str, A]] = []
    lo, hi = s["ages"]
    for ci in range(n_children):
        girl = rng.random() < 0.5
        first = rng.choice(GIRLS if girl else BOYS)
        while any(c["_first"] == first for c in children):
            first = rng.choice(GIRLS if girl else BOYS)
        last = family if ci == 0 or rng.random() < 0.7 else rng.choice(SURNAMES)
        if itype == "care_leaver_death" and ci == 0:
            age = rng.randrange(18, 22)
        else:
            age = rng.randrange(lo, hi + 1)
        dob = ref_date - dt.timedelta(days=int(age * 365.25) + rng.randrange(20, 340))
        used_dates.append(dob)
        c: dict[str, A] = {"_first": first}
        shown_last = last.upper() if rng.random() < 0.2 else last
        c["c_first"] = A("text", first, first)
        c["c_last"] = A("text", shown_last, shown_last)
        full = f"{first} {shown_last}"
        c["c_name"] = A("text", full, full)
        c["_name_truth"] = full
        if rng.random() < 0.25:
            o = rng.choice([f"{first[:3]}", f"{first} {rng.choice(SURNAMES)}", rng.choice(["Jojo", "Bean", "Tee"])])
            c["c_other"] = A("text", o, o)
        else:
            c["c_other"] = A("text")
        no_dob = rng.random() < 0.14
        if no_dob:
            c["c_dob"] = A("date")
            ag = rng.choice(AGE_FORMS).format(n=age)
            c["c_age"] = A("text", ag, ag)
        else:
            c["c_dob"] = date_a(dob, dob_style)
            c["c_age"] = A("text")
        gchoice = "female" if girl else "male"
        if rng.random() < 0.04:
            gchoice = "other"
        if rng.random() < 0.05:
            gchoice = None
        c["c_gender"] = A("gender", truth=gchoice, choice=gchoice)
        eth = rng.choice(ETHNICITIES)
        c["c_eth"] = A("text", eth, eth)
        num = rng.randrange(2, 140)
        street = rng.choice(STREETS)
        if rng.random() < 0.2:
            line1 = rng.choice(FLATS)
            if line1.endswith("19"):
                line1 = f"{line1} {street}"
                lines = [line1, rng.choice(DISTRICTS), town]
            else:
                lines = [line1, f"{num} {street}", town]
        else:
            lines = [f"{num} {street}", rng.choice(DISTRICTS), town]
        pc = f"{s['postcode']}{rng.randrange(1, 19)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        lines.append(pc)
        if ci > 0 and rng.random() < 0.8:
            lines = list(children[0]["c_address"].shown or lines)
        c["c_address"] = A("lines", ", ".join(lines), lines)
        if age >= 4:
            sch = rng.choice([f"{rng.choice(DISTRICTS)} Primary School", f"St {rng.choice(['Anne', 'Luke', 'Mary', 'Oswald'])}'s RC Primary",
                              f"{town} Academy", f"{rng.choice(DISTRICTS)} High School", f"{town} College"])
            if age <= 10 and ("High" in sch or "College" in sch):
                sch = f"{rng.choice(DISTRICTS)} Primary School"
        else:
            sch = rng.choice([f"Little Acorns Nursery, {rng.choice(DISTRICTS)}", "Not in nursery"])
        c["c_school"] = A("text", sch, sch)
        gp = rng.choice([f"{rng.choice(DISTRICTS)} Medical Centre", f"{rng.choice(STREETS).split()[0]} Surgery",
                         f"Dr {rng.choice(SURNAMES)} and Partners"])
        c["c_gp"] = A("text", gp, gp)
        lg = rng.choice(LEGAL)
        c["c_legal"] = A("text", lg, lg)
        first_child = ci == 0
        c["c_cp"] = tri_answer(_tri_choice(rng, 0.3, first_child))
        c["c_csc"] = tri_answer(_tri_choice(rng, 0.5, first_child))
        c["c_lac"] = tri_answer(_tri_choice(rng, 0.15 if itype != "lac_death" else 0.95, first_child))
        if rng.random() < 0.45:
            d = rng.choice(DISABILITY)
            c["c_dis"] = A("text", d, d)
        else:
            c["c_dis"] = A("text")
        if died and ci == 0:
            dod = inc_date
            c["c_dod"] = date_a(dod, dob_style)
        else:
            c["c_dod"] = A("date")
        children.append(c)

    # ---- summary, reason, concerns
    story = STORIES[s["stories"]]
    c0 = children[0]["_first"]
    kind = "death" if died else ("other" if itype == "other" else "harm")
    openers = story[kind] if story.get(kind) else story["harm"]
    opener = rng.choice(openers)
    his0 = "her" if children[0]["c_gender"].choice == "female" else "his"
    sib = f"{his0} brother {rng.choice([b for b in BOYS if b != c0])}"
    ctx = {"c": c0, "c2": children[1]["_first"] if len(children) > 1 else sib, "town": town,
           "loc": loc, "adult": rng.choice(["mother", "father", "stepfather", "mother's partner", "aunt", "grandmother", "older brother"]),
           "d1": fmt_date(inc_date, main_style), "lead": lead_name, "ref": ref_name.split()[0],
           "he": "she" if children[0]["c_gender"].choice == "female" else "he",
           "his": "her" if children[0]["c_gender"].choice == "female" else "his",
           "him": "her" if children[0]["c_gender"].choice == "female" else "him"}
    paras = [_caps(opener[0].format(**ctx))]
    n_par = rng.choice([2, 2, 3, 3, 4])
    extra = list(opener[1:])
    rng.shuffle(extra)
    mids = rng.sample([m for i, m in enumerate(GENERIC_MIDDLE) if not died or i in (0, 1, 3, 6)], 2)
    pool = extra + [m for m in mids]
    while len(paras) < n_par - 1 and pool:
        paras.append(_caps(pool.pop(0).format(**ctx)))
    if n_par > 1:
        paras.append(_caps(rng.choice(GENERIC_CLOSE).format(**ctx)))
    answers["inc_summary"] = A("paras", "\n\n".join(paras), paras)
    dead_words = ("death", "died")
    reasons = [x for x in story["reason"] if any(w in x for w in dead_words) == died] or story["reason"]
    reason = _caps(rng.choice(reasons).format(**ctx))
    answers["cr_reason"] = A("text", reason, reason)
    concs = [x for x in story["concerns"] if not died or "{c}" not in x] or story["concerns"]
    conc = _caps(rng.choice(concs).format(**ctx))
    answers["concerns"] = A("text", conc, conc)

    # ---- criteria and panel
    answers["cr_died"] = tri_answer(_tri_choice(rng, 0.92 if itype in ("serious_harm", "death", "lac_death", "care_leaver_death") else 0.4, True, 0.05))
    answers["cr_abuse"] = tri_answer(_tri_choice(rng, 0.75, True, 0.05))
    answers["cr_local"] = tri_answer(_tri_choice(rng, 0.9, True, 0.04))
    answers["cr_learning"] = tri_answer(_tri_choice(rng, 0.8, True, 0.05))
    pchoice = _tri_choice(rng, 0.45, True, 0.07)
    answers["panel"] = tri_answer(pchoice)
    if pchoice == "yes" and rng.random() < 0.85:
        pd = la_date + dt.timedelta(days=rng.randrange(0, 6))
        if pd > ref_date:
            pd = ref_date
        answers["panel_date"] = date_a(pd, dob_style if rng.random() < 0.5 else main_style)
        used_dates.append(pd)
    else:
        answers["panel_date"] = A("date")

    # ---- agencies
    agencies = []
    pool = [f"{town} Police", "Children's Social Care", "0-19 Public Health Nursing", "CAMHS", "Early Help Service",
            "Youth Justice Service", f"{town} Women's Aid", "Education Welfare Service", "Housing Options Team",
            "Community Paediatrics"]
    sch0 = children[0]["c_school"].shown
    if sch0 and "Not in" not in sch0:
        pool.append(sch0)
    rng.shuffle(pool)
    for ag in pool[:n_agencies]:
        if rng.random() < 0.3:
            nm = None
        elif "Police" in ag:
            nm = f"{rng.choice(POLICE_TITLES)} {person(rng)}"
        else:
            nm = person(rng)
        if rng.random() < 0.5:
            contact = drama_phone(rng, area, rng.random() < 0.3)
        else:
            who = nm.split()[-2:] if nm else ["duty", "team"]
            dom = {f"{town} Police": f"{town.lower()}.police.uk"}.get(ag, f"{town.lower()}.gov.uk" if "Social" in ag or "Service" in ag or "Team" in ag else "nhs.net")
            contact = f"{who[0].lower()}.{who[1].lower()}@{dom}"
        agencies.append({"name": nm, "agency": ag, "contact": contact})

    # ---- decoys
    decoys = []
    for lab, kindspec in s["decoys"]:
        if kindspec == "person":
            v = person(rng)
        elif kindspec == "date":
            while True:
                d = ref_date - dt.timedelta(days=rng.randrange(-20, 120))
                if d not in used_dates and d <= ref_date + dt.timedelta(days=20):
                    break
            used_dates.append(d)
            v = fmt_date(d, main_style)
        elif kindspec.startswith("ref:"):
            v = kindspec[4:].format(n3=rng.randrange(100, 999), n4=rng.randrange(1000, 9999),
                                    n5=rng.randrange(10000, 99999), n6=rng.randrange(100000, 999999),
                                    n8=rng.randrange(10000000, 99999999))
        elif kindspec.startswith("text:"):
            v = kindspec[5:]
        elif kindspec == "nhs":
            v = f"999 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        elif kindspec == "vrm":
            v = f"{rng.choice(['PD', 'YR', 'MA', 'BK'])}{rng.randrange(10, 25)} {''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXY') for _ in range(3))}"
        elif kindspec == "gamertag":
            v = rng.choice(["Vexx_Hunter", "NightOwl_77", "xXShadowKingXx", "Blaze2k9", "Toxic_Kitten"])
        else:
            v = kindspec
        decoys.append((lab, v))

    case = Case(sender=s, answers=answers, children=children, agencies=agencies, decoys=decoys, record={},
                main_style=main_style, dob_style=dob_style, dates=used_dates)
    _apply_noise(rng, case)
    case.record = make_record(case)
    return case


BLANKABLE = ["ref_role", "ref_email", "ref_phone", "lead_role", "lead_agency", "lead_email", "lead_phone",
             "inc_location", "inc_la", "concerns", "cr_reason", "inc_police", "cr_learning", "panel"]
CHILD_BLANKABLE = ["c_eth", "c_school", "c_gp", "c_legal", "c_dis", "c_address"]


def _apply_noise(rng: random.Random, case: Case) -> None:
    s = case.sender
    labels = s["labels"]
    notes = case.notes
    notes["blanks"] = []
    notes["fillers"] = []
    # top-level blanks / fillers
    cands = [k for k in BLANKABLE if labels.get(k)]
    for k in rng.sample(cands, rng.randrange(1, 4)):
        a = case.answers[k]
        if a.kind in ("tri", "gender", "itype"):
            a.choice, a.truth = None, None
            notes["blanks"].append(k)
        elif a.kind == "date" or rng.random() < 0.55:
            a.shown, a.truth, a.date = None, None, None
            notes["blanks"].append(k)
        else:
            a.shown, a.truth, a.filler = rng.choice(FILLERS), None, True
            notes["fillers"].append(f"{k}={a.shown}")
    # child blanks / fillers and the natural empties (other names, age, date of death)
    for ci, c in enumerate(case.children):
        cands = [k for k in CHILD_BLANKABLE if labels.get(k)]
        for k in rng.sample(cands, rng.randrange(0, 3)):
            a = c[k]
            if k == "c_address" and ci > 0:
                continue
            if rng.random() < 0.5:
                a.shown, a.truth = None, None
                notes["blanks"].append(f"child{ci + 1}.{k}")
            else:
                a.shown, a.truth, a.filler = rng.choice(FILLERS), None, True
                notes["fillers"].append(f"child{ci + 1}.{k}={a.shown}")
        for k in ("c_other", "c_age", "c_dod", "c_dis", "c_dob"):
            a = c[k]
            if a.shown is None and labels.get(k) and rng.random() < 0.35:
                a.shown, a.filler = rng.choice(["N/A", "n/a", "-", "Not applicable"] if k != "c_dob" else ["Not known", "N/A"]), True
                notes["fillers"].append(f"child{ci + 1}.{k}={a.shown}")
    p = case.answers["panel_date"]
    if p.shown is None and rng.random() < 0.4:
        p.shown, p.filler = rng.choice(["N/A", "-", "Not applicable"]), True
        notes["fillers"].append(f"panel_date={p.shown}")
    # third options actually used
    notes["third_option"] = sorted(
        [k for k, a in case.answers.items() if a.kind == "tri" and a.choice == "third" and labels.get(k)]
        + [f"child{ci + 1}.{k}" for ci, c in enumerate(case.children) for k in ("c_cp", "c_csc", "c_lac")
           if c[k].choice == "third" and labels.get(k)])


def make_record(case: Case) -> dict:
    s = case.sender
    labels = s["labels"]
    A_ = case.answers

    def v(key: str, a: A | None = None) -> Any:
        a = a if a is not None else A_[key]
        if not labels.get(key):
            return None
        if a.kind in ("tri", "gender", "itype"):
            return a.truth
        if a.filler:
            return None
        return a.truth

    children = []
    for c in case.children:
        name = c["_name_truth"]
        children.append({
            "name": name,
            "other_names": v("c_other", c["c_other"]),
            "dob": v("c_dob", c["c_dob"]),
            "age": v("c_age", c["c_age"]),
            "gender": v("c_gender", c["c_gender"]),
            "ethnicity": v("c_eth", c["c_eth"]),
            "address": v("c_address", c["c_address"]),
            "school": v("c_school", c["c_school"]),
            "gp": v("c_gp", c["c_gp"]),
            "legal_status": v("c_legal", c["c_legal"]),
            "cp_plan": v("c_cp", c["c_cp"]),
            "open_to_csc": v("c_csc", c["c_csc"]),
            "looked_after": v("c_lac", c["c_lac"]),
            "disability": v("c_dis", c["c_dis"]),
            "date_of_death": v("c_dod", c["c_dod"]),
        })
    summ = A_["inc_summary"]
    return {
        "form": "referral",
        "date_of_referral": v("ref_date"),
        "referrer": {"name": v("ref_name"), "role": v("ref_role"), "agency": v("ref_agency"),
                     "email": v("ref_email"), "phone": v("ref_phone")},
        "safeguarding_lead": {"name": v("lead_name"), "role": v("lead_role"), "agency": v("lead_agency"),
                              "email": v("lead_email"), "phone": v("lead_phone"), "discussed": v("lead_discussed")},
        "children": children,
        "incident": {"date": v("inc_date"), "date_la_aware": v("inc_la"), "location": v("inc_location"),
                     "type": v("inc_type"), "summary": v("inc_summary", summ), "police_involved": v("inc_police")},
        "criteria": {"died_or_seriously_harmed": v("cr_died"), "abuse_or_neglect_suspected": v("cr_abuse"),
                     "local_connection": v("cr_local"), "multi_agency_learning": v("cr_learning"),
                     "reason": v("cr_reason")},
        "panel_notified": v("panel"),
        "date_panel_notified": v("panel_date"),
        "agencies_involved": [{"name": a["name"], "agency": a["agency"], "contact": a["contact"]}
                              for a in case.agencies],
        "immediate_concerns": v("concerns"),
    }
