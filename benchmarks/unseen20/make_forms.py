#!/usr/bin/env python3
"""unseen20 held-out Case Referral Form generator (standalone; imports nothing from the project).

    python make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u20_NNN.docx|.pdf and OUTDIR/truth/u20_NNN.json, then self-checks.
"""
import argparse, datetime as dt, io, json, os, random, re, shutil, sys, time, unicodedata, zipfile
from xml.sax.saxutils import escape as _esc

# ----------------------------------------------------------------------------------------------
# dates, phones, names
# ----------------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def ordinal(n):
    return "%d%s" % (n, "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_short":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "abbr":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "ordinal":
        return "%s %s %d" % (ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "wkday":
        return "%s %d %s %d" % (WD[d.weekday()], d.day, MONTHS[d.month - 1][:3], d.year)
    raise ValueError(style)


ALL_STYLES = ["slash", "slash_short", "long", "abbr", "ordinal", "dash", "dots", "wkday"]

F_NAMES = ["Amelia", "Isla", "Freya", "Poppy", "Ruby", "Evie", "Maisie", "Darcey", "Lacey", "Skye", "Hollie",
           "Nadia", "Zainab", "Aaliyah", "Kacey", "Tia", "Leah", "Esme", "Ivy", "Summer", "Orla", "Mia", "Jodie"]
M_NAMES = ["Harley", "Kai", "Riley", "Tyler", "Mason", "Alfie", "Reggie", "Ollie", "Zayn", "Ibrahim", "Kaden",
           "Jayden", "Finley", "Rhys", "Callum", "Leon", "Bailey", "Ethan", "Logan", "Brody", "Tomas", "Dylan"]
ADULT_F = ["Joanne", "Sarah", "Kirsty", "Helen", "Rachel", "Gemma", "Claire", "Lisa", "Nicola", "Amanda",
           "Priya", "Farah", "Bethan", "Louise", "Karen", "Dawn", "Michelle", "Siobhan"]
ADULT_M = ["Gareth", "Stuart", "Craig", "Darren", "Neil", "Imran", "Paul", "Martin", "Lee", "Adrian", "Simon",
           "Wayne", "Colin", "Rob", "Tariq", "Graham"]
SURNAMES = ["Hebden", "Lockwood", "Ashworth", "Pennock", "Thwaite", "Garside", "Crowther", "Haigh", "Sutcliffe",
            "Brierley", "Kershaw", "Marsden", "Oldroyd", "Raistrick", "Tordoff", "Womersley", "Hussain", "Begum",
            "Nowak", "Kowalski", "Okafor", "Mensah", "Duffy", "Quinlan", "McAvoy", "Pryce", "Lloyd-Evans",
            "Fairclough", "Entwistle", "Greenhalgh", "Ainsworth", "Dobson", "Iqbal", "Varga"]
STREETS = ["Ferncliffe Road", "Tanners Row", "Beck Lane", "Cinder Hill", "Mill Brow", "Sowerby Close",
           "Prospect Terrace", "Hollin Way", "Jubilee Crescent", "Foundry Street", "Larch Avenue", "Kiln Court",
           "Weaver Walk", "Nab End", "Clough Drive", "Orchard Rise"]
ETHNICITIES = ["White British", "White Irish", "Gypsy/Roma", "Any other White background", "Indian", "Pakistani",
               "Bangladeshi", "Black African", "Black Caribbean", "Chinese", "Mixed White and Black Caribbean",
               "Mixed White and Asian", "Any other ethnic group"]
DISABILITIES = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Global developmental delay",
                "Hearing impairment", "Type 1 diabetes", "Cerebral palsy", "Speech and language delay",
                "Epilepsy", "Learning disability (moderate)"]
LEGAL = ["Section 20 (accommodated)", "Interim care order", "Child in need", "Special guardianship order",
         "Child arrangements order", "None known", "Care order (s31)"]
PHONE_BASES = ["0113 496 0", "0114 496 0", "0115 496 0", "0116 496 0", "0117 496 0", "0118 496 0",
               "0121 496 0", "0151 496 0", "0161 496 0", "0191 498 0", "020 7946 0"]


def phone(rng, mobile=None):
    if mobile or (mobile is None and rng.random() < 0.35):
        return "07700 900%03d" % rng.randrange(1000)
    return rng.choice(PHONE_BASES) + "%03d" % rng.randrange(1000)


def phone_display(rng, p):
    style = rng.random()
    if style < 0.55:
        return p
    digits = p.replace(" ", "")
    if style < 0.7:
        return digits
    if style < 0.85 and not digits.startswith("07"):
        parts = p.split(" ")
        return "(%s) %s" % (parts[0], " ".join(parts[1:]))
    return "+44 " + p[1:]


def phone_truth(disp):
    return ("+" if disp.strip().startswith("+") else "") + re.sub(r"\D", "", disp)


# ----------------------------------------------------------------------------------------------
# senders (vocabularies)
# ----------------------------------------------------------------------------------------------
BASE = {
    "s_ref": "Referrer details", "date": "Date of referral", "ref_name": "Name", "ref_role": "Role",
    "ref_agency": "Organisation", "ref_email": "Email", "ref_phone": "Telephone",
    "s_lead": "Safeguarding lead", "lead_name": "Name", "lead_role": "Role", "lead_agency": "Organisation",
    "lead_email": "Email", "lead_phone": "Telephone",
    "discussed": "Have you discussed this referral with your safeguarding lead?",
    "s_child": "Child details", "c_name": "Child's name", "c_first": "First name", "c_last": "Surname",
    "c_other": "Other names used", "c_dob": "Date of birth", "c_age": "Age (if date of birth not known)",
    "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Home address", "c_school": "School / nursery",
    "c_gp": "GP", "c_legal": "Legal status",
    "c_cp": "Is the child, or has the child been, subject to a child protection plan?",
    "c_csc": "Is the child open to children's social care?", "c_lac": "Is the child looked after?",
    "c_dis": "Disability", "c_dod": "Date of death (if applicable)",
    "s_inc": "The incident", "i_date": "Date of incident", "i_la": "Date the local authority became aware",
    "i_loc": "Where did it happen?", "i_type": "Type of incident", "i_summary": "Summary of what happened",
    "i_police": "Are the police involved?",
    "s_crit": "Criteria", "cr_died": "The child has died or been seriously harmed",
    "cr_abuse": "Abuse or neglect is known or suspected",
    "cr_local": "The child normally lives in our area, or the incident happened here",
    "cr_learning": "There may be learning for more than one agency",
    "cr_reason": "Why do you think the criteria are met?",
    "s_panel": "National Panel", "panel": "Has the Child Safeguarding Practice Review Panel been notified?",
    "panel_date": "Date the Panel was notified",
    "s_ag": "Other agencies involved", "ag_name": "Name", "ag_agency": "Agency", "ag_contact": "Contact details",
    "s_conc": "Immediate concerns", "concerns": "Are there any immediate concerns for this or other children?",
}

ITYPES_A = [("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
            ("Death of a looked after child", "lac_death"), ("Death of a care leaver (under 25)", "care_leaver_death"),
            ("Other (please specify)", "other")]
ITYPES_B = [("Child death", "death"), ("Serious harm", "serious_harm"), ("Death of a child in care", "lac_death"),
            ("Death of a care leaver", "care_leaver_death"), ("Other", "other")]
ITYPES_C = [("Death", "death"), ("Serious harm", "serious_harm"),
            ("Death of a looked after child", "lac_death"),
            ("Death of a care leaver aged 18 to 24", "care_leaver_death"), ("Other serious incident", "other")]

SENDERS = [
    dict(key="thistledown_riding", org="Thistledown Equestrian Centre", dom="thistledown-equestrian.co.uk",
         partnership="Thistledown and Wyre Safeguarding Children Partnership", pshort="TWSCP",
         pmail="twscp.reviews@wyre-vale.gov.uk", pphone="01632 960411",
         title="Request for consideration of a Rapid Review - welfare concern at a riding centre",
         ref="TWSCP/RR1", marking="OFFICIAL-SENSITIVE (when complete)", dstyle="long", dobstyle="slash",
         yn=("Yes", "No", "Not known"), gw=("Girl", "Boy", "Other"), split=True, surname_first=False,
         itypes=ITYPES_A, not_asked={"c_gp", "c_legal"},
         roles=["Riding instructor", "Yard manager", "Stable hand / groom", "RDA session coach"],
         lead_roles=["Centre Safeguarding Officer", "Proprietor and Safeguarding Officer"],
         locs=["Indoor arena", "Yard and tack room", "Car park by the lorry park", "Pony paddock", "Rider's home (reported)"],
         decoys=[("Rider membership no.", "ref"), ("Date of last lesson", "date"), ("Parent who booked", "name"),
                 ("Pony loan agreement ends", "date")], decoy_title="Rider record",
         lab={"s_ref": "1. About you", "date": "Date form completed", "ref_name": "Your name",
              "ref_role": "Your role at the centre", "ref_agency": "Centre / yard", "ref_email": "Email address",
              "ref_phone": "Best contact number", "s_lead": "2. Centre Safeguarding Officer",
              "lead_name": "Safeguarding Officer's name", "lead_role": "Their role",
              "lead_agency": "Their organisation", "lead_email": "Their email", "lead_phone": "Their phone",
              "discussed": "Has the Safeguarding Officer agreed to this referral?",
              "s_child": "3. The rider (child)", "c_first": "Rider's first name", "c_last": "Rider's surname",
              "c_other": "Known as", "c_dob": "Date of birth", "c_age": "Age (if DOB not known)",
              "c_gender": "Girl / Boy / Other", "c_eth": "Ethnic origin", "c_addr": "Home address",
              "c_school": "School", "c_cp": "Subject to a child protection plan (now or before)?",
              "c_csc": "Known to children's social care?", "c_lac": "Is the rider a looked after child?",
              "c_dis": "Disability / additional needs (e.g. RDA rider)", "c_dod": "Date of death (if applicable)",
              "s_inc": "4. What happened", "i_date": "Date of the incident",
              "i_la": "Date children's services were told", "i_loc": "Where it happened",
              "i_type": "Reason for this referral", "i_summary": "Please describe what happened",
              "i_police": "Were the police called?", "s_crit": "5. Rapid Review criteria",
              "cr_reason": "Why you think this meets the criteria", "s_panel": "6. Panel notification",
              "panel": "Do you know if the national Panel has been notified?", "panel_date": "If yes, date notified",
              "s_ag": "7. Other agencies we know are involved", "ag_name": "Contact name",
              "ag_agency": "Organisation", "ag_contact": "Phone or email",
              "s_conc": "8. Right now", "concerns": "Is any child at risk right now? What has been done?"}),
    dict(key="hearthfield_catering", org="Hearthfield School Catering Ltd", dom="hearthfieldcatering.co.uk",
         partnership="Hearthfield and Coldbeck Safeguarding Partnership", pshort="HCSP",
         pmail="hcsp.casereview@coldbeck.gov.uk", pphone="0191 498 0777",
         title="Safeguarding referral - serious incident (catering staff)", ref="HCSP-SR/04",
         marking="OFFICIAL - SENSITIVE", dstyle="slash", dobstyle="slash",
         yn=("Yes", "No", "Don't know"), gw=("Female", "Male", "Other"), split=False, itypes=ITYPES_B,
         not_asked={"c_gp", "c_legal", "c_eth", "c_dod"},
         roles=["Cook in charge", "Kitchen assistant", "Catering supervisor", "Lunchtime server"],
         lead_roles=["Area Manager (Safeguarding Lead)", "Head of Operations and DSL"],
         locs=["School dining hall", "Kitchen servery", "Breakfast club room", "School gate at lunchtime"],
         decoys=[("Site / contract number", "ref"), ("Date of last stock delivery", "date"),
                 ("School business manager", "name"), ("Free school meals check date", "date")],
         decoy_title="Contract details",
         lab={"s_ref": "Person completing this form", "date": "Date", "ref_name": "Name of staff member",
              "ref_role": "Job title", "ref_agency": "Company / school site", "ref_email": "Work email",
              "ref_phone": "Contact number", "s_lead": "Designated Safeguarding Lead (company)",
              "lead_name": "DSL name", "lead_role": "DSL job title", "lead_agency": "DSL organisation",
              "lead_email": "DSL email", "lead_phone": "DSL telephone",
              "discussed": "Discussed with the DSL before sending?", "s_child": "Pupil details",
              "c_name": "Pupil's name", "c_other": "Other name(s) / known as", "c_dob": "Date of Birth",
              "c_age": "Approximate age", "c_gender": "Sex", "c_addr": "Address (if known)",
              "c_school": "School attended", "c_cp": "On a child protection plan?",
              "c_csc": "Has a social worker?", "c_lac": "In care?", "c_dis": "Special dietary / medical needs",
              "s_inc": "Incident", "i_date": "Date of incident",
              "i_la": "Date the council (children's services) was informed", "i_loc": "Location",
              "i_type": "Category", "i_summary": "What did you see or hear?", "i_police": "Police involved?",
              "s_crit": "Criteria (please answer each)", "cr_reason": "Reasons the criteria are met",
              "s_panel": "Panel", "panel": "Has the national Panel been notified?", "panel_date": "Date notified",
              "s_ag": "Agencies involved", "ag_name": "Name", "ag_agency": "Agency", "ag_contact": "Tel / email",
              "s_conc": "Immediate risk", "concerns": "Any immediate risk to this pupil or others?"}),
    dict(key="marlpit_envhealth", org="Marlpit District Council - Environmental Health (Private Sector Housing)",
         dom="marlpit.gov.uk", partnership="Marlpit and Hoby Safeguarding Children Partnership", pshort="MHSCP",
         pmail="mhscp.cspr@hoby.gov.uk", pphone="0116 496 0250",
         title="Notification of a serious child safeguarding incident - housing standards",
         ref="MHSCP N1", marking="OFFICIAL-SENSITIVE", dstyle="dots", dobstyle="slash",
         yn=("YES", "NO", "NOT KNOWN"), gw=("F", "M", "Other"), split=True, surname_first=True,
         itypes=ITYPES_C, not_asked={"c_school", "c_dis"},
         roles=["Environmental Health Officer", "Senior EHO", "Technical Officer (HMO licensing)",
                "Housing Standards Officer"],
         lead_roles=["Team Leader - Private Sector Housing", "Service Safeguarding Champion"],
         locs=["Rented flat (HMO), rear bedroom", "Stairwell of the property", "Property kitchen",
               "Basement flat"],
         decoys=[("HHSRS case number", "ref"), ("Date of inspection", "date"), ("Landlord / managing agent", "name"),
                 ("Improvement notice expiry", "date")], decoy_title="Housing enforcement record",
         lab={"s_ref": "SECTION A - NOTIFYING OFFICER", "date": "Date of notification",
              "ref_name": "Officer name", "ref_role": "Designation", "ref_agency": "Service / council",
              "ref_email": "E-mail", "ref_phone": "Tel", "s_lead": "SECTION B - LINE MANAGER / SAFEGUARDING CONTACT",
              "lead_name": "Name", "lead_role": "Designation", "lead_agency": "Service",
              "lead_email": "E-mail", "lead_phone": "Tel",
              "discussed": "Referral agreed with line manager?", "s_child": "SECTION C - CHILD",
              "c_last": "Family name", "c_first": "Given names", "c_other": "Other known as names",
              "c_dob": "D.O.B.", "c_age": "Age (if D.O.B. not known)", "c_gender": "Gender (F/M)",
              "c_eth": "Ethnic group", "c_addr": "Address of property", "c_gp": "GP (if known)",
              "c_legal": "Legal status", "c_cp": "Is/was subject to Child Protection Plan",
              "c_csc": "Known to Children's Social Care", "c_lac": "Looked after child",
              "c_dod": "Date of death", "s_inc": "SECTION D - INCIDENT", "i_date": "Date of incident",
              "i_la": "Date LA became aware", "i_loc": "Location within property",
              "i_type": "Nature of incident", "i_summary": "Brief information (facts only)",
              "i_police": "Police attended?", "s_crit": "SECTION E - CRITERIA",
              "cr_reason": "Grounds on which the criteria may be met", "s_panel": "SECTION F - PANEL",
              "panel": "Panel notified by LA?", "panel_date": "Date of Panel notification",
              "s_ag": "SECTION G - OTHER AGENCIES", "ag_name": "Officer", "ag_agency": "Agency",
              "ag_contact": "Contact", "s_conc": "SECTION H - IMMEDIATE CONCERNS",
              "concerns": "Immediate concerns / action taken"}),
    dict(key="shearwater_salon", org="Shearwater Hair & Beauty Academy", dom="shearwateracademy.co.uk",
         partnership="Shearwater Bay Children's Safeguarding Partnership", pshort="SBCSP",
         pmail="safeguarding.reviews@shearwaterbay.gov.uk", pphone="0117 496 0900",
         title="Tell us about a serious safeguarding incident", ref="SBCSP-TU2", marking="CONFIDENTIAL WHEN COMPLETED",
         dstyle="abbr", dobstyle="slash_short", yn=("Yes", "No", "Not sure"), gw=("Female", "Male", "Non-binary"),
         split=False, itypes=ITYPES_B, not_asked={"c_legal", "c_gp", "c_dod"},
         roles=["Senior stylist", "Salon manager", "Beauty therapist", "Apprentice tutor (hair)"],
         lead_roles=["Academy Safeguarding Lead", "Salon Director (DSL)"],
         locs=["Salon floor", "Training academy classroom", "Client's home (mobile appointment)", "Staff room"],
         decoys=[("Client booking ref", "ref"), ("Appointment date", "date"), ("Client (adult) name", "name"),
                 ("Next appointment", "date")], decoy_title="Appointment record",
         lab={"s_ref": "About you", "date": "Today's date", "ref_name": "Your name", "ref_role": "What you do",
              "ref_agency": "Salon / academy", "ref_email": "Your email", "ref_phone": "Your phone number",
              "s_lead": "Your safeguarding lead", "lead_name": "Lead's name", "lead_role": "Lead's role",
              "lead_agency": "Lead's salon / academy", "lead_email": "Lead's email", "lead_phone": "Lead's phone",
              "discussed": "Have you talked this through with your safeguarding lead?",
              "s_child": "About the young person", "c_name": "Young person's name",
              "c_other": "Any other names they use", "c_dob": "Date of birth", "c_age": "Age if DOB not known",
              "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Where do they live?",
              "c_school": "School or college", "c_cp": "Are they on a child protection plan, or have they been?",
              "c_csc": "Do they have a social worker?", "c_lac": "Are they in care?",
              "c_dis": "Any disability or additional needs?", "s_inc": "What happened",
              "i_date": "When did it happen?", "i_la": "When did children's services find out?",
              "i_loc": "Where did it happen?", "i_type": "What kind of incident is it?",
              "i_summary": "Tell us what happened", "i_police": "Are the police involved?",
              "s_crit": "Does it meet the criteria?", "cr_reason": "Why do you think so?",
              "s_panel": "The national Panel", "panel": "Has anyone told the national Panel?",
              "panel_date": "When?", "s_ag": "Who else is involved?", "ag_name": "Name", "ag_agency": "Where they work",
              "ag_contact": "How to contact them", "s_conc": "Worries right now",
              "concerns": "Is anyone in danger right now?"}),
    dict(key="dunmere_immunisation", org="Dunmere School Aged Immunisation Service (Dunmere Community Health NHS Trust)",
         dom="nhs.net", partnership="Dunmere Safeguarding Children Partnership", pshort="DSCP",
         pmail="dscp.rapidreview@dunmere.gov.uk", pphone="0114 496 0321",
         title="Referral for Rapid Review / LCSPR consideration", ref="DSCP RR-REF v3", marking="OFFICIAL: SENSITIVE",
         dstyle="slash", dobstyle="slash", yn=("Y", "N", "Unknown"), gw=("F", "M", "Other"), split=True,
         surname_first=True, itypes=ITYPES_A, not_asked={"c_dod"},
         roles=["Immunisation Nurse", "Band 6 Immunisation Nurse", "Healthcare Assistant (SAIS)", "Team Lead Nurse"],
         lead_roles=["Named Nurse Safeguarding Children", "Safeguarding Children Specialist Nurse"],
         locs=["School immunisation session (sports hall)", "Community catch-up clinic", "Home visit",
               "School medical room"],
         decoys=[("NHS number", "ref"), ("Date of last vaccination", "date"), ("Consent given by", "name"),
                 ("Catch-up clinic date", "date")], decoy_title="Clinical record",
         lab={"s_ref": "Referrer", "date": "Date of referral", "ref_name": "Name of referrer", "ref_role": "Designation",
              "ref_agency": "Service / Trust", "ref_email": "NHS.net email", "ref_phone": "Tel. number",
              "s_lead": "Named / specialist safeguarding professional", "lead_name": "Name",
              "lead_role": "Designation", "lead_agency": "Trust", "lead_email": "Email", "lead_phone": "Tel.",
              "discussed": "Discussed with Named Nurse / safeguarding team? (Y/N)", "s_child": "Patient details",
              "c_last": "Patient surname", "c_first": "Patient forename(s)", "c_other": "Alias / previous names",
              "c_dob": "DOB", "c_age": "Age (if DOB unknown)", "c_gender": "Sex (F/M)", "c_eth": "Ethnic category",
              "c_addr": "Address", "c_school": "School (session site)", "c_gp": "Registered GP",
              "c_legal": "Legal status (CIN / CP / CLA / none)", "c_cp": "CP plan current or previous? (Y/N)",
              "c_csc": "Open to CSC? (Y/N)", "c_lac": "Child looked after? (Y/N)", "c_dis": "Disability / health needs",
              "s_inc": "Incident", "i_date": "Date of incident", "i_la": "Date LA aware",
              "i_loc": "Place of incident", "i_type": "Notification category", "i_summary": "Case outline",
              "i_police": "Police involved? (Y/N)", "s_crit": "Criteria (Y/N)",
              "cr_died": "Child died or seriously harmed", "cr_abuse": "Abuse or neglect known or suspected",
              "cr_local": "Resident in / incident in the area", "cr_learning": "Potential multi-agency learning",
              "cr_reason": "Rationale", "s_panel": "National Panel",
              "panel": "Serious incident notification made to the Panel? (Y/N)", "panel_date": "Date of notification",
              "s_ag": "Agencies / professionals involved", "ag_name": "Name", "ag_agency": "Agency / team",
              "ag_contact": "Tel / email", "s_conc": "Immediate safety", "concerns": "Immediate safety concerns"}),
    dict(key="palladium_cinemas", org="Regent Palladium Cinemas Ltd", dom="regentpalladium.co.uk",
         partnership="Castlegate and Ouse Bank Safeguarding Children Partnership", pshort="COBSCP",
         pmail="cobscp.reviews@castlegate.gov.uk", pphone="0113 496 0088",
         title="Serious safeguarding incident - referral to the Safeguarding Partnership", ref="COB/SIR/2",
         marking="RESTRICTED (when completed)", dstyle="wkday", dobstyle="slash",
         yn=("Yes", "No", "Unknown"), gw=("Female", "Male", "Other"), split=False, itypes=ITYPES_C,
         not_asked={"c_gp", "c_legal", "c_school", "c_dod"},
         roles=["Duty Manager", "Team Member (front of house)", "General Manager", "Projection and Facilities Supervisor"],
         lead_roles=["Regional Safeguarding Manager", "Head of Guest Safety (Safeguarding Lead)"],
         locs=["Screen 4", "Foyer and concessions", "Customer toilets (ground floor)", "Car park behind the cinema"],
         decoys=[("Incident log number", "ref"), ("Date CCTV saved", "date"), ("Adult with the child", "name"),
                 ("Date of ban letter", "date")], decoy_title="Cinema incident log",
         lab={"s_ref": "Reporting team member", "date": "Date of report", "ref_name": "Team member name",
              "ref_role": "Position", "ref_agency": "Cinema", "ref_email": "Email", "ref_phone": "Cinema phone",
              "s_lead": "Safeguarding Manager", "lead_name": "Manager name", "lead_role": "Manager position",
              "lead_agency": "Manager's organisation", "lead_email": "Manager email", "lead_phone": "Manager phone",
              "discussed": "Safeguarding Manager consulted?", "s_child": "Child / young person",
              "c_name": "Full name (as given)", "c_other": "Nickname / other names",
              "c_dob": "Date of birth", "c_age": "Estimated age", "c_gender": "Gender", "c_eth": "Ethnicity (as described)",
              "c_addr": "Address given", "c_cp": "Child protection plan (known)?",
              "c_csc": "Known to social care?", "c_lac": "Looked after?", "c_dis": "Any vulnerability noticed",
              "s_inc": "The incident", "i_date": "Date of incident", "i_la": "Date council aware",
              "i_loc": "Where in the cinema", "i_type": "Incident type", "i_summary": "Incident description",
              "i_police": "Police attended?", "s_crit": "Review criteria", "cr_reason": "Reason for referral",
              "s_panel": "Panel", "panel": "National Panel notified?", "panel_date": "Date",
              "s_ag": "Agencies", "ag_name": "Contact", "ag_agency": "Agency", "ag_contact": "Number / email",
              "s_conc": "Ongoing risk", "concerns": "Is there any ongoing risk?"}),
    dict(key="forgewell_training", org="Forgewell Training (apprenticeship provider)", dom="forgewelltraining.co.uk",
         partnership="Forgewell and Dunstan Safeguarding Children Partnership", pshort="FDSCP",
         pmail="fdscp.cspr@dunstan.gov.uk", pphone="0121 496 0654",
         title="Case referral form - request for a Rapid Review", ref="FDSCP CRF-1", marking="OFFICIAL-SENSITIVE",
         dstyle="ordinal", dobstyle="slash", yn=("Yes", "No", "Not known"), gw=("Female", "Male", "Other"),
         split=True, surname_first=False, itypes=ITYPES_A, not_asked={"c_gp", "c_dod"},
         roles=["Skills Coach", "Apprenticeship Tutor", "Learner Support Officer", "Workplace Assessor"],
         lead_roles=["Designated Safeguarding Lead", "Deputy DSL and Quality Manager"],
         locs=["Employer's workshop", "Training centre, Room 3", "Apprentice's workplace (vehicle depot)",
               "Apprentice's lodgings"],
         decoys=[("ULN (unique learner number)", "ref"), ("Apprenticeship start date", "date"),
                 ("Employer line manager", "name"), ("Date of last progress review", "date")],
         decoy_title="Learner record",
         lab={"s_ref": "Part 1: Referrer", "date": "Date of Referral", "ref_name": "Name of Referrer",
              "ref_role": "Job Title", "ref_agency": "Agency", "ref_email": "Email Address",
              "ref_phone": "Telephone Number", "s_lead": "Part 2: Designated Safeguarding Lead",
              "lead_name": "DSL name", "lead_role": "Job Title", "lead_agency": "Agency",
              "lead_email": "Email Address", "lead_phone": "Telephone Number",
              "discussed": "Have you discussed this with your designated safeguarding lead?",
              "s_child": "Part 3: Apprentice / Child", "c_first": "First Name", "c_last": "Last Name",
              "c_other": "Any alternative name", "c_dob": "Date of Birth", "c_age": "Age",
              "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Home Address",
              "c_school": "Employer / place of learning", "c_legal": "Legal status (if known)",
              "c_cp": "Subject to a child protection plan now or previously?",
              "c_csc": "Open to Children's Social Care?", "c_lac": "Looked after / care leaver status?",
              "c_dis": "Learning difficulty or disability (EHCP?)", "s_inc": "Part 4: Incident",
              "i_date": "Date of incident", "i_la": "Date local authority aware", "i_loc": "Where did it take place",
              "i_type": "Type of incident", "i_summary": "Please outline the events and circumstances",
              "i_police": "Police involvement?", "s_crit": "Part 5: Criteria",
              "cr_reason": "Why you believe the case meets the criteria", "s_panel": "Part 6: Panel",
              "panel": "Has the Panel been notified?", "panel_date": "Date Panel notified",
              "s_ag": "Part 7: Agencies involved", "ag_name": "Name", "ag_agency": "Agency",
              "ag_contact": "Contact Details", "s_conc": "Part 8: Immediate concerns",
              "concerns": "Are there any immediate concerns? What action has been taken?"}),
    dict(key="greenacre_foodstores", org="Greenacre Foodstores Ltd (convenience stores)", dom="greenacrefood.co.uk",
         partnership="Greenacre and Pelham Safeguarding Children Partnership", pshort="GPSCP",
         pmail="gpscp.rr@pelham.gov.uk", pphone="0151 496 0140",
         title="Safeguarding Partnership referral - serious incident involving a child", ref="GPSCP/F7",
         marking="STRICTLY CONFIDENTIAL", dstyle="dash", dobstyle="slash",
         yn=("Yes", "No", "Unsure"), gw=("Female", "Male", "Other"), split=False, itypes=ITYPES_B,
         not_asked={"c_gp", "c_legal", "c_lac", "c_dod"},
         roles=["Store Manager", "Customer Assistant", "Assistant Store Manager", "Night Shift Leader"],
         lead_roles=["Area Safeguarding Lead", "Head of Security and Safeguarding"],
         locs=["Shop floor (aisle 2)", "Outside the store entrance", "Stock room", "Store car park"],
         decoys=[("Store number", "ref"), ("Date of previous incident", "date"), ("Security contractor on duty", "name"),
                 ("Till receipt date", "date")], decoy_title="Store details",
         lab={"s_ref": "Colleague completing this form", "date": "Date completed", "ref_name": "Colleague name",
              "ref_role": "Role in store", "ref_agency": "Store / company", "ref_email": "Store email",
              "ref_phone": "Store telephone", "s_lead": "Area Safeguarding Lead", "lead_name": "Name",
              "lead_role": "Role", "lead_agency": "Company", "lead_email": "Email", "lead_phone": "Phone",
              "discussed": "Area Safeguarding Lead aware and agrees?", "s_child": "Child",
              "c_name": "Name of child", "c_other": "Other names", "c_dob": "DOB", "c_age": "Approx. age",
              "c_gender": "Gender", "c_eth": "Ethnicity", "c_addr": "Home address (if known)",
              "c_school": "School (if known)", "c_cp": "CP plan (if known)?", "c_csc": "Social worker involved?",
              "c_dis": "Needs / vulnerabilities", "s_inc": "Incident details", "i_date": "Date of incident",
              "i_la": "Date children's social care informed", "i_loc": "Where", "i_type": "What type of incident",
              "i_summary": "Account of the incident", "i_police": "Police involved?",
              "s_crit": "Criteria", "cr_reason": "Why we are referring", "s_panel": "Panel",
              "panel": "Panel notified?", "panel_date": "Date notified", "s_ag": "Other agencies",
              "ag_name": "Name", "ag_agency": "Agency", "ag_contact": "Contact",
              "s_conc": "Immediate concerns", "concerns": "Any immediate concerns for the child or others?"}),
]
for s in SENDERS:
    lab = dict(BASE)
    lab.update(s["lab"])
    s["L"] = lab

LAYOUTS = ["W-TICKGRID", "W-PTABRIGHT", "W-QUOTEDMAIL", "W-RESUBMIT", "W-CELLSDT",
           "P-STRIKEOPT", "P-HIGHLIGHT", "P-INCREMENTAL", "P-ONEPAGE", "P-LISTITEM"]

# ----------------------------------------------------------------------------------------------
# stories
# ----------------------------------------------------------------------------------------------
SUMMARY_P1 = [
    "{c} was seen by staff on {d} with bruising to the face and neck that {p} said was from a fall. The marks did not fit the account given.",
    "On {d} {c} collapsed and was taken to hospital by ambulance. Staff later learned that {c} had not been eating properly for some weeks.",
    "{c} told a member of staff on {d} that an adult at home had hurt {o} and that {p} was frightened to go home.",
    "On {d} {c} arrived in a distressed state with a burn to the hand. {P} gave different accounts of how it happened to different staff.",
    "{c} was found on {d} in a poor state, cold and hungry, and said nobody had been at home for two days.",
]
SUMMARY_P2 = [
    "The family had been known to early help last year. Attendance had dropped and there were reports of domestic abuse at the address.",
    "Hospital staff found older injuries at different stages of healing. A strategy discussion was held and police have opened an investigation.",
    "Staff had raised smaller worries before (missed sessions, unwashed clothes) but these had not been shared outside the organisation.",
    "The mother's partner had recently moved in. Neighbours had complained about shouting late at night.",
    "A sibling was also at the address and has been placed with grandparents while enquiries continue.",
]
SUMMARY_P3 = [
    "We are sharing this because several agencies had contact with the family in the months before and the information was not joined up.",
    "The child remains in hospital. The prognosis is uncertain.",
    "Our own records have been secured and a chronology is being prepared.",
]
REASONS = [
    "The child has been seriously harmed, neglect is suspected and several agencies held pieces of information that were not shared.",
    "Abuse is suspected, the family live in the area and there appears to be learning about information sharing between agencies.",
    "There were missed opportunities across health, education and our own service; we think a Rapid Review would help.",
    "Serious injury with an unclear explanation, previous concerns raised by more than one agency.",
]
CONCERNS = [
    "A younger sibling remains at home with the same adults; children's social care are visiting today.",
    "The child is safe in hospital. Police have bail conditions in place for the adult concerned.",
    "No immediate concerns - the child is staying with a grandparent under a safety plan.",
    "Two other children visit the address at weekends; this has been passed to the MASH.",
]
OTHER_SPECS = ["suspected exploitation", "private fostering arrangement", "serious self-harm", "online abuse",
               "missing from home - found injured"]
AG_POOL = [("Health Visiting Team", None), ("Children's Social Care", "Social Worker"), ("Police Public Protection Unit", "DC"),
           ("School Nursing Service", None), ("Community Paediatrics", "Dr"), ("Early Help Hub", None),
           ("Youth Service", None), ("Drug and Alcohol Service", None), ("Housing Options", None),
           ("CAMHS", None)]


# ----------------------------------------------------------------------------------------------
# case model
# ----------------------------------------------------------------------------------------------
def person(rng):
    f = rng.random() < 0.6
    return rng.choice(ADULT_F if f else ADULT_M), rng.choice(SURNAMES)


def email_of(first, last, dom, rng):
    if dom == "nhs.net":
        e = "%s.%s%d@nhs.net" % (first.lower(), last.lower().replace("-", ""), rng.randrange(1, 9))
    else:
        e = "%s.%s@%s" % (first.lower(), last.lower().replace("-", ""), dom)
    disp = e if rng.random() < 0.75 else e[0].upper() + e[1:]
    return disp, e


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


class Case:
    """Abstract form content: ordered sections of items, and the canonical record."""


def build_case(rng, s, layout, n):
    L = s["L"]
    yes, no, third = s["yn"]
    ds, dobs = s["dstyle"], s["dobstyle"]
    na = s["not_asked"]
    ref_date = rand_date(rng, dt.date(2025, 9, 1), dt.date(2026, 3, 20))
    inc_date = ref_date - dt.timedelta(days=rng.randrange(3, 25))
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, max(1, (ref_date - inc_date).days)))
    panel_date = la_date + dt.timedelta(days=rng.randrange(1, 5))
    if panel_date > ref_date:
        panel_date = ref_date
    notes = {"date_style": ds, "dob_style": dobs, "blanks": [], "fillers": [], "third_option": [], "decoys": []}
    # candidates for blanking / fillers (key paths)
    optional = ["ref_email", "lead_phone", "lead_email", "c_other", "c_school", "c_gp", "c_legal", "c_dis", "i_loc",
                "panel_date", "c_eth", "lead_role", "concerns"]
    optional = [k for k in optional if k not in na]
    rng.shuffle(optional)
    blanks = set(optional[:rng.randrange(1, 4)])
    fillers = set(optional[3:3 + rng.randrange(0, 3)])
    FILLER_WORDS = ["N/A", "n/a", "Not known", "-", "Not applicable"]

    def text_item(key, label, disp, truth, kind="text"):
        """returns (item, truth) applying blank/filler policy"""
        if key in na:
            return None, None
        if key in blanks:
            notes["blanks"].append(key)
            return dict(kind=kind, key=key, label=label, value="" if kind not in ("lines", "long") else [], empty=True), None
        if key in fillers:
            w = rng.choice(FILLER_WORDS)
            notes["fillers"].append("%s=%s" % (key, w))
            return dict(kind="text", key=key, label=label, value=w, filler=True), None
        return dict(kind=kind, key=key, label=label, value=disp), truth

    def date_item(key, label, d, style):
        if d is None:
            return dict(kind="date", key=key, label=label, value="", empty=True, date=None), None
        it, tr = text_item(key, label, fmt_date(d, style), d.isoformat(), kind="date")
        if it is not None:
            it["date"] = d if tr else None
        return it, tr

    def yn_item(key, label, val, allow_third=False):
        """val True/False/None; None -> third option or nothing chosen"""
        if key in na:
            return None, None
        opts = [yes, no, third]
        if val is True:
            ch = 0
        elif val is False:
            ch = 1
        else:
            ch = 2 if (allow_third and rng.random() < 0.6) else None
            if ch == 2:
                notes["third_option"].append(key)
        return dict(kind="choice", key=key, label=label, options=opts, chosen=ch, yn=True), val

    def tri(p_yes=0.5, p_none=0.12):
        r = rng.random()
        if r < p_none:
            return None
        return rng.random() < p_yes

    rec = {"form": "referral"}
    sections = []
    # referrer
    rf, rl = person(rng)
    r_email_d, r_email = email_of(rf, rl, s["dom"], rng)
    r_phone_d = phone_display(rng, phone(rng))
    items = []
    it, rec["date_of_referral"] = date_item("date", L["date"], ref_date, ds)
    items.append(it)
    ref = {}
    it, ref["name"] = text_item("ref_name", L["ref_name"], "%s %s" % (rf, rl), "%s %s" % (rf, rl)); items.append(it)
    role = rng.choice(s["roles"])
    it, ref["role"] = text_item("ref_role", L["ref_role"], role, role); items.append(it)
    org = s["org"] if rng.random() < 0.6 else s["org"].split(" (")[0].split(" - ")[0]
    it, ref["agency"] = text_item("ref_agency", L["ref_agency"], org, org); items.append(it)
    it, ref["email"] = text_item("ref_email", L["ref_email"], r_email_d, r_email); items.append(it)
    it, ref["phone"] = text_item("ref_phone", L["ref_phone"], r_phone_d, phone_truth(r_phone_d)); items.append(it)
    rec["referrer"] = ref
    sections.append(dict(key="ref", title=L["s_ref"], items=[i for i in items if i]))
    # lead
    lf, ll = person(rng)
    l_email_d, l_email = email_of(lf, ll, s["dom"], rng)
    l_phone_d = phone_display(rng, phone(rng))
    lead = {}
    items = []
    it, lead["name"] = text_item("lead_name", L["lead_name"], "%s %s" % (lf, ll), "%s %s" % (lf, ll)); items.append(it)
    lrole = rng.choice(s["lead_roles"])
    it, lead["role"] = text_item("lead_role", L["lead_role"], lrole, lrole); items.append(it)
    lorg = s["org"].split(" (")[0] if rng.random() < 0.7 else s["org"]
    it, lead["agency"] = text_item("lead_agency", L["lead_agency"], lorg, lorg); items.append(it)
    it, lead["email"] = text_item("lead_email", L["lead_email"], l_email_d, l_email); items.append(it)
    it, lead["phone"] = text_item("lead_phone", L["lead_phone"], l_phone_d, phone_truth(l_phone_d)); items.append(it)
    it, lead["discussed"] = yn_item("discussed", L["discussed"], tri(0.85, 0.1), allow_third=False); items.append(it)
    rec["safeguarding_lead"] = lead
    sections.append(dict(key="lead", title=L["s_lead"], items=[i for i in items if i]))
    # incident type first (date of death depends)
    ti = rng.random()
    itype_idx = 1 if ti < 0.55 else 0 if ti < 0.72 else 2 if ti < 0.78 else 3 if ti < 0.83 else 4 if ti < 0.93 else None
    if s["key"] in ("greenacre_foodstores",) and itype_idx == 2:
        itype_idx = 1
    # children
    nkids = 1 if rng.random() < 0.68 else 2 if rng.random() < 0.75 else 3
    fam = rng.choice(SURNAMES)
    street = "%d %s" % (rng.randrange(2, 140), rng.choice(STREETS))
    town = rng.choice(["Wyreby", "Coldbeck", "Hoby Bridge", "Shearwater", "Dunmere", "Castlegate", "Dunstan Vale",
                       "Pelham"])
    pc = "%s%d %d%s" % (rng.choice(["ZX", "ZY", "QX"]), rng.randrange(1, 20), rng.randrange(1, 9),
                        "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
    addr_lines = [street, town, pc] if rng.random() < 0.6 else ["Flat %d" % rng.randrange(1, 9), street, town, pc]
    kids = []
    notes["ages"] = []
    for k in range(nkids):
        girl = rng.random() < 0.5
        first = rng.choice(F_NAMES if girl else M_NAMES)
        while any(first == x["first"] for x in kids):
            first = rng.choice(F_NAMES if girl else M_NAMES)
        last = fam if rng.random() < 0.85 else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        low = 15 if s["key"] in ("forgewell_training",) else 0
        dob = rand_date(rng, dt.date(2008 + (1 if low else 0), 6, 1) if low else dt.date(2009, 1, 1),
                        dt.date(2010, 8, 31) if low else dt.date(2024, 12, 1))
        use_age = (k > 0 and rng.random() < 0.25) or (k == 0 and rng.random() < 0.1)
        age = None
        if use_age:
            yrs = (ref_date - dob).days // 365
            age = rng.choice(["%d" % yrs, "about %d" % yrs, "%d years" % yrs, "approx. %d" % yrs, "%d yrs" % yrs])
            notes["ages"].append(age)
        kids.append(dict(first=first, last=last, girl=girl, dob=None if use_age else dob, age=age))
    rec["children"] = []
    gw = s["gw"]
    for k, kd in enumerate(kids):
        L2 = L
        c = {}
        items = []
        nm = "%s %s" % (kd["first"], kd["last"])
        if s["split"]:
            a = dict(kind="text", key="c_first", label=L["c_first"], value=kd["first"])
            b = dict(kind="text", key="c_last", label=L["c_last"], value=kd["last"])
            items += [b, a] if s.get("surname_first") else [a, b]
        else:
            items.append(dict(kind="text", key="c_name", label=L["c_name"], value=nm))
        c["name"] = nm
        oth = rng.choice(["%s %s" % (kd["first"][:3], kd["last"]), "%s %s" % (kd["first"], rng.choice(SURNAMES)),
                          kd["first"][:4] + "y"])
        if rng.random() < 0.5 or "c_other" in blanks or "c_other" in fillers:
            it, c["other_names"] = text_item("c_other", L["c_other"], oth, oth)
        else:
            it, c["other_names"] = dict(kind="text", key="c_other", label=L["c_other"], value="", empty=True), None
        items.append(it)
        it, c["dob"] = date_item("c_dob", L["c_dob"], kd["dob"], dobs)
        if it is not None and kd["dob"] is None:
            it["empty"] = True
        items.append(it)
        if kd["age"]:
            items.append(dict(kind="text", key="c_age", label=L["c_age"], value=kd["age"]))
            c["age"] = kd["age"]
        else:
            items.append(dict(kind="text", key="c_age", label=L["c_age"], value="", empty=True))
            c["age"] = None
        gsel = 0 if kd["girl"] else 1
        if rng.random() < 0.05:
            gsel = 2
        items.append(dict(kind="choice", key="c_gender", label=L["c_gender"], options=list(gw), chosen=gsel))
        c["gender"] = ["female", "male", "other"][gsel]
        eth = rng.choice(ETHNICITIES) if k == 0 or rng.random() < 0.3 else rec["children"][0]["ethnicity"] or rng.choice(ETHNICITIES)
        it, c["ethnicity"] = text_item("c_eth", L["c_eth"], eth, eth)
        if it is not None and it["kind"] == "text" and not it.get("empty") and not it.get("filler"):
            it["kind"] = "eth"
        items.append(it)
        it, c["address"] = text_item("c_addr", L["c_addr"], list(addr_lines), ", ".join(addr_lines), kind="lines")
        items.append(it)
        sch = rng.choice(["St Aidan's CE Primary School", "Wyreby Academy", "Coldbeck High School",
                          "Little Acorns Nursery", "Hoby Bridge Primary", "Castlegate College", "Pelham Park School"])
        if s["key"] == "forgewell_training":
            sch = rng.choice(["Dunstan Motors Ltd (employer)", "Forgewell Training Centre", "Pelham Joinery (employer)"])
        it, c["school"] = text_item("c_school", L["c_school"], sch, sch); items.append(it)
        gp = rng.choice(["Riverside Medical Centre", "Dr Ahmed and Partners", "Castle Street Surgery",
                         "Moorview Health Centre"])
        it, c["gp"] = text_item("c_gp", L["c_gp"], gp, gp); items.append(it)
        lg = rng.choice(LEGAL)
        it, c["legal_status"] = text_item("c_legal", L["c_legal"], lg, lg); items.append(it)
        for key, fld, p in (("c_cp", "cp_plan", 0.3), ("c_csc", "open_to_csc", 0.5), ("c_lac", "looked_after", 0.15)):
            it, c[fld] = yn_item(key, L[key], tri(p, 0.15), allow_third=(k == 0))
            items.append(it)
            if key in na:
                c[fld] = None
        dis = rng.choice(DISABILITIES)
        if rng.random() < 0.45 or "c_dis" in blanks or "c_dis" in fillers:
            it, c["disability"] = text_item("c_dis", L["c_dis"], dis, dis)
        else:
            it, c["disability"] = (None, None) if "c_dis" in na else (
                dict(kind="text", key="c_dis", label=L["c_dis"], value="", empty=True), None)
        items.append(it)
        dod = None
        if k == 0 and itype_idx in (0, 2, 3):
            dod = inc_date + dt.timedelta(days=rng.randrange(0, 2))
            if dod > ref_date:
                dod = inc_date
        if "c_dod" in na:
            c["date_of_death"] = None
        else:
            if dod:
                it, c["date_of_death"] = date_item("c_dod", L["c_dod"], dod, dobs)
            else:
                it, c["date_of_death"] = dict(kind="date", key="c_dod", label=L["c_dod"], value="", empty=True, date=None), None
            items.append(it)
        for key in list(c):
            pass
        for fld, key in (("other_names", "c_other"), ("ethnicity", "c_eth"), ("address", "c_addr"), ("school", "c_school"),
                         ("gp", "c_gp"), ("legal_status", "c_legal"), ("disability", "c_dis")):
            if key in na:
                c[fld] = None
        full = {"name": c["name"], "other_names": c.get("other_names"), "dob": c.get("dob"), "age": c.get("age"),
                "gender": c["gender"], "ethnicity": c.get("ethnicity"), "address": c.get("address"),
                "school": c.get("school"), "gp": c.get("gp"), "legal_status": c.get("legal_status"),
                "cp_plan": c.get("cp_plan"), "open_to_csc": c.get("open_to_csc"), "looked_after": c.get("looked_after"),
                "disability": c.get("disability"), "date_of_death": c.get("date_of_death")}
        rec["children"].append(full)
        title = L["s_child"] + ("" if nkids == 1 else " - child %d of %d" % (k + 1, nkids))
        sections.append(dict(key="child", title=title, items=[i for i in items if i], child=k))
    notes["children"] = nkids
    # incident
    inc = {}
    items = []
    it, inc["date"] = date_item("i_date", L["i_date"], inc_date, ds); items.append(it)
    it, inc["date_la_aware"] = date_item("i_la", L["i_la"], la_date, ds); items.append(it)
    loc = rng.choice(s["locs"])
    it, inc["location"] = text_item("i_loc", L["i_loc"], loc, loc); items.append(it)
    opts = [o[0] for o in s["itypes"]]
    spec = None
    if itype_idx == 4:
        spec = rng.choice(OTHER_SPECS)
    items.append(dict(kind="choice", key="i_type", label=L["i_type"], options=opts, chosen=itype_idx, spec=spec))
    inc["type"] = s["itypes"][itype_idx][1] if itype_idx is not None else None
    notes["itype"] = inc["type"]
    cn = kids[0]["first"]
    pr = "she" if kids[0]["girl"] else "he"
    fill = dict(c=cn, d=fmt_date(inc_date, ds), p=pr, P=pr.capitalize(), o="her" if kids[0]["girl"] else "him")
    paras = [rng.choice(SUMMARY_P1).format(**fill), rng.choice(SUMMARY_P2).format(**fill)]
    if rng.random() < 0.45:
        paras.append(rng.choice(SUMMARY_P3))
    items.append(dict(kind="long", key="i_summary", label=L["i_summary"], value=paras))
    inc["summary"] = "\n\n".join(paras)
    it, inc["police_involved"] = yn_item("i_police", L["i_police"], tri(0.75, 0.08)); items.append(it)
    rec["incident"] = inc
    sections.append(dict(key="inc", title=L["s_inc"], items=items))
    # criteria
    crit = {}
    items = []
    for key, fld, p in (("cr_died", "died_or_seriously_harmed", 0.9), ("cr_abuse", "abuse_or_neglect_suspected", 0.8),
                        ("cr_local", "local_connection", 0.9), ("cr_learning", "multi_agency_learning", 0.8)):
        it, crit[fld] = yn_item(key, L[key], tri(p, 0.08)); items.append(it)
    reason = rng.choice(REASONS)
    items.append(dict(kind="long", key="cr_reason", label=L["cr_reason"], value=[reason]))
    crit["reason"] = reason
    rec["criteria"] = crit
    sections.append(dict(key="crit", title=L["s_crit"], items=items))
    # panel
    items = []
    pv = tri(0.5, 0.15)
    it, rec["panel_notified"] = yn_item("panel", L["panel"], pv, allow_third=True); items.append(it)
    if pv:
        it, rec["date_panel_notified"] = date_item("panel_date", L["panel_date"], panel_date, dobs)
    else:
        it, rec["date_panel_notified"] = dict(kind="date", key="panel_date", label=L["panel_date"], value="", empty=True, date=None), None
    items.append(it)
    sections.append(dict(key="panel", title=L["s_panel"], items=items))
    # agencies
    nag = rng.choice([0, 1, 2, 2, 3, 3, 4])
    rows = []
    rec["agencies_involved"] = []
    pool = list(AG_POOL)
    rng.shuffle(pool)
    for a in pool[:nag]:
        agname = "%s %s" % (rng.choice(["Wyre Vale", "Coldbeck", "Hoby", "Shearwater", "Dunmere", "Castlegate", "Dunstan",
                                         "Pelham"]), a[0]) if rng.random() < 0.6 else a[0]
        has_person = rng.random() < 0.7
        pname = None
        if has_person:
            f, l = person(rng)
            pname = ("%s %s %s" % (a[1], f, l)) if a[1] in ("Dr", "DC") else "%s %s" % (f, l)
        if rng.random() < 0.6:
            contact = phone_display(rng, phone(rng, mobile=False))
        else:
            nm2 = pname.split()[-2:] if pname else ["duty", "team"]
            contact = email_of(nm2[0], nm2[1], rng.choice(["wyrevale.gov.uk", "nhs.net", "coldbeck.gov.uk"]), rng)[0]
        rows.append((pname or "", agname, contact))
        rec["agencies_involved"].append({"name": pname, "agency": agname, "contact": contact})
    notes["agencies"] = nag
    sections.append(dict(key="ag", title=L["s_ag"], items=[dict(kind="agencies", key="ag", label=L["s_ag"], rows=rows,
                                                                  heads=(L["ag_name"], L["ag_agency"], L["ag_contact"]))]))
    # concerns
    conc = rng.choice(CONCERNS)
    it, rec["immediate_concerns"] = text_item("concerns", L["concerns"], [conc], conc, kind="long")
    sections.append(dict(key="conc", title=L["s_conc"], items=[it]))
    # decoys
    dec = []
    for lab_, kind in s["decoys"]:
        if kind == "ref":
            v = "%s%d" % (rng.choice(["RP-", "C", "LOG/", "", "HH-"]), rng.randrange(10000, 99999))
        elif kind == "date":
            v = fmt_date(ref_date - dt.timedelta(days=rng.randrange(-30, 60)), ds)
        else:
            f, l = person(rng)
            v = "%s %s" % (f, l)
        dec.append((lab_, v))
        notes["decoys"].append("%s=%s" % (lab_, v))
    case = Case()
    case.sections, case.rec, case.notes, case.decoys = sections, rec, notes, dec
    case.sender, case.ref_date, case.layout = s, ref_date, layout
    case.kids = kids
    return case


# ----------------------------------------------------------------------------------------------
# WordprocessingML writer
# ----------------------------------------------------------------------------------------------
W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')


def x(t):
    return _esc(t, {'"': "&quot;"})


def R(text, b=False, i=False, color=None, size=None, font=None, strike=False, caps=False, hl=None, u=False, style=None):
    rp = ""
    if style:
        rp += '<w:rStyle w:val="%s"/>' % style
    if font:
        rp += '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/>' % (font, font, font, font)
    if b:
        rp += "<w:b/>"
    if i:
        rp += "<w:i/>"
    if caps:
        rp += "<w:caps/>"
    if strike:
        rp += "<w:strike/>"
    if color:
        rp += '<w:color w:val="%s"/>' % color
    if size:
        rp += '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size)
    if hl:
        rp += '<w:highlight w:val="%s"/>' % hl
    if u:
        rp += '<w:u w:val="single"/>'
    rp = "<w:rPr>%s</w:rPr>" % rp if rp else ""
    parts = text.split("\n")
    inner = '<w:br/>'.join('<w:t xml:space="preserve">%s</w:t>' % x(p) for p in parts)
    return "<w:r>%s%s</w:r>" % (rp, inner)


def TAB():
    return "<w:r><w:tab/></w:r>"


def P(runs="", style=None, jc=None, shd=None, ind=None, spacing=None, keep=False, tabs=None, border_bottom=False, ppr_extra=""):
    pp = ""
    if style:
        pp += '<w:pStyle w:val="%s"/>' % style
    if keep:
        pp += "<w:keepNext/>"
    if border_bottom:
        pp += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="808080"/></w:pBdr>'
    if shd:
        pp += '<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shd
    if tabs:
        pp += "<w:tabs>%s</w:tabs>" % "".join('<w:tab w:val="%s" w:pos="%d"%s/>' % t for t in tabs)
    if spacing:
        pp += '<w:spacing w:before="%d" w:after="%d"/>' % spacing
    if ind:
        pp += '<w:ind w:left="%d"/>' % ind
    if jc:
        pp += '<w:jc w:val="%s"/>' % jc
    pp += ppr_extra
    if isinstance(runs, (list, tuple)):
        runs = "".join(runs)
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % pp if pp else "", runs)


def TC(content, w, shd=None, span=1, valign=None):
    tp = '<w:tcW w:w="%d" w:type="dxa"/>' % w
    if span > 1:
        tp += '<w:gridSpan w:val="%d"/>' % span
    if shd:
        tp += '<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shd
    if valign:
        tp += '<w:vAlign w:val="%s"/>' % valign
    if not content:
        content = P()
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tp, content)


def TR(cells, header=False):
    return "<w:tr>%s%s</w:tr>" % ("<w:trPr><w:tblHeader/></w:trPr>" if header else "", "".join(cells))


def TBL(rows, widths, borders="single", color="808080"):
    b = "".join('<w:%s w:val="%s" w:sz="4" w:space="0" w:color="%s"/>' % (e, borders, color)
                for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    return ('<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>%s</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (sum(widths), b, grid, "".join(rows)))


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>
<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="PlainText"><w:name w:val="Plain Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>""" % W_NS


def make_docx(body, header_text, footer_text, font="Calibri", size=22, accent="1F3864", landscape=False,
              settings_extra="", app="Microsoft Office Word", title="Referral", author="", extra_parts=None):
    if landscape:
        sect = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    else:
        sect = '<w:pgSz w:w="11906" w:h="16838"/>'
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
           '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>'
           '%s<w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" w:footer="567" w:gutter="0"/>'
           '</w:sectPr></w:body></w:document>') % (W_NS, body, sect)
    hdr = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>%s</w:hdr>' % (
        W_NS, "".join(P(R(t, size=16, color="595959"), style="Header", jc="right" if k == 0 else None)
                      for k, t in enumerate(header_text.split("\n"))))
    ftr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s>%s</w:ftr>' % (
        W_NS, P([R(footer_text + "    Page ", size=16, color="595959"),
                 '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                 '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r>'
                 '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'], style="Footer")))
    settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings %s><w:zoom w:percent="100"/>%s'
                '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '</w:settings>') % (W_NS, settings_extra)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
             '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
             '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
             '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-02T09:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T10:00:00Z</dcterms:modified></cp:coreProperties>') % (x(title), x(author))
    appx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>%s</Application><DocSecurity>0</DocSecurity></Properties>') % x(app)
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
             ("word/_rels/document.xml.rels", drels),
             ("word/styles.xml", STYLES.replace("{font}", font).replace("{size}", str(size)).replace("{accent}", accent)),
             ("word/settings.xml", settings), ("word/header1.xml", hdr), ("word/footer1.xml", ftr),
             ("docProps/core.xml", core), ("docProps/app.xml", appx)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def guidance_text(case, rng):
    s = case.sender
    ex = fmt_date(dt.date(2015, 1, 1), s["dstyle"])
    return ("Please complete every section you can and return the form by secure email to %s. If you are unsure whether "
            "the criteria are met, ring the partnership business unit on %s before sending. Dates should be written in "
            "full, for example %s. Do not delay a referral to children's social care or the police while you complete "
            "this form." % (s["pmail"], s["pphone"], ex))


def footer_text(case):
    s = case.sender
    return "%s  |  %s  |  reviewed %s" % (s["ref"], s["pshort"], fmt_date(dt.date(2024, 4, 1), s["dstyle"]))


def header_text(case):
    s = case.sender
    return "%s\n%s" % (s["marking"], s["partnership"])


def choice_word(it):
    if it.get("chosen") is None:
        return ""
    w = it["options"][it["chosen"]]
    if it.get("spec") and it["chosen"] == len(it["options"]) - 1:
        w = "%s - %s" % (w, it["spec"])
    return w


def text_of(it):
    """single-line display string of an item (address lines joined per sender style elsewhere)"""
    k = it["kind"]
    if k in ("text", "date", "eth"):
        return it.get("value") or ""
    if k == "lines":
        return ", ".join(it.get("value") or [])
    if k == "long":
        return " ".join(it.get("value") or [])
    if k == "choice":
        return choice_word(it)
    return ""


# ---------------------------------------------------------------- W-TICKGRID
def glyph(on):
    return R("\u2612" if on else "\u2610", font="MS Gothic")


def w_tickgrid(case, rng):
    s = case.sender
    W = 9864
    lw = rng.choice([3200, 3500, 3800])
    shade = rng.choice(["D9E2F3", "E2EFDA", "EDEDED", "FBE4D5"])
    body = [P(R(s["org"], b=True, size=20, color="595959")), P(R(s["title"]), style="Title"),
            P(R(guidance_text(case, rng), i=True, size=18)),
            P(R("Tick the boxes that apply (\u2612). Unanswered boxes are left empty.", size=18, color="595959"))]
    for sec in case.sections:
        body.append(P(R(sec["title"], b=True, color="FFFFFF"), shd="1F3864", spacing=(200, 60), keep=True))
        rows = []
        for it in sec["items"]:
            k = it["kind"]
            if k == "agencies":
                heads = ("Type of agency", it["heads"][0], it["heads"][1], it["heads"][2])
                pre = ["GP / health", "School / college", "Police", "Children's social care", "Other (please state)"]
                ws = [2100, 2500, 2800, W - 7400]
                trs = [TR([TC(P(R(h, b=True, size=18)), w, shd=shade) for h, w in zip(heads, ws)], header=True)]
                real = list(it["rows"])
                slots = []
                for p_ in pre:
                    slots.append([p_, None])
                # place agencies into slots in order, extra rows appended as "Other (please state)"
                for r_ in real:
                    free = [sl for sl in slots if sl[1] is None]
                    if free and rng.random() < 0.8:
                        rng.choice(free)[1] = r_
                    else:
                        slots.append(["Other (please state)", r_])
                for p_, r_ in slots:
                    vals = r_ if r_ else ("", "", "")
                    trs.append(TR([TC(P(R(p_, size=18)), ws[0], shd=shade)] +
                                  [TC(P(R(v)), w) for v, w in zip(vals, ws[1:])]))
                rows = None
                body.append(TBL(trs, ws))
                continue
            label_cell = TC(P(R(it["label"], b=True, size=20)), lw, shd=shade)
            if k == "choice":
                opts = it["options"]
                if it["key"] == "i_type":
                    ps = []
                    for j, o in enumerate(opts):
                        runs = [glyph(it["chosen"] == j), R(" " + o)]
                        if j == len(opts) - 1:
                            runs.append(R(":  " + (it["spec"] or "") if it["chosen"] == j else ":  ________"))
                        ps.append(P(runs, spacing=(0, 20)))
                    rows.append(TR([label_cell, TC("".join(ps), W - lw)]))
                else:
                    runs = []
                    for j, o in enumerate(opts):
                        runs += [glyph(it["chosen"] == j), R(" %s     " % o)]
                    rows.append(TR([label_cell, TC(P(runs), W - lw)]))
            elif k == "eth":
                # census-style grid: all options, chosen ticked, three columns
                cols = 3
                opts = ETHNICITIES
                cw = (W - lw) // cols
                inner = []
                for r0 in range(0, len(opts), cols):
                    cells = []
                    for o in opts[r0:r0 + cols]:
                        cells.append(TC(P([glyph(o == it["value"]), R(" " + o, size=18)]), cw))
                    while len(cells) < cols:
                        cells.append(TC(P(), cw))
                    inner.append(TR(cells))
                rows.append(TR([label_cell, TC(TBL(inner, [cw] * cols, borders="nil") + P(), W - lw)]))
            elif k == "lines":
                rows.append(TR([label_cell, TC("".join(P(R(l), spacing=(0, 0)) for l in it["value"]) or P(), W - lw)]))
            elif k == "long":
                rows.append(TR([TC(P(R(it["label"], b=True, size=20)), W, shd=shade, span=2)]))
                rows.append(TR([TC("".join(P(R(p)) for p in it["value"]) or P(), W, span=2)]))
            else:
                rows.append(TR([label_cell, TC(P(R(it.get("value") or "")), W - lw)]))
        if rows:
            body.append(TBL(rows, [lw, W - lw]))
    body.append(P(R(s["decoy_title"] + " (office use)", b=True, color="FFFFFF"), shd="7F7F7F", spacing=(200, 60)))
    body.append(TBL([TR([TC(P(R(l, size=18)), lw, shd="EDEDED"), TC(P(R(v)), W - lw)]) for l, v in case.decoys], [lw, W - lw]))
    body.append(P(R("Signed: ______________________    Date: ____________", color="595959")))
    return make_docx("".join(body), header_text(case), footer_text(case), font=rng.choice(["Calibri", "Arial"]),
                     title=s["title"], author=s["org"])


# ---------------------------------------------------------------- W-PTABRIGHT
def w_ptabright(case, rng):
    s = case.sender
    leader = rng.choice(["dot", "none", "middleDot", "underscore"])
    font = rng.choice(["Calibri", "Segoe UI", "Verdana"])
    acc = rng.choice(["385623", "7030A0", "1F3864", "C55A11"])

    def ptab():
        return '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="%s"/></w:r>' % leader

    body = [P(R(s["title"]), style="Title"), P(R(s["org"] + "  \u2022  " + s["partnership"], size=18, color="595959")),
            P(R(guidance_text(case, rng), i=True, size=17, color="404040"), border_bottom=True)]
    for sec in case.sections:
        body.append(P(R(sec["title"].upper() if rng.random() < 0.3 else sec["title"]), style="Heading1"))
        for it in sec["items"]:
            k = it["kind"]
            lab = R(it["label"], b=False, color="404040")
            if k == "agencies":
                if not it["rows"]:
                    body.append(P([lab, ptab(), R("None known", b=True)]))
                    continue
                ws = [3000, 3600, 3264]
                trs = [TR([TC(P(R(h, b=True, size=18)), w, shd="F2F2F2") for h, w in zip(it["heads"], ws)], header=True)]
                for r_ in it["rows"]:
                    trs.append(TR([TC(P(R(v)), w) for v, w in zip(r_, ws)]))
                body.append(TBL(trs, ws, color="BFBFBF"))
                continue
            if k == "long":
                body.append(P(lab, keep=True, spacing=(120, 40)))
                for p in it.get("value") or []:
                    body.append(P(R(p, b=False), ind=360, jc="both"))
                if not it.get("value"):
                    body.append(P(ptab(), spacing=(0, 80)))
                continue
            if k == "lines":
                ls = it.get("value") or []
                body.append(P([lab, ptab(), R(ls[0] if ls else "", b=True)], spacing=(0, 0 if len(ls) > 1 else 60)))
                for j, l in enumerate(ls[1:]):
                    body.append(P(R(l, b=True), jc="right", spacing=(0, 0 if j < len(ls) - 2 else 60)))
                continue
            v = text_of(it)
            body.append(P([lab, ptab(), R(v, b=True, color=acc)]))
    body.append(P(R(s["decoy_title"]), style="Heading1"))
    for l, v in case.decoys:
        body.append(P([R(l, color="404040"), ptab(), R(v)]))
    return make_docx("".join(body), header_text(case), footer_text(case), font=font, size=20, accent=acc,
                     title=s["title"], author=s["org"])


# ---------------------------------------------------------------- W-QUOTEDMAIL
def wrap(text, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return lines


def w_quotedmail(case, rng):
    s = case.sender
    sep = rng.choice([" - ", ": ", " -- ", " : "])
    width = rng.choice([68, 72, 76])
    q = rng.choice(["> ", ">", "> "])
    rf = case.rec["referrer"]
    lead = case.rec["safeguarding_lead"]
    send_dt = case.ref_date + dt.timedelta(days=rng.randrange(0, 2))
    orig_dt = case.ref_date - dt.timedelta(days=rng.randrange(0, 2))
    fwd_name = "%s %s" % person(rng)
    lines = []
    lines.append(("n", "Hi,"))
    lines.append(("n", ""))
    lines.append(("n", "Forwarding the referral below from our safeguarding inbox, as requested on the phone. "
                       "It came in as plain text so the formatting is as it arrived."))
    lines.append(("n", ""))
    lines.append(("n", "Kind regards"))
    lines.append(("n", fwd_name))
    lines.append(("n", "Safeguarding Administrator, " + s["org"].split(" (")[0]))
    lines.append(("n", "Main office: " + phone(rng, mobile=False)))
    lines.append(("n", ""))
    lines.append(("n", "-----Original Message-----"))
    lines.append(("n", "From: safeguarding@" + s["dom"]))
    lines.append(("n", "Sent: %s %s" % (fmt_date(orig_dt, "wkday"), rng.choice(["09:14", "13:52", "16:07", "11:30"]))))
    lines.append(("n", "To: " + s["pmail"]))
    lines.append(("n", "Subject: %s" % rng.choice(["Referral form", "Safeguarding referral", "Completed referral form"])))
    lines.append(("n", ""))
    out = []

    def ql(t):
        for l in (wrap(t, width - len(q)) if t else [""]):
            out.append(("q", q + l if l else q.rstrip()))

    ql(s["title"].upper())
    ql("=" * min(60, len(s["title"])))
    ql("")
    ql(s["partnership"])
    ql("")
    for sec in case.sections:
        ql(sec["title"].upper())
        ql("-" * min(50, len(sec["title"])))
        for it in sec["items"]:
            k = it["kind"]
            if k == "agencies":
                if not it["rows"]:
                    ql("None")
                for j, r_ in enumerate(it["rows"], 1):
                    ql("Agency %d %s%s%s" % (j, it["heads"][0].lower(), sep, r_[0]))
                    ql("Agency %d %s%s%s" % (j, it["heads"][1].lower(), sep, r_[1]))
                    ql("Agency %d %s%s%s" % (j, it["heads"][2].lower(), sep, r_[2]))
                continue
            if k == "long":
                ql(it["label"] + sep.rstrip())
                for j, p in enumerate(it.get("value") or []):
                    if j:
                        ql("")
                    ql(p)
                continue
            if k == "lines":
                ls = it.get("value") or []
                ql(it["label"] + sep.rstrip())
                for l in ls:
                    ql("  " + l)
                continue
            if k == "choice" and it["key"] == "i_type":
                ql("%s (%s)%s%s" % (it["label"], " / ".join(it["options"]), sep, choice_word(it)))
                continue
            ql(it["label"] + sep + text_of(it) if text_of(it) else it["label"] + sep.rstrip())
        ql("")
    ql("--")
    ql("Sent from the %s online safeguarding form" % s["org"].split(" (")[0])
    body = []
    for kind, t in lines + out:
        body.append(P(R(t, color="1F1F1F" if kind == "n" else "1F3864"), style="PlainText"))
    return make_docx("".join(body), "", "", font=rng.choice(["Calibri", "Aptos", "Arial"]), size=22,
                     title=s["title"], author=fwd_name)


# ---------------------------------------------------------------- W-RESUBMIT
def decoy_old(it, rng, case):
    k = it["kind"]
    v = it.get("value")
    if k == "date" and it.get("date"):
        d = it["date"] - dt.timedelta(days=rng.choice([1, 2, 7, 10]))
        return fmt_date(d, case.sender["dstyle"] if it["key"] != "c_dob" else case.sender["dobstyle"])
    if k == "text" and isinstance(v, str) and v:
        if re.fullmatch(r"[\d +()-]+", v):
            return re.sub(r"\d(?=\d$)", lambda m: str((int(m.group()) + 3) % 10), v)
        if "@" in v:
            return v.replace(".", "", 1)
        return rng.choice(["TBC", "to follow", "unknown at time of writing"])
    if k == "choice" and it.get("chosen") in (0, 1) and it.get("yn"):
        return it["options"][1 - it["chosen"]]
    return None


def w_resubmit(case, rng):
    s = case.sender
    W = 9864
    red = rng.choice(["C00000", "FF0000", "0070C0"])
    shade = rng.choice(["DEEAF6", "F2F2F2", "E2EFDA"])
    body = [P(R(s["title"]), style="Title"),
            P(R("AMENDED REFERRAL - VERSION %d" % rng.choice([2, 2, 3]), b=True, color=red)),
            P(R("Changes from the first version are shown with the old entry struck through and the new entry in colour.",
                i=True, size=18))]
    vd = [case.ref_date - dt.timedelta(days=rng.randrange(2, 6)), case.ref_date]
    who = ["%s %s" % person(rng), "%s %s" % person(rng)]
    trs = [TR([TC(P(R(h, b=True, size=18)), w, shd=shade) for h, w in
               zip(("Version", "Date", "Changed by", "Reason for change"), (1200, 2200, 2600, W - 6000))], header=True),
           TR([TC(P(R("1")), 1200), TC(P(R(fmt_date(vd[0], s["dstyle"]))), 2200), TC(P(R(who[0])), 2600),
               TC(P(R("First submission")), W - 6000)]),
           TR([TC(P(R("2")), 1200), TC(P(R(fmt_date(vd[1], s["dstyle"]))), 2200), TC(P(R(who[1])), 2600),
               TC(P(R("Corrections requested by the partnership business unit")), W - 6000)])]
    body.append(TBL(trs, (1200, 2200, 2600, W - 6000)))
    body.append(P(R(guidance_text(case, rng), size=17, color="595959")))
    cand = [it for sec in case.sections for it in sec["items"]
            if it["kind"] in ("date", "text", "choice") and not it.get("empty") and not it.get("filler")
            and it.get("value", True) is not None]
    rng.shuffle(cand)
    amended = {}
    for it in cand:
        old = decoy_old(it, rng, case)
        if old and old != text_of(it):
            amended[id(it)] = old
            case.notes.setdefault("amended", []).append("%s: %s -> %s" % (it["key"], old, text_of(it)))
        if len(amended) >= rng.randrange(2, 5):
            break
    lw = 2600
    for sec in case.sections:
        body.append(P(R(sec["title"], b=True), shd=shade, spacing=(200, 40), keep=True))
        rows = []
        pend = []

        def ans(it):
            v = text_of(it) if it["kind"] != "lines" else None
            if it["kind"] == "lines":
                return "".join(P(R(l), spacing=(0, 0)) for l in (it.get("value") or [])) or P()
            if id(it) in amended:
                return P([R(amended[id(it)], strike=True, color="7F7F7F"), R(" "), R(v, color=red)])
            return P(R(v))

        def flush():
            while pend:
                a = pend.pop(0)
                b = pend.pop(0) if pend else None
                cells = [TC(P(R(a["label"], b=True, size=18)), lw, shd="F2F2F2"), TC(ans(a), W // 2 - lw)]
                if b:
                    cells += [TC(P(R(b["label"], b=True, size=18)), lw, shd="F2F2F2"), TC(ans(b), W - W // 2 - lw)]
                else:
                    cells += [TC(P(), lw), TC(P(), W - W // 2 - lw)]
                rows.append(TR(cells))

        for it in sec["items"]:
            k = it["kind"]
            if k == "agencies":
                flush()
                ws = [2400, 2500, 2500, W - 7400]
                trs = [TR([TC(P(R(h, b=True, size=18)), w, shd="F2F2F2") for h, w in
                           zip(it["heads"] + ("Still involved?",), ws)], header=True)]
                for r_ in it["rows"]:
                    trs.append(TR([TC(P(R(v)), w) for v, w in zip(r_ + (rng.choice(["Yes", "No", "Yes"]),), ws)]))
                trs.append(TR([TC(P(), w) for w in ws]))
                body.append(TBL(trs, ws))
                continue
            short = k in ("text", "date", "eth") or (k == "choice" and it["key"] != "i_type" and len(it["label"]) < 45)
            if short and len(it["label"]) < 60:
                pend.append(it)
                if len(pend) == 2:
                    flush()
                continue
            flush()
            if k == "long":
                rows.append(TR([TC(P(R(it["label"], b=True, size=18)), W, shd="F2F2F2", span=4)]))
                rows.append(TR([TC("".join(P(R(p)) for p in (it.get("value") or [])) or P(), W, span=4)]))
            else:
                rows.append(TR([TC(P(R(it["label"], b=True, size=18)), lw, shd="F2F2F2"), TC(ans(it), W - lw, span=3)]))
        flush()
        if rows:
            body.append(TBL(rows, [lw, W // 2 - lw, lw, W - W // 2 - lw]))
    body.append(P(R(s["decoy_title"], b=True), shd=shade, spacing=(200, 40)))
    body.append(TBL([TR([TC(P(R(l, size=18)), 4000, shd="F2F2F2"), TC(P(R(v)), W - 4000)]) for l, v in case.decoys],
                    [4000, W - 4000]))
    return make_docx("".join(body), header_text(case), footer_text(case) + "  |  v2", font="Arial", size=20,
                     title=s["title"] + " (amended)", author=who[1])


# ---------------------------------------------------------------- W-CELLSDT
_sdt_id = [1000]


def w_cellsdt(case, rng):
    s = case.sender
    W = 9864
    lw = rng.choice([3000, 3400, 3700])
    shade = rng.choice(["D9D9D9", "DAE9F8", "E8E0F0"])
    sid = [rng.randrange(100000000, 900000000)]
    PH = "Click or tap here to enter text."
    PHD = "Click or tap to enter a date."
    PHC = "Choose an item."

    def nid():
        sid[0] += 7
        return sid[0]

    def cell_sdt(it, w):
        k = it["kind"]
        alias = it["label"][:60]
        tag = it["key"]
        pr = '<w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/>' % (x(alias), x(tag), nid())
        empty = it.get("empty") or (k == "choice" and it.get("chosen") is None) or (k == "agencies")
        if k == "date":
            d = it.get("date")
            fmt = {"slash": "dd/MM/yyyy", "slash_short": "d/M/yyyy", "long": "d MMMM yyyy", "abbr": "d MMM yyyy",
                   "dots": "dd.MM.yyyy", "dash": "dd-MM-yyyy", "wkday": "ddd d MMM yyyy", "ordinal": "d MMMM yyyy"}
            st = s["dobstyle"] if it["key"] in ("c_dob", "c_dod", "panel_date") else s["dstyle"]
            if st == "ordinal":
                st = "long"
                if d:
                    it["value"] = fmt_date(d, "long")
            typ = '<w:date%s><w:dateFormat w:val="%s"/><w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>' % (
                (' w:fullDate="%sT00:00:00Z"' % d.isoformat()) if d else "", fmt[st])
            ph = PHD
            if it.get("filler"):
                typ = "<w:text/>"
        elif k == "choice":
            items_ = "".join('<w:listItem w:displayText="%s" w:value="%s"/>' % (x(o), x(o)) for o in it["options"])
            typ = '<w:dropDownList><w:listItem w:displayText="%s" w:value=""/>%s</w:dropDownList>' % (PHC, items_)
            ph = PHC
        elif k in ("lines", "long"):
            typ = '<w:text w:multiLine="1"/>' if k == "lines" else "<w:richText/>"
            ph = PH
        else:
            typ = "<w:text/>"
            ph = PH
        if empty:
            pr += '<w:showingPlcHdr/>'
            content = P(R(ph, style="PlaceholderText"))
        elif k == "lines":
            content = P(R("\n".join(it["value"])))
        elif k == "long":
            content = "".join(P(R(p)) for p in it["value"])
        elif k == "choice":
            content = P(R(choice_word(it).split(" - ")[0]))
        else:
            content = P(R(it["value"]))
        return ('<w:sdt><w:sdtPr>%s%s</w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
                % (pr, typ, TC(content, w)))

    body = [P(R(s["partnership"], b=True, color="595959")), P(R(s["title"]), style="Title"),
            P(R(guidance_text(case, rng), size=18))]
    for sec in case.sections:
        body.append(P(R(sec["title"]), style="Heading2"))
        rows = []
        for it in sec["items"]:
            k = it["kind"]
            if k == "agencies":
                ws = [3000, 3400, W - 6400]
                trs = [TR([TC(P(R(h, b=True)), w, shd=shade) for h, w in zip(it["heads"], ws)], header=True)]
                rr = list(it["rows"]) + [("", "", "")] * rng.choice([1, 2])
                for r_ in rr:
                    cells = []
                    for v, w, hd in zip(r_, ws, it["heads"]):
                        fake = dict(kind="text", key="ag", label=hd, value=v, empty=not v)
                        cells.append(cell_sdt(fake, w))
                    trs.append("<w:tr>%s</w:tr>" % "".join(cells))
                body.append(TBL(trs, ws))
                continue
            if k == "long":
                rows.append(TR([TC(P(R(it["label"], b=True)), W, shd=shade, span=2)]))
                rows.append('<w:tr>%s</w:tr>' % cell_sdt(dict(it, kind="long"), W).replace(
                    '<w:tcW w:w="%d" w:type="dxa"/>' % W, '<w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="2"/>' % W, 1))
                continue
            if k == "choice" and it["key"] == "i_type" and it.get("spec") and it.get("chosen") == len(it["options"]) - 1:
                rows.append('<w:tr>%s%s</w:tr>' % (TC(P(R(it["label"], b=True)), lw, shd=shade), cell_sdt(it, W - lw)))
                rows.append('<w:tr>%s%s</w:tr>' % (TC(P(R("If other, please specify", b=True)), lw, shd=shade),
                                                   cell_sdt(dict(kind="text", key="i_type_other", label="If other, please specify",
                                                                 value=it["spec"]), W - lw)))
                continue
            kk = "text" if k == "eth" else k
            rows.append('<w:tr>%s%s</w:tr>' % (TC(P(R(it["label"], b=True)), lw, shd=shade), cell_sdt(dict(it, kind=kk), W - lw)))
        if rows:
            body.append(TBL(rows, [lw, W - lw]))
    body.append(P(R(s["decoy_title"]), style="Heading2"))
    body.append(TBL([TR([TC(P(R(l)), lw, shd=shade), TC(P(R(v)), W - lw)]) for l, v in case.decoys], [lw, W - lw]))
    return make_docx("".join(body), header_text(case), footer_text(case), font=rng.choice(["Calibri", "Arial"]),
                     title=s["title"], author=s["org"])


# ----------------------------------------------------------------------------------------------
# PDF helpers
# ----------------------------------------------------------------------------------------------
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape as rl_landscape  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.lib import colors  # noqa: E402

_FONTS_DONE = []


def fonts():
    import logging
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if _FONTS_DONE:
        return
    d = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DV", d + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", d + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DVC", d + "DejaVuSansCondensed.ttf"))
    _FONTS_DONE.append(1)


class Flow:
    """A tiny page flow: y cursor, page breaks, header/footer per page."""

    def __init__(self, c, case, top=780, bottom=60, left=50, right=545, furniture=None):
        self.c, self.case, self.top, self.bottom, self.left, self.right = c, case, top, bottom, left, right
        self.y = top
        self.page = 1
        self.furniture = furniture
        if furniture:
            furniture(self)

    def need(self, h):
        if self.y - h < self.bottom:
            self.c.showPage()
            self.page += 1
            self.y = self.top
            if self.furniture:
                self.furniture(self)


def std_furniture(font="Helvetica", color=(0.35, 0.35, 0.35)):
    def f(fl):
        c, s = fl.c, fl.case.sender
        c.setFont(font, 7.5)
        c.setFillColorRGB(*color)
        c.drawRightString(fl.right, 815, s["marking"])
        c.drawString(fl.left, 815, s["partnership"])
        c.drawString(fl.left, 28, footer_text(fl.case))
        c.drawRightString(fl.right, 28, "Page %d" % fl.page)
        c.setFillColorRGB(0, 0, 0)
    return f


def draw_par(fl, text, font="Helvetica", size=9, width=None, x0=None, lead=None, color=None):
    width = width or (fl.right - fl.left)
    x0 = fl.left if x0 is None else x0
    lead = lead or size * 1.25
    lines = simpleSplit(text, font, size, width)
    for ln in lines:
        fl.need(lead)
        fl.c.setFont(font, size)
        if color:
            fl.c.setFillColorRGB(*color)
        fl.c.drawString(x0, fl.y - size, ln)
        fl.c.setFillColorRGB(0, 0, 0)
        fl.y -= lead
    return len(lines)


def pdf_bytes(build, pagesize=A4, producer=None, creator=None, title=""):
    fonts()
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=0)
    c.setTitle(title)
    if producer:
        c.setProducer(producer)
    if creator:
        c.setCreator(creator)
    build(c)
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- P-STRIKEOPT
def p_strikeopt(case, rng):
    s = case.sender
    font, bold = rng.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("DV", "DVB")])
    size = 9.5
    lw = rng.choice([190, 210, 230])

    def build(c):
        fl = Flow(c, case, furniture=std_furniture())
        draw_par(fl, s["title"], bold, 14, lead=17)
        fl.y -= 5
        draw_par(fl, s["org"], font, 9, color=(0.3, 0.3, 0.3))
        draw_par(fl, guidance_text(case, rng), font, 8, color=(0.25, 0.25, 0.25))
        draw_par(fl, "Where options are printed, delete as appropriate (strike out the options that do not apply).", bold, 8)
        fl.y -= 6
        for sec in case.sections:
            fl.need(40)
            c.setFillColorRGB(0.85, 0.85, 0.85)
            c.rect(fl.left, fl.y - 15, fl.right - fl.left, 15, stroke=1, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(bold, 10)
            c.drawString(fl.left + 4, fl.y - 11, sec["title"])
            fl.y -= 15
            for it in sec["items"]:
                k = it["kind"]
                if k == "agencies":
                    ws = [150, 180, fl.right - fl.left - 330]
                    hdr_ = it["heads"]
                    rows = [hdr_] + list(it["rows"]) + [("", "", "")]
                    for j, r_ in enumerate(rows):
                        cells = [simpleSplit(v, bold if j == 0 else font, size, w - 6) or [""] for v, w in zip(r_, ws)]
                        h = max(len(cl) for cl in cells) * size * 1.25 + 6
                        fl.need(h)
                        xx = fl.left
                        for cl, w in zip(cells, ws):
                            c.rect(xx, fl.y - h, w, h)
                            c.setFont(bold if j == 0 else font, size)
                            for li, ln in enumerate(cl):
                                c.drawString(xx + 3, fl.y - 3 - size - li * size * 1.25, ln)
                            xx += w
                        fl.y -= h
                    continue
                # answer lines (list of list of (text, struck))
                aw = fl.right - fl.left - lw - 6
                if k == "choice":
                    opts = it["options"]
                    if it["key"] == "i_type":
                        alines = []
                        for j, o in enumerate(opts):
                            struck = it["chosen"] is not None and j != it["chosen"]
                            t = o
                            if j == it["chosen"] and it.get("spec"):
                                t = o + ": " + it["spec"]
                            alines.append([(t, struck)])
                    else:
                        segs = []
                        for j, o in enumerate(opts):
                            if j:
                                segs.append((" / ", False))
                            segs.append((o, it["chosen"] is not None and j != it["chosen"]))
                        alines = [segs]
                elif k == "lines":
                    alines = [[(l, False)] for l in it.get("value") or []] or [[("", False)]]
                elif k == "long":
                    alines = []
                    for j, p in enumerate(it.get("value") or []):
                        if j:
                            alines.append([("", False)])
                        alines += [[(l, False)] for l in simpleSplit(p, font, size, aw)]
                    alines = alines or [[("", False)]]
                else:
                    alines = [[(l, False)] for l in simpleSplit(text_of(it), font, size, aw)] or [[("", False)]]
                llines = simpleSplit(it["label"], bold, size - 0.5, lw - 6)
                h = max(len(llines), len(alines)) * size * 1.3 + 6
                if h > fl.y - fl.bottom and len(alines) > 8:
                    # split long answers over pages: draw label row then chunk
                    pass
                fl.need(min(h, fl.top - fl.bottom - 10))
                c.rect(fl.left, fl.y - h, lw, h)
                c.rect(fl.left + lw, fl.y - h, fl.right - fl.left - lw, h)
                c.setFont(bold, size - 0.5)
                for li, ln in enumerate(llines):
                    c.drawString(fl.left + 3, fl.y - 3 - size - li * size * 1.3, ln)
                for li, segs in enumerate(alines):
                    xx = fl.left + lw + 4
                    yy = fl.y - 3 - size - li * size * 1.3
                    for t, struck in segs:
                        c.setFont(font, size)
                        c.drawString(xx, yy, t)
                        wdt = pdfmetrics.stringWidth(t, font, size)
                        if struck:
                            c.setLineWidth(0.8)
                            c.line(xx - 0.5, yy + size * 0.3, xx + wdt + 0.5, yy + size * 0.3)
                            c.setLineWidth(1)
                        xx += wdt
                fl.y -= h
            fl.y -= 8
        fl.need(30)
        c.setFont(bold, 10)
        c.drawString(fl.left, fl.y - 10, s["decoy_title"] + " (for office use)")
        fl.y -= 16
        for l, v in case.decoys:
            fl.need(14)
            c.setFont(font, 9)
            c.drawString(fl.left, fl.y - 9, "%s: %s" % (l, v))
            fl.y -= 13

    return pdf_bytes(build, producer="Microsoft: Print To PDF", title=s["title"])


# ---------------------------------------------------------------- P-HIGHLIGHT
def p_highlight(case, rng):
    s = case.sender
    ink = rng.choice([(0.05, 0.2, 0.6), (0.0, 0.0, 0.0), (0.45, 0.0, 0.35)])
    afont = rng.choice(["Helvetica", "Courier", "DV"])
    hcol = rng.choice([[1, 1, 0], [1, 0.85, 0.2], [0.6, 1, 0.6]])
    size = 9
    marks = []  # (page, x0, y0, x1, y1)

    def build(c):
        fl = Flow(c, case, furniture=std_furniture("Helvetica"))
        c.setFont("Helvetica-Bold", 13)
        c.drawString(fl.left, fl.y - 13, s["title"][:72])
        fl.y -= 20
        draw_par(fl, guidance_text(case, rng), "Helvetica", 7.5, color=(0.3, 0.3, 0.3))
        draw_par(fl, "Please highlight one option where choices are given.", "Helvetica-Oblique", 7.5)
        fl.y -= 4
        for sec in case.sections:
            fl.need(36)
            c.setFont("Helvetica-Bold", 10.5)
            c.setFillColorRGB(0.1, 0.25, 0.45)
            c.drawString(fl.left, fl.y - 11, sec["title"])
            c.setFillColorRGB(0, 0, 0)
            c.line(fl.left, fl.y - 14, fl.right, fl.y - 14)
            fl.y -= 20
            for it in sec["items"]:
                k = it["kind"]
                if k == "agencies":
                    ws = [160, 175, fl.right - fl.left - 335]
                    fl.need(14)
                    xx = fl.left
                    c.setFont("Helvetica-Bold", 8.5)
                    for h_, w in zip(it["heads"], ws):
                        c.drawString(xx + 2, fl.y - 9, h_)
                        xx += w
                    fl.y -= 12
                    for r_ in list(it["rows"]) + [("", "", "")] * 2:
                        fl.need(16)
                        xx = fl.left
                        for v, w in zip(r_, ws):
                            c.setStrokeColorRGB(0.6, 0.6, 0.6)
                            c.rect(xx, fl.y - 14, w - 4, 14)
                            c.setStrokeColorRGB(0, 0, 0)
                            c.setFillColorRGB(*ink)
                            c.setFont(afont, 8.5 if afont != "Courier" else 8)
                            c.drawString(xx + 3, fl.y - 10, v[:48])
                            c.setFillColorRGB(0, 0, 0)
                            xx += w
                        fl.y -= 16
                    fl.y -= 4
                    continue
                lw = 200
                llines = simpleSplit(it["label"], "Helvetica", 8.5, lw - 8)
                if k == "choice":
                    opts = it["options"]
                    h = max(len(llines) * 10.5, 14) + 4
                    if it["key"] == "i_type":
                        h = max(h, len(opts) * 12 + 4)
                    fl.need(h)
                    c.setFont("Helvetica", 8.5)
                    for li, ln in enumerate(llines):
                        c.drawString(fl.left, fl.y - 9 - li * 10.5, ln)
                    xx = fl.left + lw
                    for j, o in enumerate(opts):
                        t = o
                        if it["key"] == "i_type":
                            yy = fl.y - 9 - j * 12
                            xx = fl.left + lw
                        else:
                            yy = fl.y - 9
                        c.setFont("Helvetica", 9)
                        c.drawString(xx, yy, t)
                        wdt = pdfmetrics.stringWidth(t, "Helvetica", 9)
                        if it.get("chosen") == j:
                            marks.append((fl.page, xx - 1, yy - 2.5, xx + wdt + 1, yy + 8.5))
                            if it.get("spec"):
                                c.setFillColorRGB(*ink)
                                c.setFont(afont, 9)
                                c.drawString(xx + wdt + 8, yy, it["spec"])
                                c.setFillColorRGB(0, 0, 0)
                        xx += wdt + 22
                    fl.y -= h
                    continue
                aw = fl.right - fl.left - lw
                if k == "lines":
                    al = it.get("value") or []
                elif k == "long":
                    al = []
                    for j, p in enumerate(it.get("value") or []):
                        if j:
                            al.append("")
                        al += simpleSplit(p, afont, size, aw - 8)
                else:
                    al = simpleSplit(text_of(it), afont, size, aw - 8)
                nl = max(1, len(al))
                h = max(len(llines) * 10.5, nl * 11.5) + 6
                fl.need(h)
                c.setFont("Helvetica", 8.5)
                for li, ln in enumerate(llines):
                    c.drawString(fl.left, fl.y - 9 - li * 10.5, ln)
                c.setStrokeColorRGB(0.55, 0.55, 0.55)
                c.rect(fl.left + lw - 3, fl.y - h + 1, aw + 3, h - 2)
                c.setStrokeColorRGB(0, 0, 0)
                c.setFillColorRGB(*ink)
                c.setFont(afont, size)
                for li, ln in enumerate(al):
                    c.drawString(fl.left + lw + 2, fl.y - 10 - li * 11.5, ln)
                c.setFillColorRGB(0, 0, 0)
                fl.y -= h + 3
            fl.y -= 6
        fl.need(60)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(fl.left, fl.y - 9, s["decoy_title"])
        fl.y -= 14
        for l, v in case.decoys:
            c.setFont("Helvetica", 8.5)
            c.drawString(fl.left, fl.y - 9, l)
            c.setFont(afont, 9)
            c.setFillColorRGB(*ink)
            c.drawString(fl.left + 200, fl.y - 9, v)
            c.setFillColorRGB(0, 0, 0)
            fl.y -= 13

    raw = pdf_bytes(build, producer="Microsoft: Print To PDF", title=s["title"])
    # add Highlight annotations with pypdf (as a PDF editor's highlighter does)
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                               TextStringObject)
    rd = PdfReader(io.BytesIO(raw))
    wr = PdfWriter(clone_from=rd)
    author = "%s %s" % person(rng)
    for pg, x0, y0, x1, y1 in marks:
        page = wr.pages[pg - 1]
        ann = DictionaryObject()
        ann[NameObject("/Type")] = NameObject("/Annot")
        ann[NameObject("/Subtype")] = NameObject("/Highlight")
        ann[NameObject("/Rect")] = ArrayObject([FloatObject(round(v, 2)) for v in (x0, y0, x1, y1)])
        ann[NameObject("/QuadPoints")] = ArrayObject([FloatObject(round(v, 2)) for v in (x0, y1, x1, y1, x0, y0, x1, y0)])
        ann[NameObject("/C")] = ArrayObject([FloatObject(v) for v in hcol])
        ann[NameObject("/F")] = NumberObject(4)
        ann[NameObject("/T")] = TextStringObject(author)
        ann[NameObject("/CA")] = FloatObject(0.5)
        ref = wr._add_object(ann)
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        page["/Annots"].append(ref)
    case.notes["highlights"] = len(marks)
    out = io.BytesIO()
    wr.write(out)
    return out.getvalue()


# ---------------------------------------------------------------- P-INCREMENTAL
def p_incremental(case, rng):
    s = case.sender
    fields = []  # (name, final value) text fields to update later

    def build(c):
        fl = Flow(c, case, furniture=std_furniture("Helvetica"))
        form = c.acroForm
        c.setFont("Helvetica-Bold", 13)
        c.drawString(fl.left, fl.y - 13, s["title"][:72])
        fl.y -= 20
        draw_par(fl, guidance_text(case, rng), "Helvetica", 7.5, color=(0.3, 0.3, 0.3))
        fl.y -= 4
        n = [0]
        lw = 210
        for si, sec in enumerate(case.sections, 1):
            fl.need(40)
            c.setFillColorRGB(0.2, 0.3, 0.5)
            c.rect(fl.left, fl.y - 15, fl.right - fl.left, 15, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(fl.left + 4, fl.y - 11, sec["title"])
            c.setFillColorRGB(0, 0, 0)
            fl.y -= 20
            qi = 0
            for it in sec["items"]:
                k = it["kind"]
                if k == "agencies":
                    ws = [165, 170, fl.right - fl.left - 335]
                    c.setFont("Helvetica-Bold", 8)
                    xx = fl.left
                    for h_, w in zip(it["heads"], ws):
                        c.drawString(xx, fl.y - 8, h_)
                        xx += w
                    fl.y -= 11
                    for ri, r_ in enumerate(list(it["rows"]) + [("", "", "")] * (4 - len(it["rows"]) if len(it["rows"]) < 4 else 1)):
                        fl.need(18)
                        xx = fl.left
                        for ci, (v, w) in enumerate(zip(r_, ws)):
                            nm = "S%d_agency%d_%s" % (si, ri + 1, ["name", "org", "contact"][ci])
                            form.textfield(name=nm, tooltip="%s %d - %s" % (it["label"], ri + 1, it["heads"][ci]),
                                           x=xx, y=fl.y - 15, width=w - 5, height=14, value="", fontName="Helvetica",
                                           fontSize=8, borderWidth=0.5, borderColor=colors.grey, fillColor=colors.white)
                            if v:
                                fields.append((nm, v))
                            xx += w
                        fl.y -= 17
                    continue
                qi += 1
                nm = "S%d_Q%d" % (si, qi)
                llines = simpleSplit(it["label"], "Helvetica", 8.5, lw - 8)
                aw = fl.right - fl.left - lw
                if k == "choice" and it.get("yn"):
                    h = max(14, len(llines) * 10.5) + 4
                    fl.need(h)
                    c.setFont("Helvetica", 8.5)
                    for li, ln in enumerate(llines):
                        c.drawString(fl.left, fl.y - 9 - li * 10.5, ln)
                    xx = fl.left + lw
                    for j, o in enumerate(it["options"]):
                        form.checkbox(name="%s_%s" % (nm, re.sub(r"\W", "", o) or "opt%d" % j), tooltip="%s: %s" % (it["label"], o),
                                      x=xx, y=fl.y - 12, size=10, checked=(it["chosen"] == j), buttonStyle="cross",
                                      borderWidth=0.5)
                        c.setFont("Helvetica", 8.5)
                        c.drawString(xx + 13, fl.y - 10, o)
                        xx += 24 + pdfmetrics.stringWidth(o, "Helvetica", 8.5) + 10
                    fl.y -= h
                    continue
                if k == "choice":
                    opts = [" "] + it["options"]
                    h = max(16, len(llines) * 10.5) + 4
                    fl.need(h)
                    c.setFont("Helvetica", 8.5)
                    for li, ln in enumerate(llines):
                        c.drawString(fl.left, fl.y - 9 - li * 10.5, ln)
                    val = it["options"][it["chosen"]] if it.get("chosen") is not None else " "
                    form.choice(name=nm, tooltip=it["label"], value=val, options=opts, x=fl.left + lw, y=fl.y - 15,
                                width=min(aw, 240), height=14, fontName="Helvetica", fontSize=8.5, borderWidth=0.5,
                                fieldFlags="combo")
                    fl.y -= h
                    if it.get("spec"):
                        fl.need(18)
                        c.drawString(fl.left, fl.y - 9, "If other, please specify")
                        form.textfield(name=nm + "_other", tooltip="If other, please specify", x=fl.left + lw,
                                       y=fl.y - 15, width=aw, height=14, value="", fontName="Helvetica", fontSize=8.5,
                                       borderWidth=0.5)
                        fields.append((nm + "_other", it["spec"]))
                        fl.y -= 18
                    continue
                if k == "lines":
                    val = "\n".join(it.get("value") or [])
                    nl = max(3, len(it.get("value") or []))
                elif k == "long":
                    val = "\n\n".join(it.get("value") or [])
                    nl = sum(len(simpleSplit(p, "Helvetica", 8.5, aw - 6)) + 1 for p in (it.get("value") or [""]))
                    nl = max(3, nl)
                else:
                    val = text_of(it)
                    nl = 1
                h = max(len(llines) * 10.5, nl * 10.5 + 4) + 4
                fl.need(h)
                c.setFont("Helvetica", 8.5)
                for li, ln in enumerate(llines):
                    c.drawString(fl.left, fl.y - 9 - li * 10.5, ln)
                form.textfield(name=nm, tooltip=it["label"], x=fl.left + lw, y=fl.y - h + 3, width=aw,
                               height=h - 4, value="", fontName="Helvetica", fontSize=8.5, borderWidth=0.5,
                               fieldFlags="multiline" if nl > 1 else "")
                if val:
                    fields.append((nm, val))
                fl.y -= h + 2
            fl.y -= 6
        fl.need(70)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(fl.left, fl.y - 9, s["decoy_title"] + " (office use)")
        fl.y -= 14
        for l, v in case.decoys:
            c.setFont("Helvetica", 8.5)
            c.drawString(fl.left, fl.y - 9, "%s:  %s" % (l, v))
            fl.y -= 12

    raw = pdf_bytes(build, producer="Adobe PDF Library 23.8.53", creator="Adobe Acrobat Pro (64-bit) 23.8.20533",
                    title=s["title"])
    from pypdf import PdfReader, PdfWriter
    # three saves: first fill (some draft values), second save, third save corrections
    order = list(fields)
    rng.shuffle(order)
    cut = len(order) * rng.choice([45, 55, 65]) // 100
    first, second = order[:cut], order[cut:]
    drafts = {}
    for nm, v in first[:rng.randrange(2, 5)]:
        if "\n" not in v:
            drafts[nm] = rng.choice(["TBC", "to follow", "?", v[: max(1, len(v) // 2)]])
    case.notes["drafts"] = ["%s=%s" % kv for kv in drafts.items()]
    data = raw
    for step, vals in enumerate([[(n, drafts.get(n, v)) for n, v in first], second,
                                 [(n, v) for n, v in first if n in drafts]]):
        if not vals:
            continue
        rd = PdfReader(io.BytesIO(data))
        wr = PdfWriter(rd, incremental=True)
        by_page = {}
        for pi, page in enumerate(wr.pages):
            names = {a.get_object().get("/T") for a in page.get("/Annots", [])}
            upd = {n: v for n, v in vals if n in names}
            if upd:
                wr.update_page_form_field_values(page, upd, auto_regenerate=False)
        wr.set_need_appearances_writer(False)
        out = io.BytesIO()
        wr.write(out)
        data = out.getvalue()
    case.notes["saves"] = 1 + sum(1 for v in ([first, second, drafts]) if v)
    return data


# ---------------------------------------------------------------- P-ONEPAGE
def p_onepage(case, rng):
    s = case.sender
    acc = rng.choice([(0.11, 0.35, 0.45), (0.45, 0.2, 0.5), (0.2, 0.4, 0.2), (0.6, 0.25, 0.1)])
    rec = case.rec
    secs = {sec["key"]: sec for sec in case.sections}
    kids = [sec for sec in case.sections if sec["key"] == "child"]

    def item(sec, key):
        for it in sec["items"]:
            if it["key"] == key:
                return it
        return None

    def yn_icon(it):
        if it is None or it.get("chosen") is None:
            return "\u2013 " + "(not answered)"
        if it["chosen"] == 0:
            return "\u2714 " + it["options"][0]
        if it["chosen"] == 1:
            return "\u2718 " + it["options"][1]
        return "? " + it["options"][2]

    def build(c):
        fl = Flow(c, case, top=800, furniture=None)
        W, H = A4

        def measure(w, lines):
            hh = 18
            lay = []
            for lab_, txt, fnt in lines:
                t = (lab_ + "  " if lab_ else "") + (txt or "")
                ls = simpleSplit(t, fnt, 8.5, w - 14) or [""]
                lay.append((lab_, txt, fnt, ls))
                hh += len(ls) * 11
            return hh + 6, lay

        def draw_card(x0, y, w, title, hh, lay):
            c.setFillColorRGB(0.96, 0.96, 0.96)
            c.roundRect(x0, y - hh, w, hh, 6, stroke=0, fill=1)
            c.setFillColorRGB(*acc)
            c.roundRect(x0, y - 16, w, 16, 6, stroke=0, fill=1)
            c.rect(x0, y - 16, w, 8, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("DVB", 9)
            c.drawString(x0 + 7, y - 12, title)
            c.setFillColorRGB(0, 0, 0)
            yy = y - 28
            for lab_, txt, fnt, ls in lay:
                for li, ln in enumerate(ls):
                    if lab_ and li == 0 and ln.startswith(lab_):
                        c.setFont("DV", 7.5)
                        c.setFillColorRGB(0.4, 0.4, 0.4)
                        c.drawString(x0 + 7, yy, lab_)
                        lw_ = pdfmetrics.stringWidth(lab_ + "  ", "DV", 7.5)
                        c.setFillColorRGB(0, 0, 0)
                        c.setFont(fnt, 8.5)
                        c.drawString(x0 + 7 + lw_, yy, ln[len(lab_):].strip())
                    else:
                        c.setFont(fnt, 8.5)
                        c.drawString(x0 + 7, yy, ln)
                    yy -= 11

        pos = {"y": 800}

        def row(cards):
            """cards: list of (title, lines); one card = full width, two = side by side"""
            n_ = len(cards)
            w = (W - 80) if n_ == 1 else (W - 90) / 2
            ms = [measure(w, ln_) for _, ln_ in cards]
            h = max(m[0] for m in ms)
            if pos["y"] - h < 50:
                c.setFont("DV", 6.5)
                c.drawString(40, 22, footer_text(case))
                c.showPage()
                c.setFont("DV", 7)
                c.drawRightString(W - 30, H - 15, s["marking"])
                pos["y"] = 810
            for j, ((title, _), (hh, lay)) in enumerate(zip(cards, ms)):
                draw_card(40 + j * (w + 10), pos["y"], w, title, hh, lay)
            pos["y"] -= h + 8

        # banner
        c.setFillColorRGB(*acc)
        c.rect(0, H - 70, W, 70, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("DVB", 15)
        c.drawString(40, H - 32, "Referral on a page")
        c.setFont("DV", 8.5)
        c.drawString(40, H - 47, s["title"][:95])
        c.drawString(40, H - 60, "%s  \u2022  %s" % (s["org"][:60], s["partnership"][:60]))
        c.setFont("DV", 7)
        c.drawRightString(W - 30, H - 15, s["marking"])
        c.setFillColorRGB(0, 0, 0)
        c.setFont("DV", 7)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        gl = simpleSplit(guidance_text(case, rng), "DV", 7, W - 80)
        yy = H - 82
        for ln in gl:
            c.drawString(40, yy, ln)
            yy -= 9
        c.setFillColorRGB(0, 0, 0)
        # key dates timeline
        yy -= 8
        c.setFont("DVB", 9)
        c.drawString(40, yy, "Key dates")
        yy -= 26
        inc = secs["inc"]
        evs = []
        for lab_, it in ((s["L"]["i_date"], item(inc, "i_date")), (s["L"]["i_la"], item(inc, "i_la")),
                         (s["L"]["date"], item(secs["ref"], "date")),
                         (s["L"]["panel_date"], item(secs["panel"], "panel_date"))):
            if it is None:
                continue
            evs.append((lab_, it.get("value") or "\u2013"))
        dl, dv = case.decoys[1]
        evs.insert(rng.randrange(0, len(evs) + 1), (dl, dv))
        c.setStrokeColorRGB(*acc)
        c.setLineWidth(2)
        c.line(50, yy, W - 50, yy)
        c.setLineWidth(1)
        step = (W - 100) / max(1, len(evs) - 1)
        for j, (lab_, v) in enumerate(evs):
            xx = 50 + j * step
            c.setFillColorRGB(*acc)
            c.circle(xx, yy, 4, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("DVB", 8)
            c.drawCentredString(xx if 0 < j < len(evs) - 1 else (xx + 30 if j == 0 else xx - 30), yy + 8, v)
            c.setFont("DV", 6.5)
            for li, ln in enumerate(simpleSplit(lab_, "DV", 6.5, step - 6 if len(evs) > 1 else 200)[:3]):
                c.drawCentredString(xx if 0 < j < len(evs) - 1 else (xx + 30 if j == 0 else xx - 30), yy - 12 - li * 8, ln)
        c.setStrokeColorRGB(0, 0, 0)
        yy -= 42
        pos["y"] = yy
        L = s["L"]
        ref, lead = secs["ref"], secs["lead"]

        def val(sec, key):
            it = item(sec, key)
            return None if it is None else text_of(it)

        c_ref = (ref["title"], [(None, val(ref, "ref_name"), "DVB"), (L["ref_role"], val(ref, "ref_role"), "DV"),
                                (L["ref_agency"], val(ref, "ref_agency"), "DV"), ("\u260e", val(ref, "ref_phone"), "DV"),
                                ("\u2709", val(ref, "ref_email"), "DV"), (L["date"], val(ref, "date"), "DV")])
        c_lead = (lead["title"], [(None, val(lead, "lead_name"), "DVB"), (L["lead_role"], val(lead, "lead_role"), "DV"),
                                  (L["lead_agency"], val(lead, "lead_agency"), "DV"), ("\u260e", val(lead, "lead_phone"), "DV"),
                                  ("\u2709", val(lead, "lead_email"), "DV"),
                                  (L["discussed"], yn_icon(item(lead, "discussed")), "DV")])
        row([c_ref, c_lead])
        kc = []
        for ks in kids:
            lines = []
            for it in ks["items"]:
                if it["key"] in ("c_first", "c_last", "c_name"):
                    continue
                if it.get("yn"):
                    lines.append((it["label"], yn_icon(it), "DV"))
                else:
                    lines.append((it["label"], text_of(it), "DV"))
            nm = "  ".join("%s: %s" % (i["label"], text_of(i)) for i in ks["items"] if i["key"] in ("c_first", "c_last"))
            if not nm:
                nm = " ".join(text_of(i) for i in ks["items"] if i["key"] == "c_name")
            lines.insert(0, (None, nm, "DVB"))
            kc.append((ks["title"], lines))
        for j in range(0, len(kc), 2):
            row(kc[j:j + 2])
        inc = secs["inc"]
        crit = secs["crit"]
        c_inc = (inc["title"], [(i["label"], text_of(i) if not i.get("yn") else yn_icon(i), "DV") for i in inc["items"]
                                if i["key"] != "i_summary"])
        c_crit = (crit["title"], [(None, "%s   %s" % (yn_icon(i), i["label"]), "DV") for i in crit["items"] if i.get("yn")])
        row([c_inc, c_crit])
        pan = secs["panel"]
        c_pan = (pan["title"], [(i["label"], yn_icon(i) if i.get("yn") else (text_of(i) or "\u2013"), "DV")
                                for i in pan["items"]])
        ag = secs["ag"]["items"][0]
        lines = []
        for r_ in ag["rows"]:
            lines.append((None, r_[1], "DVB"))
            if r_[0]:
                lines.append((ag["heads"][0], r_[0], "DV"))
            lines.append((ag["heads"][2], r_[2], "DV"))
        if not lines:
            lines = [(None, "None recorded", "DV")]
        row([c_pan, (secs["ag"]["title"], lines)])
        narrs = [(item(inc, "i_summary")["label"], item(inc, "i_summary")["value"]),
                 (item(crit, "cr_reason")["label"], item(crit, "cr_reason")["value"]),
                 (secs["conc"]["items"][0]["label"], secs["conc"]["items"][0].get("value") or [])]
        for lab_, paras in narrs:
            if isinstance(paras, str):
                paras = [paras]
            lines = []
            for j, p in enumerate(paras or [""]):
                if j:
                    lines.append((None, "", "DV"))
                lines.append((None, p, "DV"))
            row([(lab_, lines)])
        dd = "   \u2022   ".join("%s: %s" % dv_ for j, dv_ in enumerate(case.decoys) if j != 1)
        row([(s["decoy_title"], [(None, dd, "DV")])])
        c.setFont("DV", 6.5)
        c.setFillColorRGB(0.4, 0.4, 0.4)
        c.drawString(40, 22, footer_text(case))

    return pdf_bytes(build, producer="Canva", creator="Canva", title="Referral on a page")


# ---------------------------------------------------------------- P-LISTITEM
def p_listitem(case, rng):
    s = case.sender
    printed = dt.datetime.combine(case.ref_date + dt.timedelta(days=rng.randrange(0, 3)), dt.time(rng.randrange(8, 18), rng.randrange(60)))
    listname = rng.choice(["Safeguarding referrals", "Serious incident referrals", "Welfare concerns log"])
    site = s["dom"].split(".")[0]
    url = "https://%s.sharepoint.com/sites/Safeguarding/Lists/%s/DispForm.aspx?ID=%d" % (
        site, listname.replace(" ", "%20"), rng.randrange(40, 400))
    created_by = "%s %s" % person(rng)

    def initials(n):
        ps = [p for p in re.split(r"\s+", n) if p and p[0].isalpha()]
        return (ps[0][0] + ps[-1][0]).upper() if ps else "?"

    pills = [(0.87, 0.93, 1.0), (0.9, 0.97, 0.88), (1.0, 0.93, 0.85), (0.95, 0.9, 1.0)]

    def build(c):
        W, H = A4

        def furn(fl):
            c.setFont("Helvetica", 7)
            c.setFillColorRGB(0.3, 0.3, 0.3)
            c.drawString(30, H - 18, printed.strftime("%d/%m/%Y, %H:%M"))
            c.drawCentredString(W / 2, H - 18, "%s - %s" % (listname, "Item"))
            c.drawString(30, 16, url[:110])
            c.drawRightString(W - 30, 16, "%d" % fl.page)
            c.setFillColorRGB(0, 0, 0)

        fl = Flow(c, case, top=H - 40, bottom=45, left=60, right=W - 60, furniture=furn)
        c.setFillColorRGB(0.01, 0.47, 0.83)
        c.rect(0, fl.y - 26, W, 26, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(20, fl.y - 17, "SharePoint    %s Safeguarding" % s["org"].split(" (")[0][:50])
        c.setFillColorRGB(0, 0, 0)
        fl.y -= 40
        c.setFont("Helvetica", 8)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawString(fl.left, fl.y, "%s  \u203a  Item" % listname)
        fl.y -= 22
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(fl.left, fl.y, "Referral %s-%04d" % (s["pshort"], rng.randrange(1, 9999)))
        fl.y -= 12
        draw_par(fl, s["title"], "Helvetica", 8.5, color=(0.35, 0.35, 0.35))
        fl.y -= 6
        pcount = [0]

        def field(label, kind, value):
            """kind: text | person | pill | multi"""
            if kind == "multi":
                paras = value or []
                lines = []
                for j, p in enumerate(paras):
                    if j:
                        lines.append("")
                    lines += simpleSplit(p, "Helvetica", 9.5, fl.right - fl.left)
                h = 14 + max(1, len(lines)) * 12.5 + 8
            else:
                lines = [value or ""]
                h = 14 + 16 + 8
            fl.need(min(h, 300))
            c.setFont("Helvetica", 8)
            c.setFillColorRGB(0.38, 0.38, 0.38)
            c.drawString(fl.left, fl.y - 8, label)
            c.setFillColorRGB(0, 0, 0)
            fl.y -= 14
            if kind == "person" and value:
                c.setFillColorRGB(*rng.choice([(0.8, 0.3, 0.3), (0.3, 0.5, 0.8), (0.3, 0.6, 0.4), (0.6, 0.4, 0.7)]))
                c.circle(fl.left + 8, fl.y - 7, 8, stroke=0, fill=1)
                c.setFillColorRGB(1, 1, 1)
                c.setFont("Helvetica-Bold", 6.5)
                c.drawCentredString(fl.left + 8, fl.y - 9.3, initials(value))
                c.setFillColorRGB(0, 0, 0)
                c.setFont("Helvetica", 9.5)
                c.drawString(fl.left + 22, fl.y - 10.5, value)
                fl.y -= 18
            elif kind == "pill" and value:
                for j, v in enumerate(value.split(";;")):
                    w = pdfmetrics.stringWidth(v, "Helvetica", 8.5) + 16
                    c.setFillColorRGB(*pills[pcount[0] % len(pills)])
                    pcount[0] += 1
                    c.roundRect(fl.left, fl.y - 15, w, 14, 7, stroke=0, fill=1)
                    c.setFillColorRGB(0, 0, 0)
                    c.setFont("Helvetica", 8.5)
                    c.drawString(fl.left + 8, fl.y - 11, v)
                fl.y -= 18
            elif kind == "multi":
                for ln in lines:
                    fl.need(12.5)
                    c.setFont("Helvetica", 9.5)
                    c.drawString(fl.left, fl.y - 10, ln)
                    fl.y -= 12.5
                fl.y -= 4
            else:
                c.setFont("Helvetica", 9.5)
                c.drawString(fl.left, fl.y - 10.5, value or "")
                fl.y -= 16
            fl.y -= 6

        for sec in case.sections:
            fl.need(40)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(fl.left, fl.y - 11, sec["title"])
            fl.y -= 20
            pre = "" if sec["key"] != "child" or case.notes["children"] == 1 else "Child %d - " % (sec["child"] + 1)
            for it in sec["items"]:
                k = it["kind"]
                lab = pre + it["label"] if pre else it["label"]
                if k == "agencies":
                    if not it["rows"]:
                        field(lab, "text", "")
                    for j, r_ in enumerate(it["rows"], 1):
                        field("Agency %d - %s" % (j, it["heads"][1]), "text", r_[1])
                        field("Agency %d - %s" % (j, it["heads"][0]), "person", r_[0])
                        field("Agency %d - %s" % (j, it["heads"][2]), "text", r_[2])
                    continue
                if k == "long":
                    field(lab, "multi", it.get("value") or [])
                elif k == "lines":
                    field(lab, "multi", [", ".join(it.get("value") or [])])
                elif k == "choice":
                    v = choice_word(it)
                    if it.get("yn"):
                        field(lab, "text", v)
                    else:
                        field(lab, "pill", v)
                elif it["key"] in ("ref_name", "lead_name"):
                    field(lab, "person", it.get("value"))
                else:
                    field(lab, "text", it.get("value"))
        fl.need(60)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(fl.left, fl.y - 11, s["decoy_title"])
        fl.y -= 20
        for l, v in case.decoys:
            field(l, "text", v)
        fl.need(30)
        c.setFont("Helvetica", 7.5)
        c.setFillColorRGB(0.38, 0.38, 0.38)
        c.drawString(fl.left, fl.y - 8, "Created at %s by %s" % (fmt_date(case.ref_date, "slash") + " 08:5%d" % rng.randrange(10), created_by))
        c.drawString(fl.left, fl.y - 18, "Last modified at %s by %s" % (printed.strftime("%d/%m/%Y %H:%M"), created_by))
        c.setFillColorRGB(0, 0, 0)

    data = pdf_bytes(build, producer="Skia/PDF m124", creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
                     title="%s - Item" % listname)
    return data


RENDER = {"W-TICKGRID": w_tickgrid, "W-PTABRIGHT": w_ptabright, "W-QUOTEDMAIL": w_quotedmail,
          "W-RESUBMIT": w_resubmit, "W-CELLSDT": w_cellsdt, "P-STRIKEOPT": p_strikeopt,
          "P-HIGHLIGHT": p_highlight, "P-INCREMENTAL": p_incremental, "P-ONEPAGE": p_onepage,
          "P-LISTITEM": p_listitem}



# ----------------------------------------------------------------------------------------------
# plan, truth, self-check
# ----------------------------------------------------------------------------------------------
def find_schema():
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in ("/work/shared/referral.schema.json",
                 os.path.join(here, "..", "..", "shared", "referral.schema.json"),
                 os.path.join(here, "..", "..", "..", "shared", "referral.schema.json")):
        if os.path.exists(cand):
            return json.load(open(cand))
    return None


def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    return re.sub(r"[^0-9a-z]", "", t)


def doc_text(path):
    if path.endswith(".docx"):
        import docx  # python-docx: the document must open
        docx.Document(path)
        out = []
        with zipfile.ZipFile(path) as z:
            for n in sorted(z.namelist()):
                if n.startswith("word/") and n.endswith(".xml"):
                    xml = z.read(n).decode("utf-8")
                    out += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
        import html
        return html.unescape(" ".join(out))
    import pdfplumber
    out = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            out.append(pg.extract_text() or "")
    from pypdf import PdfReader
    rd = PdfReader(path)
    flds = rd.get_fields() or {}
    for k, f in flds.items():
        v = f.get("/V")
        if v is not None:
            out.append(str(v))
    return "\n".join(out)


def check_values(rec):
    """(label, [alternatives]) for every stated string value"""
    vals = []

    def date_alts(iso):
        d = dt.date.fromisoformat(iso)
        return [fmt_date(d, st) for st in ALL_STYLES]

    def add(label, v, kind="text"):
        if v is None:
            return
        if kind == "date":
            vals.append((label, date_alts(v)))
        elif kind == "addr":
            for part in v.split(", "):
                vals.append((label, [part]))
        elif kind == "summary":
            for part in v.split("\n\n"):
                vals.append((label, [part]))
        elif kind == "name":
            for part in v.split(" "):
                vals.append((label, [part]))
        else:
            vals.append((label, [v]))

    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        for f in ("name", "role", "agency", "email", "phone"):
            add(who + "." + f, rec[who][f])
    for i, c in enumerate(rec["children"]):
        add("child%d.name" % i, c["name"], "name")
        for f in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add("child%d.%s" % (i, f), c[f])
        add("child%d.address" % i, c["address"], "addr")
        add("child%d.dob" % i, c["dob"], "date")
        add("child%d.dod" % i, c["date_of_death"], "date")
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "summary")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    for j, a in enumerate(rec["agencies_involved"]):
        for f in ("name", "agency", "contact"):
            add("agency%d.%s" % (j, f), a[f])
    add("immediate_concerns", rec["immediate_concerns"])
    return vals


def in_order(value, toks):
    """the value's words appear in reading order close together (text beside a wrapped label is interleaved)"""
    vt = [norm(w) for w in re.split(r"\s+", value) if norm(w)]
    if not vt:
        return False
    for i, t in enumerate(toks):
        if t != vt[0] and not t.endswith(vt[0]):
            continue
        j, k = i + 1, 1
        limit = i + 3 * len(vt) + 25
        while k < len(vt) and j < min(len(toks), limit):
            if toks[j] == vt[k] or (k == len(vt) - 1 and toks[j].startswith(vt[k])):
                k += 1
            j += 1
        if k == len(vt):
            return True
    return False


def self_check(outdir, schema):
    problems = []
    validator = None
    if schema is not None:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema)
    else:
        problems.append("schema not found")
    tdir = os.path.join(outdir, "truth")
    n = 0
    for name in sorted(os.listdir(tdir)):
        t = json.load(open(os.path.join(tdir, name)))
        n += 1
        if validator:
            for e in validator.iter_errors(t["record"]):
                problems.append("%s: schema: %s" % (name, e.message))
        path = os.path.join(outdir, "forms", t["file"])
        try:
            raw = doc_text(path)
            text = norm(raw)
            toks = [norm(w) for w in re.split(r"\s+", raw) if norm(w)]
        except Exception as e:  # noqa: BLE001
            problems.append("%s: cannot open: %r" % (t["file"], e))
            continue
        for label, alts in check_values(t["record"]):
            if label.endswith(".phone") or label.endswith(".contact"):
                alts = alts + [re.sub(r"^\+44", "0", a) for a in alts]
            if not any(norm(a) and (norm(a) in text or in_order(a, toks)) for a in alts):
                problems.append("%s: %s %r not found" % (t["file"], label, alts[0]))
    return n, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = a.outdir
    for sub in ("forms", "truth"):
        d = os.path.join(out, sub)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    plan_rng = random.Random("u20-%d-plan" % a.seed)
    pairs = [(si, li) for si in range(len(SENDERS)) for li in range(len(LAYOUTS))]
    plan_rng.shuffle(pairs)
    while len(pairs) < a.count:
        pairs += pairs[:a.count - len(pairs)]
    pairs = pairs[:a.count]
    for n, (si, li) in enumerate(pairs, 1):
        s, layout = SENDERS[si], LAYOUTS[li]
        rng = random.Random("u20-%d-%d" % (a.seed, n))
        case = build_case(rng, s, layout, n)
        data = RENDER[layout](case, rng)
        ext = "docx" if layout.startswith("W-") else "pdf"
        fname = "u20_%03d.%s" % (n, ext)
        with open(os.path.join(out, "forms", fname), "wb") as f:
            f.write(data)
        case.notes["layout_details"] = {k: v for k, v in case.notes.items() if k in ("amended", "drafts", "saves", "highlights")}
        notes = {k: v for k, v in case.notes.items() if k not in ("amended", "drafts", "saves", "highlights")}
        truth = {"file": fname, "layout": layout, "vocabulary": s["key"], "expect_status": "parsed",
                 "expect_reason": None, "record": case.rec, "notes": notes}
        with open(os.path.join(out, "truth", "u20_%03d.json" % n), "w") as f:
            json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=False)
            f.write("\n")
    n, problems = self_check(out, find_schema())
    el = time.time() - t0
    if problems:
        for p in problems:
            print("SELF-CHECK:", p)
        print("self-check FAILED: %d problems in %d forms (%.1f s)" % (len(problems), n, el))
        return 1
    print("self-check passed: %d forms, every stated string value is in its document, every record validates (%.1f s)"
          % (n, el))
    return 0


if __name__ == "__main__":
    sys.exit(main())
