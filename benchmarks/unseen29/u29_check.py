"""Self-check: every record validates against the schema, and every stated string value is in its
document's extractable text (letters and digits only, NFKC, case-insensitive)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from u29_common import all_date_renderings, norm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    import docx  # python-docx must open every file

    docx.Document(str(path))
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                root = ET.fromstring(z.read(name))  # well-formed
                if name.startswith("word/"):
                    out.extend(el.text or "" for el in root.iter(W + "t"))
    return " ".join(out)


def pdf_text(path: Path) -> str:
    import pdfplumber

    parts = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            for a in page.annots or []:
                d = a.get("data") or {}
                for k in ("V", "Contents"):
                    v = d.get(k)
                    if isinstance(v, bytes):
                        v = v.decode("latin-1", "replace")
                    if isinstance(v, str):
                        parts.append(v)
    return "\n".join(parts)


def find_pieces(val: str, hay: str, max_pieces: int = 4) -> bool:
    v = norm(val)
    if not v:
        return True
    if v in hay:
        return True
    if len(v) < 24:
        return False
    pos = 0
    rest = v
    for _ in range(max_pieces):
        best = 0
        best_at = -1
        lo, hi = 6, len(rest)
        # longest prefix of rest found at or after pos
        while lo <= hi:
            mid = (lo + hi) // 2
            at = hay.find(rest[:mid], pos)
            if at >= 0:
                best, best_at = mid, at
                lo = mid + 1
            else:
                hi = mid - 1
        if best == 0:
            return False
        pos = best_at + best
        rest = rest[best:]
        if not rest:
            return True
        if len(rest) < 6:
            return hay.find(rest, pos) >= 0
    return False


def values_to_check(rec: dict) -> list[tuple[str, str, str]]:
    """(path, kind, value) for every stated string value."""
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
    add("incident.summary", "summary", inc["summary"])
    add("criteria.reason", "text", rec["criteria"]["reason"])
    add("date_panel_notified", "date", rec["date_panel_notified"])
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agencies_involved[{i}].{k}", "text" if k != "name" else "name", a[k])
    add("immediate_concerns", "text", rec["immediate_concerns"])
    return out


def check_form(doc: Path, truth: dict) -> list[str]:
    problems = []
    text = docx_text(doc) if doc.suffix == ".docx" else pdf_text(doc)
    hay = norm(text)
    n = 0
    for path, kind, v in values_to_check(truth["record"]):
        n += 1
        if kind == "date":
            d = dt.date.fromisoformat(v)
            if not any(norm(r) in hay for r in all_date_renderings(d)):
                problems.append(f"{doc.name}: {path} date {v} not found")
        elif kind == "phone":
            if norm(v) not in hay:
                problems.append(f"{doc.name}: {path} phone {v} not found")
        elif kind == "name":
            for part in v.split():
                if norm(part) and norm(part) not in hay:
                    problems.append(f"{doc.name}: {path} name part {part!r} not found")
        elif kind == "address":
            for part in v.split(", "):
                if not find_pieces(part, hay):
                    problems.append(f"{doc.name}: {path} address part {part!r} not found")
        elif kind == "summary":
            for para in v.split("\n\n"):
                if not find_pieces(para, hay):
                    problems.append(f"{doc.name}: {path} paragraph {para[:40]!r} not found")
        else:
            if not find_pieces(v, hay):
                problems.append(f"{doc.name}: {path} {v[:50]!r} not found")
    check_form.count = getattr(check_form, "count", 0) + n
    return problems


def self_check(outdir: Path, schema_path: Path) -> tuple[bool, str]:
    import jsonschema

    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    check_form.count = 0
    problems = []
    nd = npdf = 0
    truths = sorted((outdir / "truth").glob("*.json"))
    for tp in truths:
        t = json.loads(tp.read_text())
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{tp.name}: schema: {err.message}")
        doc = outdir / "forms" / t["file"]
        if doc.suffix == ".docx":
            nd += 1
        else:
            npdf += 1
        try:
            problems.extend(check_form(doc, t))
        except Exception as e:  # noqa: BLE001 - any failure to open is a problem to report
            problems.append(f"{doc.name}: cannot read: {e!r}")
    if problems:
        return False, "\n".join(problems[:200]) + f"\nself-check FAILED: {len(problems)} problems"
    return True, (f"self-check passed: {len(truths)} forms ({nd} docx, {npdf} pdf), every stated string value is in its "
                  f"document ({check_form.count} values), every record validates")
