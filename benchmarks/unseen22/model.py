"""Invented case data for unseen22: one case = ordered sections (what the form shows) + the canonical record."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d: dt.date, style: str) -> str:
    m = MONTHS[d.month - 1]
    return {
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash_short": f"{d.day}/{d.month}/{d.year}",
        "dot2": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "long": f"{d.day} {m} {d.year}",
        "abbr": f"{d.day} {m[:3]} {d.year}",
        "dmon": f"{d.day:02d}-{m[:3]}-{d.year}",
        "ordinal": f"{ordinal(d.day)} {m} {d.year}",
        "weekday": f"{DAYS[d.weekday()]} {d.day} {m} {d.year}",
    }[style]


ALL_STYLES = ["slash", "slash_short", "dot2", "dash", "long", "abbr", "dmon", "ordinal", "weekday"]

FEMALE = ["Amara", "Bethany", "Callie", "Darcey", "Esme", "Freya", "Gracie", "Hollie", "Isla", "Jasmine", "Kiera",
          "Lacey", "Maisie", "Nadia", "Orla", "Poppy", "Rosa", "Safiya", "Tamsin", "Willow", "Zara", "Aaliyah",
          "Imogen", "Keeley", "Leah", "Mirela", "Phoebe", "Roxanne"]
MALE = ["Alfie", "Bradley", "Callum", "Dexter", "Ellis", "Finley", "Grayson", "Harvey", "Ibrahim", "Jayden", "Kai",
        "Lennon", "Mason", "Nathan", "Oskar", "Preston", "Reuben", "Sonny", "Tyler", "Zane", "Aryan", "Bilal",
        "Connor", "Declan", "Kacper", "Louie", "Rhys", "Theo"]
ADULT_F = ["Alison", "Beverley", "Catherine", "Donna", "Elaine", "Fiona", "Gillian", "Helen", "Joanne", "Karen",
           "Lorraine", "Michelle", "Nicola", "Priya", "Rachel", "Sandra", "Tracey", "Yasmin", "Dr Ruth", "Ngozi"]
ADULT_M = ["Adrian", "Barry", "Colin", "Darren", "Gareth", "Ian", "Jonathan", "Keith", "Lee", "Martin", "Neil",
           "Owen", "Paul", "Rajesh", "Stuart", "Trevor", "Wesley", "Dr Simon", "Tomasz", "Kwame"]
SURNAMES = ["Ashcroft", "Bellamy", "Cartwright", "Dunmore", "Eccleston", "Fairbairn", "Gillespie", "Hargreaves",
            "Ingleby", "Jowett", "Kavanagh", "Lindqvist", "Marsden", "Nwosu", "Oldroyd", "Pickles", "Quayle",
            "Rushworth", "Sowerby", "Thackray", "Umeh", "Varley", "Whitlam", "Yardley", "Akhtar", "Brennan",
            "Crabtree", "Dobrowolski", "Etherington", "Fothergill", "Haworth", "Kowalczyk", "Mahmood", "O'Hara",
            "Pennington", "Rahman", "Stansfield", "Tillotson", "Wainwright", "Holroyd"]
STREETS = ["Tanner's Row", "Rope Walk", "Coldwell Street", "Mill Hey", "Beacon Crescent", "Orchard Garth",
           "Sandholme Road", "Kiln Lane", "Foundry Court", "Priory Walk", "Heron Close", "Westgate Terrace",
           "Lark Rise", "Bramble Way", "Station Approach", "Chapel Fold"]
BLOCKS = ["Flat 4, Aspen House", "Flat 12, Rowan Court", "Flat 2B, Kestrel House", "Apartment 31, Ferris Wharf"]
ETHNIC = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
          "Asian or Asian British - Pakistani", "Black or Black British - African", "Gypsy / Roma",
          "Mixed - White and Asian", "Asian or Asian British - Bangladeshi", "White Irish", "Any other ethnic group"]
LEGAL = ["CIN", "Child protection plan", "Section 20 (accommodated)", "Interim care order", "None", "CP", "CLA - full care order",
         "Special guardianship order", "Child in need plan"]
DISAB = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Speech and language delay", "Type 1 diabetes",
         "Global developmental delay", "Hearing impairment (bilateral aids)", "EHCP - social, emotional and mental health",
         "Cerebral palsy", "Epilepsy"]
PRACTICES = ["Moorside Medical Practice", "Kingfisher Surgery", "The Green Lane Health Centre", "Abbey Road Surgery",
             "Harbour View Medical Centre", "Sycamore Practice"]
SCHOOLS = ["St Wilfrid's C of E Primary", "Moorfield Academy", "Riverside Primary School", "Castle Hill High School",
           "Oakwood Pupil Referral Unit", "Hillcrest Junior School", "Northfield Sixth Form College",
           "Bright Beginnings Nursery", "Greenbank Community School"]
AGENCY_POOL = [
    ("Health Visiting", "0-19 Public Health Nursing"), ("Police", "Public Protection Unit"),
    ("Children's Social Care", "Children's Social Care - Assessment Team"), ("GP", "Moorside Medical Practice"),
    ("School", "Castle Hill High School"), ("CAMHS", "CAMHS Crisis Team"), ("Housing", "Housing Options"),
    ("Youth Justice", "Youth Justice Service"), ("Midwifery", "Community Midwifery"),
    ("Early Help", "Family Hub - Early Help"), ("Ambulance", "Ambulance Service NHS Trust"),
    ("Substance misuse", "Young People's Substance Misuse Service"),
]


def phone_number(rng) -> str:
    kind = rng.randrange(5)
    n = rng.randrange(1000)
    return [f"01632 960{n:03d}", f"07700 900{n:03d}", f"0113 496 0{n:03d}", f"020 7946 0{n:03d}",
            f"0118 496 0{n:03d}"][kind]


def phone_display(rng, number: str) -> str:
    digits = number.replace(" ", "")
    s = rng.randrange(5)
    if s == 0:
        return number
    if s == 1:
        return digits
    if s == 2 and digits.startswith("07"):
        return "+44 " + digits[1:5] + " " + digits[5:]
    if s == 3 and not digits.startswith("07"):
        return f"({number.split(' ')[0]}) " + " ".join(number.split(" ")[1:])
    if s == 4:
        return f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    return number


def phone_record(display: str) -> str:
    d = re.sub(r"[^0-9+]", "", display)
    return d


def adult(rng, used):
    while True:
        f = rng.choice(ADULT_F + ADULT_M)
        s = rng.choice(SURNAMES)
        if (f, s) not in used:
            used.add((f, s))
            return f, s


def email_for(rng, first: str, last: str, domain: str) -> str:
    first = first.replace("Dr ", "").lower()
    last = last.lower().replace("'", "")
    style = rng.randrange(3)
    local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}.{last}{rng.randrange(1, 9)}"][style]
    return f"{local}@{domain}"


class Item:
    """One question on the form. type: text | multi | long | choice | date."""

    def __init__(self, key, label, type="text", value="", options=None, chosen=None, extra="", decoy=False):
        self.key, self.label, self.type, self.value = key, label, type, value
        self.options, self.chosen, self.extra, self.decoy = options, chosen, extra, decoy

    def shown(self) -> str:
        if self.type == "choice":
            if self.chosen is None:
                return ""
            return self.options[self.chosen] + (f" - {self.extra}" if self.extra else "")
        if self.type in ("multi", "long"):
            return "\n".join(self.value)
        return self.value

    def blank(self) -> bool:
        return self.shown().strip() == ""


class Section:
    def __init__(self, kind, title, items=None, rows=None, child_no=None, n_children=None):
        self.kind, self.title, self.items = kind, title, items or []
        self.rows = rows or []  # agencies: list of (name, agency, contact) display strings
        self.child_no, self.n_children = child_no, n_children


FILLERS = ["N/A", "n/a", "-", "Not applicable", "Not known"]


def summary_paras(rng, sender, itype, kids, town, ddisp):
    c0 = kids[0]["first"]
    who = {"EDT": "the out-of-hours service", "REVS": "a visiting officer", "ASB": "the ASB team",
           "FC": "academy staff", "RAD": "the imaging department", "PBSA": "residence staff",
           "WIT": "a witness service volunteer", "EWS": "the education welfare service"}[sender["setting"]]
    opening = {
        "EDT": f"A call was received by the Emergency Duty Team at 22:40 from the ambulance control room regarding {c0}.",
        "REVS": f"During a scheduled visit to review a council tax support claim, the officer was let in by an adult and saw {c0} in the living room.",
        "ASB": f"{c0} has been known to the ASB team since the summer following reports of youths gathering near the {town} precinct.",
        "FC": f"{c0} has been registered with the academy for three seasons and trains four evenings a week.",
        "RAD": f"{c0} attended the Emergency Department and was referred for imaging; the skeletal survey was reported by the department.",
        "PBSA": f"{c0} is a first-year resident aged under 18 who moved into the residence at the start of term.",
        "WIT": f"{c0} was supported by the Witness Service at a pre-trial visit and again on the day of the hearing.",
        "EWS": f"{c0}'s attendance had fallen steeply this term and the school asked the service for an urgent home visit.",
    }[sender["setting"]]
    middle = {
        "death": [f"Sadly {c0} was pronounced dead later that night. The circumstances are not yet clear and the police are investigating.",
                  f"Paramedics attended and {c0} could not be resuscitated. There had been earlier concerns about the home conditions and supervision."],
        "serious_harm": [f"{c0} was found to have injuries that were not explained by the account given by the adults present, including bruising of different ages.",
                         f"{c0} was admitted to hospital with a head injury. The explanation offered changed more than once during the evening."],
        "lac_death": [f"{c0} was living in a residential placement out of area. Staff found {c0} unresponsive in the early hours."],
        "care_leaver_death": [f"{c0} had left care last year and was living in supported lodgings. Friends raised concerns after not hearing from {c0} for several days."],
        "other": [f"The concern relates to a private fostering arrangement that had not been notified to the local authority, and {c0} had been living with unrelated adults for several months."],
    }[itype]
    extra = [
        f"Information shared by {who} indicates that several agencies had contact with the family over the past year but concerns were not joined up.",
        f"Neighbours had reported shouting and a child crying late at night on at least two occasions in the weeks before. A referral made in the autumn was closed after a single visit.",
        "There are younger siblings in the household. They are currently staying with a maternal aunt under a safety plan agreed with the police and children's social care.",
        "The family moved into the area from a neighbouring authority within the last six months and records from the previous authority have been requested but not yet received.",
        "Mother has told workers she was struggling with her mental health and had asked her GP for help; there is a history of domestic abuse by a former partner.",
    ]
    paras = [opening, rng.choice(middle)]
    paras += rng.sample(extra, rng.randint(1, 3))
    if len(kids) > 1:
        names = " and ".join(k["first"] for k in kids[1:])
        paras.append(f"{names} {'was' if len(kids) == 2 else 'were'} also present and {'has' if len(kids) == 2 else 'have'} been seen by a paediatrician.")
    return paras


REASONS = [
    "The incident meets the criteria for a Rapid Review: serious harm, abuse or neglect suspected, and several agencies were involved with the family.",
    "There appear to be missed opportunities to share information between agencies and we believe there is learning for the whole partnership.",
    "Multiple agencies knew the family but no single agency had the full picture; the criteria for notification appear to be met.",
    "Abuse or neglect is suspected and the child lives in the area; there may be learning about how concerns were escalated.",
]
CONCERNS = [
    "The siblings are safe with extended family under a safety plan. A strategy discussion took place the next morning.",
    "The alleged perpetrator has been arrested and released on bail with conditions not to contact the children.",
    "No immediate concerns for other children at present; the family home is being assessed by children's social care.",
    "A section 47 enquiry is under way and the younger child is staying with grandparents while it is completed.",
]
OTHER_DETAILS = ["private fostering arrangement", "child found alone after parent's arrest", "serious self-harm",
                 "exploitation - found in another county"]
AGES = ["about 9", "14", "15 years", "approx. 4", "12 yrs", "9 months", "around 16", "6"]


def build_case(rng, sender, n_children: int, n_agencies: int, itype: str):
    """Return (sections, record, notes)."""
    S, L = sender, sender["labels"]
    na = S["not_asked"]
    used = set()
    town = rng.choice(S["towns"])
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": [], "itype": itype}
    blank_budget = rng.randint(2, 6)

    def maybe_blank(key, p=0.18):
        nonlocal blank_budget
        if blank_budget > 0 and rng.random() < p:
            blank_budget -= 1
            if rng.random() < 0.5:
                f = rng.choice(FILLERS)
                notes["fillers"].append(f"{key}={f}")
                return f
            notes["blanks"].append(key)
            return ""
        return None

    # dates
    ref = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(80))
    inc = ref - dt.timedelta(days=rng.randint(2, 20))
    la = inc + dt.timedelta(days=rng.randint(0, min(3, (ref - inc).days)))
    main, dobst = S["date_main"], S["date_dob"]

    def D(d):
        return fmt_date(d, main)

    record = {"form": "referral"}
    sections = []

    def person(kind, roles):
        f, s = adult(rng, used)
        role = rng.choice(roles)
        agency = S["agency"]
        email = email_for(rng, f, s, S["domain"])
        num = phone_number(rng)
        disp = phone_display(rng, num)
        return f"{f} {s}", role, agency, email, disp

    # referrer
    rn, rr, ra, re_, rp = person("r", S["referrer_roles"])
    items = [Item("date_of_referral", L["date_of_referral"], "date", D(ref))]
    record["date_of_referral"] = ref.isoformat()
    rec_ref = {"name": rn, "role": rr, "agency": ra, "email": re_, "phone": phone_record(rp)}
    shown_email = re_ if rng.random() < 0.7 else re_[0].upper() + re_[1:]
    items += [Item("r_name", L["r_name"], value=rn), Item("r_role", L["r_role"], value=rr),
              Item("r_agency", L["r_agency"], value=ra), Item("r_email", L["r_email"], value=shown_email),
              Item("r_phone", L["r_phone"], value=rp)]
    for it, k in ((items[5], "phone"), (items[2], "role")):
        b = maybe_blank(it.key, 0.12)
        if b is not None:
            it.value = b
            rec_ref[k] = None
    record["referrer"] = rec_ref
    sections.append(Section("referrer", S["sections"]["referrer"], items))

    # lead
    ln, lr, la_, le, lp = person("l", S["lead_roles"])
    disc = rng.choices([0, 1, 2, None], [70, 6, 8, 6])[0]
    rec_lead = {"name": ln, "role": lr, "agency": la_, "email": le, "phone": phone_record(lp),
                "discussed": {0: True, 1: False}.get(disc)}
    if disc == 2:
        notes["third_option"].append("l_discussed")
    litems = [Item("l_name", L["l_name"], value=ln), Item("l_role", L["l_role"], value=lr),
              Item("l_agency", L["l_agency"], value=la_), Item("l_email", L["l_email"], value=le),
              Item("l_phone", L["l_phone"], value=lp)]
    for it, k in ((litems[3], "email"), (litems[4], "phone"), (litems[2], "agency")):
        b = maybe_blank(it.key, 0.12)
        if b is not None:
            it.value = b
            rec_lead[k] = None
    yn = [S["yes"], S["no"], S["third"]]
    litems.append(Item("l_discussed", L["l_discussed"], "choice", options=yn, chosen=disc))
    record["safeguarding_lead"] = rec_lead
    sections.append(Section("lead", S["sections"]["lead"], litems))

    # children
    fam = rng.choice(SURNAMES)
    kids = []
    rec_children = []
    ages_pool = {"PBSA": (16, 17), "FC": (9, 17), "WIT": (7, 17), "EWS": (5, 16)}.get(S["setting"], (0, 17))
    address_lines = [f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town, f"{town[:2].upper()}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTUW')}"]
    if rng.random() < 0.3:
        address_lines.insert(0, rng.choice(BLOCKS))
    if S["setting"] == "PBSA":
        address_lines = [rng.choice(BLOCKS), "Cranmere Student Living, Tenter Row", town, "CR1 4TW"]
    for ci in range(n_children):
        g = rng.choice(["female", "male"]) if rng.random() < 0.95 or "other" not in S["gender"] else "other"
        first = rng.choice(FEMALE if g == "female" else MALE if g == "male" else FEMALE + MALE)
        while any(k["first"] == first for k in kids):
            first = rng.choice(FEMALE + MALE)
        last = fam if rng.random() < 0.85 else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        lo, hi = ages_pool
        years = rng.randint(lo, hi)
        if itype == "care_leaver_death" and ci == 0:
            years = rng.randint(18, 22)
        dob = ref - dt.timedelta(days=365 * years + rng.randrange(360))
        use_age = rng.random() < 0.25
        kids.append({"first": first, "last": last})
        c = {"name": f"{first} {last}", "other_names": None, "dob": None, "age": None,
             "gender": g, "ethnicity": None, "address": None, "school": None, "gp": None, "legal_status": None,
             "cp_plan": None, "open_to_csc": None, "looked_after": None, "disability": None, "date_of_death": None}
        its = []
        if S["split_name"]:
            a, b = S["split_name"]
            parts = {"c_first": first, "c_last": last}
            its += [Item(a, L[a], value=parts[a]), Item(b, L[b], value=parts[b])]
        else:
            its.append(Item("c_name", L["c_name"], value=f"{first} {last}"))
        if "c_other" not in na:
            if rng.random() < 0.3:
                o = rng.choice([first[:3] + "s", f"{first} {rng.choice(SURNAMES)}", "Bubbles", "JJ", "Little " + first])
                its.append(Item("c_other", L["c_other"], value=o))
                c["other_names"] = o
            else:
                v = rng.choice(["", "", "N/A", "-"])
                its.append(Item("c_other", L["c_other"], value=v))
        if use_age:
            age = rng.choice(AGES)
            its.append(Item("c_dob", L["c_dob"], "date", rng.choice(["", "Not known", "", "unknown"]) if rng.random() < 0.5 else ""))
            if its[-1].value == "unknown":
                its[-1].value = "Not known"
            its.append(Item("c_age", L["c_age"], value=age))
            c["age"] = age
            notes["ages"].append(ci + 1)
        else:
            its.append(Item("c_dob", L["c_dob"], "date", fmt_date(dob, dobst)))
            c["dob"] = dob.isoformat()
            its.append(Item("c_age", L["c_age"], value=rng.choice(["", "", "N/A"])))
        gw = S["gender"]
        gopts = list(gw.values())
        its.append(Item("c_gender", L["c_gender"], "choice", options=gopts, chosen=gopts.index(gw[g])))
        if "c_eth" not in na:
            e = rng.choice(ETHNIC) if rng.random() < 0.8 else ""
            its.append(Item("c_eth", L["c_eth"], value=e))
            c["ethnicity"] = e or None
        addr = address_lines if ci == 0 or rng.random() < 0.85 else [f"{rng.randint(1, 90)} {rng.choice(STREETS)}", rng.choice(S["towns"])]
        if rng.random() < 0.2:
            its.append(Item("c_addr", L["c_addr"], value=", ".join(addr)))
        else:
            its.append(Item("c_addr", L["c_addr"], "multi", list(addr)))
        c["address"] = ", ".join(addr)
        if "c_school" not in na:
            if years < 3:
                sch = rng.choice(["", "Not applicable", "Bright Beginnings Nursery"])
            elif years < 5:
                sch = rng.choice(["Bright Beginnings Nursery", "Little Acorns Pre-school"])
            elif years < 11:
                sch = rng.choice(["St Wilfrid's C of E Primary", "Riverside Primary School", "Hillcrest Junior School"])
            elif years < 16:
                sch = rng.choice(["Moorfield Academy", "Castle Hill High School", "Oakwood Pupil Referral Unit", "Greenbank Community School"])
            else:
                sch = rng.choice(["Northfield Sixth Form College", "Moorfield Academy Sixth Form", "Larchbank College"])
            if S["setting"] == "PBSA":
                sch = rng.choice(["University of Cranmere", "Cranmere College of Art", "Cranmere Metropolitan University"])
            its.append(Item("c_school", L["c_school"], value=sch))
            c["school"] = sch if sch not in ("", "Not applicable") else None
        if "c_gp" not in na:
            gp = rng.choice(PRACTICES) if rng.random() < 0.8 else ""
            its.append(Item("c_gp", L["c_gp"], value=gp))
            c["gp"] = gp or None
        if "c_legal" not in na:
            lg = rng.choice(LEGAL) if rng.random() < 0.75 else rng.choice(["", "N/A"])
            if S["setting"] == "PBSA" and lg:
                lg = rng.choice(["Care experienced", "Estranged from family", "None"])
            its.append(Item("c_legal", L["c_legal"], value=lg))
            c["legal_status"] = lg if lg not in ("", "N/A") else None
        for key, rk in (("c_cp", "cp_plan"), ("c_csc", "open_to_csc"), ("c_lac", "looked_after")):
            if key in na:
                continue
            ch = rng.choices([0, 1, 2, None], [35, 45, 12, 8])[0]
            if itype == "lac_death" and key == "c_lac":
                ch = 0
            its.append(Item(key, L[key], "choice", options=yn, chosen=ch))
            c[rk] = {0: True, 1: False}.get(ch)
            if ch == 2:
                notes["third_option"].append(f"child{ci + 1}.{key}")
        if "c_dis" not in na:
            d = rng.choice(DISAB) if rng.random() < 0.4 else rng.choice(["", "None known", "N/A", ""])
            if d == "None known":
                d = "No"  # a plain 'No' is what the form says; kept as written
            its.append(Item("c_dis", L["c_dis"], value=d))
            c["disability"] = d if d not in ("", "N/A") else None
        if "c_dod" not in na:
            if itype in ("death", "lac_death", "care_leaver_death") and ci == 0:
                its.append(Item("c_dod", L["c_dod"], "date", fmt_date(inc, dobst)))
                c["date_of_death"] = inc.isoformat()
            else:
                its.append(Item("c_dod", L["c_dod"], "date", rng.choice(["", "N/A", ""])))
        rec_children.append(c)
        sections.append(Section("child", S["sections"]["child"], its, child_no=ci + 1, n_children=n_children))
    record["children"] = rec_children

    # incident
    itypes = S["itype"]
    iopts = list(itypes.values())
    extra = rng.choice(OTHER_DETAILS) if itype == "other" else ""
    paras = summary_paras(rng, S, itype, kids, town, D)
    loc = rng.choice([f"Family home, {town}", f"{rng.choice(STREETS)}, {town}", f"{town} bus station",
                      "Child's home address", f"Rear car park of the {town} retail park"])
    police = rng.choices([0, 1, 2, None], [70, 12, 10, 8])[0]
    items = [Item("i_date", L["i_date"], "date", D(inc)), Item("i_la", L["i_la"], "date", D(la)),
             Item("i_loc", L["i_loc"], value=loc),
             Item("i_type", L["i_type"], "choice", options=iopts, chosen=iopts.index(itypes[itype]) if itype else None, extra=extra),
             Item("i_summary", L["i_summary"], "long", paras),
             Item("i_police", L["i_police"], "choice", options=yn, chosen=police)]
    inc_rec = {"date": inc.isoformat(), "date_la_aware": la.isoformat(), "location": loc, "type": itype,
               "summary": "\n\n".join(paras), "police_involved": {0: True, 1: False}.get(police)}
    if police == 2:
        notes["third_option"].append("i_police")
    b = maybe_blank("i_loc", 0.15)
    if b is not None:
        items[2].value = b
        inc_rec["location"] = None
    if rng.random() < 0.06:
        items[1].value = ""
        inc_rec["date_la_aware"] = None
        notes["blanks"].append("i_la")
    record["incident"] = inc_rec
    sections.append(Section("incident", S["sections"]["incident"], items))

    # criteria
    crit = {}
    items = []
    for key, rk in (("k_died", "died_or_seriously_harmed"), ("k_abuse", "abuse_or_neglect_suspected"),
                    ("k_local", "local_connection"), ("k_learning", "multi_agency_learning")):
        ch = rng.choices([0, 1, 2, None], [78, 6, 10, 6])[0]
        items.append(Item(key, L[key], "choice", options=yn, chosen=ch))
        crit[rk] = {0: True, 1: False}.get(ch)
        if ch == 2:
            notes["third_option"].append(key)
    reason = rng.choice(REASONS)
    items.append(Item("k_reason", L["k_reason"], "long", [reason]))
    crit["reason"] = reason
    record["criteria"] = crit
    sections.append(Section("criteria", S["sections"]["criteria"], items))

    # panel
    pch = rng.choices([0, 1, 2, None], [45, 35, 12, 8])[0]
    pdate = la + dt.timedelta(days=rng.randint(0, 4))
    items = [Item("panel", L["panel"], "choice", options=yn, chosen=pch)]
    record["panel_notified"] = {0: True, 1: False}.get(pch)
    record["date_panel_notified"] = None
    if pch == 0 and rng.random() < 0.85:
        items.append(Item("panel_date", L["panel_date"], "date", fmt_date(pdate, dobst)))
        record["date_panel_notified"] = pdate.isoformat()
    else:
        items.append(Item("panel_date", L["panel_date"], "date", rng.choice(["", "N/A", ""])))
    if pch == 2:
        notes["third_option"].append("panel")
    sections.append(Section("panel", S["sections"]["panel"], items))

    # agencies
    rows, rec_ag = [], []
    for name_kind, ag in rng.sample(AGENCY_POOL, n_agencies):
        person_name = None
        if rng.random() < 0.7:
            f, s = adult(rng, used)
            person_name = f"{f} {s}"
        contact = rng.choice([phone_number(rng), email_for(rng, "duty", ag.split()[0].strip("'s"), S["towns"][0].lower().replace(" ", "") + ".example.org.uk"),
                              f"{phone_number(rng)} / {email_for(rng, 'team', ag.split()[0], 'example.nhs.uk')}"])
        rows.append((person_name or "", ag, contact))
        rec_ag.append({"name": person_name, "agency": ag, "contact": contact})
    record["agencies_involved"] = rec_ag
    sections.append(Section("agencies", S["sections"]["agencies"], rows=rows))

    # concerns
    conc = rng.choice(CONCERNS)
    items = [Item("concerns", L["concerns"], "long", [conc])]
    record["immediate_concerns"] = conc
    if rng.random() < 0.08:
        items[0].value = [rng.choice(["N/A", "-"])]
        record["immediate_concerns"] = None
        notes["fillers"].append("concerns")
    sections.append(Section("concerns", S["sections"]["concerns"], items))

    # decoys: inserted into their sections, or collected at the end
    end_items = []
    for where, label, kind in S["decoys"]:
        v = decoy_value(rng, kind, ref, D, used)
        notes["decoys"].append(f"{label}={v}")
        it = Item("decoy", label, value=v, decoy=True)
        target = {"referrer": "referrer", "child": "child", "incident": "incident"}.get(where)
        sec = next((s for s in sections if s.kind == target), None) if target else None
        if sec is not None:
            sec.items.insert(rng.randint(1, len(sec.items)), it)
        else:
            end_items.append(it)
    if end_items:
        sections.append(Section("decoys", S["sections"]["decoys"], end_items))
    notes["children"] = n_children
    notes["agencies"] = n_agencies
    return sections, record, notes


def decoy_value(rng, kind, ref, D, used):
    r = rng.randrange
    if kind == "date":
        return D(ref - dt.timedelta(days=r(3, 60)))
    if kind == "person":
        f, s = adult(rng, used)
        return f"{f} {s}"
    if kind == "time":
        return f"{r(17, 24):02d}:{r(60):02d}"
    return {
        "log": f"EDT/{r(1000, 9999)}/26", "pid": f"{r(100000, 999999)}", "acct": f"{r(10, 99)}{r(100000, 999999)}",
        "claim": f"HB{r(100000, 999999)}", "asb": f"ASB-{r(2024, 2026)}-{r(100, 999)}", "cpw": f"CPW/{r(10, 99)}/{r(100, 999)}",
        "fan": f"{r(100000000, 999999999)}", "agegroup": f"U{r(9, 18)}", "hosp": f"W{r(1000000, 9999999)}",
        "nhs": f"{r(400, 499)} {r(100, 999)} {r(1000, 9999)}", "acc": f"RAD{r(10000000, 99999999)}",
        "room": f"Block {rng.choice('ABCD')}, Flat {r(1, 40)}, Room {r(1, 8)}", "tenancy": f"CSL-T-{r(10000, 99999)}",
        "urn": f"{r(10, 99)}{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}{r(1000000, 9999999)}",
        "courtroom": f"Court {r(1, 9)}", "upn": f"{rng.choice('ABCDEFGHJK')}{r(100000000000, 999999999999)}",
        "pct": f"{r(40, 88)}.{r(10)}%",
    }[kind]
