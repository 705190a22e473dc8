"""PDFs whose text is set out without ruled lines: newspaper columns of questions with their answers under them,
a 'label | answer | label | answer' grid printed from a web form, a workflow system's bands across the page, a
designed form's fields and buttons, and a large-print form's hints. Drawn with reportlab, read for real."""

from __future__ import annotations

import pytest

import io

import pdfplumber

from parsers import parse_bytes
from parsers.blocks import Para, Table
from parsers.normalise import tristate
from parsers.pdf_reader import read_pdf

BOLD, PLAIN = "Helvetica-Bold", "Helvetica"
# three columns of (question, answer) pairs, each column read top to bottom
COLUMNS = [
    [("Name of referrer", "Nadia Okafor"), ("Job title", "School nurse"), ("Organisation", "Fenwick NHS Trust"),
     ("Email", "nadia.okafor@nhs.net"), ("Telephone", "0191 496 0123")],
    [("Child's full name", "Ollie Kowalczyk"), ("Date of birth", "07/06/2013"), ("Gender", "Male"),
     ("Home address", "Flat 9, Alder Lodge"), ("Ethnicity", "White British")],
    [("Date of incident", "08/03/2026"), ("Where did it happen?", "Millrace Park"),
     ("Are the police involved?", "Yes"), ("Date the local authority became aware", "09/03/2026"),
     ("School", "Brackenhill Academy")],
]


def _canvas():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    return out, Canvas(out, pagesize=A4, invariant=1), A4[1]


def newspaper_pdf() -> bytes:
    out, c, height = _canvas()
    c.setFont(BOLD, 14)
    c.drawString(40, height - 50, "Referral for consideration of a Rapid Review - Case Referral Form")
    c.setFont(PLAIN, 9)
    c.drawString(40, height - 68, "Please answer every question. Send the form to the partnership business unit.")
    for k, column in enumerate(COLUMNS):
        _questions(c, column, 40 + k * 180, height - 100)
    c.save()
    return out.getvalue()


def _questions(c, pairs, x: float, y: float) -> None:
    """Each bold question with its plain answer on the line under it, one under the other from y down."""
    for question, answer in pairs:
        c.setFont(BOLD, 9)
        c.drawString(x, y, question)
        c.setFont(PLAIN, 9)
        c.drawString(x, y - 13, answer)
        y -= 34


GRID = [  # (label, answer lines, label, answer lines): one row each, cells wrapped onto several lines
    (["Child's full name"], ["Brodie Oyelaran"], ["Other names used"], []),
    (["Child's date of birth"], ["31/01/2013"], ["Age in months or", "years (if no date", "of birth)"], []),
    (["Child's home", "address"], ["55 Coldharbour Road", "Brackenfield", "CD1 7ZW"], ["Room / group", "attended"],
     ["Little Acorns Nursery"]),
    (["Child's doctor (GP)"], ["Beacon View Health Centre"], ["Child's ethnicity"], ["Gypsy/Roma"]),
    (["Name of referrer"], ["Adebayo Garside"], ["Role of referrer"], ["Nursery manager"]),
    (["Referrer email"], ["adebayo.garside@nursery.org.uk"], ["Date of incident"], ["10/12/2025"]),
]


def grid_pdf() -> bytes:
    out, c, height = _canvas()
    c.setFont(BOLD, 13)
    c.drawString(40, height - 50, "Serious incident in an early years setting - referral")
    c.setFont(BOLD, 11)
    c.drawString(44, height - 80, "About the child")
    y = height - 100
    for row in GRID:
        for x, lines, font in zip((40, 160, 305, 425), row, (BOLD, PLAIN, BOLD, PLAIN)):
            c.setFont(font, 8.5)
            for i, line in enumerate(lines):
                c.drawString(x, y - i * 10.5, line)
        y -= max(len(cell) for cell in row) * 10.5 + 6
    c.save()
    return out.getvalue()


def test_the_pictures_are_what_the_tests_say_they_are():
    # The drawn PDFs have no ruled lines at all: what follows is read from where the words sit.
    for data in (newspaper_pdf(), grid_pdf()):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert not pdf.pages[0].lines and not pdf.pages[0].rects and not pdf.pages[0].find_tables()


def test_newspaper_columns_are_read_column_by_column_each_question_before_its_answer():
    blocks, _ = read_pdf(newspaper_pdf(), printed=True)
    texts = [b.text for b in blocks if isinstance(b, Para)]
    want = [text for column in COLUMNS for pair in column for text in pair]
    assert [t for t in texts if t in want] == want
    assert not any("\t" in t for t in texts[2:])  # no line of one column glued to the next column's


def test_a_form_in_newspaper_columns_gives_each_question_its_own_answer():
    r = parse_bytes(newspaper_pdf(), "form.pdf")
    rec = r.record
    assert (rec["referrer"]["name"], rec["referrer"]["email"]) == ("Nadia Okafor", "nadia.okafor@nhs.net")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["school"]) == ("Ollie Kowalczyk", "2013-06-07", "Brackenhill Academy")
    assert (rec["incident"]["date"], rec["incident"]["date_la_aware"]) == ("2026-03-08", "2026-03-09")


def test_an_unruled_label_answer_grid_is_read_as_a_table_with_each_wrapped_cell_whole():
    blocks, _ = read_pdf(grid_pdf(), printed=True)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["Child's full name", "Brodie Oyelaran", "Other names used", ""]
    assert rows[2][1] == "55 Coldharbour Road\nBrackenfield\nCD1 7ZW"
    assert rows[1][2].split() == "Age in months or years (if no date of birth)".split()
    assert [b.text for b in blocks if isinstance(b, Para)][-1] == "About the child"  # the heading stays a heading


def test_a_form_on_an_unruled_grid_gives_each_label_the_answer_beside_it():
    rec = parse_bytes(grid_pdf(), "form.pdf").record
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["gp"], child["ethnicity"]) == (
        "Brodie Oyelaran", "2013-01-31", "Beacon View Health Centre", "Gypsy/Roma")
    assert child["address"] == "55 Coldharbour Road, Brackenfield, CD1 7ZW"
    assert child["age"] is None and child["other_names"] is None  # blank cells stay blank, not the next label


def test_labels_with_their_answers_beside_them_are_not_taken_for_columns():
    # 'Label   answer' lines with bold labels and plain answers: two runs of words per line, one column of labels
    # and one of answers. Read as before: each line keeps its label and answer together.
    out, c, height = _canvas()
    y = height - 60
    for label, answer in [pair for column in COLUMNS for pair in column]:
        c.setFont(BOLD, 9)
        c.drawString(40, y, label)
        c.setFont(PLAIN, 9)
        c.drawString(260, y, answer)
        y -= 16
    c.save()
    blocks, _ = read_pdf(out.getvalue(), printed=True)
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert "Name of referrer\tNadia Okafor" in texts and "Home address\tFlat 9, Alder Lodge" in texts
    assert not any(isinstance(b, Table) for b in blocks)


def test_a_band_of_columns_ends_where_the_page_goes_on_at_full_width():
    # Three columns of questions, the third holding only two, then full-width questions under the band: the
    # columns are read one after another, and the questions under the band stay after all of them.
    out, c, height = _canvas()
    band = [COLUMNS[0][:4], COLUMNS[1][:4], COLUMNS[2][:2]]
    for k, column in enumerate(band):
        _questions(c, column, 40 + k * 180, height - 60)
    _questions(c, [("Name of safeguarding lead", "Priya Mensah"), ("Lead's telephone", "0113 496 0001"),
                   ("Lead's email", "priya.mensah@nhs.net")], 40, height - 60 - 4 * 34 - 20)
    c.save()
    blocks, _ = read_pdf(out.getvalue(), printed=True)
    texts = [b.text for b in blocks if isinstance(b, Para)]
    want = [t for column in band for pair in column for t in pair]
    assert texts[:len(want)] == want
    assert texts[len(want):] == ["Name of safeguarding lead", "Priya Mensah", "Lead's telephone", "0113 496 0001",
                                 "Lead's email", "priya.mensah@nhs.net"]


STACKED = [  # two fields to a row: each small grey label over its answer ('—' where the field was left empty)
    [("Name of referrer", ["Imogen Falk"]), ("Job title", ["Play Leader"])],
    [("Organisation", ["Kestrel Park Play Scheme"]), ("Email address", ["imogen.falk@kestrelplay.org.uk"])],
    [("Child's name", ["Toby Adeyemi"]), ("Also known as", ["—"])],
    [("Date of birth", ["14/02/2016"]), ("Home address", ["3 Wren Court", "Kestrel Park", "KP4 2ZZ"])],
]


def stacked_pdf(agencies: list[list[str]] | None = None) -> bytes:
    """A field app's print: small grey labels, two to a row, each over its answer in the body size; then, if given,
    an agencies table set out without rules (its column names in the labels' size over rows in the body size)."""
    out, c, height = _canvas()
    c.setFont(BOLD, 13)
    c.drawString(40, height - 50, "Play scheme safeguarding incident - submission")
    y = height - 80
    for row in STACKED:
        for k, (label, lines) in enumerate(row):
            x = 40 + k * 260
            c.setFont(PLAIN, 7)
            c.setFillColorRGB(0.45, 0.45, 0.45)
            c.drawString(x, y, label)
            c.setFont(PLAIN, 9.5)
            c.setFillColorRGB(0, 0, 0)
            for i, line in enumerate(lines):
                c.drawString(x, y - 11 - i * 12, line)
        y -= 11 + 12 * max(len(lines) for _, lines in row) + 12
    for i, row in enumerate(agencies or []):
        c.setFont(PLAIN, 7 if i == 0 else 9.5)
        for x, text in zip((40, 200, 400), row):
            c.drawString(x, y, text)
        y -= 12
    c.save()
    return out.getvalue()


@pytest.mark.usefixtures("rule_reader")
def test_small_labels_printed_over_their_answers_two_to_a_line_are_read_as_label_answer_pairs():
    blocks, _ = read_pdf(stacked_pdf(), printed=False)
    pairs = [row for b in blocks if isinstance(b, Table) for row in b.rows]
    want = [[label, "\n".join(lines)] for row in STACKED for label, lines in row]
    assert pairs == want
    rec = parse_bytes(stacked_pdf(), "submission.pdf").record
    assert (rec["referrer"]["name"], rec["referrer"]["role"], rec["referrer"]["email"]) == (
        "Imogen Falk", "Play Leader", "imogen.falk@kestrelplay.org.uk")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["other_names"]) == ("Toby Adeyemi", "2016-02-14", None)


def test_column_names_over_rows_of_agencies_stay_a_table_not_label_answer_pairs():
    # One agency under 'Name | Agency | Contact' in the labels' size: a table's header over its row, so it is not
    # turned into three label | answer pairs; nor are two rows under it.
    for rows in ([["Name", "Agency", "Contact"], ["Priya Nair", "Kestrel Park School", "01632 960 114"]],
                 [["Name", "Agency", "Contact"], ["Priya Nair", "Kestrel Park School", "01632 960 114"],
                  ["Dan Moss", "Kestrel Police", "01632 960 999"]]):
        blocks, _ = read_pdf(stacked_pdf(rows), printed=False)
        tables = [b for b in blocks if isinstance(b, Table)]
        assert ["Name", rows[1][0]] not in [r for t in tables for r in t.rows]
        texts = [b.text for b in blocks if isinstance(b, Para)]
        assert "\t".join(rows[0]) in texts and "\t".join(rows[1]) in texts


# a workflow system's print: one band per question across the page, no rules between the columns, and beside each
# answer who entered it and when (record keeping, not answers)
BANDS = [("Question", "Answer", "Entered by", "Date entered"), ("REFERRER",),
         ("Name of referrer", "Aisha Pickering", "Aisha Pickering", "02/04/2026 10:27"),
         ("Email", "apickering@redline.co.uk", "System", "02/04/2026 10:30"), ("CHILD",),
         ("Child's name", "Oskar Holroyd", "Adrian Quigley", "02/04/2026 10:50"),
         ("Date of birth", "04/09/2010", "System", "02/04/2026 10:53"),
         ("Ethnicity", "", "", ""),
         ("Home address", ["103 Beacon Road", "Ashvale", "RE6 3GA"], "System", "02/04/2026 10:57"),
         ("INCIDENT",), ("Date of incident", "24/03/2026", "Adrian Quigley", "02/04/2026 11:14"),
         ("What happened", "Oskar was pushed off the school bus by an older pupil and hit his head on the kerb", "",
          "")]   # (a long answer runs on past the next column's edge, with nobody's name beside it)


def banded_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=landscape(A4), invariant=1)
    width, height = landscape(A4)
    c.setFont(BOLD, 12)
    c.drawString(36, height - 40, "Transport safeguarding referral")
    xs, y = (40, 260, 520, 660), height - 70
    for band in BANDS:
        lines = max(len(v) if isinstance(v, list) else 1 for v in band)
        h = 8 + 12 * lines
        c.rect(36, y - h, width - 72, h, stroke=1, fill=0)   # the band: a box across the page, no column rules
        for x, value in zip(xs, band):
            c.setFont(BOLD if len(band) == 1 or x == xs[0] or band is BANDS[0] else PLAIN, 9)
            for k, line in enumerate(value if isinstance(value, list) else [value]):
                c.drawString(x, y - 13 - 12 * k, line)
        y -= h
    c.save()
    return out.getvalue()


def test_bands_across_the_page_are_split_into_the_header_rows_columns():
    # no rules between the columns: the header row's names say where each column starts
    table = next(b for b in read_pdf(banded_pdf())[0] if isinstance(b, Table))
    assert table.rows[0] == ["Question", "Answer", "Entered by", "Date entered"]
    assert ["REFERRER"] in table.rows   # a band of capitals alone: the section's title
    assert ["Home address", "103 Beacon Road\nAshvale\nRE6 3GA", "System", "02/04/2026 10:57"] in table.rows
    assert ["Ethnicity", "", "", ""] in table.rows
    assert ["What happened", "Oskar was pushed off the school bus by an older pupil and hit his head on the kerb", "",
            ""] in table.rows


def test_who_entered_an_answer_and_when_is_not_a_second_and_third_child(monkeypatch):
    for reader in ("rule", "model"):
        monkeypatch.setenv("INTAKE_READER", reader)
        rec = parse_bytes(banded_pdf(), "form.pdf").record
        assert len(rec["children"]) == 1, reader
        child = rec["children"][0]
        assert (child["name"], child["dob"], child["ethnicity"]) == ("Oskar Holroyd", "2010-09-04", None), reader
        assert rec["incident"]["date"] == "2026-03-24", reader


# a designed form (as Canva prints one): small bold labels two to a row over rounded answer fields, the answers typed a
# few points in; choices as buttons, each option in its own outline, the chosen one filled and ticked
def designed_pdf(incident_chips=("Serious harm", "Death of a child", "Other")) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 60
    c.setFont(BOLD, 14)
    c.drawString(40, y, "Holiday club - serious concern referral")
    pairs = [(("Your name", "Gemma Mistry"), ("Your email", "gmistry@club.org.uk")),
             (("Child's name", "Bilal Pickering"), ("Date of birth", "14/02/2019")),
             (("Date of incident", "18/03/2026"), ("Date the council was told", "20/03/2026"))]
    y -= 40
    for pair in pairs:
        for k, (label, answer) in enumerate(pair):
            x = 40 + k * 260
            c.setFont(BOLD, 8)
            c.drawString(x, y, label)
            c.roundRect(x, y - 26, 240, 18, 6, stroke=1, fill=0)
            c.setFont(PLAIN, 9.5)
            c.drawString(x + 6, y - 20, answer)
        y -= 44

    def chips(question, options, chosen, y):
        c.setFont(BOLD, 8)
        c.drawString(40, y, question)
        x, y = 40, y - 26
        for option in options:
            text = ("✓ " if option == chosen else "") + option
            w = c.stringWidth(text, PLAIN, 9.5) + 16
            if x + w > 220:   # the row of buttons wraps onto the next line
                x, y = 40, y - 24
            c.setFillGray(0.2 if option == chosen else 1.0)
            c.roundRect(x, y, w, 18, 9, stroke=1, fill=1 if option == chosen else 0)
            c.setFillGray(1.0 if option == chosen else 0.0)
            c.setFont(PLAIN, 9.5)
            c.drawString(x + 8, y + 5, text)
            x += w + 6
        c.setFillGray(0.0)
        return y - 30

    c.setFont(PLAIN, 9.5)
    y = chips("Has a social worker?", ["Yes", "No", "Not sure"], "No", y)
    chips("What kind of incident?", list(incident_chips), "Serious harm", y)
    c.save()
    return out.getvalue()


def test_bold_labels_over_answers_typed_inside_rounded_fields_are_label_answer_rows():
    # two fields to a row: each bold label goes with the answer typed inside the field under it, not the line below
    rows = [r for b in read_pdf(designed_pdf(), printed=True)[0] if isinstance(b, Table) for r in b.rows]
    assert ["Date of incident", "18/03/2026"] in rows and ["Date the council was told", "20/03/2026"] in rows
    rec = parse_bytes(designed_pdf(), "form.pdf").record
    assert (rec["incident"]["date"], rec["incident"]["date_la_aware"]) == ("2026-03-18", "2026-03-20")


def test_options_drawn_as_buttons_are_not_ringed_answers():
    # every option has its own outline: only the filled, ticked one is chosen, on its line and on a wrapped line
    paras = [b.text for b in read_pdf(designed_pdf(), printed=True)[0] if isinstance(b, Para)]
    social_worker = next(t for t in paras if "Not sure" in t)
    assert social_worker.count("☒") == 1 and "☒ No" in social_worker, paras
    assert sum(t.count("☒") for t in paras) == 2 and any("☒ Serious harm" in t for t in paras), paras
    assert any(t.strip() == "Other" for t in paras), paras   # the button wrapped onto its own line: not ringed


def large_print_pdf() -> bytes:
    """A large-print form: each numbered question in bold, a choice's options as a small bracketed hint under it, and
    the answer in a ruled box below."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 60
    for question, hint, answer in [("1. Name of referrer", None, "Ruth Olawale"),
                                   ("2. Email", None, "ruth.olawale@nannies.co.uk"),
                                   ("3. Child's name", None, "Amelia Stone"),
                                   ("4. Date of birth", None, "12/06/2019"),
                                   ("5. Date of incident", None, "05/03/2026"),
                                   ("6. What happened", None, "Amelia was found alone at home."),
                                   ("7. Police involvement?", "(Yes / No / Don't know)", "Yes"),
                                   ("8. Abuse or neglect suspected?", "(Yes / No / Don't know)", "")]:
        c.setFont(BOLD, 16)
        c.drawString(40, y, question)
        if hint:
            y -= 16
            c.setFont(PLAIN, 11)
            c.drawString(40, y, hint)
        c.rect(40, y - 34, 500, 26, stroke=1, fill=0)
        c.setFont(PLAIN, 16)
        c.drawString(46, y - 27, answer)
        y -= 60
    c.save()
    return out.getvalue()


def test_a_bracketed_hint_listing_the_options_is_no_answer(monkeypatch):
    # the hint under the question is how to answer; the answer is in the box below it (trained reader: the rule
    # reader does not read questions over boxes)
    assert tristate("(Yes / No / Don't know)") is None and tristate("Ydy / Yes") is True
    blocks = read_pdf(large_print_pdf(), printed=True)[0]
    assert ["Yes"] in [r for b in blocks if isinstance(b, Table) for r in b.rows]   # the box's own answer, no hint over it
    monkeypatch.setenv("INTAKE_READER", "model")
    rec = parse_bytes(large_print_pdf(), "form.pdf").record
    assert rec["criteria"]["abuse_or_neglect_suspected"] is None   # only the hint under the question: unanswered
    assert rec["incident"]["police_involved"] is True                # the box's answer under the hint


def test_a_ring_round_an_option_beside_an_answer_box_still_marks_it():
    # 'please specify' drawn as a rounded box just after the ringed option: a box for an answer, not a button
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 80
    c.setFont(PLAIN, 10)
    c.drawString(40, y, "Ethnicity:")
    x = 110
    for option in ("White", "Black", "Asian", "Other"):
        c.drawString(x, y, option)
        if option == "Other":
            c.ellipse(x - 5, y - 5, x + c.stringWidth(option, PLAIN, 10) + 5, y + 11, stroke=1, fill=0)
            x += c.stringWidth(option, PLAIN, 10) + 12
        else:
            x += c.stringWidth(option, PLAIN, 10) + 20
    c.roundRect(x, y - 5, 160, 16, 4, stroke=1, fill=0)
    c.drawString(x + 4, y, "Roma")
    c.save()
    text = next(b.text for b in read_pdf(out.getvalue(), printed=True)[0] if isinstance(b, Para) and "Ethnicity" in b.text)
    assert "☒ Other" in text and text.count("☒") == 1, text


def test_bold_headings_over_paragraphs_with_an_indented_first_line_are_no_fields():
    # two columns of notes, each a bold heading over a paragraph whose first line is indented: not answers in fields
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    y = A4[1] - 80
    columns = [("Family composition", ["Ann lives with her mother and two", "older brothers in a rented flat.",
                                       "Her father visits at weekends."]),
               ("Education", ["Ann attends Leeds Primary School", "and her attendance has fallen", "this term."])]
    for k, (heading, lines) in enumerate(columns):
        x = 40 + 270 * k
        c.setFont(BOLD, 9)
        c.drawString(x, y, heading)
        c.setFont(PLAIN, 10.5)
        for j, line in enumerate(lines):
            c.drawString(x + (5 if j == 0 else 0), y - 15 - 13 * j, line)
    c.save()
    rows = [r for b in read_pdf(out.getvalue(), printed=True)[0] if isinstance(b, Table) for r in b.rows]
    assert ["Family composition", "Ann lives with her mother and two"] not in rows, rows



def sidebar_pdf() -> bytes:
    """A helpdesk ticket printed from the browser: a header band, the conversation down the left, and a panel of
    ticket fields down the right drawn as one tall box."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    w, h = A4
    c.rect(0, h - 30, w, 30)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, h - 20, "Helpdesk - ticket #4410 - printed view")
    c.rect(396, 30, 170, h - 62)
    y = h - 60
    for label, answer in [("Requester", "Dana Whitlow"), ("Email", "dana.whitlow@example.gov.uk"),
                          ("Telephone", "0151 496 0123"), ("Priority", "High")]:
        c.setFont("Helvetica-Bold", 8)
        c.drawString(402, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(402, y - 12, answer)
        y -= 32
    c.setFont("Helvetica", 10)
    y = h - 60
    for line in ["Child's full name: Robin Tey", "Date of birth: 04/05/2019", "What happened: Robin was found",
                 "with a burn to the hand.", "Date of incident: 02/03/2026"]:
        c.drawString(40, y, line)
        y -= 16
    c.save()
    return out.getvalue()


def test_a_panel_down_the_page_is_no_box_holding_a_label_and_its_answer():
    # Its height (most of the page) says it holds many questions; the conversation beside it is not its label.
    blocks, _ = read_pdf(sidebar_pdf(), printed=True)
    texts = [b.text for b in blocks if isinstance(b, Para)]
    assert any(t.startswith("Child's full name: Robin Tey") for t in texts)
    assert any(t.startswith("Date of incident: 02/03/2026") for t in texts)
    assert not [cell for b in blocks if isinstance(b, Table) for row in b.rows for cell in row if "Robin Tey" in cell]
