"""Self-check: every record validates, every stated string value is in its document, marked choices read back."""
import datetime as dt
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import jsonschema
import pdfplumber
import pypdf
from lxml import etree

from p31_model import ALL_STYLES, fmt_date

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ON = "\u2612"
ENUMS = {"gender", "type"}


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", s).split()) + " "


def schema_path():
    here = Path(__file__).resolve()
    for p in [Path("/work/shared/referral.schema.json")] + [q / "shared" / "referral.schema.json" for q in here.parents]:
        if p.exists():
            return p
    raise FileNotFoundError("referral.schema.json")


def docx_text(path):
    docx.Document(path)
    z = zipfile.ZipFile(path)
    for n in z.namelist():
        if n.endswith((".xml", ".rels")):
            etree.fromstring(z.read(n))
    root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(W + "p"):
        buf = []
        for el in p.iter(W + "t", W + "br", W + "tab"):
            buf.append(el.text or "" if el.tag == W + "t" else " ")
        lines.append("".join(buf))
    return "\n".join(lines), root


def pdf_text(path):
    parts = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            parts.append(pg.extract_text() or "")
    r = pypdf.PdfReader(path)
    fields = r.get_fields() or {}
    vals = []
    for k, f in fields.items():
        v = f.get("/V")
        if isinstance(v, str):
            vals.append(v.replace("\r", "\n"))
    return "\n".join(parts) + "\n" + "\n".join(vals), fields


def found(value, text_n, pieces=4):
    """Whole, or (values of 12+ characters) in up to `pieces` pieces in order, each 5+ characters, close together."""
    v = norm(value)
    if v.strip() == "":
        return True
    if v in text_n:
        return True
    toks = v.split()
    if len(value) < 12:
        return False
    return _pieces(toks, 0, text_n, 0, pieces, None)


def _pieces(toks, i, text_n, pos, left, last):
    if i == len(toks):
        return True
    if left == 0:
        return False
    for j in range(len(toks), i, -1):
        piece = " " + " ".join(toks[i:j]) + " "
        if len(piece.strip()) < 5 and j < len(toks):
            break
        k = text_n.find(piece, pos)
        if k >= 0 and (last is None or k - last < 1500):
            if _pieces(toks, j, text_n, k + len(piece) - 1, left - 1, k):
                return True
    return False


def phone_found(digits, text_n):
    toks = text_n.split()
    for i, tk in enumerate(toks):
        if not tk.isdigit():
            continue
        acc = ""
        for tk2 in toks[i:]:
            if not tk2.isdigit():
                break
            acc += tk2
            if acc == digits:
                return True
            if len(acc) >= len(digits):
                break
    return False


def date_found(iso, text_n):
    d = dt.date.fromisoformat(iso)
    return any(norm(fmt_date(d, st)) in text_n for st in ALL_STYLES) or norm(iso) in text_n


def check_value(path, value, text_n, digits_n):
    key = path.split(".")[-1]
    if key in ENUMS or not isinstance(value, str):
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and key in ("dob", "date_of_death", "date", "date_la_aware",
                                                             "date_of_referral", "date_panel_notified"):
        return date_found(value, text_n)
    if key == "phone":
        return phone_found(value.lstrip("+"), text_n)
    if key == "address":
        return all(found(p, text_n) for p in value.split(", "))
    if key == "summary":
        return all(found(p, text_n) for p in value.split("\n\n"))
    if key == "name" and "agencies" not in path:
        return all(found(p, text_n) for p in value.split())
    return found(value, text_n)


def leaves(v, path=""):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, f"{path}.{k}" if path else k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, f"{path}[{i}]")
    else:
        yield path, v


def chosen_count(case):
    return sum(1 for it in case.all_items() if it.is_choice and it.choice is not None)


def self_check(out, truths):
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems, nvalues, readback = [], 0, 0
    for t, case in truths:
        f = Path(out) / "forms" / t["file"]
        for e in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {e.message}")
        if f.suffix == ".docx":
            text, root = docx_text(str(f))
        else:
            text, fields = pdf_text(str(f))
        tn = norm(text)
        dn = re.sub(r"(?<=\d) (?=\d)", "", tn)
        for path, value in leaves(t["record"]):
            if value is None or isinstance(value, bool):
                continue
            nvalues += 1
            if not check_value(path, value, tn, dn):
                problems.append(f"{t['file']} ({t['layout']}): {path} = {value!r} not found")
        # marked choices read back
        want = chosen_count(case)
        got = None
        L = t["layout"]
        if L == "O-GRID4":
            got = sum(1 for cb in root.iter(W + "checkBox") if cb.find(W + "checked") is not None)
        elif L == "O-LETTERED":
            got = sum(1 for sdt in root.iter(W + "sdt") if sdt.find(W + "sdtPr/" + W + "showingPlcHdr") is None
                      and sdt.find(W + "sdtPr/" + W + "dropDownList") is not None)
        elif L in ("O-NUMQ", "Q-PRINT2COL", "Q-LIBRENUM"):
            got = text.count(ON)
        elif L == "Q-FILLABLE":
            got = sum(1 for k, v in fields.items() if k.startswith("chk") and v.get("/V") == "/Yes")
        if got is not None:
            readback += 1
            if got != want:
                problems.append(f"{t['file']} ({L}): {got} marked choices read back, {want} expected")
    for p in problems[:60]:
        print(p, file=sys.stderr)
    if problems:
        print(f"self-check FAILED: {len(problems)} problems", file=sys.stderr)
        return 1
    nd = sum(1 for t, _ in truths if t["file"].endswith(".docx"))
    print(f"self-check passed: {len(truths)} forms, {nd} docx and {len(truths) - nd} pdf, every stated string value "
          f"is in its document ({nvalues} values), every record validates, marked choices read back on {readback} forms")
    return 0
