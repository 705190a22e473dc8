"""Third held-out Case Referral Form corpus (unseen3).

    python benchmarks/unseen3/make_forms.py OUTDIR [--seed N] [--count 60] [--no-check]

Writes OUTDIR/forms/v001.docx|pdf ... and OUTDIR/truth/v001.json ... (old contents of those
folders are removed), then re-opens every document and checks that each stated value appears in
its text and that each record validates against shared/referral.schema.json. Exit 1 on a problem.

Written without reading the parser (parsers/, intake/) or the other held-out generators.
Every person, place and organisation is invented; phone numbers are in the Ofcom drama ranges.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]

try:
    import docx  # noqa: F401
    import jsonschema  # noqa: F401
    import pdfplumber  # noqa: F401
    import reportlab  # noqa: F401
except ImportError:  # re-run under the repository's venv when there is one
    venv = REPO / ".venv" / "bin" / "python"
    if venv.exists() and Path(sys.executable).resolve() != venv.resolve():
        os.execv(str(venv), [str(venv), *sys.argv])
    sys.exit("needs python-docx, reportlab, pdfplumber, pypdf, jsonschema")

import jsonschema
import pdfplumber
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

SCHEMA_CANDIDATES = [Path("/work/shared/referral.schema.json"), REPO.parent / "shared" / "referral.schema.json"]

# --------------------------------------------------------------------------------------------
# Vocabularies (three invented partnerships)
# --------------------------------------------------------------------------------------------

VOCABS = {
    # formal
    "fenmarch": {
        "partnership": "Fenwick and Marrowdale Safeguarding Children Partnership",
        "title": "Notification of a Serious Child Safeguarding Incident",
        "own_email": "fmscp.notifications@fenwick-marrowdale.gov.uk",
        "own_phone": "0113 496 0500",
        "towns": [("Fenwick", "FW"), ("Marrowdale", "MW"), ("Low Ashby", "FW"), ("Gilthorpe", "MW")],
        "split_name": False,
        "sec": {"ref": "Section A: Details of the notifying practitioner",
                "lead": "Section B: Designated safeguarding lead",
                "child": "Section C: Particulars of the child",
                "inc": "Section D: The serious incident",
                "crit": "Section E: Rapid Review criteria",
                "panel": "Section F: National Panel",
                "ag": "Section G: Agencies involved with the child and family",
                "imm": "Section H: Immediate safeguarding concerns"},
        "lab": {
            "ref_name": "Name of the notifying practitioner",
            "ref_role": "Designation",
            "ref_agency": "Organisation",
            "ref_phone": "Telephone",
            "ref_email": "Electronic mail address",
            "date_ref": "Date of notification",
            "lead_name": "Name of the designated safeguarding lead consulted",
            "lead_role": "Designation",
            "lead_agency": "Organisation",
            "lead_phone": "Telephone",
            "lead_email": "Electronic mail address",
            "discussed": "Has this notification been discussed with the designated safeguarding lead?",
            "c_name": "Full name of the child",
            "c_other": "Other names by which the child is known",
            "c_dob": "Date of birth (or expected date of delivery)",
            "c_age": "Age (where the date of birth is not known)",
            "c_gender": "Sex",
            "c_eth": "Ethnic origin",
            "c_addr": "Usual residential address",
            "c_school": "School or educational setting",
            "c_gp": "General practitioner",
            "c_legal": "Legal status of the child",
            "c_cp": "Is the child subject to a child protection plan, or has the child previously been so?",
            "c_csc": "Is the child currently open to children's social care?",
            "c_lac": "Is the child looked after by the local authority?",
            "c_dis": "Disability or special educational needs",
            "c_dod": "Date of death (if applicable)",
            "i_date": "Date of the incident",
            "i_la": "Date on which the local authority became aware",
            "i_loc": "Location of the incident",
            "i_type": "Category of incident",
            "i_summary": "Summary of the incident and of agency involvement",
            "i_police": "Is there a police investigation?",
            "k_died": "Has the child died or been seriously harmed?",
            "k_abuse": "Is abuse or neglect known or suspected?",
            "k_local": "Is the child normally resident in the area, or did the incident occur in the area?",
            "k_learn": "Is there potential for learning for more than one agency?",
            "k_reason": "Reasons for considering that the criteria for a Rapid Review are met",
            "panel": "Has a serious incident notification been made to the National Panel?",
            "panel_date": "Date of notification to the National Panel",
            "immediate": "Are there any immediate safeguarding concerns in respect of other children?",
        },
        "short": {"name": "Name", "role": "Designation", "agency": "Organisation", "phone": "Telephone", "email": "Electronic mail address",
                  "ref": "Notifying practitioner", "lead": "Designated safeguarding lead"},
        "gender": {"female": "Female", "male": "Male", "other": "Non-binary"},
        "types": {"death": "Death of a child", "serious_harm": "Serious harm to a child",
                  "lac_death": "Death of a looked after child", "care_leaver_death": "Death of a care leaver (under 25)",
                  "other": "Other (please specify)"},
        "yes": ["Yes", "No"],
        "guidance": ["This notification should be completed by the practitioner who has identified the incident and sent by secure email to {email} within one working day. Enquiries may be made to the Partnership Business Unit on {phone}.",
                     "The information provided will be shared with the statutory safeguarding partners for the purpose of deciding whether a Rapid Review is required (Working Together to Safeguard Children 2023, chapter 5)."],
    },
    # plain English
    "hollowbrook": {
        "partnership": "Hollowbrook Children's Safeguarding Partnership",
        "title": "Tell us about a serious incident",
        "own_email": "reviews@hollowbrook-cscp.org.uk",
        "own_phone": "0161 496 0700",
        "towns": [("Hollowbrook", "HB"), ("Sallow End", "HB"), ("Brackenford", "BK"), ("Wetherby Moss", "BK")],
        "split_name": False,
        "sec": {"ref": "About you", "lead": "Your safeguarding lead", "child": "About the child",
                "inc": "What happened", "crit": "Does this meet the criteria?", "panel": "The National Panel",
                "ag": "Who else is involved?", "imm": "Right now"},
        "lab": {
            "ref_name": "Who are you? (your full name)",
            "ref_role": "What's your job?",
            "ref_agency": "Where do you work?",
            "ref_phone": "Best number to reach you on",
            "ref_email": "Your email",
            "date_ref": "Today's date",
            "lead_name": "Who did you talk this through with?",
            "lead_role": "What's their job?",
            "lead_agency": "Where do they work?",
            "lead_phone": "Their phone number",
            "lead_email": "Their email",
            "discussed": "Have they agreed you should send this?",
            "c_name": "What's the child called?",
            "c_other": "Do they go by any other name?",
            "c_dob": "When were they born? (or due date if not born yet)",
            "c_age": "How old are they? (only if you don't know their birthday)",
            "c_gender": "Boy or girl?",
            "c_eth": "Ethnic background",
            "c_addr": "Where do they live?",
            "c_school": "Which school or nursery do they go to?",
            "c_gp": "Who is their GP?",
            "c_legal": None,
            "c_cp": "Have they ever been on a child protection plan?",
            "c_csc": "Is children's social care working with them at the moment?",
            "c_lac": "Are they in care?",
            "c_dis": "Do they have a disability?",
            "c_dod": "If the child has died, when did they die?",
            "i_date": "When did it happen?",
            "i_la": "When did the council find out?",
            "i_loc": "Where did it happen?",
            "i_type": "What kind of incident is this?",
            "i_summary": "Tell us what happened",
            "i_police": "Are the police involved?",
            "k_died": "Has the child died or been badly hurt?",
            "k_abuse": "Do you think abuse or neglect played a part?",
            "k_local": "Does the child live here, or did it happen here?",
            "k_learn": "Could agencies learn something from this?",
            "k_reason": "Why do you think this needs a review?",
            "panel": "Has anyone told the National Panel?",
            "panel_date": "When were they told?",
            "immediate": "Is anyone else at risk right now?",
        },
        "short": {"name": "Name", "role": "Job", "agency": "Works for", "phone": "Phone", "email": "Email",
                  "ref": "You", "lead": "Your safeguarding lead"},
        "gender": {"female": "Girl", "male": "Boy", "other": "Other"},
        "types": {"death": "Death", "serious_harm": "Serious harm", "lac_death": "Death of a child in care",
                  "care_leaver_death": "Death of a care leaver", "other": "Other"},
        "yes": ["Yes", "No"],
        "guidance": ["Please fill in as much as you can. Don't worry if you don't know everything - leave it blank. Send the form to {email} or ring us on {phone} if you're stuck.",
                     "We'll look at what you send within one working day and let you know what happens next."],
    },
    # terse / abbreviated
    "kestrel": {
        "partnership": "Kestrel Vale SCP",
        "title": "RR/CSPR REFERRAL (KV-SCP F3)",
        "own_email": "kvscp.rr@kestrelvale.gov.uk",
        "own_phone": "0191 498 0800",
        "towns": [("Kestrel Vale", "KV"), ("Harrowby", "KV"), ("Cold Aston", "HY"), ("Tunstead", "HY")],
        "split_name": True,
        "sec": {"ref": "1. REFERRER", "lead": "2. DSL / MANAGER", "child": "3. CHILD", "inc": "4. INCIDENT",
                "crit": "5. CRITERIA", "panel": "6. NAT. PANEL", "ag": "7. AGENCIES", "imm": "8. CURRENT RISK"},
        "lab": {
            "ref_name": "Ref. name",
            "ref_role": "Ref. role",
            "ref_agency": "Agency/Svc",
            "ref_phone": "Tel",
            "ref_email": "Email",
            "date_ref": "Date of ref.",
            "lead_name": "DSL name",
            "lead_role": "DSL role",
            "lead_agency": "DSL agency",
            "lead_phone": "DSL tel",
            "lead_email": "DSL email",
            "discussed": "DSL consulted Y/N",
            "c_given": "Forename(s)",
            "c_family": "SURNAME",
            "c_other": "AKA",
            "c_dob": "DoB/EDD",
            "c_age": "Age (if no DoB)",
            "c_gender": "Sex (M/F)",
            "c_eth": "Ethn.",
            "c_addr": "Addr.",
            "c_school": "School/EY setting",
            "c_gp": "GP",
            "c_legal": "Legal status",
            "c_cp": "CP plan Y/N",
            "c_csc": "Open to CSC Y/N",
            "c_lac": "LAC Y/N",
            "c_dis": "SEND/disab.",
            "c_dod": "DoD",
            "i_date": "Incident date",
            "i_la": "LA aware (date)",
            "i_loc": "Location",
            "i_type": "Incident type",
            "i_summary": "Summary",
            "i_police": "Police inv. Y/N",
            "k_died": "Death/serious harm",
            "k_abuse": "Abuse/neglect susp.",
            "k_local": "Local conn.",
            "k_learn": "MA learning",
            "k_reason": "Rationale",
            "panel": "NP notified Y/N",
            "panel_date": "NP notif. date",
            "immediate": "Immediate risks",
        },
        "short": {"name": "Name", "role": "Role", "agency": "Agency/Svc", "phone": "Tel", "email": "Email",
                  "ref": "Referrer", "lead": "DSL"},
        "gender": {"female": "F", "male": "M", "other": "Other"},
        "types": {"death": "Child death", "serious_harm": "Serious harm", "lac_death": "Death of a child in care",
                  "care_leaver_death": "Death of a care leaver aged 18 to 24", "other": "Other serious incident"},
        "yes": ["Y", "N"],
        "guidance": ["Return to {email} (secure) within 24 hrs. Queries: {phone}. Incomplete forms will be returned.",
                     "All sections mandatory unless marked. Use N/A where not applicable."],
    },
}

AGENCY_HEADERS = [
    ["Name", "Agency", "Contact"],
    ["Professional", "Role", "Service", "How to contact"],
    ["Worker", "Organisation", "Phone / email"],
    ["Practitioner name", "Agency/Svc", "Tel/Email", "Still involved?"],
    ["Key professional", "Team / service", "Contact details", "Role"],
    ["Who", "Where they work", "How to reach them"],
]

GIRLS = ["Amelia", "Poppy", "Isla", "Maisie", "Ruby-Jo", "Evie", "Harper", "Leah", "Skye", "Nadia", "Tilly", "Aaliyah",
         "Freya", "Mollie", "Kacey", "Zara", "Imogen", "Lacey", "Phoebe", "Thea"]
BOYS = ["Alfie", "Kai", "Mason", "Reuben", "Tyler", "Callum", "Jayden", "Oscar", "Harley", "Ibrahim", "Louie", "Teddy",
        "Riley", "Finlay", "Kobe", "Dexter", "Arlo", "Brodie", "Sami", "Jenson"]
SURNAMES = ["Ashworth", "Brennan", "Cauldwell", "Dunmore", "Elsworth", "Fairbairn", "Garside", "Holroyd", "Ingleby",
            "Jessop", "Kilbride", "Lomax", "Mountain", "Nuttall", "Oyelaran", "Pickersgill", "Quarmby", "Rushworth",
            "Stansfield", "Thwaite", "Ullathorne", "Varley", "Whiteley", "Yeadon", "Akhtar", "Kowalczyk", "Mensah",
            "O'Rourke", "Haigh", "Sugden"]
ADULT_FIRST = ["Joanne", "Kelly", "Samira", "Rachel", "Helen", "Gemma", "Priya", "Donna", "Fiona", "Claire", "Mark",
               "Gareth", "Imran", "Stephen", "Paul", "Dominic", "Neil", "Tariq", "Lewis", "Andrew", "Bethan", "Ruth"]
ETHNIC = ["White British", "White and Black Caribbean", "Pakistani", "White Other", "Black African", "Gypsy/Roma",
          "Mixed - other", "Bangladeshi", "White Irish", "Any other Asian background"]
STREETS = ["Tannery Row", "Cobden Street", "Nab Lane", "Moorside Road", "Larkfield Close", "Beck Terrace",
           "Wharf Street", "Orchard Fold", "Cinder Hill", "Rydal Avenue", "Sycamore Court", "Mill Bank"]
ETHNIC_NONE = ["Not known"]
LEGAL = ["Child in Need (s.17)", "Interim Care Order (s.38)", "Care Order (s.31)", "Section 20 accommodation",
         "Child Protection Plan - neglect", "None", "Special Guardianship Order"]
DISAB = ["Autism (ASC)", "Global developmental delay", "ADHD", "Cerebral palsy", "EHCP - speech and language needs"]
ROLES = {"cs": ["Social Worker", "Senior Practitioner", "Early Help Key Worker", "Youth Justice Officer", "Team Manager"],
         "police": ["Detective Sergeant", "Detective Constable", "Public Protection Officer"],
         "nhs": ["Health Visitor", "School Nurse", "Named Nurse for Safeguarding", "Paediatric Registrar"],
         "sch": ["Designated Safeguarding Lead", "Head of Year 9", "Pastoral Lead"],
         "org": ["Recovery Worker", "Outreach Worker", "Family Support Worker"]}
LEAD_ROLES = {"cs": ["Head of Safeguarding", "Service Manager", "Principal Social Worker"],
              "police": ["Detective Inspector", "Detective Chief Inspector"],
              "nhs": ["Named Nurse Safeguarding Children", "Designated Doctor for Safeguarding"],
              "sch": ["Headteacher", "Deputy Headteacher"],
              "org": ["Service Manager", "Safeguarding Lead"]}


def agencies_for(town):
    return [
        (f"{town} Council Children's Services", "cs"),
        ("Northern Vale Police", "police"),
        (f"{town} Community Health NHS Trust (0-19 Service)", "nhs"),
        (f"{town} Royal Infirmary", "nhs"),
        (f"{town} Academy", "sch"),
        ("Pennine Recovery Service (adult substance misuse)", "org"),
        (f"{town} Youth Justice Service", "cs"),
        ("Women's Aid - Vale branch", "org"),
    ]


EMAIL_DOMAINS = {"cs": "{t}.gov.uk", "police": "northernvale.police.uk", "nhs": "nhs.net", "sch": "{t}academy.sch.uk",
                 "org": "{t}support.org.uk"}

# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


DATE_STYLES = ["ord_abbr", "slash2", "weekday", "long", "slash4", "ord_long", "dots", "short_slash"]


def fmt_date(d: dt.date, style: str) -> str:
    m = MONTHS[d.month - 1]
    return {
        "ord_abbr": f"{ordinal(d.day)} {m[:3]} {d.year}",
        "slash2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "weekday": f"{DAYS[d.weekday()]} {d.day} {m} {d.year}",
        "long": f"{d.day} {m} {d.year}",
        "slash4": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ord_long": f"{ordinal(d.day)} {m} {d.year}",
        "dots": f"{d.day}.{d.month}.{d.year}",
        "short_slash": f"{d.day}/{d.month}/{d.year % 100:02d}",
    }[style]


def drama_phone(rng):
    kind = rng.randrange(6)
    n = rng.randrange(0, 1000)
    if kind == 0:
        return rng.choice([f"07700 900{n:03d}", f"07700900{n:03d}", f"+44 7700 900{n:03d}", f"07700-900-{n:03d}"])
    if kind == 1:
        return rng.choice([f"01632 960{n:03d}", f"(01632) 960{n:03d}", f"01632960{n:03d}"])
    area = rng.choice(["0113", "0161", "0191", "0117"])
    tail = f"{rng.randrange(0, 1000):03d}"
    return rng.choice([f"{area} 496 0{tail}", f"({area}) 496 0{tail}", f"{area} 4960{tail}", f"{area}-496-0{tail}"]).replace(
        "0191 496", "0191 498").replace("(0191) 496", "(0191) 498").replace("0191 4960", "0191 4980").replace("0191-496", "0191-498")


def phone_digits(s):
    s = s.strip()
    return ("+" if s.startswith("+") else "") + re.sub(r"\D", "", s)


def email_for(rng, first, last, kind, town):
    dom = EMAIL_DOMAINS[kind].format(t=re.sub(r"[^a-z]", "", town.lower()))
    local = rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last[0]}"])
    local = re.sub(r"[^A-Za-z.]", "", local)
    e = f"{local}@{dom}"
    return rng.choice([e.lower(), e, e.lower(), e[0].upper() + e[1:].lower()])


FILLERS = ["N/A", "n/a", "-", "Not applicable"]

# --------------------------------------------------------------------------------------------
# Case content
# --------------------------------------------------------------------------------------------

SCENARIOS = [
    dict(type="serious_harm", ages=(0.1, 1.2), loc="Family home", para=[
        "{c} ({age}) was brought to the emergency department of {hosp} by a parent on {d} with reduced consciousness. A CT scan showed bilateral subdural haemorrhages and the child protection paediatrician found healing rib fractures of different ages.",
        "The parents have given no account that explains the injuries. Both were arrested and have been released on bail; {c} remains in hospital and an interim care order is being sought.",
        "The family had been seen by the health visiting service at the 6-8 week check. Mother had disclosed low mood and father's cannabis use, but no referral was made to children's social care.",
    ]),
    dict(type="death", ages=(0.1, 0.9), loc="Parents' bedroom at the family home", para=[
        "{c} ({age}) was found unresponsive in the parents' bed on the morning of {d}. Paramedics attended and {c} was pronounced dead at {hosp}.",
        "Father said he had fallen asleep with {c} on the sofa after drinking, then moved to the bed. Safer sleep advice had been given on three occasions and is recorded in the red book.",
        "The family were known to Early Help because of rent arrears and an older sibling's school attendance.",
    ]),
    dict(type="death", ages=(13, 17.5), loc="Woodland off {street}", para=[
        "{c} ({age}) was found hanged in woodland near home on {d}. The police are not treating the death as suspicious and a coroner's investigation has been opened.",
        "{c} had been referred to CAMHS twice in the past year after self-harm and had been on the waiting list since the autumn. School had recorded several disclosures of online bullying.",
        "There had been a strategy discussion in October about possible sexual exploitation, which concluded with no further action.",
        "Mother says she asked for help on several occasions and was told {c} did not meet the threshold.",
    ]),
    dict(type="serious_harm", ages=(1.5, 4), loc="Family home", para=[
        "{c} ({age}) was admitted to {hosp} on {d} weighing below the 0.4th centile, with severe nappy dermatitis and untreated dental decay.",
        "The home was found to be in a very poor condition, with no food in the house and dog faeces on the floors. Mother has a learning disability and had been caring for four children alone since father left.",
        "The family had been on a child in need plan which was closed in the summer after a period of improvement.",
    ]),
    dict(type="lac_death", ages=(14, 17.5), loc="Residential children's home, {street}", para=[
        "{c} ({age}) was found unresponsive in their bedroom at a children's home on {d} and later died at {hosp}. A suspected overdose of prescribed medication is being investigated.",
        "{c} had been looked after under a care order since the age of 11 and had had nine placements, including two out of area.",
        "There had been eight missing episodes in the three months before the death, and return home interviews had not been completed for most of them.",
    ]),
    dict(type="care_leaver_death", ages=(18.2, 20.5), loc="Supported accommodation, {street}", para=[
        "{c} ({age}), a care leaver, was found dead in supported accommodation on {d}. The cause of death is not yet known; drug use is suspected.",
        "{c} had a personal adviser from the leaving care team but had not been seen for seven weeks. The accommodation provider had raised concerns about visitors to the flat.",
    ]),
    dict(type="other", other="private fostering arrangement", ages=(9, 14), loc="Address of a family friend, {street}", para=[
        "{c} ({age}) has been living with a family friend since the summer while mother is abroad. The arrangement was not notified to the local authority as a private fostering arrangement.",
        "On {d} {c} disclosed to a teacher that the adult in the household had hit them with a belt. Bruising was seen on the back of the legs.",
        "School had noticed a decline in presentation for several weeks and had recorded it but had not shared the information.",
    ]),
    dict(type="serious_harm", ages=(14, 17), loc="{street}, near the bus station", para=[
        "{c} ({age}) was stabbed in the thigh on {d} and needed emergency surgery at {hosp}. {c} will not say who was responsible.",
        "{c} had been reported missing eleven times since September and was found in another county with cash and two phones in November. A National Referral Mechanism referral was made at that point.",
        "{c} is on a part-time timetable at an alternative provision and has not attended for three weeks.",
    ]),
]

REASONS = [
    "The child has been seriously harmed and abuse or neglect is suspected. Several agencies knew the family and there appears to be learning about how concerns were shared.",
    "The criteria appear to be met: the child has died and neglect may have been a factor. There was involvement from health, education and early help and the threshold decisions should be looked at.",
    "We think there is learning about how agencies responded to repeated missing episodes and to the signs of exploitation.",
    "The child is resident in the area and was known to a number of agencies. Information about risk does not appear to have been shared at the right time.",
]
REASON_P2 = ["There is also learning about the voice of the child and about professional curiosity when parents decline services.",
             "The GP and the school held information that was not shared with children's social care."]
IMMEDIATE = [
    "{sib} (aged {n}) is staying with maternal grandparents under a safety plan agreed at the strategy meeting.",
    "No other children live in the household. No further immediate concerns identified.",
    "Siblings have been seen and spoken to; a child protection enquiry (s.47) is under way for {sib}.",
    "The other young people at the placement have been offered support. Staff are being debriefed.",
]


def age_text(rng, years):
    if years < 2:
        m = max(1, int(years * 12))
        return rng.choice([f"{m} months", f"{m}m", f"{m} mths"])
    y = int(years)
    return rng.choice([f"{y} years", f"{y}", f"approx. {y}", f"{y} yrs"])


def age_words(years):
    if years < 2:
        return f"{max(1, int(years * 12))} months"
    return f"{int(years)} years"


class Case:
    """Display values (what is written) and truth values for one form."""

    def __init__(self, rng: random.Random, vocab: str, n_children: int, idx: int):
        V = VOCABS[vocab]
        self.rng, self.vocab, self.V = rng, vocab, V
        town, pc = rng.choice(V["towns"])
        self.town = town
        main_style = rng.choice(DATE_STYLES)
        self.date_style = main_style

        def dstyle():
            return main_style if rng.random() < 0.65 else rng.choice(DATE_STYLES)
        self.dstyle = dstyle
        scen = SCENARIOS[idx % len(SCENARIOS)] if rng.random() < 0.7 else rng.choice(SCENARIOS)
        self.scen = scen
        ref_date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 75))
        while ref_date.weekday() >= 5:
            ref_date += dt.timedelta(days=1)
        inc_date = ref_date - dt.timedelta(days=rng.randrange(2, 20))
        la_date = inc_date + dt.timedelta(days=rng.randrange(0, (ref_date - inc_date).days + 1))
        ags = agencies_for(town)

        def person(roles, kind_pref=None):
            f, l = rng.choice(ADULT_FIRST), rng.choice(SURNAMES)
            agency, kind = rng.choice(ags) if kind_pref is None else kind_pref
            role = rng.choice(roles[kind])
            name = f"{f} {l}"
            if kind == "police" and rng.random() < 0.7:
                name = rng.choice(["DS", "DC", "DI"]) + " " + name
            if "Doctor" in role or "Paediatric" in role:
                name = "Dr " + name
            return {"name": name, "role": role, "agency": agency, "kind": kind,
                    "email": email_for(rng, f, l, kind, town), "phone": drama_phone(rng)}
        ref = person(ROLES)
        lead = person(LEAD_ROLES, kind_pref=(ref["agency"], ref["kind"]) if rng.random() < 0.8 else None)
        self.F = {}   # key -> (display, truth)
        F = self.F

        def put(key, disp, truth, blank_p=0.0, filler_p=0.0):
            r = rng.random()
            if r < blank_p:
                F[key] = ("", None)
            elif r < blank_p + filler_p:
                F[key] = (rng.choice(FILLERS), None)
            else:
                F[key] = (disp, truth)

        put("ref_name", ref["name"], ref["name"])
        put("ref_role", ref["role"], ref["role"], 0.05)
        put("ref_agency", ref["agency"], ref["agency"])
        put("ref_phone", ref["phone"], phone_digits(ref["phone"]), 0.15)
        put("ref_email", ref["email"], ref["email"].lower(), 0.05)
        put("date_ref", fmt_date(ref_date, dstyle()), ref_date.isoformat(), 0.05)
        put("lead_name", lead["name"], lead["name"], 0.05)
        put("lead_role", lead["role"], lead["role"], 0.1)
        put("lead_agency", lead["agency"], lead["agency"], 0.1)
        put("lead_phone", lead["phone"], phone_digits(lead["phone"]), 0.25)
        put("lead_email", lead["email"], lead["email"].lower(), 0.15)
        self.tri("discussed", 0.8, 0.1)

        # children
        self.children = []
        fam = rng.choice(SURNAMES)
        first_years = rng.uniform(*scen["ages"])
        siblings = []
        for ci in range(n_children):
            C = {}
            unborn = ci == 1 and rng.random() < 0.35
            years = first_years if ci == 0 else rng.uniform(0.3, 12)
            gender = rng.choice(["female", "male"]) if not (ci == 0 and years > 13 and rng.random() < 0.1) else "other"
            given = rng.choice(GIRLS if gender == "female" else BOYS)
            if unborn:
                given = ""
                gender = None
            family = fam.upper() if (V["split_name"] and rng.random() < 0.4) else fam
            C["given"], C["family"] = given, family
            if unborn:
                C["given"], C["family"] = "Unborn baby", family
                full = f"Unborn baby {family}"
            else:
                full = f"{given} {family}"
            C["name"] = (full, full)
            C["other"] = (rng.choice([f"{given[:3]}", f"{given} {rng.choice(SURNAMES)}"]), None) if rng.random() < 0.2 and not unborn else ("", None)
            if C["other"][0]:
                C["other"] = (C["other"][0], C["other"][0])
            elif rng.random() < 0.4:
                C["other"] = (rng.choice(FILLERS), None)
            if unborn:
                edd = ref_date + dt.timedelta(days=rng.randrange(20, 150))
                C["dob"] = (fmt_date(edd, dstyle()), edd.isoformat())
                C["age"] = ("", None)
                C["years"] = 0
            else:
                dob = inc_date - dt.timedelta(days=int(years * 365.25))
                C["years"] = years
                if rng.random() < 0.15:
                    C["dob"] = ("", None)
                    a = age_text(rng, years)
                    C["age"] = (a, a)
                else:
                    C["dob"] = (fmt_date(dob, dstyle()), dob.isoformat())
                    C["age"] = rng.choice([("", None), ("", None), (rng.choice(FILLERS), None)])
            C["gender"] = (V["gender"][gender], gender) if gender else ("", None)
            eth = rng.choice(ETHNIC)
            C["eth"] = (eth, eth) if rng.random() < 0.85 else ("", None)
            if ci == 0 or rng.random() < 0.3:
                street = f"{rng.randrange(1, 140)} {rng.choice(STREETS)}"
                postcode = f"{pc}{rng.randrange(1, 12)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"
                lines = [street, town, postcode] if rng.random() < 0.5 else [street, rng.choice(["Upper Fold", "Westgate", "Low Moor"]), town, postcode]
                self.street = street.split(" ", 1)[1]
                addr_lines = lines
            else:
                addr_lines = self.children[0]["addr_lines"]
            one_line = rng.random() < 0.2
            C["addr_lines"] = addr_lines
            C["addr_oneline"] = ", ".join(addr_lines[:-1]) + " " + addr_lines[-1] if one_line else None
            C["addr"] = (addr_lines, C["addr_oneline"] or ", ".join(addr_lines))
            if rng.random() < 0.08:
                C["addr"] = ([], None)
            age_for_school = years
            if unborn or age_for_school < 2:
                school = rng.choice(["", rng.choice(FILLERS), f"{town} Little Stars Nursery"]) if not unborn else rng.choice(["", "N/A"])
            elif age_for_school < 11:
                school = f"{rng.choice(['St Aidan', 'Moorside', 'Beckfield', 'Holy Trinity'])} Primary School"
            elif age_for_school < 18:
                school = rng.choice([f"{town} Academy", "Vale Pupil Referral Unit", f"{town} College"])
            else:
                school = rng.choice(["", "N/A"])
            C["school"] = (school, school if school and school not in FILLERS else None)
            gp = f"{rng.choice(['Dr', 'Dr', ''])} {rng.choice(SURNAMES)}, {rng.choice(['Moorside', 'Beck Lane', 'Central'])} Medical Practice".strip()
            C["gp"] = (gp, gp) if rng.random() < 0.85 else ("", None)
            lg = rng.choice(LEGAL)
            if scen["type"] == "lac_death" and ci == 0:
                lg = "Care Order (s.31)"
            if V["lab"].get("c_legal") is None:
                C["legal"] = ("", None)
            else:
                C["legal"] = (lg, lg) if rng.random() < 0.6 else rng.choice([("", None), ("N/A", None)])
            for k, p in (("cp", 0.8), ("csc", 0.8), ("lac", 0.85)):
                C[k] = self._tri(p, 0.1)
            if scen["type"] == "lac_death" and ci == 0:
                C["lac"] = (True, True)
            if rng.random() < 0.25:
                d = rng.choice(DISAB)
                C["dis"] = (d, d)
            else:
                C["dis"] = rng.choice([("", None), ("", None), (rng.choice(FILLERS), None)])
            if ci == 0 and scen["type"] in ("death", "lac_death", "care_leaver_death") and rng.random() < 0.8:
                dod = inc_date
                C["dod"] = (fmt_date(dod, dstyle()), dod.isoformat())
            else:
                C["dod"] = rng.choice([("", None), ("N/A", None), ("", None)])
            self.children.append(C)
            if ci > 0 and not unborn:
                siblings.append(given)
        c0 = self.children[0]
        cfirst = c0["given"] if c0["given"] else "the child"
        street = getattr(self, "street", "Moor Lane")
        hosp = f"{town} Royal Infirmary"
        put("i_date", fmt_date(inc_date, dstyle()), inc_date.isoformat(), 0.05)
        put("i_la", fmt_date(la_date, dstyle()), la_date.isoformat(), 0.1, 0.05)
        loc = scen["loc"].format(street=street)
        put("i_loc", loc, loc, 0.08)
        t = scen["type"]
        tdisp = V["types"][t]
        if t == "other":
            if rng.random() < 0.5:
                tdisp = f"Other - {scen['other']}"
            else:
                tdisp = f"{V['types']['other']}: {scen['other']}" if "specify" in V["types"]["other"] else f"{V['types']['other']} - {scen['other']}"
        if rng.random() < 0.08:
            F["i_type"] = ("", None)
        else:
            F["i_type"] = (tdisp, t)
        self.type_plain = V["types"][t]
        long_d = f"{inc_date.day} {MONTHS[inc_date.month - 1]} {inc_date.year}"
        paras = [p.format(c=cfirst, age=age_words(first_years), d=long_d, hosp=hosp) for p in scen["para"]]
        n = rng.randrange(2, len(paras) + 1)
        paras = paras[:n]
        F["i_summary"] = (paras, "\n\n".join(paras))
        self.tri("i_police", 0.85, 0.05)
        for k in ("k_died", "k_abuse", "k_local", "k_learn"):
            self.tri(k, 0.85, 0.2)
        rs = [rng.choice(REASONS)] + ([rng.choice(REASON_P2)] if rng.random() < 0.4 else [])
        if rng.random() < 0.08:
            F["k_reason"] = ([], None)
        else:
            F["k_reason"] = (rs, "\n\n".join(rs))
        pn = rng.random()
        if pn < 0.45:
            F["panel"] = (True, True)
            pd = la_date + dt.timedelta(days=rng.randrange(0, 5))
            put("panel_date", fmt_date(pd, dstyle()), pd.isoformat(), 0.1)
        elif pn < 0.85:
            F["panel"] = (False, False)
            F["panel_date"] = rng.choice([("", None), ("N/A", None), ("-", None)])
        else:
            F["panel"] = (None, None)
            F["panel_date"] = ("", None)
        # agencies
        rows = []
        used = set()
        for _ in range(rng.randrange(1, 6)):
            p = person(ROLES)
            if p["agency"] in used and rng.random() < 0.5:
                continue
            used.add(p["agency"])
            noname = rng.random() < 0.12
            contact = rng.choice([p["phone"], p["email"], p["phone"]])
            if rng.random() < 0.07:
                contact = ""
            nm = "" if noname else p["name"]
            nm_disp = rng.choice(["", "-"]) if noname else nm
            rows.append({"name": nm_disp, "agency": p["agency"], "contact": contact, "role": p["role"],
                         "truth": {"name": nm or None, "agency": p["agency"], "contact": contact or None}})
        self.agencies = rows
        imm = rng.choice(IMMEDIATE).format(sib=siblings[0] if siblings else rng.choice(GIRLS + BOYS), n=rng.randrange(1, 12))
        put("immediate", imm, imm, 0.1, 0.05)
        # family table (not part of the record)
        self.family = [(f"{rng.choice(ADULT_FIRST)} {fam}", "Mother", fmt_date(dt.date(rng.randrange(1984, 2004), rng.randrange(1, 13), rng.randrange(1, 28)), "slash4")),
                       (f"{rng.choice(ADULT_FIRST[10:20])} {rng.choice(SURNAMES)}", rng.choice(["Father", "Mother's partner"]), "")]

    def _tri(self, p_stated, p_yes_or_blank):
        r = self.rng.random()
        if r > p_stated:
            return (None, None)
        v = self.rng.random() < 0.6
        return (v, v)

    def tri(self, key, p_stated, _unused):
        self.F[key] = self._tri(p_stated, 0)

    # --- truth ---
    def record(self):
        F = self.F

        def t(k):
            return F[k][1]
        rec = {
            "form": "referral",
            "date_of_referral": t("date_ref"),
            "referrer": {"name": t("ref_name"), "role": t("ref_role"), "agency": t("ref_agency"),
                         "email": t("ref_email"), "phone": t("ref_phone")},
            "safeguarding_lead": {"name": t("lead_name"), "role": t("lead_role"), "agency": t("lead_agency"),
                                  "email": t("lead_email"), "phone": t("lead_phone"), "discussed": t("discussed")},
            "children": [],
            "incident": {"date": t("i_date"), "date_la_aware": t("i_la"), "location": t("i_loc"), "type": t("i_type"),
                         "summary": t("i_summary"), "police_involved": t("i_police")},
            "criteria": {"died_or_seriously_harmed": t("k_died"), "abuse_or_neglect_suspected": t("k_abuse"),
                         "local_connection": t("k_local"), "multi_agency_learning": t("k_learn"), "reason": t("k_reason")},
            "panel_notified": t("panel"),
            "date_panel_notified": t("panel_date"),
            "agencies_involved": [r["truth"] for r in self.agencies],
            "immediate_concerns": t("immediate"),
        }
        for C in self.children:
            rec["children"].append({
                "name": C["name"][1], "other_names": C["other"][1], "dob": C["dob"][1], "age": C["age"][1],
                "gender": C["gender"][1], "ethnicity": C["eth"][1], "address": C["addr"][1], "school": C["school"][1],
                "gp": C["gp"][1], "legal_status": C["legal"][1], "cp_plan": C["cp"][1], "open_to_csc": C["csc"][1],
                "looked_after": C["lac"][1], "disability": C["dis"][1], "date_of_death": C["dod"][1]})
        return rec

    # strings that must be visible in the document
    def must_appear(self):
        out = []
        for k, (d, v) in self.F.items():
            if v is None or isinstance(v, bool):
                continue
            if k == "i_type":
                continue
            if isinstance(d, list):
                out += d
            else:
                out.append(d)
        for C in self.children:
            for k in ("name", "other", "dob", "age", "eth", "school", "gp", "legal", "dis", "dod"):
                d, v = C[k]
                if v is not None:
                    if k == "name" and self.V["split_name"]:
                        out += [C["given"], C["family"]]
                    else:
                        out.append(d)
            if C["addr"][1] is not None:
                out += [C["addr_oneline"]] if C["addr_oneline"] else C["addr_lines"]
        for r in self.agencies:
            out += [x for x in (r["name"], r["agency"], r["contact"]) if x and x != "-"]
        return out


# --------------------------------------------------------------------------------------------
# Yes/No rendering
# --------------------------------------------------------------------------------------------

def yn_word(case, v, style=None):
    rng = case.rng
    if v is None:
        return rng.choice(["", "", "N/A"])
    if case.vocab == "kestrel":
        pair = rng.choice([("Y", "N"), ("Y", "N"), ("Yes", "No")])
    else:
        pair = rng.choice([("Yes", "No"), ("Yes", "No"), ("YES", "NO")])
    return pair[0] if v else pair[1]


def yn_glyph(v, after=False):
    y, n = ("☒" if v is True else "☐"), ("☒" if v is False else "☐")
    return f"Yes {y}   No {n}" if after else f"{y} Yes   {n} No"


# --------------------------------------------------------------------------------------------
# Label decoration
# --------------------------------------------------------------------------------------------

class Labeller:
    def __init__(self, case, style):
        self.case, self.style = case, style
        self.sec_no, self.item_no = 0, 0

    def section(self, key):
        self.sec_no += 1
        self.item_no = 0
        s = self.case.V["sec"][key]
        if self.style == "caps":
            s = s.upper()
        return s

    def __call__(self, key, colon=None, raw=None):
        V = self.case.V
        text = raw if raw is not None else V["lab"][key]
        self.item_no += 1
        if self.style == "numbered":
            text = f"{self.sec_no}.{self.item_no} {text}"
        elif self.style == "caps" and self.case.vocab != "hollowbrook":
            text = text.upper()
        if colon or (colon is None and self.style == "colon"):
            if not text.endswith("?"):
                text += ":"
        return text


# --------------------------------------------------------------------------------------------
# Word helpers
# --------------------------------------------------------------------------------------------

def shade(cell, fill="D9E2F3"):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def set_cell(cell, value, bold=False, trailing=""):
    """value: str, list of paragraph strings, or ('lines', [..]) for line breaks in one paragraph."""
    cell.text = ""
    p = cell.paragraphs[0]
    if isinstance(value, tuple) and value[0] == "lines":
        for i, line in enumerate(value[1]):
            r = p.add_run(line)
            r.bold = bold
            if i < len(value[1]) - 1:
                r.add_break()
        return
    if isinstance(value, list):
        for i, para in enumerate(value):
            if i:
                p = cell.add_paragraph()
            p.add_run(para + (trailing if i == len(value) - 1 else "")).bold = bold
            p.paragraph_format.space_after = Pt(6)
        return
    r = p.add_run((value or "") + trailing)
    r.bold = bold


def add_field(paragraph, instr):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def new_doc(case, rng):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = rng.choice(["Arial", "Calibri", "Verdana"])
    st.font.size = Pt(rng.choice([10, 10.5, 11]))
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    mark = rng.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE", "OFFICIAL-SENSITIVE: PERSONAL"])
    sec.header.paragraphs[0].text = mark
    fp = sec.footer.paragraphs[0]
    fp.add_run(f"{case.V['partnership']} - referral form v{rng.randrange(2, 6)}.{rng.randrange(0, 9)}    Page ")
    add_field(fp, "PAGE")
    fp.add_run(" of ")
    add_field(fp, "NUMPAGES")
    d.core_properties.author = "SCP Business Unit"
    d.core_properties.created = dt.datetime(2025, 9, 1, 9, 0, 0)
    d.core_properties.modified = dt.datetime(2025, 9, 1, 9, 0, 0)
    d.core_properties.last_modified_by = "SCP Business Unit"
    d.core_properties.revision = 1
    # title + guidance
    p = d.add_paragraph()
    p.add_run(case.V["partnership"]).bold = True
    p = d.add_paragraph()
    r = p.add_run(case.V["title"])
    r.bold = True
    r.font.size = Pt(14)
    for g in case.V["guidance"]:
        d.add_paragraph(g.format(email=case.V["own_email"], phone=case.V["own_phone"]))
    return d


def save_docx(d, path):
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def heading_row(table, text, fill="BDD7EE"):
    row = table.add_row()
    c = row.cells[0].merge(row.cells[-1])
    set_cell(c, text, bold=True)
    shade(c, fill)
    return row


def office_use(d, case, rng):
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    heading_row(t, rng.choice(["FOR OFFICE USE ONLY", "Office use only", "Business Unit use"]), "D9D9D9")
    for lab in ["Date received", "Reference", "Decision (RR / no RR)", "Chair"]:
        r = t.add_row()
        set_cell(r.cells[0], lab)


def signature(d, rng):
    if rng.random() < 0.6:
        d.add_paragraph("")
        d.add_paragraph("Signed: ____________________      Print name: ____________________")


def agencies_table(d, case, rng, heading=None):
    hdr = rng.choice(AGENCY_HEADERS)
    if heading:
        p = d.add_paragraph()
        p.add_run(heading).bold = True
    t = d.add_table(rows=1, cols=len(hdr))
    t.style = "Table Grid"
    for i, h in enumerate(hdr):
        set_cell(t.rows[0].cells[i], h, bold=True)
        shade(t.rows[0].cells[i], "E7E6E6")
    for a in case.agencies:
        r = t.add_row().cells
        vals = []
        for h in hdr:
            hl = h.lower()
            if hl in ("name", "professional", "worker", "practitioner name", "key professional", "who"):
                vals.append(a["name"])
            elif hl == "role":
                vals.append(a["role"])
            elif hl.startswith("still"):
                vals.append(rng.choice(["Yes", "No", "Yes"]))
            elif hl in ("agency", "service", "organisation", "agency/svc", "team / service", "where they work"):
                vals.append(a["agency"])
            else:
                vals.append(a["contact"])
        for c, v in zip(r, vals):
            set_cell(c, v, trailing=rng.choice(["", "", " "]))
    for _ in range(rng.randrange(0, 3)):
        t.add_row()
    return t


def addr_value(C, mode):
    if C["addr"][1] is None:
        return ""
    if C["addr_oneline"]:
        return C["addr_oneline"]
    return ("lines", C["addr_lines"]) if mode == "lines" else list(C["addr_lines"])


def child_keys(case):
    keys = ["c_given", "c_family"] if case.V["split_name"] else ["c_name"]
    if case.rng.random() < 0.5 and case.V["split_name"]:
        keys = ["c_family", "c_given"]
    keys += ["c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr", "c_school", "c_gp"]
    if case.V["lab"].get("c_legal"):
        keys.append("c_legal")
    keys += ["c_cp", "c_csc", "c_lac", "c_dis", "c_dod"]
    return keys


CHILD_FIELD = {"c_name": "name", "c_other": "other", "c_dob": "dob", "c_age": "age", "c_gender": "gender", "c_eth": "eth",
               "c_addr": "addr", "c_school": "school", "c_gp": "gp", "c_legal": "legal", "c_cp": "cp", "c_csc": "csc",
               "c_lac": "lac", "c_dis": "dis", "c_dod": "dod"}
YN_KEYS = {"discussed", "i_police", "k_died", "k_abuse", "k_local", "k_learn", "panel", "c_cp", "c_csc", "c_lac"}
LONG_KEYS = {"i_summary", "k_reason", "c_addr"}


def child_value(case, C, key, addr_mode="paras"):
    if key == "c_given":
        return C["given"]
    if key == "c_family":
        return C["family"]
    if key == "c_addr":
        return addr_value(C, addr_mode)
    d, v = C[CHILD_FIELD[key]]
    return d


def sections(case):
    """[(section key, [field keys])] in form order; 'CHILD' and 'AGENCIES' are placeholders."""
    return [
        ("ref", ["ref_name", "ref_role", "ref_agency", "ref_phone", "ref_email", "date_ref"]),
        ("lead", ["lead_name", "lead_role", "lead_agency", "lead_phone", "lead_email", "discussed"]),
        ("child", ["CHILD"]),
        ("inc", ["i_date", "i_la", "i_loc", "i_type", "i_summary", "i_police"]),
        ("crit", ["k_died", "k_abuse", "k_local", "k_learn", "k_reason"]),
        ("panel", ["panel", "panel_date"]),
        ("ag", ["AGENCIES"]),
        ("imm", ["immediate"]),
    ]


def value_of(case, key, yn="word"):
    d, v = case.F[key]
    if key in YN_KEYS:
        if yn == "glyph":
            return yn_glyph(v, after=case.rng.random() < 0.3)
        return yn_word(case, v)
    return d


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------

def v1_two_column(case, rng, path, lab):
    """Word: label | value table, merged shaded section-heading rows."""
    d = new_doc(case, rng)
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for sk, keys in sections(case):
        if keys == ["AGENCIES"]:
            agencies_table(d, case, rng, heading=lab.section("ag"))
            d.add_paragraph("")
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            continue
        heading_row(t, lab.section(sk))
        if keys == ["CHILD"]:
            C = case.children[0]
            for k in child_keys(case):
                r = t.add_row().cells
                set_cell(r[0], lab(k))
                if k in YN_KEYS:
                    set_cell(r[1], yn_word(case, C[CHILD_FIELD[k]][1]))
                else:
                    set_cell(r[1], child_value(case, C, k, rng.choice(["paras", "lines"])), trailing=rng.choice(["", " "]))
            continue
        for k in keys:
            r = t.add_row().cells
            set_cell(r[0], lab(k))
            v = value_of(case, k)
            set_cell(r[1], v, trailing=rng.choice(["", "", " "]) if isinstance(v, str) else "")
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def v2_row_below(case, rng, path, lab):
    """Word: labels in one row, answers in the row below, three per row; long answers full width."""
    d = new_doc(case, rng)
    ncol = 3
    t = d.add_table(rows=0, cols=ncol)
    t.style = "Table Grid"

    def emit(group):
        lr = t.add_row().cells
        vr = t.add_row().cells
        for i, (label, val) in enumerate(group):
            set_cell(lr[i], label, bold=True)
            shade(lr[i], "F2F2F2")
            set_cell(vr[i], val)

    def emit_long(label, val):
        lr = t.add_row()
        c = lr.cells[0].merge(lr.cells[-1])
        set_cell(c, label, bold=True)
        shade(c, "F2F2F2")
        vr = t.add_row()
        c = vr.cells[0].merge(vr.cells[-1])
        set_cell(c, val)

    def run(items):
        group = []
        for label, val, long in items:
            if long:
                if group:
                    emit(group)
                    group = []
                emit_long(label, val)
                continue
            group.append((label, val))
            if len(group) == ncol:
                emit(group)
                group = []
        if group:
            emit(group)

    for sk, keys in sections(case):
        if keys == ["AGENCIES"]:
            agencies_table(d, case, rng, heading=lab.section("ag"))
            d.add_paragraph("")
            t = d.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            continue
        heading_row(t, lab.section(sk))
        if keys == ["CHILD"]:
            C = case.children[0]
            items = []
            for k in child_keys(case):
                if k in YN_KEYS:
                    items.append((lab(k), yn_word(case, C[CHILD_FIELD[k]][1]), False))
                else:
                    items.append((lab(k), child_value(case, C, k), False))
            run(items)
            continue
        items = []
        for k in keys:
            long = k in LONG_KEYS or k == "immediate" or (k in YN_KEYS and len(case.V["lab"][k]) > 60)
            items.append((lab(k), value_of(case, k), long))
        run(items)
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def v3_paragraphs(case, rng, path, lab):
    """Word: 'Label: value' paragraphs under bold section headings; long answers on the following paragraphs."""
    d = new_doc(case, rng)
    tab = rng.random() < 0.3

    def line(label, val):
        p = d.add_paragraph()
        sep = " " if label.endswith("?") else ":"
        lr = p.add_run(label.rstrip(":") + (sep if not tab else (sep if sep == ":" else "")))
        lr.bold = rng.random() < 0.5
        p.add_run("\t" if tab else " ")
        if isinstance(val, tuple):
            for i, ln in enumerate(val[1]):
                r = p.add_run(ln)
                if i < len(val[1]) - 1:
                    r.add_break()
        elif isinstance(val, list):
            p.add_run(val[0] if val else "")
            for ln in val[1:]:
                d.add_paragraph(ln)
        else:
            p.add_run(val + rng.choice(["", " "]))

    def long(label, paras):
        p = d.add_paragraph()
        p.add_run(label.rstrip(":") + ("" if label.endswith("?") else ":")).bold = True
        for para in paras:
            q = d.add_paragraph(para)
            q.paragraph_format.space_after = Pt(8)

    for sk, keys in sections(case):
        if keys == ["AGENCIES"]:
            p = d.add_paragraph()
            p.add_run(lab.section("ag")).bold = True
            agencies_table(d, case, rng)
            continue
        h = d.add_paragraph()
        hr = h.add_run(lab.section(sk))
        hr.bold = True
        hr.font.size = Pt(12)
        if keys == ["CHILD"]:
            C = case.children[0]
            for k in child_keys(case):
                if k in YN_KEYS:
                    line(lab(k, colon=True), yn_word(case, C[CHILD_FIELD[k]][1]))
                else:
                    line(lab(k, colon=True), child_value(case, C, k, "lines"))
            continue
        for k in keys:
            if k in ("i_summary", "k_reason"):
                long(lab(k), case.F[k][0])
            else:
                line(lab(k, colon=True), value_of(case, k))
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def v4_answer_box(case, rng, path, lab):
    """Word: question paragraph followed by a one-cell answer box."""
    d = new_doc(case, rng)
    glyph = rng.random() < 0.5

    def q(label, val):
        p = d.add_paragraph()
        p.add_run(label).bold = rng.random() < 0.7
        p.paragraph_format.space_after = Pt(2)
        t = d.add_table(rows=1, cols=1)
        t.style = "Table Grid"
        set_cell(t.rows[0].cells[0], val)

    for sk, keys in sections(case):
        if keys == ["AGENCIES"]:
            d.add_heading(lab.section("ag"), level=2)
            agencies_table(d, case, rng)
            continue
        d.add_heading(lab.section(sk), level=2)
        if keys == ["CHILD"]:
            C = case.children[0]
            for k in child_keys(case):
                if k in YN_KEYS:
                    v = C[CHILD_FIELD[k]][1]
                    q(lab(k), yn_glyph(v) if glyph else yn_word(case, v))
                else:
                    q(lab(k), child_value(case, C, k, "paras"))
            continue
        for k in keys:
            q(lab(k), value_of(case, k, "glyph" if glyph else "word"))
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def v5_glyph_columns(case, rng, path, lab):
    """Word: label | value tables for text, Yes/No questions in a Question | Yes | No table of glyph boxes."""
    d = new_doc(case, rng)
    for sk, keys in sections(case):
        if keys == ["AGENCIES"]:
            d.add_paragraph().add_run(lab.section("ag")).bold = True
            agencies_table(d, case, rng)
            continue
        d.add_paragraph().add_run(lab.section(sk)).bold = True
        if keys == ["CHILD"]:
            C = case.children[0]
            items = [(k, child_value(case, C, k, "paras") if k not in YN_KEYS else C[CHILD_FIELD[k]][1]) for k in child_keys(case)]
        else:
            items = [(k, case.F[k][1] if k in YN_KEYS else (case.F[k][0])) for k in keys]
        text_items = [(k, v) for k, v in items if k not in YN_KEYS]
        yn_items = [(k, v) for k, v in items if k in YN_KEYS]
        if text_items:
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in text_items:
                r = t.add_row().cells
                set_cell(r[0], lab(k))
                shade(r[0], "F2F2F2")
                if k == "i_type":
                    set_cell(r[1], type_glyph_list(case))
                else:
                    set_cell(r[1], v)
        if yn_items:
            t = d.add_table(rows=1, cols=3)
            t.style = "Table Grid"
            for i, h in enumerate(["", "Yes", "No"]):
                set_cell(t.rows[0].cells[i], h, bold=True)
            for k, v in yn_items:
                r = t.add_row().cells
                set_cell(r[0], lab(k))
                set_cell(r[1], "☒" if v is True else "☐")
                set_cell(r[2], "☒" if v is False else "☐")
        d.add_paragraph("")
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def type_glyph_list(case):
    disp, t = case.F["i_type"]
    out = []
    for key, label in case.V["types"].items():
        mark = "☒" if key == t and disp else "☐"
        if key == "other" and t == "other" and disp:
            label = f"{label}: {case.scen['other']}" if label.endswith(")") else f"{label} - {case.scen['other']}"
        out.append(f"{mark} {label}")
    return out


def v6_two_children(case, rng, path, lab):
    """Word: referrer/lead transposed, two children side by side, family table, agencies table."""
    d = new_doc(case, rng)
    S = case.V["short"]
    # people
    d.add_paragraph().add_run(lab.section("ref") + " / " + case.V["sec"]["lead"]).bold = True
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    set_cell(t.rows[0].cells[1], S["ref"], bold=True)
    set_cell(t.rows[0].cells[2], S["lead"], bold=True)
    for f in ("name", "role", "agency", "phone", "email"):
        r = t.add_row().cells
        set_cell(r[0], S[f])
        set_cell(r[1], case.F["ref_" + f][0])
        set_cell(r[2], case.F["lead_" + f][0])
    for k in ("date_ref", "discussed"):
        r = t.add_row().cells
        set_cell(r[0], lab(k))
        c = r[1].merge(r[2])
        set_cell(c, value_of(case, k))
    # children grid
    d.add_paragraph()
    d.add_paragraph().add_run(lab.section("child")).bold = True
    heads = rng.choice([("Child 1", "Child 2"), ("First child", "Second child"), ("Child A", "Child B")])
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    set_cell(t.rows[0].cells[1], heads[0], bold=True)
    set_cell(t.rows[0].cells[2], heads[1], bold=True)
    for k in child_keys(case):
        r = t.add_row().cells
        set_cell(r[0], lab(k))
        for i, C in enumerate(case.children[:2]):
            if k in YN_KEYS:
                set_cell(r[i + 1], yn_word(case, C[CHILD_FIELD[k]][1]))
            else:
                set_cell(r[i + 1], child_value(case, C, k, "paras"))
    d.add_paragraph()
    d.add_paragraph().add_run(rng.choice(["Family composition / significant adults", "Household members", "Parents / carers"])).bold = True
    ft = d.add_table(rows=1, cols=3)
    ft.style = "Table Grid"
    for i, h in enumerate(["Name", "Relationship", "DOB"]):
        set_cell(ft.rows[0].cells[i], h, bold=True)
    for row in case.family:
        r = ft.add_row().cells
        for c, v in zip(r, row):
            set_cell(c, v)
    # incident etc. as two-column
    d.add_paragraph()
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for sk, keys in sections(case)[3:]:
        if keys == ["AGENCIES"]:
            agencies_table(d, case, rng, heading=lab.section("ag"))
            d.add_paragraph("")
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            continue
        heading_row(t, lab.section(sk))
        for k in keys:
            r = t.add_row().cells
            set_cell(r[0], lab(k))
            set_cell(r[1], value_of(case, k))
    signature(d, rng)
    office_use(d, case, rng)
    save_docx(d, path)
    return d


def v8_acroform(case, rng, path, lab):
    """PDF: fillable AcroForm; fields Text1..N / Check Box1..N, labels printed beside, no tooltips."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    W, H = A4
    state = {"y": H - 60, "text": 0, "check": 0, "page": 1}
    form = c.acroForm

    def footer():
        c.setFont("Helvetica", 8)
        c.drawString(40, 20, f"OFFICIAL-SENSITIVE     {case.V['partnership']}     Page {state['page']}")
        c.drawString(40, H - 25, "OFFICIAL-SENSITIVE")

    def need(h):
        if state["y"] - h < 50:
            footer()
            c.showPage()
            state["page"] += 1
            state["y"] = H - 60

    def label(text, x, y, size=9, bold=False, width=180):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        words, lines, cur = text.split(), [], ""
        for w in words:
            if c.stringWidth((cur + " " + w).strip(), "Helvetica-Bold" if bold else "Helvetica", size) > width:
                lines.append(cur)
                cur = w
            else:
                cur = (cur + " " + w).strip()
        lines.append(cur)
        for i, ln in enumerate(lines):
            c.drawString(x, y - i * (size + 2), ln)
        return len(lines)

    def text(lbl, value, h=16, multiline=False):
        nlines = max(1, len(lbl) // 38 + 1)
        need(max(h, nlines * 11) + 8)
        y = state["y"]
        label(lbl, 40, y - 11)
        state["text"] += 1
        form.textfield(name=f"Text{state['text']}", value=value or "", x=230, y=y - h, width=325, height=h,
                       borderWidth=0.5, fontName="Helvetica", fontSize=9, maxlen=5000,
                       fieldFlags="multiline" if multiline else "")
        state["y"] = y - max(h, nlines * 11) - 8

    def yesno(lbl, v):
        nlines = max(1, len(lbl) // 38 + 1)
        need(nlines * 11 + 10)
        y = state["y"]
        label(lbl, 40, y - 11)
        for i, (word, on) in enumerate((("Yes", v is True), ("No", v is False))):
            state["check"] += 1
            x = 230 + i * 70
            c.setFont("Helvetica", 9)
            c.drawString(x, y - 11, word)
            form.checkbox(name=f"Check Box{state['check']}", x=x + 22, y=y - 14, size=11, checked=on,
                          buttonStyle="cross", borderWidth=0.5)
        state["y"] = y - nlines * 11 - 10

    def heading(s):
        need(30)
        state["y"] -= 6
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, state["y"] - 11, s)
        state["y"] -= 20

    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, state["y"], case.V["partnership"])
    state["y"] -= 18
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, state["y"], case.V["title"])
    state["y"] -= 16
    for g in case.V["guidance"]:
        n = label(g.format(email=case.V["own_email"], phone=case.V["own_phone"]), 40, state["y"], size=8, width=510)
        state["y"] -= n * 10 + 4
    for sk, keys in sections(case):
        heading(lab.section(sk))
        if keys == ["CHILD"]:
            C = case.children[0]
            for k in child_keys(case):
                if k in YN_KEYS:
                    yesno(lab(k), C[CHILD_FIELD[k]][1])
                elif k == "c_addr":
                    v = C["addr_oneline"] or ("\n".join(C["addr_lines"]) if C["addr"][1] else "")
                    text(lab(k), v, h=44, multiline=True)
                else:
                    text(lab(k), child_value(case, C, k))
            continue
        if keys == ["AGENCIES"]:
            hdr = rng.choice([h for h in AGENCY_HEADERS if len(h) == 3])
            need(20)
            y = state["y"]
            xs = [40, 200, 390]
            ws = [155, 185, 165]
            for x, h in zip(xs, hdr):
                c.setFont("Helvetica-Bold", 9)
                c.drawString(x, y - 11, h)
            state["y"] -= 16
            rows = case.agencies + [None] * (5 - len(case.agencies))
            for row in rows:
                need(20)
                y = state["y"]
                vals = (row["name"], row["agency"], row["contact"]) if row else ("", "", "")
                for x, w, v in zip(xs, ws, vals):
                    state["text"] += 1
                    form.textfield(name=f"Text{state['text']}", value=v, x=x, y=y - 16, width=w, height=16,
                                   borderWidth=0.5, fontName="Helvetica", fontSize=8, maxlen=500)
                state["y"] -= 20
            continue
        for k in keys:
            if k in YN_KEYS:
                yesno(lab(k), case.F[k][1])
            elif k == "i_type":
                need(14 * 6)
                y = state["y"]
                label(lab(k), 40, y - 11)
                disp, t = case.F["i_type"]
                for i, (key, lbl) in enumerate(case.V["types"].items()):
                    state["check"] += 1
                    form.checkbox(name=f"Check Box{state['check']}", x=230, y=y - 14 - i * 14, size=10,
                                  checked=bool(disp) and key == t, buttonStyle="cross", borderWidth=0.5)
                    c.setFont("Helvetica", 9)
                    c.drawString(246, y - 11 - i * 14, lbl)
                    if key == "other":
                        state["text"] += 1
                        c.drawString(400, y - 11 - i * 14, "Specify:")
                        form.textfield(name=f"Text{state['text']}", value=case.scen["other"] if (t == "other" and disp) else "",
                                       x=440, y=y - 15 - i * 14, width=115, height=13, borderWidth=0.5,
                                       fontName="Helvetica", fontSize=7, maxlen=200)
                state["y"] = y - 14 * 5 - 10
            elif k in ("i_summary", "k_reason"):
                paras = case.F[k][0]
                text(lab(k), "\n\n".join(paras), h=150 if k == "i_summary" else 80, multiline=True)
            elif k == "immediate":
                text(lab(k), case.F[k][0], h=40, multiline=True)
            else:
                text(lab(k), case.F[k][0])
    footer()
    c.showPage()
    c.save()


LAYOUTS = {
    "V1": ("docx", v1_two_column, "Word: two-column label | value table, merged shaded section-heading rows"),
    "V2": ("docx", v2_row_below, "Word: labels in one row, answers in the row below (three per row); long answers in full-width merged rows"),
    "V3": ("docx", v3_paragraphs, "Word: 'Label: value' paragraphs (colon or tab) under bold section headings; long answers in the paragraphs after their label"),
    "V4": ("docx", v4_answer_box, "Word: question paragraph followed by a one-cell answer box; Yes/No in words or as glyph pairs"),
    "V5": ("docx", v5_glyph_columns, "Word: label | value tables per section, Yes/No questions in 'question | Yes | No' tables of ☒/☐ glyphs, incident type as a glyph list"),
    "V6": ("docx", v6_two_children, "Word: referrer and lead side by side, two children side by side, family table, agencies table"),
    "V7": ("pdf", None, "PDF printed by LibreOffice from a V1 / V3 / V5 / V2 Word form (tables break across pages)"),
    "V8": ("pdf", v8_acroform, "PDF: fillable AcroForm, fields Text1..N / Check Box1..N with no tooltips, labels printed beside"),
}
LABEL_STYLES = {"fenmarch": ["numbered", "plain", "numbered", "colon"], "hollowbrook": ["plain", "plain", "colon"],
                "kestrel": ["colon", "plain", "caps"]}


# --------------------------------------------------------------------------------------------
# Text extraction / checks
# --------------------------------------------------------------------------------------------

def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf8")
    xml = re.sub(r"<w:br/>|<w:tab/>", "\n", xml)
    xml = re.sub(r"</w:p>", "\n", xml)
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(\n)", xml)
    s = "".join(a or b for a, b in texts)
    import html
    return html.unescape(s)


def pdf_text(path):
    with pdfplumber.open(path) as pdf:
        s = "\n".join((p.extract_text() or "") for p in pdf.pages)
    r = PdfReader(path)
    vals = []
    for name, f in (r.get_fields() or {}).items():
        v = f.get("/V")
        if isinstance(v, str):
            vals.append(v)
    return s + "\n" + "\n".join(vals)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def splits_into(s, words):
    """Whether s is a concatenation of words of the extracted text (a token wrapped inside a cell)."""
    ok = [True] + [False] * len(s)
    for j in range(1, len(s) + 1):
        ok[j] = any(ok[i] and s[i:j] in words for i in range(j))
    return ok[len(s)]


def check_form(path, case_strings, forbidden):
    text = docx_text(path) if str(path).endswith(".docx") else pdf_text(path)
    nt = norm(text)
    words = set(nt.split())
    problems = []
    for s in case_strings:
        if norm(s) in nt:
            continue
        if str(path).endswith(".pdf") and (all(w in words for w in norm(s).split())
                                           or re.sub(r"\s", "", s) in re.sub(r"\s", "", text)):
            continue  # a PDF value may wrap inside a narrow cell or run across a page break
        if str(path).endswith(".pdf") and " " not in s.strip() and splits_into(s, words):
            continue  # one long token (an email) broken over lines of its cell, other cells' text between
        problems.append(f"{path.name}: not found: {s!r}")
    return problems, nt


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

def normalise_lo_pdf(path):
    """Fixed dates and document IDs (same byte lengths, so the xref table stays valid)."""
    b = path.read_bytes()
    b = re.sub(rb"\(D:[0-9]{14}[^)]*\)", lambda m: b"(D:20260101000000" + b"0" * 0 + m.group(0)[17:-1].translate(bytes.maketrans(b"0123456789", b"0000000000")) + b")", b)
    b = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", lambda m: re.sub(rb"<[0-9A-Fa-f]+>", lambda n: b"<" + b"0" * (len(n.group(0)) - 2) + b">", m.group(0)), b)
    b = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp:)", lambda m: m.group(1) + re.sub(rb"[0-9]", b"0", m.group(2)) + m.group(3), b)
    b = re.sub(rb"(<xmpMM:(?:DocumentID|InstanceID)>)([^<]*)(</xmpMM:)", lambda m: m.group(1) + re.sub(rb"[0-9a-f]", b"0", m.group(2)) + m.group(3), b)
    b = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"/[0-9A-Fa-f]+$", lambda n: b"/" + b"0" * (len(n.group(0)) - 1), m.group(0)), b)
    path.write_bytes(b)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    schema = None
    for p in SCHEMA_CANDIDATES:
        if p.exists():
            schema = json.loads(p.read_text())
            break
    if schema is None:
        sys.exit("referral.schema.json not found")
    master = random.Random(a.seed)
    layouts = list(LAYOUTS)
    vocabs = list(VOCABS)
    pending_pdf = []
    entries = []
    problems = []
    tmp = Path(tempfile.mkdtemp(prefix="unseen3_"))
    sub_cycle = ["V1", "V3", "V5", "V2"]
    for i in range(a.count):
        fseed = master.randrange(1 << 30)
        rng = random.Random(fseed)
        layout = layouts[i % len(layouts)]
        vocab = vocabs[i % len(vocabs)]
        n_children = 2 if layout == "V6" else 1
        case = Case(rng, vocab, n_children, i)
        lab = Labeller(case, rng.choice(LABEL_STYLES[vocab]))
        stem = f"v{i + 1:03d}"
        ext, fn, _ = LAYOUTS[layout]
        extra = {}
        if layout == "V7":
            sub = sub_cycle[(i // len(layouts)) % len(sub_cycle)]
            extra["sub_layout"] = sub
            src = tmp / f"{stem}.docx"
            LAYOUTS[sub][1](case, rng, src, lab)
            pending_pdf.append((src, out / "forms" / f"{stem}.pdf"))
            fname = f"{stem}.pdf"
        else:
            fname = f"{stem}.{ext}"
            fn(case, rng, out / "forms" / fname, lab)
        rec = case.record()
        jsonschema.validate(rec, schema)
        entry = {"file": fname, "expect_status": "parsed", "expect_reason": None, "record": rec,
                 "layout": layout, "vocabulary": vocab, **extra, "format": fname.rsplit(".", 1)[1],
                 "label_style": lab.style, "date_style": case.date_style, "scenario": case.scen["type"]}
        entries.append((entry, case))
    if pending_pdf:
        prof = tmp / "lo_profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmp / "pdf"), *[str(s) for s, _ in pending_pdf]]
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        for src, dst in pending_pdf:
            made = tmp / "pdf" / (src.stem + ".pdf")
            shutil.move(str(made), dst)
            normalise_lo_pdf(dst)
    for entry, case in entries:
        (out / "truth" / (entry["file"].rsplit(".", 1)[0] + ".json")).write_text(json.dumps(entry, indent=2, ensure_ascii=False) + "\n")
        if not a.no_check:
            probs, nt = check_form(out / "forms" / entry["file"], case.must_appear(), [])
            problems += probs
            flat = json.dumps(entry["record"])
            for own in (case.V["own_email"], phone_digits(case.V["own_phone"])):
                if own in flat:
                    problems.append(f"{entry['file']}: partnership contact in record")
            jsonschema.validate(entry["record"], schema)
    shutil.rmtree(tmp, ignore_errors=True)
    from collections import Counter
    print(f"{len(entries)} forms in {out}")
    print("by layout:", dict(sorted(Counter(e['layout'] for e, _ in entries).items())))
    print("by vocabulary:", dict(sorted(Counter(e['vocabulary'] for e, _ in entries).items())))
    print("by type:", dict(Counter(e['record']['incident']['type'] for e, _ in entries)))
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
