"""Layouts a partnership's form may use, built from raw Word XML: content controls, legacy fields,
grids, label-above-value, Yes|No columns, nested tables, merged cells, glyph boxes."""

from __future__ import annotations

import pytest

from parsers import parse_bytes
from tests.docx_xml import (legacy_checkbox, legacy_text, p, package, row, sdt_checkbox, sdt_date, sdt_text, table)

BASICS = [("Referrer name", "Robin Grid"), ("Job title", "Nurse"), ("Organisation", "Test NHS Trust"),
          ("Email", "robin.grid@nhs.net"), ("Telephone", "0151 496 0999"), ("Date of incident", "1 March 2026"),
          ("Summary of incident", "It happened.")]


def basics_rows():
    return [row(label, value) for label, value in BASICS]


def parse(body):
    r = parse_bytes(package(body), "f.docx")
    assert r.status == "parsed", (r.status, r.reason, r.warnings)
    return r.record


def test_content_controls_placeholders_dates_and_checkboxes():
    # Placeholders are null, date pickers give w:fullDate, w14 checkboxes give Yes/No.
    rec = parse(table(*basics_rows(),
                      row("Name of child", sdt_text("Kit Control")),
                      row("Other names", sdt_text(None)),
                      row("Date of birth", sdt_date("4th May 2019", "2019-05-04")),
                      row("Date the LA became aware", sdt_date("Click or tap to enter a date.", "2026-01-01").replace("<w:sdtPr>", "<w:sdtPr><w:showingPlcHdr/>")),
                      row("Is the child looked after?", f"<w:p>{sdt_checkbox(True)}<w:r><w:t xml:space=\"preserve\"> Yes </w:t></w:r>{sdt_checkbox(False)}<w:r><w:t> No</w:t></w:r></w:p>")))
    child = rec["children"][0]
    assert child["name"] == "Kit Control" and child["other_names"] is None
    assert child["dob"] == "2019-05-04" and child["looked_after"] is True
    assert rec["incident"]["date_la_aware"] is None


def test_legacy_form_fields():
    # FORMTEXT results are values, an unfilled one (five en spaces) is null, FORMCHECKBOX pairs are answers.
    rec = parse(table(*basics_rows(),
                      row("Name of child", f"<w:p>{legacy_text('Lee Legacy')}</w:p>"),
                      row("Ethnicity", f"<w:p>{legacy_text(None)}</w:p>"),
                      row("Police involved?", f"<w:p>{legacy_checkbox(False)}<w:r><w:t xml:space=\"preserve\"> Yes </w:t></w:r>{legacy_checkbox(True)}<w:r><w:t> No</w:t></w:r></w:p>")))
    assert rec["children"][0]["name"] == "Lee Legacy" and rec["children"][0]["ethnicity"] is None
    assert rec["incident"]["police_involved"] is False


@pytest.mark.usefixtures("rule_reader")
def test_four_column_grid_label_value_label_value():
    # label | value | label | value on one row.
    rec = parse(table(*basics_rows(), row("Name of child", "Gina Grid", "Date of birth", "01/02/2018"),
                      row("Gender", "F", "Ethnicity", "Any other ethnic group")))
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["gender"], child["ethnicity"]) == ("Gina Grid", "2018-02-01", "female", "Any other ethnic group")


def test_labels_above_values():
    # A row of labels with the values in the row below.
    rec = parse(table(*basics_rows(), row("Name of child", "Date of birth", "Gender"), row("Abe Above", "2/3/2017", "Boy")))
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["gender"]) == ("Abe Above", "2017-03-02", "male")


def test_yes_no_columns_with_marks():
    # A Yes | No header, then X or ✓ marks in the columns.
    rec = parse(table(*basics_rows(), row("Name of child", "Yan Columns"), row("", "Yes", "No"),
                      row("Has the child died or been seriously harmed?", "X", ""),
                      row("Is abuse or neglect suspected?", "", "✓"),
                      row("Potential for multi-agency learning", "", "")))
    c = rec["criteria"]
    assert (c["died_or_seriously_harmed"], c["abuse_or_neglect_suspected"], c["multi_agency_learning"]) == (True, False, None)


@pytest.mark.usefixtures("rule_reader")
def test_nested_table_and_merged_cells_do_not_repeat_values():
    # A table inside a cell is read; a vertically merged continuation cell adds nothing.
    inner = table(row("Name of child", "Nia Nested"), row("Date of birth", "05/06/2016"))
    rec = parse(table(*basics_rows(), row("Child details", inner),
                      row("Home address", "<w:p><w:r><w:t>1 Merge Road</w:t><w:br/><w:t>Town</w:t></w:r></w:p>"),
                      row("", "", vmerge_continue=(1,))))
    child = rec["children"][0]
    assert child["name"] == "Nia Nested" and child["dob"] == "2016-06-05"
    assert child["address"] == "1 Merge Road, Town"


def test_glyphs_and_wingdings_boxes_choose_incident_type():
    # ☒/☐ glyphs and Wingdings symbols select one option; numbered labels still match.
    wing_on = '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
    wing_off = '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'
    rec = parse(table(*basics_rows(), row("3.1 Name of child", "Win Dings"),
                      row("4.2 Type of incident", f"<w:p>{wing_off}<w:r><w:t xml:space=\"preserve\"> Death </w:t></w:r>{wing_on}<w:r><w:t> Serious harm</w:t></w:r></w:p>"),
                      row("4.3 Police involved?", "☐ Yes ☒ No")))
    assert rec["children"][0]["name"] == "Win Dings"
    assert rec["incident"]["type"] == "serious_harm" and rec["incident"]["police_involved"] is False


@pytest.mark.usefixtures("rule_reader")
def test_paragraph_labels_with_tab_and_section_prefix():
    # 'SECTION: LABEL: value' and 'Label<TAB>value' paragraphs; an empty label takes the following lines.
    rec = parse("".join([p("REFERRER: NAME: Ray Para"), p("E-MAIL ADDRESS:\tRAY@NHS.NET"),
                         p("DETAILS OF THE CHILD"), p("Name of Child: Pia Para"), p("Home address:"),
                         p("2 Line Street"), p("Town"), p("GP: Dr Who"), p("Brief summary:"), p("One."), p("Two."),
                         p("Legal status (e.g. CIN, CP, CLA): Child in need")]))
    assert rec["referrer"]["name"] == "Ray Para" and rec["referrer"]["email"] == "ray@nhs.net"
    child = rec["children"][0]
    assert child["name"] == "Pia Para" and child["address"] == "2 Line Street, Town" and child["gp"] == "Dr Who"
    assert child["legal_status"] == "Child in need"
    assert rec["incident"]["summary"] == "One.\n\nTwo."


@pytest.mark.usefixtures("rule_reader")
def test_office_use_section_and_family_table_are_not_part_of_the_record():
    # Family composition rows and office-use answers never land in the record.
    rec = parse(table(*basics_rows(), row("Name of child", "Ola Office"), row("Family composition"),
                      row("Name", "Relationship to child", "DOB"), row("Mum Person", "Mother", "01/01/1990"),
                      row("FOR OFFICE USE ONLY"), row("Date received", "01/01/2027"), row("Date of referral", "02/02/2027")))
    assert [c["name"] for c in rec["children"]] == ["Ola Office"]
    assert rec["date_of_referral"] is None and rec["agencies_involved"] == []


def test_delete_as_appropriate_answers_struck_or_deleted():
    # "Yes / No (delete as appropriate)": the option left standing is the answer; a struck-through one is deleted.
    struck = '<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">Yes</w:t></w:r><w:r><w:t xml:space="preserve"> / No</w:t></w:r>'
    rec = parse(table(*basics_rows(), row("Name of child", "Del Ete"),
                      row("Police involved? (delete as appropriate)", "Yes"),
                      row("Is the child looked after? (delete as appropriate)", f"<w:p>{struck}</w:p>"),
                      row("Open to children's social care? (delete as appropriate)", "Yes / No")))
    child = rec["children"][0]
    assert rec["incident"]["police_involved"] is True
    assert child["looked_after"] is False
    assert child["open_to_csc"] is None
