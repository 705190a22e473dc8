"""The annual report's charts (matplotlib, Agg: no display), each as PNG and SVG.

Charts are drawn from the report's tables *as shown*: a cell suppressed in the tables ("<5" or "x") is drawn
as an empty bar carrying the same mark, so a chart never shows what a table hides.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake.report.figures import Table

COLOURS = {"on time": "#1b7837", "late": "#d6a01e", "overdue": "#b2182b", "bar": "#2b5c8a"}


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
    return [r for r in table.rows if r[0] != "Total"]


def draw_charts(shown: dict[str, Table], out_dir: Path) -> list[Chart]:
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = []

    fig, ax = _figure()
    months = _rows(shown["by_month"])
    _bars(ax, [r[0][:3] for r in months], [r[1] for r in months])
    ax.set_ylabel("Referrals")
    ax.set_title("Referrals by month")
    charts.append(_save(fig, out_dir, "referrals-by-month", "Referrals by month"))

    fig, ax = _figure(7.5, 2.8)
    decisions = _rows(shown["decisions"])
    _bars(ax, [r[0] for r in decisions], [r[1] for r in decisions], horizontal=True)
    ax.set_title("Decisions made in the period")
    charts.append(_save(fig, out_dir, "decisions", "Decisions made in the period"))

    fig, ax = _figure(7.5, 2.8)
    rows = shown["timeliness"].rows
    _bars(ax, [r[0].split(":")[0] + " " + r[0].split(": ", 1)[1].split(" within ")[0] for r in rows],
          [r[5] for r in rows], horizontal=True, suffix="%")
    ax.set_xlim(0, 118)
    ax.set_xlabel("Share met on time (%)")
    ax.set_title("Timeliness")
    charts.append(_save(fig, out_dir, "timeliness", "Timeliness"))

    fig, ax = _figure(7.5, max(2.4, 0.5 * len(shown["actions"].rows) + 1.2))
    rows = _rows(shown["actions"]) or [["No actions", "0", "0", "0", "0", "0"]]
    left = [0.0] * len(rows)
    for col, label in ((1, "on time"), (2, "late"), (3, "overdue")):
        widths = [_value(r[col]) or 0 for r in rows]
        ax.barh([r[0] for r in rows], widths, left=left, color=COLOURS[label], label=label)
        left = [a + b for a, b in zip(left, widths)]
    top = max(left + [1])
    for i, r in enumerate(rows):   # a count hidden in the table is written as its mark, not drawn as a bar
        marks = [f"{label} {r[col]}" for col, label in ((1, "on time"), (2, "late"), (3, "overdue"))
                 if _value(r[col]) is None]
        if marks:
            ax.text(left[i] + top * 0.02, i, ", ".join(marks), va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.6)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_title("Actions by agency: completed on time, late, overdue")
    ax.spines[["top", "right"]].set_visible(False)
    charts.append(_save(fig, out_dir, "actions", "Actions by agency"))
    return charts
