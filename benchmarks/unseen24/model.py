"""Invented case data for unseen24: one case as a form spec (what is printed) plus its canonical record (the truth)."""

from __future__ import annotations

import datetime as dt

from senders import SENDERS

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d: dt.date, style: str, rng=None) -> str:
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "datetime":
        h = rng.randint(0, 23) if rng else 9
        m = rng.randint(0, 59) if rng else 5
        return f"{d.strftime('%d/%m/%Y')} {h:02d}:{m:02d}"
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "caps_abbr":
        return f"{d.day:02d} {MONTHS[d.month - 1][:3].upper()} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "slash2":
        return d.strftime("%d/%m/%y")
    if style == "abbr":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    raise ValueError(style)


ALL_STYLES = ["slash", "long", "slash_short", "caps_abbr", "ordinal", "slash2", "abbr", "dots"]
ALT_STYLES = ["slash", "long", "slash_short"]

GIRLS = ["Maya", "Lily", "Amira", "Freya", "Zainab", "Poppy", "Isla", "Nadia", "Ellie", "Chloe", "Aaliyah", "Harriet",
         "Keira", "Summer", "Rosie", "Oliwia", "Hana", "Leah", "Esme", "Jasmine", "Tia", "Ruby", "Agnieszka", "Kezia"]
BOYS = ["Leo", "Tyler", "Mason", "Arlo", "Yusuf", "Kai", "Reuben", "Dylan", "Ibrahim", "Harvey", "Jayden", "Finley",
        "Oscar", "Callum", "Bilal", "Theo", "Rhys", "Kacper", "Ezra", "Louie", "Dawit", "Tomasz", "Jude", "Ollie"]
ADULT_FIRST = ["Sarah", "Helen", "Priya", "Gemma", "Rachel", "Joanne", "Fiona", "Claire", "Aisha", "Bethan", "Karen",
               "Martin", "David", "Simon", "Imran", "Gareth", "Paul", "Neil", "Tom", "Lucy", "Nicola", "Hannah", "Ade",
               "Rebecca", "Stuart", "Mandeep", "Olu", "Catriona", "Declan", "Eleanor"]
SURNAMES = ["Thompson", "Okafor", "Kowalski", "Hussain", "Marsh", "Pritchard", "Bennett", "Adeyemi", "Walsh", "Clarke",
            "Nowak", "Ahmed", "Gallagher", "Fenwick", "Begum", "Doyle", "Haddad", "Sutcliffe", "McBride", "Osei",
            "Lloyd", "Rahman", "Whitfield", "Kaur", "Brennan", "Tiernan", "Ashworth", "Mensah", "Barker", "Greaves"]
ETHNIC = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
          "Asian or Asian British - Pakistani", "Black or Black British - African", "White - Polish",
          "Asian British - Bangladeshi", "Mixed - White and Asian", "Gypsy / Roma", "Any other ethnic group - Kurdish",
          "Black British - Caribbean", "White Irish", "Eritrean", "Albanian", "Vietnamese"]
STREETS = ["Larch Road", "Mill Lane", "Brook Terrace", "Station Road", "Kingfisher Close", "Alder Way", "Church Street",
           "Rowan Crescent", "Victoria Avenue", "Quarry Bank", "Meadow View", "Canal Side", "Hawthorn Drive"]
TOWNS = {
    "ferrowby_portage": ("Ferrowby", "FW"), "kestling_iuc": ("Kestling", "KG"), "northreach_cats": ("Northreach", "NR"),
    "harwick_border": ("Harwick", "HW"), "brightside_counselling": ("Lowdale", "LD"), "oakfold_bpas": ("Oakfold", "OF"),
    "mereside_sensory": ("Mereside", "MR"), "ashby_fnp": ("Ashby Vale", "AV"),
}
SCHOOLS = ["St Anne's CE Primary School", "Larchfield Academy", "Brookside Primary", "Kingsway High School",
           "Hillcrest Nursery", "Little Acorns Day Nursery", "Riverside Community College", "Oak Tree Infant School",
           "Greenbank Special School", "Holy Family RC Primary"]
GPS = ["Bridge Street Surgery", "Castle Medical Centre", "Parkside Health Centre", "The Grange Practice",
       "Abbey Road Medical Practice", "Dr Rao and Partners"]
LEGAL = ["Child in need", "Child protection", "Section 20 (accommodated)", "Interim care order", "None",
         "Care order (s31)", "Unaccompanied asylum-seeking child"]
DISAB = ["Global developmental delay", "Cerebral palsy", "Autism (diagnosed 2024)", "Severe hearing loss (cochlear implant)",
         "Visual impairment", "Epilepsy", "None known", "Down syndrome", "ADHD", "Speech and language delay",
         "Premature birth (28 weeks)"]
ROLES = {
    "ferrowby_portage": (["Portage Home Visitor", "Senior Portage Home Visitor", "Early Years Inclusion Practitioner"],
                         ["Portage Team Leader", "Early Years SEND Manager"]),
    "kestling_iuc": (["Health Advisor", "Clinical Advisor (Paramedic)", "Clinical Advisor (Nurse)", "OOH GP"],
                     ["Named Nurse for Safeguarding", "Named GP for Safeguarding"]),
    "northreach_cats": (["Consultant in Paediatric Intensive Care", "Retrieval Nurse", "Specialty Registrar (ST6)",
                         "Advanced Nurse Practitioner"], ["Named Doctor for Safeguarding Children", "Named Nurse"]),
    "harwick_border": (["Border Force Officer", "Higher Officer", "Senior Officer"], ["SAMS Lead (HO)", "SAMS Senior Officer"]),
    "brightside_counselling": (["School Counsellor", "Counsellor (placement)", "Senior Counsellor"],
                               ["Clinical Supervisor", "Head of Clinical Services and DSL"]),
    "oakfold_bpas": (["Registered Nurse", "Midwife", "Nurse Practitioner"], ["Safeguarding Lead Nurse", "Head of Safeguarding"]),
    "mereside_sensory": (["Qualified Teacher of the Deaf", "Qualified Teacher of Vision Impairment", "Habilitation Specialist"],
                         ["Head of Sensory Support", "Head of Service"]),
    "ashby_fnp": (["Family Nurse", "Family Nurse (Band 7)"], ["FNP Supervisor", "FNP Supervisor / Safeguarding Lead"]),
}
TEAMS = {
    "ferrowby_portage": ["Ferrowby Portage Service", "Ferrowby Council - Early Years Inclusion"],
    "kestling_iuc": ["Kestling IUC - 111 Hub", "Kestling IUC - Out of Hours Base, Ormby"],
    "northreach_cats": ["Northreach CATS, Northreach Children's Hospital NHS FT"],
    "harwick_border": ["Border Force, Port of Harwick", "Border Force South East, Harwick"],
    "brightside_counselling": ["Brightside Schools Counselling"],
    "oakfold_bpas": ["Oakfold PAS - Ryecroft Clinic", "Oakfold PAS - Central Clinic"],
    "mereside_sensory": ["Mereside Sensory Support Service"],
    "ashby_fnp": ["Ashby Vale FNP, Ashby Community Health NHS Trust"],
}
AGENCIES = [
    ("Health Visiting", True), ("Children's Social Care - Assessment Team", True), ("Police - Public Protection Unit", True),
    ("GP", True), ("School", True), ("CAMHS", True), ("Community Paediatrics", True), ("Youth Justice Service", True),
    ("Early Help", True), ("Midwifery", True), ("Housing", False), ("Adult Mental Health", True),
    ("Independent Domestic Violence Advocate service", False), ("Speech and Language Therapy", True),
    ("Children's Hospital - ward 4", False), ("Refugee Council", False),
]
SUMMARY_BITS = [
    "On {inc} {name} was brought to hospital by ambulance after {car} called 999 reporting that {pron} was floppy and hard to wake.",
    "A CT scan showed injuries that the treating team considered were not consistent with the explanation given.",
    "{name} had been seen by several services in the previous months; there were missed appointments and concerns about home conditions.",
    "{car} told staff that {name} had fallen from a sofa, but later gave a different account.",
    "Police attended the home the same evening and a strategy discussion was held the following day.",
    "There had been reports of domestic abuse in the household and a previous referral was closed after a single assessment.",
    "Siblings were placed with extended family under a safety plan while enquiries continue.",
    "{name} disclosed to the referrer that an adult known to the family had been harming {obj}.",
    "The family had moved address three times in the year before the incident.",
]
REASONS = [
    "Several agencies were involved and information about risk does not appear to have been shared or acted on.",
    "There may be learning about how agencies recognise and respond to injuries in non-mobile babies.",
    "The case raises questions about escalation when families disengage from services.",
    "Concerns were known to more than one agency but no agency held the whole picture.",
]
CONCERNS = [
    "Siblings are staying with their grandmother under a safety plan; a strategy meeting is booked.",
    "The child remains in hospital; supervised contact only.",
    "No other children in the household. Police enquiries are ongoing.",
    "Mother and baby placed in a supported placement; daily visits by the social worker.",
]
LOCATIONS = ["Family home", "Home address", "Ferry terminal, Harwick", "A park near the home address", "Grandparent's home",
             "Temporary accommodation", "Town centre", "School grounds", "Emergency department, General Hospital"]


class Case:
    """One invented case: values (for the record) and their shown strings."""


def phone(rng):
    k = rng.random()
    if k < 0.35:
        s = f"07700 900{rng.randint(0, 999):03d}"
    elif k < 0.6:
        s = f"01632 960{rng.randint(0, 999):03d}"
    elif k < 0.8:
        s = f"0113 496 0{rng.randint(0, 999):03d}"
    elif k < 0.9:
        s = f"020 7946 0{rng.randint(0, 999):03d}"
    else:
        s = f"+44 7700 900{rng.randint(0, 999):03d}"
    return s


def phone_digits(s):
    return ("+" if s.strip().startswith("+") else "") + "".join(c for c in s if c.isdigit())


def make_case(rng, key: str, n: int, itype: str, nchildren: int):
    S = SENDERS[key]
    c = Case()
    c.key = key
    c.S = S
    na = S["not_asked"]
    town, pc = TOWNS[key]
    c.town = town

    def dstr(d, dob=False):
        style = S["date_dob"] if dob else S["date_main"]
        if rng.random() < 1 / 7:
            style = rng.choice(ALT_STYLES)
        return fmt_date(d, style, rng)

    c.dstr = dstr
    base = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randint(0, 170))
    inc = base
    la = inc + dt.timedelta(days=rng.randint(0, 3))
    ref = la + dt.timedelta(days=rng.randint(1, 9))
    c.dates = dict(inc=inc, la=la, ref=ref)
    # people
    def person(roles, teams):
        f, s = rng.choice(ADULT_FIRST), rng.choice(SURNAMES)
        title = rng.choice(["", "", "", "Dr "]) if key in ("northreach_cats", "kestling_iuc") else ""
        name = f"{title}{f} {s}"
        em = f"{f.lower()}.{s.lower()}@{S['domain']}"
        if rng.random() < 0.25:
            em_shown = f"{f}.{s}@{S['domain']}"
        else:
            em_shown = em
        return dict(name=name, role=rng.choice(roles), agency=rng.choice(teams), email=em, email_shown=em_shown,
                    phone_shown=phone(rng))
    roles_r, roles_l = ROLES[key]
    c.ref = person(roles_r, TEAMS[key])
    c.lead = person(roles_l, TEAMS[key])
    c.lead["phone_blank"] = rng.random() < 0.15
    r = rng.random()
    c.discussed = rng.choice([True, True, True, False]) if r < 0.75 else ("third" if r < 0.9 else None)
    # children
    fam = rng.choice(SURNAMES)
    if rng.random() < 0.25:
        fam = f"{fam}-{rng.choice(SURNAMES)}"
    street = f"{rng.randint(1, 140)} {rng.choice(STREETS)}"
    addr = [street, town, f"{pc}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
    if rng.random() < 0.3:
        addr.insert(0, f"Flat {rng.randint(1, 12)}, {rng.choice(['Aspen House', 'Cedar Court', 'Marlow House'])}")
    lo, hi = S["ages"]
    c.children = []
    for i in range(nchildren):
        ch = {}
        girl = rng.random() < 0.5
        first = rng.choice(GIRLS if girl else BOYS)
        while any(x["first"] == first for x in c.children):
            first = rng.choice(GIRLS if girl else BOYS)
        last = fam if rng.random() < 0.85 else rng.choice(SURNAMES)
        ch["first"], ch["last"] = first, last
        ch["last_shown"] = last.upper() if (S["split"] != "one" and rng.random() < 0.3) else last
        age_y = rng.randint(lo, hi)
        if itype == "care_leaver_death" and i == 0:
            age_y = rng.randint(18, 20)
        dob = inc - dt.timedelta(days=int(age_y * 365.25) + rng.randint(10, 300))
        ch["dob"] = dob
        ch["use_age"] = rng.random() < 0.22 and not (itype == "care_leaver_death" and i == 0)
        if ch["use_age"]:
            if age_y == 0:
                ch["age"] = rng.choice([f"{rng.randint(2, 11)} months", f"about {rng.randint(3, 10)} months"])
            else:
                ch["age"] = rng.choice([f"{age_y}", f"{age_y} years", f"about {age_y}", f"approx. {age_y}", f"{age_y} yrs"])
        g = rng.random()
        ch["gender"] = ("female" if girl else "male") if g < 0.88 else ("other" if g < 0.94 else None)
        ch["other_names"] = rng.choice([None, None, f"{first[:3]}{rng.choice(['ie', 'ey', 'o'])}", f"{first} {rng.choice(SURNAMES)}"])
        ch["ethnicity"] = rng.choice(ETHNIC) if rng.random() < 0.85 else None
        ch["address"] = list(addr) if i == 0 or rng.random() < 0.9 else [f"{rng.randint(1, 99)} {rng.choice(STREETS)}", town]
        ch["school"] = rng.choice(SCHOOLS) if rng.random() < 0.75 else None
        ch["gp"] = rng.choice(GPS) if rng.random() < 0.8 else None
        ch["legal_status"] = rng.choice(LEGAL) if rng.random() < 0.7 else None
        if itype == "lac_death" and i == 0:
            ch["legal_status"] = rng.choice(["Care order (s31)", "Section 20 (accommodated)", "Interim care order"])
        def tri():
            r = rng.random()
            return True if r < 0.4 else False if r < 0.75 else "third" if r < 0.9 else None
        ch["cp_plan"], ch["open_to_csc"], ch["looked_after"] = tri(), tri(), tri()
        if itype == "lac_death" and i == 0:
            ch["looked_after"] = True
        ch["disability"] = rng.choice(DISAB) if rng.random() < 0.6 else None
        ch["dod"] = (inc + dt.timedelta(days=rng.randint(0, 2))) if (i == 0 and itype in ("death", "lac_death", "care_leaver_death")) else None
        c.children.append(ch)
    c.itype = itype
    c.other_detail = rng.choice(["Fabricated or induced illness suspected", "Child found abandoned at the port",
                                 "Serious self-harm in custody", "Child trafficking - child missing from care"]) if itype == "other" else None
    c.location = rng.choice(LOCATIONS) if rng.random() < 0.85 else None
    ch0 = c.children[0]
    fill = dict(name=ch0["first"], car=rng.choice(["mother", "the father", "the carer", "a neighbour"]),
                pron="she" if ch0["gender"] == "female" else "he", obj="her" if ch0["gender"] == "female" else "him",
                inc=dstr(inc))
    k = rng.randint(2, 4)
    bits = rng.sample(SUMMARY_BITS[1:], k - 1)
    c.summary = [SUMMARY_BITS[0].format(**fill)] + [b.format(**fill) for b in bits]
    c.police = rng.choice([True, True, False, "third", None])
    def crit():
        r = rng.random()
        return True if r < 0.72 else False if r < 0.82 else "third" if r < 0.94 else None
    c.crit = dict(died=crit(), abuse=crit(), local=crit(), learning=crit())
    c.reason = rng.choice(REASONS) if rng.random() < 0.92 else None
    r = rng.random()
    c.panel = True if r < 0.45 else False if r < 0.75 else "third" if r < 0.88 else None
    c.panel_date = (la + dt.timedelta(days=rng.randint(1, 5))) if c.panel is True and rng.random() < 0.85 else None
    c.concerns = rng.choice(CONCERNS) if rng.random() < 0.85 else None
    # agencies
    nag = rng.choice([0, 1, 2, 2, 3, 3, 3, 4])
    c.agencies = []
    for a, has_person in rng.sample(AGENCIES, nag):
        who = f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}" if (has_person and rng.random() < 0.75) else None
        if a == "GP" and who:
            who = "Dr " + who
        contact = rng.choice([phone(rng), f"{rng.choice(['duty', 'team', 'admin'])}@{a.split()[0].lower().strip(',')}-{town.lower().replace(' ', '')}.example.org.uk",
                              phone(rng)])
        c.agencies.append(dict(agency=a, name=who, contact=contact))
    # blanks and fillers: (which optional text shows as filler / blank)
    c.fillers = {}
    for fld in ("other_names", "ethnicity", "school", "gp", "legal_status", "disability", "location", "concerns"):
        c.fillers[fld] = rng.choice(["N/A", "n/a", "-", "Not applicable", "Not known"])
    c.decoys = []
    c.decoy_dates = []
    for lab, kind in S["decoys"]:
        if kind == "date":
            dd = inc - dt.timedelta(days=rng.randint(5, 400))
            v = dstr(dd)
            c.decoy_dates.append((lab, v, dd))
        else:
            v = decoy_value(rng, kind, c)
        c.decoys.append((lab, v))
    return c


def decoy_value(rng, kind, c):
    d = c.dates
    if kind.startswith("ref_"):
        return f"{kind[4:]}-{rng.randint(2025, 2026)}-{rng.randint(1000, 99999):05d}"
    if kind == "date":
        return c.dstr(d["inc"] - dt.timedelta(days=rng.randint(5, 400)))
    if kind == "datetime":
        return fmt_date(d["inc"] + dt.timedelta(days=rng.choice([0, 1])), "datetime", rng)
    if kind == "person":
        return f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"
    if kind == "count":
        return str(rng.randint(2, 30))
    if kind == "time":
        return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    if kind == "score":
        return f"{rng.uniform(1, 40):.1f}%"
    if kind == "disp":
        return rng.choice(["Dx333 - attend ED", "Dx02 - emergency ambulance", "Dx05 - speak to clinician"])
    if kind == "vessel":
        return rng.choice(["MV Stour Venture", "Flight HX 2214", "Coach HWK-0412 (ferry)"])
    if kind == "gest":
        return f"{rng.randint(6, 19)} weeks"
    if kind == "band":
        return rng.choice(["Band A (weekly)", "Band B (monthly)", "Band C (termly)"])
    if kind == "phase":
        return rng.choice(["Pregnancy", "Infancy", "Toddlerhood"])
    return "-"


# ---------------------------------------------------------------- spec (what the form prints) + record

def tri_word(S, v):
    return {True: 0, False: 1, "third": 2, None: None}[v]


def build(rng, c, layout):
    """The spec: sections of rows. Returns (spec, record, notes)."""
    S, L, na = c.S, c.S["L"], c.S["not_asked"]
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [f"{a}={b}" for a, b in c.decoys],
             "ages": 0, "children": len(c.children), "agencies": len(c.agencies),
             "agencies_without_person": sum(1 for a in c.agencies if not a["name"]), "itype": c.itype,
             "not_asked": sorted(na), "date_style": S["date_main"], "dob_style": S["date_dob"]}
    yn = [S["yes"], S["no"], S["third"]]

    def text(key, label, value, truth_is=None, **kw):
        return dict(t="text", key=key, label=label, value=value, **kw)

    def opt_text(key, label, value, fld):
        """An optional field: value, or blank / filler (truth null)."""
        if value is None:
            if rng.random() < 0.5:
                notes["blanks"].append(key)
                return text(key, label, None)
            notes["fillers"].append(key)
            return text(key, label, c.fillers.get(fld, "N/A"))
        return text(key, label, value)

    def choice(key, label, v):
        i = tri_word(S, v)
        if i == 2:
            notes["third_option"].append(key)
        if i is None:
            notes["blanks"].append(key)
        return dict(t="choice", key=key, label=label, options=yn, chosen=i)

    secs = []
    T = S["sections"]
    ref, lead = c.ref, c.lead
    secs.append(dict(title=T[0], rows=[
        text("date_of_referral", L["date_of_referral"], c.dstr(c.dates["ref"]), date=c.dates["ref"]),
        text("ref_name", L["ref_name"], ref["name"]), text("ref_role", L["ref_role"], ref["role"]),
        text("ref_agency", L["ref_agency"], ref["agency"]), text("ref_email", L["ref_email"], ref["email_shown"]),
        text("ref_phone", L["ref_phone"], ref["phone_shown"])]))
    secs.append(dict(title=T[1], rows=[
        text("lead_name", L["lead_name"], lead["name"]), text("lead_role", L["lead_role"], lead["role"]),
        text("lead_agency", L["lead_agency"], lead["agency"]), text("lead_email", L["lead_email"], lead["email_shown"]),
        text("lead_phone", L["lead_phone"], None if lead["phone_blank"] else lead["phone_shown"]),
        choice("discussed", L["discussed"], c.discussed)]))
    rec_children = []
    for i, ch in enumerate(c.children):
        rows = []
        if S["split"] == "one":
            rows.append(text("child_name", L["child_name"], f"{ch['first']} {ch['last_shown']}"))
        elif S["split"] == "first_last":
            rows += [text("child_first", L["child_first"], ch["first"]), text("child_last", L["child_last"], ch["last_shown"])]
        else:
            rows += [text("child_last", L["child_last"], ch["last_shown"]), text("child_first", L["child_first"], ch["first"])]
        rc = dict(name=f"{ch['first']} {ch['last_shown']}", other_names=None, dob=None, age=None, gender=None,
                  ethnicity=None, address=None, school=None, gp=None, legal_status=None, cp_plan=None,
                  open_to_csc=None, looked_after=None, disability=None, date_of_death=None)
        if "other_names" not in na:
            rows.append(opt_text("other_names", L["other_names"], ch["other_names"], "other_names"))
            rc["other_names"] = ch["other_names"]
        if ch["use_age"]:
            notes["ages"] += 1
            rows.append(text("dob", L["dob"], None))
            rows.append(text("age", L["age"], ch["age"]))
            rc["age"] = ch["age"]
        else:
            rows.append(text("dob", L["dob"], c.dstr(ch["dob"], dob=True), date=ch["dob"]))
            rows.append(text("age", L["age"], None))
            rc["dob"] = ch["dob"].isoformat()
        gi = {"female": 0, "male": 1, "other": 2, None: None}[ch["gender"]]
        rows.append(dict(t="choice", key="gender", label=L["gender"], options=list(S["gender"]), chosen=gi))
        rc["gender"] = ch["gender"]
        for fld in ("ethnicity", "address", "school", "gp", "legal_status"):
            if fld in na:
                continue
            if fld == "address":
                rows.append(dict(t="text", key="address", label=L["address"], value="\n".join(ch["address"]), lines=list(ch["address"])))
                rc["address"] = ", ".join(ch["address"])
            else:
                rows.append(opt_text(fld, L[fld], ch[fld], fld))
                rc[fld] = ch[fld]
        for fld in ("cp_plan", "open_to_csc", "looked_after"):
            if fld in na:
                continue
            rows.append(choice(fld, L[fld], ch[fld]))
            rc[fld] = ch[fld] if ch[fld] in (True, False) else None
        if "disability" not in na:
            rows.append(opt_text("disability", L["disability"], ch["disability"], "disability"))
            rc["disability"] = ch["disability"]
        if "date_of_death" not in na:
            if ch["dod"]:
                rows.append(text("date_of_death", L["date_of_death"], c.dstr(ch["dod"], dob=True), date=ch["dod"]))
                rc["date_of_death"] = ch["dod"].isoformat()
            else:
                rows.append(text("date_of_death", L["date_of_death"], rng.choice([None, None, "N/A"])))
        title = T[2] if len(c.children) == 1 else f"{T[2]} - {i + 1} of {len(c.children)}"
        secs.append(dict(title=title, rows=rows, child=i))
        rec_children.append(rc)
    it_opts = [S["itypes"][k] for k in ("death", "serious_harm", "lac_death", "care_leaver_death", "other")]
    it_idx = None if c.itype is None else ["death", "serious_harm", "lac_death", "care_leaver_death", "other"].index(c.itype)
    secs.append(dict(title=T[3], rows=[
        text("inc_date", L["inc_date"], c.dstr(c.dates["inc"]), date=c.dates["inc"]),
        text("la_aware", L["la_aware"], c.dstr(c.dates["la"]), date=c.dates["la"]),
        opt_text("location", L["location"], c.location, "location"),
        dict(t="choice", key="itype", label=L["itype"], options=it_opts, chosen=it_idx, details=c.other_detail, list=True),
        dict(t="paras", key="summary", label=L["summary"], paras=list(c.summary)),
        choice("police", L["police"], c.police)]))
    secs.append(dict(title=T[4], rows=[
        choice("crit_died", L["crit_died"], c.crit["died"]), choice("crit_abuse", L["crit_abuse"], c.crit["abuse"]),
        choice("crit_local", L["crit_local"], c.crit["local"]), choice("crit_learning", L["crit_learning"], c.crit["learning"]),
        dict(t="paras", key="reason", label=L["reason"], paras=[c.reason] if c.reason else [])]))
    secs.append(dict(title=T[5], rows=[
        choice("panel", L["panel"], c.panel),
        text("panel_date", L["panel_date"], c.dstr(c.panel_date) if c.panel_date else rng.choice([None, "N/A", None]),
             date=c.panel_date)]))
    secs.append(dict(title=T[6], rows=[dict(t="agencies", key="agencies", label=L["agencies"], cols=list(S["agency_cols"]),
                                            rows=[[a["agency"], a["name"] or rng.choice(["", "-", ""]), a["contact"]] for a in c.agencies])]))
    secs.append(dict(title=T[7], rows=[dict(t="paras", key="concerns", label=L["concerns"],
                                            paras=[c.concerns] if c.concerns else [])]))
    secs.append(dict(title=T[8], rows=[text("decoy", a, b) for a, b in c.decoys], decoys=True))
    if c.concerns is None:
        notes["blanks"].append("concerns")

    def tv(v):
        return v if v in (True, False) else None
    record = {
        "form": "referral",
        "date_of_referral": c.dates["ref"].isoformat(),
        "referrer": dict(name=ref["name"], role=ref["role"], agency=ref["agency"], email=ref["email"],
                         phone=phone_digits(ref["phone_shown"])),
        "safeguarding_lead": dict(name=lead["name"], role=lead["role"], agency=lead["agency"], email=lead["email"],
                                  phone=None if lead["phone_blank"] else phone_digits(lead["phone_shown"]),
                                  discussed=tv(c.discussed)),
        "children": rec_children,
        "incident": dict(date=c.dates["inc"].isoformat(), date_la_aware=c.dates["la"].isoformat(), location=c.location,
                         type=c.itype, summary="\n\n".join(c.summary), police_involved=tv(c.police)),
        "criteria": dict(died_or_seriously_harmed=tv(c.crit["died"]), abuse_or_neglect_suspected=tv(c.crit["abuse"]),
                         local_connection=tv(c.crit["local"]), multi_agency_learning=tv(c.crit["learning"]), reason=c.reason),
        "panel_notified": tv(c.panel),
        "date_panel_notified": c.panel_date.isoformat() if c.panel_date else None,
        "agencies_involved": [dict(name=a["name"], agency=a["agency"], contact=a["contact"]) for a in c.agencies],
        "immediate_concerns": c.concerns,
    }
    spec = dict(title=S["title"], org=S["org"], partnership=S["partnership"], marking=S["marking"],
                guidance=guidance(c), sections=secs, footer=f"{c.key.split('_')[0].upper()}/SR{rng.randint(1, 9)} - v{rng.randint(1, 4)}.{rng.randint(0, 9)}")
    return spec, record, notes


def guidance(c):
    S = c.S
    pdom = S["partnership"].split()[0].lower()
    return (f"Please complete every section you can and send the form to {pdom}.reviews@{pdom}scp.example.gov.uk "
            f"(telephone 0115 496 0{sum(map(ord, pdom)) % 1000:03d}). Dates as {fmt_date(__import__('datetime').date(2015, 1, 1), S['date_main'])}; "
            f"example contact: Alex Sample, Team Manager, 0113 496 0000. Do not delay a referral to children's social care or the police.")
