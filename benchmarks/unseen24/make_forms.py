"""unseen24: a held-out Case Referral Form corpus (80 forms: 8 new senders x 10 new layouts).

    python benchmarks/unseen24/make_forms.py OUTDIR [--seed N] [--count 80]
"""

from __future__ import annotations

import argparse
import logging
import datetime as dt
import io
import json
import random
import re
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model  # noqa: E402
import render_docx  # noqa: E402
import render_pdf  # noqa: E402
from senders import ORDER, SENDERS  # noqa: E402

WORD = ["W-SMARTART", "W-CHUNKS", "W-INKTICKS", "W-HMERGE", "W-AUTOFORMAT"]
PDF = ["P-HIDDENFIELDS", "P-SIDEWAYS", "P-CHRONO", "P-GENOGRAM", "P-PERCHILD"]
LAYOUTS = WORD + PDF


def schema_path():
    for cand in (Path("/work/shared/referral.schema.json"), HERE.parents[2] / "shared" / "referral.schema.json",
                 HERE.parents[1] / "shared" / "referral.schema.json"):
        if cand.exists():
            return cand
    raise SystemExit("referral.schema.json not found")


def plan(seed, count):
    rng = random.Random(f"u24-{seed}-plan")
    pairs = []
    for li, lay in enumerate(LAYOUTS):
        senders = list(ORDER)
        rng.shuffle(senders)
        for s in senders:
            pairs.append((lay, s))
    rng.shuffle(pairs)
    itypes = (["serious_harm"] * 29 + ["death"] * 21 + ["lac_death"] * 13 + ["care_leaver_death"] * 6 + ["other"] * 9
              + [None] * 2)
    rng.shuffle(itypes)
    kids = [1] * 52 + [2] * 18 + [3] * 10
    rng.shuffle(kids)
    return [(pairs[i % 80][0], pairs[i % 80][1], itypes[i % 80], kids[i % 80]) for i in range(count)]


CHRONO_SRC = {"date_of_referral": "Referrer", "inc_date": "Referrer", "la_aware": "Children's social care",
              "panel_date": "Children's social care"}
EXTRA_EVENTS = ["Strategy discussion", "Initial child protection conference", "Last seen by health visitor",
                "Missed outpatient appointment", "Previous referral to children's social care closed",
                "Home visit - no answer"]


def make_ctx(rng, c, spec, n, seed):
    S = c.S
    L = S["L"]
    inc = c.dates["inc"]
    ctx = dict(creator=f"{c.ref['name'].replace('Dr ', '')}", labels=L, decoy_dates=list(c.decoy_dates),
               decoy_date_labels={x[0] for x in c.decoy_dates})
    words = {"date_of_referral": f"{L['date_of_referral']} (this referral sent to the partnership)",
             "inc_date": f"Incident - {L['inc_date'].lower()}",
             "la_aware": f"{L['la_aware']} (local authority aware)",
             "panel_date": f"Serious Incident Notification to the National Panel - {L['panel_date'].lower()}"}
    ctx["chrono_words"] = words
    ctx["chrono_src"] = CHRONO_SRC
    ev = []
    for lab in rng.sample(EXTRA_EVENTS, rng.randint(2, 3)):
        dd = inc + dt.timedelta(days=rng.randint(-300, 6))
        if dd == inc:
            dd -= dt.timedelta(days=1)
        ev.append((lab, c.dstr(dd), dd))
    ctx["extra_events"] = ev
    kids = []
    for ch in c.children:
        age = ch["age"] if ch["use_age"] else f"{(inc - ch['dob']).days // 365}"
        kids.append((ch["first"], f"age {age}" if not str(age).startswith(("about", "approx")) else age,
                     ch["gender"] or "other", True, bool(ch["dod"])))
    sib_sex = rng.choice(["male", "female"])
    sib = (rng.choice(model.GIRLS if sib_sex == "female" else model.BOYS), f"age {rng.randint(1, 17)}", sib_sex, False, False)
    kids.insert(rng.randint(0, len(kids)), sib)
    fam = c.children[0]["last"]
    ctx["family"] = dict(adults=[(f"{rng.choice(model.ADULT_FIRST[10:18])} {fam.split('-')[0]}", f"age {rng.randint(19, 45)}", "male"),
                                 (f"{rng.choice(model.ADULT_FIRST[:10])} {fam.split('-')[-1]}", f"age {rng.randint(17, 40)}", "female")],
                         kids=kids)
    ctx["ref_no"] = f"REF-{rng.randint(100000, 999999)}"
    ctx["stale_other"] = rng.choice(["Concerns about the home environment", "Possible neglect - to be confirmed", "TBC"])
    ctx["stale_date"] = c.dstr(inc + dt.timedelta(days=rng.randint(1, 3)))
    ctx["stale_date2"] = c.dstr(c.dates["la"] + dt.timedelta(days=rng.randint(1, 4)))
    ctx["stale_date3"] = c.dstr(inc - dt.timedelta(days=rng.randint(900, 4000)), dob=True)
    ctx["stale_child"] = f"{rng.choice(model.GIRLS + model.BOYS)} {fam}"
    ctx["child_label"] = S["L"].get("child_name") or S["L"]["child_first"] + " / " + S["L"]["child_last"]
    ctx["dob_label"] = S["L"]["dob"]
    ctx["pdf_id"] = bytes(random.Random(f"u24-{seed}-{n}-id").getrandbits(8) for _ in range(16))
    return ctx


def restyle_dates(spec, style):
    for sec in spec["sections"]:
        for row in sec["rows"]:
            if row.get("date") and row.get("key") in ("date_of_referral", "inc_date", "la_aware", "panel_date"):
                row["value"] = model.fmt_date(row["date"], style)


def generate(outdir: Path, seed: int, count: int):
    forms, truth = outdir / "forms", outdir / "truth"
    if outdir.exists():
        shutil.rmtree(outdir)
    forms.mkdir(parents=True)
    truth.mkdir(parents=True)
    written = []
    for n, (layout, skey, itype, nkids) in enumerate(plan(seed, count), 1):
        rng = random.Random(f"u24-{seed}-{n}")
        c = model.make_case(rng, skey, n, itype, nkids)
        spec, record, notes = model.build(rng, c, layout)
        ctx = make_ctx(rng, c, spec, n, seed)
        if layout == "W-AUTOFORMAT":
            restyle_dates(spec, "ordinal")
            notes["date_style"] = "ordinal (AutoFormat superscript)"
        ext = "docx" if layout.startswith("W-") else "pdf"
        name = f"u24_{n:03d}.{ext}"
        path = forms / name
        if ext == "docx":
            path.write_bytes(render_docx.LAYOUTS[layout](spec, rng, ctx))
        else:
            render_pdf.LAYOUTS[layout](spec, rng, ctx, str(path))
        if layout == "P-HIDDENFIELDS":
            notes["stale_hidden_values"] = [ctx["stale_other"], ctx["stale_date"], ctx["stale_date2"], ctx["stale_child"]]
        if layout == "P-CHRONO":
            notes["decoy_events"] = [f"{a}={b}" for a, b, _ in ctx["extra_events"]]
        if layout == "P-GENOGRAM":
            notes["genogram_non_subject"] = [k[0] for k in ctx["family"]["kids"] if not k[3]] + [a[0] for a in ctx["family"]["adults"]]
        t = {"file": name, "layout": layout, "vocabulary": skey, "expect_status": "parsed", "expect_reason": None,
             "record": record, "notes": notes}
        (truth / f"u24_{n:03d}.json").write_text(json.dumps(t, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(t)
    return written


# ------------------------------------------------------------------------------------------------ self-check

def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def docx_text(data: bytes) -> str:
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                x = z.read(name).decode("utf-8", "replace")
                out += re.findall(r"<(?:w|a):t(?:\s[^>]*)?>([^<]*)</(?:w|a):t>", x)
            elif name.endswith(".docx"):
                out.append(docx_text(z.read(name)))
    import html
    return html.unescape(" ".join(out))


def _segments(items, gap=6.0):
    """items: (line_key, pos, end, text) sorted within a line; split a line into segments at gaps wider than `gap`."""
    segs = []
    cur = None
    for key, pos, end, text in items:
        if cur and cur[0] == key and pos - cur[3] <= gap:
            cur[2] += text
            cur[3] = end
        else:
            if cur:
                segs.append(cur)
            cur = [key, pos, text, end]
    if cur:
        segs.append(cur)
    return segs


def column_text(chars, rotated=False, gap=6.0):
    """Text read cell by cell: a line is split into segments at wide gaps, and segments that start at the same
    position are read one after another (so a value wrapped inside a table cell is read whole)."""
    items = []
    for ch in chars:
        if rotated:
            items.append(((ch["page_number"], round(ch["x0"])), -ch["bottom"], -ch["top"], ch["text"]))
        else:
            items.append(((ch["page_number"], round(ch["top"])), ch["x0"], ch["x1"], ch["text"]))
    items.sort(key=lambda t: (t[0], t[1]))
    segs = _segments(items, gap)
    cols = {}
    for key, pos, text, _ in segs:
        cols.setdefault(round(pos / 3), []).append((key, text))
    out = []
    for k in sorted(cols):
        out.append(" ".join(t for _, t in sorted(cols[k])))
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    import pdfplumber
    from pypdf import PdfReader
    out = []
    with pdfplumber.open(str(path)) as pdf:
        up, rot = [], []
        for page in pdf.pages:
            up += [ch for ch in page.chars if ch.get("upright", True)]
            rot += [ch for ch in page.chars if not ch.get("upright", True)]
            out.append(page.extract_text() or "")
        out.append(column_text(up))
        if rot:
            out.append(column_text(rot, rotated=True, gap=2.5))
    rd = PdfReader(str(path))
    for page in rd.pages:
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Widget" or int(a.get("/F", 0)) & 2:
                continue
            v = a.get("/V")
            if v is None and a.get("/Parent") is not None:
                v = a["/Parent"].get_object().get("/V")
            if isinstance(v, str):
                out.append(v)
    return "\n".join(out)


def check_values(record):
    vals = []

    def add(kind, v, where):
        if v is not None:
            vals.append((kind, v, where))
    add("date", record["date_of_referral"], "date_of_referral")
    for who in ("referrer", "safeguarding_lead"):
        p = record[who]
        for k in ("name", "role", "agency"):
            add("text", p[k], f"{who}.{k}")
        add("email", p["email"], f"{who}.email")
        add("phone", p["phone"], f"{who}.phone")
    for i, ch in enumerate(record["children"]):
        for part in ch["name"].split(" "):
            add("text", part, f"children[{i}].name")
        for k in ("other_names", "age", "ethnicity", "school", "gp", "legal_status", "disability"):
            add("text", ch[k], f"children[{i}].{k}")
        if ch["address"]:
            for part in ch["address"].split(", "):
                add("text", part, f"children[{i}].address")
        add("date", ch["dob"], f"children[{i}].dob")
        add("date", ch["date_of_death"], f"children[{i}].date_of_death")
    inc = record["incident"]
    add("date", inc["date"], "incident.date")
    add("date", inc["date_la_aware"], "incident.date_la_aware")
    add("text", inc["location"], "incident.location")
    for para in (inc["summary"] or "").split("\n\n"):
        if para:
            add("text", para, "incident.summary")
    add("text", record["criteria"]["reason"], "criteria.reason")
    add("date", record["date_panel_notified"], "date_panel_notified")
    for i, a in enumerate(record["agencies_involved"]):
        for k in ("name", "agency", "contact"):
            add("text", a[k], f"agencies_involved[{i}].{k}")
    add("text", record["immediate_concerns"], "immediate_concerns")
    return vals


def self_check(outdir: Path, written):
    import jsonschema
    schema = json.loads(schema_path().read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    import docx as pydocx
    for t in written:
        rec = t["record"]
        for e in validator.iter_errors(rec):
            problems.append(f"{t['file']}: schema: {e.message}")
        path = outdir / "forms" / t["file"]
        if path.suffix == ".docx":
            if t["layout"] != "W-CHUNKS":  # python-docx parses the embedded .docx chunk parts as XML and fails
                try:
                    pydocx.Document(str(path))
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{t['file']}: python-docx cannot open: {e}")
            text = docx_text(path.read_bytes())
        else:
            text = pdf_text(path)
        nt = norm(text)
        for kind, v, where in check_values(rec):
            if kind == "date":
                d = dt.date.fromisoformat(v)
                cands = [model.fmt_date(d, s) for s in model.ALL_STYLES]
            elif kind == "phone":
                cands = [v.lstrip("+")]
            else:
                cands = [v]
            if not any(norm(x) and norm(x) in nt for x in cands):
                problems.append(f"{t['file']} ({t['layout']}): {where} {v!r} not in the document text")
    return problems


def main(argv=None):
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--count", type=int, default=80)
    a = ap.parse_args(argv)
    t0 = time.time()
    out = Path(a.outdir)
    written = generate(out, a.seed, a.count)
    problems = self_check(out, written)
    nd = sum(1 for t in written if t["file"].endswith(".docx"))
    if problems:
        for pr in problems:
            print(pr)
        print(f"self-check FAILED: {len(problems)} problems")
        return 1
    print(f"self-check passed: {len(written)} forms ({nd} docx, {len(written) - nd} pdf), every stated string value is in "
          f"its document, every record validates ({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
