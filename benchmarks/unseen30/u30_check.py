"""Self-check: re-open every document, validate every record, find every stated string value in the text."""

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from xml.dom import minidom

from u30_model import norm, fmt_date, ALL_STYLES

W_T = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def docx_text(path):
    import docx  # python-docx must open it
    docx.Document(str(path))
    out = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.endswith(".xml") or n.endswith(".rels"):
                minidom.parseString(z.read(n))  # well-formed
            if n.startswith("word/") and n.endswith(".xml"):
                out += W_T.findall(z.read(n).decode("utf-8"))
    import html
    return " ".join(html.unescape(x) for x in out)


def pdf_text(path):
    import pdfplumber
    from pypdf import PdfReader
    parts = []
    with pdfplumber.open(str(path)) as pdf:
        for p in pdf.pages:
            parts.append(p.extract_text() or "")
    r = PdfReader(str(path))
    inks = 0
    for page in r.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Ink":
                inks += 1
            v = a.get("/V")
            if v:
                parts.append(str(v))
            ct = a.get("/Contents")
            if ct:
                parts.append(str(ct))
    return "\n".join(parts), inks


def found(v, text):
    nv = norm(v)
    if not nv:
        return True
    if nv in text:
        return True
    if len(nv) < 24:
        return False
    pos, rest, pieces = 0, nv, 0
    while rest:
        lo, hi = 0, len(rest)
        while lo < hi:   # longest prefix found at or after pos
            mid = (lo + hi + 1) // 2
            if text.find(rest[:mid], pos) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo < min(6, len(rest)):
            return False
        i = text.find(rest[:lo], pos)
        pos = i + lo
        rest = rest[lo:]
        pieces += 1
        if pieces > 16:
            return False
    return True


def date_found(iso, text):
    d = dt.date.fromisoformat(iso)
    return any(norm(fmt_date(d, st)) in text for st in ALL_STYLES) or norm(iso) in text


def values(rec):
    """(path, kind, value) for every stated string value of the record."""
    out = []

    def person(p, pre):
        for k in ("name", "role", "agency", "email", "phone"):
            if p.get(k):
                out.append((f"{pre}.{k}", "name" if k == "name" else k, p[k]))
    out.append(("date_of_referral", "date", rec["date_of_referral"]))
    person(rec["referrer"], "referrer")
    person(rec["safeguarding_lead"], "lead")
    for i, c in enumerate(rec["children"]):
        for k in ("name", "other_names", "age", "ethnicity", "address", "school", "gp", "legal_status", "disability"):
            if c[k]:
                out.append((f"children[{i}].{k}", "name" if k == "name" else ("address" if k == "address" else "text"), c[k]))
        for k in ("dob", "date_of_death"):
            out.append((f"children[{i}].{k}", "date", c[k]))
    inc = rec["incident"]
    for k in ("date", "date_la_aware"):
        out.append((f"incident.{k}", "date", inc[k]))
    if inc["location"]:
        out.append(("incident.location", "text", inc["location"]))
    if inc["summary"]:
        out.append(("incident.summary", "paras", inc["summary"]))
    if rec["criteria"]["reason"]:
        out.append(("criteria.reason", "text", rec["criteria"]["reason"]))
    out.append(("date_panel_notified", "date", rec["date_panel_notified"]))
    for i, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]:
                out.append((f"agencies[{i}].{k}", "text", a[k]))
    if rec["immediate_concerns"]:
        out.append(("immediate_concerns", "text", rec["immediate_concerns"]))
    return [x for x in out if x[2] is not None]


def check(outdir, schema_path, expect_inks=None):
    import jsonschema
    schema = json.loads(Path(schema_path).read_text())
    val = jsonschema.Draft202012Validator(schema)
    problems, nvals, nforms, kinds = [], 0, 0, {"docx": 0, "pdf": 0}
    for tp in sorted((Path(outdir) / "truth").glob("*.json")):
        t = json.loads(tp.read_text())
        nforms += 1
        doc = Path(outdir) / "forms" / t["file"]
        errs = list(val.iter_errors(t["record"]))
        for e in errs:
            problems.append(f"{t['file']}: schema: {e.message}")
        try:
            if doc.suffix == ".docx":
                kinds["docx"] += 1
                text, inks = docx_text(doc), 0
            else:
                kinds["pdf"] += 1
                text, inks = pdf_text(doc)
        except Exception as e:  # noqa
            problems.append(f"{t['file']}: cannot open: {e!r}")
            continue
        nt = norm(text)
        for path, kind, v in values(t["record"]):
            nvals += 1
            if kind == "date":
                ok = date_found(v, nt)
            elif kind == "name":
                ok = all(found(p, nt) for p in v.split())
            elif kind == "address":
                ok = all(found(p, nt) for p in v.split(", "))
            elif kind == "paras":
                ok = all(found(p, nt) for p in v.split("\n\n"))
            else:
                ok = found(v, nt)
            if not ok:
                problems.append(f"{t['file']}: {path} {v!r:.70} not found in the document text")
        want = t["notes"].get("ink_marks_expected")
        if want is not None and inks != want:
            problems.append(f"{t['file']}: {inks} ink annotations, expected {want}")
    return problems, nforms, kinds, nvals
