"""unseen5 - a held-out corpus of Case Referral Forms (see README.md).

    python benchmarks/unseen5/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/<stem>.docx|.pdf and OUTDIR/truth/<stem>.json, then
re-reads every document and checks that each stated string value is in its
text and that each record validates against shared/referral.schema.json.
Exit status 1 if a check fails.

Written without reading parsers/, intake/, notifier/, tests/ or the other
benchmarks/unseen* generators.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2026, 3, 2, 9, 0, 0)

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


DATE_STYLES = {
    "slash4": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "ordwords": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "dots2": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
    "slash2": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    "bare2": lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}",
    "dayord": lambda d: f"{DAYS[d.weekday()]} {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "words": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dots4": lambda d: f"{d.day}.{d.month}.{d.year}",
    "ordof": lambda d: f"{ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    "mon3": lambda d: f"{d.day:02d} {MONTHS[d.month - 1][:3]} {d.year}",
}


def fmt_date(iso: str, style: str) -> str:
    return DATE_STYLES[style](dt.date.fromisoformat(iso))


def all_date_renderings(iso: str) -> list[str]:
    return [fmt_date(iso, s) for s in DATE_STYLES]


# ---------------------------------------------------------------------------
# Invented people, places and events
# ---------------------------------------------------------------------------

GIRLS = ["Maisie", "Aaliyah", "Freya", "Zofia", "Tilly", "Nia", "Oksana", "Imogen", "Safiya", "Elodie",
         "Kacey", "Rhianna", "Precious", "Aoife", "Lowri", "Skye", "Hafsa", "Bethan", "Chioma", "Maja"]
BOYS = ["Callum", "Tyrese", "Ollie", "Mateusz", "Harrison", "Kai", "Ibrahim", "Reuben", "Declan", "Jaxon",
        "Musa", "Finlay", "Kwame", "Alfie", "Tomasz", "Ezra", "Rory", "Deacon", "Yusuf", "Brodie"]
OTHERS = ["Sasha", "Robin", "Jude", "River", "Charlie"]
SURNAMES = ["Penhallow", "Ashdown", "Okonkwo-Reid", "Marchetti", "Lindqvist", "Quayle", "Blenkinsop", "Nwachukwu",
            "Strachan", "Fairweather", "Kowalczyk", "Tregarthen", "Haverstock", "Mbeki-Shaw", "Drummond",
            "Pellow", "Aldridge", "Vasquez-Hale", "Crowther", "Iqbal", "Rosewarne", "Thistlewood", "Yardley",
            "McAllister", "Oyelaran", "Hebblethwaite", "Sinclair-Lowe", "Dobrowski", "Garside", "Fennimore"]
ADULT_FIRST = ["Joanne", "Priya", "Gareth", "Siobhan", "Marcus", "Helen", "Tariq", "Lorraine", "Dominic", "Bronwen",
               "Adebayo", "Fiona", "Craig", "Ruth", "Niamh", "Stuart", "Yasmin", "Graham", "Deborah", "Owain",
               "Claire", "Rashid", "Elspeth", "Kieran"]
STREETS = ["Larkspur Close", "Weavers Row", "Calder Terrace", "Hollybank Road", "Quarry Lane", "St Aidan's Walk",
           "Foundry Street", "Mallard Way", "Brackenhill Drive", "Ropewalk", "Tannery Mews", "Sandpiper Court",
           "Gorse Avenue", "Beacon View", "Coldharbour Road", "Millrace Gardens", "Harebell Crescent"]
ETHNICITIES = ["White British", "White Irish", "Any other White background", "Mixed - White and Black Caribbean",
               "Mixed - White and Asian", "Asian or Asian British - Pakistani", "Asian or Asian British - Bangladeshi",
               "Black or Black British - African", "Black or Black British - Caribbean", "Gypsy/Roma",
               "Chinese", "White Scottish", "Any other ethnic group - Kurdish"]
DISABILITIES = ["Autism spectrum condition (diagnosed 2023)", "Cerebral palsy; uses a wheelchair",
                "Global developmental delay", "Hearing impairment - bilateral hearing aids",
                "ADHD, awaiting EHCP assessment", "Type 1 diabetes", "Speech and language delay"]
LEGAL = ["Child in need (section 17)", "Accommodated under section 20", "Interim care order", "No order",
         "Special guardianship order", "Child arrangements order (lives with mother)", "Full care order"]
LEGAL_SCOT = ["Compulsory supervision order", "No current order", "Child protection order",
              "Interim compulsory supervision order"]

PHONE_RANGES = ["0113 496 0{n:03d}", "0114 496 0{n:03d}", "0115 496 0{n:03d}", "0116 496 0{n:03d}",
                "0117 496 0{n:03d}", "0118 496 0{n:03d}", "0121 496 0{n:03d}", "0131 496 0{n:03d}",
                "0141 496 0{n:03d}", "0151 496 0{n:03d}", "0161 496 0{n:03d}", "020 7946 0{n:03d}",
                "01632 960{n:03d}", "07700 900{n:03d}", "029 2018 0{n:03d}"]


def phone(rng: random.Random, scottish: bool = False) -> str:
    pat = rng.choice(["0131 496 0{n:03d}", "0141 496 0{n:03d}", "07700 900{n:03d}"]) if scottish else rng.choice(PHONE_RANGES)
    num = pat.format(n=rng.randrange(0, 1000))
    style = rng.random()
    if style < 0.15:
        return num.replace(" ", "")
    if style < 0.27:
        return "+44 " + num[1:]
    if style < 0.37 and not num.startswith("07"):
        head, rest = num.split(" ", 1)
        return f"({head}) {rest}"
    if style < 0.45:
        return num.replace(" ", "-")
    return num


def phone_truth(p: str) -> str:
    return ("+" if p.strip().startswith("+") else "") + re.sub(r"\D", "", p)


# ---------------------------------------------------------------------------
# Vocabularies: nine invented partnerships, each with its own register
# ---------------------------------------------------------------------------

# field keys -> label.  Missing key = the form does not ask.
#   ref_date; ref_name ref_role ref_agency ref_email ref_phone;
#   sl_name sl_role sl_agency sl_email sl_phone sl_discussed;
#   child: c_name | (c_first, c_last); c_other c_dob c_age c_gender c_eth c_addr c_school c_gp c_legal
#          c_cp c_csc c_lac c_dis c_dod;
#   i_date i_aware i_loc i_type i_summary i_police; k_died k_abuse k_local k_learn k_reason;
#   p_notified p_date; agencies; immediate

VOCABS: dict[str, dict] = {}

VOCABS["thornbury_cspr"] = dict(
    org="Thornbury and Harrowgate Safeguarding Children Partnership",
    short="THSCP", title="Referral for consideration of a Rapid Review / Local Child Safeguarding Practice Review",
    marking="OFFICIAL-SENSITIVE (when completed)", ref_prefix="THSCP/RR/",
    domain="thornbury-harrowgate.gov.uk", region="Harrowgate",
    guidance=("Send the completed form to the Partnership Business Unit at reviews@thscp.example.gov.uk or call "
              "0113 496 0999 (Monday to Friday). The Rapid Review must be completed within 15 working days of "
              "the local authority becoming aware of the incident."),
    sections=dict(ref="1. Notifying practitioner", sl="2. Safeguarding lead consulted", child="3. Subject child",
                  inc="4. The serious incident", crit="5. Review criteria", panel="6. National Panel notification",
                  ag="7. Agencies known to be involved", imm="8. Immediate safeguarding concerns"),
    labels=dict(
        ref_date="Date of this referral", ref_name="Notifying practitioner", ref_role="Position held",
        ref_agency="Organisation", ref_email="Secure email", ref_phone="Direct line",
        sl_name="Name of safeguarding lead", sl_role="Position held", sl_agency="Organisation",
        sl_email="Secure email", sl_phone="Direct line",
        sl_discussed="Has this referral been agreed by your organisation's safeguarding lead?",
        c_first="Forename(s)", c_last="Surname", c_other="Known as / previous names", c_dob="Date of birth / EDD",
        c_gender="Sex", c_eth="Ethnicity", c_addr="Normal place of residence", c_school="Educational setting",
        c_gp="Registered GP", c_legal="Legal order in place",
        c_cp="Subject to a Child Protection Plan (current or previous)", c_csc="Open to Children's Social Care",
        c_lac="Child Looked After", c_dis="Disability or additional needs", c_dod="Date of death",
        i_date="Date of incident", i_aware="Date the Local Authority became aware", i_loc="Where did the incident take place?",
        i_type="Category of notifiable incident", i_summary="Brief outline of the incident and the circumstances",
        i_police="Are the police investigating?",
        k_died="The child has died or been seriously harmed", k_abuse="Abuse or neglect is known or suspected",
        k_local="The child normally resides in, or the incident occurred in, Thornbury or Harrowgate",
        k_learn="The case may highlight learning for more than one agency",
        k_reason="Why you consider the criteria for a review are met",
        p_notified="Has the incident been notified to the Child Safeguarding Practice Review Panel?",
        p_date="Date of Panel notification",
        agencies="Agencies known to be involved", immediate="Are there any immediate safeguarding concerns for this or other children?"),
    yn=("Yes", "No"), unknown="Not known",
    gender={"female": "Female", "male": "Male", "other": "Other"},
    itype={"death": "Death of a child", "serious_harm": "Serious harm to a child",
           "lac_death": "Death of a looked after child", "care_leaver_death": "Death of a care leaver (under 25)",
           "other": "Other (please specify)"},
    ag_cols=["Name", "Agency", "Contact details", "Role"],
    decoys=[("inc", "Date received by Business Unit (office use)", None),
            ("ref", "Partnership reference (office use)", None)],
    scottish=False,
)

VOCABS["glenbervie_icr"] = dict(
    org="Glenbervie and Carse Child Protection Committee",
    short="GCCPC", title="Notification for Initial Case Review (Learning Review)",
    marking="OFFICIAL-SENSITIVE: PERSONAL (once completed)", ref_prefix="GCCPC-ICR-",
    domain="glenbervie.gov.scot", region="Glenbervie",
    guidance=("Notifications should be sent to the Child Protection Committee Lead Officer, "
              "cpc.lead@glenbervie.example.gov.scot, tel. 0131 496 0777. An Initial Case Review should be "
              "completed within 28 days of the notification."),
    sections=dict(ref="Notifying agency", sl="Line manager / senior officer consulted", child="Child",
                  inc="Circumstances", crit="Grounds for a Learning Review", ag="Agencies involved",
                  imm="Immediate concerns"),
    labels=dict(
        ref_date="Date of notification", ref_name="Notified by", ref_role="Designation", ref_agency="Service/agency",
        ref_email="E-mail", ref_phone="Telephone",
        sl_name="Senior officer consulted", sl_role="Designation", sl_agency="Service/agency",
        sl_email="E-mail", sl_phone="Telephone", sl_discussed="Has a senior officer agreed this notification?",
        c_name="Child's name/identifier", c_other="Also known as", c_dob="Child's date of birth",
        c_age="Age (if date of birth not known)", c_gender="Child's gender", c_eth="Ethnicity",
        c_addr="Child's home address", c_school="Education establishment", c_gp="GP practice",
        c_legal="Child's current legal status",
        c_cp="Is or was the child's name on the child protection register?",
        c_csc="Is the child known to Social Work Services?", c_lac="Is the child looked after?",
        c_dis="Additional support needs / disability", c_dod="Date of death (if applicable)",
        i_date="Date of incident", i_aware="Date Social Work Services became aware", i_loc="Location of incident",
        i_type="Nature of incident", i_summary="Summary of circumstances",
        i_police="Police Scotland involved?",
        k_died="Child has died or been significantly harmed", k_abuse="Abuse or neglect is a suspected factor",
        k_local="Child resident in, or incident occurred in, the Glenbervie and Carse area",
        k_learn="Potential for learning about multi-agency working",
        k_reason="Grounds on which the criteria for a review may have been met",
        agencies="Agencies involved with the child and family",
        immediate="Are there any immediate concerns? What action has been taken?"),
    yn=("YES", "NO"), unknown="Unknown",
    gender={"female": "Female", "male": "Male", "other": "Other"},
    itype={"death": "Death of a child", "serious_harm": "Serious harm to a child", "lac_death": "Death of a child in care",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Agency", "Named worker", "Contact"],
    decoys=[("child", "CHI number", "chi"), ("inc", "Date of IRD", "ird")],
    scottish=True,
)

VOCABS["brackenfield_sections"] = dict(
    org="Brackenfield Children's Safeguarding Partnership",
    short="BCSP", title="Serious Child Safeguarding Incident - Case Referral",
    marking="OFFICIAL - SENSITIVE", ref_prefix="BCSP-",
    domain="brackenfield.gov.uk", region="Brackenfield",
    guidance=("Complete every section that applies. Sections B to D repeat labels such as Name and Date of "
              "birth: answer each in the section where it appears. Questions: safeguarding.partnership@brackenfield.example.gov.uk."),
    sections=dict(ref="Section C \u2014 About the referrer", sl="Section D \u2014 About your safeguarding lead",
                  child="Section B \u2014 About the child", inc="Section E \u2014 What has happened",
                  crit="Section F \u2014 Criteria", panel="Section G \u2014 National Panel",
                  ag="Section H \u2014 Other agencies", imm="Section I \u2014 Immediate concerns",
                  top="Section A \u2014 Referral"),
    order=["top", "child", "ref", "sl", "inc", "crit", "panel", "ag", "imm"],
    labels=dict(
        ref_date="Date", ref_name="Name", ref_role="Job title", ref_agency="Organisation", ref_email="Email",
        ref_phone="Telephone", sl_name="Name", sl_role="Job title", sl_agency="Organisation", sl_email="Email",
        sl_phone="Telephone", sl_discussed="Discussed with them before referring?",
        c_first="First name(s)", c_last="Family name", c_other="Other names", c_dob="Date of birth",
        c_age="Age, if date of birth unknown", c_gender="Gender", c_eth="Ethnicity", c_addr="Address",
        c_school="School or nursery", c_gp="GP", c_legal="Legal status", c_cp="Child protection plan, now or before?",
        c_csc="Open to children's social care?", c_lac="Looked after?", c_dis="Disability", c_dod="Date of death",
        i_date="Date", i_aware="Date the local authority knew", i_loc="Place", i_type="Type of incident",
        i_summary="What happened", i_police="Police involved?",
        k_died="Died or seriously harmed?", k_abuse="Abuse or neglect known or suspected?",
        k_local="Lives in, or incident happened in, Brackenfield?", k_learn="Learning for more than one agency?",
        k_reason="Why", p_notified="Notified to the Panel?", p_date="Date",
        agencies="Agencies", immediate="Immediate concerns"),
    yn=("Yes", "No"), unknown="Don't know",
    gender={"female": "Female", "male": "Male", "other": "Non-binary"},
    itype={"death": "Death", "serious_harm": "Serious harm", "lac_death": "Death of a child in care",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Name", "Agency", "Contact"],
    decoys=[("child", "Name of parent/carer", "parent"), ("child", "Parent's date of birth", "parent_dob")],
    scottish=False,
)

VOCABS["holloway_notify"] = dict(
    org="London Borough of Holloway Park - Safeguarding Children Partnership",
    short="LBHP", title="Local record of a Serious Child Safeguarding Incident notification",
    marking="OFFICIAL-SENSITIVE", ref_prefix="HP-SCSI-",
    domain="hollowaypark.gov.uk", region="Holloway Park",
    guidance=("This is the borough's own copy of what was notified to the Child Safeguarding Practice Review "
              "Panel. Return it to scsi@hollowaypark.example.gov.uk within 5 working days. Enquiries 020 7946 0555."),
    sections=dict(ref="Your details", sl="Designated safeguarding lead", child="Child details",
                  inc="Incident details", crit="Criteria for a rapid review", panel="Notification to the Panel",
                  ag="Other agencies", imm="Immediate risk"),
    labels=dict(
        ref_date="Date of submission", ref_name="Full name", ref_role="Role", ref_agency="Organisation name",
        ref_email="Email address", ref_phone="Phone number",
        sl_name="DSL full name", sl_role="DSL role", sl_agency="DSL organisation", sl_email="DSL email address",
        sl_phone="DSL phone number", sl_discussed="Have you discussed this incident with your DSL?",
        c_first="Child's first name", c_last="Child's last name", c_other="Any other names the child is known by",
        c_dob="Child's date of birth", c_age="Child's age (if date of birth is not known)", c_gender="Child's sex",
        c_eth="Child's ethnic group", c_addr="Child's usual address", c_school="School or college attended",
        c_gp="GP surgery", c_legal="Legal status at the time of the incident",
        c_cp="Has the child ever been subject to a child protection plan?",
        c_csc="Was the child known to children's social care at the time of the incident?",
        c_lac="Was the child looked after at the time of the incident?", c_dis="Does the child have a disability?",
        c_dod="Date the child died",
        i_date="Date of incident", i_aware="Date the local authority became aware of the incident",
        i_loc="Where did the incident happen?", i_type="What type of incident is this?",
        i_summary="Case outline", i_police="Are the police involved?",
        k_died="Has the child died or been seriously harmed?",
        k_abuse="Is abuse or neglect known or suspected?",
        k_local="Is the child normally resident in Holloway Park, or did the incident happen here?",
        k_learn="Could there be learning for the multi-agency safeguarding system?",
        k_reason="Why do you think a review may be needed?",
        p_notified="Has the notification been submitted to the Panel?", p_date="Date notification submitted to the Panel",
        agencies="Other agencies involved", immediate="Is any child at immediate risk? What is being done?"),
    yn=("Yes", "No"), unknown="Not known",
    gender={"female": "Female", "male": "Male", "other": "Other"},
    itype={"death": "Child death", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
           "care_leaver_death": "Death of a care leaver aged 18 to 24", "other": "Other serious incident"},
    ag_cols=["Agency", "Contact name", "Phone or email"],
    decoys=[("panel", "Panel notification reference", "panelref")],
    scottish=False,
)

VOCABS["marlow_yjs"] = dict(
    org="Marlow Vale Youth Justice Service (on behalf of Marlow Vale Safeguarding Children Partnership)",
    short="MVYJS", title="Serious Incident - Referral to the Safeguarding Partnership",
    marking="RESTRICTED (when completed)", ref_prefix="MVYJS/SI/",
    domain="marlowvale.gov.uk", region="Marlow Vale",
    guidance=("For young people on the YJS caseload. Notify the YJB separately. Send this referral to "
              "yjs.seriousincidents@marlowvale.example.gov.uk (tel. 0118 496 0888)."),
    sections=dict(ref="Case manager", sl="Operational manager consulted", child="Young person(s)",
                  inc="Incident", crit="Partnership criteria", panel="Panel", ag="Other agencies working with the young person",
                  imm="Current risk"),
    labels=dict(
        ref_date="Date of referral", ref_name="Case manager", ref_role="Designation", ref_agency="Team / service",
        ref_email="Email", ref_phone="Tel",
        sl_name="Operational manager", sl_role="Designation", sl_agency="Team / service", sl_email="Email",
        sl_phone="Tel", sl_discussed="Referral discussed with operational manager (Y/N)",
        c_first="Forename", c_last="Surname", c_other="Alias", c_dob="DOB", c_age="Age",
        c_gender="Sex (M/F)", c_eth="Ethnicity", c_addr="Home address", c_school="School / ETE provision",
        c_gp="GP", c_legal="Current order / legal status", c_cp="CP plan now or previously (Y/N)",
        c_csc="Open to CSC (Y/N)", c_lac="Child looked after (Y/N)", c_dis="SEND / disability",
        c_dod="Date of death",
        i_date="Date of incident", i_aware="Date LA aware", i_loc="Location of incident", i_type="Incident type",
        i_summary="Summary of incident", i_police="Police involved (Y/N)",
        k_died="Young person has died or been seriously harmed", k_abuse="Abuse or neglect known or suspected",
        k_local="Resident in Marlow Vale or incident in Marlow Vale", k_learn="Multi-agency learning likely",
        k_reason="Reason for referral", p_notified="Panel notified (Y/N)", p_date="Date Panel notified",
        agencies="Other agencies", immediate="Current risk to the young person or others"),
    yn=("Y", "N"), unknown="DK",
    gender={"female": "F", "male": "M", "other": "Other"},
    itype={"death": "Death", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Agency", "Worker", "Contact"],
    decoys=[("child", "YJS case ref", "yjsref"), ("inc", "Police crime ref", "crimeref")],
    scottish=False,
)

VOCABS["kesteven_cdop"] = dict(
    org="Kesteven Marsh Safeguarding Children Partnership and Child Death Overview Panel",
    short="KMSCP", title="Child death / serious harm notification and rapid review referral",
    marking="CONFIDENTIAL WHEN COMPLETED", ref_prefix="KM-CDOP-",
    domain="kestevenmarsh.gov.uk", region="Kesteven Marsh",
    guidance=("Notify the CDOP office on 0115 496 0666 or cdop@kestevenmarsh.example.nhs.uk on the day you "
              "become aware of the death. Deaths of looked after children are also notified to Ofsted."),
    sections=dict(ref="Notifying professional", sl="Named professional / safeguarding lead", child="Child",
                  inc="Death or serious harm", crit="Rapid review criteria", panel="National Panel",
                  ag="Contact details of agencies", imm="Other children / immediate concerns"),
    labels=dict(
        ref_date="Date of notification", ref_name="Name of notifying professional", ref_role="Job title",
        ref_agency="Agency", ref_email="Email of notifier", ref_phone="Tel no",
        sl_name="Named professional for safeguarding", sl_role="Job title", sl_agency="Agency",
        sl_email="Email", sl_phone="Tel no", sl_discussed="Named professional informed of this notification",
        c_first="Child's forename", c_last="Child's surname", c_other="Alternative names",
        c_dob="Date of birth", c_age="Age (if DOB unknown)", c_gender="Gender", c_eth="Ethnic group",
        c_addr="Address of child (including postcode)", c_school="School / nursery", c_gp="GP",
        c_legal="Legal status", c_cp="Child protection plan (current or past)", c_csc="Known to children's social care",
        c_lac="Looked after child", c_dis="Disability / long-term condition", c_dod="Date of death",
        i_date="Date of event", i_aware="Date local authority notified", i_loc="Place of death or injury",
        i_type="Reason for notification", i_summary="Circumstances leading to the death or injury",
        i_police="Police attended",
        k_died="Child has died or been seriously harmed", k_abuse="Abuse or neglect suspected",
        k_local="Normally resident in Kesteven Marsh or event in Kesteven Marsh",
        k_learn="Possible learning for partner agencies", k_reason="Comments on the criteria",
        p_notified="Notified to the Child Safeguarding Practice Review Panel", p_date="Date notified",
        agencies="Agencies", immediate="Siblings or other children at risk; action taken"),
    yn=("Yes", "No"), unknown="Not known",
    gender={"female": "Female", "male": "Male", "other": "Other"},
    itype={"death": "Child death", "serious_harm": "Serious harm to a child", "lac_death": "Death of a child in care",
           "care_leaver_death": "Death of a care leaver (under 25)", "other": "Other"},
    ag_cols=["Agency", "Name", "Address / telephone", "Still involved?"],
    decoys=[("child", "NHS no.", "nhs"), ("inc", "Time of death", "time"),
            ("inc", "Coroner informed", "yesword")],
    scottish=False,
)

VOCABS["carrick_early"] = dict(
    org="Carrick Downs Early Years and Childcare Service",
    short="CDEY", title="Serious incident in an early years setting - referral to the Carrick Downs Safeguarding Partnership",
    marking="CONFIDENTIAL", ref_prefix="CDEY-",
    domain="carrickdowns.gov.uk", region="Carrick Downs",
    guidance=("Providers must notify Ofsted within 14 days. Also send this form to the Early Years "
              "Safeguarding Officer, eysafeguarding@carrickdowns.example.gov.uk, 01632 960 444."),
    sections=dict(ref="About the setting and the person completing this form", sl="Setting's designated safeguarding lead",
                  child="About the child", inc="About the incident", crit="Partnership criteria",
                  panel="Panel notification", ag="Other professionals involved", imm="Immediate safety"),
    labels=dict(
        ref_date="Date form completed", ref_name="Name of practitioner", ref_role="Role in setting",
        ref_agency="Setting name", ref_email="Setting email", ref_phone="Setting telephone",
        sl_name="Setting DSL", sl_role="DSL role", sl_agency="DSL's setting", sl_email="DSL email", sl_phone="DSL telephone",
        sl_discussed="Has the DSL agreed this referral?",
        c_name="Child's full name", c_other="Other names used", c_dob="Child's date of birth",
        c_age="Age in months or years (if DOB not known)", c_gender="Girl / Boy", c_eth="Child's ethnicity",
        c_addr="Child's primary address", c_school="Room / group attended", c_gp="Child's doctor (GP)",
        c_legal="Legal orders concerning the child", c_cp="Child has or had a CP plan",
        c_csc="Family has a social worker", c_lac="Child is looked after (in care)",
        c_dis="Special educational needs or disability", c_dod="Date of death",
        i_date="Date of the incident", i_aware="Date the local authority became aware", i_loc="Where it happened",
        i_type="What kind of incident", i_summary="Describe what happened",
        i_police="Were the police called?",
        k_died="Child died or seriously harmed", k_abuse="Abuse or neglect known or suspected",
        k_local="Child lives in Carrick Downs or the incident happened in Carrick Downs",
        k_learn="Learning for more than one agency", k_reason="Why you think the Partnership should review this",
        p_notified="Has the Panel been told?", p_date="Date the Panel was told",
        agencies="Other professionals involved", immediate="Are any other children at risk now?"),
    yn=("Y", "N"), unknown="Not sure",
    gender={"female": "Girl", "male": "Boy", "other": "Other"},
    itype={"death": "Death of a child", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Professional", "Service", "Contact"],
    decoys=[("child", "Key person", "keyperson"), ("ref", "Ofsted URN", "urn"),
            ("child", "Primary carer", "parent")],
    scottish=False,
)

VOCABS["harbour_charity"] = dict(
    org="Harbour Lights Family Support (registered charity 1099xxx)",
    short="HLFS", title="Asking the Partnership to review what happened to a child we support",
    marking="PRIVATE AND CONFIDENTIAL", ref_prefix="HL-",
    domain="harbourlights.org.uk", region="Seaborough",
    guidance=("Thank you for taking the time to fill this in. If a child is in danger now, call 999. "
              "Questions about this form: safeguarding@harbourlights.example.org.uk or 0117 496 0321."),
    sections=dict(ref="About you", sl="Who you talked it through with", child="The child or young person",
                  inc="What happened", crit="Does it meet the Partnership's tests?", panel="Has anyone told the national Panel?",
                  ag="Who else is involved", imm="Is anyone at risk right now?"),
    labels=dict(
        ref_date="Today's date", ref_name="Your name", ref_role="Your role with us", ref_agency="Our service",
        ref_email="Your email", ref_phone="Best number to reach you",
        sl_name="Name of the person you talked it through with", sl_role="Their role", sl_agency="Their organisation",
        sl_email="Their email", sl_phone="Their phone", sl_discussed="Did they agree you should send this?",
        c_first="First name", c_last="Last name", c_other="Name they like to be called", c_dob="Birthday",
        c_age="How old they are (if you don't know their birthday)", c_gender="Gender",
        c_eth="How they describe their ethnicity", c_addr="Where they live", c_school="School or college",
        c_gp="Doctor's surgery", c_legal="Any court orders or legal status", c_cp="Ever had a child protection plan?",
        c_csc="Do they have a social worker?", c_lac="Are they in care?", c_dis="Any disability or extra needs",
        c_dod="Date they died",
        i_date="When did it happen?", i_aware="When did the council find out?", i_loc="Where did it happen?",
        i_type="What best describes it?", i_summary="Tell us what happened",
        i_police="Are the police involved?",
        k_died="The child died or was seriously hurt", k_abuse="We think abuse or neglect played a part",
        k_local="The child lives here, or it happened here", k_learn="Other services could learn from it",
        k_reason="Why you think the Partnership should look at this",
        p_notified="Has the national Panel been told?", p_date="When were they told?",
        agencies="Who else is involved", immediate="Is anyone else at risk right now?"),
    yn=("Yes", "No"), unknown="Not sure",
    gender={"female": "Female", "male": "Male", "other": "Non-binary"},
    itype={"death": "Death", "serious_harm": "Serious harm to a child", "lac_death": "Death of a child in care",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Person", "Organisation", "How to contact them"],
    decoys=[("child", "Pronouns", "pronouns"), ("ref", "Are the family aware of this referral?", "yesword")],
    scottish=False,
)

VOCABS["saltmarsh_safer"] = dict(
    org="Saltmarsh and Fenwick Safeguarding Children Partnership",
    short="SFSCP", title="SAFER referral for a Rapid Review (telephone script and written record)",
    marking="OFFICIAL-SENSITIVE", ref_prefix="SF/RR/",
    domain="saltmarsh-fenwick.gov.uk", region="Saltmarsh and Fenwick",
    guidance=("Use this script when you phone the Partnership (0116 496 0444), then email the completed record "
              "to rapidreview@saltmarsh.example.gov.uk the same day."),
    sections=dict(ref="S - Situation: who you are", sl="Who you have talked to", child="The child",
                  inc="A - Assessment: what has happened", crit="F - Further: why a review", panel="E - the national Panel",
                  ag="R - Other agencies", imm="R - Risk now"),
    labels=dict(
        ref_date="Today's date is", ref_name="This is (your name)", ref_role="I am a (job title)",
        ref_agency="from (organisation)", ref_email="You can email me at", ref_phone="or phone me on",
        sl_name="I have talked this through with (name)", sl_role="who is the (job title)",
        sl_agency="at (organisation)", sl_email="Their email is", sl_phone="and their number is",
        sl_discussed="They agree that I should make this referral",
        c_name="I am calling about a child called", c_other="who is also known as", c_dob="who was born on",
        c_age="who is about (age, if date of birth is not known)", c_gender="The child is a",
        c_eth="Their ethnicity is", c_addr="and lives at", c_school="They go to (school or nursery)",
        c_gp="Their GP is", c_legal="Their legal status is", c_cp="They are or have been on a child protection plan",
        c_csc="They are open to children's social care", c_lac="They are looked after",
        c_dis="Their disability or needs are", c_dod="They died on",
        i_date="It happened on", i_aware="The local authority found out on", i_loc="It happened at",
        i_type="I am reporting", i_summary="What happened, in my own words",
        i_police="The police are involved",
        k_died="The child has died or been seriously harmed", k_abuse="Abuse or neglect is known or suspected",
        k_local="The child lives here or it happened here", k_learn="More than one agency can learn from this",
        k_reason="I think a review is needed because",
        p_notified="The national Panel has been notified", p_date="It was notified on",
        agencies="The other agencies involved are", immediate="The risk now, and what has been done"),
    yn=("Yes", "No"), unknown="Not known",
    gender={"female": "girl", "male": "boy", "other": "child of another gender"},
    itype={"death": "Death of a child", "serious_harm": "Serious harm to a child", "lac_death": "Death of a looked after child",
           "care_leaver_death": "Death of a care leaver", "other": "Other"},
    ag_cols=["Name", "Agency", "Contact"],
    decoys=[("ref", "Police Event No.", "crimeref")],
    scottish=False,
)

DEFAULT_ORDER = ["top", "ref", "sl", "child", "inc", "crit", "panel", "ag", "imm"]

SEC_KEYS = {
    "top": ["ref_date"],
    "ref": ["ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"],
    "sl": ["sl_name", "sl_role", "sl_agency", "sl_email", "sl_phone", "sl_discussed"],
    "child": ["c_name", "c_first", "c_last", "c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr", "c_school",
              "c_gp", "c_legal", "c_cp", "c_csc", "c_lac", "c_dis", "c_dod"],
    "inc": ["i_date", "i_aware", "i_loc", "i_type", "i_police", "i_summary"],
    "crit": ["k_died", "k_abuse", "k_local", "k_learn", "k_reason"],
    "panel": ["p_notified", "p_date"],
    "ag": ["agencies"],
    "imm": ["immediate"],
}

KIND = {
    "ref_date": "date", "c_dob": "date", "c_dod": "date", "i_date": "date", "i_aware": "date", "p_date": "date",
    "sl_discussed": "yn", "c_cp": "yn", "c_csc": "yn", "c_lac": "yn", "i_police": "yn", "k_died": "yn",
    "k_abuse": "yn", "k_local": "yn", "k_learn": "yn", "p_notified": "yn",
    "c_gender": "gender", "i_type": "itype", "c_addr": "lines", "i_summary": "paras", "agencies": "agencies",
    "ref_email": "email", "sl_email": "email", "ref_phone": "phone", "sl_phone": "phone",
}

# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

AGENCY_POOL = {
    "health": ["Health visiting service", "Community paediatrics", "Emergency Department", "School nursing",
               "CAMHS", "Midwifery"],
    "other": ["Children's social care", "Police public protection unit", "Housing", "Education welfare",
              "Youth Justice Service", "Domestic abuse service", "Adult mental health team"],
}

SUMMARY_OPENERS = [
    "On {date} {name} was brought to {hosp} by ambulance after {carer} called 999 reporting that {pron} was not breathing.",
    "{name} was found by {carer} at the family home in the early hours of {date} with a serious head injury.",
    "On {date} police were called to the home address after neighbours heard a disturbance; {name} was taken to {hosp}.",
    "{name} did not attend nursery for eleven days; on {date} {pron} was admitted to {hosp} severely underweight.",
    "On the evening of {date} {name} was stabbed near {place} and taken to {hosp} by paramedics.",
]
SUMMARY_MIDDLES = [
    "Scans showed bleeding on the brain and fractures of different ages. The explanation given by the adults in the household was not consistent with the injuries.",
    "The family had been known to several services over the previous two years, with repeated concerns about neglect, missed health appointments and domestic abuse.",
    "There had been a referral from the school in the autumn term which was closed after a single home visit.",
    "The household had moved between three addresses in twelve months and the health visiting record did not follow the family.",
    "{name} had been reported missing on four occasions and there were concerns about criminal exploitation linked to older males.",
    "Mother has a history of post-natal depression and had disengaged from the perinatal mental health team.",
]
SUMMARY_CLOSERS = [
    "A strategy discussion was held the next day and a section 47 enquiry is under way.",
    "Both carers have been arrested and released on bail pending enquiries.",
    "{name} remains in hospital and the prognosis is uncertain.",
    "The coroner has been informed and a post-mortem examination has taken place.",
]
REASONS = [
    "Several agencies held pieces of information that were not shared, and the threshold decisions made in the autumn need to be understood.",
    "There are questions about how agencies recognised neglect in a family that moved frequently across borough boundaries.",
    "The case raises learning about how practitioners responded to repeated missing episodes and signs of exploitation.",
    "Earlier concerns from health and education were not brought together, and the father's history was not known to the health visitor.",
]
IMMEDIATE = [
    "Two younger siblings have been placed with maternal grandmother under a safety plan agreed at the strategy meeting.",
    "The baby's twin remains in hospital and will not be discharged without a plan agreed by children's social care.",
    "No other children live in the household. Police have bail conditions preventing contact with the alleged perpetrator.",
    "Older brother (15) is also at risk of exploitation and has been referred to the exploitation hub.",
]
HOSPITALS = ["St Wenna's Hospital", "Harrowgate General Infirmary", "the Royal Marsh Children's Hospital",
             "Fenwick Royal Infirmary", "Calderbank District Hospital"]
PLACES = ["the family home", "a bedsit above a shop on Foundry Street", "Millrace Park", "the home of a family friend",
          "the bus station on Quayside", "the child's grandparents' address", "a holiday caravan park at Sandmere"]
TOWNS = ["Harrowgate", "Thornbury", "Brackenfield", "Marlow Vale", "Kesteven", "Saltmarsh", "Fenwick", "Seaborough",
         "Carrick Downs", "Glenbervie", "Carse of Dunmore", "Holloway Park"]
POSTCODES_EN = ["HG4 2ZX", "TB7 9QQ", "BK12 4ZT", "MV3 8YY", "KM9 1XZ", "SF2 6ZJ", "SB14 3QZ", "CD1 7ZW", "HP5 0ZZ"]
POSTCODES_SC = ["GB8 3ZQ", "CD2 9ZX"]


def add_days(iso: str, n: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=n)).isoformat()


def make_person(rng, agency, domain, roles, scottish):
    first, last = rng.choice(ADULT_FIRST), rng.choice(SURNAMES)
    title = rng.choice(["", "", "", "Dr ", "DS ", "DC "]) if "olice" in agency or "ospital" in agency else ""
    dom = domain
    email = f"{first.lower()}.{last.lower().replace(' ', '')}@{dom}"
    if rng.random() < 0.3:
        email = f"{first}.{last}@{dom[0].upper()}{dom[1:]}"
    return dict(name=f"{title}{first} {last}", role=rng.choice(roles), agency=agency, email=email,
                phone=phone(rng, scottish))


def make_case(rng: random.Random, vocab: dict, nchildren: int) -> dict:
    scot = vocab["scottish"]
    region = vocab["region"]
    ref_date = (dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 200))).isoformat()
    inc_date = add_days(ref_date, -rng.randrange(3, 20))
    aware = add_days(inc_date, rng.randrange(0, 3))
    itype = rng.choices(["death", "serious_harm", "lac_death", "care_leaver_death", "other"], [4, 6, 1, 1, 1])[0]
    if vocab["short"] == "KMSCP":
        itype = rng.choice(["death", "death", "serious_harm", "lac_death"])
    surname = rng.choice(SURNAMES)
    children = []
    for i in range(nchildren):
        g = rng.choices(["female", "male", "other"], [10, 10, 1])[0]
        first = rng.choice({"female": GIRLS, "male": BOYS, "other": OTHERS}[g])
        while any(c["first"] == first for c in children):
            first = rng.choice(GIRLS + BOYS)
        age_years = rng.randrange(0, 17) if itype != "care_leaver_death" or i else rng.randrange(18, 24)
        dob = (dt.date.fromisoformat(inc_date) - dt.timedelta(days=int(age_years * 365.25) + rng.randrange(1, 360))).isoformat()
        pc = rng.choice(POSTCODES_SC if scot else POSTCODES_EN)
        house = rng.choice([f"{rng.randrange(1, 120)} {rng.choice(STREETS)}",
                            f"Flat {rng.randrange(1, 30)}, {rng.choice(['Tern House', 'Kittiwake Court', 'Alder Lodge'])}"])
        lines = [house, rng.choice(TOWNS[:9] if not scot else ["Glenbervie", "Carse of Dunmore"]), pc]
        if rng.random() < 0.3:
            lines = [house, rng.choice(STREETS), rng.choice(TOWNS), pc]
        c = dict(
            first=first, last=surname if i == 0 or rng.random() < 0.8 else rng.choice(SURNAMES),
            other=rng.choice([None, None, f"{first[:3]}", f"{first} {rng.choice(SURNAMES)}"]),
            dob=dob, age=None, gender=g, eth=rng.choice(ETHNICITIES),
            addr=lines if i == 0 else (children[0]["addr"] if rng.random() < 0.8 else lines),
            school=rng.choice(["Larkspur Primary School", "St Aidan's RC Primary", "Brackenhill Academy",
                               "Quayside College", "Little Acorns Day Nursery", "Gorse Avenue Nursery School",
                               "Marlow Vale Pupil Referral Unit"]),
            gp=rng.choice(["Weavers Row Surgery", "Dr Haverstock and Partners", "Calder Medical Centre",
                           "Beacon View Health Centre", "Millrace Family Practice"]),
            legal=rng.choice(LEGAL_SCOT if scot else LEGAL),
            cp=rng.choice([True, False]), csc=rng.choice([True, True, False]), lac=rng.random() < 0.2,
            dis=rng.choice([None, None] + DISABILITIES), dod=None)
        if rng.random() < 0.12 and i == 0:
            c["dob"] = None
            c["age"] = rng.choice([f"{age_years} years", f"about {age_years}", f"{age_years} yrs (estimated)"]) if age_years else "9 months"
        children.append(c)
    if itype in ("death", "lac_death", "care_leaver_death"):
        children[0]["dod"] = inc_date
    if itype == "lac_death":
        children[0]["lac"] = True
    cfirst = children[0]["first"]
    pron = {"female": "she", "male": "he", "other": "they"}[children[0]["gender"]]
    fmt = dict(name=cfirst, date=fmt_date(inc_date, "words"), hosp=rng.choice(HOSPITALS),
               carer=rng.choice(["mother", "her partner", "the father", "a family friend", "grandmother"]),
               pron=pron, place=rng.choice(PLACES))
    paras = [rng.choice(SUMMARY_OPENERS).format(**fmt)]
    paras += [m.format(**fmt) for m in rng.sample(SUMMARY_MIDDLES, rng.randrange(1, 3))]
    if rng.random() < 0.7:
        paras.append(rng.choice(SUMMARY_CLOSERS).format(**fmt))
    dom = vocab["domain"]
    ref_agency = rng.choice({
        "THSCP": ["Harrowgate Council Children's Services", "Thornbury Hospitals NHS Trust", "Harrowgate Police"],
        "GCCPC": ["Glenbervie Council Social Work Services", "NHS Glenbervie and Carse", "Police Scotland, Carse Division"],
        "BCSP": ["Brackenfield Council", "Brackenfield Community Health", "Brackenhill Academy"],
        "LBHP": ["Holloway Park Children's Services", "North Holloway Health Partnership", "Holloway Park Police BCU"],
        "MVYJS": ["Marlow Vale Youth Justice Service"],
        "KMSCP": ["Kesteven Marsh Hospitals NHS Trust", "Kesteven Marsh Council", "East Marsh Ambulance Service"],
        "CDEY": ["Little Acorns Day Nursery", "Gorse Avenue Nursery School", "Sandpiper Childminding Network"],
        "HLFS": ["Harbour Lights Family Support - Seaborough hub", "Harbour Lights Family Support - Outreach team"],
        "SFSCP": ["Saltmarsh Council Children's Services", "Fenwick Royal Infirmary", "Saltmarsh Primary Care Network"],
    }[vocab["short"]])
    roles = {
        "MVYJS": ["YJS case manager", "Senior YJS practitioner", "YJS social worker"],
        "CDEY": ["Room leader", "Nursery manager", "Deputy manager", "Key person / practitioner"],
        "HLFS": ["Family support worker", "Youth worker", "Volunteer coordinator"],
    }.get(vocab["short"], ["Social worker", "Named nurse for safeguarding children", "Team manager",
                           "Detective sergeant", "Designated safeguarding lead", "Consultant paediatrician",
                           "Senior practitioner"])
    sl_roles = {"MVYJS": ["Operational manager", "Head of Youth Justice"],
                "CDEY": ["Designated safeguarding lead", "Nursery owner / DSL"],
                "HLFS": ["Head of safeguarding", "Service manager"]}.get(
        vocab["short"], ["Designated safeguarding lead", "Head of safeguarding", "Named doctor for safeguarding",
                         "Detective inspector", "Service manager"])
    referrer = make_person(rng, ref_agency, dom if rng.random() < 0.6 else "nhs.net", roles, scot)
    lead = make_person(rng, ref_agency if rng.random() < 0.7 else rng.choice(["Harrowgate Council", "Seaborough Council"]),
                       dom, sl_roles, scot)
    agencies = []
    for _ in range(rng.randrange(1, 5)):
        ag = rng.choice(AGENCY_POOL["health"] + AGENCY_POOL["other"])
        if any(a["agency"] == ag for a in agencies):
            continue
        person = None if rng.random() < 0.2 else f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"
        contact = rng.choice([phone(rng, scot), f"{rng.choice(ADULT_FIRST).lower()}.{rng.choice(SURNAMES).lower()}@{dom}"])
        agencies.append(dict(name=person, agency=ag, contact=contact))
    pnot = None if vocab["scottish"] else rng.choice([True, True, False])
    return dict(
        ref_date=ref_date, referrer=referrer, lead=lead, discussed=rng.choice([True, True, True, False]),
        children=children,
        i_date=inc_date, i_aware=aware, i_loc=rng.choice(PLACES + HOSPITALS[:2]), i_type=itype, summary=paras,
        i_police=rng.choice([True, True, False]),
        k=dict(k_died=True, k_abuse=rng.choice([True, True, False]), k_local=rng.choice([True, True, True, False]),
               k_learn=rng.choice([True, True, False])),
        k_reason=rng.choice(REASONS), p_notified=pnot,
        p_date=add_days(aware, rng.randrange(1, 5)) if pnot else None,
        agencies=agencies, immediate=rng.choice(IMMEDIATE),
        other_spec=rng.choice(["private fostering arrangement", "serious injury in unregistered setting",
                               "attempted suicide while on remand"]),
    )


# ---------------------------------------------------------------------------
# Form model: which fields this form asks, which are blank, what the truth is
# ---------------------------------------------------------------------------

def value_of(case: dict, key: str, ci: int | None):
    c = case["children"][ci] if ci is not None else None
    r, l = case["referrer"], case["lead"]
    m = {
        "ref_date": lambda: case["ref_date"], "ref_name": lambda: r["name"], "ref_role": lambda: r["role"],
        "ref_agency": lambda: r["agency"], "ref_email": lambda: r["email"], "ref_phone": lambda: r["phone"],
        "sl_name": lambda: l["name"], "sl_role": lambda: l["role"], "sl_agency": lambda: l["agency"],
        "sl_email": lambda: l["email"], "sl_phone": lambda: l["phone"], "sl_discussed": lambda: case["discussed"],
        "c_name": lambda: f"{c['first']} {c['last']}", "c_first": lambda: c["first"], "c_last": lambda: c["last"],
        "c_other": lambda: c["other"], "c_dob": lambda: c["dob"], "c_age": lambda: c["age"],
        "c_gender": lambda: c["gender"], "c_eth": lambda: c["eth"], "c_addr": lambda: c["addr"],
        "c_school": lambda: c["school"], "c_gp": lambda: c["gp"], "c_legal": lambda: c["legal"],
        "c_cp": lambda: c["cp"], "c_csc": lambda: c["csc"], "c_lac": lambda: c["lac"], "c_dis": lambda: c["dis"],
        "c_dod": lambda: c["dod"],
        "i_date": lambda: case["i_date"], "i_aware": lambda: case["i_aware"], "i_loc": lambda: case["i_loc"],
        "i_type": lambda: case["i_type"], "i_summary": lambda: case["summary"], "i_police": lambda: case["i_police"],
        "k_died": lambda: case["k"]["k_died"], "k_abuse": lambda: case["k"]["k_abuse"],
        "k_local": lambda: case["k"]["k_local"], "k_learn": lambda: case["k"]["k_learn"],
        "k_reason": lambda: case["k_reason"], "p_notified": lambda: case["p_notified"], "p_date": lambda: case["p_date"],
        "agencies": lambda: case["agencies"], "immediate": lambda: case["immediate"],
    }
    return m[key]()


BLANKABLE_TOP = ["ref_role", "sl_role", "sl_email", "sl_phone", "sl_agency", "i_loc", "i_police", "i_aware", "p_date",
                 "k_learn", "k_abuse", "immediate", "k_reason", "sl_discussed", "agencies", "ref_email"]
BLANKABLE_CHILD = ["c_other", "c_eth", "c_school", "c_gp", "c_legal", "c_dis", "c_lac", "c_cp", "c_csc", "c_dob"]


class Form:
    """One form: vocabulary + case + the layout's choices.  Knows what is stated."""

    def __init__(self, stem, layout, vname, case, rng, unsupported=(), max_children=3):
        self.stem, self.layout, self.vname, self.case, self.rng = stem, layout, vname, case, rng
        self.v = VOCABS[vname]
        self.labels = {k: v for k, v in self.v["labels"].items() if k not in unsupported}
        self.case["children"] = self.case["children"][:max_children]
        nb = rng.randrange(2, 7)
        self.blank_top = set(rng.sample(BLANKABLE_TOP, nb))
        self.blank_child = [set(rng.sample(BLANKABLE_CHILD, rng.randrange(1, 4))) for _ in self.case["children"]]
        for bc in self.blank_child:
            if "c_dob" in bc and rng.random() < 0.6:
                bc.discard("c_dob")
        self.fillers = rng.choice([["", ""], ["N/A", ""], ["-", "n/a"], ["Not applicable", ""], ["", "N/A"]])
        styles = list(DATE_STYLES)
        self.date_style = rng.choice(styles)
        self.date_style2 = rng.choice(styles)
        self.notes = {"date_styles": [self.date_style, self.date_style2], "blank_fields": sorted(self.blank_top)}
        self.itype_other_spec = rng.random() < 0.5

    # --- what the form says ---------------------------------------------------
    def asks(self, key):
        return key in self.labels

    def stated(self, key, ci=None):
        """Value as stated on the form, or None when the form leaves it blank / doesn't ask."""
        if not self.asks(key):
            return None
        if ci is None and key in self.blank_top:
            return [] if key == "agencies" else None
        if ci is not None and key in self.blank_child[ci]:
            return None
        v = value_of(self.case, key, ci)
        if key == "c_age":
            c = self.case["children"][ci]
            if c["dob"] is not None and "c_dob" not in self.blank_child[ci] and self.asks("c_dob"):
                return None
            if v is None:
                return None
        if key == "c_dob" and v is None:
            return None
        return v

    def age_text(self, ci):
        """Age for forms that print an age even where a DOB is given."""
        c = self.case["children"][ci]
        if c["age"]:
            return c["age"]
        if not c["dob"]:
            return None
        d0, d1 = dt.date.fromisoformat(c["dob"]), dt.date.fromisoformat(self.case["ref_date"])
        yrs = d1.year - d0.year - ((d1.month, d1.day) < (d0.month, d0.day))
        return f"{yrs} yrs" if yrs else f"{(d1 - d0).days // 30} months"

    def date(self, iso, second=False):
        return fmt_date(iso, self.date_style2 if second else self.date_style) if iso else None

    def filler(self, i=0):
        return self.fillers[i % 2]

    def yn_word(self, val):
        if val is None:
            return None
        return self.v["yn"][0] if val else self.v["yn"][1]

    def itype_label(self, code):
        lab = self.v["itype"][code]
        if code == "other" and self.itype_other_spec:
            lab = f"{'Other' if lab.startswith('Other') else lab} - {self.case['other_spec']}"
        return lab

    def sections(self):
        return [s for s in self.v.get("order", DEFAULT_ORDER) if any(self.asks(k) for k in SEC_KEYS[s])]

    def sec_title(self, s):
        return self.v["sections"].get(s, {"top": "Referral"}.get(s, s))

    def keys(self, s):
        return [k for k in SEC_KEYS[s] if self.asks(k)]

    def decoys(self, s):
        out = []
        for sec, label, kind in self.v["decoys"]:
            if sec != s:
                continue
            out.append((label, self.decoy_value(kind)))
        return out

    def decoy_value(self, kind):
        r = random.Random(f"{self.stem}-{kind}")
        return {
            None: "", "chi": f"{r.randrange(10, 31):02d}{r.randrange(1, 13):02d}{r.randrange(10, 99)}{r.randrange(1000, 9999)}",
            "ird": fmt_date(add_days(self.case["i_aware"], 1), self.date_style),
            "parent": f"{r.choice(ADULT_FIRST)} {self.case['children'][0]['last']}",
            "parent_dob": fmt_date(f"19{r.randrange(80, 99)}-{r.randrange(1, 13):02d}-{r.randrange(1, 28):02d}", self.date_style),
            "panelref": f"CSPRP-{r.randrange(100000, 999999)}",
            "yjsref": f"YJ{r.randrange(10000, 99999)}", "crimeref": f"{r.choice(['MV', 'SF', 'CR'])}/{r.randrange(10000, 99999)}/26",
            "nhs": f"{r.randrange(400, 999)} {r.randrange(100, 999)} {r.randrange(1000, 9999)}",
            "time": f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}", "yesword": r.choice(["Yes", "No"]),
            "keyperson": f"{r.choice(ADULT_FIRST)} {r.choice(SURNAMES)}", "urn": f"EY{r.randrange(300000, 999999)}",
            "pronouns": r.choice(["she/her", "he/him", "they/them"]),
        }[kind]

    # --- truth ------------------------------------------------------------------
    def record(self):
        def em(v):
            return v.lower() if v else None

        def ph(v):
            return phone_truth(v) if v else None

        def tri(v):
            return v if isinstance(v, bool) else None

        children = []
        for ci, c in enumerate(self.case["children"]):
            if self.asks("c_name"):
                name = self.stated("c_name", ci)
            else:
                f, l = self.stated("c_first", ci), self.stated("c_last", ci)
                name = " ".join(x for x in (f, l) if x) or None
            addr = self.stated("c_addr", ci)
            children.append(dict(
                name=name, other_names=self.stated("c_other", ci), dob=self.stated("c_dob", ci),
                age=self.stated("c_age", ci), gender=self.stated("c_gender", ci), ethnicity=self.stated("c_eth", ci),
                address=", ".join(addr) if addr else None, school=self.stated("c_school", ci), gp=self.stated("c_gp", ci),
                legal_status=self.stated("c_legal", ci), cp_plan=tri(self.stated("c_cp", ci)),
                open_to_csc=tri(self.stated("c_csc", ci)), looked_after=tri(self.stated("c_lac", ci)),
                disability=self.stated("c_dis", ci), date_of_death=self.stated("c_dod", ci)))
        s = self.stated
        summ = s("i_summary")
        return {
            "form": "referral", "date_of_referral": s("ref_date"),
            "referrer": dict(name=s("ref_name"), role=s("ref_role"), agency=s("ref_agency"), email=em(s("ref_email")),
                             phone=ph(s("ref_phone"))),
            "safeguarding_lead": dict(name=s("sl_name"), role=s("sl_role"), agency=s("sl_agency"), email=em(s("sl_email")),
                                      phone=ph(s("sl_phone")), discussed=tri(s("sl_discussed"))),
            "children": children,
            "incident": dict(date=s("i_date"), date_la_aware=s("i_aware"), location=s("i_loc"), type=s("i_type"),
                             summary="\n\n".join(" ".join(p.split()) for p in summ) if summ else None,
                             police_involved=tri(s("i_police"))),
            "criteria": dict(died_or_seriously_harmed=tri(s("k_died")), abuse_or_neglect_suspected=tri(s("k_abuse")),
                             local_connection=tri(s("k_local")), multi_agency_learning=tri(s("k_learn")),
                             reason=s("k_reason")),
            "panel_notified": tri(s("p_notified")), "date_panel_notified": s("p_date"),
            "agencies_involved": [dict(a) for a in (s("agencies") or [])],
            "immediate_concerns": s("immediate"),
        }

    def header_ref(self):
        r = random.Random(self.stem)
        return f"{self.v['ref_prefix']}{r.randrange(1000, 9999)}"


# ---------------------------------------------------------------------------
# Word helpers
# ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
NSDECL = f'xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"'


def x(s: str) -> str:
    return html.escape(s, quote=True)


def new_doc(landscape=False, font="Calibri", size=10):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for m in ("left_margin", "right_margin"):
        setattr(sec, m, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    st = d.styles["Normal"]
    st.font.name, st.font.size = font, Pt(size)
    st.paragraph_format.space_after = Pt(3)
    cp = d.core_properties
    fixed = dt.datetime(2026, 3, 2, 9, 0, 0)
    cp.created = cp.modified = fixed
    cp.last_printed = fixed
    cp.author = cp.last_modified_by = "Partnership Business Unit"
    cp.revision = 3
    return d


def save_docx(d, path: Path):
    buf = io.BytesIO()
    d.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))


def set_header_footer(d, header: str, footer: str):
    sec = d.sections[0]
    sec.header.paragraphs[0].text = header
    sec.footer.paragraphs[0].text = footer


def append_xml(parent, xml: str):
    from docx.oxml import parse_xml
    el = parse_xml(xml)
    parent.append(el)
    return el


def shade(cell, fill="D9E2F3"):
    append_xml(cell._tc.get_or_add_tcPr(), f'<w:shd {NSDECL} w:val="clear" w:color="auto" w:fill="{fill}"/>')


def cell_text(cell, text, bold=False, size=None, italic=False, color=None):
    from docx.shared import Pt, RGBColor
    lines = text if isinstance(text, list) else [text]
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        r = p.add_run(line)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
    return p


def table_borders(table):
    tblPr = table._tbl.tblPr
    append_xml(tblPr, f'<w:tblBorders {NSDECL}>' + "".join(
        f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for b in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")


# ---------------------------------------------------------------------------
# Layout D-MARGIN: labels hang in a left margin column (hanging indent + tab), answers in a wide right column
# ---------------------------------------------------------------------------

def build_d_margin(f: Form, path: Path):
    from docx.shared import Cm, Pt, RGBColor
    from docx.enum.text import WD_TAB_ALIGNMENT
    d = new_doc(font=f.rng.choice(["Arial", "Calibri", "Verdana"]), size=10)
    set_header_footer(d, f"{f.v['marking']}\t\tRef: {f.header_ref()}",
                      f"{f.v['short']} review referral form - version 4.2 - issued {fmt_date('2024-03-12', 'words')}")
    yn_unknown = f.rng.random() < 0.5
    ind = Cm(f.rng.choice([5.0, 5.5, 6.0]))

    def hang(label, value_lines, bold_label=True):
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.left_indent, pf.first_line_indent = ind, -ind
        pf.tab_stops.add_tab_stop(ind, WD_TAB_ALIGNMENT.LEFT)
        r = p.add_run(label)
        r.bold = bold_label
        r.font.size = Pt(8.5)
        r.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        p.add_run("\t" + (value_lines[0] if value_lines else ""))
        for extra in value_lines[1:]:
            q = d.add_paragraph(extra)
            q.paragraph_format.left_indent = ind

    def heading(t):
        p = d.add_paragraph()
        r = p.add_run(t.upper())
        r.bold = True
        r.font.size = Pt(11)
        append_xml(p._p.get_or_add_pPr(), f'<w:pBdr {NSDECL}><w:bottom w:val="single" w:sz="8" w:space="1" w:color="1F3864"/></w:pBdr>')

    t = d.add_paragraph()
    r = t.add_run(f.v["org"])
    r.bold = True
    r.font.size = Pt(13)
    t2 = d.add_paragraph()
    r = t2.add_run(f.v["title"])
    r.font.size = Pt(12)
    g = d.add_paragraph(f.v["guidance"])
    g.paragraph_format.left_indent = ind
    g.runs[0].italic = True

    def val(key, ci=None, i=0):
        v = f.stated(key, ci)
        kind = KIND.get(key, "text")
        if v is None or v == []:
            if kind == "yn":
                return [f.v["unknown"]] if yn_unknown and f.asks(key) else []
            return [f.filler(i)] if f.filler(i) else []
        if kind == "date":
            return [f.date(v, second=(key in ("c_dob", "p_date")))]
        if kind == "yn":
            return [f.yn_word(v)]
        if kind == "gender":
            return [f.v["gender"][v]]
        if kind == "itype":
            return [f.itype_label(v)]
        if kind in ("lines", "paras"):
            return list(v)
        return [v]

    for s in f.sections():
        if s == "child":
            for ci in range(len(f.case["children"])):
                heading(f.sec_title(s) + (f" ({ci + 1} of {len(f.case['children'])})" if len(f.case["children"]) > 1 else ""))
                for i, k in enumerate(f.keys(s)):
                    hang(f.labels[k], val(k, ci, i))
                for lab, dv in f.decoys(s):
                    hang(lab, [dv])
            continue
        heading(f.sec_title(s))
        for i, k in enumerate(f.keys(s)):
            if k == "agencies":
                rows = f.stated("agencies")
                p = d.add_paragraph()
                p.paragraph_format.left_indent = ind
                r = p.add_run(f.labels["agencies"])
                r.bold = True
                cols = f.v["ag_cols"]
                tbl = d.add_table(rows=1 + max(len(rows), 2) + 1, cols=len(cols))
                table_borders(tbl)
                append_xml(tbl._tbl.tblPr, f'<w:tblInd {NSDECL} w:w="{int(ind.cm * 567)}" w:type="dxa"/>')
                for j, c in enumerate(cols):
                    cell_text(tbl.rows[0].cells[j], c, bold=True, size=8.5)
                for ri, a in enumerate(rows):
                    for j, c in enumerate(cols):
                        cv = ag_cell(a, c, f)
                        if cv:
                            cell_text(tbl.rows[ri + 1].cells[j], cv, size=9)
                continue
            hang(f.labels[k], val(k, None, i))
        for lab, dv in f.decoys(s):
            hang(lab, [dv] if dv else [])
    heading("Signature")
    hang("Signed", [])
    hang("Print name", [])
    save_docx(d, path)
    f.notes.update(label_indent_cm=ind.cm, unknown_word_used=yn_unknown)


def ag_cell(a, col, f):
    c = col.lower()
    if c in ("name", "named worker", "worker", "contact name", "person", "professional"):
        return a["name"] or ""
    if c in ("agency", "organisation", "service"):
        return a["agency"]
    if c in ("contact details", "contact", "phone or email", "address / telephone", "how to contact them"):
        return a["contact"]
    if c == "role":
        return f.rng.choice(["Allocated worker", "Lead professional", "Named nurse", ""])
    if c == "still involved?":
        return f.rng.choice(["Yes", "No", "Yes"])
    return ""


# ---------------------------------------------------------------------------
# Layout D-HGRID: horizontal tables - one column per field, one row per child / person
# ---------------------------------------------------------------------------

def build_d_hgrid(f: Form, path: Path):
    from docx.shared import Pt
    d = new_doc(landscape=True, font="Arial", size=8)
    set_header_footer(d, f"{f.v['marking']}    {f.v['short']} reference: {f.header_ref()}",
                      f"Template updated {fmt_date('2025-01-06', 'dots2')}. Retain for 7 years.")
    mark = f.rng.choice(["X", "\u2713", "x", "\u2714"])
    p = d.add_paragraph()
    r = p.add_run(f.v["org"] + "\n" + f.v["title"])
    r.bold, r.font.size = True, Pt(12)
    d.add_paragraph(f.v["guidance"]).runs[0].italic = True

    def blankfill(i):
        return f.filler(i)

    def fmt(key, ci=None, i=0):
        v = f.stated(key, ci)
        kind = KIND.get(key, "text")
        if v is None or v == []:
            return "" if kind in ("yn", "gender") else blankfill(i)
        if kind == "date":
            return f.date(v, second=(key == "c_dob"))
        if kind == "yn":
            return f.yn_word(v)
        if kind == "gender":
            return f.v["gender"][v]
        if kind == "itype":
            return f.itype_label(v)
        if kind == "lines":
            return v
        if kind == "paras":
            return v
        return v

    def htable(title, cols, rows, widths=None):
        if title:
            q = d.add_paragraph()
            q.add_run(title).bold = True
        t = d.add_table(rows=1 + len(rows), cols=len(cols))
        table_borders(t)
        for j, c in enumerate(cols):
            cell_text(t.rows[0].cells[j], c, bold=True, size=7.5)
            shade(t.rows[0].cells[j], "E2EFDA")
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v:
                    cell_text(t.rows[i + 1].cells[j], v, size=8)
        return t

    # referral date line
    if f.asks("ref_date"):
        q = d.add_paragraph()
        q.add_run(f.labels["ref_date"] + ": ").bold = True
        q.add_run(fmt("ref_date"))
    # people
    pk = [("name", "ref_name", "sl_name"), ("role", "ref_role", "sl_role"), ("agency", "ref_agency", "sl_agency"),
          ("email", "ref_email", "sl_email"), ("phone", "ref_phone", "sl_phone")]
    cols = [""] + [f.labels.get(a) or f.labels.get(b) for _, a, b in pk]
    rows = [[f.sec_title("ref")] + [fmt(a, None, i) for i, (_, a, b) in enumerate(pk)],
            [f.sec_title("sl")] + [fmt(b, None, i) for i, (_, a, b) in enumerate(pk)]]
    htable("1. People", cols, rows)
    if f.asks("sl_discussed"):
        q = d.add_paragraph()
        q.add_run(f.labels["sl_discussed"] + ": ").bold = True
        q.add_run(fmt("sl_discussed"))
    # children, two horizontal tables
    n = len(f.case["children"])
    ident = [k for k in ["c_first", "c_last", "c_name", "c_other", "c_dob", "c_gender", "c_eth", "c_addr"] if f.asks(k)]
    cols = ["#"] + [f.labels[k] for k in ident[:4] if k != "c_dob"]
    cols = ["#"]
    rows = [[str(ci + 1)] for ci in range(n)]
    for k in ident:
        cols.append(f.labels[k])
        for ci in range(n):
            rows[ci].append(fmt(k, ci, ci))
        if k == "c_dob":
            cols.append(f.labels.get("c_age", "Age"))
            for ci in range(n):
                c = f.case["children"][ci]
                dob_stated = f.stated("c_dob", ci)
                rows[ci].append(f.age_text(ci) if (dob_stated or f.stated("c_age", ci)) else "")
    for lab, dv in f.decoys("child"):
        cols.append(lab)
        for ci in range(n):
            rows[ci].append(dv)
    htable("2. " + f.sec_title("child") + " - one row per child", cols, rows)
    svc = [k for k in ["c_school", "c_gp", "c_legal", "c_cp", "c_csc", "c_lac", "c_dis", "c_dod"] if f.asks(k)]
    cols = ["#"] + [f.labels[k] for k in svc]
    rows = [[str(ci + 1)] + [fmt(k, ci, ci + j) for j, k in enumerate(svc)] for ci in range(n)]
    htable(None, cols, rows)
    # incident row
    ik = [k for k in ["i_date", "i_aware", "i_loc", "i_police"] if f.asks(k)]
    htable("3. " + f.sec_title("inc"), [f.labels[k] for k in ik], [[fmt(k, None, j) for j, k in enumerate(ik)]])
    if f.asks("i_type"):
        opts = list(f.v["itype"].items())
        chosen = f.stated("i_type")
        cols = [f.itype_label(c) if c == chosen else lab for c, lab in opts]
        htable(f.labels["i_type"] + " (mark one)", cols, [[mark if c == chosen else "" for c, _ in opts]])
    q = d.add_paragraph()
    q.add_run(f.labels["i_summary"]).bold = True
    for para in f.stated("i_summary") or []:
        d.add_paragraph(para)
    for lab, dv in f.decoys("inc"):
        q = d.add_paragraph()
        q.add_run(lab + ": ").bold = True
        q.add_run(dv)
    # criteria tick table
    ck = [k for k in ["k_died", "k_abuse", "k_local", "k_learn", "p_notified"] if f.asks(k)]
    unk = f.v["unknown"]
    t = htable("4. " + f.sec_title("crit"), ["Criterion", f.v["yn"][0], f.v["yn"][1], unk],
               [[f.labels[k]] + ([mark, "", ""] if f.stated(k) is True else ["", mark, ""] if f.stated(k) is False
                                  else (["", "", mark] if f.rng.random() < 0.5 else ["", "", ""])) for k in ck])
    for k in ("k_reason", "p_date"):
        if f.asks(k):
            q = d.add_paragraph()
            q.add_run(f.labels[k] + ": ").bold = True
            q.add_run(fmt(k) or "")
    for lab, dv in f.decoys("panel"):
        d.add_paragraph(f"{lab}: {dv}")
    if f.asks("agencies"):
        rows = [[ag_cell(a, c, f) for c in f.v["ag_cols"]] for a in f.stated("agencies")] + [[""] * len(f.v["ag_cols"])]
        htable("5. " + f.labels["agencies"], f.v["ag_cols"], rows)
    if f.asks("immediate"):
        q = d.add_paragraph()
        q.add_run(f.labels["immediate"]).bold = True
        d.add_paragraph(fmt("immediate") or "")
    htable("For partnership use only", ["Date received", "Screened by", "Decision", "Date of decision"], [["", "", "", ""]])
    save_docx(d, path)
    f.notes.update(tick_mark=mark, age_column_always_printed=True)


# ---------------------------------------------------------------------------
# Layout D-SECT: lettered sections, short sub-labels repeated per section, answers in content controls
# ---------------------------------------------------------------------------

ML = ' w:multiLine="1"'
PH_TEXT = "Click or tap here to enter text."
PH_DATE = "Click or tap to enter a date."
PH_ITEM = "Choose an item."

_sdt_id = [100]


def sdt_text(value, alias, lines=False):
    _sdt_id[0] += 1
    if value is None:
        return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:tag w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
                f'<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/>'
                f'<w:text{ML if lines else ""}/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/>'
                f'<w:color w:val="808080"/></w:rPr><w:t>{PH_TEXT}</w:t></w:r></w:sdtContent></w:sdt>')
    parts = value if isinstance(value, list) else [value]
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{x(p)}</w:t></w:r>' for p in parts)
    return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:tag w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
            f'<w:text{ML if lines else ""}/></w:sdtPr><w:sdtContent>{runs}</w:sdtContent></w:sdt>')


def sdt_date(iso, shown, alias, fmtstr):
    _sdt_id[0] += 1
    if iso is None:
        return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
                f'<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013437"/></w:placeholder><w:showingPlcHdr/>'
                f'<w:date><w:dateFormat w:val="{fmtstr}"/><w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/>'
                f'<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/>'
                f'<w:color w:val="808080"/></w:rPr><w:t>{PH_DATE}</w:t></w:r></w:sdtContent></w:sdt>')
    return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
            f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{fmtstr}"/><w:lid w:val="en-GB"/>'
            f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{x(shown)}</w:t></w:r></w:sdtContent></w:sdt>')


def sdt_drop(options, chosen, alias):
    _sdt_id[0] += 1
    items = f'<w:listItem w:displayText="{PH_ITEM}" w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{x(o)}" w:value="{x(o)}"/>' for o in options)
    if chosen is None:
        return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
                f'<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013438"/></w:placeholder><w:showingPlcHdr/>'
                f'<w:dropDownList>{items}</w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/>'
                f'<w:color w:val="808080"/></w:rPr><w:t>{PH_ITEM}</w:t></w:r></w:sdtContent></w:sdt>')
    return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
            f'<w:dropDownList w:lastValue="{x(chosen)}">{items}</w:dropDownList></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{x(chosen)}</w:t></w:r></w:sdtContent></w:sdt>')


def sdt_check(on, alias):
    _sdt_id[0] += 1
    glyph = "\u2612" if on else "\u2610"
    return (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{x(alias)}"/><w:id w:val="{_sdt_id[0]}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if on else 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')


def build_d_sect(f: Form, path: Path):
    from docx.shared import Pt, Cm
    d = new_doc(font="Calibri", size=10.5)
    set_header_footer(d, f"{f.v['marking']}          {f.v['short']} case no. {f.header_ref()}",
                      f"{f.v['org']} - referral form v3 ({fmt_date('2025-06-30', 'slash4')})")
    NET = {"slash4": "dd/MM/yyyy", "dots2": "dd.MM.yy", "words": "d MMMM yyyy", "slash2": "dd/MM/yy",
           "mon3": "dd MMM yyyy", "bare2": "d/M/yy", "dots4": "d.M.yyyy"}
    style = f.date_style if f.date_style in NET else "slash4"
    style2 = f.date_style2 if f.date_style2 in NET else "dots2"
    f.notes["date_styles"] = [style, style2]
    f.notes["content_controls"] = True

    def head(t, lvl=12):
        p = d.add_paragraph()
        r = p.add_run(t)
        r.bold, r.font.size = True, Pt(lvl)
        shade_p(p)

    def shade_p(p):
        append_xml(p._p.get_or_add_pPr(), f'<w:shd {NSDECL} w:val="clear" w:color="auto" w:fill="DEEAF6"/>')

    def field(key, ci=None):
        lab = f.labels[key]
        kind = KIND.get(key, "text")
        v = f.stated(key, ci)
        alias = f"{key}{'' if ci is None else ci + 1}"
        if kind == "paras":
            p = d.add_paragraph()
            p.add_run(lab + ":").bold = True
            if v:
                # block-level rich text control with one paragraph per summary paragraph
                _sdt_id[0] += 1
                ps = "".join(f'<w:p><w:r><w:t xml:space="preserve">{x(t)}</w:t></w:r></w:p>' for t in v)
                append_xml(d.element.body, f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{alias}"/><w:id w:val="{_sdt_id[0]}"/>'
                                           f'</w:sdtPr><w:sdtContent>{ps}</w:sdtContent></w:sdt>')
                # keep sectPr last
                body = d.element.body
                body.append(body.sectPr)
            else:
                q = d.add_paragraph()
                append_xml(q._p, sdt_text(None, alias))
            return
        p = d.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(6))
        p.add_run(lab + ":\t").bold = True
        if kind == "date":
            fs = style2 if key in ("c_dob", "p_date") else style
            append_xml(p._p, sdt_date(v, fmt_date(v, fs) if v else None, alias, NET[fs]))
        elif kind == "yn":
            if v is None and f.rng.random() < 0.5:
                append_xml(p._p, sdt_drop([f.v["yn"][0], f.v["yn"][1], f.v["unknown"]], None, alias))
            else:
                append_xml(p._p, sdt_check(v is True, alias + "_yes"))
                p.add_run(f" {f.v['yn'][0]}   ")
                append_xml(p._p, sdt_check(v is False, alias + "_no"))
                p.add_run(f" {f.v['yn'][1]}")
        elif kind == "gender":
            append_xml(p._p, sdt_drop(list(f.v["gender"].values()), f.v["gender"][v] if v else None, alias))
        elif kind == "itype":
            opts = [f.v["itype"][c] for c in f.v["itype"]]
            ch = f.itype_label(v) if v else None
            if ch and ch not in opts:
                opts.append(ch)
            append_xml(p._p, sdt_drop(opts, ch, alias))
        elif kind == "lines":
            if v and f.layout == "L-SECT":
                append_xml(p._p, sdt_text(", ".join(v), alias))
            else:
                append_xml(p._p, sdt_text(v, alias, lines=True))
        else:
            if v is None and f.filler(0) and f.rng.random() < 0.3:
                append_xml(p._p, sdt_text(f.filler(0), alias))
            else:
                append_xml(p._p, sdt_text(v, alias))

    t = d.add_paragraph()
    r = t.add_run(f.v["title"])
    r.bold, r.font.size = True, Pt(15)
    d.add_paragraph(f.v["org"])
    g = d.add_paragraph(f.v["guidance"])
    g.runs[0].italic = True
    n = len(f.case["children"])
    for s in f.sections():
        if s == "child":
            for ci in range(n):
                head(f.sec_title(s) + (f" \u2014 child {ci + 1}" if n > 1 else ""))
                for k in f.keys(s):
                    field(k, ci)
                for lab, dv in f.decoys(s):
                    p = d.add_paragraph()
                    p.paragraph_format.tab_stops.add_tab_stop(Cm(6))
                    p.add_run(lab + ":\t").bold = True
                    append_xml(p._p, sdt_text(dv or None, "decoy"))
            continue
        head(f.sec_title(s))
        for k in f.keys(s):
            if k == "agencies":
                rows = f.stated("agencies")
                cols = f.v["ag_cols"]
                tb = d.add_table(rows=1 + len(rows) + 2, cols=len(cols))
                table_borders(tb)
                for j, c in enumerate(cols):
                    cell_text(tb.rows[0].cells[j], c, bold=True)
                for ri in range(len(rows) + 2):
                    for j, c in enumerate(cols):
                        v = ag_cell(rows[ri], c, f) if ri < len(rows) else None
                        cp = tb.rows[ri + 1].cells[j].paragraphs[0]
                        append_xml(cp._p, sdt_text(v or None, f"ag{ri}{j}"))
                continue
            field(k)
        for lab, dv in f.decoys(s):
            p = d.add_paragraph()
            p.add_run(lab + ":\t").bold = True
            append_xml(p._p, sdt_text(dv or None, "decoy"))
    head("For Partnership use only")
    p = d.add_paragraph()
    p.add_run("Date received:\t").bold = True
    append_xml(p._p, sdt_date(None, None, "office", "dd/MM/yyyy"))
    save_docx(d, path)


# ---------------------------------------------------------------------------
# Layout D-SAFER: sentence completion with legacy form fields (FORMTEXT / FORMCHECKBOX), protected for forms
# ---------------------------------------------------------------------------

ENSP5 = "\u2002" * 5
_ff = [0]


def ff_text(value, lines=False):
    _ff[0] += 1
    name = f"Text{_ff[0]}"
    if value is None:
        res = f'<w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{ENSP5}</w:t></w:r>'
    else:
        parts = value if isinstance(value, list) else [value]
        sep = "<w:r><w:br/></w:r>" if lines != "paras" else "<w:r><w:br/></w:r><w:r><w:br/></w:r>"
        res = sep.join(f'<w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{x(p)}</w:t></w:r>' for p in parts)
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
            f'<w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{res}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_check(on):
    _ff[0] += 1
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{_ff[0]}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>'
            f'{"<w:checked/>" if on else ""}</w:checkBox></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def para_xml(inner, bold_prefix=None, indent=None):
    pre = f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{x(bold_prefix)} </w:t></w:r>' if bold_prefix else ""
    ind = f'<w:ind w:left="{indent}"/>' if indent else ""
    ppr = f'<w:pPr><w:spacing w:after="80"/>{ind}</w:pPr>'
    return f'<w:p {NSDECL}>{ppr}{pre}{inner}</w:p>'


def text_run(t, bold=False, italic=False):
    rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + "</w:rPr>"
    return f'<w:r>{rpr}<w:t xml:space="preserve">{x(t)}</w:t></w:r>'


def build_d_safer(f: Form, path: Path):
    from docx.shared import Pt
    d = new_doc(font="Arial", size=10)
    set_header_footer(d, f"{f.v['marking']}", f"SAFER/RR form 2.0   Ref {f.header_ref()}")
    body = d.element.body
    sect = body.sectPr

    def add(xml):
        el = append_xml(body, xml)
        body.append(sect)
        return el

    t = d.add_paragraph()
    r = t.add_run(f.v["title"])
    r.bold, r.font.size = True, Pt(14)
    d.add_paragraph(f.v["org"])
    d.add_paragraph(f.v["guidance"]).runs[0].italic = True
    dots = f.rng.random() < 0.5
    n = len(f.case["children"])

    def v_text(key, ci=None, i=0):
        v = f.stated(key, ci)
        kind = KIND.get(key, "text")
        if v is None:
            fl = f.filler(i)
            return fl if (fl and kind not in ("date",) and f.rng.random() < 0.5) else None
        if kind == "date":
            return f.date(v, second=key in ("c_dob",))
        return v

    def sentence(key, ci=None, i=0):
        lab = f.labels[key]
        kind = KIND.get(key, "text")
        lead_ = lab + (" \u2026 " if dots else ": ")
        if kind == "yn":
            v = f.stated(key, ci)
            add(para_xml(text_run(lead_) + ff_check(v is True) + text_run(f" {f.v['yn'][0]}   ") + ff_check(v is False)
                         + text_run(f" {f.v['yn'][1]}")))
        elif kind == "gender":
            v = f.stated(key, ci)
            inner = text_run(lead_)
            for code, word in f.v["gender"].items():
                inner += ff_check(v == code) + text_run(f" {word}   ")
            add(para_xml(inner))
        elif kind == "itype":
            v = f.stated(key)
            add(para_xml(text_run(lead_ + "(tick one)")))
            for code, word in f.v["itype"].items():
                lab2 = f.itype_label(code) if code == v else word
                add(para_xml(ff_check(v == code) + text_run(" " + lab2), indent=567))
        elif kind in ("lines",):
            add(para_xml(text_run(lead_) + ff_text(f.stated(key, ci), lines=True)))
        elif kind == "paras":
            add(para_xml(text_run(lead_)))
            add(para_xml(ff_text(f.stated(key, ci), lines="paras"), indent=284))
        else:
            add(para_xml(text_run(lead_) + ff_text(v_text(key, ci, i))))

    for s in f.sections():
        add(para_xml(text_run(f.sec_title(s).upper(), bold=True)))
        if s == "child":
            for ci in range(n):
                if n > 1:
                    add(para_xml(text_run(f"Child {ci + 1}", bold=True)))
                for i, k in enumerate(f.keys(s)):
                    sentence(k, ci, i)
            continue
        for i, k in enumerate(f.keys(s)):
            if k == "agencies":
                add(para_xml(text_run(f.labels[k] + ":")))
                rows = f.stated("agencies")
                tb = d.add_table(rows=1 + len(rows) + 1, cols=3)
                table_borders(tb)
                for j, c in enumerate(f.v["ag_cols"]):
                    cell_text(tb.rows[0].cells[j], c, bold=True)
                for ri in range(len(rows) + 1):
                    for j, c in enumerate(f.v["ag_cols"]):
                        val = ag_cell(rows[ri], c, f) if ri < len(rows) else None
                        cp = tb.rows[ri + 1].cells[j].paragraphs[0]
                        for el in __import__("lxml.etree").etree.fromstring(para_xml(ff_text(val or None))):
                            if el.tag.endswith("}r"):
                                cp._p.append(el)
                body.append(sect)
                continue
            sentence(k, None, i)
        for lab, dv in f.decoys(s):
            add(para_xml(text_run(lab + ": ") + ff_text(dv)))
    add(para_xml(text_run("Signed: ______________________   (a signature is not needed when this is emailed)", italic=True)))
    # protect for forms
    settings = d.settings.element
    append_xml(settings, f'<w:documentProtection {NSDECL} w:edit="forms" w:enforcement="1"/>')
    save_docx(d, path)
    f.notes.update(dotted_leaders=dots, legacy_fields=True)


# ---------------------------------------------------------------------------
# Layout D-LETTER: a cover letter page, then a Label | Answer | Guidance table; Y/N answers; e.g. examples
# ---------------------------------------------------------------------------

EXAMPLES = {
    "date": "e.g. 01/01/2020", "ref_email": "e.g. jo.bloggs@setting.org.uk", "sl_email": "e.g. dsl@setting.org.uk",
    "ref_phone": "e.g. 01632 960000", "sl_phone": "e.g. 01632 960000", "c_addr": "incl. postcode, e.g. 1 High St, Town, AB1 2CD",
    "c_school": "e.g. Acorn Room / Reception", "c_eth": "use the child's own description, e.g. White British",
    "c_age": "e.g. 18 months", "yn": "Y / N", "c_other": "e.g. nickname", "c_gp": "e.g. High Street Surgery",
}


def build_d_letter(f: Form, path: Path):
    from docx.shared import Pt, Cm
    from docx.enum.text import WD_BREAK
    d = new_doc(font="Calibri", size=10.5)
    set_header_footer(d, f"{f.v['marking']}   |   Form ref {f.header_ref()}   |   Received: ________",
                      f"{f.v['short']} form SI-2  Version 2  {fmt_date('2024-09-01', 'dots2')}   Review due {fmt_date('2026-09-01', 'dots2')}")
    c0 = f.case["children"][0]
    r_ = f.case["referrer"]
    # cover letter (not part of the record)
    p = d.add_paragraph()
    p.add_run(r_["agency"]).bold = True
    d.add_paragraph(rng_addr(f))
    d.add_paragraph(fmt_date(f.case["ref_date"], "ordwords"))
    d.add_paragraph(f"Our ref: {f.rng.choice(['SG', 'EY', 'FS'])}/{f.rng.randrange(100, 999)}")
    d.add_paragraph(f"Safeguarding Partnership Business Unit\n{f.v['org']}")
    d.add_paragraph("Dear Partnership Business Manager,")
    d.add_paragraph(f"Re: {c0['first']} {c0['last']}")
    d.add_paragraph("Please find enclosed our referral form about the child named above. We are asking the Partnership "
                    "to consider whether a Rapid Review is needed. We met as a team on "
                    f"{fmt_date(add_days(f.case['ref_date'], -1), 'ordwords')} to agree the referral and can attend "
                    "any meeting you arrange. Please contact me if anything in the form is unclear.")
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph("\n\n" + r_["name"].split(" ")[-1].upper() + " (signed)")
    d.paragraphs[-1].runs[0].add_break(WD_BREAK.PAGE)
    t = d.add_paragraph()
    r = t.add_run(f.v["title"])
    r.bold, r.font.size = True, Pt(13)
    d.add_paragraph(f.v["guidance"]).runs[0].italic = True
    n = len(f.case["children"])
    unanswered_style = f.rng.choice(["Y / N", "", "Y/N"])

    def val(key, ci=None, i=0):
        v = f.stated(key, ci)
        kind = KIND.get(key, "text")
        if v is None or v == []:
            if kind == "yn":
                return unanswered_style
            return f.filler(i)
        if kind == "date":
            return f.date(v, second=key in ("c_dob", "p_date"))
        if kind == "yn":
            return f.yn_word(v)
        if kind == "gender":
            return f.v["gender"][v]
        if kind == "itype":
            return f.itype_label(v)
        return v

    for s in f.sections():
        groups = [(f.sec_title(s) + (f" - child {ci + 1}" if s == "child" and n > 1 else ""), ci)
                  for ci in (range(n) if s == "child" else [None])]
        for title, ci in groups:
            keys = [k for k in f.keys(s) if k != "agencies"]
            dec = f.decoys(s)
            if keys or dec:
                tb = d.add_table(rows=1 + len(keys) + len(dec), cols=3)
                table_borders(tb)
                hdr = tb.rows[0].cells
                m = hdr[0].merge(hdr[2])
                cell_text(m, title, bold=True)
                shade(m, "FCE4D6")
                for i, k in enumerate(keys):
                    row = tb.rows[i + 1].cells
                    cell_text(row[0], f.labels[k], bold=True, size=9.5)
                    v = val(k, ci, i)
                    if v:
                        cell_text(row[1], v)
                    kind = KIND.get(k, "text")
                    ex = EXAMPLES.get(k) or (EXAMPLES.get(kind) if kind in ("date", "yn") else None)
                    if ex and (f.rng.random() < 0.6 or f.stated(k, ci) in (None, [])):
                        cell_text(row[2], ex, italic=True, size=8, color="7F7F7F")
                for j, (lab, dv) in enumerate(dec):
                    row = tb.rows[1 + len(keys) + j].cells
                    cell_text(row[0], lab, bold=True, size=9.5)
                    if dv:
                        cell_text(row[1], dv)
                d.add_paragraph()
            if "agencies" in f.keys(s):
                d.add_paragraph().add_run(f.labels["agencies"]).bold = True
                rows = f.stated("agencies")
                tb = d.add_table(rows=1 + len(rows) + 1, cols=len(f.v["ag_cols"]))
                table_borders(tb)
                for j, c in enumerate(f.v["ag_cols"]):
                    cell_text(tb.rows[0].cells[j], c, bold=True)
                for ri, a in enumerate(rows):
                    for j, c in enumerate(f.v["ag_cols"]):
                        cell_text(tb.rows[ri + 1].cells[j], ag_cell(a, c, f))
                cell_text(tb.rows[-1].cells[0], "e.g. Jo Bloggs", italic=True, size=8, color="7F7F7F")
                d.add_paragraph()
    save_docx(d, path)
    f.notes.update(cover_letter=True, unanswered_yn=unanswered_style)


def rng_addr(f):
    return f"{f.rng.randrange(2, 90)} {f.rng.choice(STREETS)}, {f.v['region']}"


# ---------------------------------------------------------------------------
# Layout D-MATRIX: every yes/no and choice is a tick in a matrix of options; details in numbered rows
# ---------------------------------------------------------------------------

def build_d_matrix(f: Form, path: Path):
    from docx.shared import Pt
    d = new_doc(font="Segoe UI", size=9.5)
    set_header_footer(d, f"{f.v['marking']} - {f.v['short']}", f"Page reference {f.header_ref()} - printed copies are uncontrolled")
    mark = f.rng.choice(["\u2713", "\u2714", "X"])
    t = d.add_paragraph()
    r = t.add_run(f.v["title"])
    r.bold, r.font.size = True, Pt(13)
    d.add_paragraph(f.v["org"])
    d.add_paragraph(f.v["guidance"]).runs[0].italic = True
    n = len(f.case["children"])
    unk = f.v["unknown"]

    def tick_table(title, rows):
        """rows: (label, value tri)"""
        d.add_paragraph().add_run(title).bold = True
        tb = d.add_table(rows=1 + len(rows), cols=4)
        table_borders(tb)
        for j, h in enumerate(["", f.v["yn"][0], f.v["yn"][1], unk]):
            cell_text(tb.rows[0].cells[j], h, bold=True)
            shade(tb.rows[0].cells[j], "EDEDED")
        for i, (lab, v, asked_blank) in enumerate(rows):
            cells = tb.rows[i + 1].cells
            cell_text(cells[0], lab)
            if v is True:
                cell_text(cells[1], mark)
            elif v is False:
                cell_text(cells[2], mark)
            elif asked_blank and f.rng.random() < 0.5:
                cell_text(cells[3], mark)

    def options_table(title, options, chosen_label):
        d.add_paragraph().add_run(title).bold = True
        tb = d.add_table(rows=len(options), cols=2)
        table_borders(tb)
        for i, o in enumerate(options):
            cell_text(tb.rows[i].cells[0], o)
            if o == chosen_label:
                cell_text(tb.rows[i].cells[1], mark)

    def details(title, keys, ci=None, decoys=()):
        rows = [(f.labels[k], k) for k in keys if KIND.get(k) not in ("yn", "gender", "itype")]
        if not rows and not decoys:
            return
        d.add_paragraph().add_run(title).bold = True
        tb = d.add_table(rows=len(rows) + len(decoys), cols=2)
        table_borders(tb)
        for i, (lab, k) in enumerate(rows):
            cell_text(tb.rows[i].cells[0], f"{i + 1}. {lab}", bold=True)
            v = f.stated(k, ci)
            kind = KIND.get(k, "text")
            if v in (None, []):
                if f.filler(i):
                    cell_text(tb.rows[i].cells[1], f.filler(i))
                continue
            if kind == "date":
                v = f.date(v, second=k in ("c_dob",))
            cell_text(tb.rows[i].cells[1], v)
        for j, (lab, dv) in enumerate(decoys):
            cell_text(tb.rows[len(rows) + j].cells[0], lab, bold=True)
            if dv:
                cell_text(tb.rows[len(rows) + j].cells[1], dv)

    # Part 1 - the tick matrix
    d.add_paragraph().add_run("PART 1 - Tick one box in each row").bold = True
    crit = [(f.labels[k], f.stated(k), True) for k in ("k_died", "k_abuse", "k_local", "k_learn", "sl_discussed",
                                                         "i_police", "p_notified") if f.asks(k)]
    tick_table(f.sec_title("crit"), crit)
    for ci in range(n):
        rows = [(f.labels[k], f.stated(k, ci), True) for k in ("c_cp", "c_csc", "c_lac") if f.asks(k)]
        c = f.case["children"][ci]
        tick_table(f"Child {ci + 1}" + (f" ({c['first']})" if f.asks("c_first") or f.asks("c_name") else ""), rows)
        if f.asks("c_gender"):
            g = f.stated("c_gender", ci)
            options_table(f"Child {ci + 1}: {f.labels['c_gender']}", list(f.v["gender"].values()), f.v["gender"].get(g))
    if f.asks("i_type"):
        v = f.stated("i_type")
        opts = [f.itype_label(c) if c == v else lab for c, lab in f.v["itype"].items()]
        options_table(f.labels["i_type"], opts, f.itype_label(v) if v else None)
    # Part 2 - details
    d.add_paragraph().add_run("PART 2 - Details").bold = True
    for s in f.sections():
        if s == "child":
            for ci in range(n):
                details(f"{f.sec_title(s)} {ci + 1}", f.keys(s), ci, f.decoys(s))
            continue
        keys = [k for k in f.keys(s) if k != "agencies"]
        if s == "inc":
            keys = [k for k in keys if k != "i_summary"]
        details(f.sec_title(s), keys, None, f.decoys(s))
        if s == "inc" and f.asks("i_summary"):
            d.add_paragraph().add_run(f.labels["i_summary"]).bold = True
            for para in f.stated("i_summary") or []:
                d.add_paragraph(para)
        if "agencies" in f.keys(s):
            d.add_paragraph().add_run(f.labels["agencies"]).bold = True
            rows = f.stated("agencies")
            tb = d.add_table(rows=1 + max(len(rows), 3), cols=len(f.v["ag_cols"]))
            table_borders(tb)
            for j, c in enumerate(f.v["ag_cols"]):
                cell_text(tb.rows[0].cells[j], c, bold=True)
            for ri, a in enumerate(rows):
                for j, c in enumerate(f.v["ag_cols"]):
                    cell_text(tb.rows[ri + 1].cells[j], ag_cell(a, c, f))
    save_docx(d, path)
    f.notes.update(tick_mark=mark)


# ---------------------------------------------------------------------------
# PDF helpers (reportlab)
# ---------------------------------------------------------------------------

def rl_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "DejaVu" in pdfmetrics.getRegisteredFontNames():
        return
    base = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DejaVu", base + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", base + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Oblique", base + "DejaVuSans-Oblique.ttf"))
    from reportlab.lib.fonts import addMapping
    addMapping("DejaVu", 0, 0, "DejaVu")
    addMapping("DejaVu", 1, 0, "DejaVu-Bold")
    addMapping("DejaVu", 0, 1, "DejaVu-Oblique")
    addMapping("DejaVu", 1, 1, "DejaVu-Bold")


def pval(f: Form, key, ci=None, i=0, yn_blank="", second_keys=("c_dob", "p_date")):
    v = f.stated(key, ci)
    kind = KIND.get(key, "text")
    if v is None or v == []:
        return yn_blank if kind == "yn" else f.filler(i)
    if kind == "date":
        return f.date(v, second=key in second_keys)
    if kind == "yn":
        return f.yn_word(v)
    if kind == "gender":
        return f.v["gender"][v]
    if kind == "itype":
        return f.itype_label(v)
    return v


# ---------------------------------------------------------------------------
# Layout P-3COL: reportlab, three newspaper columns, inline bold labels, flows over two pages
# ---------------------------------------------------------------------------

def build_p_3col(f: Form, path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, FrameBreak
    rl_fonts()
    W, H = A4
    margin, gap = 12 * mm, 5 * mm
    colw = (W - 2 * margin - 2 * gap) / 3
    top, bottom = H - 30 * mm, 16 * mm
    top1 = H - 78 * mm  # page 1: a full-width guidance panel sits above the columns
    frames1 = [Frame(margin + i * (colw + gap), bottom, colw, top1 - bottom, id=f"a{i}", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0) for i in range(3)]
    frames = [Frame(margin + i * (colw + gap), bottom, colw, top - bottom, id=f"c{i}", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0) for i in range(3)]
    ref = f.header_ref()
    printed = fmt_date(add_days(f.case["ref_date"], 2), "slash4")

    def deco(c, doc):
        c.saveState()
        c.setFont("DejaVu-Bold", 9)
        c.drawString(margin, H - 12 * mm, f.v["marking"])
        c.drawRightString(W - margin, H - 12 * mm, f"Ref {ref}")
        c.setFont("DejaVu-Bold", 11)
        c.drawString(margin, H - 19 * mm, f.v["title"][:95])
        c.setFont("DejaVu", 8)
        c.drawString(margin, H - 24 * mm, f.v["org"])
        c.line(margin, H - 26 * mm, W - margin, H - 26 * mm)
        c.drawString(margin, 9 * mm, f"Printed {printed}   Page {doc.page}")
        c.drawRightString(W - margin, 9 * mm, f"{f.v['short']} form 3C")
        c.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=30 * mm,
                          bottomMargin=bottom, invariant=1, title=f.v["title"], author=f.v["short"], creator="unseen5")
    def deco1(c, doc):
        deco(c, doc)
        from reportlab.lib.utils import simpleSplit
        c.saveState()
        c.setStrokeColor("#1F3864")
        c.rect(margin, top1 + 4 * mm, W - 2 * margin, (H - 30 * mm) - top1 - 6 * mm)
        c.setFont("DejaVu-Bold", 9)
        c.drawString(margin + 3 * mm, H - 36 * mm, "How to complete this form")
        c.setFont("DejaVu-Oblique", 8)
        yy = H - 41 * mm
        for line in simpleSplit(f.v["guidance"] + " Answer every question; if a question does not apply, leave it "
                                "blank. Do not include information about adults that is not needed for the review. "
                                "Continue on the next page if you need more space.", "DejaVu-Oblique", 8,
                                W - 2 * margin - 6 * mm):
            c.drawString(margin + 3 * mm, yy, line)
            yy -= 10
        c.restoreState()

    from reportlab.platypus import NextPageTemplate
    doc.addPageTemplates([PageTemplate(id="first", frames=frames1, onPage=deco1),
                          PageTemplate(id="three", frames=frames, onPage=deco)])
    st = ParagraphStyle("b", fontName="DejaVu", fontSize=9.6, leading=12, spaceAfter=4)
    sh = ParagraphStyle("h", fontName="DejaVu-Bold", fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=3,
                        textColor="#1F3864")
    lab_style = f.rng.choice(["inline", "above"])
    story = [NextPageTemplate("three")]

    def fld(label, value):
        if isinstance(value, list):
            if lab_style == "inline" and value:
                story.append(Paragraph(f"<b>{html.escape(label)}:</b> {html.escape(value[0])}", st))
            else:
                story.append(Paragraph(f"<b>{html.escape(label)}</b>", st))
                if value:
                    story.append(Paragraph(html.escape(value[0]), st))
            for extra in value[1:]:
                story.append(Paragraph(html.escape(extra), st))
            return
        if lab_style == "inline":
            story.append(Paragraph(f"<b>{html.escape(label)}:</b> {html.escape(value or '')}", st))
        else:
            story.append(Paragraph(f"<b>{html.escape(label)}</b>", st))
            story.append(Paragraph(html.escape(value or "") or "&nbsp;", st))

    n = len(f.case["children"])
    for s in f.sections():
        for ci in (range(n) if s == "child" else [None]):
            story.append(Paragraph(html.escape(f.sec_title(s) + (f" - child {ci + 1}" if ci is not None and n > 1 else "")), sh))
            for i, k in enumerate(f.keys(s)):
                if k == "agencies":
                    story.append(Paragraph(f"<b>{html.escape(f.labels[k])}</b>", st))
                    rows = f.stated("agencies")
                    for a in rows:
                        story.append(Paragraph(" / ".join(html.escape(ag_cell(a, c, f)) for c in f.v["ag_cols"][:3]
                                                          if ag_cell(a, c, f)), st))
                    if not rows:
                        story.append(Paragraph(html.escape(f.filler(0) or "(none listed)"), st))
                    continue
                v = pval(f, k, ci, i)
                fld(f.labels[k], v)
            for lab, dv in f.decoys(s):
                fld(lab, dv)
    doc.build(story)
    f.notes.update(label_style=lab_style, columns=3)
    f.notes["text_regions"] = [[fr._x1, fr._y1, fr._x1 + fr._width, fr._y1 + fr._height] for fr in frames1 + frames]


# ---------------------------------------------------------------------------
# Layout P-LAND: landscape reportlab form of horizontal tables (one row per child / person), Y/N cells,
# grey "e.g." examples in blank cells
# ---------------------------------------------------------------------------

def build_p_land(f: Form, path: Path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle
    rl_fonts()
    PS = landscape(A4)
    ref = f.header_ref()

    def deco(c, doc):
        c.saveState()
        c.setFont("DejaVu-Bold", 8)
        c.drawString(12 * mm, PS[1] - 8 * mm, f"{f.v['marking']}   {f.v['short']} ref {ref}")
        c.setFont("DejaVu", 7)
        c.drawRightString(PS[0] - 12 * mm, 6 * mm, f"Form HR-L v1.3 ({fmt_date('2025-02-01', 'dots2')}) - page {doc.page}")
        c.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=PS, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                            bottomMargin=12 * mm, invariant=1, title=f.v["title"], author=f.v["short"], creator="unseen5")
    st = ParagraphStyle("b", fontName="DejaVu", fontSize=7.6, leading=9.2)
    sb = ParagraphStyle("bb", parent=st, fontName="DejaVu-Bold")
    sg = ParagraphStyle("g", parent=st, textColor=colors.grey, fontName="DejaVu-Oblique")
    sh = ParagraphStyle("h", fontName="DejaVu-Bold", fontSize=10, leading=13, spaceBefore=6, spaceAfter=3)
    story = [Paragraph(html.escape(f.v["title"]), ParagraphStyle("t", parent=sh, fontSize=13)),
             Paragraph(html.escape(f.v["org"]), st), Paragraph(html.escape(f.v["guidance"]), sg), Spacer(1, 4)]
    examples = {"date": "e.g. 01/01/2020", "phone": "e.g. 0118 496 0000", "email": "e.g. name@agency.gov.uk"}

    def cell(key, ci=None, i=0):
        v = pval(f, key, ci, i)
        if not v:
            ex = examples.get(KIND.get(key, ""))
            return Paragraph(ex, sg) if ex and f.rng.random() < 0.7 else ""
        if isinstance(v, list):
            return Paragraph("<br/>".join(html.escape(t) for t in v), st)
        return Paragraph(html.escape(v), st)

    def table(title, header, rows, widths=None):
        if title:
            story.append(Paragraph(html.escape(title), sh))
        data = [[Paragraph(html.escape(h), sb) for h in header]] + rows
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7"))]))
        story.append(t)

    if f.asks("ref_date"):
        story.append(Paragraph(f"<b>{html.escape(f.labels['ref_date'])}:</b> {html.escape(pval(f, 'ref_date') or '')}", st))
    pk = [("ref_name", "sl_name"), ("ref_role", "sl_role"), ("ref_agency", "sl_agency"), ("ref_email", "sl_email"),
          ("ref_phone", "sl_phone")]
    table("1. People", [""] + [f.labels.get(a) for a, _ in pk],
          [[Paragraph(html.escape(f.sec_title("ref")), sb)] + [cell(a, None, i) for i, (a, _) in enumerate(pk)],
           [Paragraph(html.escape(f.sec_title("sl")), sb)] + [cell(b, None, i) for i, (_, b) in enumerate(pk)]])
    if f.asks("sl_discussed"):
        story.append(Paragraph(f"<b>{html.escape(f.labels['sl_discussed'])}</b> {pval(f, 'sl_discussed') or ''}", st))
    n = len(f.case["children"])
    ident = [k for k in ["c_first", "c_last", "c_name", "c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr"] if f.asks(k)]
    table("2. " + f.sec_title("child"), ["#"] + [f.labels[k] for k in ident],
          [[str(ci + 1)] + [cell(k, ci, ci) for k in ident] for ci in range(n)])
    svc = [k for k in ["c_school", "c_gp", "c_legal", "c_cp", "c_csc", "c_lac", "c_dis", "c_dod"] if f.asks(k)]
    table(None, ["#"] + [f.labels[k] for k in svc], [[str(ci + 1)] + [cell(k, ci, ci + j) for j, k in enumerate(svc)]
                                                     for ci in range(n)])
    dec = f.decoys("child")
    if dec:
        table(None, ["#"] + [l for l, _ in dec], [[str(ci + 1)] + [dv for _, dv in dec] for ci in range(n)])
    ik = [k for k in ["i_date", "i_aware", "i_loc", "i_type", "i_police"] if f.asks(k)] + [l for l, _ in f.decoys("inc")]
    table("3. " + f.sec_title("inc"), [f.labels.get(k, k) for k in ik],
          [[cell(k) if k in f.labels else Paragraph(html.escape(dict(f.decoys("inc"))[k] or ""), st) for k in ik]])
    if f.asks("i_summary"):
        story.append(Paragraph(f"<b>{html.escape(f.labels['i_summary'])}</b>", st))
        for para in f.stated("i_summary") or []:
            story.append(Paragraph(html.escape(para), ParagraphStyle("s", parent=st, spaceAfter=4)))
    ck = [k for k in ["k_died", "k_abuse", "k_local", "k_learn", "p_notified", "p_date"] if f.asks(k)]
    table("4. " + f.sec_title("crit"), [f.labels[k] for k in ck], [[cell(k) for k in ck]])
    if f.asks("k_reason"):
        story.append(Paragraph(f"<b>{html.escape(f.labels['k_reason'])}:</b> {html.escape(pval(f, 'k_reason') or '')}", st))
    if f.asks("agencies"):
        rows = [[Paragraph(html.escape(ag_cell(a, c, f)), st) for c in f.v["ag_cols"]] for a in f.stated("agencies")]
        rows.append([""] * len(f.v["ag_cols"]))
        table("5. " + f.labels["agencies"], f.v["ag_cols"], rows)
    if f.asks("immediate"):
        story.append(Paragraph(f"<b>{html.escape(f.labels['immediate'])}:</b> {html.escape(pval(f, 'immediate') or '')}", st))
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    f.notes.update(landscape=True)


# ---------------------------------------------------------------------------
# Layout F-RADIO: fillable AcroForm, flat generic field names (Text12, Radio Button3, List Box2),
# radio groups for yes/no and gender, a list box for the incident type; tooltips carry the labels
# ---------------------------------------------------------------------------

def build_f_radio(f: Form, path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas
    from reportlab.lib import colors
    rl_fonts()
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(f.v["title"])
    c.setAuthor(f.v["short"])
    af = c.acroForm
    printed_labels = f.rng.random() < 0.5
    counters = {"Text": 0, "Radio Button": 0, "List Box": 0}
    ref = f.header_ref()
    state = {"y": H - 40 * mm, "page": 1}
    fields_meta = []

    def deco():
        c.setFont("DejaVu-Bold", 8)
        c.drawString(15 * mm, H - 10 * mm, f.v["marking"])
        c.drawRightString(W - 15 * mm, H - 10 * mm, f"Ref {ref}")
        c.setFont("DejaVu", 7)
        c.drawString(15 * mm, 8 * mm, f"{f.v['short']} e-form F1   page {state['page']}")

    def newpage_if(h):
        if state["y"] - h < 18 * mm:
            c.showPage()
            state["page"] += 1
            deco()
            state["y"] = H - 20 * mm

    def name(kind):
        counters[kind] += 1
        return f"{kind}{counters[kind]}" if kind != "Radio Button" else f"Radio Button{counters[kind]}"

    def label(text, y):
        if printed_labels:
            from reportlab.lib.utils import simpleSplit
            c.setFont("DejaVu", 7.5)
            parts = simpleSplit(text, "DejaVu", 7.5, 57 * mm)[:3]
            for li, part in enumerate(parts):
                c.drawString(15 * mm, y + 2 - li * 8.5, part)
            return len(parts)
        else:
            c.setFont("DejaVu", 7)
            c.setFillColor(colors.grey)
            c.drawString(15 * mm, y + 2, f"{sum(counters.values()) + 1}.")
            c.setFillColor(colors.black)
        return 1

    def text(lab, value, lines=1):
        h = 6 * mm * lines
        newpage_if(h + 3 * mm)
        y = state["y"] - h
        nl = label(lab, y + h - 8)
        nm = name("Text")
        af.textfield(name=nm, tooltip=lab, value=value or "", x=75 * mm, y=y, width=120 * mm, height=h,
                     fontName="Helvetica", fontSize=8 if lines > 1 else 9, borderWidth=0.5,
                     fieldFlags="multiline" if lines > 1 else "", maxlen=4000)
        fields_meta.append((nm, lab))
        state["y"] = min(y, y + h - 8 - (nl - 1) * 8.5 - 4) - 2.5 * mm

    def radio(lab, options, chosen):
        """options: list of (export, shown)"""
        newpage_if(9 * mm)
        y = state["y"] - 6 * mm
        nl = label(lab, y)
        nm = name("Radio Button")
        xx = 75 * mm
        for exp, shown in options:
            af.radio(name=nm, tooltip=lab, value=exp, selected=(exp == chosen), x=xx, y=y, size=10,
                     buttonStyle="circle", borderWidth=0.5)
            c.setFont("DejaVu", 7.5)
            c.drawString(xx + 13, y + 2, shown)
            xx += 12 + c.stringWidth(shown, "DejaVu", 7.5) + 14
        fields_meta.append((nm, lab))
        state["y"] = y - 3 * mm - (nl - 1) * 8.5

    def heading(t):
        newpage_if(12 * mm)
        c.setFont("DejaVu-Bold", 10)
        c.setFillColor(colors.HexColor("#1F3864"))
        c.drawString(15 * mm, state["y"] - 5 * mm, t)
        c.setFillColor(colors.black)
        state["y"] -= 9 * mm

    deco()
    c.setFont("DejaVu-Bold", 12)
    c.drawString(15 * mm, H - 20 * mm, f.v["title"][:80])
    c.setFont("DejaVu", 8)
    c.drawString(15 * mm, H - 26 * mm, f.v["org"][:110])
    c.setFont("DejaVu-Oblique", 7)
    c.drawString(15 * mm, H - 31 * mm, f.v["guidance"][:140])
    yn_exports = [("Yes", f.v["yn"][0]), ("No", f.v["yn"][1]), ("Unknown", f.v["unknown"])]
    n = len(f.case["children"])

    def one(key, ci=None, i=0):
        lab = f.labels[key]
        kind = KIND.get(key, "text")
        v = f.stated(key, ci)
        if kind == "yn":
            blank_pick = "Unknown" if f.rng.random() < 0.4 else None
            radio(lab, yn_exports, blank_pick if v is None else ("Yes" if v else "No"))
        elif kind == "gender":
            radio(lab, [(f.v["gender"][g].replace(" ", "_"), f.v["gender"][g]) for g in ("female", "male", "other")],
                  None if v is None else f.v["gender"][v].replace(" ", "_"))
        elif kind == "itype":
            opts = [" "] + [f.itype_label(code) if code == v else lb for code, lb in f.v["itype"].items()]
            newpage_if(28 * mm)
            y = state["y"] - 24 * mm
            label(lab, y + 24 * mm - 8)
            nm = name("List Box")
            af.listbox(name=nm, tooltip=lab, value=f.itype_label(v) if v else " ", options=opts, x=75 * mm, y=y,
                       width=120 * mm, height=24 * mm, fontName="Helvetica", fontSize=8, borderWidth=0.5)
            fields_meta.append((nm, lab))
            state["y"] = y - 3 * mm
        elif kind == "paras":
            text(lab, "\n\n".join(v) if v else "", lines=10)
        elif kind == "lines":
            text(lab, "\n".join(v) if v else "", lines=3)
        elif kind == "date":
            text(lab, f.date(v, second=key in ("c_dob",)) if v else "")
        else:
            fl = f.filler(i) if f.rng.random() < 0.3 else ""
            text(lab, v if v else fl)

    for s in f.sections():
        for ci in (range(n) if s == "child" else [None]):
            heading(f.sec_title(s) + (f" - child {ci + 1}" if ci is not None and n > 1 else ""))
            for i, k in enumerate(f.keys(s)):
                if k == "agencies":
                    rows = f.stated("agencies")
                    for ri in range(4):
                        a = rows[ri] if ri < len(rows) else None
                        for col in f.v["ag_cols"][:3]:
                            text(f"{f.labels['agencies']} row {ri + 1}: {col}", ag_cell(a, col, f) if a else "")
                    continue
                one(k, ci, i)
            for lab, dv in f.decoys(s):
                text(lab, dv)
    c.showPage()
    c.save()
    f.notes.update(printed_labels=printed_labels, field_names="flat generic (Text12, Radio Button3, List Box1)",
                   radio_exports="Yes / No / Unknown")
    f.notes["fields"] = dict(fields_meta)


# ---------------------------------------------------------------------------
# Layout H-GRID: HTML form with CSS grid, printed to PDF by headless Chromium
# ---------------------------------------------------------------------------

def build_h_grid_html(f: Form) -> str:
    n = len(f.case["children"])
    esc = html.escape
    not_ans = f.rng.choice(["Not answered", "\u2014"])
    check = f.rng.choice(["\u2714", "\u2611"])

    def dd(key, ci=None, i=0):
        v = f.stated(key, ci)
        kind = KIND.get(key, "text")
        if v is None or v == []:
            if kind in ("yn", "gender"):
                return f'<dd class="na">{esc(not_ans)}</dd>'
            fl = f.filler(i)
            return f'<dd class="na">{esc(fl) if fl else "&nbsp;"}</dd>'
        if kind == "date":
            return f"<dd>{esc(f.date(v, second=key in ('c_dob', 'p_date')))}</dd>"
        if kind == "yn":
            return f"<dd><span class=chip>{esc(f.yn_word(v))}</span></dd>"
        if kind == "gender":
            return f"<dd>{esc(f.v['gender'][v])}</dd>"
        if kind == "itype":
            lis = "".join(f"<li class={'on' if c == v else 'off'}>{check + ' ' if c == v else ''}"
                          f"{esc(f.itype_label(c) if c == v else lb)}</li>" for c, lb in f.v["itype"].items())
            return f"<dd><ul class=opts>{lis}</ul></dd>"
        if kind == "lines":
            return "<dd>" + "<br>".join(esc(t) for t in v) + "</dd>"
        if kind == "paras":
            return '<dd class="wide">' + "".join(f"<p>{esc(t)}</p>" for t in v) + "</dd>"
        return f"<dd>{esc(v)}</dd>"

    parts = []
    for s in f.sections():
        for ci in (range(n) if s == "child" else [None]):
            title = f.sec_title(s) + (f" \u2013 child {ci + 1} of {n}" if ci is not None and n > 1 else "")
            items = []
            for i, k in enumerate(f.keys(s)):
                if k == "agencies":
                    rows = f.stated("agencies")
                    cards = "".join('<div class="ag">' + "".join(
                        f"<div><span class=k>{esc(c)}</span> {esc(ag_cell(a, c, f))}</div>" for c in f.v["ag_cols"][:3]
                        if ag_cell(a, c, f)) + "</div>" for a in rows)
                    items.append(f'<dt class="wide">{esc(f.labels[k])}</dt><dd class="wide"><div class=agg>'
                                 f'{cards or esc(not_ans)}</div></dd>')
                    continue
                cls = ' class="wide"' if KIND.get(k) in ("paras", "itype") or k in ("k_reason", "immediate") else ""
                items.append(f"<dt{cls}>{esc(f.labels[k])}</dt>{dd(k, ci, i) if not cls else dd(k, ci, i).replace('<dd>', '<dd class=wide>', 1)}")
            for lab, dv in f.decoys(s):
                items.append(f"<dt>{esc(lab)}</dt><dd>{esc(dv) if dv else '&nbsp;'}</dd>")
            parts.append(f'<section><h2>{esc(title)}</h2><dl class="g">{"".join(items)}</dl></section>')
    printed = fmt_date(add_days(f.case["ref_date"], 1), "slash4")
    return f"""<!doctype html><html lang=en-GB><head><meta charset=utf-8><title>{esc(f.v['title'])}</title>
<style>
@page {{ size: A4; margin: 14mm 12mm; }}
body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8.5pt; color: #222; }}
.bar {{ display: grid; grid-template-columns: 1fr auto; border-bottom: 2px solid #2b5797; padding-bottom: 4px; }}
.bar .m {{ font-weight: bold; color: #a00; }}
h1 {{ font-size: 13pt; margin: 6px 0 2px; color: #2b5797; }}
h2 {{ font-size: 10pt; background: #eef3fb; padding: 3px 6px; margin: 10px 0 4px; break-after: avoid; }}
dl.g {{ display: grid; grid-template-columns: 38mm 1fr 38mm 1fr; column-gap: 4mm; row-gap: 3px; margin: 0; }}
dt {{ font-weight: bold; color: #555; }}
dd {{ margin: 0; border-bottom: 1px solid #ccc; min-height: 11px; }}
dt.wide {{ grid-column: 1 / -1; }}
dd.wide {{ grid-column: 1 / -1; }}
dd.na {{ color: #999; font-style: italic; }}
.chip {{ border: 1px solid #2b5797; border-radius: 8px; padding: 0 6px; }}
ul.opts {{ list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(3, 1fr); }}
ul.opts li.off {{ color: #888; }}
ul.opts li.on {{ font-weight: bold; }}
.agg {{ display: grid; grid-template-columns: 1fr 1fr; gap: 4px; }}
.ag {{ border: 1px solid #ccc; padding: 3px; }}
.k {{ color: #777; font-size: 7pt; }}
p {{ margin: 0 0 5px; }}
.foot {{ margin-top: 10px; font-size: 7pt; color: #777; }}
</style></head><body>
<div class=bar><span class=m>{esc(f.v['marking'])}</span><span>Submission {esc(f.header_ref())} \u00b7 Printed {printed}</span></div>
<h1>{esc(f.v['title'])}</h1><div>{esc(f.v['org'])}</div><p class=foot>{esc(f.v['guidance'])}</p>
{''.join(parts)}
<div class=foot>This is a printout of an online form. Fields shown as \u201c{esc(not_ans)}\u201d were left empty.</div>
</body></html>"""


def chromium_pdf(html_text: str, out: Path):
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "form.html"
        src.write_text(html_text, encoding="utf-8")
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               f"--user-data-dir={td}/profile", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
               f"--print-to-pdf={out}", src.as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    normalise_pdf(out)


def normalise_pdf(path: Path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject
    r = PdfReader(str(path))
    w = PdfWriter(clone_from=r)
    w._info = None
    w.add_metadata({"/Producer": "unseen5", "/CreationDate": "D:20260302090000Z", "/ModDate": "D:20260302090000Z"})
    try:
        w._ID = ArrayObject([ByteStringObject(b"unseen5-fixed-id"), ByteStringObject(b"unseen5-fixed-id")])
    except Exception:
        pass
    with open(path, "wb") as fh:
        w.write(fh)


# ---------------------------------------------------------------------------
# L-SECT and L-SAFER: the Word layouts printed to PDF by LibreOffice (form fields flattened to text)
# ---------------------------------------------------------------------------

def soffice_pdf(docs: list[Path], outdir: Path):
    if not docs:
        return
    with tempfile.TemporaryDirectory() as td:
        filt = 'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"false"}}'
        subprocess.run(["soffice", f"-env:UserInstallation=file://{td}/lo", "--headless", "--convert-to", filt,
                        "--outdir", str(outdir), *map(str, docs)], check=True, capture_output=True, timeout=600)
    for d in docs:
        normalise_pdf(outdir / (d.stem + ".pdf"))


# ---------------------------------------------------------------------------
# Plan, build, check
# ---------------------------------------------------------------------------

LAYOUTS = {
    # layout: (format, vocabularies, builder, max children, unsupported fields)
    "D-MARGIN": ("docx", ["thornbury_cspr", "glenbervie_icr"], build_d_margin, 3, ()),
    "D-HGRID": ("docx", ["marlow_yjs", "kesteven_cdop"], build_d_hgrid, 3, ()),
    "D-SECT": ("docx", ["brackenfield_sections", "holloway_notify"], build_d_sect, 3, ()),
    "D-SAFER": ("docx", ["saltmarsh_safer"], build_d_safer, 1, ()),
    "D-LETTER": ("docx", ["carrick_early", "harbour_charity"], build_d_letter, 2, ()),
    "D-MATRIX": ("docx", ["harbour_charity", "kesteven_cdop"], build_d_matrix, 2, ()),
    "P-3COL": ("pdf", ["thornbury_cspr", "glenbervie_icr"], build_p_3col, 3, ()),
    "P-LAND": ("pdf", ["marlow_yjs", "kesteven_cdop"], build_p_land, 3, ()),
    "H-GRID": ("pdf", ["carrick_early", "holloway_notify", "harbour_charity"], None, 3, ()),
    "F-RADIO": ("pdf", ["holloway_notify", "kesteven_cdop", "thornbury_cspr"], build_f_radio, 2, ()),
    "L-SECT": ("pdf", ["brackenfield_sections"], build_d_sect, 3, ()),
    "L-SAFER": ("pdf", ["saltmarsh_safer"], build_d_safer, 1, ()),
}

LAYOUT_TEXT = {
    "D-MARGIN": "Word: no table - each label hangs in a left margin column (hanging indent + tab stop), the answer runs in the wide right column; continuation lines are indented paragraphs; sections repeat per child; answers may spill over pages",
    "D-HGRID": "Word, landscape: horizontal tables - one column per field, one row per child (identity table and services table) and one row per person (referrer, safeguarding lead); an Age column is always printed beside the DOB; incident type and criteria ticked in option columns",
    "D-SECT": "Word: lettered sections (Section B \u2014 About the child, Section C \u2014 About the referrer ...) with short sub-labels that repeat (Name, Date of birth, Email); answers in content controls (plain text, date pickers with w:fullDate, drop-downs, w14 checkbox pairs, block rich-text); blank ones show their placeholder",
    "D-SAFER": "Word: SAFER sentence-completion script (\"This is (your name): ...\") with legacy FORMTEXT / FORMCHECKBOX fields, protected for forms; unfilled fields are five en spaces",
    "D-LETTER": "Word: a cover-letter page (letterhead, dates, 'Re:' line - not part of the record) then Label | Answer | Guidance tables; grey 'e.g.' examples beside blank and filled answers; Y/N answers, unanswered shown as 'Y / N'; header reference and 'Received:' line, footer version dates",
    "D-MATRIX": "Word: Part 1 is a matrix of ticks (Yes | No | Not known columns, option lists for gender and incident type); Part 2 numbered label | value rows",
    "P-3COL": "PDF (reportlab): three newspaper columns over two or more pages; bold labels inline or above the value; header with reference and a 'Printed <date>' footer",
    "P-LAND": "PDF (reportlab), landscape: horizontal tables - one row per child, one row per person, a one-row incident table and a one-row criteria table; grey 'e.g.' examples in blank cells",
    "H-GRID": "PDF printed by headless Chromium from an HTML form laid out with CSS grid (label | value | label | value definition lists, wide rows for long text, agency cards); empty answers print 'Not answered' or an em dash; chosen incident type marked with a tick glyph",
    "F-RADIO": "PDF: fillable AcroForm with flat generic field names (Text12, Radio Button3, List Box1); yes/no and gender as radio groups (exports Yes / No / Unknown, Female / Male / ...), incident type as a list box; tooltips carry the labels and half the forms print no labels at all (only numbers)",
    "L-SECT": "PDF: the D-SECT Word form printed by LibreOffice; placeholders ('Click or tap here to enter text.') appear as text and mean blank; checkboxes are \u2612/\u2610 glyphs",
    "L-SAFER": "PDF: the D-SAFER Word form printed by LibreOffice (legacy fields flattened; blank fields are runs of spaces)",
}


def plan(seed: int, count: int):
    rng = random.Random(seed)
    names = list(LAYOUTS)
    items = []
    per = {k: 0 for k in names}
    for i in range(count):
        layout = names[i % len(names)]
        vocs = LAYOUTS[layout][1]
        vname = vocs[per[layout] % len(vocs)]
        per[layout] += 1
        items.append((f"u5_{i + 1:03d}", layout, vname, rng.randrange(1 << 30)))
    return items


def build_one(item, forms_dir: Path, tmp_dir: Path):
    stem, layout, vname, s = item
    rng = random.Random(s)
    fmt_, _, builder, maxc, unsupported = LAYOUTS[layout]
    nkids = rng.choices([1, 2, 3], [10, 4, 2])[0] if maxc > 1 else 1
    nkids = min(nkids, maxc)
    case = make_case(rng, VOCABS[vname], nkids)
    f = Form(stem, layout, vname, case, rng, unsupported, maxc)
    if layout in ("L-SECT", "L-SAFER"):
        src = tmp_dir / f"{stem}.docx"
        builder(f, src)
        out = forms_dir / f"{stem}.pdf"
        f.notes["source"] = "docx printed by LibreOffice"
        return f, out, src
    out = forms_dir / f"{stem}.{fmt_}"
    if layout == "H-GRID":
        return f, out, build_h_grid_html(f)
    builder(f, out)
    return f, out, None


# --- text extraction for the self-check -------------------------------------

def norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def docx_text(path: Path) -> str:
    from lxml import etree
    z = zipfile.ZipFile(path)
    out = []
    for nm in z.namelist():
        if nm.startswith("word/") and nm.endswith(".xml") and ("document" in nm or "header" in nm or "footer" in nm):
            root = etree.fromstring(z.read(nm))
            out.append("".join(root.itertext()))
    return "\n".join(out)


def pdf_text(path: Path, regions=None) -> str:
    import pdfplumber
    from pypdf import PdfReader
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            if regions:
                for x0, y0, x1, y1 in regions:
                    H = page.height
                    out.append(page.crop((x0 - 1, H - y1 - 1, x1 + 1, H - y0 + 1)).extract_text() or "")
    from pdfminer.high_level import extract_text as miner_text
    out.append(miner_text(str(path)))  # layout-grouped text boxes: keeps a wrapped table cell together
    fields = PdfReader(str(path)).get_fields() or {}
    for k, v in fields.items():
        val = v.get("/V")
        if val is not None:
            out.append(str(val))
    return "\n".join(out)


def check_one(truth: dict, text: str, schema) -> list[str]:
    import jsonschema
    errs = []
    try:
        jsonschema.validate(truth["record"], schema)
    except jsonschema.ValidationError as e:
        errs.append(f"schema: {e.message}")
    T = norm(text)
    Tdig = re.sub(r"\D", "", text)
    rec = truth["record"]
    spec = truth["notes"].get("_check", {})

    def need(label, s):
        if norm(s) and norm(s) not in T:
            errs.append(f"{label}: {s!r} not in text")

    def need_date(label, iso):
        if iso and not any(norm(r) in T for r in all_date_renderings(iso)):
            errs.append(f"{label}: date {iso} not in text")

    need_date("date_of_referral", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        for k in ("name", "role", "agency", "email"):
            if p[k]:
                need(f"{who}.{k}", p[k])
        if p["phone"] and p["phone"].lstrip("+") not in Tdig and p["phone"].lstrip("+")[2:] not in Tdig:
            errs.append(f"{who}.phone: {p['phone']} not in text")
    for i, c in enumerate(rec["children"]):
        split = spec.get("split_names", [])
        if c["name"]:
            if i < len(split) and split[i]:
                need(f"child{i}.forename", split[i][0])
                need(f"child{i}.surname", split[i][1])
            else:
                need(f"child{i}.name", c["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            if c[k]:
                need(f"child{i}.{k}", c[k])
        if c["address"]:
            for line in spec.get("addr_lines", [[]] * 9)[i] or [c["address"]]:
                need(f"child{i}.address", line)
        need_date(f"child{i}.dob", c["dob"])
        need_date(f"child{i}.date_of_death", c["date_of_death"])
    inc = rec["incident"]
    need_date("incident.date", inc["date"])
    need_date("incident.date_la_aware", inc["date_la_aware"])
    if inc["location"]:
        need("incident.location", inc["location"])
    if inc["summary"]:
        for para in inc["summary"].split("\n\n"):
            need("incident.summary", para)
    if rec["criteria"]["reason"]:
        need("criteria.reason", rec["criteria"]["reason"])
    need_date("date_panel_notified", rec["date_panel_notified"])
    for j, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]:
                need(f"agencies[{j}].{k}", a[k])
    if rec["immediate_concerns"]:
        need("immediate_concerns", rec["immediate_concerns"])
    return errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--count", type=int, default=80)
    args = ap.parse_args(argv)
    t0 = time.time()
    forms_dir, truth_dir = args.outdir / "forms", args.outdir / "truth"
    for dd_ in (forms_dir, truth_dir):
        if dd_.exists():
            shutil.rmtree(dd_)
        dd_.mkdir(parents=True)
    schema_path = next(p for p in [HERE.parents[1].parent / "shared" / "referral.schema.json",
                                   Path("/work/shared/referral.schema.json"), HERE.parents[1] / "shared" / "referral.schema.json"]
                       if p.exists())
    schema = json.loads(schema_path.read_text())
    _sdt_id[0] = 100
    _ff[0] = 0
    items = plan(args.seed, args.count)
    built = []
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        lo_docs, html_jobs = [], []
        for item in items:
            f, out, extra = build_one(item, forms_dir, tmp)
            built.append((f, out))
            if isinstance(extra, Path):
                lo_docs.append(extra)
            elif isinstance(extra, str):
                html_jobs.append((extra, out))
        soffice_pdf(lo_docs, forms_dir)
        with ThreadPoolExecutor(max_workers=2) as ex:
            list(ex.map(lambda j: chromium_pdf(*j), html_jobs))
    failures = 0
    counts: dict = {}
    for f, out in built:
        rec = f.record()
        split = [(c["first"], c["last"]) if not f.asks("c_name") else None for c in f.case["children"]]
        addr_lines = [f.stated("c_addr", ci) for ci in range(len(f.case["children"]))]
        notes = dict(f.notes)
        notes["children"] = len(rec["children"])
        truth = {"file": out.name, "layout": f.layout, "vocabulary": f.vname, "expect_status": "parsed",
                 "expect_reason": None, "record": rec, "notes": notes}
        text = docx_text(out) if out.suffix == ".docx" else pdf_text(out, notes.get("text_regions"))
        chk = dict(truth, notes=dict(notes, _check={"split_names": split, "addr_lines": addr_lines}))
        errs = check_one(chk, text, schema)
        if errs:
            failures += 1
            print(f"CHECK FAILED {out.name} ({f.layout}/{f.vname}):", *errs[:8], sep="\n  ")
        (truth_dir / f"{out.stem}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
        counts.setdefault((f.vname, f.layout), 0)
        counts[(f.vname, f.layout)] += 1
    nd = sum(1 for f, o in built if o.suffix == ".docx")
    print(f"wrote {len(built)} forms ({nd} docx, {len(built) - nd} pdf) to {args.outdir} in {time.time() - t0:.1f}s; "
          f"self-check failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
