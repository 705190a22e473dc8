"""A dynamic XFA form: its answers exist only in the PDF's XFA packets; the page says 'Please wait...'."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers import parse_bytes
from parsers.blocks import Pair, Para
from parsers.pdf_reader import read_pdf

TEMPLATE = """<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="form1">
<subform name="Referrer"><draw name="Title"><value><text>A. About you</text></value></draw>
<field name="YourName"><caption><value><text>Your name</text></value></caption></field>
<field name="Role"><caption><value><text>Job title</text></value></caption></field>
<field name="Agency"><caption><value><text>Organisation</text></value></caption></field>
<field name="Email"><caption><value><text>Email</text></value></caption></field></subform>
<subform name="Child"><draw name="Title"><value><text>B. The child</text></value></draw>
<field name="ChildName"><caption><value><text>Child's full name</text></value></caption></field>
<field name="DateOfBirth"><caption><value><text>Date of birth</text></value></caption></field></subform>
<subform name="Incident"><draw name="Title"><value><text>C. What happened</text></value></draw>
<field name="DateOfIncident"><caption><value><text>Date of incident</text></value></caption></field>
<field name="Summary"><caption><value><text>Summary of the incident</text></value></caption></field></subform>
</subform></template>"""

DATASETS = """<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1>
<Referrer><YourName>Jo Okafor</YourName><Role>Interpreter</Role><Agency>LinguaLink Interpreting</Agency>
<Email>jo.okafor@example.org.uk</Email></Referrer>
<Child><ChildName>Ada Lomax</ChildName><DateOfBirth>2015-07-14</DateOfBirth></Child>
<Child><ChildName>Ben Lomax</ChildName><DateOfBirth>2018-01-02</DateOfBirth></Child>
<Incident><DateOfIncident>2026-02-03</DateOfIncident><Summary>Ada was found alone at the station.</Summary></Incident>
</form1></xfa:data></xfa:datasets>"""


def _dynamic_xfa_pdf() -> bytes:
    page = io.BytesIO()
    c = canvas.Canvas(page, pagesize=A4)
    c.drawString(72, 760, "Please wait... If this message is not eventually replaced by the proper contents of the")
    c.drawString(72, 745, "document, your PDF viewer may not be able to display this type of document.")
    c.showPage()
    c.save()
    writer = PdfWriter(clone_from=io.BytesIO(page.getvalue()))
    packets = ArrayObject()
    for name, xml in (("template", TEMPLATE), ("datasets", DATASETS)):
        stream = DecodedStreamObject()
        stream.set_data(xml.encode("utf-8"))
        packets += [TextStringObject(name), writer._add_object(stream)]
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): packets})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_dynamic_xfa_forms_answers_are_read_from_its_data_beside_the_templates_captions():
    blocks, _ = read_pdf(_dynamic_xfa_pdf())
    pairs = [(b.label, b.value, b.hint) for b in blocks if isinstance(b, Pair)]
    assert ("Your name", "Jo Okafor", "form1[0].Referrer[0].YourName[0]") in pairs
    assert ("Child's full name", "Ben Lomax", "form1[0].Child[1].ChildName[0]") in pairs
    assert [b.text for b in blocks if isinstance(b, Para)][:2] == ["A. About you", "B. The child"]


def test_a_dynamic_xfa_form_is_parsed_not_sent_back_as_a_scan_or_an_empty_form():
    result = parse_bytes(_dynamic_xfa_pdf(), "form.pdf")
    assert result.status == "parsed"
    assert result.record["referrer"]["email"] == "jo.okafor@example.org.uk"
    assert result.record["incident"]["date"] == "2026-02-03"
