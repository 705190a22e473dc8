"""Calendar files (.ics, RFC 5545) attached to reminders and the meeting pack, built with ``icalendar``.

The library does the escaping (a place such as "Room 2, Cunard Building; 3rd floor" stays one LOCATION) and
the line folding; DTSTAMP is when the file was made, never the event's start.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from icalendar import Calendar, Event

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
