"""Q-FILLABLE: a fillable PDF (AcroForm) filled in. The page is drawn with reportlab; the fields (hierarchical
plain names, appearance streams, check boxes on /On, radio groups, a combo box) are added with pypdf."""

from __future__ import annotations

import random
import re

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)

from p30_common import stable_hex
from p30_model import Form, Item

W, H = A4
ML, MR, MT, MB = 40, 40, 52, 48
LABEL_W = 185
FX = ML + LABEL_W + 8
FW = W - MR - FX

NAME_MAP = {
    "date_ref": ("Referral", "Date"),
    "ref.name": ("Referrer", "Name"), "ref.role": ("Referrer", "Role"), "ref.agency": ("Referrer", "Organisation"),
    "ref.email": ("Referrer", "Email"), "ref.phone": ("Referrer", "Phone"),
    "lead.name": ("Lead", "Name"), "lead.role": ("Lead", "Role"), "lead.agency": ("Lead", "Organisation"),
    "lead.email": ("Lead", "Email"), "lead.phone": ("Lead", "Phone"), "lead.discussed": ("Lead", "Discussed"),
    "child.forename": (None, "Forename"), "child.surname": (None, "Surname"), "child.fullname": (None, "FullName"),
    "child.other": (None, "OtherNames"), "child.dob": (None, "DOB"), "child.age": (None, "Age"),
    "child.gender": (None, "Gender"), "child.ethnicity": (None, "Ethnicity"), "child.address": (None, "Address"),
    "child.school": (None, "School"), "child.gp": (None, "GP"), "child.legal": (None, "LegalStatus"),
    "child.cp": (None, "CPPlan"), "child.csc": (None, "KnownToCSC"), "child.lac": (None, "LookedAfter"),
    "child.disability": (None, "Disability"), "child.dod": (None, "DateOfDeath"),
    "inc.date": ("Incident", "Date"), "inc.la": ("Incident", "DateLAAware"), "inc.location": ("Incident", "Location"),
    "inc.type": ("Incident", "Type"), "inc.other": ("Incident", "OtherDetails"), "inc.summary": ("Incident", "Summary"),
    "inc.police": ("Incident", "Police"),
    "crit.harm": ("Criteria", "DiedOrHarmed"), "crit.abuse": ("Criteria", "AbuseNeglect"),
    "crit.local": ("Criteria", "LocalConnection"), "crit.learning": ("Criteria", "Learning"),
    "crit.reason": ("Criteria", "Reason"), "panel": ("Panel", "Notified"), "panel.date": ("Panel", "Date"),
    "immediate": ("Immediate", "Concerns"),
}


def camel(label: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", label)
    return "".join(w[:1].upper() + w[1:] for w in words)[:40]


def opt_name(word: str) -> str:
    return camel(word) or "Opt"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        cur = ""
        for w in words:
            t = (cur + " " + w) if cur else w
            if stringWidth(t, font, size) <= width or not cur:
                cur = t
            else:
                out.append(cur)
                cur = w
        out.append(cur)
    return out


def pdf_str(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class Layout:
    """Static page drawing plus field specs, laid out over pages."""

    def __init__(self, form: Form, rng: random.Random):
        self.form = form
        self.s = form.sender
        self.rng = rng
        self.pages: list[list] = [[]]       # draw ops per page
        self.fields: list[dict] = []        # field specs with page index
        self.y = H - MT

    def op(self, *a):
        self.pages[-1].append(a)

    def need(self, h):
        if self.y - h < MB:
            self.pages.append([])
            self.y = H - MT

    def text_lines(self, lines, x, font, size, colour="#000000", lead=None):
        lead = lead or size * 1.2
        for ln in lines:
            self.op("text", x, self.y - size, ln, font, size, colour)
            self.y -= lead

    def bar(self, title):
        self.need(40)
        self.y -= 6
        self.op("rect", ML, self.y - 16, W - ML - MR, 16, self.s["dark"])
        self.op("text", ML + 5, self.y - 12, title, "Helvetica-Bold", 10, "#FFFFFF")
        self.y -= 22

    def field_row(self, label: str, h: float, spec: dict, label_font="Helvetica-Bold"):
        lab_lines = wrap(label, label_font, 8.5, LABEL_W)
        rh = max(h, len(lab_lines) * 10.5) + 5
        self.need(rh)
        top = self.y
        for k, ln in enumerate(lab_lines):
            self.op("text", ML, top - 8.5 - k * 10.5, ln, label_font, 8.5, "#000000")
        spec = dict(spec, page=len(self.pages) - 1, rect=(FX, top - h, FX + FW, top))
        self.fields.append(spec)
        self.y = top - rh
        return spec


def build_layout(form: Form, rng: random.Random, extra_child: bool) -> Layout:
    s = form.sender
    L = Layout(form, rng)
    gl = wrap(form.guidance, "Helvetica-Oblique", 8.5, W - ML - MR)
    L.text_lines([f"{s['org']} - {s['team']}"], ML, "Helvetica", 8.5, "#404040")
    L.y -= 2
    L.text_lines([s["title"]], ML, "Helvetica-Bold", 15, "#" + s["dark"], lead=19)
    L.text_lines([s["subtitle"]], ML, "Helvetica", 10.5, "#404040", lead=15)
    L.text_lines(gl, ML, "Helvetica-Oblique", 8.5, "#000000", lead=10.5)
    L.y -= 4

    def prefix_for(it: Item, sec) -> tuple:
        if it.decoy:
            return (sec_parent(sec), camel(it.label))
        par, kid = NAME_MAP[it.key]
        if par is None:
            par = f"Child{sec.child + 1}"
        return (par, kid)

    def sec_parent(sec):
        if sec.key == "child":
            return f"Child{sec.child + 1}"
        return {"referrer": "Referrer", "lead": "Lead", "incident": "Incident", "records": "Records",
                "criteria": "Criteria", "panel": "Panel", "immediate": "Immediate"}[sec.key]

    def add_item(it: Item, sec, empty=False):
        par, kid = prefix_for(it, sec)
        name = f"{par}.{kid}"
        tip = it.label
        if it.kind == "choice" and it.key == "inc.type":
            L.field_row(it.label, 15, dict(kind="combo", name=name, tip=tip, options=it.options,
                                            value=None if empty or it.chosen is None else it.options[it.chosen]))
            return
        if it.kind == "choice" and it.key == "child.gender":
            L.field_row(it.label, 12, dict(kind="radio", name=name, tip=tip, options=it.options,
                                            chosen=None if empty else it.chosen))
            return
        if it.kind == "choice":
            L.field_row(it.label, 12, dict(kind="checks", name=name, tip=tip, options=it.options,
                                            chosen=None if empty else it.chosen))
            return
        if it.kind == "address":
            val = "" if empty else ("\r".join(it.lines) if not it.oneline else it.lines[0])
            L.field_row(it.label, 40, dict(kind="text", name=name, tip=tip, value=val, multiline=True))
            return
        if it.kind in ("long", "long_single"):
            val = "" if empty else (it.typed() if it.kind == "long" else it.text)
            n = len(wrap(val.replace("\n\n", "\n \n"), "Helvetica", 9, FW - 6)) if val else 3
            h = min(max(3, n) * 11 + 6, 300)
            L.field_row(it.label, h, dict(kind="text", name=name, tip=tip, value=val.replace("\n", "\r"),
                                           multiline=True))
            return
        val = "" if empty else it.text
        multi = stringWidth(val, "Helvetica", 9) > FW - 6
        h = 26 if multi else 15
        L.field_row(it.label, h, dict(kind="text", name=name, tip=tip, value=val, multiline=multi))

    for sec in form.sections:
        if sec.key == "agencies":
            L.bar(sec.title)
            add_agencies(L, form)
            continue
        title = sec.title
        if sec.key == "child":
            title = f"{sec.title} - {s['child_title']} {sec.child + 1}"
        L.bar(title)
        for it in sec.items:
            add_item(it, sec)
        if sec.key == "child" and extra_child and sec.child == sec.nchildren - 1:
            # an empty second child block, as printed on the form
            class _S:
                key = "child"
                child = sec.child + 1
                nchildren = sec.nchildren
            L.bar(f"{sec.title} - {s['child_title']} {sec.child + 2}")
            for it in sec.items:
                if it.decoy:
                    continue
                add_item(it, _S, empty=True)
    L.bar("Declaration")
    L.field_row("Name", 15, dict(kind="text", name="Declaration.Name", tip="Name", value=form.ref_name_text))
    L.field_row("Signature", 15, dict(kind="text", name="Declaration.Signature", tip="Signature", value=""))
    L.field_row("Date", 15, dict(kind="text", name="Declaration.Date", tip="Date", value=form.ref_date_text))
    L.need(60)
    L.y -= 8
    L.text_lines([f"For {s['pship_short']} use only: date received ............  decision ............  ref ............"],
                 ML, "Helvetica-Oblique", 8, "#404040")
    return L


def add_agencies(L: Layout, form: Form):
    ag = form.agencies
    cols = ag.cols
    nrows = max(4, len(ag.rows) + ag.spare)
    cw = (W - ML - MR) / len(cols)
    L.need(30)
    for j, (k, t) in enumerate(cols):
        L.op("text", ML + j * cw + 2, L.y - 9, t, "Helvetica-Bold", 8.5, "#000000")
    L.y -= 14
    for r in range(nrows):
        L.need(18)
        top = L.y
        for j, (k, t) in enumerate(cols):
            val = ag.rows[r].get(k, "") if r < len(ag.rows) else ""
            multi = stringWidth(val, "Helvetica", 8) > cw - 8
            L.fields.append(dict(kind="text", name=f"Agencies.Row{r + 1}.{camel(t)}", tip=f"{t} (row {r + 1})",
                                 value=val, multiline=multi, page=len(L.pages) - 1,
                                 rect=(ML + j * cw + 1, top - (24 if multi else 14), ML + (j + 1) * cw - 1, top),
                                 size=8))
        L.y -= 28 if any(stringWidth(ag.rows[r].get(k, ""), "Helvetica", 8) > cw - 8 for k, t in cols
                         if r < len(ag.rows)) else 18


def draw_static(L: Layout, path: str, form: Form):
    s = form.sender
    c = rl_canvas.Canvas(path, pagesize=A4, invariant=1)
    N = len(L.pages)
    for pi, ops in enumerate(L.pages):
        c.setFont("Helvetica-Bold", 8.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(ML, H - 30, s["marking"])
        c.setFillColor(colors.HexColor("#404040"))
        c.setFont("Helvetica", 8)
        c.drawRightString(W - MR, H - 30, s["partnership"])
        c.drawString(ML, 26, s["form_ref"] + " (fillable)")
        c.drawRightString(W - MR, 26, f"Page {pi + 1} of {N}")
        for op in ops:
            if op[0] == "text":
                _, xx, yy, txt, font, size, col = op
                c.setFont(font, size)
                c.setFillColor(colors.HexColor(col))
                c.drawString(xx, yy, txt)
            elif op[0] == "rect":
                _, xx, yy, w, h, col = op
                c.setFillColor(colors.HexColor("#" + col))
                c.rect(xx, yy, w, h, stroke=0, fill=1)
        # field outlines and option words (printed on the page)
        for f in L.fields:
            if f["page"] != pi:
                continue
            x0, y0, x1, y1 = f["rect"]
            if f["kind"] in ("text", "combo"):
                c.setFillColor(colors.HexColor("#E8F0FB"))
                c.setStrokeColor(colors.HexColor("#7F9DB9"))
                c.setLineWidth(0.5)
                cw = x1 - x0 if f["kind"] == "text" else 260
                c.rect(x0, y0, cw, y1 - y0, stroke=1, fill=1)
            else:
                for k, o in enumerate(f["options"]):
                    bx = x0 + k * 100
                    c.setStrokeColor(colors.HexColor("#7F9DB9"))
                    c.setFillColor(colors.HexColor("#E8F0FB"))
                    if f["kind"] == "radio":
                        c.circle(bx + 5, y0 + 5, 5, stroke=1, fill=1)
                    else:
                        c.rect(bx, y0, 10, 10, stroke=1, fill=1)
                    c.setFillColor(colors.black)
                    c.setFont("Helvetica", 8.5)
                    c.drawString(bx + 14, y0 + 2, o)
        c.showPage()
    c.setProducer("Adobe PDF Library 23.8.246")
    c.save()


def ap_stream(writer, w, h, body: str, resources: DictionaryObject):
    st = DecodedStreamObject()
    st.set_data(body.encode("latin-1"))
    st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
               NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(w, 2)),
                                                 FloatObject(round(h, 2))]),
               NameObject("/Resources"): resources})
    return writer._add_object(st)


def text_ap(value: str, w: float, h: float, multiline: bool, size: float = 9.0) -> str:
    if not value:
        return "/Tx BMC EMC"
    if multiline:
        lines = wrap(value.replace("\r", "\n"), "Helvetica", size, w - 4)
        while size > 5 and len(lines) * size * 1.15 > h - 2:
            size -= 0.5
            lines = wrap(value.replace("\r", "\n"), "Helvetica", size, w - 4)
        lead = size * 1.15
        ops = [f"/Tx BMC q 1 1 {w - 2:.2f} {h - 2:.2f} re W n BT /Helv {size:g} Tf 0 g {lead:.2f} TL 2 {h - 2 - size:.2f} Td"]
        for k, ln in enumerate(lines):
            ops.append(("" if k == 0 else "T* ") + f"({pdf_str(ln)}) Tj")
        ops.append("ET Q EMC")
        return "\n".join(ops)
    return f"/Tx BMC q 1 1 {w - 2:.2f} {h - 2:.2f} re W n BT /Helv {size:g} Tf 0 g 2 {(h - size) / 2 + 1.5:.2f} Td ({pdf_str(value)}) Tj ET Q EMC"


def q_fillable(form: Form, path: str) -> dict:
    rng = random.Random(form.rng_seed)
    s = form.sender
    extra_child = len(form.record["children"]) == 1 and rng.random() < 0.5
    tips = rng.random() < 0.5
    prod = rng.choice(["Adobe Acrobat Pro (64-bit) 24.4.20220", "Adobe Acrobat Pro (64-bit) 25.1.20432",
                       "Adobe PDF Library 23.8.246"])
    L = build_layout(form, rng, extra_child)
    tmp = path + ".base.pdf"
    draw_static(L, tmp, form)
    reader = PdfReader(tmp)
    writer = PdfWriter(clone_from=reader)
    helv = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                NameObject("/Subtype"): NameObject("/Type1"),
                                                NameObject("/BaseFont"): NameObject("/Helvetica"),
                                                NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    zadb = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                NameObject("/Subtype"): NameObject("/Type1"),
                                                NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    res_h = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv})})
    res_z = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/ZaDb"): zadb})})
    parents: dict[str, object] = {}      # qualified name -> (dict, ref)
    top: list = []

    def parent(qname: str):
        if qname in parents:
            return parents[qname]
        parts = qname.split(".")
        d = DictionaryObject({NameObject("/T"): TextStringObject(parts[-1]), NameObject("/Kids"): ArrayObject()})
        ref = writer._add_object(d)
        if len(parts) > 1:
            pd, pref = parent(".".join(parts[:-1]))
            d[NameObject("/Parent")] = pref
            pd["/Kids"].append(ref)
        else:
            top.append(ref)
        parents[qname] = (d, ref)
        return parents[qname]

    annots: dict[int, list] = {}
    n_on = 0
    n_checks = 0

    def widget(f, rect, page_i):
        pg = writer.pages[page_i]
        d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                              NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in rect]),
                              NameObject("/F"): NumberObject(4), NameObject("/P"): pg.indirect_reference})
        return d

    for f in L.fields:
        qual = f["name"]
        par_name, leaf = qual.rsplit(".", 1)
        pd, pref = parent(par_name)
        x0, y0, x1, y1 = f["rect"]
        pi = f["page"]
        if f["kind"] == "text":
            d = widget(f, (x0, y0, x1, y1), pi)
            d.update({NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject(leaf),
                      NameObject("/V"): TextStringObject(f["value"]),
                      NameObject("/DA"): TextStringObject(f"/Helv {f.get('size', 9):g} Tf 0 g")})
            if f.get("multiline"):
                d[NameObject("/Ff")] = NumberObject(4096)
            if tips:
                d[NameObject("/TU")] = TextStringObject(f["tip"])
            ap = ap_stream(writer, x1 - x0, y1 - y0, text_ap(f["value"], x1 - x0, y1 - y0, f.get("multiline", False),
                                                               f.get("size", 9)), res_h)
            d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap})
            d[NameObject("/Parent")] = pref
            ref = writer._add_object(d)
            pd["/Kids"].append(ref)
            annots.setdefault(pi, []).append(ref)
        elif f["kind"] == "combo":
            val = f["value"]
            opts = [" "] + list(f["options"])
            d = widget(f, (x0, y0, x0 + 260, y1), pi)
            d.update({NameObject("/FT"): NameObject("/Ch"), NameObject("/T"): TextStringObject(leaf),
                      NameObject("/Ff"): NumberObject(131072),
                      NameObject("/Opt"): ArrayObject([TextStringObject(o) for o in opts]),
                      NameObject("/V"): TextStringObject(val if val else " "),
                      NameObject("/DA"): TextStringObject("/Helv 9 Tf 0 g")})
            if tips:
                d[NameObject("/TU")] = TextStringObject(f["tip"])
            ap = ap_stream(writer, 260, y1 - y0, text_ap(val or "", 260, y1 - y0, False), res_h)
            d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): ap})
            d[NameObject("/Parent")] = pref
            ref = writer._add_object(d)
            pd["/Kids"].append(ref)
            annots.setdefault(pi, []).append(ref)
        elif f["kind"] == "checks":
            gd, gref = parent(qual)
            if tips:
                gd[NameObject("/TU")] = TextStringObject(f["tip"])
            for k, o in enumerate(f["options"]):
                on = f["chosen"] == k
                n_checks += 1
                n_on += on
                bx = x0 + k * 100
                d = widget(f, (bx, y0, bx + 10, y0 + 10), pi)
                on_ap = ap_stream(writer, 10, 10, "q BT /ZaDb 8 Tf 0 g 1.6 2.2 Td (4) Tj ET Q", res_z)
                off_ap = ap_stream(writer, 10, 10, "", res_z)
                d.update({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(opt_name(o)),
                          NameObject("/V"): NameObject("/On" if on else "/Off"),
                          NameObject("/AS"): NameObject("/On" if on else "/Off"),
                          NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                          NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("4")}),
                          NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject(
                              {NameObject("/On"): on_ap, NameObject("/Off"): off_ap})}),
                          NameObject("/Parent"): gref})
                if tips:
                    d[NameObject("/TU")] = TextStringObject(f"{f['tip']} - {o}")
                ref = writer._add_object(d)
                gd["/Kids"].append(ref)
                annots.setdefault(pi, []).append(ref)
        elif f["kind"] == "radio":
            gd, gref = parent(qual)
            gd[NameObject("/FT")] = NameObject("/Btn")
            gd[NameObject("/Ff")] = NumberObject(49152)
            ch = f["chosen"]
            gd[NameObject("/V")] = NameObject("/" + opt_name(f["options"][ch]) if ch is not None else "/Off")
            if tips:
                gd[NameObject("/TU")] = TextStringObject(f["tip"])
            for k, o in enumerate(f["options"]):
                on = ch == k
                bx = x0 + k * 100
                d = widget(f, (bx, y0, bx + 10, y0 + 10), pi)
                on_ap = ap_stream(writer, 10, 10, "q BT /ZaDb 7 Tf 0 g 2.1 2.5 Td (l) Tj ET Q", res_z)
                off_ap = ap_stream(writer, 10, 10, "", res_z)
                ex = "/" + opt_name(o)
                d.update({NameObject("/AS"): NameObject(ex if on else "/Off"),
                          NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("l")}),
                          NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject(
                              {NameObject(ex): on_ap, NameObject("/Off"): off_ap})}),
                          NameObject("/Parent"): gref})
                ref = writer._add_object(d)
                gd["/Kids"].append(ref)
                annots.setdefault(pi, []).append(ref)
    for pi, refs in annots.items():
        writer.pages[pi][NameObject("/Annots")] = ArrayObject(refs)
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
        NameObject("/Fields"): ArrayObject(top),
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/Helv"): helv, NameObject("/ZaDb"): zadb})}),
    }))
    d = form.ref_date
    stamp = f"D:{d.year:04d}{d.month:02d}{d.day:02d}{10 + form.n % 7:02d}{(form.n * 13) % 60:02d}00Z"
    writer.add_metadata({"/Producer": prod, "/Creator": "Adobe Acrobat Pro (64-bit)" if "Pro" in prod else
                         "Acrobat PDFMaker 23 for Word", "/Title": s["title"], "/Author": form.ref_name_text,
                         "/CreationDate": stamp, "/ModDate": stamp})
    h = bytes.fromhex(stable_hex("p30-acro", form.stem, n=32))
    writer._ID = ArrayObject([ByteStringObject(h), ByteStringObject(h)])
    with open(path, "wb") as fh:
        writer.write(fh)
    import os
    os.remove(tmp)
    return dict(producer=prod, tooltips=tips, empty_child_block=extra_child, fields=len(L.fields),
                check_boxes=n_checks, checked=n_on,
                choices="a check box per yes/no option (on-state /On), gender radio group, incident-type combo box")
