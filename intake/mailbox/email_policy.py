"""The email policy every message is read and composed with: the standard one (``email.policy.default``), whose
header registry makes each header's class once per process instead of once per header.

The standard registry builds a new class (``type(...)``) for every header it hands out, a tenth of the cost of reading
or composing an email; the classes it builds are the same each time, so one per header name is kept.
"""

from __future__ import annotations

from email import policy as email_policy
from email.headerregistry import HeaderRegistry
from functools import lru_cache

KEPT_VALUE_CHARS = 998  # the header values kept for reading again: up to RFC 5322's longest line (a hostile message's
# long headers are parsed each time, as before, and never held)


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


class ReadHeaders(HeaderClasses):
    """``HeaderClasses``, with the header objects of values read again kept (at most 1024, each of at most
    ``KEPT_VALUE_CHARS`` characters). Reading one message asks for its headers' objects again and again: the parser,
    ``get_content_type`` and each walk over the parts parse the same Content-Type anew (some 30 header objects for a
    referral with a form, a tenth of them distinct): that was half of the time it took to read a message. A header
    object is immutable (a string with its parse), so the one made for a name and value serves every later request
    for them; the value of a header (``str``, its ``params``, ``defects``) is what the standard registry makes."""

    def __call__(self, name, value):
        if type(value) is str and len(value) <= KEPT_VALUE_CHARS:
            return self._made_once(name, value)
        return super().__call__(name, value)

    @lru_cache(maxsize=1024)
    def _made_once(self, name, value):
        return super().__call__(name, value)


POLICY = email_policy.default.clone(header_factory=ReadHeaders())
