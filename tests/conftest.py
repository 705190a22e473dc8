"""Shared fixtures: real Dovecot and aiosmtpd servers, configs that point at them, the corpora."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from intake import config as config_mod
from tests.pg import postgres_available, start_postgres
from tests.servers import Smtp, dovecot_available, make_cert, server_config, start_dovecot

SHARED = Path(__file__).resolve().parents[2] / "shared"
FORMS = SHARED / "forms"
EML = SHARED / "eml"
logging.getLogger("mail.log").setLevel(logging.ERROR)


@pytest.fixture(scope="session")
def dovecot():
    reason = dovecot_available()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the server tests, but: {reason}")
        pytest.skip(f"SERVER TESTS SKIPPED: {reason}")
    server = start_dovecot()
    yield server
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


def pytest_generate_tests(metafunc):
    # Tests marked both_databases run once on SQLite and once on a real PostgreSQL (fixture `database`).
    if metafunc.definition.get_closest_marker("both_databases"):
        if "database" not in metafunc.fixturenames:
            metafunc.fixturenames.append("database")
        metafunc.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres():
    reason = postgres_available()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests, but: {reason}")
        pytest.skip(f"POSTGRESQL TESTS SKIPPED: {reason}")
    server = start_postgres()
    yield server
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture
def database(request, tmp_path):
    """The database URL of this test: a SQLite file in tmp_path, or a fresh database on the session's PostgreSQL."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("postgres").new_database()
    return f"sqlite:///{tmp_path / 'intake.db'}"


def _database_url(request, tmp_path) -> str:
    if request.node.get_closest_marker("both_databases"):
        return request.getfixturevalue("database")
    return f"sqlite:///{tmp_path / 'intake.db'}"


@pytest.fixture
def imap(dovecot):
    dovecot.reset_mailbox()
    return dovecot


@pytest.fixture(scope="session")
def certdir():
    d = Path(tempfile.mkdtemp(prefix="intake-cert-", dir="/tmp"))
    make_cert(d)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def smtp(certdir):
    server = Smtp(certdir)
    yield server
    server.stop()


def base_config(tmp_path: Path, database_url: str | None = None, **sections) -> dict:
    raw = {
        "organisation": {"name": "Test Partnership", "reference_prefix": "SIRG", "timezone": "Europe/London"},
        "people": {"manager": "manager@liverpool.gov.uk", "chair": "chair@merseyside.police.uk"},
        "mailbox": {"backend": "maildir", "path": str(tmp_path / "maildir")},
        "smtp": {"backend": "directory", "path": str(tmp_path / "outbox"),
                 "from": "LSCP Referrals <referrals@liverpool.gov.uk>"},
        "database": {"url": database_url or f"sqlite:///{tmp_path / 'intake.db'}"},
        "storage": {"path": str(tmp_path / "files")},
        "policy": {"allowed_sender_domains": ["liverpool.gov.uk", "merseyside.police.uk", "nhs.net", "alderhey.nhs.uk"]},
    }
    for name, values in sections.items():
        raw.setdefault(name, {}).update(values)
    return raw


@pytest.fixture
def make_cfg(tmp_path, request):
    url = _database_url(request, tmp_path)

    def make(**sections):
        return config_mod.from_dict(base_config(tmp_path, url, **sections), base_dir=tmp_path)
    return make


@pytest.fixture
def server_cfg(tmp_path, imap, smtp, monkeypatch, request):
    """A config pointing at the real Dovecot (plain IMAP) and aiosmtpd (STARTTLS + AUTH); on PostgreSQL for tests
    marked both_databases (their PostgreSQL run)."""
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", imap.password)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    raw = server_config(imap.port, imap.user, smtp, database={"url": _database_url(request, tmp_path)},
                        storage={"path": str(tmp_path / "files")}, policy={"replies_per_sender_per_day": 10},
                        organisation={"name": "Test Partnership", "reference_prefix": "SIRG"})
    return config_mod.from_dict(raw, base_dir=tmp_path)


@pytest.fixture
def forms_corpus():
    if not (FORMS / "truth").is_dir():
        pytest.skip("shared/forms corpus not present")
    return FORMS


@pytest.fixture
def rule_reader(monkeypatch):
    """The rule reader alone (INTAKE_READER=rules), for a test of a layout the rule reader was taught that the
    default (the trained reader, the rule reader vouching: docs/reader.md) does not read as well yet. The tests
    marked with it are that list: `grep -l rule_reader tests/`."""
    monkeypatch.setenv("INTAKE_READER", "rules")
