"""A form printed from a database or a web page: two label | box pairs to a line, each label printed to the left of
its box and wrapping under itself when it is too long for its column, and drop-down lists drawn as a box with a
small button holding a down arrow against its right edge. Drawn with reportlab, read for real."""

from __future__ import annotations

import io

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import Para, Table
from parsers.pdf_reader import read_pdf, side_frames

# (left label lines, left answer, right label lines, right answer, right is a drop-down list)
ROWS = [
    (["Name of person", "referring:"], "Imogen Castellano", ["Job title:"], "Community Nurse", False),
    (["Email:"], "i.castellano@example.nhs.uk", ["Telephone:"], "07700 900318", False),
    (["Child's forename(s):"], "Reuben", ["Child's surname:"], "Ashdown", False),
    (["Date of birth:"], "03/07/2015", ["Gender:"], "Male", True),
    (["Date of the", "incident:"], "21/11/2026", ["Police informed?"], "Yes", True),
]


def database_print(rows=ROWS) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 790, "Referral for a serious incident")
    y = 740.0
    for left_label, left_answer, right_label, right_answer, listed in rows:
        for x_label, x_box, label, answer, drop in ((40, 140, left_label, left_answer, False),
                                                    (300, 400, right_label, right_answer, listed)):
            c.setFont("Helvetica", 8)
            for k, line in enumerate(label):       # a long label wraps under itself, below its box's top
                c.drawString(x_label, y + 5 - k * 10, line)
            c.setStrokeGray(0.4)
            c.setFillGray(1)
            c.rect(x_box, y, 150, 16, fill=1)       # the answer box
            c.setFillGray(0)
            c.drawString(x_box + 3, y + 5, answer)
            if drop:                                # the list's button: a grey square, a dark arrow pointing down
                c.setFillGray(0.93)
                c.rect(x_box + 150 - 12, y + 1, 11, 14, fill=1)
                c.setFillGray(0.2)
                path = c.beginPath()
                path.moveTo(x_box + 141, y + 10)
                path.lineTo(x_box + 147, y + 10)
                path.lineTo(x_box + 144, y + 6)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
                c.setFillGray(0)
        y -= 30
    c.save()
    return out.getvalue()


def _rows(data: bytes) -> list[list[str]]:
    return [r for b in read_pdf(data, printed=True)[0] if isinstance(b, Table) for r in b.rows]


def test_each_label_is_the_cell_before_its_box_and_a_wrapped_label_is_read_whole():
    rows = _rows(database_print())
    assert ["Name of person referring:", "Imogen Castellano", "Job title:", "Community Nurse"] in rows
    assert ["Date of the incident:", "21/11/2026", "Police informed?", "Yes"] in rows


def test_a_drop_down_lists_button_is_no_tick_box_and_does_not_split_its_answer():
    rows = _rows(database_print())
    assert ["Date of birth:", "03/07/2015", "Gender:", "Male"] in rows
    assert not any("☒" in cell or "☐" in cell for r in rows for cell in r)


def test_the_printed_form_is_parsed_field_by_field():
    r = parse_bytes(database_print(), "printed.pdf")
    assert r.status == "parsed", r.warnings
    rec = r.record
    assert rec["referrer"]["name"] == "Imogen Castellano"
    assert rec["referrer"]["role"] == "Community Nurse"
    assert rec["children"][0]["name"] == "Reuben Ashdown"
    assert rec["children"][0]["dob"] == "2015-07-03"
    assert rec["incident"]["police_involved"] is True


def test_a_small_square_with_no_arrow_in_an_answer_box_is_still_read():
    """Only a square holding a down arrow is a list's button: a tick box beside an option keeps its mark."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    c.drawString(40, 745, "Police informed?")
    c.rect(140, 740, 150, 18)
    c.drawString(145, 746, "Yes")
    c.rect(166, 744, 9, 9)
    c.drawString(167, 746, "X")
    c.drawString(185, 746, "No")
    c.rect(202, 744, 9, 9)
    c.save()
    text = " ".join(cell for r in _rows(out.getvalue()) for cell in r) + " ".join(
        b.text for b in read_pdf(out.getvalue(), printed=True)[0] if not isinstance(b, Table))
    assert "☒" in text and "☐" in text


def _boxed_account(lines: list[str], box_width: float = 330.0) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    c.drawString(40, 775, "Child's name")
    c.rect(140, 770, box_width, 16)
    c.drawString(144, 775, "Lena Marsh")
    c.drawString(40, 745, "What happened")
    c.rect(140, 740 - 12 * (len(lines) - 1), box_width, 12 * (len(lines) - 1) + 16)
    for k, line in enumerate(lines):
        c.drawString(144, 745 - 12 * k, line)
    c.save()
    return out.getvalue()


# the producer wrapped these at 300 points in a box 330 wide: its margin is wider than a reader can assume
WRAPPED = ["Lena was left alone in the flat overnight by her mother and was found",
           "by a neighbour at seven the next morning crying and hungry; she had",
           "bruises on both arms.",
           "Police attended and took her to hospital."]


def test_a_line_wrapped_short_of_the_box_is_joined_to_the_next():
    widths = [stringWidth(line, "Helvetica", 9) for line in WRAPPED]
    nxt = stringWidth("bruises", "Helvetica", 9)
    # the case itself: the next word fits inside the box, but not within the longest line, so it was wrapped
    assert 144 + widths[1] + 4 + nxt < 140 + 330 - 5 and widths[1] + 4 + nxt > max(widths)
    rows = _rows(_boxed_account(WRAPPED))
    account = next(r[1] for r in rows if r[0] == "What happened")
    assert account.split("\n") == [" ".join(WRAPPED[:3]), WRAPPED[3]]


def framed_sections() -> bytes:
    """A desktop-publishing form: sections in frames with rounded corners, two frames side by side, each a title and
    small labels over their answers, the two frames' lines level with each other."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, 800, "Referral to the Safeguarding Partnership")
    frames = [("1 Referrer", [("NAME", "Nadia Ndlovu"), ("ROLE", "Recovery Technician"),
                              ("EMAIL", "nadia.ndlovu@example.co.uk"), ("PHONE", "0115 496 0498")]),
              ("2 Safeguarding lead", [("NAME", "Sarah Szabo"), ("ROLE", "Head of Customer Vulnerability"),
                                       ("EMAIL", "sarah.szabo@example.co.uk"), ("PHONE", "07700 900046")])]
    for k, (title, rows) in enumerate(frames):
        x = 36 + k * 268
        c.setStrokeGray(0.3)
        c.roundRect(x, 560, 255, 220, 8)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x + 8, 762, title)
        y = 740
        for label, answer in rows:
            c.setFont("Helvetica", 6)
            c.drawString(x + 8, y, label)
            c.setFont("Helvetica", 9)
            c.drawString(x + 8, y - 11, answer)
            y -= 30
    c.save()
    return out.getvalue()


def test_frames_side_by_side_are_read_one_after_the_other():
    texts = [b.text for b in read_pdf(framed_sections(), printed=True)[0] if isinstance(b, Para)]
    left, right = texts.index("1 Referrer"), texts.index("2 Safeguarding lead")
    assert left < texts.index("Nadia Ndlovu") < texts.index("0115 496 0498") < right < texts.index("Sarah Szabo")


def test_each_frames_answers_are_its_own():
    rec = parse_bytes(framed_sections(), "framed.pdf").record
    assert (rec["referrer"]["name"], rec["referrer"]["phone"]) == ("Nadia Ndlovu", "01154960498")
    assert (rec["safeguarding_lead"]["name"], rec["safeguarding_lead"]["phone"]) == ("Sarah Szabo", "07700900046")


def _rounded_cells(pairs: list[tuple[str, str]], cards: bool) -> bytes:
    """Rounded label cells beside rounded answer cells (cards=False), or rounded cards two to a row, each a small label
    over its answer (cards=True): cells, not sections, so no frame of them is read on its own."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 800, "Referral to the Safeguarding Partnership")
    y = 760.0
    for k, (label, answer) in enumerate(pairs):
        if cards:
            x, y = (40 if k % 2 == 0 else 300), 760.0 - (k // 2) * 44
            c.roundRect(x, y, 242, 34, 6)
            c.setFont("Helvetica", 7)
            c.drawString(x + 6, y + 23, label)
            c.setFont("Helvetica", 10)
            c.drawString(x + 6, y + 8, answer)
        else:
            c.roundRect(40, y, 150, 32, 6)
            c.roundRect(200, y, 339, 32, 6)
            c.setFont("Helvetica", 9)
            c.drawString(46, y + 12, label)
            c.drawString(206, y + 12, answer)
            y -= 40
    c.save()
    return out.getvalue()


PAIRS = [("Name of referrer", "Helen Obi"), ("Organisation", "Hillside Primary School"),
         ("Email", "helen.obi@hillside.sch.uk"), ("Telephone", "0151 496 0123"), ("Child's name", "Mia Carter"),
         ("Date of birth", "04/07/2018"), ("Date of incident", "08/03/2026")]


def test_rounded_label_and_answer_cells_are_no_frames():
    for cards in (False, True):
        with pdfplumber.open(io.BytesIO(_rounded_cells(PAIRS, cards))) as pdf:
            page = pdf.pages[0]
            assert side_frames(page, page.extract_words()) == [], cards
        rec = parse_bytes(_rounded_cells(PAIRS, cards), "cells.pdf").record
        assert (rec["referrer"]["name"], rec["children"][0]["dob"]) == ("Helen Obi", "2018-07-04"), cards
