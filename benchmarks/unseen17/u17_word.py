"""The five Word layouts of unseen17."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import uuid

from PIL import Image, ImageDraw, ImageFont

from u17_common import footer_text, guidance, header_text
from u17_docx import Package, esc, p, r, settings_xml, tbl, tc, tr, zip_bytes, REL, sect_pr
from u17_model import A, Case, child_keys, fmt_date, top_keys, LONG_KEYS

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def colon(label: str) -> str:
    return label if label.endswith(("?", ")", ":")) else label + ":"


def created(case: Case) -> str:
    d = dt.date.fromisoformat(case.answers["ref_date"].date.isoformat()) if case.answers["ref_date"].date else dt.date(2026, 1, 5)
    return f"{d.isoformat()}T10:{(d.day * 7) % 60:02d}:00Z"


def header_xml(case: Case) -> str:
    return p(r(header_text(case), sz=8, b=True, color="C00000"), style="Header")


def footer_xml(case: Case, extra: str = "") -> str:
    return p(r(footer_text(case) + (("    " + extra) if extra else ""), sz=7.5, color="595959"), style="Footer")


def value_text(case: Case, a: A) -> str:
    """The printed value on one logical line set (lines joined by newlines)."""
    if a.kind in ("tri", "gender", "itype"):
        return case.word(a)
    if a.kind == "paras":
        return "\n\n".join(a.shown) if a.shown else ""
    if a.kind == "lines":
        return "\n".join(a.shown) if isinstance(a.shown, list) else (a.shown or "")
    return a.text()


def child_label(case: Case, key: str) -> str:
    return case.sender["labels"][key]


def sections_in_order(case: Case) -> list[str]:
    return ["ref", "lead", "child", "inc", "crit", "panel", "ag", "conc", "decoy"]


# ============================================================================================ W-DOCVARS

ERR = "Error! No document variable supplied."

VARNAMES = {"ref_date": "RefDate", "ref_name": "RefName", "ref_role": "RefRole", "ref_agency": "RefOrg",
            "ref_email": "RefEmail", "ref_phone": "RefTel", "lead_name": "DSLName", "lead_role": "DSLRole",
            "lead_agency": "DSLOrg", "lead_email": "DSLEmail", "lead_phone": "DSLTel", "lead_discussed": "DSLAgreed",
            "inc_date": "IncDate", "inc_la": "LAAware", "inc_location": "IncPlace", "inc_type": "IncType",
            "inc_summary": "IncSummary", "inc_police": "Police", "cr_died": "Crit1", "cr_abuse": "Crit2",
            "cr_local": "Crit3", "cr_learning": "Crit4", "cr_reason": "CritReason", "panel": "PanelYN",
            "panel_date": "PanelDate", "concerns": "Immediate", "c_first": "Forename", "c_last": "Surname",
            "c_name": "FullName", "c_other": "AKA", "c_dob": "DOB", "c_age": "Age", "c_gender": "Sex",
            "c_eth": "Ethnicity", "c_address": "Address", "c_school": "School", "c_gp": "GP", "c_legal": "Legal",
            "c_cp": "CPPlan", "c_csc": "CSC", "c_lac": "LAC", "c_dis": "Disability", "c_dod": "DOD"}


class DocVars:
    def __init__(self, unset_mode: str):
        self.vars: list[tuple[str, str]] = []
        self.unset_mode = unset_mode

    def value(self, name: str, value: str | None) -> str | None:
        """Register a variable; returns the result text (None = unset -> error)."""
        if value is None or not value.strip():
            if self.unset_mode == "space":
                self.vars.append((name, " "))
                return " "
            return None
        self.vars.append((name, value))
        return value

    def settings(self) -> str:
        out = []
        for n, v in self.vars:
            out.append(f'<w:docVar w:name="{esc(n)}" w:val="{esc(v).replace(chr(10), "&#13;")}"/>')
        return "<w:docVars>" + "".join(out) + "</w:docVars>"


def fld(instr: str, result_runs: str, fmt: dict | None = None) -> str:
    fmt = fmt or {}
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result_runs}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def dv_runs(dvs: DocVars, name: str, value: str | None, fmt: dict) -> str:
    res = dvs.value(name, value)
    if res is None:
        return fld(f" DOCVARIABLE  {name}  \\* MERGEFORMAT ", r(ERR, b=True))
    return fld(f" DOCVARIABLE  {name}  \\* MERGEFORMAT ", r(res, **fmt))


def render_docvars(case: Case, rng: random.Random) -> tuple[bytes, dict]:
    s = case.sender
    unset_mode = rng.choice(["error", "error", "space"])
    glyphs = case.variant % 2 == 0
    font = rng.choice(["Arial", "Calibri", "Verdana"])
    dvs = DocVars(unset_mode)
    fmt = {"font": None}
    body = []
    tab = rng.choice([4253, 4536, 4820])

    def heading(text: str) -> None:
        body.append(p(r(text, b=True, sz=11.5, color="FFFFFF"), shd="1F4E79", keep_next=True, before=200, after=80))

    def field_line(label: str, name: str, a: A) -> None:
        if a.kind == "tri" and glyphs:
            val = case.word(a) if a.choice else None
            res = dvs.value(name, val)
            inner_res = r(ERR, b=True) if res is None else r(res)
            parts = [r(colon(label) + "\t")]
            for key, word in case.tri_options():
                chosen = a.choice == key
                glyph = "☒" if chosen else "☐"
                inner = fld(f" DOCVARIABLE {name} ", inner_res)
                runs = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>{inner}'
                        f'<w:r><w:instrText xml:space="preserve"> = "{esc(word)}" "☒" "☐" </w:instrText></w:r>'
                        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(glyph, font="MS Gothic")}'
                        f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')
                parts.append(runs + r(f" {word}   "))
            body.append(p("".join(parts), tabs=[("left", tab, "none")], after=60))
            return
        if a.kind in ("lines", "paras") or (a.kind == "text" and name.endswith(("Reason", "Immediate"))):
            body.append(p(r(colon(label), b=True), keep_next=True, after=20))
            if a.kind == "paras" and a.shown:
                dvs.value(name, "\n".join(a.shown))
                paras = a.shown
                out = []
                for i, para in enumerate(paras):
                    runs = ""
                    if i == 0:
                        runs += (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                 f'<w:r><w:instrText xml:space="preserve"> DOCVARIABLE  {name}  \\* MERGEFORMAT </w:instrText></w:r>'
                                 f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
                    runs += r(para)
                    if i == len(paras) - 1:
                        runs += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                    out.append(p(runs, ind_left=567, after=100))
                body.extend(out)
                return
            val = value_text(case, a) or None
            body.append(p(dv_runs(dvs, name, val, fmt), ind_left=567, after=100))
            return
        val = value_text(case, a) or None
        body.append(p(r(colon(label) + "\t") + dv_runs(dvs, name, val, fmt), tabs=[("left", tab, "none")], after=60))

    body.append(p(r(s["org"], b=True, sz=9, color="1F4E79")))
    body.append(p(r(s["form_title"]), style="Title"))
    body.append(p(r(guidance(case), i=True, sz=9, color="404040"), after=160))
    body.append(p(r(f"This form was produced by the referral wizard (Referral.dotm). To change an answer, run the "
                    f"wizard again from the {s['short']} templates menu - do not type over the grey fields.",
                    sz=8.5, color="7F7F7F"), after=200))
    lab = s["labels"]
    for sec in sections_in_order(case):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            heading(s["sections"][sec])
            for k in top_keys(s, sec):
                field_line(lab[k], VARNAMES[k], case.answers[k])
        elif sec == "child":
            n = len(case.children)
            for ci, c in enumerate(case.children):
                heading(s["sections"]["child"] + (f" - child {ci + 1} of {n}" if n > 1 else ""))
                for k in child_keys(s):
                    field_line(lab[k], f"Child{ci + 1}{VARNAMES[k]}", c[k])
        elif sec == "ag":
            heading(s["sections"]["ag"])
            w = [3000, 3400, 3238]
            rows = [tr([tc(p(r(h, b=True)), w[i], shade="DEEAF6") for i, h in enumerate(s["ag_cols"])], header=True)]
            nrows = max(3, len(case.agencies) + 1)
            for ai in range(nrows):
                ag = case.agencies[ai] if ai < len(case.agencies) else None
                cells = []
                for ci, (col, key) in enumerate(zip(s["ag_cols"], ("name", "agency", "contact"))):
                    v = ag[key] if ag else None
                    cells.append(tc(p(dv_runs(dvs, f"Agency{ai + 1}{key.title()}", v, fmt)), w[ci]))
                rows.append(tr(cells))
            body.append(tbl(rows, w))
            body.append(p(""))
        elif sec == "decoy":
            heading(s["sections"]["decoy"])
            for i, (dl, dvv) in enumerate(case.decoys):
                body.append(p(r(colon(dl) + "\t") + dv_runs(dvs, f"Extra{i + 1}", dvv, fmt),
                              tabs=[("left", tab, "none")], after=60))
    body.append(p(""))
    body.append(p(r("Signed: ______________________        Date: ______________", color="595959"), before=240))
    gen = case.answers["ref_date"].date + dt.timedelta(days=rng.choice([0, 0, 1]))
    pkg = Package(s["form_title"], case.answers["ref_name"].text() or "User", created(case))
    pkg.rel(REL + "attachedTemplate", "file:///C:/Users/Shared/Templates/Referral.dotm", "External")
    foot = footer_xml(case, f"Wizard output {fmt_date(gen, case.main_style)} {rng.randrange(8, 17):02d}:{rng.randrange(0, 60):02d}")
    settings = settings_xml(extra_before_tab=f'<w:attachedTemplate r:id="{pkg.doc_rels[-1][0]}"/>',
                            extra_after_compat=dvs.settings())
    styles = None
    from u17_docx import styles_xml
    styles = styles_xml(font=font)
    data = pkg.build("".join(body), settings, header=header_xml(case), footer=foot, styles=styles)
    return data, {"unset": unset_mode, "yes_no": "IF-field glyphs" if glyphs else "words", "font": font,
                  "docvars": len(dvs.vars)}


# ============================================================================================ W-XMLBOUND

PROPS_NS = "http://schemas.microsoft.com/office/2006/metadata/properties"

WORD_DATE_FMT = {"dmy_slash": ("dd/MM/yyyy", "dmy_slash"), "long": ("d MMMM yyyy", "long"),
                 "ordinal": ("d MMMM yyyy", "long"), "dots": ("dd.MM.yyyy", "dots"),
                 "abbr_dash": ("dd-MMM-yyyy", "abbr_dash"), "abbr": ("d MMM yyyy", "abbr"),
                 "iso": ("yyyy-MM-dd", "iso"), "slash2": ("dd/MM/yy", "slash2"),
                 "weekday": ("dddd d MMMM yyyy", "weekday"), "dmy_short": ("d/M/yyyy", "dmy_short"),
                 "dmy_dash": ("dd-MM-yyyy", "dmy_dash")}


def sp_internal(label: str, used: set[str]) -> str:
    """A SharePoint-style internal column name: spaces as _x0020_, other punctuation encoded, 32 chars max."""
    out = []
    for ch in label:
        if ch.isalnum():
            out.append(ch)
        elif ch == " ":
            out.append("_x0020_")
        else:
            out.append(f"_x{ord(ch):04x}_")
    name = "".join(out)[:32]
    name = re.sub(r"_x[0-9a-f]{0,3}$", "", name)
    base, n = name, 0
    while name in used:
        n += 1
        name = f"{base[:31 - len(str(n))]}{n}"
    used.add(name)
    return name


def render_xmlbound(case: Case, rng: random.Random) -> tuple[bytes, dict]:
    s = case.sender
    stale = case.variant % 2 == 1
    store = "{" + str(uuid.UUID(int=rng.getrandbits(128))).upper() + "}"
    listns = str(uuid.UUID(int=rng.getrandbits(128)))
    used: set[str] = set()
    xml_items: list[str] = []
    sdt_id = [rng.randrange(100000000, 900000000)]
    lab = s["labels"]
    shade = rng.choice(["D9D9D9", "DEEAF6", "E2EFDA"])
    font = rng.choice(["Segoe UI", "Calibri", "Arial"])
    wfmt, disp_style = WORD_DATE_FMT[case.main_style]
    dwfmt, ddisp_style = WORD_DATE_FMT[case.dob_style]

    def control(display: str, a: A | None, kind: str, value: str | None, date: dt.date | None = None,
                options: list[str] | None = None, dob=False) -> str:
        internal = sp_internal(display, used)
        # the data store
        if kind == "date":
            if date is not None:
                xml_items.append(f'<{internal} xmlns="{listns}">{date.isoformat()}T00:00:00Z</{internal}>')
            else:
                xml_items.append(f'<{internal} xmlns="{listns}" xsi:nil="true"/>')
        else:
            if value:
                xml_items.append(f'<{internal} xmlns="{listns}">{esc(value)}</{internal}>')
            else:
                xml_items.append(f'<{internal} xmlns="{listns}"/>')
        sdt_id[0] += 7
        binding = (f'<w:dataBinding w:prefixMappings="xmlns:ns0=\'{PROPS_NS}\' '
                   f'xmlns:ns1=\'http://www.w3.org/2001/XMLSchema-instance\' '
                   f'xmlns:ns2=\'http://schemas.microsoft.com/office/infopath/2007/PartnerControls\' '
                   f'xmlns:ns3=\'{listns}\' " w:xpath="/ns0:properties[1]/documentManagement[1]/ns3:{internal}[1]" '
                   f'w:storeItemID="{store}"/>')
        has = (date is not None) if kind == "date" else bool(value)
        show_ph = stale or not has
        if kind == "date":
            fmtw = dwfmt if dob else wfmt
            full = f' w:fullDate="{date.isoformat()}T00:00:00Z"' if date is not None else ""
            typ = (f'<w:date{full}><w:dateFormat w:val="{fmtw}"/><w:lid w:val="en-GB"/>'
                   f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
        elif kind == "choice":
            typ = "<w:dropDownList>" + "".join(f'<w:listItem w:displayText="{esc(o)}" w:value="{esc(o)}"/>'
                                               for o in options or []) + "</w:dropDownList>"
        elif kind == "multi":
            typ = '<w:text w:multiLine="1"/>'
        else:
            typ = "<w:text/>"
        if show_ph:
            content = r(f"[{display}]", style="PlaceholderText")
        else:
            if kind == "date":
                content = r(fmt_date(date, ddisp_style if dob else disp_style))
            else:
                content = r(value)
        ph = "<w:showingPlcHdr/>" if show_ph else ""
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{esc(display)}"/><w:tag w:val=""/><w:id w:val="{sdt_id[0]}"/>'
                f'<w:lock w:val="sdtLocked"/>{ph}{binding}{typ}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>')

    def ctl_for(display: str, a: A, dob=False) -> str:
        if a.kind == "date":
            if a.filler:
                return control(display, a, "text", a.text())
            return control(display, a, "date", None, a.date, dob=dob)
        if a.kind == "tri":
            return control(display, a, "choice", case.word(a) or None, options=[w for _, w in case.tri_options()])
        if a.kind == "gender":
            return control(display, a, "choice", case.word(a) or None, options=[w for _, w in case.gender_options()])
        if a.kind == "itype":
            opts = [w for _, w in case.itype_options()]
            val = case.word(a) or None
            if val and val not in opts:
                opts.append(val)
            return control(display, a, "choice", val, options=opts)
        if a.kind in ("lines", "paras"):
            return control(display, a, "multi", value_text(case, a) or None)
        return control(display, a, "text", a.text() or None)

    W = [3600, 6038]
    body = []

    def section(title: str) -> None:
        body.append(p(r(title, b=True, sz=12, color="1F3864"), style="Heading2"))

    def row(label: str, ctl: str) -> str:
        return tr([tc(p(r(label, b=True, sz=9.5)), W[0], shade=shade), tc(p(ctl), W[1])])

    body.append(p(r(s["form_title"]), style="Title"))
    body.append(p(r(f"{s['org']} - {s['partnership']}", sz=9, color="595959")))
    body.append(p(r(guidance(case), sz=8.5, i=True, color="404040"), after=160))
    for sec in sections_in_order(case):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            section(s["sections"][sec])
            rows = []
            for k in top_keys(s, sec):
                a = case.answers[k]
                rows.append(row(lab[k], ctl_for(lab[k], a)))
            body.append(tbl(rows, W))
        elif sec == "child":
            slots = max(3, len(case.children))
            for ci in range(slots):
                c = case.children[ci] if ci < len(case.children) else None
                section(f"{s['sections']['child']} {ci + 1}")
                rows = []
                for k in child_keys(s):
                    disp = lab[k] if ci == 0 else f"C{ci + 1} {lab[k]}"
                    a = c[k] if c else A(kind_default(k))
                    rows.append(row(lab[k], ctl_for(disp, a, dob=k in ("c_dob", "c_dod"))))
                body.append(tbl(rows, W))
        elif sec == "ag":
            section(s["sections"]["ag"])
            w3 = [3000, 3400, 3238]
            rows = [tr([tc(p(r(h, b=True, sz=9.5)), w3[i], shade=shade) for i, h in enumerate(s["ag_cols"])])]
            for ai in range(max(4, len(case.agencies))):
                ag = case.agencies[ai] if ai < len(case.agencies) else None
                cells = []
                for ci, key in enumerate(("name", "agency", "contact")):
                    disp = f"Agency {ai + 1} {s['ag_cols'][ci]}"
                    cells.append(tc(p(control(disp, None, "text", ag[key] if ag else None)), w3[ci]))
                rows.append(tr(cells))
            body.append(tbl(rows, w3))
        elif sec == "decoy":
            section(s["sections"]["decoy"])
            rows = [row(dl, control(dl, None, "text", dvv)) for dl, dvv in case.decoys]
            body.append(tbl(rows, W))
    body.append(p(""))
    pkg = Package(s["form_title"], case.answers["ref_name"].text() or "SharePoint", created(case))
    item = ('<?xml version="1.0" encoding="utf-8"?><p:properties xmlns:p="' + PROPS_NS + '" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:pc="http://schemas.microsoft.com/office/infopath/2007/PartnerControls">'
            '<documentManagement>' + "".join(xml_items) + '</documentManagement></p:properties>')
    props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
             f'<ds:datastoreItem ds:itemID="{store}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
             f'<ds:schemaRefs><ds:schemaRef ds:uri="{PROPS_NS}"/>'
             '<ds:schemaRef ds:uri="http://schemas.microsoft.com/office/infopath/2007/PartnerControls"/>'
             f'<ds:schemaRef ds:uri="{listns}"/></ds:schemaRefs></ds:datastoreItem>')
    pkg.add("customXml/item1.xml", item)
    pkg.add("customXml/itemProps1.xml", props, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    pkg.add("customXml/_rels/item1.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>')
    pkg.rel(REL + "customXml", "../customXml/item1.xml")
    ctid = "0x010100" + "".join(rng.choice("0123456789ABCDEF") for _ in range(32))
    pkg.custom_props = [("ContentTypeId", ctid)]
    from u17_docx import styles_xml
    data = pkg.build("".join(body), settings_xml(), header=header_xml(case), footer=footer_xml(case),
                     styles=styles_xml(font=font, size=10))
    return data, {"body": "stale - every control shows its [placeholder]; values only in customXml/item1.xml"
                  if stale else "refreshed - controls show the bound values", "store": store,
                  "date_display": wfmt}


def kind_default(key: str) -> str:
    from u17_model import kind_of
    return kind_of(key)


# ============================================================================================ W-OLESHEET

def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def col_letter(i: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def make_xlsx(rows: list[list], widths: list[float], sheet: str, title: str) -> bytes:
    """A minimal Excel workbook. A cell is None, str, ("date", date) or ("bold", str)."""
    strings: list[str] = []
    index: dict[str, int] = {}

    def si(text: str) -> int:
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    xrows = []
    for ri, row in enumerate(rows):
        cells = []
        for ci, cell in enumerate(row):
            ref = f"{col_letter(ci)}{ri + 1}"
            if cell is None:
                continue
            if isinstance(cell, tuple) and cell[0] == "date":
                cells.append(f'<c r="{ref}" s="2"><v>{excel_serial(cell[1])}</v></c>')
            elif isinstance(cell, tuple) and cell[0] == "bold":
                cells.append(f'<c r="{ref}" s="1" t="s"><v>{si(cell[1])}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="3" t="s"><v>{si(cell)}</v></c>')
        xrows.append(f'<row r="{ri + 1}">{"".join(cells)}</row>')
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths))
    last = f"{col_letter(len(widths) - 1)}{len(rows)}"
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                 f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
                 f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{"".join(xrows)}</sheetData>'
                 '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           f'count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f'<si><t xml:space="preserve">{esc(t)}</t></si>' for t in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>'
              '</cellXfs></styleSheet>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="{esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{esc(title)}</dc:title></cp:coreProperties>')
    return zip_bytes([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                      ("docProps/core.xml", core.encode()), ("xl/workbook.xml", wb.encode()),
                      ("xl/_rels/workbook.xml.rels", wbrels.encode()), ("xl/styles.xml", styles.encode()),
                      ("xl/sharedStrings.xml", sst.encode()), ("xl/worksheets/sheet1.xml", sheet_xml.encode())])


def preview_png(rows: list[list], widths: list[float]) -> tuple[bytes, int, int]:
    """What Excel's object preview shows: the grid with the displayed cell text."""
    font = ImageFont.truetype(FONT_DIR + "DejaVuSans.ttf", 13)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSans-Bold.ttf", 13)
    px = [int(w * 7.2) for w in widths]
    heights = []
    for row in rows:
        lines = 1
        for cell in row:
            if isinstance(cell, str):
                lines = max(lines, cell.count("\n") + 1)
        heights.append(6 + 17 * lines)
    W, H = sum(px) + 1, sum(heights) + 1
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    y = 0
    for ri, row in enumerate(rows):
        x = 0
        for ci, wpx in enumerate(px):
            d.rectangle([x, y, x + wpx, y + heights[ri]], outline=(191, 191, 191))
            cell = row[ci] if ci < len(row) else None
            f = font
            if isinstance(cell, tuple) and cell[0] == "date":
                text = cell[1].strftime("%d/%m/%Y")
                tw = d.textlength(text, font=f)
                d.text((x + wpx - tw - 4, y + 3), text, fill="black", font=f)
            elif cell is not None:
                text = cell[1] if isinstance(cell, tuple) else cell
                if isinstance(cell, tuple):
                    f = bold
                for li, line in enumerate(text.split("\n")):
                    while line and d.textlength(line, font=f) > wpx - 6:
                        line = line[:-1]
                    d.text((x + 3, y + 3 + 17 * li), line, fill="black", font=f)
            x += wpx
        y += heights[ri]
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue(), W, H


def ole_object(pkg: Package, n: int, xlsx: bytes, png: bytes, wpx: int, hpx: int) -> str:
    pkg.add(f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx", xlsx)
    pkg.add(f"word/media/image{n}.png", png)
    rid_img = pkg.rel(REL + "image", f"media/image{n}.png")
    rid_ole = pkg.rel(REL + "package", f"embeddings/Microsoft_Excel_Worksheet{n}.xlsx")
    wpt, hpt = wpx * 0.75, hpx * 0.75
    if wpt > 480:
        hpt, wpt = hpt * 480 / wpt, 480
    shapetype = ('<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" '
                 'path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/><v:formulas>'
                 '<v:f eqn="if lineDrawn pixelLineWidth 0"/><v:f eqn="sum @0 1 0"/><v:f eqn="sum 0 0 @1"/>'
                 '<v:f eqn="prod @2 1 2"/><v:f eqn="prod @3 21600 pixelWidth"/><v:f eqn="prod @3 21600 pixelHeight"/>'
                 '<v:f eqn="sum @0 0 1"/><v:f eqn="prod @6 1 2"/><v:f eqn="prod @7 21600 pixelWidth"/>'
                 '<v:f eqn="sum @8 21600 0"/><v:f eqn="prod @7 21600 pixelHeight"/><v:f eqn="sum @10 21600 0"/>'
                 '</v:formulas><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>'
                 '<o:lock v:ext="edit" aspectratio="t"/></v:shapetype>') if n == 1 else ""
    return (f'<w:r><w:object w:dxaOrig="{int(wpt * 20)}" w:dyaOrig="{int(hpt * 20)}">{shapetype}'
            f'<v:shape id="_x0000_i10{24 + n}" type="#_x0000_t75" style="width:{wpt:.1f}pt;height:{hpt:.1f}pt" o:ole="">'
            f'<v:imagedata r:id="{rid_img}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i10{24 + n}" DrawAspect="Content" '
            f'ObjectID="_18{n}4{7 * n}0{n}93" r:id="{rid_ole}"/></w:object></w:r>')


def render_olesheet(case: Case, rng: random.Random) -> tuple[bytes, dict]:
    s = case.sender
    lab = s["labels"]
    serial_dates = case.variant % 2 == 0
    shade = rng.choice(["F2F2F2", "DDEBF7", "FFF2CC"])
    font = rng.choice(["Arial", "Calibri", "Tahoma"])
    pkg = Package(s["form_title"], case.answers["ref_name"].text() or "User", created(case))
    pkg.default("png", "image/png")
    pkg.default("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    W = [3900, 5738]
    body = [p(r(s["org"], b=True, sz=10, color="404040")), p(r(s["form_title"]), style="Title"),
            p(r(guidance(case), sz=8.5, i=True), after=160)]

    def section(title: str) -> None:
        body.append(p(r(title, b=True, sz=11), style="Heading2"))

    def table_for(keys: list[str]) -> None:
        rows = []
        for k in keys:
            a = case.answers[k]
            if a.kind == "paras":
                cont = "".join(p(x) for x in (a.shown or [""]))
            else:
                cont = p(r(value_text(case, a))) if value_text(case, a) else p("")
            rows.append(tr([tc(p(r(lab[k], b=True, sz=9.5)), W[0], shade=shade), tc(cont, W[1])]))
        body.append(tbl(rows, W))

    def sheet_cell(a: A):
        if a.kind == "date" and not a.filler and a.date is not None:
            return ("date", a.date) if serial_dates else fmt_date(a.date, case.dob_style)
        t = value_text(case, a)
        return t or None

    n_obj = 0
    for sec in sections_in_order(case):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            section(s["sections"][sec])
            table_for(top_keys(s, sec))
        elif sec == "child":
            section(s["sections"]["child"])
            body.append(p(r("Please complete the embedded spreadsheet below - one column for each child. "
                            "Double-click the table to open it in Excel.", sz=9, i=True, color="595959")))
            slots = max(3, len(case.children))
            rows = [[("bold", "Question")] + [("bold", f"Child {i + 1}") for i in range(slots)]]
            for k in child_keys(s):
                row = [("bold", lab[k])]
                for ci in range(slots):
                    row.append(sheet_cell(case.children[ci][k]) if ci < len(case.children) else None)
                rows.append(row)
            widths = [34] + [24] * slots
            xl = make_xlsx(rows, widths, "Children", "Children")
            png, wpx, hpx = preview_png(rows, widths)
            n_obj += 1
            body.append(p(ole_object(pkg, n_obj, xl, png, wpx, hpx)))
        elif sec == "ag":
            section(s["sections"]["ag"])
            body.append(p(r("Embedded table - add a row for each agency.", sz=9, i=True, color="595959")))
            rows = [[("bold", h) for h in s["ag_cols"]]]
            for ag in case.agencies:
                rows.append([ag["name"], ag["agency"], ag["contact"]])
            for _ in range(rng.randrange(1, 3)):
                rows.append([None, None, None])
            widths = [26, 32, 30]
            xl = make_xlsx(rows, widths, "Agencies", "Agencies")
            png, wpx, hpx = preview_png(rows, widths)
            n_obj += 1
            body.append(p(ole_object(pkg, n_obj, xl, png, wpx, hpx)))
        elif sec == "decoy":
            section(s["sections"]["decoy"])
            rows = [tr([tc(p(r(dl, b=True, sz=9.5)), W[0], shade=shade), tc(p(dvv), W[1])]) for dl, dvv in case.decoys]
            body.append(tbl(rows, W))
    body.append(p(""))
    from u17_docx import styles_xml
    data = pkg.build("".join(body), settings_xml(), header=header_xml(case), footer=footer_xml(case),
                     styles=styles_xml(font=font, size=10))
    return data, {"sheet_dates": "Excel date serials with dd/mm/yyyy number format" if serial_dates else "typed text",
                  "objects": "children sheet (one column per child, 3+ slots) and agencies sheet, PNG previews"}


# ============================================================================================ W-WRONGCELL

def render_wrongcell(case: Case, rng: random.Random) -> tuple[bytes, dict]:
    s = case.sender
    lab = s["labels"]
    shade = rng.choice(["D9E2F3", "E7E6E6", "FBE4D5"])
    font = rng.choice(["Arial", "Calibri", "Century Gothic"])
    p_label = rng.uniform(0.22, 0.38)
    W = [4100, 5538]
    body = [p(r(s["partnership"], b=True, sz=10, color="1F3864"), align="right"),
            p(r(s["form_title"]), style="Title"), p(r(guidance(case), sz=8.5, i=True), after=120)]
    placed = {"label_cell_same_para": 0, "label_cell_new_para": 0, "answer_cell": 0}
    hint_tri = f"{s['yes']} / {s['no']} / {s['third']}"
    gw = s["gender_words"]
    hint_gender = f"{gw['female']} / {gw['male']} / {gw['other']}"
    sep = rng.choice([" ", ": ", " - ", "  "])

    def hint_for(a: A) -> str | None:
        if a.kind == "tri":
            return hint_tri
        if a.kind == "gender":
            return hint_gender
        if a.kind == "date":
            return "dd/mm/yyyy"
        return None

    def answer_runs(a: A, bold_inherit: bool) -> list[str]:
        """Answer as a list of paragraphs' run XML."""
        if a.kind == "paras":
            return [r(x, b=bold_inherit) for x in (a.shown or [])]
        if a.kind == "lines":
            lines = a.shown if isinstance(a.shown, list) else ([a.shown] if a.shown else [])
            return [r("\n".join(lines), b=bold_inherit)] if lines else []
        t = value_text(case, a)
        return [r(t, b=bold_inherit)] if t else []

    def field_row(label: str, a: A) -> str:
        long = a.kind == "paras" or (a.kind == "text" and len(a.text()) > 90)
        mode = "cell"
        if not a.blank and rng.random() < p_label:
            mode = rng.choice(["same", "same", "new"])
        if a.kind == "paras" and mode == "same":
            mode = "new"
        bold_inh = rng.random() < 0.5
        hint = hint_for(a)
        lab_x = colon(label) if rng.random() < 0.3 else label
        sep_here = " " if lab_x.endswith((":", "?")) and sep.strip() == ":" else sep
        ans = answer_runs(a, bold_inh and mode == "same")
        if mode == "same":
            placed["label_cell_same_para"] += 1
            first = ans[0] if ans else ""
            lcell = p(r(lab_x, b=True) + r(sep_here, b=bold_inh) + first) + \
                "".join(p(x) for x in ans[1:])
            acell = p(r(hint, color="A6A6A6", i=True)) if hint else p("")
        elif mode == "new":
            placed["label_cell_new_para"] += 1
            lcell = p(r(lab_x, b=True)) + "".join(p(x) for x in ans)
            acell = p(r(hint, color="A6A6A6", i=True)) if hint else p("")
        else:
            if ans:
                placed["answer_cell"] += 1
            lcell = p(r(lab_x, b=True))
            acell = "".join(p(x) for x in ans) if ans else (p(r(hint, color="A6A6A6", i=True)) if hint else p(""))
        if long:
            return (tr([tc(lcell, sum(W), shade=shade, span=2)]) +
                    tr([tc(acell if mode == "cell" else p(""), sum(W), span=2)], height=900))
        return tr([tc(lcell, W[0], shade=shade), tc(acell, W[1])])

    def section(title: str) -> None:
        body.append(p(r(title, b=True, sz=11.5, color="FFFFFF"), shd="404040", before=200, after=60, keep_next=True))

    for sec in sections_in_order(case):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            section(s["sections"][sec])
            body.append(tbl([field_row(lab[k], case.answers[k]) for k in top_keys(s, sec)], W))
        elif sec == "child":
            for ci, c in enumerate(case.children):
                section(s["sections"]["child"] + (f" ({ci + 1})" if len(case.children) > 1 else ""))
                body.append(tbl([field_row(lab[k], c[k]) for k in child_keys(s)], W))
        elif sec == "ag":
            section(s["sections"]["ag"])
            w3 = [3000, 3400, 3238]
            rows = [tr([tc(p(r(h, b=True)), w3[i], shade=shade) for i, h in enumerate(s["ag_cols"])])]
            for ag in case.agencies:
                rows.append(tr([tc(p(ag[k] or ""), w3[i]) for i, k in enumerate(("name", "agency", "contact"))]))
            for _ in range(rng.randrange(1, 3)):
                rows.append(tr([tc(p(""), w) for w in w3]))
            body.append(tbl(rows, w3))
        elif sec == "decoy":
            section(s["sections"]["decoy"])
            body.append(tbl([tr([tc(p(r(dl, b=True)), W[0], shade=shade), tc(p(dvv), W[1])]) for dl, dvv in case.decoys], W))
    body.append(p(""))
    pkg = Package(s["form_title"], case.answers["ref_name"].text() or "User", created(case))
    from u17_docx import styles_xml
    data = pkg.build("".join(body), settings_xml(), header=header_xml(case), footer=footer_xml(case),
                     styles=styles_xml(font=font, size=10))
    return data, {"placement": placed, "separator_after_label": repr(sep),
                  "hints": f"grey '{hint_tri}', '{hint_gender}', 'dd/mm/yyyy' left in answer cells"}


# ============================================================================================ W-PROMPTCC

PH_PREFIX = ["[{}]", "[{}]", "Enter {}", "{}"]


def render_promptcc(case: Case, rng: random.Random) -> tuple[bytes, dict]:
    s = case.sender
    lab = s["labels"]
    accent = rng.choice(["2E75B6", "C55A11", "548235", "7030A0"])
    font = rng.choice(["Segoe UI", "Calibri Light", "Gill Sans MT"])
    ph_style = rng.choice(["brackets", "brackets", "enter"])
    choice_style = "checkbox" if case.variant % 2 == 0 else "dropdown"
    ids = [rng.randrange(1000000, 9000000)]
    docparts: list[tuple[str, str]] = []
    wfmt, disp = WORD_DATE_FMT[case.main_style]
    dwfmt, ddisp = WORD_DATE_FMT[case.dob_style]

    def ph_text(label: str) -> str:
        base = re.sub(r"\s*\(.*?\)\s*$", "", label).rstrip("?:").strip()
        if ph_style == "enter":
            return f"Click here to enter: {base.lower()}"
        return f"[{base}]"

    def sdt(alias: str, typ: str, shown: str | None, dob=False, date: dt.date | None = None, multi=False) -> str:
        ids[0] += 13
        gid = "{" + str(uuid.UUID(int=rng.getrandbits(128))).upper() + "}"
        dp_name = gid.strip("{}").replace("-", "")
        text = ph_text(alias)
        docparts.append((dp_name, text, gid))
        tag = re.sub(r"[^A-Za-z0-9]", "", alias.title())[:24]
        if shown is None:
            content = r(text, style="PlaceholderText")
            ph = "<w:showingPlcHdr/>"
        else:
            content = r(shown, sz=11)
            ph = ""
        if typ == "date":
            full = f' w:fullDate="{date.isoformat()}T00:00:00Z"' if date is not None and shown is not None else ""
            t = (f'<w:date{full}><w:dateFormat w:val="{dwfmt if dob else wfmt}"/><w:lid w:val="en-GB"/>'
                 f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
        elif typ.startswith("drop:"):
            opts = typ[5:].split("|")
            t = '<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
                f'<w:listItem w:displayText="{esc(o)}" w:value="{esc(o)}"/>' for o in opts) + "</w:dropDownList>"
        else:
            t = '<w:text w:multiLine="1"/>' if multi else "<w:text/>"
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/><w:id w:val="{ids[0]}"/>'
                f'<w:placeholder><w:docPart w:val="{dp_name}"/></w:placeholder>{ph}{t}</w:sdtPr>'
                f'<w:sdtContent>{content}</w:sdtContent></w:sdt>')

    def checkbox(checked: bool) -> str:
        ids[0] += 13
        glyph = "☒" if checked else "☐"
        val = "1" if checked else "0"
        return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
                f'<w:id w:val="{ids[0]}"/><w14:checkbox><w14:checked w14:val="{val}"/>'
                f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
                f'</w14:checkbox></w:sdtPr><w:sdtContent>{r(glyph, font="MS Gothic")}</w:sdtContent></w:sdt>')

    def value_ctl(label: str, a: A, dob=False) -> str:
        if a.kind == "date":
            if a.filler:
                return sdt(label, "text", a.text())
            shown = fmt_date(a.date, ddisp if dob else disp) if a.date is not None else None
            return sdt(label, "date", shown, dob=dob, date=a.date)
        if a.kind == "lines":
            return sdt(label, "text", value_text(case, a) or None, multi=True)
        if a.kind == "paras":
            return sdt(label, "text", value_text(case, a) or None, multi=True)
        return sdt(label, "text", a.text() or None)

    def choice_para(question: str, a: A, options: list[tuple[str, str]]) -> str:
        if choice_style == "checkbox":
            runs = r(question + "  ", b=True, color="404040")
            for key, word in options:
                runs += checkbox(a.choice == key) + r(f" {word}    ")
            return p(runs, after=60)
        word = case.word(a) or None
        return p(r(question + "  ", b=True, color="404040") +
                 sdt(question, "drop:" + "|".join(w for _, w in options), word), after=60)

    body = [p(r(s["short"].upper(), b=True, sz=9, color=accent), after=0),
            p(r(s["form_title"], sz=22, color=accent)), p(r(guidance(case), sz=8.5, color="595959"), after=200)]

    def block(title: str) -> None:
        body.append(p(r(title.upper(), b=True, sz=10, color=accent), border_bottom=8, before=240, after=100))

    for sec in sections_in_order(case):
        if sec in ("ref", "lead", "inc", "crit", "panel", "conc"):
            block(s["sections"][sec])
            for k in top_keys(s, sec):
                a = case.answers[k]
                if a.kind == "tri":
                    body.append(choice_para(lab[k], a, case.tri_options()))
                elif a.kind == "itype":
                    opts = case.itype_options()
                    word = case.word(a) or None
                    ph_opts = [w for _, w in opts]
                    if word and word not in ph_opts:
                        body.append(p(sdt(lab[k], "drop:" + "|".join(ph_opts), s["itype_labels"]["other"])
                                      + r("   ") + sdt("If other, please specify", "text", a.spec)))
                    else:
                        body.append(p(sdt(lab[k], "drop:" + "|".join(ph_opts), word)))
                else:
                    body.append(p(value_ctl(lab[k], a, dob=False), after=60))
        elif sec == "child":
            for ci, c in enumerate(case.children):
                block(s["sections"]["child"] if ci == 0 else f"Another child")
                keys = child_keys(s)
                if s.get("split_name"):
                    k1, k2 = keys[0], keys[1]
                    body.append(p(value_ctl(lab[k1], c[k1]) + r(" ") + value_ctl(lab[k2], c[k2]), after=60))
                    keys = keys[2:]
                for k in keys:
                    a = c[k]
                    if a.kind == "tri":
                        body.append(choice_para(lab[k], a, case.tri_options()))
                    elif a.kind == "gender":
                        if choice_style == "checkbox":
                            body.append(choice_para(lab[k], a, case.gender_options()))
                        else:
                            body.append(p(sdt(lab[k], "drop:" + "|".join(w for _, w in case.gender_options()),
                                              case.word(a) or None), after=60))
                    else:
                        body.append(p(value_ctl(lab[k], a, dob=k in ("c_dob", "c_dod")), after=60))
        elif sec == "ag":
            block(s["sections"]["ag"])
            w3 = [3000, 3400, 3238]
            rows = [tr([tc(p(r(h, b=True, color=accent)), w3[i]) for i, h in enumerate(s["ag_cols"])])]
            for ai in range(max(3, len(case.agencies) + 1)):
                ag = case.agencies[ai] if ai < len(case.agencies) else None
                rows.append(tr([tc(p(sdt(s["ag_cols"][i], "text", ag[k] if ag else None)), w3[i])
                                for i, k in enumerate(("name", "agency", "contact"))]))
            body.append(tbl(rows, w3, borders="single", color="BFBFBF"))
        elif sec == "decoy":
            block(s["sections"]["decoy"])
            for dl, dvv in case.decoys:
                body.append(p(sdt(dl, "text", dvv), after=60))
    body.append(p(""))
    pkg = Package(s["form_title"], case.answers["ref_name"].text() or "User", created(case))
    parts = []
    for name, text, gid in docparts:
        parts.append(f'<w:docPart><w:docPartPr><w:name w:val="{name}"/><w:category><w:name w:val="General"/>'
                     f'<w:gallery w:val="placeholder"/></w:category><w:types><w:type w:val="bbPlcHdr"/></w:types>'
                     f'<w:behaviors><w:behavior w:val="content"/></w:behaviors><w:guid w:val="{gid}"/></w:docPartPr>'
                     f'<w:docPartBody><w:p>{r(text, style="PlaceholderText")}</w:p></w:docPartBody></w:docPart>')
    from u17_docx import W_NS, styles_xml
    gloss = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:glossaryDocument {W_NS}>'
             f'<w:docParts>{"".join(parts)}</w:docParts></w:glossaryDocument>')
    pkg.add("word/glossary/document.xml", gloss,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml")
    pkg.rel("http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument",
            "glossary/document.xml")
    data = pkg.build("".join(body), settings_xml(), header=header_xml(case), footer=footer_xml(case),
                     styles=styles_xml(font=font, size=10.5))
    return data, {"placeholders": ph_style, "choices": choice_style, "accent": accent,
                  "labels": "no printed labels for text/date answers: placeholder text (glossary docParts) and w:alias only"}


WORD_LAYOUTS = {
    "W-DOCVARS": render_docvars,
    "W-XMLBOUND": render_xmlbound,
    "W-OLESHEET": render_olesheet,
    "W-WRONGCELL": render_wrongcell,
    "W-PROMPTCC": render_promptcc,
}
