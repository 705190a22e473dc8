"""Q-ACROFORM: a fillable PDF form, filled in.  The page (labels, boxes, option words) is drawn with reportlab;
the fields (text fields and check boxes, with appearance streams) are added with pypdf."""

from __future__ import annotations

import hashlib
import io
import re

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, ByteStringObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)
from reportlab.pdfbase.pdfmetrics import stringWidth

from p29_flow import Doc, Run, wrap
from p29_model import Form, Item
from p29_pdf import fonts, meta_date, running, title_block

FS = 9.0        # field font size
LEAD = 10.6     # line height inside multi-line fields


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def base_name(item: Item) -> str:
    k = item.key
    fixed = {"date_of_referral": "referral_date", "ref.name": "referrer_name", "ref.role": "referrer_role",
             "ref.agency": "referrer_organisation", "ref.email": "referrer_email", "ref.phone": "referrer_phone",
             "lead.name": "lead_name", "lead.role": "lead_role", "lead.agency": "lead_organisation",
             "lead.email": "lead_email", "lead.phone": "lead_phone", "lead.discussed": "lead_discussed",
             "inc.date": "incident_date", "inc.la_aware": "date_la_aware", "inc.location": "incident_location",
             "inc.type": "incident_type", "inc.other": "incident_other_details", "inc.summary": "incident_summary",
             "inc.police": "police_involved", "crit.died": "criteria_died_or_harmed",
             "crit.abuse": "criteria_abuse_neglect", "crit.local": "criteria_local", "crit.learning":
                 "criteria_learning", "crit.reason": "criteria_reason", "panel": "panel_notified",
             "panel_date": "panel_date", "immediate": "immediate_concerns"}
    if k in fixed:
        return fixed[k]
    if k.startswith("c."):
        sub = {"c.forename": "first_name", "c.surname": "surname", "c.fullname": "full_name"}.get(k, k[2:])
        return f"child{item.child + 1}_{sub}"
    if item.decoy:
        b = slug(item.label)[:40].strip("_")
        return f"child{item.child + 1}_{b}" if item.child is not None else b
    return slug(item.label)


def pdf_str(t: str) -> str:
    return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def wrap_helv(text: str, width: float) -> list[str]:
    out = []
    for para in text.split("\r"):
        if not para:
            out.append("")
            continue
        cur = ""
        for word in para.split(" "):
            t = (cur + " " + word) if cur else word
            if stringWidth(t, "Helvetica", FS) <= width - 4 or not cur:
                cur = t
            else:
                out.append(cur)
                cur = word
        out.append(cur)
    return out


def q_acroform(form: Form) -> bytes:
    rng = form.rng
    S = form.sender
    fam = S["pdf_font"]
    R, B, I, BI = fonts(fam)
    tooltips = rng.random() < 0.5
    producer = rng.choice(["Adobe Acrobat Pro (64-bit) 23.8.20470", "Adobe Acrobat Pro DC 22.3.20310",
                           "Adobe PDF Library 23.8.246"])
    creator = "Adobe Acrobat Pro (64-bit) 23.8.20470" if "Library" not in producer else \
        "Acrobat PDFMaker 23 for Word"
    on_state = "Yes"
    doc = Doc(margins=(62, 48, 58, 48))
    title_block(doc, form, fam)
    W = doc.width
    lw = W * 0.36
    fx = doc.left + lw + 6
    fw = W - lw - 6
    fields = []   # (page, kind, name, rect, value, label, extra)
    size = 8.6

    def label_lines(text, width):
        return wrap([Run(text, B, size)], width)

    def place(label: str, h: float):
        ll = label_lines(label, lw - 4)
        lh = sum(x for x, _ in ll)
        need = max(h, lh) + 4
        doc.ensure(need)
        top = doc.y
        y = top
        for hh, segs in ll:
            y -= hh
            doc.text_line(doc.left, y + hh * 0.22, segs)
        doc.y = top - need
        return top

    def text_field(label: str, name: str, value: str, multiline=False, x=None, w=None, lab=True):
        x = fx if x is None else x
        w = fw if w is None else w
        lines = wrap_helv(value, w) if value else [""]
        ml = multiline or len(lines) > 1
        h = max(16.0, len(lines) * LEAD + 5) if ml else 16.0
        if ml and multiline:
            h = max(h, 34.0)
        top = place(label, h) if lab else None
        if top is None:
            doc.ensure(h + 4)
            top = doc.y
            doc.y -= h + 4
        rect = (x, top - h, x + w, top)
        doc.ops.append(("rect", x, top - h, w, h, "E8EEF7", "7F8FA6", 0.5))
        fields.append(dict(page=len(doc.pages) - 1, kind="tx", name=name, rect=rect, value=value, label=label,
                           multiline=ml, lines=lines))

    def boxes(label: str, name: str, options: list, chosen, slugs: list, per_line: bool = False):
        # option words with a box before each
        if per_line:
            h = len(options) * 14 + 2
        else:
            h = 16
        top = place(label, h)
        x, y = fx, top - 12
        for k, o in enumerate(options):
            if per_line and k:
                x, y = fx, y - 14
            doc.ops.append(("rect", x, y - 1, 9, 9, "FFFFFF", "404040", 0.6))
            fields.append(dict(page=len(doc.pages) - 1, kind="cb", name=f"{name}_{slugs[k]}", rect=(x, y - 1, x + 9,
                                                                                                     y + 8),
                               value=(chosen == k), label=f"{label} - {o}"))
            doc.ops.append(("text", x + 13, y, o, R, size, "000000"))
            x += 13 + stringWidth(o, R, size) + 18

    def yn_slugs(opts):
        return ["yes", "no", "notknown"][:len(opts)]

    def item_fields(it: Item):
        name = base_name(it)
        if it.kind == "yn":
            boxes(it.label, name, it.options, it.chosen, yn_slugs(it.options))
        elif it.kind == "gender":
            boxes(it.label, name, it.options, it.chosen, [slug(o) for o in it.options])
        elif it.kind == "itype":
            boxes(it.label, name, it.options, it.chosen,
                  ["death", "serious_harm", "lac_death", "care_leaver_death", "other"], per_line=True)
        elif it.kind == "address":
            text_field(it.label, name, "\r".join(it.lines), multiline=True)
        elif it.kind == "long":
            text_field(it.label, name, "\r\r".join(it.lines), multiline=True)
        else:
            text_field(it.label, name, it.text, multiline=len(it.text) > 60)

    for sec in form.sections:
        doc.bar(sec.title, S["dark"], size=10, font=B, before=10, after=6)
        if sec.id == "agencies":
            it = sec.items[0]
            doc.para([Run(it.label, B, size)], after=4, keep=60)
            cols = it.cols
            nrows = max(4, len(it.rows))
            rel = {"agency": 3, "name": 2.4, "contact": 3, "extra_role": 1.7, "extra_yn": 1.4}
            tot = sum(rel[r] for _, r in cols)
            cws = [W * rel[r] / tot for _, r in cols]
            doc.ensure(30)
            x = doc.left
            for (t, _), cw in zip(cols, cws):
                doc.ops.append(("text", x + 2, doc.y - 10, t, B, size, "000000"))
                x += cw
            doc.y -= 14
            colname = {"agency": "org", "name": "name", "contact": "contact", "extra_role": "role",
                       "extra_yn": "involved"}
            for rix in range(nrows):
                r = it.rows[rix] if rix < len(it.rows) else {}
                vals = [r.get(role, "") for _, role in cols]
                hmax = 16.0
                for v, cw in zip(vals, cws):
                    n = len(wrap_helv(v, cw - 4)) if v else 1
                    hmax = max(hmax, n * LEAD + 5)
                doc.ensure(hmax + 3)
                top = doc.y
                x = doc.left
                for (t, role), cw, v in zip(cols, cws, vals):
                    lines = wrap_helv(v, cw - 4) if v else [""]
                    rect = (x + 1, top - hmax, x + cw - 1, top)
                    doc.ops.append(("rect", x + 1, top - hmax, cw - 2, hmax, "E8EEF7", "7F8FA6", 0.5))
                    fields.append(dict(page=len(doc.pages) - 1, kind="tx", name=f"agency{rix + 1}_{colname[role]}",
                                       rect=rect, value=v, label=f"{t} (row {rix + 1})", multiline=len(lines) > 1,
                                       lines=lines))
                    x += cw
                doc.y = top - hmax - 3
            continue
        groups = sec.groups if sec.id == "child" else [sec.items]
        for gi, items in enumerate(groups):
            if sec.id == "child" and len(groups) > 1:
                doc.para([Run(f"{S['child_title']} {gi + 1}", BI, size + 0.5)], before=3, after=3, keep=40)
            for it in items:
                item_fields(it)
    doc.bar("Declaration", S["dark"], size=10, font=B, before=10, after=6)
    dl = S["declaration"]
    text_field(dl[0], "declaration_name", form.declaration[0][1])
    text_field(dl[1], "declaration_signature", "")
    text_field(dl[2], "declaration_date", form.declaration[2][1])
    form.notes["layout_info"] = dict(producer=producer, creator=creator, tooltips=tooltips, on_state=on_state,
                                     fields=len(fields), checkboxes=sum(1 for f in fields if f["kind"] == "cb"))
    header, footer = running(form, fam)
    base = doc.render(header=header, footer=footer, title=S["form_title"], author="", creator=creator,
                      producer=producer, date_str=meta_date(form), id_seed=form.name)
    return add_fields(base, fields, form, tooltips, on_state, producer, creator)


def add_fields(base: bytes, fields: list, form: Form, tooltips: bool, on_state: str, producer: str,
               creator: str) -> bytes:
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    helv = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/Name"): NameObject("/Helv")}))
    zadb = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats"), NameObject("/Name"): NameObject("/ZaDb")}))

    def xobject(wd, ht, content: str, font_ref, font_name):
        s = DecodedStreamObject()
        s.set_data(content.encode("latin-1"))
        s.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                  NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(round(wd, 2)),
                                                    FloatObject(round(ht, 2))]),
                  NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                      {NameObject(font_name): font_ref})})})
        return w._add_object(s)

    annots: dict[int, list] = {}
    refs = []
    for f in fields:
        x1, y1, x2, y2 = f["rect"]
        wd, ht = x2 - x1, y2 - y1
        page = w.pages[f["page"]]
        d = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/T"): TextStringObject(f["name"]),
            NameObject("/Rect"): ArrayObject([FloatObject(round(v, 2)) for v in (x1, y1, x2, y2)]),
            NameObject("/F"): NumberObject(4), NameObject("/P"): page.indirect_reference})
        if tooltips:
            d[NameObject("/TU")] = TextStringObject(f["label"])
        if f["kind"] == "tx":
            lines = f["lines"]
            body = ["/Tx BMC", "q", "1 1 %.2f %.2f re W n" % (wd - 2, ht - 2), "BT", "/Helv %.1f Tf 0 g" % FS]
            if f["multiline"]:
                y = ht - 2 - FS
                body.append("2 %.2f Td" % y)
                for k, ln in enumerate(lines):
                    if k:
                        body.append("0 %.2f Td" % (-LEAD))
                    body.append("(%s) Tj" % pdf_str(ln))
            else:
                body.append("2 %.2f Td" % ((ht - FS) / 2 + 1.5))
                body.append("(%s) Tj" % pdf_str(f["value"]))
            body += ["ET", "Q", "EMC"]
            ap = xobject(wd, ht, "\n".join(body), helv, "/Helv")
            d.update({NameObject("/FT"): NameObject("/Tx"), NameObject("/V"): TextStringObject(f["value"]),
                      NameObject("/DA"): TextStringObject("/Helv %.0f Tf 0 g" % FS),
                      NameObject("/AP"): DictionaryObject({NameObject("/N"): ap})})
            if f["multiline"]:
                d[NameObject("/Ff")] = NumberObject(4096)
        else:
            on = xobject(wd, ht, "q 0 g BT /ZaDb 8 Tf 1.2 1.4 Td (4) Tj ET Q", zadb, "/ZaDb")
            off = xobject(wd, ht, "", zadb, "/ZaDb")
            state = NameObject("/" + on_state) if f["value"] else NameObject("/Off")
            d.update({NameObject("/FT"): NameObject("/Btn"), NameObject("/V"): state, NameObject("/AS"): state,
                      NameObject("/DA"): TextStringObject("/ZaDb 0 Tf 0 g"),
                      NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("4")}),
                      NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject(
                          {NameObject("/" + on_state): on, NameObject("/Off"): off})})})
        ref = w._add_object(d)
        refs.append(ref)
        annots.setdefault(f["page"], []).append(ref)
    for pi, lst in annots.items():
        w.pages[pi][NameObject("/Annots")] = ArrayObject(lst)
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject(refs),
        NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/DR"): DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/Helv"): helv, NameObject("/ZaDb"): zadb})})})
    ds = meta_date(form)
    w.add_metadata({"/Producer": producer, "/Creator": creator, "/Title": form.sender["form_title"],
                    "/CreationDate": f"D:{ds}+00'00'", "/ModDate": f"D:{ds}+00'00'"})
    h1 = hashlib.md5(form.name.encode()).digest()
    h2 = hashlib.md5((form.name + "/filled").encode()).digest()
    w._ID = ArrayObject([ByteStringObject(h1), ByteStringObject(h2)])
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()
