"""What a case system or a form prints where nobody gave the answer is a blank, not the answer."""

from __future__ import annotations

import pytest

from parsers import normalise as n
from parsers import types


@pytest.mark.parametrize("word", ["Not recorded", "None recorded", "Not known", "Unknown", "Not given", "not stated"])
def test_a_word_that_says_nobody_answered_is_a_blank(word):
    assert n.blank(word)
    for path in ("child.gp", "child.school", "child.legal_status", "referrer.phone", "child.dob"):
        assert types.normalised(path, word) is None


def test_an_answer_that_merely_contains_such_a_word_is_kept():
    assert types.normalised("child.disability", "Unknown cause of seizures, under investigation") == \
        "Unknown cause of seizures, under investigation"
    assert types.normalised("child.school", "Not known to schools; home educated") is not None
