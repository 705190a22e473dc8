"""Invented data, the eight senders' wordings and one case as ordered sections plus its record (unseen13)."""

from __future__ import annotations

import datetime as dt
import random

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


DATE_STYLES = {
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "slash_short": lambda d: f"{d.day}/{d.month}/{d.year}",
    "long": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "ordinal": lambda d: f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "dots": lambda d: d.strftime("%d.%m.%Y"),
    "abbr": lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    "abbr0": lambda d: f"{d.day:02d} {MONTHS[d.month - 1][:3]} {d.year}",
    "weekday_abbr": lambda d: f"{WEEKDAYS[d.weekday()][:3]} {d.day:02d}/{d.month:02d}/{d.year}",
    "iso": lambda d: d.isoformat(),
    "dash": lambda d: d.strftime("%d-%m-%Y"),
    "dots_short": lambda d: f"{d.day}.{d.month}.{d.year}",
    "month_comma": lambda d: f"{d.day} {MONTHS[d.month - 1]}, {d.year}",
}


def fmt(d: dt.date | None, style: str) -> str:
    return DATE_STYLES[style](d) if d else ""


def all_forms(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [f(d) for f in DATE_STYLES.values()] + [d.strftime("%d%m%Y"), d.strftime("%d/%m/%y")]


FIRST_F = ["Amara", "Elsie", "Niamh", "Tallulah", "Keira", "Zainab", "Florence", "Maisie", "Ottilie", "Rosa", "Imogen",
           "Priya", "Harriet", "Lacey", "Wren", "Aoife", "Nell", "Mirela", "Beatrix", "Kacey", "Hafsa", "Delphine"]
FIRST_M = ["Callum", "Ezra", "Kofi", "Reuben", "Alfie", "Tobias", "Rhys", "Idris", "Jago", "Mateusz", "Lennon", "Ibrahim",
           "Fraser", "Ciaran", "Barnaby", "Tyler", "Emre", "Dexter", "Hamish", "Oakley", "Zoran", "Finlay"]
SURNAMES = ["Ashdown", "Pellow", "Okafor", "Trevithick", "Marchbank", "Quennell", "Hardcastle", "Nwosu", "Pengelly",
            "Ravenscroft", "Sowerby", "Kowalczyk", "Featherstone", "Iqbal", "Loveday", "Maddox", "Tregear", "Castellan",
            "Blakeway", "Oyelaran", "Winstanley", "Dunmore", "Heseltine", "Varga", "Gallacher", "Penhaligon", "Ackroyd",
            "Bhattacharya", "Cottam", "Ellery", "Fairbairn", "Grimshaw", "Hollings", "Jaworski", "Kettlewell"]
ADULT_F = ["Joanne", "Marcia", "Siobhan", "Deborah", "Farah", "Helen", "Rachael", "Gwen", "Lorraine", "Anita", "Bethan",
           "Claire", "Yetunde", "Karen", "Nadia", "Philippa"]
ADULT_M = ["Graham", "Dominic", "Neil", "Tariq", "Andrew", "Stuart", "Paul", "Kwame", "Martin", "Gareth", "Declan",
           "Simon", "Rajesh", "Colin", "Howard", "Lewis"]
STREETS = ["Larkspur Close", "Tanners Row", "Heron Way", "Quarry Bank", "Mill Lane", "Kestrel Drive", "Chapel Walk",
           "Fennel Court", "Ropewalk", "Beacon Rise", "Willow Grove", "Saltings Road", "Orchard Terrace", "Cobble Lane"]
ETHNICITY = ["White British", "Mixed - White and Black Caribbean", "Asian British - Pakistani", "Black British - African",
             "White - Irish", "White - Gypsy or Irish Traveller", "Any other White background", "Asian British - Bangladeshi",
             "Mixed - White and Asian", "White - Polish", "Black British - Caribbean", "Chinese"]
LEGAL = ["Section 20 (accommodated)", "Interim Care Order", "Care Order (s31)", "Child in Need", "Child Protection Plan",
         "No order", "Special Guardianship Order", "Placement Order"]
DISAB = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Cerebral palsy; uses a wheelchair", "EHCP - speech and language",
         "Type 1 diabetes", "Global developmental delay", "Hearing impairment (wears aids)", "Epilepsy", "No known needs",
         "Learning disability (moderate)"]
GP_WORDS = ["Medical Centre", "Surgery", "Health Centre", "Family Practice"]
SCHOOL_WORDS = ["Primary School", "Academy", "C of E Primary", "High School", "Community College", "Infant School"]
PLACE_WORDS = ["Ashby", "Corran", "Hatherley", "Pendle", "Ketterly", "Brindle", "Wexcombe", "Orwell", "Stanmoor",
               "Tolland", "Greave", "Fallow", "Marsden", "Lindale"]


class Sender(dict):
    __getattr__ = dict.__getitem__


def _common_labels() -> dict:
    return {}


SENDERS: list[Sender] = [
    Sender(
        key="skyhaven_airport", org="Skyhaven Airport Ltd", team="Passenger Welfare and Safeguarding",
        partnership="Skyhaven and Lindon Safeguarding Children Partnership", pship_short="SLSCP",
        domain="skyhavenairport.co.uk", pship_email="slscp.reviews@lindon.gov.uk", pship_phone="01632 960410",
        title="Airport Safeguarding Referral - Request for a Rapid Review", ref="SKY-SG7",
        ref_roles=["Terminal Duty Manager", "Security Officer", "Passenger Services Agent", "Special Assistance Team Leader"],
        lead_roles=["Head of Passenger Welfare", "Airport Safeguarding Lead"],
        labels=dict(ref_name="Reporting colleague", ref_role="Job title / area (e.g. Security, Special Assistance)",
                    ref_agency="Terminal / department", ref_email="Work email", ref_phone="Airside phone / radio desk",
                    date_ref="Date this referral was raised",
                    lead_name="Airport Safeguarding Lead", lead_role="Their job title", lead_agency="Their department",
                    lead_email="Safeguarding inbox / email", lead_phone="Safeguarding Lead phone",
                    discussed="Referral agreed by the Safeguarding Lead?",
                    c_name="Passenger name (child)", c_other="Name on boarding pass / travel document (if different)",
                    c_dob="Date of birth (from passport)", c_age="Apparent age", c_gender="Sex",
                    c_eth="Ethnicity (as observed)", c_addr="UK address given", c_school="School (if stated)",
                    c_gp="GP (if known)", c_legal="Legal status", c_cp="Child protection plan (now or previously)?",
                    c_csc="Known to children's social care?", c_lac="Looked after child?",
                    c_dis="Vulnerabilities / additional needs", c_dod="Date of death",
                    inc_date="Date of incident", la_aware="Date local authority informed",
                    location="Terminal / gate / location", itype="Type of incident",
                    summary="What happened (include what staff saw and heard)", police="Airport police attended?",
                    crit1="Has the child died or been seriously harmed?", crit2="Is abuse or neglect known or suspected?",
                    crit3="Is the child normally resident in the partnership area, or did it happen here?",
                    crit4="Is there learning for agencies working together?", reason="Why you think the criteria are met",
                    panel="National Panel notified?", panel_date="Date Panel notified",
                    agencies="Other agencies involved (Border Force, airline, police, social care)",
                    concerns="Is any child still at risk?"),
        sections=dict(ref="1. Your details", lead="2. Airport Safeguarding Lead", child="3. The child (passenger)",
                      incident="4. The incident", criteria="5. Rapid Review criteria", panel="6. National Panel",
                      agencies="7. Agencies", concerns="8. Current risk", decoy="9. Flight and booking details"),
        yn=("Yes", "No", "Not known"), gender=[("Female", "female"), ("Male", "male"), ("Not stated / other", "other")],
        itypes=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
                ("Death of a looked after child", "lac_death"), ("Other (please specify)", "other")],
        not_asked={"c_school", "c_gp", "c_legal", "c_dod"}, split=None, dates=("abbr0", "slash"),
        agency_headers=("Officer / contact name", "Agency", "Phone or email"), ages=(11, 17), siblings=False,
        decoys=[("Flight number", "flight"), ("Date of outbound flight", "date"), ("Adult travelling with the child", "person"),
                ("Date CCTV was secured", "date")],
        locations=["Departures, Gate 14", "Arrivals hall, Terminal 2", "Security search area, Terminal 1",
                   "Immigration hall, Terminal 2", "Special Assistance lounge"],
    ),
    Sender(
        key="limelight_theatre", org="Limelight Touring Theatre Company", team="Children's Company",
        partnership="Castlebrook Safeguarding Children Partnership", pship_short="CSCP",
        domain="limelighttouring.org.uk", pship_email="cscp.practice.reviews@castlebrook.gov.uk", pship_phone="0113 496 0552",
        title="Child Performer Safeguarding Referral", ref="LTT/CP/04",
        ref_roles=["Licensed chaperone", "Head chaperone", "Company stage manager", "Children's company manager"],
        lead_roles=["Designated Safeguarding Lead (Production)", "Producer and DSL"],
        labels=dict(ref_name="Chaperone / staff name", ref_role="Role on the production", ref_agency="Production / venue",
                    ref_email="E-mail", ref_phone="Contact number",
                    date_ref="Today's date",
                    lead_name="Production DSL", lead_role="DSL role", lead_agency="DSL company", lead_email="DSL e-mail",
                    lead_phone="DSL number", discussed="Has the production DSL agreed this referral?",
                    c_first="Performer's first name", c_last="Performer's surname", c_other="Stage / professional name",
                    c_dob="Date of birth", c_age="Age", c_gender="Gender",
                    c_eth="Ethnicity", c_addr="Home address (from licence application)", c_school="School named on licence",
                    c_gp="GP", c_legal="Legal status", c_cp="Subject of a CP plan?",
                    c_csc="Open to social care?", c_lac="In care?",
                    c_dis="Health / access needs", c_dod="Date of death",
                    inc_date="Date of the incident", la_aware="Date licensing authority / LA aware",
                    location="Venue / rehearsal room", itype="Incident type",
                    summary="Account of events", police="Police involved?",
                    crit1="Death or serious harm?", crit2="Abuse or neglect suspected?",
                    crit3="Local connection to Castlebrook?", crit4="Learning for partner agencies?",
                    reason="Reason for referral", panel="Panel notified?", panel_date="Date",
                    agencies="Professionals involved", concerns="Immediate safeguarding concerns"),
        sections=dict(ref="Section A - Person completing", lead="Section B - Production DSL",
                      child="Section C - Child performer", incident="Section D - What happened",
                      criteria="Section E - Criteria", panel="Section F - Notification", agencies="Section G - Others involved",
                      concerns="Section H - Now", decoy="Section I - Licence details"),
        yn=("Yes", "No", "Don't know"), gender=[("Girl", "female"), ("Boy", "male"), ("Non-binary", "other")],
        itypes=[("Death", "death"), ("Serious harm", "serious_harm"), ("Other", "other")],
        not_asked={"c_legal", "c_dod"}, split="first_last", dates=("ordinal", "slash_short"),
        agency_headers=("Name", "Organisation", "Contact details"), ages=(7, 15), siblings=True,
        decoys=[("Performance licence number", "licence"), ("Date licence granted", "date"),
                ("Chaperone on duty at the time", "person"), ("Date of first performance", "date")],
        locations=["Dressing room 3, Castlebrook Grand", "Rehearsal studio, Mill Yard", "Stage door, Corn Exchange",
                   "Green room, Castlebrook Grand", "Company coach, Castlebrook bus station"],
    ),
    Sender(
        key="brambleford_vets", org="Brambleford Veterinary Group", team="Small Animal Hospital",
        partnership="Brambleford Safeguarding Children Partnership", pship_short="BSCP",
        domain="bramblefordvets.co.uk", pship_email="bscp@brambleford.gov.uk", pship_phone="0161 496 0713",
        title="Veterinary Practice - Safeguarding Referral (The Link)", ref="BVG-SAFE-2",
        ref_roles=["Veterinary Surgeon", "Registered Veterinary Nurse", "Client Care Advisor", "Clinical Director"],
        lead_roles=["Practice Safeguarding Lead", "Group Welfare and Safeguarding Lead"],
        labels=dict(ref_name="Vet / staff member", ref_role="Position", ref_agency="Practice / branch",
                    ref_email="Email address", ref_phone="Practice telephone",
                    date_ref="Date",
                    lead_name="Practice Safeguarding Lead", lead_role="Lead's position", lead_agency="Lead's practice",
                    lead_email="Lead's email", lead_phone="Lead's telephone",
                    discussed="Discussed with the Safeguarding Lead?",
                    c_name="Child's name", c_other="Other names",
                    c_dob="Child's DOB", c_age="Age (if DOB not known)", c_gender="Male / Female",
                    c_eth="Ethnicity", c_addr="Address (from client record)", c_school="School",
                    c_gp="GP", c_legal="Legal status", c_cp="On a child protection plan?",
                    c_csc="Known to social services?", c_lac="Looked after?",
                    c_dis="Disability", c_dod="Date of death",
                    inc_date="Date of consultation / incident", la_aware="Date children's services were told",
                    location="Where it happened", itype="Nature of incident",
                    summary="Summary of concerns (animal and child)", police="Police informed?",
                    crit1="Child died or seriously harmed", crit2="Abuse / neglect suspected",
                    crit3="Lives in or incident in Brambleford", crit4="Multi-agency learning",
                    reason="Why the criteria are met", panel="Child Safeguarding Practice Review Panel notified",
                    panel_date="Date notified", agencies="Agencies involved",
                    concerns="Ongoing risk to children or animals"),
        sections=dict(ref="Referrer", lead="Safeguarding Lead", child="Child", incident="Incident",
                      criteria="Criteria", panel="Panel", agencies="Agencies", concerns="Risk", decoy="Animal and client record"),
        yn=("Y", "N", "Unknown"), gender=[("F", "female"), ("M", "male")],
        itypes=[("Child death", "death"), ("Serious harm", "serious_harm"), ("Other serious incident", "other")],
        not_asked={"c_legal", "c_lac"}, split=None, dates=("slash", "slash"),
        agency_headers=("Contact", "Agency", "Tel / email"), ages=(2, 14), siblings=True,
        decoys=[("Patient (animal) name and ID", "pet"), ("Date animal first seen", "date"),
                ("Registered client (owner)", "person"), ("Date RSPCA informed", "date")],
        locations=["Consulting room 2, Brambleford branch", "Client's home (house visit)", "Car park, Wellgate surgery",
                   "Reception, Nethercote branch"],
    ),
    Sender(
        key="calderhythe_uni", org="University of Calderhythe", team="Widening Participation and Outreach",
        partnership="Calderhythe City Safeguarding Partnership", pship_short="CCSP",
        domain="calderhythe.ac.uk", pship_email="ccsp.reviewgroup@calderhythe.gov.uk", pship_phone="0117 496 0288",
        title="Safeguarding Children: Referral to the Partnership (Under-18 Learners)", ref="UoC-SG-U18",
        ref_roles=["Outreach Officer", "Summer School Coordinator", "Residential Mentor Manager", "Student Support Adviser"],
        lead_roles=["University Designated Safeguarding Officer", "Deputy DSO"],
        labels=dict(ref_name="Name of staff member", ref_role="Job title", ref_agency="Faculty / service",
                    ref_email="University email", ref_phone="Extension / mobile",
                    date_ref="Date of referral",
                    lead_name="Designated Safeguarding Officer (DSO)", lead_role="DSO job title",
                    lead_agency="DSO service", lead_email="DSO email", lead_phone="DSO telephone",
                    discussed="DSO consulted and agrees?",
                    c_first="Learner's first name", c_last="Learner's family name", c_other="Preferred name",
                    c_dob="Date of birth", c_age="Age", c_gender="Gender",
                    c_eth="Ethnicity", c_addr="Home address", c_school="School / college",
                    c_gp="GP practice", c_legal="Legal status (if in care)", c_cp="CP plan (current or past)?",
                    c_csc="Open to children's social care?", c_lac="Care experienced / looked after?",
                    c_dis="Declared disability / support needs", c_dod="Date of death",
                    inc_date="Date of incident", la_aware="Date LA aware",
                    location="Campus / building", itype="Category",
                    summary="Summary of the incident", police="Police involved?",
                    crit1="Died or seriously harmed?", crit2="Abuse or neglect known or suspected?",
                    crit3="Local connection?", crit4="Potential for multi-agency learning?",
                    reason="Rationale", panel="Panel notified?", panel_date="Panel notification date",
                    agencies="Agencies and professionals involved", concerns="Immediate risks"),
        sections=dict(ref="Part 1: Referrer", lead="Part 2: DSO", child="Part 3: Learner", incident="Part 4: Incident",
                      criteria="Part 5: Criteria", panel="Part 6: Panel", agencies="Part 7: Agencies",
                      concerns="Part 8: Risk", decoy="Part 9: Programme record"),
        yn=("Yes", "No", "Unsure"), gender=[("Female", "female"), ("Male", "male"), ("Prefer to self-describe", "other")],
        itypes=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
                ("Death of a care leaver (under 25)", "care_leaver_death"), ("Other", "other")],
        not_asked=set(), split="first_last", dates=("long", "slash"),
        agency_headers=("Professional", "Organisation", "Contact"), ages=(15, 17), siblings=False,
        decoys=[("Student ID", "studentid"), ("Date of enrolment on programme", "date"), ("Personal tutor / mentor", "person"),
                ("Date of programme open day", "date")],
        locations=["Halls of residence, Ferris Court", "Library, Main Campus", "Students' Union bar",
                   "Lecture theatre 4, Brunel Building", "Sports centre changing rooms"],
    ),
    Sender(
        key="wildfell_festival", org="Wildfell Festival Ltd", team="Welfare and Safeguarding Team",
        partnership="Wildfell Vale Safeguarding Children Partnership", pship_short="WVSCP",
        domain="wildfellfestival.com", pship_email="wvscp.casereview@wildfellvale.gov.uk", pship_phone="020 7946 0391",
        title="Event Safeguarding Referral - Child Safeguarding Practice Review", ref="WF-WEL-09",
        ref_roles=["Welfare Team Leader", "Safeguarding Officer (event)", "Lost Children Point supervisor", "Medical Lead"],
        lead_roles=["Event Safeguarding Lead", "Head of Welfare"],
        labels=dict(ref_name="Your name", ref_role="Festival role", ref_agency="Team / contractor",
                    ref_email="Email", ref_phone="Mobile",
                    date_ref="Date completed",
                    lead_name="Event Safeguarding Lead", lead_role="Lead role", lead_agency="Lead organisation",
                    lead_email="Lead email", lead_phone="Lead mobile",
                    discussed="Talked through with the Event Safeguarding Lead?",
                    c_name="Young person's name", c_other="Name they gave us / nickname",
                    c_dob="DOB", c_age="Age (approx.)", c_gender="Gender",
                    c_eth="Ethnicity", c_addr="Home address", c_school="School",
                    c_gp="GP", c_legal="Legal status", c_cp="On a CP plan?",
                    c_csc="Social worker?", c_lac="In care?",
                    c_dis="Medical / additional needs", c_dod="Date of death",
                    inc_date="Date", la_aware="Date the council knew",
                    location="Where on site", itype="What kind of incident",
                    summary="What happened", police="Police on site involved?",
                    crit1="Died or seriously hurt?", crit2="Abuse or neglect suspected?",
                    crit3="Lives in Wildfell Vale or happened here?", crit4="Lessons for agencies?",
                    reason="Why should the Partnership review this?", panel="National Panel told?",
                    panel_date="Date Panel told", agencies="Who else is involved", concerns="Worries right now"),
        sections=dict(ref="About you", lead="Your Safeguarding Lead", child="The young person", incident="What happened",
                      criteria="The criteria", panel="The National Panel", agencies="Other people involved",
                      concerns="Right now", decoy="Event log"),
        yn=("Yes", "No", "Not sure"), gender=[("Female", "female"), ("Male", "male"), ("Other", "other")],
        itypes=[("Death", "death"), ("Serious harm", "serious_harm"), ("Other serious incident", "other")],
        not_asked={"c_school", "c_gp", "c_legal", "c_lac"}, split=None, dates=("abbr", "slash"),
        agency_headers=("Who", "Service", "Contact"), ages=(13, 17), siblings=False,
        decoys=[("Wristband number", "wristband"), ("Date gates opened", "date"), ("Adult who collected them", "person"),
                ("Date of welfare log entry", "date")],
        locations=["Welfare tent, Green Field", "Campsite C, pitch area 12", "Main stage barrier", "Lost Children Point",
                   "Car park 3 (exit road)"],
    ),
    Sender(
        key="brightpath_tutors", org="BrightPath Online Tutors Ltd", team="Safeguarding Desk",
        partnership="Mardale Safeguarding Children Partnership", pship_short="MSCP",
        domain="brightpathtutors.co.uk", pship_email="mscp.reviews@mardale.gov.uk", pship_phone="0118 496 0127",
        title="Online Tuition Safeguarding Referral", ref="BPT-SR1",
        ref_roles=["Tutor (maths)", "Tutor (English)", "Session Quality Reviewer", "Safeguarding Desk Officer"],
        lead_roles=["Designated Safeguarding Lead", "Deputy DSL"],
        labels=dict(ref_name="Referrer name", ref_role="Referrer role", ref_agency="Company",
                    ref_email="Referrer email", ref_phone="Referrer phone",
                    date_ref="Referral date",
                    lead_name="DSL name", lead_role="DSL role", lead_agency="DSL company", lead_email="DSL email",
                    lead_phone="DSL phone", discussed="DSL agrees with referral",
                    c_last="Pupil surname", c_first="Pupil forename", c_other="Username / known as",
                    c_dob="Pupil DOB", c_age="Pupil age", c_gender="Pupil gender",
                    c_eth="Ethnicity", c_addr="Pupil address", c_school="Pupil's school",
                    c_gp="GP", c_legal="Legal status", c_cp="CP plan",
                    c_csc="Open to CSC", c_lac="Looked after",
                    c_dis="SEND", c_dod="Date of death",
                    inc_date="Incident date", la_aware="LA aware date",
                    location="Location (online session / home)", itype="Incident type",
                    summary="Incident summary", police="Police involved",
                    crit1="Died or seriously harmed", crit2="Abuse / neglect suspected", crit3="Local connection",
                    crit4="Multi-agency learning", reason="Reason criteria met", panel="Panel notified",
                    panel_date="Panel notified date", agencies="Agencies involved", concerns="Immediate concerns"),
        sections=dict(ref="Referrer", lead="DSL", child="Pupil", incident="Incident", criteria="Criteria",
                      panel="Panel", agencies="Agencies", concerns="Concerns", decoy="Tuition account"),
        yn=("YES", "NO", "UNKNOWN"), gender=[("F", "female"), ("M", "male"), ("Other", "other")],
        itypes=[("Death", "death"), ("Serious harm", "serious_harm"), ("Death of a looked after child", "lac_death"),
                ("Other", "other")],
        not_asked={"c_gp", "c_dod"}, split="last_first", dates=("dash", "dash"),
        agency_headers=("Name", "Agency", "Contact"), ages=(8, 16), siblings=True,
        decoys=[("Account number", "account"), ("Date session recorded", "date"), ("Parent account holder", "person"),
                ("Date of last session", "date")],
        locations=["Online maths session (pupil at home)", "Online English session (pupil at home)",
                   "Video session, pupil's bedroom", "Pupil's home (seen on camera)"],
    ),
    Sender(
        key="willowbank_breaks", org="Willowbank Short Breaks", team="Overnight Short Breaks House",
        partnership="Willowmere Safeguarding Children Partnership", pship_short="WSCP",
        domain="willowbankbreaks.org.uk", pship_email="wscp.lcspr@willowmere.gov.uk", pship_phone="0121 496 0845",
        title="Short Breaks Service: Serious Incident Referral", ref="WSB-SI-3",
        ref_roles=["Senior Support Worker", "Registered Manager", "Night Support Worker", "Deputy Manager"],
        lead_roles=["Responsible Individual", "Safeguarding Lead (charity)"],
        labels=dict(ref_name="Staff name", ref_role="Post", ref_agency="Short breaks house",
                    ref_email="Email", ref_phone="House phone",
                    date_ref="Date of this referral",
                    lead_name="Responsible Individual / Safeguarding Lead", lead_role="Post held", lead_agency="Organisation",
                    lead_email="Email address", lead_phone="Telephone",
                    discussed="Has the Responsible Individual agreed?",
                    c_name="Child's full name", c_other="Known as",
                    c_dob="Date of birth", c_age="Age", c_gender="Gender",
                    c_eth="Ethnic background", c_addr="Family home address", c_school="School (special school / college)",
                    c_gp="GP", c_legal="Legal status", c_cp="Child protection plan now or in the past?",
                    c_csc="Open to the disabled children's team / CSC?", c_lac="Looked after?",
                    c_dis="Disability and communication needs", c_dod="Date of death",
                    inc_date="Date of incident", la_aware="Date the local authority became aware",
                    location="Location", itype="Type of incident",
                    summary="Summary", police="Were the police involved?",
                    crit1="Has the child died or been seriously harmed?", crit2="Is abuse or neglect known or suspected?",
                    crit3="Does the child live in Willowmere or did it happen here?",
                    crit4="Could agencies learn from this case?", reason="Reasons",
                    panel="Has the National Panel been notified?", panel_date="Date of notification",
                    agencies="Agencies involved with the family", concerns="Current concerns"),
        sections=dict(ref="1  Referrer", lead="2  Safeguarding Lead", child="3  Child", incident="4  Incident",
                      criteria="5  Criteria", panel="6  Panel", agencies="7  Agencies", concerns="8  Concerns",
                      decoy="9  Short break record"),
        yn=("Yes", "No", "Awaiting information"), gender=[("Female", "female"), ("Male", "male")],
        itypes=[("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
                ("Death of a looked after child", "lac_death"), ("Other", "other")],
        not_asked=set(), split=None, dates=("dots", "dots"),
        agency_headers=("Worker", "Agency / team", "Telephone / email"), ages=(6, 17), siblings=False,
        decoys=[("Care plan reference", "careplan"), ("Date of last overnight stay", "date"), ("Key worker", "person"),
                ("Date of next planned stay", "date")],
        locations=["Willowbank House, bedroom 2", "Willowbank House, sensory room", "Minibus returning from school",
                   "Family home (at handover)"],
    ),
    Sender(
        key="lingualink_interp", org="LinguaLink Community Interpreting", team="Interpreter Services",
        partnership="Eastwold Safeguarding Children Partnership", pship_short="ESCP",
        domain="lingualink.org.uk", pship_email="escp.rapidreview@eastwold.gov.uk", pship_phone="0131 496 0664",
        title="Interpreter Safeguarding Concern - Referral for Review", ref="LL-SC5",
        ref_roles=["Community Interpreter (Polish)", "Community Interpreter (Arabic)", "Booking Coordinator",
                   "Interpreter (Tigrinya)"],
        lead_roles=["Safeguarding Lead", "Operations Manager and Safeguarding Lead"],
        labels=dict(ref_name="Interpreter / staff name", ref_role="Language(s) / role", ref_agency="Agency",
                    ref_email="Email", ref_phone="Telephone",
                    date_ref="Date of referral",
                    lead_name="Agency Safeguarding Lead", lead_role="Position", lead_agency="Agency (lead)",
                    lead_email="Lead email", lead_phone="Lead telephone", discussed="Safeguarding Lead aware and agrees?",
                    c_first="Child's first name", c_last="Child's surname", c_other="Other spellings of name",
                    c_dob="Date of birth", c_age="Age (if DOB not given)", c_gender="Sex",
                    c_eth="Ethnicity / nationality", c_addr="Address", c_school="School / nursery",
                    c_gp="GP", c_legal="Immigration / legal status", c_cp="CP plan?",
                    c_csc="Known to social care?", c_lac="Looked after?",
                    c_dis="Health needs / disability", c_dod="Date of death",
                    inc_date="Date of incident", la_aware="Date local authority aware",
                    location="Appointment venue / place", itype="Incident",
                    summary="What you heard or saw (summary)", police="Police involved?",
                    crit1="Child died or seriously harmed?", crit2="Abuse or neglect suspected?",
                    crit3="Normally resident in Eastwold, or happened in Eastwold?", crit4="Learning for agencies?",
                    reason="Why the criteria are met", panel="Panel notified?", panel_date="Date Panel notified",
                    agencies="Services involved", concerns="Are other children at risk now?"),
        sections=dict(ref="A. Interpreter", lead="B. Safeguarding Lead", child="C. Child", incident="D. Incident",
                      criteria="E. Criteria", panel="F. National Panel", agencies="G. Services", concerns="H. Risk now",
                      decoy="I. Booking"),
        yn=("Yes", "No", "Not known"), gender=[("Female", "female"), ("Male", "male")],
        itypes=[("Child death", "death"), ("Serious harm", "serious_harm"),
                ("Death of a care leaver aged 18 to 24", "care_leaver_death"), ("Other", "other")],
        not_asked={"c_dod"}, split="first_last", dates=("weekday_abbr", "slash"),
        agency_headers=("Name", "Service", "Contact"), ages=(1, 16), siblings=True,
        decoys=[("Booking number", "booking"), ("Date of appointment interpreted", "date"),
                ("Professional who booked the interpreter", "person"), ("Language", "language")],
        locations=["Eastwold Maternity Unit, antenatal clinic", "Home visit (family home)", "Eastwold Family Hub",
                   "GP surgery consulting room", "Eastwold Magistrates' Court"],
    ),
]


def phone(rng: random.Random) -> str:
    kind = rng.randrange(4)
    n = rng.randrange(1000)
    return [f"07700 900{n:03d}", f"01632 960{n:03d}", f"0113 496 0{n:03d}", f"020 7946 0{n:03d}"][kind]


def phone_digits(p: str) -> str:
    return "".join(c for c in p if c.isdigit() or c == "+")


def person(rng: random.Random, used: set) -> str:
    while True:
        f = rng.choice(ADULT_F + ADULT_M)
        s = rng.choice(SURNAMES)
        if (f, s) not in used:
            used.add((f, s))
            return f"{f} {s}"


def email_for(name: str, domain: str, rng: random.Random) -> str:
    f, s = name.split(" ", 1)
    local = rng.choice([f"{f}.{s}", f"{f[0]}.{s}", f"{f}{s[0]}", f"{s}.{f}"]).lower().replace(" ", "").replace("'", "")
    return f"{local}@{domain}"


def address(rng: random.Random) -> list[str]:
    town = rng.choice(PLACE_WORDS)
    pc = f"{rng.choice(['LD', 'CB', 'WV', 'BF', 'EW', 'MR'])}{rng.randrange(1, 20)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    first = rng.choice([f"{rng.randrange(1, 140)} {rng.choice(STREETS)}",
                        f"Flat {rng.randrange(1, 30)}, {rng.choice(['Kestrel', 'Orchid', 'Bramley', 'Tarn'])} House"])
    lines = [first]
    if first.startswith("Flat"):
        lines.append(f"{rng.randrange(1, 90)} {rng.choice(STREETS)}")
    lines += [town, pc]
    return lines


SUMMARY_BITS = {
    "skyhaven_airport": ["Staff at the check-in desk noticed that {c} appeared frightened and did not seem to know the adult travelling with them.",
                         "When spoken to alone in the Special Assistance lounge {c} said they had been told what to say at passport control and had not been allowed to keep their own passport.",
                         "{c} had bruising to both wrists and was very hungry. Airport police and Border Force were called and the adult was stopped at the gate.",
                         "Out-of-hours social care attended and {c} was taken to an emergency placement. The booking had been paid in cash two days before."],
    "limelight_theatre": ["During the interval {c} became very distressed in the dressing room and told the chaperone that a member of the adult cast had been sending messages.",
                          "The chaperone saw that the messages asked {c} to keep secrets and to meet after the show. The adult was removed from the production the same evening.",
                          "{c} later disclosed that they had been hurt at home when they did not learn their lines, and the chaperone noticed marks on the upper arms at the costume change.",
                          "The head chaperone contacted the licensing authority and children's social care. A strategy discussion took place the following day."],
    "brambleford_vets": ["A family dog was brought in with injuries the vet judged to be non-accidental; the explanation given by the parent did not fit the fractures seen on X-ray.",
                         "{c} was present at the consultation and told the nurse that the dog is kicked when their father is angry, and that they hide in their room when this happens.",
                         "{c} had a healing burn on the hand and flinched when the parent raised their voice. The nurse recorded the child's words in the clinical notes.",
                         "The practice followed its Link protocol, informed the RSPCA about the animal and made a referral to children's services the same day."],
    "calderhythe_uni": ["{c} attended the residential summer school and on the third night was found in a distressed state in the halls of residence.",
                        "{c} told the residential mentor that an older student had given them alcohol and pills and that they could not remember the night before.",
                        "{c} was taken to the Emergency Department by ambulance and admitted for observation; a forensic medical examination followed.",
                        "The University DSO contacted the police and the home local authority. The other participants were moved to a different floor."],
    "wildfell_festival": ["{c} was brought to the welfare tent by security staff at about 01:30 after being found alone and unwell near the campsite.",
                          "{c} was intoxicated, had lost their phone and said they had been given a drink by two adult men they met on site.",
                          "The medical team arranged transfer to hospital where {c} needed treatment; injuries consistent with an assault were noted.",
                          "Police on site were informed and the men were identified from CCTV at the campsite gate. A parent was contacted in the morning."],
    "brightpath_tutors": ["During a recorded online session the tutor heard an adult shouting at {c} and then a loud bang; {c} left the screen and did not return.",
                          "In the next session {c} had a visible injury to the face and said they had fallen, but later typed in the chat that they were scared to go home.",
                          "The Safeguarding Desk reviewed the recording and escalated to the DSL, who contacted children's services and the police.",
                          "{c} had missed several sessions before this and the parent account holder had cancelled bookings at short notice."],
    "willowbank_breaks": ["On arrival for an overnight short break staff noticed extensive bruising on {c}'s back and legs during personal care.",
                          "{c} is non-verbal and uses a communication book; they pointed to the 'hurt' and 'home' symbols when staff asked about the marks.",
                          "A paediatric assessment the next day found injuries of different ages, and a fracture which had not been treated.",
                          "The disabled children's team were informed and {c} remained at Willowbank under a section 20 arrangement while enquiries took place."],
    "lingualink_interp": ["The interpreter attended an antenatal appointment and heard the partner tell the clinician that {c} was 'dealt with' when they cried.",
                          "At a later home visit the interpreter saw {c} left alone in a car seat in a cold room, with a bottle of old formula, while the adults argued.",
                          "{c} was admitted to hospital two days later with a head injury and was found to be underweight; the family's account changed several times.",
                          "The interpreter informed the agency's Safeguarding Lead, who shared the information with the hospital safeguarding team and children's services."],
}

REASONS = ["The child suffered serious harm and abuse is suspected; several agencies knew the family and information was not shared.",
           "There are questions about how agencies worked together, including missed opportunities to share concerns earlier.",
           "Learning about how non-statutory organisations recognise and pass on concerns would help all partners.",
           "Abuse or neglect is suspected, the child lives in the area and the referral highlights gaps in multi-agency practice."]
CONCERNS = ["Siblings remain at home with the adult suspected of harming the child; a strategy meeting is planned.",
            "The adult involved still has contact with other children through work; the police are aware.",
            "The child is safe in hospital, but younger children in the household have not yet been seen by social care.",
            "Risk is currently managed: the child is with a safe relative and a protection plan is in place."]
AGENCIES = [("Children's Social Care", "Duty and Assessment Team"), ("Police", "Child Abuse Investigation Unit"),
            ("NHS", "Paediatric Liaison"), ("School", "Designated Safeguarding Lead"), ("Health Visiting", "0-19 Service"),
            ("Border Force", "Safeguarding and Trafficking Team"), ("RSPCA", "Inspectorate"), ("CAMHS", "Crisis Team"),
            ("Youth Justice", "Case management"), ("Early Help", "Family Support")]


def blank_record() -> dict:
    return {"form": "referral", "date_of_referral": None,
            "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
            "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None, "discussed": None},
            "children": [],
            "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                         "police_involved": None},
            "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                         "multi_agency_learning": None, "reason": None},
            "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}


def decoy_value(kind: str, rng: random.Random, used: set, base: dt.date, style: str) -> str:
    if kind == "date":
        return fmt(base - dt.timedelta(days=rng.randrange(3, 40)), style)
    if kind == "person":
        return person(rng, used)
    return {
        "flight": lambda: f"SK{rng.randrange(100, 9999)}",
        "licence": lambda: f"CPL/{rng.randrange(2025, 2027)}/{rng.randrange(100, 999)}",
        "pet": lambda: f"{rng.choice(['Bruno', 'Tess', 'Lola', 'Rocky', 'Bramble'])} (ID {rng.randrange(10000, 99999)})",
        "studentid": lambda: f"U{rng.randrange(10000000, 99999999)}",
        "wristband": lambda: f"WB-{rng.randrange(100000, 999999)}",
        "account": lambda: f"BP-{rng.randrange(10000, 99999)}",
        "careplan": lambda: f"WSB/{rng.randrange(100, 999)}/{rng.randrange(1, 9)}",
        "booking": lambda: f"LL{rng.randrange(100000, 999999)}",
        "language": lambda: rng.choice(["Polish", "Arabic (Sudanese)", "Tigrinya", "Romanian", "Dari"]),
    }[kind]()


def build_case(sender: Sender, rng: random.Random, caps: bool = False, want_children: int | None = None) -> tuple[dict, list, dict]:
    """Return (record, sections, notes). Sections: list of dicts {kind, title, items}; items describe what is printed."""
    used: set = set()
    lab = sender.labels
    main_style, dob_style = sender.dates
    notes: dict = {"date_style": main_style, "dob_style": dob_style, "blanks": [], "fillers": [], "third_option": [],
                   "decoys": [], "ages": 0}
    rec = blank_record()
    year = rng.choice([2025, 2026])
    ref_date = dt.date(year, rng.randrange(1, 13 if year == 2025 else 12), rng.randrange(1, 28))
    inc_date = ref_date - dt.timedelta(days=rng.randrange(4, 30))
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, 3))
    panel_date = la_date + dt.timedelta(days=rng.randrange(1, 5))

    def up(s):
        return s.upper() if (caps and s) else s

    filler_budget = [rng.randrange(1, 4)]

    def maybe_blank(key: str, p: float = 0.07):
        """None = keep; '' = blank; filler string = filler"""
        if filler_budget[0] > 0 and rng.random() < p:
            filler_budget[0] -= 1
            f = rng.choice(["", "", "N/A", "Not known", "-"])
            (notes["fillers"] if f else notes["blanks"]).append(key)
            return f
        return None

    sections: list[dict] = []

    def T(key, value, lines=None, p=0.07):
        """A text item; returns the truth value (None when blank/filler)."""
        b = maybe_blank(key, p)
        if b is not None:
            return {"t": "text", "key": key, "label": lab[key], "shown": b, "lines": None}, None
        if lines:
            return {"t": "text", "key": key, "label": lab[key], "shown": ", ".join(lines), "lines": lines}, ", ".join(lines)
        return {"t": "text", "key": key, "label": lab[key], "shown": value, "lines": None}, value

    def YN(key, p_third=0.1, p_none=0.05):
        r = rng.random()
        if r < p_none:
            sel = None
        elif r < p_none + p_third:
            sel = 2
            notes["third_option"].append(key)
        else:
            sel = rng.choice([0, 0, 1])
        val = {0: True, 1: False}.get(sel)
        return {"t": "yn", "key": key, "label": lab[key], "opts": list(sender.yn), "sel": sel}, val

    def D(key, d, style):
        b = maybe_blank(key, 0.05)
        if b is not None:
            return {"t": "text", "key": key, "label": lab[key], "shown": b, "lines": None, "date": True}, None
        return {"t": "text", "key": key, "label": lab[key], "shown": fmt(d, style), "lines": None, "date": True,
                "iso": d.isoformat()}, d.isoformat()

    # referrer
    rname = person(rng, used)
    items = []
    it, rec["referrer"]["name"] = T("ref_name", up(rname), p=0.0); items.append(it)
    it, rec["referrer"]["role"] = T("ref_role", up(rng.choice(sender.ref_roles))); items.append(it)
    it, rec["referrer"]["agency"] = T("ref_agency", up(f"{sender.org}")); items.append(it)
    em = email_for(rname, sender.domain, rng)
    shown_em = em if rng.random() < 0.7 else em[0].upper() + em[1:]
    it, v = T("ref_email", up(shown_em)); items.append(it); rec["referrer"]["email"] = v.lower() if v else None
    ph = phone(rng)
    it, v = T("ref_phone", ph); items.append(it); rec["referrer"]["phone"] = phone_digits(v) if v else None
    it, rec["date_of_referral"] = D("date_ref", ref_date, main_style); items.append(it)
    sections.append({"kind": "ref", "title": sender.sections["ref"], "items": items})
    # lead
    lname = person(rng, used)
    items = []
    it, rec["safeguarding_lead"]["name"] = T("lead_name", up(lname), p=0.0); items.append(it)
    it, rec["safeguarding_lead"]["role"] = T("lead_role", up(rng.choice(sender.lead_roles))); items.append(it)
    it, rec["safeguarding_lead"]["agency"] = T("lead_agency", up(sender.org)); items.append(it)
    em = email_for(lname, sender.domain, rng)
    it, v = T("lead_email", up(em)); items.append(it); rec["safeguarding_lead"]["email"] = v.lower() if v else None
    it, v = T("lead_phone", phone(rng)); items.append(it); rec["safeguarding_lead"]["phone"] = phone_digits(v) if v else None
    it, rec["safeguarding_lead"]["discussed"] = YN("discussed"); items.append(it)
    sections.append({"kind": "lead", "title": sender.sections["lead"], "items": items})
    # children
    n = want_children or rng.choices([1, 2, 3], [0.55, 0.33, 0.12])[0]
    if not sender.siblings:
        n = 1 if rng.random() < 0.8 else 2   # unrelated young people in one incident
    family = rng.choice(SURNAMES)
    home = address(rng)
    itype_label, itype_val = rng.choices(sender.itypes, [0.25 if v == "death" else 0.55 if v == "serious_harm" else 0.1
                                                         for _, v in sender.itypes])[0]
    other_spec = None
    if itype_val == "other":
        other_spec = rng.choice(["private fostering arrangement", "suspected trafficking", "attempted abduction"])
    lo, hi = sender.ages
    for ci in range(n):
        female = rng.random() < 0.5
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = family if (sender.siblings or ci == 0) else rng.choice(SURNAMES)
        age = rng.randrange(lo, hi + 1)
        dob = ref_date - dt.timedelta(days=age * 365 + rng.randrange(20, 340))
        ch = {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                                "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}
        items = []
        na = sender.not_asked
        if sender.split:
            fi = {"t": "text", "key": "c_first", "label": lab["c_first"], "shown": up(first), "lines": None}
            la_ = {"t": "text", "key": "c_last", "label": lab["c_last"],
                   "shown": up(last) if not (rng.random() < 0.3) else last.upper(), "lines": None}
            items += [fi, la_] if sender.split == "first_last" else [la_, fi]
            ch["name"] = f"{fi['shown']} {la_['shown']}"
        else:
            nm = up(f"{first} {last}")
            items.append({"t": "text", "key": "c_name", "label": lab["c_name"], "shown": nm, "lines": None})
            ch["name"] = nm
        if "c_other" not in na:
            if rng.random() < 0.3:
                it = {"t": "text", "key": "c_other", "label": lab["c_other"],
                      "shown": up(rng.choice([first[:3] + "s", first[0] + "J", f"{first} {rng.choice(SURNAMES)}"])), "lines": None}
                ch["other_names"] = it["shown"]
            else:
                it = {"t": "text", "key": "c_other", "label": lab["c_other"], "shown": rng.choice(["", "", "N/A", "-"]),
                      "lines": None}
            items.append(it)
        use_age = rng.random() < 0.18
        if use_age:
            notes["ages"] += 1
            items.append({"t": "text", "key": "c_dob", "label": lab["c_dob"], "shown": rng.choice(["", "Not known"]),
                          "lines": None, "date": True})
            a = rng.choice([f"{age}", f"about {age}", f"{age} years", f"approx. {age}", f"{age} yrs"])
            items.append({"t": "text", "key": "c_age", "label": lab["c_age"], "shown": a, "lines": None})
            ch["age"] = a
        else:
            items.append({"t": "text", "key": "c_dob", "label": lab["c_dob"], "shown": fmt(dob, dob_style), "lines": None,
                          "date": True, "iso": dob.isoformat()})
            ch["dob"] = dob.isoformat()
            if "c_age" not in na:
                items.append({"t": "text", "key": "c_age", "label": lab["c_age"], "shown": rng.choice(["", "N/A"]), "lines": None})
        gopts = sender.gender
        if rng.random() < 0.04:
            gsel = None
        else:
            gsel = next(i for i, (_, v) in enumerate(gopts) if v == ("female" if female else "male"))
            if len(gopts) > 2 and rng.random() < 0.05:
                gsel = 2
        items.append({"t": "choice", "key": "c_gender", "label": lab["c_gender"], "opts": [w for w, _ in gopts], "sel": gsel})
        ch["gender"] = gopts[gsel][1] if gsel is not None else None
        if "c_eth" not in na:
            it, ch["ethnicity"] = T("c_eth", up(rng.choice(ETHNICITY))); items.append(it)
        if "c_addr" not in na:
            lines = [up(x) for x in (home if (sender.siblings or ci == 0) else address(rng))]
            it, ch["address"] = T("c_addr", None, lines=lines, p=0.04); items.append(it)
        if "c_school" not in na:
            school = f"{rng.choice(PLACE_WORDS)} {rng.choice(SCHOOL_WORDS[:3] + SCHOOL_WORDS[5:] if age < 11 else SCHOOL_WORDS[1:2] + SCHOOL_WORDS[3:5])}" if age >= 4 else rng.choice(["Little Acorns Nursery", "Busy Bees Pre-school"])
            it, ch["school"] = T("c_school", up(school)); items.append(it)
        if "c_gp" not in na:
            it, ch["gp"] = T("c_gp", up(f"{rng.choice(PLACE_WORDS)} {rng.choice(GP_WORDS)}")); items.append(it)
        if "c_legal" not in na:
            it, ch["legal_status"] = T("c_legal", up(rng.choice(LEGAL)), p=0.15); items.append(it)
        for key, fld in (("c_cp", "cp_plan"), ("c_csc", "open_to_csc"), ("c_lac", "looked_after")):
            if key not in na:
                it, ch[fld] = YN(key); items.append(it)
        if "c_dis" not in na:
            it, ch["disability"] = T("c_dis", up(rng.choice(DISAB)), p=0.12); items.append(it)
        if "c_dod" not in na:
            if itype_val == "death" and ci == 0:
                it, ch["date_of_death"] = D("c_dod", inc_date, main_style)
            else:
                it = {"t": "text", "key": "c_dod", "label": lab["c_dod"], "shown": rng.choice(["", "N/A"]), "lines": None,
                      "date": True}
            items.append(it)
        rec["children"].append(ch)
        sections.append({"kind": "child", "title": sender.sections["child"] + (f" ({ci + 1})" if n > 1 else ""),
                         "items": items, "index": ci})
    # incident
    items = []
    it, rec["incident"]["date"] = D("inc_date", inc_date, main_style); items.append(it)
    it, rec["incident"]["date_la_aware"] = D("la_aware", la_date, main_style); items.append(it)
    it, rec["incident"]["location"] = T("location", up(rng.choice(sender.locations))); items.append(it)
    isel = next(i for i, (_, v) in enumerate(sender.itypes) if v == itype_val)
    if rng.random() < 0.03:
        isel = None
    items.append({"t": "choice", "key": "itype", "label": lab["itype"], "opts": [w for w, _ in sender.itypes], "sel": isel,
                  "spec": other_spec if isel is not None else None})
    rec["incident"]["type"] = sender.itypes[isel][1] if isel is not None else None
    cname = rec["children"][0]["name"].split(" ")[0].title() if rec["children"][0]["name"] else "the child"
    bits = SUMMARY_BITS[sender.key]
    k = rng.randrange(2, 5)
    paras = [b.format(c=cname) for b in bits[:k]]
    if other_spec and isel is not None:
        paras[0] += f" This was treated as {other_spec}."
    items.append({"t": "long", "key": "summary", "label": lab["summary"], "paras": paras})
    rec["incident"]["summary"] = "\n\n".join(paras)
    it, rec["incident"]["police_involved"] = YN("police"); items.append(it)
    sections.append({"kind": "incident", "title": sender.sections["incident"], "items": items})
    # criteria
    items = []
    for key, fld in (("crit1", "died_or_seriously_harmed"), ("crit2", "abuse_or_neglect_suspected"),
                     ("crit3", "local_connection"), ("crit4", "multi_agency_learning")):
        it, rec["criteria"][fld] = YN(key, p_third=0.08); items.append(it)
    if rng.random() < 0.06:
        items.append({"t": "long", "key": "reason", "label": lab["reason"], "paras": None})
        notes["blanks"].append("reason")
    else:
        r = rng.choice(REASONS)
        items.append({"t": "long", "key": "reason", "label": lab["reason"], "paras": [r]})
        rec["criteria"]["reason"] = r
    sections.append({"kind": "criteria", "title": sender.sections["criteria"], "items": items})
    # panel
    items = []
    it, rec["panel_notified"] = YN("panel", p_third=0.12); items.append(it)
    if rec["panel_notified"]:
        it, rec["date_panel_notified"] = D("panel_date", panel_date, dob_style)
    else:
        it = {"t": "text", "key": "panel_date", "label": lab["panel_date"], "shown": rng.choice(["", "N/A", "-"]),
              "lines": None, "date": True}
    items.append(it)
    sections.append({"kind": "panel", "title": sender.sections["panel"], "items": items})
    # agencies
    rows = []
    m = rng.choices([0, 1, 2, 3, 4], [0.1, 0.2, 0.35, 0.25, 0.1])[0]
    for ag, team in rng.sample(AGENCIES, m):
        nm = person(rng, used) if rng.random() < 0.7 else None
        contact = rng.choice([phone(rng), (email_for(nm, "example.gov.uk", rng) if nm else "duty@example.gov.uk")])
        agency = f"{ag} - {team}" if rng.random() < 0.5 else ag
        rows.append((nm, agency, contact))
        rec["agencies_involved"].append({"name": nm, "agency": agency, "contact": contact})
    sections.append({"kind": "agencies", "title": sender.sections["agencies"],
                     "items": [{"t": "agencies", "key": "agencies", "label": lab["agencies"],
                                "headers": list(sender.agency_headers), "rows": rows}]})
    # concerns
    if rng.random() < 0.06:
        items = [{"t": "long", "key": "concerns", "label": lab["concerns"], "paras": None}]
    else:
        c = rng.choice(CONCERNS)
        items = [{"t": "long", "key": "concerns", "label": lab["concerns"], "paras": [c]}]
        rec["immediate_concerns"] = c
    sections.append({"kind": "concerns", "title": sender.sections["concerns"], "items": items})
    # decoys
    items = []
    for label, kind in sender.decoys:
        v = decoy_value(kind, rng, used, inc_date, main_style if kind != "date" or rng.random() < 0.5 else dob_style)
        items.append({"t": "text", "key": "decoy", "label": label, "shown": v, "lines": None})
        notes["decoys"].append(f"{label}={v}")
    sections.append({"kind": "decoy", "title": sender.sections["decoy"], "items": items})
    notes["children"] = n
    notes["agencies"] = len(rows)
    notes["itype"] = rec["incident"]["type"]
    notes["ref_date"] = ref_date
    return rec, sections, notes


def yn_sel_value(item) -> bool | None:
    return {0: True, 1: False}.get(item["sel"])
