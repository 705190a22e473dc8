"""Question codes before a tab, and a choice printed whole with one option marked by a box or a highlight."""

from __future__ import annotations

from parsers import normalise as n
from parsers import parse_bytes, types
from parsers.candidates import labels_of
from parsers.docx_reader import read_docx
from parsers.picture import Item
from tests.docx_xml import package, p


def test_a_question_code_and_the_tab_after_it_are_no_label():
    for line, label, answer in [("B1.1\tChild's full name\tPiran Varley", "Child's full name", "Piran Varley"),
                                ("Q12\tDate of birth\t03/02/2015", "Date of birth", "03/02/2015"),
                                ("(c)\tHome address: 1 High Street", "Home address", "1 High Street")]:
        [lab] = labels_of(Item(0, line, "para"))
        assert (lab.text, lab.rest) == (label, answer)


def test_one_box_among_options_written_out_marks_the_option_it_stands_before():
    assert types.normalised("child.cp_plan", "Yes / ☒ No / Not known") is False
    assert types.normalised("child.cp_plan", "☒ Yes / No / Not known") is True
    assert types.normalised("child.cp_plan", "Yes / No / ☒ Not known") is None
    assert types.normalised("child.gender", "Female / ☒ Male / Other") == "male"
    # a box after each option, as before: the box follows its option
    assert n.tristate("Yes ☒  No ☐") is True and n.tristate("Yes ☐ No ☒") is False


def _highlighted_choice(chosen: str) -> bytes:
    runs = []
    for k, option in enumerate(("YES", "NO", "UNKNOWN")):
        if k:
            runs.append('<w:r><w:t xml:space="preserve"> / </w:t></w:r>')
        mark = '<w:rPr><w:highlight w:val="yellow"/></w:rPr>' if option == chosen else ""
        runs.append(f"<w:r>{mark}<w:t>{option}</w:t></w:r>")
    return package(p("Case Referral Form") + p("Date of referral: 05/02/2026") + p("Name of referrer: Jo Okafor")
                   + p("Job title: Social worker") + p("Email: jo.okafor@example.gov.uk")
                   + p("Child's name: Ada Lomax") + p("Date of birth: 14/07/2015")
                   + f'<w:p><w:r><w:t xml:space="preserve">Child protection plan: </w:t></w:r>{"".join(runs)}</w:p>'
                   + p("Date of incident: 03/02/2026") + p("Where did it happen: Ada's home"))


def test_a_highlighted_option_of_a_choice_printed_whole_is_read_as_ticked():
    blocks, _ = read_docx(_highlighted_choice("NO"))
    assert "Child protection plan: YES / ☒ NO / UNKNOWN" in [b.text for b in blocks]
    assert parse_bytes(_highlighted_choice("NO"), "form.docx").record["children"][0]["cp_plan"] is False
    assert parse_bytes(_highlighted_choice("YES"), "form.docx").record["children"][0]["cp_plan"] is True


def test_a_highlighted_word_that_is_no_option_is_left_as_it_is():
    body = p("Case Referral Form") + '<w:p><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>URGENT</w:t></w:r></w:p>'
    blocks, _ = read_docx(package(body))
    assert [b.text for b in blocks] == ["Case Referral Form", "URGENT"]
