"""Schema upgrades are all or nothing, so a process killed during its first start can start again."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect


def test_migration_interrupted_midway_leaves_no_tables_and_the_next_start_succeeds(tmp_path, monkeypatch):
    # SIGKILL during the very first migration (seen in the sigkill fault test: "table inbound_message already
    # exists" on every later start). Simulated by an interruption after the first tables are created.
    from alembic import op

    from intake.store.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'intake.db'}"
    real = op.create_table

    def interrupted(name, *args, **kwargs):
        if name == "referral_case":
            raise KeyboardInterrupt("killed mid-migration")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(op, "create_table", interrupted)
    with pytest.raises(KeyboardInterrupt):
        upgrade(make_engine(url))
    assert inspect(make_engine(url)).get_table_names() == []
    monkeypatch.setattr(op, "create_table", real)
    upgrade(make_engine(url))
    assert "referral_case" in inspect(make_engine(url)).get_table_names()
