"""The annual report's figures (issue 16 part 5, issue 25): one query step, then pure computation.

``gather`` reads what the report needs from the database into plain facts (no names, no initials: a case is
its received date, the agency *category* it came from and its incident type; a deadline its clock, dates and
status). ``compute`` turns facts into counts for a period, as of a day (``today``, injected).
``intake.report.tables`` lays the counts out as tables and suppresses small numbers once, so every output
format and every chart shows the same cells.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, timezone

from sqlmodel import Session, select

from intake.report.agencies import AgencyMap
from intake.store.models import AuditEvent, Case, Deadline
from notifier.workdays import WorkingCalendar

INCIDENT_WORDS = {"death": "Death of a child", "serious_harm": "Serious harm to a child",
                  "lac_death": "Death of a looked-after child", "care_leaver_death": "Death of a care leaver",
                  "other": "Other", None: "Not given"}
# The decisions of issue 16, in report order; the two other local decisions are shown together.
DECISION_WORDS = {"no_review": "No review", "rapid_review_only": "Rapid Review only",
                  "lcspr": "Local child safeguarding practice review (LCSPR)", "national_review": "National review",
                  "other": "Other local or single-agency review"}
# Timeliness: which clocks, the question a reader asks of them, the standard, and the unit of their median.
TIMELINESS = (("C1", "Did we tell the National Panel within 5 working days?", "working days"),
              ("C2", "Did we tell the safeguarding partners within 5 working days?", "working days"),
              ("C4", "Was the Rapid Review done within 15 working days?", "working days"),
              ("C7", "Was each local review (LCSPR) published within 6 months?", "calendar days"))


@dataclass(frozen=True)
class Period:
    start: date
    end: date           # inclusive

    def __contains__(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.end

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.start.year, self.start.month)
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


@dataclass(frozen=True)
class CaseFact:
    received: date
    agency: str                 # a partner agency or a category (intake.report.agencies), never the form's text
    incident_type: str | None


@dataclass(frozen=True)
class DeadlineFact:
    clock: str
    anchor_date: date
    due: date
    status: str
    met_on: date | None


@dataclass(frozen=True)
class DecisionFact:
    on: date
    value: str


@dataclass(frozen=True)
class ActionRow:
    """One action item, whatever its source: today a deadline A1, A2 ... made by ``intake action``."""
    agency: str                 # a partner agency or a category, never the plan's text
    due: date
    completed_on: date | None
    status: str          # open | met | waived | paused


@dataclass
class Facts:
    cases: list[CaseFact]
    deadlines: list[DeadlineFact]
    decisions: list[DecisionFact]
    actions: list[ActionRow]
    agency_rows: list[str] = field(default_factory=list)    # every agency row, in the report's order


def action_rows(session: Session, period: Period, agencies: AgencyMap) -> list[ActionRow]:
    """The action items the report counts: those due in the period. The one place that knows where actions live
    (deadlines A1, A2 ... with the agency in the rule), so that another source can replace it."""
    out = []
    for d in session.exec(select(Deadline).where(Deadline.clock.like("A%"), Deadline.due >= period.start,
                                                 Deadline.due <= period.end)):
        try:
            agency = json.loads(d.rule).get("agency")
        except (ValueError, AttributeError):
            agency = None
        out.append(ActionRow(agencies.category(agency), d.due, d.met_on, d.status))
    return out


def gather(session: Session, period: Period, tz, agencies: AgencyMap | None = None) -> Facts:
    """Everything the report counts, read once. Nothing personal is read into the facts, and an agency is read
    only as far as its row (``agencies``: the configured partners, else a category)."""
    agencies = agencies or AgencyMap()
    cases = []
    for c in session.exec(select(Case)):
        at = c.received_at if c.received_at.tzinfo else c.received_at.replace(tzinfo=timezone.utc)  # stored in UTC
        received = at.astimezone(tz).date()
        record = json.loads(c.record_json or "{}")
        referrer = record.get("referrer") or {}
        cases.append(CaseFact(received, agencies.category(referrer.get("agency"),
                                                          referrer.get("email") or c.referrer_email),
                              (record.get("incident") or {}).get("type")))
    deadlines = [DeadlineFact(d.clock, d.anchor_date, d.due, d.status, d.met_on)
                 for d in session.exec(select(Deadline).where(Deadline.clock.in_([c for c, _, _ in TIMELINESS])))]
    latest: dict[int, DecisionFact] = {}
    for e in session.exec(select(AuditEvent).where(AuditEvent.action == "event").order_by(AuditEvent.id)):
        detail = json.loads(e.detail or "{}")
        if detail.get("event") == "decision" and e.case_id is not None:
            latest[e.case_id] = DecisionFact(date.fromisoformat(detail["on"]), detail.get("value") or "lcspr")
    return Facts(cases, deadlines, list(latest.values()), action_rows(session, period, agencies), agencies.rows())


# -- computation (pure) ---------------------------------------------------------------------------

@dataclass
class ClockFigures:
    clock: str
    title: str
    unit: str
    on_time: int = 0
    late: int = 0           # met after the due date
    not_met: int = 0        # open and past due as of the report's day
    not_yet_due: int = 0    # open, due in the period but after the report's day
    waived: int = 0         # waived, or paused (e.g. criminal proceedings): not judged
    elapsed: list[int] = field(default_factory=list)   # anchor to met, in the clock's unit, for met deadlines

    @property
    def due(self) -> int:
        """Every clock due in the period, whatever became of it."""
        return self.on_time + self.late + self.not_met + self.not_yet_due + self.waived

    @property
    def judged(self) -> int:
        """The clocks whose outcome is known: met (on time or late) or overdue."""
        return self.on_time + self.late + self.not_met

    @property
    def median(self) -> float | None:
        return statistics.median(self.elapsed) if self.elapsed else None


@dataclass
class AgencyActions:
    agency: str
    on_time: int = 0
    late: int = 0           # completed after the due date
    overdue: int = 0        # not completed, past due
    open: int = 0           # not completed, not yet due

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue + self.open


@dataclass
class Report:
    period: Period
    today: date
    referrals: int
    by_month: list[tuple[date, int]]            # the first day of each month
    by_agency: list[tuple[str, int]]
    by_incident: list[tuple[str, int]]
    decisions: list[tuple[str, int]]
    timeliness: list[ClockFigures]
    actions: list[AgencyActions]


def _in_order(counts: dict[str, int], order: list[str]) -> list[tuple[str, int]]:
    """Every row of ``order`` (zeros included: a reader sees the whole list), then any other row that has a count."""
    rows = [(name, counts.get(name, 0)) for name in order]
    return rows + [(name, n) for name, n in counts.items() if name not in order and n]


def compute(facts: Facts, period: Period, today: date, cal: WorkingCalendar) -> Report:
    cases = [c for c in facts.cases if c.received in period]
    by_month = [(date(y, m, 1), sum(1 for c in cases if (c.received.year, c.received.month) == (y, m)))
                for y, m in period.months()]
    agencies: dict[str, int] = {}
    for c in cases:
        agencies[c.agency] = agencies.get(c.agency, 0) + 1
    incidents = {INCIDENT_WORDS.get(t, "Other"): 0 for t in INCIDENT_WORDS}
    for c in cases:
        incidents[INCIDENT_WORDS.get(c.incident_type, "Other")] += 1
    decisions = {words: 0 for words in DECISION_WORDS.values()}
    for d in facts.decisions:
        if d.on in period:
            decisions[DECISION_WORDS.get(d.value, DECISION_WORDS["other"])] += 1
    judged_by = min(today, period.end)
    timeliness = []
    for clock, title, unit in TIMELINESS:
        fig = ClockFigures(clock, title, unit)
        for d in facts.deadlines:
            if d.clock != clock or d.due not in period:
                continue
            if d.status in ("waived", "paused"):   # not judged: it no longer applies, or its clock is stopped
                fig.waived += 1
            elif d.status == "met" and d.met_on:
                if d.met_on <= d.due:
                    fig.on_time += 1
                else:
                    fig.late += 1
                fig.elapsed.append(cal.between(d.anchor_date, d.met_on) if unit == "working days"
                                   else (d.met_on - d.anchor_date).days)
            elif d.due < judged_by:
                fig.not_met += 1
            else:
                fig.not_yet_due += 1
        timeliness.append(fig)
    actions: dict[str, AgencyActions] = {}
    for a in facts.actions:
        row = actions.setdefault(a.agency, AgencyActions(a.agency))
        if a.status == "waived":
            continue
        if a.status == "met" and a.completed_on:
            if a.completed_on <= a.due:
                row.on_time += 1
            else:
                row.late += 1
        elif a.due < today:
            row.overdue += 1
        else:
            row.open += 1
    order = facts.agency_rows or list(AgencyMap().rows())
    ranked = {name: i for i, name in enumerate(order)}
    return Report(period, today, len(cases), by_month, _in_order(agencies, order),
                  [(k, v) for k, v in incidents.items() if v or k != "Not given"], list(decisions.items()), timeliness,
                  sorted((a for a in actions.values() if a.total), key=lambda a: (ranked.get(a.agency, len(order)),
                                                                                  a.agency.lower())))
