"""Clock rules (DESIGN 2.1) and deadline computation: pure functions of dates and rules.

A rule names its anchor as a chain of sources tried in order; a deadline computed
from a fallback anchor is *estimated*. C4 may take two anchors and remind on the earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from intake.errors import ConfigError
from notifier.workdays import WorkingCalendar, add_months

AWARE_CHAIN = ("incident.date_la_aware", "incident.date", "received")


@dataclass(frozen=True)
class ClockRule:
    id: str
    title: str
    anchors: tuple[str, ...]            # fallback chain; the first is the real anchor
    amount: int
    unit: str                            # working_days | calendar_months | working_days_before
    statutory: bool = False
    manager_offsets: tuple[int, ...] = (3, 1, 0)
    chair_offsets: tuple[int, ...] = ()
    chair_overdue_after: int | None = None   # working days overdue before the Chair is told
    alt_anchors: tuple[str, ...] = ()        # C4: a second anchor; the earlier due date wins
    on_resume: str = "extend"                # RESUME: "extend" the due date by the working days paused, or "keep" it


DEFAULT_RULES: tuple[ClockRule, ...] = (
    ClockRule("C1", "Notify the national Panel (Serious Incident Notification)", AWARE_CHAIN, 5, "working_days",
              statutory=True, chair_offsets=(1, 0), chair_overdue_after=1),
    ClockRule("C2", "Report the incident to the safeguarding partners", AWARE_CHAIN, 5, "working_days",
              statutory=True, chair_offsets=(1, 0), chair_overdue_after=1),
    ClockRule("C4", "Rapid Review completed and sent to the Panel", AWARE_CHAIN, 15, "working_days",
              statutory=True, chair_offsets=(1, 0), chair_overdue_after=1, alt_anchors=("notification_sent",)),
    ClockRule("C7", "LCSPR completed and published", ("lcspr_decision",), 6, "calendar_months",
              chair_overdue_after=5),
    ClockRule("C8", "Final LCSPR report sent to the Panel, Secretary of State and Ofsted", ("publication_planned",),
              7, "working_days_before", chair_overdue_after=5),
    # The commissioned review's milestones (issue 16), from the LCSPR decision; publication itself is C7. The Manager
    # is reminded; the Chair sees them in the meeting pack (no escalation emails).
    ClockRule("L1", "Reviewer's terms of reference agreed", ("lcspr_decision",), 20, "working_days"),
    ClockRule("L2", "First draft of the LCSPR report", ("lcspr_decision",), 4, "calendar_months"),
    ClockRule("L3", "Final LCSPR report", ("lcspr_decision",), 5, "calendar_months"),
)


# Single-agency action items (A1, A2 ...): their own due date; the Chair hears when 5 working days overdue.
ACTION_RULE = ClockRule("A", "Action plan item", ("action_agreed",), 0, "working_days", chair_overdue_after=5)


@dataclass(frozen=True)
class Computed:
    clock: str
    title: str
    anchor: str
    anchor_date: date
    due: date
    estimated: bool
    rule: dict = field(default_factory=dict, compare=False)
    referred_late: date | None = None   # the statutory due date that had passed before the referral arrived


def due_date(rule: ClockRule, anchor_date: date, cal: WorkingCalendar) -> date:
    if rule.unit == "working_days":
        return cal.add(anchor_date, rule.amount)
    if rule.unit == "working_days_before":
        return cal.add(anchor_date, -rule.amount)
    if rule.unit == "calendar_months":
        return add_months(anchor_date, rule.amount)
    raise ValueError(rule.unit)


def _first(chain: tuple[str, ...], dates: dict[str, date | None]):
    for i, name in enumerate(chain):
        if dates.get(name):
            return name, dates[name], i > 0
    return None


CHECKED_DATES = ("incident.date_la_aware", "incident.date", "date_panel_notified")


def untrusted_dates(dates: dict[str, date | None], births: list[date], received: date) -> dict[str, str]:
    """Form dates that cannot be right, by name, with the reason: later than the day the email arrived, more than
    two years before it, an incident before the child's date of birth (every child's, when several are named), or
    a Panel notification before the incident. Such a date stays in the record but starts no clock: the clock falls
    back to the next anchor of its rule (the received date, estimated; for C4, the date the LA became aware)."""
    out = {}
    try:
        two_years_before = received.replace(year=received.year - 2)
    except ValueError:  # 29 February
        two_years_before = received.replace(year=received.year - 2, day=28)
    for name in CHECKED_DATES:
        d = dates.get(name)
        if d is None:
            continue
        if d > received:
            out[name] = "later than the day the referral arrived"
        elif d < two_years_before:
            out[name] = "more than two years before the referral arrived"
        elif name != "date_panel_notified" and births and all(d < b for b in births):
            out[name] = "before the child's date of birth"
    incident = dates.get("incident.date") if "incident.date" not in out else None
    notified = dates.get("date_panel_notified")
    if notified and incident and "date_panel_notified" not in out and notified < incident:
        out["date_panel_notified"] = "before the incident"
    return out


def compute(rules, dates: dict[str, date | None], cal: WorkingCalendar) -> list[Computed]:
    """Deadlines for the anchors known so far. ``dates`` maps anchor names to dates."""
    out = []
    for rule in rules:
        found = _first(rule.anchors, dates)
        candidates = []
        if found:
            name, d, est = found
            candidates.append((due_date(rule, d, cal), name, d, est))
        if rule.alt_anchors:
            alt = _first(rule.alt_anchors, dates)
            if alt:
                candidates.append((due_date(rule, alt[1], cal), alt[0], alt[1], False))
        if not candidates:
            continue
        due, name, d, est = min(candidates)
        out.append(Computed(rule.id, rule.title, name, d, due, est,
                            {"amount": rule.amount, "unit": rule.unit, "anchors": list(rule.anchors),
                             "alt_anchors": list(rule.alt_anchors)}))
    return out


def referred_late(computed: list[Computed], rules, received: date, cal: WorkingCalendar) -> list[Computed]:
    """A clock whose due date had passed before the referral arrived is "referred after the deadline": nobody here
    could have met it, so it is tracked from the day of receipt (the rule's period counted from that day, anchor
    "received") and carries the statutory due date that was missed, for the record and the one notice."""
    by_id = {r.id: r for r in rules}
    out = []
    for c in computed:
        rule = by_id.get(c.clock)
        if rule is None or c.due >= received or rule.unit == "working_days_before":
            out.append(c)
            continue
        out.append(replace(c, anchor="received", anchor_date=received, due=due_date(rule, received, cal), estimated=False,
                           referred_late=c.due))
    return out


RULE_KEYS = {"title", "amount", "unit", "anchors", "manager_offsets", "chair_offsets", "chair_overdue_after", "statutory",
             "on_resume"}
DEADLINE_KEYS = {"extra_closures", "meeting_dates", "rules", "digest_horizon_days", "stale_mailbox_hours"}


def rules_from_config(section: dict) -> tuple[tuple[ClockRule, ...], WorkingCalendar, dict]:
    """[deadlines] -> (rules, calendar, other settings), rejecting unknown keys with a hint."""
    for key in section:
        if key not in DEADLINE_KEYS:
            raise ConfigError(f"unknown key deadlines.{key}; known keys: {', '.join(sorted(DEADLINE_KEYS))}")

    def dates(key):
        out = []
        for v in section.get(key, []):
            try:
                out.append(v if isinstance(v, date) else date.fromisoformat(str(v)))
            except ValueError:
                raise ConfigError(f"deadlines.{key} must list dates like 2026-12-29, not {v!r}") from None
        return tuple(out)

    rules = {r.id: r for r in DEFAULT_RULES}
    for rid, values in (section.get("rules") or {}).items():
        if not isinstance(values, dict):
            raise ConfigError(f"deadlines.rules.{rid} must be a table")
        bad = set(values) - RULE_KEYS
        if bad:
            raise ConfigError(f"unknown key deadlines.rules.{rid}.{sorted(bad)[0]}; known keys: {', '.join(sorted(RULE_KEYS))}")
        if values.get("unit", "working_days") not in ("working_days", "calendar_months", "working_days_before"):
            raise ConfigError(f"deadlines.rules.{rid}.unit must be working_days, calendar_months or working_days_before")
        if values.get("on_resume", "extend") not in ("extend", "keep"):
            raise ConfigError(f"deadlines.rules.{rid}.on_resume must be \"extend\" or \"keep\"")
        base = rules.get(rid) or ClockRule(rid, values.get("title", rid), tuple(values.get("anchors", AWARE_CHAIN)),
                                           int(values.get("amount", 5)), values.get("unit", "working_days"))
        conv = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        if "anchors" in conv:
            conv["anchors"] = tuple(conv["anchors"])
        rules[rid] = replace(base, **conv)
    settings = {"meeting_dates": dates("meeting_dates"), "digest_horizon_days": int(section.get("digest_horizon_days", 10)),
                "stale_mailbox_hours": int(section.get("stale_mailbox_hours", 6))}
    return tuple(rules.values()), WorkingCalendar(dates("extra_closures")), settings
