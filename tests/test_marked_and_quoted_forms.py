"""Forms whose answers are marked or set out in ways a form-filling tool does not: options chosen with a PDF editor's
highlighter, criteria listed as an icon and its answer before each statement, a plain-text email's form quoted
line by line with '>' and headings underlined with '-----', a name printed after its owner's initials in a coloured
circle, and a fillable PDF whose fields are named by section and question ('S1_Q4'). Word files built with
python-docx, PDFs with reportlab (and pypdf for the highlight annotations), read for real."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight
from pypdf.generic import ArrayObject, FloatObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import Para, answer_first, icon_labels, underlined_headings, unquoted
from parsers.pdf_reader import read_pdf
from parsers.types import without_avatar

FIELDS = [("Name of referrer", "Priya Raman"), ("Email", "p.raman@example.org.uk"), ("Child's name", "Leo Marsh"),
          ("Date of birth", "12/06/2014"), ("Date of incident", "02/11/2025"),
          ("What happened", "Leo answered the door alone and had a burn on his hand that had not been treated.")]


def _fields_page(out: io.BytesIO) -> tuple[Canvas, float]:
    """A canvas with the form's fields printed label | answer down the page; -> the canvas and the next line's y."""
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    y = 800
    for label, value in FIELDS:
        c.drawString(60, y, label)
        c.drawString(250, y, value)
        y -= 20
    return c, y


def _with_highlights(pdf: bytes, spots: list[tuple[float, float, float]]) -> bytes:
    """The PDF with a Highlight annotation (as a PDF editor adds it) over each (x, baseline y, width) on page 1."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for x, y, width in spots:
        rect = (x - 1, y - 3, x + width + 1, y + 10)
        quad = ArrayObject([FloatObject(v) for v in (rect[0], rect[3], rect[2], rect[3], rect[0], rect[1], rect[2], rect[1])])
        writer.add_annotation(0, Highlight(rect=rect, quad_points=quad))
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def _highlighted_form(choose: dict[str, str]) -> bytes:
    """A flat form: every option printed; the chosen one (question -> option) highlighted with a PDF editor."""
    out = io.BytesIO()
    c, y = _fields_page(out)
    spots = []
    for question, options in (("Police involved?", ["Yes", "No", "Unsure"]), ("Gender", ["Female", "Male", "Other"])):
        c.drawString(60, y, question)
        x = 250
        for option in options:
            c.drawString(x, y, option)
            if choose.get(question) == option:
                spots.append((x, y, stringWidth(option, "Helvetica", 10)))
            x += 60
        y -= 20
    c.drawString(60, y, "What type of incident")
    for option in ("Child death", "Serious harm", "Death of a child in care"):
        c.drawString(250, y, option)
        if choose.get("type") == option:
            spots.append((250, y, stringWidth(option, "Helvetica", 10)))
        y -= 14
    c.showPage()
    c.save()
    return _with_highlights(out.getvalue(), spots)


def test_the_highlighted_options_are_the_answers():
    r = parse_bytes(_highlighted_form({"Police involved?": "No", "Gender": "Male", "type": "Serious harm"}), "hl.pdf")
    assert r.status == "parsed", r.warnings
    assert r.record["children"][0]["gender"] == "male"
    assert r.record["incident"]["type"] == "serious_harm"


def test_with_nothing_highlighted_no_option_is_chosen():
    r = parse_bytes(_highlighted_form({}), "plain.pdf")
    assert r.record["children"][0]["gender"] is None


def test_icon_and_answer_before_each_statement_reads_as_statement_and_answer():
    blocks = [Para("✘ No The child has died or been seriously harmed"), Para("✔ Yes Abuse or neglect is known or suspected"),
              Para("Reason: serious harm")]
    assert [b.text for b in answer_first(blocks)] == ["The child has died or been seriously harmed\tNo",
                                                      "Abuse or neglect is known or suspected\tYes", "Reason: serious harm"]
    assert answer_first(blocks[1:]) == blocks[1:]   # one such line is no list of them


def _docx(lines: list[str]) -> bytes:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_criteria_listed_with_icons_are_read():
    lines = [f"{k}: {v}" for k, v in FIELDS] + ["Criteria", "✘ No The child has died or been seriously harmed",
                                                 "✔ Yes Abuse or neglect is known or suspected"]
    r = parse_bytes(_docx(lines), "icons.docx")
    assert r.record["criteria"]["died_or_seriously_harmed"] is False
    assert r.record["criteria"]["abuse_or_neglect_suspected"] is True


QUOTED = ["Hi,", "Forwarding the referral below as it arrived.", "Kind regards", "Dawn", "-----Original Message-----",
          "From: safeguarding@example.co.uk", "> REFERRER", "> --------", "> Name of referrer: Priya Raman",
          "> Email: p.raman@example.org.uk", ">", "> THE CHILD", "> ---------", "> Child's name: Leo Marsh",
          "> Date of birth: 12/06/2014", ">", "> THE INCIDENT", "> ------------", "> Date of incident: 02/11/2025",
          "> What happened: Leo answered the door alone and had a burn that had not been treated."]


def test_a_quoted_email_loses_its_quote_marks_and_underlined_lines_are_headings():
    blocks = underlined_headings(unquoted([Para(t) for t in QUOTED]))
    texts = [b.text for b in blocks]
    assert "Child's name: Leo Marsh" in texts and "> Child's name: Leo Marsh" not in texts
    assert "---------" not in texts
    assert next(b for b in blocks if b.text == "THE CHILD").heading


def test_a_few_quoted_lines_in_a_letter_stay_as_they_are():
    blocks = [Para(t) for t in ["Name of referrer: Priya Raman", "> as the school wrote to us", "Email: a@b.org"]]
    assert unquoted(blocks) == blocks


def test_a_divider_under_a_long_line_is_no_underline():
    blocks = [Para("Leo answered the door alone and had a burn that had not been treated."), Para("-----")]
    assert underlined_headings(blocks) == blocks


def test_a_quoted_form_is_parsed_field_by_field():
    r = parse_bytes(_docx(QUOTED), "quoted.docx")
    assert r.status == "parsed", r.warnings
    assert r.record["referrer"]["name"] == "Priya Raman"
    assert r.record["children"][0]["name"] == "Leo Marsh"
    assert r.record["incident"]["date"] == "2025-11-02"


def test_initials_before_a_name_are_dropped_but_ranks_are_kept():
    assert without_avatar("MH Martin Hussain") == "Martin Hussain"
    assert without_avatar("CL Colin Lloyd-Evans") == "Colin Lloyd-Evans"
    assert without_avatar("DC David Cole") == "DC David Cole"
    assert without_avatar("AB Martin Hussain") == "AB Martin Hussain"


def test_a_list_item_print_gives_the_referrers_name_without_the_avatar():
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = 800
    for label, value in [("Your name", "MH Martin Hussain")] + FIELDS[1:]:
        c.setFont("Helvetica", 8)
        c.drawString(60, y, label)
        c.setFont("Helvetica", 11)
        c.drawString(60, y - 14, value)
        y -= 40
    c.save()
    r = parse_bytes(out.getvalue(), "item.pdf")
    assert r.record["referrer"]["name"] == "Martin Hussain"


def test_fillable_fields_named_by_section_and_question_are_read_by_their_labels():
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    y = 800
    for q, (label, value) in enumerate(FIELDS, start=1):
        c.drawString(40, y + 4, label)
        c.acroForm.textfield(name=f"S1_Q{q}", tooltip=label, x=250, y=y, width=300, height=16, value=value,
                             borderWidth=0)
        y -= 24
    c.save()
    r = parse_bytes(out.getvalue(), "sections.pdf")
    assert r.status == "parsed", r.warnings
    assert r.record["referrer"]["name"] == "Priya Raman"
    assert r.record["children"][0]["name"] == "Leo Marsh"
    assert r.record["incident"]["date"] == "2025-11-02"


def _cards_of_their_own_height() -> bytes:
    """A designed page: filled rounded cards two across, tops level, each as tall as its content (the lead's card has
    a line more), each 'label value' line with no colon."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    cards = [("Referrer", ["Priya Ainsworth", "Designation Team Lead Nurse", "07700 900925", "p.ainsworth@example.org.uk"]),
             ("Safeguarding lead", ["Sam Hussain", "Designation Named Nurse", "Service Community Health NHS Trust",
                                    "0161 496 0401", "s.hussain@example.org.uk"])]
    for k, (title, lines) in enumerate(cards):
        x = 40 + k * 263
        c.setFillGray(0.95)
        c.roundRect(x, 766 - 16 * len(lines), 252, 16 * len(lines) + 34, 8, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x + 8, 784, title)
        c.setFont("Helvetica", 9)
        y = 766
        for line in lines:
            c.drawString(x + 8, y, line)
            y -= 16
    c.save()
    return out.getvalue()


def test_cards_level_at_the_top_but_of_their_own_heights_are_read_one_after_the_other():
    texts = [b.text for b in read_pdf(_cards_of_their_own_height(), printed=True)[0] if isinstance(b, Para)]
    assert texts.index("Referrer") < texts.index("Priya Ainsworth") < texts.index("Safeguarding lead") \
        < texts.index("Sam Hussain")


def test_a_phone_and_an_email_after_their_icons_are_labelled():
    blocks = icon_labels([Para("☎ 07700 900925"), Para("✉ p.ainsworth@example.org.uk"), Para("Call ☎ 999")])
    assert [b.text for b in blocks] == ["Telephone: 07700 900925", "Email: p.ainsworth@example.org.uk", "Call ☎ 999"]


def test_a_row_of_options_after_a_tick_is_no_statement():
    blocks = [Para("✓ YES\tNO UNKNOWN"), Para("✓ NO\tYES UNKNOWN"), Para("- No further action was taken by police")]
    assert answer_first(blocks) == blocks


def _highlighted_row_form(watermark: bool) -> bytes:
    """Options in a row after their question, the question's own words naming the options ('Girl / boy / other'),
    the chosen ones highlighted; with a diagonal 'DRAFT' stamp across the page when asked."""
    out = io.BytesIO()
    c, y = _fields_page(out)
    spots = []
    for question, options, chosen in (("Girl / boy / other", ["Girl", "Boy", "Other"], "Boy"),
                                      ("What kind of incident", ["Death of a child", "Serious harm", "Other"],
                                       "Death of a child")):
        c.drawString(60, y, question)
        x = 250
        for option in options:
            c.drawString(x, y, option)
            if option == chosen:
                spots.append((x, y, stringWidth(option, "Helvetica", 10)))
            x += stringWidth(option, "Helvetica", 10) + 30
        y -= 20
    if watermark:
        c.saveState()
        c.translate(300, 400)
        c.rotate(45)
        c.setFont("Helvetica", 60)
        c.setFillGray(0.85)
        c.drawString(-100, 0, "DRAFT")
        c.restoreState()
    c.showPage()
    c.save()
    return _with_highlights(out.getvalue(), spots)


def test_highlighted_options_in_a_row_keep_the_questions_own_words():
    for watermark in (False, True):
        texts = [b.text for b in read_pdf(_highlighted_row_form(watermark), printed=True)[0] if isinstance(b, Para)]
        assert "Girl / boy / other\tBoy" in texts, watermark
        assert "What kind of incident\tDeath of a child" in texts, watermark


def test_a_highlighted_word_in_a_written_answer_takes_nothing_from_it():
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    y = 800
    for label, value in FIELDS:
        c.drawString(60, y, f"{label}: {value}")
        y -= 20
    c.drawString(60, y, "Are there any immediate safeguarding concerns?")
    y -= 16
    answer = "Yes - the brother is with his grandmother, No contact with the partner."
    c.drawString(60, y, answer)
    c.save()
    marked = _with_highlights(out.getvalue(), [(60, y, stringWidth("Yes", "Helvetica", 10))])
    texts = [b.text for b in read_pdf(marked, printed=True)[0] if isinstance(b, Para)]
    assert answer in texts


def test_the_first_of_a_column_of_incident_types_highlighted_beside_its_question_stands_alone():
    texts = [b.text for b in read_pdf(_highlighted_form({"type": "Child death"}), printed=True)[0]
             if isinstance(b, Para)]
    assert "What type of incident\tChild death" in texts
    assert "Serious harm" not in texts and "Death of a child in care" not in texts
