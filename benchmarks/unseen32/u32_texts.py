"""Free-text answers (summaries, reasons, concerns), incident locations, agencies and decoy values."""

from __future__ import annotations

import u32_model as M

SUMMARY = {
    "death": [
        ["{C} was brought to {hospital} by ambulance in the early hours after {pronoun} was found unresponsive at home. Resuscitation was continued for forty minutes but {C} was pronounced dead.",
         "Staff noted old bruising to the upper arms and a healing injury that had not been seen by any professional. The family gave different accounts of when {C} had last been checked.",
         "The family had been known to early help services in {town}, but the case was closed two months ago after the mother stopped engaging."],
        ["{C} died after a fall from a second-floor window of the family flat. The adults present said {C} had been playing alone in the bedroom.",
         "Neighbours told police that the window restrictor had been broken for several months and that the children were often left without supervision.",
         "Housing had received two complaints about the condition of the flat. The health visitor had not been able to see the children since the family moved."],
        ["{C} was found dead in the family home. The cause of death is not yet known and a post-mortem examination is awaited.",
         "Police are investigating because of concerns about neglect: the home was very cold, there was little food, and {C} had missed hospital appointments since the summer."],
        ["{C} died in hospital four days after being admitted with a head injury. The explanation given by the parents changed twice during the admission.",
         "A skeletal survey showed older injuries of different ages. The coroner has been informed and a joint agency response was started.",
         "There are two younger siblings. Both are now staying with maternal relatives under a safety plan."],
    ],
    "serious_harm": [
        ["{C} was seen with injuries that the treating clinicians do not think are consistent with the history given. {C} is now stable but will need surgery and a long period of rehabilitation.",
         "The mother's partner was the only adult at home when the injury happened. He has been arrested and released on bail with conditions not to contact the children.",
         "A strategy discussion was held the same day and a section 47 enquiry is under way."],
        ["{C} was admitted to intensive care after taking a large quantity of prescribed medication belonging to an adult in the household.",
         "Professionals had raised concerns over several months about the adults' alcohol use and about {C} being the main carer for a younger sibling.",
         "{C} has made a partial recovery. The long-term effects are not yet known."],
        ["{C} disclosed to a member of staff that {pronoun} had been hurt by an adult at home over a long period. The injuries seen on examination were extensive and of different ages.",
         "{C} has learning needs and communicates mainly with short phrases and signs, so the account was gathered with help from a familiar worker.",
         "Police have started a criminal investigation and {C} is being cared for by a relative while assessments continue."],
        ["{C} suffered serious injuries in an incident that several agencies had been warned about beforehand.",
         "Information was held by at least three services but was not brought together before the incident. Each service saw only part of the picture.",
         "{C} remains in hospital. The prognosis is uncertain."],
    ],
    "lac_death": [
        ["{C} had been looked after by the local authority for two years and was living in a residential children's home at the time of death.",
         "{C} was reported missing on the evening before and was found by police the following morning. The circumstances are being investigated.",
         "Staff at the home had recorded several recent episodes of {C} returning late with unexplained money and new phone contacts."],
        ["{C} was in a foster placement and died suddenly at the foster home. Paramedics attended but could not revive {C}.",
         "{C} had complex health needs and a care plan involving several health teams. There are questions about whether the latest plan had been shared with the foster carers.",
         "The coroner has opened an inquest."],
        ["{C} was accommodated under section 20 and placed out of area. {C} died following an incident at the placement.",
         "The placing authority and the host authority had different information about the risks, and the placement had been made at short notice."],
    ],
    "care_leaver_death": [
        ["{C} left care at eighteen and was living in supported accommodation with help from a personal adviser. {C} was found dead in the flat.",
         "{C} had a history of self-harm and had recently been discharged from a mental health service after missing appointments.",
         "The personal adviser had last had contact three weeks before {C} died."],
        ["{C} was a care leaver aged {age} who died after an overdose. {C} had been homeless for short periods during the year.",
         "Several agencies were in contact with {C} in the months before death, including housing, substance misuse and probation, but there was no shared plan."],
        ["{C} was a former looked after child who died in hospital after an assault. The person suspected of the assault was known to {C}.",
         "{C} had told a worker that {pronoun} was being pressured to hold drugs for others and was frightened to go home."],
    ],
    "other": [
        ["This referral concerns {C} and the circumstances described below, which do not fit neatly into the other categories but raise serious concerns about how agencies worked together.",
         "{C} was found to have been living away from home with adults who were not relatives, without the knowledge of children's social care, for several months.",
         "{C} was not harmed physically but professionals believe {pronoun} was at very serious risk and that warning signs were missed."],
        ["The incident came to light when {C} told a trusted adult what had been happening. Agencies had been involved with the family for some time.",
         "No single agency had the full picture. The referral is made so the partnership can consider whether a review would help."],
        ["{C} was taken abroad during the school holidays and did not return on the expected date. {C} has now been located and is safe.",
         "Before travel there were indications of a planned marriage that were not acted on, and the school had raised concerns about extended absence."],
    ],
}

CONTEXT = {
    "pellingham_eyes": ["Fundoscopy in clinic showed findings that need explaining, and the ophthalmology team escalated to the safeguarding team the same day.",
                        "The child was referred to eye casualty by the GP with a red eye; the examination raised concerns that were discussed with the on-call paediatrician."],
    "cobbleford_fracture": ["The fracture was first seen in the children's emergency department and the child was followed up in fracture clinic, where the history was taken again.",
                            "The plaster room staff noticed further bruising when the cast was changed and raised it with the registrar."],
    "selverton_firearms": ["The household includes an adult who holds a shotgun certificate. A firearms enquiry officer had visited the address for a renewal earlier in the year.",
                           "The licensing unit became involved after a neighbour reported concerns about how firearms were stored at the address."],
    "hetherby_hba": ["The young person had contacted our service through a school referral and had spoken about pressure from relatives to travel abroad.",
                     "Our caseworker had been meeting the young person at school because it was not safe to meet at home."],
    "quernmoor_hsb": ["The HSB service was working with another child in the same household following concerns about harmful sexual behaviour.",
                      "An AIM3 assessment had been started and safety plans were in place at home and at school."],
    "fcdo_consular": ["The incident took place overseas. Consular staff at post were informed by local police and have been supporting the family.",
                      "The family are British nationals normally resident in the UK and were abroad on a family visit."],
    "sedley_advocacy": ["I have been supporting the child's mother as her advocate through child protection meetings.",
                        "The family asked us to make this referral because they do not feel their concerns about how services worked together have been heard."],
    "guardline_escort": ["The young person was being moved between court and a secure setting in a cellular vehicle with two escort officers.",
                         "The incident happened during a journey from police custody to court and the journey was stopped at the roadside."],
}

REASONS = [
    "{C} has {harm} and there are clear indications of abuse or neglect; several agencies held relevant information that was not shared in time.",
    "The case appears to meet the criteria because of the seriousness of what happened to {C} and the number of agencies involved with the family.",
    "There may be learning about information sharing between health, police and children's social care, and about how risk to {C} was assessed.",
    "We think a Rapid Review is needed so partners can look together at the missed opportunities to protect {C}.",
    "The child lives in {town}, abuse or neglect is suspected, and agencies did not act together on earlier concerns.",
]
CONCERNS = [
    "A safety plan is in place and the siblings are staying with relatives. Police bail conditions prevent contact with the suspected adult.",
    "No other children live in the household. Children's social care are completing an assessment and the family have been told about the referral.",
    "There are two younger children in the home. A strategy meeting has agreed interim arrangements and daily visits.",
    "The risk is currently managed: the young person is in a safe placement and all agencies have been asked to share information today.",
    "Immediate concerns are for the siblings' safety; an emergency protection order was obtained and they are in foster care.",
    "None at present beyond the actions already agreed at the strategy discussion.",
]
LOCATIONS = {
    "pellingham_eyes": ["Family home, {a}", "Grandparents' address in {p}", "Not known - presented at Eye Casualty", "{p} childminder's home"],
    "cobbleford_fracture": ["Family home, {a}", "{p} play park", "Not known - presented to the children's emergency department", "Nursery setting in {p}"],
    "selverton_firearms": ["HOME ADDRESS", "REAR GARDEN OF {A}", "FARM OUTBUILDING, {P}", "VEHICLE ON {P} ROAD"],
    "hetherby_hba": ["At home in {p}", "Abroad (Pakistan), during a family visit", "A relative's house in {p}", "Near the young person's college"],
    "quernmoor_hsb": ["Family home, {a}", "{p} park", "School toilets, {p}", "Relative's home in {p}"],
    "fcdo_consular": ["Holiday apartment, Albufeira, Portugal", "Hotel near Antalya, Turkey", "Family home in Lagos, Nigeria",
                      "Campsite near Zadar, Croatia", "Relative's flat, Krakow, Poland"],
    "sedley_advocacy": ["At home", "At his dad's house in {p}", "At a friend's house", "In the town centre, {p}"],
    "guardline_escort": ["Cellular vehicle on the M62 near junction 24", "Westerby Crown Court cells", "Custody suite, {p} police station",
                         "Secure children's home reception, {p}"],
}

AGENCY_POOL = {
    "common": [
        ("{t} Children's Services - Assessment Team", "council"), ("{p} Primary School", "school"), ("{p} Academy", "school"),
        ("0-19 Health Visiting Service ({t})", "health"), ("School Nursing, {t}", "health"),
        ("{t} Police - Public Protection Unit", "police"), ("{p} Medical Centre", "health"), ("CAMHS ({t})", "health"),
        ("{t} Youth Justice Service", "council"), ("{t} Housing Options", "council"), ("Change Grow Live ({t})", "vol"),
        ("{t} Early Help Hub", "council"), ("Community Midwifery, {t}", "health"), ("{t} Women's Aid", "vol"),
        ("Children's Emergency Department, {t} General", "health"),
    ],
    "pellingham_eyes": [("Paediatric Ophthalmology, Pellingham Royal Infirmary", "health"),
                        ("Pellingham Children's Hospital - Child Protection Team", "health")],
    "cobbleford_fracture": [("Paediatric Radiology, Cobbleford General", "health"), ("Cobbleford Children's Assessment Unit", "health")],
    "selverton_firearms": [("Selverton Constabulary - Firearms Licensing", "police"), ("Daleby Neighbourhood Policing Team", "police")],
    "hetherby_hba": [("Hetherby Freedom Project", "vol"), ("Forced Marriage Unit (FCDO / Home Office)", "fmu")],
    "quernmoor_hsb": [("Quernmoor HSB Service", "council"), ("Quernmoor Youth Justice Service", "council")],
    "fcdo_consular": [("British Consulate (post)", "fcdo"), ("Ravensfield Children's Services - MASH", "council")],
    "sedley_advocacy": [("Sedley Vale Children's Services", "council"), ("Sedley Parents' Voice", "vol")],
    "guardline_escort": [("Youth Custody Service", "yjb"), ("Westerby Youth Offending Team", "council")],
}
KIND_TITLES = {"police": ["PC", "DC", "DS", ""], "health": ["Dr", "", "", ""], "school": ["Mrs", "Mr", "Ms", ""],
               "council": ["", "", "Ms"], "vol": ["", ""], "fmu": ["", ""], "fcdo": ["", "Mr"], "yjb": ["", ""]}


def agency_domain(kind: str, agency: str, town: str) -> str:
    slug = "".join(ch for ch in agency.split(",")[0].split("(")[0].lower() if ch.isalnum())[:18]
    return {"police": f"{town.lower()}.police.uk", "health": "nhs.net", "school": f"{slug}.sch.uk",
            "council": f"{town.lower()}.gov.uk", "vol": f"{slug}.org.uk", "fmu": "fco.gov.uk",
            "fcdo": "fcdo.gov.uk", "yjb": "yjb.gov.uk"}[kind]


DECOYS = {
    "hospno": lambda r, s, c: f"PUH {r.randrange(1000000, 9999999)}",
    "nhsno": lambda r, s, c: f"{r.randrange(400, 999)} {r.randrange(100, 999)} {r.randrange(1000, 9999)}",
    "mrn": lambda r, s, c: f"CLV{r.randrange(100000, 999999)}",
    "consultant": lambda r, s, c: f"{r.choice(['Mr', 'Dr', 'Miss', 'Prof.'])} {r.choice(M.ADULT_F + M.ADULT_M)[0]}. {r.choice(M.ADULT_SUR)}",
    "retina": lambda r, s, c: r.choice(["Multilayered haemorrhages, both eyes", "Right eye: preretinal haemorrhage; left eye: normal",
                                        "Scattered intraretinal haemorrhages to the periphery", "No abnormality detected"]),
    "yesno": lambda r, s, c: r.choice([s["yes"], s["no"]]),
    "fracture": lambda r, s, c: r.choice(["Spiral fracture, left femur", "Metaphyseal corner fracture, right tibia",
                                          "Posterior rib fractures (healing)", "Supracondylar fracture, left humerus"]),
    "accession": lambda r, s, c: f"RAD{r.randrange(10000000, 99999999)}",
    "collar": lambda r, s, c: f"{r.randrange(1000, 9999)}",
    "certno": lambda r, s, c: f"FAC/SEL/{r.randrange(10000, 99999)}",
    "holder": lambda r, s, c: f"{r.choice(M.ADULT_M).upper()} {c['surname'].upper()}",
    "guns": lambda r, s, c: r.choice(["2 X SHOTGUN", "1 X .22 RIFLE, 1 X SHOTGUN", "3 X SHOTGUN, 1 X AIR RIFLE (FAC)", "NONE HELD - REVOKED"]),
    "occref": lambda r, s, c: f"SC-{c['yy']}-{r.randrange(100000, 999999)}",
    "safephone": lambda r, s, c: M.phone(r, True),
    "language": lambda r, s, c: r.choice(["English and Urdu", "Punjabi", "English", "Bengali (Sylheti)", "Kurdish Sorani"]),
    "fmu": lambda r, s, c: f"FMU {c['yy']}/{r.randrange(100, 999):04d}",
    "poc": lambda r, s, c: f"{r.choice(M.ADULT_M)} {c['surname']} (uncle)",
    "initials": lambda r, s, c: f"{r.choice('ABCDEGHJKLMNPRST')}.{r.choice('ABCDEGHJKLMNPRST')}.",
    "crimeref": lambda r, s, c: f"QP/{r.randrange(10000, 99999)}/{c['yy']}",
    "worker": lambda r, s, c: f"{r.choice(M.ADULT_F + M.ADULT_M)} {r.choice(M.ADULT_SUR)}",
    "marac": lambda r, s, c: f"MARAC-{c['yy']}-{r.randrange(100, 999)}",
    "conref": lambda r, s, c: f"CON-20{c['yy']}-{r.randrange(100000, 999999)}",
    "post": lambda r, s, c: r.choice(["British Embassy, Lisbon", "British Consulate, Antalya", "British High Commission, Abuja",
                                      "British Embassy, Zagreb", "British Embassy, Warsaw"]),
    "passport": lambda r, s, c: f"{r.randrange(100000000, 999999999)}",
    "nationality": lambda r, s, c: r.choice(["British", "British / Portuguese", "British / Nigerian", "British / Polish"]),
    "localref": lambda r, s, c: f"{r.choice(['GNR', 'EGM', 'PCZ'])}-{r.randrange(1000, 9999)}/{c['yy']}",
    "parent": lambda r, s, c: f"{r.choice(M.ADULT_F)} {c['surname']} (mum)",
    "quote": lambda r, s, c: r.choice(["\"Nobody listened to us until it was too late.\"", "\"We want to know why the school wasn't told.\"",
                                       "\"I asked for help twice.\""]),
    "staffid": lambda r, s, c: f"GSE-{r.randrange(10000, 99999)}",
    "vehicle": lambda r, s, c: f"CV {r.randrange(100, 400)}",
    "journey": lambda r, s, c: f"JR-{c['ymd']}-{r.randrange(100, 999)}",
    "time": lambda r, s, c: f"{r.randrange(7, 20):02d}:{r.randrange(0, 60):02d}",
    "officer2": lambda r, s, c: f"{r.choice(M.ADULT_F + M.ADULT_M)} {r.choice(M.ADULT_SUR)} (ECO)",
    "uof": lambda r, s, c: f"UOF/{r.randrange(1000, 9999)}",
}
