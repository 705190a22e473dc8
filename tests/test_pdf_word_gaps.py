"""A PDF whose producer sets no space characters, only a gap of about two points between words (as some print
drivers and typesetters do): the words are read apart. Drawn with reportlab letter by letter, read for real."""

from __future__ import annotations

import io

from parsers import parse_bytes
from parsers.blocks import Para
from parsers.pdf_reader import read_pdf

LINES = [("Date of referral:", "04/03/2026"), ("Name of referrer:", "Stuart Crabtree"), ("Job title:", "Crew Commander"),
         ("Email:", "s.crabtree@eastmoorfire.gov.uk"), ("Child's full name:", "Anwen Corrigan"),
         ("Date of birth:", "12/09/2016"), ("Date of incident:", "01/03/2026"), ("Where did it happen?", "Mill Lane")]


def spaceless_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for k, (label, answer) in enumerate(LINES):
        x, y = 40.0, A4[1] - 60 - k * 22
        for word in f"{label} {answer}".split(" "):  # each word drawn on its own, no space character between
            c.drawString(x, y, word)
            x += stringWidth(word, "Helvetica", 10) + 2.0
    c.save()
    return out.getvalue()


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
    """Every letter drawn on its own, 1.6 points from the next (the form's text set with wide tracking), words a
    space and the tracking apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for k, (label, answer) in enumerate(LINES):
        x, y = 40.0, A4[1] - 60 - k * 22
        for ch in f"{label} {answer}":
            if ch != " ":
                c.drawString(x, y, ch)
            x += stringWidth(ch, "Helvetica", 10) + 1.6
    c.save()
    return out.getvalue()


def test_letters_spaced_out_are_read_as_words_and_the_spaces_between_words_kept():
    texts = " ".join(b.text for b in read_pdf(letter_spaced_pdf())[0] if isinstance(b, Para))
    for label, answer in LINES:
        assert f"{label} {answer}" in texts, texts


def test_a_letter_spaced_form_is_parsed_field_by_field():
    r = parse_bytes(letter_spaced_pdf(), "letter-spaced.pdf")
    assert r.record["referrer"]["name"] == "Stuart Crabtree" and r.record["referrer"]["role"] == "Crew Commander"
    assert r.record["children"][0]["dob"] == "2016-09-12" and r.record["incident"]["date"] == "2026-03-01"
