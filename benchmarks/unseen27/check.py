"""The unseen27 self-check: every record validates against the schema, and every stated string value is in
its document's extractable text (letters and digits only, NFKC, case-insensitive)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import zipfile
from pathlib import Path

from common import all_date_renderings, norm

logging.getLogger("pypdf").setLevel(logging.ERROR)
logging.getLogger("pdfminer").setLevel(logging.ERROR)

DATE_KEYS = {"date_of_referral", "dob", "date_of_death", "date", "date_la_aware", "date_panel_notified"}


# ---- text extraction -------------------------------------------------------------------------------------------

def rtf_text(rtf: str) -> str:
    """Plain text of an RTF part: control words dropped, destinations skipped, escapes decoded."""
    out = []
    i, n = 0, len(rtf)
    stack = []
    skip = False
    uc_skip = 0
    while i < n:
        ch = rtf[i]
        if ch == "{":
            stack.append(skip)
            if rtf.startswith("{\\*", i) or re.match(r"\{\\(fonttbl|colortbl|stylesheet|info)", rtf[i:i + 12]):
                skip = True
            i += 1
        elif ch == "}":
            skip = stack.pop() if stack else False
            i += 1
        elif ch == "\\":
            m = re.match(r"\\([a-zA-Z]+)(-?\d+)? ?", rtf[i:])
            if m:
                word, arg = m.group(1), m.group(2)
                i += m.end()
                if skip:
                    continue
                if word in ("par", "line", "row", "cell"):
                    out.append("\n" if word != "cell" else " | ")
                elif word == "tab":
                    out.append("\t")
                elif word == "u":
                    v = int(arg)
                    out.append(chr(v if v >= 0 else v + 65536))
                    if i < n and rtf[i] == "?":
                        i += 1
                elif word in ("rquote", "lquote"):
                    out.append("\u2019" if word == "rquote" else "\u2018")
                elif word == "endash":
                    out.append("\u2013")
                continue
            nxt = rtf[i + 1] if i + 1 < n else ""
            if nxt == "'":
                if not skip:
                    out.append(bytes([int(rtf[i + 2:i + 4], 16)]).decode("cp1252", errors="replace"))
                i += 4
            else:
                if not skip:
                    out.append(nxt)
                i += 2
        elif ch in "\r\n":
            i += 1
        else:
            if not skip:
                out.append(ch)
            i += 1
    return "".join(out)


def docx_text(path: Path) -> tuple[str, list[str]]:
    import docx
    from lxml import etree
    problems = []
    try:
        docx.Document(str(path))
    except Exception as e:  # noqa: BLE001
        problems.append(f"python-docx cannot open: {e}")
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    root = etree.fromstring(data)
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{name} not well-formed: {e}")
                    continue
                if name.startswith("word/"):
                    for p in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
                        texts.append("".join(t.text or "" for t in p.iter(
                            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")))
            elif name.endswith(".rtf"):
                texts.append(rtf_text(data.decode("ascii")))
    return "\n".join(texts), problems


def pdf_text(path: Path) -> tuple[str, list[str]]:
    import pdfplumber
    from pypdf import PdfReader
    problems = []
    texts = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                texts.append(page.extract_text() or "")
    except Exception as e:  # noqa: BLE001
        problems.append(f"pdfplumber cannot open: {e}")
    try:
        reader = PdfReader(str(path), strict=False)
        root = reader.trailer["/Root"]
        af = root.get("/AcroForm")
        if af is not None:
            af = af.get_object()

            def walk(f):
                f = f.get_object()
                v = f.get("/V")
                if v is not None and not str(v).startswith("/"):
                    texts.append(str(v))
                for k in f.get("/Kids", []) or []:
                    walk(k)
            for fld in af.get("/Fields", []):
                walk(fld)
            xfa = af.get("/XFA")
            if xfa is not None:
                for j in range(1, len(xfa), 2):
                    data = xfa[j].get_object().get_data().decode("utf-8")
                    if "datasets" in str(xfa[j - 1]):
                        texts.append(re.sub(r"<[^>]+>", " ", data).replace("&amp;", "&").replace("&apos;", "'"))
        for page in reader.pages:
            for a in page.get("/Annots", []) or []:
                a = a.get_object()
                if a.get("/Subtype") == "/FreeText":
                    texts.append(str(a.get("/Contents", "")).replace("\r", "\n"))
    except Exception as e:  # noqa: BLE001
        problems.append(f"pypdf cannot read: {e}")
    return "\n".join(texts), problems


# ---- matching -----------------------------------------------------------------------------------------------

def in_pieces(p: str, d: str, max_pieces=4) -> bool:
    """p occurs in d, or in up to max_pieces consecutive pieces, in order (a page break or a '(continued)' label
    may fall inside a long answer)."""
    if not p or p in d:
        return True
    i, pos, pieces = 0, 0, 0
    while i < len(p):
        lo, hi = 0, len(p) - i
        best, best_at = 0, -1
        while lo <= hi:
            mid = (lo + hi) // 2
            if mid == 0:
                lo = 1
                continue
            at = d.find(p[i:i + mid], pos)
            if at >= 0:
                best, best_at = mid, at
                lo = mid + 1
            else:
                hi = mid - 1
        if best < min(8, len(p) - i):
            return False
        pieces += 1
        i += best
        pos = best_at + best
        if pieces > max_pieces:
            return False
    return True


def leaves(v, path=""):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, f"{path}.{k}" if path else k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, f"{path}[{i}]")
    else:
        yield path, v


def check_values(record: dict, text: str) -> tuple[list[str], int]:
    d = norm(text)
    digits = re.sub(r"\D", "", text)
    problems = []
    n = 0
    for path, v in leaves(record):
        if not isinstance(v, str) or path == "form" or path.endswith(".gender") or path == "incident.type":
            continue
        n += 1
        last = path.split(".")[-1]
        last = re.sub(r"\[\d+\]", "", last)
        ok = True
        if last in DATE_KEYS and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            dd = dt.date.fromisoformat(v)
            ok = any(norm(x) in d for x in all_date_renderings(dd) + [dd.strftime("%d-%b-%Y")])
        elif last == "phone":
            ok = re.sub(r"\D", "", v) in digits
        elif last == "address":
            ok = all(norm(part) in d for part in v.split(", "))
        elif last == "summary":
            ok = all(in_pieces(norm(p), d) for p in v.split("\n\n"))
        elif last == "name":
            ok = all(norm(part) in d for part in v.split())
        else:
            ok = in_pieces(norm(v), d)
        if not ok:
            problems.append(f"{path}={v!r} not found")
    return problems, n


def find_schema() -> Path:
    here = Path(__file__).resolve()
    for cand in [Path("/work/shared/referral.schema.json"), here.parents[2] / "shared" / "referral.schema.json",
                 here.parents[3] / "shared" / "referral.schema.json"]:
        if cand.exists():
            return cand
    raise FileNotFoundError("referral.schema.json not found")


def self_check(out: Path) -> tuple[bool, str]:
    import jsonschema
    schema = json.loads(find_schema().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    failures = []
    nvals = 0
    nd = npdf = 0
    truths = sorted((out / "truth").glob("*.json"))
    for t in truths:
        tr = json.loads(t.read_text())
        errs = list(validator.iter_errors(tr["record"]))
        for e in errs:
            failures.append(f"{t.name}: schema: {e.message}")
        f = out / "forms" / tr["file"]
        if f.suffix == ".docx":
            nd += 1
            text, probs = docx_text(f)
        else:
            npdf += 1
            text, probs = pdf_text(f)
        failures += [f"{t.name}: {p}" for p in probs]
        probs, n = check_values(tr["record"], text)
        nvals += n
        failures += [f"{t.name}: {p}" for p in probs]
    if failures:
        return False, "\n".join(failures)
    return True, (f"self-check passed: {len(truths)} forms ({nd} docx, {npdf} pdf), every stated string value is in "
                  f"its document ({nvals} values), every record validates")
