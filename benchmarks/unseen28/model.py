"""Invented cases. Each answer is built once as it will be shown on the form; the truth is read off the shown answers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from common import fmt_date, phone_digits

FILLERS = ["N/A", "n/a", "-", "Not applicable"]
ALT_STYLES = ["dmy", "long", "dmy_short"]

GIRLS = ["Maya", "Ellie", "Sofia", "Amara", "Isla", "Freya", "Zainab", "Lily-Mae", "Niamh", "Chloe", "Aisha", "Ruby",
         "Poppy", "Hana", "Imogen", "Kayla", "Mia", "Ava-Rose", "Leah", "Zofia", "Erin", "Tia", "Grace", "Esme"]
BOYS = ["Leo", "Kai", "Oscar", "Reuben", "Tyler", "Harvey", "Yusuf", "Jayden", "Alfie", "Callum", "Mason", "Theo",
        "Dylan", "Ibrahim", "Finley", "Kacper", "Logan", "Ethan", "Archie", "Rhys", "Noah", "Ollie", "Jamal", "Brodie"]
SURNAMES = ["Thompson", "Okafor", "Whitlock", "Brennan", "Haworth", "Kowalski", "Patel", "McAllister", "Greaves",
            "Oduya", "Pickering", "Sutcliffe", "Ahmed", "Lindqvist", "Fairbairn", "O'Rourke", "Dacosta", "Mellor",
            "Hussain", "Tranter", "Boateng", "Varley", "Castellano", "Nowak", "Rafferty", "Ellery"]
ADULT_FIRST = ["Joanne", "Priya", "Martin", "Gareth", "Helen", "Tomasz", "Siobhan", "Dev", "Rachel", "Andrew", "Fiona",
               "Kwame", "Claire", "Imran", "Lorna", "Stuart", "Bethan", "Marcus", "Yvonne", "Colin", "Nadia", "Graham",
               "Aleksandra", "Louise", "Femi", "Heather", "Simon", "Ruth"]
ADULT_LAST = ["Patel", "Holroyd", "Gallagher", "Ashworth", "Kerr", "Nwosu", "Durrant", "Sandhu", "Macleod", "Fenwick",
              "Oyelaran", "Birch", "Caldwell", "Hargreaves", "Quinn", "Adeyemi", "Lowther", "Pryce", "Szymanski",
              "Whitfield", "Bannister", "Choudhury", "Rennie", "Atherton"]
ETHNICITIES = ["White British", "Mixed - White and Black Caribbean", "Asian British - Pakistani", "Black African",
               "White - Gypsy or Irish Traveller", "White Other (Polish)", "Mixed - White and Asian", "Black British",
               "Asian British - Bangladeshi", "White Irish", "Any other ethnic group"]
STREETS = ["Ash Grove", "Kiln Lane", "Sorrel Way", "Beck Road", "Mill Street", "Orchard Close", "Tanner's Row",
           "Canal Side", "Hawthorn Drive", "Station Road", "Quarry Hill", "Moss Lane", "Chapel Fold", "Weaver Court"]
SCHOOLS = ["Ashby Road Primary School", "Kestrel Park Academy", "Millbrook High School", "St Oswin's CE Primary",
           "Brook Lane Special School", "Northgate Nursery", "Hollins Vale Academy", "Riverside Pupil Referral Unit",
           "Elected home education", "Greenfields Infant School"]
GPS = ["Elm Tree Surgery", "Canal Street Medical Practice", "Dr Rahman and Partners", "Bellbank Health Centre",
       "Quarry Hill Medical Centre", "Riverside Family Practice"]
LEGAL = ["Section 20 (accommodated)", "Interim care order", "Care order (s31)", "Child in need", "No order",
         "Special guardianship order", "None"]
NEEDS = ["None known", "Autism (diagnosed 2023)", "Asthma", "EHCP - speech, language and communication needs",
         "Epilepsy", "ADHD (awaiting assessment)", "Global developmental delay", "Hearing impairment (aided)", "None"]
INFANT_NEEDS = ["Born at 31 weeks; home oxygen", "None known", "Neonatal abstinence syndrome - treated on NNU",
                "Cleft lip (repair planned)", "None"]
NICKNAMES = {"Isla": "Izzy", "Freya": "Frey", "Imogen": "Immy", "Esme": "Ezzy", "Chloe": "Clo", "Zainab": "Zee",
             "Callum": "Cal", "Harvey": "Harv", "Finley": "Finn", "Oscar": "Ozzy", "Theo": "Teddy", "Reuben": "Rube",
             "Archie": "Arch", "Ibrahim": "Ibby", "Kacper": "Kacek", "Ethan": "Eth", "Dylan": "Dyl", "Jayden": "Jay",
             "Mason": "Mase", "Alfie": "Alf", "Sofia": "Sof", "Amara": "Mara", "Niamh": "Neevie", "Kayla": "Kay"}
OTHER_DETAILS = ["Serious injury to a baby whose parent is in custody", "Child missing for 9 days and found with adults not known to the family",
                 "Attempted suicide of a 15-year-old", "Near-drowning of a 4-year-old", "Child found alone at a roadside at night",
                 "Serious self-harm after online exploitation", "Child hit by a vehicle while unsupervised",
                 "Overdose of a parent's prescribed medication", ""]

AREA_TOWNS = {
    "ambervale_waterways": ("Ambervale", "AV"), "chalkline_supply": ("Hartsford", "HF"),
    "furrowfield_farming": ("Furrowfield", "FF"), "cradle_doulas": ("Lenbrook", "LB"),
    "wrenmoor_sab": ("Wrenmoor", "WM"), "greysford_resilience": ("Greysford", "GY"),
    "tamberley_sendiass": ("Tamberley", "TB"), "midshire_traffic": ("Midshire", "MD"),
}
DISTRICTS = ["Northgate", "Holm End", "Cold Ash", "Bellbank", "Upper Wharf", "Kirkby Moor", "Thornsgill", "Low Garth"]


def drama_phone(rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = rng.random() < 0.35
    if mobile:
        return f"07700 900{rng.randrange(0, 1000):03d}"
    area = rng.choice(["0113 496", "0114 496", "0115 496", "0116 496", "0117 496", "0118 496", "01632 960"])
    return f"{area} {rng.randrange(0, 1000):03d}" if area.startswith("01632") else f"{area} 0{rng.randrange(0, 1000):03d}"


@dataclass
class Ans:
    """One answer as the form shows it."""
    kind: str                  # text, date, lines, paras, choice, none, filler
    text: str = ""             # text / date display / filler
    lines: list = field(default_factory=list)
    paras: list = field(default_factory=list)
    value: object = None       # truth value (already normalised), None if not stated
    options: list = field(default_factory=list)   # choice: words in display order
    values: list = field(default_factory=list)    # choice: truth value per option
    chosen: int | None = None

    @property
    def shown(self) -> str:
        if self.kind in ("text", "date", "filler"):
            return self.text
        if self.kind == "lines":
            return "\n".join(self.lines)
        if self.kind == "paras":
            return "\n\n".join(self.paras)
        if self.kind == "choice":
            return self.options[self.chosen] if self.chosen is not None else ""
        return ""

    @property
    def empty(self) -> bool:
        return self.kind in ("none", "filler") or (self.kind == "choice" and self.chosen is None)


def none() -> Ans:
    return Ans("none")


class Case:
    """Everything one form says."""

    def __init__(self, sender: dict, rng: random.Random, n: int):
        self.s = s = sender
        self.rng = rng
        self.n = n
        self.notes: dict = {"sender": s["key"], "blanks": 0, "fillers": 0, "third_option": 0, "alt_dates": 0}
        self.town, self.pc = AREA_TOWNS[s["key"]]
        self.answers: dict[str, Ans] = {}
        self.children: list[dict[str, Ans]] = []
        self.agencies: list[dict] = []
        self.decoys: list[tuple[str, str, str]] = []   # (section, label, shown value)
        self._build()

    # --- helpers -------------------------------------------------------------------------------------------
    def asked(self, key: str) -> bool:
        return key not in self.s["not_asked"]

    def date_ans(self, d: dt.date | None, dob: bool = False, main_only: bool = False) -> Ans:
        if d is None:
            return self.blankish(allow_filler=True)
        style = self.s["date_dob"] if dob else self.s["date_main"]
        if not dob and not main_only and self.rng.random() < 0.15:
            style = self.rng.choice(ALT_STYLES)
            self.notes["alt_dates"] += 1
        return Ans("date", text=fmt_date(d, style), value=d.isoformat())

    def blankish(self, allow_filler: bool = True) -> Ans:
        if allow_filler and self.rng.random() < 0.45:
            self.notes["fillers"] += 1
            return Ans("filler", text=self.rng.choice(FILLERS))
        self.notes["blanks"] += 1
        return none()

    def text(self, value: str | None, p_blank: float = 0.06, p_filler: float = 0.05, required: bool = False) -> Ans:
        if value is None:
            return self.blankish()
        if not required:
            r = self.rng.random()
            if r < p_blank:
                self.notes["blanks"] += 1
                return none()
            if r < p_blank + p_filler:
                self.notes["fillers"] += 1
                return Ans("filler", text=self.rng.choice(FILLERS))
        return Ans("text", text=value, value=value)

    def phone(self, value: str, required=False) -> Ans:
        a = self.text(value, required=required)
        if a.kind == "text":
            a.value = phone_digits(value)
        return a

    def email(self, value: str, required=False) -> Ans:
        a = self.text(value, required=required)
        if a.kind == "text":
            a.value = value.lower()
        return a

    def yn(self, truth: bool | None, p_third: float = 0.1, p_blank: float = 0.04) -> Ans:
        yes, no, third = self.s["yn"]
        a = Ans("choice", options=[yes, no, third], values=[True, False, None])
        r = self.rng.random()
        if truth is None or r < p_blank:
            self.notes["blanks"] += 1
            return a
        if r < p_blank + p_third:
            a.chosen = 2
            self.notes["third_option"] += 1
            return a
        a.chosen = 0 if truth else 1
        a.value = truth
        return a

    def gender(self, g: str) -> Ans:
        words = list(self.s["gender"])
        sem = ["female", "male", "other"] if self.s["key"] != "greysford_resilience" else ["male", "female", "other"]
        a = Ans("choice", options=words, values=sem)
        if self.rng.random() < 0.04:
            self.notes["blanks"] += 1
            return a
        a.chosen = sem.index(g)
        a.value = g
        return a

    def person(self):
        rng = self.rng
        return f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"

    def email_for(self, name: str, domain: str) -> str:
        first, last = name.split(" ", 1)
        last = last.replace("'", "").replace(" ", "")
        style = self.rng.random()
        if style < 0.5:
            return f"{first.lower()}.{last.lower()}@{domain}"
        if style < 0.75:
            return f"{first}.{last}@{domain}"
        return f"{first[0].lower()}{last.lower()}@{domain}"

    def address(self, child_i: int, shared: list | None) -> list[str]:
        if shared is not None:
            return shared
        rng = self.rng
        k = self.s["key"]
        pc = f"{self.pc}{rng.randrange(1, 20)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
        if k == "ambervale_waterways" and rng.random() < 0.6:
            boat = rng.choice(["NB Kingfisher Belle", "NB Otter's Rest", "NB Dunlin", "Widebeam Saltwort", "NB Patience"])
            return [boat, rng.choice(["Visitor moorings, Ambervale Basin", "Towpath mooring near Bridge 42", "Tanner's Cut moorings"]),
                    self.town]
        if k == "furrowfield_farming":
            return [rng.choice(["High Cragg Farm", "Low Garth Farm", "Bellbank Farm", "Thornsgill Cottage"]),
                    rng.choice(DISTRICTS), self.town, pc]
        lines = [f"{rng.randrange(1, 120)} {rng.choice(STREETS)}"]
        if rng.random() < 0.3:
            lines = [f"Flat {rng.randrange(1, 30)}, {rng.choice(['Heron House', 'Alder Court', 'Kestrel House', 'Mill View'])}"] + lines
        if rng.random() < 0.6:
            lines.append(rng.choice(DISTRICTS))
        lines += [self.town, pc]
        return lines

    # --- build ---------------------------------------------------------------------------------------------
    def _build(self):
        s, rng, A = self.s, self.rng, self.answers
        inc = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 170))
        la = inc + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
        ref = la + dt.timedelta(days=rng.randrange(1, 10))
        self.dates = dict(inc=inc, la=la, ref=ref)
        A["date_ref"] = self.date_ans(ref)
        # people
        rname = self.person()
        lname = self.person()
        while lname == rname:
            lname = self.person()
        dom = s["domain"]
        A["r_name"] = self.text(rname, required=True)
        A["r_role"] = self.text(rng.choice(s["roles"]))
        A["r_agency"] = self.text(f"{s['agency']} - {s['team']}" if rng.random() < 0.5 else s["agency"])
        A["r_email"] = self.email(self.email_for(rname, dom))
        A["r_phone"] = self.phone(drama_phone(rng))
        A["l_name"] = self.text(lname, p_blank=0.03, p_filler=0)
        A["l_role"] = self.text(rng.choice(s["lead_roles"]))
        A["l_agency"] = self.text(s["agency"])
        A["l_email"] = self.email(self.email_for(lname, dom))
        A["l_phone"] = self.phone(drama_phone(rng))
        A["l_discussed"] = self.yn(rng.random() < 0.85)
        # incident type
        itype = rng.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other", None],
                            [34, 15, 14, 13, 19, 5])[0]
        self.itype = itype
        nkids = 1 if itype == "care_leaver_death" else rng.choices([1, 2, 3], [50, 36, 14])[0]
        self.build_children(nkids, itype)
        # incident
        words = [w for w, _ in s["itypes"]]
        vals = [t for _, t in s["itypes"]]
        a = Ans("choice", options=words, values=vals)
        if itype is not None:
            a.chosen = vals.index(itype)
            a.value = itype
        else:
            self.notes["blanks"] += 1
        A["i_type"] = a
        if itype == "other":
            det = rng.choice(OTHER_DETAILS)
            A["i_other"] = self.text(det, p_blank=0, p_filler=0) if det else none()
            self.notes["other_detail"] = bool(det)
        else:
            A["i_other"] = self.blankish(allow_filler=rng.random() < 0.5) if rng.random() < 0.6 else none()
        A["i_date"] = self.date_ans(inc)
        A["i_la"] = self.date_ans(la)
        A["i_loc"] = self.text(rng.choice(s["places"]))
        A["i_summary"] = Ans("paras", paras=self.summary(itype), value=None)
        A["i_summary"].value = "\n\n".join(A["i_summary"].paras)
        A["i_police"] = self.yn(rng.random() < 0.7)
        harmed = itype is not None
        A["k_died"] = self.yn(True if harmed else None)
        A["k_abuse"] = self.yn(rng.random() < 0.8)
        A["k_local"] = self.yn(rng.random() < 0.9)
        A["k_learning"] = self.yn(rng.random() < 0.9)
        A["k_reason"] = self.text(self.reason(), p_blank=0.03, p_filler=0)
        if self.asked("p_notified"):
            notified = rng.random() < 0.3
            A["p_notified"] = self.yn(notified)
            if A["p_notified"].value is True:
                A["p_date"] = self.date_ans(la + dt.timedelta(days=rng.randrange(1, 6)))
            else:
                A["p_date"] = self.blankish() if rng.random() < 0.7 else none()
        A["concerns"] = self.text(self.concerns(), p_blank=0.04, p_filler=0.03)
        self.build_agencies()
        self.build_decoys()

    def build_children(self, nkids: int, itype):
        s, rng = self.s, self.rng
        fam = rng.choice(SURNAMES)
        shared_addr = None
        age_child = None
        if self.asked("c_age") and rng.random() < 0.22:
            age_child = rng.randrange(nkids)
        used = set()
        for i in range(nkids):
            c: dict[str, Ans] = {}
            g = rng.choices(["female", "male", "other"], [48, 48, 4])[0]
            pool = GIRLS if g == "female" else BOYS if g == "male" else GIRLS + BOYS
            first = rng.choice(pool)
            while first in used:
                first = rng.choice(pool)
            used.add(first)
            last = fam if (i == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
            if s["key"] == "greysford_resilience" and rng.random() < 0.6:
                last = last.upper()
            if itype == "care_leaver_death":
                age_y = rng.randrange(18, 25)
            elif s.get("infants"):
                age_y = 0 if i == 0 else rng.randrange(1, 9)
            else:
                age_y = rng.randrange(0, 17)
            dob = self.dates["inc"] - dt.timedelta(days=int(age_y * 365.25 + rng.randrange(20, 340)))
            if s.get("infants") and i == 0 and itype != "care_leaver_death":
                dob = self.dates["inc"] - dt.timedelta(days=rng.randrange(3, 200))
            if s["name_mode"] == "one":
                c["c_name"] = self.text(f"{first} {last}", required=True)
            else:
                c["c_first"] = self.text(first, required=True)
                c["c_last"] = self.text(last, required=True)
            if self.asked("c_other"):
                other = None
                if rng.random() < 0.3:
                    nick = NICKNAMES.get(first)
                    other = rng.choice([f"{first} {rng.choice(SURNAMES)}", nick or f"{first} {rng.choice(SURNAMES)}",
                                        ("Baby " + last) if (s.get("infants") and i == 0) else (nick or f"{first} {rng.choice(SURNAMES)}")])
                c["c_other"] = self.text(other) if other else (self.blankish() if rng.random() < 0.5 else none())
            if i == age_child:
                c["c_dob"] = self.blankish() if rng.random() < 0.5 else none()
                age_txt = rng.choice([f"about {age_y}", f"{age_y}", f"{age_y} years", f"approx. {age_y}", f"{age_y} yrs",
                                      f"around {age_y}"]) if age_y > 0 else rng.choice(["9 months", "about 6 months", "11 months"])
                c["c_age"] = Ans("text", text=age_txt, value=age_txt)
                self.notes["ages"] = self.notes.get("ages", 0) + 1
            else:
                c["c_dob"] = self.date_ans(dob, dob=True)
                if self.asked("c_age"):
                    c["c_age"] = self.blankish() if rng.random() < 0.4 else none()
            c["c_gender"] = self.gender(g)
            if self.asked("c_eth"):
                c["c_eth"] = self.text(rng.choice(ETHNICITIES))
            addr = self.address(i, shared_addr)
            shared_addr = addr if rng.random() < 0.85 else None
            if rng.random() < 0.05:
                c["c_addr"] = none()
                self.notes["blanks"] += 1
            else:
                c["c_addr"] = Ans("lines", lines=list(addr), value=", ".join(addr))
            if self.asked("c_school"):
                sch = rng.choice(SCHOOLS) if age_y >= 3 else None
                if age_y >= 17:
                    sch = rng.choice(["Hartsford College", "Not in education or training", None])
                c["c_school"] = self.text(sch)
            if self.asked("c_gp"):
                c["c_gp"] = self.text(rng.choice(GPS))
            lac = itype == "lac_death" and i == 0 or rng.random() < 0.1
            if self.asked("c_legal"):
                leg = rng.choice(["Care order (s31)", "Section 20 (accommodated)", "Interim care order"]) if lac else rng.choice(LEGAL)
                c["c_legal"] = self.text(leg)
            c["c_cp"] = self.yn(rng.random() < 0.3)
            c["c_csc"] = self.yn(lac or rng.random() < 0.55)
            c["c_lac"] = self.yn(lac)
            c["c_dis"] = self.text(rng.choice(INFANT_NEEDS if (s.get("infants") and i == 0) else NEEDS))
            dod = None
            if itype in ("death", "lac_death", "care_leaver_death") and i == 0 and rng.random() < 0.85:
                dod = self.dates["inc"] + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
            if dod:
                c["c_dod"] = self.date_ans(dod, dob=True)
            else:
                c["c_dod"] = self.blankish() if rng.random() < 0.55 else none()
            self.children.append(c)
        self.notes["children"] = nkids

    def build_agencies(self):
        rng = self.rng
        n = rng.choices([0, 1, 2, 3, 4], [4, 12, 34, 32, 18])[0]
        pool = [f"{self.town} Children's Social Care - Assessment Team", f"{self.town} Police - Public Protection Unit",
                rng.choice(SCHOOLS), rng.choice(GPS), f"{self.town} 0-19 Health Visiting Service", "Early Help Hub",
                f"{self.town} Youth Justice Service", "CAMHS (community team)", f"{self.town} Housing Options",
                "Community Midwifery Team"]
        rng.shuffle(pool)
        out = []
        for i in range(n):
            ag = pool[i]
            person = None if rng.random() < 0.2 else self.person()
            if person and rng.random() < 0.15:
                person = rng.choice(["DC ", "Dr ", "PC "]) + person
            ph = drama_phone(rng)
            dom = ag.split(" ")[0].lower().replace("'", "") + ".gov.uk"
            if person:
                em = self.email_for(person.split(" ", 1)[-1] if person.startswith(("DC ", "Dr ", "PC ")) else person, dom)
                contact = rng.choice([ph, em, f"{ph} / {em}"])
            else:
                contact = rng.choice([ph, f"duty.team@{dom}"])
            out.append(dict(name=person, agency=ag, contact=contact))
        self.agencies = out
        self.notes["agencies"] = n
        self.notes["agencies_without_person"] = sum(1 for a in out if a["name"] is None)

    def decoy_value(self, kind: str) -> str:
        rng = self.rng
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if kind == "date":
            d = self.dates["inc"] - dt.timedelta(days=rng.randrange(5, 300))
            return fmt_date(d, self.s["date_main"])
        if kind == "person":
            return self.person()
        if kind == "yn":
            return rng.choice(self.s["yn"][:2])
        if kind == "time":
            return f"{rng.randrange(0, 24):02d}:{rng.choice(['05', '20', '35', '50', '12'])}"
        table = {
            "licence": lambda: f"{rng.randrange(50000, 99999)}",
            "boat": lambda: rng.choice(["Kingfisher Belle", "Otter's Rest", "Dunlin", "Saltwort", "Patience", "Morning Heron"]),
            "lock": lambda: f"Lock {rng.randrange(1, 60)}",
            "enforce": lambda: rng.choice(["Stage 1 notice", "None", "Stage 2 notice", "Section 8 notice"]),
            "booking": lambda: f"BK-{rng.randrange(100000, 999999)}",
            "dbs": lambda: f"00{rng.randrange(1000000000, 9999999999)}",
            "timesheet": lambda: f"TS{rng.randrange(10000, 99999)}/{rng.randrange(1, 52):02d}",
            "cph": lambda: f"{rng.randrange(10, 99)}/{rng.randrange(100, 999)}/{rng.randrange(1000, 9999)}",
            "machinery": lambda: rng.choice(["Quad bike", "Tractor and trailer", "Cattle (suckler cows)", "Slurry lagoon", "Telehandler"]),
            "netcase": lambda: f"FFSN-{rng.randrange(100, 999)}",
            "hospital": lambda: rng.choice(["Lenbrook General Maternity Unit", "St Ives Birth Centre", "Quarry Hill Midwife-led Unit"]),
            "client": lambda: f"CCD{rng.randrange(1000, 9999)}",
            "relation": lambda: rng.choice(["Mother", "Father", "Older sibling (aged 19)", "Grandmother", "Stepfather"]),
            "sabref": lambda: f"SAR/{rng.randrange(20, 26)}/{rng.randrange(1, 99):02d}",
            "restreg": lambda: f"RC-{rng.randrange(1, 400):03d}",
            "restcentre": lambda: rng.choice(["Greysford Leisure Centre", "St Aidan's Church Hall", "Northgate Community Centre"]),
            "fireref": lambda: f"F{rng.randrange(100000, 999999)}",
            "ehcp": lambda: f"EHC-{rng.randrange(10000, 99999)}",
            "sendref": lambda: f"SIAS{rng.randrange(1000, 9999)}",
            "logno": lambda: f"{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}",
            "mp": lambda: f"MP {rng.randrange(100, 300)}/{rng.randrange(1, 9)}{rng.choice('AB')}",
            "vrm": lambda: f"{rng.choice(L)}{rng.choice(L)}{rng.randrange(10, 75)} {rng.choice(L)}{rng.choice(L)}{rng.choice(L)}",
        }
        return table[kind]()

    def build_decoys(self):
        for sec, label, kind in self.s["decoys"]:
            v = self.decoy_value(kind) if self.rng.random() > 0.1 else ""
            self.decoys.append((sec, label, v))
        self.notes["decoys"] = [f"{l}={v}" for _, l, v in self.decoys]

    # --- prose ---------------------------------------------------------------------------------------------
    def first_names(self):
        out = []
        for c in self.children:
            if "c_name" in c:
                out.append(c["c_name"].text.split(" ")[0])
            else:
                out.append(c["c_first"].text)
        return out

    def summary(self, itype) -> list[str]:
        rng = self.rng
        names = self.first_names()
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        kind = self.s["kind"]
        what = {"serious_harm": f"{names[0]} was admitted to hospital with injuries that the paediatric team believe were not accidental.",
                "death": f"{names[0]} died after being found unresponsive; the cause of death is not yet known.",
                "lac_death": f"{names[0]}, who was in the care of the local authority, died after a sudden collapse at the placement.",
                "care_leaver_death": f"{names[0]}, a care leaver, was found dead in supported accommodation; a drug overdose is suspected.",
                "other": f"An incident involving {who} has caused serious concern to everyone working with the family.",
                None: f"An incident involving {who} has been reported to us."}[itype]
        p1 = (f"We are {self.s['agency']} ({kind}). We first met the family in {rng.choice(['the spring', 'the summer', 'the autumn', 'early 2025'])} "
              f"and have mostly been in touch through {rng.choice(['visits', 'drop-in sessions', 'phone contact', 'meetings'])}. {what}")
        p2 = rng.choice([
            f"Over the previous months staff noticed {who} looking unkempt and hungry, and the family moved twice at short notice.",
            f"Before the incident there had been reports of shouting and of an adult visitor staying at the home whom agencies had not assessed.",
            f"The parent had told us about debts, low mood and arguments at home, and had missed several health appointments for the children.",
            f"There were earlier concerns about supervision: {names[0]} had been seen out alone late in the evening on at least two occasions."])
        p3 = rng.choice([
            "Information about the family was held by several agencies, but it is not clear that it was ever brought together.",
            "A referral to children's services was made earlier in the year but closed after a single visit.",
            "The family were difficult to engage and often did not answer the door when workers called."])
        p4 = rng.choice(["Police are now investigating and a strategy discussion has taken place.",
                         "Children's social care have started an assessment and the siblings are staying with a grandparent."])
        n = rng.choice([2, 3, 3, 4])
        return [p1, p2, p3, p4][:n]

    def reason(self) -> str:
        return self.rng.choice([
            "A child has been seriously harmed, neglect is suspected and several agencies knew the family without sharing what they knew.",
            "We believe the criteria for a rapid review are met: serious harm, suspected abuse and missed opportunities to share information.",
            "There may be learning about how services work with families who move often and are hard to reach.",
            "The child died and there were signs of neglect that no single agency put together."])

    def concerns(self) -> str:
        return self.rng.choice([
            "The siblings are staying with their grandmother under a safety plan agreed with children's social care.",
            "No child remains at the address; police bail conditions prevent contact with the adult concerned.",
            "The baby is still in hospital and will not be discharged without a plan from children's social care.",
            "Other children in the household have been seen by social workers and are safe at present."])

    # --- truth ---------------------------------------------------------------------------------------------
    def record(self) -> dict:
        A = self.answers
        v = lambda k: A[k].value if k in A else None
        rec = {
            "form": "referral",
            "date_of_referral": v("date_ref"),
            "referrer": {"name": v("r_name"), "role": v("r_role"), "agency": v("r_agency"), "email": v("r_email"),
                         "phone": v("r_phone")},
            "safeguarding_lead": {"name": v("l_name"), "role": v("l_role"), "agency": v("l_agency"),
                                  "email": v("l_email"), "phone": v("l_phone"), "discussed": v("l_discussed")},
            "children": [],
            "incident": {"date": v("i_date"), "date_la_aware": v("i_la"), "location": v("i_loc"), "type": v("i_type"),
                         "summary": v("i_summary"), "police_involved": v("i_police")},
            "criteria": {"died_or_seriously_harmed": v("k_died"), "abuse_or_neglect_suspected": v("k_abuse"),
                         "local_connection": v("k_local"), "multi_agency_learning": v("k_learning"),
                         "reason": v("k_reason")},
            "panel_notified": v("p_notified"),
            "date_panel_notified": v("p_date"),
            "agencies_involved": [dict(name=a["name"], agency=a["agency"], contact=a["contact"]) for a in self.agencies],
            "immediate_concerns": v("concerns"),
        }
        for c in self.children:
            g = lambda k: c[k].value if k in c else None
            if "c_name" in c:
                name = g("c_name")
            else:
                parts = [p for p in (g("c_first"), g("c_last")) if p]
                name = " ".join(parts) or None
            dob = g("c_dob")
            rec["children"].append({
                "name": name, "other_names": g("c_other"), "dob": dob, "age": g("c_age") if dob is None else None,
                "gender": g("c_gender"), "ethnicity": g("c_eth"), "address": g("c_addr"), "school": g("c_school"),
                "gp": g("c_gp"), "legal_status": g("c_legal"), "cp_plan": g("c_cp"), "open_to_csc": g("c_csc"),
                "looked_after": g("c_lac"), "disability": g("c_dis"), "date_of_death": g("c_dod")})
        return rec
