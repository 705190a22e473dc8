"""The send journal: a note, outside the database, that the SMTP server took an outbox row.

On SQLite the record of a send (``status = 'sent'``) needs the only write lock, which a poll storing a message holds
for most of the ~25 ms the message takes; a process killed while its record waits for the lock sends the email again
on the next run. So a delivery that runs while a poll stores messages (``intake.service.alongside``) notes each
accepted row in a file of its own process instead (one ``write`` to a file opened for appending, right after the
server's 250: the operating system has it then, whatever happens to the process), and folds its notes into
``outbound_email`` when the poll is over. Every delivery on that database reads all the journals after it has
claimed rows and before it sends them: a row noted there was sent, and is recorded so instead of sent again.

A journal is a directory next to the database file (``intake.db.sent/``), one file per delivering process named
by its owner (``host:pid:...``), one line per accepted row: ``ROW_ID ATTEMPTS SENT_AT``. A file is removed by its
process once its notes are folded, or by any delivery that folds the notes of a process no longer running. The
notes are not fsynced: they survive a killed process, not a power cut in the seconds after (as the commits of a
poll; see docs/ingest-speed.md).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, update
from sqlalchemy.engine import Engine

from intake.store.leases import dead_here
from intake.store.models import OutboundEmail

log = logging.getLogger(__name__)

SUFFIX = ".sent"


@dataclass(frozen=True)
class Note:
    row_id: int
    attempts: int
    sent_at: datetime


def journal_dir(engine: Engine) -> Path | None:
    """Where the journals of this database live: beside a SQLite file; None elsewhere (PostgreSQL records a send
    at once, no lock of a poll stands in its way; an in-memory SQLite database has one connection)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return path.with_name(path.name + SUFFIX)


def parse_line(line: str) -> Note | None:
    """One note, or None for a line that is not one (a file cut short by a power cut)."""
    parts = line.split()
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    try:
        return Note(int(parts[0]), int(parts[1]), datetime.fromisoformat(parts[2]))
    except ValueError:
        return None


def format_note(note: Note) -> str:
    return f"{note.row_id} {note.attempts} {note.sent_at.isoformat()}\n"


def read_notes(directory: Path) -> dict[Path, list[Note]]:
    """Every journal's notes, by file."""
    out: dict[Path, list[Note]] = {}
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return out
    for name in names:
        if not name.endswith(SUFFIX):
            continue
        path = directory / name
        try:
            text = path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            continue  # folded and removed by another delivery meanwhile
        out[path] = [n for n in map(parse_line, text.splitlines()) if n is not None]
    return out


def noted(directory: Path | None, row_ids) -> list[Note]:
    """The notes of any journal about the rows ``row_ids``: those rows were sent (one note a row)."""
    if directory is None:
        return []
    wanted, out = set(row_ids), {}
    for notes in read_notes(directory).values():
        for n in notes:
            if n.row_id in wanted:
                out[n.row_id] = n
    return list(out.values())


_MARK_SENT = (update(OutboundEmail)
              .where(OutboundEmail.id == bindparam("row_id"), OutboundEmail.status == "pending")
              .values(status="sent", sent_at=bindparam("when"), attempts=bindparam("tries"), last_error=None,
                      lease_owner=None, lease_until=None))


def record_notes(engine: Engine, notes: list[Note]) -> None:
    """Record noted sends on their rows (those still pending; a row recorded already is left as it is)."""
    if notes:
        with engine.begin() as conn:
            conn.execute(_MARK_SENT, [{"row_id": n.row_id, "when": n.sent_at, "tries": n.attempts} for n in notes])


def fold_dead(engine: Engine, directory: Path | None, own: Path | None = None) -> None:
    """Record the notes of processes that no longer run and remove their journals (a process still running folds
    its own). ``own``: this process's journal, never removed here."""
    if directory is None:
        return
    for path, notes in read_notes(directory).items():
        if path == own or not dead_here(path.name[:-len(SUFFIX)]):
            continue
        record_notes(engine, notes)
        if notes:
            log.info("recorded %d send(s) noted by a process that stopped before recording them", len(notes))
        try:
            path.unlink()
        except FileNotFoundError:
            pass


class SentJournal:
    """This process's journal: ``note`` after each server's 250, ``fold`` when the poll no longer holds the lock."""

    def __init__(self, directory: Path, owner: str):
        """Opened now, before any send: nothing but the ``write`` is left for the moment after a server's 250."""
        self.directory, self.path = directory, directory / f"{owner}{SUFFIX}"
        self.directory.mkdir(mode=0o700, exist_ok=True)
        self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._unfolded: list[Note] = []

    def note(self, row_id: int, attempts: int, sent_at: datetime) -> None:
        """The row was accepted by the server: one write, before anything else is done."""
        note = Note(row_id, attempts, sent_at)
        os.write(self._fd, format_note(note).encode("ascii"))
        self._unfolded.append(note)

    def fold(self, engine: Engine) -> None:
        """Record this process's notes not yet recorded (waits for the database's write lock)."""
        record_notes(engine, self._unfolded)
        self._unfolded = []

    def close(self, engine: Engine) -> None:
        """Fold what is left and remove the journal (left in place, for the next delivery, if folding fails)."""
        self.fold(engine)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            self.path.unlink(missing_ok=True)
