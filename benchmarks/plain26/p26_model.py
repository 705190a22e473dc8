"""Invented cases, date styles and the layout-independent form spec (with its truth record)."""

from __future__ import annotations

import datetime as dt
import random

import p26_text as T

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLERS = ["N/A", "n/a", "-", "Not applicable"]
STYLES = ["dmy", "dmy_short", "dmy_yy", "d_m_yy", "long", "ordinal", "abbr", "dots"]
ALT_STYLES = ["dmy", "long", "dmy_short"]


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_yy":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "d_m_yy":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "abbr":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dots":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(style)


def all_date_forms(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [fmt_date(d, s) for s in STYLES] + [iso]


# ------------------------------------------------------------------ phones / emails

def make_phone(rng: random.Random, sender_key: str, mobile: bool | None = None) -> tuple[str, str]:
    """Returns (display, digits) in an Ofcom drama range."""
    if mobile is None:
        mobile = rng.random() < 0.35
    if mobile:
        n = rng.randint(100, 999)
        digits = f"07700900{n}"
        disp = rng.choice([f"07700 900{n}", f"07700 900 {n}", f"07700900{n}", f"+44 7700 900{n}"])
        if disp.startswith("+44"):
            digits = f"+447700900{n}"
        return disp, digits
    code, mid, _ = T.AREAS[sender_key]["phone"]
    if code == "01632":
        n = rng.randint(100, 999)
        digits = f"01632960{n}"
        disp = rng.choice([f"01632 960{n}", f"01632 960 {n}", f"(01632) 960{n}", f"01632960{n}"])
        return disp, digits
    n = rng.randint(100, 999)
    digits = f"{code}4960{n}"
    disp = rng.choice([f"{code} 496 0{n}", f"{code} 4960{n}", f"({code}) 496 0{n}", f"{code}4960{n}"])
    return disp, digits


def make_email(rng, first: str, last: str, domain: str) -> tuple[str, str]:
    """(as typed, lower-cased): most people type their address in lower case, some as First.Last@..."""
    base = f"{first}.{last}".replace("'", "").replace(" ", "")
    if domain == "nhs.net" and rng.random() < 0.4:
        base += str(rng.randint(1, 9))
    addr = f"{base}@{domain}".lower()
    disp = addr if rng.random() < 0.6 else f"{base}@{domain}"
    return disp, addr


# ------------------------------------------------------------------ roles per sender

ROLES = {
    "wrayford_cic": {
        "ref": [("Children in Care Nurse", None), ("Specialist Nurse - Children in Care", None),
                ("Specialty Doctor (Children in Care)", "Dr"), ("Children in Care Health Advisor", None)],
        "ref_agency": ["Wrayford Community Health NHS Trust - Children in Care Health Team",
                       "Children in Care Health Team, WCHT", "WCHT Children in Care Health Team"],
        "lead": [("Named Nurse for Safeguarding Children", None), ("Named Nurse - Safeguarding Children", None)],
        "lead_agency": ["Wrayford Community Health NHS Trust", "WCHT Safeguarding Team"],
        "lead_label_role_alt": None,
    },
    "cresswell_asc": {
        "ref": [("Social Worker", None), ("Senior Practitioner", None), ("Community Care Worker", None),
                ("Occupational Therapist", None)],
        "ref_agency": ["Cresswell County Council - Adult Social Care, North Locality Team",
                       "Adult Social Care (North Locality)", "CCC Adult Social Care - North"],
        "lead": [("Team Manager", None), ("Practice Manager", None), ("Principal Social Worker", None)],
        "lead_agency": ["Cresswell County Council - Adult Social Care", "Adult Social Care, North Locality Team"],
    },
    "eskmoor_scu": {
        "ref": [("Collision Investigator", "PC"), ("Family Liaison Officer", "DC"), ("Investigating Officer", "DC"),
                ("Collision Investigator", "PS")],
        "ref_agency": ["Serious Collision Investigation Unit", "Roads Policing - SCIU", "SCIU, Harlby Road"],
        "lead": [("Investigation Supervisor", "DS"), ("Unit Inspector", "Insp."), ("Senior Investigating Officer", "DI")],
        "lead_agency": ["Serious Collision Investigation Unit", "Roads Policing Unit", "SCIU"],
    },
    "fennick_special": {
        "ref": [("Class Teacher", None), ("Teaching Assistant", None), ("Family Liaison Officer", None),
                ("Deputy Headteacher", None), ("Higher Level Teaching Assistant", None)],
        "ref_agency": ["Fennick Hill School"],
        "lead": [("Headteacher and DSL", None), ("Deputy Headteacher (DSL)", None), ("Assistant Head - DSL", None)],
        "lead_agency": ["Fennick Hill School", "Fennick Hill School (Fennick Learning Trust)"],
    },
    "ashlea_refuge": {
        "ref": [("Children and Young People's Worker", None), ("Refuge Support Worker", None),
                ("Outreach Worker", None), ("IDVA", None)],
        "ref_agency": ["Ashlea Women's Aid", "Ashlea Women's Aid - refuge", "Ashlea Women's Aid (outreach)"],
        "lead": [("Safeguarding Lead", None), ("Service Manager", None), ("Refuge Manager", None)],
        "lead_agency": ["Ashlea Women's Aid"],
    },
    "aldmere_paeds": {
        "ref": [("Consultant Community Paediatrician", "Dr"), ("Specialty Doctor", "Dr"), ("ST6 Paediatrics", "Dr"),
                ("Associate Specialist", "Dr")],
        "ref_agency": ["Community Paediatrics, Child Development Centre", "CDC, Holt Road",
                       "Community Paediatrics - Aldmere and Holt Hospitals"],
        "lead": [("Consultant Paediatrician", "Dr"), ("Named Doctor, Safeguarding Children", "Dr")],
        "lead_agency": ["Aldmere and Holt Hospitals NHS FT", "Aldmere and Holt Hospitals NHS Foundation Trust"],
    },
}


# ------------------------------------------------------------------ the case

def rand_weekday(rng, start: dt.date, end: dt.date) -> dt.date:
    while True:
        d = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        if d.weekday() < 5:
            return d


def age_on(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def school_for(rng, area, years, key):
    """A setting that fits the child's age (None below 2 and from 18)."""
    if key == "fennick_special":
        return "Fennick Hill School" if 2 <= years < 19 else None
    names = area["schools"]
    def kind(n):
        if any(w in n for w in ("Nursery", "Pre-School")):
            return "early"
        if any(w in n for w in ("Primary", "Infant", "Junior", "Village School")):
            return "primary"
        return "secondary"
    want = "early" if 2 <= years < 4 else "primary" if 4 <= years < 11 else "secondary" if 11 <= years < 18 else None
    if want is None:
        return None
    def fe(n):  # a further-education college (16+), not a secondary 'community college'
        return "College" in n and "Community" not in n
    pool = [n for n in names if kind(n) == want and (fe(n) == (years >= 16) or not fe(n) and years >= 16)]
    return rng.choice(pool) if pool else None


def make_case(rng: random.Random, sender: dict, plan: dict) -> dict:
    key = sender["key"]
    area = T.AREAS[key]
    ref_date = rand_weekday(rng, dt.date(2026, 1, 5), dt.date(2026, 4, 24))
    inc_date = ref_date - dt.timedelta(days=rng.randint(2, 24))
    aware = inc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 3]))
    if aware > ref_date:
        aware = ref_date
    itype = plan["itype"]
    n = plan["n_children"]

    used = set()

    def pro_name():
        while True:
            f, l = rng.choice(T.PRO_FIRST), rng.choice(T.PRO_LAST)
            if (f, l) not in used and l not in {u[1] for u in used}:
                used.add((f, l))
                return f, l

    roles = ROLES[key]
    people = {}
    for who in ("ref", "lead"):
        f, l = pro_name()
        role, title = rng.choice(roles[who])
        name = f"{title} {f} {l}" if title else f"{f} {l}"
        email_disp, email = make_email(rng, f, l, sender["email_domain"])
        phone_disp, phone = make_phone(rng, key)
        people[who] = {"first": f, "last": l, "name": name, "role": role,
                       "agency": rng.choice(roles[who + "_agency"]),
                       "email_disp": email_disp, "email": email, "phone_disp": phone_disp, "phone": phone}

    family = rng.choice(T.SURNAMES)
    town = rng.choice(area["towns"])
    num = rng.randint(2, 148)
    street = rng.choice(area["streets"])
    pc = f"{area['pc']}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
    if rng.random() < 0.3:
        addr = [f"Flat {rng.randint(1, 24)}, {rng.choice(['Beacon', 'Albion', 'Kestrel', 'Priory'])} Court",
                f"{num} {street}", town, pc]
    else:
        addr = [f"{num} {street}", town, pc]
    parent_first = rng.choice(["Kerry", "Danielle", "Shannon", "Amina", "Jodie", "Agnieszka", "Leanne", "Sadia",
                               "Natalie", "Chantelle", "Rebecca", "Samira"])
    partner = f"{rng.choice(['Dean', 'Lee', 'Craig', 'Wayne', 'Jamal', 'Piotr', 'Ryan', 'Aaron'])} {rng.choice(T.SURNAMES)}"
    children = []
    used_first = set()
    eth = rng.choice(T.ETHNICITIES)
    for i in range(n):
        gender = rng.choice(["female", "male"])
        if rng.random() < 0.04:
            gender = "other"
        pool = T.GIRLS if gender == "female" else T.BOYS if gender == "male" else T.GIRLS + T.BOYS
        first = rng.choice([x for x in pool if x not in used_first])
        used_first.add(first)
        if itype == "care_leaver_death" and i == 0:
            years = rng.randint(18, 23)
        elif key == "fennick_special" and i == 0:
            years = rng.randint(4, 17)
        elif itype == "lac_death" and i == 0:
            years = rng.randint(3, 17)
        elif itype == "death" and i == 0:
            years = rng.choice([0, 0, 1, 2, 5, 9, 14, 16])
        else:
            years = rng.randint(0, 16)
        dob = ref_date - dt.timedelta(days=years * 365 + rng.randint(20, 340))
        last = family if (i == 0 or rng.random() < 0.8) else rng.choice(T.SURNAMES)
        children.append({"first": first, "last": last, "gender": gender, "dob": dob,
                         "age_years": age_on(dob, ref_date), "eth": eth if rng.random() < 0.9 else rng.choice(T.ETHNICITIES)})
    lac0 = itype == "lac_death" or (key == "wrayford_cic") or rng.random() < 0.12
    for i, c in enumerate(children):
        c["lac"] = lac0 if i == 0 else (lac0 and rng.random() < 0.7)
        c["cp"] = rng.random() < 0.45
        c["csc"] = c["lac"] or rng.random() < 0.6
        if itype == "care_leaver_death" and i == 0:
            c["lac"] = False
        c["addr"] = addr
        if c["lac"] and key == "wrayford_cic":
            c["addr"] = [f"{rng.randint(2, 90)} {rng.choice(area['streets'])}", rng.choice(area["towns"]),
                         f"{area['pc']}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"]
        if key == "fennick_special" and i == 0:
            c["dis"] = rng.choice(T.SPECIAL_NEEDS)
        else:
            c["dis"] = rng.choice(T.DISABILITIES) if rng.random() < 0.35 else None
        c["school"] = school_for(rng, area, c["age_years"], key)
        c["gp"] = rng.choice(area["gps"])
        c["legal"] = (rng.choice(T.LEGAL_LAC) if c["lac"] else
                      (rng.choice(T.LEGAL_OTHER) if rng.random() < 0.12 else None))
        c["other"] = T.NICKNAMES.get(c["first"]) if rng.random() < 0.6 else None
        c["dod"] = None
    if itype in ("death", "lac_death", "care_leaver_death"):
        children[0]["dod"] = inc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))

    # narrative
    c0 = children[0]
    pron = {"female": ("she", "her", "her"), "male": ("he", "his", "him")}.get(c0["gender"])
    if pron is None:
        pron = (c0["first"], c0["first"] + "'s", c0["first"])
    hosp = area["hospital"]
    loc_choices = {
        "death": [f"the family home in {town}", f"{addr[-3] if len(addr) > 3 else addr[0]}, {town}"],
        "serious_harm": [f"the family home, {addr[0]}, {town}", f"a friend's flat in {rng.choice(area['towns'])}"],
        "lac_death": [f"the foster home in {rng.choice(area['towns'])}", f"a children's home in {rng.choice(area['towns'])}"],
        "care_leaver_death": [f"supported accommodation, {rng.choice(area['streets'])}, {rng.choice(area['towns'])}",
                              f"a flat in {rng.choice(area['towns'])}"],
        "other": [f"the family home in {town}", f"an address in {rng.choice(area['towns'])}"],
    }
    road_locs = [f"the A{rng.randint(600, 699)} near {rng.choice(area['towns'])}",
                 f"{rng.choice(area['streets'])}, {rng.choice(area['towns'])}",
                 f"the junction of {rng.choice(area['streets'])} and {rng.choice(area['streets'])}, {rng.choice(area['towns'])}"]
    it = itype or rng.choice(["serious_harm", "death"])
    pool = (T.INCIDENT_ROAD if key == "eskmoor_scu" else T.INCIDENT)[it]
    fits = [x for x in pool if x[0] <= c0["age_years"] <= x[1]] or pool
    lo_age, hi_age, other_detail, inc_text = rng.choice(fits)
    location = rng.choice(road_locs) if key == "eskmoor_scu" else rng.choice(loc_choices[it])
    when = rng.choice(["in the early hours", "on a Saturday evening", "during the night", "late in the afternoon",
                       "shortly after midnight", "on the morning of the incident"])
    died = it in ("death", "lac_death", "care_leaver_death")
    subs = {"C": c0["first"], "CF": f"{c0['first']} {c0['last']}", "he": pron[0], "He": pron[0][:1].upper() + pron[0][1:],
            "his": pron[1], "His": pron[1][:1].upper() + pron[1][1:], "him": pron[2], "loc": location, "hosp": hosp,
            "parent": f"{parent_first} {family}", "partner": partner, "when": when, "age": str(c0["age_years"]),
            "outcome": "died" if died else ("been seriously harmed" if it == "serious_harm"
                                            else "been involved in a serious incident")}

    def fill(s):
        return s.format(**subs)

    n_par = rng.choice([1, 2, 2, 3, 3, 4])
    paras = [fill(inc_text)]
    after = T.AFTER["died" if died else ("harmed" if it == "serious_harm" else "other")]
    extra = [fill(rng.choice(T.INVOLVEMENT[key])), fill(rng.choice(T.BACKGROUND)), fill(rng.choice(after))]
    rng.shuffle(extra)
    paras += extra[: n_par - 1]
    criteria = {"harm": itype != "other" or rng.random() < 0.5, "abuse": rng.random() < 0.85,
                "local": rng.random() < 0.92, "learning": rng.random() < 0.85}
    # reasons 0 and 2 say abuse is suspected: only where the form says so
    reason = fill(rng.choice(T.REASONS if criteria["abuse"] else [T.REASONS[1], T.REASONS[3]]))
    concerns = fill(rng.choice(T.CONCERNS))

    # agencies
    agencies = []
    n_ag = plan["n_agencies"]
    kinds = rng.sample(T.AGENCY_KINDS, n_ag)
    for kind, role, contact_kind in kinds:
        la_short = area["la"]
        for suffix in (" Metropolitan Borough Council", " Borough Council", " County Council", " City Council",
                       " Council"):
            la_short = la_short.replace(suffix, "")
        agency = kind.format(la=la_short,
                             school=rng.choice(area["schools"]), gp=rng.choice(area["gps"]))
        person = None
        if rng.random() > plan["p_no_person"]:
            f, l = pro_name()
            person = f"{f} {l}" if role != "GP" else f"Dr {l}"
            if role == "Detective Constable":
                person = f"DC {f} {l}"
        if contact_kind == "email" and person:
            f0 = person.split()[-2] if len(person.split()) > 1 else person
            contact = f"{f0.lower()}.{person.split()[-1].lower()}@{agency.split()[0].lower().replace(chr(39), '')}.org.uk"
            contact = contact.replace("dr.", "")
        else:
            contact = make_phone(rng, key)[0]
        if rng.random() < 0.15:
            contact = f"{contact} / {make_phone(rng, key, mobile=True)[0]}" if "@" in contact else contact
        if rng.random() < 0.05:
            contact = ""
        agencies.append({"name": person, "agency": agency, "contact": contact, "role": role,
                         "involved": rng.choice(["Y", "Y", "Y", "N"])})

    panel = plan["panel"]
    panel_date = None
    if panel is True:
        panel_date = aware + dt.timedelta(days=rng.randint(1, 5))
        if panel_date > ref_date:
            panel_date = ref_date
    police = it in ("death", "serious_harm", "lac_death", "care_leaver_death") or rng.random() < 0.6
    if key == "eskmoor_scu":
        police = True
    case_other_detail = other_detail
    return {
        "other_detail": case_other_detail,
        "ref_date": ref_date, "inc_date": inc_date, "aware": aware, "itype": itype, "people": people,
        "children": children, "location": location, "summary": paras, "reason": reason, "concerns": concerns,
        "agencies": agencies, "panel": panel, "panel_date": panel_date, "police": police,
        "criteria": criteria,
        "discussed": rng.random() < 0.88,
        "parent": f"{parent_first} {family}", "partner": partner, "family": family, "town": town,
    }


# ------------------------------------------------------------------ the form spec

class Spec:
    """Sections of items. Each item: dict(key,label,kind,...,path,truth)."""

    def __init__(self, rng: random.Random, sender: dict, case: dict, plan: dict):
        self.rng, self.s, self.case, self.plan = rng, sender, case, plan
        self.L = sender["labels"]
        self.notes = {"sender": sender["key"], "date_style": sender["date_main"], "dob_style": sender["date_dob"],
                      "alt_dates": [], "blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": [],
                      "children": len(case["children"]), "agencies": 0, "agencies_without_person": 0,
                      "itype": case["itype"], "other_detail": None, "not_asked": list(sender["not_asked"])}
        self.sections = []
        self.build()

    # --- helpers
    def asked(self, key):
        return key not in self.s["not_asked"] and key in self.L

    def date_text(self, d: dt.date, kind="main") -> str:
        style = self.s["date_main"] if kind == "main" else self.s["date_dob"]
        if self.rng.random() < 0.14:
            alt = self.rng.choice([a for a in ALT_STYLES if a != style])
            self.notes["alt_dates"].append(fmt_date(d, alt))
            return fmt_date(d, alt)
        return fmt_date(d, style)

    def blank_or_fill(self, key, p_blank, p_fill):
        r = self.rng.random()
        if r < p_blank:
            self.notes["blanks"].append(key)
            return ""
        if r < p_blank + p_fill:
            f = self.rng.choice(FILLERS)
            self.notes["fillers"].append(f"{key}={f}")
            return f
        return None

    def text(self, key, label, value, path, truth, p_blank=0.0, p_fill=0.0, wide=False, is_date=False):
        alt = self.blank_or_fill(key, p_blank, p_fill) if value not in (None, "") else None
        if value in (None, ""):
            alt = self.blank_or_fill(key, 0.6, 0.4) or ""
        if alt is not None:
            return {"key": key, "label": label, "kind": "text", "text": alt, "path": path, "truth": None,
                    "wide": wide, "is_date": is_date}
        return {"key": key, "label": label, "kind": "text", "text": value, "path": path, "truth": truth,
                "wide": wide, "is_date": is_date}

    def date_item(self, key, d, path, kind="main", p_blank=0.0, p_fill=0.0, wide=False):
        if d is None:
            return self.text(key, self.L[key], None, path, None, is_date=True)
        return self.text(key, self.L[key], self.date_text(d, kind), path, d.isoformat(), p_blank, p_fill,
                         is_date=True)

    def yn(self, key, value, path, p_third=0.12, p_blank=0.05):
        r = self.rng.random()
        if r < p_blank:
            chosen = None
            self.notes["blanks"].append(key)
        elif r < p_blank + p_third:
            chosen = 2
            self.notes["third_option"].append(key)
        else:
            chosen = 0 if value else 1
        truth = {0: True, 1: False}.get(chosen)
        return {"key": key, "label": self.L[key], "kind": "choice", "group": "yn", "options": list(self.s["yn"]),
                "chosen": chosen, "path": path, "truth": truth}

    # --- sections
    def build(self):
        s, L, case, rng = self.s, self.L, self.case, self.rng
        # referrer
        items = []
        items.append(self.date_item("date_of_referral", case["ref_date"], ("date_of_referral",), p_blank=0.03))
        for who, sec, pre in (("ref", "s_ref", "referrer"), ("lead", "s_lead", "safeguarding_lead")):
            p = case["people"][who]
            if who == "lead":
                items = []
            pb = 0.0 if who == "ref" else 0.06
            items.append(self.text(f"{who}_name", L[f"{who}_name"], p["name"], (pre, "name"), p["name"]))
            items.append(self.text(f"{who}_role", L[f"{who}_role"], p["role"], (pre, "role"), p["role"], pb, pb / 2))
            items.append(self.text(f"{who}_agency", L[f"{who}_agency"], p["agency"], (pre, "agency"), p["agency"], pb, 0))
            items.append(self.text(f"{who}_email", L[f"{who}_email"], p["email_disp"], (pre, "email"), p["email"],
                                   0.03 + pb, 0))
            if items[-1]["truth"] and items[-1]["text"] != items[-1]["truth"]:
                self.notes.setdefault("emails_typed_with_capitals", []).append(items[-1]["text"])
            items.append(self.text(f"{who}_phone", L[f"{who}_phone"], p["phone_disp"], (pre, "phone"), p["phone"],
                                   0.03 + pb, 0))
            if who == "lead":
                items.append(self.yn("discussed", case["discussed"], ("safeguarding_lead", "discussed"), p_third=0.06))
            self.add_decoys(who if who == "ref" else "lead", items)
            self.sections.append({"key": sec, "title": L[sec], "items": items})
        # children
        for i, c in enumerate(case["children"]):
            self.sections.append({"key": "s_child", "title": self.child_title(i), "items": self.child_items(i, c),
                                  "child": i})
        # incident
        items = []
        items.append(self.date_item("i_date", case["inc_date"], ("incident", "date"), p_blank=0.03))
        items.append(self.date_item("i_aware", case["aware"], ("incident", "date_la_aware"), p_blank=0.08))
        items.append(self.text("i_loc", L["i_loc"], case["location"], ("incident", "location"), case["location"],
                               0.05, 0))
        items.append(self.itype_item())
        paras = case["summary"]
        items.append({"key": "i_summary", "label": L["i_summary"], "kind": "paras", "paras": paras,
                      "path": ("incident", "summary"), "truth": "\n\n".join(" ".join(p.split()) for p in paras),
                      "wide": True})
        if self.asked("i_police"):
            items.append(self.yn("i_police", case["police"], ("incident", "police_involved"), p_third=0.05))
        self.add_decoys("incident", items)
        self.sections.append({"key": "s_incident", "title": L["s_incident"], "items": items})
        # criteria
        cr = case["criteria"]
        items = [self.yn("cr_harm", cr["harm"], ("criteria", "died_or_seriously_harmed"), p_third=0.05),
                 self.yn("cr_abuse", cr["abuse"], ("criteria", "abuse_or_neglect_suspected"), p_third=0.15),
                 self.yn("cr_local", cr["local"], ("criteria", "local_connection"), p_third=0.05),
                 self.yn("cr_learning", cr["learning"], ("criteria", "multi_agency_learning"), p_third=0.15)]
        reason = case["reason"]
        if rng.random() < 0.04:
            items.append({"key": "cr_reason", "label": L["cr_reason"], "kind": "paras", "paras": [],
                          "path": ("criteria", "reason"), "truth": None, "wide": True})
            self.notes["blanks"].append("cr_reason")
        else:
            items.append({"key": "cr_reason", "label": L["cr_reason"], "kind": "paras", "paras": [reason],
                          "path": ("criteria", "reason"), "truth": " ".join(reason.split()), "wide": True})
        self.sections.append({"key": "s_criteria", "title": L["s_criteria"], "items": items})
        # panel
        items = []
        pv = case["panel"]
        if pv is None:  # the third option or blank
            it = self.yn("panel", True, ("panel_notified",), p_third=1.0, p_blank=0.0) if rng.random() < 0.6 else \
                self.yn("panel", True, ("panel_notified",), p_third=0.0, p_blank=1.0)
        else:
            it = self.yn("panel", pv, ("panel_notified",), p_third=0.0, p_blank=0.0)
        items.append(it)
        if self.asked("panel_date"):
            if case["panel_date"] is not None and it["truth"] is True:
                items.append(self.date_item("panel_date", case["panel_date"], ("date_panel_notified",), p_blank=0.25))
            else:
                items.append(self.text("panel_date", L["panel_date"], None, ("date_panel_notified",), None,
                                       is_date=True))
        self.sections.append({"key": "s_panel", "title": L["s_panel"], "items": items})
        # agencies
        rows = []
        for a in case["agencies"]:
            name = a["name"]
            disp_name = name if name else self.rng.choice(["", "", "-"])
            rows.append({"name": disp_name, "agency": a["agency"], "contact": a["contact"], "role": a["role"],
                         "involved": a["involved"],
                         "truth": {"name": name, "agency": a["agency"], "contact": a["contact"] or None}})
            self.notes["agencies"] += 1
            self.notes["agencies_without_person"] += name is None
        self.sections.append({"key": "s_agencies", "title": L["s_agencies"], "kind": "agencies", "rows": rows,
                              "cols": L["agency_cols"], "map": L["agency_map"], "items": []})
        # concerns
        alt = self.blank_or_fill("concerns", 0.06, 0.08)
        if alt is not None:
            item = {"key": "concerns", "label": L["concerns"], "kind": "paras", "paras": [alt] if alt else [],
                    "path": ("immediate_concerns",), "truth": None, "wide": True}
        else:
            item = {"key": "concerns", "label": L["concerns"], "kind": "paras", "paras": [case["concerns"]],
                    "path": ("immediate_concerns",), "truth": " ".join(case["concerns"].split()), "wide": True}
        self.sections.append({"key": "s_concerns", "title": L["s_concerns"], "items": [item]})

    def child_title(self, i):
        return self.L["s_child"] if len(self.case["children"]) == 1 else \
            f"{self.L['s_child']} - {self.L['child_heading'].format(n=i + 1)}"

    def child_items(self, i, c):
        L, rng, s = self.L, self.rng, self.s
        P = ("children", i)
        items = []
        upper_last = s["key"] == "eskmoor_scu" and rng.random() < 0.7
        last = c["last"].upper() if upper_last else c["last"]
        full = f"{c['first']} {last}"
        if "c_name" in L:
            items.append({"key": "c_name", "label": L["c_name"], "kind": "text", "text": full, "path": P + ("name",),
                          "truth": full})
        else:
            first = {"key": "c_first", "label": L["c_first"], "kind": "text", "text": c["first"],
                     "path": P + ("name",), "truth": full}
            lastit = {"key": "c_last", "label": L["c_last"], "kind": "text", "text": last, "path": None,
                      "truth": None}
            keys = list(L)
            items += [lastit, first] if keys.index("c_last") < keys.index("c_first") else [first, lastit]
        if self.asked("c_other"):
            items.append(self.text("c_other", L["c_other"], c["other"], P + ("other_names",), c["other"], 0.0, 0.0))
        use_age = self.plan.get("age_child") == i and self.asked("c_age")
        if use_age:
            y = c["age_years"]
            if y == 0:
                months = max(1, (self.case["ref_date"] - c["dob"]).days // 30)
                age = rng.choice([f"{months} months", f"approx {months} months"])
            else:
                age = rng.choice([f"{y}", f"about {y}", f"{y} years", f"{y} yrs", f"approx. {y}", f"{y} (estimated)"])
            self.notes["ages"].append(age)
            items.append(self.text("c_dob", L["c_dob"], None, P + ("dob",), None, is_date=True))
            items.append({"key": "c_age", "label": L["c_age"], "kind": "text", "text": age, "path": P + ("age",),
                          "truth": age})
        else:
            items.append(self.date_item("c_dob", c["dob"], P + ("dob",), kind="dob"))
            if self.asked("c_age"):
                items.append(self.text("c_age", L["c_age"], None, P + ("age",), None))
        # gender
        g_opts = s["gender"]
        vals = [v for _, v in g_opts]
        if c["gender"] in vals and rng.random() > 0.04:
            chosen = vals.index(c["gender"])
        else:
            chosen = None
            self.notes["blanks"].append("c_gender")
        items.append({"key": "c_gender", "label": L["c_gender"], "kind": "choice", "group": "gender",
                      "options": [w for w, _ in g_opts], "chosen": chosen, "path": P + ("gender",),
                      "truth": vals[chosen] if chosen is not None else None})
        if self.asked("c_eth"):
            items.append(self.text("c_eth", L["c_eth"], c["eth"], P + ("ethnicity",), c["eth"], 0.08, 0.0))
        if self.asked("c_addr"):
            one_line = rng.random() < 0.25
            lines = c["addr"]
            alt = self.blank_or_fill("c_addr", 0.03, 0.0)
            if alt is not None:
                items.append({"key": "c_addr", "label": L["c_addr"], "kind": "text", "text": alt,
                              "path": P + ("address",), "truth": None, "wide": True})
            elif one_line:
                txt = ", ".join(lines)
                items.append({"key": "c_addr", "label": L["c_addr"], "kind": "text", "text": txt,
                              "path": P + ("address",), "truth": txt, "wide": True, "addr_parts": list(lines)})
            else:
                items.append({"key": "c_addr", "label": L["c_addr"], "kind": "lines", "lines": list(lines),
                              "path": P + ("address",), "truth": ", ".join(lines), "wide": True})
        if self.asked("c_school"):
            items.append(self.text("c_school", L["c_school"], c["school"], P + ("school",), c["school"], 0.08, 0.05))
        if self.asked("c_gp"):
            items.append(self.text("c_gp", L["c_gp"], c["gp"], P + ("gp",), c["gp"], 0.15, 0.0))
        if self.asked("c_legal"):
            items.append(self.text("c_legal", L["c_legal"], c["legal"], P + ("legal_status",), c["legal"], 0.05, 0.0))
        if self.asked("c_cp"):
            items.append(self.yn("c_cp", c["cp"], P + ("cp_plan",)))
        if self.asked("c_csc"):
            items.append(self.yn("c_csc", c["csc"], P + ("open_to_csc",), p_third=0.06))
        if self.asked("c_lac"):
            items.append(self.yn("c_lac", c["lac"], P + ("looked_after",), p_third=0.04))
        if self.asked("c_dis"):
            items.append(self.text("c_dis", L["c_dis"], c["dis"], P + ("disability",), c["dis"], 0.05, 0.0,
                                   wide=False))
        if self.asked("c_dod"):
            if c["dod"] is not None:
                items.append(self.date_item("c_dod", c["dod"], P + ("date_of_death",), kind="dob"))
            else:
                items.append(self.text("c_dod", L["c_dod"], None, P + ("date_of_death",), None, is_date=True))
        if i == 0:
            self.add_decoys("child", items)
        return items

    def itype_item(self):
        L, rng, s = self.L, self.rng, self.s
        opts = s["itypes"]
        vals = [v for _, v in opts]
        it = self.case["itype"]
        chosen = vals.index(it) if it else None
        other = ""
        if it == "other" and self.plan.get("other_detail"):
            other = self.case["other_detail"] or "see summary"
            self.notes["other_detail"] = other
        if it is None:
            self.notes["blanks"].append("i_type")
        return {"key": "i_type", "label": L["i_type"], "kind": "choice", "group": "itype",
                "options": [w for w, _ in opts], "chosen": chosen, "other_label": L["i_other"], "other_text": other,
                "path": ("incident", "type"), "truth": it}

    def add_decoys(self, where, items):
        rng = self.rng
        for sec, label, kind in self.s["decoys"]:
            if sec != where:
                continue
            val = self.decoy_value(kind)
            pos = rng.randint(1, len(items))
            items.insert(pos, {"key": "decoy", "label": label, "kind": "decoy", "text": val, "path": None,
                               "truth": None})
            self.notes["decoys"].append(f"{label}={val}")

    def decoy_value(self, kind):
        rng, case = self.rng, self.case
        if kind == "nhs":
            return f"999 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        if kind == "date_past":
            return fmt_date(case["ref_date"] - dt.timedelta(days=rng.randint(60, 400)), self.s["date_main"])
        if kind == "date_recent":
            return fmt_date(case["inc_date"] + dt.timedelta(days=rng.randint(1, 6)), self.s["date_main"])
        if kind == "placing_la":
            return rng.choice(["Kelston Borough Council", "Northfell County Council", "Wrayford Borough Council"])
        if kind == "parent":
            return case["parent"]
        if kind == "person":
            return f"{rng.choice(T.PRO_FIRST)} {rng.choice(T.SURNAMES)}"
        if kind == "datix":
            return f"WCH-{case['ref_date'].year}-{rng.randint(1000, 9999):05d}"
        if kind == "mosaic":
            return str(rng.randint(1000000, 1999999))
        if kind == "care_provider":
            return rng.choice(T.CARE_PROVIDERS)
        if kind == "collar":
            return str(rng.randint(1100, 9800))
        if kind == "occurrence":
            return f"ESK-{case['inc_date'].strftime('%y%m%d')}-{rng.randint(1, 999):04d}"
        if kind == "upn":
            return f"H8302{rng.randint(10000000, 99999999)}"
        if kind == "klass":
            y = case["children"][0]["age_years"]
            return ("Ash class (EYFS)" if y < 5 else "Hazel class (KS1)" if y < 7 else "Willow class (KS2)" if y < 11
                    else "Oak class (KS3)" if y < 14 else "Elm class (KS4)" if y < 16 else "Rowan (Post-16)"
                    if y < 19 else "Former pupil (left 20" + f"{case['ref_date'].year % 100 - (y - 18) - 1:02d})")
        if kind == "ashlea_ref":
            return f"AWA/CH/{rng.randint(100, 999)}"
        if kind == "hospno":
            return f"K{rng.randint(1000000, 9999999)}"
        raise ValueError(kind)


def empty_child():
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}


def build_record(spec: Spec) -> dict:
    rec = {
        "form": "referral", "date_of_referral": None,
        "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
        "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None,
                              "discussed": None},
        "children": [empty_child() for _ in spec.case["children"]],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }
    for sec in spec.sections:
        for it in sec["items"]:
            path = it.get("path")
            if not path:
                continue
            obj = rec
            for p in path[:-1]:
                obj = obj[p]
            obj[path[-1]] = it["truth"]
        if sec.get("kind") == "agencies":
            rec["agencies_involved"] = [r["truth"] for r in sec["rows"]]
    return rec
