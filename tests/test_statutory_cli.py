"""Statutory commands refuse nonsense (issue 14): the command line and emailed commands share one validation."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone

import pytest
from sqlmodel import Session, select

from intake.duties import actions
from intake import config as config_mod
from intake.cli.program import main
from intake.store.db import open_database
from intake.store.models import AuditEvent, Case, Deadline
from tests.test_deadline_cli import deliver_case

TODAY = datetime(2027, 1, 20, 10, tzinfo=timezone.utc)  # the CLI's "now" in these scenarios


@pytest.fixture(autouse=True)
def cli_now(monkeypatch):
    from intake.cli import deadlines as deadline_cli

    monkeypatch.setattr(deadline_cli, "_now", lambda: TODAY)


@pytest.fixture(scope="module")
def one_case(tmp_path_factory):
    # One case received 2026-12-24, polled once; each test gets its own copy of the folder.
    return deliver_case(tmp_path_factory.mktemp("case"), datetime(2026, 12, 24, 10, tzinfo=timezone.utc)).parent


@pytest.fixture
def case_cfg(one_case, tmp_path):
    shutil.copytree(one_case, tmp_path / "c")
    return tmp_path / "c" / "config.toml"


def deadlines(cfg_path) -> dict[str, Deadline]:
    engine = open_database(config_mod.load(cfg_path).database_url)
    with Session(engine) as s:
        return {d.clock: d for d in s.exec(select(Deadline))}


def events(cfg_path) -> list[dict]:
    engine = open_database(config_mod.load(cfg_path).database_url)
    with Session(engine) as s:
        return [json.loads(e.detail) for e in s.exec(select(AuditEvent).where(AuditEvent.action == "event"))]


def run(cfg_path, *argv) -> int:
    return main(["--config", str(cfg_path), *argv])


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_event_decision_without_value_is_refused_and_starts_no_clock(case_cfg, capsys):
    # `event REF decision` with no --value used to start the 6-month LCSPR clock silently.
    assert run(case_cfg, "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12") == 2
    err = one_line_error(capsys)
    assert "needs its value" in err and "lcspr" in err and "no_review" in err
    assert "C7" not in deadlines(case_cfg) and events(case_cfg) == []


def test_event_decision_bogus_value_is_refused(case_cfg, capsys):
    # --value bogus used to be recorded as the decision.
    assert run(case_cfg, "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12", "--value", "bogus") == 2
    assert "'bogus' is not a decision" in one_line_error(capsys)
    assert events(case_cfg) == []


@pytest.mark.parametrize("value, canonical, starts_c7", [
    ("lcspr", "lcspr", True), ("LCSPR", "lcspr", True), ("rapid_review_only", "rapid_review_only", False),
    ("no_review", "no_review", False), ("national-review", "national_review", False),
])
def test_event_decision_allowed_values_are_recorded_canonically(case_cfg, capsys, value, canonical, starts_c7):
    # The fixed list (any letter case, - or _); only lcspr starts C7.
    assert run(case_cfg, "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12", "--value", value) == 0
    assert events(case_cfg)[-1]["value"] == canonical
    assert ("C7" in deadlines(case_cfg)) is starts_c7
    engine = open_database(config_mod.load(case_cfg).database_url)
    with Session(engine) as s:
        assert s.exec(select(Case)).one().status == f"decision:{canonical}"


def test_event_value_on_other_events_is_refused(case_cfg, capsys):
    # --value means something only for a decision.
    assert run(case_cfg, "event", "SIRG-2026-0001", "notification_sent", "--on", "2026-12-29", "--value", "x") == 2
    assert "takes no --value" in one_line_error(capsys)


def test_event_notification_sent_marks_c1_met_like_emailed_notified(case_cfg, capsys):
    # `event notification_sent` marks C1 met on that date (reason "Panel notified"), as NOTIFIED does by email.
    assert deadlines(case_cfg)["C1"].status == "open"
    assert run(case_cfg, "event", "sirg-2026-0001", "notification_sent", "--on", "2026-12-29") == 0
    out = capsys.readouterr().out
    assert "C1 met on 2026-12-29" in out and out.startswith("SIRG-2026-0001:")
    c1 = deadlines(case_cfg)["C1"]
    assert (c1.status, c1.met_on) == ("met", date(2026, 12, 29))
    assert [h["reason"] for h in json.loads(c1.history) if h["what"] == "met"] == ["Panel notified"]


@pytest.mark.parametrize("flag", ["--waive", "--pause"])
def test_mark_waive_or_pause_without_reason_is_refused(case_cfg, capsys, flag):
    # A waived or paused statutory clock must say why.
    assert run(case_cfg, "mark", "SIRG-2026-0001", "C2", flag) == 2
    assert "needs --reason" in one_line_error(capsys)
    assert deadlines(case_cfg)["C2"].status == "open"
    assert run(case_cfg, "mark", "SIRG-2026-0001", "C2", flag, "--reason", "   ") == 2


@pytest.mark.parametrize("argv", [
    ["mark", "SIRG-2026-0001", "C1", "--on", "2027-01-21"],
    ["mark", "SIRG-2026-0001", "C1", "--on", "2031-01-01"],
    ["mark", "SIRG-2026-0001", "C4", "--pause", "--on", "2027-02-01", "--reason", "criminal proceedings"],
    ["event", "SIRG-2026-0001", "notification_sent", "--on", "2027-01-21"],
    ["event", "SIRG-2026-0001", "decision", "--on", "2028-01-12", "--value", "lcspr"],
])
def test_dates_after_today_for_what_happened_are_refused(case_cfg, capsys, argv):
    # Today is 2027-01-20: a met, paused, notified or decided date after it is a typing error.
    assert run(case_cfg, *argv) == 2
    assert "is after today (2027-01-20)" in one_line_error(capsys)
    assert all(d.status == "open" for d in deadlines(case_cfg).values())


def test_planned_publication_may_be_ahead_and_met_today_is_accepted(case_cfg, capsys):
    # A planned publication date lies ahead; today itself is not in the future.
    assert run(case_cfg, "event", "SIRG-2026-0001", "publication_planned", "--on", "2027-09-15") == 0
    assert deadlines(case_cfg)["C8"].due == date(2027, 9, 6)
    assert run(case_cfg, "mark", "SIRG-2026-0001", "C2", "--on", "2027-01-20") == 0


def test_references_are_not_case_sensitive(case_cfg, capsys):
    # `sirg-2026-0001` finds SIRG-2026-0001 in referral, mark and event.
    assert run(case_cfg, "referral", "sirg-2026-0001", "--json") == 0
    assert json.loads(capsys.readouterr().out)["reference"] == "SIRG-2026-0001"
    assert run(case_cfg, "mark", "Sirg-2026-0001", "c2", "--on", "2027-01-04") == 0
    assert capsys.readouterr().out.startswith("SIRG-2026-0001 C2: met")
    assert deadlines(case_cfg)["C2"].status == "met"


def test_emailed_commands_share_the_validation(case_cfg):
    # The functions emailed commands call refuse the same things; NOTIFIED after notification_sent adds no 2nd entry.
    cfg = config_mod.load(case_cfg)
    engine = open_database(cfg.database_url)
    with Session(engine) as s:
        case = actions.find_case(s, "sirg-2026-0001")
        with pytest.raises(actions.ActionError, match="not a decision"):
            actions.record_event(s, case, "decision", date(2027, 1, 12), "maybe", "email:m@x", TODAY, cfg)
        with pytest.raises(actions.ActionError, match="needs its reason"):
            actions.mark(s, case, "C2", "waived", date(2027, 1, 12), "", "email:m@x", TODAY, cfg)
        with pytest.raises(actions.ActionError, match="after today"):
            actions.mark(s, case, "C1", "met", date(2027, 1, 21), "", "email:m@x", TODAY)
        # the emailed DECISION wordings are accepted
        actions.record_event(s, case, "decision", date(2027, 1, 12), "single-agency review", "email:m@x", TODAY, cfg)
        assert case.status == "decision:single_agency_review"
        actions.record_event(s, case, "notification_sent", date(2026, 12, 29), None, "email:m@x", TODAY, cfg)
        actions.mark(s, case, "C1", "met", date(2026, 12, 29), "Panel notified", "email:m@x", TODAY)  # as NOTIFIED does
        c1 = s.exec(select(Deadline).where(Deadline.clock == "C1")).one()
        assert [h["what"] for h in json.loads(c1.history)].count("met") == 1
