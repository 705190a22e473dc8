"""unseen22: a held-out Case Referral Form set (8 invented senders x 10 new layouts = 80 forms).

    python benchmarks/unseen22/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u22_NNN.docx|.pdf and OUTDIR/truth/u22_NNN.json, then re-opens every document and
checks that every record validates against the schema and every stated string value is in its document.
Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import random
import re
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from model import ALL_STYLES, build_case, fmt_date  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
ITYPES = ["serious_harm", "death", "lac_death", "care_leaver_death", "other"]


def schema_path() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[1] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed: int):
    rng = random.Random(f"u22-{seed}-plan")
    pairs = [(s["id"], lay) for lay in LAYOUTS for s in SENDERS]
    rng.shuffle(pairs)
    return pairs


def make_one(n: int, seed: int, sender, layout: str, out: Path):
    rng = random.Random(f"u22-{seed}-{n}")
    n_children = rng.choices([1, 2, 3], [68, 24, 8])[0]
    n_agencies = rng.choices([0, 1, 2, 3, 4], [12, 18, 28, 24, 18])[0]
    itype = rng.choices(ITYPES, [55, 22, 8, 4, 11])[0]
    sections, record, notes = build_case(rng, sender, n_children, n_agencies, itype)
    reviewed = dt.date(2025, rng.randint(1, 12), rng.randint(1, 28))
    ctx = {"version": f"{rng.randint(1, 4)}.{rng.randint(0, 9)}", "reviewed": fmt_date(reviewed, sender["date_main"]),
           "example_date": fmt_date(dt.date(2015, 1, 1), sender["date_main"])}
    notes["date_style"] = sender["date_main"]
    notes["dob_style"] = sender["date_dob"]
    stem = f"u22_{n:03d}"
    if layout in WORD_LAYOUTS:
        name = stem + ".docx"
        d = WORD_LAYOUTS[layout](sender, sections, ctx, rng)
        modified = f"2026-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00Z"
        (out / "forms" / name).write_bytes(d.build(sender["title"], record["referrer"]["name"] or sender["org"], modified))
    else:
        name = stem + ".pdf"
        buf = io.BytesIO()
        PDF_LAYOUTS[layout](sender, sections, ctx, rng, buf)
        (out / "forms" / name).write_bytes(buf.getvalue())
    truth = {"file": name, "layout": layout, "vocabulary": sender["id"], "expect_status": "parsed",
             "expect_reason": None, "record": record, "notes": notes}
    (out / "truth" / f"{stem}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth


# ---------------------------------------------------------------- self-check
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z]", "", s)


def docx_text(path: Path) -> str:
    import docx  # python-docx: the document must open
    docx.Document(str(path))
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                parts += [html.unescape(t) for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)]
    return " ".join(parts)


# vertical strips (x0, x1 in points) whose text is also read: answer columns, agency columns, leaflet panels
STRIPS = {
    "P-OVERLAY": [(205, 600), (36, 212), (208, 387), (383, 600)],
    "P-FLOWCHART": [(205, 600), (36, 202), (198, 372), (368, 600)],
    "P-LAYERS": [(0, 300), (295, 600), (36, 194), (190, 364), (360, 600)],
    "P-TRIFOLD": [(0, 281), (280, 562), (561, 842)],
    "P-ACROKIDS": [(220, 600)],
}


def pdf_text(path: Path, layout: str) -> str:
    import pdfplumber
    from pypdf import PdfReader
    parts = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            for x0, x1 in STRIPS.get(layout, []):
                box = (max(0, x0), 0, min(float(page.width), x1), float(page.height))
                parts.append(page.within_bbox(box).extract_text() or "")
    fields = PdfReader(str(path)).get_fields() or {}
    for f in fields.values():
        v = f.get("/V")
        if isinstance(v, str):
            parts.append(v)
    return "\n".join(parts)


DATE_KEYS = {"date_of_referral", "dob", "date_of_death", "date", "date_la_aware", "date_panel_notified"}


def expected_values(record):
    """(path, [acceptable forms]) for every stated string value."""
    out = []

    def walk(v, path, key):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, f"{path}.{k}" if path else k, k)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{path}[{i}]", key)
        elif isinstance(v, str):
            if key in ("form", "gender", "type"):
                return
            if key in DATE_KEYS:
                d = dt.date.fromisoformat(v)
                out.append((path, [[fmt_date(d, s)] for s in ALL_STYLES]))
            elif key == "address":
                out.append((path, [v.split(", ")]))
            elif key == "summary":
                out.append((path, [v.split("\n\n")]))
            elif key == "name" and path.startswith("children"):
                out.append((path, [v.split(" ")]))
            else:
                out.append((path, [[v]]))

    walk(record, "", "")
    return out


def self_check(out: Path, truths) -> int:
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for t in truths:
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        path = out / "forms" / t["file"]
        try:
            text = docx_text(path) if path.suffix == ".docx" else pdf_text(path, t["layout"])
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: does not open: {e!r}")
            continue
        nt = norm(text)
        for p, alternatives in expected_values(t["record"]):
            if not any(all(norm(part) in nt for part in alt) for alt in alternatives):
                problems.append(f"{t['file']} ({t['layout']}): {p} = {alternatives[0]!r:.80} not in document")
    for p in problems:
        print(p)
    if problems:
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(truths)} forms, every stated string value is in its document, every record validates")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    t0 = time.time()
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    by_id = {s["id"]: s for s in SENDERS}
    truths = []
    for n, (sid, layout) in enumerate(plan(a.seed)[: a.count], 1):
        truths.append(make_one(n, a.seed, by_id[sid], layout, out))
    docs = sum(1 for t in truths if t["file"].endswith(".docx"))
    print(f"wrote {len(truths)} forms ({docs} docx, {len(truths) - docs} pdf) to {out} in {time.time() - t0:.1f} s")
    rc = self_check(out, truths)
    print(f"total {time.time() - t0:.1f} s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
