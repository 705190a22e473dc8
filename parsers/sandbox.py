"""Parsing an untrusted file in a child process with CPU-time, memory and wall-clock limits.

A pathological file (deep XML, a PDF that decompresses without end) costs the
child seconds and megabytes; the service gets a ``rejected``/``too_large``
result instead of hanging or being killed by the kernel.
"""

from __future__ import annotations

import multiprocessing as mp
import resource

from parsers import ParseResult


def _child(conn, data: bytes, filename, seconds: int, memory_mb: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    try:
        from parsers.document import parse_document

        conn.send(parse_document(data, filename).to_json())
    except MemoryError:
        conn.send(ParseResult.rejected(filename, "unknown", "too_large", "parsing needed more memory than allowed").to_json())
    finally:
        conn.close()


_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        _CTX = mp.get_context(method)
        if method == "forkserver":
            _CTX.set_forkserver_preload(["parsers.document", "parsers.docx_reader", "parsers.pdf_reader"])
    return _CTX


def run_isolated(data: bytes, filename=None, seconds: int = 30, memory_mb: int = 512) -> ParseResult:
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, data, filename, seconds, memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(seconds + 5):
            try:
                result = parent.recv()
                return ParseResult(**result)
            except EOFError:
                pass
        reason = "took longer than the time allowed" if proc.is_alive() else "the parser stopped (limit reached)"
        return ParseResult.rejected(filename, "unknown", "too_large", f"parsing {reason}")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
