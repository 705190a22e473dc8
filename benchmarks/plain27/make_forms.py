#!/usr/bin/env python3
"""plain27: a held-out set of ORDINARY Case Referral Forms (Word and PDF) with exact truth records.

    python benchmarks/plain27/make_forms.py OUTDIR [--seed 2701] [--count 60]

Clears and writes OUTDIR/forms/p27_NNN.docx|.pdf and OUTDIR/truth/p27_NNN.json, then re-opens every document
and checks it (see README.md). Exit status 1 if the self-check fails. Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import p27_docx  # noqa: E402
import p27_pdf  # noqa: E402
from p27_check import check_all  # noqa: E402
from p27_model import build_form  # noqa: E402
from p27_senders import SENDERS  # noqa: E402

WORD_LAYOUTS = ["O-FORMFIELDS", "O-CONTROLS", "O-BOXES", "O-AUTONUM", "O-PARAS"]
PDF_LAYOUTS = ["Q-SAVEDPDF", "Q-LIBRE", "Q-FILLABLE", "Q-EFORM", "Q-GRIDPRINT"]
LAYOUTS = WORD_LAYOUTS + PDF_LAYOUTS


def find_schema() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[1] / "shared" / "referral.schema.json",
              HERE.parents[2] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found (expected /work/shared/ or shared/ beside the checkout)")


def make_plan(seed: int):
    rng = random.Random(f"p27-{seed}-plan")
    pairs = [(s["key"], lay) for s in SENDERS for lay in LAYOUTS]
    rng.shuffle(pairs)
    n = len(pairs)
    itypes = (["serious_harm"] * 20 + ["death"] * 12 + ["lac_death"] * 8 + ["care_leaver_death"] * 6 +
              ["other"] * 10 + [None] * 4)
    rng.shuffle(itypes)
    other_detail = [True] * 7 + [False] * 3
    rng.shuffle(other_detail)
    kids = [1] * 36 + [2] * 15 + [3] * 9
    rng.shuffle(kids)
    agencies = [0] * 4 + [1] * 8 + [2] * 14 + [3] * 16 + [4] * 12 + [5] * 6
    rng.shuffle(agencies)
    panel = ["yes"] * 20 + ["no"] * 22 + ["third"] * 10 + ["blank"] * 8
    rng.shuffle(panel)
    by_key = {s["key"]: s for s in SENDERS}
    plan = []
    oi = 0
    for i, (skey, lay) in enumerate(pairs):
        S = by_key[skey]
        e = {"sender": skey, "layout": lay, "itype": itypes[i], "children": kids[i], "agencies": agencies[i],
             "panel": panel[i]}
        if itypes[i] == "other":
            e["other_detail"] = other_detail[oi % len(other_detail)]
            oi += 1
        if "c_age" in S["labels"] and "c_age" not in S["not_asked"] and rng.random() < 0.45:
            e["age_child"] = rng.randrange(kids[i])
        plan.append(e)
    return plan


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2701)
    ap.add_argument("--count", type=int, default=60)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    if out.exists():
        shutil.rmtree(out)
    (out / "forms").mkdir(parents=True)
    (out / "truth").mkdir(parents=True)
    schema = find_schema()
    plan = make_plan(a.seed)
    by_key = {s["key"]: s for s in SENDERS}
    truths = []
    libre_jobs = []
    for idx in range(a.count):
        n = idx + 1
        e = plan[idx % len(plan)]
        S = by_key[e["sender"]]
        lay = e["layout"]
        rng = random.Random(f"p27-{a.seed}-{n}")
        spec = build_form(S, e, rng, lay)
        ext = "docx" if lay.startswith("O-") else "pdf"
        fname = f"p27_{n:03d}.{ext}"
        if lay in p27_docx.WORD_LAYOUTS:
            data, info = p27_docx.WORD_LAYOUTS[lay](spec, rng)
        elif lay == "Q-SAVEDPDF":
            data, info = p27_pdf.q_savedpdf(spec, rng, fname)
        elif lay == "Q-GRIDPRINT":
            data, info = p27_pdf.q_gridprint(spec, rng, fname)
        elif lay == "Q-EFORM":
            data, info = p27_pdf.q_eform(spec, rng, fname)
        elif lay == "Q-FILLABLE":
            data, info = p27_pdf.q_fillable(spec, rng, fname)
        elif lay == "Q-LIBRE":
            data, info = p27_docx.o_autonum(spec, rng, for_libre=True)
            info = dict(info, producer="LibreOffice 7.4 (writer_pdf_Export)", source="O-AUTONUM design")
            libre_jobs.append((fname, data, spec.ref_date))
            data = None
        else:
            raise AssertionError(lay)
        if data is not None:
            (out / "forms" / fname).write_bytes(data)
        notes = dict(spec.notes)
        notes["layout_info"] = info
        truths.append({"file": fname, "layout": lay, "vocabulary": S["key"], "expect_status": "parsed",
                       "expect_reason": None, "record": spec.record, "notes": notes})
    if libre_jobs:
        run_libre(out, libre_jobs)
    for t in truths:
        (out / "truth" / (Path(t["file"]).stem + ".json")).write_text(
            json.dumps(t, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    t_gen = time.time() - t0
    problems, nvals = check_all(out, schema, truths)
    t_all = time.time() - t0
    fmt = Counter(Path(t["file"]).suffix[1:] for t in truths)
    if problems:
        for p in problems:
            print("PROBLEM", p)
        print(f"self-check FAILED: {len(problems)} problems in {len(truths)} forms")
        return 1
    print(f"self-check passed: {len(truths)} forms ({fmt.get('docx', 0)} docx, {fmt.get('pdf', 0)} pdf), every stated "
          f"string value is in its document ({nvals} values), every record validates "
          f"(generated in {t_gen:.1f} s, {t_all:.1f} s with the check)")
    summary(truths)
    return 0


def run_libre(out: Path, jobs):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed for the Q-LIBRE layout")
    with tempfile.TemporaryDirectory(prefix="p27lo") as td:
        td = Path(td)
        src = td / "src"
        src.mkdir()
        for fname, data, _ in jobs:
            (src / (Path(fname).stem + ".docx")).write_bytes(data)
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp", TZ="UTC")
        cmd = [soffice, f"-env:UserInstallation=file://{td}/profile", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(td / "pdf")] + \
              [str(src / (Path(f).stem + ".docx")) for f, _, _ in jobs]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=600)
        for fname, _, ref_date in jobs:
            pdf = (td / "pdf" / (Path(fname).stem + ".pdf")).read_bytes()
            (out / "forms" / fname).write_bytes(p27_pdf.normalise_libre(pdf, ref_date, fname))


def summary(truths):
    recs = [t["record"] for t in truths]
    kids = Counter(len(r["children"]) for r in recs)
    nag = sum(len(r["agencies_involved"]) for r in recs)
    noname = sum(1 for r in recs for a in r["agencies_involved"] if a["name"] is None)
    ages = sum(1 for r in recs for c in r["children"] if c["age"])
    it = Counter(r["incident"]["type"] for r in recs)
    third = sum(len(t["notes"]["third_option"]) for t in truths)
    third_forms = sum(1 for t in truths if t["notes"]["third_option"])
    print(f"children per form: {dict(sorted(kids.items()))}; agencies rows {nag} ({noname} without a person); "
          f"ages instead of DOB {ages}; incident types {dict(it)}; third options {third} in {third_forms} forms")


if __name__ == "__main__":
    sys.exit(main())
