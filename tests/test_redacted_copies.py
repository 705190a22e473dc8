"""A redacted copy of a form (a partner forwards what it may share) prints a marker where an answer was taken out:
'[Redacted]', a black box's overlay text 'Personal data', or the Freedom of Information exemption it was taken
out under ('s.40(2)'). The answer is not on the copy, so the field stays empty (a key answer is then asked for
like any missing one); the marker is never recorded as the child's ethnicity or school."""

from __future__ import annotations

import io

import pytest
from docx import Document

from parsers import parse_bytes
from parsers.normalise import blank


@pytest.mark.parametrize("marker", ["[Redacted]", "REDACTED", "Redacted - third party", "Personal data",
                                    "s.40(2)", "Section 40(2)", "(withheld)"])
def test_a_redaction_marker_is_no_answer(marker):
    assert blank(marker)


@pytest.mark.parametrize("answer", ["Redmond Primary School", "Personal data of the child is held by the GP",
                                    "S47 enquiry open", "Removed from the home on 3 May",
                                    # Children Act orders, and an answer saying why it is withheld
                                    "Section 44", "S44", "s.43", "Withheld - refuge address"])
def test_answers_that_only_begin_like_a_marker_are_kept(answer):
    assert not blank(answer)


def test_redacted_answers_are_left_empty_and_asked_for():
    doc = Document()
    doc.add_heading("Referral (redacted copy)", 1)
    table = doc.add_table(rows=0, cols=2)
    for label, value in [("Name of referrer", "Priya Raman"), ("Email", "p.raman@example.org.uk"),
                         ("Child's name", "Leo Marsh"), ("Date of birth", "12/06/2014"),
                         ("Ethnicity", "[Redacted]"), ("School", "s.40(2)"),
                         ("Date of incident", "02/11/2025"), ("What happened", "Leo fell from a window at home.")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    out = io.BytesIO()
    doc.save(out)
    r = parse_bytes(out.getvalue(), "referral.docx")
    child = r.record["children"][0]
    assert child["name"] == "Leo Marsh"
    assert child["ethnicity"] is None and child["school"] is None


@pytest.mark.parametrize("marker", ["Not answered", "(no answer)", "No response", "(not known)", "[N/A]"])
def test_what_an_export_prints_for_an_unanswered_question_is_no_answer(marker):
    assert blank(marker)
