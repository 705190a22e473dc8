"""The rule reader's own wordings (``Rule.rules_only``): labels the rule reader reads that the trained reader's
features never see, so the shipped model and its training pictures stay as they were. In the default mode the rule
reader only vouches for a value the trained reader found too (``parsers/agreement.py``); alone it reads them."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes
from parsers.normalise import blank
from parsers.vocabulary import field_strengths, match, rule_match


def _table_form(rows: list[tuple[str, str]], heading: str = "About you (the person referring)") -> bytes:
    doc = Document()
    doc.add_paragraph("Serious incident referral")
    doc.add_paragraph(heading)
    table = doc.add_table(rows=0, cols=2)
    for label, answer in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, answer
    return _with_child(doc)


def _with_child(doc) -> bytes:
    """The document with a part about the child and the incident after it, saved."""
    doc.add_paragraph("Details of the child")
    child = doc.add_table(rows=0, cols=2)
    for label, answer in [("Child's full name", "Leo Marsh"), ("Date of birth", "12/06/2014"), ("Gender", "Male"),
                          ("Date of incident", "02/11/2025"),
                          ("What happened", "Leo answered the door alone with an untreated burn on his hand."),
                          ("Immediate concerns", "None known")]:
        cells = child.add_row().cells
        cells[0].text, cells[1].text = label, answer
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rules(data: bytes, monkeypatch) -> dict:
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(data, "form.docx")
    assert r.status == "parsed", r.warnings
    return r.record


def test_a_job_title_and_name_in_the_referrers_part_is_the_referrers_name(monkeypatch):
    record = _rules(_table_form([("Instructor name", "Fiona Szabo"), ("Email", "f.szabo@example.org.uk")]), monkeypatch)
    assert record["referrer"]["name"] == "Fiona Szabo"


def test_in_the_leads_part_it_is_the_leads_name(monkeypatch):
    data = _table_form([("Name", "Priya Raman"), ("Email", "p.raman@example.org.uk")])
    doc = Document(io.BytesIO(data))
    doc.add_paragraph("Designated safeguarding lead")
    t = doc.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Coordinator name", "Omar Haddad"
    out = io.BytesIO()
    doc.save(out)
    record = _rules(out.getvalue(), monkeypatch)
    assert record["safeguarding_lead"]["name"] == "Omar Haddad"
    assert record["referrer"]["name"] == "Priya Raman"


def test_a_name_of_another_party_or_an_organisation_is_not_the_persons(monkeypatch):
    for label in ("Parent name", "School name", "Team name", "Member name", "Manager name", "Company name"):
        record = _rules(_table_form([(label, "Jordan Pike"), ("Email", "p.raman@example.org.uk")]), monkeypatch)
        assert record["referrer"]["name"] is None, label


def test_outside_a_persons_part_it_names_nothing():
    assert rule_match("Instructor name", "incident") is None
    assert rule_match("Instructor name", None) is None


def test_the_trained_readers_features_and_the_shared_match_do_not_see_it():
    assert rule_match("Instructor name", "referrer") == "person.name"
    assert match("Instructor name", "referrer") is None
    assert "person.name" not in {f for f, _, _ in field_strengths("Instructor name", "referrer")}


def test_a_column_headed_by_a_job_title_and_name_beside_the_leads_column_is_the_referrers(monkeypatch):
    """'| Interviewer name | Field Safeguarding Lead' over 'Telephone | | 0113 496 0453': the telephone is the lead's."""
    doc = Document()
    doc.add_paragraph("Serious incident referral")
    doc.add_paragraph("About you (the person referring)")
    t = doc.add_table(rows=0, cols=3)
    for texts in (["", "Interviewer name", "Field Safeguarding Lead"], ["Name", "Stuart Pearce", "David Lindqvist"],
                  ["Email", "s.pearce@example.org.uk", "d.lindqvist@example.org.uk"],
                  ["Telephone", "", "0113 496 0453"]):
        for cell, text in zip(t.add_row().cells, texts):
            cell.text = text
    record = _rules(_with_child(doc), monkeypatch)
    assert record["referrer"]["name"] == "Stuart Pearce"
    assert record["referrer"]["phone"] is None
    assert record["safeguarding_lead"]["name"] == "David Lindqvist"
    assert record["safeguarding_lead"]["phone"] == "01134960453"


WORDINGS = [("Girl / Boy / Other", "child", "child.gender"), ("Male / Female", "child", "child.gender"),
            ("Young person's name", "child", "child.name"), ("Student's full name", "child", "child.name"),
            ("Estimated age", "child", "child.age"), ("Where they live (if known)", "child", "child.address"),
            ("Date of report", None, "date_of_referral")]


def test_plain_wordings_the_rule_reader_reads_that_the_trained_reader_does_not_see():
    for label, section, field in WORDINGS:
        assert rule_match(label, section) == field, label
        assert match(label, section) is None, label
        assert field not in {f for f, _, _ in field_strengths(label, section)}, label


def test_a_single_option_or_another_persons_name_is_no_such_wording():
    for label in ("Girl", "Other", "Parent's name", "Young person's school"):
        assert rule_match(label, "child") not in ("child.gender", "child.name"), label


def test_the_gender_asked_by_its_options_is_read(monkeypatch):
    doc = Document()
    doc.add_paragraph("Serious incident referral")
    for line in ["Name of referrer: Priya Raman", "Email: p.raman@example.org.uk", "Child's name: Leo Marsh",
                 "Girl / Boy / Other: Boy", "Date of birth: 12/06/2014", "Date of incident: 02/11/2025",
                 "What happened: Leo answered the door alone with an untreated burn on his hand."]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    record = _rules(out.getvalue(), monkeypatch)
    assert record["children"][0]["gender"] == "male"


def test_the_box_before_the_tab_is_the_first_options_not_the_labels(monkeypatch):
    """'Girl / Boy / Other ☐<tab>Girl ☒ Boy ☐ Other': the first option's box was typed before the tab."""
    doc = Document()
    doc.add_paragraph("Serious incident referral")
    for line in ["Name of referrer: Priya Raman", "Email: p.raman@example.org.uk", "Child's name: Leo Marsh",
                 "Girl / Boy / Other  ☐\tGirl    ☒ Boy    ☐ Other", "Date of birth: 12/06/2014",
                 "Date of incident: 02/11/2025",
                 "What happened: Leo answered the door alone with an untreated burn on his hand."]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    assert _rules(out.getvalue(), monkeypatch)["children"][0]["gender"] == "male"


def test_a_database_pages_empty_is_no_answer():
    assert blank("Empty") and blank("(Empty)") and not blank("Empty Quarter Farm")


def test_a_row_of_gender_options_is_no_label_and_a_repeat_of_them_no_answer(monkeypatch):
    """Chips in a chat print ('Female<tab>Male<tab>Other'), or 'Girl / Boy' over its options again, nothing boxed:
    no gender is read from them."""
    for lines in (["Female\tMale\tOther"], ["Girl / Boy: Girl\t✓ Boy\tOther"]):
        doc = Document()
        doc.add_paragraph("Serious incident referral")
        for line in ["Name of referrer: Priya Raman", "Email: p.raman@example.org.uk", "Child's name: Leo Marsh",
                     *lines, "Date of birth: 12/06/2014", "Date of incident: 02/11/2025",
                     "What happened: Leo answered the door alone with an untreated burn on his hand."]:
            doc.add_paragraph(line)
        out = io.BytesIO()
        doc.save(out)
        assert _rules(out.getvalue(), monkeypatch)["children"][0]["gender"] is None, lines


def test_a_numbered_line_of_the_options_label_and_its_answer_is_read(monkeypatch):
    """'25<tab>Boy / Girl / Other:<tab>Girl' (a form with its lines numbered): the number is no option row."""
    doc = Document()
    doc.add_paragraph("Serious incident referral")
    for k, line in enumerate(["Name of referrer:\tPriya Raman", "Email:\tp.raman@example.org.uk",
                              "Child's name:\tLeo Marsh", "Boy / Girl / Other:\tBoy", "Date of birth:\t12/06/2014",
                              "Date of incident:\t02/11/2025",
                              "What happened:\tLeo answered the door alone with an untreated burn on his hand."], 20):
        doc.add_paragraph(f"{k}\t{line}")
    out = io.BytesIO()
    doc.save(out)
    assert _rules(out.getvalue(), monkeypatch)["children"][0]["gender"] == "male"
