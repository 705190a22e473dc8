"""A Word form that asks the writer to INITIAL the box that applies (not tick it): each yes / no question is a row of
option boxes under a header row of the option words, and the chosen box holds the writer's initials."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes


def _option_table(doc, questions: list[tuple[str, int | None, str]]) -> None:
    """A header row '' | Yes | No | Unknown, then a row per question with `mark` written in box `chosen` (0 Yes, 1 No,
    2 Unknown; None: every box empty)."""
    t = doc.add_table(rows=1 + len(questions), cols=4)
    t.style = "Table Grid"
    for c, word in enumerate(["", "Yes", "No", "Unknown"]):
        t.rows[0].cells[c].text = word
    for r, (question, chosen, mark) in enumerate(questions, start=1):
        t.rows[r].cells[0].text = question
        if chosen is not None:
            t.rows[r].cells[1 + chosen].text = mark


def initialled_form(rows: list[tuple[str, int | None, str]]) -> bytes:
    doc = Document()
    doc.add_heading("Referral to the Safeguarding Children Partnership", 1)
    doc.add_paragraph("Where boxes are shown, please INITIAL the box that applies (do not tick).")
    doc.add_heading("Section 1: About you", 2)
    t = doc.add_table(rows=3, cols=2)
    t.style = "Table Grid"
    for r, (label, value) in enumerate([("Name of referrer", "Joanne Pike"), ("Job title", "Complaints Officer"),
                                        ("Date of referral", "04/03/2026")]):
        t.rows[r].cells[0].text, t.rows[r].cells[1].text = label, value
    doc.add_heading("Section 2: The child", 2)
    t = doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    for r, (label, value) in enumerate([("Child's full name", "Ruby Lowther"), ("Date of birth", "12/07/2015")]):
        t.rows[r].cells[0].text, t.rows[r].cells[1].text = label, value
    doc.add_heading("Section 3: Criteria", 2)
    _option_table(doc, rows)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _criteria(rows) -> dict:
    r = parse_bytes(initialled_form(rows), "initialled.docx")
    assert r.status == "parsed", r.warnings
    return r.record["criteria"]


def test_the_box_holding_the_writers_initials_is_the_answer():
    """'JP' under Yes, 'j.p.' under No, 'J P' under Yes: True, False, True."""
    got = _criteria([("A child has died or been seriously harmed", 0, "JP"),
                     ("Abuse or neglect is known or suspected", 1, "j.p."),
                     ("The child normally lives in this area", 0, "J P")])
    assert (got["died_or_seriously_harmed"], got["abuse_or_neglect_suspected"], got["local_connection"]) == \
        (True, False, True)


def test_initials_under_the_third_option_answer_nothing():
    """'JP' under Unknown: the question is asked again (None), as a tick there would be."""
    got = _criteria([("A child has died or been seriously harmed", 2, "JP")])
    assert got["died_or_seriously_harmed"] is None


def test_an_option_word_in_one_box_is_no_mark():
    """Control: 'NK' (not known) written in the Yes box is an answer word, not initials: Yes is not read."""
    got = _criteria([("A child has died or been seriously harmed", 0, "NK")])
    assert got["died_or_seriously_harmed"] is None
