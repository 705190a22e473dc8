"""Invented people, places and events for the unseen6 forms, and the eight partnerships' wordings.

Every name, address and event is made up. Phone numbers are in the Ofcom drama ranges.
"""

from __future__ import annotations

FEMALE = ["Amelia", "Isla", "Freya", "Maisie", "Esme", "Poppy", "Niamh", "Zara", "Aaliyah", "Imogen", "Ruby",
          "Harriet", "Lacey", "Skye", "Orla", "Hafsa", "Tegan", "Willow", "Eilidh", "Kacey", "Nell", "Roisin",
          "Maryam", "Bethany", "Chantelle", "Jessamy", "Ffion", "Leah", "Aoife", "Precious"]
MALE = ["Jayden", "Alfie", "Callum", "Kai", "Reuben", "Ibrahim", "Finlay", "Tomasz", "Declan", "Ollie", "Musa",
        "Harvey", "Lewis", "Rory", "Ezra", "Kieran", "Bilal", "Lochlan", "Tyler", "Fraser", "Dominic", "Arlo",
        "Kofi", "Brandon", "Ruairidh", "Elliot", "Mikey", "Samir", "Jenson", "Hamish"]
SURNAMES = ["Ashcroft", "Okonkwo", "Pilkington", "McAlister", "Hussain", "Wozniak", "Threlfall", "Baptiste",
            "Greenhalgh", "Nwosu", "Fairbairn", "Kowalczyk", "Dunleavy", "Rahman", "Tattersall", "Quigley",
            "Mensah", "Brannigan", "Sutcliffe", "Achterberg", "Lockhart", "Chaudhry", "Pemberton", "Haddow",
            "Ferreira", "Gillespie", "Osei", "Redfern", "Mulholland", "Ballantyne", "Yilmaz", "Crossley",
            "Kerr", "Abernethy", "Prendergast", "Oyelaran", "Wainwright", "Strachan", "Ellwood", "Dobrev"]
ADULT_FIRST = ["Gillian", "Naveed", "Sian", "Marcus", "Deborah", "Rhys", "Agnieszka", "Paul", "Lorraine",
               "Chidi", "Fiona", "Graham", "Yasmin", "Stuart", "Helen", "Oluwaseun", "Moira", "Andrew",
               "Catriona", "Wesley", "Bernadette", "Imran", "Joanne", "Duncan", "Priya", "Colin", "Teresa",
               "Euan", "Nadia", "Trevor"]
ETHNICITIES = ["White British", "White - British", "White Irish", "White and Black Caribbean", "Pakistani",
               "Bangladeshi", "Black African", "Black Caribbean", "Indian", "White - any other White background",
               "Gypsy/Roma", "Mixed - White and Asian", "Chinese", "Any other ethnic group", "White Scottish",
               "Polish", "Arab", "Black British"]
DISABILITIES = ["Autism spectrum condition", "ADHD (diagnosed 2023)", "Cerebral palsy; uses a wheelchair",
                "Global developmental delay", "Type 1 diabetes", "Hearing impairment (bilateral aids)",
                "Epilepsy", "Speech and language delay", "Duchenne muscular dystrophy",
                "Severe learning disability, non-verbal", "EHCP - social, emotional and mental health needs",
                "Life-limiting condition (Batten disease)", "Spina bifida"]
LEGAL = {
    "england": ["Section 20 (accommodated)", "Interim Care Order", "Care Order (s31)", "Child in Need",
                "Section 25 Secure Accommodation Order", "Remanded to youth detention accommodation",
                "Private fostering arrangement", "Special Guardianship Order", "No order - lives with parents",
                "Placement Order"],
    "scotland": ["Compulsory Supervision Order", "Interim Compulsory Supervision Order",
                 "Section 25 (Children (Scotland) Act 1995) - accommodated", "Kinship care (Section 11 order)",
                 "Child Protection Order", "No statutory measures", "Permanence Order"],
}
INCIDENT_LOCATIONS = ["Family home", "At home, in the bathroom", "Canal towpath near Wharf Street",
                      "Bedroom at the placement address", "Leisure centre changing rooms", "Car park of Tesco Extra",
                      "Paediatric intensive care unit", "Grandmother's flat", "A&E department",
                      "Train station footbridge", "Hostel room, temporary accommodation", "Swimming pool",
                      "School playing field", "Woodland off the A61", "Secure unit, bedroom 4",
                      "Friend's house (address known to police)", "Beach below the promenade"]
SCHOOLS = ["St Bride's RC Primary School", "Hartside Academy", "Beechwood Nursery", "Moorfield High School",
           "Castlegate Primary", "Riverside Pupil Referral Unit", "Elm Bank Special School",
           "Kirkton Primary School", "Greenholme College", "Not in education (NEET)", "Little Acorns Day Nursery",
           "Home educated", "Linthorpe Community Primary", "Abbeyfield Secondary School", "Westmuir High School"]
GPS = ["Kelsall Road Medical Practice", "Dr Sandhu & Partners", "Parkview Surgery", "The Mill Medical Centre",
       "Harbour Health Centre", "Bridge Street Surgery", "Dr M. Akhtar, Fenside Medical Group",
       "Woodlands Family Practice", "Castle Wynd Health Centre", "Not registered"]
AGENCY_POOL = [
    ("Police", "PC 2143 Dawn Ingham"), ("Health visiting", "Rachel Hollis, health visitor"),
    ("Children's social care", "Ade Bankole, social worker"), ("School", "Mr K Doherty, DSL"),
    ("Community paediatrics", "Dr Ruth Ansell"), ("CAMHS", "Lisa Warrender"), ("Youth justice service", "Jon Pryce"),
    ("Midwifery", "Sue Atherton, community midwife"), ("Housing", "Meridian Homes - Karl Foy"),
    ("Adult mental health", "CPN Marie Doyle"), ("Drug and alcohol service", "Kyle Barnard"),
    ("Early help", "Family support worker Tamsin Cole"), ("Probation", "Gareth Lund"),
    ("Virtual school", "Denise Pratt"), ("Independent Reviewing Officer", "Helen Grey"),
]
AGENCY_NO_PERSON = ["Ambulance service", "Emergency Duty Team", "Coroner's office", "NSPCC helpline"]
PHONE_BASES = [("0161 496 0", 3), ("0113 496 0", 3), ("0114 496 0", 3), ("0115 496 0", 3), ("0117 496 0", 3),
               ("0121 496 0", 3), ("0131 496 0", 3), ("0141 496 0", 3), ("0151 496 0", 3), ("020 7946 0", 3),
               ("01632 960", 3), ("07700 900", 3), ("029 2018 0", 3)]

SUMMARY_OPENERS = [
    "{first} was brought into hospital by ambulance on {when} after {carer} found {obj} unresponsive.",
    "On {when} {first} disclosed to a member of staff that {pro} had been hit by {carer}.",
    "{first} was seen on {when} with bruising to the face and upper arms that could not be explained.",
    "Police were called to the address on {when} following reports of a disturbance; {first} was found alone.",
    "{first} was reported missing on {when} and was found the following morning with serious injuries.",
    "On {when} {first} took an overdose of prescribed medication and was admitted to the paediatric ward.",
    "{first} sustained a skull fracture on {when}; the explanation given by {carer} was not consistent.",
    "{first} died on {when}; the cause of death has not yet been confirmed by the pathologist.",
]
SUMMARY_MIDDLES = [
    "There had been {n} previous referrals to children's social care over the last two years, mostly about neglect and home conditions.",
    "The family had recently moved into the area and were not yet registered with a GP.",
    "School attendance had dropped to {pct}% this term and staff had raised concerns about weight loss.",
    "{carer_cap} has a history of alcohol misuse and there are reports of domestic abuse in the household.",
    "Missed health appointments were noted in the record; three paediatric appointments were not attended.",
    "The child had been going missing from placement overnight and there were concerns about exploitation.",
    "Professionals had differing views about the level of risk and the case was stepped down to early help in the spring.",
    "A strategy discussion was held and a section 47 enquiry started; a medical examination was arranged.",
    "There are concerns about how information was shared between the hospital, the GP and children's social care.",
]
SUMMARY_CLOSERS = [
    "{first} remains in hospital and is stable. Siblings are staying with a maternal aunt.",
    "A police investigation is ongoing and {carer} has been arrested and released on bail.",
    "The post-mortem is awaited. The coroner has opened an inquest.",
    "{first} has been discharged to foster carers under police protection.",
    "A multi-agency meeting has been arranged and all agencies have been asked to secure their records.",
]
REASONS = [
    "Several agencies knew about the family and there may be learning about how concerns were escalated.",
    "Neglect was known about for a long time; we think the threshold for a review is met.",
    "The child was looked after and there are questions about the placement and about missing episodes.",
    "Information about domestic abuse was not shared with health or school before the incident.",
    "Health, education and the police each held part of the picture and nobody had all of it.",
    "Referral made because abuse is suspected and the child lived in the area; learning about multi-agency working is likely.",
]
IMMEDIATE = [
    "Two younger siblings remain at home. A strategy meeting is booked and a safety plan is in place.",
    "None known at present.",
    "Other young people at the home have been offered support; staffing has been increased overnight.",
    "Siblings placed with grandparents under a section 20 agreement.",
    "The adult suspected has been bailed with conditions not to contact the children.",
    "Police protection used for the baby's half-brother; CSC visiting daily.",
]
DECOY_NAMES = ["Mrs Lynne Foulds", "Mr Dean Ashcroft", "Ms Sharon Pilling", "Dr Ewan Mair", "Mr Tariq Aziz",
               "Mrs Janet Brough", "Ms Kerry Blythe"]
