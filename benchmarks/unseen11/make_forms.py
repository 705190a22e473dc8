"""unseen11: a held-out Case Referral Form corpus (Word and PDF) with truth files.

    python benchmarks/unseen11/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u11_NNN.docx|.pdf and OUTDIR/truth/u11_NNN.json, then re-opens
every document and checks that every stated string value of the record is in its
text and that every record validates against the schema (exit 1 on failure).
Imports nothing from the project.
"""
import argparse
import datetime as dt
import json
import random
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402

SCHEMA = Path("/work/shared/referral.schema.json")
WORD = list(render_docx.LAYOUTS)
PDF = list(render_pdf.LAYOUTS)


def plan(seed, count):
    r = random.Random(f"u11-{seed}-plan")
    cells = [(s, l) for l in WORD + PDF for s in model.SENDERS]
    r.shuffle(cells)
    # keep docx and pdf alternating so a short --count still has both formats
    w = [c for c in cells if c[1] in WORD]
    p = [c for c in cells if c[1] in PDF]
    out = []
    for a, b in zip(w, p):
        out += [a, b]
    return out[:count]


def norm(t):
    t = unicodedata.normalize("NFKC", t)
    return "".join(ch for ch in t.lower() if ch.isalnum())


def stated_strings(rec, notes):
    """(what, [alternatives]) for every stated string value of the record."""
    out = []

    def add(what, v):
        if v:
            out.append((what, [v]))

    def add_date(what, iso):
        if iso:
            d = dt.date.fromisoformat(iso)
            out.append((what, sorted(model.date_variants(d))))

    add_date("date_of_referral", rec["date_of_referral"])
    for p in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            add(f"{p}.{k}", rec[p][k])
    for i, c in enumerate(rec["children"]):
        if c["name"]:
            if notes.get("name_parts"):
                fn, sn = c["name"].split(" ", 1)
                add(f"c{i+1}.forename", fn)
                add(f"c{i+1}.surname", sn)
            else:
                add(f"c{i+1}.name", c["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"c{i+1}.{k}", c[k])
        if c["address"]:
            for part in c["address"].split(", "):
                add(f"c{i+1}.address", part)
        add_date(f"c{i+1}.dob", c["dob"])
        add_date(f"c{i+1}.date_of_death", c["date_of_death"])
    inc = rec["incident"]
    add_date("incident.date", inc["date"])
    add_date("incident.date_la_aware", inc["date_la_aware"])
    add("incident.location", inc["location"])
    for p in (inc["summary"] or "").split("\n\n"):
        add("incident.summary", p)
    add("criteria.reason", rec["criteria"]["reason"])
    add_date("date_panel_notified", rec["date_panel_notified"])
    for j, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agency{j+1}.{k}", a[k])
    add("immediate_concerns", rec["immediate_concerns"])
    return out


def docx_text(path):
    import docx  # python-docx must open it
    docx.Document(str(path))
    from lxml import etree
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml") and "comments" not in name:
                root = etree.fromstring(z.read(name))
                texts += root.xpath("//w:t/text()", namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"})
    return norm("".join(texts))


def pdf_text(path, boxes):
    import pdfplumber
    from pypdf import PdfReader
    PdfReader(str(path))
    parts = []
    with pdfplumber.open(str(path)) as pdf:
        for p in pdf.pages:
            parts.append(p.extract_text() or "")
        for (pg, x0, top, x1, bottom) in boxes:
            page = pdf.pages[pg]
            x0, x1 = max(0, x0), min(page.width, x1)
            top, bottom = max(0, top), min(page.height, bottom)
            if x1 > x0 and bottom > top:
                parts.append(page.within_bbox((x0, top, x1, bottom)).extract_text() or "")
    return norm("\n".join(parts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args()
    t0 = time.time()
    out = Path(a.outdir)
    if out.exists():
        shutil.rmtree(out / "forms", ignore_errors=True)
        shutil.rmtree(out / "truth", ignore_errors=True)
    (out / "forms").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    import jsonschema
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for n, (sender, layout) in enumerate(plan(a.seed, a.count), start=1):
        rnd = random.Random(f"u11-{a.seed}-{n}")
        case, rec, notes = model.build_case(rnd, sender, n)
        ext = "docx" if layout in WORD else "pdf"
        name = f"u11_{n:03d}.{ext}"
        path = out / "forms" / name
        if ext == "docx":
            render_docx.LAYOUTS[layout](case, rnd, str(path), notes)
            text = docx_text(path)
        else:
            boxes = render_pdf.LAYOUTS[layout](case, rnd, str(path), notes)
            text = pdf_text(path, boxes)
        truth = {"file": name, "layout": layout, "vocabulary": sender, "expect_status": "parsed",
                 "expect_reason": None, "record": rec, "notes": notes}
        for e in validator.iter_errors(rec):
            problems.append(f"{name}: schema: {e.message}")
        # every chosen option word (yes/no, gender, incident type) must be printed too
        for sec in case["sections"]:
            for f in sec["fields"]:
                if f.kind == "choice" and f.chosen is not None and norm(f.options[f.chosen]) not in text:
                    problems.append(f"{name} ({layout}): chosen option {f.key}={f.options[f.chosen]!r} not printed")
        for what, alts in stated_strings(rec, notes):
            if not any(norm(v) in text for v in alts):
                problems.append(f"{name} ({layout}): {what} not in text: {alts[0]!r}")
        (out / "truth" / f"u11_{n:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"wrote {a.count} forms to {out} in {time.time() - t0:.1f}s")
    print("self-check passed: every stated string value is in its document, every record validates")


if __name__ == "__main__":
    main()
