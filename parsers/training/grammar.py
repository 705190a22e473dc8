"""Randomised form grammar: writes training Case Referral Forms (.docx / drawn PDF / AcroForm PDF) and their truth.

    python -m parsers.training.grammar OUTDIR --seed N --count K [--formats docx,pdf,acro] [--check]

`pdf` in --formats means both drawn and AcroForm PDFs unless `acro`/`drawn` are named separately.
Everything is deterministic from the seed (bit-identical files).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time

from . import spec as S
from . import values as V
from . import docx_render, pdf_render

SCHEMA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "referral.schema.json")


def _layout_summary(spec, fmt):
    b = spec["builder"]
    secs = []
    for s in spec["sections"]:
        secs.append(f"{s.name}:{s.rel}")
    dis = ",".join(sorted({k for k, _ in spec["distractors"]}))
    return (f"{fmt}|num={b.numbering or '-'}|colon={int(b.colon)}|dates={b.date_style}{'+mix' if b.mix_dates else ''}|"
            f"blank={b.blank_p}|absent={b.absent_p}|sections=" + ";".join(secs) + (f"|distractors={dis}" if dis else ""))


def _formats(arg):
    fs = []
    for f in (arg or "docx,pdf").split(","):
        f = f.strip()
        if f == "pdf":
            fs += ["drawn", "acro"]
        elif f in ("docx", "drawn", "acro"):
            fs.append(f)
    return fs or ["docx"]


def make_one(seed, i, formats):
    rng = random.Random(f"training-grammar:{seed}:{i}")
    weights = {"docx": 2, "drawn": 1, "acro": 1}
    fmt = rng.choices(formats, [weights[f] for f in formats])[0]
    spec, rec = S.build(rng, {"docx": "docx", "drawn": "pdf", "acro": "acro"}[fmt])
    if fmt == "docx":
        data, ext = docx_render.render(spec, rng), "docx"
    else:
        data, ext = pdf_render.render(spec, rng, acro=(fmt == "acro")), "pdf"
    truth = {"file": None, "layout": _layout_summary(spec, fmt), "vocabulary": spec["builder"].reg,
             "expect_status": "parsed", "expect_reason": None, "record": rec}
    return data, ext, truth


def generate(outdir, seed, count, formats="docx,pdf", start=1):
    fs = _formats(formats)
    os.makedirs(os.path.join(outdir, "forms"), exist_ok=True)
    os.makedirs(os.path.join(outdir, "truth"), exist_ok=True)
    names = []
    for i in range(start, start + count):
        data, ext, truth = make_one(seed, i, fs)
        stem = f"g{i:05d}"
        truth["file"] = f"{stem}.{ext}"
        with open(os.path.join(outdir, "forms", truth["file"]), "wb") as fh:
            fh.write(data)
        with open(os.path.join(outdir, "truth", stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=2)
        names.append(truth["file"])
    return names


# ---------------- self-check ----------------
def _alnum(s):
    return re.sub(r"[\W_]+", "", s.lower())


def doc_text(path):
    if path.endswith(".docx"):
        import zipfile
        from lxml import etree
        z = zipfile.ZipFile(path)
        root = etree.fromstring(z.read("word/document.xml"))
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        for d in root.iter(w + "del"):
            d.clear()
        parts = []
        for el in root.iter():
            if el.tag == w + "t" and el.text:
                parts.append(el.text)
            elif el.tag in (w + "p", w + "tc", w + "br", w + "tab"):
                parts.append("\n")
            elif el.tag == w + "date":
                fd = el.get(w + "fullDate")
                if fd: parts.append(" " + fd[:10] + " ")
        return "".join(parts)
    import pdfplumber
    out = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            out.append(pg.extract_text() or "")
            for rc in pg.rects:  # drawn cells and boxes: read each one on its own (wrapped cells interleave otherwise)
                if rc["width"] > 20 and rc["height"] > 8:
                    try:
                        out.append(pg.crop((rc["x0"], rc["top"], rc["x1"], rc["bottom"]), strict=False).extract_text() or "")
                    except Exception:
                        pass
    from pypdf import PdfReader
    try:
        fields = PdfReader(path).get_fields() or {}
        for k, f in fields.items():
            v = f.get("/V")
            if isinstance(v, str):
                out.append(v)
    except Exception:
        pass
    return "\n".join(out)


def _strings(rec):
    """(path, kind, value) for text-bearing truth values."""
    out = []
    if rec["date_of_referral"]: out.append(("date_of_referral", "date", rec["date_of_referral"]))
    for sec in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            if rec[sec][k]: out.append((f"{sec}.{k}", "phone" if k == "phone" else "text", rec[sec][k]))
    for i, c in enumerate(rec["children"]):
        for k in ("name", "other_names", "age", "ethnicity", "address", "school", "gp", "legal_status", "disability"):
            if c[k]: out.append((f"children[{i}].{k}", "name" if k == "name" else "text", c[k]))
        for k in ("dob", "date_of_death"):
            if c[k]: out.append((f"children[{i}].{k}", "date", c[k]))
    inc = rec["incident"]
    for k in ("date", "date_la_aware"):
        if inc[k]: out.append((f"incident.{k}", "date", inc[k]))
    if inc["location"]: out.append(("incident.location", "text", inc["location"]))
    if inc["summary"]:
        for j, p in enumerate(inc["summary"].split("\n\n")):
            out.append((f"incident.summary[{j}]", "text", p))
    if rec["criteria"]["reason"]: out.append(("criteria.reason", "text", rec["criteria"]["reason"]))
    if rec["date_panel_notified"]: out.append(("date_panel_notified", "date", rec["date_panel_notified"]))
    if rec["immediate_concerns"]: out.append(("immediate_concerns", "text", rec["immediate_concerns"]))
    for j, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]: out.append((f"agencies_involved[{j}].{k}", "text", a[k]))
    return out


def check(outdir, verbose=True):
    import jsonschema
    schema = json.load(open(os.path.normpath(SCHEMA)))
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    tdir = os.path.join(outdir, "truth")
    files = sorted(os.listdir(tdir))
    for tf in files:
        t = json.load(open(os.path.join(tdir, tf), encoding="utf-8"))
        rec = t["record"]
        errs = [e.message for e in validator.iter_errors(rec)]
        text = doc_text(os.path.join(outdir, "forms", t["file"]))
        flat = _alnum(text)
        digits = re.sub(r"\D", "", text)
        miss = []
        for path, kind, val in _strings(rec):
            if kind == "date":
                ok = any(_alnum(s) in flat for s in V.all_date_surfaces(val))
            elif kind == "phone":
                ok = val.lstrip("+") in digits
            elif kind == "name":
                ok = all(_alnum(p) in flat for p in val.split())
            else:
                ok = _alnum(val) in flat
            if not ok:
                miss.append(f"{path}={val!r}")
        if errs or miss:
            problems += 1
            if verbose:
                print(f"{t['file']}: schema={errs[:3]} missing={miss[:5]}")
    print(f"checked {len(files)} forms, {problems} with problems")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--formats", default="docx,pdf")
    ap.add_argument("--check", action="store_true", help="re-open every document and verify truth values appear; validate records")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    generate(a.outdir, a.seed, a.count, a.formats)
    dt = time.perf_counter() - t0
    print(f"wrote {a.count} forms in {dt:.1f}s ({a.count / dt:.1f} forms/s)")
    if a.check:
        return 1 if check(a.outdir) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
