"""The five PDF layouts of plain28: reportlab pages (invariant mode), a fillable form completed with pypdf, and the
LibreOffice export with its run-dependent bytes normalised."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from p28_forms import form_blocks, guidance, is_wide, item_lines, typed_choice

PW, PH = A4
TOP = PH - 56          # body top (reportlab y)
BOTTOM = 56            # body bottom
LEFT = 56.7
RIGHT = PW - 56.7
BODY_W = RIGHT - LEFT

_FONTS_DONE = False


def fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    base = '/usr/share/fonts/truetype'
    for name, path in [('LibSans', 'liberation/LiberationSans-Regular.ttf'),
                       ('LibSans-Bold', 'liberation/LiberationSans-Bold.ttf'),
                       ('LibSans-Italic', 'liberation/LiberationSans-Italic.ttf'),
                       ('LibSerif', 'liberation/LiberationSerif-Regular.ttf'),
                       ('LibSerif-Bold', 'liberation/LiberationSerif-Bold.ttf'),
                       ('DejaVu', 'dejavu/DejaVuSans.ttf'), ('DejaVu-Bold', 'dejavu/DejaVuSans-Bold.ttf'),
                       ('DejaVuCond', 'dejavu/DejaVuSansCondensed.ttf'),
                       ('DejaVuCond-Bold', 'dejavu/DejaVuSansCondensed-Bold.ttf')]:
        pdfmetrics.registerFont(TTFont(name, os.path.join(base, path)))
    _FONTS_DONE = True


def hexcol(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


# ------------------------------------------------------------------------------------------------ text layout

def wrap(text, font, size, width):
    """Greedy word wrap; words longer than the width are broken by characters."""
    words = text.split(' ')
    lines, cur = [], ''
    sw = pdfmetrics.stringWidth
    for w in words:
        cand = w if not cur else cur + ' ' + w
        if sw(cand, font, size) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
            cur = ''
        while sw(w, font, size) > width:
            k = len(w)
            while k > 1 and sw(w[:k], font, size) > width:
                k -= 1
            lines.append(w[:k])
            w = w[k:]
        cur = w
    lines.append(cur)
    return lines


class Line:
    """One drawn line: runs of (text, font, size, colour); height = leading."""

    def __init__(self, runs, lead, gap=0.0):
        self.runs = runs
        self.lead = lead
        self.gap = gap  # extra space after the line (paragraph spacing)


def para_lines(text, font, size, width, color=(0, 0, 0), lead=None, gap=0.0):
    lead = lead or size * 1.22
    out = [Line([(t, font, size, color)], lead) for t in wrap(text, font, size, width)]
    if out:
        out[-1].gap = gap
    return out


class Flow:
    """Pages on one reportlab canvas, with a running header and footer and rows that may move or split."""

    def __init__(self, buf, S, *, producer, creator, title, author, subject='', header=None, footer=None,
                 total_pages=None, page_words=('Page ', ' of ')):
        fonts()
        self.c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setProducer(producer)
        self.c.setCreator(creator)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.c.setSubject(subject)
        self.S = S
        self.page = 1
        self.total = total_pages
        self.header = header
        self.footer = footer
        self.page_words = page_words
        self.y = TOP
        self._start_page()

    def _start_page(self):
        if self.header:
            self.header(self)
        self.y = TOP

    def _end_page(self):
        if self.footer:
            self.footer(self)

    def new_page(self):
        self._end_page()
        self.c.showPage()
        self.page += 1
        self._start_page()

    def finish(self):
        self._end_page()
        self.c.save()
        return self.page

    def avail(self):
        return self.y - BOTTOM

    def draw_lines(self, lines, x, y_top, pad_top):
        """Draw lines from y_top downwards; returns nothing. Runs are drawn in order (stream order)."""
        c = self.c
        y = y_top - pad_top
        for ln in lines:
            y -= ln.lead
            xx = x
            for text, font, size, color in ln.runs:
                c.setFillColorRGB(*color)
                c.setFont(font, size)
                c.drawString(xx, y + ln.lead * 0.22, text)
                xx += pdfmetrics.stringWidth(text, font, size)
            y -= ln.gap

    def text_block(self, lines, x=LEFT, pad=0):
        """Paragraph lines outside tables; page breaks between lines."""
        for ln in lines:
            h = ln.lead + ln.gap
            if self.y - h < BOTTOM:
                self.new_page()
            self.draw_lines([ln], x, self.y, 0)
            self.y -= h
        self.y -= pad

    def row(self, cells, *, pad=3.0, min_h=0.0, border=(0.5, (0, 0, 0)), split_ok=True, keep=0.0,
            repeat_header=None):
        """cells: list of dict(x, w, lines, fill). Moves the row to a new page if it does not fit; a row taller
        than the body height, or a long row when split_ok, is split between lines."""
        def height(cs):
            return max([sum(l.lead + l.gap for l in c_['lines']) for c_ in cs] + [0]) + 2 * pad

        h = max(height(cells), min_h)
        if h + keep <= self.avail():
            self._draw_row(cells, h, pad, border)
            return
        body = TOP - BOTTOM
        if split_ok and (h > 0.35 * body) and self.avail() > 60:
            # split between lines: fill what fits on this page, carry the rest
            room = self.avail() - 2 * pad
            first, rest = [], []
            for c_ in cells:
                acc, k = 0.0, 0
                for ln in c_['lines']:
                    if acc + ln.lead > room:
                        break
                    acc += ln.lead + ln.gap
                    k += 1
                first.append(dict(c_, lines=c_['lines'][:k]))
                rest.append(dict(c_, lines=c_['lines'][k:]))
            self._draw_row(first, self.avail(), pad, border)
            self.new_page()
            if repeat_header:
                repeat_header()
            self.row(rest, pad=pad, min_h=0, border=border, split_ok=True, repeat_header=repeat_header)
            return
        self.new_page()
        if repeat_header:
            repeat_header()
        if h > self.avail():
            self.row(cells, pad=pad, min_h=min_h, border=border, split_ok=True, repeat_header=repeat_header)
            return
        self._draw_row(cells, h, pad, border)

    def _draw_row(self, cells, h, pad, border):
        c = self.c
        for c_ in cells:
            if c_.get('fill'):
                c.setFillColorRGB(*c_['fill'])
                c.rect(c_['x'], self.y - h, c_['w'], h, stroke=0, fill=1)
        if border:
            bw, bc = border
            c.setLineWidth(bw)
            c.setStrokeColorRGB(*bc)
            for c_ in cells:
                if c_.get('noborder'):
                    continue
                c.rect(c_['x'], self.y - h, c_['w'], h, stroke=1, fill=0)
        for c_ in cells:
            self.draw_lines(c_['lines'], c_['x'] + c_.get('padx', 4), self.y, pad)
        self.y -= h

    def bar(self, text, fill, color=(1, 1, 1), font='LibSans-Bold', size=10.5, h=17, keep=60):
        if self.avail() < h + keep:
            self.new_page()
        c = self.c
        c.setFillColorRGB(*fill)
        c.rect(LEFT, self.y - h, BODY_W, h, stroke=0, fill=1)
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        c.drawString(LEFT + 5, self.y - h + (h - size) / 2 + 1.5, text)
        self.y -= h

    def gap(self, h):
        self.y -= h


def std_header(marking, partnership, font='LibSans', bold='LibSans-Bold'):
    def hdr(fl):
        c = fl.c
        c.setFont(bold, 8.5)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(LEFT, PH - 34, marking)
        c.setFont(font, 8)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawRightString(RIGHT, PH - 34, partnership)
    return hdr


def std_footer(left, mid, font='LibSans', with_total=True):
    def ftr(fl):
        c = fl.c
        c.setFont(font, 8)
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.drawString(LEFT, 30, left)
        if mid:
            c.drawCentredString(PW / 2, 30, mid)
        if with_total and fl.total:
            c.drawRightString(RIGHT, 30, f'{fl.page_words[0]}{fl.page}{fl.page_words[1]}{fl.total}')
        else:
            c.drawRightString(RIGHT, 30, f'{fl.page_words[0]}{fl.page}')
    return ftr


def title_lines(S, font='LibSans', bold='LibSans-Bold', title_size=17):
    col = hexcol(S['colour'])
    out = para_lines(S['partnership'], bold, 10.5, BODY_W, col, gap=2)
    out += para_lines(S['title'], bold, title_size, BODY_W, col, gap=3)
    out += para_lines(S['subtitle'], font.replace('LibSans', 'LibSans-Italic') if font == 'LibSans' else font, 9,
                      BODY_W, (0.25, 0.25, 0.25), gap=2)
    out += para_lines(guidance(S), font, 8.5, BODY_W, (0, 0, 0), gap=8)
    return out


def two_pass(render):
    """Render twice: the first pass counts the pages for 'Page n of N'."""
    buf = io.BytesIO()
    total = render(buf, None)
    buf = io.BytesIO()
    total2 = render(buf, total)
    assert total2 == total, (total, total2)
    return buf.getvalue(), total


def set_dates(pdf: bytes, when: dt.datetime) -> bytes:
    """reportlab's invariant mode writes fixed dates; put the case's dates in their place (same length)."""
    stamp = when.strftime('%Y%m%d%H%M%S')
    out = re.sub(rb"\(D:20000101000000\+00'00'\)", f"(D:{stamp}+00'00')".encode(), pdf)
    return out


# ------------------------------------------------------------------------------------------------ shared drawing

def glyph_runs(it, font, size, after=False, glyph_font='DejaVu'):
    """Runs for a choice with ☒ / ☐ glyphs before (or after) each option word; itype options one per line."""
    lines = []
    cur = []
    one_per_line = it['kind'] == 'itype'
    for k, o in enumerate(it['options']):
        g = '\u2612' if it['chosen'] == k else '\u2610'
        if after:
            piece = [(o + ' ', font, size, (0, 0, 0)), (g, glyph_font, size, (0, 0, 0))]
        else:
            piece = [(g, glyph_font, size, (0, 0, 0)), (' ' + o, font, size, (0, 0, 0))]
        if not one_per_line and cur:
            piece = [('   ', font, size, (0, 0, 0))] + piece
        if one_per_line:
            lines.append(Line(piece, size * 1.3))
        else:
            cur += piece
    if cur:
        lines.append(Line(cur, size * 1.3))
    return lines


def answer_lines(it, font, size, width, choice='typed', after=False):
    if it['t'] == 'choice':
        if choice == 'glyph':
            return glyph_runs(it, font, size, after=after)
        txt = typed_choice(it)
        return para_lines(txt, font, size, width) if txt else []
    out = []
    paras = item_lines(it)
    for j, p in enumerate(paras):
        gap = 4 if (it['t'] == 'long' and j < len(paras) - 1) else 0
        out += para_lines(p, font, size, width, gap=gap)
    return out


def agencies_rows(fl, it, font, bold, size, head_fill, x=LEFT, width=BODY_W):
    cols = it['columns']
    n = len(cols)
    fr = {3: [0.3, 0.33, 0.37], 4: [0.28, 0.24, 0.16, 0.32]}[n]
    ws = [width * f for f in fr]
    xs = [x + sum(ws[:k]) for k in range(n)]

    def head():
        fl.row([dict(x=xs[k], w=ws[k], fill=head_fill, lines=para_lines(t, bold, size, ws[k] - 8))
                for k, (t, _) in enumerate(cols)], split_ok=False)
    head()
    for r in it['rows']:
        fl.row([dict(x=xs[k], w=ws[k], lines=para_lines(v, font, size, ws[k] - 8) if v else [])
                for k, v in enumerate(r)], min_h=14, split_ok=False, repeat_header=head)
    for _ in range(it['spare']):
        fl.row([dict(x=xs[k], w=ws[k], lines=[]) for k in range(n)], min_h=14, split_ok=False)


def meta_dates(case, rng):
    created = dt.datetime.combine(case['ref_date'], dt.time(rng.randint(9, 16), rng.randint(0, 59),
                                                            rng.randint(0, 59)))
    return created


# ------------------------------------------------------------------------------------------------ Q-BOXESPDF

def q_boxespdf(spec):
    """Label-above-answer boxes (two per row; label in a shaded strip over the answer), saved as PDF by Word:
    ☒ / ☐ glyphs before each option word."""
    S, rng, case = spec.S, spec.rng, spec.case
    col = hexcol(S['colour'])
    lfill = pick(rng, [(0.95, 0.95, 0.95), (0.93, 0.93, 0.93), hexcol(S['light'])])
    font, bold = 'LibSans', 'LibSans-Bold'
    producer = pick(rng, ['Microsoft® Word 2019', 'Microsoft® Word for Microsoft 365', 'Microsoft® Word 2016'])
    info = dict(producer=producer, creator=producer, boxes_per_row=2)
    blocks = form_blocks(spec)

    def render(buf, total):
        fl = Flow(buf, S, producer=producer, creator=producer, title=S['title'], author=case['referrer']['name'],
                  header=std_header(S['marking'], S['partnership']),
                  footer=std_footer(S['form_ref'], S['org']), total_pages=total)
        fl.text_block(title_lines(S), pad=4)
        pending = []
        half = BODY_W / 2

        def box_pair(items):
            labs, ans = [], []
            for k, it in enumerate(items):
                x = LEFT + k * half
                w = half if len(items) == 2 else BODY_W
                labs.append(dict(x=x, w=w, fill=lfill, lines=para_lines(it['label'], bold, 7.5, w - 8)))
                ans.append(dict(x=x, w=w, lines=answer_lines(it, font, 9.5, w - 8, choice='glyph')))
            if len(items) == 1 and not is_wide_item(items[0]):
                labs.append(dict(x=LEFT + half, w=half, fill=lfill, lines=[]))
                ans.append(dict(x=LEFT + half, w=half, lines=[]))
                labs[0]['w'] = ans[0]['w'] = half
            fl.row(labs, pad=2, split_ok=False, keep=24, border=(0.4, (0.55, 0.55, 0.55)))
            fl.row(ans, pad=3, min_h=20, border=(0.4, (0.55, 0.55, 0.55)))

        def flush():
            if pending:
                box_pair(list(pending))
                pending.clear()

        for b in blocks:
            if b[0] == 'section':
                flush()
                fl.gap(8)
                if fl.avail() < 90:
                    fl.new_page()
                fl.text_block(para_lines(b[2], bold, 12.5, BODY_W, col, gap=3))
            elif b[0] == 'child':
                flush()
                fl.gap(4)
                fl.text_block(para_lines(b[2], bold, 10.5, BODY_W, col, gap=2))
            elif b[0] == 'item':
                it = b[1]
                if is_wide_item(it):
                    flush()
                    box_pair([it])
                else:
                    pending.append(it)
                    if len(pending) == 2:
                        flush()
            elif b[0] == 'agencies':
                flush()
                agencies_rows(fl, b[1], font, bold, 8.5, lfill)
            elif b[0] == 'decl':
                flush()
                for lab, val in b[1]:
                    fl.row([dict(x=LEFT, w=150, fill=lfill, lines=para_lines(lab, bold, 8.5, 142)),
                            dict(x=LEFT + 150, w=BODY_W - 150, lines=para_lines(val, font, 9.5, BODY_W - 158))],
                           min_h=16, split_ok=False)
            elif b[0] == 'office':
                fl.gap(10)
                fl.bar(S['sections']['office'], (0.5, 0.5, 0.5), size=8.5, h=14)
                for lab in b[1]:
                    fl.row([dict(x=LEFT, w=150, fill=(0.95, 0.95, 0.95),
                                 lines=para_lines(lab, font, 8, 142, (0.35, 0.35, 0.35))),
                            dict(x=LEFT + 150, w=BODY_W - 150, lines=[])], min_h=14, split_ok=False)
        flush()
        return fl.finish()

    pdf, total = two_pass(render)
    info['pages'] = total
    return set_dates(pdf, meta_dates(case, rng)), info


def is_wide_item(it):
    return is_wide(it, 50) or it['t'] in ('long', 'lines') or (it['t'] == 'choice' and it['kind'] == 'itype')


# ------------------------------------------------------------------------------------------------ Q-QUESTIONTABLE

def q_questiontable(spec):
    """A three-column 'No. | Question | Response' table form printed to PDF: section rows shaded across the table,
    questions numbered per section (3.4), the header row repeated on each page; choices as 'Yes ☒  No ☐'."""
    S, rng, case = spec.S, spec.rng, spec.case
    font, bold = pick(rng, [('LibSans', 'LibSans-Bold'), ('LibSerif', 'LibSerif-Bold')])
    hfill = hexcol(S['light'])
    wn = 34
    wq = pick(rng, [190, 205, 220])
    wr = BODY_W - wn - wq
    xs = [LEFT, LEFT + wn, LEFT + wn + wq]
    creator = 'Microsoft® Word for Microsoft 365'
    info = dict(producer='Microsoft: Print To PDF', creator=creator, question_width_pt=wq,
                font='Liberation ' + ('Serif' if 'Serif' in font else 'Sans'))
    blocks = form_blocks(spec)
    head_words = pick(rng, [('No.', 'Question', 'Response'), ('Ref', 'Question', 'Answer'),
                            ('No.', 'Information required', 'Details')])
    info['columns'] = ' | '.join(head_words)

    def render(buf, total):
        fl = Flow(buf, S, producer='Microsoft: Print To PDF', creator=creator, title=S['title'],
                  author=case['referrer']['name'], header=std_header(S['marking'], S['partnership'], font, bold),
                  footer=std_footer(S['form_ref'], '', font), total_pages=total)
        fl.text_block(title_lines(S, font, bold, 16), pad=4)

        def head():
            fl.row([dict(x=xs[k], w=w, fill=(0.85, 0.85, 0.85), lines=para_lines(t, bold, 9, w - 8))
                    for k, (t, w) in enumerate(zip(head_words, (wn, wq, wr)))], split_ok=False)
        head()
        sec_no = 0
        q_no = 0
        for b in blocks:
            if b[0] == 'section':
                sec_no += 1
                q_no = 0
                fl.row([dict(x=LEFT, w=BODY_W, fill=hfill, lines=para_lines(b[2], bold, 10, BODY_W - 8))],
                       split_ok=False, keep=30, repeat_header=head)
            elif b[0] == 'child':
                fl.row([dict(x=LEFT, w=BODY_W, fill=(0.95, 0.95, 0.95),
                             lines=para_lines(b[2], bold, 9.5, BODY_W - 8))], split_ok=False, keep=30,
                       repeat_header=head)
            elif b[0] == 'item':
                it = b[1]
                q_no += 1
                fl.row([dict(x=xs[0], w=wn, lines=para_lines(f'{sec_no}.{q_no}', font, 8.5, wn - 6)),
                        dict(x=xs[1], w=wq, lines=para_lines(it['label'], bold, 9, wq - 8)),
                        dict(x=xs[2], w=wr, lines=answer_lines(it, font, 9.5, wr - 8, choice='glyph', after=True))],
                       min_h=15, repeat_header=head)
            elif b[0] == 'agencies':
                q_no += 1
                fl.row([dict(x=xs[0], w=wn, lines=para_lines(f'{sec_no}.{q_no}', font, 8.5, wn - 6)),
                        dict(x=xs[1], w=BODY_W - wn, lines=para_lines(
                            'Agencies and professionals currently or recently involved (add rows as needed)', bold, 9,
                            BODY_W - wn - 8))], split_ok=False, keep=40, repeat_header=head)
                agencies_rows(fl, b[1], font, bold, 8.5, (0.93, 0.93, 0.93))
                fl.gap(6)
                head()
            elif b[0] == 'decl':
                for lab, val in b[1]:
                    q_no += 1
                    fl.row([dict(x=xs[0], w=wn, lines=para_lines(f'{sec_no}.{q_no}', font, 8.5, wn - 6)),
                            dict(x=xs[1], w=wq, lines=para_lines(lab, bold, 9, wq - 8)),
                            dict(x=xs[2], w=wr, lines=para_lines(val, font, 9.5, wr - 8))], min_h=15,
                           repeat_header=head)
            elif b[0] == 'office':
                fl.gap(12)
                fl.bar(S['sections']['office'], (0.45, 0.45, 0.45), font=bold, size=8.5, h=14)
                for lab in b[1]:
                    fl.row([dict(x=LEFT, w=wn + wq, fill=(0.95, 0.95, 0.95),
                                 lines=para_lines(lab, font, 8, wn + wq - 8, (0.35, 0.35, 0.35))),
                            dict(x=xs[2], w=wr, lines=[])], min_h=14, split_ok=False)
        return fl.finish()

    pdf, total = two_pass(render)
    info['pages'] = total
    return set_dates(pdf, meta_dates(case, rng)), info


# ------------------------------------------------------------------------------------------------ Q-CASEPRINT

SYSTEMS = {
    'dunstanmoor_csc': ('Meridian Children\'s Record', 'Form: Rapid Review referral (DSCP)'),
    'halsey_mcit': ('Sentinel RMS', 'Safeguarding notification - partner agency (TSCP N2)'),
    'stmargarets_pri': ('SafeLog for Schools', 'Incident referral - external agency (OHC SCP SR3)'),
    'greythorne_picu': ('WardView EPR', 'Safeguarding: partnership referral (LCSP-H1)'),
    'brightstep_mentor': ('MentorLink CRM', 'Safeguarding concern - partnership request (KSP CVS-1)'),
    'wreyburn_send': ('SENDpath Case Manager', 'Rapid Review request (WSCP-RR)'),
}


def q_caseprint(spec):
    """A case-management system's print of the completed form: the system's banner and record details, sections as
    dark bars, each question a row of grey label and black answer with a hairline under it (no boxes); choices as
    words; agencies as a grid."""
    S, rng, case = spec.S, spec.rng, spec.case
    system, formname = SYSTEMS[case['sender']]
    font, bold = 'LibSans', 'LibSans-Bold'
    lw = pick(rng, [0.38, 0.42]) * BODY_W
    producer = 'iText® 5.5.13 ©2000-2018 iText Group NV (AGPL-version)'
    printed = dt.datetime.combine(case['ref_date'], dt.time(rng.randint(9, 17), rng.randint(0, 59)))
    user = case['referrer']['name'].split()[-1].upper()[:6] + str(rng.randint(10, 99))
    rec_id = f'{rng.randint(100000, 999999)}'
    info = dict(producer=producer, creator=system, system=system, label_width_pt=round(lw))
    blocks = form_blocks(spec)
    dark = (0.27, 0.3, 0.33)

    def hdr(fl):
        c = fl.c
        c.setFont(bold, 8)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(LEFT, PH - 34, S['marking'])
        c.setFont(font, 8)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawRightString(RIGHT, PH - 34, f'{system}  |  Record {rec_id}')

    def ftr(fl):
        c = fl.c
        c.setFont(font, 7.5)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.drawString(LEFT, 30, f'Printed {printed.strftime("%d/%m/%Y %H:%M")} by {user}')
        c.drawRightString(RIGHT, 30, f'Page {fl.page} of {fl.total or 1}')

    def render(buf, total):
        fl = Flow(buf, S, producer=producer, creator=system, title=formname, author=system, header=hdr, footer=ftr,
                  total_pages=total)
        c = fl.c
        # banner
        c.setFillColorRGB(*hexcol(S['colour']))
        c.rect(LEFT, fl.y - 40, BODY_W, 40, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(bold, 13)
        c.drawString(LEFT + 8, fl.y - 18, formname)
        c.setFont(font, 8.5)
        c.drawString(LEFT + 8, fl.y - 32, f'{S["org"]} - {S["team"]}')
        fl.y -= 48
        fl.text_block(para_lines(f'Status: Completed    Recipient: {S["partnership"]}', font, 8.5, BODY_W,
                                 (0.3, 0.3, 0.3), gap=2))
        fl.text_block(para_lines(guidance(S), font, 8, BODY_W, (0.3, 0.3, 0.3), gap=6))

        def qrow(label, lines):
            fl.row([dict(x=LEFT, w=lw, lines=para_lines(label, font, 8.5, lw - 10, (0.33, 0.33, 0.33)),
                         noborder=True),
                    dict(x=LEFT + lw, w=BODY_W - lw, lines=lines, noborder=True)], pad=3, min_h=14, border=None)
            c.setStrokeColorRGB(0.8, 0.8, 0.8)
            c.setLineWidth(0.4)
            c.line(LEFT, fl.y, RIGHT, fl.y)

        for b in blocks:
            if b[0] == 'section':
                fl.gap(6)
                fl.bar(b[2], dark, size=9.5, h=16, keep=40)
                fl.gap(2)
            elif b[0] == 'child':
                fl.gap(2)
                fl.text_block(para_lines(b[2], bold, 9.5, BODY_W, hexcol(S['colour']), gap=1))
            elif b[0] == 'item':
                it = b[1]
                qrow(it['label'], answer_lines(it, font, 9.5, BODY_W - lw - 8))
            elif b[0] == 'agencies':
                agencies_rows(fl, b[1], font, bold, 8.5, (0.9, 0.9, 0.9))
            elif b[0] == 'decl':
                for lab, val in b[1]:
                    qrow(lab, para_lines(val, font, 9.5, BODY_W - lw - 8))
            elif b[0] == 'office':
                pass
        return fl.finish()

    pdf, total = two_pass(render)
    info['pages'] = total
    return set_dates(pdf, printed), info


# ------------------------------------------------------------------------------------------------ Q-FILLABLE

def fld_name(text):
    return re.sub(r'[^A-Za-z0-9]', '', text.title())


def q_fillable(spec):
    """A fillable form, filled in: labels printed to the left of the fields; text fields with plain names and
    appearance streams; yes/no and gender as combo boxes; the incident type a check box per option (/Yes)."""
    from p28_acro import fillable
    return fillable(spec)


# ------------------------------------------------------------------------------------------------ Q-LIBRECOLONS

def libre_convert(docx_paths: list[str], outdir: str) -> None:
    """Run LibreOffice once, headless, with a private temporary profile."""
    prof = tempfile.mkdtemp(prefix='p28lo')
    try:
        cmd = ['soffice', f'-env:UserInstallation=file://{prof}', '--headless', '--norestore', '--convert-to',
               'pdf:writer_pdf_Export', '--outdir', outdir] + docx_paths
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def libre_normalise(pdf: bytes, name: str, when: dt.datetime) -> bytes:
    """Replace LibreOffice's run-dependent bytes (CreationDate, /ID, /DocChecksum) by values derived from the
    case, keeping every length (so the xref stays valid)."""
    def sub_once(pattern, repl, data):
        new, k = re.subn(pattern, repl, data)
        return new
    stamp = when.strftime('%Y%m%d%H%M%S')
    pdf = sub_once(rb"/CreationDate\(D:\d{14}", b'/CreationDate(D:' + stamp.encode(), pdf)
    h = hashlib.md5(name.encode()).hexdigest().upper().encode()
    pdf = sub_once(rb'/ID \[ ?<[0-9A-F]{32}>\s*<[0-9A-F]{32}> ?\]',
                   lambda m: re.sub(rb'<[0-9A-F]{32}>', b'<' + h + b'>', m.group(0)), pdf)
    pdf = sub_once(rb'/DocChecksum /[0-9A-F]{32}', b'/DocChecksum /' + h, pdf)
    return pdf


PDF_LAYOUTS = {'Q-BOXESPDF': q_boxespdf, 'Q-FILLABLE': q_fillable, 'Q-QUESTIONTABLE': q_questiontable,
               'Q-CASEPRINT': q_caseprint}
