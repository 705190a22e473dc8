"""A paper questionnaire's choices: numbered answer codes before the options ('☒ 1 Yes'), routing after them
('→ Q18', 'GO TO Q40'), and filled and empty squares (■ / □) for the chosen and the other options."""

from __future__ import annotations

import io

import pytest
from docx import Document

from parsers import parse_bytes
from parsers.normalise import checked_options, gender, tristate


@pytest.mark.parametrize("value, said", [
    ("■ 1 Yes\n□ 2 No\n□ 3 Not sure", True),
    ("□ 1 Yes\n■ 2 No\n□ 3 Not sure", False),
    ("□ 1 Yes\n□ 2 No\n■ 3 Not sure", None),
    ("■ 1 Yes   → Q18\n□ 2 No   → Q19", True),
    ("☐ 1 Yes  GO TO Q40\n☒ 2 No  GO TO Q41", False),
    ("[X] 1 Yes ► Q21\n[ ] 2 No", True),
    ("☒ Yes - go to question 5 ☐ No", True),
])
def test_answer_codes_and_routing_are_not_the_options_words(value, said):
    assert tristate(value) is said


def test_a_lone_square_is_no_answer_and_a_number_is_kept_where_not_every_option_has_one():
    assert tristate("■ Important") is None and checked_options("■ Important") is None
    assert checked_options("☒ 10 Downing Street") == ["10 Downing Street"]
    assert gender("□ 1 Girl\n■ 2 Boy\n□ 3 Other") == "male"


def test_square_bullets_before_options_with_their_own_boxes_are_bullets():
    chosen = checked_options("■ Death □ / ■ Serious harm ☒ / ■ Other □")
    assert len(chosen) == 1 and chosen[0].endswith("Serious harm")     # one option ticked, not three
    assert tristate("■ Yes ☒ / ■ No □") is True


def test_a_questionnaire_with_numbered_answers_is_read():
    doc = Document()
    doc.add_heading("Referral questionnaire", 1)
    table = doc.add_table(rows=0, cols=2)
    for row in [("Q1", "Your name", "Priya Raman"), ("Q2", "Your email", "p.raman@example.org.uk"),
                ("Q3", "Child's name", "Leo Marsh"), ("Q4", "Child's date of birth", "12/06/2014"),
                ("Q5", "Is the child known to children's social care?", "■ 1 Yes\n□ 2 No\n□ 3 Not known"),
                ("Q6", "Is the child looked after?", "□ 1 Yes\n■ 2 No\n□ 3 Not known"),
                ("Q7", "Date of the incident", "02/11/2025"),
                ("Q8", "Were the police involved?", "■ 1 Yes\n□ 2 No\n□ 3 Not known"),
                ("Q9", "What happened?", "Leo was found unconscious after a fall at the club.")]:
        for cell, text in zip(table.add_row().cells, row[1:]):
            cell.text = text
    out = io.BytesIO()
    doc.save(out)
    r = parse_bytes(out.getvalue(), "questionnaire.docx")
    marked = {"children[0].open_to_csc": True, "children[0].looked_after": False, "incident.police_involved": True}
    for path, value in marked.items():
        e = r.explain["fields"][path]
        read = e["value"] if e["outcome"] == "set" else e["best"]["value"]
        assert read is value, path       # the marked option, taken or (below the model's bar) offered
    child = r.record["children"][0]
    assert child["open_to_csc"] is True and child["looked_after"] in (False, None)
