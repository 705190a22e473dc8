"""plain29 - a held-out set of ordinary Case Referral Forms (Word and PDF) with exact truth.

    python benchmarks/plain29/make_forms.py OUTDIR [--seed 2901] [--count 60] [--stats] [--no-check]

Clears and writes OUTDIR/forms/p29_NNN.docx|.pdf and OUTDIR/truth/p29_NNN.json, then re-opens every document and
checks its truth (exit 1 on failure).  Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import p29_acro  # noqa: E402
import p29_docx  # noqa: E402
import p29_pdf  # noqa: E402
from p29_check import check_all, iter_items  # noqa: E402
from p29_model import build_form, make_plan  # noqa: E402


ELAB_LAYOUTS = ("O-FOURCOL", "O-NUMBEREDQ", "Q-LIBRETABLE", "Q-COLONLINES", "Q-GRIDROWS")


def render(form):
    lay = form.layout
    if lay in p29_docx.WORD:
        return p29_docx.WORD[lay](form)
    if lay in p29_pdf.PDF:
        return p29_pdf.PDF[lay](form)
    if lay == "Q-ACROFORM":
        return p29_acro.q_acroform(form)
    if lay == "Q-LIBRETABLE":
        return None   # converted together at the end
    raise ValueError(lay)


def truth_of(form) -> dict:
    return {"file": form.name, "layout": form.layout, "vocabulary": form.sender["key"], "expect_status": "parsed",
            "expect_reason": None, "record": form.record, "notes": form.notes}


def stats(forms) -> str:
    c = Counter()
    itypes = Counter()
    kids = Counter()
    fillers = Counter()
    genders = Counter()
    para_counts = Counter()
    for f in forms:
        r = f.record
        kids[len(r["children"])] += 1
        itypes[r["incident"]["type"]] += 1
        c["children"] += len(r["children"])
        c["forms_with_agencies"] += bool(r["agencies_involved"])
        c["agency_rows"] += len(r["agencies_involved"])
        c["agency_rows_without_person"] += sum(1 for a in r["agencies_involved"] if a["name"] is None)
        c["agency_rows_without_contact"] += sum(1 for a in r["agencies_involved"] if a["contact"] is None)
        c["ages"] += sum(1 for k in r["children"] if k["age"])
        c["dates_of_death"] += sum(1 for k in r["children"] if k["date_of_death"])
        c["forms_with_third"] += bool(f.notes["third_option"])
        c["third_answers"] += len(f.notes["third_option"])
        c["blanks"] += len(f.notes["blanks"])
        c["fillers"] += len(f.notes["fillers"])
        for x in f.notes["fillers"]:
            fillers[x.split("=", 1)[1]] += 1
        c["decoys"] += len(f.notes["decoys"])
        c["alt_dates"] += len(f.notes["alt_dates"])
        c["elaborations_typed"] += len(f.notes["elaborations"])
        c["emails_with_capitals"] += f.notes["emails_with_capitals"]
        c["other_with_details"] += bool(f.notes.get("other_detail"))
        c["panel_yes"] += r["panel_notified"] is True
        c["panel_no"] += r["panel_notified"] is False
        c["panel_date"] += bool(r["date_panel_notified"])
        for k in r["children"]:
            genders[k["gender"]] += 1
        if r["incident"]["summary"]:
            para_counts[r["incident"]["summary"].count("\n\n") + 1] += 1
        c["choice_items"] += sum(1 for it in iter_items(f) if it.kind in ("yn", "gender", "itype"))
    ages = [a for f in forms for a in f.notes["ages"]]
    caps = sum(1 for f in forms for k in f.record["children"] if k["name"].split()[-1].isupper()
               and len(k["name"].split()[-1]) > 1)
    titled = sum(1 for f in forms for p in [f.record["referrer"], f.record["safeguarding_lead"]] +
                 f.record["agencies_involved"] if p["name"] and p["name"].split()[0] in
                 ("Dr", "PC", "PCSO", "DC", "DS", "Sgt", "PS", "Insp"))
    lens = [len(f.record["incident"]["summary"]) for f in forms if f.record["incident"]["summary"]]
    third_words = Counter(x for f in forms for x in [f.sender["third"]] * len(f.notes["third_option"]))
    layout_info = Counter(f"{f.layout}:{k}={v}" for f in forms for k, v in (f.notes.get("layout_info") or {}).items()
                          if k not in ("fields", "checkboxes", "title"))
    lines = [f"forms {len(forms)}: children per form {dict(sorted(kids.items()))}; itypes {dict(itypes)}",
             f"ages {ages}", f"child surnames in capitals {caps}; people with a title or rank {titled}; "
             f"summary length {min(lens)}-{max(lens)} chars; third options by word {dict(third_words)}",
             "layout details: " + "; ".join(f"{k} x{v}" for k, v in sorted(layout_info.items())),
             f"genders {dict(genders)}; summary paragraphs {dict(sorted(para_counts.items()))}",
             f"fillers {dict(fillers)}", json.dumps(dict(c))]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2901)
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
    plan = make_plan(a.seed, a.count)
    forms = []
    libre_src, libre_dates = {}, {}
    for row in plan:
        f = build_form(a.seed, row)
        data = render(f)
        if f.layout not in ELAB_LAYOUTS:
            f.notes["elaborations"] = []   # this layout shows marks, not typed words
        if data is None:
            libre_src[f.name] = p29_docx.libre_source(f)
            libre_dates[f.name] = p29_pdf.meta_date(f)
        else:
            (out / "forms" / f.name).write_bytes(data)
        forms.append(f)
    for name, data in p29_pdf.libre_convert(libre_src, libre_dates).items():
        (out / "forms" / name).write_bytes(data)
    for f in forms:
        (out / "truth" / (Path(f.name).stem + ".json")).write_text(
            json.dumps(truth_of(f), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    t1 = time.time()
    print(f"wrote {len(forms)} forms ({sum(f.name.endswith('.docx') for f in forms)} docx, "
          f"{sum(f.name.endswith('.pdf') for f in forms)} pdf) to {out} in {t1 - t0:.1f} s")
    if a.stats:
        print(stats(forms))
    if a.no_check:
        return 0
    ok, msg = check_all(out, forms)
    print(msg)
    print(f"total {time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
