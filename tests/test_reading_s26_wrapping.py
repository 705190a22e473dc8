"""Session 26, two known gaps (strict xfail: see the reason): an answer's writing in a PDF box. A sentence that goes on in the next line (a lower-case word after
a line of prose ending in a word or comma) is one paragraph, even where its line ended early or the next line starts
with words that could begin a label ('being found at …'); items of a list set a line apart, each starting in lower
case, are never run together into one sentence. Each form is a ruled label | answer grid drawn with reportlab
(invariant), the summary's lines drawn as a word processor wrapped them."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.record_fields import record_of

HEAD = [("Date of referral", "13/01/2026"), ("Referrer's name", "Alice Mendes"), ("Job title", "Health Visitor"),
        ("Organisation", "Brookfield NHS Trust"), ("Email", "a.mendes@nhs.net"), ("Telephone", "0117 496 0101"),
        ("Child's name", "Sofia Lee"), ("Date of birth", "03/04/2019"), ("Date of incident", "12/01/2026")]


@pytest.fixture(autouse=True)
def default_reader(monkeypatch):
    monkeypatch.delenv("INTAKE_READER", raising=False)


def _form(path, summary_lines: list[tuple[str, float]]):
    """A ruled two-column grid (label 60-220, answer 220-540) of HEAD's rows, then 'What happened' with the summary
    drawn a line at a time: (text, gap before the line in points; 12 is the writing's own leading)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 800, "Case Referral Form")
    y = 770
    for label, answer in HEAD:
        c.rect(60, y - 6, 160, 20)
        c.rect(220, y - 6, 320, 20)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(64, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(224, y, answer)
        y -= 20
    top = y + 14
    c.setFont("Helvetica-Bold", 9)
    c.drawString(64, y, "What happened")
    c.setFont("Helvetica", 9)
    for k, (text, gap) in enumerate(summary_lines):
        y -= gap if k else 0
        c.drawString(224, y, text)
    c.rect(60, y - 8, 160, top - y + 8)
    c.rect(220, y - 8, 320, top - y + 8)
    c.showPage()
    c.save()
    return path


@pytest.mark.xfail(strict=True, reason="known gap (session 26): joining a sentence that goes on in a lower-case line, and measuring the leading by the closest lines of prose, were built and then taken out: they change how 157 of the training PDFs are read, and the model retrained on them read more values but fewer of them right on the earlier sets (unseen5 98.06 -> 97.45 %, unseen8 99.17 -> 98.60 % right at the same vouched bar), so the shipped model stays")
def test_a_sentence_going_on_in_a_lower_case_line_is_one_paragraph(tmp_path):
    rec = record_of(_form(tmp_path / "referral.pdf", [
        ("Sofia was admitted to Tollerby General Hospital during the night after", 0),
        ("being found at a friend's flat in Tollerby Moor in a very neglected state: underweight,", 12),
        ("dehydrated and with untreated burns to her hand.", 12)]))
    assert rec["incident"]["summary"] == (
        "Sofia was admitted to Tollerby General Hospital during the night after being found at a friend's flat in "
        "Tollerby Moor in a very neglected state: underweight, dehydrated and with untreated burns to her hand.")


@pytest.mark.xfail(strict=True, reason="known gap (session 26): joining a sentence that goes on in a lower-case line, and measuring the leading by the closest lines of prose, were built and then taken out: they change how 157 of the training PDFs are read, and the model retrained on them read more values but fewer of them right on the earlier sets (unseen5 98.06 -> 97.45 %, unseen8 99.17 -> 98.60 % right at the same vouched bar), so the shipped model stays")
def test_list_items_set_a_line_apart_are_not_run_together(tmp_path):
    """Control: a paragraph at the writing's own leading, then three items, each a line of its own starting in lower
    case, a blank line's space before each."""
    rec = record_of(_form(tmp_path / "referral.pdf", [
        ("Kian was taken to hospital by ambulance after being found limp", 0),
        ("and pale in a Moses basket by his father, who had fallen asleep.", 12),
        ("The nursery had recorded concerns, each logged by the key worker", 24),
        ("bruising to the left cheek noted on arrival, explained as a fall", 24),
        ("three days of unexplained absence in the week before the incident", 24)]))
    summary = rec["incident"]["summary"] or ""
    assert "key worker bruising" not in summary and "a fall three days" not in summary, summary
