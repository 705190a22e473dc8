"""Invented case data, date styles, and one case as ordered sections plus its canonical record."""
import datetime as dt

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

GIRLS = ["Amelia", "Isla", "Maisie", "Freya", "Zara", "Ruby", "Aaliyah", "Poppy", "Esme", "Lacey", "Nadia", "Kacey", "Imogen", "Layla", "Orla", "Skye", "Marta", "Yasmin", "Tilly", "Darcie"]
BOYS = ["Kian", "Reuben", "Alfie", "Tyler", "Hamza", "Jenson", "Callum", "Oskar", "Rory", "Mason", "Ibrahim", "Lewis", "Kai", "Finlay", "Dominik", "Arlo", "Theo", "Jayden", "Ellis", "Bilal"]
ADULT_F = ["Sarah", "Joanne", "Priya", "Hannah", "Claire", "Aisha", "Rebecca", "Michelle", "Gemma", "Fiona", "Bethan", "Lorraine", "Nkechi", "Helen"]
ADULT_M = ["Daniel", "Gareth", "Imran", "Paul", "Stuart", "Marcus", "Kevin", "Neil", "Tomasz", "Adrian", "Richard", "Jamal", "Graham", "Owen"]
SURNAMES = ["Ashworth", "Pickering", "Okafor", "Hussain", "Brennan", "Whitlock", "Carver", "Nowak", "Doherty", "Mistry", "Fairbairn", "Kowalczyk",
            "Lennox", "Thackeray", "Abbasi", "Rowntree", "Mensah", "Holroyd", "Quigley", "Sutcliffe", "Varga", "Bramley", "Ellery", "Osei", "Harland", "Petrie"]
STREETS = ["Mill Lane", "Fennel Close", "Victoria Terrace", "Crown Street", "Larkspur Way", "Orchard Rise", "Beacon Road", "Tanner's Row",
           "Heath View", "Chapel Walk", "Marsh Lane", "Kingfisher Court", "Albion Street", "Sycamore Grove"]
ETHNICITIES = ["White British", "White - Polish", "Mixed - White and Black Caribbean", "Asian British - Pakistani", "Black British - African",
               "White - Gypsy or Irish Traveller", "Asian British - Bangladeshi", "Mixed - White and Asian", "Any other White background", "Chinese"]
SCHOOLS = ["{t} Primary School", "St Aidan's C of E Primary", "{t} Academy", "Hillcrest Nursery", "{t} High School", "Riverside Free School",
           "{t} College", "Oakfield Infant School"]
GPS = ["{t} Medical Centre", "Parkside Surgery", "Dr Khan and Partners", "The Health Hub, {t}", "Bridge Street Practice"]
LEGAL = ["No order", "Child arrangements order (lives with mother)", "Section 20 (accommodated)", "Interim care order", "Special guardianship order", "Not subject to any order"]
DISAB = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Asthma", "Type 1 diabetes", "Global developmental delay", "Hearing impairment (aids)", "EHCP - speech and language"]
AGENCY_POOL = [("Health Visiting", "0-19 Service"), ("Police", "Public Protection Unit"), ("Children's Social Care", "Assessment Team"),
               ("School", "DSL"), ("GP", "practice"), ("CAMHS", "Getting Help team"), ("Housing", "Housing Options"),
               ("Early Help", "Family Support"), ("Youth Justice Service", "case manager"), ("Drug and alcohol service", "young people's team")]
TOWN_BY_VOCAB = {}

CHILD_KEYS = ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp", "legal_status",
              "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]


def ordinal(n):
    return str(n) + ("th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "abbr":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "ord_abbr":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if style == "iso_like":
        return d.strftime("%Y-%m-%d")
    if style == "month_first":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    raise ValueError(style)


ALL_STYLES = ["slash", "long", "abbr", "dots", "ord_abbr", "slash_short", "iso_like", "month_first"]


def fmt_phone(rng, digits):
    if digits.startswith("07"):
        return rng.choice([f"{digits[:5]} {digits[5:]}", f"{digits[:5]} {digits[5:8]} {digits[8:]}", digits])
    if digits.startswith("020"):
        return rng.choice([f"020 {digits[3:7]} {digits[7:]}", f"(020) {digits[3:7]} {digits[7:]}"])
    return rng.choice([f"{digits[:4]} {digits[4:7]} {digits[7:]}", f"{digits[:4]} {digits[4:]}"])


def phone_digits(rng, kind="any"):
    if kind == "mobile" or (kind == "any" and rng.random() < 0.45):
        return "07700900" + f"{rng.randrange(0, 1000):03d}"
    area = rng.choice(["0113496", "0118496", "0161496", "0207946"])
    return area + "0" + f"{rng.randrange(0, 1000):03d}"


class Case:
    """One form's content: `sections` for the renderers, `record` for the truth, `notes`."""


def person(rng, female=None):
    if female is None:
        female = rng.random() < 0.6
    return rng.choice(ADULT_F if female else ADULT_M), rng.choice(SURNAMES)


def make_case(rng, s, n_children, n_agencies, town):
    """Build the case for sender `s` (a dict from senders.SENDERS)."""
    L = s["labels"]
    ds, dbs = s["date_style"], s["dob_style"]
    yes, no, third = s["yn"]
    notes = {"date_style": ds, "dob_style": dbs, "blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": []}
    ref_date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 140))
    while ref_date.weekday() >= 5:
        ref_date += dt.timedelta(days=1)
    inc_date = ref_date - dt.timedelta(days=rng.randrange(2, 12))
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, 3))
    # --- people
    rf, rs = person(rng)
    lf, ls = person(rng)
    domain = s["domain"]

    def email(f, sur):
        e = rng.choice([f"{f}.{sur}", f"{f[0]}{sur}", f"{f}.{sur}2"]).lower().replace("'", "") + "@" + domain
        shown = e if rng.random() < 0.75 else e[0].upper() + e[1:]
        return e, shown

    def ph(kind="any"):
        d = phone_digits(rng, kind)
        return d, fmt_phone(rng, d)

    r_email, r_email_s = email(rf, rs)
    l_email, l_email_s = email(lf, ls)
    r_ph, r_ph_s = ph("mobile" if "mobile" in L.get("r_phone", "").lower() else "any")
    l_ph, l_ph_s = ph()
    r_role = rng.choice(s["roles"])
    l_role = rng.choice(s["lead_roles"])
    agency = rng.choice(s["agency_names"])
    l_agency = rng.choice(s["agency_names"])
    # --- children
    fam = rng.choice(SURNAMES)
    children = []
    for ci in range(n_children):
        female = rng.random() < 0.5
        g = rng.choice(GIRLS if female else BOYS)
        if s.get("older"):
            age_y = rng.randrange(12, 18)
        elif s.get("younger"):
            age_y = rng.randrange(0, 9)
        else:
            age_y = rng.randrange(1, 17)
        dob = inc_date - dt.timedelta(days=int(age_y * 365.25) + rng.randrange(10, 300))
        gender = "female" if female else "male"
        if rng.random() < 0.06:
            gender = "other"
        children.append({"given": g, "family": fam if (ci == 0 or rng.random() < 0.8) else rng.choice(SURNAMES),
                         "dob": dob, "age_y": age_y, "gender": gender})
    addr_lines = [f"{rng.randrange(2, 140)} {rng.choice(STREETS)}", town, f"{s['vocab'][:2].upper()}{rng.randrange(1, 20)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
    if rng.random() < 0.3:
        addr_lines.insert(0, f"Flat {rng.randrange(1, 20)}, {rng.choice(['Kestrel', 'Beech', 'Harbour', 'Mill'])} House")
    itype = rng.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other", None], [46, 16, 3, 2, 9, 4])[0]
    if s["vocab"] == "willowtree_bereavement" and itype == "serious_harm" and rng.random() < 0.3:
        itype = "death"
    sections = []
    rec = {"form": "referral"}
    blanks_budget = rng.randrange(2, 5)
    filler_budget = rng.randrange(0, 3)
    optional = set(rng.sample(["r_email", "l_phone", "l_email", "c_other", "c_eth", "c_school", "c_gp", "c_legal", "c_dis",
                               "i_loc", "p_date", "l_role", "c_addr2"], 6))

    def field(key, kind, value_display, truth, sec, **kw):
        """Append a field; returns the truth value (None when not asked, blanked or a filler)."""
        nonlocal blanks_budget, filler_budget
        if key not in L and key not in ("c_name_split",):
            return None
        item = {"key": key, "label": L.get(key, kw.get("label")), "kind": kind}
        item.update(kw)
        if kind in ("text", "multi") and truth is not None and key in optional and key != "c_addr2":
            if blanks_budget > 0 and rng.random() < 0.5:
                blanks_budget -= 1
                notes["blanks"].append(L[key])
                truth, value_display = None, None
            elif filler_budget > 0 and rng.random() < 0.5:
                filler_budget -= 1
                f = rng.choice(["N/A", "n/a", "Not known", "-", "Not applicable"])
                notes["fillers"].append(f"{L[key]}={f}")
                truth, value_display = None, f
        if kind == "multi":
            item["lines"] = value_display if isinstance(value_display, list) else ([value_display] if value_display else [])
        elif kind in ("yn", "choice"):
            item["sel"] = value_display
        else:
            item["disp"] = value_display
        sec["items"].append(item)
        return truth

    def yn_field(key, val, sec, allow_third=False):
        if key not in L:
            return None
        opts = [yes, no, third]
        if val is None:
            if allow_third and rng.random() < 0.6:
                notes["third_option"].append(L[key])
                return field(key, "yn", 2, None, sec, opts=opts)
            return field(key, "yn", None, None, sec, opts=opts)
        return field(key, "yn", 0 if val else 1, val, sec, opts=opts)

    titles = s["sections"]
    # Section 1: referrer
    sec = {"title": titles[0], "items": []}
    ref = {}
    ref["name"] = field("r_name", "text", f"{rf} {rs}", f"{rf} {rs}", sec)
    ref["role"] = field("r_role", "text", r_role, r_role, sec)
    ref["agency"] = field("r_agency", "text", agency, agency, sec)
    ref["email"] = field("r_email", "text", r_email_s, r_email, sec)
    ref["phone"] = field("r_phone", "text", r_ph_s, r_ph, sec)
    rec["date_of_referral"] = field("date_ref", "text", fmt_date(ref_date, ds), ref_date.isoformat(), sec)
    sections.append(sec)
    rec["referrer"] = ref
    # Section 2: lead
    sec = {"title": titles[1], "items": []}
    lead = {}
    lead["name"] = field("l_name", "text", f"{lf} {ls}", f"{lf} {ls}", sec)
    lead["role"] = field("l_role", "text", l_role, l_role, sec)
    lead["agency"] = field("l_agency", "text", l_agency, l_agency, sec)
    lead["email"] = field("l_email", "text", l_email_s, l_email, sec)
    lead["phone"] = field("l_phone", "text", l_ph_s, l_ph, sec)
    lead["discussed"] = yn_field("discussed", rng.choices([True, False, None], [8, 1, 1])[0], sec)
    sections.append(sec)
    rec["safeguarding_lead"] = lead
    # Children
    recs_children = []
    for ci, c in enumerate(children):
        title = titles[2] if n_children == 1 else f"{titles[2]} {ci + 1} of {n_children}"
        sec = {"title": title, "items": [], "child": ci}
        cr = {k: None for k in CHILD_KEYS}
        full = f"{c['given']} {c['family']}"
        if "c_first" in L:
            field("c_first", "text", c["given"], None, sec)
            field("c_last", "text", c["family"] if rng.random() < 0.8 else c["family"].upper(), None, sec)
            shown_last = sec["items"][-1]["disp"]
            cr["name"] = f"{c['given']} {shown_last}"
        else:
            cr["name"] = field("c_name", "text", full, full, sec)
        if rng.random() < 0.3:
            nick = rng.choice([c["given"][:3], c["given"] + " " + rng.choice(SURNAMES), "Bibi", "Jay"])
            cr["other_names"] = field("c_other", "text", nick, nick, sec)
        else:
            field("c_other", "text", None, None, sec)
        use_age = rng.random() < 0.18 and "c_age" in L
        if use_age:
            field("c_dob", "text", None, None, sec)
            a = rng.choice([f"{c['age_y']}", f"about {c['age_y']}", f"{c['age_y']} years", f"{c['age_y']} yrs", f"approx. {c['age_y']}"])
            cr["age"] = field("c_age", "text", a, a, sec)
            notes["ages"].append(f"child {ci + 1}: {a}")
        else:
            cr["dob"] = field("c_dob", "text", fmt_date(c["dob"], dbs), c["dob"].isoformat(), sec)
            field("c_age", "text", None, None, sec)
        gi = {"female": 0, "male": 1, "other": 2}[c["gender"]]
        if "c_gender" in L:
            field("c_gender", "choice", gi, None, sec, opts=list(s["gender"]))
            cr["gender"] = c["gender"]
        eth = rng.choice(ETHNICITIES)
        cr["ethnicity"] = field("c_eth", "text", eth, eth, sec)
        lines = list(addr_lines)
        cr["address"] = field("c_addr", "multi", lines, ", ".join(lines), sec)
        sch = rng.choice(SCHOOLS).format(t=town)
        cr["school"] = field("c_school", "text", sch, sch, sec)
        gp = rng.choice(GPS).format(t=town)
        cr["gp"] = field("c_gp", "text", gp, gp, sec)
        lg = rng.choice(LEGAL)
        cr["legal_status"] = field("c_legal", "text", lg, lg, sec)
        first = ci == 0
        cr["cp_plan"] = yn_field("c_cp", rng.choices([True, False, None], [3, 6, 1 if first else 0])[0], sec, allow_third=first)
        cr["open_to_csc"] = yn_field("c_csc", rng.choices([True, False, None], [5, 4, 1 if first else 0])[0], sec, allow_third=first)
        cr["looked_after"] = yn_field("c_lac", True if itype == "lac_death" and first else rng.choices([False, True, None], [8, 1, 1 if first else 0])[0], sec, allow_third=first)
        if rng.random() < 0.45:
            d = rng.choice(DISAB)
            cr["disability"] = field("c_dis", "text", d, d, sec)
        else:
            field("c_dis", "text", None, None, sec)
        if first and itype in ("death", "lac_death", "care_leaver_death") and "c_dod" in L:
            cr["date_of_death"] = field("c_dod", "text", fmt_date(inc_date, dbs), inc_date.isoformat(), sec)
        else:
            field("c_dod", "text", None, None, sec)
        recs_children.append(cr)
        sections.append(sec)
    rec["children"] = recs_children
    # Incident
    sec = {"title": titles[3], "items": []}
    inc = {}
    inc["date"] = field("i_date", "text", fmt_date(inc_date, ds), inc_date.isoformat(), sec)
    inc["date_la_aware"] = field("i_la", "text", fmt_date(la_date, ds), la_date.isoformat(), sec)
    loc = rng.choice(s["places"])
    inc["location"] = field("i_loc", "text", loc, loc, sec)
    tkeys = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]
    opts = [s["itypes"][k] for k in tkeys]
    spec = None
    if itype == "other":
        spec = rng.choice(["private fostering arrangement", "child missing for four days", "online sexual exploitation", "attempted abduction"])
    field("i_type", "choice", tkeys.index(itype) if itype else None, None, sec, opts=opts, spec=spec)
    inc["type"] = itype
    cname = recs_children[0]["name"].split(" ")[0]
    paras = story(rng, s, cname, itype, inc_date, ds)
    inc["summary"] = field("i_summary", "multi", paras, "\n\n".join(paras), sec, paras=True)
    inc["police_involved"] = yn_field("i_police", rng.choices([True, False, None], [6, 3, 1])[0], sec)
    sections.append(sec)
    rec["incident"] = inc
    # Criteria
    sec = {"title": titles[4], "items": []}
    cri = {}
    cri["died_or_seriously_harmed"] = yn_field("k_harm", None if itype is None and rng.random() < 0.5 else rng.choices([True, None], [9, 1])[0], sec)
    cri["abuse_or_neglect_suspected"] = yn_field("k_abuse", rng.choices([True, False, None], [7, 1, 2])[0], sec)
    cri["local_connection"] = yn_field("k_local", rng.choices([True, None], [9, 1])[0], sec)
    cri["multi_agency_learning"] = yn_field("k_learn", rng.choices([True, None, False], [7, 2, 1])[0], sec)
    reason = rng.choice([
        f"There were missed chances to share information between agencies before the incident and {cname} was not seen on their own.",
        f"Several agencies knew the family but nobody had the whole picture; concerns about {cname} were raised and not followed up.",
        f"The incident suggests neglect over a long period and we think agencies could learn about how they work together.",
        f"{cname} had been seen by at least three services in the month before and the risks were not joined up."])
    cri["reason"] = field("k_reason", "text", reason, reason, sec, long=True)
    sections.append(sec)
    rec["criteria"] = cri
    # Panel
    sec = {"title": titles[5], "items": []}
    pn = rng.choices([True, False, None], [4, 5, 1])[0]
    rec["panel_notified"] = yn_field("p_notified", pn, sec)
    if pn:
        pd = la_date + dt.timedelta(days=rng.randrange(1, 5))
        rec["date_panel_notified"] = field("p_date", "text", fmt_date(pd, dbs), pd.isoformat(), sec)
    else:
        rec["date_panel_notified"] = None
        field("p_date", "text", None, None, sec)
    sections.append(sec)
    # Agencies
    sec = {"title": titles[6], "items": []}
    rows = []
    for a, team in rng.sample(AGENCY_POOL, n_agencies):
        ag = f"{town} {a}" if rng.random() < 0.5 else f"{a} - {team}"
        if rng.random() < 0.3:
            nm = None
        else:
            f_, s_ = person(rng)
            nm = f"{f_} {s_}"
        if rng.random() < 0.5:
            d = phone_digits(rng)
            contact = fmt_phone(rng, d)
        else:
            first = nm.split(" ")[0] if nm else rng.choice(["duty", "admin", "team", "referrals"])
            contact = f"{first.lower()}.{rng.choice(SURNAMES).lower()}@{town.lower()}.gov.uk" if nm else f"{first}.{town.lower()}@{town.lower()}.gov.uk"
        rows.append({"name": nm, "agency": ag, "contact": contact})
    field("agencies", "agencies", None, None, sec, rows=rows)
    rec["agencies_involved"] = [dict(r) for r in rows]
    sections.append(sec)
    # Immediate concerns
    sec = {"title": titles[7], "items": []}
    conc = rng.choice([
        f"{cname}'s younger sibling is still living at the address with the same adults.",
        "The other children in the household have been placed with their grandmother for now. No immediate concerns.",
        "Yes - the adult believed to be responsible has not been arrested and knows where the family is staying.",
        "The mother has asked for help and is staying with a friend; a strategy discussion is planned."])
    rec["immediate_concerns"] = field("concerns", "text", conc, conc, sec, long=True)
    sections.append(sec)
    # Decoys
    sec = {"title": s["decoy_title"], "items": [], "decoy": True}
    for lab, kind in s["decoys"]:
        if kind == "date":
            future = any(w in lab.lower() for w in ("next", "departure"))
            v = fmt_date(ref_date + dt.timedelta(days=rng.randrange(3, 30)) if future else ref_date - dt.timedelta(days=rng.randrange(12, 400)), ds)
        elif kind == "person":
            f_, s_ = person(rng)
            v = f"{f_} {fam}"
        elif kind == "nino":
            v = f"QQ {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} C"
        elif kind == "ref":
            v = f"{s['vocab'][:3].upper()}-{rng.randrange(10000, 99999)}"
        elif kind == "route":
            v = f"HTS-{rng.randrange(100, 999)}"
        elif kind == "reg":
            v = rng.choice(["YX", "KP", "BD", "MV"]) + f"{rng.randrange(15, 74)} " + "".join(rng.choice("ABCEFGHJKLMNOPRSTUVWXY") for _ in range(3))
        elif kind == "hostel":
            v = rng.choice(["Quayside Foyer (16-25)", "St Brendan's Young Persons Hostel", "Harbour Lodge"])
        elif kind == "bereaved":
            v = rng.choice(["Father", "Mother", "Older brother", "Grandmother (main carer)"])
        sec["items"].append({"key": "decoy", "label": lab, "kind": "text", "disp": v})
        notes["decoys"].append(f"{lab}={v}")
    sections.append(sec)
    # fill never-asked record fields with None
    for k in ("name", "role", "agency", "email", "phone"):
        ref.setdefault(k, None)
        lead.setdefault(k, None)
    lead.setdefault("discussed", None)
    case = Case()
    case.sections, case.record, case.notes = sections, rec, notes
    case.ref_date, case.inc_date = ref_date, inc_date
    case.referrer_name = f"{rf} {rs}"
    case.lead_name = f"{lf} {ls}"
    case.referrer_email = r_email
    case.family = fam
    notes["children"] = n_children
    notes["agencies"] = n_agencies
    notes["itype"] = itype
    return case


def story(rng, s, cname, itype, inc_date, ds):
    who = s["story"].format(child=cname)
    when = fmt_date(inc_date, ds)
    p1 = f"I {who}. On {when} I became worried because {cname} " + rng.choice([
        "had bruising to the face and neck and would not say how it happened.",
        "was very thin, unwashed and said there had been no food at home for two days.",
        "told me an adult at home had hurt them and they were scared to go back.",
        "was found alone late at night and appeared to be under the influence of drugs."])
    if itype in ("death", "lac_death", "care_leaver_death"):
        p2 = f"Later the same week we were told that {cname} had died. The circumstances are being investigated by the police and the coroner has been informed."
    elif itype == "serious_harm":
        p2 = f"{cname} was taken to hospital and has injuries the hospital say are serious and not accidental. {cname} remains in hospital."
    else:
        p2 = "The family moved between addresses several times this year and agencies lost track of them for a period."
    paras = [p1, p2]
    if rng.random() < 0.6:
        paras.append(rng.choice([
            "Our records show two earlier concerns were passed on by phone but we did not receive any feedback.",
            "The parent has previously said they were struggling with their mental health and money.",
            "Our staff member wrote a full note straight afterwards and this can be shared on request."]))
    return paras
