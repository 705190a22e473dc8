"""unseen19: a held-out set of Case Referral Forms from eight invented senders in ten new layouts.

    python benchmarks/unseen19/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u19_NNN.docx|.pdf and OUTDIR/truth/u19_NNN.json, then re-opens every document and checks
it (schema, python-docx / pdfplumber, every stated value findable in the text). Exit 1 if a check fails.
Standalone: imports nothing from the project.
"""
import argparse
import io
import json
import os
import random
import re
import shutil
import sys
import unicodedata
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from model import make_case, fmt_date  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
DATE_STYLES = ["dmy_slash", "d_month_y", "d_mon_y", "d_ord_month_y", "dd_mon_yyyy_dash", "dmy_dot", "d_m_y_short"]


def find_schema():
    here = os.path.dirname(os.path.abspath(__file__))
    for p in ("/work/shared/referral.schema.json", os.path.join(here, "..", "..", "shared", "referral.schema.json"),
              os.path.join(here, "..", "..", "..", "shared", "referral.schema.json")):
        if os.path.exists(p):
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed, count):
    rng = random.Random(f"u19-{seed}-plan")
    pairs = []
    # a Latin square: every sender once in every layout
    for li in range(len(LAYOUTS)):
        for si in range(len(SENDERS)):
            pairs.append((LAYOUTS[li], SENDERS[(si + li) % len(SENDERS)]))
    rng.shuffle(pairs)
    return pairs[:count]


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def docx_text(data):
    import docx  # python-docx
    docx.Document(io.BytesIO(data))
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in sorted(z.namelist()):
            if n.startswith("word/") and n.endswith(".xml"):
                x = z.read(n).decode("utf-8")
                out += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", x)
    import html
    return html.unescape(" ".join(out))


def pdf_text(data, boxes):
    import pdfplumber
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            out.append(p.extract_text() or "")
        for pg, (x0, t, x1, b) in boxes:
            page = pdf.pages[pg]
            bb = (max(0, x0), max(0, t), min(float(page.width), x1), min(float(page.height), b))
            out.append(page.within_bbox(bb).extract_text() or "")
    return "\n".join(out)


def expected_strings(rec):
    """(what, string) pairs that must be findable in the document."""
    out = []

    def date_variants(iso):
        import datetime as dt
        d = dt.date.fromisoformat(iso)
        return [fmt_date(d, s) for s in DATE_STYLES]

    def add_text(path, v):
        if v is None:
            return
        out.append((path, [v]))

    def add_date(path, v):
        if v:
            out.append((path, date_variants(v)))

    out_date = add_date
    out_date("date_of_referral", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            add_text(f"{who}.{k}", rec[who][k])
    for i, ch in enumerate(rec["children"]):
        for part in ch["name"].split():
            add_text(f"children[{i}].name", part)
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add_text(f"children[{i}].{k}", ch[k])
        if ch["address"]:
            for part in ch["address"].split(", "):
                add_text(f"children[{i}].address", part)
        add_date(f"children[{i}].dob", ch["dob"])
        add_date(f"children[{i}].date_of_death", ch["date_of_death"])
    inc = rec["incident"]
    add_date("incident.date", inc["date"])
    add_date("incident.date_la_aware", inc["date_la_aware"])
    add_text("incident.location", inc["location"])
    if inc["summary"]:
        for p in inc["summary"].split("\n\n"):
            add_text("incident.summary", p)
    add_text("criteria.reason", rec["criteria"]["reason"])
    add_date("date_panel_notified", rec["date_panel_notified"])
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add_text(f"agencies_involved[{i}].{k}", a[k])
    add_text("immediate_concerns", rec["immediate_concerns"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args()
    forms_dir = os.path.join(a.outdir, "forms")
    truth_dir = os.path.join(a.outdir, "truth")
    for d in (forms_dir, truth_dir):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    import jsonschema
    with open(find_schema()) as fh:
        schema = json.load(fh)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    counts = {"docx": 0, "pdf": 0}
    for n, (layout, sender) in enumerate(plan(a.seed, a.count), start=1):
        rng = random.Random(f"u19-{a.seed}-{n}")
        case = make_case(rng, sender, n)
        if layout in WORD_LAYOUTS:
            data, details = WORD_LAYOUTS[layout](case)
            ext, boxes = "docx", []
        else:
            data, details, boxes = PDF_LAYOUTS[layout](case)
            ext = "pdf"
        counts[ext] += 1
        name = f"u19_{n:03d}.{ext}"
        with open(os.path.join(forms_dir, name), "wb") as fh:
            fh.write(data)
        notes = dict(case.notes)
        notes["date_style"] = sender["date_style"]
        notes["dob_style"] = sender["dob_style"]
        notes["layout_details"] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in details.items()}
        truth = {"file": name, "layout": layout, "vocabulary": sender["key"], "expect_status": "parsed",
                 "expect_reason": None, "record": case.record, "notes": notes}
        with open(os.path.join(truth_dir, f"u19_{n:03d}.json"), "w") as fh:
            json.dump(truth, fh, indent=1, ensure_ascii=False, sort_keys=False)
            fh.write("\n")
        # self-check
        for err in validator.iter_errors(case.record):
            problems.append(f"{name}: schema: {err.message}")
        try:
            text = docx_text(data) if ext == "docx" else pdf_text(data, boxes)
        except Exception as e:  # noqa: BLE001 - any failure to open is a failed check
            problems.append(f"{name}: cannot open: {e!r}")
            continue
        nt = norm(text)
        for path, variants in expected_strings(case.record):
            if not any(norm(v) and norm(v) in nt for v in variants):
                problems.append(f"{name} ({layout}): {path} not found: {variants[0]!r}")
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {a.count} forms ({counts['docx']} docx, {counts['pdf']} pdf), every stated string "
          "value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
