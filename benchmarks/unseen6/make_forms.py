"""unseen6: held-out Case Referral Forms from eight invented senders, in eleven Word and PDF layouts.

    python benchmarks/unseen6/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/<stem>.docx|.pdf and OUTDIR/truth/<stem>.json, then re-reads every document and checks
that each stated string value appears in its text and that each record validates against the schema.
Exits 1 if any check fails. See README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from case import DATE_STYLES, make_case, to_record  # noqa: E402
from look import Look  # noqa: E402
from pdfforms import PDF_LAYOUTS  # noqa: E402
from spec import build  # noqa: E402
from vocab import VOCAB_LAYOUTS, VOCABS  # noqa: E402
from wordforms import DOCX_LAYOUTS  # noqa: E402

SCHEMA_CANDIDATES = [HERE.parents[1] / "shared" / "referral.schema.json",
                     HERE.parents[2] / "shared" / "referral.schema.json", Path("/work/shared/referral.schema.json")]
LIBRE = {"L-MERGE": "W-MERGE", "L-BOXQ": "W-BOXQ"}
LAYOUT_TEXT = {
    "W-MERGE": "Word: label column, answers in merged cells, vertically merged 'Child n' cell, glyph tick pairs",
    "W-BOXQ": "Word: auto-numbered questions, answer in a one-cell box below",
    "W-HOUSE": "Word (landscape): household table with a 'Subject of this referral?' column, one row per subject child",
    "W-CCX": "Word: content controls (custom placeholders, date pickers, drop-downs, w14 checkboxes, repeating section)",
    "W-LEGACY": "Word: legacy form fields in a 4-column grid, protected; unused child slots unfilled",
    "W-COLS": "Word: two newspaper columns, small bold labels, answers on dotted ruled lines",
    "P-BOXES": "PDF (reportlab): drawn boxes, small label inside the top of each box, two boxes per row, drawn tick squares",
    "P-CMS": "PDF (reportlab): case-management-system printout, Question | Response table across pages",
    "F-ACRO": "PDF: fillable AcroForm, descriptive field names, combo or checkbox yes/no, Child 1-n blocks",
    "L-MERGE": "PDF: W-MERGE printed by LibreOffice",
    "L-BOXQ": "PDF: W-BOXQ printed by LibreOffice (question numbers become text)",
}


def plan(rng, count):
    combos = [(v, lay) for v, lays in VOCAB_LAYOUTS.items() for lay in lays]
    out = []
    while len(out) < count:
        batch = combos[:]
        rng.shuffle(batch)
        out += batch
    return out[:count]


def soffice_pdf(docx_files: list[Path], outdir: Path):
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), *map(str, docx_files)], check=True, capture_output=True, timeout=600)


def normalise_pdf(path: Path):
    """Fixed dates and IDs in a LibreOffice PDF (same length, so the xref stays valid)."""
    b = path.read_bytes()
    b = re.sub(rb"\(D:\d{14}[^)]*\)", lambda m: b"(" + (b"D:20260105090000" + b"Z" * 40)[: len(m.group(0)) - 2] + b")", b)
    b = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
               lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"1" * len(m.group(2))), b)
    b = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), b)
    b = re.sub(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*<", lambda m: b"<xmp:" + m.group(1) + b">" + b"2026-01-05T09:00:00Z"[: len(m.group(0)) - len(m.group(1)) - 7].ljust(len(m.group(0)) - len(m.group(1)) - 7, b" ") + b"<", b)
    path.write_bytes(b)


def generate(outdir: Path, seed: int, count: int) -> list[dict]:
    forms, truth = outdir / "forms", outdir / "truth"
    for d in (forms, truth):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rng = random.Random(seed)
    jobs = plan(rng, count)
    truths, pending = [], []
    tmp = Path(tempfile.mkdtemp(prefix="unseen6_"))
    try:
        for i, (vname, layout) in enumerate(jobs, 1):
            frng = random.Random(f"{seed}-{i}-{vname}-{layout}")
            case = make_case(frng, vname)
            sections = build(frng, vname, case)
            look = Look(frng, vname, layout, cms=layout == "P-CMS")
            stem = f"u6_{i:03d}"
            if layout in DOCX_LAYOUTS:
                fname = f"{stem}.docx"
                notes = DOCX_LAYOUTS[layout](sections, look, case, forms / fname)
            elif layout in PDF_LAYOUTS:
                fname = f"{stem}.pdf"
                notes = PDF_LAYOUTS[layout](sections, look, case, forms / fname)
            else:
                fname = f"{stem}.pdf"
                src = tmp / f"{stem}.docx"
                notes = DOCX_LAYOUTS[LIBRE[layout]](sections, look, case, src)
                notes["source_layout"] = LIBRE[layout]
                pending.append(src)
            notes.update({"date_styles": [look.date1, look.date2], "children": len(case["children"]),
                          "agencies": len(case["agencies"])})
            record = to_record(case)
            split = "child_first" in VOCABS[vname]["labels"]
            notes["split_child_name"] = split
            t = {"file": fname, "layout": layout, "vocabulary": vname, "expect_status": "parsed",
                 "expect_reason": None, "record": record, "notes": notes}
            if split:
                t["notes"]["name_parts"] = [[c["first"], c["last"]] for c in case["children"]]
            truths.append(t)
        if pending:
            soffice_pdf(pending, forms)
            for src in pending:
                normalise_pdf(forms / (src.stem + ".pdf"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for t in truths:
        (truth / (Path(t["file"]).stem + ".json")).write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n")
    return truths


# ---------------------------------------------------------------- self-check

def norm(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def docx_text(path: Path) -> str:
    from lxml import etree
    out = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n):
                root = etree.fromstring(z.read(n))
                out.append(" ".join(root.xpath("//*[local-name()='t']/text()")))
    return "\n".join(out)


def without_running_heads(pages: list[str]) -> str:
    """Page texts joined with the lines that repeat on every page (headers, footers) left out."""
    if len(pages) < 2:
        return "\n".join(pages)
    key = lambda line: re.sub(r"\d+", "#", line.strip())  # noqa: E731
    common = set.intersection(*({key(l) for l in p.splitlines()} for p in pages))
    return "\n".join(l for p in pages for l in p.splitlines() if key(l) not in common)


def pdf_texts(path: Path, crops) -> list[str]:
    import pdfplumber
    from pypdf import PdfReader
    texts = []
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    with pdfplumber.open(path) as pdf:
        full, body = [], []
        for page in pdf.pages:
            full.append(page.extract_text() or "")
            body.append(page.crop((0, 45, page.width, page.height - 45)).extract_text() or "")
            for x0, x1 in crops or []:
                texts.append(page.crop((x0, 0, x1, page.height)).extract_text() or "")
        texts += ["\n".join(full), "\n".join(body), without_running_heads(full)]
    texts.append(extract_text(str(path), laparams=LAParams()))
    fields = PdfReader(path).get_fields() or {}
    texts.append("\n".join(str(f.get("/V", "")) for f in fields.values()))
    return texts


def stated_values(t: dict):
    """(what, value, kind) for every stated string in the record."""
    r = t["record"]
    yield "date_of_referral", r["date_of_referral"], "date"
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            yield f"{who}.{k}", r[who][k], "text"
    parts = t["notes"].get("name_parts")
    for i, c in enumerate(r["children"]):
        if parts:
            yield f"children[{i}].name(forename)", parts[i][0], "text"
            yield f"children[{i}].name(surname)", parts[i][1], "text"
        else:
            yield f"children[{i}].name", c["name"], "text"
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            yield f"children[{i}].{k}", c[k], "text"
        for k in ("dob", "date_of_death"):
            yield f"children[{i}].{k}", c[k], "date"
        if c["address"]:
            for j, line in enumerate(c["address"].split(", ")):
                yield f"children[{i}].address[{j}]", line, "text"
    inc = r["incident"]
    yield "incident.date", inc["date"], "date"
    yield "incident.date_la_aware", inc["date_la_aware"], "date"
    yield "incident.location", inc["location"], "text"
    if inc["summary"]:
        for j, para in enumerate(inc["summary"].split("\n\n")):
            yield f"incident.summary[{j}]", para, "text"
    yield "criteria.reason", r["criteria"]["reason"], "text"
    yield "date_panel_notified", r["date_panel_notified"], "date"
    for i, a in enumerate(r["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            yield f"agencies_involved[{i}].{k}", a[k], "text"
    yield "immediate_concerns", r["immediate_concerns"], "text"


def found(value: str, kind: str, hay: list[str]) -> bool:
    from datetime import date
    if kind == "date":
        d = date.fromisoformat(value)
        cands = {norm(f(d)) for f in DATE_STYLES.values()}
        return any(c in h for c in cands for h in hay)
    n = norm(value)
    return bool(n) and any(n in h for h in hay)


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
            hay = [norm(docx_text(path))]
        else:
            hay = [norm(s) for s in pdf_texts(path, t["notes"].get("crops"))]
        for what, value, kind in stated_values(t):
            if value is not None and not found(value, kind, hay):
                problems.append(f"{t['file']} ({t['layout']}): {what} = {value!r} not found in the document text")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.monotonic()
    truths = generate(a.outdir, a.seed, a.count)
    t1 = time.monotonic()
    problems = self_check(a.outdir, truths)
    t2 = time.monotonic()
    by_layout: dict[str, int] = {}
    for t in truths:
        by_layout[t["layout"]] = by_layout.get(t["layout"], 0) + 1
    print(f"wrote {len(truths)} forms to {a.outdir}/forms in {t1 - t0:.1f}s; self-check {t2 - t1:.1f}s")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(by_layout.items())))
    multi = sum(1 for t in truths if len(t["record"]["children"]) > 1)
    print(f"  {multi} forms with 2-3 children")
    if problems:
        print(f"SELF-CHECK FAILED: {len(problems)} problem(s)")
        for p in problems[:60]:
            print("  " + p)
        return 1
    print("self-check passed: every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
