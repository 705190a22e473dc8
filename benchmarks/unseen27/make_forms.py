"""unseen27 - a held-out Case Referral Form corpus: 8 invented senders x 10 layouts (5 Word, 5 PDF).

    python benchmarks/unseen27/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u27_NNN.docx|.pdf and OUTDIR/truth/u27_NNN.json, then re-opens every document
and checks it (exit 1 on failure).  Imports nothing from the project.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import self_check  # noqa: E402
from model import Builder  # noqa: E402
from render_docx import RENDERERS as DOCX  # noqa: E402
from render_pdf import RENDERERS as PDF  # noqa: E402
from senders import SENDER_ORDER  # noqa: E402

LAYOUTS = ["W-SIBCELLS", "W-INITIALBOX", "W-SHAREDROWS", "W-RTFCHUNKS", "W-BRACKETFILL",
           "P-DEFVALUES", "P-XFASTATIC", "P-SQUEEZED", "P-PERCHILDPROS", "P-CRLFXREF"]

CHILDREN = {
    "W-SIBCELLS": [2, 3, 2, 1, 2, 3, 2, 1],
    "W-INITIALBOX": [1, 2, 1, 3, 1, 2, 1, 1],
    "W-SHAREDROWS": [1, 2, 3, 1, 2, 1, 2, 1],
    "W-RTFCHUNKS": [1, 1, 2, 1, 3, 1, 2, 1],
    "W-BRACKETFILL": [1, 2, 1, 1, 3, 2, 1, 1],
    "P-DEFVALUES": [1, 2, 1, 3, 1, 2, 1, 1],
    "P-XFASTATIC": [1, 2, 3, 1, 2, 1, 1, 2],
    "P-SQUEEZED": [2, 3, 2, 1, 2, 3, 2, 1],
    "P-PERCHILDPROS": [2, 1, 3, 2, 1, 2, 3, 1],
    "P-CRLFXREF": [1, 1, 2, 1, 2, 3, 1, 1],
}
EXTRA_ITYPE = ["death", "other", "lac_death", "serious_harm", "other", "care_leaver_death", None, "death", "other", None]


def plan(seed: int) -> list[dict]:
    rng = random.Random(f"u27-{seed}-plan")
    combos = []
    for li, layout in enumerate(LAYOUTS):
        kids = list(CHILDREN[layout])
        rng.shuffle(kids)
        itypes = ["death", "serious_harm", "serious_harm", "lac_death", "care_leaver_death", "other", "serious_harm",
                  EXTRA_ITYPE[li]]
        rng.shuffle(itypes)
        for si, sid in enumerate(SENDER_ORDER):
            it = itypes[si]
            nk = kids[si]
            if it == "care_leaver_death":
                nk = 2 if nk > 2 else nk
            combos.append(dict(layout=layout, sender=sid, children=nk, itype=it))
    rng.shuffle(combos)
    for n, c in enumerate(combos, start=1):
        c["n"] = n
    return combos


def print_stats(out: Path) -> None:
    c = Counter()
    per_layout = Counter()
    for tf in sorted((out / "truth").glob("*.json")):
        t = json.loads(tf.read_text())
        rec, notes = t["record"], t["notes"]
        k = len(rec["children"])
        c[f"children_{k}"] += 1
        c["children"] += k
        c["ages"] += sum(1 for ch in rec["children"] if ch["age"])
        c["forms_with_age"] += any(ch["age"] for ch in rec["children"])
        c["dod"] += sum(1 for ch in rec["children"] if ch["date_of_death"])
        c["agency_rows"] += len(rec["agencies_involved"])
        c["forms_with_agencies"] += bool(rec["agencies_involved"])
        nop = sum(1 for a in rec["agencies_involved"] if a["name"] is None)
        c["agency_rows_no_person"] += nop
        c["forms_agency_no_person"] += bool(nop)
        c[f"itype_{rec['incident']['type']}"] += 1
        if rec["incident"]["type"] == "other" and notes.get("other_detail"):
            c["other_with_detail"] += 1
        c["third_answers"] += len(notes["third_option"])
        c["forms_third"] += bool(notes["third_option"])
        c["blanks"] += len(notes["blanks"])
        c["fillers"] += len(notes["fillers"])
        c["alt_dates"] += len(notes["alt_dates"])
        c["panel_yes"] += rec["panel_notified"] is True
        c["panel_date"] += rec["date_panel_notified"] is not None
        c["decoys"] += len(notes["decoys"])
        for key in ("shared_cells", "prompts_left", "freetext_children", "freetext_agencies", "rtf_chunks"):
            if key in notes:
                per_layout[f"{t['layout']}:{key}"] += notes[key]
        if "typed_after_prompt" in notes:
            per_layout["P-DEFVALUES:typed_after_prompt"] += len(notes["typed_after_prompt"])
    print("stats:", json.dumps(dict(sorted(c.items()))))
    print("layout stats:", json.dumps(dict(sorted(per_layout.items()))))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true", help="print counts over the written truth files")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    stats = Counter()
    for p in plan(args.seed)[: args.count]:
        n = p["n"]
        case = Builder(n, p["sender"], p["layout"], args.seed, p).build()
        ext = "docx" if p["layout"].startswith("W-") else "pdf"
        name = f"u27_{n:03d}.{ext}"
        if ext == "docx":
            data = DOCX[p["layout"]](case)
        else:
            data = PDF[p["layout"]](case, name)
        (out / "forms" / name).write_bytes(data)
        notes = dict(case.notes)
        truth = {"file": name, "layout": p["layout"], "vocabulary": p["sender"], "expect_status": "parsed",
                 "expect_reason": None, "record": case.rec, "notes": notes}
        (out / "truth" / f"u27_{n:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n",
                                                         encoding="utf-8")
        stats[ext] += 1
    t1 = time.time()
    if args.stats:
        print_stats(out)
    ok, msg = self_check(out)
    t2 = time.time()
    print(f"generated {stats['docx']} docx + {stats['pdf']} pdf in {t1 - t0:.1f} s; checked in {t2 - t1:.1f} s")
    print(msg)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
