"""The assignment refuses answers the rest of the chosen record contradicts (parsers.assignment.implausible)."""

from __future__ import annotations

from parsers.assignment import assign_checked
from parsers.training.train import calibrate_kinds
from parsers.candidates import Candidate, Label
from parsers.picture import Item


def lab(n: int, text: str, field: str) -> Label:
    return Label(Item(n, text, "cell"), text, {field: 1.0}, {field: 0})


def cand(label: Label, field: str, value, score: float, n: int, child: int = 0) -> Candidate:
    c = Candidate(label, field, child, "right", str(value), Item(n, str(value), "cell"), 1, value, 1)
    c.score = score
    return c


def test_a_childs_date_of_birth_that_makes_the_person_an_adult_on_the_incident_date_is_refused_for_the_next():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2025-01-13", 0.99, 1)
    parent_row = cand(lab(2, "Date of birth", "child.dob"), "child.dob", "1990-10-12", 0.99, 3)   # the mother's row
    child_row = cand(lab(4, "DOB", "child.dob"), "child.dob", "2020-05-31", 0.985, 5)
    chosen, _, refused = assign_checked([incident, parent_row, child_row], 0.98, 0.98)
    assert chosen[("child.dob", 0)] is child_row
    assert [c for c, _ in refused] == [parent_row] and "over 25" in refused[0][1]


def test_a_second_adults_date_of_birth_taken_after_the_first_was_refused_is_refused_in_turn():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2025-01-13", 0.99, 1)
    mother = cand(lab(2, "Date of birth", "child.dob"), "child.dob", "1990-10-12", 0.995, 3)
    father = cand(lab(4, "Date of birth", "child.dob"), "child.dob", "1988-02-03", 0.99, 5)
    child_row = cand(lab(6, "DOB", "child.dob"), "child.dob", "2020-05-31", 0.985, 7)
    chosen, _, refused = assign_checked([incident, mother, father, child_row], 0.98, 0.98)
    assert chosen[("child.dob", 0)] is child_row
    assert [c for c, _ in refused] == [mother, father]


def test_the_record_is_checked_until_nothing_contradicts_it_however_many_adults_come_first():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2025-01-13", 0.999, 1)
    adults = [cand(lab(2 + 2 * k, "Date of birth", "child.dob"), "child.dob", f"19{60 + k}-01-01", 0.998 - k / 1000,
                   3 + 2 * k) for k in range(12)]
    child_row = cand(lab(40, "DOB", "child.dob"), "child.dob", "2020-05-31", 0.981, 41)
    chosen, _, refused = assign_checked([incident, *adults, child_row], 0.98, 0.98)
    assert chosen[("child.dob", 0)] is child_row and len(refused) == 12


def test_a_refusals_reason_names_no_date_that_may_be_a_childs():
    # with no incident or referral date, the latest date the record holds is the yardstick: another child's birth
    elder = cand(lab(0, "Date of birth", "child.dob"), "child.dob", "2019-03-04", 0.99, 1, child=0)
    adult = cand(lab(2, "Date of birth", "child.dob"), "child.dob", "1980-03-04", 0.99, 3, child=1)
    _, _, refused = assign_checked([elder, adult], 0.98, 0.98)
    assert [c for c, _ in refused] == [adult] and not any(ch.isdigit() for ch in refused[0][1].replace("25", ""))


def test_a_date_of_birth_after_the_incident_is_refused_and_the_field_stays_empty_with_nothing_else():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2025-01-13", 0.99, 1)
    later = cand(lab(2, "Date of birth", "child.dob"), "child.dob", "2025-06-01", 0.99, 3)
    chosen, _, refused = assign_checked([incident, later], 0.98, 0.98)
    assert ("child.dob", 0) not in chosen and refused[0][0] is later and "after the incident" in refused[0][1]


def test_a_care_leavers_date_of_birth_up_to_25_years_before_the_incident_is_kept():
    incident = cand(lab(0, "Date of incident", "incident.date"), "incident.date", "2025-01-13", 0.99, 1)
    leaver = cand(lab(2, "Date of birth", "child.dob"), "child.dob", "2000-01-14", 0.99, 3)   # 24 on the day
    chosen, _, refused = assign_checked([incident, leaver], 0.98, 0.98)
    assert chosen[("child.dob", 0)] is leaver and refused == []


def test_a_date_read_beside_date_of_death_or_serious_harm_is_no_date_of_death_when_the_incident_is_harm():
    label = lab(0, "Date of death / serious harm", "child.date_of_death")
    dod = cand(label, "child.date_of_death", "2026-04-27", 0.99, 1)
    harm = cand(lab(2, "Type of incident", "incident.type"), "incident.type", "serious_harm", 0.99, 3)
    chosen, _, refused = assign_checked([dod, harm], 0.98, 0.98)
    assert ("child.date_of_death", 0) not in chosen and refused[0][0] is dod
    assert chosen[("incident.type", 0)] is harm


def test_that_label_gives_no_date_of_death_either_when_the_form_does_not_say_what_happened():
    dod = cand(lab(0, "Date of death or serious incident", "child.date_of_death"), "child.date_of_death",
               "2025-01-13", 0.99, 1)
    chosen, _, refused = assign_checked([dod], 0.98, 0.98)
    assert ("child.date_of_death", 0) not in chosen and refused[0][0] is dod


def test_the_same_label_gives_the_date_of_death_when_the_form_says_the_child_died():
    dod = cand(lab(0, "Date of death / serious harm", "child.date_of_death"), "child.date_of_death", "2026-04-27",
               0.99, 1)
    death = cand(lab(2, "Type of incident", "incident.type"), "incident.type", "death", 0.99, 3)
    chosen, _, refused = assign_checked([dod, death], 0.98, 0.98)
    assert chosen[("child.date_of_death", 0)] is dod and refused == []


def test_a_plain_date_of_death_label_is_kept_whatever_the_incident_type_says():
    dod = cand(lab(0, "Date of death", "child.date_of_death"), "child.date_of_death", "2026-04-27", 0.99, 1)
    chosen, _, refused = assign_checked([dod], 0.98, 0.98)
    assert chosen[("child.date_of_death", 0)] is dod and refused == []


def form(n0: int, answers: list[tuple[str, object, float]]) -> list[Candidate]:
    """One form's candidates: (field, value, score), each its own label and answer paragraph."""
    out = []
    for i, (field, value, score) in enumerate(answers):
        label = Label(Item(n0 + 2 * i, field, "para"), field, {field: 1.0}, {field: 0})
        c = Candidate(label, field, 0, "next", str(value), Item(n0 + 2 * i + 1, str(value), "para"), 1, value, 1)
        c.score = score
        out.append(c)
    return out


def test_calibration_lowers_the_bar_of_a_kind_that_stays_right_and_never_of_the_clocks_dates():
    # 120 forms: a yes/no at 0.96 always right, a free-text answer at 0.96 wrong on one form in ten, and an incident
    # date at 0.96 always right; everything at 0.99 right
    docs = []
    for k in range(120):
        cands = form(0, [("incident.police_involved", True, 0.96),
                         ("incident.location", "Home" if k % 10 else "Park", 0.96),
                         ("incident.date", "2025-01-13", 0.96), ("referrer.name", "Ann Lee", 0.99)])
        want = {"incident.police_involved": True, "incident.location": "Home", "incident.date": "2025-01-13",
                "referrer.name": "Ann Lee", "form": "referral"}
        docs.append((cands, want))
    kinds = calibrate_kinds(docs, 0.98, 0.5, 0.98, 0.995)
    assert kinds.get("yes/no") == 0.95        # its values stay right down to the lowest bar allowed
    assert "text" not in kinds                 # one in ten wrong: the form's bar
    assert "clock date" not in kinds           # always right here, but a clock runs from it: the form's bar
    chosen, _, _ = assign_checked(docs[0][0], 0.98, 0.5, 0.98, kinds)
    assert {f for f, _ in chosen} == {"incident.police_involved", "referrer.name"}


def test_where_the_forms_bar_misses_the_target_a_kind_that_stays_right_is_still_lowered():
    # every form has a sure wrong email (the form's bar cannot reach 99.5 %) and a yes/no at 0.96 always right
    docs = []
    for _ in range(120):
        cands = form(0, [("incident.police_involved", True, 0.96), ("referrer.email", "a@b.org", 0.99),
                         ("referrer.name", "Ann Lee", 0.99)])
        docs.append((cands, {"incident.police_involved": True, "referrer.email": "c@d.org", "referrer.name": "Ann Lee",
                             "form": "referral"}))
    assert calibrate_kinds(docs, 0.98, 0.5, 0.98, 0.995).get("yes/no") == 0.95


def test_where_two_labels_give_a_field_the_same_value_the_label_that_reads_as_that_field_takes_it():
    """'Date of incident' read as the LA-aware date (its value agrees with the LA-aware label's) must not take the
    incident date's answer from the incident date."""
    la_label = lab(0, "Date local authority aware", "incident.date_la_aware")
    own = cand(la_label, "incident.date_la_aware", "2026-08-16", 0.998, 1)
    own.s1 = 0.99
    inc_label = lab(2, "Date of incident", "incident.date_la_aware")
    borrowed = cand(inc_label, "incident.date_la_aware", "2026-08-16", 0.999, 3)
    borrowed.s1 = 0.18
    incident = Candidate(inc_label, "incident.date", 0, "right", "2026-08-16", borrowed.answer, 1, "2026-08-16", 1)
    incident.score, incident.s1 = 0.99, 0.99
    chosen, _, _ = assign_checked([borrowed, own, incident], 0.98, 0.98)
    assert chosen[("incident.date_la_aware", 0)] is own
    assert chosen[("incident.date", 0)] is incident
