"""Case numbers on PostgreSQL, handed out apart from the message's transaction (intake.store.case_numbers): no gap
and no number twice, whatever happens between the number and the case.

Real PostgreSQL, real Dovecot and aiosmtpd; a worker that died is a real process that no longer runs.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.service.services import build_services, poll_and_deliver
from intake.store import case_numbers
from intake.store.db import open_database
from intake.store.models import Case, CaseNumber, InboundMessage
from tests.servers import server_config

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)
HOLD = timedelta(minutes=5)


@pytest.fixture
def engine(postgres):
    engine = open_database(postgres.new_database())
    yield engine
    engine.dispose()


def dead_worker() -> str:
    """The owner id of a worker process on this machine that has exited."""
    done = subprocess.run([sys.executable, "-c", "from intake.store.leases import worker_id; print(worker_id())"],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def held(engine) -> list[tuple]:
    with Session(engine) as session:
        return [(r.seq, r.holder, r.owner is not None) for r in session.exec(select(CaseNumber).order_by(CaseNumber.seq))]


def test_case_numbers_follow_on_and_a_message_gets_its_own_back(engine):
    assert case_numbers.reserve(engine, "INBOX:1:1", "w1", 2026, 2, NOW, HOLD) == [1, 2]
    assert case_numbers.reserve(engine, "INBOX:1:2", "w2", 2026, 1, NOW, HOLD) == [3]
    # the first message is processed again (its worker died before its transaction committed): the same numbers
    assert case_numbers.reserve(engine, "INBOX:1:1", "w3", 2026, 2, NOW, HOLD) == [1, 2]
    # another year starts at 1
    assert case_numbers.reserve(engine, "INBOX:1:3", "w2", 2027, 1, NOW, HOLD) == [1]


def test_case_numbers_of_a_dead_worker_or_run_out_go_to_the_next_case_lowest_first(engine):
    with engine.begin() as conn:  # numbers handed out earlier, whose cases have not come
        conn.execute(CaseNumber.__table__.insert(), [
            {"year": 2026, "seq": 1, "holder": "INBOX:1:1", "owner": dead_worker(), "until": NOW + HOLD},
            {"year": 2026, "seq": 2, "holder": "INBOX:1:2", "owner": "elsewhere:1", "until": NOW + HOLD},  # (alive)
            {"year": 2026, "seq": 3, "holder": "INBOX:1:3", "owner": "elsewhere:2", "until": NOW}])  # ran out now
    assert case_numbers.reserve(engine, "INBOX:1:4", "w4", 2026, 3, NOW, HOLD) == [1, 3, 4]
    assert [(seq, holder) for seq, holder, _ in held(engine)] == [
        (1, "INBOX:1:4"), (2, "INBOX:1:2"), (3, "INBOX:1:4"), (4, "INBOX:1:4")]


def test_case_numbers_a_message_needing_fewer_sets_the_rest_free(engine):
    case_numbers.reserve(engine, "INBOX:1:1", "w1", 2026, 3, NOW, HOLD)
    assert case_numbers.reserve(engine, "INBOX:1:1", "w1", 2026, 1, NOW, HOLD) == [1]
    assert held(engine) == [(1, "INBOX:1:1", True), (2, "INBOX:1:1", False), (3, "INBOX:1:1", False)]
    assert case_numbers.reserve(engine, "INBOX:1:9", "w9", 2026, 3, NOW, HOLD) == [2, 3, 4]


def test_case_numbers_a_number_used_by_a_committed_case_is_never_handed_out_again(engine):
    [seq] = case_numbers.reserve(engine, "INBOX:1:1", "w1", 2026, 1, NOW, HOLD)
    with engine.begin() as conn:  # the case and its number commit together, as the message's transaction does
        conn.execute(Case.__table__.insert().values(reference=f"SIRG-2026-{seq:04d}", year=2026, seq=seq, status="received",
                                                    received_at=NOW, record_json="{}", missing_json="[]",
                                                    warnings_json="[]"))
        case_numbers.consumed(conn, 2026, [seq])
    assert held(engine) == []
    assert case_numbers.reserve(engine, "INBOX:1:1", "w1", 2026, 1, NOW, HOLD) == [2]


def referral(i: int):
    return referral_email(f"Sam Worker <sam{i}@liverpool.gov.uk>", TO, "Case referral",
                          [("Referral.docx", docx_form(SAMPLE))], message_id=f"<numbers-{i}@liverpool.gov.uk>")


@pytest.fixture
def pg_server_cfg(tmp_path, imap, smtp, monkeypatch, postgres):
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", imap.password)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    raw = server_config(imap.port, imap.user, smtp, database={"url": postgres.new_database()},
                        storage={"path": str(tmp_path / "files")}, policy={"replies_per_sender_per_day": 10},
                        organisation={"name": "Test Partnership", "reference_prefix": "SIRG"})
    return config_mod.from_dict(raw, base_dir=tmp_path)


def references(svc) -> list[str]:
    with Session(svc.engine) as session:
        return sorted(session.exec(select(Case.reference)).all())


@pytest.mark.servers
def test_case_numbers_a_worker_killed_after_its_number_leaves_no_gap(pg_server_cfg, imap, smtp):
    # A worker took number 1 for a message and was killed before the message's transaction committed; the message
    # was then taken out of the inbox by a person. The next referral gets number 1: no gap.
    svc = build_services(pg_server_cfg, isolated=False)
    year = datetime.now(pg_server_cfg.tz).year
    case_numbers.reserve(svc.engine, "INBOX:gone:1", dead_worker(), year, 1, svc.now(), HOLD)
    imap.append(referral(1))
    imap.append(referral(2))
    poll_and_deliver(svc)
    assert references(svc) == [f"SIRG-{year}-0001", f"SIRG-{year}-0002"]
    assert held(svc.engine) == []


@pytest.mark.servers
def test_case_numbers_a_message_that_fails_after_its_number_sets_it_free(pg_server_cfg, imap, smtp):
    # The first referral's clocks cannot be started (forced: a bug a real server cannot produce): it is recorded as
    # failed, one message's failure; its number goes to the next referral, and the numbers keep no gap.
    svc = build_services(pg_server_cfg, isolated=False)
    after_case, calls = svc.after_case, []

    def fail_first(session, case, now):
        calls.append(case.reference)
        if len(calls) == 1:
            raise RuntimeError("clock rules broken")
        after_case(session, case, now)

    svc.after_case = fail_first
    imap.append(referral(1))
    imap.append(referral(2))
    report, _ = poll_and_deliver(svc)
    year = datetime.now(pg_server_cfg.tz).year
    assert report.outcomes["failed"] == 1 and report.outcomes["referral"] == 1
    assert calls == [f"SIRG-{year}-0001", f"SIRG-{year}-0001"]
    assert references(svc) == [f"SIRG-{year}-0001"]
    with Session(svc.engine) as session:
        case = session.exec(select(Case)).one()
        assert session.get(InboundMessage, case.inbound_id).message_id == "<numbers-2@liverpool.gov.uk>"
    assert [(seq, owner) for seq, _, owner in held(svc.engine)] == []
