"""Self-check: re-open every document, validate every record, and find every stated string value in its text."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

from p27_model import ALL_STYLES, fmt_date


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[^0-9a-z]", "", s)


def docx_texts(path: Path):
    import docx  # python-docx must open it
    from lxml import etree
    docx.Document(str(path))
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            data = z.read(name)
            root = etree.fromstring(data)  # well-formed
            if name.startswith("word/") and name.endswith(".xml") and "glossary" not in name:
                ts = root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
                texts.append("".join(t.text or "" for t in ts))
    return ["\n".join(texts)]


def pdf_texts(path: Path):
    import pdfplumber
    from pypdf import PdfReader
    out = []
    with pdfplumber.open(str(path)) as pdf:
        page_txt, stream_txt = [], []
        for p in pdf.pages:
            body = p.crop((0, 42, p.width, p.height - 40))
            page_txt.append(body.extract_text() or "")
            stream_txt.append("".join(ch["text"] for ch in body.chars))
        out.append("\n".join(page_txt))
        out.append("".join(stream_txt))
    r = PdfReader(str(path))
    fields = r.get_fields() or {}
    vals = []
    for k, f in fields.items():
        v = f.get("/V")
        if v is not None:
            vals.append(str(v))
    out.append("\n".join(vals))
    return out


def date_variants(iso):
    d = dt.date.fromisoformat(iso)
    return [norm(fmt_date(d, s)) for s in ALL_STYLES]


def stated_values(rec):
    """(path, kind, value) for every stated string value of the record."""
    out = []

    def add(path, kind, v):
        if v is not None:
            out.append((path, kind, v))

    add("date_of_referral", "date", rec["date_of_referral"])
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        add(f"{who}.name", "name", p["name"])
        add(f"{who}.role", "text", p["role"])
        add(f"{who}.agency", "text", p["agency"])
        add(f"{who}.email", "text", p["email"])
        add(f"{who}.phone", "phone", p["phone"])
    for i, c in enumerate(rec["children"]):
        add(f"children[{i}].name", "name", c["name"])
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"children[{i}].{k}", "text", c[k])
        add(f"children[{i}].address", "address", c["address"])
        add(f"children[{i}].dob", "date", c["dob"])
        add(f"children[{i}].date_of_death", "date", c["date_of_death"])
    inc = rec["incident"]
    add("incident.date", "date", inc["date"])
    add("incident.date_la_aware", "date", inc["date_la_aware"])
    add("incident.location", "text", inc["location"])
    add("incident.summary", "paras", inc["summary"])
    add("criteria.reason", "paras", rec["criteria"]["reason"])
    add("date_panel_notified", "date", rec["date_panel_notified"])
    add("immediate_concerns", "paras", rec["immediate_concerns"])
    for j, a in enumerate(rec["agencies_involved"]):
        add(f"agencies_involved[{j}].name", "name", a["name"])
        add(f"agencies_involved[{j}].agency", "text", a["agency"])
        add(f"agencies_involved[{j}].contact", "text", a["contact"])
    return out


def found(kind, v, texts):
    hay = [norm(t) for t in texts]
    hay_digits = [re.sub(r"\D", "", t) for t in texts]

    def any_in(needle):
        return bool(needle) and any(needle in h for h in hay)

    if kind == "date":
        return any(any_in(x) for x in date_variants(v))
    if kind == "phone":
        dg = re.sub(r"\D", "", v)
        return any(dg in h for h in hay_digits)
    if kind == "name":
        return all(any_in(norm(part)) for part in v.split())
    if kind == "address":
        return all(any_in(norm(part)) for part in v.split(", "))
    if kind == "paras":
        return all(any_in(norm(p)) for p in v.split("\n\n"))
    return any_in(norm(v))


def check_all(outdir: Path, schema_path: Path, truths):
    import jsonschema
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    nvals = 0
    for t in truths:
        path = outdir / "forms" / t["file"]
        rec = t["record"]
        errs = list(validator.iter_errors(rec))
        for e in errs:
            problems.append(f"{t['file']}: schema: {e.message}")
        try:
            texts = docx_texts(path) if path.suffix == ".docx" else pdf_texts(path)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: cannot open: {e!r}")
            continue
        for p, kind, v in stated_values(rec):
            nvals += 1
            if not found(kind, v, texts):
                problems.append(f"{t['file']}: {p} not found: {v!r:.80}")
    return problems, nvals
