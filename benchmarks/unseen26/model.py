"""Invented case data for unseen26: one case = what the form says (display values per field)
plus the canonical record the truth file holds.  Everything is derived from one seeded
random.Random, so the same form number and seed always give the same case."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from senders import SENDERS

# --------------------------------------------------------------------------------- dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
DOW = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DOW3 = [d[:3] for d in DOW]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d: dt.date, style: str) -> str:
    dd, mm, yy = d.day, d.month, d.year
    if style == "DD-MON-YYYY":
        return f"{dd:02d}-{MON3[mm-1].upper()}-{yy}"
    if style == "d Mon yy":
        return f"{dd} {MON3[mm-1]} {yy % 100:02d}"
    if style == "dd Month yyyy":
        return f"{dd:02d} {MONTHS[mm-1]} {yy}"
    if style == "d-m-yyyy":
        return f"{dd}-{mm}-{yy}"
    if style == "Dow dd/mm/yyyy":
        return f"{DOW3[d.weekday()]} {dd:02d}/{mm:02d}/{yy}"
    if style == "Dow, d Month yyyy":
        return f"{DOW[d.weekday()]}, {dd} {MONTHS[mm-1]} {yy}"
    if style == "dth Mon 'yy":
        return f"{ordinal(dd)} {MON3[mm-1]} '{yy % 100:02d}"
    if style == "dd/Mon/yyyy":
        return f"{dd:02d}/{MON3[mm-1]}/{yy}"
    if style == "dd/mm/yyyy":
        return f"{dd:02d}/{mm:02d}/{yy}"
    if style == "d Month yyyy":
        return f"{dd} {MONTHS[mm-1]} {yy}"
    if style == "d/m/yyyy":
        return f"{dd}/{mm}/{yy}"
    if style == "dd-mm-yyyy":
        return f"{dd:02d}-{mm:02d}-{yy}"
    if style == "iso":
        return d.isoformat()
    if style == "dd.mm.yyyy":
        return f"{dd:02d}.{mm:02d}.{yy}"
    raise ValueError(style)


ALT_STYLES = ["dd/mm/yyyy", "d Month yyyy", "d/m/yyyy"]
ALL_STYLES = ["DD-MON-YYYY", "d Mon yy", "dd Month yyyy", "d-m-yyyy", "Dow dd/mm/yyyy", "Dow, d Month yyyy",
              "dth Mon 'yy", "dd/Mon/yyyy", "dd/mm/yyyy", "d Month yyyy", "d/m/yyyy", "dd-mm-yyyy", "iso",
              "dd.mm.yyyy"]

FILLERS = ["N/A", "n/a", "-", "Not applicable"]

# --------------------------------------------------------------------------------- people
GIRLS = ["Maya", "Amelia", "Zara", "Isla", "Freya", "Aisha", "Lily", "Ruby", "Evie", "Hafsa", "Niamh", "Poppy",
         "Sienna", "Leah", "Chloe", "Amira", "Erin", "Jessica", "Olivia", "Summer", "Ayesha", "Kacey", "Maisie",
         "Nadia", "Orla", "Roksana", "Tia", "Wiktoria", "Esme", "Faith", "Harper", "Imani", "Keira", "Lacey"]
BOYS = ["Leo", "Oliver", "Ethan", "Mohammed", "Kai", "Jayden", "Harley", "Riley", "Aaron", "Bilal", "Callum",
        "Dylan", "Finley", "Hamza", "Jacob", "Kian", "Logan", "Mason", "Noah", "Oskar", "Reuben", "Tyler",
        "Yusuf", "Zak", "Alfie", "Brandon", "Corey", "Declan", "Ellis", "Jenson", "Kyle", "Marcus", "Ronan"]
NONBIN = ["Alex", "Sam", "Charlie", "Robin", "Jordan", "Rowan", "Ash"]
SURNAMES = ["Thompson", "Khan", "Wilson", "Ahmed", "Walsh", "Kowalski", "Okafor", "Hughes", "Begum", "Patel",
            "Murphy", "Nowak", "Clarke", "Hussain", "Doyle", "Fletcher", "Mensah", "Richardson", "Ali", "Gallagher",
            "Price", "Brennan", "Adeyemi", "Chapman", "Iqbal", "Lowe", "Marshall", "O'Neill", "Parkinson", "Quinn",
            "Rahman", "Stewart", "Tanner", "Varga", "Webb", "Yildiz", "Bailey-Hart", "Cartwright", "Dunmore",
            "Ellison", "Farrow", "Grimshaw", "Holroyd", "Jarvis", "Kaur", "Lindqvist", "McAllister", "Nwosu"]
ADULT_FIRST = ["Sarah", "Claire", "Joanne", "Priya", "Rachel", "Helen", "Nicola", "Fatima", "Gemma", "Louise",
               "Mark", "David", "Imran", "Gareth", "Paul", "Steven", "Andrew", "Tomasz", "Kwame", "Rob", "Lindsay",
               "Deborah", "Shabana", "Karen", "Martin", "Neil", "Beverley", "Hannah", "Sunita", "Colin", "Anya",
               "Bernadette", "Dominic", "Elaine", "Fiona", "Graham", "Isobel", "Jonathan", "Kirsty", "Lewis"]
ETHNICITIES = ["White British", "White British", "White British", "Mixed White and Black Caribbean", "Pakistani",
               "Any other White background (Polish)", "Black African", "Bangladeshi", "Gypsy / Roma",
               "White Irish", "Indian", "Mixed White and Asian", "Chinese", "Arab", "Black Caribbean",
               "Any other mixed background", "White and Black African"]
STREETS = ["Oak Street", "Cross Lane", "Victoria Road", "Mill Close", "Church View", "Station Road", "Elm Grove",
           "Hawthorn Avenue", "Quarry Bank", "Parkside Walk", "Wesley Terrace", "Canal Street", "Moor Lane",
           "Tannery Row", "Beech Drive", "Foundry Court", "Primrose Hill", "Sandfield Road", "Union Street"]
HOUSES = ["Calder House", "Priory Court", "Kestrel House", "Ashby Court", "Lime Tree House", "Mercer Court"]
LOCALITIES = ["Eastfields", "Lowmoor", "Westbrook", "Hill Top", "Southgate", "Northcliffe", "Brampton", "Newby"]
SCHOOL_NAMES = ["St Anne's", "Hillside", "Meadowbank", "Greenfield", "Holy Trinity", "Riverside", "Oakwood",
                "Park View", "Beacon", "Westfield", "Castle Hill", "Longmead", "Sandhill", "All Saints"]
GP_NAMES = ["Riverside Medical Centre", "Park Lane Surgery", "The Grange Medical Practice", "Dr Okoro and Partners",
            "Eastfields Health Centre", "Market Street Surgery", "Lowmoor Family Practice", "Beacon Medical Group"]
LEGAL = ["None", "CIN (s17)", "Section 20 (accommodated)", "Interim care order", "Care order (s31)",
         "Child arrangements order", "Subject to a CP plan", "Special guardianship order", "No orders"]
DISABILITY = ["None known", "Autism (diagnosed 2023)", "ADHD", "Global developmental delay", "Asthma",
              "Speech and language delay", "Cerebral palsy", "Type 1 diabetes", "Epilepsy", "Learning disability",
              "Anxiety; awaiting CAMHS assessment", "Hearing impairment", "No additional needs"]
NICKNAMES = {"Maya": "May", "Amelia": "Millie", "Oliver": "Ollie", "Mohammed": "Mo", "Jacob": "Jake",
             "Alfie": "Alf", "Jessica": "Jess", "Olivia": "Liv", "Callum": "Cal", "Dylan": "Dyl",
             "Marcus": "Marc", "Wiktoria": "Vicky", "Roksana": "Roxy", "Declan": "Dec", "Isla": "Izzy",
             "Freya": "Frey", "Nadia": "Nads", "Summer": "Sum", "Kacey": "Kace", "Brandon": "Bran",
             "Finley": "Finn", "Logan": "Lo", "Reuben": "Reub", "Tyler": "Ty", "Zak": "Zakky", "Alex": "Lex",
             "Samuel": "Sam", "Charlie": "Chaz", "Jordan": "Jordy", "Harley": "Harls", "Kai": "KJ",
             "Ellis": "El", "Maisie": "Mais", "Esme": "Ez", "Harper": "Harps", "Jenson": "Jens", "Mason": "Mase"}

AGENCY_POOL = [
    ("Health Visitor", "{town} 0-19 Health Visiting Team", "phone"),
    ("School Nurse", "{town} School Nursing Service", "email"),
    ("Social Worker", "{town} Children's Social Care - Assessment Team", "phone"),
    ("DC", "{town} Police - Child Abuse Investigation Team", "phone"),
    ("DSL", "{school}", "phone"),
    ("GP", "{gp}", "phone"),
    ("Family Support Worker", "{town} Early Help Service", "email"),
    ("Midwife", "{town} Hospitals NHS Trust - Community Midwifery", "phone"),
    ("Youth Justice Worker", "{town} Youth Justice Service", "email"),
    ("CAMHS Practitioner", "{town} CAMHS", "phone"),
    ("Housing Officer", "{town} Housing Options", "email"),
    ("Paediatrician", "{town} General Hospital, Paediatrics", "phone"),
    ("IDVA", "{town} Domestic Abuse Service", "phone"),
    ("Probation Officer", "Probation Service - {town} PDU", "email"),
]
TEAM_ONLY = ["{town} MASH", "{town} Children's Social Care - Front Door", "{town} Police - MASH desk",
             "{town} Community Paediatrics", "{town} Virtual School", "{town} Youth Service"]


@dataclass
class FV:
    """One answer on a form: what is shown and what the truth records."""
    kind: str                      # text | date | lines | paras | choice
    display: object = None         # str, list[str] or None (blank)
    truth: object = None
    filler: str | None = None      # a filler token shown instead of an answer (truth null)
    options: list | None = None    # choice: option words
    chosen: int | None = None      # choice: index of the chosen option
    details: str | None = None     # incident type 'other': the details written after it
    alt: bool = False              # a date typed in another style

    @property
    def blank(self) -> bool:
        return self.filler is None and (self.display in (None, "", []) and (self.kind != "choice" or self.chosen is None))

    def text(self, sep_lines: str = "\n") -> str:
        """The answer as typed text ('' when blank)."""
        if self.filler is not None:
            return self.filler
        if self.kind == "choice":
            if self.chosen is None:
                return ""
            return self.options[self.chosen]
        if self.display is None:
            return ""
        if self.kind == "lines":
            return sep_lines.join(self.display)
        if self.kind == "paras":
            return "\n\n".join(self.display)
        return str(self.display)

    def lines(self) -> list[str]:
        if self.filler is not None:
            return [self.filler]
        if self.display is None:
            return []
        if self.kind in ("lines", "paras"):
            return list(self.display)
        return [self.text()]


YESNO_KEYS = {"lead.discussed", "c.cp_plan", "c.open_to_csc", "c.looked_after", "inc.police", "crit.died",
              "crit.abuse", "crit.local", "crit.learning", "panel"}
DATE_KEYS = {"date_of_referral", "c.dob", "c.date_of_death", "inc.date", "inc.date_la_aware", "panel_date"}

SECTION_KEYS = {
    "ref": ["date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.email", "ref.phone"],
    "lead": ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"],
    "child": ["c.name", "c.first", "c.last", "c.other_names", "c.dob", "c.age", "c.gender", "c.ethnicity",
              "c.address", "c.school", "c.gp", "c.legal_status", "c.cp_plan", "c.open_to_csc", "c.looked_after",
              "c.disability", "c.date_of_death"],
    "incident": ["inc.date", "inc.date_la_aware", "inc.location", "inc.type", "inc.summary", "inc.police"],
    "criteria": ["crit.died", "crit.abuse", "crit.local", "crit.learning", "crit.reason"],
    "panel": ["panel", "panel_date"],
    "concerns": ["concerns"],
}


def child_keys(sender: dict) -> list[str]:
    keys = [k for k in SECTION_KEYS["child"] if k in sender["labels"]]
    if sender.get("split") == "last_first":
        keys = [k for k in keys if k not in ("c.first", "c.last")]
        keys = ["c.last", "c.first"] + keys
    return keys


def section_keys(sender: dict, section: str) -> list[str]:
    if section == "child":
        return child_keys(sender)
    return [k for k in SECTION_KEYS[section] if k in sender["labels"]]


class Case:
    def __init__(self, sender_key: str, rng, n_children: int, layout: str):
        self.s = SENDERS[sender_key]
        self.sender_key = sender_key
        self.rng = rng
        self.layout = layout
        self.fields: dict[str, FV] = {}
        self.children: list[dict[str, FV]] = []
        self.child_decoys: list[list[tuple[str, FV]]] = []
        self.agencies: list[dict] = []
        self.decoys: list[tuple[str, str]] = []
        self.notes: dict = {"sender": sender_key, "alt_dates": 0, "blanks": 0, "fillers": 0, "third_option": 0,
                            "decoys": [], "ages": 0}
        self._used_names: set[str] = set()
        self.family_surname = rng.choice(SURNAMES)
        self._build(n_children)

    # ------------------------------------------------------------------ helpers
    def asked(self, key: str) -> bool:
        return key in self.s["labels"]

    def label(self, key: str) -> str:
        return self.s["labels"][key]

    def person_name(self) -> str:
        r = self.rng
        while True:
            sn = r.choice(SURNAMES)
            n = f"{r.choice(ADULT_FIRST)} {sn}"
            if n not in self._used_names and sn != self.family_surname:
                self._used_names.add(n)
                return n

    def phone(self, prefixes=None) -> str:
        r = self.rng
        avoid = {self.s["p_phone"], "0113 496 0999", "0113 496 0998", "0113 496 0997"}
        while True:
            p = r.choice(prefixes or self.s["phone_prefixes"])
            num = p + f"{r.randrange(1, 996):03d}"
            if num not in avoid:
                return num

    def phone_display(self, ph: str) -> str:
        r = self.rng.random()
        digits = ph.replace(" ", "")
        if r < 0.12 and digits.startswith("0"):
            rest = ph[1:]
            return "+44 " + rest
        if r < 0.2:
            return digits
        return ph

    def email_for(self, name: str, domain: str) -> str:
        first, last = name.split(" ", 1)
        last = re.sub(r"[^A-Za-z]", "", last)
        style = self.rng.random()
        if style < 0.6:
            local = f"{first}.{last}"
        elif style < 0.8:
            local = f"{first[0]}{last}"
        else:
            local = f"{first}.{last}{self.rng.randrange(1, 9)}"
        addr = f"{local}@{domain}"
        if self.rng.random() < 0.3:
            return addr  # typed with capitals as the name is spelt
        return addr.lower()

    def date_fv(self, d: dt.date | None, dob: bool = False) -> FV:
        if d is None:
            return self.blank_fv("date")
        style = self.s["dob_style"] if dob else self.s["date_style"]
        alt = False
        if not dob and self.rng.random() < 1 / 7:
            style = self.rng.choice([x for x in ALT_STYLES if x != self.s["date_style"]])
            alt = True
            self.notes["alt_dates"] += 1
        return FV("date", fmt_date(d, style), d.isoformat(), alt=alt)

    def blank_fv(self, kind: str, filler_ok: bool = True) -> FV:
        if filler_ok and self.rng.random() < 0.35:
            self.notes["fillers"] += 1
            return FV(kind, None, None, filler=self.rng.choice(FILLERS))
        self.notes["blanks"] += 1
        return FV(kind, None, None)

    def text_fv(self, value: str | None, truth: str | None = None, p_blank: float = 0.0) -> FV:
        if value is None or self.rng.random() < p_blank:
            return self.blank_fv("text")
        return FV("text", value, value if truth is None else truth)

    def yesno_fv(self, p_yes: float = 0.5, p_third: float = 0.12, p_blank: float = 0.05, force=None) -> FV:
        s = self.s
        opts = [s["yes"], s["no"], s["third"]]
        r = self.rng.random()
        if force is not None:
            chosen = {True: 0, False: 1, None: 2}[force]
        elif r < p_blank:
            self.notes["blanks"] += 1
            return FV("choice", None, None, options=opts, chosen=None)
        elif r < p_blank + p_third:
            chosen = 2
        else:
            chosen = 0 if self.rng.random() < p_yes else 1
        if chosen == 2:
            self.notes["third_option"] += 1
        truth = {0: True, 1: False, 2: None}[chosen]
        return FV("choice", None, truth, options=opts, chosen=chosen)

    # ------------------------------------------------------------------ the case
    def _build(self, n_children: int) -> None:
        r = self.rng
        s = self.s
        town = s["town"]
        # ---------- incident type and dates
        itype = r.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other", None],
                          weights=[38, 15, 12, 6, 21, 8])[0]
        if itype == "care_leaver_death":
            n_children = 1
        self.itype = itype
        inc_date = dt.date(2025, 9, 1) + dt.timedelta(days=r.randrange(0, 170))
        la_aware = inc_date + dt.timedelta(days=r.choice([0, 0, 1, 1, 2, 3, 4]))
        referral = la_aware + dt.timedelta(days=r.randrange(1, 12))
        self.dates = {"inc": inc_date, "la": la_aware, "ref": referral}

        # ---------- referrer and lead
        f = self.fields
        f["date_of_referral"] = self.date_fv(referral) if r.random() > 0.03 else self.blank_fv("date")
        rname = self.person_name()
        if self.sender_key == "brookfield_cdc" and r.random() < 0.6:
            rname = "Dr " + rname
        f["ref.name"] = FV("text", rname, rname)
        f["ref.role"] = self.text_fv(r.choice(s["ref_roles"]), p_blank=0.04)
        f["ref.agency"] = self.text_fv(r.choice(s["ref_agency"]), p_blank=0.04)
        em = self.email_for(rname.replace("Dr ", ""), s["domain"])
        f["ref.email"] = self.text_fv(em, em.lower(), p_blank=0.05)
        ph = self.phone()
        f["ref.phone"] = self.text_fv(self.phone_display(ph), ph.replace(" ", ""), p_blank=0.05)
        if f["ref.phone"].display and f["ref.phone"].display.startswith("+44"):
            f["ref.phone"].truth = "+44" + ph.replace(" ", "")[1:]

        lname = self.person_name()
        if self.sender_key == "brookfield_cdc":
            lname = "Dr " + lname
        f["lead.name"] = self.text_fv(lname, p_blank=0.05)
        f["lead.role"] = self.text_fv(r.choice(s["lead_roles"]), p_blank=0.1)
        f["lead.agency"] = self.text_fv(r.choice(s["lead_agency"]), p_blank=0.12)
        lem = self.email_for(lname.replace("Dr ", ""), s["domain"])
        f["lead.email"] = self.text_fv(lem, lem.lower(), p_blank=0.12)
        lph = self.phone()
        f["lead.phone"] = self.text_fv(self.phone_display(lph), lph.replace(" ", ""), p_blank=0.15)
        if f["lead.phone"].display and f["lead.phone"].display.startswith("+44"):
            f["lead.phone"].truth = "+44" + lph.replace(" ", "")[1:]
        f["lead.discussed"] = self.yesno_fv(p_yes=0.85, p_third=0.06)

        # ---------- children
        self._build_children(n_children, itype, inc_date)

        # ---------- incident
        f["inc.date"] = self.date_fv(inc_date) if r.random() > 0.04 else self.blank_fv("date")
        f["inc.date_la_aware"] = self.date_fv(la_aware) if r.random() > 0.06 else self.blank_fv("date")
        loc = r.choice(s["locations"])
        f["inc.location"] = self.text_fv(loc, p_blank=0.06)
        opts = [w for w, _ in s["itypes"]]
        if itype is None:
            f["inc.type"] = FV("choice", None, None, options=opts, chosen=None)
            self.notes["blanks"] += 1
        else:
            idx = [t for _, t in s["itypes"]].index(itype)
            details = None
            if itype == "other" and r.random() < 0.85:
                details = r.choice(s["others"])
            f["inc.type"] = FV("choice", None, itype, options=opts, chosen=idx, details=details)
        f["inc.summary"] = FV("paras", self.summary(itype, loc), None)
        f["inc.summary"].truth = "\n\n".join(f["inc.summary"].display)
        f["inc.police"] = self.yesno_fv(p_yes=0.7, p_third=0.1)

        # ---------- criteria
        died = itype in ("death", "lac_death", "care_leaver_death", "serious_harm")
        f["crit.died"] = self.yesno_fv(p_yes=0.9 if died else 0.35, p_third=0.08)
        f["crit.abuse"] = self.yesno_fv(p_yes=0.75, p_third=0.15)
        f["crit.local"] = self.yesno_fv(p_yes=0.9, p_third=0.06)
        f["crit.learning"] = self.yesno_fv(p_yes=0.85, p_third=0.1)
        reason = self.reason(itype)
        f["crit.reason"] = FV("text", reason, reason) if r.random() > 0.05 else self.blank_fv("text")

        # ---------- panel
        pv = self.yesno_fv(p_yes=0.45, p_third=0.15, p_blank=0.08)
        f["panel"] = pv
        if pv.truth is True and r.random() < 0.8:
            f["panel_date"] = self.date_fv(la_aware + dt.timedelta(days=r.randrange(1, 6)))
        else:
            f["panel_date"] = self.blank_fv("date")

        # ---------- concerns
        conc = self.concerns()
        f["concerns"] = FV("text", conc, conc) if r.random() > 0.08 else self.blank_fv("text")

        # ---------- agencies
        self._build_agencies()

        # ---------- decoys
        for label, kind in s["decoys"]:
            self.decoys.append((label, self.decoy_value(kind)))
        self.notes["decoys"] = [f"{a}={b}" for a, b in self.decoys]

        # drop fields the sender does not ask
        for k in list(f):
            if not self.asked(k):
                del f[k]
        for ch in self.children:
            for k in list(ch):
                if not self.asked(k):
                    del ch[k]

    # ------------------------------------------------------------------ children
    def _build_children(self, n: int, itype, inc_date: dt.date) -> None:
        r = self.rng
        s = self.s
        lo, hi = s["age_range"]
        surname = self.family_surname
        caps = r.random() < s.get("surname_caps", 0)
        street = f"{r.randrange(1, 140)} {r.choice(STREETS)}"
        lines = [street]
        if r.random() < 0.25:
            lines = [f"Flat {r.randrange(1, 30)}, {r.choice(HOUSES)}", street]
        if r.random() < 0.5:
            lines.append(r.choice(LOCALITIES))
        lines.append(s["town"])
        lines.append(f"{s['postcode_area']}{r.randrange(1, 20)} {r.randrange(1, 10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                     f"{r.choice('ABDEFGHJLNPQRSTUWXYZ')}")
        home_address = lines
        gp = r.choice(GP_NAMES)
        eth = r.choice(ETHNICITIES)
        legal = r.choice(LEGAL)
        twins = n >= 2 and r.random() < 0.15
        shared_yn = {k: (r.random() < 0.75) for k in ("c.cp_plan", "c.open_to_csc", "c.looked_after")}
        base_yn = {}
        ages = []
        for i in range(n):
            if itype == "care_leaver_death":
                age = r.randrange(18, 24)
            elif twins and i == 1:
                age = ages[0]
            else:
                age = r.randrange(lo, hi + 1)
            ages.append(age)
        ages.sort(reverse=True)
        used_first = set()
        first_dob = None
        for i in range(n):
            ch: dict[str, FV] = {}
            g = r.choices(["female", "male", "other"], weights=[47, 47, 6])[0]
            if len(s["gender"]) == 2 and g == "other":
                g = r.choice(["female", "male"])
            pool = {"female": GIRLS, "male": BOYS, "other": NONBIN}[g]
            first = r.choice([x for x in pool if x not in used_first])
            used_first.add(first)
            last = surname if (i == 0 or (twins and i == 1) or r.random() < 0.85) else \
                r.choice([x for x in SURNAMES if x != surname])
            last_disp = last.upper() if caps else last
            full = f"{first} {last_disp}"
            if "c.name" in s["labels"]:
                ch["c.name"] = FV("text", full, full)
            ch["c.first"] = FV("text", first, first)
            ch["c.last"] = FV("text", last_disp, last_disp)
            ch["_full"] = FV("text", full, full)
            # other names
            if r.random() < 0.35:
                # a short form of the first name, or the name used with a step-parent's surname
                on = NICKNAMES.get(first) or f"{first} {r.choice([x for x in SURNAMES if x != last])}"
                if self.sender_key == "havenrise_refuge":
                    on = f"{r.choice(GIRLS if g == 'female' else BOYS)} {r.choice(SURNAMES)}"
                ch["c.other_names"] = FV("text", on, on)
            else:
                ch["c.other_names"] = self.blank_fv("text")
            # dob / age
            if twins and i == 1 and first_dob is not None:
                dob = first_dob
            else:
                dob = inc_date - dt.timedelta(days=int(ages[i] * 365.25) + r.randrange(20, 340))
            if i == 0:
                first_dob = dob
            give_age = self.asked("c.age") and r.random() < 0.2 and itype != "care_leaver_death"
            if give_age:
                ch["c.dob"] = self.blank_fv("date", filler_ok=r.random() < 0.3)
                age_str = r.choice(["about {a}", "{a}", "{a} years", "approx. {a}", "{a} yrs", "around {a}",
                                    "{a} (stated)"]).format(a=ages[i] if ages[i] > 0 else 1)
                if ages[i] == 0:
                    age_str = r.choice(["9 months", "about 6 months", "11 weeks"])
                ch["c.age"] = FV("text", age_str, age_str)
                self.notes["ages"] += 1
            else:
                if r.random() < 0.04:
                    ch["c.dob"] = self.blank_fv("date")
                else:
                    ch["c.dob"] = self.date_fv(dob, dob=True)
                ch["c.age"] = FV("text", None, None)  # not filled where a DOB is given
            gw = {t: w for w, t in s["gender"]}
            gopts = [w for w, _ in s["gender"]]
            if r.random() < 0.04:
                ch["c.gender"] = FV("choice", None, None, options=gopts, chosen=None)
                self.notes["blanks"] += 1
            else:
                ch["c.gender"] = FV("choice", None, g, options=gopts, chosen=gopts.index(gw[g]))
            ch["c.ethnicity"] = self.text_fv(eth if (i == 0 or r.random() < 0.9) else r.choice(ETHNICITIES),
                                             p_blank=0.06)
            addr = home_address if (i == 0 or r.random() < 0.9) else [
                f"{r.randrange(1, 99)} {r.choice(STREETS)}", s["town"],
                f"{s['postcode_area']}{r.randrange(1, 20)} {r.randrange(1, 10)}QT"]
            if r.random() < 0.05:
                ch["c.address"] = self.blank_fv("lines")
            else:
                ch["c.address"] = FV("lines", list(addr), ", ".join(addr))
            age = ages[i]
            if age < 3:
                school = r.choice(["Little Acorns Day Nursery", "Sunflower Pre-school", "Not yet in nursery",
                                   "Rainbow Childcare Nursery"])
            elif age < 11:
                school = f"{r.choice(SCHOOL_NAMES)} Primary School"
            elif age < 16:
                school = f"{r.choice(SCHOOL_NAMES)} {r.choice(['Academy', 'High School', 'School'])}"
            else:
                school = r.choice([f"{s['town']} College", f"{r.choice(SCHOOL_NAMES)} Sixth Form", "Not in education"])
            if i > 0 and abs(ages[i] - ages[0]) <= 3 and (ages[0] < 11) == (ages[i] < 11) and r.random() < 0.6:
                school = self.children[0]["c.school"].display or school
            ch["c.school"] = self.text_fv(school, p_blank=0.06)
            ch["c.gp"] = self.text_fv(gp if (i == 0 or r.random() < 0.9) else r.choice(GP_NAMES), p_blank=0.07)
            lg = legal if (i == 0 or r.random() < 0.7) else r.choice(LEGAL)
            if itype == "lac_death" and i == 0:
                lg = r.choice(["Care order (s31)", "Section 20 (accommodated)", "Interim care order"])
            ch["c.legal_status"] = self.text_fv(lg, p_blank=0.08)
            in_care = lg in ("Care order (s31)", "Section 20 (accommodated)", "Interim care order")
            consistent = {"c.looked_after": True if in_care else (False if lg in ("None", "No orders") else None),
                          "c.cp_plan": True if lg == "Subject to a CP plan" else None,
                          "c.open_to_csc": True if (in_care or lg in ("CIN (s17)", "Subject to a CP plan")) else None}
            for k, py in (("c.cp_plan", 0.35), ("c.open_to_csc", 0.6), ("c.looked_after", 0.15)):
                want = consistent.get(k)
                if want is not None and self.asked("c.legal_status"):
                    ch[k] = self.yesno_fv(force=want) if r.random() > 0.1 else self.yesno_fv(p_yes=py)
                    if i == 0:
                        base_yn[k] = ch[k]
                    continue
                if i > 0 and shared_yn[k] and k in base_yn:
                    src = base_yn[k]
                    ch[k] = FV("choice", None, src.truth, options=src.options, chosen=src.chosen)
                    if src.chosen == 2:
                        self.notes["third_option"] += 1
                    elif src.chosen is None:
                        self.notes["blanks"] += 1
                else:
                    force = None
                    if k == "c.looked_after" and itype == "lac_death" and i == 0:
                        force = True
                    ch[k] = self.yesno_fv(p_yes=py, p_third=0.12, force=force)
                    if i == 0:
                        base_yn[k] = ch[k]
            dis = r.choice(DISABILITY)
            ch["c.disability"] = self.text_fv(dis, p_blank=0.1)
            if i == 0 and itype in ("death", "lac_death", "care_leaver_death") and r.random() < 0.85:
                dod = inc_date + dt.timedelta(days=r.choice([0, 0, 0, 1, 2]))
                ch["c.date_of_death"] = self.date_fv(dod, dob=True)
            else:
                ch["c.date_of_death"] = self.blank_fv("date", filler_ok=r.random() < 0.6)
            self.children.append(ch)
            # refuge: the address before refuge is asked, not the current address (decoy)
            cds = []
            for label, kind in s.get("child_decoys", []):
                if kind == "prev_address":
                    prev = [f"{r.randrange(1, 200)} {r.choice(STREETS)}", r.choice(LOCALITIES),
                            r.choice(["Harrowgate", "Selbury", "Kingsmere", "Ashworth"]),
                            f"{r.choice(['HX', 'SQ', 'KQ'])}{r.randrange(1, 20)} {r.randrange(1, 10)}LB"]
                    if i > 0 and self.child_decoys:
                        prev = self.child_decoys[0][0][1].display
                    cds.append((label, FV("lines", prev, None)))
            self.child_decoys.append(cds)
        self.notes["children"] = n

    # ------------------------------------------------------------------ agencies
    def _build_agencies(self) -> None:
        r = self.rng
        s = self.s
        n = r.choices([0, 1, 2, 3, 4, 5], weights=[7, 12, 25, 28, 18, 10])[0]
        town = s["town"]
        school = (self.children[0].get("c.school").display if self.children[0].get("c.school") else None) or \
            f"{r.choice(SCHOOL_NAMES)} Primary School"
        gp = (self.children[0].get("c.gp").display if self.children[0].get("c.gp") else None) or r.choice(GP_NAMES)
        pool = list(AGENCY_POOL)
        r.shuffle(pool)
        rows = []
        for i in range(n):
            role, agency, ctype = pool[i]
            agency = agency.format(town=town, school=school, gp=gp)
            if r.random() < 0.28:
                # a row naming no person: a team / service only
                name = None
                if r.random() < 0.4:
                    agency = r.choice(TEAM_ONLY).format(town=town)
                name_disp = r.choice(["", "", "-"])
            else:
                nm = self.person_name()
                if role == "DC":
                    nm = "DC " + nm
                elif role in ("GP", "Paediatrician") and r.random() < 0.7:
                    nm = "Dr " + nm
                name = nm
                name_disp = nm
            if ctype == "phone" or r.random() < 0.3:
                contact = self.phone(["0113 496 0", "0114 496 0", "0115 496 0", "0116 496 0", "07700 900",
                                      "0121 496 0"])
            else:
                nm_for_mail = name.replace("DC ", "").replace("Dr ", "") if name else "duty team"
                dom = re.sub(r"[^a-z]", "", town.lower()) + ".gov.uk"
                contact = (nm_for_mail.split(" ")[0].lower() + "." + re.sub(r"[^a-z]", "", nm_for_mail.split(" ")[-1].lower())
                           + "@" + dom) if name else f"{re.sub('[^a-z]', '', agency.lower())[:12]}@{dom}"
            rows.append({"name": name, "name_disp": name_disp, "agency": agency, "contact": contact, "role": role})
        self.agencies = rows
        self.notes["agencies"] = len(rows)
        self.notes["agencies_without_person"] = sum(1 for x in rows if x["name"] is None)

    # ------------------------------------------------------------------ free text
    def first_names(self) -> str:
        names = [c["c.first"].display for c in self.children]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def summary(self, itype, loc) -> list[str]:
        r = self.rng
        s = self.s
        first = self.children[0]["c.first"].display
        time = f"{r.randrange(7, 23)}:{r.choice(['05', '10', '20', '30', '40', '45', '50'])}"
        where = loc if loc[0].isupper() and not loc.startswith(("At ", "In ", "On ")) else loc
        p1 = r.choice(s["scene"]).format(first=first, time=time, where=f"at {where}", where_lc=f"at {where[0].lower() + where[1:]}")
        happen = {
            "serious_harm": [f"{first} was taken to hospital with a head injury and remains on the children's ward.",
                             f"Hospital staff found bruising of different ages and a fractured arm on {first}.",
                             f"{first} needed surgery for injuries that the adults could not explain."],
            "death": [f"Paramedics attended but {first} could not be resuscitated and was pronounced dead in hospital.",
                      f"{first} was found unresponsive and died later the same day."],
            "lac_death": [f"{first}, who is looked after by the local authority, was found unresponsive at the placement and died in hospital.",
                          f"{first} was in foster care at the time and died after being taken to hospital."],
            "care_leaver_death": [f"{first}, a care leaver, was found dead in supported accommodation.",
                                  f"{first} left care two years ago and was found dead in a flat by a friend."],
            "other": [f"No injuries were found, but the circumstances raised serious concerns for {first}'s safety.",
                      f"{first} was not physically hurt, but what was found suggests a significant risk of harm."],
            None: [f"{first} was examined in hospital and kept in overnight for observation.",
                   f"{first} was distressed and was seen by the out-of-hours paediatrician."],
        }[itype]
        p1 = p1 + " " + r.choice(happen)
        p2 = r.choice([
            "Police attended and a strategy discussion was held the following day.",
            "The duty social worker was informed the same evening and the siblings were seen at home.",
            "An ambulance was called; the police were informed by the hospital.",
            "The parent gave differing accounts of what happened to staff and to the police.",
        ])
        p3 = r.choice([
            "The family has been known to services for several years, with concerns about neglect and domestic abuse.",
            "There have been two previous referrals to children's social care in the last eighteen months, both closed after assessment.",
            "The family moved into the area recently and records from the previous authority have been requested.",
            "Attendance at health appointments has been poor and several appointments were missed.",
        ])
        p4 = r.choice([
            "A multi-agency strategy meeting has been arranged and information is being gathered from all agencies.",
            "The children are currently staying with extended family under a safety plan.",
            "Enquiries are ongoing and the police investigation is at an early stage.",
        ])
        n = r.choice([2, 2, 3, 3, 4])
        return [p1, p2, p3, p4][:n]

    def reason(self, itype) -> str:
        r = self.rng
        return r.choice([
            "The child has been seriously harmed and abuse or neglect is suspected; several agencies were involved with the family beforehand and there may be learning about how information was shared.",
            "We believe the criteria are met because of the seriousness of the harm and the number of agencies that knew the family, including missed opportunities to act on earlier concerns.",
            "There are questions about how agencies worked together before the incident, and whether warning signs were recognised and acted on.",
            "This incident highlights possible gaps in communication between adult and children's services which the partnership should consider.",
        ])

    def concerns(self) -> str:
        r = self.rng
        return self.rng.choice([
            "Siblings remain at home; a safety plan is in place and is being reviewed daily by the social worker.",
            "The alleged perpetrator has been bailed with conditions not to contact the children.",
            "No immediate concerns for other children; the family home is being assessed.",
            "A younger sibling is staying with grandparents; contact with the father is supervised.",
            "We are worried that other young people are at risk from the same adults and have shared this with the police.",
        ])

    # ------------------------------------------------------------------ decoys
    def decoy_value(self, kind: str) -> str:
        r = self.rng
        d = self.dates
        s = self.s
        if kind == "camera":
            return ", ".join(f"Cam {n}" for n in sorted(r.sample(range(1, 60), 2)))
        if kind == "logno":
            return f"{r.choice(['CR', 'LOG', 'RL'])}/{d['inc'].year}/{r.randrange(100, 9999):04d}"
        if kind == "date_future":
            return fmt_date(d["ref"] + dt.timedelta(days=r.randrange(20, 90)), s["date_style"])
        if kind == "date_past":
            return fmt_date(d["inc"] - dt.timedelta(days=r.randrange(10, 300)), s["date_style"])
        if kind == "date_old":
            return fmt_date(d["inc"] - dt.timedelta(days=r.randrange(400, 2000)), s["date_style"])
        if kind == "time":
            return f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}"
        if kind == "person":
            return self.person_name()
        if kind == "cad":
            return f"CAD {r.randrange(100, 9999)}"
        if kind == "licence":
            return f"PL/{r.randrange(100, 999)}/{r.choice('ABC')}"
        if kind == "unit":
            return f"Unit {r.randrange(1, 9)}"
        if kind == "ref":
            return f"HR-{r.randrange(1000, 9999)}"
        if kind == "suid":
            return f"RS-{r.randrange(100000, 999999)}"
        if kind == "ost":
            return r.choice(["Methadone 60 ml daily", "Buprenorphine 16 mg daily", "Methadone 45 ml, supervised"])
        if kind == "nhsno":
            return f"{r.randrange(400, 999)} {r.randrange(100, 999)} {r.randrange(1000, 9999)}"
        if kind == "hospno":
            return f"{r.choice('BKR')}{r.randrange(1000000, 9999999)}"
        if kind == "custody":
            return f"{r.choice(['HN', 'HC'])}/{r.randrange(10000, 99999)}/{d['inc'].year % 100}"
        if kind == "datetime":
            return f"{fmt_date(d['inc'], 'dd/mm/yyyy')} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}"
        if kind == "offence":
            return r.choice(["Possession with intent to supply", "Criminal damage", "Theft from a shop",
                             "Assault by beating"])
        if kind == "member":
            return f"SF-{r.randrange(1000, 9999)}"
        if kind == "group":
            return r.choice(["Tuesday parents' group", "Teen social club", "Sibling support group"])
        if kind == "permit":
            return f"WP {d['inc'].year}/{r.randrange(100, 999):04d}"
        if kind == "employer":
            return r.choice(["Castle Park Productions Ltd", "Station Road News", "Fore Street Kebab House",
                             "Upper Lane Riding Stables"])
        if kind == "hours":
            return str(r.randrange(4, 13))
        raise ValueError(kind)

    # ------------------------------------------------------------------ truth
    def record(self) -> dict:
        f = self.fields

        def t(key):
            v = f.get(key)
            return None if v is None else v.truth

        rec = {
            "form": "referral",
            "date_of_referral": t("date_of_referral"),
            "referrer": {"name": t("ref.name"), "role": t("ref.role"), "agency": t("ref.agency"),
                         "email": t("ref.email"), "phone": t("ref.phone")},
            "safeguarding_lead": {"name": t("lead.name"), "role": t("lead.role"), "agency": t("lead.agency"),
                                  "email": t("lead.email"), "phone": t("lead.phone"),
                                  "discussed": t("lead.discussed")},
            "children": [],
            "incident": {"date": t("inc.date"), "date_la_aware": t("inc.date_la_aware"),
                         "location": t("inc.location"), "type": t("inc.type"), "summary": t("inc.summary"),
                         "police_involved": t("inc.police")},
            "criteria": {"died_or_seriously_harmed": t("crit.died"), "abuse_or_neglect_suspected": t("crit.abuse"),
                         "local_connection": t("crit.local"), "multi_agency_learning": t("crit.learning"),
                         "reason": t("crit.reason")},
            "panel_notified": t("panel"),
            "date_panel_notified": t("panel_date"),
            "agencies_involved": [{"name": a["name"], "agency": a["agency"], "contact": a["contact"]}
                                  for a in self.agencies],
            "immediate_concerns": t("concerns"),
        }
        for ch in self.children:
            def c(key):
                v = ch.get(key)
                return None if v is None else v.truth
            if "c.name" in ch:
                name = c("c.name")
            else:
                fn, ln = c("c.first"), c("c.last")
                name = " ".join(x for x in (fn, ln) if x) or None
            dob = c("c.dob")
            rec["children"].append({
                "name": name, "other_names": c("c.other_names"), "dob": dob,
                "age": c("c.age") if dob is None else None,
                "gender": c("c.gender"), "ethnicity": c("c.ethnicity"), "address": c("c.address"),
                "school": c("c.school"), "gp": c("c.gp"), "legal_status": c("c.legal_status"),
                "cp_plan": c("c.cp_plan"), "open_to_csc": c("c.open_to_csc"), "looked_after": c("c.looked_after"),
                "disability": c("c.disability"), "date_of_death": c("c.date_of_death"),
            })
        return rec

    def other_detail_text(self) -> str | None:
        fv = self.fields.get("inc.type")
        return fv.details if fv else None
