"""Reply tokens: what makes an emailed instruction from the Manager or Chair trustworthy.

A token is issued by the bot inside each reminder, escalation and digest, for one
recipient, one case (or none: a digest) and one purpose, with an expiry; it is an
HMAC-SHA256 over those claims with a secret from the environment. A forged From
header alone carries no valid token; a token that changed a case is recorded as
used and refused the second time.

    >>> tok = issue("secret", "manager@x.gov.uk", "SIRG-2026-0001", "reminder", now)
    >>> verify("secret", tok, now).case
    'SIRG-2026-0001'
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

TOKEN_RE = re.compile(r"\[intake:([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)\]")


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


def issue(secret: str, person: str, case: str | None, purpose: str, now: datetime, days: int = 14) -> str:
    claims = {"p": person.lower(), "c": case, "u": purpose,
              "e": int((now + timedelta(days=days)).timestamp()), "n": secrets.token_hex(8)}
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()[:18])
    return f"{body}.{sig}"


def verify(secret: str, token: str, now: datetime) -> Claims:
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


def first_valid(secret: str | None, text: str, now: datetime) -> Claims | None:
    """The claims of the first valid token in ``text`` (None without a secret or a valid token)."""
    if not secret:
        return None
    for tok in find(text):
        try:
            return verify(secret, tok, now)
        except TokenError:
            continue
    return None


def find(text: str) -> list[str]:
    return TOKEN_RE.findall(text or "")


def marker(token: str) -> str:
    return f"[intake:{token}]"
