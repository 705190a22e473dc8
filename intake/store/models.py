"""All database tables, in one module (SQLModel). Times are stored in UTC.

Idempotency lives in UNIQUE constraints: an inbound message by its source key
(mailbox + UIDVALIDITY + UID), a case by its reference, an outbound email by its
key (kind:case:...:offset).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import Column, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class InboundMessage(SQLModel, table=True):
    __tablename__ = "inbound_message"
    id: Optional[int] = Field(default=None, primary_key=True)
    source_key: str = Field(unique=True, index=True, description="mailbox:uidvalidity:uid or maildir:key")
    mailbox: str
    uidvalidity: Optional[int] = None
    uid: Optional[int] = None
    message_id: Optional[str] = Field(default=None, index=True)
    raw_sha256: str = Field(index=True)
    raw_path: Optional[str] = None
    size: int = 0
    from_address: Optional[str] = Field(default=None, index=True)  # (the reply cap per sender looks messages up by it)
    received_at: datetime
    processed_at: datetime
    outcome: str = Field(index=True)
    reasons: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    folder: Optional[str] = None
    moved: bool = False
    # the briefing (outbound_email.id) that listed this message as needing review; one that was superseded or
    # failed does not use it up: the message is listed again by the next briefing, until one is delivered
    digest_id: Optional[int] = None


class Case(SQLModel, table=True):
    __tablename__ = "referral_case"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_case_year_seq"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, index=True)
    year: int
    seq: int
    status: str = Field(default="received", index=True)
    received_at: datetime
    referrer_email: Optional[str] = None
    message_id: Optional[str] = None
    inbound_id: Optional[int] = Field(default=None, foreign_key="inbound_message.id")
    attachment_id: Optional[int] = Field(default=None, foreign_key="attachment.id")
    initials: Optional[str] = None
    incident_date: Optional[date] = None
    date_la_aware: Optional[date] = None
    record_json: str = Field(sa_column=Column(Text, nullable=False))
    missing_json: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    warnings_json: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    # the digest (outbound_email.id) that listed this case as new; a digest that was superseded or failed
    # does not use its cases up: they are listed by the next one
    digest_id: Optional[int] = None
    # the case whose thread this case's form arrived in (another child or another incident)
    linked_to: Optional[str] = None


class Attachment(SQLModel, table=True):
    __tablename__ = "attachment"
    id: Optional[int] = Field(default=None, primary_key=True)
    inbound_id: int = Field(foreign_key="inbound_message.id", index=True)
    sha256: str = Field(index=True)
    original_name: Optional[str] = None
    content_type: Optional[str] = None
    size: int
    stored_path: str
    format: Optional[str] = None
    parse_status: Optional[str] = None
    parse_reason: Optional[str] = None


class OutboundEmail(SQLModel, table=True):
    __tablename__ = "outbound_email"
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True, description="idempotency key, e.g. ack:SIRG-2026-0001")
    kind: str
    case_id: Optional[int] = Field(default=None, foreign_key="referral_case.id")
    to_address: str = Field(index=True)
    subject: str
    message_id: str = Field(index=True)
    raw: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="pending", index=True)
    attempts: int = 0
    next_attempt_at: datetime
    last_error: Optional[str] = None
    created_at: datetime
    sent_at: Optional[datetime] = None
    # a delivery run claims a row before sending it; the lease expires so that a crash strands nothing
    lease_owner: Optional[str] = None
    lease_until: Optional[datetime] = None


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor: str
    action: str
    case_id: Optional[int] = Field(default=None, foreign_key="referral_case.id", index=True)
    detail: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))


class Deadline(SQLModel, table=True):
    __tablename__ = "deadline"
    __table_args__ = (UniqueConstraint("case_id", "clock", name="uq_deadline_case_clock"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="referral_case.id", index=True)
    clock: str
    title: str
    anchor: str
    anchor_date: date
    due: date = Field(index=True)
    status: str = Field(default="open", index=True)
    estimated: bool = False
    rule: str = Field(sa_column=Column(Text, nullable=False))
    met_on: Optional[date] = None
    history: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))


class ServiceState(SQLModel, table=True):
    __tablename__ = "service_state"
    key: str = Field(primary_key=True)
    value: str
    updated_at: datetime


class UsedToken(SQLModel, table=True):
    """Reply tokens that changed a case: a second use is refused."""
    __tablename__ = "used_token"
    nonce: str = Field(primary_key=True)
    person: str
    case_reference: Optional[str] = None
    used_at: datetime


class ReplyToken(SQLModel, table=True):
    """A short reply token (issue 24.2): what it was issued for. The token is its own key; its HMAC is checked
    before the look-up, its expiry after, and a use that changed a case is kept in ``used_token`` as before."""
    __tablename__ = "reply_token"
    token: str = Field(primary_key=True)
    person: str
    case_reference: Optional[str] = None
    purpose: str
    issued_at: datetime
    expires_at: datetime = Field(index=True)


class Attendance(SQLModel, table=True):
    """An invitee's answer to a Rapid Review invitation (issue 24.7): the calendar REPLY's PARTSTAT, the latest
    per case and attendee."""
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("case_id", "attendee", name="uq_attendance_case_attendee"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="referral_case.id", index=True)
    attendee: str
    partstat: str
    sequence: int = 0
    answered_at: datetime
    inbound_id: Optional[int] = None


class ActionItem(SQLModel, table=True):
    """One action of a single-agency action plan (issue 16). Its clock is the case's deadline A<n> (same case_id
    and clock): the due date, status (open/met/...), met_on and history live on that Deadline row, so reminders,
    `intake mark` and the emailed DONE work on it as on any clock. This row holds what the plan said."""
    __tablename__ = "action_item"
    __table_args__ = (UniqueConstraint("case_id", "clock", name="uq_action_case_clock"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="referral_case.id", index=True)
    clock: str = Field(description="A1, A2 ...: the Deadline row of this case with the same clock")
    match_key: str = Field(index=True, description="recommendation | action, lower case, punctuation and numbering dropped")
    recommendation: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    action: str = Field(sa_column=Column(Text, nullable=False))
    owner_name: Optional[str] = None
    owner_email: Optional[str] = None
    agency: Optional[str] = Field(default=None, index=True)
    plan_status: Optional[str] = None        # the plan's own status / RAG wording, from its latest version
    progress: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))  # the owner's latest PROGRESS
    progress_at: Optional[datetime] = None
    inbound_id: Optional[int] = Field(default=None, foreign_key="inbound_message.id")  # the plan version that last set it
    plan_row: Optional[int] = None
    created_at: datetime
    updated_at: datetime


class WorkLease(SQLModel, table=True):
    """Who is doing a piece of work now (``inbound:<source key>``, ``job:remind``), until when: several workers
    share one database and one mailbox, and a worker that dies lets go when its lease runs out."""
    __tablename__ = "work_lease"
    name: str = Field(primary_key=True)
    owner: Optional[str] = None
    lease_until: Optional[datetime] = None


class CaseNumber(SQLModel, table=True):
    """A case number handed out, on PostgreSQL, before its case is committed (``intake.store.case_numbers``): the
    row lives until the case that uses the number commits (same transaction). A row whose worker died or gave up
    is free, and the next new case takes it, so the numbers keep no gap."""
    __tablename__ = "case_number"
    year: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    seq: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    holder: str = Field(index=True)          # the source key of the message the number was handed out for
    owner: Optional[str] = None              # the worker holding it (None: free for the next new case)
    until: Optional[datetime] = None         # held until then at most (a stalled worker lets go)
