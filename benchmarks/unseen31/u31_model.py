"""Invented cases for unseen31: every answer is built once, as the form shows it, and the truth is read off it."""

from __future__ import annotations

import datetime as dt
import random
import re

from u31_senders import SENDERS, SECTION_KEYS

MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DOWF = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d: dt.date, style: str) -> str:
    if style == "ordcomma":
        return f"{ordinal(d.day)} {MON[d.month - 1]}, {d.year}"
    if style == "dMONY":
        return f"{d.day} {MON[d.month - 1].upper()} {d.year}"
    if style == "dmyday":
        return f"{d.day}/{d.month}/{d.year} ({DOW[d.weekday()]})"
    if style == "dMonyy":
        return f"{d.day}-{MON[d.month - 1]}-{d.year % 100:02d}"
    if style == "dowdmony":
        m = MON[d.month - 1]
        return f"{DOW[d.weekday()]}. {d.day} {m}{'' if m == 'May' else '.'} {d.year}"
    if style == "dmy0dow":
        return f"{d.day:02d}/{d.month:02d}/{d.year} {DOWF[d.weekday()]}"
    if style == "dMonYslash":
        return f"{d.day}/{MON[d.month - 1]}/{d.year}"
    if style == "ordMonthyy":
        return f"{ordinal(d.day)} {MONTH[d.month - 1]} {d.year % 100:02d}"
    if style == "dmy0":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTH[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


ALL_STYLES = ["ordcomma", "dMONY", "dmyday", "dMonyy", "dowdmony", "dmy0dow", "dMonYslash", "ordMonthyy", "dmy0",
              "dmy", "long", "iso"]
ALT_STYLES = ["dmy0", "long", "dmy"]

FIRST_F = ["Maya", "Isla", "Amira", "Poppy", "Zara", "Lily-Mae", "Ava", "Freya", "Nevaeh", "Aisha", "Ellie", "Ruby",
           "Hafsa", "Kacey", "Orla", "Sienna", "Talia", "Wiktoria", "Esme", "Imani", "Darcie", "Niamh", "Skye"]
FIRST_M = ["Leo", "Kai", "Mason", "Theo", "Reggie", "Ibrahim", "Jayden", "Oskar", "Finley", "Tyler", "Rhys", "Musa",
           "Alfie", "Callum", "Dexter", "Kobe", "Ronan", "Zane", "Harley", "Eli", "Jude", "Kieran", "Bodhi"]
SURNAMES = ["Thompson", "Okafor", "Kowalczyk", "Hussain", "Doherty", "Pritchard", "McAllister", "Begum", "Fairclough",
            "Nowak", "Ashworth", "Campbell-Reid", "Oyelaran", "Sutcliffe", "O'Rourke", "Haddad", "Whitlock",
            "Bramley", "Achterberg", "Mensah", "Latham", "Rossiter", "Iqbal", "Duffield", "Kerrigan"]
ADULT_F = ["Joanne", "Priya", "Helen", "Sadia", "Claire", "Bethan", "Grace", "Yvonne", "Rachel", "Ngozi", "Kirsty",
           "Fiona", "Lauren", "Marta", "Anjali", "Deborah", "Shona", "Catrin", "Heidi", "Tamsin"]
ADULT_M = ["Martin", "Gareth", "Imran", "Paul", "Stuart", "Declan", "Femi", "Craig", "Owen", "Tomasz", "Neil",
           "Rajesh", "Andrew", "Simon", "Callum", "Lewis", "Darren", "Jonah"]
ADULT_SUR = ["Wilson", "Chaudhry", "Pearce", "Lindqvist", "Harrington", "Obi", "Crossley", "Mahmood", "Dunbar",
             "Fenwick", "Gallagher", "Appleyard", "Kaur", "Metcalfe", "Rowntree", "Stanhope", "Tierney", "Varley",
             "Yeadon", "Holroyd", "Penhaligon", "Quigley"]
STREETS = ["Larkspur Road", "Mill Race Lane", "Tanner's Row", "Quarry Bank", "Hawthorn Close", "Beck Side",
           "Victoria Terrace", "Foundry Street", "Gorse Avenue", "Kiln Walk", "Chapel Fold", "Orchard Way",
           "Sandpiper Court", "Brewery Lane", "Nursery Gardens", "Weavers Yard"]
TOWNS = {
    "hollinsford_feeding": (["Hollinsford", "Brede", "Upper Brede"], "HF"),
    "quarley_rj": (["Quarley", "Quarley Marsh", "Eastholt"], "QY"),
    "tenterby_fdac": (["Tenterby", "Oakhollow", "Tenterby Moor"], "TN"),
    "ravelby_warmhomes": (["Ravelby", "Ravelby Bridge", "Scarth"], "RV"),
    "linmouth_smokefree": (["Linmouth", "Linmouth Quay", "Aldcombe"], "LN"),
    "dunstow_triage": (["Dunstow", "Dunstow Vale", "Pelham Cross"], "DW"),
    "aireby_gambling": (["Aireby", "Wharfe Bridge", "Low Aireby"], "AB"),
    "crowlingham_lwa": (["Crowlingham", "Crowlingham Heath", "Saxby"], "CW"),
}
ETHNICITIES = ["White British", "White - Irish", "Mixed White and Black Caribbean", "Pakistani", "Bangladeshi",
               "Black African", "White - Polish", "Any other White background", "Indian", "Gypsy / Roma",
               "Mixed White and Asian", "Black Caribbean", "Arab", "White British / Irish"]
LEGAL = ["No order", "Section 20 (accommodated)", "Interim Care Order", "Child Arrangements Order (maternal grandmother)",
         "Care Order (s31)", "Special Guardianship Order", "None", "Supervision Order"]
DISAB = ["None known", "Autism (diagnosed 2022)", "ADHD - awaiting assessment", "Cerebral palsy, uses a wheelchair",
         "Asthma", "Speech and language delay", "Type 1 diabetes", "Born at 31 weeks, reflux", "Epilepsy",
         "Global developmental delay", "Anxiety and low mood"]
SCHOOLS = ["{t} Primary Academy", "St Anselm's RC Primary School", "{t} High School", "Riverside Nursery ({t})",
           "{t} Community College", "Greenbank Pupil Referral Unit", "Moorfield Junior School",
           "Bright Beginnings Day Nursery", "{t} Sixth Form College", "Holy Trinity CE Primary"]
GPS = ["{t} Medical Practice", "Dr Okonjo & Partners", "The Beck Surgery", "{t} Health Centre", "Parkside Family Practice",
       "Church View Surgery"]
AGES = ["about 11", "12 yrs", "approx. 14", "7 years", "around 16", "10 months", "15", "9 years old", "13 (approx.)",
        "6 weeks"]
LOCATIONS = ["Family home, {a}", "{t} town centre, near the bus station", "Bedroom at the family home",
             "Car park of {t} Retail Park", "Canal towpath near {s}, {t}", "Grandparents' house in {t}",
             "Children's ward, {t} General Hospital", "Supported lodgings, {s}, {t}", "Underpass on the {t} ring road",
             "Friend's flat, {s}, {t}"]
FILLERS = ["N/A", "n/a", "-", "Not applicable"]

AGENCY_POOL = [
    ("GP", "{gp}"), ("School", "{school}"), ("Health visiting", "{t} Health Visiting Team"),
    ("Police", "{t} Police - Public Protection Unit"), ("CSC", "{t} Children's Social Care"),
    ("CAMHS", "{t} CAMHS"), ("Midwifery", "{t} Community Midwifery"), ("Housing", "{t} Homes (housing association)"),
    ("YJS", "{t} Youth Justice Service"), ("Early help", "{t} Early Help Team"),
    ("Substance", "{t} Recovery Service (adults)"), ("Hospital", "{t} General Hospital - paediatrics"),
    ("Probation", "Probation Service - {t} PDU"), ("DA", "{t} Domestic Abuse Service"),
]


def iso(d):
    return d.isoformat() if d else None


def phone_digits(s: str) -> str:
    return re.sub(r"[^0-9+]", "", s)


class Ans(dict):
    """One answer as the form shows it, with its truth."""


def a_text(text, filler=None):
    return Ans(kind="text", text=text, filler=filler)


def a_date(d, style, filler=None):
    return Ans(kind="date", date=d, style=style, filler=filler)


def a_choice(options, chosen):
    return Ans(kind="choice", options=list(options), chosen=chosen)


def a_lines(lines, filler=None):
    return Ans(kind="lines", lines=list(lines) if lines else [], filler=filler)


def a_paras(paras, filler=None):
    return Ans(kind="paras", paras=list(paras) if paras else [], filler=filler)


def display(a) -> str:
    """The answer as one string (lines joined with ', ', paragraphs with a blank line)."""
    k = a["kind"]
    if k == "text":
        return a["text"] if a["text"] is not None else (a.get("filler") or "")
    if k == "date":
        return fmt_date(a["date"], a["style"]) if a["date"] else (a.get("filler") or "")
    if k == "lines":
        return ", ".join(a["lines"]) if a["lines"] else (a.get("filler") or "")
    if k == "paras":
        return "\n\n".join(a["paras"]) if a["paras"] else (a.get("filler") or "")
    if k == "choice":
        return a["options"][a["chosen"]] if a["chosen"] is not None else ""
    raise ValueError(k)


def is_blank(a) -> bool:
    k = a["kind"]
    if k == "choice":
        return a["chosen"] is None
    return display(a) == ""


def truth_text(a):
    k = a["kind"]
    if k == "text":
        return a["text"]
    if k == "date":
        return iso(a["date"])
    if k == "lines":
        return ", ".join(a["lines"]) if a["lines"] else None
    if k == "paras":
        return "\n\n".join(" ".join(p.split()) for p in a["paras"]) if a["paras"] else None
    raise ValueError(k)


def truth_yn(a):
    if a["chosen"] is None or a["chosen"] == 2:
        return None
    return a["chosen"] == 0


def truth_gender(a):
    return None if a["chosen"] is None else ["female", "male", "other"][a["chosen"]]


ITYPE_VALUES = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]


class Case:
    """One form's case: answers by field key (children: list of dicts), plus notes."""

    def __init__(self, sender: dict, rng: random.Random, n: int, plan: dict):
        self.s = sender
        self.rng = rng
        self.n = n
        self.plan = plan
        self.notes = {"sender": sender["key"], "partnership": sender["partnership"], "date_style": sender["date_style"],
                      "dob_style": sender["dob_style"], "alt_dates": 0, "blanks": 0, "fillers": 0,
                      "third_option": 0, "decoys": [], "not_asked": list(sender["not_asked"])}
        self.build()

    # ---- helpers
    def asked(self, key):
        return key not in self.s["not_asked"]

    def mdate(self, d, blank_p=0.0, filler_p=0.0):
        r = self.rng
        if d is None or r.random() < blank_p:
            if r.random() < filler_p:
                self.notes["fillers"] += 1
                return a_date(None, self.s["date_style"], r.choice(FILLERS))
            self.notes["blanks"] += 1
            return a_date(None, self.s["date_style"])
        style = self.s["date_style"]
        if r.random() < 1 / 7:
            style = r.choice(ALT_STYLES)
            self.notes["alt_dates"] += 1
        return a_date(d, style)

    def mtext(self, value, blank_p=0.0, filler_p=0.0):
        r = self.rng
        if value is None or r.random() < blank_p:
            if r.random() < filler_p:
                self.notes["fillers"] += 1
                return a_text(None, r.choice(FILLERS))
            self.notes["blanks"] += 1
            return a_text(None)
        return a_text(value)

    def yn(self, value: bool | None, third_p=0.08, blank_p=0.05):
        r = self.rng
        x = r.random()
        if value is None or x < blank_p:
            self.notes["blanks"] += 1
            return a_choice(self.s["yn"], None)
        if x < blank_p + third_p:
            self.notes["third_option"] += 1
            return a_choice(self.s["yn"], 2)
        return a_choice(self.s["yn"], 0 if value else 1)

    def person(self, female=None):
        r = self.rng
        if female is None:
            female = r.random() < 0.6
        first = r.choice(ADULT_F if female else ADULT_M)
        return first, r.choice(ADULT_SUR)

    def phone(self):
        r = self.rng
        kind = r.random()
        if kind < 0.45:
            area = r.choice(["0113", "0114", "0115", "0116", "0117", "0118", "0121", "0161", "0191"])
            return f"{area} 496 0{r.randint(0, 999):03d}"
        if kind < 0.85:
            return f"07700 900{r.randint(0, 999):03d}"
        return f"+44 7700 900{r.randint(0, 999):03d}"

    def email(self, first, last, domain):
        r = self.rng
        local = f"{first}.{last}".replace("'", "").replace(" ", "")
        e = f"{local}@{domain}"
        if r.random() < 0.35:
            e = f"{first.capitalize()}.{last.replace(chr(39), '')}@{domain}"
        return e

    # ---- the case
    def build(self):
        r, s, plan = self.rng, self.s, self.plan
        towns, pc = TOWNS[s["key"]]
        self.towns = towns
        self.town = towns[0]
        itype = plan["itype"]
        self.itype = itype
        incident = dt.date(2025, 12, 1) + dt.timedelta(days=r.randint(0, 75))
        aware = incident + dt.timedelta(days=r.choice([0, 0, 1, 1, 2, 3, 5]))
        referral = aware + dt.timedelta(days=r.randint(1, 6))
        self.dates = {"incident": incident, "aware": aware, "referral": referral}
        A = {}
        A["ref_date"] = self.mdate(referral)
        rf, rl = self.person()
        A["r_name"] = a_text(f"{rf} {rl}")
        A["r_role"] = self.mtext(r.choice(s["roles"]), 0.05)
        A["r_agency"] = self.mtext(r.choice(s["agency_names"]), 0.05)
        A["r_email"] = self.mtext(self.email(rf.lower(), rl.lower(), s["email_domain"]), 0.05)
        A["r_phone"] = self.mtext(self.phone(), 0.05)
        lf, ll = self.person()
        title = r.choice(["", "", "", "Dr ", "Mrs ", "Ms "]) if s["key"] != "dunstow_triage" else r.choice(["", "Insp. ", ""])
        A["l_name"] = self.mtext(f"{title}{lf} {ll}", 0.06)
        A["l_role"] = self.mtext(r.choice(s["lead_roles"]), 0.08, 0.3)
        A["l_agency"] = self.mtext(s["lead_agency"], 0.1, 0.3)
        A["l_email"] = self.mtext(self.email(lf.lower(), ll.lower(), s["email_domain"]), 0.1, 0.3)
        A["l_phone"] = self.mtext(self.phone(), 0.12, 0.3)
        A["l_discussed"] = self.yn(r.random() < 0.85)
        # children
        nchild = plan["children"]
        family = r.choice(SURNAMES)
        street = r.choice(STREETS)
        house = r.randint(2, 140)
        town = r.choice(towns)
        pcode = f"{pc}{r.randint(1, 19)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXY')}{r.choice('ABDEFGHJLNPQRSTUWXY')}"
        addr_lines = r.choice([[f"{house} {street}", town, pcode],
                               [f"Flat {r.randint(1, 12)}, {r.choice(['Heron', 'Alder', 'Kestrel', 'Rowan'])} House",
                                street, town, pcode],
                               [f"{house} {street}", f"{town}", f"{pcode}"]])
        kids = []
        young = s["key"] in ("hollinsford_feeding", "linmouth_smokefree")
        older = s["key"] in ("aireby_gambling", "dunstow_triage", "quarley_rj")
        used_first = set()
        for ci in range(nchild):
            female = r.random() < 0.5
            while True:
                first = r.choice(FIRST_F if female else FIRST_M)
                if first not in used_first:
                    break
            used_first.add(first)
            last = family if (ci == 0 or r.random() < 0.8) else r.choice(SURNAMES)
            if r.random() < 0.15:
                last = last.upper()
            if young and ci == 0:
                dob = referral - dt.timedelta(days=r.randint(10, 300))
            elif older and ci == 0:
                dob = referral - dt.timedelta(days=r.randint(13 * 365, 17 * 365))
            else:
                dob = referral - dt.timedelta(days=r.randint(200, 16 * 365))
            C = {}
            if s["split_name"]:
                C["c_first"] = a_text(first)
                C["c_last"] = a_text(last)
            else:
                C["c_name"] = a_text(f"{first} {last}")
            C["_name"] = f"{first} {last}"
            C["_first"] = first
            C["c_other"] = self.mtext(r.choice([f"{first[:3]}", f"{first} {r.choice(ADULT_SUR)}", "Known as 'JJ'"]),
                                      0.75, 0.4)
            use_age = r.random() < plan.get("age_p", 0.14)
            if use_age:
                C["c_dob"] = a_date(None, s["dob_style"], r.choice(FILLERS) if r.random() < 0.3 else None)
                C["c_age"] = a_text(r.choice(AGES))
                self.notes.setdefault("ages", 0)
                self.notes["ages"] += 1
            else:
                C["c_dob"] = a_date(dob, s["dob_style"])
                C["c_age"] = a_text(None, r.choice(FILLERS) if r.random() < 0.2 else None)
            g = r.random()
            C["c_gender"] = a_choice(s["gender"], None if g < 0.04 else (2 if g < 0.09 else (0 if female else 1)))
            C["c_eth"] = self.mtext(r.choice(ETHNICITIES), 0.12)
            own_addr = ci == 0 or r.random() < 0.12
            lines = addr_lines if not own_addr or ci == 0 else [f"{r.randint(2, 90)} {r.choice(STREETS)}", r.choice(towns)]
            C["c_addr"] = a_lines(lines)
            C["c_school"] = self.mtext(r.choice(SCHOOLS).format(t=r.choice(towns)), 0.15, 0.3)
            C["c_gp"] = self.mtext(r.choice(GPS).format(t=r.choice(towns)), 0.12, 0.3)
            C["c_legal"] = self.mtext(r.choice(LEGAL), 0.25, 0.4)
            C["c_cp"] = self.yn(r.random() < 0.4)
            C["c_csc"] = self.yn(r.random() < 0.6)
            lac = itype == "lac_death" and ci == 0
            C["c_lac"] = self.yn(lac or r.random() < 0.1)
            C["c_dis"] = self.mtext(r.choice(DISAB), 0.2, 0.3)
            dies = itype in ("death", "lac_death", "care_leaver_death") and ci == 0 and r.random() < 0.85
            C["c_dod"] = self.mdate(incident if dies else None, 0, 0.25 if not dies else 0)
            kids.append(C)
        self.children = kids
        # incident
        A["i_date"] = self.mdate(incident, 0.03)
        A["i_aware"] = self.mdate(aware, 0.06)
        loc = r.choice(LOCATIONS).format(a=", ".join(addr_lines[:2]), t=r.choice(towns), s=r.choice(STREETS))
        A["i_loc"] = self.mtext(loc, 0.06)
        idx = ITYPE_VALUES.index(itype)
        A["i_type"] = a_choice(s["itypes"], idx)
        other_detail = None
        if itype == "other" and r.random() < 0.85:
            other_detail = r.choice(["Child found in a property with no heating during the cold snap",
                                     "Serious self-harm while in a place of safety",
                                     "Private fostering arrangement - child left with unrelated adult",
                                     "Baby admitted with hypothermia", "Near-fatal overdose at a party",
                                     "Child exploited to carry drugs across county lines"])
        A["i_other"] = a_text(other_detail)
        self.notes["other_detail"] = other_detail
        A["i_summary"] = a_paras(self.summary(itype, kids, incident))
        A["i_police"] = self.yn(r.random() < 0.7)
        died = itype in ("death", "serious_harm", "lac_death", "care_leaver_death")
        A["k_died"] = self.yn(died if itype != "other" else r.random() < 0.5)
        A["k_abuse"] = self.yn(r.random() < 0.7)
        A["k_local"] = self.yn(r.random() < 0.92)
        A["k_learning"] = self.yn(r.random() < 0.85)
        A["k_reason"] = self.mtext(self.reason(kids[0]["_first"]), 0.06)
        notified = r.random() < 0.3
        A["p_notified"] = self.yn(notified, 0.15)
        A["p_date"] = self.mdate(aware + dt.timedelta(days=r.randint(0, 4)) if (notified and A["p_notified"]["chosen"] == 0 and r.random() < 0.85) else None)
        A["concerns"] = self.mtext(self.concerns(kids), 0.05, 0.4)
        self.A = A
        # agencies
        nag = plan["agencies"]
        rows = []
        pool = list(AGENCY_POOL)
        r.shuffle(pool)
        for kind, name in pool[:nag]:
            org = name.format(t=r.choice(towns), gp=r.choice(GPS).format(t=r.choice(towns)),
                              school=r.choice(SCHOOLS).format(t=r.choice(towns)))
            if r.random() < 0.22:
                person = None
            else:
                pf, pl = self.person()
                person = r.choice([f"{pf} {pl}", f"{pf} {pl}", f"Dr {pf} {pl}" if kind in ("GP", "Hospital", "CAMHS") else f"{pf} {pl}",
                                   f"PC {pf} {pl}" if kind == "Police" else f"{pf} {pl}"])
            c = r.random()
            ph = self.phone()
            if c < 0.5:
                contact = ph
            elif c < 0.8:
                contact = f"{(person or 'duty').split()[-1].lower()}@{re.sub('[^a-z]', '', org.lower())[:14]}.org.uk"
            else:
                contact = f"{ph} / duty@{re.sub('[^a-z]', '', org.lower())[:12]}.nhs.uk"
            rows.append({"name": person, "agency": org, "contact": contact})
        self.agencies = rows
        self.notes["agencies"] = len(rows)
        self.notes["agencies_without_person"] = sum(1 for x in rows if x["name"] is None)
        # decoys
        self.decoys = []
        for sect, label, kind in s["decoys"]:
            v = None if r.random() < 0.1 else self.decoy_value(kind)
            self.decoys.append((sect, label, v))
            self.notes["decoys"].append(f"{label}={v if v is not None else ''}")
        self.notes["children"] = nchild
        self.notes["itype"] = itype

    def decoy_value(self, kind):
        r = self.rng
        if kind == "date":
            d = self.dates["incident"] + dt.timedelta(days=r.randint(-60, 20))
            return fmt_date(d, self.s["date_style"])
        if kind == "ref":
            return f"{r.choice(['REF', 'ID', 'WH', 'LWA', 'CL', 'RJ'])}-{r.randint(10000, 99999)}"
        if kind == "person":
            f, l = self.person()
            return f"{f} {l}"
        return {
            "feed": r.choice(["Breastfed", "Mixed feeding", "Formula (bottle)"]),
            "weight": f"{r.randint(3, 8)}.{r.randint(0, 9)} kg",
            "rjrole": r.choice(["Person harmed", "Person responsible", "Supporter"]),
            "crimeref": f"{r.randint(10, 99)}/{r.randint(10000, 99999)}/25",
            "caseno": f"TN{r.randint(25, 26)}C{r.randint(100, 999):05d}",
            "judge": r.choice(["HHJ Marsden", "DJ Okwu", "HHJ Pellow"]),
            "test": r.choice(["Negative (hair strand)", "Positive - cocaine", "Alcohol (PEth) raised"]),
            "rooms": r.choice(["Back bedroom, bathroom", "Children's bedroom", "Kitchen and both bedrooms"]),
            "heating": r.choice(["Gas combi boiler (not working)", "Electric storage heaters", "None - portable heater"]),
            "landlord": r.choice(["Private landlord", "Ravelby Homes", "Scarth Housing Trust"]),
            "ppm": str(r.randint(2, 28)),
            "count": str(r.randint(1, 4)),
            "log": f"{r.randint(100, 999)} of {self.dates['incident'].strftime('%d/%m')}",
            "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            "yn": r.choice(self.s["yn"][:2]),
            "pos": r.choice(["Dunstow General ED", "Health-based place of safety", "Home address"]),
            "outcome": r.choice(["Admitted to paediatric ward", "Home with crisis plan", "Referred to CAMHS crisis team"]),
            "pgsi": str(r.randint(3, 24)),
            "gambling": r.choice(["Online slots, loot boxes", "Sports betting via parent's account", "Skin gambling"]),
            "money": f"{r.randint(40, 3000)}",
            "award": r.choice(["Food and fuel", "Furniture (beds)", "Fuel top-up"]),
        }[kind]

    def summary(self, itype, kids, incident):
        r = self.rng
        c = kids[0]["_first"]
        towns = self.towns
        opening = {
            "death": f"{c} was found unresponsive at home in the early hours and was pronounced dead at {towns[0]} General Hospital.",
            "serious_harm": f"{c} was taken to hospital with injuries that doctors describe as serious and not explained by the account given.",
            "lac_death": f"{c}, who is looked after by the local authority, died following an incident at the placement.",
            "care_leaver_death": f"{c}, a care leaver living in supported accommodation, was found dead in their flat.",
            "other": f"An incident involving {c} has raised serious concerns about the care the family is receiving.",
        }[itype]
        mid = r.sample([
            "The family had been known to several services over the last year, with missed appointments and concerns about neglect of the home.",
            "Mother disclosed domestic abuse by her partner in the weeks before the incident; a referral to the domestic abuse service was made but not followed up.",
            "There were two earlier hospital attendances for minor injuries, each explained as an accident.",
            "Professionals noted the home was cold and damp, with mould in the children's bedroom and little food in the house.",
            "The young person had been reported missing three times since November and was thought to be at risk of exploitation.",
            "Parental drug and alcohol use had been raised at a professionals meeting in the autumn.",
        ], r.randint(1, 3))
        return [opening] + mid

    def reason(self, first):
        r = self.rng
        return r.choice([
            f"{first} has been seriously harmed and neglect is suspected; several agencies were involved and information was not shared.",
            "The criteria appear to be met: a child has died, abuse or neglect is suspected and there may be learning about how agencies worked together.",
            "Concerns about missed opportunities to share information between health, housing and children's social care.",
            "Possible learning about responses to repeated missing episodes and exploitation.",
        ])

    def concerns(self, kids):
        r = self.rng
        sib = kids[1]["_first"] if len(kids) > 1 else "the other children in the household"
        return r.choice([
            f"Strategy discussion held; {sib} staying with maternal grandmother under a safety plan.",
            "Police investigation ongoing; no contact with the parents' partner is allowed while bail conditions apply.",
            f"Risk to {sib} remains; social worker visiting daily and a child protection conference is booked.",
            "No immediate risk identified to other children; family support offered.",
        ])
