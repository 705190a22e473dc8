"""Invented case data for unseen23: one case per form, the strings shown on the form and its truth record.

A case is a dict of fields keyed by the canonical keys in senders.py. Each field says what the form shows
and what the truth is. Fields the sender does not ask are absent (truth null).
"""

from __future__ import annotations

import datetime as dt
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = [m[:3] for m in MONTHS]
WDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_dot":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "d_mon_upper":
        return f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year}"
    if style == "dd_mon_y":
        return f"{d.day:02d} {MON[d.month - 1]} {d.year}"
    if style == "d_month_y":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "day_d_mon_y":
        return f"{WDAY[d.weekday()]} {d.day} {MON[d.month - 1]} {d.year}"
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


DATE_STYLES = ["dmy_slash", "dmy_dot", "d_mon_upper", "dd_mon_y", "d_month_y", "day_d_mon_y", "dmy_short", "iso"]

FIRST_F = ["Amelia", "Maya", "Zoë", "Leah", "Aisha", "Keira", "Chloé", "Niamh", "Sofia", "Ruby", "Imani", "Freya",
           "Hafsa", "Lacey", "Ellie-Mae", "Nadia", "Tia", "Orla", "Jasmine", "Aleksandra", "Skye", "Poppy", "Amira",
           "Kayla", "Esme", "Bethany", "Precious", "Roksana", "Lily", "Summer"]
FIRST_M = ["Tyler", "Kai", "Mohammed", "Reuben", "Jayden", "Oliver", "Callum", "Dawid", "Ethan", "Harvey", "Kofi",
           "Leon", "Rhys", "Zain", "Alfie", "Tomasz", "Corey", "Riley", "Isaac", "Dylan", "Arlo", "Brandon", "Ibrahim",
           "Lewis", "Jaxon", "Declan", "Omari", "Noah", "Teddy", "Marcus"]
FIRST_O = ["Alex", "Jordan", "Sam", "Charlie", "Robin", "Jessie"]
SURNAMES = ["Hollister", "Okafor", "Brannigan", "Kowalczyk", "Pemberton", "Achterberg", "Delaney", "Marsh",
            "Whitlock", "O'Rourke", "Haddad", "Fennimore", "Stroud-Ellis", "Nwachukwu", "Carrick", "Lindqvist",
            "Tillotson", "Begum", "Mahmood", "Ashdown", "Quigley", "Yardley", "Petrescu", "Gallagher", "Rawlings",
            "Szymanski", "Thackeray", "Boateng", "Hewison", "McAllister", "Varga", "Doherty", "Keeling", "Osei",
            "Pritchard", "Llewellyn", "Abara", "Cheung", "Raine", "Winterbottom"]
ADULT_FIRST = ["Joanne", "Priya", "Gareth", "Helen", "Stuart", "Farah", "Neil", "Bernadette", "Marcus", "Yvonne",
               "Tariq", "Catherine", "Owen", "Lorraine", "Dominic", "Siobhan", "Adebayo", "Rachel", "Graham", "Anita",
               "Kieran", "Fiona", "Rupert", "Delphine", "Hamish", "Nasreen", "Colette", "Duncan", "Gemma", "Wendy"]
ADULT_LAST = ["Ridley", "Chaudhry", "Pennington", "Oyelaran", "Faulkner", "Mistry", "Beresford", "Calloway",
              "Thornycroft", "Adeyemi", "Holroyd", "Lucas-Grey", "Mackintosh", "Sandhu", "Brierley", "Okonjo",
              "Fairweather", "Kaur", "Lockwood", "Venables", "Ashworth-Lee", "Dunstan", "Greaves", "Nkemelu",
              "Rowntree", "Sorensen", "Whitfield", "Yeo", "Harcourt", "Iqbal"]
TITLES = ["", "", "", "", "Dr ", "", "", ""]
STREETS = ["Mill Lane", "Orchard Way", "Station Road", "Kingfisher Close", "Albion Street", "Bramley Court",
           "Chapel Row", "Sefton Avenue", "Wharf Street", "Larkspur Drive", "Copper Beech Road", "Tannery Yard",
           "Harrow Crescent", "Victoria Terrace", "Foundry Walk", "Peel Street"]
BLOCKS = ["Aspen House", "Weavers Court", "Linden Lodge", "Marlow House", "Riverside Apartments"]
ETHNICITY = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
             "Asian or Asian British - Pakistani", "Black or Black British - African", "White - Gypsy/Roma",
             "Asian or Asian British - Bangladeshi", "Mixed - White and Asian", "White Irish",
             "Black or Black British - Caribbean", "Polish", "Any other ethnic group - Kurdish", "White and Black African"]
LEGAL = ["Child in need (s17)", "Child protection plan", "Section 20 (accommodated)", "Interim care order (s38)",
         "Care order (s31)", "No order - living with parents", "Special guardianship order", "Child in need plan"]
DISAB = ["Type 1 diabetes", "Autism (diagnosed 2023)", "ADHD, awaiting medication review", "Global developmental delay",
         "Moderate hearing loss (hearing aids)", "Speech and language delay", "Epilepsy", "Cerebral palsy",
         "Social, emotional and mental health needs (EHCP)", "Dyslexia", "Asthma"]
SCHOOLS = {"nursery": ["Brook Street Nursery", "Little Steps Day Nursery", "{town} Children's Centre Nursery"],
           "primary": ["St Anne's CE Primary School", "Holy Trinity RC Primary", "Meadowbank Primary School"],
           "secondary": ["Greenway Academy", "{town} High School", "Oak Hill Academy", "{town} Community School"],
           "college": ["{town} College", "{town} Sixth Form College"]}


def school_for(rng: random.Random, age: int, town: str) -> str:
    band = "nursery" if age < 4 else "primary" if age < 11 else "secondary" if age < 16 else "college"
    return rng.choice(SCHOOLS[band]).format(town=town)
GPS = ["Mill Road Surgery", "Dr Anand, Castle Street Medical Centre", "{town} Health Centre", "The Limes Practice",
       "Riverside Medical Group", "Dr O'Neill, Park View Surgery"]
AGENCIES = ["Children's Social Care, {council}", "{town} Police - Child Abuse Investigation Team", "Health Visiting Service",
            "School Nursing Service", "CAMHS", "Youth Justice Service", "{school}", "Early Help Team",
            "Community Paediatrics", "Domestic Abuse Service", "Housing Options", "Probation Service",
            "Adult Mental Health Team", "Substance Misuse Service", "Midwifery", "Virtual School"]
AG_ROLES = [""]
FILLERS = ["N/A", "n/a", "-", "Not applicable", "Not known"]
DRAMA = ["0113 496 0{:03d}", "0114 496 0{:03d}", "0115 496 0{:03d}", "0117 496 0{:03d}", "0121 496 0{:03d}",
         "0161 496 0{:03d}", "020 7946 0{:03d}", "01632 960{:03d}", "07700 900{:03d}"]


def phone(rng: random.Random) -> str:
    return rng.choice(DRAMA).format(rng.randrange(1, 999))


def digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit() or ch == "+")


def person_name(rng: random.Random) -> str:
    return rng.choice(TITLES) + rng.choice(ADULT_FIRST) + " " + rng.choice(ADULT_LAST)


def email_for(name: str, domain: str, rng: random.Random) -> str:
    bare = name.replace("Dr ", "")
    first, last = bare.split(" ", 1)
    local = (first + "." + last).replace("'", "").replace(" ", "")
    if rng.random() < 0.35:
        local = local[0].upper() + local[1:]  # typed with capitals: the truth is lower-cased
        return local + "@" + domain
    return local.lower() + "@" + domain


# ---------------------------------------------------------------- fields

def text(shown: str, truth=None, blankable=True):
    return {"kind": "text", "shown": shown, "truth": truth if truth is not None else (shown if shown else None)}


def blank_or(rng: random.Random, f: dict, p_blank=0.06, p_fill=0.05) -> dict:
    """Maybe leave a text-like field empty or fill it with a filler token (truth null)."""
    r = rng.random()
    if r < p_blank:
        return {"kind": f["kind"], "shown": "", "truth": None, "lines": [], "blank": "empty"}
    if r < p_blank + p_fill:
        return {"kind": f["kind"], "shown": rng.choice(FILLERS), "truth": None, "lines": [], "blank": "filler"}
    return f


def datefield(d: dt.date | None, style: str):
    if d is None:
        return {"kind": "date", "date": None, "shown": "", "truth": None}
    return {"kind": "date", "date": d, "shown": fmt_date(d, style), "truth": d.isoformat(), "style": style}


def tri(rng: random.Random, p_yes=0.55, p_no=0.25, p_third=0.12):
    r = rng.random()
    if r < p_yes:
        c = "yes"
    elif r < p_yes + p_no:
        c = "no"
    elif r < p_yes + p_no + p_third:
        c = "third"
    else:
        c = None
    return {"kind": "tri", "choice": c, "truth": {"yes": True, "no": False}.get(c)}


def tri_fixed(c):
    return {"kind": "tri", "choice": c, "truth": {"yes": True, "no": False}.get(c)}


SUMMARY_OPEN = {
    "death": [
        "{first} was found unresponsive at {loc} on the morning of {idate_w}. An ambulance attended and {pron} was taken to hospital, where {pron} was pronounced dead shortly afterwards.",
        "On {idate_w} {first} died at {loc}. The cause of death is not yet known and a post-mortem has been requested by the coroner.",
    ],
    "serious_harm": [
        "{first} was brought to hospital on {idate_w} with injuries that the treating team considered non-accidental. {Pron} remains an inpatient.",
        "On {idate_w} {first} was seriously injured at {loc}. {Pron} needed emergency surgery and is now recovering on the children's ward.",
        "{first} was admitted on {idate_w} critically unwell after a period in which {pos} care at home appears to have broken down.",
    ],
    "lac_death": [
        "{first}, who is looked after by the local authority, died on {idate_w} at {loc}. Placement staff called an ambulance but {pron} could not be revived.",
    ],
    "care_leaver_death": [
        "{first}, a care leaver supported by the leaving care service, was found dead at {loc} on {idate_w}.",
    ],
    "other": [
        "On {idate_w} {first} was found at {loc} in circumstances that raised serious concern about exploitation and neglect, although {pron} was not physically injured.",
        "{first} had been missing for several days before being located at {loc} on {idate_w}.",
    ],
}
SUMMARY_MORE = [
    "Our service has known the family since {known}. Contact was mostly with {pos} mother, who often cancelled appointments at short notice.",
    "There were earlier concerns about home conditions, missed health appointments and {pos} weight, which were shared with the health visitor and school.",
    "Police attended the address and two adults were spoken to. A strategy discussion was held the following day and section 47 enquiries are under way.",
    "The family moved three times in the last year, most recently into temporary accommodation, and records did not always follow them.",
    "School reported that attendance had fallen to around 60 per cent this term and that {first} had disclosed going without meals.",
    "Siblings have been placed with extended family under a safety plan while enquiries continue.",
    "Professionals at the last meeting recorded that information about an adult in the household was not shared between agencies.",
    "{Pron} had been seen at the service twice in the preceding month; on both occasions staff noted bruising that was explained as play.",
]
REASONS = [
    "The incident meets the serious harm threshold and several agencies were involved without a shared plan; we think there is learning about information sharing.",
    "A child has died and neglect is suspected. Agencies knew of escalating concerns but did not meet, so a rapid review may identify learning.",
    "There appear to be missed opportunities across health, education and housing, and the family's moves between areas may have hidden risk.",
    "Concerns about exploitation were known to more than one agency; the partnership should consider whether practice and systems worked together.",
    "The threshold for a Rapid Review appears to be met and learning for the wider safeguarding system is likely.",
]
CONCERNS = [
    "Siblings are staying with their grandmother under a safety plan agreed at the strategy meeting; police and social care are visiting daily.",
    "No other children live in the household. The adults involved are on police bail with conditions not to contact the family.",
    "The young person is still in hospital with a security plan on the ward; the social worker is visiting each day.",
    "Two younger children remain at home; children's social care are completing an assessment and a child protection conference is booked.",
    "A safety plan is in place and the family are staying with relatives; the school has been told and will monitor.",
]
LOCS = ["the family home", "{street}, {town}", "{town} bus station", "a friend's flat in {town}",
        "Room {n}, Station Hotel, {town} (temporary accommodation)", "the skate park off {street}",
        "{town} Retail Park car park", "the children's home in {town}", "woodland near {street}",
        "St Aldric's Hospital Emergency Department"]
OTHER_DETAILS = ["missing for eleven days and found in another county", "found working in a cannabis grow",
                 "private fostering arrangement broke down", "attempted suicide of a sibling in the home",
                 "young person found with a large sum of cash and two phones"]
AGE_WORDS = ["about {n}", "{n}", "{n} years", "approx. {n}", "around {n}", "{n} yrs"]


def make_case(rng: random.Random, s: dict) -> dict:
    """One invented case for sender s, with the strings to show and the truth."""
    na = s["not_asked"]
    main, dobs = s["date_style"], s["dob_style"]
    town = s["town"]
    council = f"{town} Council"
    # --- dates
    ref_date = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(200))
    i_date = ref_date - dt.timedelta(days=rng.randrange(3, 20))
    la_date = i_date + dt.timedelta(days=rng.randrange(0, 3))
    if la_date > ref_date:
        la_date = ref_date
    case: dict = {"sender": s["key"], "notes": {"blanks": [], "fillers": [], "third": [], "decoys": [], "ages": 0}}

    def style_mix(style):
        # the referrer mostly keeps the form's style but now and then types another
        return style if rng.random() > 0.15 else rng.choice(["dmy_slash", "d_month_y", "dmy_short"])

    F: dict = {}
    F["ref_date"] = datefield(ref_date, style_mix(main))
    itype = rng.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other"], [38, 22, 12, 10, 18])[0]
    # --- people
    for who, roles in (("ref", s["roles"]), ("lead", s["lead_roles"])):
        name = person_name(rng)
        dom = s["domain"]
        F[f"{who}_name"] = text(name)
        F[f"{who}_role"] = text(rng.choice(roles))
        F[f"{who}_agency"] = text(s["org_short"] if rng.random() < 0.7 else s["org"].split(" (")[0])
        em = email_for(name, dom, rng)
        F[f"{who}_email"] = {"kind": "text", "shown": em, "truth": em.lower()}
        ph = phone(rng)
        F[f"{who}_phone"] = {"kind": "text", "shown": ph, "truth": digits(ph)}
        for k in ("role", "agency", "email", "phone"):
            if who == "lead" or k != "role":
                f = blank_or(rng, F[f"{who}_{k}"], 0.05, 0.03)
                if f is not F[f"{who}_{k}"]:
                    case["notes"]["blanks" if f["blank"] == "empty" else "fillers"].append(f"{who}_{k}")
                F[f"{who}_{k}"] = f
    F["lead_discussed"] = tri(rng, 0.75, 0.1, 0.08)
    # --- children
    n_children = rng.choices([1, 2, 3], [66, 22, 12])[0]
    family = rng.choice(SURNAMES)
    street = rng.choice(STREETS)
    lines = []
    if rng.random() < 0.35:
        lines.append(f"Flat {rng.randrange(1, 40)}, {rng.choice(BLOCKS)}")
        lines.append(f"{rng.randrange(1, 120)} {street}")
    else:
        lines.append(f"{rng.randrange(1, 200)} {street}")
    lines.append(town)
    lines.append(f"{rng.choice(s['postcodes'])} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
    used_first = set()
    children = []
    school_pick = None
    for ci in range(n_children):
        C: dict = {}
        g = rng.choices(["female", "male", "other"], [47, 47, 6])[0]
        pool = {"female": FIRST_F, "male": FIRST_M, "other": FIRST_O}[g]
        first = rng.choice([p for p in pool if p not in used_first])
        used_first.add(first)
        last = family if (ci == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
        if itype == "care_leaver_death" and ci == 0:
            age_years = rng.randrange(18, 24)
        else:
            age_years = rng.randrange(0, 17) if ci == 0 else rng.randrange(0, 16)
        dob = i_date - dt.timedelta(days=int(age_years * 365.25) + rng.randrange(20, 340))
        C["first"], C["last"] = first, last
        if rng.random() < 0.06 and "c_last" in s["labels"]:
            C["last_shown"] = last.upper()  # surname typed in capitals stays in capitals
        else:
            C["last_shown"] = last
        C["c_other"] = text(rng.choice(["", "", "", first[:3] + "s", first[0] + "J", "Little " + first, "TJ",
                                        first + " " + rng.choice(SURNAMES)]))
        if C["c_other"]["shown"] == "":
            C["c_other"]["truth"] = None
        give_age = rng.random() < 0.22
        if give_age:
            C["c_dob"] = datefield(None, dobs)
            years = max(age_years, 1)
            if age_years == 0:
                C["c_age"] = text(f"{rng.randrange(2, 11)} months")
            else:
                C["c_age"] = text(rng.choice(AGE_WORDS).format(n=years))
            case["notes"]["ages"] += 1
        else:
            C["c_dob"] = datefield(dob, style_mix(dobs))
            C["c_age"] = text("")
            C["c_age"]["truth"] = None
        C["c_gender"] = {"kind": "gender", "choice": g if rng.random() > 0.05 else None}
        C["c_eth"] = blank_or(rng, text(rng.choice(ETHNICITY)))
        addr_lines = list(lines) if (ci == 0 or rng.random() < 0.85) else [f"{rng.randrange(1, 90)} {rng.choice(STREETS)}", town]
        a = {"kind": "lines", "lines": addr_lines, "shown": ", ".join(addr_lines), "truth": ", ".join(addr_lines)}
        C["c_addr"] = blank_or(rng, a, 0.04, 0.02)
        if age_years >= 18:
            C["c_school"] = text(rng.choice(["", "Not applicable"]))
            C["c_school"]["truth"] = None
        else:
            sc = school_for(rng, age_years, town)
            school_pick = school_pick or sc
            C["c_school"] = blank_or(rng, text(sc))
        C["c_gp"] = blank_or(rng, text(rng.choice(GPS).format(town=town)))
        if itype == "lac_death" and ci == 0:
            C["c_legal"] = text(rng.choice(["Care order (s31)", "Section 20 (accommodated)", "Interim care order (s38)"]))
        elif itype == "care_leaver_death" and ci == 0:
            C["c_legal"] = text(rng.choice(["Care leaver (former relevant child)", "Care leaver - previously s31"]))
        else:
            C["c_legal"] = blank_or(rng, text(rng.choice(LEGAL)), 0.08, 0.08)
        C["c_cp"] = tri(rng, 0.4, 0.4, 0.12)
        C["c_csc"] = tri(rng, 0.6, 0.25, 0.1)
        lac = "yes" if (itype == "lac_death" and ci == 0) else None
        C["c_lac"] = tri_fixed(lac) if lac else tri(rng, 0.15, 0.65, 0.1)
        C["c_dis"] = blank_or(rng, text(rng.choice(DISAB) if rng.random() < 0.6 else ""), 0.03, 0.06)
        if C["c_dis"]["shown"] == "":
            C["c_dis"]["truth"] = None
        if ci == 0 and itype in ("death", "lac_death", "care_leaver_death"):
            C["c_dod"] = datefield(i_date, style_mix(dobs))
        else:
            C["c_dod"] = datefield(None, dobs)
        for k in ("c_cp", "c_csc", "c_lac"):
            if C[k]["choice"] == "third":
                case["notes"]["third"].append(f"child{ci + 1}.{k}")
        children.append(C)
    # --- incident
    c1 = children[0]
    g1 = c1["c_gender"]["choice"] or "other"
    pron = {"female": "she", "male": "he", "other": c1["first"]}[g1]
    pos = {"female": "her", "male": "his", "other": c1["first"] + "'s"}[g1]
    loc = rng.choice(LOCS).format(street=street, town=town, n=rng.randrange(2, 40))
    fmt = dict(first=c1["first"], loc=loc, idate_w=fmt_date(i_date, "d_month_y"), pron=pron, Pron=pron[0].upper() + pron[1:],
               pos=pos, known=f"{MONTHS[rng.randrange(12)]} {rng.choice([2022, 2023, 2024])}")
    paras = [rng.choice(SUMMARY_OPEN[itype]).format(**fmt)]
    more = rng.sample(SUMMARY_MORE, rng.randrange(1, 4))
    paras += [m.format(**fmt) for m in more]
    F["i_date"] = datefield(i_date, style_mix(main))
    F["i_la"] = datefield(la_date, style_mix(main)) if rng.random() > 0.07 else datefield(None, main)
    F["i_loc"] = blank_or(rng, text(loc[0].upper() + loc[1:]), 0.04, 0.02)
    F["i_type"] = {"kind": "itype", "choice": itype if rng.random() > 0.03 else None,
                   "detail": rng.choice(OTHER_DETAILS) if itype == "other" else None}
    F["i_summary"] = {"kind": "paras", "paras": paras, "truth": "\n\n".join(paras)}
    F["i_police"] = tri(rng, 0.62, 0.2, 0.1)
    for k, p in (("cr_died", (0.82, 0.05, 0.08)), ("cr_abuse", (0.6, 0.12, 0.2)), ("cr_local", (0.8, 0.08, 0.06)),
                 ("cr_learning", (0.68, 0.08, 0.16))):
        F[k] = tri(rng, *p)
    F["cr_reason"] = {"kind": "paras", "paras": [rng.choice(REASONS)], "truth": None}
    F["cr_reason"]["truth"] = F["cr_reason"]["paras"][0]
    F["panel"] = tri(rng, 0.42, 0.38, 0.1)
    if F["panel"]["choice"] == "yes" and rng.random() > 0.1:
        F["panel_date"] = datefield(la_date + dt.timedelta(days=rng.randrange(0, 5)), style_mix(main))
        if F["panel_date"]["date"] > ref_date:
            F["panel_date"] = datefield(ref_date, F["panel_date"]["style"])
    else:
        F["panel_date"] = datefield(None, main)
        if rng.random() < 0.3:
            F["panel_date"] = {"kind": "date", "date": None, "shown": rng.choice(["N/A", "n/a", "-"]), "truth": None}
    F["concerns"] = {"kind": "paras", "paras": [rng.choice(CONCERNS)], "truth": None}
    F["concerns"]["truth"] = F["concerns"]["paras"][0]
    if rng.random() < 0.06:
        F["concerns"] = {"kind": "paras", "paras": [], "truth": None, "shown": ""}
        case["notes"]["blanks"].append("concerns")
    for k in ("i_police", "cr_died", "cr_abuse", "cr_local", "cr_learning", "panel", "lead_discussed"):
        if F[k]["choice"] == "third":
            case["notes"]["third"].append(k)
    # --- agencies
    n_ag = rng.choices([0, 1, 2, 3, 4, 5], [8, 14, 26, 26, 16, 10])[0]
    ags = []
    pool = rng.sample(AGENCIES, n_ag)
    for a in pool:
        agency = a.format(council=council, town=town, school=school_pick or f"{town} High School")
        if rng.random() < 0.3:
            nm = None
        else:
            nm = person_name(rng)
        if rng.random() < 0.6:
            contact = phone(rng)
        else:
            contact = (email_for(nm, "example.org.uk", rng).lower() if nm else
                       rng.choice(["duty.team", "mash", "frontdoor", "admin", "safeguarding"]) + "@example.org.uk")
        ags.append({"name": nm, "agency": agency, "contact": contact,
                    "name_shown": nm if nm else rng.choice(["", "", "-"])})
    case["agencies"] = ags
    # --- decoys
    dec = []
    for label, kind in s["decoys"]:
        dec.append((label, decoy_value(rng, kind, ref_date, main)))
    case["decoys"] = dec
    case["decoy_ids"] = [(lab, val) for (lab, kind), (_l, val) in zip(s["decoys"], dec)
                         if kind in ("hubref", "upn", "epsref", "hospno", "nhsno", "housref", "edno", "logno")]
    case["notes"]["decoys"] = [f"{a}={b}" for a, b in dec]
    # --- not asked
    for k in list(F):
        if k in na:
            del F[k]
    for C in children:
        for k in list(C):
            if k in na:
                del C[k]
    case["F"] = F
    case["children"] = children
    case["itype"] = itype
    return case


def decoy_value(rng: random.Random, kind: str, ref_date: dt.date, style: str) -> str:
    if kind == "date":
        d = ref_date - dt.timedelta(days=rng.randrange(25, 400))
        return fmt_date(d, style)
    if kind == "person":
        return person_name(rng)
    if kind == "time":
        return f"{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}"
    if kind == "count":
        return str(rng.randrange(2, 30))
    if kind == "hba1c":
        return str(rng.randrange(52, 118))
    n = rng.randrange(10 ** 5, 10 ** 6)
    return {
        "hubref": f"FH-{ref_date.year}-{n % 100000:05d}",
        "upn": f"H{rng.randrange(10 ** 11, 10 ** 12)}{rng.choice('ABCDEFGH')}",
        "epsref": f"EPS/{ref_date.year % 100}/{n % 10000:04d}",
        "hospno": f"WY{n}",
        "nhsno": f"{rng.randrange(400, 999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
        "housref": f"HR/{ref_date.year}/{n % 10000:04d}",
        "edno": f"ED{ref_date.year % 100}-{n}",
        "cad": f"CAD {n % 10000:04d}",
        "logno": f"SP-{ref_date.year % 100}-{n % 1000:03d}",
        "triage": rng.choice(["Orange - very urgent", "Yellow - urgent", "Red - immediate"]),
        "duty": rng.choice(["Relief duty (s189B)", "Prevention duty (s195)", "Main housing duty (s193)"]),
    }[kind]


# ---------------------------------------------------------------- record

def record(case: dict, s: dict) -> dict:
    F = case["F"]

    def tv(k):
        f = F.get(k)
        return None if f is None else f["truth"]

    def person(who):
        return {"name": tv(f"{who}_name"), "role": tv(f"{who}_role"), "agency": tv(f"{who}_agency"),
                "email": tv(f"{who}_email"), "phone": tv(f"{who}_phone")}

    lead = person("lead")
    lead["discussed"] = tv("lead_discussed")
    kids = []
    for C in case["children"]:
        def cv(k):
            f = C.get(k)
            return None if f is None else f["truth"]
        g = C["c_gender"]["choice"] if "c_gender" in C else None
        kids.append({"name": f"{C['first']} {C['last_shown']}", "other_names": cv("c_other"), "dob": cv("c_dob"),
                     "age": cv("c_age"), "gender": g, "ethnicity": cv("c_eth"), "address": cv("c_addr"),
                     "school": cv("c_school"), "gp": cv("c_gp"), "legal_status": cv("c_legal"), "cp_plan": cv("c_cp"),
                     "open_to_csc": cv("c_csc"), "looked_after": cv("c_lac"), "disability": cv("c_dis"),
                     "date_of_death": cv("c_dod")})
    it = F.get("i_type")
    return {
        "form": "referral",
        "date_of_referral": tv("ref_date"),
        "referrer": person("ref"),
        "safeguarding_lead": lead,
        "children": kids,
        "incident": {"date": tv("i_date"), "date_la_aware": tv("i_la"), "location": tv("i_loc"),
                     "type": None if it is None else it["choice"], "summary": tv("i_summary"),
                     "police_involved": tv("i_police")},
        "criteria": {"died_or_seriously_harmed": tv("cr_died"), "abuse_or_neglect_suspected": tv("cr_abuse"),
                     "local_connection": tv("cr_local"), "multi_agency_learning": tv("cr_learning"),
                     "reason": tv("cr_reason")},
        "panel_notified": tv("panel"),
        "date_panel_notified": tv("panel_date"),
        "agencies_involved": [{"name": a["name"], "agency": a["agency"], "contact": a["contact"]} for a in case["agencies"]],
        "immediate_concerns": tv("concerns"),
    }


# ---------------------------------------------------------------- display helpers

def shown(f: dict, s: dict) -> str:
    """The answer as typed on the form, for text / date / tri / gender / itype fields."""
    k = f["kind"]
    if k in ("text", "date", "lines"):
        return f["shown"]
    if k == "tri":
        c = f["choice"]
        return "" if c is None else s["yn"][("yes", "no", "third").index(c)]
    if k == "gender":
        return "" if f["choice"] is None else s["gender"][f["choice"]]
    if k == "itype":
        if f["choice"] is None:
            return ""
        lab = s["itypes"][f["choice"]]
        if f.get("detail"):
            return f"{lab}: {f['detail']}"
        return lab
    if k == "paras":
        return "\n\n".join(f["paras"]) if f["paras"] else f.get("shown", "")
    raise ValueError(k)


def options(f: dict, s: dict) -> list[tuple[str, bool]]:
    """All options of a choice field, each with whether it is the chosen one."""
    k = f["kind"]
    if k == "tri":
        return [(w, f["choice"] == c) for w, c in zip(s["yn"], ("yes", "no", "third"))]
    if k == "gender":
        return [(s["gender"][g], f["choice"] == g) for g in ("female", "male", "other")]
    if k == "itype":
        return [(s["itypes"][t], f["choice"] == t) for t in ("death", "serious_harm", "lac_death", "care_leaver_death", "other")]
    raise ValueError(k)


def child_fields(s: dict) -> list[str]:
    keys = (["c_first", "c_last"] if s["split_name"] else ["c_name"])
    if s["split_name"] and s["surname_first"]:
        keys = ["c_last", "c_first"]
    return keys + ["c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr", "c_school", "c_gp", "c_legal", "c_cp",
                   "c_csc", "c_lac", "c_dis", "c_dod"]


def child_value(C: dict, key: str):
    """The field object for a child key, building name fields on the fly."""
    if key == "c_first":
        return text(C["first"])
    if key == "c_last":
        return text(C["last_shown"])
    if key == "c_name":
        return text(f"{C['first']} {C['last_shown']}")
    return C.get(key)


REF_KEYS = ["ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"]
LEAD_KEYS = ["lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone"]
INC_KEYS = ["i_date", "i_la", "i_loc", "i_type", "i_summary", "i_police"]
CRIT_KEYS = ["cr_died", "cr_abuse", "cr_local", "cr_learning", "cr_reason"]
