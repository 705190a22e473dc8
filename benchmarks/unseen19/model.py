"""Invented data for one form: the record (truth) and the ordered sections a layout renders."""
import datetime as dt

from senders import TYPE_LABELS, PESTS, STATES, CONDS, DETAILS, SAIDS, SAID2S, TIMES

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FIRST_F = ["Amelia", "Isla", "Freya", "Maisie", "Ruby", "Zara", "Aaliyah", "Niamh", "Poppy", "Esme", "Kacey", "Leah",
           "Oksana", "Tiegan", "Harper", "Skye"]
FIRST_M = ["Oliver", "Jayden", "Kai", "Alfie", "Reuben", "Tomasz", "Ibrahim", "Logan", "Finley", "Callum", "Dexter",
           "Riley", "Mason", "Ezra", "Kobe"]
ADULT_F = ["Helen", "Sarah", "Priya", "Joanne", "Claire", "Nadia", "Bethan", "Lorraine", "Gemma", "Yasmin", "Fiona"]
ADULT_M = ["David", "Mark", "Imran", "Stuart", "Gareth", "Paul", "Neil", "Marcus", "Adrian", "Ravi", "Owen"]
SURN = ["Whitlock", "Okafor", "Brennan", "Haworth", "Kowalski", "Pearce", "Ashworth", "Begum", "Lindqvist", "Tranter",
        "Mahmood", "Rushton", "Quigley", "Fairclough", "Ndlovu", "Gillespie", "Varley", "Szabo", "Holroyd", "Crane"]
STREETS = ["Brook Lane", "Mill Street", "Tanner Road", "Cedar Close", "Highfield Avenue", "Chapel Row", "Orchard Way",
           "Sycamore Drive", "Quarry Hill", "Station Road", "Wharf Street"]
TOWNS = ["Ashdyke", "Rowley", "Corvale", "Mere", "Brantwood", "Kingsmoor", "Kestermoor", "Ellerby", "Norbridge",
         "Aldgrave", "Wexby", "Elmfield"]
ETHN = ["White British", "Mixed - White and Black Caribbean", "Asian British - Pakistani", "White - Polish",
        "Black British - African", "White and Asian", "Gypsy / Roma", "Any other White background"]
SCHOOLS = ["{t} Primary School", "St Anne's CE Primary School", "{t} Academy", "Little Acorns Nursery",
           "{t} High School", "Oakfield Community College", "Greenbank Infant School"]
GPS = ["{t} Medical Centre", "Riverside Surgery", "Dr Patel and Partners", "Elm Tree Health Centre", "{t} Family Practice"]
LEGAL = ["Section 20 (accommodated)", "Interim care order (s38)", "Child in need", "No order", "Child arrangements order"]
DISAB = ["Autism (diagnosed)", "Global developmental delay", "Moderate hearing loss, bilateral aids", "ADHD",
         "Speech and language delay", "Type 1 diabetes"]
AG_ORGS = ["Children's Social Care", "Health Visiting Team", "School Nursing Service", "CAMHS", "Early Help Team",
           "Police Public Protection Unit", "Youth Justice Service", "Housing Options", "Family Hub", "GP surgery"]
REASONS = ["The child suffered serious injuries and neglect is suspected; several agencies knew the family.",
           "A child has died in circumstances where abuse is suspected and services had contact with the family.",
           "There were missed opportunities to share information between agencies before the incident.",
           "Serious harm with signs of long-term neglect; the family is known to more than one service."]
CONCERNS = ["A younger sibling remains at home with the same adults.", "The adults have not been located.",
            "The child is in hospital; discharge planning is needed.", "Other children visit the address regularly.",
            "The family may move out of the area."]
OTHER_SPEC = ["private fostering arrangement", "child missing and found injured", "attempted abduction",
              "child exploitation concern"]


def fmt_date(d, style):
    if d is None:
        return None
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "d_month_y":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "d_mon_y":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "d_ord_month_y":
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d.day}{suf} {MONTHS[d.month - 1]} {d.year}"
    if style == "dd_mon_yyyy_dash":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "dmy_dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "d_m_y_short":
        return f"{d.day}/{d.month}/{d.year}"
    raise ValueError(style)


def phone_fmt(rng, mobile=False):
    if mobile:
        return f"07700 900{rng.randint(0, 999):03d}"
    return rng.choice([f"01632 960{rng.randint(0, 999):03d}", f"0113 496 0{rng.randint(0, 999):03d}",
                       f"020 7946 0{rng.randint(0, 999):03d}", f"0115 496 0{rng.randint(0, 999):03d}"])


def digits(p):
    return "".join(ch for ch in p if ch.isdigit() or ch == "+") if p else None


class F:
    """One field as printed: kind text|date|yn|choice|lines|paras; shown = printed string(s) or None (blank)."""

    def __init__(self, key, label, kind, shown=None, options=None, chosen=None, extra=None):
        self.key, self.label, self.kind, self.shown = key, label, kind, shown
        self.options, self.chosen, self.extra = options, chosen, extra or {}


class Case:
    pass


def make_case(rng, sender, n, force_children=None):
    S, L = sender, sender["L"]
    na = set(S["not_asked"])
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": []}
    ds, dobs = S["date_style"], S["dob_style"]
    domain = S["domain"]

    ref_date = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randint(0, 200))
    inc_date = ref_date - dt.timedelta(days=rng.randint(2, 18))
    la_date = inc_date + dt.timedelta(days=rng.randint(0, (ref_date - inc_date).days))
    fillers = ["N/A", "Not known", "-", "n/a", "Not applicable"]

    def person(roles, agency, female=None):
        f = rng.random() < 0.55 if female is None else female
        first = rng.choice(ADULT_F if f else ADULT_M)
        last = rng.choice(SURN)
        email = f"{first}.{last}@{domain}".lower()
        if rng.random() < 0.3:
            email = f"{first}.{last}@{domain}"  # typed with capitals; truth lower-cased
        return {"name": f"{first} {last}", "role": rng.choice(roles), "agency": agency, "email": email,
                "phone": phone_fmt(rng, mobile=rng.random() < 0.4)}

    rp = person(S["roles"], rng.choice(S["agencies"]))
    lp = person(S["lead_roles"], S.get("lead_agency", S["org"]))
    while lp["name"] == rp["name"]:
        lp = person(S["lead_roles"], S.get("lead_agency", S["org"]))

    sections = []
    rec = {"form": "referral"}

    def blankable(key, value, kind="text", p=0.07):
        """Return (shown, truth). Some answers are left blank or given a filler."""
        if value is None:
            return None, None
        r = rng.random()
        if r < p:
            notes["blanks"].append(key)
            return None, None
        if r < p * 1.6 and kind in ("text", "date"):
            fl = rng.choice(fillers)
            notes["fillers"].append(f"{key}={fl}")
            return fl, None
        return value, value

    def yn(key, val, third_ok=False):
        opts = list(S["yn"])
        if key in na:
            return None, None
        r = rng.random()
        if r < 0.05:
            notes["blanks"].append(key)
            return F(key, L[key], "yn", None, opts, None), None
        if third_ok and r < 0.2:
            notes["third_option"].append(key)
            return F(key, L[key], "yn", opts[2], opts, 2), None
        return F(key, L[key], "yn", opts[0 if val else 1], opts, 0 if val else 1), val

    # referrer
    ref_fields, r_truth = [], {}
    d_shown, d_truth = blankable("ref_date", fmt_date(ref_date, ds), "date", p=0.03)
    ref_fields.append(F("ref_date", L["ref_date"], "date", d_shown))
    rec["date_of_referral"] = ref_date.isoformat() if d_truth else None
    for k, fk in (("r_name", "name"), ("r_role", "role"), ("r_agency", "agency"), ("r_email", "email"),
                  ("r_phone", "phone")):
        sh, tr = blankable(k, rp[fk], p=0.04 if fk != "name" else 0.0)
        ref_fields.append(F(k, L[k], "text", sh))
        r_truth[fk] = tr
    r_truth["email"] = r_truth["email"].lower() if r_truth["email"] else None
    r_truth["phone"] = digits(r_truth["phone"])
    rec["referrer"] = r_truth
    sections.append(("ref", S["sections"]["ref"], ref_fields))

    lead_fields, l_truth = [], {}
    for k, fk in (("l_name", "name"), ("l_role", "role"), ("l_agency", "agency"), ("l_email", "email"),
                  ("l_phone", "phone")):
        sh, tr = blankable(k, lp[fk], p=0.06)
        lead_fields.append(F(k, L[k], "text", sh))
        l_truth[fk] = tr
    l_truth["email"] = l_truth["email"].lower() if l_truth["email"] else None
    l_truth["phone"] = digits(l_truth["phone"])
    f, v = yn("l_discussed", rng.random() < 0.85)
    lead_fields.append(f)
    l_truth["discussed"] = v
    rec["safeguarding_lead"] = l_truth
    sections.append(("lead", S["sections"]["lead"], lead_fields))

    # children
    nkids = force_children or (1 if rng.random() < 0.7 else (2 if rng.random() < 0.75 else 3))
    notes["children"] = nkids
    family = rng.choice(SURN)
    town = rng.choice(TOWNS)
    addr_lines = [f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town, f"{'AB'[rng.randint(0, 1)]}{rng.randint(10, 99)} {rng.randint(1, 9)}{'XYZ'[rng.randint(0, 2)]}{'QRT'[rng.randint(0, 2)]}"]
    if rng.random() < 0.3:
        addr_lines.insert(0, f"Flat {rng.randint(1, 12)}, {rng.choice(['Kestrel', 'Heron', 'Linnet'])} House")
    used = set()
    kids_truth, kid_fields_all = [], []
    itype_pick = None
    death_bias = S.get("death_bias")
    r = rng.random()
    if death_bias:
        itype = "death" if r < 0.55 else ("lac_death" if r < 0.65 else ("serious_harm" if r < 0.85 else ("care_leaver_death" if r < 0.9 else "other")))
    else:
        itype = "serious_harm" if r < 0.72 else ("death" if r < 0.82 else ("lac_death" if r < 0.86 else ("care_leaver_death" if r < 0.88 else "other")))
    if rng.random() < 0.05:
        itype = None
    for ci in range(nkids):
        fem = rng.random() < 0.5
        while True:
            first = rng.choice(FIRST_F if fem else FIRST_M)
            if first not in used:
                used.add(first)
                break
        last = family if ci == 0 or rng.random() < 0.8 else rng.choice(SURN)
        if rng.random() < 0.15:
            last = last.upper()
        if S.get("teen"):
            age_years = rng.randint(16, 17) if ci == 0 else rng.randint(5, 17)
        else:
            age_years = rng.randint(0, 17)
        dob = inc_date - dt.timedelta(days=int(age_years * 365.25) + rng.randint(10, 300))
        use_age = ("c_age" not in na) and rng.random() < 0.15
        kf, kt = [], {}
        if "c_first" in L:
            kf.append(F("c_first", L["c_first"], "text", first))
            kf.append(F("c_last", L["c_last"], "text", last))
        else:
            kf.append(F("c_name", L["c_name"], "text", f"{first} {last}"))
        kt["name"] = f"{first} {last}"
        other = None
        if "c_other" not in na:
            if rng.random() < 0.25:
                other = rng.choice([first[:3] + "s", f"{first} {rng.choice(SURN)}", first.lower() + "y"])
            sh = other
            if other is None and rng.random() < 0.4:
                sh = rng.choice(["N/A", "-", "None"])
                if sh == "None":
                    sh = "N/A"
            kf.append(F("c_other", L["c_other"], "text", sh))
        kt["other_names"] = other
        if use_age:
            kf.append(F("c_dob", L["c_dob"], "date", rng.choice([None, "Not known"])))
            age_txt = rng.choice([f"{age_years}", f"about {age_years}", f"{age_years} years", f"approx. {age_years}"])
            kf.append(F("c_age", L["c_age"], "text", age_txt))
            kt["dob"], kt["age"] = None, age_txt
            notes["ages"].append(ci + 1)
        else:
            kf.append(F("c_dob", L["c_dob"], "date", fmt_date(dob, dobs)))
            kt["dob"], kt["age"] = dob.isoformat(), None
            if "c_age" not in na and rng.random() < 0.5:
                kf.append(F("c_age", L["c_age"], "text", None))
        gi = 0 if fem else 1
        if rng.random() < 0.04:
            gi = 2
        if rng.random() < 0.04:
            kf.append(F("c_gender", L["c_gender"], "choice", None, list(S["gender"]), None))
            kt["gender"] = None
        else:
            kf.append(F("c_gender", L["c_gender"], "choice", S["gender"][gi], list(S["gender"]), gi))
            kt["gender"] = ["female", "male", "other"][gi]

        def opt(key, pool, p=0.08):
            if key in na:
                return None
            val = pool
            sh, tr = blankable(key, val, p=p)
            kf.append(F(key, L[key], "text", sh))
            return tr

        kt["ethnicity"] = opt("c_eth", rng.choice(ETHN))
        if "c_addr" in na:
            kt["address"] = None
        elif rng.random() < 0.04:
            kf.append(F("c_addr", L["c_addr"], "lines", None))
            kt["address"] = None
        else:
            kf.append(F("c_addr", L["c_addr"], "lines", list(addr_lines)))
            kt["address"] = ", ".join(addr_lines)
        if age_years < 4:
            school = "Little Acorns Nursery"
        elif age_years < 11:
            school = rng.choice(["{t} Primary School", "St Anne's CE Primary School", "Greenbank Infant School"]).format(t=town)
        elif age_years < 16:
            school = rng.choice(["{t} Academy", "{t} High School"]).format(t=town)
        else:
            school = rng.choice(["Oakfield Community College", "{t} Sixth Form College"]).format(t=town)
        kt["school"] = opt("c_school", school)
        kt["gp"] = opt("c_gp", rng.choice(GPS).format(t=town))
        kt["legal_status"] = opt("c_legal", rng.choice(LEGAL), p=0.2)
        for key, tk, pv in (("c_cp", "cp_plan", 0.3), ("c_csc", "open_to_csc", 0.55), ("c_lac", "looked_after", 0.1)):
            if key in na:
                kt[tk] = None
                continue
            f, v = yn(key, rng.random() < pv, third_ok=(ci == 0))
            kf.append(f)
            kt[tk] = v
        kt["disability"] = opt("c_dis", rng.choice(DISAB), p=0.35)
        if "c_dod" in na:
            kt["date_of_death"] = None
        else:
            if ci == 0 and itype in ("death", "lac_death", "care_leaver_death"):
                dod = inc_date
                kf.append(F("c_dod", L["c_dod"], "date", fmt_date(dod, dobs)))
                kt["date_of_death"] = dod.isoformat()
            else:
                kf.append(F("c_dod", L["c_dod"], "date", rng.choice([None, "N/A"])))
                kt["date_of_death"] = None
        kids_truth.append(kt)
        kid_fields_all.append(kf)
    rec["children"] = kids_truth
    for ci, kf in enumerate(kid_fields_all):
        title = S["sections"]["child"] + (f" {ci + 1}" if nkids > 1 else "")
        sections.append(("child", title, kf))

    # incident
    inc_f, inc_t = [], {}
    sh, tr = blankable("i_date", fmt_date(inc_date, ds), "date", p=0.04)
    inc_f.append(F("i_date", L["i_date"], "date", sh))
    inc_t["date"] = inc_date.isoformat() if tr else None
    sh, tr = blankable("i_la", fmt_date(la_date, ds), "date", p=0.06)
    inc_f.append(F("i_la", L["i_la"], "date", sh))
    inc_t["date_la_aware"] = la_date.isoformat() if tr else None
    sh, tr = blankable("i_loc", rng.choice(S["locations"]), p=0.05)
    inc_f.append(F("i_loc", L["i_loc"], "text", sh))
    inc_t["location"] = tr
    tl = TYPE_LABELS[S["types"]]
    opts = [tl[k] for k in ("death", "serious_harm", "lac_death", "care_leaver_death", "other")]
    keys = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]
    spec = rng.choice(OTHER_SPEC) if itype == "other" else None
    inc_f.append(F("i_type", L["i_type"], "choice", tl[itype] if itype else None, opts,
                   keys.index(itype) if itype else None, extra={"spec": spec}))
    inc_t["type"] = itype
    notes["itype"] = itype
    child1 = kids_truth[0]["name"].split()[0]
    fill = dict(child=child1, pest=rng.choice(PESTS), state=rng.choice(STATES), cond=rng.choice(CONDS),
                detail=rng.choice(DETAILS), said=rng.choice(SAIDS), said2=rng.choice(SAID2S), time=rng.choice(TIMES))
    paras = [p.format(**fill) for p in S["story"]]
    k = rng.randint(2, len(paras))
    paras = paras[:k]
    paras = [p[0].upper() + p[1:] for p in paras]
    inc_f.append(F("i_summary", L["i_summary"], "paras", paras))
    inc_t["summary"] = "\n\n".join(paras)
    f, v = yn("i_police", rng.random() < 0.6)
    inc_f.append(f)
    inc_t["police_involved"] = v
    rec["incident"] = inc_t
    sections.append(("inc", S["sections"]["inc"], inc_f))

    crit_f, crit_t = [], {}
    for key, tk, pv in (("k_died", "died_or_seriously_harmed", 0.95), ("k_abuse", "abuse_or_neglect_suspected", 0.85),
                        ("k_local", "local_connection", 0.9), ("k_learn", "multi_agency_learning", 0.8)):
        f, v = yn(key, rng.random() < pv)
        crit_f.append(f)
        crit_t[tk] = v
    sh, tr = blankable("k_reason", rng.choice(REASONS), p=0.06)
    crit_f.append(F("k_reason", L["k_reason"], "paras", [sh] if sh else None))
    crit_t["reason"] = tr
    rec["criteria"] = crit_t
    sections.append(("crit", S["sections"]["crit"], crit_f))

    pan_f = []
    notified = rng.random() < 0.45
    f, v = yn("p_notified", notified)
    pan_f.append(f)
    rec["panel_notified"] = v
    if v:
        pd = la_date + dt.timedelta(days=rng.randint(0, max(0, (ref_date - la_date).days)))
        sh, tr = blankable("p_date", fmt_date(pd, dobs), "date", p=0.05)
        pan_f.append(F("p_date", L["p_date"], "date", sh))
        rec["date_panel_notified"] = pd.isoformat() if tr else None
    else:
        pan_f.append(F("p_date", L["p_date"], "date", rng.choice([None, "N/A"])))
        rec["date_panel_notified"] = None
    sections.append(("panel", S["sections"]["panel"], pan_f))

    ags = []
    nag = rng.choice([0, 1, 2, 2, 3, 3])
    orgs = rng.sample(AG_ORGS, nag)
    for org in orgs:
        nm = None if rng.random() < 0.3 else f"{rng.choice(ADULT_F + ADULT_M)} {rng.choice(SURN)}"
        if rng.random() < 0.5:
            contact = phone_fmt(rng)
        else:
            contact = f"{(nm or 'duty.team').split()[0].lower()}.{org.split()[0].lower()}@{town.lower()}.gov.uk" if nm else f"duty.{org.split()[0].lower()}@{town.lower()}.gov.uk"
        ags.append({"name": nm, "agency": org, "contact": contact})
    rec["agencies_involved"] = ags
    notes["agencies"] = nag
    sections.append(("ag", S["sections"]["ag"], [F("agencies", L["agencies"], "agencies", ags)]))

    sh, tr = blankable("concerns", rng.choice(CONCERNS), p=0.08)
    sections.append(("conc", S["sections"]["conc"], [F("concerns", L["concerns"], "paras", [sh] if sh else None)]))
    rec["immediate_concerns"] = tr

    # decoys
    dec_f = []
    for label, kind in S["decoys"]:
        if kind == "date+":
            val = fmt_date(ref_date + dt.timedelta(days=rng.randint(3, 30)), ds)
        elif kind == "date-":
            val = fmt_date(inc_date - dt.timedelta(days=rng.randint(20, 700)), ds)
        elif kind == "adult":
            val = f"{rng.choice(ADULT_F + ADULT_M)} {family}"
        elif kind == "nhsno":
            val = f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        elif kind == "hospno":
            val = f"K{rng.randint(1000000, 9999999)}"
        elif kind == "licence":
            val = f"{family.upper()[:5]:9<5}{rng.randint(100000, 999999)}X9AB"
        else:
            val = f"{kind[:3].upper()}-{rng.randint(10000, 99999)}"
        dec_f.append(F("decoy", label, "text", val))
        notes["decoys"].append(f"{label}={val}")
    sections.append(("dec", S["sections"]["dec"], dec_f))

    c = Case()
    c.sender, c.sections, c.record, c.notes = S, sections, rec, notes
    c.ref_date, c.inc_date = ref_date, inc_date
    c.decoy_date = fmt_date(ref_date + dt.timedelta(days=1), ds)
    c.decoy_dt = ref_date + dt.timedelta(days=rng.choice([0, 1]))
    c.review_date = fmt_date(dt.date(2024, rng.randint(1, 12), rng.randint(1, 28)), ds)
    c.example_date = fmt_date(dt.date(2015, 1, 1), ds)
    c.version = f"{rng.randint(1, 4)}.{rng.randint(0, 9)}"
    c.decoy_person = f"{rng.choice(ADULT_F + ADULT_M)} {rng.choice(SURN)}"
    c.rng = rng
    return c


def guidance(case):
    S = case.sender
    return (f"Please complete every section you can and email the form to {S['p_email']} or call "
            f"{S['p_phone']} if a child is at immediate risk. Dates as day / month / year, for example "
            f"{case.example_date}. Leave blank anything you do not know.")
