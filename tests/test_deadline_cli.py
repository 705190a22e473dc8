"""The deadline commands on a real SQLite database, via the real CLI entry point."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlmodel import Session, select

from intake.cli.program import main
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import AuditEvent, Deadline, OutboundEmail, ServiceState
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource
from intake.service.remind import remind
from tests.configs import LOCAL_CONFIG


@pytest.fixture(autouse=True)
def cli_today_after_the_scenario(monkeypatch):
    # The scenarios here record events of Dec 2026 - Jan 2027 on the command line, which refuses a date after today
    # for what has happened: the CLI's clock is pinned after them.
    from intake.cli import deadlines as deadline_cli

    monkeypatch.setattr(deadline_cli, "_now", lambda: datetime(2027, 2, 1, 10, tzinfo=timezone.utc))

CONFIG = LOCAL_CONFIG


def deliver_case(tmp_path: Path, received: datetime, answers=None, extra_config: str = "") -> Path:
    cfg_path = tmp_path / "config.toml"
    cfg_path.write_text(CONFIG + extra_config)
    src = MaildirSource(tmp_path / "maildir")
    name = src.deliver(referral_email("Sam <sam@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                                      [("f.docx", docx_form(answers or SAMPLE))]))
    t = received.timestamp()
    os.utime(tmp_path / "maildir" / "new" / name, (t, t))
    assert main(["--config", str(cfg_path), "poll", "--once"]) == 0
    return cfg_path


def deadlines_json(cfg_path, capsys, at=None):
    capsys.readouterr()
    assert main(["--config", str(cfg_path), "deadlines", "--json"] + (["--at", at] if at else [])) == 0
    return {(d["case"], d["clock"]): d for d in json.loads(capsys.readouterr().out)}


def test_deadlines_json_has_the_contract_fields(tmp_path, capsys):
    # `intake deadlines --json`: case, clock, title, anchor, anchor_date, due, status, estimated.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    rows = deadlines_json(cfg, capsys)
    c1 = rows[("SIRG-2026-0001", "C1")]
    assert set(c1) >= {"case", "clock", "title", "anchor", "anchor_date", "due", "status", "estimated"}
    assert (c1["anchor"], c1["anchor_date"], c1["due"], c1["estimated"]) == ("incident.date_la_aware", "2026-12-24", "2027-01-05", False)


def test_remind_dry_run_json_lists_without_sending(tmp_path, capsys):
    # `remind --dry-run --json`: kind, to, case, clock, key; nothing queued.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    capsys.readouterr()
    assert main(["--config", str(cfg), "remind", "--at", "2027-01-04T09:00", "--dry-run", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {"kind", "to", "case", "clock", "key"} <= set(items[0])
    assert {i["kind"] for i in items} == {"reminder", "escalation", "digest"}
    assert [i for i in items if i["kind"] == "digest"][0]["case"] is None
    outbox = list((tmp_path / "outbox").glob("*.eml"))
    assert all("reminder" not in p.name for p in outbox)


def test_mark_met_stops_reminders_and_is_audited(tmp_path, capsys):
    # Marking C1 met: no more C1 reminders; history and audit record who and when.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    assert main(["--config", str(cfg), "mark", "SIRG-2026-0001", "C1", "--on", "2026-12-30"]) == 0
    capsys.readouterr()
    main(["--config", str(cfg), "remind", "--at", "2027-01-05T09:00", "--dry-run", "--json"])
    items = json.loads(capsys.readouterr().out)
    assert not [i for i in items if i["clock"] == "C1"] and [i for i in items if i["clock"] == "C2"]
    rows = deadlines_json(cfg, capsys)
    assert ("SIRG-2026-0001", "C1") not in rows


def test_pause_and_resume_and_waive(tmp_path, capsys):
    # A paused clock sends nothing; resumed it is open again; waived it is gone from the open list.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    assert main(["--config", str(cfg), "mark", "SIRG-2026-0001", "C4", "--pause", "--reason", "criminal proceedings"]) == 0
    assert deadlines_json(cfg, capsys)[("SIRG-2026-0001", "C4")]["status"] == "paused"
    capsys.readouterr()
    main(["--config", str(cfg), "remind", "--at", "2027-01-19T09:00", "--dry-run", "--json"])
    assert not [i for i in json.loads(capsys.readouterr().out) if i["clock"] == "C4"]
    assert main(["--config", str(cfg), "mark", "SIRG-2026-0001", "C4", "--resume"]) == 0
    assert deadlines_json(cfg, capsys)[("SIRG-2026-0001", "C4")]["status"] == "open"
    assert main(["--config", str(cfg), "mark", "SIRG-2026-0001", "C2", "--waive", "--reason", "reported by phone"]) == 0
    assert ("SIRG-2026-0001", "C2") not in deadlines_json(cfg, capsys)


def test_events_create_and_move_dependent_deadlines(tmp_path, capsys):
    # notification_sent moves C4 earlier; decision LCSPR creates C7; publication_planned creates C8.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    main(["--config", str(cfg), "event", "SIRG-2026-0001", "notification_sent", "--on", "2026-12-22"])
    rows = deadlines_json(cfg, capsys)
    assert rows[("SIRG-2026-0001", "C4")]["anchor"] == "notification_sent"
    assert rows[("SIRG-2026-0001", "C4")]["due"] == "2027-01-15"
    main(["--config", str(cfg), "event", "SIRG-2026-0001", "decision", "--on", "2027-01-12", "--value", "LCSPR"])
    main(["--config", str(cfg), "event", "SIRG-2026-0001", "publication_planned", "--on", "2027-06-15"])
    rows = deadlines_json(cfg, capsys)
    assert rows[("SIRG-2026-0001", "C7")]["due"] == "2027-07-12"
    assert rows[("SIRG-2026-0001", "C8")]["due"] == "2027-06-04"
    assert main(["--config", str(cfg), "event", "SIRG-2099-0001", "decision", "--on", "2027-01-12"]) == 2


def test_action_item_escalates_to_chair_after_five_working_days_overdue(tmp_path, capsys):
    # An action item: Manager reminded before and on the due date; Chair told at 5 working days overdue.
    cfg = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    assert main(["--config", str(cfg), "action", "SIRG-2026-0001", "--due", "2027-02-01", "--text", "Audit of safe sleep advice",
                 "--agreed", "2027-01-12"]) == 0

    def keys(at):
        capsys.readouterr()
        main(["--config", str(cfg), "remind", "--at", at, "--dry-run", "--json"])
        return [i["key"] for i in json.loads(capsys.readouterr().out) if i["clock"] == "A1"]
    assert keys("2027-02-01T09:00") == ["reminder:SIRG-2026-0001:A1:2027-02-01:due"]
    assert keys("2027-02-05T09:00") == ["reminder:SIRG-2026-0001:A1:2027-02-01:overdue-2027-02-05"]
    assert keys("2027-02-08T09:00") == ["reminder:SIRG-2026-0001:A1:2027-02-01:overdue-2027-02-08",
                                        "escalation:SIRG-2026-0001:A1:2027-02-01:overdue"]


def test_received_date_is_local_across_the_clock_change(tmp_path, capsys):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the fallback anchor is 1 July.
    answers = {k: v for k, v in SAMPLE.items() if k not in ("Date the local authority became aware", "Date of incident")}
    cfg = deliver_case(tmp_path, datetime(2026, 6, 30, 23, 30, tzinfo=timezone.utc), answers)
    c1 = deadlines_json(cfg, capsys)[("SIRG-2026-0001", "C1")]
    assert (c1["anchor"], c1["anchor_date"], c1["estimated"]) == ("received", "2026-07-01", True)


def test_estimated_deadline_says_so_in_the_reminder(tmp_path):
    # A deadline from a fallback anchor is marked estimated in the message's details (issue 24.5: not the subject).
    answers = {k: v for k, v in SAMPLE.items() if k not in ("Date the local authority became aware",)}
    cfg_path = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc), answers,
                            extra_config="[notifications]\ncombine = false\n")  # one email per reminder
    from intake import config as config_mod
    cfg = config_mod.load(cfg_path)
    svc = build_services(cfg, isolated=False)
    remind(svc, datetime(2026, 12, 30, 9, 0, tzinfo=timezone.utc))
    with Session(svc.engine) as s:
        rows = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "reminder")).all()
    assert rows and all("(estimated)" not in r.subject and "estimated" in r.raw for r in rows)
    assert "ESTIMATED" in rows[0].raw or "estimated" in rows[0].raw


def test_include_names_puts_names_in_bodies_never_by_default(tmp_path):
    # Default: initials only; [privacy] include_names = true: the child's name in the reminder body.
    from intake import config as config_mod
    for flag, expect in (("false", False), ("true", True)):
        d = tmp_path / flag
        d.mkdir()
        cfg_path = deliver_case(d, datetime(2026, 12, 24, 10, tzinfo=timezone.utc), extra_config=f"[privacy]\ninclude_names = {flag}\n"
                                "[notifications]\ncombine = false\n")
        cfg = config_mod.load(cfg_path)
        svc = build_services(cfg, isolated=False)
        remind(svc, datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc))
        texts = [p.read_text() for p in (d / "outbox").glob("*reminder*.eml")]
        assert texts
        assert any("Alex Sample" in t for t in texts) is expect
        subjects = [line for t in texts for line in t.splitlines() if line.startswith("Subject:")]
        assert not any("Alex" in s for s in subjects)


def test_digest_warns_of_a_stale_mailbox(tmp_path):
    # No successful poll for longer than stale_mailbox_hours: the digest says so.
    from intake import config as config_mod
    cfg_path = deliver_case(tmp_path, datetime(2026, 12, 24, 10, tzinfo=timezone.utc))
    cfg = config_mod.load(cfg_path)
    svc = build_services(cfg, isolated=False)
    remind(svc, datetime(2030, 1, 7, 9, 0, tzinfo=timezone.utc))
    [digest] = list((tmp_path / "outbox").glob("*digest*.eml"))
    assert "has not been checked successfully" in digest.read_text()
