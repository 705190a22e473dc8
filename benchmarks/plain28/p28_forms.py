"""What a form shows, in order, independent of the layout (plain28): blocks of sections, child headings, items,
the agencies table, the declaration and the office-use block; and how a typed answer reads."""

from __future__ import annotations

import datetime as dt

from p28_common import fmt_date


def example_date(S) -> str:
    return fmt_date(dt.date(2015, 1, 1), S['date_style'])


def guidance(S) -> str:
    return S['guidance'].format(p_email=S['p_email'], p_phone=S['p_phone'], example_date=example_date(S))


def form_blocks(spec, child_heading_single=False) -> list[tuple]:
    """[('section', key, title) | ('child', i, title) | ('item', item) | ('agencies', item) | ('decl', items) |
    ('office', labels)]"""
    S = spec.S
    out = []
    for key in S['order']:
        title = S['sections'][key]
        if key == 'children':
            out.append(('section', 'children', title))
            kids = spec.secs['children']
            for i, items in enumerate(kids):
                if len(kids) > 1 or child_heading_single:
                    out.append(('child', i, f'{S["child_title"]} {i + 1}'))
                for it in items:
                    out.append(('item', it))
        elif key == 'agencies':
            out.append(('section', 'agencies', title))
            out.append(('agencies', spec.secs['agencies'][0]))
        elif key in spec.secs:
            out.append(('section', key, title))
            for it in spec.secs[key]:
                out.append(('item', it))
    out.append(('section', 'declaration', S['sections']['declaration']))
    out.append(('decl', declaration(spec)))
    out.append(('office', office_labels(spec)))
    return out


def declaration(spec) -> list[tuple[str, str]]:
    c = spec.case
    ref_item = spec.secs['referrer'][0]
    date_shown = ref_item['shown'] if ref_item['key'] == 'date_of_referral' else ''
    name = c['referrer']['name']
    if spec.case['sender'] == 'brightstep_mentor':
        return [('I confirm the information is correct to the best of my knowledge. Name', name),
                ('Signature', ''), ('Date sent', date_shown)]
    if spec.case['sender'] == 'halsey_mcit':
        return [('Submitted by', name), ('Signature', ''), ('Date', date_shown)]
    return [('Signed', ''), ('Print name', name), ('Date', date_shown)]


def office_labels(spec) -> list[str]:
    p = spec.S['p_short']
    return [f'Date received by {p}', f'{p} reference', 'Rapid Review meeting date', 'Decision / outcome']


def typed_choice(it) -> str:
    """How a typed-word layout shows a choice: the chosen option (+ an elaboration), or nothing."""
    if it['chosen'] is None:
        return ''
    if it.get('elab'):
        return it['elab']
    return it['options'][it['chosen']]


def item_lines(it) -> list[str]:
    """The answer of a text / lines / long item as paragraphs (an empty list for a blank)."""
    if it['t'] in ('lines', 'long'):
        return list(it['shown'])
    return [it['shown']] if it['shown'] else []


def is_wide(it, limit=58) -> bool:
    return it.get('wide') or len(it['label']) > limit
