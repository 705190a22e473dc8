"""Action-plan reading speed against the bare library read of the same files.

    python benchmarks/action_plans.py

Generated plans (30 rows, wordings A/B/C): median over 5 runs of (a) our `read_plan` and (b) the bare library
open-and-read (python-docx: every table cell; openpyxl read-only: every cell value), side by side in one run;
the ratio a/b. Our reader also checks the zip's declared sizes, maps headers and checks every value's type.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402
import openpyxl  # noqa: E402

from intake.demo.plans import SAMPLE_ROWS, WORDING_A, WORDING_B, WORDING_C, cells, plan_docx, plan_xlsx  # noqa: E402
from parsers.action_plan import read_plan  # noqa: E402


def bare_docx(data: bytes) -> int:
    return sum(len(c.text) for t in docx.Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)


def bare_xlsx(data: bytes) -> int:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    n = sum(len(str(v)) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    wb.close()
    return n


def timed(fn, files, runs=5) -> float:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for name, data in files:
            fn(data, name)
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def plans() -> dict[str, list[tuple[str, bytes]]]:
    rows = [dict(SAMPLE_ROWS[i % 3], action=f"{SAMPLE_ROWS[i % 3]['action']} ({i})", due=date(2027, 3, 1) + timedelta(days=i))
            for i in range(30)]
    out = {"docx": [], "xlsx": []}
    for w in (WORDING_A, WORDING_B, WORDING_C):
        out["docx"].append(("p.docx", plan_docx(w, [cells(r, w) for r in rows])))
        out["xlsx"].append(("p.xlsx", plan_xlsx(w, [cells(r, w, lambda d: d) for r in rows])))
    return {k: v * 4 for k, v in out.items()}


def main() -> int:
    for fmt, files in plans().items():
        bare = bare_docx if fmt == "docx" else bare_xlsx
        ours = timed(lambda d, n: read_plan(d, n), files)
        lib = timed(lambda d, n: bare(d), files)
        print(f"{fmt}: {len(files)} plans of 30 rows: read_plan {ours * 1000 / len(files):.1f} ms/plan, "
              f"bare library read {lib * 1000 / len(files):.1f} ms/plan, ratio {ours / lib:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
