"""unseen25 - a held-out corpus of Case Referral Forms (40 .docx, 40 .pdf) with exact truth.

    python benchmarks/unseen25/make_forms.py OUTDIR [--seed N] [--count 80]

Clears OUTDIR/forms and OUTDIR/truth, writes u25_NNN.docx|.pdf and u25_NNN.json, then re-opens every document and
checks it (see README.md). Exits 1 if the self-check fails. Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import io
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

from model import ALL_STYLES, build_form, fmt_date  # noqa: E402
from render_docx import DOCX_LAYOUTS  # noqa: E402
from render_pdf import PDF_LAYOUTS  # noqa: E402
from senders import SENDER_KEYS, SENDERS, not_asked  # noqa: E402

LAYOUTS = list(DOCX_LAYOUTS) + list(PDF_LAYOUTS)


def schema_path() -> Path:
    for p in [Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
              HERE.parents[3] / "shared" / "referral.schema.json"]:
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found (expected /work/shared/referral.schema.json)")


def plan(seed: int, count: int) -> list[tuple[str, str]]:
    """Every sender exactly once per layout (8 x 10 = 80), in a seeded order."""
    pairs = [(s, l) for s in SENDER_KEYS for l in LAYOUTS]
    rng = random.Random(f"u25-{seed}-plan")
    # keep each layout's eight forms spread out: shuffle within rounds of senders
    order = []
    rounds = [[(s, l) for l in LAYOUTS] for s in SENDER_KEYS]
    for r in rounds:
        rng.shuffle(r)
    for i in range(len(LAYOUTS)):
        chunk = [r[i] for r in rounds]
        rng.shuffle(chunk)
        order += chunk
    assert sorted(order) == sorted(pairs)
    return order[:count]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=25)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    for sub in ("forms", "truth"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    written = []
    for n, (skey, layout) in enumerate(plan(a.seed, a.count), start=1):
        form, rng = build_form(n, a.seed, skey, layout)
        ext = "docx" if layout.startswith("W-") else "pdf"
        render = DOCX_LAYOUTS.get(layout) or PDF_LAYOUTS[layout]
        data = render(form, rng)
        name = f"u25_{n:03d}.{ext}"
        (out / "forms" / name).write_bytes(data)
        notes = dict(form.notes)
        notes["not_asked"] = not_asked(SENDERS[skey])
        notes["sender"] = SENDERS[skey]["org"]
        truth = {"file": name, "layout": layout, "vocabulary": skey, "expect_status": "parsed", "expect_reason": None,
                 "record": form.record, "notes": notes}
        (out / "truth" / f"u25_{n:03d}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n",
                                                         encoding="utf-8")
        written.append((name, truth))
    ok, msg = self_check(out, written)
    dt_ = time.time() - t0
    if not ok:
        print(msg)
        print(f"self-check FAILED ({dt_:.1f} s)")
        return 1
    nd = sum(1 for n_, _ in written if n_.endswith(".docx"))
    print(f"self-check passed: {len(written)} forms ({nd} docx, {len(written) - nd} pdf), every stated string value "
          f"is in its document, every record validates ({dt_:.1f} s)")
    return 0


# ====================================================================== self-check
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return "".join(ch for ch in s if ch.isalnum())


def docx_text(data: bytes) -> str:
    import docx  # python-docx must be able to open the file
    from lxml import etree
    docx.Document(io.BytesIO(data))
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in z.namelist():
            if not n.endswith(".xml"):
                continue
            raw = z.read(n)
            etree.fromstring(raw)  # every XML part is well-formed
            x = raw.decode("utf-8", "replace")
            out += re.findall(r"<(?:w|a):t(?:\s[^>]*)?>([^<]*)</(?:w|a):t>", x)
    import html
    return "\n".join(html.unescape(t) for t in out)


def pdf_text(data: bytes, depth=0) -> str:
    import pdfplumber
    from pypdf import PdfReader
    parts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
    r = PdfReader(io.BytesIO(data))
    # each text object of the page content on its own (overlapping text objects are read separately)
    for page in r.pages:
        conts = page.get("/Contents")
        if conts is None:
            continue
        conts = conts.get_object()
        streams = list(conts) if isinstance(conts, list) else [conts]
        for st in streams:
            raw = st.get_object().get_data().decode("cp1252", "replace")
            for m in re.findall(r"\(((?:[^()\\]|\\.)*)\)\s*Tj", raw):
                parts.append(m.replace("\\(", "(").replace("\\)", ")").replace("\\\\", "\\"))
    # widget values and appearance-stream text (form fields, signatures)
    for page in r.pages:
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            v = a.get("/V")
            if v is None and "/Parent" in a:
                v = a["/Parent"].get_object().get("/V")
            if v is not None and not hasattr(v, "keys"):
                parts.append(str(v))
            apn = (a.get("/AP") or {}).get("/N")
            if apn is not None and hasattr(apn.get_object(), "get_data"):
                raw = apn.get_object().get_data().decode("cp1252", "replace")
                parts += [m.replace("\\(", "(").replace("\\)", ")") for m in re.findall(r"\(((?:[^()\\]|\\.)*)\)\s*Tj", raw)]
    # embedded files (portfolio)
    if depth == 0:
        for name, datas in (r.attachments or {}).items():
            for d in datas:
                if name.lower().endswith(".pdf"):
                    parts.append(pdf_text(d, depth + 1))
    return "\n".join(parts)


def date_variants(iso: str) -> list[str]:
    import datetime as dt
    d = dt.date.fromisoformat(iso)
    return [fmt_date(d, s) for s in ALL_STYLES] + [iso]


def expected_strings(rec: dict) -> list[tuple[str, list[str]]]:
    """(what, acceptable variants) for every stated string value of the record."""
    out = []

    def add(what, v, kind="text"):
        if v is None:
            return
        if kind == "date":
            out.append((what, date_variants(v)))
        elif kind == "phone":
            out.append((what, [v.lstrip("+")]))
        elif kind == "address":
            for i, part in enumerate(v.split(", ")):
                out.append((f"{what}[{i}]", [part]))
        elif kind == "paras":
            for i, part in enumerate(v.split("\n\n")):
                out.append((f"{what}[{i}]", [part]))
        elif kind == "name":
            for i, part in enumerate(v.split(" ")):
                out.append((f"{what}[{i}]", [part]))
        else:
            out.append((what, [v]))

    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        add(f"{who}.name", p["name"], "name")
        add(f"{who}.role", p["role"])
        add(f"{who}.agency", p["agency"])
        add(f"{who}.email", p["email"])
        add(f"{who}.phone", p["phone"], "phone")
    for i, c in enumerate(rec["children"]):
        b = f"children[{i}]"
        add(f"{b}.name", c["name"], "name")
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"{b}.{k}", c[k])
        add(f"{b}.address", c["address"], "address")
        add(f"{b}.dob", c["dob"], "date")
        add(f"{b}.date_of_death", c["date_of_death"], "date")
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "paras")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    for i, ag in enumerate(rec["agencies_involved"]):
        add(f"agencies[{i}].name", ag["name"], "name")
        add(f"agencies[{i}].agency", ag["agency"])
        add(f"agencies[{i}].contact", ag["contact"])
    add("immediate_concerns", rec["immediate_concerns"])
    return out


def self_check(out: Path, written) -> tuple[bool, str]:
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for name, truth in written:
        errs = list(validator.iter_errors(truth["record"]))
        for e in errs:
            problems.append(f"{name}: schema: {e.message} at {list(e.path)}")
        data = (out / "forms" / name).read_bytes()
        try:
            text = docx_text(data) if name.endswith(".docx") else pdf_text(data)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{name}: cannot open: {e!r}")
            continue
        hay = norm(text)
        for what, variants in expected_strings(truth["record"]):
            if not any(norm(v) and norm(v) in hay for v in variants):
                problems.append(f"{name}: {what} not found: {variants[0]!r}")
    if problems:
        return False, "\n".join(problems[:200])
    return True, ""


if __name__ == "__main__":
    sys.exit(main())
