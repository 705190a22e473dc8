"""A second reader's word: the rule reader vouches for the trained reader's candidates that read what it reads.

The trained reader takes a value when the model is sure of it (the calibrated bar, ``assignment.bar``). A value
the model is less sure of is taken too when the rule reader, reading the same form its own way, read the same
value for the same field (and the same child), and the model's confidence reaches the lower bar the model file
calibrates for such values (``vouched_threshold``: ``parsers/training/train.py``). The rule reader never adds a
value of its own, and where the two disagree the trained reader's bar stands. The dates the statutory clocks run
from are never taken on the rule reader's word: they keep the model's own bar.

    vouch(cands, record) -> how many candidates the record vouches for (each marked ``vouched``)
"""

from __future__ import annotations

import re

from parsers.assignment import CLOCK_DATES, record_path

_CHILD_PATH = re.compile(r"children\[(\d+)\]\.(\w+)$")


def value_at(record: dict, path: str):
    """The record's value at a path as ``assignment.record_path`` writes it ('children[1].dob',
    'safeguarding_lead.email'); None where the record has no such place."""
    m = _CHILD_PATH.match(path)
    if m:
        children = record.get("children") or []
        i = int(m.group(1))
        return children[i].get(m.group(2)) if i < len(children) else None
    here = record
    for part in path.split("."):
        if not isinstance(here, dict):
            return None
        here = here.get(part)
    return here


def same_value(a, b) -> bool:
    """Two readings of one answer agree: equal values, texts equal but for case and spacing."""
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def vouch(cands: list, record: dict | None) -> int:
    """Mark each candidate with a value whose field (and child) the other reading holds the same value for."""
    if not record:
        return 0
    count = 0
    for c in cands:
        if c.fit <= 0 or c.value is None or c.field in CLOCK_DATES:
            continue
        other = value_at(record, record_path(c.field, c.child))
        if other is not None and same_value(other, c.value):
            c.vouched = True
            count += 1
    return count
