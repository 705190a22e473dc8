"""Turn one case into the form's ordered sections (what is printed) and its truth record."""

from __future__ import annotations

import datetime as dt

from model import DATE_STYLES, FILLERS, VOCABS, Field, Section, phone_digits, person_name, SURNAMES

TITLES = {
    "default": {"date": "Referral", "ref": "Details of the person making this referral",
                "lead": "Safeguarding lead", "child": "The child", "inc": "The incident",
                "crit": "Criteria for a Rapid Review", "agencies": "Agencies involved",
                "concerns": "Immediate concerns"},
    "brookmead_dental": {"ref": "About you (dental team member)", "lead": "Practice safeguarding lead",
                         "child": "Patient details", "inc": "What happened"},
    "fellside_camhs": {"ref": "Referring clinician", "lead": "Trust safeguarding team", "child": "Young person"},
    "abbotsmere_diocese": {"ref": "About you", "lead": "The Diocesan Safeguarding Adviser",
                           "child": "About the child", "inc": "What happened", "crit": "Why this referral",
                           "agencies": "Other people involved", "concerns": "Safety now"},
    "kestrel_probation": {"date": "REFERRAL", "ref": "PROBATION PRACTITIONER", "lead": "LINE MANAGER / SPO",
                          "child": "CHILD LINKED TO THE CASE", "inc": "INCIDENT", "crit": "CRITERIA",
                          "agencies": "AGENCIES", "concerns": "RISK"},
    "harwood_boarding": {"ref": "Member of staff", "lead": "Designated Safeguarding Lead", "child": "Pupil",
                         "inc": "Incident"},
    "clearwater_dars": {"ref": "Your details", "lead": "Safeguarding lead", "child": "Young person",
                        "inc": "Incident", "crit": "Rapid Review criteria"},
    "kingsmere_ooa": {"date": "Notification", "ref": "Notifying officer (Kingsmere)",
                      "lead": "Senior manager agreement", "child": "Child", "inc": "Incident in Ellesford",
                      "crit": "Criteria and Panel notification", "agencies": "Agencies involved"},
    "glenavon_hsct": {"ref": "Notifying agency", "lead": "Designated officer", "child": "Child details",
                      "inc": "Circumstances", "crit": "CMR criteria"},
}

GENDER_KEY = {0: "female", 1: "male", 2: "other"}


def decoy_value(rng, kind, case, style):
    town = VOCABS[case["vkey"]]["town"]
    if kind == "gdc":
        return f"{rng.randrange(100000, 299999)}"
    if kind == "rio":
        return f"RiO {rng.randrange(1000000, 9999999)}"
    if kind == "mha":
        return rng.choice(["Informal", "Not detained", "Section 2 (discharged)"])
    if kind == "person":
        return person_name(rng)[0]
    if kind == "group":
        return rng.choice(["Sunday Club", "Youth Fellowship (Fridays)", "Choir", "Messy Church"])
    if kind == "crn":
        return f"{rng.choice('XKLMR')}{rng.randrange(100000, 999999)}"
    if kind == "mappa":
        return rng.choice(["Level 1", "Level 2", "Not MAPPA eligible"])
    if kind == "house":
        return rng.choice(["St Hild's House", "Fairfax House", "Abbey House (junior boarding)"])
    if kind == "year":
        return rng.choice(["Year 9", "Year 10", "Lower Sixth", "Year 7"])
    if kind == "termaddr":
        return f"{rng.choice(['St Hild', 'Fairfax'])} House, Harwood Abbey School, Hartsmoor HM3 7QT"
    if kind == "hc":
        return f"{rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
    if kind == "subs":
        return rng.choice(["Cannabis, alcohol", "Ketamine, cannabis", "Nitrous oxide", "Alcohol"])
    if kind == "date":
        d = case["inc_date"] - dt.timedelta(days=rng.randrange(30, 900))
        return DATE_STYLES[style](d)
    if kind == "yn":
        v = VOCABS[case["vkey"]]
        return rng.choice([v["yes"], v["no"]])
    return "-"


def build(rng, vkey: str, layout: str, case: dict):
    v = VOCABS[vkey]
    case["vkey"] = vkey
    L = v["L"]
    asks = v["asks"]
    t = dict(TITLES["default"], **TITLES.get(vkey, {}))
    # date styles: one main style, a second for dates of birth and the Panel date
    main_pool = {"P-TYPED": ["dmy", "d_m_y_sp", "dmy_dash2", "ord_mon"], "P-GDOC": ["chip"]}.get(
        layout, ["dmy", "ord_of", "ord_mon", "wd_comma", "d_month_comma", "d_mon_dot", "dmy_dash2", "dmy_short"])
    main = rng.choice(main_pool)
    second = main if rng.random() < 0.5 else rng.choice(
        {"P-GDOC": ["chip", "dmy"]}.get(layout, ["dmy", "ord_of", "dmy_short", "d_mon_dot", "dmy_dash2"]))
    notes = {"date_style": main, "dob_style": second}

    def fmt(d, s=main):
        return DATE_STYLES[s](d) if d else ""

    blank_p = 0.08

    def maybe_blank(text, optional=True):
        """returns (display, truth). Optional fields are sometimes left empty or given a filler."""
        if not text:
            return "", None
        r = rng.random()
        if optional and r < blank_p:
            return "", None
        if optional and r < blank_p + 0.04 and layout not in ("P-GDOC",):
            return rng.choice(FILLERS), None
        return text, text

    fields_by_sec = {}
    rec = {"form": "referral"}

    def F(key, kind, **kw):
        return Field(key=key, label=L.get(key, key), kind=kind, **kw)

    def text_field(key, value, optional=True, truth_fn=None, wide=False):
        if key not in asks and not key.startswith("ch.forename") and not key.startswith("ch.surname"):
            return None, None
        shown, truth = maybe_blank(value, optional)
        if truth is not None and truth_fn:
            truth = truth_fn(truth)
        return F(key, "text", text=shown, wide=wide), truth

    def date_field(key, d, style=None, optional=True):
        if key not in asks:
            return None, None
        if d is None or (optional and rng.random() < 0.06):
            return F(key, "date", text=""), None
        return F(key, "date", text=fmt(d, style or main)), d.isoformat()

    def yn_field(key, value, optional=True):
        if key not in asks:
            return None, None
        unk = False
        if value is None and rng.random() < 0.5:
            unk = True
        f = F(key, "yesno", value=value, options=[v["yes"], v["no"], v["unk"]], unk_chosen=unk)
        return f, value

    # ---- referral date
    f, rec["date_of_referral"] = date_field("date_of_referral", case["date_of_referral"], optional=False)
    fields_by_sec["date"] = [f]
    # ---- referrer
    r = case["referrer"]
    rf = []
    ref = {}
    f, ref["name"] = text_field("ref.name", r["name"], optional=False); rf.append(f)
    f, ref["role"] = text_field("ref.role", r["role"]); rf.append(f)
    f, ref["agency"] = text_field("ref.agency", r["agency"]); rf.append(f)
    f, em = text_field("ref.email", r["email_shown"]); rf.append(f)
    ref["email"] = em.lower() if em else None
    f, ph = text_field("ref.phone", r["phone_shown"]); rf.append(f)
    ref["phone"] = phone_digits(ph) if ph else None
    rec["referrer"] = ref
    fields_by_sec["ref"] = rf
    # ---- lead
    ld = case["lead"]
    lf = []
    lead = {}
    f, lead["name"] = text_field("lead.name", ld["name"], optional=False); lf.append(f)
    f, lead["role"] = text_field("lead.role", ld["role"]); lf.append(f)
    f, lead["agency"] = text_field("lead.agency", ld["agency"]); lf.append(f)
    f, em = text_field("lead.email", ld["email_shown"]); lf.append(f)
    lead["email"] = em.lower() if em else None
    f, ph = text_field("lead.phone", ld["phone_shown"]); lf.append(f)
    lead["phone"] = phone_digits(ph) if ph else None
    f, lead["discussed"] = yn_field("lead.discussed", ld["discussed"]); lf.append(f)
    rec["safeguarding_lead"] = lead
    fields_by_sec["lead"] = lf
    # ---- children
    kids = []
    child_secs = []
    name_parts = []
    for i, ch in enumerate(case["children"]):
        cf = []
        c = {}
        if v["split_name"]:
            fn = Field(key="ch.forename", label=L["ch.forename"], kind="text", text=ch["first"])
            sn = Field(key="ch.surname", label=L["ch.surname"], kind="text", text=ch["sur"])
            # surname first where the form's wording puts it first
            cf += [sn, fn] if L["ch.surname"].upper().startswith(("CHILD SURNAME", "PUPIL'S SURNAME")) else [fn, sn]
            c["name"] = f"{ch['first']} {ch['sur']}"
            name_parts.append([ch["first"], ch["sur"]])
        else:
            cf.append(F("ch.name", "text", text=f"{ch['first']} {ch['sur']}"))
            c["name"] = f"{ch['first']} {ch['sur']}"
        f, c["other_names"] = text_field("ch.other_names", ch["other_names"]); cf.append(f)
        f, c["dob"] = date_field("ch.dob", ch["dob"], style=second, optional=False); cf.append(f)
        if f is not None and ch["dob"] is None and ch["age"]:
            f.hint = "(leave blank if not known)" if rng.random() < 0.3 else ""
        f, c["age"] = text_field("ch.age", ch["age"], optional=False) if "ch.age" in asks else (None, None)
        if f is not None and not ch["age"]:
            f = F("ch.age", "text", text="")
        cf.append(f)
        if "ch.gender" in asks:
            gi = ch["gender_idx"] if rng.random() > 0.04 else None
            f = F("ch.gender", "choice", value=gi, options=list(v["genders"]))
            c["gender"] = GENDER_KEY[gi] if gi is not None else None
            cf.append(f)
        else:
            c["gender"] = None
        f, c["ethnicity"] = text_field("ch.ethnicity", ch["ethnicity"]); cf.append(f)
        if "ch.address" in asks:
            if rng.random() < 0.05:
                cf.append(F("ch.address", "lines", lines=[])); c["address"] = None
            else:
                one_line = rng.random() < 0.15
                lines = [", ".join(ch["address"])] if one_line else list(ch["address"])
                cf.append(F("ch.address", "lines", lines=lines)); c["address"] = ", ".join(ch["address"])
        else:
            c["address"] = None
        f, c["school"] = text_field("ch.school", ch["school"]); cf.append(f)
        f, c["gp"] = text_field("ch.gp", ch["gp"]); cf.append(f)
        f, c["legal_status"] = text_field("ch.legal_status", ch["legal_status"]); cf.append(f)
        f, c["cp_plan"] = yn_field("ch.cp_plan", ch["cp"]); cf.append(f)
        f, c["open_to_csc"] = yn_field("ch.open_to_csc", ch["csc"]); cf.append(f)
        f, c["looked_after"] = yn_field("ch.looked_after", ch["lac"]); cf.append(f)
        f, c["disability"] = text_field("ch.disability", ch["disability"]); cf.append(f)
        if ch["dod"] is not None:
            f, c["date_of_death"] = date_field("ch.date_of_death", ch["dod"], optional=False)
        elif "ch.date_of_death" in asks:
            f, c["date_of_death"] = F("ch.date_of_death", "date", text="" if rng.random() < 0.7 else rng.choice(FILLERS)), None
        else:
            f, c["date_of_death"] = None, None
        cf.append(f)
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability", "date_of_death",
                  "cp_plan", "open_to_csc", "looked_after", "dob"):
            c.setdefault(k, None)
        kids.append({k: c[k] for k in ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school",
                                       "gp", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                                       "date_of_death")})
        child_secs.append(cf)
    rec["children"] = kids
    # ---- incident
    inf = []
    inc = {}
    f, inc["date"] = date_field("inc.date", case["inc_date"], optional=False); inf.append(f)
    f, inc["date_la_aware"] = date_field("inc.date_la_aware", case["aware"]); inf.append(f)
    f, inc["location"] = text_field("inc.location", case["location"]); inf.append(f)
    if "inc.type" in asks:
        labels = [lab for _, lab in v["itype"]]
        idx = [k for k, _ in v["itype"]].index(case["itype_key"])
        f = F("inc.type", "choice", value=idx, options=labels)
        f.other_text = case["itype_label"] if case["itype_label"] != labels[idx] else ""
        inf.append(f)
        inc["type"] = case["itype_key"]
    else:
        inc["type"] = None
    inf.append(F("inc.summary", "paras", lines=list(case["summary"]), wide=True))
    inc["summary"] = "\n\n".join(case["summary"])
    f, inc["police"] = yn_field("inc.police", case["police"]); inf.append(f)
    inc["police_involved"] = inc.pop("police")
    rec["incident"] = {k: inc[k] for k in ("date", "date_la_aware", "location", "type", "summary", "police_involved")}
    # ---- criteria
    crf = []
    crit = {}
    for ck, rk in (("crit.died", "died_or_seriously_harmed"), ("crit.abuse", "abuse_or_neglect_suspected"),
                   ("crit.local", "local_connection"), ("crit.learning", "multi_agency_learning")):
        f, crit[rk] = yn_field(ck, case["crit"][ck.split(".")[1]]); crf.append(f)
    f, reason = text_field("crit.reason", case["reason"])
    if f is not None:
        f.kind, f.lines, f.wide = "paras", ([f.text] if f.text else []), True
    crf.append(f)
    crit["reason"] = reason
    rec["criteria"] = crit
    f, rec["panel_notified"] = yn_field("panel", case["panel"]); crf.append(f)
    if "panel_date" in asks:
        f, rec["date_panel_notified"] = date_field("panel_date", case["paneldate"], style=second)
        if f is not None and case["paneldate"] is None and rng.random() < 0.4:
            f.text = rng.choice(FILLERS)
        crf.append(f)
    else:
        rec["date_panel_notified"] = None
    # ---- agencies
    rows = list(case["agencies"])
    af = F("agencies", "agencies", rows=rows, cols=v["agency_cols"], wide=True)
    rec["agencies_involved"] = [{"name": n, "agency": a, "contact": c} for n, a, c in rows]
    # ---- concerns
    f, conc = text_field("concerns", case["concerns"])
    f.kind, f.lines, f.wide = "paras", ([f.text] if f.text else []), True
    rec["immediate_concerns"] = conc
    # ---- decoys
    decoys = {"ref": [], "child": [], "inc": []}
    for label, kind in v["decoys"]:
        val = decoy_value(rng, kind, case, main)
        sec = "ref" if kind == "gdc" else "inc" if kind in ("date", "yn") else "child"
        decoys[sec].append(Field(key=None, label=label, kind="text", text=val))
    # ---- sections in the vocabulary's order
    sections = []
    for part in v["order"]:
        if part == "date":
            sections.append(Section(t["date"], [x for x in fields_by_sec["date"] if x]))
        elif part == "ref":
            sections.append(Section(t["ref"], [x for x in rf if x] + decoys["ref"]))
        elif part == "lead":
            sections.append(Section(t["lead"], [x for x in lf if x]))
        elif part == "child":
            n = len(child_secs)
            for i, cf in enumerate(child_secs):
                title = t["child"] if n == 1 else f"{t['child']} - {i + 1} of {n}"
                extra = decoys["child"] if i == 0 else []
                sections.append(Section(title, [x for x in cf if x] + extra))
        elif part == "inc":
            sections.append(Section(t["inc"], [x for x in inf if x] + decoys["inc"]))
        elif part == "crit":
            sections.append(Section(t["crit"], [x for x in crf if x]))
        elif part == "agencies":
            sections.append(Section(t["agencies"], [af]))
        elif part == "concerns":
            sections.append(Section(t["concerns"], [f]))
    for s in sections:
        s.kind = next((p for p in ("child",) if s.title.startswith(t["child"])), "")
    # reorder record keys to the schema's order
    record = {k: rec[k] for k in ("form", "date_of_referral", "referrer", "safeguarding_lead", "children", "incident",
                                  "criteria", "panel_notified", "date_panel_notified", "agencies_involved",
                                  "immediate_concerns")}
    record["referrer"] = {k: record["referrer"][k] for k in ("name", "role", "agency", "email", "phone")}
    record["safeguarding_lead"] = {k: record["safeguarding_lead"][k] for k in
                                   ("name", "role", "agency", "email", "phone", "discussed")}
    record["criteria"] = {k: record["criteria"][k] for k in ("died_or_seriously_harmed", "abuse_or_neglect_suspected",
                                                             "local_connection", "multi_agency_learning", "reason")}
    if name_parts:
        notes["name_parts"] = name_parts
    notes["children"] = len(kids)
    notes["agencies"] = len(rows)
    return sections, record, notes
