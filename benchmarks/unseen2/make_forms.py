"""Second held-out corpus of Case Referral Forms (unseen2).

    python benchmarks/unseen2/make_forms.py OUTDIR [--seed N]

Writes OUTDIR/forms/* (Word .docx and PDF) and OUTDIR/truth/*.json in the shared
truth format ({file, expect_status, expect_reason, record, layout, vocabulary, ...}).
Deterministic for a given seed.  Built independently of the parser and of the first
held-out generator: three invented partnerships (vocabularies), seven layouts (U2A-U2G),
date styles not used elsewhere.  Every record is validated against
referral.schema.json and every stated value is checked against the document text.
See README.md next to this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

rl_config.invariant = 1

HERE = Path(__file__).resolve().parent
SCHEMA_CANDIDATES = [Path("/work/shared/referral.schema.json"),
                     HERE.parents[2] / "shared" / "referral.schema.json"]

# --------------------------------------------------------------------------------------
# Partnerships (vocabularies)
# --------------------------------------------------------------------------------------

PARTNERSHIPS = {
    "severn": dict(
        title="Severn Vale Safeguarding Children Partnership",
        form_title="Serious Child Safeguarding Incident - Practitioner Notification",
        guidance=("Complete this notification within one working day of becoming aware of a serious "
                  "incident. Send it by secure email to svscp.notifications@severnvale.gov.uk or telephone "
                  "the partnership business unit on 01632 960 100 (Monday to Friday, 9am to 5pm)."),
        guidance2=("Do not delay a referral to children's social care or the police while you complete "
                   "this form. Out of hours, call the Emergency Duty Team on 01632 960 199."),
        partnership_email="svscp.notifications@severnvale.gov.uk",
        la="Severn Vale Council Children's Services", la_dom="severnvale.gov.uk",
        police="Severn Vale Constabulary", police_dom="severnvale.police.uk",
        health=["Severn Vale Community NHS Trust", "Riverside Hospitals NHS Foundation Trust",
                "Vale Integrated Care Board"], health_dom="nhs.net",
        towns=[("Ashbourne Vale", "SV4"), ("Kingsholm Cross", "SV2"), ("Upper Tewley", "SV7"),
               ("Marlden", "SV9")],
        phones=["01632 960", "0117 496 0"],
        schools=["Marlden Community Primary School", "Kingsholm Cross Academy", "St Aldhelm's CE Primary",
                 "Tewley Brook Nursery", "Severn Vale College", "The Beacon Pupil Referral Unit"],
        gps=["Dr S Adeyemi, Marlden Health Centre", "Kingsholm Cross Surgery", "Dr H Moss, Tewley Road Practice",
             "Ashbourne Vale Medical Group"],
        type_options=["Death of a child", "Serious harm to a child", "Death of a looked after child",
                      "Death of a care leaver (under 25)", "Other (please specify)"],
        area="Severn Vale",
    ),
    "kennet": dict(
        title="Kennet and Downs Children's Safeguarding Partnership",
        form_title="Rapid Review Referral (Serious Incident)",
        guidance=("Guidance: this referral is for incidents that may meet the criteria for a Rapid Review "
                  "under Working Together. Return the completed form to kdcsp.rapidreview@kennetdowns.gov.uk. "
                  "For advice call 0118 496 0100."),
        guidance2=("Please give facts only. Do not include information about other family members unless "
                   "it is relevant to the incident."),
        partnership_email="kdcsp.rapidreview@kennetdowns.gov.uk",
        la="Kennet and Downs Council - Children's Social Care", la_dom="kennetdowns.gov.uk",
        police="Thames Downs Police", police_dom="thamesdowns.police.uk",
        health=["Kennet Valley NHS Foundation Trust", "Downs Community Health Services",
                "Chalkford Hospital NHS Trust"], health_dom="nhs.net",
        towns=[("Chalkford", "KD1"), ("Overbury Green", "KD5"), ("Wanstone", "KD3"), ("Little Aldwell", "KD8")],
        phones=["0118 496 0", "01632 960"],
        schools=["Chalkford Infant School", "Overbury Green Primary", "Wanstone School", "Downs Academy",
                 "Little Aldwell Pre-School", "Kennet College"],
        gps=["Chalkford Surgery", "Dr P Nwosu, Overbury Medical Centre", "Wanstone Family Practice",
             "Dr E Clarke, Aldwell Surgery"],
        type_options=["Child death", "Serious harm", "Death of a child in care",
                      "Death of a care leaver aged 18 to 24", "Other serious incident"],
        area="Kennet and Downs",
    ),
    "marches": dict(
        title="Marches and Wyeside Safeguarding Children Partnership",
        form_title="Notification of a Serious Incident - request for Rapid Review",
        guidance=("Notifications must be sent to safeguarding.partnership@wyeside.gov.uk. If you are unsure "
                  "whether the criteria are met, ring the Partnership Manager on 029 2018 0100 first."),
        guidance2=("Information in this form is shared with partner agencies for the purpose of the "
                   "Rapid Review only."),
        partnership_email="safeguarding.partnership@wyeside.gov.uk",
        la="Wyeside Council Children's Services", la_dom="wyeside.gov.uk",
        police="Marches Police", police_dom="marches.police.uk",
        health=["Wyeside and Marches NHS Trust", "Bryn Hollow Community Health Team",
                "Kingsford County Hospital NHS Trust"], health_dom="nhs.net",
        towns=[("Bryn Hollow", "WY3"), ("Castle Pendry", "WY6"), ("Kingsford-on-Wye", "WY1"),
               ("Llanfair Wye", "WY9")],
        phones=["029 2018 0", "01632 960"],
        schools=["Ysgol Bryn Hollow", "Castle Pendry Primary School", "Kingsford High School",
                 "Wyeside Pupil Referral Service", "Little Acorns Day Nursery", "Marches Sixth Form College"],
        gps=["Dr T Bevan, Castle Pendry Surgery", "Bryn Hollow Health Centre", "Kingsford Medical Practice",
             "Dr M Iqbal, Llanfair Surgery"],
        type_options=["Death", "Serious harm", "Death of a looked after child", "Death of a care leaver", "Other"],
        area="Marches and Wyeside",
    ),
}

TYPE_KEYS = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]

# labels per vocabulary; keys are field keys used by the layouts
LABELS = {
    "severn": {
        "sec_ref": "Practitioner making notification", "sec_lead": "Manager who has agreed this notification",
        "sec_child": "Child or young person", "sec_inc": "The serious incident", "sec_crit": "Rapid review criteria",
        "sec_panel": "National Panel", "sec_ag": "Other agencies involved", "sec_imm": "Immediate safeguarding",
        "date_of_referral": "Date of notification",
        "ref.name": "Practitioner making notification", "ref.role": "Job title",
        "ref.agency": "Agency/organisation you represent", "ref.email": "Secure email", "ref.phone": "Work mobile",
        "lead.name": "Manager who has agreed this notification", "lead.role": "Manager's job title",
        "lead.agency": "Manager's agency", "lead.email": "Manager's secure email", "lead.phone": "Manager's work mobile",
        "lead.discussed": "Has your manager agreed that this notification should be made?",
        "c.given": "Child/young person's first name", "c.family": "Child/young person's surname",
        "c.full": "Child/young person's full name",
        "c.other_names": "Also known as", "c.dob": "Date of birth / EDD (if unborn)",
        "c.age": "Age (only if date of birth not known)", "c.gender": "Sex", "c.ethnicity": "Ethnicity",
        "c.address": "Home postcode and address", "c.school": "Education provider", "c.gp": "Registered GP",
        "c.legal_status": "Legal status", "c.cp_plan": "Subject to a child protection plan (now or previously)?",
        "c.open_to_csc": "Open to children's social care when the incident happened?",
        "c.looked_after": "Is the child looked after?", "c.disability": "Disability / SEND",
        "c.date_of_death": "Date of death (if applicable)",
        "inc.date": "Date of the serious incident", "inc.date_la_aware": None,
        "inc.location": "Where did the incident happen?", "inc.type": "Category of incident",
        "inc.summary": "Description of the incident and the harm", "inc.police": "Are the police involved?",
        "cr.died": "The child has died or has been seriously harmed",
        "cr.abuse": "Abuse or neglect of the child is known or suspected",
        "cr.local": "The child lives in Severn Vale or the incident happened here",
        "cr.learning": "Learning for two or more agencies is likely",
        "cr.reason": "Why you believe this may meet the criteria for a rapid review",
        "panel": "Has a serious incident notification been submitted to the Panel?", "panel_date": "Date submitted",
        "imm": "What immediate safeguarding action has been taken?",
        "ag_cols": ["Practitioner", "Agency / team", "Phone or email"],
        "subject": "Subject child",
    },
    "kennet": {
        "sec_ref": "Person completing this form", "sec_lead": "Designated safeguarding lead / line manager",
        "sec_child": "About the child", "sec_inc": "About the incident", "sec_crit": "Criteria for a Rapid Review",
        "sec_panel": "Notification to the Child Safeguarding Practice Review Panel",
        "sec_ag": "Agencies known to be involved", "sec_imm": "Current risks",
        "date_of_referral": "Date form completed",
        "ref.name": "Full name", "ref.role": "Designation", "ref.agency": "Organisation/service",
        "ref.email": "Email", "ref.phone": "Direct line",
        "lead.name": "Full name", "lead.role": "Designation", "lead.agency": "Organisation/service",
        "lead.email": "Email", "lead.phone": "Direct line",
        "lead.discussed": "Has the DSL/manager agreed to this referral?",
        "c.given": "Given name(s)", "c.family": "Family name", "c.full": "Name of child/young person",
        "c.other_names": "Known as / alias", "c.dob": "DOB", "c.age": "Approx. age if DOB unknown",
        "c.gender": "Gender", "c.ethnicity": "Ethnic origin", "c.address": "Current address",
        "c.school": "School / college / nursery", "c.gp": "GP surgery",
        "c.legal_status": "Legal status (CIN / CP / CLA)", "c.cp_plan": "Child protection plan (current or past)",
        "c.open_to_csc": "Known to social care", "c.looked_after": "Looked after by a local authority",
        "c.disability": "Special educational needs / disability", "c.date_of_death": "Date child died",
        "inc.date": "When did the incident happen?",
        "inc.date_la_aware": "Date children's social care (local authority) became aware",
        "inc.location": "Place of incident", "inc.type": "Type of incident",
        "inc.summary": "What happened? (facts only)", "inc.police": "Police involvement",
        "cr.died": "Has a child died or been seriously harmed?", "cr.abuse": "Is abuse or neglect known or suspected?",
        "cr.local": "Is the child ordinarily resident in Kennet and Downs, or did the incident occur here?",
        "cr.learning": "Could there be learning for more than one agency?",
        "cr.reason": "Rationale for a Rapid Review",
        "panel": "National Panel notified?", "panel_date": "Date Panel notified",
        "imm": "Immediate risks to this or other children and actions taken",
        "ag_cols": ["Name", "Agency", "Telephone / email"],
        "subject": "Subject of this referral",
    },
    "marches": {
        "sec_ref": "Your details", "sec_lead": "Safeguarding lead consulted", "sec_child": "Child details",
        "sec_inc": "Incident details", "sec_crit": "Why a Rapid Review?", "sec_panel": "Serious incident notification",
        "sec_ag": "Professionals involved", "sec_imm": "Immediate concerns",
        "date_of_referral": "Today's date",
        "ref.name": "Your name", "ref.role": "Your role", "ref.agency": "Your agency",
        "ref.email": "Your email address", "ref.phone": "Your telephone number",
        "lead.name": "Name of safeguarding lead consulted", "lead.role": "Lead's role", "lead.agency": "Lead's agency",
        "lead.email": "Lead's email", "lead.phone": "Lead's telephone",
        "lead.discussed": "Have you consulted your safeguarding lead?",
        "c.given": "Forename", "c.family": "Surname", "c.full": "Full name of child",
        "c.other_names": "Previous / other names", "c.dob": "Date of birth", "c.age": "Age",
        "c.gender": "Sex", "c.ethnicity": "Ethnicity", "c.address": "Address (including postcode)",
        "c.school": "School or setting attended", "c.gp": "GP name and practice",
        "c.legal_status": "Legal status at time of incident", "c.cp_plan": "CP plan (current or previous)",
        "c.open_to_csc": "Open to CSC", "c.looked_after": "Looked after", "c.disability": "Disability or additional needs",
        "c.date_of_death": "Date of death",
        "inc.date": "Incident date", "inc.date_la_aware": "Date the local authority was informed",
        "inc.location": "Incident location", "inc.type": "Incident category",
        "inc.summary": "Summary of the incident and agency involvement",
        "inc.police": "Police investigation under way?",
        "cr.died": "Child died or seriously harmed", "cr.abuse": "Abuse or neglect known or suspected",
        "cr.local": "Child normally resident in Marches and Wyeside, or incident happened here",
        "cr.learning": "Potential learning for more than one agency",
        "cr.reason": "Please explain why the criteria may be met",
        "panel": "Serious incident notification made to the Child Safeguarding Practice Review Panel?",
        "panel_date": "Date of notification",
        "imm": "Any immediate concerns for siblings or other children?",
        "ag_cols": ["Professional", "Organisation", "Contact number / email"],
        "subject": "Subject child",
    },
}

# --------------------------------------------------------------------------------------
# People, places, stories
# --------------------------------------------------------------------------------------

GIVEN_F = ["Isla", "Poppy", "Freya", "Maisie", "Esme", "Nia", "Seren", "Amira", "Hollie", "Tegan", "Zara",
           "Lacey", "Ffion", "Willow", "Aaliyah", "Bethan", "Keira", "Summer"]
GIVEN_M = ["Alfie", "Rhys", "Harley", "Kai", "Dylan", "Mason", "Theo", "Ibrahim", "Caden", "Osian", "Jayden",
           "Tyler", "Reuben", "Logan", "Elis", "Tomasz", "Kacper", "Riley"]
FAMILY = ["Pritchard", "Hollis", "Okonkwo", "Griffiths", "Kowalczyk", "Baptiste", "Marsden", "Sahota", "Vaughan",
          "Ashworth", "Penhale", "Morgan-Lewis", "Tranter", "Quigley", "Rees", "Dunmore", "Fairweather", "Nowak",
          "Llewellyn", "Haddad"]
PRO_GIVEN = ["Gemma", "Sian", "Richard", "Adebayo", "Claire", "Owain", "Priya", "Martin", "Helena", "Dafydd",
             "Shona", "Nathan", "Bronwen", "Farah", "Graham", "Leanne", "Stuart", "Carys", "Yusuf", "Fiona"]
PRO_FAMILY = ["Whitcombe", "Rowlands", "Adeleke", "Parfitt", "Blackwood", "Hendry", "Thorne", "Ashdown", "Pugh",
              "Karim", "Castell", "Everett", "Lomax", "Bradshaw", "Meredith", "Oyelaran", "Winstanley", "Gale"]
STREETS = ["Orchard Rise", "Mill Lane", "Coppice Way", "Heol y Nant", "Station Terrace", "Larkspur Close",
           "Foundry Row", "Chapel Street", "Tanners Yard", "Beechwood Avenue", "Brook Meadow", "Quarry Hill"]
ETHNICITIES = ["White British", "White - Welsh", "White - Any other White background", "Mixed - White and Black Caribbean",
               "Asian or Asian British - Pakistani", "Black or Black British - African", "Gypsy / Roma",
               "White - Polish", "Mixed - Any other mixed background", "Arab"]
LEGAL = {
    "serious_harm": ["Child in Need (s.17)", "Child Protection Plan - neglect", "Early Help", "Not open to CSC"],
    "death": ["Child in Need (s.17)", "Early Help", "Not open to CSC"],
    "lac_death": ["Care Order (s.31)", "Accommodated under s.20", "Interim Care Order (s.38)"],
    "care_leaver_death": ["Care leaver (former relevant child)", "Care leaver - pathway plan"],
    "other": ["Private fostering arrangement", "Child in Need (s.17)", "Remanded to youth detention accommodation"],
}
DISABILITIES = ["Autism spectrum condition (diagnosed)", "Global developmental delay", "Cerebral palsy",
                "ADHD - awaiting assessment", "Education, Health and Care Plan (speech and language)"]

SCENARIOS = {
    "death": [
        ["{g} ({age}) was found unresponsive in a shared bed by {pg} mother in the early hours of {inc}. "
         "Paramedics attended and {g} was taken to hospital, where {ps} was pronounced dead shortly after arrival.",
         "The family had been visited by the health visiting service for the new birth review and safer sleep "
         "advice was recorded. Two later contacts were missed and not followed up.",
         "Mother disclosed heavy alcohol use by her partner to the GP during pregnancy. There is no record that "
         "this was shared with the health visitor."],
        ["{g} ({age}) died on {inc} after being found hanging at the family home. The death is being treated "
         "as unexplained while the coroner's enquiries continue.",
         "{g} had been referred to CAMHS after self-harming at school in the spring and was on a waiting list "
         "for an assessment. The school had raised concerns about online contact with older adults.",
         "There had been three contacts with the children's front door in the previous year, each closed "
         "with advice and signposting."],
    ],
    "serious_harm": [
        ["{g} ({age}) was brought to the emergency department by {pg} father on {inc} with bruising to the face "
         "and reduced consciousness. A CT scan showed a subdural haemorrhage and a skeletal survey found "
         "two healing rib fractures.",
         "The explanation given by the parents does not account for the injuries. {g} remains in the "
         "paediatric intensive care unit and is expected to survive but the long-term effects are not yet known.",
         "The family moved into the area four months ago. Records from the previous authority show a "
         "child in need plan that closed when the family moved."],
        ["{g} ({age}) was admitted to hospital on {inc} after swallowing a quantity of methadone found in "
         "the home. {ps_cap} needed ventilation and has since recovered.",
         "Both parents are prescribed methadone. The substance misuse service had been told the medication "
         "was kept in a locked box, but it was found in a kitchen cupboard.",
         "Early Help had been working with the family around school attendance and had closed the case "
         "six weeks before the incident."],
        ["{g} ({age}) disclosed to a teacher on {inc} that {ps} had been sexually assaulted by an adult known "
         "to the family over a period of months. {g} has also been reported missing four times since the summer.",
         "Police have arrested a 34-year-old man. There were earlier concerns about child sexual exploitation "
         "that were discussed at the multi-agency exploitation meeting but no plan was agreed."],
    ],
    "lac_death": [
        ["{g} ({age}) was found unresponsive in {pg} bedroom at a residential children's home on {inc} and "
         "could not be revived. The death is being investigated by the police on behalf of the coroner.",
         "{g} had been looked after since 2022 and had seven placement moves in two years, two of them "
         "out of the area. There were repeated missing episodes in the last three months.",
         "Concerns about drug use and exploitation had been raised by the placement provider, the school "
         "and the youth justice service."],
    ],
    "care_leaver_death": [
        ["{g} ({age}) was found dead in {pg} supported accommodation flat on {inc}. An overdose is suspected "
         "and the police are preparing a file for the coroner.",
         "{g} was a care leaver with a pathway plan and an allocated personal adviser. Contact had been "
         "irregular since {ps} moved out of foster care at 18.",
         "{g} had been discharged from the community mental health team in the summer after missing "
         "appointments."],
    ],
    "other": [
        ["{g} ({age}) was living with a family friend under a private fostering arrangement that had not been "
         "notified to the local authority. On {inc} {ps} was found with serious burns after a house fire.",
         "The school had known for some months that {g} was not living with a parent but did not recognise "
         "this as private fostering."],
        ["{g} ({age}) was seriously assaulted by other young people on {inc} while on remand. {ps_cap} "
         "suffered a fractured jaw and a head injury.",
         "{g} was remanded to youth detention accommodation and is therefore looked after. The assault took "
         "place outside our area, but {g} is normally resident here."],
    ],
}
OTHER_SPEC = {0: "private fostering arrangement", 1: "serious assault while on remand"}
AGE_RANGE = {("death", 0): (0, 0), ("death", 1): (12, 17), ("serious_harm", 0): (0, 3),
             ("serious_harm", 1): (1, 6), ("serious_harm", 2): (12, 17), ("lac_death", 0): (12, 17),
             ("care_leaver_death", 0): (18, 23), ("other", 0): (8, 16), ("other", 1): (14, 17)}

REASONS = [
    "{g} has {harm} and {abuse}. Several agencies knew the family and there may be learning about {topic}.",
    "I believe the criteria are met because {g} has {harm}, {abuse}, and the child lives in our area. "
    "Learning is likely about {topic}.",
    "The incident appears to meet the Rapid Review criteria: {harm_short}, {abuse} and there were a number "
    "of professionals involved. Potential learning about {topic}.",
]
TOPICS = ["information sharing between health and children's social care", "the step-down of cases to Early Help",
          "responses to missing episodes and exploitation", "the voice of the child",
          "the recognition of neglect in older children", "safer sleep advice to families with known risks",
          "transfer of information when families move between areas"]
IMMEDIATE = [
    "{sib} is staying with maternal grandparents under a safety plan agreed at the strategy meeting.",
    "A strategy discussion was held on the day of the incident and a section 47 enquiry is under way for {sib}.",
    "There are no other children in the household. The police are liaising with the family.",
    "A foster placement under police protection was arranged for {sib}; an interim care order has since been made.",
    "An initial child protection conference has been arranged for {sib}.",
]
SIBS = ["the younger sibling (aged 4)", "a sister aged 9", "the baby brother (5 months)",
        "an older sister (15)", "a half-brother aged 11"]
ROLES = {
    "la": ["Social Worker", "Senior Practitioner", "Team Manager, Assessment Team", "Head of Safeguarding and Quality",
           "Principal Social Worker", "Personal Adviser, Leaving Care Team"],
    "police": ["Detective Sergeant", "Detective Inspector, Public Protection", "Police Constable, MASH",
               "Detective Chief Inspector"],
    "health": ["Named Nurse Safeguarding Children", "Health Visitor", "Designated Nurse for Safeguarding",
               "Named Doctor for Safeguarding", "School Nurse", "Safeguarding Practitioner"],
    "school": ["Designated Safeguarding Lead", "Headteacher", "Deputy Headteacher (DSL)", "Pastoral Manager"],
}
LEAD_ROLES = {
    "la": ["Service Manager, Safeguarding", "Head of Service - Children in Need", "Group Manager, Front Door"],
    "police": ["Detective Inspector, Public Protection", "Detective Superintendent"],
    "health": ["Head of Safeguarding", "Designated Nurse for Safeguarding Children", "Named Nurse Safeguarding Children"],
    "school": ["Headteacher", "Chair of Governors", "Trust Safeguarding Lead"],
}
FILLERS = ["N/A", "n/a", "-", "Not applicable"]

# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAY = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"]
DATE_STYLES = ["dd Mon yyyy", "d.m.yy", "dd-mm-yyyy", "dth of Month yyyy", "Wkd dth Mon yyyy", "dd.mm.yyyy"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dd Mon yyyy":
        return f"{d.day:02d} {MON3[d.month - 1]} {d.year}"
    if style == "d.m.yy":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "dd-mm-yyyy":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dth of Month yyyy":
        return f"{ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}"
    if style == "Wkd dth Mon yyyy":
        return f"{WEEKDAY[d.weekday()]} {ordinal(d.day)} {MON3[d.month - 1]} {d.year}"
    if style == "dd.mm.yyyy":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(style)


def parse_date_back(s: str) -> str:
    """Independent reading of our own date strings (used only for self-checks)."""
    s = s.strip()
    m = re.fullmatch(r"(\d{1,2})[.\-](\d{1,2})[.\-](\d{2}|\d{4})", s)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        y = y + 2000 if y < 100 else y
        return dt.date(y, mo, d).isoformat()
    m = re.fullmatch(r"(?:[A-Z][a-z]+ )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Z][a-z]+) (\d{4})", s)
    if m:
        mo = [x.lower() for x in MON3].index(m[2][:3].lower()) + 1
        return dt.date(int(m[3]), mo, int(m[1])).isoformat()
    raise ValueError(s)


# --------------------------------------------------------------------------------------
# Form model
# --------------------------------------------------------------------------------------

@dataclass
class F:
    key: str            # e.g. ref.name, c0.dob, inc.summary
    label: str
    kind: str           # text, date, tri, type, lines, paras, email, phone, gender
    shown: object       # str | list[str] | bool | None (for tri: True/False/None)
    truth: object       # canonical value (None when blank)
    blank: str = ""    # how an empty value is shown ("" or a filler token)


@dataclass
class Section:
    key: str
    title: str
    fields: list = field(default_factory=list)


@dataclass
class Form:
    vocab: str
    p: dict
    L: dict
    sections: list
    children: list       # list of list[F] (one per child) - fields also live in the child section
    agencies: list       # rows: dict(name, role, agency, contact) displayed; truth computed separately
    agency_truth: list
    record: dict
    type_key: str | None
    type_other_spec: str | None


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def phone_digits(s: str) -> str:
    s = s.strip()
    return ("+" if s.startswith("+") else "") + re.sub(r"\D", "", s)


class Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_pro = set()
        self.form_surnames = set()

    def pick(self, seq):
        return self.rng.choice(seq)

    def phone(self, p, mobile=None):
        r = self.rng
        n = r.randint(201, 989)  # 960100/960199 etc. belong to the partnerships' guidance text
        if mobile is None:
            mobile = r.random() < 0.4
        if mobile:
            return r.choice([f"07700 900{n}", f"07700900{n}", f"+44 7700 900{n}", f"07700-900-{n}"])
        pre = r.choice(p["phones"])
        if pre.startswith("01632"):
            return r.choice([f"01632 960{n}", f"(01632) 960{n}", f"01632 960 {n}"])
        if pre.startswith("0118") or pre.startswith("0117"):
            return r.choice([f"{pre}{n}", f"{pre.replace(' ', '')}{n}", f"({pre[:4]}) {pre[5:]}{n}"])
        return r.choice([f"{pre}{n}", f"{pre.replace(' ', '')}{n}"])

    def pro(self, p, kind, agency=None):
        r = self.rng
        for _ in range(80):
            g, f_ = r.choice(PRO_GIVEN), r.choice(PRO_FAMILY)
            if (g, f_) not in self.used_pro and f_ not in self.form_surnames:
                break
        self.used_pro.add((g, f_))
        self.form_surnames.add(f_)
        agency = agency or {"la": p["la"], "police": p["police"], "health": r.choice(p["health"]),
                            "school": r.choice(p["schools"])}[kind]
        dom = {"la": p["la_dom"], "police": p["police_dom"], "health": p["health_dom"],
               "school": re.sub(r"[^a-z]", "", agency.lower())[:14] + ".sch.uk"}[kind]
        title = ""
        if kind == "police":
            title = r.choice(["DS ", "DC ", "DI ", "PC "])
        name = f"{title}{g} {f_}"
        local = r.choice([f"{g}.{f_}", f"{g[0]}.{f_}", f"{g}.{f_}{r.randint(1, 9)}"]).replace("'", "").replace(" ", "")
        email = f"{local}@{dom}"
        if r.random() < 0.5:
            email_shown = email  # mixed case as typed
        else:
            email_shown = email.lower()
        return dict(name=name, agency=agency, email_shown=email_shown, email=email.lower(),
                    phone_shown=self.phone(p), kind=kind)

    def date_str(self, d):
        return fmt_date(d, self.pick(DATE_STYLES))


def set_path(rec, path, value):
    cur = rec
    for k in path[:-1]:
        cur = cur[k]
    cur[path[-1]] = value


def empty_child():
    return {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}


def empty_record():
    return {
        "form": "referral", "date_of_referral": None,
        "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
        "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None,
                              "discussed": None},
        "children": [],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }


PATHS = {
    "date_of_referral": ("date_of_referral",),
    "ref.name": ("referrer", "name"), "ref.role": ("referrer", "role"), "ref.agency": ("referrer", "agency"),
    "ref.email": ("referrer", "email"), "ref.phone": ("referrer", "phone"),
    "lead.name": ("safeguarding_lead", "name"), "lead.role": ("safeguarding_lead", "role"),
    "lead.agency": ("safeguarding_lead", "agency"), "lead.email": ("safeguarding_lead", "email"),
    "lead.phone": ("safeguarding_lead", "phone"), "lead.discussed": ("safeguarding_lead", "discussed"),
    "inc.date": ("incident", "date"), "inc.date_la_aware": ("incident", "date_la_aware"),
    "inc.location": ("incident", "location"), "inc.type": ("incident", "type"), "inc.summary": ("incident", "summary"),
    "inc.police": ("incident", "police_involved"),
    "cr.died": ("criteria", "died_or_seriously_harmed"), "cr.abuse": ("criteria", "abuse_or_neglect_suspected"),
    "cr.local": ("criteria", "local_connection"), "cr.learning": ("criteria", "multi_agency_learning"),
    "cr.reason": ("criteria", "reason"), "panel": ("panel_notified",), "panel_date": ("date_panel_notified",),
    "imm": ("immediate_concerns",),
}
CHILD_KEYS = {"c.other_names": "other_names", "c.dob": "dob", "c.age": "age", "c.gender": "gender",
              "c.ethnicity": "ethnicity", "c.address": "address", "c.school": "school", "c.gp": "gp",
              "c.legal_status": "legal_status", "c.cp_plan": "cp_plan", "c.open_to_csc": "open_to_csc",
              "c.looked_after": "looked_after", "c.disability": "disability", "c.date_of_death": "date_of_death"}


def build_form(g: Gen, vocab: str, layout: str, n_children: int = 1, blank: bool = False) -> Form:
    r = g.rng
    g.form_surnames = set()
    p, L = PARTNERSHIPS[vocab], LABELS[vocab]
    # ---- story
    type_key = r.choices(TYPE_KEYS, weights=[3, 4, 1.5, 1, 1.2])[0]
    if n_children > 1:
        type_key = r.choice(["death", "serious_harm", "serious_harm", "other"])
    scen_i = r.randrange(len(SCENARIOS[type_key]))
    scen = SCENARIOS[type_key][scen_i]
    inc = dt.date(2026, 1, 5) + dt.timedelta(days=r.randint(0, 280))
    la_aware = inc + dt.timedelta(days=r.choice([0, 0, 1, 2, 3]))
    referral = la_aware + dt.timedelta(days=r.randint(1, 6))
    panel_date = la_aware + dt.timedelta(days=r.randint(1, 5))
    town, pc = r.choice(p["towns"])
    family = r.choice(FAMILY)
    addr_lines = [f"{r.randint(1, 120)} {r.choice(STREETS)}", town, f"{pc} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
    if r.random() < 0.3:
        addr_lines.insert(0, f"Flat {r.randint(1, 12)}")
    one_line_addr = r.random() < 0.25
    children = []
    for ci in range(n_children):
        female = r.random() < 0.5
        given = r.choice(GIVEN_F if female else GIVEN_M)
        if r.random() < 0.12:
            given = given + " " + r.choice(GIVEN_F if female else GIVEN_M)
        lo, hi = AGE_RANGE[(type_key, scen_i)]
        if ci > 0:  # siblings on the children grid
            lo, hi = 0, 17
        if hi == 0:
            dob = inc - dt.timedelta(days=r.randint(30, 300))
        else:
            dob = inc - dt.timedelta(days=r.randint(lo * 366 + 1, hi * 365 + 300))
        years = (inc - dob).days // 365
        months = (inc - dob).days // 30
        age_words = f"{months} months" if years < 1 else f"{years} years"
        fam = family.upper() if r.random() < 0.15 else family
        children.append(dict(given=given, family=fam, female=female, dob=dob, years=years, age_words=age_words,
                             gender_shown=r.choice(["F", "Female", "Girl", "female"] if female else ["M", "Male", "Boy", "male"]),
                             ))
    if r.random() < 0.05:
        children[0]["gender_shown"] = "Non-binary"
    c0 = children[0]
    pron = dict(g=c0["given"].split()[0], age=c0["age_words"], pg="her" if c0["female"] else "his",
                ps="she" if c0["female"] else "he", ps_cap="She" if c0["female"] else "He",
                inc=f"{inc.day} {MONTHS[inc.month - 1]} {inc.year}")
    summary = [s.format(**pron) for s in scen]
    if r.random() < 0.3:  # stray double spaces inside a paragraph
        summary[0] = summary[0].replace(". ", ".  ", 1)
    died = type_key in ("death", "lac_death", "care_leaver_death")
    harm = "died" if died else "been seriously harmed"
    abuse_known = r.choice([True, True, None])
    reason = r.choice(REASONS).format(g=pron["g"], harm=harm, harm_short="the child has " + harm,
                                      abuse="neglect is suspected" if died else "abuse is suspected",
                                      topic=r.choice(TOPICS))
    imm = r.choice(IMMEDIATE).format(sib=r.choice(SIBS))
    imm = imm[0].upper() + imm[1:]

    # ---- people
    ref_kind = r.choice(["la", "police", "health", "health", "school"])
    ref = g.pro(p, ref_kind)
    ref["role"] = r.choice(ROLES[ref_kind]) if r.random() < 0.85 else None
    if ref_kind == "police" and ref["role"] and ref["role"].startswith("Detective"):
        ref["name"] = "DS " + ref["name"].split(" ", 1)[1] if ref["name"][:3] in ("DC ", "PC ", "DI ") else ref["name"]
    lead = g.pro(p, ref_kind, agency=ref["agency"] if (ref_kind == "school" or r.random() < 0.85) else None)
    lead["role"] = r.choice(LEAD_ROLES[ref_kind])
    discussed = r.choice([True, True, True, False, None])

    # ---- agencies table
    agencies_disp, agencies_truth = [], []
    for kind in r.sample(["la", "police", "health", "school", "health"], r.randint(0, 5)):
        a = g.pro(p, kind)
        how = r.choice(["phone", "email", "both"])
        contact = {"phone": a["phone_shown"], "email": a["email_shown"],
                   "both": f"{a['phone_shown']} / {a['email_shown']}"}[how]
        nameless = r.random() < 0.12
        role = r.choice(ROLES[kind])
        if nameless:
            agency = a["agency"] + (" - duty desk" if kind != "school" else "")
            agencies_disp.append(dict(name=r.choice(["", "-", "n/a"]), role=role, agency=agency, contact=contact))
            agencies_truth.append(dict(name=None, agency=agency, contact=contact))
        else:
            agencies_disp.append(dict(name=a["name"], role=role, agency=a["agency"], contact=contact))
            agencies_truth.append(dict(name=a["name"], agency=a["agency"], contact=contact))

    # ---- fields
    def fill(v):
        return r.choice(["", "", r.choice(FILLERS)]) if v is None else None

    def text_f(key, value, kind="text", truth=None, label=None):
        lab = label or L[key]
        if value is None:
            return F(key, lab, kind, None, None, blank=fill(None))
        if truth is None:
            truth = value
        return F(key, lab, kind, value, truth)

    def maybe(v, prob):
        return v if r.random() < prob else None

    def date_f(key, d, prob=1.0, label=None):
        if d is None or r.random() >= prob:
            return text_f(key, None, "date", label=label)
        return F(key, label or L[key], "date", g.date_str(d), d.isoformat())

    def tri_f(key, v, label=None):
        return F(key, label or L[key], "tri", v, v)

    def email_f(key, shown):
        if shown is None:
            return text_f(key, None)
        return F(key, L[key], "email", shown, shown.lower())

    def phone_f(key, shown):
        if shown is None:
            return text_f(key, None)
        return F(key, L[key], "phone", shown, phone_digits(shown))

    secs = []
    s = Section("ref", L["sec_ref"], [
        date_f("date_of_referral", referral),
        text_f("ref.name", ref["name"]), text_f("ref.role", ref["role"]), text_f("ref.agency", ref["agency"]),
        email_f("ref.email", maybe(ref["email_shown"], 0.9)), phone_f("ref.phone", maybe(ref["phone_shown"], 0.9))])
    secs.append(s)
    s = Section("lead", L["sec_lead"], [
        text_f("lead.name", lead["name"]), text_f("lead.role", maybe(lead["role"], 0.85)),
        text_f("lead.agency", lead["agency"]), email_f("lead.email", maybe(lead["email_shown"], 0.85)),
        phone_f("lead.phone", maybe(lead["phone_shown"], 0.8)), tri_f("lead.discussed", discussed)])
    secs.append(s)

    ch_fields = []
    child_truths = []
    split_name = vocab != "marches" or r.random() < 0.5
    legal = r.choice(LEGAL[type_key])
    cp = r.choice([True, False, False, None]) if type_key != "care_leaver_death" else r.choice([True, False])
    csc = True if type_key in ("lac_death", "care_leaver_death") else r.choice([True, False, None])
    if type_key == "other":
        legal = LEGAL["other"][{0: 0, 1: 2}[scen_i]]
    if legal == "Not open to CSC":
        csc = False
    if legal.startswith("Child Protection Plan"):
        cp, csc = True, True
    if legal.startswith("Child in Need") and csc is False:
        csc = True
    lac = {"lac_death": True, "care_leaver_death": False}.get(type_key, r.choice([False, False, None]))
    if type_key == "other" and scen_i == 1:
        lac = True
    ethnicity = r.choice(ETHNICITIES) if r.random() < 0.85 else None
    def school_for(years):
        if years < 5:
            pool = [x for x in p["schools"] if "Nursery" in x or "Pre-School" in x]
        elif years < 11:
            pool = [x for x in p["schools"] if any(k in x for k in ("Primary", "Infant", "Ysgol"))]
        else:
            pool = [x for x in p["schools"] if not any(k in x for k in ("Primary", "Infant", "Ysgol", "Nursery", "Pre-School"))]
        return r.choice(pool)
    school = school_for(c0["years"]) if type_key != "care_leaver_death" and r.random() < 0.85 else None
    gp = r.choice(p["gps"]) if r.random() < 0.9 else None
    for ci, c in enumerate(children):
        fl = []
        ct = empty_child()
        pre = f"c{ci}"
        if split_name:
            name_fields = [F(pre + ".given", L["c.given"], "text", c["given"], None),
                           F(pre + ".family", L["c.family"], "text", c["family"], None)]
            if vocab == "kennet":  # family name printed first
                name_fields.reverse()
            fl.extend(name_fields)
        else:
            fl.append(F(pre + ".full", L["c.full"], "text", f"{c['given']} {c['family']}", None))
        ct["name"] = f"{c['given']} {c['family']}"
        other = f"{c['given'].split()[0]} {r.choice(FAMILY)}" if r.random() < 0.15 else None
        fl.append(text_f(pre + ".other_names", other, label=L["c.other_names"]))
        no_dob = r.random() < 0.12
        if no_dob:
            fl.append(text_f(pre + ".dob", None, "date", label=L["c.dob"]))
            agev = r.choice([str(c["years"]), f"{c['years']} years", f"approx. {c['years']}"]) if c["years"] else c["age_words"]
            fl.append(text_f(pre + ".age", agev, label=L["c.age"]))
        else:
            fl.append(F(pre + ".dob", L["c.dob"], "date", g.date_str(c["dob"]), c["dob"].isoformat()))
            fl.append(text_f(pre + ".age", None, label=L["c.age"]))
        gshown = c["gender_shown"]
        gtruth = {"f": "female", "female": "female", "girl": "female", "m": "male", "male": "male",
                  "boy": "male"}.get(gshown.lower(), "other")
        fl.append(F(pre + ".gender", L["c.gender"], "gender", gshown, gtruth))
        fl.append(text_f(pre + ".ethnicity", ethnicity, label=L["c.ethnicity"]))
        if one_line_addr:
            fl.append(F(pre + ".address", L["c.address"], "text", ", ".join(addr_lines), ", ".join(addr_lines)))
        else:
            fl.append(F(pre + ".address", L["c.address"], "lines", list(addr_lines), ", ".join(addr_lines)))
        fl.append(text_f(pre + ".school", (school if ci == 0 else school_for(c["years"])) if school and c["years"] >= 3 else None, label=L["c.school"]))
        fl.append(text_f(pre + ".gp", gp, label=L["c.gp"]))
        fl.append(text_f(pre + ".legal_status", legal if r.random() < 0.85 else None, label=L["c.legal_status"]))
        fl.append(tri_f(pre + ".cp_plan", cp, label=L["c.cp_plan"]))
        fl.append(tri_f(pre + ".open_to_csc", csc, label=L["c.open_to_csc"]))
        fl.append(tri_f(pre + ".looked_after", lac, label=L["c.looked_after"]))
        dis = r.choice(DISABILITIES) if r.random() < 0.25 else None
        fl.append(text_f(pre + ".disability", dis, label=L["c.disability"]))
        dod = inc if died and ci == 0 else None
        fl.append(date_f(pre + ".date_of_death", dod, prob=0.9, label=L["c.date_of_death"]))
        for f_ in fl:
            k = f_.key.split(".", 1)[1]
            if "c." + k in CHILD_KEYS:
                ct[CHILD_KEYS["c." + k]] = f_.truth
        ch_fields.append(fl)
        child_truths.append(ct)
    secs.append(Section("child", L["sec_child"], [f_ for fl in ch_fields for f_ in fl]))

    type_label = p["type_options"][TYPE_KEYS.index(type_key)]
    other_spec = OTHER_SPEC.get(scen_i) if type_key == "other" else None
    inc_fields = [date_f("inc.date", inc, prob=0.95)]
    if L["inc.date_la_aware"]:
        inc_fields.append(date_f("inc.date_la_aware", la_aware, prob=0.85))
    location = r.choice({"death": ["Family home", "Home address", "Grandparents' home"],
                         "serious_harm": ["Family home", "Home address", f"Park near home, {town}", "Mother's flat"],
                         "lac_death": [f"Residential children's home, {town}", "Children's home (out of area)"],
                         "care_leaver_death": [f"Supported accommodation, {town}", "Own tenancy"],
                         "other": ["Private foster carer's home", "Youth detention accommodation"]}[type_key])
    inc_fields += [text_f("inc.location", maybe(location, 0.9)),
                   F("inc.type", L["inc.type"], "type", type_label, type_key),
                   F("inc.summary", L["inc.summary"], "paras", summary, "\n\n".join(collapse(x) for x in summary)),
                   tri_f("inc.police", r.choice([True, True, True, False, None]))]
    secs.append(Section("inc", L["sec_inc"], inc_fields))
    secs.append(Section("crit", L["sec_crit"], [
        tri_f("cr.died", r.choice([True, True, True, None])), tri_f("cr.abuse", abuse_known),
        tri_f("cr.local", r.choice([True, True, None, False])), tri_f("cr.learning", r.choice([True, True, None])),
        F("cr.reason", L["cr.reason"], "paras", [reason], collapse(reason)) if r.random() < 0.95
        else text_f("cr.reason", None)]))
    panel = r.choice([True, False, None, True])
    secs.append(Section("panel", L["sec_panel"], [
        tri_f("panel", panel), date_f("panel_date", panel_date if panel else None)]))
    secs.append(Section("imm", L["sec_imm"], [text_f("imm", maybe(imm, 0.9))]))

    # ---- truth record
    rec = empty_record()
    for s in secs:
        for f_ in s.fields:
            if f_.key in PATHS:
                set_path(rec, PATHS[f_.key], f_.truth)
    rec["children"] = child_truths
    rec["agencies_involved"] = agencies_truth
    if type_key == "other" and other_spec:
        pass
    return Form(vocab, p, L, secs, ch_fields, agencies_disp, agencies_truth, rec, type_key, other_spec)


def blank_form(form: Form) -> Form:
    """Same form with every answer left empty (the empty_form bad input)."""
    for s in form.sections:
        for f_ in s.fields:
            f_.shown, f_.truth, f_.blank = None, None, ""
    form.agencies = []
    form.type_key = None
    form.record = None
    return form


# --------------------------------------------------------------------------------------
# Presentation helpers shared by layouts
# --------------------------------------------------------------------------------------

def tri_text(v, r, style=None):
    style = style or r.choice(["Yes/No", "YES/NO", "Y/N", "yes/no"])
    if v is None:
        return r.choice(["", "", "Not known", "Unknown"]) if style != "blank" else ""
    yes, no = {"Yes/No": ("Yes", "No"), "YES/NO": ("YES", "NO"), "Y/N": ("Y", "N"), "yes/no": ("yes", "no")}[style]
    return yes if v else no


def glyph_pair(v):
    return f"{'☒' if v is True else '☐'} Yes   {'☒' if v is False else '☐'} No"


def type_text(form: Form, r, glyph=None):
    opts = form.p["type_options"]
    if glyph is None:
        glyph = r.random() < 0.4
    if form.type_key is None:  # blank form: every option unticked
        return "   ".join("☐ " + o for o in opts) if glyph else ""
    chosen = opts[TYPE_KEYS.index(form.type_key)]
    if glyph:
        return "   ".join(("☒ " if o == chosen else "☐ ") + o for o in opts)
    if form.type_key == "other" and form.type_other_spec:
        return f"Other - {form.type_other_spec}"
    return chosen


def value_lines(f_: F) -> list[str]:
    """Value as a list of lines/paragraphs (empty list when blank)."""
    if f_.shown is None:
        return [f_.blank] if f_.blank else []
    if isinstance(f_.shown, list):
        return list(f_.shown)
    return [str(f_.shown)]


def value_text(f_: F, sep=", ") -> str:
    return sep.join(value_lines(f_))


def add_trailing(s: str, r) -> str:
    return s + ("  " if s and r.random() < 0.15 else "")


# --------------------------------------------------------------------------------------
# Word helpers
# --------------------------------------------------------------------------------------

def docx_base(form: Form, r, landscape=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = r.choice(["Arial", "Calibri", "Verdana"])
    st.font.size = Pt(10)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    hp = sec.header.paragraphs[0]
    hp.text = "OFFICIAL - SENSITIVE"
    hp.runs[0].bold = True
    hp.alignment = 1
    fp = sec.footer.paragraphs[0]
    fp.alignment = 1
    fp.add_run(form.p["title"] + "    Page ")
    add_field(fp, "PAGE", "1")
    fp.add_run(" of ")
    add_field(fp, "NUMPAGES", "3")
    cp = doc.core_properties
    cp.author = form.p["title"]
    cp.title = form.p["form_title"]
    cp.created = cp.modified = dt.datetime(2026, 1, 1, 9, 0, 0)
    cp.last_modified_by = "Business Unit"
    cp.revision = 1
    return doc


def add_field(par, instr, shown):
    run = par.add_run()
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); run._r.append(b)
    run = par.add_run()
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {instr} "; run._r.append(it)
    run = par.add_run()
    s = OxmlElement("w:fldChar"); s.set(qn("w:fldCharType"), "separate"); run._r.append(s)
    par.add_run(shown)
    run = par.add_run()
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); run._r.append(e)


def shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def cell_write(cell, lines, bold=False, size=None, breaks=False):
    """Write lines into a cell: separate paragraphs (default) or line breaks."""
    cell.text = ""
    p = cell.paragraphs[0]
    if not lines:
        return
    if breaks:
        for i, ln in enumerate(lines):
            run = p.add_run(ln)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break()
        return
    for i, ln in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        run = p.add_run(ln)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def heading_par(doc, text, size=12, color="1F3864"):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.color.rgb = RGBColor.from_string(color)
    return p


def intro(doc, form: Form, r):
    heading_par(doc, form.p["title"], 14)
    heading_par(doc, form.p["form_title"], 12, "000000")
    gp = doc.add_paragraph(form.p["guidance"])
    gp.runs[0].italic = True
    if r.random() < 0.6:
        doc.add_paragraph(form.p["guidance2"]).runs[0].italic = True


def office_use_table(doc, r):
    heading_par(doc, r.choice(["For partnership use only", "OFFICE USE ONLY", "Business unit use"]), 10, "000000")
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for lab in r.sample(["Date received", "Reference", "Received by", "Decision (RR / no RR)", "Date of RR meeting"], 3):
        row = t.add_row().cells
        row[0].text = lab
        row[1].text = ""
    return t


def save_docx(doc, path: Path):
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))


def tri_label_value(f_: F, r, style):
    return tri_text(f_.shown, r, style)


def cell_value_lines(f_: F, form: Form, r, tri_style, glyph_type=None) -> list[str]:
    if f_.kind == "tri":
        v = tri_text(f_.shown, r, tri_style)
        return [v] if v else []
    if f_.kind == "type":
        return [type_text(form, r, glyph_type)]
    vals = value_lines(f_)
    return [add_trailing(v, r) for v in vals]


# --------------------------------------------------------------------------------------
# Layout A: one wide 6-column table, merged section headings, three label|value pairs a row
# --------------------------------------------------------------------------------------

LONG_KINDS = ("paras", "lines")


def is_long(f_: F) -> bool:
    return f_.kind in LONG_KINDS or f_.kind in ("tri", "type") or len(f_.label) > 40 or \
        (isinstance(f_.shown, str) and len(f_.shown) > 38)


def layout_A(form: Form, r, path: Path):
    doc = docx_base(form, r)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.2)
    intro(doc, form, r)
    t = doc.add_table(rows=0, cols=6)
    t.style = "Table Grid"
    tri_style = r.choice(["Yes/No", "YES/NO", "Y/N"])
    glyph_type = r.random() < 0.5

    def head(title):
        cells = t.add_row().cells
        m = cells[0].merge(cells[5])
        cell_write(m, [title.upper() if r.random() < 0.3 else title], bold=True)
        shade(m, "BDD7EE")

    for s in form.sections:
        head(s.title)
        short = [f_ for f_ in s.fields if not is_long(f_)]
        longs = [f_ for f_ in s.fields if is_long(f_)]
        order = [f_ for f_ in s.fields]
        # keep the section's order but pack consecutive short fields three to a row
        i = 0
        while i < len(order):
            f_ = order[i]
            if is_long(f_):
                cells = t.add_row().cells
                if f_.kind in ("tri",) or (f_.kind == "type" and not glyph_type):
                    lab = cells[0].merge(cells[3]); val = cells[4].merge(cells[5])
                else:
                    lab = cells[0]; val = cells[1].merge(cells[5])
                cell_write(lab, [f_.label], bold=True)
                shade(lab, "F2F2F2")
                cell_write(val, cell_value_lines(f_, form, r, tri_style, glyph_type),
                           breaks=(f_.kind == "lines" and r.random() < 0.5))
                i += 1
                continue
            group = []
            while i < len(order) and not is_long(order[i]) and len(group) < 3:
                group.append(order[i]); i += 1
            cells = t.add_row().cells
            for j, g_ in enumerate(group):
                cell_write(cells[2 * j], [g_.label], bold=True)
                shade(cells[2 * j], "F2F2F2")
                cell_write(cells[2 * j + 1], cell_value_lines(g_, form, r, tri_style))
            if len(group) < 3:
                cells[2 * len(group)].merge(cells[5])
        if s.key == "imm":
            pass
        if s.key == "panel":
            head(form.L["sec_ag"])
            cols = form.L["ag_cols"]
            cells = t.add_row().cells
            hdr = [cells[0].merge(cells[1]), cells[2].merge(cells[3]), cells[4].merge(cells[5])]
            for c, txt in zip(hdr, cols):
                cell_write(c, [txt], bold=True); shade(c, "F2F2F2")
            rows = form.agencies + [None] * r.randint(1, 2)
            for a in rows:
                cells = t.add_row().cells
                cs = [cells[0].merge(cells[1]), cells[2].merge(cells[3]), cells[4].merge(cells[5])]
                if a:
                    for c, txt in zip(cs, [a["name"], a["agency"], a["contact"]]):
                        cell_write(c, [txt] if txt else [])
    doc.add_paragraph()
    office_use_table(doc, r)
    save_docx(doc, path)


# --------------------------------------------------------------------------------------
# Layout B: bold question paragraph, answer in a one-cell bordered table below it
# --------------------------------------------------------------------------------------

def answer_box(doc, lines, breaks=False):
    t = doc.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    cell_write(t.rows[0].cells[0], lines, breaks=breaks)
    return t


def layout_B(form: Form, r, path: Path):
    doc = docx_base(form, r)
    intro(doc, form, r)
    tri_mode = r.choice(["text", "glyph"])
    tri_style = r.choice(["Yes/No", "YES/NO"])
    number = r.random() < 0.5
    qn_ = 0
    for si, s in enumerate(form.sections):
        heading_par(doc, (f"Section {si + 1}: " if number else "") + s.title, 12)
        for f_ in s.fields:
            qn_ += 1
            p = doc.add_paragraph()
            run = p.add_run((f"{qn_}. " if number and r.random() < 0.0 else "") + f_.label)
            run.bold = True
            p.paragraph_format.space_after = Pt(2)
            if f_.kind == "tri":
                if tri_mode == "glyph":
                    lines = [glyph_pair(f_.shown)]
                else:
                    v = tri_text(f_.shown, r, tri_style)
                    lines = [v] if v else []
            else:
                lines = cell_value_lines(f_, form, r, tri_style)
            answer_box(doc, lines, breaks=(f_.kind == "lines" and r.random() < 0.4))
            doc.add_paragraph().paragraph_format.space_after = Pt(0)
        if s.key == "panel":
            heading_par(doc, (f"Section {si + 1}a: " if number else "") + form.L["sec_ag"], 12)
            p = doc.add_paragraph()
            p.add_run("Please list the professionals currently or previously involved with the child.").italic = True
            cols = form.L["ag_cols"]
            with_role = r.random() < 0.5
            hdr = [cols[0], "Role", cols[1], cols[2]] if with_role else cols
            t = doc.add_table(rows=1, cols=len(hdr))
            t.style = "Table Grid"
            for c, txt in zip(t.rows[0].cells, hdr):
                cell_write(c, [txt], bold=True)
            for a in form.agencies + [None] * r.randint(1, 3):
                cells = t.add_row().cells
                if a:
                    vals = [a["name"], a["role"], a["agency"], a["contact"]] if with_role else \
                        [a["name"], a["agency"], a["contact"]]
                    for c, txt in zip(cells, vals):
                        cell_write(c, [txt] if txt else [])
            doc.add_paragraph()
    office_use_table(doc, r)
    save_docx(doc, path)


# --------------------------------------------------------------------------------------
# Layout C: reportlab text-only PDF, "Label ........ value" with dot leaders or gaps
# --------------------------------------------------------------------------------------

class TextPDF:
    """Tiny line-layout engine: collect drawing ops per page, then draw with page x of y."""

    def __init__(self, title):
        self.pages = [[]]
        self.y = 0
        self.top, self.bottom = 780, 60
        self.y = self.top
        self.title = title

    def need(self, h):
        if self.y - h < self.bottom:
            self.pages.append([])
            self.y = self.top

    def text(self, x, s, font="Helvetica", size=9):
        self.pages[-1].append((x, self.y, s, font, size))

    def nl(self, h=12):
        self.y -= h

    def draw(self, path: Path, footer_title):
        c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setTitle(self.title)
        c.setAuthor(footer_title)
        n = len(self.pages)
        for i, ops in enumerate(self.pages):
            c.setFont("Helvetica-Bold", 9)
            c.drawCentredString(A4[0] / 2, 810, "OFFICIAL - SENSITIVE")
            c.setFont("Helvetica", 8)
            c.drawCentredString(A4[0] / 2, 30, f"{footer_title} - Page {i + 1} of {n}")
            c.drawCentredString(A4[0] / 2, 20, "OFFICIAL - SENSITIVE")
            for x, y, s, font, size in ops:
                c.setFont(font, size)
                c.drawString(x, y, s)
            c.showPage()
        c.save()


def layout_C(form: Form, r, path: Path):
    pdf = TextPDF(form.p["form_title"])
    X0, VX = 50, r.choice([230, 250, 270])
    W = A4[0] - 2 * X0
    leader = r.choice(["dots", "gap", "dots", "colon"])
    size = 9
    tri_style = r.choice(["Yes/No", "YES/NO", "Y/N"])

    def para(s, font="Helvetica", sz=9, x=X0, width=W, gap=12):
        for ln in simpleSplit(s, font, sz, width):
            pdf.need(gap)
            pdf.text(x, ln, font, sz)
            pdf.nl(gap)

    para(form.p["title"], "Helvetica-Bold", 13, gap=16)
    para(form.p["form_title"], "Helvetica-Bold", 11, gap=15)
    pdf.nl(4)
    para(form.p["guidance"], "Helvetica-Oblique", 8, gap=10)
    para(form.p["guidance2"], "Helvetica-Oblique", 8, gap=10)
    pdf.nl(8)

    def label_str(lab, vx):
        if leader == "colon":
            return lab if lab.endswith("?") else lab + ":"
        if leader == "gap":
            return lab
        s = lab + " "
        while stringWidth(s + ".", "Helvetica", size) < vx - X0 - 6:
            s += "."
        return s

    def pair(lab, val, vx=VX):
        # label wraps over several lines if needed; value on the last label line
        lab_lines = simpleSplit(lab, "Helvetica", size, vx - X0 - 30)
        pdf.need(12 * len(lab_lines))
        for ln in lab_lines[:-1]:
            pdf.text(X0, ln, "Helvetica", size); pdf.nl(12)
        pdf.text(X0, label_str(lab_lines[-1], vx), "Helvetica", size)
        if val:
            vlines = simpleSplit(val, "Helvetica", size, A4[0] - X0 - vx)
            for k, vl in enumerate(vlines):
                if k:
                    pdf.nl(12); pdf.need(12)
                pdf.text(vx, vl, "Helvetica", size)
        pdf.nl(14)

    for s in form.sections:
        pdf.need(40)
        pdf.nl(6)
        pdf.text(X0, s.title.upper() if r.random() < 0.5 else s.title, "Helvetica-Bold", 10)
        pdf.nl(16)
        for f_ in s.fields:
            if f_.kind == "paras":
                pdf.need(24)
                pdf.text(X0, f_.label, "Helvetica", size); pdf.nl(13)
                vals = value_lines(f_)
                for k, v in enumerate(vals):
                    if k:
                        pdf.nl(8)  # vertical gap between paragraphs
                    para(v, x=X0 + 14, width=W - 14)
                if not vals:
                    pdf.nl(12)
                pdf.nl(4)
            elif f_.kind == "lines":
                lines = value_lines(f_)
                pdf.need(12 * max(1, len(lines)) + 2)
                pdf.text(X0, label_str(f_.label, VX), "Helvetica", size)
                for k, ln in enumerate(lines):
                    if k:
                        pdf.nl(12)
                    pdf.text(VX, ln, "Helvetica", size)
                pdf.nl(14)
            elif f_.kind == "tri":
                pair(f_.label, tri_text(f_.shown, r, tri_style), vx=max(VX, 400))
            elif f_.kind == "type":
                glyphless = r.random() < 0.6
                if glyphless:
                    pair(f_.label, type_text(form, r, glyph=False))
                else:
                    opts = form.p["type_options"]
                    chosen = opts[TYPE_KEYS.index(form.type_key)]
                    pdf.need(14 * len(opts))
                    pdf.text(X0, f_.label + " (mark one with X)", "Helvetica", size); pdf.nl(13)
                    for o in opts:
                        pdf.text(X0 + 14, ("[X] " if o == chosen else "[  ] ") + o, "Helvetica", size)
                        pdf.nl(12)
                    pdf.nl(3)
            else:
                pair(f_.label, value_text(f_))
        if s.key == "panel":
            pdf.need(60)
            pdf.nl(6)
            pdf.text(X0, form.L["sec_ag"], "Helvetica-Bold", 10); pdf.nl(16)
            cols = form.L["ag_cols"]
            xs = [X0, X0 + 150, X0 + 330]
            for x, h in zip(xs, cols):
                pdf.text(x, h, "Helvetica-Bold", size)
            pdf.nl(13)
            if not form.agencies:
                pdf.text(X0, "", "Helvetica", size)
            for a in form.agencies:
                cells = [a["name"], a["agency"], a["contact"]]
                wrapped = [simpleSplit(v or "", "Helvetica", 8, w) for v, w in zip(cells, [145, 175, 170])]
                h = max(len(w) for w in wrapped) or 1
                pdf.need(11 * h + 4)
                y0 = pdf.y
                for x, wl in zip(xs, wrapped):
                    pdf.y = y0
                    for ln in wl:
                        pdf.text(x, ln, "Helvetica", 8); pdf.nl(11)
                pdf.y = y0 - 11 * h - 4
            pdf.nl(6)
    pdf.need(60)
    pdf.nl(10)
    pdf.text(X0, "For office use only", "Helvetica-Bold", 10); pdf.nl(16)
    for lab in ["Date received", "Reference", "Rapid Review decision"]:
        pdf.text(X0, label_str(lab, VX) if leader == "dots" else lab + ":", "Helvetica", size); pdf.nl(14)
    pdf.draw(path, form.p["title"])


# --------------------------------------------------------------------------------------
# Layout D: Word paragraphs with tab stops (label <tab> value), some answers on the next line
# --------------------------------------------------------------------------------------

def layout_D(form: Form, r, path: Path):
    doc = docx_base(form, r)
    intro(doc, form, r)
    stop = Cm(r.choice([6.5, 7.0, 8.0]))
    lead_dots = r.random() < 0.5
    colon = r.random() < 0.5
    tri_style = r.choice(["Yes/No", "Y/N", "YES/NO"])

    def tab_par(label, value):
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(stop, WD_TAB_ALIGNMENT.LEFT,
                                                  WD_TAB_LEADER.DOTS if lead_dots else WD_TAB_LEADER.SPACES)
        p.paragraph_format.space_after = Pt(3)
        lr = p.add_run(label + (":" if colon and not label.endswith("?") else ""))
        lr.bold = r.random() < 0.0
        p.add_run("\t" + value)
        return p

    def next_line(label, values):
        p = doc.add_paragraph()
        p.add_run(label + (":" if colon and not label.endswith("?") else "")).bold = False
        p.paragraph_format.space_after = Pt(1)
        for v in values:
            q = doc.add_paragraph(v)
            q.paragraph_format.left_indent = Cm(1.0)
            q.paragraph_format.space_after = Pt(3)
        if not values:
            doc.add_paragraph().paragraph_format.left_indent = Cm(1.0)

    for s in form.sections:
        h = heading_par(doc, s.title, 11)
        h.paragraph_format.space_before = Pt(10)
        for f_ in s.fields:
            if f_.kind == "paras":
                next_line(f_.label, [add_trailing(v, r) for v in value_lines(f_)])
            elif f_.kind == "lines":
                lines = value_lines(f_)
                if r.random() < 0.5:
                    next_line(f_.label, lines)
                else:  # first line after the tab, the rest on following lines aligned by a tab
                    tab_par(f_.label, lines[0] if lines else "")
                    for ln in lines[1:]:
                        p = doc.add_paragraph()
                        p.paragraph_format.tab_stops.add_tab_stop(stop)
                        p.paragraph_format.space_after = Pt(3)
                        p.add_run("\t" + ln)
            elif f_.kind == "tri":
                v = tri_text(f_.shown, r, tri_style)
                if len(f_.label) > 45 and r.random() < 0.5:
                    next_line(f_.label, [v] if v else [])
                else:
                    tab_par(f_.label, v)
            elif f_.kind == "type":
                tab_par(f_.label, type_text(form, r, glyph=False))
            else:
                v = value_text(f_)
                if len(f_.label) > 45:
                    next_line(f_.label, [v] if v else [])
                else:
                    tab_par(f_.label, add_trailing(v, r))
        if s.key == "panel":
            h = heading_par(doc, form.L["sec_ag"], 11)
            h.paragraph_format.space_before = Pt(10)
            cols = form.L["ag_cols"]
            stops = [Cm(5.0), Cm(11.0)]

            def row_par(vals, bold=False):
                p = doc.add_paragraph()
                for st in stops:
                    p.paragraph_format.tab_stops.add_tab_stop(st)
                p.paragraph_format.space_after = Pt(2)
                run = p.add_run("\t".join(vals))
                run.bold = bold
            row_par(cols, True)
            for a in form.agencies:
                row_par([a["name"] or "-", a["agency"], a["contact"]])
    doc.add_paragraph()
    office_use_table(doc, r)
    save_docx(doc, path)


# --------------------------------------------------------------------------------------
# Layout E: two-column label|value tables per section, every yes/no in a Y | N | N/K grid
# --------------------------------------------------------------------------------------

def layout_E(form: Form, r, path: Path):
    doc = docx_base(form, r)
    intro(doc, form, r)
    marks = r.choice([["X"], ["x"], ["✓"], ["X", "x"], ["✔"]])
    nk_head = r.choice(["N/K", "N/K", "Not known"])
    for s in form.sections:
        heading_par(doc, s.title, 11)
        plain = [f_ for f_ in s.fields if f_.kind not in ("tri", "type")]
        tris = [f_ for f_ in s.fields if f_.kind == "tri"]
        types = [f_ for f_ in s.fields if f_.kind == "type"]
        if plain:
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for f_ in plain:
                cells = t.add_row().cells
                cell_write(cells[0], [f_.label], bold=True)
                cell_write(cells[1], [add_trailing(v, r) for v in value_lines(f_)],
                           breaks=(f_.kind == "lines" and r.random() < 0.5))
        for f_ in types:
            doc.add_paragraph(f_.label + " (mark one)").runs[0].bold = True
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            chosen = TYPE_KEYS.index(form.type_key) if form.type_key else None
            for k, o in enumerate(form.p["type_options"]):
                cells = t.add_row().cells
                cells[0].text = o
                cells[1].text = r.choice(marks) if k == chosen else ""
        if tris:
            doc.add_paragraph()
            t = doc.add_table(rows=1, cols=4)
            t.style = "Table Grid"
            for c, h in zip(t.rows[0].cells, ["", "Y", "N", nk_head]):
                cell_write(c, [h], bold=True)
            for f_ in tris:
                cells = t.add_row().cells
                cells[0].text = f_.label
                v = f_.shown
                col = {True: 1, False: 2, None: r.choice([3, 3, None])}[v]
                if col:
                    cells[col].text = r.choice(marks)
        doc.add_paragraph()
        if s.key == "panel":
            heading_par(doc, form.L["sec_ag"], 11)
            cols = form.L["ag_cols"]
            t = doc.add_table(rows=1, cols=3)
            t.style = "Table Grid"
            for c, h in zip(t.rows[0].cells, cols):
                cell_write(c, [h], bold=True)
            for a in form.agencies + [None] * r.randint(1, 3):
                cells = t.add_row().cells
                if a:
                    for c, txt in zip(cells, [a["name"], a["agency"], a["contact"]]):
                        c.text = txt
            doc.add_paragraph()
    office_use_table(doc, r)
    save_docx(doc, path)


# --------------------------------------------------------------------------------------
# Layout F: transposed people table, children table with one column per child
# --------------------------------------------------------------------------------------

def layout_F(form: Form, r, path: Path):
    doc = docx_base(form, r)
    intro(doc, form, r)
    tri_style = r.choice(["Yes/No", "YES/NO", "Y/N"])
    secs = {s.key: s for s in form.sections}
    # people: one table, rows = attribute, columns = referrer | safeguarding lead
    heading_par(doc, "Referrer and safeguarding lead", 11)
    ref = secs["ref"].fields
    lead = secs["lead"].fields
    dor = ref[0]
    p = doc.add_paragraph()
    p.add_run(dor.label + ": ").bold = True
    p.add_run(value_text(dor))
    rows = [("Name", ref[1], lead[0]), ("Role / job title", ref[2], lead[1]), ("Agency", ref[3], lead[2]),
            ("Email", ref[4], lead[3]), ("Telephone", ref[5], lead[4])]
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["", form.L["sec_ref"], form.L["sec_lead"]]):
        cell_write(c, [h], bold=True); shade(c)
    for lab, a, b in rows:
        cells = t.add_row().cells
        cell_write(cells[0], [lab], bold=True)
        cell_write(cells[1], value_lines(a))
        cell_write(cells[2], value_lines(b))
    p = doc.add_paragraph()
    p.add_run(lead[5].label + "  ").bold = True
    p.add_run(tri_text(lead[5].shown, r, tri_style))

    # children grid
    heading_par(doc, secs["child"].title, 11)
    n = len(form.children)
    t = doc.add_table(rows=1, cols=n + 1)
    t.style = "Table Grid"
    hdrs = [""] + [f"Child {chr(65 + i)}" for i in range(n)]
    for c, h in zip(t.rows[0].cells, hdrs):
        cell_write(c, [h], bold=True); shade(c)
    cells = t.add_row().cells
    cell_write(cells[0], [form.L["subject"]], bold=True)
    for i in range(n):
        cell_write(cells[i + 1], [tri_text(True, r, tri_style)])
    for k in range(len(form.children[0])):
        cells = t.add_row().cells
        f0 = form.children[0][k]
        cell_write(cells[0], [f0.label], bold=True)
        for i in range(n):
            f_ = form.children[i][k]
            if f_.kind == "tri":
                v = tri_text(f_.shown, r, tri_style)
                cell_write(cells[i + 1], [v] if v else [])
            else:
                cell_write(cells[i + 1], value_lines(f_), breaks=(f_.kind == "lines" and r.random() < 0.5))
    if r.random() < 0.6:
        p = doc.add_paragraph()
        p.add_run("Other members of the household (not subject of this referral)").bold = True
        ht = doc.add_table(rows=1, cols=4)
        ht.style = "Table Grid"
        for c, h in zip(ht.rows[0].cells, ["Name", "Relationship", "Date of birth", "Address if different"]):
            cell_write(c, [h], bold=True)
        for rel in r.sample(["Mother", "Father", "Stepfather", "Mother's partner", "Maternal grandmother"], 2):
            cells = ht.add_row().cells
            fam = next((f_.shown for f_ in form.children[0] if f_.key.endswith(".family")), None) or r.choice(FAMILY)
            cells[0].text = f"{r.choice(PRO_GIVEN)} {fam}"
            cells[1].text = rel
            cells[2].text = fmt_date(dt.date(r.randint(1975, 1999), r.randint(1, 12), r.randint(1, 28)),
                                     r.choice(DATE_STYLES))
    # incident, criteria, panel, immediate: two-column tables
    for key in ("inc", "crit", "panel", "imm"):
        s = secs[key]
        heading_par(doc, s.title, 11)
        t = doc.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for f_ in s.fields:
            cells = t.add_row().cells
            cell_write(cells[0], [f_.label], bold=True)
            cell_write(cells[1], cell_value_lines(f_, form, r, tri_style))
        if key == "panel":
            heading_par(doc, form.L["sec_ag"], 11)
            cols = form.L["ag_cols"]
            at = doc.add_table(rows=1, cols=4)
            at.style = "Table Grid"
            for c, h in zip(at.rows[0].cells, ["Role", cols[0], cols[1], cols[2]]):
                cell_write(c, [h], bold=True)
            for a in form.agencies + [None] * r.randint(1, 2):
                cells = at.add_row().cells
                if a:
                    for c, txt in zip(cells, [a["role"], a["name"], a["agency"], a["contact"]]):
                        c.text = txt
    doc.add_paragraph()
    office_use_table(doc, r)
    save_docx(doc, path)


# --------------------------------------------------------------------------------------
# Layout G: fillable PDF, terse field names, no tooltips, labels printed above the fields
# --------------------------------------------------------------------------------------

FIELD_NAMES = {
    "date_of_referral": "dtReferral", "ref.name": "txtRefName", "ref.role": "txtRefRole",
    "ref.agency": "txtRefAgency", "ref.email": "txtRefEmail", "ref.phone": "txtRefPhone",
    "lead.name": "txtMgrName", "lead.role": "txtMgrRole", "lead.agency": "txtMgrAgency",
    "lead.email": "txtMgrEmail", "lead.phone": "txtMgrPhone", "lead.discussed": "chkMgrAgreed",
    "c.given": "txtForename", "c.family": "txtSurname", "c.full": "txtChildName", "c.other_names": "txtAKA",
    "c.dob": "dtDOB", "c.age": "txtAge", "c.gender": "cboSex", "c.ethnicity": "txtEthnicity",
    "c.address": "txtAddress", "c.school": "txtSchool", "c.gp": "txtGP", "c.legal_status": "txtLegal",
    "c.cp_plan": "chkCPP", "c.open_to_csc": "chkCSC", "c.looked_after": "chkLAC", "c.disability": "txtSEND",
    "c.date_of_death": "dtDOD", "inc.date": "dtIncident", "inc.date_la_aware": "dtLAAware",
    "inc.location": "txtLocation", "inc.type": "cboCategory", "inc.summary": "txtSummary",
    "inc.police": "chkPolice", "cr.died": "chkCrit1", "cr.abuse": "chkCrit2", "cr.local": "chkCrit3",
    "cr.learning": "chkCrit4", "cr.reason": "txtRationale", "panel": "chkSIN", "panel_date": "dtSIN",
    "imm": "txtImmediate",
}


def layout_G(form: Form, r, path: Path):
    X0 = 50
    W = A4[0] - 2 * X0
    pages: list[list] = [[]]
    y = [780]

    def need(h):
        if y[0] - h < 60:
            pages.append([]); y[0] = 780

    def op(*a):
        pages[-1].append(a)

    def wrap_text(s, font, size, width, gap):
        for ln in simpleSplit(s, font, size, width):
            need(gap); op("text", X0, y[0], ln, font, size); y[0] -= gap

    wrap_text(form.p["title"], "Helvetica-Bold", 13, W, 16)
    wrap_text(form.p["form_title"], "Helvetica-Bold", 11, W, 15)
    wrap_text(form.p["guidance"], "Helvetica-Oblique", 8, W, 10)
    y[0] -= 8
    # lay out sections: fields two per row when short
    for s in form.sections:
        need(40)
        y[0] -= 4
        op("text", X0, y[0], s.title, "Helvetica-Bold", 11); y[0] -= 16
        items = list(s.fields)
        i = 0
        while i < len(items):
            f_ = items[i]
            base = f_.key.split(".", 1)
            fname_key = "c." + base[1] if f_.key.startswith("c") and f_.key[1].isdigit() else f_.key
            ci = int(f_.key[1]) if f_.key.startswith("c") and f_.key[1].isdigit() else 0
            name = FIELD_NAMES[fname_key] + (str(ci + 1) if len(form.children) > 1 else "")
            if f_.kind == "tri":
                lines = simpleSplit(f_.label, "Helvetica", 9, W - 120)
                need(14 * len(lines) + 6)
                for ln in lines[:-1]:
                    op("text", X0, y[0], ln, "Helvetica", 9); y[0] -= 11
                op("text", X0, y[0], lines[-1], "Helvetica", 9)
                op("check", name + "Yes", f_.shown is True, X0 + W - 100, y[0] - 3)
                op("text", X0 + W - 86, y[0], "Yes", "Helvetica", 9)
                op("check", name + "No", f_.shown is False, X0 + W - 50, y[0] - 3)
                op("text", X0 + W - 36, y[0], "No", "Helvetica", 9)
                y[0] -= 18
                i += 1
                continue
            if f_.kind in ("paras", "lines"):
                vals = value_lines(f_)
                sep = "\n\n" if f_.kind == "paras" else "\n"
                h = 90 if f_.kind == "paras" else 44
                need(h + 14)
                op("text", X0, y[0], f_.label, "Helvetica", 9); y[0] -= 3
                op("field", name, sep.join(vals), X0, y[0] - h, W, h, True)
                y[0] -= h + 14
                i += 1
                continue
            if f_.kind == "type":
                need(34)
                op("text", X0, y[0], f_.label, "Helvetica", 9); y[0] -= 3
                opts = [" "] + form.p["type_options"]
                chosen = form.p["type_options"][TYPE_KEYS.index(form.type_key)] if form.type_key else " "
                op("combo", name, chosen, opts, X0, y[0] - 18, 260, 18)
                y[0] -= 32
                i += 1
                continue
            # short: pair up with the next short field
            pair = [f_]
            if i + 1 < len(items) and items[i + 1].kind not in ("tri", "paras", "lines", "type"):
                pair.append(items[i + 1])
            need(34)
            colw = (W - 10) / 2
            for k, pf in enumerate(pair):
                pkey = "c." + pf.key.split(".", 1)[1] if pf.key.startswith("c") and pf.key[1].isdigit() else pf.key
                pci = int(pf.key[1]) if pf.key.startswith("c") and pf.key[1].isdigit() else 0
                pname = FIELD_NAMES[pkey] + (str(pci + 1) if len(form.children) > 1 else "")
                x = X0 + k * (colw + 10)
                op("text", x, y[0], pf.label if len(pf.label) < 60 else pf.label[:57] + "...", "Helvetica", 8)
                if pf.kind == "gender":
                    opts = [" ", "Female", "Male", "Non-binary"]
                    shown = {"female": "Female", "male": "Male", "other": "Non-binary"}.get(pf.truth, " ")
                    op("combo", pname, shown, opts, x, y[0] - 18, colw, 16)
                else:
                    op("field", pname, value_text(pf), x, y[0] - 18, colw, 16, False)
            y[0] -= 32
            i += len(pair)
        if s.key == "panel":
            need(40)
            op("text", X0, y[0], form.L["sec_ag"], "Helvetica-Bold", 11); y[0] -= 14
            cols = form.L["ag_cols"]
            xs, ws = [X0, X0 + 140, X0 + 320], [135, 175, 175]
            for x, h in zip(xs, cols):
                op("text", x, y[0], h, "Helvetica", 8)
            y[0] -= 4
            n_rows = max(4, len(form.agencies))
            for k in range(n_rows):
                need(20)
                a = form.agencies[k] if k < len(form.agencies) else None
                vals = [a["name"], a["agency"], a["contact"]] if a else ["", "", ""]
                for x, w, nm, v in zip(xs, ws, ["Name", "Agency", "Contact"], vals):
                    op("field", f"txtAg{k + 1}{nm}", v or "", x, y[0] - 16, w, 15, False)
                y[0] -= 20
            y[0] -= 8
    need(60)
    op("text", X0, y[0], "Partnership use only", "Helvetica-Bold", 10); y[0] -= 4
    op("field", "txtOfficeRef", "", X0, y[0] - 18, 160, 16, False)
    op("field", "dtOfficeRecd", "", X0 + 170, y[0] - 18, 160, 16, False)

    c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(form.p["form_title"])
    af = c.acroForm
    n = len(pages)
    for pi, ops in enumerate(pages):
        c.setFont("Helvetica-Bold", 9)
        c.drawCentredString(A4[0] / 2, 810, "OFFICIAL - SENSITIVE")
        c.setFont("Helvetica", 8)
        c.drawCentredString(A4[0] / 2, 30, f"Page {pi + 1} of {n}")
        for o in ops:
            if o[0] == "text":
                _, x, yy, s, font, size = o
                c.setFont(font, size)
                c.drawString(x, yy, s)
            elif o[0] == "field":
                _, name, value, x, yy, w, h, multi = o
                af.textfield(name=name, value=value, x=x, y=yy, width=w, height=h, fontSize=8 if multi else 9,
                             fieldFlags="multiline" if multi else "", maxlen=None, borderWidth=0.5,
                             forceBorder=True)
            elif o[0] == "check":
                _, name, checked, x, yy = o
                af.checkbox(name=name, checked=checked, x=x, y=yy, size=11, buttonStyle="cross",
                            borderWidth=0.5, fieldFlags="", forceBorder=True)
            elif o[0] == "combo":
                _, name, value, opts, x, yy, w, h = o
                af.choice(name=name, value=value, options=opts, x=x, y=yy, width=w, height=h, fontSize=9,
                          borderWidth=0.5, forceBorder=True)
        c.showPage()
    c.save()


LAYOUTS = {"U2A": ("docx", layout_A), "U2B": ("docx", layout_B), "U2C": ("pdf", layout_C),
           "U2D": ("docx", layout_D), "U2E": ("docx", layout_E), "U2F": ("docx", layout_F),
           "U2G": ("pdf", layout_G)}
LAYOUT_DESC = {
    "U2A": "Word: one wide 6-column table; each section a row group under a merged heading row; three label|value pairs a row; long answers in merged value cells",
    "U2B": "Word: bold question paragraph, answer in a bordered one-cell table directly below",
    "U2C": "PDF (reportlab, text only, no rules): 'Label ..... value' with dot leaders, wide gaps or colons; bold section headings",
    "U2D": "Word: tab-stop paragraphs (label<TAB>value, optional dot leader); long answers on following indented paragraphs; agencies as tab-separated lines",
    "U2E": "Word: label|value tables per section; every yes/no in a grid with Y | N | N/K columns marked X/x/tick; incident type as a mark-one list",
    "U2F": "Word: referrer/lead transposed table (rows = attribute, columns = person); children table with one column per child and a 'Subject child' row; household table (not in record)",
    "U2G": "PDF: fillable AcroForm with terse field names (txtForename, dtDOB, chkPoliceYes/No, cboSex) and no tooltips; labels printed above fields",
}


# --------------------------------------------------------------------------------------
# Bad inputs
# --------------------------------------------------------------------------------------

def bad_letter_docx(g: Gen, path: Path):
    r = g.rng
    p = PARTNERSHIPS["kennet"]
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = dt.datetime(2026, 1, 1, 9, 0)
    doc.core_properties.author = "Headteacher"
    doc.add_paragraph("Overbury Green Primary School\nChurch Walk\nOverbury Green\nKD5 3TQ")
    doc.add_paragraph("14 March 2026")
    doc.add_paragraph("Partnership Business Unit\nKennet and Downs Children's Safeguarding Partnership")
    doc.add_paragraph("Dear colleagues,")
    doc.add_paragraph("Re: Kacper Nowak, date of birth 2 May 2016")
    doc.add_paragraph(
        "I am writing to share our concerns about Kacper, a pupil in Year 5. Over the past term his attendance "
        "has fallen to 71% and he has arrived at school hungry on a number of occasions. On 11 March 2026 he told "
        "his teacher that he had been left at home alone overnight.")
    doc.add_paragraph(
        "We made a referral to children's social care on the same day and a strategy discussion has been held. "
        "I understand that you may wish to consider whether the case should be reviewed, and I would be happy to "
        "attend any meeting. I can be contacted on 0118 496 0457 or head@overburygreen.sch.uk.")
    doc.add_paragraph("Yours faithfully,")
    doc.add_paragraph("Mrs Leanne Castell\nHeadteacher and Designated Safeguarding Lead")
    save_docx(doc, path)


def bad_letter_pdf(g: Gen, path: Path):
    pdf = TextPDF("Letter")
    lines = ["Castle Pendry Surgery", "Bridge Street, Castle Pendry, WY6 2LP", "", "3rd of June 2026", "",
             "To: Marches and Wyeside Safeguarding Children Partnership", "",
             "Dear Partnership Manager,", "",
             "Re: Seren Vaughan (DOB 14.9.19)", ""]
    body = ("I am writing as Seren's GP following her attendance at the minor injuries unit on 30 May 2026 with a "
            "burn to her forearm. The explanation given by her mother was consistent with the injury, but this is the "
            "third attendance this year and I wanted to make you aware of it. I have discussed Seren with the named "
            "GP for safeguarding, who advised me to write to you. I would be grateful if you could let me know whether "
            "you need any further information from the practice.")
    for ln in lines:
        pdf.text(50, ln, "Helvetica", 10); pdf.nl(14)
    for ln in simpleSplit(body, "Helvetica", 10, 495):
        pdf.text(50, ln, "Helvetica", 10); pdf.nl(14)
    pdf.nl(14)
    for ln in ["Yours sincerely,", "", "Dr T Bevan", "GP Partner"]:
        pdf.text(50, ln, "Helvetica", 10); pdf.nl(14)
    pdf.draw(path, "Castle Pendry Surgery")


# --------------------------------------------------------------------------------------
# Self-checks
# --------------------------------------------------------------------------------------

def docx_text(path: Path) -> str:
    from lxml import etree
    z = zipfile.ZipFile(path)
    root = etree.fromstring(z.read("word/document.xml"))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter():
            if el.tag == W + "t":
                parts.append(el.text or "")
            elif el.tag in (W + "tab",):
                parts.append("\t")
            elif el.tag in (W + "br",):
                parts.append("\n")
        out.append("".join(parts))
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    """Page text (pdfplumber) plus the values of any AcroForm fields (via pdfminer)."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1
    vals = []
    with pdfplumber.open(path) as pdf:
        txt = "\n".join((pg.extract_text() or "") for pg in pdf.pages)
        acro = resolve1(pdf.doc.catalog.get("AcroForm"))
        for ref in (resolve1(acro.get("Fields")) if acro else None) or []:
            v = resolve1(resolve1(ref).get("V"))
            if isinstance(v, bytes):
                v = v[2:].decode("utf-16-be") if v.startswith(b"\xfe\xff") else v.decode("latin-1")
            if isinstance(v, str):
                vals.append(v)
    return txt + "\n" + "\n".join(vals)


def check_form(form: Form, text: str, record: dict, wrapped_cells: bool = False) -> list[str]:
    """Every stated value must appear in the document text and read back to its truth value."""
    problems = []
    # running headers/footers may fall inside a paragraph that crosses a page break
    text = "\n".join(ln for ln in text.splitlines()
                      if ln.strip() != "OFFICIAL - SENSITIVE" and not re.search(r"Page \d+ of \d+$", ln))
    flat = collapse(text)
    words = set(flat.split())
    flat_lower = flat.lower()
    for s in form.sections:
        for f_ in s.fields:
            if f_.truth is None or f_.kind in ("tri", "type", "gender"):
                continue
            for v in value_lines(f_):
                if collapse(v) not in flat:
                    problems.append(f"{f_.key}: {v!r} not in text")
            if f_.kind == "date" and parse_date_back(f_.shown) != f_.truth:
                problems.append(f"{f_.key}: date {f_.shown!r} reads {parse_date_back(f_.shown)} not {f_.truth}")
            if f_.kind == "phone" and phone_digits(f_.shown) != f_.truth:
                problems.append(f"{f_.key}: phone")
            if f_.kind == "email" and f_.truth not in flat_lower:
                problems.append(f"{f_.key}: email")
    for c in record["children"]:
        if c["name"]:
            for part in c["name"].split():
                if part not in flat:
                    problems.append(f"child name part {part!r} not in text")
    for a in record["agencies_involved"]:
        for k in ("name", "agency", "contact"):
            if a[k] and collapse(a[k]) not in flat and not (wrapped_cells and set(a[k].split()) <= words):
                problems.append(f"agency {k} {a[k]!r} not in text")
    # partnership's own contact details must not be in the record
    blob = json.dumps(record).lower()
    if form.p["partnership_email"] in blob:
        problems.append("partnership email leaked into record")
    return problems


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-layout", type=int, default=9)
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    for sub in ("forms", "truth"):
        d = out / sub
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    schema_path = next((p for p in SCHEMA_CANDIDATES if p.exists()), None)
    validator = None
    if schema_path:
        import jsonschema
        validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text()))
    else:
        print("warning: referral.schema.json not found; records not validated", file=sys.stderr)

    g = Gen(args.seed)
    vocabs = list(PARTNERSHIPS)
    plan = []
    for k in range(args.per_layout):
        for li, lay in enumerate(LAYOUTS):
            plan.append((lay, vocabs[(k + li) % len(vocabs)]))
    g.rng.shuffle(plan)
    # bad inputs at fixed slots
    bad = {7: "letter_docx", 23: "blank_docx", 38: "letter_pdf", 51: "blank_pdf"}
    items = []
    it = iter(plan)
    total = len(plan) + len(bad)
    for i in range(total):
        items.append(("bad", bad[i]) if i in bad else ("form", next(it)))

    errors = 0
    counts = {}
    for i, (what, spec) in enumerate(items, 1):
        stem = f"u{i:03d}"
        if what == "bad":
            if spec == "letter_docx":
                fn = stem + ".docx"; bad_letter_docx(g, out / "forms" / fn)
                t = dict(file=fn, expect_status="needs_review", expect_reason="not_a_form", record=None,
                         layout=None, vocabulary=None, description="a plain letter from a school about a child")
            elif spec == "letter_pdf":
                fn = stem + ".pdf"; bad_letter_pdf(g, out / "forms" / fn)
                t = dict(file=fn, expect_status="needs_review", expect_reason="not_a_form", record=None,
                         layout=None, vocabulary=None, description="a GP's letter as a text PDF, not a form")
            elif spec == "blank_docx":
                fn = stem + ".docx"
                form = blank_form(build_form(g, "severn", "U2B"))
                layout_B(form, g.rng, out / "forms" / fn)
                t = dict(file=fn, expect_status="needs_review", expect_reason="empty_form", record=None,
                         layout="U2B", vocabulary="severn", description="blank, unfilled form (empty answer boxes)")
            else:
                fn = stem + ".pdf"
                form = blank_form(build_form(g, "kennet", "U2G"))
                layout_G(form, g.rng, out / "forms" / fn)
                t = dict(file=fn, expect_status="needs_review", expect_reason="empty_form", record=None,
                         layout="U2G", vocabulary="kennet",
                         description="blank fillable PDF: every field empty, combo boxes on their blank entry")
            (out / "truth" / f"{stem}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
            counts["bad"] = counts.get("bad", 0) + 1
            continue
        lay, vocab = spec
        n_children = 1
        if lay == "U2F":
            n_children = g.rng.choice([2, 2, 3, 1])
        form = build_form(g, vocab, lay, n_children)
        ext, fn_ = LAYOUTS[lay]
        fn = f"{stem}.{ext}"
        path = out / "forms" / fn
        fn_(form, g.rng, path)
        rec = form.record
        if validator:
            errs = [e.message for e in validator.iter_errors(rec)]
            if errs:
                print(f"{fn}: schema: {errs[:3]}", file=sys.stderr); errors += 1
        text = docx_text(path) if ext == "docx" else pdf_text(path)
        probs = check_form(form, text, rec, wrapped_cells=(lay == "U2C"))
        if probs:
            print(f"{fn} ({lay}): " + "; ".join(probs[:5]), file=sys.stderr); errors += 1
        t = dict(file=fn, expect_status="parsed", expect_reason=None, record=rec, layout=lay, vocabulary=vocab)
        if lay == "U2F":
            t["notes"] = f"{n_children} child column(s)"
        (out / "truth" / f"{stem}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
        counts[lay] = counts.get(lay, 0) + 1
    print(json.dumps({"documents": len(items), **dict(sorted(counts.items())), "errors": errors}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
