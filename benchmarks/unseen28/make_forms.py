"""Held-out corpus unseen28: 80 Case Referral Forms (40 .docx, 40 .pdf) with truth.

    python benchmarks/unseen28/make_forms.py OUTDIR [--seed N] [--count 80] [--stats]
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

from model import Case  # noqa: E402
from senders import SENDERS  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402

LAYOUTS = list(render_docx.LAYOUTS) + list(render_pdf.LAYOUTS)


def plan(seed: int) -> list[tuple[str, dict]]:
    pairs = [(lay, SENDERS[(i + j) % 8]) for j, lay in enumerate(LAYOUTS) for i in range(8)]
    random.Random(f"u28-{seed}-plan").shuffle(pairs)
    return pairs


def make_one(n: int, layout: str, sender: dict, seed: int, forms: Path):
    rng = random.Random(f"u28-{seed}-{n}")
    case = Case(sender, rng, n)
    is_docx = layout in render_docx.LAYOUTS
    name = f"u28_{n:03d}.{'docx' if is_docx else 'pdf'}"
    if is_docx:
        data, lnotes = render_docx.LAYOUTS[layout](case, rng)
        (forms / name).write_bytes(data)
    else:
        lnotes = render_pdf.LAYOUTS[layout](case, rng, forms / name)
    notes = dict(case.notes)
    notes.update(lnotes or {})
    notes["date_style"] = sender["date_main"]
    notes["dob_style"] = sender["date_dob"]
    notes["itype"] = case.itype
    notes["not_asked"] = sorted(sender["not_asked"])
    truth = {"file": name, "layout": layout, "vocabulary": sender["key"], "expect_status": "parsed",
             "expect_reason": None, "record": case.record(), "notes": notes}
    return truth, case


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=28)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    forms, truthdir = out / "forms", out / "truth"
    for d in (forms, truthdir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    truths, cases = [], {}
    for n, (layout, sender) in enumerate(plan(args.seed)[: args.count], start=1):
        t, case = make_one(n, layout, sender, args.seed, forms)
        truths.append(t)
        cases[t["file"]] = case
        (truthdir / (Path(t["file"]).stem + ".json")).write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n")
    gen = time.time() - t0
    if args.stats:
        stats(truths)
    if args.no_check:
        print(f"generated {len(truths)} forms in {gen:.1f} s (no check)")
        return 0
    import check
    ok, msg = check.run(out, truths, cases)
    print(msg)
    print(f"time: {gen:.1f} s to generate, {time.time() - t0 - gen:.1f} s to check")
    return 0 if ok else 1


def stats(truths):
    c = Counter()
    for t in truths:
        r = t["record"]
        n = len(r["children"])
        c[f"children_{n}"] += 1
        c["children"] += n
        c["ages"] += sum(1 for ch in r["children"] if ch["age"])
        c["forms_with_age"] += any(ch["age"] for ch in r["children"])
        c["agency_rows"] += len(r["agencies_involved"])
        c["agency_rows_no_person"] += sum(1 for a in r["agencies_involved"] if a["name"] is None)
        c["forms_with_agencies"] += bool(r["agencies_involved"])
        c[f"type_{r['incident']['type']}"] += 1
        c["other_with_detail"] += bool(t["notes"].get("other_detail"))
        c["third"] += t["notes"]["third_option"]
        c["forms_third"] += t["notes"]["third_option"] > 0
        c["blanks"] += t["notes"]["blanks"]
        c["fillers"] += t["notes"]["fillers"]
        c["alt_dates"] += t["notes"]["alt_dates"]
        c["decoys"] += sum(1 for d in t["notes"]["decoys"] if not d.endswith("="))
        c["panel_yes"] += r["panel_notified"] is True
        c["panel_date"] += r["date_panel_notified"] is not None
        c["dod"] += sum(1 for ch in r["children"] if ch["date_of_death"])
        c[t["file"].rsplit(".", 1)[1]] += 1
    for k in sorted(c):
        print(f"{k}: {c[k]}")


if __name__ == "__main__":
    sys.exit(main())
