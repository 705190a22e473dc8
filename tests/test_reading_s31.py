"""Session 31: readings of the kind of incident from a printed list of two kinds, or of kinds each before its box
(unit tests on ``assignment.marked_kind``, the pure decision; the list reading itself is exercised end to end by
tests/test_reading_s30.py)."""

from __future__ import annotations

import pytest

from parsers.assignment import marked_kind


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
])
def test_no_kind_where_the_list_does_not_say_which_box_is_whose_or_marks_none_or_two(printed):
    """Prefer a blank to a guess: an ambiguous, unmarked or twice-marked list gives no kind."""
    assert marked_kind(printed) is None
