"""Reply tokens: what makes an emailed instruction from the Manager, the Chair or an action owner trustworthy.

A token is issued by the bot in each email to them, for one recipient, one case (or none: a digest) and one
purpose, with an expiry. A forged From header alone carries no valid token; a token that changed a case is
recorded as used and refused the second time.

Two forms (the pure parts are here; ``intake.store.reply_tokens`` stores and looks up the short ones):

- **short** (issue 24.2), 20 characters of lower-case base32: 12 random, then 8 of an HMAC-SHA256 of those 12
  with the command secret. The claims live in the database (``reply_token``), so the token itself says nothing.
  It rides in the Reply-To as a plus address, ``referrals+TOKEN@example.org``, and in a visible
  ``[intake:TOKEN]`` line, so that a plain reply carries it even when the quoted text is stripped.

      >>> tok = new_short("secret")
      >>> len(tok), short_ok("secret", tok)
      (20, True)
      >>> plus_address("LSCP Referrals <referrals@x.gov.uk>", "abcdefghijklmnopqrst")
      'LSCP Referrals <referrals+abcdefghijklmnopqrst@x.gov.uk>'

- **long** (before issue 24), ``body.signature``: the claims in base64 JSON with their HMAC. Still accepted until
  they expire (emails already sent carry them); no longer issued.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from email.utils import formataddr, parseaddr
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

TOKEN_RE = re.compile(r"\[intake:\s*([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)?)\s*\]")
SHORT_RANDOM, SHORT_MAC = 12, 8
SHORT_RE = re.compile(rf"^[a-z2-7]{{{SHORT_RANDOM + SHORT_MAC}}}$")
PLUS_RE = re.compile(rf"[A-Za-z0-9._%\-]+\+([A-Za-z2-7]{{{SHORT_RANDOM + SHORT_MAC}}})@", re.I)
# where a plus address can arrive: the reply's To, Cc, and what the receiving servers recorded
PLUS_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to")


class TokenError(Exception):
    """The token is missing, forged, expired, or for someone or something else."""


@dataclass(frozen=True)
class Claims:
    person: str
    case: str | None
    purpose: str
    expires: datetime
    nonce: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode().rstrip("=").lower()


def _short_mac(secret: str, random_part: str) -> str:
    return _b32(hmac.new(secret.encode(), b"reply-token:" + random_part.encode(), hashlib.sha256).digest())[:SHORT_MAC]


def new_short(secret: str) -> str:
    """A fresh short token: 12 random base32 characters and 8 of their HMAC."""
    random_part = _b32(secrets.token_bytes(10))[:SHORT_RANDOM]
    return random_part + _short_mac(secret, random_part)


def is_short(token: str) -> bool:
    return bool(SHORT_RE.match(token.lower()))


def short_ok(secret: str, token: str) -> bool:
    """The short token's HMAC is the command secret's (checked before any look-up)."""
    token = token.lower()
    return is_short(token) and hmac.compare_digest(token[SHORT_RANDOM:], _short_mac(secret, token[:SHORT_RANDOM]))


def plus_address(address: str, token: str) -> str:
    """The mailbox address with the token as its plus part, the display name kept."""
    name, addr = parseaddr(address)
    local, _, domain = addr.partition("@")
    plus = f"{local.split('+', 1)[0]}+{token}@{domain}"
    return formataddr((name, plus)) if name else plus


def in_headers(headers: dict[str, str]) -> list[str]:
    """Short tokens in the plus addresses of a reply's recipient headers (lower-cased; first seen first)."""
    found = []
    for name in PLUS_HEADERS:
        for tok in PLUS_RE.findall(headers.get(name, "") or ""):
            if tok.lower() not in found:
                found.append(tok.lower())
    return found


def in_message(headers: dict[str, str], body: str) -> list[str]:
    """Every token a reply carries: its plus address first (what a plain reply keeps), then the body's lines."""
    out = in_headers(headers)
    for tok in find(body):
        tok = tok.lower() if is_short(tok) else tok
        if tok not in out:
            out.append(tok)
    return out


def issue(secret: str, person: str, case: str | None, purpose: str, now: datetime, days: int = 14) -> str:
    claims = {"p": person.lower(), "c": case, "u": purpose,
              "e": int((now + timedelta(days=days)).timestamp()), "n": secrets.token_hex(8)}
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()[:18])
    return f"{body}.{sig}"


def verify(secret: str, token: str, now: datetime) -> Claims:
    """The claims of a long token (before issue 24); short ones are looked up (``intake.store.reply_tokens``)."""
    try:
        body, sig = token.split(".", 1)
        expected = _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()[:18])
        if not hmac.compare_digest(sig, expected):
            raise TokenError("the reply token is not one the bot issued")
        c = json.loads(_unb64(body))
    except TokenError:
        raise
    except Exception:
        raise TokenError("the reply token is damaged") from None
    claims = Claims(c["p"], c["c"], c["u"], datetime.fromtimestamp(c["e"], timezone.utc), c["n"])
    if now > claims.expires:
        raise TokenError("the reply token has expired; reply to a more recent email from the bot")
    return claims


def find(text: str) -> list[str]:
    return TOKEN_RE.findall(text or "")


def marker(token: str) -> str:
    return f"[intake:{token}]"
