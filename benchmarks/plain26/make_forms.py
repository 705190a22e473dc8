"""plain26 - a held-out set of ORDINARY Case Referral Forms (6 senders x 10 layouts, 30 .docx and 30 .pdf).

    python benchmarks/plain26/make_forms.py OUTDIR [--seed 2601] [--count 60]

Clears OUTDIR/forms and OUTDIR/truth, writes p26_NNN.docx|.pdf and p26_NNN.json, then re-opens every
document and checks it (see README.md). Exits 1 if the self-check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import p26_docx as D  # noqa: E402
import p26_pdf as P  # noqa: E402
from p26_model import Spec, all_date_forms, build_record, make_case  # noqa: E402
from p26_senders import ORDER, SENDERS  # noqa: E402

LAYOUTS = [
    ("O-TABLE", "docx"), ("O-GRID4", "docx"), ("O-BOXES", "docx"), ("O-NUMBERED", "docx"), ("O-COLONS", "docx"),
    ("Q-PRINTED", "pdf"), ("Q-LIBRE", "pdf"), ("Q-FILLABLE", "pdf"), ("Q-LINES", "pdf"), ("Q-TABLES", "pdf"),
]
RENDER = {
    "O-TABLE": D.render_table2, "O-GRID4": D.render_grid4, "O-BOXES": D.render_above,
    "O-NUMBERED": D.render_numbered, "O-COLONS": D.render_colons,
    "Q-PRINTED": P.render_printed, "Q-FILLABLE": P.render_fillable, "Q-LINES": P.render_lines,
    "Q-TABLES": P.render_tables,
}


def find_schema() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), HERE.parents[1] / "shared" / "referral.schema.json",
              HERE.parents[2] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found (expected /work/shared/referral.schema.json)")


def spread(dist: list[tuple], count: int, rng: random.Random) -> list:
    """A list of `count` values in the proportions of dist [(value, weight for 60 forms)], shuffled."""
    out = []
    for v, w in dist:
        out += [v] * w
    while len(out) < count:
        out += out[: count - len(out)]
    out = out[:count] if count <= len(out) else out
    rng.shuffle(out)
    return out


def make_plan(seed: int, count: int) -> list[dict]:
    rng = random.Random(f"p26-{seed}-plan")
    pairs = []
    rounds = (count + len(ORDER) * len(LAYOUTS) - 1) // (len(ORDER) * len(LAYOUTS))
    for _ in range(rounds):
        block = [(s, l) for l in LAYOUTS for s in ORDER]
        rng.shuffle(block)
        pairs += block
    pairs = pairs[:count]
    itypes = spread([("serious_harm", 22), ("death", 11), ("lac_death", 8), ("care_leaver_death", 6),
                     ("other", 9), (None, 4)], count, rng)
    nch = spread([(1, 34), (2, 17), (3, 9)], count, rng)
    nag = spread([(0, 4), (1, 6), (2, 12), (3, 16), (4, 12), (5, 7), (6, 3)], count, rng)
    panel = spread([(True, 20), (False, 25), (None, 15)], count, rng)
    plan = []
    other_seen = 0
    for i in range(count):
        sender, (layout, fmt) = pairs[i]
        it = itypes[i]
        n = 1 if it == "care_leaver_death" else nch[i]
        entry = {"n": i + 1, "sender": sender, "layout": layout, "format": fmt, "itype": it, "n_children": n,
                 "n_agencies": nag[i], "panel": panel[i], "p_no_person": 0.22, "other_detail": False,
                 "age_child": None}
        if it == "other":
            other_seen += 1
            entry["other_detail"] = other_seen % 3 != 0
        plan.append(entry)
    # ages instead of dates of birth: about one form in four, never for a sender that does not ask age
    cands = [e for e in plan if "c_age" not in SENDERS[e["sender"]]["not_asked"]]
    for e in rng.sample(cands, min(len(cands), max(1, round(count * 0.25)))):
        e["age_child"] = rng.randrange(e["n_children"])
    return plan


# ------------------------------------------------------------------ LibreOffice

def libreoffice_convert(jobs: list[tuple[Path, Path, str, str]]) -> None:
    """jobs: (docx source, pdf target, creation stamp, id seed). One soffice run for all."""
    if not jobs:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed for the Q-LIBRE layout")
    with tempfile.TemporaryDirectory(prefix="p26lo-") as tmp:
        src = Path(tmp) / "src"
        out = Path(tmp) / "out"
        src.mkdir()
        out.mkdir()
        for s, _, _, _ in jobs:
            shutil.copy(s, src / s.name)
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out)] + [str(src / s.name) for s, _, _, _ in jobs]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for s, target, stamp, seed_text in jobs:
            pdf = out / (s.stem + ".pdf")
            if not pdf.exists():
                raise SystemExit(f"LibreOffice did not convert {s.name}")
            target.write_bytes(P.normalise_lo_pdf(pdf.read_bytes(), stamp, seed_text))


# ------------------------------------------------------------------ text extraction for the self-check

def docx_text(path: Path) -> str:
    import docx  # python-docx must open it
    from xml.dom import minidom
    docx.Document(str(path))
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                data = z.read(name)
                minidom.parseString(data)  # well-formed
                if name.startswith("word/"):
                    parts += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", data.decode("utf-8"))
    import html
    return html.unescape(" ".join(parts))


def pdf_text(path: Path) -> str:
    import pdfplumber
    from pypdf import PdfReader
    out, stream = [], []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            # the running header and footer sit in the page margins; leave them out so that a paragraph
            # broken over two pages reads as one
            body = page.within_bbox((0, 40, page.width, page.height - 36))
            out.append(body.extract_text() or "")
            # the same characters in content-stream order: a table cell's lines are contiguous there even
            # where the page text interleaves them with the label column's lines
            stream.append("".join(c["text"] for c in body.chars))
    out.append("".join(stream))
    out.append(PAGE_SEP.join(stream))
    r = PdfReader(str(path))
    fields = r.get_fields() or {}
    for name, f in fields.items():
        v = f.get("/V")
        if v is not None:
            out.append(str(v))
    return "\n".join(out)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


PAGE_SEP = "\x00PAGE\x00"  # marks page breaks in the stream-order text (see has() in check_record)

DATE_KEYS = {"date_of_referral", "dob", "date_of_death", "date", "date_la_aware", "date_panel_notified"}


def check_record(rec: dict, text: str) -> list[str]:
    nt = norm(text)
    digits = "".join(ch for ch in text if ch.isdigit())
    pages = []
    if PAGE_SEP in text:
        parts = text.split(PAGE_SEP)
        pages = [norm(parts[0].split("\n")[-1])] + [norm(p) for p in parts[1:]]
    problems = []

    def has(v):
        v = norm(v)
        if v in nt:
            return True
        # a long answer in a table row that Word / LibreOffice broke over two pages: its first part ends one
        # page's stream text and the rest is on the next page (the label cell's own continuation may come first)
        for a, b in zip(pages, pages[1:]):
            k = 0
            while k < len(v) and v[: k + 1] in a:
                k += 1
            if 8 <= k < len(v) and v[k:] in b:
                return True
        return False

    def check(path, key, v):
        if not isinstance(v, str) or key in ("gender", "type"):  # enums: not checked from the text
            return
        if key in DATE_KEYS:
            if not any(has(f) for f in all_date_forms(v)):
                problems.append(f"{path}: date {v} not found")
        elif key == "phone":
            if v.lstrip("+") not in digits:
                problems.append(f"{path}: phone {v} not found")
        elif key == "address":
            for part in v.split(", "):
                if not has(part):
                    problems.append(f"{path}: address part {part!r} not found")
        elif key == "summary":
            for para in v.split("\n\n"):
                if not has(para):
                    problems.append(f"{path}: summary paragraph not found: {para[:50]!r}")
        elif key == "name":
            for part in v.split():
                if not has(part):
                    problems.append(f"{path}: name part {part!r} not found")
        else:
            if not has(v):
                problems.append(f"{path}: {v[:60]!r} not found")

    def walk(obj, path):
        if isinstance(obj, dict):
            for k, v in obj.items():
                if isinstance(v, (dict, list)):
                    walk(v, f"{path}.{k}")
                else:
                    check(f"{path}.{k}", k, v)
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")
    walk(rec, "record")
    return problems


# ------------------------------------------------------------------ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2601)
    ap.add_argument("--count", type=int, default=60)
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    forms_dir, truth_dir = out / "forms", out / "truth"
    for d in (forms_dir, truth_dir):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    schema = json.loads(find_schema().read_text())
    plan = make_plan(args.seed, args.count)
    truths = []
    lo_jobs = []
    with tempfile.TemporaryDirectory(prefix="p26src-") as srcdir:
        for e in plan:
            rng = random.Random(f"p26-{args.seed}-{e['n']}")
            sender = SENDERS[e["sender"]]
            case = make_case(rng, sender, e)
            spec = Spec(rng, sender, case, e)
            record = build_record(spec)
            stem = f"p26_{e['n']:03d}"
            fname = f"{stem}.{e['format']}"
            target = forms_dir / fname
            if e["layout"] == "Q-LIBRE":
                src = Path(srcdir) / f"{stem}.docx"
                info = D.render_grid4(str(src), spec, rng, choice_style="glyph", font="Liberation Sans",
                                      label_shade="EDEDED")
                stamp = case["ref_date"].strftime("%Y%m%d") + f"{10 + rng.randint(0, 6):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
                lo_jobs.append((src, target, stamp, f"p26-{args.seed}-{e['n']}"))
                info = dict(info, producer="LibreOffice 7.4 (Writer), exported from a Word .docx")
            else:
                info = RENDER[e["layout"]](str(target), spec, rng) or {}
                if e["format"] == "pdf":
                    import datetime as dt
                    made = dt.datetime.combine(case["ref_date"], dt.time(9 + rng.randint(0, 7), rng.randint(0, 59),
                                                                         rng.randint(0, 59)))
                    P.stamp_dates(str(target), made, made + dt.timedelta(minutes=rng.randint(0, 40))
                                  if e["layout"] == "Q-FILLABLE" else made)
            notes = dict(spec.notes)
            notes["layout_info"] = info
            truths.append({"file": fname, "layout": e["layout"], "vocabulary": e["sender"],
                           "expect_status": "parsed", "expect_reason": None, "record": record, "notes": notes})
        libreoffice_convert(lo_jobs)
    for t in truths:
        (truth_dir / (Path(t["file"]).stem + ".json")).write_text(
            json.dumps(t, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    gen_time = time.time() - t0

    # ---------------------------------------------------------- self-check
    import jsonschema
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    n_docx = n_pdf = 0
    for t in truths:
        path = forms_dir / t["file"]
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {err.message}")
        try:
            text = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{t['file']}: cannot open: {exc}")
            continue
        n_docx += path.suffix == ".docx"
        n_pdf += path.suffix == ".pdf"
        for p in check_record(t["record"], text):
            problems.append(f"{t['file']} ({t['layout']}): {p}")
    total = time.time() - t0
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(truths)} forms ({n_docx} docx, {n_pdf} pdf), every stated string value is in "
          f"its document, every record validates (generated in {gen_time:.1f} s, {total:.1f} s with the check)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
