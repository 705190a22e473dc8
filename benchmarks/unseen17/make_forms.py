"""unseen17: a held-out set of Case Referral Forms from eight invented senders in ten new layouts.

    python benchmarks/unseen17/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u17_NNN.docx|.pdf and OUTDIR/truth/u17_NNN.json, then re-opens every
document and checks it (schema, opens, every stated value findable). Exit 1 if a check fails.
Standalone: imports nothing from the project. See README.md in this folder.
"""

from __future__ import annotations

import argparse
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

from u17_model import A, build_case, all_date_forms  # noqa: E402
from u17_pdf import PDF_LAYOUTS  # noqa: E402
from u17_senders import SENDER_KEYS, SENDERS  # noqa: E402
from u17_word import WORD_LAYOUTS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)


def schema_path() -> Path:
    cands = [os.environ.get("U17_SCHEMA", ""), "/work/shared/referral.schema.json",
             str(HERE.parent.parent / "shared" / "referral.schema.json"),
             str(HERE.parent.parent.parent / "shared" / "referral.schema.json")]
    for c in cands:
        if c and Path(c).is_file():
            return Path(c)
    raise SystemExit("referral.schema.json not found (set U17_SCHEMA)")


def plan(seed: int, count: int) -> list[tuple[str, str]]:
    """Every sender once in every layout (8 x 10), in a seeded order."""
    rng = random.Random(f"u17-{seed}-plan")
    pairs = [(lay, snd) for lay in LAYOUTS for snd in SENDER_KEYS]
    rng.shuffle(pairs)
    out = []
    while len(out) < count:
        out.extend(pairs)
    return out[:count]


def make_one(n: int, layout: str, sender_key: str, seed: int, forms: Path, truth: Path, variant: int) -> dict:
    rng = random.Random(f"u17-{seed}-{n}")
    sender = SENDERS[sender_key]
    n_children = rng.choices([1, 2, 3], [0.74, 0.2, 0.06])[0]
    n_agencies = rng.choices([0, 1, 2, 3, 4], [0.2, 0.2, 0.25, 0.2, 0.15])[0]
    case = build_case(rng, sender, n_children, n_agencies)
    case.variant = variant  # the form's index within its layout: alternates the layout's main switch
    stem = f"u17_{n:03d}"
    if layout in WORD_LAYOUTS:
        data, details = WORD_LAYOUTS[layout](case, rng)
        regions = []
        name = stem + ".docx"
    else:
        data, regions, details = PDF_LAYOUTS[layout](case, rng)
        name = stem + ".pdf"
    (forms / name).write_bytes(data)
    notes = dict(case.notes)
    notes.update({
        "date_style": case.main_style, "dob_style": case.dob_style,
        "decoys": [f"{k}={v}" for k, v in case.decoys],
        "ages": [f"child{i + 1}={c['c_age'].shown}" for i, c in enumerate(case.children)
                 if case.sender["labels"].get("c_age") and c["c_age"].shown and not c["c_age"].filler],
        "children": len(case.children), "agencies": len(case.agencies),
        "itype": case.answers["inc_type"].choice if case.sender["labels"].get("inc_type") else None,
        "layout_details": details,
    })
    t = {"file": name, "layout": layout, "vocabulary": sender_key, "expect_status": "parsed",
         "expect_reason": None, "record": case.record, "notes": notes}
    (truth / f"{stem}.json").write_text(json.dumps(t, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"name": name, "record": case.record, "regions": regions, "layout": layout}


# ------------------------------------------------------------------------------------------- self-check

def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def xlsx_text(data: bytes) -> str:
    """Cell text as Excel shows it (date serials in a date format rendered dd/mm/yyyy)."""
    import datetime as dt
    from lxml import etree
    z = zipfile.ZipFile(io.BytesIO(data))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = etree.fromstring(z.read("xl/sharedStrings.xml"))
        strings = ["".join(si.itertext()) for si in root.findall("m:si", ns)]
    date_styles = set()
    root = etree.fromstring(z.read("xl/styles.xml"))
    fmts = {f.get("numFmtId"): f.get("formatCode") for f in root.iter("{%s}numFmt" % ns["m"])}
    xfs = root.find("m:cellXfs", ns)
    for i, xf in enumerate(xfs.findall("m:xf", ns)):
        fid = xf.get("numFmtId")
        code = fmts.get(fid, "")
        if fid in ("14", "15", "16", "17", "22") or ("d" in code.lower() and "y" in code.lower()):
            date_styles.add(str(i))
    out = []
    for name in z.namelist():
        if not name.startswith("xl/worksheets/"):
            continue
        root = etree.fromstring(z.read(name))
        for cell in root.iter("{%s}c" % ns["m"]):
            v = cell.find("m:v", ns)
            if v is None:
                continue
            if cell.get("t") == "s":
                out.append(strings[int(v.text)])
            elif cell.get("s") in date_styles:
                out.append((dt.date(1899, 12, 30) + dt.timedelta(days=int(float(v.text)))).strftime("%d/%m/%Y"))
            else:
                out.append(v.text)
    return "\n".join(out)


def docx_text(path: Path) -> str:
    import docx  # python-docx: the file must open
    from lxml import etree
    docx.Document(str(path))
    z = zipfile.ZipFile(path)
    out = []
    for name in z.namelist():
        data = z.read(name)
        if name.endswith(".xml"):
            root = etree.fromstring(data)
            out.append("\n".join(t for t in root.itertext()))
        elif name.endswith(".xlsx"):
            out.append(xlsx_text(data))
    return "\n".join(out)


def pdf_text(path: Path, regions: list) -> str:
    import pdfplumber
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
        for pi, x0, top, x1, bottom in regions:
            page = pdf.pages[pi]
            try:
                out.append(page.within_bbox((x0, top, x1, bottom)).extract_text() or "")
            except ValueError:
                pass
    return "\n".join(out)


def candidates(path: str, value) -> list[list[str]]:
    """Alternatives (each a list of pieces that must all be found) for one stated value."""
    import datetime as dt
    if isinstance(value, bool) or value is None:
        return []
    leaf = path.split(".")[-1]
    if leaf in ("gender", "type") and not path.startswith("agencies"):
        return []
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) and leaf in ("date_of_referral", "dob", "date_of_death", "date",
                                                                  "date_la_aware", "date_panel_notified"):
        d = dt.date.fromisoformat(value)
        return [[f] for f in all_date_forms(d)]
    if leaf == "phone":
        return [[value.lstrip("+")]]
    if leaf == "address":
        return [value.split(", ")]
    if leaf == "summary":
        return [value.split("\n\n")]
    if leaf == "name" and path.startswith("children"):
        return [value.split(" ")]
    return [[value]]


def leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def self_check(out: Path, made: list[dict]) -> list[str]:
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for m in made:
        f = out / "forms" / m["name"]
        rec = json.loads((out / "truth" / (Path(m["name"]).stem + ".json")).read_text())["record"]
        for err in validator.iter_errors(rec):
            problems.append(f"{m['name']}: schema: {err.message}")
        try:
            text = docx_text(f) if f.suffix == ".docx" else pdf_text(f, m["regions"])
        except Exception as exc:  # a document that does not open is a failed check
            problems.append(f"{m['name']}: does not open: {exc!r}")
            continue
        hay = norm(text)
        for path, value in leaves(rec):
            alts = candidates(path, value)
            if not alts:
                continue
            if not any(all(norm(piece) in hay for piece in alt) for alt in alts):
                problems.append(f"{m['name']} ({m['layout']}): {path}={str(value)[:70]!r} not found")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    made = []
    seen: dict[str, int] = {}
    for n, (layout, sender) in enumerate(plan(a.seed, a.count), start=1):
        seen[layout] = seen.get(layout, -1) + 1
        made.append(make_one(n, layout, sender, a.seed, out / "forms", out / "truth", seen[layout]))
    problems = self_check(out, made)
    n_docx = sum(1 for m in made if m["name"].endswith(".docx"))
    if problems:
        for pr in problems:
            print(pr)
        print(f"self-check FAILED: {len(problems)} problems in {len(made)} forms")
        return 1
    print(f"self-check passed: {len(made)} forms ({n_docx} docx, {len(made) - n_docx} pdf), every stated string "
          f"value is in its document, every record validates ({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
