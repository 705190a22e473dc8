"""Self-check: every record validates against the schema and every stated string value is in its document's text."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from common import ALL_STYLES, fmt_date, norm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def schema_path() -> Path:
    for p in (Path("/work/shared/referral.schema.json"), Path(__file__).resolve().parents[3] / "shared" / "referral.schema.json",
              Path(__file__).resolve().parents[2] / "shared" / "referral.schema.json"):
        if p.exists():
            return p
    raise FileNotFoundError("referral.schema.json")


def docx_text(path: Path, problems: list) -> str:
    import docx
    try:
        docx.Document(str(path))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{path.name}: python-docx cannot open it: {e}")
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            try:
                root = ET.fromstring(z.read(name))
            except ET.ParseError as e:
                problems.append(f"{path.name}: {name} is not well-formed: {e}")
                continue
            if name.startswith("word/"):
                out += [el.text or "" for el in root.iter(W + "t")]
    return "\n".join(out)


def pdf_text(path: Path, problems: list) -> str:
    import pdfplumber
    from pypdf import PdfReader
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
    r = PdfReader(str(path))
    for page in r.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            v = a.get("/V")
            if v is not None:
                out.append("\n".join(str(x) for x in v) if isinstance(v, list) else str(v))
            if a.get("/Contents"):
                out.append(str(a["/Contents"]))
    return "\n".join(out)


def found(v: str, text: str, max_pieces: int = 4) -> bool:
    if not v or v in text:
        return True
    if len(v) < 24:
        return False
    pos, pieces, rest = 0, 0, v
    start = None
    while rest:
        lo, hi, best = 1, len(rest), 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if text.find(rest[:mid], pos) >= 0:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        if best < 5 and best < len(rest):
            return False
        pieces += 1
        if pieces > max_pieces:
            return False
        at = text.find(rest[:best], pos)
        if start is not None and at - pos > 600:
            return False
        start = at if start is None else start
        pos = at + best
        rest = rest[best:]
    return True


def values(rec: dict) -> list[tuple[str, str, str]]:
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
    add("incident.summary", "paras", inc["summary"])
    add("criteria.reason", "text", rec["criteria"]["reason"])
    add("date_panel_notified", "date", rec["date_panel_notified"])
    add("immediate_concerns", "text", rec["immediate_concerns"])
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add(f"agencies_involved[{i}].{k}", "name" if k == "name" else "text", a[k])
    return out


def check_value(kind: str, v: str, text: str) -> bool:
    if kind == "date":
        d = dt.date.fromisoformat(v)
        return any(norm(fmt_date(d, st)) in text for st in ALL_STYLES)
    if kind == "phone":
        return found(norm(v), text)
    if kind == "name":
        return all(found(norm(part), text) for part in v.split(" "))
    if kind == "address":
        return all(found(norm(part), text) for part in v.split(", "))
    if kind == "paras":
        return all(found(norm(p), text) for p in v.split("\n\n"))
    return found(norm(v), text)


def run(out: Path, truths: list[dict], cases: dict) -> tuple[bool, str]:
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[str] = []
    nvals = 0
    ndocx = npdf = 0
    for t in truths:
        path = out / "forms" / t["file"]
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {err.message} at {list(err.path)}")
        if path.suffix == ".docx":
            ndocx += 1
            text = docx_text(path, problems)
        else:
            npdf += 1
            text = pdf_text(path, problems)
        ntext = norm(text)
        for p, kind, v in values(t["record"]):
            nvals += 1
            if not check_value(kind, v, ntext):
                problems.append(f"{t['file']} ({t['layout']}): {p} = {v!r:.80} not found in the document text")
    if problems:
        return False, "self-check FAILED:\n  " + "\n  ".join(problems[:80]) + (f"\n  ... {len(problems)} problems" if len(problems) > 80 else "")
    return True, (f"self-check passed: {len(truths)} forms ({ndocx} docx, {npdf} pdf), every stated string value is in "
                  f"its document ({nvals} values), every record validates")
