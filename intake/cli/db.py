"""`intake db copy --to URL`: copy this installation's database (e.g. SQLite) into another (e.g. PostgreSQL).

The target is brought to the current schema by the same migrations, must hold no rows, and receives every
table in one transaction (parents before children); the row counts of each table are compared before that
transaction commits, so a copy is either complete and verified or not there at all.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from intake.storable import storable
from intake.store.db import make_engine, open_database, upgrade

CHUNK = 500


def add_parser(sub) -> None:
    db = sub.add_parser("db", help="database tools: `db copy --to URL` moves an installation to another database")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    cp = actions.add_parser("copy", help="copy every table of the configured database into an empty database and "
                                         "compare the row counts of each table")
    cp.add_argument("--to", required=True, metavar="URL",
                    help="the target's SQLAlchemy URL, e.g. postgresql+psycopg://intake@db.example.org/intake "
                         "(must be empty; the schema is created there)")


def tables():
    return list(SQLModel.metadata.sorted_tables)  # parents before the tables whose foreign keys point at them


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}


def _reset_sequences(conn) -> None:
    """PostgreSQL: the id sequences continue after the copied ids (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    for t in tables():
        if "id" in t.c and t.c.id.primary_key and t.c.id.autoincrement in (True, "auto"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                              f"COALESCE((SELECT MAX(id) FROM {t.name}), 1), (SELECT MAX(id) FROM {t.name}) IS NOT NULL)"))


def _storable_row(mapping) -> dict:
    """A row as the target can take it: a NUL that SQLite kept (from before intake cleaned text at the edge)
    would make PostgreSQL refuse the whole copy."""
    return {k: storable(v) if isinstance(v, str) else v for k, v in mapping.items()}


def copy_database(source: Engine, target: Engine) -> dict[str, tuple[int, int]]:
    """Copy every row; returns {table: (rows in source, rows in target)}. Raises ValueError (nothing copied)
    when the target holds rows already or when the counts differ after the copy."""
    upgrade(target)
    there = {name: n for name, n in row_counts(target).items() if n}
    if there:
        listing = ", ".join(f"{n} in {name}" for name, n in there.items())
        raise ValueError(f"the target database is not empty ({listing}); copy into a new, empty database")
    counts: dict[str, tuple[int, int]] = {}
    with source.connect() as src, target.begin() as dst:
        for t in tables():
            result = src.execution_options(stream_results=True).execute(select(t).order_by(*t.primary_key.columns))
            while rows := result.fetchmany(CHUNK):
                dst.execute(t.insert(), [_storable_row(r._mapping) for r in rows])
            counts[t.name] = (src.execute(select(func.count()).select_from(t)).scalar_one(),
                              dst.execute(select(func.count()).select_from(t)).scalar_one())
        _reset_sequences(dst)
        wrong = [name for name, (a, b) in counts.items() if a != b]
        if wrong:  # raising here rolls the whole copy back
            raise ValueError("the row counts differ after the copy in " + ", ".join(
                f"{name} ({counts[name][0]} here, {counts[name][1]} there)" for name in wrong) + "; nothing was copied")
    return counts


def cmd_db(args, cfg, usage_error) -> int:
    target_url = args.to
    source = open_database(cfg.database_url)
    target = make_engine(target_url)
    shown = target.url.render_as_string(hide_password=True)
    if target.url == source.url:
        raise usage_error("--to names the database this configuration already uses; give the new database's URL")
    try:
        counts = copy_database(source, target)
    except ValueError as exc:
        raise usage_error(f"{exc} ({shown})") from None
    width = max(len(name) for name in counts)
    print(f"copied {source.url.render_as_string(hide_password=True)} to {shown}")
    print(f"{'table':<{width}}  {'rows here':>9}  {'rows there':>10}")
    for name, (a, b) in counts.items():
        print(f"{name:<{width}}  {a:>9}  {b:>10}")
    print(f"all {len(counts)} tables match: {sum(a for a, _ in counts.values())} rows copied. Point database.url at "
          "the new database, and storage.path's files stay where they are.")
    return 0
