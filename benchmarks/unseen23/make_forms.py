"""unseen23: a held-out corpus of Case Referral Forms (40 Word, 40 PDF) with exact truth.

    python benchmarks/unseen23/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u23_NNN.docx|.pdf and OUTDIR/truth/u23_NNN.json, then re-opens every document and checks
it against its truth (see README.md). Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

import model  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import ORDER, SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
STRIPS: dict[str, list] = {}


def schema_path() -> Path:
    for cand in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
                 HERE.parents[1] / "shared" / "referral.schema.json"):
        if cand.exists():
            return cand
    raise SystemExit("referral.schema.json not found")


def plan(seed: int) -> list[tuple[str, str]]:
    pairs = [(lay, snd) for lay in LAYOUTS for snd in ORDER]
    random.Random(f"u23-{seed}-plan").shuffle(pairs)
    return pairs


def notes_for(case: dict, s: dict, rec: dict, layout: str) -> dict:
    n = case["notes"]
    blanks, fillers = list(n["blanks"]), list(n["fillers"])
    scopes = [("", case["F"])] + [(f"child{i + 1}.", C) for i, C in enumerate(case["children"])]
    for prefix, fields in scopes:
        for k, f in fields.items():
            if isinstance(f, dict) and f.get("kind") in ("text", "date", "lines") and f.get("truth") is None:
                if k in ("c_age", "c_dob", "c_dod", "c_other", "c_dis", "panel_date"):
                    continue
                (blanks if f.get("shown", "") == "" else fillers).append(prefix + k)
    return {
        "date_style": s["date_style"], "dob_style": s["dob_style"],
        "blanks": sorted(set(blanks)), "fillers": sorted(set(fillers)),
        "third_option": n["third"], "decoys": n["decoys"], "ages": n["ages"],
        "children": len(rec["children"]), "agencies": len(rec["agencies_involved"]),
        "agencies_without_person": sum(1 for a in rec["agencies_involved"] if a["name"] is None),
        "itype": case["itype"] if rec["incident"]["type"] is not None else None,
        "not_asked": sorted(s["not_asked"]),
    }


# ------------------------------------------------------------------ self-check

def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def docx_text(data: bytes) -> str:
    from lxml import etree
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(z.read(name))
            for el in root.iter():
                if not isinstance(el.tag, str):
                    continue
                ns, _, local = el.tag[1:].partition("}")
                if local == "t" and "wordprocessingml" in ns and el.text:
                    out.append(el.text)
                if local == "signatureline":
                    for a, v in el.attrib.items():
                        if "suggestedsigner" in a:
                            out.append(v)
            out.append("\n")
    return " ".join(out)


def pdf_text(data: bytes, layout: str, strips=()) -> str:
    import pdfplumber
    from pypdf import PdfReader
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        if layout == "P-REVERSED":
            pages.reverse()  # read in printed page-number order
        for page in pages:
            pg = page.dedupe_chars() if layout == "P-FAUXBOLD" else page
            out.append(pg.extract_text() or "")
        # each strip (answer column, agency columns) read down the pages without the running header and footer
        for x0, x1 in strips:
            col = []
            for page in pages:
                pg = page.dedupe_chars() if layout == "P-FAUXBOLD" else page
                box = (max(0, x0), 40, min(float(page.width), x1), float(page.height) - 40)
                col.append(pg.within_bbox(box).extract_text() or "")
            out.append("\n".join(col))
    r = PdfReader(io.BytesIO(data))
    for page in r.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            v = a.get("/V")
            if v is None:
                continue
            v = str(v)
            out.append(v)
            for pair in a.get("/Opt") or []:
                if isinstance(pair, list) and str(pair[0]) == v:
                    out.append(str(pair[1]))
    return "\n".join(out)


def truth_strings(rec: dict) -> tuple[list[str], list[str]]:
    """Stated string values to look for, and ISO dates to look for in any style."""
    strs, dates = [], []

    def add(v):
        if v:
            strs.append(v)
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            add(rec[who][k])
    for C in rec["children"]:
        for part in C["name"].split(" "):
            add(part)
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(C[k])
        if C["address"]:
            for part in C["address"].split(", "):
                add(part)
        for k in ("dob", "date_of_death"):
            if C[k]:
                dates.append(C[k])
    inc = rec["incident"]
    add(inc["location"])
    if inc["summary"]:
        for ptxt in inc["summary"].split("\n\n"):
            add(ptxt)
    for k in ("date", "date_la_aware"):
        if inc[k]:
            dates.append(inc[k])
    add(rec["criteria"]["reason"])
    add(rec["immediate_concerns"])
    for a in rec["agencies_involved"]:
        add(a["name"])
        add(a["agency"])
        add(a["contact"])
    for k in ("date_of_referral", "date_panel_notified"):
        if rec[k]:
            dates.append(rec[k])
    return strs, dates


def self_check(out: Path, truths: list[dict]) -> list[str]:
    import docx
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for t in truths:
        f = out / "forms" / t["file"]
        data = f.read_bytes()
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        if f.suffix == ".docx":
            if t["layout"] != "W-STRICT":
                try:
                    docx.Document(io.BytesIO(data))
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{t['file']}: python-docx cannot open it: {e}")
            txt = docx_text(data)
        else:
            txt = pdf_text(data, t["layout"], STRIPS.get(t["file"], ()))
        nt = norm(txt)
        strs, dates = truth_strings(t["record"])
        for v in strs:
            if norm(v) not in nt:
                problems.append(f"{t['file']}: value not in document: {v!r}")
        for d in dates:
            dd = dt.date.fromisoformat(d)
            if not any(norm(model.fmt_date(dd, st)) in nt for st in model.DATE_STYLES):
                problems.append(f"{t['file']}: date not in document in any style: {d}")
    return problems


# ------------------------------------------------------------------ main

def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    truths = []
    for i, (layout, skey) in enumerate(plan(a.seed)[: a.count], start=1):
        s = SENDERS[skey]
        rng = random.Random(f"u23-{a.seed}-{i}")
        case = model.make_case(rng, s)
        rec = model.record(case, s)
        if layout in WORD_LAYOUTS:
            data, ext = WORD_LAYOUTS[layout](case, s, rng), "docx"
        else:
            data, ext = PDF_LAYOUTS[layout](case, s, rng), "pdf"
            import render_pdf
            STRIPS[f"u23_{i:03d}.pdf"] = list(render_pdf.LAST_STRIPS)
        name = f"u23_{i:03d}.{ext}"
        (out / "forms" / name).write_bytes(data)
        t = {"file": name, "layout": layout, "vocabulary": skey, "expect_status": "parsed", "expect_reason": None,
             "record": rec, "notes": notes_for(case, s, rec, layout)}
        (out / "truth" / f"u23_{i:03d}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
        truths.append(t)
    problems = self_check(out, truths)
    took = time.time() - t0
    if problems:
        for p in problems:
            print(p)
        print(f"self-check FAILED: {len(problems)} problems in {len(truths)} forms ({took:.1f} s)")
        return 1
    nd = sum(1 for t in truths if t["file"].endswith(".docx"))
    print(f"self-check passed: {len(truths)} forms ({nd} docx, {len(truths) - nd} pdf), every stated string value is in "
          f"its document, every record validates ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
