"""plain30: a held-out set of ORDINARY Case Referral Forms (see README.md).

    python benchmarks/plain30/make_forms.py OUTDIR [--seed 3001] [--count 60] [--stats] [--no-check]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from p30_model import build_form  # noqa: E402
from p30_senders import SENDERS  # noqa: E402
from p30_docx import WORD_LAYOUTS  # noqa: E402
from p30_pdf import PDF_LAYOUTS, libre_convert  # noqa: E402
from p30_check import check_all  # noqa: E402

LAYOUTS = [("O-SECTIONTABLES", "docx"), ("O-GRID4", "docx"), ("O-BOXES", "docx"), ("O-NUMBERED", "docx"),
           ("O-COLONS", "docx"), ("Q-WORDSAVED", "pdf"), ("Q-TICKGRID", "pdf"), ("Q-FILLABLE", "pdf"),
           ("Q-GDOCS", "pdf"), ("Q-LIBREBOXES", "pdf")]


def make_plan(seed: int, count: int) -> list[dict]:
    """Which sender and layout each form gets, and the case shape (incident type, children, ages).

    Every sender x layout pair is one form. The case shape is spread by a rotation: with the senders in a seeded
    order s and the layouts in a seeded order l, the pair's slot (s + l) mod 6 decides its incident type and
    whether it has two or three children, so that every layout has two multi-child forms and one 'other' incident,
    and every sender has a death, a serious harm, an 'other' and several multi-child forms. The pairs are then
    shuffled into file order."""
    rng = random.Random(f"p30-{seed}-plan")
    senders = [s["key"] for s in SENDERS]
    layouts = list(LAYOUTS)
    rng.shuffle(senders)
    rng.shuffle(layouts)
    no_age = {s["key"] for s in SENDERS if "child.age" in s["not_asked"]}
    cells = []
    for li, (lay, fmt) in enumerate(layouts):
        for si, sk in enumerate(senders):
            slot = (si + li) % 6
            if slot == 0:
                it = 0
            elif slot == 1:
                it = 1
            elif slot == 2:
                it = 2 if li % 2 == 0 else 3
            elif slot == 3:
                it = 4
            elif slot == 4:
                it = 1 if li % 3 else 0
            else:
                it = [2, 3, 4, None, 1][li % 5] if li not in (3, 8) else ([None, 0][li == 8])
            nk = 1
            if slot in (1, 4):
                nk = 3 if (slot == 1 and li % 2 == 0 and li < 8) or (slot == 4 and li == 9) else 2
            cells.append(dict(sender=sk, layout=lay, fmt=fmt, itype=it, nkids=nk))
    rng.shuffle(cells)
    cells = cells[:count]
    for c in cells:
        c["age_instead"] = [rng.random() < 0.28 and c["sender"] not in no_age for _ in range(c["nkids"])]
    for lay, fmt in LAYOUTS:          # at least one child given by age in every layout
        mine = [c for c in cells if c["layout"] == lay and c["sender"] not in no_age]
        if mine and not any(any(c["age_instead"]) for c in mine):
            c = mine[rng.randrange(len(mine))]
            c["age_instead"][rng.randrange(c["nkids"])] = True
    plan = []
    for n, c in enumerate(cells, 1):
        plan.append(dict(c, n=n, addr_oneline=rng.random() < 0.25,
                         nagencies=rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 4, 5]),
                         spare_rows=rng.choice([1, 2, 2])))
    return plan


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=3001)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    out = os.path.abspath(a.outdir)
    forms_dir, truth_dir = os.path.join(out, "forms"), os.path.join(out, "truth")
    for d in (forms_dir, truth_dir):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    by_key = {s["key"]: s for s in SENDERS}
    plan = make_plan(a.seed, a.count)
    forms = []
    libre_jobs = []
    for p in plan:
        f = build_form(p["n"], by_key[p["sender"]], p["layout"], p["fmt"], p, a.seed)
        path = os.path.join(forms_dir, f"{f.stem}.{p['fmt']}")
        if p["layout"] in WORD_LAYOUTS:
            info = WORD_LAYOUTS[p["layout"]](f, path)
        elif p["layout"] == "Q-LIBREBOXES":
            info = PDF_LAYOUTS[p["layout"]](f, path)
            libre_jobs.append((f, path, info))
        else:
            info = PDF_LAYOUTS[p["layout"]](f, path)
        f.notes["layout_info"] = info
        forms.append(f)
    if libre_jobs:
        libre_convert(libre_jobs)
    t_gen = time.time() - t0
    for f in forms:
        truth = {"file": f"{f.stem}.{f.fmt}", "layout": f.layout, "vocabulary": f.sender["key"],
                 "expect_status": "parsed", "expect_reason": None, "record": f.record, "notes": f.notes}
        with open(os.path.join(truth_dir, f"{f.stem}.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, indent=1, ensure_ascii=False, sort_keys=False)
            fh.write("\n")
    if a.stats:
        print_stats(forms)
    rc = 0
    if not a.no_check:
        rc = check_all(out, forms)
    print(f"generated in {t_gen:.1f} s, total {time.time() - t0:.1f} s")
    return rc


def print_stats(forms) -> None:
    c = Counter()
    kids = Counter(len(f.record["children"]) for f in forms)
    print("children per form:", dict(sorted(kids.items())), "children:", sum(len(f.record["children"]) for f in forms))
    print("formats:", dict(Counter(f.fmt for f in forms)))
    print("itypes:", dict(Counter(str(f.record["incident"]["type"]) for f in forms)))
    others = sum(1 for f in forms if f.record["incident"]["type"] == "other" and f.notes.get("other_detail"))
    print("other with details:", others)
    rows = sum(len(f.record["agencies_involved"]) for f in forms)
    nop = sum(1 for f in forms for r in f.record["agencies_involved"] if r["name"] is None)
    noc = sum(1 for f in forms for r in f.record["agencies_involved"] if r["contact"] is None)
    print("forms with agencies:", sum(1 for f in forms if f.record["agencies_involved"]), "rows:", rows,
          "without person:", nop, "without contact:", noc)
    print("ages instead of dob:", sum(1 for f in forms for ch in f.record["children"] if ch["age"]))
    print("dates of death:", sum(1 for f in forms for ch in f.record["children"] if ch["date_of_death"]))
    thirds = Counter()
    for f in forms:
        for k in f.notes["third_option"]:
            thirds[f.sender["third_label"]] += 1
    print("forms with a third option:", sum(1 for f in forms if f.notes["third_option"]), "answers:", dict(thirds))
    pan = Counter(str(f.record["panel_notified"]) for f in forms if "panel" not in f.sender["not_asked"])
    print("panel (asked):", dict(pan), "with date:", sum(1 for f in forms if f.record["date_panel_notified"]))
    print("fillers:", sum(len(f.notes["fillers"]) for f in forms), dict(Counter(x.split("=")[1] for f in forms for x in f.notes["fillers"])))
    print("blanks:", sum(len(f.notes["blanks"]) for f in forms), "decoys:", sum(len(f.notes["decoys"]) for f in forms))
    print("elaborations:", sum(len(f.notes["elaborations"]) for f in forms), "alt dates:",
          sum(len(f.notes["alt_dates"]) for f in forms), "emails with capitals:",
          sum(f.notes["emails_with_capitals"] for f in forms))
    g = Counter(str(ch["gender"]) for f in forms for ch in f.record["children"])
    print("gender:", dict(g))
    sm = Counter(f.record["incident"]["summary"].count("\n\n") + 1 for f in forms if f.record["incident"]["summary"])
    print("summary paragraphs:", dict(sorted(sm.items())))
    per = Counter((f.sender["key"], f.layout) for f in forms)
    print("sender x layout cells:", len(per), "max per cell:", max(per.values()))


if __name__ == "__main__":
    sys.exit(main())
