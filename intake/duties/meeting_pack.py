"""The Chair's meeting pack: what the group should see at each meeting (referrals awaiting a decision, rapid
reviews due or done, LCSPRs and commissioned reviews in progress, slipping actions, decisions since the last one).

Case lines carry references and initials only. The meeting dates and the .ics invitation are the notifier's
(``notifier.meetings``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlmodel import Session, select

from intake.duties.attendance import attendance, attendance_summary
from intake.duties.review import pack_lines
from intake.store.models import AuditEvent, Case, Deadline
from notifier.summary import INCIDENT_TYPES
from notifier.wording import day, distance

ACTIONS_LATE_FOR_PACK = 5  # working days overdue before an action is in the Chair's meeting pack


def pack_context(session: Session, cfg, meeting: date, today: date, cal, dates: tuple[date, ...]) -> dict:
    earlier = [d for d in dates if d < meeting]
    since = earlier[-1] if earlier else today - timedelta(days=31)
    cases = {c.id: c for c in session.exec(select(Case))}
    incident = {cid: (json.loads(c.record_json or "{}").get("incident") or {}).get("type") for cid, c in cases.items()}
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
            reviews.append({**who(cases[d.case_id]), "what": f"due {day(d.due)}, {distance(d.due, today, cal)}", "rag": "red" if d.due <= today else "amber",
                            "attendance": attendance_summary(attendance(session, cases[d.case_id]))})
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
    # commissioned reviews: reviewer, next milestone, overdue milestones
    commissioned = pack_lines(session, cfg, today, cal)
    since_words = (f"Since the last meeting ({day(since)})" if earlier else f"Over the last month (since {day(since)})")
    return {"meeting": day(meeting), "since": since_words, "awaiting": awaiting, "reviews": reviews, "lcsprs": lcsprs,
            "actions": actions, "decisions": decisions, "commissioned": commissioned,
            "time": cfg.meetings.time, "place": cfg.meetings.place}
