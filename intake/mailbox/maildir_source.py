"""MaildirSource: the embedded default mailbox (a Maildir++ directory on disk).

The inbox is the Maildir's own new/ and cur/; folders are Maildir++ subfolders
(``.Processed``). A move is one atomic rename, so a message is never in two
places and never lost.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from intake.mailbox.source import FetchedMessage


def maildir_key(filename: str) -> str:
    return filename.split(":2,")[0].split("!2,")[0]


def ensure_maildir(path: Path) -> None:
    """Create a Maildir (mode 0700: it holds referrals); an existing one is left as its owner set it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True, mode=0o700)


def _header_of(path: Path, limit: int = 256 * 1024) -> bytes:
    """The header of an oversized message (read no further than ``limit`` bytes)."""
    with open(path, "rb") as fh:
        head = fh.read(limit)
    for sep in (b"\r\n\r\n", b"\n\n"):
        if sep in head:
            return head[:head.index(sep) + len(sep)]
    return head


SKIP_BATCH = 25  # messages asked about at a time (fetch_new's skip)


class MaildirSource:
    def __init__(self, path: Path, inbox_name: str = "INBOX", max_message_bytes: int = 30_000_000):
        self.path = Path(path)
        self.max_message_bytes = max_message_bytes
        self.name = f"maildir:{self.path}"
        self.inbox_name = inbox_name
        ensure_maildir(self.path)

    def folder_path(self, folder: str) -> Path:
        return self.path / ("." + folder.replace("/", "."))

    def fetch_new(self, skip: Callable[[list[str]], set[str]] | None = None) -> Iterator[FetchedMessage]:
        entries = []
        for sub in ("new", "cur"):
            for entry in os.scandir(self.path / sub):
                if entry.is_file() and not entry.name.startswith("."):
                    st = entry.stat()
                    entries.append((st.st_mtime, entry.name, Path(entry.path), st.st_size))
        entries.sort()
        others: set[str] = set()
        for i, (mtime, name, path, size) in enumerate(entries):
            if skip is not None and i % SKIP_BATCH == 0:  # another worker's messages are not read
                others = skip([f"maildir:{maildir_key(n)}" for _, n, _, _ in entries[i:i + SKIP_BATCH]])
            if f"maildir:{maildir_key(name)}" in others:
                continue
            try:
                raw = path.read_bytes() if size <= self.max_message_bytes else _header_of(path)
            except FileNotFoundError:  # moved by another worker meanwhile
                continue
            yield FetchedMessage(
                source_key=f"maildir:{maildir_key(name)}",
                mailbox=self.name,
                raw=raw,
                internal_date=datetime.fromtimestamp(mtime, timezone.utc),
                locator=str(path),
                size=size if size > self.max_message_bytes else None,
            )

    def move(self, message: FetchedMessage, folder: str) -> None:
        src = Path(message.locator)
        dest_dir = self.folder_path(folder)
        ensure_maildir(dest_dir)
        (dest_dir / "maildirfolder").touch(exist_ok=True)
        name = src.name if ":2," in src.name else src.name + ":2,S"
        try:
            os.rename(src, dest_dir / "cur" / name)
        except FileNotFoundError:
            if not (dest_dir / "cur" / name).exists():
                raise

    def move_many(self, items) -> None:
        for message, folder in items:
            self.move(message, folder)

    def relocate(self, message_id: str | None, source_key: str, from_folder: str, to_folder: str) -> bool:
        """Move a message already filed in ``from_folder`` to ``to_folder`` (after reprocessing)."""
        key = source_key.removeprefix("maildir:")
        for path in self.list_folder(from_folder):
            if maildir_key(path.name) == key:
                self.move(FetchedMessage(source_key, self.name, b"", locator=str(path)), to_folder)
                return True
        return False

    def deliver(self, raw: bytes, name: str | None = None) -> str:
        """Put a message into the inbox as an MTA would (tmp/ then new/); used by the demo and tests."""
        import uuid

        name = name or f"{datetime.now(timezone.utc).timestamp():.6f}.{uuid.uuid4().hex}.intake"
        tmp = self.path / "tmp" / name
        tmp.write_bytes(raw)
        os.chmod(tmp, 0o600)
        os.rename(tmp, self.path / "new" / name)
        return name

    def list_folder(self, folder: str) -> list[Path]:
        d = self.folder_path(folder)
        return sorted(p for sub in ("new", "cur") if (d / sub).exists() for p in (d / sub).iterdir())

    def close(self) -> None:
        pass
