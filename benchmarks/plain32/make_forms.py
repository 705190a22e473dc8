"""plain32: a held-out set of ordinary Case Referral Forms (Word and PDF) with exact truth records.

    python benchmarks/plain32/make_forms.py OUTDIR [--seed 3201] [--count 60] [--stats] [--no-check]

Clears and writes OUTDIR/forms/p32_NNN.docx|.pdf and OUTDIR/truth/p32_NNN.json, then re-opens every
document and checks it against its truth (exit 1 on any failure). See README.md.
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

from p32_acro import q_radio  # noqa: E402
from p32_build import build_case  # noqa: E402
from p32_check import self_check  # noqa: E402
from p32_docx import WORD_LAYOUTS  # noqa: E402
from p32_model import record_of  # noqa: E402
from p32_pdf import PDF_LAYOUTS  # noqa: E402
from p32_senders import SENDERS  # noqa: E402

LAYOUTS = ["O-XBOXES", "O-GRIDCHECK", "O-STACKED", "O-QTABLE", "O-LEADERS",
           "Q-PDFMAKER", "Q-QUARTZGRID", "Q-RADIO", "Q-NUMDELETE", "Q-GSLINES"]
NOT_CURLY = {"Q-RADIO"}
PDF_LAYOUTS = dict(PDF_LAYOUTS, **{"Q-RADIO": q_radio})


def plan(seed, count):
    rng = random.Random(f"p32-{seed}-plan")
    pairs = [(si, li) for si in range(len(SENDERS)) for li in range(len(LAYOUTS))]
    rng.shuffle(pairs)
    out = []
    for si, li in pairs[:count]:
        out.append({"sender": SENDERS[si], "layout": LAYOUTS[li], "slot": (si + li) % 6})
    return out


def make_one(seed, n, p):
    rng = random.Random(f"p32-{seed}-{n}")
    layout = p["layout"]
    curly = layout not in NOT_CURLY and rng.random() < 0.6
    case = build_case(rng, p["sender"], n, p["slot"], layout, seed, curly)
    if layout in WORD_LAYOUTS:
        data, info = WORD_LAYOUTS[layout](case, rng)
        ext = "docx"
    else:
        data, info = PDF_LAYOUTS[layout](case, rng)
        ext = "pdf"
    rec = record_of(case)
    notes = dict(case.notes)
    notes["layout_info"] = info
    chq = [q for _s, q in case.all_items() if q.kind == "choice"]
    notes["choices"] = {"answered": sum(1 for q in chq if q.chosen is not None),
                        "options": sum(len(q.options) for q in chq)}
    return case, data, ext, rec, notes


def stats(truths):
    c = Counter()
    itypes = Counter()
    kids = Counter()
    genders = Counter()
    fillers = Counter()
    for t in truths:
        r = t["record"]
        nt = t["notes"]
        c[t["file"].rsplit(".", 1)[1]] += 1
        kids[len(r["children"])] += 1
        c["children"] += len(r["children"])
        c["agency_rows"] += len(r["agencies_involved"])
        c["agency_rows_no_person"] += sum(1 for a in r["agencies_involved"] if a["name"] is None)
        c["forms_with_agencies"] += bool(r["agencies_involved"])
        c["ages"] += sum(1 for k in r["children"] if k["age"])
        c["dod"] += sum(1 for k in r["children"] if k["date_of_death"])
        itypes[r["incident"]["type"]] += 1
        c["other_with_details"] += bool(r["incident"]["type"] == "other" and nt.get("other_detail"))
        c["third_forms"] += bool(nt["third_option"])
        c["third_answers"] += len(nt["third_option"])
        c["blanks"] += len(nt["blanks"])
        c["fillers"] += len(nt["fillers"])
        for f in nt["fillers"]:
            fillers[f.rsplit("=", 1)[1]] += 1
        c["decoys"] += len(nt["decoys"])
        c["decoys_blank"] += sum(1 for d in nt["decoys"] if d.endswith("="))
        c["alt_dates"] += len(nt["alt_dates"])
        c["curly"] += bool(nt.get("curly_apostrophes"))
        c["emails_with_capitals"] += nt["emails_with_capitals"]
        if r["panel_notified"] is True:
            c["panel_yes"] += 1
            c["panel_date"] += bool(r["date_panel_notified"])
        elif r["panel_notified"] is False:
            c["panel_no"] += 1
        for k in r["children"]:
            genders[k["gender"]] += 1
    return c, itypes, kids, genders, fillers


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=3201)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    forms = out / "forms"
    truth_dir = out / "truth"
    for d in (forms, truth_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    truths = []
    for n, p in enumerate(plan(args.seed, args.count)):
        case, data, ext, rec, notes = make_one(args.seed, n, p)
        name = f"p32_{n:03d}.{ext}"
        (forms / name).write_bytes(data)
        t = {"file": name, "layout": p["layout"], "vocabulary": p["sender"]["key"], "expect_status": "parsed",
             "expect_reason": None, "record": rec, "notes": notes}
        (truth_dir / f"p32_{n:03d}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n",
                                                     encoding="utf-8")
        truths.append(t)
    t1 = time.time()
    print(f"wrote {len(truths)} forms to {forms} in {t1 - t0:.1f} s")
    if args.stats:
        c, itypes, kids, genders, fillers = stats(truths)
        print("formats:", {k: c[k] for k in ("docx", "pdf")})
        print("children per form:", dict(sorted(kids.items())), "children:", c["children"])
        print("incident types:", dict(itypes))
        print("genders:", dict(genders))
        print("fillers:", dict(fillers))
        print({k: v for k, v in c.items() if k not in ("docx", "pdf")})
        by = Counter((t["layout"], t["vocabulary"]) for t in truths)
        print("sender x layout pairs:", len(by), "max per pair:", max(by.values()))
    if args.no_check:
        return 0
    ok, msg = self_check(out, truths)
    print(msg)
    print(f"total {time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
