"""The self-check of plain30: every record validates; every stated string value is in its document's text;
marked choices read back from the documents agree with the truth's source."""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
import zipfile

from p30_acro import NAME_MAP, camel, opt_name
from p30_common import date_candidates, norm

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
DATE_FIELDS = {"date_of_referral", "dob", "date_of_death", "date", "date_la_aware", "date_panel_notified"}
SKIP = {"form", "gender", "type"}


def schema_path() -> str:
    for p in ("/work/shared/referral.schema.json",
              os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "referral.schema.json"),
              os.path.join(os.path.dirname(__file__), "..", "..", "shared", "referral.schema.json")):
        if os.path.exists(p):
            return p
    raise FileNotFoundError("referral.schema.json")


# ------------------------------------------------------------------------------------------ document text
def docx_text(path: str) -> tuple[list[str], list]:
    import docx  # python-docx must open it
    from lxml import etree
    docx.Document(path)
    texts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))          # well-formed
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(W_NS + "p"):
        buf = []
        for el in p.iter():
            if el.tag == W_NS + "t":
                buf.append(el.text or "")
            elif el.tag in (W_NS + "tab", W_NS + "br"):
                buf.append(" ")
        lines.append("".join(buf))
    texts.append("\n".join(lines))
    return texts, root


def pdf_text(path: str) -> tuple[list[str], dict]:
    import pdfplumber
    from pypdf import PdfReader
    texts = []
    stream = []
    with pdfplumber.open(path) as pdf:
        pages = []
        for pg in pdf.pages:
            pages.append(pg.extract_text() or "")
            prev = None
            buf = []
            for ch in pg.chars:
                if prev is not None:
                    if abs(ch["top"] - prev["top"]) > 1.5 or ch["x0"] - prev["x1"] > 0.15 * ch["size"]:
                        buf.append(" ")
                buf.append(ch["text"])
                prev = ch
            stream.append("".join(buf))
    texts.append("\n".join(pages))
    texts.append("\n".join(stream))
    fields = {}
    r = PdfReader(path)
    f = r.get_fields() or {}
    for k, v in f.items():
        fields[k] = v.get("/V")
    vals = [str(v) for v in fields.values() if isinstance(v, str)]
    if vals:
        texts.append("\n".join(vals))
    return texts, fields


# ------------------------------------------------------------------------------------------ matching
class Haystack:
    def __init__(self, texts: list[str]):
        self.strs = [" " + norm(t) + " " for t in texts]
        self.compact = [s.replace(" ", "") for s in self.strs]
        self.toks = [s.split() for s in self.strs]

    def whole(self, v: str) -> bool:
        n = " " + norm(v) + " "
        if any(n in s for s in self.strs):
            return True
        # an e-mail address broken at a cell edge: compare without the spaces (e-mail addresses only)
        if "@" not in v:
            return False
        c = n.replace(" ", "")
        return len(c) >= 12 and any(c in s for s in self.compact)

    def pieces(self, v: str) -> bool:
        toks = norm(v).split()
        if not toks:
            return True
        if self.whole(v):
            return True
        if len(v) < 24:
            return False
        for s in self.strs:
            if self._greedy(toks, s):
                return True
        return False

    @staticmethod
    def _greedy(toks, s) -> bool:
        pos = 0
        i = 0
        n_pieces = 0
        while i < len(toks):
            best = None
            for j in range(len(toks), i, -1):
                piece = toks[i:j]
                if len(" ".join(piece)) < 5 and j < len(toks):
                    break
                needle = " " + " ".join(piece) + " "
                at = s.find(needle, max(0, pos - 1))
                if at >= 0 and (n_pieces == 0 or at - pos < 1500):
                    best = (j, at + len(needle) - 1)
                    break
            if best is None:
                return False
            i, pos = best
            n_pieces += 1
            if n_pieces > 4:
                return False
        return True

    def date(self, iso: str) -> bool:
        return any(self.whole(c) for c in date_candidates(iso))

    def phone(self, v: str) -> bool:
        """The digits as one run of digit groups (a group may not continue into a neighbouring number)."""
        d = re.sub(r"[^0-9]", "", v)
        for toks in self.toks:
            for i, t in enumerate(toks):
                if not t.isdigit() or not d.startswith(t):
                    continue
                acc = t
                j = i + 1
                while len(acc) < len(d) and j < len(toks) and toks[j].isdigit():
                    acc += toks[j]
                    j += 1
                if acc == d:
                    return True
        return False


def check_values(rec: dict, hay: Haystack) -> tuple[list, int]:
    problems = []
    count = 0

    def chk(path, key, v):
        nonlocal count
        if v is None or isinstance(v, bool) or key in SKIP:
            return
        count += 1
        ok = True
        if key in DATE_FIELDS:
            ok = hay.date(v)
        elif key == "phone":
            ok = hay.phone(v)
        elif key == "email":
            ok = hay.whole(v)
        elif key == "address":
            ok = all(hay.pieces(part) for part in v.split(", "))
        elif key == "summary":
            ok = all(hay.pieces(p) for p in v.split("\n\n"))
        elif key == "name" and not path.startswith("agencies"):
            ok = all(hay.whole(part) for part in v.split())
        else:
            ok = hay.pieces(v)
        if not ok:
            problems.append(f"{path} = {v!r:.80}")

    def walk(obj, path=""):
        if isinstance(obj, dict):
            for k, v in obj.items():
                p = f"{path}.{k}" if path else k
                if isinstance(v, (dict, list)):
                    walk(v, p)
                else:
                    chk(p, k, v)
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{path}[{i}]")
    walk(rec)
    return problems, count


# ------------------------------------------------------------------------------------------ marks read back
def expected_marks(form, keep=lambda it: True):
    seq = []
    for sec in form.sections:
        for it in sec.items:
            if it.kind == "choice" and keep(it):
                for j, o in enumerate(it.options):
                    seq.append((it.chosen == j, o))
    return seq


def docx_marks(root, kind: str) -> list:
    """(checked, following option word) for every check box in document order."""
    out = []
    for p in root.iter(W_NS + "p"):
        cur = None
        for el in p.iter():
            if kind == "formcheckbox" and el.tag == W_NS + "checkBox":
                if cur:
                    out.append(cur)
                cur = [el.find(W_NS + "checked") is not None, ""]
            elif kind == "sdt" and el.tag == W14 + "checked":
                if cur:
                    out.append(cur)
                cur = [el.get(W14 + "val") == "1", "", True]
            elif el.tag == W_NS + "t" and cur is not None:
                t = el.text or ""
                if kind == "sdt" and len(cur) == 3 and t in ("\u2612", "\u2610"):
                    cur.pop()          # the control's own glyph
                    continue
                cur[1] += t
            elif el.tag == W_NS + "tab" and cur is not None:
                out.append(cur)
                cur = None
        if cur:
            out.append(cur)
    return [(c[0], c[1].strip()) for c in out]


def glyph_marks(text: str) -> list:
    out = []
    for m in re.finditer(r"([\u2612\u2610])\s*([^\u2612\u2610\n]*?)(?=\s{2,}|\s*[\u2612\u2610]|\n|$)", text):
        out.append((m.group(1) == "\u2612", m.group(2).strip()))
    return out


def check_marks(form, path, root=None, texts=None, fields=None) -> tuple[list, bool]:
    lay = form.layout
    if lay == "O-SECTIONTABLES":
        got = docx_marks(root, "formcheckbox")
        return ([] if got == expected_marks(form) else [f"FORMCHECKBOX marks differ: {got[:6]}"]), True
    if lay == "O-NUMBERED":
        got = docx_marks(root, "sdt")
        return ([] if got == expected_marks(form) else [f"check-box control marks differ: {got[:6]}"]), True
    if lay in ("O-GRID4", "Q-LIBREBOXES"):
        got = glyph_marks(texts[0] if lay == "O-GRID4" else texts[1])
        exp = expected_marks(form)
        # the option word follows its glyph (a long option may wrap, so its first words are enough)
        ok = len(got) == len(exp) and all(g[0] == e[0] and (norm(g[1]).startswith(norm(e[1])) or
                                                            (len(norm(g[1])) >= 2 and norm(e[1]).startswith(norm(g[1]))))
                                          for g, e in zip(got, exp))
        return ([] if ok else [f"glyph marks differ: {got[:6]} vs {exp[:6]}"]), True
    if lay == "Q-TICKGRID":
        return tick_readback(form, path), True
    if lay == "Q-FILLABLE":
        probs = []
        for sec in form.sections:
            for it in sec.items:
                if it.kind != "choice" or it.decoy:
                    continue
                par, kid = NAME_MAP[it.key]
                if par is None:
                    par = f"Child{sec.child + 1}"
                base = f"{par}.{kid}"
                if it.key == "inc.type":
                    v = fields.get(base)
                    want = it.options[it.chosen] if it.chosen is not None else " "
                    if v != want:
                        probs.append(f"{base}: {v!r} != {want!r}")
                elif it.key == "child.gender":
                    v = fields.get(base)
                    want = "/" + opt_name(it.options[it.chosen]) if it.chosen is not None else "/Off"
                    if v != want:
                        probs.append(f"{base}: {v!r} != {want!r}")
                else:
                    for j, o in enumerate(it.options):
                        v = fields.get(f"{base}.{opt_name(o)}")
                        want = "/On" if it.chosen == j else "/Off"
                        if v != want:
                            probs.append(f"{base}.{opt_name(o)}: {v!r} != {want!r}")
        return probs, True
    return [], False


def tick_readback(form, path) -> list:
    """Read the tick grids by position: each mark's column is the nearest column header above it; compare the
    sequence of (question, column) with the choices, in the order the layout prints them."""
    import pdfplumber
    yn = form.sender["yn"]
    marks = {"\u2713", "X", "x"}
    got = []
    with pdfplumber.open(path) as pdf:
        for pg in pdf.pages:
            words = pg.extract_words(keep_blank_chars=False, use_text_flow=False)
            heads = [w for w in words if w["text"] in (yn[0], yn[1], yn[2].split()[0], "Tick")]
            rows = {}
            for w in heads:
                rows.setdefault(round(w["top"]), []).append(w)
            header_rows = []
            for top, ws in rows.items():
                texts = [w["text"] for w in ws]
                if "Tick" in texts:
                    header_rows.append((top, [("tick", (w["x0"] + w["x1"]) / 2) for w in ws if w["text"] == "Tick"]))
                elif yn[0] in texts and yn[1] in texts:
                    cols = []
                    for w in sorted(ws, key=lambda w: w["x0"]):
                        k = {yn[0]: 0, yn[1]: 1}.get(w["text"], 2)
                        cols.append((k, (w["x0"] + w["x1"]) / 2))
                    header_rows.append((top, cols))
            header_rows.sort()
            for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
                if w["text"] not in marks:
                    continue
                above = [h for h in header_rows if h[0] < w["top"]]
                if not above:
                    continue
                cols = above[-1][1]
                cx = (w["x0"] + w["x1"]) / 2
                k = min(cols, key=lambda c: abs(c[1] - cx))[0]
                got.append(k)
    # expected, in print order
    exp = []
    secs = form.sections
    child_secs = [sc for sc in secs if sc.key == "child"]
    for sec in secs:
        if sec.key == "child":
            if sec.child != 0:
                continue
            for cs in child_secs:
                exp += [it.chosen for it in cs.items if it.yn and it.chosen is not None]
            continue
        yns = [it.chosen for it in sec.items if it.yn and it.chosen is not None]
        types = ["tick" for it in sec.items if it.key == "inc.type" and it.chosen is not None]
        if sec.items and sec.items[0].yn:
            exp += yns + types
        else:
            exp += types + yns
    if got != exp:
        return [f"tick marks read back {got} != {exp}"]
    return []


# ------------------------------------------------------------------------------------------ driver
def check_all(outdir: str, forms: list) -> int:
    import jsonschema
    schema = json.load(open(schema_path()))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    nvals = 0
    nmarked = 0
    nfmt = {"docx": 0, "pdf": 0}
    for f in forms:
        tpath = os.path.join(outdir, "truth", f"{f.stem}.json")
        truth = json.load(open(tpath))
        rec = truth["record"]
        for e in validator.iter_errors(rec):
            problems.append(f"{f.stem}: schema: {e.message}")
        doc = os.path.join(outdir, "forms", truth["file"])
        nfmt[f.fmt] += 1
        root = fields = None
        try:
            if f.fmt == "docx":
                texts, root = docx_text(doc)
            else:
                texts, fields = pdf_text(doc)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{f.stem}: cannot open: {e}")
            continue
        hay = Haystack(texts)
        probs, n = check_values(rec, hay)
        nvals += n
        problems += [f"{f.stem} ({f.layout}): not in document: {p}" for p in probs]
        mp, did = check_marks(f, doc, root, texts, fields)
        nmarked += did
        problems += [f"{f.stem} ({f.layout}): {p}" for p in mp]
    for p in problems:
        print("SELF-CHECK:", p)
    if problems:
        print(f"self-check FAILED: {len(problems)} problem(s)")
        return 1
    print(f"self-check passed: {len(forms)} forms, {nfmt['docx']} docx and {nfmt['pdf']} pdf, every stated string "
          f"value is in its document ({nvals} values), every record validates, marked choices read back on "
          f"{nmarked} forms")
    return 0
