"""unseen7: invented people and events, the eight senders' wordings, one case and its record,
and the abstract form (ordered sections of fields) that every layout renders."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# ---------------------------------------------------------------- invented data
FORENAMES_F = ["Aoife", "Bethan", "Carys", "Delphine", "Esme", "Fenella", "Greta", "Hollie", "Imani", "Juno",
               "Kiera", "Lowri", "Maisie", "Niamh", "Orla", "Pippa", "Rosalind", "Saoirse", "Tegan", "Wren",
               "Yasmin", "Zara", "Ffion", "Nell"]
FORENAMES_M = ["Alfie", "Brodie", "Cian", "Dexter", "Eamon", "Finlay", "Gethin", "Harvey", "Idris", "Jago",
               "Kobe", "Lorcan", "Mateo", "Nasir", "Ollie", "Piran", "Rhys", "Seamus", "Tobias", "Vinnie",
               "Wilf", "Zain", "Callum", "Declan"]
SURNAMES = ["Ashdown", "Blackwood", "Corrigan", "Dunmore", "Elphick", "Fairclough", "Gillespie", "Hartnell",
            "Ingleby", "Jeffries", "Kilbride", "Loxley", "McAteer", "Northcott", "Oakenfold", "Pendry",
            "Quarrie", "Rushworth", "Stanforth", "Trevelyan", "Underhill", "Varley", "Whitcombe", "Yardley",
            "O'Hagan", "Bright-Okafor", "Maguire", "Penhaligon"]
ADULT_F = ["Rachel", "Sinead", "Morag", "Helen", "Priya", "Lucy", "Anwen", "Deborah", "Grainne", "Tamsin", "Joanne",
           "Farah", "Claire", "Bernadette"]
ADULT_M = ["Gareth", "Patrick", "Stuart", "Imran", "Kevin", "Owain", "Neil", "Ciaran", "Adrian", "Marcus", "Dominic",
           "Jonathan"]
STREETS = ["Larkspur Close", "Tannery Lane", "Bramble Rise", "Old Forge Road", "Mill Race Court", "Heron Way",
           "Chapel Street", "Quarry Bank", "Orchard Mews", "Bishops Walk", "Weavers Row", "Kiln Lane",
           "Sandpiper Drive", "Glebe Terrace", "Foundry Street", "Beech Hill Avenue"]
ETHNICITIES = ["White British", "White Irish", "White - any other White background", "Mixed - White and Black Caribbean",
               "Asian British - Pakistani", "Black British - African", "Gypsy/Roma", "Mixed - White and Asian",
               "White - Irish Traveller", "Any other ethnic group (Kurdish)", "Asian British - Bangladeshi",
               "White Welsh"]
DISABILITIES = ["Autism spectrum condition", "Cerebral palsy (GMFCS level 4)", "ADHD, awaiting assessment",
                "Global developmental delay", "Type 1 diabetes", "Hearing impairment (bilateral)", "None known",
                "Speech and language delay"]
LEGAL = ["Section 20 (accommodated)", "Interim Care Order", "Care Order (s31)", "None", "Child Arrangements Order",
         "Special Guardianship Order", "Supervision Order", "No order"]
LOCATIONS = ["Family home", "Grandparents' home", "A&E department, {town} General Hospital", "Skate park, {town}",
             "Canal towpath near {street}", "Bus station, {town}", "Friend's flat, {street}", "Supported lodgings, {town}",
             "Leisure centre car park, {town}", "Home address"]

ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    return f"{n}{ORDINAL.get(n, 'th')}"


# Date styles used by unseen7 (the README lists them). Two-digit years are 20xx.
DATE_STYLES = {
    "dmy": lambda d: d.strftime("%d/%m/%Y"),
    "ord_of": lambda d: f"{ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    "ord_mon": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}",
    "wd_comma": lambda d: f"{DAYS[d.weekday()]}, {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "d_month_comma": lambda d: f"{d.day} {MONTHS[d.month - 1]}, {d.year}",
    "d_mon_dot": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}. {d.year}",
    "dmy_dash2": lambda d: d.strftime("%d-%m-%y"),
    "d_m_y_sp": lambda d: f"{d.day:02d} {d.month:02d} {d.year}",
    "chip": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    "dmy_short": lambda d: f"{d.day}/{d.month}/{d.year}",
}


def all_date_renderings(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [f(d) for f in DATE_STYLES.values()]


def phone_digits(s: str) -> str:
    return ("+" if s.strip().startswith("+") else "") + "".join(c for c in s if c.isdigit())


# ---------------------------------------------------------------- senders (vocabularies)
# Every label set is invented for unseen7; phrasing draws on shared/wordings/real-forms.md.
# "asks": fields the form asks at all (a field not asked is null in the truth).
ALL_FIELDS = {
    "date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.email", "ref.phone",
    "lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed",
    "ch.name", "ch.other_names", "ch.dob", "ch.age", "ch.gender", "ch.ethnicity", "ch.address", "ch.school", "ch.gp",
    "ch.legal_status", "ch.cp_plan", "ch.open_to_csc", "ch.looked_after", "ch.disability", "ch.date_of_death",
    "inc.date", "inc.date_la_aware", "inc.location", "inc.type", "inc.summary", "inc.police",
    "crit.died", "crit.abuse", "crit.local", "crit.learning", "crit.reason", "panel", "panel_date", "agencies",
    "concerns",
}


def V(**kw):
    return kw


VOCABS: dict[str, dict] = {
    "brookmead_dental": V(
        org="Brookmead Community Dental Service", partnership="Wyvern Vale Safeguarding Children Partnership",
        pdomain="wyvernvale-scp.org.uk", sdomain="nhs.net", town="Brookmead", postcode="WV",
        title="Safeguarding Children - Dental Team Referral for Case Review",
        formref="BCDS-SG4", marking="OFFICIAL - SENSITIVE (when complete)",
        layouts=["W-BAND", "P-ANNOT", "L-INK"],
        ref_roles=["Dentist", "Dental Nurse", "Dental Therapist", "Specialist in Paediatric Dentistry",
                   "Clinical Director"],
        lead_roles=["Practice Safeguarding Lead", "Named Nurse for Safeguarding Children"],
        ref_agency=["Brookmead Community Dental Service", "Brookmead CDS - Hartfield Clinic"],
        yes="Yes", no="No", unk="Unsure", genders=("Female", "Male", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm to a child"),
               ("lac_death", "Death of a looked after child"), ("other", "Other (please specify)")],
        L={"date_of_referral": "Date of referral", "ref.name": "Dental professional completing form",
           "ref.role": "Role (dentist / dental nurse / therapist)", "ref.agency": "Clinic / practice",
           "ref.email": "NHS.net email", "ref.phone": "Clinic telephone",
           "lead.name": "Practice safeguarding lead", "lead.role": "Lead's role", "lead.agency": "Lead's organisation",
           "lead.email": "Lead's email", "lead.phone": "Lead's telephone",
           "lead.discussed": "Has this referral been discussed with the practice safeguarding lead?",
           "ch.forename": "Patient forename", "ch.surname": "Patient surname",
           "ch.other_names": "Known as / other names", "ch.dob": "Patient's date of birth",
           "ch.age": "Age (if date of birth not known)", "ch.gender": "Sex",
           "ch.ethnicity": "Ethnic category", "ch.address": "Patient's home address", "ch.school": "School / nursery",
           "ch.gp": "GP practice (if known)", "ch.legal_status": "Legal status (if known)",
           "ch.cp_plan": "Child protection plan (now or previously)?", "ch.open_to_csc": "Known to children's social care?",
           "ch.looked_after": "Looked after child?", "ch.disability": "Disability / additional needs",
           "ch.date_of_death": "Date of death (if applicable)",
           "inc.date": "Date of incident", "inc.date_la_aware": "Date local authority aware",
           "inc.location": "Location of incident", "inc.type": "Type of incident",
           "inc.summary": "Summary of the incident and the dental team's involvement",
           "inc.police": "Police involved?",
           "crit.died": "Has the child died or been seriously harmed?",
           "crit.abuse": "Is abuse or neglect known or suspected?",
           "crit.local": "Does the child normally live in Wyvern Vale, or did the incident happen here?",
           "crit.learning": "Could the case highlight learning for agencies working together?",
           "crit.reason": "Why do you think the criteria are met?",
           "panel": "National Panel notified?", "panel_date": "Date Panel notified",
           "agencies": "Other professionals involved", "concerns": "Any immediate safeguarding concerns?"},
        agency_cols=("Name", "Service", "Contact"),
        decoys=[("GDC registration number", "gdc"), ("Dental neglect identified?", "yn"),
                ("Date of last dental attendance", "date")],
        split_name=True, asks=ALL_FIELDS - {"ch.legal_status"},
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "fellside_camhs": V(
        org="Fellside CAMHS (Northdale Mental Health NHS Foundation Trust)",
        partnership="Northdale Children's Safeguarding Partnership", pdomain="northdale-csp.org.uk",
        sdomain="northdalemh.nhs.uk", town="Northdale", postcode="ND",
        title="CAMHS Notification of a Serious Child Safeguarding Incident", formref="NMH/SG/011",
        marking="OFFICIAL-SENSITIVE: PERSONAL", layouts=["W-INK", "L-INK", "P-2UP"],
        ref_roles=["Clinical Psychologist", "CAMHS Practitioner (RMN)", "Consultant Child and Adolescent Psychiatrist",
                   "Family Therapist", "Band 6 Mental Health Nurse"],
        lead_roles=["Named Nurse Safeguarding Children", "Trust Safeguarding Children Lead"],
        ref_agency=["Fellside CAMHS", "Fellside CAMHS - Crisis and Home Treatment", "Fellside CAMHS (Eating Disorders)"],
        yes="Yes", no="No", unk="Not known", genders=("Female", "Male", "Non-binary"),
        itype=[("death", "Child death"), ("serious_harm", "Serious harm"),
               ("lac_death", "Death of a child in care"), ("care_leaver_death", "Death of a care leaver (under 25)"),
               ("other", "Other")],
        L={"date_of_referral": "Date form completed", "ref.name": "Clinician name",
           "ref.role": "Profession / discipline", "ref.agency": "Team / service", "ref.email": "Email",
           "ref.phone": "Telephone", "lead.name": "Trust safeguarding lead consulted",
           "lead.role": "Designation", "lead.agency": "Trust", "lead.email": "Lead email",
           "lead.phone": "Lead telephone",
           "lead.discussed": "Discussed with the Trust safeguarding team?",
           "ch.name": "Young person's name", "ch.other_names": "Preferred name / also known as",
           "ch.dob": "DOB", "ch.age": "Age (if DOB unknown)", "ch.gender": "Gender identity",
           "ch.ethnicity": "Ethnicity", "ch.address": "Home address",
           "ch.school": "School / college", "ch.gp": "Registered GP", "ch.legal_status": "Legal status",
           "ch.cp_plan": "Subject of a CP plan (current or past)", "ch.open_to_csc": "Open to CSC",
           "ch.looked_after": "Child looked after", "ch.disability": "Diagnosis / disability",
           "ch.date_of_death": "Date of death",
           "inc.date": "Date of incident / event", "inc.date_la_aware": "Date LA became aware",
           "inc.location": "Where did it happen?", "inc.type": "Nature of incident",
           "inc.summary": "Brief summary of events", "inc.police": "Police involvement",
           "crit.died": "Child has died or been seriously harmed",
           "crit.abuse": "Abuse or neglect known or suspected", "crit.local": "Local connection to Northdale",
           "crit.learning": "Potential multi-agency learning",
           "crit.reason": "Reasons the criteria for a Rapid Review may be met",
           "panel": "Has the LA notified the Child Safeguarding Practice Review Panel?",
           "panel_date": "Date of notification to the Panel",
           "agencies": "Agencies currently involved", "concerns": "Immediate risks to this or other children"},
        agency_cols=("Professional", "Agency", "Telephone / email"),
        decoys=[("Care coordinator", "person"), ("RiO number", "rio"), ("Mental Health Act status", "mha")],
        split_name=False, asks=ALL_FIELDS,
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "abbotsmere_diocese": V(
        org="Diocese of Abbotsmere Safeguarding Team", partnership="Abbotsmere Safeguarding Children Partnership",
        pdomain="abbotsmerescp.org.uk", sdomain="abbotsmere.anglican.org", town="Abbotsmere", postcode="AM",
        title="Parish Safeguarding Referral - Serious Incident Involving a Child", formref="DAS Form 3",
        marking="CONFIDENTIAL WHEN COMPLETED", layouts=["W-TBOX", "P-GDOC"],
        ref_roles=["Parish Safeguarding Officer", "Youth Worker", "Children's Ministry Leader", "Churchwarden",
                   "Assistant Curate"],
        lead_roles=["Diocesan Safeguarding Adviser", "Assistant Diocesan Safeguarding Adviser"],
        ref_agency=["St Cuthbert's, Abbotsmere", "Holy Trinity Benefice, Lower Brookmead", "St Aidan's Church, Fellwick"],
        yes="Yes", no="No", unk="Don't know", genders=("Girl", "Boy", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm to a child"),
               ("other", "Other serious incident")],
        L={"date_of_referral": "Today's date", "ref.name": "Your name", "ref.role": "Your role in the parish",
           "ref.agency": "Parish / benefice", "ref.email": "Your email", "ref.phone": "Your phone number",
           "lead.name": "Name of the Diocesan Safeguarding Adviser (DSA) consulted", "lead.role": "DSA role",
           "lead.agency": "DSA organisation", "lead.email": "DSA email", "lead.phone": "DSA phone",
           "lead.discussed": "Have you spoken to the DSA about this referral?",
           "ch.name": "Name of child or young person", "ch.other_names": "Other names used",
           "ch.dob": "Date of birth", "ch.age": "Age (if date of birth not known)", "ch.gender": "Girl / boy",
           "ch.ethnicity": "Ethnicity (if known)", "ch.address": "Where does the child live?",
           "ch.school": "School (if known)", "ch.disability": "Any disability or special needs?",
           "ch.cp_plan": "Has the child ever had a child protection plan?",
           "ch.open_to_csc": "Does the family have a social worker?", "ch.looked_after": "Is the child in care?",
           "ch.date_of_death": "Date the child died (if applicable)",
           "inc.date": "When did it happen?", "inc.date_la_aware": "When was the council told?",
           "inc.location": "Where did this take place?", "inc.type": "What kind of incident is this?",
           "inc.summary": "Tell us what happened", "inc.police": "Are the police involved?",
           "crit.died": "Has the child died or been seriously hurt?",
           "crit.abuse": "Do you think abuse or neglect played a part?",
           "crit.local": "Does the child live in the Abbotsmere area, or did this happen here?",
           "crit.learning": "Could churches and other agencies learn from this?",
           "crit.reason": "Why are you asking the partnership to look at this case?",
           "agencies": "Who else is involved with the family?",
           "concerns": "Is anyone still at risk now?"},
        agency_cols=("Name", "Organisation", "How to contact them"),
        decoys=[("Incumbent (vicar / priest in charge)", "person"), ("Church group attended", "group"),
                ("Parents aware of this referral?", "yn")],
        split_name=False, asks=ALL_FIELDS - {"ch.gp", "ch.legal_status", "panel", "panel_date"},
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "kestrel_probation": V(
        org="The Probation Service - Kestrel Moor Probation Delivery Unit",
        partnership="Kestrel Moor Safeguarding Children Partnership", pdomain="kestrelmoor-scp.gov.uk",
        sdomain="justice.gov.uk", town="Kestrel Moor", postcode="KM",
        title="PROBATION REFERRAL TO SAFEGUARDING PARTNERSHIP: CHILD SERIOUS INCIDENT", formref="KMPDU-CS2",
        marking="OFFICIAL-SENSITIVE", layouts=["W-LEADER", "L-LEADER", "P-TYPED"],
        ref_roles=["Probation Practitioner", "Probation Services Officer", "Probation Officer (PQiP)",
                   "Victim Liaison Officer"],
        lead_roles=["Senior Probation Officer", "Head of PDU", "Safeguarding Lead (SPO)"],
        ref_agency=["Kestrel Moor PDU", "Probation Service, Kestrel Moor PDU (Harlow Road office)"],
        yes="YES", no="NO", unk="UNKNOWN", genders=("F", "M", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm to a child"),
               ("lac_death", "Death of a looked after child"), ("other", "Other (please specify)")],
        L={"date_of_referral": "DATE OF REFERRAL", "ref.name": "NAME OF PROBATION PRACTITIONER",
           "ref.role": "GRADE", "ref.agency": "PDU / OFFICE", "ref.email": "SECURE EMAIL",
           "ref.phone": "TEL", "lead.name": "NAME OF SPO / MANAGER", "lead.role": "MANAGER GRADE",
           "lead.agency": "MANAGER'S UNIT", "lead.email": "MANAGER'S EMAIL", "lead.phone": "MANAGER'S TEL",
           "lead.discussed": "DISCUSSED WITH SPO / LINE MANAGER",
           "ch.surname": "CHILD SURNAME", "ch.forename": "CHILD FORENAME(S)", "ch.other_names": "ALIAS / AKA",
           "ch.dob": "CHILD DOB", "ch.age": "AGE IF DOB NOT KNOWN", "ch.gender": "SEX",
           "ch.ethnicity": "ETHNICITY", "ch.address": "CHILD'S ADDRESS", "ch.school": "SCHOOL",
           "ch.gp": "GP", "ch.legal_status": "LEGAL STATUS OF CHILD",
           "ch.cp_plan": "CHILD ON CP PLAN NOW OR PREVIOUSLY", "ch.open_to_csc": "OPEN TO CHILDREN'S SOCIAL CARE",
           "ch.looked_after": "LOOKED AFTER CHILD", "ch.disability": "DISABILITY",
           "ch.date_of_death": "DATE OF DEATH",
           "inc.date": "DATE OF INCIDENT", "inc.date_la_aware": "DATE LA AWARE",
           "inc.location": "PLACE OF INCIDENT", "inc.type": "INCIDENT CATEGORY",
           "inc.summary": "SUMMARY OF INCIDENT", "inc.police": "POLICE INVOLVED",
           "crit.died": "CHILD DIED OR SERIOUSLY HARMED", "crit.abuse": "ABUSE OR NEGLECT KNOWN OR SUSPECTED",
           "crit.local": "CHILD RESIDENT / INCIDENT IN KESTREL MOOR",
           "crit.learning": "LEARNING FOR LOCAL AGENCIES",
           "crit.reason": "RATIONALE FOR REFERRAL",
           "panel": "PANEL NOTIFIED BY LA", "panel_date": "DATE PANEL NOTIFIED",
           "agencies": "OTHER AGENCIES INVOLVED", "concerns": "CURRENT RISK / IMMEDIATE CONCERNS"},
        agency_cols=("NAME", "AGENCY", "CONTACT"),
        decoys=[("PERSON ON PROBATION (PoP)", "person"), ("CRN", "crn"), ("MAPPA LEVEL", "mappa"),
                ("PoP DATE OF BIRTH", "date")],
        split_name=True, asks=ALL_FIELDS - {"ch.age"},
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "harwood_boarding": V(
        org="Harwood Abbey School (independent boarding and day school)",
        partnership="Hartsmoor Safeguarding Children Partnership", pdomain="hartsmoorscp.org.uk",
        sdomain="harwoodabbey.org.uk", town="Hartsmoor", postcode="HM",
        title="Serious Safeguarding Incident - Referral to the Local Safeguarding Partnership",
        formref="HAS/DSL/07", marking="STRICTLY CONFIDENTIAL", layouts=["W-BAND", "P-GDOC", "W-TBOX"],
        ref_roles=["Housemistress", "Housemaster", "Head of Pastoral Care", "School Nurse", "Deputy Head (Pastoral)"],
        lead_roles=["Designated Safeguarding Lead", "Deputy Designated Safeguarding Lead"],
        ref_agency=["Harwood Abbey School"],
        yes="Yes", no="No", unk="Not known", genders=("Female", "Male", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm to a child"),
               ("other", "Other serious incident")],
        L={"date_of_referral": "Date", "ref.name": "Member of staff reporting", "ref.role": "Post",
           "ref.agency": "School", "ref.email": "School email", "ref.phone": "Direct line",
           "lead.name": "Designated Safeguarding Lead (DSL)", "lead.role": "DSL post", "lead.agency": "DSL school",
           "lead.email": "DSL email", "lead.phone": "DSL telephone",
           "lead.discussed": "Referral agreed by the DSL?",
           "ch.surname": "Pupil's surname", "ch.forename": "Pupil's forename(s)", "ch.other_names": "Preferred name",
           "ch.dob": "Date of birth", "ch.gender": "Gender", "ch.ethnicity": "Ethnicity",
           "ch.address": "Home address (parents' / guardian's)", "ch.gp": "GP (school medical centre or home GP)",
           "ch.legal_status": "Legal status (e.g. any court order)",
           "ch.cp_plan": "Child protection plan - now or in the past?",
           "ch.open_to_csc": "Known to children's social care (home authority)?", "ch.looked_after": "Looked after?",
           "ch.disability": "SEND / medical needs", "ch.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.date_la_aware": "Date the local authority was informed",
           "inc.location": "Location", "inc.type": "Type of incident", "inc.summary": "Account of the incident",
           "inc.police": "Police informed / involved?",
           "crit.died": "Death or serious harm?", "crit.abuse": "Abuse or neglect known or suspected?",
           "crit.local": "Pupil resides in / incident occurred in Hartsmoor?",
           "crit.learning": "Learning for local safeguarding arrangements?",
           "crit.reason": "Why the DSL considers a Rapid Review may be needed",
           "panel": "Panel notification made?", "panel_date": "Date of Panel notification",
           "agencies": "Agencies involved with the pupil", "concerns": "Immediate actions / concerns"},
        agency_cols=("Contact name", "Agency", "Phone / email"),
        decoys=[("Boarding house", "house"), ("Year group", "year"), ("Educational guardian", "person"),
                ("Term-time address", "termaddr")],
        split_name=True, asks=ALL_FIELDS - {"ch.age", "ch.school"},
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "clearwater_dars": V(
        org="Clearwater Young People's Drug and Alcohol Service", partnership="Marshfield Safeguarding Children Partnership",
        pdomain="marshfieldscp.org.uk", sdomain="clearwater-yp.org.uk", town="Marshfield", postcode="MF",
        title="Referral to Marshfield SCP - Serious Incident (Young Person Using Our Service)", formref="CW-YP-09",
        marking="CONFIDENTIAL", layouts=["W-INK", "P-ANNOT", "P-2UP"],
        ref_roles=["Recovery Worker", "Young People's Keyworker", "Harm Reduction Nurse", "Team Leader"],
        lead_roles=["Service Manager and Safeguarding Lead", "Safeguarding Lead"],
        ref_agency=["Clearwater YP Service", "Clearwater Young People's Drug and Alcohol Service"],
        yes="Y", no="N", unk="Unknown", genders=("F", "M", "Non-binary"),
        itype=[("death", "Death"), ("serious_harm", "Serious harm"), ("care_leaver_death", "Death of a care leaver"),
               ("lac_death", "Death of a looked after child"), ("other", "Other")],
        L={"date_of_referral": "Referral date", "ref.name": "Keyworker", "ref.role": "Job title",
           "ref.agency": "Service", "ref.email": "Email address", "ref.phone": "Contact number",
           "lead.name": "Service safeguarding lead", "lead.role": "Their job title",
           "lead.agency": "Their service", "lead.email": "Their email", "lead.phone": "Their number",
           "lead.discussed": "Lead agrees with referral (Y/N)",
           "ch.name": "Young person (service user)", "ch.other_names": "Also known as / street name",
           "ch.dob": "DOB", "ch.age": "Age (if no DOB)", "ch.gender": "Gender (F/M/other)",
           "ch.ethnicity": "Ethnicity", "ch.address": "Current address", "ch.school": "School / college / training",
           "ch.gp": "GP", "ch.legal_status": "Legal status", "ch.cp_plan": "CP plan (now or before) Y/N",
           "ch.open_to_csc": "Open to Children's Social Care Y/N", "ch.looked_after": "Looked after / care leaver Y/N",
           "ch.disability": "Disability / SEN", "ch.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.date_la_aware": "Date LA aware",
           "inc.location": "Where", "inc.type": "Incident type", "inc.summary": "What happened",
           "inc.police": "Police involved Y/N",
           "crit.died": "Died or seriously harmed Y/N", "crit.abuse": "Abuse / neglect suspected Y/N",
           "crit.local": "Lives in / incident in Marshfield Y/N", "crit.learning": "Multi-agency learning Y/N",
           "crit.reason": "Why we are referring",
           "panel": "Panel notified Y/N", "panel_date": "Date Panel notified",
           "agencies": "Other agencies", "concerns": "Immediate concerns"},
        agency_cols=("Worker", "Agency", "Contact"),
        decoys=[("Substances used", "subs"), ("Date of last contact with service", "date"),
                ("Known to Youth Justice Service Y/N", "yn")],
        split_name=False, asks=ALL_FIELDS,
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),

    "kingsmere_ooa": V(
        org="Kingsmere County Council Children's Services",
        partnership="Ellesford Safeguarding Children Partnership", pdomain="ellesfordscp.org.uk",
        sdomain="kingsmere.gov.uk", town="Ellesford", postcode="EL",
        title="Out-of-Area Notification: Serious Incident Concerning a Kingsmere Child in Ellesford",
        formref="KCC-OOA-1", marking="OFFICIAL-SENSITIVE", layouts=["W-LEADER", "L-LEADER", "P-2UP"],
        ref_roles=["Team Manager, Children in Care", "Social Worker", "Independent Reviewing Officer",
                   "Service Manager - Safeguarding"],
        lead_roles=["Head of Safeguarding and Quality Assurance", "Principal Social Worker"],
        ref_agency=["Kingsmere County Council", "Kingsmere County Council Children's Services"],
        yes="Yes", no="No", unk="Not known", genders=("Female", "Male", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm to a child"),
               ("lac_death", "Death of a child in care"), ("care_leaver_death", "Death of a care leaver aged 18 to 24"),
               ("other", "Other (please specify)")],
        L={"date_of_referral": "Date of this notification", "ref.name": "Notifying officer",
           "ref.role": "Job title", "ref.agency": "Notifying authority", "ref.email": "Email", "ref.phone": "Telephone",
           "lead.name": "Senior manager who agreed this notification", "lead.role": "Senior manager's job title",
           "lead.agency": "Senior manager's authority", "lead.email": "Senior manager's email",
           "lead.phone": "Senior manager's telephone",
           "lead.discussed": "Notification agreed by senior manager?",
           "ch.name": "Child's full name", "ch.other_names": "Any other names", "ch.dob": "Date of birth / EDD",
           "ch.age": "Age (if DOB not known)", "ch.gender": "Gender", "ch.ethnicity": "Ethnicity",
           "ch.address": "Current address (in Ellesford)", "ch.school": "School / education provision",
           "ch.gp": "GP", "ch.legal_status": "Legal status", "ch.cp_plan": "Child protection plan (current or previous)",
           "ch.open_to_csc": "Open to Kingsmere Children's Services", "ch.looked_after": "Looked after by Kingsmere",
           "ch.disability": "Disability", "ch.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.date_la_aware": "Date Kingsmere became aware",
           "inc.location": "Location of incident (Ellesford)", "inc.type": "Category of incident",
           "inc.summary": "Summary of circumstances", "inc.police": "Police involved",
           "crit.died": "Death or serious harm", "crit.abuse": "Abuse or neglect known or suspected",
           "crit.local": "Incident occurred in the Ellesford area",
           "crit.learning": "Potential learning for Ellesford agencies",
           "crit.reason": "Why Kingsmere considers Ellesford SCP should be notified",
           "panel": "Serious incident notification made to the Panel by Kingsmere",
           "panel_date": "Date of Panel notification",
           "agencies": "Agencies involved (both areas)", "concerns": "Immediate safeguarding concerns"},
        agency_cols=("Name", "Agency", "Contact details"),
        decoys=[("Date placement in Ellesford began", "date"), ("Placing authority reference", "crn"),
                ("Host authority social worker", "person")],
        split_name=False, asks=ALL_FIELDS,
        order=["date", "child", "inc", "crit", "agencies", "concerns", "lead", "ref"]),  # referrer last

    "glenavon_hsct": V(
        org="Glenavon Health and Social Care Trust", partnership="Glenavon Area Safeguarding Panel (SBNI)",
        pdomain="glenavon-sp.hscni.net", sdomain="glenavontrust.hscni.net", town="Glenavon", postcode="BT",
        title="Notification of a Case for Consideration of a Case Management Review", formref="GHSCT-CMR1",
        marking="OFFICIAL-SENSITIVE", layouts=["W-TBOX", "P-TYPED", "W-BAND"],
        ref_roles=["Senior Social Worker, Gateway Team", "Principal Social Worker", "Health Visitor",
                   "Family Intervention Team Manager"],
        lead_roles=["Designated Officer for Child Protection", "Assistant Director, Children's Services"],
        ref_agency=["Glenavon HSC Trust", "Glenavon HSC Trust - Gateway Team"],
        yes="Yes", no="No", unk="Not known", genders=("Female", "Male", "Other"),
        itype=[("death", "Death of a child"), ("serious_harm", "Serious harm"),
               ("lac_death", "Death of a looked after child"), ("other", "Other")],
        L={"date_of_referral": "Date of notification", "ref.name": "Name of notifying officer",
           "ref.role": "Designation", "ref.agency": "Trust / agency", "ref.email": "E-mail", "ref.phone": "Tel. no.",
           "lead.name": "Designated officer consulted", "lead.role": "Designated officer's designation",
           "lead.agency": "Designated officer's agency", "lead.email": "Designated officer's e-mail",
           "lead.phone": "Designated officer's tel. no.",
           "lead.discussed": "Has the designated officer agreed this notification?",
           "ch.name": "Name of child", "ch.other_names": "Other names", "ch.dob": "Date of birth",
           "ch.age": "Age (if D.O.B. not known)", "ch.gender": "Gender", "ch.ethnicity": "Ethnic origin",
           "ch.address": "Home address", "ch.school": "School / pre-school", "ch.gp": "GP",
           "ch.legal_status": "Legal status (e.g. Care Order, Residence Order)",
           "ch.cp_plan": "Is / was the child's name on the Child Protection Register?",
           "ch.open_to_csc": "Known to Gateway / Family Intervention Team?", "ch.looked_after": "Looked after child?",
           "ch.disability": "Disability", "ch.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.location": "Place of incident",
           "inc.type": "Nature of incident", "inc.summary": "Brief outline of the case",
           "inc.police": "PSNI involved?",
           "crit.died": "The child has died or been significantly harmed",
           "crit.abuse": "Abuse or neglect is known or suspected",
           "crit.local": "The child lives, or the incident occurred, in the Glenavon Trust area",
           "crit.learning": "The case may show how agencies could work together better",
           "crit.reason": "Why the case may meet the CMR criteria",
           "agencies": "Agencies / professionals involved", "concerns": "Are there any immediate concerns?"},
        agency_cols=("Name", "Agency / service", "Tel. no. / e-mail"),
        decoys=[("H&C number", "hc"), ("Date of strategy discussion", "date"), ("Social worker (named)", "person")],
        split_name=False, asks=ALL_FIELDS - {"inc.date_la_aware", "panel", "panel_date"},
        order=["date", "ref", "lead", "child", "inc", "crit", "agencies", "concerns"]),
}

LAYOUT_FORMAT = {"W-TBOX": "docx", "W-BAND": "docx", "W-INK": "docx", "W-LEADER": "docx",
                 "L-INK": "pdf", "L-LEADER": "pdf", "P-TYPED": "pdf", "P-ANNOT": "pdf", "P-GDOC": "pdf", "P-2UP": "pdf"}

FILLERS = ["N/A", "n/a", "-", "Not applicable"]


# ---------------------------------------------------------------- abstract form
@dataclass
class Field:
    key: str | None            # record path key (None = decoy)
    label: str
    kind: str                  # text | lines | paras | yesno | choice | date | agencies
    text: str = ""             # displayed answer ('' = blank) for text/date
    lines: list = field(default_factory=list)   # lines/paras
    value: object = None       # yesno: True/False/None; choice: chosen index or None
    options: list = field(default_factory=list)  # yesno words / choice labels
    unk_chosen: bool = False   # yesno: third option chosen
    rows: list = field(default_factory=list)     # agencies rows (name, agency, contact)
    cols: tuple = ()
    wide: bool = False
    hint: str = ""             # guidance example (never an answer)

    def blank(self) -> bool:
        if self.kind in ("text", "date"):
            return not self.text
        if self.kind in ("lines", "paras"):
            return not self.lines
        if self.kind == "yesno":
            return self.value is None and not self.unk_chosen
        if self.kind == "choice":
            return self.value is None
        return not self.rows


@dataclass
class Section:
    title: str
    fields: list


# ---------------------------------------------------------------- one case
def person_name(rng, female=None, title_p=0.15):
    female = rng.random() < 0.6 if female is None else female
    first = rng.choice(ADULT_F if female else ADULT_M)
    last = rng.choice(SURNAMES)
    name = f"{first} {last}"
    if rng.random() < title_p:
        name = rng.choice(["Dr ", "Mrs ", "Mr ", "Ms "]) + name
    return name, first, last


PHONE_POOL = [("01632 960{:03d}", None), ("0113 496 0{:03d}", None), ("0161 496 0{:03d}", None),
              ("07700 900{:03d}", None), ("0118 496 0{:03d}", None), ("0121 496 0{:03d}", None)]


def make_phone(rng, vocab_key):
    n = rng.randrange(0, 999)
    if vocab_key == "glenavon_hsct":
        base = rng.choice(["028 9649 6{:03d}", "07700 900{:03d}", "(028) 9649 6{:03d}"])
    else:
        base = rng.choice(["01632 960{:03d}", "0113 496 0{:03d}", "0161 496 0{:03d}", "07700 900{:03d}",
                           "(0118) 496 0{:03d}", "+44 7700 900{:03d}", "0121 496 0{:03d}", "0117-496-0{:03d}"])
    return base.format(n)


def make_email(rng, name_first, name_last, domain):
    last = name_last.replace("'", "").replace("-", "").replace(" ", "")
    style = rng.randrange(4)
    local = [f"{name_first}.{last}", f"{name_first[0]}{last}", f"{name_first}.{last}1", f"{last}.{name_first}"][style]
    addr = f"{local}@{domain}"
    shown = addr if rng.random() < 0.7 else local[:1].upper() + local[1:] + "@" + domain  # some typed with capitals
    if rng.random() < 0.15:
        shown = shown.replace(local, local.title())
    return shown, addr.lower()


def make_case(rng: random.Random, vkey: str, layout: str, n_children: int, n_agencies: int) -> dict:
    """Returns a dict with display strings (what the form shows) and the truth record."""
    v = VOCABS[vkey]
    town = v["town"]
    inc = dt.date(2025, 5, 1) + dt.timedelta(days=rng.randrange(0, 280))
    aware = inc + dt.timedelta(days=rng.randrange(0, 4))
    refdate = aware + dt.timedelta(days=rng.randrange(1, 15))
    panel = rng.choice([True, True, False, None])
    paneldate = aware + dt.timedelta(days=rng.randrange(0, 5)) if panel else None
    itype_key, itype_label = rng.choice(v["itype"])
    if itype_key == "other":
        if "specify" in itype_label.lower() or rng.random() < 0.5:
            itype_label = itype_label.replace(" (please specify)", "") + " - " + rng.choice(
                ["overdose requiring intensive care", "private fostering arrangement", "exploitation concern",
                 "serious self-harm"])
    fam = rng.choice(SURNAMES)
    street_no = rng.randrange(2, 140)
    street = rng.choice(STREETS)
    pc = f"{v['postcode']}{rng.randrange(1, 19)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    addr_lines = [f"{street_no} {street}", town, pc]
    if rng.random() < 0.3:
        addr_lines = [f"Flat {rng.randrange(1, 12)}, {rng.choice(['Tanner', 'Mercer', 'Holt', 'Aske'])} House"] + addr_lines
    children = []
    used = set()
    for i in range(n_children):
        female = rng.random() < 0.5
        while True:
            first = rng.choice(FORENAMES_F if female else FORENAMES_M)
            if first not in used:
                used.add(first)
                break
        sur = fam if (i == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            sur = sur.upper()
        age_years = rng.randrange(0, 17)
        dob = inc - dt.timedelta(days=age_years * 365 + rng.randrange(20, 340))
        gender_idx = 0 if female else 1
        if rng.random() < 0.05:
            gender_idx = 2
        ch = dict(first=first, sur=sur, dob=dob, age=None, gender_idx=gender_idx,
                  other_names=(rng.choice([f"{first[:3]}", f"{first} {rng.choice(SURNAMES)}", "Bear", "JJ"])
                               if rng.random() < 0.3 else None),
                  ethnicity=rng.choice(ETHNICITIES), address=list(addr_lines) if (i == 0 or rng.random() < 0.85)
                  else [f"{rng.randrange(2, 90)} {rng.choice(STREETS)}", town, pc],
                  school=rng.choice([f"{town} Primary School", f"St {rng.choice(['Bede', 'Anne', 'Oswald'])}'s RC Primary",
                                     f"{town} Academy", f"{rng.choice(['Little Acorns', 'Busy Bees'])} Nursery",
                                     "Not in education", f"{town} College"]),
                  gp=rng.choice([f"{rng.choice(['Riverside', 'Castle Street', 'Ashgrove', 'The Limes'])} Surgery",
                                 f"Dr {rng.choice(SURNAMES)}, {town} Health Centre"]),
                  legal_status=rng.choice(LEGAL), cp=rng.choice([True, False, None, False]),
                  csc=rng.choice([True, True, False, None]), lac=rng.choice([False, False, True, None]),
                  disability=rng.choice(DISABILITIES), dod=None)
        if age_years >= 16 and rng.random() < 0.2:
            ch["school"] = f"{town} College"
        if itype_key in ("death", "lac_death", "care_leaver_death") and i == 0:
            ch["dod"] = inc
        children.append(ch)
    # ages instead of DOB for some
    if "ch.age" in v["asks"]:
        for ch in children:
            if rng.random() < 0.15:
                yrs = max(0, (inc - ch["dob"]).days // 365)
                ch["age"] = rng.choice([f"{yrs} years", f"approx. {yrs}", str(yrs)]) if yrs else "5 months"
                ch["dob"] = None
    rname, rfirst, rlast = person_name(rng)
    lname, lfirst, llast = person_name(rng, title_p=0.25)
    remail_shown, remail = make_email(rng, rfirst, rlast, v["sdomain"])
    lemail_shown, lemail = make_email(rng, lfirst, llast, v["sdomain"])
    ragency = rng.choice(v["ref_agency"])
    lagency = v["org"].split(" (")[0] if rng.random() < 0.6 else ragency
    agencies = []
    pool = [("Children's Social Care", True), (f"{town} Police - Public Protection Unit", True),
            ("Health Visiting Team", True), ("School Nursing", True), (f"{town} Early Help", True),
            ("Emergency Duty Team", False), ("Youth Justice Service", True), ("GP practice", True),
            ("Community Paediatrics", True), ("Housing Options", False)]
    rng.shuffle(pool)
    for j in range(n_agencies):
        ag, named = pool[j]
        name = person_name(rng, title_p=0.2)[0] if (named and rng.random() < 0.85) else None
        contact = make_phone(rng, vkey) if rng.random() < 0.6 else make_email(
            rng, *(name.split()[-2:] if name else ("duty", "team")), v["pdomain"])[0]
        agencies.append((name, ag, contact))
    first_child = children[0]
    cn = f"{first_child['first']}"
    paras_pool = [
        f"{cn} was brought to the emergency department by ambulance after being found unresponsive at home. "
        f"Staff noted bruising of different ages to the upper arms and back.",
        f"The family had been known to services for around two years. Concerns were raised about missed health "
        f"appointments, poor home conditions and the mother's alcohol use.",
        f"Our service last saw {cn} {rng.choice(['three', 'five', 'eight'])} weeks before the incident. "
        f"At that appointment no new concerns were recorded, although {cn} was described as withdrawn.",
        f"A strategy meeting was held and a section 47 enquiry has started. Police have opened an investigation.",
        f"Information sharing between agencies appears to have been limited, and the family moved address twice "
        f"in the last twelve months.",
        f"{cn} disclosed to a member of staff that an adult in the household had hurt {'her' if first_child['gender_idx'] == 0 else 'him' if first_child['gender_idx'] == 1 else 'them'}.",
    ]
    rng.shuffle(paras_pool)
    summary = paras_pool[:rng.randrange(1, 5)]
    loc = rng.choice(LOCATIONS).format(town=town, street=street)
    return dict(
        date_of_referral=refdate, inc_date=inc, aware=aware, panel=panel, paneldate=paneldate,
        itype_key=itype_key, itype_label=itype_label, location=loc, summary=summary,
        police=rng.choice([True, True, False, None]),
        crit=dict(died=rng.choice([True, True, None]), abuse=rng.choice([True, True, False, None]),
                  local=rng.choice([True, True, False]), learning=rng.choice([True, True, None])),
        reason=rng.choice([
            "There appear to have been missed opportunities to share information between health, school and police.",
            "The child was known to several agencies and the concerns were not joined up.",
            "Possible neglect over a long period; agencies may have missed signs of escalating risk.",
            "We believe the criteria for a Rapid Review are met because abuse is suspected and several agencies were involved."]),
        concerns=rng.choice([
            "Siblings remain at home; a safety plan is in place.",
            "The alleged perpetrator has been bailed with conditions not to contact the children.",
            "None at present - all children are in hospital or with extended family.",
            "Younger sibling placed with maternal grandmother under section 20."]),
        referrer=dict(name=rname, role=rng.choice(v["ref_roles"]), agency=ragency, email_shown=remail_shown,
                      email=remail, phone_shown=make_phone(rng, vkey)),
        lead=dict(name=lname, role=rng.choice(v["lead_roles"]), agency=lagency, email_shown=lemail_shown,
                  email=lemail, phone_shown=make_phone(rng, vkey), discussed=rng.choice([True, True, True, False, None])),
        children=children, agencies=agencies,
    )
