"""unseen32: a held-out test set of Case Referral Forms (Word and PDF) with exact truth.

    python benchmarks/unseen32/make_forms.py OUTDIR [--seed N] [--count 80] [--stats] [--no-check]

Clears and writes OUTDIR/forms/u32_NNN.docx|.pdf and OUTDIR/truth/u32_NNN.json, then re-opens every document
and checks it against its truth (exit 1 on failure). See README.md.
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

import u32_check  # noqa: E402
import u32_docx  # noqa: E402
import u32_form  # noqa: E402
import u32_pdf  # noqa: E402
from u32_senders import SENDERS  # noqa: E402

LAYOUTS = ["W-LOCKEDLABELS", "P-MISNAMED", "W-PRESET", "P-FORMATSCRIPTS", "W-RULEDROWS", "P-INLINEMARKUP",
           "W-LINKEDBOXES", "P-RUNINBOLD", "W-STYLEMARK", "P-ENSCRIPT"]
RENDER = {**u32_docx.LAYOUTS, **u32_pdf.LAYOUTS}


def schema_path() -> Path:
    for p in [Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[1] / "shared" / "referral.schema.json"]:
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed: int, count: int) -> list[tuple[int, str, dict, int]]:
    """Form n: layout n mod 10, sender (5 (n div 10) + n mod 10) mod 8; incident types balanced per sender."""
    prng = random.Random(f"u32-{seed}-plan")
    types = {}
    for s in SENDERS:
        t = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]
        prng.shuffle(t)
        types[s["key"]] = t
    out = []
    for n in range(count):
        lay = LAYOUTS[n % 10]
        sender = SENDERS[(5 * (n // 10) + n % 10) % 8]
        itype = types[sender["key"]][n % 10] if count <= 80 else prng.randrange(5)
        out.append((n, lay, sender, itype))
    return out


def item_notes(form) -> list[str]:
    out = []
    for sec in form.sections:
        for it in sec.items:
            if it.note and it.kind != "date":
                out.append(f"{sec.key}{'' if sec.child is None else sec.child + 1}.{it.key}: {it.note}")
            elif it.kind == "date" and it.note and "typed" in it.note:
                out.append(f"{sec.key}{'' if sec.child is None else sec.child + 1}.{it.key}: {it.note}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=32)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    if out.exists():
        shutil.rmtree(out)
    (out / "forms").mkdir(parents=True)
    (out / "truth").mkdir(parents=True)
    agg = Counter()
    for n, lay, sender, itype in plan(a.seed, a.count):
        form = u32_form.build(n, a.seed, sender, lay, itype)
        ext = ".docx" if lay.startswith("W-") else ".pdf"
        fname = f"{form.stem}{ext}"
        rrng = random.Random(f"u32-{a.seed}-{n}-render")
        lstats = RENDER[lay](form, rrng, out / "forms" / fname)
        record = u32_form.truth(form)
        notes = dict(form.notes)
        notes["layout_stats"] = lstats
        notes["item_notes"] = item_notes(form)
        t = {"file": fname, "layout": lay, "vocabulary": sender["key"], "expect_status": "parsed", "expect_reason": None,
             "record": record, "notes": notes}
        (out / "truth" / f"{form.stem}.json").write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n")
        agg["forms"] += 1
        agg[ext] += 1
        agg["children"] += len(record["children"])
        agg[f"children_{len(record['children'])}"] += 1
        agg["agencies"] += len(record["agencies_involved"])
        agg["agencies_no_person"] += sum(1 for x in record["agencies_involved"] if x["name"] is None)
        agg["forms_with_agencies"] += bool(record["agencies_involved"])
        agg["ages"] += sum(1 for c in record["children"] if c["age"])
        agg["dods"] += sum(1 for c in record["children"] if c["date_of_death"])
        agg[f"type_{record['incident']['type']}"] += 1
        agg["other_with_detail"] += bool(record["incident"]["type"] == "other" and notes.get("other_detail"))
        agg["third"] += notes["third_option"]
        agg["forms_third"] += bool(notes["third_option"])
        agg["blanks"] += notes["blanks"]
        agg["fillers"] += notes["fillers"]
        agg["decoys"] += len(notes["decoys"])
        agg["decoys_blank"] += sum(1 for d in notes["decoys"] if d.endswith("="))
        agg["alt_dates"] += notes["alt_dates"]
        agg["panel_yes"] += record["panel_notified"] is True
        agg["panel_date"] += record["date_panel_notified"] is not None
        for k, v in lstats.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                agg[f"{lay}:{k}"] += v
    gen = time.time() - t0
    if a.stats:
        for k in sorted(agg):
            print(f"{k}: {agg[k]}")
    print(f"wrote {agg['forms']} forms ({agg['.docx']} docx, {agg['.pdf']} pdf) to {out} in {gen:.1f} s")
    if a.no_check:
        return 0
    ok, msg = u32_check.self_check(out, schema_path())
    print(msg)
    print(f"total {time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
