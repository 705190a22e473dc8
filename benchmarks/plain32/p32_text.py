"""plain32: the free text of a case - the incident summary (its opening paragraph goes with the incident
location), the "other" details, the reasons for referral and the immediate concerns - fitted to the sender, the
incident type, the child's age and the number of children."""

from p32_model import BLOCKS, STREETS

def other_details(r, s, k):
    age = k["age"]
    pos = ["her", "his", "their"][k["gender"]]
    out = ["Serious injury to a sibling in the household", "Death of a parent in a domestic homicide; children present"]
    if age < 2:
        out += ["Infant found unresponsive, resuscitated - no lasting harm known yet",
                "Baby left alone overnight; found cold and dehydrated"]
    elif age < 12:
        out += ["Child found wandering alone at night, two miles from home",
                "Child left in the care of a 13-year-old for a week"]
    else:
        out += ["Overdose requiring hospital admission; harm not yet assessed",
                "Missing for 9 days, found in another county"]
        if age >= 15:
            out.append(f"Non-fatal strangulation of a {age}-year-old by {pos} partner")
    if s["key"] == "marrowby_pfteam":
        out = ["Serious incident in a private fostering arrangement"] * 2 + out
    return out


def opening(r, itype, ctx):
    """The first paragraph of the summary and the incident location that goes with it."""
    C, pron, Pron, pos, obj = ctx["C"], ctx["pron"], ctx["Pron"], ctx["pos"], ctx["obj"]
    M, P, age, town = ctx["M"], ctx["P"], ctx["age"], ctx["town"]
    agew = "aged " + (str(age) if age else "under one")
    hosp = ctx["hospital"]
    street, block = r.choice(STREETS), r.choice(BLOCKS)
    home = r.choice(["Family home", "Home address", "Family home (bedroom)"])
    if itype == "lac_death":
        if age < 16:
            return r.choice([
                (f"{C}, who was looked after by the local authority and placed in a residential children's home out of area, was found dead in {pos} room.",
                 r.choice(["Children's home, Oakleigh House", "Residential children's home (out of area)"])),
                (f"{C} ({agew}), a looked after child in a foster placement, died after being struck by a car while missing from placement overnight.",
                 f"{street}, {town}"),
                (f"{C} ({agew}) died in hospital after a severe asthma attack at {pos} foster placement; the foster carer had not sought help for several hours.",
                 "Foster placement"),
            ])
        return r.choice([
            (f"{C}, who was looked after by the local authority and placed in a residential children's home out of area, was found dead in {pos} room.",
             r.choice(["Children's home, Oakleigh House", "Residential children's home (out of area)"])),
            (f"{C} ({agew}), a looked after child in a foster placement, died after being struck by a car while missing from placement overnight.",
             f"{street}, {town}"),
            (f"{C} died following a suspected overdose while looked after and living in semi-independent accommodation.",
             f"Semi-independent placement, {block}"),
        ])
    if itype == "care_leaver_death":
        where = r.choice([f"Supported accommodation, {block}", "Own tenancy", f"Hostel, {town}"])
        return r.choice([
            (f"{C}, a care leaver aged {age}, was found dead ({where[0].lower() + where[1:]}). {Pron} had been in care from the age of {r.randint(6, 14)}.", where),
            (f"{C} ({agew}) died in hospital after a drug-related collapse at {pos} accommodation. {Pron} had left care at 18 and was supported by a personal adviser.", where),
        ])
    if itype == "other":
        d = ctx["detail"]
        return r.choice([
            (f"{C} ({agew}) was involved in an incident the referrer describes as: {d[0].lower() + d[1:]}.", home),
            (f"This referral concerns {C}. {d}. The incident does not fit easily into the usual categories but the referrer believes it should be considered.", home),
        ])
    band = "infant" if age < 2 else ("child" if age < 12 else "teen")
    table = {
        ("death", "infant"): [
            (f"{C} ({agew}) was found unresponsive in {pos} cot by {M} in the early hours. Paramedics took {obj} to {hosp}, where {pron} was pronounced dead.", home),
            (f"{C} died in hospital two days after being admitted with a head injury. {M} and {P} said {pron} had rolled off a sofa; the injuries were not consistent with that account.", home),
            (f"{C} was found face down on a sofa where {pron} had been sleeping with {P}, who had been drinking. {Pron} could not be revived.", r.choice(["Family home", "Home of a family friend"])),
        ],
        ("death", "child"): [
            (f"{C} ({agew}) died in hospital after being found unresponsive at home. Bruising of different ages was found on {pos} body.", home),
            (f"{C} died after a fall from a first-floor window. {Pron} had been left alone in the flat for several hours.", f"Flat, {block}"),
            (f"{C} drowned in the bath while {M} was out of the room for a long period; {M} had been drinking.", home),
        ],
        ("death", "teen"): [
            (f"{C} ({agew}) was found hanged in {pos} bedroom. {Pron} had told a friend the week before that {pron} did not want to live at home any more.", "Bedroom at the family home"),
            (f"{C} died after being stabbed in {town} town centre. {Pron} was believed to be being criminally exploited.", f"Bus station, {town}"),
            (f"{C} died in hospital after taking a large quantity of {M}'s prescribed medication.", home),
        ],
        ("serious_harm", "infant"): [
            (f"{C} ({agew}) was brought to the emergency department at {hosp} by {M} with a swollen leg. X-rays showed a fracture that the explanation given (a fall from a changing mat) did not account for.", home),
            (f"{C} was admitted to {hosp} with a subdural haemorrhage and bruising to the face. No explanation was given for the injuries.", home),
            (f"{C} was found to have a significant scald to {pos} back and arm. {M} did not seek medical help for two days.", r.choice([home, f"Temporary accommodation, {block}"])),
        ],
        ("serious_harm", "child"): [
            (f"{C} ({agew}) was admitted to {hosp} with a fractured arm and bruising to {pos} back and legs. {Pron} told a nurse that {P} had hurt {obj}.", home),
            (f"{C} was severely malnourished and dehydrated when admitted to {hosp}; {pron} weighed well below the expected range for {pos} age.", home),
            (f"{C} suffered serious burns at the home of a family friend; the account given by the adults present changed several times.", "Home of a family friend"),
        ],
        ("serious_harm", "teen"): [
            (f"{C} ({agew}) was admitted to intensive care after an overdose. {Pron} has since disclosed long-standing physical abuse by {P}.", home),
            (f"{C} was seriously assaulted by an older male near the canal and needed surgery.", f"Canal towpath near {street}"),
            (f"{C} disclosed sexual abuse by {P}, her mother's partner, and has needed hospital treatment." if ctx["gender"] == 0 else
             f"{C} was found with serious injuries after being held and beaten at an address linked to drug dealing.",
             home if ctx["gender"] == 0 else f"{r.randint(2, 90)} {street}, {town}"),
        ],
    }
    return r.choice(table[(itype, band)])


def summary(r, s, itype, ctx, opening):
    C, pron, pos, obj = ctx["C"], ctx["pron"], ctx["pos"], ctx["obj"]
    M, P, age = ctx["M"], ctx["P"], ctx["age"]
    died = itype in ("death", "lac_death", "care_leaver_death")
    lac = itype == "lac_death"
    cl = itype == "care_leaver_death"
    key = s["key"]
    if key == "wyndale_dasu":
        if cl:
            context = [f"{C} had been assaulted by a partner three months earlier; the DASU completed a DASH risk assessment, graded high risk, and referred {obj} to MARAC."]
        elif lac:
            context = [f"Before {C} came into care, police attended the family home many times because of domestic abuse by {P} towards {M}."]
        else:
            context = [f"The household was known to the Domestic Abuse Safeguarding Unit after {r.randint(3, 9)} reported domestic abuse incidents in the last year, the most recent assessed as high risk on the DASH. {M} had been referred to MARAC.",
                       f"Police had attended the address several times. {P} has previous convictions for assaulting a former partner and was on bail with a condition not to contact {M}."]
    elif key == "bellminster_fracture":
        if cl:
            context = [f"{C} attended the Children's Fracture Clinic several times as a child; the records show repeated injuries that were accepted as accidental at the time."]
        elif age < 2 and itype not in ("death", "serious_harm"):
            context = [f"{C} was seen in the Children's Fracture Clinic last month with a fractured collarbone that was accepted at the time as an accidental injury."]
        elif age < 2:
            context = [f"{C} was reviewed in the Children's Fracture Clinic. Because of {pos} age and the pattern of injury a skeletal survey was requested under the Trust's protocol for injuries in non-mobile infants.",
                       "The skeletal survey showed further healing fractures of different ages. The on-call consultant paediatrician was informed and a strategy discussion was requested."]
        else:
            context = [f"{C} had attended the Children's Fracture Clinic twice in the past year, with a wrist fracture and a fractured finger; both were accepted as accidental at the time.",
                       f"On review of the fracture clinic records, the explanations given for {C}'s earlier injuries were inconsistent and follow-up appointments were missed."]
    elif key == "norchester_ealna":
        if cl:
            context = [f"{C} came to the UK as an unaccompanied child and was supported by the EAL and New Arrivals Service at school before leaving care."]
        elif ctx["subject_school"]:
            context = [f"{C} arrived in the UK with {pos} family about {r.randint(4, 20)} months ago and joined {ctx['subject_school']} with support from the EAL and New Arrivals Service. Staff had noticed that {pron} was often hungry, tired and withdrawn.",
                       f"The family live in temporary accommodation and speak little English. {M} told the bilingual assistant that {P} had become violent since the family's asylum claim was refused."]
        else:
            context = [f"The family arrived in the UK about {r.randint(4, 20)} months ago. The EAL and New Arrivals Service supports the older children at {ctx['sib_school'] or 'school'}, where staff had noticed that they were often hungry and withdrawn.",
                       f"The family live in temporary accommodation and speak little English. {M} told the bilingual assistant that {P} had become violent since the family's asylum claim was refused."]
    elif key == "marrowby_pfteam":
        if lac or cl:
            context = [f"Before becoming looked after, {C} lived in a private fostering arrangement with a family friend, which the Private Fostering Team assessed."]
        else:
            raised = f"{ctx['subject_school']} raised concerns about {pos} attendance" if ctx["subject_school"] else "the health visitor raised concerns"
            context = [f"{C} has been living with a family friend in a private fostering arrangement. The arrangement was only notified to the local authority after {raised}.",
                       f"The private fostering assessment was not complete. Statutory visits had been made but {C} had not been seen alone on the last two visits."]
    elif key == "growingtogether_parenting":
        if cl:
            context = [f"{C} was a young parent attending a Baby and Us group run by Growing Together."]
        elif lac:
            context = [f"Before {C} came into care, {M} attended a group parenting programme run by Growing Together but stopped after four sessions."]
        else:
            context = [f"{M} had been attending a group parenting programme run by Growing Together. In session six she told the facilitator that {P} had been hitting the children when they cried.",
                       f"The family were referred to the parenting programme by their health visitor. Attendance was patchy and {M} missed the last three sessions."]
    else:
        if cl:
            context = [f"{C} was known to the service until transition to adult wheelchair services at 18."]
        else:
            context = [f"{C} is a wheelchair user known to the service for seating and postural management. At the last home visit the therapist found pressure damage on {pos} lower back and the prescribed seating had not been used for several weeks.",
                       f"Appointments for a seating review were missed four times in the last year. The family told the service they could not get {C} to clinic."]
    after = [
        "A strategy discussion was held the following day and a section 47 enquiry started." + (f" {ctx['sib']} is staying with a relative under a safety plan." if ctx["sib"] else ""),
        (f"Police attended and {P} was arrested. A joint investigation with children's social care is under way."
         if itype in ("death", "serious_harm") else "A joint agency response meeting was held and the police are investigating."),
        "The case was discussed at the hospital safeguarding meeting and children's social care were informed the same day.",
        (f"{ctx['police']} are investigating. The Child Death Review process has also started." if died else
         "Children's social care have started an assessment and the family have been told about this referral."),
    ]
    mode = r.random()
    if mode < 0.2:   # brief
        return [opening]
    paras = [opening, r.choice(context)]
    if mode > 0.45:
        paras.append(r.choice(after))
    if mode > 0.8 and len(context) > 1:
        paras.append([c for c in context if c != paras[1]][0])
    return paras


def reason_text(r, itype):
    opts = [
        "There are indications of neglect over a long period and several agencies were involved with the family. There may be learning about information sharing and professional curiosity.",
        "The injuries are unexplained and abuse is suspected. Agencies held different pieces of information that were not brought together.",
        "The child was known to a number of services and there were missed opportunities to act on earlier concerns.",
        "We think the case meets the criteria for a Rapid Review because a child has been seriously harmed and abuse or neglect is suspected.",
        "Concerns were raised by more than one agency but did not lead to a referral to children's social care. The Partnership should look at why.",
    ]
    if itype == "other":
        opts.append("The incident does not clearly meet the statutory criteria but we believe there is learning for the partnership.")
    return r.choice(opts)


def concerns_text(r, itype, ctx):
    sib = ctx["sib"]
    if itype == "care_leaver_death":
        opts = ["No other children are known to be at risk.",
                f"{ctx['C']}'s partner has a baby; a referral has been made to children's social care for that child."]
    elif ctx["nch"] > 1:
        opts = [f"{sib} remains at home with {ctx['M']}; a safety plan is in place and {ctx['P']} is not to have contact.",
                "The other children in the household have been seen and a child protection medical has been arranged for the youngest.",
                "Strategy discussion held; siblings placed with their grandmother under a family arrangement.",
                f"{ctx['M']} is being supported by an IDVA. Children's social care are visiting the siblings daily."]
    else:
        opts = [f"There are no other children in the household. {ctx['P']} has been released on bail with conditions.",
                "No immediate concerns for other children. The family have moved to a relative's address while enquiries continue.",
                f"{ctx['M']} is being supported by an IDVA. Children's social care are visiting daily.",
                "No other children are known to be at risk."]
    return r.choice(opts)
