"""The annual report (issue 16 part 5): its numbers against a known set of cases, deadlines, decisions and
actions written into a real SQLite database; suppression; every format written and read back."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import pytest
from sqlmodel import Session

from intake import config as config_mod
from intake.cli import report as report_cli
from intake.cli.program import main
from intake.store.db import open_database
from intake.store.models import AuditEvent, Case, Deadline
from intake.report.figures import Period
from intake.report.tables import headline, tables
from tests.configs import LOCAL_CONFIG

PERIOD = Period(date(2026, 4, 1), date(2027, 3, 31))
TODAY = date(2027, 4, 15)
# Words that must never appear in a report: the child's name and initials, the referrer's name.
PERSONAL = ("Zebedee", "Quill", "ZQ", "Yolanda", "Pratt")

CONFIG = LOCAL_CONFIG

# (received, referring agency as written on the form, incident type)
CASES = (
    [(date(2026, 4, d), "Merseyside Police", "death") for d in (2, 9, 20)]
    + [(date(2026, 5, d), "Merseyside Police", "death") for d in (4, 11)]
    + [(date(2026, 5, 18), "merseyside  police", "death")]              # same agency, other spelling
    + [(date(2026, 6, d), "Alder Hey NHS", "serious_harm") for d in (1, 2, 3, 4, 5)]
    + [(date(2026, 7, 1), "Example High School", "death"), (date(2026, 7, 2), "Example High School", "serious_harm")]
    + [(date(2026, 3, 31), "Merseyside Police", "death"), (date(2027, 4, 1), "Alder Hey NHS", "death")]  # outside
)
# (clock, anchor, due, status, met_on)
C1_ANCHOR, C1_DUE = date(2026, 6, 8), date(2026, 6, 15)        # Mon + 5 working days
DEADLINES = (
    [("C1", C1_ANCHOR, C1_DUE, "met", C1_ANCHOR.replace(day=d)) for d in (9, 10, 11, 11, 12, 15, 15, 15)]  # 1,2,3,3,4,5,5,5 wd
    + [("C1", C1_ANCHOR, C1_DUE, "met", date(2026, 6, 17))]                        # 7 working days: late
    + [("C1", date(2026, 9, 1), date(2026, 9, 8), "open", None)]                   # never met: overdue
    + [("C1", date(2026, 10, 1), date(2026, 10, 8), "waived", None)]
    + [("C1", date(2026, 11, 2), date(2026, 11, 9), "paused", None)]              # criminal proceedings: not judged
    + [("C1", date(2027, 3, 24), date(2027, 3, 31), "open", None)]                 # due on the last day: not yet judged
    + [("C1", date(2026, 3, 20), date(2026, 3, 27), "met", date(2026, 3, 27))]     # due before the period
    + [("C2", C1_ANCHOR, C1_DUE, "met", C1_ANCHOR.replace(day=d)) for d in (10, 11, 12)]   # 2, 3, 4 wd
    + [("C4", date(2026, 6, 1), date(2026, 6, 22), "met", d) for d in
       (date(2026, 6, 15), date(2026, 6, 17), date(2026, 6, 19), date(2026, 6, 22), date(2026, 6, 22))]  # 10,12,14,15,15
    + [("C7", date(2026, 6, 30), date(2026, 12, 30), "met", date(2027, 1, 29))]
)
# (the final decision's value and day; a case with two decisions counts its latest)
DECISIONS = ([("no_review", date(2026, 6, 20))] * 6 + [("rapid_review_only", date(2026, 7, 10))] * 3
             + [("lcspr", date(2026, 8, 1))] + [("lcspr", date(2027, 4, 5))])   # the last is after the period
# (agency, due, status, met_on)
ACTIONS = ([("Merseyside Police", date(2026, 11, 1), "met", date(2026, 10, 30))] * 3
           + [("Merseyside Police", date(2026, 11, 1), "met", date(2026, 11, 20))]
           + [("Merseyside Police", date(2027, 1, 10), "open", None)] * 2
           + [("Alder Hey NHS", date(2027, 2, 1), "met", date(2027, 2, 1))] * 5
           + [("Alder Hey NHS", date(2027, 2, 1), "waived", None), ("Alder Hey NHS", date(2027, 6, 1), "open", None)])


def record(agency: str, incident_type: str) -> str:
    return json.dumps({"referrer": {"name": "Yolanda Pratt", "agency": agency, "role": "Sergeant", "email": None, "phone": None},
                       "children": [{"name": "Zebedee Quill", "dob": "2015-01-01"}],
                       "incident": {"type": incident_type, "summary": "Zebedee Quill was found", "date": None}})


@pytest.fixture
def known(tmp_path):
    """The known set in a real SQLite database; returns the config."""
    (tmp_path / "config.toml").write_text(CONFIG)
    cfg = config_mod.load(tmp_path / "config.toml")
    engine = open_database(cfg.database_url)
    now = datetime(2027, 4, 15, 9, tzinfo=timezone.utc)
    with Session(engine) as s:
        cases = []
        for i, (received, agency, kind) in enumerate(CASES, 1):
            c = Case(reference=f"SIRG-2026-{i:04d}", year=2026, seq=i, status="open", initials="ZQ",
                     received_at=datetime(received.year, received.month, received.day, 11, tzinfo=timezone.utc),
                     record_json=record(agency, kind))
            s.add(c)
            cases.append(c)
        s.flush()
        counters: dict[tuple[int, str], int] = {}
        for n, (clock, anchor, due, status, met_on) in enumerate(DEADLINES):
            case = cases[n % len(cases)]
            key = (case.id, clock)
            counters[key] = counters.get(key, 0) + 1
            s.add(Deadline(case_id=case.id, clock=clock if counters[key] == 1 else f"{clock}x{counters[key]}",
                           title=clock, anchor="incident.date_la_aware", anchor_date=anchor, due=due, status=status,
                           met_on=met_on, rule="{}"))
        s.flush()
        for n, (value, on) in enumerate(DECISIONS):
            if n == 0:  # an earlier decision on the same case is replaced by its latest
                s.add(AuditEvent(at=now, actor="cli", action="event", case_id=cases[n].id,
                                 detail=json.dumps({"event": "decision", "on": "2026-06-01", "value": "lcspr"})))
            s.add(AuditEvent(at=now, actor="cli", action="event", case_id=cases[n].id,
                             detail=json.dumps({"event": "decision", "on": on.isoformat(), "value": value})))
        for n, (agency, due, status, met_on) in enumerate(ACTIONS, 1):
            s.add(Deadline(case_id=cases[0].id, clock=f"A{n}", title="Action", anchor="action_agreed",
                           anchor_date=date(2026, 9, 1), due=due, status=status, met_on=met_on,
                           rule=json.dumps({"unit": "own due date", "agency": agency})))
        s.commit()
    return cfg


def figures(cfg, suppress=True):
    report = report_cli.build(cfg, open_database(cfg.database_url), PERIOD, TODAY)
    return report, {t.key: t for t in tables(report, suppress)}


def rows(table) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in table.rows}


def test_report_counts_referrals_by_month_agency_and_incident_type_in_the_period(known):
    # 13 referrals in the period (two outside it are left out); agencies are counted by category, whatever the
    # form calls them (two spellings of the police are one row, the school is "Education").
    report, shown = figures(known, suppress=False)
    assert report.referrals == 13
    months = rows(shown["by_month"])
    assert (months["April 2026"], months["May 2026"], months["June 2026"], months["July 2026"], months["March 2027"]) \
        == (["3"], ["3"], ["5"], ["2"], ["0"])
    assert rows(shown["by_agency"]) == {"Police": ["6"], "Health": ["5"], "Education": ["2"],
                                         "Children's social care": ["0"], "Probation": ["0"], "Other": ["0"],
                                         "Total": ["13"]}
    incidents = rows(shown["by_incident"])
    assert (incidents["Death of a child"], incidents["Serious harm to a child"], incidents["Total"]) == (["7"], ["6"], ["13"])


def test_report_suppresses_a_small_agency_and_the_cells_that_would_give_it_back(known):
    # Education's 2 referrals show as "<5"; hiding Health's 5 alone ("x", so 5 or more) would leave 13 - 6 = 7 =
    # x + <5, so the 2 exactly: the police's 6 is hidden too, and the 2 can be 1 to 4 again.
    _, shown = figures(known)
    assert rows(shown["by_agency"])["Education"] == ["<5"]
    assert rows(shown["by_agency"])["Police"] == ["x"] and rows(shown["by_agency"])["Health"] == ["x"]
    months = rows(shown["by_month"])
    assert (months["April 2026"], months["June 2026"], months["July 2026"]) == (["<5"], ["5"], ["<5"])


def test_report_counts_each_case_latest_decision_made_in_the_period(known):
    # 6 no review, 3 rapid review only, 1 LCSPR in the period (another LCSPR decided after it is left out; a case
    # decided twice counts its latest decision once).
    _, shown = figures(known, suppress=False)
    lcspr = "Local child safeguarding practice review (LCSPR)"
    assert rows(shown["decisions"]) == {"No review": ["6"], "Rapid Review only": ["3"], lcspr: ["1"],
                                        "National review": ["0"], "Other local or single-agency review": ["0"],
                                        "Total": ["10"]}
    _, shown = figures(known)
    assert rows(shown["decisions"])[lcspr] == ["<5"] and rows(shown["decisions"])["Rapid Review only"] == ["<5"]


def timeliness(shown) -> dict[str, list[str]]:
    return {label: row[1:] for label, row in zip(["C1", "C2", "C4", "C7"], shown["timeliness"].rows)}


def test_report_timeliness_shares_and_medians_from_the_known_deadlines(known):
    # C1: 13 due in the period: 8 on time, 1 late, 1 never met, 1 due on the last day (not yet judged), 1 waived
    # and 1 paused; 80% of the 10 judged on time, median 4 working days of the 9 met. C4: 5 of 5 on time, median
    # 14 working days. A median is shown for 5 or more met.
    _, shown = figures(known, suppress=False)
    t = timeliness(shown)
    assert t["C1"] == ["13", "8", "1", "1", "1", "2", "80%", "4 working days"]
    assert t["C2"] == ["3", "3", "0", "0", "0", "0", "100%", "-"]
    assert t["C4"] == ["5", "5", "0", "0", "0", "0", "100%", "14 working days"]
    assert t["C7"] == ["1", "0", "1", "0", "0", "0", "0%", "-"]


def test_report_timeliness_hides_a_share_whose_counts_are_hidden(known):
    # C1's small counts are "<5" and its 8 on time is hidden too, so neither the 80% nor the median is shown;
    # C4 (5 of 5) is shown whole; C2's 3 deadlines give neither share nor median.
    _, shown = figures(known)
    t = timeliness(shown)
    assert t["C1"] == ["13", "x", "<5", "<5", "<5", "<5", "-", "-"]
    assert t["C2"] == ["<5", "<5", "0", "0", "0", "0", "-", "-"]
    assert t["C4"] == ["5", "5", "0", "0", "0", "0", "100%", "14 working days"]


def test_report_actions_by_agency_on_time_late_overdue(known):
    # Police: 3 on time, 1 late, 2 overdue; Health (Alder Hey): 5 on time (its waived action is left out, the one
    # due after the period too).
    _, shown = figures(known, suppress=False)
    assert rows(shown["actions"]) == {"Health": ["5", "0", "0", "0", "5"], "Police": ["3", "1", "2", "0", "6"],
                                      "Total": ["8", "1", "2", "0", "11"]}
    _, shown = figures(known)
    assert rows(shown["actions"])["Total"][1:3] == ["<5", "<5"]


def test_report_headline_reads_the_cells_as_shown(known):
    # The headline shows what the tables show: a hidden cell stays hidden here too.
    report, _ = figures(known)
    assert dict(headline(report)) == {"Referrals received": "13", "Local reviews (LCSPRs) commissioned": "<5",
                                      "National Panel told on time": "-", "Partners told on time": "-",
                                      "Rapid Review done on time": "100%", "LCSPR published on time": "-",
                                      "Actions overdue": "<5"}
    assert dict(headline(report, suppress=False))["National Panel told on time"] == "80%"


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.images, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        self._in = tag in ("td", "th")
        if tag == "img":
            self.images.append(dict(attrs)["src"])

    def handle_data(self, data):
        if self._in and data.strip():
            self.cells.append(data.strip())


def _cli_report(cfg, tmp_path, fmt, *extra):
    out = tmp_path / f"report-{fmt}"
    code = main(["--config", str(tmp_path / "config.toml"), "report", "--from", "2026-04-01", "--to", "2027-03-31",
                 "--format", fmt, "--out", str(out), *extra])
    assert code == 0
    return out


@pytest.fixture
def pinned_today(monkeypatch):
    monkeypatch.setattr(report_cli, "_now", lambda: datetime(2027, 4, 15, 9, tzinfo=timezone.utc))


def test_report_html_embeds_charts_and_shows_the_suppressed_cells(known, tmp_path, pinned_today):
    # The HTML carries the tables as shown and its charts as PNG; each chart is also written as PNG and SVG.
    out = _cli_report(known, tmp_path, "html")
    [page] = out.glob("*.html")
    parser = _Cells()
    parser.feed(page.read_text())
    text = " ".join(parser.cells)
    assert "Education <5" in text and "Health x" in text and "Example High School" not in text
    # every count of the actions table is hidden ("<5", "x"): no chart of empty axes for it, the table says it all
    assert len(parser.images) == 3 and all(src.startswith("data:image/png;base64,") for src in parser.images)
    assert not (out / "chart-actions.png").exists()
    for key in ("referrals-by-month", "decisions", "timeliness"):
        assert (out / f"chart-{key}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert ET.parse(out / f"chart-{key}.svg").getroot().tag.endswith("svg")
    readable = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page.read_text())  # base64 spells anything
    assert not [w for w in PERSONAL if w in readable]


def test_report_markdown_lists_the_tables_and_links_the_charts(known, tmp_path, pinned_today):
    out = _cli_report(known, tmp_path, "md")
    [page] = out.glob("*.md")
    md = page.read_text()
    assert "| Education | <5 |" in md and "| Health | x |" in md
    assert "![Referrals received each month](chart-referrals-by-month.png)" in md
    assert not [w for w in PERSONAL if w in md]


def test_report_csv_has_every_cell_as_shown(known, tmp_path, pinned_today):
    out = _cli_report(known, tmp_path, "csv")
    [path] = out.glob("*.csv")
    with path.open(newline="") as fh:
        cells = {(r["section"], r["row"], r["column"]): r["value"] for r in csv.DictReader(fh)}
    agencies = "Which agencies made the referrals?"
    assert cells[(agencies, "Education", "Count")] == "<5"
    assert cells[(agencies, "Health", "Count")] == "x"
    assert cells[("Headline", "Referrals received", "Value")] == "13"
    assert cells[("Did we meet the statutory deadlines?", "Was the Rapid Review done within 15 working days?",
                  "Median time taken")] == "14 working days"
    assert not [w for w in PERSONAL if w in path.read_text()]


def test_report_xlsx_read_back_with_openpyxl(known, tmp_path, pinned_today):
    from openpyxl import load_workbook

    out = _cli_report(known, tmp_path, "xlsx")
    [path] = out.glob("*.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Headline"
    agencies = {r[0]: r[1] for r in wb["Referrals by agency"].iter_rows(min_row=2, values_only=True) if r[1] is not None}
    assert agencies == {"Police": "x", "Health": "x", "Education": "<5", "Children's social care": 0, "Probation": 0,
                        "Other": 0, "Total": 13}
    every = " ".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    assert not [w for w in PERSONAL if w in every]


def test_report_no_suppress_shows_small_counts_in_every_format(known, tmp_path, pinned_today):
    # --no-suppress: Education's 2 and Health's 5 are shown, in the CSV and the XLSX alike.
    from openpyxl import load_workbook

    out = _cli_report(known, tmp_path, "csv", "--no-suppress")
    with next(out.glob("*.csv")).open(newline="") as fh:
        cells = {(r["section"], r["row"], r["column"]): r["value"] for r in csv.DictReader(fh)}
    assert cells[("Which agencies made the referrals?", "Education", "Count")] == "2"
    out = _cli_report(known, tmp_path, "xlsx", "--no-suppress")
    ws = load_workbook(next(out.glob("*.xlsx")))["Referrals by agency"]
    assert {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}["Health"] == 5


def test_report_refuses_a_period_that_ends_before_it_starts(known, tmp_path, capsys):
    # Bad input: one plain sentence, exit 2, nothing written.
    code = main(["--config", str(tmp_path / "config.toml"), "report", "--from", "2027-03-31", "--to", "2026-04-01",
                 "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and "is before --from" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()
    code = main(["--config", str(tmp_path / "config.toml"), "report", "--from", "April", "--to", "2026-04-01",
                 "--out", str(tmp_path / "r")])
    assert code == 2 and "is not a DATE" in capsys.readouterr().err


def test_report_with_no_cases_at_all_is_written_with_zeros(tmp_path, pinned_today):
    # An empty database (a new installation): every table has its rows of zeros, the headline reads 0 and "-".
    (tmp_path / "config.toml").write_text(CONFIG)
    out = _cli_report(None, tmp_path, "html")
    assert out.joinpath("annual-report-2026-04-01-to-2027-03-31.html").exists()
    cfg = config_mod.load(tmp_path / "config.toml")
    report, shown = figures(cfg)
    assert dict(headline(report))["Actions overdue"] == "0" and dict(headline(report))["Referrals received"] == "0"
    assert rows(shown["actions"]) == {"Total": ["0", "0", "0", "0", "0"]}
