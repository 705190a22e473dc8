"""Store: the inbound message row, attachments on disk, one case per parsed form, audit events.

Runs inside the message's transaction; the caller commits.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Callable

from sqlalchemy import bindparam, func, text
from sqlmodel import Session, select

from intake.store import case_numbers
from intake.store.audit import audit_row, write_audit
from intake.store.models import Attachment, Case, InboundMessage
from intake.pipeline.context import MessageContext
from intake.store.storage import FileStore, written_now


def initials(name: str | None) -> str:
    if not name:
        return "?"
    parts = [p for p in re.split(r"[\s\-]+", name) if p and p[0].isalpha()]
    return "".join(p[0].upper() for p in parts) or "?"


def case_initials(record: dict) -> str:
    return ", ".join(initials(c.get("name")) for c in record.get("children") or []) or "?"


CASE_NUMBERS_LOCK = case_numbers.CASE_NUMBERS_LOCK  # PostgreSQL advisory lock: one worker at a time numbers cases


_HIGHEST_SEQ = select(func.max(Case.seq)).where(Case.year == bindparam("year"))  # (built once: as costly as running it)


def next_reference(session: Session, prefix: str, year: int) -> tuple[int, str]:
    """The next number, taken in this transaction (SQLite: one writer at a time; the workers on PostgreSQL use
    ``intake.store.case_numbers``)."""
    if session.get_bind().dialect.name == "postgresql":
        # Without this, two read the same last number and one transaction fails on the unique reference. Held until
        # this message's transaction ends.
        session.exec(text(f"SELECT pg_advisory_xact_lock({CASE_NUMBERS_LOCK})"))
        last = case_numbers.highest(session.connection(), year)  # (numbers held by other workers count too)
    else:
        last = session.exec(_HIGHEST_SEQ, params={"year": year}).one()
    seq = (last or 0) + 1
    return seq, f"{prefix}-{year}-{seq:04d}"


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def record_inbound(session: Session, ctx: MessageContext, folder: str) -> InboundMessage:
    """Insert the message's row, or update it when the message is processed again (ctx.earlier)."""
    f = ctx.fetched
    values = dict(
        source_key=f.source_key, mailbox=f.mailbox, uidvalidity=f.uidvalidity, uid=f.uid,
        message_id=ctx.facts.message_id, raw_sha256=ctx.facts.raw_sha256, raw_path=ctx.raw_path,
        size=f.size or len(f.raw), from_address=ctx.facts.from_address,
        received_at=f.internal_date or ctx.now, processed_at=ctx.now, outcome=ctx.outcome,
        reasons=json.dumps(ctx.reasons), folder=folder,
    )
    if ctx.earlier_id is not None:
        row = session.get(InboundMessage, ctx.earlier_id)
        values.pop("received_at")
        for key, value in values.items():
            setattr(row, key, value)
        row.moved = False
    else:
        row = InboundMessage(**values)
    session.add(row)
    session.flush()
    ctx.inbound_id = row.id
    return row


def store(ctx: MessageContext, session: Session, files: FileStore, prefix: str, tz, folder: str,
          numbers: Callable[[int, int], list[int]] | None = None,
          before_insert: Callable[[Case], None] | None = None) -> list[Case]:
    """Returns the cases created now. A message processed again reuses its attachment rows and
    never opens a second case for a form that already has one (ctx.case_refs lists both).
    ``numbers(year, count)``: case numbers handed out apart from this transaction (PostgreSQL,
    ``intake.store.case_numbers.reserve``), used here and marked used in this transaction; None: each is taken here
    (``next_reference``). ``before_insert(case)``: called for each new case before it is written (the warnings
    about its untrusted dates go in with it: ``notifier.deadlines_store.warn_untrusted_dates``)."""
    again = ctx.earlier_id is not None  # processed again: its attachment rows and cases may exist already
    inbound = record_inbound(session, ctx, folder)
    earlier: dict[str, list[Attachment]] = {}
    if again:  # (a row inserted just now has none: no query)
        for a in session.exec(select(Attachment).where(Attachment.inbound_id == inbound.id).order_by(Attachment.id)):
            earlier.setdefault(a.sha256, []).append(a)
    attachment_rows = {}
    for p in ctx.parsed:
        sha, path = files.put("attachments", p.file.data)
        written_now(session)[path] = p.file.data  # (the Manager's email attaches it from here, not read back from disk)
        row = earlier[sha].pop(0) if earlier.get(sha) else Attachment(inbound_id=inbound.id, sha256=sha)
        row.original_name, row.content_type, row.size, row.stored_path = p.file.name, p.file.content_type, len(p.file.data), path
        row.format, row.parse_status, row.parse_reason = p.result.format, p.result.status, p.result.reason
        session.add(row)
        session.flush()
        attachment_rows[id(p)] = row
        ctx.rows.append(row)  # held for the transaction: the Manager's email finds it in the session, not by a query
    cases = []
    opening = ctx.forms if ctx.outcome == "referral" else ctx.opening_forms  # (an instruction's forms: command_forms)
    if opening:
        received = (ctx.fetched.internal_date or ctx.now)
        year = received.astimezone(tz).year
        existing = {id(p): session.exec(select(Case).where(Case.inbound_id == inbound.id,
                                                           Case.attachment_id == attachment_rows[id(p)].id)).first()
                    for p in opening} if again else {}
        handed = iter(numbers(year, sum(1 for p in opening if existing.get(id(p)) is None))) if numbers else None
        for p in opening:
            if existing.get(id(p)) is not None:  # processed again: this form's case exists already
                ctx.existing_cases.append(existing[id(p)])
                ctx.case_refs.append(existing[id(p)].reference)
                continue
            record = p.result.record
            if handed is not None:
                seq = next(handed)
                reference = f"{prefix}-{year}-{seq:04d}"
            else:
                seq, reference = next_reference(session, prefix, year)
            case = Case(
                reference=reference, year=year, seq=seq,
                status="needs_information" if p.result.missing else "received",
                received_at=received, referrer_email=ctx.facts.referrer_of(p.file), message_id=ctx.facts.message_id,
                inbound_id=inbound.id, attachment_id=attachment_rows[id(p)].id,
                initials=case_initials(record),
                incident_date=_date(record["incident"]["date"]),
                date_la_aware=_date(record["incident"]["date_la_aware"]),
                record_json=json.dumps(record, ensure_ascii=False),
                missing_json=json.dumps(p.result.missing), warnings_json=json.dumps(p.result.warnings),
            )
            if before_insert is not None:
                before_insert(case)
            session.add(case)
            session.flush()
            write_audit(session, [audit_row(ctx.now, f"email:{inbound.id}", "case_created", case.id,
                                            json.dumps({"reference": reference, "missing": p.result.missing,
                                                        "sources": p.result.sources}, ensure_ascii=False))])
            cases.append(case)
            ctx.case_refs.append(reference)
        if handed is not None:
            case_numbers.consumed(session.connection(), year, [c.seq for c in cases])
    return cases
