"""The five Word layouts of unseen26 (see README.md, 'Layouts')."""

from __future__ import annotations

import datetime as dt
import math

from common import (agency_cols, agency_rows, answer_text, child_items, footer_text, guidance_text, items,
                    label_with_hint, other_sep, present_sections, section_title)
from model import FV, fmt_date, section_keys
from wml import (REL_CUSTOMXML, TEXT_W, add_header_footer, app_xml, base_package, borders_xml, core_xml,
                 document_xml, esc, fld_simple, page_break, para, rpr, run, sect_pr, tbl, tc, tpara, tr)

EMU_PER_TWIP = 635


# ------------------------------------------------------------------------------------ shared bits
def header_footer(pkg, case, color="C00000"):
    s = case.s
    h = (para(run(s["marking"], b=True, color=color, sz=9), style="Header") +
         para(run(s["partnership"], sz=8, color="595959"), style="Header", jc="right"))
    f = para(run(footer_text(case), sz=8) + run("\tPage ", sz=8) + fld_simple("PAGE", "1", sz=8) +
             run(" of ", sz=8) + fld_simple("NUMPAGES", "3", sz=8), style="Footer")
    return add_header_footer(pkg, h, f)


def core_props(case, pkg, title=None, subject=None, creator=None, modified_by=None, company=None, manager=None,
               template="Normal.dotm"):
    d = case.dates["ref"]
    stamp = f"{d.isoformat()}T{9 + case.rng.randrange(0, 8):02d}:{case.rng.randrange(0, 60):02d}:00Z"
    created = f"{(d - dt.timedelta(days=case.rng.randrange(0, 3))).isoformat()}T08:{case.rng.randrange(10, 59)}:00Z"
    rn = case.fields["ref.name"].truth or ""
    pkg.add("docProps/core.xml", core_xml(title or case.s["form_title"], subject or case.s["partnership"],
                                          creator if creator is not None else rn,
                                          modified_by if modified_by is not None else rn, created, stamp))
    pkg.add("docProps/app.xml", app_xml(company if company is not None else case.s["org_short"],
                                        manager, template=template))


def answer_paras(fv: FV, sep=" - ", lines_as_paras=False, **rkw) -> str:
    """An answer cell's paragraphs."""
    pk = {"after": 0}
    if fv.filler is not None:
        return tpara(fv.filler, pk, **rkw)
    if fv.kind == "paras" and fv.display:
        return "".join(tpara(p, {"after": 80}, **rkw) for p in fv.display)
    if fv.kind == "lines" and fv.display:
        if lines_as_paras:
            return "".join(tpara(x, pk, **rkw) for x in fv.display)
        return tpara("\n".join(fv.display), pk, **rkw)
    t = answer_text(fv, sep)
    return tpara(t, pk, **rkw) if t else para("", after=0)


def glyph_line(fv: FV, on="☒", off="☐", font="MS Gothic", sep=" - ", gap="  ", **rkw) -> str:
    out = ""
    for i, opt in enumerate(fv.options):
        mark = on if fv.chosen == i else off
        out += run(mark, font=font) + run(" " + opt + (gap if i < len(fv.options) - 1 else ""), **rkw)
    return para(out, after=0)


def glyph_list(fv: FV, on="☒", off="☐", font="MS Gothic", sep=": ", **rkw) -> str:
    out = ""
    for i, opt in enumerate(fv.options):
        mark = on if fv.chosen == i else off
        txt = " " + opt
        if fv.chosen == i and fv.details:
            txt += sep + fv.details
        out += para(run(mark, font=font) + run(txt, **rkw), after=0)
    return out


def title_block(case, style="Title") -> str:
    s = case.s
    return (tpara(s["form_title"], {"style": style}) +
            tpara(f"{s['partnership']} ({s['p_short']})", {"after": 60}, b=True, sz=11) +
            tpara(f"Completed by: {s['org']}", {"after": 120}, sz=9, color="595959"))


def guidance_para(case, size=9) -> str:
    return tpara(guidance_text(case), {"after": 160}, i=True, sz=size, color="404040")


def kv_rows(pairs, widths, light, sep, hints, case, rkw_label=None, rkw_ans=None, glyphs=None):
    rows = []
    rkw_label = rkw_label or {}
    rkw_ans = rkw_ans or {}
    for key, label, fv in pairs:
        lab = label_with_hint(case, key, label, hints)
        if glyphs and fv.kind == "choice":
            on, off, font = glyphs
            if key == "inc.type":
                content = glyph_list(fv, on, off, font, sep, **rkw_ans)
            else:
                content = glyph_line(fv, on, off, font, **rkw_ans)
        else:
            content = answer_paras(fv, sep, **rkw_ans)
        if fv.kind == "paras" or key in ("crit.reason", "concerns"):
            rows.append(tr([tc(tpara(lab, {"after": 0}, b=True, sz=9, **rkw_label), sum(widths), 2, fill=light)]))
            rows.append(tr([tc(content, sum(widths), 2)]))
        else:
            rows.append(tr([tc(tpara(lab, {"after": 0}, b=True, sz=9, **rkw_label), widths[0], fill=light),
                            tc(content, widths[1])]))
    return rows


def title_row(title, total, dark, span=2, fg="FFFFFF"):
    return tr([tc(tpara(title, {"after": 0}, b=True, color=fg, sz=10), total, span, fill=dark)])


def agency_table(case, widths, dark, light, title=True):
    s = case.s
    cols = agency_cols(case)
    rows = []
    if title:
        rows.append(title_row(s["labels"]["agencies"], sum(widths), dark, 3))
    rows.append(tr([tc(tpara(c, {"after": 0}, b=True, sz=9), w, fill=light) for c, w in zip(cols, widths)],
                   header=True))
    for row in agency_rows(case):
        rows.append(tr([tc(tpara(x, {"after": 0}, sz=9), w) for x, w in zip(row, widths)]))
    rows.append(tr([tc(para("", after=0), w) for w in widths]))
    return tbl(rows, widths)


def decoy_table(case, widths, dark, light):
    rows = [title_row(case.s["sections"]["decoys"], sum(widths), dark)]
    for label, value in case.decoys:
        rows.append(tr([tc(tpara(label, {"after": 0}, b=True, sz=9), widths[0], fill=light),
                        tc(tpara(value, {"after": 0}), widths[1])]))
    return tbl(rows, widths)


def pick_colours(rng):
    return rng.choice([("1F3864", "DCE6F1"), ("2E5E4E", "E2EFDA"), ("5B2C6F", "EDE7F6"), ("7A3B12", "FCE4D6"),
                       ("0B4F6C", "DDEFF6"), ("404040", "EDEDED")])


def finish(pkg, case, body, hid, fid, path, landscape=False, title_pg=False, first_ids=None):
    hdrs = {"default": hid}
    ftrs = {"default": fid}
    if first_ids:
        hdrs["first"], ftrs["first"] = first_ids
    sect = sect_pr(hdrs, ftrs, landscape=landscape, title_pg=title_pg)
    pkg.add("word/document.xml", document_xml(body, sect))
    pkg.write(path)


# ==================================================================================== W-SIBSPAN
MERGEABLE = {"c.last", "c.dob", "c.ethnicity", "c.address", "c.school", "c.gp", "c.legal_status", "c.cp_plan",
             "c.open_to_csc", "c.looked_after", "c.disability", "c.date_of_death", "cdecoy"}


def _disp_key(fv: FV):
    if fv.filler is not None:
        return ("F", fv.filler)
    if fv.kind == "choice":
        return None if fv.chosen is None else ("C", fv.chosen)
    if fv.display in (None, "", []):
        return None
    if isinstance(fv.display, list):
        return ("L", tuple(fv.display))
    return ("T", fv.display)


def render_sibspan(case, path, rng) -> dict:
    s = case.s
    pkg = base_package(font=rng.choice(["Arial", "Calibri", "Verdana"]), size=10)
    core_props(case, pkg)
    hid, fid = header_footer(pkg, case)
    dark, light = pick_colours(rng)
    sep = other_sep(rng)
    body = [title_block(case), guidance_para(case)]
    lw = 3300
    widths = [lw, TEXT_W - lw]
    n = len(case.children)
    merges = 0
    merged_keys = set()
    for sec in present_sections(case):
        if sec == "child":
            k = max(2, n)
            cw = (TEXT_W - 2500) // k
            gw = [2500] + [cw] * k
            total = sum(gw)
            rows = [title_row(section_title(case, "child"), total, dark, k + 1)]
            rows.append(tr([tc(tpara("", {"after": 0}), gw[0], fill=light)] +
                           [tc(tpara(f"Child {j + 1}", {"after": 0, "jc": "center"}, b=True, sz=9), cw, fill=light)
                            for j in range(k)], header=True))
            per_child = [child_items(case, j) for j in range(n)]
            use_merge = {key: rng.random() < 0.85 for key in sorted(MERGEABLE)}
            for r_i, (key, label, _) in enumerate(per_child[0]):
                lab = label_with_hint(case, key, label, True)
                cells = [tc(tpara(lab, {"after": 0}, b=True, sz=9), gw[0], fill=light)]
                j = 0
                while j < n:
                    fv = per_child[j][r_i][2]
                    span = 1
                    if key in MERGEABLE and use_merge[key]:
                        dk = _disp_key(fv)
                        while dk is not None and j + span < n and _disp_key(per_child[j + span][r_i][2]) == dk:
                            span += 1
                    if span > 1:
                        merges += 1
                        merged_keys.add(key)
                    cells.append(tc(answer_paras(fv, sep, sz=9), cw * span, span))
                    j += span
                for _ in range(n, k):
                    cells.append(tc(para("", after=0), cw))
                rows.append(tr(cells, cant_split=True))
            body.append(tbl(rows, gw))
        elif sec == "agencies":
            cols = agency_cols(case)
            ag = agency_rows(case)
            chunks = [ag[i:i + 4] for i in range(0, len(ag), 4)] or [[]]
            for ci, chunk in enumerate(chunks):
                ncol = len(chunk) + (1 if len(chunk) < 4 else 0)
                ncol = max(ncol, 2)
                aw = (TEXT_W - 2200) // ncol
                gw = [2200] + [aw] * ncol
                title = s["labels"]["agencies"] + (" (continued)" if ci else "")
                rows = [title_row(title, sum(gw), dark, ncol + 1)]
                rows.append(tr([tc(tpara("", {"after": 0}), gw[0], fill=light)] +
                               [tc(tpara(str(ci * 4 + j + 1), {"after": 0, "jc": "center"}, b=True, sz=9), aw,
                                   fill=light) for j in range(ncol)]))
                for ri, cname in enumerate(cols):
                    cells = [tc(tpara(cname, {"after": 0}, b=True, sz=9), gw[0], fill=light)]
                    for j in range(ncol):
                        val = chunk[j][ri] if j < len(chunk) else ""
                        cells.append(tc(tpara(val, {"after": 0}, sz=9), aw))
                    rows.append(tr(cells))
                body.append(tbl(rows, gw))
                body.append(para("", after=60))
        elif sec == "decoys":
            body.append(decoy_table(case, widths, dark, light))
        else:
            pairs = items(case, sec)
            rows = [title_row(section_title(case, sec), TEXT_W, dark)]
            rows += kv_rows(pairs, widths, light, sep, True, case)
            body.append(tbl(rows, widths))
        body.append(para("", after=120))
    finish(pkg, case, "".join(body), hid, fid, path)
    return {"merged_cells": merges, "merged_rows": sorted(merged_keys), "child_columns": max(2, n)}


# ==================================================================================== text boxes
def textbox_run(shape_id: int, content: str, content_fallback: str, cx_twips: int, cy_twips: int,
                x_twips: int = 0, y_twips: int = 0, rel_h="column", rel_v="paragraph", wrap="topAndBottom",
                fill: str | None = None, line: str | None = None, geom="rect", z=251659264, inline=False) -> str:
    cx, cy = cx_twips * EMU_PER_TWIP, cy_twips * EMU_PER_TWIP
    x, y = x_twips * EMU_PER_TWIP, y_twips * EMU_PER_TWIP
    fill_x = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    line_x = (f'<a:ln w="9525"><a:solidFill><a:srgbClr val="{line}"/></a:solidFill></a:ln>' if line
              else "<a:ln><a:noFill/></a:ln>")
    wrap_x = {"none": "<wp:wrapNone/>", "topAndBottom": "<wp:wrapTopAndBottom/>"}[wrap]
    av = '<a:avLst><a:gd name="adj" fmla="val 6000"/></a:avLst>' if geom == "roundRect" else "<a:avLst/>"
    drawing = (
        f'<w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{z + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{rel_h}"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="{rel_v}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{wrap_x}'
        f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{geom}">{av}</a:prstGeom>{fill_x}{line_x}</wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        f'anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        f'<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        f'<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
        f'</wp:anchor></w:drawing>')
    if inline:
        drawing = (
            f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>'
            f'<wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="{geom}">{av}</a:prstGeom>{fill_x}{line_x}</wps:spPr>'
            f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
            f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            f'anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing>')
    pt = lambda tw: f"{tw / 20:.1f}pt"  # noqa: E731
    hrel = {"column": "text", "page": "page", "margin": "margin"}[rel_h]
    vrel = {"paragraph": "text", "page": "page", "margin": "margin"}[rel_v]
    vtag = "v:roundrect" if geom == "roundRect" else "v:rect"
    arc = ' arcsize="6000f"' if geom == "roundRect" else ""
    vfill = f'fillcolor="#{fill}"' if fill else 'filled="f"'
    vline = f'strokecolor="#{line}" strokeweight=".75pt"' if line else 'stroked="f"'
    wrap_v = '<w10:wrap type="topAndBottom"/>' if wrap == "topAndBottom" else ""
    if inline:
        style = f"width:{pt(cx_twips)};height:{pt(cy_twips)};mso-left-percent:-10001;mso-top-percent:-10001"
        wrap_v = ""
    else:
        style = (f"position:absolute;margin-left:{pt(x_twips)};margin-top:{pt(y_twips)};width:{pt(cx_twips)};"
                 f"height:{pt(cy_twips)};z-index:{shape_id};mso-wrap-distance-top:3.6pt;mso-wrap-distance-bottom:3.6pt;"
                 f"mso-position-horizontal-relative:{hrel};mso-position-vertical-relative:{vrel};v-text-anchor:top")
    fallback = (
        f'<w:pict><{vtag} id="Text Box {shape_id}" o:spid="_x0000_s{1024 + shape_id}"{arc} style="{style}" '
        f'{vfill} {vline}><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{content_fallback}'
        f'</w:txbxContent></v:textbox>{wrap_v}</{vtag}></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


# ==================================================================================== W-COVERPROPS
STORE_CORE = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"
STORE_APP = "{6668398D-A668-4E3E-A5EB-62B293D839F1}"
STORE_COVER = "{55AF091B-3C7A-41E3-B477-F2FDAA23CFDA}"
PM_CORE = ("xmlns:ns0='http://purl.org/dc/elements/1.1/' "
           "xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/core-properties' ")
PM_APP = "xmlns:ns0='http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' "
PM_COVER = "xmlns:ns0='http://schemas.microsoft.com/office/2006/coverPageProps' "

BOUND = {
    # record key: (alias, prefix mappings, xpath, store, placeholder)
    "title": ("Title", PM_CORE, "/ns1:coreProperties[1]/ns0:title[1]", STORE_CORE, "[Document title]"),
    "subject": ("Subtitle", PM_CORE, "/ns1:coreProperties[1]/ns0:subject[1]", STORE_CORE, "[Document subtitle]"),
    "ref.name": ("Author", PM_CORE, "/ns1:coreProperties[1]/ns0:creator[1]", STORE_CORE, "[Author name]"),
    "ref.agency": ("Company", PM_APP, "/ns0:Properties[1]/ns0:Company[1]", STORE_APP, "[Company name]"),
    "lead.name": ("Manager", PM_APP, "/ns0:Properties[1]/ns0:Manager[1]", STORE_APP, "[Manager]"),
    "ref.phone": ("Company Phone", PM_COVER, "/ns0:CoverPageProperties[1]/ns0:CompanyPhone[1]", STORE_COVER,
                  "[Company phone]"),
    "ref.email": ("Company E-mail", PM_COVER, "/ns0:CoverPageProperties[1]/ns0:CompanyEmail[1]", STORE_COVER,
                  "[Company email]"),
    "address": ("Company Address", PM_COVER, "/ns0:CoverPageProperties[1]/ns0:CompanyAddress[1]", STORE_COVER,
                "[Company address]"),
    "date_of_referral": ("Publish Date", PM_COVER, "/ns0:CoverPageProperties[1]/ns0:PublishDate[1]", STORE_COVER,
                         "[Date]"),
}

WORD_DATE_FMT = {  # sender style -> (Word date picker format, our style that renders the same text)
    "DD-MON-YYYY": ("dd-MMM-yyyy", None), "d Mon yy": ("d MMM yy", "d Mon yy"),
    "dd Month yyyy": ("dd MMMM yyyy", "dd Month yyyy"), "d-m-yyyy": ("d-M-yyyy", "d-m-yyyy"),
    "Dow dd/mm/yyyy": ("ddd dd/MM/yyyy", "Dow dd/mm/yyyy"), "Dow, d Month yyyy": ("dddd, d MMMM yyyy", "Dow, d Month yyyy"),
    "dth Mon 'yy": ("d MMMM yyyy", "d Month yyyy"), "dd/Mon/yyyy": ("dd/MMM/yyyy", "dd/Mon/yyyy"),
}


class SdtIds:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self) -> int:
        while True:
            v = -self.rng.randrange(100000000, 2147483647)
            if v not in self.used:
                self.used.add(v)
                return v


def bound_sdt(key: str, text: str | None, ids: SdtIds, date_fmt: str | None = None, full_date: str | None = None,
              **rkw) -> str:
    alias, pm, xpath, store, ph = BOUND[key]
    if text:
        content = run(text, **rkw)
        plc = ""
    else:
        content = run(ph, style="PlaceholderText", **{k: v for k, v in rkw.items() if k != "color"})
        plc = "<w:showingPlcHdr/>"
    kind = "<w:text/>"
    if date_fmt:
        fd = f' w:fullDate="{full_date}"' if (text and full_date) else ""
        kind = (f'<w:date{fd}><w:dateFormat w:val="{date_fmt}"/><w:lid w:val="en-GB"/>'
                f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    return (f'<w:sdt><w:sdtPr>{rpr(**rkw)}<w:alias w:val="{esc(alias)}"/><w:tag w:val=""/><w:id w:val="{ids.new()}"/>'
            f'{plc}<w:dataBinding w:prefixMappings="{pm}" w:xpath="{xpath}" w:storeItemID="{store}"/>{kind}'
            f'</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>')


def render_coverprops(case, path, rng) -> dict:
    s = case.s
    f = case.fields
    font = rng.choice(["Calibri", "Arial", "Segoe UI"])
    pkg = base_package(font=font, size=10)
    dark, light = pick_colours(rng)
    hid, fid = header_footer(pkg, case)
    ids = SdtIds(rng)
    sep = other_sep(rng)
    repeat_in_body = rng.random() < 0.5
    if rng.random() < 0.4:
        # a property the referrer never filled in: its control still shows the placeholder
        k = rng.choice(["ref.phone", "ref.email", "lead.name", "ref.agency"])
        f[k] = FV("text", None, None)
        case.notes["blanks"] += 1
    office_address = f"{rng.randrange(1, 90)} {rng.choice(['Civic Way', 'Market Place', 'Albion Street', 'Priory Road'])}, {s['town']}"
    d_ref = case.dates["ref"]
    wfmt, wstyle = WORD_DATE_FMT[s["date_style"]]
    if f["date_of_referral"].truth:
        dtext = fmt_date(d_ref, wstyle) if wstyle else f"{d_ref.day:02d}-{d_ref.strftime('%b')}-{d_ref.year}"
        full = f"{d_ref.isoformat()}T00:00:00Z"
    else:
        dtext, full = None, None

    def val(key):
        fv = f[key]
        return None if fv.blank or fv.filler is not None else fv.text()

    # ---- cover page (text boxes holding property controls), inside a Cover Pages building block
    def cover_content(ids_):
        t = (para(bound_sdt("title", s["form_title"], ids_, b=True, sz=26, color="FFFFFF"), after=60) +
             para(bound_sdt("subject", s["partnership"], ids_, sz=14, color="FFFFFF"), after=0))
        pairs = [("ref.name", s["labels"]["ref.name"]), ("ref.agency", s["labels"]["ref.agency"]),
                 ("ref.phone", s["labels"]["ref.phone"]), ("ref.email", s["labels"]["ref.email"]),
                 ("date_of_referral", s["labels"]["date_of_referral"]), ("lead.name", s["labels"]["lead.name"])]
        d = ""
        for key, cap in pairs:
            d += tpara(cap, {"after": 0}, sz=8, color="7F7F7F", caps=True)
            if key == "date_of_referral":
                d += para(bound_sdt(key, dtext, ids_, date_fmt=wfmt, full_date=full, sz=13, b=True), after=160)
            else:
                d += para(bound_sdt(key, val(key), ids_, sz=13, b=True), after=160)
        a = (tpara("Office address", {"after": 0}, sz=8, color="7F7F7F", caps=True) +
             para(bound_sdt("address", office_address, ids_, sz=9), after=60) +
             tpara(s["marking"], {"after": 0}, b=True, sz=9, color="C00000"))
        return t, d, a

    t1, d1, a1 = cover_content(ids)
    t2, d2, a2 = cover_content(ids)
    boxes = (textbox_run(1, t1, t2, 10400, 2300, 750, 1100, "page", "page", "none", fill=dark, z=251658240) +
             textbox_run(2, d1, d2, 8000, 7600, 1700, 5200, "page", "page", "none", line=dark, geom="roundRect",
                         z=251659264) +
             textbox_run(3, a1, a2, 8000, 1200, 1700, 14000, "page", "page", "none", z=251660288))
    cover = (f'<w:sdt><w:sdtPr><w:id w:val="{ids.new()}"/><w:docPartObj><w:docPartGallery w:val="Cover Pages"/>'
             f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
             f'{para(boxes)}{para(page_break())}</w:sdtContent></w:sdt>')

    body = [cover, tpara(s["form_title"], {"style": "Heading1"}), guidance_para(case)]
    lw = 3600
    widths = [lw, TEXT_W - lw]
    glyphs = (rng.choice(["☒", "☑"]), "☐", rng.choice(["MS Gothic", "Segoe UI Symbol"]))
    for sec in present_sections(case):
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                rows = [title_row(section_title(case, "child", j + 1, n), TEXT_W, dark)]
                rows += kv_rows(child_items(case, j), widths, light, sep, False, case, glyphs=glyphs)
                body.append(tbl(rows, widths))
                body.append(para("", after=100))
            continue
        if sec == "agencies":
            body.append(agency_table(case, [3000, 3800, TEXT_W - 6800], dark, light))
        elif sec == "decoys":
            body.append(decoy_table(case, widths, dark, light))
        else:
            pairs = items(case, sec)
            rows = [title_row(section_title(case, sec), TEXT_W, dark)]
            if sec == "ref":
                if repeat_in_body:
                    for key in ("date_of_referral", "ref.name", "ref.agency"):
                        if key == "date_of_referral":
                            c = para(bound_sdt(key, dtext, ids, date_fmt=wfmt, full_date=full), after=0)
                        else:
                            c = para(bound_sdt(key, val(key), ids), after=0)
                        rows.append(tr([tc(tpara(s["labels"][key], {"after": 0}, b=True, sz=9), widths[0], fill=light),
                                        tc(c, widths[1])]))
                else:
                    rows.append(tr([tc(tpara("The referrer's name, organisation, contact details and the date of "
                                             "referral are on the cover page.", {"after": 0}, i=True, sz=9),
                                       TEXT_W, 2)]))
                pairs = [p for p in pairs if p[0] == "ref.role"]
            if sec == "lead":
                if repeat_in_body:
                    rows.append(tr([tc(tpara(s["labels"]["lead.name"], {"after": 0}, b=True, sz=9), widths[0],
                                       fill=light), tc(para(bound_sdt("lead.name", val("lead.name"), ids), after=0),
                                                       widths[1])]))
                else:
                    rows.append(tr([tc(tpara("The safeguarding lead's name is on the cover page.", {"after": 0},
                                             i=True, sz=9), TEXT_W, 2)]))
                pairs = [p for p in pairs if p[0] != "lead.name"]
            rows += kv_rows(pairs, widths, light, sep, False, case, glyphs=glyphs)
            body.append(tbl(rows, widths))
        body.append(para("", after=120))

    # ---- the property stores the controls are bound to
    rn = val("ref.name") or ""
    pkg.add("docProps/core.xml", core_xml(s["form_title"], s["partnership"], rn, rn,
                                          f"{(d_ref - dt.timedelta(days=1)).isoformat()}T10:02:00Z",
                                          f"{d_ref.isoformat()}T15:{rng.randrange(10, 59)}:00Z"))
    pkg.add("docProps/app.xml", app_xml(val("ref.agency") or "", val("lead.name") or "",
                                        template=f"{s['form_ref'].replace('/', '-')}.dotx"))
    cover_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                 '<CoverPageProperties xmlns="http://schemas.microsoft.com/office/2006/coverPageProps">'
                 f'<PublishDate>{d_ref.isoformat() + "T00:00:00" if dtext else ""}</PublishDate><Abstract/>'
                 f'<CompanyAddress>{esc(office_address)}</CompanyAddress>'
                 f'<CompanyPhone>{esc(val("ref.phone") or "")}</CompanyPhone><CompanyFax/>'
                 f'<CompanyEmail>{esc(val("ref.email") or "")}</CompanyEmail></CoverPageProperties>')
    pkg.add("customXml/item1.xml", cover_xml)
    pkg.add("customXml/itemProps1.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{STORE_COVER}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
            '<ds:schemaRef ds:uri="http://schemas.microsoft.com/office/2006/coverPageProps"/></ds:schemaRefs>'
            '</ds:datastoreItem>', "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    pkg.add("customXml/_rels/item1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'customXmlProps" Target="itemProps1.xml"/></Relationships>')
    pkg.rel(REL_CUSTOMXML, "../customXml/item1.xml")
    # first page (the cover) has its own empty header and footer
    from wml import REL_FOOTER, REL_HEADER, hdr_xml
    pkg.add("word/header2.xml", hdr_xml(para("", style="Header"), "hdr"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
    h2 = pkg.rel(REL_HEADER, "header2.xml")
    pkg.add("word/footer2.xml", hdr_xml(para("", style="Footer"), "ftr"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
    f2 = pkg.rel(REL_FOOTER, "footer2.xml")
    finish(pkg, case, "".join(body), hid, fid, path, title_pg=True, first_ids=(h2, f2))
    return {"repeat_in_body": repeat_in_body, "cover_date_format": wfmt,
            "blank_cover_controls": [k for k in ("ref.name", "ref.agency", "ref.phone", "ref.email", "lead.name")
                                     if not val(k)] + ([] if dtext else ["date_of_referral"])}


# ==================================================================================== W-SHAPESECT
def _est_lines(text: str, width_twips: int, size=9) -> int:
    if not text:
        return 1
    cpl = max(8, int(width_twips / (size * 10.5)))
    n = 0
    for part in text.split("\n"):
        n += max(1, math.ceil(len(part) / cpl))
    return n


def render_shapesect(case, path, rng) -> dict:
    s = case.s
    pkg = base_package(font=rng.choice(["Calibri", "Arial", "Tahoma"]), size=10)
    core_props(case, pkg, template=f"{s['form_ref'].replace('/', '-')} designed.dotx")
    hid, fid = header_footer(pkg, case)
    dark, light = pick_colours(rng)
    sep = other_sep(rng)
    glyphs = (rng.choice(["☒", "☑", "■"]), rng.choice(["☐", "□"]), rng.choice(["MS Gothic", "Segoe UI Symbol"]))
    body = [title_block(case), guidance_para(case)]
    shape_no = [10]
    boxes = 0
    box_fill = light if rng.random() < 0.5 else "FFFFFF"

    def box_content(title, pairs, inner_w, agencies=False, decoys=False):
        lw = int(inner_w * 0.38)
        widths = [lw, inner_w - lw]
        head = tpara(title, {"after": 60}, b=True, color=dark, sz=11)
        if agencies:
            cols = agency_cols(case)
            aw = [int(inner_w * 0.3), int(inner_w * 0.38)]
            aw.append(inner_w - sum(aw))
            rows = [tr([tc(tpara(c, {"after": 0}, b=True, sz=9), w, fill=light) for c, w in zip(cols, aw)])]
            for row in agency_rows(case):
                rows.append(tr([tc(tpara(x, {"after": 0}, sz=9), w) for x, w in zip(row, aw)]))
            rows.append(tr([tc(para("", after=0), w) for w in aw]))
            t = tbl(rows, aw, borders=borders_xml("single", 4, "A6A6A6"))
            h = 500 + 330 * (len(rows) + 1)
            return head + t + para("", after=0), h
        if decoys:
            rows = [tr([tc(tpara(lab, {"after": 0}, b=True, sz=9), widths[0], fill=light),
                        tc(tpara(v, {"after": 0}, sz=9), widths[1])]) for lab, v in case.decoys]
            t = tbl(rows, widths, borders=borders_xml("single", 4, "A6A6A6"))
            h = 500 + sum(280 * max(_est_lines(lab, widths[0]), 1) + 80 for lab, _ in case.decoys)
            return head + t + para("", after=0), h
        rows = kv_rows(pairs, widths, light, sep, False, case, glyphs=glyphs)
        t = tbl(rows, widths, borders=borders_xml("single", 4, "A6A6A6"))
        h = 500
        for key, label, fv in pairs:
            if fv.kind == "paras" or key in ("crit.reason", "concerns"):
                h += 280 * (_est_lines(label, inner_w) + sum(_est_lines(p, inner_w) for p in fv.lines()) + 1) + 120
            elif fv.kind == "choice" and key == "inc.type":
                h += 260 * len(fv.options) + 120
            else:
                txt = answer_text(fv, sep)
                if fv.kind == "choice":
                    txt = "  ".join(fv.options) + "  xx"
                h += 260 * max(_est_lines(label, widths[0]), _est_lines(txt, widths[1]),
                               len(fv.lines()) if fv.kind == "lines" else 1) + 110
        return head + t + para("", after=0), h

    def box(title, pairs, width, x=0, **kw):
        nonlocal boxes
        boxes += 1
        inner = width - 300
        c1, h = box_content(title, pairs, inner, **kw)
        c2, _ = box_content(title, pairs, inner, **kw)
        shape_no[0] += 1
        return textbox_run(shape_no[0], c1, c2, width, h, x, 0, "column", "paragraph", "topAndBottom",
                           fill=box_fill, line=dark, geom="roundRect", inline=True), h

    secs = present_sections(case)
    side = rng.random() < 0.75 and "ref" in secs and "lead" in secs
    for sec in secs:
        if sec == "lead" and side:
            continue
        if sec == "ref" and side:
            half = (TEXT_W - 120) // 2
            r1, _ = box(section_title(case, "ref"), items(case, "ref"), half, 0)
            r2, _ = box(section_title(case, "lead"), items(case, "lead"), half, half + 200)
            lay = tbl([tr([tc(para(r1, after=0), half + 60), tc(para(r2, after=0), half + 60)])],
                      [half + 60, half + 60], borders=borders_xml("none"), style=None, cell_margins=(0, 0))
            body.append(lay)
            body.append(para("", after=60))
            continue
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                r1, _ = box(section_title(case, "child", j + 1, n), child_items(case, j), TEXT_W)
                body.append(para(r1, after=120))
            continue
        if sec == "agencies":
            r1, _ = box(s["labels"]["agencies"], [], TEXT_W, agencies=True)
        elif sec == "decoys":
            r1, _ = box(s["sections"]["decoys"], [], TEXT_W, decoys=True)
        else:
            r1, _ = box(section_title(case, sec), items(case, sec), TEXT_W)
        body.append(para(r1, after=120))
    body.append(tpara("End of form. Thank you.", {"after": 0, "jc": "center"}, sz=8, color="7F7F7F"))
    finish(pkg, case, "".join(body), hid, fid, path)
    return {"shapes": boxes, "side_by_side_people": side, "glyphs": f"{glyphs[0]}/{glyphs[1]} {glyphs[2]}"}


# ==================================================================================== W-EXAMPLEFIRST
def example_values(case, rng) -> dict:
    s = case.s
    ex = lambda y, m, d: fmt_date(dt.date(y, m, d), s["date_style"])  # noqa: E731
    yn = s["no"]
    v = {
        "date_of_referral": ex(2015, 3, 12),
        "ref.name": "Chris Example", "ref.role": s["ref_roles"][0], "ref.agency": s["org_short"],
        "ref.email": f"chris.example@{s['domain']}", "ref.phone": "0113 496 0999",
        "lead.name": "Pat Sample", "lead.role": s["lead_roles"][0], "lead.agency": s["org_short"],
        "lead.email": f"pat.sample@{s['domain']}", "lead.phone": "0113 496 0998", "lead.discussed": s["yes"],
        "c.name": "Jamie EXAMPLE", "c.first": "Jamie", "c.last": "EXAMPLE", "c.other_names": "Jay",
        "c.dob": fmt_date(dt.date(2015, 1, 1), s["dob_style"]), "c.age": "10 (only if no date of birth)",
        "c.gender": s["gender"][0][0], "c.ethnicity": "White British",
        "c.address": "1 Example Street\nSampletown\nXX1 1XX", "c.school": "Example Primary School",
        "c.gp": "Example Surgery", "c.legal_status": "None", "c.cp_plan": yn, "c.open_to_csc": s["yes"],
        "c.looked_after": yn, "c.disability": "None known", "c.date_of_death": "Not applicable",
        "inc.date": ex(2015, 3, 1), "inc.date_la_aware": ex(2015, 3, 2), "inc.location": "Example Park, Sampletown",
        "inc.type": s["itypes"][1][0], "inc.police": s["yes"],
        "inc.summary": "Describe what happened, when and where, who was there and what has been done since. "
                       "Keep to the facts.",
        "crit.died": s["yes"], "crit.abuse": s["yes"], "crit.local": s["yes"], "crit.learning": s["yes"],
        "crit.reason": "Explain why you think the case may meet the criteria for a Rapid Review.",
        "panel": yn, "panel_date": "Leave blank if not notified", "concerns": "Say whether any child is at risk now.",
        "cdecoy": "2 Old Road\nFormertown\nXX2 2XX",
    }
    return v


def render_examplefirst(case, path, rng) -> dict:
    s = case.s
    pkg = base_package(font=rng.choice(["Arial", "Calibri"]), size=10)
    core_props(case, pkg, template=f"{s['form_ref'].replace('/', '-')} with guidance.dotx")
    hid, fid = header_footer(pkg, case)
    dark, light = pick_colours(rng)
    sep = other_sep(rng)
    exv = example_values(case, rng)
    lw = 3500
    widths = [lw, TEXT_W - lw]
    grey = "7F7F7F"
    body = [title_block(case), tpara("How to fill in this form", {"style": "Heading1"}), guidance_para(case, 10),
            tpara("Use one form per incident. If more than one child is involved, complete the child section for "
                  "each child. Agencies: list every agency you know is involved, one per row.", {"after": 120}, sz=9),
            tpara("Worked example", {"style": "Heading2"}),
            tpara("The example below shows how a completed form should look. It is not a real case and the people "
                  "in it do not exist. Please do not return this page.", {"after": 120}, i=True, sz=9)]
    ex_rows = [tr([tc(tpara("EXAMPLE - NOT A REAL CASE", {"after": 0, "jc": "center"}, b=True, color="FFFFFF",
                            sz=11), TEXT_W, 2, fill="808080")])]
    for sec in present_sections(case):
        if sec == "agencies":
            ex_rows.append(tr([tc(tpara(s["labels"]["agencies"], {"after": 0}, b=True, sz=9), TEXT_W, 2, fill="D9D9D9")]))
            exa = {"name": "Sam Example", "agency": "Sampletown Early Help", "contact": "0113 496 0997"}
            ex_txt = "; ".join(f"{t}: {exa[fld]}" for t, fld in s["agency_cols"])
            ex_rows.append(tr([tc(tpara("Example row 1", {"after": 0}, b=True, sz=9), widths[0], fill="F2F2F2"),
                               tc(tpara(ex_txt, {"after": 0}, i=True, color=grey, sz=9), widths[1])]))
            continue
        if sec == "decoys":
            ex_rows.append(tr([tc(tpara(s["sections"]["decoys"], {"after": 0}, b=True, sz=9), TEXT_W, 2,
                                  fill="D9D9D9")]))
            for label, _ in case.decoys:
                ex_rows.append(tr([tc(tpara(label, {"after": 0}, b=True, sz=9), widths[0], fill="F2F2F2"),
                                   tc(tpara("(example entry)", {"after": 0}, i=True, color=grey, sz=9), widths[1])]))
            continue
        pairs = child_items(case, 0) if sec == "child" else items(case, sec)
        title = s["sections"][sec]
        ex_rows.append(tr([tc(tpara(title, {"after": 0}, b=True, sz=9), TEXT_W, 2, fill="D9D9D9")]))
        for key, label, _ in pairs:
            ex_rows.append(tr([tc(tpara(label_with_hint(case, key, label, True), {"after": 0}, b=True, sz=9),
                                  widths[0], fill="F2F2F2"),
                               tc(tpara(exv.get(key, "(example)"), {"after": 0}, i=True, color=grey, sz=9),
                                  widths[1])]))
    body.append(tbl(ex_rows, widths, borders=borders_xml("dashed", 4, "A6A6A6")))
    body.append(para(page_break()))
    body.append(tpara(f"{s['form_title']} - referral form", {"style": "Heading1"}))
    body.append(tpara("Please complete all sections. Return this form only.", {"after": 120}, sz=9))
    for sec in present_sections(case):
        if sec == "child":
            n = len(case.children)
            for j in range(n):
                rows = [title_row(section_title(case, "child", j + 1, n), TEXT_W, dark)]
                rows += kv_rows(child_items(case, j), widths, light, sep, True, case)
                body.append(tbl(rows, widths))
                body.append(para("", after=100))
            continue
        if sec == "agencies":
            body.append(agency_table(case, [3000, 3800, TEXT_W - 6800], dark, light))
        elif sec == "decoys":
            body.append(decoy_table(case, widths, dark, light))
        else:
            rows = [title_row(section_title(case, sec), TEXT_W, dark)]
            rows += kv_rows(items(case, sec), widths, light, sep, True, case)
            body.append(tbl(rows, widths))
        body.append(para("", after=120))
    finish(pkg, case, "".join(body), hid, fid, path)
    return {"example_page": True, "example_names": ["Chris Example", "Pat Sample", "Jamie EXAMPLE", "Sam Example"]}


# ==================================================================================== W-PASTECASESYS
SYSTEMS = {
    "CaseBridge": {
        "date": "DD-Mon-YYYY", "yes": "Y", "no": "N",
        "id": "Person ID", "first": "Forename", "last": "Surname", "name": "Full name", "other": "Known As",
        "dob": "DOB", "age": "Age (est.)", "gender": "Gender", "ethnicity": "Ethnicity", "address": "Address",
        "school": "School", "gp": "GP Practice", "legal": "Legal Status", "cp": "CP", "csc": "CIN/CSC",
        "lac": "LAC", "dis": "Disability / SEN", "dod": "Date of Death",
        "inv": ["Involvement", "Worker", "Team / Organisation", "Start date", "Phone / email"],
    },
    "FamilyLink CMS": {
        "date": "dd/mm/yyyy", "yes": "Yes", "no": "No",
        "id": "Client ID", "first": "First name", "last": "Last name", "name": "Name", "other": "Other names",
        "dob": "Date of birth", "age": "Age", "gender": "Sex", "ethnicity": "Ethnic origin",
        "address": "Current address", "school": "Education", "gp": "Registered GP", "legal": "Legal status",
        "cp": "CP plan", "csc": "Open case", "lac": "Looked after", "dis": "Needs", "dod": "Deceased date",
        "inv": ["Relationship type", "Professional", "Organisation", "From", "Contact"],
    },
    "RecordWise": {
        "date": "iso", "yes": "Y", "no": "N",
        "id": "Record no.", "first": "Given name", "last": "Family name", "name": "Name", "other": "AKA",
        "dob": "DoB", "age": "Age", "gender": "Gender", "ethnicity": "Ethnicity", "address": "Address",
        "school": "School / setting", "gp": "GP", "legal": "Legal status", "cp": "CP plan", "csc": "CSC",
        "lac": "CLA", "dis": "SEND", "dod": "DoD",
        "inv": ["Type", "Name", "Agency", "Start", "Contact details"],
    },
}
SYS_GENDER = {"female": "Female", "male": "Male", "other": "Other"}


def _sys_date(iso: str | None, style: str) -> str:
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    if style == "DD-Mon-YYYY":
        return f"{d.day:02d}-{d.strftime('%b')}-{d.year}"
    return fmt_date(d, style)


def render_pastecasesys(case, path, rng) -> dict:
    s = case.s
    pkg = base_package(font=rng.choice(["Arial", "Calibri"]), size=10)
    core_props(case, pkg)
    hid, fid = header_footer(pkg, case)
    dark, light = pick_colours(rng)
    sep = other_sep(rng)
    from senders import SENDER_KEYS
    sysname = list(SYSTEMS)[SENDER_KEYS.index(case.sender_key) % len(SYSTEMS)]
    sy = SYSTEMS[sysname]
    body = [title_block(case), guidance_para(case)]
    lw = 3400
    widths = [lw, TEXT_W - lw]
    ckeys = section_keys(s, "child")
    yn_tf = {True: sy["yes"], False: sy["no"], None: ""}

    def sys_val(ch, key):
        fv = ch.get(key)
        if fv is None:
            return ""
        if key in ("c.dob", "c.date_of_death"):
            return _sys_date(fv.truth, sy["date"])
        if key == "c.gender":
            return SYS_GENDER.get(fv.truth, "")
        if key in ("c.cp_plan", "c.open_to_csc", "c.looked_after"):
            return yn_tf[fv.truth]
        if fv.filler is not None or fv.display is None:
            return ""
        if key == "c.address":
            return ", ".join(fv.display)
        return fv.text()

    # identity table and services table, pasted from the case system with its own column names
    ident = []
    if "c.name" in ckeys:
        ident.append(("c.name", sy["name"]))
    else:
        ident += [("c.first", sy["first"]), ("c.last", sy["last"])]
    ident += [(k, sy[c]) for k, c in (("c.other_names", "other"), ("c.dob", "dob"), ("c.age", "age"),
                                      ("c.gender", "gender"), ("c.ethnicity", "ethnicity"), ("c.address", "address"))
              if k in ckeys]
    serv = [(k, sy[c]) for k, c in (("c.school", "school"), ("c.gp", "gp"), ("c.legal_status", "legal"),
                                    ("c.cp_plan", "cp"), ("c.open_to_csc", "csc"), ("c.looked_after", "lac"),
                                    ("c.disability", "dis"), ("c.date_of_death", "dod")) if k in ckeys]
    pids = [str(rng.randrange(100000, 999999)) for _ in case.children]

    def sys_table(cols):
        inner = TEXT_W - 220
        cw0 = 900
        cw = (inner - cw0) // len(cols)
        ws = [cw0] + [cw] * len(cols)
        rows = [tr([tc(tpara(sy["id"], {"after": 0}, b=True, sz=7, font="Arial"), cw0, fill="D9D9D9")] +
                   [tc(tpara(c, {"after": 0}, b=True, sz=7, font="Arial"), cw, fill="D9D9D9") for _, c in cols],
                   header=True)]
        for ch, pid in zip(case.children, pids):
            rows.append(tr([tc(tpara(pid, {"after": 0}, sz=7, font="Arial"), cw0)] +
                           [tc(tpara(sys_val(ch, k), {"after": 0}, sz=7, font="Arial"), cw) for k, _ in cols]))
        return tbl(rows, ws, borders=borders_xml("single", 4, "BFBFBF"), style=None, cell_margins=(20, 50))

    for sec in present_sections(case):
        if sec == "child":
            rows = [title_row(s["sections"]["child"], TEXT_W, dark)]
            label = (f"Details of the child / children ({len(case.children)}). You may paste these from your case "
                     f"record.")
            content = (tpara(f"Pasted from {sysname} - Person summary", {"after": 40}, sz=7, color="7F7F7F") +
                       sys_table(ident) + para("", after=40) + sys_table(serv) + para("", after=0))
            rows.append(tr([tc(tpara(label, {"after": 0}, b=True, sz=9), TEXT_W, 2, fill=light)]))
            rows.append(tr([tc(content, TEXT_W, 2)]))
            cd = [c for c in case.child_decoys if c]
            for j, decs in enumerate(cd):
                for dlabel, dfv in decs:
                    rows.append(tr([tc(tpara(f"{dlabel} - child {j + 1}", {"after": 0}, b=True, sz=9), widths[0],
                                       fill=light), tc(answer_paras(dfv), widths[1])]))
            body.append(tbl(rows, widths))
        elif sec == "agencies":
            cols = sy["inv"]
            inner = TEXT_W - 220
            ws = [int(inner * f) for f in (0.2, 0.2, 0.27, 0.13)]
            ws.append(inner - sum(ws))
            arow = [tr([tc(tpara(c, {"after": 0}, b=True, sz=7, font="Arial"), w, fill="D9D9D9")
                        for c, w in zip(cols, ws)], header=True)]
            roles = {"DC": "Police - investigating officer", "DSL": "School DSL", "Social Worker": "Allocated Social Worker"}
            for a in case.agencies:
                start = fmt_date(case.dates["inc"] - dt.timedelta(days=rng.randrange(30, 800)),
                                 "dd/mm/yyyy" if sy["date"] != "iso" else "iso")
                arow.append(tr([tc(tpara(x, {"after": 0}, sz=7, font="Arial"), w) for x, w in
                                zip((roles.get(a["role"], a["role"]), a["name_disp"], a["agency"], start, a["contact"]), ws)]))
            content = (tpara(f"Pasted from {sysname} - Involvements", {"after": 40}, sz=7, color="7F7F7F") +
                       tbl(arow, ws, borders=borders_xml("single", 4, "BFBFBF"), style=None, cell_margins=(20, 50)) +
                       para("", after=0))
            if not case.agencies:
                content = tpara("No involvements recorded.", {"after": 0}, sz=9)
            rows = [title_row(s["sections"]["agencies"], TEXT_W, dark),
                    tr([tc(tpara(s["labels"]["agencies"] + " (you may paste these from your case record)",
                                 {"after": 0}, b=True, sz=9), TEXT_W, 2, fill=light)]),
                    tr([tc(content, TEXT_W, 2)])]
            body.append(tbl(rows, widths))
        elif sec == "decoys":
            body.append(decoy_table(case, widths, dark, light))
        else:
            rows = [title_row(section_title(case, sec), TEXT_W, dark)]
            rows += kv_rows(items(case, sec), widths, light, sep, True, case)
            body.append(tbl(rows, widths))
        body.append(para("", after=120))
    finish(pkg, case, "".join(body), hid, fid, path)
    return {"system": sysname, "system_date_style": sy["date"], "system_yes_no": f"{sy['yes']}/{sy['no']}/(blank)"}


WORD_LAYOUTS = {
    "W-SIBSPAN": render_sibspan,
    "W-COVERPROPS": render_coverprops,
    "W-SHAPESECT": render_shapesect,
    "W-EXAMPLEFIRST": render_examplefirst,
    "W-PASTECASESYS": render_pastecasesys,
}
