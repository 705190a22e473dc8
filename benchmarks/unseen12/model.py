"""Invented data, date styles, the eight senders' wordings, and one case as ordered sections plus its record.

Every person, place and event is invented. Phone numbers are from Ofcom's drama ranges.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# Date styles: every one is UK day-first; two new to this set ("2026-02-03" ISO from web forms and
# Power Automate, "3 Feb. 2026" with an abbreviation point).
DATE_STYLES = {
    "dmy_slash": lambda d: d.strftime("%d/%m/%Y"),
    "d_month_y": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "ord_month_y": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "dmy_dot": lambda d: d.strftime("%d.%m.%Y"),
    "d_mon_y": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "d_mon_dot_y": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}{'' if d.month == 5 else '.'} {d.year}",
    "day_d_month_y": lambda d: f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}",
    "d_m_y_short": lambda d: f"{d.day}/{d.month}/{d.year}",
}


def all_printed_dates(d: dt.date) -> set[str]:
    return {f(d) for f in DATE_STYLES.values()}


FORENAMES_F = ["Amira", "Bethany", "Chloe", "Darcey", "Esme", "Freya", "Gracie", "Hafsa", "Isla", "Jasmine",
               "Kiera", "Lacey", "Maryam", "Nevaeh", "Orla", "Poppy", "Rhianna", "Sienna", "Tallulah", "Zainab",
               "Aaliyah", "Brooke", "Ffion", "Maisie-Rose"]
FORENAMES_M = ["Aarav", "Bilal", "Callum", "Dexter", "Ellis", "Finlay", "Hamza", "Idris", "Jayden", "Kai",
               "Logan", "Musa", "Nathaniel", "Oskar", "Reggie", "Tobias", "Yusuf", "Zane", "Alfie", "Brodie",
               "Ibrahim", "Ronan", "Tyler-James", "Kacper"]
SURNAMES = ["Ashdown", "Birtwistle", "Chaudhry", "Dunmore", "Ellery", "Fairweather", "Gathercole", "Hussain",
            "Iqbal", "Jephcott", "Kowalczyk", "Lightfoot", "Mahmood", "Nwosu", "Oyelaran", "Pickersgill",
            "Quennell", "Rashid", "Sowerby", "Threlfall", "Umeh", "Vardy-Cole", "Whitlock", "Yeadon",
            "Ackroyd", "Brannigan", "Catterall", "Dobrowolski", "Entwistle", "Fothergill"]
ADULT_FIRST = ["Alison", "Bernadette", "Carys", "Deborah", "Eleanor", "Farzana", "Gillian", "Helen", "Imogen",
               "Joanne", "Kerry", "Lorraine", "Marcus", "Neil", "Owen", "Priya", "Rachel", "Simon", "Tariq",
               "Ursula", "Vikram", "Wendy", "Adebayo", "Bronwen", "Colm", "Delyth", "Euan", "Fiona", "Graham",
               "Hannah", "Irfan", "Jonathan"]
ETHNICITIES = ["White British", "White - British", "Pakistani", "Black African", "Mixed White and Black Caribbean",
               "White Other (Polish)", "Bangladeshi", "White and Asian", "Gypsy/Roma", "Any other Asian background",
               "Black Caribbean", "Indian", "Arab", "White Irish"]
STREETS = ["Larkspur Close", "Tannery Row", "Cinder Lane", "Quarry Bank Road", "Weavers Court", "Blackthorn Way",
           "Ropewalk Street", "Gasworks Terrace", "Orchard Mews", "Chapel Fold", "Saltpan Lane", "Kilnhouse Drive",
           "Mill Race Avenue", "Lime Kiln Walk"]
LOCATIONS = ["the family home", "the car park behind the leisure centre", "a bedroom at the Harbour Gate Hotel",
             "the canal towpath near Lock 12", "the maternal grandmother's flat", "the Market Street bus station",
             "a friend's address on Tannery Row", "the children's ward at Marram Bay General Hospital",
             "the park on Weavers Court", "the first-floor flat above the takeaway"]
GPS = ["Tannery Row Surgery", "Dr Okafor and Partners", "Quarry Bank Medical Centre", "Millbrook Health Centre",
       "The Chapel Fold Practice", "Riverside Family Practice", "Hollins Lane Surgery"]
SCHOOLS = ["St Wilfrid's RC Primary School", "Blackthorn Academy", "Ropewalk Infant School",
           "Marram Bay High School", "Cinder Lane Nursery", "Kilnhouse Community Primary", "Gorsemoor College",
           "Elderwood Free School", "Ryecastle Church of England Junior School"]
LEGAL = ["Section 20 (voluntary accommodation)", "Interim Care Order (s38)", "Care Order (s31)",
         "Child in Need (s17)", "Child Arrangements Order with grandmother", "None"]
DISABILITIES = ["Autism (diagnosed 2023)", "Global developmental delay", "Type 1 diabetes", "ADHD, awaiting assessment",
                "Hearing impairment - wears aids", "Speech and language delay", "Cerebral palsy (mild)",
                "Epilepsy", "Dyslexia"]
AGENCY_ROWS = [("Health Visiting Team", "0-19 Service"), ("Children's Social Care", "Duty and Assessment"),
               ("Police", "Public Protection Unit"), ("School", "Designated Safeguarding Lead"),
               ("CAMHS", "Getting Help Team"), ("Early Help", "Family Hub"), ("GP", "Safeguarding lead GP"),
               ("Housing", "Tenancy Support"), ("Youth Justice Service", "Case manager"),
               ("Adult Mental Health", "Community team")]
SUMMARY_BITS = [
    "{c} was brought to the attention of staff after {pr} arrived alone and appeared distressed.",
    "Staff noticed bruising to {pp} upper arm and the left side of {pp} face.",
    "An adult who did not appear to be a family member was with {c} and left quickly when challenged.",
    "{c} said that {pr} had not eaten since the day before and that the electricity at home had run out.",
    "The police were called and attended within the hour; {c} was taken to hospital for a check-up.",
    "Mother was contacted and said she was unaware of where {c} had been overnight.",
    "{c} disclosed that an older male had been giving {po} cigarettes, vapes and lifts in his car.",
    "There had been three previous concerns logged over the last six months, none of which was escalated.",
    "The ambulance crew were concerned about the condition of the home and the lack of food.",
    "{c} later told a member of staff that {pr} did not feel safe going home.",
    "The family moved into the area recently and are not registered with a GP.",
    "Sadly {c} was pronounced dead at hospital later that evening; the cause of death is not yet known.",
]
REASONS = [
    "Several agencies had contact with the family and information was not shared; we believe there is learning about how concerns are escalated.",
    "The child was seriously harmed and neglect is suspected; there may be learning about how agencies worked together before the incident.",
    "We think the threshold for a rapid review is met: serious harm, suspected abuse, and the child lives in the area.",
    "Concerns were raised by three different services in the last year but were not joined up.",
    "The circumstances suggest missed opportunities to identify exploitation at an earlier stage.",
]
CONCERNS = [
    "Sibling remains at home with mother; social worker visiting daily.",
    "The adult involved has not been identified and may have contact with other children.",
    "Child is currently in hospital and safe; discharge planning meeting arranged.",
    "None at present - the children are staying with their grandparents under a safety plan.",
    "Concern that the young person will go missing again; police have been informed.",
]


def phone_number(rng: random.Random) -> tuple[str, str]:
    """(printed, digits) from the Ofcom drama ranges."""
    n = rng.randint(0, 999)
    kind = rng.choice(["0113", "0115", "0117", "0121", "0161", "020", "mob", "mob"])
    if kind == "020":
        printed, digits = f"020 7946 0{n:03d}", f"0207946{n:04d}"
    elif kind == "mob":
        printed, digits = f"07700 900{n:03d}", f"07700900{n:03d}"
    else:
        printed, digits = f"{kind} 496 0{n:03d}", f"{kind}4960{n:03d}"
    style = rng.random()
    if style < 0.15:
        printed = digits
    elif style < 0.25 and kind != "mob":
        printed = "+44 " + printed[1:]
        digits = "+44" + digits[1:]
    return printed, digits


@dataclass
class Sender:
    key: str
    org: str
    kind: str
    partnership: str
    domain: str
    pdomain: str
    form_title: str
    form_ref: str
    labels: dict
    not_asked: set
    yn: tuple           # (yes, no, third)
    gender_opts: list   # printed options, in order; values female/male/other
    gender_vals: list
    itype_opts: list    # (printed, value)
    split: str | None   # None, "first" (forename first) or "surname" (surname first)
    decoys: list        # (label, kind) kind in date/name/id
    sections: dict      # section key -> title
    ages: tuple = (2, 17)
    siblings: bool = True
    roles: tuple = ("Officer",)
    lead_roles: tuple = ("Safeguarding Lead",)


def S(**kw) -> Sender:
    return Sender(**kw)


BASE_LABELS = {
    "date_of_referral": "Date of referral", "ref.name": "Name", "ref.role": "Role", "ref.agency": "Organisation",
    "ref.email": "Email", "ref.phone": "Telephone", "lead.name": "Name", "lead.role": "Role",
    "lead.agency": "Organisation", "lead.email": "Email", "lead.phone": "Telephone",
    "lead.discussed": "Discussed with your safeguarding lead?", "c.name": "Child's name", "c.first": "Forename(s)",
    "c.last": "Surname", "c.other_names": "Other names", "c.dob": "Date of birth", "c.age": "Age (if DOB not known)",
    "c.gender": "Gender", "c.ethnicity": "Ethnicity", "c.address": "Address", "c.school": "School",
    "c.gp": "GP", "c.legal_status": "Legal status", "c.cp_plan": "Child protection plan (now or previously)?",
    "c.open_to_csc": "Known to children's social care?", "c.looked_after": "Looked after?",
    "c.disability": "Disability / additional needs", "c.date_of_death": "Date of death",
    "inc.date": "Date of incident", "inc.date_la_aware": "Date the local authority became aware",
    "inc.location": "Location of incident", "inc.type": "Type of incident", "inc.summary": "Summary of incident",
    "inc.police": "Police involved?", "cr.died": "Has the child died or been seriously harmed?",
    "cr.abuse": "Is abuse or neglect known or suspected?", "cr.local": "Does the child normally live in the area, or did the incident happen here?",
    "cr.learning": "Is there potential multi-agency learning?", "cr.reason": "Reasons",
    "panel": "Has the national Panel been notified?", "panel.date": "Date Panel notified",
    "ag.name": "Name", "ag.agency": "Agency", "ag.contact": "Contact details",
    "concerns": "Immediate safeguarding concerns",
}
BASE_SECTIONS = {"ref": "About you", "lead": "Your safeguarding lead", "child": "The child",
                 "inc": "The incident", "cr": "Criteria", "panel": "National Panel",
                 "ag": "Other agencies involved", "concerns": "Immediate concerns", "decoy": "Other information"}


def _lab(**over) -> dict:
    d = dict(BASE_LABELS)
    d.update(over)
    return d


def _sec(**over) -> dict:
    d = dict(BASE_SECTIONS)
    d.update(over)
    return d


SENDERS = [
    S(key="hollowmere_libraries", org="Hollowmere Libraries and Information Service", kind="council library service",
      partnership="Hollowmere Safeguarding Children Partnership", domain="hollowmere.gov.uk",
      pdomain="hollowmerescp.org.uk", form_title="Library Service - Referral of a serious safeguarding incident",
      form_ref="HLIS-SG2",
      labels=_lab(**{"date_of_referral": "Date completed", "ref.name": "Library staff member", "ref.role": "Job title",
                     "ref.agency": "Library / branch", "ref.email": "Work email", "ref.phone": "Branch telephone",
                     "lead.name": "Service Safeguarding Officer", "lead.role": "Their job title",
                     "lead.agency": "Their service", "lead.email": "Their email", "lead.phone": "Their telephone",
                     "lead.discussed": "Safeguarding Officer agrees with this referral?",
                     "c.name": "Name of child (as known to the library)", "c.other_names": "Name on library card (if different)",
                     "c.dob": "Date of birth", "c.age": "Approximate age", "c.gender": "Sex",
                     "c.address": "Home address (from membership record)", "c.school": "School (if known)",
                     "c.open_to_csc": "Known to children's social care?", "c.looked_after": "Child in care?",
                     "c.cp_plan": "On a child protection plan (now or before)?",
                     "c.disability": "Any additional needs noticed", "c.date_of_death": "Date of death (if applicable)",
                     "inc.date": "Date of the incident", "inc.date_la_aware": "Date reported to the council",
                     "inc.location": "Library / place where it happened", "inc.type": "What happened (category)",
                     "inc.summary": "Describe what happened", "inc.police": "Were the police called?",
                     "cr.reason": "Why do you think the partnership should review this?",
                     "concerns": "Is any child still at risk?", "ag.contact": "Phone / email"}),
      not_asked={"c.gp", "c.legal_status", "c.ethnicity"}, yn=("Yes", "No", "Don't know"),
      gender_opts=["Female", "Male", "Other"], gender_vals=["female", "male", "other"],
      itype_opts=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"), ("Other", "other")],
      split=None, decoys=[("Library card number", "id"), ("Date card issued", "date"),
                          ("Adult accompanying the child", "name"), ("Date of previous incident report", "date")],
      sections=_sec(ref="1. Your details", lead="2. Service Safeguarding Officer", child="3. Child",
                    inc="4. The incident", cr="5. Review criteria", panel="6. National Panel",
                    ag="7. Other agencies", concerns="8. Current risk", decoy="9. Library records"),
      siblings=True, roles=("Library Assistant", "Branch Librarian", "Children's Librarian", "Customer Services Officer"),
      lead_roles=("Service Safeguarding Officer", "Libraries Operations Manager")),
    S(key="quaysend_leisure", org="Quaysend Leisure Trust", kind="leisure trust (pools and gyms)",
      partnership="Quaysend and Marram Bay SCP", domain="quaysendleisure.org.uk", pdomain="qmbscp.org.uk",
      form_title="Serious Safeguarding Incident - Partnership Referral", form_ref="QLT/SAF/07",
      labels=_lab(**{"date_of_referral": "Date of this report", "ref.name": "Reporting employee",
                     "ref.role": "Position (e.g. Lifeguard, Swim Teacher, Duty Manager)", "ref.agency": "Centre",
                     "ref.email": "Email address", "ref.phone": "Contact number",
                     "lead.name": "Trust Designated Safeguarding Lead", "lead.role": "DSL position",
                     "lead.agency": "DSL organisation", "lead.email": "DSL email", "lead.phone": "DSL phone",
                     "lead.discussed": "Discussed with the Trust DSL?",
                     "c.first": "Child's first name", "c.last": "Child's surname", "c.other_names": "Known as",
                     "c.dob": "DOB", "c.age": "Age (estimate)", "c.gender": "Gender",
                     "c.address": "Address (from booking / membership)", "c.school": "School / swim club",
                     "c.disability": "Medical / additional needs", "c.open_to_csc": "Social worker involved?",
                     "c.looked_after": "Looked after child?", "c.cp_plan": "Child protection plan?",
                     "inc.date": "Date of incident", "inc.date_la_aware": "Date LA children's services informed",
                     "inc.location": "Where did it happen (centre / area)", "inc.type": "Incident category",
                     "inc.summary": "Full account of the incident", "inc.police": "Police attended?",
                     "cr.reason": "Reasons for referral", "concerns": "Ongoing risk to children?"}),
      not_asked={"c.gp", "c.legal_status"}, yn=("YES", "NO", "UNKNOWN"),
      gender_opts=["Female", "Male", "Non-binary"], gender_vals=["female", "male", "other"],
      itype_opts=[("Child death", "death"), ("Serious harm", "serious_harm"), ("Other serious incident", "other")],
      split="first", decoys=[("Membership number", "id"), ("Date of swimming lesson", "date"),
                             ("Member of staff concerned", "name"), ("Date CCTV requested", "date")],
      sections=_sec(ref="Section A - Reporting employee", lead="Section B - Trust DSL", child="Section C - Child",
                    inc="Section D - Incident", cr="Section E - Criteria", panel="Section F - Panel",
                    ag="Section G - Agencies", concerns="Section H - Risk", decoy="Section J - Centre records"),
      siblings=True, roles=("Lifeguard", "Swim Teacher", "Duty Manager", "Receptionist"),
      lead_roles=("Trust DSL", "Head of Safeguarding and Compliance")),
    S(key="alnoor_supplementary", org="Al-Noor Weekend Supplementary School", kind="out-of-school setting (weekend school)",
      partnership="Brindlecote Safeguarding Partnership", domain="alnoorschool.org.uk", pdomain="brindlecotesp.org.uk",
      form_title="Out-of-School Setting - Serious Concern Referral", form_ref="OOSS-R1",
      labels=_lab(**{"date_of_referral": "Today's date", "ref.name": "Your name", "ref.role": "Your role (teacher / volunteer / trustee)",
                     "ref.agency": "Setting name", "ref.email": "Your email", "ref.phone": "Your phone",
                     "lead.name": "Setting DSL", "lead.role": "DSL role", "lead.agency": "DSL setting",
                     "lead.email": "DSL email", "lead.phone": "DSL phone",
                     "lead.discussed": "Have you spoken to the DSL about this?",
                     "c.name": "Pupil's full name", "c.other_names": "Other names used", "c.dob": "Pupil's date of birth",
                     "c.age": "Age", "c.gender": "Boy / Girl", "c.ethnicity": "Ethnic background",
                     "c.address": "Pupil's home address", "c.school": "Day school attended",
                     "c.gp": "Family doctor (GP)", "c.disability": "SEN or medical needs",
                     "c.open_to_csc": "Known to social services?", "c.looked_after": "In care (looked after)?",
                     "c.cp_plan": "Ever on a child protection plan?",
                     "inc.date": "When did it happen?", "inc.date_la_aware": "When was the council told?",
                     "inc.location": "Where did it happen?", "inc.type": "What kind of incident",
                     "inc.summary": "What happened?", "inc.police": "Police informed?",
                     "cr.reason": "Why are you asking for a review?", "concerns": "Are other children at risk now?"}),
      not_asked={"c.legal_status"}, yn=("Yes", "No", "Not sure"),
      gender_opts=["Girl", "Boy"], gender_vals=["female", "male"],
      itype_opts=[("Death", "death"), ("Serious harm", "serious_harm"), ("Other (please specify)", "other")],
      split=None, decoys=[("Class / group", "id"), ("Date pupil enrolled", "date"),
                          ("Parent who collects the pupil", "name"), ("Date of last attendance", "date")],
      sections=_sec(ref="About you", lead="Designated Safeguarding Lead", child="About the pupil",
                    inc="What happened", cr="Does this meet the criteria?", panel="National Panel",
                    ag="Who else is involved?", concerns="Risk now", decoy="Setting records"),
      ages=(5, 15), roles=("Teacher", "Volunteer teacher", "Trustee", "Administrator"),
      lead_roles=("Designated Safeguarding Lead", "Chair of Trustees")),
    S(key="harbourgate_hotels", org="Harbour Gate Hotels Ltd", kind="hotel group (hospitality)",
      partnership="Marram Bay Safeguarding Children Partnership", domain="harbourgatehotels.co.uk",
      pdomain="marrambayscp.org.uk", form_title="Hotel Safeguarding Referral - Child at Risk", form_ref="HGH-CSE-03",
      labels=_lab(**{"date_of_referral": "Date of referral", "ref.name": "Team member", "ref.role": "Job role",
                     "ref.agency": "Hotel", "ref.email": "Hotel email", "ref.phone": "Hotel telephone",
                     "lead.name": "Group Safeguarding Manager", "lead.role": "Manager's title",
                     "lead.agency": "Company", "lead.email": "Manager's email", "lead.phone": "Manager's mobile",
                     "lead.discussed": "Escalated to the Group Safeguarding Manager?",
                     "c.name": "Young person's name (if given)", "c.other_names": "Name used at check-in",
                     "c.dob": "Date of birth", "c.age": "Apparent age", "c.gender": "Sex",
                     "c.ethnicity": "Ethnicity (as described)", "c.address": "Home address (if known)",
                     "c.open_to_csc": "Known to children's services?", "c.looked_after": "Looked after child?",
                     "c.cp_plan": "CP plan (if known)?", "c.disability": "Vulnerabilities noted",
                     "inc.date": "Date of stay / incident", "inc.date_la_aware": "Date children's services were told",
                     "inc.location": "Hotel and room / area", "inc.type": "Nature of concern",
                     "inc.summary": "What staff saw and heard", "inc.police": "Police called (Operation Makesafe)?",
                     "cr.reason": "Reason for referral", "concerns": "Current risk", "ag.agency": "Organisation"}),
      not_asked={"c.school", "c.gp", "c.legal_status", "c.date_of_death"}, yn=("Yes", "No", "Not known"),
      gender_opts=["F", "M", "Other"], gender_vals=["female", "male", "other"],
      itype_opts=[("Serious harm", "serious_harm"), ("Death", "death"), ("Other", "other")],
      split=None, decoys=[("Booking reference", "id"), ("Date booking made", "date"),
                          ("Name on the booking", "name"), ("Date CCTV retained until", "date")],
      sections=_sec(ref="Reporting team member", lead="Escalation", child="Young person", inc="The stay",
                    cr="Partnership criteria", panel="National Panel", ag="Other agencies", concerns="Risk",
                    decoy="Booking details"),
      ages=(13, 17), siblings=False, roles=("Night Manager", "Front of House Supervisor", "Housekeeping Supervisor", "Duty Manager"),
      lead_roles=("Group Safeguarding Manager", "Head of Security")),
    S(key="ryecastle_foodbank", org="Ryecastle Community Food Bank", kind="food bank (charity)",
      partnership="Ryecastle and District SCP", domain="ryecastlefoodbank.org.uk", pdomain="ryecastlescp.org.uk",
      form_title="Safeguarding referral to the Partnership", form_ref="RCFB-SG",
      labels=_lab(**{"date_of_referral": "Date", "ref.name": "Your name", "ref.role": "Role at the food bank",
                     "ref.agency": "Distribution centre", "ref.email": "Email", "ref.phone": "Mobile",
                     "lead.name": "Safeguarding Trustee", "lead.role": "Trustee role", "lead.agency": "Charity",
                     "lead.email": "Trustee email", "lead.phone": "Trustee phone",
                     "lead.discussed": "Agreed with the Safeguarding Trustee?",
                     "c.first": "Child's first name", "c.last": "Child's last name", "c.other_names": "Other names",
                     "c.dob": "Date of birth", "c.age": "Age", "c.gender": "Girl / boy",
                     "c.address": "Household address", "c.school": "School / nursery",
                     "c.open_to_csc": "Family has a social worker?", "c.looked_after": "Child in care?",
                     "c.cp_plan": "Child protection plan?", "c.disability": "Health or disability",
                     "inc.date": "Date of the concern", "inc.date_la_aware": "Date council informed",
                     "inc.location": "Where", "inc.type": "Type of concern", "inc.summary": "What happened",
                     "inc.police": "Police involved?", "cr.reason": "Why we are referring",
                     "concerns": "Immediate worries", "ag.name": "Worker", "ag.agency": "Organisation",
                     "ag.contact": "Phone / email"}),
      not_asked={"c.gp", "c.legal_status", "c.ethnicity"}, yn=("Yes", "No", "Unsure"),
      gender_opts=["Girl", "Boy", "Other"], gender_vals=["female", "male", "other"],
      itype_opts=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"), ("Other", "other")],
      split="surname", decoys=[("Food bank voucher number", "id"), ("Date voucher issued", "date"),
                               ("Referring agency worker (voucher)", "name"), ("Date of next parcel", "date")],
      sections=_sec(ref="You", lead="Safeguarding Trustee", child="Child", inc="The concern", cr="Criteria",
                    panel="Panel", ag="Others involved", concerns="Right now", decoy="Voucher details"),
      roles=("Volunteer", "Centre coordinator", "Warehouse volunteer", "Project manager"),
      lead_roles=("Safeguarding Trustee", "Chair")),
    S(key="elderwood_music", org="Elderwood Music Education Hub", kind="county music service",
      partnership="Elderwood Vale Safeguarding Children Partnership", domain="elderwoodmusic.org.uk",
      pdomain="elderwoodvalescp.org.uk", form_title="Music Hub - Request for consideration of a Rapid Review",
      form_ref="EMEH/RR/2",
      labels=_lab(**{"date_of_referral": "Date of request", "ref.name": "Tutor / staff name",
                     "ref.role": "Instrument / post", "ref.agency": "Hub team / ensemble",
                     "ref.email": "Hub email", "ref.phone": "Contact telephone",
                     "lead.name": "Hub Designated Safeguarding Lead", "lead.role": "DSL post",
                     "lead.agency": "DSL team", "lead.email": "DSL email address", "lead.phone": "DSL telephone",
                     "lead.discussed": "DSL consulted and in agreement?", "c.name": "Student's name",
                     "c.other_names": "Preferred name", "c.dob": "Student's date of birth", "c.age": "Age",
                     "c.gender": "Gender", "c.ethnicity": "Ethnicity", "c.address": "Student's home address",
                     "c.school": "School", "c.gp": "GP surgery", "c.legal_status": "Legal status (if in care)",
                     "c.disability": "SEND", "c.open_to_csc": "Open to social care?",
                     "c.looked_after": "Looked after?", "c.cp_plan": "Subject to a CP plan (now or past)?",
                     "inc.date": "Date of incident", "inc.date_la_aware": "Date local authority aware",
                     "inc.location": "Venue / location", "inc.type": "Incident type",
                     "inc.summary": "Summary", "inc.police": "Police involvement?", "cr.reason": "Potential learning"}),
      not_asked=set(), yn=("Yes", "No", "Not known"),
      gender_opts=["Female", "Male", "Other"], gender_vals=["female", "male", "other"],
      itype_opts=[("Death", "death"), ("Serious harm", "serious_harm"), ("Death of a looked after child", "lac_death"),
                  ("Other", "other")],
      split=None, decoys=[("Instrument loan number", "id"), ("Date of last lesson", "date"),
                          ("Visiting tutor", "name"), ("Date of summer concert", "date")],
      sections=_sec(ref="Part 1: Person making the request", lead="Part 2: Hub DSL", child="Part 3: Student",
                    inc="Part 4: Incident", cr="Part 5: Criteria", panel="Part 6: Panel notification",
                    ag="Part 7: Agencies", concerns="Part 8: Immediate concerns", decoy="Part 9: Hub records"),
      ages=(7, 17), siblings=False, roles=("Brass tutor", "Strings tutor", "Area Ensemble Leader", "Percussion tutor"),
      lead_roles=("Hub DSL", "Head of Music Service")),
    S(key="stourcliffe_amh", org="Stourcliffe Adult Community Mental Health Team (Stourcliffe Partnership NHS FT)",
      kind="adult mental health team (Think Family)", partnership="Stourcliffe Safeguarding Children Partnership",
      domain="nhs.net", pdomain="stourcliffescp.org.uk", form_title="Think Family - Referral for a Rapid Review",
      form_ref="SPFT-TF4",
      labels=_lab(**{"date_of_referral": "Date of referral", "ref.name": "Practitioner", "ref.role": "Profession",
                     "ref.agency": "Team", "ref.email": "NHS.net email", "ref.phone": "Team base number",
                     "lead.name": "Trust Named Nurse Safeguarding Children", "lead.role": "Named professional role",
                     "lead.agency": "Trust", "lead.email": "Named Nurse email", "lead.phone": "Named Nurse phone",
                     "lead.discussed": "Discussed in safeguarding supervision?",
                     "c.first": "Child forename", "c.last": "Child surname", "c.other_names": "Also known as",
                     "c.dob": "DOB", "c.age": "Age if DOB unknown", "c.gender": "Sex",
                     "c.ethnicity": "Ethnic origin", "c.address": "Child's address", "c.school": "School / nursery",
                     "c.gp": "Registered GP", "c.disability": "Child's health needs",
                     "c.open_to_csc": "Open to CSC?", "c.looked_after": "LAC?", "c.cp_plan": "CP plan (current or previous)?",
                     "c.date_of_death": "Date of death",
                     "inc.date": "Date of incident", "inc.date_la_aware": "Date LA aware",
                     "inc.location": "Location", "inc.type": "Incident", "inc.summary": "Brief summary including parental mental health",
                     "inc.police": "Police aware?", "cr.reason": "Rationale", "concerns": "Immediate risks"}),
      not_asked={"c.legal_status"}, yn=("Y", "N", "Unknown"),
      gender_opts=["Female", "Male", "Indeterminate"], gender_vals=["female", "male", "other"],
      itype_opts=[("Child death", "death"), ("Serious harm", "serious_harm"),
                  ("Death of a care leaver (under 25)", "care_leaver_death"), ("Other", "other")],
      split="first", decoys=[("Parent's NHS number", "id"), ("Date of parent's admission", "date"),
                             ("Parent (service user)", "name"), ("Date of last CPA review", "date")],
      sections=_sec(ref="Referrer", lead="Safeguarding supervision", child="Child", inc="Incident",
                    cr="Criteria", panel="Panel", ag="Agencies", concerns="Risks", decoy="Adult service user"),
      roles=("Community Psychiatric Nurse", "Social Worker (AMHP)", "Consultant Psychiatrist", "Occupational Therapist"),
      lead_roles=("Named Nurse Safeguarding Children", "Named Doctor")),
    S(key="gorsemoor_outdoor", org="Gorsemoor Outdoor Education Centre", kind="residential outdoor education centre",
      partnership="Gorsemoor and Ryedale SCP", domain="gorsemooroutdoor.co.uk", pdomain="gorsemoorscp.org.uk",
      form_title="Residential Visit - Serious Incident Safeguarding Referral", form_ref="GOEC-SIR",
      labels=_lab(**{"date_of_referral": "Date form completed", "ref.name": "Instructor / staff member",
                     "ref.role": "Post", "ref.agency": "Centre", "ref.email": "Centre email",
                     "ref.phone": "Centre phone", "lead.name": "Centre DSL", "lead.role": "DSL's post",
                     "lead.agency": "DSL's organisation", "lead.email": "DSL's email", "lead.phone": "DSL's phone",
                     "lead.discussed": "Centre DSL agrees?", "c.name": "Visitor's name",
                     "c.other_names": "Other names", "c.dob": "Date of birth", "c.age": "Age",
                     "c.gender": "Gender", "c.ethnicity": "Ethnicity",
                     "c.address": "Home address (from consent form)", "c.school": "Visiting school / group",
                     "c.gp": "GP (from medical form)", "c.disability": "Medical / SEN information",
                     "c.open_to_csc": "Known to social care?", "c.looked_after": "Looked after?",
                     "c.cp_plan": "On a CP plan?", "c.legal_status": "Legal status",
                     "inc.date": "Date of incident", "inc.date_la_aware": "Date home LA notified",
                     "inc.location": "Activity / location", "inc.type": "Category",
                     "inc.summary": "Account of events", "inc.police": "Police contacted?",
                     "cr.reason": "Why the criteria are met", "concerns": "Actions taken to keep children safe"}),
      not_asked=set(), yn=("Yes", "No", "Awaiting confirmation"),
      gender_opts=["Female", "Male", "Other"], gender_vals=["female", "male", "other"],
      itype_opts=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
                  ("Death of a looked after child", "lac_death"), ("Other", "other")],
      split=None, decoys=[("Group booking ref.", "id"), ("Date group arrived", "date"),
                          ("Visiting group leader", "name"), ("Date of risk assessment", "date")],
      sections=_sec(ref="1 Staff member", lead="2 Centre DSL", child="3 Young person", inc="4 Incident",
                    cr="5 Criteria", panel="6 Panel", ag="7 Agencies", concerns="8 Immediate actions",
                    decoy="9 Visit details"),
      ages=(8, 17), siblings=False, roles=("Senior Instructor", "Outdoor Instructor", "Centre Manager", "Night Warden"),
      lead_roles=("Centre DSL", "Head of Centre")),
]


# ------------------------------------------------------------------ fields and case

@dataclass
class Field:
    key: str          # e.g. "ref.name", "c.dob" (child fields carry the child index separately)
    label: str
    kind: str         # text | date | yn | gender | itype | lines | paras | long
    value: object     # printed: str / list[str] for lines, paras; for options: chosen option text or None
    options: list = field(default_factory=list)
    chosen: int | None = None
    filler: str | None = None  # printed instead of an empty answer
    date: dt.date | None = None
    spec: str | None = None    # "Other" specification
    child: int | None = None


@dataclass
class Section:
    key: str
    title: str
    fields: list
    rows: list | None = None      # agencies rows (name, agency, contact) printed
    headers: list | None = None


FILLERS = ["N/A", "n/a", "-", "Not known"]


def make_case(sender: Sender, rng: random.Random, n_children: int, main_style: str, dob_style: str):
    """Return (sections, record, notes)."""
    notes = {"date_style": main_style, "dob_style": dob_style, "blanks": [], "fillers": [], "third_option": [],
             "decoys": [], "ages": []}
    fd = DATE_STYLES[main_style]
    fdob = DATE_STYLES[dob_style]
    L = sender.labels
    yes, no, third = sender.yn

    ref_date = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28))
    inc_date = ref_date - dt.timedelta(days=rng.randint(3, 20))
    la_date = inc_date + dt.timedelta(days=rng.randint(0, 2))

    def person(domain):
        first, last = rng.choice(ADULT_FIRST), rng.choice(SURNAMES)
        email = f"{first.lower()}.{last.lower().replace('-', '')}@{domain}"
        local, _, dom = email.partition("@")
        pe = email if rng.random() < 0.7 else (local.title() + "@" + dom if rng.random() < 0.5 else email.upper())
        pp, pdig = phone_number(rng)
        return first, last, pe, email, pp, pdig

    blank_budget = rng.randint(1, 3)

    def maybe_blank(key):
        nonlocal blank_budget
        if blank_budget > 0 and rng.random() < 0.08:
            blank_budget -= 1
            return True
        return False

    def text(key, value, label=None, kind="text"):
        """A plain text field. Returns (Field, truth value)."""
        lab = label or L[key]
        if value is None or maybe_blank(key):
            if rng.random() < 0.4:
                f = rng.choice(FILLERS)
                notes["fillers"].append(f"{key}={f}")
                return Field(key, lab, kind, None, filler=f), None
            notes["blanks"].append(key)
            return Field(key, lab, kind, None), None
        return Field(key, lab, kind, value), value

    def date(key, d, style=fd, label=None):
        lab = label or L[key]
        if d is None or maybe_blank(key):
            if d is not None:
                notes["blanks"].append(key)
            return Field(key, lab, "date", None, filler=rng.choice([None, "N/A", "-"]) if d is None else None), None
        return Field(key, lab, "date", style(d), date=d), d.isoformat()

    def yn(key, value, label=None):
        """value True/False/None(third)/'blank'."""
        lab = label or L[key]
        opts = [yes, no, third]
        if value == "blank":
            notes["blanks"].append(key)
            return Field(key, lab, "yn", None, options=opts), None
        if value is None:
            notes["third_option"].append(key)
            return Field(key, lab, "yn", third, options=opts, chosen=2), None
        i = 0 if value else 1
        return Field(key, lab, "yn", opts[i], options=opts, chosen=i), value

    def rand_yn(p_true=0.5, p_third=0.12, p_blank=0.04):
        r = rng.random()
        if r < p_blank:
            return "blank"
        if r < p_blank + p_third:
            return None
        return rng.random() < p_true

    sections = []
    record = {"form": "referral"}

    # referral date + referrer
    rf, rl, rpe, remail, rpp, rdig = person(sender.domain)
    fields = []
    f, record["date_of_referral"] = date("date_of_referral", ref_date)
    fields.append(f)
    ref = {}
    f, ref["name"] = text("ref.name", f"{rf} {rl}"); fields.append(f)
    f, ref["role"] = text("ref.role", rng.choice(sender.roles)); fields.append(f)
    agency = sender.org
    f, ref["agency"] = text("ref.agency", agency); fields.append(f)
    f, e = text("ref.email", rpe); fields.append(f)
    ref["email"] = remail if e else None
    f, p = text("ref.phone", rpp); fields.append(f)
    ref["phone"] = rdig if p else None
    record["referrer"] = {k: ref[k] for k in ("name", "role", "agency", "email", "phone")}
    sections.append(Section("ref", sender.sections["ref"], fields))

    lf, ll, lpe, lemail, lpp, ldig = person(sender.domain)
    lname = f"{lf} {ll}" if rng.random() < 0.8 else f"Dr {lf} {ll}" if sender.key == "stourcliffe_amh" else f"{lf} {ll}"
    fields, lead = [], {}
    f, lead["name"] = text("lead.name", lname); fields.append(f)
    f, lead["role"] = text("lead.role", rng.choice(sender.lead_roles)); fields.append(f)
    f, lead["agency"] = text("lead.agency", sender.org if rng.random() < 0.7 else None); fields.append(f)
    f, e = text("lead.email", lpe); fields.append(f)
    lead["email"] = lemail if e else None
    f, p = text("lead.phone", lpp); fields.append(f)
    lead["phone"] = ldig if p else None
    f, lead["discussed"] = yn("lead.discussed", rand_yn(0.85)); fields.append(f)
    record["safeguarding_lead"] = {k: lead[k] for k in ("name", "role", "agency", "email", "phone", "discussed")}
    sections.append(Section("lead", sender.sections["lead"], fields))

    # children
    family = rng.choice(SURNAMES)
    street = f"{rng.randint(2, 140)} {rng.choice(STREETS)}"
    town = rng.choice(["Hollowmere", "Quaysend", "Brindlecote", "Marram Bay", "Ryecastle", "Elderwood", "Stourcliffe", "Gorsemoor"])
    pc = f"{rng.choice(['HM', 'QY', 'BR', 'MB', 'RY', 'EW', 'ST', 'GR'])}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    flat = rng.random() < 0.3
    addr_lines = ([f"Flat {rng.randint(1, 12)}, {rng.choice(['Kestrel', 'Linnet', 'Heron', 'Plover'])} House"] if flat else []) + [street, town, pc]
    itype_i = rng.choices(range(len(sender.itype_opts)), weights=[3 if v == "death" else 6 if v == "serious_harm" else 1 for _, v in sender.itype_opts])[0]
    itype_val = sender.itype_opts[itype_i][1]
    died = itype_val in ("death", "lac_death", "care_leaver_death")
    ages_used = []
    children = []
    for ci in range(n_children):
        g = rng.random()
        gi = 0 if g < 0.47 else 1 if g < 0.94 or len(sender.gender_opts) < 3 else 2
        if len(sender.gender_opts) < 3 and gi == 2:
            gi = 1
        first = rng.choice(FORENAMES_F if gi == 0 else FORENAMES_M if gi == 1 else FORENAMES_F + FORENAMES_M)
        last = family if sender.siblings else rng.choice(SURNAMES)
        if rng.random() < 0.12:
            last = last.upper()
        while True:
            age = rng.randint(*sender.ages)
            if all(abs(age - a) >= 1 for a in ages_used):
                break
        ages_used.append(age)
        dob = dt.date(ref_date.year - age - 1, rng.randint(1, 12), rng.randint(1, 28)) + dt.timedelta(days=rng.randint(0, 300))
        fields, c = [], {}
        if sender.split:
            p1 = Field("c.first", L["c.first"], "text", first, child=ci)
            p2 = Field("c.last", L["c.last"], "text", last, child=ci)
            fields += [p2, p1] if sender.split == "surname" else [p1, p2]
            c["name"] = f"{first} {last}"
        else:
            f, c["name"] = text("c.name", f"{first} {last}"); fields.append(f)
        other = rng.choice([None, None, f"{first[:3]}", f"{first} {rng.choice([x for x in SURNAMES if x.upper() != last.upper()])}"]) if "c.other_names" not in sender.not_asked else None
        f, c["other_names"] = text("c.other_names", other); fields.append(f)
        give_age = rng.random() < 0.2
        if give_age:
            notes["ages"].append(ci)
            f, _ = date("c.dob", None, fdob); fields.append(f)
            c["dob"] = None
            age_txt = rng.choice([f"{age}", f"about {age}", f"{age} years", f"approx. {age}", f"{age} yrs"])
            f, c["age"] = text("c.age", age_txt); fields.append(f)
        else:
            f, c["dob"] = date("c.dob", dob, fdob); fields.append(f)
            fa = Field("c.age", L["c.age"], "text", None, filler=rng.choice([None, None, "N/A"]))
            fields.append(fa)
            c["age"] = None
        gv = sender.gender_vals[gi]
        if rng.random() < 0.05:
            fields.append(Field("c.gender", L["c.gender"], "gender", None, options=sender.gender_opts))
            c["gender"] = None
        else:
            fields.append(Field("c.gender", L["c.gender"], "gender", sender.gender_opts[gi], options=sender.gender_opts, chosen=gi))
            c["gender"] = gv
        for key, pool in (("c.ethnicity", ETHNICITIES),):
            if key in sender.not_asked:
                c["ethnicity"] = None
            else:
                f, c["ethnicity"] = text(key, rng.choice(pool)); fields.append(f)
        if rng.random() < 0.08:
            f = Field("c.address", L["c.address"], "lines", None, filler=rng.choice([None, "Not known"]))
            c["address"] = None
        else:
            f = Field("c.address", L["c.address"], "lines", list(addr_lines))
            c["address"] = ", ".join(addr_lines)
        fields.append(f)
        for key, pool, tk in (("c.school", SCHOOLS, "school"), ("c.gp", GPS, "gp"), ("c.legal_status", LEGAL, "legal_status")):
            if key in sender.not_asked:
                c[tk] = None
            else:
                f, c[tk] = text(key, rng.choice(pool) if not (tk == "legal_status" and rng.random() < 0.4) else None); fields.append(f)
        for key, tk in (("c.cp_plan", "cp_plan"), ("c.open_to_csc", "open_to_csc"), ("c.looked_after", "looked_after")):
            f, c[tk] = yn(key, rand_yn(0.3 if tk != "open_to_csc" else 0.6)); fields.append(f)
        f, c["disability"] = text("c.disability", rng.choice(DISABILITIES) if rng.random() < 0.5 else None); fields.append(f)
        if "c.date_of_death" in sender.not_asked:
            c["date_of_death"] = None
        else:
            dd = inc_date if (died and ci == 0) else None
            f, c["date_of_death"] = date("c.date_of_death", dd); fields.append(f)
        for ff in fields:
            ff.child = ci
        children.append(c)
        title = sender.sections["child"] + (f" {ci + 1}" if n_children > 1 else "")
        sections.append(Section("child", title, fields))
    blank_child = {k: None for k in ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school",
                                      "gp", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                                      "date_of_death")}
    record["children"] = [dict(blank_child, **c) for c in children]

    # incident
    fields, inc = [], {}
    f, inc["date"] = date("inc.date", inc_date); fields.append(f)
    f, inc["date_la_aware"] = date("inc.date_la_aware", la_date); fields.append(f)
    f, inc["location"] = text("inc.location", rng.choice(LOCATIONS)); fields.append(f)
    opts = [o for o, _ in sender.itype_opts]
    spec = None
    if itype_val == "other":
        spec = rng.choice(["child found in a hotel room with an unrelated adult", "overdose, survived",
                           "missing for four days and found in another county", "private fostering arrangement"])
    fi = Field("inc.type", L["inc.type"], "itype", opts[itype_i], options=opts, chosen=itype_i, spec=spec)
    if rng.random() < 0.04:
        fi.value, fi.chosen, fi.spec, itype_val = None, None, None, None
    fields.append(fi)
    inc["type"] = itype_val
    cname = children[0]["name"] if children[0]["name"] else "The child"
    firstname = cname.split()[0]
    g0 = children[0]["gender"]
    pr, pp, po = ("she", "her", "her") if g0 == "female" else ("he", "his", "him") if g0 == "male" else ("they", "their", "them")
    bits = rng.sample([b for b in SUMMARY_BITS if ("pronounced dead" not in b or died)], rng.randint(3, 6))
    if died and not any("pronounced" in b for b in bits):
        bits.append(SUMMARY_BITS[-1])
    sents = [b.format(c=firstname, pr=pr, pp=pp, po=po) for b in bits]
    sents = [s[0].upper() + s[1:] for s in sents]
    npar = rng.randint(1, min(3, len(sents)))
    cut = sorted(rng.sample(range(1, len(sents)), npar - 1)) if npar > 1 else []
    paras, prev = [], 0
    for ct in cut + [len(sents)]:
        paras.append(" ".join(sents[prev:ct]))
        prev = ct
    fields.append(Field("inc.summary", L["inc.summary"], "paras", paras))
    inc["summary"] = "\n\n".join(paras)
    f, inc["police_involved"] = yn("inc.police", rand_yn(0.6)); fields.append(f)
    record["incident"] = {k: inc[k] for k in ("date", "date_la_aware", "location", "type", "summary", "police_involved")}
    sections.append(Section("inc", sender.sections["inc"], fields))

    fields, cr = [], {}
    f, cr["died_or_seriously_harmed"] = yn("cr.died", rand_yn(0.92, 0.03)); fields.append(f)
    f, cr["abuse_or_neglect_suspected"] = yn("cr.abuse", rand_yn(0.8)); fields.append(f)
    f, cr["local_connection"] = yn("cr.local", rand_yn(0.9)); fields.append(f)
    f, cr["multi_agency_learning"] = yn("cr.learning", rand_yn(0.8)); fields.append(f)
    f, cr["reason"] = text("cr.reason", rng.choice(REASONS), kind="long"); fields.append(f)
    record["criteria"] = cr
    sections.append(Section("cr", sender.sections["cr"], fields))

    fields = []
    pv = rand_yn(0.5, 0.1, 0.03)
    f, record["panel_notified"] = yn("panel", pv); fields.append(f)
    if pv is True and rng.random() < 0.85:
        pd = la_date + dt.timedelta(days=rng.randint(0, 5))
        f, record["date_panel_notified"] = date("panel.date", pd, fdob)
    else:
        f = Field("panel.date", L["panel.date"], "date", None, filler=rng.choice([None, "N/A"]))
        record["date_panel_notified"] = None
    fields.append(f)
    sections.append(Section("panel", sender.sections["panel"], fields))

    # agencies
    rows, ag = [], []
    for name_, team in rng.sample(AGENCY_ROWS, rng.randint(0, 4)):
        person_ = None if rng.random() < 0.3 else f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"
        pp_, _ = phone_number(rng)
        contact = pp_ if rng.random() < 0.6 else f"{team.lower().replace(' ', '.').replace('-', '')}@{sender.pdomain}"
        agency_ = f"{name_} - {team}" if rng.random() < 0.5 else name_
        rows.append((person_, agency_, contact))
        ag.append({"name": person_, "agency": agency_, "contact": contact})
    record["agencies_involved"] = ag
    sections.append(Section("ag", sender.sections["ag"], [], rows=rows,
                            headers=[L["ag.name"], L["ag.agency"], L["ag.contact"]]))

    f, record["immediate_concerns"] = text("concerns", rng.choice(CONCERNS), kind="long")
    sections.append(Section("concerns", sender.sections["concerns"], [f]))

    # decoys
    fields = []
    for lab, kind in sender.decoys:
        if kind == "date":
            v = fd(inc_date - dt.timedelta(days=rng.randint(25, 400)) if rng.random() < 0.7 else ref_date + dt.timedelta(days=rng.randint(5, 60)))
        elif kind == "name":
            v = f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"
        else:
            v = f"{rng.choice('ABCDEFGHKMN')}{rng.randint(10000, 99999)}"
        fields.append(Field("decoy", lab, "text", v))
        notes["decoys"].append(f"{lab}={v}")
    sections.append(Section("decoy", sender.sections["decoy"], fields))
    notes["children"] = n_children
    notes["agencies"] = len(rows)
    notes["itype"] = itype_val
    notes["name_parts"] = bool(sender.split)
    return sections, record, notes


def guidance(sender: Sender, fd) -> str:
    pp, _ = phone_number(random.Random(sender.key))
    return (f"Guidance: complete every section you can and email the form to safeguarding@{sender.pdomain} "
            f"or call the partnership on {pp}. Dates as day/month/year, e.g. {fd(dt.date(2015, 1, 1))}. "
            "Do not delay a referral to the police or children's social care to complete this form.")
