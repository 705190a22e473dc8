"""Invented case data, date styles and the ordered sections of one form plus its truth record (unseen21)."""
import datetime as dt

FIRST_F = ["Maya", "Isla", "Amelia", "Poppy", "Freya", "Aaliyah", "Zara", "Lily", "Ruby", "Ivy", "Evie", "Nia", "Hannah", "Leah", "Skye", "Kacey"]
FIRST_M = ["Leo", "Oscar", "Harley", "Kai", "Tyler", "Mason", "Reuben", "Ethan", "Jayden", "Alfie", "Bilal", "Callum", "Darius", "Lewis", "Owen", "Rhys"]
SURNAMES = ["Thompson", "Kowalski", "Ahmed", "Fairclough", "Brennan", "Okafor", "Whitlock", "Marsh", "Donnelly", "Hussain", "Pryce", "Lindqvist", "Barraclough", "Mensah", "Quigley", "Stanway"]
ADULT_FIRST = ["Joanne", "Daniel", "Priya", "Martin", "Helen", "Kieran", "Sadia", "Gareth", "Lorraine", "Tomasz", "Bethany", "Colin", "Farah", "Neil", "Rachel", "Simon", "Yvonne", "Adrian"]
ADULT_LAST = ["Rowntree", "Achebe", "Gallagher", "Pennington", "Sheikh", "Holroyd", "Varga", "McCall", "Dobson", "Everitt", "Khan", "Lomas", "Nightingale", "Oyelaran", "Redfern", "Sutcliffe"]
STREETS = ["14 Larch Close", "Flat 3, Kestrel House", "27 Mill Street", "9 Harbour View", "112 Tarn Road", "5 Fold Lane", "Flat 12, Linden Court", "48 Park Avenue", "2 Quay Street", "31 Brook Street"]
TOWNS = [("Saltreach", "SB4 2QT"), ("Greyfield", "GF7 3LP"), ("Northway", "NW3 8DX"), ("Ashby Fold", "AF2 6RJ"), ("Lindenvale", "LV9 1HS"), ("Harrowmere", "HM5 4EW"), ("Tidehaven", "TH1 7NA"), ("Kellbrook", "KB6 2YU")]
ETHNIC = ["White British", "Mixed White and Black Caribbean", "Pakistani", "Black African", "White Other", "Bangladeshi", "Mixed White and Asian", "Gypsy / Roma", "White Irish", "Any other ethnic group"]
SCHOOLS = ["St Aidan's CE Primary School", "Kell Road Academy", "Northway Sixth Form College", "Holm Bay Primary School", "Tarn Valley High School", "Fold Lane Nursery", "Calder Community College", "Lindenvale Primary School"]
GPS = ["Harbour Medical Practice", "Dr Okoye and Partners", "Millbank Surgery", "Fold Lane Health Centre", "Tarn Road Surgery", "The Linden Practice"]
LEGAL = ["Child in need", "Special guardianship order", "Section 20 (accommodated)", "Interim care order", "Child arrangements order", "None"]
DISAB = ["Autism (diagnosed)", "ADHD, awaiting assessment", "Asthma", "Global developmental delay", "Hearing impairment", "EHCP - speech and language needs", "Type 1 diabetes"]
AGENCIES = [("Children's Social Care", "Duty and Assessment Team"), ("Police", "Public Protection Unit"), ("School", "Designated Safeguarding Lead"), ("Health visiting", "0-19 Service"),
            ("CAMHS", "Getting Help Team"), ("Youth Justice Service", "Prevention Team"), ("GP", "Practice safeguarding lead"), ("Housing", "Homelessness Prevention")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style):
    if style == "dd/mm/yyyy":
        return d.strftime("%d/%m/%Y")
    if style == "d/m/yyyy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "d_mon_y":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "dd-Mon-yyyy":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "weekday":
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


ALL_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "dots", "d_mon_y", "ordinal", "dd-Mon-yyyy", "weekday", "long"]


def phone_disp(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return f"01632 960{rng.randrange(1000):03d}"
    if kind == 1:
        return f"0113 496 0{rng.randrange(1000):03d}"
    if kind == 2:
        return f"020 7946 0{rng.randrange(1000):03d}"
    return f"07700 900{rng.randrange(1000):03d}"


def digits(p):
    return "".join(ch for ch in p if ch.isdigit() or ch == "+")


class Item:
    """One question on the form: key (canonical path or 'decoy'), label, kind and what is printed."""
    def __init__(self, key, label, kind="text", disp="", lines=None, chosen=None, opts=None, rows=None):
        self.key, self.label, self.kind, self.disp = key, label, kind, disp
        self.lines = lines        # address lines / summary paragraphs
        self.chosen = chosen      # index into opts for choices, None = nothing chosen
        self.opts = opts or []
        self.rows = rows          # agencies rows [(name, agency, contact)]

    def text(self):
        if self.lines is not None:
            return "\n".join(self.lines)
        return self.disp


class Section:
    def __init__(self, key, title, items):
        self.key, self.title, self.items = key, title, items


def person(rng):
    return f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"


def email_of(name, domain, rng):
    a, b = name.lower().split(" ", 1)
    e = f"{a}.{b.replace(' ', '')}@{domain}"
    return e[0].upper() + e[1:] if rng.random() < 0.2 else e


def build_case(rng, S, n_children, plan):
    """Returns (sections, record, notes).  plan: dict of per-form switches chosen by make_forms."""
    L = S["labels"]
    ds, dbs = S["date_style"], S["dob_style"]
    yes, no, third = S["yn"]
    notes = {"date_style": ds, "dob_style": dbs, "blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": []}
    ref_date = dt.date(2025, 6, 2) + dt.timedelta(days=rng.randrange(300))
    inc_date = ref_date - dt.timedelta(days=rng.randrange(3, 25))
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, 3))
    if la_date > ref_date:
        la_date = ref_date
    town, pc = plan["town"]
    blanks = set(plan.get("blank", []))
    fillers = plan.get("fillers", {})

    def blanked(key, value):
        if key in blanks:
            notes["blanks"].append(key)
            return True
        return False

    def tfield(key, label, value, kind="text"):
        """A text question.  Returns (Item, truth)."""
        if label is None:
            return None, None
        if value is None or blanked(key, value):
            return Item(key, label, kind, ""), None
        if key in fillers:
            notes["fillers"].append(f"{key}={fillers[key]}")
            return Item(key, label, kind, fillers[key]), None
        return Item(key, label, kind, value), value

    def dfield(key, label, d, style):
        if label is None:
            return None, None
        if d is None or blanked(key, d):
            return Item(key, label, "date", ""), None
        return Item(key, label, "date", fmt_date(d, style)), d.isoformat()

    def ynfield(key, label, val, allow_third=False):
        if label is None:
            return None, None
        opts = [yes, no, third]
        if val is None:
            if allow_third and rng.random() < 0.5:
                notes["third_option"].append(key)
                return Item(key, label, "yn", third, chosen=2, opts=opts), None
            notes["blanks"].append(key)
            return Item(key, label, "yn", "", chosen=None, opts=opts), None
        return Item(key, label, "yn", yes if val else no, chosen=0 if val else 1, opts=opts), val

    rec = {"form": "referral", "date_of_referral": None,
           "referrer": dict(name=None, role=None, agency=None, email=None, phone=None),
           "safeguarding_lead": dict(name=None, role=None, agency=None, email=None, phone=None, discussed=None),
           "children": [], "incident": dict(date=None, date_la_aware=None, location=None, type=None, summary=None, police_involved=None),
           "criteria": dict(died_or_seriously_harmed=None, abuse_or_neglect_suspected=None, local_connection=None, multi_agency_learning=None, reason=None),
           "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}
    sections = []
    org = S["org"]
    # referrer
    rname = person(rng)
    rphone = phone_disp(rng)
    remail = email_of(rname, S["domain"], rng)
    items = []
    it, v = dfield("date_of_referral", L["date_of_referral"], ref_date, ds); items.append(it); rec["date_of_referral"] = v
    for k, lab, val in [("name", L["ref_name"], rname), ("role", L["ref_role"], rng.choice(S["roles"])), ("agency", L["ref_agency"], org),
                        ("email", L["ref_email"], remail), ("phone", L["ref_phone"], rphone)]:
        it, v = tfield("referrer." + k, lab, val, "phone" if k == "phone" else "email" if k == "email" else "text")
        items.append(it)
        if v is not None:
            v = digits(v) if k == "phone" else v.lower() if k == "email" else v
        rec["referrer"][k] = v
    sections.append(Section("referrer", S["sections"][0], items))
    # lead
    lname = person(rng)
    while lname == rname:
        lname = person(rng)
    items = []
    for k, lab, val in [("name", L["lead_name"], lname), ("role", L["lead_role"], S["lead_role"]), ("agency", L["lead_agency"], org),
                        ("email", L["lead_email"], email_of(lname, S["domain"], rng)), ("phone", L["lead_phone"], phone_disp(rng))]:
        it, v = tfield("safeguarding_lead." + k, lab, val, "phone" if k == "phone" else "email" if k == "email" else "text")
        items.append(it)
        if v is not None:
            v = digits(v) if k == "phone" else v.lower() if k == "email" else v
        rec["safeguarding_lead"][k] = v
    disc = True if rng.random() < 0.85 else (False if rng.random() < 0.5 else None)
    it, v = ynfield("safeguarding_lead.discussed", L["discussed"], disc); items.append(it); rec["safeguarding_lead"]["discussed"] = v
    sections.append(Section("lead", S["sections"][1], items))
    # incident type first (death needs date of death)
    r = rng.random()
    itype = "serious_harm" if r < 0.55 else "death" if r < 0.72 else "lac_death" if r < 0.78 else "care_leaver_death" if r < 0.83 else "other" if r < 0.95 else None
    if itype == "care_leaver_death" and plan["sender"] not in ("tidehaven_nightstop", "northway_careers", "harrowmere_lnd"):
        itype = "death"
    # children
    surname = rng.choice(SURNAMES)
    used_first = set()
    kids = []
    for ci in range(n_children):
        g = rng.choice(["female", "male", "female", "male", "other"]) if rng.random() < 0.1 else rng.choice(["female", "male"])
        pool = FIRST_F if g == "female" else FIRST_M if g == "male" else FIRST_F + FIRST_M
        first = rng.choice([f for f in pool if f not in used_first]); used_first.add(first)
        last = surname if ci == 0 or rng.random() < 0.7 else rng.choice(SURNAMES)
        if plan["sender"] == "tidehaven_nightstop":
            age_years = rng.randrange(16, 18)
        elif plan["sender"] in ("northway_careers", "harrowmere_lnd"):
            age_years = rng.randrange(13, 18)
        elif plan["sender"] == "kellbrook_crossings":
            age_years = rng.randrange(4, 12)
        else:
            age_years = rng.randrange(1, 17)
        dob = inc_date - dt.timedelta(days=int(age_years * 365.25) + rng.randrange(1, 300))
        kids.append((first, last, g, dob, age_years))
    for ci, (first, last, g, dob, age_years) in enumerate(kids):
        p = f"children[{ci}]."
        ch = dict(name=None, other_names=None, dob=None, age=None, gender=None, ethnicity=None, address=None, school=None, gp=None,
                  legal_status=None, cp_plan=None, open_to_csc=None, looked_after=None, disability=None, date_of_death=None)
        items = []
        caps = plan.get("caps_surname") and ci == 0
        lastw = last.upper() if caps else last
        if L.get("name"):
            it, v = tfield(p + "name", L["name"], f"{first} {lastw}"); items.append(it); ch["name"] = v
        else:
            a = Item(p + "first", L["first"], "text", first)
            b = Item(p + "last", L["last"], "text", lastw)
            items += [b, a] if L.get("last_first") else [a, b]
            ch["name"] = f"{first} {lastw}"
        if L["other_names"]:
            on = rng.choice(["", "", f"{first[:3]}ie", f"{first} {rng.choice(SURNAMES)}"]) if ci == 0 else ""
            it, v = tfield(p + "other_names", L["other_names"], on or None); items.append(it); ch["other_names"] = v
        use_age = L["dob"] is None or (rng.random() < plan.get("age_rate", 0.15))
        if L["dob"]:
            if use_age:
                items.append(Item(p + "dob", L["dob"], "date", ""))
            else:
                it, v = dfield(p + "dob", L["dob"], dob, dbs); items.append(it); ch["dob"] = v
        if L["age"]:
            if use_age or L["dob"] is None:
                a = rng.choice([f"{age_years}", f"about {age_years}", f"{age_years} years", f"approx. {age_years}", f"{age_years} yrs"])
                items.append(Item(p + "age", L["age"], "text", a)); ch["age"] = a; notes["ages"].append(ci)
            else:
                items.append(Item(p + "age", L["age"], "text", ""))
        gi = {"female": 0, "male": 1, "other": 2}[g]
        if g == "other" and S["gender"][2] not in ("Other", "Non-binary"):
            gi = 0; g = "female"
        items.append(Item(p + "gender", L["gender"], "gender", S["gender"][gi], chosen=gi, opts=list(S["gender"]))); ch["gender"] = g
        if L["ethnicity"]:
            it, v = tfield(p + "ethnicity", L["ethnicity"], rng.choice(ETHNIC)); items.append(it); ch["ethnicity"] = v
        if L["address"]:
            street = STREETS[(ci * 0 + rng.randrange(len(STREETS)))] if ci == 0 or rng.random() < 0.3 else None
            if ci > 0 and street is None:
                street = kids_addr_street
            if ci == 0:
                kids_addr_street = street
            lines = [street, town, pc] if rng.random() < 0.8 else [street, f"{town} {pc}"]
            if p + "address" in blanks:
                items.append(Item(p + "address", L["address"], "address", "", lines=[])); notes["blanks"].append(p + "address")
            else:
                items.append(Item(p + "address", L["address"], "address", ", ".join(lines), lines=lines)); ch["address"] = ", ".join(lines)
        if L["school"]:
            it, v = tfield(p + "school", L["school"], (rng.choice([s for s in SCHOOLS if ("Primary" in s or "Nursery" in s) == (age_years < 11)]) if age_years >= 3 else None)); items.append(it); ch["school"] = v
        if L["gp"]:
            it, v = tfield(p + "gp", L["gp"], rng.choice(GPS)); items.append(it); ch["gp"] = v
        if L["legal_status"]:
            ls = rng.choice(LEGAL)
            if itype == "lac_death" and ci == 0:
                ls = "Interim care order"
            it, v = tfield(p + "legal_status", L["legal_status"], ls); items.append(it); ch["legal_status"] = v
        for key in ("cp_plan", "open_to_csc", "looked_after"):
            if L[key]:
                val = rng.random() < 0.4
                if key == "looked_after":
                    val = itype == "lac_death" and ci == 0 or (rng.random() < 0.1)
                if ci == 0 and rng.random() < 0.18:
                    val = None
                it, v = ynfield(p + key, L[key], val, allow_third=(ci == 0)); items.append(it); ch[key] = v
        if L["disability"]:
            it, v = tfield(p + "disability", L["disability"], rng.choice(DISAB) if rng.random() < 0.5 else None); items.append(it); ch["disability"] = v
        if L["date_of_death"]:
            if itype in ("death", "lac_death", "care_leaver_death") and ci == 0:
                it, v = dfield(p + "date_of_death", L["date_of_death"], inc_date, dbs); items.append(it); ch["date_of_death"] = v
            else:
                items.append(Item(p + "date_of_death", L["date_of_death"], "date", ""))
        title = S["sections"][2] + (f" - child {ci + 1} of {n_children}" if n_children > 1 else "")
        sections.append(Section(f"child{ci}", title, [i for i in items if i is not None]))
        rec["children"].append(ch)
    cname = kids[0][0]
    # incident
    items = []
    it, v = dfield("incident.date", L["inc_date"], inc_date, ds); items.append(it); rec["incident"]["date"] = v
    it, v = dfield("incident.date_la_aware", L["la_aware"], la_date, ds); items.append(it); rec["incident"]["date_la_aware"] = v
    it, v = tfield("incident.location", L["location"], rng.choice(S["places"])); items.append(it); rec["incident"]["location"] = v
    labels_by_type = {"death": rng.choice(["Child death", "Death of a child"]), "serious_harm": rng.choice(["Serious harm", "Serious harm to a child"]),
                      "lac_death": "Death of a looked after child", "care_leaver_death": "Death of a care leaver (under 25)", "other": "Other"}
    opts = [labels_by_type["death"], labels_by_type["serious_harm"], labels_by_type["lac_death"], labels_by_type["care_leaver_death"], "Other (please specify)"]
    spec = rng.choice(["private fostering arrangement", "exploitation concern", "child missing from home", "unexplained injury to a baby"])
    if itype is None:
        items.append(Item("incident.type", L["itype"], "itype", "", chosen=None, opts=opts)); notes["blanks"].append("incident.type")
    else:
        idx = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"].index(itype)
        disp = f"Other - {spec}" if itype == "other" else labels_by_type[itype]
        items.append(Item("incident.type", L["itype"], "itype", disp, chosen=idx, opts=opts))
    rec["incident"]["type"] = itype
    notes["itype"] = itype
    story = rng.choice(S["stories"])
    paras = [s.replace("{c}", cname) for s in story]
    if itype in ("death", "lac_death", "care_leaver_death"):
        paras.append(f"Sadly {cname} died on {fmt_date(inc_date, ds)}. The cause of death is not yet known.")
    items.append(Item("incident.summary", L["summary"], "para", "\n\n".join(paras), lines=paras)); rec["incident"]["summary"] = "\n\n".join(paras)
    pol = rng.random() < 0.7 if rng.random() < 0.9 else None
    it, v = ynfield("incident.police_involved", L["police"], pol, allow_third=True); items.append(it); rec["incident"]["police_involved"] = v
    sections.append(Section("incident", S["sections"][3], items))
    # criteria
    items = []
    cvals = [itype in ("death", "serious_harm", "lac_death", "care_leaver_death") or None, True if rng.random() < 0.8 else None, True, True if rng.random() < 0.85 else False]
    for key, lab, val in zip(["died_or_seriously_harmed", "abuse_or_neglect_suspected", "local_connection", "multi_agency_learning"], [L["c1"], L["c2"], L["c3"], L["c4"]], cvals):
        if rng.random() < 0.06:
            val = None
        it, v = ynfield("criteria." + key, lab, val); items.append(it); rec["criteria"][key] = v
    reason = rng.choice([f"{cname} has been seriously harmed and several agencies knew of concerns beforehand; we think there is learning about how information was shared.",
                         "Abuse or neglect is suspected and the family was known to more than one agency. We are worried that warning signs were missed.",
                         f"The incident meets the criteria and we believe agencies could learn from how concerns about {cname} were responded to."])
    it, v = tfield("criteria.reason", L["reason"], reason); items.append(it); rec["criteria"]["reason"] = v
    sections.append(Section("criteria", S["sections"][4], items))
    # panel
    items = []
    pn = True if rng.random() < 0.35 else (False if rng.random() < 0.7 else None)
    it, v = ynfield("panel_notified", L["panel"], pn, allow_third=True); items.append(it); rec["panel_notified"] = v
    if pn:
        pd = la_date + dt.timedelta(days=rng.randrange(1, 5))
        if pd > ref_date:
            pd = ref_date
        it, v = dfield("date_panel_notified", L["panel_date"], pd, dbs); items.append(it); rec["date_panel_notified"] = v
    else:
        items.append(Item("date_panel_notified", L["panel_date"], "date", ""))
    sections.append(Section("panel", S["sections"][5], items))
    # agencies
    rows = []
    for a, team in rng.sample(AGENCIES, rng.randrange(0, 4)):
        who = person(rng) if rng.random() < 0.7 else None
        contact = phone_disp(rng) if rng.random() < 0.6 else email_of(who or "duty team", "kellbrook.gov.uk" if False else "agency.gov.uk", rng).lower().replace(" ", "")
        rows.append((who, f"{a} - {team}", contact))
        rec["agencies_involved"].append({"name": who, "agency": f"{a} - {team}", "contact": contact})
    sections.append(Section("agencies", S["sections"][6], [Item("agencies_involved", L["agencies"], "agencies", "", rows=rows)]))
    notes["agencies"] = len(rows)
    # concerns
    conc = rng.choice([f"{cname} is now staying with a relative under a safety plan agreed with children's services.",
                       f"Other children in the household may be at risk; children's services visited the same day.",
                       f"{cname} remains in hospital. Police have bail conditions in place.", None])
    it, v = tfield("immediate_concerns", L["concerns"], conc); items = [it]; rec["immediate_concerns"] = v
    sections.append(Section("concerns", S["sections"][7], items))
    # decoys
    items = []
    for lab, kind in S["decoys"]:
        if kind in ("date", "date2"):
            val = fmt_date(ref_date + dt.timedelta(days=rng.randrange(-60, 40)), ds)
        elif kind == "person":
            val = person(rng)
        elif kind == "time":
            val = f"{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}"
        elif kind == "reg":
            val = f"GF{rng.randrange(10, 75)} {''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}"
        else:
            val = {"irf": f"IRF-{rng.randrange(1000, 9999)}", "flag": rng.choice(["Red and yellow", "Red (no swimming)", "Black and white (surf craft)"]),
                   "round": f"R{rng.randrange(1, 30)}-{rng.choice(['MON', 'TUE', 'WED', 'THU', 'FRI'])}", "ref": f"{rng.randrange(100000, 999999)}",
                   "dest": rng.choice(["Level 2 apprenticeship", "College - A levels", "Employment with training"]), "custody": f"{rng.randrange(10, 99)}/{rng.randrange(10000, 99999)}/25",
                   "suite": "Harrowmere Central", "source": rng.choice(["Self-referral", "College", "Housing options"]), "nights": str(rng.randrange(1, 5)),
                   "site": f"SCP-{rng.randrange(10, 99)}", "times": "08:15-09:05 and 14:50-15:40"}.get(kind, "-")
        items.append(Item("decoy", lab, "text", val)); notes["decoys"].append(f"{lab}={val}")
    sections.append(Section("decoys", S["sections"][8], items))
    # drop None items
    for s in sections:
        s.items = [i for i in s.items if i is not None]
    return sections, rec, notes
