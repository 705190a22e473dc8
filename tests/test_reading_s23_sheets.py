"""Session 23: a long answer whose box says only 'SEE CONTINUATION SHEET', carried on under its own numbered label on
the continuation sheet; and a fillable form's yes/no check boxes numbered after their question's name, a second
child's numbered again ('csc_1', 'csc_2'; 'csc_2_1', 'csc_2_2'). Real .docx and PDF files built in the test."""

from __future__ import annotations

from parsers import parse_bytes
from parsers.blocks import Table
from parsers.docx_reader import read_docx
from tests.test_reading_s23_pdf import MergedPdf
from tests.test_reading_s23_word import TRANSITIONAL as F, build_package, p, table

NARRATIVE = ("Callie was admitted to hospital with a head injury and the explanation offered changed more than once "
             "during the evening.",
             "Her younger siblings are staying with a maternal aunt under a safety plan agreed with the police.")


def _sheet_form(pointer: str) -> bytes:
    body = (p(F, "Elmsworth Safeguarding Children Partnership", bold=True) + p(F, "Case Referral Form", bold=True)
            + p(F, "2 Referrer", bold=True)
            + table(F, [("2.1 Name", "Dawn Ashworth"), ("2.2 Job title", "ASB Officer"),
                        ("2.3 Email", "dawn.ashworth@elmsworth.gov.uk")])
            + p(F, "5 Child", bold=True)
            + table(F, [("5.1 Name of young person", "Callie Rowan"), ("5.2 Date of birth", "14/03/2011")])
            + p(F, "6 Incident", bold=True)
            + table(F, [("6.1 Date of incident", "12/01/2026"), ("6.2 Location", "Sallow Cross precinct"),
                        ("6.7 Summary of what happened", pointer)])
            + p(F, "CONTINUATION SHEET", bold=True)
            + p(F, "6.7 Summary of what happened") + "".join(p(F, x) for x in NARRATIVE))
    return build_package(body)


def test_answer_pointing_to_the_continuation_sheet_is_read_from_under_its_numbered_label_there():
    rec = parse_bytes(_sheet_form("SEE CONTINUATION SHEET"), "referral.docx").record
    assert rec["incident"]["summary"] == "\n\n".join(NARRATIVE)
    assert "CONTINUATION" not in (rec["incident"]["summary"] or "")


def test_answer_written_in_its_box_is_not_joined_to_a_repeated_label_on_the_sheet():
    """Guard: the box holds an answer of its own; the sheet's paragraphs under the same label are not added to it
    (the row keeps its own answer; the record never holds the sheet's words in that answer)."""
    data = _sheet_form("Callie was found with a head injury at the precinct.")
    rows = [r for b in read_docx(data)[0] if isinstance(b, Table) for r in b.rows]
    assert ["6.7 Summary of what happened", "Callie was found with a head injury at the precinct."] in rows
    summary = parse_bytes(data, "referral.docx").record["incident"]["summary"] or ""
    assert "maternal aunt" not in summary


def _two_children_boxes() -> bytes:
    form = MergedPdf(pages=1)
    form.label(0, 40, 800, "Thurlby Safeguarding Children Partnership", bold=True, size=14)
    y = 760
    for label, name, value in (("Name of referrer", "txtRefName", "Yvonne Dunstan"),
                               ("Date of incident", "txtIncDate", "03/02/2026")):
        form.label(0, 40, y + 4, label)
        form.text(0, name, (230, y, 540, y + 16), value, listed=True)
        y -= 24
    for k, (child, csc) in enumerate((("Kofi Mahmood", "No"), ("Amara Mahmood", "Yes"))):
        suffix = "" if k == 0 else "_2"
        form.label(0, 40, y, f"Child {k + 1}", bold=True)
        y -= 24
        form.label(0, 40, y + 4, "Child's full name")
        form.text(0, f"txtCName{suffix}", (230, y, 540, y + 16), child, listed=True)
        y -= 24
        form.label(0, 40, y + 2, "Open to children's social care?")
        for n, (x, option) in enumerate(((230, "Yes"), (290, "No"), (340, "Not known")), start=1):
            form.check_box(0, f"txtCCsc{suffix}_{n}", x, y, option == csc, listed=True)
            form.label(0, x + 14, y + 2, option)
        y -= 30
    return form.build()


def test_numbered_check_boxes_of_two_children_are_two_questions():
    rec = parse_bytes(_two_children_boxes(), "referral.pdf").record
    assert [c["name"] for c in rec["children"]] == ["Kofi Mahmood", "Amara Mahmood"]
    assert [c["open_to_csc"] for c in rec["children"]] == [False, True]
