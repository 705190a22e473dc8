"""The five Word layouts of unseen23."""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw, ImageFont

import wml
from model import (CRIT_KEYS, INC_KEYS, LEAD_KEYS, REF_KEYS, child_fields, child_value, fmt_date, options, shown,
                   text)
from wml import cell, para, run, table

FONT_DIR = "/usr/share/fonts/truetype/"
WORD_DATE_FORMAT = {"dmy_slash": "dd/MM/yyyy", "d_month_y": "d MMMM yyyy", "dmy_short": "d/M/yy", "dmy_dot": "d.M.yyyy",
                    "d_mon_upper": "dd-MMM-yyyy", "iso": "yyyy-MM-dd", "dd_mon_y": "dd MMM yyyy",
                    "day_d_mon_y": "ddd d MMM yyyy"}


# ------------------------------------------------------------------ shared pieces

def sections(case: dict, s: dict) -> list[tuple[str, str, list]]:
    F, L = case["F"], s["labels"]

    def fl(keys):
        return [(k, L[k], F[k]) for k in keys if k in F]

    return [
        ("ref", s["sections"]["ref"], fl(["ref_date"] + REF_KEYS)),
        ("lead", s["sections"]["lead"], fl(LEAD_KEYS + ["lead_discussed"])),
        ("child", s["sections"]["child"], []),
        ("inc", s["sections"]["inc"], fl(INC_KEYS)),
        ("crit", s["sections"]["crit"], fl(CRIT_KEYS)),
        ("panel", s["sections"]["panel"], fl(["panel", "panel_date"])),
        ("ag", s["sections"]["ag"], []),
        ("conc", s["sections"]["conc"], fl(["concerns"])),
        ("decoy", s["sections"]["decoy"], [(None, lab, text(val)) for lab, val in case["decoys"]]),
    ]


def child_rows(C: dict, s: dict, skip=()) -> list:
    L = s["labels"]
    out = []
    for k in child_fields(s):
        if k in skip or k not in L:
            continue
        f = child_value(C, k)
        if f is None:
            continue
        out.append((k, L[k], f))
    return out


def answer_paras(f: dict | None, s: dict, **kw) -> str:
    if f is None:
        return para("")
    k = f["kind"]
    if k == "lines":
        if f.get("lines"):
            return "".join(para(run(x, **kw), after=0) for x in f["lines"])
        return para(run(f["shown"], **kw))
    if k == "paras":
        if f["paras"]:
            return "".join(para(run(p, **kw), after=80) for p in f["paras"])
        return para(run(f.get("shown", ""), **kw))
    return para(run(shown(f, s), **kw))


def guidance_text(s: dict) -> str:
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Guidance: please complete every section you can and send the form to {s['p_email']}. If a child is at "
            f"immediate risk call {s['p_phone']} as well. Write dates like this: {ex}. Example of a contact entry: "
            f"Sam Example, Service Manager, 0161 496 0000. Do not wait for missing information before sending.")


def header_footer(pkg: wml.Package, s: dict, rng: random.Random, font: str) -> tuple[str, str]:
    hdr = wml.hdr_xml(para([run(s["marking"], bold=True, color="C00000", size=9, font=font),
                            run("\t" + s["partnership"], size=8, color="595959", font=font)],
                           tabs=[("right", 9638)], style="Header"))
    reviewed = fmt_date(dt.date(2024, rng.randrange(1, 13), rng.randrange(1, 28)), s["date_style"])
    ftr = wml.hdr_xml(para([run(f"{s['form_ref']} - version {rng.randrange(1, 5)}.{rng.randrange(10)} - reviewed {reviewed}",
                                size=8, color="595959", font=font),
                            run("\tPage ", size=8, font=font),
                            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
                            run(" of ", size=8, font=font),
                            '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>3</w:t></w:r></w:fldSimple>'],
                           tabs=[("right", 9638)], style="Footer"), tag="ftr")
    h = pkg.add("word/header1.xml", hdr, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", "header")
    f = pkg.add("word/footer1.xml", ftr, "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml", "footer")
    return h, f


def common_parts(pkg: wml.Package, s: dict, case: dict, font: str, app="Microsoft Office Word", settings_extra=""):
    pkg.add("word/styles.xml", wml.styles_xml(font), "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", "styles")
    pkg.add("word/settings.xml", wml.settings_xml(settings_extra), "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", "settings")
    pkg.add("word/fontTable.xml", wml.font_table_xml((font, "MS Gothic", "Segoe UI Emoji", "Arial")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml", "fontTable")
    created = case["F"]["ref_date"]["date"] if case["F"]["ref_date"]["date"] else dt.date(2025, 10, 1)
    pkg.add("docProps/core.xml", wml.core_xml(s["title"], case["F"]["ref_name"]["shown"] or "User",
                                              f"{created.isoformat()}T10:{created.day:02d}:00Z"))
    pkg.add("docProps/app.xml", wml.app_xml(app, company=s["org_short"]))


def agency_rows_simple(case: dict) -> list[tuple[str, str, str]]:
    return [(a["name_shown"], a["agency"], a["contact"]) for a in case["agencies"]]


def kv_rows(items, s, lw, aw, shade="E7E6E6", font=None, answer=None) -> list[list[dict]]:
    rows = []
    for k, lab, f in items:
        ans = answer(k, f) if answer else answer_paras(f, s, font=font)
        rows.append([cell(para(run(lab, bold=True, font=font)), lw, shade=shade), cell(ans, aw)])
    return rows


def section_title_row(title: str, width: int, fill="1F3864", font=None, span=2) -> list[dict]:
    return [cell(para(run(title, bold=True, color="FFFFFF", font=font), keep_next=True), width, shade=fill, span=span)]


def agencies_table(case: dict, s: dict, font=None, spare=1) -> str:
    L = s["labels"]
    grid = [2800, 3700, 3138]
    rows = [[cell(para(run(L[k], bold=True, font=font)), w, shade="D9E2F3") for k, w in zip(("ag_name", "ag_agency", "ag_contact"), grid)]]
    for nm, ag, ct in agency_rows_simple(case):
        rows.append([cell(para(run(v, font=font)), w) for v, w in zip((nm, ag, ct), grid)])
    for _ in range(spare):
        rows.append([cell(para(""), w) for w in grid])
    return table(rows, grid, header_rows=1)


# ------------------------------------------------------------------ W-STRICT

class Ids:
    def __init__(self, start=1):
        self.n = start

    def __call__(self):
        self.n += 1
        return self.n


def cc_check(checked: bool, ids: Ids) -> str:
    g = "\u2612" if checked else "\u2610"
    return (f'<w:sdt><w:sdtPr><w:id w:val="{ids()}"/><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            f'</w14:checkbox></w:sdtPr><w:sdtContent>{run(g, font="MS Gothic")}</w:sdtContent></w:sdt>')


def cc_date(f: dict, ids: Ids, font) -> str:
    if f["date"] is None:
        if f["shown"]:
            return para(run(f["shown"], font=font))
        return para(f'<w:sdt><w:sdtPr><w:id w:val="{ids()}"/><w:showingPlcHdr/><w:date><w:dateFormat w:val="dd/MM/yyyy"/>'
                    '<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>'
                    f'<w:sdtContent>{run("Click or tap to enter a date.", color="808080", font=font)}</w:sdtContent></w:sdt>')
    fmt = WORD_DATE_FORMAT[f.get("style", "dmy_slash")]
    return para(f'<w:sdt><w:sdtPr><w:id w:val="{ids()}"/><w:date w:fullDate="{f["date"].isoformat()}T00:00:00Z">'
                f'<w:dateFormat w:val="{fmt}"/><w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/>'
                f'<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent>{run(f["shown"], font=font)}</w:sdtContent></w:sdt>')


def strict_choice(f: dict, s: dict, ids: Ids, font) -> str:
    opts = options(f, s)
    if f["kind"] == "itype":
        out = []
        for (w, on), key in zip(opts, ("death", "serious_harm", "lac_death", "care_leaver_death", "other")):
            extra = f": {f['detail']}" if (on and f.get("detail")) else ""
            out.append(para([cc_check(on, ids), run(" " + w + extra, font=font)], after=0))
        return "".join(out)
    parts = []
    for w, on in opts:
        parts.append(cc_check(on, ids))
        parts.append(run(f" {w}    ", font=font))
    return para(parts)


def render_strict(case: dict, s: dict, rng: random.Random) -> bytes:
    font = rng.choice(["Calibri", "Arial"])
    pkg = wml.Package()
    common_parts(pkg, s, case, font)
    h, f = header_footer(pkg, s, rng, font)
    ids = Ids(rng.randrange(100000, 900000))
    lw, aw = 3600, 6038
    W = lw + aw

    def ans(k, fld):
        if fld["kind"] in ("tri", "gender", "itype"):
            return strict_choice(fld, s, ids, font)
        if fld["kind"] == "date":
            return cc_date(fld, ids, font)
        return answer_paras(fld, s, font=font)

    body = [para(run(s["title"], font=font), style="Title"), para(run(s["org"], italic=True, font=font)),
            para(run(guidance_text(s), size=8.5, color="404040", font=font), after=160)]
    for key, title, items in sections(case, s):
        if key == "child":
            n = len(case["children"])
            for i, C in enumerate(case["children"]):
                t = title if n == 1 else f"{title} - child {i + 1} of {n}"
                rows = [section_title_row(t, W, font=font)] + kv_rows(child_rows(C, s), s, lw, aw, font=font, answer=ans)
                body.append(table(rows, [lw, aw]))
                body.append(para("", after=0))
            continue
        if key == "ag":
            body.append(table([section_title_row(title, W, font=font)], [lw, aw]))
            body.append(agencies_table(case, s, font))
            body.append(para("", after=0))
            continue
        rows = [section_title_row(title, W, font=font)] + kv_rows(items, s, lw, aw, font=font, answer=ans)
        body.append(table(rows, [lw, aw]))
        body.append(para("", after=0))
    body.append(para(run("OFFICE USE ONLY - Date received: ____________  Rapid Review date: ____________", size=8, color="7F7F7F", font=font)))
    doc = wml.document_xml("".join(body), wml.sect_pr({"default": h}, {"default": f}))
    return pkg.build(doc, transform=wml.to_strict)


# ------------------------------------------------------------------ W-HDRLABEL

def render_hdrlabel(case: dict, s: dict, rng: random.Random) -> bytes:
    font = rng.choice(["Arial", "Calibri"])
    pkg = wml.Package()
    common_parts(pkg, s, case, font)
    h, f = header_footer(pkg, s, rng, font)
    L = s["labels"]
    lw, aw = 3600, 6038
    W = lw + aw
    id_label, id_value = case["decoy_ids"][0]
    label_title = rng.choice(["Child identification - affix label or complete in BLOCK CAPITALS",
                              "Patient / child details (or affix label)", "Identification details (label)"])
    n = len(case["children"])
    body = [para(run(s["title"], font=font), style="Title"), para(run(s["org"], italic=True, font=font)),
            para(run(guidance_text(s), size=8.5, color="404040", font=font), after=160)]
    secs = sections(case, s)

    def ans(k, fld):
        return answer_paras(fld, s, font=font)

    def plain_section(title, items):
        rows = [section_title_row(title, W, font=font)] + kv_rows(items, s, lw, aw, font=font, answer=ans)
        return table(rows, [lw, aw]) + para("", after=0)

    for key, title, items in secs[:2]:
        body.append(plain_section(title, items))
    child_title = secs[2][1]
    body.append(para(run(f"Section on the next page{'s' if n > 1 else ''}: the child's details. The child's name, date of birth, "
                         "sex and address are in the identification label at the top of each child page.", size=8.5,
                         italic=True, font=font)))
    body.append(para(wml.sect_pr({"default": h}, {"default": f}).replace("<w:sectPr>", "<w:pPr><w:sectPr>").replace("</w:sectPr>", "</w:sectPr></w:pPr>")))
    # one Word section per child, each with its own header holding the child's label
    id_keys = (["c_first", "c_last"] if s["split_name"] else ["c_name"])
    if s["split_name"] and s["surname_first"]:
        id_keys = ["c_last", "c_first"]
    for i, C in enumerate(case["children"]):
        lab_rows = [[cell(para(run(label_title, bold=True, size=8, font=font)), 9638, shade="F2F2F2", span=4)]]
        cells = []
        for k in id_keys + ["c_dob", "c_age", "c_gender"]:
            if k not in L:
                continue
            fld = child_value(C, k)
            if fld is None:
                continue
            if k == "c_age" and not fld["shown"]:
                continue
            if k == "c_dob" and not fld["shown"] and C.get("c_age", {}).get("shown"):
                continue
            val = shown(fld, s)
            cells.append((L[k], val))
        if i == 0:
            cells.append((id_label, id_value))
        else:  # each child has an identifier of its own
            digits_ = [ch for ch in id_value if ch.isdigit()]
            alt = "".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in id_value) if digits_ else id_value
            cells.append((id_label, alt))
        if len(cells) % 2:
            cells.append(("", ""))
        for j in range(0, len(cells), 2):
            row = []
            for lab, val in cells[j:j + 2]:
                row.append(cell(para(run(lab, size=8, color="404040", font=font)), 1500))
                row.append(cell(para(run(val, bold=True, size=10, font=font)), 3319))
            lab_rows.append(row)
        if "c_addr" in C:
            fld = C["c_addr"]
            lab_rows.append([cell(para(run(L["c_addr"], size=8, color="404040", font=font)), 1500),
                             cell(answer_paras(fld, s, font=font, bold=True, size=10), 8138, span=3)])
        hdr = wml.hdr_xml(para([run(s["marking"], bold=True, color="C00000", size=8, font=font),
                                run(f"\tChild {i + 1} of {n}", size=8, font=font)], tabs=[("right", 9638)])
                          + table(lab_rows, [1500, 3319, 1500, 3319], borders=wml.border_xml("tblBorders", "single", 8, "000000"))
                          + para("", after=0))
        hid = pkg.add(f"word/header{i + 2}.xml", hdr, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", "header")
        rows = child_rows(C, s, skip=set(id_keys) | {"c_dob", "c_age", "c_gender", "c_addr"})
        t = child_title if n == 1 else f"{child_title} ({i + 1} of {n})"
        body.append(para(run(t, font=font), style="Heading1"))
        body.append(para(run("Identification: see the label at the top of this page.", italic=True, size=9, font=font)))
        body.append(table(kv_rows(rows, s, lw, aw, font=font, answer=ans), [lw, aw]))
        body.append(para(wml.sect_pr({"default": hid}, {"default": f}).replace("<w:sectPr>", "<w:pPr><w:sectPr>").replace("</w:sectPr>", "</w:sectPr></w:pPr>")))
    for key, title, items in secs[3:]:
        if key == "ag":
            body.append(table([section_title_row(title, W, font=font)], [lw, aw]))
            body.append(agencies_table(case, s, font))
            body.append(para("", after=0))
            continue
        body.append(plain_section(title, items))
    doc = wml.document_xml("".join(body), wml.sect_pr({"default": h}, {"default": f}, header_margin=340))
    return pkg.build(doc)


# ------------------------------------------------------------------ W-OVALS

_FONT_CACHE: dict = {}


def text_width_pt(txt: str, size: float, bold=False) -> float:
    key = (size, bold)
    if key not in _FONT_CACHE:
        fn = "liberation/LiberationSans-Bold.ttf" if bold else "liberation/LiberationSans-Regular.ttf"
        _FONT_CACHE[key] = ImageFont.truetype(FONT_DIR + fn, 100)
    return _FONT_CACHE[key].getlength(txt) * size / 100.0


def oval_run(idn: int, w_pt: float, h_pt: float, color: str, dx_pt: float, dy_pt: float) -> str:
    emu = 12700
    cx, cy = int(w_pt * emu), int(h_pt * emu)
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + idn}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="character"><wp:posOffset>{int(dx_pt * emu)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="line"><wp:posOffset>{int(dy_pt * emu)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{idn}" name="Oval {idn}"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>'
        f'<a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="ctr" anchorCtr="0">'
        '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:oval id="Oval {idn}" o:spid="_x0000_s{1025 + idn}" style="position:absolute;'
        f'margin-left:{dx_pt:.1f}pt;margin-top:{dy_pt:.1f}pt;width:{w_pt:.1f}pt;height:{h_pt:.1f}pt;z-index:{idn};'
        'mso-position-horizontal-relative:char;mso-position-vertical-relative:line" filled="f" '
        f'strokecolor="#{color}" strokeweight="1.5pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def render_ovals(case: dict, s: dict, rng: random.Random) -> bytes:
    font, size = "Arial", 10
    pkg = wml.Package()
    common_parts(pkg, s, case, font)
    h, f = header_footer(pkg, s, rng, font)
    color = rng.choice(["C00000", "1F4E79", "000000", "2E75B6"])
    ids = Ids(rng.randrange(10, 200))
    lw, aw = 3400, 6238
    W = lw + aw

    def choice_table(fld) -> str:
        opts = options(fld, s)
        if fld["kind"] == "itype":
            per_row, cw = 1, aw - 120
        else:
            per_row, cw = 3, aw // 3 - 40
        rows, cur = [], []
        for w, on in opts:
            content = []
            if on:
                tw = text_width_pt(w, size)
                content.append(oval_run(ids(), tw + 10 + rng.uniform(0, 4), size * 1.55 + rng.uniform(0, 3), color,
                                        -5 - rng.uniform(0, 2), -3.5 - rng.uniform(0, 1.5)))
            content.append(run(w, font=font))
            cur.append(cell(para(content, after=40, before=40, ind_left=140), cw, borders=None))
            if len(cur) == per_row:
                rows.append(cur)
                cur = []
        if cur:
            while len(cur) < per_row:
                cur.append(cell(para(""), cw))
            rows.append(cur)
        out = table(rows, [cw] * per_row, borders=False)
        if fld["kind"] == "itype":
            det = fld.get("detail") if fld["choice"] == "other" else None
            out += para([run("If other, please specify: ", italic=True, size=9, font=font), run(det or "", font=font)])
        return out

    def ans(k, fld):
        if fld["kind"] in ("tri", "gender", "itype"):
            return choice_table(fld) + para("", after=0)
        return answer_paras(fld, s, font=font)

    body = [para(run(s["title"], font=font), style="Title"), para(run(s["org"], italic=True, font=font)),
            para(run(guidance_text(s) + " Where options are given, please circle the answer that applies.", size=8.5,
                     color="404040", font=font), after=160)]
    for key, title, items in sections(case, s):
        if key == "child":
            n = len(case["children"])
            for i, C in enumerate(case["children"]):
                t = title if n == 1 else f"{title} - child {i + 1} of {n}"
                rows = [section_title_row(t, W, fill="404040", font=font)] + kv_rows(child_rows(C, s), s, lw, aw, shade="F2F2F2", font=font, answer=ans)
                body.append(table(rows, [lw, aw]))
                body.append(para("", after=0))
            continue
        if key == "ag":
            body.append(table([section_title_row(title, W, fill="404040", font=font)], [lw, aw]))
            body.append(agencies_table(case, s, font, spare=2))
            body.append(para("", after=0))
            continue
        rows = [section_title_row(title, W, fill="404040", font=font)] + kv_rows(items, s, lw, aw, shade="F2F2F2", font=font, answer=ans)
        body.append(table(rows, [lw, aw]))
        body.append(para("", after=0))
    doc = wml.document_xml("".join(body), wml.sect_pr({"default": h}, {"default": f}))
    return pkg.build(doc)


# ------------------------------------------------------------------ W-SIGNLINES

def signature_png(name: str, title: str, email: str) -> bytes:
    img = Image.new("RGB", (768, 384), "white")
    d = ImageDraw.Draw(img)
    big = ImageFont.truetype(FONT_DIR + "dejavu/DejaVuSans.ttf", 80)
    small = ImageFont.truetype(FONT_DIR + "dejavu/DejaVuSans.ttf", 34)
    d.text((20, 120), "X", font=big, fill="black")
    d.line((20, 230, 748, 230), fill="black", width=3)
    if name:
        d.text((20, 250), name, font=small, fill="black")
    if title:
        d.text((20, 300), title, font=small, fill="black")
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def signature_line(pkg: wml.Package, idx: int, rng: random.Random, name: str, title: str, email: str) -> str:
    rid = pkg.add_image(f"word/media/image{idx}.png", signature_png(name, title, email))
    guid = "{%08X-%04X-%04X-%04X-%012X}" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                            rng.getrandbits(16), rng.getrandbits(48))
    attrs = f'o:suggestedsigner="{wml.esc(name)}"' if name else ""
    if title:
        attrs += f' o:suggestedsigner2="{wml.esc(title)}"'
    if email:
        attrs += f' o:suggestedsigneremail="{wml.esc(email)}"'
    return ('<w:r><w:pict><v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" '
            'path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/>'
            '<v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>'
            f'<v:shape id="_x0000_i{1025 + idx}" type="#_x0000_t75" alt="Microsoft Office Signature Line..." style="width:192pt;height:96pt">'
            f'<v:imagedata r:id="{rid}" o:title=""/><o:lock v:ext="edit" ungrouping="t" rotation="t" cropping="t" verticies="t" text="t" grouping="t"/>'
            f'<o:signatureline v:ext="edit" id="{guid}" provid="{{00000000-0000-0000-0000-000000000000}}" {attrs} '
            'showsigndate="f" issignatureline="t"/></v:shape></w:pict></w:r>')


TICK, CROSS = "\u2714\ufe0f ", "\u2716\ufe0f "  # heavy check mark / heavy multiplication x, emoji presentation


def render_signlines(case: dict, s: dict, rng: random.Random) -> bytes:
    font = rng.choice(["Calibri", "Arial"])
    pkg = wml.Package()
    common_parts(pkg, s, case, font)
    h, f = header_footer(pkg, s, rng, font)
    F, L = case["F"], s["labels"]
    lw, aw = 3600, 6038
    W = lw + aw
    cross = rng.random() < 0.5

    def emoji_choice(fld) -> str:
        opts = options(fld, s)
        if fld["kind"] == "itype":
            out = []
            for w, on in opts:
                mark = TICK if on else (CROSS if cross else "")
                extra = f": {fld['detail']}" if (on and fld.get("detail")) else ""
                out.append(para([run(mark, font="Segoe UI Emoji"), run(w + extra, font=font)], after=0))
            return "".join(out)
        parts = []
        for w, on in opts:
            mark = TICK if on else (CROSS if (cross and fld["choice"] is not None) else "")
            parts += [run(mark, font="Segoe UI Emoji"), run(w + "     ", font=font)]
        return para(parts)

    def ans(k, fld):
        if fld["kind"] in ("tri", "gender", "itype"):
            return emoji_choice(fld)
        return answer_paras(fld, s, font=font)

    signed_keys = {"ref_name", "ref_role", "lead_name", "lead_role"}
    body = [para(run(s["title"], font=font), style="Title"), para(run(s["org"], italic=True, font=font)),
            para(run(guidance_text(s) + " Mark your answers with a tick. The referrer and the safeguarding lead each "
                     "sign in the sign-off section at the end; their names and job titles are taken from the signature lines.",
                     size=8.5, color="404040", font=font), after=160)]
    for key, title, items in sections(case, s):
        items = [it for it in items if it[0] not in signed_keys]
        if key == "child":
            n = len(case["children"])
            for i, C in enumerate(case["children"]):
                t = title if n == 1 else f"{title} - child {i + 1} of {n}"
                rows = [section_title_row(t, W, fill="2F5496", font=font)] + kv_rows(child_rows(C, s), s, lw, aw, font=font, answer=ans)
                body.append(table(rows, [lw, aw]))
                body.append(para("", after=0))
            continue
        if key == "ag":
            body.append(table([section_title_row(title, W, fill="2F5496", font=font)], [lw, aw]))
            body.append(agencies_table(case, s, font))
            body.append(para("", after=0))
            continue
        rows = [section_title_row(title, W, fill="2F5496", font=font)] + kv_rows(items, s, lw, aw, font=font, answer=ans)
        body.append(table(rows, [lw, aw]))
        body.append(para("", after=0))
    # sign-off
    body.append(para(run("Declaration and sign-off", font=font), style="Heading1"))
    body.append(para(run("I confirm that the information in this form is accurate to the best of my knowledge.", font=font)))
    for idx, who, lab in ((1, "ref", "Referrer's signature"), (2, "lead", f"{L['lead_name']} - signature")):
        nm, tt, em = (F[f"{who}_name"]["shown"], F[f"{who}_role"]["shown"], F[f"{who}_email"]["shown"])
        tt = "" if F[f"{who}_role"]["truth"] is None else tt
        em = "" if F[f"{who}_email"]["truth"] is None else em
        body.append(para(run(lab, bold=True, font=font), before=200))
        body.append(para(signature_line(pkg, idx, rng, nm, tt, em)))
    doc = wml.document_xml("".join(body), wml.sect_pr({"default": h}, {"default": f}))
    return pkg.build(doc)


# ------------------------------------------------------------------ W-WEBDOC

def render_webdoc(case: dict, s: dict, rng: random.Random) -> bytes:
    font = "Aptos"
    main = rng.choice(["word/document2.xml", "word/document22.xml"])
    pkg = wml.Package(main=main)
    common_parts(pkg, s, case, font, app="Microsoft Office Word")
    h, f = header_footer(pkg, s, rng, font)
    L = s["labels"]
    lw, aw = 3500, 6138
    W = lw + aw

    def ans(k, fld):
        return answer_paras(fld, s, font=font)

    body = [para(run(s["title"], font=font), style="Title"), para(run(s["org"], italic=True, font=font)),
            para(run(guidance_text(s), size=9, color="404040", font=font), after=160)]
    for key, title, items in sections(case, s):
        body.append(para(run(title, font=font), style="Heading1"))
        if key == "child":
            n = len(case["children"])
            for i, C in enumerate(case["children"]):
                if n > 1:
                    body.append(para(run(f"Child {i + 1}", bold=True, font=font)))
                body.append(table(kv_rows(child_rows(C, s), s, lw, aw, shade="DEEAF6", font=font, answer=ans), [lw, aw]))
                body.append(para("", after=0))
            continue
        if key == "ag":
            lab = f"{L['ag_agency']} ({L['ag_name'].lower()}, {L['ag_contact'].lower()})"
            body.append(para(run(f"List the agencies, separated by semicolons, each with the {L['ag_name'].lower()} (if any) "
                                 "and how to contact them in brackets.",
                                 italic=True, size=9, font=font)))
            items_txt = []
            for a in case["agencies"]:
                inner = ", ".join(x for x in (a["name"], a["contact"]) if x)
                items_txt.append(f"{a['agency']} ({inner})")
            body.append(table([[cell(para(run(lab, bold=True, font=font)), lw, shade="DEEAF6"),
                                cell(para(run("; ".join(items_txt) + ("." if items_txt else ""), font=font)), aw)]], [lw, aw]))
            continue
        body.append(table(kv_rows(items, s, lw, aw, shade="DEEAF6", font=font, answer=ans), [lw, aw]))
    # Word for the web stamps every paragraph with w14 ids
    xml = "".join(body)
    out, i = [], 0
    for piece in xml.split("<w:p>"):
        if i:
            out.append(f'<w:p w14:paraId="{rng.getrandbits(31):08X}" w14:textId="{rng.getrandbits(31):08X}">')
        out.append(piece)
        i += 1
    doc = wml.document_xml("".join(out), wml.sect_pr({"default": h}, {"default": f}))
    return pkg.build(doc)


WORD_LAYOUTS = {
    "W-STRICT": render_strict,
    "W-HDRLABEL": render_hdrlabel,
    "W-OVALS": render_ovals,
    "W-SIGNLINES": render_signlines,
    "W-WEBDOC": render_webdoc,
}
