"""Invented case data and the abstract content of one form.

One form = one sender x one layout.  Every answer is built once, as the form shows it (a display string,
address lines, paragraphs, or an option index), and the canonical record is read off those shown answers
(blank and filler answers give null; the third option gives null; a question the sender does not ask
is not shown and gives null).
"""

from __future__ import annotations

import datetime as dt
import random

from u29_common import ALT_STYLES, FILLERS, fmt_date, phone_norm
from u29_senders import (CHILD_KEYS, asks, child_name_keys)

F_FIRST = ["Maya", "Isla", "Ava", "Freya", "Zara", "Lily", "Amara", "Poppy", "Esme", "Hana", "Nadia", "Ruby",
           "Orla", "Tilly", "Aisha", "Sofiia", "Daria", "Kira", "Layla", "Evie", "Imogen", "Mila", "Niamh", "Anya"]
M_FIRST = ["Leo", "Ethan", "Kai", "Rory", "Ibrahim", "Theo", "Jayden", "Oscar", "Callum", "Reuben", "Mykola",
           "Artem", "Zain", "Harvey", "Finley", "Tobias", "Alfie", "Dmytro", "Kacper", "Elliot", "Ronan", "Jude"]
O_FIRST = ["Robin", "Sam", "Alex", "Charlie", "Jordan", "Riley"]
SURNAMES = ["Thompson", "Okafor", "Hussain", "Kowalski", "Brennan", "Whitfield", "Marsh", "Adeyemi", "Kovalenko",
            "Lindqvist", "Patel", "O'Rourke", "Fairclough", "Ndlovu", "Bakewell", "Shevchenko", "Crossley", "Ahmadi",
            "Pryce", "Haworth", "Delaney", "Szymanski", "Mensah", "Ellison", "Rahman", "Gallagher", "Tkachenko",
            "Winterbottom", "Castellano", "Boateng", "Sutcliffe", "Kaur", "Lomax", "Farrow"]
ADULT_FIRST = ["Joanne", "Priya", "Gareth", "Helen", "Marcus", "Siobhan", "Tomasz", "Rachel", "Dev", "Fiona",
               "Andrew", "Claire", "Kwame", "Bethan", "Stuart", "Yasmin", "Neil", "Olena", "Martin", "Lorraine",
               "Imran", "Kerry", "Paul", "Samantha", "Rhys", "Deborah", "Graham", "Aoife", "Lewis", "Natalia"]
ADULT_LAST = ["Bloxham", "Ainsworth", "Chaudhry", "Darby", "Eccleston", "Fenwick", "Greaves", "Hollis", "Iqbal",
              "Jarvis", "Kenyon", "Latham", "McAllister", "Nuttall", "Oyelaran", "Pickering", "Quinlan", "Rowntree",
              "Sandhu", "Tattersall", "Underwood", "Varley", "Wainwright", "Yardley", "Zielinski", "Ashworth",
              "Blackledge", "Cartwright", "Dobson", "Entwistle"]
STREETS = ["Mill Lane", "Church Street", "Tanners Row", "Orchard Close", "Beacon Road", "Kingfisher Way",
           "Station Approach", "Rowan Crescent", "Weavers Court", "Granary Walk", "Hollybush Lane", "Foundry Street",
           "Larch Avenue", "Quarry Hill", "Brook Terrace", "Saxon Drive", "Paddock View", "Wharf Road"]
BLOCKS = ["Flat 4, Kestrel House", "Flat 12, Ashdown Court", "Flat 2B, The Maltings", "Flat 7, Bridge House",
          "Room 3, Wayfarer Lodge"]
AREAS = {
    "ashmere_scouts": (["Ashmere", "Wenham", "Wenham Cross", "Ashmere Vale"], "AW"),
    "clearsight_digital": (["Pennford", "Pennford Green", "Lower Pennford", "Saltby"], "PN"),
    "brenfield_admissions": (["Brenfield", "Brenfield Heath", "Coldwell", "Marlow End"], "BF"),
    "northgrid_gas": (["Calvermoor", "Hollinsby", "Dunmarsh", "Calvermoor Bridge"], "CX"),
    "ellstow_weight": (["Ellstow", "Ellstow Park", "Kirkby Fen", "Scarbeck"], "EW"),
    "aldbrook_chaplaincy": (["Aldbrook", "Selbrook", "Aldbrook Moor", "Holmbury"], "AK"),
    "thamesmoor_cps": (["Thamesmoor", "Lowerby", "Thamesmoor Reach", "Kirkham Wick"], "TM"),
    "tressingham_hfu": (["Tressingham", "Tressingham Park", "Dunholme", "Wickby"], "TG"),
}
ETHNICITIES = ["White British", "Mixed - White and Black Caribbean", "Asian British - Pakistani",
               "Black British - African", "White - Other", "White - Polish", "Mixed - White and Asian",
               "Asian British - Bangladeshi", "Black British - Caribbean", "White - Gypsy/Roma", "Arab",
               "White - Ukrainian"]
LEGAL = ["No order", "Child in need (s17)", "Section 20 accommodation", "Interim care order", "Care order (s31)",
         "Child arrangements order", "None known"]
DISABILITY = ["None known", "Autism (diagnosed 2023)", "Type 1 diabetes", "Global developmental delay", "Asthma",
              "Hearing impairment (hearing aids)", "ADHD - awaiting assessment", "Cerebral palsy", "None",
              "Speech and language delay", "Epilepsy"]
GPS = ["Riverside Medical Practice", "High Street Surgery", "Beacon Health Centre", "The Orchard Practice",
       "Market Square Surgery", "Fenside Medical Centre", "Dr Anand's Practice, Mill Lane"]
OTHER_DETAILS = ["Private fostering arrangement - suspected", "Child missing after a house fire", "Attempted suicide",
                 "Child seriously injured in a dog attack at the home", "Forced marriage concern",
                 "Baby found alone in a car", "Child exploited through an online game",
                 "Overdose of a parent's prescribed medication"]
LOCATIONS = ["the family home", "{street}, {town}", "{town} Leisure Centre car park", "Riverside Park, {town}",
             "{town} General Hospital", "a friend's flat, {street}", "{town} railway station",
             "the host family's home, {street}, {town}", "woodland behind {street}, {town}",
             "{town} Community Centre", "the A{road} near {town}", "a campsite near {town}"]
ADULT_RELS = [("Mother", "F", (1982, 1999)), ("Father", "M", (1978, 1997)), ("Stepfather", "M", (1975, 1996)),
              ("Mother's partner", "M", (1980, 2000)), ("Grandmother", "F", (1955, 1972)), ("Aunt", "F", (1980, 2001)),
              ("Uncle", "M", (1978, 2002)), ("Grandfather", "M", (1950, 1970))]
ADULT_F = ["Joanne", "Priya", "Helen", "Siobhan", "Rachel", "Fiona", "Claire", "Bethan", "Yasmin", "Olena", "Lorraine",
           "Kerry", "Samantha", "Deborah", "Aoife", "Natalia"]
ADULT_M = ["Gareth", "Marcus", "Tomasz", "Dev", "Andrew", "Kwame", "Stuart", "Neil", "Martin", "Imran", "Paul", "Rhys",
           "Graham", "Lewis"]

SUMMARY_OPEN = {
    "death": ["On {idate} {child} was found unresponsive at {loc}. Paramedics attended and {pron} was pronounced dead at {hospital} later that morning.",
              "{child} died on {idate} after being taken to {hospital} from {loc}. The cause of death has not yet been established and a post-mortem is awaited.",
              "In the early hours of {idate} an ambulance was called to {loc} for {child}, who could not be woken. Resuscitation was not successful."],
    "serious_harm": ["On {idate} {child} was admitted to {hospital} with injuries that doctors say are consistent with a non-accidental cause, including a fractured arm and bruising to the face.",
                     "{child} was taken to {hospital} on {idate} after being found at {loc} with a serious head injury. {Pron} remains in hospital.",
                     "On {idate} {child} suffered serious burns at {loc}. The account given by the adults present does not explain the pattern of the injuries."],
    "lac_death": ["{child}, who was looked after by the local authority and living in a placement, died on {idate} at {loc}.",
                  "On {idate} staff at {child}'s placement found {obj} unresponsive. {Pron} was pronounced dead at {hospital}."],
    "care_leaver_death": ["{child}, a care leaver living in supported accommodation, was found dead at {loc} on {idate}.",
                          "On {idate} {child}, who left care two years ago, died at {hospital} after a suspected overdose."],
    "other": ["On {idate} a serious incident involving {child} took place at {loc}: {other}.",
              "This referral concerns an incident on {idate} at {loc} ({other}). The circumstances are very concerning and {child} is in a place of safety."],
}
SUMMARY_MID = [
    "The family have been known to several services over the last two years, mostly because of concerns about neglect, poor school attendance and domestic abuse between the adults.",
    "There were earlier referrals to children's social care in 2024 and 2025; both were closed after a single assessment with advice to the family.",
    "The household moved into the area about eight months ago and there were delays in transferring records from the previous local authority.",
    "Mother has told professionals that she has been struggling with her mental health and that the children's father has recently returned to the home.",
    "School and health records show missed appointments, and concerns about the children's weight and hygiene were raised in the autumn term.",
    "Police have recorded three domestic incidents at the address since March 2025; no further action was taken on any of them.",
]
SUMMARY_OWN = {
    "ashmere_scouts": "{ref_first} has known {child_first} through the weekly meetings for about a year and noticed a change in {poss} behaviour after the autumn camp.",
    "clearsight_digital": "The monitoring software flagged searches and messages on {child_first}'s school device over several days; an analyst reviewed the captures and escalated them to the school and to us.",
    "brenfield_admissions": "The family applied for an in-year school place in the autumn and the application was considered at the Fair Access Panel; {child_first} had been without a school place for several weeks.",
    "northgrid_gas": "Our engineer attended after a carbon monoxide alarm was reported and found the property cold, with no working heating and signs that the children were sleeping in one room.",
    "ellstow_weight": "{child_first} has been seen by the Healthy Weight Service since last spring; several clinic appointments were not brought and home visits were declined.",
    "aldbrook_chaplaincy": "The chaplaincy team supported the family on the ward and the chaplain was told things by a relative that suggested {child_first} had been left alone for long periods.",
    "thamesmoor_cps": "The file was reviewed by the unit when charges were considered; the evidence shows missed opportunities by several agencies to act on earlier disclosures.",
    "tressingham_hfu": "The family arrived under the Homes for Ukraine scheme and live with a host; the officer completed welfare visits and had noted tension between the host and the mother.",
}
SUMMARY_END = [
    "A strategy discussion was held and a section 47 enquiry is under way.",
    "Police are investigating and the adults in the household have been interviewed.",
    "The siblings are now staying with their grandmother under a safety plan.",
    "A multi-agency meeting is planned for later this week.",
]
REASONS = [
    "The child has {harm} and we suspect neglect was a factor; several agencies were involved and did not share information, so there may be learning for the whole partnership.",
    "There were missed opportunities to act on concerns raised by different services, and the incident happened in the area, so we believe the criteria for a Rapid Review are met.",
    "Abuse or neglect is suspected, the child lived locally and the way agencies worked together before the incident needs to be looked at.",
    "We think there is learning about how concerns from voluntary and community organisations are heard and acted on.",
]
CONCERNS = [
    "The siblings remain at home with a safety plan; children's social care are visiting daily.",
    "No immediate risk to other children is known; the adult involved has been arrested and bailed with conditions not to contact the family.",
    "Two younger siblings live in the household. A strategy meeting agreed they will stay with their aunt while enquiries continue.",
    "The other children in the host household have been seen and spoken to. The family have moved to emergency accommodation.",
    "None known at present.",
]
AGENCY_POOL = [
    ("Children's Social Care", "{area} Children's Social Care"), ("Police", "{area} Police - Child Abuse Investigation Team"),
    ("School", "{school}"), ("Health visiting", "{area} Health Visiting Service"), ("GP", "{gp}"),
    ("CAMHS", "{area} CAMHS"), ("Early Help", "{area} Early Help Hub"), ("Housing", "{area} Housing Options"),
    ("School nursing", "{area} School Nursing Team"), ("Youth Justice", "{area} Youth Justice Service"),
    ("Domestic abuse service", "{area} Domestic Abuse Service (IDVA)"), ("Paediatrics", "{hospital} - Paediatrics"),
]
SCHOOL_KINDS = ["Primary School", "CE Primary School", "Academy", "High School", "Nursery", "Junior School", "Community School"]


def _phone(rng: random.Random) -> str:
    kind = rng.random()
    n3 = rng.randint(0, 999)
    n4 = rng.randint(0, 999)
    if kind < 0.3:
        return rng.choice([f"07700 900{n3:03d}", f"07700900{n3:03d}", f"07700 900 {n3:03d}", f"+44 7700 900{n3:03d}"])
    if kind < 0.45:
        return rng.choice([f"01632 960{n3:03d}", f"01632 960 {n3:03d}"])
    if kind < 0.6:
        return rng.choice([f"020 7946 0{n4:03d}", f"(020) 7946 0{n4:03d}"])
    code = rng.choice(["0113", "0114", "0115", "0116", "0117", "0118", "0121", "0131", "0141", "0151", "0161"])
    n4 = min(n4, 990)  # the guidance's example number is 0113 496 0998
    return rng.choice([f"{code} 496 0{n4:03d}", f"({code}) 496 0{n4:03d}", f"{code}4960{n4:03d}"])


def _email(rng: random.Random, first: str, last: str, domain: str) -> str:
    base = last.lower().replace("'", "").replace(" ", "")
    f = first.lower()
    e = rng.choice([f"{f}.{base}", f"{f[0]}.{base}", f"{f}{base[0]}", f"{f}.{base}{rng.randint(1, 9)}"]) + "@" + domain
    r = rng.random()
    if r < 0.25:
        e = first + "." + last.replace("'", "").replace(" ", "") + "@" + domain
    elif r < 0.32:
        e = e.upper()
    return e


class Namer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def adult(self) -> tuple[str, str]:
        while True:
            f, l = self.rng.choice(ADULT_FIRST), self.rng.choice(ADULT_LAST)
            if f not in self.used and l not in self.used:
                self.used.update([f, l])
                return f, l

    def child_first(self, sex: str) -> str:
        pool = {"female": F_FIRST, "male": M_FIRST}.get(sex, O_FIRST + F_FIRST[:4] + M_FIRST[:4])
        while True:
            f = self.rng.choice(pool)
            if f not in self.used:
                self.used.add(f)
                return f


def _address(rng: random.Random, sender: dict) -> list[str]:
    towns, pc = AREAS[sender["id"]]
    town = rng.choice(towns)
    lines = []
    if rng.random() < 0.3:
        lines.append(rng.choice(BLOCKS))
        lines.append(f"{rng.randint(1, 90)} {rng.choice(STREETS)}")
    else:
        lines.append(f"{rng.randint(1, 140)} {rng.choice(STREETS)}")
    lines.append(town)
    lines.append(f"{pc}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
    return lines


def _school(rng: random.Random, sender: dict, age_years: int) -> str:
    towns, _ = AREAS[sender["id"]]
    town = rng.choice(towns)
    if age_years < 4:
        return f"{rng.choice(['Little Acorns', 'Rainbow', 'Busy Bees', 'Sunflower'])} Nursery, {town}"
    if age_years < 11:
        return f"{town} {rng.choice(['Primary School', 'CE Primary School', 'Community Primary', 'Junior School'])}"
    if age_years < 16:
        return rng.choice([f"{town} Academy", f"{town} High School", f"St {rng.choice(['Bede', 'Anselm', 'Hilda', 'Chad'])}'s Catholic High School"])
    return rng.choice([f"{town} College", f"{town} Sixth Form College", "Not in education (NEET)"])


class Form:
    """The abstract content of one form plus its record and notes."""

    def __init__(self, sender: dict, layout: str, n: int, seed: int):
        self.sender, self.layout, self.n, self.seed = sender, layout, n, seed
        self.rng = random.Random(f"u29-{seed}-{n}")
        self.sections: list[dict] = []
        self.notes: dict = {"sender": sender["id"], "blanks": 0, "fillers": 0, "third_option": 0, "decoys": [],
                            "alt_dates": 0, "ages": 0}
        self.record: dict = {}
        self.variant = 0


def _age_on(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def build(sender: dict, layout: str, n: int, seed: int, constraints: dict) -> Form:
    """constraints (per layout): toggles: set of tristate keys that must be true/false; no_fillers: set of keys;
    family: True when children after the first come from a family table; no_blank: keys that must be answered."""
    f = Form(sender, layout, n, seed)
    rng = f.rng
    namer = Namer(rng)
    S = sender
    towns, _pc = AREAS[S["id"]]
    toggles = constraints.get("toggles", set())
    no_fillers = constraints.get("no_fillers", set())
    no_blank = constraints.get("no_blank", set())

    # ---- dates
    ref_date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 80))
    while ref_date.weekday() >= 5:
        ref_date += dt.timedelta(days=1)
    inc_date = ref_date - dt.timedelta(days=rng.randint(2, 18))
    la_date = inc_date + dt.timedelta(days=rng.randint(0, max(0, (ref_date - inc_date).days - 1)))
    panel_date = la_date + dt.timedelta(days=rng.randint(1, 5))
    if panel_date > ref_date:
        panel_date = ref_date
    f.meta = {"ref_date": ref_date, "inc_date": inc_date, "la_date": la_date}
    main_style, dob_style = S["date_main"], S["date_dob"]

    def show_date(d: dt.date, dob: bool = False) -> str:
        if not dob and rng.random() < 0.14:
            f.notes["alt_dates"] += 1
            return fmt_date(d, rng.choice(ALT_STYLES))
        return fmt_date(d, dob_style if dob else main_style)

    def state(key: str, p_blank=0.06, p_fill=0.04) -> str:
        if key in no_blank:
            return "ok"
        r = rng.random()
        if r < p_blank:
            return "blank"
        if r < p_blank + p_fill and key not in no_fillers:
            return "filler"
        return "ok"

    rec: dict = {"form": "referral"}

    def text_item(key, value, kind="text", field=None, p_blank=0.06, p_fill=0.04, force=None, **kw):
        """value: display string (or list of lines for address / paragraphs for para)."""
        it = {"key": key, "label": S["labels"].get(key, key), "kind": kind, "field": field}
        it.update(kw)
        st = force or state(key, p_blank, p_fill)
        if st == "blank" or value is None or value == [] or value == "":
            it.update(text=None, lines=None, filler=False, truth=None)
            f.notes["blanks"] += 1
        elif st == "filler":
            tok = rng.choice(FILLERS)
            it.update(text=tok, lines=[tok], filler=True, truth=None)
            f.notes["fillers"] += 1
        else:
            if isinstance(value, list):
                it.update(text=", ".join(value) if kind == "address" else "\n\n".join(value), lines=list(value), filler=False)
            else:
                it.update(text=value, lines=[value], filler=False)
            it["truth"] = kw.get("truth_value", it["text"])
        return it

    def date_item(key, d, field, dob=False, **kw):
        disp = show_date(d, dob) if d else None
        it = text_item(key, disp, kind="date", field=field, **kw)
        if it["truth"] is not None:
            it["truth"] = d.isoformat()
            it["date"] = d
        return it

    def tri_item(key, p=(0.62, 0.2, 0.1), field=None, forced=None):
        """Yes / No / third / blank.  p = (yes, no, third); the rest is blank."""
        opts = [S["yes"], S["no"], S["third"]]
        if forced is not None:
            sem = forced
        else:
            r = rng.random()
            sem = True if r < p[0] else False if r < p[0] + p[1] else "third" if r < p[0] + p[1] + p[2] else None
        if key in toggles and sem not in (True, False):
            sem = rng.random() < 0.6
        if key in constraints.get("no_third", set()) and sem == "third":
            sem = None
        if key in no_blank and sem is None:
            sem = True
        chosen = {True: 0, False: 1, "third": 2, None: None}[sem]
        if sem == "third":
            f.notes["third_option"] += 1
        if sem is None:
            f.notes["blanks"] += 1
        return {"key": key, "label": S["labels"][key], "kind": "choice", "group": "yn", "opts": opts, "chosen": chosen,
                "sem": sem, "field": field, "truth": sem if sem in (True, False) else None}

    def person(kind: str) -> dict:
        fn, ln = namer.adult()
        title = ""
        if S["id"] == "thamesmoor_cps" and kind == "officer":
            title = rng.choice(["DC ", "DS ", "PC "])
        return {"first": fn, "last": ln, "name": title + f"{fn} {ln}"}

    # ---------------------------------------------------------------- referrer
    ref = person("ref")
    ref_role = rng.choice(S["roles"])
    ref_agency = rng.choice(S["agencies_own"])
    no_commas = constraints.get("no_commas", False)

    def nc_role(r: str) -> str:
        if no_commas and ", Band " in r:
            a, b = r.split(", ")
            return f"{b} {a}"
        return r.split(",")[0] if no_commas else r

    def nc_agency(a: str) -> str:
        return a.split(",")[0] if no_commas else a

    ref_role, ref_agency = nc_role(ref_role), nc_agency(ref_agency)
    ref_email = _email(rng, ref["first"], ref["last"], S["domain"])
    ref_phone = _phone(rng)
    items = []
    it = date_item("date_ref", ref_date, "date_of_referral", p_blank=0.03, p_fill=0.0)
    items.append(it)
    rec["date_of_referral"] = it["truth"]
    rp = {}
    for key, val, fld, kind in [("ref_name", ref["name"], "name", "name"), ("ref_role", ref_role, "role", "text"),
                                ("ref_agency", ref_agency, "agency", "text"), ("ref_email", ref_email, "email", "email"),
                                ("ref_phone", ref_phone, "phone", "phone")]:
        it = text_item(key, val, kind=kind, field=f"referrer.{fld}", p_blank=0.02 if key == "ref_name" else 0.05,
                       p_fill=0.0 if key == "ref_name" else 0.03)
        if kind == "email" and it["truth"]:
            it["truth"] = it["text"].lower()
        if kind == "phone" and it["truth"]:
            it["truth"] = phone_norm(it["text"])
        items.append(it)
        rp[fld] = it["truth"]
    rec["referrer"] = rp
    f.ref_person = ref
    f.sections.append({"key": "ref", "title": S["sections"]["ref"], "items": items})

    # ---------------------------------------------------------------- lead
    lead = person("lead")
    items = []
    lp = {}
    for key, val, fld, kind in [("lead_name", lead["name"], "name", "name"), ("lead_role", nc_role(rng.choice(S["lead_roles"])), "role", "text"),
                                ("lead_agency", nc_agency(rng.choice(S["lead_agencies"])), "agency", "text"),
                                ("lead_email", _email(rng, lead["first"], lead["last"], S["domain"]), "email", "email"),
                                ("lead_phone", _phone(rng), "phone", "phone")]:
        it = text_item(key, val, kind=kind, field=f"safeguarding_lead.{fld}", p_blank=0.07, p_fill=0.03)
        if kind == "email" and it["truth"]:
            it["truth"] = it["text"].lower()
        if kind == "phone" and it["truth"]:
            it["truth"] = phone_norm(it["text"])
        items.append(it)
        lp[fld] = it["truth"]
    it = tri_item("lead_discussed", p=(0.7, 0.12, 0.08), field="safeguarding_lead.discussed")
    items.append(it)
    lp["discussed"] = it["truth"]
    rec["safeguarding_lead"] = lp
    f.lead_person = lead
    f.sections.append({"key": "lead", "title": S["sections"]["lead"], "items": items})

    # ---------------------------------------------------------------- incident type (decided early: children depend on it)
    itype = rng.choices(["death", "serious_harm", "lac_death", "care_leaver_death", "other"], [20, 30, 14, 14, 16])[0]
    f.itype = itype

    # ---------------------------------------------------------------- children
    nchild = rng.choices([1, 2, 3], constraints.get("child_weights", [62, 27, 11]))[0]
    if itype == "care_leaver_death":
        nchild = 1 if rng.random() < 0.7 else 2
    family_mode = constraints.get("family", False)
    surname = rng.choice(SURNAMES)
    shared_addr = _address(rng, S)
    children_rec = []
    child_sections = []
    f.children_info = []
    for ci in range(nchild):
        sex = rng.choices(["female", "male", "other"], [46, 46, 8])[0]
        first = namer.child_first(sex)
        last = surname if rng.random() < 0.8 or ci == 0 else rng.choice(SURNAMES)
        if S["id"] in ("thamesmoor_cps",) or (S["id"] == "brenfield_admissions" and rng.random() < 0.4):
            last_shown = last.upper() if rng.random() < 0.6 else last
        else:
            last_shown = last
        if itype == "care_leaver_death" and ci == 0:
            dob = dt.date(rng.randint(2002, 2007), rng.randint(1, 12), rng.randint(1, 28))
        else:
            dob = dt.date(rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28))
            if dob >= inc_date:
                dob = inc_date - dt.timedelta(days=rng.randint(40, 300))
        age_years = _age_on(dob, ref_date)
        use_age = rng.random() < 0.22 and asks(S, "c_age")
        cinfo = {"first": first, "last": last_shown, "sex": sex, "dob": dob, "age_years": age_years}
        f.children_info.append(cinfo)
        crec = {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                                  "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}
        items = []
        # the name
        nk = child_name_keys(S)
        if nk == ["c_name"]:
            full = f"{first} {last_shown}"
            it = text_item("c_name", full, kind="name", field=f"children[{ci}].name", force="ok", child=ci)
            items.append(it)
            crec["name"] = full
        else:
            for k in nk:
                val = first if k == "c_first" else last_shown
                items.append(text_item(k, val, kind="name", field=f"children[{ci}].name", force="ok", child=ci,
                                       part="first" if k == "c_first" else "last"))
            crec["name"] = f"{first} {last_shown}"
        cinfo["name"] = crec["name"]
        restricted = family_mode and ci > 0
        for key in CHILD_KEYS:
            if not asks(S, key):
                continue
            if restricted and key not in ("c_other", "c_dob", "c_age", "c_gender", "c_school"):
                continue
            fld = f"children[{ci}]."
            if key == "c_other":
                val = rng.choice([None, None, f"{first} {rng.choice(SURNAMES)} (previous surname)", f"{first} {rng.choice(SURNAMES)}",
                                  f"{first[0]}{last[0]}", rng.choice(["Bear", "Mimi", "Jojo", "Bub", "Kiki", "Tiggy", "Sonny"])])
                it = text_item(key, val, field=fld + "other_names", child=ci, p_blank=0.1)
                crec["other_names"] = it["truth"]
            elif key == "c_dob":
                if use_age:
                    it = text_item(key, None, kind="date", field=fld + "dob", child=ci)
                    it["age_instead"] = True
                else:
                    it = date_item(key, dob, fld + "dob", dob=True, child=ci, p_blank=0.03, p_fill=0.0)
                crec["dob"] = it["truth"]
            elif key == "c_age":
                if use_age:
                    a = age_years
                    yrs = "year" if a == 1 else "years"
                    val = rng.choice([f"{a}", f"{a} {yrs}", f"about {a}", f"approx. {a}", f"{a} {'yr' if a == 1 else 'yrs'}", f"around {a}"]) if a > 0 else f"{rng.randint(3, 11)} months"
                    it = text_item(key, val, field=fld + "age", child=ci, force="ok")
                    f.notes["ages"] += 1
                else:
                    it = text_item(key, None, field=fld + "age", child=ci)
                    if rng.random() < 0.25:
                        it = text_item(key, "n/a", field=fld + "age", child=ci, force="filler")
                        it.update(text="n/a", lines=["n/a"])
                crec["age"] = it["truth"]
            elif key == "c_gender":
                gi = S["gender_sem"].index(sex)
                chosen = gi if rng.random() > 0.04 else None
                it = {"key": key, "label": S["labels"][key], "kind": "choice", "group": "gender", "opts": list(S["gender"]),
                      "chosen": chosen, "sem": sex if chosen is not None else None, "field": fld + "gender",
                      "truth": sex if chosen is not None else None, "child": ci}
                if chosen is None:
                    f.notes["blanks"] += 1
                crec["gender"] = it["truth"]
            elif key == "c_eth":
                it = text_item(key, rng.choice(ETHNICITIES), field=fld + "ethnicity", child=ci, p_blank=0.1)
                crec["ethnicity"] = it["truth"]
            elif key == "c_addr":
                addr = shared_addr if (ci == 0 or rng.random() < 0.8) else _address(rng, S)
                it = text_item(key, list(addr), kind="address", field=fld + "address", child=ci, p_blank=0.04, p_fill=0.0)
                crec["address"] = ", ".join(it["lines"]) if it["truth"] is not None else None
                it["truth"] = crec["address"]
            elif key == "c_school":
                it = text_item(key, _school(rng, S, age_years), field=fld + "school", child=ci, p_blank=0.08)
                crec["school"] = it["truth"]
            elif key == "c_gp":
                it = text_item(key, rng.choice(GPS) + (f", {rng.choice(towns)}" if rng.random() < 0.5 else ""),
                               field=fld + "gp", child=ci, p_blank=0.1)
                crec["gp"] = it["truth"]
            elif key == "c_legal":
                lv = rng.choice(LEGAL)
                if itype == "lac_death" and ci == 0:
                    lv = rng.choice(["Care order (s31)", "Section 20 accommodation", "Interim care order"])
                if itype == "care_leaver_death" and ci == 0:
                    lv = "Care leaver (former relevant child)"
                it = text_item(key, lv, field=fld + "legal_status", child=ci, p_blank=0.12)
                crec["legal_status"] = it["truth"]
            elif key in ("c_cp", "c_csc", "c_lac"):
                fldn = {"c_cp": "cp_plan", "c_csc": "open_to_csc", "c_lac": "looked_after"}[key]
                forced = None
                if key == "c_lac" and ci == 0 and itype == "lac_death":
                    forced = True
                if key == "c_lac" and ci == 0 and itype == "care_leaver_death":
                    forced = False if rng.random() < 0.7 else None
                p = {"c_cp": (0.35, 0.45, 0.1), "c_csc": (0.55, 0.3, 0.08), "c_lac": (0.12, 0.75, 0.05)}[key]
                it = tri_item(key, p=p, field=fld + fldn, forced=forced)
                it["child"] = ci
                crec[fldn] = it["truth"]
            elif key == "c_dis":
                it = text_item(key, rng.choice(DISABILITY), field=fld + "disability", child=ci, p_blank=0.1)
                crec["disability"] = it["truth"]
            elif key == "c_dod":
                if ci == 0 and itype in ("death", "lac_death", "care_leaver_death"):
                    dod = inc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
                    it = date_item(key, dod, fld + "date_of_death", dob=True, child=ci, p_blank=0.1, p_fill=0.0)
                else:
                    it = text_item(key, None, kind="date", field=fld + "date_of_death", child=ci)
                    if rng.random() < 0.3:
                        tok = rng.choice(FILLERS)
                        it.update(text=tok, lines=[tok], filler=True)
                        f.notes["fillers"] += 1
                crec["date_of_death"] = it["truth"]
            else:
                continue
            it["child"] = ci
            items.append(it)
        children_rec.append(crec)
        child_sections.append({"key": "child", "index": ci, "count": nchild, "title": S["sections"]["child"], "items": items})
    rec["children"] = children_rec
    f.sections.extend(child_sections)

    # ---------------------------------------------------------------- incident
    items = []
    inc = {}
    it = date_item("i_date", inc_date, "incident.date", p_blank=0.04, p_fill=0.0)
    items.append(it)
    inc["date"] = it["truth"]
    it = date_item("i_la", la_date, "incident.date_la_aware", p_blank=0.08, p_fill=0.02)
    items.append(it)
    inc["date_la_aware"] = it["truth"]
    street = rng.choice(STREETS)
    town = rng.choice(towns)
    hospital = f"{rng.choice(towns)} {rng.choice(['General Hospital', 'Royal Infirmary', 'Children' + chr(39) + 's Hospital'])}"
    loc = rng.choice(LOCATIONS).format(street=street, town=town, road=rng.randint(100, 699))
    loc_disp = loc if constraints.get("loc_raw") else loc[0].upper() + loc[1:]
    if asks(S, "i_loc"):
        it = text_item("i_loc", loc_disp, field="incident.location", p_blank=0.08)
        items.append(it)
        inc["location"] = it["truth"]
    else:
        inc["location"] = None
    opts = list(S["incident_opts"])
    ti = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"].index(itype)
    chosen = ti if rng.random() > 0.04 else None
    if "i_type" in no_blank and chosen is None:
        chosen = ti
    it = {"key": "i_type", "label": S["labels"]["i_type"], "kind": "choice", "group": "itype", "opts": opts,
          "chosen": chosen, "sem": itype if chosen is not None else None, "field": "incident.type",
          "truth": itype if chosen is not None else None}
    if chosen is None:
        f.notes["blanks"] += 1
    items.append(it)
    inc["type"] = it["truth"]
    other_detail = rng.choice(OTHER_DETAILS) if itype == "other" and rng.random() < 0.9 else None
    f.other_detail = other_detail if chosen is not None else None
    it = {"key": "i_other", "label": S["labels"]["i_other"], "kind": "text", "field": None,
          "text": other_detail if chosen is not None else None, "lines": [other_detail] if other_detail and chosen is not None else None,
          "filler": False, "truth": None}
    items.append(it)
    # summary
    c0 = f.children_info[0]
    pron = {"female": "she", "male": "he", "other": "they"}[c0["sex"]]
    obj = {"female": "her", "male": "him", "other": "them"}[c0["sex"]]
    poss = {"female": "her", "male": "his", "other": "their"}[c0["sex"]]
    fmt = dict(child=c0["first"], child_first=c0["first"], idate=fmt_date(inc_date, "long"), loc=loc, hospital=hospital,
               pron=pron, Pron=pron.capitalize(), obj=obj, poss=poss, other=(other_detail or "a serious incident").lower(),
               ref_first=ref["first"])
    paras = [rng.choice(SUMMARY_OPEN[itype]).format(**fmt)]
    mids = rng.sample(SUMMARY_MID, rng.choice([0, 1, 1, 2]))
    paras.extend(mids)
    paras.append(SUMMARY_OWN[S["id"]].format(**fmt))
    if rng.random() < 0.6:
        paras.append(rng.choice(SUMMARY_END))
    paras = paras[:4]
    for a, b in (("they was", "they were"), ("They was", "They were"), ("They remains", "They remain")):
        paras = [p.replace(a, b) for p in paras]
    it = text_item("i_summary", paras, kind="para", field="incident.summary", p_blank=0.0, p_fill=0.0)
    items.append(it)
    inc["summary"] = "\n\n".join(paras)
    it = tri_item("i_police", p=(0.66, 0.18, 0.08), field="incident.police_involved")
    items.append(it)
    inc["police_involved"] = it["truth"]
    rec["incident"] = {k: inc.get(k) for k in ["date", "date_la_aware", "location", "type", "summary", "police_involved"]}
    f.sections.append({"key": "incident", "title": S["sections"]["incident"], "items": items})
    f.hospital = hospital

    # ---------------------------------------------------------------- criteria
    items = []
    cr = {}
    for key, fld, p in [("cr_harm", "died_or_seriously_harmed", (0.85, 0.05, 0.04)), ("cr_abuse", "abuse_or_neglect_suspected", (0.66, 0.12, 0.12)),
                        ("cr_local", "local_connection", (0.84, 0.06, 0.04)), ("cr_learn", "multi_agency_learning", (0.74, 0.08, 0.1))]:
        it = tri_item(key, p=p, field=f"criteria.{fld}")
        items.append(it)
        cr[fld] = it["truth"]
    harm = "died" if itype in ("death", "lac_death", "care_leaver_death") else "been seriously harmed"
    reason = rng.choice(REASONS).format(harm=harm)
    it = text_item("cr_reason", reason, kind="para1", field="criteria.reason", p_blank=0.05, p_fill=0.02)
    items.append(it)
    cr["reason"] = it["truth"]
    rec["criteria"] = cr
    f.sections.append({"key": "criteria", "title": S["sections"]["criteria"], "items": items})

    # ---------------------------------------------------------------- panel
    if asks(S, "p_notified"):
        items = []
        it = tri_item("p_notified", p=(0.3, 0.45, 0.15), field="panel_notified")
        items.append(it)
        rec["panel_notified"] = it["truth"]
        if it["sem"] is True:
            it2 = date_item("p_date", panel_date, "date_panel_notified", p_blank=0.12, p_fill=0.0)
        else:
            it2 = text_item("p_date", None, kind="date", field="date_panel_notified")
            if rng.random() < 0.4:
                tok = rng.choice(FILLERS)
                it2.update(text=tok, lines=[tok], filler=True)
                f.notes["fillers"] += 1
        items.append(it2)
        rec["date_panel_notified"] = it2["truth"]
        f.sections.append({"key": "panel", "title": S["sections"]["panel"], "items": items})
    else:
        rec["panel_notified"] = None
        rec["date_panel_notified"] = None

    # ---------------------------------------------------------------- agencies
    nag = rng.choices([0, 1, 2, 3, 4, 5], [5, 14, 26, 28, 17, 10])[0]
    pool = rng.sample(AGENCY_POOL, nag)
    school0 = next((it["text"] for s in child_sections for it in s["items"] if it["key"] == "c_school" and it.get("text") and not it.get("filler")), None)
    rows = []
    no_person = 0
    area = rng.choice(towns)
    for kind, tmpl in pool:
        agency = tmpl.format(area=area, school=school0 or f"{area} Academy", gp=rng.choice(GPS), hospital=hospital)
        if rng.random() < 0.2:
            pname = None
            no_person += 1
        else:
            pf, pl = namer.adult()
            pname = (rng.choice(["DC ", "PC ", "Dr ", ""]) if kind in ("Police", "GP", "Paediatrics") else "") + f"{pf} {pl}"
        r = rng.random()
        ph = _phone(rng)
        em = _email(rng, pname.split()[-2] if pname else "duty", pname.split()[-1] if pname else "team",
                    rng.choice(["nhs.net", f"{area.lower().replace(' ', '')}.gov.uk", f"{area.lower().replace(' ', '')}.police.uk", "school.org.uk"]))
        contact = ph if r < 0.5 else em if r < 0.8 else f"{ph} / {em}"
        rows.append({"name": pname, "agency": agency, "contact": contact, "kind": kind})
    f.notes["agencies"] = len(rows)
    f.notes["agencies_without_person"] = no_person
    rec["agencies_involved"] = [{"name": r["name"], "agency": r["agency"], "contact": r["contact"]} for r in rows]
    f.sections.append({"key": "agencies", "title": S["sections"]["agencies"], "label": S["labels"]["agencies"],
                       "cols": list(S["agency_cols"]), "rows": rows, "spare": rng.choice([0, 1, 2]),
                       "dash_for_none": rng.random() < 0.4, "items": []})

    # ---------------------------------------------------------------- concerns
    it = text_item("concerns", rng.choice(CONCERNS), kind="para1", field="immediate_concerns", p_blank=0.06, p_fill=0.03)
    rec["immediate_concerns"] = it["truth"]
    f.sections.append({"key": "concerns", "title": S["sections"]["concerns"], "items": [it]})

    # ---------------------------------------------------------------- decoys
    def decoy_value(kind: str):
        if kind.startswith("id:"):
            return f"{kind[3:]}{rng.randint(10000, 999999)}" if rng.random() < 0.5 else f"{kind[3:]}-{rng.randint(2024, 2026)}-{rng.randint(100, 9999):04d}"
        if kind == "date":
            return show_date(ref_date - dt.timedelta(days=rng.randint(-20, 200)))
        if kind == "person":
            p = person("x")
            return p["name"]
        if kind == "officer":
            p = person("officer")
            return p["name"] + rng.choice([", CAIT", ", Major Crime", ", Public Protection Unit"])
        if kind == "dr":
            p = person("x")
            return "Dr " + p["name"]
        if kind.startswith("pick:"):
            return rng.choice(kind[5:].split("|"))
        if kind == "time":
            return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        if kind.startswith("num:"):
            a, b = kind[4:].split("-")
            return str(rng.randint(int(a), int(b)))
        if kind == "yn":
            return rng.choice([S["yes"], S["no"]])
        if kind == "nhs":
            return f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if kind == "urn":
            return f"{rng.randint(10, 99)}{rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}{rng.randint(1000000, 9999999)}{rng.randint(10, 26)}"
        if kind == "schools":
            return ", ".join(f"{rng.choice(towns)} {rng.choice(SCHOOL_KINDS)}" for _ in range(rng.choice([2, 3])))
        return "-"

    decoys_by_section: dict[str, list] = {}
    for sec, label, kind in S["decoys"]:
        val = decoy_value(kind) if rng.random() > 0.12 else None
        d = {"key": "decoy", "label": label, "kind": "decoy", "text": val, "lines": [val] if val else None,
             "filler": False, "field": None, "truth": None}
        decoys_by_section.setdefault(sec, []).append(d)
        f.notes["decoys"].append(f"{label}={val or ''}")
    for s in f.sections:
        if s["key"] in ("ref", "incident") or (s["key"] == "child" and s["index"] == 0):
            s["items"].extend(decoys_by_section.get(s["key"], []))
    if decoys_by_section.get("records"):
        f.sections.append({"key": "records", "title": S["sections"]["records"], "items": decoys_by_section["records"]})

    # ---------------------------------------------------------------- notes
    f.record = rec
    f.notes.update(children=nchild, itype=itype, other_detail=f.other_detail,
                   not_asked=[k for k in S["not_asked"]], date_style=main_style, dob_style=dob_style)
    f.guidance = guidance(S, rng)
    return f


def guidance(S: dict, rng: random.Random) -> str:
    ex_date = fmt_date(dt.date(2015, 1, 1), S["date_main"])
    return (f"Please complete every section you can and send the form to {S['mailbox']} (secure email). If you need "
            f"advice before you send it, ring the Partnership business unit on {S['pphone']}. Write dates like "
            f"{ex_date}. Give a named contact for each agency where you can, for example "
            f"\"Alex Sample, Early Help Practitioner, 0113 496 0998\". If information is not known, leave the box blank.")
