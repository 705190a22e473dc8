"""What a form prints around its answers: choices marked by shading or a lone tick, options one to a line, a label
over its answer after a line break, boxed options across a row, household rows, fillable fields' control-type
prefixes, web-page link words and diagonal watermarks."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers import parse_bytes, types
from parsers.blocks import Para, Table, option_cells, option_lists
from parsers.candidates import answer_shape, features, generate, labels_of
from parsers.docx_reader import read_docx
from parsers.pdf_reader import read_pdf
from parsers.picture import Item, build, hint_section
from tests.docx_xml import package, p


def _cell(text: str, fill: str | None = None) -> str:
    shade = f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>' if fill else "<w:tcPr/>"
    return f'<w:tc>{shade}<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def _shaded_form(chosen: str | None, label_fill: str = "D9D9D9") -> bytes:
    """Label cells shaded grey as the form prints them; the chosen option's cell shaded yellow."""
    options = [_cell(o, "FFFF00" if o == chosen else None) for o in ("Yes", "No", "Not known")]
    table = ("<w:tbl>" + _row(_cell("Is the child subject to a child protection plan?", label_fill), *options)
             + "</w:tbl>")
    return package(p("Case Referral Form") + p("Date of referral: 05/02/2026") + p("Name of referrer: Jo Okafor")
                   + p("Email: jo.okafor@example.gov.uk") + p("Child's name: Ada Lomax")
                   + p("Date of birth: 14/07/2015") + table + p("Date of incident: 03/02/2026"))


def test_the_one_shaded_option_cell_of_a_row_is_read_as_ticked_and_the_label_cells_shading_is_not():
    blocks, _ = read_docx(_shaded_form("No"))
    [table] = [b for b in blocks if hasattr(b, "rows")]
    assert table.rows[0] == ["Is the child subject to a child protection plan?", "☐ Yes", "☒ No", "☐ Not known"]
    assert parse_bytes(_shaded_form("No"), "form.docx").record["children"][0]["cp_plan"] is False
    assert parse_bytes(_shaded_form("Yes"), "form.docx").record["children"][0]["cp_plan"] is True


def test_options_with_no_cell_shaded_stay_unanswered_and_a_shaded_header_row_of_options_marks_nothing():
    blocks, _ = read_docx(_shaded_form(None))
    [table] = [b for b in blocks if hasattr(b, "rows")]
    assert table.rows[0][1:] == ["Yes", "No", "Not known"]
    assert parse_bytes(_shaded_form(None), "form.docx").record["children"][0]["cp_plan"] is None
    header = package("<w:tbl>" + _row(_cell("", "D9D9D9"), _cell("Yes", "D9D9D9"), _cell("No", "D9D9D9")) + "</w:tbl>")
    [table] = [b for b in read_docx(header)[0] if hasattr(b, "rows")]
    assert table.rows[0] == ["", "Yes", "No"]
    # a shaded label beside its answer is no choice, though 'Other ...' and 'n/a' are each an option's words
    label_row = package("<w:tbl>" + _row(_cell("Other names used", "D9D9D9"), _cell("n/a")) + "</w:tbl>")
    [table] = [b for b in read_docx(label_row)[0] if hasattr(b, "rows")]
    assert table.rows[0] == ["Other names used", "n/a"]


def test_a_word_shaded_in_a_sentence_is_no_tick_though_it_is_an_options_word():
    # pages pasted from the web shade runs for looks: only a highlighter marks an option in running text
    runs = ('<w:r><w:t xml:space="preserve">Mother said </w:t></w:r>'
            '<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="BFBFBF"/></w:rPr><w:t>no</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> adult was home.</w:t></w:r>')
    blocks, _ = read_docx(package(f"<w:p>{runs}</w:p>"))
    assert [b.text for b in blocks] == ["Mother said no adult was home."]


def test_a_shaded_label_cell_that_begins_with_other_is_no_option_of_the_choice_beside_it():
    row = package("<w:tbl>" + _row(_cell("Other children in the household?", "D9D9D9"), _cell("Yes"), _cell("No"))
                  + "</w:tbl>")
    [table] = [b for b in read_docx(row)[0] if hasattr(b, "rows")]
    assert table.rows[0] == ["Other children in the household?", "Yes", "No"]


def test_a_paragraphs_label_over_its_answer_after_a_line_break_is_a_label_carrying_that_answer():
    [lab] = labels_of(Item(0, "Email address\nsam.iqbal@example.nhs.uk", "para"))
    assert lab.text == "Email address" and lab.stack == ["sam.iqbal@example.nhs.uk"]
    [lab] = labels_of(Item(0, "Home address\n4 Mill Lane\nLeeds LS9 7HJ", "para"))
    assert lab.text == "Home address" and lab.stack == ["4 Mill Lane", "Leeds LS9 7HJ"]


def test_a_paragraph_of_labels_each_over_its_answer_is_not_one_label_swallowing_the_others():
    labels = labels_of(Item(0, "Child's name\nAda Lomax\nDate of birth\n14/07/2015", "para"))
    assert not any(lab.stack and "Date of birth" in lab.stack for lab in labels)


def test_a_paragraph_of_labels_each_with_its_answer_is_not_read_as_one_stacked_label():
    labels = labels_of(Item(0, "Name: Sam Iqbal\nEmail: sam.iqbal@example.nhs.uk", "para"))
    assert [(lab.text, lab.rest) for lab in labels] == [("Name", "Sam Iqbal"),
                                                          ("Email", "sam.iqbal@example.nhs.uk")]
    # a label printed under its answer is a box's convention, never a paragraph's
    assert all(not lab.stack for lab in labels_of(Item(0, "Sam Iqbal\nName of referrer", "para")))


def test_a_lone_tick_before_one_of_several_options_set_apart_marks_that_option():
    assert types.normalised("child.cp_plan", "Yes\t✓ No\tNot known") is False
    assert types.normalised("child.open_to_csc", "✓ Yes\tNo\tNot known") is True
    assert types.normalised("child.cp_plan", "Yes   ✓ No   Not known") is False
    assert types.normalised("child.gender", "Female\t✓ Male\tOther") == "male"
    assert types.normalised("incident.type", "Death\t✓ Serious harm") == "serious_harm"


def test_a_fillable_fields_control_type_prefix_does_not_hide_whose_field_it_is():
    # 'txtlead_agency' is the lead's agency, not a row of the agencies table; the prefix is no part of the word
    assert hint_section("txtlead_agency") == "lead"
    assert hint_section("txtref_agency") == "referrer"
    assert hint_section("txtchild_dob") == "child"
    assert hint_section("txtNameRow1") is None


def test_options_listed_one_to_a_line_under_a_question_become_one_line_of_options():
    blocks = [Para("12. Centre DSL agrees?"), Para("☐ Yes"), Para("☒ No"), Para("☐ Awaiting confirmation"),
              Para("13. Visitor's name"), Para("☒ Not a box list: one line only")]
    merged = option_lists(blocks)
    assert [b.text for b in merged] == ["12. Centre DSL agrees?", "☐ Yes\t☒ No\t☐ Awaiting confirmation",
                                        "13. Visitor's name", "☒ Not a box list: one line only"]
    assert types.normalised("lead.discussed", merged[1].text) is False


def test_a_candidate_read_from_a_household_tables_row_of_a_relative_says_so_and_a_childs_table_does_not():
    household = Table([["Name", "Relationship to child", "Date of birth"], ["Dana Lomax", "Mother", "02/03/1991"]])
    childs = Table([["Name", "Date of birth"], ["Ada Lomax", "14/07/2015"]])
    for table, dob, relative in ((household, "02/03/1991", 1), (childs, "14/07/2015", 0)):
        pic = build([Para("Household members" if relative else "Child details"), table])
        cands, _ = generate(pic)
        [c] = [c for c in cands if c.field == "child.dob" and c.raw == dob]
        assert features(c, pic)["answer_row_relative"] == relative


def test_one_choices_boxed_options_across_a_row_are_one_answer_not_an_answer_for_each_child():
    pic = build([Para("Child details"), Table([["Gender", "☐ Female", "☒ Male", "☐ Other"]])])
    cands, _ = generate(pic)
    gender = [c for c in cands if c.field == "child.gender" and c.fit > 0]
    assert {c.relation for c in gender} >= {"row_rest"} and not [c for c in gender if c.relation == "child_col"]
    assert {c.value for c in gender if c.relation == "row_rest"} == {"male"}


def test_a_web_pages_link_word_is_no_answer_but_an_answer_that_starts_with_it_is():
    for word in ("Change", "Edit", "Save and continue"):
        with pytest.raises(types.Refused):
            types.normalised("child.name", word)
    assert types.normalised("incident.summary", "Changes to the care plan were agreed") == \
        "Changes to the care plan were agreed"


def _watermarked_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    lines = ["Case Referral Form", "Name of referrer: Jo Okafor", "Agency: Health Visiting Team",
             "Child's name: Ada Lomax", "Date of incident: 03/02/2026"]
    for k, line in enumerate(lines):
        c.setFont("Helvetica", 10)
        c.drawString(72, 760 - 22 * k, line)
    c.saveState()
    c.setFont("Helvetica-Bold", 60)
    c.setFillGray(0.85)
    c.translate(120, 560)
    c.rotate(45)
    c.drawString(0, 0, "OFFICIAL - SENSITIVE")
    c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_watermark_set_diagonally_across_the_page_is_no_part_of_the_form():
    blocks, _ = read_pdf(_watermarked_pdf())
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert "Agency: Health Visiting Team" in texts and "Name of referrer: Jo Okafor" in texts
    assert not any(t.strip() in set("OFFICIALSENTV-") for t in texts)
    assert not any("OFFICIAL" in t or "SENSITIVE" in t for t in texts)


def test_a_prompt_ending_in_a_colon_is_no_answer():
    with pytest.raises(types.Refused):
        types.normalised("incident.summary", "Record facts only:")
    assert types.normalised("incident.summary", "Seen at 10:30 by the GP") == "Seen at 10:30 by the GP"


def test_an_answers_words_say_whether_it_names_an_organisation_or_a_post():
    shapes = {v: answer_shape(v) for v in ("Angela Thackeray", "Leeds City Council", "Named Nurse")}
    assert (shapes["Angela Thackeray"]["ans_org"], shapes["Angela Thackeray"]["ans_role"]) == (0, 0)
    assert shapes["Leeds City Council"]["ans_org"] == 1 and shapes["Named Nurse"]["ans_role"] == 1


def test_a_tick_in_a_column_of_its_own_between_options_marks_neither():
    # 'Yes<tab>✓<tab>No': which option the tick belongs to is not said: a blank, not a guess
    for raw in ("Yes\t✓\tNo", "Yes  ✓   No"):
        with pytest.raises(types.Refused):
            types.normalised("child.cp_plan", raw)


def test_options_with_spacer_cells_and_unfamiliar_third_options_are_still_one_choice():
    assert option_cells(["☐ Female", "", "☒ Male", ""]) == 3
    assert option_cells(["Yes", "No", "N/K"]) == 3 and option_cells(["Yes", "No", "Don’t know"]) == 3
    pic = build([Para("Child details"), Table([["Gender", "☐ Female", "", "☒ Male", ""]])])
    cands, _ = generate(pic)
    gender = [c for c in cands if c.field == "child.gender" and c.fit > 0]
    assert gender and not [c for c in gender if c.relation == "child_col"]
    assert {c.value for c in gender} == {"male"}


def test_a_row_of_bare_options_none_marked_gives_no_answer_in_either_reader():
    pic = build([Para("Child details"), Table([["Child protection plan?", "Yes", "No", "Not known"]])])
    cands, _ = generate(pic)
    valued = [c for c in cands if c.field == "child.cp_plan" and c.fit > 0]
    assert valued == []
    assert parse_bytes(_shaded_form(None), "form.docx").record["children"][0]["cp_plan"] is None


def test_a_prompt_ending_in_a_colon_is_refused_only_where_a_text_is_asked_for():
    with pytest.raises(types.Refused):
        types.normalised("referrer.agency", "Record facts only:")
    assert types.normalised("child.cp_plan", "Yes:") is True


def test_a_surname_that_is_also_a_web_pages_word_is_kept():
    assert types.normalised("child.name", "Back") == "Back"

