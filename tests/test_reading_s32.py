"""Session 32: five Word reading behaviours, tested from their description through the public entry point,
parse_bytes, on real .docx files built in tmp_path (python-docx; a Word multilevel list through the package's
numbering part). Every form is otherwise a plausible referral: a referrer, a lead, one to three children, an incident
with a date and a two-sentence summary.

(1) Numbered questions inside "Section" parts: parts headed "SECTION 1: REFERRING PRACTITIONER", "SECTION 2: MANAGER
    ENDORSEMENT" ... (bold paragraphs), the questions numbered on through the whole form as bold paragraphs
    ("1.<tab>Date referral completed" ... "11.<tab>Manager's telephone"), each answer in the plain paragraph under its
    question: the social worker (question 2) is the referrer, questions 6 / 7 the referrer's e-mail / phone, the
    manager's questions 8 / 10 / 11 the lead's (the social worker's name tested on its own, apart from the rest).
    Also parts headed "Part A – About you" / "Part B – Your manager".
    Control: "Section 1 - Details of the child" ("Name: ..." under it) followed by the bold numbered heading "2. Vehicle
    and crew" over "Call sign: Delta 4": the child's name is read, nothing of the vehicle part is a child's detail.
(2) A part's title in one of Word's heading styles: the lead's part titled by a "Heading 1" paragraph reading just
    "Named Nurse" / "Named Doctor" / "Supervising officer", asking the same plain questions as the referrer's part
    ("Referring practitioner", Heading 1): each person's details in their own place. Control: "Named Nurse" as a plain
    bold question in the referrer's part (a name typed under it) moves none of the referrer's later answers to the lead.
(3) "Named Nurse Safeguarding Children" / "Named doctor for safeguarding children", a bold question answered with a
    person's name in a part titled "Safeguarding advice sought", then "Designation", "Email", "Telephone": those are
    the lead's (the designation, the lead's role, tested on its own), and nothing in that part becomes a child's
    detail.
(4) A form written as a Word multilevel list (numbering.xml, w:numPr): part titles level-0 items in "Heading 1", the
    questions level-1 items (bold), each answer the plain paragraph under its question: every answer under its own
    question, no part title read as an answer.
(5) Two or three children asked the same numbered questions under "Child 1" / "Child 2" (/ "Child 3"): each child's
    own yes/no answers (cp_plan, open_to_csc, looked_after). Controls: a second child's blank yes/no answers stay
    None; a wholly blank "Child 2" part gives no second child."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from tests.record_fields import assert_fields, leaves, record_of


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


# =====================================================================================================================
# Shared helpers
# =====================================================================================================================

@dataclass(frozen=True)
class Person:
    name: str
    role: str
    email: str          # as typed on the form (mixed case in places)
    phone: str          # as typed on the form (spaces)

    @property
    def expected(self) -> tuple[str, str, str]:
        """name, e-mail (lower-cased) and phone (digits only, the leading 0 kept) as the record holds them."""
        return self.name, self.email.lower(), self.phone.replace(" ", "")


def _people(referrer: Person, lead: Person) -> dict:
    r_name, r_email, r_phone = referrer.expected
    l_name, l_email, l_phone = lead.expected
    return {"referrer.name": r_name, "referrer.email": r_email, "referrer.phone": r_phone,
            "safeguarding_lead.name": l_name, "safeguarding_lead.email": l_email, "safeguarding_lead.phone": l_phone}


def _new_form(title: str = "Case Referral Form") -> docx.Document:
    doc = docx.Document()
    run = doc.add_paragraph().add_run(title)
    run.bold, run.font.size = True, Pt(16)
    doc.add_paragraph("OFFICIAL-SENSITIVE when complete. Please answer every question; write N/A where a question "
                      "does not apply.")
    return doc


def _bold(doc: docx.Document, text: str, style: str | None = None):
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(text).bold = True
    return paragraph


def _plain(doc: docx.Document, text: str):
    return doc.add_paragraph(text)


def _question(doc: docx.Document, question: str, answer: str) -> None:
    """A bold question paragraph and the plain answer paragraph under it (empty where unanswered)."""
    _bold(doc, question)
    _plain(doc, answer)


def _bytes(doc: docx.Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _read(tmp_path: Path, data: bytes, name: str = "referral.docx") -> dict:
    """Write the form to tmp_path and read it back through parse_bytes; it must parse as a referral."""
    path = tmp_path / name
    path.write_bytes(data)
    return record_of(path)


def _child(rec: dict, k: int = 0) -> dict:
    children = rec["children"] or []
    return children[k] if len(children) > k else {}


SUMMARY = ("Tyler was brought to Aintree University Hospital by ambulance on 21 February 2026 with bruising to both "
           "ears and a torn frenulum that his mother's partner could not explain. A strategy discussion was held "
           "with Merseyside Police the next morning and a child protection medical found older bruising to his back.")


# =====================================================================================================================
# 1. Numbered questions inside "Section" parts
# =====================================================================================================================

SOCIAL_WORKER = Person("Rachel Ainsworth", "Senior Social Worker", "Rachel.Ainsworth@sefton.gov.uk", "0151 496 0723")
TEAM_MANAGER = Person("Gareth Pryce", "Team Manager", "Gareth.Pryce@sefton.gov.uk", "0151 496 0388")


def _section_form(separator: str = "\t") -> bytes:
    """Parts headed 'SECTION n: ...' (bold), questions numbered on through the whole form (bold '1.<tab>...'), each
    answer in the plain paragraph under its question."""
    parts = [
        ("SECTION 1: REFERRING PRACTITIONER", [
            ("Date referral completed", "03/03/2026"),
            ("Name of social worker", SOCIAL_WORKER.name),
            ("Case record number", "LCS-2048173"),
            ("Job title", SOCIAL_WORKER.role),
            ("Team / service area", "Sefton Children's Social Care – Assessment Team 2"),
            ("Secure email address", SOCIAL_WORKER.email),
            ("Work telephone or mobile", SOCIAL_WORKER.phone)]),
        ("SECTION 2: MANAGER ENDORSEMENT", [
            ("Name of Team Manager / Practice Manager", TEAM_MANAGER.name),
            ("Manager's job title", TEAM_MANAGER.role),
            ("Manager's email address", TEAM_MANAGER.email),
            ("Manager's telephone", TEAM_MANAGER.phone)]),
        ("SECTION 3: CHILD / YOUNG PERSON DETAILS", [
            ("Child's full name", "Tyler Mason"),
            ("Date of birth", "09/11/2015"),
            ("Gender", "Male"),
            ("School", "Litherland Moss Primary School")]),
        ("SECTION 4: THE INCIDENT", [
            ("Date of incident", "21/02/2026"),
            ("Brief summary of the incident", SUMMARY)]),
    ]
    doc = _new_form()
    number = 0
    for heading, questions in parts:
        _bold(doc, heading)
        for question, answer in questions:
            number += 1
            _question(doc, f"{number}.{separator}{question}", answer)
    return _bytes(doc)


@pytest.mark.parametrize("separator", ["\t", " "], ids=["tab", "space"])
def test_numbered_questions_inside_section_parts_give_the_referrers_and_the_managers_details(tmp_path, separator):
    """'SECTION 1: REFERRING PRACTITIONER' / 'SECTION 2: MANAGER ENDORSEMENT' ... with bold questions numbered on
    through the form ('6.<tab>Secure email address' ... '11.<tab>Manager's telephone'; also '6. ...' with a space):
    referrer.email / .phone are questions 6 / 7's answers, safeguarding_lead.name / .email / .phone questions 8 / 10 /
    11's, and the lead's e-mail is not the referrer's."""
    rec = _read(tmp_path, _section_form(separator))
    people = _people(SOCIAL_WORKER, TEAM_MANAGER)
    del people["referrer.name"]             # (the social worker's name: the test below)
    assert_fields(rec, people)
    assert rec["safeguarding_lead"]["email"] != rec["referrer"]["email"]


@pytest.mark.xfail(strict=True, reason="'Name of social worker' is, on the training forms, the child's allocated social worker: the model does not take it for the referrer's name even inside the referrer's part (session 32)")
def test_name_of_social_worker_in_numbered_section_1_is_the_referrers_name(tmp_path):
    """The same form: '2.<tab>Name of social worker' under 'SECTION 1: REFERRING PRACTITIONER' asks the referrer's own
    name (the social worker is the referrer here): referrer.name is its answer, and the manager stays the lead."""
    rec = _read(tmp_path, _section_form())
    assert_fields(rec, {"referrer.name": SOCIAL_WORKER.name, "safeguarding_lead.name": TEAM_MANAGER.name})


FAMILY_SUPPORT_WORKER = Person("Imran Siddiqui", "Family Support Worker", "Imran.Siddiqui@oldham.gov.uk",
                               "0161 496 0815")
SERVICE_MANAGER = Person("Lorraine Healey", "Service Manager", "lorraine.healey@oldham.gov.uk", "0161 496 0242")


def _part_form() -> bytes:
    """Parts headed 'Part A – About you', 'Part B – Your manager' ... (bold), questions numbered on through the form
    ('1. Your name' ... '7. Manager's name' ...), each answer in the plain paragraph under its question."""
    parts = [
        ("Part A – About you", [
            ("Your name", FAMILY_SUPPORT_WORKER.name),
            ("Where you work", "Oldham Family Help Service, Chadderton Hub"),
            ("Your job title", FAMILY_SUPPORT_WORKER.role),
            ("Your email address", FAMILY_SUPPORT_WORKER.email),
            ("Your telephone number", FAMILY_SUPPORT_WORKER.phone),
            ("Date of this referral", "04/03/2026")]),
        ("Part B – Your manager", [
            ("Manager's name", SERVICE_MANAGER.name),
            ("Manager's job title", SERVICE_MANAGER.role),
            ("Manager's email address", SERVICE_MANAGER.email),
            ("Manager's telephone number", SERVICE_MANAGER.phone)]),
        ("Part C – The child", [
            ("Child's full name", "Ruby-Mae Cartwright"),
            ("Date of birth", "17/08/2017"),
            ("School", "Werneth Primary School")]),
        ("Part D – What happened", [
            ("Date of the incident", "26/02/2026"),
            ("What happened", "Ruby-Mae was found alone at home at 11pm on 26 February 2026 by police called by a "
                              "neighbour, with a burn to her left hand that had not been treated. Her mother was "
                              "traced to an address in Rochdale the following morning and arrested.")]),
    ]
    doc = _new_form()
    number = 0
    for heading, questions in parts:
        _bold(doc, heading)
        for question, answer in questions:
            number += 1
            _question(doc, f"{number}. {question}", answer)
    return _bytes(doc)


def test_numbered_questions_inside_part_a_and_part_b_give_the_referrer_and_the_manager_as_lead(tmp_path):
    """'Part A – About you' ('1. Your name' ... '5. Your telephone number') then 'Part B – Your manager' ('7. Manager's
    name' ... '10. Manager's telephone number'), the questions numbered on through the form: Part A's answers are the
    referrer's name / e-mail / phone, Part B's the lead's, and the lead's e-mail is not the referrer's."""
    rec = _read(tmp_path, _part_form())
    assert_fields(rec, _people(FAMILY_SUPPORT_WORKER, SERVICE_MANAGER))
    assert rec["safeguarding_lead"]["email"] != rec["referrer"]["email"]


VEHICLE_LINES = {
    "call_sign_and_crew": [("Call sign", "Delta 4"),
                           ("Vehicle", "Emergency ambulance YX21 KHP"),
                           ("Crew", "Paramedic Joanne Hughes and Emergency Medical Technician Liam Doherty"),
                           ("Receiving hospital", "Alder Hey Children's Hospital Emergency Department")],
    "with_station_address": [("Call sign", "Delta 4"),
                             ("Crew", "Paramedic Joanne Hughes and Emergency Medical Technician Liam Doherty"),
                             ("Station address", "Speke Ambulance Station, Speke Boulevard, Liverpool L24 1YD"),
                             ("Receiving hospital", "Alder Hey Children's Hospital Emergency Department")],
}


def _ambulance_form(vehicle_lines: list[tuple[str, str]]) -> bytes:
    """'Section 1 - Details of the child' with 'Label: answer' lines, then the bold numbered heading '2. Vehicle and
    crew' over 'Call sign: Delta 4' ..., then the referrer's, the lead's and the incident's sections."""
    doc = _new_form("Safeguarding Referral – North West Ambulance Service")
    _bold(doc, "Section 1 - Details of the child")
    for line in ("Name: Kayden Roberts", "Date of birth: 02/05/2019", "Gender: Male"):
        _plain(doc, line)
    _bold(doc, "2. Vehicle and crew")
    for label, answer in vehicle_lines:
        _plain(doc, f"{label}: {answer}")
    _bold(doc, "Section 3 - Referring clinician")
    for line in ("Name: Joanne Hughes", "Role: Paramedic", "Email: Joanne.Hughes@nwas.nhs.uk",
                 "Telephone: 0151 496 0561"):
        _plain(doc, line)
    _bold(doc, "Section 4 - Safeguarding lead consulted")
    for line in ("Name: Mike Ferguson", "Role: Safeguarding Practitioner", "Email: mike.ferguson@nwas.nhs.uk",
                 "Telephone: 0151 496 0930"):
        _plain(doc, line)
    _bold(doc, "Section 5 - The incident")
    _plain(doc, "Date of incident: 01/03/2026")
    _plain(doc, "Summary: The crew were called to a house in Garston where Kayden had fallen from an upstairs "
                "window and was found in the garden with no adult present. He was taken to Alder Hey with a fractured "
                "femur and the police attended the home that evening.")
    return _bytes(doc)


STATION_LEAK = pytest.mark.xfail(strict=True, reason="a part under a heading the reader cannot name is not closed to the "
                                 "child's questions: 'Station address' is read as the child's address (session 32)")


@pytest.mark.parametrize("vehicle", [pytest.param(v, marks=STATION_LEAK) if v == "with_station_address" else v
                                     for v in VEHICLE_LINES])
def test_numbered_vehicle_heading_after_section_1_child_is_no_question_of_the_childs_part(tmp_path, vehicle):
    """Control: 'Section 1 - Details of the child' ('Name: Kayden Roberts', 'Date of birth: 02/05/2019') followed by
    the bold numbered heading '2. Vehicle and crew' ('Call sign: Delta 4', 'Crew: ...', in one form also 'Station
    address: ...'): the child's name and date of birth are read, the child's school, address and GP stay None, and no
    vehicle answer is any child's."""
    rec = _read(tmp_path, _ambulance_form(VEHICLE_LINES[vehicle]))
    child = _child(rec)
    assert (child.get("name"), child.get("dob")) == ("Kayden Roberts", "2019-05-02")
    assert (child.get("school"), child.get("address"), child.get("gp")) == (None, None, None)
    answers = {answer for _, answer in VEHICLE_LINES[vehicle]}
    assert not set(leaves(rec["children"])) & answers, rec["children"]


# =====================================================================================================================
# 2. A part's title in one of Word's heading styles
# =====================================================================================================================

PLAIN_QUESTIONS = ("Name", "Designation", "Email", "Telephone")


@dataclass(frozen=True)
class StyledCase:
    lead_title: str
    referrer: Person
    lead: Person


STYLED_CASES = [
    StyledCase("Named Nurse",
               Person("Dr Hannah Lister", "Paediatric Registrar", "Hannah.Lister@nhs.net", "0113 496 0527"),
               Person("Claire Bamford", "Named Nurse for Safeguarding Children", "Claire.Bamford@nhs.net",
                      "0113 496 0184")),
    StyledCase("Named Doctor",
               Person("Megan Foley", "Emergency Department Sister", "Megan.Foley@nhs.net", "0114 496 0350"),
               Person("Dr Simon Okafor", "Named Doctor for Safeguarding Children", "S.Okafor@nhs.net",
                      "0114 496 0662")),
    StyledCase("Supervising officer",
               Person("PC Daniel Hirst", "Police Constable", "Daniel.Hirst@westyorkshire.police.uk",
                      "01632 960318"),
               Person("Sgt Amanda Kerr", "Sergeant", "amanda.kerr@westyorkshire.police.uk", "01632 960745")),
]

STYLED_CHILD = [("Child's name", "Leah Brannigan"), ("Date of birth", "12/07/2016")]
STYLED_INCIDENT = [("Date of incident", "24/02/2026"),
                   ("Summary of the incident", "Leah was admitted to Leeds General Infirmary on 24 February 2026 "
                    "after swallowing her stepfather's methadone at home. She needed ventilation for two days and "
                    "the police seized the medication the same night.")]


def _person_answers(person: Person) -> list[tuple[str, str]]:
    return list(zip(PLAIN_QUESTIONS, (person.name, person.role, person.email, person.phone)))


def _styled_form(parts: list[tuple[str, list[tuple[str, str]]]], title_style: str = "Heading 1") -> bytes:
    """Each part titled by a paragraph in title_style ('Heading 1', 'Heading 2') or in bold ('bold'), its questions
    bold paragraphs, each answer in the plain paragraph under its question."""
    doc = _new_form()
    for title, questions in parts:
        if title_style == "bold":
            _bold(doc, title)
        else:
            doc.add_paragraph(title, style=title_style)
        for question, answer in questions:
            _question(doc, question, answer)
    return _bytes(doc)


@pytest.mark.parametrize("case", STYLED_CASES, ids=[c.lead_title for c in STYLED_CASES])
def test_lead_part_titled_in_heading_1_keeps_the_leads_details_apart_from_the_referrers(tmp_path, case):
    """'Referring practitioner' (Heading 1) then a part titled by a Heading 1 paragraph reading just 'Named Nurse' /
    'Named Doctor' / 'Supervising officer', both asking 'Name', 'Designation', 'Email', 'Telephone' (bold questions,
    answers under them): referrer.name / .email / .phone are the first part's, safeguarding_lead.name / .email /
    .phone the second's, and the lead's e-mail is not the referrer's."""
    parts = [("Referring practitioner", _person_answers(case.referrer)),
             (case.lead_title, _person_answers(case.lead)),
             ("Child details", STYLED_CHILD),
             ("Incident", STYLED_INCIDENT)]
    rec = _read(tmp_path, _styled_form(parts))
    assert_fields(rec, _people(case.referrer, case.lead))
    assert rec["safeguarding_lead"]["email"] != rec["referrer"]["email"]


HEALTH_VISITOR = Person("Sophie Marsden", "Health Visitor", "Sophie.Marsden@nhs.net", "0113 496 0409")


@pytest.mark.parametrize("question", ["Named Nurse", "Named Doctor"])
def test_named_nurse_as_a_plain_bold_question_in_the_referrers_part_moves_no_later_answer_to_the_lead(tmp_path,
                                                                                                      question):
    """Control: in the referrer's part ('Referring practitioner', Heading 1), 'Named Nurse' (or 'Named Doctor') is a
    plain bold question like the others, a person's name typed under it, before 'Email' and 'Telephone': the
    referrer's name, e-mail and phone stay the referrer's, and the lead's e-mail and phone (asked nowhere) stay None."""
    answers = [("Name", HEALTH_VISITOR.name), ("Designation", HEALTH_VISITOR.role),
               (question, "Claire Bamford"),
               ("Email", HEALTH_VISITOR.email), ("Telephone", HEALTH_VISITOR.phone)]
    parts = [("Referring practitioner", answers), ("Child details", STYLED_CHILD), ("Incident", STYLED_INCIDENT)]
    rec = _read(tmp_path, _styled_form(parts))
    name, email, phone = HEALTH_VISITOR.expected
    assert_fields(rec, {"referrer.name": name, "referrer.email": email, "referrer.phone": phone,
                        "safeguarding_lead.email": None, "safeguarding_lead.phone": None})


# =====================================================================================================================
# 3. "Named nurse for safeguarding children" is the lead
# =====================================================================================================================

SCHOOL_NURSE = Person("Laura Jennings", "School Nurse", "Laura.Jennings@nhs.net", "0114 496 0276")
NAMED_LEADS = {
    "Named Nurse Safeguarding Children": Person("Bernadette Quinn", "Named Nurse for Safeguarding Children",
                                                "Bernadette.Quinn@nhs.net", "0114 496 0813"),
    "Named doctor for safeguarding children": Person("Dr Rajesh Menon", "Named Doctor for Safeguarding Children",
                                                     "R.Menon@nhs.net", "0114 496 0958"),
}
ADVICE_CHILD = [("Child's name", "Amelia Hargreaves"), ("Date of birth", "23/01/2013"),
                ("School", "Meadowhead School")]
ADVICE_INCIDENT = [("Date of incident", "18/02/2026"),
                   ("Summary of the incident", "Amelia disclosed to the school nurse on 18 February 2026 that her "
                    "mother's boyfriend had hit her with a belt. Marks consistent with her account were seen on her "
                    "legs at a child protection medical that afternoon.")]


def _advice_form(question: str, title_style: str) -> bytes:
    """Referrer's part, child's part, then 'Safeguarding advice sought' (title bold or Heading 2) asking question (a
    person's name under it), 'Designation', 'Email', 'Telephone', then the incident."""
    lead = NAMED_LEADS[question]
    advice = [(question, lead.name), ("Designation", lead.role), ("Email", lead.email), ("Telephone", lead.phone)]
    parts = [("Referring practitioner", _person_answers(SCHOOL_NURSE)),
             ("The child", ADVICE_CHILD),
             ("Safeguarding advice sought", advice),
             ("The incident", ADVICE_INCIDENT)]
    return _styled_form(parts, title_style)


ADVICE_PARAMS = [pytest.param(q, style, id=f"{q}-{style}") for q in NAMED_LEADS for style in ("bold", "Heading 2")]



NAMED_PART = pytest.mark.xfail(strict=True, reason="'Named Nurse / doctor (for) Safeguarding Children' opens the child's "
                               "part ('children'); reading it as the lead's changes the features of training forms "
                               "(w035, w070 …), so it waits for a retrained model (session 32)")
NAMED_PARAMS = [pytest.param(q, style, id=f"{q}-{style}", marks=NAMED_PART) for q in NAMED_LEADS
                for style in ("bold", "Heading 2")]


@pytest.mark.parametrize("question, title_style", NAMED_PARAMS)
def test_named_nurse_for_safeguarding_children_question_gives_the_lead_and_no_childs_detail(tmp_path, question,
                                                                                            title_style):
    """After the child's part, a part titled 'Safeguarding advice sought' (bold, or Heading 2) asks 'Named Nurse
    Safeguarding Children' (or 'Named doctor for safeguarding children') answered with a person's name, then
    'Designation', 'Email', 'Telephone': that name, e-mail and phone are safeguarding_lead.name / .email / .phone (not
    the referrer's); children[0] keeps its own name and date of birth, and no answer of the advice part is any
    child's."""
    lead = NAMED_LEADS[question]
    rec = _read(tmp_path, _advice_form(question, title_style))
    l_name, l_email, l_phone = lead.expected
    assert_fields(rec, {"safeguarding_lead.name": l_name, "safeguarding_lead.email": l_email,
                        "safeguarding_lead.phone": l_phone, "referrer.email": SCHOOL_NURSE.email.lower(),
                        "child.name": "Amelia Hargreaves", "child.dob": "2013-01-23"})
    advice_answers = {lead.name, lead.role, lead.email, lead.email.lower(), lead.phone, lead.phone.replace(" ", "")}
    assert not set(leaves(rec["children"])) & advice_answers, rec["children"]


DOCTOR_ROLE = pytest.mark.xfail(strict=True, reason="the lead's 'Designation' after the named doctor's question reads "
                                "0.65, below even the vouched bar (0.70); after the named nurse's it reads 0.91 and is "
                                "taken as a job title (session 32)")
ROLE_PARAMS = [pytest.param(q, style, id=f"{q}-{style}", marks=[DOCTOR_ROLE] if q.startswith("Named doctor") else
                             [NAMED_PART]) for q in NAMED_LEADS for style in ("bold", "Heading 2")]


@pytest.mark.parametrize("question, title_style", ROLE_PARAMS)
def test_designation_after_named_nurse_for_safeguarding_children_question_is_the_leads_role(tmp_path, question,
                                                                                            title_style):
    """The same form: the 'Designation' asked after 'Named Nurse Safeguarding Children' (or 'Named doctor for
    safeguarding children') in the 'Safeguarding advice sought' part is safeguarding_lead.role."""
    rec = _read(tmp_path, _advice_form(question, title_style))
    assert rec["safeguarding_lead"]["role"] == NAMED_LEADS[question].role


# =====================================================================================================================
# 4. A form written as a Word multilevel list
# =====================================================================================================================

LIST_NUM_ID = 41
LEVEL_1_FORMATS = {"decimal": ("decimal", "%1.%2."), "letters": ("lowerLetter", "(%2)")}


def _add_multilevel_list(doc: docx.Document, level_1: tuple[str, str]) -> None:
    """A two-level list definition in the document's numbering part: level 0 '1.', level 1 as given."""
    fmt, text = level_1
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_NUM_ID}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="792" w:hanging="432"/></w:pPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{LIST_NUM_ID}">'
                               f'<w:abstractNumId w:val="{LIST_NUM_ID}"/></w:num>'))


def _list_item(doc: docx.Document, text: str, level: int, style: str, bold: bool):
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(text).bold = bold
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{LIST_NUM_ID}"/></w:numPr>'))
    return paragraph


LIST_REFERRER = Person("Natalie Brooks", "Designated Safeguarding Lead", "N.Brooks@stmarys.knowsley.sch.uk",
                       "0151 496 0617")
LIST_LEAD = Person("Andrew Kelsall", "Education Safeguarding Officer", "andrew.kelsall@knowsley.gov.uk",
                   "0151 496 0874")
LIST_PARTS = [
    ("Referring practitioner", [("Name", LIST_REFERRER.name), ("Job title", LIST_REFERRER.role),
                                ("Email", LIST_REFERRER.email), ("Telephone", LIST_REFERRER.phone)]),
    ("Safeguarding lead consulted", [("Name", LIST_LEAD.name), ("Job title", LIST_LEAD.role),
                                     ("Email", LIST_LEAD.email), ("Telephone", LIST_LEAD.phone)]),
    ("Child details", [("Full name", "Harvey Dunn"), ("Date of birth", "06/10/2014"),
                       ("School", "Prescot Primary School")]),
    ("Incident", [("Date of incident", "02/03/2026"),
                  ("Summary of what happened", "Harvey arrived at school on 2 March 2026 with a black eye and said "
                   "his father had punched him the night before. Children's social care and Merseyside Police "
                   "visited the home together that afternoon.")]),
]


@pytest.mark.parametrize("level_1", list(LEVEL_1_FORMATS))
def test_multilevel_list_form_reads_each_answer_under_its_own_question_and_no_title_as_answer(tmp_path, level_1):
    """A Word multilevel list: the part titles level-0 items in 'Heading 1', the questions level-1 items (bold,
    numbered '1.1.' or '(a)'), each answer the plain paragraph under its question: referrer name / e-mail, the child's
    name, date of birth and school and the incident date are each their own question's answer, and no part title is
    any value of the record."""
    doc = _new_form()
    _add_multilevel_list(doc, LEVEL_1_FORMATS[level_1])
    for title, questions in LIST_PARTS:
        _list_item(doc, title, 0, "Heading 1", bold=False)
        for question, answer in questions:
            _list_item(doc, question, 1, "List Paragraph", bold=True)
            _plain(doc, answer)
    rec = _read(tmp_path, _bytes(doc))
    assert_fields(rec, {"referrer.name": LIST_REFERRER.name, "referrer.email": LIST_REFERRER.email.lower(),
                        "child.name": "Harvey Dunn", "child.dob": "2014-10-06",
                        "child.school": "Prescot Primary School",
                        "incident.date": "2026-03-02"})
    titles = {title for title, _ in LIST_PARTS}
    assert not set(leaves(rec)) & titles, [v for v in leaves(rec) if v in titles]


# =====================================================================================================================
# 5. Two or three children, each asked the same numbered questions
# =====================================================================================================================

@dataclass(frozen=True)
class Kid:
    name: str
    dob: str
    gender: str
    school: str


KIDS = [Kid("Jayden Clarke", "12/04/2012", "Male", "Hollinwood Academy"),
        Kid("Poppy Clarke", "30/09/2015", "Female", "St Thomas' CE Primary School"),
        Kid("Alfie Clarke", "05/06/2019", "Male", "Limehurst Primary School")]
YES_NO_QUESTIONS = ("Subject to a child protection plan (now or previously)?", "Open to children's social care?",
                    "Looked after?")
TRISTATE_FIELDS = ("cp_plan", "open_to_csc", "looked_after")
WORD = {True: "Yes", False: "No", None: ""}


def _children_form(answers: list[tuple[bool | None, bool | None, bool | None]], blank_second: bool = False) -> bytes:
    """A numbered-question form (bold '<n>.<tab>question', answer in the paragraph under it, numbered on through the
    form): the referrer's and lead's sections, then under 'Child 1', 'Child 2' (, 'Child 3') the same seven questions,
    then the incident. answers: each child's (cp_plan, open_to_csc, looked_after); blank_second: 'Child 2' asked but
    left wholly blank."""
    doc = _new_form()
    number = 0

    def ask(question: str, answer: str) -> None:
        nonlocal number
        number += 1
        _question(doc, f"{number}.\t{question}", answer)

    _bold(doc, "SECTION 1: REFERRER")
    for q, a in (("Name of referrer", "Kirsty Hammond"), ("Referrer's job title", "Social Worker"),
                 ("Referrer's email address", "Kirsty.Hammond@oldham.gov.uk"),
                 ("Referrer's telephone", "0161 496 0537")):
        ask(q, a)
    _bold(doc, "SECTION 2: SAFEGUARDING LEAD")
    for q, a in (("Name of safeguarding lead", "Derek Ashworth"), ("Lead's job title", "Principal Social Worker"),
                 ("Lead's email address", "derek.ashworth@oldham.gov.uk"), ("Lead's telephone", "0161 496 0291")):
        ask(q, a)
    _bold(doc, "SECTION 3: THE CHILDREN")
    count = 2 if blank_second else len(answers)
    for k in range(count):
        _bold(doc, f"Child {k + 1}")
        blank = blank_second and k == 1
        kid = KIDS[k]
        details = ("", "", "", "") if blank else (kid.name, kid.dob, kid.gender, kid.school)
        for q, a in zip(("Full name", "Date of birth", "Gender", "School"), details):
            ask(q, a)
        yes_no = (None, None, None) if blank else answers[k]
        for q, a in zip(YES_NO_QUESTIONS, yes_no):
            ask(q, WORD[a])
    _bold(doc, "SECTION 4: THE INCIDENT")
    ask("Date of incident", "19/02/2026")
    ask("Summary of the incident", "Police attended the family home on 19 February 2026 after a neighbour heard "
        "screaming and found the children alone with their mother, who was unconscious. All the children were taken "
        "into police protection and placed with their maternal grandmother that night.")
    return _bytes(doc)


def _expected_children(answers) -> list[dict]:
    return [{"name": KIDS[k].name, **dict(zip(TRISTATE_FIELDS, answers[k]))} for k in range(len(answers))]


def _got_children(rec: dict) -> list[dict]:
    return [{"name": c.get("name"), **{f: c.get(f) for f in TRISTATE_FIELDS}} for c in rec["children"] or []]


TWO_CHILD_ANSWERS = {
    "different": [(True, True, False), (False, False, True)],
    "same": [(True, True, False), (True, True, False)],
    "one_differs": [(False, True, False), (True, True, False)],
    "all_no": [(False, False, False), (False, False, False)],
}
THREE_CHILD_ANSWERS = {
    "different": [(True, False, False), (False, True, True), (False, False, True)],
    "same": [(True, True, False), (True, True, False), (True, True, False)],
    "last_differs": [(False, True, False), (False, True, False), (True, True, True)],
}


@pytest.mark.parametrize("answers", list(TWO_CHILD_ANSWERS.values()), ids=list(TWO_CHILD_ANSWERS))
def test_two_children_asked_the_same_numbered_questions_each_keep_their_own_yes_no_answers(tmp_path, answers):
    """'Child 1' and 'Child 2' each asked 'Full name' ... 'Subject to a child protection plan (now or previously)?',
    'Open to children's social care?', 'Looked after?' (numbered on through the form), answered 'Yes' / 'No': two
    children, each with their own cp_plan / open_to_csc / looked_after, none given the other's answer."""
    rec = _read(tmp_path, _children_form(answers))
    assert _got_children(rec) == _expected_children(answers)


THIRD_CHILD = pytest.mark.xfail(strict=True, reason="the third child's 'Open to children's social care?' answered Yes "
                                "stays below the vouched bar (0.62 < 0.70) though the rule reader reads it (session 32)")


@pytest.mark.parametrize("answers", [pytest.param(a, marks=THIRD_CHILD) if k in ("same", "last_differs") else a
                                     for k, a in THREE_CHILD_ANSWERS.items()], ids=list(THREE_CHILD_ANSWERS))
def test_three_children_asked_the_same_numbered_questions_each_keep_their_own_yes_no_answers(tmp_path, answers):
    """'Child 1', 'Child 2' and 'Child 3' each asked the same seven numbered questions: three children, each with
    their own cp_plan / open_to_csc / looked_after (children[1] and children[2] included), none given another's."""
    rec = _read(tmp_path, _children_form(answers))
    assert _got_children(rec) == _expected_children(answers)


def test_second_childs_blank_yes_no_answers_stay_none(tmp_path):
    """Control: 'Child 2' gives a name, date of birth, gender and school but leaves the three yes/no questions blank:
    children[1].cp_plan / .open_to_csc / .looked_after are None, children[0]'s are its own (Yes, Yes, No)."""
    answers = [(True, True, False), (None, None, None)]
    rec = _read(tmp_path, _children_form(answers))
    assert _got_children(rec) == _expected_children(answers)


def test_wholly_blank_child_2_part_gives_no_second_child(tmp_path):
    """Control: 'Child 2' is asked every question but left wholly blank: one child only, children[0] with its own
    name and yes/no answers (Yes, No, No)."""
    answers = [(True, False, False)]
    rec = _read(tmp_path, _children_form(answers, blank_second=True))
    assert _got_children(rec) == _expected_children(answers)
