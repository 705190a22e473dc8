#!/usr/bin/env python3
"""Held-out ("unseen") Case Referral Form corpus.

    python benchmarks/unseen/make_forms.py OUTDIR [--seed N]

writes OUTDIR/forms/*.docx|*.pdf and OUTDIR/truth/*.json in the truth format of
/work/shared/forms-wide/truth (keys file, expect_status, expect_reason, record,
layout, vocabulary, plus analysis-only keys).  The layouts (U1-U8), label
vocabularies and date styles here are deliberately NOT the ones in the shared
corpora; the truth follows the shared corpora's conventions (see README.md in
this folder).  Every record is validated against referral.schema.json and every
document is re-opened before the script exits.

Deterministic: the same --seed gives byte-identical files (fixed zip
timestamps, fixed core properties, reportlab invariant mode).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _bootstrap():
    """Run under the repository's .venv when the current interpreter lacks the libraries."""
    try:
        import docx  # noqa: F401
        import jsonschema  # noqa: F401
        import pypdf  # noqa: F401
        import reportlab  # noqa: F401
        return
    except ImportError as exc:
        missing = exc.name
    venv_py = HERE.parent.parent / ".venv" / "bin" / "python"
    in_venv = Path(sys.prefix).resolve() == venv_py.parent.parent.resolve()
    if venv_py.exists() and not in_venv and not os.environ.get("UNSEEN_FORMS_REEXEC"):
        os.environ["UNSEEN_FORMS_REEXEC"] = "1"
        os.execv(str(venv_py), [str(venv_py), str(Path(__file__).resolve())] + sys.argv[1:])
    sys.exit(f"make_forms.py needs python-docx, reportlab, jsonschema, pypdf and pdfplumber (missing: {missing}).\n"
             f"  python3 -m venv .venv && .venv/bin/pip install python-docx reportlab jsonschema pypdf pdfplumber")


if __name__ == "__main__":
    _bootstrap()
SCHEMA_CANDIDATES = [
    Path("/work/shared/referral.schema.json"),
    HERE.parent.parent / "referral.schema.json",
]

# ---------------------------------------------------------------------------
# Banks of invented data.  Phone numbers use the Ofcom drama ranges.
# ---------------------------------------------------------------------------

GIRLS = ["Amelia", "Isla", "Freya", "Poppy", "Evie", "Ivy", "Willow", "Daisy", "Harper", "Lola",
         "Aisha", "Zara", "Maya", "Niamh", "Ellie", "Sienna", "Hannah", "Grace", "Leah", "Esme"]
BOYS = ["Oscar", "Alfie", "Theo", "Finley", "Arlo", "Harvey", "Reggie", "Kai", "Mason", "Tommy",
        "Yusuf", "Ibrahim", "Callum", "Jayden", "Rory", "Ethan", "Logan", "Dylan", "Ollie", "Caleb"]
SURNAMES = ["Ashworth", "Brennan", "Calloway", "Dempsey", "Eckersley", "Fairbairn", "Gallagher",
            "Hollins", "Iqbal", "Jarvis", "Kowalski", "Lomax", "McAteer", "Nwosu", "Ormerod",
            "Pickering", "Quayle", "Rafferty", "Shackleton", "Thornber", "Uddin", "Varley",
            "Whitworth", "Yeadon", "Ainsworth", "Bamford", "Cropper", "Duckworth", "Entwistle",
            "Fitton", "Greenhalgh", "Hargreaves", "Kenyon", "Lees", "Mellor", "Naylor", "Ogden",
            "Pilkington", "Rushton", "Sutcliffe", "Tattersall", "Walmsley"]
ADULT_F = ["Joanne", "Claire", "Lindsay", "Rebecca", "Sophie", "Helen", "Gemma", "Nadia", "Farah",
           "Kirsty", "Louise", "Samantha", "Bethany", "Alison", "Priya", "Tracey", "Megan"]
ADULT_M = ["Stuart", "Gareth", "Imran", "Neil", "Darren", "Craig", "Lee", "Martin", "Tariq",
           "Jonathan", "Wayne", "Adam", "Ravi", "Simon", "Graham", "Mohammed", "Paul"]
ETHNICITIES = ["White British", "White - Irish", "Mixed - White and Black Caribbean",
               "Asian or Asian British - Pakistani", "Black or Black British - African",
               "White - Gypsy or Irish Traveller", "Mixed - White and Asian", "Any other White background",
               "Asian or Asian British - Bangladeshi", "Black or Black British - Caribbean",
               "White - Romanian", "Any other ethnic group - Kurdish"]
STREETS = ["Moorfield Road", "Canal Side", "Larch Grove", "Beacon Lane", "Weavers Court",
           "Tannery Street", "Pennine View", "Millstone Close", "Rosebay Avenue", "Foundry Walk",
           "Heather Bank", "Station Terrace", "Cobden Street", "Orchard Rise", "Kingfisher Way"]
ADDRESS_BLOCKS = ["Flat {n}, Albion House", "Flat {n}b", "Apartment {n}, The Maltings"]

DISABILITIES = ["Autism spectrum condition (diagnosed 2023)", "Global developmental delay",
                "Cerebral palsy - uses a wheelchair", "ADHD; EHC plan in place", "Hearing impairment"]
LEGAL = {
    "none": [None, "Child in Need", "Early Help", "None - universal services only"],
    "cp": ["Child Protection Plan (neglect)", "CP Plan - category physical abuse", "Child Protection Plan"],
    "cla": ["Full Care Order (s.31)", "Section 20 accommodated", "Interim Care Order (s.38)"],
    "leaver": ["Care leaver (Pathway Plan)", "Former relevant child (care leaver)"],
}


class Area:
    """One invented partnership: its name, places, agencies and contact points."""

    def __init__(self, key, name, short, towns, postcode, la_domain, police, police_domain,
                 trust, hospital, std, partnership_email, partnership_phone, gps, schools, colleges):
        self.__dict__.update(locals())
        del self.__dict__["self"]


AREAS = {
    "northmoor": Area(
        "northmoor", "Northmoor Safeguarding Children Partnership", "NSCP",
        ["Hebble Bridge", "Northmoor", "Sowerby Edge", "Lowfold"], "HX", "northmoor.gov.uk",
        "West Pennine Police", "westpennine.police.uk",
        "Northmoor and Calder NHS Foundation Trust", "Calder Royal Infirmary", "01632 960",
        "rapid.reviews@northmoorscp.org.uk", "01632 960 400",
        ["Lowfold Health Centre", "Hebble Bridge Medical Practice", "Sowerby Edge Surgery"],
        ["Lowfold Primary Academy", "St Aidan's CE Primary School", "Northmoor High School",
         "Brookside Nursery"], ["Calder Valley College"]),
    "eastmere": Area(
        "eastmere", "Eastmere Children's Safeguarding Partnership", "ECSP",
        ["Eastmere", "Saltmarsh", "Fenby", "Holmwick"], "PE", "eastmere.gov.uk",
        "Fenland Constabulary", "fenland.police.uk",
        "East Fens Community NHS Trust", "Eastmere General Hospital", "0113 496 0",
        "safeguarding.partnership@eastmere.gov.uk", "0113 496 0550",
        ["Saltmarsh Surgery", "Fenby Group Practice", "Holmwick Medical Centre"],
        ["Fenby Infant School", "Saltmarsh Community Primary", "Eastmere Academy",
         "Little Acorns Day Nursery"], ["Eastmere Sixth Form College"]),
    "ridings": Area(
        "ridings", "West Ridings Safeguarding Partnership", "WRSP",
        ["Ravensholme", "Thwaite Cross", "Denby Moor", "Kirkstall Edge"], "WF", "westridings.gov.uk",
        "Ridings Police", "ridings.police.uk",
        "Ridings Health and Care NHS Trust", "Ravensholme District Hospital", "0161 496 0",
        "wrsp.reviews@westridings.gov.uk", "0161 496 0707",
        ["Thwaite Cross Medical Practice", "Denby Moor Health Centre", "Kirkstall Edge Surgery"],
        ["Denby Moor Junior School", "Ravensholme Grammar School", "Thwaite Cross Primary",
         "Sunbeams Pre-school"], ["Ridings College"]),
    "quayside": Area(
        "quayside", "Quayside Safeguarding Children Partnership", "QSCP",
        ["Quayside", "Harbourgate", "Tynemouth Rise", "Saltwell Park"], "NE", "quayside.gov.uk",
        "North Quays Police", "northquays.police.uk",
        "Quayside Hospitals NHS Foundation Trust", "Quayside Children's Hospital", "0191 498 0",
        "qscp@quayside.gov.uk", "0191 498 0600",
        ["Harbourgate Family Practice", "Saltwell Park Surgery", "Riverside Medical Group"],
        ["Harbourgate Primary School", "St Hilda's RC Academy", "Quayside Academy",
         "Busy Bees Nursery Harbourgate"], ["Tyneside Metropolitan College"]),
}

# ---------------------------------------------------------------------------
# Vocabularies: the labels a partnership's form uses.
# ---------------------------------------------------------------------------

# incident type option labels: only the labels the shared conventions list.
TYPE_SETS = {
    "northmoor": {"death": "Death of a child", "serious_harm": "Serious harm to a child",
                  "lac_death": "Death of a looked after child",
                  "care_leaver_death": "Death of a care leaver aged 18 to 24",
                  "other": "Other serious incident"},
    "eastmere": {"death": "Child death", "serious_harm": "Serious harm",
                 "lac_death": "Death of a child in care",
                 "care_leaver_death": "Death of a care leaver (under 25)",
                 "other": "Other (please specify)"},
    "ridings": {"death": "Death", "serious_harm": "Serious harm",
                "lac_death": "Death of a looked after child",
                "care_leaver_death": "Death of a care leaver",
                "other": "Other"},
    "quayside": {"death": "Death of a child", "serious_harm": "Serious harm to a child",
                 "lac_death": "Death of a child in care",
                 "care_leaver_death": "Death of a care leaver (under 25)",
                 "other": "Other (please specify)"},
}

VOCABS = {
    "northmoor": {
        "title": "Notification of a Serious Child Safeguarding Incident",
        "subtitle": "For consideration of a Rapid Review by the Northmoor Safeguarding Children Partnership",
        "sections": {"ref": "Notifier details", "lead": "Designated Safeguarding Lead",
                     "child": "About the child", "inc": "The serious incident",
                     "crit": "Rapid Review criteria", "panel": "National Panel",
                     "ag": "Professionals involved", "imm": "Current risks",
                     "office": "Office use only"},
        "split_name": ("given", "family"),
        "gender_style": "sex_letter",
        "labels": {
            "ref.date": "Date this notification was completed",
            "ref.name": "Notifier", "ref.role": "Job title", "ref.agency": "Organisation",
            "ref.email": "E-mail address", "ref.phone": "Contact telephone",
            "lead.name": "Designated Safeguarding Lead", "lead.role": "Position",
            "lead.agency": "Organisation", "lead.email": "E-mail address",
            "lead.phone": "Contact telephone",
            "lead.discussed": "Has the Designated Safeguarding Lead agreed this notification?",
            "child.given": "Given name(s)", "child.family": "Family name",
            "child.other_names": "Also known as", "child.dob": "D.O.B.",
            "child.age": "Age (if D.O.B. unknown)", "child.gender": "Sex",
            "child.ethnicity": "Ethnic origin", "child.address": "Home address",
            "child.school": "School / setting", "child.gp": "Registered GP practice",
            "child.legal_status": "Legal status (CIN / CP / CLA)",
            "child.cp_plan": "Is the child, or has the child been, subject to a child protection plan?",
            "child.open_to_csc": "Is the child currently known to children's social care?",
            "child.looked_after": "Is the child looked after by a local authority?",
            "child.disability": "Disability or special educational needs",
            "child.date_of_death": "Date of death",
            "inc.date": "Date of serious incident", "inc.la_aware": "Date LA became aware",
            "inc.location": "Where did it happen?", "inc.type": "Category of incident",
            "inc.summary": "Brief description of what happened",
            "inc.police": "Are the police investigating?",
            "crit.died": "Has the child died or been seriously harmed?",
            "crit.abuse": "Is abuse or neglect known or suspected?",
            "crit.local": "Does the child normally live in Northmoor, or did the incident happen here?",
            "crit.learning": "Could more than one agency learn from this case?",
            "crit.reason": "Why do you think this meets the criteria for a Rapid Review?",
            "panel.notified": "Has the Child Safeguarding Practice Review Panel been notified?",
            "panel.date": "Date the Panel was notified",
            "imm": "What immediate safeguarding action has been taken for this child or other children?",
        },
        "short": {"ref.name": "Name", "lead.name": "Name", "lead.role": "Position",
                  "child.dob": "D.O.B.", "child.gender": "Sex", "child.ethnicity": "Ethnic origin",
                  "child.address": "Home address", "child.gp": "Registered GP practice",
                  "child.cp_plan": "CP plan (now or before)?", "child.open_to_csc": "Known to social care?",
                  "child.looked_after": "Looked after?", "inc.police": "Police investigating?",
                  "inc.date": "Date of serious incident", "inc.la_aware": "Date LA became aware",
                  "inc.location": "Where did it happen?", "lead.discussed": "DSL agreed?",
                  "child.other_names": "Also known as", "child.legal_status": "Legal status",
                  "child.disability": "Disability / SEN", "child.date_of_death": "Date of death",
                  "child.age": "Age", "panel.notified": "Panel notified?",
                  "panel.date": "Date the Panel was notified"},
        "ag_headers": ["Professional", "Organisation", "Telephone / email"],
    },
    "eastmere": {
        "title": "Child Safeguarding Practice Review - Referral",
        "subtitle": "Eastmere Children's Safeguarding Partnership - request for a Rapid Review",
        "sections": {"ref": "Person completing this form", "lead": "Line manager authorising",
                     "child": "Child's details", "inc": "What happened",
                     "crit": "Does this meet the criteria?", "panel": "National Panel notification",
                     "ag": "Who else is working with the family?", "imm": "Safety now",
                     "office": "For Partnership use only"},
        "split_name": ("given", "family"),
        "gender_style": "boygirl",
        "labels": {
            "ref.date": "Date completed", "ref.name": "Person completing this form",
            "ref.role": "Your role", "ref.agency": "Employer", "ref.email": "Email",
            "ref.phone": "Mobile",
            "lead.name": "Line manager authorising", "lead.role": "Their job title",
            "lead.agency": "Employer", "lead.email": "Email", "lead.phone": "Mobile",
            "lead.discussed": "Has your line manager authorised this referral?",
            "child.given": "First name", "child.family": "Last name",
            "child.other_names": "Previous or other names", "child.dob": "Born",
            "child.age": "Age", "child.gender": "Gender", "child.ethnicity": "Ethnicity",
            "child.address": "Child's usual address", "child.school": "Nursery / school / college",
            "child.gp": "GP surgery", "child.legal_status": "Current legal status",
            "child.cp_plan": "Has there ever been a child protection plan?",
            "child.open_to_csc": "Is there an open social care case?",
            "child.looked_after": "Is the child in care?",
            "child.disability": "Any disability?",
            "child.date_of_death": "If the child has died, date of death",
            "inc.date": "When did the incident happen?", "inc.la_aware": "Date the council was informed",
            "inc.location": "Where did the incident happen?", "inc.type": "What type of incident is this?",
            "inc.summary": "Tell us what happened", "inc.police": "Are the police involved?",
            "crit.died": "Death or serious harm?", "crit.abuse": "Abuse or neglect suspected?",
            "crit.local": "Eastmere child or incident in Eastmere?",
            "crit.learning": "Learning for more than one agency?",
            "crit.reason": "Why are you making this referral?",
            "panel.notified": "Has a notification been sent to the National Panel?",
            "panel.date": "When was the Panel notified?",
            "imm": "Is any other child at risk right now? What has been done?",
        },
        "short": {"ref.name": "Name", "lead.name": "Name", "child.cp_plan": "Ever had a CP plan?",
                  "child.open_to_csc": "Open social care case?", "child.looked_after": "In care?",
                  "lead.discussed": "Authorised?", "inc.police": "Police involved?",
                  "inc.date": "When did it happen?", "inc.la_aware": "Date the council was informed",
                  "inc.location": "Where?", "child.address": "Child's usual address",
                  "child.date_of_death": "Date of death", "child.other_names": "Other names",
                  "child.legal_status": "Legal status", "child.disability": "Disability",
                  "panel.notified": "Panel notified?", "panel.date": "When was the Panel notified?"},
        "ag_headers": ["Worker", "Service", "Phone or email"],
    },
    "ridings": {
        "title": "SERIOUS CASE NOTIFICATION AND REFERRAL",
        "subtitle": "West Ridings Safeguarding Partnership - Rapid Review Subgroup",
        "sections": {"ref": "SECTION A - REFERRING PRACTITIONER", "lead": "SECTION B - SAFEGUARDING LEAD CONSULTED",
                     "child": "SECTION C - CHILD", "inc": "SECTION D - INCIDENT",
                     "crit": "SECTION E - CRITERIA", "panel": "SECTION F - NATIONAL PANEL",
                     "ag": "SECTION G - SERVICES INVOLVED", "imm": "SECTION H - IMMEDIATE SAFETY",
                     "office": "SECTION I - OFFICE USE ONLY"},
        "split_name": None,
        "gender_style": "word",
        "labels": {
            "ref.date": "DATE OF THIS REFERRAL", "ref.name": "REFERRING PRACTITIONER",
            "ref.role": "JOB ROLE", "ref.agency": "SERVICE", "ref.email": "EMAIL",
            "ref.phone": "TELEPHONE",
            "lead.name": "SAFEGUARDING LEAD CONSULTED", "lead.role": "JOB ROLE",
            "lead.agency": "SERVICE", "lead.email": "EMAIL", "lead.phone": "TELEPHONE",
            "lead.discussed": "CASE DISCUSSED WITH SAFEGUARDING LEAD?",
            "child.name": "CHILD'S FULL NAME", "child.other_names": "KNOWN AS",
            "child.dob": "DATE OF BIRTH (dd/mm/yyyy)", "child.age": "AGE IF D.O.B. NOT KNOWN",
            "child.gender": "GENDER", "child.ethnicity": "ETHNICITY",
            "child.address": "ADDRESS (INCLUDING POSTCODE)", "child.school": "EDUCATION PROVIDER",
            "child.gp": "GP", "child.legal_status": "LEGAL STATUS",
            "child.cp_plan": "CHILD PROTECTION PLAN (CURRENT OR PREVIOUS)?",
            "child.open_to_csc": "OPEN TO CHILDREN'S SOCIAL CARE?",
            "child.looked_after": "LOOKED AFTER CHILD?",
            "child.disability": "DISABILITY", "child.date_of_death": "DATE OF DEATH",
            "inc.date": "DATE OF INCIDENT (dd/mm/yyyy)", "inc.la_aware": "DATE LOCAL AUTHORITY NOTIFIED",
            "inc.location": "LOCATION", "inc.type": "TYPE OF INCIDENT",
            "inc.summary": "SUMMARY OF INCIDENT", "inc.police": "POLICE INVESTIGATION?",
            "crit.died": "CHILD HAS DIED OR BEEN SERIOUSLY HARMED",
            "crit.abuse": "ABUSE OR NEGLECT KNOWN OR SUSPECTED",
            "crit.local": "CHILD RESIDENT IN / INCIDENT IN WEST RIDINGS",
            "crit.learning": "MULTI-AGENCY LEARNING LIKELY",
            "crit.reason": "RATIONALE FOR REFERRAL",
            "panel.notified": "NATIONAL PANEL NOTIFIED?", "panel.date": "DATE PANEL NOTIFIED",
            "imm": "IMMEDIATE SAFEGUARDING CONCERNS AND ACTIONS TAKEN",
        },
        "short": {"ref.name": "NAME", "lead.name": "NAME", "lead.discussed": "DISCUSSED?",
                  "child.name": "NAME", "child.dob": "D.O.B.", "child.age": "AGE",
                  "child.cp_plan": "CP PLAN?", "child.open_to_csc": "OPEN TO CSC?",
                  "child.looked_after": "LAC?", "child.address": "ADDRESS",
                  "child.other_names": "KNOWN AS", "child.school": "SCHOOL",
                  "inc.date": "DATE OF INCIDENT", "inc.la_aware": "DATE LA NOTIFIED",
                  "inc.police": "POLICE?", "panel.notified": "PANEL NOTIFIED?"},
        "ag_headers": ["PRACTITIONER", "AGENCY", "CONTACT"],
    },
    "quayside": {
        "title": "Rapid Review Referral Form",
        "subtitle": "Quayside Safeguarding Children Partnership",
        "sections": {"ref": "1. About you", "lead": "2. Your safeguarding lead",
                     "child": "3. The child", "inc": "4. The incident",
                     "crit": "5. Criteria for a Rapid Review", "panel": "6. Notification to the National Panel",
                     "ag": "7. Agencies who know the child", "imm": "8. Immediate safety",
                     "office": "Office use only - do not write below this line"},
        "split_name": ("family", "given"),
        "gender_style": "word",
        "labels": {
            "ref.date": "Today's date (dd/mm/yyyy)", "ref.name": "Your name",
            "ref.role": "What is your job title?", "ref.agency": "Which organisation do you work for?",
            "ref.email": "Your e-mail address", "ref.phone": "Your contact number (landline or mobile)",
            "lead.name": "Name of your safeguarding lead", "lead.role": "Their role",
            "lead.agency": "Their organisation", "lead.email": "Their e-mail address",
            "lead.phone": "Their telephone number",
            "lead.discussed": "Have you talked to your safeguarding lead about this referral?",
            "child.given": "Child's forename(s)", "child.family": "Child's surname",
            "child.other_names": "Is the child known by any other name?",
            "child.dob": "When was the child born? (dd/mm/yyyy)",
            "child.age": "Age (only if date of birth is not known)", "child.gender": "Gender",
            "child.ethnicity": "Ethnicity (as described by the family)",
            "child.address": "Where does the child usually live? (include postcode)",
            "child.school": "Which school or nursery does the child attend?",
            "child.gp": "Which GP practice is the child registered with?",
            "child.legal_status": "Legal status (e.g. CIN, CP, CLA)",
            "child.cp_plan": "Is the child on a child protection plan, or have they been in the past?",
            "child.open_to_csc": "Is the child open to Children's Social Care?",
            "child.looked_after": "Is the child looked after?",
            "child.disability": "Does the child have a disability? (please describe)",
            "child.date_of_death": "Date of death (if the child has died)",
            "inc.date": "When did the incident happen? (dd/mm/yyyy)",
            "inc.la_aware": "When did the local authority become aware?",
            "inc.location": "Where did the incident happen?", "inc.type": "What kind of incident was it?",
            "inc.summary": "Please describe what happened (include agency involvement)",
            "inc.police": "Are the police involved?",
            "crit.died": "Has the child died or been seriously harmed?",
            "crit.abuse": "Is abuse or neglect known or suspected?",
            "crit.local": "Does the child live in Quayside, or did the incident happen in Quayside?",
            "crit.learning": "Is there potential learning for more than one agency?",
            "crit.reason": "Why do you think this meets the criteria for a Rapid Review?",
            "panel.notified": "Has the National Panel been notified?",
            "panel.date": "If yes, on what date?",
            "imm": "Are there any immediate safeguarding concerns? What has been done?",
        },
        "short": {"ref.name": "Your name", "lead.name": "Name", "lead.role": "Role",
                  "lead.agency": "Organisation", "lead.email": "E-mail", "lead.phone": "Telephone",
                  "child.given": "Forename(s)", "child.family": "Surname", "child.dob": "Date of birth",
                  "child.other_names": "Other names", "child.address": "Address",
                  "child.school": "School / nursery", "child.gp": "GP practice",
                  "child.ethnicity": "Ethnicity", "child.cp_plan": "CP plan (now or past)?",
                  "child.open_to_csc": "Open to CSC?", "child.looked_after": "Looked after?",
                  "child.legal_status": "Legal status", "child.disability": "Disability",
                  "child.date_of_death": "Date of death", "child.age": "Age",
                  "inc.date": "Date of incident", "inc.la_aware": "Date LA aware",
                  "inc.location": "Location", "inc.police": "Police involved?",
                  "lead.discussed": "Discussed with lead?", "panel.notified": "Panel notified?",
                  "panel.date": "Date notified"},
        "ag_headers": ["Professional", "Organisation / team", "Telephone / email"],
    },
}

GUIDANCE = {
    "northmoor": [
        "Complete this notification within one working day of becoming aware of the incident and send it by secure e-mail to {pe}.",
        "If you are not sure whether the incident meets the criteria, ring the Partnership business team on {pp} before you complete the form.",
    ],
    "eastmere": [
        "Please read the guidance before filling this in. Send the completed form to {pe} - do not send it to individual officers.",
        "Questions? Call the Partnership team on {pp} (Monday to Friday, 9am - 5pm).",
    ],
    "ridings": [
        "THIS FORM MUST BE AUTHORISED BY THE AGENCY SAFEGUARDING LEAD BEFORE SUBMISSION.",
        "Return completed forms to {pe}. Telephone enquiries: {pp}.",
    ],
    "quayside": [
        "This form asks the Partnership to consider whether a Rapid Review is needed. Please answer every question; write 'Not known' if you do not know.",
        "Email the form to {pe} or phone {pp} to talk it through with a member of the team.",
    ],
}

LA_NAMES = {
    "northmoor": "Northmoor Council Children's Services",
    "eastmere": "Eastmere County Council - Children's Social Care",
    "ridings": "West Ridings Metropolitan Council Children's Services",
    "quayside": "Quayside City Council Children's Services",
}

MARKINGS = ["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE: PERSONAL", "OFFICIAL SENSITIVE (when completed)",
            "CONFIDENTIAL - NOT FOR CIRCULATION", "RESTRICTED - PERSONAL DATA"]

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def mon_abbr(d, dot=False):
    m = MONTHS[d.month - 1]
    if len(m) <= 4 and not dot:
        return m[:3]
    if dot and m == "May":
        return "May"
    return m[:3] + ("." if dot else "")


DATE_STYLES = {
    "ordinal": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",          # 3rd February 2026
    "dots": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",                             # 03.02.2026
    "dmy_abbr": lambda d: f"{d.day}-{MONTHS[d.month - 1][:3]}-{d.year % 100:02d}",      # 3-Feb-26
    "weekday": lambda d: f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",  # Tuesday 3 February 2026
    "slash2": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",                # 03/02/26
    "iso": lambda d: d.isoformat(),                                                       # 2026-02-03
    "abbr_dot": lambda d: f"{d.day} {mon_abbr(d, True)} {d.year}",                        # 3 Feb. 2026
    "slash_short": lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}",                    # 3/2/26
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",                          # 3 February 2026 (public)
    "slash4": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",                           # 03/02/2026 (public)
}
NEW_DATE_STYLES = ["ordinal", "dots", "dmy_abbr", "weekday", "slash2", "iso", "abbr_dot", "slash_short"]


def fmt_date(d, style):
    return DATE_STYLES[style](d)


# ---------------------------------------------------------------------------
# Scenario bank: summaries, reasons and immediate concerns.
# ---------------------------------------------------------------------------

def age_text(dob, on):
    months = (on.year - dob.year) * 12 + on.month - dob.month - (1 if on.day < dob.day else 0)
    if months < 24:
        return f"{months} months" if months != 1 else "1 month"
    return f"{months // 12} years"


SCENARIOS = [
    {
        "key": "infant_head_injury", "type": "serious_harm", "age_months": (2, 10), "death": False,
        "location": ["Family home", "The family home, {town}", "At home"],
        "legal": "none", "police": True,
        "summary": [
            "{Name} ({age}) was brought to the Emergency Department at {hospital} by {carer} on {dlong}. {He} was floppy and had a swelling to the right side of {his} head. A CT scan showed a skull fracture and a subdural haemorrhage, and a skeletal survey found two healing rib fractures.",
            "{Carer} said that {name} had rolled off the sofa the day before. The paediatric team did not think this explanation was consistent with the injuries found.",
            "The family were known to the health visiting service. A 6-8 week review was missed and two further contacts were cancelled by the family. {Carer}'s partner has previous convictions for violence.",
            "{Name} remains on the high-dependency unit. A strategy discussion was held on the day of admission.",
        ],
        "reason": [
            "{Name} has suffered serious harm and non-accidental injury is suspected. The family had contact with health visiting, the GP and early help, so there may be learning about how the risk from {Carer}'s partner was understood.",
            "Serious, unexplained injuries to a non-mobile baby; abuse suspected; several agencies involved in the weeks before. Learning likely about missed health contacts and information sharing.",
        ],
        "immediate": [
            "{Name} will not return home on discharge; an interim care order is being sought. {Sib} (aged {sibage}) is staying with the maternal grandmother under a safety plan.",
            "Police have bailed {Carer}'s partner with conditions not to contact the children. A section 47 enquiry is under way for {sib}.",
        ],
    },
    {
        "key": "sudi", "type": "death", "age_months": (1, 6), "death": True,
        "location": ["Family home", "Parents' bedroom at the family home", "Home of maternal grandmother, {town}"],
        "legal": "none", "police": True,
        "summary": [
            "{Name} ({age}) was found unresponsive by {carer} in the early hours of {dlong} after sharing an adult bed. Paramedics attended and {name} was taken to {hospital}, where {he} was pronounced dead.",
            "{Carer} told police that {she_c} had drunk alcohol the previous evening. The home conditions were described by police as very poor, with no cot in the house.",
            "Safer sleep advice was recorded by the midwife at the birth and by the health visitor at the new birth visit. The family had been referred to early help in the autumn but the referral was closed after the family did not engage.",
        ],
        "reason": [
            "{Name} has died. Neglect may have been a factor. Health, early help and the police all had contact with the family, and there may be learning about how safer sleep messages are given to families where alcohol is a concern.",
            "Unexpected death of an infant in an unsafe sleep environment with parental alcohol use; early help closed without engagement. Multi-agency learning likely.",
        ],
        "immediate": [
            "There are no other children in the household. {Carer} is being supported by the bereavement nurse.",
            "{Sib} (aged {sibage}) is living with {his_s} father while enquiries continue. A child protection strategy meeting has been held.",
        ],
    },
    {
        "key": "ingestion", "type": "serious_harm", "age_months": (14, 40), "death": False,
        "location": ["Family home", "Flat where the family lives", "The child's home, {town}"],
        "legal": "cp", "police": True,
        "summary": [
            "{Name} ({age}) was taken to {hospital} by ambulance on {dlong} after being found drowsy and difficult to wake. Tests showed that {he} had swallowed methadone. {He} needed ventilation on the intensive care unit and has since recovered.",
            "{Carer} is prescribed methadone. The take-home doses were not kept in the locked box provided by the drug service.",
            "{Name} has been subject to a child protection plan under the category of neglect since the summer. The drug and alcohol service was not invited to the last core group meeting.",
        ],
        "reason": [
            "{Name} was seriously harmed and neglect is suspected. {He} was on a child protection plan, so several agencies were working with the family; there is likely to be learning about safe storage of opiate substitutes and about information sharing with adult services.",
        ],
        "immediate": [
            "{Name} and {sib} are staying with an aunt under a section 20 agreement. The drug service has stopped take-home doses.",
            "An emergency core group was held the day after the incident. {Sib} (aged {sibage}) has been seen and spoken to.",
        ],
    },
    {
        "key": "lac_suicide", "type": "lac_death", "age_months": (170, 208), "death": True,
        "location": ["Semi-independent accommodation, {town}", "Children's home (registered), {town}",
                     "Supported lodgings placement"],
        "legal": "cla", "police": True,
        "summary": [
            "{Name} ({age}) was found hanged in {his} room at {his} placement on {dlong}. Staff called an ambulance but {he} was pronounced dead at the scene. The death is being treated as suspected suicide.",
            "{Name} had been in care since the age of twelve and had moved placement six times in two years. There had been missing episodes and concerns about exploitation.",
            "{Name} was on the waiting list for CAMHS after self-harming in the spring. {His} social worker had changed three times in the last year.",
        ],
        "reason": [
            "{Name} was a looked after child who has died. Several agencies were involved and there are questions about placement stability, access to mental health support and how risk was shared between agencies.",
            "Death of a looked after young person; exploitation and self-harm concerns known to police, health and social care. Learning for more than one agency is likely.",
        ],
        "immediate": [
            "Other young people at the placement have been offered support. The provider has been asked for an urgent safety review.",
            "No other children in the family are at immediate risk. The placement provider has been notified to Ofsted.",
        ],
    },
    {
        "key": "care_leaver", "type": "care_leaver_death", "age_months": (220, 260), "death": True,
        "location": ["Supported housing flat, {town}", "Hostel accommodation, {town}", "A friend's flat in {town}"],
        "legal": "leaver", "police": True,
        "summary": [
            "{Name} ({age}) was found dead at {his} supported housing flat on {dlong}. The cause of death is not yet known; drug toxicity is suspected.",
            "{Name} left care at eighteen and had a personal adviser from the leaving care team. {He} had been evicted from two previous tenancies and had periods of sofa-surfing.",
            "{His} personal adviser had last seen {him} three weeks before {his} death. {He} had been referred to the adult drug service but did not attend the assessment.",
        ],
        "reason": [
            "{Name} was a care leaver who has died. There may be learning about support for care leavers moving between tenancies and about joint working between the leaving care team and adult services.",
        ],
        "immediate": [
            "No children are affected. {Name}'s younger sibling, who is still in care, has been told and is being supported by {his_s} foster carers.",
        ],
    },
    {
        "key": "stabbing", "type": "serious_harm", "age_months": (168, 200), "death": False,
        "location": ["Park near {town} town centre", "Underpass on {street}, {town}", "Outside a takeaway in {town}"],
        "legal": "none", "police": True,
        "summary": [
            "{Name} ({age}) was stabbed in the leg and abdomen on the evening of {dlong}. {He} was taken to {hospital} and needed emergency surgery.",
            "{Name} had been reported missing four times since September. Police intelligence linked {him} to a county lines network, and {he} had been found with cash and two phones in October.",
            "{Name} was permanently excluded from school in the summer and had been attending alternative provision part-time. An exploitation screening tool was completed but the case was not discussed at the exploitation panel.",
        ],
        "reason": [
            "{Name} has been seriously harmed, and criminal exploitation is suspected. There is likely to be learning about the response to missing episodes, school exclusion and the exploitation pathway.",
        ],
        "immediate": [
            "{Name} is still in hospital with a police guard. A strategy discussion has been held and a safety plan agreed with {his} mother.",
            "Two other young people linked to the same group have been identified and referred to the exploitation team.",
        ],
    },
    {
        "key": "neglect", "type": "serious_harm", "age_months": (60, 110), "death": False,
        "location": ["Family home", "Family home / school", "Mother's flat, {town}"],
        "legal": "none", "police": False,
        "summary": [
            "{Name} ({age}) was admitted to {hospital} on {dlong} after school staff noticed that {he} was severely underweight and unwell. On admission {he} was found to be malnourished, with untreated dental decay and head lice.",
            "{Name}'s attendance had fallen below 60% this year. The school made two referrals to the front door; both were closed with advice and signposting.",
            "{Carer} has a diagnosis of depression and had not collected {his} prescriptions for several months.",
        ],
        "reason": [
            "Serious harm through neglect over a long period. School, GP and children's social care all had information; there may be learning about how repeat referrals are assessed.",
            "{Name} has been seriously harmed and neglect is strongly suspected. There is potential learning about the response to repeat referrals from school.",
        ],
        "immediate": [
            "{Name}'s siblings have been seen at school. A section 47 enquiry and a child protection conference are planned.",
            "{Name} is staying with a family friend under a safety plan on discharge.",
        ],
    },
    {
        "key": "private_fostering", "type": "other", "other_text": "Other - unassessed private fostering arrangement",
        "age_months": (100, 150), "death": False,
        "location": ["Home of a family friend, {town}", "Private address in {town}"],
        "legal": "none", "police": True,
        "summary": [
            "{Name} ({age}) disclosed to a teacher on {dlong} that {he} was being made to work in the house where {he} was staying and was being hit with a belt. Bruising was seen on {his} back and arms.",
            "{Name} came to the UK eight months ago and had been living with a family friend. The school was not aware that this was a private fostering arrangement and no notification had been made to the local authority.",
        ],
        "reason": [
            "The incident does not clearly fit the serious harm definition but there is significant concern about abuse within an unassessed private fostering arrangement, and possible trafficking. Learning for schools, health and the local authority about identifying private fostering.",
        ],
        "immediate": [
            "{Name} is in emergency foster care under police protection. Police have arrested the adult in the household.",
        ],
    },
    {
        "key": "teen_death", "type": "death", "age_months": (150, 180), "death": True,
        "location": ["Railway line near {town} station", "Family home", "Woodland off {street}, {town}"],
        "legal": "none", "police": True,
        "summary": [
            "{Name} ({age}) died on {dlong}. The circumstances are being investigated by the police and the coroner; suicide is suspected.",
            "{Name} had disclosed bullying and online harassment to the school nurse in the autumn and was referred to the emotional health service. {He} had not yet been offered an appointment.",
            "A referral to children's social care from the school about domestic abuse at home was closed after a single visit.",
        ],
        "reason": [
            "{Name} has died and there are concerns that domestic abuse at home and unmet mental health needs were not fully understood. There is potential learning for school, health and social care.",
        ],
        "immediate": [
            "{Sib} (aged {sibage}) is being supported by school and the bereavement service. A strategy discussion has been held because of the domestic abuse concerns.",
        ],
    },
]

PRONOUNS = {
    "female": dict(He="She", he="she", his="her", His="Her", him="her"),
    "male": dict(He="He", he="he", his="his", His="His", him="him"),
    "other": dict(He="They", he="they", his="their", His="Their", him="them"),
}

ROLES_BY_KIND = {
    "la": ["Social Worker", "Team Manager, Assessment Team", "Senior Practitioner", "Personal Adviser, Leaving Care Team",
           "Principal Social Worker"],
    "police": ["Detective Sergeant, Public Protection Unit", "Detective Inspector", "DC, Child Abuse Investigation Team"],
    "health": ["Named Nurse Safeguarding Children", "Consultant Paediatrician", "Health Visitor", "Specialist Safeguarding Practitioner",
               "Named Doctor for Safeguarding"],
    "school": ["Designated Safeguarding Lead", "Headteacher", "Deputy Head (Pastoral)"],
}
LEAD_ROLES = {
    "la": ["Head of Service, Safeguarding", "Service Manager, Children's Social Care", "Group Manager"],
    "police": ["Detective Chief Inspector, Public Protection", "Detective Superintendent"],
    "health": ["Head of Safeguarding", "Designated Nurse for Safeguarding Children", "Named Doctor for Safeguarding Children"],
    "school": ["Headteacher", "Chair of Governors", "Trust Safeguarding Lead"],
}


# ---------------------------------------------------------------------------
# Case generation
# ---------------------------------------------------------------------------

def digits_phone(raw):
    s = raw.strip()
    plus = s.startswith("+")
    d = re.sub(r"\D", "", s)
    return ("+" + d) if plus else d


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


class Gen:
    """Random helpers bound to one seeded generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_names = set()

    def choice(self, seq):
        return self.r.choice(list(seq))

    def chance(self, p):
        return self.r.random() < p

    def phone(self, area, mobile=None):
        """A drama-range number, never one of the partnerships' own numbers."""
        reserved = {digits_phone(a.partnership_phone) for a in AREAS.values()}
        while True:
            ph = self._phone(area, mobile)
            if digits_phone(ph) not in reserved and digits_phone(ph).lstrip("+").replace("44", "0", 1) not in reserved:
                return ph

    def _phone(self, area, mobile=None):
        r = self.r
        if mobile is None:
            mobile = r.random() < 0.45
        if mobile:
            n = r.randint(0, 999)
            return self.choice([f"07700 900{n:03d}", f"07700900{n:03d}", f"07700 900 {n:03d}",
                                f"+44 7700 900{n:03d}", f"+44 7700 900 {n:03d}", f"07700-900-{n:03d}"])
        n = r.randint(0, 999)
        code, prefix = area.std.split(" ", 1)   # e.g. "01632 960", "0113 496 0"
        local = prefix.replace(" ", "") + f"{n:03d}"   # 960123 / 4960123
        if len(local) == 6:          # 01632 960xxx
            return self.choice([f"{code} {local}", f"({code}) {local}", f"{code}{local}", f"{code} {local[:3]} {local[3:]}"])
        return self.choice([f"{code} {local[:3]} {local[3:]}", f"{code} {local}", f"({code}) {local[:3]} {local[3:]}",
                            f"{code}{local}", f"{code}-{local[:3]}-{local[3:]}"])

    def person(self, female=None):
        if female is None:
            female = self.chance(0.6)
        for _ in range(100):
            g = self.choice(ADULT_F if female else ADULT_M)
            f = self.choice(SURNAMES)
            if (g, f) not in self.used_names:
                self.used_names.add((g, f))
                return g, f
        return g, f

    def address_lines(self, area):
        r = self.r
        town = self.choice(area.towns)
        pc = f"{area.postcode}{r.randint(1, 9)} {r.randint(1, 9)}{self.choice('ABDEFGHJLNPQRSTUWXYZ')}{self.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        street = f"{r.randint(2, 140)} {self.choice(STREETS)}"
        lines = []
        if self.chance(0.3):
            lines.append(self.choice(ADDRESS_BLOCKS).format(n=r.randint(1, 48)))
        lines.append(street)
        if self.chance(0.5):
            lines.append(town)
            lines.append(pc)
        else:
            lines.append(f"{town} {pc}")
        return lines, town


def make_case(g: Gen, area: Area, n_children=1):
    """A complete case with every value present (canonical truth + raw text)."""
    r = g.r
    scen = g.choice(SCENARIOS)
    inc_date = dt.date(2025, 10, 20) + dt.timedelta(days=r.randint(0, 140))
    la_aware = inc_date + dt.timedelta(days=r.choice([0, 0, 1, 1, 2, 3]))
    ref_date = la_aware + dt.timedelta(days=r.randint(1, 6))
    panel = r.choice([True, True, False, None])
    panel_date = la_aware + dt.timedelta(days=r.randint(1, 4)) if panel else None
    if panel_date and panel_date > ref_date:
        panel_date = ref_date

    family = g.choice(SURNAMES)
    carer_g, _ = g.person(female=True)
    children = []
    addr_lines, town = g.address_lines(area)
    lo, hi = scen["age_months"]
    for i in range(n_children):
        gender = g.choice(["female", "male"]) if not (i == 0 and g.chance(0.04)) else "other"
        first = g.choice(GIRLS if gender == "female" else BOYS if gender == "male" else GIRLS + BOYS)
        while any(c["given"] == first for c in children):
            first = g.choice(GIRLS + BOYS)
        months = r.randint(lo, hi) if i == 0 else r.randint(max(6, lo // 2), max(lo + 30, 60))
        dob = inc_date - dt.timedelta(days=int(months * 30.44) + r.randint(0, 20))
        legal_kind = scen["legal"] if i == 0 else "none"
        legal = g.choice(LEGAL[legal_kind])
        cp = legal_kind == "cp" or (legal_kind == "cla" and g.chance(0.5))
        csc = legal_kind in ("cp", "cla") or (legal and "Need" in legal) or g.chance(0.2)
        lac = legal_kind == "cla"
        if legal_kind == "leaver":
            cp, csc, lac = g.chance(0.5), True, False
        age_years = months // 12
        if age_years < 3:
            school = g.choice([None, area.schools[-1]])
        elif age_years < 16:
            school = g.choice(area.schools[:-1])
        else:
            school = g.choice(area.colleges + [None])
        c = {
            "given": first, "family": family if (i == 0 or g.chance(0.8)) else g.choice(SURNAMES),
            "gender": gender, "dob": dob,
            "age": age_text(dob, inc_date),
            "other_names": None if g.chance(0.75) else f"{first} {g.choice(SURNAMES)}",
            "ethnicity": g.choice(ETHNICITIES),
            "address": addr_lines,
            "school": school,
            "gp": g.choice(area.gps),
            "legal_status": legal,
            "cp_plan": cp, "open_to_csc": bool(csc), "looked_after": lac,
            "disability": g.choice(DISABILITIES) if g.chance(0.2) else None,
            "date_of_death": inc_date if (i == 0 and scen["death"]) else None,
        }
        children.append(c)
    c0 = children[0]
    pr = PRONOUNS[c0["gender"]]
    sib = g.choice(GIRLS + BOYS) if len(children) == 1 else children[1]["given"]
    sibage = (r.randint(2, 12) if len(children) == 1 else age_text(children[1]["dob"], inc_date).split()[0])
    fields = dict(pr)
    fields.update(Name=c0["given"], name=c0["given"], age=c0["age"], hospital=area.hospital,
                  carer=f"{('his' if c0['gender'] == 'male' else 'her' if c0['gender'] == 'female' else 'their')} mother, {carer_g}",
                  Carer=carer_g, she_c="she", dlong=fmt_date(inc_date, "long"), town=town,
                  street=g.choice(STREETS), Sib=sib, sib=sib, sibage=sibage,
                  his_s=g.choice(["his", "her"]))

    def fill(t):
        return t.format(**fields)

    summary = [fill(p) for p in scen["summary"]]
    if len(summary) > 2 and g.chance(0.3):
        summary = summary[:-1]
    reason = fill(g.choice(scen["reason"]))
    immediate = fill(g.choice(scen["immediate"]))
    location = fill(g.choice(scen["location"]))

    def prof(kind, lead=False):
        gname, fname = g.person()
        roles = (LEAD_ROLES if lead else ROLES_BY_KIND)[kind]
        role = g.choice(roles)
        title = ""
        if kind == "police" and g.chance(0.75):
            title = {"Detective Sergeant": "DS ", "Detective Inspector": "DI ", "DC,": "DC ",
                     "Detective Chief Inspector": "DCI ", "Detective Superintendent": "Det Supt "}[
                next(k for k in ("Detective Sergeant", "Detective Inspector", "DC,", "Detective Chief Inspector",
                                 "Detective Superintendent") if role.startswith(k))]
        elif kind == "health" and ("Doctor" in role or "Paediatrician" in role):
            title = "Dr "
        agency = {"la": LA_NAMES[area.key],
                  "police": area.police, "health": area.trust, "school": c0["school"] or area.schools[0]}[kind]
        dom = {"la": area.la_domain, "police": area.police_domain, "health": "nhs.net",
               "school": re.sub(r"[^a-z]", "", agency.lower())[:14] + ".sch.uk"}[kind]
        local = g.choice([f"{gname}.{fname}", f"{gname[0]}.{fname}", f"{gname}.{fname}{r.randint(1, 9)}"])
        email_raw = f"{local}@{dom}"
        if g.chance(0.5):
            email_raw = email_raw.lower()
        elif g.chance(0.3):
            email_raw = email_raw.upper() if g.chance(0.2) else email_raw
        return {"name": f"{title}{gname} {fname}", "role": role, "agency": agency,
                "email": email_raw, "phone": g.phone(area), "kind": kind}

    kind = g.choice(["la", "police", "health", "health", "school" if c0["school"] else "la"])
    referrer = prof(kind)
    lead = prof(kind, lead=True)
    lead["agency"] = referrer["agency"]
    discussed = g.choice([True, True, True, False, None])

    # agencies involved
    kinds = ["la", "police", "health", "school", "gp", "other"]
    g.r.shuffle(kinds)
    ag_rows = []
    for k in kinds[: r.randint(2, 5)]:
        gname, fname = g.person()
        if k == "gp":
            name = f"Dr {gname[0]} {fname}"
            agency = c0["gp"]
        elif k == "other":
            name = f"{gname} {fname}"
            agency = g.choice(["Turning Point (adult substance misuse)", "Women's Aid refuge outreach",
                               "Youth Justice Service", "CAMHS", "Housing Options"])
        elif k == "school":
            if not c0["school"]:
                continue
            name = f"{gname} {fname}"
            agency = c0["school"]
        else:
            p = prof(k)
            name, agency = p["name"], p["agency"]
            gname, fname = p["name"].split(" ")[-2:]
        if g.chance(0.12):
            name = None  # row names no person (duty desk)
        ph = g.phone(area)
        if k in ("la", "police", "health"):
            em = p["email"].lower()
        else:
            dom = {"school": re.sub(r"[^a-z]", "", agency.lower())[:16] + ".sch.uk",
                   "other": "nhs.net" if agency == "CAMHS" else re.sub(r"[^a-z]", "", agency.lower())[:12] + ".org.uk"}.get(k, "nhs.net")
            em = f"{gname[0].lower()}.{fname.lower()}@{dom}"
        contact = g.choice([ph, em, f"{ph} / {em}", f"{em}; {ph}"])
        role = {"la": "Social worker", "police": "Investigating officer", "health": "Health visitor",
                "school": "Designated Safeguarding Lead", "gp": "GP", "other": "Key worker"}[k]
        involved = g.choice(["Yes", "No", "Y", "N", "Closed"])
        ag_rows.append({"name": name, "agency": agency, "contact": contact, "role": role, "involved": involved})
    if not ag_rows:
        ag_rows.append({"name": None, "agency": area.police + " - Duty desk", "contact": g.phone(area),
                        "role": "Duty officer", "involved": "Yes"})

    crit = {
        "died": True if scen["type"] != "other" else g.choice([None, False]), "abuse": g.choice([True, True, True, None, False]),
        "local": g.choice([True, True, True, None]), "learning": g.choice([True, True, True, None]),
    }
    return {
        "scenario": scen["key"], "type": scen["type"], "other_text": scen.get("other_text"),
        "inc_date": inc_date, "la_aware": la_aware, "ref_date": ref_date,
        "panel": panel, "panel_date": panel_date, "location": location,
        "summary": summary, "reason": reason, "immediate": immediate,
        "police": scen["police"] if g.chance(0.85) else None,
        "children": children, "referrer": referrer, "lead": lead, "discussed": discussed,
        "agencies": ag_rows, "crit": crit, "area": area, "town": town,
    }


# ---------------------------------------------------------------------------
# One form: which fields it asks, what is written in each, and the truth.
# ---------------------------------------------------------------------------

LISTED_FILLERS = ["N/A", "n/a", "-", "Not applicable"]     # empty markers per the conventions
UNPARSEABLE_FILLERS = ["N/K", "Not known", "TBC", "not known", "Unknown"]  # only in date / yes-no fields

OPTIONAL_KEYS = ["ref.role", "lead.email", "lead.phone", "lead.role", "child.other_names",
                 "child.legal_status", "child.disability", "inc.la_aware", "child.school",
                 "panel.notified", "child.ethnicity"]

REF_KEYS = ["ref.name", "ref.role", "ref.agency", "ref.email", "ref.phone", "ref.date"]
LEAD_KEYS = ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]
CHILD_KEYS = ["child.name", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity",
              "child.address", "child.school", "child.gp", "child.legal_status", "child.cp_plan",
              "child.open_to_csc", "child.looked_after", "child.disability", "child.date_of_death"]
INC_KEYS = ["inc.date", "inc.la_aware", "inc.location", "inc.type", "inc.summary", "inc.police"]
CRIT_KEYS = ["crit.died", "crit.abuse", "crit.local", "crit.learning", "crit.reason"]
PANEL_KEYS = ["panel.notified", "panel.date"]
TRI_KEYS = {"lead.discussed", "child.cp_plan", "child.open_to_csc", "child.looked_after", "inc.police",
            "crit.died", "crit.abuse", "crit.local", "crit.learning", "panel.notified"}
DATE_KEYS = {"ref.date", "child.dob", "child.date_of_death", "inc.date", "inc.la_aware", "panel.date"}


class Field:
    def __init__(self, key, kind, truth, raw, state="filled"):
        self.key, self.kind, self.truth, self.raw, self.state = key, kind, truth, raw, state
        self.empty_text = ""       # what is written when blank / filler

    @property
    def value(self):
        """The record value this field contributes."""
        return self.truth if self.state == "filled" else None

    def text(self, sep="\n"):
        """The text written in the form (single string)."""
        if self.state != "filled":
            return self.empty_text
        if isinstance(self.raw, list):
            return sep.join(self.raw)
        return self.raw

    @property
    def asked(self):
        return self.state != "absent"


class FormData:
    def __init__(self, g: Gen, case, vocab, layout, *, n_children=1, noisy=0.0,
                 unparseable_fillers=False, drop_optional=(0, 3), tri_style="words"):
        self.g, self.case, self.vk, self.layout = g, case, vocab, layout
        self.v = VOCABS[vocab]
        self.area = case["area"]
        self.main_style = g.choice(NEW_DATE_STYLES)
        self.noisy = noisy
        self.unparseable = unparseable_fillers
        self.notes = []
        dropped = set(g.r.sample(OPTIONAL_KEYS, g.r.randint(*drop_optional)))
        self.dropped = dropped
        self.deco = g.choice(["colon", "plain", "colon", "numbered", "caps"])
        if vocab == "ridings":
            self.deco = g.choice(["plain", "colon", "numbered"])
        self.f = {}
        c = case
        self._date("ref.date", c["ref_date"])
        for role, keys in (("referrer", REF_KEYS), ("lead", LEAD_KEYS)):
            p = c[role]
            for k in keys:
                sub = k.split(".")[1]
                if sub == "date":
                    continue
                if sub == "discussed":
                    self._tri(k, c["discussed"])
                elif sub == "email":
                    self.f[k] = Field(k, "email", p["email"].strip().lower(), p["email"])
                elif sub == "phone":
                    self.f[k] = Field(k, "phone", digits_phone(p["phone"]), p["phone"])
                else:
                    self.f[k] = Field(k, "text", p[sub], p[sub])
        self.kids = []
        for ch in c["children"][:n_children]:
            self.kids.append(self._child(ch))
        self._date("inc.date", c["inc_date"])
        self._date("inc.la_aware", c["la_aware"])
        self.f["inc.location"] = Field("inc.location", "text", c["location"], c["location"])
        label = TYPE_SETS[vocab][c["type"]]
        self.type_label = label
        self.type_other = None
        if c["type"] == "other" and c["other_text"] and g.chance(0.7):
            self.type_other = c["other_text"].split(" - ", 1)[1]
        self.f["inc.type"] = Field("inc.type", "type", c["type"], label)
        paras = c["summary"]
        self.f["inc.summary"] = Field("inc.summary", "paras", "\n\n".join(collapse(p) for p in paras), list(paras))
        self._tri("inc.police", c["police"])
        for k, kk in (("crit.died", "died"), ("crit.abuse", "abuse"), ("crit.local", "local"), ("crit.learning", "learning")):
            self._tri(k, c["crit"][kk])
        self.f["crit.reason"] = Field("crit.reason", "text", collapse(c["reason"]), c["reason"])
        self._tri("panel.notified", c["panel"])
        self._date("panel.date", c["panel_date"])
        self.f["imm"] = Field("imm", "text", collapse(c["immediate"]), c["immediate"])
        self.agencies = [dict(a) for a in c["agencies"]]

        # which fields the form does not ask for at all
        for k in dropped:
            for fd in self._all(k):
                fd.state = "absent"
        if "panel.notified" in dropped:
            self.f["panel.date"].state = "absent"
        # no date panel notified when not notified: the field is left blank
        if self.f["panel.date"].truth is None and self.f["panel.date"].state == "filled":
            self.f["panel.date"].state = "blank"
        for kid in self.kids:
            if kid["child.date_of_death"].truth is None and kid["child.date_of_death"].state == "filled":
                kid["child.date_of_death"].state = "blank"
            for k, fd in kid.items():
                if fd.truth is None and fd.state == "filled":
                    fd.state = "blank"
        for fd in self.f.values():
            if fd.truth is None and fd.state == "filled":
                fd.state = "blank"
        self._noise()

    # -- construction helpers
    def _all(self, k):
        if k.startswith("child."):
            return [kid[k] for kid in self.kids if k in kid]
        return [self.f[k]] if k in self.f else []

    def _date_raw(self, d):
        style = self.main_style if self.g.chance(0.7) else self.g.choice(NEW_DATE_STYLES + ["long", "slash4"])
        return fmt_date(d, style)

    def _date(self, k, d, into=None):
        fd = Field(k, "date", d.isoformat() if d else None, self._date_raw(d) if d else "")
        (into if into is not None else self.f)[k] = fd
        return fd

    def _tri(self, k, val, into=None):
        fd = Field(k, "tri", val, val)
        (into if into is not None else self.f)[k] = fd
        return fd

    def _child(self, ch):
        g = self.g
        kid = {}
        split = self.v["split_name"]
        kid["child.name"] = Field("child.name", "name", f"{ch['given']} {ch['family']}",
                                  {"given": ch["given"], "family": ch["family"]})
        if g.chance(0.15):
            fam = ch["family"].upper()
            kid["child.name"].raw = {"given": ch["given"], "family": fam}
            kid["child.name"].truth = f"{ch['given']} {fam}"
            self.notes.append("child's family name typed in capitals (kept)")
        on = ch["other_names"]
        kid["child.other_names"] = Field("child.other_names", "text", on, on)
        # age only where the form gives no date of birth
        if g.chance(0.12):
            kid["child.dob"] = Field("child.dob", "date", None, "")
            age_raw = g.choice([ch["age"], ch["age"].replace("years", "yrs"), ch["age"].replace(" months", "m")])
            kid["child.age"] = Field("child.age", "text", age_raw, age_raw)
            self.notes.append("no date of birth: age given instead")
        else:
            self._date("child.dob", ch["dob"], into=kid)
            kid["child.age"] = Field("child.age", "text", None, "")
        gstyle = self.v["gender_style"]
        graw = {"female": {"sex_letter": "F", "boygirl": "Girl", "word": "Female"},
                "male": {"sex_letter": "M", "boygirl": "Boy", "word": "Male"},
                "other": {"sex_letter": "Other", "boygirl": "Non-binary", "word": "Non-binary"}}[ch["gender"]][gstyle]
        if gstyle == "word" and g.chance(0.2):
            graw = graw.lower()
        kid["child.gender"] = Field("child.gender", "gender", ch["gender"], graw)
        for k in ("ethnicity", "school", "gp", "legal_status", "disability"):
            kid["child." + k] = Field("child." + k, "text", ch[k], ch[k])
        lines = ch["address"]
        if g.chance(0.2):
            typed = ", ".join(lines) if g.chance(0.5) else " ".join(lines)
            kid["child.address"] = Field("child.address", "text", typed, typed)
        else:
            kid["child.address"] = Field("child.address", "lines", ", ".join(lines), list(lines))
        for k in ("cp_plan", "open_to_csc", "looked_after"):
            self._tri("child." + k, ch[k], into=kid)
        self._date("child.date_of_death", ch["date_of_death"], into=kid)
        return kid

    def _noise(self):
        """Blank fields and filler tokens (-> null), trailing spaces (stripped in truth)."""
        g = self.g
        core = {"ref.name", "ref.agency", "child.name", "inc.date", "inc.summary", "inc.type", "child.dob"}
        fields = list(self.f.values()) + [fd for kid in self.kids for fd in kid.values()]
        for fd in fields:
            if fd.state != "filled" or fd.key in core:
                continue
            if fd.key == "child.age":
                continue
            if g.chance(self.noisy):
                if fd.kind in ("text", "phone", "email", "lines") and g.chance(0.6):
                    fd.state = "filler"
                    fd.empty_text = g.choice(LISTED_FILLERS)
                elif fd.kind in ("date", "tri") and self.unparseable and g.chance(0.6):
                    fd.state = "filler"
                    fd.empty_text = g.choice(UNPARSEABLE_FILLERS)
                elif fd.kind in ("date",) and g.chance(0.5):
                    fd.state = "filler"
                    fd.empty_text = g.choice(LISTED_FILLERS)
                else:
                    fd.state = "blank"
        # blank age, fillers in the age box where a date of birth is given
        for kid in self.kids:
            if kid["child.age"].state == "blank" and g.chance(0.3):
                kid["child.age"].state = "filler"
                kid["child.age"].empty_text = g.choice(LISTED_FILLERS)
            if kid["child.date_of_death"].state == "blank" and g.chance(0.3):
                kid["child.date_of_death"].state = "filler"
                kid["child.date_of_death"].empty_text = g.choice(LISTED_FILLERS)
        # trailing spaces on a few filled text values (truth is stripped)
        for fd in fields:
            if fd.state == "filled" and fd.kind in ("text", "email", "phone", "date") and isinstance(fd.raw, str) and g.chance(0.08):
                fd.raw = fd.raw + g.choice(["  ", " ", "\u00a0"]) if fd.kind != "date" else fd.raw + " "
        for a in self.agencies:
            if g.chance(0.1):
                a["agency"] = a["agency"] + "  "

    # -- labels
    def label(self, k, short=False, number=None):
        labels = self.v["labels"]
        if short and k in self.v.get("short", {}):
            t = self.v["short"][k]
        else:
            t = labels[k]
        if self.deco == "caps":
            t = t.upper()
        if self.deco == "colon" and not t.endswith("?"):
            t = t + ":"
        if number and self.deco == "numbered":
            t = f"{number} {t}"
        return t

    def section(self, s):
        t = self.v["sections"][s]
        return t.upper() if self.deco == "caps" else t

    def name_keys(self):
        """Label keys for the child's name: one field or (first, second) of a split."""
        sp = self.v["split_name"]
        if sp is None:
            return ["child.name"]
        return ["child." + sp[0], "child." + sp[1]]

    def name_part(self, kid, part_key):
        fd = kid["child.name"]
        if part_key == "child.name":
            return f"{fd.raw['given']} {fd.raw['family']}"
        return fd.raw["given" if part_key == "child.given" else "family"]

    # -- answers as text
    def tri_text(self, fd, style=None):
        g = self.g
        style = style or g.choice(["words", "words", "caps", "yn", "glyph"])
        if fd.state == "absent":
            return ""
        if fd.state == "filler":
            return fd.empty_text
        v = fd.value
        if style == "glyph":
            if v is None:
                return "☐ Yes   ☐ No"
            return ("☒ Yes   ☐ No" if v else "☐ Yes   ☒ No")
        if v is None:
            return ""
        if style == "caps":
            return "YES" if v else "NO"
        if style == "yn":
            return "Y" if v else "N"
        return "Yes" if v else "No"

    def type_text(self, style):
        """Incident type as text.  style: 'glyph' (all options, one ticked) or 'label'."""
        opts = TYPE_SETS[self.vk]
        t = self.case["type"]
        if style == "glyph":
            parts = []
            for key, lab in opts.items():
                mark = "☒" if key == t else "☐"
                if key == "other" and t == "other" and self.type_other:
                    lab = f"{lab}: {self.type_other}"
                parts.append(f"{mark} {lab}")
            return "   ".join(parts)
        if t is None:
            return ""
        if t == "other" and self.type_other:
            return f"Other - {self.type_other}"
        return opts[t]

    # -- the canonical record
    def record(self):
        f = self.f

        def v(k):
            return f[k].value

        def strip(x):
            return x.strip() if isinstance(x, str) else x

        rec = {
            "form": "referral",
            "date_of_referral": v("ref.date"),
            "referrer": {"name": v("ref.name"), "role": v("ref.role"), "agency": v("ref.agency"),
                         "email": v("ref.email"), "phone": v("ref.phone")},
            "safeguarding_lead": {"name": v("lead.name"), "role": v("lead.role"), "agency": v("lead.agency"),
                                  "email": v("lead.email"), "phone": v("lead.phone"), "discussed": v("lead.discussed")},
            "children": [],
            "incident": {"date": v("inc.date"), "date_la_aware": v("inc.la_aware"), "location": v("inc.location"),
                         "type": v("inc.type"), "summary": v("inc.summary"), "police_involved": v("inc.police")},
            "criteria": {"died_or_seriously_harmed": v("crit.died"), "abuse_or_neglect_suspected": v("crit.abuse"),
                         "local_connection": v("crit.local"), "multi_agency_learning": v("crit.learning"),
                         "reason": v("crit.reason")},
            "panel_notified": v("panel.notified"),
            "date_panel_notified": v("panel.date"),
            "agencies_involved": [],
            "immediate_concerns": v("imm"),
        }
        for kid in self.kids:
            c = {k.split(".")[1]: kid[k].value for k in CHILD_KEYS}
            if kid["child.dob"].value is not None:
                c["age"] = None
            rec["children"].append(c)
        for a in self.agencies_written():
            rec["agencies_involved"].append({"name": strip(a["name"]), "agency": strip(a["agency"]),
                                             "contact": strip(a["contact"])})

        def clean(o):
            if isinstance(o, dict):
                return {k: clean(x) for k, x in o.items()}
            if isinstance(o, list):
                return [clean(x) for x in o]
            if isinstance(o, str):
                return o.strip() or None
            return o
        return clean(rec)

    def agencies_written(self):
        return [a for a in self.agencies if a.get("state", "filled") == "filled"]


# ---------------------------------------------------------------------------
# Word helpers
# ---------------------------------------------------------------------------

from docx import Document                       # noqa: E402
from docx.enum.section import WD_ORIENT          # noqa: E402
from docx.enum.text import WD_BREAK               # noqa: E402
from docx.oxml import OxmlElement                 # noqa: E402
from docx.oxml.ns import qn                       # noqa: E402
from docx.shared import Cm, Pt                    # noqa: E402

FIXED_TIME = dt.datetime(2026, 3, 20, 9, 0, 0)
ZIP_TIME = (2026, 3, 20, 9, 0, 0)


def new_doc(fd: FormData, landscape=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = fd.g.choice(["Arial", "Calibri", "Verdana"])
    st.font.size = Pt(10)
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    marking = fd.g.choice(MARKINGS)
    sec.header.paragraphs[0].text = marking
    f = sec.footer.paragraphs[0]
    f.text = f"{fd.area.short} referral form v{fd.g.r.randint(1, 6)}.{fd.g.r.randint(0, 9)}    |    {marking}"
    cp = doc.core_properties
    cp.author = fd.area.short
    cp.title = fd.v["title"]
    cp.created = cp.modified = FIXED_TIME
    cp.last_modified_by = fd.area.short
    cp.revision = 1
    return doc


def intro(doc, fd: FormData, guidance=True):
    p = doc.add_paragraph()
    r = p.add_run(fd.area.name)
    r.bold = True
    r.font.size = Pt(12)
    p = doc.add_paragraph()
    r = p.add_run(fd.v["title"])
    r.bold = True
    r.font.size = Pt(15)
    doc.add_paragraph(fd.v["subtitle"])
    if guidance:
        for gtext in GUIDANCE[fd.vk]:
            gp = doc.add_paragraph()
            gr = gp.add_run(gtext.format(pe=fd.area.partnership_email, pp=fd.area.partnership_phone))
            gr.italic = True
            gr.font.size = Pt(9)


def set_cell(cell, value, mode="paras", bold=False, size=None):
    """Write text into a cell: a list becomes paragraphs ('paras') or line breaks ('breaks')."""
    cell.text = ""
    p = cell.paragraphs[0]
    if value is None:
        value = ""
    if isinstance(value, str) and "\n" in value:
        value = value.split("\n")
        mode = "breaks"
    if isinstance(value, list):
        if mode == "paras":
            for i, line in enumerate(value):
                para = p if i == 0 else cell.add_paragraph()
                run = para.add_run(line)
                if bold:
                    run.bold = True
                if size:
                    run.font.size = Pt(size)
        else:
            for i, line in enumerate(value):
                run = p.add_run(line)
                if bold:
                    run.bold = True
                if size:
                    run.font.size = Pt(size)
                if i < len(value) - 1:
                    run.add_break()
    else:
        run = p.add_run(value)
        if bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def widths(table, cms):
    table.autofit = False
    for row in table.rows:
        for i, c in enumerate(row.cells[: len(cms)]):
            c.width = Cm(cms[i])


def grid_table(doc, rows, cols):
    style = getattr(doc, "_grid_style", None)
    if style is None:
        style = doc._grid_style = doc.styles["Table Grid"]
    t = doc.add_table(rows=rows, cols=cols)
    t.style = style
    return t


def section_row(table, text, fill="BFBFBF"):
    row = table.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    set_cell(cell, text, bold=True)
    shade(cell, fill)
    return row


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def office_use(doc, fd: FormData):
    doc.add_paragraph()
    t = grid_table(doc, 0, 2)
    section_row(t, fd.section("office"))
    for lab in fd.g.choice([["Date received", "Reference", "Screened by", "Decision"],
                            ["Received by", "Date logged", "Case reference"],
                            ["Rapid Review required?", "Date of decision", "Chair"]]):
        row = t.add_row()
        set_cell(row.cells[0], lab)
        set_cell(row.cells[1], "")


def save_docx(doc, path):
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    zin = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)


def agencies_table(doc, fd: FormData, extra=None, blank_rows=None, headers=None):
    """Agencies involved: vocab headers, optional extra column (ignored by the truth), empty rows."""
    g = fd.g
    headers = list(headers or fd.v["ag_headers"])
    extra = extra if extra is not None else g.choice([None, "role", "involved", "lastcontact"])
    cols = [("name", headers[0]), ("agency", headers[1]), ("contact", headers[2])]
    if extra == "role":
        cols.insert(1, ("role", g.choice(["Role", "Job title", "Designation"])))
    elif extra == "involved":
        cols.append(("involved", g.choice(["Still involved?", "Currently involved? (Y/N)", "Open case?"])))
    elif extra == "lastcontact":
        cols.append(("lastcontact", g.choice(["Date of last contact", "Last seen"])))
    t = grid_table(doc, 1, len(cols))
    for i, (_, h) in enumerate(cols):
        set_cell(t.rows[0].cells[i], h, bold=True)
        shade(t.rows[0].cells[i], "E7E6E6")
    for a in fd.agencies:
        row = t.add_row()
        for i, (k, _) in enumerate(cols):
            if k == "lastcontact":
                val = fmt_date(fd.case["inc_date"] - dt.timedelta(days=g.r.randint(3, 60)), fd.main_style)
            else:
                val = a.get(k) or ""
            set_cell(row.cells[i], val)
    for _ in range(blank_rows if blank_rows is not None else g.r.randint(0, 3)):
        row = t.add_row()
        for c in row.cells:
            set_cell(c, "")
    return t


GUIDE_NOTES = {
    "ref.date": "The date you send this form.",
    "ref.name": "Full name of the person completing the form.",
    "ref.email": "Please use a secure (gcsx / nhs.net / police) address. Do not give {pe}.",
    "ref.phone": "A number we can reach you on today. The business team ({pp}) may call you.",
    "lead.name": "Your agency's designated safeguarding lead or manager.",
    "lead.discussed": "The form will be returned if it has not been agreed.",
    "child.dob": "dd/mm/yyyy. For an unborn child give the expected date of delivery.",
    "child.age": "Only if the date of birth is not known.",
    "child.address": "Include the postcode.",
    "child.legal_status": "e.g. CIN, CP, CLA, Early Help.",
    "inc.date": "If the date is not known give your best estimate.",
    "inc.la_aware": "This starts the five working day clock for notifying the Panel.",
    "inc.type": "Tick one.",
    "inc.summary": "Facts only. Please do not include opinion. If you need help call {pp}.",
    "crit.reason": "See the Rapid Review guidance on the Partnership website.",
    "panel.notified": "The local authority notifies the Panel within 5 working days.",
    "imm": "Include any other children in the household.",
}


def plan(fd: FormData, child_sections=True):
    """Ordered sections and field keys of a label/value form (fields the form does not ask are left out)."""
    sections = []
    ref = [k for k in REF_KEYS if fd.f[k].asked]
    if fd.g.chance(0.3):
        ref = ["ref.date"] + [k for k in ref if k != "ref.date"]
    sections.append(("ref", ref))
    sections.append(("lead", [k for k in LEAD_KEYS if fd.f[k].asked]))
    if child_sections:
        kid = fd.kids[0]
        ks = fd.name_keys() + [k for k in CHILD_KEYS[1:] if kid[k].asked]
        sections.append(("child", ks))
    sections.append(("inc", [k for k in INC_KEYS if fd.f[k].asked]))
    sections.append(("crit", CRIT_KEYS))
    pk = [k for k in PANEL_KEYS if fd.f[k].asked]
    if pk:
        sections.append(("panel", pk))
    sections.append(("ag", ["AGENCIES"]))
    sections.append(("imm", ["imm"]))
    return sections


def field_of(fd: FormData, k, kid=None):
    if k in ("child.given", "child.family"):
        return (kid or fd.kids[0])["child.name"]
    if k.startswith("child."):
        return (kid or fd.kids[0])[k]
    return fd.f[k]


def answer(fd: FormData, k, kid=None, tri_style=None, type_style="glyph"):
    """What the form shows for key k: a string, or a list of lines / paragraphs."""
    kid = kid or (fd.kids[0] if fd.kids else None)
    if k in ("child.given", "child.family", "child.name"):
        return fd.name_part(kid, k)
    fdl = field_of(fd, k, kid)
    if fdl.kind == "tri":
        return fd.tri_text(fdl, tri_style)
    if fdl.kind == "type":
        return fd.type_text(type_style)
    if fdl.state != "filled":
        return fdl.empty_text
    if fdl.kind in ("lines", "paras"):
        return list(fdl.raw)
    return fdl.raw


def wrap_label(text):
    """Force a label onto two lines at the space nearest its middle ("Child's" / "forename(s)")."""
    words = text.split(" ")
    if len(words) < 2:
        return text
    best, pos = None, 0
    for i in range(1, len(words)):
        left = len(" ".join(words[:i]))
        d = abs(left - len(text) / 2)
        if best is None or d < best:
            best, pos = d, i
    return " ".join(words[:pos]) + "\n" + " ".join(words[pos:])


# ---------------------------------------------------------------------------
# U1: label | value | guidance
# ---------------------------------------------------------------------------

def build_u1(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd, guidance=g.chance(0.7))
    tri_style = g.choice(["words", "caps", "yn", "glyph"])
    type_style = g.choice(["glyph", "label"])
    t = grid_table(doc, 1, 3)
    for i, h in enumerate(g.choice([["Question", "Answer", "Guidance notes"],
                                    ["Information required", "Response", "Notes for completion"],
                                    ["", "Details", "Guidance"]])):
        set_cell(t.rows[0].cells[i], h, bold=True)
    pe, pp = fd.area.partnership_email, fd.area.partnership_phone
    short_sections = {"lead"} if g.chance(0.6) else set()
    for si, (sec, keys) in enumerate(plan(fd), start=1):
        if sec == "ag":
            section_row(t, fd.section("ag"))
            row = t.add_row()
            c = row.cells[0].merge(row.cells[-1])
            set_cell(c, "Please list the agencies and professionals involved in the table below.")
            continue
        section_row(t, fd.section(sec))
        for ki, k in enumerate(keys, start=1):
            row = t.add_row()
            set_cell(row.cells[0], fd.label(k, short=sec in short_sections, number=f"{si}.{ki}"))
            set_cell(row.cells[1], answer(fd, k, tri_style=tri_style, type_style=type_style),
                     mode="paras" if k == "inc.summary" else g.choice(["paras", "breaks"]))
            note = GUIDE_NOTES.get(k, "")
            set_cell(row.cells[2], note.format(pe=pe, pp=pp), size=8)
    widths(t, [5.5, 8.0, 4.0])
    doc.add_paragraph()
    doc.add_paragraph(fd.section("ag"))
    agencies_table(doc, fd)
    if g.chance(0.5):
        page_break(doc)
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# U2: four-column grid label | value | label | value, narrow label columns
# ---------------------------------------------------------------------------

LONG_KEYS = {"inc.summary", "crit.reason", "imm", "inc.type", "child.address"}


def u2_rows(fd: FormData, sec, keys):
    """Pair short fields two to a row; long fields and long questions get a full row."""
    rows, pending = [], []
    for k in keys:
        long = k in LONG_KEYS or (k in TRI_KEYS and len(fd.label(k, short=True)) > 40) or k == "crit.reason"
        if long:
            if pending:
                rows.append(pending)
                pending = []
            rows.append([k])
        else:
            pending.append(k)
            if len(pending) == 2:
                rows.append(pending)
                pending = []
    if pending:
        rows.append(pending)
    return rows


def build_u2_docx(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd)
    tri_style = g.choice(["words", "caps", "yn", "glyph"])
    force_wrap = g.chance(0.6)
    lw, vw = g.choice([(2.2, 6.4), (2.4, 6.2), (2.0, 6.6)])
    t = grid_table(doc, 0, 4)
    for sec, keys in plan(fd):
        if sec == "ag":
            continue
        section_row(t, fd.section(sec))
        for pair in u2_rows(fd, sec, keys):
            row = t.add_row()
            if len(pair) == 1:
                k = pair[0]
                lab = fd.label(k, short=True)
                set_cell(row.cells[0], wrap_label(lab) if force_wrap else lab, bold=True, size=8)
                c = row.cells[1].merge(row.cells[3])
                set_cell(c, answer(fd, k, tri_style=tri_style, type_style="glyph"), mode="paras")
            else:
                for j, k in enumerate(pair):
                    lab = fd.label(k, short=True)
                    set_cell(row.cells[2 * j], wrap_label(lab) if force_wrap else lab, bold=True, size=8)
                    shade(row.cells[2 * j], "F2F2F2")
                    set_cell(row.cells[2 * j + 1], answer(fd, k, tri_style=tri_style), mode="breaks")
    widths(t, [lw, vw, lw, vw])
    doc.add_paragraph()
    doc.add_paragraph(fd.section("ag"))
    agencies_table(doc, fd)
    if g.chance(0.5):
        page_break(doc)
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# U3: label cell above value cell, two or three pairs per row pair
# ---------------------------------------------------------------------------

def build_u3(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd)
    per = g.choice([2, 3])
    tri_style = g.choice(["words", "glyph", "caps"])
    for sec, keys in plan(fd):
        if sec == "ag":
            p = doc.add_paragraph()
            p.add_run(fd.section("ag")).bold = True
            agencies_table(doc, fd)
            continue
        p = doc.add_paragraph()
        p.add_run(fd.section(sec)).bold = True
        t = grid_table(doc, 0, per)
        pending = []

        def flush():
            if not pending:
                return
            lrow, vrow = t.add_row(), t.add_row()
            for j in range(per):
                if j < len(pending):
                    k = pending[j]
                    set_cell(lrow.cells[j], fd.label(k, short=sec in ("lead",)), bold=True, size=9)
                    shade(lrow.cells[j], "EDEDED")
                    set_cell(vrow.cells[j], answer(fd, k, tri_style=tri_style), mode="breaks")
                else:
                    set_cell(lrow.cells[j], "")
                    set_cell(vrow.cells[j], "")
            pending.clear()

        for k in keys:
            if k in LONG_KEYS or k in TRI_KEYS and len(fd.label(k)) > 45:
                flush()
                lrow, vrow = t.add_row(), t.add_row()
                lc = lrow.cells[0].merge(lrow.cells[-1])
                vc = vrow.cells[0].merge(vrow.cells[-1])
                set_cell(lc, fd.label(k), bold=True, size=9)
                shade(lc, "EDEDED")
                set_cell(vc, answer(fd, k, tri_style=tri_style, type_style=g.choice(["glyph", "label"])),
                         mode=g.choice(["paras", "breaks"]) if k == "child.address" else "paras")
            else:
                pending.append(k)
                if len(pending) == per:
                    flush()
        flush()
        doc.add_paragraph()
    if g.chance(0.5):
        page_break(doc)
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# U4: header row of labels, values in the row(s) beneath (one row per child)
# ---------------------------------------------------------------------------

AG_HEADER_VARIANTS = [
    ["Professional", "Organisation", "Telephone / email"],
    ["Name of worker", "Agency / team", "Contact number or email"],
    ["Practitioner", "Service", "How to contact"],
    ["Key professional", "Organisation", "Contact details (tel / email)"],
    ["Worker", "Employer", "Phone / e-mail"],
]


def header_table(doc, fd: FormData, heads, rows, shade_head=True, size=8):
    t = grid_table(doc, 1, len(heads))
    for i, h in enumerate(heads):
        set_cell(t.rows[0].cells[i], h, bold=True, size=size)
        if shade_head:
            shade(t.rows[0].cells[i], "D9E2F3")
    for r in rows:
        row = t.add_row()
        for i, v in enumerate(r):
            set_cell(row.cells[i], v, mode="breaks", size=size + 1)
    return t


def heading(doc, text):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(11)
    return p


def block_table(doc, fd, k):
    """One label cell with its value in the cell beneath."""
    t = grid_table(doc, 2, 1)
    set_cell(t.rows[0].cells[0], fd.label(k), bold=True)
    shade(t.rows[0].cells[0], "D9E2F3")
    set_cell(t.rows[1].cells[0], answer(fd, k), mode="paras")
    return t


def build_u4(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd, landscape=True)
    intro(doc, fd)
    tri_style = g.choice(["words", "yn", "caps"])
    # referrer
    heading(doc, fd.section("ref"))
    ks = [k for k in REF_KEYS if fd.f[k].asked]
    header_table(doc, fd, [fd.label(k, short=True) for k in ks], [[answer(fd, k) for k in ks]])
    doc.add_paragraph()
    heading(doc, fd.section("lead"))
    ks = [k for k in LEAD_KEYS if fd.f[k].asked]
    header_table(doc, fd, [fd.label(k, short=True) for k in ks], [[answer(fd, k, tri_style=tri_style) for k in ks]])
    doc.add_paragraph()
    # children: one row per child, in two or three tables
    heading(doc, fd.section("child") + (" (one row per child)" if len(fd.kids) > 1 else ""))
    kid0 = fd.kids[0]
    groups = [fd.name_keys() + [k for k in ("child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity") if kid0[k].asked],
              [k for k in ("child.address", "child.school", "child.gp", "child.legal_status") if kid0[k].asked],
              [k for k in ("child.cp_plan", "child.open_to_csc", "child.looked_after", "child.disability", "child.date_of_death") if kid0[k].asked]]
    for grp in groups:
        if not grp:
            continue
        header_table(doc, fd, [fd.label(k, short=True) for k in grp],
                     [[answer(fd, k, kid=kid, tri_style=tri_style) for k in grp] for kid in fd.kids])
        doc.add_paragraph()
    if g.chance(0.5):
        page_break(doc)
    heading(doc, fd.section("inc"))
    ks = [k for k in ("inc.date", "inc.la_aware", "inc.location", "inc.type", "inc.police") if fd.f[k].asked]
    header_table(doc, fd, [fd.label(k, short=True) for k in ks],
                 [[answer(fd, k, tri_style=tri_style, type_style="label") for k in ks]])
    doc.add_paragraph()
    block_table(doc, fd, "inc.summary")
    doc.add_paragraph()
    heading(doc, fd.section("crit"))
    ks = ["crit.died", "crit.abuse", "crit.local", "crit.learning"]
    header_table(doc, fd, [fd.label(k) for k in ks], [[answer(fd, k, tri_style=tri_style) for k in ks]])
    doc.add_paragraph()
    block_table(doc, fd, "crit.reason")
    doc.add_paragraph()
    ks = [k for k in PANEL_KEYS if fd.f[k].asked]
    if ks:
        heading(doc, fd.section("panel"))
        header_table(doc, fd, [fd.label(k) for k in ks], [[answer(fd, k, tri_style=tri_style) for k in ks]])
        doc.add_paragraph()
    heading(doc, fd.section("ag"))
    agencies_table(doc, fd, headers=fd.v["ag_headers"] if g.chance(0.4) else g.choice(AG_HEADER_VARIANTS))
    doc.add_paragraph()
    heading(doc, fd.section("imm"))
    block_table(doc, fd, "imm")
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# PDF helpers (reportlab, invariant mode)
# ---------------------------------------------------------------------------

from reportlab.lib import colors                        # noqa: E402
from reportlab.lib.pagesizes import A4                 # noqa: E402
from reportlab.lib.utils import simpleSplit            # noqa: E402
from reportlab.pdfbase import pdfmetrics               # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont           # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas       # noqa: E402

FONT, FONT_B = "Helvetica", "Helvetica-Bold"
GLYPHS_OK = False
for _reg, _bold in (("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),):
    if os.path.exists(_reg) and os.path.exists(_bold):
        pdfmetrics.registerFont(TTFont("DejaVu", _reg))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", _bold))
        FONT, FONT_B, GLYPHS_OK = "DejaVu", "DejaVu-Bold", True

PW, PH = A4
MARGIN = 40


class PdfPages:
    """A canvas with a y cursor, protective marking header/footer on every page."""

    def __init__(self, path, fd: FormData):
        self.c = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(fd.v["title"])
        self.c.setAuthor(fd.area.short)
        self.c.setCreator(fd.area.short)
        self.fd = fd
        self.page = 0
        self.marking = fd.g.choice(MARKINGS)
        self.footer = f"{fd.area.short} referral form (PDF) v{fd.g.r.randint(1, 5)}"
        self.new_page(first=True)

    def new_page(self, first=False):
        if not first:
            self.c.showPage()
        self.page += 1
        c = self.c
        c.setFont(FONT_B, 8)
        c.drawCentredString(PW / 2, PH - 22, self.marking)
        c.setFont(FONT, 7)
        c.drawString(MARGIN, 20, self.footer)
        c.drawRightString(PW - MARGIN, 20, f"Page {self.page}")
        c.drawCentredString(PW / 2, 30, self.marking)
        self.y = PH - 45

    def need(self, h):
        if self.y - h < 50:
            self.new_page()

    def text(self, s, size=9, bold=False, width=None, gap=2, x=MARGIN):
        width = width or (PW - 2 * MARGIN)
        font = FONT_B if bold else FONT
        lines = simpleSplit(s, font, size, width)
        for ln in lines:
            self.need(size + gap)
            self.c.setFont(font, size)
            self.c.drawString(x, self.y - size, ln)
            self.y -= size + gap
        return lines

    def space(self, h):
        self.y -= h

    def save(self):
        self.c.showPage()
        self.c.save()


def pdf_intro(pg: PdfPages, fd: FormData):
    pg.text(fd.area.name, size=11, bold=True)
    pg.text(fd.v["title"], size=14, bold=True)
    pg.text(fd.v["subtitle"], size=9)
    pg.space(4)
    for gtext in GUIDANCE[fd.vk]:
        pg.text(gtext.format(pe=fd.area.partnership_email, pp=fd.area.partnership_phone), size=8)
    pg.space(8)


def value_lines(value, font, size, width):
    """Lines drawn for a value: a list is one item per line (address) or per paragraph
    (summary, with an empty line between paragraphs); a string is wrapped."""
    if isinstance(value, list):
        return value
    return simpleSplit(value or "", font, size, width) or [""]


def para_lines(paras, font, size, width):
    out = []
    for i, p in enumerate(paras):
        if i:
            out.append("")
        out.extend(simpleSplit(collapse(p), font, size, width))
    return out


# ---------------------------------------------------------------------------
# U2 (PDF): the four-column grid drawn with rules; labels wrap inside narrow cells
# ---------------------------------------------------------------------------

def build_u2_pdf(fd: FormData, path):
    g = fd.g
    pg = PdfPages(path, fd)
    c = pg.c
    pdf_intro(pg, fd)
    W = PW - 2 * MARGIN
    lw = g.choice([62, 68, 74])
    vw = (W - 2 * lw) / 2
    xs = [MARGIN, MARGIN + lw, MARGIN + lw + vw, MARGIN + 2 * lw + vw, MARGIN + W]
    LS, VS = 7.5, 8.5      # label / value font sizes
    lead_l, lead_v = LS + 1.5, VS + 2.5
    tri_style = g.choice(["words", "caps", "yn"] + (["glyph"] if GLYPHS_OK else []))
    type_style = "glyph" if GLYPHS_OK and g.chance(0.5) else "label"

    def draw_row(cells):
        """cells: list of (x0, x1, lines, bold, size, lead, fill)."""
        h = max(len(ls) * ld for (_, _, ls, _, _, ld, _) in cells) + 7
        pg.need(h)
        top = pg.y
        for x0, x1, ls, bold, size, ld, fill in cells:
            if fill:
                c.setFillGray(0.92)
                c.rect(x0, top - h, x1 - x0, h, stroke=0, fill=1)
                c.setFillGray(0)
            c.setLineWidth(0.6)
            c.rect(x0, top - h, x1 - x0, h, stroke=1, fill=0)
            c.setFont(FONT_B if bold else FONT, size)
            yy = top - 3 - size
            for ln in ls:
                c.drawString(x0 + 3, yy, ln)
                yy -= ld
        pg.y = top - h

    def fit(text, width):
        """Font size at which the longest word of a label fits its narrow cell."""
        size = LS
        longest = max(text.split(" "), key=lambda w: pdfmetrics.stringWidth(w, FONT_B, LS))
        while size > 5.0 and pdfmetrics.stringWidth(longest, FONT_B, size) > width:
            size -= 0.25
        return size

    def label_cell(k, x0, x1):
        text = fd.label(k, short=True)
        size = fit(text, x1 - x0 - 6)
        return (x0, x1, simpleSplit(text, FONT_B, size, x1 - x0 - 6), True, size, size + 1.5, True)

    for sec, keys in plan(fd):
        if sec == "ag":
            continue
        pg.need(40)
        draw_row([(MARGIN, MARGIN + W, [fd.section(sec)], True, 9, 11, True)])
        for pair in u2_rows(fd, sec, keys):
            if len(pair) == 1:
                k = pair[0]
                val = answer(fd, k, tri_style=tri_style, type_style=type_style)
                if k == "inc.summary" and isinstance(val, list):
                    vl = para_lines(val, FONT, VS, xs[4] - xs[1] - 6)
                elif isinstance(val, list):
                    vl = val
                else:
                    vl = simpleSplit(val, FONT, VS, xs[4] - xs[1] - 6) or [""]
                draw_row([label_cell(k, xs[0], xs[1]),
                          (xs[1], xs[4], vl, False, VS, lead_v, False)])
            else:
                cells = []
                for j in range(2):
                    if j < len(pair):
                        k = pair[j]
                        val = answer(fd, k, tri_style=tri_style)
                        cells.append(label_cell(k, xs[2 * j], xs[2 * j + 1]))
                        cells.append((xs[2 * j + 1], xs[2 * j + 2], value_lines(val, FONT, VS, vw - 6), False, VS, lead_v, False))
                    else:
                        cells.append((xs[2 * j], xs[2 * j + 1], [""], True, LS, lead_l, True))
                        cells.append((xs[2 * j + 1], xs[2 * j + 2], [""], False, VS, lead_v, False))
                draw_row(cells)
    # agencies table
    pg.space(10)
    pg.need(60)
    pg.text(fd.section("ag"), size=10, bold=True)
    heads = fd.v["ag_headers"]
    aw = [W * 0.27, W * 0.38, W * 0.35]
    ax = [MARGIN, MARGIN + aw[0], MARGIN + aw[0] + aw[1], MARGIN + W]
    draw_row([(ax[i], ax[i + 1], simpleSplit(heads[i], FONT_B, LS, aw[i] - 6), True, LS, lead_l, True) for i in range(3)])
    rows = [[a["name"] or "", a["agency"].strip(), a["contact"]] for a in fd.agencies] + [["", "", ""]] * g.r.randint(0, 2)
    for r in rows:
        draw_row([(ax[i], ax[i + 1], simpleSplit(r[i], FONT, VS, aw[i] - 6) or [""], False, VS, lead_v, False) for i in range(3)])
    # office use
    pg.space(14)
    pg.need(80)
    draw_row([(MARGIN, MARGIN + W, [fd.section("office")], True, 9, 11, True)])
    for lab in ["Date received", "Reference", "Decision"]:
        draw_row([(xs[0], xs[1], [lab], True, LS, lead_l, True), (xs[1], xs[4], [""], False, VS, lead_v, False)])
    pg.save()


# ---------------------------------------------------------------------------
# U5: fillable AcroForm, generic field names (Text1.., Check Box1..), no tooltips;
#     the label is printed to the left of the widget or just above it.
# ---------------------------------------------------------------------------

def build_u5(fd: FormData, path):
    g = fd.g
    pg = PdfPages(path, fd)
    c = pg.c
    form = c.acroForm
    pdf_intro(pg, fd)
    W = PW - 2 * MARGIN
    counters = {"t": 0, "b": 0}
    above_mode = g.choice(["left", "left", "above", "mixed"])
    label_w = g.choice([190, 210, 230])
    FS = 9

    def tname():
        counters["t"] += 1
        return f"Text{counters['t']}"

    def bname():
        counters["b"] += 1
        return f"Check Box{counters['b']}"

    def tf(x, y, w, h, value, multiline=False):
        form.textfield(name=tname(), value=value or "", x=x, y=y, width=w, height=h, maxlen=0,
                       fieldFlags="multiline" if multiline else "", fontName="Helvetica", fontSize=FS,
                       borderWidth=0.6, borderColor=colors.black, fillColor=colors.white, forceBorder=True)

    def cb(x, y, checked):
        form.checkbox(name=bname(), x=x, y=y, size=10, checked=bool(checked), buttonStyle="cross",
                      borderWidth=0.6, forceBorder=True)

    def text_value(k, kid=None):
        if k in ("child.given", "child.family", "child.name"):
            return fd.name_part(kid or fd.kids[0], k)
        fdl = field_of(fd, k, kid)
        if fdl.state != "filled":
            return fdl.empty_text
        if fdl.kind == "lines":
            return "\n".join(fdl.raw)
        if fdl.kind == "paras":
            return "\n\n".join(collapse(p) for p in fdl.raw)
        return fdl.raw.strip() if isinstance(fdl.raw, str) else fdl.raw

    def field(k, kid=None):
        fdl = field_of(fd, k, kid)
        lab = fd.label(k, short=False)
        multi = fdl.kind in ("lines", "paras") or k in ("crit.reason", "imm")
        h = 16
        if multi:
            h = {"lines": 52, "paras": 150}.get(fdl.kind, 60)
        above = above_mode == "above" or multi or (above_mode == "mixed" and g.chance(0.5))
        lab_lines = simpleSplit(lab, FONT, FS, (W if above else label_w - 8))
        if above:
            pg.need(len(lab_lines) * 11 + h + 8)
            for ln in lab_lines:
                c.setFont(FONT, FS)
                c.drawString(MARGIN, pg.y - FS, ln)
                pg.y -= 11
            pg.y -= 2
            tf(MARGIN, pg.y - h, W, h, text_value(k, kid), multiline=multi)
            pg.y -= h + 8
        else:
            rowh = max(h, len(lab_lines) * 11)
            pg.need(rowh + 6)
            yy = pg.y - FS - 2
            for ln in lab_lines:
                c.setFont(FONT, FS)
                c.drawString(MARGIN, yy, ln)
                yy -= 11
            tf(MARGIN + label_w, pg.y - h, W - label_w, h, text_value(k, kid))
            pg.y -= rowh + 6

    def tri(k, kid=None):
        fdl = field_of(fd, k, kid)
        lab = fd.label(k, short=False)
        lab_lines = simpleSplit(lab, FONT, FS, W - 130)
        rowh = max(14, len(lab_lines) * 11)
        pg.need(rowh + 6)
        yy = pg.y - FS - 2
        for ln in lab_lines:
            c.setFont(FONT, FS)
            c.drawString(MARGIN, yy, ln)
            yy -= 11
        v = fdl.value
        bx = MARGIN + W - 110
        c.setFont(FONT, FS)
        c.drawString(bx, pg.y - FS - 2, "Yes")
        cb(bx + 22, pg.y - 12, v is True)
        c.drawString(bx + 50, pg.y - FS - 2, "No")
        cb(bx + 68, pg.y - 12, v is False)
        pg.y -= rowh + 6

    def incident_type():
        lab = fd.label("inc.type")
        pg.need(5 * 14 + 20)
        pg.text(lab, size=FS)
        for key, tl in TYPE_SETS[fd.vk].items():
            cb(MARGIN + 10, pg.y - 11, fd.case["type"] == key)
            c.setFont(FONT, FS)
            c.drawString(MARGIN + 26, pg.y - FS - 1, tl)
            if key == "other":
                c.drawString(MARGIN + 200, pg.y - FS - 1, "Please specify:")
                tf(MARGIN + 270, pg.y - 13, W - 270, 13,
                   fd.type_other if fd.case["type"] == "other" and fd.type_other else "")
            pg.y -= 14
        pg.y -= 6

    for sec, keys in plan(fd):
        pg.need(60)
        pg.space(4)
        pg.text(fd.section(sec), size=10, bold=True)
        pg.space(3)
        if sec == "ag":
            heads = fd.v["ag_headers"] if g.chance(0.5) else g.choice(AG_HEADER_VARIANTS)
            aw = [W * 0.28, W * 0.37, W * 0.35]
            ax = [MARGIN, MARGIN + aw[0], MARGIN + aw[0] + aw[1]]
            for i in range(3):
                c.setFont(FONT_B, FS)
                c.drawString(ax[i], pg.y - FS, heads[i])
            pg.y -= 14
            rows = [[a["name"] or "", a["agency"].strip(), a["contact"]] for a in fd.agencies]
            rows += [["", "", ""]] * (6 - len(rows) if len(rows) < 6 else 0)
            for r in rows:
                pg.need(20)
                for i in range(3):
                    tf(ax[i], pg.y - 15, aw[i] - 4, 15, r[i])
                pg.y -= 18
            continue
        for k in keys:
            fdl = field_of(fd, k)
            if k in ("child.given", "child.family", "child.name"):
                field(k)
            elif fdl.kind == "tri":
                tri(k)
            elif fdl.kind == "type":
                incident_type()
            else:
                field(k)
    pg.space(10)
    pg.need(70)
    pg.text(fd.section("office"), size=10, bold=True)
    for lab in ["Date received", "Reference number"]:
        c.setFont(FONT, FS)
        c.drawString(MARGIN, pg.y - FS - 2, lab)
        tf(MARGIN + label_w, pg.y - 16, W - label_w, 16, "")
        pg.y -= 22
    pg.save()


EXTRA_OPTS = {}

# ---------------------------------------------------------------------------
# U6: 'Label: value' paragraphs, new wordings, Yes/No answered in words
# ---------------------------------------------------------------------------

ELABORATE = {
    "lead.discussed": (["Yes – discussed on {d}", "Yes, agreed by {lead}", "Yes – {lead} agreed the referral"],
                       ["No – {lead} is on leave", "No, not yet"]),
    "inc.police": (["Yes – Child Abuse Investigation Team", "Yes, an investigation is ongoing", "Yes – police attended"],
                   ["No – not a police matter at present", "No"]),
    "child.cp_plan": (["Yes – currently on a plan", "Yes (previously)"], ["No – never", "No"]),
    "child.open_to_csc": (["Yes – allocated social worker", "Yes"], ["No – case closed last year", "No"]),
    "child.looked_after": (["Yes", "Yes – foster care"], ["No", "No – lives with family"]),
    "panel.notified": (["Yes – by the local authority", "Yes"], ["No – not yet", "No"]),
}


def worded_yes_no(fd: FormData, k, fdl):
    g = fd.g
    if fdl.state == "filler":
        return fdl.empty_text
    v = fdl.value
    if v is None:
        return g.choice(["", "Not known", "Unknown"])
    opts = ELABORATE.get(k)
    if opts and g.chance(0.7):
        t = g.choice(opts[0] if v else opts[1])
        lead = fd.f["lead.name"].value or "my manager"
        return t.format(d=fmt_date(fd.case["ref_date"] - dt.timedelta(days=g.r.randint(0, 2)), "slash_short"),
                        lead=lead)
    return g.choice(["Yes", "YES", "Yes."] if v else ["No", "NO", "No."])


def build_u6(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd)
    sep_style = g.choice(["colon", "tab", "mixed"])
    addr_style = g.choice(["paras", "breaks", "inline"])

    def lab(k, num):
        t = fd.label(k, short=False, number=num).rstrip(":")
        return t

    def sep(t=""):
        st = sep_style if sep_style != "mixed" else g.choice(["colon", "tab"])
        if t.endswith("?"):
            return "\t" if st == "tab" else " "
        return ":\t" if st == "tab" else ": "

    for si, (sec, keys) in enumerate(plan(fd), start=1):
        if sec == "crit" and g.chance(0.4):
            page_break(doc)
        h = doc.add_paragraph()
        h.add_run(fd.section(sec)).bold = True
        if sec == "ag":
            agencies_table(doc, fd)
            continue
        if sec == "crit" and g.chance(0.5):
            gp = doc.add_paragraph()
            gp.add_run("Answer Yes or No to each question. If you are unsure, ring {}.".format(
                fd.area.partnership_phone)).italic = True
        for ki, k in enumerate(keys, start=1):
            num = f"{si}.{ki}"
            t = lab(k, num)
            if k in ("child.given", "child.family", "child.name"):
                doc.add_paragraph(t + sep(t) + fd.name_part(fd.kids[0], k))
                continue
            fdl = field_of(fd, k)
            if fdl.kind == "tri":
                doc.add_paragraph(t + sep(t) + worded_yes_no(fd, k, fdl))
            elif fdl.kind == "type":
                doc.add_paragraph(t + sep(t) + fd.type_text("label"))
            elif fdl.kind == "paras" or k in ("crit.reason", "imm"):
                p = doc.add_paragraph()
                p.add_run(t).bold = True
                if fdl.state != "filled":
                    doc.add_paragraph(fdl.empty_text)
                elif fdl.kind == "paras":
                    for para in fdl.raw:
                        doc.add_paragraph(para)
                else:
                    doc.add_paragraph(fdl.raw)
            elif fdl.kind == "lines" and fdl.state == "filled":
                if addr_style == "inline":
                    p = doc.add_paragraph(t + sep(t))
                    for i, line in enumerate(fdl.raw):
                        r = p.add_run(line)
                        if i < len(fdl.raw) - 1:
                            r.add_break()
                elif addr_style == "paras":
                    p = doc.add_paragraph(t + ("" if t.endswith("?") else ":"))
                    for line in fdl.raw:
                        doc.add_paragraph(line)
                else:
                    doc.add_paragraph(t + ("" if t.endswith("?") else ":"))
                    p = doc.add_paragraph()
                    for i, line in enumerate(fdl.raw):
                        r = p.add_run(line)
                        if i < len(fdl.raw) - 1:
                            r.add_break()
            else:
                doc.add_paragraph(t + sep(t) + answer(fd, k))
    doc.add_paragraph()
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# U7: label | value table with neighbouring distractor questions, blanks, fillers
# ---------------------------------------------------------------------------

def distractors(fd: FormData):
    g = fd.g
    yn = lambda: g.choice(["Yes", "No"])  # noqa: E731
    d0 = fd.case["inc_date"]
    return {
        "ref.agency": [("Is your organisation currently working with the family?", yn()),
                       ("Is your organisation a statutory partner?", yn())],
        "ref.phone": [("Best time to contact you", g.choice(["Mornings", "Any time", "After 2pm"]))],
        "lead.agency": [("Has the child's GP been told about this referral?", yn())],
        "lead.email": [("Is the lead available for the Rapid Review meeting?", yn())],
        "child.dob": [("NHS number", f"{g.r.randint(400, 499)} {g.r.randint(100, 999)} {g.r.randint(1000, 9999)}")],
        "child.school": [("Is school attendance a concern?", yn())],
        "child.looked_after": [("Does the family need an interpreter?", yn()),
                               ("First language", g.choice(["English", "Polish", "Urdu", "Arabic"]))],
        "inc.la_aware": [("Date of last contact by your agency",
                          fmt_date(d0 - dt.timedelta(days=g.r.randint(5, 40)), fd.main_style))],
        "inc.police": [("Police reference (if known)", f"{fd.area.short[:2]}/{g.r.randint(1000, 9999)}/{g.r.randint(10, 99)}")],
        "panel.notified": [("Have the parents been told about this referral?", yn())],
        "crit.learning": [("Has consent been obtained to share this information?", yn())],
    }


def build_u7(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd)
    tri_style = g.choice(["words", "glyph", "glyph_after", "caps"])
    dis = distractors(fd)
    chosen = set(g.r.sample(sorted(dis), g.r.randint(5, len(dis))))
    # 'rows': each distractor is a row of its own under the real field; 'beside': the first
    # distractor sits in the same row, in two extra cells to the right of the real answer.
    placement = g.choice(["rows", "beside", "beside"])
    ncols = 4 if placement == "beside" else 2
    t = grid_table(doc, 0, ncols)
    short_sections = {"ref", "lead"} if g.chance(0.6) else set()

    def field_row(label, value, mode="paras", beside=None):
        row = t.add_row()
        set_cell(row.cells[0], label)
        if ncols == 2:
            set_cell(row.cells[1], value, mode=mode)
        elif beside:
            set_cell(row.cells[1], value, mode=mode)
            set_cell(row.cells[2], beside[0])
            set_cell(row.cells[3], beside[1])
        else:
            set_cell(row.cells[1].merge(row.cells[3]), value, mode=mode)

    def tri_text(fdl):
        if tri_style == "glyph_after" and fdl.state != "filler":
            v = fdl.value
            return {True: "Yes ☒   No ☐", False: "Yes ☐   No ☒", None: "Yes ☐   No ☐"}[v]
        return fd.tri_text(fdl, tri_style if tri_style != "glyph_after" else "words")

    for si, (sec, keys) in enumerate(plan(fd), start=1):
        section_row(t, fd.section(sec))
        if sec == "ag":
            field_row("Agencies involved", "See the table below")
            continue
        for ki, k in enumerate(keys, start=1):
            label = fd.label(k, short=sec in short_sections, number=f"{si}.{ki}")
            fdl = field_of(fd, k) if k not in ("child.given", "child.family", "child.name") else None
            extra = list(dis[k]) if k in chosen else []
            long = k in LONG_KEYS or (fdl is not None and fdl.kind == "paras")
            beside = extra.pop(0) if (extra and placement == "beside" and not long) else None
            if fdl is not None and fdl.kind == "tri":
                field_row(label, tri_text(fdl), beside=beside)
            else:
                field_row(label, answer(fd, k, type_style="glyph" if tri_style.startswith("glyph") else "label"),
                          beside=beside)
            for q, a in extra:
                field_row(q, a)
    widths(t, [7.0, 10.4] if ncols == 2 else [4.6, 5.4, 4.6, 2.8])
    doc.add_paragraph()
    doc.add_paragraph(fd.section("ag"))
    agencies_table(doc, fd, blank_rows=g.r.randint(1, 3))
    office_use(doc, fd)
    save_docx(doc, path)


# ---------------------------------------------------------------------------
# U8: Yes | No tick columns, and a child-per-column grid for two children
# ---------------------------------------------------------------------------

TICKS = ["✓", "✔", "X", "x"]


def tick_table(doc, fd: FormData, keys, tick, kid=None, heads=("Yes", "No")):
    t = grid_table(doc, 1, 3)
    set_cell(t.rows[0].cells[0], fd.g.choice(["", "Please tick", "Question"]), bold=True)
    set_cell(t.rows[0].cells[1], heads[0], bold=True)
    set_cell(t.rows[0].cells[2], heads[1], bold=True)
    for k in keys:
        fdl = field_of(fd, k, kid)
        row = t.add_row()
        set_cell(row.cells[0], fd.label(k))
        v = fdl.value
        set_cell(row.cells[1], tick if v is True else "")
        set_cell(row.cells[2], tick if v is False else "")
    widths(t, [12.0, 2.7, 2.7])
    return t


def lv_table(doc, fd: FormData, keys, short=False):
    t = grid_table(doc, 0, 2)
    for k in keys:
        row = t.add_row()
        set_cell(row.cells[0], fd.label(k, short=short))
        set_cell(row.cells[1], answer(fd, k), mode="paras")
    widths(t, [6.5, 10.9])
    return t


def build_u8(fd: FormData, path):
    g = fd.g
    doc = new_doc(fd)
    intro(doc, fd)
    tick = g.choice(TICKS)
    # referrer and lead
    heading(doc, fd.section("ref"))
    lv_table(doc, fd, [k for k in REF_KEYS if fd.f[k].asked])
    doc.add_paragraph()
    heading(doc, fd.section("lead"))
    lv_table(doc, fd, [k for k in LEAD_KEYS if fd.f[k].asked and k != "lead.discussed"], short=g.chance(0.5))
    if fd.f["lead.discussed"].asked:
        tick_table(doc, fd, ["lead.discussed"], tick)
    doc.add_paragraph()
    # children side by side
    heading(doc, fd.section("child"))
    kid0 = fd.kids[0]
    heads = g.choice([["", "Child 1", "Child 2"], ["", "First child", "Second child"], ["Details", "Child A", "Child B"]])
    text_keys = fd.name_keys() + [k for k in ("child.other_names", "child.dob", "child.age", "child.gender",
                                              "child.ethnicity", "child.address", "child.school", "child.gp",
                                              "child.legal_status", "child.disability", "child.date_of_death")
                                  if kid0[k].asked]
    tri_keys = [k for k in ("child.cp_plan", "child.open_to_csc", "child.looked_after") if kid0[k].asked]
    split_ticks = g.chance(0.5)
    t = grid_table(doc, 1, 3)
    for i, h in enumerate(heads):
        set_cell(t.rows[0].cells[i], h, bold=True)
    for k in text_keys + ([] if split_ticks else tri_keys):
        row = t.add_row()
        set_cell(row.cells[0], fd.label(k, short=True))
        for j, kid in enumerate(fd.kids[:2]):
            fdl = kid["child.name"] if k in ("child.given", "child.family", "child.name") else kid[k]
            if fdl.kind == "tri":
                val = fd.tri_text(fdl, g.choice(["words", "yn"]))
            else:
                val = answer(fd, k, kid=kid)
            set_cell(row.cells[1 + j], val, mode="breaks")
    widths(t, [5.5, 6.0, 6.0])
    if split_ticks and tri_keys:
        doc.add_paragraph()
        t = grid_table(doc, 2, 5)
        sub = [heads[1], heads[1], heads[2], heads[2]]
        set_cell(t.rows[0].cells[0], "")
        for i in range(4):
            set_cell(t.rows[0].cells[1 + i], sub[i] or "", bold=True)
            set_cell(t.rows[1].cells[1 + i], ["Yes", "No"][i % 2], bold=True)
        set_cell(t.rows[1].cells[0], "")
        for k in tri_keys:
            row = t.add_row()
            set_cell(row.cells[0], fd.label(k))
            for j, kid in enumerate(fd.kids[:2]):
                v = kid[k].value
                set_cell(row.cells[1 + 2 * j], tick if v is True else "")
                set_cell(row.cells[2 + 2 * j], tick if v is False else "")
        widths(t, [8.4, 2.2, 2.2, 2.2, 2.2])
    doc.add_paragraph()
    if g.chance(0.5):
        page_break(doc)
    # incident
    heading(doc, fd.section("inc"))
    lv_table(doc, fd, [k for k in ("inc.date", "inc.la_aware", "inc.location") if fd.f[k].asked])
    doc.add_paragraph(fd.label("inc.type") + (" (tick one)" if g.chance(0.5) else ""))
    t = grid_table(doc, 0, 2)
    for key, lab in TYPE_SETS[fd.vk].items():
        row = t.add_row()
        if key == "other" and fd.case["type"] == "other" and fd.type_other:
            lab = f"{lab}: {fd.type_other}"
        set_cell(row.cells[0], lab)
        set_cell(row.cells[1], tick if fd.case["type"] == key else "")
    widths(t, [12.0, 2.7])
    doc.add_paragraph()
    lv_table(doc, fd, ["inc.summary"])
    if fd.f["inc.police"].asked:
        tick_table(doc, fd, ["inc.police"], tick)
    doc.add_paragraph()
    heading(doc, fd.section("crit"))
    tick_table(doc, fd, ["crit.died", "crit.abuse", "crit.local", "crit.learning"], tick,
               heads=g.choice([("Yes", "No"), ("YES", "NO"), ("Y", "N")]))
    lv_table(doc, fd, ["crit.reason"])
    doc.add_paragraph()
    if fd.f["panel.notified"].asked:
        heading(doc, fd.section("panel"))
        tick_table(doc, fd, ["panel.notified"], tick)
        if fd.f["panel.date"].asked:
            lv_table(doc, fd, ["panel.date"])
        doc.add_paragraph()
    heading(doc, fd.section("ag"))
    agencies_table(doc, fd)
    doc.add_paragraph()
    heading(doc, fd.section("imm"))
    lv_table(doc, fd, ["imm"])
    office_use(doc, fd)
    save_docx(doc, path)


EXTRA_OPTS.update({"U6": dict(noisy=0.06), "U7": dict(noisy=0.25, unparseable_fillers=True),
                   "U8": dict(noisy=0.05)})


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

BUILDERS = {}   # layout id -> (extension, builder, FormData options)


def register():
    BUILDERS.update({
        "U1": ("docx", build_u1, dict(noisy=0.06)),
        "U2": ("docx", build_u2_docx, dict(noisy=0.06)),
        "U2-pdf": ("pdf", build_u2_pdf, dict(noisy=0.06)),
        "U3": ("docx", build_u3, dict(noisy=0.06)),
        "U4": ("docx", build_u4, dict(noisy=0.06)),
        "U5": ("pdf", build_u5, dict(noisy=0.06)),
    })
    for name in ("U6", "U7", "U8"):
        fn = globals().get("build_" + name.lower())
        if fn:
            BUILDERS[name] = ("docx", fn, EXTRA_OPTS.get(name, {}))


PLAN = [("U1", 9), ("U2", 6), ("U2-pdf", 6), ("U3", 10), ("U4", 10), ("U5", 10), ("U6", 10), ("U7", 10), ("U8", 9)]
CHILDREN = {"U4": (1, 3), "U8": (2, 2)}


def load_schema():
    for p in SCHEMA_CANDIDATES:
        if p.exists():
            return json.loads(p.read_text())
    raise SystemExit("referral.schema.json not found (looked in %s)" % ", ".join(map(str, SCHEMA_CANDIDATES)))


def make_one(job):
    """Build one document and return its truth entry (runs in a worker process)."""
    num, fseed, kind, vocab, forms_dir, truth_dir = job
    stem = f"u{num:03d}"
    g = Gen(fseed)
    if kind.startswith("bad:"):
        truth = {b.__name__: b for b in BAD_INPUTS}[kind[4:]](g, forms_dir, stem)
    else:
        layout = kind
        ext, builder, opts = BUILDERS[layout]
        lo, hi = CHILDREN.get(layout, (1, 1))
        nkids = g.r.randint(lo, hi)
        case = make_case(g, AREAS[vocab], n_children=nkids)
        fd = FormData(g, case, vocab, layout, n_children=nkids, **opts)
        fname = f"{stem}.{ext}"
        builder(fd, forms_dir / fname)
        rec = fd.record()
        truth = {"file": fname, "layout": layout.split("-")[0], "format": ext, "vocabulary": vocab,
                 "expect_status": "parsed", "expect_reason": None, "record": rec,
                 "date_style": fd.main_style, "label_style": fd.deco, "scenario": case["scenario"]}
        if fd.notes:
            truth["notes"] = sorted(set(fd.notes))
    (truth_dir / f"{stem}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth


def pool_map(fn, items, jobs):
    if jobs <= 1:
        return [fn(x) for x in items]
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs) as pool:
        return pool.map(fn, items, chunksize=2)


def make_all(outdir: Path, seed: int, jobs: int = 1):
    import jsonschema
    register()
    schema = load_schema()
    validator = jsonschema.Draft202012Validator(schema)
    forms_dir, truth_dir = outdir / "forms", outdir / "truth"
    forms_dir.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    for d in (forms_dir, truth_dir):
        for old in d.iterdir():
            if old.is_file():
                old.unlink()
    master = random.Random(seed)
    layouts = []
    for layout, n in PLAN:
        layouts += [layout] * n
    master.shuffle(layouts)
    vocab_cycle = list(VOCABS)
    total = len(layouts) + len(BAD_INPUTS)
    bad_slots = set(master.sample(range(1, total + 1), len(BAD_INPUTS)))
    work, li, bi, vcount = [], 0, 0, {}
    for num in range(1, total + 1):
        fseed = master.randrange(1 << 30)
        if num in bad_slots:
            work.append((num, fseed, "bad:" + BAD_INPUTS[bi].__name__, None, forms_dir, truth_dir))
            bi += 1
            continue
        layout = layouts[li]
        li += 1
        offset = [name for name, _ in PLAN].index(layout)
        vocab = vocab_cycle[(offset + vcount.setdefault(layout, 0)) % len(vocab_cycle)]
        vcount[layout] += 1
        work.append((num, fseed, layout, vocab, forms_dir, truth_dir))
    written = pool_map(make_one, work, jobs)
    for t in written:
        if t["record"] is not None:
            errs = sorted(validator.iter_errors(t["record"]), key=str)
            if errs:
                raise SystemExit(f"{t['file']}: record does not validate: {errs[0].message} at {list(errs[0].path)}")
    return written


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------

def bad_letter_docx(g: Gen, forms_dir, stem):
    area = AREAS[g.choice(list(AREAS))]
    case = make_case(g, area)
    ch = case["children"][0]
    ref = case["referrer"]
    doc = Document()
    cp = doc.core_properties
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    doc.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    for line in [ref["agency"], f"{g.r.randint(1, 90)} {g.choice(STREETS)}", g.choice(area.towns), "",
                 fmt_date(case["ref_date"], "ordinal"), "", "The Business Manager", area.name, "",
                 f"Dear Business Manager,", "",
                 f"Re: {ch['given']} {ch['family']}, born {fmt_date(ch['dob'], 'long')}",
                 ]:
        doc.add_paragraph(line)
    for p in case["summary"][:2]:
        doc.add_paragraph(p)
    doc.add_paragraph("I would be grateful if the Partnership could consider whether this case should be "
                      "referred for a Rapid Review. I have not used the referral form because I could not find "
                      "the current version, but I am happy to provide any further information you need.")
    doc.add_paragraph("Yours sincerely,")
    doc.add_paragraph("")
    doc.add_paragraph(ref["name"])
    doc.add_paragraph(ref["role"])
    doc.add_paragraph(ref["phone"])
    fname = f"{stem}.docx"
    save_docx(doc, forms_dir / fname)
    return {"file": fname, "layout": None, "format": "docx", "vocabulary": None, "expect_status": "needs_review",
            "expect_reason": "not_a_form", "record": None,
            "description": "a plain letter about a child (no form, no labels/values), asking for a Rapid Review"}


def bad_letter_pdf(g: Gen, forms_dir, stem):
    area = AREAS[g.choice(list(AREAS))]
    case = make_case(g, area)
    ch = case["children"][0]
    ref = case["referrer"]
    fname = f"{stem}.pdf"
    c = rl_canvas.Canvas(str(forms_dir / fname), pagesize=A4, invariant=1)
    y = PH - 60
    c.setFont(FONT, 10)
    body = [ref["agency"], "", fmt_date(case["ref_date"], "weekday"), "", f"To: {area.name}", "",
            f"Dear colleagues,", "", f"Re: {ch['given']} {ch['family']}"]
    for ln in body:
        c.drawString(MARGIN + 20, y, ln)
        y -= 14
    for p in case["summary"]:
        for ln in simpleSplit(p, FONT, 10, PW - 2 * MARGIN - 40):
            c.drawString(MARGIN + 20, y, ln)
            y -= 13
        y -= 8
    for ln in ["We would like the Partnership to consider this case at the next Rapid Review meeting.", "",
               "Kind regards,", "", ref["name"], ref["role"]]:
        c.drawString(MARGIN + 20, y, ln)
        y -= 14
    c.showPage()
    c.save()
    return {"file": fname, "layout": None, "format": "pdf", "vocabulary": None, "expect_status": "needs_review",
            "expect_reason": "not_a_form", "record": None,
            "description": "a plain letter (PDF, text layer) about a child, not a referral form"}


def _blank_form(g: Gen, layout):
    vocab = g.choice(list(VOCABS))
    case = make_case(g, AREAS[vocab])
    fd = FormData(g, case, vocab, layout, drop_optional=(0, 0))
    fields = list(fd.f.values()) + [x for kid in fd.kids for x in kid.values()]
    for x in fields:
        x.state = "blank"
        x.empty_text = ""
    for k in TRI_KEYS:
        fd.f.get(k, Field(k, "tri", None, None)).truth = None
    for kid in fd.kids:
        kid["child.name"].raw = {"given": "", "family": ""}
        for k in ("child.cp_plan", "child.open_to_csc", "child.looked_after"):
            kid[k].truth = None
    fd.case = dict(case, type=None)
    fd.type_other = None
    fd.agencies = []
    return fd, vocab


def bad_blank_docx(g: Gen, forms_dir, stem):
    fd, vocab = _blank_form(g, "U1")
    fname = f"{stem}.docx"
    build_u1(fd, forms_dir / fname)
    return {"file": fname, "layout": "U1", "format": "docx", "vocabulary": vocab, "expect_status": "needs_review",
            "expect_reason": "empty_form", "record": None,
            "description": "blank, unfilled form: every answer cell empty, every tick box empty"}


def bad_blank_pdf(g: Gen, forms_dir, stem):
    fd, vocab = _blank_form(g, "U5")
    fname = f"{stem}.pdf"
    build_u5(fd, forms_dir / fname)
    return {"file": fname, "layout": "U5", "format": "pdf", "vocabulary": vocab, "expect_status": "needs_review",
            "expect_reason": "empty_form", "record": None,
            "description": "blank fillable PDF: every text field empty, no box checked"}


BAD_INPUTS = [bad_letter_docx, bad_blank_docx, bad_letter_pdf, bad_blank_pdf]


# ---------------------------------------------------------------------------
# Self-check: every truth validates, every document opens.
# ---------------------------------------------------------------------------

def self_check(outdir: Path, truths, jobs: int = 1):
    per_file = pool_map(check_one, [(outdir, t) for t in truths], jobs)
    return [p for probs in per_file for p in probs]


def check_one(job):
    outdir, t = job
    import jsonschema
    validator = jsonschema.Draft202012Validator(load_schema())
    problems = []
    try:
        import pdfplumber
    except ImportError:   # pragma: no cover
        pdfplumber = None
    import pypdf
    for t in [t]:
        path = outdir / "forms" / t["file"]
        if t["record"] is not None:
            for e in validator.iter_errors(t["record"]):
                problems.append(f"{t['file']}: {e.message}")
        try:
            if path.suffix == ".docx":
                d = Document(str(path))
                if not d.paragraphs and not d.tables:
                    problems.append(f"{t['file']}: empty document")
            else:
                if pdfplumber is not None:
                    with pdfplumber.open(str(path)) as pdf:
                        if not pdf.pages or not pdf.pages[0].chars:
                            problems.append(f"{t['file']}: no text layer")
                r = pypdf.PdfReader(str(path))
                if t.get("layout") == "U5":
                    fields = r.get_fields() or {}
                    if not fields:
                        problems.append(f"{t['file']}: no AcroForm fields")
                    for name, f in fields.items():
                        if not re.match(r"^(Text|Check Box)\d+$", name) or "/TU" in f:
                            problems.append(f"{t['file']}: field {name} is not generic / has a tooltip")
            if t["record"] is not None:
                problems += [f"{t['file']}: {p}" for p in consistency(t, document_text(path))]
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{t['file']}: does not open: {exc}")
    return problems


def document_text(path: Path):
    """All the text a reader can see in a document (body, tables, headers, AcroForm values)."""
    parts = []
    if path.suffix == ".docx":
        d = Document(str(path))
        for sec in d.sections:
            parts += [p.text for p in sec.header.paragraphs] + [p.text for p in sec.footer.paragraphs]
        parts += [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
    else:
        import pypdf
        import pypdfium2
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            for page in pdf:
                tp = page.get_textpage()
                parts.append(tp.get_text_range())
                tp.close()
                page.close()
        finally:
            pdf.close()
        for f in (pypdf.PdfReader(str(path)).get_fields() or {}).values():
            v = f.get("/V")
            if isinstance(v, str):
                parts.append(v)
    return "\n".join(parts)


def consistency(t, text):
    """Every text value in the truth is visible in the document; the partnership's own
    contact details never reach the record."""
    probs = []
    flat = collapse(text.replace("\u00a0", " "))
    low = flat.lower()
    digits = re.sub(r"[^\d+]", "", text)
    words = {w.strip(",;.") for w in flat.split(" ")} | set(flat.split(" "))
    rec = t["record"]

    def walk(o, path):
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, path + [k])
        elif isinstance(o, list):
            for i, v in enumerate(o):
                walk(v, path + [str(i)])
        elif isinstance(o, str):
            leaf = path[-1]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", o):
                d = dt.date.fromisoformat(o)
                if not any(fmt_date(d, st) in flat for st in DATE_STYLES):
                    probs.append(f"{'.'.join(path)}={o} not written in the document in any date style")
                return
            if leaf in ("type", "gender", "form"):
                return
            if leaf == "phone":
                if o.lstrip("+") not in digits:
                    probs.append(f"{'.'.join(path)}={o!r} not in document")
                return
            if leaf == "email":
                if o not in low:
                    probs.append(f"{'.'.join(path)}={o!r} not in document")
                return
            pieces = o.split("\n\n") if leaf == "summary" else (o.split(", ") if leaf == "address" else [o])
            if path[0] == "children" and leaf == "name":
                pieces = o.split(" ")      # a split name: each part is in its own field
            for piece in pieces:
                if t["format"] == "pdf":   # grid cells interleave in extracted text: check word by word
                    missing = [w for w in collapse(piece).split(" ") if w not in words]
                    if missing:
                        probs.append(f"{'.'.join(path)}: words {missing[:3]} not in document")
                elif collapse(piece) not in flat:
                    probs.append(f"{'.'.join(path)}: {piece[:50]!r} not in document")
    walk(rec, [])
    blob = json.dumps(rec).lower()
    blob_digits = re.sub(r"\D", "", blob)
    for area in AREAS.values():
        pd = digits_phone(area.partnership_phone)
        if area.partnership_email in blob or pd in blob_digits or pd[1:] in blob_digits:
            probs.append("partnership contact details in the record")
    return probs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-check", action="store_true", help="skip re-opening the documents")
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                    help="worker processes (output does not depend on it)")
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    truths = make_all(out, a.seed, a.jobs)
    if not a.no_check:
        problems = self_check(out, truths, a.jobs)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
    parsed = sum(1 for t in truths if t["expect_status"] == "parsed")
    by_layout = {}
    for t in truths:
        if t["expect_status"] == "parsed":
            by_layout[t["layout"] + ("-pdf" if t["layout"] == "U2" and t["format"] == "pdf" else "")] = \
                by_layout.get(t["layout"] + ("-pdf" if t["layout"] == "U2" and t["format"] == "pdf" else ""), 0) + 1
    print(f"{len(truths)} documents ({parsed} filled forms, {len(truths) - parsed} bad inputs) in {out}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(by_layout.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
