"""Things printed beside or after a form that are no part of it: a pane down the side of every page (an app's list
of the form's sections, printed from a tablet), which pdfplumber finds as one 'table' with the band across the top
and which once swallowed the whole form; and a directory of useful contacts after the form, whose 'Service |
Contact | Telephone | Email' rows were once read as the agencies involved. Also an agencies table whose column
names are printed in one band across it. PDFs drawn with reportlab and Word files built with python-docx, read
for real."""

from __future__ import annotations

import io

from docx import Document
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from parsers import parse_bytes
from parsers.blocks import Para, drop_action_words
from parsers.pdf_reader import without_comment_markers
from parsers.picture import Item
from parsers.reader import _tabbed_header

FORM = [("1. About you", None), ("Your name", "Priya Raman"), ("Your role", "Patrol officer"),
        ("Email", "p.raman@example.org.uk"), ("2. The child", None), ("Child's full name", "Leo Marsh"),
        ("Date of birth", "12/06/2014"), ("Home address", "4 Mill Lane, Kellbrook"), ("3. Incident", None),
        ("Date of incident", "02/11/2025"),
        ("What happened", "Leo was struck by a car at the crossing after being left alone."),
        ("Police involved?", "Yes")]
SECTIONS = ["Sections", "- 1. About you  3/3", "- 2. The child  3/3", "- 3. Incident  3/3", "- 4. Criteria  0/5",
            "- 5. Agencies  0/1", "- 6. Risk now  0/1"]


def _pane_form(pane_lines: list[str], pane_step: float = 19, form_step: float = 21, pane_top: float = 72) -> bytes:
    """A landscape page as a tablet app prints it: a grey band across the top, a grey pane down the left holding
    `pane_lines`, and the form's label | answer rows on the right."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=landscape(A4), invariant=1)
    width, height = landscape(A4)
    c.setFillGray(0.96)
    c.rect(0, height - 34, width, 34, stroke=0, fill=1)
    c.rect(0, 0, 190, height - 34, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("Helvetica", 10)
    c.drawString(16, height - 20, "10:24")
    c.drawString(360, height - 20, "SafeNotify - Kellbrook County Council")
    for k, line in enumerate(pane_lines):
        c.drawString(14, height - pane_top - k * pane_step, line)
    y = height - 61
    for label, answer in FORM:
        c.drawString(214, y, label)
        if answer:
            c.drawString(434, y, answer)
        y -= form_step
    c.drawString(214, 20, "Printed from SafeNotify 2.6 on iPad")
    c.save()
    return out.getvalue()


def _values(record: dict) -> list[str]:
    out = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            out.append(v)
    walk(record)
    return out


def test_a_form_beside_a_side_pane_is_read(monkeypatch):
    for mode in ("both", "rules"):
        monkeypatch.setenv("INTAKE_READER", mode)
        r = parse_bytes(_pane_form(SECTIONS), "pane.pdf")
        assert r.status == "parsed", (mode, r.warnings)
        assert r.record["children"][0]["name"] == "Leo Marsh", mode
        assert r.record["referrer"]["email"] == "p.raman@example.org.uk", mode


def test_the_side_panes_lines_are_in_no_answer(monkeypatch):
    for mode in ("both", "rules"):
        monkeypatch.setenv("INTAKE_READER", mode)
        r = parse_bytes(_pane_form(SECTIONS), "pane.pdf")
        assert not [v for v in _values(r.record) if "3/3" in v or "Sections" in v], mode


def test_a_side_pane_that_holds_answers_of_the_form_is_read(monkeypatch):
    """A pane of the form's own ('Date of referral:' over its answer): read on its own, not left out."""
    lines = ["Your details", "Date of referral:", "12/01/2026", "Telephone:", "0151 496 0372"]
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(_pane_form(lines, pane_step=25), "pane.pdf")
    assert r.status == "parsed", r.warnings
    assert r.record["date_of_referral"] == "2026-01-12"
    assert r.record["children"][0]["name"] == "Leo Marsh"


def test_a_shaded_column_of_labels_level_with_their_answers_is_no_pane(monkeypatch):
    """The same strip holding the labels, each level with its answer: the labels are the form's and are read."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=1)
    width, height = A4
    c.setFillGray(0.92)
    c.rect(0, 0, 180, height, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont("Helvetica", 10)
    y = height - 60
    for label, answer in FORM:
        c.drawString(12, y, label)
        if answer:
            c.drawString(200, y, answer)
        y -= 22
    c.save()
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(out.getvalue(), "column.pdf")
    assert r.status == "parsed", r.warnings
    assert r.record["children"][0]["name"] == "Leo Marsh"
    assert r.record["children"][0]["dob"] == "2014-06-12"


def _directory_form() -> bytes:
    doc = Document()
    doc.add_paragraph("Rapid review referral")
    t = doc.add_table(rows=0, cols=2)
    for label, answer in [("Name of referrer", "Priya Raman"), ("Email", "p.raman@example.org.uk"),
                          ("Child's name", "Leo Marsh"), ("Date of birth", "12/06/2014"),
                          ("Date of incident", "02/11/2025"),
                          ("What happened", "Leo was struck by a car at the crossing after being left alone."),
                          ("Immediate concerns", "None known")]:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = label, answer
    doc.add_heading("Other agencies involved", level=2)
    a = doc.add_table(rows=2, cols=3)
    for cell, text in zip(a.rows[0].cells + a.rows[1].cells,
                          ["Name", "Agency", "Contact", "Rachel Varga", "CAMHS Getting Help Team", "0113 496 0384"]):
        cell.text = text
    doc.add_heading("Appendix D: Useful contacts", level=1)
    d = doc.add_table(rows=4, cols=4)
    rows = [["Service", "Contact", "Telephone", "Email"],
            ["Children's Services Front Door", "Sadia McCall", "07700 900186", "frontdoor@council.gov.uk"],
            ["Police Public Protection Unit", "Colin Oyelaran", "0113 496 0092", "ppu.referrals@police.uk"],
            ["Local Authority Designated Officer", "Bethany Rowntree", "07700 900798", "lado@council.gov.uk"]]
    for row, texts in zip(d.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_directory_of_useful_contacts_after_the_form_lists_no_agency_of_the_case(monkeypatch):
    for mode in ("both", "rules"):
        monkeypatch.setenv("INTAKE_READER", mode)
        r = parse_bytes(_directory_form(), "directory.docx")
        assert r.status == "parsed", (mode, r.warnings)
        agencies = [e["agency"] for e in r.record["agencies_involved"]]
        assert "Police Public Protection Unit" not in agencies, mode
        assert "Children's Services Front Door" not in agencies, mode


def test_the_cases_own_agencies_table_is_still_read(monkeypatch):
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(_directory_form(), "directory.docx")
    assert r.record["agencies_involved"] == [{"name": "Rachel Varga", "agency": "CAMHS Getting Help Team",
                                              "contact": "0113 496 0384"}]


def test_the_cases_own_agencies_under_key_contacts_are_read(monkeypatch):
    """'Key contacts' may head the case's own agencies, even as the form's last part: only a directory of useful
    contacts is left out."""
    doc = Document(io.BytesIO(_directory_form()))
    body = doc.element.body
    for p in [p for p in doc.paragraphs if p.text.startswith(("Other agencies", "Appendix D"))]:
        body.remove(p._p)
    body.remove(doc.tables[2]._tbl)
    doc.tables[1]._tbl.addprevious(doc.add_heading("Key contacts", level=2)._p)
    out = io.BytesIO()
    doc.save(out)
    monkeypatch.setenv("INTAKE_READER", "both")
    r = parse_bytes(out.getvalue(), "key.docx")
    assert [e["agency"] for e in r.record["agencies_involved"]] == ["CAMHS Getting Help Team"]


def test_an_agencies_table_after_an_office_use_part_is_read_by_the_rule_reader(monkeypatch):
    """Only a directory's heading keeps a contacts table from being the agencies: a form whose office-use part comes
    before its agencies table (a table added at the end) still has those agencies."""
    doc = Document(io.BytesIO(_directory_form()))
    for p in doc.paragraphs:
        if p.text.startswith("Appendix D"):
            p.text = "For office use only"
    body = doc.element.body
    body.remove(doc.tables[2]._tbl)
    office = [p for p in doc.paragraphs if p.text == "For office use only"][0]
    body.remove(office._p)
    doc.tables[1]._tbl.addprevious(office._p)
    out = io.BytesIO()
    doc.save(out)
    monkeypatch.setenv("INTAKE_READER", "rules")
    r = parse_bytes(out.getvalue(), "office.docx")
    assert [e["agency"] for e in r.record["agencies_involved"]] == ["CAMHS Getting Help Team"]


def test_action_words_read_past_a_block_whose_first_line_has_no_tab():
    """A block of several lines whose later lines hold the tabs (a pane's list) once raised IndexError there."""
    blocks = [Para("Sections\nOne\t3/3\nTwo\t0/1")] + [Para(f"Label {k}\tAnswer {k}\tChange") for k in range(4)]
    out = drop_action_words(blocks)
    assert out[0].text == "Sections\nOne\t3/3\nTwo\t0/1"
    assert [b.text for b in out[1:]] == [f"Label {k}\tAnswer {k}" for k in range(4)]


def test_column_names_printed_in_one_band_across_the_table_are_parted_over_its_columns():
    """'Name<tab>Service<tab>Phone / email' in the one cell of a header band over rows of three cells."""
    head = Item(0, "Name\tService\tPhone / email", "cell", table=0, row=0, col=0, width=1, section="agencies")
    row = [Item(1 + c, t, "cell", table=0, row=1, col=c, width=3, section="agencies")
           for c, t in enumerate(["Rachel Varga", "CAMHS Getting Help Team", "0113 496 0384"])]
    parted = _tabbed_header([[head], row])
    assert [it.text for it in parted[0]] == ["Name", "Service", "Phone / email"]
    assert [it.col for it in parted[0]] == [0, 1, 2]
    assert parted[1] == row


def test_a_band_over_rows_of_another_width_is_left_as_it_is():
    head = Item(0, "Name\tService\tPhone / email", "cell", table=0, row=0, col=0, width=1)
    row = [Item(1, "Rachel Varga", "cell", table=0, row=1, col=0, width=2), Item(2, "CAMHS", "cell", table=0, row=1, col=1, width=2)]
    assert _tabbed_header([[head], row])[0] == [head]


def _commented_form(markers: bool, connectors: bool = True) -> bytes:
    """Labels left of answer boxes, as a viewer prints 'document and comments with connector lines': a small yellow
    marker in the top corner of two of the boxes, each with a line drawn from it to its comment in a pane beside the form."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=landscape(A4), invariant=1)
    width, height = landscape(A4)
    c.setFont("Helvetica", 9)
    c.setFillGray(0.25)
    c.rect(50, height - 75, 340, 10, stroke=0, fill=1)   # the section's bar over its boxes
    y = height - 90
    spots = []
    for label, answer in [f for f in FORM if f[1]]:
        c.setStrokeGray(0)
        c.rect(163, y - 3, 227, 12, stroke=1, fill=0)
        c.setFillGray(0)
        c.drawString(50, y, label)
        c.drawString(166, y, answer)
        spots.append(y)
        y -= 14.5
    c.setFillGray(0.95)
    c.rect(435, 20, 389, height - 40, stroke=0, fill=1)
    c.setFillGray(0)
    for k, y in enumerate(spots[1:3]):
        c.drawString(445, height - 60 - 44 * k, f"{k + 1} Sticky Note")
        c.drawString(445, height - 72 - 44 * k, "Checked against our records.")
        if markers:
            c.setFillColorRGB(1.0, 0.85, 0.2)
            c.rect(382, y + 2.3, 6, 6, stroke=0, fill=1)   # near the box's top right corner
            c.setStrokeColorRGB(0.85, 0.6, 0.1)
            if connectors:
                c.line(385, y + 5.3, 435, height - 57 - 44 * k)
            c.setFillGray(0)
    c.save()
    return out.getvalue()


def test_a_comments_marker_and_its_connector_line_are_no_part_of_the_page_drawn():
    import pdfplumber

    with pdfplumber.open(io.BytesIO(_commented_form(markers=True))) as pdf:
        page = pdf.pages[0]
        small = lambda p: [r for r in p.rects if r["width"] <= 10 and r["height"] <= 10]
        assert len(small(page)) == 2 and len(page.lines) == 2
        kept = without_comment_markers(page)
        assert small(kept) == [] and kept.lines == []
        assert len(kept.rects) == len(page.rects) - 2      # the answer boxes and the pane stay


def test_a_small_filled_square_with_no_line_from_it_stays():
    """A filled square with nothing drawn from it may be a ticked box: it is left for the marks' reading."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(_commented_form(markers=True, connectors=False))) as pdf:
        page = pdf.pages[0]
        assert len([r for r in page.rects if r["width"] <= 10]) == 2
        assert without_comment_markers(page) is page
