"""A long answer the trained reader took the first paragraph of, where the rule reader read on into more paragraphs
of writing under it (parsers/agreement.py, read_on): the whole answer is taken, never more than paragraphs of
writing (the next part's labels and answers are not), never where the two differ in what both read."""

from __future__ import annotations

import copy

from parsers.agreement import read_on

FIRST = "The call handler heard shouting and a child screaming over the open line after a fall detector went off."
SECOND = "Police attended and found Oscar injured. The adult at the address was arrested at the scene."


def _records(theirs: str) -> tuple[dict, dict]:
    mine = {"incident": {"summary": FIRST}, "criteria": {"reason": None}, "immediate_concerns": None}
    other = copy.deepcopy(mine)
    other["incident"]["summary"] = theirs
    return mine, other


def test_more_paragraphs_of_writing_are_taken():
    mine, other = _records(FIRST + "\n" + SECOND)
    assert read_on(mine, other) == ["incident.summary"]
    assert mine["incident"]["summary"] == FIRST + "\n\n" + SECOND


def test_the_next_parts_labels_and_answers_are_not():
    mine, other = _records(FIRST + "\nHost name Martin Sutcliffe\nDate of stay Wed 23 Jul 2025")
    assert read_on(mine, other) == [] and mine["incident"]["summary"] == FIRST


def test_writing_after_a_line_that_is_not_writing_is_not_taken_either():
    mine, other = _records(FIRST + "\n12th September 2025 277106\n" + SECOND)
    assert read_on(mine, other) == [] and mine["incident"]["summary"] == FIRST


def test_answers_that_differ_in_what_both_read_are_left_as_the_trained_reader_read():
    mine, other = _records("The call handler heard shouting.\n" + SECOND)
    assert read_on(mine, other) == [] and mine["incident"]["summary"] == FIRST


def test_a_shorter_or_no_second_reading_changes_nothing():
    mine, other = _records(FIRST)
    assert read_on(mine, other) == [] and read_on(mine, None) == []
