"""Issue 25 part 1: the annual report's small-number suppression holds against arithmetic.

The attack here is written from the published tables alone (the strings a reader sees) and what a reader knows:
a shown count is exact, "<5" is 1 to 4, "x" is 5 or more, ".." is 0 to 4, every count is a whole number, and the sums the tables
print (totals of rows and columns, the one referral total shared by three tables and the headline) hold. It
minimises and maximises every hidden cell with scipy's linprog; each must keep at least the protection interval
of possible values.
"""

from __future__ import annotations

import math
import random
from datetime import date

import pytest
from scipy.optimize import linprog

from intake import config as config_mod
from intake.cli import report as report_cli
from intake.cli.program import main
from intake.report.disclosure import Ledger, protect
from intake.report.figures import AgencyActions, ClockFigures, Period, Report, TIMELINESS
from intake.report.tables import TIMELINESS_HEADER, TOTAL, publish
from intake.store.db import open_database

PERIOD = Period(date(2026, 4, 1), date(2027, 3, 31))


class Attack:
    """The reader's linear programme: one variable per published count."""

    def __init__(self):
        self.bounds: list[tuple[float, float | None]] = []
        self.hidden: list[int] = []
        self.rows: list[dict[int, float]] = []

    def cell(self, text: str) -> int:
        i = len(self.bounds)
        if text == "<5":
            self.bounds.append((1, 4))
            self.hidden.append(i)
        elif text == "x":
            self.bounds.append((5, None))
            self.hidden.append(i)
        elif text == "..":
            self.bounds.append((0, 4))
            self.hidden.append(i)
        else:
            self.bounds.append((int(text), int(text)))
        return i

    def same(self, a: int, b: int) -> None:
        self.rows.append({a: 1, b: -1})

    def sums_to(self, parts: list[int], total: int) -> None:
        row: dict[int, float] = {total: -1}
        for p in parts:
            row[p] = row.get(p, 0) + 1
        self.rows.append(row)

    def ranges(self) -> dict[int, tuple[float, float]]:
        n = len(self.bounds)
        a_eq = [[row.get(j, 0) for j in range(n)] for row in self.rows] or None
        b_eq = [0] * len(self.rows) or None
        out = {}
        for i in self.hidden:
            ends = []
            for sign in (1, -1):
                c = [0] * n
                c[i] = sign
                r = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=self.bounds, method="highs")
                assert r.status in (0, 3), r.message
                ends.append(math.inf if r.status == 3 else sign * r.fun)
            out[i] = (ends[0], ends[1])
        return out


def values(lo: float, hi: float) -> float:
    return math.inf if math.isinf(hi) else round(hi) - round(lo) + 1


def attack(pub) -> tuple[Attack, dict[int, tuple[float, float]], dict[int, str]]:
    """Builds the reader's programme from the published tables and headline; returns every hidden cell's range."""
    a, where = Attack(), {}
    tables = {t.key: t for t in pub.tables}

    def cell(text, name):
        i = a.cell(text)
        where[i] = name
        return i

    referral_totals = []
    for key in ("by_month", "by_agency", "by_incident", "decisions"):
        rows = tables[key].rows
        parts = [cell(r[1], f"{key}:{r[0]}") for r in rows if r[0] != TOTAL]
        total = cell(next(r[1] for r in rows if r[0] == TOTAL), f"{key}:Total")
        a.sums_to(parts, total)
        if key != "decisions":
            referral_totals.append(total)
    for other in referral_totals[1:]:
        a.same(referral_totals[0], other)
    headline = dict(pub.headline)
    a.same(referral_totals[0], cell(headline["Referrals received"], "headline:referrals"))
    outcome = [TIMELINESS_HEADER.index(h) for h in ("Met on time", "Met late", "Overdue", "Not yet due",
                                                     "Waived or paused")]
    for r in tables["timeliness"].rows:
        due = cell(r[TIMELINESS_HEADER.index("Due in the period")], f"timeliness:{r[0]}:due")
        a.sums_to([cell(r[j], f"timeliness:{r[0]}:{TIMELINESS_HEADER[j]}") for j in outcome], due)
    grid = [[cell(c, f"actions:{r[0]}:{j}") for j, c in enumerate(r[1:])] for r in tables["actions"].rows]
    for row in grid:
        a.sums_to(row[:4], row[4])
    for j in range(5):
        a.sums_to([row[j] for row in grid[:-1]], grid[-1][j])
    a.same(grid[-1][2], cell(headline["Actions overdue"], "headline:overdue"))
    return a, a.ranges(), where


def narrowed(pub, interval: int) -> list[str]:
    _, ranges, where = attack(pub)
    return [f"{where[i]} in [{lo:g}, {hi:g}]" for i, (lo, hi) in ranges.items() if values(lo, hi) < interval]


def small(rng: random.Random, hi: int = 12) -> int:
    """Counts as a partnership's are: mostly 0 to a few, now and then more."""
    return rng.choice([0, 0, 0, 1, 1, 2, 3, 4, 5, 6, rng.randint(0, hi)])


def random_report(rng: random.Random) -> Report:
    months = [(date(2026 + (m + 3) // 12, (m + 3) % 12 + 1, 1), small(rng)) for m in range(12)]
    referrals = sum(n for _, n in months)
    agencies = ["Police", "Health", "Education", "Children's social care", "Probation", "Other"]

    def spread(total, names):
        counts = dict.fromkeys(names, 0)
        for _ in range(total):
            counts[rng.choice(names[: rng.randint(1, len(names))])] += 1
        return list(counts.items())

    timeliness = [ClockFigures(c, t, u, on_time=small(rng, 20), late=small(rng), not_met=small(rng),
                               not_yet_due=small(rng), waived=small(rng)) for c, t, u in TIMELINESS]
    actions = [AgencyActions(name, small(rng, 25), small(rng), small(rng), small(rng, 25))
               for name in rng.sample(agencies, rng.randint(0, 6))]
    decisions = [(d, small(rng)) for d in ("No review", "Rapid Review only",
                                           "Local child safeguarding practice review (LCSPR)", "National review",
                                           "Other local or single-agency review")]
    return Report(PERIOD, date(2027, 4, 15), referrals, months, spread(referrals, agencies),
                  spread(referrals, ["Death of a child", "Serious harm to a child", "Other"]), decisions,
                  timeliness, [a for a in actions if a.total])


@pytest.mark.parametrize("seed", range(16))
def test_report_suppression_on_random_reports_leaves_no_hidden_count_narrower_than_the_interval(seed):
    # A random report, suppressed, then attacked with linear programming from its published cells: no hidden count
    # can be pinned to fewer than 3 values (and with interval 2 or 4, to fewer than 2 or 4).
    rng = random.Random(seed)
    report = random_report(rng)
    for interval in (2, 3, 4) if seed % 4 == 0 else (3,):
        pub = publish(report, True, interval)
        assert not narrowed(pub, interval), (seed, interval)


@pytest.mark.parametrize("seed", range(120))
def test_protect_on_random_breakdowns_and_grids_keeps_every_hidden_count_in_the_interval(seed):
    # Many small random one-way and two-way tables straight through the ledger (fast): the same attack holds.
    rng = random.Random(1000 + seed)
    ledger, a = Ledger(), Attack()
    width, height = rng.randint(1, 5), rng.randint(1, 5)
    body = [[small(rng) for _ in range(width)] for _ in range(height)]
    cells = [[ledger.cell(v) for v in row] for row in body]
    row_totals = [ledger.cell(sum(row)) for row in body]
    col_totals = [ledger.cell(sum(col)) for col in zip(*body)]
    grand = ledger.cell(sum(map(sum, body)))
    sums = [(row, t) for row, t in zip(cells, row_totals)] + \
           [([row[j] for row in cells], t) for j, t in enumerate(col_totals)] + [(col_totals, grand), (row_totals, grand)]
    for parts, total in sums:
        ledger.add_sum(parts, total)
    states = protect(ledger, 3)
    shown = {"shown": None}
    ids = [a.cell(shown.get(s, s) or str(v)) for v, s in zip(ledger.values, states)]
    for parts, total in sums:
        a.sums_to([ids[p] for p in parts], ids[total])
    assert all(values(lo, hi) >= 3 for lo, hi in a.ranges().values()), (body, states)


@pytest.mark.parametrize("counts, expected", [
    ([5, 1], ["x", "<5"]),            # Police 5, a school 1, total 6: both hidden, and the total with them
    ([10, 4, 4], ["x", "<5", "<5"]),  # 18 - 10 = 8 = 4 + 4 gave both away: the 10 is hidden too
    ([16, 8, 4, 4], ["16", "x", "<5", "<5"]),   # 32 - 16 - 8 = 8 = 4 + 4: the 8 is hidden too
    ([20, 3, 2], ["20", "<5", "<5"]),  # 3 + 2 = 5: each can be 1 to 4, nothing more to hide
])
def test_protect_the_issue_examples_cannot_be_worked_out(counts, expected):
    # The three tables of issue 25 (and one that needs nothing more): the cells hidden, and the attack fails.
    ledger = Ledger()
    total = ledger.cell(sum(counts))
    parts = [ledger.cell(n) for n in counts]
    ledger.add_sum(parts, total)
    states = protect(ledger, 3)
    assert [{"shown": str(n)}.get(states[p], states[p]) for n, p in zip(counts, parts)] == expected
    a = Attack()
    ids = [a.cell(str(v) if s == "shown" else s) for v, s in zip(ledger.values, states)]
    a.sums_to(ids[1:], ids[0])
    assert all(values(lo, hi) >= 3 for lo, hi in a.ranges().values())


def test_report_suppression_of_the_demo_report_survives_the_attack(tmp_path):
    # The demo's own data (two referrals, a few deadlines and actions): its report, attacked, gives nothing away.
    assert main(["demo", "--dir", str(tmp_path / "demo")]) == 0
    cfg = config_mod.load(tmp_path / "demo" / "config.toml")
    today = date(2026, 12, 4)
    report = report_cli.build(cfg, open_database(cfg.database_url), report_cli.reporting_year(today), today)
    pub = report_cli.published(cfg, report)
    assert not narrowed(pub, cfg.report.protection_interval)
    assert dict(pub.headline)["Referrals received"] == "<5"
