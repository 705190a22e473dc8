"""The group's meetings and the Chair's meeting pack.

Meeting dates come from ``[meetings] dates`` (and the older ``deadlines.meeting_dates``) or from a rule such
as "second Tuesday" (of every month). Five working days before each meeting the Chair gets the pack:
referrals awaiting a decision, rapid reviews due by the meeting or completed since the last one, LCSPRs in
progress with their C7/C8 dates, overdue action items, decisions recorded since the last meeting and
paused clocks, with an .ics invitation for the meeting. Case lines carry references and initials only.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, datetime, time, timedelta

from intake.errors import ConfigError
from notifier.compose import Attachment
from notifier.ics import event_ics

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_rule(rule: str) -> tuple[int, int] | None:
    """'second Tuesday' -> (2, 1); '' -> None."""
    words = rule.lower().replace(" of the month", "").replace(" of each month", "").split()
    if not words:
        return None
    if len(words) != 2 or words[0] not in ORDINALS or words[1].rstrip("s") not in WEEKDAYS:
        raise ConfigError(f'meetings.rule = {rule!r} is not a rule like "second Tuesday" '
                          "(first, second, third, fourth or last, then a weekday)")
    return ORDINALS[words[0]], WEEKDAYS.index(words[1].rstrip("s"))


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    days = [d for d in range(1, _cal.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, days[n - 1] if n > 0 else days[-1])


def parse_dates(values, key: str) -> tuple[date, ...]:
    out = []
    for v in values or []:
        try:
            out.append(v if isinstance(v, date) else date.fromisoformat(str(v)))
        except ValueError:
            raise ConfigError(f"{key} must list dates like 2027-01-12, not {v!r}") from None
    return tuple(out)


def meeting_dates(cfg, today: date) -> tuple[date, ...]:
    """Listed dates, and the rule's dates from last month to three months ahead, in order."""
    dates = set(parse_dates(cfg.meetings.dates, "meetings.dates"))
    dates |= set(parse_dates(cfg.deadlines.get("meeting_dates", []), "deadlines.meeting_dates"))
    rule = parse_rule(cfg.meetings.rule)
    if rule:
        for offset in range(-1, 4):
            y, m = divmod(today.month - 1 + offset, 12)
            dates.add(nth_weekday(today.year + y, m + 1, *rule))
    return tuple(sorted(dates))


def meeting_ics(cfg, meeting: date, uid_domain: str, now: datetime) -> Attachment:
    hh, mm = (int(x) for x in cfg.meetings.time.split(":"))
    start = datetime.combine(meeting, time(hh, mm), tzinfo=cfg.tz)
    return event_ics(f"meeting-{meeting.isoformat()}.ics", f"meeting-{meeting.isoformat()}@{uid_domain}", now,
                     f"{cfg.organisation.group} meeting", start, start + timedelta(minutes=cfg.meetings.minutes),
                     cfg.meetings.place)


#END
