"""Running the pipeline over a mail source, one committed outcome per message."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import islice
from email.utils import parseaddr
from typing import Callable

from sqlalchemy import bindparam, delete, or_
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from intake.duties.action_plans import looks_like_owner_commands, OWNER_PURPOSE
from intake.duties.commands import looks_like_commands
from intake.errors import MailSourceUnavailable
from intake.mailbox.mail import MessageFacts, read_facts
from intake.mailbox.source import FetchedMessage, MailSource
from intake.pipeline.acknowledge import acknowledge
from intake.pipeline.action_plan_step import (
    handle_action_plan,
    handle_unknown_case,
    handle_unreadable_plan,
    read_plans,
    subject_reference,
    worth_reading,
)
from intake.pipeline.command_answer import claims_or_none, message_tokens
from intake.pipeline.calendar_reply import handle_calendar_reply
from intake.pipeline.classify import classify, dmarc_pass, may_carry_forms, rule_sender_not_allowed, Situation
from intake.pipeline.command_forms import log_forms, names_another_child, names_another_incident, sort_forms
from intake.pipeline.context import FAILED, FOLDER_OF_OUTCOME, MessageContext, PARSE_TIMED_OUT
from intake.pipeline.extract import candidate, extract
from intake.pipeline.owner_replies import handle_owner_command
from intake.pipeline.replies import handle_command, handle_reply
from intake.pipeline.store import record_inbound, store
from intake.pipeline.validate import validate
from intake.store import case_numbers, leases
from intake.store.db import fsync_later, make_durable
from intake.store.attention import AUTO_UNREAD, MOVE_FAILED_PREFIX, STUCK_AFTER_CYCLES
from intake.store.leases import LeaseLost
from intake.store.models import AuditEvent, Case, InboundMessage, OutboundEmail, ServiceState, WorkLease
from intake.store.storage import FileStore
from intake.storable import storable
from parsers.action_plan import read_plan

log = logging.getLogger(__name__)


@dataclass
class Services:
    """What the pipeline needs from outside, injected (config, database, files, parser, clock)."""
    cfg: object
    engine: Engine
    files: FileStore
    parse: Callable
    now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
    after_case: Callable | None = None   # hook: create deadlines for a new case (same transaction)
    before_case: Callable | None = None  # hook: a new case before its INSERT (the warnings about untrusted dates)
    crash_after_commit: Callable | None = None  # test seam: raise between commit and move
    unpack: Callable | None = None   # opens Outlook containers (None: in this process)
    read_plan: Callable | None = None  # reads an attached action plan (None: parsers.action_plan in this process)
    worker: str | None = None   # this worker's lease owner id: messages are claimed before processing (None: no claims)
    claim_lease: timedelta = timedelta(minutes=5)
    prefetch: object | None = None  # a Prefetcher: reads and parses the next messages while one is processed
    numbers: object | None = None  # PostgreSQL: case_numbers.Numbers, made at the first new case


@dataclass
class PollReport:
    outcomes: Counter = field(default_factory=Counter)
    moved_again: int = 0
    claimed_elsewhere: int = 0  # messages another worker holds a lease on (skipped by this one)
    stuck: list[str] = field(default_factory=list)  # source keys whose MOVE failed this cycle
    error: str | None = None

    def line(self) -> str:
        parts = [f"{k}={v}" for k, v in sorted(self.outcomes.items())]
        return "processed {} message(s){}".format(sum(self.outcomes.values()), (": " + ", ".join(parts)) if parts else "")


def folder_name(cfg, outcome: str) -> str:
    kind = FOLDER_OF_OUTCOME.get(outcome, FAILED)
    return {"processed": cfg.mailbox.processed_folder, "review": cfg.mailbox.review_folder,
            "failed": cfg.mailbox.failed_folder}[kind]


def _subject_refs(subject: str, prefix: str) -> list[str]:
    return re.findall(rf"\b({re.escape(prefix)}-\d{{4}}-\d{{4,}})\b", subject or "")


def retryable(row: InboundMessage) -> bool:
    """An earlier attempt that did not really process the message: a bug, or a parse that ran out of time."""
    return row.outcome == "failed" or PARSE_TIMED_OUT in (row.reasons or "")


def _earlier_copy(by_message_id: bool):
    """The first other copy of a message (same content, or same Message-ID) whose processing did not fail. A copy
    whose processing failed (or timed out) does not make this one a duplicate: it is processed again."""
    same = InboundMessage.raw_sha256 == bindparam("sha")
    if by_message_id:
        same = or_(same, InboundMessage.message_id == bindparam("message_id"))
    return select(InboundMessage).where(same, InboundMessage.source_key != bindparam("source_key"),
                                        InboundMessage.outcome != "failed",
                                        InboundMessage.reasons.not_like(f"%{PARSE_TIMED_OUT}%")).order_by(InboundMessage.id)


# (the statements run for every message, built once: their parameters are bound at each use)
_EARLIER = {True: _earlier_copy(True), False: _earlier_copy(False)}
_OURS = select(OutboundEmail.id).where(OutboundEmail.message_id == bindparam("message_id"))


def situation(session: Session, cfg, fetched: FetchedMessage, facts: MessageFacts, now: datetime) -> Situation:
    seen = None
    earlier = session.exec(_EARLIER[bool(facts.message_id)], params={
        "sha": facts.raw_sha256, "message_id": facts.message_id, "source_key": fetched.source_key}).first()
    if earlier is not None:
        same = "Message-ID" if facts.message_id and earlier.message_id == facts.message_id else "content"
        seen = f"same {same} as inbound message #{earlier.id}"
    thread_case = None
    refs = _subject_refs(facts.subject, cfg.organisation.reference_prefix)
    if refs:
        case = session.exec(select(Case).where(Case.reference.in_(refs))).first()
        thread_case = case.reference if case else None
    if thread_case is None and facts.thread_ids:
        row = session.exec(select(OutboundEmail).where(OutboundEmail.message_id.in_(facts.thread_ids),
                                                       OutboundEmail.case_id.is_not(None))).first()
        if row is not None:
            thread_case = session.get(Case, row.case_id).reference
    ours = {parseaddr(cfg.smtp.from_)[1].lower()}
    if cfg.mailbox.username and "@" in cfg.mailbox.username:
        ours.add(cfg.mailbox.username.lower())
    is_ours = bool(facts.message_id) and session.exec(_OURS, params={"message_id": facts.message_id}).first() is not None
    people = frozenset({cfg.people.manager.lower(), cfg.people.chair.lower()})
    claims = claims_or_none(session, cfg, facts, now)  # the plus address of a plain reply, or the quoted line
    owner_reply = claims is not None and claims.purpose == OWNER_PURPOSE and looks_like_owner_commands(facts.body_text)
    command_like = owner_reply or looks_like_commands(facts.body_text) and (
        facts.from_address in people or bool(message_tokens(facts)))
    return Situation(seen_before=seen, thread_case=thread_case, our_addresses=frozenset(ours),
                     people=people, command_like=command_like, token_person=claims.person if claims else None,
                     token_purpose=claims.purpose if claims else None,
                     is_our_message=is_ours,
                     our_msgid_suffix=".intake@" + parseaddr(cfg.smtp.from_)[1].rsplit("@", 1)[-1].lower() + ">",
                     allowed_domains=tuple(cfg.policy.allowed_sender_domains),
                     authenticated=dmarc_pass(facts, cfg.policy.authserv_id) if cfg.policy.require_authentication else None,
                     loop_header_value=parseaddr(cfg.smtp.from_)[1].lower())


def link_cases(session: Session, reference: str, cases: list[Case], now) -> None:
    """New cases opened from a reply in another case's thread are linked to it (both ways, audited)."""
    first = session.exec(select(Case).where(Case.reference == reference)).one()
    for case in cases:
        case.linked_to = first.reference
        session.add(case)
        for a, b in ((first, case), (case, first)):
            session.add(AuditEvent(at=now, actor="intake", action="case_linked", case_id=a.id,
                                   detail=json.dumps({"linked": b.reference})))


def process_message(svc: Services, fetched: FetchedMessage, earlier: InboundMessage | None = None,
                    claimed: bool = False) -> tuple[str, str]:
    """Decide and record one message's outcome (committed). Returns (outcome, folder).
    ``earlier``: the row of an earlier attempt at this same copy, updated instead of a new row.
    ``claimed``: this worker holds the message's lease; the outcome commits only while it still does."""
    cfg = svc.cfg
    now = svc.now()
    facts = svc.prefetch.facts(fetched) if svc.prefetch is not None else read_facts(fetched.raw, svc.unpack)
    _, raw_path = svc.files.put("raw", fetched.raw, ".eml", digest=facts.raw_sha256 or None)
    ctx = MessageContext(fetched=fetched, now=now, facts=facts, raw_path=raw_path,
                         earlier_id=earlier.id if earlier is not None else None)
    with Session(svc.engine) as session:
        fsync_later(session)  # durable before the message leaves the inbox (_flush_moves), not at this commit
        sit = situation(session, cfg, fetched, facts, now)
        decision = classify(facts, sit)
        read_plan = svc.read_plan or _read_plan_here
        plans = []
        if decision.outcome:
            ctx.outcome, ctx.reasons = decision.outcome, decision.reasons
            if ctx.outcome == "reply_to_case" and (plans := read_plans(ctx, read_plan, cfg.limits)):
                ctx.outcome = "action_plan"  # an action plan in the case's thread
                ctx.reasons.append(f"{len(plans)} action plan(s) attached")
            elif ctx.outcome == "reply_to_case" and ctx.plan_problems:
                handle_unreadable_plan(ctx, session, cfg, sit.thread_case)
            elif ctx.outcome == "reply_to_case":
                extract(ctx, svc.parse, cfg.limits)  # forms attached to the reply
                other = ("a different child" if names_another_child(session, sit.thread_case, ctx.forms) else
                         "a different incident date" if names_another_incident(session, sit.thread_case, ctx.forms) else None)
                if other:
                    # a form about a different child or incident is a new referral, linked to the thread's case
                    ctx.outcome = "referral"
                    ctx.linked_case = sit.thread_case
                    ctx.reasons.append(f"reply in the thread of {sit.thread_case} carries a form for {other}")
            elif may_carry_forms(decision, facts, sit) and any(candidate(f.content_type, f.name) for f in facts.attachments):
                # RFC 3834: never answered; but a form in it (a MASH system, a school's mailing tool) is a referral.
                ctx.automatic = decision.reasons[0]
                extract(ctx, svc.parse, cfg.limits)
                if ctx.forms:
                    ctx.outcome = "referral"
                    ctx.reasons.append(f"{len(ctx.forms)} form(s) parsed from automatic mail (not answered)")
                else:
                    ctx.reasons.append(AUTO_UNREAD)
            elif ctx.outcome == "command" and sit.token_person is None and any(
                    candidate(f.content_type, f.name) for f in facts.attachments):
                # A form is a referral unless a valid reply token says otherwise: the Manager or Chair
                # forwarding a referral with a note on top is not giving an instruction.
                unauthenticated = rule_sender_not_allowed(facts, sit)
                if unauthenticated:  # (with policy.require_authentication: a forged Manager opens no case)
                    ctx.outcome, ctx.reasons = "sender_not_allowed", [f"rule_sender_not_allowed: {unauthenticated}"]
                else:
                    extract(ctx, svc.parse, cfg.limits)
                    if ctx.forms:
                        ctx.outcome = "referral"
                        ctx.reasons.append(f"{len(ctx.forms)} form(s) parsed and no valid reply token: a referral")
            elif ctx.outcome == "command" and sit.token_purpose != OWNER_PURPOSE and any(
                    candidate(f.content_type, f.name) for f in facts.attachments) and (
                    (sit.token_person or "").lower() == facts.from_address):
                # The Manager's or Chair's own instruction with a form attached: the form is read like any referral
                # (a new case, or added to the case the instruction names), whatever the instruction says.
                extract(ctx, svc.parse, cfg.limits)
                sort_forms(ctx, session, cfg)
        elif (fetched.size or len(fetched.raw)) > cfg.limits.max_message_bytes:
            ctx.stop("too_large", f"message is larger than {cfg.limits.max_message_bytes} bytes")
        elif worth_reading(ctx, cfg.organisation.reference_prefix) and read_plans(ctx, read_plan, cfg.limits):
            handle_unknown_case(ctx, session, cfg, subject_reference(facts.subject, cfg.organisation.reference_prefix))
        else:
            extract(ctx, svc.parse, cfg.limits)
            validate(ctx)
        folder = folder_name(cfg, ctx.outcome)
        cases = store(ctx, session, svc.files, cfg.organisation.reference_prefix, cfg.tz, folder,
                      numbers=_numbers(svc, fetched), before_insert=svc.before_case)
        if svc.after_case is not None:
            for case in cases:
                svc.after_case(session, case, now)
        if ctx.linked_case:
            link_cases(session, ctx.linked_case, cases, now)
        if ctx.outcome == "reply_to_case":
            handle_reply(ctx, session, cfg, sit.thread_case, now)
        elif ctx.outcome == "action_plan":
            handle_action_plan(ctx, session, cfg, sit.thread_case, plans, now)
        elif ctx.outcome == "calendar_reply":
            handle_calendar_reply(ctx, session, cfg, now)
        elif ctx.outcome == "command" and sit.token_purpose == OWNER_PURPOSE:
            handle_owner_command(ctx, session, cfg, now)
        elif ctx.outcome == "command":
            if ctx.parsed:
                log_forms(ctx, session, cfg, cases, now)
            handle_command(ctx, session, cfg, now)
        acknowledge(ctx, session, cfg, ctx.existing_cases + cases)
        if claimed:
            _finish_claim(svc, session, fetched)
        session.commit()
    log.info("message outcome: inbound=%s key=%s outcome=%s cases=%s", ctx.inbound_id, fetched.source_key,
             ctx.outcome, ",".join(ctx.case_refs) or "-")
    return ctx.outcome, folder


def _numbers(svc: Services, fetched: FetchedMessage) -> Callable[[int, int], list[int]] | None:
    """PostgreSQL: case numbers handed out in a short transaction of their own (``intake.store.case_numbers``), so
    other workers wait for the numbering only, not for this message's whole transaction. SQLite: None (numbered in
    the message's transaction, one writer at a time)."""
    if svc.engine.dialect.name != "postgresql":
        return None
    owner = svc.worker or leases.worker_id()
    if svc.numbers is None:
        svc.numbers = case_numbers.Numbers(svc.engine)
    return lambda year, count: svc.numbers.reserve(fetched.source_key, owner, year, count, svc.now(), svc.claim_lease)


def _release_numbers(svc: Services, fetched: FetchedMessage) -> None:
    """Numbers handed out for a message whose transaction rolled back are free for the next case at once."""
    if svc.engine.dialect.name != "postgresql":
        return
    try:
        with svc.engine.begin() as conn:
            case_numbers.release(conn, fetched.source_key)
    except OperationalError:
        pass  # the database is gone: the numbers' hold runs out on its own (database.claim_lease)


def _read_plan_here(data: bytes, name):
    return read_plan(data, name)


def record_failure(svc: Services, fetched: FetchedMessage, error: BaseException,
                   earlier: InboundMessage | None = None, claimed: bool = False) -> str:
    """Quarantine a message whose processing raised: outcome ``failed`` with the error. Never raises for the
    message's sake: when even its headers cannot be recorded, it is recorded with none of them (the raw file
    keeps everything). Only a database that is gone (OperationalError) or a lost claim stop it."""
    cfg, now = svc.cfg, svc.now()
    folder = folder_name(cfg, "failed")
    try:
        facts = read_facts(fetched.raw, unpack=list)  # headers are what matter here: no container opened again
    except Exception:  # even the headers are unreadable
        facts = _bare_facts(fetched)
    _, raw_path = svc.files.put("raw", fetched.raw, ".eml")
    detail = storable("".join(traceback.format_exception_only(type(error), error)).strip()[:2000])
    where = [storable(line) for line in traceback.format_tb(error.__traceback__)[-1:]]
    try:
        inbound_id = _quarantine(svc, fetched, facts, raw_path, detail, where, earlier, claimed)
    except (OperationalError, LeaseLost):
        raise
    except Exception as again:  # recording the message's own facts failed too: record it bare
        log.error("message %s: quarantine with its headers failed (%s); recorded without them",
                  fetched.source_key, type(again).__name__)
        inbound_id = _quarantine(svc, fetched, _bare_facts(fetched), raw_path,
                                 f"{detail[:1000]}; then, recording it: {type(again).__name__}", where, earlier, claimed)
    log.error("message outcome: inbound=%s key=%s outcome=failed error=%s", inbound_id, fetched.source_key,
              type(error).__name__)
    return folder


def _bare_facts(fetched: FetchedMessage) -> MessageFacts:
    return MessageFacts(None, "", None, "", None, [], [], {}, "", raw_sha256=hashlib.sha256(fetched.raw).hexdigest())


def _quarantine(svc: Services, fetched: FetchedMessage, facts: MessageFacts, raw_path: str, detail: str,
                where: list[str], earlier: InboundMessage | None, claimed: bool) -> int | None:
    now = svc.now()
    ctx = MessageContext(fetched=fetched, now=now, facts=facts, raw_path=raw_path,
                         earlier_id=earlier.id if earlier is not None else None)
    ctx.stop("failed", detail)
    with Session(svc.engine) as session:
        fsync_later(session)
        row = record_inbound(session, ctx, folder_name(svc.cfg, "failed"))
        session.add(AuditEvent(at=now, actor="intake", action="message_failed",
                               detail=json.dumps({"inbound": row.id, "error": detail, "where": where})))
        case_numbers.release(session.connection(), fetched.source_key)  # recorded without its cases: numbers free
        if claimed:
            _finish_claim(svc, session, fetched)
        session.commit()
    return ctx.inbound_id


def lease_name(fetched: FetchedMessage) -> str:
    return "inbound:" + fetched.source_key


def _finish_claim(svc: Services, session: Session, fetched: FetchedMessage) -> None:
    """The outcome is committed together with giving up the claim, and only while the claim is still ours."""
    if svc.worker is not None:
        leases.finish(session.connection(), lease_name(fetched), svc.worker)


def _recorded(svc: Services, keys: list[str]) -> dict[str, InboundMessage]:
    if not keys:
        return {}
    with Session(svc.engine) as session:
        return {r.source_key: r for r in session.exec(select(InboundMessage).where(InboundMessage.source_key.in_(keys)))}


def _already_recorded(svc: Services, fetched: FetchedMessage) -> InboundMessage | None:
    with Session(svc.engine) as session:
        return session.exec(select(InboundMessage).where(InboundMessage.source_key == fetched.source_key)).first()


def note_poll(svc: Services, ok: bool, detail: str = "") -> None:
    now = svc.now()
    for _ in range(3):  # two workers may create the row at once: the loser updates it instead
        try:
            with Session(svc.engine) as session:
                key = "last_poll_ok" if ok else "last_poll_error"
                row = session.get(ServiceState, key) or ServiceState(key=key, value="", updated_at=now)
                row.value, row.updated_at = detail or now.isoformat(), now
                session.add(row)
                session.commit()
            return
        except IntegrityError:
            continue


MOVE_BATCH = 25


def _note_move(svc: Services, key: str, inbound_id: int | None, error: str) -> int:
    """Count the polling cycles in which this message's MOVE failed (cleared once it moves); returns the count."""
    name = MOVE_FAILED_PREFIX + key
    with Session(svc.engine) as session:
        row = session.get(ServiceState, name)
        cycles = (json.loads(row.value)["cycles"] if row else 0) + 1
        row = row or ServiceState(key=name, value="", updated_at=svc.now())
        row.value = json.dumps({"inbound": inbound_id, "cycles": cycles, "error": error[:500]})
        row.updated_at = svc.now()
        session.add(row)
        session.commit()
    return cycles


def _mark_moved(svc: Services, items: list) -> None:
    with Session(svc.engine) as session:
        keys = [m.source_key for m, _ in items]
        for row in session.exec(select(InboundMessage).where(InboundMessage.source_key.in_(keys))):
            row.moved = True
            session.add(row)
        stuck = [MOVE_FAILED_PREFIX + k for k in keys]  # moved at last: no longer listed in the digest
        for row in session.exec(select(ServiceState).where(ServiceState.key.in_(stuck))):
            session.delete(row)
        # out of the inbox: a claim left on it (its worker died after another had finished it) is no use to anyone
        session.exec(delete(WorkLease).where(WorkLease.name.in_(["inbound:" + k for k in keys])))
        session.commit()


def _flush_moves(svc: Services, source: MailSource, pending: list, report: PollReport) -> None:
    """Move committed messages out of the inbox; a crash before this only delays the move.
    A message that cannot be moved is left in the inbox for the next cycle (the others move on);
    after STUCK_AFTER_CYCLES cycles it is listed in the digest. When the mailbox itself is gone,
    MailSourceUnavailable stops the poll as before."""
    if not pending:
        return
    # the batch's files and its outcomes' commits are on disk before its messages leave the inbox
    svc.files.sync()
    make_durable(svc.engine)
    try:
        source.move_many(pending)
        moved = list(pending)
    except MailSourceUnavailable:
        moved = []
        for item in pending:  # find the message(s) the server refuses to move
            try:
                source.move_many([item])
                moved.append(item)
            except MailSourceUnavailable as exc:
                if not getattr(source, "reachable", lambda: True)():
                    raise
                if not getattr(source, "still_in_inbox", lambda _m: True)(item[0]):
                    moved.append(item)  # another worker moved it first (to the folder its recorded outcome names)
                    continue
                fetched = item[0]
                report.stuck.append(fetched.source_key)
                row = _already_recorded(svc, fetched)
                cycles = _note_move(svc, fetched.source_key, row.id if row else None, str(exc))
                level = logging.ERROR if cycles >= STUCK_AFTER_CYCLES else logging.WARNING
                log.log(level, "message %s could not be moved (cycle %d); left in the inbox, the batch goes on",
                        fetched.source_key, cycles)
    if moved:
        _mark_moved(svc, moved)
    pending.clear()


def _done_already(earlier: InboundMessage | None) -> bool:
    """Outcome committed (before a crash, a failed move, or by another worker): only the move is left to do."""
    return earlier is not None and not (earlier.moved and retryable(earlier))


def _restore_raw(svc: Services, fetched: FetchedMessage) -> None:
    """The raw copy of a message whose outcome was committed before a crash: files are made durable once per batch
    (``FileStore.sync``, before the move), so after a power cut the row may have outlived the file. Stored again
    (a no-op when it is there) before the message leaves the inbox."""
    svc.files.put("raw", fetched.raw, ".eml")


def _claim(svc: Services, chunk: list[FetchedMessage], report: PollReport, held: set[str]) -> list[FetchedMessage]:
    """The messages of ``chunk`` this worker now holds a lease on (all of them when claims are off)."""
    if svc.worker is None or not chunk:
        return chunk
    mine = leases.claim_many(svc.engine, [lease_name(f) for f in chunk], svc.worker, svc.now(), svc.claim_lease)
    held |= mine
    report.claimed_elsewhere += len(chunk) - len(mine)
    return [f for f in chunk if lease_name(f) in mine]


def _process_one(svc: Services, fetched: FetchedMessage, earlier: InboundMessage | None,
                 report: PollReport) -> str | None:
    """Process one claimed message; returns its folder, or None when it stays in the inbox for now."""
    try:
        if svc.worker is not None:
            # renewed while the message is read and recorded: slow forms or plans never hand it to another worker
            with leases.keep(svc.engine, lease_name(fetched), svc.worker, svc.now, svc.claim_lease):
                outcome, folder = process_message(svc, fetched, earlier, claimed=True)
        else:
            outcome, folder = process_message(svc, fetched, earlier)
    except (MailSourceUnavailable, KeyboardInterrupt, SystemExit):
        raise
    except OperationalError:
        raise  # the database is unavailable: stop the batch, keep the message in the inbox
    except LeaseLost:
        log.warning("message %s: this worker's claim ran out and another worker took it over; left to that worker",
                    fetched.source_key)
        return None
    except IntegrityError as exc:
        log.warning("message %s clashed with a concurrent writer; it will be retried: %s",
                    fetched.source_key, exc.__class__.__name__)
        if svc.worker is not None:  # nothing was recorded: let the next poll (of any worker) take it at once
            leases.release(svc.engine, lease_name(fetched), svc.worker)
        _release_numbers(svc, fetched)
        return None
    except Exception as exc:  # a bug: quarantine and carry on
        try:
            outcome, folder = "failed", record_failure(svc, fetched, exc, earlier, claimed=svc.worker is not None)
        except LeaseLost:
            return None
        except OperationalError:
            raise  # the database is unavailable: stop the batch, keep the message in the inbox
        except Exception as again:  # not even a bare row could be written: the message waits, the poll goes on
            log.error("message %s could not be quarantined (%s); left in the inbox", fetched.source_key,
                      type(again).__name__)
            if svc.worker is not None:
                leases.release(svc.engine, lease_name(fetched), svc.worker)
            _release_numbers(svc, fetched)
            return None
    report.outcomes[outcome] += 1
    if svc.crash_after_commit is not None:
        svc.crash_after_commit(fetched)
    return folder


def _ready_ahead(svc: Services, chunk: list[FetchedMessage], held: set[str], stuck: list[str]) -> None:
    """Claim the next chunk and start reading and parsing its messages while this one is processed, so the first
    messages of the next chunk are ready when it starts. Only what ``_poll_chunk`` does for that chunk later, earlier:
    its claims are taken again there (a renewal) and counted there."""
    if svc.prefetch is None or not chunk:
        return
    recorded = _recorded(svc, [f.source_key for f in chunk])
    todo = [f for f in chunk if f.source_key not in stuck and not _done_already(recorded.get(f.source_key))]
    if svc.worker is not None and todo:
        mine = leases.claim_many(svc.engine, [lease_name(f) for f in todo], svc.worker, svc.now(), svc.claim_lease)
        held |= mine
        todo = [f for f in todo if lease_name(f) in mine]
    svc.prefetch.ahead(todo)


def _poll_chunk(svc: Services, source: MailSource, chunk: list[FetchedMessage], pending: list,
                report: PollReport, held: set[str], upcoming: list[FetchedMessage] = ()) -> None:
    chunk = [f for f in chunk if f.source_key not in report.stuck]  # its MOVE failed in this batch: next cycle
    recorded = _recorded(svc, [f.source_key for f in chunk])
    todo = []
    for fetched in chunk:
        if _done_already(recorded.get(fetched.source_key)):
            _restore_raw(svc, fetched)
            pending.append((fetched, recorded[fetched.source_key].folder or folder_name(svc.cfg, recorded[fetched.source_key].outcome)))
            report.moved_again += 1
        else:
            todo.append(fetched)
    todo = _claim(svc, todo, report, held)
    if svc.worker is not None:  # another worker may have finished some between our first look and our claim
        recorded = _recorded(svc, [f.source_key for f in todo])
    if svc.prefetch is not None:
        svc.prefetch.ahead([f for f in todo if not _done_already(recorded.get(f.source_key))])
        _ready_ahead(svc, list(upcoming), held, report.stuck)
    claimed_at = svc.now()
    for i, fetched in enumerate(todo):
        if svc.worker is not None and svc.now() - claimed_at >= svc.claim_lease / 3:
            # a long chunk (slow forms, a backlog): renew the claims still ahead before they run out, so no other
            # worker takes a message over half-way through this chunk; one that was taken meanwhile is left to it
            ahead = [lease_name(f) for f in todo[i:] if lease_name(f) in held]
            kept = leases.claim_many(svc.engine, ahead, svc.worker, svc.now(), svc.claim_lease)
            held.difference_update(set(ahead) - kept)
            claimed_at = svc.now()
        if svc.worker is not None and lease_name(fetched) not in held:
            report.claimed_elsewhere += 1
            continue
        earlier = recorded.get(fetched.source_key)
        if _done_already(earlier):
            _restore_raw(svc, fetched)
            pending.append((fetched, earlier.folder or folder_name(svc.cfg, earlier.outcome)))
            report.moved_again += 1
            continue
        # New, or a failed message put back into the inbox (same copy): process it (again).
        folder = _process_one(svc, fetched, earlier, report)
        held.discard(lease_name(fetched))
        if folder is not None:
            pending.append((fetched, folder))
        if len(pending) >= MOVE_BATCH:
            _flush_moves(svc, source, pending, report)
    if len(pending) >= MOVE_BATCH:
        _flush_moves(svc, source, pending, report)


def _held_elsewhere(svc: Services, report: PollReport) -> Callable[[list[str]], set[str]] | None:
    """With claims: the messages another worker holds are not downloaded (counted as claimed elsewhere, as those
    found taken at the claim are)."""
    if svc.worker is None:
        return None

    def others(keys: list[str]) -> set[str]:
        held = leases.held_elsewhere(svc.engine, ["inbound:" + k for k in keys], svc.worker, svc.now())
        report.claimed_elsewhere += len(held)
        return {name[len("inbound:"):] for name in held}

    return others


def _before_reading(svc: Services, skip: Callable[[list[str]], set[str]] | None):
    """What the source asks before it reads a batch: the first time, the inbox has mail, so the warm parsers start
    now (their imports, ~0.5 s, overlap the download and reading of the first messages instead of delaying the first
    form; an empty inbox starts none); then ``skip`` (another worker's messages)."""
    if svc.prefetch is None:
        return skip

    def before(keys: list[str]) -> set[str]:
        svc.prefetch.warm()
        return skip(keys) if skip is not None else set()

    return before


def _let_go(svc: Services, held: set[str]) -> None:
    """Claims not finished (the poll stopped early) are released for the next worker at once."""
    for name in held:
        try:
            leases.release(svc.engine, name, svc.worker)
        except OperationalError:
            pass  # the database is gone: the lease runs out on its own


def poll_once(svc: Services, source: MailSource) -> PollReport:
    """Process everything waiting in the source. Raises MailSourceUnavailable when the
    mailbox cannot be reached (nothing is lost: unmoved messages are seen again next time).
    Messages are claimed (when several workers share the mailbox) in batches, and moved in
    small batches, always after their outcomes are committed."""
    report = PollReport()
    pending: list = []
    held: set[str] = set()
    try:
        messages = iter(source.fetch_new(skip=_before_reading(svc, _held_elsewhere(svc, report))))
        chunk = list(islice(messages, MOVE_BATCH))
        while chunk:
            # the next chunk is fetched first, so that it is read and parsed while this one is processed; a mailbox
            # that fails while it is fetched stops the poll after this chunk, as before
            failure = None
            try:
                upcoming = list(islice(messages, MOVE_BATCH))
            except MailSourceUnavailable as exc:
                upcoming, failure = [], exc
            _poll_chunk(svc, source, chunk, pending, report, held, upcoming)
            if failure is not None:
                raise failure
            chunk = upcoming
        _flush_moves(svc, source, pending, report)
    except MailSourceUnavailable as exc:
        report.error = str(exc)
        note_poll(svc, ok=False, detail=str(exc))
        raise
    finally:
        _let_go(svc, held)
        if svc.prefetch is not None:
            svc.prefetch.forget()
    note_poll(svc, ok=True)
    return report
