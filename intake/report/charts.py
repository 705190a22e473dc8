"""The annual report's charts (matplotlib, Agg: no display), each as PNG and SVG.

Charts are drawn from the report's tables *as shown*: a cell suppressed in the tables ("<5" or "x") is drawn
as an empty bar carrying the same mark, so a chart never shows what a table hides. In the actions chart, where an
agency's total is shown but some of its parts are hidden, the rest of its bar (its total less the parts shown,
which a reader can work out from the table too) is drawn hatched as "not shown (small numbers)". The legend names
only what is drawn. A table with nothing in the period gets no chart: the page says "no data in this period".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake.report.tables import TOTAL, Table

COLOURS = {"on time": "#1b7837", "late": "#d6a01e", "overdue": "#b2182b", "open, not yet due": "#8da9c4",
           "not shown (small numbers)": "#ffffff", "bar": "#2b5c8a"}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    png: Path
    svg: Path


def _value(cell: str) -> float | None:
    """A shown cell's number (a count, or a share such as "80%"); None when hidden or not shown."""
    text = cell.rstrip("%")
    try:
        return float(text)
    except ValueError:
        return None


def _figure(width: float = 7.5, height: float = 3.6):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    return fig, fig.add_subplot()


def _bars(ax, labels: list[str], cells: list[str], horizontal: bool = False, suffix: str = "") -> None:
    values = [_value(c) for c in cells]
    heights = [v or 0 for v in values]
    top = max(heights + [1])
    if horizontal:
        bars = ax.barh(labels, heights, color=COLOURS["bar"])
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.18)
    else:
        bars = ax.bar(labels, heights, color=COLOURS["bar"])
        ax.set_ylim(0, top * 1.18)
    for bar, cell, v in zip(bars, cells, values):
        text = cell if v is None else f"{v:g}{suffix}"
        if horizontal:
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=9)
        else:
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + top * 0.01, text, ha="center", va="bottom",
                    fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.ticker import MaxNLocator

    if not suffix:   # counts: whole numbers on the axis
        (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))


def _save(fig, out_dir: Path, key: str, title: str) -> Chart:
    png, svg = out_dir / f"chart-{key}.png", out_dir / f"chart-{key}.svg"
    fig.savefig(png, format="png")
    fig.savefig(svg, format="svg", metadata={"Date": None})
    return Chart(key, title, png, svg)


def _rows(table: Table) -> list[list[str]]:
    return [r for r in table.rows if r[0] != TOTAL]


def _months(table: Table) -> list[str]:
    """ "April 2026" -> "Apr", or "Apr 26" where the period has more than twelve months."""
    rows = _rows(table)
    short = [r[0][:3] for r in rows]
    return short if len(rows) <= 12 else [f"{r[0][:3]} {r[0][-2:]}" for r in rows]


def _actions(ax, table: Table) -> None:
    rows = _rows(table)
    series = ((1, "on time"), (2, "late"), (3, "overdue"), (4, "open, not yet due"))
    left = [0.0] * len(rows)
    drawn = set()
    for col, label in series:
        widths = [_value(r[col]) or 0 for r in rows]
        if any(widths):
            ax.barh([r[0] for r in rows], widths, left=left, color=COLOURS[label], label=label)
            drawn.add(label)
        left = [a + b for a, b in zip(left, widths)]
    rest = [max((_value(r[5]) or 0) - done, 0) for r, done in zip(rows, left)]
    if any(rest):   # hidden parts of a shown total: drawn as one hatched piece, as the table lets a reader work out
        ax.barh([r[0] for r in rows], rest, left=left, color=COLOURS["not shown (small numbers)"], edgecolor="#667085",
                hatch="//", label="not shown (small numbers)")
        left = [a + b for a, b in zip(left, rest)]
    top = max(left + [1])
    for i, r in enumerate(rows):   # every hidden count is written beside its bar with its mark
        marks = [f"{label} {r[col]}" for col, label in series if _value(r[col]) is None]
        total = r[5]
        text = f"total {total}" + (f" ({', '.join(marks)})" if marks else "")
        ax.text(left[i] + top * 0.02, i, text, va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 2.1)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Actions due in the period")


def _drawable(table: Table, columns: range) -> bool:
    """Something to draw: a shown count above 0 (a chart of hidden counts alone would be empty axes)."""
    return not table.empty and any((_value(r[j]) or 0) > 0 for r in table.rows for j in columns)


def draw_charts(shown: dict[str, Table], out_dir: Path) -> list[Chart]:
    """One chart per table that has a chart and a shown count to draw; the table itself is always written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = []

    table = shown["by_month"]
    if _drawable(table, range(1, 2)):
        fig, ax = _figure(7.5, 3.4)
        months = _rows(table)
        _bars(ax, _months(table), [r[1] for r in months])
        ax.set_ylabel("Referrals")
        charts.append(_save(fig, out_dir, "referrals-by-month", "Referrals received each month"))

    table = shown["decisions"]
    if _drawable(table, range(1, 2)):
        fig, ax = _figure(7.5, 2.8)
        decisions = _rows(table)
        _bars(ax, [r[0].replace(" (LCSPR)", "").replace("Local child safeguarding practice review", "LCSPR")
                   for r in decisions], [r[1] for r in decisions], horizontal=True)
        charts.append(_save(fig, out_dir, "decisions", "Decisions made in the period"))

    table = shown["timeliness"]
    if not table.empty and any(_value(r[7]) is not None for r in table.rows):   # no share shown: no empty axes
        fig, ax = _figure(7.5, 2.6)
        _bars(ax, table.labels, [r[7] for r in table.rows], horizontal=True, suffix="%")
        ax.set_xlim(0, 118)
        ax.set_xlabel("Share met on time (%); \"-\": too few to show, or none due")
        charts.append(_save(fig, out_dir, "timeliness", "Share of deadlines met on time"))

    table = shown["actions"]
    if _drawable(table, range(1, 6)):
        fig, ax = _figure(7.5, max(2.4, 0.5 * len(_rows(table)) + 1.4))
        _actions(ax, table)
        charts.append(_save(fig, out_dir, "actions", "Actions by agency"))
    return charts
