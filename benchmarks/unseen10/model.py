"""Invented case data, date styles, the eight senders' wordings, and one case as ordered sections plus its record.

Nothing here is copied from a real form. Every person, place and number is invented; phone numbers use the
Ofcom drama ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------------------------- date styles

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ord(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


DATE_STYLES = {
    # unseen9's list
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "slash_spaced": lambda d: d.strftime("%d / %m / %Y"),
    "dots_short": lambda d: f"{d.day}.{d.month}.{d.year}",
    "ordinal_of": lambda d: f"{_ord(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    "weekday_abbr": lambda d: f"{DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    "oracle": lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3].upper()}-{d.year}",
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dash2": lambda d: d.strftime("%d-%m-%y"),
    # new in unseen10
    "slash_nozero": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dots2": lambda d: d.strftime("%d.%m.%y"),
    "weekday_comma": lambda d: f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    "abbr_ordinal": lambda d: f"{_ord(d.day)} {MONTHS[d.month - 1][:3]} {d.year}",
    "space_num": lambda d: d.strftime("%d %m %Y"),
    "month_comma": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]}, {d.year}",
}
MAIN_STYLES = list(DATE_STYLES)


def fmt_date(d: dt.date, style: str) -> str:
    return DATE_STYLES[style](d)


def all_date_forms(d: dt.date) -> list[str]:
    return [f(d) for f in DATE_STYLES.values()] + [d.strftime("%d%m%Y")]


# ----------------------------------------------------------------------------------------------- invented data

GIRLS = ["Amelia", "Isla", "Poppy", "Freya", "Maisie", "Ellie-Mae", "Zainab", "Aoife", "Keira", "Lacey", "Nevaeh",
         "Harriet", "Ruby", "Esme", "Sienna", "Halima", "Roxanne", "Tegan", "Willow", "Orla", "Kaydence", "Maja"]
BOYS = ["Harley", "Kai", "Oscar", "Reuben", "Tyler", "Alfie", "Dexter", "Musa", "Lennon", "Cian", "Bradley", "Jaxon",
        "Teddy", "Ibrahim", "Riley", "Ezra", "Callum", "Tomasz", "Kayden", "Noah", "Rhys", "Eli"]
SURNAMES = ["Ashdown", "Brierley", "Castell", "Doughty", "Elwood", "Fairbairn", "Gorrie", "Hebblethwaite", "Ingleby",
            "Jowett", "Kershaw", "Lumb", "McAteer", "Nuttall", "Oldroyd", "Pickles", "Quarmby", "Rushworth",
            "Sowerby", "Tordoff", "Umpleby", "Varley", "Whitworth", "Yeadon", "Ziolkowski", "Boswell", "Lovell",
            "Smalley", "Okafor", "Haddad", "Petrenko", "Begum"]
ADULT_FIRST = ["Joanne", "Gareth", "Priya", "Siobhan", "Marcus", "Helen", "Donna", "Imran", "Lorraine", "Stuart",
               "Beverley", "Nadia", "Craig", "Fiona", "Tariq", "Wendy", "Declan", "Angharad", "Paul", "Rebecca",
               "Yusuf", "Claire", "Adrian", "Michelle"]
WOMEN = ["Joanne", "Priya", "Siobhan", "Helen", "Donna", "Lorraine", "Beverley", "Nadia", "Fiona", "Wendy",
         "Angharad", "Rebecca", "Claire", "Michelle", "Kerry-Ann", "Shannon"]
PER_CHILD = {"UPN", "Player registration no.", "Police missing person (MISPER) ref.", "Year group",
             "Date of last PEP", "Designated teacher"}
STREETS = ["Pennycress Road", "Tanpit Lane", "Kilnhurst Close", "Old Ropewalk", "Sefton Terrace", "Larkspur Way",
           "Coalpit Row", "Marigold Court", "Beckside View", "Hollins Croft", "Chapel Fold", "Quarry Bank",
           "Windermere Drive", "Spindle Street", "Aldergrove Walk", "Furnace Yard"]
ETHNICITIES = ["White British", "Mixed White and Black Caribbean", "Gypsy/Roma", "Traveller of Irish heritage",
               "Pakistani", "Any other White background", "Black African", "Bangladeshi", "White Irish",
               "Mixed White and Asian", "Chinese", "Any other mixed background"]
DISABILITIES = ["Autism (diagnosed 2023)", "Global developmental delay", "ADHD - awaiting assessment",
                "Cerebral palsy", "Hearing impairment (bilateral aids)", "Epilepsy", "Type 1 diabetes",
                "Speech and language delay", "Moderate learning difficulties"]
LEGAL = ["s20 accommodated", "Section 31 care order", "Child in need", "Interim care order", "No order",
         "Placement order", "Child protection plan", "Special guardianship order", "Subject to s47 enquiry"]
AGENCY_KINDS = [("Children's Social Care", "Duty and Assessment Team"), ("Police", "Child Abuse Investigation Unit"),
                ("Health Visiting", "0-19 Service"), ("Education", "School DSL"), ("CAMHS", "Getting Help Team"),
                ("Youth Justice", "YJS"), ("GP", "practice"), ("Housing", "Tenancy Support"),
                ("Early Help", "Family Hub"), ("Emergency Duty Team", "out of hours")]

SUMMARY_BITS = [
    "{c} was brought to {place} by {adult} on the evening of {d} with bruising to the face and upper arms that could not be explained.",
    "Staff noticed that {c} had lost a noticeable amount of weight over several weeks and was often hungry on arrival.",
    "On {d} {c} disclosed that an older male known only as 'J' had been giving {pr} cannabis and asking {pr} to carry packages to Stockbridge.",
    "Police attended the address after a neighbour reported shouting and a child crying; the flat was found to be cold, with little food and dog faeces on the floors.",
    "{c} was found unresponsive in the early hours and taken by ambulance to Royal Wealdmoor Infirmary, where {pr2} died later that morning.",
    "There had been three missing episodes in the previous month, each lasting more than 24 hours, and {c} returned with new clothes and a second phone.",
    "An X-ray showed a healing fracture of the left forearm, estimated at two to three weeks old, for which no medical attention had been sought.",
    "{c} told a member of staff that {pr2} was frightened to go home because of arguments between the adults and that {pr2} had been hit with a belt.",
    "Attendance had fallen to 61% and the family had moved three times in the year, with records not following {c} between schools.",
    "The mother's partner has previous convictions for violence and was not known to agencies to be living in the household.",
    "A strategy discussion took place the next day and a section 47 enquiry was started; the children are now staying with a maternal aunt.",
    "Information held by different agencies was not shared at the time, and the seriousness of the earlier injuries was not recognised.",
]
REASONS = [
    "Several agencies were involved but concerns about neglect were not brought together, and there may be learning about information sharing across the area boundary.",
    "The child was known to at least four services and earlier injuries were not escalated; we believe the criteria for a rapid review are met.",
    "There appear to be missed opportunities to recognise exploitation, and the role of placing authorities out of area should be examined.",
    "Abuse is suspected, the child was seriously harmed, and there is potential learning about how professionals respond to disclosures.",
    "We think this case shows how a family can move between areas without records following them, which may be of wider learning.",
]
CONCERNS = [
    "Two younger siblings remain in the household; a safety plan is in place and they are seen daily.",
    "The alleged perpetrator has not yet been located by police.",
    "None at present - the young person is safe in a new placement.",
    "The baby's twin remains in hospital; discharge planning meeting arranged.",
    "Concern that the young person will go missing again before the strategy meeting.",
    "Mother is refusing to engage and has threatened to leave the area with the children.",
]
PLACES = ["the Children's Emergency Department, Royal Wealdmoor Infirmary", "the family home", "a friend's flat on Coalpit Row",
          "Thornwick Country Park", "the children's home", "the traveller site at Long Meadow", "Severnmoor bus station",
          "the MBU nursery room", "a car park behind Quarry Bank shops", "the rugby club changing rooms", "the pharmacy consultation room"]


def phone(rng) -> str:
    return rng.choice([
        f"01632 960{rng.randint(0, 999):03d}", f"0113 496 0{rng.randint(0, 999):03d}",
        f"0117 496 0{rng.randint(0, 999):03d}", f"020 7946 0{rng.randint(0, 999):03d}",
        f"07700 900{rng.randint(0, 999):03d}", f"0161 496 0{rng.randint(0, 999):03d}",
        f"+44 7700 900{rng.randint(0, 999):03d}"])


def digits_phone(s: str) -> str:
    return ("+" if s.strip().startswith("+") else "") + re.sub(r"\D", "", s)


# ----------------------------------------------------------------------------------------------- senders

INC_VALUES = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]


@dataclass
class Sender:
    key: str
    org: str
    domain: str
    partnership: str
    p_email: str
    p_phone: str
    title: str
    form_ref: str
    marking: str
    sections: dict            # section id -> title
    labels: dict              # field key -> label (None / missing = not asked)
    yn: tuple                 # (Yes, No, third)
    genders: tuple            # (female, male, other) words
    inc_opts: dict            # value -> printed option
    split_name: bool
    surname_first: bool
    roles: list
    lead_roles: list
    decoys: list              # (section, label, kind) kind: person/date/id:<pattern>/text:<choices>
    agency_cols: tuple = ("Name", "Agency", "Contact details")
    ages: list = field(default_factory=lambda: ["13", "approx. 4", "15 years", "about 9", "9 months", "16"])


def _L(base: dict, **over) -> dict:
    d = dict(base)
    d.update(over)
    return d


SENDERS: list[Sender] = []

SENDERS.append(Sender(
    key="oakhurst_homes", org="Oakhurst Care Group", domain="oakhurstcare.co.uk",
    partnership="Wealdmoor Safeguarding Children Partnership", p_email="scr.referrals@wealdmoor-scp.org.uk",
    p_phone="01632 960114", title="Serious Event Referral to the Safeguarding Partnership (Children's Homes)",
    form_ref="OCG-SE3 v4.2", marking="OFFICIAL-SENSITIVE (PERSONAL) WHEN COMPLETE",
    sections={"ref": "1. About the home and the person reporting", "lead": "2. Registered Manager sign-off",
              "child": "3. The young person", "inc": "4. The serious event", "crit": "5. Why we are referring",
              "panel": "6. National Panel", "ag": "7. Other professionals around the young person",
              "conc": "8. Immediate safety"},
    labels={"ref.name": "Name of staff member reporting", "ref.role": "Position in the home",
            "ref.agency": "Home / service", "ref.email": "Work email", "ref.phone": "Home's landline",
            "ref.date": "Date of this report", "lead.name": "Registered Manager", "lead.role": "Manager's job title",
            "lead.agency": "Registered provider", "lead.email": "Manager's email", "lead.phone": "Manager's mobile",
            "lead.discussed": "Registered Manager informed and in agreement?",
            "child.name": "Young person's full name", "child.other_names": "Also known as",
            "child.dob": "DOB", "child.age": "Age (if DOB not held)", "child.gender": "Gender",
            "child.ethnicity": "Ethnicity", "child.address": "Address of the home",
            "child.school": "School / education provision", "child.gp": "GP surgery",
            "child.legal_status": "Legal status (s20 / s31 / other)", "child.cp_plan": "Has ever had a CP plan?",
            "child.open_to_csc": "Allocated social worker in placing authority?",
            "child.looked_after": "Looked after child?", "child.disability": "Additional needs / disability",
            "child.date_of_death": "Date of death (if applicable)",
            "inc.date": "Date of the event", "inc.date_la_aware": "Date host local authority informed",
            "inc.location": "Where did it happen?", "inc.type": "Type of event", "inc.other": "If other, say what",
            "inc.summary": "Account of the event", "inc.police": "Police called / involved?",
            "crit.died": "Has the young person died or been seriously harmed?",
            "crit.abuse": "Is abuse or neglect known or suspected?",
            "crit.local": "Does the home sit within the Wealdmoor area?",
            "crit.learning": "Could other agencies learn from this?", "crit.reason": "Our reasons",
            "panel.notified": "Has a notification gone to the national Panel?", "panel.date": "Date Panel notified",
            "agencies": "Other professionals involved", "concerns": "Is anyone at risk right now? What has been done?"},
    yn=("Yes", "No", "Not confirmed"), genders=("Female", "Male", "Other"),
    inc_opts={"death": "Death of a child", "serious_harm": "Serious harm to a child",
              "lac_death": "Death of a looked after child", "care_leaver_death": "Death of a care leaver (under 25)",
              "other": "Other (please specify)"},
    split_name=False, surname_first=False,
    roles=["Residential Support Worker", "Senior Residential Worker", "Deputy Manager", "Team Leader (nights)"],
    lead_roles=["Registered Manager", "Registered Manager (Oakhurst Lodge)", "Responsible Individual"],
    decoys=[("ref", "Ofsted URN", "id:SC######"), ("child", "Placing authority", "text:Kingsmoor City Council|Harrowby Borough Council|Eastwold County Council"),
            ("child", "Placing social worker", "person"), ("child", "Date of placement", "date"),
            ("inc", "Regulation 40 notification sent to Ofsted on", "date")],
))

SENDERS.append(Sender(
    key="severnmoor_vs", org="Severnmoor Virtual School", domain="severnmoor.gov.uk",
    partnership="Severnmoor Safeguarding Children Partnership", p_email="lcspr@severnmoorscp.org.uk",
    p_phone="0117 496 0500", title="Virtual School - Request for a Rapid Review (child in care / previously in care)",
    form_ref="VS/RR/03", marking="OFFICIAL - SENSITIVE",
    sections={"ref": "A. Virtual School officer", "lead": "B. Virtual School Head", "child": "C. Pupil details",
              "inc": "D. What has happened", "crit": "E. Rapid review criteria", "panel": "F. Panel notification",
              "ag": "G. Agencies", "conc": "H. Current risk"},
    labels={"ref.name": "Virtual School officer", "ref.role": "Role (e.g. Education Adviser)",
            "ref.agency": "Service", "ref.email": "Email", "ref.phone": "Telephone", "ref.date": "Date",
            "lead.name": "Virtual School Head (VSH)", "lead.role": "VSH title", "lead.agency": "Local authority",
            "lead.email": "VSH email", "lead.phone": "VSH telephone", "lead.discussed": "VSH aware and agrees?",
            "child.forename": "Pupil forename", "child.surname": "Pupil surname", "child.other_names": "Preferred name",
            "child.dob": "DoB", "child.age": "Age", "child.gender": "Gender", "child.ethnicity": "Ethnicity (DfE description)",
            "child.address": "Care placement address", "child.school": "School on roll", "child.gp": "GP practice",
            "child.legal_status": "Care status (e.g. s20, s31, ICO)", "child.cp_plan": "Previously on a CP plan?",
            "child.open_to_csc": "Open to children's social care?", "child.looked_after": "Child in care?",
            "child.disability": "SEN status / EHCP", "child.date_of_death": "Date of death",
            "inc.date": "Date of incident", "inc.date_la_aware": "Date the local authority was made aware",
            "inc.location": "Location", "inc.type": "Category", "inc.other": "Other - details",
            "inc.summary": "Brief summary", "inc.police": "Police involvement?",
            "crit.died": "Died or seriously harmed?", "crit.abuse": "Abuse or neglect known or suspected?",
            "crit.local": "Child ordinarily resident in / harmed in Severnmoor?",
            "crit.learning": "Potential for multi-agency learning?", "crit.reason": "Rationale",
            "panel.notified": "Panel notified?", "panel.date": "Date of Panel notification",
            "agencies": "Agencies working with the pupil", "concerns": "Immediate concerns and actions"},
    yn=("Yes", "No", "Not held"), genders=("F", "M", "X"),
    inc_opts={"death": "Child death", "serious_harm": "Serious harm",
              "lac_death": "Death of a child in care", "care_leaver_death": "Death of a care leaver aged 18 to 24",
              "other": "Other"},
    split_name=True, surname_first=False,
    roles=["Education Adviser", "PEP Co-ordinator", "Virtual School Caseworker", "Attendance and Inclusion Officer"],
    lead_roles=["Virtual School Head", "Interim Virtual School Headteacher"],
    decoys=[("child", "UPN", "id:A###########"), ("child", "Designated teacher", "person"),
            ("child", "Date of last PEP", "date"), ("child", "Year group", "text:Year 4|Year 7|Year 9|Year 10|Reception")],
))

SENDERS.append(Sender(
    key="rushmere_missing", org="Rushmere Missing from Home and Care Service", domain="rushmere-missing.org.uk",
    partnership="Rushmere and Coldwater Safeguarding Children Partnership", p_email="reviews@rcscp.org.uk",
    p_phone="0161 496 0777", title="Return Home Interview Service - Serious Concern Referral for Case Review",
    form_ref="RHI-SC1", marking="CONFIDENTIAL WHEN COMPLETED",
    sections={"ref": "RHI worker", "lead": "Service manager", "child": "Young person",
              "inc": "The concern", "crit": "Review criteria", "panel": "Panel", "ag": "Who else is involved",
              "conc": "Risk now"},
    labels={"ref.name": "RHI worker", "ref.role": "Job title", "ref.agency": "Service", "ref.email": "Secure email",
            "ref.phone": "Mobile", "ref.date": "Date of referral",
            "lead.name": "Service manager", "lead.role": "Manager's role", "lead.agency": "Organisation",
            "lead.email": "Manager email", "lead.phone": "Manager tel.",
            "lead.discussed": "Discussed with service manager?",
            "child.name": "Name of young person", "child.other_names": "Street name / alias",
            "child.dob": "D.O.B.", "child.age": "Approx. age", "child.gender": "Sex (F/M/Other)",
            "child.ethnicity": "Ethnicity", "child.address": "Home address / where they usually live",
            "child.school": "School / college", "child.gp": "GP",
            "child.open_to_csc": "Open to social care?", "child.looked_after": "Missing from care?",
            "child.cp_plan": "On a CP plan (now or before)?", "child.disability": "Any disability or additional needs",
            "inc.date": "Date of the harm (if known)", "inc.date_la_aware": "Date children's services knew",
            "inc.location": "Where it happened", "inc.type": "What kind of incident?", "inc.other": "Other (explain)",
            "inc.summary": "What the young person told us", "inc.police": "Police aware?",
            "crit.died": "Serious harm or death?", "crit.abuse": "Abuse, neglect or exploitation suspected?",
            "crit.local": "Lives in, or harmed in, Rushmere or Coldwater?",
            "crit.learning": "Learning for agencies?", "crit.reason": "Why we think this needs a review",
            "panel.notified": "Panel told?", "panel.date": "Date Panel told",
            "agencies": "Who else is involved", "concerns": "What is the risk now?"},
    yn=("Yes", "No", "Unclear"), genders=("F", "M", "Other"),
    inc_opts={"death": "Death", "serious_harm": "Serious harm", "other": "Other serious incident"},
    split_name=False, surname_first=False,
    roles=["Return Home Interview Worker", "Missing Children Practitioner", "Senior RHI Worker"],
    lead_roles=["Service Manager", "Missing Service Co-ordinator"],
    decoys=[("child", "Police missing person (MISPER) ref.", "id:MP/##/######"), ("inc", "Date reported missing", "date"),
            ("inc", "Date found / returned", "date"), ("inc", "Return home interview offered on", "date"),
            ("inc", "Person found with", "person")],
))

SENDERS.append(Sender(
    key="thornwick_grt", org="Thornwick Gypsy, Roma and Traveller Liaison Service", domain="thornwick.gov.uk",
    partnership="Thornwick Safeguarding Children Partnership", p_email="practice.reviews@thornwickscp.gov.uk",
    p_phone="01632 960450", title="Liaison Service Referral - Serious Incident involving a Child",
    form_ref="GRT-LS/07", marking="RESTRICTED (when completed)",
    sections={"ref": "Liaison officer", "lead": "Team manager", "child": "Child",
              "inc": "Incident", "crit": "Criteria", "panel": "National Panel", "ag": "Services involved",
              "conc": "Immediate concerns"},
    labels={"ref.name": "Liaison officer", "ref.role": "Post", "ref.agency": "Team", "ref.email": "Email address",
            "ref.phone": "Phone", "ref.date": "Date completed",
            "lead.name": "Team manager / designated lead", "lead.role": "Their post", "lead.agency": "Their service",
            "lead.email": "Their email", "lead.phone": "Their phone",
            "lead.discussed": "Talked over with the team manager?",
            "child.forename": "Child's first name", "child.surname": "Child's family name",
            "child.other_names": "Other names used", "child.dob": "Date of birth", "child.age": "Age if DOB unknown",
            "child.gender": "Boy / girl / other", "child.ethnicity": "Ethnicity (as the family describe it)",
            "child.address": "Site / pitch or address", "child.school": "School (if on roll)",
            "child.gp": "GP (if registered)", "child.legal_status": "Legal status",
            "child.cp_plan": "Ever on a CP plan?", "child.open_to_csc": "Known to children's social care?",
            "child.looked_after": "In care?", "child.disability": "Health needs / disability",
            "child.date_of_death": "If the child has died, date of death",
            "inc.date": "Date it happened", "inc.date_la_aware": "Date the council found out",
            "inc.location": "Place", "inc.type": "Incident type", "inc.other": "Please specify",
            "inc.summary": "What happened", "inc.police": "Police involved?",
            "crit.died": "Child died or seriously harmed?", "crit.abuse": "Abuse or neglect suspected?",
            "crit.local": "Child living in Thornwick, or harmed here?",
            "crit.learning": "Lessons for services?", "crit.reason": "Reasons",
            "panel.notified": "National Panel notified?", "panel.date": "When?",
            "agencies": "Services involved", "concerns": "Immediate concerns"},
    yn=("Yes", "No", "Don't know"), genders=("Girl", "Boy", "Other"),
    inc_opts={"death": "Child death", "serious_harm": "Serious harm to a child",
              "lac_death": "Death of a child in care", "other": "Other"},
    split_name=True, surname_first=True,
    roles=["Traveller Liaison Officer", "Education Liaison Officer (GRT)", "Site Liaison Worker"],
    lead_roles=["Team Manager", "GRT Service Lead"],
    decoys=[("child", "Site manager", "person"), ("child", "Pitch number", "id:Pitch ##"),
            ("child", "Date family moved onto the site", "date"), ("child", "Elective home education registered on", "date")],
    ages=["13", "about 9", "11", "approx. 6", "15 years", "2"],
))

SENDERS.append(Sender(
    key="ncru_safeguarding", org="Northern Counties Rugby Union - Safeguarding Case Management Unit",
    domain="ncru-rugby.org.uk", partnership="Calderfell Safeguarding Children Partnership",
    p_email="calderfellscp.reviews@calderfell.gov.uk", p_phone="0113 496 0999",
    title="Safeguarding Case Referral to a Local Safeguarding Partnership",
    form_ref="NCRU-SCMU-12", marking="STRICTLY CONFIDENTIAL",
    sections={"ref": "Part 1 - Case officer", "lead": "Part 2 - Lead Safeguarding Officer", "child": "Part 3 - The player",
              "inc": "Part 4 - The incident", "crit": "Part 5 - Review criteria", "panel": "Part 6 - Panel",
              "ag": "Part 7 - Agencies", "conc": "Part 8 - Immediate concerns"},
    labels={"ref.name": "Case officer", "ref.role": "Role", "ref.agency": "Union / club", "ref.email": "Email",
            "ref.phone": "Tel", "ref.date": "Date sent",
            "lead.name": "Lead Safeguarding Officer", "lead.role": "LSO role", "lead.agency": "LSO organisation",
            "lead.email": "LSO email", "lead.phone": "LSO tel",
            "lead.discussed": "Case reviewed by the Lead Safeguarding Officer?",
            "child.forename": "Player's first name", "child.surname": "Player's surname", "child.other_names": "Known as",
            "child.dob": "Date of birth", "child.age": "Age (if DOB not held)", "child.gender": "Male / Female / Other",
            "child.address": "Home address", "child.school": "School", "child.gp": "GP",
            "child.cp_plan": "Subject of a CP plan?", "child.open_to_csc": "Known to children's social care?",
            "child.looked_after": "Looked after?", "child.disability": "Impairment / disability",
            "child.date_of_death": "Date of death",
            "inc.date": "Date of incident", "inc.date_la_aware": "Date LADO / local authority notified",
            "inc.location": "Venue", "inc.type": "Nature of incident", "inc.other": "Other - please give details",
            "inc.summary": "Summary of concern", "inc.police": "Police involved?",
            "crit.died": "Death or serious harm?", "crit.abuse": "Abuse or neglect suspected?",
            "crit.local": "Connection to the Calderfell area?", "crit.learning": "Wider learning?",
            "crit.reason": "Reason for referral",
            "panel.notified": "Panel notification made?", "panel.date": "Date of notification to Panel",
            "agencies": "Agencies", "concerns": "Immediate concerns"},
    yn=("Yes", "No", "Unconfirmed"), genders=("Female", "Male", "Other"),
    inc_opts={"death": "Death of a child", "serious_harm": "Serious harm to a child", "other": "Other (please specify)"},
    split_name=True, surname_first=False,
    roles=["Case Officer", "Safeguarding Case Manager", "Assistant Case Officer"],
    lead_roles=["Lead Safeguarding Officer", "Head of Safeguarding"],
    decoys=[("child", "Club", "text:Fellside RUFC|Calder Vale Juniors RFC|Greyholme Rugby Club"),
            ("child", "Player registration no.", "id:########"), ("child", "Club safeguarding officer", "person"),
            ("inc", "Person of concern (coach / volunteer)", "person"), ("inc", "Date of provisional suspension", "date")],
))

SENDERS.append(Sender(
    key="ashcombe_mbu", org="HMP Ashcombe Mother and Baby Unit", domain="justice.gov.uk",
    partnership="Ashcombe and Vale Safeguarding Children Partnership", p_email="avscp.reviews@ashcombevale.gov.uk",
    p_phone="01632 960222", title="MBU Safeguarding Referral - Child Resident on the Unit",
    form_ref="MBU-SG2", marking="OFFICIAL-SENSITIVE",
    sections={"ref": "Staff member raising the referral", "lead": "Head of Safeguarding", "child": "Baby",
              "inc": "Incident", "crit": "Case review criteria", "panel": "Panel", "ag": "Professionals involved",
              "conc": "Immediate safety of the baby"},
    labels={"ref.name": "Name of MBU officer / nurse", "ref.role": "Grade / role", "ref.agency": "Establishment / unit",
            "ref.email": "Email (secure)", "ref.phone": "Telephone (ext.)", "ref.date": "Date raised",
            "lead.name": "Head of Safeguarding", "lead.role": "Grade", "lead.agency": "Establishment",
            "lead.email": "Email", "lead.phone": "Telephone",
            "lead.discussed": "Head of Safeguarding agrees with referral?",
            "child.name": "Baby's name", "child.dob": "Date of birth", "child.age": "Age (weeks / months)",
            "child.gender": "Sex", "child.ethnicity": "Ethnicity", "child.address": "Address",
            "child.gp": "GP / health visitor", "child.legal_status": "Legal status of baby",
            "child.cp_plan": "Subject to CP plan?", "child.open_to_csc": "Allocated to children's services?",
            "child.looked_after": "Looked after?", "child.disability": "Health needs / disability",
            "child.date_of_death": "Date of death",
            "inc.date": "Date of incident", "inc.date_la_aware": "Date host LA children's services informed",
            "inc.location": "Location", "inc.type": "Type", "inc.other": "Other (specify)",
            "inc.summary": "Details", "inc.police": "Police informed?",
            "crit.died": "Baby died or seriously harmed?", "crit.abuse": "Abuse or neglect suspected?",
            "crit.local": "Prison within the partnership area?", "crit.learning": "Multi-agency learning?",
            "crit.reason": "Why a review should be considered",
            "panel.notified": "National Panel notified?", "panel.date": "Date notified",
            "agencies": "Professionals involved", "concerns": "Immediate concerns"},
    yn=("Yes", "No", "TBC"), genders=("F", "M", "Other"),
    inc_opts={"death": "Child death", "serious_harm": "Serious harm", "other": "Other"},
    split_name=False, surname_first=False,
    roles=["MBU Officer", "Nursery Nurse", "Supervising Officer (MBU)", "Midwife (in-reach)"],
    lead_roles=["Head of Safeguarding", "Head of Residence and Safeguarding"],
    decoys=[("child", "Mother's name", "woman"), ("child", "Mother's prison number", "id:A####BC"),
            ("child", "Date of admission to MBU", "date"), ("child", "Date of next MBU board", "date"),
            ("child", "Mother's earliest release date", "date")],
    ages=["9 months", "6 weeks", "4 months", "about 11 months", "14 months", "3 weeks"],
))

SENDERS.append(Sender(
    key="northvale_raa", org="Adopt Northvale (Regional Adoption Agency)", domain="adoptnorthvale.org.uk",
    partnership="Northvale Safeguarding Children Partnership", p_email="case.reviews@northvalescp.org.uk",
    p_phone="020 7946 0300", title="Adoption Service - Referral for Consideration of a Safeguarding Practice Review",
    form_ref="RAA/SPR/1", marking="OFFICIAL - SENSITIVE - PERSONAL",
    sections={"ref": "Worker", "lead": "Manager", "child": "Child",
              "inc": "Incident", "crit": "Criteria", "panel": "Panel", "ag": "Involved agencies",
              "conc": "Immediate concerns"},
    labels={"ref.name": "Adoption social worker", "ref.role": "Job title", "ref.agency": "Team / agency",
            "ref.email": "Email", "ref.phone": "Phone", "ref.date": "Date",
            "lead.name": "Team manager", "lead.role": "Manager's title", "lead.agency": "Manager's agency",
            "lead.email": "Manager's email", "lead.phone": "Manager's phone",
            "lead.discussed": "Agreed with the team manager?",
            "child.name": "Child's current name", "child.other_names": "Birth name / previous names",
            "child.dob": "DOB", "child.age": "Age", "child.gender": "Gender", "child.ethnicity": "Ethnicity",
            "child.address": "Adoptive home address", "child.school": "School / nursery", "child.gp": "GP",
            "child.legal_status": "Legal status (placement order / adoption order)",
            "child.cp_plan": "CP plan before placement?", "child.open_to_csc": "Open to children's social care?",
            "child.looked_after": "Still looked after?", "child.disability": "Disability / health needs",
            "child.date_of_death": "Date of death",
            "inc.date": "Date of incident", "inc.date_la_aware": "Date LA became aware",
            "inc.location": "Location of incident", "inc.type": "Type of incident",
            "inc.other": "Other - please describe", "inc.summary": "Summary", "inc.police": "Police involved?",
            "crit.died": "Died or seriously harmed?", "crit.abuse": "Abuse or neglect suspected?",
            "crit.local": "Local connection?", "crit.learning": "Learning for more than one agency?",
            "crit.reason": "Reason", "panel.notified": "Has the Panel been notified?",
            "panel.date": "Date Panel notified", "agencies": "Involved agencies", "concerns": "Immediate concerns"},
    yn=("Yes", "No", "Not recorded"), genders=("Female", "Male", "Other"),
    inc_opts={"death": "Death", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
              "other": "Other"},
    split_name=False, surname_first=False,
    roles=["Adoption Social Worker", "Adoption Support Social Worker", "Senior Practitioner (Adoption Support)"],
    lead_roles=["Team Manager, Adoption Support", "Agency Decision Maker"],
    decoys=[("child", "Adopters' names", "person"), ("child", "Date of placement order", "date"),
            ("child", "Date placed for adoption", "date"), ("child", "Adoption order granted on", "date"),
            ("child", "Birth mother", "woman")],
))

SENDERS.append(Sender(
    key="parkway_pharmacy", org="Parkway Community Pharmacy", domain="nhs.net",
    partnership="Hadley Cross Safeguarding Children Partnership", p_email="hcscp.sirg@hadleycross.gov.uk",
    p_phone="0117 496 0123", title="Community Pharmacy Safeguarding Referral",
    form_ref="CP-SG/2", marking="CONFIDENTIAL - PATIENT INFORMATION",
    sections={"ref": "Pharmacy staff member", "lead": "Safeguarding lead", "child": "Patient",
              "inc": "Concern", "crit": "Review questions", "panel": "National Panel", "ag": "Other services",
              "conc": "Immediate concerns"},
    labels={"ref.name": "Pharmacist / staff member", "ref.role": "Role (pharmacist, technician, counter assistant)",
            "ref.agency": "Pharmacy name", "ref.email": "Email", "ref.phone": "Pharmacy phone",
            "ref.date": "Date",
            "lead.name": "Superintendent / safeguarding lead", "lead.role": "Their role",
            "lead.agency": "Company", "lead.email": "Lead's email", "lead.phone": "Lead's phone",
            "lead.discussed": "Discussed with the safeguarding lead?",
            "child.name": "Patient name", "child.dob": "Patient DOB", "child.age": "Approximate age",
            "child.gender": "Sex", "child.address": "Patient address", "child.school": "School (if known)",
            "child.gp": "Registered GP", "child.open_to_csc": "Known to social care (if known)?",
            "child.disability": "Relevant health conditions",
            "inc.date": "Date of concern", "inc.date_la_aware": "Date social care told",
            "inc.location": "Where", "inc.type": "Type", "inc.other": "Details if other",
            "inc.summary": "What happened", "inc.police": "Police contacted?",
            "crit.died": "Death or serious harm?", "crit.abuse": "Suspected abuse or neglect?",
            "crit.local": "Patient lives in Hadley Cross?", "crit.learning": "Learning for services?",
            "crit.reason": "Reason for referral", "panel.notified": "Panel notified?", "panel.date": "Date",
            "agencies": "Other services", "concerns": "Immediate concerns"},
    yn=("Yes", "No", "Not sure"), genders=("F", "M", "Other"),
    inc_opts={"death": "Death of a child", "serious_harm": "Serious harm to a child", "other": "Other"},
    split_name=False, surname_first=False,
    roles=["Pharmacist", "Pharmacy Technician", "Accuracy Checking Technician", "Pharmacist Manager"],
    lead_roles=["Superintendent Pharmacist", "Safeguarding Lead Pharmacist"],
    decoys=[("ref", "GPhC registration no.", "id:20#####"), ("inc", "Date of consultation / prescription", "date"),
            ("inc", "Accompanied by", "person"), ("inc", "Item supplied", "text:Levonorgestrel 1.5 mg|Paracetamol 500 mg x 32|Nicotine replacement")],
    ages=["14", "15 years", "approx. 13", "16", "about 12"],
))

SENDER_BY_KEY = {s.key: s for s in SENDERS}


# ----------------------------------------------------------------------------------------------- one case

@dataclass
class Field:
    key: str                 # field key ("decoy" for a decoy)
    label: str
    kind: str                # text | date | lines | paras | yn | choice | agencies
    value: object = ""       # text/date: str; lines/paras: list[str]; yn/choice: index or None; agencies: rows
    options: tuple = ()      # yn / choice option words
    detail: str = ""         # choice: the "other" specification
    detail_label: str = ""   # choice: label of a separate "If other" field ("" = typed after the option)
    date: object = None      # date fields: the datetime.date shown (None when blank)
    filler: bool = False


@dataclass
class Section:
    sid: str
    title: str
    fields: list
    child: int | None = None  # 0-based child index for child sections


@dataclass
class Case:
    sender: Sender
    sections: list
    record: dict
    notes: dict
    main_style: str
    dob_style: str
    guidance: str
    header_left: str
    footer: str
    office_date: str


FILLERS = ["N/A", "n/a", "-", "Not known"]


def _person(rng) -> str:
    return f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"


def _email(rng, name: str, domain: str) -> tuple[str, str]:
    first, last = name.split()[-2:]
    shown = rng.choice([f"{first}.{last}@{domain}", f"{first[0]}{last}@{domain}", f"{first}.{last}@{domain}"])
    shown = shown.replace("'", "")
    if rng.random() < 0.3:
        shown = shown[0].upper() + shown[1:]  # typed with capitals
    else:
        shown = shown.lower()
    return shown, shown.lower()


def _decoy_value(rng, kind: str, near: dt.date, style: str) -> tuple[str, object]:
    if kind == "person":
        return _person(rng), None
    if kind == "woman":
        return f"{rng.choice(WOMEN)} {rng.choice(SURNAMES)}", None
    if kind == "date":
        d = near + dt.timedelta(days=rng.choice([-9, -5, -3, -2, -1, 1, 2, 3, 6, 11]))
        return fmt_date(d, style), d
    if kind.startswith("id:"):
        return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in kind[3:]), None
    if kind.startswith("text:"):
        return rng.choice(kind[5:].split("|")), None
    raise ValueError(kind)


def build_case(rng, sender: Sender, n_children: int, n_agencies: int) -> Case:
    S = sender
    lab = S.labels
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "name_parts": S.split_name,
             "children": n_children, "agencies": n_agencies, "ages": []}
    main_style = rng.choice(MAIN_STYLES)
    dob_style = rng.choice([s for s in MAIN_STYLES if s != main_style])
    notes["date_style"], notes["dob_style"] = main_style, dob_style

    inc_date = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randint(0, 150))
    la_aware = inc_date + dt.timedelta(days=rng.randint(0, 3))
    ref_date = la_aware + dt.timedelta(days=rng.randint(1, 6))
    panel_date = la_aware + dt.timedelta(days=rng.randint(1, 5))
    itype = rng.choices(INC_VALUES, weights=[4, 10, 2, 2, 2])[0]
    if itype not in S.inc_opts:
        itype = "death" if "death" in itype else "serious_harm"
    if rng.random() < 0.08:
        itype = None
    notes["itype"] = itype

    own = {"ashcombe_mbu": "the MBU nursery room", "thornwick_grt": "the traveller site at Long Meadow",
           "ncru_safeguarding": "the rugby club changing rooms", "parkway_pharmacy": "the pharmacy consultation room",
           "oakhurst_homes": "the children's home"}
    places = [p for p in PLACES if p not in own.values() or own.get(S.key) == p]

    def maybe_blank(key: str, p: float = 0.07) -> str | None:
        """None = answer given; "" = left blank; a filler token otherwise."""
        r = rng.random()
        if r < p * 0.55:
            notes["blanks"].append(key)
            return ""
        if r < p:
            f = rng.choice(FILLERS)
            notes["fillers"].append(f"{key}={f}")
            return f
        return None

    def text_field(key, value, sec_fields, truth_set, p=0.07, transform=lambda v: v):
        if key not in lab or lab[key] is None:
            truth_set(None)
            return
        b = maybe_blank(key, p)
        if b is None:
            sec_fields.append(Field(key, lab[key], "text", value))
            truth_set(transform(value))
        else:
            sec_fields.append(Field(key, lab[key], "text", b, filler=bool(b)))
            truth_set(None)

    def date_field(key, d, style, sec_fields, truth_set, p=0.06):
        if key not in lab or lab[key] is None:
            truth_set(None)
            return
        b = maybe_blank(key, p) if d is not None else ""
        if b is None:
            sec_fields.append(Field(key, lab[key], "date", fmt_date(d, style), date=d))
            truth_set(d.isoformat())
        else:
            sec_fields.append(Field(key, lab[key], "date", b, filler=bool(b)))
            truth_set(None)

    def yn_field(key, truth_value, sec_fields, truth_set, p_third=0.1, p_blank=0.05):
        if key not in lab or lab[key] is None:
            truth_set(None)
            return
        r = rng.random()
        if r < p_third:
            idx = 2
            notes["third_option"].append(key)
        elif r < p_third + p_blank:
            idx = None
            notes["blanks"].append(key)
        else:
            idx = 0 if truth_value else 1
        sec_fields.append(Field(key, lab[key], "yn", idx, options=S.yn))
        truth_set(None if idx in (None, 2) else idx == 0)

    record = {"form": "referral", "date_of_referral": None,
              "referrer": {}, "safeguarding_lead": {}, "children": [],
              "incident": {}, "criteria": {}, "panel_notified": None, "date_panel_notified": None,
              "agencies_involved": [], "immediate_concerns": None}
    sections = []

    def setter(obj, k):
        return lambda v: obj.__setitem__(k, v)

    # --- referrer
    f = []
    rname = _person(rng)
    text_field("ref.name", rname, f, setter(record["referrer"], "name"), p=0.0)
    text_field("ref.role", rng.choice(S.roles), f, setter(record["referrer"], "role"))
    text_field("ref.agency", S.org, f, setter(record["referrer"], "agency"))
    em, em_t = _email(rng, rname, S.domain)
    text_field("ref.email", em, f, setter(record["referrer"], "email"), transform=lambda v: v.lower())
    ph = phone(rng)
    text_field("ref.phone", ph, f, setter(record["referrer"], "phone"), transform=digits_phone)
    date_field("ref.date", ref_date, main_style, f, lambda v: record.__setitem__("date_of_referral", v), p=0.03)
    sections.append(Section("ref", S.sections["ref"], f))

    # --- lead
    f = []
    lname = _person(rng)
    if rng.random() < 0.2:
        lname = "Dr " + lname
    text_field("lead.name", lname, f, setter(record["safeguarding_lead"], "name"), p=0.03)
    text_field("lead.role", rng.choice(S.lead_roles), f, setter(record["safeguarding_lead"], "role"))
    text_field("lead.agency", S.org, f, setter(record["safeguarding_lead"], "agency"))
    em, _ = _email(rng, lname, S.domain)
    text_field("lead.email", em, f, setter(record["safeguarding_lead"], "email"), transform=lambda v: v.lower())
    text_field("lead.phone", phone(rng), f, setter(record["safeguarding_lead"], "phone"), transform=digits_phone)
    yn_field("lead.discussed", rng.random() < 0.85, f, setter(record["safeguarding_lead"], "discussed"))
    sections.append(Section("lead", S.sections["lead"], f))

    # --- children
    family = rng.choice(SURNAMES)
    street = f"{rng.randint(1, 140)} {rng.choice(STREETS)}"
    town = rng.choice(["Wealdmoor", "Coldwater", "Thornwick", "Severnmoor", "Hadley Cross", "Ashcombe", "Calderfell",
                       "Northvale", "Rushmere"])
    pc = f"{rng.choice(['WM', 'CW', 'TH', 'SV', 'HX', 'AC', 'CF', 'NV', 'RM'])}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    addr_lines = rng.choice([[street, town, pc], [f"Flat {rng.randint(1, 12)}, {rng.choice(['Cedar House', 'Lime Court', 'Alder Heights'])}", street, town, pc],
                             [street, rng.choice(["Lower Bridge", "Hightown", "East End"]), town, pc]])
    if S.key == "ashcombe_mbu":
        addr_lines = ["Mother and Baby Unit", "HMP Ashcombe", "Prison Lane", "Ashcombe", pc]
    if S.key == "thornwick_grt":
        addr_lines = rng.choice([[f"Plot {rng.randint(1, 22)}", "Long Meadow Traveller Site", "Moss Lane", town, pc],
                                 [street, town, pc]])
    if S.key == "ashcombe_mbu":  # babies on the unit: one baby, or twins
        n_children = min(n_children, 2)
        twin = inc_date - dt.timedelta(days=rng.randint(20, 330))
        dobs = [twin] * n_children
    else:  # siblings at least a year apart
        dobs = [inc_date - dt.timedelta(days=a * 365 + rng.randint(20, 330))
                for a in sorted(rng.sample(range(1, 17), n_children))]
    notes["children"] = n_children
    for ci in range(n_children):
        f = []
        ch = {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school",
                                "gp", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                                "date_of_death"]}
        gi = rng.randrange(3) if rng.random() < 0.06 else rng.randrange(2)
        first = rng.choice(GIRLS if gi == 0 else BOYS) if gi < 2 else rng.choice(GIRLS + BOYS)
        sur = family if (ci == 0 or rng.random() < 0.8) else rng.choice(SURNAMES)
        if rng.random() < 0.15:
            sur = sur.upper()
        if S.split_name:
            fl, sl = lab["child.forename"], lab["child.surname"]
            pair = [Field("child.forename", fl, "text", first), Field("child.surname", sl, "text", sur)]
            f += pair[::-1] if S.surname_first else pair
        else:
            f.append(Field("child.name", lab["child.name"], "text", f"{first} {sur}"))
        ch["name"] = f"{first} {sur}"
        if "child.other_names" in lab and rng.random() < 0.5:
            text_field("child.other_names", rng.choice([first[:3] + "s", "Bubba", f"{first} {rng.choice(SURNAMES)}", "Lil " + first[:1], "Tink"]),
                       f, setter(ch, "other_names"), p=0.0)
        elif "child.other_names" in lab:
            f.append(Field("child.other_names", lab["child.other_names"], "text", rng.choice(["", "None", "-"] if False else ["", "-", "N/A"])))
        dob = dobs[ci]
        use_age = "child.age" in lab and rng.random() < 0.2
        if use_age:
            age = rng.choice(S.ages)
            filler = rng.choice(["", "", "Not known", "-"])
            f.append(Field("child.dob", lab["child.dob"], "date", filler, filler=bool(filler)))
            f.append(Field("child.age", lab["child.age"], "text", age))
            ch["age"] = age
            notes["ages"].append(age)
        else:
            date_field("child.dob", dob, dob_style, f, setter(ch, "dob"), p=0.0)
            if "child.age" in lab and rng.random() < 0.5:
                f.append(Field("child.age", lab["child.age"], "text", rng.choice(["", "N/A", "-"])))
        gsel = gi if rng.random() > 0.05 else None
        f.append(Field("child.gender", lab["child.gender"], "choice", gsel, options=S.genders))
        ch["gender"] = None if gsel is None else ["female", "male", "other"][gsel]
        text_field("child.ethnicity", rng.choice(ETHNICITIES), f, setter(ch, "ethnicity"))
        if "child.address" in lab:
            b = maybe_blank("child.address", 0.05)
            if b is None:
                f.append(Field("child.address", lab["child.address"], "lines", list(addr_lines)))
                ch["address"] = ", ".join(addr_lines)
            else:
                f.append(Field("child.address", lab["child.address"], "lines", [b] if b else [], filler=bool(b)))
        text_field("child.school", rng.choice(["Holme Lea Primary School", "St Aidan's CE Academy", "Quarry Bank Nursery",
                                               "Calderfell High School", "Not on roll - EHE", "Thornwick Pupil Referral Unit",
                                               "Kingsmoor College"]), f, setter(ch, "school"))
        text_field("child.gp", rng.choice(["Beckside Surgery", "Dr Ahmed & Partners, Hightown", "Chapel Fold Medical Centre",
                                           "Lime Court Health Centre", "Ashcombe Healthcare (prison GP)"]), f, setter(ch, "gp"))
        text_field("child.legal_status", rng.choice(LEGAL), f, setter(ch, "legal_status"))
        yn_field("child.cp_plan", rng.random() < 0.4, f, setter(ch, "cp_plan"))
        yn_field("child.open_to_csc", rng.random() < 0.6, f, setter(ch, "open_to_csc"))
        yn_field("child.looked_after", rng.random() < 0.4, f, setter(ch, "looked_after"))
        text_field("child.disability", rng.choice(DISABILITIES), f, setter(ch, "disability"), p=0.15)
        if "child.date_of_death" in lab:
            dead = ci == 0 and itype in ("death", "lac_death", "care_leaver_death")
            if dead:
                date_field("child.date_of_death", inc_date + dt.timedelta(days=rng.choice([0, 0, 1, 2])), main_style, f,
                           setter(ch, "date_of_death"), p=0.05)
            else:
                f.append(Field("child.date_of_death", lab["child.date_of_death"], "date", rng.choice(["", "N/A", "-", ""]),
                               filler=True))
        record["children"].append(ch)
        title = S.sections["child"] if n_children == 1 else f"{S.sections['child']} - {ci + 1} of {n_children}"
        sections.append(Section("child", title, f, child=ci))

    # --- incident
    f = []
    date_field("inc.date", inc_date, main_style, f, setter(record["incident"], "date"), p=0.04)
    date_field("inc.date_la_aware", la_aware, main_style, f, setter(record["incident"], "date_la_aware"), p=0.05)
    text_field("inc.location", rng.choice(places), f, setter(record["incident"], "location"), p=0.08)
    opts = list(S.inc_opts.values())
    vals = list(S.inc_opts)
    idx = None if itype is None else vals.index(itype)
    detail = ""
    if itype == "other":
        detail = rng.choice(["private fostering arrangement breakdown", "attempted abduction from the site",
                             "overdose requiring ICU admission", "serious sexual assault by a peer"])
    sep_other = bool(lab.get("inc.other")) and rng.random() < 0.5
    f.append(Field("inc.type", lab["inc.type"], "choice", idx, options=tuple(opts), detail=detail,
                   detail_label=lab.get("inc.other", "") if sep_other else ""))
    record["incident"]["type"] = itype
    notes["itype_text"] = None if idx is None else opts[idx] + (f": {detail}" if detail else "")
    g = {"c": "", "pr": "", "pr2": "", "d": "", "place": "", "adult": ""}
    c0 = record["children"][0]
    g.update(c=c0["name"].split()[0], pr="her" if c0["gender"] == "female" else "him",
             pr2="she" if c0["gender"] == "female" else "he", d=fmt_date(inc_date, "long"),
             place=rng.choice(places), adult=rng.choice(["{p} mother", "a family friend", "{p} stepfather", "a support worker"]).format(
                 p="her" if c0["gender"] == "female" else "his"))
    sizes = [1] + [rng.choice([1, 2]) for _ in range(rng.randint(1, 3))]
    bits = rng.sample(SUMMARY_BITS, sum(sizes))  # no sentence twice
    paras = []
    for n in sizes:
        paras.append(" ".join(b.format(**g) for b in bits[:n]))
        bits = bits[n:]
    paras = [p[0].upper() + p[1:] for p in paras]
    f.append(Field("inc.summary", lab["inc.summary"], "paras", paras))
    record["incident"]["summary"] = "\n\n".join(paras)
    yn_field("inc.police", rng.random() < 0.7, f, setter(record["incident"], "police_involved"))
    sections.append(Section("inc", S.sections["inc"], f))

    # --- criteria
    f = []
    yn_field("crit.died", True, f, setter(record["criteria"], "died_or_seriously_harmed"))
    yn_field("crit.abuse", rng.random() < 0.85, f, setter(record["criteria"], "abuse_or_neglect_suspected"))
    yn_field("crit.local", rng.random() < 0.9, f, setter(record["criteria"], "local_connection"))
    yn_field("crit.learning", rng.random() < 0.8, f, setter(record["criteria"], "multi_agency_learning"))
    reason = rng.choice(REASONS)
    b = maybe_blank("crit.reason", 0.06)
    f.append(Field("crit.reason", lab["crit.reason"], "paras", [reason] if b is None else ([b] if b else []),
                   filler=bool(b)))
    record["criteria"]["reason"] = reason if b is None else None
    sections.append(Section("crit", S.sections["crit"], f))

    # --- panel
    f = []
    notified = rng.random() < 0.55
    yn_field("panel.notified", notified, f, lambda v: record.__setitem__("panel_notified", v))
    if record["panel_notified"]:
        date_field("panel.date", panel_date, dob_style, f, lambda v: record.__setitem__("date_panel_notified", v), p=0.08)
    else:
        f.append(Field("panel.date", lab["panel.date"], "date", rng.choice(["", "N/A", "-"]), filler=True))
    sections.append(Section("panel", S.sections["panel"], f))

    # --- agencies
    rows = []
    for kind, team in rng.sample(AGENCY_KINDS, n_agencies):
        named = rng.random() < 0.75 and kind != "Emergency Duty Team"
        nm = _person(rng) if named else ""
        ag = f"{kind} ({team})" if rng.random() < 0.5 else kind
        contact = phone(rng) if rng.random() < 0.7 else f"{re.sub('[^a-z]', '', kind.split()[0].lower())}.duty@{rng.choice(['wealdmoor.gov.uk', 'nhs.net', 'police.example.uk'])}"
        if rng.random() < 0.1:
            contact = ""
        rows.append((nm, ag, contact))
        record["agencies_involved"].append({"name": nm or None, "agency": ag, "contact": contact or None})
    sections.append(Section("ag", S.sections["ag"], [Field("agencies", lab["agencies"], "agencies", rows)]))

    # --- concerns
    f = []
    conc = rng.choice(CONCERNS)
    b = maybe_blank("concerns", 0.08)
    f.append(Field("concerns", lab["concerns"], "paras", [conc] if b is None else ([b] if b else []), filler=bool(b)))
    record["immediate_concerns"] = conc if b is None else None
    sections.append(Section("conc", S.sections["conc"], f))

    # --- decoys, inserted at a random place of their section (never first)
    near = {"ref": ref_date, "child": inc_date, "inc": inc_date}
    for sid, label, kind in S.decoys:
        targets = [s for s in sections if s.sid == sid]
        shared = None
        for s in targets:
            if shared is None or label in PER_CHILD:
                shared = _decoy_value(rng, kind, near.get(sid, inc_date) if kind == "date" else inc_date, main_style)
            shown, d = shared
            pos = rng.randint(1, len(s.fields))
            s.fields.insert(pos, Field("decoy", label, "date" if kind == "date" else "text", shown, date=d))
            notes["decoys"].append(f"{label}={shown}")

    if S.key in ("rushmere_missing", "ashcombe_mbu"):  # child first on these forms
        kids = [s for s in sections if s.sid == "child"]
        sections = kids + [s for s in sections if s.sid != "child"]

    ex_date = fmt_date(dt.date(2015, 1, 1), main_style)
    guidance = (f"Please complete every section you can and email the form to {S.p_email}, or telephone "
                f"{S.p_phone} if you have not had an acknowledgement within one working day. Write dates as "
                f"{ex_date}. Do not delay a referral to children's social care or the police while you complete this form.")
    office = fmt_date(ref_date + dt.timedelta(days=rng.randint(0, 2)), main_style)
    footer = f"{S.form_ref} - version {rng.randint(2, 6)}.{rng.randint(0, 9)} - reviewed {fmt_date(dt.date(2025, rng.randint(1, 9), rng.randint(1, 28)), main_style)}"
    return Case(S, sections, record, notes, main_style, dob_style, guidance, S.marking, footer, office)


def yn_text(fl: Field) -> str:
    return "" if fl.value is None else fl.options[fl.value]


def choice_text(fl: Field, sep: str = ": ") -> str:
    if fl.value is None:
        return ""
    t = fl.options[fl.value]
    if fl.detail and not fl.detail_label:
        t += sep + fl.detail
    return t


def expected_strings(case: Case) -> list[tuple[str, list[str]]]:
    """(what, alternatives) pairs: every stated string value of the record, as the self-check looks for it."""
    out = []
    r = case.record

    def add(what, v):
        if v:
            out.append((what, [v]))

    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            add(f"{who}.{k}", r[who][k])
    for i, ch in enumerate(r["children"]):
        if case.sender.split_name and ch["name"]:
            first, last = ch["name"].split(" ", 1)
            add(f"children[{i}].forename", first)
            add(f"children[{i}].surname", last)
        else:
            add(f"children[{i}].name", ch["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"children[{i}].{k}", ch[k])
        if ch["address"]:
            for j, part in enumerate(ch["address"].split(", ")):
                add(f"children[{i}].address[{j}]", part)
        for k in ("dob", "date_of_death"):
            if ch[k]:
                out.append((f"children[{i}].{k}", all_date_forms(dt.date.fromisoformat(ch[k]))))
    for k in ("date", "date_la_aware"):
        if r["incident"][k]:
            out.append((f"incident.{k}", all_date_forms(dt.date.fromisoformat(r["incident"][k]))))
    for k in ("date_of_referral", "date_panel_notified"):
        if r[k]:
            out.append((k, all_date_forms(dt.date.fromisoformat(r[k]))))
    add("incident.location", r["incident"]["location"])
    if r["incident"]["summary"]:
        for j, p in enumerate(r["incident"]["summary"].split("\n\n")):
            add(f"incident.summary[{j}]", p)
    add("criteria.reason", r["criteria"]["reason"])
    add("immediate_concerns", r["immediate_concerns"])
    for i, a in enumerate(r["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agencies_involved[{i}].{k}", a[k])
    return out


def expand(fields: list) -> list:
    """The fields as printed: a choice with a separate "If other" field gives that field after it."""
    out = []
    for fl in fields:
        out.append(fl)
        if fl.kind == "choice" and fl.detail_label:
            out.append(Field("inc.other", fl.detail_label, "text", fl.detail))
    return out


GLYPHS = {"ms": ("\u2612", "\u2610"), "seg": ("\u2611", "\u2610"), "x": ("[X]", "[  ]")}


def answer_lines(fl: Field, glyph: str | None = None) -> list[str]:
    """The answer as lines of text (no agencies)."""
    if fl.kind in ("text", "date"):
        return [fl.value] if fl.value else []
    if fl.kind in ("lines", "paras"):
        return list(fl.value)
    if fl.kind in ("yn", "choice"):
        if glyph is None:
            t = yn_text(fl) if fl.kind == "yn" else choice_text(fl)
            return [t] if t else []
        on, off = GLYPHS[glyph]
        parts = []
        for i, o in enumerate(fl.options):
            t = f"{on if i == fl.value else off} {o}"
            if i == fl.value and fl.detail and not fl.detail_label:
                t += ": " + fl.detail
            parts.append(t)
        if fl.kind == "choice" and len(fl.options) > 3:
            return parts
        return ["   ".join(parts)]
    raise ValueError(fl.kind)


def hint(fl: Field, case: Case) -> str:
    """A guidance example printed with a label on some layouts: never an answer."""
    if fl.kind == "date":
        return f" (e.g. {fmt_date(dt.date(2015, 1, 1), case.main_style)})"
    if fl.key.endswith(".phone"):
        return " (e.g. 0113 496 0000)"
    if fl.key.endswith(".email"):
        return f" (e.g. firstname.surname@{case.sender.domain})"
    return ""
