"""Held-out Case Referral Form corpus unseen12: 8 invented senders x 10 new layouts, with truth records.

    python benchmarks/unseen12/make_forms.py OUTDIR [--seed N] [--count 80]

Clears and writes OUTDIR/forms/u12_NNN.docx|.pdf and OUTDIR/truth/u12_NNN.json, then re-opens every
document and checks it (exit 1 when a check fails). Imports nothing from the project.
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

import docx  # noqa: E402
import jsonschema  # noqa: E402
import pdfplumber  # noqa: E402

import model  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402

WORD_LAYOUTS = ["W-PAUTO", "W-TRACKFILL", "W-OUTLINE", "W-LANDSECT", "W-SHADECELL"]
PDF_LAYOUTS = ["P-WATERMARK", "P-MSFORMS", "P-NEEDAPP", "P-ESIGN", "P-SAFARI"]
LAYOUTS = WORD_LAYOUTS + PDF_LAYOUTS
ANY = list(model.DATE_STYLES)
LAYOUT_DATES = {"W-PAUTO": ["iso", "dmy_slash", "d_month_y"], "P-MSFORMS": ["dmy_slash"],
                "P-SAFARI": ["d_month_y", "d_mon_y", "iso"]}
SCHEMA = Path("/work/shared/referral.schema.json")


def find_schema() -> Path:
    for cand in (SCHEMA, HERE.parents[2] / "shared" / "referral.schema.json", HERE.parents[1] / "shared" / "referral.schema.json"):
        if cand.exists():
            return cand
    raise SystemExit("referral.schema.json not found")


def plan(seed: int, count: int) -> list[tuple[int, model.Sender, str]]:
    rng = random.Random(f"u12-{seed}-plan")
    pairs = [(s, lay) for s in model.SENDERS for lay in LAYOUTS]
    rng.shuffle(pairs)
    pairs = pairs[:count]
    return [(i + 1, s, lay) for i, (s, lay) in enumerate(pairs)]


def make_one(seed: int, n: int, sender: model.Sender, layout: str):
    rng = random.Random(f"u12-{seed}-{n}")
    styles = LAYOUT_DATES.get(layout, ANY)
    main_style = rng.choice(styles)
    dob_style = rng.choice(styles) if rng.random() < 0.5 else main_style
    n_children = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
    sections, record, notes = model.make_case(sender, rng, n_children, main_style, dob_style)
    fd = model.DATE_STYLES[main_style]
    ref_date = dt.date.fromisoformat(record["date_of_referral"]) if record["date_of_referral"] else dt.date(2026, 6, 1)
    token = "%032x" % rng.getrandbits(128)
    envelope = "-".join([token[:8], token[8:12], token[12:16], token[16:20], token[20:32]]).upper()
    orig = ref_date + dt.timedelta(days=rng.randint(0, 2))
    us = lambda d, hh, mm: f"{d.month}/{d.day}/{d.year} | {hh % 12 or 12:02d}:{mm:02d} {'AM' if hh < 12 else 'PM'}"  # noqa: E731
    ref_name = record["referrer"]["name"]
    originator = f"{rng.choice(model.ADULT_FIRST)} {rng.choice(model.SURNAMES)}"
    ctx = {
        "sender": sender, "main_style": main_style, "dob_style": dob_style,
        "guidance": model.guidance(sender, fd), "version": f"{rng.randint(1, 4)}.{rng.randint(0, 9)}",
        "review_date": fd(dt.date(rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))),
        "created": f"{ref_date.isoformat()}T{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00Z",
        "ref_name": ref_name, "token": token, "envelope": envelope,
        "print_stamp": f"{(ref_date + dt.timedelta(days=rng.randint(0, 3))).strftime('%d/%m/%Y')}, {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
        "certificate": [
            ("Envelope Id:", envelope), ("Subject:", f"Complete with Docusign: {sender.form_ref} referral.pdf"),
            ("Source Envelope:", ""), ("Document Pages:", str(rng.randint(3, 6))), ("Signatures:", "1"),
            ("Envelope Originator:", originator), ("", ""),
            ("Originator email:", f"{originator.split()[0].lower()}.{originator.split()[-1].lower().replace('-', '')}@{sender.pdomain}"),
            ("Record Tracking", ""), ("Status: Original", us(orig, 9, rng.randint(0, 59))),
            ("Signer Events", ""), ("Signer:", ref_name or "Signer"),
            ("Sent:", us(orig, 9, rng.randint(0, 59))), ("Viewed:", us(orig, 11, rng.randint(0, 59))),
            ("Signed:", us(orig + dt.timedelta(days=rng.randint(0, 1)), 15, rng.randint(0, 59))),
            ("Envelope Summary Events", ""), ("Completed:", us(orig + dt.timedelta(days=1), 16, rng.randint(0, 59))),
        ],
    }
    notes["decoys"] += [f"review date={ctx['review_date']}"]
    if layout == "P-MSFORMS":
        notes["decoys"].append(f"browser print stamp={ctx['print_stamp']}")
    if layout == "P-ESIGN":
        notes["decoys"].append("certificate of completion (US-style M/D/YYYY timestamps, originator name and email)")
    if layout in render_docx.RENDERERS:
        data = render_docx.RENDERERS[layout](ctx, sections, rng, notes)
        return "docx", data, [], {}, record, notes
    data, boxes, extra = render_pdf.RENDERERS[layout](ctx, sections, rng, notes)
    return "pdf", data, boxes, extra, record, notes


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def doc_text(path: Path, boxes, extra) -> str:
    if path.suffix == ".docx":
        docx.Document(str(path))
        parts = []
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if name.startswith("word/") and name.endswith(".xml") and "comments" not in name:
                    xml = z.read(name).decode("utf-8")
                    parts += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
        import html
        return " ".join(html.unescape(x) for x in parts)
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            upright = page.filter(lambda o: o.get("object_type") != "char" or o.get("upright", True))
            out.append(upright.extract_text() or "")
        for (pi, x0, top, x1, bottom) in boxes:
            page = pdf.pages[pi]
            bb = (max(0, x0), max(0, top), min(page.width, x1), min(page.height, bottom))
            out.append(page.within_bbox(bb).extract_text() or "")
    out += extra.get("field_values", [])
    return "\n".join(out)


def check(record: dict, text: str, sender: model.Sender) -> list[str]:
    t = norm(text)
    problems = []

    def has(v: str, what: str):
        if norm(v) and norm(v) not in t:
            problems.append(f"{what}: {v!r} not found")

    def has_date(v: str | None, what: str):
        if v and not any(norm(x) in t for x in model.all_printed_dates(dt.date.fromisoformat(v))):
            problems.append(f"{what}: date {v} not printed")

    def has_bool(v, what):
        if v is not None:
            has(sender.yn[0] if v else sender.yn[1], what)

    has_date(record["date_of_referral"], "date_of_referral")
    for who in ("referrer", "safeguarding_lead"):
        for k, v in record[who].items():
            if k == "discussed":
                has_bool(v, f"{who}.{k}")
            elif v:
                has(v, f"{who}.{k}")
    for i, c in enumerate(record["children"]):
        for k, v in c.items():
            if v is None:
                continue
            if k in ("dob", "date_of_death"):
                has_date(v, f"child{i}.{k}")
            elif k in ("cp_plan", "open_to_csc", "looked_after"):
                has_bool(v, f"child{i}.{k}")
            elif k == "gender":
                has(sender.gender_opts[sender.gender_vals.index(v)], f"child{i}.gender")
            elif k == "name":
                for part in v.split(" "):
                    has(part, f"child{i}.name")
            elif k == "address":
                for part in v.split(", "):
                    has(part, f"child{i}.address")
            else:
                has(v, f"child{i}.{k}")
    inc = record["incident"]
    has_date(inc["date"], "incident.date")
    has_date(inc["date_la_aware"], "incident.date_la_aware")
    if inc["location"]:
        has(inc["location"], "incident.location")
    if inc["type"]:
        has([o for o, v in sender.itype_opts if v == inc["type"]][0], "incident.type")
    for para in (inc["summary"] or "").split("\n\n"):
        has(para, "incident.summary")
    has_bool(inc["police_involved"], "incident.police")
    for k, v in record["criteria"].items():
        if k == "reason":
            if v:
                has(v, "criteria.reason")
        else:
            has_bool(v, f"criteria.{k}")
    has_bool(record["panel_notified"], "panel_notified")
    has_date(record["date_panel_notified"], "date_panel_notified")
    for a in record["agencies_involved"]:
        for k, v in a.items():
            if v:
                has(v, f"agency.{k}")
    if record["immediate_concerns"]:
        has(record["immediate_concerns"], "immediate_concerns")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.monotonic()
    out = Path(a.outdir)
    if out.exists():
        shutil.rmtree(out)
    (out / "forms").mkdir(parents=True)
    (out / "truth").mkdir(parents=True)
    schema = json.loads(find_schema().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    failures = []
    for n, sender, layout in plan(a.seed, a.count):
        ext, data, boxes, extra, record, notes = make_one(a.seed, n, sender, layout)
        name = f"u12_{n:03d}.{ext}"
        path = out / "forms" / name
        path.write_bytes(data)
        truth = {"file": name, "layout": layout, "vocabulary": sender.key, "expect_status": "parsed",
                 "expect_reason": None, "record": record, "notes": notes}
        (out / "truth" / f"u12_{n:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
        errs = [f"schema: {e.message}" for e in validator.iter_errors(record)]
        try:
            errs += check(record, doc_text(path, boxes, extra), sender)
        except Exception as e:  # a document that does not open is a failure, reported with its name
            errs.append(f"open failed: {e!r}")
        failures += [f"{name} ({layout}, {sender.key}): {e}" for e in errs]
    for f in failures:
        print(f)
    took = time.monotonic() - t0
    if failures:
        print(f"self-check FAILED: {len(failures)} problems ({took:.1f} s)")
        return 1
    print(f"self-check passed: {a.count} forms, every stated string value is in its document, every record validates ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
