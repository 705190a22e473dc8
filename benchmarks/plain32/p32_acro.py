"""plain32: Q-RADIO, a fillable form (AcroForm text fields and radio-button groups) filled in."""

import io
import re

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas

from p32_docx import guidance_text
from p32_pdf import PAGE_H, PAGE_W, hexcol, pdf_date


# ============================================================================================== Q-RADIO

class AcroLayout:
    """A fillable form drawn on a reportlab canvas: labels left, text fields and radio groups right."""

    def __init__(self, case, rng):
        self.case = case
        self.s = case.sender
        self.rng = rng
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=A4, invariant=1)
        self.dark, self.light = (hexcol(x) for x in self.s["colour"])
        self.left = 18 * mm
        self.right = PAGE_W - 18 * mm
        self.labw = rng.choice([62, 70]) * mm
        self.fx = self.left + self.labw + 4
        self.y = PAGE_H - 22 * mm
        self.page = 1
        self.choice_names = rng.random() < 0.5       # export values "Choice1..." (else the option words)
        self.tooltips = rng.random() < 0.5
        self.info = {"radio_export": "Choice<n>" if self.choice_names else "option words", "tooltips": self.tooltips,
                     "text_fields": 0, "radio_groups": 0, "radios_on": 0}
        self.fieldfont = 9
        self.real_values = {}

    def header(self):
        c = self.c
        s = self.s
        c.setFont("LiberationSans-Bold", 8)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(self.left, PAGE_H - 12 * mm, s["marking"])
        c.setFont("LiberationSans", 7.5)
        c.setFillColor(colors.HexColor("#595959"))
        c.drawRightString(self.right, PAGE_H - 12 * mm, s["partnership"])
        c.drawString(self.left, 10 * mm, s["form_ref"])
        c.drawRightString(self.right, 10 * mm, f"Page {self.page}")
        c.setFillColor(colors.black)

    def need(self, h):
        if self.y - h < 18 * mm:
            self.c.showPage()
            self.page += 1
            self.header()
            self.y = PAGE_H - 20 * mm

    def text(self, x, y, t, font="LiberationSans", size=9, color=colors.black):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, y, t)
        self.c.setFillColor(colors.black)

    def wrapped(self, t, width, font, size):
        return simpleSplit(t, font, size, width)

    def title(self):
        s = self.s
        self.header()
        self.text(self.left, self.y, s["partnership"], "LiberationSans-Bold", 11, self.dark)
        self.y -= 18
        for ln in self.wrapped(s["title"], self.right - self.left, "LiberationSans-Bold", 14):
            self.text(self.left, self.y, ln, "LiberationSans-Bold", 14)
            self.y -= 17
        self.y -= 2
        for ln in self.wrapped(guidance_text(s), self.right - self.left, "LiberationSans-Italic", 8):
            self.text(self.left, self.y, ln, "LiberationSans-Italic", 8, colors.HexColor("#404040"))
            self.y -= 10
        self.y -= 6

    def bar(self, title):
        self.need(40)
        c = self.c
        c.setFillColor(self.dark)
        c.rect(self.left, self.y - 5, self.right - self.left, 16, stroke=0, fill=1)
        self.text(self.left + 4, self.y, title, "LiberationSans-Bold", 9.5, colors.white)
        self.y -= 22

    def label(self, t, h):
        lines = self.wrapped(t, self.labw - 4, "LiberationSans-Bold", 8.5)
        yy = self.y
        for ln in lines:
            self.text(self.left, yy - 1, ln, "LiberationSans-Bold", 8.5)
            yy -= 10
        return max(h, 10 * len(lines))

    def textfield(self, name, label, value, multiline=False, nlines=1, display=None):
        """value is what the field holds (/V); display, when given, is the wrapped text of its appearance."""
        fw = self.right - self.fx
        if display is not None and display != value:
            self.real_values[name] = value
        h = 15 if not multiline else max(26, 11 * nlines + 6)
        lab_lines = len(self.wrapped(label, self.labw - 4, "LiberationSans-Bold", 8.5))
        self.need(max(h, lab_lines * 10) + 6)
        used = self.label(label, h)
        kw = dict(name=name, value=display if display is not None else value, x=self.fx, y=self.y - h + 8, width=fw,
                  height=h, fontName="Helvetica", fontSize=self.fieldfont, borderColor=colors.HexColor("#7F9DB9"),
                  fillColor=colors.HexColor("#E8F0FA"), textColor=colors.black, borderWidth=0.6, maxlen=None)
        if self.tooltips:
            kw["tooltip"] = label
        if multiline:
            kw["fieldFlags"] = "multiline"
        self.c.acroForm.textfield(**kw)
        self.info["text_fields"] += 1
        self.y -= max(used, h) + 6

    def radios(self, name, label, options, chosen, vertical=False):
        lab_lines = len(self.wrapped(label, self.labw - 4, "LiberationSans-Bold", 8.5))
        h = 14 * len(options) if vertical else 14
        self.need(max(h, lab_lines * 10) + 6)
        used = self.label(label, h)
        x = self.fx
        yy = self.y
        self.info["radio_groups"] += 1
        for i, opt in enumerate(options):
            value = f"Choice{i + 1}" if self.choice_names else (re.sub(r"[^A-Za-z0-9]", "", opt) or f"Opt{i + 1}")
            kw = dict(name=name, value=value, selected=(chosen == i), x=x, y=yy - 2.5, size=11, buttonStyle="circle",
                      shape="circle", borderColor=colors.HexColor("#4F4F4F"), fillColor=colors.white,
                      textColor=colors.black, borderWidth=0.8, forceBorder=False, fieldFlags="radio")
            if self.tooltips:
                kw["tooltip"] = label
            self.c.acroForm.radio(**kw)
            if chosen == i:
                self.info["radios_on"] += 1
            self.text(x + 15, yy - 1, opt, "LiberationSans", 8.5)
            if vertical:
                yy -= 14
            else:
                x += 15 + pdfmetrics.stringWidth(opt, "LiberationSans", 8.5) + 14
        self.y -= max(used, h) + 6


def camel(label):
    words = re.findall(r"[A-Za-z0-9]+", label)
    out = "".join(w[:1].upper() + w[1:] for w in words[:5])
    return out or "Field"


FIELD_NAMES = {
    "date_of_referral": "ReferralDate", "referrer.name": "ReferrerName", "referrer.role": "ReferrerRole",
    "referrer.agency": "ReferrerAgency", "referrer.email": "ReferrerEmail", "referrer.phone": "ReferrerPhone",
    "lead.name": "LeadName", "lead.role": "LeadRole", "lead.agency": "LeadAgency", "lead.email": "LeadEmail",
    "lead.phone": "LeadPhone", "lead.discussed": "LeadDiscussed", "child.name": "Name", "child.forename": "FirstName",
    "child.surname": "Surname", "child.other_names": "OtherNames", "child.dob": "DOB", "child.age": "Age",
    "child.gender": "Gender", "child.ethnicity": "Ethnicity", "child.address": "Address", "child.school": "School",
    "child.gp": "GP", "child.legal_status": "LegalStatus", "child.cp_plan": "CPPlan", "child.open_to_csc": "OpenCSC",
    "child.looked_after": "LAC", "child.disability": "Disability", "child.date_of_death": "DateOfDeath",
    "incident.date": "IncidentDate", "incident.date_la_aware": "LAAwareDate", "incident.location": "IncidentLocation",
    "incident.type": "IncidentType", "incident.other": "IncidentOther", "incident.summary": "Summary",
    "incident.police": "Police", "crit.died": "CritDied", "crit.abuse": "CritAbuse", "crit.local": "CritLocal",
    "crit.learning": "CritLearning", "crit.reason": "CritReason", "panel.notified": "PanelNotified",
    "panel.date": "PanelDate", "concerns": "ImmediateConcerns",
}


def q_radio(case, rng):
    s = case.sender
    a = AcroLayout(case, rng)
    a.title()
    used = set()
    last_key = None
    for sec in case.sections:
        if not (sec.key == "child" and last_key == "child"):
            a.bar(s["sections"][sec.key])
        last_key = sec.key
        if sec.key == "child" and sec.nchildren > 1:
            a.need(30)
            a.text(a.left, a.y, f"{s['child_title']} {sec.child + 1}", "LiberationSans-Bold", 9.5, a.dark)
            a.y -= 15
        if sec.key == "agencies":
            agencies_fields(a, case)
            continue
        for q in sec.items:
            if q.decoy:
                base = camel(q.label)
            else:
                base = FIELD_NAMES[q.key]
            if q.child is not None:
                base = f"Child{q.child + 1}{base}" if not q.decoy else f"{base}_C{q.child + 1}"
            name = base
            k = 2
            while name in used:
                name = f"{base}{k}"
                k += 1
            used.add(name)
            if q.kind == "choice":
                a.radios(name, q.label, q.options, q.chosen, vertical=(q.key == "incident.type"))
            elif q.kind == "address":
                a.textfield(name, q.label, "\r".join(q.lines), multiline=True, nlines=max(2, len(q.lines)),
                            display="\n".join(q.lines))
            elif q.kind == "long":
                wrapped = ["\n".join(simpleSplit(p, "Helvetica", a.fieldfont, a.right - a.fx - 8)) for p in q.paras]
                nl = sum(w.count("\n") + 2 for w in wrapped) if q.paras else 2
                a.textfield(name, q.label, "\r\r".join(q.paras), multiline=True, nlines=max(2, nl),
                            display="\n\n".join(wrapped))
            else:
                a.textfield(name, q.label, q.text)
    # declaration
    a.bar("Declaration")
    a.textfield("DeclarationName", "Print name", "")
    a.textfield("DeclarationDate", "Date", "")
    stamp = pdf_date(case, rng)
    a.c.setDateFormatter(lambda *x: stamp)
    a.c.setSubject(s["form_ref"])
    a.c.setTitle(s["title"])
    a.c.setAuthor(s["agency_short"])
    a.c.setCreator("Microsoft® Word for Microsoft 365")
    a.c.setProducer(rng.choice(["Adobe Acrobat Standard 2017 17.11.30244", "Adobe Acrobat Pro DC 21.1.20145"]))
    a.c.showPage()
    a.c.save()
    return set_values(a.buf.getvalue(), a.real_values), a.info


def set_values(data, values):
    """Give multi-line fields their typed value (/V, CR line ends, no soft wraps); the appearance keeps the wrapped
    lines. pypdf's clone keeps reportlab's invariant /ID and the document information."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            a = annot.get_object()
            t = a.get("/T")
            if t is not None and str(t) in values:
                a[NameObject("/V")] = TextStringObject(values[str(t)])
                a[NameObject("/DV")] = TextStringObject(values[str(t)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def agencies_fields(a, case):
    ag = case.agencies
    n = max(4, len(ag.rows) + 1)
    cols = ag.cols
    a.need(20)
    a.text(a.left, a.y, ag.label, "LiberationSans-Bold", 8.5)
    a.y -= 13
    colw = (a.right - a.left) / len(cols)
    a.need(14)
    for i, (_k, t) in enumerate(cols):
        a.text(a.left + i * colw, a.y, t, "LiberationSans-Bold", 8)
    a.y -= 6
    colnames = {"name": "Name", "agency": "Org", "contact": "Contact", "still": "StillInvolved"}
    for r in range(n):
        a.need(20)
        row = ag.rows[r] if r < len(ag.rows) else {}
        for i, (k, _t) in enumerate(cols):
            kw = dict(name=f"Agency{r + 1}{colnames[k]}", value=row.get(k, ""), x=a.left + i * colw, y=a.y - 14,
                      width=colw - 3, height=15, fontName="Helvetica", fontSize=8,
                      borderColor=colors.HexColor("#7F9DB9"), fillColor=colors.HexColor("#E8F0FA"),
                      textColor=colors.black, borderWidth=0.6, maxlen=None)
            a.c.acroForm.textfield(**kw)
            a.info["text_fields"] += 1
        a.y -= 19
    a.y -= 4
