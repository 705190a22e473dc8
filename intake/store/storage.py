"""Content-addressed file store for raw messages and attachments.

Files are named by their SHA-256 (never by an attachment's name, so no path
from a sender ever touches the file system), written atomically, mode 0600 in
directories of mode 0700.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._new_entries: set[Path] = set()  # directories with a file renamed into them since the last sync

    def sync_directories(self) -> None:
        """fsync the directories that received new files (their names survive a power cut); once per batch,
        before its messages leave the inbox. Each file's own contents are fsynced as it is written."""
        for directory in sorted(self._new_entries):
            fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        self._new_entries.clear()

    def put(self, kind: str, data: bytes, suffix: str = "") -> tuple[str, str]:
        """Store ``data`` under ``kind``; returns (sha256, absolute path). Idempotent."""
        digest = hashlib.sha256(data).hexdigest()
        directory = self.root / kind / digest[:2]
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        for d in (self.root, self.root / kind, directory):
            os.chmod(d, 0o700)
        path = directory / (digest + suffix)
        if not path.exists():
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
            try:
                os.fchmod(fd, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
                self._new_entries.add(directory)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        return digest, str(path)

    def get(self, path: str) -> bytes:
        return Path(path).read_bytes()
