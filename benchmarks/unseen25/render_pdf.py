"""The five PDF layouts of unseen25."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import random

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

import pdfkit
from model import Agencies, Choice, Field, Form, Section, fmt_date
from pdfkit import Acro, Sheet, js_action, std_furniture, wrap

PW, PH = A4


def _base(form: Form, producer, creator, media=A4):
    buf = io.BytesIO()
    c = pdfkit.new_canvas(buf, pagesize=media, producer=producer, creator=creator, title=form.s["title"],
                          author=form.record["referrer"]["name"] or "")
    return buf, c


# ================================================================= P-WHITEOUT
def _printer_marks(c, ox, oy, tw, th, slug):
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.25)
    for (x, y) in [(ox, oy), (ox + tw, oy), (ox, oy + th), (ox + tw, oy + th)]:
        dx = -1 if x == ox else 1
        dy = -1 if y == oy else 1
        c.line(x + dx * 9, y, x + dx * 27, y)
        c.line(x, y + dy * 9, x, y + dy * 27)
    for (x, y) in [(ox + tw / 2, oy - 18), (ox + tw / 2, oy + th + 18), (ox - 18, oy + th / 2), (ox + tw + 18, oy + th / 2)]:
        c.circle(x, y, 5, stroke=1, fill=0)
        c.line(x - 8, y, x + 8, y)
        c.line(x, y - 8, x, y + 8)
    x = ox + tw / 2 + 30
    for i, rgb in enumerate([(0, 1, 1), (1, 0, 1), (1, 1, 0), (0, 0, 0), (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)]):
        c.setFillColorRGB(*rgb)
        c.rect(x + i * 10, oy + th + 12, 10, 10, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 6)
    c.drawString(ox, oy - 30, slug)


def _corrupt(rng, it: Field) -> str:
    for _ in range(20):
        out = _corrupt1(rng, it)
        if out != (it.text or ""):
            return out
    return (it.text or "") + "?"


def _corrupt1(rng, it: Field) -> str:
    v = it.text or ""
    if it.kind == "date" and it.date:
        d = it.date + dt.timedelta(days=rng.choice([-1, 1, -7, 7, 30]))
        return fmt_date(d, "dd/mm/yyyy")
    if it.kind == "phone":
        ds = list(v)
        idx = [i for i, ch in enumerate(ds) if ch.isdigit()][-4:]
        a, b = idx[0], idx[2]
        ds[a], ds[b] = ds[b], ds[a]
        out = "".join(ds)
        return out if out != v else v[:-1] + ("1" if v[-1] != "1" else "2")
    if it.kind == "email":
        return v.replace("@", ".") if rng.random() < 0.5 else v.split("@")[0] + "@gmail.com"
    if len(v) > 4:
        i = rng.randrange(1, len(v) - 2)
        return v[:i] + v[i + 1] + v[i] + v[i + 2:]
    return v + "?"


def render_whiteout(form: Form, rng: random.Random) -> bytes:
    s = form.s
    bleed = 40.0
    media = (PW + 2 * bleed, PH + 2 * bleed)
    buf, c = _base(form, "Adobe PDF Library 17.0", "Adobe InDesign 19.2 (Windows)", media=media)
    slug_date = form.case["ref"] - dt.timedelta(days=rng.randrange(90, 400))
    slug = f"{s['form_ref'].replace('/', '_')}_v3.indd"
    furn = std_furniture(form, "Helvetica", "Helvetica-Bold", "v3")

    def furniture(cc, sh, page):
        furn(cc, sh, page)
        _printer_marks(cc, bleed, bleed, PW, PH,
                       f"{slug}   {page}   {slug_date.strftime('%d/%m/%Y')}   {rng.randrange(8, 18):02d}:{rng.randrange(0, 60):02d}")

    sh = Sheet(c, form, media=media, trim_origin=(bleed, bleed), trim=A4, draw_answers=False, choice_style="square",
               furniture=furniture, bar_fill=(0.0, 0.36, 0.45), label_fill=(0.90, 0.95, 0.96))
    sh.start()
    sh.title(s["org"], s["title"], form.guidance, color=(0.0, 0.36, 0.45))
    hints = []

    def hook(sheet, sec, it, when):
        if when == "after" and isinstance(it, Field) and it.kind == "date":
            rec = sheet.records[-1]
            x, y, w, h = rec["rect"]
            hint = "e.g. " + fmt_date(dt.date(2015, 1, 1), s["date_main"])
            cc = sheet.c
            cc.setFont("Helvetica-Oblique", 6.5)
            cc.setFillColorRGB(0.55, 0.55, 0.55)
            tw_ = pdfmetrics.stringWidth(hint, "Helvetica-Oblique", 6.5)
            cc.drawString(x + w - tw_ - 4, y + 3, hint)
            cc.setFillColorRGB(0, 0, 0)
            hints.append((rec["page"], (x + w - tw_ - 5, y + 1.5, tw_ + 2, 9)))
        return False

    sh.render_sections(form.sections, s["ag_worker_blank"], hook=hook)
    c.showPage()
    c.save()
    base = buf.getvalue()

    # ---------------- the online editor's typing, checkmarks and whiteout, appended as one content stream per page
    w = pdfkit.reader_writer(base)
    ops = {}
    fsize = rng.choice([9.0, 9.5, 10.0])
    lead = fsize + 2.4

    def add(page, data: bytes):
        ops.setdefault(page, b"")
        ops[page] += data

    targets = [r for r in sh.records if r["kind"] == "field" and r["item"].text and not r["item"].filler
               and r["item"].kind in ("date", "phone", "email", "name", "text") and r["item"].path is not None]
    choice_targets = [r for r in sh.records if r["kind"] == "choice" and r["item"].chosen is not None]
    n_fix = rng.randrange(2, 5)
    fixes = set(id(r) for r in rng.sample(targets, min(len(targets), n_fix)))
    cfix = set(id(r) for r in rng.sample(choice_targets, min(len(choice_targets), rng.randrange(0, 3))))
    hidden = []
    for rec in sh.records:
        it = rec["item"]
        pg = rec["page"] - 1
        if rec["kind"] in ("field", "long"):
            if not rec["lines"]:
                continue
            x, y, wd, h = rec["rect"]
            lines = []
            src = it.paras if it.paras else (it.lines if it.lines else [it.text])
            for i, p in enumerate(src):
                if it.paras and i:
                    lines.append("")
                lines += wrap(p, "Helvetica", fsize, wd - 10)
            tx, ty = x + 4, y + h - fsize - 3
            if id(rec) in fixes:
                old = _corrupt(rng, it)
                add(pg, pdfkit.text_ops("Fed1", fsize, tx, ty, [old], lead))
                ow = pdfmetrics.stringWidth(old, "Helvetica", fsize)
                add(pg, f"q 1 g {tx - 1.5:.2f} {ty - 3:.2f} {ow + 3:.2f} {fsize + 4:.2f} re f Q\n".encode())
                hidden.append(f"{it.code}={old}")
            add(pg, pdfkit.text_ops("Fed1", fsize, tx, ty, lines, lead))
        elif rec["kind"] == "choice":
            opts = rec["options"]
            if it.chosen is not None:
                if id(rec) in cfix and len(opts) > 1:
                    wrong = rng.choice([i for i in range(len(opts)) if i != it.chosen])
                    sx, sy, ss = opts[wrong]["square"]
                    add(pg, f"BT /Fed2 {ss + 1:g} Tf 0 g {sx + 0.4:.2f} {sy + 0.8:.2f} Td (4) Tj ET\n".encode())
                    add(pg, f"q 1 g {sx + 0.7:.2f} {sy + 0.7:.2f} {ss - 1.4:.2f} {ss - 1.4:.2f} re f Q\n".encode())
                    hidden.append(f"{it.code}=tick on {opts[wrong]['word']}")
                sx, sy, ss = opts[it.chosen]["square"]
                add(pg, f"BT /Fed2 {ss + 1:g} Tf 0 g {sx + 0.4:.2f} {sy + 0.8:.2f} Td (4) Tj ET\n".encode())
            if it.kind == "itype" and it.detail and rec["detail_rect"]:
                dx, dy, dw, dh = rec["detail_rect"]
                add(pg, pdfkit.text_ops("Fed1", fsize, dx, dy + 3, [it.detail], lead))
        elif rec["kind"] == "agencies":
            for shown, geo, filled in rec["rows"]:
                if not filled:
                    continue
                for (x, y, wd, h, _), v in zip(geo, shown):
                    if v:
                        lines = wrap(v, "Helvetica", fsize - 0.5, wd - 8)
                        add(pg, pdfkit.text_ops("Fed1", fsize - 0.5, x + 3, y + h - fsize - 2.5, lines, lead - 0.5))
    # whiteout over some printed example hints
    for page, (x, y, wd, h) in hints:
        if rng.random() < 0.5:
            add(page - 1, f"q 1 g {x:.2f} {y:.2f} {wd:.2f} {h:.2f} re f Q\n".encode())
    form.notes["whiteout_hidden"] = hidden
    helv = w._add_object(pdfkit.helv_font_dict())
    zadb = w._add_object(pdfkit.zapf_font_dict())
    for idx, page in enumerate(w.pages):
        page[NameObject("/TrimBox")] = pdfkit.rect_arr(bleed, bleed, PW, PH)
        page[NameObject("/BleedBox")] = pdfkit.rect_arr(bleed - 9, bleed - 9, PW + 18, PH + 18)
        if idx not in ops:
            continue
        res = page["/Resources"].get_object()
        fonts = res.get("/Font")
        if fonts is None:
            res[NameObject("/Font")] = DictionaryObject()
            fonts = res["/Font"]
        fonts = fonts.get_object()
        fonts[NameObject("/Fed1")] = helv
        fonts[NameObject("/Fed2")] = zadb
        new = pdfkit.stream(w, b"q\n" + ops[idx] + b"Q\n")
        old = page.raw_get("/Contents")
        if isinstance(old.get_object(), ArrayObject):
            arr = ArrayObject(list(old.get_object()) + [new])
        else:
            arr = ArrayObject([old, new])
        page[NameObject("/Contents")] = arr
    return pdfkit.write(w, "pdf-lib (https://github.com/Hopding/pdf-lib)", "Adobe InDesign 19.2 (Windows)",
                        s["title"], f"u25-whiteout-{form.n}")


# ================================================================= P-PORTFOLIO
def _word_pdf(form: Form, rng: random.Random, draw=True, sig_hook=None, lead_name_note=None):
    s = form.s
    buf, c = _base(form, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365")
    sh = Sheet(c, form, font="DejaVuSans", bold="DejaVuSans-Bold", ans_font="DejaVuSans", size=8.6, lsize=8.2,
               draw_answers=draw, choice_style="glyph",
               furniture=std_furniture(form, "DejaVuSans", "DejaVuSans-Bold", "v2.2"),
               bar_fill=rng.choice([(0.13, 0.25, 0.45), (0.33, 0.18, 0.43), (0.0, 0.38, 0.33)]))
    sh.start()
    sh.title(s["org"], s["title"], form.guidance, color=sh.bar_fill)
    return buf, c, sh


def _letter_pdf(form: Form, rng: random.Random) -> bytes:
    s = form.s
    rec = form.record
    buf, c = _base(form, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365")
    pdfkit.register_fonts()
    c.setFont("DejaVuSans-Bold", 14)
    c.drawString(60, 780, s["org"])
    c.setFont("DejaVuSans", 8)
    c.drawString(60, 766, s["org_kind"][0].upper() + s["org_kind"][1:])
    d = form.case["ref"] + dt.timedelta(days=rng.choice([0, 0, 1]))
    y = 720
    c.setFont("DejaVuSans", 10)
    for ln in [f"{d.day} {['January','February','March','April','May','June','July','August','September','October','November','December'][d.month-1]} {d.year}",
               "", "Business Unit", s["partnership"], "", "Dear colleague,", ""]:
        c.drawString(60, y, ln)
        y -= 14
    kid = form.case["kids"][0]
    body = (f"Please find attached our completed referral form about {kid['first']} and the family. We are asking the "
            f"partnership to consider whether the circumstances meet the criteria for a Rapid Review. The details "
            f"are in the form; please contact us if you need anything further.")
    for ln in wrap(body, "DejaVuSans", 10, 470):
        c.drawString(60, y, ln)
        y -= 14
    y -= 14
    signer = rec["referrer"]["name"] or "Safeguarding team"
    for ln in ["Yours sincerely,", "", signer, rec["referrer"]["role"] or "", s["org"]]:
        c.drawString(60, y, ln)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def render_portfolio(form: Form, rng: random.Random) -> bytes:
    s = form.s
    buf, c, sh = _word_pdf(form, rng)
    sh.render_sections(form.sections, s["ag_worker_blank"])
    c.showPage()
    c.save()
    form_pdf = pdfkit.write(pdfkit.reader_writer(buf.getvalue()), "Microsoft® Word for Microsoft 365",
                            "Microsoft® Word for Microsoft 365", s["title"], f"u25-pf-form-{form.n}")
    letter = _letter_pdf(form, rng)
    kid = form.case["kids"][0]
    ref = form.case["ref"]
    name1 = f"Referral form - {kid['last']} - {ref.strftime('%d.%m.%Y')}.pdf"
    name2 = rng.choice(["Covering letter.pdf", f"Cover letter to {s['short']}.pdf"])
    files = [(name2, letter, "Covering letter"), (name1, form_pdf, "Completed referral form")]
    if rng.random() < 0.5:
        files.reverse()
    # container: one cover page
    cbuf = io.BytesIO()
    cc = pdfkit.new_canvas(cbuf, producer="Adobe Acrobat Pro (64-bit) 24.2.20759", creator="Adobe Acrobat Pro (64-bit) 24.2.20759",
                           title="PDF Portfolio")
    cc.setFillColorRGB(0.96, 0.96, 0.96)
    cc.rect(0, 0, PW, PH, stroke=0, fill=1)
    cc.setFillColorRGB(0.2, 0.2, 0.2)
    cc.setFont("Helvetica-Bold", 18)
    cc.drawCentredString(PW / 2, PH / 2 + 40, "PDF Portfolio")
    cc.setFont("Helvetica", 10)
    for i, ln in enumerate(["This file is a portfolio holding 2 documents.",
                            "Open it in Adobe Acrobat or Acrobat Reader to see and open the documents.",
                            "Some other viewers show only this page."]):
        cc.drawCentredString(PW / 2, PH / 2 + 10 - 14 * i, ln)
    cc.showPage()
    cc.save()
    w = pdfkit.reader_writer(cbuf.getvalue())
    names = ArrayObject()
    mod = f"D:{ref.strftime('%Y%m%d')}{rng.randrange(9, 17):02d}{rng.randrange(0, 60):02d}00Z"
    for i, (nm, data, desc) in enumerate(files):
        ef = pdfkit.stream(w, data, {"/Type": NameObject("/EmbeddedFile"), "/Subtype": NameObject("/application#2Fpdf"),
                                     "/Params": DictionaryObject({NameObject("/Size"): NumberObject(len(data)),
                                                                  NameObject("/ModDate"): TextStringObject(mod),
                                                                  NameObject("/CheckSum"): ByteStringObject(hashlib.md5(data).digest())})})
        fs = DictionaryObject({NameObject("/Type"): NameObject("/Filespec"), NameObject("/F"): TextStringObject(nm),
                               NameObject("/UF"): TextStringObject(nm), NameObject("/Desc"): TextStringObject(desc),
                               NameObject("/EF"): DictionaryObject({NameObject("/F"): ef, NameObject("/UF"): ef}),
                               NameObject("/CI"): DictionaryObject({NameObject("/Type"): NameObject("/CollectionItem"),
                                                                    NameObject("/Index"): NumberObject(i + 1)})})
        names.append(TextStringObject(nm))
        names.append(w._add_object(fs))
    # name tree keys must be sorted
    pairs = sorted([(names[i], names[i + 1]) for i in range(0, len(names), 2)], key=lambda p: str(p[0]))
    names = ArrayObject([x for p in pairs for x in p])
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/EmbeddedFiles"): w._add_object(
        DictionaryObject({NameObject("/Names"): names}))})

    def cf(sub, label, order):
        return DictionaryObject({NameObject("/Type"): NameObject("/CollectionField"), NameObject("/Subtype"): NameObject(sub),
                                 NameObject("/N"): TextStringObject(label), NameObject("/O"): NumberObject(order)})

    schema = DictionaryObject({NameObject("/Type"): NameObject("/CollectionSchema"),
                               NameObject("/FileName"): cf("/F", "Name", 1), NameObject("/Desc"): cf("/Desc", "Description", 2),
                               NameObject("/ModDate"): cf("/ModDate", "Modified", 3), NameObject("/Size"): cf("/Size", "Size", 4),
                               NameObject("/Index"): cf("/N", "Order", 0)})
    w._root_object[NameObject("/Collection")] = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Collection"), NameObject("/Schema"): schema,
        NameObject("/D"): TextStringObject(name1), NameObject("/View"): NameObject("/D"),
        NameObject("/Sort"): DictionaryObject({NameObject("/S"): NameObject("/Index"), NameObject("/A"): BooleanObject(True)})}))
    form.notes["portfolio_files"] = [f[0] for f in files]
    return pdfkit.write(w, "Adobe Acrobat Pro (64-bit) 24.2.20759", "Adobe Acrobat Pro (64-bit) 24.2.20759",
                        "PDF Portfolio", f"u25-portfolio-{form.n}")


# ================================================================= shared widget helpers
def _export(word: str) -> str:
    out = "".join(ch if ch.isalnum() else "_" for ch in word).strip("_")
    return out or "Opt"


CODE_SLUG = {"date_ref": "ref_date", "ref_name": "ref_name", "ref_role": "ref_role", "ref_agency": "ref_agency",
             "ref_email": "ref_email", "ref_phone": "ref_phone", "lead_name": "lead_name", "lead_role": "lead_role",
             "lead_agency": "lead_agency", "lead_email": "lead_email", "lead_phone": "lead_phone",
             "lead_discussed": "lead_discussed"}


def _fname(it, child_prefix):
    code = it.code
    if code.startswith("c_"):
        return f"{child_prefix}{code[2:]}"
    if code == "decoy":
        return "rec_" + _export(it.label).lower()[:24]
    return code


def _widgets_from_records(acro: Acro, w: PdfWriter, records, page_offset, name_for, parent_for=None, style="circle",
                          combos=False, tooltips=True):
    """Create widgets for every recorded answer box."""
    for rec in records:
        it = rec["item"]
        pidx = rec["page"] - 1 + page_offset
        pref = w.pages[pidx].indirect_reference
        parent = parent_for(rec) if parent_for else None
        if rec["kind"] in ("field", "long"):
            x, y, wd, h = rec["rect"]
            multiline = rec["kind"] == "long" or bool(it.lines)
            val = None
            if it.paras:
                val = "\n\n".join(it.paras)
            elif it.lines:
                val = "\n".join(it.lines)
            elif it.text:
                val = it.text
            acro.text(pidx, pref, name_for(it), (x + 1, y + 1, wd - 2, h - 2), val, multiline=multiline,
                      tooltip=it.label if tooltips else None, parent=parent)
        elif rec["kind"] == "choice":
            opts = rec["options"]
            if combos:
                x, y, wd, h = rec["rect"]
                acro.combo(pidx, pref, name_for(it), (x + 4, y + h - 17, min(wd - 8, 230), 14), it.options, it.chosen,
                           tooltip=it.label)
            else:
                acro.radio(pidx, pref, name_for(it), [o["square"] for o in opts], [_export(o) for o in it.options],
                           it.chosen, tooltip=it.label if tooltips else None, parent=parent, style=style)
            if it.kind == "itype" and rec.get("detail_rect"):
                dx, dy, dw, dh = rec["detail_rect"]
                acro.text(pidx, pref, name_for(it) + "_other", (dx, dy, dw, dh + 2), it.detail, tooltip=it.detail_label,
                          parent=parent)
        elif rec["kind"] == "agencies":
            for r_i, (shown, geo, filled) in enumerate(rec["rows"]):
                for c_i, ((x, y, wd, h, _), v) in enumerate(zip(geo, shown)):
                    nm = f"ag{r_i + 1}_{['agency', 'name', 'contact'][c_i]}"
                    acro.text(pidx, pref, nm, (x + 1, y + 1, wd - 2, h - 2), v or None, multiline=len(v or "") > 40,
                              tooltip=f"{it.headers[c_i]} - row {r_i + 1}" if tooltips else None, parent=parent)


# ================================================================= P-SPAWNED
def _blank_child_section(sec: Section) -> Section:
    out = Section("child_template", sec.title, child=None)
    for it in sec.items:
        it2 = copy.copy(it)
        if isinstance(it2, Field):
            it2.text, it2.lines, it2.paras, it2.truth = "", None, None, None
        else:
            it2.chosen, it2.truth, it2.detail = None, None, None
        it2.path = None
        out.items.append(it2)
    return out


def render_spawned(form: Form, rng: random.Random) -> bytes:
    s = form.s
    buf, c = _base(form, "Adobe Acrobat Pro (64-bit) 24.1.20643", "Adobe InDesign 18.5 (Windows)")
    sh = Sheet(c, form, draw_answers=False, choice_style="square", furniture=std_furniture(form, version="v5 (fillable)"),
               bar_fill=(0.29, 0.16, 0.36), label_fill=(0.94, 0.92, 0.96))
    sh.start()
    sh.title(s["org"], s["title"], form.guidance, color=(0.29, 0.16, 0.36))
    secs = form.sections
    kids = [x for x in secs if x.key == "child"]
    head = [x for x in secs if x.key in ("referrer", "lead")]
    tail = [x for x in secs if x.key not in ("referrer", "lead", "child")]
    groups = []   # (records slice, name prefix)

    def run(sections, tag, new_page=True, title_override=None):
        if new_page:
            sh.new_page()
        start = len(sh.records)
        pstart = sh.page
        for sec in sections:
            sh.bar(title_override or sec.title)
            for it in sec.items:
                if isinstance(it, Agencies):
                    sh.agencies(it, s["ag_worker_blank"])
                elif isinstance(it, Choice):
                    sh.choice(it)
                else:
                    sh.field(it)
            sh.gap(8)
        groups.append((tag, sh.records[start:], pstart, sh.page))

    run(head, "main", new_page=False)
    child_title = s["sections"]["child"]
    run([kids[0]], "child1", title_override=child_title)
    sh.note("If this referral is about more than one child, press 'Add another child' - a new child page is added at "
            "the end of the form.", italic=True)
    btn_pos = (sh.page, sh.x0, sh.y - 20)
    sh.y -= 24
    run(tail, "tail")
    for k, sec in enumerate(kids[1:], start=2):
        run([sec], f"spawn{k}", title_override=f"{child_title} - additional child")
        sh.note("Additional child page (added from the template).", italic=True)
    run([_blank_child_section(kids[0])], "template", title_override=f"{child_title} - additional child")
    sh.note("Additional child page (added from the template).", italic=True)
    c.showPage()
    c.save()
    w = pdfkit.reader_writer(buf.getvalue())
    acro = Acro(w)
    spawned_names = []
    for tag, recs, p0, p1 in groups:
        if tag == "template":
            continue
        if tag == "main" or tag == "tail":
            _widgets_from_records(acro, w, recs, 0, lambda it: _fname(it, "c_"), style="check")
        elif tag == "child1":
            _widgets_from_records(acro, w, recs, 0, lambda it: _fname(it, "child_"), style="check")
        else:
            pidx = p0 - 1
            g1 = acro.group(f"P{pidx}")
            g2 = acro.group("AddChild", parent=g1)
            spawned_names.append(f"P{pidx}.AddChild")
            _widgets_from_records(acro, w, recs, 0, lambda it: _fname(it, "ac_"), parent_for=lambda rec: g2, style="check")
    # the hidden template page: its blank fields, page removed from the page tree
    ttag, trecs, tp0, tp1 = groups[-1]
    _widgets_from_records(acro, w, trecs, 0, lambda it: _fname(it, "ac_"), style="check")
    # button on the first child page
    bp, bx, by = btn_pos
    bpage = w.pages[bp - 1]
    cap = "Add another child"
    ap = acro._xobj(110, 16, b"0.85 0.85 0.92 rg 0 0 110 16 re f 0.3 g 0 0 110 16 re S BT /Helv 8.5 Tf 0 g 18 4.5 Td (" +
                    cap.encode() + b") Tj ET\n")
    btn = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Btn"), NameObject("/Ff"): NumberObject(65536),
        NameObject("/T"): TextStringObject("btnAddChild"), NameObject("/Rect"): pdfkit.rect_arr(bx, by, 110, 16),
        NameObject("/F"): NumberObject(0), NameObject("/P"): bpage.indirect_reference,
        NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject(cap)}),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
        NameObject("/A"): js_action('var t = this.getTemplate("AddChild");\r'
                                    't.spawn({nPage: this.numPages, bRename: true, bOverlay: false});')})
    bref = w._add_object(btn)
    acro.fields.append(bref)
    acro.page_annots.setdefault(bp - 1, []).append(bref)
    acro.finish(w.pages)
    # move the template page out of the page tree into /Names /Templates
    tpl_indices = list(range(tp0 - 1, tp1))
    tpl_refs = [w.pages[i].indirect_reference for i in tpl_indices]
    for i in reversed(tpl_indices):
        del w.pages[i]
    names = ArrayObject()
    for k, ref in enumerate(tpl_refs):
        po = ref.get_object()
        po[NameObject("/Type")] = NameObject("/Template")
        if "/Parent" in po:
            del po["/Parent"]
        names.append(TextStringObject("AddChild" if k == 0 else f"AddChild{k + 1}"))
        names.append(ref)
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/Templates"): w._add_object(
        DictionaryObject({NameObject("/Names"): names}))})
    form.notes["spawned_pages"] = spawned_names
    return pdfkit.write(w, "Adobe Acrobat Pro (64-bit) 24.1.20643", "Adobe InDesign 18.5 (Windows)", s["title"],
                        f"u25-spawned-{form.n}")


# ================================================================= P-DIGISIGN
def _cert_and_key(name: str, org: str, email: str | None):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID
    from signkey import KEY_PEM
    key = serialization.load_pem_private_key(KEY_PEM.encode(), password=None)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org[:64])]
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subj = x509.Name(attrs)
    serial = int(hashlib.sha1((name + org).encode()).hexdigest()[:16], 16)
    cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj).public_key(key.public_key())
            .serial_number(serial).not_valid_before(dt.datetime(2025, 1, 1)).not_valid_after(dt.datetime(2028, 1, 1))
            .sign(key, hashes.SHA256()))
    return cert, key


def _sign(pdf: bytes, name, org, email) -> bytes:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7
    ph = b"/ByteRange [ 0 9999999999 9999999999 9999999999 ]"
    i = pdf.index(ph)
    # the placeholder belongs to the signature dictionary: find the <000...> after /Contents near the ByteRange
    cands = [m for m in _all(pdf, b"/Contents <0000")]
    start = min(cands, key=lambda m: abs(m - i)) + len(b"/Contents ")
    end = pdf.index(b">", start) + 1
    br = f"/ByteRange [ 0 {start} {end} {len(pdf) - end} ]".encode()
    br = br + b" " * (len(ph) - len(br))
    pdf = pdf[:i] + br + pdf[i + len(ph):]
    data = pdf[:start] + pdf[end:]
    cert, key = _cert_and_key(name, org, email)
    sig = (pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
           .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.NoAttributes,
                  pkcs7.PKCS7Options.Binary]))
    hx = sig.hex().encode()
    room = end - start - 2
    assert len(hx) <= room, "signature placeholder too small"
    hx = hx + b"0" * (room - len(hx))
    return pdf[:start + 1] + hx + pdf[end - 1:]


def _all(b: bytes, sub: bytes):
    i = b.find(sub)
    while i >= 0:
        yield i
        i = b.find(sub, i + 1)


def render_digisign(form: Form, rng: random.Random) -> bytes:
    s = form.s
    rec = form.record
    lead_item = None
    for sec in form.sections:
        for it in sec.items:
            if isinstance(it, Field) and it.code == "lead_name":
                lead_item = it
    lead_name = lead_item.text if (lead_item and lead_item.text and not lead_item.filler) else None
    buf, c, sh = _word_pdf(form, rng)
    sig_rect = None

    def hook(sheet, sec, it, when):
        if when == "before" and isinstance(it, Field) and it.code == "lead_name":
            shown = Field("lead_name_note", it.label, text="(authorised by digital signature - see the final section)")
            sheet.field(shown)
            sheet.records.pop()
            return True
        return False

    sh.render_sections(form.sections, s["ag_worker_blank"], hook=hook)
    sh.bar(rng.choice(["Authorisation", "Sign-off by the safeguarding lead", "Safeguarding lead's authorisation"]))
    sh.note(f"The safeguarding lead ({s['sections']['lead']}) signs below with their digital ID to confirm they agree to "
            f"this referral.", italic=True)
    sh.ensure(80)
    sig_rect = (sh.x0 + 4, sh.y - 66, 300, 60)
    c.setLineWidth(0.5)
    c.rect(sh.x0, sh.y - 72, sh.W, 72, stroke=1, fill=0)
    c.setFont("DejaVuSans", 7)
    c.drawString(sh.x0 + 310, sh.y - 14, "Safeguarding lead's digital signature")
    sig_page = sh.page
    sh.y -= 80
    c.showPage()
    c.save()
    w = pdfkit.reader_writer(buf.getvalue())
    acro = Acro(w)
    pg = w.pages[sig_page - 1]
    x, y, wd, h = sig_rect
    when = dt.datetime.combine(form.case["ref"], dt.time(rng.randrange(8, 18), rng.randrange(0, 60), rng.randrange(0, 60)))
    if rng.random() < 0.3:
        when -= dt.timedelta(days=1)
    sigfield = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject("LeadSignature"),
        NameObject("/Rect"): pdfkit.rect_arr(x, y, wd, h), NameObject("/F"): NumberObject(132),
        NameObject("/P"): pg.indirect_reference})
    if lead_name:
        ds = when.strftime("%Y.%m.%d %H:%M:%S") + " Z"
        left = wrap(lead_name, "Helvetica", 15, wd * 0.45)
        body = b"q 0.92 0.95 1 rg 0 0 %.2f %.2f re f Q\n" % (wd, h)
        body += pdfkit.text_ops("Helv", 15, 4, h - 22, left, 17)
        right = ["Digitally signed", f"by {lead_name}", f"Date: {ds}"]
        rr = []
        for ln in right:
            rr += wrap(ln, "Helvetica", 7.5, wd * 0.5)
        body += pdfkit.text_ops("Helv", 7.5, wd * 0.5, h - 12, rr, 9)
        ap = acro._xobj(wd, h, body)
        sigfield[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap})
        sd = DictionaryObject({
            NameObject("/Type"): NameObject("/Sig"), NameObject("/Filter"): NameObject("/Adobe.PPKLite"),
            NameObject("/SubFilter"): NameObject("/adbe.pkcs7.detached"),
            NameObject("/Name"): TextStringObject(lead_name), NameObject("/M"): TextStringObject(when.strftime("D:%Y%m%d%H%M%SZ")),
            NameObject("/Reason"): TextStringObject(rng.choice(["I have reviewed and agree to this referral",
                                                                "I approve this document", "Authorised"])),
            NameObject("/Location"): TextStringObject(s["org"]),
            NameObject("/ByteRange"): ArrayObject([NumberObject(0), NumberObject(9999999999), NumberObject(9999999999),
                                                   NumberObject(9999999999)]),
            NameObject("/Contents"): ByteStringObject(b"\x00" * 6144),
        })
        sigfield[NameObject("/V")] = w._add_object(sd)
    else:
        sigfield[NameObject("/AP")] = DictionaryObject({NameObject("/N"): acro._xobj(wd, h, b"")})
    sref = w._add_object(sigfield)
    acro.fields.append(sref)
    acro.page_annots.setdefault(sig_page - 1, []).append(sref)
    acro.finish(w.pages, extra={"/SigFlags": NumberObject(3)})
    out = pdfkit.write(w, "Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365", s["title"],
                       f"u25-digisign-{form.n}")
    form.notes["signed_by"] = lead_name
    form.notes["signed_at"] = when.strftime("%Y-%m-%d %H:%M:%S")
    if lead_name:
        email = rec["safeguarding_lead"]["email"]
        out = _sign(out, lead_name, rec["safeguarding_lead"]["agency"] or s["org"], email)
    return out


# ================================================================= P-CALCFIELDS
def add_wd(d: dt.date, n: int) -> dt.date:
    while n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def wd_between(a: dt.date, b: dt.date) -> int:
    n = 0
    d = a
    while d < b:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n


def render_calcfields(form: Form, rng: random.Random) -> bytes:
    s = form.s
    buf, c = _base(form, "Adobe Acrobat Pro (64-bit) 23.6.20320", "Microsoft® Word for Microsoft 365")
    sh = Sheet(c, form, draw_answers=False, choice_style="square", furniture=std_furniture(form, version="v6"),
               bar_fill=(0.55, 0.1, 0.1), label_fill=(0.97, 0.93, 0.92))
    sh.start()
    sh.title(s["org"], s["title"], form.guidance + " Grey boxes are worked out by the form.", color=(0.55, 0.1, 0.1))
    case = form.case
    calcs = []  # (record index, name, value, js, fmt)
    la, ref, inc = case["la"], case["ref"], case["inc"]
    nkids = len(case["kids"])
    dd = lambda d: d.strftime("%d/%m/%Y")

    def calc_row(sheet, label, name, value, js, fmt=None):
        f = Field("calc", label, text=value, kind="calc")
        sheet.field(f)
        r = sheet.records[-1]
        r["calc"] = (name, value, js, fmt)

    has_date_ref = any(isinstance(it, Field) and it.code == "date_ref" for sec in form.sections for it in sec.items)

    def hook(sheet, sec, it, when):
        if when != "after":
            return False
        code = getattr(it, "code", None)
        if code == "inc_la":
            if has_date_ref:
                calc_row(sheet, "Working days from the LA becoming aware to this referral (calculated)", "calc_wd",
                         str(wd_between(la, ref)), 'event.value = wdBetween(this.getField("inc_la").value, '
                         'this.getField("date_ref").value);')
            calc_row(sheet, "National Panel notification due by - 5 working days after the LA became aware (calculated)",
                     "calc_panel_due", dd(add_wd(la, 5)), 'event.value = addWorkingDays(this.getField("inc_la").value, 5);',
                     'AFDate_FormatEx("dd/mm/yyyy");')
        if code == "c_dob" and sec.child is not None:
            kid = case["kids"][sec.child]
            given = bool(getattr(it, "text", "")) and not it.filler
            if given:
                yrs = (inc - kid["dob"]).days // 365
                val = f"{yrs} years" if yrs >= 1 else f"{max(0, (inc - kid['dob']).days // 30)} months"
            else:
                val = ""
            calc_row(sheet, "Age at date of incident (calculated)", f"calc_age_{sec.child + 1}", val,
                     f'event.value = ageAt(this.getField("c{sec.child + 1}_dob").value, this.getField("inc_date").value);')
        return False

    def sec_hook(sheet, sec):
        if sec.key == "child" and sec.child == 0:
            calc_row(sheet, "Number of children named on this form (calculated)", "calc_nchildren", str(nkids),
                     'event.value = countChildren();')
        if sec.key == "criteria":
            calc_row(sheet, "Rapid Review to be completed by - 15 working days after the LA became aware (calculated)",
                     "calc_rr_due", dd(add_wd(la, 15)), 'event.value = addWorkingDays(this.getField("inc_la").value, 15);',
                     'AFDate_FormatEx("dd/mm/yyyy");')

    for sec in form.sections:
        sh.bar(sec.title)
        if sec.key == "child" and sec.child == 0:
            sec_hook(sh, sec)
        for it in sec.items:
            if isinstance(it, Agencies):
                sh.agencies(it, s["ag_worker_blank"])
            elif isinstance(it, Choice):
                ff = Field(it.code, it.label, text="", kind="choice")
                sh.field(ff)
                r = sh.records[-1]
                r["kind"] = "combo"
                r["choice"] = it
                if it.kind == "itype":
                    df = Field("inc_type_other", f"{it.options[-1]} - {it.detail_label or 'details'}",
                               text=it.detail or "", kind="text")
                    sh.field(df)
                    sh.records[-1]["detail_of"] = it
            else:
                sh.field(it)
            hook(sh, sec, it, "after")
        if sec.key == "criteria":
            sec_hook(sh, sec)
        sh.gap(8)
    c.showPage()
    c.save()
    w = pdfkit.reader_writer(buf.getvalue())
    acro = Acro(w)
    for rec in sh.records:
        it = rec["item"]
        pidx = rec["page"] - 1
        pref = w.pages[pidx].indirect_reference
        x, y, wd, h = rec["rect"] if "rect" in rec else (0, 0, 0, 0)
        if rec.get("calc"):
            name, value, js, fmt = rec["calc"]
            aa = DictionaryObject({NameObject("/C"): js_action(js)})
            if fmt:
                aa[NameObject("/F")] = js_action(fmt)
            ref = acro.text(pidx, pref, name, (x + 1, y + 1, wd - 2, h - 2), value or None, readonly=True,
                            tooltip=it.label, aa=aa, fill=(0.86, 0.86, 0.86))
            acro.co.append(ref)
        elif rec["kind"] == "combo":
            ch = rec["choice"]
            acro.combo(pidx, pref, _calc_name(ch, form), (x + 3, y + 2, min(wd - 6, 240), h - 4), ch.options, ch.chosen,
                       tooltip=ch.label)
        elif rec["kind"] in ("field", "long"):
            val = None
            if it.paras:
                val = "\n\n".join(it.paras)
            elif it.lines:
                val = "\n".join(it.lines)
            elif it.text:
                val = it.text
            name = _calc_name(it, form) if it.code != "inc_type_other" else "inc_type_other"
            acro.text(pidx, pref, name, (x + 1, y + 1, wd - 2, h - 2), val,
                      multiline=rec["kind"] == "long" or bool(it.lines), tooltip=it.label)
        elif rec["kind"] == "agencies":
            for r_i, (shown, geo, filled) in enumerate(rec["rows"]):
                for c_i, ((ax, ay, aw, ah, _), v) in enumerate(zip(geo, shown)):
                    nm = f"ag{r_i + 1}_{['agency', 'name', 'contact'][c_i]}"
                    acro.text(pidx, pref, nm, (ax + 1, ay + 1, aw - 2, ah - 2), v or None, multiline=len(v or "") > 40,
                              tooltip=f"{it.headers[c_i]} (row {r_i + 1})")
    doc_js = ("function addWorkingDays(s, n){ var d = util.scand('dd/mm/yyyy', s) || new Date(s); if (!d) return ''; "
              "while (n > 0){ d.setDate(d.getDate() + 1); if (d.getDay() % 6) n--; } return util.printd('dd/mm/yyyy', d); }\r"
              "function wdBetween(a, b){ var x = util.scand('dd/mm/yyyy', a) || new Date(a), y = util.scand('dd/mm/yyyy', b) || new Date(b); "
              "if (!x || !y) return ''; var n = 0; while (x < y){ x.setDate(x.getDate() + 1); if (x.getDay() % 6) n++; } return n; }\r"
              "function ageAt(a, b){ var x = util.scand('dd/mm/yyyy', a) || new Date(a), y = util.scand('dd/mm/yyyy', b) || new Date(b); "
              "if (!x || !y) return ''; var m = (y - x) / 2629800000; return m >= 12 ? Math.floor(m / 12) + ' years' : Math.floor(m) + ' months'; }\r"
              "function countChildren(){ var n = 0; for (var i = 1; i <= 3; i++){ var f = this.getField('c' + i + '_dob'); if (f) n++; } return n; }")
    acro.finish(w.pages)
    js_ref = w._add_object(js_action(doc_js))
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): w._add_object(DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("FormCalculations"), js_ref])}))})
    form.notes["calculated_decoys"] = [r["calc"][0] + "=" + (r["calc"][1] or "") for r in sh.records if r.get("calc")]
    return pdfkit.write(w, "Adobe Acrobat Pro (64-bit) 23.6.20320", "Microsoft® Word for Microsoft 365", s["title"],
                        f"u25-calc-{form.n}")


def _calc_name(it, form):
    code = it.code
    if code.startswith("c_"):
        # find the child index of this item
        for sec in form.sections:
            if sec.key == "child" and any(x is it for x in sec.items):
                return f"c{sec.child + 1}_{code[2:]}"
    if code == "decoy":
        return "rec_" + _export(it.label).lower()[:24]
    return code


PDF_LAYOUTS = {
    "P-WHITEOUT": render_whiteout,
    "P-PORTFOLIO": render_portfolio,
    "P-SPAWNED": render_spawned,
    "P-DIGISIGN": render_digisign,
    "P-CALCFIELDS": render_calcfields,
}
