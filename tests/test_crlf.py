"""The SMTP sender turns every line ending into CRLF without a regular expression (issue 28): the same bytes as the
expression it replaces, for every mix of endings."""

from __future__ import annotations

import itertools
import re

from notifier.senders import crlf


def test_crlf_gives_the_same_bytes_as_the_regular_expression_for_every_mix_of_line_endings():
    pieces = [b"a", b"\n", b"\r\n", b"\r", b"\r\r\n", b".", b""]
    for parts in itertools.product(pieces, repeat=4):
        raw = b"".join(parts)
        assert crlf(raw) == re.sub(rb"\r?\n", b"\r\n", raw), raw


def test_crlf_leaves_an_email_with_crlf_endings_as_it_is():
    raw = b"Subject: x\r\n\r\nline one\r\nline two\r\n"
    assert crlf(raw) == raw
