"""Session 26: the warning 'X: the answer is not a …, so it was left empty' is about a question the form asks. An
organisation's name that happens to hold a field's word ('Calderbrook Learning Trust': 'learning') is an answer, not
a question about multi-agency learning: no warning. A real question answered out of type still warns."""

from __future__ import annotations

import docx
import pytest

from tests.record_fields import parse_file

ROWS = [("Referrer's name", "Alice Mendes"), ("Job title", "Teacher"), ("Email", "a.mendes@calderbrook.sch.uk"),
        ("Telephone", "01632 960111"), ("Child's name", "Leon Carter"), ("Date of birth", "14/03/2015"),
        ("Date of incident", "02/11/2026"),
        ("Summary of incident", "Leon was found with a head injury at home and was taken to hospital by ambulance.")]


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _form(path, rows):
    d = docx.Document()
    d.add_heading("Referral for Rapid Review", 1)
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for a, b in rows:
        r = t.add_row().cells
        r[0].text, r[1].text = a, b
    d.save(path)
    return path


def test_an_organisation_named_with_a_fields_word_raises_no_warning(tmp_path):
    result = parse_file(_form(tmp_path / "referral.docx", ROWS[:2] + [("Organisation", "Calderbrook Learning Trust")]
                              + ROWS[2:]))
    assert result.status == "parsed"
    assert not [w for w in result.warnings if "learning" in w.lower()], result.warnings


def test_a_real_question_answered_out_of_type_still_warns(tmp_path):
    result = parse_file(_form(tmp_path / "referral.docx", ROWS + [
        ("Could more than one agency learn from this case?", "Ask the health visitor")]))
    assert result.status == "parsed"
    assert any("learning" in w.lower() and "left empty" in w for w in result.warnings), result.warnings
