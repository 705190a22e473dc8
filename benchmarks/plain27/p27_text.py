"""Narrative pieces for summaries, reasons and immediate concerns (invented; written for this set)."""

from __future__ import annotations

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def day_words(d):
    return f"{d.day} {MONTHS[d.month - 1]}"


BACKGROUND = {
    "corvedge_cwd": [
        "{C} is {age_phrase} with {dis_short} and has been open to the Children with Disabilities Team since {since}. "
        "{He} receives overnight short breaks and lives with {carer}.",
        "The family has been known to the team for several years. {C}'s care needs are high and {carer} {carer_has} "
        "repeatedly told workers that {she_carer} {carer_is} exhausted; a carer's assessment was started but not completed.",
        "{C} attends {school}. School have raised concerns about {his} weight and about missed medical appointments.",
    ],
    "thornmere_ssp": [
        "{C} is {age_phrase} and attends {school}, where I am the Safer Schools Officer. {He} has been spoken to by "
        "police on a number of occasions this academic year, mostly as a missing person.",
        "{C} has been linked by school staff to older males who wait outside the school gates in a car. Intelligence "
        "suggests {he} may be carrying drugs for others.",
        "Staff at {school} reported that {C} had disclosed to a friend that {he} was being hit at home.",
    ],
    "quenby_mat": [
        "{C} is {age_phrase} and has been on roll at {school} since {since}. {His} attendance had fallen sharply over "
        "the last two terms and there have been several safeguarding log entries about {his} presentation.",
        "{C} lives with {carer} and {sib_phrase}. The family moved into the area last year and were not previously "
        "known to the academy.",
        "{C} has an EHCP and is supported in class by a teaching assistant. Staff had noticed that {he} was often hungry "
        "and was wearing the same clothes for days.",
    ],
    "willowgate_friends": [
        "Our volunteer has been visiting the family once a week since {since}. {Carer_cap} asked for help because "
        "{she_carer} {carer_was} finding it hard to cope with {C} and {sib_phrase}.",
        "{C} is {age_phrase}. Mum told our volunteer that {C}'s father had moved back into the home a few weeks ago.",
        "The home has often been cold and there has not always been food in the house. We talked to the health visitor "
        "about this in the autumn.",
    ],
    "ketterby_ed": [
        "{C} ({age_phrase}) was brought to the Children's ED by {carer} at {time}. The history given did not explain "
        "the injuries seen.",
        "{C} ({age_phrase}) was brought in by ambulance at {time} following a 999 call by {carer}.",
        "{C} ({age_phrase}) self-presented to the Children's ED at {time} with a friend.",
        "There are three previous ED attendances in the last twelve months (two head injuries and a scald), each with a "
        "plausible explanation at the time.",
    ],
    "sallowmere_perinatal": [
        "{C}'s mother has been under the Community Perinatal Mental Health Service since {since} with a history of "
        "severe mental illness. She had stopped taking her medication in the weeks before the incident.",
        "{C} is {age_phrase}. Mother was discharged from the mother and baby unit {since_rel} with a plan of weekly "
        "home visits from the perinatal team and the health visitor.",
        "The family were last seen at home by the perinatal nurse shortly before the incident; mother was described as "
        "low in mood but denied any thoughts of harm to herself or the baby.",
    ],
}

BACKGROUND_CARE_LEAVER = [
    "{C} came into care at the age of 13 and left care at 18. {He} had a personal adviser and was living "
    "independently, with support from the Leaving Care Service.",
    "{C} was {age_phrase}. {He} had been looked after by the local authority for several years and moved into "
    "supported accommodation on {his} eighteenth birthday.",
    "Agencies had been worried about {C}'s drug use and about older adults who were visiting {his} flat.",
]

INCIDENT = {
    "death": [
        "On {day_words} {C} was found unresponsive at home. Paramedics attended and {he} was taken to hospital, where "
        "{he} was pronounced dead a short time later.",
        "{C} died on {day_words}. The cause of death is not yet known and a post-mortem examination has been arranged "
        "by the coroner.",
        "Police attended the home on {day_words} after a call from a neighbour. {C} was found to have died; {carer} "
        "{carer_was} arrested at the scene.",
    ],
    "serious_harm": [
        "On {day_words} {C} presented with injuries that are not consistent with the explanation given, including "
        "bruising to the face and ears and a possible fracture.",
        "{C} suffered a serious head injury on {day_words} and remains in the paediatric intensive care unit. "
        "Imaging has shown older fractures at different stages of healing.",
        "{C} was found severely malnourished and dehydrated on {day_words} and was admitted to hospital. "
        "Medical staff consider that this has developed over a period of weeks.",
        "On {day_words} {C} was stabbed in the leg near {place}. The injury required surgery.",
        "{C} took an overdose of prescribed medication on {day_words} and needed intensive care treatment.",
    ],
    "lac_death": [
        "{C} was looked after by the local authority and living in {placement}. On {day_words} {he} was found "
        "unresponsive in {his} room and died later that day.",
        "{C}, a child in care, died on {day_words} after being struck by a car while missing from {his} placement.",
    ],
    "care_leaver_death": [
        "{C} was a care leaver aged {age_num} with a personal adviser from the Leaving Care Service. {He} was found "
        "dead at {his} flat on {day_words}.",
        "{C} left care at 18 and was living in supported accommodation. {He} died on {day_words}; drug toxicity is "
        "suspected.",
    ],
    "other": [
        "On {day_words} {C} was found in a flat in another county with two adults who are not family members. "
        "{He} had been reported missing three days earlier.",
        "A fire started at the family home during the night of {day_words}. {C} and {sib_word} were rescued by "
        "neighbours; the adults were not in the property.",
        "On {day_words} {C} was left in the care of a family friend who is not an approved carer; {he} was later found "
        "wandering alone in the street at night.",
    ],
}

GENERAL_BACKGROUND = [
    "The family have moved house three times in the last two years and have been difficult for agencies to keep track of.",
    "There is a history of domestic abuse between {carer_plain} and a former partner; a referral to MARAC was made last year "
    "and the case was closed after three months.",
    "{C} was not brought to two health appointments in the autumn, and the health visitor was unable to gain access to the "
    "home on a planned visit.",
    "{Carer_cap} {carer_has} told professionals that money is very tight and that the family have been using a food bank.",
    "An Early Help assessment was completed in the spring but the family did not engage with the plan and it was closed.",
    "Neighbours had made two anonymous calls to children's services about shouting and a young child crying for long "
    "periods; both were screened as not meeting the threshold for a statutory assessment.",
]

ARRIVALS = ["brought to the Children's ED", "brought in by ambulance", "self-presented"]
OLDER_ONLY = ["stabbed", "overdose", "missing from", "another county", "struck by a car"]
YOUNG_ONLY = ["wandering alone", "severely malnourished"]

RESPONSE = [
    "A strategy discussion was held on {la_words} and a section 47 enquiry is under way. Police have started a criminal "
    "investigation.",
    "Children's social care were informed on {la_words}. {Sibs_cap} have been moved to stay with {relative} under a "
    "safety plan while enquiries continue.",
    "The hospital safeguarding team made a referral to children's social care on {la_words}. A child protection medical "
    "was completed the same day.",
    "Police and children's social care carried out a joint visit on {la_words}. The adults have been interviewed under "
    "caution and released on bail with conditions.",
]

MORE_RESPONSE = [
    "A child protection medical was completed the following day. The paediatrician's opinion is that the injuries are "
    "likely to have been inflicted.",
    "The adults in the household have given differing accounts of what happened and the police investigation is continuing.",
    "An initial child protection conference has been arranged.",
    "The local authority has sought legal advice and the case is being considered under the Public Law Outline.",
]

CURRENT = [
    "At the time of writing {C} remains in hospital and is stable.",
    "A multi-agency chronology is being compiled. Several agencies had contact with the family in the months before "
    "the incident, and there are questions about how information was shared between them.",
    "There had been earlier concerns raised by more than one agency, but these were not brought together. We think "
    "this is a case where the system as a whole may learn.",
    "Family members are being supported; the funeral has not yet taken place.",
    "{Carer_cap} {carer_says} {she_carer} did not know how the injuries happened.",
]

REASON_SHORT = ["See summary above.", "As above - the case meets the criteria.", "Please see section above."]

REASON = [
    "{C} has {outcome} and there are strong indications of {harm_kind}. Several agencies were involved and there were "
    "missed opportunities to share information.",
    "We believe the criteria are met: {outcome_short}, abuse or neglect is suspected, and there is learning about how "
    "agencies worked together with a family who were hard to engage.",
    "The case raises questions about {theme} which go beyond any one agency.",
    "Although our contact was limited, we think a Rapid Review would help agencies understand what was known about "
    "the family and whether the risks to {C} could have been recognised earlier.",
]
THEMES = ["the recognition of neglect in a disabled child", "the response to repeated missing episodes",
          "how concerns about a parent's mental health were shared with children's services",
          "how bruising in a non-mobile baby was responded to", "information sharing between health and education",
          "professional curiosity about a new adult in the household", "transition from care to independent living"]

CONCERNS_ONLY = [
    "No other children live in the household. Staff have been offered support.",
    "Immediate actions: strategy discussion held, child protection medical completed, and the family GP informed.",
    "Police bail conditions prevent {carer_plain} from having unsupervised contact with children. No other children "
    "are known to live at the address.",
    "There are no other children in the household. We have asked the health visitor to check on a younger cousin who "
    "visits regularly.",
]

CONCERNS = [
    "{Sibs_cap} {are} now staying with {relative} under a safety plan agreed at the strategy discussion. No further "
    "immediate concerns.",
    "The other children in the household have been seen and checked by a paediatrician. Police bail conditions prevent "
    "{carer_plain} having unsupervised contact.",
    "We are worried about {sib_word}, who is still living at home. Children's social care are aware and visiting daily.",
]
