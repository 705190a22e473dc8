"""The answer to an emailed instruction, and the reply token it came with (issue 24.1, 24.2).

Every answer (done, HELP, refused) can itself be answered by a plain reply: it carries a fresh reply token for the
person it goes to, in its Reply-To and its visible line. A refusal says in one sentence what was wrong and, where
it can, quotes the corrected instruction ready to send back; its last line says what to do if the person did not
send it, in words that fit them (the Manager is not told to tell the Safeguarding Manager).

The token of an instruction is looked for in the plus address it was sent to (To, Cc, Delivered-To,
X-Original-To: what a plain reply to our Reply-To keeps), then in the ``[intake:...]`` line of the quoted email.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from intake import tokens
from intake.mailbox.mail import MessageFacts
from intake.pipeline.context import MessageContext
from intake.store import reply_tokens
from intake.tokens import Claims, TokenError
from notifier.compose import build_email, render
from notifier.outbox import enqueue
from notifier.reply_commands import reply_help, reply_token

RESULT_PURPOSE = "command_result"


class Refused(Exception):
    """An instruction not applied: ``str()`` is the plain reason; ``retry`` the corrected lines ready to send back
    (empty when there is nothing to offer, e.g. a token issued to someone else)."""

    def __init__(self, reason: str, retry: list[str] | None = None):
        super().__init__(reason)
        self.retry = list(retry or [])


def message_tokens(facts: MessageFacts) -> list[str]:
    """Every reply token the message carries, its plus address first."""
    return tokens.in_message(facts.headers, (facts.body_text or "") + "\n" + (facts.subject or ""))


def message_claims(session: Session, cfg, facts: MessageFacts, now: datetime) -> Claims:
    """The claims of the message's first valid token; Refused with a plain sentence otherwise."""
    try:
        return reply_tokens.claims(session, cfg.command_secret, message_tokens(facts), now)
    except TokenError as exc:
        raise Refused(str(exc)) from None


def claims_or_none(session: Session, cfg, facts: MessageFacts, now: datetime) -> Claims | None:
    return reply_tokens.first_valid(session, cfg.command_secret, message_tokens(facts), now)


def not_sent_hint(cfg, to: str) -> str:
    """What to do when the person did not send the refused instruction, in words that fit them."""
    manager = f"{cfg.people.manager_name} ({cfg.people.manager})"
    if to.lower() == cfg.people.manager.lower():
        who = cfg.people.support or "the team that runs the referral service"
        return (f"If you did not send it, do not reply: someone may be writing as you. Tell {who}, and the Chair "
                f"({cfg.people.chair}).")
    return f"If you did not send it, do not reply, and tell {manager}."


def send_result(ctx: MessageContext, session: Session, cfg, now: datetime, to: str, *, applied: list[str],
                refused: Refused | None, warnings: list[str] = (), case: str | None = None,
                purpose: str = RESULT_PURPOSE, replies_for=None, show_all: bool = False) -> None:
    """Queue the answer to ``to`` with a fresh token for ``case`` (None: any case named), answering the message.
    ``replies_for``: (cfg, token, today) -> the replies block, for action owners; else the Manager's or Chair's."""
    today = now.astimezone(cfg.tz).date()
    token = reply_token(session, cfg, to, case, purpose, now)
    if replies_for is not None:
        replies = replies_for(cfg, token, today)
    else:
        audience = "chair" if to.lower() == cfg.people.chair.lower() else "manager"
        replies = reply_help(cfg, "command_result", token, audience, reference=case, today=today,
                             full=show_all or refused is not None, scoped=case is not None)
    subject, text, html = render("person", "command_result", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, applied=[a for a in applied if a != "HELP"],
                                 refused=str(refused) if refused else None, retry=refused.retry if refused else [],
                                 not_sent=not_sent_hint(cfg, to), warnings=list(warnings), replies=replies,
                                 forms=ctx.form_lines)
    enqueue(session, key=f"command_result:{ctx.facts.message_id or ctx.facts.raw_sha256}", kind="command_result",
            now=now, reply_cap=cfg.policy.replies_per_sender_per_day,
            message=build_email(sender=cfg.smtp.from_, to=to, subject=subject, text=text, html=html, now=now,
                                in_reply_to=ctx.facts.message_id, references=ctx.facts.references,
                                auto_submitted="auto-replied", reply_to=replies["reply_to"]))
