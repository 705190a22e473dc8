"""An action owner's reply to their reminder: DONE A3 today, PROGRESS A3 text, DATE A3 2027-04-30 reason.

Applied only with a valid reply token issued to the sender (purpose ``action_owner``) for that case, and only to
the sender's own actions (those they are reminded of: their own address in the plan, or as the agency's lead).
Every check happens before the first change; a token that changed something is not accepted again. The answer
goes to the token's owner, never to the sender of a forged message.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session

from intake.duties import action_plans, actions
from intake.duties.action_reminders import owner_reply_help
from intake.duties.commands import CommandError, correct_line, top_of_reply
from intake.store.models import AuditEvent, UsedToken
from intake.pipeline.command_answer import claims_or_none, message_claims, Refused, send_result
from intake.pipeline.context import MessageContext


def _owner_lines(text: str) -> list[str]:
    return [line for line in top_of_reply(text)
            if line.split() and line.split()[0].upper().rstrip(":") in action_plans.OWNER_VERBS]


def apply_owner_commands(ctx: MessageContext, session: Session, cfg, now: datetime) -> list[str]:
    sender = (ctx.facts.from_address or "").lower()
    today = now.astimezone(cfg.tz).date()
    lines = _owner_lines(ctx.facts.body_text)
    claims = message_claims(session, cfg, ctx.facts, now)
    if claims.purpose != action_plans.OWNER_PURPOSE or claims.person != sender or not claims.case:
        raise Refused("the reply token was issued to someone else")
    try:
        commands = action_plans.parse_owner_commands(ctx.facts.body_text, today)
    except CommandError as exc:
        bad = next((line for line in lines if exc.bad and exc.bad in line), None)
        fixed = correct_line(bad, exc, today) if bad else None
        raise Refused(f"a line could not be read: {exc}", [fixed if line == bad else line for line in lines]
                      if fixed else [])
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
            raise Refused("this reply token has already been used to change an action: reply to this email instead",
                          lines)
        session.add(UsedToken(nonce=claims.nonce, person=sender, case_reference=claims.case, used_at=now))
    actor = f"email:{sender}"
    try:
        return [action_plans.apply_owner_command(session, cfg, case, item, deadline, cmd, actor, now)
                for cmd, item, deadline in plan]
    except actions.ActionError as exc:
        raise Refused(str(exc))


def handle_owner_command(ctx: MessageContext, session: Session, cfg, now: datetime) -> None:
    sender = (ctx.facts.from_address or "").lower()
    claims = claims_or_none(session, cfg, ctx.facts, now)
    try:
        done, refused = apply_owner_commands(ctx, session, cfg, now), None
    except Refused as exc:
        done, refused = [], exc
    if refused is not None:
        answer_to = claims.person if claims else cfg.people.manager.lower()
        session.add(AuditEvent(at=now, actor=f"email:{sender or '?'}", action="command_refused",
                               detail=json.dumps({"reason": str(refused), "inbound": ctx.fetched.source_key})))
        ctx.reasons.append(f"refused: {refused}")
        if answer_to != sender:
            refused.retry = []  # a forged or misdirected reply: nothing to send again
    else:
        answer_to = sender
        session.add(AuditEvent(at=now, actor=f"email:{sender}", action="command_applied",
                               detail=json.dumps({"commands": done, "inbound": ctx.fetched.source_key})))
        ctx.reasons.append("applied: " + "; ".join(done))
    owner = claims is not None and claims.person == answer_to and claims.purpose == action_plans.OWNER_PURPOSE
    clock = next((c.clock for c in _parsed(ctx, now, cfg) if c.clock), "A1")
    send_result(ctx, session, cfg, now, answer_to, applied=done, refused=refused,
                case=claims.case if claims and claims.person == answer_to else None,
                purpose=action_plans.OWNER_PURPOSE if owner else "command_result",
                replies_for=(lambda cfg, token, today: owner_reply_help(cfg, token, clock, today)) if owner else None)


def _parsed(ctx: MessageContext, now: datetime, cfg) -> list:
    try:
        return action_plans.parse_owner_commands(ctx.facts.body_text, now.astimezone(cfg.tz).date())
    except CommandError:
        return []
