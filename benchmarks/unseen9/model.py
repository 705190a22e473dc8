"""unseen9: invented data, date styles, the eight senders' wordings, and one case.

A case is a list of sections, each a list of display items, plus the canonical
record the items state.  Renderers only see display strings; the record is
built from the same choices, so the two cannot drift apart.
"""
import datetime as dt
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _ord(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "sp_slash":
        return d.strftime("%d / %m / %Y")
    if style == "dots_short":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "of":
        return f"{_ord(d.day)} of {MONTHS[d.month - 1]} {d.year}"
    if style == "wkday_abbr":
        return f"{WDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dash_upper":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3].upper()}-{d.year}"
    if style == "d_month":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "yy_dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year % 100:02d}"
    if style == "comb":
        return d.strftime("%d%m%Y")
    if style == "crystal":  # report-writer datetime field
        return d.strftime("%d/%m/%Y") + " 00:00:00"
    raise ValueError(style)


DATE_STYLES = ["slash", "sp_slash", "dots_short", "of", "wkday_abbr", "dash_upper", "d_month", "yy_dash"]
ALL_DATE_STYLES = DATE_STYLES + ["comb", "crystal"]

GIRLS = ["Amelia", "Isla", "Freya", "Maisie", "Ruby", "Aaliyah", "Zofia", "Keira", "Niamh", "Esme",
         "Lacey", "Tia", "Imani", "Harriet", "Poppy", "Leyla", "Nadia", "Skye", "Summer", "Oksana"]
BOYS = ["Harvey", "Kian", "Jayden", "Oscar", "Reuben", "Tomasz", "Mason", "Callum", "Idris", "Levi",
        "Alfie", "Kacper", "Rhys", "Tyler", "Musa", "Dylan", "Ezra", "Bailey", "Arlo", "Samir"]
SURNAMES = ["Ashdown", "Blackwood", "Corrigan", "Dunmore", "Ellery", "Fairclough", "Gorski", "Hendry",
            "Iqbal", "Jessop", "Kavanagh", "Lomax", "Mwangi", "Nowak", "Okafor", "Pickering", "Quayle",
            "Rowntree", "Sandhu", "Threlfall", "Underwood", "Varga", "Whitlock", "Yardley", "Haddad"]
ADULT_FIRST = ["Joanne", "Mark", "Priya", "Gareth", "Helen", "Simon", "Nasreen", "Alistair", "Claire",
               "Dominic", "Fiona", "Imran", "Lorraine", "Peter", "Rebecca", "Tariq", "Wendy", "Colin",
               "Bethan", "Marcus", "Sinead", "Kwame", "Ruth", "Stuart"]
ADULT_LAST = ["Aldridge", "Barraclough", "Chadwick", "Dobson", "Eastwood", "Farrow", "Gill", "Holroyd",
              "Ingham", "Jagger", "Kershaw", "Lund", "Mahmood", "Naylor", "Oldroyd", "Pratt", "Ramsden",
              "Shackleton", "Tattersall", "Varley", "Wainwright", "Yeadon", "Akhtar", "Mensah"]
ETHNIC = ["White British", "White - any other White background", "Mixed - White and Black Caribbean",
          "Asian or Asian British - Pakistani", "Black or Black British - African", "White Irish",
          "Mixed - White and Asian", "Gypsy / Roma", "Asian or Asian British - Bangladeshi",
          "Any other ethnic group", "Black or Black British - Caribbean", "Chinese"]
STREETS = ["Tanner's Row", "Gallows Hill Lane", "Cinder Path", "Orchard Close", "Brunswick Terrace",
           "Mill Race Way", "Kiln Street", "Coppice Drive", "Harbour View", "Station Approach",
           "Weaver's Court", "Priory Walk", "Sandpiper Road", "Larch Crescent"]
LEGAL = ["Child in need (s17)", "Accommodated under s20", "Care order (s31)", "Interim care order",
         "No order", "Child protection plan", "Supervision order", "Special guardianship order"]
DISAB = ["Autism (diagnosed)", "Cerebral palsy", "ADHD", "Global developmental delay", "None known",
         "Hearing impairment", "Epilepsy", "Learning disability"]
AGENCY_POOL = [("Emergency Duty Team", None), ("Children's Social Care - Assessment Team", "p"),
               ("Health Visiting Service", "p"), ("Community Paediatrics", "p"), ("Police - CAIT", "p"),
               ("Early Help Service", "p"), ("CAMHS", "p"), ("School Nursing", "p"),
               ("Youth Justice Service", "p"), ("Adult Mental Health Team", "p"),
               ("Housing Options", None), ("Substance Misuse Service", "p")]

# Ofcom drama ranges
def phone(rng, style=None):
    kind = rng.choice(["mob", "0113", "0114", "0115", "0117", "0161", "020", "01632"])
    n = rng.randrange(0, 1000)
    if kind == "mob":
        s = rng.choice([f"07700 900{n:03d}", f"07700900{n:03d}", f"+44 7700 900{n:03d}", f"07700 900 {n:03d}"])
    elif kind == "020":
        s = rng.choice([f"020 7946 0{n:03d}", f"(020) 7946 0{n:03d}"])
    elif kind == "01632":
        s = f"01632 960{n:03d}"
    else:
        s = rng.choice([f"{kind} 496 0{n:03d}", f"({kind}) 496 0{n:03d}", f"{kind}-496-0{n:03d}"])
    return s


def phone_norm(s):
    return "".join(c for c in s if c.isdigit() or (c == "+" and s.strip().startswith("+")))


# ---------------------------------------------------------------- senders
# Labels per canonical key; a key that is absent is not asked by the sender.
# Sections list keys in order; "D:<label>:<kind>" is a decoy field.
SENDERS = {
    "hollin_coroner": dict(
        org="Office of HM Senior Coroner for Hollinshire", partnership="Hollinshire Safeguarding Children Partnership",
        title="Notification of the death of a child - request for a Rapid Review", domain="hollinshire-coroner.gov.uk",
        pmail="scp.reviews@hollinshire.gov.uk", pphone="0113 496 0007", ref="HSCP/COR1",
        roles=["Coroner's Officer", "Senior Coroner's Officer", "Coroner's Investigation Officer"],
        lead_roles=["Senior Coroner's Officer", "Coroner's Officers Team Manager", "Area Coroner"],
        agencies=["HM Coroner for Hollinshire", "Hollinshire Coroner's Service"],
        yn=["Yes", "No", "Not yet known"], gender=["Female", "Male", "Other"],
        itypes=[("Death of a child", "death"), ("Death of a looked after child", "lac_death"),
                ("Death of a care leaver (under 25)", "care_leaver_death"), ("Other (please specify)", "other")],
        itype_weights=[6, 2, 1, 1], split=None,
        L={"date_of_referral": "Date of this notification", "ref.name": "Coroner's Officer", "ref.role": "Post",
           "ref.agency": "Coroner's area / office", "ref.phone": "Direct line", "ref.email": "Email (secure)",
           "lead.name": "Manager consulted", "lead.role": "Their post", "lead.agency": "Their office",
           "lead.email": "Their email", "lead.phone": "Their telephone",
           "lead.discussed": "Has the manager agreed this notification?",
           "child.name": "Name of the deceased child", "child.other_names": "Other names used",
           "child.dob": "Date of birth", "child.age": "Age at death (if date of birth not known)",
           "child.gender": "Sex", "child.ethnicity": "Ethnicity", "child.address": "Usual address",
           "child.school": "School / nursery attended", "child.gp": "Registered GP",
           "child.cp_plan": "Ever subject to a child protection plan?", "child.open_to_csc": "Known to children's social care?",
           "child.looked_after": "Looked after at the time of death?", "child.date_of_death": "Date of death",
           "inc.date": "Date of the incident that led to death", "inc.la": "Date the local authority was informed",
           "inc.location": "Place of death", "inc.type": "Category", "inc.summary": "Circumstances as reported to the Coroner",
           "inc.police": "Police investigation under way?",
           "cr.died": "Has the child died or been seriously harmed?", "cr.abuse": "Is abuse or neglect known or suspected?",
           "cr.local": "Was the child normally resident in Hollinshire?", "cr.learning": "Could there be learning for agencies working together?",
           "cr.reason": "Why the Coroner's office is notifying the partnership",
           "agencies": "Other agencies known to have been involved", "concerns": "Any risk to other children in the household"},
        agency_cols=["Name", "Agency", "Telephone"],
        sections=[("1. Details of the notifying officer", ["date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email", "D:Coroner's reference:coref"]),
                  ("2. Manager consulted", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("3. The child", ["CHILD"]),
                  ("4. The death", ["inc.date", "D:Date of post-mortem examination:date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police", "D:Inquest opened on:date", "D:Pathologist:person"]),
                  ("5. Criteria", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason"]),
                  ("6. Agencies and risk", ["agencies", "concerns", "D:Informant (family member):person"])],
        child_keys=["child.name", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity", "child.address",
                    "child.school", "child.gp", "child.cp_plan", "child.open_to_csc", "child.looked_after", "child.date_of_death"],
        town=("Hollinford", "HL"), death=1.0),
    "brackley_lado": dict(
        org="Brackley Borough Council - LADO Service", partnership="Brackley and Thorne Safeguarding Children Partnership",
        title="LADO referral to the safeguarding partnership: serious harm in a setting", domain="brackley.gov.uk",
        pmail="btscp@brackley.gov.uk", pphone="0114 496 0010", ref="BTSCP-L2",
        roles=["Local Authority Designated Officer", "Deputy LADO", "LADO (Education settings)"],
        lead_roles=["Principal LADO", "Head of Safeguarding and Quality Assurance", "Service Manager, Allegations"],
        agencies=["Brackley Borough Council LADO Service", "Brackley Allegations Management Team"],
        yn=["Yes", "No", "Unknown"], gender=["Female", "Male", "Other"],
        itypes=[("Serious harm", "serious_harm"), ("Death of a child", "death"), ("Death of a child in care", "lac_death"), ("Other", "other")],
        itype_weights=[6, 2, 1, 1], split=("first", "last"),
        L={"date_of_referral": "Date of referral to the partnership", "ref.name": "LADO / officer completing", "ref.role": "Designation",
           "ref.agency": "Service", "ref.phone": "Telephone", "ref.email": "Secure email",
           "lead.name": "Principal LADO / Head of Service", "lead.role": "Designation ", "lead.agency": "Service ",
           "lead.email": "Email", "lead.phone": "Telephone ", "lead.discussed": "Agreed by the Principal LADO?",
           "child.first": "Child's first name", "child.last": "Child's last name", "child.other_names": "Known as",
           "child.dob": "Date of birth", "child.age": "Age (if date of birth unknown)", "child.gender": "Gender",
           "child.ethnicity": "Ethnicity", "child.address": "Home address", "child.school": "School / setting attended",
           "child.gp": "GP practice", "child.legal_status": "Legal status (e.g. CIN, s20, s31)",
           "child.cp_plan": "Child protection plan (current or previous)", "child.open_to_csc": "Open to children's social care",
           "child.looked_after": "Child looked after", "child.disability": "SEND / disability", "child.date_of_death": "Date of death (if applicable)",
           "inc.date": "Date of alleged incident", "inc.la": "Date the LADO / local authority became aware",
           "inc.location": "Setting / place where it happened", "inc.type": "Nature of the incident",
           "inc.summary": "Summary of the allegation and the harm caused", "inc.police": "Police investigating?",
           "cr.died": "Child has died or been seriously harmed", "cr.abuse": "Abuse or neglect known or suspected",
           "cr.local": "Child normally resident in Brackley or Thorne", "cr.learning": "Potential learning about how agencies worked together",
           "cr.reason": "LADO rationale for referral", "panel": "Serious incident notification made to the National Panel?",
           "panel_date": "Date of notification", "agencies": "Agencies involved with the child", "concerns": "Immediate safeguarding actions or concerns"},
        agency_cols=["Worker", "Agency", "Contact details"],
        sections=[("Part A - Referrer", ["ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email", "date_of_referral", "D:LADO reference:ladoref"]),
                  ("Part B - Management oversight", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("Part C - Person subject to the allegation (not for the record)", ["D:Name of person subject to allegation:person", "D:Employer:employer", "D:Date of allegations management meeting:date", "D:DBS referral considered?:yn"]),
                  ("Part D - Child", ["CHILD"]),
                  ("Part E - Incident", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("Part F - Criteria and notification", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("Part G - Agencies", ["agencies", "concerns"])],
        child_keys=["child.first", "child.last", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity",
                    "child.address", "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc",
                    "child.looked_after", "child.disability", "child.date_of_death"],
        town=("Brackley Thorne", "BT"), death=0.25),
    "greystone_sarc": dict(
        org="Greystone Children's Sexual Assault Referral Centre", partnership="Greystone and Upper Vale Safeguarding Children Partnership",
        title="Paediatric SARC - safeguarding notification to the partnership", domain="nhs.net",
        pmail="guvscp.notifications@greystone.gov.uk", pphone="0115 496 0023", ref="GUV/SARC/03",
        roles=["Forensic Nurse Examiner", "Paediatric Forensic Physician", "Crisis Worker", "Children's Crisis Worker"],
        lead_roles=["SARC Clinical Lead", "Named Nurse for Safeguarding Children", "SARC Service Manager"],
        agencies=["Greystone Children's SARC", "Greystone Paediatric SARC (Upper Vale NHS Trust)"],
        yn=["Yes", "No", "Unsure"], gender=["F", "M", "Other"],
        itypes=[("Serious harm to a child", "serious_harm"), ("Death of a child", "death"), ("Other serious incident", "other")],
        itype_weights=[8, 1, 1], split=None,
        L={"date_of_referral": "Date completed", "ref.name": "Clinician / crisis worker completing", "ref.role": "Role",
           "ref.agency": "Centre", "ref.phone": "Telephone", "ref.email": "NHSmail address",
           "lead.name": "Clinical Lead consulted", "lead.role": "Lead's role", "lead.agency": "Lead's service",
           "lead.email": "Lead's NHSmail", "lead.phone": "Lead's telephone", "lead.discussed": "Case discussed with the Clinical Lead?",
           "child.name": "Patient name", "child.other_names": "Also known as", "child.dob": "DOB", "child.age": "Age (if DOB unknown)",
           "child.gender": "Sex (F/M)", "child.ethnicity": "Ethnic group", "child.address": "Home address", "child.school": "School",
           "child.gp": "Registered GP", "child.legal_status": "Legal status", "child.cp_plan": "CP plan now or previously?",
           "child.open_to_csc": "Known to children's social care?", "child.looked_after": "In care?", "child.disability": "Additional needs",
           "inc.date": "Date of alleged assault", "inc.la": "Date children's social care informed", "inc.location": "Location of assault (if known)",
           "inc.type": "Type of notification", "inc.summary": "Summary of disclosure and findings", "inc.police": "Police referral made / police involved?",
           "cr.died": "Died or seriously harmed?", "cr.abuse": "Abuse or neglect suspected?", "cr.local": "Lives in Greystone or Upper Vale?",
           "cr.learning": "Learning for multi-agency practice?", "cr.reason": "Why the SARC thinks the criteria are met",
           "panel": "Notified to the National Panel by the local authority?", "panel_date": "Date notified",
           "agencies": "Agencies working with the child", "concerns": "Immediate safety plan / concerns"},
        agency_cols=["Professional", "Service", "Contact"],
        sections=[("Completed by", ["ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email", "date_of_referral"]),
                  ("Clinical lead", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("Patient", ["CHILD"]),
                  ("Attendance (not for the record)", ["D:SARC case number:sarcref", "D:Date of forensic medical examination:date", "D:ISVA allocated:person", "D:Accompanying adult:person", "D:Forensic samples retained?:yn"]),
                  ("Incident", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("Criteria", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("Other agencies", ["agencies", "concerns"])],
        child_keys=["child.name", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity", "child.address",
                    "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc", "child.looked_after", "child.disability"],
        town=("Greystone", "GY"), death=0.0),
    "tamar_idva": dict(
        org="Tamar Reach Domestic Abuse Service", partnership="Tamar and Lyne Safeguarding Children Partnership",
        title="Domestic abuse service referral for a Rapid Review", domain="tamarreach.org.uk",
        pmail="tlscp@tamarlyne.gov.uk", pphone="0117 496 0031", ref="TLSCP DA-RR",
        roles=["IDVA", "Young People's IDVA", "Children and Young People's Worker", "Senior IDVA"],
        lead_roles=["IDVA Team Leader", "MARAC Coordinator", "Service Manager"],
        agencies=["Tamar Reach Domestic Abuse Service", "Tamar Reach IDVA Team"],
        yn=["Yes", "No", "Don't know"], gender=["Female", "Male", "Other"],
        itypes=[("Serious harm", "serious_harm"), ("Death", "death"), ("Other", "other")],
        itype_weights=[7, 2, 1], split=("last", "first"),
        L={"date_of_referral": "Date", "ref.name": "IDVA / practitioner name", "ref.role": "Job title", "ref.agency": "Organisation",
           "ref.phone": "Safe contact number", "ref.email": "Email",
           "lead.name": "Line manager / MARAC rep", "lead.role": "Their job title", "lead.agency": "Their organisation",
           "lead.email": "Their email", "lead.phone": "Their number", "lead.discussed": "Discussed with line manager / MARAC rep?",
           "child.last": "Child surname", "child.first": "Child forename(s)", "child.other_names": "Alias",
           "child.dob": "Date of birth", "child.age": "Age if DOB unknown", "child.gender": "Gender", "child.ethnicity": "Ethnic origin",
           "child.address": "Child's address", "child.school": "School / nursery", "child.gp": "GP details", "child.legal_status": "Legal status",
           "child.cp_plan": "CP plan (now or previous)", "child.open_to_csc": "Known to children's social care", "child.looked_after": "Looked after",
           "child.disability": "Disability", "child.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.la": "Date LA children's services notified", "inc.location": "Where did it happen?",
           "inc.type": "Type of incident", "inc.summary": "What happened? (brief summary)", "inc.police": "Reported to police?",
           "cr.died": "Child died or seriously harmed", "cr.abuse": "Abuse or neglect known / suspected", "cr.local": "Child lives in Tamar or Lyne",
           "cr.learning": "Learning about joint working", "cr.reason": "Reason for referral", "panel": "National Panel notified?",
           "panel_date": "Date Panel notified", "agencies": "Agencies involved", "concerns": "Current risk to the children"},
        agency_cols=["Name", "Agency", "Contact"],
        sections=[("Referrer", ["date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email"]),
                  ("Line manager / MARAC rep", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("Adults (not for the record)", ["D:Adult victim's name:person", "D:Alleged perpetrator:person", "D:DASH score:dash", "D:Date of MARAC:date", "D:Client consent obtained?:yn"]),
                  ("Children", ["CHILD"]),
                  ("Incident", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("Criteria", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("Agencies", ["agencies", "concerns"])],
        child_keys=["child.last", "child.first", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity",
                    "child.address", "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc",
                    "child.looked_after", "child.disability", "child.date_of_death"],
        town=("Tamarton", "TL"), death=0.25),
    "kingsbury_college": dict(
        org="Kingsbury College of Further Education", partnership="Kingsbury Safeguarding Children Partnership",
        title="Safeguarding Team - referral of a student for consideration of a Rapid Review", domain="kingsbury-college.ac.uk",
        pmail="kscp.practicereview@kingsbury.gov.uk", pphone="0161 496 0044", ref="KSCP-FE1",
        roles=["Student Support Officer", "Personal Tutor", "Deputy DSL", "Safeguarding Officer"],
        lead_roles=["Designated Safeguarding Lead", "Head of Student Services (DSL)", "Vice Principal, Students (DSL)"],
        agencies=["Kingsbury College", "Kingsbury College of FE"],
        yn=["Yes", "No", "Not known"], gender=["Female", "Male", "Non-binary"],
        itypes=[("Serious harm to a child", "serious_harm"), ("Death of a child", "death"),
                ("Death of a care leaver aged 18 to 24", "care_leaver_death"), ("Other", "other")],
        itype_weights=[6, 2, 1, 1], split=("first", "last"),
        L={"date_of_referral": "Date", "ref.name": "Name of staff member", "ref.role": "Job title", "ref.agency": "Campus / department",
           "ref.email": "Email", "ref.phone": "Telephone / extension",
           "lead.name": "Designated Safeguarding Lead (DSL)", "lead.role": "DSL job title", "lead.agency": "DSL organisation",
           "lead.email": "DSL email", "lead.phone": "DSL telephone", "lead.discussed": "DSL aware and agrees with this referral?",
           "child.first": "Student's legal first name", "child.last": "Student's surname", "child.other_names": "Preferred name",
           "child.dob": "Date of birth", "child.age": "Age", "child.gender": "Gender", "child.ethnicity": "Ethnicity",
           "child.address": "Term-time address", "child.school": "Course / place of study", "child.gp": "GP",
           "child.legal_status": "Legal status", "child.cp_plan": "CP plan (now or before)", "child.open_to_csc": "Open to social care",
           "child.looked_after": "Looked after", "child.disability": "SEND / EHCP", "child.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.la": "Date the LA was informed", "inc.location": "Where did this happen?",
           "inc.type": "Type of incident", "inc.summary": "Summary", "inc.police": "Police involved",
           "cr.died": "Died or seriously harmed", "cr.abuse": "Abuse or neglect suspected", "cr.local": "Lives in the Kingsbury area",
           "cr.learning": "Multi-agency learning", "cr.reason": "Why the college is referring", "panel": "Panel notified",
           "panel_date": "Date Panel notified", "agencies": "Other agencies", "concerns": "Immediate concerns"},
        agency_cols=["Contact name", "Agency", "Phone / email"],
        sections=[("About you", ["ref.name", "ref.role", "ref.agency", "ref.email", "ref.phone", "date_of_referral"]),
                  ("Your DSL", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("About the student", ["D:Student ID:studentid", "CHILD", "D:Personal tutor:person", "D:Course start date:date", "D:Parent / carer contacted?:yn"]),
                  ("What happened", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("Criteria", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("Other agencies", ["agencies", "concerns"])],
        child_keys=["child.first", "child.last", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity",
                    "child.address", "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc",
                    "child.looked_after", "child.disability", "child.date_of_death"],
        town=("Kingsbury", "KB"), death=0.25, teen=True),
    "fenbridge_aws": dict(
        org="Army Welfare Service - Fenbridge Garrison Team", partnership="Fenbridge and Oldmoor Safeguarding Children Partnership",
        title="AWS notification of a serious child safeguarding incident (service family)", domain="fenbridge-aws.mod.uk",
        pmail="fo.scp@oldmoor.gov.uk", pphone="01632 960055", ref="FOSCP/AWS/1",
        roles=["Army Welfare Worker", "AWS Social Worker", "Senior Army Welfare Worker"],
        lead_roles=["AWS Team Leader", "AWS Senior Social Worker", "AWS Area Manager"],
        agencies=["Army Welfare Service, Fenbridge", "AWS Fenbridge Garrison Team"],
        yn=["YES", "NO", "NOT KNOWN"], gender=["F", "M", "Other"],
        itypes=[("Serious harm", "serious_harm"), ("Child death", "death"), ("Other", "other")],
        itype_weights=[6, 3, 1], split=None,
        L={"date_of_referral": "Date of referral", "ref.name": "Name of AWS practitioner", "ref.role": "Appointment / grade",
           "ref.agency": "Team / garrison", "ref.phone": "Civ. tel", "ref.email": "Email (secure)",
           "lead.name": "Team leader consulted", "lead.role": "Appointment", "lead.agency": "Team", "lead.email": "Email ",
           "lead.phone": "Civ. tel ", "lead.discussed": "Team leader consulted and agrees?",
           "child.name": "Dependant's full name", "child.other_names": "Other names", "child.dob": "DOB", "child.age": "Age",
           "child.gender": "Sex (M/F)", "child.ethnicity": "Ethnicity", "child.address": "Service Family Accommodation (SFA) address",
           "child.school": "School", "child.gp": "Medical centre / GP", "child.legal_status": "Legal status",
           "child.cp_plan": "CP plan (current / previous)", "child.open_to_csc": "Open to LA children's services",
           "child.looked_after": "Looked after", "child.disability": "Disability / additional needs", "child.date_of_death": "Date of death",
           "inc.date": "Date of incident", "inc.la": "Date civilian LA informed", "inc.location": "Location", "inc.type": "Nature of incident",
           "inc.summary": "Summary of incident", "inc.police": "Civil or Service police involved?",
           "cr.died": "Death or serious harm", "cr.abuse": "Abuse / neglect known or suspected", "cr.local": "Family resident in Fenbridge or Oldmoor",
           "cr.learning": "Multi-agency learning likely", "cr.reason": "AWS rationale", "panel": "Panel notified by the LA",
           "panel_date": "Date of Panel notification", "agencies": "Agencies involved (civilian and military)", "concerns": "Immediate concerns / actions"},
        agency_cols=["Name", "Agency / unit", "Contact"],
        sections=[("SECTION 1 - AWS PRACTITIONER", ["date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email"]),
                  ("SECTION 2 - TEAM LEADER", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("SECTION 3 - SERVICE PERSON (not for the record)", ["D:Service person's name:person", "D:Service number:servno", "D:Unit:unit", "D:Date of next posting:date"]),
                  ("SECTION 4 - DEPENDANT CHILD", ["CHILD"]),
                  ("SECTION 5 - INCIDENT", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("SECTION 6 - CRITERIA", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("SECTION 7 - AGENCIES", ["agencies", "concerns", "D:Unit Welfare Officer:person"])],
        child_keys=["child.name", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity", "child.address",
                    "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc", "child.looked_after",
                    "child.disability", "child.date_of_death"],
        town=("Fenbridge Camp", "FB"), death=0.3),
    "harbourside_refugee": dict(
        org="Harbourside Refugee Children's Project", partnership="Eastport Safeguarding Children Partnership",
        title="Referral of a separated child for a Rapid Review", domain="harbourside-rcp.org.uk",
        pmail="escp.reviews@eastport.gov.uk", pphone="020 7946 0066", ref="ESCP/VCS/2",
        roles=["Caseworker", "Youth Advocate", "Senior Caseworker", "Independent Advocate"],
        lead_roles=["Safeguarding Manager", "Director of Services (DSL)", "Head of Casework"],
        agencies=["Harbourside Refugee Children's Project", "Harbourside RCP"],
        yn=["Yes", "No", "Not sure"], gender=["Female", "Male", "Other"],
        itypes=[("Serious harm", "serious_harm"), ("Death of a child in care", "lac_death"), ("Death of a care leaver", "care_leaver_death"), ("Other", "other")],
        itype_weights=[6, 2, 1, 1], split=None,
        L={"date_of_referral": "Date", "ref.name": "Caseworker name", "ref.role": "Role", "ref.agency": "Project",
           "ref.phone": "Phone", "ref.email": "Email",
           "lead.name": "Safeguarding manager", "lead.role": "Manager's role", "lead.agency": "Manager's organisation",
           "lead.email": "Manager's email", "lead.phone": "Manager's phone", "lead.discussed": "Agreed with safeguarding manager?",
           "child.name": "Young person's name", "child.other_names": "Other names / spellings", "child.dob": "Date of birth (as given)",
           "child.age": "Age (claimed or assessed)", "child.gender": "Gender", "child.ethnicity": "Ethnicity",
           "child.address": "Current address / placement", "child.school": "School / college", "child.gp": "GP",
           "child.legal_status": "Legal / care status", "child.cp_plan": "CP plan (now or in the past)",
           "child.open_to_csc": "Has a social worker?", "child.looked_after": "Looked after by a local authority?",
           "child.disability": "Health needs / disability",
           "inc.date": "Date of incident", "inc.la": "Date the local authority became aware", "inc.location": "Where it happened",
           "inc.type": "Incident type", "inc.summary": "What happened", "inc.police": "Police involved?",
           "cr.died": "Died or seriously harmed?", "cr.abuse": "Abuse, neglect or exploitation suspected?", "cr.local": "Lives in Eastport?",
           "cr.learning": "Learning for agencies?", "cr.reason": "Why we are referring", "panel": "Panel notified?",
           "panel_date": "Date of Panel notification", "agencies": "Agencies involved", "concerns": "Immediate concerns"},
        agency_cols=["Name", "Organisation", "Contact"],
        sections=[("1. You", ["date_of_referral", "ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email"]),
                  ("2. Safeguarding manager", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("3. Young person", ["CHILD", "D:Home Office reference:horef", "D:Date of arrival in the UK:date", "D:Interpreter language:lang", "D:Age assessment date:date"]),
                  ("4. Incident", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("5. Criteria", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason", "panel", "panel_date"]),
                  ("6. Agencies", ["agencies", "concerns", "D:Legal representative:person"])],
        child_keys=["child.name", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity", "child.address",
                    "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc", "child.looked_after", "child.disability"],
        town=("Eastport", "EP"), death=0.0, teen=True),
    "northgate_youth": dict(
        org="Northgate Detached Youth Work Team", partnership="Northgate Safeguarding Children Partnership",
        title="Youth Service - serious incident referral", domain="northgate.gov.uk",
        pmail="nscp@northgate.gov.uk", pphone="0191 498 0077", ref="NSCP-YS4",
        roles=["Detached Youth Worker", "Senior Youth Worker", "Youth Support Worker"],
        lead_roles=["Youth Service Safeguarding Lead", "Youth Service Manager", "Area Youth Work Coordinator"],
        agencies=["Northgate Youth Service", "Northgate Detached Youth Work Team"],
        yn=["Yes", "No", "Not sure"], gender=["Girl", "Boy", "Other"],
        itypes=[("Serious harm", "serious_harm"), ("Death", "death"), ("Other", "other")],
        itype_weights=[6, 3, 1], split=("first", "last"),
        L={"date_of_referral": "Date form filled in", "ref.name": "Youth worker", "ref.role": "Role", "ref.agency": "Youth service / project",
           "ref.phone": "Work mobile", "ref.email": "Email",
           "lead.name": "Youth service safeguarding lead", "lead.role": "Lead's role", "lead.agency": "Lead's team",
           "lead.email": "Lead's email", "lead.phone": "Lead's phone", "lead.discussed": "Talked through with the lead?",
           "child.first": "Young person's first name", "child.last": "Young person's surname", "child.other_names": "Known as / street name",
           "child.dob": "DOB", "child.age": "Age (approx. if DOB not known)", "child.gender": "Girl / boy / other",
           "child.ethnicity": "Ethnicity", "child.address": "Address (if known)", "child.school": "School / college / training",
           "child.gp": "GP (if known)", "child.cp_plan": "On a CP plan (now or before)?", "child.open_to_csc": "Has a social worker?",
           "child.looked_after": "In care?", "child.disability": "Any disability", "child.date_of_death": "Date of death",
           "inc.date": "When did it happen?", "inc.la": "When did the council find out?", "inc.location": "Where did it happen?",
           "inc.type": "What kind of incident?", "inc.summary": "What happened", "inc.police": "Police involved?",
           "cr.died": "Has the young person died or been seriously hurt?", "cr.abuse": "Do you think abuse or neglect played a part?",
           "cr.local": "Do they live in Northgate?", "cr.learning": "Could services learn from this?", "cr.reason": "Why you are asking for a review",
           "agencies": "Who else is involved?", "concerns": "Anything urgent we need to know?"},
        agency_cols=["Worker", "Service", "Contact"],
        sections=[("You", ["ref.name", "ref.role", "ref.agency", "ref.phone", "ref.email", "date_of_referral"]),
                  ("Your safeguarding lead", ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]),
                  ("The young person", ["CHILD", "D:Youth club membership no.:membership", "D:Date of last session attended:date", "D:Who they were with:person"]),
                  ("What happened", ["inc.date", "inc.la", "inc.location", "inc.type", "inc.summary", "inc.police"]),
                  ("Should this be reviewed?", ["cr.died", "cr.abuse", "cr.local", "cr.learning", "cr.reason"]),
                  ("Other services", ["agencies", "concerns"])],
        child_keys=["child.first", "child.last", "child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity",
                    "child.address", "child.school", "child.gp", "child.cp_plan", "child.open_to_csc", "child.looked_after",
                    "child.disability", "child.date_of_death"],
        town=("Northgate", "NG"), death=0.35, teen=True),
}

FILLERS = ["N/A", "-", "n/a", "Not known"]
SCHOOLS = ["{t} Primary Academy", "St Aidan's C of E Primary", "{t} High School", "Riverside Community College",
           "Oakfield Pupil Referral Unit", "{t} Nursery", "Holy Cross Catholic School", "Beacon Hill Academy"]
GPS = ["{t} Medical Practice", "Parkside Surgery", "The Health Centre, {t}", "Dr Oyelaran and Partners", "Millbrook Family Practice"]
LOCS = ["the family home", "a park near {s}", "{t} town centre", "a friend's flat on {s}", "the home address",
        "a car park off {s}", "{t} railway station", "a hostel in {t}", "the canal towpath, {t}"]
SUMMARY_BITS = [
    "{c} was brought to {h} by {rel} on {d} with injuries that were not consistent with the explanation given.",
    "Staff noted bruising to {c}'s upper arms and a healing burn; {rel} said {c} had fallen.",
    "{c} disclosed to {w} that {rel} had hit them and that this had happened before.",
    "Agencies had raised concerns about home conditions over several months, but no single agency held the full picture.",
    "There had been three missed health appointments and a referral to children's social care in the spring that closed without assessment.",
    "{c} had been missing from home overnight on two occasions in the weeks before the incident.",
    "Police attended the address after a neighbour reported shouting; {c} was found alone and distressed.",
    "{c} was admitted to hospital and remains under the care of the paediatric team.",
    "The family had recently moved into the area and records from the previous authority were not received.",
    "School attendance had fallen to 61% and staff were told {c} was being home educated.",
]
REASONS = ["There are indications that information held by several agencies was not shared, and the harm may have been preventable.",
           "Abuse or neglect is suspected and a number of agencies were involved with the family; there may be learning about how they worked together.",
           "The incident raises questions about how concerns from {w}'s service were escalated.",
           "We believe the statutory criteria are met and the case may highlight learning about multi-agency responses to neglect."]
CONCERNS = ["A sibling remains at the address; a strategy discussion is being arranged.",
            "{c}'s brother has been placed with grandparents under a safety plan.",
            "No immediate concerns - all children are safe and accounted for.",
            "The alleged perpetrator is on police bail with conditions not to contact the children."]


def _pick_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


class Case:
    pass


def build_case(rng, sender_key, idx):
    S = SENDERS[sender_key]
    L = S["L"]
    town, pc = S["town"]
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": []}
    main_style = rng.choice(DATE_STYLES)
    dob_style = rng.choice([s for s in DATE_STYLES if s != main_style])
    notes["date_style"], notes["dob_style"] = main_style, dob_style

    def person(agencies, roles, dom):
        f, l = rng.choice(ADULT_FIRST), rng.choice(ADULT_LAST)
        title = rng.choice(["", "", "", "Dr ", "Mrs ", "Mr "]) if "nhs" in dom else ""
        em = f"{f}.{l}@{dom}"
        if rng.random() < 0.3:
            em = em.replace(f"{f}.{l}", f"{f[0]}{l}")
        em_disp = em if rng.random() < 0.7 else (em[0].upper() + em[1:])
        ph = phone(rng)
        return dict(name=title + f + " " + l, role=rng.choice(roles), agency=rng.choice(agencies),
                    email=em_disp, phone=ph)

    # --- dates
    inc = _pick_date(rng, dt.date(2025, 3, 1), dt.date(2026, 9, 30))
    la = inc + dt.timedelta(days=rng.randrange(0, 4))
    ref_d = la + dt.timedelta(days=rng.randrange(1, 7))
    # --- incident type
    opts = S["itypes"]
    ti = rng.choices(range(len(opts)), weights=S["itype_weights"])[0]
    itype = opts[ti][1]
    died = itype in ("death", "lac_death", "care_leaver_death")
    # --- children
    nkids = rng.choices([1, 2, 3], weights=[5, 3, 2])[0]
    fam = rng.choice(SURNAMES)
    street = f"{rng.randrange(2, 140)} {rng.choice(STREETS)}"
    addr_lines = [street, town, f"{pc}{rng.randrange(1, 19)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"]
    if rng.random() < 0.25:
        addr_lines.insert(0, f"Flat {rng.randrange(1, 30)}, {rng.choice(['Alder', 'Beech', 'Cedar', 'Rowan'])} House")
    children = []
    teen = S.get("teen")
    for k in range(nkids):
        g = rng.choice(["f", "m", "m", "f", "o"]) if teen else rng.choice(["f", "m"])
        first = rng.choice(GIRLS if g == "f" else BOYS if g == "m" else GIRLS + BOYS)
        last = fam if k == 0 or rng.random() < 0.8 else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        age_y = rng.randrange(15, 18) if teen and k == 0 else rng.randrange(0, 17)
        if itype == "care_leaver_death" and k == 0:
            age_y = rng.randrange(18, 23)
        dob = inc - dt.timedelta(days=int(age_y * 365.25) + rng.randrange(20, 330))
        children.append(dict(g=g, first=first, last=last, dob=dob, age_y=age_y))

    rec = {"form": "referral", "date_of_referral": None,
           "referrer": dict(name=None, role=None, agency=None, email=None, phone=None),
           "safeguarding_lead": dict(name=None, role=None, agency=None, email=None, phone=None, discussed=None),
           "children": [], "incident": dict(date=None, date_la_aware=None, location=None, type=None, summary=None, police_involved=None),
           "criteria": dict(died_or_seriously_harmed=None, abuse_or_neglect_suspected=None, local_connection=None,
                            multi_agency_learning=None, reason=None),
           "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}

    ref = person(S["agencies"], S["roles"], S["domain"])
    lead = person(S["agencies"], S["lead_roles"], S["domain"])
    wname = ref["name"]
    c0 = children[0]["first"]

    # --- helpers producing items and filling the record
    def blankish(key, p_blank=0.08, p_fill=0.05):
        r = rng.random()
        if r < p_blank:
            notes["blanks"].append(key)
            return "blank"
        if r < p_blank + p_fill:
            notes["fillers"].append(key)
            return "filler"
        return None

    def text_item(key, label, value, setter, kind="text", p_blank=0.08, norm=None, p_fill=0.05):
        b = blankish(key, p_blank, p_fill)
        if b == "blank":
            return dict(k="text", key=key, label=label, value=None, kind=kind)
        if b == "filler":
            return dict(k="text", key=key, label=label, value=rng.choice(FILLERS), kind=kind, filler=True)
        setter(norm(value) if norm else value)
        return dict(k="text", key=key, label=label, value=value, kind=kind)

    def date_item(key, label, d, setter, style=None, p_blank=0.05):
        style = style or main_style
        if d is None or rng.random() < p_blank:
            notes["blanks"].append(key)
            return dict(k="date", key=key, label=label, value=None, date=None, style=style)
        setter(d.isoformat())
        return dict(k="date", key=key, label=label, value=fmt_date(d, style), date=d, style=style)

    def yn_item(key, label, truth, setter):
        r = rng.random()
        if r < 0.08:
            notes["blanks"].append(key)
            return dict(k="yn", key=key, label=label, opts=S["yn"], sel=None)
        if r < 0.16:
            notes["third_option"].append(key)
            return dict(k="yn", key=key, label=label, opts=S["yn"], sel=2)
        setter(truth)
        return dict(k="yn", key=key, label=label, opts=S["yn"], sel=0 if truth else 1)

    def setp(d, f):
        def s(v):
            d[f] = v
        return s

    def decoy(spec):
        _, label, kind = spec.split(":")
        v = None
        if kind == "date":
            dd = inc + dt.timedelta(days=rng.choice([-400, -90, -30, -7, 2, 9, 21, 45]) + rng.randrange(0, 5))
            v = fmt_date(dd, rng.choice([main_style, dob_style]))
        elif kind == "person":
            v = rng.choice(ADULT_FIRST) + " " + rng.choice(ADULT_LAST)
        elif kind == "yn":
            return dict(k="yn", key="decoy", label=label, opts=S["yn"], sel=rng.randrange(0, 3), decoy=True)
        elif kind == "coref":
            v = f"COR/{inc.year}/{rng.randrange(100, 999)}"
        elif kind == "ladoref":
            v = f"LADO-{rng.randrange(1000, 9999)}-{inc.year % 100}"
        elif kind == "sarcref":
            v = f"GSARC{rng.randrange(10000, 99999)}"
        elif kind == "dash":
            v = str(rng.randrange(9, 24))
        elif kind == "studentid":
            v = f"K{rng.randrange(1000000, 9999999)}"
        elif kind == "servno":
            v = f"{rng.randrange(25000000, 25999999)}"
        elif kind == "unit":
            v = rng.choice(["2nd Battalion, Fenshire Rifles", "14 Signal Regiment", "Royal Logistic Corps, 9 Regt"])
        elif kind == "horef":
            v = f"H{rng.randrange(1000000, 9999999)}"
        elif kind == "lang":
            v = rng.choice(["Tigrinya", "Pashto", "Kurdish Sorani", "Arabic (Sudanese)", "Dari"])
        elif kind == "employer":
            v = rng.choice(["Little Acorns Day Nursery", "Brackley Swim School", "St Bede's Primary School", "Thorne Taxis (school transport)"])
        elif kind == "membership":
            v = f"NYS-{rng.randrange(100, 999)}"
        notes["decoys"].append(label)
        return dict(k="text", key="decoy", label=label, value=v, kind="decoy")

    sections = []
    panel_d = None
    for title, keys in S["sections"]:
        items = []
        for key in keys:
            if key.startswith("D:"):
                items.append(decoy(key))
                continue
            if key == "CHILD":
                items.append(dict(k="CHILD"))
                continue
            lab = L[key]
            if key == "date_of_referral":
                items.append(date_item(key, lab, ref_d, lambda v: rec.__setitem__("date_of_referral", v)))
            elif key.startswith("ref.") or key.startswith("lead."):
                who, f = key.split(".")
                src = ref if who == "ref" else lead
                d = rec["referrer"] if who == "ref" else rec["safeguarding_lead"]
                if f == "discussed":
                    items.append(yn_item(key, lab, rng.random() < 0.8, setp(d, "discussed")))
                else:
                    norm = phone_norm if f == "phone" else (str.lower if f == "email" else None)
                    items.append(text_item(key, lab, src[f], setp(d, f), kind=f, p_blank=0.04 if f == "name" else 0.08, norm=norm))
            elif key == "inc.date":
                items.append(date_item(key, lab, inc, setp(rec["incident"], "date")))
            elif key == "inc.la":
                items.append(date_item(key, lab, la, setp(rec["incident"], "date_la_aware")))
            elif key == "inc.location":
                loc = rng.choice(LOCS).format(t=town, s=rng.choice(STREETS))
                loc = loc[0].upper() + loc[1:]
                items.append(text_item(key, lab, loc, setp(rec["incident"], "location")))
            elif key == "inc.type":
                sel = ti
                spec = None
                if opts[ti][1] == "other":
                    spec = rng.choice(["private fostering arrangement", "serious self-harm", "child missing, found injured", "non-fatal strangulation"])
                if rng.random() < 0.05:
                    sel, spec = None, None
                    notes["blanks"].append(key)
                else:
                    rec["incident"]["type"] = opts[ti][1]
                notes["itype_text"] = opts[ti][0] if sel is not None else None
                items.append(dict(k="choice", key=key, label=lab, opts=[o[0] for o in opts], sel=sel, spec=spec))
            elif key == "inc.summary":
                n = rng.randrange(2, 5)
                bits = rng.sample(SUMMARY_BITS, n)
                paras = [b.format(c=c0, h=rng.choice(["A&E", "the urgent treatment centre", "the GP"]), rel=rng.choice(["mother", "her partner", "father", "a carer"]),
                                  d=fmt_date(inc, main_style), w=wname) for b in bits]
                rec["incident"]["summary"] = "\n\n".join(paras)
                items.append(dict(k="paras", key=key, label=lab, paras=paras))
            elif key == "inc.police":
                items.append(yn_item(key, lab, rng.random() < 0.7, setp(rec["incident"], "police_involved")))
            elif key in ("cr.died", "cr.abuse", "cr.local", "cr.learning"):
                f = {"cr.died": "died_or_seriously_harmed", "cr.abuse": "abuse_or_neglect_suspected",
                     "cr.local": "local_connection", "cr.learning": "multi_agency_learning"}[key]
                items.append(yn_item(key, lab, rng.random() < 0.88, setp(rec["criteria"], f)))
            elif key == "cr.reason":
                r = rng.choice(REASONS).format(w=S["org"])
                items.append(text_item(key, lab, r, setp(rec["criteria"], "reason"), kind="long", p_blank=0.05))
            elif key == "panel":
                pv = rng.random() < 0.5
                it = yn_item(key, lab, pv, lambda v: rec.__setitem__("panel_notified", v))
                items.append(it)
                panel_d = la + dt.timedelta(days=rng.randrange(1, 5)) if it["sel"] == 0 else None
            elif key == "panel_date":
                pd_ = panel_d
                if pd_ is None:
                    items.append(dict(k="date", key=key, label=lab, value=rng.choice([None, None, "N/A"]), date=None, style=dob_style))
                else:
                    items.append(date_item(key, lab, pd_, lambda v: rec.__setitem__("date_panel_notified", v), style=dob_style, p_blank=0.1))
            elif key == "agencies":
                nag = rng.choices([0, 1, 2, 3, 4], weights=[1, 2, 3, 3, 2])[0]
                rows = []
                for a, pp in rng.sample(AGENCY_POOL, nag):
                    nm = (rng.choice(ADULT_FIRST) + " " + rng.choice(ADULT_LAST)) if pp and rng.random() < 0.85 else None
                    contact = phone(rng) if rng.random() < 0.6 else f"{re.sub('[^a-z]', '', a.split()[0].lower())}.duty@{town.split()[0].lower()}.gov.uk"
                    rows.append([nm, a, contact])
                    rec["agencies_involved"].append(dict(name=nm, agency=a, contact=contact))
                notes["n_agencies"] = nag
                items.append(dict(k="agencies", key=key, label=lab, cols=S["agency_cols"], rows=rows))
            elif key == "concerns":
                c = rng.choice(CONCERNS).format(c=c0)
                items.append(text_item(key, lab, c, lambda v: rec.__setitem__("immediate_concerns", v), kind="long", p_blank=0.12))
        sections.append(dict(title=title, items=items, child="CHILD" in keys))
    # --- child blocks
    child_blocks = []
    for ci, ch in enumerate(children):
        crec = dict(name=None, other_names=None, dob=None, age=None, gender=None, ethnicity=None, address=None, school=None,
                    gp=None, legal_status=None, cp_plan=None, open_to_csc=None, looked_after=None, disability=None, date_of_death=None)
        items = []
        use_age = rng.random() < 0.15
        for key in S["child_keys"]:
            lab = L[key]
            f = key.split(".")[1]
            if f in ("first", "last"):
                v = ch[f]
                items.append(dict(k="text", key=key, label=lab, value=v, kind="namepart"))
                continue
            if f == "name":
                items.append(text_item(key, lab, ch["first"] + " " + ch["last"], setp(crec, "name"), p_blank=0.0, p_fill=0.0))
            elif f == "other_names":
                if rng.random() < 0.3:
                    items.append(text_item(key, lab, rng.choice(["Mo", "Lexi", "Jay", "Kizzy", "Bear", "Tee"]), setp(crec, f)))
                else:
                    v = rng.choice([None, None, None, "N/A", "-"])
                    items.append(dict(k="text", key=key, label=lab, value=v, kind="text"))
            elif f == "dob":
                if use_age:
                    items.append(dict(k="date", key=key, label=lab, value=rng.choice([None, "Not known"]), date=None, style=dob_style))
                else:
                    items.append(date_item(key, lab, ch["dob"], setp(crec, "dob"), style=dob_style, p_blank=0))
            elif f == "age":
                if use_age:
                    a = rng.choice([f"{ch['age_y']}", f"approx. {ch['age_y']}", f"{ch['age_y']} years", f"about {ch['age_y']}"]) if ch["age_y"] else "9 months"
                    crec["age"] = a
                    items.append(dict(k="text", key=key, label=lab, value=a, kind="text"))
                else:
                    items.append(dict(k="text", key=key, label=lab, value=None, kind="text"))
            elif f == "gender":
                gi = {"f": 0, "m": 1, "o": 2}[ch["g"]]
                if rng.random() < 0.05:
                    items.append(dict(k="choice", key=key, label=lab, opts=S["gender"], sel=None, spec=None))
                else:
                    crec["gender"] = {"f": "female", "m": "male", "o": "other"}[ch["g"]]
                    items.append(dict(k="choice", key=key, label=lab, opts=S["gender"], sel=gi, spec=None))
            elif f == "ethnicity":
                items.append(text_item(key, lab, rng.choice(ETHNIC), setp(crec, f), p_blank=0.1))
            elif f == "address":
                if ci > 0 and rng.random() < 0.5:
                    lines = list(children_addr)
                else:
                    lines = list(addr_lines)
                children_addr = addr_lines
                if rng.random() < 0.06:
                    notes["blanks"].append(key)
                    items.append(dict(k="lines", key=key, label=lab, lines=None))
                else:
                    crec["address"] = ", ".join(lines)
                    items.append(dict(k="lines", key=key, label=lab, lines=lines))
            elif f == "school":
                a_ = ch["age_y"]
                pool = SCHOOLS[5:6] if a_ < 5 else [SCHOOLS[0], SCHOOLS[1], SCHOOLS[6]] if a_ < 11 else [SCHOOLS[2], SCHOOLS[4], SCHOOLS[7]] if a_ < 16 else [SCHOOLS[3], SCHOOLS[2]]
                v = rng.choice(pool).format(t=town.split()[0]) if a_ >= 2 else "N/A"
                items.append(text_item(key, lab, v, setp(crec, f)) if v != "N/A" else dict(k="text", key=key, label=lab, value=v, kind="text"))
            elif f == "gp":
                items.append(text_item(key, lab, rng.choice(GPS).format(t=town.split()[0]), setp(crec, f)))
            elif f == "legal_status":
                items.append(text_item(key, lab, rng.choice(LEGAL), setp(crec, f), p_blank=0.12))
            elif f in ("cp_plan", "open_to_csc", "looked_after"):
                p = {"cp_plan": 0.35, "open_to_csc": 0.55, "looked_after": 0.2}[f]
                items.append(yn_item(key, lab, rng.random() < p, setp(crec, f)))
            elif f == "disability":
                items.append(text_item(key, lab, rng.choice(DISAB), setp(crec, f), p_blank=0.15))
            elif f == "date_of_death":
                if died and ci == 0:
                    items.append(date_item(key, lab, inc, setp(crec, f), p_blank=0.03))
                else:
                    items.append(dict(k="date", key=key, label=lab, value=rng.choice([None, None, "N/A"]), date=None, style=main_style))
        rec["children"].append(crec)
        child_blocks.append(items)
    for ci, ch in enumerate(children):
        parts = [it for it in child_blocks[ci] if it.get("kind") == "namepart"]
        if parts:
            rec["children"][ci]["name"] = ch["first"] + " " + ch["last"]
    notes["n_children"] = nkids
    notes.setdefault("n_agencies", 0)
    if S["split"]:
        notes["name_parts"] = list(S["split"])
    c = Case()
    c.sender, c.S, c.sections, c.child_blocks, c.record, c.notes = sender_key, S, sections, child_blocks, rec, notes
    c.main_style, c.dob_style = main_style, dob_style
    c.marking = rng.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE (when completed)", "CONFIDENTIAL WHEN COMPLETED", "RESTRICTED - PERSONAL"])
    c.version = f"Version {rng.randrange(1, 6)}.{rng.randrange(0, 10)} - reviewed {fmt_date(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), main_style)}"
    c.guidance = (f"Send the completed form to {S['pmail']} within 2 working days. If you are unsure whether the criteria are met, "
                  f"call the partnership team on {S['pphone']}. Use the format dd/mm/yyyy for dates (for example 01/01/2015). "
                  "If a child is at immediate risk, call 999.")
    c.rng = rng
    return c


def flatten(case):
    """Sections with the child marker expanded: [(title, items, child_index_or_None)]."""
    out = []
    n = len(case.child_blocks)
    for sec in case.sections:
        if not sec["child"]:
            out.append((sec["title"], sec["items"], None))
            continue
        before, after, seen = [], [], False
        for it in sec["items"]:
            if it["k"] == "CHILD":
                seen = True
            elif seen:
                after.append(it)
            else:
                before.append(it)
        for ci, blk in enumerate(case.child_blocks):
            t = sec["title"] if n == 1 else f"{sec['title']} - child {ci + 1} of {n}"
            out.append((t, (before if ci == 0 else []) + blk + (after if ci == n - 1 else []), ci))
    return out


def yn_word(it):
    return "" if it["sel"] is None else it["opts"][it["sel"]]


def choice_word(it, sep=" - "):
    if it["sel"] is None:
        return ""
    w = it["opts"][it["sel"]]
    if it.get("spec"):
        w = w.replace(" (please specify)", "") + sep + it["spec"]
    return w
