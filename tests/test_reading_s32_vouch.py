"""Session 32: what vouches for a value the model is less sure of, besides the rule reader reading the same
(parsers/agreement.py), and how a form's parts are told apart (parsers/picture.py).

- A later child's answer to the question the rule reader vouched for on another child (``vouch_repeated``).
- An answer whose own words say what it is: an ethnic group in the child's part, an organisation in the referrer's
  or the lead's part (``vouch_kind``).
- A Word heading style sets a title apart (questions numbered on through a 'Section 1' part: a strict xfail).
- ``--explain`` shows a field asked once as it was taken, not as an empty place in a later child's part.
"""

from __future__ import annotations

import copy

import pytest

from parsers.agreement import vouch_kind, vouch_repeated
from parsers.assemble import assemble as rule_reading
from parsers.assignment import explain
from parsers.blocks import Para, Table, one_copy
from parsers.candidates import Candidate, Label
from parsers.docx_reader import read_docx
from parsers.picture import Item, build
from parsers.reader import read
from parsers.scorer import load
from tests.test_reading_s32 import THREE_CHILD_ANSWERS, _children_form


# the rule reader's record beside them: two children, the second's answers not read; nothing read for the parties
TWO_CHILDREN = {"children": [{"cp_plan": True, "address": "57 Foundry Walk"}, {"cp_plan": None, "address": None}]}
RECORD = {"referrer": {}, "safeguarding_lead": {}, "children": []}


def lab(n: int, text: str, field: str, section: str | None) -> Label:
    return Label(Item(n, text, "para", section=section), text, {field: 1.0}, {field: 0})


def cand(label: Label, field: str, value, child: int = 0, relation: str = "next", score: float = 0.8) -> Candidate:
    c = Candidate(label, field, child, relation, str(value), Item(label.item.n + 1, str(value), "para"), 1, value, 1)
    c.score = score
    c.features = {"strength": 1.0, "comp": 0.0, "bank_sim": 0.0}   # how well the label names the field
    return c


# ---------------------------------------------------------------------------------------------------------------------
# A later child's answer to a question the rule reader vouched for on another child
# ---------------------------------------------------------------------------------------------------------------------

def test_the_same_question_asked_of_a_later_child_is_vouched_for_where_the_first_childs_answer_was():
    first = cand(lab(10, "24. Subject to a CP plan (now or previously)?", "child.cp_plan", "child"), "child.cp_plan",
                 True, child=0)
    first.vouched = True
    later = cand(lab(40, "42. Subject to a CP plan (now or previously)?", "child.cp_plan", "child"), "child.cp_plan",
                 False, child=1)
    assert vouch_repeated([first, later], TWO_CHILDREN) == 1
    assert later.vouched and later.repeated


def test_a_later_childs_answer_is_not_vouched_for_by_another_question_another_relation_or_its_own_child():
    first = cand(lab(10, "Subject to a CP plan?", "child.cp_plan", "child"), "child.cp_plan", True, child=0)
    first.vouched = True
    other_question = cand(lab(40, "Ever subject to a CP plan in another area?", "child.cp_plan", "child"),
                          "child.cp_plan", False, child=1)
    other_relation = cand(lab(50, "Subject to a CP plan?", "child.cp_plan", "child"), "child.cp_plan", False,
                          child=1, relation="right")
    same_child = cand(lab(60, "Subject to a CP plan?", "child.cp_plan", "child"), "child.cp_plan", False, child=0)
    assert vouch_repeated([first, other_question, other_relation, same_child], TWO_CHILDREN) == 0
    assert not any(getattr(c, "vouched", False) for c in (other_question, other_relation, same_child))


def test_a_second_childs_yes_no_answers_are_taken_where_the_rule_reader_read_only_the_first_childs():
    # the rule reader's record of the form, as if it had counted every child but read the question's answer only
    # for the first
    blocks = read_docx(_children_form(THREE_CHILD_ANSWERS["same"]))[0]
    second = copy.deepcopy(rule_reading(one_copy(copy.deepcopy(blocks))).record)
    assert [c["open_to_csc"] for c in second["children"]] == [True, True, True]
    second["children"][1]["open_to_csc"] = second["children"][2]["open_to_csc"] = None
    r = read(copy.deepcopy(blocks), second=second)
    e = r.explain["fields"]["children[1].open_to_csc"]
    assert r.record["children"][1]["open_to_csc"] is True
    assert e["vouched"] == "repeated" and load().vouched <= e["confidence"] < 0.98


def test_without_the_first_childs_agreement_a_second_childs_answer_below_the_bar_stays_empty():
    blocks = read_docx(_children_form(THREE_CHILD_ANSWERS["same"]))[0]
    second = copy.deepcopy(rule_reading(one_copy(copy.deepcopy(blocks))).record)
    second["children"][1]["open_to_csc"] = second["children"][2]["open_to_csc"] = None
    second["children"][0]["open_to_csc"] = False     # the two readers disagree on the first child
    r = read(copy.deepcopy(blocks), second=second)
    assert r.record["children"][1]["open_to_csc"] is None
    assert r.explain["fields"]["children[1].open_to_csc"]["why"].startswith("below confidence")


# ---------------------------------------------------------------------------------------------------------------------
# An answer whose own words say what it is
# ---------------------------------------------------------------------------------------------------------------------

def _both(blocks: list, unread: tuple = ()):
    """The default reading: the trained reader with the rule reader's record of the same blocks beside it, as if
    the rule reader had not read the answers at ``unread`` (('safeguarding_lead', 'agency') ...)."""
    second = copy.deepcopy(rule_reading(one_copy(copy.deepcopy(blocks))).record)
    for head, leaf in unread:
        (second["children"][0] if head == "child" else second[head])[leaf] = None
    return read(copy.deepcopy(blocks), second=second)


def _form(lead_org: str = "Kestrel Valley Youth Service - Safeguarding Team", ethnic_label: str = "Ethnic origin",
          ethnic: str = "Mixed - White and Asian") -> list:
    return [Para("Case referral form", heading=True), Para("Section 1: Your details", heading=True),
            Table([["Your name", "Laura Jennings"], ["Organisation", "Kestrel Valley Youth Service"],
                   ["Email", "laura.jennings@kestrel.org.uk"], ["Telephone", "0114 496 0276"]]),
            Para("Section 2: Safeguarding lead consulted", heading=True),
            Table([["Name", "Ruth Akers"], ["Organisation", lead_org], ["Email", "ruth.akers@kestrel.org.uk"]]),
            Para("Section 3: The child", heading=True),
            Table([["Child's name", "Amelia Hargreaves"], ["Date of birth", "23/01/2013"], [ethnic_label, ethnic],
                   ["School", "Meadowhead School"]]),
            Para("Section 4: The incident", heading=True),
            Table([["Date of incident", "18/02/2026"],
                   ["What happened", "Amelia was found injured at home. Police attended."]])]


def test_the_leads_organisation_below_the_bar_is_taken_where_its_words_say_it_is_an_organisation():
    r = _both(_form(), unread=(("safeguarding_lead", "agency"),))
    e = r.explain["fields"]["safeguarding_lead.agency"]
    assert r.record["safeguarding_lead"]["agency"] == "Kestrel Valley Youth Service - Safeguarding Team"
    assert e["vouched"] == "kind" and e["kind"] == "an organisation"
    assert load().vouched <= e["confidence"] < 0.98


def test_a_name_that_does_not_say_it_is_an_organisation_stays_below_the_bar():
    r = _both(_form(lead_org="Kestrel Valley"), unread=(("safeguarding_lead", "agency"),))
    assert r.record["safeguarding_lead"]["agency"] is None
    assert r.explain["fields"]["safeguarding_lead.agency"]["why"].startswith("below confidence")


def test_an_ethnic_group_below_the_bar_is_taken_beside_a_label_in_the_childs_part():
    r = _both(_form(ethnic_label="Ethnic category"), unread=(("child", "ethnicity"),))
    e = r.explain["fields"]["children[0].ethnicity"]
    assert r.record["children"][0]["ethnicity"] == "Mixed - White and Asian"
    assert e["vouched"] == "kind" and e["kind"] == "an ethnic group"


def test_an_answer_of_its_kind_is_not_vouched_for_outside_its_own_part():
    in_child = cand(lab(10, "Organisation", "lead.agency", "child"), "lead.agency", "Meadowhead School")
    in_incident = cand(lab(20, "Ethnicity", "child.ethnicity", "incident"), "child.ethnicity", "White British")
    in_lead = cand(lab(30, "Organisation", "referrer.agency", "lead"), "referrer.agency", "Kestrel Valley Youth Service")
    assert vouch_kind([in_child, in_incident, in_lead], 0.7, RECORD) == 0


def test_an_answer_not_of_its_kind_is_not_vouched_for_in_its_own_part():
    cands = [cand(lab(10, "Organisation", "referrer.agency", "referrer"), "referrer.agency", "Kestrel Valley"),
             cand(lab(20, "Ethnicity", "child.ethnicity", "child"), "child.ethnicity", "Prefers not to say"),
             cand(lab(30, "Ethnicity", "child.ethnicity", "child"), "child.ethnicity", "White British\nsee notes")]
    assert vouch_kind(cands, 0.7, RECORD) == 0
    ok = cand(lab(40, "Team", "referrer.agency", "referrer"), "referrer.agency", "Edge of Care Team")
    assert vouch_kind([ok], 0.7, RECORD) == 1 and ok.kinded == "an organisation"


# ---------------------------------------------------------------------------------------------------------------------
# Parts: questions numbered on through a 'Section 1' part; a Word heading style
# ---------------------------------------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="a bold numbered question the vocabulary cannot read ends its part; reading the "
                   "questions numbered on through a 'Section 1' part as its own changes the features of 16 training "
                   "forms, so it waits for a retrained model (session 32)")
def test_bold_questions_numbered_on_through_a_section_stay_in_it():
    pic = build([Para("SECTION 1: REFERRING PRACTITIONER", heading=True),
                 Para("1.\tDate referral completed", heading=True), Para("03/02/2026"),
                 Para("2.\tName of social worker", heading=True), Para("Stuart Holt"),
                 Para("3.\tCase record number", heading=True), Para("LCS-9644813"),
                 Para("SECTION 2: MANAGER ENDORSEMENT", heading=True),
                 Para("4.\tName of Team Manager / Practice Manager", heading=True), Para("Rhys Chaudhry"),
                 Para("5.\tCase file location", heading=True), Para("North office")])
    assert [it.section for it in pic.items] == ["referrer"] * 7 + ["lead"] * 5


def test_a_numbered_heading_that_does_not_number_on_from_the_question_before_still_ends_the_part():
    pic = build([Para("Section 1: Details of the child", heading=True),
                 Para("1.\tChild's name", heading=True), Para("Tobias Whitcombe"),
                 Para("4.\tVehicle and crew", heading=True), Para("Call sign: Delta 4")])
    assert [it.section for it in pic.items] == ["child", "child", "child", None, None]


def test_numbered_questions_under_a_numbered_heading_that_is_no_section_word_still_end_as_before():
    # the part opened by a numbered heading, not 'Section' / 'Part': its numbering is not the questions' own
    pic = build([Para("1. Details of the child", heading=True), Para("Name: Tobias Whitcombe"),
                 Para("2. Vehicle and crew", heading=True), Para("Call sign: Delta 4")])
    assert [it.section for it in pic.items] == ["child", "child", None, None]


def test_a_title_in_a_word_heading_style_opens_the_leads_part_where_bold_alone_does_not():
    styled = build([Para("Referring practitioner", heading=True, styled=True), Para("Name", heading=True),
                    Para("Laura Jennings"), Para("Named Nurse", heading=True, styled=True), Para("Name", heading=True),
                    Para("Bernadette Quinn")])
    assert [it.section for it in styled.items] == ["referrer"] * 3 + ["lead"] * 3
    bold = build([Para("Referring practitioner", heading=True, styled=True), Para("Name", heading=True),
                  Para("Laura Jennings"), Para("Named Nurse", heading=True), Para("Bernadette Quinn")])
    assert [it.section for it in bold.items] == ["referrer"] * 5   # 'Named Nurse' in bold: the question itself


# ---------------------------------------------------------------------------------------------------------------------
# --explain: a field asked once
# ---------------------------------------------------------------------------------------------------------------------

def test_explain_shows_a_once_asked_field_as_taken_though_a_later_childs_part_has_a_weaker_candidate():
    taken = cand(lab(10, "7. Work telephone or mobile", "referrer.phone", "referrer"), "referrer.phone",
                 "01614960465", child=0, score=0.99)
    weaker = cand(lab(90, "Contact details", "referrer.phone", "agencies"), "referrer.phone", "+441614960985",
                  child=1, score=0.002)
    fields = explain([taken, weaker], {taken.key: taken}, {}, 0.98)["fields"]
    assert fields["referrer.phone"]["outcome"] == "set" and fields["referrer.phone"]["value"] == "01614960465"


def test_explain_of_a_field_empty_everywhere_gives_its_likeliest_answer():
    stronger = cand(lab(10, "Job title", "referrer.role", "referrer"), "referrer.role", "Senior Social Worker",
                    child=0, score=0.97)
    weaker = cand(lab(90, "Role", "referrer.role", "agencies"), "referrer.role", "Key worker", child=1, score=0.01)
    for order in ([stronger, weaker], [weaker, stronger]):
        e = explain(order, {}, {}, 0.98)["fields"]["referrer.role"]
        assert e["outcome"] == "empty" and e["best"]["value"] == "Senior Social Worker"


def test_a_persons_name_in_the_leads_or_the_referrers_own_part_is_vouched_for_by_its_words():
    lead = cand(lab(10, "Named Nurse for Safeguarding Children", "lead.name", "lead"), "lead.name", "Dr Owen Goodall")
    ranked = cand(lab(20, "Supervising sergeant / inspector", "lead.name", "lead"), "lead.name", "PS Gemma Walsh")
    referrer = cand(lab(30, "Referring nurse", "referrer.name", "referrer"), "referrer.name", "Sarah-Jane O'Neill")
    assert sum(vouch_kind([c], 0.7, RECORD) for c in (lead, ranked, referrer)) == 3   # (each on a form of its own)
    assert {c.kinded for c in (lead, ranked, referrer)} == {"a person's name"}


def test_a_job_title_a_team_a_name_outside_its_part_or_one_word_is_no_persons_name():
    cands = [cand(lab(10, "Named Nurse", "lead.name", "lead"), "lead.name", "Named Nurse Safeguarding Children"),
             cand(lab(20, "Safeguarding lead", "lead.name", "lead"), "lead.name", "Designated Safeguarding Lead"),
             cand(lab(30, "Lead", "lead.name", "lead"), "lead.name", "Kestrel Valley Youth Service"),
             cand(lab(40, "Name", "lead.name", "referrer"), "lead.name", "Ruth Akers"),
             cand(lab(50, "Name", "referrer.name", "lead"), "referrer.name", "Ruth Akers"),
             cand(lab(60, "Your name", "referrer.name", "referrer"), "referrer.name", "John"),
             cand(lab(70, "Your name", "referrer.name", "referrer"), "referrer.name", "Not known")]
    assert vouch_kind(cands, 0.7, RECORD) == 0


def test_the_leads_job_title_in_the_leads_part_is_vouched_for_but_not_a_label_printed_as_the_answer():
    jobs = [cand(lab(10, "Designation", "lead.role", "lead"), "lead.role", "Named Nurse for Safeguarding Children")]
    assert vouch_kind(jobs, 0.7, RECORD) == 1 and jobs[0].kinded == "a job title"
    # (the referrer's part often asks a manager's job too - 'PEWO post', 'Team leader job title': not vouched for)
    assert vouch_kind([cand(lab(20, "Job title", "referrer.role", "referrer"), "referrer.role", "Senior Social Worker")],
                      0.7, RECORD) == 0
    labels = [cand(lab(30, "SUPERVISOR ROLE", "lead.role", "lead"), "lead.role", "SUPERVISOR EMAIL"),
              cand(lab(40, "Role in the academy", "referrer.role", "referrer"), "referrer.role",
                   "Academy: Norbury Cross Academy"),
              cand(lab(50, "Lead's role", "lead.role", "lead"), "lead.role", "Lead's organisation Willowgate"),
              cand(lab(60, "Role", "lead.role", "referrer"), "lead.role", "Designated Safeguarding Lead")]
    assert vouch_kind(labels, 0.7, RECORD) == 0


def test_no_answer_is_vouched_for_by_its_words_where_the_part_offers_another_for_the_field():
    # a second person's block the form does not head apart: 'Service / Trust' and then 'Trust'
    strong = cand(lab(10, "Service / Trust", "referrer.agency", "referrer"), "referrer.agency",
                  "Dunmere Immunisation Service", score=0.16)
    weak = cand(lab(20, "Trust", "referrer.agency", "referrer"), "referrer.agency", "Dunmere Immunisation Service",
                score=0.85)
    strong.features = weak.features = {"strength": 0.0, "comp": 0.0, "bank_sim": 0.0}
    strong.features["strength"], weak.features["strength"] = 1.0, 0.73
    assert vouch_kind([strong, weak], 0.7, RECORD) == 0
    # two 'Name' boxes in the referrer's part, both above the bar
    a = cand(lab(30, "Name", "referrer.name", "referrer"), "referrer.name", "Colin Quayle", score=0.72)
    b = cand(lab(40, "Name", "referrer.name", "referrer"), "referrer.name", "Tracey Brennan", score=0.75)
    a.features = {"strength": 0.2, "comp": 0.0, "bank_sim": 0.0}
    b.features = dict(a.features)
    assert vouch_kind([a, b], 0.7, RECORD) == 0


def test_no_answer_is_vouched_for_that_is_a_rows_rest_part_of_its_box_or_starts_in_lower_case():
    rest = cand(lab(10, "Ethnicity", "child.ethnicity", "child"), "child.ethnicity", "White British", relation="row_rest")
    part = cand(lab(20, "Organisation", "lead.agency", "lead"), "lead.agency", "Dunmere Immunisation Service")
    part.answer = Item(21, "Dunmere Immunisation Service\n(Dunmere Community Health NHS Trust)", "cell")
    part.relation = "right"
    lower = cand(lab(30, "Organisation", "lead.agency", "lead"), "lead.agency", "referral to Brackenford Partnership")
    assert vouch_kind([rest], 0.7, RECORD) == vouch_kind([part], 0.7, RECORD) == vouch_kind([lower], 0.7, RECORD) == 0


def test_a_fillable_forms_numbered_copies_of_a_field_are_not_vouched_for_by_the_first_childs():
    # fields named after the printed words beside the first child's ('Address', 'Address_2' …) may hold another
    # question's answer for a later child: the rule reader's word on the first does not carry to them
    first = cand(lab(10, "Address", "child.address", "child"), "child.address", "57 Foundry Walk", child=0,
                 relation="widget")
    first.vouched = True
    later = cand(lab(20, "Address_2", "child.address", "child"), "child.address", "Church Street Practice", child=1,
                 relation="widget")
    assert vouch_repeated([first, later], TWO_CHILDREN) == 0 and not getattr(later, "vouched", False)


def test_a_child_the_rule_reader_did_not_count_or_read_otherwise_is_not_vouched_for_by_another_childs_answer():
    # a 'Parents / carers' part asking 'Date of birth' and 'Ethnicity' again: the trained reader numbers it as a
    # second child, the rule reader counts one child; or the rule reader read another answer for the later child
    first = cand(lab(10, "Ethnicity", "child.ethnicity", "child"), "child.ethnicity", "White British", child=0)
    first.vouched = True
    mother = cand(lab(40, "Ethnicity", "child.ethnicity", "child"), "child.ethnicity", "White Irish", child=1)
    assert vouch_repeated([first, mother], {"children": [{"ethnicity": "White British"}]}) == 0
    other = {"children": [{"ethnicity": "White British"}, {"ethnicity": "Black Caribbean"}]}
    assert vouch_repeated([first, mother], other) == 0 and not getattr(mother, "vouched", False)


def test_an_answer_the_rule_reader_read_otherwise_or_read_from_another_column_or_as_a_label_is_not_vouched_for():
    name = cand(lab(10, "Name", "lead.name", "lead"), "lead.name", "Sarah Finch")
    assert vouch_kind([name], 0.7, {"safeguarding_lead": {"name": "Martin Quayle"}, "children": []}) == 0
    column = cand(lab(20, "Out of hours contact", "lead.name", "lead"), "lead.name", "Insp Dave Kerr",
                  relation="column")
    labelled = cand(lab(30, "Organisation", "referrer.agency", "referrer"), "referrer.agency",
                    "Placement provider: Keys Children's Services Ltd")
    hint = cand(lab(40, "Organisation", "lead.agency", "lead"), "lead.agency", "Agency / Team")
    assert vouch_kind([column], 0.7, RECORD) == vouch_kind([labelled], 0.7, RECORD) == 0
    assert vouch_kind([hint], 0.7, RECORD) == 0
