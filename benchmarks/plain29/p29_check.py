"""The self-check: every record validates, and every stated string value is in its document's text."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

from lxml import etree

from p29_common import all_renderings, norm, phone_digits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def find_schema() -> Path:
    here = Path(__file__).resolve()
    for p in [Path("/work/shared/referral.schema.json")] + [q / "shared" / "referral.schema.json"
                                                           for q in here.parents]:
        if p.exists():
            return p
    raise SystemExit("referral.schema.json not found")


# ------------------------------------------------------------------------------------------------- text
def docx_text(data: bytes) -> tuple[list[str], dict]:
    import docx
    docx.Document(io.BytesIO(data))            # must open
    info = {"checked": 0, "unchecked": 0}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))   # well-formed
        root = etree.fromstring(z.read("word/document.xml"))
    # one line per paragraph (so cells and paragraphs stay apart)
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) + "\n" for p in root.iter(W + "p")]
    for cb in root.iter(W14 + "checked"):
        if cb.get(W14 + "val") == "1":
            info["checked"] += 1
        else:
            info["unchecked"] += 1
    return ["".join(texts)], info


def pdf_text(data: bytes) -> tuple[list[str], dict]:
    import pdfplumber
    from pypdf import PdfReader
    layout_txt, stream_txt = [], []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            layout_txt.append(page.extract_text() or "")
            stream_txt.append("".join(c["text"] for c in page.chars))
    info = {"checked": 0, "boxes": 0, "glyph_checked": 0}
    values = []
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            if a.get("/FT") == "/Btn":
                info["boxes"] += 1
                if a.get("/V") not in (None, "/Off"):
                    info["checked"] += 1
            elif a.get("/V") is not None:
                values.append(str(a.get("/V")))
    full = "".join(layout_txt)
    info["glyph_checked"] = full.count("\u2612")
    vals = "\n" + "\n".join(values)
    return ["\n".join(layout_txt) + vals, "\n".join(stream_txt) + vals], info


# ------------------------------------------------------------------------------------------------- matching
def found(value: str, texts: list[str], chunked: bool = True) -> bool:
    v = norm(value)
    if not v:
        return True
    for t in texts:
        if v in t:
            return True
    if not chunked or len(v) < 24:
        return False
    for t in texts:
        if pieces_match(v, t):
            return True
    return False


def pieces_match(v: str, t: str, max_pieces=4, min_piece=5, max_gap=600) -> bool:
    pos = None
    rest = v
    for k in range(max_pieces):
        lo, hi = 0, len(rest)
        best, best_at = 0, -1
        # longest prefix of rest found in the allowed window (binary search; occurrence is monotone in length)
        while lo <= hi:
            mid = (lo + hi) // 2
            if mid == 0:
                lo = 1
                continue
            window = t if pos is None else t[pos:pos + max_gap + mid]
            at = window.find(rest[:mid])
            if at >= 0:
                best, best_at = mid, at + (0 if pos is None else pos)
                lo = mid + 1
            else:
                hi = mid - 1
        if best == 0 or (best < min_piece and best < len(rest)):
            return False
        pos = best_at + best
        rest = rest[best:]
        if not rest:
            return True
    return False


def sep_norm(text: str) -> str:
    """NFKC, case-folded, every run of non-alphanumerics one space (keeps the edges of numbers)."""
    t = unicodedata.normalize("NFKC", text).casefold()
    return " " + re.sub(r"[^0-9a-z]+", " ", t) + " "


def date_found(iso: str, sep_texts: list[str]) -> bool:
    """A date in any style, not inside a longer number ('2 March 2026' is not found in '12 March 2026')."""
    d = dt.date.fromisoformat(iso)
    for r in all_renderings(d):
        pat = re.compile(r"(?<![0-9])" + re.escape(sep_norm(r).strip()) + r"(?![0-9])")
        if any(pat.search(t) for t in sep_texts):
            return True
    return False


# ------------------------------------------------------------------------------------------------- record
def stated_values(rec: dict):
    """(description, kind, value) for every stated string value of the record."""
    out = []

    def person(prefix, p):
        if p.get("name"):
            for part in p["name"].split():
                out.append((f"{prefix}.name", "text", part))
        for k in ("role", "agency"):
            if p.get(k):
                out.append((f"{prefix}.{k}", "text", p[k]))
        if p.get("email"):
            out.append((f"{prefix}.email", "text", p["email"]))
        if p.get("phone"):
            out.append((f"{prefix}.phone", "phone", p["phone"]))

    if rec["date_of_referral"]:
        out.append(("date_of_referral", "date", rec["date_of_referral"]))
    person("referrer", rec["referrer"])
    person("safeguarding_lead", rec["safeguarding_lead"])
    for i, c in enumerate(rec["children"]):
        p = f"children[{i}]"
        for part in c["name"].split():
            out.append((p + ".name", "text", part))
        for k in ("dob", "date_of_death"):
            if c[k]:
                out.append((f"{p}.{k}", "date", c[k]))
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            if c[k]:
                out.append((f"{p}.{k}", "text", c[k]))
        if c["address"]:
            for part in c["address"].split(", "):
                out.append((p + ".address", "text", part))
    inc = rec["incident"]
    for k in ("date", "date_la_aware"):
        if inc[k]:
            out.append((f"incident.{k}", "date", inc[k]))
    if inc["location"]:
        out.append(("incident.location", "text", inc["location"]))
    if inc["summary"]:
        for para in inc["summary"].split("\n\n"):
            out.append(("incident.summary", "text", para))
    if rec["criteria"]["reason"]:
        out.append(("criteria.reason", "text", rec["criteria"]["reason"]))
    if rec["date_panel_notified"]:
        out.append(("date_panel_notified", "date", rec["date_panel_notified"]))
    for j, a in enumerate(rec["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            if a[k]:
                out.append((f"agencies_involved[{j}].{k}", "text", a[k]))
    if rec["immediate_concerns"]:
        out.append(("immediate_concerns", "text", rec["immediate_concerns"]))
    return out


def check_all(outdir: Path, forms: list) -> tuple[bool, str]:
    import jsonschema
    schema = json.loads(find_schema().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    nvalues = 0
    counted = 0
    ndocx = npdf = 0
    for f in forms:
        tp = outdir / "truth" / (Path(f.name).stem + ".json")
        truth = json.loads(tp.read_text())
        rec = truth["record"]
        for e in validator.iter_errors(rec):
            problems.append(f"{f.name}: schema: {e.message}")
        data = (outdir / "forms" / f.name).read_bytes()
        try:
            if f.name.endswith(".docx"):
                texts, info = docx_text(data)
                ndocx += 1
            else:
                texts, info = pdf_text(data)
                npdf += 1
        except Exception as ex:  # noqa: BLE001
            problems.append(f"{f.name}: cannot read: {ex!r}")
            continue
        sep_texts = [sep_norm(t) for t in texts]
        texts = [norm(t) for t in texts]
        for desc, kind, value in stated_values(rec):
            nvalues += 1
            if kind == "date":
                ok = date_found(value, sep_texts)
            elif kind == "phone":
                ok = any(phone_digits(value).lstrip("+") in t for t in texts)
            else:
                ok = found(value, texts)
            if not ok:
                problems.append(f"{f.name} ({f.layout}): {desc} not found: {value[:70]!r}")
        # marked choices, where the mark is countable
        answered = sum(1 for it in iter_items(f) if it.kind in ("yn", "gender", "itype") and it.chosen is not None)
        total_opts = sum(len(it.options) for it in iter_items(f) if it.kind in ("yn", "gender", "itype"))
        if f.layout == "O-SECTIONTABLES":
            counted += 1
            if info["checked"] != answered or info["checked"] + info["unchecked"] != total_opts:
                problems.append(f"{f.name}: {info['checked']} checked controls, {answered} answered choices")
        elif f.layout == "Q-ACROFORM":
            counted += 1
            if info["checked"] != answered or info["boxes"] != total_opts:
                problems.append(f"{f.name}: {info['checked']} checked boxes of {info['boxes']}, "
                                f"{answered} answered choices of {total_opts} options")
        elif f.layout == "Q-WORDSAVED":
            counted += 1
            if info["glyph_checked"] != answered:
                problems.append(f"{f.name}: {info['glyph_checked']} crossed boxes, {answered} answered choices")
    ok = not problems
    msg = "\n".join(problems[:80])
    if ok:
        msg = (f"self-check passed: {len(forms)} forms, {ndocx} docx and {npdf} pdf, every stated string value is in "
               f"its document ({nvalues} values), every record validates, marked choices counted on {counted} forms")
    return ok, msg


def iter_items(form):
    for s in form.sections:
        yield from s.items
        for g in s.groups:
            yield from g
