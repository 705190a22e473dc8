"""Other partnerships' wording: labels the sample corpus never uses still find their fields."""

from __future__ import annotations

import pytest

from parsers.vocabulary import match, section_of


@pytest.mark.parametrize("label, section, field", [
    ("Name of person completing the form", None, "referrer.name"),
    ("Referred by", None, "referrer.name"),
    ("Contact telephone number", "referrer", "person.phone"),
    ("Position", "referrer", "person.role"),
    ("Organisation name", "lead", "person.agency"),
    ("Work email", "referrer", "person.email"),
    ("Designated safeguarding lead consulted?", None, "lead.discussed"),
    ("Name of DSL", None, "lead.name"),
    ("Child's name/identifier", None, "child.name"),
    ("Child's initials", None, "child.name"),
    ("Family name", "child", "child.surname"),
    ("Given names", "child", "child.forename"),
    ("D.O.B.", None, "child.dob"),
    ("DoB or EDD", None, "child.dob"),
    ("Age at time of incident", None, "child.age"),
    ("Sex", None, "child.gender"),
    ("Ethnic origin", None, "child.ethnicity"),
    ("Registered GP", None, "child.gp"),
    ("Name of school or setting", None, "child.school"),
    ("Is the child a Child Looked After?", None, "child.looked_after"),
    ("Known to social care?", None, "child.open_to_csc"),
    ("2.3 Child's date of birth", None, "child.dob"),
    ("Q4. Date incident occurred", None, "incident.date"),
    ("Date local authority notified", None, "incident.date_la_aware"),
    ("Place of incident", None, "incident.location"),
    ("Nature of the incident", None, "incident.type"),
    ("Brief description of incident", None, "incident.summary"),
    ("Is there a criminal investigation?", None, "incident.police_involved"),
    ("Why do you think this case may meet the criteria?", None, "criteria.reason"),
    ("What learning do you think there is?", None, "criteria.reason"),
    ("Potential for multi-agency learning", None, "criteria.multi_agency_learning"),
    ("Has the SIN been submitted?", None, "panel_notified"),
    ("Date of notification to national panel", None, "date_panel_notified"),
    ("Risks to other children", None, "immediate_concerns"),
])
def test_label_synonyms_find_their_field(label, section, field):
    # Wording from other partnerships' forms maps to the canonical field.
    assert match(label, section) == field


@pytest.mark.parametrize("label", ["Signature", "Religion", "Date received by LSCP", "Any other information"])
def test_labels_outside_the_record_map_to_nothing(label):
    # Signature boxes, office-use fields and extras never become record fields.
    assert match(label, None) is None


@pytest.mark.parametrize("heading, section", [
    ("Section 1 - Your details", "referrer"), ("PART B: DETAILS OF THE CHILD", "child"),
    ("Agencies currently involved", "agencies"), ("For office use only", "office"),
    ("Household members", "family"), ("What happened?", "incident"),
])
def test_section_headings(heading, section):
    # Section headings in other wordings switch the context labels are read in.
    assert section_of(heading) == section


@pytest.mark.parametrize("label, section, field", [
    ("Who are you? (your full name):", "referrer", "referrer.name"),
    ("What's the child called?", "child", "child.name"),
    ("Who did you talk this through with?", "lead", "lead.name"),
    ("Where do they live?", "child", "child.address"),
    ("When did the council find out?", "incident", "incident.date_la_aware"),
    ("Boy or girl?", "child", "child.gender"),
    ("Has the child died or been badly hurt?", "criteria", "criteria.died_or_seriously_harmed"),
    ("Where do you work?", "referrer", "person.agency"),
    ("What's your job?", "referrer", "person.role"),
    ("Best number to reach you on:", "referrer", "person.phone"),
    ("How old are they? (only if you don't know their birthday):", "child", "child.age"),
    ("Does the child live here, or did it happen here?", "criteria", "criteria.local_connection"),
    ("When were they told?", "panel", "date_panel_notified"),
    # terse forms' short forms
    ("Ethn.:", "child", "child.ethnicity"), ("Addr.:", "child", "child.address"),
    ("Police inv. Y/N:", "incident", "incident.police_involved"), ("Local conn.:", "criteria", "criteria.local_connection"),
    ("NP NOTIF. DATE", "panel", "date_panel_notified"), ("Death/serious harm:", "criteria", "criteria.died_or_seriously_harmed"),
    ("Date of ref.:", "referrer", "date_of_referral"), ("Ref. name:", "referrer", "referrer.name"),
    ("Name of the notifying practitioner", "referrer", "referrer.name"), ("Full name of the child", "child", "child.name"),
])
def test_plain_english_and_abbreviated_labels(label, section, field):
    assert match(label, section) == field


@pytest.mark.parametrize("label, section, field", [
    ("Have they agreed you should send this?", "lead", "lead.discussed"),   # 'send' here is no SEND
    ("Does the child have SEND?", "child", "child.disability"),
    ("If the child has died, when did they die?", "child", "child.date_of_death"),
    ("Ethnic background:", "child", "child.ethnicity"),
    ("Background to the incident", "incident", "incident.summary"),
    ("If yes, on what date?", "panel", "previous.date"),
])
def test_questions_whose_words_belong_to_other_fields(label, section, field):
    assert match(label, section) == field


@pytest.mark.parametrize("label, section, field", [
    ("CP plan Y/N", "child", "child.cp_plan"), ("LAC Y/N", "child", "child.looked_after"),
    ("Open to CSC Y/N", "child", "child.open_to_csc"), ("DSL consulted Y/N", "lead", "lead.discussed"),
])
def test_the_answers_offered_after_a_label_are_not_part_of_it(label, section, field):
    from parsers.items import STRONG
    from parsers.vocabulary import strength

    assert match(label, section) == field and strength(label, section) >= STRONG  # a label, never an answer
