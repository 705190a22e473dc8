"""Things that must not drift apart: templates and message kinds, migrations and models, module boundaries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from intake.store.db import alembic_config, head_revision, open_database
from notifier.compose import TEMPLATE_DIR

ROOT = Path(__file__).resolve().parents[1]
KINDS = {("referrer", "acknowledgement"), ("referrer", "needs_info"), ("referrer", "sender_not_allowed"),
         ("referrer", "too_large"), ("referrer", "reply_ack"), ("person", "command_result"),
         ("manager", "new_referral"), ("manager", "reminder"), ("manager", "digest"), ("manager", "case_updated"),
         ("chair", "escalation"), ("chair", "agenda"), ("panel", "rapid_review_invitation"), ("panel", "rapid_review_cancelled"),
         ("manager", "rapid_review_unset"),
         ("referrer", "action_plan_ack"), ("referrer", "action_plan_unknown_case"), ("person", "action_reminder"),
         ("person", "undelivered"), ("person", "late_referral")}


def test_every_message_kind_has_text_and_html_templates_and_every_template_is_used():
    # One .txt.j2 and one .html.j2 per (audience, kind); no orphan templates.
    found = {(p.parent.name, p.name.split(".")[0]) for p in TEMPLATE_DIR.rglob("*.j2")}
    assert found == KINDS
    for audience, kind in KINDS:
        assert (TEMPLATE_DIR / audience / f"{kind}.txt.j2").exists()
        assert (TEMPLATE_DIR / audience / f"{kind}.html.j2").exists()


def test_migrations_produce_exactly_the_models_schema(tmp_path):
    # Upgrading an empty database to head yields the tables the models declare (no missing migration).
    engine = open_database(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_only_the_adapters_import_imaplib_clients_and_smtplib():
    # imapclient only in imap_source; smtplib only in the sender module.
    for path in list((ROOT / "intake").rglob("*.py")) + list((ROOT / "notifier").rglob("*.py")) + list((ROOT / "parsers").rglob("*.py")):
        text = path.read_text()
        if re.search(r"^\s*(import|from) imapclient", text, re.M):
            assert path.name == "imap_source.py", path
        if re.search(r"^\s*import smtplib", text, re.M):
            assert path.name == "senders.py", path


def test_domain_code_does_not_read_the_clock():
    # Pure modules take `now` as an argument.
    for name in ("notifier/due.py", "notifier/deadlines.py", "notifier/workdays.py", "intake/pipeline/classify.py"):
        assert "datetime.now(" not in (ROOT / name).read_text(), name


def test_subject_lines_stay_on_their_own_line():
    # A block tag at the end of a subject line would swallow the newline (trim_blocks): subjects must end in text.
    for path in TEMPLATE_DIR.rglob("*.txt.j2"):
        first = path.read_text().split("\n", 1)[0]
        assert first.startswith("Subject: ") and not first.rstrip().endswith("%}"), path


@pytest.mark.both_databases
def test_upgrading_an_existing_database_keeps_its_data(database):
    # A database at the first migration, with a case in it, upgraded to the latest schema: the case is still there
    # (on SQLite and on PostgreSQL: the same migrations serve both).
    from datetime import datetime, timezone

    from alembic import command
    from sqlalchemy import text

    from intake.store.db import alembic_config, make_engine, upgrade

    url = database
    engine = make_engine(url)
    cfg = alembic_config(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO referral_case (reference, year, seq, status, received_at, record_json, missing_json, warnings_json) "
                          "VALUES ('SIRG-2026-0001', 2026, 1, 'received', :t, '{}', '[]', '[]')"),
                     {"t": datetime(2026, 1, 1, tzinfo=timezone.utc)})
        conn.execute(text("INSERT INTO outbound_email (key, kind, to_address, subject, message_id, raw, status, attempts, "
                          "next_attempt_at, created_at) VALUES ('digest:2026-01-02', 'digest', 'm@x', 's', '<m@x>', 'raw', "
                          "'pending', 0, :t, :t)"), {"t": datetime(2026, 1, 2, tzinfo=timezone.utc)})
        # a reminder sent before its deadline moved: its key gains the due date in force when it was written
        history = ('[{"at": "2026-01-01T10:00:00+00:00", "what": "created", "due": "2026-01-08"}, '
                   '{"at": "2026-01-09T10:00:00+00:00", "what": "moved", "due": "2026-01-15"}]')
        conn.execute(text("INSERT INTO deadline (case_id, clock, title, anchor, anchor_date, due, status, estimated, rule, history) "
                          "VALUES (1, 'C1', 'Notify', 'received', '2026-01-01', '2026-01-15', 'open', true, '{}', :h)"), {"h": history})
        conn.execute(text("INSERT INTO outbound_email (key, kind, case_id, to_address, subject, message_id, raw, status, attempts, "
                          "next_attempt_at, created_at) VALUES ('reminder:SIRG-2026-0001:C1:due', 'reminder', 1, 'm@x', 's', "
                          "'<r@x>', 'raw', 'sent', 1, :t, :t)"), {"t": datetime(2026, 1, 8, 9, tzinfo=timezone.utc)})
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT reference FROM referral_case")).scalar_one() == "SIRG-2026-0001"
        from alembic.script import ScriptDirectory

        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == \
            ScriptDirectory.from_config(cfg).get_current_head()  # the latest migration, whichever it is
        assert conn.execute(text("SELECT status, lease_until FROM outbound_email WHERE kind = 'digest'")).one() == ("pending", None)
        # the case was stored before the existing digest was made: that digest listed it, the next one will not
        assert conn.execute(text("SELECT digest_id FROM referral_case")).scalar_one() == \
            conn.execute(text("SELECT id FROM outbound_email WHERE kind = 'digest'")).scalar_one()
        assert conn.execute(text("SELECT key FROM outbound_email WHERE kind = 'reminder'")).scalar_one() == \
            "reminder:SIRG-2026-0001:C1:2026-01-08:due"
        assert conn.execute(text("SELECT count(*) FROM used_token")).scalar_one() == 0


def test_in_step_head_revision_read_from_the_files_is_alembics_head():
    # A worker skips Alembic when the database is at the head it reads from the migration files: that head must be
    # the one Alembic itself finds.
    assert head_revision() == ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
