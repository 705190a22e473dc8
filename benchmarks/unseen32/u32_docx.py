"""The five Word layouts of unseen32.

W-LOCKEDLABELS  every printed label, title and guidance is a locked content control; answers are plain text
W-PRESET        legacy form fields whose designer preset some boxes and drop-downs (w:default), protected form
W-RULEDROWS     exact-height ruled rows, typed one line per row (Tab to the next line)
W-LINKEDBOXES   long answers in fixed text boxes linked to overflow boxes on a continuation page
W-STYLEMARK     every option printed; the chosen one carries the template's "Selected answer" character style
"""

from __future__ import annotations

import datetime as dt
import random
from reportlab.pdfbase.pdfmetrics import stringWidth

from u32_model import Form, Item, fmt_date
from u32_wml import (Package, app_xml, borders_xml, core_xml, document, esc, page_field_footer,
                     para, ppr, rpr, run, sect_pr, settings_xml, styles_xml, tbl, tc, text_runs, tr)

TEXT_W = 9638  # A4 with 2 cm margins, twips
EN5 = "\u2002" * 5


# ---------------------------------------------------------------------------------------------
# shared furniture

def section_title(form: Form, sec) -> str:
    if sec.key == "child" and sec.nchildren > 1:
        return f"{sec.title} - child {sec.child + 1} of {sec.nchildren}"
    return sec.title


def guidance_text(form: Form) -> str:
    s = form.sender
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Please complete every section you can and e-mail the form to {s['pemail']}. If you need advice before "
            f"referring, call the {s['pshort']} business unit on {s['pphone']}. Give dates in full (for example {ex}). "
            "When you list a professional, give their name, role and a contact number, for example Morgan Sample, "
            "Early Help Worker, 0114 496 0999.")


def option_hint(it: Item) -> str:
    return " / ".join(it.options)


def chosen_word(it: Item) -> str:
    return it.options[it.value] if it.value is not None else ""


def answer_lines(it: Item) -> list[str]:
    """The typed answer of a non-choice item as lines (paragraphs for long text)."""
    if it.kind in ("text", "date", "decoy"):
        return [it.value] if it.value else []
    if it.kind in ("lines", "paras"):
        return list(it.value)
    if it.kind == "choice":
        return [chosen_word(it)] if it.value is not None else []
    raise ValueError(it.kind)


def chrome(form: Form, pkg: Package, font: str | None = None):
    s = form.sender
    hp = rpr(size=8, font=font)
    hdr = (para(run(s["marking"], bold=True, size=8, color="C00000", font=font) + text_runs("\t\t" + s["partnership"], hp),
                style="Header"))
    hid = pkg.header(hdr)
    fid = pkg.footer(page_field_footer(f"{s['form_ref']} - {s['pshort']}", rpr(size=8, font=font)))
    return [("default", hid)], [("default", fid)]


def office_use_rows(label_w: int, ans_w: int, shade: str, label_fn=None) -> str:
    rows = ""
    for lab in ["Date received", "Partnership reference", "Rapid Review meeting date", "Decision"]:
        lc = label_fn(lab) if label_fn else para(run(lab, size=9))
        rows += tr(tc(lc, label_w, shade=shade) + tc(para(), ans_w))
    return rows


def write_docx(form: Form, path, pkg: Package, body: str, sectpr: str, styles: str, settings: str, template: str):
    ref = form.meta["ref_date"]
    when = dt.datetime(ref.year, ref.month, ref.day, 10, 12)
    core = core_xml(f"{form.sender['title']}", form.meta["referrer"], when)
    app = app_xml(template, form.sender["org"].split(" - ")[0])
    pkg.write(path, document(body, sectpr), styles, settings, core, app)


class Ids:
    def __init__(self, start: int):
        self.n = start

    def next(self) -> int:
        self.n += 1
        return self.n


# ---------------------------------------------------------------------------------------------
# W-LOCKEDLABELS

def w_lockedlabels(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    pkg = Package()
    ids = Ids(rng.randrange(1000000, 2000000))
    font = rng.choice(["Arial", "Calibri"])
    lab_w = rng.choice([3400, 3700, 4000])
    ans_w = TEXT_W - lab_w
    shade = s["light"]
    stats = {"locked_controls": 0}

    def lock_props(alias: str, tag: str, plain: bool) -> str:
        stats["locked_controls"] += 1
        return (f'<w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{esc(tag)}"/><w:id w:val="{-ids.next()}"/>'
                f'<w:lock w:val="sdtContentLocked"/><w15:appearance w15:val="hidden"/>{"<w:text/>" if plain else ""}</w:sdtPr>')

    def locked_run(text: str, alias: str, tag: str, props: str = "") -> str:
        return f"<w:sdt>{lock_props(alias, tag, True)}<w:sdtContent>{text_runs(text, props)}</w:sdtContent></w:sdt>"

    def locked_block(paras_xml: str, alias: str, tag: str) -> str:
        return f"<w:sdt>{lock_props(alias, tag, False)}<w:sdtContent>{paras_xml}</w:sdtContent></w:sdt>"

    def label_cell(text: str, tag: str, hint: str | None = None) -> str:
        x = para(locked_run(text, "Question", tag, rpr(bold=True, size=9)), after=0)
        if hint:
            x += para(locked_run(hint, "Options", tag + "_opts", rpr(italic=True, size=8, color="595959")), after=0)
        return x

    def answer_cell(it: Item) -> str:
        lines = answer_lines(it)
        if not lines:
            return para()
        if it.kind == "lines" and rng.random() < 0.5:
            return para(run("\n".join(lines), size=10), after=0)
        return "".join(para(run(x, size=10), after=60 if it.kind == "paras" else 0) for x in lines)

    hdr_ids, ftr_ids = chrome(form, pkg, font)
    body = locked_block(para(run(s["title"]), style="Title"), "Form title", "form_title")
    body += locked_block(para(run(s["partnership"], bold=True, size=11, color=s["dark"])), "Partnership", "partnership")
    body += locked_block(para(run(guidance_text(form), italic=True, size=9)), "Guidance", "guidance")
    for sec in form.sections:
        body += locked_block(para(run(section_title(form, sec)), style="Heading1"), "Section heading", f"sec_{sec.key}")
        rows = ""
        for it in sec.items:
            tag = f"q_{it.key}" + (f"_{sec.child + 1}" if sec.child is not None else "")
            if it.kind == "agencies":
                if rows:
                    body += tbl(rows, [lab_w, ans_w])
                    rows = ""
                body += para(locked_run(it.label, "Question", "q_agencies", rpr(bold=True, size=9)), after=40)
                widths = [3000, 3600, 3038]
                hdr = "".join(tc(para(locked_run(t, "Column heading", f"col_{k}", rpr(bold=True, size=9)), after=0), w, shade=shade)
                              for (k, t), w in zip(it.cols, widths))
                arows = tr(hdr, header=True)
                for row in it.value + [None]:
                    cells = ""
                    for (k, _), w in zip(it.cols, widths):
                        v = (row or {}).get(k) or ""
                        cells += tc(para(run(v, size=9), after=0) if v else para(), w)
                    arows += tr(cells)
                body += tbl(arows, widths)
                continue
            hint = None
            if it.kind == "choice" and it.ctype in ("yn", "gender"):
                hint = f"({option_hint(it)})"
            elif it.kind == "choice":
                hint = "Type one of: " + "; ".join(it.options)
            rows += tr(tc(label_cell(it.label, tag, hint), lab_w, shade=shade) + tc(answer_cell(it), ans_w))
        if rows:
            body += tbl(rows, [lab_w, ans_w])
    body += locked_block(para(run("For partnership use only"), style="Heading2"), "Section heading", "sec_office")
    body += tbl(office_use_rows(lab_w, ans_w, "F2F2F2",
                                lambda t: para(locked_run(t, "Office use", "office", rpr(size=9)), after=0)), [lab_w, ans_w])
    styles = styles_xml(font, 10, s["dark"])
    write_docx(form, path, pkg, body, sect_pr(hdr_ids, ftr_ids), styles, settings_xml(),
               f"{s['form_ref']} (locked).dotx")
    return stats


# ---------------------------------------------------------------------------------------------
# W-PRESET

def w_preset(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    pkg = Package()
    font = rng.choice(["Arial", "Tahoma", "Calibri"])
    lab_w = rng.choice([3500, 3800])
    ans_w = TEXT_W - lab_w
    bm = Ids(0)
    counters = {"Text": 0, "Check": 0, "Dropdown": 0}
    stats = {"preset_boxes": 0, "preset_kept": 0, "preset_unticked": 0, "both_ticked": 0, "preset_dropdowns": 0,
             "dropdown_first_entry_shown": 0}
    props = rpr(size=10)

    def ffname(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    def bookmark(name: str, inner: str) -> str:
        i = bm.next()
        return f'<w:bookmarkStart w:id="{i}" w:name="{name}"/>{inner}<w:bookmarkEnd w:id="{i}"/>'

    def formtext(value: str) -> str:
        name = ffname("Text")
        begin = (f'<w:r>{props}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                 f'<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
                 f'<w:r>{props}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
                 f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>')
        if value:
            res = text_runs(value, props)
        else:
            res = f'<w:r><w:rPr><w:noProof/><w:sz w:val="20"/></w:rPr><w:t>{EN5}</w:t></w:r>'
        end = f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
        return bookmark(name, begin + res + end)

    def checkbox(default: bool, checked: bool | None) -> str:
        name = ffname("Check")
        cb = "<w:sizeAuto/>"
        cb += f'<w:default w:val="{1 if default else 0}"/>'
        if checked is not None:
            cb += "<w:checked/>" if checked else '<w:checked w:val="0"/>'
        x = (f'<w:r>{props}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
             f'<w:calcOnExit w:val="0"/><w:checkBox>{cb}</w:checkBox></w:ffData></w:fldChar></w:r>'
             f'<w:r>{props}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
             f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')
        return bookmark(name, x)

    def dropdown(entries: list[str], default: int, result: int | None) -> str:
        name = ffname("Dropdown")
        dd = (f'<w:result w:val="{result}"/>' if result is not None else "") + (f'<w:default w:val="{default}"/>' if default else "")
        dd += "".join(f'<w:listEntry w:val="{esc(e)}"/>' for e in entries)
        shown = entries[result if result is not None else default]
        x = (f'<w:r>{props}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
             f'<w:calcOnExit w:val="0"/><w:ddList>{dd}</w:ddList></w:ffData></w:fldChar></w:r>'
             f'<w:r>{props}<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
             f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
             f'<w:r>{props}<w:t xml:space="preserve">{esc(shown)}</w:t></w:r>'
             f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')
        return bookmark(name, x)

    # the template: which yes/no questions are check-box triples, which drop-downs, and the designer's presets
    triple_keys = {"k_died", "k_abuse", "k_local", "k_learn", "i_police", "p_notified", "lead_discussed"}
    preset_no = {"i_police", "p_notified", "c_lac", "c_cp"}
    preset_third = {"k_abuse", "k_learn", "c_csc"}

    def triple(it: Item) -> str:
        intended = it.value
        preset = None
        if it.key in preset_no and rng.random() < 0.8:
            preset = 1
        elif it.key in preset_third and rng.random() < 0.5:
            preset = 2
        checked = [None, None, None]
        shown = intended
        note = ""
        if preset is not None:
            stats["preset_boxes"] += 1
            if intended is None:
                if rng.random() < 0.55:
                    shown, note = preset, "preset left"
                    stats["preset_kept"] += 1
                else:
                    checked[preset] = False
                    shown, note = None, "preset unticked"
                    stats["preset_unticked"] += 1
            elif intended == preset:
                shown, note = preset, "preset left (agrees)"
                stats["preset_kept"] += 1
            else:
                checked[intended] = True
                if rng.random() < 0.85:
                    checked[preset] = False
                    shown, note = intended, "preset unticked, answer ticked"
                    stats["preset_unticked"] += 1
                else:
                    shown, note = None, "answer ticked, preset still ticked"
                    stats["both_ticked"] += 1
        elif intended is not None:
            checked[intended] = True
        it.value, it.note = shown, note
        parts = []
        for i, opt in enumerate(it.options):
            parts.append(checkbox(preset == i, checked[i]) + text_runs(" " + opt + "    ", props))
        return para("".join(parts), after=0)

    def yn_dropdown(it: Item) -> str:
        """A drop-down; the designer may have put the expected answer first, so an untouched one shows it."""
        intended = it.value
        preset = None
        r = rng.random()
        if it.key in preset_no and r < 0.6:
            preset = 1
        elif it.key in preset_third and r < 0.5:
            preset = 2
        if preset is None:
            order = [None, 0, 1, 2]
        else:
            order = [preset] + [i for i in range(3) if i != preset]
            stats["preset_dropdowns"] += 1
        entries = [" " if i is None else it.options[i] for i in order]
        if intended is None:
            result, shown = None, order[0]
            if preset is not None:
                stats["dropdown_first_entry_shown"] += 1
                it.note = "drop-down left on its first entry (a preset answer)"
        else:
            pos = order.index(intended)
            result, shown = (None if pos == 0 else pos), intended
            if pos == 0:
                stats["dropdown_first_entry_shown"] += 1
                it.note = "drop-down on its first entry (agrees)"
        it.value = shown
        return para(dropdown(entries, 0, result), after=0)

    def answer(it: Item) -> str:
        if it.kind == "choice":
            if it.ctype == "yn":
                return triple(it) if it.key in triple_keys else yn_dropdown(it)
            if it.ctype == "gender":
                entries = [" "] + list(it.options)
                res = None if it.value is None else it.value + 1
                return para(dropdown(entries, 0, res), after=0)
            x = ""
            for i, opt in enumerate(it.options):
                x += para(checkbox(False, True if it.value == i else None) + text_runs(" " + opt, props), after=0)
            return x
        lines = answer_lines(it)
        if it.kind == "paras":
            return para(formtext("\n\n".join(lines)), after=0)
        return para(formtext("\n".join(lines)), after=0)

    hdr_ids, ftr_ids = chrome(form, pkg, font)
    body = para(run(s["title"]), style="Title")
    body += para(run(s["partnership"], bold=True, size=11, color=s["dark"]))
    body += para(run(guidance_text(form) + " Press F11 or Tab to move between boxes; some boxes are pre-ticked - "
                     "change them if they do not apply.", italic=True, size=9))
    for sec in form.sections:
        body += para(run(section_title(form, sec).upper(), bold=True, size=10, color=s["dark"]),
                     border_bottom=(8, s["dark"]), before=200, after=80, keep_next=True)
        rows = ""
        for it in sec.items:
            if it.kind == "agencies":
                if rows:
                    body += tbl(rows, [lab_w, ans_w])
                    rows = ""
                body += para(run(it.label, bold=True, size=9), after=40)
                widths = [3000, 3600, 3038]
                arows = tr("".join(tc(para(run(t, bold=True, size=9), after=0), w, shade=s["light"])
                                   for (k, t), w in zip(it.cols, widths)), header=True)
                for row in it.value + [None] * max(1, 3 - len(it.value)):
                    arows += tr("".join(tc(para(formtext((row or {}).get(k) or ""), after=0), w)
                                        for (k, _), w in zip(it.cols, widths)))
                body += tbl(arows, widths)
                continue
            rows += tr(tc(para(run(it.label, bold=True, size=9), after=0), lab_w, shade=s["light"]) + tc(answer(it), ans_w))
        if rows:
            body += tbl(rows, [lab_w, ans_w])
    body += para(run("FOR PARTNERSHIP USE ONLY", bold=True, size=9), before=200)
    body += tbl(office_use_rows(lab_w, ans_w, "F2F2F2"), [lab_w, ans_w])
    protection = '<w:documentProtection w:edit="forms" w:enforcement="1"/>'
    write_docx(form, path, pkg, body, sect_pr(hdr_ids, ftr_ids), styles_xml(font, 10, s["dark"]),
               settings_xml(protection), f"{s['form_ref']} (preset).dotx")
    return stats


# ---------------------------------------------------------------------------------------------
# W-RULEDROWS

def wrap(text: str, width_pt: float, size: float = 10) -> list[str]:
    """Lines as a person types them on ruled lines: whole words, measured (Helvetica metrics, wider than Calibri)."""
    lines, cur = [], ""
    for w in text.split():
        trial = f"{cur} {w}" if cur else w
        if cur and stringWidth(trial, "Helvetica", size) > width_pt:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines or [""]


def w_ruledrows(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    pkg = Package()
    font = rng.choice(["Arial", "Calibri"])
    lab_w = 3300
    line_w = TEXT_W - lab_w
    width = (line_w - 170) / 20 * rng.choice([0.82, 0.88, 0.93])
    row_h = 340
    dotted = rng.choice(["dotted", "single"])
    stats = {"rows": 0, "inserted_rows": 0, "wrapped_answers": 0, "agency_continuation_rows": 0}
    line_b = (f'<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="{dotted}" w:sz="4" w:space="0" w:color="7F7F7F"/>'
              '<w:right w:val="nil"/>')
    lab_b = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'

    def row(label: str, text: str) -> str:
        stats["rows"] += 1
        lc = para(run(label, bold=True, size=8.5), after=0) if label else para(after=0)
        ac = para(run(text, size=10), after=0) if text else para(after=0)
        # the first line of a question grows with its label; the lines under it are fixed
        return tr(tc(lc, lab_w, borders=lab_b) + tc(ac, line_w, borders=line_b, valign="bottom"), height=row_h,
                  exact=not label)

    def item_lines(it: Item) -> tuple[list[str], int]:
        if it.kind == "paras":
            out = []
            for i, p in enumerate(it.value):
                if i:
                    out.append("")
                out.extend(wrap(p, width))
            if len(it.value) and any(len(p) > width for p in it.value):
                stats["wrapped_answers"] += 1
            return out, 14
        if it.kind == "lines":
            return list(it.value), 4
        if it.kind == "choice":
            return ([chosen_word(it)] if it.value is not None else []), 1
        v = it.value or ""
        ls = wrap(v, width) if v else []
        if len(ls) > 1:
            stats["wrapped_answers"] += 1
        if it.kind == "text" and it.key in ("k_reason", "concerns"):
            return ls, 5
        return ls, 1

    hdr_ids, ftr_ids = chrome(form, pkg, font)
    body = para(run(s["title"]), style="Title")
    body += para(run(s["partnership"], bold=True, size=11, color=s["dark"]))
    body += para(run(guidance_text(form) + " Write on the lines; if you need more lines, add a row.", italic=True, size=9))
    for sec in form.sections:
        body += para(run(section_title(form, sec), bold=True, size=11, color="FFFFFF"), shade=s["dark"], before=200,
                     after=60, keep_next=True)
        rows = ""
        for it in sec.items:
            if it.kind == "agencies":
                if rows:
                    body += tbl(rows, [lab_w, line_w], borders=borders_xml("none"))
                    rows = ""
                body += para(run(it.label, bold=True, size=9), before=120, after=40)
                widths = [2700, 3700, 3238]
                chars = {i: (w - 170) / 20 * 0.9 for i, w in enumerate(widths)}
                arows = tr("".join(tc(para(run(t, bold=True, size=9), after=0), w, borders=line_b)
                                   for (k, t), w in zip(it.cols, widths)), header=True)
                used = 0
                for agrow in it.value:
                    cols_lines = []
                    for ci, (k, _) in enumerate(it.cols):
                        v = agrow.get(k) or ""
                        cols_lines.append(wrap(v, chars[ci], 9.5) if v else [""])
                    depth = max(len(x) for x in cols_lines)
                    if depth > 1:
                        stats["agency_continuation_rows"] += depth - 1
                    for li in range(depth):
                        cells = ""
                        too_wide = False
                        for ci, w in enumerate(widths):
                            t = cols_lines[ci][li] if li < len(cols_lines[ci]) else ""
                            too_wide |= stringWidth(t, "Helvetica", 9.5) > (w - 170) / 20
                            cells += tc(para(run(t, size=9.5), after=0) if t else para(after=0), w, borders=line_b)
                        # a word too long for its column (an e-mail address) wraps inside a row that grows
                        arows += tr(cells, height=row_h, exact=not too_wide)
                        used += 1
                for _ in range(max(2, 6 - used)):
                    arows += tr("".join(tc(para(after=0), w, borders=line_b) for w in widths), height=row_h, exact=True)
                body += tbl(arows, widths, borders=borders_xml("none"))
                continue
            label = it.label
            if it.kind == "choice" and it.ctype in ("yn", "gender"):
                label = f"{label} ({option_hint(it)})"
            elif it.kind == "choice":
                label = f"{label} - write one of: " + "; ".join(it.options)
            lines, nrows = item_lines(it)
            if len(lines) > nrows:
                stats["inserted_rows"] += len(lines) - nrows
            total = max(nrows, len(lines))
            for li in range(total):
                rows += row(label if li == 0 else "", lines[li] if li < len(lines) else "")
        if rows:
            body += tbl(rows, [lab_w, line_w], borders=borders_xml("none"))
    body += para(run("For partnership use only", bold=True, size=9), before=200)
    body += tbl(office_use_rows(lab_w, line_w, "F2F2F2"), [lab_w, line_w])
    write_docx(form, path, pkg, body, sect_pr(hdr_ids, ftr_ids), styles_xml(font, 10, s["dark"]), settings_xml(),
               f"{s['form_ref']} (lined).dotx")
    stats["line_fill"] = round(width, 1)
    return stats


# ---------------------------------------------------------------------------------------------
# W-LINKEDBOXES

EMU_PER_TWIP = 635


def w_linkedboxes(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    pkg = Package()
    font = rng.choice(["Calibri", "Segoe UI", "Arial"])
    lab_w = 3600
    ans_w = TEXT_W - lab_w
    docpr = Ids(rng.randrange(10, 60))
    chain = Ids(0)
    stats = {"linked_boxes": 0, "overflowing": 0}
    glyph_font = "MS Gothic"
    cpl = 96 if font == "Calibri" else 86

    def textbox(content_xml: str | None, cx_tw: int, cy_tw: int, chain_id: int, seq: int | None) -> str:
        did = docpr.next()
        cx, cy = cx_tw * EMU_PER_TWIP, cy_tw * EMU_PER_TWIP
        if seq is None:
            story = f'<wps:txbx id="{chain_id}"><w:txbxContent>{content_xml}</w:txbxContent></wps:txbx>'
        else:
            story = f'<wps:linkedTxbx id="{chain_id}" seq="{seq}"/>'
        return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                '<wp:inline distT="0" distB="0" distL="0" distR="0" wp14:anchorId="%08X" wp14:editId="%08X">' % (did * 7919, did * 104729)
                + f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                f'<wp:docPr id="{did}" name="Text Box {did}"/><wp:cNvGraphicFramePr/>'
                '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
                '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
                f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill>'
                f'<a:srgbClr val="{s["dark"]}"/></a:solidFill></a:ln></wps:spPr>{story}'
                '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0">'
                '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
                '</wp:inline></w:drawing></mc:Choice></mc:AlternateContent></w:r>')

    def glyphs(it: Item, vertical: bool) -> str:
        out = []
        for i, opt in enumerate(it.options):
            g = "\u2612" if it.value == i else "\u2610"
            out.append((run(g, font=glyph_font, size=10) + run(" " + opt, size=10)))
        if vertical:
            return "".join(para(x, after=0) for x in out)
        return para(run("   ", size=10).join(out), after=0)

    box_heights = {"i_summary": 1300, "k_reason": 560, "concerns": 560}
    cont_heights = {"i_summary": 3400, "k_reason": 1400, "concerns": 1400}
    chains = []  # (label, chain_id, key)

    hdr_ids, ftr_ids = chrome(form, pkg, font)
    body = para(run(s["title"], bold=True, size=15, color="FFFFFF", font=font), shade=s["dark"], after=0)
    body += para(run(s["partnership"], bold=True, size=10, color="FFFFFF"), shade=s["dark"], after=120)
    body += para(run(guidance_text(form) + " Boxes have a fixed size: if your text does not fit it carries on "
                     "automatically in the boxes on the continuation page.", italic=True, size=9))
    for sec in form.sections:
        body += para(run(section_title(form, sec)), style="Heading1")
        rows = ""

        def flush():
            nonlocal rows, body
            if rows:
                body += tbl(rows, [lab_w, ans_w])
                rows = ""

        for it in sec.items:
            if it.key in box_heights:
                flush()
                body += para(run(it.label, bold=True, size=9.5), before=120, after=20, keep_next=True)
                lines = answer_lines(it)
                cid = chain.next()
                content = "".join(para(run(x, size=10), after=80) for x in lines) or para()
                body += para(textbox(content, TEXT_W - 40, box_heights[it.key], cid, None), after=60)
                chains.append((it.label, cid, it.key))
                stats["linked_boxes"] += 1
                need = sum((len(x) // cpl) + 1 for x in lines) + max(0, len(lines) - 1) * 0.6
                cap = (box_heights[it.key] - 140) / 250
                if need > cap:
                    stats["overflowing"] += 1
                continue
            if it.kind == "agencies":
                flush()
                body += para(run(it.label, bold=True, size=9.5), after=40)
                widths = [3000, 3600, 3038]
                arows = tr("".join(tc(para(run(t, bold=True, size=9), after=0), w, shade=s["light"])
                                   for (k, t), w in zip(it.cols, widths)), header=True)
                for row in it.value + [None, None]:
                    arows += tr("".join(tc(para(run((row or {}).get(k) or "", size=9), after=0) if (row or {}).get(k) else para(), w)
                                        for (k, _), w in zip(it.cols, widths)))
                body += tbl(arows, widths)
                continue
            if it.kind == "choice":
                ans = glyphs(it, it.ctype == "itype")
            else:
                lines = answer_lines(it)
                ans = "".join(para(run(x, size=10), after=0) for x in lines) or para()
            rows += tr(tc(para(run(it.label, bold=True, size=9), after=0), lab_w, shade=s["light"]) + tc(ans, ans_w))
        flush()
    body += para(run("For partnership use only"), style="Heading2")
    body += tbl(office_use_rows(lab_w, ans_w, "F2F2F2"), [lab_w, ans_w])
    # continuation page: one linked overflow box per long answer
    body += para('<w:r><w:br w:type="page"/></w:r>')
    body += para(run("Continuation page"), style="Heading1")
    body += para(run("Text that does not fit in a box on the earlier pages continues here automatically.", italic=True, size=9))
    for label, cid, key in chains:
        body += para(run(f"(continued) {label}", bold=True, size=9.5), after=20, keep_next=True)
        body += para(textbox(None, TEXT_W - 40, cont_heights[key], cid, 1), after=60)
    write_docx(form, path, pkg, body, sect_pr(hdr_ids, ftr_ids), styles_xml(font, 10, s["dark"]), settings_xml(),
               f"{s['form_ref']} designed.dotx")
    return stats


# ---------------------------------------------------------------------------------------------
# W-STYLEMARK

def w_stylemark(form: Form, rng: random.Random, path) -> dict:
    s = form.sender
    pkg = Package()
    font = rng.choice(["Arial", "Calibri", "Verdana"])
    lab_w = rng.choice([3400, 3800])
    ans_w = TEXT_W - lab_w
    shade = rng.choice(["FFF2CC", "E2EFDA", "DDEBF7"])
    bdr = rng.random() < 0.6
    stats = {"selected": 0, "style_fill": shade, "style_border": bdr}
    extra = ('<w:style w:type="character" w:customStyle="1" w:styleId="Answeroption"><w:name w:val="Answer option"/>'
             '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/>'
             '<w:rPr><w:color w:val="595959"/></w:rPr></w:style>'
             '<w:style w:type="character" w:customStyle="1" w:styleId="Selectedanswer"><w:name w:val="Selected answer"/>'
             '<w:basedOn w:val="Answeroption"/><w:uiPriority w:val="1"/><w:qFormat/><w:rPr><w:b/><w:bCs/>'
             '<w:color w:val="000000"/>'
             + ('<w:bdr w:val="single" w:sz="8" w:space="0" w:color="000000"/>' if bdr else "")
             + f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/></w:rPr></w:style>')

    def options_xml(it: Item) -> str:
        sep = rng.choice(["   ", "  /  "]) if it.ctype != "itype" else None
        out = []
        for i, opt in enumerate(it.options):
            st = "Selectedanswer" if it.value == i else "Answeroption"
            if it.value == i:
                stats["selected"] += 1
            r = f'<w:r><w:rPr><w:rStyle w:val="{st}"/></w:rPr><w:t xml:space="preserve">{esc(opt)}</w:t></w:r>'
            out.append(r)
        if sep is None:
            return "".join(para(r, after=20) for r in out)
        return para(run(sep).join(out), after=0)

    hdr_ids, ftr_ids = chrome(form, pkg, font)
    body = para(run(s["title"]), style="Title")
    body += para(run(s["partnership"], bold=True, size=11, color=s["dark"]))
    body += para(run(guidance_text(form), italic=True, size=9))
    body += para(run("Where a question offers options, select the option that applies and click \"Selected answer\" "
                     "in the Styles gallery on the Home tab. Please do not delete the other options.", italic=True, size=9))
    for sec in form.sections:
        body += para(run(section_title(form, sec)), style="Heading1")
        rows = ""
        for it in sec.items:
            if it.kind == "agencies":
                if rows:
                    body += tbl(rows, [lab_w, ans_w])
                    rows = ""
                body += para(run(it.label, bold=True, size=9), after=40)
                widths = [3000, 3600, 3038]
                arows = tr("".join(tc(para(run(t, bold=True, size=9), after=0), w, shade="F2F2F2")
                                   for (k, t), w in zip(it.cols, widths)), header=True)
                for row in it.value + [None]:
                    arows += tr("".join(tc(para(run((row or {}).get(k) or "", size=9), after=0) if (row or {}).get(k) else para(), w)
                                        for (k, _), w in zip(it.cols, widths)))
                body += tbl(arows, widths)
                continue
            if it.kind == "choice":
                ans = options_xml(it)
            else:
                lines = answer_lines(it)
                ans = "".join(para(run(x, size=10), after=40 if it.kind == "paras" else 0) for x in lines) or para()
            rows += tr(tc(para(run(it.label, bold=True, size=9), after=0), lab_w, shade="F2F2F2") + tc(ans, ans_w))
        if rows:
            body += tbl(rows, [lab_w, ans_w])
    body += para(run("For partnership use only"), style="Heading2")
    body += tbl(office_use_rows(lab_w, ans_w, "F2F2F2"), [lab_w, ans_w])
    write_docx(form, path, pkg, body, sect_pr(hdr_ids, ftr_ids), styles_xml(font, 10, s["dark"], extra), settings_xml(),
               f"{s['form_ref']} - select your answer.dotx")
    return stats


LAYOUTS = {
    "W-LOCKEDLABELS": w_lockedlabels,
    "W-PRESET": w_preset,
    "W-RULEDROWS": w_ruledrows,
    "W-LINKEDBOXES": w_linkedboxes,
    "W-STYLEMARK": w_stylemark,
}
