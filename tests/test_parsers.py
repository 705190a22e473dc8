"""Parsers on real files: generated .docx/.pdf forms of several layouts, hostile inputs, and the shared corpus."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from intake.demo.forms import SAMPLE, docx_form
from parsers import parse_bytes, parse_isolated
from parsers.normalise import gender, parse_date, tristate

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "referral.schema.json"
sys_path_bench = Path(__file__).resolve().parents[1] / "benchmarks"


def validate(record):
    jsonschema = pytest.importorskip("jsonschema")
    if SCHEMA.exists():
        jsonschema.validate(record, json.loads(SCHEMA.read_text()))


@pytest.mark.parametrize("text, iso", [
    ("3rd February 2026", "2026-02-03"), ("03.02.26", "2026-02-03"), ("3 Feb 2026", "2026-02-03"),
    ("03/02/2026", "2026-02-03"), ("2026-02-03", "2026-02-03"), ("3/2/2026", "2026-02-03"),
    ("N/A", None), ("31/02/2026", None), ("unknown", None),
])
def test_parse_date_uk_day_first_spellings(text, iso):
    # UK day-first dates in the common spellings; impossible or absent dates are None, never guessed.
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, value", [
    ("Yes", True), ("NO", False), ("Y", True), ("☒ Yes ☐ No", True), ("☐ Yes ☒ No", False),
    ("☐ Yes ☐ No", None), ("☒ Yes ☒ No", None), ("Yes / No (delete as appropriate)", None), ("", None),
])
def test_tristate_answers(text, value):
    # Yes/No in words, letters and box glyphs; nothing or both ticked is not stated.
    assert tristate(text) is value


@pytest.mark.parametrize("text, value", [
    ("Benyw / Female", "female"), ("Gwryw / Male", "male"), ("Female", "female"), ("Boy", "male"),
    ("Female / Male", None), ("F / M", None), ("☐ Female ☒ Male", "male"),
])
def test_gender_given_in_two_languages_is_read_and_both_options_printed_is_no_answer(text, value):
    assert gender(text) == value


@pytest.mark.parametrize("text, value", [
    ("[ ] Y [X] N [ ] Unknown", False), ("[x] Yes [ ] No", True), ("Yes [ ] No [X]", False),
    ("( ) Yes (x) No", False), ("[ ] Yes [ ] No", None),
    ("Yes X No Unsure", None), ("Yes No", None), ("Yes, no concerns raised", True),
])
def test_boxes_typed_as_brackets_are_boxes_and_a_lone_mark_between_options_is_not_an_answer(text, value):
    # '[ ] Y [X] N' is No (it was read as Yes from its first letter); 'Yes X No' does not say which option
    # the X marks, so it is left for the referrer to answer rather than guessed.
    assert tristate(text) is value


def test_docx_label_value_table_parses_to_schema_valid_record():
    # The two-column table layout: every stated answer lands in its field, normalised.
    r = parse_bytes(docx_form(SAMPLE), "form.docx")
    assert r.status == "parsed" and r.missing == []
    rec = r.record
    validate(rec)
    assert rec["referrer"] == {"name": "Sam Example", "role": "Social Worker",
                               "agency": "Example City Council Children's Services",
                               "email": "sam.example@example.gov.uk", "phone": "01514960000"}
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["gender"]) == ("Alex Sample", "2020-02-03", "male")
    assert child["address"] == "1 Example Street, Exampletown, EX1 1AA"
    assert rec["incident"]["date"] == "2026-12-22" and rec["incident"]["date_la_aware"] == "2026-12-24"
    assert rec["incident"]["type"] == "serious_harm" and rec["incident"]["police_involved"] is True
    assert rec["incident"]["summary"] == "Alex was taken to hospital with a head injury after a fall at home.\n\nA strategy discussion was held the next day."
    assert rec["safeguarding_lead"]["name"] is None  # not asked: null, not guessed


@pytest.mark.usefixtures("rule_reader")
def test_docx_paragraph_layout_with_other_wording_and_split_names():
    # "Label: value" paragraphs under headings, another partnership's wording, forename/surname joined.
    d = docx.Document()
    d.add_heading("Notification of a serious incident", 1)
    d.add_heading("Your details", 2)
    for line in ["Referred by: Dr Kim Test", "Designation: Paediatrician", "Organisation: Test NHS Trust",
                 "E-mail: KIM.TEST@NHS.NET", "Telephone: +44 151 496 0001"]:
        d.add_paragraph(line)
    d.add_heading("Details of the child", 2)
    for line in ["Surname: SMITH", "Forename(s): Jo", "D.O.B.: 5th March 2019", "Sex: Girl",
                 "2.3 Ethnicity: White British", "Date of incident: 01.11.26", "Police involved? No"]:
        d.add_paragraph(line)
    d.add_paragraph("Brief summary of what happened:")
    d.add_paragraph("First paragraph  of   text.")
    d.add_paragraph("Second paragraph.")
    out = io.BytesIO()
    d.save(out)
    r = parse_bytes(out.getvalue(), "letterish.docx")
    assert r.status == "parsed", r.warnings
    rec = r.record
    validate(rec)
    assert rec["referrer"]["name"] == "Dr Kim Test" and rec["referrer"]["email"] == "kim.test@nhs.net"
    assert rec["referrer"]["phone"] == "+441514960001"
    assert rec["children"][0]["name"] == "Jo SMITH" and rec["children"][0]["dob"] == "2019-03-05"
    assert rec["children"][0]["gender"] == "female"
    assert rec["incident"]["date"] == "2026-11-01" and rec["incident"]["police_involved"] is False
    assert rec["incident"]["summary"] == "First paragraph of text.\n\nSecond paragraph."


def test_docx_two_children_side_by_side_and_agencies_table():
    # A child grid (Child 1 | Child 2) and an agencies table with an extra column to ignore.
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for label, value in [("Referrer name", "A Person"), ("Email", "a.person@x.gov.uk"), ("Date of incident", "2/1/2026"),
                         ("Summary", "Text.")]:
        row = t.add_row().cells
        row[0].text, row[1].text = label, value
    grid = d.add_table(rows=0, cols=3)
    for cells in [("", "Child 1", "Child 2"), ("Name of child", "Ann One", "Ben Two"), ("Date of birth", "1/1/2015", ""),
                  ("Age", "", "7 years")]:
        row = grid.add_row().cells
        for c, v in zip(row, cells):
            c.text = v
    d.add_paragraph("Agencies involved")
    ag = d.add_table(rows=0, cols=4)
    for cells in [("Name", "Agency", "Contact", "Role"), ("P One", "Police", "0151 496 0002", "DC"), ("", "", "", ""),
                  ("", "GP surgery", "0151 496 0003", "")]:
        row = ag.add_row().cells
        for c, v in zip(row, cells):
            c.text = v
    out = io.BytesIO()
    d.save(out)
    r = parse_bytes(out.getvalue(), "grid.docx")
    rec = r.record
    validate(rec)
    assert [c["name"] for c in rec["children"]] == ["Ann One", "Ben Two"]
    assert rec["children"][0]["dob"] == "2015-01-01" and rec["children"][1]["age"] == "7 years"
    assert rec["agencies_involved"] == [{"name": "P One", "agency": "Police", "contact": "0151 496 0002"},
                                        {"name": None, "agency": "GP surgery", "contact": "0151 496 0003"}]


def _pdf_acroform() -> bytes:
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    out = io.BytesIO()
    c = canvas_mod.Canvas(out)
    form = c.acroForm
    y = 780
    for name, tip, value in [("f1", "Name of referrer", "Pat Form"), ("f2", "Email", "pat@nhs.net"),
                             ("f3", "Child's name", "Chris Field"), ("f4", "Date of birth", "4 July 2018"),
                             ("f5", "Date of incident", "02/02/2026"), ("f6", "Summary of incident", "Para one.\n\nPara two."),
                             ("f7", "Location", "")]:
        c.drawString(50, y, tip)
        form.textfield(name=name, tooltip=tip, value=value, x=250, y=y - 4, width=250, height=16)
        y -= 30
    form.checkbox(name="police_yes", tooltip="Police involved? - Yes", checked=True, x=250, y=y, buttonStyle="check")
    form.checkbox(name="police_no", tooltip="Police involved? - No", checked=False, x=300, y=y, buttonStyle="check")
    c.save()
    return out.getvalue()


@pytest.mark.usefixtures("rule_reader")
def test_pdf_acroform_fields_parse():
    # AcroForm: tooltips are labels, empty fields are null, Yes/No checkbox pairs become one answer.
    r = parse_bytes(_pdf_acroform(), "form.pdf")
    assert r.status == "parsed" and r.format == "pdf"
    rec = r.record
    validate(rec)
    assert rec["referrer"]["name"] == "Pat Form" and rec["children"][0]["dob"] == "2018-07-04"
    assert rec["incident"]["summary"] == "Para one.\n\nPara two."
    assert rec["incident"]["location"] is None and rec["incident"]["police_involved"] is True


def test_pdf_text_layout_labels_parse():
    # A "Word saved as PDF" form: no fields, labels and values in text lines.
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    out = io.BytesIO()
    c = canvas_mod.Canvas(out)
    y = 780
    for line in ["Case Referral Form", "Referrer name: Lou Text", "Email: lou@nhs.net", "Name of child: Sam Text",
                 "Date of birth: 01/01/2016", "Date of incident: 3 March 2026", "Summary: It happened.",
                 "Police involved? Yes"]:
        c.drawString(50, y, line)
        y -= 20
    c.save()
    r = parse_bytes(out.getvalue(), "text.pdf")
    assert r.status == "parsed"
    assert r.record["children"][0]["name"] == "Sam Text" and r.record["incident"]["date"] == "2026-03-03"


def test_truncated_docx_is_rejected_corrupt():
    # A zip cut short is corrupt, not a crash.
    data = docx_form(SAMPLE)[:3000]
    r = parse_bytes(data, "cut.docx")
    assert (r.status, r.reason) == ("rejected", "corrupt")


def test_zip_bomb_member_is_refused_before_inflating():
    # A member declaring a huge size is refused without being inflated.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types><Default ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", b"<" + b"a" * 60_000_000 + b"/>")
    r = parse_bytes(out.getvalue(), "bomb.docx")
    assert (r.status, r.reason) == ("rejected", "too_large")


def test_xml_with_doctype_is_refused():
    # Entity expansion is never attempted: a DOCTYPE in the body XML rejects the file.
    src = zipfile.ZipFile(io.BytesIO(docx_form(SAMPLE)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            z.writestr(info, data)
    r = parse_bytes(out.getvalue(), "dtd.docx")
    assert r.status == "rejected" and "DOCTYPE" in r.warnings[0]


def test_letter_is_not_a_form_and_blank_form_is_empty():
    # A letter is not_a_form; a form with labels but no answers is empty_form; both need review.
    d = docx.Document()
    d.add_paragraph("Dear colleague, I am writing about a child I am worried about. Regards, A")
    out = io.BytesIO()
    d.save(out)
    assert (parse_bytes(out.getvalue(), "l.docx").reason) == "not_a_form"
    blank = docx_form({k: "" for k in SAMPLE})
    r = parse_bytes(blank, "blank.docx")
    assert (r.status, r.reason) == ("needs_review", "empty_form")


def test_isolated_parse_matches_in_process_parse():
    # The sandboxed child process returns the same result as the in-process parser.
    data = docx_form(SAMPLE)
    assert parse_isolated(data, "f.docx", seconds=20, memory_mb=512).to_json() == parse_bytes(data, "f.docx").to_json()


@pytest.mark.corpus
@pytest.mark.usefixtures("rule_reader")
def test_corpus_status_100_percent_fields_99_no_hallucination(forms_corpus):
    # The shared corpus: every status right, >= 99 % of leaf fields right, nothing invented, schema-valid.
    import sys

    sys.path.insert(0, str(sys_path_bench))
    from parse_accuracy import score

    truths = [json.loads(p.read_text()) for p in sorted((forms_corpus / "truth").glob("*.json"))]
    results = {}
    for t in truths:
        r = parse_bytes((forms_corpus / "forms" / t["file"]).read_bytes(), t["file"])
        results[t["file"]] = r.to_json()
        if r.record:
            validate(r.record)
    s = score(truths, results)
    assert s["status_accuracy"] == 1.0
    assert s["field_accuracy"] >= 0.99
    assert s["hallucinated"] == 0


@pytest.mark.usefixtures("rule_reader")
def test_pdf_ruled_table_word_saved_as_pdf():
    # Ruled label|value tables: wrapped lines rejoined, paragraphs kept, address lines joined with ', '.
    pytest.importorskip("reportlab")
    from tests.pdfgen import SUMMARY, ruled_table_pdf

    r = parse_bytes(ruled_table_pdf(), "ruled.pdf")
    assert r.status == "parsed", r.warnings
    rec = r.record
    validate(rec)
    assert rec["referrer"]["email"] == "tess.table@nhs.net" and rec["referrer"]["phone"] == "01514960123"
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["address"]) == ("Rory Ruled", "2021-08-12", "4 Grid Lane, Kirkby, L32 1AA")
    assert rec["incident"]["type"] == "serious_harm" and rec["incident"]["police_involved"] is True
    assert rec["incident"]["summary"] == "\n\n".join(SUMMARY)


def _rtf_form(answers: dict) -> bytes:
    """A hand-written RTF table form (RTF is one of the legacy formats LibreOffice converts)."""
    rows = []
    for label, value in answers.items():
        value = value.replace("\n", "\\line ")
        rows.append(rf"\trowd\cellx3500\cellx9000 {label}\cell {value}\cell\row")
    body = "\n".join(rows).replace("☒", r"\u9746?").replace("☐", r"\u9744?")
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "\n}").encode("latin-1", "replace")


def _soffice_or_skip():
    import shutil

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed: legacy conversion cannot be exercised here")


def test_legacy_rtf_is_converted_and_parsed_where_libreoffice_exists():
    # An .rtf form is converted with LibreOffice, parsed, and the output says so.
    _soffice_or_skip()
    r = parse_bytes(_rtf_form(SAMPLE), "old.rtf")
    assert r.status == "parsed" and r.format == "rtf", r.warnings
    assert any("converted from .rtf" in w for w in r.warnings)
    assert r.record["children"][0]["name"] == "Alex Sample"
    assert r.record["incident"]["date_la_aware"] == "2026-12-24"


def test_legacy_rtf_without_libreoffice_needs_review(monkeypatch):
    # Without LibreOffice a legacy file is needs_review / legacy_format (nothing guessed).
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    r = parse_bytes(_rtf_form(SAMPLE), "old.rtf")
    assert (r.status, r.reason) == ("needs_review", "legacy_format")


def _bomb_pdf(inflated_mb: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated_mb`` MB of spaces."""
    import zlib

    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = b"".join(comp.compress(chunk) for _ in range(inflated_mb)) + comp.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_sandbox_memory_limit_turns_a_decompression_bomb_into_a_clear_result():
    # A PDF stream inflating to 400 MB, parsed with a 200 MB limit: a rejected result, not a dead service.
    r = parse_isolated(_bomb_pdf(400), "bomb.pdf", seconds=20, memory_mb=200)
    assert (r.status, r.reason) == ("rejected", "too_large")


def test_sandbox_time_limit_stops_a_slow_parse():
    # A long text PDF with a 1-second limit: stopped, answered as too_large, the worker still usable.
    pytest.importorskip("reportlab")
    import sys

    sys.path.insert(0, str(sys_path_bench))
    from parse_speed import make_pdf

    r = parse_isolated(make_pdf(300), "long.pdf", seconds=1, memory_mb=512)
    assert (r.status, r.reason) == ("rejected", "too_large") and "time" in r.warnings[0] or "limit" in r.warnings[0]
    assert parse_isolated(docx_form(SAMPLE), "f.docx").status == "parsed"


@pytest.mark.usefixtures("rule_reader")
def test_pdf_paragraph_layout_across_pages_without_headers_and_footers():
    # Word-to-PDF paragraphs: running header/footer dropped, address lines joined, the summary read
    # across the page break with its paragraphs, labels found without extra spacing.
    pytest.importorskip("reportlab")
    from tests.pdfgen import LONG_SUMMARY, paragraph_form_pdf

    r = parse_bytes(paragraph_form_pdf(), "paras.pdf")
    assert r.status == "parsed", r.warnings
    rec = r.record
    validate(rec)
    assert rec["referrer"]["name"] == "Paula Para" and rec["referrer"]["email"] == "paula.para@nhs.net"
    child = rec["children"][0]
    assert (child["name"], child["dob"], child["gender"]) == ("Polly Para", "2021-03-02", "female")
    assert child["address"] == "9 Page Road, Bootle, L20 1AA"
    assert rec["incident"]["summary"] == "\n\n".join(LONG_SUMMARY)
    assert rec["incident"]["police_involved"] is True
    assert "OFFICIAL" not in json.dumps(rec) and "Page 1" not in json.dumps(rec)


def test_libreoffice_pdf_of_a_word_form_parses_like_the_word_form(tmp_path):
    # Where LibreOffice exists: the Word form printed to PDF gives the same record as the Word form.
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed: no Word-to-PDF conversion here")
    src = tmp_path / "form.docx"
    src.write_bytes(docx_form(SAMPLE))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=120)
    from_word = parse_bytes(src.read_bytes(), "form.docx").record
    from_pdf = parse_bytes((tmp_path / "form.pdf").read_bytes(), "form.pdf").record
    assert from_pdf == from_word
