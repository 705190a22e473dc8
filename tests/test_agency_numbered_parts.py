"""Agencies printed one part to a line with the agency's number before each part's label, as a web app's review page
prints them ('Agency 1 - Name<tab>Colin Sheikh', 'Agency 1 - Where they work<tab>Housing', 'Agency 1 - How to
contact them<tab>...'). Built with python-docx and read for real."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes

AGENCIES = [("Colin Sheikh", "Housing - Homelessness Prevention", "colin.sheikh@agency.gov.uk"),
            ("Dr Ama Owusu", "Ashby Fold CAMHS", "0113 496 0384")]


def _review_page(agency_lines: list[str]) -> Document:
    """A review page's answers, then the agencies' lines under 'Who else is involved'."""
    doc = Document()
    doc.add_paragraph("Review referral")
    for line in ["Your name\tPriya Raman", "Your email\tp.raman@example.org.uk", "Child's name\tLeo Marsh",
                 "Date of birth\t12/06/2014", "When did it happen?\t02/11/2025",
                 "What happened?\tLeo was found alone at the flat with an untreated burn."]:
        doc.add_paragraph(line)
    doc.add_heading("Who else is involved", level=2)
    for line in agency_lines:
        doc.add_paragraph(line)
    return doc


def _form(parts: tuple[str, str, str]) -> bytes:
    doc = _review_page([f"Agency {k} - {part}\t{value}" for k, values in enumerate(AGENCIES, 1)
                        for part, value in zip(parts, values)])
    doc.add_heading("Right now", level=2)
    doc.add_paragraph("Is any child at risk right now?\tNo, Leo is in hospital.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_numbered_agency_parts_in_plain_words_are_read(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(_form(("Name", "Where they work", "How to contact them")), "review.docx")
    assert r.status == "parsed", r.warnings
    assert [(e["name"], e["agency"], e["contact"]) for e in r.record["agencies_involved"]] == AGENCIES


def test_numbered_agency_parts_in_the_usual_words_are_read(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(_form(("Name", "Agency", "Contact")), "review.docx")
    assert [(e["name"], e["agency"], e["contact"]) for e in r.record["agencies_involved"]] == AGENCIES


def test_a_numbered_part_left_unanswered_keeps_the_next_agencys_name_its_own(monkeypatch):
    """'Agency 2 - Name' with nothing after it: agency 2 names no one, and 'Agency 3 - Name<tab>…' is agency 3's."""
    doc = _review_page(["Agency 1 - Name\tColin Sheikh", "Agency 1 - Agency\tHousing Options",
                        "Agency 1 - Contact\t0113 496 0100", "Agency 2 - Name",
                        "Agency 2 - Agency\tHealth visiting - 0-19 Service", "Agency 2 - Contact\t020 7946 0512",
                        "Agency 3 - Name\tPriya Gallagher", "Agency 3 - Agency\tCAMHS",
                        "Agency 3 - Contact\t0113 496 0154"])
    out = io.BytesIO()
    doc.save(out)
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(out.getvalue(), "review.docx")
    assert [e["name"] for e in r.record["agencies_involved"]] == ["Colin Sheikh", None, "Priya Gallagher"]

