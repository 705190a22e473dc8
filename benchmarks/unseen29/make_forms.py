"""unseen29 - a held-out Case Referral Form corpus: 8 new senders x 10 new layouts.

    python benchmarks/unseen29/make_forms.py OUTDIR [--seed N] [--count 80] [--stats] [--no-check]

Clears and writes OUTDIR/forms/u29_NNN.docx|.pdf and OUTDIR/truth/u29_NNN.json, then re-opens every
document and checks it (exit 1 on any problem).  Imports nothing from the project.
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

from u29_check import self_check  # noqa: E402
from u29_docx import WORD_LAYOUTS  # noqa: E402
from u29_model import build  # noqa: E402
from u29_pdf import PDF_LAYOUTS, TOGGLE_KEYS, two_pass  # noqa: E402
from u29_senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)

CONSTRAINTS = {
    "W-DELETEWORDS": {"no_third": {"lead_discussed", "c_lac", "cr_harm", "cr_local"}},
    "W-DETAILCOLS": {},
    "W-BOXPICS": {},
    "W-PROSEBOXES": {"no_fillers": {"ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone", "lead_name",
                                    "lead_role", "lead_agency", "lead_email", "lead_phone", "i_date", "i_loc", "i_la"},
                     "no_commas": True, "loc_raw": True},
    "W-FAMILYSTAR": {"family": True, "child_weights": [15, 50, 35]},
    "P-APPSETTINGS": {"toggles": set(TOGGLE_KEYS)},
    "P-FORMMAIL": {"no_fillers": {"ref_name", "ref_email"}},
    "P-FADEDOPTIONS": {},
    "P-FOOTNOTED": {},
    "P-OVERFLOW": {},
}


def find_schema() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parent.parent / "shared" / "referral.schema.json",
              HERE.parent.parent.parent / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed: int) -> list[tuple[dict, str]]:
    cells = [(s, lay) for s in SENDERS for lay in LAYOUTS]
    random.Random(f"u29-{seed}-plan").shuffle(cells)
    return cells


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    cells = plan(a.seed)[: a.count]
    seen: Counter = Counter()
    stats = Counter()
    itypes = Counter()
    for n, (sender, layout) in enumerate(cells, 1):
        f = build(sender, layout, n, a.seed, CONSTRAINTS[layout])
        f.variant = seen[layout]  # the k-th form of this layout: spreads each layout's variants evenly
        seen[layout] += 1
        stem = f"u29_{n:03d}"
        rrng = random.Random(f"u29-{a.seed}-{n}-render")
        if layout in WORD_LAYOUTS:
            fname = stem + ".docx"
            lnotes = WORD_LAYOUTS[layout](f, out / "forms" / fname, rrng)
        else:
            fname = stem + ".pdf"
            lnotes = two_pass(PDF_LAYOUTS[layout], f, out / "forms" / fname, f"u29-{a.seed}-{n}-render")
        notes = dict(f.notes)
        notes.update(lnotes)
        truth = {"file": fname, "layout": layout, "vocabulary": sender["id"], "expect_status": "parsed",
                 "expect_reason": None, "record": f.record, "notes": notes}
        (out / "truth" / f"{stem}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
        rec = f.record
        stats["forms"] += 1
        stats["docx" if fname.endswith(".docx") else "pdf"] += 1
        stats["children"] += len(rec["children"])
        stats[f"forms_with_{len(rec['children'])}_children"] += 1
        stats["agency_rows"] += len(rec["agencies_involved"])
        stats["agency_rows_without_person"] += sum(1 for x in rec["agencies_involved"] if x["name"] is None)
        stats["forms_with_agencies"] += bool(rec["agencies_involved"])
        stats["ages"] += sum(1 for c in rec["children"] if c["age"] is not None)
        stats["dates_of_death"] += sum(1 for c in rec["children"] if c["date_of_death"] is not None)
        stats["third_options"] += notes["third_option"]
        stats["forms_with_third"] += bool(notes["third_option"])
        stats["blanks"] += notes["blanks"]
        stats["fillers"] += notes["fillers"]
        stats["decoys"] += len(notes["decoys"])
        stats["alt_dates"] += notes["alt_dates"]
        stats["panel_notified"] += rec["panel_notified"] is True
        stats["panel_dates"] += rec["date_panel_notified"] is not None
        itypes[rec["incident"]["type"]] += 1
        if rec["incident"]["type"] == "other" and notes.get("other_detail"):
            stats["other_with_details"] += 1
        for k, v in lnotes.items():
            if isinstance(v, int) and not isinstance(v, bool):
                stats[f"{layout}.{k}"] += v
    gen_time = time.time() - t0
    if a.stats:
        for k in sorted(stats):
            print(f"{k}: {stats[k]}")
        print("incident types:", dict(itypes))
    print(f"wrote {stats['forms']} forms ({stats['docx']} docx, {stats['pdf']} pdf) to {out} in {gen_time:.1f} s")
    if a.no_check:
        return 0
    ok, msg = self_check(out, find_schema())
    print(msg)
    print(f"total time {time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
