"""Replies: a referrer's reply joins its case; a Manager's or Chair's reply is a command.

Only the case's referrer, its safeguarding lead, or the Manager or Chair with a valid reply token may change the
record or the clocks by reply; anyone else's answers are held (audited), the Manager is told and may ACCEPT them.
Referrer replies fill answers that were missing (from attached forms and from
"Label: value" lines at the top of the reply), never overwrite an answer already
given (a different value is recorded as a conflict for the Manager), recompute
what is missing and move the deadlines that hang on the new dates.

Commands are applied only with a valid reply token issued to the sender for that
case; anything else is refused, audited, and explained to the configured
person's own address (never to the sender of a forged message), in an answer that can
itself be answered (``intake.pipeline.command_answer``).
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from sqlmodel import Session, select

from intake.duties import actions, rapid_review
from intake.duties.commands import CommandError, VERBS, correct_line, parse_commands, top_of_reply
from intake.pipeline.command_answer import claims_or_none, message_claims, Refused, send_result
from intake.pipeline.context import MessageContext
from intake.pipeline.store import _date, case_initials
from intake.store.models import AuditEvent, Case, Deadline, UsedToken
from notifier.compose import build_email, render
from notifier.deadlines_store import sync_deadlines, untrusted_for_case
from notifier.outbox import enqueue
from notifier.reply_commands import reply_token
from notifier.summary import reply_help
from notifier.wording import day
from parsers.assemble import assemble, empty_child
from parsers.blocks import Para
from parsers.document import required_missing
from parsers.fields import label_of


# -- referrer replies -----------------------------------------------------------------------------

def _leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list) and path == "children":
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def _set_path(record: dict, path: str, value) -> None:
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    node = record
    for i, part in enumerate(parts[:-1]):
        if part.startswith("["):
            idx = int(part[1:-1])
            while len(node) <= idx:
                node.append(empty_child())
            node = node[idx]
        else:
            node = node[part]
    node[parts[-1]] = value


def _get_path(record: dict, path: str):
    node = record
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    return node


SIGNATURE_FIELDS = ("referrer.", "safeguarding_lead.")


def merge(record: dict, supplied: dict, only: set[str] | None = None) -> tuple[list[str], list[dict]]:
    """Fill answers missing from ``record`` with those in ``supplied`` (only the paths in ``only``, when
    given); a different value for an answer already given is a conflict, never an overwrite.
    Returns (added paths, conflicts)."""
    current = dict(_leaves(record))
    added, conflicts = [], []
    for path, value in _leaves(supplied):
        if value in (None, [], "referral") or path == "form":
            continue
        if only is not None and path not in only:
            # typed in a reply but not asked for: never applied; a clash on the case's facts is still flagged
            # (the referrer's own details are left alone: that is where email signatures live)
            old = current.get(path)
            if old is not None and old != value and not path.startswith(SIGNATURE_FIELDS):
                conflicts.append({"field": path})
            continue
        if path == "agencies_involved":
            if not record["agencies_involved"] and value:
                record["agencies_involved"] = value
                added.append(path)
            continue
        old = current.get(path)
        if old is None:
            _set_path(record, path, value)
            added.append(path)
        elif old != value:
            conflicts.append({"field": path})
    return added, conflicts


def reply_record(ctx: MessageContext) -> dict | None:
    """Answers typed at the top of the reply as 'Label: value' lines."""

    lines = [line for line in top_of_reply(ctx.facts.body_text) if line]
    if not lines:
        return None
    walk = assemble([Para(line) for line in lines])
    return walk.record if walk.values_set else None


def may_change_case(cfg, case: Case, sender: str | None, claims, now: datetime) -> bool:
    """Who may change a case's record or clocks by email: its referrer, the safeguarding lead the form names, or
    the Manager or Chair replying with a valid reply token issued to them (a From header alone proves nothing)."""
    sender = (sender or "").lower()
    if not sender:
        return False
    lead = ((json.loads(case.record_json).get("safeguarding_lead") or {}).get("email") or "").strip().lower()
    if sender in {(case.referrer_email or "").lower(), lead} - {""}:
        return True
    return (claims is not None and claims.person == sender and sender in _people(cfg)
            and claims.case in (None, case.reference))


def handle_reply(ctx: MessageContext, session: Session, cfg, reference: str, now: datetime) -> None:
    case = session.exec(select(Case).where(Case.reference == reference)).one()
    actor = f"email:{ctx.facts.from_address}"
    note = "\n".join(top_of_reply(ctx.facts.body_text)).strip()
    if note:
        actions.add_note(session, case, note, actor, now)
    forms, typed = [p.result.record for p in ctx.forms], reply_record(ctx)
    claims = claims_or_none(session, cfg, ctx.facts, now)
    if (forms or typed) and not may_change_case(cfg, case, ctx.facts.from_address, claims, now):
        # Kept for the Manager, who may ACCEPT it by reply: nothing on the case or its clocks moves until then.
        held = AuditEvent(at=now, actor=actor, action="answers_held", case_id=case.id,
                          detail=json.dumps({"inbound": ctx.inbound_id, "forms": forms, "typed": typed}, ensure_ascii=False))
        session.add(held)
        session.flush()
        tell_manager(ctx, session, cfg, case, note, [], [], [], now, held=True)
        ctx.case_refs.append(case.reference)
        ctx.reasons.append(f"answers held for the Manager (audit #{held.id}): the sender may not change this case")
        return
    before_missing = json.loads(case.missing_json)
    added, conflicts, moved, missing = apply_answers(session, cfg, case, forms, typed, actor, now)
    if (added or conflicts) and before_missing and not missing:
        subject, text, html = render("referrer", "reply_ack", organisation=cfg.organisation.name,
                                     group=cfg.organisation.group, reference=case.reference)
        enqueue(session, key=f"reply_ack:{case.reference}:complete", kind="reply_ack", case_id=case.id, now=now,
                reply_cap=cfg.policy.replies_per_sender_per_day,
                message=build_email(sender=cfg.smtp.from_, to=ctx.facts.from_address, subject=subject, text=text,
                                    html=html, now=now, in_reply_to=ctx.facts.message_id,
                                    references=ctx.facts.references, auto_submitted="auto-replied"))
    if note or added or conflicts:
        tell_manager(ctx, session, cfg, case, note, added, conflicts, moved, now)
    ctx.case_refs.append(case.reference)
    ctx.reasons.append(f"added {len(added)} answer(s), {len(conflicts)} conflict(s)")


def apply_answers(session: Session, cfg, case: Case, forms: list[dict], typed: dict | None, actor: str,
                  now: datetime) -> tuple[list[str], list[dict], list[str], list[str]]:
    """Fill the case's missing answers from attached forms (any answer) and typed lines (only those asked for),
    and move the clocks that hang on them. Returns (added, conflicts, deadlines moved, still missing)."""
    record = json.loads(case.record_json)
    before_missing = json.loads(case.missing_json)
    due_before = {d.clock: d.due for d in session.exec(select(Deadline).where(Deadline.case_id == case.id))}
    added, conflicts = [], []
    # An attached form may fill any missing answer; lines typed in the reply only the answers we asked for
    # (a signature's "Tel:" or "Address:" must not become the child's details).

    # A date the bot asked the referrer to check (it could not be right) may be replaced by the reply's answer.
    untrusted = {path: _get_path(record, path) for path in untrusted_for_case(case, cfg.tz)}
    for path in untrusted:
        _set_path(record, path, None)
    asked = set(before_missing) | {"incident.date_la_aware"} | set(untrusted)
    sources = [(f, None) for f in forms] + [(typed, asked)]
    for supplied, only in sources:
        if supplied:
            a, c = merge(record, supplied, only)
            added += a
            conflicts += c
    for path, old in untrusted.items():
        if path in added:
            session.add(AuditEvent(at=now, actor=actor, action="date_corrected", case_id=case.id,
                                   detail=json.dumps({"field": path, "was": old})))
        else:
            _set_path(record, path, old)
    missing = before_missing
    if added or conflicts:
        case.record_json = json.dumps(record, ensure_ascii=False)
        case.incident_date = _date(record["incident"]["date"])
        case.date_la_aware = _date(record["incident"]["date_la_aware"])
        case.initials = case_initials(record)
        missing = required_missing(record)
        case.missing_json = json.dumps(missing)
        warnings = json.loads(case.warnings_json)
        warnings += [f"conflicting answer for {c['field']} in a reply (kept the first; check the audit trail)" for c in conflicts]
        case.warnings_json = json.dumps(warnings)
        if not missing and case.status == "needs_information":
            case.status = "received"
        session.add(case)
        session.add(AuditEvent(at=now, actor=actor, action="answers_added", case_id=case.id,
                               detail=json.dumps({"added": added, "conflicts": conflicts})))
        session.flush()
        sync_deadlines(session, case, now, cfg, actor=actor)
    moved = [f"{d.clock} now due {day(d.due)}" for d in session.exec(select(Deadline).where(Deadline.case_id == case.id))
             if d.due != due_before.get(d.clock)]
    return added, conflicts, moved, missing


def accept_held(session: Session, cfg, case: Case, actor: str, now: datetime) -> list[str]:
    """ACCEPT REF: the answers held from senders who may not change the case are applied now, as the Manager's."""
    accepted = set()
    for ev in session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id, AuditEvent.action == "answers_accepted")):
        accepted |= set(json.loads(ev.detail or "{}").get("held", []))
    held = [ev for ev in session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                               AuditEvent.action == "answers_held")
                                      .order_by(AuditEvent.id)) if ev.id not in accepted]
    if not held:
        raise actions.ActionError(f"case {case.reference} has no answers waiting to be accepted")
    added = []
    for ev in held:
        detail = json.loads(ev.detail)
        a, _, _, _ = apply_answers(session, cfg, case, detail.get("forms") or [], detail.get("typed"), actor, now)
        added += a
    session.add(AuditEvent(at=now, actor=actor, action="answers_accepted", case_id=case.id,
                           detail=json.dumps({"held": [ev.id for ev in held], "added": added})))
    return added


def tell_manager(ctx: MessageContext, session: Session, cfg, case: Case, note: str, added: list[str],
                 conflicts: list[dict], moved: list[str], now: datetime, held: bool = False) -> None:
    """A reply that adds a note or changes a fact reaches the Manager at once ("the child has died" must not sit
    unread in the audit trail). The subject carries the reference and initials only; the note is in the body."""

    token = reply_token(session, cfg, cfg.people.manager, case.reference, "case_updated", now)
    replies = reply_help(cfg, "case_updated", token, "manager", reference=case.reference,
                         today=now.astimezone(cfg.tz).date())
    subject, text, html = render("manager", "case_updated", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, reference=case.reference, initials=case.initials or "?",
                                 sender=ctx.facts.from_address or "?", note=note, added=[label_of(a) for a in added],
                                 conflicts=[label_of(c["field"]) for c in conflicts], moved=moved,
                                 held=f"ACCEPT {case.reference}" if held else "",
                                 replies=replies)
    enqueue(session, key=f"case_updated:{ctx.facts.message_id or ctx.facts.raw_sha256}", kind="case_updated",
            case_id=case.id, now=now,
            message=build_email(sender=cfg.smtp.from_, to=cfg.people.manager, subject=subject, text=text, html=html,
                                now=now, reply_to=replies["reply_to"]))


# -- commands from the Manager and the Chair ------------------------------------------------------

def _people(cfg) -> dict[str, str]:
    return {cfg.people.manager.lower(): "Manager", cfg.people.chair.lower(): "Chair"}


def _subject_ref(ctx: MessageContext, prefix: str) -> str | None:
    m = re.search(rf"\b({re.escape(prefix)}-\d{{4}}-\d{{4,}})\b", ctx.facts.subject or "")
    return m.group(1) if m else None


def _command_lines(text: str) -> list[str]:
    return [line for line in top_of_reply(text) if line.split() and line.split()[0].upper().rstrip(":") in VERBS]


def _as_sent(ctx: MessageContext) -> list[str]:
    """The instruction's command lines as they were: what to send again once the token problem is gone."""
    return _command_lines(ctx.facts.body_text)


def _with(lines: list[str], old: str, new: str | None) -> list[str]:
    """The instruction's lines with ``old`` replaced by its correction (nothing to offer without one)."""
    return [new if line == old else line for line in lines] if new else []


def apply_commands(ctx: MessageContext, session: Session, cfg, now: datetime) -> tuple[list[str], object, list[str]]:
    """Apply the instruction's commands, every check before the first change. Returns (done, claims, warnings);
    raises Refused."""
    sender = (ctx.facts.from_address or "").lower()
    people = _people(cfg)
    today = now.astimezone(cfg.tz).date()
    try:
        claims = message_claims(session, cfg, ctx.facts, now)
    except Refused as exc:
        # the person's own instruction, refused for its token only: the same lines work as a reply to the answer
        raise Refused(f"{exc}: reply to this email instead" if sender in people and _as_sent(ctx) else str(exc),
                      _as_sent(ctx) if sender in people else []) from None
    if claims.person != sender or sender not in people:
        raise Refused("the reply token was issued to someone else")
    lines = _as_sent(ctx)
    try:
        commands = parse_commands(ctx.facts.body_text, cfg.organisation.reference_prefix, today)
    except CommandError as exc:
        raise Refused(f"a command could not be read: {exc}",
                      _with(lines, exc.line, correct_line(exc.line or "", exc, today))) from None
    if not commands:
        raise Refused("no command was found at the top of the reply")
    if all(c.verb == "HELP" for c in commands):
        return ["HELP"], claims, []
    subject_ref = _subject_ref(ctx, cfg.organisation.reference_prefix)
    plan = []
    for cmd in commands:
        if cmd.verb == "HELP":
            continue
        ref = cmd.case or claims.case or subject_ref
        if ref is None:
            example = cmd.line.split(None, 1)
            raise Refused(f"{cmd.verb}: say which case, with its reference after the word {cmd.verb} "
                          f"(e.g. {cmd.verb} {cfg.organisation.reference_prefix}-{today.year}-0001 "
                          f"{example[1] if len(example) > 1 else ''})".replace(" )", ")"))
        if claims.case is not None and ref != claims.case:
            raise Refused(f"the reply token is for case {claims.case}, not {ref}; reply to an email about {ref}")
        try:
            case = actions.find_case(session, ref)
        except actions.ActionError as exc:
            raise Refused(str(exc))
        if cmd.clock and session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == cmd.clock)).first() is None:
            clocks = [d.clock for d in session.exec(select(Deadline).where(Deadline.case_id == case.id,
                                                                           Deadline.status.in_(["open", "paused"])))]
            raise Refused(f"case {case.reference} has no deadline {cmd.clock}"
                          + (f" (its open deadlines: {', '.join(clocks)})" if clocks else ""))
        try:
            actions.check_command(cmd, now, cfg.tz)  # the command line's checks, before anything changes
        except actions.ActionError as exc:
            raise Refused(f"{cmd.verb}: {exc}", _with(lines, cmd.line, _today_instead(cmd, today)))
        if cmd.verb == "CONVENE":
            try:
                rapid_review.check_meeting(cfg, cmd.on, cmd.value, list(cmd.invite), now)
            except actions.ActionError as exc:
                raise Refused(f"CONVENE: {exc}")
        plan.append((cmd, case))
    if any(cmd.changes_state for cmd, _ in plan):
        if session.get(UsedToken, claims.nonce) is not None:
            raise Refused("this reply token has already been used to change a case: reply to this email instead",
                          lines)
        session.add(UsedToken(nonce=claims.nonce, person=sender, case_reference=claims.case, used_at=now))
    actor = f"email:{sender}"
    done, warnings = [], []
    for cmd, case in plan:
        try:
            if cmd.verb == "DONE":
                actions.mark(session, case, cmd.clock, "met", cmd.on or today, "", actor, now)
            elif cmd.verb in ("PAUSE", "RESUME", "WAIVE"):
                action = {"PAUSE": "paused", "RESUME": "resumed", "WAIVE": "waived"}[cmd.verb]
                actions.mark(session, case, cmd.clock, action, today, cmd.value or "", actor, now, cfg)
            elif cmd.verb == "EXTEND":
                actions.extend(session, case, cmd.clock, cmd.on, cmd.value or "", actor, now)
            elif cmd.verb == "NOTIFIED":
                actions.record_event(session, case, "notification_sent", cmd.on, None, actor, now, cfg)
                if session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C1")).first():
                    actions.mark(session, case, "C1", "met", cmd.on, "Panel notified", actor, now)
            elif cmd.verb == "DECISION":
                actions.record_event(session, case, "decision", cmd.on or today, "LCSPR" if cmd.value == "LCSPR" else cmd.value, actor, now, cfg)
            elif cmd.verb == "PUBLISH":
                actions.record_event(session, case, "publication_planned", cmd.on, None, actor, now, cfg)
            elif cmd.verb == "NOTE":
                actions.add_note(session, case, cmd.value, actor, now)
            elif cmd.verb == "ACCEPT":
                accept_held(session, cfg, case, actor, now)
            elif cmd.verb == "CONVENE":
                start = rapid_review.meeting_start(cfg, cmd.on, cmd.value)
                rapid_review.convene(session, cfg, case, start, list(cmd.invite), actor, now)
                warnings += convene_warnings(session, case, cmd.on)
        except actions.ActionError as exc:
            raise Refused(str(exc))
        done.append(f"{cmd.verb} {case.reference}" + (f" {cmd.clock}" if cmd.clock else "") +
                    (f" {(cmd.on or today).isoformat()}" if cmd.verb in ("DONE", "NOTIFIED", "DECISION", "PUBLISH", "EXTEND", "CONVENE") else "")
                    + (f" {cmd.value}" if cmd.verb == "CONVENE" else ""))
    return done, claims, warnings


DATE_WORDS = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|tomorrow)\b", re.I)


def _today_instead(cmd, today) -> str | None:
    """A command dated after today (for what has happened), with ``today`` in place of its date."""
    if not cmd.on or cmd.on <= today:
        return None
    fixed = DATE_WORDS.sub("today", cmd.line, count=1)
    return fixed if fixed != cmd.line else None


def convene_warnings(session: Session, case: Case, on) -> list[str]:
    """CONVENE for a day after the Rapid Review's due date (C4, open): applied, and said plainly (issue 24.3)."""
    c4 = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C4")).first()
    if c4 is None or c4.status not in ("open", "paused") or on <= c4.due:
        return []
    return [f"the Rapid Review meeting for {case.reference} is on {day(on)}, after the Rapid Review's due date "
            f"({day(c4.due)}). The meeting is set and the invitations are sent; the Rapid Review will be late "
            f"unless the meeting moves earlier or the National Panel agrees an extension "
            f"(then reply EXTEND {case.reference} C4 followed by the new date and the reason)."]


def _answer_case(ctx: MessageContext, claims, cfg) -> str | None:
    """The case the answer's token is for: the instruction's token's, else the one case it names."""
    if claims is not None and claims.case:
        return claims.case
    refs = set(re.findall(rf"\b({re.escape(cfg.organisation.reference_prefix)}-\d{{4}}-\d{{4,}})\b",
                          "\n".join(_as_sent(ctx)).upper() + "\n" + (ctx.facts.subject or "")))
    return refs.pop() if len(refs) == 1 else None


def handle_command(ctx: MessageContext, session: Session, cfg, now: datetime) -> None:
    sender = (ctx.facts.from_address or "").lower()
    people = _people(cfg)
    answer_to = sender if sender in people else None
    claims = claims_or_none(session, cfg, ctx.facts, now)
    try:
        # Every check happens before the first change, so a refusal leaves the case untouched.
        done, claims, warnings = apply_commands(ctx, session, cfg, now)
        refused = None
    except Refused as exc:
        refused, done, warnings = exc, [], []
    if refused is not None:
        # Never answer a forged sender: only a configured person's own address hears about it.
        token_person = claims.person if claims and claims.person in people else None
        answer_to = answer_to or token_person or cfg.people.manager.lower()
        session.add(AuditEvent(at=now, actor=f"email:{sender or '?'}", action="command_refused",
                               detail=json.dumps({"reason": str(refused), "inbound": ctx.fetched.source_key})))
        ctx.reasons.append(f"refused: {refused}")
        mine = claims if claims is not None and claims.person == answer_to else None
        send_result(ctx, session, cfg, now, answer_to, applied=[], refused=refused,
                    case=_answer_case(ctx, mine, cfg) if mine or answer_to == sender else None)
        return
    session.add(AuditEvent(at=now, actor=f"email:{sender}", action="command_applied",
                           detail=json.dumps({"commands": done, "inbound": ctx.fetched.source_key})))
    ctx.reasons.append("applied: " + "; ".join(done))
    send_result(ctx, session, cfg, now, sender, applied=done, refused=None, warnings=warnings,
                case=_answer_case(ctx, claims, cfg), show_all="HELP" in done)
