"""Reading a real file through the public entry point and looking at its record by short paths ('referrer.name',
'child.dob': the first child), for the reading tests that build their forms in tmp_path."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_bytes


def parse_file(path: Path):
    return parse_bytes(path.read_bytes(), path.name)


def record_of(path: Path) -> dict:
    """The record of a file that must parse."""
    result = parse_file(path)
    assert result.status == "parsed", (result.status, getattr(result, "reason", None), result.warnings)
    assert result.record is not None, result
    return result.record


def leaves(record) -> list[str]:
    """Every value in the record as text (yes / no answers left out)."""
    if isinstance(record, dict):
        return [s for v in record.values() for s in leaves(v)]
    if isinstance(record, list):
        return [s for v in record for s in leaves(v)]
    return [] if record is None or isinstance(record, bool) else [str(record)]


def fields(rec: dict, keys) -> dict:
    """The record's values under 'referrer.name', 'child.dob' … (child: the first child)."""
    got = {}
    for key in keys:
        part, field = key.split(".")
        holder = (rec["children"] or [{}])[0] if part == "child" else rec[part]
        got[key] = holder.get(field)
    return got


def assert_fields(rec: dict, expected: dict) -> None:
    """Every expected field at once, so a failure shows each field missed, not only the first."""
    assert fields(rec, expected) == expected
