"""Invented people, places and narrative building blocks for plain26 (all fictional)."""

GIRLS = ["Amelia", "Isla", "Freya", "Maisie", "Layla", "Aisha", "Zara", "Poppy", "Evie", "Harper", "Nia", "Ruby",
         "Lily-Mae", "Ayesha", "Skye", "Kacey", "Tiana", "Ellie", "Mia", "Sofia", "Amira", "Hollie", "Chloe",
         "Oliwia", "Zuzanna", "Fatima", "Imani", "Bethany", "Keira", "Darcie", "Esme", "Rosie", "Hafsa", "Lacey"]
BOYS = ["Alfie", "Harley", "Mason", "Riley", "Kai", "Tyler", "Jayden", "Oscar", "Finley", "Reuben", "Bilal",
        "Ibrahim", "Kacper", "Leo", "Theo", "Callum", "Ellis", "Jenson", "Archie", "Tomasz", "Dylan", "Kian",
        "Rhys", "Mohammed", "Yusuf", "Logan", "Brody", "Zain", "Jack", "Noah", "Corey", "Ashton", "Hamza", "Ty"]
SURNAMES = ["Pritchard", "Okafor", "Whitlock", "Brennan", "Kowalczyk", "Haddow", "Sutcliffe", "Ahmed", "Greaves",
            "Mensah", "Doherty", "Fairclough", "Nwosu", "Hussain", "Atherton", "Costa", "Bailey-Ross", "McBride",
            "Pearce", "Rahman", "Walsh", "Ellison", "Szymanski", "Thorne", "Barraclough", "Osei", "Kaur",
            "Dunmore", "Holroyd", "Begum", "Farrell", "Lowther", "Adeyemi", "Marsh", "Quigley", "Stanton",
            "Iqbal", "Cartwright", "Nowak", "Gill", "Rowbotham", "Kerr", "O'Hagan", "Lisowski", "Brannigan"]
NICKNAMES = {"Amelia": "Millie", "Isla": "Izzy", "Freya": "Frey", "Lily-Mae": "Lily", "Zuzanna": "Zuzia",
             "Oliwia": "Oli", "Bethany": "Beth", "Alfie": "Alf", "Callum": "Cal", "Mohammed": "Mo",
             "Tomasz": "Tom", "Jenson": "Jen", "Archie": "Arch", "Ibrahim": "Ibby", "Kacper": "Kasper",
             "Reuben": "Rube", "Finley": "Finn", "Darcie": "Darce", "Esme": "Essie", "Harley": "Haz"}

PRO_FIRST = ["Sarah", "Joanne", "Priya", "Helen", "Claire", "Gemma", "Rachel", "Nadia", "Lorraine", "Kirsty",
             "Fiona", "Anita", "Deborah", "Mark", "Gareth", "Stuart", "Imran", "Neil", "Paul", "Tariq", "Adrian",
             "Colin", "Simon", "Owen", "Rebecca", "Katie", "Yvonne", "Louise", "Beverley", "Shabana", "Eleanor",
             "Martin", "Graham", "Dawn", "Tracey", "Emeka", "Siobhan", "Jonathan", "Carys", "Alison"]
PRO_LAST = ["Ridley", "Venkatesan", "Halse", "Roscoe", "Whitfield", "Barlow", "Entwistle", "Chaudhry", "Gaskell",
            "Bramley", "Okonjo", "Featherstone", "Pike", "Lomax", "Hebden", "Tranter", "Dewhurst", "Sowerby",
            "Mallinson", "Akhtar", "Cornforth", "Iveson", "Goodall", "Platt", "Rushworth", "Hinchliffe", "Mellor",
            "Quayle", "Nuttall", "Farrimond", "Ashworth", "Kilbride", "Ogden", "Pennock", "Tennant", "Wardle",
            "Yeadon", "Bairstow", "Duckworth", "Ingham"]

ETHNICITIES = ["White British", "White British", "White British", "White and Black Caribbean", "Pakistani",
               "Bangladeshi", "Black African", "Any other White background", "White - Polish", "White Irish",
               "Gypsy/Roma", "Indian", "Mixed - White and Asian", "Black Caribbean", "Chinese", "Arab",
               "Mixed - White and Black African", "Traveller of Irish heritage"]

AREAS = {
    "wrayford_cic": {"towns": ["Wrayford", "Wrayford Marsh", "Kelston", "Bramwith"], "pc": "WY",
                     "streets": ["Mallard Close", "Tannery Row", "Kelston Road", "Orchard Way", "Beck Lane",
                                 "Chantry Walk", "Spinners Court", "Rosemary Drive"],
                     "hospital": "Wrayford General Hospital", "phone": ("01632", "960", 3),
                     "schools": ["Kelston Primary School", "St Bede's RC Primary School", "Wrayford Academy",
                                 "Bramwith Church of England Primary", "Marsh Lane Nursery", "Wrayford High School"],
                     "gps": ["Kelston Medical Centre", "Abbey Lane Surgery", "Dr Okoro and Partners, Marsh Road",
                             "Bramwith Health Centre"],
                     "la": "Wrayford Borough Council"},
    "cresswell_asc": {"towns": ["Cresswell", "Thurlstone Bridge", "Ecclesby", "Marrow End"], "pc": "CQ",
                      "streets": ["Laburnum Grove", "Station Road", "Pit Lane", "Coronation Street", "Hawthorn Rise",
                                  "Millfield Avenue", "Quarry Bank", "The Crescent"],
                      "hospital": "Cresswell Royal Infirmary", "phone": ("0116", "496 0", 3),
                      "schools": ["Ecclesby Infant School", "Thurlstone Bridge Primary", "Cresswell Community College",
                                  "Little Wrens Day Nursery", "Marrow End Junior School"],
                      "gps": ["Thurlstone Surgery", "Ecclesby Medical Practice", "Cresswell Health Centre"],
                      "la": "Cresswell County Council"},
    "eskmoor_scu": {"towns": ["Eskmoor", "Dunsby", "Harlby", "Skelling"], "pc": "EQ",
                    "streets": ["Moorside Road", "Harlby Lane", "Greenfield Terrace", "Ings Road", "Church Bank",
                                "Westgate", "Beckside", "Sycamore Avenue"],
                    "hospital": "Eskmoor District Hospital", "phone": ("0114", "496 0", 3),
                    "schools": ["Dunsby Primary Academy", "Harlby St Mary's CE Primary", "Eskmoor Academy",
                                "Skelling Village School", "Dunsby High School"],
                    "gps": ["Dunsby Surgery", "Eskmoor Group Practice"], "la": "Eskmoor Council"},
    "fennick_special": {"towns": ["Fennick", "Vale Cross", "Oxhill", "Brindon"], "pc": "FV",
                        "streets": ["Linnet Way", "Canal Side", "Brindon Road", "Hollybush Lane", "Willow Court",
                                    "Meadow View", "Foundry Street", "Cherry Tree Close"],
                        "hospital": "Fennick Vale University Hospital", "phone": ("0121", "496 0", 3),
                        "schools": ["Fennick Hill School"], "gps": ["Vale Cross Surgery", "Oxhill Medical Centre",
                                                                    "Brindon Family Practice"],
                        "la": "Fennick Vale Council"},
    "ashlea_refuge": {"towns": ["Tollerby", "Tollerby Moor", "Askam Green", "Wick End"], "pc": "TY",
                      "streets": ["Bridge Street", "Askam Road", "Clough Lane", "Victoria Terrace", "Lark Rise",
                                  "Nelson Street", "Mill Brow", "Whitebeam Close"],
                      "hospital": "Tollerby General Hospital", "phone": ("0161", "496 0", 3),
                      "schools": ["Askam Green Primary School", "Tollerby Moor Academy", "Wick End Nursery School",
                                  "St Oswald's CE Primary", "Tollerby College"],
                      "gps": ["Wick End Surgery", "Tollerby Moor Medical Practice", "Askam Green Health Centre"],
                      "la": "Tollerby Metropolitan Borough Council"},
    "aldmere_paeds": {"towns": ["Aldmere", "Holt", "Sedgeley Cross", "Brackwell"], "pc": "AQ",
                      "streets": ["Parkfield Road", "Holt Lane", "Kingfisher Drive", "Gorse Avenue", "Tanners Yard",
                                  "Brackwell Road", "Clover Court", "Elm Bank"],
                      "hospital": "Aldmere General Hospital", "phone": ("0115", "496 0", 3),
                      "schools": ["Holt Primary School", "Sedgeley Cross Infants", "Aldmere Academy",
                                  "Brackwell Pre-School", "St Anne's Catholic Primary"],
                      "gps": ["Holt Medical Practice", "Sedgeley Cross Surgery", "Aldmere Health Centre"],
                      "la": "Aldmere City Council"},
}

DISABILITIES = ["Autism (diagnosed 2023)", "Global developmental delay", "ADHD; awaiting autism assessment",
                "Type 1 diabetes", "Hearing impairment - bilateral hearing aids", "Epilepsy (on medication)",
                "Speech and language delay", "Cerebral palsy - uses a wheelchair", "Learning disability",
                "Asthma and eczema", "Anxiety; under CAMHS"]
SPECIAL_NEEDS = ["Severe learning difficulty (SLD)", "Autism and severe learning difficulty",
                 "Profound and multiple learning difficulties (PMLD)", "Cerebral palsy; PMLD; gastrostomy fed",
                 "Down syndrome; SLD", "Autism, non-verbal, uses PECS", "SLD and epilepsy"]
LEGAL_LAC = ["Section 20", "Interim care order", "Care order (s31)", "Full care order", "Placement order",
             "Interim care order (s38)"]
LEGAL_OTHER = ["Child arrangements order (lives with father)", "Special guardianship order",
               "Child arrangements order - lives with maternal grandmother"]

AGENCY_KINDS = [  # (agency template, role, contact kind)
    ("{la} Children's Social Care", "Social Worker", "phone"),
    ("{la} Children's Social Care - Assessment Team", "Social Worker", "phone"),
    ("Health Visiting Service", "Health Visitor", "phone"),
    ("School Nursing", "School Nurse", "phone"),
    ("{school}", "Designated Safeguarding Lead", "email"),
    ("CAMHS", "Clinical Psychologist", "phone"),
    ("Youth Justice Service", "Case Manager", "phone"),
    ("{la} Housing Options", "Housing Officer", "email"),
    ("{gp}", "GP", "phone"),
    ("Police - Child Abuse Investigation Team", "Detective Constable", "email"),
    ("Early Help Team", "Family Support Worker", "phone"),
    ("Drug and Alcohol Service (adults)", "Recovery Worker", "phone"),
    ("Community Midwifery", "Midwife", "phone"),
    ("Probation Service", "Probation Officer", "email"),
]

# Incident paragraphs by incident type: (youngest age, oldest age, "other" detail or None, text).
# Placeholders: {C} {CF} {he} {He} {his} {His} {him} {loc} {hosp} {parent} {partner} {when} {age}
INCIDENT = {
    "death": [
        (0, 17, None, "{CF} was found unresponsive at {loc} {when}. Paramedics attended and {he} was taken to {hosp}, "
         "where {he} was pronounced dead a short time later."),
        (0, 17, None, "{C} died at {hosp} {when} after being brought in by ambulance from {loc}. The cause of death "
         "is not yet known and a post-mortem examination has been arranged."),
        (0, 6, None, "{parent} called 999 {when} to say that {C} was not breathing. {C} could not be resuscitated. "
         "Police attended {loc} and found the home in a very poor state."),
        (12, 17, None, "{CF} was found hanged at {loc} {when}. {He} had told a friend the week before that {he} "
         "was frightened to go home."),
    ],
    "serious_harm": [
        (0, 17, None, "{CF} was taken to {hosp} {when} with injuries that the treating team do not think were "
         "accidental, including bruising of different ages and a fracture."),
        (0, 12, None, "{C} was admitted to {hosp} {when} after being found at {loc} in a very neglected state: "
         "underweight, dehydrated and with untreated burns to {his} hand."),
        (0, 17, None, "{C} was seriously assaulted at {loc} {when}. {He} suffered a head injury and remains in "
         "hospital. {partner} has been arrested."),
        (11, 17, None, "{C} took a large overdose of {parent}'s medication {when} and needed intensive care at "
         "{hosp}."),
    ],
    "lac_death": [
        (12, 17, None, "{C}, who is looked after by the local authority, died {when} at {loc}. {He} had been "
         "missing from the placement for two days before {he} was found."),
        (0, 17, None, "{CF} died at {hosp} {when}. {He} had been living at {loc} and was looked after under a "
         "care order."),
    ],
    "care_leaver_death": [
        (18, 24, None, "{CF}, a care leaver aged {age}, was found dead at {loc} {when}. {He} had been living there "
         "since leaving care and had a personal adviser."),
        (18, 24, None, "{C} (care leaver, {age}) died {when} at {hosp} after being found collapsed at {loc}. "
         "Drug use is suspected."),
    ],
    "other": [
        (4, 17, "domestic homicide - child present",
         "{C} was present {when} when {partner} fatally assaulted {parent} at {loc}. {C} was not physically hurt "
         "but saw what happened and ran to a neighbour for help."),
        (12, 17, "child found at an address linked to county lines",
         "{C} was found {when} at an address in another area with adults who are not related to {him}; there are "
         "concerns about criminal exploitation. {He} was not injured."),
        (3, 15, "unnotified private fostering arrangement",
         "{C} has been living with a family friend for about three months in what appears to be a private "
         "fostering arrangement that was never notified. Concerns came to light {when}."),
        (8, 17, "child harmed by another child",
         "{C} was involved in a serious incident at {loc} {when} in which another child was badly hurt. The "
         "circumstances are still being established."),
        (11, 17, "near-fatal overdose",
         "{C} was found {when} after taking tablets and alcohol. {He} recovered after treatment at {hosp}; this is "
         "the third such episode this year."),
    ],
}

# Police collision versions (eskmoor_scu)
INCIDENT_ROAD = {
    "death": [
        (0, 17, None, "{CF} was a rear-seat passenger in a car that left the road at {loc} {when}. {He} was not "
         "wearing a seatbelt or child restraint and died at the scene. The driver, {parent}, failed a roadside "
         "breath test."),
        (5, 17, None, "{C} was struck by a vehicle at {loc} {when} while walking alone at about 01:30. {He} died "
         "of {his} injuries at {hosp}."),
    ],
    "serious_harm": [
        (0, 17, None, "{CF} was seriously injured at {loc} {when} when the car {he} was travelling in, driven by "
         "{partner}, collided with a lorry. {He} was unrestrained in the front seat and has a spinal injury."),
        (3, 17, None, "{C} was thrown from a quad bike being ridden by an adult on the road at {loc} {when}. {He} "
         "has a serious head injury and is in intensive care at {hosp}."),
    ],
    "lac_death": [
        (12, 17, None, "{C}, a looked after child, died {when} as a passenger in a stolen car that crashed at "
         "{loc}. The driver, aged 17, ran from the scene."),
        (0, 17, None, "{CF}, who was looked after, died {when} when the car {he} was travelling in with {his} "
         "birth mother during unsupervised contact left the road at {loc}."),
    ],
    "care_leaver_death": [
        (18, 24, None, "{CF} (care leaver, {age}) died at {loc} {when} when the motorcycle {he} was riding without "
         "a licence collided with a van."),
    ],
    "other": [
        (0, 17, "drink-driving with unrestrained child",
         "{C} was in the car when {parent} was arrested for drink driving at {loc} {when}. There was no collision "
         "but {C}, aged {age}, was unrestrained and the car was travelling at over 90 mph."),
        (0, 17, "child witnessed a fatal collision",
         "{C} was a passenger in a car involved in a fatal collision at {loc} {when}. {C} was not injured but "
         "the driver, {parent}, has been charged and {C} is now being cared for by relatives."),
    ],
}

BACKGROUND = [
    "The family have been known to services for several years. There were previous concerns about neglect, "
    "home conditions and school attendance.",
    "{parent} has a history of depression and alcohol misuse. There have been three police call-outs to the "
    "address for domestic abuse in the last year.",
    "The children were the subject of child protection plans under the category of neglect until last spring, "
    "when the plans ended and the case stepped down to early help.",
    "Agencies have struggled to engage the family. Several health appointments were missed and a planned home "
    "visit last month did not take place.",
    "There is a history of domestic abuse between {parent} and {partner}, including an incident in which {C} "
    "was hurt while in {parent}'s arms.",
]

INVOLVEMENT = {
    "wrayford_cic": [
        "Our team completed {C}'s review health assessment a few months ago. The nurse noted weight loss, missed "
        "dental and optician appointments and that {C} seemed withdrawn; this was shared with the social worker.",
        "{C} was seen for an initial health assessment when {he} came into care. Concerns about the placement "
        "were raised by the Children in Care nurse at the last looked after review.",
    ],
    "cresswell_asc": [
        "Adult Social Care have supported {parent} since a Care Act assessment last year; {parent} has a "
        "learning disability and receives a package of home care. Carers had reported that the children were "
        "often left alone and that there was little food in the house.",
        "Our involvement is with {parent}, who has significant mental health needs. A carer from the domiciliary "
        "agency raised concerns about the children a week before the incident; these were passed to the MASH.",
    ],
    "eskmoor_scu": [
        "SCIU officers attended the scene and have seized the vehicle for examination. A family liaison officer "
        "has been deployed to the family.",
        "Enquiries are ongoing. The investigation is being led by the Serious Collision Investigation Unit with "
        "support from the Public Protection Unit.",
    ],
    "fennick_special": [
        "{C} attends Fennick Hill School. Staff had noticed that {he} was often hungry, came to school in the "
        "same clothes and had missed a number of days this term. These concerns were logged and discussed with "
        "the DSL.",
        "{C} is non-verbal and relies on adults for all personal care. School staff recorded unexplained "
        "bruising on two occasions last term and made a referral to the MASH on the second occasion.",
    ],
    "ashlea_refuge": [
        "{parent} and the children came to the refuge after fleeing domestic abuse. Our children's worker has "
        "been seeing {C} weekly. Since moving to a new tenancy {parent} has had contact with {partner} again.",
        "We supported the family in our outreach service. {parent} told her support worker that {partner} had "
        "started visiting the house again, and that she was frightened of him.",
    ],
    "aldmere_paeds": [
        "{C} was seen in the child protection medical clinic at the Child Development Centre at the request of "
        "children's social care. Findings: multiple bruises to the face, ears and back of different ages; "
        "no medical explanation. Skeletal survey requested.",
        "Examination findings were consistent with inflicted injury. The explanation given by {parent} (a fall "
        "from the sofa) does not account for the pattern of injuries seen.",
    ],
}

AFTER = {
    "died": [
        "A strategy discussion was held and section 47 enquiries are under way for the other children in the "
        "household, who are staying with their maternal grandmother.",
        "Police have opened an investigation. The coroner has been informed and the family are being supported "
        "by children's social care.",
        "The surviving siblings are safe and are living with relatives while enquiries continue.",
    ],
    "harmed": [
        "A strategy discussion was held and section 47 enquiries are under way.",
        "Police have opened an investigation. The family are being supported by children's social care.",
        "Children's social care have convened a strategy meeting and a child protection medical has been "
        "completed.",
    ],
    "other": [
        "A strategy discussion was held and children's social care are completing an assessment.",
        "Police have been informed. The family are being supported by children's social care.",
    ],
}

REASONS = [
    "{C} has {outcome} and there are indications that abuse or neglect was a factor. Several agencies were "
    "involved with the family and there may be learning about how information was shared.",
    "There were missed opportunities: concerns were raised by more than one agency but the case was stepped "
    "down. We think a Rapid Review would help the partnership understand why.",
    "The criteria appear to be met. Abuse is suspected and health, education and children's social care were "
    "all involved with the family before the incident.",
    "Multi-agency working around the family was not joined up; in particular, adult services and children's "
    "services held different information about the risks at home.",
]

CONCERNS = [
    "The siblings are safe with their grandmother under a safety plan. No contact with {partner}.",
    "{partner} is on police bail with conditions not to contact the family. The other children are staying "
    "with an aunt.",
    "There is a younger sibling in the household. Children's social care are completing an assessment and a "
    "safety plan is in place.",
    "Other children attending the same setting may be at risk; this has been passed to the LADO.",
    "No other children are thought to be at risk at present; the safety plan for the household is being "
    "reviewed by children's social care.",
]

CARE_PROVIDERS = ["Bluebell Home Care Ltd", "Castlegate Care Services", "Heartwood Homecare", "Fairway Care Agency"]
