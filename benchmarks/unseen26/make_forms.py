"""Generate the unseen26 held-out corpus of Case Referral Forms.

    python benchmarks/unseen26/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u26_NNN.docx|.pdf and OUTDIR/truth/u26_NNN.json, then re-opens
every document and checks it against its truth (see README.md, 'Self-check').  Imports nothing
from the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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

from model import ALL_STYLES, Case, fmt_date  # noqa: E402
from render_docx import WORD_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDER_KEYS, SENDERS  # noqa: E402

LAYOUTS = list(WORD_LAYOUTS) + list(PDF_LAYOUTS)
MULTI_CHILD_LAYOUTS = {"W-SIBSPAN", "P-PEOPLEMATRIX", "P-COPIEDFIELDS"}


def find_schema() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[3] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found (/work/shared or shared/ beside the checkout)")


def plan(seed: int) -> list[tuple[str, str]]:
    r = random.Random(f"u26-{seed}-plan")
    pairs = [(s, lay) for lay in LAYOUTS for s in SENDER_KEYS]
    r.shuffle(pairs)
    return pairs


def make_one(n: int, seed: int, sender: str, layout: str, forms_dir: Path) -> dict:
    rng = random.Random(f"u26-{seed}-{n}")
    weights = [30, 45, 25] if layout in MULTI_CHILD_LAYOUTS else [58, 29, 13]
    n_children = rng.choices([1, 2, 3], weights=weights)[0]
    case = Case(sender, rng, n_children, layout)
    ext = "docx" if layout.startswith("W-") else "pdf"
    name = f"u26_{n:03d}.{ext}"
    path = forms_dir / name
    render = WORD_LAYOUTS.get(layout) or PDF_LAYOUTS[layout]
    layout_notes = render(case, str(path), rng)
    rec = case.record()
    s = SENDERS[sender]
    notes = dict(case.notes)
    itype_fv = case.fields.get("inc.type")
    notes.update({
        "date_style": s["date_style"], "dob_style": s["dob_style"],
        "not_asked": sorted(k for k in ["c.other_names", "c.age", "c.ethnicity", "c.address", "c.school", "c.gp",
                                        "c.legal_status", "c.cp_plan", "c.open_to_csc", "c.looked_after",
                                        "c.disability", "c.date_of_death", "panel", "panel_date"]
                            if k not in s["labels"]),
        "itype": rec["incident"]["type"],
        "other_detail": itype_fv.details if itype_fv is not None else None,
        "agency_rows": len(case.agencies),
    })
    notes.update(layout_notes or {})
    return {"file": name, "layout": layout, "vocabulary": sender, "expect_status": "parsed", "expect_reason": None,
            "record": rec, "notes": notes}


# ----------------------------------------------------------------------------------------- self-check
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def docx_texts(path: Path) -> list[str]:
    from lxml import etree
    import docx  # python-docx must open every file
    docx.Document(str(path))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    out = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if not n.endswith(".xml") and not n.endswith(".rels"):
                continue
            root = etree.fromstring(z.read(n))  # every XML part must be well-formed
            parts = []
            for el in root.iter():
                if el.tag in (W + "t", A + "t") and el.text:
                    parts.append(el.text)
                elif el.tag in (W + "br", W + "tab", W + "p"):
                    parts.append(" ")
            if n.startswith("customXml/item") or n.startswith("docProps/"):
                parts.append(" ".join(root.itertext()))
            out.append(" ".join(parts))
    return [" ".join(out)]


def _stream_strings(data: bytes) -> str:
    """Literal strings of a content stream, in drawing order (standard 14 fonts only)."""
    out = []
    for m in re.finditer(rb"\((?:\\.|[^\\)])*\)", data):
        s = m.group(0)[1:-1]
        s = re.sub(rb"\\([()\\])", rb"\1", s)
        s = re.sub(rb"\\r", b"\r", s)
        s = re.sub(rb"\\n", b"\n", s)
        s = re.sub(rb"\\(\d{1,3})", lambda mm: bytes([int(mm.group(1), 8) & 255]), s)
        out.append(s.decode("cp1252", errors="replace"))
    return " ".join(out)


def pdf_texts(path: Path) -> list[str]:
    import pdfplumber
    from pypdf import PdfReader
    texts = []
    with pdfplumber.open(str(path), password="") as pdf:
        full, cropped = [], []
        for page in pdf.pages:
            full.append(page.extract_text() or "")
            cb = page.cropbox
            try:
                cropped.append(page.crop(cb).extract_text() or "")
            except Exception:
                cropped.append("")
        texts.append("\n".join(full))
        texts.append("\n".join(cropped))
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    raw = []
    widgets = []
    for page in reader.pages:
        c = page.get_contents()
        if c is not None:
            raw.append(_stream_strings(c.get_data()))
        for a in page.get("/Annots") or []:
            a = a.get_object()
            v = a.get("/V")
            if v is None and "/Parent" in a:
                v = a["/Parent"].get_object().get("/V")
            if v is not None and not str(v).startswith("/"):
                widgets.append(str(v))
            ap = a.get("/AP")
            if ap is not None and "/N" in ap:
                n = ap["/N"].get_object()
                if hasattr(n, "get_data"):
                    widgets.append(_stream_strings(n.get_data()))
    texts.append(" ".join(raw))
    texts.append(" ".join(widgets))
    return texts


def in_pieces(needle: str, hay: str, max_pieces: int = 4) -> bool:
    """True when needle is in hay whole, or as up to max_pieces consecutive pieces in order (a long answer
    broken by a page break, with the running header and footer or a '(continued)' label in between)."""
    pos = 0
    rest = needle
    for _ in range(max_pieces):
        if not rest:
            return True
        lo, hi = 0, len(rest)
        best = None
        while lo < hi:  # longest prefix of rest found at or after pos
            mid = (lo + hi + 1) // 2
            i = hay.find(rest[:mid], pos)
            if i >= 0:
                lo, best = mid, i
            else:
                hi = mid - 1
        if lo < min(12, len(rest)) or best is None:
            return False
        pos = best + lo
        rest = rest[lo:]
    return not rest


def date_variants(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    out = [fmt_date(d, st) for st in ALL_STYLES]
    out.append(f"{d.day:02d}-{d.strftime('%b')}-{d.year}")
    out.append(f"{d.day:02d}{d.month:02d}{d.year}")
    return out


def expected_values(rec: dict) -> list[tuple[str, list[str]]]:
    """(what, alternatives) pairs: each must have one alternative present in the document text."""
    out = []

    def name_parts(what, v):
        if v:
            for p in v.split():
                out.append((f"{what} part {p!r}", [p]))

    def s(what, v):
        if v:
            out.append((what, [v]))

    def d(what, v):
        if v:
            out.append((what, date_variants(v)))

    def ph(what, v):
        if v:
            out.append((what, [v.lstrip("+")]))

    d("date_of_referral", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        name_parts(f"{who}.name", p["name"])
        s(f"{who}.role", p["role"])
        s(f"{who}.agency", p["agency"])
        s(f"{who}.email", p["email"])
        ph(f"{who}.phone", p["phone"])
    for i, ch in enumerate(rec["children"]):
        name_parts(f"child{i}.name", ch["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            s(f"child{i}.{k}", ch[k])
        d(f"child{i}.dob", ch["dob"])
        d(f"child{i}.date_of_death", ch["date_of_death"])
        if ch["address"]:
            for part in ch["address"].split(", "):
                out.append((f"child{i}.address part {part!r}", [part]))
    inc = rec["incident"]
    d("incident.date", inc["date"])
    d("incident.date_la_aware", inc["date_la_aware"])
    s("incident.location", inc["location"])
    if inc["summary"]:
        for j, p in enumerate(inc["summary"].split("\n\n")):
            out.append((f"incident.summary paragraph {j + 1}", [p]))
    s("criteria.reason", rec["criteria"]["reason"])
    d("date_panel_notified", rec["date_panel_notified"])
    for j, a in enumerate(rec["agencies_involved"]):
        name_parts(f"agency{j}.name", a["name"])
        s(f"agency{j}.agency", a["agency"])
        s(f"agency{j}.contact", a["contact"])
    s("immediate_concerns", rec["immediate_concerns"])
    return out


def self_check(out_dir: Path, truths: list[dict]) -> list[str]:
    import jsonschema
    schema = json.loads(find_schema().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for t in truths:
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {err.message}")
        path = out_dir / "forms" / t["file"]
        try:
            texts = docx_texts(path) if path.suffix == ".docx" else pdf_texts(path)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: cannot re-open: {e!r}")
            continue
        normed = [norm(x) for x in texts]
        for what, alts in expected_values(t["record"]):
            if "paragraph" in what:
                ok = any(in_pieces(norm(alts[0]), nt) for nt in normed)
            else:
                ok = any(norm(a) and any(norm(a) in nt for nt in normed) for a in alts)
            if not ok:
                problems.append(f"{t['file']}: {what} not found: {alts[0]!r}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--count", type=int, default=80)
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    forms, truth = out / "forms", out / "truth"
    for d in (forms, truth):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    pairs = plan(args.seed)[: args.count]
    truths = []
    for n, (sender, layout) in enumerate(pairs, 1):
        t = make_one(n, args.seed, sender, layout, forms)
        (truth / f"u26_{n:03d}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
        truths.append(t)
    t1 = time.time()
    problems = self_check(out, truths)
    t2 = time.time()
    nd = sum(1 for t in truths if t["file"].endswith(".docx"))
    npdf = len(truths) - nd
    if problems:
        for p in problems:
            print(p)
        print(f"self-check FAILED: {len(problems)} problems in {len(truths)} forms")
        return 1
    print(f"self-check passed: {len(truths)} forms ({nd} docx, {npdf} pdf), every stated string value is in its "
          f"document, every record validates (generate {t1 - t0:.1f} s, check {t2 - t1:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
