"""Held-out Case Referral Form corpus unseen10: invented senders, new layouts, one truth file per form.

    python benchmarks/unseen10/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u10_NNN.docx|.pdf and OUTDIR/truth/u10_NNN.json, then re-opens every document
and checks that every stated string value of its record is in the document's text and that every record
validates against shared/referral.schema.json (exit 1 otherwise). See README.md.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402

SCHEMA = HERE.parents[2] / "shared" / "referral.schema.json"
if not SCHEMA.exists():
    SCHEMA = Path("/work/shared/referral.schema.json")

WORD = list(render_docx.LAYOUTS)
PDF = list(render_pdf.LAYOUTS)
ORDER = [x for pair in zip(WORD, PDF) for x in pair]  # W, P, W, P, ...


def plan(seed: int, count: int) -> list[tuple[str, str]]:
    """Every (sender, layout) pair once per 80 forms, in a seeded order."""
    pairs = [(model.SENDERS[(i // len(ORDER)) % len(model.SENDERS)].key, ORDER[i % len(ORDER)]) for i in range(count)]
    random.Random(f"u10-{seed}-plan").shuffle(pairs)
    # keep docx / pdf alternating for readability of the listing
    words = [p for p in pairs if p[1].startswith("W-")]
    pdfs = [p for p in pairs if p[1].startswith("P-")]
    out = []
    while words or pdfs:
        if words:
            out.append(words.pop(0))
        if pdfs:
            out.append(pdfs.pop(0))
    return out


def make_one(seed: int, n: int, sender_key: str, layout: str):
    rng = random.Random(f"u10-{seed}-{n}")
    sender = model.SENDER_BY_KEY[sender_key]
    n_children = 1 if rng.random() < 0.5 else rng.choice([2, 2, 3])
    n_agencies = rng.choice([0, 1, 2, 2, 3, 3, 4]) if rng.random() > 0.06 else 0
    case = model.build_case(rng, sender, n_children, n_agencies)
    fn = render_docx.LAYOUTS.get(layout) or render_pdf.LAYOUTS[layout]
    data, layout_notes = fn(case, rng)
    case.boxes = layout_notes.pop("_boxes", [])
    return case, data, layout_notes


# ----------------------------------------------------------------------------------------------- self-check

def norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def docx_text(path: Path) -> str:
    import docx  # python-docx: the file must open
    from lxml import etree

    docx.Document(str(path))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.match(r"word/(document|header\d*|footer\d*|endnotes|footnotes)\.xml$", name):
                root = etree.fromstring(z.read(name))
                out += [t.text or "" for t in root.iter(f"{W}t")]
    return "\n".join(out)


def pdf_text(path: Path, boxes) -> str:
    import pdfplumber
    from pypdf import PdfReader

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages):
            out.append(page.extract_text() or "")
            for (pi, x0, top, x1, bottom) in boxes:
                if pi == i:
                    out.append(page.within_bbox((x0, top, x1, bottom), strict=False).extract_text() or "")
    fields = PdfReader(str(path)).get_fields() or {}
    for f in fields.values():
        v = f.get("/V")
        if v:
            out.append(str(v))
    return "\n".join(out)


def check(case, path: Path, text: str) -> list[str]:
    hay = norm(text)
    problems = []
    for what, alts in model.expected_strings(case):
        if not any(norm(a) and norm(a) in hay for a in alts):
            problems.append(f"{path.name}: {what} {alts[0]!r} not found in the document text")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    problems = []
    counts: dict = {}
    for n, (sender_key, layout) in enumerate(plan(a.seed, a.count), start=1):
        case, data, layout_notes = make_one(a.seed, n, sender_key, layout)
        ext = "docx" if layout.startswith("W-") else "pdf"
        name = f"u10_{n:03d}.{ext}"
        path = out / "forms" / name
        path.write_bytes(data)
        notes = dict(case.notes)
        notes.update(layout_notes)
        truth = {"file": name, "layout": layout, "vocabulary": sender_key, "expect_status": "parsed",
                 "expect_reason": None, "record": case.record, "notes": notes}
        (out / "truth" / f"u10_{n:03d}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
        for err in validator.iter_errors(case.record):
            problems.append(f"{name}: record does not validate: {err.message}")
        try:
            text = docx_text(path) if ext == "docx" else pdf_text(path, case.boxes)
        except Exception as e:  # noqa: BLE001 - a document that cannot be opened is a failure
            problems.append(f"{name}: cannot be re-opened: {e}")
            continue
        problems += check(case, path, text)
        counts[(sender_key, layout)] = counts.get((sender_key, layout), 0) + 1
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problem(s)")
        return 1
    print(f"wrote {a.count} forms to {out}")
    print("self-check passed: every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
