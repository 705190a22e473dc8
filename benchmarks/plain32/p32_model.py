"""plain32 model: invented data pools, date styles, one case per form, and the truth record read off it.

A case is a list of sections of questions (Q). Every question is built once, as the form shows it (typed
text, a date typed in a style, address lines, paragraphs, or the chosen option of a choice), and the truth
record is read off those shown answers only - so the record and the document cannot disagree.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from p32_senders import ITYPE_KEYS

FILLERS = ["N/A", "n/a", "-", "Not applicable"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ----------------------------------------------------------------------------------------------- dates

DATE_STYLES = {
    "dmy_slash": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "d_month_y": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "d_mon_upper": lambda d: f"{d.day:02d} {MONTHS[d.month - 1][:3].upper()} {d.year}",
    "wd_d_month_y": lambda d: f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",
    "dmy_short": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    "dmy_dot": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "d_m_y": lambda d: f"{d.day}/{d.month}/{d.year}",
}
ALT_STYLES = ["dmy_slash", "d_month_y", "d_m_y"]
DATE_EXAMPLES = {
    "dmy_slash": "dd/mm/yyyy", "d_month_y": "e.g. 1 April 2025", "d_mon_upper": "DD MMM YYYY",
    "wd_d_month_y": "e.g. Tuesday 1 April 2025", "dmy_short": "dd/mm/yy", "dmy_dot": "dd.mm.yyyy",
    "d_m_y": "d/m/yyyy",
}


def fmt_date(d, style):
    return DATE_STYLES[style](d)


def all_date_renderings(d):
    out = [f(d) for f in DATE_STYLES.values()]
    out.append(d.isoformat())
    return out


# ----------------------------------------------------------------------------------------------- pools

F_NAMES = ["Amelia", "Isla", "Maisie", "Freya", "Aaliyah", "Zara", "Poppy", "Evie", "Lacey", "Kayla", "Imogen",
           "Niamh", "Tia", "Summer", "Esme", "Ruby", "Leah", "Hafsa", "Priya", "Ellie-May", "Chantelle", "Skye",
           "Maryam", "Ava", "Lily-Rose", "Jade", "Keira", "Olivia", "Precious", "Gracie"]
M_NAMES = ["Jayden", "Kai", "Harrison", "Mason", "Tyler", "Riley", "Ibrahim", "Reuben", "Alfie", "Louis",
           "Connor", "Kyle", "Tomasz", "Oscar", "Bailey", "Zain", "Callum", "Dexter", "Rhys", "Leon", "Ashton",
           "Kacper", "Musa", "Finlay", "Brandon", "Jenson", "Theo", "Logan", "Ezra", "Corey"]
O_NAMES = ["Alex", "Jordan", "Sam", "Charlie", "Robin", "Eden"]
SURNAMES = ["Whitlock", "Okonkwo", "Brennan", "Hussain", "Pryce", "McAllister", "Dobson", "Nowak", "Fairbairn",
            "Achterberg", "Kaur", "Lomax", "Gallagher", "Osei", "Thwaite", "Begum", "Rowntree", "Hardcastle",
            "Mensah", "Quigley", "Sutcliffe", "Adeyemi", "Kowalczyk", "Pennington", "O'Rourke", "Hollis",
            "Bramwell", "Chaudhry", "Ferreira", "Duggan", "Ashworth", "Tranter", "Baptiste", "Yilmaz", "Cartwright",
            "Ellery", "Ndlovu", "Winstanley", "Haigh", "Rafferty"]
ADULT_F = ["Joanne", "Sarah", "Helen", "Nadia", "Rebecca", "Claire", "Fatima", "Gemma", "Lorraine", "Anita",
           "Bethany", "Kirsty", "Sunita", "Andrea", "Rachel", "Mariam", "Deborah", "Yvonne", "Catriona", "Leanne"]
ADULT_M = ["Mark", "Darren", "Imran", "Stuart", "Paul", "Gareth", "Tunde", "Neil", "Craig", "Simon", "Wesley",
           "Aaron", "Martin", "Rashid", "Graham", "Owen", "Lee", "Jamal", "Philip", "Dean"]
ADULT_SUR = ["Harrop", "Lindqvist", "Oduya", "Fenwick", "Baird", "Cheung", "Mistry", "Holroyd", "Garside",
             "Abbott", "Qureshi", "Tennant", "Moorcroft", "Okafor", "Villiers", "Brierley", "Sandhu", "Keating",
             "Ramsden", "Fairclough", "Igwe", "Pollitt", "Sharples", "Dunmore", "Nuttall", "Varga", "Ellison",
             "Kirkham", "Boateng", "Redfern"]
# (ethnicity, girl names, boy names, surnames, language) for the new-arrivals sender
HERITAGE = [
    ("Afghan", ["Mursal", "Zarghona", "Parisa"], ["Ahmad", "Mustafa", "Bilal"], ["Rahimi", "Sultani", "Ahmadzai"], "Dari"),
    ("Eritrean", ["Senait", "Helen", "Selam"], ["Yonas", "Filmon", "Dawit"], ["Tesfay", "Gebremedhin", "Haile"], "Tigrinya"),
    ("Syrian Arab", ["Rama", "Lana", "Sidra"], ["Omar", "Yamen", "Khaled"], ["Al-Hamwi", "Darwish", "Haddad"], "Arabic"),
    ("Ukrainian", ["Sofiia", "Anastasiia", "Daryna"], ["Maksym", "Bohdan", "Artem"], ["Kovalenko", "Shevchuk", "Bondarenko"], "Ukrainian"),
    ("Iraqi Kurdish", ["Shilan", "Avin", "Rozhin"], ["Aram", "Karwan", "Dilan"], ["Mahmood", "Qadir", "Rashid"], "Kurdish (Sorani)"),
    ("Roma (Romanian)", ["Denisa", "Florentina", "Bianca"], ["Marian", "Ionut", "Gabriel"], ["Stoica", "Lacatus", "Dinu"], "Romanian"),
    ("Sudanese", ["Amna", "Hiba", "Tasneem"], ["Mohamed", "Osman", "Mujtaba"], ["Abdelrahman", "Idris", "Elamin"], "Arabic"),
    ("Iranian", ["Parisa", "Yasaman", "Nazanin"], ["Arash", "Kian", "Reza"], ["Moradi", "Karimi", "Jafari"], "Farsi"),
]

STREETS = ["Kestrel Way", "Cobden Street", "Larkspur Close", "Mill Lane", "Albion Terrace", "Hawthorn Road",
           "Fennel Walk", "Station Approach", "Victoria Grove", "Tanners Row", "Ashdown Crescent", "Peel Street",
           "Orchard Rise", "Brunswick Road", "Sorrel Drive", "Canal Side", "Beechwood Avenue", "Gladstone Terrace",
           "Netherfield Road", "Pinfold Lane", "Rowan Court", "Chapel Fold", "Greaves Street", "Linnet Close"]
BLOCKS = ["Harbour House", "Kingfisher Court", "Windmill Heights", "St Anne's Court", "Calder House", "Moss View"]

PRIMARY = ["St Wilfrid's RC Primary School", "Meadowbank Primary Academy", "Holme Lane Community Primary",
           "Brookfield Infant and Nursery School", "Greenhill Junior School", "Ashgrove Special School"]
SECONDARY = ["Thorncliffe Academy", "Castle View High School", "Oakwood Park School", "St Bede's Catholic College",
             "Riverside Studio School", "Ashgrove Special School"]
SCHOOL_NAMES = PRIMARY + SECONDARY
NURSERIES = ["Little Acorns Day Nursery", "Rainbow Tots Nursery", "Family hub nursery (2-year-old funded place)",
             "Highfield Nursery School"]
COLLEGES = ["Northfield Sixth Form College", "City College (Level 2 Motor Vehicle)", "Not in education"]
GPS = ["Elm Tree Surgery", "The Castle Medical Practice", "Dr Okafor & Partners", "Brookside Health Centre",
       "Market Street Surgery", "Parkway Medical Group", "Riverside Family Practice", "Dr Patel and Partners"]
DISABILITY = ["None known", "Autism (diagnosed 2023)", "Global developmental delay", "ADHD - awaiting assessment",
              "Asthma", "Speech and language delay", "None", "Epilepsy (on medication)", "Moderate learning difficulty"]
WHEELCHAIR_DIS = ["Cerebral palsy (GMFCS level IV), epilepsy", "Spinal muscular atrophy type 2",
                  "Quadriplegic cerebral palsy; gastrostomy fed", "Duchenne muscular dystrophy",
                  "Spina bifida (wheelchair user)", "Rett syndrome; scoliosis"]
LEGAL = ["None", "Child in need (s17)", "No order", "Child protection plan (neglect)"]
LEGAL_LAC = ["Looked after - s20", "Care order (s31)", "Interim care order", "Looked after - s20 (voluntary)"]
LEGAL_CL = ["Care leaver (former relevant child)", "Care leaver - s20 until 18"]
LEGAL_PF = ["Privately fostered (s66 Children Act 1989)", "Privately fostered; child in need (s17)"]
AGE_TEXT_YEARS = ["about {a}", "{a} years", "approx. {a}", "{a} yrs", "{a} (estimated)", "{a}", "around {a}", "{a} years old"]

ROLE_AGENCIES = [
    ("Health Visitor", "Health Visiting, {town} 0-19 Service"),
    ("Social Worker", "Children's Social Care - Assessment Team"),
    ("DSL", "{school}"),
    ("GP", "{gp}"),
    ("Community Midwife", "{town} Maternity Services"),
    ("CAMHS Practitioner", "CAMHS"),
    ("Housing Officer", "{town} Housing Options"),
    ("IDVA", "Independent Domestic Violence Advisory Service"),
    ("Youth Justice Worker", "Youth Justice Service"),
    ("Care Coordinator", "Adult Community Mental Health Team"),
    ("Recovery Worker", "Adult Drug and Alcohol Service"),
    ("Paediatrician", "Community Paediatrics"),
    ("Police", "{police}"),
    ("Early Help Worker", "Early Help - Family Support"),
]

ITYPE_BY_SLOT = ["death", "serious_harm", "lac_death", "care_leaver_death", "other", "serious_harm"]
CHILDREN_BY_SLOT = [2, 1, 1, 1, 2, 3]



@dataclass
class Q:
    key: str                 # canonical key (see p32_senders) or "decoy"
    label: str
    kind: str                # text | date | choice | address | long
    text: str = ""           # typed text (text, date); for a choice the chosen option word
    lines: list = field(default_factory=list)
    paras: list = field(default_factory=list)
    options: list = field(default_factory=list)
    chosen: object = None    # index into options, or None
    date: object = None      # the date typed (kind date), or None
    child: object = None
    decoy: bool = False
    yn: bool = False         # a yes / no / third choice (decoys too)
    note: str = ""           # blank / filler / alt / third / age ... (analysis only)

    def shown(self):
        """The answer as one string (choices: the chosen word; '' when nothing)."""
        if self.kind == "choice":
            return "" if self.chosen is None else self.options[self.chosen]
        if self.kind == "address":
            return ", ".join(self.lines)
        if self.kind == "long":
            return "\n\n".join(self.paras)
        return self.text

    def is_blank(self):
        if self.kind == "choice":
            return self.chosen is None
        if self.kind == "address":
            return not self.lines
        if self.kind == "long":
            return not self.paras
        return not self.text.strip()


@dataclass
class Section:
    key: str                 # referral referrer lead child incident criteria panel agencies concerns records
    title: str
    items: list
    child: object = None     # child index for child sections
    nchildren: int = 1


@dataclass
class Agencies:
    label: str
    cols: list               # [(colkey, title)]
    rows: list               # [{colkey: text}]


@dataclass
class Case:
    sender: dict
    n: int
    sections: list
    agencies: Agencies
    nchildren: int
    referral_date: object
    notes: dict
    curly: bool = False

    def all_items(self):
        for s in self.sections:
            for q in s.items:
                yield s, q


# ----------------------------------------------------------------------------------------------- record

def _phone(s):
    s = s.strip()
    lead = "+" if s.startswith("+") else ""
    return lead + re.sub(r"\D", "", s)


def _text_value(q):
    t = q.text.strip()
    if not t or t in FILLERS:
        return None
    return t


def yn_value(q):
    if q.chosen is None:
        return None
    return [True, False, None][q.chosen]


def record_of(case):
    rec = {
        "form": "referral",
        "date_of_referral": None,
        "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
        "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None,
                              "discussed": None},
        "children": [],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None,
        "date_panel_notified": None,
        "agencies_involved": [],
        "immediate_concerns": None,
    }
    kids = [dict(name=None, other_names=None, dob=None, age=None, gender=None, ethnicity=None, address=None,
                 school=None, gp=None, legal_status=None, cp_plan=None, open_to_csc=None, looked_after=None,
                 disability=None, date_of_death=None) for _ in range(case.nchildren)]
    split = [dict() for _ in range(case.nchildren)]
    person_map = {"referrer": rec["referrer"], "lead": rec["safeguarding_lead"]}
    for _sec, q in case.all_items():
        if q.decoy or q.key == "incident.other":
            continue
        k = q.key
        if q.kind == "date":
            v = q.date if (q.date is not None and q.text.strip() and q.text.strip() not in FILLERS) else None
            v = v.isoformat() if v else None
        elif q.kind == "address":
            v = ", ".join(q.lines) if q.lines else None
        elif q.kind == "long":
            v = "\n\n".join(" ".join(p.split()) for p in q.paras) if q.paras else None
        elif q.kind == "choice":
            if q.chosen is None:
                v = None
            elif k == "child.gender":
                v = ["female", "male", "other"][q.chosen]
            elif k == "incident.type":
                v = ITYPE_KEYS[q.chosen]
            else:
                v = [True, False, None][q.chosen]
        else:
            v = _text_value(q)
        head, _, tail = k.partition(".")
        if head in person_map:
            if v is not None and tail == "email":
                v = v.lower()
            if v is not None and tail == "phone":
                v = _phone(v)
            person_map[head][tail] = v
        elif head == "child":
            c = q.child
            if tail in ("forename", "surname"):
                split[c][tail] = v
            else:
                kids[c][tail] = v
        elif k == "date_of_referral":
            rec["date_of_referral"] = v
        elif head == "incident":
            name = {"date": "date", "date_la_aware": "date_la_aware", "location": "location", "type": "type",
                    "summary": "summary", "police": "police_involved"}[tail]
            rec["incident"][name] = v
        elif head == "crit":
            name = {"died": "died_or_seriously_harmed", "abuse": "abuse_or_neglect_suspected",
                    "local": "local_connection", "learning": "multi_agency_learning", "reason": "reason"}[tail]
            rec["criteria"][name] = v
        elif k == "panel.notified":
            rec["panel_notified"] = v
        elif k == "panel.date":
            rec["date_panel_notified"] = v
        elif k == "concerns":
            rec["immediate_concerns"] = v
        else:
            raise KeyError(k)
    for c in range(case.nchildren):
        if split[c]:
            parts = [p for p in (split[c].get("forename"), split[c].get("surname")) if p]
            kids[c]["name"] = " ".join(parts) if parts else None
    rec["children"] = kids
    for row in case.agencies.rows:
        def cell(key):
            t = (row.get(key) or "").strip()
            return None if (not t or t in FILLERS) else t
        entry = {"name": cell("name"), "agency": cell("agency"), "contact": cell("contact")}
        if any(entry.values()):
            rec["agencies_involved"].append(entry)
    return rec


# ----------------------------------------------------------------------------------------------- helpers

def strip_title(name):
    """A user account name as Word records it: the name without a rank or title."""
    parts = name.split()
    while parts and parts[0].rstrip(".") in ("DC", "PC", "DS", "DI", "PSI", "Dr", "Mr", "Ms", "Mrs", "Miss"):
        parts = parts[1:]
    return " ".join(parts) if parts else name


def curl(s):
    """Word's AutoFormat-as-you-type: straight apostrophes become right single quotes."""
    return s.replace("'", "\u2019")


def make_phone(rng, prefix):
    if prefix.startswith("07700"):
        return f"07700 900{rng.randint(0, 899):03d}"
    if prefix.startswith("01632"):
        return f"01632 960{rng.randint(0, 899):03d}"
    return f"{prefix}{rng.randint(0, 899):03d}"


def phone_typed(rng, number):
    """How a phone number is typed: as is, without spaces, with brackets, or +44."""
    r = rng.random()
    digits = number.replace(" ", "")
    if r < 0.55:
        return number
    if r < 0.7:
        return digits
    if r < 0.82 and not digits.startswith("07"):
        area, _, rest = number.partition(" ")
        return f"({area}) {rest}"
    if r < 0.92:
        return "+44 " + number[1:]
    return digits[:5] + " " + digits[5:]


def email_for(rng, first, last, domain):
    first = re.sub(r"[^A-Za-z]", "", first)
    last = re.sub(r"[^A-Za-z]", "", last)
    style = rng.randint(0, 3)
    if style == 0:
        local = f"{first}.{last}"
    elif style == 1:
        local = f"{first[0]}.{last}"
    elif style == 2:
        local = f"{first}.{last}{rng.randint(1, 9)}"
    else:
        local = f"{first}{last}"
    local = local.lower()
    if rng.random() < 0.22:   # typed with capitals
        local = local[0].upper() + local[1:]
        if "." in local:
            a, b = local.split(".", 1)
            local = a + "." + b[:1].upper() + b[1:]
    return f"{local}@{domain}"


def ref_from(rng, pattern):
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "A":
            out.append(chr(ord("A") + rng.randint(0, 25)))
        else:
            out.append(ch)
    return "".join(out)


def nhs_number(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        s = sum((10 - i) * x for i, x in enumerate(d))
        check = 11 - s % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        n = "".join(map(str, d)) + str(check)
        return f"{n[:3]} {n[3:6]} {n[6:]}"


def add_days(d, n):
    return d + dt.timedelta(days=n)


def postcode(rng, area):
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def address_lines(rng, sender, town=None):
    town = town or rng.choice(sender["towns"])
    r = rng.random()
    street = rng.choice(STREETS)
    if r < 0.25:
        first = [f"Flat {rng.randint(1, 24)}, {rng.choice(BLOCKS)}", f"{rng.randint(2, 120)} {street}"]
    elif r < 0.35:
        first = [f"{rng.randint(1, 40)}{rng.choice('AB')} {street}"]
    else:
        first = [f"{rng.randint(1, 180)} {street}"]
    lines = first + [town, postcode(rng, sender["postcode"])]
    if rng.random() < 0.2 and town == sender["towns"][0]:
        lines.insert(len(first), rng.choice(["Northgate", "Hillside", "Old Town", "Marsh End"]))
    return lines
