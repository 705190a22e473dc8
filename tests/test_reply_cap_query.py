"""Issue 28: the reply cap per sender is counted in one query (and the sender's messages are found by an index). What
it counts: automatic replies of the last day sent to the sender, or caused by the sender's messages (keyed by their
Message-ID, or by their content's SHA-256 when they have none), wherever they went."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session

from intake.pipeline.acknowledge import replies_for_sender
from intake.store.db import open_database
from intake.store.models import InboundMessage, OutboundEmail

NOW = datetime(2027, 1, 12, 10, 0, tzinfo=timezone.utc)
SENDER = "sam@liverpool.gov.uk"


def _inbound(session, n, sender, message_id, sha, processed_at=NOW):
    session.add(InboundMessage(source_key=f"k{n}", mailbox="INBOX", message_id=message_id, raw_sha256=sha,
                               from_address=sender, received_at=processed_at, processed_at=processed_at,
                               outcome="referral", folder="Processed"))


def _outbound(session, key, kind, to, created_at=NOW):
    session.add(OutboundEmail(key=key, kind=kind, to_address=to, subject="s", message_id=f"<{key}@x>", raw="",
                              status="pending", attempts=0, next_attempt_at=created_at, created_at=created_at))


@pytest.mark.both_databases
def test_the_reply_cap_counts_the_replies_a_sender_caused_or_received_in_the_last_day(database):
    engine = open_database(database)
    with Session(engine) as session:
        _inbound(session, 1, SENDER, "<m1@x>", "sha1")
        _inbound(session, 2, SENDER, None, "sha2")          # no Message-ID: its replies are keyed by its content
        _inbound(session, 3, SENDER, "<m3@x>", "sha3", processed_at=NOW - timedelta(days=2))  # too long ago
        _inbound(session, 4, "other@liverpool.gov.uk", "<m4@x>", "sha4")
        _outbound(session, "acknowledgement:<m1@x>", "acknowledgement", "deputy@liverpool.gov.uk")  # caused by 1
        _outbound(session, "needs_info:sha2", "needs_info", "deputy@liverpool.gov.uk")             # caused by 2
        _outbound(session, "reply_ack:<m9@x>", "reply_ack", SENDER)                                # sent to the sender
        _outbound(session, "acknowledgement:<m3@x>", "acknowledgement", "deputy@liverpool.gov.uk")  # its message is old
        _outbound(session, "acknowledgement:<m4@x>", "acknowledgement", "other@liverpool.gov.uk")   # another sender's
        _outbound(session, "new_referral:SIRG-2027-0001", "new_referral", SENDER)                  # not a reply
        _outbound(session, "reply_ack:<m8@x>", "reply_ack", SENDER, created_at=NOW - timedelta(days=2))  # old reply
        session.commit()
        assert replies_for_sender(session, SENDER, NOW) == 3
        assert replies_for_sender(session, "other@liverpool.gov.uk", NOW) == 1
        assert replies_for_sender(session, "nobody@liverpool.gov.uk", NOW) == 0
    engine.dispose()
