"""`intake reprocess`: run stored raw messages through the pipeline again, after a fix.

Idempotent: the message's own row is updated (no second row), a form that already has a case
opens no second one, and the outbox's keys stop a second acknowledgement. Where the mailbox copy
sits in the folder of its old outcome, it is moved to the folder of the new one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import or_
from sqlmodel import Session, select

from intake.errors import MailSourceUnavailable
from intake.mailbox.source import FetchedMessage
from intake.pipeline.context import PARSE_TIMED_OUT
from intake.pipeline.runner import process_message, record_failure, Services
from intake.store.db import make_durable
from intake.store.models import Case, InboundMessage

log = logging.getLogger(__name__)

# Applying an instruction or a referrer's answers twice is not harmless: those are never re-run.
NOT_RERUN = ("command", "reply_to_case", "action_plan")  # an old plan version re-run would undo a newer one


class UnknownMessage(LookupError):
    pass


@dataclass
class Rerun:
    key: str
    before: str
    after: str
    references: list[str]
    note: str = ""


def select_messages(svc: Services, keys: list[str], failed: bool) -> list[InboundMessage]:
    """Rows named by source key or row id, plus (with ``failed``) every failed or timed-out one."""
    with Session(svc.engine) as session:
        rows: dict[int, InboundMessage] = {}
        for key in keys:
            cond = [InboundMessage.source_key == key]
            if key.isdigit():
                cond.append(InboundMessage.id == int(key))
            row = session.exec(select(InboundMessage).where(or_(*cond))).first()
            if row is None:
                raise UnknownMessage(key)
            rows[row.id] = row
        if failed:
            for row in session.exec(select(InboundMessage).where(or_(
                    InboundMessage.outcome == "failed", InboundMessage.reasons.like(f"%{PARSE_TIMED_OUT}%")))):
                rows[row.id] = row
        return [rows[i] for i in sorted(rows)]


def rerun_one(svc: Services, row: InboundMessage, source=None) -> Rerun:
    if row.outcome in NOT_RERUN:
        return Rerun(row.source_key, row.outcome, row.outcome, [], "not re-run: it was applied already")
    if not row.raw_path:
        return Rerun(row.source_key, row.outcome, row.outcome, [], "not re-run: no stored copy")
    raw = svc.files.get(row.raw_path)
    fetched = FetchedMessage(source_key=row.source_key, mailbox=row.mailbox, raw=raw, uidvalidity=row.uidvalidity,
                             uid=row.uid, internal_date=row.received_at)
    before_folder, before = row.folder, row.outcome
    try:
        outcome, folder = process_message(svc, fetched, earlier=row)
    except (MailSourceUnavailable, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # still a bug: recorded again as failed
        outcome, folder = "failed", record_failure(svc, fetched, exc, earlier=row)
    make_durable(svc.engine)  # the new outcome survives a power cut before the mailbox copy follows it
    moved, note = before_folder == folder, ""
    if not moved and source is not None and before_folder:
        try:
            moved = source.relocate(row.message_id, row.source_key, before_folder, folder)
        except MailSourceUnavailable as exc:  # the outcome is committed; only the mailbox copy stays put
            note = f"the mailbox copy is still in {before_folder}: {exc}"
    if not moved and not note:
        note = f"mailbox copy not found in {before_folder}"
    with Session(svc.engine) as session:
        fresh = session.get(InboundMessage, row.id)
        fresh.moved = True if moved else row.moved
        session.add(fresh)
        session.commit()

        refs = [c.reference for c in session.exec(select(Case).where(Case.inbound_id == row.id).order_by(Case.id))]
    log.info("reprocessed: inbound=%s key=%s %s -> %s", row.id, row.source_key, before, outcome)
    return Rerun(row.source_key, before, outcome, refs, "" if moved else note)


def reprocess(svc: Services, keys: list[str], failed: bool, source=None) -> list[Rerun]:
    return [rerun_one(svc, row, source) for row in select_messages(svc, keys, failed)]
