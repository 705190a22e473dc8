"""unseen14 - held-out Case Referral Forms: 8 invented senders x 10 layouts (5 Word, 5 PDF).

    python benchmarks/unseen14/make_forms.py OUTDIR [--seed N] [--count 80]

Standalone: imports nothing from the project (only its sibling modules in this folder).
"""

import argparse
import json
import re
import random
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from model import ALL_DATE_STYLES, fmt_date, items, make_case, truth_record  # noqa: E402
from render_docx import DOCX_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDERS  # noqa: E402

LAYOUTS = list(DOCX_LAYOUTS) + list(PDF_LAYOUTS)


def schema_path():
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[1] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


def plan(seed, count):
    combos = [(l, s) for l in range(len(LAYOUTS)) for s in range(len(SENDERS))]
    random.Random(f"u14-{seed}-plan").shuffle(combos)
    return combos[:count]


def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    return re.sub(r"[^0-9a-z]", "", t)


def doc_text(path, boxes):
    if path.suffix == ".docx":
        import docx  # python-docx: the document must open
        docx.Document(str(path))
        out = []
        with zipfile.ZipFile(path) as z:
            for n in sorted(z.namelist()):
                if n.startswith("word/") and n.endswith(".xml"):
                    x = z.read(n).decode("utf-8")
                    out += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", x)
        import html
        return html.unescape(" ".join(out))
    import pdfplumber
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for pg in pdf.pages:
            out.append(pg.extract_text() or "")
        for i, bb in boxes:
            out.append(pdf.pages[i].within_bbox(bb).extract_text() or "")
    return "\n".join(out)


def check_values(rec, text):
    """Every non-empty string value of the record must be findable in the document text in some printed form."""
    nt = norm(text)
    dig = re.sub(r"\D", "", text)
    miss = []

    def has(v):
        return norm(v) in nt

    def date_ok(v):
        import datetime as dt
        d = dt.date.fromisoformat(v)
        return any(norm(fmt_date(d, st)) in nt for st in ALL_DATE_STYLES) or norm(fmt_date(d, "long")) in nt

    def walk(v, path):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, f"{path}.{k}")
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{path}[{i}]")
        elif isinstance(v, str):
            leaf = path.rsplit(".", 1)[-1]
            if leaf in ("form", "gender", "type"):
                return
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                ok = date_ok(v)
            elif leaf == "phone":
                ok = v.lstrip("+") in dig
            elif leaf == "address":
                ok = all(has(p) for p in v.split(", "))
            elif leaf == "summary":
                ok = all(has(p) for p in v.split("\n\n"))
            elif leaf == "name" and ".children" in path:
                ok = all(has(p) for p in v.split(" "))
            elif leaf == "contact":
                ok = has(v) or (re.sub(r"\D", "", v) in dig)
            else:
                ok = has(v)
            if not ok:
                miss.append(f"{path}={v!r}")
    walk(rec, "")
    return miss


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for n, (li, si) in enumerate(plan(a.seed, a.count), start=1):
        layout, s = LAYOUTS[li], SENDERS[si]
        rng = random.Random(f"u14-{a.seed}-{n}")
        case = make_case(rng, s, n)
        secs = items(case, s)
        rec = truth_record(case, s)
        ext = "docx" if layout.startswith("W-") else "pdf"
        name = f"u14_{n:03d}.{ext}"
        path = out / "forms" / name
        if ext == "docx":
            lnotes = DOCX_LAYOUTS[layout](path, s, case, secs, rng)
            boxes = []
        else:
            lnotes, boxes = PDF_LAYOUTS[layout](path, s, case, secs, rng)
        notes = {"date_style": s["date_main"], "dob_style": s["date_dob"],
                 "blanks": sorted(case["blank"]), "fillers": case["filler"], "third_option": sorted(case["third"]),
                 "decoys": [f"{l}={fmt_date(v, s['date_main']) if k == 'date' else v}" for l, (k, v) in case["decoys"]],
                 "ages": [i for i, k in enumerate(case["kids"]) if k["use_age"]], "children": len(case["kids"]),
                 "agencies": len(case["agencies"]), "itype": case["itype"], "layout_details": lnotes}
        truth = {"file": name, "layout": layout, "vocabulary": s["key"], "expect_status": "parsed",
                 "expect_reason": None, "record": rec, "notes": notes}
        (out / "truth" / f"u14_{n:03d}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
        for e in validator.iter_errors(rec):
            problems.append(f"{name}: schema: {e.message}")
        try:
            text = doc_text(path, boxes)
        except Exception as e:  # the document must open
            problems.append(f"{name}: does not open: {e!r}")
            continue
        for m in check_values(rec, text):
            problems.append(f"{name} ({layout}): not in document: {m}")
    for p in problems:
        print(p)
    dt_ = time.time() - t0
    if problems:
        print(f"self-check FAILED: {len(problems)} problem(s)")
        return 1
    print(f"self-check passed: {a.count} forms, every stated string value is in its document, every record "
          f"validates ({dt_:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
