"""A warm pool of sandboxed form parsers: one long-lived child process per CPU, each parsing form after form.

The fork-per-file sandbox (``parsers.sandbox``) pays a fork and the copy-on-write faults of a warm interpreter for
every form (~40-70 ms on these machines, ten times the parse of an ordinary form). Here each child
(``parse_serve.py``) keeps its warm parsers and caches across forms; the limits stay per form:
- CPU time: the child's soft RLIMIT_CPU is moved to "used so far + ``seconds``" before each form (SIGXCPU past it);
- memory: the child's soft RLIMIT_AS is ``memory_mb`` while it parses;
- wall clock: this side waits ``seconds + 2`` for the answer, then kills the child;
and after any limit, crash or parser error the child is gone and the next form gets a fresh one. A child is also
replaced after ``RECYCLE_AFTER`` forms, so no state a form leaves behind lives long. The answers are the sandbox's
(the same ``rejected``/``too_large`` results and wording, which ``extract.timed_out`` recognises).
Action plans and Outlook containers still go through the fork-per-file sandbox.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import parsers
from parsers import ParseResult
from parsers.frames import write_frame

SERVE = Path(__file__).with_name("parse_serve.py")
RECYCLE_AFTER = 100
START_SECONDS = 120.0  # a child's imports and warm-up, on a loaded machine (not counted against any form)
TIMED_OUT = "parsing took longer than the time allowed"  # (parsers/worker.py's wording: extract.timed_out)
STOPPED = "the parser stopped (a limit was reached)"
MEMORY = "parsing needed more memory than allowed"  # (a child that answers this, or STOPPED, then exits)


class _Gone(Exception):
    """The child closed its end: it died (a limit) or was never started."""


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes:
    chunks, left = [], size
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                continue
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise _Gone
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int, deadline: float | None) -> bytes:
    (size,) = struct.unpack(">I", _read_exactly(fd, 4, deadline))
    return _read_exactly(fd, size, deadline)


class WarmParser:
    """One child process; used by one thread at a time (the pool hands it out)."""

    def __init__(self):
        self._proc: subprocess.Popen | None = None
        self._served = 0
        self._ready = False

    def start(self) -> None:
        """Start the child (returns at once; it warms up while the caller does other things)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        env = dict(os.environ)
        root = str(Path(parsers.__file__).resolve().parents[1])  # where `parsers` is importable from
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self._proc = subprocess.Popen([sys.executable, str(SERVE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, env=env)
        self._served = 0
        self._ready = False

    def _ensure_ready(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None or self._served >= RECYCLE_AFTER:
            self.close()
            self.start()
        if not self._ready:
            if _read_frame(self._proc.stdout.fileno(), time.monotonic() + START_SECONDS) != b"ready":
                raise _Gone
            self._ready = True
        return self._proc

    def parse(self, data: bytes, filename, seconds: int, memory_mb: int, vocabulary: dict | None = None) -> ParseResult:
        header = json.dumps({"name": filename, "seconds": seconds, "memory_mb": memory_mb,
                             "vocabulary": vocabulary or {}}).encode()
        for attempt in (1, 2):
            try:
                proc = self._ensure_ready()
                write_frame(proc.stdin, header)
                write_frame(proc.stdin, data)
            except (OSError, _Gone, TimeoutError):
                self.close()  # died while idle, or could not start: a fresh child, once
                continue
            self._served += 1
            try:
                reply = _read_frame(proc.stdout.fileno(), time.monotonic() + seconds + 2.0)
            except TimeoutError:
                self.close()
                return ParseResult.rejected(filename, "unknown", "too_large", TIMED_OUT)
            except _Gone:  # killed by its CPU or memory limit while reading this file
                self.close()
                return ParseResult.rejected(filename, "unknown", "too_large", STOPPED)
            result = ParseResult(**json.loads(reply))
            if result.status == "rejected" and any(w in (MEMORY, STOPPED) for w in result.warnings):
                self.close()  # the child ends after such a file: the next one gets a fresh child
            return result
        return ParseResult.rejected(filename, "unknown", "corrupt", "the parser could not be started")

    def close(self) -> None:
        if self._proc is not None:
            try:
                self._proc.kill()
                self._proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            for stream in (self._proc.stdin, self._proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            self._proc = None


class ParsePool:
    """``parse(data, filename, seconds=, memory_mb=, vocabulary=)``: the same call and answers as
    ``parsers.parse_isolated``, on warm children (``size`` of them, one per CPU by default)."""

    def __init__(self, size: int | None = None):
        self.size = size or os.cpu_count() or 1
        self._workers = [WarmParser() for _ in range(self.size)]
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        for w in self._workers:
            self._free.put(w)
        self._started = False
        atexit.register(self.close)

    def parse(self, data: bytes, filename=None, seconds: int = 30, memory_mb: int = 512,
              vocabulary: dict | None = None) -> ParseResult:
        self.start()
        worker = self._free.get()
        try:
            return worker.parse(data, filename, seconds, memory_mb, vocabulary)
        finally:
            self._free.put(worker)

    def start(self) -> None:
        """Start every child warming, side by side (returns at once); done at the first form at the latest."""
        if not self._started:
            self._started = True
            for w in self._workers:
                w.start()

    def close(self) -> None:
        for w in self._workers:
            w.close()
