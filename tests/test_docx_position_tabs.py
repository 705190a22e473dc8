"""Word's absolute position tab (w:ptab: a tab set against the margin, as statement-style sheets put each answer flush
right: 'Your name ........ Karen Ainsworth') parts a label from its answer just as a tab does. Word files built with
python-docx, with the w:ptab element written into the run."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from parsers import parse_bytes
from parsers.blocks import Para
from parsers.docx_reader import read_docx

LINES = [("Your name", "Karen Ainsworth"), ("Email address", "karen.ainsworth@example.co.uk"),
         ("Child's name", "Mia Raistrick"), ("Date of birth", "14/03/2015"), ("Date of the incident", "26/11/2025"),
         ("What happened", "Mia arrived at the yard with a burn on her arm that had not been treated.")]


def _ptab_form(leader: str = "dot") -> bytes:
    doc = Document()
    doc.add_heading("Request for a Rapid Review", 1)
    for label, answer in LINES:
        p = doc.add_paragraph()
        p.add_run(label)
        run = p.add_run()
        tab = OxmlElement("w:ptab")
        tab.set(qn("w:relativeTo"), "margin")
        tab.set(qn("w:alignment"), "right")
        tab.set(qn("w:leader"), leader)
        run._r.append(tab)
        p.add_run(answer).bold = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_position_tab_is_read_as_a_tab():
    texts = [b.text for b in read_docx(_ptab_form())[0] if isinstance(b, Para)]
    assert "Your name\tKaren Ainsworth" in texts


def test_a_statement_sheet_with_answers_flush_right_is_parsed_field_by_field():
    for leader in ("dot", "none", "underscore"):
        r = parse_bytes(_ptab_form(leader), "statement.docx")
        assert r.status == "parsed", (leader, r.warnings)
        assert r.record["referrer"]["name"] == "Karen Ainsworth", leader
        assert r.record["children"][0]["name"] == "Mia Raistrick", leader
        assert r.record["children"][0]["dob"] == "2015-03-14", leader
        assert r.record["incident"]["date"] == "2025-11-26", leader
