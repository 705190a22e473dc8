"""Action plans (issue 16): reading .docx and .xlsx plans in several wordings, and applying versions of a plan."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, timezone

import pytest
from sqlmodel import Session, select

from intake.duties import action_plans
from intake.store.db import open_database
from intake.demo.plans import SAMPLE_ROWS, WORDING_A, WORDING_B, WORDING_C, cells, plan_docx, plan_xlsx
from intake.store.models import ActionItem, AuditEvent, Case, Deadline
from parsers.action_plan import column_of, match_key, read_plan

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
REAL_DATES = lambda d: d  # noqa: E731  (openpyxl writes a date cell)


def plan(wording, fmt, rows=SAMPLE_ROWS, extra=()):
    table = [cells(r, wording, REAL_DATES if fmt == "xlsx" else None) for r in rows] + list(extra)
    return plan_docx(wording, table) if fmt == "docx" else plan_xlsx(wording, table)


# -- reading ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("wording", [WORDING_A, WORDING_B, WORDING_C], ids=["A", "B", "C"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_read_plan_three_wordings_in_both_formats_give_the_same_actions(wording, fmt):
    # The same three actions, columns worded three ways, in a Word table and an Excel sheet (title rows above).
    result = read_plan(plan(wording, fmt), f"plan.{fmt}")
    assert result.status == "parsed" and result.format == fmt
    rows = result.record["rows"]
    assert [(r["action"], r["target_date"], r["owner_email"], r["agency"]) for r in rows] == [
        (s["action"], s["due"].isoformat(), s["email"], s["agency"]) for s in SAMPLE_ROWS]
    assert [r["owner_name"] for r in rows] == ["Priya Shah", "Tom Reid", "Dana Cole"]
    assert {match_key(r["recommendation"], r["action"]) for r in rows} == {
        match_key(s["rec"], s["action"]) for s in SAMPLE_ROWS}  # "1. Health ..." and "Health ..." are one recommendation
    assert result.record["refused"] == []


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_read_plan_row_with_a_target_date_that_is_not_a_date_is_refused_with_its_row_number(fmt):
    # "TBC" and "end of Q1" are not dates: the rows are refused and reported by number, never guessed.
    bad = [cells(dict(SAMPLE_ROWS[0], action="Refresher training", due="TBC"), WORDING_A),
           cells(dict(SAMPLE_ROWS[0], action="Supervision audit", due="end of Q1"), WORDING_A)]
    result = read_plan(plan(WORDING_A, fmt, extra=bad), f"plan.{fmt}")
    header_row = 1 if fmt == "docx" else 3
    assert [(r["row"], r["reason"]) for r in result.record["refused"]] == [
        (header_row + 4, "the target date is not a date (write it like 31/03/2027)"),
        (header_row + 5, "the target date is not a date (write it like 31/03/2027)")]
    assert len(result.record["rows"]) == 3
    assert all("TBC" not in r["reason"] for r in result.record["refused"])  # reasons never repeat the cell


def test_read_plan_rows_without_action_or_owner_are_refused_and_a_blank_recommendation_carries_down():
    # Row 3 continues row 2's recommendation (merged cell left blank); row 4 has no action; row 5 names nobody.
    rows = [cells(SAMPLE_ROWS[0], WORDING_A),
            ["", "Second action for the same recommendation", "Sam Lee (sam.lee@nhs.net)", "Health", "01/03/2027", ""],
            ["3. Something", "", "Sam Lee (sam.lee@nhs.net)", "Health", "01/03/2027", ""],
            ["4. Something", "An action", "", "", "01/03/2027", ""]]
    result = read_plan(plan_docx(WORDING_A, rows), "p.docx")
    got = result.record["rows"]
    assert [r["recommendation"] for r in got] == [SAMPLE_ROWS[0]["rec"]] * 2
    assert [(r["row"], r["reason"]) for r in result.record["refused"]] == [(4, "it has no action"),
                                                                        (5, "it names no owner and no agency")]


def test_read_plan_a_referral_form_or_a_table_without_plan_columns_is_not_a_plan():
    # A referral form (label | value table) and a spreadsheet of something else are not action plans.
    from intake.demo.forms import SAMPLE, docx_form

    assert read_plan(docx_form(SAMPLE), "form.docx").reason == "not_an_action_plan"
    assert read_plan(plan_xlsx(["Name", "Team", "Phone"], [["A", "B", "0151"]]), "x.xlsx").reason == "not_an_action_plan"
    assert read_plan(b"%PDF-1.4 not a plan", "x.pdf").reason == "not_an_action_plan"


def test_read_plan_zip_bomb_and_damaged_workbook_are_refused_not_opened():
    # Untrusted files: an .xlsx whose member inflates past the limit, and a truncated one, give a reason.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<a/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
    assert read_plan(buf.getvalue(), "bomb.xlsx").reason == "too_large"
    good = plan(WORDING_B, "xlsx")
    assert read_plan(good[: len(good) // 2], "cut.xlsx").reason == "corrupt"


@pytest.mark.parametrize("header, field", [
    ("Target completion date", "target_date"), ("Date completed", "completed_on"), ("Responsible agency", "agency"),
    ("Agency lead officer", "owner"), ("Single agency action", "action"), ("RAG", "status"),
    ("Rec No.", "ref"), ("Lead officer (email)", "owner_email"),
])
def test_column_of_reads_the_head_word_of_a_header(header, field):
    # "Responsible agency" is an agency, "Agency lead officer" a person, "Single agency action" an action.
    assert column_of(header) == field


# -- applying versions of a plan --------------------------------------------------------------------

@pytest.fixture
def case_db(make_cfg):
    cfg = make_cfg(agencies={"Education Service": "education.lead@liverpool.gov.uk"})
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = Case(reference="SIRG-2026-0001", year=2026, seq=1, received_at=NOW, record_json="{}", initials="AB")
        s.add(case)
        s.commit()
    return cfg, engine


def apply(cfg, engine, data, name, now=NOW):
    record = read_plan(data, name).record
    with Session(engine) as s:
        case = s.exec(select(Case)).one()
        out = action_plans.apply_plan(s, case, record, None, "email:lead@alderhey.nhs.uk", now, cfg)
        s.commit()
    return out


def test_apply_plan_creates_a_clock_per_row_and_a_later_version_updates_them_never_duplicates(case_db):
    # Version 1 (Word, wording A) creates A1-A3; version 2 (Excel, wording B, words retyped in another case and
    # spacing, a new date for one action, one more action) updates them and adds A4; an action whose words changed
    # ("the school attendance ...") is a new action A5, the old A3 kept and named (issue 23.2: no fuzzy merging).
    cfg, engine = case_db
    first = apply(cfg, engine, plan(WORDING_A, "docx"), "v1.docx")
    assert [a["clock"] for a in first.created] == ["A1", "A2", "A3"]
    changed = [dict(SAMPLE_ROWS[0], action="AUDIT 20 health-visiting records  for household composition."),
               dict(SAMPLE_ROWS[1], due=date(2027, 3, 12)),
               dict(SAMPLE_ROWS[2], action="Update the school attendance escalation policy"),
               dict(SAMPLE_ROWS[2], action="Train school attendance officers", due=date(2027, 5, 28))]
    second = apply(cfg, engine, plan(WORDING_B, "xlsx", rows=changed), "v2.xlsx")
    assert [a["clock"] for a in second.created] == ["A4", "A5"]
    assert [(a["clock"], a["changes"]) for a in second.updated] == [("A2", ["target date"])]
    assert [a["clock"] for a in second.unchanged] == ["A1"]  # retyped in capitals, other spacing: the same action
    assert second.not_in_plan == ["A3"]
    with Session(engine) as s:
        items = s.exec(select(ActionItem).order_by(ActionItem.clock)).all()
        deadlines = {d.clock: d for d in s.exec(select(Deadline))}
    assert [i.clock for i in items] == ["A1", "A2", "A3", "A4", "A5"]
    assert deadlines["A2"].due == date(2027, 3, 12)
    assert json.loads(deadlines["A2"].history)[-1]["because"] == "action plan updated"
    third = apply(cfg, engine, plan(WORDING_B, "xlsx", rows=changed), "v2-again.xlsx")
    assert third.created == [] and third.updated == [] and len(third.unchanged) == 4  # the same version: no change
    assert third.not_in_plan == ["A3"]


def test_apply_plan_a_completed_row_marks_its_clock_met_and_keeps_what_the_plan_left_out(case_db):
    # Version 2 says A1 is complete (with its date) and no longer lists A3: A1 met on that date, A3 kept and named.
    cfg, engine = case_db
    apply(cfg, engine, plan(WORDING_C, "docx"), "v1.docx")
    rows = [dict(SAMPLE_ROWS[0], status="Complete", done="15/12/2026"), SAMPLE_ROWS[1]]
    out = apply(cfg, engine, plan(WORDING_C, "docx", rows=rows), "v2.docx")
    assert out.not_in_plan == ["A3"]
    with Session(engine) as s:
        a1 = s.exec(select(Deadline).where(Deadline.clock == "A1")).one()
        events = [e.action for e in s.exec(select(AuditEvent))]
    assert a1.status == "met" and a1.met_on == date(2026, 12, 15)
    assert "deadline_met" in events and events.count("action_created") == 3


def test_recipient_is_the_owner_in_an_allowed_domain_else_the_agencys_configured_lead(case_db):
    # Priya (alderhey.nhs.uk, allowed) is reminded herself; Dana's gmail address is not used: the Education
    # Service's lead from [agencies] is reminded instead.
    cfg, engine = case_db
    apply(cfg, engine, plan(WORDING_A, "docx"), "v1.docx")
    with Session(engine) as s:
        items = {i.clock: i for i in s.exec(select(ActionItem))}
    assert action_plans.recipient(cfg, items["A1"]) == "priya.shah@alderhey.nhs.uk"
    assert action_plans.recipient(cfg, items["A3"]) == "education.lead@liverpool.gov.uk"
    assert action_plans.agency_lead({"Alder Hey": "x@alderhey.nhs.uk"}, "Alder Hey Children's NHS FT") == "x@alderhey.nhs.uk"
    assert action_plans.agency_lead({"Alder Hey": "x@alderhey.nhs.uk"}, "Police") is None


def test_config_agencies_must_map_names_to_email_addresses(make_cfg):
    # A lead that is not an email address is refused at start-up, naming the key.
    from intake.errors import ConfigError

    with pytest.raises(ConfigError, match="agencies.'Police'"):
        make_cfg(agencies={"Police": "DCI Jones"})
    with pytest.raises(ConfigError, match="actions.remind_before"):
        make_cfg(actions={"remind_before": 0})


def test_read_plan_over_several_word_tables_reads_them_all_and_names_the_table_of_each_row():
    # One table per recommendation (or a table split at a page break): every table is read, rows say which table.
    import docx

    d = docx.Document()
    for part in (SAMPLE_ROWS[:2], SAMPLE_ROWS[2:]):
        t = d.add_table(rows=1, cols=len(WORDING_A))
        for cell, text in zip(t.rows[0].cells, WORDING_A):
            cell.text = text
        for r in part + [dict(part[0], action="Another", due="TBC")]:
            for cell, value in zip(t.add_row().cells, cells(r, WORDING_A)):
                cell.text = value
        d.add_paragraph("")
    buf = io.BytesIO()
    d.save(buf)
    result = read_plan(buf.getvalue(), "two-tables.docx")
    assert [(r["table"], r["row"]) for r in result.record["rows"]] == [("table 1", 2), ("table 1", 3), ("table 2", 2)]
    assert result.warnings == ["table 1, row 4: the target date is not a date (write it like 31/03/2027)",
                               "table 2, row 3: the target date is not a date (write it like 31/03/2027)"]


def test_a_sheet_thousands_of_columns_wide_is_not_read_row_by_row():
    # openpyxl parses every cell of a row even when only 30 columns are wanted: a sheet declaring
    # thousands of columns is no action plan, and is passed over before its rows cost seconds each.
    import openpyxl

    from parsers.action_plan import MAX_DECLARED_COLUMNS, _xlsx_sheets

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Recommendation", "Action", "Owner", "Agency", "Target date", "Status"])
    ws.append(["R1", "Brief staff", "a@nhs.net", "Health", "01/02/2027", "Open"])
    ws.cell(row=3, column=MAX_DECLARED_COLUMNS + 5, value="x")
    buf = io.BytesIO()
    wb.save(buf)
    assert _xlsx_sheets(buf.getvalue())[0][1] == []
    ws.cell(row=3, column=MAX_DECLARED_COLUMNS + 5, value=None)
    ws.delete_rows(3)
    small = io.BytesIO()
    wb.save(small)
    assert _xlsx_sheets(small.getvalue())[0][1][1][:2] == ["R1", "Brief staff"]
