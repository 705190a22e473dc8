"""Reading an inbound email: headers we decide on, and the attached files.

Pure functions of the raw bytes. Tolerant: a broken header or part never raises
out of here; a message without Message-ID gets a stable key from its bytes.
"""

from __future__ import annotations

import email
import hashlib
import re
import time
from dataclasses import dataclass, field, replace
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from intake.mailbox.email_policy import POLICY
from intake.storable import storable, storable_value

MAX_PARTS = 200
MAX_DEPTH = 12


@dataclass(frozen=True)
class AttachedFile:
    name: str | None
    content_type: str
    data: bytes
    inline: bool = False
    forwarded_from: str | None = None   # sender of the attached email (.eml/.msg) this file was inside


@dataclass
class MessageFacts:
    from_address: str | None            # lower-cased address, None for a null sender
    from_display: str
    reply_to: str | None
    subject: str
    message_id: str | None
    in_reply_to: list[str]
    references: list[str]
    headers: dict[str, str]             # lower-cased name -> first value (decoded to str)
    content_type: str
    attachments: list[AttachedFile] = field(default_factory=list)
    body_text: str = ""
    raw_sha256: str = ""
    forwarded_from: str | None = None   # original sender named in a forwarded message's quoted headers
    auth_results: list[str] = field(default_factory=list)  # Authentication-Results headers, topmost first
    too_complex: bool = False            # more than MAX_MULTIPARTS multipart sections: only the header was read

    def referrer_of(self, f: AttachedFile) -> str | None:
        """Who referred the case a form opens: the original sender of a forwarded referral, else From."""
        return f.forwarded_from or self.forwarded_from or self.from_address

    @property
    def thread_ids(self) -> list[str]:
        return [*self.in_reply_to, *self.references]


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # a header the policy cannot parse
        value = None
    if value is None:
        return ""
    try:
        return " ".join(str(value).split())
    except Exception:
        return ""


_MSGID = re.compile(r"<[^<>\s]+>")


def _ids(text: str) -> list[str]:
    return _MSGID.findall(text or "")


MAX_MULTIPARTS = 64
_MULTIPART = re.compile(rb"^content-type:\s*multipart/", re.I | re.M)


def parse_message(raw: bytes) -> EmailMessage:
    """The message, or only its header when it declares more than MAX_MULTIPARTS multipart sections
    (the stdlib parser's cost grows with every nested level: 300 levels cost seconds; no real referral
    comes close)."""
    # (counted with the regular expression only when the text could have that many: each of its matches contains
    # "multipart/" in some case, and counting those in the lowered text is a fraction of the expression's scan, which
    # tries every position of the message, the attached forms' base64 included)
    if (raw[:4_000_000].lower().count(b"multipart/") > MAX_MULTIPARTS
            and len(_MULTIPART.findall(raw, 0, 4_000_000)) > MAX_MULTIPARTS):
        from email.parser import BytesHeaderParser

        msg = BytesHeaderParser(policy=POLICY).parsebytes(raw)
        msg.set_payload("")
        msg.too_complex = True  # read by read_facts: the body was not read
        return msg
    return email.message_from_bytes(raw, policy=POLICY)


def _part_payload(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    return payload or b""


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name:
        name = " ".join(str(name).split())
    return name or None


def _body_text(part: Message) -> str:
    try:
        return part.get_content() if hasattr(part, "get_content") else ""
    except Exception:
        data = _part_payload(part)
        return data.decode("utf-8", "replace")


def walk_files(msg: Message) -> tuple[list[AttachedFile], str]:
    """Every file attached anywhere in the message (nested and forwarded parts included),
    and the first text/plain body. Bounded: at most MAX_PARTS parts, MAX_DEPTH levels."""
    files: list[AttachedFile] = []
    body = ""
    html_body = ""
    count = 0

    def visit(part: Message, depth: int, origin: str | None) -> None:
        nonlocal body, count
        count += 1
        if count > MAX_PARTS or depth > MAX_DEPTH:
            return
        ctype = (part.get_content_type() or "application/octet-stream").lower()
        if part.is_multipart():
            try:
                children = part.get_payload()
            except Exception:
                children = []
            for child in children if isinstance(children, list) else []:
                if isinstance(child, Message):
                    if ctype == "message/rfc822":  # an attached email: its files come from its sender
                        origin = _address(_header(child, "From")) or origin
                    visit(child, depth + 1, origin)
            return
        name = _filename(part)
        disposition = (part.get_content_disposition() or "").lower()
        if ctype == "text/plain" and not name and disposition != "attachment":
            if not body and origin is None:
                body = _body_text(part)
            return
        if ctype == "text/html" and not name and disposition != "attachment":
            nonlocal html_body
            if not html_body and origin is None:
                html_body = _body_text(part)
            return
        data = _part_payload(part)
        if data:
            files.append(AttachedFile(name, ctype, data, inline=disposition == "inline", forwarded_from=origin))

    visit(msg, 0, None)
    if not body and html_body:
        body = html_to_text(html_body)
    return files, body


def _address(value: str) -> str | None:
    addr = parseaddr(value or "")[1].strip().lower()
    return addr if "@" in addr else None


FORWARD_SUBJECT = re.compile(r"^\s*(re:\s*)*(fwd?|fw)\s*:", re.I)
FORWARD_MARKER = re.compile(r"^\s*(-{2,}\s*(forwarded message|original message)\s*-{2,}|begin forwarded message:)", re.I | re.M)
QUOTED_FROM = re.compile(r"^\s*\*?from:\*?\s*(.+)$", re.I | re.M)


def forwarded_sender(subject: str, body: str) -> str | None:
    """The original sender a forwarded email quotes ("From: Name <address>" in the forwarded headers)."""
    if not FORWARD_SUBJECT.match(subject or ""):  # a reply also quotes "From:" lines: only a forward counts
        return None
    marker = FORWARD_MARKER.search(body or "")
    text = (body or "")[marker.end() if marker else 0:][:20_000]
    for m in QUOTED_FROM.finditer(text):
        line = m.group(1).replace("[mailto:", "<").replace("]", ">")
        addr = _address(line)
        if addr is None:
            found = re.search(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+", line)
            addr = found.group(0).lower() if found else None
        if addr:
            return addr
    return None


def html_to_text(html: str) -> str:
    """Enough of an HTML body to read commands and answers typed at the top of a reply.

    libxml2's HTML parser (lxml) in one linear pass: a hostile 500 KB body costs milliseconds. (The
    stdlib html.parser is quadratic on some unclosed-tag inputs in Python 3.11; regular expressions
    over the markup were quadratic too.) Script, style and head content is dropped; line-ending
    elements end a line; a quotation starts with a "> " line, where a reply's own text stops."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(html[:MAX_HTML_CHARS].encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        return ""
    if root is None:
        return ""
    etree.strip_elements(root, "script", "style", "head", "title", with_tail=False)
    for el in root.iter("br", "p", "div", "tr", "li"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("blockquote"):
        el.text = "\n> " + (el.text or "")
    return "".join(t for t in root.itertext() if isinstance(t, str))


MAX_HTML_CHARS = 500_000


TNEF_MAGIC = b"\x78\x9f\x3e\x22"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_CONTAINER_DEPTH = 3


def _is_tnef(f: AttachedFile) -> bool:
    return f.data[:4] == TNEF_MAGIC or f.content_type == "application/ms-tnef" or (f.name or "").lower() == "winmail.dat"


def _is_outlook_msg(f: AttachedFile) -> bool:
    return f.data[:8] == OLE_MAGIC and ((f.name or "").lower().endswith(".msg") or f.content_type in (
        "application/vnd.ms-outlook", "application/x-msg"))


def is_container(f: AttachedFile) -> bool:
    """A winmail.dat (TNEF) or an attached Outlook .msg: its files are inside it."""
    return _is_tnef(f) or _is_outlook_msg(f)


def _from_tnef(f: AttachedFile) -> list[AttachedFile]:
    import tnefparse

    try:
        tnef = tnefparse.TNEF(f.data)
    except Exception:  # a damaged winmail.dat: keep it as it is
        return [f]
    out = []
    for a in tnef.attachments[:MAX_PARTS]:
        try:
            name = a.long_filename() or a.name
        except Exception:
            try:
                name = a.name  # tnefparse decodes names on access: a damaged one raises too
            except Exception:
                name = None
        if isinstance(name, bytes):
            name = name.decode("latin-1", "replace")
        if a.data:
            out.append(AttachedFile(name or None, "application/octet-stream", bytes(a.data), forwarded_from=f.forwarded_from))
    return out


def _from_msg(f: AttachedFile, depth: int) -> list[AttachedFile]:
    import extract_msg

    try:
        msg = extract_msg.openMsg(f.data)
    except Exception:
        return [f]
    out: list[AttachedFile] = []
    try:
        try:
            sender = _address(str(msg.sender or "")) or f.forwarded_from
        except Exception:
            sender = f.forwarded_from
        for a in msg.attachments[:MAX_PARTS]:
            data = getattr(a, "data", None)
            name = getattr(a, "longFilename", None) or getattr(a, "shortFilename", None)
            if isinstance(data, bytes) and data:
                out.extend(expand_containers([AttachedFile(name, "application/octet-stream", data,
                                                           forwarded_from=sender)], depth + 1))
            elif data is not None and hasattr(data, "attachments") and depth < MAX_CONTAINER_DEPTH:
                for sub in data.attachments[:MAX_PARTS]:  # an Outlook item embedded in the .msg
                    sub_data = getattr(sub, "data", None)
                    if isinstance(sub_data, bytes) and sub_data:
                        sub_name = getattr(sub, "longFilename", None) or getattr(sub, "shortFilename", None)
                        out.append(AttachedFile(sub_name, "application/octet-stream", sub_data, forwarded_from=sender))
    finally:
        try:
            msg.close()
        except Exception:
            pass
    return out


def expand_containers(files: list[AttachedFile], depth: int = 0, max_parts: int = MAX_PARTS,
                      deadline: float | None = None) -> list[AttachedFile]:
    """Replace Outlook containers (winmail.dat TNEF, attached .msg) by the files inside them: at most ``max_parts``
    files in all; once that many are out, or ``deadline`` (time.monotonic) has passed, no container is opened
    (the budget is checked before each one, so 190 tiny winmail.dat cost at most the budget)."""
    out: list[AttachedFile] = []
    for f in files:
        if len(out) >= max_parts:
            break
        spent = deadline is not None and time.monotonic() >= deadline
        if depth < MAX_CONTAINER_DEPTH and not spent and _is_tnef(f):
            out.extend(_from_tnef(f))
        elif depth < MAX_CONTAINER_DEPTH and not spent and _is_outlook_msg(f):
            out.extend(_from_msg(f, depth))
        else:
            out.append(f)
    return out[:max_parts]


def read_facts(raw: bytes, unpack=None) -> MessageFacts:
    """The facts of one message. ``unpack`` opens Outlook containers (default: in this process;
    the service passes ``intake.mailbox.unpack.unpack_isolated``, which runs them under the parse limits)."""
    msg = parse_message(raw)
    from_header = _header(msg, "From")
    display, addr = parseaddr(from_header)
    addr = addr.strip().lower() or None
    return_path = _header(msg, "Return-Path")
    reply_to = None
    rt = _header(msg, "Reply-To")
    if rt:
        pairs = [a for _, a in getaddresses([rt]) if "@" in a]
        reply_to = pairs[0].lower() if pairs else None
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():  # unparsed: only the few headers we decide on are decoded
        key = name.lower()
        if key not in headers and len(headers) < 500:
            headers[key] = " ".join(str(value).split())[:2000]
    mid = _ids(_header(msg, "Message-ID"))
    files, body = walk_files(msg)
    files = (unpack or expand_containers)(files)
    facts = MessageFacts(
        from_address=addr if "@" in (addr or "") else None,
        from_display=display,
        reply_to=reply_to,
        subject=_header(msg, "Subject"),
        message_id=mid[0] if mid else None,
        in_reply_to=_ids(_header(msg, "In-Reply-To")),
        references=_ids(_header(msg, "References")),
        headers=headers,
        content_type=(msg.get_content_type() or "").lower(),
        attachments=files,
        body_text=body,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
    )
    facts.too_complex = bool(getattr(msg, "too_complex", False))
    facts.auth_results = [" ".join(str(v).split())[:2000] for k, v in msg.raw_items()
                          if k.lower() == "authentication-results"][:20]
    facts.forwarded_from = forwarded_sender(facts.subject, body)
    if facts.forwarded_from == facts.from_address:
        facts.forwarded_from = None
    if return_path.strip() in ("<>", ""):
        facts.headers.setdefault("return-path", return_path)
    return storable_facts(facts)


def storable_facts(facts: MessageFacts) -> MessageFacts:
    """Every text of the message made storable (no NUL, no lone surrogate): the database never sees them."""
    for name in ("from_address", "from_display", "reply_to", "subject", "message_id", "content_type", "body_text",
                 "forwarded_from"):
        setattr(facts, name, storable(getattr(facts, name)))
    for name in ("in_reply_to", "references", "headers", "auth_results"):
        setattr(facts, name, storable_value(getattr(facts, name)))
    facts.attachments = [f if storable(f.name) is f.name and storable(f.forwarded_from) is f.forwarded_from else
                         replace(f, name=storable(f.name), forwarded_from=storable(f.forwarded_from))
                         for f in facts.attachments]
    return facts


def domain_allowed(address: str | None, allowed: tuple[str, ...]) -> bool:
    if not allowed:
        return True
    if not address or "@" not in address:
        return False
    domain = address.rsplit("@", 1)[1].lower()
    return any(domain == d or domain.endswith("." + d) for d in allowed)
