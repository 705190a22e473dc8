"""Small-number suppression that holds against arithmetic (issue 25): the report's counts as one linear system,
"<5" for every count from 1 to 4, further counts hidden ("x") until an audit by linear programming finds that no
hidden count can be narrowed to fewer than ``interval`` values.

What a reader is assumed to know, and the audit uses all of it:
- a count shown is exact, and every count is a whole number, 0 or more;
- "<5" is 1, 2, 3 or 4 (0 is always shown: it identifies nobody);
- "x" is 5 or more (a count from 1 to 4 is "<5" and 0 is shown, so a hidden count that is not "<5" is at least 5);
- ".." is 0 to 4: the counts of a sum whose counts are all under 5, where "<5" and 0 would pin them down (three
  counts of 1 or more adding up to "<5" can each only be 1 or 2), zeros included, so a reader cannot tell which
  of them are 0;
- every sum the report publishes holds: a breakdown adds up to its total, a two-way table along its rows and its
  columns, the same total in several tables (referrals by month, by agency, by incident type) and in the headline
  is one number.

The audit (``feasible_range``) is the attack a statistical office runs on its own tables (sdcTable's and
τ-ARGUS's "interval protection"): minimise and maximise each hidden count subject to all of the above, with
``scipy.optimize.linprog`` (HiGHS). The report's sums (one-way breakdowns sharing a total, a two-way table with
its margins) make a totally unimodular system, so these bounds are whole numbers and no integer search can narrow
them further.

Choosing what else to hide (``protect``): hide every count from 1 to 4; then, while the audit finds a hidden count
that can take fewer than ``interval`` values, show every count of a sum whose counts are all under 5 as ".." (0 to 4);
else hide the smallest shown non-zero count summed with it (in the same sum first; else in a sum one step further
out, e.g. the total, then the other tables sharing that total), and audit again. Hiding only ever widens the ranges, so a count that passed stays passed.

What it does not protect: a reader who also knows how the extra counts were chosen (the smallest first), and two
reports for overlapping periods (see the README's report section).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

SMALL = 5
SHOWN, HIDDEN, HIDDEN_SECONDARY, HIDDEN_LINE = "shown", "<5", "x", ".."
DEFAULT_INTERVAL = 3
log = logging.getLogger(__name__)


@dataclass
class Ledger:
    """The report's counts (``values``) and the sums the report publishes between them (``sums``: the parts, then
    the total they add up to). A count shown in several places is one entry, referred to by its index."""
    values: list[int] = field(default_factory=list)
    sums: list[tuple[tuple[int, ...], int]] = field(default_factory=list)

    def cell(self, value: int) -> int:
        self.values.append(int(value))
        return len(self.values) - 1

    def add_sum(self, parts: list[int], total: int) -> None:
        if parts:
            self.sums.append((tuple(parts), total))
        else:  # an empty breakdown: its total is 0, and says so
            self.sums.append(((), total))


def primary(values: list[int]) -> list[str]:
    return [HIDDEN if 0 < v < SMALL else SHOWN for v in values]


def bounds_of(value: int, state: str) -> tuple[float, float | None]:
    """What a reader knows of one count from how it is shown."""
    if state == HIDDEN:
        return (1, SMALL - 1)
    if state == HIDDEN_SECONDARY:
        return (SMALL, None)
    if state == HIDDEN_LINE:
        return (0, SMALL - 1)
    return (value, value)


def values_in(lo: float, hi: float) -> float:
    """How many whole values a count can take between ``lo`` and ``hi`` (infinite when unbounded above)."""
    if math.isinf(hi):
        return math.inf
    return math.floor(hi + 1e-6) - math.ceil(lo - 1e-6) + 1


class _Components:
    """Counts tied together by sums (directly or through other counts): an audit only needs a count's own part."""

    def __init__(self, ledger: Ledger):
        parent = list(range(len(ledger.values)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for parts, total in ledger.sums:
            for p in parts:
                parent[find(p)] = find(total)
        self.of = [find(i) for i in range(len(ledger.values))]


def feasible_range(ledger: Ledger, states: list[str], cell: int, components: _Components | None = None
                   ) -> tuple[float, float]:
    """The least and greatest value the count ``cell`` can have, given everything the report shows (the attack)."""
    from scipy.optimize import linprog   # heavy and only needed here: imported when a report is audited

    components = components or _Components(ledger)
    mine = components.of[cell]
    cells = [i for i in range(len(ledger.values)) if components.of[i] == mine]
    if len(cells) == 1:
        lo, hi = bounds_of(ledger.values[cell], states[cell])
        return lo, math.inf if hi is None else hi
    column = {c: k for k, c in enumerate(cells)}
    rows = []
    for parts, total in ledger.sums:
        if total in column:
            row = [0.0] * len(cells)
            for p in parts:
                row[column[p]] += 1
            row[column[total]] -= 1
            rows.append(row)
    bounds = [bounds_of(ledger.values[c], states[c]) for c in cells]
    out = []
    for sign in (1, -1):
        objective = [0.0] * len(cells)
        objective[column[cell]] = sign
        result = linprog(objective, A_eq=rows, b_eq=[0.0] * len(rows), bounds=bounds, method="highs")
        if result.status == 3:       # unbounded: only the maximum can be
            out.append(math.inf)
        elif result.status != 0:
            raise RuntimeError(f"disclosure audit failed: {result.message}")
        else:
            out.append(sign * result.fun)
    return out[0], out[1]


def audit(ledger: Ledger, states: list[str]) -> dict[int, tuple[float, float]]:
    """Every hidden count's feasible range."""
    components = _Components(ledger)
    return {i: feasible_range(ledger, states, i, components) for i, s in enumerate(states) if s != SHOWN}


def _candidates(ledger: Ledger, states: list[str], cell: int) -> list[int]:
    """Shown non-zero counts summed with ``cell``: those in its own sums first, then one sum further out, ..."""
    seen, frontier = {cell}, {cell}
    while frontier:
        ring = set()
        for parts, total in ledger.sums:
            members = (*parts, total)
            if frontier.intersection(members):
                ring.update(m for m in members if m not in seen)
        shown = [i for i in ring if states[i] == SHOWN and ledger.values[i] > 0]
        if shown:
            return sorted(shown, key=lambda i: (ledger.values[i], i))
        seen |= ring
        frontier = ring
    return []


def protect(ledger: Ledger, interval: int = DEFAULT_INTERVAL) -> list[str]:
    """How each count is shown: ``SHOWN``, ``HIDDEN`` ("<5") or ``HIDDEN_SECONDARY`` ("x"), chosen so that every
    hidden count can still take at least ``interval`` values (see the module docstring)."""
    states = primary(ledger.values)
    passed: set[int] = set()
    while True:
        components = _Components(ledger)
        failing = None
        for i, state in enumerate(states):
            if state == SHOWN or i in passed:
                continue
            if values_in(*feasible_range(ledger, states, i, components)) >= interval:
                passed.add(i)
            else:
                failing = i
                break
        if failing is None:
            return states
        lines = [(*parts, total) if ledger.values[total] < SMALL else parts for parts, total in ledger.sums
                 if failing in (*parts, total) and all(ledger.values[m] < SMALL for m in parts)
                 and (states[total] != SHOWN or ledger.values[total] < SMALL)
                 and any(states[m] != HIDDEN_LINE for m in (*parts, total) if ledger.values[m] < SMALL)]
        if lines:
            for m in lines[0]:
                states[m] = HIDDEN_LINE
            continue            # "<5" and 0 became "0 to 4": only wider, so what passed stays passed
        candidates = _candidates(ledger, states, failing)
        if not candidates:      # everything it is summed with is hidden already: nothing more can be done
            log.warning("report: count %d cannot be kept to %d possible values; check the report before publishing",
                        failing, interval)
            passed.add(failing)
            continue
        states[candidates[0]] = HIDDEN_SECONDARY
