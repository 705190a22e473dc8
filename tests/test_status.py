"""`intake status`: the monitoring hook, on a real SQLite database filled by a real poll, with the clock pinned."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.service import status
from intake.cli.program import main
from intake.store.db import open_database
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.errors import ConfigError
from intake.store.models import OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource
from notifier.delivery import record_state
from tests.configs import LOCAL_CONFIG

POLLED = datetime(2027, 1, 20, 9, 58, tzinfo=timezone.utc)  # the poll in these scenarios (09:58 in London too)

CONFIG = LOCAL_CONFIG + """
[health]
max_poll_age = "2h"
"""


def pin(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(status, "_now", lambda: moment)


@pytest.fixture
def polled(tmp_path) -> Path:
    # A referral and an email without a form polled at 09:58 (the acknowledgement and the Manager's email delivered
    # then, the request for a form kept for review); one outgoing email then refused for good by the server.
    cfg_path = tmp_path / "config.toml"
    cfg_path.write_text(CONFIG)
    cfg = config_mod.load(cfg_path)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    src.deliver(referral_email("Sam <sam@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                               [("f.docx", docx_form(SAMPLE))]))
    src.deliver(referral_email("Pat <pat@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral", []))
    svc = build_services(cfg, now=lambda: POLLED, isolated=False)
    poll_and_deliver(svc, source=src)
    with Session(svc.engine) as s:
        row = s.exec(select(OutboundEmail).order_by(OutboundEmail.id)).first()
        row.status, row.last_error = "failed", "550 5.1.1 Mailbox unavailable"
        s.add(row)
        s.commit()
    svc.engine.dispose()
    return cfg_path


def test_status_polled_within_max_poll_age_exits_0(polled, monkeypatch, capsys):
    # Two minutes after a successful poll: exit 0; what worked when, and what waits, one line each.
    pin(monkeypatch, POLLED + timedelta(minutes=2))
    assert main(["--config", str(polled), "status"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "mailbox: ok (last checked 2027-01-20 09:58, 2 min ago; limit 2h)",
        "reminders: last run never",
        "delivery: last email delivered 2027-01-20 09:58",
        "inbound: 1 kept for review, 0 failed",
        "outgoing: 0 pending, 1 failed; see intake outbox --failed",
    ]


def test_status_mailbox_not_checked_within_max_poll_age_exits_1(polled, monkeypatch, capsys):
    # Two hours and a minute after the last successful poll (the service stopped): exit 1, the first line says so.
    pin(monkeypatch, POLLED + timedelta(hours=2, minutes=1))
    assert main(["--config", str(polled), "status"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("mailbox: FAILED - not checked successfully since 2027-01-20 09:58 (2 h 01 min ago, more than "
                      "health.max_poll_age = 2h); see journalctl -u intake and run intake check")
    assert out[1:] == ["reminders: last run never", "delivery: last email delivered 2027-01-20 09:58",
                       "inbound: 1 kept for review, 0 failed", "outgoing: 0 pending, 1 failed; see intake outbox --failed"]
    pin(monkeypatch, POLLED + timedelta(hours=2))  # exactly at the limit is still fresh
    assert main(["--config", str(polled), "status"]) == 0


def test_status_json_gives_times_in_utc_and_ages_in_seconds(polled, monkeypatch, capsys):
    # --json: one object a monitoring script can read; "healthy" decides the exit status.
    pin(monkeypatch, POLLED + timedelta(hours=3))
    assert main(["--config", str(polled), "status", "--json"]) == 1
    got = json.loads(capsys.readouterr().out)
    assert got == {
        "healthy": False, "now": "2027-01-20T12:58:00+00:00", "last_poll": "2027-01-20T09:58:00+00:00",
        "poll_age_seconds": 3 * 3600, "max_poll_age_seconds": 2 * 3600, "last_poll_error": None,
        "last_reminders": None, "last_delivery": "2027-01-20T09:58:00+00:00", "delivery_down_since": None,
        "inbound": {"review": 1, "failed": 0}, "outgoing": {"pending": 0, "failed": 1}, "oauth2_credential": None,
        "undelivered_alerts": 0,
    }


def test_status_shows_a_poll_error_newer_than_the_last_success(polled, monkeypatch, capsys):
    # The mailbox went away after the last good poll: the error is shown under the mailbox line.
    from intake.pipeline.runner import note_poll

    cfg = config_mod.load(polled)
    svc = build_services(cfg, now=lambda: POLLED + timedelta(minutes=30), isolated=False)
    note_poll(svc, ok=False, detail="the IMAP server imap.example.org:993 is unavailable (timed out); tried again next cycle")
    svc.engine.dispose()
    pin(monkeypatch, POLLED + timedelta(hours=4))
    assert main(["--config", str(polled), "status"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "mailbox: last error 2027-01-20 10:28: the IMAP server imap.example.org:993 is unavailable (timed out); "
        "tried again next cycle")


def test_status_never_polled_exits_1(tmp_path, monkeypatch, capsys):
    # A database that `intake check` made, but the service never polled: exit 1, a hint to look at the service.
    (tmp_path / "config.toml").write_text(CONFIG)
    open_database(config_mod.load(tmp_path / "config.toml").database_url).dispose()
    pin(monkeypatch, POLLED)
    assert main(["--config", str(tmp_path / "config.toml"), "status"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == ("mailbox: FAILED - never checked successfully; is the service "
                                                       "running? (systemctl status intake)")


def test_status_without_a_database_is_one_sentence_and_creates_nothing(tmp_path, capsys):
    # No database yet: exit 1, one line on stderr, and status has created no file.
    (tmp_path / "config.toml").write_text(CONFIG)
    assert main(["--config", str(tmp_path / "config.toml"), "status"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"intake: there is no database at {tmp_path / 'intake.db'} yet: the service has never run with this "
                   "configuration; run intake check --as-user USER, then start it")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


@pytest.mark.parametrize("days_left, line", [
    (31, "oauth2 credential: ok (client secret from INTAKE_OAUTH_CLIENT_SECRET (not set in this environment), "
         "expires 2027-02-20 (in 31 days))"),
    (29, "oauth2 credential: WARNING - the client secret expires on 2027-02-18 (in 29 days); before then, make a new "
         "client secret in the app registration"),
])
def test_status_warns_before_the_oauth2_credential_expires_without_network(tmp_path, monkeypatch, capsys,
                                                                           days_left, line):
    # IMAP with OAuth2 at an address that does not exist: status contacts nothing, needs no secret in its
    # environment, and warns from 30 days before oauth2.credential_expires.
    monkeypatch.delenv("INTAKE_OAUTH_CLIENT_SECRET", raising=False)
    expires = (POLLED + timedelta(days=days_left)).date().isoformat()
    (tmp_path / "config.toml").write_text(CONFIG.replace('backend = "maildir"\npath = "maildir"', (
        'backend = "imap"\nhost = "imap.invalid"\nusername = "referrals@liverpool.gov.uk"\nauth = "oauth2"'))
        + f'[oauth2]\ntenant = "t"\nclient_id = "c"\ncredential_expires = "{expires}"\n')
    cfg = config_mod.load(tmp_path / "config.toml")
    engine = open_database(cfg.database_url)
    record_state(engine, "last_poll_ok", POLLED)
    engine.dispose()
    pin(monkeypatch, POLLED + timedelta(minutes=5))
    assert main(["--config", str(tmp_path / "config.toml"), "status"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(line)


@pytest.mark.parametrize("value, message", [
    ("soon", "health.max_poll_age = 'soon' is not a duration"),
    ("1m", "health.max_poll_age = '1m' is shorter than schedule.poll_every = '2m'"),
])
def test_status_max_poll_age_bad_value_names_the_key(value, message):
    # A max_poll_age that is no duration, or shorter than the polling interval, is refused at load time.
    with pytest.raises(ConfigError) as err:
        config_mod.from_dict({"people": {"manager": "m@x.org", "chair": "c@x.org"}, "health": {"max_poll_age": value}})
    assert message in str(err.value)


@pytest.mark.parametrize("delta, text", [(timedelta(seconds=59), "0 min"), (timedelta(minutes=61), "1 h 01 min"),
                                         (timedelta(days=2, hours=5, minutes=3), "2 days 5 h")])
def test_status_age_reads_to_the_minute(delta, text):
    # How long ago, as printed.
    assert status.age(delta) == text



@pytest.mark.parametrize("content, reason", [(b"not a database at all" * 100, "file is not a database"),
                                             (b"", "no such table: service_state")])
def test_status_unreadable_database_is_one_sentence(tmp_path, capsys, content, reason):
    # A file that is no SQLite database, or one never set up: exit 1, one line naming the database and what to run.
    (tmp_path / "config.toml").write_text(CONFIG)
    (tmp_path / "intake.db").write_bytes(content)
    assert main(["--config", str(tmp_path / "config.toml"), "status"]) == 1
    err = capsys.readouterr().err
    assert err == (f"intake: cannot read the database sqlite:///{tmp_path / 'intake.db'} ({reason}); run intake check "
                   "--as-user USER\n")


def test_status_names_a_delivery_outage_after_an_hour(polled, monkeypatch, capsys):
    # Nothing could be delivered since 10:00: from 11:00 status says so (as `intake check` and the digest do); the
    # mailbox is still fine, so the exit status stays 0.
    from notifier.delivery import FAILING_SINCE, LAST_ERROR

    engine = open_database(config_mod.load(polled).database_url)
    record_state(engine, FAILING_SINCE, POLLED + timedelta(minutes=2))
    record_state(engine, LAST_ERROR, POLLED + timedelta(minutes=2))
    engine.dispose()
    pin(monkeypatch, POLLED + timedelta(minutes=61))
    assert main(["--config", str(polled), "status"]) == 0
    assert "delivery: WARNING" not in capsys.readouterr().out
    pin(monkeypatch, POLLED + timedelta(minutes=62))
    assert main(["--config", str(polled), "status"]) == 0
    assert "delivery: WARNING - nothing delivered since 2027-01-20 10:00; see intake outbox" in \
        capsys.readouterr().out.splitlines()
