"""Answers marked by drawing rather than typing: radio buttons drawn as circles, options ringed on the page, tick
boxes drawn as squares, Wingdings boxes kept as private-use characters in Word, radio groups whose export values
are codes ('/Choice2'), and dates written a digit per comb box. Real PDFs (reportlab) and Word packages, read for
real."""

from __future__ import annotations

import io

from parsers.blocks import Pair, Para, Table
from parsers.docx_reader import read_docx
from parsers.normalise import gender, parse_date, tristate
from parsers.pdf_reader import read_pdf
from tests.docx_xml import package


def _texts(blocks: list) -> list[str]:
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(b.text)
        elif isinstance(b, Table):
            out += ["\t".join(r) for r in b.rows]
    return out


def _line(texts: list[str], start: str) -> str:
    [line] = [" ".join(t.split()) for t in texts if t.startswith(start)]
    return line


def marked_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    # radio buttons: a circle before each option, a dot inside the chosen one
    c.drawString(40, 700, "Police involved?")
    for k, (word, chosen) in enumerate([("Yes", False), ("No", True), ("Unknown", False)]):
        x = 220 + k * 70
        c.circle(x + 3.5, 703.5, 3.5, stroke=1, fill=0)
        if chosen:
            c.circle(x + 3.5, 703.5, 1.8, stroke=0, fill=1)
        c.drawString(x + 10, 700, word)
    # the answer ringed: options set apart on the line, an ellipse drawn round the chosen one
    c.drawString(40, 670, "Gender (circle one)")
    for k, word in enumerate(["F", "M", "Other"]):
        x = 220 + k * 30
        c.drawString(x, 670, word)
        if word == "M":
            c.ellipse(x - 4, 666, x + stringWidth(word, "Helvetica", 10) + 4, 681, stroke=1, fill=0)
    # tick boxes drawn as squares, one holding an X
    c.drawString(40, 640, "Looked after?")
    for k, (word, mark) in enumerate([("Yes", "X"), ("No", ""), ("Not known", "")]):
        x = 220 + k * 70
        c.rect(x, 639, 8, 8)
        c.drawString(x + 1.5, 640.5, mark)
        c.drawString(x + 12, 640, word)
    # a date of birth left blank in a comb of eight touching boxes: no tick boxes there
    c.drawString(40, 560, "Date of birth")
    for k in range(8):
        c.rect(220 + k * 10, 558, 10, 10)
    # a bullet point: a small filled circle before a line of guidance, not a box
    c.circle(44, 503.5, 2, stroke=0, fill=1)
    c.drawString(52, 500, "Ring the duty team if the child is at risk now")
    c.save()
    return out.getvalue()


def test_drawn_radio_buttons_ringed_options_and_drawn_boxes_are_read_as_ticked_and_empty_boxes():
    texts = _texts(read_pdf(marked_pdf(), printed=True)[0])
    police = _line(texts, "Police involved?")
    assert police.endswith("☐ Yes ☒ No ☐ Unknown") and tristate(police.split("?", 1)[1]) is False
    sex = _line(texts, "Gender (circle one)")
    assert sex.endswith("☐ F ☒ M ☐ Other") and gender(sex.split(")", 1)[1]) == "male"
    looked_after = _line(texts, "Looked after?")
    assert looked_after.endswith("☒ Yes ☐ No ☐ Not known") and tristate(looked_after.split("?", 1)[1]) is True
    assert "X" not in looked_after                          # the X was taken into its box


def test_a_comb_field_and_a_bullet_point_are_not_tick_boxes():
    blocks = read_pdf(marked_pdf(), printed=True)[0]
    assert [[""] * 8] in [b.rows for b in blocks if isinstance(b, Table)]   # the empty comb: eight empty boxes
    assert _line(_texts(blocks), "Ring the duty team") == "Ring the duty team if the child is at risk now"
    # every box on the page is one of the three questions' options
    assert sum(t.count("☐") + t.count("☒") for t in _texts(blocks)) == 9


def test_the_rule_readers_picture_is_unchanged_by_drawn_marks():
    texts = _texts(read_pdf(marked_pdf(), printed=False)[0])
    assert not any(box in t for t in texts for box in "☒☐")


def coded_radio_pdf() -> bytes:
    """A fillable form as Acrobat's field detection names it: radio groups 'Group1' whose buttons export
    '/Choice1', '/Choice2' ..., the option words printed beside the buttons."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(40, 700, "Police involved?")
    for k, word in enumerate(["Yes", "No", "Not known"]):
        x = 220 + k * 70
        c.acroForm.radio(name="Group1", value=f"Choice{k + 1}", selected=k == 1, x=x, y=698, size=10,
                         buttonStyle="circle", borderWidth=1)
        c.drawString(x + 14, 700, word)
    c.drawString(40, 670, "Name of referrer")
    c.acroForm.textfield(name="Name of referrer", value="Tess Okafor", x=220, y=665, width=200, height=16)
    c.save()
    return out.getvalue()


def test_a_radio_group_exported_as_choice_codes_is_read_as_the_option_printed_beside_the_chosen_button():
    blocks = read_pdf(coded_radio_pdf())[0]
    [police] = [b for b in blocks if isinstance(b, Pair) and "Police" in b.label]
    assert police.value == "No"


def test_wingdings_boxes_kept_as_private_use_characters_in_word_text_are_boxes():
    body = ('<w:p><w:r><w:t xml:space="preserve">Looked after child?\t</w:t></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0fe</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> YES   </w:t></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0a8</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> NO</w:t></w:r></w:p>')
    [para] = [b for b in read_docx(package(body))[0] if isinstance(b, Para)]
    assert para.text == "Looked after child?\t☒ YES   ☐ NO"
    assert tristate(para.text.split("\t", 1)[1]) is True


def test_eight_digits_of_a_comb_date_are_day_month_year_or_an_iso_date():
    assert parse_date("03022026") == "2026-02-03"
    assert parse_date("0 3 0 2 2 0 2 6") == "2026-02-03"   # a comb's appearance, a digit per box
    assert parse_date("20120315") == "2012-03-15"          # no 20th day of the 12th month of 315: year first
    assert parse_date("12345678") is None                   # neither reading is a date


def coded_dropdowns_pdf() -> bytes:
    """A fillable form whose drop-downs store an export value and show another: 'N' shown as 'No', '2' as 'M'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(40, 700, "Looked after?")
    c.drawString(40, 670, "Sex")
    c.acroForm.choice(name="Dropdown1", tooltip="Looked after?", value="N", x=220, y=695, width=100, height=16,
                      options=[("Yes", "Y"), ("No", "N"), ("Not known", "U")])
    c.acroForm.choice(name="Dropdown2", tooltip="Sex", value="2", x=220, y=665, width=100, height=16,
                      options=[("F", "1"), ("M", "2"), ("Other", "3")])
    c.save()
    return out.getvalue()


def test_a_drop_down_is_read_as_the_option_it_shows_not_the_code_it_stores():
    pairs = {b.label: b.value for b in read_pdf(coded_dropdowns_pdf())[0] if isinstance(b, Pair)}
    assert pairs == {"Looked after?": "No", "Sex": "M"}
