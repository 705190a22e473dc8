"""The five Word layouts of unseen25."""

from __future__ import annotations

import random

import wml
from model import Agencies, Choice, Field, Form

W_FULL = 9638  # text width in twips (A4, 2 cm margins)


# ---------------------------------------------------------------- shared
def header_xml(form: Form, font=None) -> str:
    s = form.s
    return wml.hdr_ftr("header", wml.para(
        [wml.run(s["marking"], bold=True, size=18, font=font, color="C00000"), wml.tab_run(), wml.tab_run(),
         wml.run(s["partnership"], size=16, font=font)], style="Header"))


def footer_xml(form: Form, font=None, version="v2.1") -> str:
    s = form.s
    rp = wml.rpr(size=16, font=font)
    return wml.hdr_ftr("footer", wml.para(
        [wml.run(f"{s['form_ref']} {version}", size=16, font=font), wml.tab_run(), wml.run(s["marking"], size=16, font=font),
         wml.tab_run(), wml.run("Page ", size=16, font=font), wml.page_field(rp)], style="Footer"))


def title_block(form: Form, font=None, color="1F3864") -> str:
    s = form.s
    out = wml.para(wml.run(s["org"], bold=True, size=20, font=font, color="595959"), after=40)
    out += wml.para(wml.run(s["title"], bold=True, size=30, font=font, color=color), after=80)
    out += wml.para(wml.run(form.guidance, italic=True, size=18, font=font, color="404040"), after=160)
    return out


def value_paras(it: Field, font=None, size=None, color=None) -> str:
    """Answer paragraphs for a Field (address lines as line breaks or paragraphs, long text as paragraphs)."""
    if it.paras:
        return "".join(wml.para(wml.run(p, font=font, size=size, color=color), after=60) for p in it.paras)
    if it.lines:
        return wml.para(wml.run("\n".join(it.lines), font=font, size=size, color=color), after=0)
    return wml.para(wml.run(it.text or "", font=font, size=size, color=color) if it.text else "", after=0)


def agencies_table(ag: Agencies, font=None, head_shade="D9D9D9", blank_worker="", size=None) -> str:
    widths = [3400, 2800, 3438]
    rows = [wml.row([wml.cell(wml.para(wml.run(h, bold=True, font=font, size=size), after=0), w, shade=head_shade)
                     for h, w in zip(ag.headers, widths)], header=True)]
    for a, n, c in ag.rows:
        rows.append(wml.row([wml.cell(wml.para(wml.run(v, font=font, size=size) if v else "", after=0), w)
                             for v, w in zip([a, n or blank_worker, c], widths)]))
    for _ in range(ag.spare):
        rows.append(wml.row([wml.cell("<w:p/>", w) for w in widths]))
    return wml.table(rows, widths)


def section_items(form: Form):
    for sec in form.sections:
        yield sec


# ================================================================= W-EQMARK
def _eq_box_tick() -> str:
    """Word's overstrike: a box with a tick drawn over it, only in the field code (no stored result)."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> EQ \\o(□,</w:instrText></w:r>'
            '<w:r><w:rPr><w:b/><w:position w:val="2"/><w:sz w:val="18"/></w:rPr><w:instrText>√</w:instrText></w:r>'
            '<w:r><w:instrText xml:space="preserve">) </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _eq_ring(letter: str) -> str:
    """Word's Enclose Characters: the letter inside a circle, written as an EQ field with no stored result."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> eq \\o\\ac(</w:instrText></w:r>'
            '<w:r><w:rPr><w:position w:val="-4"/><w:sz w:val="33"/></w:rPr><w:instrText>○</w:instrText></w:r>'
            f'<w:r><w:instrText>,{wml.esc(letter)})</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _codes(options: list[str]) -> list[str]:
    out = []
    for i, o in enumerate(options):
        c = o.strip()[0].upper()
        if i == 2 and len(options) == 3 and options[0].lower().startswith("y"):
            c = "?"
        if c in out:
            c = str(i + 1)
        out.append(c)
    return out


def render_eqmark(form: Form, rng: random.Random) -> bytes:
    s = form.s
    font = rng.choice(["Arial", "Calibri"])
    ring = rng.random() < 0.5
    form.notes["eq_variant"] = "enclose" if ring else "overstrike"
    body = title_block(form, font)
    lw, aw = 3900, W_FULL - 3900
    for sec in form.sections:
        rows = [wml.row([wml.cell(wml.para(wml.run(sec.title, bold=True, color="FFFFFF", font=font), after=0),
                                  W_FULL, shade="1F3864", span=2)])]
        ag_xml = ""
        for it in sec.items:
            if isinstance(it, Agencies):
                ag_xml = agencies_table(it, font, blank_worker=s["ag_worker_blank"])
                continue
            label_runs = [wml.run(it.label, bold=True, font=font, size=20)]
            if isinstance(it, Field):
                ans = value_paras(it, font)
            else:
                codes = _codes(it.options)
                if ring and it.kind in ("yesno", "gender"):
                    key = ", ".join(f"{c} = {o}" for c, o in zip(codes, it.options))
                    label_runs.append(wml.run(f"\n({key} - circle one)", italic=True, size=16, font=font,
                                              color="595959"))
                    runs = ""
                    for i, c in enumerate(codes):
                        runs += (_eq_ring(c) if i == it.chosen else wml.run(c, font=font)) + wml.run("      ", font=font)
                    ans = wml.para(runs, after=0)
                elif it.kind == "itype":
                    ans = ""
                    for i, o in enumerate(it.options):
                        box = _eq_box_tick() if i == it.chosen else wml.run("□ ", font=font)
                        ans += wml.para(box + wml.run(o, font=font), after=20)
                    dl = it.detail_label or "Details"
                    ans += wml.para(wml.run(f"{dl}: ", italic=True, font=font, size=18) +
                                    (wml.run(it.detail, font=font) if it.detail else ""), after=0)
                else:
                    runs = ""
                    for i, o in enumerate(it.options):
                        box = _eq_box_tick() if i == it.chosen else wml.run("□ ", font=font)
                        runs += box + wml.run(o + "     ", font=font)
                    ans = wml.para(runs, after=0)
            rows.append(wml.row([wml.cell(wml.para(label_runs, after=0), lw, shade="F2F2F2"), wml.cell(ans, aw)],
                                cant_split=True))
        body += wml.table(rows, [lw, aw], style="TableGrid")
        if ag_xml:
            body += ag_xml
        body += wml.para("", after=120)
    doc = wml.document(body, wml.sect_pr())
    pkg = wml.Package()
    return pkg.build(doc, title=s["title"], creator=form.record["referrer"]["name"] or "", last_by="",
                     company=s["org"], font=font, header=header_xml(form, font), footer=footer_xml(form, font))


# ================================================================= W-UNPROTECTED
class _FF:
    def __init__(self):
        self.n = 0
        self.bm = 0

    def _name(self, kind):
        self.n += 1
        return f"{kind}{self.n}"

    def text(self, result="", date=False, lines=None, rp=""):
        name = self._name("Text")
        self.bm += 1
        ti = '<w:textInput><w:type w:val="date"/><w:format w:val="dd/MM/yyyy"/></w:textInput>' if date else "<w:textInput/>"
        out = f'<w:bookmarkStart w:id="{self.bm}" w:name="{name}"/>'
        out += (f'<w:r>{rp}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/>{ti}</w:ffData></w:fldChar></w:r>')
        out += f'<w:r>{rp}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        out += f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
        if lines:
            out += "<w:r>" + rp + "".join(("<w:br/>" if i else "") + wml.t(x) for i, x in enumerate(lines)) + "</w:r>"
        elif result:
            out += f"<w:r>{rp}{wml.t(result)}</w:r>"
        else:
            nrp = rp.replace("<w:sz ", "<w:noProof/><w:sz ", 1) if "<w:sz " in rp else "<w:rPr><w:noProof/></w:rPr>"
            out += f'<w:r>{nrp}<w:t xml:space="preserve">\u2002\u2002\u2002\u2002\u2002</w:t></w:r>'
        out += f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{self.bm}"/>'
        return out

    def check(self, rp=""):
        name = self._name("Check")
        self.bm += 1
        return (f'<w:bookmarkStart w:id="{self.bm}" w:name="{name}"/>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/></w:checkBox></w:ffData>'
                f'</w:fldChar></w:r><w:r>{rp}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{self.bm}"/>')

    def dropdown(self, entries, rp=""):
        name = self._name("Dropdown")
        self.bm += 1
        le = "".join(f'<w:listEntry w:val="{wml.esc(e)}"/>' for e in entries)
        return (f'<w:bookmarkStart w:id="{self.bm}" w:name="{name}"/>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:ddList>{le}</w:ddList></w:ffData></w:fldChar></w:r>'
                f'<w:r>{rp}<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{self.bm}"/>')


def render_unprotected(form: Form, rng: random.Random) -> bytes:
    s = form.s
    font = "Arial"
    ff = _FF()
    rp = wml.rpr(font=font, size=20)
    typed_font = rng.choice(["Calibri", "Arial", "Times New Roman"])
    trp = dict(font=typed_font, size=20)
    modes = {"replaced": 0, "after": 0, "inside": 0, "typed_mark": 0}
    body = title_block(form, font, color="2F5496")
    body += wml.para(wml.run("This form uses form fields. Click in a grey box to type. Press Tab to move to the next box.",
                             size=16, italic=True, font=font), after=120)
    lw, aw = 3600, W_FULL - 3600
    for sec in form.sections:
        rows = [wml.row([wml.cell(wml.para(wml.run(sec.title, bold=True, font=font, size=22), after=0), W_FULL,
                                  shade="BDD6EE", span=2)])]
        ag_xml = ""
        for it in sec.items:
            if isinstance(it, Agencies):
                widths = [3400, 2800, 3438]
                arows = [wml.row([wml.cell(wml.para(wml.run(h, bold=True, font=font, size=20), after=0), w,
                                           shade="D9D9D9") for h, w in zip(it.headers, widths)], header=True)]
                for vals in it.rows + [["", "", ""]] * it.spare:
                    cells = []
                    for v, w in zip([vals[0], vals[1] or (s["ag_worker_blank"] if any(vals) else ""), vals[2]], widths):
                        cells.append(wml.cell(wml.para(_typed_text(ff, v, rng, rp, trp, modes), after=0), w))
                    arows.append(wml.row(cells))
                ag_xml = wml.table(arows, widths)
                continue
            label = wml.para(wml.run(it.label, font=font, size=20), after=0)
            if isinstance(it, Field):
                if it.paras:
                    mode = rng.choice(["replaced", "after"])
                    modes[mode] += 1
                    ans = ""
                    if mode == "after":
                        ans += wml.para(ff.text("", rp=rp), after=0)
                    ans += "".join(wml.para(wml.run(p, **trp), after=60) for p in it.paras)
                elif it.lines:
                    mode = rng.choice(["replaced", "after", "inside"])
                    modes[mode] += 1
                    if mode == "inside":
                        ans = wml.para(ff.text(lines=it.lines, rp=rp), after=0)
                    elif mode == "after":
                        ans = wml.para(ff.text("", rp=rp) + wml.run(" " + "\n".join(it.lines), **trp), after=0)
                    else:
                        ans = wml.para(wml.run("\n".join(it.lines), **trp), after=0)
                else:
                    ans = wml.para(_typed_text(ff, it.text or "", rng, rp, trp, modes, date=it.kind == "date"), after=0)
            else:
                ans = _choice_unprotected(it, ff, rng, rp, trp, modes, s)
            rows.append(wml.row([wml.cell(label, lw, shade="F2F2F2"), wml.cell(ans, aw)]))
        body += wml.table(rows, [lw, aw])
        if ag_xml:
            body += ag_xml
        body += wml.para("", after=120)
    form.notes["unprotected_modes"] = modes
    doc = wml.document(body, wml.sect_pr())
    pkg = wml.Package()
    return pkg.build(doc, title=s["title"], creator="Business Support", last_by=form.record["referrer"]["name"] or "",
                     company=s["org"], font=font, size=20, compat=12, app_version="12.0000",
                     template=f"{s['form_ref'].replace('/', '-')}.dotx",
                     settings_extra='<w:documentProtection w:edit="forms" w:enforcement="0"/>',
                     header=header_xml(form, font), footer=footer_xml(form, font, "v1.4"))


def _typed_text(ff, v, rng, rp, trp, modes, date=False):
    if not v:
        return ff.text("", date=date, rp=rp)
    mode = rng.choices(["replaced", "after", "inside"], weights=[40, 35, 25])[0]
    modes[mode] += 1
    if mode == "inside":
        return ff.text(v, date=date, rp=rp)
    if mode == "after":
        return ff.text("", date=date, rp=rp) + wml.run(rng.choice([" ", "  ", ""]) + v, **trp)
    return wml.run(v, **trp)


def _choice_unprotected(it: Choice, ff, rng, rp, trp, modes, s):
    if it.kind == "gender":
        entries = [rng.choice([" ", "Please select"])] + it.options
        out = ff.dropdown(entries, rp=rp)
        if it.chosen is not None:
            out += wml.run("  " + it.options[it.chosen], **trp)
            modes["typed_mark"] += 1
        return wml.para(out, after=0)
    parts = []
    for i, o in enumerate(it.options):
        if i == it.chosen:
            modes["typed_mark"] += 1
            st = rng.choices(["x_after_box", "box_replaced", "tick_after_word"], weights=[55, 25, 20])[0]
            if st == "x_after_box":
                parts.append(ff.check(rp) + wml.run(rng.choice(["X", "x", "X"]), bold=True, **trp) + wml.run(" " + o, font="Arial", size=20))
            elif st == "box_replaced":
                parts.append(wml.run(rng.choice(["X", "[X]", "x"]), bold=True, **trp) + wml.run(" " + o, font="Arial", size=20))
            else:
                parts.append(ff.check(rp) + wml.run(" " + o, font="Arial", size=20) + wml.run(" ✓", **trp))
        else:
            parts.append(ff.check(rp) + wml.run(" " + o, font="Arial", size=20))
    if it.kind == "itype":
        out = "".join(wml.para(p, after=20) for p in parts)
        dl = it.detail_label or "Details"
        out += wml.para(wml.run(f"{dl}: ", font="Arial", size=18, italic=True) +
                        _typed_text(ff, it.detail or "", rng, rp, trp, modes), after=0)
        return out
    return wml.para(wml.run("   ", font="Arial", size=20).join(parts), after=0)


# ================================================================= W-WING2TEXT
def render_wingtext(form: Form, rng: random.Random) -> bytes:
    s = form.s
    font = rng.choice(["Times New Roman", "Arial"])
    w2 = rng.random() < 0.55
    crossed = rng.random() < 0.45
    if w2:
        sym_font, empty, chosen = "Wingdings 2", "£", ("T" if crossed else "R")
    else:
        sym_font, empty, chosen = "Wingdings", "¨", ("ý" if crossed else "þ")
    form.notes["glyph_font"] = f"{sym_font}: empty '{empty}', chosen '{chosen}'"
    body = title_block(form, font, color="000000")
    body += wml.para(wml.run("Please tick (", size=18, font=font) + wml.run(chosen, font=sym_font, size=20) +
                     wml.run(") one box where options are given.", size=18, font=font), after=120)
    lw, aw = 3700, W_FULL - 3700

    def box(is_on):
        return wml.run(chosen if is_on else empty, font=sym_font, size=22)

    for sec in form.sections:
        rows = [wml.row([wml.cell(wml.para(wml.run(sec.title.upper(), bold=True, color="FFFFFF", font=font), after=0),
                                  W_FULL, shade="000000", span=2)])]
        ag_xml = ""
        for it in sec.items:
            if isinstance(it, Agencies):
                ag_xml = agencies_table(it, font, head_shade="BFBFBF", blank_worker=s["ag_worker_blank"])
                continue
            label = wml.para(wml.run(it.label, font=font, size=20), after=0)
            if isinstance(it, Field):
                ans = value_paras(it, font, size=20)
            else:
                if it.kind == "itype":
                    ans = "".join(wml.para(box(i == it.chosen) + wml.run("  " + o, font=font, size=20), after=20)
                                  for i, o in enumerate(it.options))
                    dl = it.detail_label or "Details"
                    ans += wml.para(wml.run(f"{dl}: ", font=font, size=18, italic=True) +
                                    (wml.run(it.detail, font=font, size=20) if it.detail else ""), after=0)
                else:
                    runs = ""
                    for i, o in enumerate(it.options):
                        runs += box(i == it.chosen) + wml.run(f" {o}", font=font, size=20) + wml.run("      ", font=font)
                    ans = wml.para(runs, after=0)
            rows.append(wml.row([wml.cell(label, lw, shade="E7E6E6"), wml.cell(ans, aw)]))
        body += wml.table(rows, [lw, aw], border_sz=6)
        if ag_xml:
            body += ag_xml
        body += wml.para("", after=100)
    doc = wml.document(body, wml.sect_pr())
    pkg = wml.Package()
    return pkg.build(doc, title=s["title"], creator="Administrator", last_by=form.record["referrer"]["name"] or "",
                     company=s["org"], font=font, size=20, compat=11, app_version="14.0000",
                     header=header_xml(form, font), footer=footer_xml(form, font, "v3"))


# ================================================================= W-SIGBLOCK
def _sig_block(rng: random.Random, fields: dict, org_lines: list[str], brand: str, font: str) -> tuple[str, list]:
    """An e-mail signature pasted into a cell: name, role, organisation, phone, e-mail and decoy lines."""
    paras = []
    decoys = []
    name, role, agency, email, phone = (fields[k] for k in ("name", "role", "agency", "email", "phone"))
    if name:
        paras.append(wml.para(wml.run(name, bold=True, size=22, font=font, color=brand), after=0))
    if rng.random() < 0.4:
        pr = rng.choice(["she/her", "he/him", "they/them"])
        paras.append(wml.para(wml.run(f"Pronouns: {pr}", size=16, font=font, color="7F7F7F"), after=0))
        decoys.append("pronouns")
    if role:
        paras.append(wml.para(wml.run(role, size=20, font=font), after=0))
    if agency:
        paras.append(wml.para(wml.run(agency, bold=True, size=20, font=font, color=brand), after=0))
    if rng.random() < 0.6:
        for ln in org_lines:
            paras.append(wml.para(wml.run(ln, size=16, font=font, color="595959"), after=0))
        decoys.append("office address")
    if phone:
        pre = rng.choice(["T: ", "Tel: ", "Direct: ", "Mob: ", "M: ", "Direct line: "])
        if phone.startswith("07") or phone.startswith("+44 7"):
            pre = rng.choice(["Mob: ", "M: ", "Mobile: "])
        paras.append(wml.para(wml.run(pre, bold=True, size=18, font=font, color=brand) + wml.run(phone, size=18, font=font),
                              after=0))
    if rng.random() < 0.35:
        paras.append(wml.para(wml.run("Main office: ", bold=True, size=18, font=font, color=brand) +
                              wml.run(f"03069 990{rng.randrange(0, 1000):03d}", size=18, font=font), after=0))
        decoys.append("main office phone")
    if email:
        pre = rng.choice(["E: ", "Email: ", ""])
        paras.append(wml.para(wml.run(pre, bold=True, size=18, font=font, color=brand) +
                              wml.run(email, size=18, font=font, color="0563C1", underline="single"), after=0))
    if rng.random() < 0.5:
        paras.append(wml.para(wml.run(rng.choice(["Working days: Monday to Thursday", "I work Tuesday - Friday",
                                                  "Part-time: Mon, Wed, Fri"]), italic=True, size=16, font=font,
                                      color="7F7F7F"), after=0))
        decoys.append("working days")
    if rng.random() < 0.6:
        paras.append(wml.para(wml.run("This e-mail and any files sent with it are confidential and for the named "
                                      "recipient only. If you have received it in error please tell the sender and "
                                      "delete it.", size=14, font=font, color="A6A6A6"), before=80, after=0))
        decoys.append("disclaimer")
    if not paras:
        paras.append("<w:p/>")
    return "".join(paras), decoys


def render_sigblock(form: Form, rng: random.Random) -> bytes:
    s = form.s
    font = rng.choice(["Calibri", "Arial", "Verdana"])
    brand = rng.choice(["1F4E79", "7030A0", "00706B", "C55A11"])
    body = title_block(form, font, color=brand)
    lw, aw = 3500, W_FULL - 3500
    rec = form.record
    org_lines = [f"{rng.randrange(1, 90)} {rng.choice(['Station Road', 'Civic Way', 'Albion Street', 'Bridge Street'])}",
                 f"{s['towns'][0]} {s['postcode']}{rng.randrange(20, 40)} {rng.randrange(1, 9)}AB"]
    sig_decoys = []
    for sec in form.sections:
        rows = [wml.row([wml.cell(wml.para(wml.run(sec.title, bold=True, color="FFFFFF", font=font), after=0),
                                  W_FULL, shade=brand, span=2)])]
        ag_xml = ""
        items = list(sec.items)
        if sec.key in ("referrer", "lead"):
            role = "referrer" if sec.key == "referrer" else "lead"
            p = f"{'ref' if role == 'referrer' else 'lead'}_"
            got = {}
            keep = []
            for it in items:
                if isinstance(it, Field) and it.code.startswith(p) and it.code[len(p):] in (
                        "name", "role", "agency", "email", "phone"):
                    got[it.code[len(p):]] = it.text if (it.text and not it.filler) else None
                else:
                    keep.append(it)
            who = "your" if role == "referrer" else "your safeguarding lead's"
            lab = (s["labels"].get(f"{p}name") or "Name") + \
                (" - name and contact details (paste your e-mail signature)" if role == "referrer"
                 else f" - name and contact details (or paste {who} e-mail signature)")
            sig, dec = _sig_block(rng, {k: got.get(k) for k in ("name", "role", "agency", "email", "phone")},
                                  org_lines, brand, font)
            sig_decoys += [f"{role}:{d}" for d in dec]
            first = [x for x in keep if isinstance(x, Field) and x.code == "date_ref"]
            rest = [x for x in keep if x not in first]
            for it in first:
                rows.append(_plain_row(it, font, lw, aw))
            rows.append(wml.row([wml.cell(wml.para(wml.run(lab, bold=True, font=font, size=20), after=0), lw,
                                          shade="F2F2F2"), wml.cell(sig, aw)]))
            for it in rest:
                rows.append(_plain_row(it, font, lw, aw))
        else:
            for it in items:
                if isinstance(it, Agencies):
                    ag_xml = _grouped_agencies(it, font, brand, rng, form)
                    continue
                rows.append(_plain_row(it, font, lw, aw))
        body += wml.table(rows, [lw, aw])
        if ag_xml:
            body += ag_xml
        body += wml.para("", after=120)
    form.notes["signature_decoys"] = sig_decoys
    doc = wml.document(body, wml.sect_pr())
    pkg = wml.Package()
    return pkg.build(doc, title=s["title"], creator=rec["referrer"]["name"] or "", company=s["org"], font=font,
                     header=header_xml(form, font), footer=footer_xml(form, font, "v4.0"))


def _plain_row(it, font, lw, aw):
    label = wml.para(wml.run(it.label, bold=True, font=font, size=20), after=0)
    if isinstance(it, Field):
        ans = value_paras(it, font, size=20)
    else:
        if it.kind == "itype":
            ans = wml.para(wml.run(it.options[it.chosen] if it.chosen is not None else "", font=font, size=20), after=0)
            if it.detail:
                ans += wml.para(wml.run(f"{it.detail_label or 'Details'}: {it.detail}", font=font, size=20), after=0)
        else:
            hint = " / ".join(it.options)
            label += wml.para(wml.run(f"({hint})", italic=True, size=16, font=font, color="7F7F7F"), after=0)
            ans = wml.para(wml.run(it.options[it.chosen] if it.chosen is not None else "", font=font, size=20), after=0)
    return wml.row([wml.cell(label, lw, shade="F2F2F2"), wml.cell(ans, aw)])


ROLE_OF = {"social worker": "Social Worker", "health visitor": "Health Visitor", "school nurse": "School Nurse",
           "detective": "Detective Constable", "clinician": "Clinical Psychologist", "family worker": "Family Worker",
           "case manager": "Case Manager", "CPN": "Community Psychiatric Nurse", "housing officer": "Housing Officer",
           "IDVA": "IDVA", "consultant": "Consultant Paediatrician", "midwife": "Community Midwife", "GP": "GP",
           "recovery worker": "Recovery Worker", "education officer": "Education Officer",
           "probation officer": "Probation Officer"}


def _grouped_agencies(ag: Agencies, font, brand, rng, form) -> str:
    """Professional network grouped by organisation: an organisation row, then its worker row(s)."""
    from model import AGENCY_TYPES
    kinds = dict(AGENCY_TYPES)
    widths = [3300, 3000, 3338]
    h = ["Name", "Role", "Contact"]
    rows = [wml.row([wml.cell(wml.para(wml.run(x, bold=True, font=font, size=18), after=0), w, shade="D9D9D9")
                     for x, w in zip(h, widths)], header=True)]
    for a, n, c in ag.rows:
        if n:
            rows.append(wml.row([wml.cell(wml.para(wml.run(a, bold=True, font=font, size=20, color=brand), after=0),
                                          sum(widths), shade="EDEDED", span=3)]))
            role = ROLE_OF.get(kinds.get(a, ""), "")
            rows.append(wml.row([wml.cell(wml.para(wml.run(v, font=font, size=20), after=0), w, extra="")
                                 for v, w in zip([n, role, c], widths)]))
        else:
            rows.append(wml.row([wml.cell(wml.para(wml.run(a, bold=True, font=font, size=20, color=brand), after=0),
                                          widths[0] + widths[1], shade="EDEDED", span=2),
                                 wml.cell(wml.para(wml.run(c, font=font, size=20), after=0), widths[2], shade="EDEDED")]))
    if not ag.rows:
        rows.append(wml.row([wml.cell(wml.para(wml.run("No other agencies known to be involved.", italic=True,
                                                       font=font, size=20), after=0), sum(widths), span=3)]))
    title = wml.para(wml.run("Professional network (group by organisation; one line per worker)", italic=True,
                             size=18, font=font), after=40)
    return title + wml.table(rows, widths)


# ================================================================= W-CANVAS
EMU_PT = 12700


class _Canvas:
    """A Word 2003-style drawing canvas holding label and answer text boxes."""

    def __init__(self, width_pt, font, ids):
        self.w = width_pt
        self.shapes = []   # (name, x, y, w, h, paras_xml, border, fill)
        self.y = 0.0
        self.font = font
        self.ids = ids

    def add(self, x, y, w, h, paras, border=True, fill=None):
        self.ids[0] += 1
        self.shapes.append((self.ids[0], x, y, w, h, paras, border, fill))

    def xml(self, order) -> str:
        ids = self.ids
        ids[0] += 1
        cid = ids[0]
        H = self.y + 4
        W = self.w
        wsp = ""
        vml = ""
        for k in order:
            sid, x, y, w, h, paras, border, fill = self.shapes[k]
            ln = ('<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>' if border
                  else "<a:ln><a:noFill/></a:ln>")
            fl = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
            txb = f"<w:txbxContent>{paras}</w:txbxContent>"
            wsp += (f'<wps:wsp><wps:cNvPr id="{sid}" name="Text Box {sid}"/><wps:cNvSpPr txBox="1"/>'
                    f'<wps:spPr><a:xfrm><a:off x="{int(x * EMU_PT)}" y="{int(y * EMU_PT)}"/>'
                    f'<a:ext cx="{int(w * EMU_PT)}" cy="{int(h * EMU_PT)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                    f'</a:prstGeom>{fl}{ln}</wps:spPr><wps:txbx>{txb}</wps:txbx>'
                    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="45720" tIns="27432" rIns="45720" bIns="27432" '
                    'anchor="t" anchorCtr="0" upright="1"><a:noAutofit/></wps:bodyPr></wps:wsp>')
            vstyle = (f"position:absolute;left:{int(x * 20)};top:{int(y * 20)};width:{int(w * 20)};height:{int(h * 20)};"
                      "v-text-anchor:top")
            vml += (f'<v:shape id="Text Box {sid}" o:spid="_x0000_s{1024 + sid}" type="#_x0000_t202" style="{vstyle}" '
                    f'{"fillcolor=" + chr(34) + "#" + fill + chr(34) if fill else "filled=" + chr(34) + "f" + chr(34)} '
                    f'{"strokeweight=" + chr(34) + ".5pt" + chr(34) if border else "stroked=" + chr(34) + "f" + chr(34)}>'
                    f'<v:textbox inset="3.6pt,2.16pt,3.6pt,2.16pt">{txb}</v:textbox></v:shape>')
        drawing = (f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{int(W * EMU_PT)}" '
                   f'cy="{int(H * EMU_PT)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                   f'<wp:docPr id="{cid}" name="Canvas {cid}"/><wp:cNvGraphicFramePr/>'
                   '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                   '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas">'
                   f'<wpc:wpc><wpc:bg/><wpc:whole/>{wsp}</wpc:wpc></a:graphicData></a:graphic></wp:inline></w:drawing>')
        fallback = (f'<w:pict><v:group id="Canvas {cid}" o:spid="_x0000_s{1024 + cid}" '
                    f'style="width:{W:.1f}pt;height:{H:.1f}pt;mso-position-horizontal-relative:char;'
                    f'mso-position-vertical-relative:line" coordsize="{int(W * 20)},{int(H * 20)}" editas="canvas">'
                    f'<o:lock v:ext="edit" aspectratio="t"/>'
                    f'<v:shape id="_x0000_s{2048 + cid}" type="#_x0000_t75" style="position:absolute;width:{int(W * 20)};'
                    f'height:{int(H * 20)}" o:preferrelative="f"><v:fill o:detectmouseclick="t"/>'
                    f'<v:path o:extrusionok="t" o:connecttype="none"/><o:lock v:ext="edit" text="t"/></v:shape>'
                    f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
                    f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
                    f'{vml}</v:group></w:pict>')
        return (f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent>'
                f'<mc:Choice Requires="wpc">{drawing}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback>'
                f'</mc:AlternateContent></w:r></w:p>')


def _lines_needed(text: str, width_pt: float, size_pt: float, bold=False) -> int:
    """Lines Word needs for text in a text box of this width (Helvetica metrics, with a safety margin)."""
    from pdfkit import wrap
    font = "Helvetica-Bold" if bold else "Helvetica"
    return len(wrap(text or " ", font, size_pt * 1.12, width_pt - 10))


def render_canvas(form: Form, rng: random.Random) -> bytes:
    s = form.s
    font = rng.choice(["Arial", "Tahoma"])
    size = 9
    ids = [0]
    W = 481.0
    lab_w = 165.0
    body = title_block(form, font, color="003366")
    orders = []
    for sec in form.sections:
        cv = _Canvas(W, font, ids)
        cv.add(0, 0, W, 18, wml.para(wml.run(sec.title, bold=True, color="FFFFFF", font=font, size=20), after=0),
               border=False, fill="003366")
        cv.y = 24
        ag = None
        pairs = []
        for it in sec.items:
            if isinstance(it, Agencies):
                ag = it
                continue
            if isinstance(it, Field):
                text = it.shown() if not it.paras else "\n\n".join(it.paras)
                if it.lines:
                    text = "\n".join(it.lines)
            else:
                text = it.options[it.chosen] if it.chosen is not None else ""
                if it.kind == "itype" and it.detail:
                    text += f" - {it.detail}"
            label_text = it.label
            if isinstance(it, Choice) and it.kind != "itype":
                label_text += f" ({' / '.join(it.options)})"
            elif isinstance(it, Choice):
                label_text += " (" + "; ".join(it.options) + ")"
            long = isinstance(it, Field) and (it.paras is not None or it.kind == "long")
            lsize = 8.5
            if long:
                lh = _lines_needed(label_text, W, lsize, True) * 11.5 + 6
                ah = _lines_needed(text or " ", W, size) * 12.5 + (len(it.paras or []) * 6) + 10
                pairs.append(((0, cv.y, W, lh, label_text, False), (0, cv.y + lh, W, ah, it, True)))
                cv.y += lh + ah + 6
            else:
                lh = _lines_needed(label_text, lab_w, lsize, True) * 11.5 + 6
                ah = _lines_needed(text or " ", W - lab_w - 4, size) * 12.5 + 10
                h = max(lh, ah, 20)
                pairs.append(((0, cv.y, lab_w, h, label_text, False), (lab_w + 4, cv.y, W - lab_w - 4, h, it, True)))
                cv.y += h + 5
        # creation order: per pair, or all labels then all answers; with late additions moved to the end
        style = rng.choice(["pairs", "labels_first"])
        late = rng.sample(range(len(pairs)), k=min(len(pairs), rng.randrange(0, 3))) if pairs else []
        seq = [k for k in range(len(pairs)) if k not in late] + late
        shape_specs = []
        if style == "pairs":
            for k in seq:
                shape_specs += [pairs[k][0], pairs[k][1]]
        else:
            shape_specs = [pairs[k][0] for k in seq] + [pairs[k][1] for k in seq]
        for x, y, w, h, what, is_ans in shape_specs:
            if not is_ans:
                cv.add(x, y, w, h, wml.para(wml.run(what, bold=True, font=font, size=int(lsize * 2)), after=0),
                       border=False)
            else:
                it = what
                if isinstance(it, Field):
                    if it.paras:
                        px = "".join(wml.para(wml.run(p, font=font, size=size * 2), after=60) for p in it.paras)
                    elif it.lines:
                        px = wml.para(wml.run("\n".join(it.lines), font=font, size=size * 2), after=0)
                    else:
                        px = wml.para(wml.run(it.text or "", font=font, size=size * 2) if it.text else "", after=0)
                else:
                    v = it.options[it.chosen] if it.chosen is not None else ""
                    px = wml.para(wml.run(v, font=font, size=size * 2) if v else "", after=0)
                    if it.kind == "itype" and it.detail:
                        px = wml.para(wml.run(f"{v} - {it.detail}", font=font, size=size * 2), after=0)
                cv.add(x, y, w, h, px, border=True)
        order = list(range(len(cv.shapes)))
        orders.append((style, len(late)))
        body += cv.xml(order)
        if ag is not None:
            body += agencies_table(ag, font, head_shade="C6D9F1", blank_worker=s["ag_worker_blank"], size=18)
        body += wml.para("", after=80)
    form.notes["canvas_order"] = [o[0] for o in orders]
    form.notes["canvas_late_additions"] = sum(o[1] for o in orders)
    doc = wml.document(body, wml.sect_pr())
    pkg = wml.Package()
    return pkg.build(doc, title=s["title"], creator="Admin", last_by=form.record["referrer"]["name"] or "",
                     company=s["org"], font=font, size=18, compat=11, app_version="14.0000",
                     header=header_xml(form, font), footer=footer_xml(form, font, "v2003.2"))


DOCX_LAYOUTS = {
    "W-EQMARK": render_eqmark,
    "W-UNPROTECTED": render_unprotected,
    "W-WINGTEXT": render_wingtext,
    "W-SIGBLOCK": render_sigblock,
    "W-CANVAS": render_canvas,
}
