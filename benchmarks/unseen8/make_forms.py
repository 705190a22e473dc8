"""unseen8 held-out Case Referral Form corpus.

    python benchmarks/unseen8/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u8_NNN.docx|.pdf and OUTDIR/truth/u8_NNN.json, then re-opens every document and checks
that each stated string value is in it and that each record validates against the schema (exit 1 if not).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "benchmarks.unseen8"

from .model import VOCABS, all_renderings, make_case  # noqa: E402
from .render_docx import WORD_LAYOUTS  # noqa: E402
from .render_pdf import PDF_LAYOUTS  # noqa: E402
from .wordx import docx_text  # noqa: E402

SCHEMA_CANDIDATES = [Path(__file__).resolve().parents[3] / "shared" / "referral.schema.json",
                     Path("/work/shared/referral.schema.json")]

PLAN = [
    ("W-MERGEFLD", {"kiteline_helpline": 5, "tideway_hub": 3}),
    ("W-REVIEW", {"wessex_fcas": 5, "tideway_hub": 3}),
    ("W-QNUM", {"wessex_fcas": 5, "orbiston_iro": 3}),
    ("W-PDF2DOC", {"brackwater_yoi": 5, "eastmoor_fire": 3}),
    ("W-RUNIN", {"saltford_maternity": 5, "wrenfield_hv": 3}),
    ("P-FLAT", {"brackwater_yoi": 5, "orbiston_iro": 3}),
    ("P-OCR", {"saltford_maternity": 5, "wrenfield_hv": 3}),
    ("P-CIRCLE", {"wrenfield_hv": 4, "eastmoor_fire": 4}),
    ("P-LANDCOLS", {"orbiston_iro": 4, "tideway_hub": 4}),
    ("P-HANG", {"kiteline_helpline": 5, "eastmoor_fire": 3}),
]

DATE_PAIRS = {
    "kiteline_helpline": [("slash", "long"), ("dayslash", "slash")],
    "wessex_fcas": [("long", "slash"), ("ordshort", "dots2")],
    "brackwater_yoi": [("capmon", "capmon"), ("dash4", "slash")],
    "saltford_maternity": [("slash", "slash"), ("shortyr", "slashmon")],
    "wrenfield_hv": [("dots2", "slash"), ("slashmon", "long")],
    "orbiston_iro": [("dash4", "ordshort"), ("long", "long")],
    "tideway_hub": [("ordshort", "slash"), ("shortyr", "dash4")],
    "eastmoor_fire": [("capmon", "slash"), ("slash", "dots2")],
}


def plan(seed: int, count: int) -> list[tuple[str, str]]:
    items = [(lay, voc) for lay, m in PLAN for voc, n in m.items() for _ in range(n)]
    random.Random(seed * 7919 + 1).shuffle(items)
    return [items[i % len(items)] for i in range(count)]


def build(outdir: Path, seed: int, count: int) -> list[dict]:
    if outdir.exists():
        shutil.rmtree(outdir)
    (outdir / "forms").mkdir(parents=True)
    (outdir / "truth").mkdir(parents=True)
    truths = []
    multi = set(random.Random(seed * 31 + 5).sample(range(1, count + 1), round(count * 0.4)))
    for i, (layout, vkey) in enumerate(plan(seed, count), 1):
        rng = random.Random(f"{seed}:{i}:{layout}:{vkey}")
        vocab = VOCABS[vkey]
        max_kids = 2 if vkey == "saltford_maternity" else 3
        n_kids = rng.randint(2, max_kids) if i in multi else 1
        styles = ("comb", "comb") if layout == "P-FLAT" else rng.choice(DATE_PAIRS[vkey])
        case = make_case(rng, vocab, layout, n_kids, styles)
        if layout in WORD_LAYOUTS:
            data, ext = WORD_LAYOUTS[layout](case, rng), "docx"
        else:
            data, ext = PDF_LAYOUTS[layout](case, rng), "pdf"
        name = f"u8_{i:03d}.{ext}"
        (outdir / "forms" / name).write_bytes(data)
        truth = {"file": name, "layout": layout, "vocabulary": vkey, "expect_status": "parsed", "expect_reason": None,
                 "record": case.record, "notes": case.notes}
        (outdir / "truth" / f"u8_{i:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
        truths.append(truth)
    return truths


# ----------------------------------------------------------------------------------------------- self-check

def norm(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


def pdf_sources(path: Path) -> list[str]:
    """Whole-page text, the text of each (font, size) group of characters, and every table cell."""
    import pdfplumber
    full, groups, cells = [], {}, []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            full.append(page.extract_text() or "")
            keys = sorted({(c["fontname"], round(c["size"], 1)) for c in page.chars})
            for k in keys:
                sub = page.filter(lambda o, k=k: o.get("object_type") != "char" or (o["fontname"], round(o["size"], 1)) == k)
                groups.setdefault(k, []).append(sub.extract_text() or "")
            try:
                for tb in page.find_tables():
                    for row in tb.extract():
                        cells.extend(c or "" for c in row)
            except Exception:  # noqa: BLE001 - a table the finder cannot read is just not a source
                pass
    return [norm(" ".join(full))] + [norm(" ".join(v)) for v in groups.values()] + [norm(c) for c in cells]


def expected_strings(rec: dict, notes: dict) -> list[tuple[str, list[str]]]:
    """(what, [alternatives]) - each item passes if any alternative is found."""
    out = []

    def add(what, value, kind="text"):
        if value is None:
            return
        if kind == "date":
            out.append((what, list({norm(r) for r in all_renderings(value)})))
        elif kind == "address":
            for part in value.split(", "):
                out.append((f"{what} part", [norm(part)]))
        elif kind == "summary":
            for p in value.split("\n\n"):
                out.append((f"{what} paragraph", [norm(p)]))
        else:
            out.append((what, [norm(value)]))

    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            add(f"{who}.{k}", rec[who][k])
    parts = notes.get("name_parts") or []
    for i, c in enumerate(rec["children"]):
        if parts and c["name"]:
            for p in parts[i]:
                add(f"children[{i}].name part", p)
        else:
            add(f"children[{i}].name", c["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"children[{i}].{k}", c[k])
        add(f"children[{i}].dob", c["dob"], "date")
        add(f"children[{i}].date_of_death", c["date_of_death"], "date")
        add(f"children[{i}].address", c["address"], "address")
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "summary")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    for j, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agencies[{j}].{k}", a[k])
    add("immediate_concerns", rec["immediate_concerns"])
    return out


def self_check(outdir: Path, truths: list[dict]) -> list[str]:
    import jsonschema
    schema_path = next(p for p in SCHEMA_CANDIDATES if p.exists())
    validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text()))
    problems = []
    for t in truths:
        path = outdir / "forms" / t["file"]
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {err.message}")
        if path.suffix == ".docx":
            sources = [norm(docx_text(path.read_bytes()))]
        else:
            sources = pdf_sources(path)
        for what, alts in expected_strings(t["record"], t["notes"]):
            if not any(a and a in s for a in alts for s in sources):
                problems.append(f"{t['file']} ({t['layout']}): {what} not found: {alts[0][:50]}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    truths = build(a.outdir, a.seed, a.count)
    t1 = time.time()
    problems = self_check(a.outdir, truths)
    kinds = {}
    for t in truths:
        kinds[t["file"].rsplit(".", 1)[1]] = kinds.get(t["file"].rsplit(".", 1)[1], 0) + 1
    print(f"wrote {len(truths)} forms ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}) in {t1 - t0:.1f}s; "
          f"self-check {time.time() - t1:.1f}s")
    if problems:
        for p in problems:
            print("PROBLEM", p)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print("self-check passed: every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
