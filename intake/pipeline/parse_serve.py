"""One warm form parser: a child process (started by ``intake.pipeline.parse_pool``) that parses one form after
another, each under its own CPU-time and memory limit.

Run as a script (``python .../parse_serve.py``), never imported by the service: it imports the parsers once, says
``ready``, then answers requests (frames as in ``parsers.worker``: a JSON header, the file's
bytes; the reply is the ParseResult as JSON). Before each form the soft CPU limit is set to the CPU time used so
far plus the form's ``seconds`` (the kernel kills the process with SIGXCPU past it) and the soft address-space
limit to ``memory_mb``; the parent enforces the wall-clock limit and starts a fresh process after any limit.
A form that ran out of memory or made the parser raise is answered as the fork-per-file sandbox answers it, and
the process then exits, so the next form never meets a process left in an unknown state.
"""

from __future__ import annotations

import gc
import json
import math
import resource
import sys

from parsers import ParseResult
from parsers.document import parse_document
from parsers.vocabulary import teach
from parsers.frames import read_frame, write_frame

MEMORY = "parsing needed more memory than allowed"
STOPPED = "the parser stopped (a limit was reached)"


def cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def limit(seconds: int, memory_mb: int) -> None:
    """Soft limits only (the hard ones stay as they are, so an unprivileged service can move them for each form)."""
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    cpu = math.ceil(cpu_used()) + seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu if cpu_hard == resource.RLIM_INFINITY else min(cpu, cpu_hard), cpu_hard))
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    size = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size if as_hard == resource.RLIM_INFINITY else min(size, as_hard), as_hard))


def unlimited() -> None:
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_hard, cpu_hard))
    resource.setrlimit(resource.RLIMIT_AS, (as_hard, as_hard))


def refused(name, reason: str) -> bytes:
    return json.dumps(ParseResult.rejected(name, "unknown", "too_large", reason).to_json()).encode()


def serve() -> int:
    # No warm-up form (``parsers.worker.warm_up``, made for the fork-per-file sandbox, whose forked children each
    # start from the warm parent): here the first form warms the caches this process keeps for its next ones. The
    # warm-up cost 55-75 ms of CPU at every start (a docx built with python-docx, then read), the first form read
    # cold about 12 ms more than warm (round 8); a worker starts four of these processes for 300 forms.
    gc.freeze()  # the imports' objects, kept for the process's life, are left out of the collector's full passes
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    write_frame(stdout, b"ready")
    taught: dict | None = None
    while True:
        header = read_frame(stdin)
        data = read_frame(stdin) if header is not None else None
        if data is None:
            return 0
        req = json.loads(header)
        name, vocabulary = req.get("name"), req.get("vocabulary") or {}
        if vocabulary != taught:
            teach(vocabulary)  # (replaces any earlier wordings)
            taught = vocabulary
        try:
            limit(int(req["seconds"]), int(req["memory_mb"]))
            out = json.dumps(parse_document(data, name).to_json(explain=True)).encode()
        except MemoryError:
            unlimited()
            write_frame(stdout, refused(name, MEMORY))
            return 0
        except Exception:  # noqa: BLE001 - as the fork-per-file sandbox: the file is refused, this process ends
            unlimited()
            write_frame(stdout, refused(name, STOPPED))
            return 0
        unlimited()
        write_frame(stdout, out)


if __name__ == "__main__":
    sys.exit(serve())
