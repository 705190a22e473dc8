"""Invented case data for unseen30: one case per form. Every answer is built once as the form shows it
(display text, or the chosen option), and the truth record is read off the shown answers."""

import datetime as dt
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    """Format a date in one of the styles used here (all UK day-first)."""
    m3 = MONTHS[d.month - 1][:3]
    if style == "dmy_pad":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "firstaid":
        return f"{d.day:02d}/{m3}/{d.year % 100:02d}"
    if style == "firstaid4":
        return f"{d.day:02d}/{m3}/{d.year}"
    if style == "coastguard":
        return f"{d.day:02d}{m3.upper()}{d.year % 100:02d}"
    if style == "coastguard4":
        return f"{d.day:02d}{m3.upper()}{d.year}"
    if style == "scra":
        return f"{ordinal(d.day)} day of {MONTHS[d.month - 1]} {d.year}"
    if style == "ictg":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year} ({WD[d.weekday()]})"
    if style == "nrpf":
        return f"{WD[d.weekday()][:3]} {d.day}/{d.month}/{d.year % 100:02d}"
    if style == "house":
        return f"{ordinal(d.day)} {m3} {d.year} ({WD[d.weekday()][:3]})"
    if style == "lgbt":
        return f"{d.day:02d} {m3} '{d.year % 100:02d}"
    if style == "ed":
        return f"{d.day} {m3} {d.year}, {WD[d.weekday()][:3]}"
    if style == "old":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(style)


ALL_STYLES = ["dmy_pad", "dmy", "long", "firstaid", "firstaid4", "coastguard", "coastguard4", "scra", "ictg",
              "nrpf", "house", "lgbt", "ed", "old"]
ALT_STYLES = ["dmy_pad", "long", "dmy"]


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[^0-9a-z]", "", s)


def phone_digits(s):
    s = s.strip()
    plus = s.startswith("+")
    d = re.sub(r"\D", "", s)
    return ("+" if plus else "") + d


# ---------------------------------------------------------------- pools
GIRLS = ["Maya", "Amira", "Isla", "Zainab", "Poppy", "Chloe", "Aaliyah", "Freya", "Hana", "Ruby", "Sienna", "Nia",
         "Layla", "Esme", "Tia", "Mariam", "Ellie", "Kacey", "Aisha", "Lottie", "Jasmine", "Ivy", "Zofia", "Precious"]
BOYS = ["Leo", "Kai", "Ibrahim", "Oscar", "Tyler", "Reuben", "Ethan", "Musa", "Finley", "Dylan", "Jayden", "Alfie",
        "Yusuf", "Harvey", "Kofi", "Mason", "Rhys", "Tomasz", "Callum", "Daniel", "Elijah", "Bilal", "Jake", "Ronan"]
NB = ["Alex", "Sam", "Charlie", "Robin", "Jordan", "Ash", "Rowan", "Sky"]
SURNAMES = ["Thompson", "Okafor", "Hussain", "Kowalski", "Fletcher", "Begum", "O'Neill", "Marsh", "Adeyemi",
            "Campbell", "Whitworth", "Nowak", "Farrell", "Ahmed", "Lindqvist", "Pearce", "Mensah", "Dunmore",
            "Haworth", "Sandhu", "McBride", "Rahman", "Ellison", "Kaur", "Brennan", "Osei", "Tait", "Baptiste",
            "Gallagher", "Petrova", "Robson", "Iqbal", "Stewart", "Fofanah", "Walsh", "Hale-Jones", "Bailey"]
ADULT_FIRST = ["Dawn", "Gareth", "Priya", "Helen", "Marcus", "Joanne", "Stuart", "Fatima", "Neil", "Claire",
               "Andrew", "Bernadette", "Tariq", "Sian", "Graham", "Lorna", "Kwame", "Rebecca", "Ewan", "Nadia",
               "Martin", "Alison", "Rajesh", "Karen", "Duncan", "Yvonne", "Imran", "Louise", "Callum", "Agnieszka"]
ADULT_LAST = ["Ellis", "Pritchard", "Mistry", "Greenhalgh", "Okoro", "Lambert", "Ferguson", "Chaudhry", "Whelan",
              "Barraclough", "Munro", "Hollis", "Qureshi", "Doherty", "Atkinson", "Nwosu", "Sutcliffe", "Rennie",
              "Kapoor", "Gillespie", "Harland", "Boateng", "Crowther", "Mcintyre", "Sharma", "Lockwood", "Kerr",
              "Anderton", "Oyelaran", "Fairbairn"]
STREETS = ["Ash Road", "Kestrel Close", "Mill Lane", "Harbour View", "Beech Grove", "Station Road", "Tannery Street",
           "Fenwick Avenue", "Quarry Bank", "Chapel Walk", "Hollin Crescent", "Marsh Lane", "Larch Court",
           "Rope Walk", "Clover Way", "Victoria Terrace", "Saltings Road", "Moorside Drive"]
ETHNIC = ["White British", "Black African", "Asian British - Pakistani", "Mixed White and Black Caribbean",
          "White - Polish", "Asian British - Bangladeshi", "Black British - Caribbean", "White and Asian",
          "Gypsy / Roma", "Any other White background", "Arab", "Asian - Indian", "Eritrean", "Kurdish",
          "Vietnamese", "Albanian"]
DISAB = ["None known", "Autism (diagnosed)", "ADHD", "Type 1 diabetes", "Asthma", "Global developmental delay",
         "Hearing impairment (hearing aids)", "Epilepsy", "Cerebral palsy", "Anxiety; self-harm history",
         "Speech and language delay", "Anorexia nervosa (restrictive)", "None"]
AGENCIES = [("Police", ["DC", "PC", "DS"]), ("Children's Social Care", []), ("Health visiting", []),
            ("School", []), ("GP practice", ["Dr"]), ("CAMHS", []), ("Youth Justice Service", []),
            ("Ambulance Service", []), ("Housing Options", []), ("Community paediatrics", ["Dr"]),
            ("Early Help", []), ("Probation Service", []), ("Domestic abuse service", []), ("Hospital ward", [])]


def make_phone(rng, kind=None):
    kind = kind or rng.choice(["mob", "mob", "land"])
    if kind == "mob":
        n = f"07700 900{rng.randint(0, 999):03d}"
        r = rng.random()
        if r < 0.15:
            n = n.replace(" ", "")
        elif r < 0.25:
            n = "+44 7700 900" + n[-3:]
        return n
    area = rng.choice(["0113 496", "0114 496", "0115 496", "0116 496", "0117 496", "0118 496", "0191 498",
                       "020 7946", "0131 496", "0141 496"])
    return f"{area} 0{rng.randint(0, 999):03d}"


def email_for(first, last, domain, rng):
    base = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
    e = f"{base}@{domain}"
    if rng.random() < 0.25:
        e = f"{first}.{last}".replace("'", "").replace(" ", "") + "@" + domain
    return e


def postcode(rng, area_code):
    return f"{area_code}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


# ---------------------------------------------------------------- fields
def F(d, t, state="value", kind="text", **kw):
    x = dict(d=d, t=t, state=state, kind=kind)
    x.update(kw)
    return x


FILLERS = ["N/A", "n/a", "-", "Not applicable"]


class Gen:
    def __init__(self, rng, sender, layout):
        self.rng, self.s, self.layout = rng, sender, layout
        self.notes = dict(blanks=0, fillers=0, third_option=0, alt_dates=0)

    def asked(self, key):
        return key not in self.s["not_asked"]

    def text(self, val, p_blank=0.0, p_filler=0.0):
        r = self.rng.random()
        if r < p_blank:
            self.notes["blanks"] += 1
            return F(None, None, "blank")
        if r < p_blank + p_filler:
            self.notes["fillers"] += 1
            f = self.rng.choice(FILLERS)
            return F(f, None, "filler")
        return F(val, val)

    def date(self, d, p_blank=0.0, style=None):
        if d is None or self.rng.random() < p_blank:
            self.notes["blanks"] += 1
            return F(None, None, "blank", "date")
        st = style or self.s["date_style"]
        if style is None and self.rng.random() < 1 / 7:
            st = self.rng.choice(ALT_STYLES)
            self.notes["alt_dates"] += 1
        return F(fmt_date(d, st), d.isoformat(), "value", "date", style=st)

    def yesno(self, want, p_third=0.07, p_blank=0.04):
        """want True/False: the answer the case suggests; sometimes the third option or nothing."""
        r = self.rng.random()
        if r < p_blank:
            self.notes["blanks"] += 1
            return F(None, None, "blank", "choice", group="yesno", opt=None)
        if r < p_blank + p_third:
            self.notes["third_option"] += 1
            return F(self.s["third"], None, "third", "choice", group="yesno", opt=2)
        return F(self.s["yes"] if want else self.s["no"], bool(want), "value", "choice", group="yesno",
                 opt=0 if want else 1)


def pick_name(rng, gender, used):
    pool = {"female": GIRLS, "male": BOYS, "other": NB}[gender]
    for _ in range(50):
        n = rng.choice(pool)
        if n not in used:
            used.add(n)
            return n
    return rng.choice(pool)


SUMMARY = {
    "death": [
        "{c1} was found unresponsive at {place} on the morning of the incident. An ambulance was called and "
        "resuscitation was attempted but {c1} was pronounced dead at hospital later that day.",
        "The family had been known to several services over the previous year. There had been concerns about "
        "supervision, missed health appointments and the condition of the home.",
        "A post-mortem examination has been requested by the coroner and the police are treating the death as "
        "unexplained while enquiries continue.",
        "Siblings were present in the house at the time and have been spoken to with their grandmother present.",
    ],
    "serious_harm": [
        "{c1} was brought to the emergency department with injuries that included a fractured arm and bruising "
        "to the face and back. The explanation given by the adult with {c1} changed during the evening.",
        "A child protection medical was completed the following day and the paediatrician's opinion is that the "
        "injuries are not consistent with the account given.",
        "Earlier contacts show two previous attendances with minor injuries and a referral to children's social "
        "care that did not progress beyond a single assessment.",
        "{c1} has since been discharged to the care of a relative under a safety plan agreed at a strategy "
        "discussion.",
    ],
    "lac_death": [
        "{c1} was living in a placement arranged by the local authority when the incident happened at {place}.",
        "Staff raised the alarm when {c1} did not return at the agreed time. {c1} was found some hours later and "
        "could not be revived.",
        "There had been repeated missing episodes in the months before, and concerns about older adults "
        "contacting {c1} online had been shared at a recent review.",
    ],
    "care_leaver_death": [
        "{c1} had left care at eighteen and was living in supported accommodation with a personal adviser.",
        "{c1} was found dead in the flat by a support worker who had been unable to make contact for two days. "
        "The cause of death is not yet known.",
        "The pathway plan recorded worries about drug use, debt and a relationship with an older man who had "
        "been violent towards {c1}.",
    ],
    "other": [
        "{c1} disclosed during contact with our service that an adult in the household had been taking money "
        "and threatening the family.",
        "The incident at {place} involved {c1} and another young person and was reported to us the same day.",
        "There is a pattern of concerns across several agencies that have not been brought together, and the "
        "family have moved address three times this year.",
    ],
}
REASON = {"serious_harm": ["The child has been seriously harmed and abuse or neglect is suspected; several agencies "
                            "were involved and information was not shared in time."],
          "death": ["A child has died and neglect is suspected. There may be learning about how agencies recognised "
                    "and responded to the risks."],
          "any": ["We believe the criteria for a Rapid Review are met: there were missed opportunities to share "
                  "information between health, police and children's social care.",
                  "The circumstances suggest abuse, and the family were known to agencies in two local authority "
                  "areas; there may be learning about cross-border working."]}
CONCERNS = ["The siblings are staying with their maternal grandmother under a safety plan; police bail "
            "conditions prevent contact with the adult concerned.",
            "No other children are in the household. The strategy discussion agreed daily checks until the "
            "initial child protection conference.",
            "The younger sibling has been seen by the paediatrician and is safe. The social worker visits daily.",
            "Other young people connected to the same adults have been identified and referred to the "
            "exploitation hub; a disruption plan is in place."]
PLACES = {"corrisdale_firstaid": ["Brayford Showground (first aid post 2)", "Corrisdale Park Run, lakeside path",
                                  "Corrisdale Leisure Centre car park", "Brayford Town FC, east stand"],
          "skelwick_coastguard": ["Skelwick Sands, north groyne (///filled.count.soap)",
                                  "Hollesby Point cliffs, grid ref NZ 421 163", "Skelwick harbour slipway",
                                  "Saltmarsh creek near Hollesby Staithe"],
          "kilbrannan_reporter": ["The family home, Kilbrannan", "Glenmorrow Primary School playground",
                                  "Lochside Road, Kilbrannan", "A residential house in Kilbrannan"],
          "ravensholme_ictg": ["A flat above a shop on Tannery Street, Ravensholme", "Ravensholme bus station",
                               "A car wash on the ring road, Ravensholme", "Semi-independent placement, Ravensholme"],
          "dunmarsh_nrpf": ["Temporary accommodation, Victoria Terrace, Dunmarsh", "Dunmarsh High Street",
                            "The family's shared room, Beech Grove hostel", "Dunmarsh Park"],
          "harebell_house": ["Harebell House, family kitchen", "Oldcastle Children's Hospital, Ward 4",
                             "Harebell House, guest room corridor", "Oldcastle Children's Hospital car park"],
          "marlwood_prism": ["Prism Thursday group, Marlwood Library", "Marlwood town centre", "Online (group chat)",
                             "Marlwood railway station"],
          "kelbrook_eds": ["Kelbrook General Hospital, paediatric ward", "Family home, Kelbrook",
                           "Kelbrook Academy", "CEDS-CYP clinic, Aire Valley"]}
SCHOOLS = ["Ashdown Primary School", "St Bede's RC Primary", "Marlwood Academy", "Kelbrook High School",
           "Brayford Community College", "Oakfield Nursery", "Glenmorrow Primary School", "Hollesby Church School",
           "Ravensholme College", "Dunmarsh Park Primary", "Kilbrannan High School", "Lochside Nursery"]
GPS = ["Moorside Medical Practice", "The Harbour Surgery", "Dr Patel and Partners", "Riverside Health Centre",
       "Beech Grove Surgery", "Kilbrannan Health Centre", "Aire Valley Medical Group"]
LEGAL = ["None", "Child in need (s17)", "Section 20 accommodation", "Interim Care Order", "Care Order (s31)",
         "Child Arrangements Order", "No order"]
LEGAL_SCOT = ["Compulsory Supervision Order (at home)", "Compulsory Supervision Order (kinship care)",
              "Interim Compulsory Supervision Order", "Child Protection Order", "None"]
AREA_CODE = {"corrisdale_firstaid": "CD", "skelwick_coastguard": "SK", "kilbrannan_reporter": "KB",
             "ravensholme_ictg": "RV", "dunmarsh_nrpf": "DM", "harebell_house": "OC", "marlwood_prism": "MW",
             "kelbrook_eds": "KE"}
TOWNS = {"corrisdale_firstaid": ["Corrisdale", "Brayford"], "skelwick_coastguard": ["Skelwick", "Hollesby"],
         "kilbrannan_reporter": ["Kilbrannan", "Glenmorrow"], "ravensholme_ictg": ["Ravensholme"],
         "dunmarsh_nrpf": ["Dunmarsh"], "harebell_house": ["Oldcastle", "Fenwray"], "marlwood_prism": ["Marlwood"],
         "kelbrook_eds": ["Kelbrook", "Aire Bridge"]}
AGES = ["about {n}", "{n} yrs", "{n} years", "approx. {n}", "around {n}", "{n}", "{n} years old"]


def address(rng, sk):
    town = rng.choice(TOWNS[sk])
    n = rng.randint(1, 140)
    street = rng.choice(STREETS)
    pc = postcode(rng, AREA_CODE[sk])
    r = rng.random()
    if r < 0.25:
        lines = [f"Flat {rng.randint(1, 12)}, {rng.choice(['Heron House', 'Alder Court', 'Quay Mill'])}",
                 f"{n} {street}", town, pc]
    elif r < 0.85:
        lines = [f"{n} {street}", town, pc]
    else:
        lines = [f"{n} {street}, {town} {pc}"]  # typed on one line
    return lines


def make_case(rng, s, layout, itype, nchild, other_detail=True):
    """Build one case: a dict of shown answers (display + truth) for every field the sender asks."""
    g = Gen(rng, s, layout)
    sk = s["key"]
    C = dict(sender=sk, layout=layout, f={}, children=[], agencies=[], decoys=[])
    f = C["f"]
    ref_date = dt.date(2026, 1, 12) + dt.timedelta(days=rng.randint(0, 70))
    inc = ref_date - dt.timedelta(days=rng.randint(3, 20))
    la = inc + dt.timedelta(days=rng.randint(0, 2))
    if la > ref_date:
        la = ref_date
    C["dates"] = dict(ref=ref_date, inc=inc, la=la)
    f["date_of_referral"] = g.date(ref_date, 0.01)
    # referrer
    rf, rl = rng.choice(ADULT_FIRST), rng.choice(ADULT_LAST)
    lf, ll = rng.choice([x for x in ADULT_FIRST if x != rf]), rng.choice([x for x in ADULT_LAST if x != rl])
    C["ref_first"], C["lead_first"], C["lead_full"] = rf, lf, f"{lf} {ll}"
    unit = rng.choice(s["units"])
    f["ref_name"] = F(f"{rf} {rl}", f"{rf} {rl}")
    f["ref_role"] = g.text(rng.choice(s["roles"]), 0.05)
    f["ref_agency"] = g.text(unit, 0.04)
    em = email_for(rf, rl, s["domain"], rng)
    f["ref_email"] = F(em, em.lower()) if rng.random() > 0.06 else F(None, None, "blank")
    ph = make_phone(rng)
    f["ref_phone"] = F(ph, phone_digits(ph)) if rng.random() > 0.06 else F(None, None, "blank")
    # lead
    f["lead_name"] = g.text(f"{lf} {ll}", 0.03)
    f["lead_role"] = g.text(rng.choice(s["lead_roles"]), 0.08)
    f["lead_agency"] = g.text(rng.choice(s["units"]) if rng.random() < 0.6 else s["org"], 0.1)
    em2 = email_for(lf, ll, s["domain"], rng)
    f["lead_email"] = F(em2, em2.lower()) if rng.random() > 0.12 else g.text(None, 1.0)
    ph2 = make_phone(rng)
    f["lead_phone"] = F(ph2, phone_digits(ph2)) if rng.random() > 0.15 else g.text(None, 0.0, 1.0)
    f["discussed"] = g.yesno(rng.random() < 0.9)
    # children
    family = rng.choice(SURNAMES)
    addr = address(rng, sk)
    used = set()
    for i in range(nchild):
        ch = {}
        gender = rng.choices(["female", "male", "other"], [47, 47, 6])[0]
        first = pick_name(rng, gender, used)
        p_own = 0.45 if layout == "W-FAMILYNAME" else 0.2
        last = family if (i == 0 or rng.random() >= p_own) else rng.choice([x for x in SURNAMES if x != family])
        if itype == "care_leaver_death" and i == 0:
            dob = dt.date(rng.randint(2002, 2007), rng.randint(1, 12), rng.randint(1, 28))
        else:
            dob = dt.date(rng.randint(2009, 2025), rng.randint(1, 12), rng.randint(1, 28))
            if dob >= inc:
                dob = inc - dt.timedelta(days=200)
        if s["labels"].get("c_first") and s["name_split"] == "one":
            pass
        ch["_first"], ch["_last"], ch["_gender"] = first, last, gender
        ch["c_first"] = F(first, first)
        ch["c_last"] = F(last.upper() if (s["key"] == "kelbrook_eds" and rng.random() < 0.5) else last, None)
        ch["c_last"]["t"] = ch["c_last"]["d"]
        ch["c_name"] = F(f"{first} {ch['c_last']['d']}", f"{first} {ch['c_last']['d']}")
        ch["c_other"] = g.text(rng.choice([f"{first} {rng.choice(SURNAMES)}", first + "h", first + "-" + rng.choice(GIRLS + BOYS)]),
                               0.55, 0.15)
        years = (inc - dob).days // 365
        if rng.random() < 0.2 and not (itype == "care_leaver_death" and i == 0):
            ch["c_dob"] = F(None, None, "blank", "date")
            age = rng.choice(AGES).format(n=max(years, 1)) if years >= 1 else f"{max(1, (inc - dob).days // 30)} months"
            ch["c_age"] = F(age, age)
            ch["_dob"] = None
        else:
            ch["c_dob"] = g.date(dob, 0.0, style=s["dob_style"])
            ch["c_age"] = F(None, None, "blank")
            ch["_dob"] = dob
        gi = {"female": 0, "male": 1, "other": 2}[gender]
        gw = [s["female"], s["male"], s["other"]]
        if rng.random() < 0.03:
            ch["c_gender"] = F(None, None, "blank", "choice", group="gender", opt=None)
        else:
            ch["c_gender"] = F(gw[gi], gender, "value", "choice", group="gender", opt=gi)
        ch["c_eth"] = g.text(rng.choice(ETHNIC), 0.12)
        a = addr if (i == 0 or rng.random() >= (0.3 if layout == "W-FAMILYNAME" else 0.15)) else address(rng, sk)
        ch["c_addr"] = F(list(a), ", ".join(a), "value", "lines")
        ch["c_school"] = g.text(rng.choice(SCHOOLS), 0.12, 0.05)
        ch["c_gp"] = g.text(rng.choice(GPS), 0.2, 0.05)
        if itype == "lac_death" and i == 0:
            leg = rng.choice(["Care Order (s31)", "Section 20 accommodation"]) if sk != "kilbrannan_reporter" \
                else "Compulsory Supervision Order (residential)"
        elif itype == "care_leaver_death" and i == 0:
            leg = "Care leaver (former relevant child)"
        else:
            leg = rng.choice(LEGAL_SCOT if sk == "kilbrannan_reporter" else LEGAL)
        ch["c_legal"] = g.text(leg, 0.15, 0.05)
        ch["c_cp"] = g.yesno(rng.random() < 0.35)
        ch["c_csc"] = g.yesno(rng.random() < 0.6)
        ch["c_lac"] = g.yesno(itype == "lac_death" and i == 0 or rng.random() < 0.1)
        ch["c_dis"] = g.text(rng.choice(DISAB), 0.25)
        if i == 0 and itype in ("death", "lac_death", "care_leaver_death"):
            dod = inc + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
            ch["c_dod"] = g.date(dod, 0.05, style=s["dob_style"] if rng.random() < 0.5 else None)
        else:
            ch["c_dod"] = g.text(None, 0.75, 0.25)
        C["children"].append(ch)
    names = [c["_first"] for c in C["children"]]
    C["child_names"] = names
    # incident
    f["i_date"] = g.date(inc, 0.04)
    f["i_la"] = g.date(la, 0.1)
    f["i_loc"] = g.text(rng.choice(PLACES[sk]), 0.08)
    opt = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"].index(itype)
    f["i_type"] = F(s["itypes"][opt], itype, "value", "choice", group="itype", opt=opt)
    if itype == "other":
        det = rng.choice(["Suspected exploitation - not yet harm", "Private fostering arrangement not notified",
                          "Near-drowning; child recovered", "Serious self-harm of a 15-year-old",
                          "Attempted abduction from the site", "Child left alone for three days"])
        f["i_other"] = F(det, None) if other_detail else F(None, None, "blank")
    else:
        f["i_other"] = F(None, None, "blank")
    place = f["i_loc"]["d"] or "home"
    idx = sorted(rng.sample(range(len(SUMMARY[itype])), k=min(len(SUMMARY[itype]), rng.randint(2, 4))))
    if 0 not in idx:
        idx = [0] + idx[:-1]
    paras = [SUMMARY[itype][k] for k in idx]
    paras = [p.format(c1=names[0], place=place) for p in paras]
    f["i_summary"] = F(paras, "\n\n".join(paras), "value", "paras")
    f["i_police"] = g.yesno(rng.random() < 0.75)
    # criteria
    dead_or_harmed = itype in ("death", "serious_harm", "lac_death", "care_leaver_death")
    f["k_died"] = g.yesno(dead_or_harmed or rng.random() < 0.3)
    f["k_abuse"] = g.yesno(rng.random() < 0.85)
    f["k_local"] = g.yesno(rng.random() < 0.92)
    f["k_learn"] = g.yesno(rng.random() < 0.9)
    reason = rng.choice(REASON.get(itype, []) + REASON["any"])
    f["k_reason"] = g.text(reason, 0.05)
    # panel
    notified = rng.random() < 0.4
    f["p_notified"] = g.yesno(notified, 0.1)
    pd = la + dt.timedelta(days=rng.randint(1, 5))
    if pd > ref_date:
        pd = ref_date
    f["p_date"] = g.date(pd, 0.15) if f["p_notified"]["t"] is True else g.text(None, 0.6, 0.4)
    # agencies
    nag = rng.choices([0, 1, 2, 3, 4, 5], [5, 15, 30, 28, 15, 7])[0]
    if layout == "W-SPANROWS" and nag < 3:
        nag = 3
    ags = rng.sample(AGENCIES, nag)
    if layout == "W-SPANROWS":   # some agencies with two or three workers
        k = rng.randint(0, nag - 1)
        ags = ags[:k + 1] + [ags[k]] * rng.choice([1, 2]) + ags[k + 1:]
    no_person_style = rng.choice(["", "-"])
    prev = (None, None)
    for ag, titles in ags:
        if ag == prev[0]:
            agn = prev[1]
        elif ag == "School":
            agn = rng.choice(SCHOOLS)
        elif ag == "GP practice":
            agn = rng.choice(GPS)
        elif ag == "Police":
            agn = {"kilbrannan_reporter": "Police Scotland"}.get(sk, rng.choice(["Police", "Northshire Police", "Police (CAIT)"]))
        else:
            agn = ag
        prev = (ag, agn)
        if rng.random() < 0.22:
            nm = None
        else:
            t = (rng.choice(titles) + " ") if titles and rng.random() < 0.7 else ""
            nm = t + f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"
        r = rng.random()
        if r < 0.5:
            contact = make_phone(rng)
        elif r < 0.85:
            dom = {"Police": "northshire.police.uk", "School": "school.org.uk", "Children's Social Care": "council.gov.uk",
                   "Early Help": "council.gov.uk", "Housing Options": "council.gov.uk", "Youth Justice Service": "council.gov.uk",
                   "Probation Service": "justice.gov.uk", "Domestic abuse service": "safeplace.org.uk"}.get(ag, "nhs.net")
            contact = f"{rng.choice(ADULT_FIRST).lower()}.{rng.choice(ADULT_LAST).lower()}@{dom}"
        else:
            contact = f"{make_phone(rng, 'land')} / duty@{rng.choice(['council.gov.uk', 'nhs.net'])}"
        C["agencies"].append(dict(name=nm if nm else no_person_style, agency=agn, contact=contact,
                                  t=dict(name=nm, agency=agn, contact=contact)))
    f["concerns"] = g.text(rng.choice(CONCERNS if nchild > 1 else [c for c in CONCERNS if "sibling" not in c]), 0.05)
    # decoys
    for sec, lab, kind in s["decoys"]:
        C["decoys"].append(dict(section=sec, label=lab, d=decoy_value(rng, kind, s, C) if rng.random() > 0.12 else None))
    C["notes"] = g.notes
    C["gen"] = g
    return C


def decoy_value(rng, kind, s, C):
    d = C["dates"]
    if kind == "date":
        x = d["ref"] + dt.timedelta(days=rng.randint(-60, 10))
        st = s["date_style"] if rng.random() < 0.7 else rng.choice(ALT_STYLES)
        return fmt_date(x, st)
    if kind == "time":
        return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    if kind == "yesno":
        return rng.choice([s["yes"], s["no"]])
    if kind in ("person", "handover"):
        p = f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"
        return p if kind == "person" else rng.choice([f"Paramedic {p}", "Ambulance crew (two)", f"{p}, ED nurse"])
    if kind == "drperson":
        return f"Dr {rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"
    table = dict(
        prf=lambda: f"PRF-{rng.randint(100000, 999999)}", triage=lambda: rng.choice(["P1", "P2", "P3"]),
        event=lambda: rng.choice(["Brayford Summer Show", "Corrisdale 10k", "Youth Cup Final", "Bonfire night"]),
        cgref=lambda: f"CG/{rng.randint(2026001, 2026999)}", tide=lambda: rng.choice(["Flooding, 2 h to HW", "Ebb", "Low water", "Springs, HW 14:10"]),
        lifeboat=lambda: rng.choice(["Skelwick ILB", "None", "Hollesby ALB"]),
        vessel=lambda: rng.choice(["Mud rescue sled", "Rope system", "None", "Inflatable kayak (casualty's)"]),
        scra=lambda: f"SCRA/{rng.randint(100000, 999999)}",
        decision=lambda: rng.choice(["Arrange a Children's Hearing", "No Hearing - voluntary measures", "Awaiting reports"]),
        nationality=lambda: rng.choice(["Albanian", "Vietnamese", "Eritrean", "British", "Sudanese", "Romanian"]),
        language=lambda: rng.choice(["Albanian", "Vietnamese", "Tigrinya", "English", "Arabic", "Romanian"]),
        nrm=lambda: f"NRM-{rng.randint(10000000, 99999999)}", horef=lambda: f"{rng.choice('ABKMR')}{rng.randint(1000000, 9999999)}",
        nrpfid=lambda: f"NC{rng.randint(100000, 999999)}", immig=lambda: rng.choice(["Leave to remain (NRPF condition)", "Overstayer", "Appeal pending", "Visitor visa expired"]),
        money=lambda: f"{rng.randint(70, 190)}.{rng.choice(['00', '50'])}", provider=lambda: rng.choice(["Orbis Lettings", "Beech Grove hostel", "Dunmarsh Homes"]),
        room=lambda: str(rng.randint(1, 24)), ward=lambda: rng.choice(["Ward 4 (PICU)", "Ward 7", "Neonatal unit", "Ward 2 oncology"]),
        hospno=lambda: f"H{rng.randint(1000000, 9999999)}", pronouns=lambda: rng.choice(["she/her", "he/him", "they/them", "he/they"]),
        group=lambda: rng.choice(["Thursday group (14-18)", "Junior group (11-14)", "Online chat"]),
        member=lambda: f"PY{rng.randint(1000, 9999)}", nhs=lambda: f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        mbmi=lambda: f"{rng.randint(68, 92)}%", meed=lambda: rng.choice(["Red", "Amber", "Green"]),
    )
    return table[kind]()


def itype_words(s):
    return s["itypes"]


def build_record(C, s):
    """The canonical record, read off the shown answers."""
    f = C["f"]

    def t(key):
        if key in s["not_asked"]:
            return None
        x = f.get(key)
        return None if x is None else x["t"]

    kids = []
    for ch in C["children"]:
        def ct(key):
            if key in s["not_asked"]:
                return None
            return ch[key]["t"]
        kids.append(dict(name=ch["c_name"]["t"], other_names=ct("c_other"), dob=ct("c_dob"), age=ct("c_age"),
                         gender=ct("c_gender"), ethnicity=ct("c_eth"), address=ct("c_addr"), school=ct("c_school"),
                         gp=ct("c_gp"), legal_status=ct("c_legal"), cp_plan=ct("c_cp"), open_to_csc=ct("c_csc"),
                         looked_after=ct("c_lac"), disability=ct("c_dis"), date_of_death=ct("c_dod")))
    rec = {
        "form": "referral",
        "date_of_referral": t("date_of_referral"),
        "referrer": dict(name=t("ref_name"), role=t("ref_role"), agency=t("ref_agency"), email=t("ref_email"),
                         phone=t("ref_phone")),
        "safeguarding_lead": dict(name=t("lead_name"), role=t("lead_role"), agency=t("lead_agency"),
                                  email=t("lead_email"), phone=t("lead_phone"), discussed=t("discussed")),
        "children": kids,
        "incident": dict(date=t("i_date"), date_la_aware=t("i_la"), location=t("i_loc"), type=t("i_type"),
                         summary=t("i_summary"), police_involved=t("i_police")),
        "criteria": dict(died_or_seriously_harmed=t("k_died"), abuse_or_neglect_suspected=t("k_abuse"),
                         local_connection=t("k_local"), multi_agency_learning=t("k_learn"), reason=t("k_reason")),
        "panel_notified": t("p_notified"),
        "date_panel_notified": t("p_date"),
        "agencies_involved": [dict(a["t"]) for a in C["agencies"]],
        "immediate_concerns": t("concerns"),
    }
    return rec
