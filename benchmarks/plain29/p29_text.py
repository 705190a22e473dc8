"""Narrative answers: incident summaries, reasons, immediate concerns, 'other' details (all invented)."""

from __future__ import annotations

import random

OPEN = {
    "death": [
        (0, "any", "{c} ({age}) was found unresponsive at {place} on {date}. Paramedics started resuscitation and {pro} was "
        "taken to {hosp}, where {pro} was pronounced dead later that morning."),
        (0, "any", "On {date} an ambulance was called to {place} after {c} ({age}) stopped breathing. Despite resuscitation "
        "{c} died in the emergency department."),
        (0, "home", "{c}, aged {age}, died on {date}. {Pro} had been taken to {hosp} the previous evening with a head injury that "
        "the adults at home could not explain."),
    ],
    "serious_harm": [
        (0, "home", "{c} ({age}) was admitted to {hosp} on {date} with injuries that doctors consider to be non-accidental, "
        "including a fractured arm and bruising of different ages."),
        (11, "home", "On {date} {c} ({age}) was taken to {hosp} having taken an overdose of prescribed medication. {Pro} needed "
        "intensive care for two days and is now medically stable."),
        (8, "out", "{c} ({age}) was found on {date} at {place} with serious injuries after being assaulted. {Pro} remains in "
        "{hosp}."),
        (1, "home", "{c} ({age}) was brought to {hosp} on {date} severely underweight and dehydrated. Clinicians describe the "
        "presentation as long-standing neglect."),
    ],
    "lac_death": [
        (2, "placement", "{c} ({age}) was looked after by the local authority and living in {placement}. On {date} {pro} was found "
        "unresponsive in {pos} bedroom and died shortly afterwards."),
        (6, "road", "{c}, a looked after child aged {age}, died on {date} after being struck by a car near {place}. {Pro} had been "
        "reported missing from {placement} the previous night."),
    ],
    "care_leaver_death": [
        (18, "leaver", "{c} ({age}) was a care leaver living in supported accommodation. {Pro} was found dead at {place} on {date}; "
        "the cause of death is awaited."),
        (18, "leaver", "{c}, aged {age}, left care at eighteen and was still supported by a personal adviser. {Pro} died on {date} "
        "after a suspected overdose at {place}."),
    ],
    "other": [
        (11, "out", "On {date} {c} ({age}) was found at {place} in the company of adults not known to the family. {Pro} was not "
        "physically hurt but disclosed exploitation over several months."),
        (5, "any", "{c} ({age}) was living in a private fostering arrangement that no agency knew about until {date}, when "
        "{pro} was found alone at {place}."),
        (0, "any", "On {date} a serious incident took place at {place} involving {c} ({age}) and an adult who was later "
        "arrested. {C} was not injured."),
    ],
}

FLAVOUR = {
    "harnfold_npt": [
        "The neighbourhood team had attended the address {n} times in the previous six months, mostly for reports of "
        "shouting and a neighbour dispute. No child was seen on most of those visits.",
        "Officers on the estate knew {c} well and had given words of advice twice about anti-social behaviour. The "
        "beat manager had raised a concern with the MASH in the autumn.",
        "A PCSO had noticed that {c} was often out late without a coat and had mentioned this to the school's "
        "police liaison officer.",
    ],
    "wexbury_ccn": [
        "The CCN team has visited {c} at home weekly to support {pos} complex health needs. Over the last three "
        "months several visits were cancelled by the family or there was no answer at the door.",
        "Nursing records show missed medication and equipment that had not been cleaned. These concerns were shared "
        "with the allocated social worker in the weeks before the incident.",
        "Mum told the nurse on the last visit that she was exhausted and that overnight care had stopped. The team "
        "escalated this to the commissioning manager.",
    ],
    "ravelstone_cpchairs": [
        "{c} was made subject to a child protection plan under the category of neglect. At the last review "
        "conference agencies reported improvement and the plan was continued for a further three months.",
        "There had been two changes of social worker in the last six months and the core group had not met since "
        "the review conference.",
        "Parental substance misuse and domestic abuse were the main concerns at the initial conference. Father's "
        "return to the household was not known to all agencies.",
    ],
    "tarrow_edsafe": [
        "The school had recorded concerns about {c}'s attendance, hunger and changes in behaviour since the start of "
        "term, and had made an early help referral in the autumn.",
        "{c}'s attendance had fallen below 70% and the school DSL sought advice from the Education Safeguarding Team "
        "two weeks before the incident.",
        "A member of staff noticed bruising in a PE lesson and {c} gave an account that was not consistent. The "
        "school referred to children's services the same day.",
    ],
    "talkwell_online": [
        "{c} has used Talkwell since last year, mainly through the text chat. In recent sessions {pro} described "
        "feeling unsafe at home and an older boyfriend who controlled {pos} phone.",
        "{c} disclosed during an evening chat that {pro} had been self-harming and that an adult at home hit {pos} "
        "younger sibling. The counsellor followed our escalation procedure.",
        "{C} stayed anonymous at first. After several sessions {pro} gave {pos} full name and school so that we could "
        "share our concerns.",
    ],
    "ottersley_nnu": [
        "{c} was admitted to the neonatal unit after birth. Parents' visiting has been infrequent and staff noted "
        "that mother appeared intoxicated on two visits.",
        "There was a pre-birth child protection plan because of domestic abuse and maternal substance use. A "
        "discharge planning meeting had been arranged.",
        "Staff on the unit raised concerns about the way father handled {c} during cares. These were recorded and "
        "shared with the hospital social work team.",
    ],
}

AFTER = [
    "A strategy discussion was held on the day the local authority was told, and a section 47 enquiry has started.",
    "Siblings have been seen and their safety has been checked. A joint visit with police took place the same day.",
    "Several agencies knew the family, but information was not shared between them and no one agency had the "
    "whole picture.",
    "The family had moved between two addresses during the year and records did not follow them promptly.",
    "The police investigation is at an early stage and the family are aware of this referral.",
]

REASON = [
    "{c} has {harm} and there are concerns that neglect played a part. Several agencies were involved and there may "
    "be learning about how information was shared.",
    "The criteria appear to be met: serious harm, abuse suspected, and a number of agencies working with the family "
    "without a shared view of risk.",
    "We think there is learning about escalation, about how the voice of the child was heard, and about how agencies "
    "responded to missed appointments.",
    "Abuse or neglect is suspected and more than one agency was involved. The case raises questions about "
    "information sharing at the point the plan stepped down.",
    "I am not sure the threshold is met but the partnership should consider it because so many services knew "
    "{c} and the concerns were not joined up.",
]

IMMEDIATE = [
    "Siblings are staying with maternal grandparents under a safety plan; police bail conditions prevent contact "
    "with the suspect.",
    "No immediate concerns for other children - there are no other children in the household.",
    "{c}'s younger brother has been placed with foster carers under police protection; a strategy meeting is booked.",
    "A safety plan is in place and the allocated social worker visited the home today.",
    "The other children have been seen by a paediatrician and remain at home with a written agreement.",
    "None identified at present; this will be reviewed at the strategy discussion.",
]

OTHER_DETAIL = ["Child sexual exploitation - no physical injury", "Private fostering arrangement not notified",
                "Serious incident - adult arrested, child not injured", "Near miss: found in water, recovered",
                "Trafficking concern", ""]

HOSPITALS = {"harnfold_npt": "Ellerdyne Royal Infirmary", "wexbury_ccn": "Wexbury Hospital",
             "ravelstone_cpchairs": "Ravelstone Royal Hospital", "tarrow_edsafe": "Tarrow General Hospital",
             "talkwell_online": "Sandalwick General Hospital", "ottersley_nnu": "Ottersley General Hospital"}

PLACEMENTS = ["a children's home in the next county", "a foster placement", "a supported lodgings placement",
              "a residential placement"]


def pronouns(gender: str | None) -> tuple[str, str]:
    if gender == "female":
        return "she", "her"
    if gender == "male":
        return "he", "his"
    return "they", "their"


def _min_age(text: str) -> int:
    for word, age in (("anti-social", 10), ("out late", 5), ("PE lesson", 5), ("attendance", 5), ("boyfriend", 11),
                      ("self-harming", 11), ("full name and school", 10)):
        if word in text:
            return age
    return 0


def pick_open(rng: random.Random, itype: str | None, age_years: int, nnu: bool) -> tuple[str, str]:
    """The opening sentence of the summary, and where it says the incident happened."""
    t = itype if itype in OPEN else "serious_harm"
    fits = [(w, tpl) for (mn, w, tpl) in OPEN[t] if age_years >= mn and not (nnu and w in ("out", "road"))]
    fits = fits or [(w, tpl) for (mn, w, tpl) in OPEN[t]]
    return rng.choice(fits)


COMMON = ("Family", "Bedroom", "Grandparents'", "Bus", "Underpass", "Car", "Park", "Takeaway", "Ring", "Children's",
          "Foster", "Supported", "Flat", "Hostel", "Neonatal", "Postnatal", "Home", "Address", "Alleyway", "Woodland",
          "Shared", "Canal")


def in_text(place: str) -> str:
    first = place.split()[0]
    if first in COMMON:
        return "the " + place[0].lower() + place[1:]
    return place


def summary(rng: random.Random, sender: str, tpl: str, c: str, age_phrase: str, age_years: int,
            gender: str | None, date_text: str, place: str) -> list[str]:
    pro, pos = pronouns(gender)
    vals = dict(c=c, C=c, age=age_phrase, date=date_text, place=in_text(place), hosp=HOSPITALS[sender], pro=pro,
                Pro=pro.capitalize(), pos=pos, placement=rng.choice(PLACEMENTS), n=rng.choice([3, 4, 5, 7]))
    paras = [tpl.format(**vals)]
    n = rng.choices([1, 2, 3, 4], weights=[2, 3, 4, 3])[0]
    fl = [f for f in FLAVOUR[sender] if age_years >= _min_age(f)]
    rng.shuffle(fl)
    af = AFTER[:]
    rng.shuffle(af)
    extra = fl[:2] + af[:2]
    for i in range(n - 1):
        paras.append(extra[i].format(**vals))
    if rng.random() < 0.35 and len(paras) >= 2:
        # a short summary typed as one long paragraph
        paras = [" ".join(paras[:2])] + paras[2:]
    return paras


def reason(rng: random.Random, c: str, itype: str | None) -> str:
    harm = "died" if itype in ("death", "lac_death", "care_leaver_death") else "been seriously harmed"
    return rng.choice(REASON).format(c=c, harm=harm)


def immediate(rng: random.Random, c: str) -> str:
    return rng.choice(IMMEDIATE).format(c=c)


OTHER_DETAIL_NNU = ["Baby taken from the unit by father without agreement", "Attempted removal of baby from the ward",
                    "Unsafe sleeping incident on the postnatal ward - baby recovered", ""]


def other_detail(rng: random.Random, nnu: bool, age: int) -> str:
    if nnu:
        return rng.choice(OTHER_DETAIL_NNU)
    pool = [d for d in OTHER_DETAIL if not (age < 10 and ("exploitation" in d or "Trafficking" in d))]
    return rng.choice(pool)
