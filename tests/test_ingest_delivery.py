"""Issue 28: `intake poll --once` delivers all it queued (no cap of one delivery run), on embedded parts."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.maildir_source import MaildirSource
from intake.service.services import build_services, poll_and_deliver
from intake.store.models import OutboundEmail
from notifier.compose import build_email
from notifier.delivery import deliver_pending
from notifier.outbox import enqueue
from notifier.senders import DirectorySender

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def test_poll_once_delivers_everything_it_queued(make_cfg):
    # 30 referrals: every acknowledgement and every Manager's copy (60 emails) is out when `poll --once` returns.
    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    form = docx_form(SAMPLE)
    for i in range(30):
        src.deliver(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<chunk{i}@liverpool.gov.uk>"))
    report, delivery = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 30} and delivery.sent == 60
    with Session(svc.engine) as s:
        assert {a.status for a in s.exec(select(OutboundEmail))} == {"sent"}
    assert len(list(cfg.resolve(cfg.smtp.path).glob("*.eml"))) == 60


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
