"""The database: one engine per process, schema brought up to date by Alembic migrations."""

from __future__ import annotations

import os
import re
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import NoSuchModuleError
from sqlmodel import create_engine

from intake.errors import ConfigError, IntakeError

MIGRATIONS = Path(__file__).with_name("migrations")


def flush_for(session, *models):
    """A context for a query of ``models``' tables: the session's pending changes are written first (autoflush) only
    when some of them are rows of those tables; otherwise they wait for the next flush, which writes them together
    (one flush less; the query's answer is the same, as nothing pending could change it)."""
    if any(isinstance(o, models) for group in (session.new, session.dirty, session.deleted) for o in group):
        return nullcontext()
    return session.no_autoflush


def fsync_later(session) -> None:
    """This session's commit does not wait for the disk; ``make_durable`` makes it durable later, before anything
    depends on it surviving a power cut (a message leaves the inbox only after it). A process killed at any moment
    loses nothing committed (the operating system, or the database server, holds it) and nothing can be damaged;
    only a power cut (a crash of the database server's machine) can lose such commits.
    - SQLite in WAL mode: ``synchronous=NORMAL`` on the session's connection until it goes back to the pool, where
      ``_full_again`` sets FULL (SQLite's guarantee: with WAL and NORMAL, a power cut cannot damage the database).
    - PostgreSQL: ``synchronous_commit = off`` for this transaction only (``SET LOCAL``).
    - SQLite without WAL: nothing changes."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.connection().exec_driver_sql("SET LOCAL synchronous_commit = off")
        return
    if dialect != "sqlite" or not event.contains(session.get_bind(), "checkin", _full_again):
        return  # (an engine not made by make_engine would keep the setting on its pooled connection)
    fairy = session.connection().connection
    if "wal" not in fairy.info:
        fairy.info["wal"] = str(fairy.dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    if fairy.info["wal"] and not fairy.info.get("fsync_later"):
        fairy.dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        fairy.info["fsync_later"] = True


def _full_again(dbapi_conn, record) -> None:
    """Pool check-in: a connection lent out with ``fsync_later`` commits with an fsync again."""
    if record is not None and record.info.pop("fsync_later", False):
        dbapi_conn.execute("PRAGMA synchronous=FULL")


def make_durable(engine: Engine) -> None:
    """Everything committed so far, by every process, survives a power cut (after ``fsync_later``).
    - SQLite: its write-ahead log is fsynced. The log file is opened for it, never the database file: closing a
      descriptor of the database file would drop the locks SQLite holds on it in this process. No log file: its last
      checkpoint wrote everything into the database file and synced it.
    - PostgreSQL: one transaction that commits synchronously (it is given a transaction id, so its commit is
      written and waited for): the server's log is flushed up to it, and so past every commit before it."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT txid_current()")
        return
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        return
    try:
        fd = os.open(engine.url.database + "-wal", os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
        package = {"psycopg": "referral-intake[postgres]", "psycopg2": "psycopg2-binary", "pymysql": "pymysql"}.get(exc.name, exc.name)
        hint = " (or write the URL as postgresql+psycopg://..., the driver the postgres extra installs)" if exc.name == "psycopg2" else ""
        raise ConfigError(f"database.url needs the Python driver {exc.name!r}, which is not installed; install it into "
                          f"the program's environment (pip install '{package}'){hint} or use a sqlite:/// URL") from None
    except NoSuchModuleError:
        raise ConfigError(f"database.url {url.split(':', 1)[0]!r} is not a database this program knows; use "
                          "\"sqlite:///intake.db\" or \"postgresql+psycopg://user@host/db\"") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkin", _full_again)
    return engine


def alembic_config(url: str):
    from alembic.config import Config as AlembicConfig  # (Alembic is imported only when a schema is to be changed)

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _transactional_sqlite(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions cover DDL: the sqlite3 module commits
    before every CREATE/ALTER on its own, so a process killed in the middle of the first migration
    left tables without a recorded version, and every later start failed ("table ... already exists").
    SQLAlchemy's documented pysqlite recipe: no implicit transactions, an explicit BEGIN."""
    from sqlalchemy.pool import NullPool

    migrating = create_engine(engine.url, poolclass=NullPool)
    event.listen(migrating, "connect", _sqlite_pragmas)

    @event.listens_for(migrating, "connect")
    def _no_implicit_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(migrating, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # also one migrating process at a time

    return migrating


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The latest migration's revision, read from the migration files (the one no other file revises)."""
    revisions, revised = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = re.search(r"^revision = ['\"]([^'\"]+)['\"]", source, re.M)
        if found:
            revisions.add(found.group(1))
            revised.update(re.findall(r"^down_revision = ['\"]([^'\"]+)['\"]", source, re.M))
    heads = revisions - revised
    if len(heads) != 1:
        raise IntakeError(f"the migrations in {MIGRATIONS / 'versions'} have {len(heads)} latest revisions, not one")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: no schema yet, or no record of one)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # noqa: BLE001 - no such table (a new database): nothing applied
            return None


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (harmless when up to date), all or nothing. A database at the latest
    revision is left as it is without starting Alembic (a tenth of a worker's start-up)."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    on_file = engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")
    migrating = _transactional_sqlite(engine) if on_file else engine
    try:
        with migrating.begin() as conn:
            if conn.dialect.name == "postgresql":
                # several workers starting at once: one migrates, the others wait and then find nothing to do
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7267001)")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        if migrating is not engine:
            migrating.dispose()


def open_database(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine
