"""unseen18 - a held-out set of Case Referral Forms from eight invented senders in ten new layouts.

    python benchmarks/unseen18/make_forms.py OUTDIR [--seed N] [--count 80]

Clears OUTDIR/forms and OUTDIR/truth, writes OUTDIR/forms/u18_NNN.docx|.pdf and OUTDIR/truth/u18_NNN.json,
then self-checks the output (schema, opening every file, every stated value findable in its document)
and exits 1 if a check fails. Standalone: imports nothing from the project.
"""

from __future__ import annotations

import argparse
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

from u18_docx import WORD_LAYOUTS  # noqa: E402
from u18_model import ALL_DATE_STYLES, build_case, fmt_date  # noqa: E402
from u18_pdf import PDF_LAYOUTS  # noqa: E402
from u18_senders import SENDERS  # noqa: E402

LAYOUTS = ["W-XMLTAGS", "W-ECOMAP", "W-ROUTING", "W-AUTOCRAT", "W-FILLIN",
           "P-FPDF", "P-ACCESSFORM", "P-REDACTED", "P-INFOPATH", "P-ONENOTE"]

LAYOUT_OPTS = {
    "W-AUTOCRAT": {"date_main": "slash", "date_dob": "slash", "keep": ["referrer.email"], "sheet_phone": True,
                   "no_date_fillers": True},
    "P-ACCESSFORM": {"access": True},
    "P-INFOPATH": {"date_main": "slash", "date_dob": "slash"},
}


def find_schema() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parent.parent / "shared" / "referral.schema.json",
              HERE.parent.parent.parent / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed: int, count: int):
    rng = random.Random(f"u18-{seed}-plan")
    senders = list(SENDERS)
    jobs = []
    for layout in LAYOUTS:
        multi = set(rng.sample(senders, 2))
        three = rng.choice(sorted(multi)) if rng.random() < 0.4 else None
        for s in senders:
            kids = 3 if s == three else 2 if s in multi else 1
            jobs.append((s, layout, kids))
    rng.shuffle(jobs)
    return jobs[:count]


def make(outdir: Path, seed: int, count: int) -> list[dict]:
    forms, truth = outdir / "forms", outdir / "truth"
    for d in (forms, truth):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    out = []
    for n, (sender, layout, kids) in enumerate(plan(seed, count), start=1):
        rng = random.Random(f"u18-{seed}-{n}")
        opts = dict(LAYOUT_OPTS.get(layout, {}))
        opts["children"] = kids
        if opts.get("access"):
            opts["date_main"] = rng.choice(["slash", "access_medium", "long0"])
            opts["date_dob"] = "slash"
        if layout == "P-REDACTED":
            opts["redact"] = True
        case = build_case(rng, sender, layout, opts)
        ext = "docx" if layout.startswith("W-") else "pdf"
        name = f"u18_{n:03d}.{ext}"
        fn = (WORD_LAYOUTS if ext == "docx" else PDF_LAYOUTS)[layout]
        details = fn(case, forms / name) or {}
        notes = dict(case.notes)
        notes["layout_details"] = details
        rec = case.record
        t = {"file": name, "layout": layout, "vocabulary": sender, "expect_status": "parsed", "expect_reason": None,
             "record": rec, "notes": notes}
        (truth / f"u18_{n:03d}.json").write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        out.append(t)
    return out


# ------------------------------------------------------------------ self-check

def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z]", "", s)


def docx_text(path: Path) -> str:
    import docx  # python-docx
    docx.Document(str(path))
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                parts += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
    import html
    return html.unescape("\n".join(parts))


def pdf_text(path: Path) -> str:
    import pdfplumber
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            out.append("".join(c["text"] for c in page.chars))
    return "\n".join(out)


def values_to_find(rec: dict):
    """(path, [alternatives]) for every stated string value; an alternative is a list of pieces that must all occur."""
    import datetime as dt

    def date_alts(v):
        d = dt.date.fromisoformat(v)
        return [[fmt_date(d, s)] for s in ALL_DATE_STYLES]

    yield "date_of_referral", rec["date_of_referral"] and date_alts(rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        for k in ("name", "role", "agency", "email", "phone"):
            if p[k]:
                yield f"{who}.{k}", [[p[k]]] if k != "name" else [p[k].split()]
    for i, c in enumerate(rec["children"]):
        for k in ("name", "other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            if c[k]:
                yield f"children[{i}].{k}", [c[k].split()] if k == "name" else [[c[k]]]
        if c["address"]:
            yield f"children[{i}].address", [c["address"].split(", ")]
        for k in ("dob", "date_of_death"):
            if c[k]:
                yield f"children[{i}].{k}", date_alts(c[k])
    inc = rec["incident"]
    for k in ("date", "date_la_aware"):
        if inc[k]:
            yield f"incident.{k}", date_alts(inc[k])
    if inc["location"]:
        yield "incident.location", [[inc["location"]]]
    if inc["summary"]:
        yield "incident.summary", [inc["summary"].split("\n\n")]
    if rec["criteria"]["reason"]:
        yield "criteria.reason", [[rec["criteria"]["reason"]]]
    if rec["date_panel_notified"]:
        yield "date_panel_notified", date_alts(rec["date_panel_notified"])
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]:
                yield f"agencies_involved[{i}].{k}", [[a[k]]]
    if rec["immediate_concerns"]:
        yield "immediate_concerns", [[rec["immediate_concerns"]]]


def self_check(outdir: Path, truths: list[dict]) -> list[str]:
    import jsonschema
    schema = json.loads(find_schema().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for t in truths:
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        path = outdir / "forms" / t["file"]
        try:
            text = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: does not open: {e!r}")
            continue
        hay = norm(text)
        for key, alts in values_to_find(t["record"]):
            if not alts:
                continue
            if not any(all(norm(piece) in hay for piece in alt) for alt in alts):
                problems.append(f"{t['file']} ({t['layout']}): {key} not found: {alts[0]!r:.80}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.monotonic()
    outdir = Path(a.outdir)
    truths = make(outdir, a.seed, a.count)
    problems = self_check(outdir, truths)
    took = time.monotonic() - t0
    n_docx = sum(t["file"].endswith(".docx") for t in truths)
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problem(s) in {len(truths)} forms ({took:.1f} s)")
        return 1
    print(f"self-check passed: {len(truths)} forms ({n_docx} docx, {len(truths) - n_docx} pdf), every stated string "
          f"value is in its document, every record validates ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
