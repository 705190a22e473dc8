"""The five PDF layouts of plain31 (reportlab, invariant mode)."""
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from p31_docx import IDENT, guidance

rl_config.invariant = 1
FONTS = {"LibSans": "liberation/LiberationSans-Regular.ttf", "LibSans-B": "liberation/LiberationSans-Bold.ttf",
         "LibSans-I": "liberation/LiberationSans-Italic.ttf", "LibSerif": "liberation/LiberationSerif-Regular.ttf",
         "LibSerif-B": "liberation/LiberationSerif-Bold.ttf", "LibSerif-I": "liberation/LiberationSerif-Italic.ttf",
         "DejaVu": "dejavu/DejaVuSans.ttf", "DejaVu-B": "dejavu/DejaVuSans-Bold.ttf"}
for _n, _f in FONTS.items():
    pdfmetrics.registerFont(TTFont(_n, "/usr/share/fonts/truetype/" + _f))
ON, OFF = "\u2612", "\u2610"
W = A4[0] - 40 * mm


def hexc(h):
    return colors.HexColor("#" + h)


class Look:
    def __init__(self, font="LibSans", size=9.5, colour="000000", light="EEEEEE"):
        self.f, self.fb, self.fi = font, font + "-B", font + "-I"
        self.size = size
        self.col, self.light = hexc(colour), hexc(light)
        self.body = ParagraphStyle("b", fontName=self.f, fontSize=size, leading=size * 1.22, splitLongWords=0)
        self.bold = ParagraphStyle("bb", parent=self.body, fontName=self.fb)
        self.small = ParagraphStyle("s", parent=self.body, fontSize=size - 1.5, leading=(size - 1.5) * 1.2, fontName=self.fi)
        self.lab = ParagraphStyle("l", parent=self.body, fontName=self.fb, fontSize=size - 0.5)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=self.fb, fontSize=size + 3.5, leading=(size + 3.5) * 1.3,
                                 textColor=self.col, spaceBefore=10, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", parent=self.h1, fontSize=size + 1.5, leading=(size + 1.5) * 1.3, spaceBefore=6)
        self.title = ParagraphStyle("t", parent=self.body, fontName=self.fb, fontSize=15, leading=19, spaceAfter=4)
        self.white = ParagraphStyle("w", parent=self.lab, textColor=colors.white)
        self.para = ParagraphStyle("p", parent=self.body, spaceAfter=5)


def P(text, style):
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def head_flow(case, look):
    s = case.sender
    return [P(s["partnership"], ParagraphStyle("pp", parent=look.bold, textColor=look.col, fontSize=11)),
            P(s["title"], look.title), P("Referring organisation: " + s["org"], look.small),
            P(guidance(case), look.small), Spacer(1, 6)]


def answer_flow(it, look, glyphs=False, one_line_addr=False):
    """Flowables for a typed or marked answer."""
    if it.is_choice:
        if glyphs:
            parts = []
            for i, o in enumerate(it.options):
                g = ON if i == it.choice else OFF
                parts.append(f'<font name="DejaVu">{g}</font> {escape(o)}')
            sep = "<br/>" if it.kind == "itype" else "&nbsp;&nbsp;&nbsp; "
            return [Paragraph(sep.join(parts), look.body)]
        return [P(it.typed(), look.body)]
    if it.paras:
        return [P(p, look.para) for p in it.paras]
    if it.lines:
        return [P(", ".join(it.lines) if one_line_addr else "\n".join(it.lines), look.body)]
    return [P(it.shown, look.body)]


def decl_office(case, look):
    out = [P("Declaration", look.h2)]
    rows = [[P(l, look.lab), P(v, look.body)] for l, v in case.declaration]
    t = Table(rows, colWidths=[45 * mm, W - 45 * mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out += [t, Spacer(1, 10)]
    rows = [[P("FOR OFFICE USE ONLY", look.lab), ""]] + [[P(l, look.body), ""] for l in
                                                         ("Date received", "Partnership reference", "Decision")]
    t = Table(rows, colWidths=[55 * mm, W - 55 * mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("SPAN", (0, 0), (1, 0)),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9"))]))
    return out + [t]


def agencies_flow(case, look, spare=2, grid=True):
    cols = case.agency_cols
    rows = [[P(t, look.lab) for _, t in cols]]
    for r in case.agency_rows:
        rows.append([P(r.get(f, ""), look.body) for f, _ in cols])
    rows += [[""] * len(cols) for _ in range(spare)]
    t = Table(rows, colWidths=[W / len(cols)] * len(cols), repeatRows=1)
    st = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), look.light)]
    st.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")) if grid else ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey))
    t.setStyle(TableStyle(st))
    return [t]


def build(path, flow, case, meta, producer, creator, look, title=None):
    s = case.sender

    def deco(c, doc):
        c.saveState()
        c.setFont(look.fb, 8.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawRightString(A4[0] - 20 * mm, A4[1] - 12 * mm, s["marking"])
        c.setFillColor(colors.black)
        c.setFont(look.f, 7.5)
        c.drawString(20 * mm, 10 * mm, s["formref"])
        c.drawRightString(A4[0] - 20 * mm, 10 * mm, "Page %d" % doc.page)
        c.restoreState()
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=title or s["title"], author=meta.get("author", ""),
                            producer=producer, creator=creator, invariant=1)
    doc.build(flow, onFirstPage=deco, onLaterPages=deco)
    meta["producer"] = producer
    meta["creator"] = creator


def walk(case, section_fn, children_fn, agencies_fn):
    """Calls the three functions in form order; returns the flowables."""
    s = case.sender
    out = []
    for skey, title, items in case.sections:
        if skey == "incident":
            out += children_fn()
        if skey == "immediate":
            out += agencies_fn()
        if items:
            out += section_fn(skey, title, items)
    return out


# ---------------------------------------------------------------------------------------------------------------------
def q_print2col(case, rng, path, meta):
    """Two-column Word form printed to PDF: lettered sections, title rows, ballot-box glyphs."""
    s = case.sender
    look = Look(rng.choice(["LibSans", "LibSans"]), 9.5, s["colour"], s["light"])
    lw = rng.choice([0.36, 0.40, 0.44]) * W
    meta["label_frac"] = round(lw / W, 2)
    letters = iter("ABCDEFGHIJ")

    def tbl(title, items):
        rows = [[P(title, look.white), ""]]
        for it in items:
            rows.append([P(it.label, look.lab), answer_flow(it, look, glyphs=True)])
        t = Table(rows, colWidths=[lw, W - lw], repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")), ("SPAN", (0, 0), (1, 0)),
                               ("BACKGROUND", (0, 0), (-1, 0), look.col), ("BACKGROUND", (0, 1), (0, -1), look.light),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [t, Spacer(1, 8)]

    def sec(skey, title, items):
        return tbl("SECTION %s: %s" % (next(letters), title.upper()), items)

    def kids():
        letter = next(letters)
        out = []
        for ctitle, citems in case.children:
            out += tbl("SECTION %s: %s - %s" % (letter, s["sections"]["child"].upper(), ctitle.upper()), citems)
        return out

    def ags():
        return [P("SECTION %s: %s" % (next(letters), s["sections"]["agencies"].upper()), look.h2)] + agencies_flow(case, look) + [Spacer(1, 8)]
    flow = head_flow(case, look) + walk(case, sec, kids, ags) + decl_office(case, look)
    meta["author"] = "SCP"
    build(path, flow, case, meta, "Microsoft: Print To PDF", "Microsoft\u00ae Word 2021", look,
          title="Microsoft Word - %s referral.docx" % s["formref"])


def q_savedgrid(case, rng, path, meta):
    """Four-column grid saved as PDF by Word; choices typed."""
    s = case.sender
    look = Look("LibSans", 9, s["colour"], s["light"])
    lf = rng.choice([0.19, 0.21])
    meta["label_frac"] = lf
    lw = lf * W
    aw = (W - 2 * lw) / 2
    shade = rng.choice([colors.HexColor("#E7E6E6"), look.light])

    def grid(items, title=None):
        rows, st = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if title:
            rows.append([P(title, look.white), "", "", ""])
            st += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), look.col)]
        pend = None
        for it in items:
            wide = it.paras or it.lines or it.kind == "itype" or len(it.label) > 45 or len(it.typed()) > 24
            if wide:
                if pend:
                    rows.append(pend + ["", ""])
                    pend = None
                rows.append([P(it.label, look.lab), answer_flow(it, look), "", ""])
                st.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
            else:
                pair = [P(it.label, look.lab), answer_flow(it, look)]
                if pend:
                    rows.append(pend + pair)
                    pend = None
                else:
                    pend = pair
        if pend:
            rows.append(pend + ["", ""])
        st += [("BACKGROUND", (0, 1 if title else 0), (0, -1), shade), ("BACKGROUND", (2, 1 if title else 0), (2, -1), shade)]
        t = Table(rows, colWidths=[lw, aw, lw, aw])
        t.setStyle(TableStyle(st))
        return [t, Spacer(1, 6)]

    num = [0]

    def sec(skey, title, items):
        num[0] += 1
        return [P(f"{num[0]}. {title}", look.h1)] + grid(items)

    def kids():
        num[0] += 1
        out = [P(f"{num[0]}. {s['sections']['child']}", look.h1)]
        for ctitle, citems in case.children:
            out += grid(citems, ctitle)
        return out

    def ags():
        num[0] += 1
        return [P(f"{num[0]}. {s['sections']['agencies']}", look.h1)] + agencies_flow(case, look, spare=1)
    flow = head_flow(case, look) + walk(case, sec, kids, ags) + decl_office(case, look)
    v = rng.choice(["Microsoft\u00ae Word 2021", "Microsoft\u00ae Word for Microsoft 365"])
    build(path, flow, case, meta, v, v, look)


def q_librenum(case, rng, path, meta):
    """Numbered questions with the answer under them, exported by LibreOffice Writer; ballot-box glyphs."""
    s = case.sender
    look = Look(rng.choice(["LibSans", "LibSerif"]), 10, s["colour"], s["light"])
    ind = 10 * mm
    q = [0]
    qst = ParagraphStyle("q", parent=look.bold, leftIndent=ind, firstLineIndent=-ind, spaceBefore=5, spaceAfter=2)
    ast = ParagraphStyle("a", parent=look.body, leftIndent=ind, spaceAfter=3)

    def question(it):
        q[0] += 1
        out = [Paragraph(f"{q[0]}.&nbsp;&nbsp;&nbsp;{escape(it.label)}", qst)]
        if it.is_choice:
            f = answer_flow(it, look, glyphs=True)[0]
            out.append(Paragraph(f.text, ast))
        elif it.paras:
            out += [P(p, ast) for p in it.paras]
        elif it.lines:
            out += [P(l, ParagraphStyle("al", parent=ast, spaceAfter=0)) for l in it.lines]
        else:
            out.append(P(it.shown, ast) if it.shown else Spacer(1, 12))
        return [KeepTogether(out[:2])] + out[2:]
    part = [0]

    def sec(skey, title, items):
        part[0] += 1
        out = [P(f"PART {part[0]}: {title.upper()}", look.h1)]
        for it in items:
            out += question(it)
        return out

    def kids():
        part[0] += 1
        out = [P(f"PART {part[0]}: {s['sections']['child'].upper()}", look.h1)]
        for ctitle, citems in case.children:
            out.append(P(ctitle, look.h2))
            for it in citems:
                out += question(it)
        return out

    def ags():
        part[0] += 1
        q[0] += 1
        return [P(f"PART {part[0]}: {s['sections']['agencies'].upper()}", look.h1),
                Paragraph(f"{q[0]}.&nbsp;&nbsp;&nbsp;{escape(s['labels']['agencies'])}", qst)] + agencies_flow(case, look, spare=1)
    flow = head_flow(case, look) + walk(case, sec, kids, ags) + decl_office(case, look)
    meta["questions"] = q[0]
    build(path, flow, case, meta, rng.choice(["LibreOffice 7.5", "LibreOffice 7.6"]), "Writer", look)


def q_lineskids(case, rng, path, meta):
    """Label | answer lines (no boxes, a rule under each answer), children as a table with a row per child."""
    s = case.sender
    look = Look(rng.choice(["LibSerif", "LibSans"]), 10, s["colour"], s["light"])
    lf = rng.choice([0.34, 0.40])
    meta["label_frac"] = lf
    lw = lf * W

    def lines(items):
        rows = []
        for it in items:
            if it.paras:
                rows.append([P(it.label, look.lab), ""])
                rows.append([answer_flow(it, look), ""])
            else:
                rows.append([P(it.label, look.lab), answer_flow(it, look, one_line_addr=rng.random() < 0.5)])
        t = Table(rows, colWidths=[lw, W - lw])
        st = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (1, 0), (1, -1), 0.4, colors.HexColor("#A6A6A6"))]
        for i, r in enumerate(rows):
            if r[1] == "" and i + 1 < len(rows) and rows[i + 1][1] == "":
                st.append(("SPAN", (0, i + 1), (1, i + 1)))
                st.append(("LINEBELOW", (0, i + 1), (1, i + 1), 0.4, colors.HexColor("#A6A6A6")))
        t.setStyle(TableStyle(st))
        return [t]

    def sec(skey, title, items):
        return [P(title.upper(), look.h1)] + lines(items)

    def kids():
        out = [P(s["sections"]["child"].upper(), look.h1)]
        idents = [i for i in case.children[0][1] if i.key in IDENT]
        hdr = [P("No.", look.lab)] + [P(i.label, ParagraphStyle("th", parent=look.lab, fontSize=8)) for i in idents]
        rows = [hdr]
        for ci, (ctitle, citems) in enumerate(case.children):
            by = {i.key: i for i in citems}
            rows.append([P(str(ci + 1), look.body)] + [P(by[i.key].typed(), look.body) for i in idents])
        cw = [10 * mm] + [(W - 10 * mm) / len(idents)] * len(idents)
        t = Table(rows, colWidths=cw, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), look.light),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out += [t, Spacer(1, 6)]
        for ctitle, citems in case.children:
            out.append(P(f"{ctitle} - further details", look.h2))
            out += lines([i for i in citems if i.key not in IDENT])
        return out

    def ags():
        return [P(s["sections"]["agencies"].upper(), look.h1)] + agencies_flow(case, look, spare=0, grid=False)
    flow = head_flow(case, look) + walk(case, sec, kids, ags) + decl_office(case, look)
    build(path, flow, case, meta, "Microsoft\u00ae Word 2019", "Microsoft\u00ae Word 2019", look)


# ---------------------------------------------------------------------------------------------------------------------
FIELD_NAMES = {"date_ref": "dtReferral", "ref_name": "txtRefName", "ref_role": "txtRefRole", "ref_agency": "txtRefOrg",
               "ref_email": "txtRefEmail", "ref_phone": "txtRefPhone", "lead_name": "txtLeadName",
               "lead_role": "txtLeadRole", "lead_agency": "txtLeadOrg", "lead_email": "txtLeadEmail",
               "lead_phone": "txtLeadPhone", "lead_discussed": "chkLeadDiscussed", "c_name": "txtChildName",
               "c_given": "txtChildForename", "c_family": "txtChildSurname", "c_other": "txtChildAKA",
               "c_dob": "dtChildDOB", "c_age": "txtChildAge", "c_gender": "chkChildGender", "c_eth": "txtChildEthnicity",
               "c_addr": "txtChildAddress", "c_school": "txtChildSchool", "c_gp": "txtChildGP",
               "c_legal": "txtChildLegal", "c_cp": "chkChildCP", "c_csc": "chkChildCSC", "c_lac": "chkChildLAC",
               "c_dis": "txtChildNeeds", "c_dod": "dtChildDOD", "inc_date": "dtIncident", "inc_la": "dtLAAware",
               "inc_loc": "txtIncidentLocation", "inc_type": "chkIncidentType", "inc_other": "txtIncidentOther",
               "inc_summary": "txtSummary", "inc_police": "chkPolice", "cr_died": "chkCritDied",
               "cr_abuse": "chkCritAbuse", "cr_local": "chkCritLocal", "cr_learn": "chkCritLearning",
               "cr_reason": "txtCritReason", "panel": "chkPanel", "panel_date": "dtPanel", "immediate": "txtImmediate"}
OPT_SUFFIX = ["Yes", "No", "NK"]


def q_fillable(case, rng, path, meta):
    """A fillable AcroForm, filled in: labels left of text fields; a check box per option (on-state /Yes)."""
    s = case.sender
    col, light = hexc(s["colour"]), hexc(s["light"])
    c = rl_canvas.Canvas(path, pagesize=A4, invariant=1)
    prod = rng.choice(["Adobe Acrobat Pro 2020 20.5.30636", "Adobe Acrobat Standard 2020 20.5.30636"])
    c.setProducer(prod)
    c.setCreator("Adobe Acrobat Pro 2020 20.5.30636")
    c.setTitle(s["title"])
    form = c.acroForm
    x0, x1 = 20 * mm, A4[0] - 20 * mm
    lw = rng.choice([62, 70]) * mm
    meta["label_width_mm"] = round(lw / mm)
    st = ParagraphStyle("f", fontName="LibSans", fontSize=9, leading=11)
    stb = ParagraphStyle("fb", parent=st, fontName="LibSans-B")
    page = [1]
    y = [A4[1] - 20 * mm]
    used = {}
    nfields = [0, 0]

    def deco():
        c.setFont("LibSans-B", 8.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawRightString(x1, A4[1] - 12 * mm, s["marking"])
        c.setFillColor(colors.black)
        c.setFont("LibSans", 7.5)
        c.drawString(x0, 10 * mm, s["formref"] + " (fillable)")
        c.drawRightString(x1, 10 * mm, "Page %d" % page[0])

    def need(h):
        if y[0] - h < 20 * mm:
            deco()
            c.showPage()
            page[0] += 1
            y[0] = A4[1] - 20 * mm

    def para_at(text, style, width, x):
        p = Paragraph(escape(text), style)
        w, h = p.wrap(width, 500)
        return p, h

    def uname(base):
        n = used.get(base, 0) + 1
        used[base] = n
        return base if n == 1 else f"{base}_{n}"

    def bar(title):
        need(30)
        y[0] -= 6
        c.setFillColor(col)
        c.rect(x0, y[0] - 14, x1 - x0, 15, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("LibSans-B", 10)
        c.drawString(x0 + 4, y[0] - 10, title)
        c.setFillColor(colors.black)
        y[0] -= 20

    def textfield(name, label, value, lines=1, tip=None):
        p, h = para_at(label, stb, lw - 6, x0)
        fh = max(16, lines * 11 + 5)
        need(max(h, fh) + 4)
        p.drawOn(c, x0, y[0] - h)
        nfields[0] += 1
        kw = dict(name=name, value=value, x=x0 + lw, y=y[0] - fh, width=x1 - x0 - lw, height=fh, fontName="Helvetica",
                  fontSize=8.5 if lines == 1 else 8, borderColor=colors.HexColor("#7F9DB9"), fillColor=hexc("EAF1FB"),
                  borderWidth=0.6, textColor=colors.black, forceBorder=True)
        if lines > 1:
            kw["fieldFlags"] = "multiline"
        if tip:
            kw["tooltip"] = tip
        form.textfield(**kw)
        y[0] -= max(h, fh) + 5

    def boxes(name, label, it):
        p, h = para_at(label, stb, lw - 6, x0)
        nopt = len(it.options)
        per_row = 1 if it.kind == "itype" else nopt
        rows = (nopt + per_row - 1) // per_row
        need(max(h, rows * 14) + 4)
        p.drawOn(c, x0, y[0] - h)
        xx, yy = x0 + lw, y[0] - 12
        for i, o in enumerate(it.options):
            suffix = OPT_SUFFIX[i] if it.kind == "yn" else ("%d" % (i + 1) if it.kind == "itype" else o.replace(" ", "").replace("-", ""))
            nfields[1] += 1
            form.checkbox(name=f"{name}{suffix}", x=xx, y=yy, size=10, checked=(i == it.choice), buttonStyle="cross",
                          borderColor=colors.HexColor("#7F9DB9"), fillColor=colors.white, borderWidth=0.6, forceBorder=True)
            c.setFont("LibSans", 9)
            c.drawString(xx + 13, yy + 2, o)
            if per_row == 1:
                yy -= 14
            else:
                xx += 13 + pdfmetrics.stringWidth(o, "LibSans", 9) + 16
        y[0] -= max(h, rows * 14) + 5

    def item(it, prefix="", child=None):
        base = FIELD_NAMES.get(it.key) or ("txt" + "".join(w.capitalize() for w in it.label.replace("/", " ").replace("(", " ").replace(")", " ").replace("?", " ").replace("'", "").replace(",", " ").replace("-", " ").split())[:28])
        if it.is_choice and base.startswith("txt"):
            base = "chk" + base[3:]
        if child is not None:
            base = base.replace("Child", f"Child{child}") if "Child" in base else f"{base}_C{child}"
        name = uname(base)
        tip = it.label if meta.get("tooltips") else None
        if it.is_choice:
            boxes(name, it.label, it)
        elif it.paras:
            txt = "\r\r".join(it.paras)
            nl = sum(max(1, len(p) // 88 + 1) for p in it.paras) + len(it.paras) - 1
            textfield(name, it.label, txt, lines=max(3, nl), tip=tip)
        elif it.lines:
            textfield(name, it.label, "\r".join(it.lines), lines=len(it.lines), tip=tip)
        else:
            textfield(name, it.label, it.shown, tip=tip)

    meta["tooltips"] = rng.random() < 0.35
    # heading
    p, h = para_at(s["partnership"], ParagraphStyle("pt", parent=stb, fontSize=11, textColor=col), x1 - x0, x0)
    p.drawOn(c, x0, y[0] - h)
    y[0] -= h + 4
    p, h = para_at(s["title"], ParagraphStyle("tt", parent=stb, fontSize=14, leading=17), x1 - x0, x0)
    p.drawOn(c, x0, y[0] - h)
    y[0] -= h + 4
    p, h = para_at(guidance(case) + " Complete the form on screen; tick one box for each question.",
                   ParagraphStyle("g", parent=st, fontName="LibSans-I", fontSize=8, leading=10), x1 - x0, x0)
    p.drawOn(c, x0, y[0] - h)
    y[0] -= h + 6
    for skey, title, items in case.sections:
        if skey == "incident":
            for ci, (ctitle, citems) in enumerate(case.children, start=1):
                bar(f"{s['sections']['child']} - {ctitle}")
                for it in citems:
                    item(it, child=ci)
        if skey == "immediate":
            bar(s["sections"]["agencies"])
            cols = case.agency_cols
            cw = (x1 - x0) / len(cols)
            need(14)
            c.setFont("LibSans-B", 9)
            for j, (_, t) in enumerate(cols):
                c.drawString(x0 + j * cw, y[0] - 10, t)
            y[0] -= 14
            nrows = max(4, len(case.agency_rows) + 1)
            for r in range(nrows):
                need(18)
                row = case.agency_rows[r] if r < len(case.agency_rows) else {}
                for j, (f, t) in enumerate(cols):
                    nfields[0] += 1
                    form.textfield(name=f"txtAgency{r + 1}{t.split()[0].replace('/', '').capitalize()}",
                                   value=row.get(f, ""), x=x0 + j * cw, y=y[0] - 16, width=cw - 3, height=16,
                                   fontName="Helvetica", fontSize=8, borderColor=colors.HexColor("#7F9DB9"),
                                   fillColor=hexc("EAF1FB"), borderWidth=0.6, forceBorder=True)
                y[0] -= 19
        if not items:
            continue
        bar(title)
        for it in items:
            item(it)
    bar("Declaration")
    for lab, val in case.declaration:
        textfield(uname("txtDecl" + lab.replace(" ", "")), lab, val)
    deco()
    c.save()
    meta["producer"] = prod
    meta["fields"] = {"text": nfields[0], "check": nfields[1]}


PDF_LAYOUTS = {"Q-PRINT2COL": q_print2col, "Q-SAVEDGRID": q_savedgrid, "Q-FILLABLE": q_fillable,
               "Q-LIBRENUM": q_librenum, "Q-LINESKIDS": q_lineskids}
