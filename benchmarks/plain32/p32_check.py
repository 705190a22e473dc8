"""plain32 self-check: every record validates, every stated string value is in its document's text, and the
marked choices read back from the documents are as many as the answered choices the truth was built from."""

import datetime as dt
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import jsonschema
import pdfplumber
from pypdf import PdfReader

from p32_model import all_date_renderings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE_PATHS = ("date_of_referral", "dob", "date_of_death", "incident.date", "date_la_aware", "date_panel_notified")
SKIP = ("gender", "incident.type", "form")


def schema_path():
    here = Path(__file__).resolve()
    for cand in [Path("/work/shared/referral.schema.json")] + [p / "shared" / "referral.schema.json" for p in here.parents]:
        if cand.exists():
            return cand
    raise FileNotFoundError("referral.schema.json")


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return " " + " ".join(s.split()) + " "


def docx_text(path):
    problems = []
    docx.Document(str(path))          # python-docx must open it
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as ex:
                    problems.append(f"{path.name}: {name} not well-formed: {ex}")
        root = ET.fromstring(z.read("word/document.xml"))
        raw = z.read("word/document.xml").decode("utf-8")
    lines = []
    for p in root.iter(W + "p"):
        buf = []
        for el in p.iter():
            if el.tag == W + "t" and el.text:
                buf.append(el.text)
            elif el.tag in (W + "tab", W + "br"):
                buf.append(" ")
        lines.append("".join(buf))
    return "\n".join(lines), raw, problems


def pdf_text(path):
    with pdfplumber.open(str(path)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    reader = PdfReader(str(path))
    fields = reader.get_fields() or {}
    vals = []
    radios = {}
    for name, f in fields.items():
        v = f.get("/V")
        if v is None:
            continue
        if f.get("/FT") == "/Btn":
            radios[name] = str(v)
        else:
            vals.append(str(v))
    return text + "\n" + "\n".join(vals), radios


def norm_lines(s):
    """norm, with each line break kept as a '|' token."""
    return " " + " | ".join(norm(line).strip() for line in s.splitlines()) + " "


GAP = r"(?: | (?:\S+ ){0,14}?\| (?:\S+ ){0,14}?)"


def tokens_over_lines(value, doc_lines):
    """The value's tokens in order, whole, with only line breaks (and the neighbouring cells' text on those lines)
    between them: a short value such as a postcode that wrapped in its cell."""
    toks = norm(value).split()
    if len(toks) < 2:
        return False
    pat = " " + GAP.join(re.escape(t) for t in toks) + " "
    return re.search(pat, doc_lines) is not None


def squeeze(s):
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", s).lower())


def squeeze_lines(s):
    """squeeze, and the positions in the squeezed text where a line of the original ends."""
    out, ends, n = [], set(), 0
    for line in s.splitlines():
        q = squeeze(line)
        out.append(q)
        n += len(q)
        ends.add(n)
    return "".join(out), ends


def find_pieces(value, doc, max_pieces, doc_sq=None, window=400, doc_lines=None, line_ends=()):
    """Is value in doc: whole, on token boundaries; or (PDF: doc_sq given) on letters and digits only, in up to
    max_pieces pieces in order (table cells wrap, long words break, neighbouring cells interleave)."""
    v = norm(value).strip()
    if not v:
        return True
    if f" {v} " in doc:
        return True
    if doc_sq is None or max_pieces <= 1:
        return False
    if doc_lines is not None and tokens_over_lines(value, doc_lines):
        return True
    vs = squeeze(value)
    if len(vs) < 6:
        return False
    k = doc_sq.find(vs)
    if k != -1:
        return True
    min_piece = min(8, max(4, len(vs) // 2))
    for m in re.finditer(re.escape(vs[:4]), doc_sq):
        pos = m.start()
        i = 0
        pieces = 0
        first = True
        while i < len(vs) and pieces < max_pieces:
            found = None
            for j in range(len(vs), i, -1):
                if j - i < min_piece and j != len(vs):
                    continue
                if first:
                    if doc_sq.startswith(vs[i:j], pos):
                        found = (j, pos + j - i)
                        break
                else:
                    lim = window if j - i >= 8 else 120
                    kk = doc_sq.find(vs[i:j], pos, pos + lim + j - i)
                    # a one-character last piece only where the value wrapped onto a later line
                    if kk != -1 and (j - i >= 2 or any(pos <= e <= kk for e in line_ends)):
                        found = (j, kk + j - i)
                        break
            if found is None:
                break
            i, pos = found
            pieces += 1
            first = False
        if i >= len(vs):
            return True
    return False


def phone_in(digits, doc):
    """The phone's digits as consecutive digit tokens of the text that concatenate to exactly those digits."""
    toks = doc.split()
    for a in range(len(toks)):
        if not toks[a].isdigit() or not digits.startswith(toks[a]):
            continue
        acc = ""
        b = a
        while b < len(toks) and toks[b].isdigit() and len(acc) < len(digits):
            acc += toks[b]
            b += 1
        if acc == digits:
            return True
    return False


def date_count(iso, doc, wrapped=False):
    """How many times the date is written in the text, in any style (each occurrence counted once). With wrapped
    (PDF), a date whose cell wrapped - its last tokens on the next line, after the neighbouring cells' text - counts
    too."""
    d = dt.date.fromisoformat(iso)
    alts = sorted({norm(r).strip() for r in all_date_renderings(d)}, key=len, reverse=True)
    pat = re.compile(r"(?<= )(?:" + "|".join(re.escape(a) for a in alts) + r")(?= )")
    n = len(pat.findall(doc))
    if wrapped:
        rest = pat.sub("#", doc)
        for a in alts:
            toks = a.split()
            for k in range(len(toks) - 1, 0, -1):
                split = re.compile(r"(?<= )" + re.escape(" ".join(toks[:k])) + r" (?:\S+ ){1,12}?" +
                                   re.escape(" ".join(toks[k:])) + r"(?= )")
                found = len(split.findall(rest))
                if found:
                    n += found
                    rest = split.sub("#", rest)
    return n


def leaves(v, path=""):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, f"{path}.{k}" if path else k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, f"{path}[{i}]")
    else:
        yield path, v


def check_value(path, v, doc, max_pieces, doc_sq=None, doc_lines=None, line_ends=()):
    gp = re.sub(r"\[\d+\]", "", path)
    if any(gp.endswith(s) for s in SKIP):
        return True
    if any(gp.endswith(d) for d in DATE_PATHS):
        return date_count(v, doc, wrapped=doc_sq is not None) > 0
    if gp.endswith("phone"):
        return phone_in(v.lstrip("+"), doc)
    if gp.endswith("address"):
        return all(find_pieces(part, doc, max_pieces, doc_sq, doc_lines=doc_lines, line_ends=line_ends)
                   for part in v.split(", "))
    if gp.endswith("summary"):
        return all(find_pieces(p, doc, max_pieces, doc_sq, line_ends=line_ends) for p in v.split("\n\n"))
    if gp.endswith(".name") and not gp.startswith("agencies"):
        return all(find_pieces(part, doc, 1) for part in v.split())
    return find_pieces(v, doc, max_pieces, doc_sq, doc_lines=doc_lines, line_ends=line_ends)


def self_check(out, truths, cases=None):
    out = Path(out)
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    nvalues = 0
    readback = 0
    formats = {"docx": 0, "pdf": 0}
    for t in truths:
        for err in validator.iter_errors(t["record"]):
            problems.append(f"{t['file']}: schema: {err.message}")
        path = out / "forms" / t["file"]
        ext = t["file"].rsplit(".", 1)[1]
        formats[ext] += 1
        if ext == "docx":
            text, raw, probs = docx_text(path)
            problems += probs
            max_pieces = 1
            radios = {}
        else:
            text, radios = pdf_text(path)
            raw = ""
            max_pieces = 6
        # text laid out on a page may wrap; a filled-in field's value (/V) never does
        wraps = ext == "pdf" and t["layout"] != "Q-RADIO"
        if not wraps:
            max_pieces = 1
        doc = norm(text)
        doc_sq, line_ends = squeeze_lines(text) if wraps else (None, set())
        doc_lines = norm_lines(text) if wraps else None
        for p, v in leaves(t["record"]):
            if not isinstance(v, str):
                continue
            nvalues += 1
            if not check_value(p, v, doc, max_pieces, doc_sq, doc_lines, line_ends):
                problems.append(f"{t['file']} ({t['layout']}): {p} = {v!r} not found in the document text")
        # each date is written at least as often as the record states it
        dates = {}
        for p, v in leaves(t["record"]):
            if isinstance(v, str) and any(re.sub(r"\[\d+\]", "", p).endswith(d) for d in DATE_PATHS):
                dates[v] = dates.get(v, 0) + 1
        for v, k in sorted(dates.items()):
            written = date_count(v, doc, wrapped=wraps)
            if written < k:
                problems.append(f"{t['file']} ({t['layout']}): {v} is stated {k} times in the record but written "
                                f"{written} times in the document")
        # choices read back
        exp = t["notes"].get("choices")
        if exp:
            answered, boxes = exp["answered"], exp["options"]
            lay = t["layout"]
            got = None
            want = None
            if lay in ("O-XBOXES", "Q-PDFMAKER"):
                got, want = text.count("\u2610"), boxes - answered
            elif lay == "O-GRIDCHECK":
                got, want = raw.count('<w14:checked w14:val="1"/>'), answered
            elif lay == "O-STACKED":
                got, want = raw.count("<w:checked/>"), answered
            elif lay == "Q-QUARTZGRID":
                got, want = text.count("\u2612"), answered
            elif lay == "Q-RADIO":
                got, want = sum(1 for v in radios.values() if v not in ("/Off", "Off")), answered
            if got is not None:
                readback += 1
                if got != want:
                    problems.append(f"{t['file']} ({lay}): {got} marked choices read back, {want} expected")
    n = len(truths)
    if problems:
        return False, "self-check FAILED:\n  " + "\n  ".join(problems[:200]) + f"\n({len(problems)} problems)"
    return True, (f"self-check passed: {n} forms, {formats['docx']} docx and {formats['pdf']} pdf, every stated string "
                  f"value is in its document ({nvalues} values), every record validates, marked choices read back "
                  f"on {readback} forms")
