"""Session 27: prompts a form's designer left in its answer places, and answers read around them. (1) A fillable PDF
whose text fields default (/DV) to a prompt ('Type here', 'Please enter', 'Enter full name', 'DD/MM/YYYY',
'e.g. 07700 900000', 'Enter address and postcode') and whose combo boxes default to '-- Select --': the filled fields
are read, every field still on its prompt is empty; (2) an answer typed after the prompt in such a field
('DD/MM/YYYY 03/02/2026', 'Enter telephone number 0115 496 0895'); (3) control: a fillable form written by a program
with /DV equal to /V and both the real answer; (4) a Word template of 'Label:<tab>[prompt]' lines typed over inside
the square brackets (single lines, a three-line address, a summary over several paragraphs), the prompts never
replaced left in grey italics, and a ticked box typed as '[X] Yes   [ ] No'; (5) numbered questions in a PDF with
the answer on the lines under each question (a three-line address before the school), and a browser's print of an
online form (label and answer on one line, the address's further lines under the answer).

Every form is a real file in tmp_path: reportlab (canvas, invariant=1; canvas.acroForm for fillable fields), pypdf
for the fields' /DV, python-docx for Word; read through the public entry point, parse_bytes, in the default reading
(both readers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers.normalise import beyond_default
from tests.record_fields import assert_fields as _assert_fields
from tests.record_fields import fields as _fields
from tests.record_fields import leaves as _leaves
from tests.record_fields import record_of as _record

BOLD, PLAIN, SIZE = "Helvetica-Bold", "Helvetica", 10


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


HELD = pytest.mark.xfail(strict=True, reason=(
    "held (session 27): built on branch held27, not shipped: reading it changes the candidates of the training "
    "forms (the grammar prints answers in brackets and numbered questions), so it ships only with a retrained "
    "model, and the model retrained with it read about 1 % fewer values on the earlier sets (docs/reader.md, "
    "session 27)"))


# =====================================================================================================================
# 1-3. Fillable PDF whose fields default to a prompt
# =====================================================================================================================

ACRO_PARTNERSHIP = "Carlton and Gedling Safeguarding Children Partnership"
SELECT = "-- Select --"
GENDERS = [SELECT, "Female", "Male", "Non-binary", "Prefer not to say"]
INCIDENT_TYPES = [SELECT, "Death of a child", "Serious harm to a child", "Death of a looked after child",
                  "Death of a care leaver (under 25)", "Other serious incident"]
YES_NO = [SELECT, "Yes", "No", "Not known"]

# (section heading, [(field name, printed label / tooltip, prompt (/DV), kind, options, height)])
TEXT, COMBO = "text", "combo"
ACRO_LAYOUT = [
    ("Section 1: About you", [
        ("date_of_referral", "Date of referral", "DD/MM/YYYY", TEXT, None, 16),
        ("referrer_name", "Your name", "Enter full name", TEXT, None, 16),
        ("referrer_role", "Job title", "Please enter", TEXT, None, 16),
        ("referrer_agency", "Organisation", "Please enter", TEXT, None, 16),
        ("referrer_email", "Email address", "Type here", TEXT, None, 16),
        ("referrer_phone", "Telephone number", "e.g. 07700 900000", TEXT, None, 16),
    ]),
    ("Section 2: Your safeguarding lead", [
        ("lead_name", "Name of safeguarding lead", "Enter full name", TEXT, None, 16),
        ("lead_email", "Lead's email address", "Type here", TEXT, None, 16),
        ("lead_phone", "Lead's telephone number", "e.g. 07700 900000", TEXT, None, 16),
        ("lead_discussed", "Has the referral been discussed with your lead?", SELECT, COMBO, YES_NO, 16),
    ]),
    ("Section 3: The child", [
        ("child_name", "Child's full name", "Enter full name", TEXT, None, 16),
        ("child_dob", "Date of birth", "DD/MM/YYYY", TEXT, None, 16),
        ("child_gender", "Gender", SELECT, COMBO, GENDERS, 16),
        ("child_ethnicity", "Ethnicity", "Please enter", TEXT, None, 16),
        ("child_address", "Home address", "Enter address and postcode", TEXT, None, 40),
        ("child_school", "School or education setting", "Please enter", TEXT, None, 16),
        ("child_gp", "GP surgery", "Please enter", TEXT, None, 16),
        ("child_disability", "Disability or additional needs", "Please enter", TEXT, None, 16),
        ("child_date_of_death", "Date of death (if applicable)", "DD/MM/YYYY", TEXT, None, 16),
    ]),
    ("Section 4: Second child (if the referral is about more than one child)", [
        ("child2_name", "Child's full name", "Enter full name", TEXT, None, 16),
        ("child2_dob", "Date of birth", "DD/MM/YYYY", TEXT, None, 16),
        ("child2_gender", "Gender", SELECT, COMBO, GENDERS, 16),
        ("child2_address", "Home address", "Enter address and postcode", TEXT, None, 40),
        ("child2_school", "School or education setting", "Please enter", TEXT, None, 16),
    ]),
    ("Section 5: What happened", [
        ("incident_date", "Date of incident", "DD/MM/YYYY", TEXT, None, 16),
        ("incident_date_la_aware", "Date the local authority became aware", "DD/MM/YYYY", TEXT, None, 16),
        ("incident_location", "Where did it happen?", "Please enter", TEXT, None, 16),
        ("incident_type", "Type of incident", SELECT, COMBO, INCIDENT_TYPES, 16),
        ("incident_police", "Are the police involved?", SELECT, COMBO, YES_NO, 16),
        ("incident_summary", "Summary of what happened", "Type here", TEXT, None, 60),
        ("criteria_reason", "Why do you think the criteria are met?", "Type here", TEXT, None, 40),
    ]),
]
PROMPTS = {name: prompt for _, rows in ACRO_LAYOUT for name, _, prompt, *_ in rows}

SUMMARY_1 = ("Maya (9) was found at the bottom of the stairs at home by a neighbour on 30 January 2026 with a head "
             "injury and bruising to both arms.\n\nHer mother's partner said that Maya had fallen, but the injuries "
             "were not thought to match that account by the paediatrician at Carlton General Hospital.")
FILLED_1 = {
    "date_of_referral": "04/02/2026",
    "referrer_name": "Gemma Hartley",
    "referrer_role": "School Nurse",
    "referrer_agency": "Nottinghamshire Healthcare NHS Foundation Trust",
    "referrer_email": "gemma.hartley@nhs.net",
    "referrer_phone": "0115 496 0274",
    "child_name": "Maya Thompson",
    "child_dob": "14/06/2016",
    "child_gender": "Female",
    "child_address": "27 Brookfield Close\nCarlton\nNG4 3RT",
    "child_gp": "Carlton Hill Medical Practice",
    "incident_date": "30/01/2026",
    "incident_location": "Family home",
    "incident_type": "Serious harm to a child",
    "incident_summary": SUMMARY_1,
}
READ_1 = {"referrer.name": "Gemma Hartley", "referrer.role": "School Nurse",
          "referrer.agency": "Nottinghamshire Healthcare NHS Foundation Trust",
          "referrer.email": "gemma.hartley@nhs.net", "referrer.phone": "01154960274",
          "child.name": "Maya Thompson", "child.dob": "2016-06-14", "child.gender": "female",
          "child.address": "27 Brookfield Close, Carlton, NG4 3RT", "child.gp": "Carlton Hill Medical Practice",
          "incident.date": "2026-01-30", "incident.location": "Family home", "incident.type": "serious_harm"}
LEFT_ON_PROMPT_1 = {"safeguarding_lead.name": None, "safeguarding_lead.email": None, "safeguarding_lead.phone": None,
                    "safeguarding_lead.discussed": None, "child.ethnicity": None, "child.school": None,
                    "child.disability": None, "child.date_of_death": None, "incident.date_la_aware": None,
                    "incident.police_involved": None, "criteria.reason": None}


def _fillable_pdf(path: Path, values: dict[str, str], defaults: dict[str, str] | None) -> Path:
    """The fillable form of ACRO_LAYOUT: each section heading, then each printed label with its field beside it.
    A field's /V (and its appearance on the page) is ``values[name]``; a field ``values`` has no entry for holds its
    prompt (with ``defaults``) or is empty (without; a combo box then on a blank ' ' entry). reportlab writes /DV
    equal to /V; with ``defaults`` every field's /DV is then set (pypdf) to ``defaults[name]``, as a form designer's
    default value - so a field never filled has /V equal to /DV, the prompt."""
    raw = path.with_suffix(".reportlab.pdf")
    c = Canvas(str(raw), pagesize=A4, invariant=1)
    form = c.acroForm

    def header():
        c.setFont(BOLD, 16)
        c.drawString(40, 800, "Case Referral Form")
        c.setFont(PLAIN, 9)
        c.drawString(40, 786, ACRO_PARTNERSHIP)
        c.drawString(40, 774, "OFFICIAL-SENSITIVE when complete. Click in a box to type your answer.")

    header()
    y = 745
    for heading, rows in ACRO_LAYOUT:
        height = 24 + sum(h + 6 for *_, h in rows)
        if y - height < 40:
            c.showPage()
            header()
            y = 745
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 22
        for name, label, prompt, kind, options, h in rows:
            c.setFont(BOLD, 9)
            c.drawString(40, y + h - 11, label)
            value = values.get(name, prompt if defaults is not None else "")
            common = dict(name=name, tooltip=label, value=value, x=250, y=y, width=300, height=h, borderWidth=1,
                          fontName="Helvetica", fontSize=9, forceBorder=True)
            if kind == COMBO and value == "":
                # reportlab writes no empty combo box: the control's unfilled one sits on a blank ' ' first entry
                form.choice(options=[" ", *options[1:]], **{**common, "value": " "})
            elif kind == COMBO:
                form.choice(options=options, **common)
            elif h > 16:
                form.textfield(fieldFlags="multiline", maxlen=0, **common)
            else:
                form.textfield(**common)
            y -= h + 6
        y -= 10
    c.showPage()
    c.save()
    if defaults is None:
        raw.rename(path)
        return path
    writer = PdfWriter(clone_from=PdfReader(str(raw)))
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            field = annot.get_object()
            name = str(field.get("/T"))
            if name in defaults:
                field[NameObject("/DV")] = TextStringObject(defaults[name])
    with open(path, "wb") as fh:
        writer.write(fh)
    raw.unlink()
    return path


def test_fillable_pdf_with_prompt_defaults_reads_the_fields_that_were_filled(tmp_path):
    """Text fields whose /DV is a prompt ('Enter full name', 'Please enter', 'DD/MM/YYYY', 'e.g. 07700 900000',
    'Enter address and postcode', 'Type here') and combo boxes whose /DV is '-- Select --': the fields the referrer
    filled (/V the answer, /DV still the prompt) are read as usual - referrer, child's name, date of birth, gender
    (combo 'Female'), three-line address, GP, incident date, place and type (combo 'Serious harm to a child')."""
    path = _fillable_pdf(tmp_path / "referral.pdf", FILLED_1, PROMPTS)
    fields = PdfReader(str(path)).get_fields()
    assert (fields["child_name"]["/V"], fields["child_name"]["/DV"]) == ("Maya Thompson", "Enter full name")
    assert fields["child_school"]["/V"] == fields["child_school"]["/DV"] == "Please enter"
    assert fields["incident_police"]["/V"] == fields["incident_police"]["/DV"] == SELECT
    rec = _record(path)
    _assert_fields(rec, READ_1)


def test_fillable_pdf_fields_left_on_their_prompt_default_are_empty(tmp_path):
    """The same form: every field still holding its default prompt (/V equal to /DV, shown on the page) is None - the
    lead's name 'Enter full name', email 'Type here', phone 'e.g. 07700 900000' (never 07700900000), the combo boxes
    'Has the referral been discussed…' and 'Are the police involved?' on '-- Select --', ethnicity / school /
    disability 'Please enter', date of death and date the LA became aware 'DD/MM/YYYY', criteria reason 'Type here';
    and no prompt is anywhere in the record."""
    rec = _record(_fillable_pdf(tmp_path / "referral.pdf", FILLED_1, PROMPTS))
    assert _fields(rec, LEFT_ON_PROMPT_1) == LEFT_ON_PROMPT_1
    prompts = set(PROMPTS.values())
    assert not [v for v in _leaves(rec) if v in prompts or v == "07700900000"
                or any(p.lower() in v.lower() for p in prompts if len(p) > 10)], rec


def test_fillable_pdf_second_child_block_left_on_its_prompts_is_not_a_child(tmp_path):
    """The second child's block (name 'Enter full name', date of birth 'DD/MM/YYYY', gender '-- Select --', address
    'Enter address and postcode', school 'Please enter') was never filled: the record has one child, Maya Thompson."""
    rec = _record(_fillable_pdf(tmp_path / "referral.pdf", FILLED_1, PROMPTS))
    assert [(c["name"], c["dob"]) for c in rec["children"]] == [("Maya Thompson", "2016-06-14")], rec["children"]


def test_fillable_pdf_second_child_block_filled_over_its_prompts_is_a_second_child(tmp_path):
    """Control: the same form with the second child's block filled (/V the answers, /DV still the prompts: Ruby
    Thompson, 22/10/2020, 'Female', Carlton Infant Academy): two children, Maya then Ruby - the block is read when it
    holds answers."""
    filled = {**FILLED_1, "child2_name": "Ruby Thompson", "child2_dob": "22/10/2020", "child2_gender": "Female",
              "child2_address": "27 Brookfield Close\nCarlton\nNG4 3RT", "child2_school": "Carlton Infant Academy"}
    rec = _record(_fillable_pdf(tmp_path / "referral.pdf", filled, PROMPTS))
    assert [(c["name"], c["dob"]) for c in rec["children"]] == [("Maya Thompson", "2016-06-14"),
                                                                 ("Ruby Thompson", "2020-10-22")], rec["children"]


TYPED_AFTER = {**FILLED_1, "incident_date": "DD/MM/YYYY 03/02/2026",
               "referrer_phone": "Enter telephone number 0115 496 0895"}


def test_fillable_pdf_date_typed_after_its_prompt_is_read(tmp_path):
    """A date field whose /DV is 'DD/MM/YYYY' and whose /V is 'DD/MM/YYYY 03/02/2026' (the referrer clicked at the
    end of the prompt and typed): the incident date is 2026-02-03."""
    defaults = {**PROMPTS, "referrer_phone": "Enter telephone number"}
    rec = _record(_fillable_pdf(tmp_path / "referral.pdf", TYPED_AFTER, defaults))
    assert rec["incident"]["date"] == "2026-02-03", rec["incident"]


def test_fillable_pdf_phone_typed_after_its_prompt_is_read(tmp_path):
    """A telephone field whose /DV is 'Enter telephone number' and whose /V is 'Enter telephone number 0115 496 0895':
    the referrer's phone is 01154960895."""
    defaults = {**PROMPTS, "referrer_phone": "Enter telephone number"}
    rec = _record(_fillable_pdf(tmp_path / "referral.pdf", TYPED_AFTER, defaults))
    assert rec["referrer"]["phone"] == "01154960895", rec["referrer"]


FILLED_3 = {
    "date_of_referral": "05/02/2026",
    "referrer_name": "Tia O'Neill",
    "referrer_role": "Designated Safeguarding Lead",
    "referrer_agency": "Gedling Park Academy",
    "referrer_email": "t.oneill@gedlingpark.sch.uk",
    "referrer_phone": "0115 496 0633",
    "lead_name": "Marcus Bell",
    "lead_email": "m.bell@gedlingpark.sch.uk",
    "lead_phone": "07700 900582",
    "lead_discussed": "Yes",
    "child_name": "Ellis Warner",
    "child_dob": "02/09/2012",
    "child_gender": "Male",
    "child_ethnicity": "White British",
    "child_address": "8 Hollinwood Lane\nGedling\nNG4 4FD",
    "child_school": "Gedling Park Academy",
    "child_gp": "Willow Farm Surgery",
    "child_disability": "Type 1 diabetes",
    "incident_date": "01/02/2026",
    "incident_date_la_aware": "02/02/2026",
    "incident_location": "Gedling Country Park",
    "incident_type": "Serious harm to a child",
    "incident_police": "Yes",
    "incident_summary": ("Ellis (13) was found collapsed in Gedling Country Park on 1 February 2026 after being given "
                         "alcohol and cannabis by older young people.\n\nHe was admitted to hospital in diabetic "
                         "ketoacidosis and has since been discharged home."),
    "criteria_reason": "Ellis was seriously harmed and exploitation is suspected.",
}
READ_3 = {"referrer.name": "Tia O'Neill", "referrer.role": "Designated Safeguarding Lead",
          "referrer.agency": "Gedling Park Academy", "referrer.phone": "01154960633",
          "safeguarding_lead.name": "Marcus Bell", "safeguarding_lead.email": "m.bell@gedlingpark.sch.uk",
          "safeguarding_lead.phone": "07700900582", "safeguarding_lead.discussed": True,
          "child.name": "Ellis Warner", "child.dob": "2012-09-02", "child.gender": "male",
          "child.ethnicity": "White British", "child.address": "8 Hollinwood Lane, Gedling, NG4 4FD",
          "child.school": "Gedling Park Academy", "child.gp": "Willow Farm Surgery",
          "child.disability": "Type 1 diabetes", "incident.date": "2026-02-01", "incident.date_la_aware": "2026-02-02",
          "incident.location": "Gedling Country Park", "incident.type": "serious_harm",
          "incident.police_involved": True,
          "criteria.reason": "Ellis was seriously harmed and exploitation is suspected."}


def test_fillable_pdf_written_by_a_program_with_default_equal_to_the_answer_is_read_as_usual(tmp_path):
    """Control: a fillable form written by reportlab, every field's /DV equal to its /V and both the real answer
    (child's disability 'Type 1 diabetes', referrer "Tia O'Neill", school, dates, combo boxes 'Male' / 'Yes' /
    'Serious harm to a child'): the answers are read as usual, nothing emptied."""
    path = _fillable_pdf(tmp_path / "referral.pdf", FILLED_3, None)
    fields = PdfReader(str(path)).get_fields()
    assert fields["child_disability"]["/DV"] == fields["child_disability"]["/V"] == "Type 1 diabetes"
    rec = _record(path)
    _assert_fields(rec, READ_3)


# =====================================================================================================================
# 4. A Word template typed over inside its square brackets
# =====================================================================================================================

WORD_PARTNERSHIP = "Oldbridge Safeguarding Children Partnership"
GREY = RGBColor(0x7F, 0x7F, 0x7F)
BRACKET_SUMMARY = [
    "[Maya was brought to the Emergency Department at Oldbridge Royal Infirmary by her aunt on 3 February 2026 with a "
    "burn to her left forearm.",
    "Maya told the triage nurse that her mother's boyfriend had held her arm against the kitchen radiator because she "
    "would not go to bed.",
    "Police were informed and Maya is staying with her aunt while enquiries are made.]",
]


def _label_line(doc, label: str, answer: str | None = None, prompt: str | None = None):
    """'Label:<tab>[answer]' (the answer typed inside the brackets, plain text) or 'Label:<tab>[prompt]' (the
    template's prompt, grey italics); just 'Label:' when neither is given."""
    para = doc.add_paragraph()
    para.add_run(label + ":").bold = True
    if answer is not None:
        para.add_run("\t" + answer)
    elif prompt is not None:
        para.add_run("\t")
        run = para.add_run(prompt)
        run.italic = True
        run.font.color.rgb = GREY
    return para


def _bracket_template(tmp_path: Path) -> Path:
    doc = Document()
    title = doc.add_paragraph()
    run = title.add_run(WORD_PARTNERSHIP)
    run.bold = True
    run.font.size = Pt(14)
    title = doc.add_paragraph()
    run = title.add_run("Case Referral Form")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph("Type your answer over the text in square brackets. Return the completed form to the "
                      "partnership business unit.")

    doc.add_heading("Section 1: About you", level=2)
    _label_line(doc, "Date of referral", "[04/02/2026]")
    _label_line(doc, "Your name", "[Rachel Okafor]")
    _label_line(doc, "Job title", "[Paediatric Liaison Nurse]")
    _label_line(doc, "Organisation", "[Oldbridge Royal Infirmary]")
    _label_line(doc, "Telephone", "[0161 496 0381]")

    doc.add_heading("Section 2: Your safeguarding lead", level=2)
    _label_line(doc, "Name", prompt="[Enter name]")
    _label_line(doc, "Job title", prompt="[Enter job title]")

    doc.add_heading("Section 3: The child", level=2)
    _label_line(doc, "Child's full name", "[Maya THOMPSON]")
    _label_line(doc, "Date of birth", "[17/05/2017]")
    _label_line(doc, "Gender", "[Female]")
    _label_line(doc, "Home address")
    for line in ("[12 Ash Road", "Lowfield", "CQ1 2AB]"):
        doc.add_paragraph(line)
    _label_line(doc, "School", "[Old Town Community Primary]")
    _label_line(doc, "Is the child open to children's social care?", prompt="[Yes / No / Not known]")
    _label_line(doc, "Date of death", prompt="[dd/mm/yyyy]")

    doc.add_heading("Section 4: What happened", level=2)
    _label_line(doc, "Date of incident", "[03/02/2026]")
    _label_line(doc, "Where did it happen?", "[Family home]")
    _label_line(doc, "Were the police involved?", "[X] Yes   [ ] No")
    _label_line(doc, "Summary of what happened")
    for para in BRACKET_SUMMARY:
        doc.add_paragraph(para)
    path = tmp_path / "referral.docx"
    doc.save(path)
    return path


@HELD
def test_word_bracket_template_answers_typed_inside_the_brackets_are_read_without_them(tmp_path):
    """'Label:<tab>[answer]' lines where the referrer typed inside the template's square brackets and left them:
    child "[Maya THOMPSON]" → 'Maya THOMPSON', date of incident '[03/02/2026]' → 2026-02-03, school '[Old Town
    Community Primary]', referrer '[Rachel Okafor]', phone '[0161 496 0381]', date of birth '[17/05/2017]'."""
    rec = _record(_bracket_template(tmp_path))
    _assert_fields(rec, {"child.name": "Maya THOMPSON", "child.dob": "2017-05-17", "child.gender": "female",
                         "child.school": "Old Town Community Primary", "referrer.name": "Rachel Okafor",
                         "referrer.role": "Paediatric Liaison Nurse", "referrer.phone": "01614960381",
                         "incident.date": "2026-02-03", "incident.location": "Family home"})


@HELD
def test_word_bracket_template_address_over_three_lines_inside_brackets_is_read_without_them(tmp_path):
    """'Home address:' with the answer on the three lines under it, '[12 Ash Road' / 'Lowfield' / 'CQ1 2AB]' (the
    bracket opened on the first line, closed on the last): the address is '12 Ash Road, Lowfield, CQ1 2AB'."""
    rec = _record(_bracket_template(tmp_path))
    assert rec["children"], rec
    assert rec["children"][0]["address"] == "12 Ash Road, Lowfield, CQ1 2AB", rec["children"]


@HELD
def test_word_bracket_template_summary_whose_paragraphs_open_and_close_the_bracket_is_read_without_it(tmp_path):
    """The summary's three paragraphs under 'Summary of what happened:', the first opening the bracket, the last
    closing it: the summary is the three paragraphs joined with a blank line, no bracket left."""
    rec = _record(_bracket_template(tmp_path))
    expected = "\n\n".join(p.strip("[]") for p in BRACKET_SUMMARY)
    assert rec["incident"]["summary"] == expected, rec["incident"]


def test_word_bracket_template_prompts_never_replaced_are_empty(tmp_path):
    """Prompts left as the template wrote them, in grey italics: the lead's name '[Enter name]', the date of death
    '[dd/mm/yyyy]', 'Is the child open to children's social care?' '[Yes / No / Not known]' → None each."""
    rec = _record(_bracket_template(tmp_path))
    assert rec["children"], rec
    got = {"lead.name": rec["safeguarding_lead"]["name"], "lead.role": rec["safeguarding_lead"]["role"],
           "child.date_of_death": rec["children"][0]["date_of_death"],
           "child.open_to_csc": rec["children"][0]["open_to_csc"]}
    assert got == {"lead.name": None, "lead.role": None, "child.date_of_death": None, "child.open_to_csc": None}


def test_word_bracket_template_box_ticked_as_x_in_brackets_is_yes(tmp_path):
    """Control: 'Were the police involved?:<tab>[X] Yes   [ ] No' (a ticked box typed as brackets) still reads as
    Yes."""
    rec = _record(_bracket_template(tmp_path))
    assert rec["incident"]["police_involved"] is True, rec["incident"]


# =====================================================================================================================
# 5. Numbered questions in a PDF with multi-line answers
# =====================================================================================================================

NUMBERED_PARTNERSHIP = "Nuneaton and Bedworth Safeguarding Children Partnership"
NUMBERED_QUESTIONS = [
    ("Section 1: About you", [
        ("Date of referral", ["06/02/2026"]), ("Your name", ["Owen Pritchard"]),
        ("Job title", ["Early Help Coordinator"]), ("Organisation", ["Warwickshire County Council"]),
        ("Email address", ["owen.pritchard@warwickshire.gov.uk"]), ("Telephone number", ["024 7649 0518"]),
    ]),
    ("Section 2: Your safeguarding lead", [
        ("Name of safeguarding lead", ["Sunita Bains"]), ("Lead's job title", ["Early Help Manager"]),
        ("Lead's telephone number", ["024 7649 0177"]), ("Lead's email address", ["sunita.bains@warwickshire.gov.uk"]),
        ("Has the referral been discussed with your lead?", ["Yes"]),
    ]),
    ("Section 3: The child", [
        ("Child's full name", ["Jayden Cole"]), ("Other names used", ["JJ"]), ("Date of birth", ["11/08/2014"]),
        ("Gender", ["Male"]), ("Ethnicity", ["Mixed White and Black Caribbean"]),
        ("Legal status", ["Child in need"]), ("Disability or additional needs", ["ADHD"]),
        ("Home address", ["79 Maltings Way", "Mossley Brook", "CV11 1BS"]),
        ("School or education setting", ["Mossley Brook Secondary School"]),
        ("GP surgery", ["Riversley Road Surgery"]),
    ]),
    ("Section 4: What happened", [
        ("Date of incident", ["01/02/2026"]), ("Where did it happen?", ["Nuneaton bus station"]),
        ("Type of incident", ["Serious harm to a child"]), ("Were the police involved?", ["Yes"]),
    ]),
]


def _numbered_pdf(path: Path) -> Path:
    """Each question numbered and bold on its own line ('19. Home address'), the answer on the lines under it,
    plain and indented; no table, no rules. The address is three lines."""
    c = Canvas(str(path), pagesize=A4, invariant=1)

    def header():
        c.setFont(BOLD, 16)
        c.drawString(40, 800, "Case Referral Form")
        c.setFont(PLAIN, 9)
        c.drawString(40, 786, NUMBERED_PARTNERSHIP)

    header()
    y, number = 755, 0
    for heading, questions in NUMBERED_QUESTIONS:
        if y < 40 + 14 * (2 + 3 * 2):
            c.showPage()
            header()
            y = 755
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 20
        for question, lines in questions:
            number += 1
            if y < 40 + 14 * (1 + len(lines)):
                c.showPage()
                header()
                y = 755
            c.setFont(BOLD, SIZE)
            c.drawString(40, y, f"{number}. {question}")
            y -= 14
            c.setFont(PLAIN, SIZE)
            for line in lines:
                c.drawString(58, y, line)
                y -= 14
            y -= 6
        y -= 10
    c.showPage()
    c.save()
    return path


@HELD
def test_pdf_numbered_questions_three_line_address_under_its_question_is_read_whole_and_school_apart(tmp_path):
    """'19. Home address' with '79 Maltings Way' / 'Mossley Brook' / 'CV11 1BS' on the lines under it, then
    '20. School or education setting' and '21. GP surgery', each answered on the line under it: the address is
    '79 Maltings Way, Mossley Brook, CV11 1BS', the school 'Mossley Brook Secondary School' (never part of the
    address), the GP 'Riversley Road Surgery'."""
    rec = _record(_numbered_pdf(tmp_path / "referral.pdf"))
    _assert_fields(rec, {"child.name": "Jayden Cole", "child.dob": "2014-08-11",
                         "child.address": "79 Maltings Way, Mossley Brook, CV11 1BS",
                         "child.school": "Mossley Brook Secondary School", "child.gp": "Riversley Road Surgery"})


PRINTED_ROWS = [
    ("Section 1: About you", [
        ("Date of referral", ["06/02/2026"]), ("Your name", ["Owen Pritchard"]),
        ("Organisation", ["Warwickshire County Council"]), ("Telephone number", ["024 7649 0518"]),
    ]),
    ("Section 2: The child", [
        ("Child's full name", ["Lacey Morgan"]), ("Date of birth", ["23/03/2015"]), ("Gender", ["Female"]),
        ("Home address", ["185 Dale View", "Kilnsey Green", "CV11 5XE"]),
        ("School or education setting", ["Kilnsey Green Academy"]), ("GP surgery", ["Camp Hill Surgery"]),
    ]),
    ("Section 3: What happened", [
        ("Date of incident", ["02/02/2026"]), ("Where did it happen?", ["Pingles Leisure Centre"]),
    ]),
]


def _printed_online_form(path: Path) -> Path:
    """A browser's print of an online form: 'Label<tab>answer' on one line (label at the left margin, answer from a
    tab stop at x=230), an answer's further lines under the answer at x=230; no table, no rules."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(PLAIN, 8)
    c.drawString(40, 820, "06/02/2026, 14:12        Case Referral Form - Nuneaton and Bedworth SCP")
    c.setFont(BOLD, 16)
    c.drawString(40, 790, "Case Referral Form")
    y = 760
    for heading, rows in PRINTED_ROWS:
        c.setFont(BOLD, 12)
        c.drawString(40, y, heading)
        y -= 20
        for label, lines in rows:
            c.setFont(PLAIN, SIZE)
            c.drawString(40, y, label)
            for line in lines:
                c.drawString(230, y, line)
                y -= 14
            y -= 4
        y -= 12
    c.setFont(PLAIN, 8)
    c.drawString(40, 30, "https://forms.nbscp.org.uk/referral/submitted/48213        1/1")
    c.showPage()
    c.save()
    return path


def test_pdf_printed_online_form_address_never_takes_the_schools_line(tmp_path):
    """Variant: 'Home address<tab>185 Dale View', then 'Kilnsey Green' and 'CV11 5XE' under the answer, then 'School
    or education setting<tab>Kilnsey Green Academy': the address, if read at all, is '185 Dale View, Kilnsey Green,
    CV11 5XE' (never with the school's line); the school is 'Kilnsey Green Academy'."""
    rec = _record(_printed_online_form(tmp_path / "referral.pdf"))
    assert rec["children"], rec
    child = rec["children"][0]
    assert child["address"] in ("185 Dale View, Kilnsey Green, CV11 5XE", None), child
    assert child["school"] == "Kilnsey Green Academy", child


def test_fillable_pdf_lines_typed_after_a_prompt_keep_their_breaks():
    """(Added after the cold review.) An address typed after its prompt on the lines under it ('Enter address and
    postcode' then three lines) keeps its lines: the record's address is comma-separated, not run together; a summary
    typed after 'Type here' keeps its two paragraphs."""
    assert beyond_default("Enter address and postcode\n55 Heron Court\nKensington\nL7 8XA",
                          "Enter address and postcode") == "55 Heron Court\nKensington\nL7 8XA"
    assert beyond_default("Type here First paragraph.\n\nSecond paragraph.", "Type here") == \
        "First paragraph.\n\nSecond paragraph."
    assert beyond_default("Enter address and postcode", "Enter address and postcode") is None
    assert beyond_default("12 Mill Lane\nLeeds", "Enter address and postcode") == "12 Mill Lane\nLeeds"
