"""The annual report's figures (issue 16 part 5): one query step, then pure computation, then suppression.

``gather`` reads what the report needs from the database into plain facts (no names, no initials: a case is
its received date, referring agency and incident type; a deadline its clock, dates and status). ``compute``
turns facts into counts for a period, as of a day (``today``, injected). ``tables`` applies small-number
suppression once, so every output format (HTML, Markdown, CSV, XLSX) and every chart shows the same cells.

Suppression (published safeguarding statistics' practice), on unless ``suppress=False``:
- a count from 1 to 4 is shown as "<5" (0 is shown: it identifies nobody);
- where a breakdown shows a total, hiding one cell is not enough (total minus the others gives it back): while
  the hidden cells are fewer than two, or add up to less than 5, the smallest cell still shown (other than 0)
  is hidden as well, shown as "x";
- a table with totals both ways (actions by agency) is protected along its rows and its columns alike;
- a share or median is shown only when the counts it is made from are shown (and, for a median, at least 5).
Totals of different tables are not protected against each other (the month of a case and its incident type are
in separate tables, never crossed), which is what keeps this simple rule enough.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, timezone

from sqlmodel import Session, select

from intake.store.models import AuditEvent, Case, Deadline
from notifier.workdays import WorkingCalendar

SMALL = 5
HIDDEN = "<5"
HIDDEN_SECONDARY = "x"
NOT_SHOWN = "-"

INCIDENT_WORDS = {"death": "Death of a child", "serious_harm": "Serious harm to a child",
                  "lac_death": "Death of a looked-after child", "care_leaver_death": "Death of a care leaver",
                  "other": "Other", None: "Not given"}
# The decisions of issue 16, in report order; the two other local decisions are shown together.
DECISION_WORDS = {"no_review": "No review", "rapid_review_only": "Rapid Review only", "lcspr": "LCSPR",
                  "national_review": "National review", "other": "Other local or single-agency review"}
# Timeliness: which clocks, the standard, and the unit their median is counted in.
TIMELINESS = (("C1", "Panel notified within 5 working days", "working days"),
              ("C2", "Partners told within 5 working days", "working days"),
              ("C4", "Rapid Review within 15 working days", "working days"),
              ("C7", "LCSPR published within 6 months", "calendar days"))


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
    agency: str | None
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
    agency: str | None
    due: date
    completed_on: date | None
    status: str          # open | met | waived | paused


@dataclass
class Facts:
    cases: list[CaseFact]
    deadlines: list[DeadlineFact]
    decisions: list[DecisionFact]
    actions: list[ActionRow]


def _agency(text) -> str | None:
    words = " ".join(str(text or "").split())
    return words or None


def action_rows(session: Session, period: Period) -> list[ActionRow]:
    """The action items the report counts: those due in the period. The one place that knows where actions live
    (deadlines A1, A2 ... with the agency in the rule), so that another source can replace it."""
    out = []
    for d in session.exec(select(Deadline).where(Deadline.clock.like("A%"), Deadline.due >= period.start,
                                                 Deadline.due <= period.end)):
        try:
            agency = json.loads(d.rule).get("agency")
        except (ValueError, AttributeError):
            agency = None
        out.append(ActionRow(_agency(agency), d.due, d.met_on, d.status))
    return out


def gather(session: Session, period: Period, tz) -> Facts:
    """Everything the report counts, read once. Nothing personal is read into the facts."""
    cases = []
    for c in session.exec(select(Case)):
        at = c.received_at if c.received_at.tzinfo else c.received_at.replace(tzinfo=timezone.utc)  # stored in UTC
        received = at.astimezone(tz).date()
        record = json.loads(c.record_json or "{}")
        cases.append(CaseFact(received, _agency((record.get("referrer") or {}).get("agency")),
                              (record.get("incident") or {}).get("type")))
    deadlines = [DeadlineFact(d.clock, d.anchor_date, d.due, d.status, d.met_on)
                 for d in session.exec(select(Deadline).where(Deadline.clock.in_([c for c, _, _ in TIMELINESS])))]
    latest: dict[int, DecisionFact] = {}
    for e in session.exec(select(AuditEvent).where(AuditEvent.action == "event").order_by(AuditEvent.id)):
        detail = json.loads(e.detail or "{}")
        if detail.get("event") == "decision" and e.case_id is not None:
            latest[e.case_id] = DecisionFact(date.fromisoformat(detail["on"]), detail.get("value") or "lcspr")
    return Facts(cases, deadlines, list(latest.values()), action_rows(session, period))


# -- computation (pure) ---------------------------------------------------------------------------

@dataclass
class ClockFigures:
    clock: str
    title: str
    unit: str
    due: int = 0            # due in the period and judged: met, or open past its due date
    on_time: int = 0
    late: int = 0           # met after the due date
    not_met: int = 0        # open and past due as of the report's day
    waived: int = 0         # waived, or paused (e.g. criminal proceedings): not judged
    elapsed: list[int] = field(default_factory=list)   # anchor to met, in the clock's unit, for met deadlines

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
    by_month: list[tuple[str, int]]
    by_agency: list[tuple[str, int]]
    by_incident: list[tuple[str, int]]
    decisions: list[tuple[str, int]]
    timeliness: list[ClockFigures]
    actions: list[AgencyActions]


def _ranked(counter: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower()))


def compute(facts: Facts, period: Period, today: date, cal: WorkingCalendar) -> Report:
    cases = [c for c in facts.cases if c.received in period]
    by_month = [(date(y, m, 1).strftime("%b %Y"), sum(1 for c in cases if (c.received.year, c.received.month) == (y, m)))
                for y, m in period.months()]
    agencies: dict[str, int] = {}
    names: dict[str, str] = {}        # one spelling per agency, whatever the letter case on the forms
    for c in cases:
        key = (c.agency or "").casefold()
        names.setdefault(key, c.agency or "Not given")
        agencies[names[key]] = agencies.get(names[key], 0) + 1
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
                fig.due += 1
                if d.met_on <= d.due:
                    fig.on_time += 1
                else:
                    fig.late += 1
                fig.elapsed.append(cal.between(d.anchor_date, d.met_on) if unit == "working days"
                                   else (d.met_on - d.anchor_date).days)
            elif d.due < judged_by:
                fig.due += 1
                fig.not_met += 1
        timeliness.append(fig)
    actions: dict[str, AgencyActions] = {}
    for a in facts.actions:
        row = actions.setdefault(a.agency or "Not given", AgencyActions(a.agency or "Not given"))
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
    return Report(period, today, len(cases), by_month, _ranked(agencies),
                  [(k, v) for k, v in incidents.items() if v or k != "Not given"], list(decisions.items()), timeliness,
                  sorted((a for a in actions.values() if a.total), key=lambda a: a.agency.lower()))


# -- suppression and tables ---------------------------------------------------------------------

def protect(counts: list[int], suppress: bool = True, total_shown: bool = True) -> list[str]:
    """Counts as shown: 1-4 become "<5"; where a total is shown, further cells become "x" until no hidden
    cell can be worked out from the total (see the module docstring)."""
    if not suppress:
        return [str(n) for n in counts]
    hidden = [0 < n < SMALL for n in counts]
    secondary = [False] * len(counts)
    if total_shown and any(hidden):
        while True:
            hidden_sum = sum(n for n, h, s in zip(counts, hidden, secondary) if h or s)
            n_hidden = sum(h or s for h, s in zip(hidden, secondary))
            if n_hidden >= 2 and hidden_sum >= SMALL:
                break
            shown = [(n, i) for i, n in enumerate(counts) if not (hidden[i] or secondary[i]) and n > 0]
            if not shown:
                break
            secondary[min(shown)[1]] = True
    return [HIDDEN if h else HIDDEN_SECONDARY if s else str(n) for n, h, s in zip(counts, hidden, secondary)]


def protect_grid(body: list[list[int]], suppress: bool = True, width: int | None = None) -> list[list[str]]:
    """A table of counts with row totals, column totals and the grand total, as shown: the rows of ``body`` each
    followed by its total, then the row of column totals ending in the grand total. Every line (a row with its
    total, a column with its total) is protected as ``protect`` protects a breakdown; hiding a cell for one line can
    expose another, so this repeats until no line gives a hidden count back. A line whose total is hidden gives
    nothing back by itself; where no other cell can be hidden, its total is."""
    width = len(body[0]) if body else (width or 0)
    grid = [list(r) + [sum(r)] for r in body]
    grid.append([sum(r[j] for r in body) for j in range(width)] + [sum(sum(r) for r in body)])
    if not suppress:
        return [[str(v) for v in row] for row in grid]
    primary = [[0 < v < SMALL for v in row] for row in grid]
    secondary = [[False] * len(row) for row in grid]
    lines = ([[(i, j) for j in range(width + 1)] for i in range(len(grid))]
             + [[(i, j) for i in range(len(grid))] for j in range(width + 1)])

    def off(i, j):
        return primary[i][j] or secondary[i][j]

    changed = True
    while changed:
        changed = False
        for line in lines:
            *cells, total = line
            if off(*total):
                continue
            hidden = [p for p in cells if off(*p)]
            if not hidden or (len(hidden) >= 2 and sum(grid[i][j] for i, j in hidden) >= SMALL):
                continue
            shown = [(grid[i][j], (i, j)) for i, j in cells if not off(i, j) and grid[i][j] > 0]
            i, j = min(shown)[1] if shown else total
            secondary[i][j] = changed = True
    return [[HIDDEN if primary[i][j] else HIDDEN_SECONDARY if secondary[i][j] else str(v) for j, v in enumerate(row)]
            for i, row in enumerate(grid)]


def total_cell(total: int, suppress: bool = True) -> str:
    return HIDDEN if suppress and 0 < total < SMALL else str(total)


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


def _breakdown(key: str, title: str, label: str, items: list[tuple[str, int]], suppress: bool, total_label="Total") -> Table:
    total = sum(n for _, n in items)
    shown_total = total_cell(total, suppress)
    cells = protect([n for _, n in items], suppress, total_shown=shown_total != HIDDEN)
    rows = [[name, cell] for (name, _), cell in zip(items, cells)]
    rows.append([total_label, shown_total])
    return Table(key, title, [label, "Count"], rows)


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else NOT_SHOWN


def timeliness_table(report: Report, suppress: bool = True) -> Table:
    rows = []
    for f in report.timeliness:
        due = total_cell(f.due, suppress)
        on_time, late, not_met = protect([f.on_time, f.late, f.not_met], suppress, total_shown=due != HIDDEN)
        share = _share(f.on_time, f.due) if not suppress or (due.isdigit() and on_time.isdigit() and f.due >= SMALL) else NOT_SHOWN
        met = f.on_time + f.late
        median = f.median
        median_cell = (NOT_SHOWN if median is None or (suppress and met < SMALL) else f"{median:g} {f.unit}")
        rows.append([f"{f.clock}: {f.title}", due, on_time, late, not_met, share, median_cell,
                     total_cell(f.waived, suppress)])
    return Table("timeliness", "Timeliness", ["Clock", "Due in the period", "Met on time", "Met late",
                                              "Not met (overdue)", "Share on time", "Median time taken",
                                              "Waived or paused"],
                 rows, "A deadline counts in the period of its due date (extensions and pauses included); "
                       "the median runs from the clock's start to the day it was met.")


def actions_table(report: Report, suppress: bool = True) -> Table:
    """Agencies by outcome, with row and column totals: protected in both directions (``protect_grid``)."""
    body = [[a.on_time, a.late, a.overdue, a.open] for a in report.actions]
    shown = protect_grid(body, suppress, width=4)
    rows = [[a.agency, *cells] for a, cells in zip(report.actions, shown)] + [["Total", *shown[-1]]]
    return Table("actions", "Actions by agency", ["Agency", "Completed on time", "Completed late", "Overdue",
                                                   "Open, not yet due", "Total"], rows,
                 f"Actions due in the period; overdue as of {report.today.isoformat()}.")


def tables(report: Report, suppress: bool = True) -> list[Table]:
    """Every table of the report, as shown: the one place where suppression is applied."""
    out = [
        _breakdown("by_month", "Referrals by month", "Month", report.by_month, suppress),
        _breakdown("by_agency", "Referrals by referring agency", "Agency", report.by_agency, suppress),
        _breakdown("by_incident", "Referrals by incident type", "Incident type", report.by_incident, suppress),
        _breakdown("decisions", "Decisions made in the period", "Decision", report.decisions, suppress),
        timeliness_table(report, suppress),
        actions_table(report, suppress),
    ]
    return out


def headline(report: Report, suppress: bool = True) -> list[tuple[str, str]]:
    """The few numbers a reader looks for first, read from the tables as shown (so suppressed there, here too)."""
    shown = {t.key: t for t in tables(report, suppress)}
    t = {r[0].split(":")[0]: r for r in shown["timeliness"].rows}
    decisions = {r[0]: r[1] for r in shown["decisions"].rows}
    return [("Referrals", total_cell(report.referrals, suppress)),
            ("LCSPRs commissioned", decisions[DECISION_WORDS["lcspr"]]),
            ("C1 met on time", t["C1"][5]), ("C2 met on time", t["C2"][5]), ("C4 met on time", t["C4"][5]),
            ("C7 met on time", t["C7"][5]),
            ("Actions overdue", shown["actions"].rows[-1][3])]
