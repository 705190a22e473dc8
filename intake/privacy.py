"""How a child is named in what the bot sends: initials by default, names only when configured."""

from __future__ import annotations

import json


def child_label(case, include_names: bool) -> str:
    """'GN' (default) or 'Grace NOWAK' with [privacy] include_names = true. Subjects always use initials."""
    if include_names:
        names = [c.get("name") for c in json.loads(case.record_json).get("children") or [] if c.get("name")]
        if names:
            return ", ".join(names)
    return case.initials or "?"
