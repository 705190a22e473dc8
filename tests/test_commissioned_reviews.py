"""Commissioned reviews (issue 16 part 4): an LCSPR's milestones as clock rules from the decision, its reviewer,
the Manager's reminders and the line in the Chair's meeting pack."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.cli import review as review_cli
from intake.cli.program import main
from intake.store.models import AuditEvent, Deadline
from intake.service.services import build_services
from intake.service.remind import remind
from tests.test_deadline_cli import deliver_case


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    from intake.cli import deadlines as deadline_cli

    monkeypatch.setattr(deadline_cli, "_now", lambda: datetime(2027, 2, 1, 10, tzinfo=timezone.utc))
    monkeypatch.setattr(review_cli, "_now", lambda: datetime(2027, 2, 1, 10, tzinfo=timezone.utc))


def lcspr_case(tmp_path, extra_config=""):
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc), extra_config=extra_config)
    assert main(["--config", str(cfg), "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12", "--value", "lcspr"]) == 0
    return cfg


def deadlines(cfg) -> dict[str, Deadline]:
    with Session(build_services(config_mod.load(cfg), isolated=False).engine) as s:
        return {d.clock: d for d in s.exec(select(Deadline))}


def test_lcspr_decision_starts_the_milestones_from_the_decision_date(tmp_path):
    # Decision Tue 12 Jan 2027: terms of reference +20 working days (9 Feb), first draft +4 months (12 May),
    # final report +5 months (12 Jun), publication C7 +6 months (12 Jul).
    rows = deadlines(lcspr_case(tmp_path))
    assert {c: rows[c].due for c in ("L1", "L2", "L3", "C7")} == {
        "L1": date(2027, 2, 9), "L2": date(2027, 5, 12), "L3": date(2027, 6, 12), "C7": date(2027, 7, 12)}
    assert rows["L1"].anchor == "lcspr_decision" and rows["L1"].anchor_date == date(2027, 1, 12)


def test_milestone_offsets_are_configuration(tmp_path):
    # [deadlines.rules.L1] amount = 10: the terms of reference are due 10 working days after the decision.
    rows = deadlines(lcspr_case(tmp_path, "[deadlines.rules.L1]\namount = 10\n"))
    assert rows["L1"].due == date(2027, 1, 26)


def test_no_milestones_without_an_lcspr_decision(tmp_path):
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    assert main(["--config", str(cfg), "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12",
                 "--value", "no_review"]) == 0
    assert not {"L1", "L2", "L3"} & set(deadlines(cfg))


def test_review_records_the_reviewer_once_and_referral_shows_it(tmp_path, capsys):
    # `intake review REF --reviewer --email`: recorded (once, however often it is run), listed with the
    # milestones, shown by `intake referral REF` and in its JSON.
    cfg = lcspr_case(tmp_path)
    capsys.readouterr()
    argv = ["--config", str(cfg), "review", "SIRG-2026-0001", "--reviewer", "Dr Ada Reviewer", "--email",
            "Ada.Reviewer@Example.org", "--on", "2027-01-20"]
    assert main(argv) == 0 and main(argv) == 0
    out = capsys.readouterr().out
    assert "reviewer Dr Ada Reviewer <ada.reviewer@example.org> from 2027-01-20" in out
    assert "L1  Reviewer's terms of reference agreed" in out and "due 2027-02-09" in out
    with Session(build_services(config_mod.load(cfg), isolated=False).engine) as s:
        assert len(s.exec(select(AuditEvent).where(AuditEvent.action == "reviewer_appointed")).all()) == 1
    assert main(["--config", str(cfg), "referral", "SIRG-2026-0001"]) == 0
    assert "reviewer: Dr Ada Reviewer <ada.reviewer@example.org> from 2027-01-20" in capsys.readouterr().out
    assert main(["--config", str(cfg), "referral", "SIRG-2026-0001", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviewer"] == {"name": "Dr Ada Reviewer", "email": "ada.reviewer@example.org",
                                                              "from": "2027-01-20"}


def test_review_without_an_lcspr_decision_is_refused_in_one_sentence(tmp_path, capsys):
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    capsys.readouterr()
    assert main(["--config", str(cfg), "review", "SIRG-2026-0001", "--reviewer", "A", "--email", "a@example.org"]) == 2
    err = capsys.readouterr().err
    assert "has no LCSPR decision; record it first" in err and len(err.strip().splitlines()) == 1


def test_manager_is_reminded_of_a_milestone_and_the_chair_is_not_escalated(tmp_path):
    # L1 due Tue 9 Feb 2027: the Manager's reminders at 3 and 1 working days before and on the day; overdue by 10
    # working days, still no escalation to the Chair (she sees it in the meeting pack); marking it met stops it.
    cfg = lcspr_case(tmp_path)
    svc = build_services(config_mod.load(cfg), isolated=False)

    def l1(at):
        return [(i["kind"], i["key"]) for i in remind(svc, at, dry_run=True) if i["clock"] == "L1"]

    assert l1(datetime(2027, 2, 9, 9, tzinfo=timezone.utc)) == [("reminder", "reminder:SIRG-2026-0001:L1:2027-02-09:due")]
    assert l1(datetime(2027, 2, 23, 9, tzinfo=timezone.utc)) == [
        ("reminder", "reminder:SIRG-2026-0001:L1:2027-02-09:overdue-2027-02-23")]
    assert main(["--config", str(cfg), "mark", "SIRG-2026-0001", "L1", "--on", "2027-01-29"]) == 0
    assert l1(datetime(2027, 2, 9, 9, tzinfo=timezone.utc)) == []


def test_meeting_pack_has_a_line_per_commissioned_review_with_reviewer_and_overdue_milestone(tmp_path):
    # Meeting Tue 23 Feb 2027: on Tue 16 Feb (5 working days before) the Chair's pack lists the LCSPR with its
    # reviewer, the next milestone and L1 overdue (due 9 Feb).
    cfg = lcspr_case(tmp_path, '[meetings]\ndates = ["2027-02-23"]\n')
    assert main(["--config", str(cfg), "review", "SIRG-2026-0001", "--reviewer", "Dr Ada Reviewer", "--email",
                 "ada@example.org", "--on", "2027-01-20"]) == 0
    svc = build_services(config_mod.load(cfg), isolated=False)
    remind(svc, datetime(2027, 2, 16, 9, tzinfo=timezone.utc))
    [pack] = [message_from_bytes(p.read_bytes(), policy=default_policy) for p in (tmp_path / "outbox").glob("*-agenda.eml")]
    text = pack.get_body(("plain",)).get_content()
    assert "COMMISSIONED REVIEWS (1)" in text
    line = next(x for x in text.splitlines() if x.strip().startswith("SIRG-2026-0001 (AS): reviewer"))
    assert "reviewer Dr Ada Reviewer" in line and "next L1 Reviewer's terms of reference agreed" in line
    assert "OVERDUE L1 (5 working days late)" in line
    html = pack.get_body(("html",)).get_content()
    assert "Commissioned reviews" in html and "Dr Ada Reviewer" in html
