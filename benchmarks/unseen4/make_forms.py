"""Held-out corpus "unseen4": Case Referral Forms from eight new (invented)
partnerships / organisations, in eleven layouts, Word and PDF.

    python benchmarks/unseen4/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/<stem>.docx|.pdf and OUTDIR/truth/<stem>.json (both folders
are cleared first), then re-opens every document and checks that each stated
value of the truth record appears in the document's text (after normalisation)
and that every record validates against shared/referral.schema.json.
Exit status 1 on any problem. See README.md next to this file.
"""

from __future__ import annotations

import argparse
import copy
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parents[2] / "shared" / "referral.schema.json"
if not SCHEMA.exists():
    SCHEMA = Path("/work/shared/referral.schema.json")

# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DATE_STYLES = ["dmy_slash", "dmy_short", "long", "ord", "dot", "abbr", "yy", "wday", "dash", "spaced"]


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_date(d: date, style: str) -> str:
    if style == "dmy_slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "abbr":
        return f"{d.day}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "yy":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "wday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "spaced":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    raise ValueError(style)


def date_variants(iso: str) -> set[str]:
    """Normalised (alnum, lower) spellings of a date that the renderers may use."""
    d = date.fromisoformat(iso)
    out = {norm(fmt_date(d, s)) for s in DATE_STYLES}
    out.add(f"{d.day:02d}{d.month:02d}{d.year}")          # DD | MM | YYYY boxes
    return out


# --------------------------------------------------------------------------
# people, places
# --------------------------------------------------------------------------
GIRLS = ["Amelia", "Isla", "Freya", "Poppy", "Ellie", "Maisie", "Darcey", "Hollie", "Zara", "Aaliyah",
         "Nevaeh", "Tilly", "Orla", "Ffion", "Cerys", "Elin", "Lowri", "Kacey", "Ruby", "Summer",
         "Niamh", "Ayesha", "Maryam", "Kiera", "Lacey", "Skye", "Esme", "Layla", "Mabli", "Seren"]
BOYS = ["Harley", "Kai", "Alfie", "Reggie", "Tyler", "Callum", "Jayden", "Mason", "Riley", "Kian",
        "Ibrahim", "Yusuf", "Logan", "Ollie", "Rhys", "Gethin", "Dafydd", "Osian", "Bailey", "Tommy",
        "Brandon", "Leon", "Kofi", "Mateusz", "Noah", "Archie", "Jenson", "Teddy", "Iwan", "Cai"]
ADULT_F = ["Karen", "Joanne", "Bethan", "Siobhan", "Rachel", "Nadia", "Helen", "Gillian", "Priya",
           "Lorna", "Catrin", "Michelle", "Angela", "Fiona", "Sunita", "Deborah", "Claire", "Rhian",
           "Tanya", "Yvonne", "Aisha", "Marie", "Louise", "Eleri"]
ADULT_M = ["Gareth", "Martin", "Imran", "Stuart", "Neil", "Declan", "Andrew", "Paul", "Owain",
           "Simon", "Graham", "Wesley", "Rajesh", "Colin", "Huw", "Trevor", "Duncan", "Femi"]
SURNAMES = ["Ashcroft", "Pennington", "Whitfield", "Okonjo", "Hargreaves", "Lindqvist", "Brannigan",
            "Thackeray", "Kowalczyk", "Greenhalgh", "Mistry", "Fairclough", "Ellwood", "Roebuck",
            "Batty", "Onyango", "Sowerby", "Merrick", "Prothero", "Llewellyn", "Pugh", "Rees-Vaughan",
            "Cattermole", "Haworth", "Iqbal", "Dunmore", "Fenwick", "Gaskell", "Quayle", "Stannard",
            "Tomlinson", "Varley", "Wainwright", "Yeadon", "Blakemore", "O'Rourke", "McAteer",
            "Nwachukwu", "Sutcliffe", "Heseltine"]
ETHNICITIES = ["White British", "White - British", "Mixed: White and Black Caribbean", "White Irish",
               "Asian or Asian British - Pakistani", "Black or Black British - African",
               "Any other White background", "Gypsy / Roma", "Mixed - White and Asian",
               "Asian British - Bangladeshi", "White Welsh", "Chinese", "Any other mixed background",
               "Traveller of Irish heritage", "White - Polish"]
DISABILITIES = ["Autism spectrum condition (diagnosed 2023)", "Global developmental delay",
                "Cerebral palsy - uses a wheelchair", "Epilepsy", "Moderate learning difficulty; EHCP in place",
                "Hearing impairment (bilateral aids)", "ADHD", "Down's syndrome", "Type 1 diabetes",
                "Speech and language delay"]
LEGAL = ["Child in need (s.17)", "No order", "Care Order (s.31)", "Interim Care Order (s.38)",
         "Accommodated under s.20", "Child Arrangements Order (lives with father)", "CIN",
         "Child protection plan - category neglect", "Special Guardianship Order", "Not looked after"]
STREETS = ["Larch Close", "Foundry Lane", "Tanners Row", "Moorside Road", "Cinder Street", "Weavers Court",
           "Chapel Fold", "Beck View", "Quarry Bank", "Mill Hey", "Orchard Walk", "Pit Lane",
           "Heol y Felin", "Stryd y Capel", "Maes yr Haf", "Victoria Terrace", "Ropewalk", "Kiln Croft"]


def phone_str(rng, prefix: str) -> str:
    """A drama-range number in one of several written styles."""
    tail = f"{rng.randint(0, 999):03d}"
    if prefix == "mobile":
        d = "07700900" + tail
        return rng.choice([f"07700 900{tail}", f"07700 900 {tail}", d, f"+44 7700 900{tail}", f"07700-900-{tail}"])
    a, b = prefix.split()          # e.g. "0113 4960", "029 20180"
    full = a + b + tail
    body = b + tail
    g = 3 if len(a) == 4 else 4
    styles = [f"{a} {body[:g]} {body[g:]}", f"{a} {body}", full, f"({a}) {body[:g]} {body[g:]}",
              f"+44 {a[1:]} {body[:g]} {body[g:]}"]
    return rng.choice(styles)


def phone_digits(s: str | None) -> str | None:
    if s is None:
        return None
    lead = "+" if s.strip().startswith("+") else ""
    return lead + re.sub(r"\D", "", s)


# --------------------------------------------------------------------------
# vocabularies (one per invented partnership / organisation)
# --------------------------------------------------------------------------
Y = ("Yes", "No")
TYPE_STD = [("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
            ("Death of a looked after child", "lac_death"), ("Death of a care leaver (under 25)", "care_leaver_death"),
            ("Other (please specify)", "other")]

VOCABS: dict[str, dict] = {}

VOCABS["pennine_nhs"] = dict(
    org="Pennine Vale Hospitals NHS Foundation Trust", area="Kirkholme", domain="pvh.nhs.uk",
    la="Kirkholme Metropolitan Borough Council", phone="0113 4960",
    title="Serious Incident Notification - Safeguarding Children",
    subtitle="For referral to Kirkholme Safeguarding Children Partnership (Rapid Review)",
    marking="OFFICIAL-SENSITIVE: PERSONAL (when completed)",
    guidance=["Complete this notification within one working day of the incident being identified and send it to "
              "the Safeguarding Children Team (kirkholme.safeguarding@pvh.nhs.uk, 0113 496 0000). Facts only - do not "
              "speculate. The Trust's own StEIS/Datix report is separate."],
    roles=["Paediatric Registrar", "Ward Sister, Children's Ward", "Consultant Paediatrician", "Emergency Department Sister",
           "Health Visitor", "Community Midwife", "Specialist Nurse, Child Death Review"],
    lead_roles=["Named Nurse for Safeguarding Children", "Named Doctor for Safeguarding Children",
                "Named Midwife", "Head of Safeguarding"],
    agencies=["Pennine Vale Hospitals NHS FT - Children's Emergency Department", "Kirkholme 0-19 Public Health Nursing",
              "Kirkholme Children's Social Care - Assessment Team", "West Kirkholme Police - CAIU", "Moorside Primary School",
              "Kirkholme Early Help Hub", "Turning Point Drug and Alcohol Service"],
    gender_opts=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    type_opts=[("Child death", "death"), ("Serious harm", "serious_harm"), ("Death of a looked after child", "lac_death"),
               ("Death of a care leaver (under 25)", "care_leaver_death"), ("Other (please specify)", "other")],
    yes_no=Y,
    sections=[
        ("Section A - Person reporting", "form", [
            ("date_of_referral", "Date of notification"), ("r.name", "Reported by (name)"),
            ("r.role", "Job title / band"), ("r.agency", "Trust / directorate"),
            ("r.phone", "Direct dial or mobile"), ("r.email", "NHSmail / Trust email")]),
        ("Section B - Named professional for safeguarding children consulted", "form", [
            ("s.name", "Named Nurse / Named Doctor"), ("s.role", "Designation"), ("s.agency", "Organisation"),
            ("s.phone", "Telephone"), ("s.email", "Email"),
            ("s.discussed", "Has the Named professional agreed this notification?")]),
        ("Section C - Patient (child) details", "child", [
            ("c.name", "Patient name"), ("x.nhs", "NHS number"), ("c.other_names", "Known as / alias"),
            ("c.dob", "Date of birth"), ("c.age", "Age (only if DOB not known)"), ("c.gender", "Sex"),
            ("c.ethnicity", "Ethnic category"), ("c.address", "Usual address"), ("c.gp", "Registered GP practice"),
            ("c.school", "School / nursery / college"), ("c.legal_status", "Legal status"),
            ("c.cp_plan", "Child protection plan - current or previous?"),
            ("c.open_to_csc", "Open to children's social care?"), ("c.looked_after", "Looked after child (LAC)?"),
            ("c.disability", "Disability / long-term condition"), ("c.date_of_death", "Date of death (if applicable)")]),
        ("Section D - The incident", "form", [
            ("i.date", "Date incident occurred"), ("i.date_la_aware", "Date local authority informed"),
            ("i.location", "Where did the incident happen? (ward, department or address)"),
            ("i.type", "Category of incident"), ("x.datix", "Datix / StEIS reference"),
            ("i.police_involved", "Police in attendance or investigating?"),
            ("i.summary", "Brief factual description of the incident")]),
        ("Section E - Rapid Review criteria", "form", [
            ("k.died", "Child has died or been seriously harmed"), ("k.abuse", "Abuse or neglect known or suspected"),
            ("k.local", "Child normally resident in Kirkholme, or incident occurred in Kirkholme"),
            ("k.learning", "Potential learning for more than one agency"),
            ("k.reason", "Clinical rationale - why the criteria are met")]),
        ("Section F - National notification, other agencies, immediate actions", "form", [
            ("panel", "Has the Child Safeguarding Practice Review Panel been notified?"),
            ("panel_date", "Date Panel notified"),
            ("agencies", "Other teams and agencies involved",
             [("Service / team", "agency"), ("Lead professional", "name"), ("Contact details", "contact")]),
            ("immediate", "Immediate safety actions taken and any concerns for siblings")]),
    ])

VOCABS["northmoor_police"] = dict(
    org="Northmoor Police", area="Northmoor", domain="northmoor.police.uk", la="Northmoor Council",
    phone="0191 4980", title="PUBLIC PROTECTION UNIT - CHILD SAFEGUARDING REFERRAL TO PARTNERSHIP",
    subtitle="Form PPU/17 (rev. 4). Complete in BLOCK CAPITALS where handwritten.",
    marking="OFFICIAL - SENSITIVE",
    guidance=["Submit via the Northmoor Safeguarding Children Partnership secure mailbox within 24 hours of the "
              "incident. Out of hours contact the PPU duty DS on 0191 498 0000. Do not include intelligence grading."],
    roles=["Detective Constable", "Detective Sergeant", "Police Constable", "Detective Inspector",
           "Investigating Officer, CAIU", "Safeguarding Officer"],
    lead_roles=["Detective Inspector, Public Protection", "Detective Sergeant (Supervisor)", "Detective Chief Inspector",
                "PPU Supervisor"],
    rank_names=True,
    agencies=["Northmoor Children's Social Care", "Northmoor Hospitals NHS Trust", "Northmoor 0-19 Service",
              "Riverside Academy", "North East Ambulance Service", "Northmoor Youth Justice Service", "Barnardo's Northmoor"],
    gender_opts=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    type_opts=[("Child death", "death"), ("Serious harm", "serious_harm"), ("Death of a child in care", "lac_death"),
               ("Death of a care leaver", "care_leaver_death"), ("Other", "other")],
    yes_no=("YES", "NO"),
    sections=[
        ("1. OFFICER SUBMITTING", "form", [
            ("r.name", "OFFICER (RANK AND NAME)"), ("x.collar", "COLLAR / WARRANT NO."), ("r.role", "ROLE"),
            ("r.agency", "FORCE / UNIT"), ("r.contact", "CONTACT (TEL / EMAIL)"),
            ("date_of_referral", "DATE OF SUBMISSION")]),
        ("2. SUPERVISOR / SAFEGUARDING LEAD", "form", [
            ("s.name", "SUPERVISOR (RANK AND NAME)"), ("s.role", "ROLE"), ("s.phone", "TEL"), ("s.email", "EMAIL"),
            ("s.discussed", "REVIEWED WITH SUPERVISOR?")]),
        ("3. CHILD (SUBJECT)", "child", [
            ("c.surname", "SURNAME"), ("c.forename", "FORENAME(S)"), ("c.other_names", "AKA / PREVIOUS NAMES"),
            ("c.dob", "DATE OF BIRTH", "e.g. 01/01/2015"), ("c.age", "AGE IF DOB UNKNOWN"), ("c.gender", "SEX"),
            ("c.ethnicity", "SELF-DEFINED ETHNICITY"), ("c.address", "HOME ADDRESS"), ("c.school", "SCHOOL"),
            ("c.cp_plan", "CP PLAN (NOW OR PREVIOUSLY)?"), ("c.open_to_csc", "KNOWN TO CHILDREN'S SOCIAL CARE?"),
            ("c.looked_after", "CHILD IN CARE?"), ("c.date_of_death", "DATE OF DEATH")]),
        ("4. INCIDENT", "form", [
            ("x.crime", "CRIME / OCCURRENCE REF"), ("i.date", "DATE OF INCIDENT"),
            ("i.date_la_aware", "DATE LOCAL AUTHORITY AWARE"), ("i.location", "LOCATION OF INCIDENT"),
            ("i.type", "INCIDENT CATEGORY"), ("i.police_involved", "POLICE INVESTIGATION OPENED?"),
            ("i.summary", "CIRCUMSTANCES (FACTS KNOWN AT TIME OF REFERRAL)")]),
        ("5. REVIEW CRITERIA", "form", [
            ("k.died", "CHILD DIED / SERIOUSLY HARMED?"), ("k.abuse", "ABUSE OR NEGLECT SUSPECTED?"),
            ("k.local", "NORTHMOOR CONNECTION (RESIDENT OR INCIDENT IN AREA)?"),
            ("k.learning", "MULTI-AGENCY LEARNING IDENTIFIED?"), ("k.reason", "RATIONALE")]),
        ("6. NOTIFICATIONS AND PARTNERS", "form", [
            ("panel", "NATIONAL PANEL NOTIFIED?"), ("panel_date", "DATE PANEL NOTIFIED", "DD / MM / YYYY"),
            ("agencies", "PARTNER AGENCIES INVOLVED",
             [("AGENCY", "agency"), ("OFFICER / WORKER", "name"), ("ROLE", None), ("TEL / EMAIL", "contact")]),
            ("immediate", "IMMEDIATE SAFEGUARDING ACTIONS / RISKS")]),
    ])

VOCABS["ashworth_plain"] = dict(
    ref_agencies=["Ashworth Children's Social Care", "Dene Valley Medical Centre", "Ashworth Health Visiting Team", "St Anne's C of E Primary School", "Ashworth Housing Options"],
    org="Ashworth and Dene Safeguarding Children Partnership", area="Ashworth", domain="ashworthdene.gov.uk",
    la="Ashworth and Dene Council", phone="0115 4960",
    title="Asking us to look at a case",
    subtitle="Questions for professionals who think a child's case should be reviewed",
    marking="Private when filled in",
    guidance=["Please answer the questions in plain words. If you don't know an answer, leave the space empty. "
              "Send the finished form to reviews@ashworthdene.gov.uk or ring us on 0115 496 0000 if you need help."],
    roles=["Family Support Worker", "Social Worker", "School Nurse", "Headteacher", "Youth Worker", "GP",
           "Early Help Practitioner", "Housing Officer"],
    lead_roles=["Designated Safeguarding Lead", "Safeguarding Manager", "Named GP for Safeguarding", "Team Manager"],
    agencies=["Ashworth Children's Social Care", "Dene Valley Medical Centre", "Ashworth Health Visiting Team",
              "St Anne's C of E Primary School", "Ashworth Police Station", "Ashworth Housing Options",
              "Dene Women's Aid"],
    gender_text=[("Girl", "female"), ("Boy", "male"), ("Non-binary", "other")],
    type_text=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
               ("Death of a looked after child", "lac_death"), ("Death of a care leaver", "care_leaver_death"),
               ("Other", "other")],
    yes_no=Y,
    sections=[
        ("About you", "form", [
            ("date_of_referral", "Today's date"), ("r.name", "What is your name?"), ("r.role", "What is your job?"),
            ("r.agency", "Where do you work?"), ("r.phone", "What is the best phone number to reach you on?"),
            ("r.email", "What is your work email address?"),
            ("s.name", "Who is the safeguarding lead in your organisation?"), ("s.role", "What is their job title?"),
            ("s.phone", "Their phone number"), ("s.email", "Their email address"),
            ("s.discussed", "Have you talked to them about this referral?")]),
        ("About the child", "child", [
            ("c.name", "Child's name"), ("c.other_names", "Is the child known by any other name?"),
            ("c.dob", "Child's date of birth"), ("c.age", "If you don't know their date of birth, how old are they?"),
            ("c.gender", "Is the child a boy or a girl, or do they describe themselves another way?"),
            ("c.ethnicity", "What is the child's ethnic background?"), ("c.address", "Where does the child live?"),
            ("c.school", "Which school, college or nursery do they go to?"), ("c.gp", "Who is their GP?"),
            ("c.legal_status", "Is there a court order or legal status we should know about?"),
            ("c.cp_plan", "Is the child on a child protection plan now, or have they been on one in the past?"),
            ("c.open_to_csc", "Does children's social care know the child?"),
            ("c.looked_after", "Is the child in care (looked after)?"),
            ("c.disability", "Does the child have a disability? If so, what is it?"),
            ("c.date_of_death", "If the child has died, on what date?")]),
        ("What happened", "form", [
            ("i.type", "What are you telling us about?"), ("i.date", "When did it happen?"),
            ("i.location", "Where did it happen?"), ("i.date_la_aware", "When did the council first hear about it?"),
            ("i.summary", "Please tell us what happened, in your own words."),
            ("i.police_involved", "Are the police involved?")]),
        ("Why we should look at this case", "form", [
            ("k.died", "Has the child died or been seriously hurt?"),
            ("k.abuse", "Do you think abuse or neglect played a part?"),
            ("k.local", "Does the child live in Ashworth or Dene, or did this happen here?"),
            ("k.learning", "Do you think more than one service could learn from this?"),
            ("k.reason", "Why do you think we should review this case?"),
            ("panel", "Has anyone told the national Child Safeguarding Practice Review Panel?"),
            ("panel_date", "If yes, on what date?")]),
        ("Who else is involved", "form", [
            ("agencies", "Which other services are working with the family?",
             [("Service", "agency"), ("Worker's name", "name"), ("How to contact them", "contact")]),
            ("immediate", "Is anyone at risk right now? What has been done about it?")]),
    ])

VOCABS["calderbrook_rr"] = dict(
    ref_agencies=["Calderbrook Council", "Calderbrook Council Children's Services", "Calderbrook and Irwell NHS Trust"],
    org="Calderbrook Council", area="Calderbrook", domain="calderbrook.gov.uk", la="Calderbrook Council",
    phone="0161 4960", title="Rapid Review Referral (Children)",
    subtitle="Calderbrook Safeguarding Children Partnership - Local Child Safeguarding Practice Review process",
    marking="OFFICIAL SENSITIVE",
    guidance=["Referrals are screened by the Rapid Review Coordinator (0161 496 0000, rapidreview@calderbrook.gov.uk). "
              "A Rapid Review must be completed within 15 working days of the Panel being notified."],
    roles=["Team Manager, Locality Team", "Social Worker", "Independent Reviewing Officer", "Senior Practitioner",
           "Designated Nurse", "Head of Service, Children in Care", "Youth Justice Officer"],
    lead_roles=["Head of Safeguarding", "Service Manager, Quality Assurance", "Designated Nurse Safeguarding Children",
                "Principal Social Worker"],
    agencies=["Calderbrook Children's Services", "Calderbrook and Irwell NHS Trust", "Greater Calder Police",
              "Brookside High School", "Calderbrook Leaving Care Service", "Calder Housing Group",
              "Calderbrook CAMHS", "Community Midwifery"],
    gender_text=[("Female", "female"), ("Male", "male"), ("F", "female"), ("M", "male"), ("Other", "other")],
    type_opts=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
               ("Death of a looked after child", "lac_death"), ("Death of a care leaver aged 18 to 24", "care_leaver_death"),
               ("Other serious incident", "other")],
    yes_no=Y,
    sections=[
        ("Referral", "form", [
            ("date_of_referral", "Referral date"), ("r.name", "Referring practitioner"), ("r.role", "Designation"),
            ("r.agency", "Service / organisation"), ("r.email", "E-mail"), ("r.phone", "Tel.")]),
        ("Agency safeguarding lead", "form", [
            ("s.name", "Lead's name"), ("s.role", "Lead's designation"), ("s.agency", "Lead's organisation"),
            ("s.email", "Lead's e-mail"), ("s.phone", "Lead's tel."),
            ("s.discussed", "Referral agreed by agency safeguarding lead")]),
        ("Child", "child", [
            ("c.forename", "Forename(s)"), ("c.surname", "Family name"), ("c.other_names", "Also known as"),
            ("c.dob", "DoB / EDD"), ("c.age", "Age (if DoB unknown)"), ("c.gender", "Gender"),
            ("c.ethnicity", "Ethnicity"), ("c.address", "Home address"), ("c.school", "Education setting"),
            ("c.gp", "GP surgery"), ("c.legal_status", "Legal status"), ("c.cp_plan", "CP plan (current/previous)"),
            ("c.open_to_csc", "Open/known to CSC"), ("c.looked_after", "Child looked after"),
            ("c.disability", "SEND / disability"), ("c.date_of_death", "Date of death")]),
        ("Serious incident", "form", [
            ("i.type", "Notifiable incident"), ("i.date", "Date of serious incident"),
            ("i.date_la_aware", "Date Calderbrook Council became aware"), ("i.location", "Place of incident"),
            ("i.police_involved", "Police involvement"),
            ("i.summary", "Outline of the incident and the family's circumstances")]),
        ("Criteria (Working Together 2023, chapter 5)", "form", [
            ("k.died", "The child has died or been seriously harmed"),
            ("k.abuse", "Abuse or neglect is known or suspected"),
            ("k.local", "The child normally lives in Calderbrook or the incident occurred here"),
            ("k.learning", "There may be learning for the multi-agency system"),
            ("k.reason", "Why the criteria are met")]),
        ("Notification", "form", [
            ("panel", "Notified to the Child Safeguarding Practice Review Panel"),
            ("panel_date", "Date of notification to the Panel"),
            ("immediate", "Immediate risks to this or other children and action taken")]),
        ("Annex A - Agencies involved with the child and family", "annex", [
            ("agencies", "Agencies involved",
             [("Organisation", "agency"), ("Practitioner", "name"), ("Role", None), ("Still involved?", None),
              ("Contact", "contact")])]),
    ])

VOCABS["westmarch_mash"] = dict(
    ref_agencies=["Westmarch Children's Services", "Westmarch Community Health", "Westmarch Probation", "Westmarch Junior School"],
    org="Westmarch Multi-Agency Safeguarding Hub", area="Westmarch", domain="westmarch.gov.uk",
    la="Westmarch Borough Council", phone="0117 4960",
    title="MASH Serious Incident Screening and Referral",
    subtitle="Westmarch Safeguarding Children Partnership",
    marking="OFFICIAL-SENSITIVE",
    guidance=["If a child is in immediate danger ring 999. For advice ring the MASH consultation line on "
              "0117 496 0000 (Monday to Friday, 9am to 5pm) or email mash@westmarch.gov.uk."],
    roles=["Social Worker", "MASH Practitioner", "Health Visitor", "Probation Officer", "Family Support Worker",
           "Education Welfare Officer", "Paediatric Liaison Nurse"],
    lead_roles=["MASH Team Manager", "Safeguarding Lead", "Designated Safeguarding Lead", "Senior Probation Officer"],
    agencies=["Westmarch Children's Services", "Westmarch Community Health", "Avon Vale Police", "Westmarch Probation",
              "Hill Top Nursery", "Westmarch Junior School", "Westmarch Women's Refuge"],
    gender_text=[("Girl", "female"), ("Boy", "male"), ("Female", "female"), ("Male", "male"), ("Other", "other")],
    type_opts=TYPE_STD,
    yes_no=Y,
    sections=[
        ("Who is referring?", "form", [
            ("date_of_referral", "Date form completed"), ("r.name", "Your name"), ("r.role", "Your role"),
            ("r.agency", "Your organisation"), ("r.phone", "Your telephone"), ("r.email", "Your email")]),
        ("Your safeguarding lead", "form", [
            ("s.name", "Name"), ("s.role", "Role"), ("s.agency", "Organisation"), ("s.phone", "Telephone"),
            ("s.email", "Email"), ("s.discussed", "Has your safeguarding lead agreed this referral?")]),
        ("About the child", "child", [
            ("c.forename", "First name"), ("c.surname", "Last name"), ("c.other_names", "Any other names"),
            ("c.dob", "Date of birth"), ("c.gender", "Gender"), ("c.ethnicity", "Ethnicity"),
            ("c.address", "Home address"), ("c.school", "School / setting"), ("c.gp", "GP"),
            ("c.legal_status", "Legal status"),
            ("c.cp_plan", "Is or was the child subject to a child protection plan?"),
            ("c.open_to_csc", "Is the child open to children's social care?"),
            ("c.looked_after", "Is the child looked after?"),
            ("c.disability", "Does the child have a disability? (give details)"),
            ("x.died_q", "Has the child died?"), ("c.date_of_death", "If yes, date of death")]),
        ("What happened?", "form", [
            ("i.type", "What are you notifying? (delete those that do not apply)"), ("i.date", "Date of incident"),
            ("i.date_la_aware", "Date the local authority became aware"), ("i.location", "Where did it happen?"),
            ("i.police_involved", "Are the police involved?"), ("x.parents_aware", "Are the parents aware of this referral?"),
            ("i.summary", "What happened? (facts, dates, who was present)")]),
        ("Does it meet the criteria?", "form", [
            ("k.died", "Has the child died or been seriously harmed?"),
            ("k.abuse", "Is abuse or neglect known or suspected?"),
            ("k.local", "Does the child live in Westmarch, or did it happen here?"),
            ("k.learning", "Could agencies learn from this together?"), ("k.reason", "Why do you think so?")]),
        ("National Panel and other agencies", "form", [
            ("panel", "Has the national Panel been notified?"), ("panel_date", "Date the Panel was notified"),
            ("agencies", "Who else is involved?", [("Name", "name"), ("Agency", "agency"), ("Phone / email", "contact")]),
            ("immediate", "Is any child at immediate risk? What is being done?")]),
    ])

VOCABS["hollins_school"] = dict(
    org="Hollins Park Academy", area="Brackenford", domain="hollinspark.sch.uk", la="Brackenford City Council",
    phone="0114 4960", title="Designated Safeguarding Lead - Serious Incident Referral",
    subtitle="Hollins Park Academy Trust: referral to Brackenford Safeguarding Children Partnership",
    marking="CONFIDENTIAL - SAFEGUARDING",
    guidance=["Part 1 is completed by the member of staff; Part 2 onwards with the DSL. Keep a copy on the pupil's "
              "safeguarding file. Partnership business unit: 0114 496 0000, bscp@brackenford.gov.uk."],
    roles=["Class Teacher", "Head of Year 9", "Pastoral Manager", "Deputy DSL", "SENCo", "Learning Mentor",
           "Attendance Officer", "Teaching Assistant"],
    lead_roles=["Designated Safeguarding Lead", "Deputy Headteacher and DSL", "Assistant Principal (DSL)",
                "Headteacher / DSL"],
    agencies=["Brackenford Children's Social Care", "School Nursing Service", "Brackenford CAMHS",
              "South Yorkshire Moors Police", "Brackenford Young Carers", "Educational Psychology Service",
              "Brackenford Early Help"],
    gender_opts=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    gender_text=[("Female", "female"), ("Male", "male"), ("Girl", "female"), ("Boy", "male"), ("Other", "other")],
    type_opts=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
               ("Death of a child in care", "lac_death"), ("Death of a care leaver", "care_leaver_death"),
               ("Other", "other")],
    yes_no=Y,
    sections=[
        ("PART 1 - STAFF MEMBER MAKING THE REFERRAL", "form", [
            ("date_of_referral", "Date"), ("r.name", "Name of staff member"), ("r.role", "Position in school"),
            ("r.agency", "School / academy"), ("r.email", "School email", "e.g. j.bloggs@hollinspark.sch.uk"),
            ("r.phone", "Contact telephone", "e.g. 0114 496 0000")]),
        ("PART 2 - DESIGNATED SAFEGUARDING LEAD", "form", [
            ("s.name", "DSL name"), ("s.role", "DSL role"), ("s.email", "DSL email"), ("s.phone", "DSL phone"),
            ("s.discussed", "Referral discussed with DSL?")]),
        ("PART 3 - PUPIL DETAILS", "child", [
            ("c.name", "Pupil's full name"), ("c.other_names", "Preferred / other name"),
            ("c.dob", "Date of birth", "e.g. 01/01/2015"), ("x.upn", "UPN"), ("c.gender", "Gender"),
            ("c.ethnicity", "Ethnicity"), ("c.address", "Home address"), ("c.school", "School attended"),
            ("c.gp", "GP (if known)"), ("c.cp_plan", "Child protection plan (current or past)"),
            ("c.open_to_csc", "Known to social care"), ("c.looked_after", "Child looked after (CLA)"),
            ("c.disability", "SEND / EHCP details"), ("c.date_of_death", "Date of death (if applicable)")]),
        ("PART 4 - THE INCIDENT", "form", [
            ("i.type", "Type of incident"), ("i.date", "Date of incident"),
            ("i.date_la_aware", "Date the local authority was told"), ("i.location", "Where it happened"),
            ("i.police_involved", "Police informed / involved"), ("i.summary", "What happened? Record facts only")]),
        ("PART 5 - REVIEW CRITERIA", "form", [
            ("k.died", "Pupil has died or been seriously harmed"), ("k.abuse", "Abuse or neglect known or suspected"),
            ("k.local", "Pupil lives in Brackenford or the incident happened in Brackenford"),
            ("k.learning", "Learning for more than one agency"),
            ("k.reason", "Why the DSL believes the criteria are met"),
            ("panel", "National Panel notified by the local authority?"), ("panel_date", "Date (if known)")]),
        ("PART 6 - OTHER AGENCIES AND IMMEDIATE ACTIONS", "form", [
            ("agencies", "Other agencies working with the pupil/family",
             [("Agency", "agency"), ("Contact name", "name"), ("Phone / email", "contact")]),
            ("immediate", "Immediate actions taken by school / risks to other pupils")]),
    ])

VOCABS["gwernant_cy"] = dict(
    ref_agencies=["Gwasanaethau Plant Gwernant / Gwernant Children's Services", "Bwrdd Iechyd Prifysgol Gwernant", "Heddlu Dyfed-Gwernant", "Ysgol Uwchradd Gwernant"],
    org="Bwrdd Diogelu Rhanbarthol Gwernant / Gwernant Regional Safeguarding Board", area="Gwernant",
    domain="gwernant.llyw.cymru", la="Cyngor Sir Gwernant / Gwernant County Council", phone="029 20180",
    title="Ffurflen Atgyfeirio - Adolygiad Ymarfer Plant / Referral Form - Child Practice Review",
    subtitle="Bwrdd Diogelu Rhanbarthol Gwernant / Gwernant Regional Safeguarding Board",
    marking="SENSITIF SWYDDOGOL / OFFICIAL SENSITIVE",
    guidance=["Anfonwch y ffurflen at / Send the form to: diogelu@gwernant.llyw.cymru. Ffôn / Telephone: 029 2018 0000."],
    roles=["Gweithiwr Cymdeithasol / Social Worker", "Health Visitor", "Ymwelydd Iechyd / Health Visitor",
           "Team Manager", "Detective Sergeant", "Pennaeth / Headteacher", "School Nurse"],
    lead_roles=["Arweinydd Diogelu / Safeguarding Lead", "Named Nurse Safeguarding Children", "Rheolwr Tîm / Team Manager",
                "Designated Safeguarding Person"],
    agencies=["Gwasanaethau Plant Gwernant / Gwernant Children's Services", "Bwrdd Iechyd Prifysgol Gwernant",
              "Heddlu Dyfed-Gwernant", "Ysgol Gynradd Maes yr Haf", "Gwernant Youth Offending Service",
              "Tai Gwernant Housing"],
    gender_opts=[("Benyw / Female", "female"), ("Gwryw / Male", "male"), ("Arall / Other", "other")],
    type_opts=[("Marwolaeth plentyn / Death of a child", "death"), ("Niwed difrifol / Serious harm", "serious_harm"),
               ("Marwolaeth plentyn sy'n derbyn gofal / Death of a looked after child", "lac_death"),
               ("Marwolaeth person sy'n gadael gofal / Death of a care leaver", "care_leaver_death"),
               ("Arall / Other", "other")],
    yes_no=("Ie / Yes", "Na / No"),
    sections=[
        ("Adran 1: Manylion yr atgyfeiriwr / Section 1: Referrer details", "form", [
            ("date_of_referral", "Dyddiad atgyfeirio / Date of referral"), ("r.name", "Enw / Name"),
            ("r.role", "Swydd / Job title"), ("r.agency", "Asiantaeth / Agency"),
            ("r.phone", "Rhif ffôn / Telephone number"), ("r.email", "E-bost / Email")]),
        ("Adran 2: Arweinydd diogelu / Section 2: Safeguarding lead", "form", [
            ("s.name", "Enw / Name"), ("s.role", "Swydd / Job title"), ("s.agency", "Asiantaeth / Agency"),
            ("s.phone", "Rhif ffôn / Telephone"), ("s.email", "E-bost / Email"),
            ("s.discussed", "Wedi trafod gyda'r arweinydd diogelu? / Discussed with the safeguarding lead?")]),
        ("Adran 3: Manylion y plentyn / Section 3: Child's details", "child", [
            ("c.forename", "Enw cyntaf / First name"), ("c.surname", "Cyfenw / Surname"),
            ("c.other_names", "Enwau eraill / Other names"), ("c.dob", "Dyddiad geni / Date of birth"),
            ("c.age", "Oedran (os nad yw'r dyddiad geni yn hysbys) / Age (if date of birth not known)"),
            ("c.gender", "Rhywedd / Gender"), ("c.ethnicity", "Ethnigrwydd / Ethnicity"),
            ("c.address", "Cyfeiriad cartref / Home address"), ("c.school", "Ysgol / School"),
            ("c.gp", "Meddyg teulu / GP"), ("c.legal_status", "Statws cyfreithiol / Legal status"),
            ("c.cp_plan", "Cynllun amddiffyn plant (nawr neu o'r blaen)? / Child protection plan (now or before)?"),
            ("c.open_to_csc", "Yn hysbys i'r gwasanaethau cymdeithasol? / Known to children's social services?"),
            ("c.looked_after", "Plentyn sy'n derbyn gofal? / Looked after child?"),
            ("c.disability", "Anabledd / Disability"), ("c.date_of_death", "Dyddiad marw / Date of death")]),
        ("Adran 4: Y digwyddiad / Section 4: The incident", "form", [
            ("i.type", "Math o ddigwyddiad / Type of incident"), ("i.date", "Dyddiad y digwyddiad / Date of incident"),
            ("i.date_la_aware", "Dyddiad y daeth yr awdurdod lleol yn ymwybodol / Date the local authority became aware"),
            ("i.location", "Lleoliad / Location"), ("i.police_involved", "Yr heddlu'n rhan? / Police involved?"),
            ("i.summary", "Crynodeb o'r digwyddiad / Summary of the incident")]),
        ("Adran 5: Meini prawf / Section 5: Criteria", "form", [
            ("k.died", "Mae'r plentyn wedi marw neu wedi cael niwed difrifol / The child has died or been seriously harmed"),
            ("k.abuse", "Amheuaeth o gam-drin neu esgeulustod / Abuse or neglect known or suspected"),
            ("k.local", "Yn byw yn Gwernant neu digwyddodd yma / Lives in Gwernant or it happened here"),
            ("k.learning", "Dysgu amlasiantaethol / Multi-agency learning"),
            ("k.reason", "Rheswm dros atgyfeirio / Reason for referral")]),
        ("Adran 6: Asiantaethau eraill / Section 6: Other agencies", "form", [
            ("agencies", "Asiantaethau eraill / Other agencies",
             [("Enw / Name", "name"), ("Asiantaeth / Agency", "agency"), ("Cyswllt / Contact", "contact")]),
            ("immediate", "Pryderon uniongyrchol / Immediate concerns")]),
    ])

VOCABS["eastbridge_coded"] = dict(
    ref_agencies=["Eastbridge Children's Social Care", "Eastbridge Community Health Services", "Eastbridge Academy", "Eastbridge Early Help"],
    org="Eastbridge Safeguarding Children Partnership", area="Eastbridge", domain="eastbridge.gov.uk",
    la="Eastbridge Council", phone="0118 4960",
    title="Case Notification Form CN1",
    subtitle="Eastbridge Safeguarding Children Partnership - Case Review Group",
    marking="OFFICIAL - SENSITIVE WHEN COMPLETE",
    guidance=["Answer coded items with a code from the key. Return to the Case Review Group, "
              "crg@eastbridge.gov.uk / 0118 496 0000."],
    roles=["Social Worker", "Practice Manager", "Health Visitor", "School Nurse", "Youth Worker",
           "Paediatric Consultant", "Housing Support Officer"],
    lead_roles=["Safeguarding Lead", "Head of Service", "Designated Safeguarding Lead", "Named Nurse"],
    agencies=["Eastbridge Children's Social Care", "Eastbridge Community Health Services", "Thames Reach Police",
              "Eastbridge Academy", "Eastbridge Early Help", "Eastbridge Adult Mental Health Team"],
    codes=dict(
        yn=[("1", True, "Yes"), ("2", False, "No"), ("9", None, "Not known")],
        sex=[("1", "female", "Female"), ("2", "male", "Male"), ("3", "other", "Other"), ("9", None, "Not recorded")],
        type=[("D1", "death", "Death of a child"), ("D2", "lac_death", "Death of a looked after child"),
              ("D3", "care_leaver_death", "Death of a care leaver"), ("H1", "serious_harm", "Serious harm to a child"),
              ("Z", "other", "Other (give details)")]),
    yes_no=Y,
    sections=[
        ("A  Referrer", "form", [
            ("date_of_referral", "A1 Date of referral"), ("r.name", "A2 Name"), ("r.role", "A3 Job title"),
            ("r.agency", "A4 Organisation"), ("r.phone", "A5 Telephone"), ("r.email", "A6 Email")]),
        ("B  Safeguarding lead", "form", [
            ("s.name", "B1 Name"), ("s.role", "B2 Job title"), ("s.agency", "B3 Organisation"),
            ("s.phone", "B4 Telephone"), ("s.email", "B5 Email"), ("s.discussed", "B6 Discussed with lead? [key 1]")]),
        ("C  Child(ren)", "child", [
            ("c.forename", "C1 Forename(s)"), ("c.surname", "C2 Surname"), ("c.other_names", "C3 Other names"),
            ("c.dob", "C4 Date of birth"), ("c.age", "C5 Age if DOB unknown"), ("c.gender", "C6 Sex [key 2]"),
            ("c.ethnicity", "C7 Ethnicity"), ("c.address", "C8 Address"), ("c.school", "C9 School / setting"),
            ("c.gp", "C10 GP"), ("c.legal_status", "C11 Legal status"), ("c.cp_plan", "C12 CP plan now or before [key 1]"),
            ("c.open_to_csc", "C13 Open to CSC [key 1]"), ("c.looked_after", "C14 Looked after [key 1]"),
            ("c.disability", "C15 Disability"), ("c.date_of_death", "C16 Date of death")]),
        ("D  Incident", "form", [
            ("i.type", "D1 Incident type [key 3]"), ("i.date", "D2 Date of incident"),
            ("i.date_la_aware", "D3 Date LA aware"), ("i.location", "D4 Location"),
            ("i.police_involved", "D5 Police involved [key 1]"), ("i.summary", "D6 Summary")]),
        ("E  Criteria", "form", [
            ("k.died", "E1 Died or seriously harmed [key 1]"), ("k.abuse", "E2 Abuse/neglect known or suspected [key 1]"),
            ("k.local", "E3 Resident in / incident in Eastbridge [key 1]"),
            ("k.learning", "E4 Multi-agency learning [key 1]"), ("k.reason", "E5 Reason")]),
        ("F  National Panel", "form", [
            ("panel", "F1 Panel notified [key 1]"), ("panel_date", "F2 Date Panel notified")]),
        ("G  Agencies involved", "form", [
            ("agencies", "G Agencies involved", [("Agency", "agency"), ("Worker", "name"), ("Contact", "contact")])]),
        ("H  Immediate concerns", "form", [("immediate", "H1 Immediate concerns")]),
    ])

# --------------------------------------------------------------------------
# narrative text
# --------------------------------------------------------------------------
SUMMARY = {
    "death": [
        "{n} was found unresponsive by {carer} at the family home in the early hours of {d}. Paramedics attended and "
        "{n} was taken to {hosp}, where resuscitation was stopped shortly after arrival.",
        "Early information suggests that {n} had been sleeping on a sofa with {carer2}, who had been drinking alcohol "
        "the evening before. A travel cot was in the flat but had not been put up.",
        "The family had moved to the area in the summer and had not been registered with a GP until September. Two "
        "health visitor contacts were missed and a letter was sent but not followed up.",
        "The police attended and a joint agency response was started under the sudden unexpected death in childhood "
        "procedure. The post-mortem result is awaited.",
        "{carer} has said that {n} had been unwell with a cough for several days. There were no hospital attendances "
        "in the previous six months.",
    ],
    "serious_harm": [
        "{n} was brought to {hosp} by {carer} on {d} with swelling to the left thigh. An X-ray showed a fracture of "
        "the femur and a skeletal survey found two healing rib fractures.",
        "The explanation given, a fall from a changing table, was not thought consistent with the injuries by the "
        "consultant paediatrician. A strategy discussion was held the same afternoon.",
        "{n} was admitted to the paediatric intensive care unit after swallowing methadone that had been kept in an "
        "unlabelled bottle in the kitchen. {n} is now stable.",
        "School had raised concerns about {n}'s weight loss, poor attendance and tiredness over the spring term. When "
        "admitted, {n} was severely underweight and dehydrated.",
        "There is a history of domestic abuse between {carer} and {carer2}, with three police call-outs this year. "
        "{carer2} has been arrested and released on bail with conditions.",
    ],
    "lac_death": [
        "{n} was placed in a residential children's home out of area at the time. Staff found {n} unresponsive in a "
        "bedroom on the morning of {d} and called an ambulance.",
        "{n} had been missing from the placement on eleven occasions since January, and there were concerns about "
        "criminal exploitation and county lines activity.",
        "A multi-agency child exploitation meeting had been arranged for the week after {n} died. The placement "
        "had given notice two weeks earlier.",
    ],
    "care_leaver_death": [
        "{n} was a care leaver living in supported accommodation and was allocated a personal adviser from the "
        "leaving care service. {n} was found dead in the flat on {d}.",
        "{n} had a history of self-harm and had been waiting for an adult mental health assessment since the spring. "
        "Contact with the personal adviser had become irregular.",
        "The coroner has been informed. Police do not consider the death suspicious at this stage.",
    ],
    "other": [
        "{n} had been living with a family friend under a private fostering arrangement that was not notified to the "
        "local authority. Concerns were raised by a neighbour on {d}.",
        "{n} was found to have been left in the sole care of a 14-year-old sibling for several days while {carer} "
        "was abroad. No injuries were found on examination.",
        "Agencies had seen the family on a number of occasions but none had identified the arrangement.",
    ],
}
REASON = [
    "{n} has {what} and neglect is suspected. Health, school and police all knew the family and there may be learning "
    "about how information was shared between them.",
    "The circumstances suggest abuse. Several agencies were involved in the months before and there are questions about "
    "how the risk from {carer2} was assessed.",
    "Multi-agency learning about responses to missed health appointments and the voice of the child.",
    "Both criteria appear to be met. The family had been stepped down from child in need to early help three months "
    "before the incident.",
    "Possible learning around professional curiosity and information-sharing between adult and children's services.",
]
IMMEDIATE = [
    "{n}'s two younger siblings are staying with their maternal grandmother under a safety plan agreed at the strategy meeting.",
    "No other children live in the household. Police are liaising with the family.",
    "Section 47 enquiries are under way for the siblings. An initial child protection conference is booked.",
    "The other residents of the home have been moved to alternative placements while the investigation continues.",
    "The siblings remain at home with a written safety plan; {carer2} is not to have unsupervised contact.",
]
LOCATIONS = ["Family home, {addr1}", "{hosp}", "Home address", "Grandparents' home, {street2}",
             "Canal towpath off {street2}", "Residential children's home (out of area)", "Supported accommodation, {street2}",
             "{area} Leisure Centre car park", "Bedroom at the family home"]
OTHER_SPEC = ["private fostering arrangement", "private fostering not notified", "unnotified private fostering"]
DECOYS = {
    "x.nhs": lambda rng: f"999 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    "x.datix": lambda rng: f"W{rng.randint(100000, 999999)}",
    "x.collar": lambda rng: f"{rng.randint(1000, 9999)}",
    "x.crime": lambda rng: f"NM-{rng.randint(24, 25)}-{rng.randint(100000, 999999)}",
    "x.upn": lambda rng: f"H{rng.randint(10 ** 11, 10 ** 12 - 1)}",
}


# --------------------------------------------------------------------------
# the case (full truth) and the per-form truth record
# --------------------------------------------------------------------------
def person(rng, v, roles, police=False, title=False):
    f = rng.choice(ADULT_F + ADULT_M)
    s = rng.choice(SURNAMES)
    name = f"{f} {s}"
    role = rng.choice(roles)
    if police:
        rank = {"Detective Constable": "DC", "Detective Sergeant": "DS", "Police Constable": "PC",
                "Detective Inspector": "DI", "Detective Chief Inspector": "DCI"}
        name = next((r for k, r in rank.items() if role.startswith(k)), rng.choice(["DS", "DC", "PC"])) + " " + name
    elif title and rng.random() < 0.3:
        name = "Dr " + name
    local = f"{f}.{s}".lower().replace("'", "").replace(" ", "")
    email = f"{local}@{v['domain']}"
    if rng.random() < 0.35:
        email = f"{f}.{s}".replace("'", "") + "@" + v["domain"].title()        # typed with capitals
    ph = phone_str(rng, "mobile" if rng.random() < 0.25 else v["phone"])
    return dict(name=name, role=role, agency=None, email=email, phone=ph)


def make_case(rng, vkey: str, n_children: int) -> dict:
    v = VOCABS[vkey]
    police = bool(v.get("rank_names"))
    ref = date(2025, 5, 1) + timedelta(days=rng.randint(0, 320))
    itype = rng.choices(["death", "serious_harm", "lac_death", "care_leaver_death", "other"], [30, 40, 12, 8, 10])[0]
    inc = ref - timedelta(days=rng.randint(3, 40))
    aware = inc + timedelta(days=rng.randint(0, 3))
    if aware > ref:
        aware = ref
    panel = rng.choices([True, False, None], [55, 30, 15])[0]
    pdate = min(aware + timedelta(days=rng.randint(1, 5)), ref) if panel and rng.random() < 0.85 else None
    fam = rng.choice(SURNAMES)
    area = v["area"]
    street = rng.choice(STREETS)
    addr_lines = [f"{rng.randint(1, 140)} {street}", rng.choice([f"{area}", f"Upper {area}", f"{area} Moor", f"East {area}"]),
                  f"{area[:2].upper()}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}"]
    children = []
    for k in range(n_children):
        g = rng.choices(["female", "male", "other"], [47, 47, 6])[0]
        given = rng.choice(GIRLS if g == "female" else BOYS if g == "male" else GIRLS + BOYS)
        if itype == "care_leaver_death" and k == 0:
            age_y = rng.randint(18, 23)
        elif itype == "lac_death" and k == 0:
            age_y = rng.randint(11, 17)
        elif itype == "death" and k == 0:
            age_y = rng.choice([0, 0, 0, 1, 2, 5, 9, 15])
        else:
            age_y = rng.randint(0, 16)
        dob = inc - timedelta(days=age_y * 365 + rng.randint(20, 340))
        c = dict(given=given, family=fam if rng.random() < 0.85 else rng.choice(SURNAMES),
                 other_names=None, dob=dob.isoformat(), age=None, gender=g,
                 ethnicity=rng.choice(ETHNICITIES), address=", ".join(addr_lines), address_lines=list(addr_lines),
                 school=None, gp=rng.choice(["Moor Lane Surgery", f"{area} Health Centre", "Dr Okafor & Partners",
                                             "Beckside Medical Practice", "The Old Mill Surgery", "Riverside Family Practice"]),
                 legal_status=rng.choice(LEGAL), cp_plan=rng.choice([True, False, False]),
                 open_to_csc=rng.choice([True, True, False]), looked_after=False,
                 disability=rng.choice(DISABILITIES) if rng.random() < 0.3 else None, date_of_death=None)
        if age_y >= 3:
            c["school"] = rng.choice([f"{area} Primary School", "St Wilfrid's RC Primary", f"{area} Academy",
                                      "Greenbank High School", "Little Acorns Nursery", "Hillside Pupil Referral Unit",
                                      f"{area} College"]) if age_y < 18 else None
        if c["legal_status"] in ("Care Order (s.31)", "Interim Care Order (s.38)", "Accommodated under s.20"):
            c["looked_after"], c["open_to_csc"] = True, True
        if rng.random() < 0.15:
            c["other_names"] = rng.choice([f"{given[:3]}", f"{given} {rng.choice(SURNAMES)}", "Bubba", f"{given}-Mae"])
        if itype in ("lac_death",) and k == 0:
            c["looked_after"] = True
            c["legal_status"] = rng.choice(["Care Order (s.31)", "Accommodated under s.20", "Interim Care Order (s.38)"])
            c["open_to_csc"] = True
        if itype == "care_leaver_death" and k == 0:
            c["legal_status"] = "Care leaver (former relevant child)"
            c["looked_after"] = False
            c["address"] = f"Flat {rng.randint(1, 12)}, {rng.choice(STREETS)}, {area}"
            c["address_lines"] = [c["address"]]
        if itype in ("death", "lac_death", "care_leaver_death") and k == 0:
            c["date_of_death"] = (inc + timedelta(days=rng.choice([0, 0, 0, 1, 2]))).isoformat()
        if k > 0 and rng.random() < 0.25:                     # a sibling with no DOB, age given instead
            c["dob"] = None
            c["age"] = rng.choice(["about 4", "7 years", "13", "approx. 10", "18 months"])
        children.append(c)
    roles = v["roles"]
    ref_p = person(rng, v, roles, police=police, title="nhs" in vkey)
    ref_p["agency"] = rng.choice(v["ref_agencies"]) if v.get("ref_agencies") else v["org"]
    if police:
        ref_p["agency"] = rng.choice(["Northmoor Police - CAIU", "Northmoor Police, Public Protection Unit",
                                      "Northmoor Police"])
    lead = person(rng, v, v["lead_roles"], police=police, title="nhs" in vkey)
    lead["agency"] = ref_p["agency"]
    lead["discussed"] = rng.choices([True, False, None], [75, 10, 15])[0]
    carer = rng.choice(["mother", "father", "maternal grandmother", "stepfather", "foster carer"])
    carer = f"{rng.choice(['the', 'the'])} {carer}"
    carer2 = rng.choice(["the mother's partner", "the father", "an adult lodger", "the mother"])
    n = children[0]["given"]
    hosp = rng.choice([f"{area} General Hospital", f"{area} Royal Infirmary", "St Catherine's Children's Hospital"])
    fill = dict(n=n, carer=carer, carer2=carer2, d=fmt_date(inc, "long"), hosp=hosp,
                what="died" if itype in ("death", "lac_death", "care_leaver_death") else "been seriously harmed")
    pool = SUMMARY[itype]
    k = rng.randint(2, min(4, len(pool)))
    idx = sorted(rng.sample(range(len(pool)), k))
    if 0 not in idx:
        idx = [0] + idx[:-1]
    paras = [pool[i].format(**fill) for i in idx]
    paras = [p[0].upper() + p[1:] for p in paras]
    loc = rng.choice(LOCATIONS).format(addr1=addr_lines[0], hosp=hosp, street2=rng.choice(STREETS), area=area)
    ags = []
    for ag in rng.sample(v["agencies"], rng.randint(0, 4)):
        who = None if rng.random() < 0.25 else f"{rng.choice(ADULT_F + ADULT_M)} {rng.choice(SURNAMES)}"
        if who and rng.random() < 0.2:
            who = rng.choice(["DC ", "PC ", "Dr "]) + who
        contact = rng.choice([phone_str(rng, v["phone"]), phone_str(rng, "mobile"),
                              f"{(who or 'duty').split()[-1].lower()}@{v['domain']}",
                              f"{phone_str(rng, v['phone'])} / {(who or 'duty.team').split()[-1].lower()}@{v['domain']}"])
        ags.append(dict(name=who, agency=ag, contact=contact))
    case = dict(
        form="referral", date_of_referral=ref.isoformat(),
        referrer={k2: ref_p[k2] for k2 in ("name", "role", "agency", "email", "phone")},
        safeguarding_lead={k2: lead[k2] for k2 in ("name", "role", "agency", "email", "phone", "discussed")},
        children=children,
        incident=dict(date=inc.isoformat(), date_la_aware=aware.isoformat(), location=loc, type=itype,
                      summary_paras=paras, police_involved=rng.choices([True, False, None], [70, 20, 10])[0],
                      other_spec=rng.choice(OTHER_SPEC)),
        criteria=dict(died_or_seriously_harmed=itype != "other" if rng.random() < 0.9 else None,
                      abuse_or_neglect_suspected=rng.choices([True, False, None], [70, 10, 20])[0],
                      local_connection=rng.choices([True, False, None], [85, 5, 10])[0],
                      multi_agency_learning=rng.choices([True, False, None], [75, 10, 15])[0],
                      reason=rng.choice(REASON).format(**fill)),
        panel_notified=panel, date_panel_notified=pdate.isoformat() if pdate else None,
        agencies_involved=ags, immediate_concerns=rng.choice(IMMEDIATE).format(**fill),
    )
    # blank fields (the form leaves them empty; truth null)
    optional = ["r.role", "r.email", "r.phone", "s.role", "s.agency", "s.email", "s.phone", "i.location",
                "i.date_la_aware", "k.reason", "immediate", "c.gp", "c.ethnicity", "c.school", "c.legal_status",
                "c.other_names", "c.disability", "c.cp_plan", "c.looked_after", "date_of_referral"]
    for key in optional:
        if rng.random() < 0.09:
            set_value(case, key, None, 0)
    return case


FIELD_PATHS = {
    "date_of_referral": ("date_of_referral",), "panel": ("panel_notified",), "panel_date": ("date_panel_notified",),
    "immediate": ("immediate_concerns",),
    "r.name": ("referrer", "name"), "r.role": ("referrer", "role"), "r.agency": ("referrer", "agency"),
    "r.email": ("referrer", "email"), "r.phone": ("referrer", "phone"),
    "s.name": ("safeguarding_lead", "name"), "s.role": ("safeguarding_lead", "role"),
    "s.agency": ("safeguarding_lead", "agency"), "s.email": ("safeguarding_lead", "email"),
    "s.phone": ("safeguarding_lead", "phone"), "s.discussed": ("safeguarding_lead", "discussed"),
    "i.date": ("incident", "date"), "i.date_la_aware": ("incident", "date_la_aware"),
    "i.location": ("incident", "location"), "i.type": ("incident", "type"), "i.summary": ("incident", "summary"),
    "i.police_involved": ("incident", "police_involved"),
    "k.died": ("criteria", "died_or_seriously_harmed"), "k.abuse": ("criteria", "abuse_or_neglect_suspected"),
    "k.local": ("criteria", "local_connection"), "k.learning": ("criteria", "multi_agency_learning"),
    "k.reason": ("criteria", "reason"),
}
CHILD_FIELDS = {"c.other_names": "other_names", "c.dob": "dob", "c.age": "age", "c.gender": "gender",
                "c.ethnicity": "ethnicity", "c.address": "address", "c.school": "school", "c.gp": "gp",
                "c.legal_status": "legal_status", "c.cp_plan": "cp_plan", "c.open_to_csc": "open_to_csc",
                "c.looked_after": "looked_after", "c.disability": "disability", "c.date_of_death": "date_of_death"}
KIND = {"date_of_referral": "date", "panel_date": "date", "i.date": "date", "i.date_la_aware": "date",
        "c.dob": "date", "c.date_of_death": "date", "panel": "tri", "s.discussed": "tri", "i.police_involved": "tri",
        "k.died": "tri", "k.abuse": "tri", "k.local": "tri", "k.learning": "tri", "c.cp_plan": "tri",
        "c.open_to_csc": "tri", "c.looked_after": "tri", "c.gender": "gender", "i.type": "type",
        "i.summary": "long", "k.reason": "long", "immediate": "long", "c.address": "address",
        "r.phone": "phone", "s.phone": "phone", "r.email": "email", "s.email": "email", "agencies": "agencies",
        "r.contact": "contact", "x.died_q": "tri", "x.parents_aware": "tri"}


def get_value(case, key, ci=0):
    if key in CHILD_FIELDS:
        return case["children"][ci][CHILD_FIELDS[key]]
    if key in ("c.name",):
        c = case["children"][ci]
        return f"{c['given']} {c['family']}"
    if key == "c.forename":
        return case["children"][ci]["given"]
    if key == "c.surname":
        return case["children"][ci]["family"]
    if key == "i.summary":
        return case["incident"]["summary_paras"]
    if key == "agencies":
        return case["agencies_involved"]
    p = FIELD_PATHS[key]
    obj = case
    for part in p[:-1]:
        obj = obj[part]
    return obj[p[-1]]


def set_value(case, key, value, ci=0):
    if key in CHILD_FIELDS:
        for c in case["children"]:
            c[CHILD_FIELDS[key]] = value
        return
    if key == "i.summary":
        case["incident"]["summary_paras"] = value
        return
    p = FIELD_PATHS[key]
    obj = case
    for part in p[:-1]:
        obj = obj[part]
    obj[p[-1]] = value


def asked_keys(v) -> set[str]:
    keys = set()
    for _h, _scope, items in v["sections"]:
        for it in items:
            keys.add(it[0])
    if "r.contact" in keys:
        keys |= {"r.phone", "r.email"}
    if "c.forename" in keys or "c.surname" in keys:
        keys.add("c.name")
    return keys


def truth_record(case, v) -> dict:
    asked = asked_keys(v)
    rec = {"form": "referral"}

    def pick(key):
        if key not in asked:
            return None
        val = get_value(case, key)
        if KIND.get(key) == "phone":
            return phone_digits(val)
        if KIND.get(key) == "email":
            return val.lower() if val else None
        return val

    rec["date_of_referral"] = pick("date_of_referral")
    rec["referrer"] = {f: pick("r." + f) for f in ("name", "role", "agency", "email", "phone")}
    rec["safeguarding_lead"] = {f: pick("s." + f) for f in ("name", "role", "agency", "email", "phone", "discussed")}
    kids = []
    for ci, c in enumerate(case["children"]):
        k = {"name": f"{c['given']} {c['family']}"}
        for key, f in CHILD_FIELDS.items():
            k[f] = c[f] if key in asked else None
        if k["dob"] is not None:
            k["age"] = None
        if k["address"] is not None:
            k["address"] = ", ".join(c["address_lines"])
        kids.append(k)
    rec["children"] = kids
    inc = case["incident"]
    rec["incident"] = {
        "date": pick("i.date"), "date_la_aware": pick("i.date_la_aware"), "location": pick("i.location"),
        "type": pick("i.type"),
        "summary": "\n\n".join(inc["summary_paras"]) if "i.summary" in asked and inc["summary_paras"] else None,
        "police_involved": pick("i.police_involved")}
    rec["criteria"] = {"died_or_seriously_harmed": pick("k.died"), "abuse_or_neglect_suspected": pick("k.abuse"),
                       "local_connection": pick("k.local"), "multi_agency_learning": pick("k.learning"),
                       "reason": pick("k.reason")}
    rec["panel_notified"] = pick("panel")
    rec["date_panel_notified"] = pick("panel_date")
    rec["agencies_involved"] = ([dict(name=a["name"], agency=a["agency"], contact=a["contact"])
                                 for a in case["agencies_involved"]] if "agencies" in asked else [])
    rec["immediate_concerns"] = pick("immediate")
    return rec


# --------------------------------------------------------------------------
# per-form rendering context
# --------------------------------------------------------------------------
FILLERS = ["", "", "", "N/A", "-", "n/a", "Not applicable"]


class Ctx:
    def __init__(self, rng, vkey, case, layout):
        self.rng, self.vkey, self.v, self.case, self.layout = rng, vkey, VOCABS[vkey], case, layout
        self.style = rng.choice(["dmy_slash", "dmy_slash", "long", "dmy_short", "ord", "dot", "abbr", "wday", "dash",
                                 "spaced"])
        self.decoy_cache = {}

    def date(self, iso):
        if iso is None:
            return None
        d = date.fromisoformat(iso)
        st = self.style if self.rng.random() > 0.25 else self.rng.choice(DATE_STYLES)
        if st == "yy" and d.year < 2020:
            st = "dmy_slash"
        return fmt_date(d, st)

    def filler(self, allow=True):
        return self.rng.choice(FILLERS) if allow else ""

    def children(self):
        return range(len(self.case["children"]))

    def value(self, key, ci=0):
        """raw value for the key (python value; None = blank)."""
        if key.startswith("x."):
            if key not in self.decoy_cache:
                if KIND.get(key) == "tri":
                    self.decoy_cache[key] = self.rng.choice([True, False])
                else:
                    self.decoy_cache[key] = DECOYS[key](self.rng)
            if key == "x.died_q":
                return self.case["children"][ci]["date_of_death"] is not None
            return self.decoy_cache[key]
        if key == "r.contact":
            r = self.case["referrer"]
            return (r["phone"], r["email"])
        return get_value(self.case, key, ci)

    def text(self, key, ci=0):
        """display string for a text-like key, or None when blank (the same string on every call)."""
        ck = ("text", key, ci)
        if ck not in self.decoy_cache:
            self.decoy_cache[ck] = self._text(key, ci)
        return self.decoy_cache[ck]

    def _text(self, key, ci=0):
        val = self.value(key, ci)
        kind = KIND.get(key)
        if val is None:
            return None
        if kind == "date":
            return self.date(val)
        if kind == "long":
            return val if isinstance(val, str) else "\n\n".join(val)
        if kind == "address":
            return "\n".join(self.case["children"][ci]["address_lines"])
        if kind == "contact":
            ph, em = val
            if ph and em:
                return self.rng.choice([f"{ph} / {em}", f"Tel: {ph}\nEmail: {em}", f"{ph}\n{em}"])
            return ph or em
        if key == "c.age" and self.value("c.dob", ci) is not None:
            return None
        return str(val)

    def paras(self, key, ci=0):
        val = self.value(key, ci)
        if val is None:
            return []
        if key == "i.summary":
            return list(val)
        if KIND.get(key) == "address":
            return list(self.case["children"][ci]["address_lines"])
        t = self.text(key, ci)
        return t.split("\n") if t else []

    def age_when_dob(self, ci):
        """age written although a DOB is given (truth: age null)."""
        ck = ("age", ci)
        if ck not in self.decoy_cache:
            self.decoy_cache[ck] = self._age_when_dob(ci)
        return self.decoy_cache[ck]

    def _age_when_dob(self, ci):
        c = self.case["children"][ci]
        if c["dob"] and self.rng.random() < 0.3:
            inc = date.fromisoformat(self.case["incident"]["date"])
            yrs = (inc - date.fromisoformat(c["dob"])).days // 365
            return f"{yrs} years" if yrs else f"{(inc - date.fromisoformat(c['dob'])).days // 30} months"
        return None

    def choice_label(self, key, ci=0, opts_key=None):
        """label of the chosen option for gender/type (text layouts)."""
        val = self.value(key, ci)
        if val is None:
            return None
        if key == "c.gender":
            opts = self.v.get("gender_text") or self.v.get("gender_opts")
        else:
            opts = self.v.get("type_text") or self.v.get("type_opts")
        cands = [lab for lab, x in opts if x == val]
        lab = self.rng.choice(cands)
        if key == "i.type" and val == "other":
            lab = f"{lab.split(' (')[0]} - {self.case['incident']['other_spec']}"
        return lab

    def options(self, key):
        if key == "c.gender":
            return self.v.get("gender_opts") or self.v.get("gender_text")
        if key == "i.type":
            return self.v.get("type_opts") or self.v.get("type_text")
        return [(self.v["yes_no"][0], True), (self.v["yes_no"][1], False)]


def iter_sections(ctx):
    """(heading, scope, child index or None, items) with child sections repeated per child."""
    n = len(ctx.case["children"])
    for heading, scope, items in ctx.v["sections"]:
        if scope == "child":
            for ci in range(n):
                h = heading if n == 1 else f"{heading} ({ci + 1} of {n})"
                yield h, scope, ci, items
        else:
            yield heading, scope, None, items


# --------------------------------------------------------------------------
# Word helpers
# --------------------------------------------------------------------------
from docx import Document                      # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement              # noqa: E402
from docx.oxml.ns import qn                    # noqa: E402
from docx.shared import Cm, Pt, RGBColor       # noqa: E402

FIXED_DT = (2025, 1, 1, 0, 0, 0)


class Doc:
    def __init__(self, font="Calibri", size=10):
        self.d = Document()
        st = self.d.styles["Normal"]
        st.font.name = font
        st.font.size = Pt(size)
        st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
        self.rev = 100
        sec = self.d.sections[0]
        sec.left_margin = sec.right_margin = Cm(1.8)
        sec.top_margin = sec.bottom_margin = Cm(1.6)
        cp = self.d.core_properties
        from datetime import datetime
        cp.created = cp.modified = datetime(2025, 1, 1)
        cp.last_printed = datetime(2025, 1, 1)
        cp.revision = 1

    def header(self, text, footer=None):
        sec = self.d.sections[0]
        p = sec.header.paragraphs[0]
        p.text = text
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if footer:
            sec.footer.paragraphs[0].text = footer

    def save(self, path, app=None):
        buf = io.BytesIO()
        self.d.save(buf)
        rezip(buf.getvalue(), path, app=app)


def rezip(data: bytes, path, app=None):
    zin = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if app and item.filename == "docProps/app.xml":
                body = re.sub(rb"<Application>[^<]*</Application>", b"<Application>" + app.encode() + b"</Application>", body)
            zi = zipfile.ZipInfo(item.filename, date_time=FIXED_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, body)


def run(p, text, bold=False, italic=False, size=None, font=None, color=None, strike=False, dstrike=False,
        underline=False, split=None):
    """add text as one run, or several runs split at random points (Google Docs style)."""
    pieces = [text]
    if split is not None and len(text) > 6:
        cut = sorted(split.sample(range(1, len(text)), min(2, len(text) - 1)))
        pieces = [text[i:j] for i, j in zip([0] + cut, cut + [len(text)]) if text[i:j]]
    last = None
    for piece in pieces:
        r = p.add_run(piece)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
        if font:
            r.font.name = font
            r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
            r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), font)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if strike:
            r.font.strike = True
        if dstrike:
            r.font.double_strike = True
        if underline:
            r.font.underline = True
        last = r
    return last


def sym(p, font, char):
    r = p.add_run()
    s = OxmlElement("w:sym")
    s.set(qn("w:font"), font)
    s.set(qn("w:char"), char)
    r._r.append(s)
    return r


def tracked(doc: Doc, p, text, kind, author="Safeguarding Admin"):
    el = OxmlElement("w:ins" if kind == "ins" else "w:del")
    doc.rev += 1
    el.set(qn("w:id"), str(doc.rev))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), "2025-01-01T09:00:00Z")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t" if kind == "ins" else "w:delText")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    el.append(r)
    p._p.append(el)


def shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd")
    sh.set(qn("w:val"), "clear")
    sh.set(qn("w:color"), "auto")
    sh.set(qn("w:fill"), fill)
    tcPr.append(sh)


def cell_text(cell, text, bold=False, size=None, split=None, font=None):
    p = cell.paragraphs[0]
    if text:
        run(p, text, bold=bold, size=size, split=split, font=font)
    return p


def cell_lines(cell, lines, split=None, size=None):
    first = True
    for ln in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if ln:
            run(p, ln, split=split, size=size)


def set_widths(table, widths_cm):
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            if i < len(row.cells):
                row.cells[i].width = Cm(w)


# ---- tick-glyph styles -------------------------------------------------
GLYPHS = {
    "segoe": ("Segoe UI Symbol", "\u2611", "\u2610"),       # plain glyphs
    "gothic": ("MS Gothic", "\u2612", "\u2610"),
}
SYMS = {
    "wingdings": ("Wingdings", "F0FE", "F0A8"),            # w:sym
    "wingdings2": ("Wingdings 2", "F053", "F0A3"),
}


def tick_options(p, opts, chosen, style, spec=None):
    """render option list with tick marks; chosen is the python value of the ticked option (None: none)."""
    for i, (lab, val) in enumerate(opts):
        on = chosen is not None and val == chosen
        if style in GLYPHS:
            font, yes, no = GLYPHS[style]
            run(p, yes if on else no, font=font)
        else:
            font, yes, no = SYMS[style]
            sym(p, font, yes if on else no)
        run(p, " " + lab + ("" if i == len(opts) - 1 else "    "))
        if on and spec:
            run(p, f": {spec}    ")


def chosen_type(ctx):
    t = ctx.value("i.type")
    opts = ctx.options("i.type")
    chosen = t
    return opts, chosen


def agencies_table(doc, container, ctx, cols, header_fill="D9D9D9", extra_rows=1, split=None, size=None):
    rows = ctx.case["agencies_involved"]
    t = container.add_table(rows=1 + len(rows) + extra_rows, cols=len(cols))
    t.style = doc.d.styles["Table Grid"]
    for i, (h, _f) in enumerate(cols):
        cell_text(t.rows[0].cells[i], h, bold=True, size=size)
        shade(t.rows[0].cells[i], header_fill)
    for r, a in enumerate(rows, start=1):
        for i, (_h, f) in enumerate(cols):
            if f is None:
                val = ctx.rng.choice(["Social Worker", "Yes", "Lead professional", "Health Visitor", "No", ""]) \
                    if "Still" not in _h else ctx.rng.choice(["Yes", "No"])
            else:
                val = a[f] or ""
            cell_text(t.rows[r].cells[i], val, split=split, size=size)
    return t


# --------------------------------------------------------------------------
# W-TICK: label | value table, plain-glyph tick boxes, tracked changes left on
# --------------------------------------------------------------------------
def render_w_tick(ctx, path):
    rng, v = ctx.rng, ctx.v
    glyph = "gothic" if ctx.vkey == "gwernant_cy" else rng.choice(["segoe", "segoe", "gothic"])
    doc = Doc(font=rng.choice(["Arial", "Calibri"]), size=10)
    doc.header(v["marking"], footer=f"{v['org']} - v3.2")
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=15)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"], italic=True)
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, size=8, italic=True, color="595959")
    # trackRevisions on
    doc.d.settings.element.append(OxmlElement("w:trackRevisions"))
    n_changes = 0
    change_keys = set(rng.sample(["r.phone", "s.name", "i.location", "c.address", "date_of_referral", "r.role",
                                  "i.date", "c.school"], 3))
    summary_tracked = rng.random() < 0.6
    for heading, scope, ci, items in iter_sections(ctx):
        p = doc.d.add_paragraph()
        run(p, heading, bold=True, size=11, color="1F3864")
        simple = [it for it in items if it[0] != "agencies"]
        if simple:
            t = doc.d.add_table(rows=len(simple), cols=2)
            t.style = doc.d.styles["Table Grid"]
            set_widths(t, [6.2, 11.2])
            for row, it in zip(t.rows, simple):
                key, label = it[0], it[1]
                lc, vc = row.cells
                cell_text(lc, label, bold=True)
                shade(lc, "EDEDED")
                kind = KIND.get(key)
                vp = vc.paragraphs[0]
                if kind == "tri":
                    tick_options(vp, ctx.options(key), ctx.value(key, ci or 0), glyph)
                elif key == "c.gender":
                    tick_options(vp, ctx.options(key), ctx.value(key, ci or 0), glyph)
                elif key == "i.type":
                    opts, chosen = chosen_type(ctx)
                    for j, (lab, val) in enumerate(opts):
                        pp = vp if j == 0 else vc.add_paragraph()
                        tick_options(pp, [(lab, val)], chosen, glyph,
                                     spec=ctx.case["incident"]["other_spec"] if val == "other" else None)
                elif key == "i.summary" and summary_tracked and ctx.value(key):
                    paras = ctx.paras(key)
                    for j, para in enumerate(paras):
                        pp = vp if j == 0 else vc.add_paragraph()
                        if j == len(paras) - 1 and len(para.split(". ")) > 1:
                            head, tail = para.rsplit(". ", 1)
                            run(pp, head + ". ")
                            tracked(doc, pp, tail, "ins")                 # inserted text counts
                            tracked(doc, pp, " Mother was not present.", "del")  # deleted text does not
                        else:
                            run(pp, para)
                    n_changes += 1
                else:
                    lines = ctx.paras(key, ci or 0) if kind in ("long", "address") else None
                    txt = ctx.text(key, ci or 0) if lines is None else None
                    if key == "c.age" and txt is None:
                        txt = ctx.age_when_dob(ci or 0)
                    if lines:
                        cell_lines(vc, lines)
                    elif txt and key in change_keys and "\n" not in txt and n_changes < 4:
                        old = {"date": ctx.date(ctx.case["incident"]["date"]) if key != "i.date" else "01/01/2025"}.get(
                            kind, rng.choice(["TBC", "see above", "0113 496 0999", "awaiting"]))
                        tracked(doc, vp, old, "del")
                        tracked(doc, vp, txt, "ins")
                        n_changes += 1
                    elif txt:
                        cell_lines(vc, txt.split("\n"))
                    else:
                        f = ctx.filler()
                        if f:
                            run(vp, f)
        for it in items:
            if it[0] == "agencies":
                p = doc.d.add_paragraph()
                run(p, it[1], bold=True)
                agencies_table(doc, doc.d, ctx, it[2])
    p = doc.d.add_paragraph()
    run(p, "Office use only - Date received: ________  Ref: ________", size=8, color="808080")
    doc.save(path)
    return {"tick": glyph, "tracked_changes": n_changes}


# --------------------------------------------------------------------------
# W-ABOVE: police form, label cell above boxed value cell, Wingdings w:sym ticks
# --------------------------------------------------------------------------
def render_w_above(ctx, path):
    rng, v = ctx.rng, ctx.v
    doc = Doc(font="Arial", size=9)
    doc.header(v["marking"], footer=v["marking"])
    p = doc.d.add_paragraph()
    run(p, v["org"].upper(), bold=True, size=12)
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=13)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"], size=8)
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, size=8, italic=True)
    for heading, scope, ci, items in iter_sections(ctx):
        p = doc.d.add_paragraph()
        run(p, heading, bold=True, size=10, color="FFFFFF")
        pPr = p._p.get_or_add_pPr()
        sh = OxmlElement("w:shd")
        sh.set(qn("w:val"), "clear")
        sh.set(qn("w:fill"), "000000")
        pPr.append(sh)
        # pair short fields two to a row; long fields on their own
        simple = [it for it in items if it[0] != "agencies"]
        groups, cur = [], []
        for it in simple:
            if KIND.get(it[0]) in ("long", "address", "type") or it[0] == "r.contact":
                if cur:
                    groups.append(cur)
                    cur = []
                groups.append([it])
            else:
                cur.append(it)
                if len(cur) == 2:
                    groups.append(cur)
                    cur = []
        if cur:
            groups.append(cur)
        t = doc.d.add_table(rows=2 * len(groups), cols=2)
        t.style = doc.d.styles["Table Grid"]
        for gi, grp in enumerate(groups):
            lrow, vrow = t.rows[2 * gi], t.rows[2 * gi + 1]
            if len(grp) == 1:
                lrow.cells[0].merge(lrow.cells[1])
                vrow.cells[0].merge(vrow.cells[1])
            for j, it in enumerate(grp):
                key, label = it[0], it[1]
                lc, vc = lrow.cells[j], vrow.cells[j]
                cell_text(lc, label, bold=True, size=7)
                shade(lc, "D9D9D9")
                vp = vc.paragraphs[0]
                kind = KIND.get(key)
                if kind == "tri" or key in ("c.gender", "i.type"):
                    opts = ctx.options(key)
                    chosen = ctx.value(key, ci or 0)
                    tick_options(vp, opts, chosen, "wingdings",
                                 spec=ctx.case["incident"]["other_spec"] if key == "i.type" and chosen == "other" else None)
                else:
                    lines = ctx.paras(key, ci or 0) if kind in ("long", "address") else None
                    txt = None if lines else ctx.text(key, ci or 0)
                    if key == "c.age" and txt is None:
                        txt = ctx.age_when_dob(ci or 0)
                    if lines:
                        cell_lines(vc, lines)
                    elif txt:
                        cell_lines(vc, txt.split("\n"))
                    elif len(it) > 2 and isinstance(it[2], str):
                        run(vp, it[2], italic=True, color="A6A6A6", size=8)      # guidance example, not an answer
        for it in items:
            if it[0] == "agencies":
                p = doc.d.add_paragraph()
                run(p, it[1], bold=True, size=8)
                agencies_table(doc, doc.d, ctx, it[2], size=8)
    p = doc.d.add_paragraph()
    run(p, "Signature: ______________________   PPU use only: Niche ref ________", size=8)
    doc.save(path)
    return {"tick": "wingdings"}


# --------------------------------------------------------------------------
# W-QA: plain-English numbered questionnaire, answer in the next paragraph(s)
# --------------------------------------------------------------------------
def render_w_qa(ctx, path, producer="google"):
    rng, v = ctx.rng, ctx.v
    split = random.Random(rng.random()) if producer == "google" else None
    doc = Doc(font="Arial", size=11)
    if producer != "google":
        doc.header(v["marking"])
    p = doc.d.add_paragraph()
    run(p, v["org"], bold=True, size=12, split=split)
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=18, split=split)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"], split=split)
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, italic=True, size=9, split=split)
    qn_ = 0
    for heading, scope, ci, items in iter_sections(ctx):
        p = doc.d.add_paragraph()
        run(p, heading, bold=True, size=14, split=split, color="2E75B6")
        if scope == "child" and ci:
            qn_ = first_child_q - 1          # the same numbers are used again for the next child
        if scope == "child" and not ci:
            first_child_q = qn_ + 1
        for it in items:
            key, label = it[0], it[1]
            qn_ += 1
            p = doc.d.add_paragraph()
            run(p, f"{qn_}. {label}", bold=True, split=split)
            kind = KIND.get(key)
            if key == "agencies":
                agencies_table(doc, doc.d, ctx, it[2], header_fill="DEEAF6", split=split)
                doc.d.add_paragraph()
                continue
            if kind == "tri":
                val = ctx.value(key, ci or 0)
                ans = [{True: rng.choice(["Yes", "Yes", "YES"]), False: rng.choice(["No", "No", "NO"]),
                        None: rng.choice(["", "Don't know"])}[val]]
            elif key in ("c.gender", "i.type"):
                lab = ctx.choice_label(key, ci or 0)
                ans = [lab or ""]
            elif kind in ("long",):
                ans = ctx.paras(key, ci or 0) or [ctx.filler()]
            elif kind == "address":
                lines = ctx.paras(key, ci or 0)
                ans = lines if rng.random() < 0.6 else [", ".join(lines)] if lines else [ctx.filler()]
            else:
                t = ctx.text(key, ci or 0)
                if key == "c.age" and t is None:
                    t = ctx.age_when_dob(ci or 0)
                ans = t.split("\n") if t else [ctx.filler()]
            for a in ans:
                p = doc.d.add_paragraph()
                if a:
                    run(p, a, split=split)
            if rng.random() < 0.3:
                doc.d.add_paragraph()
    p = doc.d.add_paragraph()
    run(p, "Thank you. We will contact you within 5 working days.", italic=True, split=split)
    if producer == "google":
        for para in doc.d.paragraphs:
            pPr = para._p.get_or_add_pPr()
            sp = OxmlElement("w:spacing")
            sp.set(qn("w:before"), "0")
            sp.set(qn("w:after"), "0")
            sp.set(qn("w:line"), "276")
            sp.set(qn("w:lineRule"), "auto")
            pPr.append(sp)
    doc.save(path, app="" if producer == "google" else None)
    return {"producer": producer}


# --------------------------------------------------------------------------
# W-MASH: merged cells, nested tables, strike-through Yes/No, DD | MM | YYYY boxes
# --------------------------------------------------------------------------
def strike_options(p, opts, chosen, rng, sep=" / "):
    dbl = rng.random() < 0.3
    for i, (lab, val) in enumerate(opts):
        struck = chosen is not None and val != chosen
        run(p, lab, strike=struck and not dbl, dstrike=struck and dbl)
        if i < len(opts) - 1:
            run(p, sep)


def date_boxes(cell, ctx, iso, with_head=True):
    t = cell.add_table(rows=2 if with_head else 1, cols=3)
    t.style = "Table Grid"
    if with_head:
        for i, h in enumerate(["DD", "MM", "YYYY"]):
            cell_text(t.rows[0].cells[i], h, size=7)
            shade(t.rows[0].cells[i], "F2F2F2")
    if iso:
        d = date.fromisoformat(iso)
        vals = [f"{d.day:02d}", f"{d.month:02d}", f"{d.year}"]
        for i, x in enumerate(vals):
            cell_text(t.rows[-1].cells[i], x)
    return t


def render_w_mash(ctx, path):
    rng, v = ctx.rng, ctx.v
    doc = Doc(font=rng.choice(["Arial", "Verdana"]), size=9)
    doc.header(v["marking"], footer="Westmarch MASH - SIR form v2.1")
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=14)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"], size=10)
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, italic=True, size=8)
    p = doc.d.add_paragraph()
    run(p, "Answer Yes / No questions by striking through the option that does not apply.", size=8, bold=True)
    boxes_for = {"c.dob", "i.date", "i.date_la_aware", "panel_date"} if rng.random() < 0.8 else {"c.dob"}
    t = doc.d.add_table(rows=0, cols=3)
    t.style = doc.d.styles["Table Grid"]

    def value_into(cell, key, ci, label):
        kind = KIND.get(key)
        vp = cell.paragraphs[0]
        if kind == "tri":
            strike_options(vp, ctx.options(key), ctx.value(key, ci), rng)
        elif key == "i.type":
            opts, chosen = chosen_type(ctx)
            for j, (lab, val) in enumerate(opts):
                pp = vp if j == 0 else cell.add_paragraph()
                struck = chosen is not None and val != chosen
                run(pp, lab, strike=struck)
                if val == "other" and chosen == "other":
                    run(pp, ": " + ctx.case["incident"]["other_spec"])
        elif kind == "date" and key in boxes_for:
            vp.text = ""
            date_boxes(cell, ctx, ctx.value(key, ci))
        elif key == "c.gender":
            lab = ctx.choice_label(key, ci)
            if lab:
                run(vp, lab)
        else:
            lines = ctx.paras(key, ci) if kind in ("long", "address") else None
            txt = None if lines else ctx.text(key, ci)
            if lines:
                cell_lines(cell, lines)
            elif txt:
                cell_lines(cell, txt.split("\n"))
            else:
                f = ctx.filler()
                if f:
                    run(vp, f)

    for heading, scope, ci, items in iter_sections(ctx):
        row = t.add_row()
        m = row.cells[0].merge(row.cells[2])
        cell_text(m, heading, bold=True, size=10)
        shade(m, "BDD7EE")
        if scope == "child":
            row = t.add_row()
            m = row.cells[0].merge(row.cells[2])
            nt = m.add_table(rows=0, cols=2)
            nt.style = "Table Grid"
            for it in items:
                r2 = nt.add_row()
                cell_text(r2.cells[0], it[1], bold=True)
                shade(r2.cells[0], "F2F2F2")
                value_into(r2.cells[1], it[0], ci, it[1])
            continue
        simple = [it for it in items if it[0] != "agencies"]
        group_label = {"Who is referring?": "Referrer", "Your safeguarding lead": "Safeguarding lead"}.get(heading)
        first_row = None
        for it in simple:
            row = t.add_row()
            if group_label:
                cell_text(row.cells[1], it[1], bold=True)
                value_into(row.cells[2], it[0], 0, it[1])
                if first_row is None:
                    first_row = row
                    cell_text(row.cells[0], group_label, bold=True)
                    shade(row.cells[0], "DEEAF6")
            else:
                lab = row.cells[0].merge(row.cells[1])
                cell_text(lab, it[1], bold=True)
                value_into(row.cells[2], it[0], 0, it[1])
        if group_label and first_row is not None:
            first_row.cells[0].merge(t.rows[-1].cells[0])          # vertically merged group label
        for it in items:
            if it[0] == "agencies":
                row = t.add_row()
                m = row.cells[0].merge(row.cells[2])
                cell_text(m, it[1], bold=True)
                agencies_table(doc, m, ctx, it[2], header_fill="F2F2F2")
    p = doc.d.add_paragraph()
    p = doc.d.add_paragraph()
    run(p, "FOR MASH USE: RAG rating ____  Decision ____________  Date ____", size=8, color="808080")
    doc.save(path)
    return {"date_boxes": sorted(boxes_for)}


# --------------------------------------------------------------------------
# W-LINE: school DSL form, answers typed on the label's line over underscores
# --------------------------------------------------------------------------
def render_w_line(ctx, path):
    rng, v = ctx.rng, ctx.v
    doc = Doc(font=rng.choice(["Century Gothic", "Arial", "Tahoma"]), size=10)
    doc.header(v["marking"], footer="Hollins Park Academy Trust - Safeguarding Policy Appendix 6")
    p = doc.d.add_paragraph()
    run(p, v["org"], bold=True, size=13)
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=12)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"], italic=True, size=9)
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, italic=True, size=8)
    style = rng.choice(["after", "around", "underline"])

    def line(p, text, width=48):
        pad = "_" * max(6, width - len(text))
        if style == "after":
            run(p, text)
            run(p, pad)
        elif style == "around":
            run(p, "___" + text)
            run(p, pad)
        else:
            run(p, text, underline=True)
            run(p, "\t")

    for heading, scope, ci, items in iter_sections(ctx):
        p = doc.d.add_paragraph()
        run(p, heading, bold=True, size=11)
        for it in items:
            key, label = it[0], it[1]
            hint = it[2] if len(it) > 2 and isinstance(it[2], str) else None
            kind = KIND.get(key)
            if key == "agencies":
                p = doc.d.add_paragraph()
                run(p, label + ":", bold=True)
                agencies_table(doc, doc.d, ctx, it[2])
                continue
            p = doc.d.add_paragraph()
            run(p, label + ": ", bold=True)
            if kind == "tri" or key in ("c.gender", "i.type"):
                chosen = ctx.value(key, ci or 0)
                opts = ctx.options(key)
                tick_options(p, opts, chosen, "wingdings2",
                             spec=ctx.case["incident"]["other_spec"] if key == "i.type" and chosen == "other" else None)
                continue
            if kind == "long":
                paras = ctx.paras(key, ci or 0)
                if len(paras) == 1 and rng.random() < 0.5:
                    run(p, paras[0])
                else:
                    for para in paras:
                        run(doc.d.add_paragraph(), para)
                    if not paras:
                        for _ in range(2):
                            run(doc.d.add_paragraph(), "_" * 80)
                continue
            if kind == "address":
                lines = ctx.paras(key, ci or 0)
                if lines:
                    line(p, lines[0])
                    for ln in lines[1:]:
                        p2 = doc.d.add_paragraph()
                        p2.paragraph_format.left_indent = Cm(3)
                        line(p2, ln)
                else:
                    run(p, "_" * 48)
                continue
            txt = ctx.text(key, ci or 0)
            if txt:
                line(p, txt)
            else:
                run(p, "_" * 40)
            if hint:
                run(p, f"  ({hint})", italic=True, size=8, color="7F7F7F")
    p = doc.d.add_paragraph()
    run(p, "Signed (DSL): ____________________   Date: ____________", bold=True)
    doc.save(path)
    return {"line_style": style, "tick": "wingdings2"}


# --------------------------------------------------------------------------
# W-CODE: coded answers explained in a key table; children side by side
# --------------------------------------------------------------------------
def code_for(ctx, table, val, rng):
    cands = [c for c, x, _l in ctx.v["codes"][table] if x == val]
    return cands[0] if cands else ""


def render_w_code(ctx, path):
    rng, v = ctx.rng, ctx.v
    doc = Doc(font="Arial", size=9)
    doc.header(v["marking"], footer="CN1 / 2025")
    p = doc.d.add_paragraph()
    run(p, v["title"], bold=True, size=14)
    p = doc.d.add_paragraph()
    run(p, v["subtitle"])
    for g in v["guidance"]:
        p = doc.d.add_paragraph()
        run(p, g, italic=True, size=8)
    # key table
    keys = [("Key 1 - Yes / No", "yn"), ("Key 2 - Sex", "sex"), ("Key 3 - Incident type", "type")]
    kt = doc.d.add_table(rows=1, cols=3)
    kt.style = doc.d.styles["Table Grid"]
    m = kt.rows[0].cells[0].merge(kt.rows[0].cells[2])
    cell_text(m, "KEY TO CODES", bold=True)
    shade(m, "FFE699")
    r = kt.add_row()
    for i, (title, k) in enumerate(keys):
        c = r.cells[i]
        cell_text(c, title, bold=True)
        inner = c.add_table(rows=0, cols=2)
        inner.style = "Table Grid"
        for code, _val, lab in v["codes"][k]:
            rr = inner.add_row()
            cell_text(rr.cells[0], code)
            cell_text(rr.cells[1], lab)
    doc.d.add_paragraph()
    n = len(ctx.case["children"])

    def answer(key, ci):
        kind = KIND.get(key)
        if kind == "tri":
            val = ctx.value(key, ci)
            if val is None and rng.random() < 0.5:
                return [""]
            return [code_for(ctx, "yn", val, rng)]
        if key == "c.gender":
            val = ctx.value(key, ci)
            return [code_for(ctx, "sex", val, rng) if val or rng.random() < 0.5 else ""]
        if key == "i.type":
            val = ctx.value(key, ci)
            c = code_for(ctx, "type", val, rng)
            if val == "other":
                c += f" - {ctx.case['incident']['other_spec']}"
            return [c]
        if kind in ("long", "address"):
            return ctx.paras(key, ci) or [ctx.filler()]
        t = ctx.text(key, ci)
        if key == "c.age" and t is None:
            t = ctx.age_when_dob(ci)
        return t.split("\n") if t else [ctx.filler()]

    done_child = False
    for heading, scope, ci, items in iter_sections(ctx):
        if scope == "child":
            if done_child:
                continue
            done_child = True
            p = doc.d.add_paragraph()
            run(p, heading.split(" (")[0], bold=True, size=11)
            t = doc.d.add_table(rows=1, cols=1 + n)
            t.style = doc.d.styles["Table Grid"]
            cell_text(t.rows[0].cells[0], "Item", bold=True)
            for k in range(n):
                cell_text(t.rows[0].cells[1 + k], f"Child {k + 1}", bold=True)
                shade(t.rows[0].cells[1 + k], "E2EFDA")
            for it in items:
                rr = t.add_row()
                cell_text(rr.cells[0], it[1], bold=True)
                for k in range(n):
                    cell_lines(rr.cells[1 + k], answer(it[0], k))
            continue
        p = doc.d.add_paragraph()
        run(p, heading, bold=True, size=11)
        simple = [it for it in items if it[0] != "agencies"]
        if simple:
            t = doc.d.add_table(rows=0, cols=2)
            t.style = doc.d.styles["Table Grid"]
            for it in simple:
                rr = t.add_row()
                cell_text(rr.cells[0], it[1], bold=True)
                shade(rr.cells[0], "F2F2F2")
                cell_lines(rr.cells[1], answer(it[0], 0))
        for it in items:
            if it[0] == "agencies":
                agencies_table(doc, doc.d, ctx, it[2])
    doc.save(path)
    return {}


# --------------------------------------------------------------------------
# H-PRINT: HTML web form printed to PDF by headless Chromium
# --------------------------------------------------------------------------
def esc(s):
    return html.escape(s or "")


def render_h_print(ctx, path_html):
    rng, v = ctx.rng, ctx.v
    school = ctx.vkey == "hollins_school"
    radio = rng.choice([("\u25cf", "\u25cb"), ("\u25c9", "\u25cb"), ("(x)", "( )")])
    css = """
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; color: #222; }
    .top { border-bottom: 3px solid #005eb8; margin-bottom: 8px; padding-bottom: 4px; }
    .brand { color: #005eb8; font-weight: bold; font-size: 13pt; }
    .mark { float: right; font-size: 8pt; font-weight: bold; }
    h1 { font-size: 15pt; margin: 4px 0; } .sub { font-size: 9pt; color: #555; }
    .guide { font-size: 8pt; color: #555; background: #f3f6fa; padding: 5px; margin: 6px 0; }
    fieldset { border: 1px solid #9bb; margin: 8px 0; padding: 6px 8px; page-break-inside: auto; }
    legend { font-weight: bold; color: #003087; font-size: 10.5pt; }
    .row { display: flex; margin: 3px 0; page-break-inside: avoid; }
    .lab { width: 38%; font-weight: bold; padding-right: 8px; }
    .val { width: 62%; border: 1px solid #aab; min-height: 14px; padding: 2px 4px; background: #fff; }
    .val p { margin: 0 0 8px 0; } .val p:last-child { margin-bottom: 0; }
    .ph { color: #aaa; font-style: italic; }
    .opt { margin-right: 14px; white-space: nowrap; }
    table.ag { border-collapse: collapse; width: 100%; } table.ag td, table.ag th { border: 1px solid #889; padding: 3px; text-align: left; }
    table.ag th { background: #e8edf4; }
    .foot { font-size: 7.5pt; color: #777; margin-top: 10px; }
    """
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{esc(v['title'])}</title><style>{css}</style></head><body>"]
    if school:
        printed = date.fromisoformat(ctx.case["date_of_referral"] or ctx.case["incident"]["date"]) + timedelta(days=rng.randint(1, 6))
        out.append(f"<div class='top'><span class='mark'>{esc(v['marking'])}</span><span class='brand'>SafeLog</span> "
                   f"&middot; Safeguarding incident record &middot; {esc(v['org'])}</div>"
                   f"<div class='sub'>Printed {fmt_date(printed, 'dmy_slash')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d} "
                   f"by admin.office</div>")
    else:
        out.append(f"<div class='top'><span class='mark'>{esc(v['marking'])}</span><span class='brand'>NHS</span> "
                   f"<b>{esc(v['org'])}</b></div>")
    out.append(f"<h1>{esc(v['title'])}</h1><div class='sub'>{esc(v['subtitle'])}</div>")
    for g in v["guidance"]:
        out.append(f"<div class='guide'>{esc(g)}</div>")

    def opts_html(key, ci):
        chosen = ctx.value(key, ci)
        parts = []
        for lab, val in ctx.options(key):
            on = chosen is not None and val == chosen
            extra = f": {esc(ctx.case['incident']['other_spec'])}" if on and key == "i.type" and val == "other" else ""
            parts.append(f"<span class='opt'>{radio[0] if on else radio[1]} {esc(lab)}{extra}</span>")
        sep = "<br>" if key == "i.type" else ""
        return sep.join(parts)

    for heading, scope, ci, items in iter_sections(ctx):
        out.append(f"<fieldset><legend>{esc(heading)}</legend>")
        for it in items:
            key, label = it[0], it[1]
            hint = it[2] if len(it) > 2 and isinstance(it[2], str) else None
            kind = KIND.get(key)
            if key == "agencies":
                cols = it[2]
                out.append(f"<div style='font-weight:bold;margin-top:4px'>{esc(label)}</div><table class='ag'><tr>"
                           + "".join(f"<th>{esc(h)}</th>" for h, _f in cols) + "</tr>")
                for a in ctx.case["agencies_involved"]:
                    out.append("<tr>" + "".join(f"<td>{esc(a[f] or '') if f else esc(rng.choice(['Yes', 'Lead', '']))}</td>"
                                                for _h, f in cols) + "</tr>")
                if not ctx.case["agencies_involved"]:
                    out.append("<tr>" + "".join("<td>&nbsp;</td>" for _ in cols) + "</tr>")
                out.append("</table>")
                continue
            if kind == "tri" or key in ("c.gender", "i.type"):
                body = opts_html(key, ci or 0)
            elif kind in ("long", "address"):
                paras = ctx.paras(key, ci or 0)
                if kind == "address":
                    body = "<br>".join(esc(x) for x in paras)
                else:
                    body = "".join(f"<p>{esc(x)}</p>" for x in paras)
            else:
                t = ctx.text(key, ci or 0)
                if key == "c.age" and t is None:
                    t = ctx.age_when_dob(ci or 0)
                body = esc(t) if t else ""
            if not body:
                ph = hint or ("dd/mm/yyyy" if kind == "date" else "")
                body = f"<span class='ph'>{esc(ph)}</span>" if ph else ""
            out.append(f"<div class='row'><div class='lab'>{esc(label)}</div><div class='val'>{body}</div></div>")
        out.append("</fieldset>")
    out.append(f"<div class='foot'>{esc(v['org'])} &middot; form SIN-C v1.4 &middot; generated from the web form</div>")
    out.append("</body></html>")
    Path(path_html).write_text("\n".join(out), encoding="utf-8")
    return {"radio": radio[0]}


# --------------------------------------------------------------------------
# reportlab helpers
# --------------------------------------------------------------------------
from reportlab.lib.pagesizes import A4                  # noqa: E402
from reportlab.lib.utils import simpleSplit              # noqa: E402
from reportlab.pdfbase import pdfmetrics                 # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont             # noqa: E402
from reportlab.pdfgen import canvas                      # noqa: E402

_FONTS = False


def fonts():
    global _FONTS
    if _FONTS:
        return
    base = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DV", base + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", base + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DVI", base + "DejaVuSans-Oblique.ttf"))
    pdfmetrics.registerFont(TTFont("DVC", base + "DejaVuSansCondensed.ttf"))
    pdfmetrics.registerFont(TTFont("DVCB", base + "DejaVuSansCondensed-Bold.ttf"))
    _FONTS = True


W, H = A4


class Pages:
    def __init__(self, path, marking, footer):
        fonts()
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.marking, self.footer = marking, footer
        self.page = 1
        self.decorate()
        self.y = H - 60

    def decorate(self):
        c = self.c
        c.setFont("DVB", 8)
        c.drawCentredString(W / 2, H - 25, self.marking)
        c.setFont("DV", 7)
        c.drawCentredString(W / 2, 20, f"{self.footer}   Page {self.page}")

    def new_page(self):
        self.c.showPage()
        self.page += 1
        self.decorate()
        self.y = H - 50

    def need(self, h):
        if self.y - h < 40:
            self.new_page()

    def text(self, x, y, s, font="DV", size=9, color=(0, 0, 0)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)
        self.c.setFillColorRGB(0, 0, 0)

    def wrap(self, s, font, size, width):
        out = []
        for para in s.split("\n"):
            out += simpleSplit(para, font, size, width) or [""]
        return out


# --------------------------------------------------------------------------
# P-ABOVE: police form drawn with reportlab, labels above boxed answers,
#          DD | MM | YYYY character boxes, guidance examples inside blank boxes
# --------------------------------------------------------------------------
def render_p_above(ctx, path):
    rng, v = ctx.rng, ctx.v
    pg = Pages(path, v["marking"], f"{v['org']} PPU/17")
    c = pg.c
    pg.text(40, pg.y, v["org"].upper(), "DVB", 13)
    pg.y -= 18
    pg.text(40, pg.y, v["title"], "DVB", 10.5)
    pg.y -= 13
    pg.text(40, pg.y, v["subtitle"], "DV", 7.5)
    pg.y -= 12
    for g in v["guidance"]:
        for ln in pg.wrap(g, "DVI", 7.5, W - 80):
            pg.text(40, pg.y, ln, "DVI", 7.5, (0.3, 0.3, 0.3))
            pg.y -= 9.5
    pg.y -= 4
    charbox = {"c.dob", "i.date", "date_of_referral", "panel_date"} if rng.random() < 0.75 else {"c.dob"}
    L, R = 40, W - 40

    def draw_options(x, y, w, key, ci):
        chosen = ctx.value(key, ci)
        cx = x + 4
        cy = y - 13
        for lab, val in ctx.options(key):
            on = chosen is not None and val == chosen
            c.rect(cx, cy, 8, 8)
            if on:
                pg.text(cx + 1.2, cy + 1, "X", "DVB", 8)
            pg.text(cx + 11, cy + 1, lab, "DV", 8)
            cx += 16 + pdfmetrics.stringWidth(lab, "DV", 8) + 8
            if on and key == "i.type" and val == "other":
                spec = ctx.case["incident"]["other_spec"]
                pg.text(cx, cy + 1, f"({spec})", "DV", 8)
                cx += pdfmetrics.stringWidth(f"({spec})", "DV", 8) + 8

    def draw_charbox(x, y, iso):
        d = date.fromisoformat(iso) if iso else None
        digits = f"{d.day:02d}{d.month:02d}{d.year}" if d else " " * 8
        cx = x + 4
        for i, ch in enumerate(digits):
            c.rect(cx, y - 15, 11, 12)
            if ch.strip():
                pg.text(cx + 2.5, y - 12, ch, "DV", 9)
            cx += 11
            if i in (1, 3):
                pg.text(cx + 1, y - 12, "/", "DV", 9)
                cx += 7

    def field_height(it, ci, w):
        key = it[0]
        kind = KIND.get(key)
        if kind in ("long", "address") or key == "r.contact":
            t = ctx.text(key, ci) or ""
            n = len(pg.wrap(t, "DV", 9, w - 8)) if t else 2
            if kind == "long":
                n += t.count("\n\n")
            return 12 + max(2, n) * 11 + 6
        if key == "i.type":
            return 30
        return 32

    for heading, scope, ci, items in iter_sections(ctx):
        pg.need(50)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.rect(L, pg.y - 4, R - L, 14, fill=1)
        pg.text(L + 4, pg.y, heading, "DVB", 9, (1, 1, 1))
        pg.y -= 14
        simple = [it for it in items if it[0] != "agencies"]
        rows, cur = [], []
        for it in simple:
            wide = KIND.get(it[0]) in ("long", "address", "type") or it[0] == "r.contact"
            if wide:
                if cur:
                    rows.append(cur)
                    cur = []
                rows.append([it])
            else:
                cur.append(it)
                if len(cur) == 3:
                    rows.append(cur)
                    cur = []
        if cur:
            rows.append(cur)
        for row in rows:
            w = (R - L) / len(row)
            h = max(field_height(it, ci or 0, w) for it in row)
            pg.need(h + 4)
            for j, it in enumerate(row):
                key, label = it[0], it[1]
                hint = it[2] if len(it) > 2 and isinstance(it[2], str) else None
                x = L + j * w
                kind = KIND.get(key)
                pg.text(x + 2, pg.y, label, "DVB", 6.5, (0.25, 0.25, 0.25))
                top = pg.y - 3
                c.rect(x + 2, top - (h - 12), w - 4, h - 12)
                if kind == "tri" or key in ("c.gender", "i.type"):
                    draw_options(x, top, w, key, ci or 0)
                elif kind == "date" and key in charbox:
                    draw_charbox(x, top, ctx.value(key, ci or 0))
                else:
                    t = ctx.text(key, ci or 0)
                    if key == "c.age" and t is None:
                        t = ctx.age_when_dob(ci or 0)
                    if t:
                        yy = top - 11
                        for para in t.split("\n"):
                            if not para:
                                yy -= 5
                                continue
                            for ln in pg.wrap(para, "DV", 9, w - 12):
                                pg.text(x + 6, yy, ln, "DV", 9)
                                yy -= 11
                    elif hint:
                        pg.text(x + 6, top - 11, hint, "DVI", 8, (0.6, 0.6, 0.6))
            pg.y -= h + 2
        for it in items:
            if it[0] != "agencies":
                continue
            cols = it[2]
            pg.need(40)
            pg.text(L + 2, pg.y, it[1], "DVB", 6.5)
            pg.y -= 4
            rows_ = ctx.case["agencies_involved"] + [None]
            cw = (R - L) / len(cols)
            for r_i, a in enumerate([None] + rows_):
                cells = [h_ for h_, _f in cols] if r_i == 0 else (
                    [(a[f] or "") if f else rng.choice(["Social Worker", "Named Nurse", "Class teacher", ""]) for _h, f in cols]
                    if a else ["" for _ in cols])
                wrapped = [pg.wrap(x_, "DV", 8, cw - 6) for x_ in cells]
                hh = max(len(wl) for wl in wrapped) * 10 + 5
                pg.need(hh)
                for k, wl in enumerate(wrapped):
                    c.rect(L + k * cw, pg.y - hh, cw, hh, fill=0)
                    for li, ln in enumerate(wl):
                        pg.text(L + k * cw + 3, pg.y - 10 - li * 10, ln, "DVB" if r_i == 0 else "DV", 7 if r_i == 0 else 8)
                pg.y -= hh
            pg.y -= 6
    pg.need(40)
    pg.text(L, pg.y - 10, "OFFICER SIGNATURE ..............................    SUPERVISOR SIGNATURE ..............................",
            "DV", 8)
    c.save()
    return {"char_boxes": sorted(charbox)}


# --------------------------------------------------------------------------
# R-2COL: council Rapid Review form drawn in two columns, continuation sheet,
#         annex page drawn sideways on a /Rotate 90 page
# --------------------------------------------------------------------------
def render_r_2col(ctx, path):
    rng, v = ctx.rng, ctx.v
    pg = Pages(path, v["marking"], v["org"] + " - Rapid Review Referral")
    c = pg.c
    pg.text(40, pg.y, v["org"], "DVB", 15, (0.1, 0.3, 0.5))
    pg.y -= 18
    pg.text(40, pg.y, v["title"], "DVB", 12)
    pg.y -= 13
    pg.text(40, pg.y, v["subtitle"], "DV", 8)
    pg.y -= 12
    for g in v["guidance"]:
        for ln in pg.wrap(g, "DVI", 7.5, W - 80):
            pg.text(40, pg.y, ln, "DVI", 7.5, (0.35, 0.35, 0.35))
            pg.y -= 9.5
    c.line(40, pg.y, W - 40, pg.y)
    pg.y -= 14
    colx = [40, W / 2 + 8]
    colw = W / 2 - 48
    top_y = pg.y
    state = {"col": 0, "y": top_y, "top": top_y}
    c.line(W / 2, 40, W / 2, top_y + 6)

    def need(h):
        if state["y"] - h < 50:
            if state["col"] == 0:
                state["col"] = 1
                state["y"] = state["top"]
            else:
                pg.new_page()
                c.line(W / 2, 40, W / 2, H - 50)
                state["col"] = 0
                state["y"] = state["top"] = H - 55

    def put_lines(lines, font="DV", size=9, gap=11, color=(0, 0, 0)):
        for ln in lines:
            need(gap)
            pg.text(colx[state["col"]], state["y"], ln, font, size, color)
            state["y"] -= gap

    continuation = []
    paras_main_cut = None
    for heading, scope, ci, items in iter_sections(ctx):
        if scope == "annex":
            continue
        need(30)
        state["y"] -= 4
        put_lines(pg.wrap(heading.upper(), "DVB", 9, colw), "DVB", 9, 12, (0.1, 0.3, 0.5))
        crit = [it for it in items if it[0].startswith("k.") and KIND.get(it[0]) == "tri"]
        for it in items:
            key, label = it[0], it[1]
            kind = KIND.get(key)
            if it in crit:
                if it is crit[0]:
                    need(14)
                    x0 = colx[state["col"]]
                    pg.text(x0 + colw - 58, state["y"], "Yes", "DVB", 8)
                    pg.text(x0 + colw - 24, state["y"], "No", "DVB", 8)
                    state["y"] -= 11
                lab_lines = pg.wrap(label, "DV", 8.5, colw - 75)
                need(len(lab_lines) * 10.5 + 4)
                x0 = colx[state["col"]]
                y0 = state["y"]
                for ln in lab_lines:
                    pg.text(x0, state["y"], ln, "DV", 8.5)
                    state["y"] -= 10.5
                val = ctx.value(key)
                for xx, want in ((x0 + colw - 58, True), (x0 + colw - 24, False)):
                    c.rect(xx, y0 - 2, 9, 9)
                    if val is want:
                        pg.text(xx + 1.5, y0 - 0.5, "X", "DVB", 8)
                state["y"] -= 3
                continue
            need(24)
            put_lines(pg.wrap(label, "DVB", 7.5, colw), "DVB", 7.5, 9.5, (0.3, 0.3, 0.3))
            if kind == "tri":
                val = ctx.value(key, ci or 0)
                t = {True: "Yes", False: "No", None: ""}[val]
            elif key in ("c.gender", "i.type"):
                t = ctx.choice_label(key, ci or 0)
            elif key == "i.summary":
                paras = ctx.paras(key)
                if len(paras) >= 3 and rng.random() < 0.75:
                    cut = rng.randint(1, len(paras) - 1)
                    paras_main_cut = cut
                    continuation = paras[cut:]
                    paras = paras[:cut]
                for k, para in enumerate(paras):
                    put_lines(pg.wrap(para, "DV", 9, colw))
                    state["y"] -= 6
                if continuation:
                    put_lines(["(continued on the continuation sheet)"], "DVI", 7.5, 10, (0.45, 0.45, 0.45))
                state["y"] -= 3
                continue
            else:
                t = ctx.text(key, ci or 0)
                if key == "c.age" and t is None:
                    t = ctx.age_when_dob(ci or 0)
                if t and kind == "address" and rng.random() < 0.5:
                    t = t.replace("\n", ", ")
                if t and kind == "long":
                    for para in t.split("\n\n"):
                        put_lines(pg.wrap(para, "DV", 9, colw))
                        state["y"] -= 5
                    state["y"] -= 3
                    continue
            put_lines(pg.wrap(t, "DV", 9, colw) if t else [""])
            state["y"] -= 4
    if continuation:
        pg.new_page()
        pg.text(40, pg.y, "CONTINUATION SHEET", "DVB", 12)
        pg.y -= 16
        lab = next(it[1] for _h, _s, items in v["sections"] for it in items if it[0] == "i.summary")
        pg.text(40, pg.y, f"Serious incident - {lab} (continued)", "DVB", 9)
        pg.y -= 16
        for para in continuation:
            for ln in pg.wrap(para, "DV", 9.5, W - 80):
                pg.need(12)
                pg.text(40, pg.y, ln, "DV", 9.5)
                pg.y -= 12
            pg.y -= 8
    # annex, drawn in landscape coordinates on a portrait page shown with /Rotate 90
    annex = next((it for _h, scope, items in v["sections"] if scope == "annex" for it in items), None)
    if annex is not None:
        c.showPage()
        pg.page += 1
        c.saveState()
        c.translate(W, 0)
        c.rotate(90)
        LW, LH = H, W
        c.setFont("DVB", 8)
        c.drawCentredString(LW / 2, LH - 25, v["marking"])
        c.setFont("DVB", 11)
        c.drawString(40, LH - 55, "Annex A - Agencies involved with the child and family")
        cols = annex[2]
        widths = [200, 140, 110, 70, 230][:len(cols)]
        y = LH - 80
        rows = [[h for h, _f in cols]]
        for a in ctx.case["agencies_involved"]:
            rows.append([(a[f] or "") if f else (rng.choice(["Yes", "No"]) if "Still" in h else
                                                 rng.choice(["Allocated social worker", "GP", "Health visitor", "DSL", ""]))
                         for h, f in cols])
        rows += [["" for _ in cols]] * 2
        for ri, row in enumerate(rows):
            wrapped = [simpleSplit(x, "DV", 8.5, w - 6) or [""] for x, w in zip(row, widths)]
            hh = max(len(wl) for wl in wrapped) * 10.5 + 6
            x = 40
            for wl, w in zip(wrapped, widths):
                c.rect(x, y - hh, w, hh)
                for li, ln in enumerate(wl):
                    c.setFont("DVB" if ri == 0 else "DV", 8.5)
                    c.drawString(x + 3, y - 11 - li * 10.5, ln)
                x += w
            y -= hh
        c.setFont("DV", 7)
        c.drawCentredString(LW / 2, 20, f"Annex A   Page {pg.page}")
        c.restoreState()
    c.save()
    if annex is not None:                  # the annex page is shown turned: /Rotate 90 on a portrait page
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import NameObject, NumberObject
        w = PdfWriter(clone_from=PdfReader(str(path)))
        w.pages[-1][NameObject("/Rotate")] = NumberObject(90)
        fix_pdf_ids(w, path)
        buf = io.BytesIO()
        w.write(buf)
        Path(path).write_bytes(buf.getvalue())
    return {"continuation": bool(continuation), "rotated_annex": annex is not None}


# --------------------------------------------------------------------------
# F-XFA: fillable AcroForm with hierarchical field names form1[0].PageN[0].Name[0]
# --------------------------------------------------------------------------
def render_f_xfa(ctx, path):
    rng, v = ctx.rng, ctx.v
    tmp = str(path) + ".tmp.pdf"
    pg = Pages(tmp, v["marking"], v["org"])
    c = pg.c
    af = c.acroForm
    tooltips = rng.random() < 0.5
    on_state = rng.choice(["1", "1", "On"])
    used, page_of = set(), {}
    pg.text(40, pg.y, v["title"], "DVB", 10.5)
    pg.y -= 14
    pg.text(40, pg.y, v["subtitle"], "DV", 8.5)
    pg.y -= 12
    for g in v["guidance"]:
        for ln in pg.wrap(g, "DVI", 7.5, W - 80):
            pg.text(40, pg.y, ln, "DVI", 7.5, (0.3, 0.3, 0.3))
            pg.y -= 9.5
    pg.y -= 6

    def fname(base):
        base = re.sub(r"[^A-Za-z0-9]", "", base)
        n = base
        k = 1
        while n in used:
            k += 1
            n = f"{base}{k}"
        used.add(n)
        page_of[n + "[0]"] = pg.page
        return n + "[0]"

    LX, FX, FW = 40, 265, W - 40 - 265
    base_names = {"date_of_referral": "DateOfReferral", "r.name": "RefName", "r.role": "RefJobTitle", "r.agency": "RefAgency",
                  "r.phone": "RefPhone", "r.email": "RefEmail", "s.name": "LeadName", "s.role": "LeadJobTitle",
                  "s.agency": "LeadAgency", "s.phone": "LeadPhone", "s.email": "LeadEmail", "s.discussed": "Discussed",
                  "i.type": "IncidentType", "i.date": "IncidentDate", "i.date_la_aware": "DateLAAware",
                  "i.location": "Location", "i.police_involved": "Police", "i.summary": "Summary", "k.died": "CritDied",
                  "k.abuse": "CritAbuse", "k.local": "CritLocal", "k.learning": "CritLearning", "k.reason": "Reason",
                  "panel": "PanelNotified", "panel_date": "PanelDate", "immediate": "ImmediateConcerns"}
    for heading, scope, ci, items in iter_sections(ctx):
        pg.y -= 6
        pg.need(40)
        c.setFillColorRGB(0.85, 0.9, 0.85)
        c.rect(LX, pg.y - 4, W - 80, 14, fill=1, stroke=0)
        pg.text(LX + 3, pg.y, heading, "DVB", 8.5)
        pg.y -= 18
        for it in items:
            key, label = it[0], it[1]
            kind = KIND.get(key)
            prefix = f"Child{(ci or 0) + 1}" if scope == "child" else ""
            base = prefix + (base_names.get(key) or key.split(".")[-1].title().replace("_", ""))
            if key == "agencies":
                cols = it[2]
                pg.need(30)
                pg.text(LX, pg.y, label, "DVB", 8)
                pg.y -= 12
                cw = (W - 80) / len(cols)
                for k, (h_, _f) in enumerate(cols):
                    pg.text(LX + k * cw + 2, pg.y, h_, "DVB", 7.5)
                pg.y -= 4
                rows_ = ctx.case["agencies_involved"] + [None] * max(1, 4 - len(ctx.case["agencies_involved"]))
                for r_i, a in enumerate(rows_):
                    pg.need(20)
                    for k, (h_, f) in enumerate(cols):
                        val = (a[f] or "") if a and f else ""
                        af.textfield(name=fname(f"Agency{r_i + 1}{f or 'x'}"), value=val, x=LX + k * cw + 1, y=pg.y - 16,
                                     width=cw - 2, height=15, fontName="Helvetica", fontSize=8, borderWidth=0.5,
                                     **({"tooltip": f"{h_} row {r_i + 1}"} if tooltips else {}))
                    pg.y -= 17
                pg.y -= 4
                continue
            lab_lines = pg.wrap(label, "DV", 7.5, FX - LX - 10)
            if kind == "long":
                fh = 96
            elif kind == "address":
                fh = 40
            else:
                fh = 15
            h = max(fh, len(lab_lines) * 9) + 5
            pg.need(h)
            for li, ln in enumerate(lab_lines):
                pg.text(LX, pg.y - 8 - li * 9, ln, "DV", 7.5)
            top = pg.y
            tip = {"tooltip": label.split(" / ")[-1]} if tooltips else {}
            if kind == "tri":
                val = ctx.value(key, ci or 0)
                x = FX
                for (lab, want), suffix in zip(ctx.options(key), ("Yes", "No")):
                    af.checkbox(name=fname(base + suffix), checked=val is want, x=x, y=top - 13, size=11,
                                buttonStyle="check", borderWidth=0.7, **tip)
                    pg.text(x + 14, top - 11, lab, "DV", 7.5)
                    x += 90
            elif key in ("c.gender", "i.type"):
                val = ctx.value(key, ci or 0)
                opts = [lab for lab, _x in ctx.options(key)]
                chosen = next((lab for lab, x_ in ctx.options(key) if x_ == val), None) if val else None
                af.choice(name=fname(base), value=chosen or " ", options=[" "] + opts, x=FX, y=top - 15, width=FW,
                          height=14, fontName="Helvetica", fontSize=8, borderWidth=0.7, **tip)
                if key == "i.type" and val == "other":
                    pg.y -= 17
                    pg.need(18)
                    pg.text(LX, pg.y - 8, "Os arall, nodwch / If other, please specify", "DV", 7.5)
                    af.textfield(name=fname("IncidentTypeOther"), value=ctx.case["incident"]["other_spec"], x=FX,
                                 y=pg.y - 15, width=FW, height=14, fontName="Helvetica", fontSize=8, borderWidth=0.7)
            else:
                if kind == "long":
                    t = "\n\n".join(ctx.paras(key, ci or 0)) or ""
                elif kind == "address":
                    t = "\n".join(ctx.paras(key, ci or 0))
                else:
                    t = ctx.text(key, ci or 0)
                    if key == "c.age" and t is None:
                        t = ctx.age_when_dob(ci or 0)
                    t = t or ""
                flags = "multiline" if kind in ("long", "address") else ""
                af.textfield(name=fname(base), value=t, x=FX, y=top - fh, width=FW, height=fh, fontName="Helvetica",
                             fontSize=7 if kind == "long" else 8, borderWidth=0.7, fieldFlags=flags, **tip)
            pg.y -= h + 2
    c.save()
    hierarchise(tmp, path, page_of, on_state)
    os.remove(tmp)
    return {"tooltips": tooltips, "on_state": on_state}


def hierarchise(src, dst, page_of, on_state):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, TextStringObject
    w = PdfWriter(clone_from=PdfReader(src))
    acro = w._root_object["/AcroForm"]
    root = DictionaryObject({NameObject("/T"): TextStringObject("form1[0]"), NameObject("/Kids"): ArrayObject()})
    root_ref = w._add_object(root)
    page_nodes = {}
    for fref in list(acro["/Fields"]):
        f = fref.get_object()
        name = str(f["/T"])
        pno = page_of.get(name, 1)
        if pno not in page_nodes:
            node = DictionaryObject({NameObject("/T"): TextStringObject(f"Page{pno}[0]"), NameObject("/Kids"): ArrayObject(),
                                     NameObject("/Parent"): root_ref})
            page_nodes[pno] = w._add_object(node)
            root["/Kids"].append(page_nodes[pno])
        f[NameObject("/Parent")] = page_nodes[pno]
        page_nodes[pno].get_object()["/Kids"].append(fref)
        if f.get("/FT") == "/Btn" and on_state != "Yes":
            ap = f.get("/AP")
            if ap:
                for k in ("/N", "/D", "/R"):
                    if k in ap and "/Yes" in ap[k]:
                        ap[k][NameObject("/" + on_state)] = ap[k].raw_get("/Yes")
                        del ap[k]["/Yes"]
            for k in ("/V", "/AS"):
                if f.get(k) == "/Yes":
                    f[NameObject(k)] = NameObject("/" + on_state)
    acro[NameObject("/Fields")] = ArrayObject([root_ref])
    acro[NameObject("/NeedAppearances")] = BooleanObject(True)
    w.add_metadata({"/Producer": "Designer 6.5 (simulated)", "/Creator": "form1"})
    fix_pdf_ids(w, dst)
    with open(dst, "wb") as fh:
        w.write(fh)


def fix_pdf_ids(w, name):
    import hashlib
    from pypdf.generic import ArrayObject, ByteStringObject
    h = hashlib.md5(Path(name).name.encode()).digest()
    w._ID = ArrayObject([ByteStringObject(h), ByteStringObject(h)])


def normalise_pdf(path, producer):
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(str(path)))
    w.add_metadata({"/Producer": producer, "/CreationDate": "D:20250101000000Z", "/ModDate": "D:20250101000000Z"})
    fix_pdf_ids(w, path)
    buf = io.BytesIO()
    w.write(buf)
    Path(path).write_bytes(buf.getvalue())


# --------------------------------------------------------------------------
# plan, conversions, truth, self-check
# --------------------------------------------------------------------------
PLAN = [  # (layout, vocabulary, forms per 80, kind)
    ("W-TICK", "pennine_nhs", 6), ("W-TICK", "gwernant_cy", 4), ("H-PRINT", "pennine_nhs", 5),
    ("H-PRINT", "hollins_school", 4), ("P-ABOVE", "northmoor_police", 8), ("W-ABOVE", "northmoor_police", 6),
    ("W-QA", "ashworth_plain", 7), ("L-QA", "ashworth_plain", 5), ("R-2COL", "calderbrook_rr", 8),
    ("W-MASH", "westmarch_mash", 8), ("W-LINE", "hollins_school", 6), ("F-XFA", "gwernant_cy", 7),
    ("W-CODE", "eastbridge_coded", 6),
]
EXT = {"W-TICK": "docx", "H-PRINT": "pdf", "P-ABOVE": "pdf", "W-ABOVE": "docx", "W-QA": "docx", "L-QA": "pdf",
       "R-2COL": "pdf", "W-MASH": "docx", "W-LINE": "docx", "F-XFA": "pdf", "W-CODE": "docx"}
MULTI = {"R-2COL": 0.35, "W-MASH": 0.35, "W-CODE": 0.4, "H-PRINT": 0.25, "W-QA": 0.25, "W-TICK": 0.2,
         "P-ABOVE": 0.2, "W-ABOVE": 0.15, "F-XFA": 0.2, "L-QA": 0.2, "W-LINE": 0.0}


def make_plan(count, rng):
    queues = [[(lay, voc)] * n for lay, voc, n in PLAN]
    order = []
    while len(order) < count:
        for q in queues:
            for item in q:
                order.append(item)
    # round robin so that a small --count still spreads over all layouts
    rr, i = [], 0
    pools = [list(q) for q in queues]
    while len(rr) < count:
        pool = pools[i % len(pools)]
        if pool:
            rr.append(pool.pop())
        elif not any(pools):
            pools = [list(q) for q in queues]
        i += 1
    rng.shuffle(rr)
    return rr


def soffice(files, fmt, outdir, profile):
    if not files:
        return
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir)] + [str(f) for f in files]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def chromium(jobs, profile):
    procs = []
    for html_path, pdf_path in jobs:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               "--print-to-pdf-no-header", f"--user-data-dir={profile}-{Path(pdf_path).stem}",
               f"--print-to-pdf={pdf_path}", f"file://{html_path}"]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if len(procs) >= 2:
            procs.pop(0).wait(timeout=120)
    for p in procs:
        p.wait(timeout=120)


# ---- text extraction for the self-check ---------------------------------
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path):
    from lxml import etree
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W_NS + "p"):
        parts = []
        for el in p.iter(W_NS + "t", W_NS + "tab", W_NS + "br"):
            # only this paragraph's own runs (nested-table paragraphs are visited separately)
            anc = el.getparent()
            while anc is not None and anc.tag != W_NS + "p":
                anc = anc.getparent()
            if anc is not p:
                continue
            parts.append(el.text or "" if el.tag == W_NS + "t" else " ")
        out.append("".join(parts))
    return "\n".join(out)


def pdf_text(path):
    import pdfplumber
    from pypdf import PdfReader
    chunks = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chunks.append(page.extract_text() or "")
    r = PdfReader(path)
    for page in r.pages:
        chunks.append(page.extract_text() or "")
    for name, f in (r.get_fields() or {}).items():
        val = f.get("/V")
        if isinstance(val, str) and not str(val).startswith("/"):
            chunks.append(str(val))
    return "\n".join(chunks)


def norm(s):
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, value


DATE_LEAVES = re.compile(r"(date_of_referral|\.dob|date_of_death|incident\.date|incident\.date_la_aware|date_panel_notified)$")


def present(val, ntext, tokens):
    nv = norm(val)
    if nv in ntext:
        return True
    want = re.findall(r"[^\W_]+", val.casefold())
    if len(val) < 60 or not want:
        return False
    i = 0
    for t in tokens:               # ordered subsequence (text interleaved with a second column)
        if t == want[i]:
            i += 1
            if i == len(want):
                return True
    return False


def check_one(doc_path, truth, validator):
    problems = []
    for err in validator.iter_errors(truth["record"]):
        problems.append(f"schema: {err.message} at {list(err.path)}")
    text = docx_text(doc_path) if doc_path.suffix == ".docx" else pdf_text(doc_path)
    ntext = norm(text)
    tokens = re.findall(r"[^\W_]+", text.casefold())
    for path, val in leaves(truth["record"]):
        if val is None or isinstance(val, bool) or path in ("form",):
            continue
        if path.endswith(".gender") or path == "incident.type":
            continue
        if DATE_LEAVES.search(path):
            ok = any(v in ntext for v in date_variants(val))
        elif path.endswith(".phone"):
            ok = norm(val) in re.sub(r"\D", "", text)
        elif re.search(r"children\[\d+\]\.name$", path):
            # split-name forms print forename and surname in separate fields
            ok = all(present(part, ntext, tokens) for part in val.split(" ", 1))
        elif path.endswith(".address"):
            ok = all(present(part, ntext, tokens) for part in val.split(", "))
        elif path in ("incident.summary",) or path.endswith("reason") or path == "immediate_concerns":
            ok = all(present(part, ntext, tokens) for part in val.split("\n\n"))
        else:
            ok = present(val, ntext, tokens)
        if not ok:
            problems.append(f"{path}: {val!r:.70} not found in the document text")
    return problems


# ---- main ---------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    forms, truths = out / "forms", out / "truth"
    for d in (forms, truths):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    rng = random.Random(a.seed)
    plan = make_plan(a.count, rng)
    work = Path(tempfile.mkdtemp(prefix="unseen4-"))
    lo_pdf, lo_docx, chrome = [], [], []
    records = []
    for i, (layout, vkey) in enumerate(plan, start=1):
        frng = random.Random(f"{a.seed}-{i}-{layout}-{vkey}")
        stem = f"u4{i:03d}"
        n = 1
        if frng.random() < MULTI.get(layout, 0):
            n = 3 if frng.random() < 0.15 else 2
        case = make_case(frng, vkey, n)
        ctx = Ctx(frng, vkey, case, layout)
        ext = EXT[layout]
        dst = forms / f"{stem}.{ext}"
        notes = {}
        if layout == "W-TICK":
            notes = render_w_tick(ctx, dst)
        elif layout == "W-ABOVE":
            notes = render_w_above(ctx, dst)
        elif layout == "W-QA":
            producer = "google" if frng.random() < 0.55 else "libreoffice"
            if producer == "google":
                notes = render_w_qa(ctx, dst, "google")
            else:
                notes = render_w_qa(ctx, work / f"{stem}.docx", "libreoffice")
                lo_docx.append(stem)
        elif layout == "L-QA":
            notes = render_w_qa(ctx, work / f"{stem}.docx", frng.choice(["google", "libreoffice"]))
            lo_pdf.append(stem)
        elif layout == "W-MASH":
            notes = render_w_mash(ctx, dst)
        elif layout == "W-LINE":
            notes = render_w_line(ctx, dst)
        elif layout == "W-CODE":
            notes = render_w_code(ctx, dst)
        elif layout == "H-PRINT":
            notes = render_h_print(ctx, work / f"{stem}.html")
            chrome.append((work / f"{stem}.html", dst))
        elif layout == "P-ABOVE":
            notes = render_p_above(ctx, dst)
        elif layout == "R-2COL":
            notes = render_r_2col(ctx, dst)
        elif layout == "F-XFA":
            notes = render_f_xfa(ctx, dst)
        truth = {"file": dst.name, "layout": layout, "vocabulary": vkey, "expect_status": "parsed",
                 "expect_reason": None, "record": truth_record(case, VOCABS[vkey]), "notes": notes}
        records.append((dst, truth))
    profile = work / "lo-profile"
    if lo_docx:
        (work / "lodocx").mkdir()
        soffice([work / f"{s}.docx" for s in lo_docx], "docx:MS Word 2007 XML", work / "lodocx", profile)
        for s in lo_docx:
            rezip((work / "lodocx" / f"{s}.docx").read_bytes(), forms / f"{s}.docx")
    if lo_pdf:
        (work / "lopdf").mkdir()
        soffice([work / f"{s}.docx" for s in lo_pdf], "pdf", work / "lopdf", profile)
        for s in lo_pdf:
            shutil.copy(work / "lopdf" / f"{s}.pdf", forms / f"{s}.pdf")
            normalise_pdf(forms / f"{s}.pdf", "LibreOffice 7 (Writer)")
    if chrome:
        chromium(chrome, str(work / "chrome"))
        for _h, pdf in chrome:
            normalise_pdf(pdf, "Skia/PDF m120")
    t_gen = time.time() - t0
    # ---- self-check
    import jsonschema
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for dst, truth in records:
        (truths / f"{dst.stem}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if not dst.exists():
            print(f"{dst.name}: document was not written")
            bad += 1
            continue
        problems = check_one(dst, truth, validator)
        for pr in problems:
            print(f"{dst.name} ({truth['layout']}/{truth['vocabulary']}): {pr}")
        bad += bool(problems)
    shutil.rmtree(work, ignore_errors=True)
    n_docx = sum(1 for d, _t in records if d.suffix == ".docx")
    print(f"wrote {len(records)} forms ({n_docx} docx, {len(records) - n_docx} pdf) to {out} "
          f"in {t_gen:.1f}s; self-check {'FAILED on ' + str(bad) + ' forms' if bad else 'passed'} "
          f"({time.time() - t0:.1f}s total)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
