"""Cases, date styles, the layout-independent form spec and the truth record built from it.

One function, build_form(), draws everything for one form from its random.Random and returns a Spec: ordered
sections of Items (a text answer or a choice), the children's sections, the agencies table, and the record. The
record is written from the same Items the layouts render, so what a form shows and what its truth says cannot drift.
"""

from __future__ import annotations

import datetime as dt
import re

import p27_data as D
import p27_text as T

MONTHS = T.MONTHS
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d: dt.date, style: str) -> str:
    y, m, day = d.year, d.month, d.day
    return {
        "dd/mm/yyyy": f"{day:02d}/{m:02d}/{y}",
        "d/m/yyyy": f"{day}/{m}/{y}",
        "dd Month yyyy": f"{day:02d} {MONTHS[m - 1]} {y}",
        "d Month yyyy": f"{day} {MONTHS[m - 1]} {y}",
        "dd-mm-yyyy": f"{day:02d}-{m:02d}-{y}",
        "Day d Month yyyy": f"{WEEKDAYS[d.weekday()]} {day} {MONTHS[m - 1]} {y}",
        "dth Mon yyyy": f"{ordinal(day)} {MON3[m - 1]} {y}",
        "d Mon yyyy": f"{day} {MON3[m - 1]} {y}",
        "dd Mon yyyy": f"{day:02d} {MON3[m - 1]} {y}",
        "d.m.yy": f"{day}.{m}.{y % 100:02d}",
        "d.m.yyyy": f"{day}.{m}.{y}",
        "dd.mm.yyyy": f"{day:02d}.{m:02d}.{y}",
        "iso": d.isoformat(),
    }[style]


ALL_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "dd Month yyyy", "d Month yyyy", "dd-mm-yyyy", "Day d Month yyyy",
              "dth Mon yyyy", "d Mon yyyy", "dd Mon yyyy", "d.m.yy", "d.m.yyyy", "dd.mm.yyyy", "iso"]
ALT_STYLES = ["dd/mm/yyyy", "d Month yyyy", "d/m/yyyy"]
# Word date-picker formats (w:dateFormat) and Acrobat AFDate formats for each style; a style the tool cannot
# show is replaced by the nearest one it can (noted in the README).
WORD_DATE = {"dd/mm/yyyy": ("dd/MM/yyyy", "dd/mm/yyyy"), "d/m/yyyy": ("d/M/yyyy", "d/m/yyyy"),
             "dd Month yyyy": ("dd MMMM yyyy", "dd Month yyyy"), "d Month yyyy": ("d MMMM yyyy", "d Month yyyy"),
             "dd-mm-yyyy": ("dd-MM-yyyy", "dd-mm-yyyy"), "Day d Month yyyy": ("dddd d MMMM yyyy", "Day d Month yyyy"),
             "dth Mon yyyy": ("d MMM yyyy", "d Mon yyyy"), "dd Mon yyyy": ("dd MMM yyyy", "dd Mon yyyy"),
             "d.m.yy": ("d.M.yy", "d.m.yy"), "d.m.yyyy": ("d.M.yyyy", "d.m.yyyy")}
ACRO_DATE = {"dd/mm/yyyy": ("dd/mm/yyyy", "dd/mm/yyyy"), "d/m/yyyy": ("d/m/yyyy", "d/m/yyyy"),
             "dd Month yyyy": ("dd mmmm yyyy", "dd Month yyyy"), "d Month yyyy": ("d mmmm yyyy", "d Month yyyy"),
             "dd-mm-yyyy": ("dd-mm-yyyy", "dd-mm-yyyy"), "Day d Month yyyy": ("d mmmm yyyy", "d Month yyyy"),
             "dth Mon yyyy": ("d mmm yyyy", "d Mon yyyy"), "dd Mon yyyy": ("dd mmm yyyy", "dd Mon yyyy"),
             "d.m.yy": ("d.m.yy", "d.m.yy"), "d.m.yyyy": ("d.m.yyyy", "d.m.yyyy")}

FILLERS = ["N/A", "n/a", "-", "Not applicable"]


class Item:
    """One question on the form.

    kind 'text': lines (address lines or paragraphs; [] = left blank), tkind in short/date/address/long/email/phone,
    date and style for dates. kind 'choice': options, chosen (index or None), ckind yn/gender/itype.
    key: record path ('referrer.name', 'children.0.dob', 'incident.type') or None (decoy / not in the record).
    """

    def __init__(self, lkey, label, kind="text", key=None, lines=None, tkind="short", date=None, style=None,
                 options=None, chosen=None, ckind=None, value=None, filler=None, decoy=False, field=None):
        self.lkey, self.label, self.kind, self.key = lkey, label, kind, key
        self.lines = list(lines or [])
        self.tkind, self.date, self.style = tkind, date, style
        self.options, self.chosen, self.ckind = options, chosen, ckind
        self.value, self.filler, self.decoy = value, filler, decoy
        self.field = field or lkey  # generic field name (children tables, field names)
        self.base = style

    @property
    def blank(self):
        return self.kind == "text" and not self.lines

    def shown(self, style=None):
        """Lines as shown, with dates re-rendered in another style if a layout needs it."""
        if self.kind == "text" and self.tkind == "date" and self.date is not None and style:
            return [fmt_date(self.date, style)]
        return self.lines

    def chosen_text(self):
        return None if self.chosen is None else self.options[self.chosen]


class Section:
    def __init__(self, sid, title, items, kind="plain", child=None, number=None):
        self.sid, self.title, self.items, self.kind, self.child, self.number = sid, title, items, kind, child, number
        self.cols, self.rows = None, None  # agencies


class Spec:
    pass


def empty_record():
    person = {"name": None, "role": None, "agency": None, "email": None, "phone": None}
    return {"form": "referral", "date_of_referral": None, "referrer": dict(person),
            "safeguarding_lead": dict(person, discussed=None), "children": [],
            "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                         "police_involved": None},
            "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                         "multi_agency_learning": None, "reason": None},
            "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}


def empty_child():
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}


def set_path(rec, path, value):
    parts = path.split(".")
    cur = rec
    for p in parts[:-1]:
        cur = cur[int(p)] if p.isdigit() else cur[p]
    cur[parts[-1]] = value


def digits(phone: str) -> str:
    s = phone.strip()
    return ("+" if s.startswith("+") else "") + re.sub(r"\D", "", s)


# ----------------------------------------------------------------------------------------------------------------
# invented values

RESERVED_DIGITS = {"01134960999", "01134960750", "01632960218", "01144960371", "01154960533", "01164960190",
                   "01174960862"}  # guidance / partnership numbers: never an answer


def phone(rng, mobile=None):
    while True:
        p = _phone(rng, mobile)
        if re.sub(r"\D", "", p).lstrip("44") not in RESERVED_DIGITS and re.sub(r"\D", "", p) not in RESERVED_DIGITS:
            return p


def _phone(rng, mobile=None):
    if mobile is None:
        mobile = rng.random() < 0.3
    if mobile:
        n = f"{rng.randrange(1000):03d}"
        return rng.choice([f"07700 900{n}", f"07700900{n}", f"+44 7700 900{n}", f"07700 900 {n}"])
    code, mid, _ = rng.choice(D.PHONE_RANGES)
    if code == "01632":
        n = f"{rng.randrange(1000):03d}"
        return rng.choice([f"01632 960{n}", f"(01632) 960{n}", f"01632 960 {n}"])
    n = f"{rng.randrange(1000):03d}"
    if code == "020":
        return rng.choice([f"020 7946 0{n}", f"0207 946 0{n}"])
    return rng.choice([f"{code} {mid} 0{n}", f"{code} {mid}0{n}", f"({code}) {mid} 0{n}"])


def email_for(name, domain, style, rng):
    parts = re.sub(r"^(Dr|PC|PS|DC|DS|Insp\.|Sgt|Sr|Mr|Mrs|Ms|Miss)\s+", "", name).split()
    first, last = parts[0], re.sub(r"[^A-Za-z-]", "", parts[-1])
    first_l = re.sub(r"[^A-Za-z]", "", first)
    if style == "first":
        local = first_l
    elif style == "initial.last":
        local = f"{first_l[0]}.{last}"
    elif style == "first.last_nhs":
        local = f"{first_l}.{last}{rng.choice(['', '', '1', '2'])}"
    else:
        local = f"{first_l}.{last}"
    addr = f"{local}@{domain}"
    if rng.random() < 0.3:
        return addr  # typed with capitals as the name
    return addr.lower()


def adult(rng, female=None):
    if female is None:
        female = rng.random() < 0.6
    return f"{rng.choice(D.ADULT_F if female else D.ADULT_M)} {rng.choice(D.SURNAMES)}"


def address_lines(rng, place):
    P = D.PLACES[place]
    town = rng.choice(P["towns"])
    street = rng.choice(D.STREETS)
    if rng.random() < 0.25:
        first = rng.choice(D.FLATS).format(n=rng.randint(1, 48), b=rng.choice(D.BUILDINGS))
        lines = [first, f"{rng.randint(1, 140)} {street}" if "Flat" in first and rng.random() < 0.4 else street]
    else:
        lines = [f"{rng.randint(1, 188)} {street}"]
    district = rng.choice(P["districts"])
    pc = f"{rng.choice(P['pc'])}{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
    lines += [town, pc]
    return lines, town, street


def school_name(rng, place, age):
    P = D.PLACES[place]
    town = rng.choice(P["towns"])
    if age < 3:
        return rng.choice([f"Little Acorns Nursery, {town}", f"{town} Children's Centre nursery",
                           "Childminder (Mrs J. Bamford)", f"Rainbow Day Nursery, {town}"])
    if age < 5:
        return rng.choice([f"{town} Nursery School", f"Busy Bees Pre-school, {town}", f"St Anne's CE Primary (nursery)"])
    if age < 11:
        return rng.choice([f"{town} Primary School", f"St Joseph's Catholic Primary, {town}", f"{town} Academy (primary)",
                           f"Holy Trinity CE Primary"])
    if age < 16:
        return rng.choice([f"{town} Academy", f"{town} High School", f"St Aidan's Catholic College", f"{town} Secondary School"])
    return rng.choice([f"{town} College", f"{town} Sixth Form", "Not in education", f"{town} College of Further Education"])


def gp_name(rng, place):
    town = rng.choice(D.PLACES[place]["towns"])
    return rng.choice([f"{town} Medical Centre", f"The {rng.choice(['Beck', 'Mill', 'Park', 'Green'])} Surgery, {town}",
                       f"Dr {rng.choice(D.SURNAMES)} and Partners", f"{town} Health Centre",
                       f"{rng.choice(D.STREETS).split()[0]} Lane Practice"])


AGENCY_KINDS = [
    ("{Town} Children's Social Care (Assessment Team)", "Social Worker"),
    ("Health Visiting Team ({Town})", "Health Visitor"),
    ("{Police} - Public Protection Unit", "Detective Constable"),
    ("{School}", "Designated Safeguarding Lead"),
    ("CAMHS", "Mental Health Practitioner"),
    ("{GP}", "GP"),
    ("Early Help Hub", "Family Practitioner"),
    ("Youth Justice Service", "Case Manager"),
    ("Housing Options", "Housing Officer"),
    ("Community Paediatrics", "Consultant Paediatrician"),
    ("Adult Community Mental Health Team", "Care Coordinator"),
    ("Drug and Alcohol Service", "Recovery Worker"),
    ("Midwifery Service", "Community Midwife"),
    ("School Nursing Service", "School Nurse"),
    ("Independent Domestic Violence Advisory Service", "IDVA"),
]
POLICE_OF = {"corvedge": "Corvedge Police", "thornmere": "Thornmere Constabulary", "stainby": "Norbury and Stainby Police",
             "brenley": "Brenley Police", "ketterby": "Ketterby Police", "sallowmere": "Sallowmere Police"}


# ----------------------------------------------------------------------------------------------------------------

def build_form(S, plan, rng, layout):
    """Draw one case for sender S (dict from p27_senders) and build its Spec and record."""
    L = S["labels"]
    asked = lambda k: k in L and k not in S["not_asked"]
    place = S["place"]
    notes = {"sender": S["key"], "date_style": S["date_style"], "dob_style": S["dob_style"], "blanks": [],
             "fillers": [], "third_option": [], "decoys": [], "alt_dates": [], "ages": [], "not_asked": list(S["not_asked"]),
             "emails_typed_with_capitals": 0}
    rec = empty_record()
    spec = Spec()
    spec.S, spec.notes, spec.record = S, notes, rec

    # ---- dates
    ref_date = dt.date(2025, 11, 3) + dt.timedelta(days=rng.randrange(0, 130))
    inc_date = ref_date - dt.timedelta(days=rng.randint(2, 24))
    la_date = inc_date + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    if la_date > ref_date:
        la_date = ref_date
    spec.ref_date = ref_date

    def date_item(lkey, key, d, style, blank_p=0.0, field=None):
        if not asked(lkey):
            return None
        if d is None or rng.random() < blank_p:
            if d is not None:
                notes["blanks"].append(lkey if field is None else field)
            return Item(lkey, L[lkey], key=key, tkind="date", field=field)
        st = style
        if style == S["date_style"] and rng.random() < 1 / 7:
            st = rng.choice([s for s in ALT_STYLES if s != style])
            notes["alt_dates"].append(f"{field or lkey}={st}")
        it = Item(lkey, L[lkey], key=key, lines=[fmt_date(d, st)], tkind="date", date=d, style=st, value=d.isoformat(),
                  field=field)
        it.base = style  # the style the form's designer set for this question (date pickers, format actions)
        return it

    def text_item(lkey, key, value, tkind="short", blank_p=0.0, filler_p=0.0, field=None, lines=None):
        if not asked(lkey):
            return None
        lines = lines if lines is not None else ([value] if value else [])
        if lines and rng.random() < blank_p:
            notes["blanks"].append(field or lkey)
            return Item(lkey, L[lkey], key=key, tkind=tkind, field=field)
        if lines and rng.random() < filler_p:
            f = rng.choice(FILLERS)
            notes["fillers"].append(f"{field or lkey}={f}")
            return Item(lkey, L[lkey], key=key, lines=[f], tkind=tkind, filler=f, field=field)
        if not lines:
            return Item(lkey, L[lkey], key=key, tkind=tkind, field=field)
        if tkind == "phone":
            v = digits(lines[0])
        elif tkind == "email":
            v = lines[0].lower()
            if lines[0] != v:
                notes["emails_typed_with_capitals"] += 1
        elif tkind == "address":
            v = ", ".join(lines)
        elif tkind == "long":
            v = "\n\n".join(" ".join(p.split()) for p in lines)
        else:
            v = lines[0]
        return Item(lkey, L[lkey], key=key, lines=lines, tkind=tkind, value=v, field=field)

    yn_words = S["yn"]

    def yn_item(lkey, key, p_yes=0.7, p_third=0.1, p_blank=0.05, field=None):
        if not asked(lkey):
            return None
        r = rng.random()
        if r < p_blank:
            chosen, val = None, None
            notes["blanks"].append(field or lkey)
        elif r < p_blank + p_third and len(yn_words) > 2:
            chosen, val = 2, None
            notes["third_option"].append(field or lkey)
        elif rng.random() < p_yes:
            chosen, val = 0, True
        else:
            chosen, val = 1, False
        return Item(lkey, L[lkey], kind="choice", key=key, options=list(yn_words), chosen=chosen, ckind="yn", value=val,
                    field=field)

    # ---- referrer and lead
    police = S.get("police")
    if police:
        rname = f"{rng.choice(['PC', 'PC', 'PC', 'DC'])} {rng.choice(D.ADULT_F + D.ADULT_M)} {rng.choice(D.SURNAMES).upper() if rng.random() < 0.6 else rng.choice(D.SURNAMES)}"
        lname = f"{rng.choice(['PS', 'PS', 'Sgt', 'Insp.'])} {adult(rng)}"
    elif S["register"] == "nhs" and rng.random() < 0.4:
        rname = f"Dr {adult(rng)}"
        lname = adult(rng) if rng.random() < 0.6 else f"Dr {adult(rng)}"
    else:
        rname, lname = adult(rng), adult(rng)
    spec.ref_name = rname
    rrole = rng.choice(S["roles"])
    if police and rname.startswith("DC"):
        rrole = "Detective Constable, Safer Schools"
    ragency = rng.choice(S["ref_agency"])
    remail = email_for(rname, S["email_domain"], S["email_style"], rng)
    rphone = phone(rng, mobile=police and rng.random() < 0.5)
    lrole, lagency = rng.choice(S["lead_roles"]), rng.choice(S["lead_agency"])
    if S["key"] == "ketterby_ed":
        lrole = "Named Doctor Safeguarding Children" if lname.startswith("Dr") else rng.choice(
            ["Named Nurse Safeguarding Children", "Named Midwife"])
    if police:
        lrole = "Inspector, Youth Engagement" if lname.startswith("Insp.") else rng.choice(
            ["Sergeant, Safer Schools Partnership", "Neighbourhood Sergeant", "Sergeant, Youth Engagement"])
    lemail = email_for(lname, S["email_domain"], S["email_style"], rng)
    lphone = phone(rng)

    ref_items = [
        date_item("date_of_referral", "date_of_referral", ref_date, S["date_style"], blank_p=0.04),
        text_item("ref_name", "referrer.name", rname),
        text_item("ref_role", "referrer.role", rrole, blank_p=0.05),
        text_item("ref_agency", "referrer.agency", ragency, blank_p=0.04),
        text_item("ref_email", "referrer.email", remail, tkind="email", blank_p=0.06),
        text_item("ref_phone", "referrer.phone", rphone, tkind="phone", blank_p=0.06),
    ]
    lead_items = [
        text_item("lead_name", "safeguarding_lead.name", lname, blank_p=0.03),
        text_item("lead_role", "safeguarding_lead.role", lrole, blank_p=0.08),
        text_item("lead_agency", "safeguarding_lead.agency", lagency, blank_p=0.12, filler_p=0.03),
        text_item("lead_email", "safeguarding_lead.email", lemail, tkind="email", blank_p=0.15),
        text_item("lead_phone", "safeguarding_lead.phone", lphone, tkind="phone", blank_p=0.2),
        yn_item("lead_discussed", "safeguarding_lead.discussed", p_yes=0.88, p_third=0.04, p_blank=0.06),
    ]

    # ---- children
    itype = plan["itype"]
    nkids = plan["children"]
    lo, hi = S["ages"]
    ages = []
    if itype == "care_leaver_death":
        ages.append(rng.randint(18, 23))
    else:
        ages.append(rng.randint(lo, hi))
    for _ in range(nkids - 1):
        a = rng.randint(0, 15)
        while a in ages:
            a = rng.randint(0, 16)
        ages.append(a)
    family_sur = rng.choice(D.SURNAMES)
    addr, town, street = address_lines(rng, place)
    mother = f"{rng.choice(D.ADULT_F)} {family_sur if rng.random() < 0.6 else rng.choice(D.SURNAMES)}"
    kids = []
    used_first = set()
    for i, age in enumerate(ages):
        g = rng.random()
        sex = "female" if g < 0.48 else "male"
        pool = D.GIRLS if sex == "female" else D.BOYS
        fore = rng.choice([x for x in pool if x not in used_first])
        used_first.add(fore)
        if S["key"] in ("corvedge_cwd", "quenby_mat") and age >= 11 and rng.random() < 0.2:
            sex = "other"
        sur = family_sur if (i == 0 or rng.random() < 0.75) else rng.choice(D.SURNAMES)
        if S["key"] == "thornmere_ssp" and rng.random() < 0.45:
            sur_shown = sur.upper()
        elif S["key"] == "ketterby_ed" and rng.random() < 0.25:
            sur_shown = sur.upper()
        else:
            sur_shown = sur
        # date of birth: age at the incident date
        birthday = inc_date - dt.timedelta(days=age * 365 + rng.randint(15, 350))
        school = school_name(rng, place, age) if age < 18 else "Not in education"
        kids.append(dict(fore=fore, sur=sur_shown, sex=sex, age=age, dob=birthday, school=school))
    spec.kids = kids

    # age instead of DOB for one child (plan)
    age_child = plan.get("age_child")
    has_age = asked("c_age")
    death_types = ("death", "lac_death", "care_leaver_death")

    child_sections = []
    for i, k in enumerate(kids):
        rec_child = empty_child()
        rec["children"].append(rec_child)
        p = f"children.{i}"
        items = []
        # names
        if S["name_order"] == "single":
            items.append(text_item("c_name", None, f"{k['fore']} {k['sur']}", field="name"))
            items[-1].key = f"{p}.name"
        else:
            fi = Item("c_fore", L["c_fore"], key=None, lines=[k["fore"]], field="forename")
            si = Item("c_sur", L["c_sur"], key=None, lines=[k["sur"]], field="surname")
            items += [si, fi] if S["name_order"] == "sur_first" else [fi, si]
            rec_child["name"] = f"{k['fore']} {k['sur']}"
        # other names
        if asked("c_other"):
            r = rng.random()
            nick = D.NICK.get(k["fore"])
            if r < 0.3 and nick:
                v = rng.choice(["Known as {n}", "{n}", "{n} (at school)"]).format(n=nick)
                items.append(text_item("c_other", f"{p}.other_names", v, field="other_names"))
            elif r < 0.3:
                prev = rng.choice([x for x in D.SURNAMES if x != k["sur"]])
                v = rng.choice([f"{k['fore']} {prev} (previous surname)", f"{k['fore']} {prev}", f"Previously known as {k['fore']} {prev}"])
                items.append(text_item("c_other", f"{p}.other_names", v, field="other_names"))
            elif r < 0.5:
                it = Item("c_other", L["c_other"], key=f"{p}.other_names", lines=[rng.choice(FILLERS)], field="other_names")
                it.filler = it.lines[0]
                notes["fillers"].append(f"c_other[{i}]={it.lines[0]}")
                items.append(it)
            else:
                items.append(Item("c_other", L["c_other"], key=f"{p}.other_names", field="other_names"))
        # dob / age
        give_age = has_age and age_child == i
        if give_age:
            a = k["age"]
            if a == 0:
                age_txt = rng.choice(["7 months", "about 10 months", "5 months"])
            elif a == 1:
                age_txt = rng.choice(["1", "14 months", "about 1", "1 year"])
            else:
                age_txt = rng.choice([f"{a}", f"{a} years", f"about {a}", f"{a} (approx.)", f"{a} yrs"])
            notes["ages"].append(age_txt)
            items.append(Item("c_dob", L["c_dob"], key=f"{p}.dob", tkind="date", field="dob"))
            items.append(Item("c_age", L["c_age"], key=f"{p}.age", lines=[age_txt], value=age_txt, field="age"))
        else:
            it = date_item("c_dob", f"{p}.dob", k["dob"], S["dob_style"], field="dob")
            if it:
                items.append(it)
            if has_age:
                r = rng.random()
                if r < 0.25:
                    f = rng.choice(["-", "N/A", "n/a"])
                    it = Item("c_age", L["c_age"], key=f"{p}.age", lines=[f], filler=f, field="age")
                    notes["fillers"].append(f"c_age[{i}]={f}")
                else:
                    it = Item("c_age", L["c_age"], key=f"{p}.age", field="age")
                items.append(it)
        # gender
        gi = None
        if asked("c_gender"):
            vals = S["gender_vals"]
            if rng.random() < 0.03:
                chosen, val = None, None
                notes["blanks"].append(f"c_gender[{i}]")
            else:
                chosen = vals.index(k["sex"]) if k["sex"] in vals else vals.index("female")
                val = vals[chosen]
            gi = Item("c_gender", L["c_gender"], kind="choice", key=f"{p}.gender", options=list(S["gender"]),
                      chosen=chosen, ckind="gender", value=val, field="gender")
            items.append(gi)
        # ethnicity
        if asked("c_eth"):
            eth = rng.choice(D.DFE_ETHNICITY if S["key"] == "quenby_mat" else D.ETHNICITIES)
            if i > 0 and rng.random() < 0.7:
                eth = kids[0].get("eth", eth)
            k["eth"] = eth
            items.append(text_item("c_eth", f"{p}.ethnicity", eth, blank_p=0.06, filler_p=0.02, field="ethnicity"))
        # address
        if asked("c_addr"):
            items.append(text_item("c_addr", f"{p}.address", None, tkind="address", blank_p=0.03, lines=list(addr),
                                   field="address"))
        # school
        if asked("c_school"):
            if k["age"] >= 18:
                items.append(text_item("c_school", f"{p}.school", None, filler_p=1.0, lines=["x"], field="school"))
            else:
                sch = k["school"]
                if S["key"] == "quenby_mat" and i == 0 and "Academy" in ragency:
                    sch = k["school"] = ragency
                items.append(text_item("c_school", f"{p}.school", sch, blank_p=0.07, filler_p=0.05, field="school"))
        if asked("c_gp"):
            items.append(text_item("c_gp", f"{p}.gp", gp_name(rng, place), blank_p=0.1, filler_p=0.02, field="gp"))
        if asked("c_legal"):
            leg = rng.choice(D.LEGAL)
            if itype == "lac_death" and i == 0:
                leg = rng.choice(["Full care order (s31)", "Accommodated under s20", "Interim care order (s38)"])
            if k["age"] >= 18:
                leg = rng.choice(["Care leaver (former relevant child)", "Care leaver - left care at 18", "None (care leaver)"])
            items.append(text_item("c_legal", f"{p}.legal_status", leg, blank_p=0.1, filler_p=0.05, field="legal_status"))
        items.append(yn_item("c_cp", f"{p}.cp_plan", p_yes=0.35, p_third=0.1, field="cp_plan"))
        items.append(yn_item("c_csc", f"{p}.open_to_csc", p_yes=0.85 if S["key"] == "corvedge_cwd" else 0.5,
                             p_third=0.08, field="open_to_csc"))
        lac = yn_item("c_lac", f"{p}.looked_after", p_yes=0.1, p_third=0.05, field="looked_after")
        if lac and itype == "lac_death" and i == 0 and lac.chosen != 0:
            for lst in (notes["third_option"], notes["blanks"]):
                if "looked_after" in lst:
                    lst.remove("looked_after")
            lac.chosen, lac.value = 0, True
        if lac and k["age"] >= 18 and lac.chosen == 0:
            lac.chosen, lac.value = 1, False
        items.append(lac)
        if asked("c_dis"):
            if S["key"] == "corvedge_cwd" and i == 0:
                dis = rng.choice(D.DISABILITIES[:11])
                items.append(text_item("c_dis", f"{p}.disability", dis, field="disability"))
            else:
                r = rng.random()
                if r < 0.35:
                    items.append(text_item("c_dis", f"{p}.disability", rng.choice(D.DISABILITIES), field="disability"))
                elif r < 0.45:
                    items.append(text_item("c_dis", f"{p}.disability", rng.choice(D.NONE_DIS), field="disability"))
                elif r < 0.62:
                    items.append(text_item("c_dis", f"{p}.disability", "x", filler_p=1.0, field="disability"))
                else:
                    items.append(Item("c_dis", L["c_dis"], key=f"{p}.disability", field="disability"))
        if asked("c_dod"):
            if itype in death_types and i == 0:
                dod = inc_date
                items.append(date_item("c_dod", f"{p}.date_of_death", dod, S["dob_style"], field="date_of_death"))
            elif rng.random() < 0.35:
                items.append(text_item("c_dod", f"{p}.date_of_death", "x", filler_p=1.0, field="date_of_death"))
            else:
                items.append(Item("c_dod", L["c_dod"], key=f"{p}.date_of_death", tkind="date", field="date_of_death"))
        # per-child decoys
        for dcy in S["decoys"]:
            if dcy["sec"] == "child":
                items.append(decoy_item(dcy, rng, S, notes, i, mother, ref_date, age=k["age"]))
        items = [x for x in items if x is not None]
        child_sections.append(items)

    # ---- incident
    itype_opts = [t for _, t in S["itype"]]
    enums = [e for e, _ in S["itype"]]
    if itype is None:
        tchosen, tval = None, None
        notes["blanks"].append("i_type")
    else:
        tchosen, tval = enums.index(itype), itype
    other_detail = None
    if itype == "other" and plan.get("other_detail"):
        other_detail = rng.choice(D.OTHER_DETAILS)
    notes["itype"] = itype
    notes["other_detail"] = other_detail

    k0 = kids[0]
    ctx = narrative_ctx(S, k0, kids, rng, inc_date, la_date, mother, town, street, place, addr, itype)
    loc = choose_location(rng, S, itype, k0["age"], addr, town, street)
    summary = make_summary(S, itype, ctx, rng)
    inc_items = [
        date_item("i_date", "incident.date", inc_date, S["date_style"], blank_p=0.04),
        date_item("i_la", "incident.date_la_aware", la_date, S["date_style"], blank_p=0.12),
        text_item("i_loc", "incident.location", loc, blank_p=0.08),
        Item("i_type", L["i_type"], kind="choice", key="incident.type", options=itype_opts, chosen=tchosen,
             ckind="itype", value=tval),
        Item("i_other", L["i_other"], key=None, lines=[other_detail] if other_detail else []),
        text_item("i_summary", "incident.summary", None, tkind="long", lines=summary),
        yn_item("i_police", "incident.police_involved", p_yes=0.8, p_third=0.08),
    ]
    for dcy in S["decoys"]:
        if dcy["sec"] == "incident":
            inc_items.append(decoy_item(dcy, rng, S, notes, 0, mother, ref_date))

    crit_items = [
        yn_item("cr_died", "criteria.died_or_seriously_harmed", p_yes=0.92, p_third=0.04, p_blank=0.03),
        yn_item("cr_abuse", "criteria.abuse_or_neglect_suspected", p_yes=0.85, p_third=0.12, p_blank=0.03),
        yn_item("cr_local", "criteria.local_connection", p_yes=0.9, p_third=0.04, p_blank=0.04),
        yn_item("cr_learn", "criteria.multi_agency_learning", p_yes=0.85, p_third=0.1, p_blank=0.04),
        text_item("cr_reason", "criteria.reason", None, tkind="long", blank_p=0.05,
                  lines=[make_reason(ctx, itype, rng)]),
    ]
    panel_items = []
    if asked("p_notified"):
        pn = plan["panel"]
        opts = list(yn_words)
        if pn == "yes":
            ch, val = 0, True
        elif pn == "no":
            ch, val = 1, False
        elif pn == "third" and len(opts) > 2:
            ch, val = 2, None
            notes["third_option"].append("p_notified")
        else:
            ch, val = None, None
            notes["blanks"].append("p_notified")
        panel_items.append(Item("p_notified", L["p_notified"], kind="choice", key="panel_notified", options=opts,
                                chosen=ch, ckind="yn", value=val))
        if asked("p_date"):
            if pn == "yes" and rng.random() < 0.75:
                pd = la_date + dt.timedelta(days=rng.randint(1, 5))
                if pd > ref_date:
                    pd = ref_date
                panel_items.append(date_item("p_date", "date_panel_notified", pd, S["date_style"]))
            elif pn in ("no", "third") and rng.random() < 0.4:
                panel_items.append(text_item("p_date", "date_panel_notified", "x", filler_p=1.0))
            else:
                panel_items.append(Item("p_date", L["p_date"], key="date_panel_notified", tkind="date"))
    concern_items = []
    if asked("concerns"):
        concern_items.append(text_item("concerns", "immediate_concerns", None, tkind="long", blank_p=0.08,
                                       filler_p=0.04, lines=[make_concerns(ctx, rng)]))

    # ---- agencies
    cols = S["agency_cols"]
    rows = []
    for a in range(plan["agencies"]):
        rows.append(agency_row(rng, S, place, ctx, kids, a, cols))
    spec.agency_cols = cols
    spec.agency_rows = rows
    for r in rows:
        rec["agencies_involved"].append({"name": r.get("_name"), "agency": r.get("_agency"), "contact": r.get("_contact")})
    notes["agencies"] = len(rows)
    notes["agencies_without_person"] = sum(1 for r in rows if r.get("_name") is None)

    # ---- decoys in ref / records
    for dcy in S["decoys"]:
        if dcy["sec"] == "ref":
            ref_items.append(decoy_item(dcy, rng, S, notes, 0, mother, ref_date))
    record_items = [decoy_item(d, rng, S, notes, 0, mother, ref_date) for d in S["decoys"] if d["sec"] == "records"]

    # ---- sections in the sender's order
    sections = []
    number = 0
    titles = S["sec_titles"]
    for sid in S["order"]:
        if sid == "panel" and not panel_items:
            continue
        if sid == "concerns" and not concern_items:
            continue
        number += 1
        if sid == "child":
            for ci, items in enumerate(child_sections):
                sec = Section("child", titles["child"], items, kind="child", child=ci, number=number)
                sections.append(sec)
            continue
        if sid == "agencies":
            sec = Section("agencies", titles["agencies"], [], kind="agencies", number=number)
            sec.cols, sec.rows = cols, rows
            sections.append(sec)
            continue
        items = {"ref": ref_items, "lead": lead_items, "incident": inc_items, "criteria": crit_items,
                 "panel": panel_items, "concerns": concern_items}[sid]
        sections.append(Section(sid, titles[sid], [x for x in items if x is not None], number=number))
    if record_items:
        number += 1
        sections.append(Section("records", titles["records"], record_items, number=number))
    spec.sections = sections
    spec.nkids = len(kids)

    # ---- the record from the items
    for sec in sections:
        for it in sec.items:
            if it.key and not it.decoy:
                if it.kind == "text" and it.filler:
                    continue
                if it.value is not None:
                    set_path(rec, it.key, it.value)
    # names typed single: value already set by text_item (key set after creation)
    for i, items in enumerate(child_sections):
        for it in items:
            if it.lkey == "c_name" and it.lines:
                rec["children"][i]["name"] = it.lines[0]
            if it.lkey == "c_age" and it.value and rec["children"][i]["dob"] is None:
                rec["children"][i]["age"] = it.value
            elif it.lkey == "c_age":
                rec["children"][i]["age"] = None
    notes["children"] = len(kids)
    return spec


def choose_location(rng, S, itype, age, addr, town, street):
    home = ["Family home", f"The family home, {addr[0]}", "Home address", "Child's home address",
            "Maternal grandmother's home"]
    out = [f"{rng.choice(D.PARKS).capitalize()}, {town}", f"Outside {rng.choice(D.SHOPS).format(street=street)}",
           f"A friend's flat in {town}", f"{town} town centre", f"Canal towpath near {street}",
           f"Car park off {street}", "School premises"]
    if itype == "lac_death":
        pool = ["Foster placement", f"Residential children's home, {town}", f"{street}, {town} (road traffic collision)",
                "Kinship placement (aunt's home)"]
    elif itype == "care_leaver_death":
        pool = [f"Supported accommodation, {town}", f"Own flat, {addr[0]}", f"Young people's hostel, {town}"]
    elif age < 5:
        pool = home + [f"{rng.choice(['Ketterby Royal Infirmary', 'Corvedge General Hospital', 'Stainby District Hospital'])} (presented to ED)"]
    elif age < 11:
        pool = home + out[:2]
    else:
        pool = home[:3] + out
    if S["key"] == "corvedge_cwd" and rng.random() < 0.25:
        pool = [f"Short breaks unit, {town}"]
    return rng.choice(pool)


def decoy_item(dcy, rng, S, notes, i, mother, ref_date, age=None):
    kind = dcy["kind"]
    if kind == "ref":
        fmt = dcy["fmt"]
        val = fmt.format(d4=f"{rng.randrange(1000, 9999)}", d6=f"{rng.randrange(100000, 999999)}",
                         d7=f"{rng.randrange(1000000, 9999999)}", yy=f"{ref_date.year % 100:02d}",
                         upn=f"{rng.choice('ABHKNR')}{rng.randrange(10**11, 10**12)}")
    elif kind == "person":
        val = mother if (rng.random() < 0.6 and ("Parent" in dcy["label"] or "Mother" in dcy["label"] or "Mum" in dcy["label"])) else adult(rng)
    elif kind == "officer":
        val = f"DC {adult(rng)}"
    elif kind == "org":
        val = rng.choice(dcy["vals"])
    elif kind == "diag":
        val = rng.choice(dcy["vals"])
    elif kind == "date" and dcy.get("when") == "after":
        d = ref_date - dt.timedelta(days=rng.randint(0, 2))
        val = fmt_date(d, S["date_style"])
    elif kind == "date":
        d = ref_date - dt.timedelta(days=rng.randint(30, 300))
        val = fmt_date(d, S["date_style"])
    elif kind == "time":
        val = f"{rng.randint(0, 23):02d}:{rng.choice(['05', '17', '32', '48', '50'])}"
    elif kind == "pct":
        val = f"{rng.randint(41, 93)}.{rng.randint(0, 9)}%"
    elif kind == "year":
        a = age if age is not None else rng.randint(5, 15)
        val = "Nursery" if a < 4 else "Reception" if a == 4 else f"Year {min(a - 4, 13)}" if a < 18 else "Left school"
    elif kind == "nhs":
        val = f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    else:
        val = "-"
    if rng.random() < 0.1:
        lines = []
    else:
        lines = [val]
    notes["decoys"].append(f"{dcy['label']}={val if lines else ''}")
    return Item("decoy", dcy["label"], key=None, lines=lines, decoy=True, field="decoy:" + dcy["label"])


def agency_domain(tpl, place, agency):
    if "Police" in tpl:
        return f"{place}.police.uk"
    if tpl.startswith("{School}"):
        return re.sub(r"[^a-z]", "", agency.lower().split(",")[0])[:18] + ".sch.uk"
    if any(w in tpl for w in ("Social Care", "Early Help", "Youth Justice", "Housing")):
        return f"{place}.gov.uk"
    return "nhs.net"


def agency_row(rng, S, place, ctx, kids, a, cols):
    kinds = list(AGENCY_KINDS)
    tpl, role = kinds[(a * 5 + rng.randrange(len(kinds))) % len(kinds)]
    town = rng.choice(D.PLACES[place]["towns"])
    agency = tpl.format(Town=town, Police=POLICE_OF[place], School=school_name(rng, place, max(5, kids[0]["age"])),
                        GP=gp_name(rng, place))
    person = None if rng.random() < 0.28 else (f"Dr {adult(rng)}" if role in ("GP", "Consultant Paediatrician") else adult(rng))
    r = rng.random()
    if r < 0.15:
        contact = None
    elif r < 0.55:
        contact = phone(rng)
    elif r < 0.8 and person:
        contact = email_for(person, agency_domain(tpl, place, agency), "first.last", rng)
    elif person and rng.random() < 0.5:
        contact = f"{phone(rng)} / {email_for(person, agency_domain(tpl, place, agency), 'first.last', rng)}"
    else:
        contact = phone(rng)
    row = {"_name": person, "_agency": agency, "_contact": contact}
    cells = {}
    for field, _ in cols:
        if field == "name":
            cells[field] = person if person else ("-" if rng.random() < 0.3 else "")
        elif field == "agency":
            cells[field] = agency
        elif field == "contact":
            cells[field] = contact or ""
        elif field == "role":
            cells[field] = role if rng.random() < 0.85 else ""
    row["cells"] = cells
    return row


# ----------------------------------------------------------------------------------------------------------------
# narrative

def narrative_ctx(S, k0, kids, rng, inc_date, la_date, mother, town, street, place, addr, itype=None):
    sex = k0["sex"]
    he = {"female": "she", "male": "he"}.get(sex, k0["fore"])
    his = {"female": "her", "male": "his"}.get(sex, k0["fore"] + "'s")
    age = k0["age"]
    if age == 0:
        age_phrase = rng.choice(["a baby of a few months", "an infant", "a baby"])
    elif age >= 18:
        age_phrase = f"{age} years old"
    else:
        age_phrase = rng.choice([f"{age} years old", f"a {age}-year-old {'girl' if sex == 'female' else 'boy' if sex == 'male' else 'young person'}"])
    sibs = [k["fore"] for k in kids[1:]]
    if sibs:
        sib_phrase = ("sibling " + sibs[0]) if len(sibs) == 1 else ("siblings " + " and ".join(sibs))
        sib_word = sibs[0]
        Sibs_cap = " and ".join(sibs)
        are = "are" if len(sibs) > 1 else "is"
    else:
        sib_phrase = rng.choice(["a younger half-sibling", "a baby half-sibling"])
        sib_word = "a younger cousin who visits the home"
        Sibs_cap = "The other children in the family"
        are = "are"
    carer = rng.choice(["mother", "mother and her partner", "father", "mother", "grandmother"])
    carer_word = {"mother": f"{his} mother", "mother and her partner": f"{his} mother and her partner",
                  "father": f"{his} father", "grandmother": f"{his} maternal grandmother"}[carer]
    she_carer = "she" if carer in ("mother", "grandmother") else "he" if carer == "father" else "they"
    plural = carer == "mother and her partner"
    since = rng.choice(["2021", "2022", "2023", "September 2024", "early 2025", "last spring"])
    return dict(
        C=k0["fore"], he=he, He=he[0].upper() + he[1:], his=his, His=his[0].upper() + his[1:], age_phrase=age_phrase, age_num=age,
        dis_short=rng.choice(["complex health needs", "a severe learning disability", "cerebral palsy", "autism"]),
        since=since, since_rel=rng.choice(["six weeks earlier", "in the summer", "three months ago"]),
        carer=carer_word, Carer_cap=carer_word[0].upper() + carer_word[1:], carer_plain=carer_word,
        she_carer=she_carer, carer_has="have" if plural else "has", carer_is="are" if plural else "is",
        carer_was="were" if plural else "was", carer_says="say" if plural else "says", school=k0["school"] if age < 18 else "a local college",
        sib_phrase=sib_phrase, sib_word=sib_word, Sibs_cap=Sibs_cap, are=are, has_sibs=bool(sibs),
        relative=rng.choice(["their maternal grandparents", "an aunt", "family friends", "their father"]),
        time=f"{rng.randint(0, 23):02d}:{rng.choice(['10', '25', '40', '55'])}",
        day_words=T.day_words(inc_date), la_words=T.day_words(la_date), place=rng.choice(D.PARKS),
        placement=rng.choice(["a residential children's home", "a foster placement", "a kinship placement with an aunt",
                              "semi-independent accommodation"]),
        outcome="died" if itype in ("death", "lac_death", "care_leaver_death") else rng.choice(
            ["been seriously harmed", "suffered life-changing injuries"]),
        outcome_short=("the young person has died" if itype == "care_leaver_death" else "the child has died")
        if itype in ("death", "lac_death", "care_leaver_death") else "the child has been seriously harmed",
        harm_kind=rng.choice(["neglect", "physical abuse", "abuse or neglect"] + (["exploitation"] if age >= 11 else [])),
        theme=rng.choice(T.THEMES),
    )


def _fill(s, ctx):
    return s.format(**ctx)


def make_summary(S, itype, ctx, rng):
    n = rng.choices([1, 2, 3, 4], weights=[2, 4, 4, 3])[0]
    back = T.BACKGROUND_CARE_LEAVER if itype == "care_leaver_death" else T.BACKGROUND[S["key"]]
    inc = [s for s in T.INCIDENT[itype or "serious_harm"]
           if ctx["age_num"] >= 11 or not any(w in s for w in T.OLDER_ONLY)]
    if ctx["age_num"] >= 8:
        inc = [s for s in inc if not any(w in s for w in T.YOUNG_ONLY)] or inc
    paras = []
    arrival = [b for b in back if any(a in b for a in T.ARRIVALS)]
    if arrival:
        rest = [b for b in back if b not in arrival]
        if ctx["age_num"] < 11:
            arrival = [a for a in arrival if "self-presented" not in a]
        t1 = rng.choice(arrival)
    else:
        t1 = rng.choice(back)
        rest = [b for b in back if b != t1]
    p1 = _fill(t1, ctx)
    if rng.random() < 0.5:
        p1 += " " + _fill(rng.choice(rest), ctx)
    if n >= 3 and rng.random() < 0.6:
        p1 += " " + " ".join(_fill(s, ctx) for s in rng.sample(T.GENERAL_BACKGROUND, rng.randint(1, 2)))
    paras.append(p1)
    paras.append(_fill(rng.choice(inc), ctx))
    if n >= 3:
        resp = [r for r in T.RESPONSE if ctx["has_sibs"] or "{Sibs_cap}" not in r]
        p3 = _fill(rng.choice(resp), ctx)
        if rng.random() < 0.6:
            p3 += " " + " ".join(_fill(s, ctx) for s in rng.sample(T.MORE_RESPONSE, rng.randint(1, 2)))
        paras.append(p3)
    if n >= 4:
        paras.append(" ".join(_fill(s, ctx) for s in rng.sample(T.CURRENT, rng.randint(1, 2))))
    if n == 1:
        paras = [paras[1] + " " + paras[0]]
    return paras


def make_reason(ctx, itype, rng):
    if rng.random() < 0.05:
        return rng.choice(T.REASON_SHORT)
    s = _fill(rng.choice(T.REASON), ctx)
    if rng.random() < 0.4:
        s += " " + _fill(rng.choice(T.REASON), ctx)
    return s


def make_concerns(ctx, rng):
    pool = T.CONCERNS + T.CONCERNS_ONLY[1:2] if ctx["has_sibs"] else T.CONCERNS_ONLY
    return _fill(rng.choice(pool), ctx)
