"""Session 31: the referrer's details told from the safeguarding lead's by the heading over each part, tested from the
behaviour's description through the public entry point, parse_bytes, on real files built in tmp_path (python-docx for
Word, reportlab's canvas in invariant mode for PDF).

Many real forms ask the referrer and the safeguarding lead the same plain questions ("Name", "Role" / "Designation",
"Organisation" / "Team", "Email", "Telephone"); only the heading over each part says whose details they are. The
referrer's part is headed "Section 1: Referring designated professional", "1. REFERRING OFFICER", "About you" or
"Clinician completing this form"; the lead's part by one of ten real wordings ("2. SUPERVISOR", "Supervising officer",
"2. Named Nurse consulted", "B. Named Doctor", "Named professional consulted", "Who you talked to", "Safeguarding
advice", "Section 2: Manager endorsement", "2 Trust safeguarding children lead", "Section 2: ICB Executive Lead for
Safeguarding"). safeguarding_lead.name / .email / .phone are then the lead part's answers and referrer.name / .email /
.phone the referrer part's, the lead's e-mail never the referrer's; each wording is built four ways:

(a) Word: the heading a paragraph above its part's two-column "label | answer" table, in bold or in the Word style
    Heading 2;
(b) Word: the heading the first row of its part's table, merged across both columns and shaded;
(c) PDF drawn with reportlab: the heading in bold capitals on its own line, then "Label" at the left and the answer at
    x=200 on each line (plain text, no form fields).

Every form also has a child's part ("Section 3: The child": Forename, Surname, Date of birth) and an incident part
(date, a two-sentence summary). Controls (Word, two-column tables): a blank "Named GP" row in the child's part followed
by "School" and "Ethnicity" is no lead's heading (the school and ethnicity are the child's, the GP stays null, no lead
detail comes from the child's part); "Legal status | Supervision order" is the child's legal status and no
supervisor's heading (the child's rows after it stay the child's).

Also (unit tests on ``assignment.marked_kind``, written in the session): the kind of incident marked in a printed list
of two kinds and nothing else, or of kinds each before its own box at the end of its line; no kind where the list
does not say which box is whose, marks none or marks two."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from parsers.assignment import marked_kind
from parsers.training.train import fingerprint
from tests.record_fields import assert_fields, record_of


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


# =====================================================================================================================
# The people on each form
# =====================================================================================================================

@dataclass(frozen=True)
class Person:
    name: str
    role: str
    agency: str
    email: str          # as typed on the form (mixed case in places)
    phone: str          # as typed on the form (spaces)

    @property
    def expected(self) -> tuple[str, str, str]:
        """name, e-mail (lower-cased) and phone (digits only, the leading 0 kept) as the record holds them."""
        return self.name, self.email.lower(), self.phone.replace(" ", "")


@dataclass(frozen=True)
class Case:
    lead_heading: str
    referrer_heading: str
    referrer: Person
    lead: Person
    labels: tuple[str, str, str, str, str]     # the same five plain questions asked in both parts


PLAIN = ("Name", "Role", "Organisation", "Email", "Telephone")
DESIGNATION = ("Name", "Designation", "Team", "Email", "Telephone")

CASES = [
    Case("2. SUPERVISOR", "1. REFERRING OFFICER",
         Person("DC Aaron Whitfield", "Detective Constable", "Merseyside Police Public Protection Unit",
                "Aaron.Whitfield@merseyside.police.uk", "0151 496 0372"),
         Person("DS Karen Lowe", "Detective Sergeant", "Merseyside Police Public Protection Unit",
                "Karen.Lowe@merseyside.police.uk", "0151 496 0815"), PLAIN),
    Case("Supervising officer", "1. REFERRING OFFICER",
         Person("PC Liam Brennan", "Police Constable", "Lancashire Constabulary Response Team",
                "liam.brennan@lancashire.police.uk", "01632 960412"),
         Person("Insp. Fiona McBride", "Inspector", "Lancashire Constabulary Response Team",
                "Fiona.McBride@lancashire.police.uk", "01632 960587"), DESIGNATION),
    Case("2. Named Nurse consulted", "Clinician completing this form",
         Person("Dr Priya Raman", "Consultant Paediatrician", "Leeds Teaching Hospitals NHS Trust",
                "Priya.Raman@nhs.net", "0113 496 0274"),
         Person("Joanne Pickering", "Named Nurse for Safeguarding Children", "Leeds Teaching Hospitals NHS Trust",
                "joanne.pickering2@nhs.net", "0113 496 0611"), PLAIN),
    Case("B. Named Doctor", "Clinician completing this form",
         Person("Ellie Carter", "Emergency Department Sister", "Sheffield Children's NHS Foundation Trust",
                "Ellie.Carter@nhs.net", "0114 496 0329"),
         Person("Dr Mark Ashdown", "Named Doctor for Safeguarding Children",
                "Sheffield Children's NHS Foundation Trust", "M.Ashdown@nhs.net", "0114 496 0902"), DESIGNATION),
    Case("Named professional consulted", "About you",
         Person("Siobhan Kelly", "Health Visitor", "Sirona Care and Health 0-19 Team",
                "siobhan.kelly7@nhs.net", "0117 496 0145"),
         Person("Rebecca Osei", "Named Professional for Safeguarding Children", "Sirona Care and Health",
                "Rebecca.Osei@nhs.net", "0117 496 0768"), PLAIN),
    Case("Who you talked to", "About you",
         Person("Tom Fairclough", "Designated Safeguarding Lead", "St Anne's CE Primary School",
                "T.Fairclough@stannes.wigan.sch.uk", "01632 960233"),
         Person("Angela Brooks", "Education Safeguarding Officer", "Wigan Council Education Safeguarding Team",
                "angela.brooks@wigan.gov.uk", "01632 960944"), DESIGNATION),
    Case("Safeguarding advice", "About you",
         Person("Hannah Doyle", "Social Worker", "Birmingham Children's Trust Assessment Team 4",
                "Hannah.Doyle@birminghamchildrenstrust.co.uk", "0121 496 0388"),
         Person("Marcus Green", "Practice Supervisor", "Birmingham Children's Trust Assessment Team 4",
                "marcus.green@birminghamchildrenstrust.co.uk", "0121 496 0712"), PLAIN),
    Case("Section 2: Manager endorsement", "Section 1: Referring designated professional",
         Person("Claire Whitworth", "Designated Nurse for Safeguarding Children", "NHS Greater Manchester",
                "Claire.Whitworth@nhs.net", "0161 496 0457"),
         Person("Neil Sutton", "Head of Safeguarding", "NHS Greater Manchester",
                "neil.sutton3@nhs.net", "0161 496 0630"), DESIGNATION),
    Case("2 Trust safeguarding children lead", "Clinician completing this form",
         Person("Dr Oliver Grant", "Paediatric Registrar", "Alder Hey Children's NHS Foundation Trust",
                "Oliver.Grant@alderhey.nhs.uk", "0151 496 0193"),
         Person("Sarah Middleton", "Trust Safeguarding Children Lead", "Alder Hey Children's NHS Foundation Trust",
                "sarah.middleton@alderhey.nhs.uk", "0151 496 0547"), PLAIN),
    Case("Section 2: ICB Executive Lead for Safeguarding", "Section 1: Referring designated professional",
         Person("Dr Aisha Patel", "Designated Doctor for Safeguarding Children", "NHS Cheshire and Merseyside ICB",
                "Aisha.Patel1@nhs.net", "0151 496 0264"),
         Person("Julie Hartley", "Executive Director of Nursing and Care", "NHS Cheshire and Merseyside ICB",
                "Julie.Hartley@nhs.net", "07700 900318"), PLAIN),
]
CASE_IDS = [c.lead_heading for c in CASES]


# 'Supervising officer' in ordinary case is, on the model's training forms, the question over the supervisor's name
# (its answer in the box or line below): it opens the lead's part only where set in capitals (the PDF's headings are),
# so the Word forms that set it in ordinary case keep the lead's details unread (session 31) - unless set in one of
# Word's heading styles ('Heading 2'), which sets a title further apart than bold (session 32).
SUPERVISING_OFFICER = pytest.mark.xfail(strict=True, reason="'Supervising officer' in ordinary case is a question over "
                                        "its answer on the training forms: read as the lead's part's title only in "
                                        "capitals")


def _marked(case):
    return pytest.param(case, marks=SUPERVISING_OFFICER) if case.lead_heading == "Supervising officer" else case


MARKED_CASES = [_marked(c) for c in CASES]


CHILD_HEADING = "Section 3: The child"
INCIDENT_HEADING = "Section 4: The incident"
CHILD_ROWS = [("Forename", "Kacey"), ("Surname", "Dunmore"), ("Date of birth", "14/06/2014")]
SUMMARY = ("Kacey was taken to the emergency department by ambulance on the evening of 27 February 2026 with a head "
           "injury that her mother's partner could not explain. A skeletal survey found older healing fractures "
           "and a strategy discussion was held with the police the next morning.")
INCIDENT_ROWS = [("Date of incident", "27/02/2026"), ("Summary of the incident", SUMMARY)]


def _person_rows(labels: tuple[str, ...], person: Person) -> list[tuple[str, str]]:
    return list(zip(labels, (person.name, person.role, person.agency, person.email, person.phone)))


def _parts(case: Case, child_rows: list[tuple[str, str]] = CHILD_ROWS) -> list[tuple[str, list[tuple[str, str]]]]:
    """The form's four parts in order: referrer, lead, child, incident."""
    return [(case.referrer_heading, _person_rows(case.labels, case.referrer)),
            (case.lead_heading, _person_rows(case.labels, case.lead)),
            (CHILD_HEADING, child_rows),
            (INCIDENT_HEADING, INCIDENT_ROWS)]


def _expected(case: Case) -> dict:
    r_name, r_email, r_phone = case.referrer.expected
    l_name, l_email, l_phone = case.lead.expected
    return {"referrer.name": r_name, "referrer.email": r_email, "referrer.phone": r_phone,
            "safeguarding_lead.name": l_name, "safeguarding_lead.email": l_email, "safeguarding_lead.phone": l_phone}


# =====================================================================================================================
# Building the forms
# =====================================================================================================================

def _word_form(parts: list[tuple[str, list[tuple[str, str]]]], heading: str) -> bytes:
    """A Word referral form, a two-column 'label | answer' table per part. heading: 'bold' (a bold paragraph above
    the table), 'style' (a paragraph in the style Heading 2 above the table) or 'merged' (the table's first row,
    merged across both columns and shaded)."""
    doc = docx.Document()
    title = doc.add_paragraph()
    run = title.add_run("Case Referral Form")
    run.bold, run.font.size = True, Pt(16)
    doc.add_paragraph("OFFICIAL-SENSITIVE when complete. Please complete every section.")
    for text, rows in parts:
        if heading == "bold":
            doc.add_paragraph().add_run(text).bold = True
        elif heading == "style":
            doc.add_heading(text, level=2)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        if heading == "merged":
            cells = table.add_row().cells
            merged = cells[0].merge(cells[1])
            merged.paragraphs[0].add_run(text).bold = True
            merged._tc.get_or_add_tcPr().append(
                parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))
        for label, answer in rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            if answer:
                cells[1].paragraphs[0].add_run(answer)
        doc.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


FONT, BOLD = "Helvetica", "Helvetica-Bold"
LABEL_X, ANSWER_X, LINE_H = 50, 200, 16


def _pdf_form(parts: list[tuple[str, list[tuple[str, str]]]]) -> bytes:
    """A reportlab PDF (plain text, no form fields): per part its heading in bold capitals on its own line, then a
    line per question, the label at the left and the answer at x=200 (a long answer wrapped under itself)."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setTitle("Case Referral Form")
    c.setFont(BOLD, 16)
    c.drawString(LABEL_X, 790, "Case Referral Form")
    c.setFont(FONT, 9)
    c.drawString(LABEL_X, 774, "OFFICIAL-SENSITIVE when complete. Please complete every section.")
    y = 745
    for text, rows in parts:
        c.setFont(BOLD, 11)
        c.drawString(LABEL_X, y, text.upper())
        y -= LINE_H + 4
        for label, answer in rows:
            c.setFont(FONT, 10)
            c.drawString(LABEL_X, y, label)
            for line in simpleSplit(answer, FONT, 10, A4[0] - ANSWER_X - 50) or [""]:
                c.drawString(ANSWER_X, y, line)
                y -= LINE_H
        y -= 10
        assert y > 60, "the form runs off the page"
    c.setFont(FONT, 8)
    c.drawString(LABEL_X, 30, "Case Referral Form v3 - Page 1 of 1")
    c.showPage()
    c.save()
    return out.getvalue()


def _read(tmp_path: Path, name: str, data: bytes) -> dict:
    """Write the form to tmp_path and read it back through parse_bytes; it must parse as a referral."""
    path = tmp_path / name
    path.write_bytes(data)
    return record_of(path)


def _assert_people(rec: dict, case: Case) -> None:
    assert_fields(rec, _expected(case))
    assert rec["safeguarding_lead"]["email"] != rec["referrer"]["email"]


# =====================================================================================================================
# The heading over each part says whose details its plain questions are
# =====================================================================================================================

@pytest.mark.parametrize("case", MARKED_CASES, ids=CASE_IDS)
def test_word_bold_heading_paragraph_tells_the_leads_part_from_the_referrers(tmp_path, case):
    """Word, a bold heading paragraph above each part's 'label | answer' table, both parts asking the same plain
    questions: the lead's part (under one of the ten lead wordings) gives safeguarding_lead.name / .email / .phone,
    the referrer's part gives referrer.name / .email / .phone, and the lead's e-mail is not the referrer's."""
    rec = _read(tmp_path, "referral.docx", _word_form(_parts(case), "bold"))
    _assert_people(rec, case)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)   # (a Word heading style sets 'Supervising officer' apart as a
def test_word_heading_2_paragraph_tells_the_leads_part_from_the_referrers(tmp_path, case):   # title: session 32)
    """Word, each part's heading a paragraph in the style Heading 2 above its 'label | answer' table: the lead's part
    gives safeguarding_lead.name / .email / .phone, the referrer's part referrer.name / .email / .phone."""
    rec = _read(tmp_path, "referral.docx", _word_form(_parts(case), "style"))
    _assert_people(rec, case)


@pytest.mark.parametrize("case", MARKED_CASES, ids=CASE_IDS)
def test_word_merged_shaded_first_row_tells_the_leads_part_from_the_referrers(tmp_path, case):
    """Word, each part's heading the first row of its own table, merged across both columns and shaded: the lead's
    part gives safeguarding_lead.name / .email / .phone, the referrer's part referrer.name / .email / .phone."""
    rec = _read(tmp_path, "referral.docx", _word_form(_parts(case), "merged"))
    _assert_people(rec, case)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_pdf_bold_capitals_heading_line_tells_the_leads_part_from_the_referrers(tmp_path, case):
    """PDF (plain text), each part's heading in bold capitals on its own line, then 'Label' at the left and the
    answer at x=200 on each line: the lead's part gives safeguarding_lead.name / .email / .phone, the referrer's part
    referrer.name / .email / .phone."""
    rec = _read(tmp_path, "referral.pdf", _pdf_form(_parts(case)))
    _assert_people(rec, case)


# =====================================================================================================================
# Controls: words in the child's part that look like a lead's heading are the child's
# =====================================================================================================================

def _child_values(rows: list[tuple[str, str]]) -> set[str]:
    return {answer for _, answer in rows if answer} | {"Kacey Dunmore"}


GP_CASES = [c for c in CASES if c.lead_heading in ("Named professional consulted", "2. Named Nurse consulted")]


@pytest.mark.parametrize("case", GP_CASES, ids=[c.lead_heading for c in GP_CASES])
def test_blank_named_gp_row_in_the_childs_part_is_no_leads_heading(tmp_path, case):
    """Control: in the child's part, 'Named GP' left blank, then 'School | Holy Cross Catholic Primary School' and
    'Ethnicity | White British': the school and ethnicity are the child's, the GP stays null, and no lead detail is
    taken from the child's part (the lead is the lead part's)."""
    rows = CHILD_ROWS + [("Named GP", ""), ("School", "Holy Cross Catholic Primary School"),
                         ("Ethnicity", "White British")]
    rec = _read(tmp_path, "referral.docx", _word_form(_parts(case, rows), "bold"))
    child = (rec["children"] or [{}])[0]
    assert (child.get("school"), child.get("ethnicity")) == ("Holy Cross Catholic Primary School", "White British")
    assert child.get("gp") is None
    lead = rec["safeguarding_lead"]
    assert not {lead[k] for k in ("name", "role", "agency", "email", "phone")} & _child_values(rows), lead
    _assert_people(rec, case)


SUPERVISOR_CASES = [c for c in CASES if c.lead_heading in ("2. SUPERVISOR", "Supervising officer")]


@pytest.mark.parametrize("case", SUPERVISOR_CASES, ids=[c.lead_heading for c in SUPERVISOR_CASES])
def test_supervision_order_legal_status_is_the_childs_and_no_supervisors_heading(tmp_path, case):
    """Control: in the child's part, 'Legal status | Supervision order' is children[0].legal_status, and the rows
    after it ('School', 'Ethnicity') are still the child's; the lead stays the lead part's and takes nothing from the
    child's part."""
    rows = CHILD_ROWS + [("Legal status", "Supervision order"), ("School", "Rainford High"),
                         ("Ethnicity", "Mixed White and Black Caribbean")]
    rec = _read(tmp_path, "referral.docx", _word_form(_parts(case, rows), "bold"))
    child = (rec["children"] or [{}])[0]
    assert (child.get("legal_status"), child.get("school"), child.get("ethnicity")) == \
        ("Supervision order", "Rainford High", "Mixed White and Black Caribbean")
    lead = rec["safeguarding_lead"]
    assert not {lead[k] for k in ("name", "role", "agency", "email", "phone")} & _child_values(rows), lead
    if case.lead_heading != "Supervising officer":   # (that wording in ordinary case: the strict xfail above)
        _assert_people(rec, case)


# =====================================================================================================================
# The kind of incident marked in a printed list of two kinds, or of kinds each before its box (unit tests on
# assignment.marked_kind, the pure decision)
# =====================================================================================================================

@pytest.mark.parametrize("printed, kind", [
    # two kinds, each after its own box, nothing else offered: the one marked
    ("☒ Death of a child\t☐ Serious harm to a child", "death"),
    ("☐ Death of a child\n☒ Serious harm to a child", "serious_harm"),
    # a line each, each kind before its own box at the end of its line
    ("Death of a child ☒\nSerious harm to a child ☐\nDeath of a care leaver (under 25) ☐", "death"),
    ("Type of incident\nDeath of a child ☐\nSerious harm to a child ☒", "serious_harm"),
    ("Death of a child ☐\tDeath of a looked after child ☒\tOther serious incident ☐", "lac_death"),
])
def test_a_kind_marked_in_a_list_of_two_or_with_its_box_after_it(printed, kind):
    """Two kinds and nothing else, or kinds each with its own box at the end of its own line: the marked one."""
    assert marked_kind(printed) == kind


@pytest.mark.parametrize("printed", [
    "Child death ☒ Serious harm ☐",                              # one line: is ☒ after 'Child death' or before 'Serious harm'?
    "☒ Died ☐ Seriously harmed ☐ Not known",                    # two kinds and a third option: a yes/no-like question
    "Death of a child ☒",                                       # one option is no list
    "Death of a child ☒\nSerious harm to a child ☒",            # two marked
    "☒ Yes ☐ No",
    "Death of a child ☐\nSerious harm to a child ☐",            # none marked
    "Death of a child ☒\nSerious harm to a child\nOther ☐",      # a kind with no box of its own
    "Sudden unexpected death ☐\nOther ☒",                      # two options, one of them 'Other': no list of kinds
    "☐ Expected death\t☒ Other",
])
def test_no_kind_where_the_list_does_not_say_which_box_is_whose_or_marks_none_or_two(printed):
    """Prefer a blank to a guess: an ambiguous, unmarked or twice-marked list gives no kind."""
    assert marked_kind(printed) is None


# =====================================================================================================================
# The training fingerprint covers the rule reader's records (which calibrate the bar for values it vouches for)
# =====================================================================================================================

def test_the_training_fingerprint_changes_with_the_rule_readers_record_of_a_form():
    """Two runs whose candidates are the same but whose rule reader reads a form differently give different digests
    for that form (a rule-reader change can move the vouched bar of a retrained model), the same for the others."""
    docs = [(Path("g1.docx"), {}), (Path("g2.docx"), {})]
    per_doc = [(0, None, [], [0]), (1, None, [], [0])]
    before = fingerprint(docs, per_doc, {0: {"referrer": {"name": "Amy Clarke"}}, 1: None})
    after = fingerprint(docs, per_doc, {0: {"referrer": {"name": None}}, 1: None})
    assert before["g1.docx"] != after["g1.docx"]
    assert before["g2.docx"] == after["g2.docx"]
