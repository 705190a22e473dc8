"""Short reply tokens, stored and looked up (issue 24.2); the pure parts are ``intake.tokens``.

``issue`` makes a token and keeps what it was issued for (``reply_token``); ``claims`` finds the first valid token
of a reply (its plus address first, then the ``[intake:...]`` line of the quoted email) and returns what it was
issued for, or says in one plain sentence why none is valid. Long tokens from before issue 24 are still read until
they expire.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlmodel import Session

from intake import tokens
from intake.store.models import ReplyToken
from intake.tokens import Claims, TokenError


def issue(session: Session, secret: str, person: str, case: str | None, purpose: str, now: datetime,
          days: int = 14) -> str:
    """A fresh short token for ``person`` (and ``case``, or None: any case the email lists), stored in the caller's
    transaction."""
    token = tokens.new_short(secret)
    session.add(ReplyToken(token=token, person=person.strip().lower(), case_reference=case, purpose=purpose,
                           issued_at=now, expires_at=now + timedelta(days=days)))
    return token


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def verify(session: Session, secret: str, token: str, now: datetime) -> Claims:
    """What a token was issued for; TokenError (one plain sentence) when it is forged, unknown or expired."""
    if not tokens.is_short(token):
        return tokens.verify(secret, token, now)
    token = token.lower()
    if not tokens.short_ok(secret, token):
        raise TokenError("the reply token is not one the bot issued")
    row = session.get(ReplyToken, token)
    if row is None:
        raise TokenError("the reply token is not one the bot issued")
    if now > _aware(row.expires_at):
        raise TokenError("the reply token has expired")
    return Claims(row.person, row.case_reference, row.purpose, _aware(row.expires_at), token)


def claims(session: Session, secret: str | None, found: list[str], now: datetime) -> Claims:
    """The claims of the first valid token in ``found``; TokenError with the first token's problem otherwise."""
    if not secret:
        raise TokenError("commands by email are not enabled for this service (no reply-token secret is configured)")
    if not found:
        raise TokenError("the email carries no reply token")
    errors = []
    for tok in found:
        try:
            return verify(session, secret, tok, now)
        except TokenError as exc:
            errors.append(str(exc))
    raise TokenError(errors[0])


def first_valid(session: Session, secret: str | None, found: list[str], now: datetime) -> Claims | None:
    """``claims`` or None."""
    try:
        return claims(session, secret, found, now)
    except TokenError:
        return None
