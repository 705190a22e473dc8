"""Rapid Review meetings (issue 16 part 3): convening the panel, and reminding the Manager when nobody has.

``convene`` records the meeting on the case (an audit event ``rapid_review_convened``: the start, the
invitation's sequence number, who was invited) and queues one invitation per person: the core panel
(``[people] rapid_review_panel``) and those invited for this case. Each is an iMIP request (a
``text/calendar; method=REQUEST`` part, and the same .ics attached; ORGANIZER the Manager, LOCATION from
``[meetings] location``) whose UID is the case's (``notifier.ics.meeting_uid``), so calendars keep one meeting
per case: the same time again sends nothing new (the outbox key holds the sequence), a new time sends an update
with a higher SEQUENCE to everybody. ``cancel`` sends METHOD:CANCEL with the same UID and a higher SEQUENCE.

``unconvened`` is pure: the cases with no meeting set 5 working days after the referral arrived, while the
Rapid Review (C4) is still open and no decision is recorded. ``remind_unconvened`` queues the Manager's
reminder for them, once per case, due date and stage (``rapid_review_unset:REF:DUE:STAGE``), daily while
overdue, as the other reminders are; only when ``[people] rapid_review_panel`` is set (a partnership that does
not convene its panel through the bot is not reminded to).

Invitations carry no child's name, initials, date of birth or address and no free text from the form: the
reference, the kind of incident, its dates, the agencies, and the C4 due date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parseaddr

from sqlmodel import Session, select

from intake.duties.actions import ActionError
from intake.store.models import AuditEvent, Case, Deadline
from notifier.compose import Attachment, build_email, render
from notifier.ics import invitation, meeting_uid
from notifier.deadlines_store import working_calendar
from notifier.outbox import already_queued, enqueue, supersede
from notifier.reply_commands import reply_token
from notifier.summary import INCIDENT_TYPES, reply_help
from notifier.wording import day, distance

CONVENED = "rapid_review_convened"
CANCELLED = "rapid_review_cancelled"
UNSET_AFTER = 5   # working days after the referral arrived


@dataclass(frozen=True)
class Meeting:
    start: datetime          # aware, UTC
    sequence: int
    invited: tuple[str, ...]  # everybody invited, panel included
    extra: tuple[str, ...]    # invited for this case (beyond the core panel)


@dataclass(frozen=True)
class Convened:
    meeting: Meeting
    changed: bool            # a new meeting or a new time (sequence raised)
    queued: list[str]        # the addresses an invitation was queued for by this call
    new: bool = False        # no meeting was set before (a first one, or one after a cancellation)


def current_meeting(session: Session, case: Case) -> Meeting | None:
    """The case's Rapid Review meeting as last recorded, or None."""
    event = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id,
                                                  AuditEvent.action.in_((CONVENED, CANCELLED)))
                         .order_by(AuditEvent.id.desc())).first()
    if event is None or event.action == CANCELLED:
        return None
    d = json.loads(event.detail)
    return Meeting(datetime.fromisoformat(d["start"]), d["sequence"], tuple(d["invited"]), tuple(d.get("extra", [])))


def _address(text: str) -> str:
    return parseaddr(text)[1].strip().lower()


def check_invitees(cfg, emails: list[str]) -> list[str]:
    """Invited addresses, lower-cased: each an email address in a partner domain (the invitation describes a case)."""
    out = []
    for raw in emails:
        email = _address(raw)
        if "@" not in email or "." not in email.rsplit("@", 1)[-1]:
            raise ActionError(f"{raw!r} is not an email address; invite people like name@nhs.net")
        domain = email.rsplit("@", 1)[1]
        allowed = cfg.policy.allowed_sender_domains
        if allowed and not any(domain == d or domain.endswith("." + d) for d in allowed):
            raise ActionError(f"{email} is not in a partner domain (policy.allowed_sender_domains); the invitation "
                              "describes a case, so it goes to secure partner addresses only")
        if email not in out:
            out.append(email)
    return out


def meeting_start(cfg, day: date, at: str) -> datetime:
    """The meeting's start from a date and "HH:MM", local time in the organisation's timezone."""
    hh, mm = (int(x) for x in at.replace(".", ":").split(":"))
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=cfg.tz)


def check_meeting(cfg, day: date, at: str, invite: list[str], now: datetime) -> None:
    """The checks ``convene`` makes before anything changes: a time ahead, partner addresses."""
    start = meeting_start(cfg, day, at)
    if start <= now:
        raise ActionError(f"{start:%Y-%m-%d %H:%M} has passed; a Rapid Review meeting is set for a time ahead")
    check_invitees(cfg, invite)


def meeting_location(cfg) -> str:
    """Where Rapid Review meetings are held: ``[meetings] location`` (a room or a Teams link), else the older
    ``[meetings] place``."""
    return (cfg.meetings.location or cfg.meetings.place).strip()


def invitation_ics(cfg, case: Case, meeting: Meeting, now: datetime, method: str = "REQUEST") -> bytes:
    """The calendar request (RFC 5546 METHOD:REQUEST) or cancellation (METHOD:CANCEL): one UID per case
    (``notifier.ics.meeting_uid``), SEQUENCE raised when the time changes or the meeting is cancelled.

    ORGANIZER is the Manager by name at the referral mailbox's address: an invitee's Accept / Decline goes to the
    organiser's address, and only there does the service read it as attendance (``intake.duties.attendance``)."""
    return invitation(
        method=method, uid=meeting_uid(case.reference, cfg.smtp.from_), sequence=meeting.sequence, now=now,
        start=meeting.start, minutes=cfg.meetings.minutes, summary=f"Rapid Review: {case.reference}",
        description=f"Rapid Review of case {case.reference} for the {cfg.organisation.group}. "
                    "The case summary is in the invitation email.",
        location=meeting_location(cfg), organizer=_address(cfg.smtp.from_), organizer_name=_manager_cn(cfg),
        sent_by="", attendees=list(meeting.invited))


def _manager_cn(cfg) -> str:
    name = cfg.people.manager_name
    return name[:1].upper() + name[1:]


def invitation_context(session: Session, cfg, case: Case, meeting: Meeting, today: date, cal) -> dict:
    """What the invitation says about the case: no names, initials or free text from the form."""

    record = json.loads(case.record_json or "{}")
    incident = record.get("incident") or {}
    agencies = []
    for a in [record.get("referrer") or {}] + list(record.get("agencies_involved") or []):
        name = " ".join(str(a.get("agency") or "").split())
        if name and name.lower() not in [x.lower() for x in agencies]:
            agencies.append(name)
    c4 = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C4")).first()
    local = meeting.start.astimezone(cfg.tz)
    police = {True: "yes", False: "no"}.get(incident.get("police_involved"), "not given")
    return {
        "reference": case.reference, "when": f"{day(local.date())} at {local:%H:%M}",
        "place": meeting_location(cfg) or "see the calendar invitation", "minutes": cfg.meetings.minutes,
        "update": meeting.sequence > 0,
        "facts": [("Case", case.reference),
                  ("Incident", INCIDENT_TYPES.get(incident.get("type"), "not given")),
                  ("Incident date", day(incident.get("date"))),
                  ("Local authority aware", day(incident.get("date_la_aware"))),
                  ("Police involved", police),
                  ("Agencies", ", ".join(agencies) or "not given"),
                  ("Received", day(case.received_at.astimezone(cfg.tz).date()))],
        "c4_due": (f"{day(c4.due)} ({distance(c4.due, today, cal)})" if c4 is not None and c4.status in ("open", "paused")
                   else f"completed {day(c4.met_on)}" if c4 is not None and c4.met_on else "not set"),
        "manager": f"{cfg.people.manager_name} ({cfg.people.manager})",
    }


def convene(session: Session, cfg, case: Case, start: datetime, invite: list[str], actor: str, now: datetime) -> Convened:
    """Record the meeting and queue the invitations (in the caller's transaction; the caller commits)."""

    if start <= now:
        raise ActionError(f"{start.astimezone(cfg.tz):%Y-%m-%d %H:%M} has passed; a Rapid Review meeting is set for a "
                          "time ahead")
    extra = check_invitees(cfg, invite)
    before = current_meeting(session, case)
    panel = [_address(p) for p in cfg.people.rapid_review_panel]
    kept_extra = list(before.extra) if before else []
    extra = kept_extra + [e for e in extra if e not in kept_extra]
    invited = tuple(dict.fromkeys(panel + extra))
    if not invited:
        raise ActionError("nobody to invite: list the core panel in [people] rapid_review_panel or give --invite EMAIL")
    if not meeting_location(cfg):
        raise ActionError("no meeting place is configured: set [meetings] location to the room or the Teams link, "
                          "so that the invitation says where to go")
    changed = before is None or before.start != start
    last = last_sequence(session, case)
    sequence = (0 if last is None else last + 1) if before is None else before.sequence + (1 if changed else 0)
    meeting = Meeting(start.astimezone(timezone.utc), sequence, invited, tuple(extra))
    if changed or before is None or set(invited) != set(before.invited):
        session.add(AuditEvent(at=now, actor=actor, action=CONVENED, case_id=case.id, detail=json.dumps(
            {"start": meeting.start.isoformat(), "sequence": sequence, "invited": list(invited), "extra": list(extra)})))
    today = now.astimezone(cfg.tz).date()
    ctx = invitation_context(session, cfg, case, meeting, today, working_calendar(cfg))
    subject, text, html = render("panel", "rapid_review_invitation", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, **ctx)
    queued = _queue_calendar(session, cfg, case, meeting, "REQUEST", subject, text, html, now)
    return Convened(meeting, changed, queued, new=before is None)


def _queue_calendar(session: Session, cfg, case: Case, meeting: Meeting, method: str, subject: str, text: str,
                    html: str, now: datetime) -> list[str]:
    """One email per person invited, with the calendar object twice: as the iMIP part (``text/calendar;
    method=...``, which Outlook shows with Accept / Decline) and as an .ics attachment for other clients."""
    data = invitation_ics(cfg, case, meeting, now, method)
    ics = Attachment(f"rapid-review-{case.reference}.ics", "text/calendar", data)
    queued = []
    for email in meeting.invited:
        message = build_email(sender=cfg.smtp.from_, to=email, subject=subject, text=text, html=html, now=now,
                              attachments=[ics], calendar=(method, data))
        for part in message.iter_attachments():
            if part.get_content_type() == "text/calendar":
                part.set_param("method", method)
        key = f"rapid_review:{case.reference}:{meeting.sequence}:{email}"
        if method == "CANCEL":
            key = f"rapid_review_cancel:{case.reference}:{meeting.sequence}:{email}"
        row = enqueue(session, key=key, kind="rapid_review", case_id=case.id, now=now, message=message)
        if row is not None:
            queued.append(email)
    return queued


def last_sequence(session: Session, case: Case) -> int | None:
    """The highest SEQUENCE any invitation or cancellation of the case's meeting carried, or None."""
    seqs = [json.loads(e.detail).get("sequence", 0) for e in session.exec(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action.in_((CONVENED, CANCELLED))))]
    return max(seqs) if seqs else None


def cancel(session: Session, cfg, case: Case, actor: str, now: datetime) -> Meeting:
    """Cancel the case's Rapid Review meeting: METHOD:CANCEL (same UID, SEQUENCE raised) to everybody invited,
    recorded as ``rapid_review_cancelled`` (in the caller's transaction; the caller commits)."""
    before = current_meeting(session, case)
    if before is None:
        raise ActionError(f"{case.reference} has no Rapid Review meeting set, so there is nothing to cancel")
    meeting = Meeting(before.start, before.sequence + 1, before.invited, before.extra)
    session.add(AuditEvent(at=now, actor=actor, action=CANCELLED, case_id=case.id, detail=json.dumps(
        {"start": meeting.start.isoformat(), "sequence": meeting.sequence, "invited": list(meeting.invited)})))
    local = meeting.start.astimezone(cfg.tz)
    subject, text, html = render("panel", "rapid_review_cancelled", organisation=cfg.organisation.name,
                                 group=cfg.organisation.group, reference=case.reference,
                                 when=f"{day(local.date())} at {local:%H:%M}",
                                 manager=f"{cfg.people.manager_name} ({cfg.people.manager})")
    _queue_calendar(session, cfg, case, meeting, "CANCEL", subject, text, html, now)
    return meeting


# -- the Manager's reminder when no meeting is set ----------------------------------------------

@dataclass(frozen=True)
class Unconvened:
    case_id: int
    reference: str
    received: date
    due: date
    stage: str


def unconvened(cases: list[tuple[int, str, date]], convened: set[int], settled: set[int], today: date, cal) -> list[Unconvened]:
    """Cases (id, reference, received date) with no meeting set ``UNSET_AFTER`` working days after they arrived,
    except those whose Rapid Review is over (``settled``: C4 met or waived, a decision recorded, closed).
    The stage is "due" on that day, then "overdue-DATE" on each working day after it."""
    out = []
    for case_id, reference, received in cases:
        if case_id in convened or case_id in settled:
            continue
        due = cal.add(received, UNSET_AFTER)
        if today < due:
            continue
        if today == due:
            stage = "due"
        elif cal.is_working_day(today):
            stage = f"overdue-{today.isoformat()}"
        else:
            continue
        out.append(Unconvened(case_id, reference, received, due, stage))
    return out


def _settled(session: Session) -> set[int]:
    settled = {c.id for c in session.exec(select(Case)) if c.status.startswith("decision:") or c.status == "closed"}
    settled |= {d.case_id for d in session.exec(select(Deadline).where(Deadline.clock == "C4",
                                                                        Deadline.status.in_(["met", "waived"])))}
    return settled


def remind_unconvened(session: Session, cfg, now: datetime, cal, dry_run: bool = False) -> list[dict]:
    """Queue (unless dry_run) the Manager's reminder for each case with no Rapid Review meeting set."""

    if not cfg.people.rapid_review_panel:
        return []   # the partnership does not convene its panel through the bot: nothing to remind about
    today = now.astimezone(cfg.tz).date()
    cases = [(c.id, c.reference, c.received_at.astimezone(cfg.tz).date()) for c in session.exec(select(Case))]
    latest: dict[int, str] = {}
    for e in session.exec(select(AuditEvent).where(AuditEvent.action.in_((CONVENED, CANCELLED))).order_by(AuditEvent.id)):
        latest[e.case_id] = e.action
    convened = {case_id for case_id, action in latest.items() if action == CONVENED}  # a cancelled one reminds again
    out = []
    for u in unconvened(cases, convened, _settled(session), today, cal):
        key = f"rapid_review_unset:{u.reference}:{u.due.isoformat()}:{u.stage}"
        if already_queued(session, key):
            continue
        out.append({"kind": "rapid_review_unset", "to": cfg.people.manager, "case": u.reference, "clock": None,
                    "key": key, "stage": u.stage, "due": u.due.isoformat(), "estimated": None})
        if dry_run:
            continue
        case = session.get(Case, u.case_id)
        c4 = session.exec(select(Deadline).where(Deadline.case_id == case.id, Deadline.clock == "C4")).first()
        token = reply_token(session, cfg, cfg.people.manager, case.reference, "rapid_review_unset", now)
        replies = reply_help(cfg, "rapid_review_unset", token, "manager", reference=case.reference, today=today)
        subject, text, html = render(
            "manager", "rapid_review_unset", organisation=cfg.organisation.name, group=cfg.organisation.group,
            reference=case.reference, initials=case.initials or "?", received=day(u.received),
            set_by=day(u.due), late=distance(u.due, today, cal) if today > u.due else "due today",
            overdue=today > u.due, c4_due=f"{day(c4.due)} ({distance(c4.due, today, cal)})" if c4 else "not set",
            panel=len(cfg.people.rapid_review_panel), replies=replies)
        supersede(session, f"rapid_review_unset:{case.reference}:", key, now)
        enqueue(session, key=key, kind="rapid_review_unset", case_id=case.id, now=now,
                message=build_email(sender=cfg.smtp.from_, to=cfg.people.manager, subject=subject, text=text,
                                    html=html, now=now, reply_to=replies["reply_to"]))
    return out
