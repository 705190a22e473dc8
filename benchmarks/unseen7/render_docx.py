"""unseen7 Word layouts: W-TBOX, W-BAND, W-INK, W-LEADER (W-INK / W-LEADER are also printed by LibreOffice)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FIXED = dt.datetime(2026, 1, 5, 9, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def answer_words(f) -> list[str]:
    """The answer as plain text lines ('' list = blank)."""
    if f.kind in ("text", "date"):
        return [f.text] if f.text else []
    if f.kind in ("lines", "paras"):
        return list(f.lines)
    if f.kind == "yesno":
        if f.value is True:
            return [f.options[0]]
        if f.value is False:
            return [f.options[1]]
        return [f.options[2]] if f.unk_chosen else []
    if f.kind == "choice":
        if f.value is None:
            return []
        return [getattr(f, "other_text", "") or f.options[f.value]]
    return []


def chosen_index(f):
    if f.kind == "yesno":
        return 0 if f.value is True else 1 if f.value is False else (2 if f.unk_chosen else None)
    return f.value


def new_doc(v, look, landscape=False):
    doc = Document()
    cp = doc.core_properties
    cp.author = v["org"][:40]
    cp.last_modified_by = "Safeguarding Admin"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    cp.title = v["title"]
    st = doc.styles["Normal"]
    st.font.name = look["font"]
    st.font.size = Pt(10)
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(2)
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    hp = sec.header.paragraphs[0]
    hp.text = f"{v['marking']}\t\t{v['formref']}"
    fp = sec.footer.paragraphs[0]
    fp.text = look["footer"]
    if look.get("header2"):
        sec.header.add_paragraph(look["header2"])
    return doc


def title_block(doc, v, look):
    p = doc.add_paragraph()
    r = p.add_run(v["org"])
    r.bold = True
    r.font.size = Pt(11)
    p = doc.add_paragraph()
    r = p.add_run(v["title"])
    r.bold = True
    r.font.size = Pt(14)
    doc.add_paragraph(f"To: {v['partnership']}")
    g = doc.add_paragraph(look["guidance"])
    for r in g.runs:
        r.font.size = Pt(8.5)
        r.italic = True


def shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml(f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def set_cell_text(cell, lines, bold=False, size=None, color=None, italic=False):
    cell.text = ""
    first = True
    for ln in (lines or [""]):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        r = p.add_run(ln)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)


def agencies_table(doc, f, look, header_fill="D9D9D9", spare=2):
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for i, c in enumerate(f.cols):
        set_cell_text(t.rows[0].cells[i], [c], bold=True)
        shade(t.rows[0].cells[i], header_fill)
    for name, ag, contact in f.rows:
        cells = t.add_row().cells
        set_cell_text(cells[0], [name or ""])
        set_cell_text(cells[1], [ag])
        set_cell_text(cells[2], [contact])
    for _ in range(spare):
        t.add_row()
    if not f.rows and look.get("none_text"):
        set_cell_text(t.rows[1].cells[0], [look["none_text"]])
    return t


def glyph_options(f, on="\u2612", off="\u2610"):
    ci = chosen_index(f)
    opts = f.options if f.kind == "choice" else f.options
    out = []
    for i, o in enumerate(opts):
        lab = getattr(f, "other_text", "") if (f.kind == "choice" and i == ci and getattr(f, "other_text", "")) else o
        out.append(f"{on if i == ci else off} {lab}")
    return out


# ------------------------------------------------------------------ W-TBOX
def _txbx_xml(n, x_emu, w_emu, lines, beside=True):
    h_emu = int(Cm(0.62) * max(1, len(lines)) + Cm(0.25))
    paras = "".join(
        f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:sz w:val="19"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(ln)}</w:t></w:r></w:p>' for ln in (lines or [""]))
    ptx = round(x_emu / 12700, 1)
    ptw = round(w_emu / 12700, 1)
    pth = round(h_emu / 12700, 1)
    return (
        f'<w:r xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + n}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{w_emu}" cy="{h_emu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        + ('<wp:wrapNone/>' if beside else '<wp:wrapTopAndBottom/>') +
        f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{w_emu}" cy="{h_emu}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="72000" tIns="36000" rIns="72000" bIns="36000" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="Text Box {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{ptx}pt;margin-top:0;width:{ptw}pt;height:{pth}pt;z-index:{n};'
        'visibility:visible;mso-wrap-style:square" fillcolor="white" strokecolor="#7f7f7f" strokeweight=".5pt">'
        f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
        + ('' if beside else '<w10:wrap xmlns:w10="urn:schemas-microsoft-com:office:word" type="topAndBottom"/>')
        + '</v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>')


def render_tbox(sections, v, look):
    doc = new_doc(v, look)
    title_block(doc, v, look)
    n = 1
    for s in sections:
        h = doc.add_paragraph()
        r = h.add_run(s.title)
        r.bold = True
        r.font.size = Pt(11.5)
        r.font.color.rgb = RGBColor.from_string("1F3864")
        for f in s.fields:
            if f.kind == "agencies":
                agencies_table(doc, f, look, header_fill="DEEAF6")
                continue
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(4)
            lines = answer_words(f)
            wide = f.wide or f.kind in ("paras",) or len(" ".join(lines)) > 60 or len(f.label) > 40
            if wide:
                # label paragraph, then an empty anchor paragraph carrying the full-width box
                p.add_run(f.label)
                p2 = doc.add_paragraph()
                p2._p.append(parse_xml(_txbx_xml(n, 0, int(Cm(16.5)), lines, beside=False)))
            else:
                # the box is anchored at the START of the label's paragraph, so in the XML it comes first
                p._p.append(parse_xml(_txbx_xml(n, int(Cm(7.6)), int(Cm(9)), lines)))
                p.paragraph_format.space_after = Pt(18 * max(1, len(lines)) - 4)
                p.add_run(f.label)
                if f.kind == "yesno" and look["tbox_hint"]:
                    hr = p.add_run(f"  ({' / '.join(f.options)})")
                    hr.font.size = Pt(8)
                    hr.font.color.rgb = RGBColor.from_string("808080")
            n += 1
    doc.add_paragraph("For partnership use only - Date received: ______  Ref: ______")
    return doc, {}


# ------------------------------------------------------------------ W-BAND
def render_band(sections, v, look):
    doc = new_doc(v, look)
    title_block(doc, v, look)
    ncol = 3
    for s in sections:
        if len(s.fields) == 1 and s.fields[0].kind == "agencies":
            hp = doc.add_paragraph()
            hr = hp.add_run(s.title)
            hr.bold = True
            agencies_table(doc, s.fields[0], look, header_fill=look["band_fill"])
            doc.add_paragraph()
            continue
        t = doc.add_table(rows=1, cols=ncol)
        t.style = "Table Grid"
        hc = t.rows[0].cells[0].merge(t.rows[0].cells[ncol - 1])
        set_cell_text(hc, [s.title.upper() if look["caps_heads"] else s.title], bold=True, color="FFFFFF")
        shade(hc, look["head_fill"])
        # bands: up to 3 short fields per band, long ones alone
        bands, cur = [], []
        for f in s.fields:
            long = f.wide or f.kind in ("paras", "lines") or (f.kind == "choice" and len(f.options) > 3 and look["glyphs"])
            if long or (f.kind == "yesno" and len(f.label) > 45):
                if cur:
                    bands.append(cur)
                    cur = []
                bands.append([f])
            else:
                cur.append(f)
                if len(cur) == ncol:
                    bands.append(cur)
                    cur = []
        if cur:
            bands.append(cur)
        for band in bands:
            lr = t.add_row().cells
            ar = t.add_row().cells
            if len(band) == 1:
                lc = lr[0].merge(lr[ncol - 1])
                ac = ar[0].merge(ar[ncol - 1])
                pairs = [(lc, ac, band[0])]
            else:
                pairs = []
                for i, f in enumerate(band):
                    if i == len(band) - 1 and len(band) < ncol:
                        pairs.append((lr[i].merge(lr[ncol - 1]), ar[i].merge(ar[ncol - 1]), f))
                    else:
                        pairs.append((lr[i], ar[i], f))
            for lc, ac, f in pairs:
                set_cell_text(lc, [f.label], bold=True, size=8)
                shade(lc, look["band_fill"])
                if f.kind in ("yesno", "choice") and look["glyphs"]:
                    opts = glyph_options(f, *look["glyph_pair"])
                    set_cell_text(ac, ["   ".join(opts)] if f.kind == "yesno" or len(opts) <= 3 else opts)
                else:
                    set_cell_text(ac, answer_words(f))
        doc.add_paragraph()
    doc.add_paragraph("Signature of referrer: ______________________")
    return doc, {}


# ------------------------------------------------------------------ W-INK
FOOTNOTE_KEYS = {"date_of_referral": "Enter dates as dd/mm/yyyy, e.g. 01/01/2015.",
                 "ref.email": "Use a secure address where possible, e.g. firstname.surname@nhs.net.",
                 "ref.phone": "A direct line, not a switchboard, e.g. 0114 496 0000.",
                 "ch.dob": "For an unborn child give the expected date of delivery, e.g. 14/02/2026.",
                 "ch.age": "Only if the date of birth is not known, e.g. 'about 4'.",
                 "inc.date_la_aware": "The date children's social care first knew of the incident.",
                 "panel": "The local authority notifies the national Panel within five working days.",
                 "ch.address": "Include the postcode, e.g. 1 High Street, Anytown AB1 2CD."}


def render_ink(sections, v, look):
    doc = new_doc(v, look)
    title_block(doc, v, look)
    ink = RGBColor.from_string(look["ink"])
    notes = []  # footnote texts; runs get placeholders replaced after save

    def label_run(p, f, suffix=": "):
        p.add_run(f.label).bold = look["bold_labels"]
        if f.key in FOOTNOTE_KEYS and look["footnotes"]:
            notes.append(FOOTNOTE_KEYS[f.key].replace("nhs.net", v["sdomain"]))
            p.add_run(f"@@FN{len(notes)}@@")
        p.add_run(suffix)

    def ink_run(p, text):
        r = p.add_run(text)
        r.italic = True
        r.font.color.rgb = ink
        if look["ink_font"]:
            r.font.name = look["ink_font"]
        return r

    sec = doc.sections[0]
    tabpos = Cm(8.8)
    for s in sections:
        hp = doc.add_paragraph()
        hr = hp.add_run(s.title)
        hr.bold = True
        hr.underline = True
        pending = None
        for f in s.fields + [None]:
            short = f is not None and f.kind in ("text", "date", "yesno", "choice") and not f.wide \
                and len(f.label) < 30 and len(" ".join(answer_words(f))) < 28
            if pending is not None and (f is None or not short):
                p = doc.add_paragraph()
                label_run(p, pending)
                ink_run(p, " ".join(answer_words(pending)))
                pending = None
            if f is None:
                break
            if short and look["two_up"]:
                if pending is None:
                    pending = f
                    continue
                p = doc.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(tabpos)
                label_run(p, pending)
                ink_run(p, " ".join(answer_words(pending)))
                p.add_run("\t")
                label_run(p, f)
                ink_run(p, " ".join(answer_words(f)))
                pending = None
                continue
            if f.kind == "agencies":
                if f.rows:
                    agencies_table(doc, f, look, spare=0)
                else:
                    p = doc.add_paragraph()
                    ink_run(p, look["none_text"] or "")
                continue
            words = answer_words(f)
            if f.kind in ("lines", "paras") or (f.kind == "choice" and len(f.options) > 3 and not words):
                p = doc.add_paragraph()
                label_run(p, f, suffix=":")
                for w in words:
                    q = doc.add_paragraph()
                    q.paragraph_format.left_indent = Cm(0.75)
                    q.paragraph_format.space_after = Pt(2 if f.kind == "lines" else 6)
                    ink_run(q, w)
                continue
            p = doc.add_paragraph()
            label_run(p, f, suffix=" " if f.label.endswith("?") else ": ")
            if f.kind == "yesno" and look["yn_hint"]:
                hr = p.add_run(f"({'/'.join(f.options[:2])}) ")
                hr.font.size = Pt(8)
            ink_run(p, " ".join(words))
    doc.add_paragraph()
    doc.add_paragraph("Signed: ....................................   Date: ..................")
    return doc, {"footnotes": notes}


# ------------------------------------------------------------------ W-LEADER
def render_leader(sections, v, look):
    doc = new_doc(v, look)
    title_block(doc, v, look)
    tab = Cm(9.2)
    letter = 0
    child_no = 0
    part_starts = {0: "PART 1", max(1, len(sections) // 2): "PART 2"}
    last_child_letter = None
    for si, s in enumerate(sections):
        if si in part_starts:
            pp = doc.add_paragraph()
            pr = pp.add_run(f"{part_starts[si]} - {'About the referral' if si == 0 else 'Further details'}")
            pr.bold = True
            pr.font.size = Pt(12)
        is_child = getattr(s, "kind", "") == "child"
        if is_child and last_child_letter is not None:
            child_no += 1
            L = last_child_letter
        else:
            letter += 1
            L = chr(64 + letter)
            child_no = 1
            if is_child:
                last_child_letter = L
        if not is_child:
            last_child_letter = None if not is_child else last_child_letter
        hp = doc.add_paragraph()
        hr = hp.add_run(f"Section {L}{'' if not is_child else f'.{child_no}'} - {s.title}")
        hr.bold = True
        for qi, f in enumerate(s.fields, 1):
            code = f"{L}{child_no}.{qi}"
            if f.kind == "agencies":
                p = doc.add_paragraph(f"{code}\t{f.label}")
                agencies_table(doc, f, look, spare=1)
                continue
            p = doc.add_paragraph()
            pf = p.paragraph_format
            pf.tab_stops.add_tab_stop(Cm(1.4))
            pf.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
            pf.left_indent = Cm(1.4)
            pf.first_line_indent = Cm(-1.4)
            pf.space_after = Pt(3)
            p.add_run(f"{code}\t{f.label}")
            words = answer_words(f)
            if f.kind in ("yesno", "choice") and look["highlight"]:
                p.add_run("\t")
                ci = chosen_index(f)
                opts = f.options
                for i, o in enumerate(opts):
                    if i:
                        p.add_run(" / ")
                    r = p.add_run(o)
                    if i == ci:
                        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
                if f.kind == "choice" and getattr(f, "other_text", "") and ci is not None:
                    p.add_run("   " + f.other_text)
                continue
            if f.kind == "paras":
                for w in words:
                    q = doc.add_paragraph(w)
                    q.paragraph_format.left_indent = Cm(1.4)
                    q.paragraph_format.space_after = Pt(5)
                if not words:
                    q = doc.add_paragraph("")
                    q.paragraph_format.left_indent = Cm(1.4)
                continue
            p.add_run("\t" + (words[0] if words else ""))
            for w in words[1:]:
                q = doc.add_paragraph(w)
                q.paragraph_format.left_indent = tab
                q.paragraph_format.space_after = Pt(2)
    return doc, {}


RENDER = {"W-TBOX": render_tbox, "W-BAND": render_band, "W-INK": render_ink, "W-LEADER": render_leader,
          "L-INK": render_ink, "L-LEADER": render_leader}


# ------------------------------------------------------------------ saving with fixed bytes
FOOTNOTES_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')


def _footnote(i, text):
    return (f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')


def save_docx(doc, extra) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    order = [i.filename for i in zin.infolist()]
    notes = extra.get("footnotes") or []
    if notes:
        xml = parts["word/document.xml"].decode("utf-8")

        def fn(m):
            i = int(m.group(1))
            return ('</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{i}"/></w:r><w:r><w:t xml:space="preserve">')

        xml = re.sub(r"@@FN(\d+)@@", fn, xml)
        xml = xml.replace('<w:r><w:t xml:space="preserve"></w:t></w:r>', "").replace(
            '<w:r><w:t></w:t></w:r>', "")
        parts["word/document.xml"] = xml.encode("utf-8")
        parts["word/footnotes.xml"] = (FOOTNOTES_HEAD + "".join(_footnote(i + 1, t) for i, t in enumerate(notes))
                                       + "</w:footnotes>").encode("utf-8")
        order.append("word/footnotes.xml")
        rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
        rels = rels.replace("</Relationships>",
                            '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships/footnotes" Target="footnotes.xml"/></Relationships>')
        parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
        ct = parts["[Content_Types].xml"].decode("utf-8")
        ct = ct.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
        parts["[Content_Types].xml"] = ct.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, parts[name])
    return out.getvalue()
