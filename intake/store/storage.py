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
        self._unsynced: set[Path] = set()  # files written, and the directories they were renamed into, since sync

    def sync(self) -> None:
        """Make the files written since the last call durable (contents, then the directory entries): once per
        batch, before its messages leave the inbox, instead of an fsync per file as it is written. Until then a
        power cut can only cost files of messages still in the inbox, which are processed (or re-stored) again."""
        for path in sorted(self._unsynced, key=lambda p: p.is_dir()):  # files first, then their directories
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                continue
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        self._unsynced.clear()

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
                os.replace(tmp, path)
                self._unsynced.update((path, directory))
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        return digest, str(path)

    def get(self, path: str) -> bytes:
        return Path(path).read_bytes()
