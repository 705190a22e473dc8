"""The report's tables as a reader sees them (issue 25): every count laid out once in a ``Ledger`` with the sums the
tables publish, suppressed once (``intake.report.disclosure.protect``), then written into the tables and the
headline. Every format (HTML, Markdown, CSV, XLSX), every chart and every sentence of the narrative is made from
these tables, so none of them can show what another hides.

A share or a median is shown only when the counts it is made from are all shown, so it adds nothing a reader could
not work out already.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.report.disclosure import (DEFAULT_INTERVAL, HIDDEN, HIDDEN_LINE, HIDDEN_SECONDARY, SHOWN, SMALL, Ledger,
                                      protect)
from intake.report.figures import DECISION_WORDS, Report

NOT_SHOWN = "-"
TOTAL = "Total"
# short names of the clocks, for charts and the headline
CLOCK_SHORT = {"C1": "National Panel told", "C2": "Partners told", "C4": "Rapid Review done",
               "C7": "LCSPR published"}
TIMELINESS_HEADER = ["Question", "Due in the period", "Met on time", "Met late", "Overdue", "Not yet due",
                     "Waived or paused", "Share met on time", "Median time taken"]
ACTIONS_HEADER = ["Agency", "Completed on time", "Completed late", "Overdue", "Open, not yet due", "Total"]


@dataclass
class Table:
    key: str
    title: str                  # a plain-English heading, a question where the table answers one
    header: list[str]
    rows: list[list[str]]       # every cell as shown: a count, "<5", "x", ".." or "-"
    note: str = ""
    empty: bool = False         # nothing in the period: shown as "no data in this period", never as empty axes
    labels: list[str] = field(default_factory=list)   # short row names for charts, where the first column is long


@dataclass(frozen=True)
class Ref:
    """A count of the ledger, placed in a table."""
    cell: int


@dataclass(frozen=True)
class Derived:
    """A cell worked out from counts (a share, a median): shown only when every count it reads is shown."""
    reads: tuple[Ref, ...]
    text: str


@dataclass
class Publication:
    tables: list[Table]
    headline: list[tuple[str, str]]


def _date_words(d) -> str:
    return f"{d.day} {d:%B %Y}"


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else NOT_SHOWN


def _breakdown(ledger: Ledger, key: str, title: str, label: str, items: list[tuple[str, int]], total: int,
               note: str = "") -> tuple:
    cells = [ledger.cell(n) for _, n in items]
    ledger.add_sum(cells, total)
    rows = [[name, Ref(c)] for (name, _), c in zip(items, cells)] + [[TOTAL, Ref(total)]]
    return key, title, [label, "Count"], rows, note, ledger.values[total] == 0, []


def _layout(report: Report, ledger: Ledger) -> tuple[list[tuple], list[tuple[str, object]]]:
    referrals = ledger.cell(report.referrals)
    drafts = [
        _breakdown(ledger, "by_month", "How many referrals did we receive, month by month?", "Month",
                   [(f"{m:%B %Y}", n) for m, n in report.by_month], referrals,
                   "A referral counts in the month it was received."),
        _breakdown(ledger, "by_agency", "Which agencies made the referrals?", "Agency", report.by_agency, referrals,
                   "Agencies are the partnership's partner agencies or a kind of agency, never a setting's own "
                   "name."),
        _breakdown(ledger, "by_incident", "What kind of incident was referred?", "Incident type", report.by_incident,
                   referrals),
    ]
    decided = ledger.cell(sum(n for _, n in report.decisions))
    drafts.append(_breakdown(ledger, "decisions", "What did the group decide?", "Decision", report.decisions, decided,
                             "Each case's latest decision, counted in the period it was made."))
    decision_cell = {name: row[1] for name, row in zip([d for d, _ in report.decisions], drafts[-1][3])}

    rows, shares = [], {}
    for f in report.timeliness:
        parts = [ledger.cell(n) for n in (f.on_time, f.late, f.not_met, f.not_yet_due, f.waived)]
        due = ledger.cell(f.due)
        ledger.add_sum(parts, due)
        judged = tuple(Ref(c) for c in parts[:3])
        share = Derived(judged, _share(f.on_time, f.judged))
        median = f.median
        met = f.on_time + f.late
        median_text = NOT_SHOWN if median is None or met < SMALL else (
            f"{median:g} {f.unit[:-1] if median == 1 else f.unit}")
        rows.append([f.title, Ref(due), *(Ref(c) for c in parts), share, Derived(judged[:2], median_text)])
        shares[f.clock] = share
    drafts.append(("timeliness", "Did we meet the statutory deadlines?", TIMELINESS_HEADER, rows,
                   f"A deadline counts in the period of its due date (extensions and pauses included). \"Not yet "
                   f"due\" is still open on {_date_words(min(report.today, report.period.end))}. The share met on "
                   f"time is of the deadlines met or overdue; the median runs from the clock's start to the day it "
                   f"was met, and is shown for 5 or more.",
                   all(f.due == 0 for f in report.timeliness), [CLOCK_SHORT.get(f.clock, f.clock)
                                                                for f in report.timeliness]))

    body = [[ledger.cell(n) for n in (a.on_time, a.late, a.overdue, a.open)] for a in report.actions]
    row_totals = [ledger.cell(a.total) for a in report.actions]
    column_totals = [ledger.cell(sum(a_n for a_n in column))
                     for column in zip(*[(a.on_time, a.late, a.overdue, a.open) for a in report.actions])] \
        or [ledger.cell(0) for _ in range(4)]
    grand = ledger.cell(sum(a.total for a in report.actions))
    for cells, total in zip(body, row_totals):
        ledger.add_sum(cells, total)
    for j, total in enumerate(column_totals):
        ledger.add_sum([cells[j] for cells in body], total)
    ledger.add_sum(column_totals, grand)
    ledger.add_sum(row_totals, grand)
    rows = [[a.agency, *(Ref(c) for c in cells), Ref(t)] for a, cells, t in zip(report.actions, body, row_totals)]
    rows.append([TOTAL, *(Ref(c) for c in column_totals), Ref(grand)])
    drafts.append(("actions", "Are agencies completing their actions?", ACTIONS_HEADER, rows,
                   f"Actions due in the period; overdue as of {_date_words(report.today)}.", not report.actions, []))

    lcspr = decision_cell[DECISION_WORDS["lcspr"]]
    headline = [("Referrals received", Ref(referrals)), ("Local reviews (LCSPRs) commissioned", lcspr),
                *((f"{CLOCK_SHORT[c]} on time", shares[c]) for c in ("C1", "C2", "C4", "C7") if c in shares),
                ("Actions overdue", Ref(column_totals[2]))]
    return drafts, headline


def publish(report: Report, suppress: bool = True, interval: int = DEFAULT_INTERVAL) -> Publication:
    """Every table of the report and its headline, as shown: the one place where suppression is applied."""
    ledger = Ledger()
    drafts, headline = _layout(report, ledger)
    states = protect(ledger, interval) if suppress else [SHOWN] * len(ledger.values)
    marks = {HIDDEN: HIDDEN, HIDDEN_SECONDARY: HIDDEN_SECONDARY, HIDDEN_LINE: HIDDEN_LINE}

    def show(cell) -> str:
        if isinstance(cell, Ref):
            return marks.get(states[cell.cell], str(ledger.values[cell.cell]))
        if isinstance(cell, Derived):
            return cell.text if all(states[r.cell] == SHOWN for r in cell.reads) else NOT_SHOWN
        return cell

    tables = [Table(key, title, header, [[show(c) for c in row] for row in rows], note, empty, labels)
              for key, title, header, rows, note, empty, labels in drafts]
    return Publication(tables, [(label, show(cell)) for label, cell in headline])


def tables(report: Report, suppress: bool = True, interval: int = DEFAULT_INTERVAL) -> list[Table]:
    return publish(report, suppress, interval).tables


def headline(report: Report, suppress: bool = True, interval: int = DEFAULT_INTERVAL) -> list[tuple[str, str]]:
    """The few numbers a reader looks for first, read from the tables as shown (so suppressed there, here too)."""
    return publish(report, suppress, interval).headline


