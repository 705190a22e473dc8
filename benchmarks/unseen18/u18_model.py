"""unseen18: invented data, date styles and one case as ordered sections plus its record.

Standalone (imports nothing from the project). Every person, place and event is invented;
phone numbers are in the Ofcom drama ranges.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from u18_senders import SENDERS

# ---------------------------------------------------------------- date styles

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ordinal(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d: dt.date, style: str) -> str:
    m = MONTHS[d.month - 1]
    return {
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash_short": f"{d.day}/{d.month}/{d.year}",
        "slash_yy": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dots": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "long": f"{d.day} {m} {d.year}",
        "long0": f"{d.day:02d} {m} {d.year}",
        "ordinal": f"{ordinal(d.day)} {m} {d.year}",
        "abbr": f"{d.day} {m[:3]} {d.year}",
        "abbr_hy": f"{d.day}-{m[:3]}-{d.year}",
        "caps": f"{d.day:02d} {m[:3].upper()} {d.year}",
        "iso": d.isoformat(),
        "access_medium": f"{d.day:02d}-{m[:3]}-{d.year % 100:02d}",
    }[style]


ALL_DATE_STYLES = ["slash", "slash_short", "slash_yy", "dots", "dash", "long", "long0", "ordinal", "abbr",
                   "abbr_hy", "caps", "iso", "access_medium"]

# ---------------------------------------------------------------- name pools

GIRLS = ["Amelia", "Isla", "Ava", "Freya", "Poppy", "Maisie", "Evie", "Lily-Mae", "Aisha", "Zainab", "Maryam",
         "Chloe", "Skye", "Ruby", "Lacey", "Kacey", "Nevaeh", "Oliwia", "Zuzanna", "Amira", "Hafsa", "Tia",
         "Courtney", "Leah", "Jessica", "Eilidh", "Summer", "Darcie", "Precious", "Ifeoma", "Roksana", "Esme",
         "Kayla", "Shannon", "Paige", "Ellie-May", "Hana", "Selin", "Nour", "Ioana"]
BOYS = ["Tyler", "Kian", "Mason", "Riley", "Harvey", "Callum", "Jayden", "Logan", "Ibrahim", "Yusuf", "Omar",
        "Kacper", "Jakub", "Tomasz", "Reece", "Kyle", "Corey", "Alfie", "Louie", "Tommy-Lee", "Dylan", "Liam",
        "Jordan", "Mohammed", "Bilal", "Hamza", "Ethan", "Noah", "Theo", "Rhys", "Oluwaseun", "Tobi", "Ahmed",
        "Mihai", "Dawit", "Samir", "Arlo", "Finley", "Brandon", "Declan"]
SURNAMES = ["Brennan", "Kowalczyk", "Osei", "Hussain", "Pritchard", "Gallagher", "Nowak", "Ahmed", "Thorne",
            "Whitlock", "Barraclough", "Okafor", "Rahman", "Dobson", "McCreadie", "Sutcliffe", "Ionescu", "Begum",
            "Haworth", "Lund", "Fairclough", "Achterberg", "Teasdale", "Mensah", "Kaur", "Bibi", "Dunmore",
            "Carrick", "Hollis", "Pennock", "Yilmaz", "Tesfaye", "Redfern", "Marsden", "Quigley", "Ellery",
            "Stannard", "Ogunleye", "Costa", "Lindqvist", "Harker", "Vickers", "Ashworth", "Dragomir", "Mahmood",
            "Crowther", "Ferris", "Kiernan", "Pollard", "Wozniak"]
ADULT_FIRST = ["Sarah", "Claire", "Joanne", "Hannah", "Rebecca", "Nadia", "Priya", "Gemma", "Kerry", "Lindsey",
               "Fiona", "Helen", "Bethan", "Zoe", "Michelle", "Agnieszka", "Shabana", "Louise", "Rachel", "Emma",
               "Mark", "Gareth", "Stuart", "Darren", "Imran", "Tariq", "Neil", "Paul", "Craig", "Martin", "Owen",
               "Simon", "Lee", "Andrew", "Jonathan", "Kwame", "Pawel", "Graham", "Rob", "Adrian"]
ADULT_LAST = ["Hargreaves", "Malik", "Trevithick", "Penrose", "Chowdhury", "Bellamy", "Rowntree", "Oduya",
              "Fenwick", "Gilchrist", "Stoddart", "Nankervis", "Kershaw", "Llewellyn", "Quayle", "Bannister",
              "Tremayne", "Sowerby", "Iqbal", "Dawes", "Wainwright", "Lockley", "Merriman", "Boateng",
              "Prendergast", "Halloran", "Sykes", "Pengelly", "Tattersall", "Ridley", "Ostrowski", "Varley",
              "Holroyd", "Akhtar", "Bramwell", "Colquhoun", "Ellwood", "Thwaite", "Mulligan", "Rees-Jones"]

ETHNICITIES = ["White British", "White - British", "White Irish", "White and Black Caribbean", "Mixed - White and Asian",
               "Asian or Asian British - Pakistani", "Pakistani", "Bangladeshi", "Black African",
               "Black British - Caribbean", "White - Polish", "White Eastern European", "Gypsy/Roma",
               "Any other White background", "Arab", "Kurdish", "Eritrean", "Romanian", "Chinese",
               "Any other mixed background"]

PHONE_RANGES = ["01632 960{:03d}", "07700 900{:03d}", "0113 496 0{:03d}", "0161 496 0{:03d}",
                "0191 498 0{:03d}", "020 7946 0{:03d}", "0117 496 0{:03d}", "0121 496 0{:03d}"]


def phone_digits(s: str) -> str:
    plus = s.strip().startswith("+")
    d = "".join(ch for ch in s if ch.isdigit())
    return ("+" + d) if plus else d


# ---------------------------------------------------------------- section model

@dataclass
class Fld:
    key: str                 # record path-ish: 'referrer.name', 'child.dob', 'decoy', ...
    label: str
    kind: str                # text date yn gender itype long addr email phone
    shown: object = None     # text kinds: printed str or '' (blank); long/addr: list of str; choices: option index or None
    options: list = field(default_factory=list)   # choices: [(word, canonical)]
    spec: str | None = None  # itype other: the specification typed
    date: dt.date | None = None
    filler: str | None = None
    required: bool = False
    hint: str | None = None  # guidance / example under the label (not an answer)


@dataclass
class Section:
    key: str                 # referrer lead child incident criteria panel concerns agencies decoys
    title: str
    fields: list = field(default_factory=list)
    child: int | None = None
    rows: list = field(default_factory=list)     # agencies: [(name|None, agency, contact)]
    headers: list = field(default_factory=list)  # agencies column headers


@dataclass
class Case:
    sender: dict
    sections: list
    record: dict
    notes: dict
    style_main: str
    style_dob: str
    title: str
    form_ref: str
    marking: str
    guidance: str
    footer: str
    referral_date: dt.date
    rng: random.Random
    extras: dict = field(default_factory=dict)


# ---------------------------------------------------------------- helpers

FILLERS = ["N/A", "n/a", "Not known", "-", "Not applicable"]


def pick_phone(rng, mobile=None):
    pool = PHONE_RANGES if mobile is None else (["07700 900{:03d}"] if mobile else PHONE_RANGES[:1] + PHONE_RANGES[2:])
    return rng.choice(pool).format(rng.randrange(1000))


def vary_phone(rng, p: str) -> str:
    """Ways a person types one number."""
    digits = "".join(ch for ch in p if ch.isdigit())
    r = rng.random()
    if r < 0.55:
        return p
    if r < 0.72:
        return digits
    if r < 0.86:
        return "+44 " + p[1:]
    first, rest = p.split(" ", 1)
    return f"({first}) {rest}"


def email_for(rng, first, last, domain):
    f, l = first.lower().replace(" ", ""), last.lower().replace(" ", "").replace("'", "")
    pat = rng.choice(["{f}.{l}", "{f}.{l}", "{fi}{l}", "{f}{l}", "{f}_{l}", "{l}.{f}"])
    addr = pat.format(f=f, l=l, fi=f[0]) + "@" + domain
    shown = addr
    if rng.random() < 0.2:
        shown = addr[0].upper() + addr[1:]
    if rng.random() < 0.1:
        shown = first + "." + last + "@" + domain
    return shown


def person(rng, used):
    while True:
        n = (rng.choice(ADULT_FIRST), rng.choice(ADULT_LAST))
        if n not in used:
            used.add(n)
            return n


def child_name(rng, used, sex):
    while True:
        first = rng.choice(GIRLS if sex == "female" else BOYS if sex == "male" else GIRLS + BOYS)
        last = rng.choice(SURNAMES)
        if (first, last) not in used:
            used.add((first, last))
            return first, last


def add_days(d, n):
    return d + dt.timedelta(days=n)


def fill(text, **kw):
    out = text
    for k, v in kw.items():
        out = out.replace("{" + k + "}", str(v))
    return sentence_case(out)


def sentence_case(text: str) -> str:
    chars = list(text)
    start = True
    for i, ch in enumerate(chars):
        if start and ch.isalpha():
            chars[i] = ch.upper()
            start = False
        elif start and not ch.isspace() and ch not in "'\"(":
            start = False
        if ch in ".!?" and i + 1 < len(chars) and chars[i + 1] == " ":
            prev = "".join(chars[max(0, i - 6):i]).lower()
            if not prev.endswith(("approx", "e.g", "no", "tel")):
                start = True
    return "".join(chars)


# ---------------------------------------------------------------- the case

def build_case(rng: random.Random, sender_key: str, layout: str, opts: dict) -> Case:
    S = SENDERS[sender_key]
    L = S["labels"]
    used: set = set()
    notes = {"blanks": [], "fillers": {}, "third_option": [], "decoys": [], "ages": []}
    style_main, style_dob = S["date_main"], S["date_dob"]
    if opts.get("date_main"):
        style_main = opts["date_main"]
    if opts.get("date_dob"):
        style_dob = opts["date_dob"]
    notes["date_style"], notes["dob_style"] = style_main, style_dob

    R = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randrange(170))
    story = rng.choice(S["stories"])
    itype = story["type"]
    if opts.get("force_type"):
        itype = opts["force_type"]
    inc_date = add_days(R, -rng.randrange(1, 16))
    la_aware = add_days(inc_date, rng.choice([0, 0, 1, 1, 2, 3]))
    if la_aware > R:
        la_aware = R

    nkids = opts.get("children", 1)
    # ---- people
    rf, rl = person(rng, used)
    lf, ll = person(rng, used)
    ref_phone = pick_phone(rng)
    lead_phone = pick_phone(rng)
    ref_agency = rng.choice(S["ref_agency"])
    lead_agency = rng.choice(S["lead_agency"])

    def sheetify(p):
        """A spreadsheet stores a number typed without spaces as a number: the leading zero goes."""
        if opts.get("sheet_phone") and p.isdigit() and p.startswith("0") and rng.random() < 0.7:
            notes.setdefault("leading_zero_dropped", []).append(p)
            return p[1:]
        return p

    def tf(key, label, value, kind="text", blankable=True, fillable=True, required=False, hint=None):
        """A text field; may come out blank or with a filler (both null in the record)."""
        f = Fld(key, label, kind, shown=value, required=required, hint=hint)
        if value is None:
            f.shown = ""
            return f, None
        if blankable and key not in keep and rng.random() < opts.get("p_blank", 0.07):
            f.shown = ""
            notes["blanks"].append(key)
            return f, None
        if fillable and key not in keep and rng.random() < opts.get("p_filler", 0.04):
            f.filler = rng.choice(FILLERS)
            f.shown = f.filler
            notes["fillers"][key] = f.filler
            return f, None
        return f, value

    def df(key, label, d, style, blankable=True, hint=None):
        f = Fld(key, label, "date", date=d, hint=hint)
        if d is None:
            f.shown = ""
            return f, None
        if blankable and key not in keep and rng.random() < opts.get("p_blank", 0.07) * 0.6:
            f.shown = ""
            notes["blanks"].append(key)
            return f, None
        f.shown = fmt_date(d, style)
        return f, d.isoformat()

    yn_words = S["yn"]
    keep = set(opts.get("keep", ()))

    def ynf(key, label, value, third_ok=False, hint=None):
        """value True/False/None ; None -> third option (if offered and chosen) or nothing chosen."""
        opts_ = [(yn_words[0], True), (yn_words[1], False)]
        if len(yn_words) > 2:
            opts_.append((yn_words[2], None))
        f = Fld(key, label, "yn", options=opts_, hint=hint)
        if value is True:
            f.shown = 0
        elif value is False:
            f.shown = 1
        else:
            if third_ok and len(opts_) > 2 and rng.random() < 0.6:
                f.shown = 2
                notes["third_option"].append(key)
            else:
                f.shown = None
                notes["blanks"].append(key)
        return f, value

    sections: list[Section] = []
    rec = {"form": "referral"}

    # ---- referrer
    sec = Section("referrer", S["sec_titles"]["referrer"])
    ref_email = email_for(rng, rf, rl, S["domain"])
    f, v_name = tf("referrer.name", L["ref_name"], f"{rf} {rl}", blankable=False, fillable=False, required=True)
    sec.fields.append(f)
    f, v_role = tf("referrer.role", L["ref_role"], rng.choice(S["ref_roles"]))
    sec.fields.append(f)
    f, v_agency = tf("referrer.agency", L["ref_agency"], ref_agency)
    sec.fields.append(f)
    f, v_email = tf("referrer.email", L["ref_email"], ref_email, fillable=False, hint=S.get("email_hint"))
    sec.fields.append(f)
    ref_phone_shown = sheetify(vary_phone(rng, ref_phone))
    f, v_phone = tf("referrer.phone", L["ref_phone"], ref_phone_shown, fillable=False, hint=S.get("phone_hint"))
    sec.fields.append(f)
    f, v_date = df("date_of_referral", L["date_ref"], R, style_main, hint=S.get("date_hint"))
    sec.fields.append(f)
    sections.append(sec)
    rec["date_of_referral"] = v_date
    rec["referrer"] = {"name": v_name, "role": v_role, "agency": v_agency,
                       "email": v_email.lower() if v_email else None,
                       "phone": phone_digits(v_phone) if v_phone else None}

    # ---- safeguarding lead
    sec = Section("lead", S["sec_titles"]["lead"])
    lead_email = email_for(rng, lf, ll, S["domain"])
    f, l_name = tf("safeguarding_lead.name", L["lead_name"], f"{lf} {ll}", fillable=False)
    sec.fields.append(f)
    f, l_role = tf("safeguarding_lead.role", L["lead_role"], rng.choice(S["lead_roles"]))
    sec.fields.append(f)
    f, l_agency = tf("safeguarding_lead.agency", L["lead_agency"], lead_agency)
    sec.fields.append(f)
    f, l_email = tf("safeguarding_lead.email", L["lead_email"], lead_email, fillable=False)
    sec.fields.append(f)
    f, l_phone = tf("safeguarding_lead.phone", L["lead_phone"], sheetify(vary_phone(rng, lead_phone)), fillable=False)
    sec.fields.append(f)
    disc_v = rng.choices([True, False, None], [0.8, 0.1, 0.1])[0]
    f, l_disc = ynf("safeguarding_lead.discussed", L["discussed"], disc_v, third_ok=False)
    sec.fields.append(f)
    sections.append(sec)
    rec["safeguarding_lead"] = {"name": l_name, "role": l_role, "agency": l_agency,
                                "email": l_email.lower() if l_email else None,
                                "phone": phone_digits(l_phone) if l_phone else None, "discussed": l_disc}

    # ---- children
    children = []
    area = S["area"]
    street = rng.choice(S["streets"])
    house = rng.randrange(2, 140)
    postcode = S["postcode"] + f" {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
    addr_lines = [f"{house} {street}", rng.choice(S["districts"]), S["town"], postcode]
    if rng.random() < 0.3:
        addr_lines = [f"Flat {rng.randrange(1, 24)}, {rng.choice(S['blocks'])}", f"{street}", S["town"], postcode]
    if rng.random() < 0.25:
        addr_lines = addr_lines[:1] + addr_lines[2:]
    age_lo, age_hi = story.get("ages", (0, 17))
    if itype == "care_leaver_death":
        age_lo, age_hi = 18, 23
    family = rng.choice(SURNAMES)
    eth = rng.choice(ETHNICITIES)
    for ci in range(nkids):
        sex = rng.choices(["female", "male", "other"], [0.48, 0.48, 0.04])[0]
        cf, cl = child_name(rng, used, sex)
        if ci > 0 or rng.random() < 0.15:
            cl = family if ci > 0 else cl
        if ci == 0:
            family = cl
        age = rng.randint(age_lo, age_hi) if ci == 0 else rng.randint(max(0, age_lo - 4), min(17, age_hi + 3))
        dob = add_days(R, -(age * 365 + rng.randrange(20, 340)))
        give_age = "age" in S["child_fields"] and rng.random() < opts.get("p_age", 0.12)
        c = {"first": cf, "last": cl, "sex": sex, "dob": dob, "age": age, "give_age": give_age}
        children.append(c)

    crecs = []
    for ci, c in enumerate(children):
        sec = Section("child", S["sec_titles"]["child"] if nkids == 1 else S["sec_titles"]["childn"].format(n=ci + 1), child=ci)
        cr = {}
        split = S.get("split_name")
        if split:
            fF = Fld("child.first", L["child_first"], "text", shown=c["first"], required=True)
            fL = Fld("child.last", L["child_last"], "text", shown=c["last"], required=True)
            if split == "last_first":
                sec.fields += [fL, fF]
            else:
                sec.fields += [fF, fL]
        else:
            sec.fields.append(Fld("child.name", L["child_name"], "text", shown=f"{c['first']} {c['last']}", required=True))
        cr["name"] = f"{c['first']} {c['last']}"
        cf = S["child_fields"]
        if "other_names" in cf:
            val = None
            if rng.random() < 0.45:
                val = rng.choice([c["first"][:3] if len(c["first"]) > 4 else c["first"] + "-" + rng.choice(["Jay", "Lou", "Bee"]),
                                  f"{c['first']} {rng.choice(SURNAMES)}", rng.choice(["Tee", "Kizzy", "Lil " + c["first"], "Bubs", "Zee"])])
            f, v = tf(f"child.other_names", L["other_names"], val)
            sec.fields.append(f)
            cr["other_names"] = v
        else:
            cr["other_names"] = None
        # dob / age
        if c["give_age"]:
            f = Fld("child.dob", L["dob"], "date", shown="")
            sec.fields.append(f)
            age_txt = rng.choice([str(c["age"]), f"about {c['age']}", f"{c['age']} years", f"approx. {c['age']}",
                                  f"{c['age']} yrs", f"{c['age']} (estimated)"])
            if c["age"] == 0:
                age_txt = rng.choice(["5 months", "about 7 months", "11 weeks", "3 months old", "approx. 9 months"])
            elif c["age"] == 1:
                age_txt = rng.choice(["14 months", "about 18 months", "1 year", "20 months"])
            f = Fld("child.age", L["age"], "text", shown=age_txt)
            sec.fields.append(f)
            cr["dob"], cr["age"] = None, age_txt
            notes["ages"].append(f"child{ci + 1}={age_txt}")
        else:
            f, v = df("child.dob", L["dob"], c["dob"], style_dob, blankable=False, hint=S.get("dob_hint"))
            sec.fields.append(f)
            cr["dob"] = v
            if "age" in cf:
                sec.fields.append(Fld("child.age", L["age"], "text", shown=""))
            cr["age"] = None
        # gender
        gopts = S["gender"]
        canon = {o[1]: i for i, o in enumerate(gopts)}
        gi = canon.get(c["sex"])
        if gi is None:
            gi = canon.get("other")
        gf = Fld("child.gender", L["gender"], "gender", shown=gi, options=gopts)
        if rng.random() < 0.04:
            gf.shown = None
            notes["blanks"].append("child.gender")
        sec.fields.append(gf)
        cr["gender"] = gopts[gf.shown][1] if gf.shown is not None else None
        if "ethnicity" in cf:
            f, v = tf("child.ethnicity", L["ethnicity"], eth)
            sec.fields.append(f)
            cr["ethnicity"] = v
        else:
            cr["ethnicity"] = None
        # address
        f = Fld("child.address", L["address"], "addr", shown=list(addr_lines))
        sec.fields.append(f)
        cr["address"] = ", ".join(f.shown)
        if "school" in cf:
            sch = rng.choice(S["schools"]) if c["age"] >= 3 else rng.choice(["Not yet at nursery", None])
            if c["age"] >= 17:
                sch = rng.choice(S.get("colleges", S["schools"]))
            f, v = tf("child.school", L["school"], sch)
            sec.fields.append(f)
            cr["school"] = v
        else:
            cr["school"] = None
        if "gp" in cf:
            f, v = tf("child.gp", L["gp"], rng.choice(S["gps"]))
            sec.fields.append(f)
            cr["gp"] = v
        else:
            cr["gp"] = None
        if "legal_status" in cf:
            ls = story["legal"] if (ci == 0 and story.get("legal")) else rng.choice(S["legal"])
            f, v = tf("child.legal_status", L["legal_status"], ls)
            sec.fields.append(f)
            cr["legal_status"] = v
        else:
            cr["legal_status"] = None
        lac_v = True if itype == "lac_death" and ci == 0 else rng.choices([False, True, None], [0.75, 0.1, 0.15])[0]
        if itype == "care_leaver_death" and ci == 0:
            lac_v = False
        cp_v = rng.choices([False, True, None], [0.55, 0.3, 0.15])[0]
        csc_v = True if (cp_v or lac_v) else rng.choices([False, True, None], [0.4, 0.4, 0.2])[0]
        for key, lab, val in (("cp_plan", L["cp_plan"], cp_v), ("open_to_csc", L["open_to_csc"], csc_v),
                              ("looked_after", L["looked_after"], lac_v)):
            f, v = ynf(f"child.{key}", lab, val, third_ok=(ci == 0))
            sec.fields.append(f)
            cr[key] = v
        if "disability" in cf:
            dis = rng.choice(S["disabilities"]) if rng.random() < 0.45 else None
            f, v = tf("child.disability", L["disability"], dis)
            sec.fields.append(f)
            cr["disability"] = v
        else:
            cr["disability"] = None
        dod = None
        if ci == 0 and itype in ("death", "lac_death", "care_leaver_death"):
            dod = inc_date
        if "date_of_death" in cf:
            f, v = df("child.date_of_death", L["date_of_death"], dod, style_dob, blankable=dod is not None)
            if dod is None and not opts.get("no_date_fillers") and rng.random() < 0.3:
                f.shown = rng.choice(["N/A", "n/a", "-", "Not applicable"])
                f.filler = f.shown
            sec.fields.append(f)
            cr["date_of_death"] = v
        else:
            cr["date_of_death"] = None
        sections.append(sec)
        crecs.append(cr)
    rec["children"] = [{k: cr.get(k) for k in ("name", "other_names", "dob", "age", "gender", "ethnicity", "address",
                                                 "school", "gp", "legal_status", "cp_plan", "open_to_csc",
                                                 "looked_after", "disability", "date_of_death")} for cr in crecs]

    # ---- incident
    c1 = children[0]
    names = {"c": c1["first"], "cs": c1["first"] + " " + c1["last"], "he": {"female": "she", "male": "he", "other": "they"}[c1["sex"]],
             "his": {"female": "her", "male": "his", "other": "their"}[c1["sex"]],
             "him": {"female": "her", "male": "him", "other": "them"}[c1["sex"]],
             "adult": rng.choice(story.get("adults", ["mum", "dad", "stepdad", "mum's partner"])),
             "place": rng.choice(story["places"]), "area": area,
             "c2": children[1]["first"] if nkids > 1 else "",
             "he2": "he",
             "age": str(c1["age"]) if c1["age"] > 0 else f"{rng.randint(2, 11)} months"}
    aw = names["adult"]
    names["he2"] = ("they" if any(w in aw for w in ("parents", "partner", "men", "males", "carer")) else
                    "she" if any(w in aw for w in ("mother", "mum", "nan", "stepmum")) else "he")
    sec = Section("incident", S["sec_titles"]["incident"])
    f, i_date = df("incident.date", L["inc_date"], inc_date, style_main)
    sec.fields.append(f)
    f, i_la = df("incident.date_la_aware", L["la_aware"], la_aware, style_main)
    sec.fields.append(f)
    f, i_loc = tf("incident.location", L["location"], fill(rng.choice(story["locations"]), **names))
    sec.fields.append(f)
    topts = S["itypes"]
    tidx = {o[1]: i for i, o in enumerate(topts)}
    tf_ = Fld("incident.type", L["itype"], "itype", shown=tidx[itype], options=topts)
    if itype == "other":
        spec = fill(story.get("other_spec", "other"), **names)
        tf_.spec = spec[0].lower() + spec[1:] if len(spec) > 1 and not spec[1].isupper() else spec
    if rng.random() < 0.05 and itype != "other":
        tf_.shown = None
        notes["blanks"].append("incident.type")
    sec.fields.append(tf_)
    paras = [fill(p, **names) for p in story["paras"]]
    if nkids > 1 and story.get("sib_para"):
        paras.insert(1, fill(story["sib_para"], **names))
    n_par = rng.randint(2, len(paras)) if len(paras) > 2 else len(paras)
    paras = paras[:n_par]
    sec.fields.append(Fld("incident.summary", L["summary"], "long", shown=paras))
    pol_v = story.get("police", True)
    if rng.random() < 0.12:
        pol_v = rng.choice([True, False, None])
    f, i_pol = ynf("incident.police_involved", L["police"], pol_v, third_ok=True)
    sec.fields.append(f)
    sections.append(sec)
    rec["incident"] = {"date": i_date, "date_la_aware": i_la, "location": i_loc,
                       "type": itype if tf_.shown is not None else None,
                       "summary": "\n\n".join(paras), "police_involved": i_pol}

    # ---- criteria
    sec = Section("criteria", S["sec_titles"]["criteria"])
    crit = {}
    dsh = True if itype in ("death", "serious_harm", "lac_death", "care_leaver_death") else rng.choice([True, None, False])
    abn = rng.choices([True, None, False], [0.75, 0.2, 0.05])[0]
    loc = rng.choices([True, False, None], [0.85, 0.05, 0.1])[0]
    mal = rng.choices([True, None, False], [0.8, 0.15, 0.05])[0]
    for key, lab, val in (("died_or_seriously_harmed", L["c_dsh"], dsh), ("abuse_or_neglect_suspected", L["c_abn"], abn),
                          ("local_connection", L["c_local"], loc), ("multi_agency_learning", L["c_learn"], mal)):
        f, v = ynf(f"criteria.{key}", fill(lab, area=area), val, third_ok=True)
        sec.fields.append(f)
        crit[key] = v
    reason = fill(story["reason"], **names)
    f, v = tf("criteria.reason", L["reason"], reason, kind="long", fillable=False)
    if f.shown:
        f.shown = [reason]
    else:
        f.shown = []
    sec.fields.append(f)
    crit["reason"] = v
    sections.append(sec)
    rec["criteria"] = crit

    # ---- panel
    sec = Section("panel", S["sec_titles"]["panel"])
    pn = rng.choices([True, False, None], [0.45, 0.35, 0.2])[0]
    f, pv = ynf("panel_notified", L["panel"], pn, third_ok=True)
    sec.fields.append(f)
    pdate = add_days(la_aware, rng.randint(1, 5)) if pn else None
    if pdate and pdate > R:
        pdate = R
    f, pdv = df("date_panel_notified", L["panel_date"], pdate, style_dob)
    if pdate is None and not opts.get("no_date_fillers") and rng.random() < 0.3:
        f.shown = rng.choice(["N/A", "-", "n/a"])
        f.filler = f.shown
    sec.fields.append(f)
    sections.append(sec)
    rec["panel_notified"] = pv
    rec["date_panel_notified"] = pdv

    # ---- agencies
    sec = Section("agencies", S["sec_titles"]["agencies"], headers=list(S["agency_headers"]))
    nag = opts.get("agencies", rng.choice([0, 1, 2, 2, 3, 3, 4]))
    pool = list(S["agency_pool"])
    rng.shuffle(pool)
    ag_rec = []
    for k in range(nag):
        agn, contact_kind = pool[k % len(pool)]
        nm = None
        if rng.random() < 0.72:
            a, b = person(rng, used)
            nm = rng.choice([f"{a} {b}", f"{a} {b}", f"{a[0]}. {b}"])
            if contact_kind == "sw":
                nm = nm
        if rng.random() < 0.5 or nm is None:
            contact = pick_phone(rng)
            if rng.random() < 0.3:
                contact = sheetify(contact.replace(" ", ""))
        else:
            a0 = nm.split()[0].strip(".").lower()
            dom = S["agency_domains"][{"h": 1, "s": 2, "p": 3}.get(contact_kind, 0)]
            contact = f"{a0}.{nm.split()[-1].lower()}@{dom}"
        fill_agency = fill(agn, area=area, town=S["town"])
        sec.rows.append((nm, fill_agency, contact))
        ag_rec.append({"name": nm, "agency": fill_agency, "contact": contact})
    sections.append(sec)
    rec["agencies_involved"] = ag_rec

    # ---- concerns
    sec = Section("concerns", S["sec_titles"]["concerns"])
    conc = fill(rng.choice(story["concerns"]), **names)
    f, cv = tf("immediate_concerns", L["concerns"], conc, kind="long")
    f.shown = [conc] if f.shown and not f.filler else ([f.filler] if f.filler else [])
    sec.fields.append(f)
    sections.append(sec)
    rec["immediate_concerns"] = cv

    # ---- decoys
    sec = Section("decoys", S["sec_titles"]["decoys"])
    for lab, gen in S["decoys"]:
        val = gen(rng, R, inc_date, style_main)
        sec.fields.append(Fld("decoy", lab, "text", shown=val))
        notes["decoys"].append(f"{lab}={val}")
    sections.append(sec)

    # ---- furniture
    version = f"{rng.randint(1, 4)}.{rng.randint(0, 9)}"
    review = add_days(R, -rng.randrange(200, 700))
    footer = f"{S['form_ref']} - version {version} - reviewed {fmt_date(review, style_main)}"
    example = fmt_date(dt.date(2015, 1, 1), style_main)
    guidance = fill(S["guidance"], p_email=S["p_email"], p_phone=S["p_phone"], example=example,
                    partnership=S["partnership"])
    notes["children"] = nkids
    notes["agencies"] = nag
    notes["itype"] = itype
    return Case(sender=S, sections=sections, record=rec, notes=notes, style_main=style_main, style_dob=style_dob,
                title=S["form_title"], form_ref=S["form_ref"], marking=rng.choice(S["markings"]),
                guidance=guidance, footer=footer, referral_date=R, rng=rng,
                extras={"inc_date": inc_date, "la_aware": la_aware, "family": family,
                        "child_first": [c["first"] for c in children], "ref_first": rf, "ref_last": rl,
                        "lead_first": lf, "lead_last": ll, "names": names})


# ---------------------------------------------------------------- display helpers for renderers

def choice_word(f: Fld):
    """The chosen option's word, or None."""
    if f.shown is None:
        return None
    w = f.options[f.shown][0]
    if f.kind == "itype" and f.options[f.shown][1] == "other" and f.spec:
        return w
    return w


def itype_text(f: Fld, sep=" - "):
    """Incident type as typed in a free-text box."""
    if f.shown is None:
        return ""
    w, canon = f.options[f.shown]
    if canon == "other" and f.spec:
        base = w.replace(" (please specify)", "").replace(" (please state)", "")
        return f"{base}{sep}{f.spec}"
    return w


def text_of(f: Fld) -> str:
    if f.kind in ("long", "addr"):
        return "\n".join(f.shown or [])
    if f.kind in ("yn", "gender"):
        return choice_word(f) or ""
    if f.kind == "itype":
        return itype_text(f)
    return f.shown or ""
