"""The email policy every message is read and composed with: the standard one (``email.policy.default``), whose
header registry makes each header's class once per process instead of once per header.

The standard registry builds a new class (``type(...)``) for every header it hands out, a tenth of the cost of reading
or composing an email; the classes it builds are the same each time, so one per header name is kept.
"""

from __future__ import annotations

from email import policy as email_policy
from email.headerregistry import HeaderRegistry


class HeaderClasses(HeaderRegistry):
    """``HeaderRegistry``, with the class of each header name made once."""

    def __init__(self):
        super().__init__()
        self._made: dict[str, type] = {}

    def __getitem__(self, name):
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


POLICY = email_policy.default.clone(header_factory=HeaderClasses())
