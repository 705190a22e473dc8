"""Parse speed against the bare library read of the same files, and peak memory on a 300-page PDF.

    python benchmarks/parse_speed.py [FORMS_DIR]     (default ../shared/forms/forms, else generated forms)

For each format: median over 5 runs of (a) our `parse_bytes` and (b) the bare library
open-and-read (python-docx: every paragraph and table cell; pdfplumber: every page's
text), measured side by side in one run; the ratio a/b. Then the peak RSS of a child
process parsing a generated 300-page PDF. Targets: ratio <= 1.5; 300 pages < 200 MB.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402
import pdfplumber  # noqa: E402

from intake.demo.forms import SAMPLE, docx_form  # noqa: E402
from parsers import parse_bytes  # noqa: E402


def bare_docx(data: bytes) -> int:
    d = docx.Document(io.BytesIO(data))
    n = sum(len(p.text) for p in d.paragraphs)
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                n += len(c.text)
    return n


def bare_pdf(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(p.extract_text() or "") for p in pdf.pages)


def timed(fn, files, runs=5) -> float:
    results = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for data in files:
            fn(data)
        results.append(time.perf_counter() - t0)
    return statistics.median(results)


def generated_forms() -> dict[str, list[bytes]]:
    return {"docx": [docx_form(SAMPLE)] * 10, "pdf": [make_pdf(3)] * 10}


def make_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for i in range(pages):
        y = 800
        c.drawString(50, y, f"Case Referral Form page {i + 1}")
        for j in range(40):
            y -= 18
            c.drawString(50, y, f"Label {j}: a value line of ordinary text for row {j} on page {i + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def _child(data, conn):
    parse_bytes(data, "long.pdf")
    conn.send(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def peak_rss_mb(data: bytes) -> float:
    ctx = mp.get_context("spawn")
    a, b = ctx.Pipe()
    proc = ctx.Process(target=_child, args=(data, b))
    proc.start()
    kb = a.recv()
    proc.join()
    return kb / 1024


def main(argv):
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "forms" / "forms"
    if root.is_dir():
        files = {"docx": [p.read_bytes() for p in sorted(root.glob("*.docx"))],
                 "pdf": [p.read_bytes() for p in sorted(root.glob("*.pdf"))]}
        # only files the bare library can open, so both sides read the same set
        def opens(fn, d):
            try:
                fn(d)
                return True
            except Exception:
                return False
        files = {"docx": [d for d in files["docx"] if opens(bare_docx, d)], "pdf": [d for d in files["pdf"] if opens(bare_pdf, d)]}
        source = str(root)
    else:
        files, source = generated_forms(), "generated forms"
    print(f"files: {source}")
    from tests.pdfgen import ruled_table_pdf

    files["pdf-text-layout (generated)"] = [ruled_table_pdf()] * 5
    for fmt, bare in (("docx", bare_docx), ("pdf", bare_pdf), ("pdf-text-layout (generated)", bare_pdf)):
        ours = timed(lambda d: parse_bytes(d, "f.bin"), files[fmt])
        lib = timed(bare, files[fmt])
        print(f"{fmt}: {len(files[fmt])} files  ours {ours * 1000:.1f} ms  bare library {lib * 1000:.1f} ms  ratio {ours / lib:.2f} (target <= 1.5)")
    long_pdf = make_pdf(300)
    t0 = time.perf_counter()
    rss = peak_rss_mb(long_pdf)
    print(f"300-page PDF ({len(long_pdf) // 1024} KB): peak RSS of the parsing process {rss:.0f} MB "
          f"(target < 200 MB), {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
