"""One case per form, decided once as the form shows it; the record is read off the same decisions.

Every answer is an Item: the label the sender prints, what the referrer typed or chose (as shown), and the record
path and value it gives (None for decoys, 'other' details and the like).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from p30_common import ALT_STYLES, fmt_date, digits
from p30_data import (ADULT_F, ADULT_M, ADULT_SUR, AGENCY_PERSON_ROLES, BLOCKS, BOYS, DISABILITY, ETHNICITY,
                      ETHNICITY_POLICE, GIRLS, GP_KINDS, INCIDENT_PLACES, LEGAL, SCHOOL_KINDS, STREETS, SURNAMES,
                      THIRD_ANSWERS_EXTRA)
from p30_senders import ITYPE_VALUES

FILLERS = ["N/A", "n/a", "-", "Not applicable"]


@dataclass
class Item:
    key: str
    label: str
    kind: str                      # text | date | address | long | choice
    text: str = ""                 # shown text (text, date); '' = blank
    lines: list = field(default_factory=list)   # address lines as shown
    oneline: bool = False          # address typed on one line (kept as typed)
    paras: list = field(default_factory=list)   # long answer paragraphs
    options: list = field(default_factory=list)
    values: list = field(default_factory=list)
    chosen: int | None = None
    extra: str = ""                # a few words typed after a yes/no (typed layouts only)
    path: tuple | None = None
    truth: Any = None
    decoy: bool = False
    child: int | None = None
    filler: bool = False
    yn: bool = False               # a yes / no / third question

    @property
    def blank(self) -> bool:
        if self.kind in ("text", "date", "long_single"):
            return self.text == ""
        if self.kind == "address":
            return not self.lines
        if self.kind == "long":
            return not self.paras
        return self.chosen is None

    def typed(self) -> str:
        """The answer as typed in a layout that shows words (choices as the chosen word)."""
        if self.kind == "choice":
            if self.chosen is None:
                return ""
            w = self.options[self.chosen]
            return f"{w} - {self.extra}" if self.extra else w
        if self.kind == "address":
            return ", ".join(self.lines)
        if self.kind == "long":
            return "\n\n".join(self.paras)
        return self.text


@dataclass
class Section:
    key: str
    title: str
    items: list
    child: int | None = None       # child index for a child section
    nchildren: int = 1


@dataclass
class Agencies:
    label: str
    cols: list                     # [(key, title)]
    rows: list                     # [dict key -> shown text]
    spare: int = 2


@dataclass
class Form:
    n: int
    stem: str
    sender: dict
    layout: str
    fmt: str
    sections: list
    agencies: Agencies
    record: dict
    notes: dict
    ref_date: dt.date
    ref_date_text: str
    ref_name_text: str
    guidance: str
    rng_seed: str


def blank_record() -> dict:
    person = {k: None for k in ("name", "role", "agency", "email", "phone")}
    return {
        "form": "referral", "date_of_referral": None, "referrer": dict(person),
        "safeguarding_lead": dict(person, discussed=None), "children": [],
        "incident": {k: None for k in ("date", "date_la_aware", "location", "type", "summary", "police_involved")},
        "criteria": {k: None for k in ("died_or_seriously_harmed", "abuse_or_neglect_suspected", "local_connection",
                                       "multi_agency_learning", "reason")},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }


def blank_child() -> dict:
    return {k: None for k in ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                              "date_of_death")}


# ------------------------------------------------------------------------------------------------ helpers
def phone_text(rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = rng.random() < 0.4
    if mobile:
        d = f"{rng.randint(0, 999):03d}"
        return rng.choice([f"07700 900{d}", f"07700 900 {d}", f"07700900{d}"])
    area = rng.choice(["0113 496", "0114 496", "0115 496", "0116 496", "0117 496", "0118 496", "0121 496",
                       "0161 496", "0191 498"])
    d = f"0{rng.randint(0, 999):03d}"
    if rng.random() < 0.15:
        return f"{area} {d[:2]} {d[2:]}"
    return f"{area} {d}"


def landline_01632(rng) -> str:
    return f"01632 960 {rng.randint(0, 999):03d}"


def email_text(rng, first: str, last: str, domain: str) -> str:
    f = first.replace(" ", "").replace("'", "")
    l = last.replace(" ", "").replace("'", "")
    style = rng.random()
    if style < 0.45:
        local = f"{f}.{l}".lower()
    elif style < 0.65:
        local = f"{f[0]}{l}".lower()
    elif style < 0.85:
        local = f"{f}.{l}"          # typed with capitals
    else:
        local = f"{f.lower()}.{l.lower()}{rng.randint(1, 9)}"
    return f"{local}@{domain}"


def person_name(rng, female: bool | None = None) -> tuple[str, str]:
    if female is None:
        female = rng.random() < 0.6
    return (rng.choice(ADULT_F if female else ADULT_M), rng.choice(ADULT_SUR))


def postcode(rng, area: str) -> str:
    return f"{area}{rng.randint(1, 14)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}" \
           f"{rng.choice('ABDEFGHJLNPQRSTUWXY')}"


def address_lines(rng, s: dict) -> list[str]:
    town = rng.choice(s["towns"])
    pc = postcode(rng, s["postcode"])
    r = rng.random()
    if r < 0.2:
        return [f"Flat {rng.randint(1, 24)}, {rng.choice(BLOCKS)}", rng.choice(STREETS), town, pc]
    if r < 0.6:
        return [f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town, pc]
    return [f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town, f"{s['area']} {pc}" if town != s["area"] else pc]


def ddate(d: dt.date, style: str) -> str:
    return fmt_date(d, style)


# ------------------------------------------------------------------------------------------------ people
def make_people(rng, s: dict) -> dict:
    key = s["key"]
    rf, rl = person_name(rng)
    lf, ll = person_name(rng)
    P: dict = {}
    if key == "oxendale_icb":
        role = rng.choice(["Designated Doctor for Safeguarding Children", "Designated Nurse Safeguarding Children",
                           "Deputy Designated Nurse Safeguarding Children", "Designated Nurse for Looked After Children"])
        title = "Dr " if "Doctor" in role else ""
        P["ref"] = dict(name=f"{title}{rf} {rl}", role=role,
                        agency=rng.choice(["NHS Oxendale and Marnock ICB", "NHS Oxendale and Marnock Integrated Care Board",
                                           "Oxendale and Marnock ICB - Safeguarding Team"]),
                        email=email_text(rng, rf, rl, "nhs.net"), phone=phone_text(rng))
        P["lead"] = dict(name=f"{lf} {ll}", role=rng.choice(["Chief Nursing Officer", "Director of Nursing and Quality",
                                                              "Deputy Chief Nurse (Executive Lead for Safeguarding)"]),
                         agency="NHS Oxendale and Marnock ICB", email=email_text(rng, lf, ll, "nhs.net"),
                         phone=phone_text(rng, False))
    elif key == "hatherby_mosovo":
        rank = rng.choice(["DC", "PC", "DC", ""])
        role = "Risk Management Officer" if not rank else rng.choice(["Offender Manager", "MOSOVO Offender Manager"])
        nm = f"{rank} {rf} {rl.upper()}".strip() if rng.random() < 0.5 else f"{rank} {rf} {rl}".strip()
        P["ref"] = dict(name=nm, role=role,
                        agency=rng.choice(["MOSOVO, Asherby Police Station", "Public Protection Unit (MOSOVO) - Asherby",
                                           "MOSOVO Team, Hatherby Central"]),
                        email=email_text(rng, rf, rl, "hatherby.police.uk"), phone=phone_text(rng))
        lrank = rng.choice(["DS", "DS", "DI", "A/DS"])
        P["lead"] = dict(name=f"{lrank} {lf} {ll}", role=rng.choice(["Detective Sergeant, MOSOVO", "Detective Inspector, Public Protection",
                                                                     "Supervisor - Offender Management"]),
                         agency=rng.choice(["MOSOVO, Asherby", "Public Protection, Hatherby Central"]),
                         email=email_text(rng, lf, ll, "hatherby.police.uk"), phone=phone_text(rng))
    elif key == "kestwick_ceds":
        role = rng.choice(["Clinical Nurse Specialist", "Family Therapist", "Consultant Child and Adolescent Psychiatrist",
                           "Specialist Dietitian", "Clinical Psychologist", "Senior Mental Health Practitioner"])
        title = "Dr " if role.startswith(("Consultant", "Clinical Psych")) else ""
        P["ref"] = dict(name=f"{title}{rf} {rl}", role=role,
                        agency=rng.choice(["CEDS-CYP Kestwick", "Community Eating Disorder Service (CYP)",
                                           "Kestwick CYP Eating Disorder Team"]),
                        email=email_text(rng, rf, rl, "nhs.net"), phone=phone_text(rng))
        P["lead"] = dict(name=f"{lf} {ll}", role=rng.choice(["Named Nurse for Safeguarding Children",
                                                              "Named Nurse Safeguarding Children and Young People"]),
                         agency=rng.choice(["Kestwick and Farrowdale NHS FT", "Safeguarding Team, Kestwick and Farrowdale NHS Foundation Trust"]),
                         email=email_text(rng, lf, ll, "nhs.net"), phone=phone_text(rng, False))
    elif key == "brackenmoor_dhr":
        role = rng.choice(["DHR Coordinator", "Domestic Abuse Partnership Officer", "Community Safety Manager",
                           "Domestic Abuse and Reviews Lead"])
        P["ref"] = dict(name=f"{rf} {rl}", role=role,
                        agency=rng.choice(["Domestic Abuse Partnership and Reviews Team", "Community Safety - DA Partnership and Reviews",
                                           "Safer Brackenmoor Partnership (Community Safety)"]),
                        email=email_text(rng, rf, rl, "brackenmoor.gov.uk"), phone=phone_text(rng))
        P["lead"] = dict(name=f"{lf} {ll}", role="Head of Community Safety",
                         agency=rng.choice(["Brackenmoor Borough Council", "Community Safety, Brackenmoor Borough Council"]),
                         email=email_text(rng, lf, ll, "brackenmoor.gov.uk"), phone=phone_text(rng, False))
    elif key == "sedgefold_bss":
        role = rng.choice(["Advisory Teacher", "Behaviour Support Practitioner", "Senior Advisory Teacher",
                           "Inclusion Outreach Teacher"])
        P["ref"] = dict(name=f"{rf} {rl}", role=role,
                        agency=rng.choice(["Behaviour Support (North base)", "Inclusion Outreach, Durnford base",
                                           "Behaviour Support and Inclusion Outreach - South"]),
                        email=email_text(rng, rf, rl, "sedgefold.gov.uk"), phone=phone_text(rng))
        P["lead"] = dict(name=f"{lf} {ll}", role=rng.choice(["Service Lead - Behaviour Support", "Service Lead"]),
                         agency=rng.choice(["County Hall, Sedgefold", "Behaviour Support (central)"]),
                         email=email_text(rng, lf, ll, "sedgefold.gov.uk"), phone=phone_text(rng, False))
    else:  # glassby_sports
        role = rng.choice(["Lead Coach", "Sports Coach", "Area Manager", "Holiday Camp Manager"])
        P["ref"] = dict(name=f"{rf} {rl}", role=role,
                        agency=rng.choice(["Glassby Active - Lowmoor", "Glassby Active Sports Coaching, Lowmoor branch",
                                           "Glassby Active Sports Coaching Ltd"]),
                        email=email_text(rng, rf, rl, "glassbyactive.co.uk"), phone=phone_text(rng, True))
        P["lead"] = dict(name=f"{lf} {ll}", role=rng.choice(["Operations Director and DSL", "Designated Safeguarding Lead"]),
                         agency=rng.choice(["Glassby Active Sports Coaching Ltd", "Glassby Active (head office)"]),
                         email=email_text(rng, lf, ll, "glassbyactive.co.uk"), phone=phone_text(rng, True))
    return P


# ------------------------------------------------------------------------------------------------ narrative
def summary_paras(rng, s, itype, kids, inc_place, police, other_detail) -> list[str]:
    c = kids[0]
    he = "she" if c["sex"] == "f" else "he"
    his = "her" if c["sex"] == "f" else "his"
    nm = c["first"]
    area = s["area"]
    k = s["key"]
    opening = {
        "death": [f"{nm} was found unresponsive at {inc_place} and was pronounced dead later the same day.",
                  f"Ambulance crews were called to {inc_place} where {nm} had stopped breathing. {he.capitalize()} could not be resuscitated.",
                  f"{nm} died at {inc_place}. The initial post-mortem findings have not yet been shared."],
        "serious_harm": ([f"{nm} was taken to hospital from {inc_place} with injuries that the treating paediatrician considers non-accidental.",
                          f"{nm} sustained a serious head injury at {inc_place}. A skeletal survey has shown older fractures."]
                         if c["years"] < 4 else
                         [f"{nm} was taken to hospital from {inc_place} with injuries that the treating paediatrician considers non-accidental.",
                          f"{nm} was admitted after taking a large overdose at {inc_place} and needed intensive care for three days.",
                          f"{nm} was found at {inc_place} with serious injuries after an assault and is still in hospital."]
                         if c["years"] >= 11 else
                         [f"{nm} was taken to hospital from {inc_place} with injuries that the treating paediatrician considers non-accidental.",
                          f"{nm} was admitted from {inc_place} severely malnourished and dehydrated; the family had not sought medical help."]),
        "lac_death": [f"{nm}, who was looked after by the local authority and living in a placement, died at {inc_place}.",
                      f"{nm} was in foster care and was found dead at {inc_place}."],
        "care_leaver_death": [f"{nm} was a care leaver living in supported accommodation. {he.capitalize()} was found dead at {inc_place}.",
                              f"{nm}, aged {c.get('years', 19)}, had left care two years ago and died at {inc_place}."],
        "other": [f"This referral concerns {(other_detail[0].lower() + other_detail[1:]) if other_detail else 'a serious incident'} involving {nm}.",
                  f"{nm} was reported missing and was later found at {inc_place}; concerns about exploitation have since emerged."],
    }[itype or "other"]
    ctx = {
        "oxendale_icb": [f"Health records show that {nm} was seen by several health providers in the months before the incident, including the GP practice, the 0-19 service and the Emergency Department.",
                         "The providers' safeguarding teams have shared chronologies with the ICB and the health involvement is summarised here."],
        "hatherby_mosovo": [f"The household includes a registered sex offender managed by this unit. The nominal had notified the address but not that children were staying there.",
                            "At the last home visit the nominal said he had no contact with children. This has since been found to be untrue."],
        "kestwick_ceds": [f"{nm} has been under the eating disorder service since last year with restrictive eating and weight loss. Attendance at clinic had become inconsistent.",
                          f"At the last review {his} weight had fallen further and the family had declined a paediatric admission."],
        "brackenmoor_dhr": [f"The incident happened in the context of long-standing domestic abuse. {nm}'s mother was killed at the same address and a Domestic Homicide Review has been commissioned.",
                            "There were three previous police call-outs to the address for domestic incidents, one graded high risk and heard at MARAC."],
        "sedgefold_bss": [f"Our service had been working with {nm} and {his} school for two terms because of escalating behaviour and the risk of exclusion.",
                          f"{nm} had been on a part-time timetable and staff had noticed {he} was often hungry and tired."],
        "glassby_sports": [f"{nm} attended our after-school club and holiday camps. Coaches had noticed bruising on two occasions and logged it.",
                           f"{nm} had told a coach that {he} did not want to go home at the end of the session."],
    }[k]
    after = [f"The police attended and {'have opened an investigation' if police else 'are making initial enquiries'}. A strategy meeting was held the next working day.",
             "A strategy discussion took place and children's social care are completing an assessment of the other children in the household.",
             f"Agencies in {area} have begun to share what they knew. There are questions about how information was shared between health, police and children's social care.",
             "The family are being supported by the police family liaison officer and the bereavement service."]
    paras = [rng.choice(opening)]
    n = rng.choice([1, 2, 2, 3, 3, 4])
    if n >= 2:
        paras.append(" ".join(rng.sample(ctx, rng.choice([1, 2]))))
    if n >= 3:
        paras.append(rng.choice(after))
    if n >= 4:
        rest = [a for a in after if a not in paras]
        paras.append(rng.choice(rest))
    if len(kids) > 1:
        sibs = ", ".join(k2["first"] for k2 in kids[1:])
        paras.insert(1, f"{sibs} {'was' if len(kids) == 2 else 'were'} living in the same household and {'is' if len(kids) == 2 else 'are'} included in this referral.")
    return paras


def reason_text(rng, s) -> str:
    return rng.choice([
        "The child has died and abuse or neglect is suspected; several agencies were involved with the family and there appear to be missed opportunities to share information.",
        "Serious harm with suspected non-accidental injury. Health, police and early help were all involved and the case may show learning about how concerns were escalated.",
        "There were repeated concerns over the last year that were not brought together. A review may help agencies understand how risk was assessed.",
        "The criteria appear to be met: serious harm, suspected neglect and a local connection. Learning is likely about information sharing between adult and children's services.",
        "We believe the case meets the criteria for a Rapid Review because of the level of harm and the number of agencies involved before the incident.",
        "Potential learning about the way professionals responded to the child's voice and to the adults in the household.",
    ])


def immediate_text(rng, kids) -> str:
    nm = kids[0]["first"]
    return rng.choice([
        "The other children in the household have been placed with grandparents under a safety plan. A strategy meeting has been held and section 47 enquiries are under way.",
        f"{nm} remains in hospital. Police protection was used and an interim care order is being sought.",
        "No other children live at the address. The alleged perpetrator is on bail with conditions not to contact children.",
        "A sibling is being seen daily by the school and the health visitor. Children's social care are leading the safety plan.",
        "None at present - the risk has been managed through the strategy meeting actions.",
        f"A younger half-sibling lives with the father. A child protection medical was arranged and {nm}'s school has been informed.",
    ])


# ------------------------------------------------------------------------------------------------ the form
TYPED_LAYOUTS = {"O-BOXES", "Q-WORDSAVED", "Q-GDOCS"}      # choices shown as typed words (extra words possible)


def _age_text(rng, years: int, months: int) -> str:
    if years == 0:
        return rng.choice([f"{months} months", f"{months} mths", f"{months} months old"])
    return rng.choice([f"{years}", f"{years} years", f"about {years}", f"approx. {years}", f"{years} yrs",
                       f"{years} (approx)"])


def _yn_values(n_opts: int) -> list:
    return [True, False, None][:n_opts]


def build_form(n: int, s: dict, layout: str, fmt: str, plan: dict, seed: int) -> Form:
    rng = random.Random(f"p30-{seed}-{n}")
    L = s["labels"]
    na = set(s["not_asked"])
    ds, dobs = s["date_style"], s["dob_style"]
    typed = layout in TYPED_LAYOUTS
    record = blank_record()
    notes: dict = {"sender": s["key"], "date_style": ds, "dob_style": dobs, "alt_dates": [], "blanks": [],
                   "fillers": [], "third_option": [], "elaborations": [], "decoys": [], "emails_with_capitals": 0,
                   "not_asked": sorted(na)}

    def main_date(d: dt.date, what: str) -> str:
        if rng.random() < 1 / 7:
            st = rng.choice([x for x in ALT_STYLES if x != ds])
            notes["alt_dates"].append(f"{what}:{st}")
            return fmt_date(d, st)
        return fmt_date(d, ds)

    # --- dates
    ref_date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 72))
    while ref_date.weekday() >= 5:
        ref_date += dt.timedelta(days=1)
    inc_date = ref_date - dt.timedelta(days=rng.randint(3, 24))
    la_date = min(ref_date, inc_date + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3])))
    itype = plan["itype"]                      # index into ITYPE_VALUES or None (unanswered)
    nkids = plan["nkids"]
    people = make_people(rng, s)

    # --- children
    fam_sur = rng.choice(SURNAMES)
    kids = []
    used_first = set()
    subj_years = {0: None}
    for i in range(nkids):
        sex = "f" if rng.random() < 0.5 else "m"
        if rng.random() < 0.03:
            sex = "x"
        pool = GIRLS if sex == "f" else BOYS if sex == "m" else GIRLS + BOYS
        first = rng.choice([p for p in pool if p not in used_first])
        used_first.add(first)
        last = fam_sur if (i == 0 or rng.random() < 0.7) else rng.choice(SURNAMES)
        it = ITYPE_VALUES[itype] if itype is not None else "serious_harm"
        if i == 0:
            if it == "care_leaver_death":
                years = rng.randint(18, 23)
            elif it == "lac_death":
                years = rng.randint(4, 17)
            elif it == "other":
                years = rng.randint(9, 17)
            else:
                years = rng.choice([0, 0, 1, 2, 3, 5, 7, 9, 11, 13, 14, 15, 16])
            if s["key"] == "sedgefold_bss" and years < 4:
                years = rng.randint(5, 11)
            if s["key"] == "kestwick_ceds" and years < 10:
                years = rng.randint(11, 17)
            if s["key"] == "glassby_sports" and years < 4:
                years = rng.randint(5, 12)
        else:
            years = rng.choice([y for y in range(0, 17) if all(abs(y - k["years"]) > 0 for k in kids)])
        months = rng.randint(1, 11) if years == 0 else 0
        dob = ref_date - dt.timedelta(days=int(years * 365.25) + months * 30 + rng.randint(20, 300))
        if years == 0 and dob > ref_date - dt.timedelta(days=20):
            dob = ref_date - dt.timedelta(days=40)
        kids.append(dict(first=first, last=last, sex=sex, years=years, months=months, dob=dob))
    subj = kids[0]

    # --- incident context
    t = rng.random()
    tmpl_kind = "home" if t < 0.45 else "public" if t < 0.65 else "hospital" if t < 0.8 else "other"
    home_lines = address_lines(rng, s)
    place = rng.choice(INCIDENT_PLACES[tmpl_kind]).format(
        addr=f"{home_lines[0]}, {home_lines[-2] if len(home_lines) > 2 else s['area']}", street=rng.choice(STREETS),
        town=rng.choice(s["towns"]))
    police_choice = rng.choices([0, 1, 2, None], [70, 12, 10, 8])[0]
    other_detail = ""
    if itype == 4:
        other_detail = rng.choice(["Suspected child sexual exploitation", "Serious self-harm of a young person",
                                   "Private fostering arrangement - child seriously neglected",
                                   "Near-fatal overdose of a child in the family home",
                                   "Child missing and found after a serious assault",
                                   "Fabricated or induced illness concerns"])

    # --- helpers to build items
    def add_blank_note(key):
        notes["blanks"].append(key)

    def text_item(key, value, path, *, blank_p=0.0, filler_p=0.0, filler_ok=True, child=None, kind="text",
                  truth_fn=None):
        it = Item(key=key, label=L[key], kind=kind, path=path, child=child)
        r = rng.random()
        if value is None or r < blank_p:
            it.text = ""
            add_blank_note(key)
        elif filler_ok and r < blank_p + filler_p:
            it.text = rng.choice(FILLERS)
            it.filler = True
            notes["fillers"].append(f"{key}={it.text}")
        else:
            it.text = value
            it.truth = truth_fn(value) if truth_fn else value
        return it

    def yn_item(key, path, weights, child=None, label=None):
        opts = s["yn"]
        choice = rng.choices([0, 1, 2, None], weights)[0]
        it = Item(key=key, label=label or L[key], kind="choice", options=list(opts), values=_yn_values(3),
                  chosen=choice, path=path, child=child, yn=True)
        if choice is None:
            add_blank_note(key)
        elif choice == 2:
            notes["third_option"].append(key)
        it.truth = it.values[choice] if choice is not None else None
        if typed and choice in (0, 1) and rng.random() < 0.14:
            it.extra = rng.choice(THIRD_ANSWERS_EXTRA["Yes" if choice == 0 else "No"])
            notes["elaborations"].append(f"{key}={it.typed()}")
        return it

    def decoy_items(section: str, child=None) -> list:
        out = []
        for d in s["decoys"]:
            if d["section"] != section:
                continue
            v = decoy_value(d) if d["kind"] not in ("yn", "choice") else ""
            it = Item(key=f"decoy:{d['id']}", label=d["label"], kind="text", decoy=True, child=child)
            if d["kind"] == "yn":
                ch = rng.choice([0, 1, 0, None])
                it = Item(key=f"decoy:{d['id']}", label=d["label"], kind="choice", options=list(s["yn"]),
                          values=[None, None, None], chosen=ch, decoy=True, yn=True)
                notes["decoys"].append(f"{d['label']}={s['yn'][ch] if ch is not None else ''}")
            elif d["kind"] == "choice":
                ch = rng.randrange(len(d["options"])) if rng.random() < 0.85 else None
                it.text = d["options"][ch] if ch is not None else ""
                notes["decoys"].append(f"{d['label']}={it.text}")
            else:
                if rng.random() < 0.12:
                    v = ""
                it.text = v
                notes["decoys"].append(f"{d['label']}={v}")
            out.append(it)
        return out

    def decoy_value(d) -> str:
        k = d["kind"]
        def nd(m):
            return "".join(str(rng.randint(0, 9)) for _ in range(m))
        if k == "nhsno":
            x = nd(10)
            return f"{x[:3]} {x[3:6]} {x[6:]}"
        if k == "ref":
            f = d["fmt"]
            return (f.replace("{n12}", nd(12)).replace("{n10}", nd(10)).replace("{n8}", nd(8)).replace("{n6}", nd(6))
                    .replace("{n4}", nd(4)).replace("{n2}", nd(2)).replace("{yy}", f"{ref_date.year % 100:02d}"))
        if k == "person":
            f, l = person_name(rng)
            return f"{d.get('title', '') + ' ' if d.get('title') else ''}{f} {l}"
        if k == "date_before":
            return main_date(inc_date - dt.timedelta(days=rng.randint(5, 120)), "decoy")
        if k == "date_after":
            return main_date(ref_date + dt.timedelta(days=rng.randint(1, 9)), "decoy")
        if k == "date_incident":
            return main_date(inc_date, "decoy")
        if k == "date_after_la":
            return main_date(la_date + dt.timedelta(days=rng.randint(1, 6)), "decoy")
        if k == "adult_dob":
            return fmt_date(dt.date(rng.randint(1968, 1996), rng.randint(1, 12), rng.randint(1, 28)), dobs)
        if k == "pct":
            return f"{rng.randint(68, 86)}%"
        if k == "year":
            return rng.choice(["Year 2", "Year 4", "Year 5", "Year 6", "Reception", "Year 3", "Y6", "Y4"])
        if k == "count":
            return str(rng.randint(2, 14))
        if k == "venue":
            return f"{rng.choice(s['towns'])} {rng.choice(['Primary School', 'Leisure Centre', 'Academy'])}"
        if k == "session":
            return rng.choice(["After-school football (Tue)", "Holiday multi-sports camp", "PE lessons (Year 4)",
                               "Lunchtime dodgeball club", "Saturday gymnastics"])
        if k == "mobile":
            return phone_text(rng, True)
        raise ValueError(k)

    sections: list[Section] = []
    ref_date_text = main_date(ref_date, "date_ref")

    # --- referrer
    def sec_referrer():
        P = people["ref"]
        items = [Item(key="date_ref", label=L["date_ref"], kind="date", text=ref_date_text, path=("date_of_referral",),
                      truth=ref_date.isoformat())]
        items.append(text_item("ref.name", P["name"], ("referrer", "name")))
        items.append(text_item("ref.role", P["role"], ("referrer", "role"), blank_p=0.04))
        items.append(text_item("ref.agency", P["agency"], ("referrer", "agency"), blank_p=0.04))
        items.append(text_item("ref.email", P["email"], ("referrer", "email"), blank_p=0.06,
                               truth_fn=lambda v: v.lower()))
        items.append(text_item("ref.phone", P["phone"], ("referrer", "phone"), blank_p=0.06, truth_fn=digits))
        items += decoy_items("referrer")
        return Section("referrer", "", items)

    def sec_lead():
        P = people["lead"]
        items = [text_item("lead.name", P["name"], ("safeguarding_lead", "name"), blank_p=0.05),
                 text_item("lead.role", P["role"], ("safeguarding_lead", "role"), blank_p=0.1, filler_p=0.03),
                 text_item("lead.agency", P["agency"], ("safeguarding_lead", "agency"), blank_p=0.12, filler_p=0.03),
                 text_item("lead.email", P["email"], ("safeguarding_lead", "email"), blank_p=0.15, filler_p=0.03,
                           truth_fn=lambda v: v.lower()),
                 text_item("lead.phone", P["phone"], ("safeguarding_lead", "phone"), blank_p=0.2, filler_p=0.03,
                           truth_fn=digits),
                 yn_item("lead.discussed", ("safeguarding_lead", "discussed"), [72, 9, 8, 11])]
        return Section("lead", "", items)

    def sec_child(i):
        k = kids[i]
        it_val = ITYPE_VALUES[itype] if itype is not None else None
        items = []
        sur_caps = rng.random() < (0.55 if s["key"] == "hatherby_mosovo" else 0.12)
        sur_shown = k["last"].upper() if sur_caps else k["last"]
        if s["split_name"] == "full":
            full = f"{k['first']} {sur_shown}"
            items.append(Item(key="child.fullname", label=L["child.fullname"], kind="text", text=full,
                              path=("children", i, "name"), truth=full, child=i))
        else:
            fi = Item(key="child.forename", label=L["child.forename"], kind="text", text=k["first"], child=i)
            si = Item(key="child.surname", label=L["child.surname"], kind="text", text=sur_shown, child=i)
            fi.path = ("children", i, "name")
            fi.truth = f"{k['first']} {sur_shown}"
            items += [si, fi] if s["split_name"] == "surname_first" else [fi, si]
        # other names
        short = k["first"][:3] if len(k["first"]) > 4 else k["first"] + "ie"
        tmpls = (["Known as {short}", "{short}", "previously {first} {oldsur}", "{first} {oldsur} (birth name)"]
                 if len(k["first"]) > 4 else
                 ["{first}-{oldsur}", "{first} {oldsur}", "previously {first} {oldsur}", "{first} {oldsur} (birth name)"])
        oth = rng.choice(tmpls).format(short=short, first=k["first"], oldsur=rng.choice(SURNAMES))
        items.append(text_item("child.other", oth, ("children", i, "other_names"), blank_p=0.35, filler_p=0.3,
                               child=i))
        # dob / age
        age_instead = plan["age_instead"][i] and "child.age" not in na
        k["age_instead"] = age_instead
        if age_instead:
            r = rng.random()
            dob_it = Item(key="child.dob", label=L["child.dob"], kind="date", child=i, path=("children", i, "dob"))
            if r < 0.5:
                dob_it.text = ""
            elif r < 0.75:
                dob_it.text = rng.choice(["Not known", "Unknown"])
                notes["fillers"].append(f"child.dob={dob_it.text}")
            else:
                dob_it.text = rng.choice(FILLERS)
                notes["fillers"].append(f"child.dob={dob_it.text}")
            age_t = _age_text(rng, k["years"], k["months"])
            age_it = Item(key="child.age", label=L["child.age"], kind="text", text=age_t, path=("children", i, "age"),
                          truth=age_t, child=i)
            notes.setdefault("ages", []).append(age_t)
        else:
            dob_it = Item(key="child.dob", label=L["child.dob"], kind="date", text=fmt_date(k["dob"], dobs),
                          path=("children", i, "dob"), truth=k["dob"].isoformat(), child=i)
            age_it = None
            if "child.age" not in na:
                age_it = text_item("child.age", None, ("children", i, "age"), child=i) if rng.random() < 0.6 else \
                    Item(key="child.age", label=L["child.age"], kind="text", text=rng.choice(FILLERS), filler=True,
                         child=i)
                if age_it.filler:
                    notes["fillers"].append(f"child.age={age_it.text}")
        items.append(dob_it)
        if age_it is not None:
            items.append(age_it)
        # gender
        gwords = s["gender"]
        gi = {"f": [j for j, g in enumerate(gwords) if g[1] == "female"][0],
              "m": [j for j, g in enumerate(gwords) if g[1] == "male"][0],
              "x": [j for j, g in enumerate(gwords) if g[1] == "other"][0]}[k["sex"]]
        if rng.random() < 0.03:
            gi = None
            add_blank_note("child.gender")
        items.append(Item(key="child.gender", label=L["child.gender"], kind="choice", options=[g[0] for g in gwords],
                          values=[g[1] for g in gwords], chosen=gi, path=("children", i, "gender"),
                          truth=gwords[gi][1] if gi is not None else None, child=i))
        if "child.ethnicity" not in na:
            pool = ETHNICITY_POLICE if s["key"] == "hatherby_mosovo" else ETHNICITY
            eth = kids[0].get("eth") if i > 0 and rng.random() < 0.8 else rng.choice(pool)
            k["eth"] = eth
            items.append(text_item("child.ethnicity", eth, ("children", i, "ethnicity"), blank_p=0.08, child=i))
        # address
        lines = home_lines if (i == 0 or rng.random() < 0.85) else address_lines(rng, s)
        ad = Item(key="child.address", label=L["child.address"], kind="address", path=("children", i, "address"),
                  child=i)
        if rng.random() < (0.25 if s["key"] == "glassby_sports" else 0.04):
            add_blank_note("child.address")
        else:
            if plan["addr_oneline"]:
                one = rng.choice([", ".join(lines), " ".join(lines[:-1]) + ", " + lines[-1]])
                ad.lines, ad.oneline, ad.truth = [one], True, one
            else:
                ad.lines, ad.truth = list(lines), ", ".join(lines)
        items.append(ad)
        # school
        yrs = k["years"]
        if yrs >= 18:
            sch = rng.choice(["Not in education", f"{rng.choice(s['towns'])} College (left 2024)", None])
        elif yrs < 2:
            sch = rng.choice(["Not yet at nursery", None, "Little Owls Day Nursery"])
        elif yrs < 4:
            sch = rng.choice([f"{rng.choice(s['towns'])} Nursery School", "Rainbow Pre-school", None])
        elif yrs < 11:
            kinds = (["Primary School", "Primary Academy", "C of E Primary School", "Junior School",
                      "St Mary's RC Primary School"] if yrs >= 7 else
                     ["Primary School", "Primary Academy", "Infant School", "C of E Primary School"])
            sch = f"{rng.choice(s['towns'])} {rng.choice(kinds)}"
        elif yrs < 16:
            sch = f"{rng.choice(s['towns'])} {rng.choice(['High School', 'Academy', 'Community College', 'School'])}"
        else:
            sch = f"{rng.choice(s['towns'])} {rng.choice(['College', 'Sixth Form College', 'High School (sixth form)', 'Academy'])}"
        if s["key"] == "sedgefold_bss" and i == 0:
            sch = f"{rng.choice(s['towns'])} {rng.choice(['Primary School', 'Primary Academy', 'C of E Primary School', 'Junior School'])}"
        items.append(text_item("child.school", sch, ("children", i, "school"), blank_p=0.05, filler_p=0.0 if sch else 0,
                               child=i) if sch else
                     Item(key="child.school", label=L["child.school"], kind="text",
                          text=rng.choice(FILLERS + [""]), child=i))
        if items[-1].text in FILLERS:
            items[-1].filler = True
            notes["fillers"].append(f"child.school={items[-1].text}")
        if "child.gp" not in na:
            gp = f"{rng.choice(STREETS).split()[0]} {rng.choice(GP_KINDS)}, {rng.choice(s['towns'])}"
            items.append(text_item("child.gp", gp, ("children", i, "gp"), blank_p=0.1, child=i))
        if "child.legal" not in na:
            if it_val == "lac_death" and i == 0:
                lg = rng.choice(["Full Care Order (s31)", "Section 20 (accommodated)", "Interim Care Order"])
            elif it_val == "care_leaver_death" and i == 0:
                lg = rng.choice(["Care leaver (former s20)", "Former relevant child", "None - care leaver"])
            else:
                lg = rng.choice(LEGAL)
            items.append(text_item("child.legal", lg, ("children", i, "legal_status"), blank_p=0.12, filler_p=0.1,
                                   child=i))
        # yes/no per child
        if it_val == "lac_death" and i == 0:
            wcp, wcsc, wlac = [35, 45, 10, 10], [85, 5, 5, 5], [90, 2, 3, 5]
        elif it_val == "care_leaver_death" and i == 0:
            wcp, wcsc, wlac = [25, 55, 10, 10], [55, 30, 10, 5], [25, 60, 10, 5]
        else:
            wcp, wcsc, wlac = [30, 50, 10, 10], [45, 40, 8, 7], [6, 80, 6, 8]
        items.append(yn_item("child.cp", ("children", i, "cp_plan"), wcp, child=i))
        items.append(yn_item("child.csc", ("children", i, "open_to_csc"), wcsc, child=i))
        items.append(yn_item("child.lac", ("children", i, "looked_after"), wlac, child=i))
        dis_pool = (["None known", "Global developmental delay", "Born prematurely (31 weeks)", "No known disability",
                     "Hearing impairment (bilateral aids)", "Cerebral palsy"] if k["years"] < 4 else DISABILITY)
        if s["key"] == "kestwick_ceds" and i == 0:
            dis_pool = ["Anorexia nervosa", "Anorexia nervosa; autism", "ARFID", "Bulimia nervosa",
                        "Atypical anorexia nervosa, low mood"]
        items.append(text_item("child.disability", rng.choice(dis_pool), ("children", i, "disability"),
                               blank_p=0.15, filler_p=0.15, child=i))
        # date of death
        if i == 0 and it_val in ("death", "lac_death", "care_leaver_death"):
            dod = inc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
            dod = min(dod, ref_date)
            items.append(Item(key="child.dod", label=L["child.dod"], kind="date", text=fmt_date(dod, dobs),
                              path=("children", i, "date_of_death"), truth=dod.isoformat(), child=i))
        else:
            items.append(text_item("child.dod", None, ("children", i, "date_of_death"), child=i)
                         if rng.random() < 0.55 else
                         Item(key="child.dod", label=L["child.dod"], kind="text", text=rng.choice(FILLERS),
                              filler=True, child=i))
            if items[-1].filler:
                notes["fillers"].append(f"child.dod={items[-1].text}")
        if i == 0 or rng.random() < 0.5:
            items += decoy_items("child", child=i)
        return Section("child", "", items, child=i, nchildren=nkids)

    def sec_incident():
        items = [text_item("inc.date", main_date(inc_date, "inc.date"), ("incident", "date"), blank_p=0.04,
                           kind="date", truth_fn=lambda v: inc_date.isoformat()),
                 text_item("inc.la", main_date(la_date, "inc.la"), ("incident", "date_la_aware"), blank_p=0.12,
                           kind="date", truth_fn=lambda v: la_date.isoformat()),
                 text_item("inc.location", place, ("incident", "location"), blank_p=0.06)]
        ty = Item(key="inc.type", label=L["inc.type"], kind="choice", options=list(s["itype"]),
                  values=list(ITYPE_VALUES), chosen=itype, path=("incident", "type"),
                  truth=ITYPE_VALUES[itype] if itype is not None else None)
        if itype is None:
            add_blank_note("inc.type")
        items.append(ty)
        oth = Item(key="inc.other", label=L["inc.other"], kind="text")
        if itype == 4 and rng.random() < 0.85:
            oth.text = other_detail
            notes["other_detail"] = other_detail
        elif itype != 4 and rng.random() < 0.3:
            oth.text = rng.choice(FILLERS)
        items.append(oth)
        paras = summary_paras(rng, s, ITYPE_VALUES[itype] if itype is not None else None, kids, place,
                              police_choice == 0, other_detail)
        items.append(Item(key="inc.summary", label=L["inc.summary"], kind="long", paras=paras,
                          path=("incident", "summary"), truth="\n\n".join(paras)))
        pw = [int(police_choice == 0), int(police_choice == 1), int(police_choice == 2), int(police_choice is None)]
        items.append(yn_item("inc.police", ("incident", "police_involved"), pw))
        items += decoy_items("incident")
        return Section("incident", "", items)

    def sec_criteria():
        harm_w = [85, 5, 5, 5] if itype != 4 else [45, 20, 25, 10]
        items = [yn_item("crit.harm", ("criteria", "died_or_seriously_harmed"), harm_w),
                 yn_item("crit.abuse", ("criteria", "abuse_or_neglect_suspected"), [70, 6, 16, 8]),
                 yn_item("crit.local", ("criteria", "local_connection"), [88, 4, 3, 5]),
                 yn_item("crit.learning", ("criteria", "multi_agency_learning"), [70, 6, 16, 8])]
        items.append(text_item("crit.reason", reason_text(rng, s), ("criteria", "reason"), blank_p=0.06,
                               kind="long_single"))
        return Section("criteria", "", items)

    def sec_panel():
        p = yn_item("panel", ("panel_notified",), [42, 28, 16, 14])
        items = [p]
        if p.chosen == 0 and rng.random() < 0.9:
            pd = min(ref_date, la_date + dt.timedelta(days=rng.randint(0, 5)))
            items.append(Item(key="panel.date", label=L["panel.date"], kind="date", text=main_date(pd, "panel.date"),
                              path=("date_panel_notified",), truth=pd.isoformat()))
        else:
            d = Item(key="panel.date", label=L["panel.date"], kind="date", text="")
            if rng.random() < 0.35:
                d.text = rng.choice(FILLERS)
                d.filler = True
                notes["fillers"].append(f"panel.date={d.text}")
            items.append(d)
        return Section("panel", "", items)

    def sec_immediate():
        it = text_item("immediate", immediate_text(rng, kids), ("immediate_concerns",), blank_p=0.07,
                       kind="long_single")
        return Section("immediate", "", [it])

    # agencies
    def make_agencies():
        area = s["area"]
        pool = [(f"{area} Children's Social Care", "Social Worker"), (f"{s['area2']} Police" if s["key"] != "hatherby_mosovo" else "Hatherby Constabulary - CID", "Detective Constable"),
                (f"{area} 0-19 Health Visiting Service", "Health Visitor"), ("GP practice", "GP"),
                (f"{area} Youth Justice Service", "Youth Justice Officer"), ("Probation Service", "Probation Officer"),
                (f"{s['area2']} Women's Aid", "IDVA"), ("CAMHS", "CAMHS Practitioner"),
                (f"{area} Early Help Team", "Early Help Worker"), ("School", "DSL"),
                (f"{rng.choice(s['towns'])} General Hospital", "Paediatrician"),
                (f"{area} Housing Options", "Housing Officer")]
        m = plan["nagencies"]
        rows = []
        for ag, role in rng.sample(pool, m):
            if ag == "GP practice":
                ag = f"{rng.choice(STREETS).split()[0]} Medical Centre"
            if ag == "School":
                ag = f"{rng.choice(s['towns'])} {rng.choice(SCHOOL_KINDS[:6])}"
            f, l = person_name(rng)
            nm = f"{'Dr ' if role in ('GP', 'Paediatrician') else 'DC ' if role == 'Detective Constable' else ''}{f} {l}"
            r = rng.random()
            if r < 0.22:
                nm_shown = rng.choice(["", "-"])
            else:
                nm_shown = nm
            rc = rng.random()
            if rc < 0.12:
                contact = ""
            elif rc < 0.55:
                contact = phone_text(rng)
            elif rc < 0.85:
                contact = email_text(rng, f, l, rng.choice(["nhs.net", f"{s['area'].lower()}.gov.uk", "probation.gov.uk"]))
            else:
                contact = f"{phone_text(rng)} / {email_text(rng, f, l, 'nhs.net')}"
            row = {"agency": ag, "name": nm_shown, "contact": contact, "x_role": role,
                   "x_still": rng.choice(["Yes", "No", "Yes", "Unknown"])}
            rows.append(row)
            record["agencies_involved"].append({"name": nm_shown if nm_shown not in ("", "-") else None,
                                                "agency": ag, "contact": contact or None})
        return Agencies(label=L["agencies"], cols=list(s["agency_cols"]), rows=rows,
                        spare=plan["spare_rows"])

    builders = {"referrer": sec_referrer, "lead": sec_lead, "incident": sec_incident, "criteria": sec_criteria,
                "panel": sec_panel, "immediate": sec_immediate}
    agencies = None
    for key, title in s["sections"]:
        if key == "child":
            for i in range(nkids):
                sec = sec_child(i)
                sec.title = title
                sections.append(sec)
        elif key == "agencies":
            agencies = make_agencies()
            sections.append(Section("agencies", title, []))
        elif key == "records":
            sections.append(Section("records", title, decoy_items("records")))
        else:
            sec = builders[key]()
            sec.title = title
            sections.append(sec)
    # agencies built in section order but record rows must come after other fields: fine (list only)

    # --- record from items
    record["children"] = [blank_child() for _ in range(nkids)]
    for sec in sections:
        for it in sec.items:
            if it.path is None or it.decoy:
                continue
            if it.kind in ("text", "date", "long_single") and (it.text == "" or it.filler):
                continue
            v = it.truth
            p = it.path
            if p[0] == "children":
                record["children"][p[1]][p[2]] = v
            elif len(p) == 1:
                record[p[0]] = v
            else:
                record[p[0]][p[1]] = v
    # long_single items: truth is the text
    for sec in sections:
        for it in sec.items:
            if it.kind == "long_single" and it.text and not it.filler:
                p = it.path
                if len(p) == 1:
                    record[p[0]] = it.text
                else:
                    record[p[0]][p[1]] = it.text
    notes["emails_with_capitals"] = sum(1 for sec in sections for it in sec.items
                                        if it.key.endswith(".email") and it.text and it.text != it.text.lower())
    notes["children"] = nkids
    notes["agencies"] = len(agencies.rows) if agencies else 0
    notes["agencies_without_person"] = sum(1 for r in (agencies.rows if agencies else []) if r["name"] in ("", "-"))
    notes["itype"] = ITYPE_VALUES[itype] if itype is not None else None
    notes["age_instead"] = [bool(k.get("age_instead")) for k in kids]
    stem = f"p30_{n:03d}"
    guidance = s["guidance"].format(pemail=s["pship_email"], pphone=s["pship_phone"],
                                    example_date=fmt_date(dt.date(2015, 1, 1), ds))
    return Form(n=n, stem=stem, sender=s, layout=layout, fmt=fmt, sections=sections, agencies=agencies,
                record=record, notes=notes, ref_date=ref_date, ref_date_text=ref_date_text,
                ref_name_text=people["ref"]["name"], guidance=guidance, rng_seed=f"p30-{seed}-{n}-render")
