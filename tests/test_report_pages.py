"""Issue 25 parts 2 and 3: agencies as partner agencies or categories, never a form's text; pages a reader
understands (questions as headings, dates in words, a narrative per section, a glossary, "no data in this period",
charts whose bars and legend agree, every clock due in the period counted)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone

import pytest
from sqlmodel import Session

from intake import config as config_mod
from intake.cli import report as report_cli
from intake.cli.program import main
from intake.errors import ConfigError
from intake.report.agencies import AgencyMap
from intake.report.charts import draw_charts
from intake.report.figures import ActionRow, Facts, Period, compute
from intake.report.tables import publish
from intake.store.db import open_database
from intake.store.models import Case, Deadline
from notifier.deadlines_store import working_calendar
from tests.configs import LOCAL_CONFIG

PERIOD = Period(date(2026, 4, 1), date(2027, 3, 31))

PARTNERS = LOCAL_CONFIG + '''
[agencies]
"Alder Hey" = "safeguarding@alderhey.nhs.uk"
"Merseyside Police" = { lead = "ppu@merseyside.police.uk", domains = ["merseyside.police.uk"] }
'''


@pytest.mark.parametrize("text, email, row", [
    ("St Mary's Primary School", None, "Education"),
    ("St Mary\u2019s C of E Academy", "head@stmarys.sch.uk", "Education"),
    ("Example City Council Children's Services", None, "Children's social care"),
    ("Cheshire Constabulary", None, "Police"),
    ("", "dc.smith@merseyside.police.uk", "Merseyside Police"),       # a partner by its configured domain
    ("MERSEYSIDE  police - PPU", None, "Merseyside Police"),          # a partner by its name, however written
    ("Alder Hey Children's Hospital", "someone@nhs.net", "Alder Hey"),
    ("Dr Patel's surgery", "dr.patel@nhs.net", "Health"),
    ("National Probation Service", None, "Probation"),
    ("Riverside Housing", "info@riverside.example", "Other"),
    ("", None, "Not given"),
])
def test_agency_category_reads_text_and_domain_into_a_partner_or_a_category(text, email, row):
    # The typed agency is only read to choose a row; the row is a partner agency or a category.
    agencies = AgencyMap({"Alder Hey": "safeguarding@alderhey.nhs.uk", "Merseyside Police": "ppu@merseyside.police.uk"},
                         {"Merseyside Police": ["merseyside.police.uk"]})
    assert agencies.category(text, email) == row


def test_agency_lead_domain_alone_does_not_claim_a_councils_other_departments():
    # The education service's lead writes from the council's domain; children's services' referrals, from the same
    # domain, are still children's social care.
    agencies = AgencyMap({"Example Education Service": "education.lead@example.gov.uk"})
    assert agencies.category("Example City Council Children's Services", "sw@example.gov.uk") == \
        "Children's social care"


def test_config_agencies_accepts_a_partner_with_domains_and_rejects_a_bad_domain(tmp_path):
    # [agencies] keeps "name" = "lead" lines and takes { lead, domains } tables; a bad domain is one clear line.
    (tmp_path / "config.toml").write_text(PARTNERS)
    cfg = config_mod.load(tmp_path / "config.toml")
    assert cfg.agencies["Merseyside Police"] == "ppu@merseyside.police.uk"
    assert cfg.agency_domains == {"Merseyside Police": ["merseyside.police.uk"]}
    (tmp_path / "config.toml").write_text(PARTNERS.replace('["merseyside.police.uk"]', '["not a domain"]'))
    with pytest.raises(ConfigError, match="domains must be a list of email domains"):
        config_mod.load(tmp_path / "config.toml")


def test_config_report_protection_interval_is_two_or_three_or_four(tmp_path):
    (tmp_path / "config.toml").write_text(LOCAL_CONFIG + "\n[report]\nprotection_interval = 2\n")
    assert config_mod.load(tmp_path / "config.toml").report.protection_interval == 2
    (tmp_path / "config.toml").write_text(LOCAL_CONFIG + "\n[report]\nprotection_interval = 9\n")
    with pytest.raises(ConfigError, match="protection_interval must be 2, 3 or 4"):
        config_mod.load(tmp_path / "config.toml")


@pytest.fixture
def school(tmp_path, monkeypatch):
    """Seven referrals, one from a named primary school, one from a partner by its domain; two C4 clocks due on
    24 December 2026, open, the report made on 4 December; 21 open actions for education."""
    monkeypatch.setattr(report_cli, "_now", lambda: datetime(2026, 12, 4, 9, tzinfo=timezone.utc))
    (tmp_path / "config.toml").write_text(PARTNERS)
    cfg = config_mod.load(tmp_path / "config.toml")
    engine = open_database(cfg.database_url)
    agencies = [("St Mary's Primary School", None)] + [("Merseyside Police", None)] * 5 + [("", "a@merseyside.police.uk")]
    with Session(engine) as s:
        for i, (agency, email) in enumerate(agencies, 1):
            c = Case(reference=f"SIRG-2026-{i:04d}", year=2026, seq=i, status="open", initials="ZQ",
                     received_at=datetime(2026, 11, i, 11, tzinfo=timezone.utc), referrer_email=email,
                     record_json=json.dumps({"referrer": {"agency": agency}, "incident": {"type": "death"}}))
            s.add(c)
            s.flush()
            if i <= 2:
                s.add(Deadline(case_id=c.id, clock="C4", title="C4", anchor="aware", anchor_date=date(2026, 12, 3),
                               due=date(2026, 12, 24), status="open", rule="{}"))
            if i == 1:
                for n in range(21):
                    s.add(Deadline(case_id=c.id, clock=f"A{n + 1}", title="Action", anchor="action_agreed",
                                   anchor_date=date(2026, 11, 1), due=date(2027, 1, 20), status="open",
                                   rule=json.dumps({"agency": "Example Education Service"})))
        s.commit()
    return cfg, tmp_path


def _html(cfg, tmp_path, *extra) -> str:
    out = tmp_path / "out"
    assert main(["--config", str(tmp_path / "config.toml"), "report", "--from", "2026-04-01", "--to", "2027-03-31",
                 "--out", str(out), *extra]) == 0
    return next(out.glob("*.html")).read_text()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", html)))


def test_report_never_shows_a_forms_agency_text_as_a_row(school):
    # The school is counted under Education; the partner's referrals (by name and by domain) under its name.
    cfg, tmp_path = school
    text = _text(_html(cfg, tmp_path, "--no-suppress"))
    assert "St Mary" not in text
    assert "Education 1" in text and "Merseyside Police 6" in text


def test_report_page_asks_questions_dates_in_words_narrative_and_glossary(school):
    # Headings are questions; dates are words; each section opens with a sentence; the glossary explains the marks.
    cfg, tmp_path = school
    text = _text(_html(cfg, tmp_path))
    assert "Did we tell the National Panel within 5 working days?" in text
    assert "1 April 2026 to 31 March 2027" in text and "4 December 2026" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    # 7 referrals: the police's 6 and the school's 1 would give each other away, so even the total is hidden
    assert "We received 5 or more referrals (the exact number is not published) between 1 April 2026 and 31 " \
           "March 2027." in text
    assert "Words used in this report" in text and "A count from 1 to 4." in text
    assert "C1 met on time" not in text


def test_report_empty_sections_say_no_data_instead_of_empty_axes(school):
    # No decisions were made: the page says so, and no decisions chart is drawn.
    cfg, tmp_path = school
    html = _html(cfg, tmp_path)
    assert "No data in this period." in _text(html)
    assert not (tmp_path / "out" / "chart-decisions.png").exists()


def test_report_counts_every_clock_due_in_the_period_including_those_not_yet_due(school):
    # The two C4 clocks due on 24 December 2026 are due in the period, though not yet due on 4 December.
    cfg, tmp_path = school
    report = report_cli.build(cfg, open_database(cfg.database_url), PERIOD, date(2026, 12, 4))
    c4 = publish(report, suppress=False).tables[4].rows[2]
    assert c4[0].startswith("Was the Rapid Review done") and c4[1] == "2" and c4[5] == "2"


def test_report_actions_chart_draws_every_shown_count_and_its_legend_names_only_what_is_drawn(school, tmp_path):
    # Education's 21 open actions get a bar, and the legend has its colour; no overdue bar, so no "overdue" entry.
    cfg, _ = school
    report = report_cli.build(cfg, open_database(cfg.database_url), PERIOD, date(2026, 12, 4))
    shown = {t.key: t for t in publish(report).tables}
    assert shown["actions"].rows[0] == ["Education", "0", "0", "0", "21", "21"]
    [chart] = [c for c in draw_charts(shown, tmp_path / "charts") if c.key == "actions"]
    svg = chart.svg.read_text()
    assert "open, not yet due" in svg and "overdue" not in svg.replace("not yet due", "")
    assert "#8da9c4" in svg


def test_report_overdue_actions_are_drawn_red_with_a_legend(tmp_path):
    # An agency with 6 overdue actions: the red overdue bar and its legend entry appear.
    facts = Facts([], [], [], [], [])
    facts.actions = [ActionRow("Police", date(2026, 10, 1), None, "open")] * 6 + \
                    [ActionRow("Police", date(2026, 10, 1), date(2026, 9, 30), "met")] * 7
    report = compute(facts, PERIOD, date(2026, 12, 4), working_calendar(config_mod.from_dict({
        "people": {"manager": "m@example.gov.uk", "chair": "c@example.gov.uk"}})))
    shown = {t.key: t for t in publish(report).tables}
    [chart] = [c for c in draw_charts(shown, tmp_path) if c.key == "actions"]
    svg = chart.svg.read_text()
    assert "#b2182b" in svg and "overdue" in svg


def test_report_narrative_never_shows_a_hidden_count(school):
    # The published page's words carry the tables' marks: a count hidden in a table is not spelled out in a sentence.
    cfg, tmp_path = school
    report = report_cli.build(cfg, open_database(cfg.database_url), PERIOD, date(2026, 12, 4))
    raw = publish(report, suppress=False)
    text = _text(_html(cfg, tmp_path))
    hidden = {row[0]: raw_row for t, rt in zip(publish(report).tables, raw.tables)
              for row, raw_row in zip(t.rows, rt.rows) if row[1] in ("<5", "x", "..")}
    for name, raw_row in hidden.items():
        assert f"{name} ({raw_row[1]})" not in text
