"""Calendar objects (RFC 5545), built with ``icalendar``: the meeting pack's .ics and the Rapid Review invitation
(iMIP: a ``text/calendar; method=REQUEST`` part, its updates and its cancellation).

The library does the escaping (a place such as "Room 2, Cunard Building; 3rd floor" stays one LOCATION) and
the line folding; DTSTAMP is when the file was made, never the event's start.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import parseaddr

from icalendar import Calendar, Event, vCalAddress, vText

from notifier.compose import Attachment


def event_ics(filename: str, uid: str, now: datetime, summary: str, start: date | datetime, end: date | datetime,
              location: str = "") -> Attachment:
    """One VEVENT (METHOD:PUBLISH). ``start``/``end``: dates for an all-day event, aware datetimes otherwise."""
    cal = Calendar()
    cal.add("prodid", "-//referral-intake//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(timezone.utc))
    for name, value in (("dtstart", start), ("dtend", end)):
        event.add(name, value.astimezone(timezone.utc) if isinstance(value, datetime) else value)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    cal.add_component(event)
    return Attachment(filename, "text/calendar", cal.to_ical())


# -- the Rapid Review invitation (iMIP, RFC 6047): Outlook and Google show Accept / Decline ----------------------

def meeting_uid(reference: str, from_address: str) -> str:
    """The one UID of a case's Rapid Review meeting, kept for every update and the cancellation:
    ``rapid-review-SIRG-2026-0001@<domain of smtp.from>`` (a reply's UID names its case)."""
    domain = parseaddr(from_address)[1].rsplit("@", 1)[-1].strip() or "localhost"
    return f"rapid-review-{reference}@{domain}"


def invitation(*, method: str, uid: str, sequence: int, now: datetime, start: datetime, minutes: int, summary: str,
               description: str, location: str, organizer: str, organizer_name: str, sent_by: str,
               attendees: list[str]) -> bytes:
    """A METHOD:REQUEST (new meeting, or a new time with a higher SEQUENCE) or METHOD:CANCEL calendar object.

    ORGANIZER is ``organizer`` named ``organizer_name`` (the Manager's name at the referral mailbox, so that answers
    come back to the service), with SENT-BY when another address sends it; every attendee is asked to reply (RSVP). A CANCEL keeps the UID, raises the SEQUENCE and says STATUS:CANCELLED."""
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"method {method!r}: REQUEST or CANCEL")
    cal = Calendar()
    cal.add("prodid", "-//referral-intake//rapid review//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", now.astimezone(timezone.utc))
    event.add("dtstart", start.astimezone(timezone.utc))
    event.add("dtend", start.astimezone(timezone.utc) + timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", location)
    who = vCalAddress(f"mailto:{organizer}")
    who.params["cn"] = vText(organizer_name)
    if sent_by and sent_by.lower() != organizer.lower():
        who.params["sent-by"] = vText(f"mailto:{sent_by}")
    event.add("organizer", who)
    for email in attendees:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    cal.add_component(event)
    return cal.to_ical()
