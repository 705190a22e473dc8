"""unseen7 - held-out Case Referral Form corpus generator.

    python benchmarks/unseen7/make_forms.py OUTDIR [--seed N] [--count 80]

Writes OUTDIR/forms/u7_NNN.docx|.pdf and OUTDIR/truth/u7_NNN.json (both folders are cleared first), then
re-opens every document and checks that every stated string value of its record is in its text and that every
record validates against shared/referral.schema.json. Exits 1 if any check fails. See README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from model import DATE_STYLES, LAYOUT_FORMAT, VOCABS, all_date_renderings, make_case  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402
import spec  # noqa: E402

SCHEMA_CANDIDATES = [HERE.parents[2] / ".." / "shared" / "referral.schema.json", Path("/work/shared/referral.schema.json")]
SENDERS = list(VOCABS)


def make_look(rng, vkey, layout):
    v = VOCABS[vkey]
    ver_date = DATE_STYLES[rng.choice(["dmy", "d_mon_dot", "ord_mon"])](
        __import__("datetime").date(2024, rng.randrange(1, 13), rng.randrange(1, 28)))
    printed = DATE_STYLES["dmy"](__import__("datetime").date(2026, rng.randrange(1, 4), rng.randrange(1, 28)))
    footer = rng.choice([f"{v['formref']} version {rng.randrange(2, 6)}.{rng.randrange(0, 9)} - issued {ver_date}",
                         f"Version date: {ver_date}   Review date: {ver_date[:-4]}2027" if ver_date[-4:].isdigit()
                         else f"Version date: {ver_date}",
                         f"Printed {printed} - uncontrolled when printed (template {ver_date})"])
    pphone = rng.choice(["01632 960000", "0113 496 0500", "0161 496 0999", "028 9649 6000"])
    guidance = (f"Please complete all sections and send the form by secure email to safeguarding@{v['pdomain']}. "
                f"If you need advice, call the partnership business unit on {pphone}. Give dates as dd/mm/yyyy "
                f"(for example 01/01/2015). If a child is at immediate risk, call 999.")
    look = dict(
        font=rng.choice(["Arial", "Calibri", "Verdana", "Tahoma"]),
        footer=footer,
        header2=f"Printed: {printed}" if rng.random() < 0.4 else "",
        guidance=guidance,
        tbox_hint=rng.random() < 0.5,
        band_fill=rng.choice(["DEEAF6", "E2EFD9", "F2F2F2", "FBE4D5"]),
        head_fill=rng.choice(["1F3864", "385623", "7030A0", "2F5496"]),
        caps_heads=rng.random() < 0.5,
        glyphs=rng.random() < 0.5,
        glyph_pair=rng.choice([("\u2612", "\u2610"), ("\u2611", "\u2610"), ("X", "\u25a1")]),
        none_text=rng.choice(["None known.", "No other agencies involved", ""]),
        ink=rng.choice(["1F4E79", "0070C0", "2E74B5", "C00000"]),
        ink_font=rng.choice(["", "Courier New", "Segoe Print"]),
        bold_labels=rng.random() < 0.5,
        footnotes=True,
        yn_hint=rng.random() < 0.5,
        two_up=rng.random() < 0.6,
        highlight=rng.random() < 0.5,
        mark=rng.choice(["X", "x", "X"]),
        producer=rng.random() < 0.5,
        bar=rng.choice(["#1F3864", "#385623", "#5B2C6F", "#7B241C"]),
        nm=hashlib.md5(f"{vkey}{rng.random()}".encode()).hexdigest()[:8],
        annot_date=f"D:2026{rng.randrange(1, 4):02d}{rng.randrange(1, 28):02d}1{rng.randrange(0, 9)}3012Z",
        annot_producer=rng.choice(["macOS Version 14.5 (Build 23F79) Quartz PDFContext",
                                   "Adobe Acrobat Reader (64-bit) 24.2.20759 - Fill & Sign"]),
        checklist=rng.random() < 0.5,
        chips=rng.random() < 0.7,
        gdoc_producer="Skia/PDF m120 Google Docs Renderer",
        twoup_glyph=rng.random() < 0.5,
        twoup_producer=rng.choice(["Microsoft: Print To PDF", "Microsoft® Word for Microsoft 365 (2 pages per sheet)"]),
    )
    return look


def plan(rng, count):
    items = []
    per_sender = {s: 0 for s in SENDERS}
    for i in range(count):
        vkey = SENDERS[i % len(SENDERS)]
        lays = VOCABS[vkey]["layouts"]
        layout = lays[per_sender[vkey] % len(lays)]
        per_sender[vkey] += 1
        items.append((vkey, layout))
    rng.shuffle(items)
    return items


def normalise_lo_pdf(data: bytes, stem: str) -> bytes:
    fixed = "D:20260105090000"

    def date(m):
        val = m.group(2)
        return m.group(1) + (fixed + val[len(fixed):] if len(val) >= len(fixed) else val).encode() + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)\)", lambda m: m.group(1) + (
        fixed.encode() + m.group(2)[len(fixed):]) + b")", data)
    h = hashlib.md5(stem.encode()).hexdigest().upper().encode()

    def rid(m):
        return (m.group(1) + h[:len(m.group(2))].ljust(len(m.group(2)), b"0") + m.group(3)
                + h[:len(m.group(4))].ljust(len(m.group(4)), b"0") + b">")

    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>", rid, data)
    data = re.sub(rb"(/DocChecksum /)([0-9A-Fa-f]+)", lambda m: m.group(1) + h[:len(m.group(2))].ljust(
        len(m.group(2)), b"0"), data)
    return data


def soffice_batch(docx_paths: list[Path], outdir: Path):
    if not docx_paths:
        return
    profile = Path(tempfile.mkdtemp(prefix="u7lo_"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir)] + [str(p) for p in docx_paths], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# ------------------------------------------------------------------ self-check
def norm(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


def docx_text(path: Path) -> str:
    z = zipfile.ZipFile(path)
    out = []
    for name in z.namelist():
        if name.startswith("word/") and name.endswith(".xml") and any(
                k in name for k in ("document", "header", "footer", "footnotes")):
            xml = z.read(name).decode("utf-8")
            out += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    import html
    return html.unescape(" ".join(out))


def pdf_text(path: Path) -> str:
    import pdfplumber
    from pypdf import PdfReader
    parts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            w = page.width
            views = [page]
            if w > page.height:  # two-up sheets: each half on its own
                views += [page.crop((0, 0, w / 2, page.height)), page.crop((w / 2, 0, w, page.height))]
            for view in views:
                parts.append(view.extract_text() or "")
                for table in view.extract_tables():  # a wrapped cell is whole here
                    parts += [cell for row in table for cell in row if cell]
    for page in PdfReader(path).pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Contents"):
                parts.append(str(a["/Contents"]))
    return "\n".join(parts)


def expected_strings(truth: dict):
    """(path, [alternatives]) - each value must be present in one of its alternative spellings."""
    rec = truth["record"]
    out = []

    def add(path, val, kind="text"):
        if val in (None, ""):
            return
        if kind == "date":
            out.append((path, [norm(x) for x in all_date_renderings(val)]))
        elif kind == "phone":
            out.append((path, [val.lstrip("+")]))
        elif kind == "lines":
            for i, part in enumerate(val.split(", ")):
                out.append((f"{path}#{i}", [norm(part)]))
        elif kind == "paras":
            for i, part in enumerate(val.split("\n\n")):
                out.append((f"{path}#{i}", [norm(part)]))
        else:
            out.append((path, [norm(val)]))

    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        for k in ("name", "role", "agency", "email"):
            add(f"{who}.{k}", p[k])
        add(f"{who}.phone", p["phone"], "phone")
    parts = truth["notes"].get("name_parts")
    for i, c in enumerate(rec["children"]):
        if parts:
            add(f"children[{i}].name(fore)", parts[i][0])
            add(f"children[{i}].name(sur)", parts[i][1])
        else:
            add(f"children[{i}].name", c["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"children[{i}].{k}", c[k])
        add(f"children[{i}].address", c["address"], "lines")
        add(f"children[{i}].dob", c["dob"], "date")
        add(f"children[{i}].date_of_death", c["date_of_death"], "date")
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "paras")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    for i, a in enumerate(rec["agencies_involved"]):
        add(f"agencies_involved[{i}].name", a["name"])
        add(f"agencies_involved[{i}].agency", a["agency"])
        add(f"agencies_involved[{i}].contact", a["contact"])
    add("immediate_concerns", rec["immediate_concerns"])
    return out


def self_check(outdir: Path) -> list[str]:
    import jsonschema
    schema_path = next(p for p in SCHEMA_CANDIDATES if p.exists())
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for tp in sorted((outdir / "truth").glob("*.json")):
        t = json.loads(tp.read_text())
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        doc = outdir / "forms" / t["file"]
        text = docx_text(doc) if doc.suffix == ".docx" else pdf_text(doc)
        nt = norm(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        for path, alts in expected_strings(t):
            hay = digits if path.endswith(".phone") else nt
            if not any(a and a in hay for a in alts):
                problems.append(f"{t['file']}: {path} not found in the document text ({alts[0]!r})")
    return problems


# ------------------------------------------------------------------ main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    forms, truth = out / "forms", out / "truth"
    for d in (forms, truth):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rng = random.Random(a.seed)
    todo_lo = []
    tmp = Path(tempfile.mkdtemp(prefix="u7src_"))
    truths = []
    for i, (vkey, layout) in enumerate(plan(rng, a.count), 1):
        stem = f"u7_{i:03d}"
        frng = random.Random(f"{a.seed}:{stem}:{vkey}:{layout}")
        nch = frng.choices([1, 2, 3], [60, 28, 12])[0]
        nag = frng.choices([0, 1, 2, 3, 4, 5], [8, 14, 22, 24, 18, 14])[0]
        case = make_case(frng, vkey, layout, nch, nag)
        sections, record, notes = spec.build(frng, vkey, layout, case)
        look = make_look(frng, vkey, layout)
        ext = LAYOUT_FORMAT[layout]
        if layout in render_docx.RENDER:
            doc, extra = render_docx.RENDER[layout](sections, VOCABS[vkey], look)
            data = render_docx.save_docx(doc, extra)
            if layout.startswith("L-"):
                (tmp / f"{stem}.docx").write_bytes(data)
                todo_lo.append(tmp / f"{stem}.docx")
            else:
                (forms / f"{stem}.docx").write_bytes(data)
            notes["footnotes"] = len(extra.get("footnotes") or [])
        else:
            (forms / f"{stem}.pdf").write_bytes(render_pdf.RENDER[layout](sections, VOCABS[vkey], look))
        notes.update({k: look[k] for k in {
            "W-BAND": ["glyphs", "glyph_pair"], "W-TBOX": ["tbox_hint"], "W-INK": ["two_up", "ink", "ink_font"],
            "L-INK": ["two_up"], "W-LEADER": ["highlight"], "L-LEADER": ["highlight"], "P-TYPED": ["mark"],
            "P-ANNOT": ["mark", "annot_producer"], "P-GDOC": ["checklist", "chips"],
            "P-2UP": ["twoup_glyph", "twoup_producer"]}[layout]})
        notes["decoy_footer"] = look["footer"]
        truths.append({"file": f"{stem}.{ext}", "layout": layout, "vocabulary": vkey, "expect_status": "parsed",
                       "expect_reason": None, "record": record, "notes": notes})
    soffice_batch(todo_lo, tmp)
    for src in todo_lo:
        pdf = tmp / (src.stem + ".pdf")
        (forms / pdf.name).write_bytes(normalise_lo_pdf(pdf.read_bytes(), src.stem))
    shutil.rmtree(tmp, ignore_errors=True)
    for t in truths:
        (truth / (Path(t["file"]).stem + ".json")).write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n")
    docx_n = sum(t["file"].endswith(".docx") for t in truths)
    print(f"wrote {len(truths)} forms ({docx_n} docx, {len(truths) - docx_n} pdf) to {out}")
    problems = self_check(out)
    if problems:
        print("\n".join(problems))
        print(f"self-check FAILED: {len(problems)} problem(s)")
        return 1
    print("self-check passed: every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
