"""The five Word layouts: W-FRAME, W-QLIST, W-VGROUP, W-CONT, W-UNDERLABEL."""

from __future__ import annotations

import textwrap

from model import Case, Field, answer_lines, expand, hint
from wml import esc, package, page_break, para, run, tbl, tc, tr


def _hf(case: Case, font=None):
    S = case.sender
    header = para(run(S.marking, b=True, sz=16, font=font), run(f"\t\t{S.form_ref}", sz=16, font=font), style="Header")
    footer = para(run(case.footer, sz=14, color="666666", font=font), style="Footer")
    return header, footer


def _title(case: Case, font=None) -> str:
    S = case.sender
    return (para(run(S.org, b=True, sz=22, color="1F3864", font=font))
            + para(run(S.title, font=font), style="Title")
            + para(run(f"To: {S.partnership}", sz=18, font=font))
            + para(run(case.guidance, i=True, sz=16, color="404040", font=font)))


def _ag_cols(case):
    return case.sender.agency_cols


# ----------------------------------------------------------------------------------------------- W-FRAME

def w_frame(case: Case, rng) -> tuple[bytes, dict]:
    """A paper form converted to Word by OCR software in an 'exact copy' mode: every text block is a framed
    paragraph at an absolute page position; on each page the blocks are written column by column."""
    font = rng.choice(["Times New Roman", "Arial", "Courier New"])
    glyph = rng.choice([None, None, "ms", "x"])
    order = rng.choice(["labels_first", "answers_first"])
    LH, TOP, BOTTOM = 250, 1250, 15650
    XL, WL, XA, WA = 1000, 3500, 4750, 6150
    pages: list[list] = [[]]
    y = TOP

    def frame(col, x, w, yy, lines, bold=False, sz=19, shade=None):
        pages[-1].append((col, yy, x, w, lines, bold, sz, shade))

    def need(h):
        nonlocal y
        if y + h > BOTTOM:
            pages.append([])
            y = TOP

    wrap_l = 34 if font != "Courier New" else 28
    wrap_a = 62 if font != "Courier New" else 50
    S = case.sender
    # title block
    for txt, bold, sz in ((S.org, True, 22), (S.title, True, 26), (f"To: {S.partnership}", False, 18)):
        lines = textwrap.wrap(txt, 80)
        frame(0, XL, 9900, y, lines, bold, sz)
        y += LH * len(lines) + 80
    g = textwrap.wrap(case.guidance, 95)
    frame(0, XL, 9900, y, g, False, 16)
    y += LH * len(g) + 200
    for sec in case.sections:
        need(3 * LH)
        frame(0, XL, 9900, y, [sec.title], True, 22, "D9D9D9")
        y += LH + 150
        for fl in expand(sec.fields):
            if fl.kind == "agencies":
                xs = [(XL, 3200), (XL + 3300, 3200), (XL + 6600, 3300)]
                need(2 * LH)
                frame(0, XL, 9900, y, [fl.label], True)
                y += LH + 60
                if not fl.value:
                    frame(1, XA, WA, y - LH - 60, ["None known"])
                    continue
                for ci, hd in enumerate(_ag_cols(case)):
                    frame(ci, xs[ci][0], xs[ci][1], y, [hd], True, 17)
                y += LH + 40
                for row in fl.value:
                    cells = [textwrap.wrap(v, 30) if v else [] for v in row]
                    h = max(1, *(len(c) for c in cells)) * LH + 60
                    need(h)
                    for ci, c in enumerate(cells):
                        if c:
                            frame(ci, xs[ci][0], xs[ci][1], y, c)
                    y += h
                y += 80
                continue
            lab = textwrap.wrap(fl.label, wrap_l)
            ans = []
            for k, line in enumerate(answer_lines(fl, glyph)):
                if fl.kind == "paras" and k:
                    ans.append("")
                ans += textwrap.wrap(line, wrap_a) or [""]
            h = max(len(lab), len(ans), 1) * LH + 90
            need(h)
            frame(0, XL, WL, y, lab)
            if ans:
                frame(1, XA, WA, y, ans)
            y += h
    body = ""
    for pi, frames in enumerate(pages):
        key = (lambda f: (f[0], f[1])) if order == "labels_first" else (lambda f: (-f[0], f[1]))
        for col, yy, x, w, lines, bold, sz, shade in sorted(frames, key=key):
            h = len(lines) * LH + 40
            fp = (f'<w:framePr w:w="{w}" w:h="{h}" w:hRule="exact" w:wrap="around" w:vAnchor="page" '
                  f'w:hAnchor="page" w:x="{x}" w:y="{yy}"/>')
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
            for ln in lines:
                body += para(run(ln, b=bold, sz=sz, font=font) if ln else "",
                             ppr=fp + shd + f'<w:spacing w:before="0" w:after="0" w:line="{LH}" w:lineRule="exact"/>')
        if pi < len(pages) - 1:
            body += page_break()
    header, footer = _hf(case, font)
    return package(body, header, footer, font=font, sz=19, title=S.title, author="FineReader"), {
        "font": font, "glyph": glyph, "frame_order": order, "pages": len(pages)}


# ----------------------------------------------------------------------------------------------- W-QLIST

def _cell_paras(lines: list[str], sz=19) -> str:
    return "".join(para(run(l, sz=sz)) for l in lines) or "<w:p/>"


def _ag_table(case, rows, widths) -> str:
    hdr = tr([tc(para(run(h, b=True, sz=17)), w, shade="E7E6E6") for h, w in zip(_ag_cols(case), widths)], header=True)
    body = [tr([tc(para(run(v, sz=18)) if v else "<w:p/>", w) for v, w in zip(row, widths)]) for row in rows]
    spare = [tr([tc("<w:p/>", w) for w in widths])]
    return tbl([hdr] + body + spare, widths)


def w_qlist(case: Case, rng) -> tuple[bytes, dict]:
    """Each part lists its questions as numbered paragraphs, then an answer table keyed by question number."""
    numbering = rng.choice(["continuous", "part"])
    hints = rng.random() < 0.5
    glyph = rng.choice([None, None, "seg"])
    body = _title(case)
    n = 0
    parts = []
    kids = [s for s in case.sections if s.sid == "child"]
    for sec in case.sections:
        if sec.sid == "child":
            if sec.child == 0:
                parts.append(("child", kids))
            continue
        parts.append((sec.sid, [sec]))
    for pi, (sid, secs) in enumerate(parts):
        letter = "ABCDEFGHIJ"[pi]
        title = secs[0].title.split(" - ")[0] if sid == "child" else secs[0].title
        body += para(run(f"Part {letter}: {title}"), style="Heading2")
        # questions: child 1's order, then any extra keys of later children
        qs: list[tuple[str, str]] = []
        per_child = [expand(s.fields) for s in secs]
        shown = {}
        for fields in per_child:
            for fl in fields:
                if (fl.key, fl.label) not in qs:
                    qs.append((fl.key, fl.label))
                    shown[(fl.key, fl.label)] = fl.label + (hint(fl, case) if hints and fl.key != "decoy" else "")
        nums = []
        body += para(run("Questions", b=True, sz=18, color="595959"))
        for k, (key, label) in enumerate(qs):
            n += 1
            num = f"{n}." if numbering == "continuous" else f"{letter}{k + 1}"
            nums.append(num)
            body += para(run(num + "\t" + shown[(key, label)], sz=19),
                         ppr='<w:tabs><w:tab w:val="left" w:pos="680"/></w:tabs><w:spacing w:before="0" w:after="20"/>'
                             '<w:ind w:left="680" w:hanging="680"/>')
        body += para(run(f"Answers to Part {letter}", b=True, sz=18, color="595959"), before=160)
        cols = len(secs)
        w_no = 900
        w_ans = (9600 - w_no) // cols
        hdr = [tc(para(run("No.", b=True, sz=17)), w_no, shade="D9E2F3")]
        hdr += [tc(para(run("Answer" if cols == 1 else f"Child {i + 1}", b=True, sz=17)), w_ans, shade="D9E2F3")
                for i in range(cols)]
        rows = [tr(hdr, header=True)]
        for (key, label), num in zip(qs, nums):
            cells = [tc(para(run(num, sz=18)), w_no)]
            for fields in per_child:
                fl = next((f for f in fields if (f.key, f.label) == (key, label)), None)
                if fl is None:
                    cells.append(tc("<w:p/>", w_ans))
                elif fl.kind == "agencies":
                    cells.append(tc(_ag_table(case, fl.value, [w_ans // 3 - 40] * 3) + "<w:p/>" if fl.value
                                    else para(run("None known", sz=19)), w_ans))
                else:
                    cells.append(tc(_cell_paras(answer_lines(fl, glyph)), w_ans))
            rows.append(tr(cells, cant_split=False))
        body += tbl(rows, [w_no] + [w_ans] * cols)
    body += para(run(""), before=200) + para(run("Signed: ______________________    Date: ____________", sz=18))
    header, footer = _hf(case)
    return package(body, header, footer, font=rng.choice(["Arial", "Calibri", "Verdana"]), title=case.sender.title), {
        "numbering": numbering, "glyph": glyph, "child_columns": len(kids), "hints": hints}


# ----------------------------------------------------------------------------------------------- W-VGROUP

def w_vgroup(case: Case, rng) -> tuple[bytes, dict]:
    """One table: a rotated, vertically merged section-title column; a label column whose cell is merged
    down over every line of a multi-line answer (one address line / summary paragraph per row); yes/no and
    gender as three option cells."""
    glyph = rng.choice(["ms", "seg", None])
    W = [620, 3000, 2000, 2000, 2080]
    rows = []
    rot = '<w:textDirection w:val="btLr"/><w:vAlign w:val="center"/>'
    shade_title = rng.choice(["DEEAF6", "E2EFD9", "EDEDED"])
    for sec in case.sections:
        first = [True]

        def tcell():
            if first[0]:
                first[0] = False
                return tc(para(run(sec.title, b=True, sz=16), jc="center"), W[0], vmerge="restart", shade=shade_title,
                          extra=rot)
            return tc("<w:p/>", W[0], vmerge="continue", shade=shade_title, extra=rot)

        for fl in expand(sec.fields):
            if fl.kind == "agencies":
                cols = _ag_cols(case)
                rows.append(tr([tcell(), tc(para(run(fl.label, b=True, sz=18)), W[1], vmerge="restart")]
                               + [tc(para(run(h, b=True, sz=16)), W[2 + i], shade="F2F2F2") for i, h in enumerate(cols)]))
                if not fl.value:
                    rows.append(tr([tcell(), tc("<w:p/>", W[1], vmerge="continue"),
                                    tc(para(run("None known", sz=18)), sum(W[2:]), span=3)]))
                for row in fl.value:
                    rows.append(tr([tcell(), tc("<w:p/>", W[1], vmerge="continue")]
                                   + [tc(para(run(v, sz=18)) if v else "<w:p/>", W[2 + i]) for i, v in enumerate(row)]))
                continue
            if fl.kind in ("lines", "paras") and len(fl.value) > 1:
                for k, line in enumerate(fl.value):
                    rows.append(tr([tcell(), tc(para(run(fl.label, b=True, sz=18)) if k == 0 else "<w:p/>", W[1],
                                                vmerge="restart" if k == 0 else "continue"),
                                    tc(para(run(line, sz=19)), sum(W[2:]), span=3)]))
                continue
            if glyph and (fl.kind == "yn" or (fl.kind == "choice" and len(fl.options) == 3)):
                on, off = {"ms": ("\u2612", "\u2610"), "seg": ("\u2611", "\u2610")}[glyph]
                opts = [tc(para(run((on if i == fl.value else off) + " " + o, sz=19)), W[2 + i])
                        for i, o in enumerate(fl.options)]
                rows.append(tr([tcell(), tc(para(run(fl.label, b=True, sz=18)), W[1])] + opts))
                continue
            lines = answer_lines(fl, glyph if fl.kind == "choice" else None)
            rows.append(tr([tcell(), tc(para(run(fl.label, b=True, sz=18)), W[1]),
                            tc(_cell_paras(lines), sum(W[2:]), span=3)]))
    body = _title(case) + tbl(rows, W) + para(run(""))
    header, footer = _hf(case)
    return package(body, header, footer, font=rng.choice(["Arial", "Tahoma", "Calibri"]), title=case.sender.title), {
        "glyph": glyph}


# ----------------------------------------------------------------------------------------------- W-CONT

def w_cont(case: Case, rng) -> tuple[bytes, dict]:
    """Fixed-height answer boxes; long answers say 'see note N' and continue in Word endnotes or on a
    continuation sheet at the end. On some forms the summary's first paragraph is in its box and the rest
    continues in the note."""
    mode = rng.choice(["endnotes", "sheet"])
    split_summary = rng.random() < 0.5
    glyph = rng.choice([None, "ms"])
    W = [3500, 6200]
    notes_xml = ""
    sheet_rows = []
    k = 0
    body = _title(case)
    for sec in case.sections:
        body += para(run(sec.title, b=True, sz=22, color="FFFFFF"), ppr='<w:shd w:val="clear" w:color="auto" w:fill="2F5496"/>',
                     before=200, after=60, keep=True)
        rows = []
        for fl in expand(sec.fields):
            lab = tc(para(run(fl.label, sz=18)), W[0], shade="F2F2F2")
            if fl.kind == "agencies":
                rows.append(tr([tc(para(run(fl.label, sz=18)), sum(W), span=2, shade="F2F2F2")]))
                if not fl.value:
                    rows.append(tr([tc(para(run("None known", sz=19)), sum(W), span=2)]))
                else:
                    inner = _ag_table(case, fl.value, [3200, 3200, 3100])
                    rows.append(tr([tc(inner + "<w:p/>", sum(W), span=2)]))
                continue
            if fl.kind == "paras" and fl.value and not fl.filler:
                k += 1
                paras = list(fl.value)
                boxed = []
                if split_summary and fl.key == "inc.summary" and len(paras) > 1:
                    boxed, paras = paras[:1], paras[1:]
                pointer = (f" (continued - see note {k})" if boxed else
                           rng.choice([f"See note {k}", f"Please see continuation note {k}", f"Continued at note {k}"]))
                if mode == "endnotes":
                    ref = f'<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="{k}"/></w:r>'
                    pointer = pointer.replace(f" {k}", "").replace(" note", " note")
                    content = "".join(para(run(p, sz=19)) for p in boxed[:-1])
                    last = boxed[-1] if boxed else ""
                    content += para(run(last + pointer + " ", sz=19, i=not boxed), ref)
                    notes_xml += f'<w:endnote w:id="{k}">'
                    for j, p in enumerate(paras):
                        lead = ('<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r>'
                                + run(" ")) if j == 0 else ""
                        notes_xml += para(lead, run(p), style="EndnoteText")
                    notes_xml += "</w:endnote>"
                else:
                    content = "".join(para(run(p, sz=19)) for p in boxed[:-1])
                    content += para(run((boxed[-1] if boxed else "") + pointer, sz=19, i=not boxed))
                    sheet_rows.append((k, fl.label, paras))
                rows.append(tr([lab, tc(content, W[1])], h=420 if not boxed else None, rule="exact" if not boxed else "atLeast"))
                continue
            lines = answer_lines(fl, glyph)
            h = max(1, len(lines)) * 260 + 160
            rows.append(tr([lab, tc(_cell_paras(lines), W[1])], h=h, rule="exact"))
        body += tbl(rows, W)
    if mode == "sheet" and sheet_rows:
        body += page_break() + para(run("CONTINUATION SHEET", b=True, sz=24))
        body += para(run("Use this sheet for any answer that does not fit in its box. Quote the note number.", i=True, sz=16))
        Wc = [800, 2700, 6200]
        rows = [tr([tc(para(run(h, b=True, sz=17)), w, shade="D9D9D9") for h, w in zip(("Note", "Question", "Continued answer"), Wc)], header=True)]
        for kk, label, paras in sheet_rows:
            rows.append(tr([tc(para(run(str(kk), sz=18)), Wc[0]), tc(para(run(label, sz=18)), Wc[1]),
                            tc(_cell_paras(paras), Wc[2])]))
        body += tbl(rows, Wc)
    header, footer = _hf(case)
    return package(body, header, footer, font=rng.choice(["Arial", "Calibri"]), title=case.sender.title,
                   endnotes=notes_xml if mode == "endnotes" and notes_xml else None), {
        "cont_mode": mode, "split_summary": split_summary, "notes": k, "glyph": glyph}


# ----------------------------------------------------------------------------------------------- W-UNDERLABEL

def w_underlabel(case: Case, rng) -> tuple[bytes, dict]:
    """Answers typed on ruled lines with the label printed small UNDER the line (as signature blocks are),
    up to three per row; in the XML each answer comes before its label."""
    glyph = rng.choice([None, None, "seg"])
    rule = rng.choice(["single", "dotted"])
    W = [3230, 3230, 3230]
    bdr = f'<w:pBdr><w:bottom w:val="{rule}" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'

    def cell(lines, label, span=1):
        c = "".join(para(run(l, sz=20, font="Courier New" if rng_font else None), ppr=bdr, before=120, after=0)
                     for l in (lines or [""]))
        c += para(run(label, i=True, sz=15, color="595959"), before=0, after=140)
        return tc(c, sum(W[:span]), span=span)

    rng_font = rng.random() < 0.3
    hints = rng.random() < 0.5
    body = _title(case)
    for sec in case.sections:
        body += para(run(sec.title.upper() if rng.random() < 0.3 else sec.title, b=True, sz=21, color="FFFFFF"),
                     ppr='<w:shd w:val="clear" w:color="auto" w:fill="404040"/>', before=240, after=60, keep=True)
        rows, pend = [], []

        def flush():
            if pend:
                cells = [cell(l, lab) for l, lab in pend]
                cells += [tc("<w:p/>", W[0])] * (3 - len(pend))
                rows.append(tr(cells))
                pend.clear()

        for fl in expand(sec.fields):
            if fl.kind == "agencies":
                flush()
                rows.append(tr([tc(para(run(fl.label, b=True, sz=18), before=160), sum(W), span=3)]))
                if not fl.value:
                    rows.append(tr([cell(["None known"], "", 3)]))
                for row in fl.value:
                    rows.append(tr([cell([v] if v else [], h) for v, h in zip(row, _ag_cols(case))]))
                continue
            lines = answer_lines(fl, glyph)
            long = fl.kind in ("lines", "paras") or len(fl.label) > 48 or any(len(l) > 34 for l in lines) or (
                fl.kind == "choice" and len(fl.options) > 3)
            if long:
                flush()
                rows.append(tr([cell(lines, fl.label, 3)]))
            else:
                pend.append((lines, fl.label + (hint(fl, case) if hints and fl.key != "decoy" else "")))
                if len(pend) == 3:
                    flush()
        flush()
        body += tbl(rows, W, borders="none")
    header, footer = _hf(case)
    return package(body, header, footer, font=rng.choice(["Arial", "Segoe UI", "Calibri"]), title=case.sender.title), {
        "glyph": glyph, "rule": rule, "courier_answers": rng_font, "hints": hints}


LAYOUTS = {"W-FRAME": w_frame, "W-QLIST": w_qlist, "W-VGROUP": w_vgroup, "W-CONT": w_cont, "W-UNDERLABEL": w_underlabel}
