"""Both readers (the default): the trained reader reads the form, and the rule reader's agreement vouches for a
value the model is less sure of (parsers/agreement.py). The rule reader never adds a value of its own, and the
dates the statutory clocks run from keep the model's own bar."""

from __future__ import annotations

import copy
import io
import pickle

from intake.demo.forms import SAMPLE, docx_form
from parsers import parse_bytes, pdf_reader
from parsers.agreement import same_value, value_at, vouch
from parsers.assemble import assemble as rule_reading
from parsers.assignment import assign_checked
from parsers.blocks import one_copy
from parsers.candidates import Candidate, Label
from parsers.docx_reader import read_docx
from parsers.pdf_reader import read_pdf, read_pdf_pictures
from parsers.picture import Item
from parsers.reader import read
from parsers.scorer import load
from tests.test_boxes_and_sections import boxes_pdf


def lab(n: int, text: str, field: str) -> Label:
    return Label(Item(n, text, "cell"), text, {field: 1.0}, {field: 0})


def cand(label: Label, field: str, value, score: float, n: int) -> Candidate:
    c = Candidate(label, field, 0, "right", str(value), Item(n, str(value), "cell"), 1, value, 1)
    c.score = score
    return c


def test_a_value_below_the_bar_is_taken_where_the_rule_reader_read_the_same(monkeypatch):
    # The demo form's referrer's email reads 0.92 to the model (a generic 'Email address' label), below its 0.98
    # bar; the rule reader reads the same address beside the same label, so both readers together take it.
    data = docx_form(SAMPLE)
    monkeypatch.setenv("INTAKE_READER", "model")
    alone = parse_bytes(data, "form.docx")
    assert alone.record["referrer"]["email"] is None
    assert alone.explain["fields"]["referrer.email"]["why"].startswith("below confidence")
    monkeypatch.delenv("INTAKE_READER")
    both = parse_bytes(data, "form.docx")
    assert both.record["referrer"]["email"] == "sam.example@example.gov.uk"
    e = both.explain["fields"]["referrer.email"]
    assert e["outcome"] == "set" and e["vouched"] is True
    assert load().vouched <= e["confidence"] < 0.98


def test_the_rule_readers_word_alone_adds_no_value_and_a_disagreement_leaves_the_field_empty():
    blocks = read_docx(docx_form(SAMPLE))[0]
    second = copy.deepcopy(rule_reading(one_copy(copy.deepcopy(blocks))).record)
    assert second["referrer"]["email"] == "sam.example@example.gov.uk"
    second["referrer"]["email"] = "someone.else@example.gov.uk"      # the two readers disagree
    second["incident"]["location"] = "Pier Head car park"             # a value the trained reader has no candidate for
    r = read(copy.deepcopy(blocks), second=second)
    assert r.record["referrer"]["email"] is None
    assert r.record["incident"]["location"] != "Pier Head car park"
    assert r.record["referrer"]["phone"] == "01514960000"             # still vouched for: the readers agree on it


def test_the_dates_the_statutory_clocks_run_from_are_never_taken_on_the_rule_readers_word():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2026-01-13", 0.9, 1)
    school = cand(lab(2, "School", "child.school"), "child.school", "Hill Primary", 0.9, 3)
    record = {"incident": {"date": "2026-01-13"}, "children": [{"school": "hill  primary"}]}
    assert vouch([incident, school], record) == 1
    assert not incident.vouched and school.vouched
    chosen, _, _ = assign_checked([incident, school], 0.98, 0.5, vouched=0.7)
    assert ("child.school", 0) in chosen and ("incident.date", 0) not in chosen


def test_a_vouched_value_still_needs_the_vouched_threshold():
    low = cand(lab(0, "School", "child.school"), "child.school", "Hill Primary", 0.4, 1)
    low.vouched = True
    assert assign_checked([low], 0.98, 0.5, vouched=0.7)[0] == {}
    assert assign_checked([low], 0.98, 0.5, vouched=0.3)[0] != {}
    assert assign_checked([low], 0.98, 0.5, vouched=None)[0] == {}   # a model file without the bar vouches nothing


def test_value_at_and_same_value_read_record_paths_as_the_assignment_writes_them():
    record = {"children": [{"dob": "2019-01-02"}], "safeguarding_lead": {"email": "a@b.uk"}, "panel_notified": True}
    assert value_at(record, "children[0].dob") == "2019-01-02"
    assert value_at(record, "children[3].dob") is None
    assert value_at(record, "safeguarding_lead.email") == "a@b.uk"
    assert value_at(record, "panel_notified") is True
    assert same_value("Hill  Primary ", "hill primary") and not same_value("Hill Primary", "Hill Primary School")
    assert same_value(True, True) and not same_value(True, False)


def test_intake_reader_chooses_one_reader_or_both(monkeypatch):
    data = docx_form(SAMPLE)
    monkeypatch.setenv("INTAKE_READER", "rules")
    rules = parse_bytes(data, "form.docx")
    assert "labels" in rules.explain and "fields" not in rules.explain   # the rule reader explains label by label
    assert rules.record["incident"]["summary"] == "Alex was taken to hospital with a head injury after a fall at home.\n\nA strategy discussion was held the next day."
    monkeypatch.setenv("INTAKE_READER", "cascade")                       # its older name
    assert parse_bytes(data, "form.docx").record == rules.record
    monkeypatch.setenv("INTAKE_READER", "no-such-reader")                 # an unknown name reads with both
    unknown = parse_bytes(data, "form.docx")
    monkeypatch.delenv("INTAKE_READER")
    assert unknown.record == parse_bytes(data, "form.docx").record
    assert "fields" in unknown.explain


def test_a_pdfs_two_pictures_read_in_one_parse_are_the_pictures_read_apart():
    data = boxes_pdf()
    (printed, plain), info = read_pdf_pictures(data, (True, False))
    assert pickle.dumps(printed) == pickle.dumps(read_pdf(data, printed=True)[0])
    assert pickle.dumps(plain) == pickle.dumps(read_pdf(data, printed=False)[0])
    assert pickle.dumps(printed) != pickle.dumps(plain)   # the form's drawn boxes: the trained reader's cells


def test_a_rule_reader_that_fails_on_a_form_leaves_the_trained_reader_reading_it_alone(monkeypatch, caplog):
    # Forced: no real form is known to break the rule reader, so its entry point is made to raise.
    data = docx_form(SAMPLE)
    monkeypatch.setenv("INTAKE_READER", "model")
    alone = parse_bytes(data, "form.docx")
    monkeypatch.delenv("INTAKE_READER")

    def broken(blocks):
        raise IndexError("list index out of range")

    monkeypatch.setattr("parsers.document._cascade", broken)
    r = parse_bytes(data, "form.docx")
    assert r.status == "parsed" and r.record == alone.record
    assert "the rule reader could not read this form (IndexError)" in caplog.text


def test_a_pdf_the_rule_reader_cannot_picture_is_read_by_the_trained_reader_alone(monkeypatch, caplog):
    # Forced: the rule reader's picture of the page (drawn boxes read as lines) raises; the trained reader's does not.
    data = boxes_pdf()
    monkeypatch.setenv("INTAKE_READER", "model")
    alone = parse_bytes(data, "boxes.pdf")
    monkeypatch.delenv("INTAKE_READER")
    layout = pdf_reader._layout_blocks

    def rule_picture_breaks(page, number=0, boxes=False):
        if not boxes:
            raise IndexError("list index out of range")
        return layout(page, number, boxes=boxes)

    monkeypatch.setattr(pdf_reader, "_layout_blocks", rule_picture_breaks)
    r = parse_bytes(data, "boxes.pdf")
    assert r.status == alone.status and r.record == alone.record
    assert "could not be made (IndexError)" in caplog.text


def test_a_blank_first_childs_section_does_not_shift_which_child_vouches_for_which():
    # The rule reader lists only the children it found answers for (Bo, Cy); the trained reader numbers the form's
    # places for children (a blank 'Child 1', then Bo, then Cy). Each is matched by name, not by position.
    form = {"Date of referral": "24/12/2026", "Name of referrer": "Sam Example", "Job title": "Social Worker",
            "Email address": "sam.example@example.gov.uk", "Telephone number": "0151 496 0000",
            "Date of incident": "22/12/2026", "Type of incident": "Serious harm",
            "Summary of the incident": "Bo was taken to hospital after a fall at home.",
            "Child 1": None, "Child's name": "", "Date of birth": "", "Gender": "", "School": "",
            "Child 2": None, "Full name": "Bo Sample", "DOB": "5 March 2018", "Sex": "Male",
            "School / nursery": "Hill Primary School",
            "Child 3": None, "Name": "Cy Sample", "D.O.B.": "5 March 2016", "Gender ": "Male",
            "School attended": "Hill Primary School"}
    r = parse_bytes(docx_form(form), "f.docx")
    assert [(c["name"], c["dob"]) for c in r.record["children"]] == [("Bo Sample", "2018-03-05"),
                                                                       ("Cy Sample", "2016-03-05")]


def test_a_label_the_partnership_taught_is_enough_evidence_when_both_readers_read_the_same():
    # Taught wordings ([vocabulary]) for a statutory clock's date and the summary: the model alone is not sure of
    # them (wordings it never saw), the rule reader reads them by the teaching; both reading the same value is enough.
    form = {"Name of referrer": "Sam Example", "Agency": "Example City Council", "Email": "sam.example@example.gov.uk",
            "Young person called": "Alex Sample", "Came into the world": "3 February 2020",
            "Day it all happened": "22/12/2026", "What we were told": "Alex was taken to hospital after a fall at home.",
            "Favourite colour": "Blue"}
    taught = {"Young person called": "children.name", "Came into the world": "children.dob",
              "Day it all happened": "incident.date", "What we were told": "incident.summary"}
    r = parse_bytes(docx_form(form), "our-form.docx", vocabulary=taught)
    parse_bytes(b"", "nothing.docx", vocabulary={})     # (the teaching stays in this process until replaced)
    assert r.record["incident"]["date"] == "2026-12-22"
    assert r.record["incident"]["summary"] == "Alex was taken to hospital after a fall at home."
    assert r.explain["fields"]["incident.date"]["vouched"] is True


def test_labels_no_reader_takes_for_a_field_are_listed_to_be_taught():
    form = {"Name of referrer": "Sam Example", "Agency": "Example City Council", "Email": "sam.example@example.gov.uk",
            "Young person called": "Alex Sample", "Day it all happened": "22/12/2026", "Favourite colour": "Blue"}
    listed = [e["label"] for e in parse_bytes(docx_form(form), "our-form.docx", vocabulary={}).explain["unrecognised"]]
    assert "Young person called" in listed and "Day it all happened" in listed and "Favourite colour" in listed
    assert "Name of referrer" not in listed
