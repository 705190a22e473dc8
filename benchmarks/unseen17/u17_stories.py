"""Invented incident accounts for unseen17 (every person, place and event is fictional).

Placeholders: {c} first child's first name, {c2} second child (or the first), {town}, {loc}, {adult},
{d1} incident date in the form's style, {lead} the safeguarding lead, {ref} referrer's first name,
{he} {his} {him} pronouns for the first child.
"""

GENERIC_MIDDLE = [
    "I discussed the concern with {lead} the same afternoon and we agreed that a referral should be made. "
    "Children's social care were contacted by telephone and the call was followed up in writing.",
    "Police attended and took an initial account. We understand a crime reference has been issued and that "
    "officers visited the family address later the same evening.",
    "{c}'s school confirmed that attendance has dropped over the last term and that staff had already raised "
    "concerns about {his} presentation, including tiredness and a poor diet.",
    "There is a history of domestic abuse in the household. A MARAC referral was made earlier this year and the "
    "family were offered support, which they did not take up.",
    "When I spoke with {c} {he} was quiet and would not make eye contact. {c} said that things at home were "
    "'fine' but became upset when asked who looks after {him} in the evenings.",
    "The {adult} arrived about forty minutes later and was unsteady on their feet. Staff noted a strong smell of "
    "alcohol. The {adult} became verbally aggressive when asked questions and left with {c}.",
    "We have since learned that the family moved to {town} from another area in the last six months and that "
    "records from the previous local authority have been requested.",
    "An ambulance was called and {c} was taken to hospital for assessment. Hospital staff have since confirmed "
    "injuries that are not consistent with the explanation given.",
]

GENERIC_CLOSE = [
    "We do not know of any other agency currently working with the family beyond those listed below.",
    "This referral is made so that the partnership can decide whether a Rapid Review is needed. We are happy to "
    "provide our records and attend any meeting.",
    "Our internal incident record has been completed and our own management review has started.",
    "The family have been told that we have shared our concerns with the local authority.",
    "I have kept brief notes of what was said and can share them on request.",
]

STORIES = {
    "ts": {
        "harm": [
            ["During an intelligence-led test purchase visit at {loc} on {d1}, officers found {c} working behind the "
             "counter alone late in the evening. {c} appeared to be well under sixteen and was selling disposable "
             "vapes to other young people.",
             "A search of the storeroom found a mattress, a sleeping bag and a bag of {c}'s school clothes. {c} told "
             "officers {he} sometimes stays over when the shop is busy and is paid in cash and vapes.",
             "The premises are linked to a wider network supplying illicit tobacco across the borough, and two adult "
             "males who arrived during the visit were known to police for exploitation offences."],
            ["Officers investigating a doorstep crime complaint visited an address and found {c} and {c2} at home "
             "with no adult present. The house was cold, there was little food and a window had been boarded up.",
             "The complainant, a neighbour, said the children are often left alone while the {adult} goes out with the "
             "men who run the driveway-cleaning business trading from the address.",
             "{c} had a large bruise on {his} forearm and said {he} had fallen. {c2} later said that the {adult} "
             "'gets angry' when money is short."],
        ],
        "death": [
            ["{c} died in hospital after inhaling butane from lighter refills. Trading Standards had been "
             "investigating repeated sales of lighter refills to young people at {loc}.",
             "Our records show three earlier complaints about the same premises and a warning letter issued in the "
             "spring. A test purchase the week before {c}'s death did not result in a sale.",
             "Friends of {c} have told police that the refills were bought by an older youth and shared at a "
             "derelict building close to the family home."],
        ],
        "other": [
            ["While seizing counterfeit goods at {loc} officers found {c}, who had been reported missing from home "
             "for two days. {c} was with an adult who could not explain why {he} was there.",
             "{c} had a new mobile phone and cash and gave officers a false name at first."],
        ],
        "reason": [
            "A child was found being exploited through a retail business we regulate, and several agencies held "
            "information that was not joined up.",
            "Serious harm to a child linked to premises that were already known to us, police and licensing; we "
            "believe there is learning about how regulatory intelligence is shared.",
            "The circumstances suggest neglect and possible criminal exploitation, and the family were known to more "
            "than one service before the incident.",
            "The death of a young person from volatile substance abuse after repeated illegal sales that several "
            "agencies knew about.",
        ],
        "concerns": [
            "The shop is still trading and other young people may be at risk; police are aware.",
            "{c} has returned home and we are not confident the {adult} can keep {him} safe.",
            "Siblings remain in the household; children's social care are visiting today.",
        ],
    },
    "reg": {
        "harm": [
            ["At a birth registration appointment on {d1} the {adult} attended with {c}, who was holding a very young "
             "baby. {c} appeared frightened and did not speak, and the {adult} answered every question for {him}.",
             "When asked for the mother's details the {adult} gave {c}'s name. {c} is much younger than the age the "
             "{adult} gave, which raised concerns that {c} may have been sexually abused.",
             "The registrar paused the registration and spoke with the Superintendent Registrar, who contacted the "
             "children's services duty team while the family were still in the building."],
            ["A notice of marriage was given by an adult male for a marriage to {c}. The documents presented showed "
             "{c} as eighteen but the birth certificate seen at an earlier appointment showed {him} to be fifteen.",
             "{c} attended with two older relatives who would not leave the room. {c} wrote a note to the registrar "
             "saying that {he} did not want to marry and was scared to go home.",
             "The Forced Marriage Unit was contacted and police attended the register office."],
        ],
        "death": [
            ["The death of {c} was registered by the {adult}. The medical certificate of cause of death had been "
             "replaced by a coroner's notification, and the informant's account of events changed during the "
             "appointment.",
             "The {adult} mentioned that {c} had not been seen by a doctor for several months and that the family "
             "had 'kept {him} at home' since moving to {town}.",
             "The registrar noted that a younger sibling attended the appointment and appeared underweight and "
             "unkempt."],
        ],
        "other": [
            ["During a citizenship ceremony booking call the caller disclosed that {c} is living with a family friend "
             "while {his} parents are abroad, and has been for over a year. No one with parental responsibility is "
             "in the country.",
             "The caller asked whether the registration service could 'sort out papers' so that {c} could stay."],
        ],
        "reason": [
            "Possible sexual abuse of a child identified at a registration appointment; the family were known to "
            "health services and there may be learning about how concerns were picked up earlier.",
            "A child may have been forced into marriage; we think several agencies had contact with the family.",
            "Serious harm or death of a child where neglect is suspected and the family had recently moved into the area.",
        ],
        "concerns": [
            "The baby and {c} have returned to the family address; children's services are aware.",
            "{c} is staying with a relative tonight under a police protection plan.",
            "A younger sibling remains at home and has not been seen by any professional.",
        ],
    },
    "pcn": {
        "harm": [
            ["{c} was referred to me by the practice nurse after a consultation on {d1}. {c} disclosed that the "
             "{adult} had hit {him} with a belt and showed me marks on {his} legs.",
             "{c} has been seen at the practice four times in the last year with minor injuries and low mood. The "
             "family have missed several child health appointments.",
             "The GP examined {c} the same day and documented the injuries with body map and photographs."],
            ["At a home visit for {c}'s mother, who I support for isolation and low mood, I found {c} and {c2} alone in "
             "a flat with no electricity. The children said their mother had been in hospital since the weekend.",
             "There was no food apart from dry cereal and {c2} had a nappy that had not been changed for a long time. "
             "Neighbours said they had heard the children crying at night.",
             "The mother had told the ward that a friend was looking after the children."],
        ],
        "death": [
            ["{c} died suddenly at home. The practice was informed by the out-of-hours service. {c} had been "
             "referred to social prescribing by the GP for support with school refusal and isolation.",
             "At my last contact with the family {c} said {he} was being bullied online and had stopped leaving "
             "{his} room. I shared this with the GP and the school nurse.",
             "A referral to CAMHS had been made but {c} was still on the waiting list."],
        ],
        "other": [
            ["{c}'s mother disclosed during a wellbeing appointment that {c}, aged sixteen, has been staying with an "
             "older man for several weeks and has stopped attending college.",
             "{c} has not been seen at the practice since last year and is not answering calls."],
        ],
        "reason": [
            "Serious physical harm to a child who was well known to primary care, with repeated missed appointments.",
            "Neglect of young children discovered through an adult-focused service; we think the family's needs were "
            "not seen as a whole.",
            "A child's death where several services knew about low mood and isolation but support was not joined up.",
        ],
        "concerns": [
            "{c} is in hospital; the {adult} is not allowed to visit until police have spoken to them.",
            "The children are with their grandmother under a safety plan agreed with children's social care.",
            "Siblings remain in the home; a strategy discussion is planned for tomorrow.",
        ],
    },
    "jump": {
        "harm": [
            ["On {d1} {c} was brought into the park by the {adult} for a toddler session. A court marshal noticed "
             "extensive bruising on {c}'s back and arms when {his} top rode up on the trampoline.",
             "When the marshal asked what had happened, the {adult} said {c} 'bruises easily' and tried to leave "
             "straight away. {c} flinched when the {adult} reached for {him}.",
             "The duty manager spoke with the DSO and the police were called before the family left the car park."],
            ["During a birthday party in the party room a parent reported that a man not in the party group had "
             "been taking photographs of the children and had spoken to {c} near the toilets.",
             "CCTV showed the man following {c} into the changing area. {c} told staff the man had offered {him} "
             "money and asked for {his} phone number.",
             "The man left before police arrived. {c}'s parents were spoken to at the park."],
        ],
        "death": [
            ["{c} collapsed on the main court during a session and could not be revived despite first aid by our "
             "team and the ambulance service.",
             "Our records show {c} had visited several times with an older sibling and no adult; the waiver was "
             "signed online by someone giving a different surname.",
             "The hospital later told police that {c} had old injuries, and a post-mortem is awaited."],
        ],
        "other": [
            ["{c} was left at the park at closing time on {d1} and no adult came to collect {him}. Calls to the "
             "number on the booking went unanswered for over two hours.",
             "{c} told staff {he} did not know where {his} {adult} was and that {he} often makes {his} own way home."],
        ],
        "reason": [
            "Unexplained injuries to a very young child seen by our staff, and a carer who avoided questions.",
            "A possible attempt to groom a child on our premises; we think there is learning for venues like ours.",
            "A child died and had previously been brought to the park unsupervised; more than one agency may hold information.",
        ],
        "concerns": [
            "The child went home with the {adult}; police are following up tonight.",
            "The man has not been identified and may visit other play venues in {town}.",
            "We are not aware of any immediate risk to other children at the park.",
        ],
    },
    "tattoo": {
        "harm": [
            ["On {d1} {c} came into the studio asking for a tattoo of a man's name on {his} neck. {c} said {he} was "
             "eighteen but had no ID and looked about fourteen. An older man waited outside in a car.",
             "When I said we could not tattoo {him}, {c} became distressed and said 'he'll be angry'. {c} had a "
             "fresh home-made tattoo of the same name on {his} wrist.",
             "The man came into the studio and tried to pay in cash. He left when the owner mentioned calling the "
             "police, and {c} went with him."],
            ["{c} booked a piercing through our Instagram account giving an age of eighteen. When {he} arrived {he} "
             "had cuts to both forearms, some recent, and said {he} was 'sorting {his} head out'.",
             "{c} told the piercer that {he} had been sleeping at friends' houses since being thrown out by the {adult} "
             "and that an older friend pays for things in return for 'favours'.",
             "We refused the piercing and the owner stayed with {c} while we called the children's services duty team."],
        ],
        "death": [],
        "other": [
            ["{c} was brought in by the {adult}, who asked us to pierce {his} belly button and said {he} was sixteen. "
             "{c} told the front desk privately that {he} is thirteen and that the {adult} is not a relative.",
             "The {adult} became angry when we asked for ID and said they would 'go somewhere that doesn't ask'."],
        ],
        "reason": [
            "Signs of child sexual exploitation seen at our studio; the same adult has been seen with other young people.",
            "A young person who is homeless, self-harming and being exploited; other services may know {him}.",
            "An unrelated adult trying to get body modification for a child, which suggests the child is at risk.",
        ],
        "concerns": [
            "We do not know where {c} is staying tonight.",
            "The man in the car may return; we have given the registration to police.",
            "{c} may try another studio in {town}; we have warned the studios we know.",
        ],
    },
    "ranger": {
        "harm": [
            ["On {d1} rangers on patrol at {loc} found {c} alone near the water's edge after dark. {c} was wet, cold "
             "and had no coat, and said {he} had been told to 'get out' by the {adult}.",
             "{c} had a cut above {his} eye and said the {adult} had thrown a cup at {him}. {c} asked us not to "
             "take {him} home.",
             "Rangers kept {c} in the warm vehicle until police and the emergency duty team arrived."],
            ["A member of the public reported a group of teenagers at {loc} with an adult who appeared to be supplying "
             "them with alcohol and cannabis. When rangers approached, the adult left in a car.",
             "{c} was heavily intoxicated and unable to stand. {c2} said the adult 'looks after them' and drives "
             "them to parties in other towns.",
             "Rangers have found similar groups at the same site on three occasions this year and logged each one."],
        ],
        "death": [
            ["{c} drowned at {loc}. Rangers were called by a dog walker and began a search with the fire service; "
             "{c} was recovered from the water later that evening.",
             "{c} had been seen at the site several times in the previous weeks during school hours. Rangers spoke to "
             "{him} twice and recorded the contacts.",
             "We understand the family were receiving early help and that {c} was on a reduced timetable at school."],
        ],
        "other": [
            ["Rangers found a tent hidden in woodland at {loc} where {c} and an older male had been living for some "
             "days. {c} is believed to be fifteen and had been reported missing by a school.",
             "The male left before police arrived; {c} would not say who he was."],
        ],
        "reason": [
            "A child found at risk on council land at night, with injuries, who did not want to go home.",
            "Repeated sightings of children with an adult suspected of exploitation at the same site.",
            "The death of a child who had been seen by rangers and other services in the weeks before.",
        ],
        "concerns": [
            "{c} is in emergency foster care tonight.",
            "The adult has not been identified and the group may return to the site at the weekend.",
            "Other young people in the group have not been identified.",
        ],
    },
    "cycle": {
        "harm": [
            ["During a Bikeability session on {d1} at {loc}, {c} could not sit on the saddle and was in obvious pain. "
             "When a female instructor checked, {c} said {his} bottom was sore because of 'what happens at night'.",
             "The instructor stopped the session for {c} and spoke to the school's designated safeguarding lead, who "
             "contacted children's social care before the end of the school day.",
             "{c}'s class teacher said {c} had been withdrawn for several weeks and often arrives without breakfast."],
            ["{c} arrived at a Level 2 session with a large bruise on {his} cheek and a swollen hand. {c} said {his} "
             "{adult} had slammed a door on {his} hand because {he} had not come straight home.",
             "{c} asked the instructor not to tell anyone and said {he} would be 'in trouble' if the bike was damaged.",
             "The school confirmed previous injuries had been reported this term."],
        ],
        "death": [],
        "other": [
            ["On the training route a car stopped and an adult male called {c} by name and told {him} to get in. "
             "{c} did not know the man. Instructors intervened and noted the registration.",
             "{c} later said the man had been messaging {him} online and had sent {him} gifts."],
        ],
        "reason": [
            "Disclosure suggesting sexual abuse of a primary-age child made to our instructor.",
            "Physical harm to a child already known to school and social care.",
            "An attempted abduction or grooming of a child during a session; there may be learning for several agencies.",
        ],
        "concerns": [
            "{c} has gone home; children's social care and police are visiting this evening.",
            "{c} is staying with {his} grandmother tonight while a strategy discussion is arranged.",
            "The man has not been traced and other children on the course were on the same route.",
        ],
    },
    "games": {
        "harm": [
            ["Our automated tools flagged private messages sent to the player {c} by an adult account between "
             "September and {d1}. The adult asked {c} for images and offered in-game currency in return.",
             "{c} told the adult {he} is twelve. Messages show the adult moving the conversation to another "
             "platform and arranging to meet {c} in {town}.",
             "We suspended the adult account, preserved the data and made a report to CEOP and to the police."],
            ["A player reported that {c} was posting messages in guild chat about wanting to die and had described "
             "cutting {him}self. {c} said {he} was being hurt by the {adult} at home.",
             "Our player safety specialist contacted {c} through the in-game support channel. {c} gave {his} real "
             "name, school and town before logging off.",
             "We shared the information with police for a welfare check, which took place the same night."],
        ],
        "death": [
            ["We were contacted by police after the death of {c}, whose account was active on our platform. Police "
             "asked us to preserve data from {his} account and from accounts that had contacted {him}.",
             "Our review found that {c} had been targeted by a group of accounts sending abusive and self-harm "
             "related messages over several weeks, some of which had been reported by other players.",
             "Those reports had been reviewed by moderators and two accounts were warned; none were escalated."],
        ],
        "other": [
            ["{c}, who told other players {he} is thirteen, has been live streaming from {his} bedroom late at night "
             "and an adult viewer has been sending {him} money and gifts.",
             "{c} said {his} parents do not know and that {he} is saving up 'to leave home'."],
        ],
        "reason": [
            "Online sexual grooming of a child with an arranged meeting; learning for online services and local agencies.",
            "A child at immediate risk of self-harm disclosing abuse at home through our platform.",
            "The death of a child who had been subject to sustained online abuse that was reported but not escalated.",
        ],
        "concerns": [
            "The adult account holder has not been identified and may contact other children.",
            "{c} has not logged in since the welfare check; we do not know how {he} is.",
            "Other players in the same group may be at risk; police have the account list.",
        ],
    },
}
