"""unseen13 - held-out Case Referral Form generator (8 invented senders x 10 layouts).

    python benchmarks/unseen13/make_forms.py OUTDIR [--seed N] [--count 80]

Standalone: imports nothing from the project (only its sibling modules and python-docx, reportlab, pdfplumber, pypdf,
jsonschema). Clears and writes OUTDIR/forms/u13_NNN.docx|.pdf and OUTDIR/truth/u13_NNN.json, then self-checks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
import jsonschema  # noqa: E402
import pdfplumber  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from model import SENDERS, Sender, all_forms, build_case, fmt  # noqa: E402
from render_docx import DOCX_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402

LAYOUTS = list(DOCX_LAYOUTS) + list(PDF_LAYOUTS)
FORCED_DATES = {"W-LETTERBOX": ("slash", "slash"), "P-SHEETROW": ("slash", "slash")}


def find_schema() -> Path:
    here = Path(__file__).resolve()
    for cand in [Path("/work/shared/referral.schema.json")] + [p / "shared" / "referral.schema.json" for p in here.parents]:
        if cand.exists():
            return cand
    raise SystemExit("referral.schema.json not found")


def plan(seed: int, count: int) -> list[tuple[int, Sender, str]]:
    rng = random.Random(f"u13-{seed}-plan")
    pairs = [(s, lay) for s in SENDERS for lay in LAYOUTS]
    rng.shuffle(pairs)
    return [(i + 1, s, lay) for i, (s, lay) in enumerate(pairs[:count])]


def make_ctx(n: int, seed: int, sender: Sender, layout: str) -> tuple[dict, dict, dict]:
    rng = random.Random(f"u13-{seed}-{n}")
    if layout in FORCED_DATES:
        sender = Sender(dict(sender, dates=FORCED_DATES[layout]))
    want = None
    record, sections, notes = build_case(sender, rng, caps=(layout == "W-LETTERBOX"), want_children=want)
    main = sender.dates[0]
    ref_date = notes.pop("ref_date")
    ctx = {
        "sender": sender, "rng": rng, "sections": sections,
        "marking": rng.choice(["OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE: PERSONAL", "CONFIDENTIAL - when complete"]),
        "version": rng.choice(["1.2", "2.0", "2.3", "3.1"]),
        "reviewed": fmt(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), main),
        "example_date": fmt(dt.date(2015, 1, 1), main),
        "created": f"2026-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}T0{rng.randrange(7, 10)}:{rng.randrange(10, 59)}:00Z",
        "fileseed": f"u13-{seed}-{n}",
        "iso_of": lambda it: it.get("iso") or it["shown"],
    }
    # layout-specific furniture and variants
    if layout == "W-GCHECK":
        ctx["variant"] = rng.choice(["strike", "strike", "nostrike"])
    elif layout == "W-MACROBTN":
        ctx["variant"] = rng.choice(["times", "arial"])
    elif layout == "W-FIXEDWIDTH":
        ctx["variant"] = rng.choice(["CASEWISE 4.2", "SafeTrack Reporter", "Mosaic-lite Export", "ReferralHub v2"])
        pd = ref_date + dt.timedelta(days=rng.randrange(0, 3))
        ctx["printed"] = f"{pd.strftime('%d/%m/%Y')} {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"
        notes["printed"] = ctx["printed"]
    elif layout == "W-FLOATBOX":
        ctx["variant"] = rng.choice(["2E5E4E", "7030A0", "C55A11", "1F4E79"])
    elif layout == "P-FAXED":
        fd = ref_date + dt.timedelta(days=rng.randrange(1, 3))
        ctx["fax_date"] = fmt(fd, main)
        ctx["fax_stamp"] = f"{fd.strftime('%d-%b-%Y').upper()} {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}"
        ctx["fax_from"] = f"01632 960{rng.randrange(0, 1000):03d}"
        ctx["fax_id"] = f"{rng.randrange(100, 999)}"
        ctx["fax_job"] = f"{rng.randrange(10, 999):03d}"
        used = {tuple(record["referrer"]["name"].split(" ", 1))}
        from model import person
        ctx["fax_sender"] = person(rng, used)
        ctx["noise"] = random.Random(f"u13-{seed}-{n}-noise")
        ctx["afont"] = rng.choice(["Courier", "Helvetica", "Times-Roman"])
        ctx["fax_pages"] = 0
        notes.update(fax_stamp=ctx["fax_stamp"], fax_sender=ctx["fax_sender"], answer_font=ctx["afont"])
    elif layout == "P-BOOKLET":
        ctx["variant"] = rng.choice(["#2E5E4E", "#7B2C5E", "#1F4E79", "#8A5A00"])
    elif layout == "P-SHEETROW":
        ts = ref_date
        ctx["timestamp"] = f"{ts.strftime('%d/%m/%Y')} {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}:{rng.randrange(0, 60):02d}"
        notes["timestamp"] = ctx["timestamp"]
    elif layout == "P-XFADYN":
        ctx["xfa_stamp"] = f"{ref_date.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}:00Z"
    elif layout == "P-OPTRADIO":
        ctx["variant"] = rng.choice(["generic", "named"])
        ctx["tooltips"] = rng.random() < 0.5
        notes.update(field_names=ctx["variant"], tooltips=ctx["tooltips"])
    return ctx, record, notes


def render(layout: str, ctx: dict, path: Path) -> dict:
    if layout in DOCX_LAYOUTS:
        path.write_bytes(DOCX_LAYOUTS[layout](ctx))
        return {}
    if layout == "P-FAXED":
        # two passes: the first counts the pages for the "P.00n/00m" header line
        ctx["fax_pages"] = 99
        info = PDF_LAYOUTS[layout](dict(ctx, rng=random.Random(0), noise=random.Random(0)), str(path))
        ctx["fax_pages"] = info["pages"]
    return PDF_LAYOUTS[layout](ctx, str(path))


# ---------------------------------------------------------------- self-check
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def docx_text(path: Path) -> str:
    docx.Document(str(path))   # must open
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                out += [html.unescape(t) for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)]
    return "".join(out)


def pdf_text(path: Path, info: dict) -> str:
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for p in pdf.pages:
            out.append(p.extract_text() or "")
        for pg, bbox in info.get("regions", []):
            page = pdf.pages[pg]
            out.append(page.within_bbox(bbox).extract_text() or "")
    r = PdfReader(str(path))
    acro = r.trailer["/Root"].get("/AcroForm")
    if acro is not None:
        acro = acro.get_object()
        xfa = acro.get("/XFA")
        if xfa is not None:
            xfa = xfa.get_object()
            for k in range(0, len(xfa), 2):
                if xfa[k] == "datasets":
                    out.append(html.unescape(re.sub(r"<[^>]+>", " ", xfa[k + 1].get_object().get_data().decode("utf-8"))))
        for f in acro.get("/Fields", []):
            f = f.get_object()
            v = f.get("/V")
            if v is None:
                continue
            if f.get("/FT") == "/Btn" and "/Opt" in f and str(v) != "/Off":
                out.append(str(f["/Opt"][int(str(v)[1:])]))
            else:
                out.append(str(v))
    return "\n".join(out)


def needles(rec: dict) -> list[tuple[str, list[str]]]:
    """(path, alternatives): at least one alternative must be in the text."""
    out = []

    def add(path, alts):
        out.append((path, [a for a in alts if a]))

    def date(path, v):
        if v:
            add(path, all_forms(v))

    date("date_of_referral", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            v = rec[who][k]
            if v:
                add(f"{who}.{k}", [v])
    for i, ch in enumerate(rec["children"]):
        for part in (ch["name"] or "").split(" "):
            add(f"children[{i}].name", [part])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            if ch[k]:
                add(f"children[{i}].{k}", [ch[k]])
        if ch["address"]:
            for part in ch["address"].split(", "):
                add(f"children[{i}].address", [part])
        date(f"children[{i}].dob", ch["dob"])
        date(f"children[{i}].date_of_death", ch["date_of_death"])
    inc = rec["incident"]
    date("incident.date", inc["date"])
    date("incident.date_la_aware", inc["date_la_aware"])
    if inc["location"]:
        add("incident.location", [inc["location"]])
    for p in (inc["summary"] or "").split("\n\n"):
        add("incident.summary", [p])
    if rec["criteria"]["reason"]:
        add("criteria.reason", [rec["criteria"]["reason"]])
    date("date_panel_notified", rec["date_panel_notified"])
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]:
                add(f"agencies_involved[{i}].{k}", [a[k]])
    if rec["immediate_concerns"]:
        add("immediate_concerns", [rec["immediate_concerns"]])
    return out


def self_check(out: Path, metas: list[dict], schema: dict) -> list[str]:
    problems = []
    validator = jsonschema.Draft202012Validator(schema)
    for m in metas:
        t = json.loads((out / "truth" / m["stem"]).with_suffix(".json").read_text())
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        path = out / "forms" / t["file"]
        try:
            text = docx_text(path) if path.suffix == ".docx" else pdf_text(path, m["info"])
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: cannot open: {e!r}")
            continue
        hay = norm(text)
        for p, alts in needles(t["record"]):
            if not any(norm(a) in hay for a in alts):
                problems.append(f"{t['file']}: {p} not found: {alts[0]!r}")
        s = next(x for x in SENDERS if x.key == t["vocabulary"])
        for ch in t["record"]["children"]:
            if ch["gender"]:
                words = [w for w, v in s.gender if v == ch["gender"]]
                if not any(norm(w) in hay for w in words):
                    problems.append(f"{t['file']}: gender word not found")
        if t["record"]["incident"]["type"]:
            words = [w for w, v in s.itypes if v == t["record"]["incident"]["type"]]
            if not any(norm(w) in hay for w in words):
                problems.append(f"{t['file']}: incident type word not found")
    return problems


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    schema = json.loads(find_schema().read_text())
    metas = []
    for n, sender, layout in plan(a.seed, a.count):
        stem = f"u13_{n:03d}"
        ext = ".docx" if layout in DOCX_LAYOUTS else ".pdf"
        ctx, record, notes = make_ctx(n, a.seed, sender, layout)
        info = render(layout, ctx, out / "forms" / (stem + ext))
        for k in ("pages", "vpages", "columns", "widgets"):
            if k in info:
                notes[k] = info[k]
        if layout in FORCED_DATES:
            notes["date_style"] = notes["dob_style"] = "slash"
        truth = {"file": stem + ext, "layout": layout, "vocabulary": sender.key, "expect_status": "parsed",
                 "expect_reason": None, "record": record, "notes": notes}
        (out / "truth" / (stem + ".json")).write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
        metas.append({"stem": stem, "info": info})
    problems = self_check(out, metas, schema)
    if problems:
        for p in problems:
            print("SELF-CHECK:", p)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(metas)} forms, every stated string value is in its document, every record validates")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
