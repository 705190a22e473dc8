"""Invented data, date styles, the eight senders' wordings, and one case as
ordered sections plus its canonical record.  Nothing here is imported from
the project."""
import datetime as dt

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


# unseen10's fourteen styles (UK day-first) and three new ones (marked new)
DATE_STYLES = {
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "spaced_slash": lambda d: d.strftime("%d / %m / %Y"),
    "dots_short": lambda d: f"{d.day}.{d.month}.{d.year}",
    "ordinal_of": lambda d: f"{ordinal(d.day)} of {MONTHS[d.month-1]} {d.year}",
    "wd_abbr": lambda d: f"{DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month-1][:3]} {d.year}",
    "dd_MON_yyyy": lambda d: f"{d.day:02d}-{MONTHS[d.month-1][:3].upper()}-{d.year}",
    "long": lambda d: f"{d.day} {MONTHS[d.month-1]} {d.year}",
    "dash_yy": lambda d: d.strftime("%d-%m-%y"),
    "slash_short": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dots_yy": lambda d: d.strftime("%d.%m.%y"),
    "weekday_comma": lambda d: f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month-1]} {d.year}",
    "ordinal_abbr": lambda d: f"{ordinal(d.day)} {MONTHS[d.month-1][:3]} {d.year}",
    "spaces": lambda d: d.strftime("%d %m %Y"),
    "abbr_comma": lambda d: f"{d.day} {MONTHS[d.month-1][:3]}, {d.year}",
    # new in unseen11
    "slash_mon": lambda d: f"{d.day:02d}/{MONTHS[d.month-1][:3]}/{d.year}",
    "apos_yy": lambda d: f"{d.day} {MONTHS[d.month-1][:3]} '{d.year % 100:02d}",
    "dash_short": lambda d: f"{d.day}-{d.month}-{d.year}",
}
NEW_STYLES = ["slash_mon", "apos_yy", "dash_short"]


def fmt_date(d, style):
    return DATE_STYLES[style](d)


def date_variants(d):
    return {f(d) for f in DATE_STYLES.values()}


# ---------------------------------------------------------------- people, places
FORENAMES_F = ["Maisie", "Aurelia", "Tegan", "Zainab", "Phoebe", "Kacey", "Imogen", "Nevaeh", "Rosie-Mae",
               "Oluwaseun", "Bethany", "Hana", "Lexi", "Ffion", "Amara", "Darcie", "Kamila", "Elsie", "Thea", "Maryam"]
FORENAMES_M = ["Brody", "Kaiden", "Tobiasz", "Reuben", "Alfie", "Ishaan", "Declan", "Mason", "Kofi", "Eli",
               "Rhys", "Zac", "Hamza", "Lennon", "Jude", "Callum", "Ezra", "Mikolaj", "Ollie", "Tayo"]
SURNAMES = ["Hartigan", "Okonkwo-Bell", "Pryce", "Wozniak", "Fairbrother", "Mahmood", "Ashdown", "Quinlan",
            "Threlfall", "Ellison", "Rahman", "Dobrowski", "Kettering", "Mbeki", "Hollis", "Stannard", "Varga",
            "Lockwood", "Osei", "Pennington", "Gallacher", "Farrow", "Nkemelu", "Sutcliffe", "Brannigan"]
ADULT_F = ["Gemma", "Harpreet", "Lorraine", "Sinead", "Abimbola", "Claire", "Natasha", "Joanne", "Priya", "Ruth",
           "Donna", "Eilidh", "Magdalena", "Yasmin", "Fiona", "Bernadette"]
ADULT_M = ["Gareth", "Imran", "Colin", "Tomasz", "Desmond", "Neil", "Rajesh", "Stuart", "Femi", "Martin",
           "Lee", "Wesley", "Dariusz", "Hugh", "Kwame", "Barry"]
STREETS = ["Cobbler's Row", "Tenterfield Road", "Marlpit Lane", "Wharfedale Close", "St Aidan's Walk",
           "Brickkiln Street", "Orchard Mews", "Holloway Drive", "Sandpiper Court", "Furnace Hill",
           "Beckside Terrace", "Mill Race Way", "Ropewalk Gardens", "Chantry Avenue"]
FLATS = ["Flat 3, Kestrel House", "Flat 12, Beaumont Court", "Room 4, Linden Lodge", "Flat 2B, The Maltings",
         "Annexe, Oak Barn"]
ETHNICITY = ["White British", "Mixed - White and Black Caribbean", "Asian or Asian British - Pakistani",
             "Black or Black British - African", "White - any other White background", "Gypsy / Roma",
             "Mixed - White and Asian", "Asian or Asian British - Bangladeshi", "Chinese", "White Irish",
             "Any other ethnic group"]
DISABILITY = ["Autism (diagnosed 2022)", "Cerebral palsy; uses a wheelchair", "ADHD, awaiting medication review",
              "Moderate hearing loss (bilateral aids)", "Global developmental delay", "Type 1 diabetes",
              "Speech, language and communication needs", "Epilepsy", "None known to us"]
LEGAL = ["Section 20 (accommodated)", "Care order (s31)", "Interim care order", "Child in need",
         "No order", "Special guardianship order", "Child arrangements order", "Police protection (s46)"]
SCHOOLS = ["Greenhithe Primary School", "St Bede's RC Academy", "Larkfield Community College",
           "Ravenscar Pupil Referral Unit", "Holmfirth Infant and Nursery", "Eldon Park Academy",
           "Not on roll (EHE)", "Bishop Latimer CE Junior School", "Whinmoor High School"]
NURSERIES = ["Little Acorns Day Nursery", "Not in a setting", "Northmarsh Children's Centre creche",
             "Busy Bees Pre-school (15 hours)"]
GPS = ["Parkgate Surgery", "The Brook Medical Centre", "Dr Anand & Partners", "Saltaire Health Centre",
       "Millfield Family Practice", "Orchard Lane Surgery"]
LOCATIONS = ["Family home", "Platform 2, Whinmoor station", "Rear car park, Castlegate retail park",
             "Supported flat (room 4)", "Playing field off Tenterfield Road", "Grandmother's address",
             "Canal towpath near lock 7", "Back seat of a private hire vehicle", "Scout hut, Mill Race Way",
             "Clinic waiting area", "The child's bedroom", "Bus station toilets"]
AGENCY_ROWS = [
    (None, "Emergency Duty Team", "0113 496 0450"), (None, "Children's Social Care - Front Door", "0161 496 0102"),
    ("PC 4412 Lowther", "Police - Public Protection Unit", "101 ext. 66120"),
    ("Sian Featherstone", "Health visiting", "sian.featherstone@nhs.net"),
    ("Mr O. Adeyemi", "School DSL", "0114 496 0877"), ("Dr Kate Mullins", "GP", "0117 496 0233"),
    ("Paula Rennie", "Youth Justice Service", "07700 900612"), (None, "CAMHS single point of access", "0118 496 0555"),
    ("Ben Tattersall", "Early Help", "ben.tattersall@council.example.gov.uk"),
    ("Angela Hurst", "School nursing", "0115 496 0311"), (None, "Housing Options", "0116 496 0040"),
    ("Jonas Lindqvist", "Paediatric ward, Royal Infirmary", "020 7946 0881"),
]

SUMMARY_BITS = [
    "{c} was seen by our worker on {d1} and disclosed that an adult in the household had hit them with a belt.",
    "Bruising was seen to {c}'s upper arms and neck; {c} said a relative had caused it and asked us not to tell anyone.",
    "An ambulance was called to the home and {c} was taken to hospital with a head injury that the adults could not explain.",
    "{c} had not been seen by any professional for several weeks and the family had declined visits.",
    "Police attended the address after a neighbour heard screaming; officers found the home in a very poor state.",
    "Over the previous months staff had noted weight loss, poor hygiene and missed appointments.",
    "Information later shared by the school showed earlier concerns about {c} that had not been passed on.",
    "{c} has a younger sibling who also lives at the address and is now staying with a grandparent.",
    "The case was discussed at a strategy meeting and a section 47 enquiry has begun.",
    "{c} told a volunteer that they were frightened to go home and showed marks on their wrists.",
]
SENDER_BITS = {
    "merrow_licensing": ["A licensed private hire driver reported that {c} was picked up late at night from an address the operator had flagged before.",
                         "Booking records show repeated journeys for {c} paid for by an adult who is not a family member."],
    "lynford_carers": ["{c} cares for a parent with multiple sclerosis and had missed several group sessions before {d1}.",
                       "At a one-to-one session {c} said there was often no food in the house and the parent's medication had run out."],
    "caldervale_rail": ["A conductor found {c} travelling alone without a ticket on a late service and called the control room.",
                        "{c} gave a false name at first and said an older male had bought the ticket and told them where to get off."],
    "ashby_ehe": ["{c} was removed from the school roll for home education shortly after a referral about bruising.",
                  "The family declined two home visits and provided no evidence of the education being provided."],
    "brightwell_therapies": ["{c} was brought to only two of eight therapy appointments and the family did not respond to letters.",
                             "During a home visit the therapist saw {c} strapped into a buggy for long periods and losing weight."],
    "pathfinder_youth": ["A leader noticed that {c} had been receiving messages from an adult volunteer outside of meetings.",
                         "At camp {c} disclosed to a leader that they were being hurt at home."],
    "tallis_supported": ["{c} returned to the accommodation in the early hours with injuries and said they had been at an address linked to exploitation.",
                         "Staff found {c} unresponsive in their room and called an ambulance; {c} was admitted to hospital."],
    "riverbank_sexualhealth": ["{c} attended the clinic with an older adult who answered questions on their behalf.",
                               "Assessment using the Spotting the Signs tool raised concerns about sexual exploitation of {c}."],
}
REASONS = ["Several agencies held part of the picture and it is not clear that the information was shared in time.",
           "We believe there is learning about how concerns raised by a voluntary organisation were acted on.",
           "The child was known to at least four agencies and the harm appears to have been preventable.",
           "There appear to have been missed opportunities to escalate concerns between agencies."]
CONCERNS = ["The sibling remains in the household and a safety plan is being agreed.",
            "The adult suspected of causing harm has been bailed and lives nearby.",
            "No immediate concerns; all children are safe with relatives.",
            "The young person is in hospital and will need a safe place to go on discharge."]


def phone(rnd):
    k = rnd.randrange(6)
    n = rnd.randrange(100, 999)
    return ["07700 900{:03d}", "0113 496 0{:03d}", "0161 496 0{:03d}", "020 7946 0{:03d}",
            "01632 960{:03d}", "0117 496 0{:03d}"][k].format(n)


def digits_phone(p):
    out = "".join(ch for ch in p if ch.isdigit())
    return ("+" + out) if p.strip().startswith("+") else out


# ---------------------------------------------------------------- senders
# each: partnership, title, domain, labels (by field key), third word, not asked, decoys, options
S = {}
S["merrow_licensing"] = dict(
    org="Merrowdown District Council - Licensing Team (taxi and private hire)",
    short="Merrowdown Licensing", partnership="Merrowdown Safeguarding Children Partnership",
    title="Licensing Safeguarding Referral - request for a Rapid Review", domain="merrowdown.gov.uk",
    third="Not established", yes="Yes", no="No", gender=["Female", "Male", "Other"],
    roles=["Licensing Enforcement Officer", "Senior Licensing Officer", "Licensing Compliance Officer"],
    leadroles=["Licensing Manager", "Head of Regulatory Services"],
    leadagency=["Merrowdown District Council", "Regulatory Services"],
    labels=dict(ref_name="Licensing officer", ref_role="Job title", ref_agency="Council / department",
                ref_email="Council e-mail", ref_phone="Office number", dor="Date referral raised",
                lead_name="Licensing Manager", lead_role="Manager's job title", lead_agency="Manager's department",
                lead_email="Manager's e-mail", lead_phone="Manager's number",
                discussed="Referral agreed by the Licensing Manager?",
                name="Passenger / child's name", other_names="Other names given", dob="Date of birth",
                age="Age (if DOB unknown)", gender="Sex", ethnicity="Ethnicity", address="Child's home address",
                school="School", gp="GP", legal_status="Legal status", cp_plan="Subject of a CP plan (now or past)?",
                open_to_csc="Known to children's services?", looked_after="Looked after by a local authority?",
                disability="Disability / additional needs", dod="Date of death",
                inc_date="Date of the journey / incident", la_aware="Date the local authority was alerted",
                location="Pick-up / incident location", itype="Nature of incident", summary="Summary of what happened",
                police="Police informed?", crit1="Has a child died or been seriously harmed?",
                crit2="Is abuse or neglect known or suspected?", crit3="Does the child live (or did it happen) in Merrowdown?",
                crit4="Could agencies learn from this?", reason="Why we think this meets the criteria",
                panel="National Panel notified?", panel_date="Date Panel notified", agencies="Other agencies involved",
                concerns="Any immediate risks"),
    not_asked={"gp", "legal_status"},
    decoys=[("Driver licence no.", "id_licence"), ("Vehicle plate no.", "id_plate"),
            ("Licensed driver named", "person"), ("Date of licence suspension", "date"),
            ("Operator booking date", "date")],
    itypes=["Death of a child", "Serious harm to a child", "Death of a looked after child", "Other (please specify)"],
)
S["lynford_carers"] = dict(
    org="Lynford Young Carers (registered charity)", short="Lynford Young Carers",
    partnership="Lynford and Dale Children's Safeguarding Partnership",
    title="Young Carers Project - Safeguarding Practice Review referral", domain="lynfordyoungcarers.org.uk",
    third="Unsure", yes="Yes", no="No", gender=["Girl", "Boy", "Prefers another term"],
    roles=["Young Carers Support Worker", "Family Link Worker", "Schools Outreach Worker"],
    leadroles=["Designated Safeguarding Officer", "Chief Officer"], leadagency=["Lynford Young Carers"],
    labels=dict(ref_name="Support worker", ref_role="Your role in the project", ref_agency="Project",
                ref_email="Email", ref_phone="Mobile", dor="Today's date",
                lead_name="Designated Safeguarding Officer (DSO)", lead_role="DSO role", lead_agency="DSO organisation",
                lead_email="DSO email", lead_phone="DSO phone", discussed="Talked through with the DSO?",
                name="Young carer's name", other_names="Name they like to be called", dob="Birthday",
                age="How old (if birthday not known)", gender="Girl / boy / other", ethnicity="How the family describe their ethnicity",
                address="Where the young carer lives", school="School or college", gp="Family GP",
                legal_status="Any court order", cp_plan="Ever on a child protection plan?",
                open_to_csc="Social worker involved?", looked_after="In care?", disability="Young carer's own health needs",
                dod="If the young carer has died - date", inc_date="When it happened", la_aware="When the council found out",
                location="Where it happened", itype="What kind of incident", summary="What happened (in your own words)",
                police="Have the police been told?", crit1="Child died or seriously hurt?", crit2="Abuse or neglect suspected?",
                crit3="Lives in Lynford or Dale, or happened here?", crit4="Lessons for how services work together?",
                reason="Why you think a review could help", panel="Has the Panel been told?",
                panel_date="When was the Panel told?", agencies="Who else is working with the family",
                concerns="Is anyone at risk right now?"),
    not_asked={"legal_status", "dod"},
    decoys=[("Person cared for", "person"), ("Young Carers card no.", "id_card"),
            ("Date of young carer's needs assessment", "date"), ("Date of last activity session", "date")],
    itypes=["Death of a child", "Serious harm", "Other"],
)
S["caldervale_rail"] = dict(
    org="Caldervale Trains Ltd - Safeguarding and Vulnerability Team", short="Caldervale Trains",
    partnership="Calder Valley Safeguarding Children Partnership",
    title="Rail Safeguarding Notification - Child Safeguarding Practice Review", domain="caldervaletrains.co.uk",
    third="Not confirmed", yes="YES", no="NO", gender=["F", "M", "Other"],
    roles=["Safeguarding Coordinator", "Revenue Protection Inspector", "Station Manager", "Guard / Conductor"],
    leadroles=["Head of Safeguarding", "Safeguarding Lead (Rail)"], leadagency=["Caldervale Trains Ltd"],
    labels=dict(ref_name="Reporting colleague", ref_role="Grade / role", ref_agency="Depot / station",
                ref_email="Company email", ref_phone="Railway tel.", dor="Date of report",
                lead_name="Head of Safeguarding", lead_role="Post", lead_agency="Company", lead_email="Email (HoS)",
                lead_phone="Tel. (HoS)", discussed="Escalated to and agreed by the Head of Safeguarding?",
                name="Name of the child / young person", other_names="Name given on the day",
                dob="D.O.B.", age="Estimated age", gender="Sex (F / M / Other)", ethnicity="Ethnicity (if known)",
                address="Home address (if known)", school="School (if known)", gp="GP (if known)",
                legal_status="Legal status (if known)", cp_plan="CP plan (current or previous)?",
                open_to_csc="Known to children's social care?", looked_after="Looked after child?",
                disability="Disability", dod="Date of death (if applicable)", inc_date="Date of the rail incident",
                la_aware="Date LA children's services were told", location="Station / train / line location",
                itype="Incident category", summary="Incident narrative", police="BTP / police attended?",
                crit1="Death or serious harm?", crit2="Abuse or neglect known or suspected?",
                crit3="Local connection to Calder Valley?", crit4="Multi-agency learning?",
                reason="Rationale", panel="Panel notification made?", panel_date="Date of Panel notification",
                agencies="Agencies involved", concerns="Current risks / immediate actions"),
    not_asked={"ethnicity", "gp", "legal_status"},
    decoys=[("BTP crime ref.", "id_btp"), ("Train headcode", "id_headcode"), ("Travelling companion", "person"),
            ("Date of previous encounter on the network", "date"), ("CCTV retained until", "date")],
    itypes=["Child death", "Serious harm (to a child)", "Other serious incident"],
)
S["ashby_ehe"] = dict(
    org="Ashby Fields Council - Elective Home Education Team", short="Ashby Fields EHE",
    partnership="Ashby Fields Safeguarding Children Partnership",
    title="EHE Team - Referral for consideration of a Rapid Review", domain="ashbyfields.gov.uk",
    third="Awaiting information", yes="Yes", no="No", gender=["Female", "Male", "Other"],
    roles=["EHE Adviser", "Children Missing Education Officer", "Education Welfare Officer"],
    leadroles=["Head of Inclusion", "EHE and CME Manager"], leadagency=["Ashby Fields Council - Education"],
    labels=dict(ref_name="EHE adviser", ref_role="Post title", ref_agency="Team", ref_email="E-mail",
                ref_phone="Direct dial", dor="Date completed",
                lead_name="EHE / CME Manager", lead_role="Their post", lead_agency="Their service",
                lead_email="Their e-mail", lead_phone="Their direct dial", discussed="Manager consulted and in agreement?",
                name="Child's full name", other_names="Also known as", dob="Date of birth", age="Age",
                gender="Gender", ethnicity="Ethnicity", address="Home address (where education is provided)",
                school="Last school attended", gp="Registered GP", legal_status="Legal status",
                cp_plan="Has ever had a CP plan?", open_to_csc="Open to social care?", looked_after="Looked after child?",
                disability="SEND / EHCP", dod="Date of death", inc_date="Date of death / serious harm",
                la_aware="Date the LA became aware", location="Location", itype="Type of incident",
                summary="Summary of the case", police="Police involved?", crit1="Child has died or been seriously harmed?",
                crit2="Abuse or neglect known or suspected?", crit3="Child normally resident in Ashby Fields?",
                crit4="Learning for multi-agency practice?", reason="Reasons for referral",
                panel="Serious incident notification made to the Panel?", panel_date="Date of notification",
                agencies="Professionals involved", concerns="Immediate safeguarding concerns"),
    not_asked=set(),
    decoys=[("Date EHE notified (deregistration)", "date"), ("Date of last home visit", "date"),
            ("Parent providing education", "person"), ("UPN (previous school)", "id_upn"),
            ("Date of school attendance order", "date")],
    itypes=["Death of a child", "Serious harm to a child", "Death of a child in care",
            "Death of a care leaver (under 25)", "Other (please specify)"],
)
S["brightwell_therapies"] = dict(
    org="Brightwell Children's Therapies (speech and language, OT, physiotherapy) - Northmarsh Community NHS Trust",
    short="Brightwell Therapies", partnership="Northmarsh Safeguarding Children Partnership",
    title="Children's Therapies - Safeguarding case referral to the Partnership", domain="nhs.net",
    third="Not known", yes="Yes", no="No", gender=["Female", "Male", "Indeterminate"],
    roles=["Speech and Language Therapist (Band 6)", "Paediatric Occupational Therapist",
           "Children's Physiotherapist", "Therapy Assistant Practitioner"],
    leadroles=["Named Nurse for Safeguarding Children", "Safeguarding Children Specialist Practitioner"],
    leadagency=["Northmarsh Community NHS Trust"],
    labels=dict(ref_name="Therapist name", ref_role="Profession and band", ref_agency="Therapy service",
                ref_email="NHS.net address", ref_phone="Base telephone", dor="Date of referral",
                lead_name="Named safeguarding professional", lead_role="Designation", lead_agency="Trust",
                lead_email="Safeguarding email", lead_phone="Safeguarding team tel.",
                discussed="Supervision / advice from safeguarding team?", name="Patient name",
                other_names="Preferred name", dob="DOB", age="Age", gender="Sex", ethnicity="Ethnic category",
                address="Patient address", school="Nursery / school / setting", gp="GP practice",
                legal_status="Legal status", cp_plan="CP plan now or previously?", open_to_csc="Open to CSC?",
                looked_after="LAC?", disability="Diagnosis / additional needs", dod="Date of death",
                inc_date="Incident date", la_aware="Date LA aware", location="Place of incident",
                itype="Incident type", summary="Clinical summary / chronology", police="Police involvement?",
                crit1="Death or serious harm?", crit2="Abuse / neglect suspected?", crit3="Local connection?",
                crit4="Potential for multi-agency learning?", reason="Rationale for review",
                panel="Panel notified?", panel_date="Date notified", agencies="Other professionals",
                concerns="Immediate concerns"),
    not_asked={"legal_status"},
    decoys=[("NHS number", "id_nhs"), ("Date of first therapy appointment", "date"),
            ("Date of last DNA (was not brought)", "date"), ("Consultant paediatrician", "person")],
    itypes=["Death", "Serious harm", "Death of a looked after child", "Other"],
)
S["pathfinder_youth"] = dict(
    org="Pathfinder Youth Movement - County Safeguarding Team (uniformed youth organisation)",
    short="Pathfinder Youth", partnership="Wyke and Harrowdale Safeguarding Children Partnership",
    title="Uniformed Youth Safeguarding - Serious concern and review request", domain="pathfinderyouth.org.uk",
    third="Don't know", yes="Yes", no="No", gender=["Female", "Male", "Non-binary"],
    roles=["Group Leader (volunteer)", "District Safeguarding Officer", "Section Assistant"],
    leadroles=["County Safeguarding Lead", "National Safeguarding Manager"],
    leadagency=["Pathfinder Youth Movement"],
    labels=dict(ref_name="Volunteer / leader name", ref_role="Role in the movement", ref_agency="Group / district",
                ref_email="Contact e-mail", ref_phone="Contact phone", dor="Date filled in",
                lead_name="County Safeguarding Lead", lead_role="Lead's role", lead_agency="Lead's organisation",
                lead_email="Lead's e-mail", lead_phone="Lead's phone", discussed="Has the County Safeguarding Lead agreed?",
                name="Member's name", other_names="Nickname / other names", dob="Date of birth",
                age="Age (years)", gender="Gender", ethnicity="Ethnicity", address="Member's home address",
                school="School", gp="GP", legal_status="Legal status", cp_plan="On a CP plan (now or before)?",
                open_to_csc="Known to social care?", looked_after="Looked after?", disability="Additional needs",
                dod="Date of death", inc_date="Date of the incident", la_aware="Date the council was informed",
                location="Where (meeting place / camp / activity)", itype="Incident type", summary="What happened",
                police="Police contacted?", crit1="Has the child died or been seriously harmed?",
                crit2="Is abuse or neglect suspected?", crit3="Does the child live in Wyke or Harrowdale?",
                crit4="Is there learning for agencies?", reason="Why a review?", panel="National Panel informed?",
                panel_date="Date the Panel was informed", agencies="Other organisations involved",
                concerns="Risks now"),
    not_asked={"gp", "legal_status", "ethnicity"},
    decoys=[("Membership no.", "id_member"), ("Adult volunteer concerned", "person"),
            ("Date of camp / activity permit", "date"), ("Date volunteer suspended", "date")],
    itypes=["Death of a child", "Serious harm to a child", "Other"],
)
S["tallis_supported"] = dict(
    org="Tallis House Supported Accommodation (16-17 year olds)", short="Tallis House",
    partnership="Kingsferry Safeguarding Children Partnership",
    title="Supported Accommodation - Notifiable event and Rapid Review referral", domain="tallishouse.org.uk",
    third="Pending", yes="Yes", no="No", gender=["Female", "Male", "Other"],
    roles=["Key Worker", "Night Support Worker", "Senior Support Worker"],
    leadroles=["Registered Service Manager", "Operations Director"], leadagency=["Tallis House Ltd"],
    labels=dict(ref_name="Staff member", ref_role="Position", ref_agency="Service", ref_email="Work e-mail",
                ref_phone="Service phone", dor="Date of this referral",
                lead_name="Registered Service Manager", lead_role="RSM job title", lead_agency="Provider",
                lead_email="RSM e-mail", lead_phone="RSM phone", discussed="Agreed with the Registered Service Manager?",
                name="Young person", other_names="Aliases", dob="DOB", age="Age",
                gender="Gender", ethnicity="Ethnicity", address="Accommodation address", school="College / training",
                gp="GP", legal_status="Placement basis (s20 / s31 / CIN)", cp_plan="Ever on a CP plan?",
                open_to_csc="Allocated social worker?", looked_after="Looked after?", disability="Health / disability",
                dod="Date of death", inc_date="Date of event", la_aware="Date placing authority informed",
                location="Location of event", itype="Event type", summary="Account of the event",
                police="Police attended?", crit1="Death or serious harm?", crit2="Abuse or neglect suspected?",
                crit3="Local connection (placed in or from Kingsferry)?", crit4="Learning for partners?",
                reason="Our reasons", panel="Panel notified?", panel_date="Panel notified on",
                agencies="Professional network", concerns="Immediate safety planning"),
    not_asked={"cp_plan"},
    decoys=[("Personal adviser", "person"), ("Date moved in", "date"), ("Placement end date", "date"),
            ("Ofsted registration no.", "id_ofsted")],
    itypes=["Death of a looked after child", "Death of a care leaver aged 18 to 24", "Serious harm", "Other"],
)
S["riverbank_sexualhealth"] = dict(
    org="Riverbank Young People's Sexual Health Service", short="Riverbank Sexual Health",
    partnership="Eastholme Safeguarding Children Partnership",
    title="Sexual Health Service - Safeguarding referral for LCSPR / Rapid Review", domain="nhs.net",
    third="Unknown", yes="Y", no="N", gender=["Female", "Male", "Trans / non-binary"],
    roles=["Clinical Nurse Specialist", "Health Adviser", "Specialty Doctor (Sexual Health)"],
    leadroles=["Safeguarding Lead Nurse", "Lead Clinician for Young People"],
    leadagency=["Riverbank Sexual Health, Eastholme Hospitals NHS Trust"],
    labels=dict(ref_name="Clinician", ref_role="Job role", ref_agency="Clinic", ref_email="Secure e-mail",
                ref_phone="Clinic line", dor="Referral date",
                lead_name="Safeguarding lead", lead_role="Lead's title", lead_agency="Lead's service",
                lead_email="Lead's secure e-mail", lead_phone="Lead's direct line", discussed="Discussed with safeguarding lead (Y/N)",
                name="Client name", other_names="Name used in clinic", dob="DOB", age="Age stated",
                gender="Gender identity", ethnicity="Ethnicity", address="Address given", school="School / college",
                gp="GP", legal_status="Legal status", cp_plan="CP plan (past/present) (Y/N)",
                open_to_csc="Known to CSC (Y/N)", looked_after="LAC (Y/N)", disability="Learning disability / needs",
                dod="Date of death", inc_date="Date of incident", la_aware="Date LA aware",
                location="Location", itype="Type", summary="Summary", police="Police aware (Y/N)",
                crit1="Death / serious harm (Y/N)", crit2="Abuse or neglect suspected (Y/N)",
                crit3="Local connection (Y/N)", crit4="Multi-agency learning (Y/N)", reason="Reason",
                panel="Panel notified (Y/N)", panel_date="Date of Panel notification", agencies="Agencies",
                concerns="Immediate concerns"),
    not_asked={"school", "legal_status", "cp_plan", "looked_after"},
    decoys=[("Clinic number", "id_clinic"), ("Date of first attendance", "date"), ("Date of next appointment", "date"),
            ("Partner / accompanying adult", "person"), ("Spotting the Signs proforma completed on", "date")],
    itypes=["Serious harm to a child", "Death of a child", "Other"],
)
S["ashby_ehe"]["not_asked"] = {"legal_status"}
# ages (years at the incident) and whether several children on one form are siblings
AGES = {"merrow_licensing": (10, 17, True), "lynford_carers": (8, 17, True), "caldervale_rail": (9, 17, True),
        "ashby_ehe": (5, 16, True), "brightwell_therapies": (1, 11, True), "pathfinder_youth": (6, 17, False),
        "tallis_supported": (16, 17, False), "riverbank_sexualhealth": (13, 17, False)}
COLLEGES = ["Kingsferry College (Level 2 Construction)", "Eastholme Sixth Form College", "Not in education",
            "Harbourside Training (traineeship)", "Kingsferry College - ESOL"]
TOWNS = {"merrow_licensing": ["Merrowdown", "Merrow Cross"], "lynford_carers": ["Lynford", "Dale End"],
         "caldervale_rail": ["Calder Bridge", "Hebble Vale"], "ashby_ehe": ["Ashby Fields", "Ashby Magna"],
         "brightwell_therapies": ["Northmarsh", "Brightwell"], "pathfinder_youth": ["Wyke", "Harrowdale"],
         "tallis_supported": ["Kingsferry", "Kingsferry Quay"], "riverbank_sexualhealth": ["Eastholme", "Riverbank"]}
SENDERS = list(S)

ITYPE_CODE = {"Death of a child": "death", "Child death": "death", "Death": "death",
              "Serious harm to a child": "serious_harm", "Serious harm": "serious_harm",
              "Serious harm (to a child)": "serious_harm",
              "Death of a looked after child": "lac_death", "Death of a child in care": "lac_death",
              "Death of a care leaver (under 25)": "care_leaver_death",
              "Death of a care leaver aged 18 to 24": "care_leaver_death",
              "Other (please specify)": "other", "Other": "other", "Other serious incident": "other"}
OTHER_DETAILS = ["private hire journey - child left at roadside", "non-fatal strangulation",
                 "fabricated illness concern", "child found on the railway line", "online sexual exploitation"]

CHILD_KEYS = ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "dod"]
TRI = {"discussed", "cp_plan", "open_to_csc", "looked_after", "police", "crit1", "crit2", "crit3", "crit4", "panel"}
DATEKEYS = {"dor", "dob", "dod", "inc_date", "la_aware", "panel_date"}


class F:
    """One printed field: key, label, kind, printed value(s), chosen option."""
    def __init__(self, key, label, kind, value=None, options=None, chosen=None, decoy=False):
        self.key, self.label, self.kind, self.value = key, label, kind, value
        self.options, self.chosen, self.decoy = options, chosen, decoy

    @property
    def printed(self):
        """Text form of the answer (lines joined with newline; choice as the chosen word)."""
        if self.kind == "choice":
            return None if self.chosen is None else self.options[self.chosen]
        if self.kind in ("lines", "paras"):
            return None if not self.value else "\n".join(self.value)
        return self.value


def build_case(rnd, sender_key, n):
    """Return (case dict, record, notes)."""
    s = S[sender_key]
    L = s["labels"]
    notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": []}
    main_style = rnd.choice(list(DATE_STYLES))
    dob_style = rnd.choice([k for k in DATE_STYLES if k != main_style])
    if rnd.random() < 0.35:
        main_style = rnd.choice(NEW_STYLES)
    notes["date_style"], notes["dob_style"] = main_style, dob_style
    base = dt.date(2025, 6, 2) + dt.timedelta(days=rnd.randrange(0, 330))
    inc = base
    aware = inc + dt.timedelta(days=rnd.choice([0, 0, 1, 2, 3]))
    dor = aware + dt.timedelta(days=rnd.randrange(1, 6))
    fill = lambda: rnd.choice(["N/A", "-", "Not known", "n/a"])

    iso_of = {}

    def pdate(d, style=None):
        t = fmt_date(d, style or main_style)
        iso_of[t] = d.isoformat()
        return t

    fields = {}    # key -> F for non-child sections
    rec = {"form": "referral"}

    def text_field(key, value, blank_p=0.07, filler_p=0.05, allow=True):
        """Value or blank/filler; returns truth value."""
        if not allow:
            return None
        r = rnd.random()
        if r < blank_p:
            notes["blanks"].append(key)
            fields[key] = F(key, L[key], "text", None)
            return None
        if r < blank_p + filler_p:
            fv = fill()
            notes["fillers"].append(f"{key}={fv}")
            fields[key] = F(key, L[key], "text", fv)
            return None
        fields[key] = F(key, L[key], "text", value)
        return value

    def yn(key, store, p=(0.62, 0.22, 0.1, 0.06), lab=None):
        r = rnd.random()
        opts = [s["yes"], s["no"], s["third"]]
        if r < p[0]:
            c, t = 0, True
        elif r < p[0] + p[1]:
            c, t = 1, False
        elif r < p[0] + p[1] + p[2]:
            c, t = 2, None
            notes["third_option"].append(key)
        else:
            c, t = None, None
            notes["blanks"].append(key)
        f = F(key, lab or L[key], "choice", options=opts, chosen=c)
        store[key] = f
        return t

    # referrer
    first = rnd.choice(ADULT_F + ADULT_M)
    sur = rnd.choice(SURNAMES)
    ref_name = f"{first} {sur}"
    dom = s["domain"]
    ref_email_p = f"{first}.{sur}@{dom}".replace("'", "").replace(" ", "")
    if rnd.random() < 0.3:
        ref_email_p = ref_email_p[0].upper() + ref_email_p[1:]
    ref_phone = phone(rnd)
    dor_v = text_field("dor", pdate(dor), blank_p=0.04, filler_p=0)
    rec["date_of_referral"] = dor.isoformat() if dor_v else None
    r_name = text_field("ref_name", ref_name, 0, 0)
    r_role = text_field("ref_role", rnd.choice(s["roles"]))
    r_agency = text_field("ref_agency", s["short"] if rnd.random() < 0.5 else s["org"].split(" - ")[0], 0.04, 0)
    r_email = text_field("ref_email", ref_email_p, 0.06, 0.03)
    r_phone = text_field("ref_phone", ref_phone)
    rec["referrer"] = {"name": r_name, "role": r_role, "agency": r_agency,
                       "email": r_email.lower() if r_email else None,
                       "phone": digits_phone(r_phone) if r_phone else None}
    # lead
    lfirst, lsur = rnd.choice(ADULT_F + ADULT_M), rnd.choice(SURNAMES)
    lname = ("Dr " if rnd.random() < 0.15 else "") + f"{lfirst} {lsur}"
    l_name = text_field("lead_name", lname, 0.03, 0)
    l_role = text_field("lead_role", rnd.choice(s["leadroles"]))
    l_agency = text_field("lead_agency", rnd.choice(s["leadagency"]), 0.12, 0.04)
    le = f"{lfirst[0]}.{lsur}@{dom}".replace("'", "")
    if rnd.random() < 0.25:
        le = le.upper()
    l_email = text_field("lead_email", le, 0.1, 0.04)
    l_phone = text_field("lead_phone", phone(rnd), 0.1, 0.05)
    disc = yn("discussed", fields)
    rec["safeguarding_lead"] = {"name": l_name, "role": l_role, "agency": l_agency,
                                "email": l_email.lower() if l_email else None,
                                "phone": digits_phone(l_phone) if l_phone else None, "discussed": disc}

    # children
    nkids = 1 if rnd.random() < 0.5 else rnd.choice([2, 2, 3])
    family = rnd.choice(SURNAMES)
    house = f"{rnd.randrange(2, 180)} {rnd.choice(STREETS)}"
    if rnd.random() < 0.3:
        house = rnd.choice(FLATS) + "\n" + house
    town = rnd.choice(TOWNS[sender_key] + [rnd.choice(["Todholme", "Saltby", "Ingleford", "Marsden Vale"])])
    pc = f"{rnd.choice(['HX', 'LS', 'WF', 'BD', 'DN', 'HD'])}{rnd.randrange(1, 30)} {rnd.randrange(1, 9)}{rnd.choice('ABDEFGHJLNPQRSTUWXYZ')}{rnd.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    addr_lines = house.split("\n") + [town, pc]
    kids, kid_fields = [], []
    used_names = set()
    age_mode = rnd.random() < 0.3
    amin, amax, siblings = AGES[sender_key]
    if not siblings and nkids == 3:
        nkids = 2
    ages_y = sorted(rnd.sample(range(amin, amax + 1), nkids) if amax - amin + 1 >= nkids else [amin] * nkids,
                    reverse=True)
    if siblings and nkids > 1:
        ages_y = [min(amax, amin + 2 * (nkids - 1) + rnd.randrange(0, max(1, amax - amin - 2 * (nkids - 1) + 1)))]
        for k in range(1, nkids):
            ages_y.append(ages_y[-1] - rnd.choice([1, 2, 3]))
        ages_y = [max(0, a) for a in ages_y]
    for i in range(nkids):
        kf = {}
        g = rnd.choice(["female", "male"] if rnd.random() < 0.92 else ["other"])
        pool = FORENAMES_F if g == "female" else FORENAMES_M if g == "male" else FORENAMES_F + FORENAMES_M
        fn = rnd.choice([x for x in pool if x not in used_names])
        used_names.add(fn)
        sn = family if (i == 0 or (siblings and rnd.random() < 0.8)) else rnd.choice([x for x in SURNAMES if x != family])
        if rnd.random() < 0.12:
            sn = sn.upper()
        dob = inc - dt.timedelta(days=365 * ages_y[i] + rnd.randrange(20, 340))
        c = {k: None for k in ["name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                              "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]}
        c["name"] = f"{fn} {sn}"
        kf["name"] = F("name", L["name"], "name", (fn, sn))
        na = s["not_asked"]
        def ktext(key, val, bp=0.1, fp=0.06):
            if key in na:
                return None
            r = rnd.random()
            if r < bp:
                notes["blanks"].append(f"c{i+1}.{key}")
                kf[key] = F(key, L[key], "text", None)
                return None
            if r < bp + fp:
                fv = fill()
                notes["fillers"].append(f"c{i+1}.{key}={fv}")
                kf[key] = F(key, L[key], "text", fv)
                return None
            kf[key] = F(key, L[key], "text", val)
            return val
        c["other_names"] = ktext("other_names", rnd.choice([fn[:3] + "s", f"{fn} {rnd.choice(SURNAMES)}", "Bubba", "Kiki", "Lil " + fn[:4]]), 0.35, 0.2)
        if age_mode and (i == 0 or rnd.random() < 0.6):
            yrs = (inc - dob).days // 365
            av = rnd.choice([f"{yrs}", f"approx. {yrs}", f"{yrs} years", f"about {yrs}", f"{yrs} yrs"]) if yrs >= 1 \
                else rnd.choice([f"{max(1, (inc - dob).days // 30)} months", f"{max(1, (inc - dob).days // 7)} weeks"])
            kf["dob"] = F("dob", L["dob"], "text", rnd.choice([None, "Not known", "-", "Unknown"]) if rnd.random() < 0.8 else None)
            if kf["dob"].value == "Unknown":
                kf["dob"].value = "Not known"
            kf["age"] = F("age", L["age"], "text", av)
            c["age"] = av
            notes["ages"].append(f"c{i+1}={av}")
        else:
            kf["dob"] = F("dob", L["dob"], "text", pdate(dob, dob_style))
            c["dob"] = dob.isoformat()
            kf["age"] = F("age", L["age"], "text", rnd.choice([None, None, "N/A", str((inc - dob).days // 365)]))
            if kf["age"].value and kf["age"].value != "N/A":
                c["age"] = None  # age beside a date of birth is not recorded (shared convention)
                kf["age"].value = None
        gw = s["gender"]
        gi = {"female": 0, "male": 1, "other": 2}[g]
        if rnd.random() < 0.05:
            kf["gender"] = F("gender", L["gender"], "choice", options=gw, chosen=None)
            notes["blanks"].append(f"c{i+1}.gender")
        else:
            kf["gender"] = F("gender", L["gender"], "choice", options=gw, chosen=gi)
            c["gender"] = g
        c["ethnicity"] = ktext("ethnicity", rnd.choice(ETHNICITY))
        if i == 0 or (siblings and rnd.random() < 0.85) or sender_key == "tallis_supported":
            alines = list(addr_lines)
        else:
            alines = [f"{rnd.randrange(2, 90)} {rnd.choice(STREETS)}", town, pc]
        if rnd.random() < 0.08:
            kf["address"] = F("address", L["address"], "lines", None)
            notes["blanks"].append(f"c{i+1}.address")
        else:
            kf["address"] = F("address", L["address"], "lines", alines)
            c["address"] = ", ".join(alines)
        spool = COLLEGES if sender_key == "tallis_supported" else NURSERIES if ages_y[i] < 5 else SCHOOLS
        c["school"] = ktext("school", rnd.choice(spool))
        c["gp"] = ktext("gp", rnd.choice(GPS))
        c["legal_status"] = ktext("legal_status", rnd.choice(LEGAL), 0.15, 0.1)
        for k in ["cp_plan", "open_to_csc", "looked_after"]:
            if k in na:
                continue
            c[k] = yn(k, kf, p=(0.45, 0.35, 0.12, 0.08))
        c["disability"] = ktext("disability", rnd.choice(DISABILITY), 0.15, 0.12)
        kids.append(c)
        kid_fields.append(kf)
    # incident
    wts = {"serious_harm": 45, "death": 30, "lac_death": 8, "care_leaver_death": 6, "other": 14}
    itxt = rnd.choices(s["itypes"], weights=[wts[ITYPE_CODE[x]] for x in s["itypes"]])[0]
    code = ITYPE_CODE[itxt]
    other_detail = None
    if code == "other":
        other_detail = rnd.choice(OTHER_DETAILS)
    if rnd.random() < 0.08:
        itype_f = F("itype", L["itype"], "choice", options=s["itypes"], chosen=None)
        code = None
        notes["blanks"].append("itype")
    else:
        itype_f = F("itype", L["itype"], "choice", options=s["itypes"], chosen=s["itypes"].index(itxt))
    itype_f.other = other_detail if code == "other" else None
    notes["itype"], notes["itype_text"] = code, itxt if code else None
    if code in ("death", "lac_death", "care_leaver_death"):
        if "dod" not in s["not_asked"]:
            kid_fields[0]["dod"] = F("dod", L["dod"], "text", pdate(inc))
            kids[0]["date_of_death"] = inc.isoformat()
    for i, kf in enumerate(kid_fields):
        if "dod" not in s["not_asked"] and "dod" not in kf:
            kf["dod"] = F("dod", L["dod"], "text", rnd.choice([None, "N/A", "-"]))
    incf = {}
    fields_backup = fields
    fields = incf
    i_date = text_field("inc_date", pdate(inc), 0.05, 0)
    i_aware = text_field("la_aware", pdate(aware), 0.06, 0.03)
    i_loc = text_field("location", rnd.choice(LOCATIONS), 0.06, 0.03)
    incf["itype"] = itype_f
    cname = kids[0]["name"].split()[0]
    paras = [rnd.choice(SENDER_BITS[sender_key]).format(c=cname, d1=pdate(inc))]
    for b in rnd.sample(SUMMARY_BITS, rnd.randrange(1, 4)):
        sents = b.format(c=cname, d1=pdate(inc))
        if rnd.random() < 0.4:
            sents += " " + rnd.choice(SUMMARY_BITS).format(c=cname, d1=pdate(aware))
        paras.append(sents)
    incf["summary"] = F("summary", L["summary"], "paras", paras)
    police = yn("police", incf)
    fields = fields_backup
    rec["children"] = kids
    rec["incident"] = {"date": inc.isoformat() if i_date else None,
                       "date_la_aware": aware.isoformat() if i_aware else None,
                       "location": i_loc, "type": code, "summary": "\n\n".join(paras), "police_involved": police}
    critf = {}
    cr = {}
    for k, rk in [("crit1", "died_or_seriously_harmed"), ("crit2", "abuse_or_neglect_suspected"),
                  ("crit3", "local_connection"), ("crit4", "multi_agency_learning")]:
        cr[rk] = yn(k, critf, p=(0.7, 0.12, 0.12, 0.06))
    fields = critf
    cr["reason"] = text_field("reason", rnd.choice(REASONS), 0.05, 0)
    pn = yn("panel", critf, p=(0.45, 0.35, 0.12, 0.08))
    pdv = None
    if pn:
        pdd = dor - dt.timedelta(days=rnd.randrange(0, 2))
        pdv = text_field("panel_date", pdate(pdd, dob_style), 0.1, 0)
        pdv = pdd.isoformat() if pdv else None
    else:
        critf["panel_date"] = F("panel_date", L["panel_date"], "text", rnd.choice([None, "N/A", "-"]))
    rec["criteria"] = cr
    rec["panel_notified"] = pn
    rec["date_panel_notified"] = pdv
    # agencies
    arows = []
    if rnd.random() < 0.85:
        for a in rnd.sample(AGENCY_ROWS, rnd.randrange(1, 5)):
            arows.append(a)
    agf = F("agencies", L["agencies"], "agencies", arows)
    agf.none_text = rnd.choice(["None known", "None"]) if not arows else None
    rec["agencies_involved"] = [{"name": a[0], "agency": a[1], "contact": a[2]} for a in arows]
    fields = {}
    conc = text_field("concerns", rnd.choice(CONCERNS), 0.08, 0.04)
    concf = fields["concerns"]
    rec["immediate_concerns"] = conc
    fields = fields_backup
    # decoys (same for every child where per-family)
    dec = []
    for lab, kind in rnd.sample(s["decoys"], min(len(s["decoys"]), rnd.randrange(2, 4))):
        if kind == "date":
            v = pdate(inc + dt.timedelta(days=rnd.choice([-9, -3, -1, 1, 2, 4, 12])))
        elif kind == "person":
            v = f"{rnd.choice(ADULT_F + ADULT_M)} {rnd.choice(SURNAMES)}"
        else:
            v = {"id_licence": "PH/%05d" % rnd.randrange(99999), "id_plate": "MDC-%04d" % rnd.randrange(9999),
                 "id_card": "YC%06d" % rnd.randrange(999999), "id_btp": "BTP-%07d" % rnd.randrange(9999999),
                 "id_headcode": f"{rnd.randrange(1, 3)}{rnd.choice('DNTW')}{rnd.randrange(10, 99)}",
                 "id_upn": f"{rnd.choice('HJKLMN')}{rnd.randrange(10**10, 10**11)}",
                 "id_nhs": f"{rnd.randrange(400, 999)} {rnd.randrange(100, 999)} {rnd.randrange(1000, 9999)}",
                 "id_member": "PYM-%06d" % rnd.randrange(999999), "id_ofsted": "SA%07d" % rnd.randrange(9999999),
                 "id_clinic": "RB/%05d/%02d" % (rnd.randrange(99999), rnd.randrange(99))}[kind]
        dec.append(F("decoy", lab, "text", v, decoy=True))
        notes["decoys"].append(f"{lab}={v}")
    # sections
    sec_titles = {"ref": rnd.choice(["About you", "Person making the referral", "1. Referrer"]),
                  "lead": rnd.choice(["Safeguarding lead / manager", "Manager's agreement", "2. Safeguarding lead"]),
                  "child": "Child", "inc": rnd.choice(["The incident", "What happened", "Incident details"]),
                  "crit": rnd.choice(["Criteria for a Rapid Review", "Review criteria", "Why a review"]),
                  "ag": rnd.choice(["Agencies involved", "Other agencies", "Professional network"]),
                  "conc": rnd.choice(["Immediate concerns", "Safety now"])}
    order_ref = ["ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone", "dor"]
    order_lead = ["lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone", "discussed"]
    sections = [
        dict(id="ref", title=sec_titles["ref"], fields=[fields[k] for k in order_ref]),
        dict(id="lead", title=sec_titles["lead"], fields=[fields[k] for k in order_lead]),
    ]
    for i, kf in enumerate(kid_fields):
        order = [k for k in CHILD_KEYS if k in kf]
        fl = [kf[k] for k in order]
        sections.append(dict(id=f"child{i+1}", title=(f"Child {i+1}" if nkids > 1 else "The child"), fields=fl,
                             child=i))
    if dec:
        sections.append(dict(id="other", title=rnd.choice(["Other information", "For our records", "Additional details"]),
                             fields=dec))
    sections.append(dict(id="inc", title=sec_titles["inc"],
                         fields=[incf[k] for k in ["inc_date", "la_aware", "location", "itype", "summary", "police"]]))
    sections.append(dict(id="crit", title=sec_titles["crit"],
                         fields=[critf[k] for k in ["crit1", "crit2", "crit3", "crit4", "reason", "panel", "panel_date"]]))
    sections.append(dict(id="ag", title=sec_titles["ag"], fields=[agf]))
    sections.append(dict(id="conc", title=sec_titles["conc"], fields=[concf]))
    if code == "other":
        notes["itype_text"] = f"{itxt}: {other_detail}"
    ref = f"{''.join(w[0] for w in s['short'].split())}-SR{rnd.randrange(1, 9)}"
    review = pdate(dt.date(2024, rnd.randrange(1, 13), rnd.randrange(1, 28)))
    case = dict(sender=sender_key, s=s, sections=sections, nkids=nkids,
                marking=rnd.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE (when completed)", "CONFIDENTIAL"]),
                formref=ref, footer=f"{ref} - version {rnd.randrange(1, 5)}.{rnd.randrange(0, 9)} - reviewed {review}",
                guidance=(f"Send the completed form to {s['partnership'].split()[0].lower()}.scp@"
                          f"{s['partnership'].split()[0].lower()}-scp.example.gov.uk or call the partnership business unit "
                          f"on 0113 496 0{rnd.randrange(100, 999)}. Give dates as day, month, year "
                          f"(for example {pdate(dt.date(2015, 1, 1))}). Do not delay a referral to social care or the police."),
                main_style=main_style, dob_style=dob_style, iso_of=iso_of)
    notes["children"] = nkids
    notes["agencies"] = len(arows)
    return case, rec, notes


# ---------------------------------------------------------------- helpers for renderers
SPLIT = {"merrow_licensing": ("Forename(s)", "Surname"), "lynford_carers": ("First name", "Last name"),
         "caldervale_rail": ("Forename", "SURNAME"), "ashby_ehe": ("Legal forename(s)", "Legal surname"),
         "brightwell_therapies": ("Patient forename", "Patient surname"),
         "pathfinder_youth": ("Member's first name", "Member's surname"),
         "tallis_supported": ("First name", "Family name"), "riverbank_sexualhealth": ("Forename", "Surname")}
SURNAME_FIRST = {"caldervale_rail", "tallis_supported"}


def expand(case, split):
    """Sections with the child's name as one field or two; adds 'If other' field for the incident type
    when the layout lists options (done by the renderer through other_field)."""
    out = []
    s = case["sender"]
    for sec in case["sections"]:
        fl = []
        for f in sec["fields"]:
            if f.kind == "name":
                fn, sn = f.value
                if split:
                    a = F("forename", SPLIT[s][0], "text", fn)
                    b = F("surname", SPLIT[s][1], "text", sn)
                    fl += [b, a] if s in SURNAME_FIRST else [a, b]
                else:
                    fl.append(F("name", f.label, "text", f"{fn} {sn}"))
            else:
                fl.append(f)
        out.append(dict(sec, fields=fl))
    return out


def choice_word(f, with_other=True):
    if f.chosen is None:
        return None
    w = f.options[f.chosen]
    if with_other and getattr(f, "other", None):
        w = f"{w}: {f.other}"
    return w


def other_field(f):
    return F("itype_other", "If other, please specify", "text", getattr(f, "other", None))


def wrap(text, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return lines
