"""Cases, the layout-independent form spec, and the truth record built from the same items (plain28).

A case is invented first (people, dates, answers). The spec then decides, question by question, what the writer
typed (value, blank, filler, another date style, an elaboration after Yes / No). The record is built only from the
spec's items, so the truth is exactly what the form shows.
"""

from __future__ import annotations

import datetime as dt
import random

from p28_common import ALT_STYLES, FILLERS, collapse, fmt_date, phone_digits
from p28_data import (ADULT_F, ADULT_M, ADULT_SUR, AGENCY_POOL, AREAS, BLOCKS, BOYS, DISABILITIES, GIRLS, GPS,
                      GROUPS, HOSPITALS, NONBINARY, OPS, OTHER_DETAILS, SCHOOLS, STREETS, SURNAMES)
from p28_senders import ITYPES, SENDERS
from p28_text import BACKGROUND, EVENT, IMMEDIATE, LOCATIONS, REASONS, SENDER_PARA, SINCE

# ----------------------------------------------------------------------------------------------------- plan

LAYOUTS_WORD = ['O-ONETABLE', 'O-GRID4', 'O-LABELABOVE', 'O-NUMBERED', 'O-TICKCOLS']
LAYOUTS_PDF = ['Q-BOXESPDF', 'Q-FILLABLE', 'Q-LIBRECOLONS', 'Q-QUESTIONTABLE', 'Q-CASEPRINT']
LAYOUTS = LAYOUTS_WORD + LAYOUTS_PDF


def make_plan(seed: int) -> list[dict]:
    """60 slots: every sender once per layout; form numbers shuffled; the set-level counts fixed here."""
    rng = random.Random(f'p28-{seed}-plan')
    slots = [(s, lay) for s in SENDERS for lay in LAYOUTS]
    rng.shuffle(slots)
    # incident types: 20 serious harm, 12 death, 8 looked-after death, 6 care-leaver death, 10 other, 4 unanswered
    pool = (['serious_harm'] * 20 + ['death'] * 12 + ['lac_death'] * 8 + ['care_leaver_death'] * 6 + ['other'] * 10
            + [None] * 4)
    rng.shuffle(pool)
    itypes = []
    for sender, _ in slots:
        allowed = SENDERS[sender]['itypes_allowed']
        for i, t in enumerate(pool):
            if t is None or t in allowed:
                itypes.append(pool.pop(i))
                break
        else:
            itypes.append(pool.pop(0) if pool and pool[0] in allowed else 'serious_harm')
    nkids = [1] * 35 + [2] * 16 + [3] * 9
    rng.shuffle(nkids)
    plan = []
    for i, ((sender, layout), it) in enumerate(zip(slots, itypes)):
        k = nkids[i]
        if it == 'care_leaver_death':
            k = 1
        plan.append(dict(n=i + 1, sender=sender, layout=layout, itype=it, nkids=k))
    # ages instead of dates of birth: 20 forms whose sender asks the age
    askers = [p for p in plan if 'age' not in SENDERS[p['sender']]['not_asked']]
    rng.shuffle(askers)
    for p in askers[:20]:
        p['age_child'] = rng.randrange(p['nkids'])
    # the third option somewhere on about half of the forms is decided per form; Panel answers per form
    return plan


# ----------------------------------------------------------------------------------------------------- helpers

def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def pronouns(gender):
    return {'female': ('she', 'her', 'her'), 'male': ('he', 'his', 'him')}.get(gender, ('they', 'their', 'them'))


def age_years(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def age_phrase(dob: dt.date, on: dt.date) -> str:
    y = age_years(dob, on)
    if y < 1:
        m = (on.year - dob.year) * 12 + on.month - dob.month - (on.day < dob.day)
        m = max(m, 1)
        return f'{m} month{"s" if m != 1 else ""} old'
    return f'aged {y}'


def postcode(rng, area):
    letters = 'ABDEFGHJLNPQRSTUWXYZ'
    return f'{area}{rng.randint(1, 9)} {rng.randint(1, 9)}{pick(rng, letters)}{pick(rng, letters)}'


def make_address(rng, sender):
    a = AREAS[sender]
    town = pick(rng, a['towns'])
    pc = postcode(rng, a['pc'])
    street = pick(rng, STREETS)
    r = rng.random()
    if r < 0.3:
        lines = [f'Flat {rng.randint(1, 24)}, {pick(rng, BLOCKS)}', street, town, pc]
    elif r < 0.75:
        lines = [f'{rng.randint(1, 140)} {street}', town, pc]
    else:
        lines = [f'{rng.randint(1, 140)} {street}', f'{town} {pc}']
    return lines, town, street


def schools_for_age(pool, age):
    """Schools in the pool that fit the age (nursery under 5, primary / infant 4-11, the rest 11 and over)."""
    def fits(s):
        if 'Nursery' in s:
            return age < 5
        if 'Infant' in s:
            return 4 <= age <= 7
        if 'Primary' in s:
            return 4 <= age <= 11
        if 'Special' in s or 'Specialist' in s:
            return True
        return age >= 11
    ok = [s for s in pool if fits(s)]
    return ok or pool


def person(rng, female=None, used=None):
    used = used if used is not None else set()
    while True:
        f = female if female is not None else rng.random() < 0.6
        name = f'{pick(rng, ADULT_F if f else ADULT_M)} {pick(rng, ADULT_SUR)}'
        if name not in used:
            used.add(name)
            return name, f


def phone(rng, sender, mobile=None):
    prefixes = SENDERS[sender]['phone_prefix']
    pre = prefixes[1] if mobile or (mobile is None and rng.random() < 0.3) else prefixes[0]
    num = pre + f'{rng.randint(0, 999):03d}'
    digits = num.replace(' ', '')
    r = rng.random()
    if r < 0.55:
        return num
    if r < 0.7:
        return digits
    if r < 0.8 and not digits.startswith('07'):
        # (0161) 4960712
        area = num.split(' ')[0]
        return f'({area}) {digits[len(area):]}'
    if r < 0.9:
        return '+44 ' + num[1:]
    return num


def email_for(rng, name, domain, caps_ok=True):
    parts = [p for p in name.replace('\'', '').split() if p not in ('Dr', 'DS', 'DC', 'DI', 'DCI', 'DSupt', 'PC',
                                                                      'Sgt', 'Mr', 'Mrs', 'Ms')]
    first, last = parts[0], parts[-1]
    first = first.replace('â', 'a').replace('ê', 'e')
    r = rng.random()
    if r < 0.6:
        local = f'{first}.{last}'
    elif r < 0.8:
        local = f'{first[0]}.{last}'
    else:
        local = f'{first}{last}'
    local = ''.join(ch for ch in local if ch.isascii())
    addr = f'{local}@{domain}'
    if caps_ok and rng.random() < 0.3:
        return addr  # typed with capitals as in the name
    return addr.lower()


LA_DOMAIN = {'dunstanmoor_csc': 'dunstanmoor.gov.uk', 'halsey_mcit': 'tennerby.gov.uk',
             'stmargarets_pri': 'ousebridge.gov.uk', 'greythorne_picu': 'lathomvale.gov.uk',
             'brightstep_mentor': 'kilverton.gov.uk', 'wreyburn_send': 'wreyburn.gov.uk'}
HEALTH = ('hv', 'gp', 'sn', 'camhs', 'mw', 'paeds', 'drugs')


def agency_domain(code, sender):
    if code in HEALTH:
        return 'nhs.net'
    if code == 'police':
        return 'halsey.police.uk' if sender == 'halsey_mcit' else LA_DOMAIN[sender].replace('.gov.uk', '.police.uk')
    if code == 'probation':
        return 'justice.gov.uk'
    return LA_DOMAIN[sender]


RANKS = [('DS', 'Detective Sergeant'), ('DC', 'Detective Constable'), ('DI', 'Detective Inspector')]
LEAD_RANKS = [('DCI', 'Detective Chief Inspector'), ('DI', 'Detective Inspector'), ('DSupt', 'Detective Superintendent')]


# ----------------------------------------------------------------------------------------------------- the case

def make_case(p: dict, seed: int) -> dict:
    n, sender = p['n'], p['sender']
    S = SENDERS[sender]
    rng = random.Random(f'p28-{seed}-{n}')
    used = set()
    ref_date = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randrange(175))
    incident = ref_date - dt.timedelta(days=rng.randint(2, 21))
    la_aware = incident + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    if la_aware > ref_date:
        la_aware = ref_date
    itype = p['itype']
    # template class for the main child's age
    lo, hi = S['age_range']
    classes = []
    if lo == 0:
        classes.append('infant')
    if lo <= 7 and hi >= 1:
        classes.append('young')
    if hi >= 10:
        classes.append('older')
    classes.append('any')
    tkey = itype if itype else 'serious_harm'
    cands = [t for t in EVENT[tkey] if t[0] in classes or (tkey == 'care_leaver_death')]
    if not cands:
        cands = EVENT[tkey]
    tclass, event_tpl = pick(rng, cands)
    if tkey == 'care_leaver_death':
        age0 = rng.randint(18, 23)
    elif tclass == 'infant':
        age0 = 0
    elif tclass == 'young':
        age0 = rng.randint(max(lo, 1), min(hi, 7))
    elif tclass == 'older':
        age0 = rng.randint(max(lo, 10), min(hi, 17))
    else:
        age0 = rng.randint(lo, min(hi, 17))
    if tkey == 'lac_death' and tclass == 'older':
        age0 = max(age0, 10)
    ages = [age0]
    for _ in range(p['nkids'] - 1):
        a = ages[0] + rng.choice([-5, -3, -2, 2, 3, 4, 6])
        a = min(max(a, 0), 17 if S['age_range'][1] < 18 else 17)
        if S['age_range'][0] > 0:
            a = max(a, S['age_range'][0])
        ages.append(a)
    gkeys = list(GROUPS)
    gkey = rng.choices(gkeys, weights=[GROUPS[k]['w'] for k in gkeys])[0]
    G = GROUPS[gkey]
    family_sur = pick(rng, G['surnames'])
    eth_field = 'police' if sender == 'halsey_mcit' else 'nhs' if sender == 'greythorne_picu' else 'eth'
    family_eth = pick(rng, G[eth_field])
    lines, town, street = make_address(rng, sender)
    mother, _ = person(rng, True, used)
    partner, _ = person(rng, False, used)
    children = []
    used_first = set()
    for i, a in enumerate(ages):
        r = rng.random()
        if sender in ('brightstep_mentor', 'wreyburn_send', 'dunstanmoor_csc') and r < 0.04 * (i + 1) and \
                len(S['gender']) > 2:
            gender = 'other'
            first = pick(rng, NONBINARY)
        elif r < 0.52:
            gender = 'female'
            first = pick(rng, G['girls'])
        else:
            gender = 'male'
            first = pick(rng, G['boys'])
        while first in used_first:
            first = pick(rng, G['girls'] + GIRLS if gender == 'female' else G['boys'] + BOYS if gender == 'male'
                         else NONBINARY)
        used_first.add(first)
        sur = family_sur if (i == 0 or rng.random() < 0.75) else pick(rng, [s for s in SURNAMES if s != family_sur])
        if a == 0:
            dob = incident - dt.timedelta(days=rng.randint(21, 330))
        else:
            dob = dt.date(incident.year - a, 1, 1) + dt.timedelta(days=rng.randrange(365))
            if age_years(dob, incident) != a:
                dob = dob.replace(year=dob.year - (age_years(dob, incident) - a))
        children.append(dict(first=first, surname=sur, gender=gender, dob=dob, age=age_years(dob, incident)))
    main = children[0]
    pr, poss, obj = pronouns(main['gender'])
    hosp = HOSPITALS[list(SENDERS).index(sender)]
    age_class = 'infant' if age0 == 0 else 'young' if age0 < 10 else 'older'
    other_detail = pick(rng, OTHER_DETAILS[age_class]) if itype == 'other' else None
    # location
    if tkey in ('lac_death',) and tclass == 'older':
        loc_kind = 'public'
    elif tkey == 'care_leaver_death':
        loc_kind = 'care'
    elif 'pond' in event_tpl:
        loc_kind = 'water'
    elif tclass == 'older' and 'stabbed' in event_tpl:
        loc_kind = 'public'
    else:
        loc_kind = 'home'
    loc, loc_phrase = (x.format(street=street, town=town) for x in pick(rng, LOCATIONS[loc_kind]))
    if loc_phrase.startswith('at his mother'):
        loc_phrase = 'at home'
    slots = dict(n=main['first'], agep=age_phrase(main['dob'], incident), m=mother, p=partner, hosp=hosp, pr=pr,
                 poss=poss, obj=obj, place_phrase=loc_phrase,
                 other_lc=(other_detail or 'serious concerns').lower())
    paras = [event_tpl.format(**slots)]
    nb = rng.choice([0, 1, 1, 2])
    for b in rng.sample(BACKGROUND, nb):
        paras.append(b.format(**slots))
    if rng.random() < 0.6:
        paras.append(pick(rng, SENDER_PARA[sender]).format(**slots))
    if rng.random() < 0.35:
        paras.append(pick(rng, SINCE).format(**slots))
    r = rng.random()
    if r < 0.18:
        paras = paras[:1]
    elif r < 0.3 and len(paras) > 2:
        # written at length: two paragraphs run together as one
        paras = [paras[0] + ' ' + paras[1]] + paras[2:]
    # dates of death
    dod = None
    if itype in ('death', 'lac_death', 'care_leaver_death'):
        dod = incident + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
        if dod > ref_date:
            dod = incident
        main['dod'] = dod
    # child statuses
    for i, c in enumerate(children):
        lac = itype == 'lac_death' and i == 0
        if itype == 'care_leaver_death':
            lac = False
        cp = rng.random() < 0.3
        csc = lac or cp or rng.random() < 0.45
        c.update(lac=lac, cp=cp, csc=csc)
        if lac:
            legal = pick(rng, ['CLA - s20', 'CLA - s31 care order', 'Interim Care Order', 'Section 20',
                               'Full care order (s31)'])
        elif itype == 'care_leaver_death':
            legal = pick(rng, ['Care leaver', 'Care leaver (former s31)', 'Former relevant child'])
        elif cp:
            legal = pick(rng, ['Child protection plan (neglect)', 'CP plan - category physical abuse', 'CP plan'])
        elif csc:
            legal = pick(rng, ['Child in Need', 'CIN', 'CIN plan'])
        else:
            legal = pick(rng, ['None', 'No order', 'No legal order'])
        c['legal'] = legal
        c['disability'] = pick(rng, DISABILITIES) if (sender == 'wreyburn_send' or rng.random() < 0.55) else None
        if sender == 'wreyburn_send' and c['disability'] in ('None known', 'No known disability', 'Asthma'):
            c['disability'] = 'Autism and severe learning disability (EHC plan)'
        mixed = GROUPS['mixed_asian' if gkey in ('south_asian', 'mixed_asian') else 'mixed_caribbean'][eth_field]
        if i == 0 or c['surname'] == family_sur or rng.random() < 0.5:
            c['ethnicity'] = family_eth
        else:
            c['ethnicity'] = pick(rng, mixed)
        c['address'] = lines
        if (c['age'] < 3 and sender != 'stmargarets_pri') or c['age'] >= 18:
            c['school'] = None
        elif sender == 'stmargarets_pri':
            c['school'] = SCHOOLS[sender][0] if c['age'] <= 11 else 'Ousebridge High School'
        else:
            c['school'] = pick(rng, schools_for_age(SCHOOLS[sender], c['age']))
        c['gp'] = pick(rng, GPS) if i == 0 else children[0]['gp']
        if rng.random() < 0.25:
            other_sur = pick(rng, [x for x in SURNAMES if x != c['surname']])
            c['other_names'] = pick(rng, [f'Known as {c["first"][:3]}', f'{c["first"]} {other_sur}',
                                          f'{c["surname"]}-{other_sur}'])
        else:
            c['other_names'] = None
    # people
    if S.get('ranks'):
        rk, rtitle = pick(rng, RANKS)
        nm, _ = person(rng, None, used)
        ref_name = f'{rk} {nm}'
        ref_role = pick(rng, [rtitle, 'Investigating Officer', 'Deputy SIO', 'Officer in the case'])
        lk, ltitle = pick(rng, LEAD_RANKS)
        lnm, _ = person(rng, None, used)
        lead_name = f'{lk} {lnm}'
        lead_role = pick(rng, ['Senior Investigating Officer', 'SIO', f'{ltitle}, SIO'])
    else:
        nm, _ = person(rng, None, used)
        lnm, _ = person(rng, None, used)
        ref_role = pick(rng, S['referrer_roles'])
        lead_role = pick(rng, S['lead_roles'])
        if S.get('clinical') and ('Consultant' in ref_role or 'Registrar' in ref_role):
            ref_name = f'Dr {nm}'
        else:
            ref_name = nm
        lead_name = f'Dr {lnm}' if (S.get('clinical') and 'Doctor' in lead_role) else lnm
    domain = S['email_domain']
    referrer = dict(name=ref_name, role=ref_role, agency=pick(rng, S['ref_agencies']),
                    email=email_for(rng, ref_name, domain), phone=phone(rng, sender))
    lead_agency = pick(rng, S['ref_agencies'])
    if sender == 'stmargarets_pri':
        lead_agency = pick(rng, ['St Margaret\'s CE (VA) Primary School', 'St Margaret\'s Primary'])
    lead = dict(name=lead_name, role=lead_role, agency=lead_agency, email=email_for(rng, lead_name, domain),
                phone=phone(rng, sender))
    # agencies table
    k = rng.choice([0, 2, 3, 3, 4, 4, 5]) if rng.random() > 0.05 else 0
    if k == 0 and rng.random() < 0.7:
        k = 2
    agencies = []
    for ag, code in rng.sample(AGENCY_POOL, k):
        pname = None if rng.random() < 0.22 else person(rng, None, used)[0]
        if pname and code in ('police',) and rng.random() < 0.6:
            pname = f'DC {pname}'
        if pname and code in ('paeds', 'gp') and rng.random() < 0.7:
            pname = f'Dr {pname}'
        r = rng.random()
        if r < 0.12:
            contact = None
        elif r < 0.5:
            contact = phone(rng, sender)
        elif r < 0.8:
            contact = email_for(rng, pname or ag.split()[0] + ' Team', agency_domain(code, sender), caps_ok=False)
        else:
            contact = f'{phone(rng, sender)} / {email_for(rng, pname or "duty desk", agency_domain(code, sender), caps_ok=False)}'
        place = pick(rng, AREAS[sender]['towns'])
        if code == 'gp':
            agency_name = pick(rng, GPS)
        elif code == 'school':
            agency_name = pick(rng, SCHOOLS[sender])
        else:
            agency_name = ag if rng.random() < 0.5 else f'{ag} ({place})'
        role = pick(rng, ['Health Visitor', 'Social Worker', 'Key worker', 'School Nurse', 'Case manager',
                          'Practitioner', 'Family support']) if rng.random() < 0.8 else None
        still = pick(rng, ['Yes', 'No', 'Y', 'N'])
        agencies.append(dict(agency=agency_name, name=pname, contact=contact, role=role, extra=still))
    # criteria and answers
    harm = itype in ('death', 'serious_harm', 'lac_death', 'care_leaver_death', None)
    abuse = rng.random() < 0.78
    if tkey in ('lac_death', 'care_leaver_death'):
        rkey = 'care'
    elif not abuse:
        rkey = 'noabuse'
    elif tclass == 'infant' and tkey == 'serious_harm':
        rkey = 'nai'
    elif tclass == 'older' and ('stabbed' in event_tpl or 'exploitation' in (other_detail or '')):
        rkey = 'exploit'
    else:
        rkey = 'abuse'
    panel = None
    panel_date = None
    if 'panel' not in S['not_asked']:
        r = rng.random()
        panel = True if r < 0.35 else False if r < 0.7 else 'third' if r < 0.9 else 'blank'
        if panel is True:
            panel_date = la_aware + dt.timedelta(days=rng.randint(1, 5))
            if panel_date > ref_date:
                panel_date = ref_date
    return dict(
        n=n, sender=sender, layout=p['layout'], rng_state=None, ref_date=ref_date, incident=incident,
        la_aware=la_aware, itype=itype, other_detail=other_detail, children=children, mother=mother,
        partner=partner, location=loc, summary=paras, police=rng.random() < (0.9 if harm else 0.5),
        harm=harm, abuse=abuse, local=rng.random() < 0.92, learning=rng.random() < 0.85,
        reason=pick(rng, REASONS[rkey]), panel=panel, panel_date=panel_date, agencies=agencies,
        immediate=pick(rng, [x for x in IMMEDIATE if not ((len(children) > 1 and 'No other children' in x) or (dod and 'in hospital' in x) or (len(children) == 1 and ('sibling' in x.lower() or 'other children' in x.lower() and 'No other' not in x)))]), referrer=referrer, lead=lead, discussed=rng.random() < 0.85,
        age_child=p.get('age_child'), tclass=tclass, town=town, street=street,
    ), rng


# ----------------------------------------------------------------------------------------------------- the spec

AGE_STYLES = ['about {y}', '{y}', '{y} years', 'approx. {y}', '{y} yrs', 'around {y}', '{y} (tbc)', 'c. {y}']

ELAB = {
    'discussed': (['Yes - discussed by phone', 'Yes, agreed', 'Yes - agreed in supervision'],
                  ['No - manager on leave', 'No (not yet)']),
    'cp_plan': (['Yes - previous plan (neglect), ended last year', 'Yes, in previous authority'], ['No - never']),
    'open_to_csc': (['Yes - CIN', 'Yes, allocated social worker', 'Yes - open to Early Help and CSC'],
                    ['No - closed after assessment', 'No - not known before']),
    'looked_after': (['Yes - s20', 'Yes (care order)'], ['No']),
    'police': (['Yes - investigation ongoing', 'Yes, attended'], ['No - not at this stage']),
    'crit_harm': (['Yes - see summary'], ['No']),
    'crit_abuse': (['Yes - suspected', 'Yes, suspected neglect'], ['No - not suspected at present']),
    'crit_local': (['Yes - resident', 'Yes, lives in the area'], ['No - lives out of area']),
    'crit_learning': (['Yes - several agencies involved'], ['No']),
    'panel': (['Yes - by the LA'], ['No - not yet', 'No, not as far as I know']),
}


class Spec:
    def __init__(self, case, rng):
        self.case = case
        self.rng = rng
        self.S = SENDERS[case['sender']]
        self.sections = []
        self.notes = dict(blanks=[], fillers=[], third_option=[], decoys=[], alt_dates=[], elaborations=[],
                          emails_with_capitals=[])
        self.decoy_people = set()

    # item makers ------------------------------------------------------------------------------------
    def lab(self, key):
        return self.S['labels'][key]

    def text(self, key, path, value, *, blank_p=0.0, filler_p=0.0, wide=False, must=False, label=None, kind='text'):
        """A typed answer. value None means the writer had nothing to put: blank or a filler."""
        rng = self.rng
        label = label or self.lab(key)
        shown = value
        if value is None:
            shown = pick(rng, FILLERS) if rng.random() < 0.45 else ''
        elif not must:
            r = rng.random()
            if r < blank_p:
                shown = ''
            elif r < blank_p + filler_p:
                shown = pick(rng, FILLERS)
        if shown == '':
            self.notes['blanks'].append(key)
        elif shown in FILLERS:
            self.notes['fillers'].append(f'{key}={shown}')
        truth = None if shown in ('',) or shown in FILLERS else shown
        if truth is not None and kind == 'phone':
            truth = phone_digits(truth)
        if truth is not None and kind == 'email':
            if truth != truth.lower():
                self.notes['emails_with_capitals'].append(key)
            truth = truth.lower()
        return dict(t='text', key=key, label=label, path=path, shown=shown, value=truth, wide=wide, kind=kind)

    def date(self, key, path, d, *, style=None, blank_p=0.0, label=None, unknown_words=('Not known', 'Unknown')):
        rng = self.rng
        label = label or self.lab(key)
        style = style or self.S['date_style']
        if d is None:
            shown = pick(rng, ['', '', pick(rng, list(unknown_words)), pick(rng, FILLERS)])
            truth = None
        elif rng.random() < blank_p:
            shown, truth = '', None
        else:
            if style == self.S['date_style'] and rng.random() < 1 / 7:
                alt = pick(rng, ALT_STYLES)
                shown = fmt_date(d, alt)
                self.notes['alt_dates'].append(f'{key}={shown}')
            else:
                shown = fmt_date(d, style)
            truth = d.isoformat()
        if shown == '':
            self.notes['blanks'].append(key)
        elif shown in FILLERS:
            self.notes['fillers'].append(f'{key}={shown}')
        return dict(t='text', key=key, label=label, path=path, shown=shown, value=truth, wide=False, kind='date',
                    date=d if truth else None)

    def lines(self, key, path, lines, label=None, one_line=False):
        label = label or self.lab(key)
        if one_line:
            shown = [', '.join(lines)]
        else:
            shown = list(lines)
        return dict(t='lines', key=key, label=label, path=path, shown=shown, value=', '.join(shown), wide=True,
                    kind='address')

    def long(self, key, path, paras, label=None):
        label = label or self.lab(key)
        paras = [collapse(p) for p in paras if p]
        value = '\n\n'.join(paras) if paras else None
        if not paras:
            self.notes['blanks'].append(key)
        return dict(t='long', key=key, label=label, path=path, shown=paras, value=value, wide=True, kind='long')

    def choice(self, key, path, kind, chosen, label=None, allow_elab=True):
        """chosen: index into the options, or None (nothing chosen)."""
        S = self.S
        label = label or self.lab(key)
        if kind == 'yn':
            options = S['yn']
            value = {0: True, 1: False}.get(chosen) if chosen is not None else None
            if chosen == 2:
                self.notes['third_option'].append(key)
        elif kind == 'gender':
            options = S['gender']
            value = S['gender_map'][chosen] if chosen is not None else None
        else:
            options = S['itype_options']
            value = ITYPES[chosen] if chosen is not None else None
        elab = None
        if kind == 'yn' and chosen in (0, 1) and allow_elab and key in ELAB and self.rng.random() < 0.14:
            elab = pick(self.rng, ELAB[key][chosen])
            self.notes['elaborations'].append(f'{key}={elab}')
        if chosen is None:
            self.notes['blanks'].append(key)
        return dict(t='choice', key=key, label=label, path=path, options=options, chosen=chosen, value=value,
                    kind=kind, elab=elab, wide=(kind == 'itype'))

    def yn(self, key, path, truth, *, third_p=0.06, blank_p=0.03):
        r = self.rng.random()
        if r < blank_p:
            chosen = None
        elif r < blank_p + third_p and len(self.S['yn']) > 2:
            chosen = 2
        else:
            chosen = 0 if truth else 1
        return self.choice(key, path, 'yn', chosen)

    def decoy(self, label, kind, section):
        rng = self.rng
        c = self.case
        if kind.startswith('date'):
            if kind == 'date_post':
                d = c['incident'] + dt.timedelta(days=rng.randint(0, max(0, (c['ref_date'] - c['incident']).days)))
            elif kind == 'date_pre':
                d = c['incident'] - dt.timedelta(days=rng.randint(2, 60))
            else:
                d = c['incident'] - dt.timedelta(days=rng.randint(90, 700))
            shown = fmt_date(d, self.S['date_style'])
        elif kind.startswith('ref:'):
            shown = ''.join(str(rng.randint(0, 9)) if ch == '#' else ch for ch in kind[4:])
        elif kind in ('person', 'person_or_na'):
            if kind == 'person_or_na' and rng.random() < 0.6:
                shown = pick(rng, FILLERS)
            else:
                shown = person(rng, None, self.decoy_people)[0]
                if 'suspect' in label.lower():
                    shown = c['partner'] if rng.random() < 0.6 else person(rng, False, self.decoy_people)[0]
                if section == 'child' and 'parent' in label.lower():
                    shown = c['mother'] if rng.random() < 0.6 else f'{c["mother"]} and {c["partner"]}'
        elif kind == 'person_dr':
            shown = 'Dr ' + person(rng, None, self.decoy_people)[0]
        elif kind == 'op':
            shown = pick(rng, OPS)
        elif kind == 'pnc':
            shown = pick(rng, ['None', 'N/A', f'26/{rng.randint(10000, 99999)}{pick(rng, "ABCDEFGH")}'])
        elif kind == 'upn':
            shown = f'{pick(rng, "ABCDEFGHJK")}{rng.randint(10 ** 11, 10 ** 12 - 1)}'
        elif kind == 'class':
            y = rng.randint(1, 6)
            shown = f'Year {y} - {pick(rng, ["Willow", "Oak", "Rowan", "Hazel", "Ash"])} class'
        elif kind == 'pct':
            shown = f'{rng.randint(62, 97)}.{rng.randint(0, 9)}%'
        elif kind == 'nhs':
            shown = f'999 {rng.randint(100, 999)} {rng.randint(1000, 9999)}'
        elif kind == 'hospital':
            shown = pick(rng, HOSPITALS)
        else:
            shown = kind
        self.notes['decoys'].append(f'{label}={shown}')
        return dict(t='text', key='decoy', label=label, path=None, shown=shown, value=None, wide=False, kind='decoy')

    # sections ----------------------------------------------------------------------------------------
    def build(self):
        c, S, rng = self.case, self.S, self.rng
        na = set(S['not_asked'])
        decoys = {'referrer': [], 'child': [], 'incident': []}
        for sec, label, kind in S['decoys']:
            decoys[sec].append((label, kind))
        secs = {}
        # referrer
        r = c['referrer']
        items = [self.date('date_of_referral', ('date_of_referral',), c['ref_date'], blank_p=0.03),
                 self.text('ref_name', ('referrer', 'name'), r['name'], must=True),
                 self.text('ref_role', ('referrer', 'role'), r['role'], blank_p=0.03),
                 self.text('ref_agency', ('referrer', 'agency'), r['agency'], blank_p=0.03),
                 self.text('ref_email', ('referrer', 'email'), r['email'], blank_p=0.04, kind='email'),
                 self.text('ref_phone', ('referrer', 'phone'), r['phone'], blank_p=0.04, kind='phone')]
        if c['sender'] == 'stmargarets_pri':
            # the school's own form asks the date near the end; keep it with the referrer all the same
            pass
        for label, kind in decoys['referrer']:
            items.insert(rng.randint(2, len(items)), self.decoy(label, kind, 'referrer'))
        secs['referrer'] = items
        ld = c['lead']
        items = [self.text('lead_name', ('safeguarding_lead', 'name'), ld['name'], must=True),
                 self.text('lead_role', ('safeguarding_lead', 'role'), ld['role'], blank_p=0.04),
                 self.text('lead_agency', ('safeguarding_lead', 'agency'), ld['agency'], blank_p=0.08, filler_p=0.04),
                 self.text('lead_email', ('safeguarding_lead', 'email'), ld['email'], blank_p=0.1, kind='email'),
                 self.text('lead_phone', ('safeguarding_lead', 'phone'), ld['phone'], blank_p=0.12, kind='phone'),
                 self.yn('discussed', ('safeguarding_lead', 'discussed'), c['discussed'], third_p=0.04)]
        secs['lead'] = items
        # children
        child_secs = []
        for i, ch in enumerate(c['children']):
            P = ('children', i)
            items = []
            if S['name_style'] == 'full':
                items.append(self.text('fullname', P + ('name',), f'{ch["first"]} {ch["surname"]}', must=True))
            else:
                sur = ch['surname'].upper() if (c['sender'] == 'halsey_mcit' or rng.random() < 0.08) else ch['surname']
                ch['surname_shown'] = sur
                items.append(self.text('forename', P + ('name', 'given'), ch['first'], must=True))
                items.append(self.text('surname', P + ('name', 'family'), sur, must=True))
            if 'other_names' not in na:
                items.append(self.text('other_names', P + ('other_names',), ch['other_names']))
            by_age = c['age_child'] == i and 'age' not in na
            if by_age:
                age_txt = pick(rng, AGE_STYLES).format(y=ch['age'])
                if ch['age'] == 0:
                    m = max(1, (c['incident'] - ch['dob']).days // 30)
                    age_txt = pick(rng, [f'{m} months', f'about {m} months', f'{m} mths'])
                ch['age_text'] = age_txt
                items.append(self.date('dob', P + ('dob',), None, style=S['dob_style']))
                items.append(self.text('age', P + ('age',), age_txt, must=True))
            else:
                items.append(self.date('dob', P + ('dob',), ch['dob'], style=S['dob_style']))
                if 'age' not in na:
                    it = self.text('age', P + ('age',), None)
                    items.append(it)
            g = {'female': 0, 'male': 1, 'other': 2}[ch['gender']]
            opts_map = S['gender_map']
            gi = opts_map.index(ch['gender']) if ch['gender'] in opts_map else None
            if rng.random() < 0.03:
                gi = None
            items.append(self.choice('gender', P + ('gender',), 'gender', gi))
            if 'ethnicity' not in na:
                items.append(self.text('ethnicity', P + ('ethnicity',), ch['ethnicity'], blank_p=0.06, filler_p=0.03))
            one_line = rng.random() < 0.2
            items.append(self.lines('address', P + ('address',), ch['address'], one_line=one_line))
            if 'school' not in na:
                items.append(self.text('school', P + ('school',), ch['school'], blank_p=0.05))
            if 'gp' not in na:
                items.append(self.text('gp', P + ('gp',), ch['gp'], blank_p=0.1, filler_p=0.03))
            if 'legal_status' not in na:
                items.append(self.text('legal_status', P + ('legal_status',), ch['legal'], blank_p=0.08, filler_p=0.05))
            items.append(self.yn('cp_plan', P + ('cp_plan',), ch['cp'], third_p=0.1))
            items.append(self.yn('open_to_csc', P + ('open_to_csc',), ch['csc'], third_p=0.05))
            items.append(self.yn('looked_after', P + ('looked_after',), ch['lac'], third_p=0.04))
            if 'disability' not in na:
                items.append(self.text('disability', P + ('disability',), ch['disability'], blank_p=0.05))
            if 'date_of_death' not in na:
                items.append(self.date('date_of_death', P + ('date_of_death',), ch.get('dod'), style=S['dob_style'],
                                       unknown_words=('N/A',)) if ch.get('dod') else
                             self.text('date_of_death', P + ('date_of_death',), None))
            for label, kind in decoys['child']:
                if i == 0 or rng.random() < 0.5:
                    items.insert(rng.randint(3, len(items)), self.decoy(label, kind, 'child'))
            child_secs.append(items)
        secs['children'] = child_secs
        # incident
        items = [self.date('incident_date', ('incident', 'date'), c['incident'], blank_p=0.03),
                 self.date('la_aware', ('incident', 'date_la_aware'), c['la_aware'], blank_p=0.08),
                 self.text('location', ('incident', 'location'), c['location'], blank_p=0.04)]
        it = c['itype']
        items.append(self.choice('itype', ('incident', 'type'), 'itype', ITYPES.index(it) if it else None))
        det = c['other_detail'] if it == 'other' and rng.random() < 0.85 else None
        self.notes['other_detail_typed'] = bool(det)
        items.append(dict(t='text', key='other_detail', label=self.lab('other_detail'), path=None,
                          shown=det or ('' if rng.random() < 0.7 else pick(rng, FILLERS)), value=None, wide=True,
                          kind='other_detail'))
        items.append(self.long('summary', ('incident', 'summary'), c['summary']))
        items.append(self.yn('police', ('incident', 'police_involved'), c['police'], third_p=0.08))
        for label, kind in decoys['incident']:
            items.insert(rng.randint(2, len(items)), self.decoy(label, kind, 'incident'))
        secs['incident'] = items
        # criteria
        items = [self.yn('crit_harm', ('criteria', 'died_or_seriously_harmed'), c['harm'] or rng.random() < 0.5,
                         third_p=0.03),
                 self.yn('crit_abuse', ('criteria', 'abuse_or_neglect_suspected'), c['abuse'], third_p=0.18),
                 self.yn('crit_local', ('criteria', 'local_connection'), c['local'], third_p=0.03),
                 self.yn('crit_learning', ('criteria', 'multi_agency_learning'), c['learning'], third_p=0.12),
                 self.long('reason', ('criteria', 'reason'), [c['reason']] if rng.random() > 0.04 else [])]
        secs['criteria'] = items
        # panel
        if 'panel' not in na:
            pv = c['panel']
            chosen = {True: 0, False: 1, 'third': 2, 'blank': None}[pv]
            if chosen == 2:
                self.notes['third_option'].append('panel')
            items = [self.choice('panel', ('panel_notified',), 'yn', chosen)]
            if pv is True and rng.random() < 0.85:
                items.append(self.date('panel_date', ('date_panel_notified',), c['panel_date']))
            else:
                items.append(self.text('panel_date', ('date_panel_notified',), None))
            secs['panel'] = items
        # agencies
        cols = S['agency_cols']
        rows = []
        truth_rows = []
        for a in c['agencies']:
            cells = []
            for title, role in cols:
                v = a[role]
                if role == 'name' and v is None:
                    v = pick(rng, ['', '', '-'])
                if role == 'contact' and v is None:
                    v = ''
                if role == 'role' and v is None:
                    v = ''
                cells.append(v)
            rows.append(cells)
            truth_rows.append(dict(name=a['name'], agency=a['agency'], contact=a['contact']))
        secs['agencies'] = [dict(t='agencies', key='agencies', label=S['sections']['agencies'], columns=cols,
                                 rows=rows, truth=truth_rows, spare=rng.choice([1, 2, 2, 3]))]
        # immediate concerns
        if 'immediate' not in na:
            secs['immediate'] = [self.long('immediate', ('immediate_concerns',),
                                           [c['immediate']] if rng.random() > 0.06 else [])]
        self.secs = secs
        self.agency_truth = truth_rows
        return self

    # the record ---------------------------------------------------------------------------------------
    def record(self) -> dict:
        c = self.case
        rec = {
            'form': 'referral', 'date_of_referral': None,
            'referrer': dict(name=None, role=None, agency=None, email=None, phone=None),
            'safeguarding_lead': dict(name=None, role=None, agency=None, email=None, phone=None, discussed=None),
            'children': [],
            'incident': dict(date=None, date_la_aware=None, location=None, type=None, summary=None,
                             police_involved=None),
            'criteria': dict(died_or_seriously_harmed=None, abuse_or_neglect_suspected=None, local_connection=None,
                             multi_agency_learning=None, reason=None),
            'panel_notified': None, 'date_panel_notified': None, 'agencies_involved': [],
            'immediate_concerns': None,
        }
        for _ in c['children']:
            rec['children'].append(dict(name=None, other_names=None, dob=None, age=None, gender=None, ethnicity=None,
                                        address=None, school=None, gp=None, legal_status=None, cp_plan=None,
                                        open_to_csc=None, looked_after=None, disability=None, date_of_death=None))
        split_names = {}
        for it in self.all_items():
            path = it.get('path')
            if not path:
                continue
            if path[-1] in ('given', 'family'):
                split_names.setdefault(path[:-1], {})[path[-1]] = it['value']
                continue
            target = rec
            for k in path[:-1]:
                target = target[k]
            if path[-1] not in target:
                raise KeyError(path)
            target[path[-1]] = it['value']
        for path, parts in split_names.items():
            target = rec
            for k in path[:-1]:
                target = target[k]
            g, f = parts.get('given'), parts.get('family')
            target[path[-1]] = ' '.join(x for x in (g, f) if x) or None
        rec['agencies_involved'] = [dict(r) for r in self.agency_truth]
        for r in rec['agencies_involved']:
            for k in ('name', 'agency', 'contact'):
                if r[k] in ('', '-'):
                    r[k] = None
        return rec

    def all_items(self):
        for key in ('referrer', 'lead', 'incident', 'criteria', 'panel', 'immediate'):
            for it in self.secs.get(key, []):
                yield it
        for items in self.secs['children']:
            yield from items


def build(p: dict, seed: int):
    case, rng = make_case(p, seed)
    spec = Spec(case, rng).build()
    return case, spec, rng
