"""An action owner's reply to their reminder: DONE A3 2027-03-01, PROGRESS A3 text, DATE A3 2027-04-30 reason.

Applied only with a valid reply token issued to the sender (purpose ``action_owner``) for that case, and only to
the sender's own actions (those they are reminded of: their own address in the plan, or as the agency's lead).
Every check happens before the first change; a token that changed something is not accepted again. The answer
goes to the token's owner, never to the sender of a forged message.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session

from intake import tokens
from intake.duties import action_plans, actions
from intake.duties.commands import CommandError
from intake.store.models import AuditEvent, UsedToken
from intake.pipeline.context import MessageContext
from intake.pipeline.replies import Refused, _valid_claims
from notifier.compose import build_email, render
from notifier.outbox import enqueue


def apply_owner_commands(ctx: MessageContext, session: Session, cfg, now: datetime) -> list[str]:
    sender = (ctx.facts.from_address or "").lower()
    claims = _valid_claims(cfg, ctx.facts.body_text + "\n" + (ctx.facts.subject or ""), now)
    if claims.purpose != action_plans.OWNER_PURPOSE or claims.person != sender or not claims.case:
        raise Refused("the reply token was issued to someone else")
    try:
        commands = action_plans.parse_owner_commands(ctx.facts.body_text)
    except CommandError as exc:
        raise Refused(f"a line could not be read: {exc}")
    if not commands:
        raise Refused("no DONE, PROGRESS or DATE line was found at the top of the reply")
    if all(c.verb == "HELP" for c in commands):
        return ["HELP"]
    try:
        case = actions.find_case(session, claims.case)
        plan = [(cmd, *action_plans.check_owner_command(session, cfg, case, sender, cmd, now))
                for cmd in commands if cmd.verb != "HELP"]
    except actions.ActionError as exc:
        raise Refused(str(exc))
    if any(cmd.verb in ("DONE", "DATE") for cmd, _, _ in plan):
        if session.get(UsedToken, claims.nonce) is not None:
            raise Refused("this reply token has already been used to change an action; reply to a newer reminder")
        session.add(UsedToken(nonce=claims.nonce, person=sender, case_reference=claims.case, used_at=now))
    actor = f"email:{sender}"
    try:
        return [action_plans.apply_owner_command(session, cfg, case, item, deadline, cmd, actor, now)
                for cmd, item, deadline in plan]
    except actions.ActionError as exc:
        raise Refused(str(exc))


def handle_owner_command(ctx: MessageContext, session: Session, cfg, now: datetime) -> None:
    sender = (ctx.facts.from_address or "").lower()
    try:
        done, refused = apply_owner_commands(ctx, session, cfg, now), None
    except Refused as exc:
        done, refused = [], str(exc)
    if refused is not None:
        claims = tokens.first_valid(cfg.command_secret, ctx.facts.body_text, now)
        answer_to = claims.person if claims else cfg.people.manager.lower()
        session.add(AuditEvent(at=now, actor=f"email:{sender or '?'}", action="command_refused",
                               detail=json.dumps({"reason": refused, "inbound": ctx.fetched.source_key})))
        ctx.reasons.append(f"refused: {refused}")
    else:
        answer_to = sender
        session.add(AuditEvent(at=now, actor=f"email:{sender}", action="command_applied",
                               detail=json.dumps({"commands": done, "inbound": ctx.fetched.source_key})))
        ctx.reasons.append("applied: " + "; ".join(done))
    subject, text, html = render("person", "command_result", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, applied=[a for a in done if a != "HELP"],
                                 refused=refused, help_text=action_plans.OWNER_HELP,
                                 show_help=refused is not None or "HELP" in done)
    enqueue(session, key=f"command_result:{ctx.facts.message_id or ctx.facts.raw_sha256}", kind="command_result",
            now=now, reply_cap=cfg.policy.replies_per_sender_per_day,
            message=build_email(sender=cfg.smtp.from_, to=answer_to, subject=subject, text=text, html=html, now=now,
                                in_reply_to=ctx.facts.message_id, references=ctx.facts.references,
                                auto_submitted="auto-replied"))
