"""unseen30 - a held-out Case Referral Form corpus (see README.md).

    python benchmarks/unseen30/make_forms.py OUTDIR [--seed 30] [--count 80] [--stats] [--no-check]
"""

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

from u30_senders import SENDERS  # noqa: E402
from u30_model import make_case, build_record  # noqa: E402
from u30_docx import WORD_LAYOUTS  # noqa: E402
from u30_pdf import PDF_LAYOUTS, OLD_ASKED  # noqa: E402
from u30_check import check  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)


def schema_path():
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[1] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed, count):
    rng = random.Random(f"u30-{seed}-plan")
    combos = [(lay, s["key"]) for lay in LAYOUTS for s in SENDERS]
    rng.shuffle(combos)
    itypes = (["death"] * 18 + ["serious_harm"] * 22 + ["lac_death"] * 12 + ["care_leaver_death"] * 11
              + ["other"] * 17)
    rng.shuffle(itypes)
    kids = [1] * 47 + [2] * 23 + [3] * 10
    rng.shuffle(kids)
    # P-OLDSHEET needs a further child: swap with a multi-child form of another layout
    for i, (lay, _) in enumerate(combos):
        if lay == "P-OLDSHEET" and kids[i] == 1:
            j = next(j for j in range(len(combos)) if combos[j][0] != "P-OLDSHEET" and kids[j] > 1)
            kids[i], kids[j] = kids[j], kids[i]
    others = [i for i, t in enumerate(itypes) if t == "other"]
    no_detail = set(others[:2])
    out = []
    for i, (lay, sk) in enumerate(combos[:count]):
        out.append(dict(n=i + 1, layout=lay, sender=sk, itype=itypes[i], nchild=kids[i],
                        other_detail=i not in no_detail))
    return out


def make_one(p, seed, outdir):
    s = next(x for x in SENDERS if x["key"] == p["sender"])
    rng = random.Random(f"u30-{seed}-{p['n']}")
    C = make_case(rng, s, p["layout"], p["itype"], p["nchild"], p["other_detail"])
    rrng = random.Random(f"u30-{seed}-{p['n']}-render")
    notes = {}
    ext = "docx" if p["layout"].startswith("W-") else "pdf"
    name = f"u30_{p['n']:03d}.{ext}"
    fn = (WORD_LAYOUTS if ext == "docx" else PDF_LAYOUTS)[p["layout"]]
    info = fn(str(outdir / "forms" / name), C, s, rrng, notes)
    rec = build_record(C, s)
    if p["layout"] == "P-OLDSHEET":   # further children are on the old sheet, which asks every child question
        for i in range(1, len(C["children"])):
            ch, kid = C["children"][i], rec["children"][i]
            full = dict(other_names="c_other", dob="c_dob", age="c_age", gender="c_gender", ethnicity="c_eth",
                        address="c_addr", school="c_school", gp="c_gp", legal_status="c_legal", cp_plan="c_cp",
                        open_to_csc="c_csc", looked_after="c_lac", disability="c_dis", date_of_death="c_dod")
            for k, key in full.items():
                kid[k] = ch[key]["t"] if key in OLD_ASKED else None
    g = dict(C["notes"])
    shown = [(k, v) for k, v in C["f"].items() if k not in s["not_asked"]]
    shown += [(k, ch[k]) for ch in C["children"] for k in ch if k.startswith("c_") and k not in s["not_asked"]]
    g["third_option"] = sum(1 for _, v in shown if v.get("state") == "third")
    g["blanks"] = sum(1 for _, v in shown if v.get("state") == "blank")
    g["fillers"] = sum(1 for _, v in shown if v.get("state") == "filler")
    kids = rec["children"]
    layout_notes = dict(notes)
    if p["layout"] == "P-PENCIL":
        chosen = sum(1 for sec in [C["f"]] for k, v in C["f"].items()
                     if v.get("kind") == "choice" and v.get("opt") is not None and k not in s["not_asked"])
        chosen += sum(1 for ch in C["children"] for k in ("c_gender", "c_cp", "c_csc", "c_lac")
                      if k not in s["not_asked"] and ch[k].get("opt") is not None)
        layout_notes["ink_marks_expected"] = chosen
    truth = {
        "file": name, "layout": p["layout"], "vocabulary": s["key"], "expect_status": "parsed",
        "expect_reason": None, "record": rec,
        "notes": dict(sender=s["org"] + (" - " + s["dept"] if s.get("dept") else ""), partnership=s["partnership"],
                      date_style=s["date_style"], dob_style=s["dob_style"], alt_dates=g["alt_dates"],
                      blanks=g["blanks"], fillers=g["fillers"], third_option=g["third_option"],
                      decoys=[f"{d['label']}={d['d'] or ''}" for d in C["decoys"]],
                      children=len(kids), ages=sum(1 for k in kids if k["age"]),
                      agencies=len(rec["agencies_involved"]),
                      agencies_without_person=sum(1 for a in rec["agencies_involved"] if a["name"] is None),
                      itype=p["itype"], other_detail=(C["f"]["i_other"]["d"] if p["itype"] == "other" else None),
                      not_asked=s["not_asked"], producer=info.get("producer"), **layout_notes),
    }
    (outdir / "truth" / f"u30_{p['n']:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    return truth


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=30)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    t0 = time.time()
    truths = [make_one(p, a.seed, out) for p in plan(a.seed, a.count)]
    t1 = time.time()
    if a.stats:
        stats(truths)
    if a.no_check:
        print(f"wrote {len(truths)} forms in {t1 - t0:.1f} s (no self-check)")
        return 0
    problems, n, kinds, nvals = check(out, schema_path())
    t2 = time.time()
    if problems:
        for pr in problems:
            print(pr)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {n} forms ({kinds['docx']} docx, {kinds['pdf']} pdf), every stated string value is in "
          f"its document ({nvals} values), every record validates  [generate {t1 - t0:.1f} s, check {t2 - t1:.1f} s]")
    return 0


def stats(truths):
    c = Counter()
    it = Counter()
    for t in truths:
        r, nt = t["record"], t["notes"]
        c["forms"] += 1
        c["children"] += len(r["children"])
        c[f"forms_{len(r['children'])}_children"] += 1
        c["ages"] += nt["ages"]
        c["agency_rows"] += nt["agencies"]
        c["agencies_without_person"] += nt["agencies_without_person"]
        c["forms_with_agencies"] += nt["agencies"] > 0
        c["third_options"] += nt["third_option"]
        c["forms_with_third"] += nt["third_option"] > 0
        c["blanks"] += nt["blanks"]
        c["fillers"] += nt["fillers"]
        c["alt_dates"] += nt["alt_dates"]
        c["decoys"] += len(nt["decoys"])
        c["decoys_blank"] += sum(1 for d in nt["decoys"] if d.endswith("="))
        c["panel_true"] += r["panel_notified"] is True
        c["panel_date"] += r["date_panel_notified"] is not None
        c["dates_of_death"] += sum(1 for k in r["children"] if k["date_of_death"])
        it[nt["itype"] + ("" if nt["itype"] != "other" else (" with details" if nt["other_detail"] else " without details"))] += 1
        for k in ("personalised_questions", "not_known_ticks", "ink_marks", "line_fields", "split_answers",
                  "box_fields", "old_sheets", "children_with_own_surname", "children_with_own_address"):
            if k in nt:
                c[k] += nt[k]
        if "merged" in nt:
            for k, v in nt["merged"].items():
                c["merged_" + k] += v
        if "modes" in nt:
            for k, v in nt["modes"].items():
                c["cc_" + k] += v
    for k in sorted(c):
        print(f"  {k}: {c[k]}")
    for k in sorted(it):
        print(f"  itype {k}: {it[k]}")


if __name__ == "__main__":
    sys.exit(main())
