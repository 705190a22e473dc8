"""The Word layouts: W-MERGE, W-BOXQ, W-HOUSE, W-CCX, W-LEGACY, W-COLS."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from look import Look
from spec import Section, agency_cells, type_label
from vocab import VOCABS

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W14_NS = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
W15_NS = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
GREY = RGBColor(0x70, 0x70, 0x70)


# ---------------------------------------------------------------- common document furniture

def new_doc(look: Look, landscape=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = look.rng.choice(["Arial", "Calibri", "Verdana", "Tahoma"])
    st.font.size = Pt(10)
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    v = look.v
    hp = sec.header.paragraphs[0]
    hp.text = f"{v['marking']}\t\t{look.form_ref}"
    fp = sec.footer.paragraphs[0]
    fp.text = f"{v['org']} - {v['title']} - {look.version} issued {look.issued}"
    t = doc.add_paragraph()
    r = t.add_run(v["org"])
    r.bold = True
    r.font.size = Pt(14)
    t2 = doc.add_paragraph()
    r = t2.add_run(v["title"])
    r.bold = True
    r.font.size = Pt(12)
    doc.add_paragraph(f"To: {v['partnership']}")
    g = doc.add_paragraph()
    r = g.add_run(v["guidance"])
    r.italic = True
    r.font.size = Pt(8.5)
    r.font.color.rgb = GREY
    return doc


def office_use(doc, look):
    p = doc.add_paragraph()
    p.add_run("For partnership use only").bold = True
    t = doc.add_table(rows=3, cols=2)
    t.style = "Table Grid"
    for i, lab in enumerate(["Date received", "Case reference", "Decision of Rapid Review group"]):
        t.cell(i, 0).text = lab
    doc.add_paragraph("Signed: ____________________    Print name: ____________________")


def save_docx(doc, path, look):
    cp = doc.core_properties
    fixed = dt.datetime(2026, 1, 5, 9, 0, 0)
    cp.author = look.v["org"]
    cp.last_modified_by = look.v["org"]
    cp.created = cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 3
    cp.title = look.v["title"]
    buf = io.BytesIO()
    doc.save(buf)
    rezip(buf.getvalue(), path)


def rezip(data: bytes, path):
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            out.writestr(zi, src.read(info.filename))


def shade(cell, fill="D9E2F3"):
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def set_cell_lines(cell, lines, size=None, italic=False, gap=False):
    """Write lines into a cell, one paragraph per line (first reuses the existing paragraph).
    gap: summary paragraphs get space after, so a PDF print shows the paragraph break as a vertical gap."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if gap and i < len(lines) - 1:
            p.paragraph_format.space_after = Pt(8)
        r = p.add_run(line)
        if size:
            r.font.size = Pt(size)
        r.italic = italic


def child_title(sec: Section, case, word="Child"):
    n = len(case["children"])
    return f"{sec.title} - {word} {sec.child + 1} of {n}" if n > 1 else sec.title


def tick_line(look, options, chosen):
    return "   ".join(f"{look.glyph_on if o == chosen else look.glyph_off} {o}" for o in options)


def value_lines(look: Look, f, tick_style=True):
    """Lines of display text for a field in a plain Word cell."""
    if f.kind == "lines":
        return list(f.value) if f.value else [look.blank()]
    if f.kind == "paras":
        return list(f.value) if f.value else [look.blank()]
    if f.kind == "yn" and tick_style:
        return [tick_line(look, look.yn_options(), look.yn_chosen(f.value))]
    if f.kind == "type" and tick_style:
        chosen = type_label(look.vname, f.value) if f.value else None
        out = []
        for lab, val in look.v["types"]:
            line = f"{look.glyph_on if lab == chosen else look.glyph_off} {lab}"
            if lab == chosen and val == "other":
                line += f": {f.extra['detail']}"
            out.append(line)
        return out
    if f.kind == "gender" and tick_style and look.rng.random() < 0.6:
        return [tick_line(look, list(look.v["gender"]), look.gender_word(f.value))]
    return [look.text(f)]


def agencies_table(doc, look, f, spare=2):
    cols = f.extra["cols"]
    rows = f.value
    t = doc.add_table(rows=1 + len(rows) + spare, cols=3)
    t.style = "Table Grid"
    for j, c in enumerate(cols):
        t.cell(0, j).text = c
        t.cell(0, j).paragraphs[0].runs[0].bold = True
        shade(t.cell(0, j), "EDEDED")
    for i, row in enumerate(rows):
        for j, val in enumerate(agency_cells(f, row)):
            t.cell(i + 1, j).text = val or ""
    return t


# ---------------------------------------------------------------- W-MERGE

def w_merge(sections, look: Look, case, path):
    """Label column with answers in merged cells; child blocks with a vertically merged 'Child n' cell."""
    doc = new_doc(look)
    t = doc.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Cm(4.2), Cm(3.6), Cm(4.4), Cm(5.2)]
    notes = {"pairs": 0}
    tables = [t]
    for sec in sections:
        if sec.key == "agency":
            doc.add_paragraph()
            p_ = doc.add_paragraph()
            p_.add_run(sec.title).bold = True
            agencies_table(doc, look, sec.fields[0])
            doc.add_paragraph()
            t = doc.add_table(rows=0, cols=4)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            tables.append(t)
            continue
        row = t.add_row()
        head = row.cells[0].merge(row.cells[3])
        head.text = child_title(sec, case) if sec.child is not None else sec.title
        head.paragraphs[0].runs[0].bold = True
        shade(head)
        if sec.child is not None:
            first_row = None
            for f in sec.fields:
                row = t.add_row()
                first_row = first_row or row
                row.cells[1].text = f.label
                val = row.cells[2].merge(row.cells[3])
                set_cell_lines(val, value_lines(look, f), gap=f.kind == "paras")
            top = first_row.cells[0].merge(row.cells[0])
            top.text = f"Child {sec.child + 1}" if len(case["children"]) > 1 else "Child"
            continue
        fs = list(sec.fields)
        i = 0
        while i < len(fs):
            f = fs[i]
            short = f.kind in ("text", "date") and len(look.text(f)) < 26 and len(f.label) < 30
            nxt = fs[i + 1] if i + 1 < len(fs) else None
            if short and nxt and nxt.kind in ("text", "date") and len(look.text(nxt)) < 26 and len(nxt.label) < 30 and look.rng.random() < 0.6:
                row = t.add_row()
                row.cells[0].text, row.cells[2].text = f.label, nxt.label
                row.cells[1].text, row.cells[3].text = look.text(f), look.text(nxt)
                notes["pairs"] += 1
                i += 2
                continue
            row = t.add_row()
            row.cells[0].text = f.label
            if f.kind == "paras" or f.key == "reason":
                pass
            val = row.cells[1].merge(row.cells[3])
            set_cell_lines(val, value_lines(look, f), gap=f.kind == "paras")
            i += 1
    for tb in tables:
        for row in tb.rows:
            for c, w in zip(row.cells, widths):
                c.width = w
    office_use(doc, look)
    save_docx(doc, path, look)
    notes["glyphs"] = look.glyph_on + look.glyph_off
    return notes


# ---------------------------------------------------------------- W-BOXQ

def answer_box(doc, lines, gap=False):
    t = doc.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    set_cell_lines(t.cell(0, 0), lines, gap=gap)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def w_boxq(sections, look: Look, case, path):
    """Auto-numbered questions (numbers come from Word numbering, not text), answer in a box below."""
    doc = new_doc(look)
    notes = {"numbered": True}
    for sec in sections:
        doc.add_heading(child_title(sec, case) if sec.child is not None else sec.title, level=2)
        for f in sec.fields:
            if f.kind == "agencies":
                doc.add_paragraph(look.rng.choice(["Which other agencies are involved with the child or family?",
                                                   "Please list the agencies involved"]), style="List Number")
                agencies_table(doc, look, f)
                doc.add_paragraph()
                continue
            q = doc.add_paragraph(f.label + ("" if f.label.endswith("?") else ""), style="List Number")
            if f.kind == "yn":
                r = q.add_run("   (" + " / ".join(look.yn_options()) + ")")
                r.font.size = Pt(8)
                r.font.color.rgb = GREY
            if f.kind == "type":
                g = doc.add_paragraph()
                r = g.add_run("Options: " + "; ".join(l for l, _ in look.v["types"]))
                r.italic = True
                r.font.size = Pt(8)
                r.font.color.rgb = GREY
            if f.kind == "date" and look.rng.random() < 0.3:
                r = q.add_run("  (dd/mm/yyyy)")
                r.font.size = Pt(8)
            answer_box(doc, value_lines(look, f, tick_style=False), gap=f.kind == "paras")
    office_use(doc, look)
    save_docx(doc, path, look)
    return notes


# ---------------------------------------------------------------- W-HOUSE

def w_house(sections, look: Look, case, path):
    """Household table with a 'Subject of this referral?' column, then subject-child details one row per child."""
    doc = new_doc(look, landscape=True)
    v, L = look.v, look.v["labels"]
    rng = look.rng
    notes = {"household_rows": 0}
    child_secs = [s for s in sections if s.key == "child"]
    done_children = False
    for sec in sections:
        if sec.key == "child":
            if done_children:
                continue
            done_children = True
            doc.add_heading(sec.title, level=2)
            doc.add_paragraph("Household members - list everyone living in the household. Mark the child or children "
                              "this referral is about.").runs[0].italic = True
            kids = case["children"]
            fam = kids[0]["last"].title()
            rows = []
            from data import ADULT_FIRST
            import datetime
            mum_dob = datetime.date(rng.randint(1980, 2000), rng.randint(1, 12), rng.randint(1, 28))
            rows.append((f"{rng.choice(ADULT_FIRST)} {fam}", "Mother", look_date(look, mum_dob), "", "F", "No"))
            if rng.random() < 0.6:
                rows.append((f"{rng.choice(ADULT_FIRST)} {rng.choice(['Dunne', 'Harker', fam])}",
                             rng.choice(["Mother's partner", "Father", "Stepfather"]),
                             look_date(look, datetime.date(rng.randint(1975, 1999), rng.randint(1, 12), rng.randint(1, 28))), "", "M", "No"))
            subj = []
            for s in child_secs:
                c = kids[s.child]
                f_by = {f.key: f for f in s.fields}
                dob = look.date(f_by["dob"]) or ""
                age = c["age"] or ""
                subj.append((f"{c['first']} {c['last']}", rng.choice(["Child", "Son" if c["gender"] == "male" else "Daughter" if c["gender"] == "female" else "Child"]),
                             dob, age, look.gender_word(c["gender"]) or "", look.yes))
            rows += subj
            if rng.random() < 0.5:
                sib_dob = datetime.date(rng.randint(2006, 2010), rng.randint(1, 12), rng.randint(1, 28))
                rows.append((f"{rng.choice(['Connor', 'Shannon', 'Dylan', 'Keeley'])} {fam}", "Half-sibling (not referred)",
                             look_date(look, sib_dob), "", rng.choice(["M", "F"]), look.no))
            hdr = ["Name", "Relationship to child", L.get("dob", "Date of birth"), "Age (if DOB unknown)", L.get("gender", "Gender"),
                   "Subject of this referral?"]
            t = doc.add_table(rows=1, cols=len(hdr))
            t.style = "Table Grid"
            for j, h in enumerate(hdr):
                t.cell(0, j).text = h
                shade(t.cell(0, j), "EDEDED")
            for r in rows:
                cells = t.add_row().cells
                for j, val in enumerate(r):
                    cells[j].text = val
            notes["household_rows"] = len(rows)
            doc.add_paragraph()
            doc.add_paragraph("Details of the subject child(ren) - one row per child").runs[0].bold = True
            groups = [["child_name", "other_names", "ethnicity", "address", "school", "gp"],
                      ["child_name", "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death"]]
            for keys in groups:
                keys = [k for k in keys if k in L]
                t = doc.add_table(rows=1, cols=len(keys))
                t.style = "Table Grid"
                for j, k in enumerate(keys):
                    t.cell(0, j).text = L[k]
                    shade(t.cell(0, j), "EDEDED")
                for s in child_secs:
                    f_by = {f.key: f for f in s.fields}
                    cells = t.add_row().cells
                    for j, k in enumerate(keys):
                        f = f_by[k]
                        if f.kind == "lines":
                            set_cell_lines(cells[j], f.value or [""])
                        else:
                            cells[j].text = look.text(f)
                doc.add_paragraph()
            continue
        doc.add_heading(sec.title, level=2)
        for f in sec.fields:
            if f.kind == "agencies":
                agencies_table(doc, look, f)
                doc.add_paragraph()
        rest = [f for f in sec.fields if f.kind != "agencies"]
        if rest:
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for f in rest:
                cells = t.add_row().cells
                cells[0].text = f.label
                cells[0].width, cells[1].width = Cm(8), Cm(17)
                set_cell_lines(cells[1], value_lines(look, f, tick_style=rng.random() < 0.3), gap=f.kind == "paras")
    office_use(doc, look)
    save_docx(doc, path, look)
    return notes


def look_date(look, d):
    from case import fmt_date
    return fmt_date(d, look.date2)


# ---------------------------------------------------------------- W-CCX (content controls)

DATE_FORMATS = {"dmy": "dd/MM/yyyy", "dmy2": "dd/MM/yy", "d_m_yy": "d/M/yy", "dot": "d.M.yyyy", "dot2": "dd.MM.yy",
                "long": "d MMMM yyyy", "weekday": "ddd d MMMM yyyy", "dash_mon": "dd-MMM-yyyy", "d_mon_yy": "d MMM yy",
                "us_long": "MMMM d, yyyy", "ordinal": "d MMMM yyyy", "ordinal_of": "d MMMM yyyy", "iso": "yyyy-MM-dd"}


def x(s):
    return escape(s, {'"': "&quot;"})


class CC:
    """Builds content-control XML. Custom placeholder texts are common on real forms."""

    def __init__(self, look: Look):
        self.look = look
        self.n = 100
        self.custom = look.rng.random() < 0.5

    def _id(self):
        self.n += 1
        return self.n

    def ph(self, default, custom):
        return custom if self.custom else default

    def run(self, text, font=None, placeholder=False):
        rpr = ""
        if placeholder:
            rpr += '<w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/>'
        if font:
            rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
        return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{x(text)}</w:t></w:r>'

    def text(self, value, label, multiline=False):
        ph = self.ph("Click or tap here to enter text.", f"Enter {label[0].lower() + label[1:].rstrip('?:')}")
        pr = f'<w:id w:val="{self._id()}"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>'
        if value is None:
            blank = self.look.blank()
            if blank:
                return f'<w:sdt><w:sdtPr>{pr}<w:text/></w:sdtPr><w:sdtContent>{self.run(blank)}</w:sdtContent></w:sdt>'
            return f'<w:sdt><w:sdtPr>{pr}<w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>{self.run(ph, placeholder=True)}</w:sdtContent></w:sdt>'
        if isinstance(value, list):
            inner = "<w:r>" + "<w:br/>".join(f'<w:t xml:space="preserve">{x(s)}</w:t>' for s in value) + "</w:r>"
            return f'<w:sdt><w:sdtPr>{pr}<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'
        return f'<w:sdt><w:sdtPr>{pr}<w:text/></w:sdtPr><w:sdtContent>{self.run(value)}</w:sdtContent></w:sdt>'

    def date(self, d, style, label):
        from case import fmt_date
        ph = self.ph("Click or tap to enter a date.", "Select date")
        fmt = DATE_FORMATS[style]
        base = f'<w:id w:val="{self._id()}"/>'
        if d is None:
            return (f'<w:sdt><w:sdtPr>{base}<w:showingPlcHdr/><w:date><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/>'
                    f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>'
                    f'<w:sdtContent>{self.run(ph, placeholder=True)}</w:sdtContent></w:sdt>')
        shown = fmt_date(d, style if style in ("dmy", "dmy2", "d_m_yy", "dot", "dot2", "long", "dash_mon", "d_mon_yy", "us_long", "iso", "weekday") else "long")
        return (f'<w:sdt><w:sdtPr>{base}<w:date w:fullDate="{d.isoformat()}T00:00:00Z"><w:dateFormat w:val="{fmt}"/>'
                f'<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
                f'</w:sdtPr><w:sdtContent>{self.run(shown)}</w:sdtContent></w:sdt>')

    def dropdown(self, options, chosen):
        ph = self.ph("Choose an item.", "Select")
        items = "".join(f'<w:listItem w:displayText="{x(o)}" w:value="{x(o)}"/>' for o in options)
        if chosen is None:
            return (f'<w:sdt><w:sdtPr><w:id w:val="{self._id()}"/><w:showingPlcHdr/><w:dropDownList>'
                    f'<w:listItem w:value=""/>{items}</w:dropDownList></w:sdtPr>'
                    f'<w:sdtContent>{self.run(ph, placeholder=True)}</w:sdtContent></w:sdt>')
        return (f'<w:sdt><w:sdtPr><w:id w:val="{self._id()}"/><w:dropDownList><w:lastValue w:val="{x(chosen)}"/>{items}'
                f'</w:dropDownList></w:sdtPr><w:sdtContent>{self.run(chosen)}</w:sdtContent></w:sdt>')

    def checkbox(self, checked, glyphs):
        (on_hex, on_ch, font), (off_hex, off_ch) = glyphs
        return (f'<w:sdt><w:sdtPr><w:id w:val="{self._id()}"/><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
                f'<w14:checkedState w14:val="{on_hex}" w14:font="{font}"/><w14:uncheckedState w14:val="{off_hex}" w14:font="{font}"/>'
                f'</w14:checkbox></w:sdtPr><w:sdtContent>{self.run(on_ch if checked else off_ch, font=font)}</w:sdtContent></w:sdt>')


def p(inner, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def tc(inner_paras, width, fill=None, span=1):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner_paras}</w:tc>"


def tbl(rows_xml, widths):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl {W_NS} {W14_NS} {W15_NS}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            f'<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
            f'<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows_xml}</w:tbl>')


def body_append(doc, xml):
    el = parse_xml(xml)
    doc.element.body.insert(len(doc.element.body) - 1, el)


def w_ccx(sections, look: Look, case, path):
    """Content controls in a label | control table; children in a repeating-section control."""
    doc = new_doc(look)
    cc = CC(look)
    rng = look.rng
    glyphs = rng.choice([(("2612", "☒", "MS Gothic"), ("2610", "☐")), (("2611", "☑", "Segoe UI Symbol"), ("2610", "☐"))])
    yn_as = rng.choice(["checkbox", "dropdown"])
    notes = {"custom_placeholders": cc.custom, "yes_no": yn_as, "repeating_section": True}
    W1, W2 = 3600, 6200

    def control(f):
        if f.kind == "date":
            return p(cc.date(f.value, look.date2 if f.extra.get("second") else look.date1, f.label))
        if f.kind == "yn":
            if yn_as == "dropdown":
                return p(cc.dropdown(look.yn_options(), look.yn_chosen(f.value)))
            chosen = look.yn_chosen(f.value)
            return p("".join(cc.checkbox(o == chosen, glyphs) + cc.run(f" {o}    ") for o in look.yn_options()))
        if f.kind == "gender":
            return p(cc.dropdown(list(look.v["gender"]), look.gender_word(f.value)))
        if f.kind == "type":
            chosen = type_label(look.vname, f.value) if f.value else None
            out = p(cc.dropdown([l for l, _ in look.v["types"]], chosen))
            if f.value == "other":
                out += p(cc.run("If other, please specify: ") + cc.text(f.extra["detail"], "details"))
            return out
        if f.kind == "lines":
            return p(cc.text(f.value, f.label))
        if f.kind == "paras":
            if f.value is None:
                return p(cc.text(None, f.label))
            inner = "".join(p(cc.run(s)) for s in f.value)
            return (f'<w:sdt><w:sdtPr><w:id w:val="{cc._id()}"/><w:richText/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>')
        return p(cc.text(f.value, f.label))

    def label_cell(lab):
        return tc(p(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{x(lab)}</w:t></w:r>'), W1, fill="F2F2F2")

    child_secs = [s for s in sections if s.key == "child"]
    done = False
    for sec in sections:
        if sec.key == "child":
            if done:
                continue
            done = True
            items = ""
            for s in child_secs:
                rows = f"<w:tr>{tc(p(cc.run(s.title + ' (add another child with the + button)')), W1 + W2, fill='D9E2F3', span=2)}</w:tr>"
                for f in s.fields:
                    rows += f"<w:tr>{label_cell(f.label)}{tc(control(f), W2)}</w:tr>"
                items += f'<w:sdt><w:sdtPr><w:id w:val="{cc._id()}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>{rows}</w:sdtContent></w:sdt>'
            rep = (f'<w:sdt><w:sdtPr><w:alias w:val="Children"/><w:id w:val="{cc._id()}"/><w15:repeatingSection/></w:sdtPr>'
                   f'<w:sdtContent>{items}</w:sdtContent></w:sdt>')
            body_append(doc, tbl(rep, [W1, W2]))
            doc.add_paragraph()
            continue
        if sec.key == "agency":
            f = sec.fields[0]
            doc.add_paragraph().add_run(sec.title).bold = True
            hdr = "<w:tr>" + "".join(tc(p(cc.run(c)), 3266, fill="EDEDED") for c in f.extra["cols"]) + "</w:tr>"
            body = ""
            for row in f.value + [[None, None, None]] * rng.choice([1, 2]):
                cells = agency_cells(f, row) if any(row) else [None, None, None]
                body += "<w:tr>" + "".join(tc(p(cc.text(c, "details") if c else cc.text(None, "details")), 3266) for c in cells) + "</w:tr>"
            body_append(doc, tbl(hdr + body, [3266, 3266, 3266]))
            doc.add_paragraph()
            continue
        rows = f"<w:tr>{tc(p(cc.run(sec.title)), W1 + W2, fill='D9E2F3', span=2)}</w:tr>"
        for f in sec.fields:
            rows += f"<w:tr>{label_cell(f.label)}{tc(control(f), W2)}</w:tr>"
        body_append(doc, tbl(rows, [W1, W2]))
        doc.add_paragraph()
    office_use(doc, look)
    save_docx(doc, path, look)
    return notes


# ---------------------------------------------------------------- W-LEGACY (legacy form fields)

EN5 = "\u2002" * 5


class Legacy:
    def __init__(self):
        self.n = 0

    def name(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def text(self, value, date_fmt=None):
        ti = "<w:textInput/>" if not date_fmt else f'<w:textInput><w:type w:val="date"/><w:format w:val="{date_fmt}"/></w:textInput>'
        if value is None:
            res = f'<w:r><w:t xml:space="preserve">{EN5}</w:t></w:r>'
        elif isinstance(value, list):
            res = '<w:r><w:br/></w:r>'.join(f'<w:r><w:t xml:space="preserve">{x(s)}</w:t></w:r>' for s in value)
        else:
            res = f'<w:r><w:t xml:space="preserve">{x(value)}</w:t></w:r>'
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{self.name("Text")}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/>{ti}</w:ffData></w:fldChar></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'{res}<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def check(self, checked):
        c = "<w:checked/>" if checked else ""
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{self.name("Check")}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{c}</w:checkBox></w:ffData></w:fldChar></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def dropdown(self, options, chosen):
        entries = [" "] + options
        idx = entries.index(chosen) if chosen in entries else 0
        items = "".join(f'<w:listEntry w:val="{x(o)}"/>' for o in entries)
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{self.name("Dropdown")}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:ddList><w:result w:val="{idx}"/>{items}</w:ddList></w:ffData></w:fldChar></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def w_legacy(sections, look: Look, case, path, blank_slots=True):
    """Legacy form fields (FORMTEXT / FORMCHECKBOX / FORMDROPDOWN) in a 4-column grid; protected for forms.
    The form prints at least two child slots; an unused slot stays unfilled."""
    doc = new_doc(look)
    lg = Legacy()
    rng = look.rng
    yn_as = rng.choice(["dropdown", "checkbox"])
    notes = {"yes_no": yn_as, "child_slots": 0}
    WL, WV = 2300, 2600
    DF = {"dmy": "dd/MM/yyyy", "dmy2": "dd/MM/yy", "dot": "d.M.yyyy", "long": "d MMMM yyyy"}

    def lab(t):
        return tc(p(f'<w:r><w:rPr><w:b/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{x(t)}</w:t></w:r>'), WL, fill="F2F2F2")

    def field(f):
        if f.kind == "date":
            style = look.date2 if f.extra.get("second") else look.date1
            from case import fmt_date
            return p(lg.text(fmt_date(f.value, style), DF.get(style)))
        if f.kind == "yn":
            chosen = look.yn_chosen(f.value)
            if yn_as == "dropdown":
                return p(lg.dropdown(look.yn_options(), chosen))
            return p("".join(lg.check(o == chosen) + f'<w:r><w:t xml:space="preserve"> {x(o)}   </w:t></w:r>' for o in look.yn_options()))
        if f.kind == "gender":
            return p(lg.dropdown(list(look.v["gender"]), look.gender_word(f.value)))
        if f.kind == "type":
            chosen = type_label(look.vname, f.value) if f.value else None
            out = ""
            for l, val in look.v["types"]:
                out += p(lg.check(l == chosen) + f'<w:r><w:t xml:space="preserve"> {x(l)}</w:t></w:r>')
            if f.value == "other":
                out += p(f'<w:r><w:t xml:space="preserve">Details: </w:t></w:r>' + lg.text(f.extra["detail"]))
            return out
        if f.kind == "lines":
            return p(lg.text(f.value))
        if f.kind == "paras":
            if not f.value:
                return p(lg.text(None))
            joined = []
            for i, s in enumerate(f.value):
                if i:
                    joined.append("")
                joined.append(s)
            return p(lg.text(joined))
        if f.value is None:
            b = look.blank()
            return p(lg.text(b or None))
        return p(lg.text(f.value))

    def grid(fields, title):
        head = p(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{x(title)}</w:t></w:r>')
        rows = f"<w:tr>{tc(head, 2 * (WL + WV), fill='C6D9F1', span=4)}</w:tr>"
        i = 0
        while i < len(fields):
            f = fields[i]
            nxt = fields[i + 1] if i + 1 < len(fields) else None
            small = lambda g: g.kind in ("text", "date", "yn", "gender") and len(str(g.value or "")) < 28  # noqa: E731
            if small(f) and nxt and small(nxt):
                rows += f"<w:tr>{lab(f.label)}{tc(field(f), WV)}{lab(nxt.label)}{tc(field(nxt), WV)}</w:tr>"
                i += 2
            else:
                rows += f"<w:tr>{lab(f.label)}{tc(field(f), WL + 2 * WV, span=3)}</w:tr>"
                i += 1
        body_append(doc, tbl(rows, [WL, WV, WL, WV]))
        doc.add_paragraph()

    child_secs = [s for s in sections if s.key == "child"]
    for sec in sections:
        if sec.key == "child":
            if sec.child != 0:
                continue
            slots = max(2, len(child_secs)) if blank_slots else len(child_secs)
            notes["child_slots"] = slots
            for k in range(slots):
                if k < len(child_secs):
                    grid(child_secs[k].fields, f"{sec.title} - {k + 1}")
                else:
                    empty = []
                    for f in child_secs[0].fields:
                        g = type(f)(f.key, f.label, f.kind, None, f.decoy, dict(f.extra))
                        empty.append(g)
                    saved = look.fillers, look.unknown
                    look.fillers, look.unknown = False, None
                    grid(empty, f"{sec.title} - {k + 1}")
                    look.fillers, look.unknown = saved
            continue
        if sec.key == "agency":
            f = sec.fields[0]
            doc.add_paragraph().add_run(sec.title).bold = True
            hdr = "<w:tr>" + "".join(tc(p(f'<w:r><w:rPr><w:b/></w:rPr><w:t>{x(c)}</w:t></w:r>'), 3300, fill="F2F2F2") for c in f.extra["cols"]) + "</w:tr>"
            body = ""
            for row in f.value + [[None, None, None]] * (4 - len(f.value) if len(f.value) < 4 else 1):
                cells = agency_cells(f, row)
                body += "<w:tr>" + "".join(tc(p(lg.text(c)), 3300) for c in cells) + "</w:tr>"
            body_append(doc, tbl(hdr + body, [3300, 3300, 3300]))
            doc.add_paragraph()
            continue
        grid(sec.fields, sec.title)
    office_use(doc, look)
    doc.settings.element.append(parse_xml(f'<w:documentProtection {nsdecls("w")} w:edit="forms" w:enforcement="1"/>'))
    save_docx(doc, path, look)
    return notes


# ---------------------------------------------------------------- W-COLS (two text columns, ruled answer lines)

def ruled(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="dotted" w:sz="6" w:space="1" w:color="808080"/></w:pBdr>'))


def set_cols(section, n):
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = parse_xml(f'<w:cols {nsdecls("w")}/>')
        section._sectPr.insert(2, cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "567")


def w_cols(sections, look: Look, case, path):
    """Newspaper-style two-column Word section: small bold label, answer on ruled lines below."""
    doc = new_doc(look)
    sec2 = doc.add_section(WD_SECTION.CONTINUOUS)
    set_cols(sec2, 2)
    notes = {"columns": 2}
    for sec in sections:
        h = doc.add_paragraph()
        r = h.add_run((child_title(sec, case, "child") if sec.child is not None else sec.title).upper())
        r.bold = True
        r.font.size = Pt(10)
        for f in sec.fields:
            if f.kind == "agencies":
                for i, row in enumerate(f.value):
                    for lab, val in zip(f.extra["cols"], agency_cells(f, row)):
                        q = doc.add_paragraph()
                        q.add_run(f"{lab}: ").bold = True
                        q.add_run(val or "")
                        q.paragraph_format.space_after = Pt(0)
                    doc.add_paragraph().paragraph_format.space_after = Pt(2)
                if not f.value:
                    doc.add_paragraph("None known.")
                continue
            lp = doc.add_paragraph()
            lr = lp.add_run(f.label)
            lr.bold = True
            lr.font.size = Pt(8)
            lp.paragraph_format.space_after = Pt(0)
            lp.paragraph_format.keep_with_next = True
            for line in value_lines(look, f):
                ap = doc.add_paragraph(line)
                ap.paragraph_format.space_after = Pt(0)
                ruled(ap)
            doc.add_paragraph().paragraph_format.space_after = Pt(0)
    sec3 = doc.add_section(WD_SECTION.CONTINUOUS)
    set_cols(sec3, 1)
    office_use(doc, look)
    save_docx(doc, path, look)
    notes["glyphs"] = look.glyph_on + look.glyph_off
    return notes


DOCX_LAYOUTS = {"W-MERGE": w_merge, "W-BOXQ": w_boxq, "W-HOUSE": w_house, "W-CCX": w_ccx, "W-LEGACY": w_legacy,
                "W-COLS": w_cols}
