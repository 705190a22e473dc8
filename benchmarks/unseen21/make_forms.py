"""Held-out set unseen21: 8 invented senders x 10 layouts (5 Word, 5 PDF) of Case Referral Forms, each with its truth record.

    python benchmarks/unseen21/make_forms.py OUTDIR [--seed N] [--count 80]

Standalone: imports nothing from the project.  See README.md beside this file.
"""
import argparse
import html
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from model import ALL_STYLES, TOWNS, build_case, fmt_date  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDER_ORDER, SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
TEXT_BLANKABLE = ["referrer.email", "safeguarding_lead.phone", "children[0].school", "children[0].gp", "children[0].ethnicity", "children[0].disability",
                  "children[0].other_names", "incident.location", "children[0].legal_status", "safeguarding_lead.email", "children[0].address"]
FILLERS = ["N/A", "n/a", "Not known", "-", "Not applicable", "not known"]


def schema_path():
    for cand in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json", HERE.parents[1] / "shared" / "referral.schema.json"):
        if cand.exists():
            return cand
    raise SystemExit("referral.schema.json not found")


def upper_record(rec):
    skip = {"email", "phone", "dob", "date_of_death", "date", "date_la_aware", "date_of_referral", "date_panel_notified", "gender", "type", "form"}

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if isinstance(v, str) and k not in skip:
                    o[k] = v.upper()
                else:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(rec)


def make_plan(seed, count):
    prng = random.Random(f"u21-{seed}-plan")
    pairs = [(s, l) for l in LAYOUTS for s in SENDER_ORDER]
    prng.shuffle(pairs)
    return pairs[:count]


def make_one(n, sender, layout, seed):
    rng = random.Random(f"u21-{seed}-{n}")
    S = SENDERS[sender]
    asked = [k for k in TEXT_BLANKABLE if S["labels"].get(k.split(".")[-1].replace("referrer.", "ref_"), "x") is not None]
    # map blankable keys to label names
    keymap = {"referrer.email": "ref_email", "safeguarding_lead.phone": "lead_phone", "safeguarding_lead.email": "lead_email"}
    asked = [k for k in TEXT_BLANKABLE if S["labels"].get(keymap.get(k, k.split(".")[-1])) is not None]
    blank = rng.sample(asked, rng.randrange(0, 3))
    fill_keys = [k for k in asked if k not in blank and k != "children[0].address"]
    fillers = {k: rng.choice(FILLERS) for k in rng.sample(fill_keys, rng.randrange(0, 2))}
    r = rng.random()
    nkids = 1 if r < 0.72 else 2 if r < 0.94 else 3
    ref_date_probe = None
    plan = {"sender": sender, "town": TOWNS[SENDER_ORDER.index(sender)], "blank": blank, "fillers": fillers, "caps_surname": rng.random() < 0.2,
            "version": f"{rng.randrange(1, 5)}.{rng.randrange(0, 10)}", "age_rate": 0.15}
    sections, rec, notes = build_case(rng, S, nkids, plan)
    plan["ref_date"] = dt.date.fromisoformat(rec["date_of_referral"]) if rec["date_of_referral"] else dt.date(2025, 9, 1)
    plan["review_date"] = fmt_date(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), S["date_style"])
    plan["created"] = f"{plan['ref_date'].isoformat()}T09:{rng.randrange(10, 59)}:00Z"
    plan["pages"] = rng.randrange(3, 6)
    plan["notes"] = notes
    notes["children"] = nkids
    if layout == "P-OMRSCAN":
        upper_record(rec)
    if layout in WORD_LAYOUTS:
        data = WORD_LAYOUTS[layout](S, sections, rec, plan, rng)
        return data, "docx", rec, notes, None
    data, regions = PDF_LAYOUTS[layout](S, sections, rec, plan, rng)
    return data, "pdf", rec, notes, regions


# ---------------------------------------------------------------- self-check
def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z]", "", s)


def doc_texts(path, regions):
    texts = []
    if path.suffix == ".docx":
        import docx
        docx.Document(str(path))
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("word/") and name.endswith(".xml"):
                    xml = z.read(name).decode("utf-8")
                    texts.append(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))))
    else:
        import pdfplumber
        with pdfplumber.open(str(path)) as pdf:
            for pg in pdf.pages:
                texts.append(pg.extract_text() or "")
            for pi, bbox in regions or []:
                pg = pdf.pages[pi]
                x0, t, x1, b = bbox
                x0, x1 = max(0, x0), min(float(pg.width), x1)
                t, b = max(0, t), min(float(pg.height), b)
                if x1 > x0 and b > t:
                    texts.append(pg.within_bbox((x0, t, x1, b)).extract_text() or "")
    return [norm(t) for t in texts]


DATE_KEYS = {"dob", "date_of_death", "date", "date_la_aware", "date_of_referral", "date_panel_notified"}


def needles(key, value, path):
    if key in DATE_KEYS:
        d = dt.date.fromisoformat(value)
        return [[norm(fmt_date(d, s)) for s in ALL_STYLES]]
    if key == "summary":
        return [[norm(p)] for p in value.split("\n\n")]
    if key == "address":
        return [[norm(p)] for p in value.split(", ")]
    if key == "name" and path.startswith("children"):
        return [[norm(p)] for p in value.split(" ")]
    return [[norm(value)]]


def leaves(o, path=""):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, o


def self_check(out, truths, schema):
    import jsonschema
    problems = []
    validator = jsonschema.Draft202012Validator(schema)
    for t in truths:
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        path = out / "forms" / t["file"]
        try:
            texts = doc_texts(path, t.get("_regions"))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: does not open: {e}")
            continue
        for p, v in leaves(t["record"]):
            if not isinstance(v, str) or p.endswith("gender") or p.endswith("incident.type") or p == "form":
                continue
            key = p.split(".")[-1]
            for alts in needles(key, v, p):
                if not any(a and any(a in tx for tx in texts) for a in alts):
                    problems.append(f"{t['file']}: {p} = {v!r} not found")
    return problems


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    if out.exists():
        shutil.rmtree(out)
    (out / "forms").mkdir(parents=True)
    (out / "truth").mkdir()
    truths = []
    for k, (sender, layout) in enumerate(make_plan(a.seed, a.count)):
        n = k + 1
        data, ext, rec, notes, regions = make_one(n, sender, layout, a.seed)
        name = f"u21_{n:03d}.{ext}"
        (out / "forms" / name).write_bytes(data)
        truth = {"file": name, "layout": layout, "vocabulary": sender, "expect_status": "parsed", "expect_reason": None, "record": rec, "notes": notes}
        (out / "truth" / f"u21_{n:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        truths.append(dict(truth, _regions=regions))
    schema = json.loads(schema_path().read_text())
    problems = self_check(out, truths, schema)
    for pr in problems[:200]:
        print(pr)
    n_docx = sum(1 for t in truths if t["file"].endswith(".docx"))
    print(f"{len(truths)} forms ({n_docx} docx, {len(truths) - n_docx} pdf) in {time.time() - t0:.1f} s")
    if problems:
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(truths)} forms, every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
