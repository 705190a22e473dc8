"""The typed context one message carries through the pipeline steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from intake.mailbox.mail import AttachedFile, MessageFacts
from intake.mailbox.source import FetchedMessage

PROCESSED, REVIEW, FAILED = "processed", "review", "failed"

# DESIGN 4.4: the folder each outcome ends in (names from [mailbox]).
FOLDER_OF_OUTCOME = {
    "referral": PROCESSED,
    "needs_info": REVIEW,
    "reply_to_case": PROCESSED,
    "command": PROCESSED,
    "action_plan": PROCESSED,
    "calendar_reply": PROCESSED,
    "ignored_auto": PROCESSED,
    "sender_not_allowed": REVIEW,
    "too_large": REVIEW,
    "duplicate": PROCESSED,
    "failed": FAILED,
}
OUTCOMES = tuple(FOLDER_OF_OUTCOME)

# Written into a message's recorded reasons when a parse ran out of time: such a message is
# processed again when it reappears (like a failed one), instead of being called a duplicate.
PARSE_TIMED_OUT = "parse timed out"


@dataclass
class ParsedAttachment:
    file: AttachedFile
    result: object  # parsers.ParseResult
    stored_path: str | None = None
    sha256: str = ""


@dataclass
class MessageContext:
    fetched: FetchedMessage
    now: datetime
    facts: MessageFacts
    outcome: str | None = None
    reasons: list[str] = field(default_factory=list)
    thread_case: str | None = None
    linked_case: str | None = None     # a new case from a form in this case's thread is linked to it
    parsed: list[ParsedAttachment] = field(default_factory=list)
    case_refs: list[str] = field(default_factory=list)
    inbound_id: int | None = None
    raw_path: str | None = None
    automatic: str | None = None            # why the message counts as automatic mail (never answered)
    earlier_id: int | None = None          # the row of an earlier attempt at this message (processed again)
    existing_cases: list = field(default_factory=list)  # cases a form of this message opened before
    answered: bool = False                 # a step queued this outcome's reply already (acknowledge adds none)
    plan_problems: list = field(default_factory=list)  # spreadsheets that could not be read as action plans
    opening_forms: list = field(default_factory=list)  # forms attached to an instruction that open a new case
    joining_forms: list = field(default_factory=list)  # forms attached to an instruction, added to the case it names
    form_lines: list = field(default_factory=list)     # what became of an instruction's attachments (confirmation)
    reading_started: float | None = None   # (time.monotonic) when reading plans or forms began: one budget per message
    rows: list = field(default_factory=list)  # rows written for this message, kept alive while its transaction lasts

    def stop(self, outcome: str, reason: str) -> None:
        self.outcome = outcome
        self.reasons.append(reason)

    @property
    def forms(self) -> list[ParsedAttachment]:
        return [p for p in self.parsed if p.result.status == "parsed"]
