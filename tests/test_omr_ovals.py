"""A data-capture (OMR) form: each option printed after an oval wider than it is tall, the chosen one filled in, and
nothing in the text saying which. Drawn with reportlab and read for real."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import CHECKED, UNCHECKED, Para
from parsers.pdf_reader import read_pdf_pictures

FIELDS = [("NAME OF REFERRER", "PRIYA RAMAN"), ("EMAIL", "p.raman@example.org.uk"), ("CHILD'S NAME", "LEO MARSH"),
          ("DATE OF BIRTH", "12/06/2014"), ("DATE OF INCIDENT", "02/11/2025"),
          ("WHAT HAPPENED", "LEO WAS FOUND ALONE AT THE FLAT WITH A BURN THAT HAD NOT BEEN TREATED.")]


def _omr_form(police: str | None, all_filled: bool = False) -> bytes:
    """Labels small above their answers; 'Police involved?' over three ovals, the one for `police` filled."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = 790
    for label, answer in FIELDS:
        c.setFont("Helvetica", 7)
        c.drawString(45, y, label)
        c.setFont("Courier-Bold", 10)
        c.drawString(45, y - 13, answer)
        y -= 34
    c.setFont("Helvetica", 7)
    c.drawString(45, y, "POLICE INVOLVED?")
    x = 45
    for option in ("Yes", "No", "Not known"):
        c.ellipse(x, y - 17, x + 14, y - 9, stroke=1, fill=1 if (option == police or all_filled) else 0)
        c.setFont("Helvetica", 9)
        c.drawString(x + 18, y - 16, option)
        x += 60
    c.save()
    return out.getvalue()


def _line(data: bytes) -> str:
    """The options' line in the trained reader's picture (the one that reads marks drawn on the page)."""
    (blocks,), _ = read_pdf_pictures(data, (True,))
    return next(b.text for b in blocks if isinstance(b, Para) and "Not known" in b.text)


def test_the_filled_oval_is_the_chosen_option():
    assert _line(_omr_form("No")).split() == [UNCHECKED, "Yes", CHECKED, "No", UNCHECKED, "Not", "known"]


def test_ovals_none_filled_are_unanswered_boxes_and_all_filled_are_no_answer():
    assert _line(_omr_form(None)).startswith("Yes")      # no mark read where nothing is filled in
    assert CHECKED not in _line(_omr_form(None, all_filled=True))


def test_the_chosen_oval_is_read_into_the_record(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(_omr_form("No"), "omr.pdf")
    assert r.status == "parsed", r.warnings
    assert r.record["incident"]["police_involved"] is False
