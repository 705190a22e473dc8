"""One invented case per form: raw values, what the form shows, and the canonical record (truth)."""

import datetime as dt

from senders import COMMON_CRIT

FIRST_F = ["Amelia", "Keira", "Zainab", "Poppy", "Maisie", "Aaliyah", "Freya", "Lacey", "Nadia", "Harriet",
           "Esme", "Tilly", "Ruby", "Amira", "Skye", "Lily-Mae", "Grace", "Wiktoria", "Sienna", "Orla"]
FIRST_M = ["Mason", "Reggie", "Kacper", "Tyler", "Idris", "Ollie", "Jayden", "Arlo", "Hamza", "Callum",
           "Finley", "Theo", "Kian", "Rhys", "Tomasz", "Elijah", "Harvey", "Leon", "Zac", "Bilal"]
SURNAMES = ["Ashcroft", "Okafor", "Pennington", "Kowalczyk", "Brannigan", "Haworth", "Mensah", "Lindqvist",
            "Rahman", "Fairbrother", "Doherty", "Nwosu", "Trelawney", "Whitlock", "Castellano", "Hussain",
            "Marchetti", "Oyelaran", "Gallagher", "Szymanska", "Featherstone", "Iqbal", "Prothero", "Vance"]
ADULT_FIRST = ["Joanne", "Gareth", "Priya", "Declan", "Sinead", "Marcus", "Helen", "Tariq", "Bethany", "Owen",
               "Claire", "Rajesh", "Lorna", "Stuart", "Femi", "Karen", "Imran", "Nicola", "Craig", "Yvonne"]
ADULT_LAST = ["Hartley", "Osei", "McCann", "Dobson", "Patel", "Ferris", "Abbott", "Kaur", "Lowther", "Brennan",
              "Sutcliffe", "Adeyemi", "Monroe", "Quigley", "Rowntree", "Shah", "Tennant", "Bramwell"]
STREETS = ["Larch Close", "Sefton Road", "Millbrook Way", "Tanner Street", "Hawthorn Avenue", "Quarry Lane",
           "St Anne's Walk", "Beacon Rise", "Foundry Court", "Alder Grove", "Prospect Terrace", "Orchard Drive"]
FLATS = ["Kestrel House", "Cedar Court", "Marlowe Heights", "Bridge View", "Linnet House"]
ETHNIC = ["White British", "Black African", "Mixed - White and Black Caribbean", "Pakistani", "White - Polish",
          "Bangladeshi", "White and Asian", "Gypsy / Roma", "Black Caribbean", "Any other White background"]
SCHOOLS = ["{t} Primary Academy", "St Bede's RC Primary School", "{t} High School", "Oakfield Nursery",
           "Riverside Community College", "Holy Trinity CE Primary", "{t} Park Academy"]
GPS = ["{t} Medical Centre", "Orchard Surgery", "Dr Khan and Partners", "Parkside Health Centre", "The Willows Practice"]
LEGAL = ["Child arrangements order", "Interim care order (s.38)", "Section 20 accommodation", "No order",
         "Special guardianship order", "Supervision order"]
DISAB = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Asthma", "Speech and language delay",
         "Epilepsy", "Global developmental delay", "Hearing impairment", "Type 1 diabetes"]
OTHER_SPEC = ["attempted abduction", "child found alone overnight", "serious self-harm", "exploitation concern"]
AG_NAMES = [("Children's Social Care", "Duty and Assessment Team"), ("Police", "Public Protection Unit"),
            ("School", "Designated Safeguarding Lead"), ("Health Visiting", "0-19 Service"),
            ("GP", "Practice"), ("CAMHS", "Community CAMHS"), ("Early Help", "Family Hub"),
            ("Probation", "Probation Service"), ("Housing", "Housing Options")]
REASONS = ["There are signs of neglect over a long period that several agencies saw but did not link together.",
           "The injury appears non-accidental and more than one agency had contact with the family in recent weeks.",
           "Information held by different services was not shared, and the child's voice was not heard.",
           "The harm is serious and we believe there is learning about how concerns from non-statutory services are escalated."]
CONCERNS = ["Siblings remain at the address with the same adults; social care are visiting today.",
            "The child is in hospital and safe; the adult involved has not been located.",
            "The child has been placed with grandparents under a safety plan.",
            "No immediate risk known at this time - child in foster care."]
SUMMARY_EXTRA = [
    "The staff member stayed with the child and called the manager, who contacted the duty social work team.",
    "Police attended and the child was taken to the emergency department for examination.",
    "The family had been known to services before, with previous concerns about neglect and missed appointments.",
    "The child was quiet and withdrawn and would not make eye contact; they asked not to go home.",
    "Records show two earlier concerns about the same household that were not followed up.",
    "An adult at the address became aggressive when asked about the child's injuries and left before help arrived.",
]
DECOY_IDS = {"case": "FD26P{n:05d}", "prisoner": "A{n4}{l2}", "account": "{n:09d}", "job": "JB-{n:06d}",
             "booking": "SHP{n:07d}", "log": "RQ/{n:05d}/26", "record": "CV{n:06d}", "package": "CP-{n:05d}"}
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLERS = ["N/A", "n/a", "-", "Not known", "Not applicable"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style):
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long0":
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    if style == "abbr":
        return f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "dots":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dash_abbr":
        return f"{d.day:02d}-{MONTH_ABBR[d.month - 1]}-{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "us":
        return f"{d.month}/{d.day}/{d.year}"
    raise ValueError(style)


ALL_DATE_STYLES = ["dmy_slash", "dmy_short", "long", "long0", "abbr", "ordinal", "dots", "dash_abbr", "iso"]


def phone(rng):
    k = rng.randrange(4)
    n = rng.randrange(1000)
    if k == 0:
        return f"01632 960{n:03d}"[:12] if False else f"01632 960 {n:03d}"
    if k == 1:
        return f"07700 900{n:03d}"
    if k == 2:
        return f"0113 496 0{n:03d}"
    return f"020 7946 0{n:03d}"


def digits(s):
    return "".join(ch for ch in s if ch.isdigit() or ch == "+")


def person(rng, domain, roles, agency):
    f, l = rng.choice(ADULT_FIRST), rng.choice(ADULT_LAST)
    return {"name": f"{f} {l}", "first": f, "last": l, "role": rng.choice(roles), "agency": agency,
            "email": f"{f.lower()}.{l.lower()}@{domain}", "phone": phone(rng)}


def address(rng, s):
    lines = []
    if rng.random() < 0.3:
        lines.append(f"Flat {rng.randint(1, 24)}, {rng.choice(FLATS)}")
        lines.append(rng.choice(STREETS))
    else:
        lines.append(f"{rng.randint(1, 140)} {rng.choice(STREETS)}")
    lines.append(s["town"])
    lines.append(f"{s['pc']}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
    return lines


def make_case(rng, s, n):
    """Raw case values plus per-field display decisions."""
    base = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(200))
    inc = base
    la = inc + dt.timedelta(days=rng.randint(0, 3))
    ref_date = la + dt.timedelta(days=rng.randint(1, 4))
    ag_name = s["org"] if rng.random() < 0.5 else s["unit"].split(" - ")[0]
    ref = person(rng, s["domain"], s["roles"], ag_name)
    lead = person(rng, s["domain"], s["lead_roles"], s["org"])
    nkids = 1
    r = rng.random()
    if s["siblings"] and r < 0.25:
        nkids = 2
    if s["siblings"] and r < 0.07:
        nkids = 3
    fam = rng.choice(SURNAMES)
    addr = address(rng, s)
    kids = []
    used = set()
    for i in range(nkids):
        g = rng.choice(["female", "male", "female", "male", "other"] if i == 0 else ["female", "male"])
        first = rng.choice(FIRST_F if g == "female" else FIRST_M if g == "male" else FIRST_F + FIRST_M)
        while first in used:
            first = rng.choice(FIRST_F + FIRST_M)
        used.add(first)
        last = fam if (i == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        age = rng.randint(*s["ages"])
        dob = inc - dt.timedelta(days=age * 365 + rng.randrange(300))
        kid = {"first": first, "last": last, "gender": g, "dob": dob,
               "use_age": "c_age" in s["labels"] and rng.random() < 0.18,
               "age_text": rng.choice(["{a}", "about {a}", "{a} years", "approx. {a}", "{a} yrs"]).format(a=max(age, 1)),
               "other": rng.choice([None, None, f"{first[:3]}", f"{first} {rng.choice(SURNAMES)}"]),
               "eth": rng.choice(ETHNIC), "addr": addr if i == 0 or rng.random() < 0.85 else address(rng, s),
               "school": rng.choice(SCHOOLS).format(t=s["town"]), "gp": rng.choice(GPS).format(t=s["town"]),
               "legal": rng.choice(LEGAL), "cp": rng.choice([True, False, False]), "csc": rng.choice([True, False]),
               "lac": rng.choice([False, False, True]), "dis": rng.choice([None, None] + DISAB)}
        kids.append(kid)
    itype = rng.choices(["serious_harm", "death", "lac_death", "care_leaver_death", "other", None],
                        [50, 16, 4, 2, 8, 4])[0]
    if itype in ("lac_death",):
        kids[0]["lac"] = True
    death_date = inc if itype in ("death", "lac_death") else None
    story = rng.sample(s["story"], 1)[0] + "."
    paras = [story] + rng.sample(SUMMARY_EXTRA, rng.randint(1, 3))
    ags = []
    for a, team in rng.sample(AG_NAMES, rng.randint(0, 4)):
        nm = None if rng.random() < 0.3 else f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"
        contact = phone(rng) if rng.random() < 0.6 else f"{team.split()[0].lower()}.{a.split()[0].lower()}@{s['town'].lower()}.gov.uk"
        ags.append({"name": nm, "agency": f"{a} - {team}" if rng.random() < 0.5 else a, "contact": contact})
    panel = rng.choice([True, False, False, None])
    case = {
        "date_ref": ref_date, "ref": ref, "lead": lead, "discussed": rng.choice([True, True, False]),
        "kids": kids, "inc_date": inc, "la_aware": la, "location": rng.choice(s["places"]), "itype": itype,
        "other_spec": rng.choice(OTHER_SPEC), "death_date": death_date, "summary": paras,
        "police": rng.choice([True, False]), "crit": [rng.choice([True, True, False]) for _ in range(4)],
        "reason": rng.choice(REASONS), "panel": panel,
        "panel_date": (la + dt.timedelta(days=rng.randint(1, 4))) if panel else None,
        "agencies": ags, "concerns": rng.choice(CONCERNS),
    }
    # decoys: values that are not the answer
    dec = []
    for label, kind in s["decoys"]:
        if kind == "date":
            v = ("date", inc + dt.timedelta(days=rng.choice([-40, -12, -2, 1, 2, 9, 21])))
        elif kind == "person":
            v = ("text", f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}")
        else:
            num = rng.randrange(10 ** 6)
            v = ("text", DECOY_IDS[kind].format(n=num, n4=f"{num % 10000:04d}", l2="".join(rng.sample("ABCDEFGHJK", 2))))
        dec.append((label, v))
    case["decoys"] = dec
    # blanks / fillers / third options
    optional = ["ref_phone", "lead_role", "lead_phone", "lead_email", "c_other", "c_eth", "c_school", "c_gp",
                "c_legal", "c_dis", "location", "reason", "concerns"]
    optional = [k for k in optional if k in s["labels"] or k in ("reason",)]
    picks = rng.sample(optional, rng.randint(1, 3))
    case["blank"] = set(picks[:1])
    case["filler"] = {k: rng.choice(FILLERS) for k in picks[1:]}
    tris = ["discussed", "police", "c_cp", "c_csc", "c_lac", "crit_abuse", "crit_learning"]
    case["third"] = set(rng.sample(tris, rng.choice([0, 0, 1, 1, 2])))
    return case


def child_name(k):
    return f"{k['first']} {k['last']}"


def is_shown(case, key):
    return key not in case["blank"] and key not in case["filler"]


def truth_record(case, s):
    asked = lambda k: k not in s["not_asked"]
    sh = lambda k: asked(k) and is_shown(case, k)
    def tri(key, v):
        if not asked(key) or key in case["third"]:
            return None
        return v
    ref, lead = case["ref"], case["lead"]
    rec = {"form": "referral", "date_of_referral": case["date_ref"].isoformat(),
           "referrer": {"name": ref["name"], "role": ref["role"], "agency": ref["agency"],
                        "email": ref["email"].lower(), "phone": digits(ref["phone"]) if sh("ref_phone") else None},
           "safeguarding_lead": {"name": lead["name"], "role": lead["role"] if sh("lead_role") else None,
                                 "agency": lead["agency"], "email": lead["email"].lower() if sh("lead_email") else None,
                                 "phone": digits(lead["phone"]) if sh("lead_phone") else None,
                                 "discussed": tri("discussed", case["discussed"])},
           "children": [], "incident": {}, "criteria": {}}
    for i, k in enumerate(case["kids"]):
        first = i == 0
        shk = (lambda key: sh(key)) if first else (lambda key: asked(key))
        trk = (lambda key, v: tri(key, v)) if first else (lambda key, v: v if asked(key) else None)
        rec["children"].append({
            "name": child_name(k),
            "other_names": k["other"] if (k["other"] and shk("c_other")) else None,
            "dob": None if k["use_age"] else k["dob"].isoformat(),
            "age": k["age_text"] if k["use_age"] else None,
            "gender": k["gender"],
            "ethnicity": k["eth"] if shk("c_eth") else None,
            "address": ", ".join(k["addr"]),
            "school": k["school"] if shk("c_school") else None,
            "gp": k["gp"] if shk("c_gp") else None,
            "legal_status": k["legal"] if shk("c_legal") else None,
            "cp_plan": trk("c_cp", k["cp"]), "open_to_csc": trk("c_csc", k["csc"]),
            "looked_after": trk("c_lac", k["lac"]),
            "disability": k["dis"] if (k["dis"] and shk("c_dis")) else None,
            "date_of_death": case["death_date"].isoformat() if (first and case["death_date"] and asked("c_dod")) else None,
        })
    rec["incident"] = {"date": case["inc_date"].isoformat(), "date_la_aware": case["la_aware"].isoformat(),
                       "location": case["location"] if sh("location") else None, "type": case["itype"],
                       "summary": "\n\n".join(case["summary"]), "police_involved": case["police"]}
    c = case["crit"]
    rec["criteria"] = {"died_or_seriously_harmed": c[0], "abuse_or_neglect_suspected": tri("crit_abuse", c[1]),
                       "local_connection": c[2], "multi_agency_learning": tri("crit_learning", c[3]),
                       "reason": case["reason"] if is_shown(case, "reason") else None}
    rec["panel_notified"] = case["panel"]
    rec["date_panel_notified"] = case["panel_date"].isoformat() if case["panel_date"] else None
    rec["agencies_involved"] = [dict(a) for a in case["agencies"]]
    rec["immediate_concerns"] = case["concerns"] if is_shown(case, "concerns") else None
    return rec


def items(case, s, n_child_sections=True):
    """The form as ordered sections of items.

    item: {"key", "label", "kind", "text" (str|None), "lines" (list, addr/long), "options", "chosen"}
    kind: text | date | tri | gender | itype | addr | long
    For per-child fields the key carries '#i'. Blank -> text None; filler -> the filler word.
    """
    L = s["labels"]
    asked = lambda k: k not in s["not_asked"] and (k in L or k in ("crit_died", "crit_abuse", "crit_local",
                                                                     "crit_learning", "reason", "panel", "panel_date"))
    lab = lambda k: L.get(k) or COMMON_CRIT[k]
    dm, dd = s["date_main"], s["date_dob"]
    yn = [s["yes"], s["no"], s["third"]]

    def shown(key, text, base=None):
        b = base or key
        if b in case["blank"]:
            return None
        if b in case["filler"]:
            return case["filler"][b]
        return text

    def it(key, kind, text=None, lines=None, chosen=None, options=None, base=None):
        return {"key": key, "base": base or key.split("#")[0], "label": lab(base or key.split("#")[0]), "kind": kind,
                "text": text, "lines": lines, "chosen": chosen, "options": options}

    def tri_item(key, value, base=None):
        b = base or key
        ch = None
        if b in case["third"]:
            ch = 2
        elif value is not None:
            ch = 0 if value else 1
        return it(key, "tri", text=None if ch is None else yn[ch], chosen=ch, options=yn, base=b)

    ref, lead = case["ref"], case["lead"]
    secs = []
    sec = [it("ref_name", "text", ref["name"]), it("ref_role", "text", ref["role"]),
           it("ref_agency", "text", ref["agency"]), it("ref_email", "email", ref["email"]),
           it("ref_phone", "phone", shown("ref_phone", ref["phone"])),
           it("date_ref", "date", fmt_date(case["date_ref"], dm))]
    secs.append(("ref", s["sections"]["ref"], sec))
    sec = [it("lead_name", "text", lead["name"]), it("lead_role", "text", shown("lead_role", lead["role"])),
           it("lead_agency", "text", lead["agency"]), it("lead_email", "email", shown("lead_email", lead["email"])),
           it("lead_phone", "phone", shown("lead_phone", lead["phone"])), tri_item("discussed", case["discussed"])]
    secs.append(("lead", s["sections"]["lead"], sec))
    nk = len(case["kids"])
    for i, k in enumerate(case["kids"]):
        first = i == 0
        sfx = f"#{i}"
        shw = (lambda key, text: shown(key, text)) if first else (lambda key, text: text)
        sec = []
        if s["split"] == "first":
            sec += [it("c_first" + sfx, "text", k["first"]), it("c_last" + sfx, "text", k["last"])]
        elif s["split"] == "last":
            sec += [it("c_last" + sfx, "text", k["last"]), it("c_first" + sfx, "text", k["first"])]
        else:
            sec += [it("c_name" + sfx, "text", child_name(k))]
        if asked("c_other"):
            sec.append(it("c_other" + sfx, "text", shw("c_other", k["other"]) if k["other"] else None))
        sec.append(it("c_dob" + sfx, "date", None if k["use_age"] else fmt_date(k["dob"], dd)))
        if asked("c_age"):
            sec.append(it("c_age" + sfx, "text", k["age_text"] if k["use_age"] else None))
        gi = {"female": 0, "male": 1, "other": 2}[k["gender"]]
        sec.append(it("c_gender" + sfx, "gender", s["gender"][gi], chosen=gi, options=list(s["gender"])))
        for key, kind, val in [("c_eth", "text", k["eth"]), ("c_addr", "addr", k["addr"]),
                               ("c_school", "text", k["school"]), ("c_gp", "text", k["gp"]),
                               ("c_legal", "text", k["legal"])]:
            if asked(key):
                if kind == "addr":
                    sec.append(it(key + sfx, "addr", lines=list(val)))
                else:
                    sec.append(it(key + sfx, kind, shw(key, val)))
        for key, val in [("c_cp", k["cp"]), ("c_csc", k["csc"]), ("c_lac", k["lac"])]:
            if asked(key):
                x = tri_item(key + sfx, val, base=key)
                if not first and key in case["third"]:  # the third option only on child 1
                    x["chosen"] = 0 if val else 1
                    x["text"] = yn[x["chosen"]]
                sec.append(x)
        if asked("c_dis"):
            sec.append(it("c_dis" + sfx, "text", shw("c_dis", k["dis"]) if k["dis"] else None))
        if asked("c_dod"):
            dod = case["death_date"] if first else None
            sec.append(it("c_dod" + sfx, "date", fmt_date(dod, dd) if dod else None))
        title = s["sections"]["child"] + (f" - child {i + 1} of {nk}" if nk > 1 else "")
        secs.append(("child", title, sec))
    t = case["itype"]
    opts = [s["itype"][x] for x in ("death", "serious_harm", "lac_death", "care_leaver_death", "other")]
    ti = None if t is None else ["death", "serious_harm", "lac_death", "care_leaver_death", "other"].index(t)
    ttext = None if t is None else (f"Other - {case['other_spec']}" if t == "other" else s["itype"][t])
    sec = [it("inc_date", "date", fmt_date(case["inc_date"], dm)), it("la_aware", "date", fmt_date(case["la_aware"], dm)),
           it("location", "text", shown("location", case["location"])),
           {**it("itype", "itype", ttext, chosen=ti, options=opts), "spec": case["other_spec"] if t == "other" else None},
           it("summary", "long", lines=list(case["summary"])), tri_item("police", case["police"])]
    secs.append(("inc", s["sections"]["inc"], sec))
    c = case["crit"]
    sec = [tri_item("crit_died", c[0]), tri_item("crit_abuse", c[1]), tri_item("crit_local", c[2]),
           tri_item("crit_learning", c[3])]
    r = shown("reason", case["reason"])
    sec.append(it("reason", "long", lines=[r] if r else []))
    secs.append(("crit", s["sections"]["crit"], sec))
    sec = [tri_item("panel", case["panel"]),
           it("panel_date", "date", fmt_date(case["panel_date"], dd) if case["panel_date"] else None)]
    secs.append(("panel", s["sections"]["panel"], sec))
    secs.append(("ag", s["sections"]["ag"], []))
    cc = shown("concerns", case["concerns"])
    secs.append(("conc", s["sections"]["conc"], [it("concerns", "long", lines=[cc] if cc else [])]))
    dec = []
    for label, (kind, v) in case["decoys"]:
        dec.append({"key": "decoy", "base": "decoy", "label": label, "kind": "text",
                    "text": fmt_date(v, dm) if kind == "date" else v, "lines": None, "chosen": None, "options": None})
    secs.append(("dec", s["sections"]["dec"], dec))
    return secs


def value_text(item, sep=", "):
    """Plain one-string rendering of an item's answer (None when empty)."""
    if item["kind"] in ("addr", "long"):
        ls = [x for x in (item["lines"] or []) if x]
        return sep.join(ls) if ls else None
    return item["text"]
