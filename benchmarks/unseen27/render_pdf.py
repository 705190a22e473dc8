"""The five PDF layouts of unseen27."""

from __future__ import annotations

import datetime as dt
import io
import re

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from common import fmt_date, xml_escape
from forms import (CHILD_KEYS, CRIT_KEYS, INC_KEYS, LEAD_KEYS, REF_KEYS, child_fields, child_title, decoys_in,
                   fields, guidance, name_keys, options, text_of, word)
from model import Case, Shown
from pdfkit import Acro, Flow, finish_pdf, new_canvas, pdf_date, pdf_str, wrap

W, H = A4


def furniture_fn(case: Case, font="DejaVu", bold="DejaVu-Bold"):
    s = case.s

    def draw(c, n, total):
        c.saveState()
        c.setFont(bold, 7.5)
        c.setFillColorRGB(0.75, 0, 0)
        c.drawString(45, H - 30, s["marking"])
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.setFont(font, 7.5)
        c.drawRightString(W - 45, H - 30, s["partnership"])
        c.drawString(45, 28, f"{s['form_ref']} v{2 + case.n % 4}")
        c.drawRightString(W - 45, 28, f"Page {n} of {total}")
        c.restoreState()
    return draw


def meta_for(case: Case, producer: str, creator: str) -> dict:
    d = case.show["date_of_referral"].date
    return {"/Title": case.s["title"], "/Author": case.rec["referrer"]["name"] or "",
            "/Producer": producer, "/Creator": creator,
            "/CreationDate": pdf_date(d, 9 + case.n % 6, (case.n * 7) % 60),
            "/ModDate": pdf_date(d, 12 + case.n % 5, (case.n * 11) % 60)}


def title_block(f: Flow, case: Case):
    s = case.s
    f.text(s["title"], font=f.bold, size=14, color=(0.12, 0.22, 0.39))
    f.text(f"{s['org']}  \u2192  {s['partnership']}", size=8, color=(0.35, 0.35, 0.35))
    f.gap(2)
    f.text(guidance(case), font="DejaVu-Oblique", size=7.5, color=(0.25, 0.25, 0.25))
    f.gap(4)


def yn_text(case: Case, sh: Shown) -> str:
    return word(case, sh)


def itype_text(case: Case, sh: Shown) -> str:
    w = word(case, sh)
    if w and sh.choice == 4 and sh.detail:
        return f"{w}\n{case.label('inc.detail')}: {sh.detail}"
    return w


def plain(case: Case, key: str, sh: Shown) -> str:
    if sh.kind == "itype":
        return itype_text(case, sh)
    return text_of(case, sh, key)


# ---- P-PERCHILDPROS -------------------------------------------------------------------------------------------

def render_perchildpros(case: Case, name: str) -> bytes:
    """No agencies section: each child's section ends with the professionals working with that child (not
    repeated for a sibling), and the children's outcomes - with the date of death - are a table in the incident
    section."""
    r = case.rng
    s = case.s
    buf = io.BytesIO()
    c = new_canvas(buf, furniture_fn(case), title=s["title"], author=case.rec["referrer"]["name"] or "")
    f = Flow(c, case, top=H - 50, bottom=50)
    title_block(f, case)
    lw = 180

    def section(title, flist, decoys=()):
        f.bar(title)
        for key, label, sh in flist:
            f.row(label, plain(case, key, sh), lw=lw)
        for label, v in decoys:
            f.row(label, v, lw=lw)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    # share the agencies out between the children, in order
    n = len(case.kids)
    ag = list(case.agencies)
    shares = []
    if n == 1:
        shares = [ag]
    else:
        cut = sorted(r.sample(range(0, len(ag) + 1), n - 1)) if len(ag) >= n - 1 else [len(ag)] * (n - 1)
        prev = 0
        for ct in cut + [len(ag)]:
            shares.append(ag[prev:ct])
            prev = ct
    case.notes["agencies_per_child"] = [len(x) for x in shares]
    cols = s["agency_cols"]
    firsts = [k.get("child.first").text if k.get("child.first") else k["child.name"].text.split(" ")[0] for k in case.kids]
    for i in range(n):
        section(child_title(case, i), child_fields(case, i, skip={"child.date_of_death"}),
                decoys_in(case, "child") if i == 0 else ())
        f.gap(6)
        f.text(f"Professionals working with {firsts[i]}", font=f.bold, size=9)
        if i > 0 and any(shares[:i]):
            f.gap(1)
            f.text(f"(Professionals already listed for {firsts[0]} are not repeated here.)", size=7.5,
                   color=(0.35, 0.35, 0.35))
        f.gap(3)
        if shares[i]:
            f.grid([cn for cn, _ in cols], [[a[k] for _, k in cols] for a in shares[i]] + [["", "", ""]],
                   [170, 150, f.width - 320])
        else:
            f.text("None other than those listed above." if i > 0 and any(shares[:i]) else "No other professionals known.",
                   size=8.5)
    inc = fields(case, INC_KEYS)
    f.bar(s["sections"]["incident"])
    for key, label, sh in inc:
        if key == "inc.summary":
            continue
        f.row(label, plain(case, key, sh), lw=lw)
    for label, v in decoys_in(case, "incident"):
        f.row(label, v, lw=lw)
    # the children affected
    f.gap(6)
    f.text("Children affected by this incident", font=f.bold, size=9)
    f.gap(3)
    harm_words = {"death": "Died", "lac_death": "Died", "care_leaver_death": "Died"}
    heads = ["Child", "Outcome / nature of harm"]
    widths = [150, f.width - 150]
    has_dod = "child.date_of_death" in s["labels"]
    if has_dod:
        heads.append(case.label("child.date_of_death"))
        widths = [150, f.width - 260, 110]
    rows = []
    itype = case.notes.get("itype")
    for i, k in enumerate(case.kids):
        nm = k["child.name"].text if k.get("child.name") else f"{k['child.first'].text} {k['child.last'].text}"
        dod = k.get("child.date_of_death")
        if i == 0:
            outcome = harm_words.get(itype, "Seriously harmed - in hospital" if itype == "serious_harm" else "Harmed - see summary")
            if dod is not None and dod.date is None and itype in harm_words:
                outcome = "Died"
        else:
            outcome = r.choice(["Not physically harmed", "No injuries; staying with relatives", "Minor injuries; discharged"])
        row = [nm, outcome]
        if has_dod:
            row.append(dod.text if dod is not None else "")
        rows.append(row)
    f.grid(heads, rows, widths)
    summ = case.show.get("inc.summary")
    f.gap(4)
    f.row(case.label("inc.summary"), text_of(case, summ), lw=lw)
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], [], rec)
    c.showPage()
    c.save()
    return finish_pdf(buf.getvalue(), name, meta=meta_for(case, "Microsoft\u00ae Word for Microsoft 365",
                                                          "Microsoft\u00ae Word for Microsoft 365"))


# ---- AcroForm layouts share a drawn form with boxes ------------------------------------------------------------

class BoxForm:
    """Draws labels and empty boxes and records each box (page index, rect) for a field."""

    def __init__(self, case: Case, lw=190, font="Helvetica", bold="Helvetica-Bold", size=8.5):
        self.case = case
        self.buf = io.BytesIO()
        self.c = new_canvas(self.buf, furniture_fn(case, font, bold), title=case.s["title"],
                            author=case.rec["referrer"]["name"] or "")
        self.f = Flow(self.c, case, top=H - 50, bottom=55, font=font, bold=bold, size=size)
        self.lw = lw
        self.boxes = []

    @property
    def page(self):
        return self.f.page - 1

    def label_box(self, label, h=16, x_off=None, width=None):
        f = self.f
        lines = wrap(label, f.bold, f.size, self.lw - 6)
        rh = max(h, len(lines) * (f.size + 2) + 4) + 4
        f.need(rh)
        top = f.y
        c = self.c
        c.setFillColorRGB(0, 0, 0)
        yy = top - 2
        for ln in lines:
            yy -= f.size + 2
            c.setFont(f.bold, f.size)
            c.drawString(f.left, yy, ln)
        x0 = f.left + self.lw
        x1 = f.right if width is None else x0 + width
        c.setStrokeColorRGB(0.55, 0.55, 0.6)
        c.setFillColorRGB(0.9, 0.94, 1.0)
        c.rect(x0, top - 2 - h, x1 - x0, h, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        f.y = top - rh
        return (self.page, (x0, top - 2 - h, x1, top - 2))

    def options_row(self, label, opts, box=9, round_=False):
        """Label then one square per option with the option word; returns [(page, rect)] per option."""
        f = self.f
        lines = wrap(label, f.bold, f.size, self.lw - 6)
        rh = max(16, len(lines) * (f.size + 2) + 4) + 2
        f.need(rh)
        top = f.y
        c = self.c
        yy = top - 2
        for ln in lines:
            yy -= f.size + 2
            c.setFont(f.bold, f.size)
            c.drawString(f.left, yy, ln)
        x = f.left + self.lw
        out = []
        for o in opts:
            ow = pdfmetrics.stringWidth(o, f.font, f.size)
            if x + box + 6 + ow > f.right:
                x = f.left + self.lw
                top -= 14
            c.setStrokeColorRGB(0.4, 0.4, 0.45)
            c.setFillColorRGB(0.9, 0.94, 1.0)
            if round_:
                c.circle(x + box / 2, top - 3 - box / 2, box / 2, stroke=1, fill=1)
            else:
                c.rect(x, top - 3 - box, box, box, stroke=1, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont(f.font, f.size)
            c.drawString(x + box + 3, top - 2 - box + 1, o)
            out.append((self.page, (x, top - 3 - box, x + box, top - 3)))
            x += box + 10 + ow
        f.y = min(top - rh, f.y - rh)
        return out

    def finish(self):
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def field_name(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9 ]", "", label).strip()


# ---- P-DEFVALUES -----------------------------------------------------------------------------------------------

DV_TEXT = {"date": ["DD/MM/YYYY", "dd/mm/yyyy"], "email": ["e.g. name@organisation.org.uk", "Enter email address"],
           "phone": ["e.g. 07700 900000", "Enter telephone number"], "name": ["Enter full name", "Type name here"],
           "text": ["Type here", "Please enter"], "lines": ["Enter address and postcode", "Address"],
           "long": ["Please describe", "Type your answer here"]}
DV_CHOICE = ["-- Select --", "Please choose", "Select one"]


def render_defvalues(case: Case, name: str) -> bytes:
    """A fillable form whose designer gave every field a default value (a prompt: 'DD/MM/YYYY', 'Type here',
    'e.g. 07700 900000', '-- Select --'); fields the referrer did not fill still hold their default."""
    r = case.rng
    s = case.s
    bf = BoxForm(case)
    f = bf.f
    acro = Acro()
    variant = r.randint(0, 1)
    prefix_typing = r.random() < 0.6        # some answers typed after the prompt instead of over it
    choice_dv = r.choice(DV_CHOICE)
    case.notes.update(default_choice=choice_dv, typed_after_prompt=[], child_blocks=3, prompts_left=0)
    title_block(f, case)
    used_names = {}

    def fname(label, suffix=""):
        base = field_name(label) + suffix
        if base in used_names:
            used_names[base] += 1
            base = f"{base}_{used_names[base]}"
        else:
            used_names[base] = 1
        return base

    def kind_of(key, sh):
        if sh.kind == "date":
            return "date"
        if key.endswith("email"):
            return "email"
        if key.endswith("phone"):
            return "phone"
        if key.endswith("name") or key in ("child.first", "child.last"):
            return "name"
        if sh.kind == "lines":
            return "lines"
        if sh.kind == "paras" or key in ("crit.reason", "concerns"):
            return "long"
        return "text"

    def put(key, label, sh, suffix=""):
        if sh.kind in ("yn", "gender", "itype"):
            opts = [choice_dv] + options(case, sh)
            h = 15
            page, rect = bf.label_box(label, h=h, width=190)
            val = word(case, sh) if sh.choice is not None else choice_dv
            if sh.choice is None:
                case.notes["prompts_left"] += 1
            acro.text([fname(label, suffix)], page, rect, val, dv=choice_dv, tu=label, combo=True, ch_opts=opts, fs=8.5)
            if sh.kind == "itype":
                pg, rc = bf.label_box(case.label("inc.detail"), h=15)
                det = sh.detail if (sh.choice == 4 and sh.detail) else None
                dvd = DV_TEXT["text"][variant]
                acro.text([fname(case.label("inc.detail"), suffix)], pg, rc, det if det else dvd, dv=dvd,
                          tu=case.label("inc.detail"), fs=8.5)
            return
        k = kind_of(key, sh)
        dv = DV_TEXT[k][variant]
        multiline = k in ("lines", "long")
        h = 15 if not multiline else (46 if k == "lines" else 30)
        value = text_of(case, sh, key)
        if k == "long":
            lines = sum(len(wrap(p, "Helvetica", 8, f.width - bf.lw - 6)) + 1 for p in value.split("\n")) if value else 2
            h = max(30, lines * 9.3 + 6)
        page, rect = bf.label_box(label, h=h)
        if not value:
            v = dv
            case.notes["prompts_left"] += 1
        elif prefix_typing and k in ("date", "phone", "email") and not sh.filler and r.random() < 0.3:
            v = f"{dv} {value}"
            case.notes["typed_after_prompt"].append(key)
        else:
            v = value
        acro.text([fname(label, suffix)], page, rect, v, dv=dv, tu=label, multiline=multiline, fs=8 if multiline else 8.5)

    def section(title, flist, decoys=(), suffix=""):
        f.bar(title)
        for key, label, sh in flist:
            put(key, label, sh, suffix)
        for label, v in decoys:
            page, rect = bf.label_box(label, h=15)
            acro.text([fname(label)], page, rect, v, dv=DV_TEXT["text"][variant], tu=label, fs=8.5)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    nblocks = max(3, len(case.kids))
    for i in range(nblocks):
        title = f"{s['sections']['child']} - child {i + 1}" + (" (if applicable)" if i else "")
        if i < len(case.kids):
            section(title, child_fields(case, i), decoys_in(case, "child") if i == 0 else (), suffix=f" {i + 1}" if i else "")
        else:
            # an unused child block: every field still shows its default
            f.bar(title)
            for key, label, sh in child_fields(case, 0):
                if sh.kind in ("yn", "gender"):
                    page, rect = bf.label_box(label, h=15, width=190)
                    acro.text([fname(label, f" {i + 1}")], page, rect, choice_dv, dv=choice_dv, tu=label, combo=True,
                              ch_opts=[choice_dv] + options(case, sh), fs=8.5)
                else:
                    k = kind_of(key, sh)
                    dv = DV_TEXT[k][variant]
                    ml = k in ("lines", "long")
                    page, rect = bf.label_box(label, h=46 if k == "lines" else 15)
                    acro.text([fname(label, f" {i + 1}")], page, rect, dv, dv=dv, tu=label, multiline=ml, fs=8.5)
    section(s["sections"]["incident"], fields(case, INC_KEYS), decoys_in(case, "incident"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    f.bar(s["sections"]["agencies"])
    cols = s["agency_cols"]
    widths = [170, 150, f.width - 320]
    f.need(20)
    x = f.left
    for (cn, _), w in zip(cols, widths):
        bf.c.setFont(f.bold, 8)
        bf.c.drawString(x + 2, f.y - 10, cn)
        x += w
    f.y -= 14
    nrows = max(4, len(case.agencies) + 1)
    for i in range(nrows):
        f.need(18)
        x = f.left
        a = case.agencies[i] if i < len(case.agencies) else None
        for j, ((cn, k), w) in enumerate(zip(cols, widths)):
            rect = (x + 1, f.y - 16, x + w - 1, f.y - 1)
            bf.c.setStrokeColorRGB(0.55, 0.55, 0.6)
            bf.c.setFillColorRGB(0.9, 0.94, 1.0)
            bf.c.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1], stroke=1, fill=1)
            dv = DV_TEXT["text"][variant] if j == 0 else None
            v = a[k] if (a and a[k]) else (dv or "")
            acro.text([f"{field_name(cn)} Row{i + 1}"], bf.page, rect, v, dv=dv, tu=f"{cn} - row {i + 1}", fs=7.5)
            x += w
        f.y -= 18
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], [], rec)
    pdf = bf.finish()
    return finish_pdf(pdf, name, acro=acro, meta=meta_for(case, "Adobe Acrobat Pro (64-bit) 23.6.20320", "Adobe Acrobat Pro (64-bit) 23.6.20320"))


# ---- P-XFASTATIC -----------------------------------------------------------------------------------------------

SOM = {"ref.name": "Name", "ref.role": "JobTitle", "ref.agency": "Organisation", "ref.email": "Email",
       "ref.phone": "Telephone", "lead.name": "Name", "lead.role": "JobTitle", "lead.agency": "Organisation",
       "lead.email": "Email", "lead.phone": "Telephone", "lead.discussed": "Agreed",
       "child.first": "FirstName", "child.last": "LastName", "child.name": "FullName", "child.other_names": "OtherNames",
       "child.dob": "DOB", "child.age": "Age", "child.gender": "Gender", "child.ethnicity": "Ethnicity",
       "child.address": "Address", "child.school": "School", "child.gp": "GP", "child.legal_status": "LegalStatus",
       "child.cp_plan": "CPPlan", "child.open_to_csc": "OpenCSC", "child.looked_after": "LAC",
       "child.disability": "Needs", "child.date_of_death": "DOD", "inc.date": "IncidentDate",
       "inc.date_la_aware": "LAAware", "inc.location": "Location", "inc.type": "Category", "inc.detail": "Specify",
       "inc.summary": "Summary", "inc.police_involved": "Police", "crit.died": "Crit1", "crit.abuse": "Crit2",
       "crit.local": "Crit3", "crit.learning": "Crit4", "crit.reason": "Reason", "panel": "Notified",
       "panel_date": "NotifiedDate", "concerns": "Concerns", "date_of_referral": "DateOfReferral"}


def render_xfastatic(case: Case, name: str) -> bytes:
    """A static XFA form from LiveCycle Designer saved in Acrobat: AcroForm fields with SOM names
    (form1[0].#subform[0].Referrer[0].Name[0]), the same short names in every section, three Child[n] subforms,
    radio lists whose on-states are the item values 1 / 2 / 3, and the XFA template and datasets packets."""
    r = case.rng
    s = case.s
    bf = BoxForm(case, lw=185, font="Helvetica", bold="Helvetica-Bold")
    f = bf.f
    acro = Acro()
    root = ["form1[0]"]
    title_block(f, case)
    data = {}            # datasets: subform path -> list of (name, value)
    template_fields = []  # (subform path, field name, caption, kind, items)
    case.notes["som_examples"] = []

    def add_data(sub, fname, value):
        data.setdefault(tuple(sub), []).append((fname, value))

    def mkpath(sub, fname):
        path = root + [f"#subform[{bf.page}]"] + [f"{x}[0]" if "[" not in x else x for x in sub] + [f"{fname}[0]"]
        if len(case.notes["som_examples"]) < 4:
            case.notes["som_examples"].append(".".join(path))
        return path

    def put(sub, key, label, sh):
        fname = SOM[key]
        if sh.kind in ("yn", "gender"):
            opts = options(case, sh)
            kids = bf.options_row(label, opts, round_=True)
            path = mkpath(sub, fname)
            states = [str(j + 1) for j in range(len(opts))]
            value = states[sh.choice] if sh.choice is not None else None
            acro.radio(path, [(p, rc, st) for (p, rc), st in zip(kids, states)], value)
            add_data(sub, fname, value or "")
            template_fields.append((sub, fname, label, "radio", opts))
            return
        if sh.kind == "itype":
            opts = options(case, sh)
            page, rect = bf.label_box(label, h=15, width=230)
            path = mkpath(sub, fname)
            val = word(case, sh) if sh.choice is not None else ""
            acro.text(path, page, rect, val, combo=True, ch_opts=opts, fs=8.5)
            add_data(sub, fname, val)
            template_fields.append((sub, fname, label, "dropdown", opts))
            dl = case.label("inc.detail")
            page, rect = bf.label_box(dl, h=15)
            det = sh.detail if (sh.choice == 4 and sh.detail) else ""
            p2 = mkpath(sub, "Specify")
            acro.text(p2, page, rect, det, fs=8.5)
            add_data(sub, "Specify", det)
            template_fields.append((sub, "Specify", dl, "text", None))
            return
        value = text_of(case, sh, key)
        multiline = sh.kind in ("lines", "paras") or key in ("crit.reason", "concerns")
        if multiline:
            lines = sum(len(wrap(p, "Helvetica", 8, f.width - bf.lw - 6)) + 1 for p in value.split("\n")) if value else 2
            h = max(30, lines * 9.3 + 6)
        else:
            h = 15
        page, rect = bf.label_box(label, h=h)
        path = mkpath(sub, fname)
        acro.text(path, page, rect, value, multiline=multiline, fs=8 if multiline else 8.5)
        add_data(sub, fname, value)
        template_fields.append((sub, fname, label, "text", None))

    def section(title, sub, flist, decoys=()):
        f.bar(title)
        for key, label, sh in flist:
            put(sub, key, label, sh)
        for j, (label, v) in enumerate(decoys):
            page, rect = bf.label_box(label, h=15)
            path = root + [f"#subform[{bf.page}]"] + [f"{x}[0]" for x in sub] + [f"Ref{j + 1}[0]"]
            acro.text(path, page, rect, v, fs=8.5)
            add_data(sub, f"Ref{j + 1}", v)
            template_fields.append((sub, f"Ref{j + 1}", label, "text", None))

    section(s["sections"]["ref"], ["Referrer"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], ["Lead"], fields(case, LEAD_KEYS))
    for i in range(3):
        sub = [f"Child[{i}]"]
        if i < len(case.kids):
            section(f"{s['sections']['child']} ({i + 1})", sub, child_fields(case, i), decoys_in(case, "child") if i == 0 else ())
        else:
            f.bar(f"{s['sections']['child']} ({i + 1})")
            for key, label, sh in child_fields(case, 0):
                blank = Shown(sh.kind)
                put(sub, key, label, blank)
    section(s["sections"]["incident"], ["Incident"], fields(case, INC_KEYS), decoys_in(case, "incident"))
    section(s["sections"]["criteria"], ["Criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], ["Panel"], fields(case, ["panel", "panel_date"]))
    f.bar(s["sections"]["agencies"])
    cols = s["agency_cols"]
    widths = [170, 150, f.width - 320]
    f.need(20)
    x = f.left
    for (cn, _), w in zip(cols, widths):
        bf.c.setFont(f.bold, 8)
        bf.c.drawString(x + 2, f.y - 10, cn)
        x += w
    f.y -= 14
    nrows = max(4, len(case.agencies) + 1)
    som_cols = {"agency": "Agency", "name": "Worker", "contact": "Contact"}
    for i in range(nrows):
        f.need(18)
        x = f.left
        a = case.agencies[i] if i < len(case.agencies) else None
        for (cn, k), w in zip(cols, widths):
            rect = (x + 1, f.y - 16, x + w - 1, f.y - 1)
            bf.c.setStrokeColorRGB(0.55, 0.55, 0.6)
            bf.c.setFillColorRGB(0.9, 0.94, 1.0)
            bf.c.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1], stroke=1, fill=1)
            v = a[k] if (a and a[k]) else ""
            path = root + [f"#subform[{bf.page}]", "Agencies[0]", f"Row{i + 1}[0]", f"{som_cols[k]}[0]"]
            acro.text(path, bf.page, rect, v, fs=7.5)
            add_data(["Agencies", f"Row{i + 1}"], som_cols[k], v)
            x += w
        f.y -= 18
    section(s["sections"]["concerns"], ["Concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], ["Records"], [], rec)
    pdf = bf.finish()
    xfa = xfa_packets(case, data, template_fields)
    return finish_pdf(pdf, name, acro=acro, xfa=xfa,
                      meta=meta_for(case, "Adobe Acrobat Pro 11.0.23", "Adobe LiveCycle Designer ES 9.0"))


def xfa_packets(case: Case, data: dict, template_fields: list) -> list:
    pre = ('<?xml version="1.0" encoding="UTF-8"?>\n<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/" '
           'timeStamp="2011-03-14T10:12:55Z" uuid="6f1c2d7e-0d4a-4b8e-9a57-2c1f0b7e5a11">')
    config = ('<config xmlns="http://www.xfa.org/schema/xci/2.8/"><agent name="designer"><destination>pdf</destination>'
              '<pdf><fontInfo/></pdf></agent><present><pdf><version>1.7</version><adobeExtensionLevel>8</adobeExtensionLevel>'
              '</pdf><common/><script><runScripts>client</runScripts></script></present><acrobat><acrobat7>'
              '<dynamicRender>forbidden</dynamicRender></acrobat7><validate>preSubmit</validate></acrobat></config>')
    # template: subforms with fields and captions
    subs: dict[tuple, list] = {}
    for sub, fname, caption, kind, items in template_fields:
        subs.setdefault(tuple(sub), []).append((fname, caption, kind, items))
    tpl = ['<template xmlns="http://www.xfa.org/schema/xfa-template/2.8/"><subform name="form1" layout="tb" locale="en_GB">'
           '<pageSet><pageArea name="Page1" id="Page1"><contentArea x="0.25in" y="0.25in" w="7.77in" h="11.19in"/>'
           '<medium stock="a4" short="210mm" long="297mm"/></pageArea></pageSet><subform w="210mm" h="297mm">']
    for sub, flist in subs.items():
        name = sub[0].split("[")[0]
        tpl.append(f'<subform name="{xml_escape(name)}" layout="tb">')
        if len(sub) > 1:
            tpl.append(f'<subform name="{xml_escape(sub[1])}">')
        for fname, caption, kind, items in flist:
            if kind == "radio":
                tpl.append(f'<exclGroup name="{fname}"><caption><value><text>{xml_escape(caption)}</text></value></caption>')
                for j, it in enumerate(items):
                    tpl.append(f'<field w="20mm" h="6mm"><ui><checkButton shape="round"/></ui><caption placement="right">'
                               f'<value><text>{xml_escape(it)}</text></value></caption><items><integer>{j + 1}</integer></items></field>')
                tpl.append("</exclGroup>")
            elif kind == "dropdown":
                tpl.append(f'<field name="{fname}" w="80mm" h="6mm"><ui><choiceList open="onEntry"/></ui><caption reserve="60mm">'
                           f'<value><text>{xml_escape(caption)}</text></value></caption><items>' +
                           "".join(f"<text>{xml_escape(it)}</text>" for it in items) + "</items></field>")
            else:
                tpl.append(f'<field name="{fname}" w="180mm" h="6mm"><ui><textEdit multiLine="1"/></ui><caption reserve="60mm">'
                           f'<value><text>{xml_escape(caption)}</text></value></caption></field>')
        if len(sub) > 1:
            tpl.append("</subform>")
        tpl.append("</subform>")
    tpl.append("</subform></subform></template>")
    ds = ['<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1>']
    for sub, vals in data.items():
        name = sub[0].split("[")[0]
        ds.append(f"<{name}>")
        if len(sub) > 1:
            ds.append(f"<{sub[1]}>")
        for fname, v in vals:
            if v:
                ds.append(f"<{fname}>{xml_escape(v)}</{fname}>")
            else:
                ds.append(f"<{fname}/>")
        if len(sub) > 1:
            ds.append(f"</{sub[1]}>")
        ds.append(f"</{name}>")
    ds.append("</form1></xfa:data></xfa:datasets>")
    return [("preamble", pre), ("config", config), ("template", "".join(tpl)), ("datasets", "".join(ds)),
            ("postamble", "</xdp:xdp>")]


# ---- P-SQUEEZED ------------------------------------------------------------------------------------------------

def render_squeezed(case: Case, name: str) -> bytes:
    """A fillable form with room for one child and two agencies: the referrer typed the other children and the
    extra agencies into the white space with the PDF viewer's text tool (FreeText 'typewriter' annotations)."""
    r = case.rng
    s = case.s
    bf = BoxForm(case, lw=185)
    f = bf.f
    acro = Acro()
    title_block(f, case)
    author = case.rec["referrer"]["name"] or "User"
    dref = case.show["date_of_referral"].date
    adate = pdf_date(dref, 10 + case.n % 6, (case.n * 3) % 60)
    fnames = {}
    case.notes.update(freetext_children=0, freetext_agencies=0)

    def fname(label, suffix=""):
        base = re.sub(r"[^A-Za-z0-9]", "", label.title())[:28] + suffix
        fnames[base] = fnames.get(base, 0) + 1
        return base if fnames[base] == 1 else f"{base}{fnames[base]}"

    def put(key, label, sh):
        if sh.kind in ("yn", "gender", "itype"):
            opts = options(case, sh)
            boxes = bf.options_row(label, opts)
            base = fname(label)
            for j, ((p, rc), o) in enumerate(zip(boxes, opts)):
                acro.check([f"{base}_{re.sub(r'[^A-Za-z0-9]', '', o)[:12]}"], p, rc, "Yes", sh.choice == j, tu=f"{label} - {o}")
            if sh.kind == "itype":
                page, rect = bf.label_box(case.label("inc.detail"), h=15)
                acro.text([fname(case.label("inc.detail"))], page, rect, sh.detail if (sh.choice == 4 and sh.detail) else "",
                          tu=case.label("inc.detail"))
            return
        value = text_of(case, sh, key)
        multiline = sh.kind in ("lines", "paras") or key in ("crit.reason", "concerns")
        if multiline:
            lines = sum(len(wrap(p, "Helvetica", 8, f.width - bf.lw - 6)) + 1 for p in value.split("\n")) if value else 2
            h = max(30, lines * 9.3 + 6)
        else:
            h = 15
        page, rect = bf.label_box(label, h=h)
        acro.text([fname(label)], page, rect, value, tu=label, multiline=multiline, fs=8 if multiline else 8.5)

    def section(title, flist, decoys=()):
        f.bar(title)
        for key, label, sh in flist:
            put(key, label, sh)
        for label, v in decoys:
            page, rect = bf.label_box(label, h=15)
            acro.text([fname(label)], page, rect, v, tu=label)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    # page 2: the one child block, then white space for the other children
    f.new_page()
    section(s["sections"]["child"] + " (room for one child)", child_fields(case, 0),
            decoys_in(case, "child"))
    if len(case.kids) > 1:
        top = f.y - 12
        for i in range(1, len(case.kids)):
            lines = [f"{'Second' if i == 1 else 'Third'} child (no room on the form):"]
            for key, label, sh in child_fields(case, i):
                v = plain(case, key, sh)
                if sh.kind == "lines":
                    v = ", ".join(sh.lines)
                if not v:
                    continue
                lines.append(f"{label} {v}" if label.endswith("?") else f"{label}: {v}")
            text = "\n".join(lines)
            nlines = sum(len(_hw(ln, 8, 250)) for ln in lines)
            hgt = nlines * 9.6 + 6
            col = (i - 1) % 2
            x0 = f.left + col * 258
            if top - hgt < f.bottom:
                f.new_page()
                top = f.y - 12
            acro.freetext(bf.page, (x0, top - hgt, x0 + 254, top), text, author, adate)
            case.notes["freetext_children"] += 1
            if col == 1 or i == len(case.kids) - 1:
                pass
        f.y = f.bottom + 1
    f.new_page()
    inc = fields(case, INC_KEYS)
    section(s["sections"]["incident"], inc, decoys_in(case, "incident"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    f.new_page()
    f.bar(s["sections"]["agencies"])
    cols = s["agency_cols"]
    widths = [170, 150, f.width - 320]
    x = f.left
    for (cn, _), w in zip(cols, widths):
        bf.c.setFont(f.bold, 8)
        bf.c.drawString(x + 2, f.y - 10, cn)
        x += w
    f.y -= 14
    for i in range(2):
        x = f.left
        a = case.agencies[i] if i < len(case.agencies) else None
        for (cn, k), w in zip(cols, widths):
            rect = (x + 1, f.y - 16, x + w - 1, f.y - 1)
            bf.c.setStrokeColorRGB(0.55, 0.55, 0.6)
            bf.c.setFillColorRGB(0.9, 0.94, 1.0)
            bf.c.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1], stroke=1, fill=1)
            acro.text([f"Agency{i + 1}_{re.sub(r'[^A-Za-z]', '', cn.title())}"], bf.page, rect, (a[k] if a else ""), tu=f"{cn} {i + 1}", fs=7.5)
            x += w
        f.y -= 18
    extra = case.agencies[2:]
    if extra:
        style = r.choice(["slash", "labelled"])
        if any("/" in (a[k] or "") for a in extra for _, k in cols):
            style = "labelled"
        lines = ["More agencies:"]
        for j, a in enumerate(extra, start=3):
            if style == "slash":
                lines.append(f"{j}. " + " / ".join(a[k] if a[k] else "-" for _, k in cols))
            else:
                lines.append(f"{j}. " + "; ".join(f"{cn}: {a[k] if a[k] else '-'}" for cn, k in cols))
        hgt = sum(len(_hw(ln, 8, f.width - 10)) for ln in lines) * 9.6 + 6
        acro.freetext(bf.page, (f.left + 2, f.y - 6 - hgt, f.right - 2, f.y - 6), "\n".join(lines), author, adate)
        case.notes["freetext_agencies"] = len(extra)
        case.notes["freetext_agency_style"] = style
        f.y -= hgt + 14
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], [], rec)
    pdf = bf.finish()
    return finish_pdf(pdf, name, acro=acro, meta=meta_for(case, "Adobe Acrobat Pro (64-bit) 24.2.20687", "Adobe InDesign 19.2 (Windows)"))


def _hw(text, size, width):
    from pdfkit import helv_wrap
    return helv_wrap(text, size, width)


# ---- P-CRLFXREF ------------------------------------------------------------------------------------------------

class HomeMadePDF:
    """A tiny hand-rolled PDF writer (as an in-house tool would have): Times core fonts, uncompressed content,
    offsets counted on the text with LF line ends - and then the text is written out with CRLF line ends, so every
    cross-reference offset and every stream /Length is short."""

    def __init__(self):
        self.pages: list[list[str]] = []
        self.cur: list[str] | None = None

    def new_page(self):
        self.cur = []
        self.pages.append(self.cur)

    def text(self, x, y, s, font="F1", size=10):
        self.cur.append(f"BT /{font} {size} Tf {x:.2f} {y:.2f} Td ({_lit(s)}) Tj ET")

    def line(self, x0, y0, x1, y1, w=0.5):
        self.cur.append(f"{w} w {x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")

    def build(self, info: dict) -> bytes:
        objs = []
        objs.append("<< /Type /Catalog /Pages 2 0 R >>")
        n = len(self.pages)
        kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n))
        objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>")
        objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
        objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>")
        for i, ops in enumerate(self.pages):
            content = "\n".join(ops) + "\n"
            objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                        f"/Contents {6 + 2 * i} 0 R >>")
            objs.append(f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}endstream")
        info_str = "<< " + " ".join(f"/{k} ({_lit(v)})" for k, v in info.items()) + " >>"
        objs.append(info_str)
        out = "%PDF-1.4\n"
        offsets = []
        for i, o in enumerate(objs, start=1):
            offsets.append(len(out.encode("latin-1")))
            out += f"{i} 0 obj\n{o}\nendobj\n"
        xref = len(out.encode("latin-1"))
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n"
        for off in offsets:
            out += f"{off:010d} 00000 n \n"
        out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        # the bug: the file is written in text mode on Windows - every LF becomes CRLF after the offsets were counted
        return out.replace("\n", "\r\n").encode("latin-1")


def _lit(s: str) -> str:
    b = s.encode("cp1252", errors="replace")
    out = []
    for ch in b:
        if ch in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(ch))
        elif ch < 32 or ch > 126:
            out.append("\\%03o" % ch)
        else:
            out.append(chr(ch))
    return "".join(out)


def render_crlfxref(case: Case, name: str) -> bytes:
    """An in-house case system's 'print referral' output, written by a home-made PDF writer whose file was saved
    with CRLF line ends after the byte offsets were counted (broken xref, short /Length); viewers repair it."""
    s = case.s
    doc = HomeMadePDF()
    top, bottom, left, right = 790, 60, 56, 539
    state = {"y": top, "page": 0}
    tw = lambda t, size, bold=False: pdfmetrics.stringWidth(t, "Times-Bold" if bold else "Times-Roman", size)

    def new_page():
        doc.new_page()
        state["page"] += 1
        state["y"] = top
        doc.text(left, 815, s["marking"], "F2", 8)
        doc.text(right - tw(s["partnership"], 8), 815, s["partnership"], "F1", 8)
        doc.text(left, 30, f"{s['form_ref']} - printed from RefGen", "F1", 7.5)

    def need(h):
        if state["y"] - h < bottom:
            new_page()

    def wrapl(text, size, width, bold=False):
        from reportlab.lib.utils import simpleSplit
        out = []
        for seg in text.split("\n"):
            out.extend(simpleSplit(seg, "Times-Bold" if bold else "Times-Roman", size, width) or [""])
        return out

    def line(text, size=10, bold=False, x=None, gap=3):
        for ln in wrapl(text, size, right - (x or left), bold):
            need(size + gap)
            state["y"] -= size + gap
            doc.text(x or left, state["y"], ln, "F2" if bold else "F1", size)

    def heading(t):
        need(40)
        state["y"] -= 10
        line(t, 11.5, True)
        doc.line(left, state["y"] - 3, right, state["y"] - 3, 0.6)
        state["y"] -= 6

    def field(label, value):
        lab = label + ("" if label.endswith("?") else ":")
        lw = tw(lab + " ", 10, True)
        if "\n" in value or lw > 200 or tw(value, 10) > right - left - lw:
            line(lab, 10, True)
            for p in value.split("\n\n") if value else [""]:
                line(p, 10, False, x=left + 14)
                state["y"] -= 2
        else:
            need(13)
            state["y"] -= 13
            doc.text(left, state["y"], lab, "F2", 10)
            doc.text(left + lw, state["y"], value, "F1", 10)

    new_page()
    line(s["title"], 15, True)
    line(f"{s['org']} - {s['partnership']}", 9)
    state["y"] -= 4
    line(guidance(case), 8.5)

    def section(title, flist, decoys=()):
        heading(title)
        for key, label, sh in flist:
            field(label, plain(case, key, sh))
        for label, v in decoys:
            field(label, v)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    for i in range(len(case.kids)):
        section(child_title(case, i), child_fields(case, i), decoys_in(case, "child") if i == 0 else ())
    section(s["sections"]["incident"], fields(case, INC_KEYS), decoys_in(case, "incident"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    heading(s["sections"]["agencies"])
    cols = s["agency_cols"]
    if not case.agencies:
        line("None recorded.", 10)
    for j, a in enumerate(case.agencies, start=1):
        line(f"{j}.  " + "   ".join(f"{cn}: {a[k] if a[k] else ''}" for cn, k in cols), 10)
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], [], rec)
    d = case.show["date_of_referral"].date
    info = {"Producer": "RefGen PDF 1.2", "Creator": "RefGen (in-house referral system)", "Title": s["title"],
            "CreationDate": pdf_date(d, 10 + case.n % 7, (case.n * 5) % 60)}
    case.notes["pages"] = len(doc.pages)
    return doc.build(info)


RENDERERS = {
    "P-DEFVALUES": render_defvalues,
    "P-XFASTATIC": render_xfastatic,
    "P-SQUEEZED": render_squeezed,
    "P-PERCHILDPROS": render_perchildpros,
    "P-CRLFXREF": render_crlfxref,
}
