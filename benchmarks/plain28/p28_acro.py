"""Q-FILLABLE: a fillable PDF form (the page drawn with reportlab, the AcroForm fields added with pypdf), filled in."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)
from reportlab.pdfbase import pdfmetrics

from p28_forms import form_blocks, is_wide, item_lines
from p28_pdf import (BODY_W, LEFT, Flow, hexcol, para_lines, pick, std_footer, std_header, title_lines, wrap,
                     BOTTOM)

FSIZE = 9.0
LEAD = 10.8

KEYNAMES = {
    'date_of_referral': 'DateOfReferral', 'ref_name': 'ReferrerName', 'ref_role': 'ReferrerRole',
    'ref_agency': 'ReferrerAgency', 'ref_email': 'ReferrerEmail', 'ref_phone': 'ReferrerPhone',
    'lead_name': 'LeadName', 'lead_role': 'LeadRole', 'lead_agency': 'LeadAgency', 'lead_email': 'LeadEmail',
    'lead_phone': 'LeadPhone', 'discussed': 'LeadDiscussed',
    'fullname': 'FullName', 'forename': 'Forename', 'surname': 'Surname', 'other_names': 'OtherNames',
    'dob': 'DOB', 'age': 'Age', 'gender': 'Gender', 'ethnicity': 'Ethnicity', 'address': 'Address',
    'school': 'School', 'gp': 'GP', 'legal_status': 'LegalStatus', 'cp_plan': 'CPPlan', 'open_to_csc': 'OpenToCSC',
    'looked_after': 'LookedAfter', 'disability': 'Disability', 'date_of_death': 'DateOfDeath',
    'incident_date': 'IncidentDate', 'la_aware': 'DateLAAware', 'location': 'IncidentLocation',
    'other_detail': 'OtherDetails', 'summary': 'Summary', 'police': 'PoliceInvolved', 'crit_harm': 'CritHarm',
    'crit_abuse': 'CritAbuse', 'crit_local': 'CritLocal', 'crit_learning': 'CritLearning', 'reason': 'Reason',
    'panel': 'PanelNotified', 'panel_date': 'PanelDate', 'immediate': 'ImmediateConcerns',
}
TYPE_NAMES = ['TypeDeath', 'TypeSeriousHarm', 'TypeLACDeath', 'TypeCareLeaverDeath', 'TypeOther']


def wlines(text, width):
    out = []
    for para in text.split('\r'):
        out += wrap(para, 'Helvetica', FSIZE, width) if para else ['']
    return out


def fillable(spec):
    S, rng, case = spec.S, spec.rng, spec.case
    col = hexcol(S['colour'])
    font, bold = 'LibSans', 'LibSans-Bold'
    lw = pick(rng, [175, 190, 205])
    fx = LEFT + lw
    fw = BODY_W - lw
    tooltips = rng.random() < 0.5
    producer = pick(rng, ['Adobe Acrobat Pro (64-bit) 24.1.20643', 'Adobe Acrobat Pro 2020 20.5.30636'])
    creator = 'Adobe Acrobat Pro (64-bit) 24.1.20643' if '24' in producer else 'Acrobat PDFMaker 20 for Word'
    info = dict(producer=producer, creator=creator, tooltips=tooltips, label_width_pt=lw)
    blocks = form_blocks(spec)
    fields = []

    def render(buf, total):
        fields.clear()
        fl = Flow(buf, S, producer=producer, creator=creator, title=S['title'], author=S['partnership'],
                  header=std_header(S['marking'], S['partnership']), footer=std_footer(S['form_ref'], S['org']),
                  total_pages=total)
        c = fl.c
        fl.text_block(title_lines(S), pad=2)
        fl.text_block(para_lines('This form can be completed on screen. Save it and send it as an attachment.', font,
                                 8, BODY_W, (0.3, 0.3, 0.3), gap=6))
        child_no = [0]

        def box(x, y, w, h):
            c.setStrokeColorRGB(0.55, 0.55, 0.55)
            c.setLineWidth(0.5)
            c.setFillColorRGB(0.93, 0.95, 0.99)
            c.rect(x, y, w, h, stroke=1, fill=1)

        def add_field(**kw):
            kw['page'] = fl.page - 1
            fields.append(kw)

        def label_row(label, h):
            lines = para_lines(label, bold, 8.5, lw - 10)
            lh = sum(l.lead for l in lines) + 4
            need = max(h, lh) + 5
            if fl.avail() < need:
                fl.new_page()
            fl.draw_lines(lines, LEFT, fl.y, 2)
            return need

        def prefix():
            return f'Child{child_no[0]}' if child_no[0] else ''

        for b in blocks:
            if b[0] == 'section':
                fl.gap(6)
                fl.bar(b[2], col, size=10, h=16, keep=50)
                fl.gap(5)
                if b[1] == 'children' and len(spec.secs['children']) == 1:
                    child_no[0] = 1
                elif b[1] != 'children':
                    child_no[0] = 0
            elif b[0] == 'child':
                child_no[0] = b[1] + 1
                if fl.avail() < 40:
                    fl.new_page()
                fl.text_block(para_lines(b[2], bold, 10, BODY_W, col, gap=3))
            elif b[0] == 'item':
                it = b[1]
                base = KEYNAMES.get(it['key']) or ''.join(w.capitalize() for w in
                                                           ''.join(ch if ch.isalnum() else ' '
                                                                   for ch in it['label']).split()[:4])
                name = prefix() + base
                if it['t'] == 'choice' and it['kind'] == 'itype':
                    need = label_row(it['label'], 14 * len(it['options']))
                    y0 = fl.y
                    for k, o in enumerate(it['options']):
                        yy = y0 - 2 - 14 * (k + 1) + 2
                        box(fx, yy, 10, 10)
                        c.setFillColorRGB(0, 0, 0)
                        c.setFont(font, 9)
                        c.drawString(fx + 15, yy + 2, o)
                        add_field(kind='check', name=TYPE_NAMES[k], rect=(fx, yy, 10, 10),
                                  on=it['chosen'] == k, tip=o)
                    fl.y -= need
                elif it['t'] == 'choice':
                    need = label_row(it['label'], 14)
                    w = 150 if it['kind'] == 'yn' else 120
                    y = fl.y - 2 - 14
                    box(fx, y, w, 14)
                    opts = [' '] + list(it['options'])
                    val = it['options'][it['chosen']] if it['chosen'] is not None else ' '
                    add_field(kind='combo', name=name, rect=(fx, y, w, 14), value=val, options=opts,
                              tip=it['label'])
                    fl.y -= need
                else:
                    if it['t'] == 'lines':
                        value = '\r'.join(it['shown'])
                    elif it['t'] == 'long':
                        value = '\r\r'.join(it['shown'])
                    else:
                        value = it['shown']
                    multi = it['t'] in ('lines', 'long') or is_wide(it, 60)
                    if multi:
                        n = max(len(wlines(value, fw - 6)), 3 if it['t'] == 'lines' else 4)
                        h = n * LEAD + 6
                    else:
                        h = 15
                    if multi and h > fl.avail() - 10 and h < 500:
                        fl.new_page()
                    need = label_row(it['label'], h)
                    y = fl.y - 2 - h
                    box(fx, y, fw, h)
                    add_field(kind='text', name=name, rect=(fx, y, fw, h), value=value, multi=multi,
                              tip=it['label'])
                    fl.y -= need
            elif b[0] == 'agencies':
                it = b[1]
                cols = it['columns']
                n = len(cols)
                fr = {3: [0.3, 0.33, 0.37], 4: [0.28, 0.24, 0.16, 0.32]}[n]
                ws = [BODY_W * f for f in fr]
                xs = [LEFT + sum(ws[:k]) for k in range(n)]
                nrows = max(len(it['rows']) + it['spare'], 4)
                rh = 2 * LEAD + 5
                if fl.avail() < 20 + rh * min(nrows, 3):
                    fl.new_page()
                for k, (t, _) in enumerate(cols):
                    c.setFillColorRGB(0, 0, 0)
                    c.setFont(bold, 8.5)
                    c.drawString(xs[k] + 2, fl.y - 11, t)
                fl.y -= 15
                for r in range(nrows):
                    if fl.avail() < rh + 2:
                        fl.new_page()
                    y = fl.y - rh
                    for k, (t, role) in enumerate(cols):
                        v = it['rows'][r][k] if r < len(it['rows']) else ''
                        box(xs[k] + 1, y, ws[k] - 2, rh)
                        add_field(kind='text', name=f'{fld(t)}Row{r + 1}', rect=(xs[k] + 1, y, ws[k] - 2, rh),
                                  value=v, multi=True, tip=f'{t} - row {r + 1}')
                    fl.y -= rh + 2
            elif b[0] == 'decl':
                for lab, val in b[1]:
                    if lab == 'Signature' or lab == 'Signed':
                        need = label_row(lab, 24)
                        box(fx, fl.y - 26, 200, 24)
                        fl.y -= need
                        continue
                    need = label_row(lab, 15)
                    y = fl.y - 17
                    box(fx, y, 200, 15)
                    add_field(kind='text', name='PrintName' if 'ame' in lab or 'by' in lab else 'DeclarationDate',
                              rect=(fx, y, 200, 15), value=val, multi=False, tip=lab)
                    fl.y -= need
            elif b[0] == 'office':
                fl.gap(10)
                fl.bar(S['sections']['office'], (0.5, 0.5, 0.5), size=8.5, h=14, keep=70)
                for lab in b[1]:
                    fl.text_block(para_lines(lab + ':', font, 8, BODY_W, (0.35, 0.35, 0.35), gap=4))
        return fl.finish()

    from p28_pdf import two_pass, set_dates, meta_dates
    pdf, total = two_pass(render)
    info['pages'] = total
    info['fields'] = len(fields)
    names = [f['name'] for f in fields]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    when = meta_dates(case, rng)
    pdf = set_dates(pdf, when)
    return add_fields(pdf, fields, tooltips, producer, creator, S, f'p28_{case["n"]:03d}.pdf', when), info


def fld(t):
    return ''.join(w.capitalize() for w in ''.join(ch if ch.isalnum() else ' ' for ch in t).split())


def pdf_str(s: str) -> bytes:
    b = s.encode('cp1252', errors='replace')
    return b.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')


def text_ap(value, w, h, multi, helv_ref):
    parts = [b'/Tx BMC', b'q', f'1 1 {w - 2:.2f} {h - 2:.2f} re W n'.encode(), b'BT',
             f'/Helv {FSIZE:g} Tf 0 g'.encode()]
    if multi:
        lines = wlines(value, w - 6)
        y = h - 2 - FSIZE
        parts.append(f'2 {y:.2f} Td'.encode())
        first = True
        for ln in lines:
            if not first:
                parts.append(f'0 {-LEAD:.2f} Td'.encode())
            parts.append(b'(' + pdf_str(ln) + b') Tj')
            first = False
    else:
        y = (h - FSIZE) / 2 + 1.5
        parts.append(f'2 {y:.2f} Td'.encode())
        parts.append(b'(' + pdf_str(value) + b') Tj')
    parts += [b'ET', b'Q', b'EMC']
    s = DecodedStreamObject()
    s.set_data(b'\n'.join(parts))
    s.update({NameObject('/Type'): NameObject('/XObject'), NameObject('/Subtype'): NameObject('/Form'),
              NameObject('/BBox'): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)]),
              NameObject('/Resources'): DictionaryObject({NameObject('/Font'): DictionaryObject(
                  {NameObject('/Helv'): helv_ref})})})
    return s


def check_ap(on, w, h, zadb_ref):
    s = DecodedStreamObject()
    if on:
        data = f'q 0 g BT /ZaDb {h * 0.8:.2f} Tf 1.2 {h * 0.18:.2f} Td (4) Tj ET Q'.encode()
        s.update({NameObject('/Resources'): DictionaryObject({NameObject('/Font'): DictionaryObject(
            {NameObject('/ZaDb'): zadb_ref})})})
    else:
        data = b''
    s.set_data(data)
    s.update({NameObject('/Type'): NameObject('/XObject'), NameObject('/Subtype'): NameObject('/Form'),
              NameObject('/BBox'): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)])})
    return s


def add_fields(pdf, fields, tooltips, producer, creator, S, fname, when):
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    helv = writer._add_object(DictionaryObject({
        NameObject('/Type'): NameObject('/Font'), NameObject('/Subtype'): NameObject('/Type1'),
        NameObject('/BaseFont'): NameObject('/Helvetica'), NameObject('/Encoding'): NameObject('/WinAnsiEncoding'),
        NameObject('/Name'): NameObject('/Helv')}))
    zadb = writer._add_object(DictionaryObject({
        NameObject('/Type'): NameObject('/Font'), NameObject('/Subtype'): NameObject('/Type1'),
        NameObject('/BaseFont'): NameObject('/ZapfDingbats'), NameObject('/Name'): NameObject('/ZaDb')}))
    field_refs = ArrayObject()
    for f in fields:
        page = writer.pages[f['page']]
        x, y, w, h = f['rect']
        d = DictionaryObject({
            NameObject('/Type'): NameObject('/Annot'), NameObject('/Subtype'): NameObject('/Widget'),
            NameObject('/Rect'): ArrayObject([FloatObject(round(x, 2)), FloatObject(round(y, 2)),
                                              FloatObject(round(x + w, 2)), FloatObject(round(y + h, 2))]),
            NameObject('/T'): TextStringObject(f['name']), NameObject('/F'): NumberObject(4),
            NameObject('/P'): page.indirect_reference,
        })
        if tooltips and f.get('tip'):
            d[NameObject('/TU')] = TextStringObject(f['tip'])
        if f['kind'] == 'text':
            d[NameObject('/FT')] = NameObject('/Tx')
            d[NameObject('/Ff')] = NumberObject(4096 if f['multi'] else 0)
            d[NameObject('/DA')] = TextStringObject(f'/Helv {FSIZE:g} Tf 0 g')
            d[NameObject('/V')] = TextStringObject(f['value'])
            ap = writer._add_object(text_ap(f['value'], w, h, f['multi'], helv))
            d[NameObject('/AP')] = DictionaryObject({NameObject('/N'): ap})
        elif f['kind'] == 'combo':
            d[NameObject('/FT')] = NameObject('/Ch')
            d[NameObject('/Ff')] = NumberObject(131072)
            d[NameObject('/DA')] = TextStringObject(f'/Helv {FSIZE:g} Tf 0 g')
            d[NameObject('/Opt')] = ArrayObject([TextStringObject(o) for o in f['options']])
            d[NameObject('/V')] = TextStringObject(f['value'])
            ap = writer._add_object(text_ap(f['value'].strip(), w, h, False, helv))
            d[NameObject('/AP')] = DictionaryObject({NameObject('/N'): ap})
        else:
            d[NameObject('/FT')] = NameObject('/Btn')
            d[NameObject('/Ff')] = NumberObject(0)
            d[NameObject('/DA')] = TextStringObject('/ZaDb 0 Tf 0 g')
            state = NameObject('/Yes') if f['on'] else NameObject('/Off')
            d[NameObject('/V')] = state
            d[NameObject('/AS')] = state
            d[NameObject('/MK')] = DictionaryObject({NameObject('/CA'): TextStringObject('4')})
            on_ap = writer._add_object(check_ap(True, w, h, zadb))
            off_ap = writer._add_object(check_ap(False, w, h, zadb))
            d[NameObject('/AP')] = DictionaryObject({NameObject('/N'): DictionaryObject(
                {NameObject('/Yes'): on_ap, NameObject('/Off'): off_ap})})
        ref = writer._add_object(d)
        if '/Annots' not in page:
            page[NameObject('/Annots')] = ArrayObject()
        page['/Annots'].append(ref)
        field_refs.append(ref)
    writer._root_object[NameObject('/AcroForm')] = DictionaryObject({
        NameObject('/Fields'): field_refs,
        NameObject('/DA'): TextStringObject('/Helv 0 Tf 0 g'),
        NameObject('/DR'): DictionaryObject({NameObject('/Font'): DictionaryObject(
            {NameObject('/Helv'): helv, NameObject('/ZaDb'): zadb})}),
    })
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({'/Producer': producer, '/Creator': creator, '/Title': S['title'],
                         '/Author': S['partnership'], '/CreationDate': stamp,
                         '/ModDate': (when + dt.timedelta(hours=3)).strftime("D:%Y%m%d%H%M%S+00'00'")})
    h = hashlib.md5(fname.encode()).digest()
    writer._ID = ArrayObject([ByteStringObject(h), ByteStringObject(hashlib.md5(fname.encode() + b'1').digest())])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
