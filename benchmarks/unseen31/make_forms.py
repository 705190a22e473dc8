"""unseen31 - held-out Case Referral Form corpus generator.

    python benchmarks/unseen31/make_forms.py OUTDIR [--seed 31] [--count 80] [--stats] [--no-check]

Writes OUTDIR/forms/u31_NNN.docx|.pdf and OUTDIR/truth/u31_NNN.json, then self-checks every document.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from u31_check import self_check  # noqa: E402
from u31_docx import WORD_LAYOUTS  # noqa: E402
from u31_form import build_truth  # noqa: E402
from u31_model import Case, ITYPE_VALUES  # noqa: E402
from u31_pdf import PDF_LAYOUTS  # noqa: E402
from u31_senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
RENDER = {**WORD_LAYOUTS, **PDF_LAYOUTS}


def make_plan(seed: int, count: int) -> list[dict]:
    rng = random.Random(f"u31-{seed}-plan")
    total = 80
    itypes = (["death"] * 17 + ["serious_harm"] * 18 + ["lac_death"] * 15 + ["care_leaver_death"] * 14 + ["other"] * 16)
    children = [1] * 46 + [2] * 24 + [3] * 10
    agencies = [0] * 4 + [1] * 8 + [2] * 18 + [3] * 24 + [4] * 18 + [5] * 8
    for x in (itypes, children, agencies):
        rng.shuffle(x)
    plan = []
    for n in range(total):
        li = n % 10
        si = (n // 10 + 3 * li) % 8
        plan.append({"n": n + 1, "layout": LAYOUTS[li], "sender": SENDERS[si], "itype": itypes[n],
                     "children": children[n], "agencies": agencies[n]})
    # the one-form-per-child layout always has two or three children: swap counts with single-child forms elsewhere
    for p in plan:
        if p["layout"] == "W-FORMPERCHILD" and p["children"] == 1:
            for q in plan:
                if q["layout"] != "W-FORMPERCHILD" and q["children"] > 1:
                    p["children"], q["children"] = q["children"], 1
                    break
    return plan[:count]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    plan = make_plan(args.seed, args.count)
    truths = []
    for p in plan:
        n = p["n"]
        case = Case(p["sender"], random.Random(f"u31-{args.seed}-{n}"), n, p)
        rng = random.Random(f"u31-{args.seed}-{n}-render")
        data, lnotes = RENDER[p["layout"]](case, rng)
        ext = "docx" if p["layout"].startswith("W-") else "pdf"
        name = f"u31_{n:03d}.{ext}"
        (out / "forms" / name).write_bytes(data)
        notes = dict(case.notes)
        notes.update(lnotes)
        t = {"file": name, "layout": p["layout"], "vocabulary": p["sender"]["key"], "expect_status": "parsed",
             "expect_reason": None, "record": build_truth(case), "notes": notes}
        (out / "truth" / f"u31_{n:03d}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
        truths.append(t)
    t1 = time.time()
    if args.stats:
        print_stats(truths)
    print(f"wrote {len(truths)} forms in {t1 - t0:.1f} s")
    if args.no_check:
        return 0
    ok, msg = self_check(out, truths)
    print(msg)
    print(f"total {time.time() - t0:.1f} s")
    return 0 if ok else 1


def print_stats(truths):
    c = Counter()
    for t in truths:
        r = t["record"]
        c["forms"] += 1
        c[t["file"].rsplit(".", 1)[1]] += 1
        k = len(r["children"])
        c[f"children_{k}"] += 1
        c["children"] += k
        c["agency_rows"] += len(r["agencies_involved"])
        c["agency_rows_no_person"] += sum(1 for a in r["agencies_involved"] if a["name"] is None)
        c["forms_with_agencies"] += bool(r["agencies_involved"])
        c["ages"] += sum(1 for ch in r["children"] if ch["age"])
        c["dod"] += sum(1 for ch in r["children"] if ch["date_of_death"])
        c["type_" + str(r["incident"]["type"])] += 1
        c["other_with_details"] += bool(t["notes"].get("other_detail"))
        c["third_option_answers"] += t["notes"]["third_option"]
        c["forms_with_third_option"] += t["notes"]["third_option"] > 0
        c["blanks"] += t["notes"]["blanks"]
        c["fillers"] += t["notes"]["fillers"]
        c["alt_dates"] += t["notes"]["alt_dates"]
        c["decoys"] += len(t["notes"]["decoys"])
        c["decoys_blank"] += sum(1 for d in t["notes"]["decoys"] if d.endswith("="))
        c["panel_yes"] += r["panel_notified"] is True
        c["panel_yes_with_date"] += bool(r["date_panel_notified"])
    for k in sorted(c):
        print(f"  {k}: {c[k]}")


if __name__ == "__main__":
    sys.exit(main())
