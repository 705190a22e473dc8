"""Text from outside made storable in any database, at the edge where it comes in.

PostgreSQL refuses a NUL character in text (``DataError``) and no database stores a lone surrogate (Python's
``surrogateescape`` leftovers from undecodable bytes) as UTF-8. One such character in a Message-ID, a file name
or a form's answer must not stop intake: each NUL becomes U+FFFD and each lone surrogate "?", so the text stays
readable and nothing else changes.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def storable(text: str | None) -> str | None:
    """``text`` with NUL characters and lone surrogates replaced; other text comes back unchanged (the same object)."""
    if not text:
        return text
    if "\x00" in text:
        text = text.replace("\x00", REPLACEMENT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def storable_value(value):
    """The same for every string inside a JSON-like value (dicts, lists, tuples), keys included."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_value(k): storable_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(storable_value(v) for v in value)
    return value
