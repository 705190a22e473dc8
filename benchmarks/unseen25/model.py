"""Invented case data, date styles, and one case as a printed spec plus its canonical record.

A form is a list of sections; each section holds items:
  Field  - a labelled text answer (single line, lines, or paragraphs), with the record path it fills;
  Choice - a labelled question with printed options, one (or none) chosen;
  Agencies - the agencies table.
The record is built from the items (an item that is blank, a filler or not asked leaves its path null),
so the truth is exactly what the printed spec states.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from senders import SENDERS

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dd/mm/yyyy":
        return d.strftime("%d/%m/%Y")
    if style == "d/m/yyyy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_mon_dash":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "d.m.yyyy":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "d MONTH yyyy":
        return f"{d.day} {MONTHS[d.month - 1].upper()} {d.year}"
    if style == "dd.mm.yy":
        return d.strftime("%d.%m.%y")
    if style == "dd.mm.yyyy":
        return d.strftime("%d.%m.%Y")
    if style == "Dow d Mon yyyy":
        return f"{DOW[d.weekday()]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dth Mon yyyy":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "d Month yyyy":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dd-mm-yyyy":
        return d.strftime("%d-%m-%Y")
    raise ValueError(style)


ALL_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "dmy_mon_dash", "d.m.yyyy", "d MONTH yyyy", "dd.mm.yy", "dd.mm.yyyy",
              "Dow d Mon yyyy", "dth Mon yyyy", "d Month yyyy", "dd-mm-yyyy"]
ALT_STYLES = ["dd/mm/yyyy", "d Month yyyy", "d/m/yyyy"]
STYLE_EXAMPLES = {s: fmt_date(dt.date(2026, 2, 3), s) for s in ALL_STYLES}

# ------------------------------------------------------------------ pools (all invented)
GIRLS = ["Maya", "Isla", "Amelia", "Zara", "Freya", "Poppy", "Aisha", "Ruby", "Layla", "Evie", "Hollie", "Skye",
         "Niamh", "Orla", "Amira", "Jessica", "Lacey", "Tia", "Imogen", "Kiera", "Nevaeh", "Hana", "Roxanne",
         "Summer", "Willow", "Esme", "Chloe", "Precious", "Ivy", "Daisy-Mae", "Zoë", "Ayesha", "Lily-Rose"]
BOYS = ["Leo", "Tyler", "Kai", "Ryan", "Mason", "Harvey", "Theo", "Ibrahim", "Connor", "Jayden", "Alfie", "Reece",
        "Oscar", "Kacper", "Rhys", "Dexter", "Tommy", "Musa", "Callum", "Jude", "Riley", "Finley", "Bailey",
        "Ollie", "Zain", "Kyle", "Ethan", "Lucas", "Archie", "Brandon", "Corey", "Seth"]
SURNAMES = ["Thompson", "Ashworth", "Kowalski", "Okafor", "Brennan", "Hussain", "Marsden", "Pickering", "Walsh",
            "Ahmed", "Fairclough", "Dunmore", "Lightfoot", "Mensah", "Nowak", "Raine", "Sutcliffe", "Baptiste",
            "Carrick", "O'Donnell", "Whitlow", "Greaves", "Khan", "Lowther", "Mbeki", "Quayle", "Pemberton-Hill",
            "Haworth", "Kaur", "Oyelaran", "Tennant", "Varley", "Bright", "Radcliffe", "McAllister", "Szabo"]
ADULT_FIRST = ["Joanne", "Priya", "Gareth", "Helen", "Marcus", "Sian", "Deborah", "Tariq", "Lorraine", "Neil",
               "Femi", "Rachel", "Stuart", "Anjali", "Bronwen", "Colin", "Nadia", "Paul", "Ruth", "Imran",
               "Catherine", "Declan", "Fiona", "Graham", "Hannah", "Kwame", "Leanne", "Martin", "Olwen", "Shabana",
               "Trevor", "Yvonne", "Elaine", "Rob", "Mel", "Dr Ifeoma", "Dr Alistair", "Nicola", "Rosie", "Wendy"]
ADULT_LAST = ["Hargreaves", "Patel", "Llewellyn", "Crowther", "Adebayo", "Fenwick", "Mistry", "Blackwood",
              "Orme", "Doyle", "Gallagher", "Iqbal", "Jarvis", "Kennedy", "Lindqvist", "Moorcroft", "Nuttall",
              "Osei", "Prescott", "Rahman", "Sheard", "Trueman", "Unsworth", "Vickers", "Wainwright", "Yeadon",
              "Ashby", "Boateng", "Cartwright", "Dalgleish", "Earnshaw", "Fitton"]
ETHNICITIES = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
               "Asian or Asian British - Pakistani", "Black or Black British - African", "White Irish",
               "Mixed - White and Asian", "Gypsy / Roma", "Asian or Asian British - Bangladeshi",
               "Black or Black British - Caribbean", "Any other ethnic group", "White - Polish",
               "Mixed - any other mixed background", "Asian or Asian British - Indian", "Chinese"]
STREETS = ["Aspen Close", "Bramley Road", "Cobden Street", "Dale View", "Elmfield Terrace", "Fold Lane",
           "Garside Avenue", "Hollins Walk", "Ivy Bank", "Jubilee Crescent", "Kiln Row", "Larch Grove",
           "Mill Brow", "Netherfield Drive", "Orchard Way", "Pennine Court", "Quarry Hill", "Rydal Street",
           "Sandbeck Road", "Tanner's Yard", "Underbank Lane", "Valley Rise", "Weaver Street", "Yew Tree Close"]
FLATS = ["Flat 3, Calder House", "Flat 12, Marsh Court", "Flat 7b", "Flat 2, Oak Mill", "Apartment 14, The Sidings"]


def _towns(sender: dict) -> list[tuple[str, str]]:
    return [(t, sender["postcode"]) for t in sender["towns"]]


SCHOOLS = {
    "nursery": ["Riverside Nursery", "Larkrise Children's Centre Nursery", "Little Acorns Day Nursery"],
    "primary": ["Hollybank Primary School", "St Aidan's C of E Primary", "Sunnyfields Infant School",
                "Kingsway Junior School", "Oakwood Special School"],
    "secondary": ["Moorside Academy", "Castle Hill High School", "Thornfield Secondary School",
                  "Westgate Pupil Referral Unit", "Oakwood Special School"],
    "college": ["Brookfield Community College", "Northgate Sixth Form College", "Not in education or training"],
}


def school_for(years: int, rng) -> str:
    if years < 3:
        return rng.choice(["Not in education", "Riverside Nursery", "Little Acorns Day Nursery"])
    if years < 5:
        return rng.choice(SCHOOLS["nursery"])
    if years < 11:
        return rng.choice(SCHOOLS["primary"])
    if years < 16:
        return rng.choice(SCHOOLS["secondary"])
    return rng.choice(SCHOOLS["college"])


GPS = ["Parkside Medical Centre", "Dr Shah and Partners", "The Beeches Surgery", "Market Street Health Centre",
       "Millbrook Medical Practice", "Holme Lane Surgery", "Riverview Family Practice"]
LEGAL = ["Section 20 (accommodated)", "Interim care order (s38)", "Care order (s31)", "Child arrangements order",
         "No order", "Special guardianship order", "Placement order", "Supervision order"]
DISABILITIES = ["Autism (diagnosed)", "Cerebral palsy; uses a wheelchair", "ADHD", "Global developmental delay",
                "Type 1 diabetes", "Epilepsy", "Hearing impairment (bilateral aids)", "Speech and language delay",
                "Learning disability", "Complex health needs - PEG fed", "Visual impairment", "Anxiety; under CAMHS"]
LOCATIONS = ["the family home", "the home of the mother's partner", "a park near the home address",
             "a friend's flat", "the placement address", "the town centre bus station", "a car park off the ring road",
             "the grandparents' home", "the children's hospital (admitted from home)", "a short-stay hostel room",
             "the canal towpath behind the estate", "a relative's caravan"]
AGENCY_TYPES = [
    ("Children's Social Care - Assessment Team", "social worker"), ("Health Visiting Service", "health visitor"),
    ("School Nursing Service", "school nurse"), ("Police - Child Abuse Investigation Unit", "detective"),
    ("CAMHS", "clinician"), ("Early Help Team", "family worker"), ("Youth Justice Service", "case manager"),
    ("Adult Mental Health Team", "CPN"), ("Housing Options", "housing officer"),
    ("Domestic Abuse Service (IDVA)", "IDVA"), ("Paediatrics - Children's Hospital", "consultant"),
    ("Midwifery Service", "midwife"), ("GP practice", "GP"), ("Drug and Alcohol Service", "recovery worker"),
    ("Virtual School", "education officer"), ("Probation Service", "probation officer"),
]
CARE_AGENCIES = ["Careline Nursing Partnership Ltd", "Brightstar Complex Care", "HomeFirst Paediatric Care Ltd"]
EQUIPMENT = ["Ceiling track hoist and sling", "Profiling bed with bumpers", "Specialist seating system",
             "Bath lift and shower chair", "Standing frame"]
ANIMALS = ["3 dogs, 2 cats", "1 dog (Staffordshire bull terrier)", "5 dogs, 4 rabbits", "2 ferrets, 1 dog",
           "7 cats", "1 horse, 2 dogs"]
WARDS = ["Ward 4 (Puffin)", "Ward 7 (Kingfisher)", "Adolescent Unit", "Ward 2 (Otter)", "PICU step-down"]

PHONE_BASES = ["0113 496 0{:03d}", "0114 496 0{:03d}", "0115 496 0{:03d}", "0116 496 0{:03d}", "0117 496 0{:03d}",
               "0118 496 0{:03d}", "0121 496 0{:03d}", "0131 496 0{:03d}", "0141 496 0{:03d}", "0151 496 0{:03d}",
               "0161 496 0{:03d}", "020 7946 0{:03d}", "029 2018 0{:03d}", "01632 960{:03d}"]
MOBILE = "07700 900{:03d}"


def phone_digits(s: str) -> str:
    s = s.strip()
    plus = s.startswith("+")
    d = "".join(c for c in s if c.isdigit())
    return ("+" + d) if plus else d


# ------------------------------------------------------------------ printed spec
@dataclass
class Field:
    code: str
    label: str
    text: str | None = None            # single-line printed answer ('' = blank)
    lines: list[str] | None = None     # multi-line answer (address)
    paras: list[str] | None = None     # paragraphs (summary / long answers)
    path: tuple | None = None          # record path; None for decoys
    truth: object = None
    kind: str = "text"                 # text, date, phone, email, address, long, name
    date: dt.date | None = None
    filler: bool = False               # blank or filler token (truth null)

    def shown(self) -> str:
        if self.lines is not None:
            return ", ".join(self.lines)
        if self.paras is not None:
            return "\n\n".join(self.paras)
        return self.text or ""

    @property
    def blank(self) -> bool:
        return (self.text in (None, "")) and not self.lines and not self.paras


@dataclass
class Choice:
    code: str
    label: str
    options: list[str]
    values: list[object]               # record value per option (True/False/None/'female'/'death' ...)
    chosen: int | None
    path: tuple | None = None
    truth: object = None
    kind: str = "yesno"                # yesno, gender, itype
    detail: str | None = None          # "Other" specification
    detail_label: str | None = None


@dataclass
class Agencies:
    headers: list[str]
    rows: list[list[str]]              # [agency, worker, contact]
    spare: int = 1


@dataclass
class Section:
    key: str
    title: str
    items: list = field(default_factory=list)
    child: int | None = None


@dataclass
class Form:
    n: int
    sender: dict
    layout: str
    sections: list[Section]
    record: dict
    notes: dict
    guidance: str
    case: dict

    @property
    def s(self):
        return self.sender


def empty_record() -> dict:
    return {
        "form": "referral", "date_of_referral": None,
        "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
        "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None,
                              "discussed": None},
        "children": [],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }


def empty_child() -> dict:
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                              "date_of_death"]}


FILLERS = ["N/A", "n/a", "-", "Not applicable"]

SUMMARY_BITS = {
    "death": [
        "{child} was found unresponsive by {carer} at {place} in the early hours. An ambulance attended and "
        "resuscitation was attempted but {pron} was pronounced dead at the children's hospital.",
        "In the weeks before, {carer} had missed two health appointments for {child} and the family had moved "
        "address twice. Neighbours had reported shouting at the property.",
        "The police are investigating the circumstances and a post-mortem examination has been carried out; the "
        "results are not yet known.",
        "Our service last saw {child} eleven days before. Concerns about home conditions were noted at that visit "
        "and shared with the allocated worker.",
    ],
    "serious_harm": [
        "{child} was taken to the emergency department by {carer} with a head injury and bruising to both arms. "
        "The explanation given did not match the injuries.",
        "A skeletal survey found older fractures at different stages of healing. {child} was admitted to the "
        "children's ward and a strategy discussion was held the same day.",
        "{carer} told staff that {child} had fallen from a sofa. Two younger children in the household were "
        "seen and examined the following morning.",
        "Our records show three earlier concerns in the last year, each closed after a single visit.",
    ],
    "lac_death": [
        "{child} was in the care of the local authority and living at {place} when {pron} died.",
        "{child} had been missing from the placement for two nights the previous week and was believed to be "
        "spending time with older adults in the town centre.",
        "The placement had raised concerns about possible exploitation and a multi-agency meeting was booked but "
        "had not yet taken place.",
    ],
    "care_leaver_death": [
        "{child} was a care leaver living in supported accommodation. {pron_c} was found dead in {pron_p} room.",
        "{child} had recently been discharged from an adult mental health ward and had missed a planned contact "
        "with the personal adviser.",
        "The coroner has opened an inquest. Early information suggests a drug overdose.",
    ],
    "other": [
        "{child} disclosed to a trusted adult that an adult living in the household had been hurting {pron_o}.",
        "The arrangement had not been notified to the local authority and no checks had been made on the "
        "adults in the home.",
        "The police and children's social care carried out a joint visit and {child} is now staying with a "
        "relative.",
    ],
}
OTHER_DETAILS = ["private fostering arrangement not notified", "child exploitation - county lines",
                 "serious injury to a sibling in a regulated setting", "attempted suicide of a child in custody",
                 "young person aged 18 found unconscious in supported living"]
OTHER_BITS = {
    "private fostering arrangement not notified": SUMMARY_BITS["other"],
    "child exploitation - county lines": [
        "{child} was found by the police in a flat in another county with cash and drugs, two days after being reported "
        "missing.",
        "{child} had been going missing from home for several weeks and had new clothes and two phones that the family "
        "could not explain.",
        "A return home interview took place; {child} would not say who {pron} had been with.",
    ],
    "serious injury to a sibling in a regulated setting": [
        "{child}'s younger brother was injured at a registered childminder's home and needed treatment in hospital.",
        "{child} was also cared for at the same setting and told a teacher that the childminder's adult son "
        "had hit them both.",
        "The setting has been closed while the local authority designated officer and the police make enquiries.",
    ],
    "attempted suicide of a child in custody": [
        "{child} was found by staff with a ligature in {pron_p} room at the secure unit and was taken to hospital.",
        "{child} had told staff the day before that {pron} did not want to go home on release.",
        "There were earlier self-harm incidents that were recorded but not shared with the community team.",
    ],
    "young person aged 18 found unconscious in supported living": [
        "{child} was found unconscious in {pron_p} room in supported living by a support worker and was admitted "
        "to intensive care.",
        "{child} had turned 18 a month earlier and had moved from a children's placement without a transition plan.",
        "Staff had raised concerns about older adults visiting the accommodation at night.",
    ],
}
REASONS = [
    "Several agencies knew the family and held pieces of information that were not brought together.",
    "There were missed health appointments and repeated referrals that did not lead to an assessment.",
    "The incident suggests that risks from an adult in the household were not understood by the agencies involved.",
    "Information about the young person going missing was not shared quickly enough between the placement, the "
    "police and the school.",
    "There may be learning about how professionals respond to disguised compliance and frequent house moves.",
]
CONCERNS = [
    "The siblings are staying with their maternal grandmother under a safety plan agreed at the strategy discussion.",
    "The mother's partner has been arrested and released on bail with conditions not to contact the children.",
    "A younger sibling remains at home; a child protection medical has been completed and a section 47 enquiry is "
    "under way.",
    "No other children live in the household. The placement has been made safe and staff have been offered support.",
    "The other children have been seen at school today and are safe.",
]


class Gen:
    """One form's invented case and its printed spec."""

    def __init__(self, n: int, seed: int, sender_key: str, layout: str):
        self.n = n
        self.rng = random.Random(f"u25-{seed}-{n}")
        self.s = SENDERS[sender_key]
        self.layout = layout
        self.notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": 0,
                      "alt_dates": 0}

    # ---------------------------------------------------------- helpers
    def person(self) -> tuple[str, str]:
        r = self.rng
        return r.choice(ADULT_FIRST), r.choice(ADULT_LAST)

    def phone(self, mobile=False) -> str:
        r = self.rng
        if mobile or r.random() < 0.3:
            p = MOBILE.format(r.randrange(0, 1000))
            if r.random() < 0.15:
                p = "+44 " + p[1:]
            return p
        return r.choice(PHONE_BASES).format(r.randrange(0, 1000))

    def email(self, first: str, last: str, domain: str) -> str:
        r = self.rng
        f = first.replace("Dr ", "").lower()
        l = last.lower().replace("'", "").replace(" ", "")
        local = r.choice([f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l[0]}", f"{f}.{l}1"])
        e = f"{local}@{domain}"
        if r.random() < 0.25:  # typed with capitals
            e = f"{first.replace('Dr ', '')}.{last.replace(chr(39), '').replace(' ', '')}@{domain}"
        return e

    def date_text(self, d: dt.date, dob=False) -> str:
        style = self.s["date_dob"] if dob else self.s["date_main"]
        if self.rng.random() < 1 / 7:
            style = self.rng.choice([x for x in ALT_STYLES if x != style])
            self.notes["alt_dates"] += 1
        return fmt_date(d, style)

    def maybe_blank(self, code: str, p_blank=0.05, p_fill=0.05):
        """'' (blank), a filler token, or None (answer)."""
        x = self.rng.random()
        if x < p_blank:
            self.notes["blanks"].append(code)
            return ""
        if x < p_blank + p_fill:
            f = self.rng.choice(FILLERS)
            self.notes["fillers"].append(f"{code}={f}")
            return f
        return None

    def lab(self, code):
        return self.s["labels"].get(code)

    # ---------------------------------------------------------- the case
    def build(self) -> Form:
        r = self.rng
        s = self.s
        rec = empty_record()
        secs: list[Section] = []

        # dates
        inc = dt.date(2025, 9, 1) + dt.timedelta(days=r.randrange(0, 150))
        la = inc + dt.timedelta(days=r.randrange(0, 5))
        ref = la + dt.timedelta(days=r.randrange(1, 9))
        itype = r.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other"],
                          weights=[34, 26, 16, 9, 15])[0]
        ptime = r.random()
        panel = True if ptime < 0.5 else (False if ptime < 0.8 else None)
        panel_date = la + dt.timedelta(days=r.randrange(1, 5)) if panel else None
        if panel_date and panel_date > ref:
            panel_date = ref

        # ------------------------------------------------ referrer / lead
        rf, rl = self.person()
        lf, ll = self.person()
        while (lf, ll) == (rf, rl):
            lf, ll = self.person()
        ref_role = r.choice(s["roles"])
        lead_role = r.choice(s["lead_roles"])
        agency = s["org"]
        lead_agency = agency if r.random() < 0.7 else s["org"].split(" - ")[0]
        sec = Section("referrer", s["sections"]["referrer"])
        if self.lab("date_ref"):
            sec.items.append(self.f_date("date_ref", ref, ("date_of_referral",)))
        sec.items += [
            self.f_text("ref_name", f"{rf} {rl}", ("referrer", "name"), optional=False),
            self.f_text("ref_role", ref_role, ("referrer", "role")),
            self.f_text("ref_agency", agency, ("referrer", "agency")),
            self.f_email("ref_email", rf, rl, s["domain"], ("referrer", "email")),
            self.f_phone("ref_phone", ("referrer", "phone")),
        ]
        secs.append(sec)
        sec = Section("lead", s["sections"]["lead"])
        sec.items += [
            self.f_text("lead_name", f"{lf} {ll}", ("safeguarding_lead", "name")),
            self.f_text("lead_role", lead_role, ("safeguarding_lead", "role")),
            self.f_text("lead_agency", lead_agency, ("safeguarding_lead", "agency")),
            self.f_email("lead_email", lf, ll, s["lead_domain"], ("safeguarding_lead", "email")),
            self.f_phone("lead_phone", ("safeguarding_lead", "phone")),
            self.c_yesno("lead_discussed", ("safeguarding_lead", "discussed"), p_yes=0.8),
        ]
        secs.append(sec)

        # ------------------------------------------------ children
        weights = [15, 50, 35] if self.layout == "P-SPAWNED" else [50, 30, 20]
        nkids = r.choices([1, 2, 3], weights=weights)[0]
        if itype == "care_leaver_death":
            nkids = 1
        elif itype == "lac_death":
            nkids = min(nkids, 2)
        surname = r.choice(SURNAMES)
        towns = _towns(s)
        town, out = r.choice(towns)
        addr_lines = []
        if r.random() < 0.3:
            addr_lines.append(r.choice(FLATS))
        addr_lines.append(f"{r.randrange(2, 140)} {r.choice(STREETS)}")
        if r.random() < 0.5:
            addr_lines.append(r.choice(["Netherton", "Lowfield", "Shawcross", "Ellwood", "Brierley", "Stainby"]))
        addr_lines += [town, f"{out}{r.randrange(1, 20)} {r.randrange(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
        self.kids = []
        age_kid = r.randrange(nkids) if r.random() < 0.28 else None
        for k in range(nkids):
            girl = r.random() < 0.5
            first = r.choice(GIRLS if girl else BOYS)
            while any(first == x["first"] for x in self.kids):
                first = r.choice(GIRLS if girl else BOYS)
            last = surname if r.random() < 0.8 else r.choice(SURNAMES)
            if itype == "care_leaver_death":
                dob = ref - dt.timedelta(days=r.randrange(18 * 365 + 10, 23 * 365))
            elif itype == "lac_death":
                dob = ref - dt.timedelta(days=r.randrange(6 * 365, 17 * 365))
            else:
                dob = ref - dt.timedelta(days=r.randrange(60, 16 * 365))
            g = "female" if girl else "male"
            if r.random() < 0.05 and "other" in s["genders"]:
                g = "other"
            self.kids.append(dict(first=first, last=last, dob=dob, gender=g))
        victim = 0
        sec_list = []
        for k, kid in enumerate(self.kids):
            sec = Section("child", f"{s['sections']['child']}" + (f" ({k + 1} of {nkids})" if nkids > 1 else ""),
                          child=k)
            child = empty_child()
            rec["children"].append(child)
            base = ("children", k)
            years = (ref - kid["dob"]).days // 365
            kid["years"] = years
            last_shown = kid["last"].upper() if s["surname_caps"] else kid["last"]
            if "c_name" in s["labels"]:
                nm = f"{kid['first']} {last_shown}"
                sec.items.append(Field("c_name", self.lab("c_name"), text=nm, path=base + ("name",), truth=nm,
                                       kind="name"))
            else:
                f1 = Field("c_first", self.lab("c_first"), text=kid["first"], kind="name")
                f2 = Field("c_last", self.lab("c_last"), text=last_shown, kind="name")
                child["name"] = f"{kid['first']} {last_shown}"
                sec.items += [f2, f1] if s["split_order"] == "last_first" else [f1, f2]
            if self.lab("c_other"):
                other = None
                if r.random() < 0.35:
                    other = r.choice([kid["first"][:3] + "s" if len(kid["first"]) > 4 else kid["first"] + "y",
                                      f"{kid['first']} {r.choice(SURNAMES)}", "Bubs", "Kay-Kay", "J"])
                sec.items.append(self.f_opt("c_other", other, base + ("other_names",), force_blank=other is None))
            # dob or age
            give_age = (k == age_kid) and self.lab("c_age")
            if self.lab("c_dob"):
                if give_age:
                    sec.items.append(Field("c_dob", self.lab("c_dob"), text="", path=None, kind="date"))
                    self.notes["blanks"].append(f"c_dob[{k}]")
                else:
                    sec.items.append(self.f_date("c_dob", kid["dob"], base + ("dob",), dob=True))
            if self.lab("c_age"):
                if give_age or (not self.lab("c_dob")):
                    agetxt = r.choice([f"{years}", f"about {years}", f"{years} years", f"approx. {years}",
                                       f"{years} yrs"]) if years >= 1 else f"{max(2, (ref - kid['dob']).days // 30)} months"
                    sec.items.append(Field("c_age", self.lab("c_age"), text=agetxt, path=base + ("age",), truth=agetxt))
                    self.notes["ages"] += 1
                else:
                    sec.items.append(Field("c_age", self.lab("c_age"), text=r.choice(["", "", "N/A", "-"]), kind="text",
                                           filler=True))
            if self.lab("c_gender"):
                sec.items.append(self.c_gender(kid["gender"], base + ("gender",)))
            if self.lab("c_eth"):
                sec.items.append(self.f_opt("c_eth", r.choice(ETHNICITIES), base + ("ethnicity",)))
            if self.lab("c_addr"):
                lines = list(addr_lines)
                if itype == "lac_death" and k == 0:
                    lines = [f"{r.randrange(2, 90)} {r.choice(STREETS)}", town, lines[-1]]
                f = Field("c_addr", self.lab("c_addr"), lines=lines, path=base + ("address",),
                          truth=", ".join(lines), kind="address")
                bl = self.maybe_blank(f"c_addr[{k}]", 0.03, 0.0)
                if bl is not None:
                    f.lines, f.text, f.truth, f.filler = None, bl, None, True
                sec.items.append(f)
            if self.lab("c_school"):
                sch = school_for(kid["years"], r)
                sec.items.append(self.f_opt("c_school", sch, base + ("school",)))
            if self.lab("c_gp"):
                sec.items.append(self.f_opt("c_gp", r.choice(GPS), base + ("gp",)))
            if self.lab("c_legal"):
                lg = r.choice(LEGAL) if itype != "lac_death" else r.choice(LEGAL[:3])
                sec.items.append(self.f_opt("c_legal", lg, base + ("legal_status",)))
            if self.lab("c_cp"):
                sec.items.append(self.c_yesno("c_cp", base + ("cp_plan",), p_yes=0.35))
            if self.lab("c_csc"):
                sec.items.append(self.c_yesno("c_csc", base + ("open_to_csc",), p_yes=0.55))
            if self.lab("c_lac"):
                py = 0.95 if itype in ("lac_death",) else 0.15
                sec.items.append(self.c_yesno("c_lac", base + ("looked_after",), p_yes=py))
            if self.lab("c_dis"):
                dis = r.choice(DISABILITIES) if r.random() < 0.5 else "None known"
                sec.items.append(self.f_opt("c_dis", dis, base + ("disability",)))
            if self.lab("c_dod"):
                if itype in ("death", "lac_death", "care_leaver_death") and k == victim:
                    sec.items.append(self.f_date("c_dod", inc, base + ("date_of_death",)))
                else:
                    sec.items.append(Field("c_dod", self.lab("c_dod"), text=r.choice(["", "N/A", "", "-"]),
                                           kind="date", filler=True))
            sec_list.append(sec)
        secs += sec_list

        # ------------------------------------------------ incident
        sec = Section("incident", s["sections"]["incident"])
        if self.lab("inc_date"):
            sec.items.append(self.f_date("inc_date", inc, ("incident", "date")))
        if self.lab("inc_la"):
            sec.items.append(self.f_date("inc_la", la, ("incident", "date_la_aware")))
        loc = r.choice(LOCATIONS)
        loc = loc[0].upper() + loc[1:]
        if itype == "lac_death" and "placement" not in loc:
            loc = r.choice(["The placement address", "A friend's flat", "The canal towpath behind the estate"])
        if self.lab("inc_loc"):
            sec.items.append(self.f_opt("inc_loc", loc, ("incident", "location")))
        kid0 = self.kids[victim]
        carer = r.choice(["the mother", "the father", "mum's partner", "the grandmother"])
        if itype == "lac_death":
            carer = "the foster carer"
        place = "the placement" if itype == "lac_death" else "the family home"
        pron = "she" if kid0["gender"] == "female" else "he"
        pron_o = "her" if kid0["gender"] == "female" else "him"
        pron_p = "her" if kid0["gender"] == "female" else "his"
        self.other_detail = None
        if itype == "other":
            self.other_detail = r.choice(OTHER_DETAILS) if r.random() < 0.85 else None
        bits = OTHER_BITS[self.other_detail or OTHER_DETAILS[0]] if itype == "other" else SUMMARY_BITS[itype]
        nparas = r.randrange(2, min(4, len(bits)) + 1)
        paras = []
        for b in bits[:nparas]:
            paras.append(b.format(child=kid0["first"], carer=carer, place=place, pron=pron,
                                  pron_c=pron.capitalize(), pron_o=pron_o, pron_p=pron_p))
        paras = [p[0].upper() + p[1:] for p in paras]
        # itype
        if self.lab("inc_type"):
            sec.items.append(self.c_itype(itype))
        if self.lab("inc_summary"):
            sec.items.append(Field("inc_summary", self.lab("inc_summary"), paras=paras,
                                   path=("incident", "summary"), truth="\n\n".join(paras), kind="long"))
        if self.lab("inc_police"):
            sec.items.append(self.c_yesno("inc_police", ("incident", "police_involved"), p_yes=0.75))
        secs.append(sec)

        # ------------------------------------------------ criteria
        sec = Section("criteria", s["sections"]["criteria"])
        p_died = 0.97 if itype != "other" else 0.55
        for code, key, py in [("cr_died", "died_or_seriously_harmed", p_died), ("cr_abuse", "abuse_or_neglect_suspected", 0.8),
                              ("cr_local", "local_connection", 0.92), ("cr_learn", "multi_agency_learning", 0.88)]:
            if self.lab(code):
                sec.items.append(self.c_yesno(code, ("criteria", key), p_yes=py))
        if self.lab("cr_reason"):
            reason = r.choice(REASONS)
            sec.items.append(self.f_opt("cr_reason", reason, ("criteria", "reason"), kind="long", p_blank=0.04,
                                        p_fill=0.0))
        secs.append(sec)

        # ------------------------------------------------ panel
        if self.lab("panel"):
            sec = Section("panel", s["sections"]["panel"])
            ch = self.c_yesno("panel", ("panel_notified",), forced=panel)
            sec.items.append(ch)
            if self.lab("panel_date"):
                if ch.truth is True and panel_date:
                    sec.items.append(self.f_date("panel_date", panel_date, ("date_panel_notified",)))
                else:
                    sec.items.append(Field("panel_date", self.lab("panel_date"), text=r.choice(["", "N/A", "-", ""]),
                                           kind="date", filler=True))
            secs.append(sec)

        # ------------------------------------------------ agencies
        sec = Section("agencies", s["sections"]["agencies"])
        nag = r.choices([0, 1, 2, 3, 4, 5], weights=[6, 12, 25, 28, 18, 11])[0]
        rows = []
        for (ag, kind) in r.sample(AGENCY_TYPES, nag):
            if r.random() < 0.3:
                worker = ""
            else:
                a, b = self.person()
                worker = f"{a} {b}"
            if r.random() < 0.55:
                contact = self.phone()
            elif r.random() < 0.5:
                if any(k in ag for k in ("Health", "Nurs", "CAMHS", "Paediatr", "Midwif", "GP", "Mental")):
                    dom = "nhs.net"
                elif "Police" in ag:
                    dom = "northpolice.pnn.police.uk"
                elif "Probation" in ag:
                    dom = "justice.gov.uk"
                else:
                    dom = s["towns"][0].lower().replace(" ", "") + ".gov.uk"
                who = worker.replace("Dr ", "").split(" ") if worker else None
                local = f"{who[0].lower()}.{who[-1].lower()}" if who else r.choice(["duty", "frontdoor", "team.admin", "referrals"])
                contact = (local + "@" + dom).replace("'", "")
            else:
                contact = f"{self.phone()} / duty desk"
            rows.append([ag, worker, contact])
        sec.items.append(Agencies(list(s["ag_headers"]), rows, spare=r.randrange(1, 3)))
        for ag, worker, contact in rows:
            rec["agencies_involved"].append({"name": worker or None, "agency": ag, "contact": contact})
        secs.append(sec)
        self.notes["agencies"] = len(rows)
        self.notes["agencies_without_person"] = sum(1 for x in rows if not x[1])

        # ------------------------------------------------ concerns
        if self.lab("concerns"):
            sec = Section("concerns", s["sections"]["concerns"])
            sec.items.append(self.f_opt("concerns", r.choice(CONCERNS), ("immediate_concerns",), kind="long",
                                        p_blank=0.05, p_fill=0.02))
            secs.append(sec)

        # ------------------------------------------------ decoys
        sec = Section("decoys", s["sections"]["decoys"])
        for label, kind in s["decoys"]:
            v = self.decoy_value(kind, inc, ref)
            sec.items.append(Field("decoy", label, text=v, path=None, kind="decoy"))
            self.notes["decoys"].append(f"{label}={v}")
        secs.append(sec)

        # ------------------------------------------------ record from items
        for sec in secs:
            for it in sec.items:
                if isinstance(it, (Field, Choice)) and it.path is not None and it.truth is not None:
                    set_path(rec, it.path, it.truth)
        # split child names recorded above
        self.notes["children"] = nkids
        self.notes["itype"] = rec["incident"]["type"]
        self.notes["date_style"] = s["date_main"]
        self.notes["dob_style"] = s["date_dob"]
        guidance = self.guidance()
        return Form(self.n, s, self.layout, secs, rec, self.notes, guidance,
                    dict(ref=ref, inc=inc, la=la, panel_date=panel_date, kids=self.kids, itype=itype))

    # ---------------------------------------------------------- item makers
    def f_text(self, code, value, path, optional=True, kind="text"):
        if not self.lab(code):
            return None
        if optional:
            bl = self.maybe_blank(code, 0.02, 0.01) if code.endswith("_name") else self.maybe_blank(code, 0.04, 0.02)
            if bl is not None:
                return Field(code, self.lab(code), text=bl, path=path, truth=None, kind=kind, filler=True)
        return Field(code, self.lab(code), text=value, path=path, truth=value, kind=kind)

    def f_opt(self, code, value, path, kind="text", p_blank=0.05, p_fill=0.05, force_blank=False):
        if force_blank:
            t = self.rng.choice(["", "", "N/A", "-", "None"]) if code == "c_other" else ""
            if t == "None":
                t = ""
            return Field(code, self.lab(code), text=t, path=path, truth=None, kind=kind, filler=True)
        bl = self.maybe_blank(code, p_blank, p_fill)
        if bl is not None:
            return Field(code, self.lab(code), text=bl, path=path, truth=None, kind=kind, filler=True)
        if kind == "long":
            return Field(code, self.lab(code), paras=[value], path=path, truth=value, kind=kind)
        return Field(code, self.lab(code), text=value, path=path, truth=value, kind=kind)

    def f_date(self, code, d, path, dob=False):
        t = self.date_text(d, dob=dob)
        return Field(code, self.lab(code), text=t, path=path, truth=d.isoformat(), kind="date", date=d)

    def f_email(self, code, first, last, domain, path):
        if not self.lab(code):
            return None
        bl = self.maybe_blank(code, 0.04, 0.0)
        if bl is not None:
            return Field(code, self.lab(code), text=bl, path=path, truth=None, kind="email", filler=True)
        e = self.email(first, last, domain)
        return Field(code, self.lab(code), text=e, path=path, truth=e.lower(), kind="email")

    def f_phone(self, code, path):
        if not self.lab(code):
            return None
        bl = self.maybe_blank(code, 0.04, 0.0)
        if bl is not None:
            return Field(code, self.lab(code), text=bl, path=path, truth=None, kind="phone", filler=True)
        p = self.phone()
        return Field(code, self.lab(code), text=p, path=path, truth=phone_digits(p), kind="phone")

    def c_yesno(self, code, path, p_yes=0.7, forced="unset"):
        s = self.s
        opts = [s["yes"], s["no"], s["third"]]
        vals = [True, False, None]
        r = self.rng
        if forced != "unset":
            idx = {True: 0, False: 1, None: 2}[forced]
            if r.random() < 0.04:
                idx = None
        else:
            x = r.random()
            if x < 0.05:
                idx = None
            elif x < 0.17:
                idx = 2
            else:
                idx = 0 if r.random() < p_yes else 1
        if idx == 2:
            self.notes["third_option"].append(code)
        if idx is None:
            self.notes["blanks"].append(code)
        truth = vals[idx] if idx is not None else None
        return Choice(code, self.lab(code), opts, vals, idx, path=path, truth=truth, kind="yesno")

    def c_gender(self, g, path):
        gs = self.s["genders"]
        keys = list(gs)
        opts = [gs[k] for k in keys]
        idx = keys.index(g) if g in keys else keys.index("female")
        if self.rng.random() < 0.03:
            idx = None
            self.notes["blanks"].append("c_gender")
        truth = keys[idx] if idx is not None else None
        return Choice("c_gender", self.lab("c_gender"), opts, keys, idx, path=path, truth=truth, kind="gender")

    def c_itype(self, itype):
        w = self.s["itype_words"]
        keys = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]
        opts = [w[k] for k in keys]
        idx = keys.index(itype)
        detail = self.other_detail if itype == "other" else None
        if self.rng.random() < 0.03:
            idx = None
            detail = None
            self.notes["blanks"].append("inc_type")
        truth = keys[idx] if idx is not None else None
        if truth == "other":
            self.notes["other_detail"] = detail
        return Choice("inc_type", self.lab("inc_type"), opts, keys, idx, path=("incident", "type"), truth=truth,
                      kind="itype", detail=detail, detail_label=self.s["other_label"])

    def decoy_value(self, kind, inc, ref):
        r = self.rng
        if kind.startswith("ref:"):
            pat = kind[4:]
            return pat.format(n3=r.randrange(100, 999), n4=r.randrange(1000, 9999), n5=r.randrange(10000, 99999),
                              n6=r.randrange(100000, 999999), n7=r.randrange(1000000, 9999999), y=ref.year)
        if kind == "person":
            a, b = self.person()
            return f"{a} {b}"
        if kind.startswith("date:"):
            w = kind[5:]
            if w == "pastinc":
                d = inc - dt.timedelta(days=r.randrange(3, 40))
            elif w == "future":
                d = ref + dt.timedelta(days=r.randrange(5, 60))
            else:
                d = ref - dt.timedelta(days=r.randrange(40, int(w[4:])))
            return fmt_date(d, self.s["date_main"])
        if kind.startswith("int:"):
            a, b = kind[4:].split("-")
            return str(r.randrange(int(a), int(b) + 1))
        if kind == "nhs":
            return f"{r.randrange(400, 499)} {r.randrange(100, 999)} {r.randrange(1000, 9999)}"
        if kind == "careagency":
            return r.choice(CARE_AGENCIES)
        if kind == "equipment":
            return r.choice(EQUIPMENT)
        if kind == "animals":
            return r.choice(ANIMALS)
        if kind == "upn":
            return f"{r.choice('ABCDEFGHJKLMNPQRT')}{r.randrange(100000000000, 999999999999)}"
        if kind == "ward":
            return r.choice(WARDS)
        raise ValueError(kind)

    def guidance(self) -> str:
        s = self.s
        ex = fmt_date(dt.date(2015, 1, 1), s["date_main"])
        return (f"Please complete every section you can and return this form to {s['partnership']} at "
                f"{s['p_email']} or call the business unit on {s['p_phone']} to discuss. Write dates in full, for "
                f"example {ex}. Give a direct contact for every professional, for example: Chris Example, "
                f"Practice Lead, 0113 496 0999. Do not delay a referral to children's social care or the police "
                f"while you complete this form.")


def set_path(rec, path, value):
    cur = rec
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = value


def build_form(n: int, seed: int, sender_key: str, layout: str) -> Form:
    g = Gen(n, seed, sender_key, layout)
    form = g.build()
    # drop None items (fields not asked)
    for sec in form.sections:
        sec.items = [it for it in sec.items if it is not None]
    return form, g.rng
