"""Parsing an untrusted file under CPU-time, memory and wall-clock limits, outside the service process.

A pathological file (deep XML, a PDF that decompresses without end) costs a
forked grandchild of the parse worker (parsers/worker.py) seconds and megabytes;
the service gets a ``rejected``/``too_large`` result instead of hanging or being
killed by the kernel. A pool of workers per service process, one per CPU (the service parses the forms of the
next messages while it stores and answers the current one), each restarted if it dies.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import subprocess
import sys
import threading

from parsers import ParseResult
from parsers.frames import read_frame, write_frame


class ParseWorker:
    def __init__(self):
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = subprocess.Popen([sys.executable, "-m", "parsers.worker"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return self._proc

    def parse(self, data: bytes, filename, seconds: int, memory_mb: int, vocabulary: dict | None = None,
              reader: str = "form") -> ParseResult:
        header = json.dumps({"name": filename, "seconds": seconds, "memory_mb": memory_mb,
                             "vocabulary": vocabulary or {}, "reader": reader}).encode()
        with self._lock:
            for attempt in (1, 2):
                proc = self._start()
                try:
                    write_frame(proc.stdin, header)
                    write_frame(proc.stdin, data)
                    reply = read_frame(proc.stdout)
                except (BrokenPipeError, OSError):
                    reply = None
                if reply is not None:
                    return ParseResult(**json.loads(reply))
                self.close()  # the worker died: start a fresh one and try once more
        return ParseResult.rejected(filename, "unknown", "corrupt", "the parser could not be started")

    def close(self) -> None:
        if self._proc is not None:
            try:
                self._proc.kill()
                self._proc.wait(5)
            except OSError:
                pass
            self._proc = None


_WORKERS = [ParseWorker() for _ in range(os.cpu_count() or 1)]  # started on first use
_FREE: queue.SimpleQueue = queue.SimpleQueue()
for _w in _WORKERS:
    _FREE.put(_w)
    atexit.register(_w.close)


def run_isolated(data: bytes, filename=None, seconds: int = 30, memory_mb: int = 512,
                 vocabulary: dict | None = None, reader: str = "form") -> ParseResult:
    worker = _FREE.get()
    try:
        return worker.parse(data, filename, seconds, memory_mb, vocabulary, reader)
    finally:
        _FREE.put(worker)


def read_plan_isolated(data: bytes, filename=None, seconds: int = 30, memory_mb: int = 512) -> ParseResult:
    """parsers.action_plan.read_plan under the same limits, in a worker of the same pool."""
    return run_isolated(data, filename, seconds, memory_mb, None, "action_plan")
