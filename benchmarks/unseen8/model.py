"""unseen8: invented data, date styles, the eight senders' wordings, and one case as ordered sections.

Everything here is pure: a seeded random.Random goes in, plain data comes out.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------------------------- dates

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


DATE_STYLES = {
    "slash": lambda d: d.strftime("%d/%m/%Y"),                                   # 03/02/2026
    "dots2": lambda d: f"{d.day}.{d.month}.{d.strftime('%y')}",                  # 3.2.26
    "capmon": lambda d: f"{d.day:02d} {MONTHS[d.month - 1][:3].upper()} {d.year}",  # 03 FEB 2026
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",                 # 3 February 2026
    "dash4": lambda d: d.strftime("%d-%m-%Y"),                                   # 03-02-2026
    "ordshort": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}",  # 3rd Feb 2026
    "dayslash": lambda d: f"{DAYS[d.weekday()][:3]} {d.strftime('%d/%m/%Y')}",   # Tue 03/02/2026
    "slashmon": lambda d: f"{d.day:02d}/{MONTHS[d.month - 1][:3]}/{d.year}",     # 03/Feb/2026
    "shortyr": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.strftime('%y')}",  # 3 Feb 26
    "comb": lambda d: d.strftime("%d%m%Y"),                                      # 03022026 (comb boxes, P-FLAT)
}


def fmt_date(d: dt.date, style: str) -> str:
    return DATE_STYLES[style](d)


def all_renderings(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [f(d) for f in DATE_STYLES.values()]


# ----------------------------------------------------------------------------------------------- people

GIRLS = ["Amelia", "Isla", "Maisie", "Freya", "Poppy", "Lacey", "Nevaeh", "Aaliyah", "Zofia", "Tillie-Mae",
         "Harriet", "Ruby", "Esme", "Mariam", "Kaydence", "Bethany", "Summer", "Ivy", "Noor", "Orla"]
BOYS = ["Alfie", "Kian", "Tommy", "Reggie", "Musa", "Callum", "Jayden", "Oskar", "Rio", "Ibrahim", "Teddy",
        "Frankie", "Kacper", "Lewis", "Bobby", "Zayn", "Mason", "Archie", "Tyrese", "Jude"]
SURNAMES = ["Holroyd", "Pickersgill", "Mensah", "Dobrowolski", "Tattersall", "Akhtar", "Fairclough",
            "Ogunleye", "Sowerby", "McAlinden", "Brannigan", "Whitlock", "Haigh", "Nowicki", "Chaudhry",
            "Pennock", "Eastwood", "Quigley", "Lumb", "Ashworth-Reid", "Catterall", "Varga", "Stott"]
ADULT_FIRST = ["Joanne", "Priya", "Martin", "Siobhan", "Gareth", "Helen", "Adebayo", "Claire", "Rukhsana",
               "Stuart", "Lindsey", "Marek", "Fiona", "Dean", "Nadia", "Graham", "Yvonne", "Tariq", "Emma",
               "Alison", "Kwame", "Rachel", "Ewan", "Bernadette"]
ADULT_LAST = ["Garside", "Threlfall", "Okonjo", "Bamford", "Illingworth", "Hussain", "Crabtree", "Nolan",
              "Rowbotham", "Kaur", "Sutcliffe", "Adeyemi", "Moorhouse", "Kowalczyk", "Tennant", "Bibi",
              "Hargreaves", "Duckworth", "Ferreira", "Lister"]
ETHNICITIES = ["White British", "Mixed - White and Black Caribbean", "Asian or Asian British - Pakistani",
               "Black or Black British - African", "White - Gypsy or Irish Traveller",
               "Any other White background (Polish)", "Asian or Asian British - Bangladeshi",
               "Mixed - White and Asian", "White Irish", "Black Caribbean", "Chinese", "Roma"]
STREETS = ["Tanner Row", "Kestrel Way", "Brook Terrace", "Quarry Hill Road", "Saltings Lane", "Mill Croft",
           "Weavers Walk", "Harbour Street", "Cinder Lane", "Larch Grove", "Pottery Close", "Lime Kiln Road",
           "Orchard Rise", "Beacon View", "Foundry Street"]
BLOCKS = ["Heron Court", "Tanner House", "Alder Point", "Marlowe House", "Sycamore Court"]
DISABILITIES = ["Autism (diagnosed 2023)", "Global developmental delay", "Cerebral palsy; uses a wheelchair",
                "ADHD and speech and language needs", "Hearing impairment (bilateral aids)",
                "Type 1 diabetes", "Learning disability; EHCP in place", "Born at 29 weeks; chronic lung disease"]
AGE_WORDS = ["about 9", "14 years", "7 yrs", "approx. 15", "3 months", "16", "around 11", "4 years old",
             "10 months", "est. 13"]


def phone(rng: random.Random, kind: str = "land") -> str:
    if kind == "mobile":
        n = rng.randint(0, 999)
        return rng.choice([f"07700 900{n:03d}", f"07700 900 {n:03d}", f"+44 7700 900{n:03d}", f"07700900{n:03d}"])
    area = rng.choice(["0113", "0114", "0115", "0116", "0117", "0118", "0121", "0151", "0161", "01632"])
    n = rng.randint(0, 999)
    if area == "01632":
        return rng.choice([f"01632 960{n:03d}", f"(01632) 960 {n:03d}"])
    return rng.choice([f"{area} 496 0{n:03d}", f"({area}) 496 0{n:03d}", f"{area}-496-0{n:03d}", f"{area} 4960{n:03d}"])


def digits(p: str) -> str:
    return ("+" if p.strip().startswith("+") else "") + "".join(c for c in p if c.isdigit())


# ----------------------------------------------------------------------------------------------- senders

@dataclass
class Vocab:
    key: str
    sender: str              # organisation (referrer agency)
    partnership: str
    part_email: str
    part_phone: str
    town: str
    postcode: str            # postcode area letters
    domain: str
    title: str
    form_ref: str
    marking: str
    labels: dict             # canonical key -> label (missing key: not asked)
    yn: tuple                # (yes, no, unknown)
    gender: dict             # female/male/other -> word
    itypes: dict             # canonical type -> option label (printed order = dict order)
    other_fmt: str           # how a chosen Other is written, with {detail}
    name_split: str | None   # None, "first_last", "last_first"
    section_titles: dict
    roles: list
    lead_roles: list
    agency_names: list       # referrer agency variants
    lead_agency: list
    decoys: list             # (section, label, kind, generator-key)
    agency_cols: tuple
    schools: list = field(default_factory=list)
    gps: list = field(default_factory=list)
    legal: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    story: list = field(default_factory=list)       # summary paragraph templates
    reasons: list = field(default_factory=list)
    concerns: list = field(default_factory=list)
    agencies_pool: list = field(default_factory=list)
    child_ages: tuple = (0, 17)
    guidance: str = ""
    footer: str = ""


def _L(**kw):
    return kw


STORY_COMMON = [
    "{c1} was taken to {hospital} by ambulance on {inc_date_words} with {injury}. Clinicians were concerned that the account given did not fit the injuries seen.",
    "The family have been known to services on and off since {year}. There have been {n} referrals to children's social care, mostly about {theme}.",
    "{c1} was last seen by a professional {gap} before the incident. Attendance at appointments had dropped and the family had moved address twice in the year.",
    "A strategy discussion was held the following day and a section 47 enquiry started. The police are investigating and no-one has been charged.",
    "Siblings were placed with extended family under a safety plan while enquiries continue.",
    "There are questions about how information about {theme} was shared between agencies in the months before the incident.",
]
INJURIES = ["a fractured femur", "bilateral subdural haematomas", "burns to both hands", "an overdose of prescribed medication",
            "multiple rib fractures of different ages", "a serious head injury", "stab wounds to the leg",
            "severe malnutrition and dehydration", "smoke inhalation"]
THEMES = ["domestic abuse", "parental alcohol misuse", "neglect and home conditions", "missing episodes",
          "parental mental ill health", "school attendance", "criminal exploitation", "unsafe sleeping"]
HOSPITALS = ["Fenmoor Royal Infirmary", "Castlegate General Hospital", "St Wilfrid's Children's Hospital",
             "Wexley District Hospital", "Harrowby Royal Hospital"]


def _vocabs() -> dict[str, Vocab]:
    v = {}
    v["kiteline_helpline"] = Vocab(
        key="kiteline_helpline", sender="Kiteline Children's Helpline", partnership="Fenmoor Safeguarding Children Partnership",
        part_email="fscp.reviews@fenmoor.gov.uk", part_phone="01632 960 400", town="Fenmoor", postcode="FM",
        domain="kiteline.org.uk", title="Kiteline - Referral to the Safeguarding Partnership (serious incident)",
        form_ref="KL/SP/07", marking="CONFIDENTIAL - CONTAINS PERSONAL DATA",
        labels=_L(date_of_referral="Date of this referral", ref_name="Helpline practitioner", ref_role="Practitioner role",
                  ref_agency="Service", ref_email="Practitioner email", ref_phone="Direct dial",
                  lead_name="Helpline safeguarding lead", lead_role="Lead's job title", lead_agency="Lead's service",
                  lead_email="Lead's email", lead_phone="Lead's direct dial", lead_discussed="Discussed with the helpline safeguarding lead?",
                  c_name="Child's name (as given by the caller)", c_other="Other names given", c_dob="Date of birth",
                  c_age="Age (if date of birth not given)", c_gender="Gender", c_eth="Ethnicity", c_addr="Child's address",
                  c_school="School / college", c_gp="GP surgery", c_cp="Child protection plan (now or in the past)?",
                  c_csc="Known to children's social care?", c_lac="Is the child in care?", c_dis="Disability or additional needs",
                  c_dod="Date of death (if applicable)",
                  i_date="Date of incident", i_la="Date the local authority was told", i_loc="Where it happened",
                  i_type="Type of incident", i_summary="What the caller told us", i_police="Are the police aware?",
                  k_died="Has the child died or been seriously harmed?", k_abuse="Is abuse or neglect known or suspected?",
                  k_local="Does the child live in Fenmoor, or did it happen here?", k_learn="Could more than one agency learn from this?",
                  k_reason="Why we think the criteria are met", panel="Has a serious incident notification been made to the national Panel?",
                  panel_date="Date of Panel notification", agencies="Other services known to the family",
                  concerns="Immediate safety concerns and action taken"),
        yn=("Yes", "No", "Not known"), gender={"female": "Female", "male": "Male", "other": "Other"},
        itypes={"death": "Death of a child", "serious_harm": "Serious harm to a child", "lac_death": "Death of a looked after child",
                "care_leaver_death": "Death of a care leaver", "other": "Other"},
        other_fmt="Other - {detail}", name_split=None,
        section_titles={"ref": "About you (the helpline practitioner)", "lead": "Your safeguarding lead", "child": "The child",
                        "inc": "What happened", "crit": "Rapid review criteria", "panel": "National Panel",
                        "ag": "Other services", "conc": "Right now", "decoy": "Call details"},
        roles=["Helpline Practitioner", "Senior Helpline Practitioner", "Helpline Team Manager"],
        lead_roles=["Head of Safeguarding", "Safeguarding and Quality Lead", "Designated Safeguarding Officer"],
        agency_names=["Kiteline Children's Helpline", "Kiteline", "Kiteline Children's Helpline (Fenmoor hub)"],
        lead_agency=["Kiteline Children's Helpline", "Kiteline"],
        decoys=[("decoy", "Contact reference", "ref", "KL-{y}-0{n4}"), ("decoy", "Date and time of call", "date", None),
                ("decoy", "Caller's relationship to the child", "text", ["Aunt", "Neighbour", "Grandmother", "Family friend", "Older sibling"]),
                ("decoy", "Caller's name (not for sharing)", "person", None)],
        agency_cols=("Worker", "Service", "Contact details"),
        schools=["Fenmoor Academy", "St Botolph's CE Primary", "Marsh Lane Primary School", "Fenmoor College"],
        gps=["Marsh Lane Surgery", "Fenmoor Health Centre", "Dr Qureshi, Riverside Practice"],
        legal=[], locations=["The family home", "A park near the family home", "Fenmoor bus station", "A friend's flat in Fenmoor"],
        story=["A {caller} called Kiteline on {call_words} worried about {c1}. They said {c1} had been {event}."] + STORY_COMMON,
        reasons=["{c1} has been seriously harmed, the caller describes neglect over a long period, and several agencies had contact with the family.",
                 "The child lives in Fenmoor and the information suggests agencies may not have shared concerns about {theme}."],
        concerns=["The caller believes a younger sibling is still at home. Police asked to carry out a welfare check on {conc_date}.",
                  "We passed the call to Fenmoor Children's Services front door straight away; they confirmed a social worker visited the same day."],
        agencies_pool=[("Dr Qureshi", "Riverside Practice (GP)", "01632 960 118"), (None, "Fenmoor Children's Services front door", "01632 960 777"),
                       ("Kelly Arkwright", "Fenmoor Academy (DSL)", "k.arkwright@fenmooracademy.sch.uk"), ("PC Owen Latham", "Fenmoor Police", "101 ext 4471"),
                       ("Mina Sheikh", "Fenmoor 0-19 Service", "07700 900 512"), (None, "Emergency Duty Team", "01632 960 999")],
        guidance="Guidance: send this form to fscp.reviews@fenmoor.gov.uk or call 01632 960 400. Dates as dd/mm/yyyy, e.g. 01/01/2015. Do not include the caller's number.",
        footer="Form KL/SP/07 v2.3 - issued 14/06/2024 - review by 14/06/2026")
    v["wessex_fcas"] = Vocab(
        key="wessex_fcas", sender="Wessex Family Court Advisory Service", partnership="Avonlea Safeguarding Children Partnership",
        part_email="avonlea.scp@avonlea.gov.uk", part_phone="0117 496 0250", town="Avonlea", postcode="AV",
        domain="wessexfcas.org.uk", title="Referral for consideration of a Rapid Review - Family Court Adviser",
        form_ref="WFCAS-SG4", marking="OFFICIAL-SENSITIVE: FAMILY PROCEEDINGS",
        labels=_L(date_of_referral="Date of referral", ref_name="Family Court Adviser (FCA)", ref_role="FCA grade / role",
                  ref_agency="Team", ref_email="Secure email (CJSM)", ref_phone="Mobile",
                  lead_name="Service Manager consulted", lead_role="Service Manager's role", lead_agency="Service Manager's team",
                  lead_email="Service Manager's email", lead_phone="Service Manager's telephone", lead_discussed="Has a Service Manager agreed this referral?",
                  c_last="Child's family name", c_first="Child's given name(s)", c_other="Known as", c_dob="Date of birth",
                  c_age="Age", c_gender="Sex (M/F)", c_eth="Ethnicity (as recorded in proceedings)", c_addr="Child's address",
                  c_school="School", c_legal="Legal status / current orders", c_cp="Subject of a child protection plan (now or before)?",
                  c_csc="Open to the local authority's children's services?", c_lac="Looked after?", c_dis="Disability / SEND",
                  c_dod="Date of death",
                  i_date="Date of the incident", i_la="Date the local authority became aware", i_loc="Location of the incident",
                  i_type="Nature of incident", i_summary="Summary of the circumstances", i_police="Police involvement?",
                  k_died="The child has died or been seriously harmed", k_abuse="Abuse or neglect is known or suspected",
                  k_local="The child is normally resident in Avonlea or the incident occurred here", k_learn="There is potential learning for more than one agency",
                  k_reason="Grounds for believing the criteria are met", panel="Has the local authority notified the Child Safeguarding Practice Review Panel?",
                  panel_date="Date the Panel was notified", agencies="Other agencies involved with the child",
                  concerns="Any immediate concerns for this or other children"),
        yn=("YES", "NO", "NOT KNOWN"), gender={"female": "F", "male": "M", "other": "Other"},
        itypes={"death": "Child death", "serious_harm": "Serious harm", "lac_death": "Death of a child in care",
                "other": "Other (please specify)"},
        other_fmt="Other (please specify): {detail}", name_split="last_first", child_ages=(0, 15),
        section_titles={"ref": "1. The Family Court Adviser", "lead": "2. Management oversight", "child": "3. Subject child",
                        "inc": "4. The incident", "crit": "5. Rapid review criteria", "panel": "6. National Panel",
                        "ag": "7. Agencies", "conc": "8. Immediate concerns", "decoy": "Proceedings"},
        roles=["Family Court Adviser", "Senior Family Court Adviser", "Children's Guardian", "Practice Supervisor"],
        lead_roles=["Service Manager", "Assistant Director (Operations)", "Head of Practice"],
        agency_names=["Wessex FCAS - Private Law Team, Exeford", "Wessex FCAS - Public Law Team", "Wessex Family Court Advisory Service"],
        lead_agency=["Wessex FCAS", "Wessex FCAS - Operations (Avonlea)"],
        decoys=[("decoy", "Court case number", "ref", "AV{y}P00{n3}"), ("decoy", "Next hearing date", "date", None),
                ("decoy", "Judge", "text", ["HHJ Pemberton", "DJ Ormsby", "Recorder Hale", "HHJ Nwosu"]),
                ("decoy", "Applicant", "person", None), ("decoy", "Respondent", "person", None)],
        agency_cols=("Name", "Agency", "Contact"),
        schools=["Avonlea Primary School", "Kingsweston Academy", "St Mary Redcliffe Juniors", "Avonlea Studio School"],
        gps=[], legal=["Interim care order (s38)", "Child arrangements order - lives with mother", "No order", "Special guardianship order",
                       "Interim supervision order", "Placement order"],
        locations=["Father's flat during contact", "The maternal grandmother's home", "A contact centre in Avonlea", "The family home"],
        story=["The FCA was appointed in private law proceedings (C100 application by the father). During safeguarding enquiries the FCA learned that {c1} had been {event}."] + STORY_COMMON,
        reasons=["Serious harm to {c1} with neglect suspected; the court had been told by several agencies that the home was safe.",
                 "Potential learning about how risk information reached the court and the local authority before {inc_date_words}."],
        concerns=["The court listed an urgent hearing; the children are staying with their maternal grandmother under a safety plan.",
                  "No immediate concerns: both children are now placed with foster carers under an interim care order."],
        agencies_pool=[("Carys Hemmings", "Avonlea Children's Services", "carys.hemmings@avonlea.gov.uk"), (None, "Avonlea Police - CAIT", "0117 496 0311"),
                       ("Dr Jonas Feld", "Kingsweston Surgery", "0117 496 0872"), ("Pauline Stroud", "Kingsweston Academy", "01632 960 544"),
                       (None, "Independent Domestic Violence Advisor service", "07700 900 218")],
        guidance="Return to avonlea.scp@avonlea.gov.uk (telephone 0117 496 0250). Do not attach court bundles. Example date format: 01/01/2015.",
        footer="WFCAS-SG4 | Version 5 | Approved 02/09/2024 | Owner: Head of Practice")
    v["brackwater_yoi"] = Vocab(
        key="brackwater_yoi", sender="HMYOI Brackwater", partnership="Ouseford Safeguarding Children Partnership",
        part_email="safeguarding.partnership@ouseford.gov.uk", part_phone="0113 496 0600", town="Ouseford", postcode="OU",
        domain="justice.gov.uk", title="HMYOI Brackwater - Notification of a Serious Incident involving a Child in Custody",
        form_ref="BWT-SAFE-11", marking="OFFICIAL - SENSITIVE",
        labels=_L(date_of_referral="Date form completed", ref_name="Name of reporting member of staff", ref_role="Grade / post",
                  ref_agency="Establishment", ref_email="Email", ref_phone="Extension / phone",
                  lead_name="Head of Safeguarding (or deputy) informed", lead_role="Post", lead_agency="Department",
                  lead_email="Email address", lead_phone="Phone", lead_discussed="Referral agreed by the Head of Safeguarding?",
                  c_last="Young person's surname", c_first="Forename(s)", c_other="Alias(es)", c_dob="Date of birth", c_age="Age",
                  c_gender="Gender", c_eth="Ethnicity (self-defined)", c_addr="Home address before custody",
                  c_school="Education provider", c_gp="Registered GP before custody", c_legal="Legal status",
                  c_cp="Child protection plan (current or previous)?", c_csc="Open to home local authority children's services?",
                  c_lac="Looked after child?", c_dis="Identified disability / neurodiversity", c_dod="Date of death",
                  i_date="Date of incident", i_la="Date home local authority informed", i_loc="Location in establishment",
                  i_type="Incident category", i_summary="Account of the incident", i_police="Police informed?",
                  k_died="Child died or seriously harmed?", k_abuse="Abuse or neglect known or suspected?",
                  k_local="Incident occurred in the Ouseford area?", k_learn="Multi-agency learning identified?",
                  k_reason="Reasons the case may meet the criteria", panel="Panel notification made?", panel_date="Date of Panel notification",
                  agencies="Agencies involved (custody and community)", concerns="Immediate concerns / actions taken"),
        yn=("YES", "NO", "UNKNOWN"), gender={"female": "Female", "male": "Male", "other": "Other"},
        itypes={"death": "Death of a child", "serious_harm": "Serious harm to a child", "lac_death": "Death of a looked after child",
                "other": "Other serious incident"},
        other_fmt="Other serious incident - {detail}", name_split="last_first", child_ages=(14, 17),
        section_titles={"ref": "PART A - REPORTING MEMBER OF STAFF", "lead": "PART B - HEAD OF SAFEGUARDING", "child": "PART C - YOUNG PERSON",
                        "inc": "PART D - INCIDENT", "crit": "PART E - CRITERIA", "panel": "PART F - NATIONAL PANEL",
                        "ag": "PART G - AGENCIES", "conc": "PART H - IMMEDIATE ACTION", "decoy": "CUSTODY RECORD"},
        roles=["Custodial Manager", "Supervising Officer", "Youth Justice Worker (custody)", "Safer Custody Lead"],
        lead_roles=["Head of Safeguarding", "Deputy Head of Safeguarding", "Head of Safety"],
        agency_names=["HMYOI Brackwater", "HM Young Offender Institution Brackwater"],
        lead_agency=["Safeguarding Department", "Safer Custody and Safeguarding"],
        decoys=[("decoy", "Prison number", "ref", "YB{n4}K"), ("decoy", "Date of reception into custody", "date", None),
                ("decoy", "Community youth justice worker", "person", None), ("decoy", "ACCT open at time of incident?", "yn", None)],
        agency_cols=("Name", "Agency / department", "Contact"),
        schools=["Brackwater Learning Centre", "Ouseford Pupil Referral Unit", "Castlegate College (ETE)"],
        gps=["Healthcare centre, HMYOI Brackwater", "Ouseford Road Surgery", "Dr Banerjee, Castlegate Medical Practice"],
        legal=["Remanded to youth detention accommodation", "Detention and Training Order (12 months)", "Section 250 sentence",
               "Remanded; also looked after (s20)"],
        locations=["Cedar Unit, room 14", "Education block corridor", "Exercise yard, Birch Unit", "Healthcare centre waiting room"],
        story=["{c1} was found {event} in {loc_lower} at about 19:40. Staff gave first aid and called an ambulance; {c1} was taken to {hospital}."] + STORY_COMMON,
        reasons=["Serious harm to a child in custody; concerns about use of force and information sharing between the establishment and the home local authority.",
                 "A child in custody was seriously harmed and previous assessments by several agencies identified a high risk of self-harm."],
        concerns=["Constant supervision in place. Other young people on the unit spoken to by the safeguarding team on {conc_date}.",
                  "Two staff removed from contact with young people pending investigation."],
        agencies_pool=[("Leanne Mottram", "Ouseford Youth Justice Service", "0113 496 0742"), (None, "Healthcare, HMYOI Brackwater", "ext. 4410"),
                       ("DS Imran Kassim", "Ouseford Police", "imran.kassim@ouseford.police.uk"),
                       ("Bev Ollerenshaw", "Castlegate Children's Services", "07700 900 631"), (None, "Independent Monitoring Board", "imb.brackwater@justice.gov.uk")],
        guidance="Complete within 24 hours. Send to safeguarding.partnership@ouseford.gov.uk and copy the YCS. Queries 0113 496 0600. Date format e.g. 01/01/2015.",
        footer="BWT-SAFE-11 Issue 4 (09/01/2025) - uncontrolled when printed")
    v["saltford_maternity"] = Vocab(
        key="saltford_maternity", sender="Saltford General Hospital Maternity Unit", partnership="Saltford and Wexley Safeguarding Children Partnership",
        part_email="swscp@saltford.gov.uk", part_phone="0116 496 0330", town="Saltford", postcode="SF",
        domain="nhs.net", title="Maternity Safeguarding - Referral to the Safeguarding Children Partnership (Rapid Review)",
        form_ref="MAT-SG-02", marking="NHS CONFIDENTIAL",
        labels=_L(date_of_referral="Date of referral", ref_name="Midwife completing form", ref_role="Band / role",
                  ref_agency="Ward / unit", ref_email="Secure email", ref_phone="Bleep / phone",
                  lead_name="Named Midwife for Safeguarding", lead_role="Their role", lead_agency="Their department",
                  lead_email="Their email", lead_phone="Their phone", lead_discussed="Discussed with the Named Midwife?",
                  c_name="Baby's name (or 'Baby' + surname)", c_dob="Date of birth / EDD", c_gender="Sex of baby",
                  c_eth="Ethnicity", c_addr="Address (mother's address if unborn)", c_gp="GP (mother's registered GP)",
                  c_cp="Unborn / baby subject to a CP plan?", c_csc="Open to children's social care?", c_dis="Known conditions / additional needs",
                  c_dod="Date of death (if applicable)",
                  i_date="Date of incident", i_la="Date the local authority was notified", i_loc="Place of incident (ward / home / other)",
                  i_type="Incident type", i_summary="Summary of events (factual)", i_police="Police involved?",
                  k_died="Death or serious harm?", k_abuse="Abuse or neglect known or suspected?", k_local="Normally resident in Saltford and Wexley?",
                  k_learn="Learning for the partnership?", k_reason="Reason for referral", panel="National Panel notified?",
                  panel_date="Date notified", agencies="Professionals involved", concerns="Immediate safety plan / concerns"),
        yn=("Yes", "No", "Unknown"), gender={"female": "Female", "male": "Male", "other": "Other"},
        itypes={"death": "Death", "serious_harm": "Serious harm", "other": "Other"},
        other_fmt="Other: {detail}", name_split=None,
        section_titles={"ref": "Referrer", "lead": "Named Midwife", "child": "Baby", "inc": "Incident", "crit": "Criteria",
                        "panel": "Panel", "ag": "Professionals", "conc": "Safety plan", "decoy": "Mother"},
        roles=["Community Midwife (Band 6)", "Safeguarding Midwife (Band 7)", "Ward Manager, Delivery Suite", "Specialist Midwife - Vulnerable Women"],
        lead_roles=["Named Midwife for Safeguarding", "Deputy Named Midwife"],
        agency_names=["Saltford General Maternity Unit", "Delivery Suite, Saltford General Hospital", "Community Midwifery - Wexley team"],
        lead_agency=["Saltford and Wexley Hospitals NHS Trust", "Safeguarding Team, Saltford General"],
        decoys=[("decoy", "Mother's name", "person", None), ("decoy", "Mother's date of birth", "date_adult", None),
                ("decoy", "Hospital number (mother)", "ref", "S{n4}{n3}"), ("decoy", "Gestation at incident", "text", ["36+2", "39+5", "28+1", "41+0"]),
                ("decoy", "Date of booking", "date", None)],
        agency_cols=("Name", "Role / agency", "Contact"),
        gps=["Wexley Road Medical Centre", "Saltford Health Centre", "Dr Adeyinka, Quayside Surgery"],
        locations=["Delivery Suite, room 6", "The family home", "Ward 21 (postnatal)", "Car park, Saltford General Hospital"],
        story=["Mother booked late at {gest} weeks. On {inc_date_words} the baby was {event}.", "Staff raised concerns on the ward about handling and about who was visiting."] + STORY_COMMON[1:4],
        reasons=["Serious harm to a newborn with unexplained injuries; several services had contact during the pregnancy.",
                 "Concerns about how pre-birth information was shared with children's social care."],
        concerns=["Discharge planning meeting booked; baby not to be discharged without a social work plan.",
                  "Security informed; named visitors only on the ward."],
        agencies_pool=[("Gemma Lowther", "Health Visitor, Wexley 0-19", "07700 900 322"), (None, "Saltford Children's Social Care", "0116 496 0800"),
                       ("Dr Adeyinka", "Quayside Surgery (GP)", "0116 496 0451"), ("Hannah Pryce", "Perinatal Mental Health Team", "hannah.pryce@nhs.net"),
                       (None, "Saltford Drug and Alcohol Service", "0116 496 0190")],
        child_ages=(0, 1),
        guidance="Send to swscp@saltford.gov.uk (tel 0116 496 0330). For an unborn baby give the EDD, e.g. 01/01/2015, and the mother's address.",
        footer="MAT-SG-02 v1.4 - ratified 30/04/2025 - next review 30/04/2027")
    v["wrenfield_hv"] = Vocab(
        key="wrenfield_hv", sender="Wrenfield 0-19 Public Health Nursing", partnership="Wrenfield and Dale Safeguarding Children Partnership",
        part_email="wdscp@wrenfield.gov.uk", part_phone="01632 960 210", town="Wrenfield", postcode="WF",
        domain="nhs.net", title="Health Visiting / School Nursing - Serious Incident Referral to WDSCP",
        form_ref="0-19/SIR/3", marking="CONFIDENTIAL WHEN COMPLETED",
        labels=_L(date_of_referral="Today's date", ref_name="Practitioner name", ref_role="Designation (HV / SN / CN / nursery nurse)",
                  ref_agency="Team / base", ref_email="Email", ref_phone="Work mobile",
                  lead_name="Safeguarding Children Nurse Specialist consulted", lead_role="Designation", lead_agency="Team",
                  lead_email="Email", lead_phone="Phone", lead_discussed="Discussed in safeguarding supervision?",
                  c_first="Child's first name", c_last="Child's surname", c_other="Also known as", c_dob="DOB", c_age="Age",
                  c_gender="Gender", c_eth="Ethnicity", c_addr="Home address", c_school="Nursery / school", c_gp="GP practice",
                  c_legal="Legal status", c_cp="On a CP plan (now or previously)?", c_csc="Known to CSC?", c_lac="Child looked after?",
                  c_dis="Health needs / disability", c_dod="Date of death",
                  i_date="Date of incident", i_la="Date LA became aware", i_loc="Where did it happen?", i_type="Type of incident",
                  i_summary="Brief summary", i_police="Police involved?",
                  k_died="Died or seriously harmed?", k_abuse="Abuse / neglect suspected?", k_local="Lives in Wrenfield and Dale?",
                  k_learn="Multi-agency learning?", k_reason="Why does this meet the criteria?", panel="Panel notified?",
                  panel_date="Date Panel notified", agencies="Other professionals", concerns="Immediate concerns"),
        yn=("Yes", "No", "Not known"), gender={"female": "Girl", "male": "Boy", "other": "Other"},
        itypes={"death": "Child death", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child", "other": "Other"},
        other_fmt="Other - {detail}", name_split="first_last",
        section_titles={"ref": "1. Your details", "lead": "2. Safeguarding supervision", "child": "3. Child", "inc": "4. Incident",
                        "crit": "5. Criteria", "panel": "6. Panel", "ag": "7. Other professionals", "conc": "8. Immediate concerns",
                        "decoy": "Health record"},
        roles=["Health Visitor", "School Nurse", "Community Nursery Nurse", "Specialist Community Public Health Nurse"],
        lead_roles=["Safeguarding Children Nurse Specialist", "Named Nurse for Safeguarding Children"],
        agency_names=["Wrenfield 0-19 Service - Dale Valley team", "Wrenfield 0-19 Public Health Nursing", "Wrenfield Health Visiting, Millbrook base"],
        lead_agency=["Wrenfield Community Health NHS Trust", "Safeguarding Children Team"],
        decoys=[("decoy", "NHS number", "ref", "4{n3} {n3} {n4}"), ("decoy", "Date of last HV contact", "date", None),
                ("decoy", "Parent / carer", "person", None), ("decoy", "Caseload holder (if different)", "person", None)],
        agency_cols=("Name", "Agency", "Contact number / email"),
        schools=["Little Acorns Nursery", "Millbrook Primary School", "Dale Valley Infants", "Wrenfield Children's Centre creche"],
        gps=["Millbrook Surgery", "Dale Valley Medical Practice", "Wrenfield Health Centre"],
        legal=["No order", "Child in need plan (no order)", "Interim care order", "Subject to s20 agreement"],
        locations=["The family home", "Grandparents' home, Dale Valley", "Millbrook Children's Centre", "A holiday caravan park"],
        story=["I visited on {inc_date_words} for a planned review. {c1} was {event}.", "Mum said she had been unwell and dad was working away."] + STORY_COMMON[1:5],
        reasons=["Serious harm with neglect suspected; the family were seen by health visiting, GP and early help in the last year.",
                 "A young child has died and there were missed contacts across several services."],
        concerns=["Sibling seen the same day and well. Social care visiting daily.", "None at present - children staying with maternal aunt."],
        agencies_pool=[("Dr Cowling", "Millbrook Surgery", "01632 960 371"), ("Steph Yeadon", "Early Help, Wrenfield Council", "steph.yeadon@wrenfield.gov.uk"),
                       (None, "Wrenfield Children's Social Care", "01632 960 600"), ("Farah Iqbal", "Little Acorns Nursery (manager)", "01632 960 902"),
                       ("Kirsty Hall", "Community Paediatrics", "0114 496 0267")],
        child_ages=(0, 10),
        guidance="Please email to wdscp@wrenfield.gov.uk or phone 01632 960 210. Use dd/mm/yyyy (e.g. 01/01/2015). Do not put the NHS number in the subject line.",
        footer="0-19/SIR/3 rev 2 - 11/11/2024")
    v["orbiston_iro"] = Vocab(
        key="orbiston_iro", sender="Orbiston Independent Reviewing Service", partnership="Orbiston Safeguarding Children Partnership",
        part_email="osp.casereview@orbiston.gov.uk", part_phone="0121 496 0470", town="Orbiston", postcode="OB",
        domain="orbiston.gov.uk", title="IRO Notification - Serious Incident concerning a Child in Care",
        form_ref="IRS-07", marking="RESTRICTED (when completed)",
        labels=_L(date_of_referral="Date of notification", ref_name="Independent Reviewing Officer", ref_role="Role",
                  ref_agency="Service", ref_email="Email", ref_phone="Telephone",
                  lead_name="IRO Manager / Head of Service", lead_role="Role", lead_agency="Service", lead_email="Email",
                  lead_phone="Telephone", lead_discussed="Discussed with the IRO Manager?",
                  c_name="Child's name", c_other="Other names", c_dob="DOB", c_age="Age", c_gender="Gender", c_eth="Ethnicity",
                  c_addr="Child's current address (placement)", c_school="School / education provision", c_gp="GP", c_legal="Legal status",
                  c_cp="Previously subject to a CP plan?", c_csc="Open to children's social care?", c_lac="Looked after?",
                  c_dis="Disability", c_dod="Date of death",
                  i_date="Date of incident", i_la="Date LA became aware", i_loc="Location", i_type="Type of incident",
                  i_summary="Summary of incident", i_police="Police involved?",
                  k_died="Died / seriously harmed", k_abuse="Abuse or neglect known or suspected", k_local="Orbiston child or incident in Orbiston",
                  k_learn="Potential multi-agency learning", k_reason="IRO's view on the criteria", panel="Serious incident notification made by the LA?",
                  panel_date="Date of notification to the Panel", agencies="Agencies involved", concerns="Immediate concerns / IRO actions"),
        yn=("Yes", "No", "Unknown"), gender={"female": "F", "male": "M", "other": "Other"},
        itypes={"death": "Death of a child", "serious_harm": "Serious harm", "lac_death": "Death of a child in care",
                "care_leaver_death": "Death of a care leaver (under 25)", "other": "Other"},
        other_fmt="Other - {detail}", name_split=None, child_ages=(2, 17),
        section_titles={"ref": "A. IRO", "lead": "B. IRO Manager", "child": "C. Child", "inc": "D. Incident", "crit": "E. Criteria",
                        "panel": "F. Panel", "ag": "G. Agencies", "conc": "H. Immediate concerns", "decoy": "Care record"},
        roles=["Independent Reviewing Officer", "Senior IRO", "IRO / Child Protection Chair"],
        lead_roles=["IRO Manager", "Head of Quality Assurance and Safeguarding"],
        agency_names=["Orbiston Independent Reviewing Service", "Orbiston Council - Safeguarding and Quality Assurance"],
        lead_agency=["Orbiston Council", "Independent Reviewing Service"],
        decoys=[("decoy", "CLA ID", "ref", "CLA{n4}{n2}"), ("decoy", "Date of last LAC review", "date", None),
                ("decoy", "Allocated social worker", "person", None), ("decoy", "Date became looked after", "date", None),
                ("decoy", "Placement type", "text", ["Foster care (in house)", "Residential children's home", "Kinship placement", "Supported accommodation"])],
        agency_cols=("Name", "Agency", "Contact"),
        schools=["Orbiston Virtual School / Hillcrest Academy", "Bishop Lacey High School", "Orbiston Pupil Referral Unit", "Greenhill Special School"],
        gps=["Hillcrest Medical Centre", "Dr Patel, Orbiston Road Surgery", "Sandwell Vale Practice"],
        legal=["Section 31 Care Order", "Section 20 (accommodated)", "Interim Care Order", "Placement Order", "Care order (s31), placed with parents"],
        locations=["Children's home, Orbiston", "Foster carers' home", "Town centre, Orbiston", "Supported accommodation, Dudmoor"],
        story=["I chaired {c1}'s last review in {review_month}. On {inc_date_words} {c1} was {event}."] + STORY_COMMON,
        reasons=["A child in our care was seriously harmed; the care plan had identified exploitation risk that was not acted on.",
                 "Death of a looked after child; the IRO escalated concerns about placement stability twice in the last year."],
        concerns=["Sibling in the same placement moved to a new placement on {conc_date}.", "IRO has asked for an urgent review meeting."],
        agencies_pool=[("Marcus Otway", "Orbiston Children's Social Care", "marcus.otway@orbiston.gov.uk"), (None, "Orbiston Virtual School", "0121 496 0415"),
                       ("Dr Patel", "Orbiston Road Surgery", "0121 496 0533"), ("Jodie Fenn", "LAC Health Team", "07700 900 774"),
                       (None, "Placement provider (Brightside Care Ltd)", "0121 496 0120")],
        guidance="Send to osp.casereview@orbiston.gov.uk or ring 0121 496 0470. Example: 01/01/2015. The IRO must not delay a notification to wait for the social worker.",
        footer="IRS-07 v3 | last reviewed 03/03/2025")
    v["tideway_hub"] = Vocab(
        key="tideway_hub", sender="Tideway Multi-Agency Child Exploitation Hub", partnership="Tideway and Harrowby Safeguarding Children Partnership",
        part_email="thscp@tideway.gov.uk", part_phone="0151 496 0660", town="Tideway", postcode="TW",
        domain="tideway.gov.uk", title="MACE Hub - Referral for Rapid Review (child exploitation)",
        form_ref="MACE-RR1", marking="OFFICIAL-SENSITIVE (when complete)",
        labels=_L(date_of_referral="Date of referral", ref_name="Hub practitioner", ref_role="Agency role", ref_agency="Home agency",
                  ref_email="Email", ref_phone="Phone",
                  lead_name="Hub manager", lead_role="Manager's role", lead_agency="Manager's agency", lead_email="Manager's email",
                  lead_phone="Manager's phone", lead_discussed="Agreed by the hub manager?",
                  c_name="Young person", c_other="Aliases / street names", c_dob="DOB", c_age="Age", c_gender="Gender",
                  c_eth="Ethnicity", c_addr="Last known address", c_school="School / ETE", c_gp="GP", c_legal="Legal status",
                  c_cp="CP plan (current or previous)", c_csc="Known to CSC", c_lac="Looked after", c_dis="Disability / additional needs",
                  c_dod="Date of death",
                  i_date="Date of incident", i_la="Date LA aware", i_loc="Location (incl. out of area)", i_type="Incident type",
                  i_summary="Summary", i_police="Police involved",
                  k_died="Died or seriously harmed", k_abuse="Abuse / neglect / exploitation suspected", k_local="Tideway or Harrowby connection",
                  k_learn="Multi-agency learning", k_reason="Rationale", panel="Panel notified", panel_date="Date Panel notified",
                  agencies="Agencies around the young person", concerns="Immediate risks and disruption activity"),
        yn=("Y", "N", "Unknown"), gender={"female": "Female", "male": "Male", "other": "Non-binary"},
        itypes={"death": "Death", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
                "care_leaver_death": "Death of a care leaver aged 18 to 24", "other": "Other"},
        other_fmt="Other - {detail}", name_split=None,
        section_titles={"ref": "Referrer", "lead": "Hub manager", "child": "Young person", "inc": "Incident", "crit": "Criteria",
                        "panel": "National Panel", "ag": "Agencies", "conc": "Immediate risk", "decoy": "Exploitation screening"},
        roles=["Exploitation Hub Coordinator", "Missing and Exploitation Worker", "Detective Constable (hub)", "Hub Social Worker"],
        lead_roles=["Hub Manager", "Strategic Exploitation Lead", "Detective Sergeant, Hub supervisor"],
        agency_names=["Tideway Council - Exploitation Hub", "Tideway MACE Hub", "Harrowby Police (seconded to hub)"],
        lead_agency=["Tideway Council", "Tideway MACE Hub"],
        decoys=[("decoy", "NRM referral made?", "yn", None), ("decoy", "NRM reference", "ref", "NRM-{y}-{n4}"),
                ("decoy", "Date of last MACE meeting", "date", None), ("decoy", "Exploitation risk level", "text", ["High", "Medium", "Significant"]),
                ("decoy", "Linked adult of concern", "person", None), ("decoy", "Missing episodes (last 3 months)", "text", ["4", "7", "11", "2"])],
        agency_cols=("Name", "Agency", "Contact"),
        schools=["Harrowby Alternative Provision", "Tideway High School", "Riverside College (ETE)", "Not in education"],
        gps=["Tideway Walk-in Centre", "Harbour Lane Surgery", "Dr Mensah, Harrowby Medical Centre"],
        legal=["No order", "Section 20 (accommodated)", "Interim Care Order", "Bail with conditions"],
        locations=["A flat on Quarry Hill estate (cuckooed address)", "Harrowby railway station", "Out of area - Castlegate town centre", "Tideway retail park"],
        story=["{c1} had been reported missing {n} times since {year}. On {inc_date_words} {c1} was {event}.",
               "Intelligence links {c1} to a county line operating between Tideway and Castlegate."] + STORY_COMMON[2:],
        reasons=["Serious harm through criminal exploitation; the young person was known to at least five agencies.",
                 "Learning about the response to repeated missing episodes and return home interviews."],
        concerns=["Disruption: child abduction warning notices served on two adults on {conc_date}.", "Safety plan agreed; the young person is staying out of area."],
        agencies_pool=[("DC Shauna Bright", "Harrowby Police - Exploitation Team", "shauna.bright@harrowby.police.uk"), (None, "Return Home Interview service", "0151 496 0287"),
                       ("Tom Aspinall", "Tideway Youth Justice Service", "07700 900 845"), ("Nisha Rao", "Tideway High School (DSL)", "0151 496 0712"),
                       (None, "Catch22 Missing Service", "missing@tidewaycatch.org.uk")],
        child_ages=(11, 17),
        guidance="Email thscp@tideway.gov.uk; urgent queries 0151 496 0660. Use dd/mm/yyyy - e.g. 01/01/2015. Do not name adults of concern in the subject.",
        footer="MACE-RR1 version 1.2 - published 27/01/2025")
    v["eastmoor_fire"] = Vocab(
        key="eastmoor_fire", sender="Eastmoor Fire and Rescue Service", partnership="Eastmoor Safeguarding Children Partnership",
        part_email="escp.reviews@eastmoor.gov.uk", part_phone="0161 496 0120", town="Eastmoor", postcode="EM",
        domain="eastmoorfire.gov.uk", title="Eastmoor FRS - Safeguarding Children Serious Incident Referral",
        form_ref="EFRS-SG-05", marking="OFFICIAL - SENSITIVE",
        labels=_L(date_of_referral="Date of referral", ref_name="Name of FRS officer", ref_role="Rank / role", ref_agency="Station / department",
                  ref_email="Email", ref_phone="Telephone",
                  lead_name="FRS Safeguarding Lead", lead_role="Rank / role", lead_agency="Department", lead_email="Email",
                  lead_phone="Telephone", lead_discussed="Discussed with the FRS Safeguarding Lead?",
                  c_name="Name of child", c_dob="DOB", c_age="Approx. age", c_gender="Gender (M/F)", c_addr="Child's home address",
                  c_cp="Known to be on a CP plan?", c_csc="Known to children's social care?", c_dis="Disability or vulnerability noted",
                  c_dod="Date of death",
                  i_date="Date of incident", i_la="Date referred to the local authority", i_loc="Incident address / location",
                  i_type="Incident type", i_summary="Description of incident and concerns", i_police="Police in attendance?",
                  k_died="Child died or seriously harmed?", k_abuse="Abuse or neglect suspected?", k_local="Incident in Eastmoor?",
                  k_learn="Learning for partner agencies?", k_reason="Reason for referral", agencies="Other agencies at scene / involved",
                  concerns="Immediate concerns"),
        yn=("Y", "N", "N/K"), gender={"female": "F", "male": "M", "other": "Other"}, child_ages=(0, 15),
        itypes={"death": "Child death", "serious_harm": "Serious harm", "other": "Other"},
        other_fmt="Other - {detail}", name_split=None,
        section_titles={"ref": "Officer details", "lead": "FRS Safeguarding Lead", "child": "Child", "inc": "Incident", "crit": "Criteria",
                        "panel": "Panel", "ag": "Agencies", "conc": "Immediate concerns", "decoy": "Incident log"},
        roles=["Watch Manager", "Crew Commander", "Community Safety Officer", "Station Manager"],
        lead_roles=["Safeguarding Lead", "Group Manager, Prevention", "Safeguarding Officer"],
        agency_names=["Eastmoor FRS - Blue Watch, Holmfirth Road", "Eastmoor Fire and Rescue Service", "Eastmoor FRS - Prevention and Protection"],
        lead_agency=["Eastmoor Fire and Rescue Service", "Prevention Department"],
        decoys=[("decoy", "FRS incident number", "ref", "EF{y}{n4}"), ("decoy", "Time of call", "text", ["02:14", "23:47", "18:05", "04:30"]),
                ("decoy", "Officer in charge (OIC)", "person", None), ("decoy", "Home Fire Safety Visit date", "date", None),
                ("decoy", "Smoke alarms working?", "yn", None)],
        agency_cols=("Name", "Agency", "Contact"),
        locations=["The family home (kitchen fire)", "Derelict garage block, Moor Lane", "Flat fire, Sycamore Court", "Wasteland behind the retail park"],
        story=["Crews were called to a fire at the address at night on {inc_date_words}. {c1} was {event}.",
               "Crews found no working smoke alarms and the home was heavily cluttered; the children's bedroom door was locked from the outside."] + STORY_COMMON[3:],
        reasons=["Serious harm to a child in a house fire with neglect suspected; the family had declined a Home Fire Safety Visit.",
                 "A child has died in a fire and several agencies had visited the home."],
        concerns=["Family in temporary accommodation; children staying with grandparents.", "Police and children's services visited together on {conc_date}."],
        agencies_pool=[(None, "North West Ambulance Service", "0161 496 0999"), ("PC Craig Hibbert", "Eastmoor Police", "craig.hibbert@eastmoor.police.uk"),
                       ("Anna Sykes", "Eastmoor Children's Services", "0161 496 0704"), (None, "Eastmoor Homes (landlord)", "0161 496 0318")],
        guidance="Send to escp.reviews@eastmoor.gov.uk or phone 0161 496 0120. Date format e.g. 01/01/2015. Do not delay reporting to Fire Control.",
        footer="EFRS-SG-05 Iss.2 26/02/2025")
    return v


VOCABS = _vocabs()

EVENTS = {
    "death": ["found unresponsive and later pronounced dead", "found dead at home", "confirmed dead at hospital"],
    "serious_harm": ["seriously injured", "admitted to intensive care", "found with serious injuries", "found unconscious"],
    "lac_death": ["found unresponsive and later pronounced dead"],
    "care_leaver_death": ["found dead in supported accommodation"],
    "other": ["harmed in circumstances that worried staff", "found in a flat with adults not known to services"],
}
OTHER_DETAILS = ["private fostering arrangement", "attempted suicide of a 15 year old", "serious sexual assault disclosed",
                 "near-miss: child found alone after parental overdose"]


# ----------------------------------------------------------------------------------------------- the case

@dataclass
class Fld:
    key: str                 # canonical key (e.g. "ref_name", "c_dob"); "decoy" for decoys
    label: str
    kind: str                # text, date, yn, gender, itype, lines, paras, agencies, email, phone, decoy
    show: object             # what the form shows: str, list[str] (lines/paras), index (yn), rows (agencies)
    hint: str = ""           # grey guidance text next to the field, never an answer
    child: int = 0           # child index (1-based) for child fields


@dataclass
class Case:
    vocab: Vocab
    sections: list           # [(section_key, title, [Fld])]
    record: dict
    notes: dict


MEN = {"Martin", "Gareth", "Adebayo", "Stuart", "Marek", "Dean", "Graham", "Tariq", "Kwame", "Ewan"}


def _person(rng):
    return f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}"


def _titled(rng, name: str, titles: bool) -> str:
    if not titles:
        return name
    male = name.split()[0] in MEN
    t = rng.choice(["", "", "Dr "] + (["Mr "] if male else ["Mrs ", "Ms "]))
    return t + name


def _email(name: str, domain: str, rng) -> str:
    first, last = name.replace("Dr ", "").replace("DS ", "").replace("DC ", "").split()[-2:]
    base = rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{last}.{first}"])
    if rng.random() < 0.3:
        return f"{base}@{domain}".replace(base, base.title())
    return f"{base}@{domain}".lower()


def _address(rng, vocab, lines=None):
    n = rng.randint(1, 120)
    street = rng.choice(STREETS)
    first = rng.choice([f"{n} {street}", f"Flat {rng.randint(1, 24)}, {rng.choice(BLOCKS)}", f"{n}a {street}"])
    parts = [first]
    if first.startswith("Flat"):
        parts.append(f"{rng.randint(1, 90)} {street}")
    if rng.random() < 0.5:
        parts.append(rng.choice(["Millbrook", "Dale End", "Quarry Hill", "Harbourside", "Northgate"]))
    parts.append(vocab.town)
    parts.append(f"{vocab.postcode}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
    return parts


FILLERS = ["N/A", "-", "Not known", "n/a"]


def make_case(rng: random.Random, vocab: Vocab, layout: str, n_children: int, date_styles: tuple[str, str]) -> Case:
    """One invented case in this sender's wording; returns ordered sections (what the form shows) and the truth record."""
    L = vocab.labels
    main_style, dob_style = date_styles
    notes = {"date_style": main_style, "dob_style": dob_style, "blanks": [], "fillers": [], "third_option": []}

    # --- dates
    inc = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 430))
    la = inc + dt.timedelta(days=rng.randint(0, 6))
    ref_date = la + dt.timedelta(days=rng.randint(1, 12))
    panel_date = la + dt.timedelta(days=rng.randint(1, 5))

    def D(d, style=None):
        return fmt_date(d, style or main_style)

    # --- incident type
    types = list(vocab.itypes)
    itype = rng.choice(types + ["serious_harm", "death"]) if "serious_harm" in types else rng.choice(types)
    if itype == "lac_death" or itype == "care_leaver_death":
        pass
    other_detail = rng.choice(OTHER_DETAILS)

    # --- people
    plain = vocab.key in ("brackwater_yoi", "eastmoor_fire")
    ref_name = _titled(rng, _person(rng), not plain)
    lead_name = _titled(rng, _person(rng), not plain)
    if vocab.key == "tideway_hub" and rng.random() < 0.4:
        lead_name = "DS " + _person(rng)
    ref = {"name": ref_name, "role": rng.choice(vocab.roles), "agency": rng.choice(vocab.agency_names),
           "email": _email(ref_name, vocab.domain, rng), "phone": phone(rng, rng.choice(["land", "mobile"]))}
    lead = {"name": lead_name, "role": rng.choice(vocab.lead_roles), "agency": rng.choice(vocab.lead_agency),
            "email": _email(lead_name, vocab.domain, rng), "phone": phone(rng, "land")}
    discussed = rng.choice([True, True, True, False, None])

    # --- children
    surname = rng.choice(SURNAMES)
    caps_surname = rng.random() < 0.25
    addr = _address(rng, vocab)
    kids = []
    used = set()
    for i in range(n_children):
        g = rng.choice(["female", "male", "female", "male", "other"]) if rng.random() < 0.95 else "female"
        if g == "other" and "other" not in vocab.gender:
            g = "female"
        pool = GIRLS if g == "female" else BOYS if g == "male" else GIRLS + BOYS
        first = rng.choice([p for p in pool if p not in used]); used.add(first)
        last = surname if (i == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
        last_shown = last.upper() if caps_surname else last
        lo, hi = vocab.child_ages
        age_years = rng.randint(lo, hi) if not (i == 0 and itype == "care_leaver_death") else rng.randint(18, 21)
        dob = inc - dt.timedelta(days=int(age_years * 365.25) + rng.randint(5, 300))
        unborn = False
        if vocab.key == "saltford_maternity":
            if i == 0 and rng.random() < 0.3:
                unborn = True
                dob = inc + dt.timedelta(days=rng.randint(20, 90))
            elif i == 1:
                dob = kids[0]["dob"]  # twins
            else:
                dob = inc - dt.timedelta(days=rng.randint(0, 40))
            if dob > inc and not unborn:
                dob = inc
            name = f"Baby {last_shown}" if (unborn or rng.random() < 0.4) else f"{first} {last_shown}"
        else:
            name = f"{first} {last_shown}"
        give_age = ("c_age" in L) and rng.random() < 0.15 and not unborn
        kid = {"first": first, "last": last_shown, "name": name, "dob": dob, "give_age": give_age,
               "age_word": rng.choice(AGE_WORDS), "gender": None if unborn else g,
               "other": rng.choice(["", "", "", f"{first[:3]}{rng.choice(['s', 'ie', 'ey'])}", f"{first} {rng.choice(SURNAMES)}", "'Smudge'"]),
               "eth": rng.choice(ETHNICITIES), "addr": addr if rng.random() < 0.9 or i == 0 else _address(rng, vocab),
               "school": rng.choice(vocab.schools) if vocab.schools and (age_years >= 3 or vocab.key == "wrenfield_hv") else None, "gp": rng.choice(vocab.gps) if vocab.gps else None,
               "legal": rng.choice(vocab.legal) if vocab.legal else None,
               "cp": rng.choice([True, False, False, None]), "csc": rng.choice([True, True, False, None]),
               "lac": (itype == "lac_death" and i == 0) or rng.choice([False, False, True, None]),
               "dis": rng.choice(DISABILITIES) if rng.random() < 0.35 else "",
               "dod": None, "unborn": unborn}
        if kid["legal"] and any(s in kid["legal"].lower() for s in ("s20", "section 20", "care order", "placement order")):
            kid["lac"] = True
        if itype in ("death", "lac_death", "care_leaver_death") and i == 0 and rng.random() < 0.85:
            kid["dod"] = inc
        if unborn:
            kid["name"] = name
        kids.append(kid)

    c1 = kids[0]["first"] if not kids[0]["name"].startswith("Baby") else "the baby"
    C1 = c1[0].upper() + c1[1:]
    fill = dict(c1=C1, hospital=rng.choice(HOSPITALS), inc_date_words=fmt_date(inc, "long"), injury=rng.choice(INJURIES),
                year=rng.randint(2016, 2023), n=rng.randint(2, 9), theme=rng.choice(THEMES), gap=rng.choice(["three weeks", "two months", "nine days"]),
                caller=rng.choice(["relative", "neighbour", "family friend"]), call_words=fmt_date(la, "long"),
                event=rng.choice(EVENTS[itype]), loc_lower="", gest=rng.randint(24, 33), review_month=MONTHS[(inc.month - 2) % 12],
                conc_date=fmt_date(ref_date, main_style))
    location = rng.choice(vocab.locations)
    fill["loc_lower"] = location[0].lower() + location[1:]
    k = rng.randint(2, 4)
    templ = [vocab.story[0]] + rng.sample(vocab.story[1:], k - 1)
    paras = [t.format(**fill) for t in templ]
    paras = [p.replace(" the baby ", " the baby ").replace(". the baby", ". The baby") for p in paras]
    paras = [p[0].upper() + p[1:] for p in paras]
    dead = itype in ("death", "lac_death", "care_leaver_death")
    cands = [r for r in vocab.reasons if any(w in r for w in ("died", "Death", "death")) == dead] or vocab.reasons
    reason = rng.choice(cands).format(**fill)
    reason = reason[0].upper() + reason[1:]
    concerns = rng.choice(vocab.concerns).format(**fill)
    police = rng.choice([True, True, False, None])
    crit = {"died": True, "abuse": rng.choice([True, True, None, False]), "local": rng.choice([True, True, None]),
            "learn": rng.choice([True, True, False, None])}
    panel = rng.choice([True, False, None]) if "panel" in L else None
    n_ag = rng.choice([0, 1, 2, 3, 3, 4, 5]) if rng.random() < 0.9 else 0
    ag_rows = []
    for a in rng.sample(vocab.agencies_pool, min(n_ag, len(vocab.agencies_pool))):
        ag_rows.append(a)

    # ------------------------------------------------------------------------------------ sections and truth
    record = {"form": "referral", "date_of_referral": None,
              "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
              "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None, "discussed": None},
              "children": [],
              "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None, "police_involved": None},
              "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                           "multi_agency_learning": None, "reason": None},
              "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}

    blank_p = 0.07

    def maybe_blank(key):
        """'' (empty), a filler, or None (answered)."""
        if rng.random() < blank_p:
            if rng.random() < 0.5:
                f = rng.choice(FILLERS)
                notes["fillers"].append(f"{key}={f}")
                return f
            notes["blanks"].append(key)
            return ""
        return None

    def text(key, value, path, child=0, kind="text", hint=""):
        if key not in L:
            return None
        b = maybe_blank(key) if value not in (None, "") else ""
        if b is None:
            _set(path, digits(value) if kind == "phone" else value.lower() if kind == "email" else value)
            return Fld(key, L[key], kind, value, hint, child)
        return Fld(key, L[key], kind, b, hint, child)

    def date(key, d, path, style=None, child=0, hint=""):
        if key not in L:
            return None
        if d is None:
            return Fld(key, L[key], "date", "", hint, child)
        b = maybe_blank(key)
        if b is None:
            _set(path, d.isoformat())
            return Fld(key, L[key], "date", D(d, style), hint, child)
        return Fld(key, L[key], "date", b, hint, child)

    def yn(key, value, path, child=0):
        if key not in L:
            return None
        if value is None:
            idx = 2 if rng.random() < 0.6 else None
            if idx == 2:
                notes["third_option"].append(key)
        else:
            idx = 0 if value else 1
            _set(path, value)
        return Fld(key, L[key], "yn", idx, "", child)

    def _set(path, value):
        cur = record
        for p in path[:-1]:
            cur = cur[p]
        cur[path[-1]] = value

    secs = []
    # decoys first in some registers, placed in their own section
    decoys = []
    for sec, label, kind, gen in vocab.decoys:
        if kind == "ref":
            val = gen.format(y=str(inc.year)[2:], n4=f"{rng.randint(0, 9999):04d}", n3=f"{rng.randint(0, 999):03d}", n2=f"{rng.randint(0, 99):02d}")
        elif kind == "date":
            val = D(inc - dt.timedelta(days=rng.randint(15, 400)))
        elif kind == "date_adult":
            val = D(dt.date(rng.randint(1984, 2004), rng.randint(1, 12), rng.randint(1, 28)), dob_style)
        elif kind == "person":
            val = _person(rng)
        elif kind == "yn":
            val = rng.choice(vocab.yn[:2])
        else:
            val = rng.choice(gen)
        decoys.append(Fld("decoy", label, "decoy", val))
    notes["decoys"] = [f"{d.label}: {d.show}" for d in decoys]

    top = [f for f in [date("date_of_referral", ref_date, ["date_of_referral"])] if f]
    secs.append(("top", "", top))
    rs = [text("ref_name", ref["name"], ["referrer", "name"]), text("ref_role", ref["role"], ["referrer", "role"]),
          text("ref_agency", ref["agency"], ["referrer", "agency"]),
          text("ref_email", ref["email"], ["referrer", "email"], kind="email"),
          text("ref_phone", ref["phone"], ["referrer", "phone"], kind="phone")]
    secs.append(("ref", vocab.section_titles["ref"], [f for f in rs if f]))
    ls = [text("lead_name", lead["name"], ["safeguarding_lead", "name"]), text("lead_role", lead["role"], ["safeguarding_lead", "role"]),
          text("lead_agency", lead["agency"], ["safeguarding_lead", "agency"]),
          text("lead_email", lead["email"], ["safeguarding_lead", "email"], kind="email"),
          text("lead_phone", lead["phone"], ["safeguarding_lead", "phone"], kind="phone"),
          yn("lead_discussed", discussed, ["safeguarding_lead", "discussed"])]
    secs.append(("lead", vocab.section_titles["lead"], [f for f in ls if f]))
    name_parts = []
    for i, kd in enumerate(kids):
        ci = i + 1
        rec = {"name": None, "other_names": None, "dob": None, "age": None, "gender": None, "ethnicity": None, "address": None,
               "school": None, "gp": None, "legal_status": None, "cp_plan": None, "open_to_csc": None, "looked_after": None,
               "disability": None, "date_of_death": None}
        record["children"].append(rec)
        P = lambda k: ["children", i, k]  # noqa: E731
        fs = []
        if vocab.name_split and "c_first" in L:
            first_f = Fld("c_first", L["c_first"], "text", kd["first"], "", ci)
            last_f = Fld("c_last", L["c_last"], "text", kd["last"], "", ci)
            fs += [last_f, first_f] if vocab.name_split == "last_first" else [first_f, last_f]
            rec["name"] = f"{kd['first']} {kd['last']}"
            name_parts.append([kd["first"], kd["last"]])
        else:
            fs.append(Fld("c_name", L["c_name"], "text", kd["name"], "", ci))
            rec["name"] = kd["name"]
        if "c_other" in L:
            if kd["other"]:
                fs.append(text("c_other", kd["other"], P("other_names"), ci))
            else:
                fs.append(Fld("c_other", L["c_other"], "text", rng.choice(["", "", "N/A", "-"]), "", ci))
        if kd["give_age"]:
            fs.append(Fld("c_dob", L["c_dob"], "date", rng.choice(["", "Not known", "-"]), "", ci))
            if "c_age" in L:
                fs.append(Fld("c_age", L["c_age"], "text", kd["age_word"], "", ci))
                rec["age"] = kd["age_word"]
        else:
            fs.append(Fld("c_dob", L["c_dob"], "date", D(kd["dob"], dob_style), "(dd/mm/yyyy)" if rng.random() < 0.3 else "", ci))
            rec["dob"] = kd["dob"].isoformat()
            if "c_age" in L:
                fs.append(Fld("c_age", L["c_age"], "text", "", "", ci))
        if "c_gender" in L:
            if kd["gender"] is None:
                fs.append(Fld("c_gender", L["c_gender"], "gender", None, "", ci))
            else:
                fs.append(Fld("c_gender", L["c_gender"], "gender", kd["gender"], "", ci))
                rec["gender"] = kd["gender"]
        fs.append(text("c_eth", kd["eth"], P("ethnicity"), ci))
        if "c_addr" in L:
            b = maybe_blank("c_addr") if rng.random() < 0.5 else None
            if b is None:
                fs.append(Fld("c_addr", L["c_addr"], "lines", kd["addr"], "", ci))
                rec["address"] = ", ".join(kd["addr"])
            else:
                fs.append(Fld("c_addr", L["c_addr"], "text", b, "", ci))
        fs.append(text("c_school", kd["school"] or "", P("school"), ci))
        fs.append(text("c_gp", kd["gp"] or "", P("gp"), ci))
        fs.append(text("c_legal", kd["legal"] or "", P("legal_status"), ci))
        fs.append(yn("c_cp", kd["cp"], P("cp_plan"), ci))
        fs.append(yn("c_csc", kd["csc"], P("open_to_csc"), ci))
        fs.append(yn("c_lac", kd["lac"], P("looked_after"), ci))
        if "c_dis" in L:
            if kd["dis"]:
                fs.append(text("c_dis", kd["dis"], P("disability"), ci))
            else:
                fs.append(Fld("c_dis", L["c_dis"], "text", rng.choice(["", "", "N/A", "-"]), "", ci))
        if "c_dod" in L:
            if kd["dod"]:
                fs.append(Fld("c_dod", L["c_dod"], "date", D(kd["dod"]), "", ci))
                rec["date_of_death"] = kd["dod"].isoformat()
            else:
                fs.append(Fld("c_dod", L["c_dod"], "date", rng.choice(["", "", "N/A", "-"]), "", ci))
        title = vocab.section_titles["child"] + (f" {ci} of {len(kids)}" if len(kids) > 1 else "")
        secs.append((f"child{ci}", title, [f for f in fs if f]))
    if name_parts:
        notes["name_parts"] = name_parts

    itype_show = vocab.itypes[itype] if itype != "other" else vocab.other_fmt.format(detail=other_detail)
    inc_f = [date("i_date", inc, ["incident", "date"]), date("i_la", la, ["incident", "date_la_aware"]),
             text("i_loc", location, ["incident", "location"])]
    if "i_type" in L:
        if rng.random() < 0.05:
            inc_f.append(Fld("i_type", L["i_type"], "itype", None))
            notes["blanks"].append("i_type")
        else:
            inc_f.append(Fld("i_type", L["i_type"], "itype", (itype, itype_show)))
            record["incident"]["type"] = itype
    inc_f.append(Fld("i_summary", L["i_summary"], "paras", paras))
    record["incident"]["summary"] = "\n\n".join(paras)
    inc_f.append(yn("i_police", police, ["incident", "police_involved"]))
    secs.append(("inc", vocab.section_titles["inc"], [f for f in inc_f if f]))
    cr = [yn("k_died", crit["died"], ["criteria", "died_or_seriously_harmed"]), yn("k_abuse", crit["abuse"], ["criteria", "abuse_or_neglect_suspected"]),
          yn("k_local", crit["local"], ["criteria", "local_connection"]), yn("k_learn", crit["learn"], ["criteria", "multi_agency_learning"]),
          text("k_reason", reason, ["criteria", "reason"], kind="para")]
    secs.append(("crit", vocab.section_titles["crit"], [f for f in cr if f]))
    if "panel" in L:
        pf = [yn("panel", panel, ["panel_notified"])]
        if panel:
            pf.append(date("panel_date", panel_date, ["date_panel_notified"], style=dob_style))
        else:
            pf.append(Fld("panel_date", L["panel_date"], "date", rng.choice(["", "", "N/A"])))
        secs.append(("panel", vocab.section_titles["panel"], [f for f in pf if f]))
    rows = [(n, a, c) for n, a, c in ag_rows]
    record["agencies_involved"] = [{"name": n, "agency": a, "contact": c} for n, a, c in rows]
    secs.append(("ag", vocab.section_titles["ag"], [Fld("agencies", L["agencies"], "agencies", rows)]))
    cf = text("concerns", concerns, ["immediate_concerns"], kind="para")
    secs.append(("conc", vocab.section_titles["conc"], [cf] if cf else []))
    secs.append(("decoy", vocab.section_titles["decoy"], decoys))
    notes["children"] = len(kids)
    notes["agencies"] = len(rows)
    notes["incident_type_shown"] = itype_show if record["incident"]["type"] else None
    return Case(vocab=vocab, sections=secs, record=record, notes=notes)
