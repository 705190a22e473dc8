"""`intake report`: the annual report written as HTML (with charts), Markdown (with charts), CSV or XLSX.

Every format is written from the same tables (intake.report.tables.publish), where suppression is applied once;
the narrative (intake.report.narrative) is written from those tables as shown.
"""

from __future__ import annotations

import base64
import csv
from datetime import date, datetime, timezone
from pathlib import Path

from sqlmodel import Session

from intake.report import figures as rpt
from intake.report import narrative
from intake.report.agencies import AgencyMap
from intake.report.charts import draw_charts
from intake.report.tables import Publication, publish
from intake.store.db import open_database
from notifier.compose import environment
from notifier.deadlines_store import working_calendar

FORMATS = ("html", "md", "csv", "xlsx")
# sheet names in the workbook (at most 31 characters, no "?")
SHEET_NAMES = {"by_month": "Referrals by month", "by_agency": "Referrals by agency",
               "by_incident": "Referrals by incident type", "decisions": "Decisions", "timeliness": "Timeliness",
               "actions": "Actions by agency"}
# which table each chart illustrates
CHART_OF_TABLE = {"by_month": "referrals-by-month", "decisions": "decisions", "timeliness": "timeliness",
                  "actions": "actions"}


def _now() -> datetime:
    """The moment the report is made (a seam: tests pin it)."""
    return datetime.now(timezone.utc)


def suppression_words(suppress: bool, interval: int = 3) -> str:
    if not suppress:
        return ("Counts below 5 are shown (--no-suppress): this copy is not for publication.")
    return ("To protect the children and families involved, counts from 1 to 4 are shown as <5, and other counts are "
            "hidden (x) wherever the totals would let someone work a small count out: however the published "
            f"figures are added up or taken away, no hidden count can be narrowed to fewer than {interval} possible "
            "values. A share or median is shown only when the counts behind it are shown.")


def day_words(d: date) -> str:
    """2026-04-01 -> "1 April 2026"."""
    return f"{d.day} {d:%B %Y}"


def period_words(period: rpt.Period) -> str:
    return f"{day_words(period.start)} to {day_words(period.end)}"


def build(cfg, engine, period: rpt.Period, today: date) -> rpt.Report:
    with Session(engine) as session:
        facts = rpt.gather(session, period, cfg.tz, AgencyMap(cfg.agencies, cfg.agency_domains))
    return rpt.compute(facts, period, today, working_calendar(cfg))


def published(cfg, report: rpt.Report, suppress: bool = True) -> Publication:
    return publish(report, suppress, cfg.report.protection_interval)


def _sections(report: rpt.Report, shown: Publication) -> list[tuple]:
    """(table, the sentences about it) for each table, in the report's order."""
    words = f"between {day_words(report.period.start)} and {day_words(report.period.end)}"
    return [(t, narrative.for_table(t, words)) for t in shown.tables]


def _stem(period: rpt.Period) -> str:
    return f"annual-report-{period.start.isoformat()}-to-{period.end.isoformat()}"


def write_html(cfg, report: rpt.Report, out: Path, suppress: bool) -> list[Path]:
    shown = published(cfg, report, suppress)
    charts = draw_charts({t.key: t for t in shown.tables}, out)
    embedded = {table: {"png": base64.b64encode(c.png.read_bytes()).decode(), "svg": c.svg.name, "title": c.title}
                for table, key in CHART_OF_TABLE.items() for c in charts if c.key == key}
    html = environment().get_template("report/annual.html.jinja").render(
        title=f"{cfg.organisation.group}: annual report", organisation=cfg.organisation.name,
        group=cfg.organisation.group, period=period_words(report.period), today=day_words(report.today),
        suppression=suppression_words(suppress, cfg.report.protection_interval), headline=shown.headline,
        sections=_sections(report, shown), charts=embedded, no_data=narrative.NO_DATA, glossary=narrative.GLOSSARY)
    path = out / f"{_stem(report.period)}.html"
    path.write_text(html, encoding="utf-8")
    return [path] + [p for c in charts for p in (c.png, c.svg)]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def write_md(cfg, report: rpt.Report, out: Path, suppress: bool) -> list[Path]:
    shown = published(cfg, report, suppress)
    charts = {c.key: c for c in draw_charts({t.key: t for t in shown.tables}, out)}
    lines = [f"# {cfg.organisation.group}: annual report", "",
             f"{cfg.organisation.name}. {period_words(report.period)}; figures as of {day_words(report.today)}.", "",
             suppression_words(suppress, cfg.report.protection_interval), "", "## The year at a glance", ""]
    lines += [f"- {label}: **{value}**" for label, value in shown.headline]
    for table, words in _sections(report, shown):
        lines += ["", f"## {table.title}", "", words, ""]
        if table.empty:
            lines.append(narrative.NO_DATA)
            continue
        chart = charts.get(CHART_OF_TABLE.get(table.key, ""))
        if chart:
            lines += [f"![{chart.title}]({chart.png.name})", ""]
        lines.append("| " + " | ".join(_md_cell(h) for h in table.header) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(table.header) - 1)) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
        if table.note:
            lines += ["", table.note]
    lines += ["", "## Words used in this report", ""]
    lines += [f"- **{_md_cell(term)}**: {meaning}" for term, meaning in narrative.GLOSSARY]
    path = out / f"{_stem(report.period)}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path] + [p for c in charts.values() for p in (c.png, c.svg)]


def write_csv(cfg, report: rpt.Report, out: Path, suppress: bool) -> list[Path]:
    """One long table: section, row, column, value (the value as shown, "<5" included)."""
    path = out / f"{_stem(report.period)}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["section", "row", "column", "value"])
        shown = published(cfg, report, suppress)
        for label, value in shown.headline:
            w.writerow(["Headline", label, "Value", value])
        for table in shown.tables:
            for row in table.rows:
                for column, value in zip(table.header[1:], row[1:]):
                    w.writerow([table.title, row[0], column, value])
    return [path]


def write_xlsx(cfg, report: rpt.Report, out: Path, suppress: bool) -> list[Path]:
    """One sheet per table, plus a first sheet with the headline and the suppression rule. Shown counts are
    numbers; "<5", "x" and "-" are text, as in the other formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    first = wb.active
    first.title = "Headline"
    first.append([f"{cfg.organisation.group}: annual report"])
    first["A1"].font = Font(bold=True, size=14)
    first.append([f"{period_words(report.period)}; figures as of {day_words(report.today)}"])
    shown = published(cfg, report, suppress)
    first.append([suppression_words(suppress, cfg.report.protection_interval)])
    first.append([])
    for label, value in shown.headline:
        first.append([label, _typed(value)])
    first.column_dimensions["A"].width = 36
    for table in shown.tables:
        ws = wb.create_sheet(SHEET_NAMES.get(table.key, table.key)[:31])
        ws.append(table.header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append([row[0]] + [_typed(c) for c in row[1:]])
        if table.note:
            ws.append([])
            ws.append([table.note])
        ws.column_dimensions["A"].width = 44
    path = out / f"{_stem(report.period)}.xlsx"
    wb.save(path)
    return [path]


def _typed(cell: str):
    return int(cell) if cell.isdigit() else cell


WRITERS = {"html": write_html, "md": write_md, "csv": write_csv, "xlsx": write_xlsx}


def write(cfg, report: rpt.Report, fmt: str, out: Path, suppress: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return WRITERS[fmt](cfg, report, out, suppress)


def parse_period(start: str, end: str, UsageError) -> rpt.Period:
    def one(text, option):
        try:
            return date.fromisoformat(text)
        except (TypeError, ValueError):
            raise UsageError(f"{option} {text!r} is not a DATE; write it like 2026-04-01") from None

    period = rpt.Period(one(start, "--from"), one(end, "--to"))
    if period.end < period.start:
        raise UsageError(f"--to {end} is before --from {start}; give the first and last day of the period")
    return period


def cmd_report(args, cfg, parse_moment, UsageError) -> int:
    period = parse_period(args.start, args.end, UsageError)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} is a file; name a folder for the report")
    today = _now().astimezone(cfg.tz).date()
    report = build(cfg, open_database(cfg.database_url), period, today)
    paths = write(cfg, report, args.format, out, suppress=not args.no_suppress)
    for label, value in published(cfg, report, not args.no_suppress).headline:
        print(f"{label:36} {value}")
    print(f"wrote {paths[0]}" + (f" and {len(paths) - 1} chart file(s)" if len(paths) > 1 else ""))
    return 0


def register(sub) -> None:
    """The subparser, added by intake.cli.program."""
    rp = sub.add_parser("report", help="the annual report from the data: referrals, decisions, timeliness, actions")
    rp.add_argument("--from", dest="start", required=True, metavar="DATE",
                    help="the first day of the period, e.g. 2026-04-01")
    rp.add_argument("--to", dest="end", required=True, metavar="DATE", help="the last day of the period, e.g. 2027-03-31")
    rp.add_argument("--format", choices=FORMATS, default="html",
                    help="html (with charts, PNG and SVG beside it; the default), md (with charts), csv or xlsx")
    rp.add_argument("--out", required=True, metavar="DIR", help="the folder to write the report into (made if missing)")
    rp.add_argument("--no-suppress", action="store_true",
                    help="show counts below 5 instead of \"<5\" (a copy for the group, not for publication)")


def reporting_year(today: date) -> rpt.Period:
    """The partnership's reporting year (April to March) that ``today`` falls in."""
    start = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    return rpt.Period(start, date(start.year + 1, 3, 31))


def demo_report(cfg, engine, out: Path, today: date) -> list[tuple[str, str, str]]:
    """The demo's last step: this reporting year's report written as HTML, its headline numbers printed (as
    published, and beside them as --no-suppress shows them: the demo's data are made up)."""
    period = reporting_year(today)
    report = build(cfg, engine, period, today)
    paths = write(cfg, report, "html", out)
    rows = [(label, shown, raw) for (label, shown), (_, raw) in zip(published(cfg, report).headline,
                                                                    published(cfg, report, False).headline)]
    print(f"\nThe annual report so far ({period_words(period)}, as of {day_words(today)}): {paths[0]}")
    print(f"  {'HEADLINE':36} {'PUBLISHED':10} WITH --no-suppress")
    for label, shown, raw in rows:
        print(f"  {label:36} {shown:10} {raw}")
    return rows
