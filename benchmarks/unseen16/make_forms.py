#!/usr/bin/env python3
"""Generate the unseen16 held-out Case Referral Form set (80 forms: 8 senders x 10 layouts).

    python benchmarks/unseen16/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u16_NNN.docx|.pdf and OUTDIR/truth/u16_NNN.json, then self-checks
(schema validity, every document opens, every stated string value is in its document's text).
Exits 1 when a check fails. Standalone: imports nothing from the project.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from model import ALL_STYLES, fmt_date, make_case  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
TOWNS = {"thornleigh_jobcentre": "Thornleigh", "wexcombe_homestay": "Wexcombe", "acorn_nannies": "Fernhurst",
         "brindlewood_mediation": "Brindlewood", "sunnyside_haf": "Marlbeck", "redline_coaches": "Ashvale",
         "harbour_outreach": "Portlow", "willowtree_bereavement": "Callowmere"}


def schema_path():
    for p in ("/work/shared/referral.schema.json",
              os.path.join(HERE, "..", "..", "shared", "referral.schema.json"),
              os.path.join(HERE, "..", "..", "..", "shared", "referral.schema.json")):
        if os.path.exists(p):
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed, count):
    rng = random.Random(f"u16-{seed}-plan")
    pairs = [(s, l) for s in range(len(SENDERS)) for l in LAYOUTS]
    rng.shuffle(pairs)
    return pairs[:count]


def build_one(n, seed, si, layout):
    rng = random.Random(f"u16-{seed}-{n}")
    s = SENDERS[si]
    r = rng.random()
    n_children = 1 if r < 0.74 else (2 if r < 0.94 else 3)
    n_agencies = rng.choices([0, 1, 2, 3, 4], [1, 2, 3, 3, 1])[0]
    case = make_case(rng, s, n_children, n_agencies, TOWNS[s["vocab"]])
    ctx = {"sender": s, "version": f"{rng.randrange(1, 5)}.{rng.randrange(0, 10)}",
           "review": fmt_date(dt.date(2025, rng.randrange(1, 13), rng.randrange(1, 28)), s["date_style"]),
           "example_date": fmt_date(dt.date(2015, 1, 1), s["date_style"])}
    if layout in WORD_LAYOUTS:
        doc = WORD_LAYOUTS[layout](case, ctx, rng)
        data = doc.build(s["title"], case.referrer_name, dt.datetime(case.ref_date.year, case.ref_date.month, case.ref_date.day, 10, 0))
        ext = "docx"
    else:
        data = PDF_LAYOUTS[layout](case, ctx, rng)
        ext = "pdf"
    notes = dict(case.notes)
    notes["layout_details"] = ctx.get("details", {})
    notes["review_date_footer"] = ctx["review"]
    truth = {"file": f"u16_{n:03d}.{ext}", "layout": layout, "vocabulary": s["vocab"], "expect_status": "parsed",
             "expect_reason": None, "record": case.record, "notes": notes}
    return data, truth, ctx.get("boxes", [])


# ---------------------------------------------------------------- self-check

def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^a-z0-9]", "", s)


def docx_text(path):
    import docx  # python-docx: must open
    docx.Document(path)
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                out += [m for m in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)]
    import html
    return html.unescape(" ".join(out))


def pdf_text(path, boxes):
    import pdfplumber
    parts = []
    with pdfplumber.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            parts.append(page.extract_text() or "")
            for (pg, x0, top, x1, bottom) in boxes:
                if pg == i + 1:
                    bb = (max(0, x0), max(0, top), min(page.width, x1), min(page.height, bottom))
                    parts.append(page.within_bbox(bb).extract_text() or "")
    return "\n".join(parts)


def expected_strings(rec):
    """(what, acceptable normalised forms) for every stated string value."""
    out = []

    def date(what, v):
        d = dt.date.fromisoformat(v)
        out.append((what, {norm(fmt_date(d, st)) for st in ALL_STYLES}))

    def text(what, v):
        out.append((what, {norm(v)}))

    if rec["date_of_referral"]:
        date("date_of_referral", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        for k, v in rec[who].items():
            if v is None or isinstance(v, bool):
                continue
            text(f"{who}.{k}", v)
    for i, c in enumerate(rec["children"]):
        for k, v in c.items():
            if v is None or isinstance(v, bool) or k == "gender":
                continue
            if k in ("dob", "date_of_death"):
                date(f"child{i}.{k}", v)
            elif k == "address":
                for part in v.split(", "):
                    text(f"child{i}.address", part)
            elif k == "name":
                for part in v.split(" "):
                    text(f"child{i}.name", part)
            else:
                text(f"child{i}.{k}", v)
    inc = rec["incident"]
    for k in ("date", "date_la_aware"):
        if inc[k]:
            date(f"incident.{k}", inc[k])
    if inc["location"]:
        text("incident.location", inc["location"])
    if inc["summary"]:
        for para in inc["summary"].split("\n\n"):
            text("incident.summary", para)
    if rec["criteria"]["reason"]:
        text("criteria.reason", rec["criteria"]["reason"])
    if rec["date_panel_notified"]:
        date("date_panel_notified", rec["date_panel_notified"])
    for a in rec["agencies_involved"]:
        for k, v in a.items():
            if v:
                text(f"agency.{k}", v)
    if rec["immediate_concerns"]:
        text("immediate_concerns", rec["immediate_concerns"])
    return out


def self_check(outdir, boxes_by_file):
    import jsonschema
    schema = json.load(open(schema_path()))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    n = 0
    for name in sorted(os.listdir(os.path.join(outdir, "truth"))):
        t = json.load(open(os.path.join(outdir, "truth", name)))
        n += 1
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{name}: schema: {e.message}")
        path = os.path.join(outdir, "forms", t["file"])
        try:
            txt = docx_text(path) if path.endswith(".docx") else pdf_text(path, boxes_by_file.get(t["file"], []))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{name}: cannot open: {e}")
            continue
        hay = norm(txt)
        for what, forms in expected_strings(t["record"]):
            if not any(f and f in hay for f in forms):
                problems.append(f"{t['file']} ({t['layout']}): {what} not found: {sorted(forms)[:1]}")
    return n, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    forms_dir, truth_dir = os.path.join(a.outdir, "forms"), os.path.join(a.outdir, "truth")
    for d in (forms_dir, truth_dir):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    boxes_by_file = {}
    for n, (si, layout) in enumerate(plan(a.seed, a.count), start=1):
        data, truth, boxes = build_one(n, a.seed, si, layout)
        with open(os.path.join(forms_dir, truth["file"]), "wb") as f:
            f.write(data)
        with open(os.path.join(truth_dir, f"u16_{n:03d}.json"), "w") as f:
            json.dump(truth, f, indent=2, ensure_ascii=False)
            f.write("\n")
        boxes_by_file[truth["file"]] = boxes
    n, problems = self_check(a.outdir, boxes_by_file)
    for p in problems:
        print(p)
    if problems:
        print(f"self-check FAILED: {len(problems)} problems in {n} forms")
        return 1
    print(f"self-check passed: {n} forms, every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
