"""Answers typed in Word text boxes beside their labels: each box stored twice (a drawing and an older VML
fallback), anchored in the label's paragraph and written before the label's words."""

from __future__ import annotations

from parsers import parse_bytes
from parsers.docx_reader import read_docx
from tests.docx_xml import p, package

NAMESPACES = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml"')


def boxed(label: str, answer: str) -> str:
    """A paragraph whose first run holds a text box with the answer, then the label's words."""
    lines = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in answer.split("\n"))
    box = f"<w:txbxContent>{lines}</w:txbxContent>"
    drawing = ('<w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>2736000</wp:posOffset>'
               '</wp:positionH><a:graphic><a:graphicData><wps:wsp><wps:txbx>' + box +
               '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    fallback = f'<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>'
    return (f'<w:p><w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>'
            f'<w:r><w:t xml:space="preserve">{label}</w:t></w:r></w:p>')


ANSWERS = [("Date of referral", "18/09/2025"), ("Name of referrer", "Ciaran Bright-Okafor"),
           ("Job title", "Team manager"), ("Email", "ciaran.bright-okafor@glenavon.example.net"),
           ("Child's full name", "Orla Devlin"), ("Date of birth", "02/05/2014"),
           ("Home address", "14 Mill Row\nGlenavon\nBT60 1AA"), ("Date of incident", "12/09/2025"),
           ("Where did it happen?", "Family home")]


def form() -> bytes:
    return package(p("Case Referral Form") + "".join(boxed(label, answer) for label, answer in ANSWERS))


def test_a_text_box_anchored_in_a_labels_paragraph_is_read_once_as_its_answer():
    texts = [b.text for b in read_docx(form())[0]]
    for label, answer in ANSWERS:
        assert f"{label}\t{answer}" in texts
    assert sum(t.count("Orla Devlin") for t in texts) == 1  # the VML fallback is not read a second time


def test_a_form_answered_in_text_boxes_is_read():
    rec = parse_bytes(form(), "form.docx").record
    assert (rec["referrer"]["name"], rec["date_of_referral"]) == ("Ciaran Bright-Okafor", "2025-09-18")
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["address"]) == ("Orla Devlin", "2014-05-02", "14 Mill Row, Glenavon, BT60 1AA")
    assert (rec["incident"]["date"], rec["incident"]["location"]) == ("2025-09-12", "Family home")
