"""One case per form: every answer is an Item decided once as the form shows it; the record is read off the items."""
import datetime as dt
import re

from p31_senders import ITYPES

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLERS = ["N/A", "n/a", "-", "Not applicable"]

GIRLS = ["Amelia", "Isla", "Freya", "Maisie", "Ruby", "Zainab", "Aaliyah", "Poppy", "Erin", "Hollie", "Nadia", "Tilly",
         "Keira", "Leah", "Chloe", "Amira", "Skye", "Megan", "Lacey", "Ivy", "Roksana", "Shannon", "Evie", "Darcie"]
BOYS = ["Kai", "Riley", "Mason", "Harvey", "Oscar", "Tyler", "Reuben", "Ibrahim", "Jayden", "Alfie", "Callum", "Kacper",
        "Theo", "Leon", "Bailey", "Ethan", "Yusuf", "Lewis", "Corey", "Finley", "Dominik", "Archie", "Logan", "Jake"]
SURNAMES = ["Whitcombe", "Pellow", "Okonkwo", "Brannigan", "Harker", "Szymanski", "Atherley", "Mbeki", "Rowntree",
            "Castell", "Dunmore", "Featherstone", "Kowalczyk", "Lindqvist", "Ashworth", "Baptiste", "Crowther",
            "Derbyshire", "Haq", "Jennings", "Moorcroft", "Nwosu", "Penhale", "Quigley", "Renshaw", "Stallard",
            "Tennant", "Varley", "Wainwright", "Yildiz", "Farrant", "Gillow"]
ADULT_FIRST = ["Joanne", "Matthew", "Priya", "Gareth", "Helen", "Simon", "Rachel", "Darren", "Fiona", "Andrew",
               "Claire", "Mohammed", "Lisa", "Paul", "Sarah", "Neil", "Karen", "Owen", "Bethan", "Rebecca", "Stuart",
               "Aisha", "Victoria", "Colin", "Natalie", "Graham", "Deborah", "Imran", "Louise", "Martin"]
ADULT_LAST = ["Hargreaves", "Oduya", "Fenwick-Hale", "Marsh", "Pritchard", "Coombes", "Lydiate", "Sandhu", "Thorley",
              "Bramall", "Ellison", "Greaves", "Kirkbride", "Latimer", "Nuttall", "Osei", "Prescott", "Radley",
              "Sowerby", "Trelawny", "Upton", "Whitlock", "Dhillon", "Armitage", "Beckwith", "Cartwright"]
STREETS = ["Larkspur Close", "Mill Lane", "Hawthorn Road", "Victoria Terrace", "Chapel Street", "Westfield Avenue",
           "Beech Grove", "Station Road", "Kestrel Way", "Orchard Rise", "Quarry Bank", "Nelson Street",
           "Rosedale Crescent", "Sycamore Drive", "Canal Side", "Albion Road", "Greenbank Walk", "Priory Lane"]
FLATS = ["Flat 3, Carlton House", "Flat 12, Thornbury Court", "Flat 7, Linnet Mews", "Flat 2B, Weaver Court",
         "Room 4, Albany House"]
ETHNICITIES = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
               "Asian or Asian British - Pakistani", "Black or Black British - African", "White Irish",
               "Mixed - White and Asian", "Asian or Asian British - Bangladeshi", "Gypsy / Roma", "Any other ethnic group",
               "White British", "White British"]
DISABILITY = ["Autism (diagnosed 2022)", "ADHD - on medication", "Global developmental delay", "Asthma",
              "Cerebral palsy; uses a wheelchair", "Learning disability (moderate)", "None known",
              "Born prematurely at 31 weeks", "Anxiety and low mood", "Hearing impairment (bilateral aids)",
              "Epilepsy", "No known disability", "Type 1 diabetes", "EHCP - social, emotional and mental health needs"]
LEGAL = ["Child in need (s17)", "Child protection plan", "Section 20 (accommodated)", "Interim care order",
         "Full care order (s31)", "None", "No order", "Special guardianship order", "Section 20 - with grandparents"]

AGENCY_POOL = [
    ("Health Visiting Service", "0-19 health visitor"), ("Children's Social Care", "Social worker"),
    ("GP practice", "GP"), ("Youth Justice Service", "Case manager"), ("CAMHS", "Clinician"),
    ("School", "Designated safeguarding lead"), ("Police", "Detective constable"),
    ("Housing", "Housing officer"), ("Adult Mental Health Service", "Care coordinator"),
    ("Drug and alcohol service", "Recovery worker"), ("Midwifery", "Safeguarding midwife"),
    ("Early Help", "Family support worker"), ("Domestic abuse service", "IDVA"), ("School nursing", "School nurse"),
    ("Ambulance service", "Paramedic"), ("Probation Service", "Probation officer"),
]


def ordinal(d):
    return "%d%s" % (d, "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def fmt_date(d, style):
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "d_m_y":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "d_month_y":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "d_mon_y":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "dth_month_y":
        return "%s %s %d" % (ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    raise ValueError(style)


ALL_STYLES = ["dmy_slash", "d_m_y", "d_month_y", "d_mon_y", "dmy_dot", "dth_month_y", "dmy_dash"]


def fmt_phone(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return "0%d 496 0%03d" % (rng.choice([113, 114, 115, 116, 117, 118, 121, 131, 141, 151, 161]), rng.randrange(1000))
    if kind == 1:
        return "07700 900%03d" % rng.randrange(1000)
    if kind == 2:
        return "01632 960%03d" % rng.randrange(1000)
    return "0%d 4960%03d" % (rng.choice([113, 114, 117, 118, 161]), rng.randrange(1000))


def digits(s):
    return re.sub(r"[^0-9+]", "", s)


class Item:
    """One question as the form shows it."""

    def __init__(self, key, label, kind, shown="", path=None, value=None, options=None, choice=None,
                 lines=None, paras=None, decoy=False, note=None):
        self.key, self.label, self.kind = key, label, kind
        self.shown = shown            # typed text ('' = blank)
        self.path, self.value = path, value
        self.options, self.choice = options, choice   # choice kinds: index into options, None = nothing chosen
        self.lines = lines            # address lines (display)
        self.paras = paras            # long answers: paragraphs
        self.decoy = decoy
        self.note = note

    @property
    def is_choice(self):
        return self.options is not None

    def typed(self):
        """The answer as typed text (typed layouts)."""
        if self.is_choice:
            return "" if self.choice is None else self.options[self.choice]
        if self.paras:
            return "\n\n".join(self.paras)
        if self.lines:
            return "\n".join(self.lines)
        return self.shown


def empty_record():
    person = {"name": None, "role": None, "agency": None, "email": None, "phone": None}
    return {"form": "referral", "date_of_referral": None, "referrer": dict(person),
            "safeguarding_lead": dict(person, discussed=None), "children": [],
            "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                         "police_involved": None},
            "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                         "multi_agency_learning": None, "reason": None},
            "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}


def empty_child():
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}


class Case:
    """Everything one form says: sections of items, children, agencies."""

    def __init__(self, sender):
        self.sender = sender
        self.sections = []     # (skey, title, [Item])
        self.children = []     # [ (title, [Item]) ]
        self.agency_cols = []  # [(field, title)]
        self.agency_rows = []  # [dict field -> str]
        self.declaration = []  # [(label, value)]
        self.notes = {}

    def all_items(self):
        for _, _, items in self.sections:
            yield from items
        for _, items in self.children:
            yield from items

    def record(self):
        rec = empty_record()
        rec["children"] = [empty_child() for _ in self.children]
        names = {}
        for it in self.all_items():
            if it.decoy or it.path is None:
                continue
            m = re.match(r"children\[(\d+)\]\.name#(given|family)$", it.path)
            if m:
                names.setdefault(int(m.group(1)), {})[m.group(2)] = it.value
                continue
            set_path(rec, it.path, it.value)
        for i, parts in names.items():
            g, f = parts.get("given"), parts.get("family")
            rec["children"][i]["name"] = " ".join(p for p in (g, f) if p) or None
        for row in self.agency_rows:
            rec["agencies_involved"].append({
                "name": none_if_empty(row.get("name")), "agency": none_if_empty(row.get("agency")),
                "contact": none_if_empty(row.get("contact"))})
        return rec


def none_if_empty(s):
    if s is None:
        return None
    s = s.strip()
    return None if s in ("", "-") or s in FILLERS else s


def set_path(rec, path, value):
    cur = rec
    parts = re.findall(r"[a-z_]+|\[\d+\]", path)
    for i, p in enumerate(parts):
        last = i == len(parts) - 1
        if p.startswith("["):
            idx = int(p[1:-1])
            if last:
                cur[idx] = value
            else:
                cur = cur[idx]
        else:
            if last:
                cur[p] = value
            else:
                cur = cur[p]
