"""unseen9 held-out Case Referral Form corpus.

    python benchmarks/unseen9/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u9_NNN.docx|.pdf and OUTDIR/truth/u9_NNN.json, then
re-opens every document and checks that each stated value is in its text and
that each record validates against shared/referral.schema.json.
"""
import argparse
import datetime as dt
import html
import io
import json
import os
import random
import re
import shutil
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import model  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402

SCHEMA_CANDIDATES = [os.path.join(HERE, "..", "..", "..", "shared", "referral.schema.json"),
                     "/work/shared/referral.schema.json"]

# sender -> [(layout, forms)] ; 80 forms, 8 per layout, 10 per sender
PLAN = [
    ("hollin_coroner", "W-CELLBOX", 5), ("hollin_coroner", "P-CRYSTAL", 5),
    ("brackley_lado", "W-HIDDEN", 5), ("brackley_lado", "P-RALIGN", 5),
    ("greystone_sarc", "W-ALTCHUNK", 4), ("greystone_sarc", "P-COMB", 3), ("greystone_sarc", "P-RALIGN", 3),
    ("tamar_idva", "W-SOFTBR", 5), ("tamar_idva", "P-ROT", 5),
    ("kingsbury_college", "W-BULLET", 5), ("kingsbury_college", "P-COMB", 5),
    ("fenbridge_aws", "W-ALTCHUNK", 4), ("fenbridge_aws", "P-XLSX", 3), ("fenbridge_aws", "W-HIDDEN", 3),
    ("harbourside_refugee", "W-SOFTBR", 3), ("harbourside_refugee", "P-XLSX", 5), ("harbourside_refugee", "W-CELLBOX", 2),
    ("northgate_youth", "W-BULLET", 3), ("northgate_youth", "P-ROT", 3), ("northgate_youth", "P-CRYSTAL", 3),
    ("northgate_youth", "W-CELLBOX", 1),
]


def plan(seed, count):
    slots = [(s, l) for s, l, n in PLAN for _ in range(n)]
    random.Random(f"plan-{seed}").shuffle(slots)
    return [slots[i % len(slots)] for i in range(count)]


def render(layout, case):
    if layout.startswith("W-"):
        return render_docx.LAYOUTS[layout](case), "docx"
    return render_pdf.LAYOUTS[layout](case), "pdf"


# ---------------------------------------------------------------- text extraction for the self-check
WNS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data):
    from lxml import etree
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml") and re.search(r"(document|header\d*|footer\d*)\.xml$", name):
                root = etree.fromstring(z.read(name))
                for r in root.iter(WNS + "r"):
                    rpr = r.find(WNS + "rPr")
                    if rpr is not None and rpr.find(WNS + "vanish") is not None:
                        continue
                    if any(a.tag in (WNS + "del", WNS + "moveFrom") for a in r.iterancestors()):
                        continue
                    for e in r:
                        if e.tag == WNS + "t":
                            out.append(e.text or "")
                        elif e.tag in (WNS + "br", WNS + "tab"):
                            out.append(" ")
                    out.append("")
                out.append("\n")
            elif name.endswith(".htm"):
                import lxml.html
                out.append(lxml.html.fromstring(z.read(name)).text_content())
    return "".join(out)


def pdf_texts(data):
    import pdfplumber
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            texts.append(p.extract_text() or "")
            if p.width > p.height:  # landscape view (P-ROT): each half-page panel on its own
                for x0, x1 in ((0, p.width / 2), (p.width / 2, p.width)):
                    texts.append(p.crop((x0, 0, x1, p.height)).extract_text() or "")
            for f in {ch["fontname"] for ch in p.chars}:
                texts.append(p.filter(lambda o, f=f: o.get("object_type") != "char" or o.get("fontname") == f).extract_text() or "")
    try:
        from pypdf import PdfReader
        for k, v in (PdfReader(io.BytesIO(data)).get_fields() or {}).items():
            val = v.get("/V")
            if isinstance(val, str):
                texts.append(val)
    except ImportError:
        pass
    return "\n".join(texts)


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def expected_strings(rec):
    """(path, [alternatives]) for every stated string value of the record."""
    out = []

    def add(path, v, kind=None):
        if v is None:
            return
        if kind == "date":
            d = dt.date.fromisoformat(v)
            out.append((path, [model.fmt_date(d, s) for s in model.ALL_DATE_STYLES]))
        elif kind == "address":
            for i, part in enumerate(v.split(", ")):
                out.append((f"{path}[{i}]", [part]))
        elif kind == "summary":
            for i, part in enumerate(v.split("\n\n")):
                out.append((f"{path}[{i}]", [part]))
        else:
            out.append((path, [v]))
    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        for f in ("name", "role", "agency", "email", "phone"):
            add(f"{who}.{f}", rec[who][f])
    for i, ch in enumerate(rec["children"]):
        for f, v in ch.items():
            if f in ("gender", "cp_plan", "open_to_csc", "looked_after"):
                continue
            if f == "name":
                out.append((f"children[{i}].name", [v]))
                continue
            add(f"children[{i}].{f}", v, "date" if f in ("dob", "date_of_death") else "address" if f == "address" else None)
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "summary")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    add("immediate_concerns", rec["immediate_concerns"])
    for i, a in enumerate(rec["agencies_involved"]):
        for f in ("name", "agency", "contact"):
            add(f"agencies_involved[{i}].{f}", a[f])
    return out


def self_check(outdir, truths, split_names):
    import jsonschema
    schema = None
    for p in SCHEMA_CANDIDATES:
        if os.path.exists(p):
            schema = json.load(open(p))
            break
    problems = []
    if schema is None:
        problems.append("schema not found")
    for t in truths:
        data = open(os.path.join(outdir, "forms", t["file"]), "rb").read()
        text = norm(docx_text(data) if t["file"].endswith(".docx") else pdf_texts(data))
        if schema is not None:
            try:
                jsonschema.validate(t["record"], schema)
            except jsonschema.ValidationError as e:
                problems.append(f"{t['file']}: schema: {e.message}")
        for path, alts in expected_strings(t["record"]):
            if path.endswith(".name") and path.startswith("children") and t["file"] in split_names:
                alts = [" ".join(alts[0].split(" ", 1))]
                first, last = alts[0].split(" ", 1)
                if norm(first) in text and norm(last) in text:
                    continue
            if not any(norm(a) and norm(a) in text for a in alts):
                problems.append(f"{t['file']} ({t['layout']}): {path} = {alts[0]!r} not found")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    for sub in ("forms", "truth"):
        shutil.rmtree(os.path.join(a.outdir, sub), ignore_errors=True)
        os.makedirs(os.path.join(a.outdir, sub))
    truths, split_names = [], set()
    for i, (sender, layout) in enumerate(plan(a.seed, a.count)):
        rng = random.Random(f"u9-{a.seed}-{i}")
        case = model.build_case(rng, sender, i)
        data, ext = render(layout, case)
        name = f"u9_{i + 1:03d}.{ext}"
        with open(os.path.join(a.outdir, "forms", name), "wb") as f:
            f.write(data)
        if model.SENDERS[sender]["split"]:
            split_names.add(name)
        notes = dict(case.notes)
        notes["sender"] = model.SENDERS[sender]["org"]
        t = {"file": name, "layout": layout, "vocabulary": sender, "expect_status": "parsed", "expect_reason": None,
             "record": case.record, "notes": notes}
        truths.append(t)
        with open(os.path.join(a.outdir, "truth", f"u9_{i + 1:03d}.json"), "w") as f:
            json.dump(t, f, indent=2, ensure_ascii=False, sort_keys=False)
            f.write("\n")
    print(f"wrote {len(truths)} forms to {a.outdir}")
    problems = self_check(a.outdir, truths, split_names)
    if problems:
        for p in problems:
            print("SELF-CHECK:", p)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print("self-check passed: every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
