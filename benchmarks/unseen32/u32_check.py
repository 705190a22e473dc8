"""Self-check: re-open every document, validate every truth record, and find every stated string value."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import jsonschema
import pdfplumber
from lxml import etree
from pypdf import PdfReader

import u32_model as M

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^a-z0-9]", "", s)


def docx_text(path: Path) -> str:
    docx.Document(str(path))  # must open
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                root = etree.fromstring(z.read(name))  # well-formed
                if name.startswith("word/"):
                    for p in root.iter(f"{{{W}}}p"):
                        out.append("".join(t.text or "" for t in p.iter(f"{{{W}}}t")))
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
    r = PdfReader(str(path))
    for page in r.pages:
        for a in page.get("/Annots", []) or []:
            o = a.get_object()
            for k in ("/V", "/Contents"):
                v = o.get(k)
                if isinstance(v, str):
                    out.append(v)
    return "\n".join(out)


def found(value: str, text: str, min_piece: int = 5, max_pieces: int = 16, piece_from: int = 16) -> bool:
    """The value is in the text whole, or (from piece_from characters) in up to max_pieces ordered pieces."""
    v = norm(value)
    if not v or v in text:
        return True
    if len(v) < piece_from:
        return False
    pos, i, pieces = 0, 0, 0
    while i < len(v):
        need = min(min_piece, len(v) - i)
        if text.find(v[i:i + need], pos) < 0:
            return False
        lo, hi, best = need, len(v) - i, need
        while lo <= hi:
            mid = (lo + hi) // 2
            if text.find(v[i:i + mid], pos) >= 0:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        pos = text.find(v[i:i + best], pos) + best
        i += best
        pieces += 1
        if pieces > max_pieces:
            return False
    return True


def date_found(iso: str, text: str) -> bool:
    d = dt.date.fromisoformat(iso)
    return any(norm(M.fmt_date(d, st)) in text for st in M.ALL_DATE_STYLES)


def values_of(rec: dict):
    """(what, value, kind) for every stated string value."""
    yield "date_of_referral", rec["date_of_referral"], "date"
    for who in ("referrer", "safeguarding_lead"):
        for k in ("name", "role", "agency", "email", "phone"):
            yield f"{who}.{k}", rec[who][k], {"phone": "phone", "name": "name"}.get(k, "text")
    for i, ch in enumerate(rec["children"]):
        for k, v in ch.items():
            if isinstance(v, str) and k != "gender":
                kind = {"dob": "date", "date_of_death": "date", "name": "name", "address": "address"}.get(k, "text")
                yield f"children[{i}].{k}", v, kind
    inc = rec["incident"]
    yield "incident.date", inc["date"], "date"
    yield "incident.date_la_aware", inc["date_la_aware"], "date"
    yield "incident.location", inc["location"], "text"
    yield "incident.summary", inc["summary"], "paras"
    yield "criteria.reason", rec["criteria"]["reason"], "text"
    yield "date_panel_notified", rec["date_panel_notified"], "date"
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            yield f"agencies[{i}].{k}", a[k], "text"
    yield "immediate_concerns", rec["immediate_concerns"], "text"


def check_one(doc: Path, truth: dict, validator) -> tuple[list[str], int]:
    problems = []
    errs = sorted(validator.iter_errors(truth["record"]), key=lambda e: list(e.path))
    for e in errs:
        problems.append(f"{doc.name}: schema: {e.message} at {list(e.path)}")
    try:
        text = norm(docx_text(doc) if doc.suffix == ".docx" else pdf_text(doc))
    except Exception as e:  # noqa: BLE001 - report any failure to open
        return problems + [f"{doc.name}: cannot open: {e!r}"], 0
    n = 0
    for what, v, kind in values_of(truth["record"]):
        if v is None:
            continue
        n += 1
        ok = True
        if kind == "date":
            ok = date_found(v, text)
        elif kind == "phone":
            ok = norm(v) in text
        elif kind == "name":
            ok = all(found(part, text) for part in v.split())
        elif kind == "address":
            ok = all(found(part, text) for part in v.split(", "))
        elif kind == "paras":
            ok = all(found(p, text) for p in v.split("\n\n"))
        else:
            ok = found(v, text)
        if not ok:
            problems.append(f"{doc.name}: {what} not found: {v[:70]!r}")
    return problems, n


def self_check(outdir: Path, schema_path: Path) -> tuple[bool, str]:
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems, total, counts = [], 0, {".docx": 0, ".pdf": 0}
    truths = sorted((outdir / "truth").glob("*.json"))
    for tp in truths:
        t = json.loads(tp.read_text())
        doc = outdir / "forms" / t["file"]
        counts[doc.suffix] = counts.get(doc.suffix, 0) + 1
        p, n = check_one(doc, t, validator)
        problems += p
        total += n
    if problems:
        return False, "\n".join(problems)
    return True, (f"self-check passed: {len(truths)} forms ({counts['.docx']} docx, {counts['.pdf']} pdf), every stated "
                  f"string value is in its document ({total} values), every record validates")
