"""Referrals written down rather than filled in: a call or an interview taken down as questions and answers ('Q.'
then 'A.'), and a form pasted into a plain-text email ('DATE OF REPORT -- 24/11/2025'). Word files built with
python-docx, read for real."""

from __future__ import annotations

import io

from docx import Document

from parsers import parse_bytes
from parsers.blocks import Para, Table, dashed_pairs, question_answers
from parsers.docx_reader import read_docx

SUMMARY = ["Leo answered the door alone and said his mother had gone out the night before.",
           "He had a burn on his hand that had not been treated."]


def _docx(paragraphs: list[str]) -> bytes:
    doc = Document()
    doc.add_heading("Record of referral call", 1)
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _call_record(q: str = "Q.", a: str = "A.") -> bytes:
    qa = [("Name of person referring", "Priya Raman"), ("Email", "p.raman@example.org.uk"),
          ("Child's name", "Leo Marsh"), ("Date of birth", "12/06/2014"), ("Date of incident", "02/11/2025"),
          ("Has the child died or been seriously harmed?", "Yes")]
    paragraphs = ["Call taken by: Adrian Begum"]
    for question, answer in qa:
        paragraphs += [f"{q}\t{question}", f"{a}\t{answer}"]
    paragraphs += [f"{q}\tWhat happened", f"{a}\t{SUMMARY[0]}", SUMMARY[1], f"{q}\tSchool", a]
    return _docx(paragraphs)


def test_questions_and_their_answers_are_read_as_rows():
    rows = [r for b in read_docx(_call_record())[0] if isinstance(b, Table) for r in b.rows]
    assert ["Child's name", "Leo Marsh"] in rows
    assert ["What happened", "\n".join(SUMMARY)] in rows      # a long answer's later paragraph goes on with it
    assert ["School", ""] in rows                              # a bare prefix: no answer


def test_a_call_record_is_parsed_field_by_field():
    for q, a in (("Q.", "A."), ("Q:", "A:"), ("Question:", "Answer:")):
        r = parse_bytes(_call_record(q, a), "call.docx")
        assert r.status == "parsed", (q, r.warnings)
        rec = r.record
        assert rec["referrer"]["name"] == "Priya Raman", q
        assert rec["children"][0]["name"] == "Leo Marsh", q
        assert rec["children"][0]["dob"] == "2014-06-12", q
        assert rec["incident"]["date"] == "2025-11-02", q


def test_one_paragraph_lettered_a_is_no_answer():
    blocks = [Para("Q. Who should I ask?"), Para("A. Referrer details"), Para("Name: Priya Raman")]
    assert question_answers(blocks) == blocks


PASTED = ["REFERRAL TO SAFEGUARDING PARTNERSHIP - SERIOUS INCIDENT",
          "DATE OF REPORT -- 24/11/2025", "NAME OF PERSON REFERRING -- Neil Begum", "EMAIL -- neil.begum@example.org.uk",
          "CHILD'S NAME -- Zara Pearce", "DATE OF BIRTH (IF KNOWN) -- 22/06/2009", "NEEDS NOTICED --",
          "DATE OF INCIDENT -- 6/11/2025", "INCIDENT TYPE -- Serious harm",
          "WHAT HAPPENED --", "Zara was found alone in the vehicle and appeared withdrawn and very thin."]


def test_a_form_pasted_into_an_email_reads_label_by_label():
    r = parse_bytes(_docx(PASTED), "pasted.docx")
    assert r.status == "parsed", r.warnings
    rec = r.record
    assert rec["referrer"]["name"] == "Neil Begum"
    assert rec["children"][0]["name"] == "Zara Pearce"
    assert rec["children"][0]["dob"] == "2009-06-22"
    assert rec["incident"]["date"] == "2025-11-06"


def test_dashed_pairs_leave_headings_lists_and_colon_forms_alone():
    pasted = [Para(t) for t in PASTED]
    read = [b.text for b in dashed_pairs(pasted)]
    assert read[0] == PASTED[0]                      # 'PARTNERSHIP - SERIOUS INCIDENT': too long for a label
    assert read[1] == "DATE OF REPORT: 24/11/2025" and read[6] == "NEEDS NOTICED:"
    # a form whose labels end in colons, listing agencies one to a line with dashes: nothing changes
    colons = [Para(t) for t in ["Name: Priya Raman", "Email: p.raman@example.org.uk", "Child's name: Leo Marsh",
                                "Date of birth: 12/06/2014", "Date of incident: 02/11/2025", "Agencies:",
                                "CAMHS - duty.camhs@example.gov.uk", "Police - Gemma Fairclough - 0115 496 0018",
                                "Health Visiting - Joanne Ndlovu", "School - Mrs Patel", "GP - Dr Shah"]]
    assert dashed_pairs(colons) == colons
    # a list's row has the dash twice, wherever it stands
    rows = [Para(t) for t in PASTED[1:6] + ["Police - Gemma Fairclough - 0115 496 0018"]]
    assert dashed_pairs(rows)[-1].text == "Police - Gemma Fairclough - 0115 496 0018"


def _tabbed(lines: list[str], heading: str = "About the children") -> bytes:
    """Paragraphs whose columns are made with tab stops: each tab in a line is a tab typed in a run of its own."""
    doc = Document()
    doc.add_heading("Referral", 1)
    doc.add_paragraph("Date of referral:\t11 October 2025")
    doc.add_paragraph(heading)
    for line in lines:
        p = doc.add_paragraph()
        for k, part in enumerate(line.split("\t")):
            if k:
                p.add_run().add_tab()
            if part:
                p.add_run(part)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


CHILDREN = ["\tChild 1\tChild 2", "Child's first name\tJayden\tAlfie", "Child's last name\tHaworth\tHaworth",
            "Also known as\t\tAl", "Date of birth\t02/03/2016\t19/05/2019", "Age\t9",
            "Home address\t21 Brook Lane\t21 Brook Lane", "\tNorbridge\tNorbridge", "School\tGreenbank\tLittle Acorns"]


def test_columns_made_with_tab_stops_are_read_as_a_table():
    tables = [b for b in read_docx(_tabbed(CHILDREN))[0] if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["", "Child 1", "Child 2"]                 # the tab typed before the header's first name
    assert ["Also known as", "", "Al"] in rows                   # an empty cell between two tabs
    assert ["Age", "9", ""] in rows                              # a shorter line ends in empty cells
    assert ["", "Norbridge", "Norbridge"] in rows                # an address's next line, under no label


def test_children_side_by_side_in_tab_columns_are_two_children():
    r = parse_bytes(_tabbed(CHILDREN), "tabbed.docx")
    names = [c["name"] for c in r.record["children"]]
    assert names[:2] == ["Jayden Haworth", "Alfie Haworth"]
    assert r.record["children"][1]["dob"] == "2019-05-19"


def test_label_and_answer_lines_with_one_tab_stay_paragraphs():
    blocks = read_docx(_tabbed(["Name:\tPriya Raman", "Email:\tp.raman@example.org.uk", "Phone:\t0115 496 0018",
                                "Role:\tNurse"]))[0]
    assert not any(isinstance(b, Table) for b in blocks)


def test_answers_lined_up_with_default_tab_stops_are_no_table():
    """Tabs typed until the answers line up ('Referrer:<tab><tab>Helen Obi'), notes in a third column, or children
    side by side lined up with Word's default stops (the count of tabs says nothing of the column): no table."""
    aligned = ["Referrer:\t\tHelen Obi\t\t(DSL)", "Agency:\t\tHillside Primary School",
               "Telephone:\t0151 496 0123\t\t(direct line)", "Child's name:\tMia Carter\t\t(known as Mimi)",
               "Date of birth:\t04/07/2018\t\t(age 7)", "Gender:\t\tFemale"]
    assert not any(isinstance(b, Table) for b in read_docx(_tabbed(aligned, "Referral"))[0])
    side = ["\t\t\tChild 1\t\t\tChild 2", "Name\t\t\tMia Carter\t\tTom Carter", "Date of birth\t\t04/07/2018\t\t01/02/2021",
            "Gender\t\t\tFemale\t\t\tMale", "School\t\t\tHillside Primary\tLittle Acorns Nursery"]
    assert not any(isinstance(b, Table) for b in read_docx(_tabbed(side))[0])


def test_a_call_records_last_answer_does_not_take_the_lines_after_it():
    blocks = [Para("Q. Child's name"), Para("A. Mia Carter"), Para("Q. What happened?"),
              Para("A. Mia came to school with bruising to her face."), Para("She said her mum's partner grabbed her."),
              Para("Date of incident"), Para("08/03/2026"), Para("Police involved"), Para("Yes")]
    read = question_answers(blocks)
    assert read[0].rows[-1] == ["What happened?", "Mia came to school with bruising to her face.\n"
                                                  "She said her mum's partner grabbed her."]
    assert [b.text for b in read[1:]] == ["Date of incident", "08/03/2026", "Police involved", "Yes"]


def test_dashed_notes_after_a_table_form_stay_notes():
    """A form whose fields are in a table, then agency checks as 'Agency - finding' lines: they are no fields."""
    blocks = [Table([["Child's name", "Mia Carter"], ["Date of birth", "04/07/2018"], ["School", ""],
                     ["Date of incident", "08/03/2026"], ["Referrer", "Helen Obi"]]),
              Para("Information from agency checks", heading=True)] + [
        Para(t) for t in ["GP - no concerns noted at last appointment in January", "Police - two domestic call-outs",
                          "School - attendance 82%", "Health visiting - not known", "CAMHS - open case"]]
    assert dashed_pairs(blocks) == blocks
