"""Self-check for plain28: every document re-opened, every record validated against the schema, every stated string
value found in the document's text, and the number of marked choices counted in the document."""

from __future__ import annotations

import io
import json
import re
import zipfile

import docx
import jsonschema
import pdfplumber
from lxml import etree
from pypdf import PdfReader

from p28_common import ALL_STYLES, fmt_date, norm

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
W14 = '{http://schemas.microsoft.com/office/word/2010/wordml}'


def docx_text(data: bytes) -> tuple[str, dict]:
    docx.Document(io.BytesIO(data))  # python-docx must open it
    z = zipfile.ZipFile(io.BytesIO(data))
    texts = []
    marks = dict(wd2_on=0, wd2_off=0, sdt_on=0, sdt_off=0)
    for name in z.namelist():
        if name.endswith('.xml') or name.endswith('.rels'):
            root = etree.fromstring(z.read(name))  # well-formed
            if name == 'word/document.xml':
                texts.append(''.join(t.text or '' for t in root.iter(f'{W}t')))
                for s in root.iter(f'{W}sym'):
                    if s.get(f'{W}char') == 'F054':
                        marks['wd2_on'] += 1
                    elif s.get(f'{W}char') == 'F0A3':
                        marks['wd2_off'] += 1
                for cb in root.iter(f'{W14}checked'):
                    if cb.get(f'{W14}val') == '1':
                        marks['sdt_on'] += 1
                    else:
                        marks['sdt_off'] += 1
    return '\n'.join(texts), marks


def pdf_text(data: bytes) -> tuple[str, dict]:
    parts = []
    marks = dict(glyph_on=0)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            body = page.crop((0, 45, page.width, page.height - 45))
            t = body.extract_text() or ''
            parts.append(t)
            marks['glyph_on'] += t.count('\u2612')
            parts.append(''.join(ch['text'] for ch in body.chars))
    reader = PdfReader(io.BytesIO(data))
    vals = []
    combos = {}
    checks = {}
    for name, f in (reader.get_fields() or {}).items():
        v = f.get('/V')
        if v is None:
            continue
        if f.get('/FT') == '/Btn':
            checks[name] = str(v)
        elif f.get('/FT') == '/Ch':
            combos[name] = str(v)
        else:
            vals.append(str(v))
    marks['combos_set'] = sum(1 for v in combos.values() if v.strip())
    marks['checks_on'] = sum(1 for v in checks.values() if v == '/Yes')
    return '\n'.join(parts) + '\n' + '\n'.join(vals), marks


def stated_values(rec: dict):
    """(kind, value) pairs for every stated string value of a record."""
    out = []

    def add(kind, v):
        if v not in (None, '', []):
            out.append((kind, v))
    add('date', rec['date_of_referral'])
    for who in ('referrer', 'safeguarding_lead'):
        p = rec[who]
        add('name', p['name'])
        add('text', p['role'])
        add('text', p['agency'])
        add('text', p['email'])
        add('phone', p['phone'])
    for ch in rec['children']:
        add('name', ch['name'])
        for k in ('other_names', 'age', 'ethnicity', 'school', 'gp', 'legal_status', 'disability'):
            add('text', ch[k])
        add('date', ch['dob'])
        add('date', ch['date_of_death'])
        add('address', ch['address'])
    inc = rec['incident']
    add('date', inc['date'])
    add('date', inc['date_la_aware'])
    add('text', inc['location'])
    add('paras', inc['summary'])
    add('paras', rec['criteria']['reason'])
    add('date', rec['date_panel_notified'])
    add('paras', rec['immediate_concerns'])
    for a in rec['agencies_involved']:
        add('name', a['name'])
        add('text', a['agency'])
        add('text', a['contact'])
    return out


def found(kind, value, hay: str) -> bool:
    import datetime as dt
    if kind == 'date':
        d = dt.date.fromisoformat(value)
        return any(norm(fmt_date(d, s)) in hay for s in ALL_STYLES)
    if kind == 'name':
        return all(norm(p) in hay for p in value.split())
    if kind == 'address':
        return all(norm(p) in hay for p in value.split(', '))
    if kind == 'paras':
        return all(norm(p) in hay for p in value.split('\n\n'))
    return norm(value) in hay


def run_check(outdir, entries, schema) -> tuple[list[str], int]:
    """entries: list of dicts (truth + 'expect_marks'). Returns (problems, values checked)."""
    problems = []
    nvals = 0
    for e in entries:
        path = f'{outdir}/forms/{e["file"]}'
        data = open(path, 'rb').read()
        try:
            jsonschema.validate(e['record'], schema, cls=jsonschema.Draft202012Validator)
        except jsonschema.ValidationError as ex:
            problems.append(f'{e["file"]}: schema: {ex.message}')
        try:
            text, marks = docx_text(data) if path.endswith('.docx') else pdf_text(data)
        except Exception as ex:  # noqa: BLE001
            problems.append(f'{e["file"]}: cannot open: {ex!r}')
            continue
        hay = norm(text)
        for kind, v in stated_values(e['record']):
            nvals += 1
            if not found(kind, v, hay):
                problems.append(f'{e["file"]} ({e["layout"]}): {kind} {v[:70]!r} not found')
        exp = e.get('expect_marks')
        if exp:
            for k, v in exp.items():
                got = marks.get(k)
                if got != v:
                    problems.append(f'{e["file"]} ({e["layout"]}): marks {k}: document {got!r}, expected {v!r}')
    return problems, nvals


def load_schema(paths):
    for p in paths:
        try:
            return json.load(open(p))
        except OSError:
            continue
    raise SystemExit('referral.schema.json not found')
