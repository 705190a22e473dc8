"""The parse worker: a long-lived child process that forks one grandchild per file.

Run as ``python -m parsers.worker``. It imports the parsers once; for every file it
forks, the grandchild sets CPU-time and address-space limits, parses, writes the
result and exits; the worker enforces the wall-clock limit and kills a grandchild
that overruns. The worker is single-threaded, so forking it is safe, and nothing
depends on the service's __main__ module.

Frames on stdin/stdout: 4-byte big-endian length + payload. A request is a JSON
header frame followed by a data frame; a response is one JSON frame.
"""

from __future__ import annotations

import gc
import io
import json
import os
import resource
import select
import signal
import sys
import time

import docx
import openpyxl  # noqa: F401  (imported once here: an .xlsx action plan's grandchild would spend ~0.3 s on it)

from parsers.action_plan import read_plan
from parsers.document import parse_document
from parsers.frames import read_frame, write_frame
from parsers.result import ParseResult
from parsers.vocabulary import teach


def _limited(reason: str, name) -> bytes:
    return json.dumps(ParseResult.rejected(name, "unknown", "too_large", reason).to_json()).encode()


def parse_in_grandchild(data: bytes, name, seconds: int, memory_mb: int, vocabulary: dict | None = None,
                        reader: str = "form") -> bytes:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # grandchild
        os.close(r)
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            try:
                read = read_plan if reader == "action_plan" else parse_document  # an attached action plan: issue 16
                if vocabulary:  # the partnership's own wordings, in this grandchild only
                    teach(vocabulary)
                out = json.dumps(read(data, name).to_json(explain=True)).encode()
            except MemoryError:
                out = _limited("parsing needed more memory than allowed", name)
            with os.fdopen(w, "wb") as fh:
                fh.write(out)
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    deadline_left = seconds + 2.0
    start = time.monotonic()
    with os.fdopen(r, "rb") as fh:
        while True:
            left = deadline_left - (time.monotonic() - start)
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return _limited("parsing took longer than the time allowed", name)
            ready, _, _ = select.select([fh], [], [], left)
            if not ready:
                continue
            chunk = os.read(fh.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return _limited("the parser stopped (a limit was reached)", name)
    return b"".join(chunks)


WARM_UP_LABELS = ["Referrer name", "Role", "Agency", "Email", "Telephone", "Date of referral", "Name of child",
                  "Date of birth", "Gender", "Home address", "Date of incident", "Date LA became aware",
                  "Type of incident", "Summary of the incident", "Police involved?", "Safeguarding lead name"]


def warm_up() -> None:
    """Parse a small form once so regex and label caches are warm in every forked grandchild
    (a cold grandchild spends ~15 ms rebuilding them; a warm one ~3 ms)."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=2)
    for label in WARM_UP_LABELS:
        row = t.add_row().cells
        row[0].text, row[1].text = label, "x"
    out = io.BytesIO()
    d.save(out)
    parse_document(out.getvalue(), "warm-up.docx")
    gc.freeze()  # keep the warm heap shared copy-on-write with the grandchildren


def main() -> int:
    warm_up()  # (the parsers were imported once, above: the forked grandchildren inherit them)

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = read_frame(stdin)
        if header is None:
            return 0
        data = read_frame(stdin)
        if data is None:
            return 0
        req = json.loads(header)
        write_frame(stdout, parse_in_grandchild(data, req.get("name"), int(req["seconds"]), int(req["memory_mb"]),
                                                req.get("vocabulary") or None, req.get("reader") or "form"))


if __name__ == "__main__":
    sys.exit(main())
