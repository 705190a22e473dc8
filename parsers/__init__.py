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

from dataclasses import asdict, dataclass, field


@dataclass
class ParseResult:
    file: str | None
    format: str
    status: str                       # parsed | needs_review | rejected
    reason: str | None = None
    record: dict | None = None
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: dict = field(default_factory=dict)     # record path -> {"label", "at"}: where each answer was read
    explain: dict | None = None                     # labels found, fields given, values refused (intake parse --explain)

    def to_json(self, explain: bool = False) -> dict:
        out = asdict(self)
        if not explain:
            out.pop("explain")
        return out

    @classmethod
    def rejected(cls, file, fmt, reason, warning=None) -> "ParseResult":
        return cls(file, fmt, "rejected", reason, None, [], [warning] if warning else [])

    @classmethod
    def needs_review(cls, file, fmt, reason, warning=None) -> "ParseResult":
        return cls(file, fmt, "needs_review", reason, None, [], [warning] if warning else [])


def parse_bytes(data: bytes, filename: str | None = None, vocabulary: dict | None = None) -> ParseResult:
    """Parse in this process. ``vocabulary`` maps a partnership's own label wordings to record fields
    ({"Name of young person": "children.name"}); it stays in force for later calls in this process."""
    from parsers.document import parse_document

    if vocabulary is not None:
        from parsers.vocabulary import teach

        teach(vocabulary)
    return parse_document(data, filename)


def parse_isolated(data: bytes, filename: str | None = None, vocabulary: dict | None = None, **limits) -> ParseResult:
    from parsers.sandbox import run_isolated

    return run_isolated(data, filename, vocabulary=vocabulary, **limits)
