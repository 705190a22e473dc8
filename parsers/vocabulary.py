"""The canonical field vocabulary: label synonyms per field, and section headings.

Labels are matched after ``normalise_label`` (lower case, numbering, brackets and
punctuation removed). Rules are tried in order, first match wins; a rule may be
limited to sections (the same "Email" means the referrer's or the lead's email
depending on the section it sits in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.fields import CHILD_FIELDS, DATE, EMAIL, ORGANISATION, PERSON, PHONE, kind_of

# a directory printed after the form ('Appendix D: Useful contacts'): services to call, not this case's (an office part)
_DIRECTORY = re.compile(r"useful (contacts|numbers|telephone numbers|links)")

SECTIONS: list[tuple[str, str]] = [
    ("office", r"office use|for office|official use only|panel use|business unit use|^signed?\b|^signature|^for ([\w ]+ )?use( only)?$|"
               r"^([\w ]+ )?use only$|" + _DIRECTORY.pattern),
    ("family", r"family composition|significant others|household members|family members|other children in the household|"
               r"family details|members of the household|household composition"),
    ("lead", r"safeguarding (children |adults )?lead|lead for safeguarding|^dsl\b|^manager$|^dsl manager$|agreement to refer|manager (who|agreeing|approving)|manager s details|designated safeguarding|senior manager|safeguarding officer|safeguarding team|line manager|authoris|^approv|\bendorse|"
             r"^who (you|did you) (talked|spoke|discussed)|^safeguarding advice"),
    ("referrer", r"^referrer|^you$|^yourself$|notifier|person notifying|notifying (practitioner|professional|person|officer)|referrer details|^referring\b|referring (agency|professional|person|practitioner|worker|clinician|officer)|practitioner (making|completing)|person completing|completing this form|person making|your details|details of (the )?referrer|about (you|the referrer)|referral from|^referral details"),
    ("agencies", r"agencies|professionals involved|services involved|other agencies|agency involvement|who else is involved|"
                 r"others involved|^other professionals\b|professional network|^(other )?(people|professionals|services) "
                 r"working with (the )?(child|family|young person)"),
    ("concerns", r"immediate concerns|immediate (safeguarding )?risk|^safety now$|risk now|current safety"),
    ("panel", r"national panel|notification|^panel"),
    ("criteria", r"criteria"),
    ("incident", r"incident|case outline|what happened|circumstances|case summary|the event|summary of"),
    ("child", r"child|subject|young person|infant|baby|details of the (child|young)|pupil|student|learner"),
]
PERSON_SECTIONS = ("referrer", "lead")

# Words a form prints over a part as its title, and elsewhere as a question ('Supervising officer:' asks for the
# supervisor's name; '2. SUPERVISOR' over a table is the supervisor's part): read as a section only where the text is
# set as a title (``picture``: a heading, a line in capitals or a table row of one cell; no colon, no question mark);
# the second list only where the title is set further apart still - in capitals, or after 'Section 2' / 'Part B' / 'B.'
# (a lone 'Named Doctor' or 'Supervising officer' over its answer box is the question itself).
TITLE_SECTIONS: list[tuple[str, str]] = [
    ("lead", r"^(your |the )?supervisor( s)?( details| consulted)?$|"
             r"^named (nurse|doctor|midwife|professional)s?( for safeguarding( children)?)? consulted$"),
]
TITLE_SECTIONS_APART: list[tuple[str, str]] = [
    ("lead", r"^(the )?supervising officer( s details)?$|^named (nurse|doctor|midwife|professional)s?( for safeguarding( children)?)?$"),
]


@dataclass(frozen=True)
class Rule:
    field: str                 # canonical path; "child.x" applies to the current child; "person.x" to the section's person
    pattern: str
    sections: tuple[str, ...] = ()   # empty: any section
    exclude: str = ""
    rules_only: bool = False         # the rule reader's alone: no feature of the trained reader's (field_strengths)


R = Rule
RULES: list[Rule] = [
    # "If yes, on what date?" under a yes/no question: the date that question's answer goes with
    R("previous.date", r"^if (yes|so)\b.*\b(date|when)\b|^(if (yes|so) )?(on )?what date$"),
    # dates first: "Date of birth", "Date of incident" etc. must not fall through to names
    # (a bare "Date submitted" under the Panel notification heading is the Panel's date, not the form's)
    R("date_panel_notified", r"^date (submitted|sent|notified|of (the )?notification)$", sections=("panel",)),
    R("date_of_referral", r"^(date (of )?(the |this )?referral|referral date|date referred|date (this )?(form |notification )?(was )?"
                          r"(completed|sent|submitted)|date of request|today s date|date)$",
      exclude=r"birth|death|incident|aware|notified|panel|\bsin\b|received"),
    R("date_of_referral", r"^date of (this )?notification$", sections=("referrer",)),
    R("date_of_referral", r"^date of ref$"),
    R("date_panel_notified", r"^when (was|were) (it|they|the panel) (told|notified|informed|sent)$", sections=("panel",)),
    R("child.dob", r"date of birth|^dob\b|\bd o b\b|birth date|\bedd\b|expected (date of )?delivery|due date|^born\b|"
                   r"when (was|were) (the )?(child|young person|baby|infant|they|he|she) born"),
    R("child.date_of_death", r"date of death|^dod$|date (the )?child died|date died|when did (they|he|she|the child) die\b"),
    R("date_panel_notified", r"date.*(notif|\bsin\b|panel|submitted|sent)|when (was|were) (the )?(national )?(panel|notification)|"
                             r"(panel|notification|notified)\b.*\bdate$",
      exclude=r"aware|informed|la |local authority|incident occurred"),
    R("incident.date_la_aware", r"(\bla\b|local authority|council|partners|partnership|children s services).*(aware|notified|informed|told|learn)|(aware|notified|informed).*(\bla\b|local authority)|became aware|date.*aware|(council|local authority|\bla\b|children s services) (find|found|first found|first find) out"),
    R("incident.date", r"date of (the )?(incident|event|serious (incident|harm)|harm|injury)|incident date|date (the )?incident|^date of death or serious harm|when did (the )?incident|"
                        r"when did (it|this|the incident|the event|the harm) (happen|occur|take place)"),
    R("incident.type", r"^(incident )?type$|(type|kind|nature) of (the )?(incident|case|harm|notification|event)|nature of (the )?(incident|harm)|incident type|category|reason for notification"),
    R("incident.summary", r"summary|outline|brief (information|description|details|account)|what happened"),
    R("incident.police_involved", r"police|criminal (investigation|proceedings)",
      exclude=r"reference|\bref\b|crime (ref|number)|officer|contact|\bname\b|force"),
    R("criteria.died_or_seriously_harmed", r"died or (been |was )?serious|death or serious|died or is seriously|has died|seriously harmed|"
                                            r"died or (been |was )?badly (hurt|injured)|death serious harm"),
    R("criteria.abuse_or_neglect_suspected", r"abuse or neglect|abuse neglect|neglect"),
    R("criteria.local_connection", r"local connection|normally resident|resident in|lives in|live in|incident (happened|occurred|took place) in|local area|in the area|"
                                         r"child or (the )?incident in|incident (happened |occurred )?in (the )?(area|borough|county|city)|"
                                         r"live here|happen(ed)? here|local connection"),
    R("criteria.reason", r"why|reason|grounds|explain|rationale|justification|how (are|is|does).*criteria|criteria (are|is) met|"
                         r"what (learning|lessons)|learning (identified|points)|lessons (to be )?learn"),
    R("criteria.multi_agency_learning", r"learning|\blearn\b"),
    R("incident.summary", r"summary|case outline|outline|brief (information|description|details|account)|what happened|description|circumstances|details of (the )?(incident|case|concern)|background|chronology|account of",
      exclude=r"ethnic|religio|cultur|language"),
    # people
    R("referrer.name", r"^(name of (the )?(person|professional|practitioner) (completing|making|submitting)( (this|the) (form|referral|notification))?|completed by|"
                       r"name of referrer|referrer( s)? name|referrers name|referrer full name|referrer|referred by|notifier( s)?( name)?|name of notifier|practitioner (making|completing|submitting) (the |this )?(notification|referral|form)|"
                       r"person (completing|making|submitting) (this|the) (form|referral|notification)|referring (professional|practitioner|person)|name of (the )?(person|professional) (making|completing) (the )?referral|your name)$"),
    R("referrer.name", r"^who are you\b|^your full name$|^(name of (the )?)?notifying (practitioner|professional|person|officer)$|^ref name$"),
    R("lead.name", r"^who (did|have) you (talk|talked|speak|spoken|spoke|discuss|discussed|consult|consulted)\b|^name of .*(lead|manager|dsl|officer)\b|manager (authoris|authoriz|agreeing|approving)|"
                   r"^(line )?manager who (has )?(agreed|authorised|approved)|"
                   r"(authorising|approving) manager|(safeguarding lead|dsl|manager|officer)( s)? (full )?name$|^(designated )?safeguarding (lead|officer)$|^dsl$"),
    R("lead.discussed", r"(have|has) (they|he|she|your manager|the lead) agreed|discuss|(talked|spoken|spoke) (to|with)|(lead|manager|dsl) (has )?agreed|agreed (this|the) (referral|notification)|agreed by|agreement of|agree to (the )?referral|consulted|authori[sz]ed|aware of (this |the )?referral|sign(ed)? off"),
    R("person.role", r"(^| )(role|job title|job|designation|position|title|post)( |$)"),
    R("person.agency", r"(^| )(agency|organisation|organization|employer|service|team|department)( |$)|where do (you|they) work|"
                       r"^works? (for|at)$", exclude=r"other|involved|social care"),
    R("person.email", r"e ?mail|secure email|electronic mail"),
    R("person.phone", r"tel|phone|mobile|contact (number|no)|direct (line|dial)|best number|number to (reach|call|contact)"),
    R("person.name", r"^((full )?name|your name|print name)$", sections=PERSON_SECTIONS),
    # child
    R("child.forename", r"forename|first name|given name|christian name"),
    R("child.surname", r"surname|last name|family name"),
    R("child.name", r"^(child( s)? name|childs name|name of (the )?child|name of (the )?(child|young person|infant|baby)( or young person)?|child young person( s)? name|child s name identifier|child name|child s full name|full name of child|child|subject( s)? name|child s initials|initials of (the )?child)$|^name of child|^child s (full )?name|(full )?name of the child|what s the child called|what is the child called|"
                      r"what are they called",
      exclude=r"^name of (the )?child protection\b"),   # 'Name of Child Protection Chair': a professional's name
    R("child.name", r"^((full )?name)$", sections=("child",)),
    R("child.other_names", r"other names?\b|known as|\baka\b|alias|previous names|also known|preferred name"),
    R("child.age", r"^age\b|age at|child s age|approx(imate)? age|\bage (if|only|when|where)\b|^how old"),
    R("child.gender", r"gender|^sex$|sex of child|boy or (a )?girl|girl or (a )?boy|male or female"),
    R("child.ethnicity", r"ethnic"),
    R("child.address", r"address|where does (the )?(child|young person) (usually |normally )?live|where do(es)? (they|he|she) (usually |normally )?live|place of residence|"
                       r"usual residence", exclude=r"e ?mail|electronic mail"),
    R("child.school", r"school|college|nursery|education|setting|early years", exclude=r"needs|disabilit|\bsend\b|attendance"),
    R("child.gp", r"^gp|\bgp\b|general practi|g p |doctor|surgery|gp practice"),
    R("child.legal_status", r"legal status"),
    R("child.cp_plan", r"protection plan|cp plan|\bcpp\b|child protection"),
    R("child.open_to_csc", r"social care|\bcsc\b|open to|known to (children|social)|social work"),
    R("child.looked_after", r"looked after|in care|\bcla\b|\blac\b|child in care"),
    R("child.disability", r"disabilit|additional needs|\bsend\b|special (educational )?needs",
      exclude=r"(should|to|can|could|may|you|we) send|send (this|it|the form)"),
    # incident
    R("incident.location", r"location|where did|place (of|where)|where (was|were|it)|address of incident"),
    R("incident.location", r"^where$", sections=("incident",)),  # a bare 'Where?' beside 'When did it happen?'

    R("panel_notified", r"(panel|\bsin\b|notification|notified)", exclude=r"^date|^when"),
    R("immediate_concerns", r"immediate|ongoing (risk|concern)|current (risk|concern)|risks? to (other|sibling)|"
                            r"(other )?child(ren)? (is |are )?at risk|at risk (right )?now|safe now|what has been done to keep"),
    # (the rule reader's own wordings, last: every other wording goes first; their word only vouches for a value the
    # trained reader found too, and the trained reader's features never see them)
    # a label that lists the answers it takes: 'Girl / Boy / Other', 'Male / Female'
    R("child.gender", r"^(?=.*\b(girl|female)\b)(?=.*\b(boy|male)\b)((girl|boy|male|female|other|non binary|unknown|"
                      r"not known|or) ?)+$", rules_only=True),
    R("child.name", r"^(\w+ )?(young person|pupil|student|learner|baby|infant|child) s (full )?name$",
      sections=("child",), rules_only=True),
    R("child.age", r"^(estimated|approximate|approx|likely) age$", sections=("child",), rules_only=True),
    R("child.address", r"^where (they|the child|the young person|he|she) lives?( now)?$", sections=("child",),
      rules_only=True),
    R("date_of_referral", r"^(date of (this )?report|report date|date (this )?report (was )?(made|completed))$",
      rules_only=True),
    # 'Instructor name', 'Technician name' in the referrer's or the lead's part: that person's name, where the
    # words before 'name' name no organisation, other party or section (last, so every other wording goes first)
    R("person.name", r"^([a-z]+ ){1,3}name$", sections=PERSON_SECTIONS, rules_only=True,
      exclude=r"\b(parent|carer|mother|father|family|member|sibling|brother|sister|household|partner|pupil|student|"
              r"patient|client|customer|guest|booker|victim|perpetrator|alleged|suspect|person|people|witness|contact|"
              r"emergency|next|kin|gp|doctor|social|case|user|account|file|form|document|site|premises|venue|event|"
              r"course|product|other|previous|maiden|known|child|children|young|subject|infant|baby|learner|lead|dsl|"
              r"manager|supervisor|safeguarding|designated|officer|agency|agencies|service|services|professional|"
              r"council|nhs|trust|police|school|academy|college|nursery|unit|team|board|hospital|surgery|practice|"
              r"clinic|centre|center|partnership|society|charity|church|club|association|department|authority|"
              r"company|business|organisation|organization|employer|setting|branch|office|project|hub|group|ward|"
              r"street|road|town|city|area|region|district|borough|county|local|first|last|middle|sur|given|fore|"
              r"full|print|your|their|his|her)\b"),
]

RULE_SECTIONS_OF = {  # which section a field normally lives in (used to switch the child/person context)
    "referrer": "referrer", "lead": "lead", "child": "child",
}

INCIDENT_TYPES: list[tuple[str, str]] = [
    ("care_leaver_death", r"care leaver"),
    ("lac_death", r"(death|died).*(in care|looked after|\bcla\b|\blac\b)|looked after child death|\blac death"
                  r"|\b(in care|looked after)\b.*\b(has|have|had) died"),
    ("serious_harm", r"serious(ly)? (harm|injur)|^harm|significant harm|serious incident"),
    ("death", r"death|died|fatal"),
    ("other", r"^other|^something else"),
]

# Short forms that terse forms use ('Police inv. Y/N', 'NP notif. date', 'Ethn.', 'Addr.', 'Agency/Svc'): read as the
# words they stand for, so that every rule knows them.
ABBREVIATIONS = {"nat": "national", "inv": "involved", "invol": "involved", "conn": "connection", "notif": "notification",
                 "addr": "address", "ethn": "ethnicity", "np": "national panel", "svc": "service", "org": "organisation",
                 "dept": "department", "tel no": "telephone", "resp": "responsible", "cso": "csc"}

_NUMBERING = re.compile(r"^\s*(\(?[0-9]+(\.[0-9]+)*[.)]?|[a-z][.)]|q[0-9]+[.:)]?|(section|part|step) ([0-9]+|[a-z]\b)\s*[.:\-–]?)\s+",
                        re.I)


def unnumbered(label: str) -> str:
    """A label without the number it is asked under ('13. Child's name', 'Q4 Organisation', '2.1 Email')."""
    return _NUMBERING.sub("", label.strip())


@lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    t = label.replace("’", "'").replace("‘", "'")
    t = _NUMBERING.sub("", t.strip())
    without = re.sub(r"\([^)]*\)", " ", t)
    if re.search(r"[A-Za-z]", without):
        t = without
    t = re.sub(r"(please )?(state|specify|give details|tick|select)( one)?( as appropriate)?$", " ", t, flags=re.I)
    t = re.sub(r"\b(y\s*/\s*n|yes\s*/\s*no)\s*[?:]?\s*$", " ", t, flags=re.I)  # 'CP plan Y/N': the answers offered
    t = re.sub(r"[^0-9A-Za-z]+", " ", t).strip().lower()
    return " ".join(ABBREVIATIONS.get(w, w) for w in t.split())


_WHOM = re.compile(r"^contact( person| name)?$")


def whom_to_contact(header: str) -> bool:
    """An agencies table's column headed 'Contact' (or 'Contact person'): whom to contact, where another column
    says how ('Contact | Agency | Tel / email'); 'Contact details', 'Date of contact' and the like are not."""
    return bool(_WHOM.match(normalise_label(header)))


_NAMED = re.compile(r"\bname\b")
_PARTY = re.compile(r"\b(referr\w*|reporter|reporting|completing|safeguarding lead|dsl|designated|your?)\b")


def explicit_name_column(headers: list[str], chosen: int) -> int:
    """The column of people's names in an agencies or contacts grid: one headed 'Name' wins over the vaguer column
    taken first ('Who (role in this referral) | Name | Organisation ...': the first says whose row it is)."""
    if _NAMED.search(normalise_label(headers[chosen])):
        return chosen
    named = [i for i, h in enumerate(headers) if _NAMED.search(normalise_label(h))
             and not re.search(r"agency|organisation|organization|service|team", normalise_label(h))]
    return named[0] if named else chosen


def party_column(header: str) -> bool:
    """A grid's first column that says whose row it is in the referral ('Who (role in this referral)'), not an
    agency worker's job ('Role'): only there do rows of the referrer and the lead stand among the agencies'."""
    words = " ".join(re.findall(r"[a-z]+", header.lower()))
    return bool(re.search(r"^who\b|in this referral|part in (the|this) referral", words))


def names_a_party(who: str) -> bool:
    """A contacts grid's row labelled as the referrer's or the safeguarding lead's ('Person making this referral',
    'Company Safeguarding Lead'): one of the referral's own parties, not another agency involved."""
    if not who.strip():
        return False
    best = max(field_strengths(who, None), key=lambda fs: fs[1], default=None)
    words = " ".join(re.findall(r"[a-z]+", who.lower()))   # with its brackets' words: 'Manager (safeguarding lead)'
    return bool(_PARTY.search(words)) or (best is not None and best[1] >= 0.5
                                          and best[0].split(".")[0] in ("referrer", "lead"))


@lru_cache(maxsize=8192)
def section_of(heading: str) -> str | None:
    t = normalise_label(heading)
    if not t or len(t) > 90:
        return None
    found = []
    for order, (name, pattern) in enumerate(SECTIONS):
        m = re.search(pattern, t)
        if m:
            found.append((m.start() if name not in ("office", "family") else -1, order, name))
    # 'Referrer and safeguarding lead' opens with the referrer: the section named first wins
    # (office-use and family sections always win: nothing in them belongs to the record)
    return min(found)[2] if found else None


_PART_PREFIX = re.compile(r"^(section|part)\s+\w+\s*[:.\-–]\s*", re.I)
_LETTERED = re.compile(r"^((section|part)\s+\w+|[A-H])\s*[.:)\-–]\s", re.I)   # 'Section B - ', 'Part 2: ', 'B. '


@lru_cache(maxsize=4096)
def title_section(heading: str, set_as_title: bool, apart: bool = False) -> str | None:
    """The section a part's title names in words a form also uses as questions (``TITLE_SECTIONS``): only where the
    caller found the text set as a title (a Word heading, a line in capitals, a numbered heading, a table row of one
    cell), with no colon after its 'Section 2:' and no question mark ('Supervising officer:' asks for a name); the
    words of ``TITLE_SECTIONS_APART`` only in capitals, after 'Section B' / 'Part 2' / 'B.', or set ``apart`` (a
    Word heading style)."""
    t = heading.strip()
    if not set_as_title or not t or len(t) > 60 or "\n" in t or "\t" in t or t.endswith("?") \
            or ":" in _PART_PREFIX.sub("", t):
        return None
    words = normalise_label(t)
    lists = TITLE_SECTIONS + (TITLE_SECTIONS_APART if apart or t.isupper() or _LETTERED.match(t) else [])
    return next((name for name, pattern in lists if re.search(pattern, words)), None)


def directory(heading: str) -> bool:
    """A heading over a directory of services printed with the form ('Appendix D: Useful contacts'): an office part
    (``section_of``) whose contacts table lists no agency of the case."""
    return bool(_DIRECTORY.search(normalise_label(heading)))


# A partnership's own wordings ([vocabulary] in the configuration): tried before the built-in rules.
_EXTRA: list[Rule] = []
PUBLIC_HEADS = {"children": "child", "child": "child", "referrer": "referrer", "safeguarding_lead": "lead",
                "lead": "lead", "incident": "incident", "criteria": "criteria"}
TOP_LEVEL = ("date_of_referral", "panel_notified", "date_panel_notified", "immediate_concerns")
PERSON_LEAVES = ("name", "role", "agency", "email", "phone")


def field_path(public: str) -> str | None:
    """A record field as people write it ('children.name', 'safeguarding_lead.email') -> the rule's path."""
    if public in TOP_LEVEL:
        return public
    head, _, leaf = public.partition(".")
    inner = PUBLIC_HEADS.get(head)
    allowed = {"child": CHILD_FIELDS + ("forename", "surname"), "referrer": PERSON_LEAVES,
               "lead": PERSON_LEAVES + ("discussed",),
               "incident": ("date", "date_la_aware", "location", "type", "summary", "police_involved"),
               "criteria": ("died_or_seriously_harmed", "abuse_or_neglect_suspected", "local_connection",
                            "multi_agency_learning", "reason")}
    if inner is None or leaf not in allowed[inner]:
        return None
    return f"{inner}.{leaf}"


def teach(vocabulary: dict[str, str]) -> None:
    """Use a partnership's own label wordings: {"Name of young person": "children.name", ...}.
    Raises ValueError naming the first entry whose field is unknown."""
    rules = []
    for wording, public in vocabulary.items():
        path = field_path(public)
        if path is None:
            raise ValueError(f"{public!r} (for {wording!r}) is not a field of the referral record")
        label = normalise_label(wording)
        if not label:
            raise ValueError(f"{wording!r} has no letters or digits to match")
        rules.append(Rule(path, "^" + re.escape(label) + "$"))
    _EXTRA[:] = rules
    match.cache_clear()
    strength.cache_clear()
    tied_fields.cache_clear()
    field_strengths.cache_clear()


def taught(text: str, field: str) -> bool:
    """Whether the partnership's own ``[vocabulary]`` names this label as this field."""
    if not _EXTRA:
        return False
    t = normalise_label(text)
    return any(rule.field == field and re.search(rule.pattern, t) for rule in _EXTRA)


def _rules() -> list[Rule]:
    return _EXTRA + RULES if _EXTRA else RULES


@lru_cache(maxsize=16384)
def match(label: str, section: str | None, everything: bool = False) -> str | None:
    """The canonical field a label names in this section, or None (with the rule reader's own rules where
    ``everything``: ``rule_match``)."""
    t = normalise_label(label)
    if not t or len(t) > 160:
        return None
    asks = _asks_for(t)
    for rule in _rules():
        if (rule.rules_only and not everything) or (rule.sections and section not in rule.sections):
            continue
        if rule.exclude and re.search(rule.exclude, t):
            continue
        if re.search(rule.pattern, t):
            if asks and not _answers(rule.field, asks):
                continue
            return rule.field
    return None


_YES_NO_QUESTION = re.compile(r"^(is|are|has|have|does|do|did|could|can|was|were|will|would|should)\b")


def _asks_for(label: str) -> str | None:
    """What kind of answer a label's wording asks for: 'date' ('Date of ...', 'When did ...'), 'yes/no'
    ('Is the child ...?', 'Could more than one agency ...?'), else None (any)."""
    if re.match(r"^(date|when)\b", label) or re.search(r"\bwhen (did|was|were|is|will)\b|\bwhat date\b", label):
        return "date"
    if _YES_NO_QUESTION.match(label):
        return "yes/no"
    return None


def _answers(path: str, asks: str) -> bool:
    """Whether a field can take the answer a label asks for: a date label names a date field; a yes/no
    question never names a name, organisation, contact or date field."""
    if path == "previous.date":  # 'If yes, on what date?': the date of the question before it
        return asks == "date"
    kind = kind_of(path if not path.startswith("person.") else "referrer." + path.split(".", 1)[1])
    if asks == "date":
        return kind == DATE
    return kind not in (ORGANISATION, PHONE, EMAIL, DATE, PERSON) or path.endswith("other_names")


@lru_cache(maxsize=16384)
def field_strengths(text: str, section: str | None) -> tuple:
    """Every field a label may name, with how much of the label its first rule explains and that rule's
    rank: (("child.dob", 1.0, 12), ...)."""
    t = normalise_label(text)
    if not t or len(t) > 160:
        return ()
    asks = _asks_for(t)
    found: dict[str, tuple[float, int]] = {}
    for rank, rule in enumerate(_rules()):
        if rule.rules_only or rule.field in found or (rule.sections and section not in rule.sections):
            continue
        if rule.exclude and re.search(rule.exclude, t):
            continue
        m = re.search(rule.pattern, t)
        if m and not (asks and not _answers(rule.field, asks)):
            found[rule.field] = ((m.end() - m.start()) / max(len(t), 1), rank)
    return tuple((f, s, r) for f, (s, r) in found.items())


@lru_cache(maxsize=4096)
def tied_fields(label: str, section: str | None) -> tuple[str, ...]:
    """The fields a label names about as well as its first match (within 0.05 of the best share of the
    label explained), in the vocabulary's order; one field when there is no tie."""
    found = field_strengths(label, section)
    if not found:
        return ()
    best = max(s for _, s, _ in found)
    return tuple(f for f, s, _ in found if s >= best - 0.05)


def rule_match(label: str, section: str | None) -> str | None:
    """``match`` as the rule reader reads: its own rules too (``Rule.rules_only``), which the trained reader's
    features and the PDF reader's picture never see."""
    return match(label, section, True)


def rule_strength(label: str, section: str | None) -> float:
    return strength(label, section, True)


@lru_cache(maxsize=16384)
def strength(label: str, section: str | None, everything: bool = False) -> float:
    """How much of a label its field's rule explains (0..1): 'Type of incident' 1.0, 'Merseyside Police' 0.35.
    A cell that is wholly a label is no answer to the label beside or above it."""
    t = normalise_label(label)
    path = match(label, section, everything)
    if path is None or not t:
        return 0.0
    for rule in _rules():
        if rule.field == path and (not rule.sections or section in rule.sections) and (everything or not rule.rules_only):
            m = re.search(rule.pattern, t)
            if m and not (rule.exclude and re.search(rule.exclude, t)):
                return (m.end() - m.start()) / len(t)
    return 0.0


def incident_type(value: str) -> str | None:
    t = normalise_label(value)
    for name, pattern in INCIDENT_TYPES:
        if re.search(pattern, t):
            return name
    return None
