"""A program's name for a field or a subform printed on a form ('sfrmChildren' over an Access subform, 'txtChildName')
is never a person's name: a child called 'sfrmChildren' would be asked about by that name, where an empty name is
asked for."""

from __future__ import annotations

import io

import pytest
from docx import Document

from parsers import parse_bytes
from parsers.types import fit


@pytest.mark.parametrize("identifier", ["sfrmChildren", "txtChildName", "frmRapidReview", "subChild_1"])
def test_an_identifier_does_not_fit_a_name(identifier):
    assert fit("child.name", identifier) == -1 and fit("referrer.name", identifier) == -1


@pytest.mark.parametrize("name", ["Leo Marsh", "McDonald", "de Souza", "d'Souza", "Priya"])
def test_names_still_fit(name):
    assert fit("child.name", name) == 1


def test_a_subform_name_printed_where_the_childs_name_goes_is_not_taken_for_it():
    doc = Document()
    doc.add_heading("Referral", 1)
    table = doc.add_table(rows=0, cols=2)
    for label, value in [("Name of referrer", "Priya Raman"), ("Email", "p.raman@example.org.uk"),
                         ("Child's name", "sfrmChildren"), ("Date of birth", "12/06/2014"),
                         ("Date of incident", "02/11/2025"), ("What happened", "Leo fell from a window at home.")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    out = io.BytesIO()
    doc.save(out)
    r = parse_bytes(out.getvalue(), "referral.docx")
    assert all(child["name"] != "sfrmChildren" for child in r.record["children"])
    assert "children[0].name" in r.missing
