"""Parsers: pure functions from a file's bytes to a referral record (DESIGN 4.3).

No database, clock or network in here. The public entry points:

    parse_bytes(data, filename) -> ParseResult     in this process
    parse_isolated(data, filename, limits) -> ParseResult   in a child process with CPU,
                                                  memory and wall-clock limits (untrusted files)

    >>> parse_bytes(open("p003.docx", "rb").read(), "p003.docx").to_json()
    {"file": "p003.docx", "format": "docx", "status": "parsed", "reason": None,
     "record": {...}, "missing": [], "warnings": []}
"""

from __future__ import annotations

from parsers.result import ParseResult  # noqa: F401  (the public name: from parsers import ParseResult)
from parsers.sandbox import run_isolated
from parsers.vocabulary import teach


def parse_bytes(data: bytes, filename: str | None = None, vocabulary: dict | None = None) -> ParseResult:
    """Parse in this process. ``vocabulary`` maps a partnership's own label wordings to record fields
    ({"Name of young person": "children.name"}); it stays in force for later calls in this process."""
    # (imported here, not above: the package's light modules - frames, fields, normalise - serve processes that parse
    # nothing, such as the mail unpacker's child, which must stay small under its memory limit)
    from parsers.document import parse_document

    if vocabulary is not None:
        teach(vocabulary)
    return parse_document(data, filename)


def parse_isolated(data: bytes, filename: str | None = None, vocabulary: dict | None = None, **limits) -> ParseResult:
    return run_isolated(data, filename, vocabulary=vocabulary, **limits)
