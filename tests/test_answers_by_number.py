"""A form that lists its numbered questions, then gives the answers in a table keyed by those numbers."""

from __future__ import annotations

import pytest

from parsers import parse_bytes
from parsers.blocks import Para, Table, answers_by_number
from parsers.docx_reader import read_docx
from tests.docx_xml import p, package, row, table

QUESTIONS = [("A1", "Name of referrer", "Ciaran Bright-Okafor"), ("A2", "Job title", "Team manager"),
             ("A3", "Date of referral", "18/09/2025"), ("B1", "Child's full name", "Orla Devlin"),
             ("B2", "Date of birth", "02/05/2014"), ("C1", "Where did it happen?", "Family home")]


def numbered(code: str, question: str) -> str:
    return f"<w:p><w:r><w:t>{code}</w:t><w:tab/><w:t>{question}</w:t></w:r></w:p>"


def keyed_form() -> bytes:
    body = p("Case Referral Form")
    for part in "ABC":
        asked = [q for q in QUESTIONS if q[0].startswith(part)]
        body += p(f"Part {part}") + "".join(numbered(code, question) for code, question, _ in asked)
        body += p(f"Answers to Part {part}") + table(row("No.", "Answer"),
                                                     *(row(code, answer) for code, _, answer in asked))
    return package(body)


def test_each_number_in_the_answer_table_is_read_as_its_question():
    blocks = read_docx(keyed_form())[0]
    rows = [r for b in blocks if isinstance(b, Table) for r in b.rows if r[0] != "No."]
    assert rows == [[question, answer] for _, question, answer in QUESTIONS]
    # the listed questions are answered in the tables now: not left behind as questions with no answer
    assert not any(isinstance(b, Para) and "\t" in b.text for b in blocks)


@pytest.mark.usefixtures("rule_reader")
def test_a_form_with_answers_keyed_by_number_is_read():
    rec = parse_bytes(keyed_form(), "keyed.docx").record
    assert (rec["referrer"]["name"], rec["referrer"]["role"]) == ("Ciaran Bright-Okafor", "Team manager")
    assert rec["date_of_referral"] == "2025-09-18"
    assert (rec["children"][0]["name"], rec["children"][0]["dob"]) == ("Orla Devlin", "2014-05-02")
    assert rec["incident"]["location"] == "Family home"


def test_numbered_sections_with_text_under_them_do_not_key_a_numbered_table():
    # numbered headings each over a paragraph of text, then agencies numbered 1, 2: the numbers are rows, not answers
    blocks = [Para("1.\tIntroduction"), Para("This form is for professionals."), Para("2.\tBackground"),
              Para("Tell us what happened."), Table([["1", "Police"], ["2", "Health visiting"]])]
    assert answers_by_number(blocks) == blocks


def test_a_list_of_numbered_questions_keys_the_table_after_it():
    blocks = [Para("1.\tIntroduction"), Para("This form is for professionals."), Para("Q1\tChild's name"),
              Para("Q2\tDate of birth"), Table([["Q1", "Orla Devlin"], ["Q2", "02/05/2014"]])]
    assert answers_by_number(blocks) == [Para("1.\tIntroduction"), Para("This form is for professionals."),
                                         Table([["Child's name", "Orla Devlin"], ["Date of birth", "02/05/2014"]])]
