"""The database: one engine per process, schema brought up to date by Alembic migrations."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import NoSuchModuleError
from sqlmodel import create_engine

from intake.errors import ConfigError, IntakeError

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create the engine; for a SQLite file, make its directory (mode 0700) first."""
    if url.startswith("sqlite:///") and ":memory:" not in url:
        path = Path(url[len("sqlite:///"):])
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # The database holds children's records: readable by the service user only. SQLite gives its
            # -wal and -shm files the same mode as the database file.
            if not path.exists():
                path.touch(mode=0o600)
            os.chmod(path, 0o600)
        except PermissionError as exc:
            # Typically a database created by root (an `intake check` run as root) that the service user cannot open.
            import getpass

            raise IntakeError(f"the database {path} cannot be opened by {getpass.getuser()} ({exc.strerror}); give the "
                              f"data directory to the service user (chown -R USER: {path.parent}) and run "
                              "intake check --as-user USER") from None
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        package = {"psycopg": "psycopg[binary]", "psycopg2": "psycopg2-binary", "pymysql": "pymysql"}.get(exc.name, exc.name)
        raise ConfigError(f"database.url needs the Python driver {exc.name!r}, which is not installed; install it into "
                          f"the program's environment (pip install '{package}') or use a sqlite:/// URL") from None
    except NoSuchModuleError:
        raise ConfigError(f"database.url {url.split(':', 1)[0]!r} is not a database this program knows; use "
                          "\"sqlite:///intake.db\" or \"postgresql+psycopg://user@host/db\"") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (harmless when up to date)."""
    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine
