"""The five PDF layouts of plain27: reportlab (invariant mode) for four of them, LibreOffice for one."""

from __future__ import annotations

import hashlib
import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)
from reportlab.lib.fonts import addMapping

from p27_common import (base_style, footer_text, guidance, is_wide, office_use_rows, section_heading, typed_choice, with_colon)
from p27_model import ACRO_DATE, fmt_date

LIB = "/usr/share/fonts/truetype/liberation2/"
DJV = "/usr/share/fonts/truetype/dejavu/"
_FONTS_DONE = False


def register_fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    for fam, files in {
        "LibSans": ("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationSans-BoldItalic"),
        "LibSerif": ("LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"),
    }.items():
        names = [fam, fam + "-Bold", fam + "-Italic", fam + "-BoldItalic"]
        for n, f in zip(names, files):
            pdfmetrics.registerFont(TTFont(n, LIB + f + ".ttf"))
        addMapping(fam, 0, 0, names[0]); addMapping(fam, 1, 0, names[1])
        addMapping(fam, 0, 1, names[2]); addMapping(fam, 1, 1, names[3])
    djv = {"DejaVuSans": "DejaVuSans", "DejaVuSans-Bold": "DejaVuSans-Bold", "DejaVuSans-Oblique": "DejaVuSans-Oblique",
           "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique"}
    for n, f in djv.items():
        pdfmetrics.registerFont(TTFont(n, DJV + f + ".ttf"))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans"); addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique"); addMapping("DejaVuSans", 1, 1, "DejaVuSans-BoldOblique")
    _FONTS_DONE = True


def family_for(S):
    return {"Arial": "LibSans", "Calibri": "LibSans", "Verdana": "DejaVuSans"}.get(S["font"], "LibSans")


def bold(fam):
    return fam + "-Bold"


def esc(s):
    return escape(s)


def hexcol(h):
    return colors.HexColor("#" + h)


# ----------------------------------------------------------------------------------------------------------------
# byte-level normalisation (same length, so the xref table stays valid)

FIXED_DATE = b"D:20000101000000+00'00'"


def pdf_date(d, hh=10, mi=12):
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}{hh:02d}{mi:02d}00+00'00'".encode()


def normalise_reportlab(data: bytes, ref_date, name: str, hh=None, mi=None) -> bytes:
    cd = pdf_date(ref_date, 9 + ref_date.day % 7 if hh is None else hh, (ref_date.day * 11) % 60 if mi is None else mi)
    assert len(cd) == len(FIXED_DATE)
    data = data.replace(FIXED_DATE, cd)
    for comment in (b"% ReportLab Generated PDF document (opensource)",
                    b"% ReportLab generated PDF document -- digest (opensource)"):
        data = data.replace(comment, b"%" + b" " * (len(comment) - 1))
    return data


def two_pass(build):
    """build(total_pages) -> (bytes, pages). Rebuild once the page count is known."""
    data, pages = build(None)
    data, pages2 = build(pages)
    return data


class Doc(SimpleDocTemplate):
    def __init__(self, buf, **kw):
        super().__init__(buf, invariant=1, **kw)


def styles(fam, sz=9.5, lead=None):
    lead = lead or sz * 1.22
    return dict(
        label=ParagraphStyle("label", fontName=bold(fam), fontSize=sz, leading=lead),
        answer=ParagraphStyle("answer", fontName=fam, fontSize=sz, leading=lead),
        small=ParagraphStyle("small", fontName=fam, fontSize=sz - 1.5, leading=(sz - 1.5) * 1.25, textColor=colors.HexColor("#404040")),
        title=ParagraphStyle("title", fontName=bold(fam), fontSize=16, leading=20, spaceAfter=4),
        sub=ParagraphStyle("sub", fontName=fam + "-Italic" if fam != "DejaVuSans" else "DejaVuSans-Oblique", fontSize=sz + 0.5, leading=lead + 1, spaceAfter=8),
        org=ParagraphStyle("org", fontName=bold(fam), fontSize=sz + 1, leading=lead + 1),
        head=ParagraphStyle("head", fontName=bold(fam), fontSize=sz + 1, leading=lead + 2),
        headw=ParagraphStyle("headw", fontName=bold(fam), fontSize=sz + 1, leading=lead + 2, textColor=colors.white),
    )


def top_flow(spec, st):
    S = spec.S
    g = guidance(S)
    return [Paragraph(esc(S["org"]), st["org"]), Paragraph(esc(S["team"]), st["small"]), Spacer(1, 6),
            Paragraph(esc(S["title"]), st["title"]), Paragraph(esc(S["subtitle"]), st["sub"]),
            Paragraph(esc(g[0]), st["small"]), Spacer(1, 3),
            Paragraph("<i>" + esc(g[1]) + "</i>" if st["small"].fontName != "DejaVuSans" else esc(g[1]), st["small"]),
            Spacer(1, 10)]


def glyph_line(it, st, sep="&nbsp;&nbsp;&nbsp;&nbsp;"):
    parts = []
    for j, o in enumerate(it.options):
        g = "\u2612" if j == it.chosen else "\u2610"
        parts.append(f'<font name="DejaVuSans">{g}</font> {esc(o)}')
    return [Paragraph(sep.join(parts), st["answer"])]


CHK, UNC = "\u2612", "\u2610"


def glyph_list(it, st):
    return [Paragraph(f'<font name="DejaVuSans">{CHK if j == it.chosen else UNC}</font> {esc(o)}', st["answer"])
            for j, o in enumerate(it.options)]


def answer_flow(it, st, choice_mode="glyph", date_style=None):
    if it.kind == "choice":
        if choice_mode == "glyph":
            return glyph_list(it, st) if it.ckind == "itype" else glyph_line(it, st)
        return [Paragraph(esc(typed_choice(it)), st["answer"])]
    lines = it.shown(date_style) if (date_style and it.tkind == "date" and not it.filler) else it.lines
    if not lines:
        return [Paragraph("", st["answer"])]
    if it.tkind == "long":
        out = []
        for j, p in enumerate(lines):
            out.append(Paragraph(esc(p), st["answer"]))
            if j < len(lines) - 1:
                out.append(Spacer(1, 5))
        return out
    if it.tkind == "address":
        return [Paragraph("<br/>".join(esc(l) for l in lines), st["answer"])]
    return [Paragraph(esc(lines[0]), st["answer"])]


def signature_flow(spec, st, width, fill="#F2F2F2"):
    S = spec.S
    ref_item = next((it for sec in spec.sections for it in sec.items if it.lkey == "date_of_referral"), None)
    date_txt = ref_item.lines[0] if ref_item and ref_item.lines else ""
    w1 = width * 0.3
    rows = [[Paragraph("Signed", st["label"]), ""], [Paragraph("Print name", st["label"]), Paragraph(esc(spec.ref_name), st["answer"])],
            [Paragraph("Date", st["label"]), Paragraph(esc(date_txt), st["answer"])]]
    t = Table(rows, colWidths=[w1, width - w1], rowHeights=[26, None, None])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(fill)),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    orows = [[Paragraph(esc(l), st["small"]), ""] for l in office_use_rows()]
    o = Table(orows, colWidths=[w1, width - w1])
    o.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")),
                           ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#D9D9D9"))]))
    return [Spacer(1, 12), KeepTogether([Paragraph("Declaration", st["head"]), Spacer(1, 3),
                                         Paragraph("I confirm that the information given is accurate to the best of my knowledge.", st["small"]),
                                         Spacer(1, 4), t]),
            Spacer(1, 12), KeepTogether([Paragraph(f"For {esc(S['pshort'])} office use only", st["head"]), Spacer(1, 3), o])]


def agencies_flow(spec, sec, st, width, head_fill, spare=1, grid_col=colors.black):
    cols = sec.cols
    base = {"name": 2, "agency": 3, "contact": 3, "role": 2}
    tot = sum(base[f] for f, _ in cols)
    widths = [width * base[f] / tot for f, _ in cols]
    rows = [[Paragraph(esc(l), st["label"]) for _, l in cols]]
    for r in sec.rows:
        rows.append([Paragraph(esc(r["cells"].get(f, "")), st["answer"]) for f, _ in cols])
    for _ in range(spare):
        rows.append(["" for _ in cols])
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, grid_col), ("BACKGROUND", (0, 0), (-1, 0), head_fill),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ROWHEIGHT", (0, 1), (-1, -1), 16)]))
    return t


# ----------------------------------------------------------------------------------------------------------------
# Q-SAVEDPDF: a two-column Word form saved as PDF by Word; rows may break across pages

def q_savedpdf(spec, rng, fname):
    register_fonts()
    S = spec.S
    fam = family_for(S)
    st = styles(fam, 9.5)
    width = A4[0] - 2 * 20 * mm
    lw = width * rng.choice([0.34, 0.36, 0.38])
    head_fill = rng.choice(["#D9D9D9", "#" + S["light"]])
    label_fill = rng.choice([None, "#F2F2F2"])
    info = {"producer": "Microsoft\u00ae Word for Microsoft 365", "label_width_pt": round(lw, 1), "heading_fill": head_fill,
            "rows_split_across_pages": True, "choices": "\u2612/\u2610 glyphs (text)"}

    def story():
        fl = top_flow(spec, st)
        for sec in spec.sections:
            head, sub = section_heading(spec, sec)
            title = head + (f" - {sub}" if sub else "")
            if sec.kind == "agencies":
                fl.append(Spacer(1, 8))
                fl.append(Paragraph(esc(title), st["head"]))
                fl.append(Paragraph(esc(S["agency_title"]), st["small"]))
                fl.append(Spacer(1, 3))
                fl.append(agencies_flow(spec, sec, st, width, colors.HexColor(head_fill), spare=2))
                continue
            rows = [[Paragraph(esc(title), st["head"]), ""]]
            for it in sec.items:
                rows.append([Paragraph(esc(it.label), st["label"]), answer_flow(it, st, "glyph")])
            t = Table(rows, colWidths=[lw, width - lw], splitInRow=1, repeatRows=0)
            cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 0), (1, 0)),
                    ("BACKGROUND", (0, 0), (1, 0), colors.HexColor(head_fill)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
            if label_fill:
                cmds.append(("BACKGROUND", (0, 1), (0, -1), colors.HexColor(label_fill)))
            t.setStyle(TableStyle(cmds))
            fl += [Spacer(1, 8), t]
        fl += signature_flow(spec, st, width)
        return fl

    def build(total):
        buf = io.BytesIO()
        doc = Doc(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm,
                  title=S["title"], author=spec.ref_name, subject="", creator="Microsoft\u00ae Word for Microsoft 365",
                  producer="Microsoft\u00ae Word for Microsoft 365")

        def deco(c, d):
            c.saveState()
            c.setFont(bold(fam), 7.5)
            c.setFillColor(colors.HexColor("#C00000"))
            c.drawString(20 * mm, A4[1] - 12 * mm, S["marking"])
            c.setFillColor(colors.black)
            c.setFont(fam, 7.5)
            c.drawRightString(A4[0] - 20 * mm, A4[1] - 12 * mm, S["partnership"])
            c.drawString(20 * mm, 10 * mm, footer_text(S))
            c.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Page {d.page} of {total or 9}")
            c.restoreState()
        doc.build(story(), onFirstPage=deco, onLaterPages=deco)
        return buf.getvalue(), doc.page

    data = two_pass(build)
    return normalise_reportlab(data, spec.ref_date, fname), info


# ----------------------------------------------------------------------------------------------------------------
# Q-GRIDPRINT: a four-column grid Word form printed with "Microsoft Print to PDF"

def q_gridprint(spec, rng, fname):
    register_fonts()
    S = spec.S
    fam = family_for(S)
    st = styles(fam, 8.8)
    width = A4[0] - 2 * 18 * mm
    lw = width * rng.choice([0.2, 0.22])
    aw = width / 2 - lw
    widths = [lw, aw, lw, width - 2 * lw - aw]
    fill = rng.choice(["#F2F2F2", "#" + S["light"]])
    info = {"producer": "Microsoft: Print To PDF", "label_fill": fill, "choices": "typed words"}

    def story():
        fl = top_flow(spec, st)
        for sec in spec.sections:
            head, sub = section_heading(spec, sec)
            title = head + (f"  ({sub})" if sub else "")
            if sec.kind == "agencies":
                t0 = Table([[Paragraph(esc(title), st["headw"])]], colWidths=[width])
                t0.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), hexcol(S["colour"]))]))
                fl += [Spacer(1, 8), t0, Spacer(1, 2), Paragraph(esc(S["agency_title"]), st["small"]), Spacer(1, 2),
                       agencies_flow(spec, sec, st, width, colors.HexColor(fill), spare=1)]
                continue
            rows = [[Paragraph(esc(title), st["headw"]), "", "", ""]]
            cmds = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#595959")), ("SPAN", (0, 0), (3, 0)),
                    ("BACKGROUND", (0, 0), (3, 0), hexcol(S["colour"])), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            pending = None

            def add_pair(a, b):
                r = len(rows)
                if b is None:
                    rows.append([Paragraph(esc(a.label), st["label"]), answer_flow(a, st, "typed"), "", ""])
                else:
                    rows.append([Paragraph(esc(a.label), st["label"]), answer_flow(a, st, "typed"),
                                 Paragraph(esc(b.label), st["label"]), answer_flow(b, st, "typed")])
                cmds.append(("BACKGROUND", (0, r), (0, r), colors.HexColor(fill)))
                cmds.append(("BACKGROUND", (2, r), (2, r), colors.HexColor(fill)))

            for it in sec.items:
                if is_wide(it, limit=60):
                    if pending:
                        add_pair(pending, None)
                        pending = None
                    r = len(rows)
                    rows.append([Paragraph(esc(it.label), st["label"]), answer_flow(it, st, "typed"), "", ""])
                    cmds += [("SPAN", (1, r), (3, r)), ("BACKGROUND", (0, r), (0, r), colors.HexColor(fill))]
                elif pending is None:
                    pending = it
                else:
                    add_pair(pending, it)
                    pending = None
            if pending:
                add_pair(pending, None)
            t = Table(rows, colWidths=widths, splitInRow=0)
            t.setStyle(TableStyle(cmds))
            fl += [Spacer(1, 8), t]
        fl += signature_flow(spec, st, width, fill=fill)
        return fl

    def build(total):
        buf = io.BytesIO()
        doc = Doc(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=18 * mm,
                  title=f"Microsoft Word - {S['form_ref'].replace('/', '-')} referral form.docx", author=spec.ref_name,
                  creator="Microsoft\u00ae Word for Microsoft 365", producer="Microsoft: Print To PDF", subject="")

        def deco(c, d):
            c.saveState()
            c.setFont(fam, 7.5)
            c.drawString(18 * mm, A4[1] - 11 * mm, S["marking"])
            c.drawRightString(A4[0] - 18 * mm, A4[1] - 11 * mm, S["partnership"])
            c.drawString(18 * mm, 9 * mm, footer_text(S))
            c.drawRightString(A4[0] - 18 * mm, 9 * mm, f"{d.page}")
            c.restoreState()
        doc.build(story(), onFirstPage=deco, onLaterPages=deco)
        return buf.getvalue(), doc.page

    data = two_pass(build)
    return normalise_reportlab(data, spec.ref_date, fname), info


# ----------------------------------------------------------------------------------------------------------------
# Q-EFORM: an online form's "check your answers" page printed from Chrome

def q_eform(spec, rng, fname):
    register_fonts()
    S = spec.S
    fam = "LibSans"
    st = styles(fam, 10)
    st["key"] = ParagraphStyle("key", fontName=bold(fam), fontSize=10, leading=13)
    st["h1"] = ParagraphStyle("h1", fontName=bold(fam), fontSize=20, leading=24, spaceAfter=6)
    st["h2"] = ParagraphStyle("h2", fontName=bold(fam), fontSize=15, leading=19, spaceBefore=12, spaceAfter=4)
    st["h3"] = ParagraphStyle("h3", fontName=bold(fam), fontSize=12, leading=15, spaceBefore=8, spaceAfter=2)
    width = A4[0] - 2 * 12 * mm
    not_provided = rng.random() < 0.5
    council = S["partnership"]
    host = re.sub(r"[^a-z]", "", S["pshort"].lower())
    ref_no = f"{S['pshort']}-{spec.ref_date.year}-{rng.randrange(100000, 999999)}"
    printed = spec.ref_date
    hh, mi = 9 + rng.randrange(8), rng.randrange(60)
    url = f"https://forms.{host}.org.uk/practice-review-referral/summary?submission={ref_no.split('-')[-1]}"
    ptitle = f"Check your answers - Rapid Review referral - {council}"
    info = {"producer": "Skia/PDF m131", "unanswered": "Not provided" if not_provided else "empty",
            "dates_shown": "d Month yyyy (the form's own display)", "submission_ref": ref_no,
            "printed_header": f"{printed.strftime('%d/%m/%Y')}, {hh:02d}:{mi:02d}"}

    def val_flow(it):
        if it.kind == "choice":
            t = typed_choice(it)
            if not t and not_provided:
                t = "Not provided"
            return [Paragraph(esc(t), st["answer"])]
        if not it.lines:
            return [Paragraph("Not provided" if not_provided else "", st["answer"])]
        return answer_flow(it, st, "typed", date_style="d Month yyyy")

    def summary_list(items):
        rows = [[Paragraph(esc(it.label), st["key"]), val_flow(it)] for it in items]
        t = Table(rows, colWidths=[width * 0.38, width * 0.62], splitInRow=1)
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.HexColor("#B1B4B6")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return t

    def story():
        bar = Table([[Paragraph(f'<font color="white"><b>{esc(council)}</b></font>', st["answer"])]], colWidths=[width], rowHeights=[26])
        bar.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), hexcol(S["colour"])), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        fl = [bar, Spacer(1, 10), Paragraph("Check your answers before sending your referral", st["h1"]),
              Paragraph(f"Form: {esc(S['title'])}", st["answer"]),
              Paragraph(f"Submission reference: {esc(ref_no)}", st["answer"]), Spacer(1, 6),
              Paragraph(esc(guidance(S)[0]), st["small"]), Spacer(1, 4)]
        seen_child_head = False
        for sec in spec.sections:
            head, sub = section_heading(spec, sec)
            if sec.kind == "child":
                if not seen_child_head:
                    fl.append(Paragraph(esc(head), st["h2"]))
                    seen_child_head = True
                fl.append(Paragraph(esc(S["child_title"].format(n=sec.child + 1)), st["h3"]))
                fl.append(summary_list(sec.items))
                continue
            fl.append(Paragraph(esc(head), st["h2"]))
            if sec.kind == "agencies":
                if not sec.rows:
                    fl.append(Paragraph("No agencies added", st["answer"]))
                for j, r in enumerate(sec.rows):
                    fl.append(Paragraph(f"Agency {j + 1}", st["h3"]))
                    rows = [[Paragraph(esc(lbl), st["key"]),
                             Paragraph(esc(r["cells"].get(f, "")) or ("Not provided" if not_provided else ""), st["answer"])]
                            for f, lbl in sec.cols]
                    t = Table(rows, colWidths=[width * 0.38, width * 0.62])
                    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.HexColor("#B1B4B6")),
                                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
                    fl.append(t)
                continue
            fl.append(summary_list(sec.items))
        fl += [Spacer(1, 14), Paragraph("Declaration", st["h2"]),
               Paragraph(f"Submitted by {esc(spec.ref_name)}. By sending this referral you confirm the information is correct "
                         "to the best of your knowledge.", st["answer"])]
        return fl

    def build(total):
        buf = io.BytesIO()
        doc = Doc(buf, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=16 * mm, bottomMargin=14 * mm,
                  title=ptitle, creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                        "Chrome/131.0.0.0 Safari/537.36", producer="Skia/PDF m131", author="", subject="")

        def deco(c, d):
            c.saveState()
            c.setFont("LibSans", 7)
            c.drawString(8 * mm, A4[1] - 7 * mm, info["printed_header"])
            c.drawCentredString(A4[0] / 2, A4[1] - 7 * mm, ptitle[:90])
            c.drawString(8 * mm, 6 * mm, url)
            c.drawRightString(A4[0] - 8 * mm, 6 * mm, f"{d.page}/{total or 9}")
            c.restoreState()
        doc.build(story(), onFirstPage=deco, onLaterPages=deco)
        return buf.getvalue(), doc.page

    data = two_pass(build)
    return normalise_reportlab(data, spec.ref_date, fname, hh, mi), info


# ----------------------------------------------------------------------------------------------------------------
# Q-FILLABLE: a fillable PDF (labels above the boxes), filled in; fields added with pypdf

def camel(s):
    words = re.findall(r"[A-Za-z0-9]+", s)
    return "".join(w[0].upper() + w[1:] for w in words) or "Opt"


def wrap(text, font, size, width):
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for w in words:
            t = (line + " " + w).strip()
            if pdfmetrics.stringWidth(t, font, size) <= width or not line:
                line = t
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


def q_fillable(spec, rng, fname):
    """Draw the form with reportlab, then add AcroForm fields (pypdf) at the recorded rectangles."""
    register_fonts()
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DictionaryObject, FloatObject,
                               NameObject, NumberObject, StreamObject, TextStringObject)

    S = spec.S
    fam = family_for(S)
    W_, H_ = A4
    M = 18 * mm
    width = W_ - 2 * M
    tooltips = rng.random() < 0.5
    fsz = 9
    info = {"producer": "Adobe PDF Library 24.2.159", "creator": "Acrobat PDFMaker 24 for Word",
            "field_names": "from the labels (Acrobat field detection style, _2/_3 for repeats; tables <Column>Row<n>)",
            "tooltips": tooltips, "yes_no": "radio groups, export values from the option words", "gender": "combo box",
            "dates": "text fields with AFDate_FormatEx format actions"}
    fields = []  # dicts: page, name, type, rect, value, ...
    used = {}

    def fname_for(label):
        base = re.sub(r"\s+", " ", label.replace("?", "").replace(":", "")).strip()
        base = base[:60]
        n = used.get(base, 0) + 1
        used[base] = n
        return base if n == 1 else f"{base}_{n}"

    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(S["title"])
    c.setAuthor("Business Support")
    c.setCreator(info["creator"])
    c.setSubject("")
    c.setKeywords("")
    c.setProducer(info["producer"])
    page = [0]
    y = [H_ - M]

    def deco():
        c.setFont(bold(fam), 7.5)
        c.setFillColor(colors.HexColor("#C00000"))
        c.drawString(M, H_ - 11 * mm, S["marking"])
        c.setFillColor(colors.black)
        c.setFont(fam, 7.5)
        c.drawRightString(W_ - M, H_ - 11 * mm, S["partnership"])
        c.drawString(M, 9 * mm, footer_text(S))
        c.drawRightString(W_ - M, 9 * mm, f"Page {page[0] + 1}")
        y[0] = H_ - 20 * mm

    def new_page():
        c.showPage()
        page[0] += 1
        deco()

    def need(h):
        if y[0] - h < 18 * mm:
            new_page()

    def text_block(txt, font, size, color=colors.black, w=width, x=M, lead=None):
        lead = lead or size * 1.25
        lines = wrap(txt, font, size, w)
        need(lead * len(lines) + 2)
        c.setFont(font, size)
        c.setFillColor(color)
        for ln in lines:
            y[0] -= lead
            c.drawString(x, y[0], ln)
        c.setFillColor(colors.black)

    deco()
    text_block(S["org"], bold(fam), 10)
    text_block(S["title"], bold(fam), 15, lead=19)
    text_block(S["subtitle"], fam, 9.5)
    y[0] -= 4
    for g in guidance(S):
        text_block(g, fam, 8, colors.HexColor("#404040"))
    y[0] -= 6

    def box(x, yy, w, h):
        c.setStrokeColor(colors.HexColor("#7F7F7F"))
        c.setLineWidth(0.5)
        c.rect(x, yy, w, h, stroke=1, fill=0)

    def label_at(x, yy, w, lbl):
        lines = wrap(lbl, bold(fam), 7.5, w)
        c.setFont(bold(fam), 7.5)
        for k, ln in enumerate(lines):
            c.drawString(x, yy - 7.5 * (k + 1), ln)
        return 7.5 * len(lines) + 2

    def place_item(it, x, w, top):
        """Draw label + box at (x, top); return used height; record field(s)."""
        lh = label_at(x, top, w, it.label)
        by = top - lh
        if it.kind == "choice" and it.ckind in ("yn", "itype"):
            opts = it.options
            name = fname_for(it.label)
            kids = []
            if it.ckind == "itype":
                h = 12 * len(opts) + 4
                for j, o in enumerate(opts):
                    yy = by - 12 * (j + 1)
                    kids.append(((x + 2, yy, x + 11, yy + 9), camel(o)))
                    c.setStrokeColor(colors.HexColor("#404040"))
                    c.circle(x + 6.5, yy + 4.5, 4.2, stroke=1, fill=0)
                    c.setFont(fam, 8.5)
                    c.drawString(x + 15, yy + 1.5, o)
            else:
                h = 14
                xx = x + 2
                for j, o in enumerate(opts):
                    kids.append(((xx, by - 11, xx + 9, by - 2), camel(o)))
                    c.setStrokeColor(colors.HexColor("#404040"))
                    c.circle(xx + 4.5, by - 6.5, 4.2, stroke=1, fill=0)
                    c.setFont(fam, 8.5)
                    c.drawString(xx + 12, by - 9.5, o)
                    xx += 16 + pdfmetrics.stringWidth(o, fam, 8.5) + 10
            fields.append(dict(page=page[0], name=name, type="radio", kids=kids,
                               value=None if it.chosen is None else camel(opts[it.chosen]), tip=it.label))
            return lh + h + 6
        if it.kind == "choice":  # gender combo
            h = 14
            box(x, by - h, min(w, 120), h)
            fields.append(dict(page=page[0], name=fname_for(it.label), type="combo", rect=(x, by - h, x + min(w, 120), by),
                               opts=[" "] + list(it.options), value=it.chosen_text() or " ", tip=it.label))
            return lh + h + 6
        if it.tkind == "long":
            lines = wrap("\n\n".join(it.lines), "Helvetica", fsz, w - 6) if it.lines else [""]
            h = max(40, 11 * len(lines) + 8)
        elif it.tkind == "address":
            h = 11 * max(3, len(it.lines)) + 6
        else:
            h = 15
        box(x, by - h, w, h)
        rec = dict(page=page[0], name=fname_for(it.label), type="text", rect=(x, by - h, x + w, by),
                   value="\r".join(it.lines) if it.tkind == "address" else ("\r\r".join(it.lines) if it.tkind == "long" else (it.lines[0] if it.lines else "")),
                   multiline=it.tkind in ("long", "address"), tip=it.label)
        if it.tkind == "date" and not it.filler:
            fmt, st_ = ACRO_DATE[base_style(it, S)]
            rec["datefmt"] = fmt
            if it.date is not None:
                rec["value"] = fmt_date(it.date, st_)
        fields.append(rec)
        return lh + h + 6

    def heading(txt):
        need(40)
        y[0] -= 8
        c.setFillColor(hexcol(S["colour"]))
        c.rect(M, y[0] - 16, width, 16, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(bold(fam), 10)
        c.drawString(M + 4, y[0] - 11.5, txt)
        c.setFillColor(colors.black)
        y[0] -= 22

    gap = 12
    colw = (width - gap) / 2
    last_head = None
    for sec in spec.sections:
        head, sub = section_heading(spec, sec)
        if sec.kind != "child" or head != last_head:
            heading(head)
            last_head = head if sec.kind == "child" else None
        if sub:
            need(30)
            c.setFont(bold(fam), 9.5)
            y[0] -= 10
            c.drawString(M, y[0], sub)
            y[0] -= 6
        if sec.kind == "agencies":
            cols = sec.cols
            c.setFont(fam, 8.5)
            need(20)
            y[0] -= 10
            c.drawString(M, y[0], S["agency_title"])
            y[0] -= 6
            base = {"name": 2, "agency": 3, "contact": 3, "role": 2}
            tot = sum(base[f] for f, _ in cols)
            ws = [width * base[f] / tot for f, _ in cols]
            nrows = max(5, len(sec.rows) + 1)
            need(16 + 18 * min(nrows, 3))
            x = M
            for (f, lbl), wdt in zip(cols, ws):
                c.setFillColor(colors.HexColor("#" + S["light"]))
                c.rect(x, y[0] - 14, wdt, 14, stroke=1, fill=1)
                c.setFillColor(colors.black)
                c.setFont(bold(fam), 8)
                c.drawString(x + 3, y[0] - 10, lbl)
                x += wdt
            y[0] -= 14
            for rix in range(nrows):
                need(18)
                x = M
                r = sec.rows[rix] if rix < len(sec.rows) else None
                for (f, lbl), wdt in zip(cols, ws):
                    box(x, y[0] - 18, wdt, 18)
                    nm = f"{camel(lbl)}Row{rix + 1}"
                    fields.append(dict(page=page[0], name=nm, type="text", rect=(x, y[0] - 18, x + wdt, y[0]),
                                       value=(r["cells"].get(f, "") if r else ""), multiline=False, tip=f"{lbl} row {rix + 1}"))
                    x += wdt
                y[0] -= 18
            y[0] -= 4
            continue
        row = []
        items = list(sec.items)
        k = 0
        while k < len(items):
            it = items[k]
            if is_wide(it, limit=52) or it.kind == "choice" and it.ckind == "yn" and len(" ".join(it.options)) > 28:
                est = 60 if it.tkind == "long" else 40
                if it.tkind == "long" and it.lines:
                    est = 30 + 11 * len(wrap("\n\n".join(it.lines), "Helvetica", fsz, width - 6))
                need(min(est, 500))
                y[0] -= place_item(it, M, width, y[0])
                k += 1
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and (is_wide(nxt, limit=52) or nxt.kind == "choice" and nxt.ckind == "yn" and len(" ".join(nxt.options)) > 28):
                nxt = None
            need(45)
            h1 = place_item(it, M, colw, y[0])
            h2 = place_item(nxt, M + colw + gap, colw, y[0]) if nxt else 0
            y[0] -= max(h1, h2)
            k += 2 if nxt else 1

    # signature
    need(70)
    heading("Declaration")
    c.setFont(fam, 8.5)
    y[0] -= 4
    c.drawString(M, y[0], "I confirm that the information given is accurate to the best of my knowledge.")
    y[0] -= 6
    ref_item = next((it for sec in spec.sections for it in sec.items if it.lkey == "date_of_referral"), None)
    for lbl, val in (("Print name", spec.ref_name), ("Date", ref_item.lines[0] if ref_item and ref_item.lines else "")):
        c.setFont(bold(fam), 8)
        c.drawString(M, y[0] - 11, lbl)
        box(M + 70, y[0] - 15, 200, 14)
        fields.append(dict(page=page[0], name=fname_for("Signature " + lbl), type="text", rect=(M + 70, y[0] - 15, M + 270, y[0] - 1),
                           value=val, multiline=False, tip=lbl))
        y[0] -= 18
    c.showPage()
    c.save()
    base_pdf = normalise_reportlab(buf.getvalue(), spec.ref_date, fname)

    # ---- add the AcroForm with pypdf
    reader = PdfReader(io.BytesIO(base_pdf))
    writer = PdfWriter(clone_from=reader)
    helv = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    zadb = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/ZapfDingbats")})
    helv_ref = writer._add_object(helv)
    zadb_ref = writer._add_object(zadb)
    dr = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv_ref, NameObject("/ZaDb"): zadb_ref})})

    def stream(content: bytes, bbox, fonts=True):
        s = StreamObject()
        s[NameObject("/Type")] = NameObject("/XObject")
        s[NameObject("/Subtype")] = NameObject("/Form")
        s[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in bbox])
        if fonts:
            s[NameObject("/Resources")] = dr
        s._data = content
        return writer._add_object(s)

    def pdfstr(t):
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")

    def text_ap(value, w, h, multiline):
        out = b"/Tx BMC q 1 1 " + f"{w - 2:.2f} {h - 2:.2f}".encode() + b" re W n BT /Helv " + str(fsz).encode() + b" Tf 0 g "
        if multiline:
            lines = wrap(value.replace("\r", "\n"), "Helvetica", fsz, w - 6)
            yy = h - 2 - fsz
            for ln in lines:
                out += f"1 0 0 1 3 {yy:.2f} Tm (".encode() + pdfstr(ln) + b") Tj "
                yy -= fsz * 1.15
        else:
            size = fsz
            tw = pdfmetrics.stringWidth(value, "Helvetica", 1)
            if tw * size > w - 6:
                size = max(5.5, (w - 6) / tw)
            out = out.replace(b"/Helv " + str(fsz).encode() + b" Tf", f"/Helv {size:.2f} Tf".encode())
            out += f"1 0 0 1 3 {(h - size) / 2 + 1.5:.2f} Tm (".encode() + pdfstr(value) + b") Tj "
        return out + b"ET Q EMC"

    annots_by_page = {}
    acro_fields = ArrayObject()
    for f in fields:
        pg = writer.pages[f["page"]]
        if f["type"] == "radio":
            parent = DictionaryObject({NameObject("/FT"): NameObject("/Btn"), NameObject("/T"): TextStringObject(f["name"]),
                                       NameObject("/Ff"): NumberObject(49152),
                                       NameObject("/V"): NameObject("/" + f["value"]) if f["value"] else NameObject("/Off")})
            if tooltips:
                parent[NameObject("/TU")] = TextStringObject(f["tip"])
            pref = writer._add_object(parent)
            kids = ArrayObject()
            for rect, export in f["kids"]:
                x1, y1, x2, y2 = rect
                w, h = x2 - x1, y2 - y1
                on = stream(b"q 0 g BT /ZaDb 7 Tf 1.6 1.8 Td (l) Tj ET Q", [0, 0, w, h])
                off = stream(b"", [0, 0, w, h], fonts=False)
                wid = DictionaryObject({
                    NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]), NameObject("/F"): NumberObject(4),
                    NameObject("/Parent"): pref, NameObject("/P"): pg.indirect_reference,
                    NameObject("/MK"): DictionaryObject({NameObject("/BC"): ArrayObject([FloatObject(0)]),
                                                         NameObject("/CA"): TextStringObject("l")}),
                    NameObject("/AP"): DictionaryObject({NameObject("/N"): DictionaryObject({NameObject("/" + export): on, NameObject("/Off"): off})}),
                    NameObject("/AS"): NameObject("/" + export) if f["value"] == export else NameObject("/Off"),
                })
                wref = writer._add_object(wid)
                kids.append(wref)
                annots_by_page.setdefault(f["page"], []).append(wref)
            parent[NameObject("/Kids")] = kids
            acro_fields.append(pref)
            continue
        x1, y1, x2, y2 = f["rect"]
        w, h = x2 - x1, y2 - y1
        d = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in f["rect"]]), NameObject("/F"): NumberObject(4),
            NameObject("/T"): TextStringObject(f["name"]), NameObject("/P"): pg.indirect_reference,
            NameObject("/DA"): TextStringObject(f"/Helv {fsz} Tf 0 g" if f.get("multiline") else "/Helv 0 Tf 0 g"),
            NameObject("/MK"): DictionaryObject({NameObject("/BG"): ArrayObject([FloatObject(0.9), FloatObject(0.94), FloatObject(1.0)])}),
        })
        if tooltips:
            d[NameObject("/TU")] = TextStringObject(f["tip"])
        if f["type"] == "combo":
            d[NameObject("/FT")] = NameObject("/Ch")
            d[NameObject("/Ff")] = NumberObject(131072)
            d[NameObject("/Opt")] = ArrayObject([TextStringObject(o) for o in f["opts"]])
            d[NameObject("/V")] = TextStringObject(f["value"])
            ap = text_ap(f["value"].strip(), w, h, False)
        else:
            d[NameObject("/FT")] = NameObject("/Tx")
            if f.get("multiline"):
                d[NameObject("/Ff")] = NumberObject(4096)
            if f["value"]:
                d[NameObject("/V")] = TextStringObject(f["value"])
            if f.get("datefmt"):
                fmt = f["datefmt"]
                d[NameObject("/AA")] = DictionaryObject({
                    NameObject("/F"): DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                                        NameObject("/JS"): TextStringObject(f'AFDate_FormatEx("{fmt}");')}),
                    NameObject("/K"): DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                                        NameObject("/JS"): TextStringObject(f'AFDate_KeystrokeEx("{fmt}");')})})
            ap = text_ap(f["value"], w, h, f.get("multiline"))
        d[NameObject("/AP")] = DictionaryObject({NameObject("/N"): stream(ap, [0, 0, w, h])})
        ref = writer._add_object(d)
        annots_by_page.setdefault(f["page"], []).append(ref)
        acro_fields.append(ref)
    for p, refs in annots_by_page.items():
        writer.pages[p][NameObject("/Annots")] = ArrayObject(refs)
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(DictionaryObject({
        NameObject("/Fields"): acro_fields, NameObject("/DR"): dr, NameObject("/DA"): TextStringObject("/Helv 0 Tf 0 g"),
        NameObject("/NeedAppearances"): BooleanObject(False)}))
    digest = hashlib.md5(("p27:" + fname).encode()).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    writer.add_metadata({"/Producer": info["producer"], "/Creator": info["creator"], "/Title": S["title"],
                         "/CreationDate": pdf_date(spec.ref_date, 8, 30).decode(),
                         "/ModDate": pdf_date(spec.ref_date, 11 + spec.ref_date.day % 5, 5).decode()})
    out = io.BytesIO()
    writer.write(out)
    info["fields"] = len(acro_fields)
    info["pages"] = len(writer.pages)
    return out.getvalue(), info


# ----------------------------------------------------------------------------------------------------------------
# Q-LIBRE: the O-AUTONUM Word form exported to PDF by LibreOffice Writer (run in make_forms); normalisation here

def normalise_libre(data: bytes, ref_date, name: str) -> bytes:
    """Replace LibreOffice's run-dependent bytes (dates, /ID pair, /DocChecksum) with same-length values."""
    digest = hashlib.md5(("p27:" + name).encode()).hexdigest().upper().encode()
    stamp = pdf_date(ref_date, 14, 7)[:16]  # D:YYYYMMDDHHMMSS
    data = re.sub(rb"/CreationDate\(D:\d{14}", lambda m: b"/CreationDate(" + stamp, data)
    data = re.sub(rb"/ModDate\(D:\d{14}", lambda m: b"/ModDate(" + stamp, data)

    def same_len(h):
        return (digest * 4)[:len(h)]
    data = re.sub(rb"/ID \[ <([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> \]",
                  lambda m: b"/ID [ <" + same_len(m.group(1)) + b">" + m.group(2) + b"<" + same_len(m.group(3)) + b"> ]", data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + same_len(m.group(1)), data)
    return data
