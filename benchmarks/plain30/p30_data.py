"""Invented names, places and answer pools for plain30 (every person and place is invented)."""

GIRLS = ["Amelia", "Isla", "Maisie", "Freya", "Aaliyah", "Zara", "Poppy", "Ruby", "Layla", "Evie", "Hafsa", "Niamh",
         "Ellie-Mae", "Kacey", "Summer", "Nevaeh", "Lacey", "Tia", "Ivy", "Mariam", "Oliwia", "Gracie", "Jessica",
         "Sienna", "Phoebe", "Keira", "Amira", "Chloe", "Bethany", "Lilly-Rose", "Anaya", "Demi", "Aisha", "Imogen"]
BOYS = ["Kai", "Alfie", "Tyler", "Reggie", "Mason", "Ibrahim", "Jayden", "Oscar", "Harley", "Kayden", "Musa",
        "Finley", "Leo", "Riley", "Callum", "Tommy", "Zayn", "Archie", "Dylan", "Rhys", "Kacper", "Ellis", "Jenson",
        "Ayaan", "Lewis", "Corey", "Bobby", "Ethan", "Tariq", "Declan", "Hamza", "Caleb", "Jake", "Roman"]
SURNAMES = ["Ashcroft", "Bellamy", "Caddick", "Dunmore", "Earnshaw", "Fairclough", "Gillard", "Hebden", "Ingleby",
            "Jagger", "Kershaw", "Lomax", "Malik", "Nuttall", "Ormerod", "Pickles", "Quayle", "Rushworth", "Siddiqui",
            "Thwaite", "Uddin", "Varley", "Whitworth", "Yardley", "Akhtar", "Brierley", "Clegg", "Dobbs",
            "Entwistle", "Fenwick", "Greenhalgh", "Holroyd", "Kowalski", "Lister", "Mensah", "Nowak", "Okafor",
            "Pilling", "Riordan", "Shackleton", "Tattersall", "Walmsley", "Osei", "Haworth", "Sutcliffe", "Begum",
            "Crowther", "Duckworth", "Horrocks", "McAllister"]
ADULT_F = ["Joanne", "Rachel", "Helen", "Nadia", "Sarah", "Claire", "Gemma", "Priya", "Louise", "Fiona", "Ruth",
           "Angela", "Kirsty", "Shabana", "Emma", "Lorraine", "Victoria", "Bernadette", "Hannah", "Yasmin", "Carys",
           "Alison", "Deborah", "Sinead"]
ADULT_M = ["Mark", "Darren", "Imran", "Paul", "Steven", "Gareth", "Neil", "Andrew", "Kevin", "Rajesh", "Craig",
           "Simon", "Lee", "Martin", "Tomasz", "Jonathan", "Adrian", "Wayne", "Graham", "Tunde", "Owen", "Philip"]
ADULT_SUR = ["Ackroyd", "Blakeley", "Cartledge", "Dewhurst", "Eastwood", "Fothergill", "Garside", "Hargreaves",
             "Illingworth", "Jowett", "Kitchen", "Lumb", "Mitchell", "Naylor", "Oldroyd", "Parkin", "Robertshaw",
             "Sharples", "Townend", "Utley", "Wadsworth", "Rahman", "Chaudhry", "Adeyemi", "Byrne", "Corrigan",
             "Dale", "Farrar", "Goodall", "Hussain", "Kaur", "Lightfoot", "Mercer", "Pryce", "Quinlan", "Stansfield"]
STREETS = ["Ashgrove Road", "Beechwood Avenue", "Canal Street", "Dyer Lane", "Elm Close", "Foundry Street",
           "Gorse Way", "Hawthorn Crescent", "Kiln Lane", "Larch Drive", "Mill Brow", "Nettle Grove", "Orchard Rise",
           "Pennine View", "Quarry Hill", "Rook Street", "Sycamore Walk", "Tanner's Row", "Union Terrace",
           "Victoria Parade", "Weaver Close", "Yew Tree Lane", "Chapel Fold", "Bridge End"]
BLOCKS = ["Kestrel House", "Linden Court", "Calder House", "Moorside Court", "Harbour View", "Pennant House"]
ETHNICITY = ["White British", "White British", "White British", "Mixed - White and Black Caribbean",
             "Asian or Asian British - Pakistani", "Black or Black British - African", "Any other White background",
             "Asian or Asian British - Bangladeshi", "Mixed - White and Asian", "White Irish",
             "Gypsy / Roma", "Any other Mixed background", "Asian or Asian British - Indian", "Chinese"]
ETHNICITY_POLICE = ["W1 - White British", "W1 - White British", "W9 - Any other White background",
                    "M1 - White and Black Caribbean", "A2 - Pakistani", "B2 - African", "A3 - Bangladeshi",
                    "M3 - White and Asian", "W2 - White Irish", "Not stated"]
SCHOOL_KINDS = ["Primary School", "Primary Academy", "C of E Primary School", "High School", "Academy",
                "Community College", "Nursery School", "Infant School", "Junior School", "St Mary's RC Primary School"]
GP_KINDS = ["Medical Centre", "Health Centre", "Surgery", "Family Practice", "Group Practice"]
LEGAL = ["None", "Child in Need", "Child Protection Plan", "Section 20 (accommodated)", "Interim Care Order",
         "Full Care Order", "No order", "Child Arrangements Order (grandparents)", "Special Guardianship Order"]
DISABILITY = ["None known", "Autism (diagnosed 2022)", "ADHD", "Global developmental delay", "Asthma",
              "Cerebral palsy", "Speech and language delay", "Type 1 diabetes", "Hearing impairment (bilateral aids)",
              "Anorexia nervosa", "Social, emotional and mental health needs", "No known disability",
              "Epilepsy", "Moderate learning difficulties"]
OTHER_NAMES_POOL = ["Known as {short}", "{short}", "previously {first} {oldsur}", "{first} {oldsur} (birth name)",
                    "{short} / {first}-{oldsur}"]
THIRD_ANSWERS_EXTRA = {"Yes": ["by phone", "at the strategy meeting", "agreed", "in supervision"],
                       "No": ["closed last year", "not at the time", "never known", "case closed 2024"]}
INCIDENT_PLACES = {
    "home": ["the family home", "the child's home address", "a flat at {addr}"],
    "public": ["{street}, {town}", "the play area off {street}, {town}", "{town} railway station",
               "the canal towpath near {street}, {town}", "a car park on {street}, {town}"],
    "hospital": ["{town} General Hospital", "Children's Ward, {town} General Hospital",
                 "Emergency Department, {town} General Hospital"],
    "other": ["a relative's house in {town}", "{town} Leisure Centre", "the school field, {town}",
              "a friend's address, {street}, {town}"],
}
AGENCY_PERSON_ROLES = ["Social Worker", "Health Visitor", "School Nurse", "DSL", "Team Manager", "GP",
                       "Probation Officer", "Family Support Worker", "IDVA", "Paediatrician", "Youth Worker",
                       "Midwife", "Detective Constable", "CAMHS Practitioner", "Early Help Worker"]
