"""Invented names, places and answer pools (every person and address is made up)."""

GIRLS = ["Amelia", "Isla", "Freya", "Poppy", "Evie", "Ruby", "Maisie", "Lily-Mae", "Aisha", "Zara", "Hollie", "Keira",
         "Nevaeh", "Skye", "Imogen", "Esme", "Tilly", "Layla", "Harper", "Ava", "Mia", "Darcie", "Maryam", "Sienna",
         "Amira", "Phoebe", "Willow", "Lexi", "Jessica", "Courtney", "Chloe", "Precious", "Ellie-Rose", "Niamh",
         "Kacey", "Roxanne", "Alesha", "Bethany", "Orla", "Hafsa"]
BOYS = ["Noah", "Leo", "Alfie", "Harley", "Tyler", "Kai", "Jayden", "Reggie", "Mason", "Callum", "Rhys", "Kian",
        "Yusuf", "Ibrahim", "Oscar", "Archie", "Lucas", "Riley", "Tommy", "Finley", "Bobby", "Ezra", "Jenson",
        "Dexter", "Mohammed", "Ayaan", "Logan", "Brodie", "Connor", "Declan", "Kyle", "Jamal", "Theo", "Ollie",
        "Marley", "Caden", "Luca", "Harvey", "Rory", "Zac"]
NEUTRAL = ["Charlie", "Jordan", "Alex", "Sam", "Robin", "Rowan", "Morgan", "Jesse"]
SURNAMES = ["Pritchard", "Holloway", "Okafor", "Brennan", "Whitlock", "Kowalski", "Ashworth", "Donnelly", "Farrant",
            "Mbeki", "Catterall", "Rahman", "Sheridan", "Lomax", "Gallacher", "Thorburn", "Nwosu", "Pennock",
            "Adeyemi", "Hargreaves", "McAllister", "Dobrev", "Critchley", "Yeung", "Kershaw", "Hussain", "Bellamy",
            "Quigley", "Ostrowski", "Sandhu", "Tweddle", "Fairbairn", "Achterberg", "Moloney", "Raine", "Begum",
            "Stainthorpe", "Coyle", "Mensah", "Varley", "O'Rourke", "Delaney", "Iqbal", "Furness", "Harrop",
            "Szymanski", "Ellwood", "Baptiste", "Crowther", "Nakamura"]
ADULT_FIRST = ["Joanne", "Michelle", "Gareth", "Stephen", "Kerry", "Lisa", "Darren", "Farida", "Helen", "Paul",
               "Sarah", "Jonathan", "Amanda", "Nicola", "Rebecca", "Andrew", "Claire", "Imran", "Priya", "Martin",
               "Louise", "Deborah", "Colin", "Shabana", "Wendy", "Graham", "Natalie", "Emma", "Richard", "Tanya",
               "Oluwaseun", "Bronwen", "Fiona", "Marcus", "Gillian", "Hannah", "Karl", "Aleksandra", "Sunita",
               "Duncan", "Yvonne", "Ross", "Catherine", "Ian", "Jasmine", "Neil", "Abigail", "Tariq", "Megan", "Vikram"]
ADULT_SUR = ["Whitworth", "Brookes", "Hendry", "Lightfoot", "Asante", "Pemberton", "Kirkham", "Dalgleish", "Mistry",
             "Fenwick", "Oduya", "Rowntree", "Carver", "Iliffe", "Sowerby", "Pickles", "Chaudhry", "Garside", "Maddox",
             "Thwaite", "Aspinall", "Horsfall", "Lund", "Blackledge", "Ogunleye", "Rigby", "Sutcliffe", "Tennant",
             "Wadsworth", "Yarwood", "Emsley", "Gorton", "Kennaway", "Naylor", "Prosser", "Radcliffe", "Stott",
             "Urquhart", "Verity", "Winstanley", "Zielinski", "Bhatti", "Crabtree", "Duckworth", "Entwistle",
             "Fothergill", "Greenhalgh", "Hartley", "Ingham", "Jowett"]

STREETS = ["Wheatfield Road", "Larch Close", "Cobden Street", "Riverside Walk", "Mill Lane", "Harebell Court",
           "Victoria Terrace", "Station Approach", "Kestrel Drive", "Brunswick Street", "Peel Avenue",
           "Orchard Way", "Ashgrove", "Canal Side", "Foundry Lane", "Hawthorn Crescent", "Queen's Road",
           "Moorside View", "Tannery Row", "Beacon Rise", "Chapel Fold", "Sycamore Grove", "Marsh Lane",
           "Linnet Way", "Coronation Street", "Beechwood Road", "Fell View", "Harbour Road"]
BLOCKS = ["Flat 3, Calder House", "Flat 12, Linden Court", "Flat 7, The Maltings", "Flat 2B, Regent House",
          "Room 4, Ashby Lodge", "Flat 19, Parkside Tower", "Flat 1, Canning Court"]

ETHNICITY_PLAIN = ["White British", "White British", "White British", "Mixed - White and Black Caribbean",
                   "Asian or Asian British - Pakistani", "Black or Black British - African", "White - Polish",
                   "Any other White background", "Asian or Asian British - Bangladeshi",
                   "Mixed - White and Asian", "White Irish", "Gypsy / Roma", "Black or Black British - Caribbean",
                   "Any other mixed background", "Chinese"]
ETHNICITY_POLICE = ["IC1 - White European", "IC1 - White European", "IC1 - White European",
                    "IC3 - Black", "IC4 - Asian", "IC2 - Mediterranean", "IC6 - Arab", "IC9 - Unknown"]
ETHNICITY_NHS = ["A - White British", "A - White British", "A - White British", "C - Any other White background",
                 "H - Indian", "J - Pakistani", "K - Bangladeshi", "M - Black Caribbean", "N - Black African",
                 "D - White and Black Caribbean", "Z - Not stated"]

LEGAL = ["CIN (s17)", "Child Protection Plan", "Looked after - s20", "Looked after - interim care order (s38)",
         "Care order (s31)", "None", "No order", "Child in Need", "Section 20", "Subject to PLO (pre-proceedings)"]
LEGAL_NNU = ["None", "Interim care order (s38)", "s20 accommodation agreed", "EPO granted", "No order - pre-birth CP plan",
             "None at present"]

DISABILITY = ["Autism (diagnosed)", "ADHD - on medication", "Global developmental delay",
              "Cerebral palsy, PEG fed", "Epilepsy", "None known", "No known disability",
              "Speech and language delay", "SEN support - literacy", "EHCP - social, emotional and mental health",
              "Type 1 diabetes", "Severe asthma", "Hearing impairment (bilateral aids)", "Learning disability (moderate)"]
DISABILITY_CCN = ["Cerebral palsy (GMFCS IV), gastrostomy fed", "Complex epilepsy, long-term ventilation overnight",
                  "Tracheostomy; chronic lung disease of prematurity", "Duchenne muscular dystrophy",
                  "Type 1 diabetes on insulin pump", "Life-limiting condition - palliative care plan",
                  "Short bowel syndrome, home TPN", "Severe eczema and food allergies"]
DISABILITY_NNU = ["Extreme prematurity (26 weeks)", "Neonatal abstinence syndrome", "Hypoxic ischaemic encephalopathy",
                  "Chronic lung disease of prematurity", "None known", "Bilateral subdural haemorrhages",
                  "Born at 31 weeks, low birth weight"]
DISABILITY_ONLINE = ["Anxiety and low mood", "Diagnosed with autism", "Eating difficulties", "Self-harm (cutting)",
                     "None mentioned", "ADHD", "PTSD symptoms (self-reported)"]

GP_PRACTICES = ["{town} Medical Practice", "Riverside Surgery", "The Limes Health Centre", "Beacon Family Practice",
                "Millgate Surgery", "Park View Medical Centre", "Dr Okoro and Partners", "Church Street Surgery",
                "Harbourside Health", "Northgate Medical Group"]

SCHOOLS = {
    "harnfold_npt": ["Harnfold Academy", "St Wilfrid's RC Primary", "Cowlam Bridge Primary School",
                     "Sedgecote High School", "Harnfold Community College", "Ellerdyne PRU (Oakfield Centre)"],
    "wexbury_ccn": ["Brannock Special School", "Wexbury Green Primary", "Little Acorns Nursery (Wexbury)",
                    "St Saviour's CE Primary", "Wexbury Park School", "Brannock Rise Academy"],
    "ravelstone_cpchairs": ["Thornhill Vale Primary School", "Ravelstone Cross Academy", "Millbeck Nursery School",
                            "St Oswin's Catholic High School", "Ravelstone Studio School", "Millbeck Junior School"],
    "tarrow_edsafe": ["Port Tarrow High School", "Saltney Bay Primary School", "Kirk Orrell Primary",
                      "Tarrow Sound School", "St Brigid's Primary School", "Isle of Tarrow College"],
    "talkwell_online": ["Sandalwick College", "Orrinsby Academy", "Sandalwick High School", "The Moor School",
                        "Orrinsby Sixth Form", "not attending (home educated)"],
    "ottersley_nnu": [],
}

WARDS = ["Harnfold Central", "Cowlam Bridge North", "Sedgecote & Moor End", "Harnfold East / Beat 4",
         "Town Centre Beat 2"]
PROVIDERS = ["Wexbury Homecare Nursing Ltd", "Complex Care at Home (Brannock)", "Community equipment service (Wexbury)",
             "None - parents provide all care"]
YEARS = ["Year 2", "Year 4", "Year 6", "Year 7", "Year 8", "Year 9", "Year 10", "Year 11", "Reception"]
SESSIONS = ["3", "5", "7", "12", "2 (chat only)", "9"]
GESTATION = ["26+3 weeks", "29+1 weeks", "31+5 weeks", "34+0 weeks", "37+2 weeks", "40+1 weeks", "24+6 weeks"]
WEIGHTS = ["820 g", "1.24 kg", "1.61 kg", "2.2 kg", "2,950 g", "3.1 kg", "960 g"]
USERNAMES = ["quietstorm_22", "bluejay.xo", "nightowl2010", "pixelfox", "starling_k", "moonwalker14", "sk8rgrl"]

# agency rows: (agency, person_title_pool, contact_domain)
AGENCY_POOL = {
    "harnfold_npt": [("Ellerdyne County Council Children's Social Care", "ellerdyne.gov.uk"),
                     ("Ellerdyne MASH", "ellerdyne.gov.uk"), ("Harnfold Academy", "harnfoldacademy.org.uk"),
                     ("Ellerdyne 0-19 Service (health visiting)", "nhs.net"),
                     ("Ellerdyne Police - Child Abuse Investigation Unit", "ellerdyne.police.uk"),
                     ("Ellerdyne Youth Justice Service", "ellerdyne.gov.uk"),
                     ("Harnfold Housing Association", "harnfoldha.org.uk"), ("GP - Harnfold Medical Practice", "nhs.net")],
    "wexbury_ccn": [("Wexbury Children's Social Care", "wexbury.gov.uk"), ("Brannock Special School", "brannock.sch.uk"),
                    ("Wexbury Hospital - Paediatric Outpatients", "nhs.net"),
                    ("Health Visiting (Brannock)", "nhs.net"), ("Police - Child Abuse Investigation Team", "wexbury.police.uk"),
                    ("Children's Hospice at Home team", "hospice-at-home.org.uk"), ("GP - Riverside Surgery", "nhs.net"),
                    ("Community Paediatrics, Wexbury", "nhs.net")],
    "ravelstone_cpchairs": [("Ravelstone Children's Social Care - Locality Team 3", "ravelstone.gov.uk"),
                            ("Ravelstone Police - Public Protection", "ravelstone.police.uk"),
                            ("Ravelstone 0-19 Health Service", "nhs.net"), ("Thornhill Vale Primary School", "thornhillvale.sch.uk"),
                            ("Adult Drug and Alcohol Service (Ravelstone Recovery)", "ravelstone.gov.uk"),
                            ("Ravelstone Youth Justice Service", "ravelstone.gov.uk"),
                            ("Midwifery - Ravelstone Royal", "nhs.net"), ("Early Help Hub (Millbeck)", "ravelstone.gov.uk")],
    "tarrow_edsafe": [("Isle of Tarrow Children's Services", "tarrow.gov.uk"), ("Port Tarrow High School", "porttarrow.sch.uk"),
                      ("Tarrow Constabulary", "tarrow.police.uk"), ("School Nursing Service", "nhs.net"),
                      ("CAMHS (Tarrow)", "nhs.net"), ("Education Welfare Service", "tarrow.gov.uk"),
                      ("Tarrow Youth Service", "tarrow.gov.uk")],
    "talkwell_online": [("Sandalwick CAMHS", "nhs.net"), ("Sandalwick College", "sandalwickcollege.ac.uk"),
                        ("Orrinsby Children's Social Care", "orrinsby.gov.uk"), ("Sandalwick Police", "sandalwick.police.uk"),
                        ("School nurse", "nhs.net"), ("Youth worker - Orrinsby Youth Hub", "orrinsby.gov.uk"),
                        ("GP", "nhs.net")],
    "ottersley_nnu": [("Ottersley Children's Social Care (Hospital Team)", "ottersley.gov.uk"),
                      ("Community Midwifery", "nhs.net"), ("Health Visiting - Canalside", "nhs.net"),
                      ("West Ottersley Police - CAIU", "westottersley.police.uk"),
                      ("Perinatal Mental Health Team", "nhs.net"), ("Adult Substance Misuse Service", "ottersley.gov.uk"),
                      ("Ottersley Children's Hospital - Neurosurgery", "nhs.net")],
}

PERSON_TITLES = ["", "", "", "", "Dr ", "DC ", "PC "]

NICKS = {"Amelia": "Millie", "Isla": "Izzy", "Ruby": "Rubes", "Jessica": "Jess", "Imogen": "Immy", "Bethany": "Beth",
         "Roxanne": "Roxy", "Ellie-Rose": "Ellie", "Lily-Mae": "Lily", "Alfie": "Alf", "Callum": "Cal",
         "Ibrahim": "Ibby", "Archie": "Arch", "Lucas": "Luke", "Finley": "Finn", "Dexter": "Dex", "Mohammed": "Mo",
         "Declan": "Dec", "Theo": "Teddy", "Harvey": "Harv", "Tyler": "Ty", "Zac": "Zach", "Mason": "Mase",
         "Courtney": "Court", "Keira": "Kiki", "Maisie": "Mais", "Phoebe": "Pheebs", "Reggie": "Reg",
         "Tommy": "Tom", "Oscar": "Ozzy", "Bobby": "Bob", "Connor": "Con", "Ollie": "Olly", "Amira": "Mira"}

ADULT_FEMALE = ["Joanne", "Michelle", "Kerry", "Lisa", "Farida", "Helen", "Sarah", "Amanda", "Nicola", "Rebecca",
                "Claire", "Priya", "Louise", "Deborah", "Shabana", "Wendy", "Natalie", "Emma", "Tanya", "Bronwen",
                "Fiona", "Gillian", "Hannah", "Aleksandra", "Sunita", "Yvonne", "Catherine", "Jasmine", "Abigail",
                "Megan"]
