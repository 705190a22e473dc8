"""Invented values for training forms: people, places, organisations, incidents.

Everything is fictional; phone numbers use the Ofcom drama ranges.  One
`Case` holds the full "true" story of a referral; the grammar decides which
parts a form states, and how each is written.
"""
from __future__ import annotations

import datetime as dt
import random

F_NAMES = "Amelia Olivia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Evie Poppy Ella Aisha Zara Maryam Hannah Chloe Ruby Nia Seren Cerys Ffion Megan Erin Jessica Layla Harper Skye Maisie Esme Darcie Holly Imogen Alice Phoebe Daisy Eliza Sienna Amira Fatima Priya Leah Kayla Chantelle Tia Nevaeh Zoë Chloë Niamh Aoife Siobhan Carys Eira Gwen".split()
M_NAMES = "Oliver George Noah Arthur Leo Oscar Harry Charlie Jack Alfie Freddie Theo Archie Finley Tommy Reuben Ibrahim Mohammed Yusuf Ayaan Kai Tyler Jayden Dylan Rhys Osian Gethin Ioan Dafydd Callum Kyle Mason Logan Riley Lewis Connor Ethan Max Jacob Ollie Toby Bobby Ronnie Stanley Hamza Zain Kofi Kwame Tomasz Jakub Marius Cian Seán".split()
SURNAMES = "Rimmer Whitfield Sutcliffe Garside Cassidy Marsh Fairclough Ashworth Brennan Kowalski Okafor Begum Hussain Patel Rahman Jones Evans Price Hughes Griffiths Pritchard Llewellyn Thomas Morgan O'Neill McCarthy Doherty Nolan Fitzgerald Pearson Heywood Crossley Tattersall Barraclough Holroyd Entwistle Greenhalgh Ogunleye Adeyemi Mensah Nowak Wisniewski Baker Turner Walsh Kerr Lockwood Bentley Shaw Dobson Kaur Ali Akhtar Mahmood Clarke Fletcher Stokes Wainwright Hargreaves".split()
TITLES = ["", "", "", "", "Dr ", "Mrs ", "Ms ", "Mr "]
POLICE_TITLES = ["DC ", "DS ", "PC ", "DI ", "Sgt "]

STREETS = "Orchid Walk|Beech Grove|Mill Lane|Chapel Street|Victoria Road|Heol y Coed|Ffordd yr Orsaf|Sandstone Close|Larkspur Way|Tithebarn Road|Canal Side|Holly Bank|Rowan Court|Station Approach|Kestrel Drive|Albert Terrace|Moss Lane|Fern Crescent|Cromwell Street|Brook Way|Quarry Hill|Clover Mews|Sefton Street|Park View|Harbour Row".split("|")
TOWNS = [("Liverpool", "L8 5EP"), ("Liverpool", "L4 2QT"), ("Bootle", "L20 7AB"), ("Wirral", "CH41 6DN"), ("Birkenhead", "CH42 3XY"),
         ("Swansea", "SA1 4RT"), ("Cardiff", "CF24 2LP"), ("Wrexham", "LL11 2BB"), ("Newport", "NP20 5QF"), ("Leeds", "LS9 7HJ"),
         ("Sheffield", "S2 4GG"), ("Bradford", "BD3 8PL"), ("Manchester", "M13 0QQ"), ("Oldham", "OL8 1EU"), ("Bristol", "BS5 6XX"),
         ("Nottingham", "NG7 3AA"), ("Croydon", "CR0 2NE"), ("Hounslow", "TW3 1HL"), ("Milton Keynes", "MK9 3QP"), ("Swindon", "SN1 5BB"),
         ("Middlesbrough", "TS1 4DR"), ("Hartlepool", "TS24 8AB"), ("Bournemouth", "BH8 8DL"), ("Walsall", "WS1 3EJ"), ("Lambeth", "SE11 5TT")]
LA_OF_TOWN = {"Liverpool": "Liverpool City Council", "Bootle": "Sefton Council", "Wirral": "Wirral Council", "Birkenhead": "Wirral Council",
              "Swansea": "Swansea Council", "Cardiff": "Cardiff Council", "Wrexham": "Wrexham County Borough Council", "Newport": "Newport City Council",
              "Leeds": "Leeds City Council", "Sheffield": "Sheffield City Council", "Bradford": "Bradford Council", "Manchester": "Manchester City Council",
              "Oldham": "Oldham Council", "Bristol": "Bristol City Council", "Nottingham": "Nottingham City Council", "Croydon": "London Borough of Croydon",
              "Hounslow": "London Borough of Hounslow", "Milton Keynes": "Milton Keynes City Council", "Swindon": "Swindon Borough Council",
              "Middlesbrough": "Middlesbrough Council", "Hartlepool": "Hartlepool Borough Council", "Bournemouth": "BCP Council", "Walsall": "Walsall Council", "Lambeth": "Lambeth Council"}
SCHOOL_KINDS = ["Primary School", "Academy", "High School", "Nursery", "Community Primary School", "C of E Primary School", "Ysgol Gynradd", "Pupil Referral Unit", "Catholic College", "Infant School"]
SCHOOL_NAMES = ["St Bede's", "Greenbank", "Whitefield", "Blackmoor Park", "Ysgol y Castell", "Parklands", "Northway", "Holy Cross", "Riverside", "Hillcrest", "Kingsway", "Ashfield", "Meadowbank", "Broad Square"]
GP_PRACTICES = ["Walton Village Medical Centre", "Riverside Health Centre", "Park Road Surgery", "The Grange Medical Practice", "Canalside Family Practice",
                "Meddygfa'r Bont", "Oakwood Surgery", "Brunswick Health Centre", "Dr Patel and Partners", "Hillside Group Practice", "Marsh Lane Surgery", "St Mary's Medical Centre"]
ETHNICITIES = ["White British", "White - British", "White Irish", "White Welsh", "Any other White background", "Gypsy/Roma", "Traveller of Irish heritage",
               "Mixed - White and Black Caribbean", "Mixed White & Asian", "Mixed White and Black African", "Any other mixed background",
               "Asian or Asian British - Pakistani", "Asian British - Bangladeshi", "Indian", "Chinese", "Black African", "Black British - Caribbean",
               "Any other Black background", "Arab", "White Other (Polish)", "Not known", "Declined to say", "White Eastern European"]
LEGAL = ["Child in need (s.17)", "Section 20 accommodation", "Interim care order", "Care order (s.31)", "Subject of a child protection plan", "Special guardianship order",
         "No order", "Child arrangements order", "Supervision order", "Placement order", "Care leaver (s.23C)", "Police protection (s.46)"]
DISABILITY = ["Autism (diagnosed)", "ADHD", "Global developmental delay", "Cerebral palsy", "Hearing impairment", "Learning disability", "Type 1 diabetes",
              "Speech and language delay", "EHCP - social, emotional and mental health needs", "Epilepsy", "None known", "Awaiting ASD assessment", "Visual impairment"]
LOCATIONS = ["Family home", "Home address", "Maternal grandmother's home", "Foster placement", "Children's home", "Residential school", "Local park",
             "Town centre", "Canal towpath", "Hospital ward", "Friend's flat", "Bus station", "Supported accommodation", "School grounds", "Father's address",
             "Holiday caravan park", "Shopping centre car park", "Riverside near the railway bridge", "Unregistered placement", "Beach"]

AGENCIES = {
    "csc": ["{la} Children's Services", "{la} Children's Social Care", "{la} Children's Services - Safeguarding Unit", "{la} Early Help Team", "{la} Leaving Care Team"],
    "police": ["Merseyside Police", "South Wales Police", "West Yorkshire Police", "Greater Manchester Police", "Avon and Somerset Police", "Cleveland Police",
               "Metropolitan Police Service", "Dyfed-Powys Police", "North Wales Police", "Thames Valley Police", "West Midlands Police", "British Transport Police"],
    "health": ["Alder Hey Children's NHS Foundation Trust", "Liverpool University Hospitals NHS Foundation Trust", "Swansea Bay University Health Board",
               "Cardiff and Vale University Health Board", "Leeds Teaching Hospitals NHS Trust", "Sheffield Children's NHS Foundation Trust",
               "Mersey Care NHS Foundation Trust", "North West Ambulance Service", "Cheshire and Merseyside ICB", "Bradford District Care NHS Foundation Trust",
               "Manchester University NHS Foundation Trust", "Betsi Cadwaladr University Health Board", "0-19 Service (Health Visiting)", "CAMHS"],
    "education": ["{school}", "{la} Education Safeguarding Team", "{la} Virtual School"],
    "other": ["Change Grow Live (adult drug and alcohol service)", "Probation Service", "Youth Justice Service", "Barnardo's", "NSPCC", "Women's Aid",
              "Housing Options", "Catch22", "Action for Children", "Adult Mental Health Team", "Kooth", "Children's Society"],
}
ROLES = {
    "csc": ["Social Worker", "Senior Social Worker", "Team Manager", "Advanced Practitioner", "Service Manager, Safeguarding Unit", "Head of Service",
            "Independent Reviewing Officer", "Child Protection Chair", "Personal Adviser", "Family Support Worker", "Principal Social Worker"],
    "police": ["Detective Constable", "Detective Sergeant", "Detective Inspector, Public Protection Unit", "Police Constable", "Child Abuse Investigation Unit",
               "Safeguarding Sergeant", "Detective Chief Inspector"],
    "health": ["Named Nurse for Safeguarding Children", "Named Doctor", "Designated Nurse", "Health Visitor", "Consultant Paediatrician", "Specialist Safeguarding Practitioner",
               "School Nurse", "Midwife", "Head of Safeguarding", "Paediatric Liaison Nurse", "GP Partner"],
    "education": ["Designated Safeguarding Lead", "Headteacher", "Deputy Headteacher", "Head of Year 9", "Pastoral Lead", "Education Safeguarding Officer",
                  "SENCo", "Nursery Manager", "Assistant Principal"],
    "other": ["Recovery Worker", "Probation Officer", "Youth Justice Worker", "Project Worker", "Team Leader", "Outreach Worker", "Housing Officer"],
}
EMAIL_DOMAINS = {"csc": ["{lad}.gov.uk"], "police": ["merseyside.police.uk", "south-wales.police.uk", "westyorkshire.police.uk", "gmp.police.uk", "met.police.uk", "police.uk"],
                 "health": ["nhs.net", "alderhey.nhs.uk", "wales.nhs.uk", "nhs.net"], "education": ["{schd}.sch.uk", "{lad}.gov.uk"], "other": ["cgl.org.uk", "justice.gov.uk", "yjs.gov.uk", "barnardos.org.uk"]}

PHONE_RANGES = [("07700", "900", 3), ("020", "7946 0", 3), ("0113", "496 0", 3), ("0114", "496 0", 3), ("0115", "496 0", 3), ("0116", "496 0", 3),
                ("0117", "496 0", 3), ("0118", "496 0", 3), ("0121", "496 0", 3), ("0131", "496 0", 3), ("0141", "496 0", 3), ("0151", "496 0", 3),
                ("0161", "496 0", 3), ("0191", "498 0", 3), ("029", "2018 0", 3), ("028", "9018 0", 3), ("01632", "960", 3), ("0808", "157 0", 3)]

PARTNERSHIP = [("Liverpool Safeguarding Children Partnership", "lscp.sirg@liverpool.gov.uk"), ("Wirral Safeguarding Children Partnership", "wscp.reviews@wirral.gov.uk"),
               ("Swansea Bay Safeguarding Board", "safeguarding.board@swansea.gov.uk"), ("Leeds Safeguarding Children Partnership", "lscp.casereviews@leeds.gov.uk"),
               ("Cwm Taf Morgannwg Safeguarding Board", "cpr.referrals@ctmsb.wales"), ("Tees Safeguarding Children Partnership", "tscp.reviews@teescpp.org.uk")]


def phone(rng: random.Random) -> str:
    """A formatted drama-range number ('0151 496 0289')."""
    area, mid, n = rng.choice(PHONE_RANGES)
    tail = "".join(str(rng.randrange(10)) for _ in range(n))
    if area == "07700":
        return f"07700 900{tail}"
    return f"{area} {mid}{tail}"


def phone_surface(rng: random.Random, p: str) -> str:
    digits = p.replace(" ", "")
    k = rng.random()
    if k < 0.55:
        return p
    if k < 0.7:
        return digits
    if k < 0.8 and digits.startswith("0"):
        return "+44 " + p[1:]
    if k < 0.9 and len(digits) == 11:
        return f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    if len(digits) == 11:
        return f"({digits[:4]}) {digits[4:7]} {digits[7:]}"
    return p


def phone_truth(surface: str) -> str:
    s = surface.strip()
    out = "".join(ch for ch in s if ch.isdigit())
    return ("+" + out) if s.startswith("+") else out


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


DATE_STYLES = ["dd/mm/yyyy", "d/m/yyyy", "dd.mm.yyyy", "d.m.yy", "dd/mm/yy", "d Month yyyy", "dth Month yyyy", "d Mon yyyy", "dd-mm-yyyy",
               "Weekday d Month yyyy", "dd Mon yy", "d-Mon-yyyy", "dd/mm/yyyy", "d Month yyyy", "dd Month yyyy", "Welsh"]
WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]


def fmt_date(d: dt.date, style: str) -> str:
    D, M, Y = d.day, d.month, d.year
    mon = MONTHS[M - 1]
    return {
        "dd/mm/yyyy": f"{D:02d}/{M:02d}/{Y}", "d/m/yyyy": f"{D}/{M}/{Y}", "dd.mm.yyyy": f"{D:02d}.{M:02d}.{Y}",
        "d.m.yy": f"{D}.{M}.{Y % 100:02d}", "dd/mm/yy": f"{D:02d}/{M:02d}/{Y % 100:02d}", "d Month yyyy": f"{D} {mon} {Y}",
        "dth Month yyyy": f"{ordinal(D)} {mon} {Y}", "d Mon yyyy": f"{D} {mon[:3]} {Y}", "dd-mm-yyyy": f"{D:02d}-{M:02d}-{Y}",
        "Weekday d Month yyyy": f"{d.strftime('%A')} {D} {mon} {Y}", "dd Mon yy": f"{D:02d} {mon[:3]} {Y % 100:02d}",
        "d-Mon-yyyy": f"{D}-{mon[:3]}-{Y}", "dd Month yyyy": f"{D:02d} {mon} {Y}",
        "Welsh": f"{D} {WELSH_MONTHS[M - 1]} {Y}",
    }[style]


def all_date_surfaces(iso: str) -> set[str]:
    d = dt.date.fromisoformat(iso)
    return {fmt_date(d, s) for s in DATE_STYLES} | {iso}


def rand_date(rng, start: dt.date, end: dt.date) -> dt.date:
    span = max(0, (end - start).days)
    return start + dt.timedelta(days=rng.randint(0, span))


class Person:
    def __init__(self, name, role, agency, email, phone, kind):
        self.name, self.role, self.agency, self.email, self.phone, self.kind = name, role, agency, email, phone, kind


def _email_for(rng, first, last, kind, la, school):
    lad = la.lower().replace("london borough of ", "").split()[0].replace("'", "")
    schd = school.lower().split()[0].replace("'", "")
    dom = rng.choice(EMAIL_DOMAINS[kind]).format(lad=lad, schd=schd)
    last_c = last.lower().replace("'", "").replace("ś", "s")
    first_c = first.lower().replace("ë", "e")
    local = rng.choice([f"{first_c[0]}.{last_c}", f"{first_c}.{last_c}", f"{first_c}{last_c[0]}", f"{last_c}{first_c[0]}", f"{first_c}.{last_c}{rng.randint(1, 99)}"])
    return f"{local}@{dom}"


def person(rng, kind, la, school, force=None) -> Person:
    fem = rng.random() < 0.6
    first = rng.choice(F_NAMES if fem else M_NAMES).replace("ë", "e")
    last = rng.choice(SURNAMES)
    title = rng.choice(POLICE_TITLES) if kind == "police" and rng.random() < 0.6 else rng.choice(TITLES)
    agency = (force or rng.choice(AGENCIES[kind])).format(la=la, school=school)
    return Person(f"{title}{first} {last}", rng.choice(ROLES[kind]), agency, _email_for(rng, first, last, kind, la, school), phone(rng), kind)


class Child:
    pass


# ---- incident summaries: composed from independent sentence pools ----
OPENERS = {
    "death": ["{n} ({age}) was found unresponsive at {loc_l} on {date} and was pronounced dead at {hosp} later that morning.",
              "On {date} ambulance crews were called to {loc_l} where {n} ({age}) had collapsed. Resuscitation was unsuccessful.",
              "{n} died on {date}. {pos} {carer} called 999 after finding {obj} not breathing in {pos_l} cot.",
              "{n} ({age}) died in hospital on {date}, two days after being admitted with a head injury that the family could not explain.",
              "Police were called to {loc_l} on {date} following reports of a child in the water. {n} ({age}) was recovered but could not be revived."],
    "serious_harm": ["{n} ({age}) was taken to {hosp} on {date} with bruising to {pos_l} face and a fractured arm. The explanation given did not fit the injuries.",
                     "On {date} {n} ({age}) was admitted to the paediatric intensive care unit after swallowing {carer_l}'s prescribed methadone.",
                     "{n} ({age}) presented at the emergency department on {date} with multiple rib fractures of different ages identified on skeletal survey.",
                     "{n} disclosed to a teacher on {date} that {pron} had been sexually abused by an adult known to the family over several months.",
                     "{n} ({age}) was found on {date} in a property linked to county lines activity with a stab wound to the leg.",
                     "A scan on {date} showed {n} ({age}) had a subdural haemorrhage and retinal bleeding. {pron_c} remains in hospital."],
    "lac_death": ["{n} ({age}), who was looked after by the local authority, died on {date} at {loc_l}.",
                  "{n} ({age}) was in foster care and died on {date} after taking an overdose. {pron_c} had been placed out of area."],
    "care_leaver_death": ["{n}, a care leaver aged {age}, was found dead at {pos_l} flat on {date}.",
                          "{n} (aged {age}) died on {date}. {pron_c} had left care at 18 and was supported by the leaving care team."],
    "other": ["{n} ({age}) went missing on {date} and was found two days later in another city with adults not known to the family.",
              "On {date} {n} ({age}) was found to have been living for several months in a private fostering arrangement that had not been notified.",
              "{n} ({age}) was involved in a serious self-harm incident at {loc_l} on {date}."],
}
MIDDLE = ["The family had been known to children's social care since {year}, with concerns about domestic abuse and parental alcohol use.",
          "{pos} {carer} has a history of depression and had recently stopped taking prescribed medication.",
          "The child had been subject to a child in need plan which closed {months} months ago.",
          "School attendance had fallen to {pct}% over the autumn term and the school had made two referrals to the MASH.",
          "There were {k} police call-outs to the address in the last year, all graded standard risk.",
          "Health visiting contacts were missed on three occasions and the family moved address twice in six months.",
          "The child was not brought to {k} outpatient appointments, and this was not followed up.",
          "An older sibling has been reported missing on several occasions and there are concerns about criminal exploitation.",
          "The father's new partner moved into the household in {mon} and was not known to agencies.",
          "A strategy discussion was held on {date2} and a section 47 enquiry is under way.",
          "The drug and alcohol service was not invited to the core group and did not know that the plan had ended.",
          "There had been a referral from the GP in {mon} about unexplained bruising which did not progress to assessment.",
          "The family are Welsh-speaking and the interpreter booked for the child protection conference did not attend.",
          "Neighbours had reported hearing shouting and a child crying late at night on several occasions.",
          "The mother was herself a care leaver and had been supported by a personal adviser until she turned 21."]
CLOSERS = ["A post-mortem examination has been carried out and the results are awaited.",
           "The police have arrested {pos} {carer} and enquiries are ongoing.",
           "Siblings are staying with their maternal grandmother under a safety plan.",
           "{pron_c} has since been discharged home under a safety plan agreed at the strategy meeting.",
           "The coroner has opened an inquest.",
           "Agencies are now gathering chronologies for the rapid review.",
           "An initial child protection conference is booked for {date2}.",
           "There is no current police investigation, but the death is being reviewed by the Child Death Overview Panel.",
           "{pron_c} remains in hospital and is expected to make a full recovery.",
           "The family have been informed of this referral."]
REASONS = ["{n} has {harm} and abuse or neglect is suspected. Several agencies were involved and there is potential learning about information sharing.",
           "The case appears to meet the criteria for a rapid review: serious harm, suspected neglect, and missed opportunities across health and education.",
           "There may be learning about how agencies responded to repeated missing episodes and exploitation.",
           "Concerns about inter-agency working, in particular the closure of the child in need plan without the adult services being consulted.",
           "Potential learning about safe sleeping advice and the recognition of parental substance misuse.",
           "The child was known to several services and the threshold decisions at the front door need to be reviewed.",
           "There is learning about hearing the voice of the child and professional curiosity about new adults in the household.",
           "The death of a looked after child must be notified and there may be learning about out-of-area placements."]
CONCERNS = ["Other children in the household have been offered support; no further immediate safeguarding concerns have been identified.",
            "The siblings are subject to a safety plan and are staying with extended family.",
            "None at present.",
            "A strategy discussion is booked for the siblings. The baby is in hospital and will not be discharged without a plan.",
            "Police bail conditions prevent the alleged perpetrator from having contact with any child.",
            "The younger sibling has been placed in foster care under section 20.",
            "No other children live at the address.",
            "Concerns remain for the older sibling who is still going missing; a contextual safeguarding meeting has been arranged."]


def _age_str(rng, dob: dt.date, ref: dt.date) -> str:
    days = (ref - dob).days
    if days < 0:
        return "unborn"
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365}"


class Case:
    """The full, true story of one referral (every field known)."""

    def __init__(self, rng: random.Random, n_children: int):
        self.partnership, self.pemail = rng.choice(PARTNERSHIP)
        self.pphone = phone(rng)
        town, pc = rng.choice(TOWNS)
        self.la = LA_OF_TOWN[town]
        self.school = f"{rng.choice(SCHOOL_NAMES)} {rng.choice(SCHOOL_KINDS)}"
        ref = rand_date(rng, dt.date(2023, 1, 10), dt.date(2026, 6, 30))
        self.date_of_referral = ref
        self.incident_date = ref - dt.timedelta(days=rng.randint(1, 40))
        self.la_aware = self.incident_date + dt.timedelta(days=rng.randint(0, min(6, (ref - self.incident_date).days)))
        self.panel_notified = rng.random() < 0.5
        self.panel_date = self.la_aware + dt.timedelta(days=rng.randint(1, 7)) if self.panel_notified else None
        self.incident_type = rng.choices(["death", "serious_harm", "lac_death", "care_leaver_death", "other"], [30, 45, 9, 6, 10])[0]
        rk = rng.choice(["csc", "police", "health", "education", "other", "csc", "health"])
        self.referrer = person(rng, rk, self.la, self.school)
        same = rng.random() < 0.6
        self.lead = person(rng, rk, self.la, self.school, force=self.referrer.agency if same else None)
        self.discussed = rng.choice([True, True, True, False])
        fam = rng.choice(SURNAMES)
        street = f"{rng.randint(1, 199)} {rng.choice(STREETS)}"
        self.address_lines = [street] + ([rng.choice(["Flat 2", "Anfield", "Kirkdale", "Townhill", "Splott", "Harehills", "Moss Side"])] if rng.random() < 0.3 else []) + [town, pc]
        if rng.random() < 0.4:
            self.address_lines = [street, f"{town} {pc}"]
        self.children = []
        for i in range(n_children):
            c = Child()
            c.female = rng.random() < 0.5
            c.first = rng.choice(F_NAMES if c.female else M_NAMES)
            c.last = fam if rng.random() < 0.8 else rng.choice(SURNAMES)
            if rng.random() < 0.12:
                c.last = c.last.upper()
            c.middle = rng.choice(M_NAMES if not c.female else F_NAMES) if rng.random() < 0.2 else None
            if self.incident_type == "care_leaver_death" and i == 0:
                c.dob = ref - dt.timedelta(days=rng.randint(18 * 365 + 10, 24 * 365))
            else:
                c.dob = ref - dt.timedelta(days=rng.randint(20, 17 * 365))
            c.age = _age_str(rng, c.dob, ref)
            c.other_names = rng.choice([c.first[:3], f"{c.first} {rng.choice(SURNAMES)}", f"known as '{rng.choice(F_NAMES if c.female else M_NAMES)}'"]) if rng.random() < 0.35 else None
            c.gender = "female" if c.female else "male"
            if rng.random() < 0.04:
                c.gender = "other"
            c.ethnicity = rng.choice(ETHNICITIES)
            c.address = list(self.address_lines)
            c.school = self.school if c.dob < ref - dt.timedelta(days=3 * 365) else rng.choice([None, f"{rng.choice(SCHOOL_NAMES)} Nursery"])
            c.gp = rng.choice(GP_PRACTICES)
            c.legal_status = rng.choice(LEGAL) if rng.random() < 0.6 else None
            c.cp_plan = rng.choice([True, False, False])
            c.open_to_csc = rng.choice([True, False])
            c.looked_after = self.incident_type == "lac_death" and i == 0 or rng.random() < 0.1
            c.disability = rng.choice(DISABILITY) if rng.random() < 0.5 else None
            c.dod = self.incident_date if self.incident_type in ("death", "lac_death", "care_leaver_death") and i == 0 else None
            self.children.append(c)
        self.location = rng.choice(LOCATIONS)
        self.police_involved = rng.choice([True, True, False])
        self.crit = {"died_or_seriously_harmed": rng.choice([True, True, True, False]), "abuse_or_neglect_suspected": rng.choice([True, True, False]),
                     "local_connection": rng.choice([True, True, True, False]), "multi_agency_learning": rng.choice([True, True, False])}
        self.summary = self._summary(rng)
        c0 = self.children[0]
        self.reason = rng.choice(REASONS).format(n=c0.first, harm=rng.choice(["died", "been seriously harmed", "suffered serious injuries"]))
        self.concerns = rng.choice(CONCERNS)
        self.other_spec = None
        self.agencies = []
        for _ in range(rng.choice([0, 1, 2, 3, 3, 4, 5])):
            kind = rng.choice(["csc", "police", "health", "education", "other"])
            p = person(rng, kind, self.la, self.school)
            contact = rng.choice([p.phone, p.email, p.phone, f"{p.phone} / {p.email}"])
            self.agencies.append({"name": None if rng.random() < 0.12 else p.name, "agency": p.agency, "contact": contact, "role": p.role})

    def _summary(self, rng) -> list[str]:
        c = self.children[0]
        pron = "she" if c.female else "he"
        kw = dict(n=c.first, age=c.age if c.age[0].isdigit() and " " in c.age else f"{c.age}", date=fmt_date(self.incident_date, "d Month yyyy"),
                  loc_l=self.location.lower() if not self.location[0:2] in ("Hol",) else self.location, hosp=rng.choice(["Alder Hey", "the Royal Infirmary", "Morriston Hospital", "the University Hospital of Wales", "Leeds General Infirmary", "the Children's Hospital"]),
                  pos=rng.choice(["Her", "His"]) if False else ("Her" if c.female else "His"), pos_l="her" if c.female else "his", obj="her" if c.female else "him",
                  carer=rng.choice(["mother", "father", "stepfather", "mother's partner", "grandmother"]), carer_l=rng.choice(["her mother", "his father", "a parent"]),
                  pron=pron, pron_c=pron.capitalize(), year=self.date_of_referral.year - rng.randint(1, 6), months=rng.randint(2, 11), pct=rng.randint(40, 79), k=rng.randint(2, 9),
                  mon=rng.choice(MONTHS), date2=fmt_date(self.date_of_referral + dt.timedelta(days=rng.randint(1, 14)), rng.choice(["d Month yyyy", "dd/mm/yyyy"])))
        kw["age"] = c.age + (" years" if c.age.isdigit() else "")
        paras = [rng.choice(OPENERS[self.incident_type]).format(**kw)]
        npar = rng.choice([1, 2, 2, 3, 3])
        mids = rng.sample(MIDDLE, k=min(len(MIDDLE), rng.randint(1, 4)))
        if npar == 1:
            paras[0] += " " + " ".join(m.format(**kw) for m in mids[:1])
        else:
            paras.append(" ".join(m.format(**kw) for m in mids))
            if npar == 3:
                died = self.incident_type in ("death", "lac_death", "care_leaver_death")
                pool = [c for c in CLOSERS if (("{pron_c}" not in c) if died else ("post-mortem" not in c and "coroner" not in c and "Death Overview" not in c))]
                paras.append(" ".join(x.format(**kw) for x in rng.sample(pool, k=rng.randint(1, 2))))
        return paras
