"""unseen18: the eight invented senders - wordings, answer words, decoys and stories.

Every organisation, partnership, place and person here is invented.
"""

from __future__ import annotations

import datetime as dt

MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _d(style):
    def f(d):
        from u18_model import fmt_date
        return fmt_date(d, style)
    return f


def dday(offset_lo, offset_hi, base="R"):
    """A decoy date near the referral (R) or incident (I) date, in the form's main style."""
    def gen(rng, R, I, style):
        from u18_model import fmt_date
        b = R if base == "R" else I
        return fmt_date(b + dt.timedelta(days=rng.randint(offset_lo, offset_hi)), style)
    return gen


def const(fn):
    def gen(rng, R, I, style):
        return fn(rng)
    return gen


def adult_name(rng):
    from u18_model import ADULT_FIRST, SURNAMES
    return f"{rng.choice(ADULT_FIRST)} {rng.choice(SURNAMES)}"


ITYPES_A = [("Death of a child", "death"), ("Serious harm to a child", "serious_harm"),
            ("Death of a looked after child", "lac_death"), ("Death of a care leaver (under 25)", "care_leaver_death"),
            ("Other (please specify)", "other")]
ITYPES_B = [("Child death", "death"), ("Serious harm", "serious_harm"), ("Death of a child in care", "lac_death"),
            ("Death of a care leaver", "care_leaver_death"), ("Other", "other")]
ITYPES_C = [("Death", "death"), ("Serious harm", "serious_harm"), ("Death of a looked after child", "lac_death"),
            ("Death of a care leaver aged 18 to 24", "care_leaver_death"), ("Other serious incident", "other")]

SEC_DEFAULT = {"referrer": "Your details", "lead": "Safeguarding lead", "child": "The child",
               "childn": "Child {n}", "incident": "The incident", "criteria": "Criteria for a review",
               "panel": "National Panel", "agencies": "Other agencies involved", "concerns": "Immediate concerns",
               "decoys": "Office record"}


def secs(**kw):
    d = dict(SEC_DEFAULT)
    d.update(kw)
    return d


SENDERS: dict[str, dict] = {}

# ------------------------------------------------------------------ 1. building society
SENDERS["penhallow_bs"] = dict(
    key="penhallow_bs",
    org="Penhallow Building Society", unit="Customer Vulnerability and Financial Crime Team",
    partnership="Truan and Penhallow Safeguarding Children Partnership", p_short="TPSCP",
    p_email="tpscp.reviews@truan.gov.uk", p_phone="01632 960 411",
    domain="penhallowbs.co.uk", area="Truan", town="Truan", postcode="TR98",
    form_title="Young customer safeguarding referral to the Safeguarding Children Partnership",
    form_ref="PBS/VC-SG7",
    markings=["OFFICIAL-SENSITIVE", "CONFIDENTIAL - CUSTOMER DATA", "RESTRICTED (when complete)"],
    guidance=("Use this form when a colleague believes a customer under 18 (or a care leaver under 25) has died or "
              "been seriously harmed and abuse, neglect or exploitation is suspected. Email the completed form to "
              "{p_email} or call the Partnership on {p_phone}. Write dates as {example}. Do not include full account "
              "numbers."),
    labels=dict(
        ref_name="Colleague name", ref_role="Job title", ref_agency="Branch / department", ref_email="Work email",
        ref_phone="Direct dial", date_ref="Date referral raised",
        lead_name="Vulnerable Customer Lead (safeguarding)", lead_role="Lead's job title", lead_agency="Lead's department",
        lead_email="Lead's email", lead_phone="Lead's direct dial",
        discussed="Referral approved by the Vulnerable Customer Lead?",
        child_name="Young person's full name", other_names="Known as / name on account",
        dob="Date of birth (from account records)", age="Age (if no DOB held)", gender="Sex",
        address="Correspondence address", school="School / college (if known)",
        cp_plan="Subject to a child protection plan?", open_to_csc="Known to children's social care?",
        looked_after="Looked after child?", disability="Vulnerability markers on the account",
        date_of_death="Date of death (if applicable)",
        inc_date="Date the activity was identified", la_aware="Date LA children's services informed",
        location="Branch / channel where identified", itype="Concern type",
        summary="Summary of the account activity and the concern", police="Police informed?",
        c_dsh="Has the young person died or been seriously harmed?", c_abn="Is abuse, neglect or exploitation known or suspected?",
        c_local="Does the young person live in {area}, or did the harm happen here?",
        c_learn="Could the Partnership's agencies learn from this case?",
        reason="Why you think a review should be considered", panel="Has the national Panel been notified?",
        panel_date="Date the Panel was notified", concerns="Immediate risks to this or other young people"),
    sec_titles=secs(referrer="1. Colleague making the referral", lead="2. Vulnerable Customer Lead",
                    child="3. Young person", childn="3. Young person {n}", incident="4. What was identified",
                    criteria="5. Review criteria", panel="6. National Panel", agencies="7. Other agencies known",
                    concerns="8. Immediate risks", decoys="9. Account information (internal)"),
    child_fields={"other_names", "age", "school", "disability", "date_of_death"},
    yn=("Yes", "No", "Unknown"),
    gender=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    itypes=ITYPES_A, date_main="caps", date_dob="slash",
    ref_roles=["Branch Manager", "Customer Adviser", "Financial Crime Investigator", "Senior Customer Adviser",
               "Fraud Analyst", "Vulnerable Customer Champion"],
    lead_roles=["Head of Vulnerable Customers", "Vulnerable Customer Lead", "Safeguarding and Vulnerability Manager"],
    ref_agency=["Truan High Street branch", "Financial Crime Operations", "Customer Contact Centre", "Penwithick Road branch",
                "Fraud Detection Team"],
    lead_agency=["Customer Vulnerability and Financial Crime", "Customer Outcomes", "Vulnerable Customer Team"],
    streets=["Chy-an-Dour Road", "Trelawney Close", "Harbour View", "Polwin Terrace", "St Ia Road", "Kergilliack Way"],
    districts=["Penvose", "Treloweth", "Higher Carne", "Porth Eglos"], blocks=["Gwel-an-Mor House", "Trevenna Court"],
    schools=["Truan Community College", "Penvose Academy", "St Ia's School", "Treloweth Primary"],
    colleges=["Truan College", "Cornwall and Devon Maritime College (Truan campus)"],
    gps=["Penvose Surgery"], legal=["-"],
    disabilities=["Third-party mandate flagged", "Vulnerability marker: mental health", "Learning disability noted by branch",
                  "Hearing impairment", "ADHD (disclosed in branch)"],
    agency_headers=["Name", "Organisation", "Telephone / email"],
    agency_pool=[("Truan Council Children's Services", "sw"), ("Kernow Police - Economic Crime Unit", "p"),
                 ("Truan Community College", "s"), ("Truan Youth Justice Service", "y"),
                 ("Safe Passage exploitation service (charity)", "c"), ("School nurse, Penvose", "h")],
    agency_domains=["truan.gov.uk", "nhs.net", "truancollege.ac.uk", "kernow.police.uk"],
    decoys=[("Account number (last 4 digits)", const(lambda r: f"****{r.randrange(1000, 9999)}")),
            ("Date account opened", dday(-900, -120)),
            ("Date of last transaction", dday(-3, -1)),
            ("Cifas / internal case reference", const(lambda r: f"VC-{r.randrange(100000, 999999)}"))],
    stories=[
        dict(type="serious_harm", ages=(14, 17), places=["branch"],
             locations=["Truan High Street branch (counter)", "Mobile banking app / online", "Penwithick Road branch",
                        "Telephone banking"],
             paras=["Between {place} visits and online activity, {cs}'s account received eleven payments from "
                    "unrelated third parties in nine days, each moved out again within minutes to an account held "
                    "elsewhere. {c} is {age}.",
                    "When {c} came into the branch with an older male to withdraw cash, {he} appeared frightened, had a "
                    "swollen eye and a cut to the lip, and said {he} 'owed' the man money. The male answered questions "
                    "for {him}.",
                    "We blocked the account the same day. {c} later phoned our contact centre in tears saying {he} "
                    "would be hurt if the money did not come through, and that this had already happened once.",
                    "We believe {c} is being used as a money mule and has been assaulted by those controlling "
                    "{him}."],
             sib_para="{c2}, a younger sibling, holds a junior saver account at the same address; it has not been used.",
             reason="Serious harm to a child linked to criminal (financial) exploitation; several agencies may "
                    "hold part of the picture and we want to share what we hold.",
             concerns=["{c} has said {he} will be hurt because the payments have stopped.",
                       "Younger siblings at the same address; the adult who accompanied {c} is not known to us."],
             adults=["an older male"]),
        dict(type="death", ages=(15, 17), places=["branch"],
             locations=["Not known - we were told by the family", "Truan (home address)"],
             paras=["We were told by {c}'s {adult} when closing the account that {c}, aged {age}, had died. "
                    "Our records show the account had been used to receive and move large sums in the weeks before.",
                    "In the month before {his} death {c} made several calls to us asking how to close the account "
                    "quickly, and once said that 'they won't let me'.",
                    "We had placed a restriction on the account after fraud alerts. We do not know the cause of death."],
             reason="Possible link between exploitation and the death of a young person; our information may help.",
             police=None,
             concerns=["Other young people paid money into the same receiving account.",
                       "None that we know of beyond the other account holders linked to the same payments."],
             adults=["mum", "father", "stepmum"]),
        dict(type="other", ages=(13, 16), places=["branch"],
             locations=["Penwithick Road branch", "Online account opening"],
             other_spec="Financial exploitation: accounts opened in a child's name by an adult",
             paras=["An adult used {cs}'s identity documents to open two accounts in {his} name and has been using "
                    "them to receive benefit and loan payments.",
                    "{c} came into branch with a teacher and said {he} did not know about the accounts. {he} said "
                    "the adult who lives with the family keeps {his} passport.",
                    "There are signs {c} is not being fed properly and is missing school, according to the teacher."],
             reason="Not clear it meets the threshold, but several agencies have separate pieces of this family's "
                    "information.",
             police=False,
             concerns=["{c} is living with the adult we believe opened the accounts."],
             adults=["a lodger"]),
    ],
)

# ------------------------------------------------------------------ 2. mountain rescue
SENDERS["fellgate_mrt"] = dict(
    key="fellgate_mrt",
    org="Fellgate Mountain Rescue Team", unit="Team Welfare",
    partnership="Fellgate and Ashdale Safeguarding Children Partnership", p_short="FASCP",
    p_email="fascp.learning@ashdale.gov.uk", p_phone="01632 960 522",
    domain="fellgatemrt.org.uk", area="Fellgate and Ashdale", town="Kirkby Fellgate", postcode="LA99",
    form_title="Safeguarding referral - casualty under 18 (Rapid Review consideration)",
    form_ref="FMRT-WEL-04",
    markings=["OFFICIAL-SENSITIVE", "CONFIDENTIAL - PATIENT INFORMATION"],
    guidance=("Complete after any callout where a child casualty has died or been seriously harmed and you are "
              "worried abuse or neglect played a part. Send to {p_email} (tel. {p_phone}). Dates as {example}. "
              "Casualty care records stay with the team; only summarise here."),
    labels=dict(
        ref_name="Team member completing", ref_role="Team role (e.g. Team Leader, Casualty Carer)", ref_agency="Team",
        ref_email="Team email", ref_phone="Mobile", date_ref="Date completed",
        lead_name="Team Welfare Officer (safeguarding lead)", lead_role="Welfare Officer's role",
        lead_agency="Welfare Officer's team / organisation", lead_email="Welfare Officer's email",
        lead_phone="Welfare Officer's mobile", discussed="Welfare Officer consulted and agrees?",
        child_name="Casualty's name", other_names="Other names given", dob="DOB", age="Age (estimated)",
        gender="Gender", address="Home address (as given)", school="School (if known)", gp="GP (if given)",
        cp_plan="On a CP plan?", open_to_csc="Known to social care?", looked_after="Looked after?",
        disability="Medical / additional needs", date_of_death="Date of death",
        inc_date="Date of callout", la_aware="Date council told", location="Location / grid reference",
        itype="Category", summary="What happened on the hill", police="Police involved?",
        c_dsh="Casualty died or seriously harmed?", c_abn="Abuse or neglect known or suspected?",
        c_local="Casualty lives in {area}, or the incident happened here?", c_learn="Learning for agencies?",
        reason="Why a review?", panel="National Panel notified?", panel_date="Date Panel notified",
        concerns="Any risk to other children now?"),
    sec_titles=secs(referrer="A. Team member", lead="B. Team Welfare Officer", child="C. Casualty",
                    childn="C. Casualty {n}", incident="D. Callout", criteria="E. Review criteria",
                    panel="F. National Panel", agencies="G. Other agencies at scene or involved",
                    concerns="H. Risk now", decoys="I. Callout log (team use)"),
    child_fields={"other_names", "age", "school", "gp", "disability", "date_of_death"},
    yn=("YES", "NO", "N/K"),
    gender=[("F", "female"), ("M", "male"), ("Other", "other")],
    itypes=ITYPES_B, date_main="dash", date_dob="abbr",
    ref_roles=["Team Leader", "Deputy Team Leader", "Casualty Carer", "Hill Party Leader", "Team Doctor"],
    lead_roles=["Team Welfare Officer", "Welfare and Safeguarding Officer"],
    ref_agency=["Fellgate Mountain Rescue Team", "Fellgate MRT"],
    lead_agency=["Fellgate Mountain Rescue Team", "Fellgate Mountain Rescue Team (registered charity)"],
    streets=["Beckside Road", "Crag View", "Tarn Lane", "Fellside Gardens", "Mill Ghyll Row"],
    districts=["Low Birks", "Hawes End", "Stoneraise"], blocks=["Beckside Court", "Old Mill House"],
    schools=["Kirkby Fellgate Primary", "Ashdale High School", "Fellgate CE School"],
    colleges=["Ashdale Sixth Form College"],
    gps=["Fellgate Health Centre", "Ashdale Medical Practice", "Dr Lowther and Partners"], legal=["-"],
    disabilities=["Asthma (inhaler)", "Type 1 diabetes", "Autism", "Epilepsy", "Hearing aids"],
    agency_headers=["Name", "Agency", "Contact"],
    agency_pool=[("Fells and Coast Ambulance Service", "h"), ("Fellgate Constabulary - Kirkby station", "p"),
                 ("Northern Fells Air Ambulance", "h"), ("Ashdale Council Children's Services", "sw"),
                 ("Royal Fellgate Infirmary - ED", "h"), ("Ashdale High School", "s")],
    agency_domains=["ashdale.gov.uk", "nhs.net", "ashdalehigh.org.uk", "fellgate.police.uk"],
    decoys=[("Callout number", const(lambda r: f"FMRT-{r.randrange(2025, 2027)}-{r.randrange(10, 140):03d}")),
            ("Time of callout (24h)", const(lambda r: f"{r.randrange(6, 23):02d}:{r.randrange(60):02d}")),
            ("Date of next team debrief", dday(3, 12)),
            ("Party leader (adult with the group)", const(adult_name))],
    stories=[
        dict(type="serious_harm", ages=(9, 16), places=["Scar Crag"],
             locations=["Scar Crag path, below Low Birks (NY 341 077)", "Hawes End car park and fell gate",
                        "Tarn Beck gorge, grid ref NY 412 066"],
             paras=["Callout at dusk to a child reported fallen on {place}. {cs}, aged {age}, was found at the foot "
                    "of a 4 m step with a head injury and a suspected fractured femur. {he} was hypothermic and "
                    "had been left alone for over an hour.",
                    "The adult with {him}, {his} {adult}, was intoxicated at the scene, could not say when {c} "
                    "fell, and became aggressive with team members. {c} was in trainers and a T-shirt in 4 degrees.",
                    "{c} told a casualty carer that {he} had been made to walk ahead 'to find the way' after being "
                    "shouted at, and that this happens 'when he drinks'.",
                    "{c} was airlifted to the Royal Fellgate Infirmary. Police attended the roadhead."],
             sib_para="A younger sibling, {c2}, was with the adult and was cold and distressed but unhurt.",
             reason="Serious injury to a child where neglect (and possibly more) is suspected; we were first on scene.",
             concerns=["{c} is due to be discharged to the same adult.", "The sibling went home with the adult that night."],
             adults=["mum's partner", "father", "uncle"]),
        dict(type="death", ages=(12, 17), places=["Ashdale Force"],
             locations=["Ashdale Force plunge pool", "Stoneraise quarry (disused)"],
             paras=["Multi-agency search for a missing young person, {cs} ({age}), reported by {his} school, not by "
                    "family. Found deceased in the water at {place} on the second day.",
                    "During the search we were told by other young people that {c} had been 'kicked out' of home "
                    "the night before and had been sleeping in a bus shelter.",
                    "Team members noted {c} had bruising to both wrists that pre-dated the incident (recorded for the "
                    "coroner's officer)."],
             reason="Unexpected death of a child, with indications of neglect and that {he} was not safe at home.",
             concerns=["Other young people named as staying out with {c} may be at risk.",
                       "None known at present."],
             adults=["mum", "dad"]),
        dict(type="other", ages=(4, 10), places=["the fell"],
             locations=["Crag View to Tarn Lane, open fell", "Hawes End fell gate"],
             other_spec="child left alone on the fell overnight",
             paras=["{cs}, aged {age}, was found by a walker alone on the fell at first light and we were called. "
                    "{he} had been out all night. {he} was cold but not injured.",
                    "{c} said {his} {adult} had 'gone to get the car' the evening before and not come back. The adult "
                    "was later found asleep in the car at the roadhead."],
             reason="Possible serious neglect; not sure it meets the criteria but we want the Partnership to decide.",
             police=None,
             concerns=["{c} is back home with the same adult."],
             adults=["dad", "mum", "grandad"]),
    ],
)

# ------------------------------------------------------------------ 3. enforcement agents
SENDERS["castleton_ea"] = dict(
    key="castleton_ea",
    org="Castleton Enforcement Services Ltd", unit="Welfare and Vulnerability Unit",
    partnership="Brimley and Castleton Safeguarding Partnership", p_short="BCSP",
    p_email="bcsp.casereviews@brimley.gov.uk", p_phone="0113 496 0715",
    domain="castleton-es.co.uk", area="Brimley", town="Brimley", postcode="BR97",
    form_title="Vulnerability and safeguarding referral - children (certificated enforcement agents)",
    form_ref="CES-WVU-F3",
    markings=["OFFICIAL-SENSITIVE", "PRIVATE AND CONFIDENTIAL"],
    guidance=("Agents must stop enforcement and complete this form where a child at a visit has died or is seriously "
              "harmed and abuse or neglect is suspected. Return to the Welfare Manager and to {p_email} "
              "({p_phone}). Enter dates as {example}. Do not attach body-worn video."),
    labels=dict(
        ref_name="Enforcement agent / caseworker", ref_role="Position", ref_agency="Office / region", ref_email="Email",
        ref_phone="Telephone", date_ref="Date of referral",
        lead_name="Welfare Manager (Designated Safeguarding Lead)", lead_role="Welfare Manager - position",
        lead_agency="Welfare Manager - company", lead_email="Welfare Manager - email", lead_phone="Welfare Manager - telephone",
        discussed="Reviewed by the Welfare Manager?",
        child_first="Child's forename(s)", child_last="Child's surname", other_names="Any other names",
        dob="DOB", age="Age if DOB unknown", gender="Gender (M/F/other)", ethnicity="Ethnicity (if stated)",
        address="Address of visit", school="School", cp_plan="CP plan (if known)?", open_to_csc="Social worker allocated?",
        looked_after="In care?", disability="Disability / health needs observed", date_of_death="Date of death",
        inc_date="Date of visit", la_aware="Date local authority notified", location="Location (address / room)",
        itype="Type of incident", summary="Account of what the agent saw and heard", police="Police attended?",
        c_dsh="Child died or seriously harmed?", c_abn="Abuse or neglect suspected?",
        c_local="Child normally resident in {area} / incident in {area}?", c_learn="Potential multi-agency learning?",
        reason="Reason for referral", panel="Panel notification made?", panel_date="Date of Panel notification",
        concerns="Immediate concerns"),
    sec_titles=secs(referrer="Part 1 - Agent details", lead="Part 2 - Welfare Manager", child="Part 3 - Child",
                    childn="Part 3 - Child {n}", incident="Part 4 - The visit", criteria="Part 5 - Criteria",
                    panel="Part 6 - Panel", agencies="Part 7 - Agencies known to be involved",
                    concerns="Part 8 - Immediate concerns", decoys="Part 9 - Case data (do not share)"),
    split_name="first_last",
    child_fields={"other_names", "age", "ethnicity", "school", "disability", "date_of_death"},
    yn=("Yes", "No", "Don't know"),
    gender=[("F", "female"), ("M", "male"), ("Other", "other")],
    itypes=ITYPES_A, date_main="abbr_hy", date_dob="dots",
    ref_roles=["Certificated Enforcement Agent", "Enforcement Agent", "Welfare Caseworker", "Field Team Supervisor"],
    lead_roles=["Welfare Manager", "Head of Welfare and Vulnerability"],
    ref_agency=["Brimley office (North region)", "Leeds hub", "Northern region field team"],
    lead_agency=["Castleton Enforcement Services Ltd", "Castleton Enforcement Services"],
    streets=["Cobden Street", "Wharf Road", "Paradise Row", "Ingram Walk", "Hebden Rise", "Low Mill Lane"],
    districts=["Brimley Bottom", "Fernside", "Upper Holme"], blocks=["Ingram Court", "Wharfedale House"],
    schools=["Brimley Bottom Primary", "Fernside Academy", "St Wilfrid's RC Primary", "Brimley Grange School"],
    gps=["-"], legal=["-"],
    disabilities=["Appeared to have a physical disability (wheelchair user)", "Not speaking; possible developmental delay",
                  "Severe eczema, untreated"],
    agency_headers=["Name", "Agency", "Contact"],
    agency_pool=[("Brimley Police - Safeguarding Unit", "p"), ("Brimley Children's Social Care", "sw"),
                 ("Brimley Bottom Primary", "s"), ("Health visiting team, Fernside", "h"),
                 ("Brimley Council Revenues (creditor)", "c"), ("Pennine Ambulance Service", "h")],
    agency_domains=["brimley.gov.uk", "nhs.net", "brimleybottom.sch.uk", "brimley.police.uk"],
    decoys=[("Liability order / warrant reference", const(lambda r: f"LO/{r.randrange(10000, 99999)}/{r.randrange(24, 26)}")),
            ("Debtor name", const(adult_name)),
            ("Date warrant issued", dday(-120, -20)),
            ("Body-worn video reference", const(lambda r: f"BWV-{r.randrange(100000, 999999)}"))],
    stories=[
        dict(type="serious_harm", ages=(3, 6), places=["the front room"],
             locations=["{place}, ground floor", "Rear bedroom of the property", "Kitchen"],
             paras=["Attended to collect an outstanding council tax debt. The door was opened by {cs}, aged {age}, who "
                    "was alone in the house. No adult came for 40 minutes.",
                    "The agent saw that {c} had a burn-like mark on {his} forearm and bruising to the side of the face. "
                    "The home was very cold, with no food in the kitchen and dog faeces on the floor.",
                    "When the {adult} returned {he2} said {c} 'falls over all the time'. Enforcement was stopped and the "
                    "agent called 999."],
             sib_para="A baby, {c2}, was asleep upstairs in a cot; the agent did not go upstairs.",
             reason="Suspected non-accidental injury and neglect of a young child, found during our visit.",
             concerns=["The children remain at the address.", "The adult said they would move out before anyone came back."],
             adults=["mum", "mother's partner"]),
        dict(type="death", ages=(0, 2), places=["the property"],
             locations=["Flat, first floor", "The property (bedroom)"],
             paras=["On a return visit the agent was told by a neighbour that the baby, {cs}, had died the previous week. "
                    "On the first visit, three weeks earlier, the agent had noted the baby sleeping on a sofa next to an "
                    "adult who appeared under the influence.",
                    "The agent's notes from the first visit record no cot, very little food and a strong smell of cannabis. "
                    "A welfare referral was made then but we do not know what happened to it."],
             reason="Death of an infant where our earlier welfare concern may be relevant to learning.",
             police=None,
             concerns=["None known - we understand there are no other children in the household.",
                       "Neighbour mentioned a pregnant partner."],
             adults=["father", "mum"]),
        dict(type="other", ages=(10, 15), places=["the hallway"],
             locations=["Hallway of the property", "Doorstep"],
             other_spec="child used to prevent entry and threatened with harm",
             paras=["The debtor pushed {cs} ({age}) in front of the door and shouted that the agent would 'have to go "
                    "through the kid'. {c} was crying and said {he} had been hit that morning.",
                    "The agent withdrew and called police. Officers attended and spoke to {c}."],
             reason="We are unsure this meets the criteria but consider the child was harmed and frightened.",
             concerns=["{c} disclosed being hit."],
             adults=["stepdad", "dad"]),
    ],
)

# ------------------------------------------------------------------ 4. amusement arcades
SENDERS["goldenmile_arcades"] = dict(
    key="goldenmile_arcades",
    org="Golden Mile Amusements Ltd", unit="Family Entertainment Centres",
    partnership="Sandport Bay Safeguarding Children Partnership", p_short="SBSCP",
    p_email="sbscp@sandportbay.gov.uk", p_phone="01632 960 633",
    domain="goldenmileamusements.co.uk", area="Sandport Bay", town="Sandport", postcode="SP97",
    form_title="Child safeguarding incident - referral to the Partnership",
    form_ref="GMA-SAFE-2",
    markings=["CONFIDENTIAL", "OFFICIAL-SENSITIVE"],
    guidance=("Fill this in if a child has died or been badly hurt and you think someone may have abused or neglected "
              "them. Email it to {p_email} or ring {p_phone}. Put dates like this: {example}. Ask the Safeguarding "
              "Officer if you are not sure."),
    labels=dict(
        ref_name="Staff member name", ref_role="Your job (e.g. Floor Host, Change Desk, Duty Manager)",
        ref_agency="Arcade / site", ref_email="Work email", ref_phone="Site phone", date_ref="Today's date",
        lead_name="Company Safeguarding Officer", lead_role="Their job", lead_agency="Their site",
        lead_email="Their email", lead_phone="Their phone", discussed="Have you spoken to the Safeguarding Officer?",
        child_first="Child's first name", child_last="Child's last name", other_names="Nickname / name used",
        dob="Date of birth", age="Roughly how old (if DOB not known)", gender="Girl / Boy / Other",
        address="Where they live (if known)", school="School (if known)", cp_plan="On a CP plan?",
        open_to_csc="Got a social worker?", looked_after="In care?", disability="Any additional needs",
        inc_date="Date it happened", la_aware="Date the council found out", location="Where in the arcade",
        itype="What sort of incident", summary="What happened", police="Police called?",
        c_dsh="Has the child died or been badly hurt?", c_abn="Do you think abuse or neglect was involved?",
        c_local="Does the child live in {area}, or did it happen here?", c_learn="Could other services learn from this?",
        reason="Why are you sending this?", panel="Has the national Panel been told?", panel_date="Date Panel told",
        concerns="Is any child at risk right now?"),
    sec_titles=secs(referrer="About you", lead="Safeguarding Officer", child="About the child",
                    childn="About child {n}", incident="What happened", criteria="Does it meet the criteria?",
                    panel="National Panel", agencies="Anyone else involved", concerns="Right now",
                    decoys="For the arcade's records"),
    split_name="first_last",
    child_fields={"other_names", "age", "school", "disability"},
    yn=("Yes", "No", "Not sure"),
    gender=[("Girl", "female"), ("Boy", "male"), ("Other", "other")],
    itypes=ITYPES_B, date_main="slash_yy", date_dob="slash",
    ref_roles=["Floor Host", "Change Desk Assistant", "Duty Manager", "Assistant Manager", "Security / Door"],
    lead_roles=["Company Safeguarding Officer", "Operations Manager (Safeguarding)"],
    ref_agency=["Golden Mile Amusements - Promenade", "Golden Mile Pier Arcade", "Golden Mile - North Beach FEC"],
    lead_agency=["Head office, Sandport", "Golden Mile Amusements Ltd"],
    streets=["Marine Parade", "Shell Road", "Albion Terrace", "Gull Lane", "Seacole Street"],
    districts=["North Beach", "Old Town", "Windmill Estate"], blocks=["Esplanade Flats", "Neptune House"],
    schools=["Sandport Academy", "North Beach Primary", "Windmill Junior School", "Sandport Pupil Referral Unit"],
    gps=["-"], legal=["-"],
    disabilities=["ADHD (mum said)", "Speech difficulties", "Autistic (told by friend)", "Wears hearing aids"],
    agency_headers=["Name", "Organisation", "Phone / email"],
    agency_pool=[("Sandport Police", "p"), ("Sandport Bay Children's Services", "sw"),
                 ("East Coast Ambulance", "h"), ("Sandport Academy", "s"), ("Youth Outreach - Sandport", "y")],
    agency_domains=["sandportbay.gov.uk", "nhs.net", "sandportacademy.org.uk", "sandport.police.uk"],
    decoys=[("Incident book page no.", const(lambda r: str(r.randrange(12, 240)))),
            ("CCTV camera no.", const(lambda r: f"CAM {r.randrange(1, 24)}")),
            ("Adult seen with the child", const(adult_name)),
            ("Date CCTV saved", dday(0, 2, base="I"))],
    stories=[
        dict(type="serious_harm", ages=(11, 15), places=["the penny falls"],
             locations=["By {place}, back of the Promenade arcade", "Toilets by the change desk", "Pier Arcade, prize counter"],
             paras=["{cs}, aged about {age}, has been in the arcade most evenings for three weeks, often until closing "
                    "and once with a much older man who bought {him} tokens and vapes.",
                    "On the day, {c} came in with blood on {his} face and a split lip and said {he} had been 'taught a "
                    "lesson' by the man for not coming back with money. {he} would not let us call {his} family.",
                    "Our Duty Manager called police and an ambulance. {c} was taken to hospital with a facial fracture."],
             sib_para="{c2}, who {c} said is {his} younger brother, was with {him} on two of the evenings.",
             reason="A child seriously hurt, and we think being exploited by an adult who hangs around the arcade.",
             concerns=["The man is still coming into the arcade.", "Other children come in with the same man."],
             adults=["an older man"]),
        dict(type="other", ages=(5, 9), places=["the grabber machines"],
             locations=["By {place}", "Main floor, North Beach FEC"],
             other_spec="young child left alone in the arcade for over 3 hours",
             paras=["{cs}, aged {age}, was left in the arcade at 2pm by {his} {adult} and was still there at 5.30pm. "
                    "{he} was hungry, had wet {him}self and did not know where {his} {adult} was.",
                    "Police took {c} to the station. The {adult} arrived at 7pm and was drunk."],
             reason="We are worried about neglect and want to know if this needs a review.",
             concerns=["We do not know who is looking after {c} now."],
             adults=["mum", "dad", "nan"]),
        dict(type="death", ages=(13, 16), places=["the pier"],
             locations=["Sandport Pier (outside the arcade)", "Beach below the Promenade arcade"],
             paras=["{cs} ({age}) was a regular in the arcade. We were told by police that {he} was found dead on the "
                    "beach below the pier at night.",
                    "Staff had seen {c} being given alcohol by adults outside the arcade on several nights and had "
                    "barred the adults. One of our staff had reported this to the police two weeks earlier."],
             reason="A child has died and we had seen signs of exploitation before it happened.",
             concerns=["Other young people from the same group still come in."],
             adults=["mum"]),
    ],
)

# ------------------------------------------------------------------ 5. residential family centre
SENDERS["hazelbrook_rfc"] = dict(
    key="hazelbrook_rfc",
    org="Hazelbrook Residential Family Centre", unit="Parenting Assessment Service",
    partnership="Hazelbrook and Wend Safeguarding Children Partnership", p_short="HWSCP",
    p_email="hwscp.rapidreview@wend.gov.uk", p_phone="0161 496 0888",
    domain="hazelbrookfamilycentre.org.uk", area="Hazelbrook and Wend", town="Wendford", postcode="WE98",
    form_title="Notification of a serious child safeguarding incident at the Centre",
    form_ref="HRFC-NOT-11",
    markings=["OFFICIAL-SENSITIVE (when completed)", "CONFIDENTIAL"],
    guidance=("Registered residential family centres must notify Ofsted, the placing authority and the Partnership "
              "of serious incidents. Send this form to {p_email}; urgent queries {p_phone}. Dates in the form "
              "{example}. Use the child's legal name."),
    labels=dict(
        ref_name="Name of family support worker / assessor", ref_role="Designation", ref_agency="Centre",
        ref_email="Secure email", ref_phone="Centre telephone", date_ref="Date of referral",
        lead_name="Registered Manager", lead_role="Registered Manager: designation", lead_agency="Registered Manager: centre",
        lead_email="Registered Manager: email", lead_phone="Registered Manager: telephone",
        discussed="Agreed by the Registered Manager?",
        child_name="Child's full name", other_names="Previous / other names", dob="Date of birth / EDD",
        age="Age (if no DOB)", gender="Gender", ethnicity="Ethnicity", address="Home address before placement",
        school="Nursery / school", gp="GP", legal_status="Legal status (e.g. ICO, PLO, s20)",
        cp_plan="Subject to a CP plan?", open_to_csc="Open to CSC?", looked_after="Looked after?",
        disability="Disability / health needs", date_of_death="Date of death",
        inc_date="Date of incident", la_aware="Date placing local authority informed", location="Where in the centre",
        itype="Nature of incident", summary="Summary of incident", police="Police involved?",
        c_dsh="Has the child died or been seriously harmed?", c_abn="Is abuse or neglect known or suspected?",
        c_local="Is the child normally resident in {area}, or did the incident occur here?",
        c_learn="Is there potential for multi-agency learning?", reason="Rationale for referral",
        panel="Has a Serious Incident Notification been made to the Panel?", panel_date="Date of notification to the Panel",
        concerns="Are there immediate safeguarding concerns?"),
    sec_titles=secs(referrer="Section 1: Person making the notification", lead="Section 2: Registered Manager",
                    child="Section 3: Child", childn="Section 3: Child {n}", incident="Section 4: Incident",
                    criteria="Section 5: Criteria", panel="Section 6: National Panel",
                    agencies="Section 7: Professionals involved", concerns="Section 8: Immediate concerns",
                    decoys="Section 9: Placement details (Centre use)"),
    child_fields={"other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability", "date_of_death"},
    yn=("Yes", "No", "Not known"),
    gender=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    itypes=ITYPES_A, date_main="ordinal", date_dob="slash",
    ref_roles=["Family Support Worker", "Residential Parenting Assessor", "Senior Family Practitioner", "Night Support Worker"],
    lead_roles=["Registered Manager", "Registered Manager / Responsible Individual"],
    ref_agency=["Hazelbrook Residential Family Centre", "Hazelbrook RFC"],
    lead_agency=["Hazelbrook Residential Family Centre", "Hazelbrook Family Centres Ltd"],
    streets=["Wend Road", "Cotton Row", "Spinners Way", "Moss Lane", "Jubilee Terrace"],
    districts=["Hazelbrook", "Lower Moss", "Spinners Green"], blocks=["Arkwright House", "Cotton Court"],
    schools=["Little Acorns Nursery", "Hazelbrook Primary", "Not in education"],
    gps=["Wendford Medical Centre", "Moss Lane Surgery", "Hazelbrook Health Centre"],
    legal=["Interim Care Order", "PLO - pre-proceedings", "Section 20", "Child in Need", "Interim Supervision Order"],
    disabilities=["Born at 32 weeks; feeding difficulties", "Neonatal abstinence syndrome", "Global developmental delay",
                  "Cleft palate (repaired)"],
    agency_headers=["Name", "Agency / role", "Contact details"],
    agency_pool=[("Wend Council - placing social worker", "sw"), ("Health visitor, Wendford", "h"),
                 ("Children's Guardian (Cafcass)", "c"), ("Wendford Police - Public Protection Unit", "p"),
                 ("Royal Wendford Hospital - paediatrics", "h"), ("Adult drug and alcohol service", "c")],
    agency_domains=["wend.gov.uk", "nhs.net", "wend.gov.uk", "wendford.police.uk"],
    decoys=[("Placing authority case number", const(lambda r: f"WND{r.randrange(100000, 999999)}")),
            ("Date placement started", dday(-60, -14)),
            ("Next court hearing date", dday(10, 40)),
            ("Parent resident with the child", const(adult_name))],
    stories=[
        dict(type="serious_harm", ages=(0, 1), places=["the family flat"],
             locations=["Family flat 3, first floor", "Nursery room", "Family flat 1 (ground floor)"],
             paras=["{cs} (aged {age} on the day) was placed with {his} {adult} for a 12-week residential parenting "
                    "assessment under an Interim Care Order.",
                    "At 03:10 the night worker heard crying and found {c} with bruising around the ribs and a swollen "
                    "arm. The {adult} said {c} had been 'rolled on' in bed. An X-ray at the Royal Wendford showed two "
                    "fractures of different ages.",
                    "Earlier records show two unexplained marks noted by staff in week three, discussed with the "
                    "placing social worker at the time.",
                    "The {adult} has left the Centre and {c} is now in foster care."],
             reason="Suspected non-accidental injury to a baby during a court-directed assessment; several agencies "
                    "were monitoring the placement.",
             legal="Interim Care Order",
             concerns=["None now for {c} (in foster care); the parent is pregnant again.",
                       "The parent has other children living with a relative."],
             adults=["mother", "father"]),
        dict(type="lac_death", ages=(0, 1), places=["the family flat"],
             locations=["Family flat 2", "Family flat 4, bedroom"],
             paras=["{cs} was a looked after child (Interim Care Order) placed at the Centre with {his} {adult}.",
                    "{c} was found unresponsive in an adult bed at 06:40 despite safe sleep advice given and signed on "
                    "admission. Staff started CPR and called 999. {c} was pronounced dead at hospital.",
                    "The last night-time check was recorded at 04:00, when {c} was in the cot."],
             reason="Death of a looked after infant in a residential assessment placement.",
             legal="Interim Care Order",
             concerns=["Other families resident at the Centre have been told and supported."],
             adults=["mother", "father"]),
        dict(type="other", ages=(0, 2), places=["the garden"],
             locations=["Centre garden", "Shared lounge"],
             other_spec="serious medication error with suspected deliberate overdose",
             paras=["{cs} was given an adult dose of a sedating medicine by {his} {adult}, who had kept it hidden "
                    "in a bag. {c} was drowsy and was taken to hospital by ambulance and kept in overnight.",
                    "The {adult} told staff {he2} wanted {c} to sleep through so {he2} could go out."],
             reason="We think the harm was serious and deliberate; the Partnership should decide.",
             police=False, legal="Interim Care Order",
             concerns=["{c} is still at the Centre with the {adult} pending a decision by the placing authority."],
             adults=["mother", "father"]),
    ],
)

# ------------------------------------------------------------------ 6. parking enforcement contractor
SENDERS["kingsway_parking"] = dict(
    key="kingsway_parking",
    org="Kingsway Parking Services Ltd", unit="Marlbrook civil parking enforcement contract",
    partnership="Marlbrook Safeguarding Children Partnership", p_short="MSCP",
    p_email="mscp.reviews@marlbrook.gov.uk", p_phone="0121 496 0042",
    domain="kingswayparking.co.uk", area="Marlbrook", town="Marlbrook", postcode="MB96",
    form_title="CEO SAFEGUARDING REFERRAL - CHILD",
    form_ref="KPS-MBK-SG1",
    markings=["OFFICIAL-SENSITIVE", "OFFICIAL SENSITIVE - PERSONAL"],
    guidance=("CEOs: if a child is in danger call 999 first. Use this form after any incident where a child died or "
              "was seriously harmed and you think abuse or neglect was involved. Send to the Contract Safeguarding "
              "Lead and {p_email}. Partnership tel {p_phone}. Date format {example}."),
    labels=dict(
        ref_name="Civil Enforcement Officer (CEO) name", ref_role="Role", ref_agency="Contract / depot",
        ref_email="Depot email", ref_phone="Depot phone", date_ref="Date of report",
        lead_name="Contract Safeguarding Lead", lead_role="SL role", lead_agency="SL company", lead_email="SL email",
        lead_phone="SL phone", discussed="Reported to SL and agreed?",
        child_name="Child's name", dob="D.O.B.", age="Approx age", gender="Sex (M/F)", address="Address (if known)",
        school="School (if known)", cp_plan="CP plan?", open_to_csc="Known to CSC?", looked_after="In care?",
        disability="Any visible needs", date_of_death="Date of death",
        inc_date="Date of incident", la_aware="Date council (children's services) told", location="Street / car park",
        itype="Incident type", summary="What the CEO saw", police="Police attended?",
        c_dsh="Child died / seriously harmed?", c_abn="Abuse / neglect suspected?", c_local="Lives in {area} / happened here?",
        c_learn="Learning for agencies?", reason="Reason", panel="Panel notified?", panel_date="Date Panel notified",
        concerns="Immediate concerns"),
    sec_titles=secs(referrer="1 REPORTING CEO", lead="2 SAFEGUARDING LEAD", child="3 CHILD", childn="3 CHILD {n}",
                    incident="4 INCIDENT", criteria="5 CRITERIA", panel="6 PANEL", agencies="7 OTHER AGENCIES",
                    concerns="8 CONCERNS NOW", decoys="9 PCN DETAILS"),
    child_fields={"age", "school", "disability", "date_of_death"},
    yn=("Y", "N", "N/K"),
    gender=[("F", "female"), ("M", "male"), ("Other", "other")],
    itypes=ITYPES_C, date_main="dots", date_dob="slash",
    ref_roles=["Civil Enforcement Officer", "Senior CEO", "Mobile CEO (camera car)", "CEO Supervisor"],
    lead_roles=["Contract Safeguarding Lead", "Contract Manager"],
    ref_agency=["Marlbrook depot", "Kingsway Parking - Marlbrook contract"],
    lead_agency=["Kingsway Parking Services Ltd", "Kingsway Parking Services"],
    streets=["Canal Street", "Bristol Road", "Stratford Avenue", "Coppice Lane", "Foundry Road"],
    districts=["Marlbrook Green", "Hockley Heath", "Sparkvale"], blocks=["Foundry Court", "Coppice House"],
    schools=["Marlbrook Green Primary", "Sparkvale Academy", "Hockley Heath Infants"],
    gps=["-"], legal=["-"],
    disabilities=["In a wheelchair", "Oxygen tube", "Walking frame"],
    agency_headers=["Name", "Agency", "Contact"],
    agency_pool=[("Marlbrook Police", "p"), ("Midshires Ambulance Service", "h"),
                 ("Marlbrook Children's Services", "sw"), ("Marlbrook Council Parking Services", "c"),
                 ("Fire and Rescue (vehicle entry)", "f")],
    agency_domains=["marlbrook.gov.uk", "nhs.net", "marlbrook.gov.uk", "marlbrook.police.uk"],
    decoys=[("PCN number", const(lambda r: f"MB{r.randrange(10000000, 99999999)}")),
            ("Vehicle registration", const(lambda r: f"{r.choice(['BX', 'YK', 'FD', 'LM'])}{r.randrange(15, 74)} {''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}")),
            ("Time PCN issued", const(lambda r: f"{r.randrange(7, 19):02d}:{r.randrange(60):02d}")),
            ("Date of PCN", dday(0, 0, base="I"))],
    stories=[
        dict(type="serious_harm", ages=(0, 3), places=["Canal Street multi-storey"],
             locations=["{place}, level 4", "Retail park car park, bay 118", "Bristol Road, outside no. 214"],
             paras=["While issuing a PCN the CEO saw a young child, {cs} (approx {age}), alone in a locked car in full "
                    "sun. The child was red, sweating heavily and not responding to tapping on the window.",
                    "The CEO called 999. Police broke the window. The ambulance crew said {c} had heatstroke and "
                    "took {him} to hospital.",
                    "The driver, the child's {adult}, returned about 50 minutes after the CEO first saw the car, "
                    "carrying shopping, and was arrested.",
                    "The CEO had seen the same car with a child alone in it on the same street the week before."],
             sib_para="A second child, {c2}, was also in the car, awake and crying.",
             reason="A young child seriously harmed by being left in a hot car; repeated incident.",
             concerns=["The children went home with another relative; not known if safe.", "None - police took over."],
             adults=["mother", "father"]),
        dict(type="death", ages=(0, 2), places=["Coppice Lane"],
             locations=["Coppice Lane, residents' bay", "Hospital car park, level 2"],
             paras=["The CEO found a baby, {cs}, unresponsive in a car seat in a parked car. Police and ambulance "
                    "attended; the baby was pronounced dead at hospital.",
                    "The car had a PCN issued 3 hours earlier by another CEO, who did not see the baby under a blanket."],
             reason="Death of a baby; we want to know if our procedures and other agencies' contact with the family "
                    "hold learning.",
             concerns=["None known."],
             adults=["father"]),
        dict(type="other", ages=(8, 13), places=["Foundry Road"],
             locations=["Foundry Road car park", "Sparkvale station drop-off"],
             other_spec="child assaulted by an adult in front of the CEO",
             paras=["A man hit {cs} ({age}) across the head several times beside a parked car after the CEO issued a "
                    "PCN. The man shouted that it was the child's fault.",
                    "The CEO called police on body-worn video and stayed until they arrived."],
             reason="Child physically assaulted in public; may be a pattern at home.",
             concerns=["{c} left with the man before police arrived."],
             adults=["dad"]),
    ],
)

# ------------------------------------------------------------------ 7. leaving care service
SENDERS["stepstone_leaving"] = dict(
    key="stepstone_leaving",
    org="Stepping Stones Leaving Care Service", unit="Personal Adviser Team (commissioned by Oakridge Council)",
    partnership="Oakridge Safeguarding Children Partnership", p_short="OSCP",
    p_email="oscp.lcspr@oakridge.gov.uk", p_phone="0191 498 0313",
    domain="steppingstones-lc.org.uk", area="Oakridge", town="Oakridge", postcode="OK95",
    form_title="Notification of death or serious harm - young person / care leaver",
    form_ref="SSLC-NOT-01",
    markings=["OFFICIAL-SENSITIVE", "CONFIDENTIAL"],
    guidance=("The death of a care leaver aged up to 24 must be notified whether or not abuse or neglect is suspected. "
              "Send to {p_email} within one working day; queries {p_phone}. Please write dates as {example}."),
    labels=dict(
        ref_name="Personal Adviser (PA)", ref_role="PA role", ref_agency="Service", ref_email="Email",
        ref_phone="Work mobile", date_ref="Date",
        lead_name="Service Manager (safeguarding lead)", lead_role="Service Manager's role",
        lead_agency="Service Manager's service", lead_email="Service Manager's email", lead_phone="Service Manager's phone",
        discussed="Discussed with the Service Manager?",
        child_name="Young person's name", other_names="Also known as", dob="Date of birth", age="Age",
        gender="Gender identity", ethnicity="Ethnicity", address="Current address",
        school="Education / training / employment", gp="GP practice",
        legal_status="Legal status (e.g. former relevant, s20, s31)", cp_plan="Ever subject to a CP plan?",
        open_to_csc="Open to CSC / leaving care?", looked_after="Currently looked after?",
        disability="Disability / health / mental health", date_of_death="Date of death",
        inc_date="Date of incident / death", la_aware="Date the local authority knew", location="Location",
        itype="Type of incident", summary="What happened", police="Police involved?",
        c_dsh="Has the young person died or been seriously harmed?", c_abn="Abuse or neglect known or suspected?",
        c_local="Normally resident in {area}, or incident in {area}?", c_learn="Potential learning for agencies?",
        reason="Why should the Partnership consider a review?", panel="Panel / Ofsted / DfE notified?",
        panel_date="Date notified", concerns="Immediate concerns for others"),
    sec_titles=secs(referrer="Your details (PA)", lead="Service Manager", child="Young person", childn="Young person {n}",
                    incident="Incident", criteria="Criteria", panel="Notifications", agencies="Agencies involved",
                    concerns="Immediate concerns", decoys="Case file (service use)"),
    child_fields={"other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability", "date_of_death"},
    yn=("Yes", "No", "Unknown"),
    gender=[("Female", "female"), ("Male", "male"), ("Non-binary", "other")],
    itypes=ITYPES_A, date_main="long0", date_dob="slash",
    ref_roles=["Personal Adviser", "Senior Personal Adviser", "Transitions Worker"],
    lead_roles=["Service Manager", "Leaving Care Service Manager"],
    ref_agency=["Stepping Stones Leaving Care Service", "Stepping Stones (Oakridge)"],
    lead_agency=["Stepping Stones Leaving Care Service", "Stepping Stones"],
    streets=["Westgate Road", "Chillingham Road", "Heaton Park View", "Byker Bank", "Shields Road"],
    districts=["Walkergate", "Heaton", "Byker"], blocks=["Raby House", "Tyne View Court", "Foyer hostel, room 12"],
    schools=["Oakridge College - Level 2 Construction", "NEET", "Part-time work (warehouse)", "Apprenticeship, Oakridge Council",
             "Oakridge Sixth Form"],
    colleges=["Oakridge College", "NEET"],
    gps=["Heaton Medical Group", "Byker Surgery", "Not registered"],
    legal=["Former relevant child", "Relevant child (s20 previously)", "Care leaver (s31 previously)", "Eligible child (s20)",
           "Qualifying care leaver"],
    disabilities=["Anxiety and depression (CAMHS until 18)", "Learning disability", "ADHD", "Substance misuse (cannabis, ketamine)",
                  "PTSD"],
    agency_headers=["Name", "Agency", "Contact"],
    agency_pool=[("Oakridge Council Leaving Care Team", "sw"), ("Oakridge Police - Major Crime", "p"),
                 ("Adult mental health - crisis team", "h"), ("Oakridge Housing Options", "c"),
                 ("Young people's drug and alcohol service", "c"), ("Oakridge College", "s")],
    agency_domains=["oakridge.gov.uk", "nhs.net", "oakridgecollege.ac.uk", "oakridge.police.uk"],
    decoys=[("Pathway plan review date", dday(-40, 60)),
            ("Date of last PA visit", dday(-20, -2, base="I")),
            ("Mosaic ID", const(lambda r: str(r.randrange(1000000, 9999999)))),
            ("Tenancy start date", dday(-500, -60))],
    stories=[
        dict(type="care_leaver_death", ages=(18, 23), places=["the flat"],
             locations=["Supported accommodation, {place}", "Oakridge Quayside", "Home address (flat)"],
             paras=["{cs}, a care leaver aged {age}, was found dead at {place} by a support worker after not answering "
                    "the door for two days.",
                    "{c} had told me at our last visit that {he} was being 'taxed' by older men who used the flat to "
                    "sell drugs, and that {he} was scared to go out.",
                    "Police are treating the death as unexplained. Toxicology is awaited."],
             reason="Death of a care leaver under 25 (must be notified); exploitation (cuckooing) was known.",
             concerns=["Other young people from the same supported accommodation have been seen with the same men."],
             adults=["older men"]),
        dict(type="serious_harm", ages=(16, 17), places=["the hostel"],
             locations=["Foyer hostel, room 12", "Car park behind the hostel"],
             paras=["{cs} ({age}), a looked after young person in semi-independent accommodation, was stabbed in the "
                    "leg outside {place} late at night.",
                    "{c} had gone missing four times in the month before, each time returning with new clothes and "
                    "cash. A return home interview noted concerns about county lines.",
                    "{c} had surgery and is now back at the accommodation."],
             reason="Serious harm to a looked after child with known exploitation concerns.",
             concerns=["{c} has said {he} will not stay at the accommodation.", "A friend of {c} is also missing."],
             adults=["older males"]),
        dict(type="lac_death", ages=(16, 17), places=["the river"],
             locations=["River Ouseburn, near Byker Bridge", "Placement address"],
             paras=["{cs} ({age}), looked after under section 20 and allocated to me for pathway planning, died after "
                    "entering the river at night.",
                    "Earlier that evening {c} had called the out-of-hours team in distress. {he} had been waiting eight "
                    "weeks for a mental health assessment."],
             reason="Death of a looked after young person; mental health and leaving care planning involved.",
             legal="Eligible child (s20)",
             concerns=["Young people at the same placement have been offered support."],
             adults=["carer"]),
    ],
)

# ------------------------------------------------------------------ 8. asylum accommodation provider
SENDERS["harbourne_asylum"] = dict(
    key="harbourne_asylum",
    org="Harbourne Accommodation Services Ltd", unit="Asylum accommodation (Home Office contract), Safeguarding Hub",
    partnership="Eastcliffe Safeguarding Children Partnership", p_short="ESCP",
    p_email="escp.reviews@eastcliffe.gov.uk", p_phone="020 7946 0651",
    domain="harbourne-as.co.uk", area="Eastcliffe", town="Eastcliffe", postcode="EC95",
    form_title="Safeguarding referral: child in asylum accommodation",
    form_ref="HAS-SGH-R5",
    markings=["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE: PERSONAL"],
    guidance=("For children in our hotels and dispersed properties. Where a child has died or been seriously harmed "
              "and abuse or neglect is suspected, send this form to {p_email} and inform the Home Office. "
              "Partnership: {p_phone}. Dates: {example}. Use an interpreter where needed."),
    labels=dict(
        ref_name="Housing officer / staff name", ref_role="Job role", ref_agency="Region / site", ref_email="Email",
        ref_phone="Phone", date_ref="Date of referral",
        lead_name="Regional Safeguarding Lead", lead_role="Safeguarding Lead - role",
        lead_agency="Safeguarding Lead - organisation", lead_email="Safeguarding Lead - email",
        lead_phone="Safeguarding Lead - phone", discussed="Agreed by the Regional Safeguarding Lead?",
        child_first="Child's given name(s)", child_last="Child's family name", other_names="Other spellings of name",
        dob="DOB (as recorded by the Home Office)", age="Age (claimed / assessed)", gender="Sex",
        ethnicity="Ethnicity / nationality", address="Accommodation address", school="School / nursery",
        gp="GP registered with", legal_status="Immigration / legal status", cp_plan="CP plan?",
        open_to_csc="Known to CSC?", looked_after="Looked after?", disability="Health / disability",
        date_of_death="Date of death",
        inc_date="Date of incident", la_aware="Date LA notified", location="Location (hotel / property)",
        itype="Category", summary="Description of incident", police="Police involved?",
        c_dsh="Has the child died or been seriously harmed?", c_abn="Is abuse or neglect known or suspected?",
        c_local="Is the child resident in {area} or did the incident happen in {area}?",
        c_learn="Potential learning for agencies?", reason="Reasons the criteria are met",
        panel="Panel notified?", panel_date="Date Panel notified", concerns="Immediate concerns"),
    sec_titles=secs(referrer="1. Referrer", lead="2. Regional Safeguarding Lead", child="3. Child", childn="3. Child {n}",
                    incident="4. Incident", criteria="5. Criteria", panel="6. National Panel",
                    agencies="7. Agencies involved", concerns="8. Immediate concerns",
                    decoys="9. Home Office / accommodation data"),
    split_name="last_first",
    child_fields={"other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability", "date_of_death"},
    yn=("Yes", "No", "Unknown"),
    gender=[("Female", "female"), ("Male", "male"), ("Other", "other")],
    itypes=ITYPES_B, date_main="slash", date_dob="long",
    ref_roles=["Housing Officer", "Welfare Officer", "Hotel Site Manager", "Safeguarding Officer", "Move-in Officer"],
    lead_roles=["Regional Safeguarding Lead", "Head of Safeguarding"],
    ref_agency=["Eastcliffe region - Seaview Hotel site", "London and South East region", "Dispersed accommodation team, Eastcliffe"],
    lead_agency=["Harbourne Accommodation Services Ltd", "Harbourne Accommodation Services"],
    streets=["Marine Drive", "Cliff Road", "Royal Parade", "Station Approach", "Granville Road"],
    districts=["Westbay", "Cliff End", "Royal Harbour"], blocks=["Seaview Hotel, room 214", "Granville House"],
    schools=["Eastcliffe Primary", "Westbay Academy", "Not yet enrolled", "Little Stars Nursery"],
    gps=["Eastcliffe Health Centre", "Royal Parade Surgery", "Not registered yet"],
    legal=["Asylum seeker (claim pending)", "Dependant on parent's asylum claim", "Refugee status granted",
           "Section 95 support", "Age-disputed"],
    disabilities=["Malnourished on arrival", "Hearing loss", "Possible PTSD", "Sickle cell trait", "Scabies (treated)"],
    agency_headers=["Name", "Agency", "Contact"],
    agency_pool=[("Home Office - Asylum Support", "c"), ("Eastcliffe Children's Social Care", "sw"),
                 ("Eastcliffe Police", "p"), ("Health visitor / asylum health team", "h"),
                 ("Asylum advice line (Home Office contract)", "c"), ("Refugee children's advocacy service", "c")],
    agency_domains=["eastcliffe.gov.uk", "nhs.net", "eastcliffe.gov.uk", "eastcliffe.police.uk"],
    decoys=[("Home Office reference (HO ref)", const(lambda r: f"{r.choice('BHKMRS')}{r.randrange(1000000, 9999999)}")),
            ("Port reference", const(lambda r: f"DVR/{r.randrange(10, 12):02d}{r.randrange(1000, 9999)}")),
            ("Date of arrival in accommodation", dday(-200, -15)),
            ("Room number", const(lambda r: str(r.randrange(101, 340))))],
    stories=[
        dict(type="serious_harm", ages=(2, 12), places=["the hotel"],
             locations=["Seaview Hotel, room 214", "Hotel corridor, second floor", "Granville House, shared kitchen"],
             paras=["{cs}, aged {age}, lives at {place} with {his} {adult}. Night staff heard screaming and found {c} with "
                    "scald injuries to both legs. The {adult} said {c} pulled a kettle over.",
                    "Staff had raised two earlier concerns about {c} being left alone in the room for long periods and "
                    "having bruises, but the family moved rooms before a home visit.",
                    "{c} is in the burns unit. An interpreter (Tigrinya) was used with the family."],
             sib_para="{c2} also lives in the room and has been seen with a bruise to the cheek.",
             reason="Serious harm to a child in asylum accommodation with earlier concerns from staff.",
             concerns=["The sibling remains in the room with the same adult.", "Other children in the hotel share the kitchen."],
             adults=["father", "mother", "uncle"]),
        dict(type="death", ages=(0, 1), places=["the hotel"],
             locations=["Seaview Hotel, room 118", "Dispersed property, Cliff Road"],
             paras=["A baby, {cs}, was found unresponsive in the family's hotel room. Staff called 999 and started CPR. "
                    "The baby was pronounced dead in hospital.",
                    "The family had asked for a cot several times; the baby was sleeping on a shared double bed with two "
                    "adults and a child."],
             reason="Unexpected death of an infant; questions about the safety of the accommodation.",
             police=True,
             concerns=["Mother is pregnant and the family are still in the same room."],
             adults=["mother"]),
        dict(type="other", ages=(15, 17), places=["the hotel"],
             locations=["Seaview Hotel (adult accommodation)", "Car park at the rear"],
             other_spec="age-disputed child placed with adults and sexually exploited",
             paras=["{cs} says {he} is {age}; the Home Office assessed {him} as 23 and placed {him} in adult hotel "
                    "accommodation, sharing a room with two adult men.",
                    "Staff saw {c} being collected by cars at night by different adults. {c} told a welfare officer "
                    "that men took {him} to houses and {he} was given money."],
             reason="We believe a child is being sexually exploited while placed as an adult; agencies need to act together.",
             police=None, legal="Age-disputed",
             concerns=["{c} is still at the hotel and goes out at night.", "Two other young people say they are under 18."],
             adults=["older men"]),
    ],
)
