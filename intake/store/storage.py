"""Content-addressed file store for raw messages and attachments.

Files are named by their SHA-256 (never by an attachment's name, so no path
from a sender ever touches the file system), written atomically, mode 0600 in
directories of mode 0700.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path


def _fsync_all(*paths: Path) -> None:
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:  # removed meanwhile (a test's temporary directory): nothing left to keep
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def written_now(session) -> dict[str, bytes]:
    """The files stored during a session's transaction, by path (kept in ``session.info``, gone with the session): a
    path's bytes never change (the store is content-addressed), so a later step of the same message uses them
    instead of reading the file back."""
    return session.info.setdefault("written_now", {})


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._syncing: list[Future] = []  # fsyncs under way in the background since the last ``sync``
        self._syncer: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._made: set[Path] = set()  # directories this store has made (or found) and set to 0700 already

    def sync(self) -> None:
        """Wait until the files written since the last call are durable (contents, then directory entries): once per
        batch, before its messages leave the inbox. Each file is fsynced in a background thread as soon as it is
        written (fsync lets the pipeline go on meanwhile); until this returns, a power cut can only cost files of
        messages still in the inbox, which are processed (or stored again) next time."""
        with self._lock:
            waiting, self._syncing = self._syncing, []
        for future in waiting:
            future.result()

    def _fsync_later(self, path: Path, directory: Path) -> None:
        with self._lock:
            if self._syncer is None:
                self._syncer = ThreadPoolExecutor(1, thread_name_prefix="intake-fsync")
            if len(self._syncing) > 1000:  # (a caller that never asks for ``sync``: keep only what is under way)
                self._syncing = [f for f in self._syncing if not f.done()]
            self._syncing.append(self._syncer.submit(_fsync_all, path, directory))

    def _directory(self, kind: str, digest: str) -> Path:
        """The directory a file goes in, made with its parents and set to 0700 the first time this store uses it
        (once per process, not once per file: three chmods and a mkdir per file were a tenth of storing one)."""
        directory = self.root / kind / digest[:2]
        if directory not in self._made:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            for d in (self.root, self.root / kind, directory):
                os.chmod(d, 0o700)
            self._made.add(directory)
        return directory

    def put(self, kind: str, data: bytes, suffix: str = "", digest: str | None = None) -> tuple[str, str]:
        """Store ``data`` under ``kind``; returns (sha256, absolute path). Idempotent. ``digest``: the bytes'
        SHA-256 in hex when the caller has it already (the raw message's, read with it), not computed again."""
        digest = digest or hashlib.sha256(data).hexdigest()
        directory = self._directory(kind, digest)
        path = directory / (digest + suffix)
        if not path.exists():
            try:
                fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
            except FileNotFoundError:  # the directory was removed since this store made it: made again
                self._made.discard(directory)
                directory = self._directory(kind, digest)
                fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
            try:
                os.fchmod(fd, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
                self._fsync_later(path, directory)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
        return digest, str(path)

    def get(self, path: str) -> bytes:
        return Path(path).read_bytes()
