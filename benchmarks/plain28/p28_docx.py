"""The five Word layouts of plain28, and the Word source of Q-LIBRECOLONS."""

from __future__ import annotations

import datetime as dt

from p28_forms import form_blocks, guidance, is_wide, item_lines, typed_choice
from p28_wml import (borders_xml, build_docx, cell, checkbox_sdt, page_field_runs, para, ppr, row, run, sym_run,
                     table, text_para)

W = 9638  # A4 less 2 x 2 cm margins, in twips


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


class Ctx:
    def __init__(self, spec, layout):
        self.spec = spec
        self.S = spec.S
        self.rng = spec.rng
        self.layout = layout
        self.sdt_id = 1000 + spec.case['n'] * 7919
        self.info = {}

    def next_id(self):
        self.sdt_id += 1
        return self.sdt_id


# ------------------------------------------------------------------------------------------------ common parts

def header_footer(ctx, style='plain'):
    S = ctx.S
    f9 = dict(size=8.5)
    hdr = para(run(S['marking'], bold=True, color='C00000', size=9) + run('\t\t' + S['partnership'], size=8.5,
                                                                               color='595959'), style='Header')
    ftr = para(run(f'{S["form_ref"]}\t', **f9) + run(f'{S["org"]}\t', **f9) + page_field_runs(f9), style='Footer')
    return hdr, ftr


def title_block(ctx, with_rule=True):
    S = ctx.S
    out = [text_para(S['partnership'], dict(after=0), bold=True, size=11, color=S['colour']),
           text_para(S['title'], dict(style='Title')),
           text_para(S['subtitle'], dict(after=60), italic=True, size=9.5, color='404040'),
           text_para(guidance(S), dict(after=160, border_bottom=(S['colour'], 6) if with_rule else None), size=9)]
    return ''.join(out)


def answer_paras(it, size=10, pfmt=None, breaks=False, font=None):
    """Paragraph xml for a text / lines / long answer."""
    pfmt = pfmt or {}
    lines = item_lines(it)
    if not lines:
        return para('', **pfmt)
    fmt = dict(size=size)
    if font:
        fmt['font'] = font
    if it['t'] == 'lines' and breaks:
        return para(run('\n'.join(lines), **fmt), **pfmt)
    if it['t'] == 'long':
        out = []
        for j, ln in enumerate(lines):
            p = dict(pfmt)
            if j < len(lines) - 1:
                p['after'] = 120
            out.append(para(run(ln, **fmt), **p))
        return ''.join(out)
    return ''.join(para(run(ln, **fmt), **pfmt) for ln in lines)


def choice_xml(ctx, it, style, size=10, pfmt=None):
    """A choice in the answer cell: 'wd2' Wingdings 2 symbols, 'sdt' check-box controls, 'typed' the word."""
    pfmt = pfmt or {}
    opts = it['options']
    if style == 'typed':
        return para(run(typed_choice(it), size=size) if typed_choice(it) else '', **pfmt)
    one_per_line = it['kind'] == 'itype'
    pieces = []
    for k, o in enumerate(opts):
        on = it['chosen'] == k
        if style == 'wd2':
            box = sym_run('Wingdings 2', 'F054' if on else 'F0A3', size=size + 1)
        else:
            box = checkbox_sdt(on, ctx.next_id(), size=size)
        pieces.append(box + run(' ' + o + ('' if one_per_line else '   '), size=size))
    if one_per_line:
        return ''.join(para(p, **pfmt) for p in pieces)
    return para(''.join(pieces), **pfmt)


def agencies_table(ctx, it, fill_head, size=9, font=None):
    cols = it['columns']
    n = len(cols)
    widths = {3: [3000, 3200, 3438], 4: [2600, 2400, 1538, 3100]}[n]
    fmt = dict(size=size)
    if font:
        fmt['font'] = font
    rows = [row([cell(para(run(t, bold=True, **fmt)), widths[k], fill=fill_head) for k, (t, _) in enumerate(cols)],
                header=True)]
    for r in it['rows']:
        rows.append(row([cell(para(run(v, **fmt) if v else ''), widths[k]) for k, v in enumerate(r)]))
    for _ in range(it['spare']):
        rows.append(row([cell(para(''), widths[k]) for k in range(n)]))
    return table(rows, widths)


def decl_table(ctx, decl, fill, lw=3400):
    rows = []
    for lab, val in decl:
        rows.append(row([cell(para(run(lab, bold=True, size=9.5)), lw, fill=fill),
                         cell(para(run(val, size=10) if val else ''), W - lw)]))
    return table(rows, [lw, W - lw])


def office_table(ctx, office, lw=3400):
    orow = [row([cell(para(run(ctx.S['sections']['office'], bold=True, size=9, color='FFFFFF')), W, fill='7F7F7F',
                      span=2)])]
    for lab in office:
        orow.append(row([cell(para(run(lab, size=9, color='595959')), lw, fill='F2F2F2'), cell(para(''), W - lw)]))
    return para('', after=120) + table(orow, [lw, W - lw], color='7F7F7F')


def package(ctx, body, *, template, title_suffix=''):
    S = ctx.S
    c = ctx.spec.case
    hdr, ftr = header_footer(ctx)
    created = dt.datetime.combine(c['ref_date'], dt.time(9, 0)) - dt.timedelta(hours=ctx.rng.randint(1, 30))
    modified = dt.datetime.combine(c['ref_date'], dt.time(ctx.rng.randint(10, 16), ctx.rng.randint(0, 59)))
    return build_docx(body, font=S['font'], size=10, heading_color=S['colour'], header=hdr, footer=ftr,
                      title=S['title'] + title_suffix, author=c['referrer']['name'],
                      created=created.strftime('%Y-%m-%dT%H:%M:00Z'), modified=modified.strftime('%Y-%m-%dT%H:%M:00Z'),
                      company=S['org'], template=template, fonts_used=('Wingdings 2', 'MS Gothic', 'Segoe UI Symbol'),
                      revision=ctx.rng.randint(2, 9), total_time=ctx.rng.randint(8, 95))


# ------------------------------------------------------------------------------------------------ O-ONETABLE

def o_onetable(spec):
    """One long two-column table per run of sections (label | answer), section title rows merged and shaded;
    choices as Wingdings 2 symbols (w:sym F054 / F0A3) before each option word."""
    ctx = Ctx(spec, 'O-ONETABLE')
    S, rng = ctx.S, ctx.rng
    lw = pick(rng, [3500, 3700, 3900])
    grid = [lw, W - lw]
    label_fill = pick(rng, [None, 'F2F2F2'])
    breaks = rng.random() < 0.5
    ctx.info.update(label_width_twips=lw, label_fill=label_fill or 'none', address_style='w:br' if breaks else 'paragraphs')
    body = [title_block(ctx)]
    rows = []

    def flush():
        if rows:
            body.append(table(list(rows), grid))
            body.append(para('', after=80))
            rows.clear()

    for b in form_blocks(spec):
        if b[0] == 'section':
            if b[1] in ('agencies', 'declaration'):
                flush()
                body.append(para(run(b[2].upper() if b[1] == 'agencies' else b[2], bold=True, size=10.5,
                                     color=S['colour']), keep_next=True, before=120))
                continue
            rows.append(row([cell(para(run(b[2], bold=True, size=10.5)), W, fill=S['light'], span=2)],
                            cant_split=True))
        elif b[0] == 'child':
            rows.append(row([cell(para(run(b[2], bold=True, size=10, italic=True)), W, fill='F2F2F2', span=2)]))
        elif b[0] == 'item':
            it = b[1]
            lab = cell(para(run(it['label'], bold=True, size=9.5)), lw, fill=label_fill)
            if it['t'] == 'choice':
                ans = choice_xml(ctx, it, 'wd2')
            else:
                ans = answer_paras(it, breaks=breaks)
            rows.append(row([lab, cell(ans, W - lw)]))
        elif b[0] == 'agencies':
            body.append(agencies_table(ctx, b[1], S['light']))
            body.append(para('', after=80))
        elif b[0] == 'decl':
            body.append(decl_table(ctx, b[1], label_fill or 'F2F2F2', lw))
        elif b[0] == 'office':
            body.append(office_table(ctx, b[1], lw))
    flush()
    return package(ctx, ''.join(body), template='Normal.dotm'), ctx.info


# ------------------------------------------------------------------------------------------------ O-GRID4

def o_grid4(spec):
    """Four-column grid (label | answer | label | answer) under Heading 2 section titles with a rule; long
    answers span three columns; choices typed as words (sometimes with a few words after them)."""
    ctx = Ctx(spec, 'O-GRID4')
    S, rng = ctx.S, ctx.rng
    lw = pick(rng, [1950, 2100, 2250])
    aw = (W - 2 * lw) // 2
    grid = [lw, aw, lw, W - 2 * lw - aw]
    fill = pick(rng, ['E7E6E6', S['light']])
    ctx.info.update(label_width_twips=lw, label_fill=fill)
    body = [title_block(ctx, with_rule=False)]
    pending = []
    rows = []

    def answer(it):
        if it['t'] == 'choice':
            return para(run(typed_choice(it), size=10) if typed_choice(it) else '')
        return answer_paras(it, breaks=True)

    def lab(it, width):
        return cell(para(run(it['label'], bold=True, size=9)), width, fill=fill)

    def flush_pair():
        if pending:
            a = pending[0]
            cells = [lab(a, lw), cell(answer(a), aw)]
            if len(pending) > 1:
                b2 = pending[1]
                cells += [lab(b2, lw), cell(answer(b2), grid[3])]
            else:
                cells += [cell(para(''), lw, fill=fill), cell(para(''), grid[3])]
            rows.append(row(cells))
            pending.clear()

    def flush_table():
        flush_pair()
        if rows:
            body.append(table(list(rows), grid, color='808080'))
            rows.clear()

    for b in form_blocks(spec):
        if b[0] == 'section':
            flush_table()
            body.append(para(run(b[2], bold=True, size=12, color=S['colour']), style='Heading2',
                             border_bottom=(S['colour'], 8)))
        elif b[0] == 'child':
            flush_table()
            body.append(para(run(b[2], bold=True, size=10.5), before=120, keep_next=True))
        elif b[0] == 'item':
            it = b[1]
            if is_wide(it) or it['t'] == 'lines' or (it['t'] == 'choice' and it['kind'] == 'itype'):
                flush_pair()
                rows.append(row([lab(it, lw), cell(answer(it), W - lw, span=3)]))
            else:
                pending.append(it)
                if len(pending) == 2:
                    flush_pair()
        elif b[0] == 'agencies':
            flush_table()
            body.append(agencies_table(ctx, b[1], fill))
        elif b[0] == 'decl':
            flush_table()
            body.append(decl_table(ctx, b[1], fill))
        elif b[0] == 'office':
            body.append(office_table(ctx, b[1]))
    flush_table()
    return package(ctx, ''.join(body), template=f'{S["form_ref"]}.dotx'), ctx.info


# ------------------------------------------------------------------------------------------------ O-LABELABOVE

def o_labelabove(spec):
    """Label-above-answer boxes: each field a small bold label in a shaded cell over its answer cell, two or three
    fields per row; wide answers full width; choices as check-box content controls (w14) before each option."""
    ctx = Ctx(spec, 'O-LABELABOVE')
    S, rng = ctx.S, ctx.rng
    per = pick(rng, [2, 2, 3])
    cw = W // per
    grid = [cw] * (per - 1) + [W - cw * (per - 1)]
    lfill = pick(rng, ['F2F2F2', 'EDEDED', S['light']])
    ctx.info.update(boxes_per_row=per, label_fill=lfill)
    body = [title_block(ctx)]
    rows = []
    pending = []

    def answer(it):
        if it['t'] == 'choice':
            return choice_xml(ctx, it, 'sdt', size=10)
        return answer_paras(it, breaks=rng.random() < 0.5)

    def flush_pending():
        if not pending:
            return
        labs = []
        ans = []
        for k in range(per):
            w = grid[k]
            if k < len(pending):
                it = pending[k]
                labs.append(cell(para(run(it['label'], bold=True, size=8)), w, fill=lfill))
                ans.append(cell(answer(it), w))
            else:
                labs.append(cell(para(''), w, fill=lfill))
                ans.append(cell(para(''), w))
        rows.append(row(labs, cant_split=True))
        rows.append(row(ans, height=420))
        pending.clear()

    def flush_table():
        flush_pending()
        if rows:
            body.append(table(list(rows), grid, color='A6A6A6'))
            rows.clear()

    for b in form_blocks(spec):
        if b[0] == 'section':
            flush_table()
            body.append(para(run(b[2], bold=True, size=13, color=S['colour']), style='Heading1'))
        elif b[0] == 'child':
            flush_table()
            body.append(para(run(b[2], bold=True, size=11, color=S['colour']), style='Heading2'))
        elif b[0] == 'item':
            it = b[1]
            wide = is_wide(it, 48) or it['t'] in ('long', 'lines') or (it['t'] == 'choice' and it['kind'] == 'itype')
            if wide:
                flush_pending()
                rows.append(row([cell(para(run(it['label'], bold=True, size=8)), W, fill=lfill, span=per)],
                                cant_split=True))
                rows.append(row([cell(answer(it), W, span=per)], height=420))
            else:
                pending.append(it)
                if len(pending) == per:
                    flush_pending()
        elif b[0] == 'agencies':
            flush_table()
            body.append(agencies_table(ctx, b[1], lfill))
        elif b[0] == 'decl':
            flush_table()
            body.append(decl_table(ctx, b[1], lfill))
        elif b[0] == 'office':
            body.append(office_table(ctx, b[1]))
    flush_table()
    return package(ctx, ''.join(body), template='Normal.dotm'), ctx.info


# ------------------------------------------------------------------------------------------------ O-NUMBERED

def o_numbered(spec):
    """Numbered questions typed as '12.<tab>Question' (bold, hanging indent), the answer in the indented
    paragraph(s) under each; section headings in capitals with a rule; choices typed; agencies a numbered question
    followed by a table."""
    ctx = Ctx(spec, 'O-NUMBERED')
    S, rng = ctx.S, ctx.rng
    ind = pick(rng, [567, 709])
    body = [title_block(ctx)]
    num = 0
    empty_style = pick(rng, ['empty', 'empty', 'none'])
    ctx.info.update(indent_twips=ind, blank_answers=empty_style)
    for b in form_blocks(spec):
        if b[0] == 'section':
            body.append(para(run(b[2].upper(), bold=True, size=11, color=S['colour']), before=240, after=80,
                             border_bottom=(S['colour'], 6), keep_next=True))
        elif b[0] == 'child':
            body.append(para(run(b[2], bold=True, italic=True, size=10.5), before=120, keep_next=True))
        elif b[0] == 'item':
            it = b[1]
            num += 1
            body.append(para(run(f'{num}.\t{it["label"]}', bold=True, size=10), ind_left=ind, hanging=ind,
                             tabs=[ind], keep_next=True, after=20, before=80))
            apf = dict(ind_left=ind, after=60)
            if it['t'] == 'choice':
                txt = typed_choice(it)
                if txt or empty_style == 'empty':
                    body.append(para(run(txt, size=10) if txt else '', **apf))
            else:
                lines = item_lines(it)
                if lines or empty_style == 'empty':
                    body.append(answer_paras(it, pfmt=apf))
        elif b[0] == 'agencies':
            num += 1
            body.append(para(run(f'{num}.\tPlease list the agencies and professionals involved with the '
                                 f'{S["child_title"].lower()} and family', bold=True, size=10), ind_left=ind,
                             hanging=ind, tabs=[ind], keep_next=True, after=60, before=80))
            body.append(agencies_table(ctx, b[1], 'F2F2F2'))
        elif b[0] == 'decl':
            for lab, val in b[1]:
                body.append(para(run(f'{lab}: ', bold=True, size=10) + run(val, size=10), after=60))
        elif b[0] == 'office':
            body.append(para(run(S['sections']['office'], bold=True, size=9, color='595959'), before=240,
                             border_bottom=('7F7F7F', 4)))
            for lab in b[1]:
                body.append(para(run(f'{lab}:', size=9, color='595959'), after=40))
    return package(ctx, ''.join(body), template='Normal.dotm'), ctx.info


# ------------------------------------------------------------------------------------------------ O-TICKCOLS

def o_tickcols(spec):
    """Label | answer tables for typed answers; every yes/no question of a section in a 'Question | Yes | No |
    <third>' grid with a mark in the chosen column; the incident type a list with a tick column; the children a
    table with a row per child, then 'further details' per child."""
    ctx = Ctx(spec, 'O-TICKCOLS')
    S, rng = ctx.S, ctx.rng
    mark = pick(rng, ['X', 'X', 'x', '\u2713'])
    lw = pick(rng, [3300, 3600])
    fill = pick(rng, ['F2F2F2', S['light']])
    ctx.info.update(mark=mark, label_width_twips=lw)
    yn_words = S['yn']
    nyn = len(yn_words)
    qw = W - 1100 * nyn
    body = [title_block(ctx)]

    def text_table(items):
        rows = []
        for it in items:
            if it['t'] == 'choice':
                ans = para(run(typed_choice(it), size=10) if typed_choice(it) else '')
            else:
                ans = answer_paras(it, breaks=True)
            rows.append(row([cell(para(run(it['label'], bold=True, size=9.5)), lw, fill=fill), cell(ans, W - lw)]))
        return table(rows, [lw, W - lw]) + para('', after=60) if rows else ''

    def yn_table(items):
        rows = [row([cell(para(run('', size=9)), qw, fill=fill)] +
                    [cell(para(run(w, bold=True, size=9), align='center'), 1100, fill=fill) for w in yn_words],
                    header=True)]
        for it in items:
            cells = [cell(para(run(it['label'], size=9.5)), qw)]
            for k in range(nyn):
                on = it['chosen'] == k
                cells.append(cell(para(run(mark, bold=True, size=10) if on else '', align='center'), 1100,
                                  valign='center'))
            rows.append(row(cells))
        return table(rows, [qw] + [1100] * nyn) + para('', after=60)

    def itype_table(it):
        rows = [row([cell(para(run(it['label'], bold=True, size=9.5)), W - 1100, fill=fill),
                     cell(para(run('Tick one', bold=True, size=8.5), align='center'), 1100, fill=fill)])]
        for k, o in enumerate(it['options']):
            rows.append(row([cell(para(run(o, size=9.5)), W - 1100),
                             cell(para(run(mark, bold=True) if it['chosen'] == k else '', align='center'), 1100)]))
        return table(rows, [W - 1100, 1100]) + para('', after=60)

    def section_body(items):
        out = []
        texts, yns = [], []
        itype = None
        for it in items:
            if it['t'] == 'choice' and it['kind'] == 'yn':
                yns.append(it)
            elif it['t'] == 'choice' and it['kind'] == 'itype':
                itype = it
            else:
                texts.append(it)
        if texts:
            out.append(text_table(list(texts)))
        if itype:
            out.append(itype_table(itype))
        if yns:
            out.append(yn_table(list(yns)))
        return ''.join(out)

    def children_part():
        kids = spec.secs['children']
        ident_keys = ['fullname', 'forename', 'surname', 'dob', 'age', 'gender', 'ethnicity']
        cols = [it['label'] for it in kids[0] if it['key'] in ident_keys]
        n = len(cols)
        nw = 500
        cw = (W - nw) // n
        widths = [nw] + [cw] * (n - 1) + [W - nw - cw * (n - 1)]
        rows = [row([cell(para(run('No.', bold=True, size=8.5)), nw, fill=fill)] +
                    [cell(para(run(cl, bold=True, size=8.5)), widths[k + 1], fill=fill) for k, cl in enumerate(cols)],
                    header=True)]
        for i, items in enumerate(kids):
            cells = [cell(para(run(str(i + 1), size=9.5)), nw)]
            k = 1
            for it in items:
                if it['key'] not in ident_keys:
                    continue
                txt = typed_choice(it) if it['t'] == 'choice' else it['shown']
                cells.append(cell(para(run(txt, size=9.5) if txt else ''), widths[k]))
                k += 1
            rows.append(row(cells))
        out = [table(rows, widths), para('', after=80)]
        for i, items in enumerate(kids):
            rest = [it for it in items if it['key'] not in ident_keys]
            out.append(para(run(f'{S["child_title"]} {i + 1} - further details', bold=True, size=10.5,
                                color=S['colour']), keep_next=True, before=120))
            out.append(section_body(rest))
        return ''.join(out)

    blocks = form_blocks(spec)
    cur = []
    in_children = False

    def flush_section():
        if cur:
            body.append(section_body(list(cur)))
            cur.clear()

    for b in blocks:
        if b[0] == 'section':
            flush_section()
            body.append(para(run(b[2], bold=True, size=11.5, color='FFFFFF'), shading=S['colour'], before=200,
                             after=80, keep_next=True))
            in_children = b[1] == 'children'
            if in_children:
                body.append(children_part())
        elif b[0] in ('child',):
            continue
        elif b[0] == 'item':
            if in_children:
                continue
            cur.append(b[1])
        elif b[0] == 'agencies':
            flush_section()
            body.append(agencies_table(ctx, b[1], fill))
        elif b[0] == 'decl':
            flush_section()
            body.append(decl_table(ctx, b[1], fill))
        elif b[0] == 'office':
            body.append(office_table(ctx, b[1]))
    flush_section()
    return package(ctx, ''.join(body), template='Normal.dotm'), ctx.info


# ------------------------------------------------------------------------------------------------ Q-LIBRECOLONS source

def libre_colons_source(spec):
    """The Word form that LibreOffice exports for Q-LIBRECOLONS: 'Label:<tab>answer' paragraphs (bold labels, a tab
    stop), long answers in paragraphs under their label, section headings in bold with a rule, typed choices,
    agencies as a table."""
    ctx = Ctx(spec, 'Q-LIBRECOLONS')
    S, rng = ctx.S, ctx.rng
    tab = pick(rng, [3402, 3969, 4253])
    addr_under = rng.random() < 0.5
    ctx.info.update(tab_stop_twips=tab, address=('lines under label' if addr_under else 'after the label'))
    body = [title_block(ctx)]

    def lab_text(label):
        return label if label.endswith(('?', ')', ':')) else label + ':'

    for b in form_blocks(spec):
        if b[0] == 'section':
            body.append(para(run(b[2], bold=True, size=11.5, color=S['colour']), before=240, after=100,
                             border_bottom=(S['colour'], 6), keep_next=True))
        elif b[0] == 'child':
            body.append(para(run(b[2], bold=True, underline=True, size=10.5), before=120, keep_next=True))
        elif b[0] == 'item':
            it = b[1]
            if it['t'] == 'choice':
                txt = typed_choice(it)
                body.append(para(run(lab_text(it['label']), bold=True) + run('\t' + txt), tabs=[tab], ind_left=tab,
                                 hanging=tab, after=60))
            elif it['t'] == 'long' or (it['t'] == 'lines' and addr_under and len(it['shown']) > 1):
                body.append(para(run(lab_text(it['label']), bold=True), after=40, keep_next=True))
                lines = item_lines(it)
                if not lines:
                    body.append(para('', after=60))
                for j, ln in enumerate(lines):
                    body.append(para(run(ln), ind_left=284, after=(100 if it['t'] == 'long' else 0)
                                     if j < len(lines) - 1 else 100))
            else:
                lines = item_lines(it)
                txt = '\n'.join(lines) if it['t'] == 'lines' else (lines[0] if lines else '')
                body.append(para(run(lab_text(it['label']), bold=True) + run('\t' + txt), tabs=[tab], ind_left=tab,
                                 hanging=tab, after=60))
        elif b[0] == 'agencies':
            body.append(agencies_table(ctx, b[1], 'E7E6E6', size=9))
        elif b[0] == 'decl':
            for lab, val in b[1]:
                body.append(para(run(lab_text(lab), bold=True) + run('\t' + val), tabs=[tab], after=60))
        elif b[0] == 'office':
            body.append(para(run(S['sections']['office'], bold=True, size=9, color='595959'), before=240,
                             border_bottom=('7F7F7F', 4)))
            for lab in b[1]:
                body.append(para(run(f'{lab}:', size=9, color='595959'), after=40))
    return package(ctx, ''.join(body), template='Normal.dotm'), ctx.info


WORD_LAYOUTS = {'O-ONETABLE': o_onetable, 'O-GRID4': o_grid4, 'O-LABELABOVE': o_labelabove,
                'O-NUMBERED': o_numbered, 'O-TICKCOLS': o_tickcols}
