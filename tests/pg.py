"""A throwaway PostgreSQL server for the tests and benchmarks (recipe: shared/TESTING.md).

One cluster per test session, run as the ``postgres`` user from Debian's ``postgresql`` package, in a
0755 directory under /tmp, on a free loopback port; a fresh database per test (``new_database``).
"""

from __future__ import annotations

import ctypes
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port

_PRCTL = None
try:  # resolved in the parent: after the uid switch the child may not be able to load it (TESTING.md)
    _PRCTL = ctypes.CDLL("libc.so.6").prctl
except OSError:
    pass


def _die_with_parent():
    if _PRCTL is not None:
        _PRCTL(1, signal.SIGINT)  # PR_SET_PDEATHSIG: SIGINT is PostgreSQL's fast shutdown


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    return Path(found[-1]).parent if found else None


def postgres_available() -> str | None:
    """None when a PostgreSQL server can be started here, else the reason it cannot."""
    if postgres_bin() is None:
        return "PostgreSQL is not installed (apt-get install postgresql; scripts/test does it)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "the postgres user does not exist"
    if os.geteuid() != 0:
        return "the PostgreSQL fixture needs root here (it runs the server as the postgres user)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    return None


@dataclass
class Postgres:
    directory: Path
    port: int
    proc: subprocess.Popen | None = None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run_as_postgres(self, args, **kwargs):
        return subprocess.run(args, user="postgres", group="postgres", extra_groups=[], check=True,
                              capture_output=True, **kwargs)

    def start(self) -> None:
        bindir = postgres_bin()
        self._run_as_postgres([str(bindir / "initdb"), "-D", str(self.directory / "data"), "-U", "postgres",
                               "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        log = open(self.directory / "postgres.log", "wb")
        self.proc = subprocess.Popen(
            [str(bindir / "postgres"), "-D", str(self.directory / "data"), "-c", "listen_addresses=127.0.0.1",
             "-c", f"port={self.port}", "-c", f"unix_socket_directories={self.directory}", "-c", "fsync=off",
             "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
            user="postgres", group="postgres", extra_groups=[], stdout=log, stderr=log,
            preexec_fn=_die_with_parent)
        deadline = time.time() + 20
        while time.time() < deadline:
            ready = subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port),
                                    "-U", "postgres"], capture_output=True)
            if ready.returncode == 0:
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not start: " + (self.directory / "postgres.log").read_text()[-2000:])

    def new_database(self) -> str:
        """A fresh, empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None


def start_postgres() -> Postgres:
    d = Path(tempfile.mkdtemp(prefix="intake-pg-", dir="/tmp"))
    os.chmod(d, 0o755)
    pg = pwd.getpwnam("postgres")
    os.chown(d, pg.pw_uid, pg.pw_gid)
    server = Postgres(d, free_port())
    try:
        server.start()
    except Exception:
        shutil.rmtree(d, ignore_errors=True)
        raise
    return server
