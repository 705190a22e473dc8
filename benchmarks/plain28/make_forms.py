"""plain28: a held-out set of ORDINARY Case Referral Forms (30 .docx, 30 .pdf) with exact truth.

    python benchmarks/plain28/make_forms.py OUTDIR [--seed 2801] [--count 60]

Clears and writes OUTDIR/forms/p28_NNN.docx|.pdf and OUTDIR/truth/p28_NNN.json, then re-opens every document and
checks it against its truth (exit 1 on failure). Imports nothing from the project.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from p28_check import load_schema, run_check  # noqa: E402
from p28_docx import WORD_LAYOUTS, libre_colons_source  # noqa: E402
from p28_model import LAYOUTS_PDF, LAYOUTS_WORD, build, make_plan  # noqa: E402
from p28_pdf import PDF_LAYOUTS, libre_convert, libre_normalise, meta_dates  # noqa: E402
from p28_senders import SENDERS  # noqa: E402

TYPED = ('O-GRID4', 'O-NUMBERED', 'Q-LIBRECOLONS', 'Q-CASEPRINT')
SCHEMA_PATHS = ['/work/shared/referral.schema.json', str(HERE.parents[2] / 'shared' / 'referral.schema.json'),
                str(HERE.parents[3] / 'shared' / 'referral.schema.json')]


def expected_marks(layout, spec):
    choices = [it for it in spec.all_items() if it['t'] == 'choice']
    on = sum(1 for it in choices if it['chosen'] is not None)
    total = sum(len(it['options']) for it in choices)
    if layout == 'O-ONETABLE':
        return dict(wd2_on=on, wd2_off=total - on)
    if layout == 'O-LABELABOVE':
        return dict(sdt_on=on, sdt_off=total - on)
    if layout in ('Q-BOXESPDF', 'Q-QUESTIONTABLE'):
        return dict(glyph_on=on)
    if layout == 'Q-FILLABLE':
        it = [c for c in choices if c['kind'] == 'itype']
        return dict(combos_set=sum(1 for c in choices if c['kind'] != 'itype' and c['chosen'] is not None),
                    checks_on=sum(1 for c in it if c['chosen'] is not None))
    return None


def notes_for(case, spec, info):
    S = spec.S
    n = spec.notes
    rec_children = case['children']
    return dict(
        sender=case['sender'], date_style=S['date_style'], dob_style=S['dob_style'],
        alt_dates=n['alt_dates'], blanks=n['blanks'], fillers=n['fillers'], third_option=n['third_option'],
        elaborations=n['elaborations'] if spec.case['layout'] in TYPED else [], decoys=n['decoys'], emails_with_capitals=n['emails_with_capitals'],
        ages=[c['age_text'] for c in rec_children if c.get('age_text')],
        children=len(rec_children), agencies=len(case['agencies']),
        agencies_without_person=sum(1 for a in case['agencies'] if not a['name']),
        itype=case['itype'], other_detail=case['other_detail'] if n.get('other_detail_typed') else None, not_asked=S['not_asked'],
        layout_info=info,
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=2801)
    ap.add_argument('--count', type=int, default=60)
    ap.add_argument('--stats', action='store_true', help='print the counts quoted in the README')
    args = ap.parse_args(argv)
    t0 = time.time()
    out = Path(args.outdir)
    for sub in ('forms', 'truth'):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)
    schema = load_schema(SCHEMA_PATHS)
    plan = make_plan(args.seed)[:args.count]
    entries = []
    libre_jobs = []
    tmp = tempfile.mkdtemp(prefix='p28src')
    try:
        for p in plan:
            case, spec, rng = build(p, args.seed)
            layout = p['layout']
            stem = f'p28_{p["n"]:03d}'
            if layout in WORD_LAYOUTS:
                data, info = WORD_LAYOUTS[layout](spec)
                fname = stem + '.docx'
                (out / 'forms' / fname).write_bytes(data)
            elif layout == 'Q-LIBRECOLONS':
                data, info = libre_colons_source(spec)
                fname = stem + '.pdf'
                src = os.path.join(tmp, stem + '.docx')
                Path(src).write_bytes(data)
                info.update(producer='LibreOffice 7.4', creator='Writer')
                libre_jobs.append((src, fname, meta_dates(case, rng)))
            else:
                data, info = PDF_LAYOUTS[layout](spec)
                fname = stem + '.pdf'
                (out / 'forms' / fname).write_bytes(data)
            record = spec.record()
            truth = {'file': fname, 'layout': layout, 'vocabulary': case['sender'], 'expect_status': 'parsed',
                     'expect_reason': None, 'record': record, 'notes': notes_for(case, spec, info)}
            (out / 'truth' / f'{stem}.json').write_text(json.dumps(truth, indent=1, ensure_ascii=False) + '\n',
                                                         encoding='utf-8')
            entries.append(dict(truth, expect_marks=expected_marks(layout, spec)))
        if libre_jobs:
            lodir = os.path.join(tmp, 'lo')
            os.makedirs(lodir)
            libre_convert([j[0] for j in libre_jobs], lodir)
            for src, fname, when in libre_jobs:
                pdf = Path(lodir, Path(src).stem + '.pdf').read_bytes()
                (out / 'forms' / fname).write_bytes(libre_normalise(pdf, fname, when))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t1 = time.time()
    problems, nvals = run_check(out, entries, schema)
    t2 = time.time()
    fmt = Counter('docx' if e['file'].endswith('.docx') else 'pdf' for e in entries)
    if problems:
        for pr in problems[:200]:
            print(pr)
        print(f'self-check FAILED: {len(problems)} problems')
        return 1
    print(f'self-check passed: {len(entries)} forms, {fmt["docx"]} docx and {fmt["pdf"]} pdf, every stated string '
          f'value is in its document ({nvals} values), every record validates, marked choices counted on '
          f'{sum(1 for e in entries if e["expect_marks"])} forms')
    print(f'generated in {t1 - t0:.1f} s, checked in {t2 - t1:.1f} s')
    if args.stats:
        print_stats(entries)
    return 0


def print_stats(entries):
    c = Counter()
    itypes = Counter()
    kids = Counter()
    genders = Counter()
    fillers = Counter()
    paras = Counter()
    lens = []
    ages = []
    for e in entries:
        r, n = e['record'], e['notes']
        kids[len(r['children'])] += 1
        itypes[str(r['incident']['type'])] += 1
        c['other_with_details'] += bool(n['other_detail'])
        c['children'] += len(r['children'])
        c['dod'] += sum(1 for ch in r['children'] if ch['date_of_death'])
        c['forms_with_agencies'] += bool(r['agencies_involved'])
        c['agency_rows'] += len(r['agencies_involved'])
        c['agency_rows_no_person'] += sum(1 for a in r['agencies_involved'] if not a['name'])
        c['agency_forms_no_person'] += any(not a['name'] for a in r['agencies_involved'])
        c['agency_rows_no_contact'] += sum(1 for a in r['agencies_involved'] if not a['contact'])
        c['age_children'] += sum(1 for ch in r['children'] if ch['age'])
        c['age_forms'] += any(ch['age'] for ch in r['children'])
        ages += [ch['age'] for ch in r['children'] if ch['age']]
        c['third_forms'] += bool(n['third_option'])
        c['third_answers'] += len(n['third_option'])
        c['blanks'] += len(n['blanks'])
        fillers.update(f.split('=', 1)[1] for f in n['fillers'])
        c['decoys'] += len(n['decoys'])
        c['alt_dates'] += len(n['alt_dates'])
        c['elaborations'] += len(n['elaborations'])
        c['emails_caps'] += len(n['emails_with_capitals'])
        for ch in r['children']:
            genders[str(ch['gender'])] += 1
        if 'panel' not in n['not_asked']:
            c['panel_forms'] += 1
            pv = r['panel_notified']
            c['panel_yes'] += pv is True
            c['panel_yes_date'] += pv is True and bool(r['date_panel_notified'])
            c['panel_no'] += pv is False
            c['panel_null'] += pv is None
        s = r['incident']['summary']
        if s:
            paras[len(s.split('\n\n'))] += 1
            lens.append(len(s))
    print('children per form', dict(sorted(kids.items())), 'children', c['children'])
    print('incident types', dict(itypes), 'other with details', c['other_with_details'], 'dates of death', c['dod'])
    print('genders', dict(genders))
    print('ages', c['age_forms'], 'forms', c['age_children'], 'children:', ages)
    print('agencies: forms', c['forms_with_agencies'], 'rows', c['agency_rows'], 'rows without person',
          c['agency_rows_no_person'], 'in forms', c['agency_forms_no_person'], 'rows without contact',
          c['agency_rows_no_contact'])
    print('third option: forms', c['third_forms'], 'answers', c['third_answers'])
    print('panel: forms asking', c['panel_forms'], 'yes', c['panel_yes'], 'with date', c['panel_yes_date'], 'no',
          c['panel_no'], 'null', c['panel_null'])
    print('blanks', c['blanks'], 'fillers', dict(fillers), 'decoys', c['decoys'], 'alt dates', c['alt_dates'],
          'elaborations', c['elaborations'], 'emails with capitals', c['emails_caps'])
    print('summary paragraphs', dict(sorted(paras.items())), 'lengths', min(lens), max(lens))


if __name__ == '__main__':
    sys.exit(main())
