"""Answers to the Rapid Review invitation (issue 24.7): Outlook's Accept, Tentative and Decline come back as a
``text/calendar`` part with METHOD:REPLY; each is recorded as the attendee's answer for that meeting.

``calendar_answers`` is pure: the answers (UID, attendee, PARTSTAT, SEQUENCE) in a message's calendar parts, read
with ``icalendar``. ``record_answers`` matches each to a case's meeting by the UID its invitation carries
(``rapid-review-REF@domain``, ``intake.duties.rapid_review``) and to an invited person by the ATTENDEE or, failing
that, the sender; it keeps the latest answer per case and person (``meeting_attendance``) and audits it. An answer
is never a change to the case and never a command: nothing is sent back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from intake.duties.rapid_review import current_meeting
from notifier.ics import meeting_uid
from intake.store.models import Attendance, AuditEvent, Case

ANSWERS = {"ACCEPTED": "accepted", "TENTATIVE": "tentative", "DECLINED": "declined", "DELEGATED": "delegated",
           "NEEDS-ACTION": "no answer yet"}


@dataclass(frozen=True)
class CalendarAnswer:
    uid: str
    attendee: str | None      # lower-cased address from ATTENDEE (mailto:), None when absent
    partstat: str              # ACCEPTED, TENTATIVE, DECLINED, ...
    sequence: int


def is_calendar_reply(data: bytes) -> bool:
    """A cheap look before parsing: the part says METHOD:REPLY."""
    return b"METHOD:REPLY" in data.upper().replace(b"\r\n ", b"")


def _address(value) -> str | None:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower() or None


def calendar_answers(parts: list[bytes]) -> list[CalendarAnswer]:
    """Every attendee answer in METHOD:REPLY calendar parts (pure); a part that cannot be parsed gives none."""
    from icalendar import Calendar  # an adapter's library, loaded when a calendar part arrives

    out = []
    for data in parts:
        try:
            cal = Calendar.from_ical(data)
        except Exception:   # not a calendar after all: no answer in it
            continue
        if str(cal.get("method", "")).upper() != "REPLY":
            continue
        for event in cal.walk("VEVENT"):
            attendees = event.get("attendee") or []
            attendees = attendees if isinstance(attendees, list) else [attendees]
            for a in attendees or [None]:
                partstat = str(getattr(a, "params", {}).get("PARTSTAT", "")).upper() if a is not None else ""
                out.append(CalendarAnswer(str(event.get("uid", "")), _address(a) if a is not None else None,
                                          partstat or "NEEDS-ACTION", int(event.get("sequence", 0) or 0)))
    return out


def record_answers(session: Session, cfg, answers: list[CalendarAnswer], sender: str | None, inbound_id: int | None,
                   now: datetime) -> list[str]:
    """Record each answer that matches a meeting and an invited person; returns a line per answer for the
    message's reasons (references and answers only: no addresses)."""
    lines = []
    for a in answers:
        m = re.search(rf"\b({re.escape(cfg.organisation.reference_prefix)}-\d{{4}}-\d{{4,}})\b", a.uid, re.I)
        case = session.exec(select(Case).where(Case.reference == m.group(1).upper())).first() if m else None
        meeting = current_meeting(session, case) if case is not None and a.uid == meeting_uid(case.reference, cfg.smtp.from_) else None
        if meeting is None:
            lines.append("calendar reply for no Rapid Review meeting of ours: not recorded")
            continue
        who = next((p for p in (a.attendee, (sender or "").lower()) if p and p in meeting.invited), None)
        if who is None:
            lines.append(f"calendar reply for {case.reference} from someone not invited: not recorded")
            continue
        row = session.exec(select(Attendance).where(Attendance.case_id == case.id, Attendance.attendee == who)).first()
        row = row or Attendance(case_id=case.id, attendee=who, partstat=a.partstat, answered_at=now)
        row.partstat, row.sequence, row.answered_at, row.inbound_id = a.partstat, a.sequence, now, inbound_id
        session.add(row)
        session.add(AuditEvent(at=now, actor=f"email:{who}", action="meeting_answer", case_id=case.id,
                               detail=json.dumps({"attendee": who, "partstat": a.partstat, "sequence": a.sequence})))
        lines.append(f"calendar reply: {ANSWERS.get(a.partstat, a.partstat.lower())} for the {case.reference} "
                     "Rapid Review meeting")
    return lines


def attendance(session: Session, case: Case) -> list[dict]:
    """Who answered the case's meeting invitation and how, invited order, with those who have not answered
    (for the meeting record and the Chair's pack)."""
    meeting = current_meeting(session, case)
    if meeting is None:
        return []
    rows = {r.attendee: r for r in session.exec(select(Attendance).where(Attendance.case_id == case.id))}
    out = []
    for email in meeting.invited:
        r = rows.get(email)
        out.append({"attendee": email, "answer": ANSWERS.get(r.partstat, r.partstat.lower()) if r else "no answer yet",
                    "for_an_earlier_time": bool(r and r.sequence < meeting.sequence)})
    return out


def attendance_summary(rows: list[dict]) -> str:
    """'2 accepted, 1 declined, 1 no answer yet' (pure)."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["answer"]] = counts.get(r["answer"], 0) + 1
    return ", ".join(f"{n} {answer}" for answer, n in counts.items())
