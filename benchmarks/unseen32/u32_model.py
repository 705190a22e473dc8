"""Invented people, places and events, date styles, and one case per form.

A case is built once as the form shows it: every answer is chosen as the words, date, lines or
paragraphs the referrer typed (or the option they marked, or nothing), and the truth record is
read off those shown answers (u32_form.truth). Layouts only render what is here, except where a
layout's own mechanics change what the page shows (W-PRESET), which it records on the items.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WD_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WD_TUES = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"]
WD_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(d: int) -> str:
    if 11 <= d % 100 <= 13:
        return f"{d}th"
    return f"{d}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th') }"


def fmt_date(d: dt.date, style: str) -> str:
    """A date as typed in one of the styles (UK day-first, or month as a word)."""
    mon = MONTHS[d.month - 1]
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "d_month_y":
        return f"{d.day} {mon} {d.year}"
    if style == "dd_mon_yyyy_dash":
        return f"{d.day:02d}-{mon[:3]}-{d.year}"
    if style == "dmy2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dot4":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {mon} {d.year}"
    if style == "tues_dot":
        return f"{WD_TUES[d.weekday()]} {d.day:02d}.{d.month:02d}.{d.year}"
    if style == "d_mon_y":
        return f"{d.day} {mon[:3]} {d.year}"
    if style == "dd_mon_y":
        return f"{d.day:02d} {mon[:3]} {d.year}"
    if style == "iso_wd":
        return f"{d.isoformat()} ({WD_SHORT[d.weekday()]})"
    if style == "iso":
        return d.isoformat()
    # styles used only by P-FORMATSCRIPTS (typed raw values and Acrobat display formats)
    if style == "raw_short2":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if style == "raw_dots2":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "raw_dash":
        return f"{d.day}-{d.month}-{d.year}"
    if style == "acro_dd_mmm_yyyy":
        return f"{d.day:02d} {mon[:3]} {d.year}"
    if style == "acro_long":
        return f"{WD_LONG[d.weekday()]}, {d.day} {mon} {d.year}"
    if style == "acro_d_mmmm_yyyy":
        return f"{d.day} {mon} {d.year}"
    raise ValueError(style)


ALL_DATE_STYLES = ["dmy_slash", "dmy_slash_short", "d_month_y", "dd_mon_yyyy_dash", "dmy2", "dot4", "ordinal",
                   "tues_dot", "d_mon_y", "dd_mon_y", "iso_wd", "iso", "raw_short2", "raw_dots2", "raw_dash",
                   "acro_dd_mmm_yyyy", "acro_long", "acro_d_mmmm_yyyy"]
ALT_STYLES = ["dmy_slash", "d_month_y", "dmy_slash_short"]

# ---------------------------------------------------------------------------------------------
# Invented names, places and services

GIRLS = ["Amara", "Isla", "Zainab", "Freya", "Leila", "Niamh", "Ruby", "Aisha", "Poppy", "Maja", "Esme", "Hana",
         "Lacey", "Keira", "Sofia", "Nadia", "Imogen", "Tia", "Yasmin", "Evie", "Orla", "Kadijah", "Paige",
         "Delphine", "Shannon", "Aleksandra", "Faith", "Rosie", "Mariam", "Bethany"]
BOYS = ["Kian", "Dylan", "Reuben", "Tomasz", "Bilal", "Alfie", "Jayden", "Oscar", "Ravi", "Callum", "Finley",
        "Hamza", "Kai", "Leon", "Mason", "Rory", "Tyler", "Idris", "Aaron", "Kofi", "Stanley", "Declan",
        "Mikolaj", "Yusuf", "Brandon", "Eli", "Jude", "Corey", "Theo", "Ibrahim"]
OTHER_FIRST = ["Ash", "Rowan", "Sky", "Jesse", "Robin", "Charlie"]
SURNAMES = ["Okonkwo", "Whitlock", "Brennan", "Kowalczyk", "Hussain", "Pearce", "Adeyemi", "Marsh", "Doherty",
            "Osei", "Fairclough", "Rahman", "Tennant", "Varga", "Mensah", "Garside", "Begum", "Lockwood",
            "Nowak", "Quayle", "Ashworth", "Farouk", "McAllister", "Ellery", "Siddiqui", "Tranter", "Bukowski",
            "Nwosu", "Prentice", "Kaur", "Hardcastle", "Iqbal", "Rooney", "Delaney", "Mahmood", "Stringer"]
ADULT_F = ["Helen", "Rachel", "Priya", "Joanne", "Claire", "Samina", "Gemma", "Louise", "Agnieszka", "Funmi",
           "Catriona", "Nasreen", "Kirsty", "Bronwen", "Harriet", "Olu", "Deborah", "Lorna", "Shazia", "Megan"]
ADULT_M = ["Daniel", "Imran", "Gareth", "Paul", "Kwame", "Stuart", "Tariq", "Andrew", "Neil", "Piotr", "Simon",
           "Marcus", "Rhys", "Ahmed", "Colin", "Owen", "Graham", "Dev", "Martin", "Joseph"]
ADULT_SUR = ["Achterberg", "Okafor", "Whitfield", "Chaudhry", "Barraclough", "Lindsay", "Oyelaran", "Pritchard",
             "Sandhu", "Halliwell", "Moreton", "Ferreira", "Gallagher", "Nkemelu", "Radcliffe", "Sutcliffe",
             "Bhatt", "Kearney", "Mwangi", "Thorpe", "Llewellyn", "Castellano", "Hebden", "Ogunleye", "Rawnsley",
             "Szymanski", "Atherton", "Dunmore", "Mirza", "Blackwood"]
STREETS = ["Cavendish Road", "Orchard Way", "Millbrook Close", "Stonegate", "Quarry Lane", "Peel Street",
           "Larkspur Avenue", "Chapel Row", "Beacon Drive", "Weavers Court", "Holly Bank", "Station Terrace",
           "Foundry Walk", "Kestrel Rise", "Marsh Lane", "Tanners Yard", "Elm Grove", "Brookside Crescent"]
FLATS = ["Flat 3, Carrick House", "Flat 12, Linnet Court", "Flat 7, Ravenscar House", "Flat 2A, The Maltings",
         "Flat 19, Bowland Tower"]
ETHNICITIES = ["White British", "Black British - Caribbean", "Asian British - Pakistani", "Mixed - White and Black African",
               "White - Polish", "Gypsy / Roma", "Arab", "Bangladeshi", "Any other White background",
               "Kurdish", "Black African - Nigerian", "Mixed - White and Asian", "Indian", "White Irish",
               "Chinese", "Somali"]
LEGAL = ["None", "Section 20 (accommodated)", "Interim care order", "Care order (s31)", "Child arrangements order",
         "Special guardianship order", "Remanded to youth detention accommodation", "Child in need plan only",
         "Supervision order"]
DISABILITY = ["None known", "Autism (diagnosed 2022)", "ADHD", "Cerebral palsy", "Global developmental delay",
              "Type 1 diabetes", "Hearing impairment (bilateral aids)", "Epilepsy", "Visual impairment",
              "Speech and language delay", "Learning disability (moderate)", "None"]
def age_string(rng: random.Random, years: int) -> str:
    """An age as a referrer types it when the date of birth is not known."""
    if years == 0:
        return rng.choice(["11 months", "6 weeks", "about 4 months", "9 months (approx.)"])
    if years < 3 and rng.random() < 0.4:
        return f"{years} years {rng.randrange(1, 12)} months"
    pat = rng.choice(["about {y}", "approximately {y}", "c. {y}", "{y} (estimated)", "{y}", "around {y}", "{y} yrs",
                      "approx. {y}", "{y} (thought to be)", "{y} or {z}"])
    return pat.format(y=years, z=years + 1)
TITLES_REF = {"pellingham_eyes": ["Dr", "", "", "Mr"], "cobbleford_fracture": ["", "Dr", "", "Sister"],
              "selverton_firearms": ["PC", "DC", "", "Sgt"], "hetherby_hba": ["", "", "Ms"],
              "quernmoor_hsb": ["", "", "Ms", "Mr"], "fcdo_consular": ["", "", "Mrs"],
              "sedley_advocacy": ["", "", ""], "guardline_escort": ["", "", "Mr"]}
TITLES_LEAD = {"pellingham_eyes": ["Dr", "Dr", ""], "cobbleford_fracture": ["", "Dr"],
               "selverton_firearms": ["DI", "Insp.", "Sgt"], "hetherby_hba": ["", "Ms"],
               "quernmoor_hsb": ["", ""], "fcdo_consular": ["", "Mr", "Ms"], "sedley_advocacy": ["", ""],
               "guardline_escort": ["", "Mrs"]}

PHONE_RANGES = ["0113 496 0{:03d}", "0114 496 0{:03d}", "0115 496 0{:03d}", "0116 496 0{:03d}",
                "0117 496 0{:03d}", "0118 496 0{:03d}", "0121 496 0{:03d}", "0161 496 0{:03d}",
                "0151 496 0{:03d}", "020 7946 0{:03d}", "01632 960{:03d}", "07700 900{:03d}"]

SCHOOL_PAT = ["{p} Primary School", "St {s}'s CE Primary", "{p} Academy", "{p} High School", "{p} Community College",
              "Little Acorns Nursery, {p}", "{p} Junior School", "Holy Trinity RC Primary, {p}", "{p} Pupil Referral Unit"]
SAINTS = ["Bride", "Aidan", "Chad", "Hilda", "Wilfrid", "Oswald"]
GP_PAT = ["{p} Medical Centre", "The {p} Surgery", "{p} Health Centre", "{s} Street Practice", "{p} Family Practice"]

INCIDENT_KEYS = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]
OTHER_DETAILS = ["Private fostering arrangement not notified", "Near-drowning at an unregistered holiday club",
                 "Serious injury to a child in a secure escort vehicle", "Child missing abroad for three weeks",
                 "Attempted forced marriage overseas", "Serious self-harm while on remand",
                 "Child left alone for several days", "Historic abuse disclosed by a young adult"]


@dataclass
class Item:
    kind: str                     # text | date | lines | paras | choice | agencies | decoy | decoydate
    key: str
    label: str
    value: Any = None             # shown: str ('' = blank) / list / chosen option index or None
    iso: str | None = None        # date items: the date shown, ISO; None when blank / not a date
    options: list | None = None   # choice items: option words
    ctype: str = ""               # choice type: yn | gender | itype
    third: bool = False           # choice: the third (don't know) option exists
    filler: bool = False          # text holds a filler token (N/A etc.)
    path: tuple = ()              # truth path
    cols: list | None = None      # agencies: [(key, title)]
    alt: bool = False             # date typed in another style than the sender's main one
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    items: list = field(default_factory=list)
    child: int | None = None      # 0-based child index for child sections
    nchildren: int = 0


@dataclass
class Form:
    n: int
    sender: dict
    layout: str
    stem: str
    sections: list
    meta: dict
    notes: dict = field(default_factory=dict)


def phone(rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is True:
        pat = PHONE_RANGES[-1]
    elif mobile is False:
        pat = rng.choice(PHONE_RANGES[:-1])
    else:
        pat = rng.choice(PHONE_RANGES)
    return pat.format(rng.randrange(0, 1000))


def phone_variant(rng: random.Random, p: str) -> str:
    """How a phone number is typed: spaced as allocated, run together, or with other spacing."""
    digits = p.replace(" ", "")
    r = rng.random()
    if r < 0.6:
        return p
    if r < 0.8:
        return digits
    if digits.startswith("07"):
        return f"{digits[:5]}-{digits[5:8]}-{digits[8:]}"
    if digits.startswith("020"):
        return f"(020) {digits[3:7]} {digits[7:]}"
    if digits.startswith("01632"):
        return f"(01632) {digits[5:]}"
    return f"({digits[:4]}) {digits[4:7]} {digits[7:]}"


def phone_digits(s: str) -> str:
    out = "".join(ch for ch in s if ch.isdigit() or ch == "+")
    return ("+" + out.replace("+", "")) if out.startswith("+") else out.replace("+", "")


FEMALE_TITLES = ("Mrs", "Ms", "Miss", "Sister")
MALE_TITLES = ("Mr",)


def person(rng: random.Random, titles: list[str], used: set) -> tuple[str, str, str]:
    """(display name, first, last) for an adult professional; a gendered title matches the first name."""
    while True:
        female = rng.random() < 0.55
        first = rng.choice(ADULT_F if female else ADULT_M)
        last = rng.choice(ADULT_SUR)
        if (first, last) not in used:
            used.add((first, last))
            break
    ok = [t for t in (titles or [""]) if not ((t in FEMALE_TITLES and not female) or (t in MALE_TITLES and female))]
    t = rng.choice(ok) if ok else ""
    return (f"{t} {first} {last}".strip(), first, last)


def email_for(rng: random.Random, first: str, last: str, domain: str) -> str:
    pat = rng.choice(["{f}.{l}", "{f}.{l}", "{fi}{l}", "{f}{l}", "{f}.{l}1"])
    local = pat.format(f=first.lower(), l=last.lower().replace("'", ""), fi=first[0].lower())
    e = f"{local}@{domain}"
    r = rng.random()
    if r < 0.3:   # typed with capitals
        e = f"{first}.{last}@{domain}" if "." in local else e[0].upper() + e[1:]
    return e


def address(rng: random.Random, sender: dict) -> list[str]:
    lines = []
    if rng.random() < 0.25:
        lines.append(rng.choice(FLATS))
        lines.append(rng.choice(STREETS))
    else:
        lines.append(f"{rng.randrange(1, 140)} {rng.choice(STREETS)}")
    place = rng.choice(sender["places"])
    if rng.random() < 0.4 and place != sender["town"]:
        lines.append(place)
        lines.append(sender["town"])
    else:
        lines.append(place)
    pc = f"{sender['postcode']}{rng.randrange(1, 19)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    lines.append(pc)
    return lines


def school(rng: random.Random, sender: dict, age: int) -> str:
    p = rng.choice(sender["places"])
    if age < 4:
        pats = [SCHOOL_PAT[5]]
    elif age < 11:
        pats = [SCHOOL_PAT[0], SCHOOL_PAT[1], SCHOOL_PAT[6], SCHOOL_PAT[7]]
    else:
        pats = [SCHOOL_PAT[2], SCHOOL_PAT[3], SCHOOL_PAT[4], SCHOOL_PAT[8]]
    return rng.choice(pats).format(p=p, s=rng.choice(SAINTS))


def gp(rng: random.Random, sender: dict) -> str:
    return rng.choice(GP_PAT).format(p=rng.choice(sender["places"]), s=rng.choice(["Peel", "Chapel", "Market", "Church"]))


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)
