"""What parsing one file gives: its status, the record, the answers still missing, warnings (DESIGN 4.3)."""

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
