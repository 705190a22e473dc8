"""Self-check: every record validates, every stated string value is in its document's extractable text."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pdfplumber
from jsonschema import Draft202012Validator
from lxml import etree
from pypdf import PdfReader

from u31_model import ALL_STYLES, fmt_date

SCHEMA_PATHS = [Path("/work/shared/referral.schema.json"), Path(__file__).resolve().parents[3] / "shared" / "referral.schema.json"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z]", "", s)


def docx_text(path: Path) -> str:
    docx.Document(str(path))  # python-docx must open it
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".xml") or name.endswith(".rels"):
                root = etree.fromstring(z.read(name))  # well-formed
                if name.startswith("word/"):
                    out += [t.text or "" for t in root.iter(W + "t")]
    return " ".join(out)


def pdf_text(path: Path) -> str:
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
    r = PdfReader(str(path))
    for page in r.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            for k in ("/V", "/Contents"):
                v = a.get(k)
                if v is None and k == "/V" and "/Parent" in a:
                    v = a["/Parent"].get_object().get("/V")
                if isinstance(v, str):
                    out.append(str(v))
    return "\n".join(out)


def date_forms(iso: str):
    d = dt.date.fromisoformat(iso)
    forms = [fmt_date(d, s) for s in ALL_STYLES]
    forms += [f"{d.day} {d.month} {d.year}", f"{d.day:02d} {d.month:02d} {d.year}"]
    return [norm(f) for f in forms]


def found(v: str, text: str) -> bool:
    v = norm(v)
    if not v or v in text:
        return True
    if len(v) < 24:
        return False
    pos, pieces = 0, 0
    while v:
        lo, hi, best = 6, len(v), 0
        if text.find(v[:6], pos) < 0:
            return False
        while lo <= hi:
            mid = (lo + hi) // 2
            if text.find(v[:mid], pos) >= 0:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        if best < 6 and best < len(v):
            return False
        pos = text.find(v[:best], pos) + best
        v = v[best:]
        pieces += 1
        if pieces > 16:
            return False
        if 0 < len(v) < 6:
            return v in text[pos:]
    return True


def values(rec: dict):
    """(label, kind, value) of every stated string value to look for."""
    out = []

    def add(label, v, kind="text"):
        if v is not None:
            out.append((label, kind, v))
    add("date_of_referral", rec["date_of_referral"], "date")
    for who in ("referrer", "safeguarding_lead"):
        p = rec[who]
        add(f"{who}.name", p["name"], "name")
        add(f"{who}.role", p["role"])
        add(f"{who}.agency", p["agency"])
        add(f"{who}.email", p["email"])
        add(f"{who}.phone", p["phone"], "phone")
    for i, c in enumerate(rec["children"]):
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add(f"children[{i}].{k}", c[k])
        add(f"children[{i}].name", c["name"], "name")
        add(f"children[{i}].dob", c["dob"], "date")
        add(f"children[{i}].date_of_death", c["date_of_death"], "date")
        add(f"children[{i}].address", c["address"], "address")
    inc = rec["incident"]
    add("incident.date", inc["date"], "date")
    add("incident.date_la_aware", inc["date_la_aware"], "date")
    add("incident.location", inc["location"])
    add("incident.summary", inc["summary"], "summary")
    add("criteria.reason", rec["criteria"]["reason"])
    add("date_panel_notified", rec["date_panel_notified"], "date")
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agencies_involved[{i}].{k}", a[k])
    add("immediate_concerns", rec["immediate_concerns"])
    return out


def check_value(kind, v, text):
    if kind == "date":
        return any(f in text for f in date_forms(v))
    if kind == "phone":
        return norm(v) in text
    if kind == "name":
        return all(found(p, text) for p in v.split())
    if kind == "address":
        return all(found(p, text) for p in v.split(", "))
    if kind == "summary":
        return all(found(p, text) for p in v.split("\n\n"))
    return found(v, text)


def self_check(out: Path, truths: list[dict]):
    schema = None
    for p in SCHEMA_PATHS:
        if p.exists():
            schema = json.loads(p.read_text())
            break
    if schema is None:
        return False, "self-check failed: schema not found"
    val = Draft202012Validator(schema)
    problems, nvals, kinds = [], 0, {"docx": 0, "pdf": 0}
    for t in truths:
        path = out / "forms" / t["file"]
        errs = list(val.iter_errors(t["record"]))
        if errs:
            problems.append(f"{t['file']}: schema: {errs[0].message}")
        try:
            raw = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{t['file']}: cannot open: {e}")
            continue
        kinds[path.suffix[1:]] += 1
        text = norm(raw)
        for label, kind, v in values(t["record"]):
            nvals += 1
            if not check_value(kind, v, text):
                problems.append(f"{t['file']} ({t['layout']}): {label} not found: {v!r:.70}")
    if problems:
        return False, "self-check FAILED:\n  " + "\n  ".join(problems[:60]) + f"\n  ({len(problems)} problems)"
    return True, (f"self-check passed: {len(truths)} forms ({kinds['docx']} docx, {kinds['pdf']} pdf), every stated "
                  f"string value is in its document ({nvals} values), every record validates")
