"""One invented case per form, the canonical record it becomes, and the UK date styles."""

from __future__ import annotations

import re
from datetime import date, timedelta

import data as D
from vocab import VOCABS

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


DATE_STYLES = {
    "dmy": lambda d: d.strftime("%d/%m/%Y"),
    "dmy2": lambda d: d.strftime("%d/%m/%y"),
    "d_m_yy": lambda d: f"{d.day}/{d.month}/{d.strftime('%y')}",
    "dot": lambda d: f"{d.day}.{d.month}.{d.year}",
    "dot2": lambda d: d.strftime("%d.%m.%y"),
    "ordinal": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "us_long": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "d_mon_yy": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.strftime('%y')}",
    "dash_mon": lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}",
    "weekday": lambda d: f"{DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1]} {d.year}",
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "ordinal_of": lambda d: f"{ordinal(d.day)} of {MONTHS[d.month - 1]}, {d.year}",
}


def fmt_date(d: date | None, style: str) -> str | None:
    return None if d is None else DATE_STYLES[style](d)


def phone_digits(s: str | None) -> str | None:
    if s is None:
        return None
    out = re.sub(r"[^\d+]", "", s)
    return out[0] + out[1:].replace("+", "") if out else None


def make_phone(rng) -> str:
    base, n = rng.choice(D.PHONE_BASES)
    p = base + "".join(str(rng.randint(0, 9)) for _ in range(n))
    r = rng.random()
    if r < 0.12 and p.startswith("07"):
        return "+44 " + p[1:]
    if r < 0.22 and not p.startswith("07"):
        area, rest = p.split(" ", 1)
        return f"({area}) {rest}"
    if r < 0.3:
        return p.replace(" ", "")
    return p


def person_name(rng, titles=()):
    first, last = rng.choice(D.ADULT_FIRST), rng.choice(D.SURNAMES)
    title = rng.choice(titles) + " " if titles and rng.random() < 0.5 else ""
    return first, last, f"{title}{first} {last}"


def email_for(rng, first, last, domain):
    e = f"{first}.{last}@{domain}"
    if rng.random() < 0.2:
        e = f"{first[0]}{last}@{domain}"
    return e if rng.random() < 0.25 else e.lower()


def make_case(rng, vname: str) -> dict:
    """A complete invented case, with display strings, then blanks applied (None = not stated on the form)."""
    v = VOCABS[vname]
    L = v["labels"]
    inc = date(2025, 1, 6) + timedelta(rng.randint(0, 440))
    la = inc + timedelta(rng.choice([0, 0, 1, 1, 2, 3, 6]))
    referral = la + timedelta(rng.randint(1, 12))
    towns, pc = v["town"], v["postcode"]

    def addr_lines(num=None, street=None):
        street = street or rng.choice(["Wharfedale Road", "Kingfisher Close", "Station Terrace", "Ash Grove",
                                       "Millbrook Avenue", "Chapel Lane", "Hawthorn Crescent", "Flat 3, Tanner House",
                                       "Quayside Court", "Burnside Drive", "Orchard Way", "Lime Street"])
        num = num or rng.randint(1, 140)
        first = street if street.startswith("Flat") else f"{num} {street}"
        lines = [first, rng.choice(towns), f"{pc}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
        if rng.random() < 0.3:
            lines.insert(1, rng.choice(["Eastfield Estate", "Upper Town", "Bankside"]))
        if rng.random() < 0.15 and len(lines) == 3:
            lines = [f"{lines[0]}, {lines[1]}", lines[2]]
        return lines

    titles = {"lantern_hospice": ("Dr",), "kelsall_gp": ("Dr",), "strathallan_cpc": ("DS",)}.get(vname, ())
    rf, rl, rname = person_name(rng, titles)
    lf, ll, lname = person_name(rng, titles if vname in ("kelsall_gp", "lantern_hospice") else ())
    ref = {"name": rname, "role": rng.choice(v["roles"]), "agency": rng.choice(v["units"]),
           "email": email_for(rng, rf, rl, v["domain"]), "phone": make_phone(rng)}
    lead = {"name": lname, "role": rng.choice(v["lead_roles"]),
            "agency": rng.choice(v.get("lead_agencies", [v["org"]])),
            "email": email_for(rng, lf, ll, v["lead_domain"]), "phone": make_phone(rng),
            "discussed": rng.choice([True, True, True, False, None])}

    itype = rng.choices(["death", "serious_harm", "lac_death", "care_leaver_death", "other"], [4, 5, 2, 1, 1])[0]
    offered = {val for _, val in v["types"]}
    if itype not in offered:
        itype = rng.choice(["death", "serious_harm"])
    n = rng.choices([1, 2, 3], [68, 22, 10])[0]
    if itype == "care_leaver_death":
        n = 1
    family = rng.choice(D.SURNAMES)
    home = addr_lines()
    children = []
    for i in range(n):
        g = rng.choices(["female", "male", "other"], [48, 48, 4])[0]
        first = rng.choice(D.FEMALE if g == "female" else D.MALE if g == "male" else D.FEMALE + D.MALE)
        while any(c["first"] == first for c in children):
            first = rng.choice(D.FEMALE + D.MALE)
        years = rng.randint(18, 24) if itype == "care_leaver_death" else rng.randint(0, 17)
        dob = inc - timedelta(days=years * 365 + rng.randint(20, 340))
        last = family if i == 0 or rng.random() < 0.8 else rng.choice(D.SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        other = rng.choice([None, None, None, "nick", "surname"])
        if other == "nick":
            other = first[:3] + ("a" if g == "female" else "o") if len(first) > 4 else first + "y"
        elif other == "surname":
            other = f"{first} {rng.choice([s for s in D.SURNAMES if s.lower() != last.lower()])}"
        lac = itype == "lac_death" and i == 0
        c = {"first": first, "last": last, "gender": g, "dob": dob, "age": None,
             "other_names": other,
             "ethnicity": rng.choice(D.ETHNICITIES),
             "address": home if (i == 0 or rng.random() < 0.85) and not lac else addr_lines(),
             "school": rng.choice(D.SCHOOLS) if years >= 2 else rng.choice([None, "Little Acorns Day Nursery"]),
             "gp": rng.choice(D.GPS), "legal_status": rng.choice(D.LEGAL[v["law"]]) if rng.random() < 0.75 else None,
             "cp_plan": rng.choice([True, False, False, None]), "open_to_csc": rng.choice([True, True, False, None]),
             "looked_after": True if lac else rng.choice([False, False, True, None]),
             "disability": rng.choice(D.DISABILITIES) if rng.random() < 0.35 else None,
             "date_of_death": inc if (i == 0 and itype in ("death", "lac_death", "care_leaver_death")) else None}
        if rng.random() < 0.1:
            c["dob"], c["age"] = None, rng.choice([f"{years} years", f"approx. {years}", f"{years} yrs", f"{years}"]) if years else "5 months"
        children.append(c)

    paras = []
    first = children[0]["first"]
    carer = rng.choice(["mother", "father", "mother's partner", "stepfather", "foster carer", "grandmother"])
    pro = "she" if children[0]["gender"] == "female" else "he" if children[0]["gender"] == "male" else "they"
    obj = "her" if children[0]["gender"] == "female" else "him" if children[0]["gender"] == "male" else "them"
    when = DATE_STYLES["long"](inc) if rng.random() < 0.5 else f"the {ordinal(inc.day)}"
    op = rng.choice(D.SUMMARY_OPENERS)
    paras.append(op.format(first=first, when=when, carer=f"the {carer}" if "{carer}" in op and not op.startswith("{carer") else carer, obj=obj, pro=pro))
    for m in rng.sample(D.SUMMARY_MIDDLES, rng.randint(1, 3)):
        paras.append(m.format(n=rng.randint(2, 7), pct=rng.randint(41, 78), carer_cap=f"The child's {carer}"))
    if rng.random() < 0.7:
        paras.append(rng.choice(D.SUMMARY_CLOSERS).format(first=first, carer=f"the {carer}"))
    if rng.random() < 0.25:
        paras = [" ".join(paras[:2])] + paras[2:]

    agencies = []
    for ag, who in rng.sample(D.AGENCY_POOL, rng.choices([0, 1, 2, 3, 4], [10, 15, 30, 30, 15])[0]):
        if rng.random() < 0.5:
            contact = make_phone(rng)
        else:
            nm = who.split(",")[0].split(" ")[-1].lower()
            contact = f"{nm}@{rng.choice(['castlewick.gov.uk', 'nhs.net', 'police.uk', 'school.org.uk'])}"
        agencies.append([who, ag, contact])
    if agencies and rng.random() < 0.2:
        agencies.append([None, rng.choice(D.AGENCY_NO_PERSON), make_phone(rng)])

    panel = rng.choice([True, True, False, None])
    case = {
        "date_of_referral": referral, "ref": ref, "lead": lead, "children": children,
        "inc": {"date": inc, "la_aware": la, "location": rng.choice(D.INCIDENT_LOCATIONS), "type": itype,
                "other_detail": rng.choice(["private fostering arrangement", "fabricated or induced illness",
                                            "serious injury during restraint", "child sexual exploitation"]),
                "summary": paras, "police": rng.choice([True, True, True, False, None])},
        "crit": {"died": rng.choice([True, True, True, None]), "abuse": rng.choice([True, True, False, None]),
                 "local": rng.choice([True, True, True, False, None]), "learning": rng.choice([True, True, None]),
                 "reason": rng.choice(D.REASONS)},
        "panel": panel, "panel_date": la + timedelta(rng.randint(1, 5)) if panel else None,
        "agencies": agencies, "immediate": rng.choice(D.IMMEDIATE),
    }
    apply_blanks(rng, case, L)
    return case


def apply_blanks(rng, case, L):
    """Null what the form does not ask, and leave some asked fields blank."""
    def blank(p=0.1):
        return rng.random() < p

    for who, keys in (("ref", ["name", "role", "agency", "email", "phone"]), ("lead", ["name", "role", "agency", "email", "phone"])):
        for k in keys:
            if f"{who}_{k}" not in L or (k != "name" and blank(0.08)):
                case[who][k] = None
    if "discussed" not in L:
        case["lead"]["discussed"] = None
    if "date_of_referral" not in L or blank(0.05):
        case["date_of_referral"] = None
    for c in case["children"]:
        for k in ["other_names", "ethnicity", "address", "school", "gp", "legal_status", "disability"]:
            if k not in L or blank(0.1):
                c[k] = None
        for k in ["cp_plan", "open_to_csc", "looked_after", "dob", "date_of_death"]:
            if k not in L:
                c[k] = None
        if "age" not in L:
            c["age"] = None
        if "gender" not in L or blank(0.05):
            c["gender"] = None
    inc = case["inc"]
    for k, lk in (("date", "inc_date"), ("la_aware", "la_aware"), ("location", "location"), ("type", "inc_type"),
                  ("police", "police")):
        if lk not in L or blank(0.07):
            inc[k] = None
    cr = case["crit"]
    for k in ["died", "abuse", "local", "learning", "reason"]:
        if f"c_{k}" not in L and k != "reason" or (k == "reason" and ("reason" not in L or blank(0.1))):
            cr[k] = None
    if "panel" not in L:
        case["panel"] = None
    if "panel_date" not in L or case["panel"] is not True or blank(0.1):
        case["panel_date"] = None
    if "immediate" not in L or blank(0.15):
        case["immediate"] = None


def child_name(c):
    return f"{c['first']} {c['last']}"


def to_record(case) -> dict:
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    email = lambda e: e.lower() if e else None  # noqa: E731

    def person(p):
        return {"name": p["name"], "role": p["role"], "agency": p["agency"], "email": email(p["email"]),
                "phone": phone_digits(p["phone"])}

    lead = person(case["lead"])
    lead["discussed"] = case["lead"]["discussed"]
    inc, cr = case["inc"], case["crit"]
    return {
        "form": "referral",
        "date_of_referral": iso(case["date_of_referral"]),
        "referrer": person(case["ref"]),
        "safeguarding_lead": lead,
        "children": [{
            "name": child_name(c), "other_names": c["other_names"], "dob": iso(c["dob"]), "age": c["age"],
            "gender": c["gender"], "ethnicity": c["ethnicity"],
            "address": ", ".join(c["address"]) if c["address"] else None, "school": c["school"], "gp": c["gp"],
            "legal_status": c["legal_status"], "cp_plan": c["cp_plan"], "open_to_csc": c["open_to_csc"],
            "looked_after": c["looked_after"], "disability": c["disability"], "date_of_death": iso(c["date_of_death"]),
        } for c in case["children"]],
        "incident": {"date": iso(inc["date"]), "date_la_aware": iso(inc["la_aware"]), "location": inc["location"],
                     "type": inc["type"], "summary": "\n\n".join(inc["summary"]) if inc["summary"] else None,
                     "police_involved": inc["police"]},
        "criteria": {"died_or_seriously_harmed": cr["died"], "abuse_or_neglect_suspected": cr["abuse"],
                     "local_connection": cr["local"], "multi_agency_learning": cr["learning"], "reason": cr["reason"]},
        "panel_notified": case["panel"],
        "date_panel_notified": iso(case["panel_date"]),
        "agencies_involved": [{"name": a[0], "agency": a[1], "contact": a[2]} for a in case["agencies"]],
        "immediate_concerns": case["immediate"],
    }
