"""The Manager's new-referral email: a case summary to act on, with the original form attached.

The subject carries the reference and initials only; the body names the child only with
``privacy.include_names``. The attached form keeps its content but never its file name (a sender may have
put the child's name in it): it is attached as ``<reference>-referral-form.<ext>``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from intake.store.models import Attachment as AttachmentRow, Case
from intake.store.storage import written_now
from notifier.compose import Attachment, build_email, render
from notifier.deadlines import rules_from_config
from notifier.meetings import meeting_dates
from notifier.outbox import enqueue
from notifier.reply_commands import reply_token
from notifier.summary import case_summary, reply_help
from notifier.wording import day, moment


def form_attachment(session: Session, case: Case) -> Attachment | None:
    row = session.get(AttachmentRow, case.attachment_id) if case.attachment_id else None
    if row is None or not row.stored_path:
        return None
    data = written_now(session).get(row.stored_path)  # (stored by this message: not read back from disk)
    if data is None:
        if not Path(row.stored_path).exists():
            return None
        data = Path(row.stored_path).read_bytes()
    ext = (row.format or Path(row.original_name or "").suffix.lstrip(".") or "bin").lower()
    return Attachment(f"{case.reference}-referral-form.{ext}", row.content_type or "application/octet-stream", data)


def new_referral_key(case: Case) -> str:
    return f"new_referral:{case.reference}"


def queue_new_referral(session: Session, cfg, case: Case, now: datetime, automatic: bool = False,
                       queued: set[str] | None = None, later: list[dict] | None = None) -> None:
    """``queued``, ``later``: as ``outbox.enqueue``'s (the keys found queued already, asked with this case's among
    them; the rows to insert together, ``outbox.write_queued``)."""
    _, cal, _ = rules_from_config(cfg.deadlines)
    today = now.astimezone(cfg.tz).date()
    token = reply_token(session, cfg, cfg.people.manager, case.reference, "new_referral", now)
    replies = reply_help(cfg, "new_referral", token, "manager", reference=case.reference, today=today)
    form = form_attachment(session, case) if cfg.notifications.attach_form_to_manager else None
    subject, text, html = render("manager", "new_referral", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, initials=case.initials or "?",
                                 s=case_summary(session, case, cfg, cal, today, meeting_dates(cfg, today)),
                                 received=moment(case.received_at, cfg.tz), automatic=automatic,
                                 attached=form.filename if form else None,
                                 replies=replies)
    enqueue(session, key=new_referral_key(case), kind="new_referral", now=now, case_id=case.id, queued=queued,
            later=later, message=build_email(sender=cfg.smtp.from_, to=cfg.people.manager, subject=subject, text=text, html=html,
                                now=now, attachments=[form] if form else [], reply_to=replies["reply_to"]))


def acknowledgement_context(cfg, now: datetime) -> dict:
    """What the referrer's acknowledgement adds to its cases: whom to contact (the Safeguarding Manager, by
    ``people.manager_name`` and address) and, when meeting dates are configured, the date the group will consider
    the referral (its next meeting)."""
    today = now.astimezone(cfg.tz).date()
    later = [d for d in meeting_dates(cfg, today) if d > today]
    return {"contact": f"{cfg.people.manager_name} ({cfg.people.manager})",
            "meeting": day(later[0]) if later else None}
