"""`intake db copy --to URL`: an existing SQLite installation moved to PostgreSQL, verified by row counts."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel, select

from intake.cli.program import main
from intake.store.db import make_engine
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource
from tests.servers import to_toml
from tests.conftest import base_config


def installation(tmp_path, url=None, tag="copy"):
    """A SQLite installation with two cases, their deadlines and acknowledgements, and its config file."""
    tmp_path.mkdir(exist_ok=True)
    raw = base_config(tmp_path, url)
    path = tmp_path / "config.toml"
    path.write_text(to_toml(raw))
    from intake import config as config_mod

    cfg = config_mod.load(path)
    svc = build_services(cfg, isolated=False)
    box = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for i in range(2):
        box.deliver(referral_email(f"Sam <sam{i}@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                                   [("f.docx", docx_form(SAMPLE))], message_id=f"<{tag}-{i}@liverpool.gov.uk>"))
    poll_and_deliver(svc, source=box)
    return path, svc


def test_db_copy_sqlite_to_postgresql_copies_every_row_and_the_copy_carries_on(tmp_path, postgres, capsys):
    # The operator copies a working SQLite installation to PostgreSQL, then points the config at it: the cases are
    # there, and the next case gets the next id and reference (sequences continue after the copied rows).
    path, svc = installation(tmp_path)
    target = postgres.new_database()
    assert main(["--config", str(path), "db", "copy", "--to", target]) == 0
    out = capsys.readouterr().out
    tables = SQLModel.metadata.sorted_tables
    assert f"all {len(tables)} tables match" in out
    counts = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:-1]}
    assert set(counts) == {t.name for t in tables} and all(a == b for a, b in counts.values())
    assert counts["referral_case"] == ["2", "2"] and counts["outbound_email"][0] != "0"
    with Session(make_engine(target)) as s:
        assert len(s.exec(select(Case)).all()) == 2
    moved, svc2 = installation(tmp_path / "again", target, tag="after")  # the copy in use: two more cases on top
    with Session(svc2.engine) as s:
        assert [c.reference for c in s.exec(select(Case).order_by(Case.id))][2:] == ["SIRG-2026-0003", "SIRG-2026-0004"]
        assert s.exec(text("SELECT count(DISTINCT id) FROM deadline")).one()[0] == \
            s.exec(text("SELECT count(*) FROM deadline")).one()[0]


def test_db_copy_into_a_database_that_holds_rows_is_refused_in_one_sentence(tmp_path, postgres, capsys):
    # A second copy into the same target (or into a live database) must not mix two installations.
    path, _ = installation(tmp_path)
    target = postgres.new_database()
    assert main(["--config", str(path), "db", "copy", "--to", target]) == 0
    capsys.readouterr()
    assert main(["--config", str(path), "db", "copy", "--to", target]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not empty" in err[0] and "referral_case" in err[0], err
