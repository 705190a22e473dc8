"""Mail sources: where referral emails come from, behind one small protocol.

A source lists the messages waiting in the inbox (``fetch_new``) and moves one
to a folder once its outcome is committed (``move``). Sources never delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator, Protocol


@dataclass(frozen=True)
class FetchedMessage:
    source_key: str          # stable identity of this copy: "imap:HOST/INBOX:UIDVALIDITY:UID" or "maildir:KEY"
    mailbox: str
    raw: bytes
    uidvalidity: int | None = None
    uid: int | None = None
    internal_date: datetime | None = None
    locator: str | None = None  # source-specific handle used by move()
    size: int | None = None     # the whole message's size when only its header was read (raw is the header)


class MailSource(Protocol):
    name: str

    def fetch_new(self, skip: Callable[[list[str]], set[str]] | None = None) -> Iterator[FetchedMessage]:
        """Yield every message now in the inbox, oldest first. ``skip(source_keys)``, asked for a few messages at a
        time before they are read, names those not to read now (another worker has them)."""

    def move(self, message: FetchedMessage, folder: str) -> None:
        """Move ``message`` out of the inbox into ``folder`` (created if missing)."""

    def move_many(self, items: list[tuple[FetchedMessage, str]]) -> None:
        """Move several messages (each to its folder) in as few round trips as the source allows."""

    def relocate(self, message_id: str | None, source_key: str, from_folder: str, to_folder: str) -> bool:
        """Move a message already filed in ``from_folder`` into ``to_folder``; False when it is not there."""

    def close(self) -> None:
        """Release connections."""


#END
