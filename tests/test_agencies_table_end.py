"""An agencies table ends where the form's next part begins, and 'None known' in it names no agency (trained reader)."""

from __future__ import annotations

import io

import docx

from parsers.docx_reader import read_docx
from parsers.picture import build
from parsers.reader import agency_rows


def form_with_one_table(rows: list[list[str] | str]) -> bytes:
    """A .docx whose whole form is one 3-column table; a str row is one cell merged across the table (a heading)."""
    d = docx.Document()
    d.add_paragraph("Referral for a Rapid Review")
    t = d.add_table(rows=0, cols=3)
    t.style = "Table Grid"
    for r in rows:
        cells = t.add_row().cells
        if isinstance(r, str):
            merged = cells[0].merge(cells[2])
            merged.text = r
        else:
            for cell, text in zip(cells, r):
                cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def entries(data: bytes) -> list[dict]:
    return [a["entry"] for a in agency_rows(build(read_docx(data)[0]))]


def test_the_heading_row_after_an_agencies_grid_ends_it_so_the_next_questions_are_no_agencies():
    data = form_with_one_table([
        "Other agencies involved",
        ["Name", "Agency", "Contact"],
        ["Ben Tattersall", "Early Help", "ben.tattersall@council.example"],
        ["", "Children's Social Care", "0161 496 0102"],
        ["", "", ""],
        "Safety now",
        ["Is anyone at", "risk right now?", "No immediate concerns; the children are with relatives"],
    ])
    assert entries(data) == [
        {"name": "Ben Tattersall", "agency": "Early Help", "contact": "ben.tattersall@council.example"},
        {"name": None, "agency": "Children's Social Care", "contact": "0161 496 0102"}]


def test_none_known_in_an_agencies_grid_is_no_agency():
    data = form_with_one_table([
        "Agencies involved with the family",
        ["Name", "Agency", "Contact details"],
        ["None known", "", ""],
        ["", "", ""],
    ])
    assert entries(data) == []
