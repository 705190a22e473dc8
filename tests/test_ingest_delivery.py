"""Issue 28: `intake poll --once` delivers all it queued, chunk by chunk, on embedded parts (Maildir, directory outbox)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.maildir_source import MaildirSource
from intake.service.services import build_services, poll_and_deliver
from intake.store.models import InboundMessage, OutboundEmail
from notifier.compose import build_email
from notifier.delivery import deliver_pending
from notifier.outbox import enqueue
from notifier.senders import DirectorySender

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


class Ticking:
    """A clock that moves one second on every reading (so the order of events shows in the stored times)."""

    def __init__(self):
        self.t = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=1)
        return self.t


def test_poll_once_answers_each_chunk_before_reading_the_next(make_cfg):
    # 30 referrals (two chunks of 25 and 5): every acknowledgement of the first chunk was sent before any message
    # of the second chunk was processed, and all 60 emails (acknowledgement + Manager's copy) are out at the end.
    cfg = make_cfg()
    svc = build_services(cfg, now=Ticking(), isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    form = docx_form(SAMPLE)
    for i in range(30):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<chunk{i}@liverpool.gov.uk>"))
    report, delivery = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 30} and delivery.sent == 60
    with Session(svc.engine) as s:
        processed = {m.message_id: m.processed_at for m in s.exec(select(InboundMessage))}
        acks = {a.key.split(":", 1)[1]: a.sent_at for a in s.exec(select(OutboundEmail).where(
            OutboundEmail.kind == "acknowledgement"))}
        assert {a.status for a in s.exec(select(OutboundEmail))} == {"sent"}
    order = sorted(processed, key=processed.get)
    first, second = order[:25], order[25:]
    assert max(acks[m] for m in first) < min(processed[m] for m in second)


def test_deliver_pending_everything_goes_past_one_runs_limit(make_cfg, tmp_path):
    # Five queued emails and a run limit of two: one run sends two (a service cycle's cap); `everything` sends all.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    now = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)
    with Session(svc.engine) as s:
        for i in range(5):
            enqueue(s, key=f"test:{i}", kind="digest", now=now,
                    message=build_email(sender=TO, to="manager@liverpool.gov.uk", subject=f"n{i}", text="t",
                                        html="<p>t</p>", now=now))
        s.commit()
    out = tmp_path / "sent"
    assert deliver_pending(svc.engine, DirectorySender(out), TO, now, limit=2).sent == 2
    assert deliver_pending(svc.engine, DirectorySender(out), TO, now, limit=2, everything=True).sent == 3
    assert len(list(out.glob("*.eml"))) == 5
