"""Composing emails from templates (Jinja2, StrictUndefined, HTML autoescaped).

Every message we send carries Auto-Submitted, X-Auto-Response-Suppress and our
own X-Loop header (no mail loops), a unique Message-ID, and threading headers
when it answers a message.
"""

from __future__ import annotations

import binascii
import io
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from email import contentmanager
from email.generator import Generator
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from datetime import datetime

import jinja2

import templates as _templates_pkg
from intake.mailbox.email_policy import HeaderClasses, POLICY

TEMPLATE_DIR = Path(_templates_pkg.__file__).parent
LOOP_HEADER = "X-Loop"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "html.jinja"), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # compiled once per process: no stat of the template files for every email
    )


_ENV: jinja2.Environment | None = None


def render(audience: str, kind: str, **context) -> tuple[str, str, str]:
    """Render (subject, text, html) for one message kind and audience."""
    global _ENV
    if _ENV is None:
        _ENV = environment()
    text = _ENV.get_template(f"{audience}/{kind}.txt.j2").render(**context)
    html = _ENV.get_template(f"{audience}/{kind}.html.j2").render(**context)
    first, _, body = text.partition("\n")
    if not first.startswith("Subject: "):
        raise ValueError(f"template {audience}/{kind}.txt.j2 must start with 'Subject: '")
    subject = " ".join(first[len("Subject: "):].split())
    return subject, body.lstrip("\n"), html


class _ComposedHeaders(HeaderClasses):
    """The shared policy's header classes, and the header objects it made kept for the values that come again (the
    sender, the Manager's address, the fixed headers, and the MIME headers of every part: most of the time it took
    to compose an email went on parsing the same header values again). A header object is immutable (a string with
    its parse), so one serves every email that carries that name and value, written out the same."""

    def __call__(self, name, value):
        try:
            return self._made_once(name, value)
        except TypeError:  # a value that cannot be a key (not a plain string): made as the standard policy makes it
            return super().__call__(name, value)

    @lru_cache(maxsize=1024)
    def _made_once(self, name, value):
        return super().__call__(name, value)


# composed with the shared policy's classes (one per header name) and header objects made once per value; written with
# headers on one line up to RFC 5322's 998 characters (see build_email)
_COMPOSE = POLICY.clone(header_factory=_ComposedHeaders())
_WRITE = _COMPOSE.clone(max_line_length=998)


def _base64_lines(data: bytes, max_line_length: int) -> str:
    """The standard content manager's base64 body (``email.contentmanager._encode_base64``), character for character:
    lines of ``max_line_length // 4 * 4`` characters, each ending in a newline. It encodes each line's 57 bytes
    apart (some 700 calls for a form); here the whole is encoded at once and cut into lines: the line breaks fall
    on multiples of 3 bytes, where base64 text splits cleanly, so the text is the same."""
    if not data:
        return ""
    text = binascii.b2a_base64(data, newline=False).decode("ascii")
    width = max_line_length // 4 * 4
    return "\n".join([text[i:i + width] for i in range(0, len(text), width)]) + "\n"


def _set_bytes(msg, data, maintype, subtype, cte="base64", disposition=None, filename=None, cid=None, params=None,
               headers=None):
    """``email.contentmanager.set_bytes_content``, with the base64 body written by ``_base64_lines``: the part and its
    headers are made by the standard function (for no bytes), then the body is put in."""
    if cte != "base64":
        return contentmanager.set_bytes_content(msg, data, maintype, subtype, cte, disposition, filename, cid, params,
                                                headers)
    contentmanager.set_bytes_content(msg, b"", maintype, subtype, cte, disposition, filename, cid, params, headers)
    msg.set_payload(_base64_lines(bytes(data), msg.policy.max_line_length))


_ATTACH = contentmanager.ContentManager()  # (attached files: bytes only)
for _kind in (bytes, bytearray, memoryview):
    _ATTACH.add_set_handler(_kind, _set_bytes)


def loop_token(from_address: str) -> str:
    return parseaddr(from_address)[1].lower()


def build_email(*, sender: str, to: str, subject: str, text: str, html: str, now: datetime,
                in_reply_to: str | None = None, references: list[str] | None = None,
                auto_submitted: str = "auto-generated", attachments: list[Attachment] = (),
                reply_to: str | None = None, calendar: tuple[str, bytes] | None = None) -> EmailMessage:
    """One email: text and HTML alternatives; with ``calendar`` = (method, iCalendar bytes) also a third alternative
    ``text/calendar; method=...`` (iMIP, RFC 6047), which Outlook shows with Accept / Decline. ``reply_to``: the
    plus address that carries the reply token."""
    msg = EmailMessage(policy=_COMPOSE)
    msg["From"] = sender
    msg["To"] = to
    if reply_to:  # a plus address carrying the reply token (issue 24.2): a plain reply brings it back
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    domain = parseaddr(sender)[1].rsplit("@", 1)[-1] or "localhost"
    msg["Message-ID"] = make_msgid(idstring="intake", domain=domain)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = " ".join([*(references or []), in_reply_to][-20:])
    msg["Auto-Submitted"] = auto_submitted
    msg["X-Auto-Response-Suppress"] = "All"
    msg[LOOP_HEADER] = loop_token(sender)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    if calendar is not None:
        method, data = calendar
        msg.add_alternative(data.decode("utf-8"), subtype="calendar", params={"method": method})
    for a in attachments:
        maintype, _, subtype = a.content_type.partition("/")
        msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename, content_manager=_ATTACH)
    # Headers on one line up to RFC 5322's 998 characters: folded just after "Subject:", a subject reads back with
    # a leading space in some clients (the bodies are encoded already and stay as they are).
    msg.policy = _WRITE
    return msg


_BOUNDARY_DIGITS = "%%0%dd" % len(repr(sys.maxsize - 1))  # (as the standard generator writes a boundary's number)


def _folded(policy, name: str, value) -> str:
    """``policy.fold(name, value)``, kept on a header object for the policy it was written with: the header objects
    made once (``_ComposedHeaders``) are written out in every email that carries them, and folding one parses its
    value again each time. A header object folds the same way whenever it is folded with the same policy (both are
    immutable)."""
    if not hasattr(value, "name"):  # (a plain string: folded by the policy as the standard generator does)
        return policy.fold(name, value)
    kept = value.__dict__.get("_intake_folded")
    if kept is not None and kept[0] is policy:
        return kept[1]
    text = policy.fold(name, value)
    value._intake_folded = (policy, text)
    return text


class _Generator(Generator):
    """The standard library's generator, writing each body in one piece instead of line by line (a form attached
    in base64 is some 700 lines: the write per line was most of the time it took to write out the Manager's email).
    The text is the same: the standard one splits on CR LF, CR or LF and joins with the policy's line ending, which
    for a body without CR is one replacement of LF. Headers kept folded (``_folded``); a new MIME boundary is
    looked for in the text as a plain substring first (below)."""

    def flatten(self, msg, unixfrom=False, linesep=None):
        """The standard ``flatten``, without the copy of the policy it makes when asked for the line ending or line
        length the policy has already (it makes one for every part, since each part is written by a generator of its
        own told the line ending): a copy is a new object, and the folds kept (``_folded``) are kept for the policy
        object they were written with, so none was ever found again. The same policy values: the same text."""
        policy = msg.policy if self.policy is None else self.policy
        if linesep is not None and linesep == policy.linesep:
            linesep = None
        if self.maxheaderlen is not None and self.maxheaderlen == policy.max_line_length:
            self.maxheaderlen = None
        super().flatten(msg, unixfrom, linesep)

    def _write_headers(self, msg):
        for h, v in msg.raw_items():
            self.write(_folded(self.policy, h, v))
        self.write(self._NL)

    @classmethod
    def _make_boundary(cls, text=None):
        """The standard boundary (the same random draw): when "--" and the boundary are nowhere in the text, no line
        of it can be the boundary, so the standard check (a regular expression compiled for each boundary, then run
        over the whole text, the attached form's base64 included) is needed only when they are."""
        token = random.randrange(sys.maxsize)
        boundary = ("=" * 15) + (_BOUNDARY_DIGITS % token) + "=="
        if text is None or "--" + boundary not in text:
            return boundary
        b, counter = boundary, 0
        while re.search("^--" + re.escape(b) + "(--)?$", text, re.MULTILINE):
            b = boundary + "." + str(counter)
            counter += 1
        return b

    def _write_lines(self, lines):
        if lines and "\r" not in lines:
            self.write(lines if self._NL == "\n" else lines.replace("\n", self._NL))
        else:
            super()._write_lines(lines)


def as_text(message: EmailMessage) -> str:
    """``message.as_string()``, character for character, written faster (``_Generator``)."""
    out = io.StringIO()
    _Generator(out, mangle_from_=False, maxheaderlen=message.policy.max_line_length,
               policy=message.policy).flatten(message)
    return out.getvalue()
