"""A PDF whose producer sets no space characters, only a gap of about two points between words (as some print
drivers and typesetters do): the words are read apart. And one whose letters are spaced out (wide tracking): the
letters of a word are read together. Drawn with reportlab a word or a letter at a time, read for real."""

from __future__ import annotations

import io

from parsers import parse_bytes
from parsers.blocks import Para
from parsers.pdf_reader import read_pdf

LINES = [("Date of referral:", "04/03/2026"), ("Name of referrer:", "Stuart Crabtree"), ("Job title:", "Crew Commander"),
         ("Email:", "s.crabtree@eastmoorfire.gov.uk"), ("Child's full name:", "Anwen Corrigan"),
         ("Date of birth:", "12/09/2016"), ("Date of incident:", "01/03/2026"), ("Where did it happen?", "Mill Lane")]


def drawn_apart(by_letter: bool = False) -> bytes:
    """The lines drawn a word at a time, words 2 points apart with no space character between them; or
    (``by_letter``) a letter at a time, 1.6 points between letters and a space's width more between words (text
    set with wide tracking)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for k, (label, answer) in enumerate(LINES):
        x, y = 40.0, A4[1] - 60 - k * 22
        line = f"{label} {answer}"
        for unit in (line if by_letter else line.split(" ")):
            if unit != " ":
                c.drawString(x, y, unit)
            x += stringWidth(unit, "Helvetica", 10) + (1.6 if by_letter else 2.0)
    c.save()
    return out.getvalue()


def spaceless_pdf() -> bytes:
    return drawn_apart()


def test_words_set_two_points_apart_without_spaces_are_read_as_words():
    texts = " ".join(b.text for b in read_pdf(spaceless_pdf())[0] if isinstance(b, Para))
    for label, answer in LINES:
        assert f"{label} {answer}" in texts, texts


def test_a_form_without_space_characters_is_parsed_field_by_field():
    r = parse_bytes(spaceless_pdf(), "spaceless.pdf")
    assert r.record["referrer"]["name"] == "Stuart Crabtree"
    assert r.record["date_of_referral"] == "2026-03-04"
    assert r.record["children"][0]["name"] == "Anwen Corrigan"


def letter_spaced_pdf() -> bytes:
    return drawn_apart(by_letter=True)


def test_letters_spaced_out_are_read_as_words_and_the_spaces_between_words_kept():
    texts = " ".join(b.text for b in read_pdf(letter_spaced_pdf())[0] if isinstance(b, Para))
    for label, answer in LINES:
        assert f"{label} {answer}" in texts, texts


def test_a_letter_spaced_form_is_parsed_field_by_field():
    r = parse_bytes(letter_spaced_pdf(), "letter-spaced.pdf")
    assert r.record["referrer"]["name"] == "Stuart Crabtree" and r.record["referrer"]["role"] == "Crew Commander"
    assert r.record["children"][0]["dob"] == "2016-09-12" and r.record["incident"]["date"] == "2026-03-01"
