#!/usr/bin/env python3
"""Held-out Case Referral Form generator, set unseen15 (standalone; imports nothing from the project).

    python benchmarks/unseen15/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u15_NNN.docx|.pdf and OUTDIR/truth/u15_NNN.json, then self-checks them.
See README.md beside this file.
"""
import argparse
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import struct
import sys
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------------
# invented data
# --------------------------------------------------------------------------------------------
FIRST_F = ["Amara", "Bethany", "Chloe", "Darcey", "Esme", "Freya", "Gracie", "Hafsa", "Isla", "Jasmine", "Kacey",
           "Layla", "Maisie", "Nadia", "Orla", "Poppy", "Rosie", "Sienna", "Tilly", "Willow", "Zainab", "Harper"]
FIRST_M = ["Alfie", "Bilal", "Callum", "Dexter", "Ethan", "Finley", "Harvey", "Idris", "Jayden", "Kai", "Louie",
           "Mason", "Nathan", "Oscar", "Reuben", "Stanley", "Theo", "Tyler", "Yusuf", "Zack", "Rowan", "Ellis"]
ADULT_F = ["Karen", "Nicola", "Joanne", "Priya", "Sian", "Helen", "Donna", "Rachel", "Farah", "Lorna", "Tamsin", "Gwen"]
ADULT_M = ["Gareth", "Simon", "Darren", "Imran", "Neil", "Stuart", "Colin", "Marcus", "Owen", "Rhys", "Tobias", "Vikram"]
SURN = ["Ashworth", "Blackledge", "Cartwright", "Dunmore", "Ellery", "Fairclough", "Gorringe", "Hebblethwaite",
        "Illingworth", "Jessop", "Kettering", "Lomax", "Maddox", "Nuttall", "Oldroyd", "Pinnock", "Quayle", "Rudd",
        "Stanforth", "Tolley", "Umpleby", "Varley", "Whitworth", "Yeadon", "Crabtree", "Mirza", "Okafor", "Nowak"]
STREETS = ["Tannery Lane", "Wheelwright Close", "Bracken Rise", "Hopfield Road", "Cooper's Walk", "Saltpan Street",
           "Larch Crescent", "Millrace Drive", "Chantry Gardens", "Netherby Road", "Foundry Court", "Quarry View"]
FLATS = ["Flat 2, Heron House", "Flat 11, Corn Exchange Court", "Flat 5, Weaver Mews", "Flat 7, Granary Place"]
ETHN = ["White British", "Mixed - White and Black Caribbean", "Pakistani", "Black African", "White - Polish",
        "Bangladeshi", "White and Asian", "Gypsy/Roma", "Any other White background", "Indian"]
LEGAL = ["Section 20 (accommodated)", "Interim care order", "Child arrangements order", "Care order (s31)",
         "No order", "Special guardianship order", "Supervision order"]
DISAB = ["Autism (diagnosed)", "ADHD - awaiting assessment", "Type 1 diabetes", "Hearing impairment",
         "Global developmental delay", "Speech and language needs", "Epilepsy"]

SENDERS = {
    "granthorpe_museums": dict(
        org="Granthorpe Museums Trust", dept="Learning and Visitor Experience", partnership="Granthorpe SCP",
        pemail="scp.reviews@granthorpe.gov.uk", pphone="01632 960114", domain="granthorpemuseums.org.uk",
        towns=["Granthorpe", "Ellswick", "Low Moor"], pc="GT", title="Safeguarding Referral - Request for a Rapid Review",
        ref="GMT-SG4", dstyle="long", dobstyle="slash", yn=("Yes", "No", "Not known"),
        gender=("Female", "Male", "Other"),
        roles=["Learning Officer", "Visitor Host", "Family Learning Co-ordinator", "Front of House Supervisor"],
        agencies=["Granthorpe Museum of Industry", "Ellswick Art Gallery", "Low Moor Heritage Centre"],
        lead_role="Designated Safeguarding Officer", loc=["Discovery gallery", "Museum cafe", "Main entrance",
                                                          "Family learning room", "Car park"],
        L=dict(sec_ref="About you", ref_name="Staff / volunteer name", ref_role="Role (e.g. Learning Officer, Visitor Host)",
               ref_agency="Museum site", ref_email="Work email", ref_phone="Site phone", date_ref="Date form completed",
               sec_lead="Designated Safeguarding Officer (DSO)", lead_name="DSO name", lead_role="DSO role",
               lead_agency="DSO site / organisation", lead_email="DSO email", lead_phone="DSO phone",
               lead_discussed="DSO consulted and agrees?", sec_child="About the child",
               c_first="Child's first name", c_last="Child's surname", c_other="Other names used",
               c_dob="Date of birth", c_age="Age (if DOB unknown)", c_gender="Sex", c_eth="Ethnicity",
               c_addr="Home address", c_school="School / group visiting with", c_cp="Child protection plan (now or past)?",
               c_csc="Known to children's social care?", c_lac="Looked after child?", c_dis="Additional needs",
               c_dod="Date of death (if applicable)", sec_inc="What happened", inc_date="Date of incident",
               inc_la="Date the local authority became aware", inc_loc="Where it happened", inc_type="Type of incident",
               inc_summary="Summary of what happened", inc_police="Police involved?",
               sec_crit="Rapid Review criteria", cr_died="Has the child died or been seriously harmed?",
               cr_abuse="Is abuse or neglect known or suspected?", cr_local="Does the child live in the Granthorpe area?",
               cr_learn="Could agencies learn from this case?", cr_reason="Why do you think the criteria are met?",
               panel="Has the national Panel been notified?", panel_date="Date Panel notified",
               concerns="Immediate concerns for this or other children", sec_ag="Other agencies involved",
               ag=("Name", "Agency", "Contact details"), sec_decoy="Visit details"),
        decoys=[("Visit booking reference", "ref"), ("Date of group visit booking", "date"),
                ("Group leader", "person"), ("Date of follow-up call", "date")]),
    "kingsfold_advice": dict(
        org="Kingsfold Community Advice", dept="Advice Services", partnership="Kingsfold and Marsh SCP",
        pemail="safeguarding.partnership@kingsfold.gov.uk", pphone="0113 496 0270", domain="kingsfoldadvice.org.uk",
        towns=["Kingsfold", "Marsh End", "Brayton"], pc="KF", title="Referral to the Safeguarding Partnership",
        ref="KCA/SAFE/02", dstyle="slash2", dobstyle="slash", yn=("Yes", "No", "Unsure"),
        gender=("Female", "Male", "Other"),
        roles=["Debt Adviser", "Housing Caseworker", "Welfare Benefits Adviser", "Volunteer Adviser"],
        agencies=["Kingsfold Community Advice", "Kingsfold Advice - Marsh End outreach", "Brayton Advice Point"],
        lead_role="Advice Services Manager", loc=["Family home", "Advice centre interview room", "Outreach session at library",
                                                  "Temporary accommodation"],
        L=dict(sec_ref="1. Adviser details", ref_name="Adviser name", ref_role="Adviser role", ref_agency="Advice centre",
               ref_email="Email", ref_phone="Direct line", date_ref="Date",
               sec_lead="2. Safeguarding Lead", lead_name="Safeguarding Lead (Advice Services Manager)",
               lead_role="Lead's job title", lead_agency="Lead's organisation", lead_email="Lead's email",
               lead_phone="Lead's direct line", lead_discussed="Agreed by Safeguarding Lead?",
               sec_child="3. Child", c_name="Child's full name", c_other="Known as", c_dob="DOB", c_age="Age",
               c_gender="Gender", c_eth="Ethnicity", c_addr="Address (client's home)", c_school="School", c_gp="GP",
               c_cp="On a child protection plan now or before?", c_csc="Social worker allocated?",
               c_lac="In care?", c_dis="Disability / health needs", sec_inc="4. Incident",
               inc_date="Date of incident", inc_la="Date LA aware", inc_loc="Location", inc_type="Incident type",
               inc_summary="What you were told or saw", inc_police="Have police been involved?",
               sec_crit="5. Criteria", cr_died="Child died or seriously harmed?", cr_abuse="Abuse or neglect suspected?",
               cr_local="Child lives in / incident in the partnership area?", cr_learn="Learning for agencies?",
               cr_reason="Reasons", panel="National Panel notified?", panel_date="Date of notification to Panel",
               concerns="Any immediate concerns?", sec_ag="6. Agencies", ag=("Worker", "Organisation", "Phone / email"),
               sec_decoy="7. Client record"),
        decoys=[("Client reference", "ref"), ("Date of advice appointment", "date"), ("Client (parent) name", "person"),
                ("Date of benefit tribunal", "date")]),
    "oakmere_lettings": dict(
        org="Oakmere Lettings & Property Management Ltd", dept="Property Management", partnership="Oakmere Vale SCP",
        pemail="oakmerescp@oakmere.gov.uk", pphone="01632 960388", domain="oakmerelettings.co.uk",
        towns=["Oakmere", "Thistleby", "Cold Ashby"], pc="OM", title="Safeguarding concern - referral to Oakmere Vale SCP",
        ref="OLPM-SC1", dstyle="dots2", dobstyle="dots", yn=("Yes", "No", "Can't say"),
        gender=("F", "M", "Other"),
        roles=["Property Manager", "Lettings Negotiator", "Inventory Clerk", "Maintenance Co-ordinator"],
        agencies=["Oakmere Lettings - Oakmere branch", "Oakmere Lettings - Thistleby branch", "Oakmere Lettings Head Office"],
        lead_role="Nominated Safeguarding Lead", loc=["Rented property (living room)", "Rented property (bedroom)",
                                                      "Communal hallway", "Rear garden of property"],
        L=dict(sec_ref="Reported by", ref_name="Reported by (negotiator / property manager)", ref_role="Job title",
               ref_agency="Branch", ref_email="Email address", ref_phone="Branch telephone", date_ref="Date of report",
               sec_lead="Nominated Safeguarding Lead", lead_name="Nominated Lead", lead_role="Lead job title",
               lead_agency="Lead branch / office", lead_email="Lead email", lead_phone="Lead telephone",
               lead_discussed="Discussed with Nominated Lead?", sec_child="Child at the property",
               c_first="Child's forename", c_last="Child's surname", c_age="Estimated age", c_gender="Gender (M/F)",
               c_addr="Property address", c_csc="Social services involved?", c_dis="Any needs noticed",
               sec_inc="The concern", inc_date="Date of visit / inspection", inc_la="Date council aware",
               inc_loc="Where in the property", inc_type="Type of concern", inc_summary="What was seen / heard",
               inc_police="Police called?", sec_crit="Criteria (for the partnership)",
               cr_died="Death or serious harm?", cr_abuse="Abuse or neglect suspected?", cr_local="Oakmere Vale area?",
               cr_learn="Possible learning?", cr_reason="Reason for referral",
               panel="Panel notified?", panel_date="Panel notified on", concerns="Risks to children now",
               sec_ag="Others involved", ag=("Contact name", "Organisation", "Number / email"), sec_decoy="Tenancy"),
        decoys=[("Property reference", "ref"), ("Tenancy start date", "date"), ("Lead tenant", "person"),
                ("Date of next inspection", "date")]),
    "ferrybridge_dance": dict(
        org="Ferrybridge Academy of Dance and Performing Arts", dept="Welfare", partnership="Ferrybridge and Hale SCP",
        pemail="fhscp@ferrybridge.gov.uk", pphone="020 7946 0512", domain="ferrybridgedance.co.uk",
        towns=["Ferrybridge", "Hale Green", "Pennock"], pc="FB", title="Welfare Referral Form",
        ref="FADPA-W3", dstyle="weekday", dobstyle="slash", yn=("Yes", "No", "Don't know"),
        gender=("Girl", "Boy", "Other"),
        roles=["Ballet Teacher", "Street Dance Tutor", "Studio Manager", "Chaperone"],
        agencies=["Ferrybridge Academy - Main Studio", "Ferrybridge Academy - Hale Green studio"],
        lead_role="Academy Welfare Officer", loc=["Studio 2 changing room", "Reception", "Theatre backstage",
                                                  "Outside the studio"],
        L=dict(sec_ref="Your details", ref_name="Teacher / staff name", ref_role="Role at the academy", ref_agency="Studio",
               ref_email="Email", ref_phone="Mobile", date_ref="Date",
               sec_lead="Welfare Officer", lead_name="Academy Welfare Officer", lead_role="Welfare Officer's role",
               lead_agency="Welfare Officer's studio", lead_email="Welfare Officer's email",
               lead_phone="Welfare Officer's mobile", lead_discussed="Has the Welfare Officer agreed this referral?",
               sec_child="Pupil", c_first="Pupil's first name", c_last="Pupil's last name",
               c_other="Stage name / other names", c_dob="Date of birth", c_gender="Girl / Boy / Other",
               c_eth="Ethnicity", c_addr="Home address", c_school="School", c_cp="Child protection plan?",
               c_csc="Known to children's social care?", c_lac="Looked after?", c_dis="Medical or additional needs",
               sec_inc="The incident", inc_date="Date of incident", inc_la="Date local authority told",
               inc_loc="Location", inc_type="Type", inc_summary="What happened",
               inc_police="Police involved?", sec_crit="Does this meet the criteria?",
               cr_died="Died or seriously harmed?", cr_abuse="Abuse or neglect suspected?",
               cr_local="Lives in Ferrybridge and Hale?", cr_learn="Learning for agencies?",
               cr_reason="Please explain", panel="Panel told?", panel_date="Date Panel told",
               concerns="Worries right now", sec_ag="Who else is involved", ag=("Name", "Organisation", "Contact"),
               sec_decoy="Pupil account"),
        decoys=[("Pupil membership no.", "ref"), ("Date of last exam entry", "date"),
                ("Parent / carer on account", "person"), ("Date of next show", "date")]),
    "swiftdrop_parcels": dict(
        org="Swiftdrop Parcels Ltd", dept="Driver Welfare and Safeguarding", partnership="Harrowden SCP",
        pemail="harrowden.scp@harrowden.gov.uk", pphone="01632 960702", domain="swiftdrop.co.uk",
        towns=["Harrowden", "Kilnsey Bridge", "Upper Stow"], pc="HD", title="SAFEGUARDING CONCERN REPORT",
        ref="SDP-SG-07", dstyle="iso", dobstyle="slash", yn=("YES", "NO", "NOT KNOWN"),
        gender=("Female", "Male", "Other"),
        roles=["Delivery Driver", "Depot Supervisor", "Route Planner", "Shift Manager"],
        agencies=["Swiftdrop Harrowden Depot", "Swiftdrop Kilnsey Depot"],
        lead_role="Company Safeguarding Lead", loc=["Doorstep of delivery address", "Outside block of flats",
                                                    "Lay-by on delivery route", "Depot collection point"],
        L=dict(sec_ref="REPORTING EMPLOYEE", ref_name="Driver / employee name", ref_role="Employee role",
               ref_agency="Depot", ref_email="Company email", ref_phone="Depot phone", date_ref="Date reported",
               sec_lead="SAFEGUARDING LEAD", lead_name="Company Safeguarding Lead", lead_role="Lead role",
               lead_agency="Lead depot / office", lead_email="Lead email", lead_phone="Lead phone",
               lead_discussed="Passed to Safeguarding Lead and agreed?", sec_child="CHILD",
               c_name="Child's name (if known)", c_age="Approx. age", c_gender="Gender",
               c_addr="Delivery address", c_csc="Known to social services?", c_dis="Any needs noticed",
               sec_inc="INCIDENT", inc_date="Date of delivery / incident", inc_la="Date LA informed",
               inc_loc="Location", inc_type="Category", inc_summary="Account of what the driver saw",
               inc_police="Police called?", sec_crit="CRITERIA", cr_died="Death or serious harm?",
               cr_abuse="Abuse / neglect suspected?", cr_local="In Harrowden area?", cr_learn="Multi-agency learning?",
               cr_reason="Reason", panel="Panel notified?", panel_date="Date Panel notified",
               concerns="Immediate risk to children?", sec_ag="OTHER AGENCIES", ag=("Name", "Agency", "Contact"),
               sec_decoy="DELIVERY DETAILS"),
        decoys=[("Consignment number", "ref"), ("Date of delivery attempt", "date"),
                ("Customer name on parcel", "person"), ("Date route was reassigned", "date")]),
    "larkfield_advocacy": dict(
        org="Larkfield Children's Advocacy Service", dept="Independent Advocacy", partnership="Larkfield SCP",
        pemail="larkfieldscp@larkfield.gov.uk", pphone="0113 496 0815", domain="larkfieldadvocacy.org.uk",
        towns=["Larkfield", "Oxcombe", "Sandhurst Vale"], pc="LK", title="Referral for Rapid Review consideration",
        ref="LCAS-RR1", dstyle="ordabbr", dobstyle="slash", yn=("Yes", "No", "Not known"),
        gender=("Female", "Male", "Non-binary"),
        roles=["Independent Advocate", "Senior Advocate", "Advocacy Worker"],
        agencies=["Larkfield Children's Advocacy Service", "Larkfield Advocacy - Oxcombe office"],
        lead_role="Advocacy Service Manager (DSL)", loc=["Children's home", "Foster placement", "Supported lodgings",
                                                         "School", "Town centre"],
        L=dict(sec_ref="Advocate", ref_name="Advocate name", ref_role="Role", ref_agency="Service",
               ref_email="Secure email", ref_phone="Phone", date_ref="Date of referral",
               sec_lead="Service Manager", lead_name="Advocacy Service Manager (DSL)", lead_role="Manager's role",
               lead_agency="Manager's service", lead_email="Manager's secure email", lead_phone="Manager's phone",
               lead_discussed="Discussed with the Service Manager?", sec_child="Young person",
               c_name="Young person's name", c_other="Preferred name", c_dob="DOB", c_gender="Gender identity",
               c_eth="Ethnicity", c_addr="Placement address", c_school="School / college", c_gp="GP",
               c_legal="Legal status (e.g. s20, care order)", c_cp="Subject to a CP plan (now or before)?",
               c_csc="Open to children's social care?", c_lac="Looked after?", c_dis="Disability",
               c_dod="Date of death", sec_inc="Incident", inc_date="Date of incident",
               inc_la="Date local authority became aware", inc_loc="Where", inc_type="Incident type",
               inc_summary="Summary", inc_police="Police involved?", sec_crit="Criteria",
               cr_died="Died or seriously harmed?", cr_abuse="Abuse or neglect known or suspected?",
               cr_local="Larkfield connection?", cr_learn="Learning about multi-agency working?",
               cr_reason="Why the criteria may be met", panel="National Panel notified?",
               panel_date="Date Panel notified", concerns="Immediate safety concerns",
               sec_ag="Professionals involved", ag=("Name", "Agency", "Contact"), sec_decoy="Advocacy record"),
        decoys=[("Advocacy case number", "ref"), ("Date of last advocacy visit", "date"),
                ("Independent Reviewing Officer", "person"), ("Date of next review", "date")]),
    "hollybrook_farm": dict(
        org="Hollybrook City Farm", dept="Community Programmes", partnership="Hollybrook and Weir SCP",
        pemail="hwscp@hollybrook.gov.uk", pphone="020 7946 0631", domain="hollybrookfarm.org.uk",
        towns=["Hollybrook", "Weirside", "Ashfell"], pc="HB", title="Telling the partnership about a worry",
        ref="HCF-SAFE-1", dstyle="slash_short2", dobstyle="slash", yn=("Yes", "No", "Not sure"),
        gender=("Girl", "Boy", "Other"),
        roles=["Farm Education Worker", "Volunteer Co-ordinator", "Animal Care Volunteer", "Youth Programme Lead"],
        agencies=["Hollybrook City Farm", "Hollybrook City Farm - Weirside allotments"],
        lead_role="Farm Safeguarding Lead", loc=["Animal barn", "Farm cafe", "Allotment plots", "Farm gate"],
        L=dict(sec_ref="About you", ref_name="Your name", ref_role="Your role at the farm (staff / volunteer)",
               ref_agency="Farm", ref_email="Email", ref_phone="Phone", date_ref="Today's date",
               sec_lead="Safeguarding Lead", lead_name="Farm Safeguarding Lead", lead_role="Their role",
               lead_agency="Their organisation", lead_email="Their email", lead_phone="Their phone",
               lead_discussed="Talked it through with the Safeguarding Lead?", sec_child="About the child",
               c_first="Child's first name", c_last="Child's family name", c_dob="Date of birth",
               c_age="Age (if you don't know the date of birth)", c_gender="Boy / Girl / Other",
               c_addr="Where the child lives", c_school="School", c_cp="On a child protection plan?",
               c_csc="Has a social worker?", c_lac="In care?", c_dis="Any needs or disability",
               sec_inc="What happened", inc_date="When did it happen?", inc_la="When was the council told?",
               inc_loc="Where did it happen?", inc_type="What kind of incident?",
               inc_summary="Tell us what happened", inc_police="Were the police involved?",
               sec_crit="Checklist", cr_died="Did the child die or get seriously hurt?",
               cr_abuse="Do you think abuse or neglect played a part?", cr_local="Does the child live round here?",
               cr_learn="Is there something services could learn?", cr_reason="Why?",
               panel="Has the national Panel been told?", panel_date="When was the Panel told?",
               concerns="Is anyone at risk right now?", sec_ag="Other people helping the family",
               ag=("Name", "Where they work", "How to contact"), sec_decoy="Session"),
        decoys=[("Volunteer group / session", "ref"), ("Date of session booking", "date"),
                ("Adult who brought the child", "person"), ("Date of next session", "date")]),
    "pellow_solicitors": dict(
        org="Pellow & Hart Solicitors LLP", dept="Family Department", partnership="Stanmoor SCP",
        pemail="stanmoor.scp@stanmoor.gov.uk", pphone="0113 496 0944", domain="pellowhart.co.uk",
        towns=["Stanmoor", "Kirk Fenton", "Maltby Cross"], pc="SM", title="Child Safeguarding Referral",
        ref="PH/FAM/SG2", dstyle="long_ord", dobstyle="slash", yn=("Yes", "No", "Not known"),
        gender=("Female", "Male", "Other"),
        roles=["Solicitor", "Paralegal", "Trainee Solicitor", "Associate Solicitor"],
        agencies=["Pellow & Hart Solicitors LLP", "Pellow & Hart - Kirk Fenton office"],
        lead_role="Safeguarding Partner", loc=["Client's home", "Contact handover at supermarket car park",
                                               "Family court building", "Maternal grandparents' home"],
        L=dict(sec_ref="Part A - Fee earner", ref_name="Fee earner", ref_role="Position (Solicitor / Paralegal)",
               ref_agency="Firm", ref_email="Email", ref_phone="Direct dial", date_ref="Date",
               sec_lead="Part B - Safeguarding Partner", lead_name="Firm Safeguarding Partner",
               lead_role="Partner's position", lead_agency="Partner's firm / office", lead_email="Partner's email",
               lead_phone="Partner's direct dial", lead_discussed="Approved by the Safeguarding Partner?",
               sec_child="Part C - Child", c_first="Child's forename(s)", c_last="Child's surname",
               c_other="Also known as", c_dob="Date of birth", c_gender="Sex", c_addr="Address",
               c_school="School", c_legal="Legal status / current proceedings", c_cp="Child protection plan?",
               c_csc="Open to children's social care?", c_lac="Looked after child?", c_dod="Date of death",
               sec_inc="Part D - Incident", inc_date="Date of incident", inc_la="Date the local authority became aware",
               inc_loc="Place", inc_type="Nature of incident", inc_summary="Summary of facts",
               inc_police="Police involvement?", sec_crit="Part E - Criteria", cr_died="Child died or seriously harmed?",
               cr_abuse="Abuse or neglect known or suspected?", cr_local="Connection with Stanmoor?",
               cr_learn="Potential for learning?", cr_reason="Grounds", panel="National Panel notified?",
               panel_date="Date of notification", concerns="Immediate concerns",
               sec_ag="Part F - Other agencies", ag=("Name", "Agency", "Contact"), sec_decoy="Part G - Matter details"),
        decoys=[("Client matter number", "ref"), ("Date of next hearing", "date"), ("Client name", "person"),
                ("Date of instruction", "date")]),
}
SENDER_ORDER = list(SENDERS)
LAYOUTS = ["W-HINTBOX", "W-REPEATSECT", "W-TABPAIRS", "W-PICTICKS", "W-SPLITFIELDS",
           "P-COPIES", "P-COMBACRO", "P-SBAR", "P-NOTION", "P-SLIDES"]

ITYPE_LABEL = {"death": "Death of a child", "serious_harm": "Serious harm", "lac_death": "Death of a looked after child",
               "care_leaver_death": "Death of a care leaver (under 25)", "other": "Other"}
ITYPE_OPTS = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]
OTHER_SPEC = ["private fostering arrangement", "child missing and found injured", "attempted suicide of sibling"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style):
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long_ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash2":
        return d.strftime("%d/%m/%y")
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "dots2":
        return d.strftime("%d.%m.%y")
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "abbr":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "ordabbr":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "slash_short2":
        return f"{d.day}/{d.month}/{d.strftime('%y')}"
    raise ValueError(style)


ALL_STYLES = ["abbr", "long", "long_ord", "slash", "slash2", "dots", "dots2", "weekday", "iso", "ordabbr", "slash_short2"]


def fmt_phone(rng, digits):
    if digits.startswith("07"):
        return rng.choice([f"{digits[:5]} {digits[5:]}", f"{digits[:5]} {digits[5:8]} {digits[8:]}", digits])
    if digits.startswith("020"):
        return rng.choice([f"{digits[:3]} {digits[3:7]} {digits[7:]}", f"({digits[:3]}) {digits[3:7]} {digits[7:]}"])
    if digits.startswith("0113"):
        return rng.choice([f"{digits[:4]} {digits[4:7]} {digits[7:]}", f"{digits[:4]} {digits[4:]}"])
    return rng.choice([f"{digits[:5]} {digits[5:]}", f"({digits[:5]}) {digits[5:]}"])


def new_phone(rng):
    k = rng.randrange(4)
    if k == 0:
        return "07700900" + str(rng.randrange(100, 999))
    if k == 1:
        return "01632960" + str(rng.randrange(100, 999))
    if k == 2:
        return "01134960" + str(rng.randrange(100, 999))
    return "02079460" + str(rng.randrange(100, 999))


# --------------------------------------------------------------------------------------------
# one case: the form's fields (what is printed) and the record (the truth)
# --------------------------------------------------------------------------------------------
FILLERS = ["N/A", "n/a", "-", "Not known"]


class F(dict):
    """One printed field: kind text|date|yn|gender|itype|lines|paras; label; key; printed (str) / lines / paras;
    opts and chosen (index or None) for choice kinds; null True when the truth is null."""


def build_case(sender_id, layout, rng, n):
    S = SENDERS[sender_id]
    L = S["L"]
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": [], "date_style": S["dstyle"],
             "dob_style": S["dobstyle"]}
    ds, dobs = S["dstyle"], S["dobstyle"]
    town = S["towns"]
    base = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 200))
    inc_date = base
    la_date = inc_date + dt.timedelta(days=rng.randrange(0, 4))
    ref_date = la_date + dt.timedelta(days=rng.randrange(1, 5))
    itype = rng.choices(ITYPE_OPTS + [None], weights=[14, 48, 4, 4, 10, 6])[0]
    spec = rng.choice(OTHER_SPEC) if itype == "other" else None
    nchild = rng.choices([1, 2, 3], weights=[72, 22, 6])[0]
    if sender_id in ("larkfield_advocacy",):
        nchild = 1 if rng.random() < 0.8 else 2
    fam = rng.choice(SURN)
    street_no = rng.randrange(2, 140)
    addr_lines = ([rng.choice(FLATS)] if rng.random() < 0.3 else []) + [f"{street_no} {rng.choice(STREETS)}",
                                                                         rng.choice(town),
                                                                         f"{S['pc']}{rng.randrange(1, 9)} {rng.randrange(1, 9)}{rng.choice('ABDEHJLNPRSTW')}{rng.choice('ABDEHJLNPRSTW')}"]

    def person(female=None):
        f = rng.random() < 0.6 if female is None else female
        return f"{rng.choice(ADULT_F if f else ADULT_M)} {rng.choice(SURN)}"

    def email_for(name, domain):
        a, b = name.split(" ", 1)
        e = rng.choice([f"{a}.{b}", f"{a[0]}.{b}", f"{a}{b[0]}"]).replace(" ", "").replace("'", "")
        e = e + "@" + domain
        shown = e if rng.random() < 0.7 else e[0].upper() + e[1:]
        return shown, e.lower()

    fields = []  # list of sections: dict(title, items, kind)
    rec = {"form": "referral", "date_of_referral": None,
           "referrer": {"name": None, "role": None, "agency": None, "email": None, "phone": None},
           "safeguarding_lead": {"name": None, "role": None, "agency": None, "email": None, "phone": None,
                                 "discussed": None},
           "children": [], "incident": {"date": None, "date_la_aware": None, "location": None, "type": None,
                                        "summary": None, "police_involved": None},
           "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                        "multi_agency_learning": None, "reason": None},
           "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None}

    blank_budget = rng.randrange(1, 4)
    blankable = {"ref_role", "lead_email", "lead_phone", "c_other", "c_eth", "c_school", "c_gp", "c_legal", "c_dis",
                 "inc_loc", "lead_role", "c_cp"}
    blank_keys = set(rng.sample(sorted(k for k in blankable if k in L or k.startswith("c_")), blank_budget))

    def txt(key, value, label_key=None):
        label = L.get(label_key or key)
        if label is None:
            return None, None  # not asked
        if value is None or key in blank_keys:
            if rng.random() < 0.5:
                filler = rng.choice(FILLERS)
                notes["fillers"].append(f"{key}={filler}")
                return F(kind="text", key=key, label=label, printed=filler, null=True), None
            notes["blanks"].append(key)
            return F(kind="text", key=key, label=label, printed="", null=True), None
        return F(kind="text", key=key, label=label, printed=value, null=False), value

    def date_f(key, d, style, allow_blank=True):
        label = L.get(key)
        if label is None:
            return None, None
        if d is None:
            return F(kind="date", key=key, label=label, printed="", null=True, iso=None, style=style), None
        return F(kind="date", key=key, label=label, printed=fmt_date(d, style), null=False, iso=d.isoformat(),
                 style=style), d.isoformat()

    def yn(key, val, third_ok=True):
        label = L.get(key)
        if label is None:
            return None, None
        opts = list(S["yn"])
        if val is None:
            if third_ok and rng.random() < 0.6:
                notes["third_option"].append(key)
                return F(kind="yn", key=key, label=label, opts=opts, chosen=2, printed=opts[2], null=True), None
            return F(kind="yn", key=key, label=label, opts=opts, chosen=None, printed="", null=True), None
        ch = 0 if val else 1
        return F(kind="yn", key=key, label=label, opts=opts, chosen=ch, printed=opts[ch], null=False), val

    # --- referrer
    sec = []
    rname = person()
    rrole = rng.choice(S["roles"])
    ragency = rng.choice(S["agencies"])
    r_email_shown, r_email = email_for(rname, S["domain"])
    rphone = new_phone(rng)
    for key, val, slot in [("ref_name", rname, "name"), ("ref_role", rrole, "role"), ("ref_agency", ragency, "agency")]:
        f, v = txt(key, val)
        if f:
            sec.append(f)
            rec["referrer"][slot] = v
    f, v = txt("ref_email", r_email_shown)
    if f:
        sec.append(f)
        rec["referrer"]["email"] = r_email if v else None
    f, v = txt("ref_phone", fmt_phone(rng, rphone))
    if f:
        f["kind"] = "phone" if v else "text"
        sec.append(f)
        rec["referrer"]["phone"] = rphone if v else None
    f, v = date_f("date_ref", ref_date, ds)
    sec.append(f)
    rec["date_of_referral"] = v
    fields.append(dict(title=L["sec_ref"], items=sec))
    # --- lead
    sec = []
    lname = person()
    l_email_shown, l_email = email_for(lname, S["domain"])
    lphone = new_phone(rng)
    for key, val, slot in [("lead_name", lname, "name"), ("lead_role", S["lead_role"], "role"),
                           ("lead_agency", S["org"], "agency")]:
        f, v = txt(key, val)
        if f:
            sec.append(f)
            rec["safeguarding_lead"][slot] = v
    f, v = txt("lead_email", l_email_shown)
    if f:
        sec.append(f)
        rec["safeguarding_lead"]["email"] = l_email if v else None
    f, v = txt("lead_phone", fmt_phone(rng, lphone))
    if f:
        f["kind"] = "phone" if v else "text"
        sec.append(f)
        rec["safeguarding_lead"]["phone"] = lphone if v else None
    disc = rng.choices([True, False, None], weights=[80, 8, 12])[0]
    f, v = yn("lead_discussed", disc)
    sec.append(f)
    rec["safeguarding_lead"]["discussed"] = v
    fields.append(dict(title=L["sec_lead"], items=sec))
    # --- children
    for ci in range(nchild):
        sec = []
        female = rng.random() < 0.5
        gval = "female" if female else "male"
        if rng.random() < 0.06:
            gval = "other"
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = fam if ci == 0 or rng.random() < 0.7 else rng.choice(SURN)
        if rng.random() < 0.15:
            last = last.upper()
        child = {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school",
                                   "gp", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability",
                                   "date_of_death"]}
        age_years = rng.randrange(0, 17)
        dob = inc_date - dt.timedelta(days=int(age_years * 365.25) + rng.randrange(10, 350))
        use_age = ("c_age" in L) and (("c_dob" not in L) or rng.random() < 0.25)
        if "c_name" in L:
            sec.append(F(kind="text", key="c_name", label=L["c_name"], printed=f"{first} {last}", null=False,
                         parts=[first, last]))
        else:
            sec.append(F(kind="text", key="c_first", label=L["c_first"], printed=first, null=False))
            sec.append(F(kind="text", key="c_last", label=L["c_last"], printed=last, null=False))
        child["name"] = f"{first} {last}"
        if "c_other" in L:
            other = rng.choice([f"{first[:3]}", f"{first} {rng.choice(SURN)}", None]) if ci == 0 else None
            f, v = txt("c_other", other)
            sec.append(f)
            child["other_names"] = v
        if "c_dob" in L:
            f, v = date_f("c_dob", None if use_age else dob, dobs)
            sec.append(f)
            child["dob"] = v
        if "c_age" in L:
            if use_age:
                if age_years >= 2:
                    a = rng.choice([f"{age_years}", f"about {age_years}", f"{age_years} years", f"approx. {age_years}",
                                    f"{age_years} yrs"])
                elif age_years == 1:
                    a = rng.choice(["1", "about 1", "18 months", "approx. 1 year"])
                else:
                    a = rng.choice(["8 months", "about 10 months", "5 weeks"])
                sec.append(F(kind="text", key="c_age", label=L["c_age"], printed=a, null=False))
                child["age"] = a
                notes["ages"].append(f"child{ci + 1}={a}")
            else:
                sec.append(F(kind="text", key="c_age", label=L["c_age"], printed="", null=True))
        if "c_gender" in L:
            gi = {"female": 0, "male": 1, "other": 2}[gval]
            sec.append(F(kind="gender", key="c_gender", label=L["c_gender"], opts=list(S["gender"]), chosen=gi,
                         printed=S["gender"][gi], null=False))
            child["gender"] = gval
        for key, pool, slot in [("c_eth", ETHN, "ethnicity")]:
            if key in L:
                f, v = txt(key, rng.choice(pool))
                sec.append(f)
                child[slot] = v
        if "c_addr" in L:
            if ci > 0 and rng.random() < 0.5:
                sec.append(F(kind="text", key="c_addr", label=L["c_addr"], printed="As above", null=False))
                child["address"] = "As above"
            else:
                sec.append(F(kind="lines", key="c_addr", label=L["c_addr"], lines=list(addr_lines), null=False))
                child["address"] = ", ".join(addr_lines)
        if "c_school" in L:
            sch = rng.choice(["St Aidan's C of E Primary", "Ellswick Academy", "Brook Lane Nursery", "Moorside High School",
                              "Hale Green Primary School", "Kirkgate College"]) if age_years >= 3 else None
            f, v = txt("c_school", sch)
            sec.append(f)
            child["school"] = v
        if "c_gp" in L:
            f, v = txt("c_gp", rng.choice(["Riverside Medical Centre", "Dr Ahmed, Chapel Street Surgery",
                                           "Northgate Health Centre", "The Old Mill Practice"]))
            sec.append(f)
            child["gp"] = v
        if "c_legal" in L:
            f, v = txt("c_legal", rng.choice(LEGAL))
            sec.append(f)
            child["legal_status"] = v
        for key, slot in [("c_cp", "cp_plan"), ("c_csc", "open_to_csc"), ("c_lac", "looked_after")]:
            if key in L:
                val = rng.choices([True, False, None], weights=[35, 55, 10])[0]
                f, v = yn(key, val, third_ok=(ci == 0))
                sec.append(f)
                child[slot] = v
        if "c_dis" in L:
            f, v = txt("c_dis", rng.choice(DISAB) if rng.random() < 0.5 else None)
            sec.append(f)
            child["disability"] = v
        if "c_dod" in L:
            dod = inc_date if (ci == 0 and itype in ("death", "lac_death", "care_leaver_death")) else None
            f, v = date_f("c_dod", dod, dobs)
            sec.append(f)
            child["date_of_death"] = v
        fields.append(dict(title=L["sec_child"], items=[x for x in sec if x], child=ci + 1))
        rec["children"].append(child)
    # --- incident
    sec = []
    f, v = date_f("inc_date", inc_date, ds)
    sec.append(f)
    rec["incident"]["date"] = v
    f, v = date_f("inc_la", la_date, ds)
    sec.append(f)
    rec["incident"]["date_la_aware"] = v
    f, v = txt("inc_loc", rng.choice(S["loc"]))
    sec.append(f)
    rec["incident"]["location"] = v
    if itype is None:
        sec.append(F(kind="itype", key="inc_type", label=L["inc_type"], opts=ITYPE_OPTS, chosen=None, printed="",
                     null=True, spec=None))
    else:
        pr = ITYPE_LABEL[itype] + (f" - {spec}" if spec else "")
        sec.append(F(kind="itype", key="inc_type", label=L["inc_type"], opts=ITYPE_OPTS,
                     chosen=ITYPE_OPTS.index(itype), printed=pr, null=False, spec=spec))
    rec["incident"]["type"] = itype
    paras = story(rng, itype, S, nchild)
    sec.append(F(kind="paras", key="inc_summary", label=L["inc_summary"], paras=paras, null=False))
    rec["incident"]["summary"] = "\n\n".join(paras)
    pol = rng.choices([True, False, None], weights=[65, 25, 10])[0]
    f, v = yn("inc_police", pol)
    sec.append(f)
    rec["incident"]["police_involved"] = v
    fields.append(dict(title=L["sec_inc"], items=sec))
    # --- criteria
    sec = []
    for key, slot, w in [("cr_died", "died_or_seriously_harmed", [85, 5, 10]),
                         ("cr_abuse", "abuse_or_neglect_suspected", [75, 10, 15]),
                         ("cr_local", "local_connection", [88, 6, 6]),
                         ("cr_learn", "multi_agency_learning", [70, 10, 20])]:
        f, v = yn(key, rng.choices([True, False, None], weights=w)[0])
        sec.append(f)
        rec["criteria"][slot] = v
    reason = rng.choice([
        "Several agencies knew the family and there were missed chances to share information.",
        "The injuries suggest non-accidental harm and the family were known to more than one service.",
        "Concerns were raised by different services over the last year but were not joined up.",
        "There may be learning about how concerns from community organisations are heard."])
    f, v = txt("cr_reason", reason)
    sec.append(f)
    rec["criteria"]["reason"] = v
    pn = rng.choices([True, False, None], weights=[30, 45, 25])[0]
    f, v = yn("panel", pn)
    sec.append(f)
    rec["panel_notified"] = v
    pdate = la_date + dt.timedelta(days=rng.randrange(1, 5)) if pn else None
    f, v = date_f("panel_date", pdate, dobs)
    sec.append(f)
    rec["date_panel_notified"] = v
    conc = rng.choice(["Younger sibling remains at home with the same carers.",
                       "The child is in hospital; the mother's partner is not known to services.",
                       "Other children visit the address regularly.", None])
    f, v = txt("concerns", conc)
    sec.append(f)
    rec["immediate_concerns"] = v
    fields.append(dict(title=L["sec_crit"], items=sec))
    # --- agencies
    ag_rows = []
    for _ in range(rng.choices([0, 1, 2, 3], weights=[15, 30, 35, 20])[0]):
        agency = rng.choice([f"{town[0]} Children's Social Care", f"{town[1]} Health Visiting Team",
                             f"{town[0]} Police Child Protection Unit", f"{town[2]} Primary School",
                             "Early Help Team", f"{town[0]} CAMHS", "Housing Options"])
        if agency in [r[1] for r in ag_rows]:
            continue
        nm = person() if rng.random() < 0.75 else None
        contact = rng.choice([fmt_phone(rng, new_phone(rng)),
                              (nm or "duty").split(" ")[0].lower() + "." + town[0].lower() + "@example.org.uk"])
        ag_rows.append((nm, agency, contact))
    rec["agencies_involved"] = [{"name": a, "agency": b, "contact": c} for a, b, c in ag_rows]
    fields.append(dict(title=L["sec_ag"], agencies=ag_rows, cols=L["ag"], items=[]))
    # --- decoys
    sec = []
    for lab, kind in S["decoys"]:
        if kind == "ref":
            val = f"{S['pc']}-{rng.randrange(10000, 99999)}"
        elif kind == "date":
            val = fmt_date(ref_date + dt.timedelta(days=rng.choice([-30, -9, -2, 3, 12, 40])), ds)
        else:
            val = person()
        sec.append(F(kind="text", key="decoy", label=lab, printed=val, null=True))
        notes["decoys"].append(f"{lab}={val}")
    fields.append(dict(title=L["sec_decoy"], items=sec, decoy=True))
    for s in fields:
        s["items"] = [x for x in s["items"] if x]
    notes.update(children=nchild, agencies=len(ag_rows), itype=itype)
    return fields, rec, notes


def story(rng, itype, S, nchild):
    who = "the child"
    a = {
        "death": ["Staff were told that the child had died at home after being found unresponsive by a parent.",
                  "Paramedics attended and the child was pronounced dead at hospital later that morning."],
        "serious_harm": ["The child arrived with bruising to the face and arm and said an adult at home had hurt them.",
                         "A member of staff noticed the child flinching and holding their wrist; hospital later "
                         "confirmed a fracture."],
        "lac_death": ["The child, who was in foster care, died in hospital after a sudden illness.",
                      "Placement staff raised concerns about missed health appointments in the weeks before."],
        "care_leaver_death": ["A young care leaver known to the service was found dead in supported accommodation.",
                              "There had been concerns about drug use and exploitation."],
        "other": ["The child disclosed that they were living with a family friend and had not seen their parents "
                  "for several months.", "The adult with them gave inconsistent explanations."],
        None: ["Staff became worried about the child's presentation and what was said during the visit.",
               "Several concerns were noted over a short period."],
    }[itype]
    paras = [a[0] + " " + rng.choice(["This was reported the same day.", "The details were written down at the time.",
                                      "A colleague was present throughout."])]
    paras.append(a[1] + " " + rng.choice(["Children's social care were contacted by phone.",
                                          "The family were known to early help last year.",
                                          "No previous concerns had been recorded by our organisation."]))
    if rng.random() < 0.5:
        paras.append(rng.choice(["The parent later said the injury happened during play; this does not match what "
                                 "was seen.", "Another child in the household was also present.",
                                 "We have kept our written notes and can share them."]))
    if nchild > 1 and rng.random() < 0.6:
        paras.append("A sibling was also present and appeared unkempt and hungry.")
    return paras


# --------------------------------------------------------------------------------------------
# WordprocessingML writer
# --------------------------------------------------------------------------------------------
NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'mc:Ignorable="w14 w15"')


def R(text, b=False, i=False, color=None, sz=None, font=None, u=False, caps=False):
    pr = ""
    if font:
        pr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if b:
        pr += "<w:b/>"
    if i:
        pr += "<w:i/>"
    if caps:
        pr += "<w:caps/>"
    if color:
        pr += f'<w:color w:val="{color}"/>'
    if sz:
        pr += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        pr += '<w:u w:val="single"/>'
    out = []
    for k, piece in enumerate(text.split("\t")):
        if k:
            out.append("<w:tab/>")
        if piece:
            out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{'<w:rPr>' + pr + '</w:rPr>' if pr else ''}{''.join(out)}</w:r>"


def P(*runs, style=None, tabs=None, ind=None, after=None, before=None, jc=None, shade=None, keep=False):
    pr = ""
    if style:
        pr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        pr += "<w:keepNext/>"
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tabs:
        pr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>"
    if after is not None or before is not None:
        pr += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if ind:
        pr += f'<w:ind w:left="{ind}"/>'
    if jc:
        pr += f'<w:jc w:val="{jc}"/>'
    body = "".join(r if r.startswith("<w:") else R(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + pr + '</w:pPr>' if pr else ''}{body}</w:p>"


def TC(content, w, shade=None, span=1, vcenter=False):
    pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if shade:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if vcenter:
        pr += '<w:vAlign w:val="center"/>'
    if not content:
        content = P()
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def TR(*cells, header=False, cant_split=False):
    pr = ""
    if header:
        pr += "<w:tblHeader/>"
    if cant_split:
        pr += "<w:cantSplit/>"
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def TBL(rows, widths, borders=True, color="808080"):
    b = ""
    if borders:
        b = "<w:tblBorders>" + "".join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{color}"/>'
            for s in ["top", "left", "bottom", "right", "insideH", "insideV"]) + "</w:tblBorders>"
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="36"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:color w:val="{accent}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

FIXED_ZIP_TIME = (2026, 1, 5, 9, 0, 0)


def write_docx(path, body_xml, header_text, footer_text, font="Calibri", sz=21, accent="1F3864", media=None,
               landscape=False, generator="Microsoft Office Word"):
    media = media or {}
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>',
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>']
    for rid, name in media.get("rels", []):
        rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/{name}"/>')
    pg = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body_xml}'
           f'<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>'
           f'{pg}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
           f'</w:sectPr></w:body></w:document>')
    hdr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>'
           + "".join(P(R(t, sz=16, color="595959"), style="Header") for t in header_text) + "</w:hdr>")
    ftr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NS}>'
           + P(R(footer_text + "\tPage ", sz=16), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + R("1", sz=16) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
               style="Footer", tabs=[("right", 9638)]) + "</w:ftr>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          + ('<Default Extension="png" ContentType="image/png"/>' if media.get("files") else "") +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                 '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>Referral</dc:title><dc:creator>Admin</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-02T09:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-06-02T09:00:00Z</dcterms:modified></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f'<Application>{escape(generator)}</Application></Properties>')
    settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("docProps/core.xml", core),
             ("docProps/app.xml", app), ("word/document.xml", doc),
             ("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>"),
             ("word/styles.xml", STYLES.replace("{font}", font).replace("{sz}", str(sz)).replace("{accent}", accent)),
             ("word/settings.xml", settings), ("word/header1.xml", hdr), ("word/footer1.xml", ftr)]
    for name, data in media.get("files", []):
        parts.append((f"word/media/{name}", data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)


def png_box(checked, size=14):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            edge = x in (0, size - 1) or y in (0, size - 1)
            mark = checked and (abs(x - y) <= 0 or abs(x + y - (size - 1)) <= 0) and 2 < x < size - 3
            v = 40 if (edge or mark) else 255
            row += bytes([v, v, v])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---- shared helpers for Word layouts
def ans_lines(f):
    """The answer of a field as a list of paragraphs (strings)."""
    if f["kind"] == "lines":
        return list(f["lines"])
    if f["kind"] == "paras":
        return list(f["paras"])
    return [f["printed"]] if f["printed"] else []


def header_footer(S, rng, ds):
    marking = rng.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE: PERSONAL", "CONFIDENTIAL"])
    rev = fmt_date(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), ds)
    return [f"{marking}", f"{S['partnership']}  |  {S['ref']}"], f"{S['ref']} - version {rng.choice(['2.1', '3.0', '1.4'])} - reviewed {rev}"


def guidance(S, ds):
    ex = fmt_date(dt.date(2015, 1, 1), ds)
    return (f"Please complete every section you can and email the form to {S['pemail']}. If a child is at immediate "
            f"risk call 999. For advice call the partnership on {S['pphone']}. Write dates like this: {ex}.")


# ---------------- W-HINTBOX
HINTS = {"date": "e.g. {ex}", "phone": "Include the area code, e.g. 07700 900000", "lines": "House number, street, town and postcode",
         "yn": "Please state {opts}", "gender": "{opts}", "itype": "Choose one: {opts}", "paras": "Please give as much detail as you can: who, what, when, where.",
         "email": "e.g. name@organisation.org.uk"}


def w_hintbox(fields, S, rng, notes, hf):
    ex = fmt_date(dt.date(2015, 1, 1), S["dstyle"])
    body = [P(R(S["org"], b=True, sz=24, color="2E5C8A")), P(S["title"], style="Title"),
            P(R(guidance(S, S["dstyle"]), i=True, sz=18))]
    hint_color = rng.choice(["808080", "7F7F7F", "A6A6A6"])
    lw, aw = 3500, 6138
    for s in fields:
        body.append(P(s["title"], style="Heading1"))
        if "agencies" in s:
            body.append(ag_table(s, S))
            continue
        rows = []
        for f in s["items"]:
            k = f["kind"]
            hint = None
            if k == "date":
                hint = HINTS["date"].format(ex=ex)
            elif k in ("phone",) or (f["key"].endswith("phone")):
                hint = HINTS["phone"]
            elif f["key"].endswith("email"):
                hint = HINTS["email"]
            elif k == "lines":
                hint = HINTS["lines"]
            elif k in ("yn", "gender"):
                hint = HINTS[k].format(opts=" / ".join(f["opts"]))
            elif k == "itype":
                hint = HINTS["itype"].format(opts="; ".join(ITYPE_LABEL[o] for o in ITYPE_OPTS))
            elif k == "paras":
                hint = HINTS["paras"]
            content = ""
            if hint:
                content += P(R(hint, i=True, sz=16, color=hint_color), after=40)
            for line in ans_lines(f):
                content += P(R(line), after=40)
            if not content:
                content = P()
            rows.append(TR(TC(P(R(f["label"], b=True)), lw, shade="DEEAF6"), TC(content, aw)))
        body.append(TBL(rows, [lw, aw]))
    notes["layout_details"] = {"hint_colour": hint_color}
    return "".join(body), {}


def ag_table(s, S, shade="D9D9D9", spare=1):
    cols = s["cols"]
    w = [3000, 3300, 3338]
    rows = [TR(*(TC(P(R(c, b=True)), w[i], shade=shade) for i, c in enumerate(cols)), header=True)]
    for nm, ag, ct in s["agencies"]:
        rows.append(TR(TC(P(nm or ""), w[0]), TC(P(ag), w[1]), TC(P(ct), w[2])))
    for _ in range(spare):
        rows.append(TR(TC(P(), w[0]), TC(P(), w[1]), TC(P(), w[2])))
    return TBL(rows, w)


# ---------------- W-REPEATSECT
_sdt_id = [1000]
# Word date-picker display formats (Word has no ordinal day format, so ordinal styles show without one)
PICKER = {"long": ("d MMMM yyyy", "long"), "long_ord": ("d MMMM yyyy", "long"), "slash": ("dd/MM/yyyy", "slash"),
          "slash2": ("dd/MM/yy", "slash2"), "dots": ("dd.MM.yyyy", "dots"), "dots2": ("dd.MM.yy", "dots2"),
          "weekday": ("dddd d MMMM yyyy", "weekday"), "iso": ("yyyy-MM-dd", "iso"), "ordabbr": ("d MMM yyyy", "abbr"),
          "slash_short2": ("d/M/yy", "slash_short2")}
ML = ' w:multiLine="1"'


def sdt_text(f, rng, multiline=False):
    _sdt_id[0] += 1
    tag = f["key"]
    alias = escape(f["label"])
    lines = ans_lines(f)
    if not lines:
        kind = f["kind"]
        if kind == "date":
            typ, ph = '<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/></w:date>', "Click or tap to enter a date."
        elif kind in ("yn", "gender", "itype"):
            opts = f["opts"] if kind != "itype" else [ITYPE_LABEL[o] for o in ITYPE_OPTS]
            typ = ('<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>'
                   + "".join(f'<w:listItem w:displayText="{escape(o)}" w:value="{escape(o)}"/>' for o in opts)
                   + "</w:dropDownList>")
            ph = "Choose an item."
        else:
            typ, ph = f'<w:text{ML if multiline else ""}/>', "Click or tap here to enter text."
        pr = (f'<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{_sdt_id[0]}"/>'
              f'<w:showingPlcHdr/>{typ}</w:sdtPr>')
        return f'<w:sdt>{pr}<w:sdtContent>{R(ph, color="808080")}</w:sdtContent></w:sdt>'
    if f["kind"] == "date":
        wfmt, pystyle = PICKER[f["style"]]
        shown = fmt_date(dt.date.fromisoformat(f["iso"]), pystyle)
        pr = (f'<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{_sdt_id[0]}"/>'
              f'<w:date w:fullDate="{f["iso"]}T00:00:00Z"><w:dateFormat w:val="{wfmt}"/><w:lid w:val="en-GB"/>'
              f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>')
        return f'<w:sdt>{pr}<w:sdtContent>{R(shown)}</w:sdtContent></w:sdt>'
    if f["kind"] in ("yn", "gender", "itype"):
        opts = f["opts"] if f["kind"] != "itype" else [ITYPE_LABEL[o] for o in ITYPE_OPTS]
        items = "".join(f'<w:listItem w:displayText="{escape(o)}" w:value="{escape(o)}"/>' for o in opts)
        pr = (f'<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{_sdt_id[0]}"/>'
              f'<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>{items}</w:dropDownList></w:sdtPr>')
        return f'<w:sdt>{pr}<w:sdtContent>{R(lines[0])}</w:sdtContent></w:sdt>'
    pr = (f'<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{_sdt_id[0]}"/>'
          f'<w:text{ML if multiline else ""}/></w:sdtPr>')
    inner = "<w:r>" + "<w:br/>".join(f'<w:t xml:space="preserve">{escape(x)}</w:t>' for x in lines) + "</w:r>"
    return f'<w:sdt>{pr}<w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def sdt_block(f):
    """A rich-text (block) content control holding paragraphs: used for the summary."""
    _sdt_id[0] += 1
    pr = f'<w:sdtPr><w:alias w:val="{escape(f["label"])}"/><w:tag w:val="{f["key"]}"/><w:id w:val="{_sdt_id[0]}"/></w:sdtPr>'
    return f'<w:sdt>{pr}<w:sdtContent>{"".join(P(x) for x in ans_lines(f))}</w:sdtContent></w:sdt>'


def w_repeatsect(fields, S, rng, notes, hf):
    lw, aw = 3800, 5838
    shade = rng.choice(["F2F2F2", "E7E6E6", "FFF2CC"])
    body = [P(S["title"], style="Title"), P(R(S["org"] + " - " + S["dept"], sz=20)),
            P(R(guidance(S, S["dstyle"]), sz=18, color="404040"))]
    child_secs = [s for s in fields if s.get("child")]
    done_children = False

    def rows_for(s):
        rows = []
        for f in s["items"]:
            if f["kind"] == "paras":
                rows.append(TR(TC(P(R(f["label"], b=True)), lw + aw, shade=shade, span=2)))
                rows.append(TR(TC(sdt_block(f) if f["paras"] else P(), lw + aw, span=2)))
                continue
            rows.append(TR(TC(P(R(f["label"], b=True)), lw, shade=shade),
                           TC(P(sdt_text(f, rng, multiline=f["kind"] == "lines")), aw)))
        return rows
    for s in fields:
        if s.get("child"):
            if done_children:
                continue
            done_children = True
            body.append(P(s["title"], style="Heading1"))
            body.append(P(R("Use the + button at the bottom right of the box to add another child.", i=True, sz=18,
                            color="595959")))
            items = []
            for cs in child_secs:
                _sdt_id[0] += 1
                items.append(f'<w:sdt><w:sdtPr><w:id w:val="{_sdt_id[0]}"/><w15:repeatingSectionItem/></w:sdtPr>'
                             f'<w:sdtContent>{P(R("Child details", b=True, color="2F5496"))}{TBL(rows_for(cs), [lw, aw])}'
                             f'{P()}</w:sdtContent></w:sdt>')
            _sdt_id[0] += 1
            body.append(f'<w:sdt><w:sdtPr><w:alias w:val="Children"/><w:tag w:val="children"/><w:id w:val="{_sdt_id[0]}"/>'
                        f'<w15:repeatingSection/></w:sdtPr>'
                        f'<w:sdtContent>{"".join(items)}</w:sdtContent></w:sdt>')
            continue
        body.append(P(s["title"], style="Heading1"))
        if "agencies" in s:
            w = [3000, 3300, 3338]
            hdr = TR(*(TC(P(R(c, b=True)), w[i], shade=shade) for i, c in enumerate(s["cols"])), header=True)
            items = []
            rowsrc = s["agencies"] or [(None, None, None)]
            for nm, ag, ct in rowsrc:
                cells = []
                for i, (v, key) in enumerate([(nm, "ag_name"), (ag, "ag_agency"), (ct, "ag_contact")]):
                    ff = F(kind="text", key=key, label=s["cols"][i], printed=v or "")
                    cells.append(TC(P(sdt_text(ff, rng)), w[i]))
                _sdt_id[0] += 1
                items.append(f'<w:sdt><w:sdtPr><w:id w:val="{_sdt_id[0]}"/><w15:repeatingSectionItem/></w:sdtPr>'
                             f'<w:sdtContent>{TR(*cells)}</w:sdtContent></w:sdt>')
            _sdt_id[0] += 1
            rs = (f'<w:sdt><w:sdtPr><w:alias w:val="Agencies"/><w:tag w:val="agencies"/><w:id w:val="{_sdt_id[0]}"/>'
                  f'<w15:repeatingSection/></w:sdtPr><w:sdtContent>{"".join(items)}</w:sdtContent></w:sdt>')
            tbl = TBL([hdr], w)
            body.append(tbl.replace("</w:tbl>", rs + "</w:tbl>"))
            continue
        body.append(TBL(rows_for(s), [lw, aw]))
    notes["layout_details"] = {"label_shade": shade}
    return "".join(body), {}


# ---------------- W-TABPAIRS
def w_tabpairs(fields, S, rng, notes, hf):
    leader = rng.choice(["none", "dot"])
    tabs = [("left", 2600), ("left", 4950), ("left", 7550)]
    body = [P(R(S["org"].upper(), b=True, sz=22)), P(R(S["title"], b=True, sz=28), after=200),
            P(R(guidance(S, S["dstyle"]), sz=18))]
    for s in fields:
        body.append(P(R(s["title"], b=True, u=True, sz=22), before=200, after=80, keep=True))
        if "agencies" in s:
            if not s["agencies"]:
                body.append(P(R(s["cols"][1] + ":\t"), tabs=[("left", 2600)]))
            for nm, ag, ct in s["agencies"]:
                body.append(P(R(f"{s['cols'][0]}:\t{nm or ''}\t{s['cols'][1]}:\t{ag}"), tabs=tabs))
                body.append(P(R(f"{s['cols'][2]}:\t{ct}"), tabs=tabs, after=120))
            continue
        short = [f for f in s["items"] if f["kind"] not in ("lines", "paras") and len(f["label"]) <= 34]
        pend = []
        for f in s["items"]:
            if f in short:
                pend.append(f)
                if len(pend) == 2:
                    a, b = pend
                    body.append(P(R(f"{a['label']}" + ("" if a["label"].endswith("?") else ":") + "\t"),
                                  R(a["printed"], font="Arial"),
                                  R("\t" + b["label"] + ("" if b["label"].endswith("?") else ":") + "\t"),
                                  R(b["printed"], font="Arial"), tabs=tabs))
                    pend = []
                continue
            if pend:
                a = pend.pop()
                body.append(P(R(a["label"] + ("" if a["label"].endswith("?") else ":") + "\t"), R(a["printed"], font="Arial"), tabs=tabs))
            body.append(P(R(f["label"] + ("" if f["label"].endswith("?") else ":"), b=True), before=80, after=20))
            lines = ans_lines(f)
            if f["kind"] == "lines":
                inner = ""
                for k, line in enumerate(lines):
                    if k:
                        inner += "<w:r><w:br/></w:r>"
                    inner += R(line, font="Arial")
                body.append(P(inner, ind=567))
            else:
                for line in lines or [""]:
                    body.append(P(R(line, font="Arial"), ind=567))
        if pend:
            a = pend.pop()
            body.append(P(R(a["label"] + ("" if a["label"].endswith("?") else ":") + "\t"), R(a["printed"], font="Arial"), tabs=tabs))
    notes["layout_details"] = {"tab_leader": leader}
    return "".join(body), {}


# ---------------- W-PICTICKS
def w_picticks(fields, S, rng, notes, hf):
    counter = [10]

    def img(checked):
        counter[0] += 1
        rid = "rIdImgOn" if checked else "rIdImgOff"
        cx = 133350
        descr = "checked" if checked else "unchecked"
        return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cx}"/>'
                f'<wp:docPr id="{counter[0]}" name="Picture {counter[0]}" descr="{descr}"/>'
                f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{counter[0]}" name="checkbox-{descr}.png" descr="{descr}"/><pic:cNvPicPr/></pic:nvPicPr>'
                f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cx}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
                f'</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    font = rng.choice(["Arial", "Helvetica", "Segoe UI"])
    body = [P(R(S["partnership"], sz=18, color="666666")), P(R(S["title"], b=True, sz=32)),
            P(R(f"Submitted via the {S['partnership']} online referral form", sz=18, color="666666")),
            P(R(guidance(S, S["dstyle"]), sz=18))]
    lw, aw = 3300, 6338
    for s in fields:
        body.append(P(R(s["title"], b=True, sz=26, color="005EA5"), before=240, after=60))
        if "agencies" in s:
            body.append(ag_table(s, S, shade="F3F2F1", spare=0))
            continue
        rows = []
        for f in s["items"]:
            if f["kind"] in ("yn", "gender", "itype"):
                opts = f["opts"] if f["kind"] != "itype" else [ITYPE_LABEL[o] for o in ITYPE_OPTS]
                content = ""
                for i, o in enumerate(opts):
                    content += P(img(f["chosen"] == i), R("  " + o), after=20)
                if f["kind"] == "itype" and f.get("spec"):
                    content += P(R("Please specify: " + f["spec"]), after=20)
            else:
                content = "".join(P(R(x), after=20) for x in ans_lines(f)) or P()
            rows.append(TR(TC(P(R(f["label"], b=True)), lw, shade="F3F2F1"), TC(content, aw)))
        body.append(TBL(rows, [lw, aw], color="B1B4B6"))
    media = {"rels": [("rIdImgOn", "checkbox_on.png"), ("rIdImgOff", "checkbox_off.png")],
             "files": [("checkbox_on.png", png_box(True)), ("checkbox_off.png", png_box(False))]}
    notes["layout_details"] = {"font": font}
    return "".join(body), {"media": media, "font": font}


# ---------------- W-SPLITFIELDS
def w_splitfields(fields, S, rng, notes, hf):
    lw = 3200
    body = [P(R(S["title"], b=True, sz=30)), P(R(S["org"], sz=20)),
            P(R(guidance(S, S["dstyle"]) + " Use BLOCK CAPITALS where you can.", sz=18))]
    addr_labels = rng.choice([("Address line 1", "Address line 2", "Town or city", "Postcode"),
                              ("House number and street", "Line 2", "Town", "Postcode")])
    notes["layout_details"] = {"address_rows": addr_labels}
    W = 9638
    for s in fields:
        body.append(P(R(s["title"], b=True, color="FFFFFF"), shade="404040", before=200, after=60))
        if "agencies" in s:
            body.append(ag_table(s, S, spare=2))
            continue
        rows = []
        items = list(s["items"])
        k = 0
        while k < len(items):
            f = items[k]
            lab = TC(P(R(f["label"], b=True, sz=19)), lw, shade="EDEDED")
            if f["key"] == "c_first" and k + 1 < len(items) and items[k + 1]["key"] == "c_last":
                g = items[k + 1]
                rows.append(TR(lab, TC(P(f["printed"]), 2000),
                               TC(P(R(g["label"], b=True, sz=19)), 2000, shade="EDEDED"), TC(P(g["printed"]), W - lw - 4000)))
                k += 2
                continue
            if f["kind"] == "date":
                d = dt.date.fromisoformat(f["iso"]) if f["iso"] else None
                parts = [d.strftime("%d"), d.strftime("%m"), d.strftime("%Y")] if d else ["", "", ""]
                cells = []
                for cap, v in zip(["DD", "MM", "YYYY"], parts):
                    cells.append(TC(P(R(cap, sz=14, color="808080"), after=0) + P(v, jc="center"), (W - lw) // 3))
                rows.append(TR(lab, *cells))
            elif f["kind"] == "lines":
                lines = list(f["lines"])
                # four rows; a flat line goes into line 1 with line 2
                if len(lines) == 4:
                    vals = lines
                else:
                    vals = [lines[0], "", lines[1], lines[2]]
                for i, (al, v) in enumerate(zip(addr_labels, vals)):
                    rows.append(TR(TC(P(R(f"{f['label']} - {al}" if i == 0 else al, b=(i == 0), sz=19)), lw, shade="EDEDED"),
                                   TC(P(v), W - lw, span=3)))
            else:
                content = "".join(P(x) for x in ans_lines(f)) or P()
                rows.append(TR(lab, TC(content, W - lw, span=3)))
            k += 1
        body.append(TBL(rows, [lw, 2000, 2000, W - lw - 4000]))
    return "".join(body), {"font": "Arial"}


# --------------------------------------------------------------------------------------------
# PDF layouts (reportlab)
# --------------------------------------------------------------------------------------------
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FONT_DIR + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", FONT_DIR + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVC", FONT_DIR + "DejaVuSansCondensed.ttf"))


class Flow:
    def __init__(self, c, pagesize, margin, on_page):
        self.c, self.W, self.H = c, pagesize[0], pagesize[1]
        self.m = margin
        self.on_page = on_page
        self.page = 0
        self.new_page(first=True)

    def new_page(self, first=False):
        if not first:
            self.c.showPage()
        self.page += 1
        self.y = self.H - self.m
        self.y = self.on_page(self.c, self.page, self)

    def need(self, h):
        if self.y - h < self.m + 20:
            self.new_page()


def pdf_val_lines(f):
    if f["kind"] == "lines":
        return list(f["lines"]), False
    if f["kind"] == "paras":
        return list(f["paras"]), True
    return ([f["printed"]] if f["printed"] else []), False


def draw_ag_rows(c, fl, x0, width, rows, fs, head_fill=None, boxes=False, rule=None, strips=None):
    cw = width / 3
    if strips is not None:
        for ci in range(3):
            strips.add((round(x0 + ci * cw, 1), round(x0 + (ci + 1) * cw, 1)))
    for ri, row in enumerate(rows):
        wrapped = [simpleSplit(v, "DV", fs, cw - 10) or [""] for v in row]
        h = max(len(w) for w in wrapped) * (fs + 3) + 6
        fl.need(h)
        for ci, wl in enumerate(wrapped):
            if ri == 0 and head_fill:
                c.setFillColor(colors.HexColor(head_fill))
                c.rect(x0 + ci * cw, fl.y - h, cw, h, stroke=0, fill=1)
                c.setFillColor(colors.black)
            if boxes:
                c.rect(x0 + ci * cw, fl.y - h, cw, h, stroke=1, fill=0)
            c.setFont("DVB" if ri == 0 else "DV", fs)
            for li, t in enumerate(wl):
                c.drawString(x0 + ci * cw + 4, fl.y - 4 - fs - li * (fs + 3), t)
        if rule:
            c.setStrokeColor(colors.HexColor(rule))
            c.line(x0, fl.y - h, x0 + width, fl.y - h)
            c.setStrokeColor(colors.black)
        fl.y -= h


def draw_grid_form(fl, fields, S, opts):
    """Ruled label | answer grid (used by P-COPIES and P-SLIDES)."""
    c = fl.c
    lw = opts.get("lw", 170)
    x0 = fl.m
    width = fl.W - 2 * fl.m
    fs = opts.get("fs", 9)
    bar = opts.get("bar", colors.HexColor("#1F3864"))
    if opts.get("strips") is not None:
        opts["strips"].add((round(x0 + lw, 1), round(x0 + width, 1)))
    for s in fields:
        fl.need(40)
        if not opts.get("no_bar"):
            c.setFillColor(bar)
            c.rect(x0, fl.y - 16, width, 16, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("DVB", 10)
            c.drawString(x0 + 4, fl.y - 12, s["title"])
            c.setFillColor(colors.black)
            fl.y -= 16
        if "agencies" in s:
            rows = [s["cols"]] + [(a or "", b, cc) for a, b, cc in s["agencies"]] + [("", "", "")]
            draw_ag_rows(c, fl, x0, width, rows, fs, head_fill="#E7E6E6", boxes=True, strips=opts.get("strips"))
            fl.y -= 8
            continue
        for f in s["items"]:
            lab = simpleSplit(f["label"], "DVB", fs, lw - 8)
            vals, is_paras = pdf_val_lines(f)
            vl = []
            for k, v in enumerate(vals):
                if is_paras and k:
                    vl.append("")
                vl.extend(simpleSplit(v, opts.get("vfont", "DV"), fs, width - lw - 8) or [""])
            n = max(len(lab), len(vl), 1)
            h = n * (fs + 3) + 6
            if h > fl.H - 2 * fl.m - 60:
                h = fl.H - 2 * fl.m - 60
            fl.need(h)
            c.setFillColor(colors.HexColor(opts.get("lshade", "#F2F2F2")))
            c.rect(x0, fl.y - h, lw, h, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setStrokeColor(colors.HexColor("#808080"))
            c.rect(x0, fl.y - h, lw, h, stroke=1, fill=0)
            c.rect(x0 + lw, fl.y - h, width - lw, h, stroke=1, fill=0)
            c.setFont("DVB", fs)
            for li, t in enumerate(lab):
                c.drawString(x0 + 4, fl.y - 4 - fs - li * (fs + 3), t)
            c.setFont(opts.get("vfont", "DV"), fs)
            c.setFillColor(opts.get("vcolor", colors.black))
            yy = fl.y - 4 - fs
            for t in vl:
                if yy < fl.m + 20:
                    fl.new_page()
                    yy = fl.y - 4 - fs
                    c.setFont(opts.get("vfont", "DV"), fs)
                    c.setFillColor(opts.get("vcolor", colors.black))
                c.drawString(x0 + lw + 4, yy, t)
                yy -= fs + 3
            c.setFillColor(colors.black)
            fl.y = min(fl.y - h, yy + fs)
        fl.y -= 8


def page_furniture(S, hf, extra=None, size=A4):
    head, foot = hf

    def on_page(c, n, fl):
        W, H = size
        c.setFont("DV", 7.5)
        c.setFillColor(colors.HexColor("#595959"))
        c.drawString(36, H - 24, head[0] + "   " + head[1])
        c.drawString(36, 20, foot)
        c.drawRightString(W - 36, 20, f"Page {n}")
        c.setFillColor(colors.black)
        y = H - 44
        if extra:
            y = extra(c, n, fl, y)
        return y
    return on_page


def pdf_canvas(path, size, title, producer):
    c = rl_canvas.Canvas(path, pagesize=size, invariant=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setProducer(producer)
    c.setCreator(producer)
    return c


def title_block(c, fl, S, y, guide=True):
    c.setFont("DVB", 15)
    c.drawString(fl.m, y - 16, S["title"])
    c.setFont("DV", 9)
    c.drawString(fl.m, y - 30, S["org"] + " - " + S["dept"])
    y -= 40
    if guide:
        c.setFont("DV", 7.5)
        for t in simpleSplit(guidance(S, S["dstyle"]), "DV", 7.5, fl.W - 2 * fl.m):
            c.drawString(fl.m, y - 8, t)
            y -= 10
        y -= 6
    return y


# ---------------- P-COPIES
def p_copies(path, fields, S, rng, notes, hf):
    c = pdf_canvas(path, A4, S["title"], "Microsoft: Print To PDF")
    copies = rng.choice([("PARTNERSHIP COPY", "REFERRER'S COPY - KEEP ON FILE"),
                         ("COPY 1 OF 2 - SEND TO PARTNERSHIP", "COPY 2 OF 2 - RETAIN"),
                         ("TOP COPY", "FILE COPY")])
    tints = [colors.black, colors.HexColor(rng.choice(["#555555", "#1F4E79", "#7F3F00"]))]
    state = {"copy": 0}
    strips = set()

    def extra(cc, n, fl, y):
        cc.setFont("DVB", 8)
        cc.setFillColor(colors.HexColor("#C00000"))
        cc.drawRightString(fl.W - 36, fl.H - 24, copies[state["copy"]])
        cc.setFillColor(colors.black)
        if getattr(fl, "start_copy", False):
            fl.start_copy = False
            y = title_block(cc, fl, S, y)
        return y
    fl = None
    for ci in range(2):
        state["copy"] = ci
        if fl is None:
            class _Tmp:
                pass
            fl = Flow.__new__(Flow)
            fl.c, fl.W, fl.H, fl.m = c, A4[0], A4[1], 40
            fl.on_page = page_furniture(S, hf, extra)
            fl.page = 0
            fl.start_copy = True
            fl.new_page(first=True)
        else:
            fl.start_copy = True
            fl.new_page()
        draw_grid_form(fl, fields, S, {"vcolor": tints[ci], "strips": strips})
    c.showPage()
    c.save()
    notes["layout_details"] = {"copies": list(copies)}
    return {"strips": sorted(strips)}


# ---------------- P-SLIDES
def p_slides(path, fields, S, rng, notes, hf):
    size = (960, 540)
    c = pdf_canvas(path, size, S["title"] + ".pptx", "Microsoft® PowerPoint® for Microsoft 365")
    accent = colors.HexColor(rng.choice(["#C55A11", "#2E75B6", "#548235", "#7030A0"]))
    head, foot = hf
    slide_no = [0]
    strips = set()

    def on_page(cc, n, fl):
        slide_no[0] += 1
        cc.setFillColor(accent)
        cc.rect(0, size[1] - 60, size[0], 60, stroke=0, fill=1)
        cc.setFillColor(colors.white)
        cc.setFont("DVB", 20)
        cc.drawString(40, size[1] - 40, fl.cur_title)
        cc.setFillColor(colors.HexColor("#595959"))
        cc.setFont("DV", 8)
        cc.drawString(40, 14, head[0] + "  |  " + head[1] + "  |  " + foot)
        cc.drawRightString(size[0] - 30, 14, str(slide_no[0]))
        cc.setFillColor(colors.black)
        return size[1] - 76
    fl = Flow.__new__(Flow)
    fl.c, fl.W, fl.H, fl.m = c, size[0], size[1], 40
    fl.on_page = on_page
    fl.page = 0
    fl.cur_title = S["title"]
    # title slide
    fl.new_page(first=True)
    c.setFont("DVB", 26)
    c.drawString(60, 330, S["org"])
    c.setFont("DV", 14)
    c.drawString(60, 300, S["partnership"])
    c.setFont("DV", 10)
    yy = 250
    for t in simpleSplit(guidance(S, S["dstyle"]), "DV", 10, 820):
        c.drawString(60, yy, t)
        yy -= 14
    for s in fields:
        fl.cur_title = s["title"]
        if s.get("child") and len([x for x in fields if x.get("child")]) > 1:
            fl.cur_title = f"{s['title']} ({s['child']})"
        fl.new_page()
        fl.cur_title = fl.cur_title + " (continued)"
        draw_grid_form(fl, [s],
                       S, {"lw": 260, "fs": 10, "bar": accent, "lshade": "#FBE5D6", "strips": strips, "no_bar": True})
    c.showPage()
    c.save()
    notes["layout_details"] = {"page": "960x540 (16:9 slides)"}
    return {"strips": sorted(strips)}


# ---------------- P-SBAR
def p_sbar(path, fields, S, rng, notes, hf):
    c = pdf_canvas(path, A4, S["title"], "Microsoft® Word for Microsoft 365")
    groups = {"S": ("Situation", []), "B": ("Background", []), "A": ("Assessment", []), "R": ("Recommendation", [])}
    for s in fields:
        if s.get("decoy"):
            g = "B"
        elif "agencies" in s or s.get("child"):
            g = "B"
        elif s["title"] in (S["L"]["sec_ref"], S["L"]["sec_lead"]):
            g = "S"
        elif s["title"] == S["L"]["sec_inc"]:
            g = "S"
        else:
            g = "A"
        groups[g][1].append(s)
    # move panel + concerns to R
    crit = [s for s in groups["A"][1] if s["title"] == S["L"]["sec_crit"]]
    if crit:
        cs = crit[0]
        rkeys = {"panel", "panel_date", "concerns"}
        r_items = [f for f in cs["items"] if f["key"] in rkeys]
        cs2 = dict(cs, items=[f for f in cs["items"] if f["key"] not in rkeys])
        groups["A"] = ("Assessment", [cs2])
        groups["R"][1].append(dict(title="Next steps", items=r_items))
    colmap = {"S": "#2F5597", "B": "#548235", "A": "#BF9000", "R": "#C00000"}
    fl = Flow.__new__(Flow)
    fl.c, fl.W, fl.H, fl.m = c, A4[0], A4[1], 40
    fl.on_page = page_furniture(S, hf, lambda cc, n, f2, y: title_block(cc, f2, S, y) if n == 1 else y)
    fl.page = 0
    fl.new_page(first=True)
    band = 46
    fs = 9
    x0 = fl.m + band + 6
    width = fl.W - fl.m - x0
    lw = 165
    strips = {(round(x0 + lw, 1), round(x0 + width, 1))}
    for letter in "SBAR":
        name, secs = groups[letter]
        col = colors.HexColor(colmap[letter])
        fl.need(60)
        top = fl.y

        def draw_band(t0, y1):
            c.setFillColor(col)
            c.rect(fl.m, y1, band, t0 - y1, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("DVB", 26)
            c.drawCentredString(fl.m + band / 2, t0 - 32, letter)
            c.setFont("DV", 6.5)
            c.drawCentredString(fl.m + band / 2, t0 - 44, name)
            c.setFillColor(colors.black)
        for s in secs:
            fl.need(30)
            if fl.y > top:
                top = fl.y
            c.setFont("DVB", 10)
            c.setFillColor(col)
            c.drawString(x0, fl.y - 12, s["title"])
            c.setFillColor(colors.black)
            fl.y -= 18
            if "agencies" in s:
                rows = [s["cols"]] + [(a or "", b, cc) for a, b, cc in s["agencies"]]
                draw_ag_rows(c, fl, x0, width, rows, 8.5, rule="#BFBFBF", strips=strips)
                fl.y -= 6
                continue
            for f in s["items"]:
                lab = simpleSplit(f["label"], "DVB", fs - 0.5, lw - 6)
                vals, is_p = pdf_val_lines(f)
                vl = []
                for k, v in enumerate(vals):
                    if is_p and k:
                        vl.append("")
                    vl.extend(simpleSplit(v, "DV", fs, width - lw - 6))
                if not vl:
                    vl = [""]
                n = max(len(lab), len(vl))
                h = n * (fs + 3) + 4
                if fl.y - h < fl.m + 20:
                    draw_band(top, fl.y)
                    fl.new_page()
                    top = fl.y
                c.setFont("DVB", fs - 0.5)
                c.setFillColor(colors.HexColor("#404040"))
                for li, t in enumerate(lab):
                    c.drawString(x0, fl.y - fs - li * (fs + 3), t)
                c.setFillColor(colors.black)
                c.setFont("DV", fs)
                for li, t in enumerate(vl):
                    c.drawString(x0 + lw, fl.y - fs - li * (fs + 3), t)
                c.setStrokeColor(colors.HexColor("#D9D9D9"))
                c.line(x0, fl.y - h + 1, x0 + width, fl.y - h + 1)
                fl.y -= h
            fl.y -= 4
        draw_band(top, fl.y)
        fl.y -= 10
    c.showPage()
    c.save()
    notes["layout_details"] = {"groups": {k: [s["title"] for s in v[1]] for k, v in groups.items()}}
    return {"strips": sorted(strips)}


# ---------------- P-NOTION
def p_notion(path, fields, S, rng, notes, hf):
    c = pdf_canvas(path, A4, S["title"], "Skia/PDF m126")
    fl = Flow.__new__(Flow)
    fl.c, fl.W, fl.H, fl.m = c, A4[0], A4[1], 56
    grey = colors.HexColor("#9B9A97")
    empty_word = "Empty"

    def on_page(cc, n, f2):
        return f2.H - 40
    fl.on_page = on_page
    fl.page = 0
    fl.new_page(first=True)
    c.setFont("DVB", 22)
    for t in simpleSplit(S["title"], "DVB", 22, fl.W - 2 * fl.m):
        c.drawString(fl.m, fl.y - 24, t)
        fl.y -= 28
    fl.y -= 8
    c.setFont("DV", 8)
    c.setFillColor(grey)
    c.drawString(fl.m, fl.y - 8, hf[0][0] + "  ·  " + hf[0][1] + "  ·  " + hf[1])
    c.setFillColor(colors.black)
    fl.y -= 20
    # callout
    gl = simpleSplit("💡 " .replace("💡 ", "") + guidance(S, S["dstyle"]), "DV", 8.5, fl.W - 2 * fl.m - 30)
    h = len(gl) * 12 + 12
    c.setFillColor(colors.HexColor("#F1F1EF"))
    c.roundRect(fl.m, fl.y - h, fl.W - 2 * fl.m, h, 4, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont("DV", 8.5)
    for i, t in enumerate(gl):
        c.drawString(fl.m + 20, fl.y - 14 - i * 12, t)
    fl.y -= h + 14
    fs = 9.5
    lw = 190
    strips = {(round(fl.m + lw, 1), round(fl.W - fl.m, 1))}
    for s in fields:
        fl.need(40)
        c.setFont("DVB", 14)
        c.drawString(fl.m, fl.y - 16, s["title"] + (f" {s['child']}" if s.get("child") and len([x for x in fields if x.get("child")]) > 1 else ""))
        fl.y -= 26
        if "agencies" in s:
            rows = [s["cols"]] + [(a or "", b, cc) for a, b, cc in s["agencies"]]
            c.setStrokeColor(colors.HexColor("#E9E9E7"))
            draw_ag_rows(c, fl, fl.m, fl.W - 2 * fl.m, rows, 8.5, head_fill="#F7F6F3", boxes=True, strips=strips)
            c.setStrokeColor(colors.black)
            fl.y -= 12
            continue
        for f in s["items"]:
            if f["kind"] in ("yn", "gender", "itype"):
                opts = f["opts"] if f["kind"] != "itype" else [ITYPE_LABEL[o] for o in ITYPE_OPTS]
                lab = simpleSplit(f["label"], "DV", fs, fl.W - 2 * fl.m)
                fl.need(len(lab) * 13 + len(opts) * 14 + 6)
                c.setFont("DV", fs)
                for t in lab:
                    c.drawString(fl.m, fl.y - fs, t)
                    fl.y -= 13
                for i, o in enumerate(opts):
                    chk = f["chosen"] == i
                    c.setFont("DV", fs + 1)
                    c.drawString(fl.m + 8, fl.y - fs - 1, "☑" if chk else "☐")
                    c.setFont("DV", fs)
                    if chk:
                        c.setFillColor(colors.HexColor("#37352F"))
                    else:
                        c.setFillColor(colors.HexColor("#787774"))
                    c.drawString(fl.m + 24, fl.y - fs - 1, o + (f" - {f['spec']}" if chk and f.get("spec") else ""))
                    c.setFillColor(colors.black)
                    fl.y -= 14
                fl.y -= 4
                continue
            vals, is_p = pdf_val_lines(f)
            lab = simpleSplit(f["label"], "DV", fs - 0.5, lw - 10)
            vl = []
            for k, v in enumerate(vals):
                if is_p and k:
                    vl.append("")
                vl.extend(simpleSplit(v, "DV", fs, fl.W - 2 * fl.m - lw))
            n = max(len(lab), len(vl), 1)
            fl.need(n * 13 + 8)
            c.setFont("DV", fs - 0.5)
            c.setFillColor(grey)
            for i, t in enumerate(lab):
                c.drawString(fl.m, fl.y - fs - i * 13, t)
            if not vl:
                c.setFillColor(colors.HexColor("#C7C6C4"))
                c.setFont("DV", fs)
                c.drawString(fl.m + lw, fl.y - fs, empty_word)
            c.setFillColor(colors.HexColor("#37352F"))
            c.setFont("DV", fs)
            for i, t in enumerate(vl):
                c.drawString(fl.m + lw, fl.y - fs - i * 13, t)
            c.setFillColor(colors.black)
            fl.y -= n * 13 + 6
        fl.y -= 10
    c.showPage()
    c.save()
    notes["layout_details"] = {"empty_marker": empty_word}
    return {"strips": sorted(strips)}


# ---------------- P-COMBACRO
def p_combacro(path, fields, S, rng, notes, hf):
    c = pdf_canvas(path, A4, S["title"], "Adobe PDF Library 23.1.175")
    form = c.acroForm
    fl = Flow.__new__(Flow)
    fl.c, fl.W, fl.H, fl.m = c, A4[0], A4[1], 40
    fl.on_page = page_furniture(S, hf, lambda cc, n, f2, y: title_block(cc, f2, S, y) if n == 1 else y)
    fl.page = 0
    fl.new_page(first=True)
    lw = 190
    x1 = fl.m + lw
    width = fl.W - fl.m - x1
    used = {}
    values = {}

    def fname(base):
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}_{used[base]}"
    fs = 9
    for s in fields:
        fl.need(40)
        c.setFillColor(colors.HexColor("#D9E2F3"))
        c.rect(fl.m, fl.y - 16, fl.W - 2 * fl.m, 16, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("DVB", 10)
        c.drawString(fl.m + 4, fl.y - 12, s["title"])
        fl.y -= 24
        sfx = f"_c{s['child']}" if s.get("child") else ""
        if "agencies" in s:
            cw = (fl.W - 2 * fl.m) / 3
            c.setFont("DVB", 8.5)
            for ci, t in enumerate(s["cols"]):
                c.drawString(fl.m + ci * cw, fl.y - 10, t)
            fl.y -= 14
            rows = list(s["agencies"]) + [(None, None, None)] * max(1, 3 - len(s["agencies"]))
            for ri, row in enumerate(rows):
                fl.need(22)
                for ci, (v, base) in enumerate(zip(row, ["ag_name", "ag_agency", "ag_contact"])):
                    nm = f"{base}{ri + 1}"
                    form.textfield(name=nm, tooltip=f"{s['cols'][ci]} {ri + 1}", value=v or "", x=fl.m + ci * cw,
                                   y=fl.y - 18, width=cw - 6, height=16, fontName="Helvetica", fontSize=8,
                                   borderWidth=0.5, fillColor=colors.HexColor("#EEF3FB"))
                    values[nm] = v or ""
                fl.y -= 22
            fl.y -= 6
            continue
        for f in s["items"]:
            lab = simpleSplit(f["label"], "DV", fs, lw - 8)
            base = f["key"] + sfx if f["key"] != "decoy" else "misc"
            k = f["kind"]
            if k in ("yn", "gender", "itype"):
                opts = f["opts"] if k != "itype" else [ITYPE_LABEL[o] for o in ITYPE_OPTS]
                per_row = 3 if k != "itype" else 2
                nrows = (len(opts) + per_row - 1) // per_row + (1 if k == "itype" else 0)
                h = max(len(lab) * 11, nrows * 18) + 4
                fl.need(h)
                c.setFont("DV", fs)
                for i, t in enumerate(lab):
                    c.drawString(fl.m, fl.y - fs - i * 11, t)
                ow = width / per_row
                for i, o in enumerate(opts):
                    rx, ry = x1 + (i % per_row) * ow, fl.y - 14 - (i // per_row) * 18
                    nm = fname(f"{base}_{re.sub('[^A-Za-z]', '', o)[:12]}")
                    form.checkbox(name=nm, tooltip=f"{f['label']} - {o}", checked=f["chosen"] == i, x=rx, y=ry, size=11,
                                  buttonStyle="cross", borderWidth=0.6, fieldFlags="")
                    values[nm] = "/Yes" if f["chosen"] == i else "/Off"
                    c.setFont("DV", 8.5)
                    c.drawString(rx + 15, ry + 2, o)
                if k == "itype":
                    ry = fl.y - 14 - ((len(opts) + per_row - 1) // per_row) * 18
                    c.drawString(x1, ry + 2, "If other, please specify:")
                    nm = fname("inc_type_other")
                    form.textfield(name=nm, tooltip="If other, please specify", value=f.get("spec") or "", x=x1 + 110,
                                   y=ry - 2, width=width - 110, height=14, fontName="Helvetica", fontSize=8, borderWidth=0.5)
                    values[nm] = f.get("spec") or ""
                fl.y -= h
                continue
            if k == "date":
                h = max(len(lab) * 11, 18) + 6
                fl.need(h)
                c.setFont("DV", fs)
                for i, t in enumerate(lab):
                    c.drawString(fl.m, fl.y - fs - i * 11, t)
                d = dt.date.fromisoformat(f["iso"]) if f["iso"] else None
                parts = [d.strftime("%d"), d.strftime("%m"), d.strftime("%Y")] if d else ["", "", ""]
                xx = x1
                for cap, ml, v in zip(["DD", "MM", "YYYY"], [2, 2, 4], parts):
                    nm = fname(f"{base}_{cap.lower()}")
                    form.textfield(name=nm, tooltip=f"{f['label']} ({cap})", value=v, x=xx, y=fl.y - 18, width=ml * 14,
                                   height=16, maxlen=ml, fieldFlags="comb", fontName="Helvetica", fontSize=10, borderWidth=0.6)
                    values[nm] = v
                    xx += ml * 14 + 4
                    if cap != "YYYY":
                        c.setFont("DV", 10)
                        c.drawString(xx - 2, fl.y - 14, "/")
                        xx += 6
                fl.y -= h
                continue
            vals, is_p = pdf_val_lines(f)
            if k == "phone":
                digits = re.sub(r"[^0-9+]", "", f["printed"])
                h = max(len(lab) * 11, 18) + 6
                fl.need(h)
                c.setFont("DV", fs)
                for i, t in enumerate(lab):
                    c.drawString(fl.m, fl.y - fs - i * 11, t)
                nm = fname(base)
                form.textfield(name=nm, tooltip=f["label"], value=digits, x=x1, y=fl.y - 18, width=11 * 14, height=16,
                               maxlen=11, fieldFlags="comb", fontName="Helvetica", fontSize=10, borderWidth=0.6)
                values[nm] = digits
                fl.y -= h
                continue
            multi = k in ("lines", "paras")
            value = ("\n\n" if is_p else "\n").join(vals)
            nl = 1
            if multi:
                nl = sum(len(simpleSplit(v, "Helvetica", 8.5, width - 8) or [""]) for v in vals) + (len(vals) - 1 if is_p else 0)
                nl = max(nl, 3)
            h = max(len(lab) * 11, nl * 10.5 + 6) + 6
            fl.need(h)
            c.setFont("DV", fs)
            for i, t in enumerate(lab):
                c.drawString(fl.m, fl.y - fs - i * 11, t)
            nm = fname(base)
            form.textfield(name=nm, tooltip=f["label"], value=value, x=x1, y=fl.y - h + 6, width=width,
                           height=h - 6, fontName="Helvetica", fontSize=8.5 if multi else 9, borderWidth=0.6,
                           fieldFlags="multiline" if multi else "", maxlen=2000)
            values[nm] = value
            fl.y -= h
        fl.y -= 6
    c.showPage()
    c.save()
    notes["layout_details"] = {"fields": len(values)}
    return {"acro_values": values}


# --------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------
def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z]", "", s)


STRIPS = {}


def doc_text(path):
    if path.endswith(".docx"):
        import docx  # noqa: F401  (opens it, as the brief asks)
        docx.Document(path)
        out = []
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.startswith("word/") and n.endswith(".xml"):
                    x = z.read(n).decode("utf-8")
                    out.extend(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", x))
                    out.extend(re.findall(r'descr="([^"]*)"', x))
        from xml.sax.saxutils import unescape
        return unescape(" ".join(out))
    import pdfplumber
    import pypdf
    parts = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            parts.append(pg.extract_text() or "")
            for x0, x1 in STRIPS.get(os.path.basename(path), []):
                box = (max(0, x0 - 1), 0, min(float(pg.width), x1 + 1), float(pg.height))
                parts.append(pg.within_bbox(box).extract_text() or "")
    r = pypdf.PdfReader(path)
    for k, v in (r.get_fields() or {}).items():
        val = v.get("/V")
        if isinstance(val, str):
            parts.append(val)
    return "\n".join(parts)


def check_one(truth, text, layout):
    t = norm(text)
    probs = []

    def has(s):
        return norm(s) in t

    def date_ok(iso):
        d = dt.date.fromisoformat(iso)
        cands = [fmt_date(d, st) for st in ALL_STYLES] + [f"DD{d:%d}MM{d:%m}YYYY{d:%Y}", f"{d:%d}{d:%m}{d:%Y}"]
        return any(has(x) for x in cands)
    rec = truth["record"]

    def walk(obj, path):
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, f"{path}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")
        elif isinstance(obj, str):
            key = path.split(".")[-1]
            if key in ("gender", "type", "form"):
                return
            if re.fullmatch(r"\d{4}-\d\d-\d\d", obj):
                if not date_ok(obj):
                    probs.append(f"{path}: date {obj} not found")
                return
            if key == "address":
                pieces = obj.split(", ")
            elif key == "summary":
                pieces = obj.split("\n\n")
            elif key == "name":
                pieces = obj.split(" ")
            else:
                pieces = [obj]
            for p in pieces:
                if not has(p):
                    probs.append(f"{path}: {p!r} not found")
    walk(rec, "record")
    return probs


def self_check(out, truths, schema_path):
    import jsonschema
    schema = json.load(open(schema_path))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for tr in truths:
        errs = list(validator.iter_errors(tr["record"]))
        for e in errs:
            problems.append(f"{tr['file']}: schema: {e.message}")
        try:
            text = doc_text(os.path.join(out, "forms", tr["file"]))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{tr['file']}: does not open: {e}")
            continue
        problems.extend(f"{tr['file']}: {p}" for p in check_one(tr, text, tr["layout"]))
    return problems


# --------------------------------------------------------------------------------------------
WORD = {"W-HINTBOX": w_hintbox, "W-REPEATSECT": w_repeatsect, "W-TABPAIRS": w_tabpairs, "W-PICTICKS": w_picticks,
        "W-SPLITFIELDS": w_splitfields}
PDF = {"P-COPIES": p_copies, "P-COMBACRO": p_combacro, "P-SBAR": p_sbar, "P-NOTION": p_notion, "P-SLIDES": p_slides}


def find_schema():
    for p in ["/work/shared/referral.schema.json", os.path.join(HERE, "..", "..", "shared", "referral.schema.json"),
              os.path.join(HERE, "..", "..", "..", "shared", "referral.schema.json")]:
        if os.path.exists(p):
            return p
    sys.exit("referral.schema.json not found")


def plan(seed, count):
    rng = random.Random(f"u15-{seed}-plan")
    cells = [(s, l) for l in LAYOUTS for s in SENDER_ORDER]
    rng.shuffle(cells)
    out = []
    while len(out) < count:
        out.extend(cells)
    return out[:count]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    out = a.outdir
    for sub in ("forms", "truth"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
        os.makedirs(os.path.join(out, sub))
    truths = []
    _sdt_id[0] = 1000
    for n, (sid, layout) in enumerate(plan(a.seed, a.count), start=1):
        rng = random.Random(f"u15-{a.seed}-{n}")
        S = SENDERS[sid]
        fields, rec, notes = build_case(sid, layout, rng, n)
        hf = header_footer(S, rng, S["dstyle"])
        stem = f"u15_{n:03d}"
        if layout in WORD:
            fname = stem + ".docx"
            body, extra = WORD[layout](fields, S, rng, notes, hf)
            write_docx(os.path.join(out, "forms", fname), body, hf[0], hf[1], font=extra.get("font", "Calibri"),
                       media=extra.get("media"))
        else:
            fname = stem + ".pdf"
            extra = PDF[layout](os.path.join(out, "forms", fname), fields, S, rng, notes, hf)
            STRIPS[fname] = extra.get("strips", [])
        tr = {"file": fname, "layout": layout, "vocabulary": sid, "expect_status": "parsed", "expect_reason": None,
              "record": rec, "notes": notes}
        with open(os.path.join(out, "truth", stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(tr, fh, indent=2, ensure_ascii=False, sort_keys=False)
            fh.write("\n")
        truths.append(tr)
    problems = self_check(out, truths, find_schema())
    if problems:
        for p in problems:
            print("SELF-CHECK:", p)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(truths)} forms, every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
