"""One bad message cannot stall the rest (issue 12): a failing MOVE is skipped, retried, and reported."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.errors import MailSourceUnavailable
from intake.store.models import Case, InboundMessage
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.imap_source import ImapMailSource
from intake.service.remind import remind

pytestmark = pytest.mark.servers
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)


def test_message_whose_move_fails_is_skipped_retried_and_listed_after_three_cycles(server_cfg, imap, smtp, monkeypatch):
    # The server refuses to MOVE one message (forced: Dovecot cannot be made to on demand); the other four
    # are processed and moved in the same cycle, newer mail is processed in the next; after three failed
    # cycles the digest lists the stuck one; once the server lets it go, it moves with no second case.
    real_move = ImapMailSource.move_many

    def refusing_move(self, items):
        if any(b"<bad@liverpool.gov.uk>" in m.raw for m, _ in items):
            self._drop()
            raise MailSourceUnavailable("could not move 1 message(s) out of INBOX: MOVE failed")
        return real_move(self, items)

    monkeypatch.setattr(ImapMailSource, "move_many", refusing_move)
    client = imap.client()
    for i, mid in enumerate(["<bad@liverpool.gov.uk>"] + [f"<ok{i}@liverpool.gov.uk>" for i in range(4)]):
        client.append("INBOX", referral_email(f"W{i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", FORM)],
                                              message_id=mid))
    client.logout()
    clock = datetime(2026, 12, 24, 10, tzinfo=timezone.utc)
    svc = build_services(server_cfg, now=lambda: clock, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 5} and len(report.stuck) == 1
    assert imap.count("INBOX") == 1 and imap.count("Processed") == 4

    imap.append(referral_email("New <new@liverpool.gov.uk>", TO, "Referral", [("f.docx", FORM)], message_id="<new@liverpool.gov.uk>"))
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1} and len(report.stuck) == 1  # newer mail processed
    remind(svc, datetime(2026, 12, 24, 11, 0, tzinfo=timezone.utc))
    with Session(svc.engine) as s:
        bad = s.exec(select(InboundMessage).where(InboundMessage.message_id == "<bad@liverpool.gov.uk>")).one()
    line = "could not be moved out of the inbox"   # issue 24.6: listed by sender, subject and time
    digests = lambda: [m["msg"].get_body(("plain",)).get_content() for m in smtp.handler.messages  # noqa: E731
                       if str(m["msg"]["Subject"]).startswith("Morning briefing")]
    assert line not in digests()[0]  # two cycles: not yet

    poll_and_deliver(svc)
    clock = datetime(2026, 12, 25, 10, tzinfo=timezone.utc)
    remind(svc, datetime(2026, 12, 29, 9, 0, tzinfo=timezone.utc))
    assert f"{line} in 3 polling cycles" in digests()[-1]

    monkeypatch.setattr(ImapMailSource, "move_many", real_move)
    report, _ = poll_and_deliver(svc)
    assert report.moved_again == 1 and not report.stuck and sum(report.outcomes.values()) == 0
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 6
    with Session(svc.engine) as s:
        assert len(s.exec(select(Case)).all()) == 6
    remind(svc, datetime(2026, 12, 30, 9, 0, tzinfo=timezone.utc))
    assert line not in digests()[-1]


def test_unreachable_server_during_move_still_stops_the_poll(server_cfg, imap, smtp, monkeypatch):
    # When the mailbox itself is gone (not one message), the poll stops as before; nothing is counted as stuck.
    from tests.servers import free_port

    def down(self, items):
        self._drop()
        self.port = free_port()  # the connection is lost and nothing answers any more
        raise MailSourceUnavailable("connection lost")

    monkeypatch.setattr(ImapMailSource, "move_many", down)
    imap.append(referral_email("W <w@liverpool.gov.uk>", TO, "Referral", [("f.docx", FORM)], message_id="<w@liverpool.gov.uk>"))
    svc = build_services(server_cfg, isolated=False)
    with pytest.raises(MailSourceUnavailable):
        poll_and_deliver(svc)
    from intake.store.models import ServiceState

    with Session(svc.engine) as s:
        assert s.exec(select(ServiceState).where(ServiceState.key.startswith("move_failed:"))).all() == []
