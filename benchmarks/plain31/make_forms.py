"""plain31: a held-out set of ORDINARY Case Referral Forms (6 senders x 10 layouts, 30 .docx and 30 .pdf).

    python benchmarks/plain31/make_forms.py OUTDIR [--seed 3101] [--count 60] [--stats] [--no-check]
"""
import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from p31_build import build_case  # noqa: E402
from p31_check import self_check  # noqa: E402
from p31_docx import WORD_LAYOUTS  # noqa: E402
from p31_pdf import PDF_LAYOUTS  # noqa: E402
from p31_senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
SLOT_ITYPE = ["death", "serious_harm", "lac_death", "care_leaver_death", "other", "serious_harm"]
SLOT_CHILDREN = [1, 2, 1, 1, 2, 3]


def plan(seed):
    rng = random.Random(f"p31-{seed}-plan")
    senders = list(range(len(SENDERS)))
    layouts = list(range(len(LAYOUTS)))
    rng.shuffle(senders)
    rng.shuffle(layouts)
    pairs = []
    for li, L in enumerate(layouts):
        for si, S in enumerate(senders):
            slot = (si + li) % 6
            pairs.append((S, L, slot))
    rng.shuffle(pairs)
    return pairs


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=3101)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    truths = []
    for n, (si, li, slot) in enumerate(plan(a.seed)[:a.count], start=1):
        sender, layout = SENDERS[si], LAYOUTS[li]
        rng = random.Random(f"p31-{a.seed}-{n}")
        itype = SLOT_ITYPE[slot]
        if rng.random() < 0.03:
            itype_shown = None
        else:
            itype_shown = itype
        case = build_case(sender, rng, itype_shown, SLOT_CHILDREN[slot])
        rrng = random.Random(f"p31-{a.seed}-{n}-render")
        ext = "docx" if layout in WORD_LAYOUTS else "pdf"
        name = f"p31_{n:03d}.{ext}"
        meta = {"created": case.ref_date.isoformat() + "T%02d:%02d:00Z" % (rrng.randrange(8, 18), rrng.randrange(60))}
        (WORD_LAYOUTS.get(layout) or PDF_LAYOUTS.get(layout))(case, rrng, str(out / "forms" / name), meta)
        notes = dict(case.notes, sender=sender["org"], partnership=sender["partnership"],
                     date_style=sender["date_style"], dob_style=sender["dob_style"], layout_info=meta)
        t = {"file": name, "layout": layout, "vocabulary": sender["key"], "expect_status": "parsed",
             "expect_reason": None, "record": case.record(), "notes": notes}
        (out / "truth" / f"p31_{n:03d}.json").write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n")
        truths.append((t, case))
    t1 = time.time()
    if a.stats:
        stats(truths)
    rc = 0
    if not a.no_check:
        rc = self_check(out, truths)
    print(f"generated in {t1 - t0:.1f} s, total {time.time() - t0:.1f} s", file=sys.stderr)
    return rc


def stats(truths):
    c = Counter()
    for t, case in truths:
        r = t["record"]
        c["forms"] += 1
        c["docx" if t["file"].endswith("docx") else "pdf"] += 1
        c[f"children_{len(r['children'])}"] += 1
        c["children"] += len(r["children"])
        c["agency_rows"] += len(r["agencies_involved"])
        c["agency_rows_no_person"] += sum(1 for a in r["agencies_involved"] if a["name"] is None)
        c["forms_with_agencies"] += bool(r["agencies_involved"])
        c["ages"] += sum(1 for ch in r["children"] if ch["age"])
        c[f"itype_{r['incident']['type']}"] += 1
        c["third_answers"] += len(t["notes"]["third_option"])
        c["forms_with_third"] += bool(t["notes"]["third_option"])
        c["fillers"] += len(t["notes"]["fillers"])
        c["blanks"] += len(t["notes"]["blanks"])
        c["decoys"] += len(t["notes"]["decoys"])
        c["alt_dates"] += len(t["notes"]["alt_dates"])
        c["dod"] += sum(1 for ch in r["children"] if ch["date_of_death"])
        c["other_with_detail"] += bool(t["notes"].get("other_detail"))
        c[f"panel_{r['panel_notified']}"] += 1
        for ch in r["children"]:
            c[f"gender_{ch['gender']}"] += 1
    for k in sorted(c):
        print(f"{k}: {c[k]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
