"""What the operator meets (issue 26): `intake check` in an installed configuration, --strict, --production,
--send-test against real servers, secrets advice, global options after the command, `intake referral REF` as a
summary, quiet service logs, one place for meeting dates."""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from intake import config as config_mod
from intake.cli.program import main
from intake.errors import ConfigError
from intake.service import checks
from intake.service.send_test import send_test
from tests.servers import write_server_config

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = {"manager": "m@liverpool.gov.uk", "chair": "c@liverpool.gov.uk"}
OWN = {"people": PEOPLE, "smtp": {"from": "R <r@liverpool.gov.uk>"},
       "organisation": {"name": "Liverpool Safeguarding Children Partnership"}}


def test_check_installed_config_fails_each_demo_default_with_the_line_to_change(tmp_path, capsys, monkeypatch):
    # data_dir set (deploy/install's config) with the demo's Maildir and outbox and no partner domains: each is
    # FAILED, naming the section and file to change; exit 1 even without --strict.
    monkeypatch.delenv("INTAKE_COMMAND_SECRET", raising=False)
    cfg = config_mod.from_dict(OWN | {"storage": {"data_dir": str(tmp_path / "data")}}, base_dir=tmp_path)
    assert checks.run_checks(cfg, config_path="/etc/intake/config.toml") == 1
    out = capsys.readouterr().out
    assert 'mailbox: FAILED - backend = "maildir" reads the folder' in out
    assert 'in [mailbox] of /etc/intake/config.toml set backend = "imap"' in out
    assert 'smtp: FAILED - backend = "directory" writes emails as files' in out
    assert 'in [smtp] of /etc/intake/config.toml set backend = "smtp"' in out
    assert "policy: FAILED - allowed_sender_domains = [] accepts referrals from any sender" in out
    assert "emailed commands: WARNING - off" in out and out.rstrip().endswith("then run the check again")


def test_check_development_config_warns_only_and_strict_makes_a_warning_exit_1(tmp_path, capsys, monkeypatch):
    # No data_dir (the demo's or a developer's config): the embedded defaults are fine, an empty sender list and
    # emailed commands off are WARNINGs: exit 0, and 1 with --strict.
    monkeypatch.delenv("INTAKE_COMMAND_SECRET", raising=False)
    cfg = config_mod.from_dict(OWN, base_dir=tmp_path)
    assert checks.run_checks(cfg) == 0
    out = capsys.readouterr().out
    assert "mailbox: ok (Maildir" in out and "policy: WARNING - allowed_sender_domains = []" in out
    assert "check: ok - 0 FAILED" in out
    assert checks.run_checks(cfg, strict=True) == 1
    assert "(--strict: warnings count)" in capsys.readouterr().out


def test_check_production_judges_a_config_without_data_dir_as_installed(tmp_path, capsys):
    # --production: the same FAILED lines as an installed configuration.
    cfg = config_mod.from_dict(OWN, base_dir=tmp_path)
    assert checks.run_checks(cfg, production=True) == 1
    assert 'mailbox: FAILED - backend = "maildir"' in capsys.readouterr().out


def test_check_empty_password_line_says_set_it_in_the_env_file(tmp_path, capsys, monkeypatch):
    # `check --env-file F` where F has `INTAKE_IMAP_PASSWORD=` (empty): the mailbox line says to set it in F.
    monkeypatch.delenv("INTAKE_IMAP_PASSWORD", raising=False)
    env = tmp_path / "secrets.env"
    env.write_text("INTAKE_IMAP_PASSWORD=\nINTAKE_COMMAND_SECRET=\n")
    cfg = tmp_path / "config.toml"
    cfg.write_text('[people]\nmanager = "m@liverpool.gov.uk"\nchair = "c@liverpool.gov.uk"\n'
                   '[mailbox]\nbackend = "imap"\nhost = "127.0.0.1"\nport = 9\nusername = "r@liverpool.gov.uk"\n')
    assert main(["check", "--config", str(cfg), "--env-file", str(env)]) == 1
    out = capsys.readouterr().out
    assert (f"mailbox: FAILED - mailbox.password_env: INTAKE_IMAP_PASSWORD is not set in {env}; set it there") in out
    assert "export" not in out
    monkeypatch.delenv("INTAKE_IMAP_PASSWORD", raising=False)
    monkeypatch.delenv("INTAKE_COMMAND_SECRET", raising=False)


def test_secret_missing_without_env_file_names_the_service_secrets_file():
    cfg = config_mod.from_dict({"people": PEOPLE})
    with pytest.raises(ConfigError, match=r"set it in its secrets file \(/etc/intake/secrets.env"):
        cfg.secret("INTAKE_TEST_UNSET_SECRET", "smtp.password_env")


def test_global_options_are_accepted_after_the_command(tmp_path, capsys):
    # `intake status --config X` and `intake --config X status` are the same; so is --debug.
    cfg = tmp_path / "config.toml"
    cfg.write_text('[people]\nmanager = "m@liverpool.gov.uk"\nchair = "c@liverpool.gov.uk"\n')
    before = main(["--config", str(cfg), "status"]), capsys.readouterr()
    after = main(["status", "--config", str(cfg)]), capsys.readouterr()
    assert before[0] == after[0] == 1 and before[1].out == after[1].out
    assert main(["referrals", "--config", str(cfg), "--debug", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_config_names_an_example_that_exists(tmp_path, capsys):
    assert main(["referrals", "--config", str(tmp_path / "none.toml")]) == 2
    err = capsys.readouterr().err
    example = re.search(r"copy (\S+) there", err).group(1)
    assert Path(example).is_file() and example.endswith("config.example.toml")


def test_referral_summary_shows_sections_answers_clocks_and_history():
    # Only answered fields, grouped; the clocks in words; what happened; no "null".
    from intake.cli.case_view import summary_lines
    from intake.store.models import AuditEvent, Deadline
    from notifier.deadlines import rules_from_config

    _rules, cal, _ = rules_from_config({})
    row = {"reference": "SIRG-2026-0007", "initials": "AS", "status": "needs_information",
           "received_at": "2026-12-01T10:00:00+00:00", "referrer_email": "sam@liverpool.gov.uk",
           "missing": ["incident.date"], "warnings": [], "linked_to": None, "linked_cases": [], "sources": {},
           "record": {"form": "referral", "referrer": {"name": "Sam Example", "phone": None},
                      "children": [{"name": "Alex Sample", "dob": "2020-02-03", "gp": None, "looked_after": False}],
                      "incident": {"date": None, "police_involved": True}, "criteria": {"reason": None},
                      "panel_notified": None}}
    c1 = Deadline(case_id=1, clock="C1", title="Notify the national Panel", anchor="received", anchor_date=date(2026, 12, 1),
                  due=date(2026, 12, 8), status="open", estimated=True, rule="{}")
    c2 = Deadline(case_id=1, clock="C2", title="Report to the partners", anchor="received", anchor_date=date(2026, 12, 1),
                  due=date(2026, 12, 8), status="met", met_on=date(2026, 12, 2), rule="{}")
    event = AuditEvent(at=datetime(2026, 12, 2, 9, 30), actor="cli", action="deadline_met", case_id=1,
                       detail=json.dumps({"clock": "C2"}))
    text = "\n".join(summary_lines(row, [], [c1, c2], [event], config_mod.ZoneInfo("Europe/London"),
                                   date(2026, 12, 3), cal))
    assert text.startswith("SIRG-2026-0007 (AS): needs information\nreceived 10:00 on Tuesday 1 December 2026")
    assert "missing answers: incident.date" in text
    assert "Referrer\n  Name: Sam Example\n\nChild\n  Name: Alex Sample\n  Date of birth: 2020-02-03\n  Looked after: no" in text
    assert "Incident\n  Police involved: yes" in text and "Criteria" not in text and "Phone" not in text
    assert "C1   Notify the national Panel: due Tuesday 8 December 2026, due in 3 working days (estimated" in text
    assert "C2   Report to the partners: due Tuesday 8 December 2026, met on Wednesday 2 December 2026" in text
    assert "What happened\n  09:30 on Wednesday 2 December 2026: deadline met C2 (cli)" in text
    assert "null" not in text and "None" not in text


def test_run_logs_one_line_per_job_at_start_then_one_per_poll(make_cfg, caplog):
    # The service's start: three job lines of ours, none of apscheduler's "Adding job tentatively"/"Added job";
    # then one line for the first poll.
    from apscheduler.schedulers.background import BackgroundScheduler

    from intake.cli.program import _setup_logging
    from intake.service.scheduler import schedule_jobs
    from intake.service.services import build_services

    _setup_logging(False)
    caplog.set_level(logging.INFO)
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    scheduler = BackgroundScheduler(timezone=cfg.tz)
    schedule_jobs(scheduler, cfg, svc)
    scheduler.start()
    try:
        deadline = time.time() + 20
        while time.time() < deadline and not any(r.getMessage().startswith("poll: ") for r in caplog.records):
            time.sleep(0.05)
    finally:
        scheduler.shutdown(wait=True)
    lines = [r.getMessage() for r in caplog.records]
    assert [line.split(":")[0] for line in lines if line.startswith("job ")] == ["job poll", "job remind", "job digest"]
    assert not [line for line in lines if "tentatively" in line or line.startswith("Added job")]
    assert len([line for line in lines if line.startswith("poll: processed 0 message(s)")]) == 1


def test_old_deadlines_meeting_dates_still_read_with_a_deprecation_warning(caplog):
    from notifier.meetings import meeting_dates

    with caplog.at_level(logging.WARNING, logger="intake.config"):
        cfg = config_mod.from_dict({"people": PEOPLE, "deadlines": {"meeting_dates": ["2027-01-12"]},
                                    "meetings": {"dates": ["2027-02-09"]}})
    assert "deadlines.meeting_dates is deprecated" in caplog.text and "[meetings] dates" in caplog.text
    assert meeting_dates(cfg, date(2027, 1, 1)) == (date(2027, 1, 12), date(2027, 2, 9))


def _relay_into(imap, smtp):
    """The aiosmtpd server delivers what it accepts into the Dovecot mailbox (as the referral mailbox's server)."""
    recorded = smtp.handler.handle_DATA

    async def handle_DATA(server, session, envelope):
        imap.append(envelope.original_content or envelope.content)
        return await recorded(server, session, envelope)

    smtp.handler.handle_DATA = handle_DATA


def test_send_test_reads_the_email_back_when_the_manager_is_the_referral_mailbox(tmp_path, imap, smtp, monkeypatch,
                                                                              capsys):
    # Real Dovecot and aiosmtpd: the test email goes through SMTP and is found in the IMAP inbox by its Message-ID.
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", imap.password)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    _relay_into(imap, smtp)
    path = write_server_config(tmp_path / "config.toml", imap.port, "referrals@liverpool.gov.uk", smtp,
                               people={"manager": "referrals@liverpool.gov.uk"})
    cfg = config_mod.load(path)
    assert send_test(cfg) == 0
    out = capsys.readouterr().out
    assert "send-test: ok (sent to referrals@liverpool.gov.uk through 127.0.0.1" in out
    assert re.search(r"send-test: ok \(read back from 127\.0\.0\.1 INBOX after \d+ s", out), out
    msg = smtp.handler.messages[0]["msg"]
    assert msg["Auto-Submitted"] == "auto-generated" and msg["To"] == "referrals@liverpool.gov.uk"


def test_send_test_refused_by_the_smtp_server_is_one_failed_line(tmp_path, imap, smtp, monkeypatch, capsys):
    # The server refuses the Manager's address (550): FAILED with the server's answer, exit 1.
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", imap.password)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    smtp.handler.refuse.add("manager@liverpool.gov.uk")
    cfg = config_mod.load(write_server_config(tmp_path / "config.toml", imap.port, imap.user, smtp))
    assert send_test(cfg) == 1
    out = capsys.readouterr().out.strip()
    assert out.startswith("send-test: FAILED - the SMTP server did not take the test email to manager@liverpool.gov.uk")
    assert "550" in out and len(out.splitlines()) == 1
