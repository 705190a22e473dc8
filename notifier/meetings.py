"""The group's meetings and the Chair's meeting pack.

Meeting dates come from ``[meetings] dates`` (and the older ``deadlines.meeting_dates``) or from a rule such
as "second Tuesday" (of every month). Five working days before each meeting the Chair gets the pack:
referrals awaiting a decision, rapid reviews due by the meeting or completed since the last one, LCSPRs in
progress with their C7/C8 dates, overdue action items, decisions recorded since the last meeting and
paused clocks, with an .ics invitation for the meeting. Case lines carry references and initials only.
"""

from __future__ import annotations

import calendar as _cal
import json
from datetime import date, datetime, time, timedelta, timezone

from sqlmodel import Session, select

from intake.errors import ConfigError
from intake.models import AuditEvent, Case, Deadline
from notifier.compose import Attachment
from notifier.wording import day, distance

ACTIONS_LATE_FOR_PACK = 5  # working days overdue before an action is in the Chair's meeting pack
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


def meeting_ics(cfg, meeting: date, uid_domain: str) -> Attachment:
    hh, mm = (int(x) for x in cfg.meetings.time.split(":"))
    start = datetime.combine(meeting, time(hh, mm), tzinfo=cfg.tz).astimezone(timezone.utc)
    end = start + timedelta(minutes=cfg.meetings.minutes)
    stamp = "%Y%m%dT%H%M%SZ"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//referral-intake//EN", "METHOD:PUBLISH", "BEGIN:VEVENT",
             f"UID:meeting-{meeting.isoformat()}@{uid_domain}", f"DTSTAMP:{start.strftime(stamp)}",
             f"DTSTART:{start.strftime(stamp)}", f"DTEND:{end.strftime(stamp)}",
             f"SUMMARY:{cfg.organisation.group} meeting"]
    if cfg.meetings.place:
        lines.append(f"LOCATION:{cfg.meetings.place}")
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return Attachment(f"meeting-{meeting.isoformat()}.ics", "text/calendar", "\r\n".join(lines).encode())


def pack_context(session: Session, cfg, meeting: date, today: date, cal, dates: tuple[date, ...]) -> dict:
    earlier = [d for d in dates if d < meeting]
    since = earlier[-1] if earlier else today - timedelta(days=31)
    cases = {c.id: c for c in session.exec(select(Case))}
    incident = {cid: (json.loads(c.record_json or "{}").get("incident") or {}).get("type") for cid, c in cases.items()}
    from notifier.summary import INCIDENT_TYPES

    def who(c: Case) -> dict:
        return {"case": c.reference, "child": c.initials or "?", "received": day(c.received_at.astimezone(cfg.tz).date()),
                "incident_type": INCIDENT_TYPES.get(incident.get(c.id), "not given")}

    deadlines = session.exec(select(Deadline).order_by(Deadline.due, Deadline.clock)).all()
    by_case: dict[int, dict[str, Deadline]] = {}
    for d in deadlines:
        by_case.setdefault(d.case_id, {})[d.clock] = d
    awaiting = []
    for c in sorted(cases.values(), key=lambda c: (c.year, c.seq)):
        if c.status.startswith("decision:") or c.status == "closed":
            continue
        c4 = by_case.get(c.id, {}).get("C4")
        awaiting.append({**who(c), "c4": f"due {day(c4.due)}, {distance(c4.due, today, cal)}" if c4 and c4.status == "open"
                         else (f"completed {day(c4.met_on)}" if c4 and c4.met_on else "not started")})
    reviews = []
    for d in deadlines:
        if d.clock != "C4":
            continue
        if d.status == "open" and d.due <= meeting:
            reviews.append({**who(cases[d.case_id]), "what": f"due {day(d.due)}, {distance(d.due, today, cal)}", "rag": "red" if d.due <= today else "amber"})
        elif d.status == "met" and d.met_on and d.met_on >= since:
            reviews.append({**who(cases[d.case_id]), "what": f"completed {day(d.met_on)}", "rag": "green"})
    lcsprs = []
    for cid, clocks in by_case.items():
        if any(k in clocks and clocks[k].status == "open" for k in ("C7", "C8")):
            lcsprs.append({**who(cases[cid]), **{k.lower(): (f"{day(clocks[k].due)} ({distance(clocks[k].due, today, cal)})"
                                                         if k in clocks and clocks[k].status == "open" else "not set")
                                                 for k in ("C7", "C8")}})
    # action items 5 or more working days overdue (DESIGN 2.3; issue 16): slippage the group should see
    actions = [{**who(cases[d.case_id]), "clock": d.clock, "title": d.title, "due": day(d.due),
                "late": distance(d.due, today, cal)}
               for d in deadlines if d.clock.startswith("A") and d.status == "open" and d.due < today
               and cal.between(d.due, today) >= ACTIONS_LATE_FOR_PACK]
    decisions = []
    for e in session.exec(select(AuditEvent).where(AuditEvent.action == "event").order_by(AuditEvent.at)):
        detail = json.loads(e.detail)
        if detail.get("event") == "decision" and date.fromisoformat(detail["on"]) >= since and e.case_id in cases:
            decisions.append({**who(cases[e.case_id]), "decision": detail.get("value") or "?", "on": day(detail["on"])})
    from intake.review import pack_lines  # commissioned reviews: reviewer, next milestone, overdue milestones

    commissioned = pack_lines(session, cfg, today, cal)
    since_words = (f"Since the last meeting ({day(since)})" if earlier else f"Over the last month (since {day(since)})")
    return {"meeting": day(meeting), "since": since_words, "awaiting": awaiting, "reviews": reviews, "lcsprs": lcsprs,
            "actions": actions, "decisions": decisions, "commissioned": commissioned,
            "time": cfg.meetings.time, "place": cfg.meetings.place}
