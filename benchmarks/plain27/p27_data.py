"""Invented people, places and narrative pieces for plain27.

Every person, address, organisation and event here is invented. Phone numbers use the Ofcom drama ranges
(01632 960xxx, 0113/0114/0115/0116/0117/0118/0121/0161/0191 496 0xxx or 498 0xxx, 020 7946 0xxx, 07700 900xxx).
"""

from __future__ import annotations

GIRLS = ["Amelia", "Isla", "Freya", "Ava", "Maisie", "Poppy", "Ruby", "Esme", "Lily-Mae", "Zara", "Aisha", "Maryam",
         "Hana", "Nadia", "Chloe", "Jessica", "Keira", "Summer", "Tia", "Ellie", "Grace", "Oliwia", "Zuzanna", "Amira",
         "Precious", "Kiera", "Darcie", "Evie", "Imogen", "Leah", "Mia", "Niamh", "Orla", "Priya", "Roisin", "Sienna",
         "Tilly", "Willow", "Yasmin", "Zofia", "Halima", "Destiny", "Kacey", "Bethany", "Caitlin", "Anaya"]
BOYS = ["Oliver", "Harry", "Jack", "Noah", "Leo", "Alfie", "Charlie", "Freddie", "Theo", "Archie", "Mason", "Tyler",
        "Kai", "Reuben", "Ibrahim", "Yusuf", "Ayaan", "Kacper", "Jakub", "Ethan", "Riley", "Logan", "Jayden", "Kyle",
        "Liam", "Callum", "Dylan", "Finley", "Harvey", "Isaac", "Jenson", "Lewis", "Marley", "Nathan", "Owen", "Ronan",
        "Samuel", "Tommy", "Zayn", "Bilal", "Kofi", "Tobias", "Ryan", "Connor", "Aaron", "Dawid"]
NEUTRAL = ["Alex", "Sam", "Jordan", "Charlie", "Rowan", "Robin", "Frankie", "Jamie"]
ADULT_F = ["Karen", "Louise", "Sarah", "Gemma", "Nicola", "Rachel", "Joanne", "Helen", "Claire", "Samina", "Farida",
           "Agnieszka", "Michelle", "Donna", "Kirsty", "Lauren", "Hayley", "Angela", "Bernadette", "Priti", "Yvonne",
           "Fiona", "Jennifer", "Marcia", "Catherine", "Sinead", "Abigail", "Olivia", "Harriet", "Ruth"]
ADULT_M = ["Mark", "Paul", "Darren", "Stephen", "Gareth", "Imran", "Tariq", "David", "Christopher", "Lee", "Wayne",
           "Andrew", "Martin", "Neil", "Simon", "Kwame", "Piotr", "Graham", "Richard", "Adam", "Jonathan", "Matthew",
           "Ian", "Rajesh", "Declan", "Craig", "Philip", "Aled", "Euan", "Tom"]
SURNAMES = ["Ashworth", "Bennett", "Brennan", "Campbell", "Carrington", "Chaudhry", "Clarke", "Cooper", "Dawson",
            "Donnelly", "Edwards", "Fairbairn", "Fletcher", "Gallagher", "Gordon", "Greenwood", "Hargreaves", "Hussain",
            "Iqbal", "Jackson", "Kaminski", "Kelly", "Kowalczyk", "Lawton", "Lindqvist", "McAllister", "Mensah",
            "Moran", "Nowak", "Okafor", "O'Neill", "Pearce", "Pritchard", "Quinn", "Rahman", "Rowley", "Saunders",
            "Shah", "Sheridan", "Stirling", "Thornton", "Tomlinson", "Varga", "Wainwright", "Walsh", "Whitfield",
            "Wilkinson", "Yildiz", "Achterberg", "Bamford", "Crowther", "Dobson", "Eastwood", "Fenwick", "Gill",
            "Holloway", "Ingham", "Jowett", "Kaur", "Lomax", "Marsden", "Naylor", "Osei", "Prendergast", "Rafferty",
            "Sutcliffe", "Turnbull", "Uddin", "Verity", "Wharton"]

ETHNICITIES = ["White British", "White British", "White British", "White Irish", "White - Any other White background",
               "Gypsy / Roma", "Mixed - White and Black Caribbean", "Mixed - White and Asian",
               "Mixed - Any other mixed background", "Asian or Asian British - Pakistani",
               "Asian or Asian British - Bangladeshi", "Asian or Asian British - Indian", "Black or Black British - African",
               "Black or Black British - Caribbean", "Chinese", "White Polish", "Any other ethnic group - Kurdish"]
DFE_ETHNICITY = ["WBRI - White British", "WBRI - White British", "WOTH - Any other White background",
                 "MWBC - White and Black Caribbean", "APKN - Pakistani", "ABAN - Bangladeshi", "BAFR - Black African",
                 "MOTH - Any other mixed background", "WIRT - Traveller of Irish heritage", "CHNE - Chinese"]

STREETS = ["Alder Road", "Beckside Lane", "Brook Street", "Cawthorne Avenue", "Chapel Row", "Coronation Terrace",
           "Dale View", "Elmfield Close", "Fernhill Drive", "Foundry Walk", "Garth Road", "Hawthorn Crescent",
           "Holme Lane", "Ivy Court", "Kiln Street", "Larch Grove", "Low Green", "Maltings Way", "Mill Lane",
           "Moorside Road", "Nursery Gardens", "Orchard Street", "Park Terrace", "Quarry Bank", "Rectory Lane",
           "Ropewalk", "St Anne's Road", "Sandbeck Way", "Station Road", "Tanner's Yard", "Tithe Barn Close",
           "Union Street", "Victoria Parade", "Weaver's Court", "Westgate", "Wharf Road", "Willow Bank", "Yew Tree Road"]
FLATS = ["Flat {n}, {b} House", "Flat {n}, {b} Court", "{n} {b} Court", "Flat {n}"]
BUILDINGS = ["Ashby", "Brindley", "Cromwell", "Denholme", "Eden", "Fairfax", "Grange", "Harcourt", "Kingfisher",
             "Lister", "Marlow", "Nightingale", "Priory", "Rydal", "Stanhope", "Telford"]

# Towns and postcode areas per partnership (invented places; postcode districts chosen to look ordinary).
PLACES = {
    "corvedge": {"towns": ["Corvedge", "Corvedge", "Low Harton", "Mossley Brook", "Ashcott", "Kilnsey Green"],
                 "pc": ["CV", "CV"], "districts": [7, 8, 9, 11, 14]},
    "thornmere": {"towns": ["Thornmere", "Dunsley", "Dunsley Bridge", "Harlowe", "Thornmere Vale", "Eastby"],
                  "pc": ["TM", "DY"], "districts": [2, 3, 4, 6, 12]},
    "stainby": {"towns": ["Stainby", "Norbury", "Norbury Cross", "Calderwick", "Stainby Moor", "Ravensholme"],
                "pc": ["SB", "NB"], "districts": [1, 3, 5, 8, 10]},
    "brenley": {"towns": ["Willowgate", "Brenley", "Brenley Marsh", "Farrowdale", "Eldon Park", "Upper Brenley"],
                "pc": ["BY", "BY"], "districts": [2, 4, 5, 7, 9]},
    "ketterby": {"towns": ["Ketterby", "Pendry", "Pendry Moor", "Quenby", "Ketterby Wold", "Sallowby"],
                 "pc": ["KT", "PY"], "districts": [3, 4, 6, 10, 15]},
    "sallowmere": {"towns": ["Sallowmere", "Otterham", "Otterham St Mary", "Mossbrook", "Lowfold", "Sallowmere Quay"],
                   "pc": ["SM", "OT"], "districts": [1, 2, 5, 9, 11]},
}

PHONE_RANGES = [("01632", "96", 4), ("0113", "496", 4), ("0114", "496", 4), ("0115", "496", 4),
                ("0116", "496", 4), ("0117", "496", 4), ("0118", "496", 4), ("0121", "496", 4),
                ("0161", "496", 4), ("0191", "498", 4), ("020", "7946", 4)]

DISABILITIES = ["Autism spectrum condition; non-verbal", "Cerebral palsy (spastic quadriplegia), epilepsy",
                "Severe learning disability; uses Makaton", "Global developmental delay",
                "Down's syndrome, congenital heart condition (repaired)", "Visual impairment (registered blind)",
                "ADHD and autism (diagnosed 2023)", "Profound and multiple learning difficulties; gastrostomy fed",
                "Duchenne muscular dystrophy; wheelchair user", "Hearing impairment (bilateral cochlear implants)",
                "Speech and language delay", "Chromosomal disorder (22q11 deletion)", "Asthma; eczema",
                "Born prematurely at 29 weeks; chronic lung disease", "Type 1 diabetes",
                "Foetal alcohol spectrum disorder (suspected)", "Sensory processing difficulties"]
NONE_DIS = ["None known", "No known disability", "None"]

LEGAL = ["Child in need (s17)", "Subject to child protection plan", "Accommodated under s20",
         "Interim care order (s38)", "Full care order (s31)", "Child arrangements order in place (lives with mother)",
         "Special guardianship order", "No orders", "Public Law Outline (pre-proceedings)"]

OTHER_NAMES = ["Known as {nick}", "{nick}", "{nick} (at school)", "Previously {fore} {sur2}", "{fore} {sur2}"]
NICK = {"Oliver": "Ollie", "Freddie": "Fred", "Samuel": "Sam", "Amelia": "Millie", "Jessica": "Jess",
        "Bethany": "Beth", "Tobias": "Toby", "Jakub": "Kuba", "Zuzanna": "Zuza", "Callum": "Cal", "Finley": "Finn",
        "Nathan": "Nate", "Isaac": "Zac", "Imogen": "Immy", "Ibrahim": "Ibby", "Archie": "Arch", "Alfie": "Alf",
        "Caitlin": "Cait", "Theo": "Teddy", "Reuben": "Reu", "Tommy": "Tom", "Harvey": "Harv", "Ellie": "Elle",
        "Darcie": "Darce", "Kacper": "Kacpi", "Dawid": "Davey", "Jayden": "Jay", "Ronan": "Ro", "Esme": "Essie"}

OTHER_DETAILS = [
    "Serious injury to a child in a private fostering arrangement",
    "Attempted suicide of a young person open to CAMHS",
    "Child found alone in the family home for several days",
    "Serious injury to a child at a short breaks unit",
    "Young person seriously assaulted by a group of older youths",
    "Infant admitted with unexplained hypothermia",
    "Child exploited and found in another county",
    "Near-fatal overdose of a 15-year-old",
    "Death of a young adult (19) who had been on a child in need plan",
    "Fire at the family home; children rescued",
]

LOCATIONS = ["Family home", "The family home, {addr1}", "{hospital}", "Home address", "Maternal grandmother's home",
             "{park}", "School premises", "Outside {shop}", "A friend's flat in {town}", "Short breaks unit, {town}",
             "{town} town centre", "Canal towpath near {street}", "Foster placement",
             "Supported accommodation, {town}", "Car park off {street}"]
PARKS = ["Holme Park", "the recreation ground", "Lister Park", "Beck Meadows playing fields", "the skate park"]
SHOPS = ["the Co-op, {street}", "a takeaway on {street}", "the bus station", "the retail park"]
