"""unseen18: the five Word layouts."""

from __future__ import annotations

import math

from u18_model import Case, Fld, fmt_date, itype_text
from u18_wml import (app, cell, core, document, esc, field_runs, ftr, hdr, para, ppr, row, rpr, run, sect_pr,
                     settings, styles, table, write_docx)

TW = 9638  # text width in twips (A4, 2 cm margins)


# ------------------------------------------------------------------ shared bits

def furniture(case: Case, font=None, sz=8):
    S = case.sender
    h = para(run(case.marking, b=True, sz=sz + 1, font=font, color="C00000") + run("\t" + S["partnership"], sz=sz, font=font),
             tabs=[("right", TW, None)], after=0)
    h += para(run(f"{S['org']} - {case.form_ref}", sz=sz, font=font, color="595959"), after=0)
    f = para(run(case.footer, sz=sz, font=font, color="595959") + run("\tPage ", sz=sz, font=font)
             + field_runs(" PAGE ", run("1", sz=sz, font=font), rpr(sz=sz, font=font))
             + run(" of ", sz=sz, font=font) + field_runs(" NUMPAGES ", run("3", sz=sz, font=font), rpr(sz=sz, font=font)),
             tabs=[("right", TW, None)], after=0)
    f += para(run(case.marking, b=True, sz=sz, font=font, color="C00000"), jc="center", after=0)
    return hdr(h), ftr(f)


def when(case: Case) -> str:
    return case.referral_date.isoformat() + "T10:0" + str(case.rng.randrange(10)) + ":00Z"


def lines_of(f: Fld) -> list[str]:
    """Display lines of a text-like answer ([] when blank)."""
    if f.kind in ("addr", "long"):
        return list(f.shown or [])
    if f.kind == "itype":
        t = itype_text(f)
        return [t] if t else []
    if f.kind in ("yn", "gender"):
        return [f.options[f.shown][0]] if f.shown is not None else []
    return [f.shown] if f.shown else []


def child_sections(case):
    return [s for s in case.sections if s.key == "child"]


def sec(case, key):
    for s in case.sections:
        if s.key == key:
            return s
    return None


# ================================================================== W-XMLTAGS

ELEM = {"referrer.name": "ReferrerName", "referrer.role": "ReferrerJobTitle", "referrer.agency": "ReferrerOrganisation",
        "referrer.email": "ReferrerEmail", "referrer.phone": "ReferrerTelephone", "date_of_referral": "ReferralDate",
        "safeguarding_lead.name": "LeadName", "safeguarding_lead.role": "LeadJobTitle",
        "safeguarding_lead.agency": "LeadOrganisation", "safeguarding_lead.email": "LeadEmail",
        "safeguarding_lead.phone": "LeadTelephone", "safeguarding_lead.discussed": "LeadAgreed",
        "child.name": "FullName", "child.first": "Forenames", "child.last": "Surname", "child.other_names": "OtherNames",
        "child.dob": "DateOfBirth", "child.age": "Age", "child.gender": "Sex", "child.ethnicity": "Ethnicity",
        "child.address": "Address", "child.school": "School", "child.gp": "GP", "child.legal_status": "LegalStatus",
        "child.cp_plan": "CPPlan", "child.open_to_csc": "KnownToCSC", "child.looked_after": "LookedAfter",
        "child.disability": "Needs", "child.date_of_death": "DateOfDeath", "incident.date": "IncidentDate",
        "incident.date_la_aware": "LAInformedDate", "incident.location": "Location", "incident.type": "Category",
        "incident.summary": "Summary", "incident.police_involved": "PoliceInvolved",
        "criteria.died_or_seriously_harmed": "DiedOrSeriouslyHarmed", "criteria.abuse_or_neglect_suspected": "AbuseOrNeglect",
        "criteria.local_connection": "LocalConnection", "criteria.multi_agency_learning": "MultiAgencyLearning",
        "criteria.reason": "Rationale", "panel_notified": "PanelNotified", "date_panel_notified": "PanelNotifiedDate",
        "immediate_concerns": "ImmediateConcerns"}
SEC_ELEM = {"referrer": "Referrer", "lead": "SafeguardingLead", "child": "Child", "incident": "Incident",
            "criteria": "Criteria", "panel": "Panel", "concerns": "Concerns", "decoys": "Internal", "agencies": "Agencies"}


def w_xmltags(case: Case, path) -> dict:
    rng = case.rng
    S = case.sender
    uri = f"urn:{S['domain'].split('.')[0]}:referral:2008"
    base_mode = rng.choice(["run", "para", "cell"])
    wrap_tables = rng.random() < 0.5
    counts = {"run": 0, "para": 0, "cell": 0, "row": 0, "placeholder": 0}
    hd = "4F81BD"
    lab_fill = rng.choice(["DBE5F1", "EAF1DD", "F2F2F2"])

    def cx(elem, inner, placeholder=None, attrs=None):
        pr = ""
        bits = ""
        if placeholder:
            bits += f'<w:placeholder w:val="{esc(placeholder)}"/>'
        for k, v in (attrs or {}).items():
            bits += f'<w:attr w:name="{k}" w:val="{esc(v)}"/>'
        if bits:
            pr = f"<w:customXmlPr>{bits}</w:customXmlPr>"
        return f'<w:customXml w:uri="{uri}" w:element="{elem}">{pr}{inner}</w:customXml>'

    def answer_cell(f: Fld, elem: str, width: int) -> str:
        lines = lines_of(f)
        mode = base_mode if rng.random() < 0.7 else rng.choice(["run", "para", "cell"])
        if f.kind == "long" and mode == "run":
            mode = "para"
        counts[mode] += 1
        ph = None
        if not lines:
            ph = f"[{f.label.split('(')[0].strip().rstrip('?')}]"
            counts["placeholder"] += 1
        if mode == "run":
            inner = run("\n".join(lines)) if lines else ""
            return cell(para(cx(elem, inner, ph), after=40), width)
        if f.kind == "long":
            ps = "".join(para(run(t), after=80) for t in lines) or para("", after=40)
        elif f.kind == "addr" and rng.random() < 0.5:
            ps = "".join(para(run(t), after=0) for t in lines) or para("", after=40)
        else:
            ps = para(run("\n".join(lines)) if lines else "", after=40)
        if mode == "para":
            return cell(cx(elem, ps, ph), width)
        return cx(elem, cell(ps, width), ph)

    def label_cell(text, width):
        return cell(para(run(text, b=True, sz=10), after=40), width, shade=lab_fill)

    body = []
    body.append(para(run(S["org"].upper(), b=True, sz=12, color="1F497D", font="Cambria") + run("\n" + S["unit"], sz=10, color="595959"), after=60))
    body.append(para(run(case.title, font="Cambria"), style="Title"))
    body.append(para(run(f"Form {case.form_ref}. XML-enabled form: complete the fields in the grey table cells.", i=True, sz=9, color="595959")))
    body.append(para(run(case.guidance, sz=10), after=200))
    wl, wv = 3600, TW - 3600
    for s in case.sections:
        title = s.title
        body.append(para(run(title, b=True, color="FFFFFF", font="Cambria"), shade=hd, before=200, after=60, keep=True))
        if s.key == "agencies":
            hdrs = s.headers
            ws = [3000, 3400, TW - 6400]
            rows = [row([cell(para(run(h, b=True, sz=10), after=0), w, shade=lab_fill) for h, w in zip(hdrs, ws)], header=True)]
            elems = ["AgencyWorkerName", "AgencyName", "AgencyContact"]
            data = list(s.rows) + [(None, None, None)] * rng.choice([1, 2])
            for r_ in data:
                cells_ = []
                for val, w, el in zip(r_, ws, elems):
                    inner = cell(para(run(val) if val else "", after=0), w)
                    cells_.append(cx(el, inner, None if val else f"[{el}]"))
                rows.append(cx("Agency", row(cells_)))
                counts["row"] += 1
            body.append(cx("Agencies", table(rows, ws)) if wrap_tables else table(rows, ws))
            if not s.rows:
                body.append(para(run("No other agencies recorded.", i=True, sz=9)))
            continue
        rows = []
        for f in s.fields:
            el = ELEM.get(f.key, "InternalItem")
            rows.append(row([label_cell(f.label, wl), answer_cell(f, el, wv)], cant_split=f.kind != "long"))
        attrs = {"number": str(s.child + 1)} if s.key == "child" else None
        if wrap_tables:
            body.append(cx(SEC_ELEM.get(s.key, "Section"), table(rows, [wl, wv]), attrs=attrs))
        else:
            body.append(table(rows, [wl, wv]))
    body.append(para(run("Signed (print name) ______________________   Date ____________", sz=10), before=300))
    body.append(para(run("Office use only - Partnership reference: ______   Date received: ______", sz=9, color="595959")))
    h, ft = furniture(case, sz=8)
    doc = document("".join(body), sect_pr())
    st = settings(before_compat="<w:showXMLTags/><w:alwaysMergeEmptyNamespace/>",
                  after_compat=f'<w:attachedSchema w:val="{uri}"/>', compat=12)
    write_docx(path, doc, styles(font="Calibri", size=11, heading_color="1F497D"), st, h, ft,
               core(case.title, case.extras["ref_first"] + " " + case.extras["ref_last"], when(case)),
               app(version="12.0000", template=f"{case.form_ref}.dotx"))
    return {"namespace": uri, "base_wrap": base_mode, "section_tables_wrapped": wrap_tables, "wraps": counts}


# ================================================================== W-ECOMAP

EMU = 914400


def _sym(chosen: bool, font="Wingdings") -> str:
    code = 253 if chosen else 168
    ch = "F0FD" if chosen else "F0A8"
    res = f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/><w:sz w:val="22"/></w:rPr><w:sym w:font="{font}" w:char="{ch}"/></w:r>'
    return field_runs(f' SYMBOL {code} \\f "{font}" \\s 11 ', res)


def _choice_runs(f: Fld, vertical=False) -> str:
    out = []
    for k, (word, _c) in enumerate(f.options):
        chosen = f.shown == k
        if out:
            out.append(run("\n" if vertical else "   "))
        out.append(_sym(chosen) + run(" " + word, sz=10))
        if f.kind == "itype" and _c == "other":
            out.append(run(": " + (f.spec or "") if chosen and f.spec else ": ______", sz=10))
    return "".join(out)


def _node_txbx(lines: list[tuple[str, bool]], color="000000") -> str:
    ps = []
    for t, b in lines:
        ps.append(para(run(t, b=b, sz=8, color=color), jc="center", after=0, line=220))
    return f"<w:txbxContent>{''.join(ps)}</w:txbxContent>"


def _ecomap_drawing(case: Case, centre_lines, nodes, rng) -> str:
    """nodes: [(lines, kind('service'|'family'), style('solid'|'dash'|'zigzag'))]"""
    W, H = int(6.4 * EMU), int(5.0 * EMU)
    nw, nh = int(1.95 * EMU), int(1.0 * EMU)
    cw, ch = int(1.6 * EMU), int(0.8 * EMU)
    cxm, cym = W // 2, int(2.2 * EMU)
    rx, ry = int(2.2 * EMU), int(1.65 * EMU)
    n = max(1, len(nodes))
    start = rng.uniform(-100, -80)
    pos = []
    for k in range(len(nodes)):
        a = math.radians(start + 360.0 * k / n)
        pos.append((int(cxm + rx * math.cos(a)), int(cym + ry * math.sin(a))))
    shapes, vml = [], []
    sid = [10]

    def nid():
        sid[0] += 1
        return sid[0]

    fills = {"service": ("DDEBF7", "2E75B6"), "family": ("E2EFDA", "548235"), "centre": ("FFF2CC", "BF8F00")}
    # connectors first (behind)
    order = list(range(len(nodes)))
    rng.shuffle(order)
    lines_xml = []
    for k in order:
        (x2, y2) = pos[k]
        x1, y1 = cxm, cym
        dx, dy = x2 - x1, y2 - y1
        flip = ' flipH="1"' if (dx < 0) != (dy < 0) else ""
        style = nodes[k][2]
        dash = '<a:prstDash val="dash"/>' if style == "dash" else ""
        wdt = 28575 if style == "solid" else 12700
        col = "C00000" if style == "zigzag" else "404040"
        i = nid()
        lines_xml.append(
            f'<wps:wsp><wps:cNvPr id="{i}" name="Straight Connector {i}"/><wps:cNvCnPr/><wps:spPr>'
            f'<a:xfrm{flip}><a:off x="{min(x1, x2)}" y="{min(y1, y2)}"/><a:ext cx="{max(1, abs(dx))}" cy="{max(1, abs(dy))}"/></a:xfrm>'
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{wdt}"><a:solidFill><a:srgbClr val="{col}"/></a:solidFill>{dash}</a:ln>'
            f'</wps:spPr><wps:bodyPr/></wps:wsp>')
        vml.append(f'<v:line id="_x0000_s{1000 + i}" style="position:absolute" from="{x1 // 12700},{y1 // 12700}" '
                   f'to="{x2 // 12700},{y2 // 12700}" strokecolor="#{col}" strokeweight="{wdt / 12700:.2f}pt"'
                   + (' ><v:stroke dashstyle="dash"/></v:line>' if dash else "/>"))

    def shape(x, y, w, h, lines, kind, geom="ellipse"):
        i = nid()
        fill, ln = fills[kind]
        shapes.append(
            f'<wps:wsp><wps:cNvPr id="{i}" name="{"Oval" if geom == "ellipse" else "Rectangle"} {i}"/><wps:cNvSpPr/><wps:spPr>'
            f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="{ln}"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:txbx>{_node_txbx(lines)}</wps:txbx>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="45720" tIns="27432" rIns="45720" bIns="27432" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>')
        tag = "v:oval" if geom == "ellipse" else "v:rect"
        vml.append(f'<{tag} id="_x0000_s{1000 + i}" style="position:absolute;left:{x // 12700};top:{y // 12700};width:{w // 12700};height:{h // 12700};v-text-anchor:middle" '
                   f'fillcolor="#{fill}" strokecolor="#{ln}" strokeweight="1pt"><v:textbox inset="3.6pt,2.16pt,3.6pt,2.16pt">'
                   f'{_node_txbx(lines)}</v:textbox></{tag}>')

    shape(cxm - cw // 2, cym - ch // 2, cw, ch, centre_lines, "centre")
    creation = list(range(len(nodes)))
    rng.shuffle(creation)
    for k in creation:
        x, y = pos[k]
        shape(x - nw // 2, y - nh // 2, nw, nh, nodes[k][0], nodes[k][1])
    legend = [("Key", True), ("Blue: services / professionals", False), ("Green: family and friends", False),
              ("Thick line: strong   dashed: weak   red: stressful", False)]
    shape(int(3.7 * EMU), H - int(0.62 * EMU), int(2.7 * EMU), int(0.62 * EMU), legend, "service", geom="rect")
    inner = "".join(lines_xml) + "".join(shapes)
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{W}" cy="{H}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="Group 1" descr="Ecomap"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
        f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{W}" cy="{H}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{W}" cy="{H}"/></a:xfrm></wpg:grpSpPr>{inner}</wpg:wgp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing>')
    fallback = (f'<w:pict><v:group id="Group 1" o:spid="_x0000_s1026" style="position:absolute;margin-left:0;margin-top:0;'
                f'width:{W // 12700}pt;height:{H // 12700}pt;z-index:251659264" coordorigin="0,0" coordsize="{W // 12700},{H // 12700}">'
                f'{"".join(vml)}<w10:wrap type="topAndBottom"/></v:group></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wpg">{drawing}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


FAMILY = [("Mum", "female"), ("Dad", "male"), ("Nan", "female"), ("Grandad", "male"), ("Aunt", "female"),
          ("Older brother", "male"), ("Older sister", "female"), ("Mum's partner", "male"), ("Uncle", "male"),
          ("Best friend", "female")]


def w_ecomap(case: Case, path) -> dict:
    rng = case.rng
    S = case.sender
    from u18_model import ADULT_FIRST
    lab_fill = rng.choice(["D9E2F3", "E7E6E6", "DEEAF6"])
    body = [para(run(S["org"], b=True, sz=14, color="2F5496") + run("\n" + S["unit"], sz=10, color="595959"), after=80),
            para(run(case.title), style="Heading1"),
            para(run(case.guidance, sz=10, i=True, color="404040"), after=160)]
    wl, wv = 3400, TW - 3400

    def ftable(fields):
        rows = []
        for f in fields:
            if f.kind in ("yn", "gender", "itype"):
                content = para(_choice_runs(f, vertical=f.kind == "itype"), after=40)
            elif f.kind in ("long",):
                content = "".join(para(run(t, sz=10), after=80) for t in (f.shown or [])) or para("", after=40)
            else:
                content = para(run("\n".join(lines_of(f)), sz=10), after=40)
            rows.append(row([cell(para(run(f.label, b=True, sz=10), after=40), wl, shade=lab_fill), cell(content, wv)]))
        return table(rows, [wl, wv], color="A6A6A6")

    n_ag = 0
    n_fam = [0]
    for s in case.sections:
        body.append(para(run(s.title), style="Heading2", keep=True))
        if s.key == "agencies":
            centre = []
            for cs in child_sections(case):
                name = next((f.shown for f in cs.fields if f.key in ("child.name", "child.first")), "")
                centre.append((name.split()[0] if name else "Child", True))
            centre = [(" & ".join(t for t, _ in centre), True), ("(child)" if len(centre) == 1 else "(children)", False)]
            nodes = []
            for (nm, ag, contact) in s.rows:
                lines = [(ag, True)]
                if nm:
                    lines.append((nm, False))
                lines.append((contact, False))
                nodes.append((lines, "service", rng.choice(["solid", "dash", "solid", "zigzag"])))
                n_ag += 1
            fam = rng.sample(FAMILY, rng.randint(1, 3) if s.rows else rng.randint(2, 4))
            n_fam[0] = len(fam)
            for rel, sx in fam:
                nm = rng.choice(ADULT_FIRST[:20] if sx == "female" else ADULT_FIRST[20:])
                lines = [(rel, True), (nm, False)] if rng.random() < 0.7 else [(f"{rel} ({nm})", True)]
                nodes.append((lines, "family", rng.choice(["solid", "dash", "zigzag"])))
            rng.shuffle(nodes)
            body.append(para(run("Draw the child in the middle and every service and important person around them. "
                                 "Services involved with the family must show the worker's name and a contact number "
                                 "or email.", sz=9, i=True)))
            body.append(para(_ecomap_drawing(case, centre, nodes, rng), after=120))
            if not s.rows:
                body.append(para(run("No other services are involved with the family at present.", sz=10)))
            continue
        body.append(ftable(s.fields))
    body.append(para(run("Completed by: ____________________   Signature: ____________________", sz=10), before=240))
    h, ft = furniture(case, sz=8)
    doc = document("".join(body), sect_pr())
    write_docx(path, doc, styles(font="Calibri", size=11, heading_color="2F5496"), settings(), h, ft,
               core(case.title, case.extras["ref_first"] + " " + case.extras["ref_last"], when(case)), app())
    return {"ecomap_services": n_ag, "ecomap_family": n_fam[0], "ticks": "SYMBOL fields (Wingdings 253 / 168)"}


# ================================================================== W-ROUTING

def w_routing(case: Case, path) -> dict:
    rng = case.rng
    S = case.sender
    glyph = rng.choice([("☒", "☐"), ("■", "□"), ("[X]", "[  ]")])
    arrow = rng.choice(["→ ", "GO TO ", "► "])
    q = [0]
    rows: list[str] = []
    tables: list[str] = []
    ws = [850, 5000, TW - 5850]
    hdr_row = row([cell(para(run(t, b=True, sz=9, color="FFFFFF"), after=0), w, shade="404040")
                   for t, w in zip(["Q", "Question", "Answer"], ws)], header=True)
    extra_yn = []

    def nq():
        q[0] += 1
        return q[0]

    def filt(text):
        rows.append(row([cell(para(run(text.upper(), i=True, sz=8, color="404040"), after=0), TW, span=3, shade="F2F2F2")]))

    def opt_paras(options, chosen, routes=None, codes=True):
        ps = []
        for k, word in enumerate(options):
            mark = glyph[0] if chosen == k else glyph[1]
            t = f"{mark} {k + 1 if codes else ''}  {word}".replace("  ", " ", 1) if codes else f"{mark} {word}"
            r_ = run(t, sz=10)
            if routes and routes[k]:
                r_ += run("   " + arrow + routes[k], i=True, sz=8, color="7F7F7F")
            ps.append(para(r_, after=0))
        return "".join(ps)

    def qrow(label, answer_xml, hint=None, number=None):
        n = number if number is not None else nq()
        lab = run(label, sz=10)
        if hint:
            lab += run("\n" + hint, i=True, sz=8, color="7F7F7F")
        rows.append(row([cell(para(run(f"Q{n}", b=True, sz=10), after=0), ws[0]),
                         cell(para(lab, after=0), ws[1]), cell(answer_xml or para("", after=0), ws[2])]))
        return n

    def text_answer(f):
        ls = lines_of(f)
        if f.kind == "long":
            return "".join(para(run(t, sz=10), after=80) for t in ls)
        return para(run("\n".join(ls), sz=10), after=0) if ls else ""

    def flush():
        if rows:
            tables.append(table([hdr_row] + rows, ws, color="808080"))
            rows.clear()

    body = [para(run(S["org"].upper(), b=True, sz=11) + run("\t" + case.form_ref, sz=9), tabs=[("right", TW, None)], after=40),
            para(run(case.title), style="Heading1"),
            para(run("HOW TO COMPLETE: answer every question that applies. Where a question has numbered answers, put a "
                     f"cross in the box ({glyph[0]}) next to one answer and follow the instruction beside it. "
                     "Questions you are routed past must be left blank.", sz=9), after=60),
            para(run(case.guidance, sz=9), after=160)]

    def section_heading(title):
        rows.append(row([cell(para(run(title, b=True, sz=10), after=0), TW, span=3, shade="D9D9D9")]))

    for s in case.sections:
        if s.key == "child":
            if s.child == 0:
                flush_needed = False
                nkids = len(child_sections(case))
                section_heading(s.title if nkids == 1 else s.title.replace(" 1", ""))
                qrow("How many children or young people are you referring?", para(run(str(nkids), sz=10), after=0))
                filt(f"Child loop: ask Q{q[0] + 1} onwards for each child. Photocopy this page for each extra child.")
                loop_start = q[0] + 1
            else:
                section_heading(s.title)
            # numbering restarts for each child in the loop
            q[0] = loop_start - 1
            by = {f.key: f for f in s.fields}
            for f in s.fields:
                if f.key == "child.dob":
                    known = 0 if f.shown else 1
                    n_dob = q[0] + 2
                    n_age = q[0] + 3
                    qrow("Is the child's date of birth (or due date) known?",
                         opt_paras(["Yes", "No"], known, [f"Q{n_dob}", f"Q{n_age}"]))
                    extra_yn.append(f"dob_known={'Yes' if known == 0 else 'No'}")
                    qrow(f.label, text_answer(f), hint="DD/MM/YYYY")
                    continue
                if f.key == "child.age":
                    qrow(f.label, text_answer(f))
                    continue
                if f.key == "child.date_of_death":
                    died = 0 if f.date else 1
                    n_dod = q[0] + 2
                    qrow("Has this child died?", opt_paras(["Yes", "No"], died, [f"Q{n_dod}", f"Q{n_dod + 1}"]))
                    extra_yn.append(f"child_died={'Yes' if died == 0 else 'No'}")
                    qrow(f.label, text_answer(f) if f.date else "")
                    continue
                if f.kind in ("yn", "gender"):
                    qrow(f.label, opt_paras([o[0] for o in f.options], f.shown))
                else:
                    qrow(f.label, text_answer(f))
            if s.child == len(child_sections(case)) - 1:
                filt("End of child loop")
            continue
        section_heading(s.title)
        if s.key == "agencies":
            has = bool(s.rows)
            nxt = q[0] + 2
            n = qrow("Are any other agencies or professionals involved with the child or family?",
                     opt_paras(["Yes", "No", "Don't know"], 0 if has else 1, [f"Q{nxt}", f"Q{nxt + 1}", f"Q{nxt + 1}"]))
            extra_yn.append(f"other_agencies={'Yes' if has else 'No'}")
            aw = [3000, 3300, TW - 6300]
            grid_rows = [row([cell(para(run(h, b=True, sz=9), after=0), w, shade="F2F2F2") for h, w in zip(s.headers, aw)])]
            for (nm, ag, ct) in s.rows:
                grid_rows.append(row([cell(para(run(v or "", sz=10), after=0), w) for v, w in zip((nm, ag, ct), aw)]))
            for _ in range(max(0, 3 - len(s.rows))):
                grid_rows.append(row([cell(para("", after=0), w) for w in aw]))
            qrow("List each agency: the worker's name (if known), the agency and a contact number or email.", para(
                run("(see grid below)", i=True, sz=8, color="7F7F7F"), after=0))
            flush()
            tables.append(table(grid_rows, aw, color="808080"))
            continue
        for f in s.fields:
            if f.key == "panel_notified":
                n_date = q[0] + 2
                qrow(f.label, opt_paras([o[0] for o in f.options], f.shown,
                                        [f"Q{n_date}"] + [f"Q{n_date + 1}"] * (len(f.options) - 1)))
                continue
            if f.key == "incident.type":
                ps = opt_paras([o[0] for o in f.options], f.shown)
                if f.spec and f.shown is not None and f.options[f.shown][1] == "other":
                    ps += para(run("Please specify: " + f.spec, sz=10), after=0)
                qrow(f.label, ps)
                continue
            if f.kind in ("yn", "gender"):
                qrow(f.label, opt_paras([o[0] for o in f.options], f.shown))
            else:
                qrow(f.label, text_answer(f), hint="DD/MM/YYYY" if f.kind == "date" and rng.random() < 0.5 else None)
    flush()
    body.append("".join(t + para("", after=0) for t in tables))
    body.append(para(run("END OF QUESTIONNAIRE - thank you. Return to the Partnership Business Unit.", b=True, sz=9), before=200))
    h, ft = furniture(case, font="Arial", sz=8)
    doc = document("".join(body), sect_pr())
    write_docx(path, doc, styles(font="Arial", size=10, heading_color="000000"), settings(), h, ft,
               core(case.title, "Partnership Business Unit", when(case), case.extras["ref_first"] + " " + case.extras["ref_last"]), app())
    return {"tick_glyphs": "/".join(glyph), "routing_marker": arrow.strip(), "extra_yes_no": extra_yn}


# ================================================================== W-AUTOCRAT

def w_autocrat(case: Case, path) -> dict:
    rng = case.rng
    S = case.sender
    G = dict(google=True, font="Arial")

    def gr(text, **kw):
        k = dict(G)
        k.update(kw)
        return run(text, **k)

    def gp(content, **kw):
        kw.setdefault("before", 0)
        kw.setdefault("after", 0)
        kw.setdefault("line", 276)
        return para(content, **kw)

    ts_date = case.referral_date
    if rng.random() < 0.4:
        from u18_model import add_days
        ts_date = add_days(ts_date, 1)
    stamp = f"{fmt_date(ts_date, 'slash')} {rng.randrange(7, 22):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    ref_email = next(f for f in case.sections[0].fields if f.key == "referrer.email")
    collected = ref_email.shown or ""
    hints = {"child.dob": "Use the date picker", "referrer.phone": "Direct line or mobile",
             "date_of_referral": "Today's date", "incident.date_la_aware": "If you don't know, leave blank",
             "incident.summary": "Tell us what happened, in your own words. Include dates and who was there.",
             "incident.type": "Choose one: " + " / ".join(o[0] for o in S["itypes"]),
             "child.gender": "Choose one", "criteria.reason": "Short answer is fine"}
    wq, wa = 4300, TW - 4300
    body = [gp(gr(f"Referral: {case.extras['child_first'][0]}", sz=20), style="Title", after=120),
            gp(gr(f"{S['org']} - {case.title}", sz=10, color="666666"), after=200)]
    meta = [("Timestamp", stamp), ("Email address", collected)]
    body.append(table([row([cell(gp(gr(a, b=True, sz=10)), wq, shade="F3F3F3"), cell(gp(gr(b, sz=10)), wa)]) for a, b in meta],
                      [wq, wa], color="BFBFBF"))
    body.append(gp(gr(case.guidance, sz=9, i=True, color="666666"), before=160, after=160))

    def qcell(label, hint=None):
        c = gp(gr(label, b=True, sz=10))
        if hint:
            c += gp(gr(hint, sz=8, color="808080"))
        return cell(c, wq)

    def acell(f: Fld | None, text=None):
        if f is not None:
            if f.kind == "itype":
                if f.shown is None:
                    t = ""
                else:
                    w, canon = f.options[f.shown]
                    t = f.spec if canon == "other" and f.spec else w
            elif f.kind == "long":
                t = "\n\n".join(f.shown or [])
            elif f.kind == "addr":
                t = "\n".join(f.shown or []) if rng.random() < 0.6 else ", ".join(f.shown or [])
            else:
                t = "\n".join(lines_of(f))
        else:
            t = text or ""
        ps = "".join(gp(gr(x, sz=10)) for x in t.split("\n")) if t else gp("")
        return cell(ps, wa)

    kids = child_sections(case)
    nslots = max(2, len(kids))
    blank_child = None
    for s in case.sections:
        if s.key == "child":
            blank_child = s
    for s in case.sections:
        if s.key == "child":
            continue_title = s.title
            body.append(gp(gr(s.title if len(kids) > 1 else S["sec_titles"]["child"], sz=13, color="434343"), style="Heading2",
                           before=240, after=80))
            rows = []
            for f in s.fields:
                if f.key == "referrer.email":
                    continue
                rows.append(row([qcell(f.label, hints.get(f.key)), acell(f)]))
            more = "Yes" if s.child < len(kids) - 1 else "No"
            rows.append(row([qcell("Is there another child you need to tell us about?"), acell(None, more)]))
            body.append(table(rows, [wq, wa], color="BFBFBF"))
            if s.child == len(kids) - 1:
                for extra in range(len(kids), nslots):
                    body.append(gp(gr(S["sec_titles"]["childn"].format(n=extra + 1) + " (if applicable)", sz=13, color="434343"),
                                   style="Heading2", before=240, after=80))
                    rows = [row([qcell(f.label), acell(None, "")]) for f in blank_child.fields]
                    body.append(table(rows, [wq, wa], color="BFBFBF"))
            continue
        body.append(gp(gr(s.title, sz=13, color="434343"), style="Heading2", before=240, after=80))
        rows = []
        if s.key == "agencies":
            slots = max(3, len(s.rows))
            for k in range(slots):
                nm, ag, ct = s.rows[k] if k < len(s.rows) else ("", "", "")
                rows.append(row([qcell(f"Other agency {k + 1}: organisation"), acell(None, ag)]))
                rows.append(row([qcell(f"Other agency {k + 1}: name of worker", "If known"), acell(None, nm or "")]))
                rows.append(row([qcell(f"Other agency {k + 1}: phone or email"), acell(None, ct)]))
        else:
            for f in s.fields:
                if f.key == "referrer.email":
                    continue
                rows.append(row([qcell(f.label, hints.get(f.key)), acell(f)]))
        body.append(table(rows, [wq, wa], color="BFBFBF"))
    h, ft = furniture(case, font="Arial", sz=8)
    doc = document("".join(body), sect_pr())
    st = styles(font="Arial", size=11, heading_color="000000")
    write_docx(path, doc, st, settings(), h, ft, core("", "", when(case)), None)
    return {"timestamp": stamp, "child_slots": nslots, "collected_email": collected}


# ================================================================== W-FILLIN

PROMPTS = {
    "referrer.name": "Your full name", "referrer.role": "Your job title", "referrer.agency": "Your team or organisation",
    "referrer.email": "Your email address (e.g. name@organisation.org.uk)", "referrer.phone": "Your phone number (e.g. 01632 960000)",
    "date_of_referral": "Today's date (e.g. 01/01/2015)", "safeguarding_lead.name": "Name of your safeguarding lead",
    "safeguarding_lead.discussed": "Has your safeguarding lead agreed? Type Yes, No or Unknown",
    "child.dob": "Child's date of birth (dd/mm/yyyy, e.g. 01/01/2015)", "child.gender": "Sex / gender of the child",
    "child.address": "Child's address - use Shift+Enter for a new line", "incident.summary":
        "Describe what happened. Press Shift+Enter twice between paragraphs.",
    "incident.type": "Type of incident (see the list in the guidance)", "panel_notified": "Has the Panel been notified? Yes / No",
}


def w_fillin(case: Case, path) -> dict:
    rng = case.rng
    S = case.sender
    dflt_style = rng.choice(["empty", "notknown", "mixed"])
    n_default = [0]
    font = rng.choice(["Calibri", "Arial", "Verdana"])

    def fill_field(f: Fld, key: str, label: str) -> str:
        ls = lines_of(f)
        if f.kind == "long":
            text = "\n\n".join(ls)
        else:
            text = "\n".join(ls)
        prompt = PROMPTS.get(key) or (label.rstrip("?:") + ("? (Yes / No / Unknown)" if f.kind == "yn" else ""))
        dflt = ""
        if dflt_style == "notknown" or (dflt_style == "mixed" and rng.random() < 0.5):
            dflt = "Not known"
        if not text and dflt:
            text = dflt
            n_default[0] += 1
        instr = f' FILLIN "{prompt}" \\d "{dflt}" \\* MERGEFORMAT '
        return field_runs(instr, run(text, font=font, sz=10, color="1F3864") if text else "", rpr(font=font, sz=10))

    tabpos = 4400

    def colon(label):
        return label if label.endswith(("?", ")", ":")) else label + ":"

    def line(f: Fld, key=None):
        key = key or f.key
        if f.kind == "long" or len(f.label) > 44:
            return (para(run(colon(f.label), b=True, font=font, sz=10), after=20, keep=True)
                    + para(fill_field(f, key, f.label), ind_left=360, after=120 if f.kind == "long" else 60))
        return para(run(colon(f.label), b=True, font=font, sz=10) + run("\t", font=font) + fill_field(f, key, f.label),
                    tabs=[("left", tabpos, None)], ind_left=tabpos, hanging=tabpos, after=60)

    kids = child_sections(case)
    body = [para(run(S["org"], b=True, font=font, sz=12) + run("\t" + case.form_ref, font=font, sz=9),
                 tabs=[("right", TW, None)], after=40, border_bottom="single"),
            para(run(case.title, font=font), style="Heading1"),
            para(run(case.guidance, font=font, sz=9, i=True), after=160)]
    for s in case.sections:
        if s.key in ("child",):
            continue
        body.append(para(run(s.title, font=font), style="Heading2", keep=True))
        if s.key == "lead":
            pass
        if s.key == "agencies":
            aw = [3000, 3400, TW - 6400]
            rows = [row([cell(para(run(h, b=True, font=font, sz=9), after=0), w, shade="E7E6E6") for h, w in zip(s.headers, aw)], header=True)]
            data = list(s.rows) + [(None, None, None)] * (1 if len(s.rows) < 4 else 0)
            for r_ in data:
                cs = []
                for v, w in zip(r_, aw):
                    fx = Fld("agency", "", "text", shown=v or "")
                    cs.append(cell(para(fill_field(fx, "agency", "Agency detail"), after=0), w))
                rows.append(row(cs))
            body.append(table(rows, aw, color="A6A6A6"))
            continue
        for f in s.fields:
            body.append(line(f))
        if s.key == "lead":
            body.append(para(run("Children and young people:", b=True, font=font, sz=10) + run("\t", font=font)
                             + run(f"{len(kids)} - a separate child sheet is attached for each child", font=font, sz=10),
                             tabs=[("left", tabpos, None)], ind_left=tabpos, hanging=tabpos, before=120, after=120))
    body.append(para(run("Declaration", font=font), style="Heading2"))
    body.append(para(run("I confirm the information in this form and the attached child sheet(s) is accurate to the best of my "
                         "knowledge.  Signed: ____________________", font=font, sz=10)))
    body.append(para(run("OFFICE USE ONLY", font=font), style="Heading2"))
    body.append(para(run("Date received: ________   Logged by: ________   Rapid Review date: ________", font=font, sz=10, color="595959")))
    for k, s in enumerate(kids):
        body.append(para(run(f"CHILD SHEET {k + 1} of {len(kids)}", font=font), style="Heading1", page_break_before=True))
        body.append(para(run(f"Attach to referral {case.form_ref}. Complete one sheet for each child.", font=font, sz=9, i=True)))
        for f in s.fields:
            body.append(line(f))
    h, ft = furniture(case, font=font, sz=8)
    doc = document("".join(body), sect_pr())
    write_docx(path, doc, styles(font=font, size=10, heading_color="1F3864"), settings(), h, ft,
               core(case.title, case.extras["ref_first"] + " " + case.extras["ref_last"], when(case)),
               app(template=f"{case.form_ref}.dotx"))
    return {"fillin_default": dflt_style, "defaults_shown": n_default[0], "child_sheets": len(kids), "font": font}


WORD_LAYOUTS = {"W-XMLTAGS": w_xmltags, "W-ECOMAP": w_ecomap, "W-ROUTING": w_routing, "W-AUTOCRAT": w_autocrat,
                "W-FILLIN": w_fillin}
