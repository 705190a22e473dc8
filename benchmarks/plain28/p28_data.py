"""Invented people, places and narrative pieces for plain28. Every person, address and event is invented; phone
numbers are in the Ofcom drama ranges."""

from __future__ import annotations

GIRLS = ['Amelia', 'Isla', 'Freya', 'Poppy', 'Lily', 'Evie', 'Sienna', 'Ruby', 'Willow', 'Maisie', 'Esme', 'Layla',
         'Aisha', 'Zara', 'Hafsa', 'Maryam', 'Nevaeh', 'Kayla', 'Chloe', 'Zoë', 'Niamh', 'Orla', 'Precious', 'Amara',
         'Leah', 'Skye', 'Harper', 'Summer', 'Daisy', 'Phoebe', 'Megan', 'Tia', 'Renée', 'Ellie-Mae', 'Lacey']
BOYS = ['Oliver', 'Noah', 'Leo', 'Alfie', 'Harry', 'Jacob', 'Archie', 'Tommy', 'Finley', 'Riley', 'Mason', 'Kai',
        'Tyler', 'Jayden', 'Reggie', 'Bobby', 'Ibrahim', 'Yusuf', 'Zayn', 'Musa', 'Kacper', 'Jakub', 'Ciarán',
        'Connor', 'Callum', 'Lewis', 'Kieran', 'Deacon', 'Ronnie', 'Jenson', 'Harley', 'Ezra', 'Theo', 'Dylan',
        'Kofi', 'Tobi', 'Lennon']
NONBINARY = ['Charlie', 'Alex', 'Sam', 'Jordan', 'Rowan']
SURNAMES = ['Pickering', 'Ashworth', 'Holroyd', 'Kowalski', 'Ahmed', 'Begum', 'Hussain', "O'Connor", 'McBride',
            'Okafor', 'Mensah', 'Thorne', 'Whitworth', 'Bairstow', 'Haigh', 'Crossley', 'Sutcliffe', 'Nowak',
            'Baptiste', 'Clarke', 'Fairclough', 'Lister', 'Greenwood', 'Dobson', 'Hargreaves', 'Petrie', 'Ndlovu',
            'Rahman', 'Doherty', 'Kavanagh', 'Molloy', 'Ellison', 'Garside', 'Brennan', 'Akhtar', 'Walsh', 'Tierney',
            'Lindqvist', 'Shackleton', 'Oyelaran', 'Price-Jones', 'Winterbottom']
ADULT_F = ['Joanne', 'Rachel', 'Sarah', 'Claire', 'Helen', 'Nicola', 'Amanda', 'Gemma', 'Kirsty', 'Farzana', 'Priya',
           'Bernadette', 'Siân', 'Lorraine', 'Andrea', 'Emma', 'Yvonne', 'Deborah', 'Natalie', 'Rebecca', 'Shabana',
           'Catriona', 'Hannah', 'Louise']
ADULT_M = ['Mark', 'Paul', 'Gareth', 'Stuart', 'Neil', 'Darren', 'Imran', 'Tariq', 'Adrian', 'Graham', 'Kevin',
           'Martin', 'Owen', 'Rhys', 'Jonathan', 'Craig', 'Simon', 'Marcus', 'Declan', 'Wayne', 'Nathan', 'Adebayo']
ADULT_SUR = ['Holt', 'Pemberton', 'Marsden', 'Ogunleye', 'Chaudhry', 'Fenwick', 'Barraclough', 'Knowles',
             'Stansfield', 'McAllister', 'Iqbal', 'Redfearn', 'Whiteley', 'Drummond', 'Yates', 'Cavanagh',
             'Sowerby', 'Okonkwo', 'Lambert', 'Threlfall', 'Gledhill', 'Ainsworth', 'Booth', 'Nairn', 'Kaur',
             'Metcalfe', 'Brannigan', 'Tillotson', 'Ridley', 'Mahmood']

ETHNICITIES = ['White British', 'White - British', 'White Irish', 'White - any other White background',
               'Pakistani', 'Asian or Asian British - Pakistani', 'Bangladeshi', 'Indian', 'Black African',
               'Black or Black British - Caribbean', 'Mixed - White and Black Caribbean', 'Mixed - White and Asian',
               'Gypsy / Roma', 'White - Polish', 'Any other mixed background', 'Chinese']
POLICE_16_1 = ['W1 - White British', 'W2 - White Irish', 'W9 - Any other White background', 'A2 - Pakistani',
               'A3 - Bangladeshi', 'A1 - Indian', 'B2 - African', 'B1 - Caribbean', 'M1 - White and Black Caribbean',
               'M3 - White and Asian', 'W9 - Any other White background (Polish)', 'M9 - Any other mixed background']
NHS_ETHNIC = ['A - White British', 'B - White Irish', 'C - Any other White background', 'J - Pakistani',
              'K - Bangladeshi', 'H - Indian', 'N - African', 'M - Caribbean', 'D - White and Black Caribbean',
              'F - White and Asian', 'G - Any other mixed background', 'R - Chinese']

STREETS = ['Albion Street', 'Cragg View', 'Moorside Road', 'Providence Terrace', 'Hebble Lane', 'Sunnybank Avenue',
           'Chapel Fold', 'Greenhead Road', 'Beech Grove', 'Nab Lane', 'Fountain Street', 'Ravensworth Close',
           'Stonecroft Drive', 'Mill Bank', 'Woodhouse Crescent', 'Clough Road', 'Parkfield Way', 'Tenter Hill',
           'Calder Walk', 'Gibbet Street']
BLOCKS = ['Lowther House', 'Priory Court', 'Heron Mill', 'Canal Wharf', 'Bramley Heights', 'St Anne\'s Court']

AREAS = {
    'dunstanmoor_csc': dict(towns=['Dunstanmoor', 'Hepworth Bridge', 'Coldhurst', 'Ringley Brook'], pc='DQ'),
    'halsey_mcit': dict(towns=['Tennerby', 'Ecclestone', 'Tennerby Vale', 'Marwood'], pc='TJ'),
    'stmargarets_pri': dict(towns=['Ousebridge', 'Hebble Green', 'Carrow', 'Ousebridge East'], pc='OQ'),
    'greythorne_picu': dict(towns=['Lathomvale', 'Scarsby', 'Lathom Moss', 'Upper Wenning'], pc='LV'),
    'brightstep_mentor': dict(towns=['Kilverton', 'Kilverton Bridge', 'Ashby Moor', 'Stonegate'], pc='KV'),
    'wreyburn_send': dict(towns=['Wreyburn', 'Hollinsford', 'Wreyburn St Peter', 'Dallow'], pc='WQ'),
}

SCHOOLS = {
    'dunstanmoor_csc': ['Coldhurst Primary School', 'Dunstanmoor Academy', 'Ringley Brook Infant School',
                        'Hepworth Bridge High School', 'Little Acorns Day Nursery'],
    'halsey_mcit': ['Tennerby Park Academy', 'Marwood Primary School', 'Ecclestone High School',
                    'Tennerby Vale Nursery School'],
    'stmargarets_pri': ['St Margaret\'s CE (VA) Primary School'],
    'greythorne_picu': ['Scarsby Primary School', 'Lathom Moss Nursery', 'Upper Wenning Academy',
                        'Lathomvale Grammar School'],
    'brightstep_mentor': ['Kilverton High School', 'Stonegate Academy', 'Ashby Moor College',
                          'Kilverton Pupil Referral Unit'],
    'wreyburn_send': ['Hollinsford Special School', 'Wreyburn College (SEND pathway)', 'Dallow Primary School',
                      'Brookfield Independent Specialist School', 'Wreyburn Grammar School (ARP)'],
}
GPS = ['Moorside Medical Practice', 'Albion Street Surgery', 'The Calder Practice', 'Dr Iqbal & Partners',
       'Greenhead Health Centre', 'Riverside Family Practice', 'Beech Grove Surgery', 'Parkfield Medical Centre']

LEGAL = ['Child in Need', 'CIN', 'Child protection plan (neglect)', 'CP plan - category physical abuse',
         'CLA - s20', 'CLA - s31 care order', 'Interim Care Order', 'None', 'No order', 'Section 20', 'Care leaver',
         'Special Guardianship Order (grandmother)', 'Child Arrangements Order']
DISABILITIES = ['Autism (diagnosed 2022)', 'ADHD - on medication', 'Global developmental delay', 'None known',
                'Cerebral palsy (GMFCS level 4)', 'Speech and language delay', 'Epilepsy', 'Type 1 diabetes',
                'Moderate learning difficulty - EHCP', 'Social, emotional and mental health needs (SEN support)',
                'Asthma', 'No known disability', 'Hearing impairment (bilateral hearing aids)',
                'Down syndrome', 'Severe learning disability; non-verbal']
HOSPITALS = ['Dunstanmoor General Hospital', 'Tennerby Royal Infirmary', 'Ousebridge District Hospital',
             'Scarsby General Hospital', 'Kilverton Royal Hospital', 'Wreyburn District General Hospital']

AGENCY_POOL = [
    ('Health Visiting Service', 'hv'), ('GP practice', 'gp'), ('School nursing', 'sn'),
    ('Children\'s Social Care', 'csc'), ('Police - Public Protection Unit', 'police'),
    ('Child and Adolescent Mental Health Service (CAMHS)', 'camhs'), ('Early Help Team', 'eh'),
    ('Youth Justice Service', 'yjs'), ('Adult Drug and Alcohol Service', 'drugs'),
    ('Midwifery', 'mw'), ('Housing Options', 'housing'), ('Domestic Abuse Service', 'da'),
    ('Community Paediatrics', 'paeds'), ('Education Welfare Service', 'ews'), ('School', 'school'),
    ('Leaving Care Team', 'leaving'), ('Fostering Service', 'fostering'), ('Probation Service', 'probation'),
]

OTHER_DETAILS = {
    'infant': ['Near miss - unexplained bruising to a non-mobile baby', 'Baby left alone in the flat overnight',
               'Unexplained injury to a baby in an unregistered childcare arrangement'],
    'young': ['Serious injury to a child in an unregistered private fostering arrangement',
              'Child taken abroad against a court order; since returned', 'FGM identified during a health appointment',
              'Child found alone in a car for several hours in hot weather'],
    'older': ['Child found working in a cannabis grow (possible trafficking / modern slavery)',
              'Young person seriously assaulted while in police custody transfer',
              'Serious self-harm by a young person on a waiting list for CAMHS',
              'Criminal exploitation of several children linked to one address'],
}

OPS = ['Op KESTREL', 'Operation LANTERN', 'Op HARROW', 'Operation MERIDIAN', 'Op SANDPIPER', 'Operation WICKET']

# Families: names and the ethnicity answer in the three styles (plain words, police 16+1 codes, NHS letter codes)
GROUPS = {
    'white_british': dict(w=46, girls=['Amelia', 'Isla', 'Freya', 'Poppy', 'Lily', 'Evie', 'Ruby', 'Willow', 'Maisie',
                                       'Esme', 'Skye', 'Harper', 'Summer', 'Daisy', 'Phoebe', 'Megan', 'Tia',
                                       'Ellie-Mae', 'Lacey', 'Chloe', 'Zoë'],
                          boys=['Oliver', 'Noah', 'Leo', 'Alfie', 'Harry', 'Jacob', 'Archie', 'Tommy', 'Finley',
                                'Riley', 'Mason', 'Tyler', 'Jayden', 'Reggie', 'Bobby', 'Lewis', 'Deacon', 'Ronnie',
                                'Jenson', 'Harley', 'Theo', 'Dylan', 'Lennon'],
                          surnames=['Pickering', 'Ashworth', 'Holroyd', 'Thorne', 'Whitworth', 'Bairstow', 'Haigh',
                                    'Crossley', 'Sutcliffe', 'Clarke', 'Fairclough', 'Lister', 'Greenwood', 'Dobson',
                                    'Hargreaves', 'Ellison', 'Garside', 'Shackleton', 'Winterbottom', 'Price-Jones'],
                          eth=['White British', 'White - British'], police=['W1 - White British'],
                          nhs=['A - White British']),
    'irish': dict(w=5, girls=['Niamh', 'Orla', 'Siobhan', 'Aoife'], boys=['Ciarán', 'Connor', 'Callum', 'Kieran'],
                  surnames=["O'Connor", 'McBride', 'Doherty', 'Kavanagh', 'Molloy', 'Brennan', 'Walsh', 'Tierney'],
                  eth=['White Irish'], police=['W2 - White Irish'], nhs=['B - White Irish']),
    'polish': dict(w=7, girls=['Zuzanna', 'Lena', 'Maja', 'Hanna'], boys=['Kacper', 'Jakub', 'Filip', 'Szymon'],
                   surnames=['Kowalski', 'Nowak', 'Wójcik', 'Lewandowski', 'Zielinski'],
                   eth=['White - Polish', 'White - any other White background'],
                   police=['W9 - Any other White background (Polish)', 'W9 - Any other White background'],
                   nhs=['C - Any other White background']),
    'south_asian': dict(w=15, girls=['Aisha', 'Zara', 'Hafsa', 'Maryam', 'Inaaya', 'Fatima', 'Safiya'],
                        boys=['Ibrahim', 'Yusuf', 'Zayn', 'Musa', 'Ayaan', 'Hamza', 'Rayyan'],
                        surnames=['Ahmed', 'Begum', 'Hussain', 'Rahman', 'Akhtar', 'Iqbal', 'Khan', 'Mahmood'],
                        eth=['Pakistani', 'Asian or Asian British - Pakistani', 'Bangladeshi', 'Indian'],
                        police=['A2 - Pakistani', 'A3 - Bangladeshi', 'A1 - Indian'],
                        nhs=['J - Pakistani', 'K - Bangladeshi', 'H - Indian']),
    'black_african': dict(w=8, girls=['Amara', 'Precious', 'Adaeze', 'Nevaeh', 'Zainab'],
                          boys=['Kofi', 'Tobi', 'Ezra', 'Emeka', 'Tendai'],
                          surnames=['Okafor', 'Mensah', 'Ndlovu', 'Oyelaran', 'Adeyemi', 'Boateng'],
                          eth=['Black African', 'Black or Black British - African'], police=['B2 - African'],
                          nhs=['N - African']),
    'mixed_caribbean': dict(w=10, girls=['Renée', 'Leah', 'Kayla', 'Layla', 'Sienna'],
                            boys=['Kai', 'Riley', 'Tyler', 'Jayden', 'Mason'],
                            surnames=['Baptiste', 'Campbell', 'Clarke', 'Francis', 'Greenwood', 'Thorne'],
                            eth=['Mixed - White and Black Caribbean', 'Black or Black British - Caribbean'],
                            police=['M1 - White and Black Caribbean', 'B1 - Caribbean'],
                            nhs=['D - White and Black Caribbean', 'M - Caribbean']),
    'mixed_asian': dict(w=5, girls=['Layla', 'Maya', 'Esme', 'Aisha'], boys=['Zak', 'Leo', 'Theo', 'Ayaan'],
                        surnames=['Hussain', 'Lister', 'Ahmed', 'Dobson', 'Khan'],
                        eth=['Mixed - White and Asian', 'Any other mixed background'],
                        police=['M3 - White and Asian', 'M9 - Any other mixed background'],
                        nhs=['F - White and Asian', 'G - Any other mixed background']),
}
