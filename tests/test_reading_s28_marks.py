"""Session 28: three ways a referrer shows (or does not show) which printed option applies, tested from their
description through the public entry point, parse_bytes, on real files built in tmp_path.

(1) PDF: a Word form saved as PDF prints every yes/no and gender answer as all its options ('Yes / No / Not known
    (delete as appropriate)', 'Female / Male / Other'); the referrer struck out the options that do not apply with a
    PDF viewer's strike-out tool (/StrikeOut markup annotations with /QuadPoints around each struck word; the page
    content is unchanged). The option left unstruck is the answer; nothing struck is no answer. Control: the same PDF
    without the annotations gives no answer for those questions.
(2) Word: 'Show your answer by changing the colour of the option that applies': the chosen option's run in a colour
    of its own (red, blue, green, dark red), the others automatic/black; in one paragraph or a paragraph each.
    Controls: all black, all the same colour, a grey option (not a mark), an ordinary typed answer in blue.
(3) PDF: an e-form's print 'Yes No Not known to us' / 'No Yes Prefer not to say' (every option on one line, the
    chosen one shown only by its weight, or not at all) is no answer, never 'Yes'. Controls: 'Yes - the police
    attended', 'Yes', 'No' still read.

reportlab (canvas, invariant=1) for the PDFs, pypdf for the annotations, tests/docx_xml.package for Word."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                           TextStringObject)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from tests.docx_xml import package, row, table


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    """The default reading (both readers), whatever the shell running the tests has set."""
    monkeypatch.delenv("INTAKE_READER", raising=False)


# =====================================================================================================================
# The referral every form carries
# =====================================================================================================================

SUMMARY = ("Leo was brought to Stepping Hill Hospital with a fractured upper arm and bruising to his back. "
           "The explanation given by his mother's partner did not fit the injuries.")

# (key, printed label, typed answer); the choice questions' answers are given per test
QUESTIONS = [
    ("date_of_referral", "Date of referral", "09/03/2026"),
    ("referrer_name", "Referrer name", "Hannah Okafor"),
    ("referrer_phone", "Referrer telephone", "0161 496 0732"),
    ("referrer_email", "Referrer email", "h.okafor@stockport.gov.uk"),
    ("child_name", "Child's full name", "Leo Brennan"),
    ("child_dob", "Date of birth", "22/11/2019"),
    ("gender", "Gender", None),
    ("address", "Home address", "14 Marple Road, Stockport, SK2 6EL"),
    ("cp_plan", "Is the child subject to a child protection plan?", None),
    ("open_to_csc", "Is the child open to children's social care?", None),
    ("discussed", "Have you discussed this referral with your safeguarding lead?", None),
    ("incident_date", "Date of incident", "02/03/2026"),
    ("police", "Were the police involved?", None),
    ("summary", "Brief summary of the incident", SUMMARY),
]
CHOICES = ("gender", "cp_plan", "open_to_csc", "discussed", "police")

READ_TYPED = {
    "date_of_referral": "2026-03-09",
    "referrer.name": "Hannah Okafor",
    "referrer.phone": "01614960732",
    "referrer.email": "h.okafor@stockport.gov.uk",
    "child.name": "Leo Brennan",
    "child.dob": "2019-11-22",
    "child.address": "14 Marple Road, Stockport, SK2 6EL",
    "incident.date": "2026-03-02",
}


def _record(data: bytes, name: str) -> dict:
    result = parse_bytes(data, name)
    assert result.status == "parsed", (result.status, getattr(result, "reason", None))
    assert result.record is not None
    return result.record


def _typed(rec: dict) -> dict:
    child = (rec["children"] or [{}])[0]
    return {
        "date_of_referral": rec["date_of_referral"],
        "referrer.name": rec["referrer"]["name"],
        "referrer.phone": rec["referrer"]["phone"],
        "referrer.email": rec["referrer"]["email"],
        "child.name": child.get("name"),
        "child.dob": child.get("dob"),
        "child.address": child.get("address"),
        "incident.date": rec["incident"]["date"],
    }


def _choices(rec: dict) -> dict:
    """The five choice answers, all at once so that a failure shows every one missed."""
    child = (rec["children"] or [{}])[0]
    return {
        "gender": child.get("gender"),
        "cp_plan": child.get("cp_plan"),
        "open_to_csc": child.get("open_to_csc"),
        "discussed": rec["safeguarding_lead"]["discussed"],
        "police": rec["incident"]["police_involved"],
    }


NONE_CHOSEN = {"gender": None, "cp_plan": None, "open_to_csc": None, "discussed": None, "police": None}

# =====================================================================================================================
# 1. PDF: options struck out with a PDF viewer's strike-out tool
# =====================================================================================================================

FONT, BOLD, SIZE = "Helvetica", "Helvetica-Bold", 10
ASCENT, DESCENT = 7.2, -2.1   # Helvetica's, per point of size / 10 at size 10 (what a viewer's text selection spans)
GENDER_OPTIONS = ["Female", "Male", "Other"]
YES_NO_OPTIONS = ["Yes", "No", "Not known"]
DELETE = " (delete as appropriate)"

LABEL_X, ANSWER_X, RIGHT = 50, 250, 545
ANSWER_WIDTH = RIGHT - ANSWER_X - 10


def _word_form_pdf() -> tuple[bytes, dict]:
    """A Word form saved as PDF: a ruled label | answer table; each choice's answer cell prints all its options
    ('Female / Male / Other', 'Yes / No / Not known (delete as appropriate)'). Returns the PDF and, per choice
    question, each option's words as [(word, x, baseline y, width)]."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setTitle("Case Referral Form")
    y = 800
    c.setFont(BOLD, 16)
    c.drawString(LABEL_X, y, "Case Referral Form")
    y -= 18
    c.setFont(FONT, 9)
    c.drawString(LABEL_X, y, "OFFICIAL-SENSITIVE when complete. Please delete as appropriate where options are given.")
    y -= 20
    spots: dict[str, dict[str, list]] = {}
    top = y
    c.setLineWidth(0.5)
    c.line(LABEL_X - 6, top, RIGHT, top)
    for key, label, answer in QUESTIONS:
        label_lines = simpleSplit(label, BOLD, SIZE, ANSWER_X - LABEL_X - 16)
        if key in CHOICES:
            options = GENDER_OPTIONS if key == "gender" else YES_NO_OPTIONS
            answer_lines = [" / ".join(options) + ("" if key == "gender" else DELETE)]
        else:
            answer_lines = simpleSplit(answer, FONT, SIZE, ANSWER_WIDTH)
        height = 14 * max(len(label_lines), len(answer_lines)) + 8
        base = y - 14
        c.setFont(BOLD, SIZE)
        for k, text in enumerate(label_lines):
            c.drawString(LABEL_X, base - 14 * k, text)
        c.setFont(FONT, SIZE)
        for k, text in enumerate(answer_lines):
            c.drawString(ANSWER_X, base - 14 * k, text)
        if key in CHOICES:
            x, where = ANSWER_X, {}
            for n, option in enumerate(options):
                words, wx = [], x
                for word in option.split():
                    w = c.stringWidth(word, FONT, SIZE)
                    words.append((word, wx, base, w))
                    wx += w + c.stringWidth(" ", FONT, SIZE)
                where[option] = words
                x += c.stringWidth(option + " / ", FONT, SIZE)
            spots[key] = where
        y -= height
        c.line(LABEL_X - 6, y, RIGHT, y)
    for x in (LABEL_X - 6, ANSWER_X - 6, RIGHT):
        c.line(x, top, x, y)
    c.setFont(FONT, 8)
    c.drawString(LABEL_X, 40, "Stockport Safeguarding Children Partnership | Referral form v4 | Page 1 of 1")
    c.showPage()
    c.save()
    return out.getvalue(), spots


def _strike_out(pdf: bytes, struck: list[tuple[str, float, float, float]], colour=(1, 0, 0),
                appearance: bool = True, flags: int = 4) -> bytes:
    """The PDF with a /StrikeOut markup annotation (as a PDF viewer's strike-out tool adds it) over each struck
    (text, x, baseline y, width) on page 1: /QuadPoints upper-left, upper-right, lower-left, lower-right around the
    text, a /Rect around that, the colour /C and, with ``appearance``, an /AP stream drawing the line through it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    page = writer.pages[0]
    if "/Annots" not in page:
        page[NameObject("/Annots")] = ArrayObject()
    annots = page["/Annots"]
    for n, (text, x, y, width) in enumerate(struck):
        top, bottom = y + ASCENT + 1.5, y + DESCENT - 0.8
        rect = [x - 0.5, bottom - 0.5, x + width + 0.5, top + 0.5]
        quad = [x, top, x + width, top, x, bottom, x + width, bottom]
        annot = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/StrikeOut"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
            NameObject("/QuadPoints"): ArrayObject([FloatObject(v) for v in quad]),
            NameObject("/C"): ArrayObject([FloatObject(v) for v in colour]),
            NameObject("/CA"): FloatObject(1),
            NameObject("/F"): NumberObject(flags),
            NameObject("/T"): TextStringObject("Hannah Okafor"),
            NameObject("/Contents"): TextStringObject(text),
            NameObject("/NM"): TextStringObject(f"strike-{n:03d}"),
            NameObject("/M"): TextStringObject("D:20260309101500Z"),
            NameObject("/CreationDate"): TextStringObject("D:20260309101500Z"),
            NameObject("/P"): page.indirect_reference,
        })
        if appearance:
            mid = y + (ASCENT + DESCENT) / 2
            stream = DecodedStreamObject()
            stream.set_data(f"q {colour[0]} {colour[1]} {colour[2]} RG 0.9 w {x:.2f} {mid:.2f} m "
                            f"{x + width:.2f} {mid:.2f} l S Q".encode())
            stream.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                           NameObject("/BBox"): ArrayObject([FloatObject(v) for v in rect]),
                           NameObject("/Resources"): DictionaryObject()})
            annot[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(stream)})
        annots.append(writer._add_object(annot))
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def _struck(spots: dict, strike: dict[str, list[str]], per_word: bool) -> list[tuple[str, float, float, float]]:
    """The (text, x, y, width) to strike: each option of ``strike[question]``, as one quadrilateral per option or
    (``per_word``) one annotation per word ('Not', 'known')."""
    out = []
    for key, options in strike.items():
        for option in options:
            words = spots[key][option]
            if per_word:
                out += words
            else:
                (_, x, y, _), (*_, last_x, _, last_w) = words[0], words[-1]
                out.append((option, x, y, last_x + last_w - x))
    return out


# The options struck, and what is left unstruck (the answer)
STRIKE_A = {"gender": ["Female", "Other"], "cp_plan": ["Yes", "Not known"], "open_to_csc": ["No", "Not known"],
            "police": ["No", "Not known"]}   # 'discussed' left with nothing struck
READ_A = {"gender": "male", "cp_plan": False, "open_to_csc": True, "discussed": None, "police": True}
STRIKE_B = {"gender": ["Female", "Male"], "cp_plan": ["No", "Not known"], "open_to_csc": ["Yes", "No"],
            "discussed": ["No", "Not known"], "police": ["Yes", "Not known"]}   # 'Not known' left for open_to_csc
READ_B = {"gender": "other", "cp_plan": True, "open_to_csc": None, "discussed": True, "police": False}
STRIKE_C = {"gender": ["Male", "Other"], "cp_plan": ["Yes", "Not known"], "open_to_csc": ["Yes", "Not known"],
            "discussed": ["Yes", "Not known"], "police": ["Yes", "No"]}
READ_C = {"gender": "female", "cp_plan": False, "open_to_csc": False, "discussed": False, "police": None}


def test_pdf_word_form_control_reads_its_typed_answers_and_no_choice_when_nothing_is_struck():
    """Control: the PDF without any annotation prints every option of each choice and marks none, so gender, the
    CP plan, open to social care, discussed with the lead and police involvement are all null; the typed answers
    around them are read."""
    pdf, _ = _word_form_pdf()
    rec = _record(pdf, "form.pdf")
    assert _typed(rec) == READ_TYPED
    assert _choices(rec) == NONE_CHOSEN


@pytest.mark.parametrize("strike, expected, per_word, appearance, colour", [
    pytest.param(STRIKE_A, READ_A, False, True, (1, 0, 0), id="male-no-yes-blank-yes_per-option_with-AP_red"),
    pytest.param(STRIKE_B, READ_B, True, False, (0.9, 0.1, 0.1), id="other-yes-notknown-yes-no_per-word_no-AP"),
    pytest.param(STRIKE_C, READ_C, True, True, (0, 0, 1), id="female-no-no-no-notknown_per-word_with-AP_blue"),
])
def test_pdf_options_struck_out_with_strikeout_annotations_leave_the_unstruck_option_as_the_answer(
        strike, expected, per_word, appearance, colour):
    """Each option that does not apply struck out with a /StrikeOut annotation (page content unchanged): the option
    left unstruck is the answer (Yes -> true, No -> false, the gender word); a question with nothing struck, or with
    'Not known' left, is null. The typed answers are still read."""
    pdf, spots = _word_form_pdf()
    marked = _strike_out(pdf, _struck(spots, strike, per_word), colour=colour, appearance=appearance)
    # the annotations really are on the page and the page content is the same
    assert len(PdfReader(io.BytesIO(marked)).pages[0]["/Annots"]) == len(_struck(spots, strike, per_word))
    assert PdfReader(io.BytesIO(marked)).pages[0].extract_text() == PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    rec = _record(marked, "form.pdf")
    assert _choices(rec) == expected
    assert _typed(rec) == READ_TYPED


def test_pdf_strikeout_of_a_single_question_answers_only_that_question():
    """Only the police question's 'No' and 'Not known' struck: police involved is true, every other choice (all its
    options printed, none struck) stays null."""
    pdf, spots = _word_form_pdf()
    marked = _strike_out(pdf, _struck(spots, {"police": ["No", "Not known"]}, per_word=False))
    rec = _record(marked, "form.pdf")
    assert _choices(rec) == {**NONE_CHOSEN, "police": True}


def test_pdf_strikeout_annotations_the_viewer_hides_delete_nothing():
    """(From the session-28 review.) The same strike-outs flagged Hidden (/F 2): the viewer does not show them, so
    nothing is struck and every choice stays null, as on the form with no annotations."""
    pdf, spots = _word_form_pdf()
    marked = _strike_out(pdf, _struck(spots, STRIKE_A, per_word=False), flags=2)
    rec = _record(marked, "form.pdf")
    assert _choices(rec) == NONE_CHOSEN
    assert _typed(rec) == READ_TYPED


# =====================================================================================================================
# 2. Word: a choice shown by changing the colour of the option that applies
# =====================================================================================================================

WORD_OPTIONS = {"gender": ["Female", "Male", "Other"], "cp_plan": ["Yes", "No", "Not known"],
                "open_to_csc": ["Yes", "No", "Not known"], "discussed": ["Yes", "No", "Not known"],
                "police": ["Yes", "No", "Not known"]}
INSTRUCTION = "Show your answer by changing the colour of the option that applies."


def _run(text: str, colour: str | None = None) -> str:
    rpr = f'<w:rPr><w:color w:val="{colour}"/></w:rPr>' if colour else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _options_cell(options: list[str], colours: dict[str, str | None], default: str | None,
                  per_paragraph: bool) -> str:
    """The options of one answer cell, each option's run in ``colours.get(option, default)``: in one paragraph
    separated by three-space runs, or a paragraph each."""
    runs = [_run(o, colours.get(o, default)) for o in options]
    if per_paragraph:
        return "".join(f"<w:p>{r}</w:p>" for r in runs)
    return "<w:p>" + _run("   ").join(runs) + "</w:p>"


def _colour_form_docx(cells: dict[str, str]) -> bytes:
    """A Word referral form: title, the instruction, and a label | answer table; the choice questions' answer cells
    are given (XML of the cell's paragraphs)."""
    rows = []
    for key, label, answer in QUESTIONS:
        label_cell = f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{label}</w:t></w:r></w:p>'
        answer_cell = cells[key] if key in CHOICES else f"<w:p>{_run(answer)}</w:p>"
        rows.append(row(label_cell, answer_cell))
    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>'
            '<w:t>Case Referral Form</w:t></w:r></w:p>'
            f'<w:p>{_run(INSTRUCTION)}</w:p>'
            + table(*rows) +
            '<w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>')
    return package(body)


def _coloured(chosen: dict[str, str | None], colour: str, others: str | None, per_paragraph: bool = False,
              extra: dict[str, dict[str, str]] | None = None) -> bytes:
    """Each choice question with ``chosen[key]`` in ``colour`` (nothing coloured where None) and the other options in
    ``others`` (None: no colour, i.e. automatic); ``extra``: further per-option colours."""
    cells = {}
    for key, options in WORD_OPTIONS.items():
        colours = dict((extra or {}).get(key, {}))
        if chosen.get(key):
            colours[chosen[key]] = colour
        cells[key] = _options_cell(options, colours, others, per_paragraph)
    return _colour_form_docx(cells)


CHOSEN_1 = {"gender": "Female", "cp_plan": "No", "open_to_csc": "Yes", "discussed": "Yes", "police": "No"}
READ_1 = {"gender": "female", "cp_plan": False, "open_to_csc": True, "discussed": True, "police": False}
CHOSEN_2 = {"gender": "Male", "cp_plan": "Yes", "open_to_csc": "No", "discussed": "No", "police": "Yes"}
READ_2 = {"gender": "male", "cp_plan": True, "open_to_csc": False, "discussed": False, "police": True}


def test_word_colour_form_control_reads_its_typed_answers():
    """The Word form with one option coloured per choice: its typed answers (referrer, child, dates) are read."""
    rec = _record(_coloured(CHOSEN_1, "FF0000", None), "form.docx")
    assert _typed(rec) == READ_TYPED


@pytest.mark.parametrize("colour, others", [("FF0000", None), ("0000FF", "000000"), ("00B050", "auto"),
                                            ("C00000", None)])
@pytest.mark.parametrize("chosen, expected", [(CHOSEN_1, READ_1), (CHOSEN_2, READ_2)], ids=["set1", "set2"])
def test_word_option_run_in_a_colour_of_its_own_in_one_paragraph_is_the_answer(chosen, expected, colour, others):
    """'Yes   No   Not known' (and 'Female   Male   Other') in one paragraph, the chosen option's run in red / blue /
    green / dark red, the others automatic or black: the coloured option is the answer."""
    rec = _record(_coloured(chosen, colour, others), "form.docx")
    assert _choices(rec) == expected


@pytest.mark.parametrize("colour", ["FF0000", "0000FF"])
@pytest.mark.parametrize("chosen, expected", [(CHOSEN_1, READ_1), (CHOSEN_2, READ_2)], ids=["set1", "set2"])
def test_word_option_paragraph_in_a_colour_of_its_own_in_a_cell_is_the_answer(chosen, expected, colour):
    """The options a paragraph each in the answer cell, the chosen paragraph's run coloured: it is the answer."""
    rec = _record(_coloured(chosen, colour, None, per_paragraph=True), "form.docx")
    assert _choices(rec) == expected


@pytest.mark.parametrize("per_paragraph", [False, True], ids=["one-paragraph", "paragraph-each"])
@pytest.mark.parametrize("others", [None, "000000"], ids=["automatic", "black"])
def test_word_options_all_black_are_no_answer(others, per_paragraph):
    """Control: every option automatic / black (no colour changed): nothing is chosen, every choice is null."""
    rec = _record(_coloured({}, "FF0000", others, per_paragraph=per_paragraph), "form.docx")
    assert _choices(rec) == NONE_CHOSEN
    assert _typed(rec) == READ_TYPED


@pytest.mark.parametrize("per_paragraph", [False, True], ids=["one-paragraph", "paragraph-each"])
@pytest.mark.parametrize("colour", ["0000FF", "FF0000"])
def test_word_options_all_in_the_same_colour_are_no_answer(colour, per_paragraph):
    """Control: every option of every choice in the same colour (a form printed in blue): no option stands out, so
    every choice is null."""
    rec = _record(_coloured({}, colour, colour, per_paragraph=per_paragraph), "form.docx")
    assert _choices(rec) == NONE_CHOSEN


def test_word_grey_option_is_not_a_mark():
    """Control: one option of each choice in grey (808080, how a form greys out an option), the others automatic:
    grey is not a colour marking the answer, so every choice is null."""
    grey = {"gender": "Other", "cp_plan": "Not known", "open_to_csc": "Yes", "discussed": "No", "police": "Yes"}
    rec = _record(_coloured(grey, "808080", None), "form.docx")
    assert _choices(rec) == NONE_CHOSEN


def test_word_grey_option_beside_a_red_one_leaves_the_red_as_the_answer():
    """A greyed-out 'Not known' (808080) in each yes/no choice and a greyed 'Other' in gender, and the chosen option
    in red: the grey is no mark, so the red option is the answer."""
    extra = {"gender": {"Other": "808080"}, **{k: {"Not known": "808080"} for k in CHOICES if k != "gender"}}
    rec = _record(_coloured(CHOSEN_1, "FF0000", None, extra=extra), "form.docx")
    assert _choices(rec) == READ_1


def test_word_ordinary_typed_answer_in_blue_still_reads():
    """Control: answers typed as ordinary text in blue (one word alone in the cell, no options printed) are read as
    typed: 'Yes' true, 'No' false, 'Female' female."""
    cells = {"gender": f"<w:p>{_run('Female', '0000FF')}</w:p>", "cp_plan": f"<w:p>{_run('No', '0000FF')}</w:p>",
             "open_to_csc": f"<w:p>{_run('Yes', '0000FF')}</w:p>", "discussed": f"<w:p>{_run('Yes', '0000FF')}</w:p>",
             "police": f"<w:p>{_run('Yes', '0000FF')}</w:p>"}
    rec = _record(_colour_form_docx(cells), "form.docx")
    assert _choices(rec) == {"gender": "female", "cp_plan": False, "open_to_csc": True, "discussed": True,
                             "police": True}
    assert _typed(rec) == READ_TYPED


# =====================================================================================================================
# 3. PDF: an e-form's print with every option on one line and no mark
# =====================================================================================================================

EFORM_ANSWER_X = 360   # wide enough for every label on one line (a label wrapped over two lines is another question)


def _eform_pdf(answers: dict[str, list[tuple[str, str]]]) -> bytes:
    """A browser's print of an online referral form: label (bold, one line) | answer, unruled; each choice's answer
    as the given [(text, font)] pieces on one line, one space apart."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    c.setTitle("Case Referral Form - Online referral portal")
    c.setFont(FONT, 8)
    c.drawString(LABEL_X, 820, "09/03/2026, 10:41   Case Referral Form - Online referral portal")
    y = 790
    c.setFont(BOLD, 15)
    c.drawString(LABEL_X, y, "Case Referral Form")
    y -= 16
    c.setFont(FONT, 9)
    c.drawString(LABEL_X, y, "Submission reference CRF-2026-01187")
    y -= 22
    for key, label, answer in QUESTIONS:
        label_lines = simpleSplit(label, BOLD, SIZE, EFORM_ANSWER_X - LABEL_X - 10)
        assert len(label_lines) == 1, label_lines
        answer_lines = [None] if key in answers else simpleSplit(answer, FONT, SIZE, RIGHT - EFORM_ANSWER_X)
        c.setFont(BOLD, SIZE)
        for k, text in enumerate(label_lines):
            c.drawString(LABEL_X, y - 14 * k, text)
        if key in answers:
            x = EFORM_ANSWER_X
            for text, font in answers[key]:
                c.setFont(font, SIZE)
                c.drawString(x, y, text)
                x += c.stringWidth(text, font, SIZE) + c.stringWidth(" ", FONT, SIZE)
        else:
            c.setFont(FONT, SIZE)
            for k, text in enumerate(answer_lines):
                c.drawString(EFORM_ANSWER_X, y - 14 * k, text)
        y -= 14 * max(len(label_lines), len(answer_lines)) + 10
    c.setFont(FONT, 8)
    c.drawString(LABEL_X, 30, "https://referrals.example.gov.uk/forms/case-referral/view/CRF-2026-01187   1/1")
    c.showPage()
    c.save()
    return out.getvalue()


def _plain(*texts: str) -> list[tuple[str, str]]:
    return [(t, FONT) for t in texts]


YES_NO_LINE = ("Yes", "No", "Not known to us")
NO_YES_LINE = ("No", "Yes", "Prefer not to say")


def test_eform_line_of_every_option_unmarked_is_no_answer():
    """'Yes No Not known to us' (police, CP plan, open to social care) and 'No Yes Prefer not to say' (discussed with
    the lead), single spaces, all the same weight: nothing tells which is chosen, so each is null, never 'Yes'."""
    answers = {"gender": _plain("Male"), "cp_plan": _plain(*YES_NO_LINE), "open_to_csc": _plain(*YES_NO_LINE),
               "discussed": _plain(*NO_YES_LINE), "police": _plain(*YES_NO_LINE)}
    rec = _record(_eform_pdf(answers), "form.pdf")
    assert _choices(rec) == {"gender": "male", "cp_plan": None, "open_to_csc": None, "discussed": None,
                             "police": None}
    assert _typed(rec) == READ_TYPED


def test_eform_line_of_every_option_drawn_as_one_string_is_no_answer():
    """The same lines drawn as one string each ('Yes No Not known to us' in one text show): still null, not 'Yes'."""
    answers = {"gender": _plain("Male"), "cp_plan": _plain(" ".join(YES_NO_LINE)),
               "open_to_csc": _plain(" ".join(YES_NO_LINE)), "discussed": _plain(" ".join(NO_YES_LINE)),
               "police": _plain(" ".join(YES_NO_LINE))}
    rec = _record(_eform_pdf(answers), "form.pdf")
    assert _choices(rec) == {"gender": "male", "cp_plan": None, "open_to_csc": None, "discussed": None,
                             "police": None}


def test_eform_line_of_every_option_with_the_chosen_one_only_in_bold_is_not_yes():
    """The chosen option ('Not known to us', 'Prefer not to say') shown only by its weight (Helvetica-Bold among
    Helvetica): the line opens with a yes and a no, and the bold option is itself no answer, so each is null."""
    line = [("Yes", FONT), ("No", FONT), ("Not known to us", BOLD)]
    answers = {"gender": _plain("Male"), "cp_plan": line, "open_to_csc": line,
               "discussed": [("No", FONT), ("Yes", FONT), ("Prefer not to say", BOLD)], "police": line}
    rec = _record(_eform_pdf(answers), "form.pdf")
    assert _choices(rec) == {"gender": "male", "cp_plan": None, "open_to_csc": None, "discussed": None,
                             "police": None}


def test_eform_single_answers_still_read_yes_and_no():
    """Control: 'Yes - the police attended' and 'Yes' read true, 'No' false, on the same e-form print."""
    answers = {"gender": _plain("Female"), "cp_plan": _plain("No"), "open_to_csc": _plain("Yes"),
               "discussed": _plain("No"), "police": _plain("Yes - the police attended")}
    rec = _record(_eform_pdf(answers), "form.pdf")
    assert _choices(rec) == {"gender": "female", "cp_plan": False, "open_to_csc": True, "discussed": False,
                             "police": True}
    assert _typed(rec) == READ_TYPED
