"""The five Word layouts of unseen11: W-SMARTTAG, W-RING, W-CARDS, W-RAGGED, W-COMBINED."""
import datetime as dt

from model import expand, choice_word, other_field, wrap, F
from wml import para, run, cell, row, table, sect, package, esc, borders_all

ST_URI = "urn:schemas-microsoft-com:office:smarttags"
NAME_KEYS = {"ref_name", "lead_name", "name", "forename", "surname"}
DATE_KEYS = {"dor", "dob", "dod", "inc_date", "la_aware", "panel_date"}
PLACE_KEYS = {"location", "school", "gp", "ref_agency", "lead_agency"}


def head_text(case, rnd, layout_notes):
    h = f"{case['marking']}\n{case['s']['partnership']} - {case['formref']}"
    if rnd.random() < 0.5:
        import model
        d = dt.date(2026, 1, 2) + dt.timedelta(days=rnd.randrange(0, 120))
        pd_ = model.fmt_date(d, case["main_style"])
        h += f"\nTemplate issued {pd_}"
        layout_notes["header_date"] = pd_
    return h


def title_block(case, rnd):
    s = case["s"]
    out = [para(run(s["org"], b=True, sz=20, color="1F3864")),
           para(run(s["title"], b=True, sz=30)),
           para(run(f"To: {s['partnership']} - business unit", sz=18))]
    out.append(para(run(case["guidance"], i=True, sz=16, color="595959")))
    return out


def label_sep(label):
    return " " if label.rstrip().endswith(("?", ")")) else ": "


def answer_lines(f):
    """Printed lines of a non-choice field (list) or [] when blank."""
    if f.kind == "choice":
        w = choice_word(f)
        return [w] if w else []
    if f.kind in ("lines", "paras"):
        return list(f.value or [])
    return [f.value] if f.value else []


def agency_table(f, rnd, widths=(3200, 3200, 3400), spare=True):
    hdr = row([cell(para(run(h, b=True)), w=w, shd="D9D9D9") for h, w in zip(("Name", "Agency", "Contact details"), widths)])
    rows = [hdr]
    for a in f.value:
        rows.append(row([cell(para(run(v or "")), w=w) for v, w in zip(a, widths)]))
    if not f.value:
        rows.append(row([cell(para(run(f.none_text)), w=widths[0]), cell("", w=widths[1]), cell("", w=widths[2])]))
    if spare:
        rows.append(row([cell("", w=w) for w in widths]))
    return table(rows, list(widths))


# ---------------------------------------------------------------- W-SMARTTAG
def smart(element, inner, attrs=None):
    pr = ""
    if attrs:
        pr = "<w:smartTagPr>" + "".join(f'<w:attr w:name="{k}" w:val="{esc(str(v))}"/>' for k, v in attrs) + "</w:smartTagPr>"
    return f'<w:smartTag w:uri="{ST_URI}" w:element="{element}">{pr}{inner}</w:smartTag>'


def split_runs(text, rnd, **kw):
    """Split text into 1-3 runs at word boundaries, as edited documents are."""
    words = text.split(" ")
    if len(words) < 2 or rnd.random() < 0.4:
        return run(text, **kw)
    k = rnd.randrange(1, len(words))
    return run(" ".join(words[:k]) + " ", **kw) + run(" ".join(words[k:]), **kw)


def w_smarttag(case, rnd, path, notes):
    font = rnd.choice(["Times New Roman", "Arial", "Verdana"])
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    body = title_block(case, rnd)
    comments, cid = [], 0
    comment_targets = set(rnd.sample(["dor", "la_aware", "inc_date", "location", "ref_phone", "lead_name", "address"], 3))
    ncom = rnd.randrange(1, 4)
    tagged = []

    def answer_xml(f):
        nonlocal cid
        lines = answer_lines(f)
        if not lines:
            return [para("")]
        key = f.key
        if f.kind == "paras":
            return [para(split_runs(p, rnd)) for p in lines]
        if key == "address" and f.value:
            inner = ""
            for k, ln in enumerate(lines):
                if k:
                    inner += "<w:r><w:br/></w:r>"
                el = "PostalCode" if k == len(lines) - 1 else ("City" if k == len(lines) - 2 else "Street")
                inner += smart(el, run(ln))
            tagged.append("address")
            xml = smart("address", inner)
        elif key in NAME_KEYS and f.kind == "text" and f.value and f.value not in ("N/A", "-", "Not known", "n/a"):
            xml = smart("PersonName", split_runs(lines[0], rnd), [("ProductID", lines[0])])
            tagged.append(key)
        elif key in DATE_KEYS and f.value and f.value not in ("N/A", "-", "Not known", "n/a"):
            iso = case["iso_of"].get(lines[0])
            attrs = [("Year", int(iso[:4])), ("Day", int(iso[8:])), ("Month", int(iso[5:7]))] if iso else None
            xml = smart("date", run(lines[0]), attrs)
            tagged.append(key)
        elif key in PLACE_KEYS and f.value and f.value not in ("N/A", "-", "Not known", "n/a"):
            xml = smart("place", smart("PlaceName", split_runs(lines[0], rnd)))
            tagged.append(key)
        else:
            xml = run("\n".join(lines))
        if key in comment_targets and len(comments) < ncom:
            d = case_dates["near"][len(comments)]
            text = rnd.choice([f"SCP business unit: chronology requested on {d}.",
                               f"Checked with EDT on {d} - no open referral at that time.",
                               f"Please confirm - our system shows {d}.",
                               f"Rapid Review meeting provisionally booked for {d}."])
            comments.append((cid, rnd.choice(["SCP Business Unit", "Review Coordinator"]),
                             "2026-01-05T10:00:00Z", text))
            xml = f'<w:commentRangeStart w:id="{cid}"/>{xml}<w:commentRangeEnd w:id="{cid}"/>' \
                  f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>'
            notes.setdefault("comments", []).append(text)
            cid += 1
        return [para(xml)]

    import model
    base = dt.date(2026, 1, 5) + dt.timedelta(days=rnd.randrange(0, 60))
    case_dates = {"near": [model.fmt_date(base + dt.timedelta(days=k * 3), case["main_style"]) for k in range(3)]}
    for sec in secs:
        body.append(para(run(sec["title"].upper(), b=True, color="FFFFFF"), shd="404040", spacing_after=0))
        rows = []
        for f in sec["fields"]:
            if f.kind == "agencies":
                body.append(agency_table(f, rnd))
                continue
            rows.append(row([cell(para(run(f.label, b=True, sz=18)), w=3500, shd="F2F2F2"),
                             cell(answer_xml(f), w=6300)]))
        if rows:
            body.append(table(rows, [3500, 6300]))
        body.append(para(""))
    notes["smarttags"] = sorted(set(tagged))
    body.append(para(run("Signed: ........................................   Date: ..................", sz=18)))
    body.append(sect())
    package(path, "".join(body), head_text(case, rnd, notes), case["footer"], font=font, sz=20,
            comments=comments, compat_mode=11, smarttags=True, title=case["s"]["title"])


# ---------------------------------------------------------------- W-RING
def w_ring(case, rnd, path, notes):
    mode = rnd.choice(["border", "underline"])
    notes["ring_mark"] = mode
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    hint = rnd.choice([" (please ring)", " (ring one)", ""])
    body = title_block(case, rnd)
    body.append(para(run(f"Where a question gives choices, ring the answer that applies{'' if mode == 'border' else ' (underline it if you are completing this on screen)'}.", sz=16, i=True)))
    ind = rnd.choice([360, 567, 720])
    for sec in secs:
        body.append(para(run(sec["title"], b=True, sz=24), style="Heading1"))
        for f in sec["fields"]:
            if f.kind == "agencies":
                body.append(para(run(f.label, b=True)))
                body.append(agency_table(f, rnd))
                continue
            if f.kind == "choice":
                body.append(para(run(f.label + hint, b=True), keep=True))
                xml = ""
                for k, o in enumerate(f.options):
                    if k:
                        xml += "<w:r><w:tab/></w:r>"
                    chosen = (k == f.chosen)
                    if chosen and mode == "border":
                        xml += run(o, bdr=True)
                    elif chosen:
                        xml += run(o, b=True, u="double")
                    else:
                        xml += run(o)
                tabs = [("left", ind + 1900 * (k + 1)) for k in range(len(f.options))] if len(f.options) <= 3 else None
                if len(f.options) > 3:
                    # incident type: one option per line
                    for k, o in enumerate(f.options):
                        chosen = (k == f.chosen)
                        r_ = run(o, bdr=True) if chosen and mode == "border" else run(o, b=True, u="double") if chosen else run(o)
                        body.append(para(r_, ind=ind, spacing_after=0))
                else:
                    body.append(para(xml, ind=ind, tabs=tabs))
                if f.key == "itype":
                    o = other_field(f)
                    body.append(para(run(o.label + ": ", b=True) + run(o.value or ""), ind=ind))
                continue
            body.append(para(run(f.label, b=True), keep=True, spacing_after=20))
            lines = answer_lines(f)
            if not lines:
                body.append(para("", ind=ind))
            for ln in lines:
                body.append(para(run(ln, color="1F1F1F"), ind=ind, spacing_after=20 if f.kind == "lines" else 80))
    body.append(sect())
    package(path, "".join(body), head_text(case, rnd, notes), case["footer"],
            font=rnd.choice(["Calibri", "Segoe UI", "Georgia"]), sz=21, title=case["s"]["title"])


# ---------------------------------------------------------------- W-CARDS
def w_cards(case, rnd, path, notes):
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    drop_name = rnd.random() < 0.5
    notes["agency_name_line"] = "omitted when no person" if drop_name else "'Name:' left empty"
    colour = rnd.choice(["DEEAF6", "E2EFD9", "FBE4D5", "EDEDED"])

    def card(sec):
        ps = [para(run(sec["title"], b=True, sz=22), shd=colour, spacing_after=60)]
        for f in sec["fields"]:
            if f.kind == "agencies":
                if not f.value:
                    ps.append(para(run(f.none_text)))
                for a in f.value:
                    xml = ""
                    first = True
                    for lab, v in zip(("Name", "Agency", "Contact"), a):
                        if v is None and drop_name:
                            continue
                        if not first:
                            xml += "<w:r><w:br/></w:r>"
                        xml += run(lab + ": ", b=True) + (run(v) if v else "")
                        first = False
                    ps.append(para(xml, spacing_after=160))
                continue
            lab = f.label
            if f.kind == "paras":
                ps.append(para(run(lab + ":", b=True), spacing_after=20))
                for p in answer_lines(f):
                    ps.append(para(run(p), spacing_after=100))
                continue
            lines = answer_lines(f)
            if f.kind == "lines" and lines:
                ps.append(para(run(lab + ":", b=True) + "<w:r><w:br/></w:r>" + run("\n".join(lines)), spacing_after=60))
                continue
            ps.append(para(run(lab + label_sep(lab).rstrip(" "), b=True) + (run(" " + lines[0]) if lines else ""), spacing_after=40))
            if f.key == "itype" and getattr(f, "other", None) is None:
                pass
        return ps

    cards = [(sec, sec["id"] in ("inc", "crit", "conc")) for sec in secs]
    rows, pending = [], []
    W = 5000
    for sec, wide in cards:
        if wide:
            if pending:
                rows.append(row([cell(card(pending[0]), w=W, valign="top"), cell("", w=W)]))
                pending = []
            rows.append(row([cell(card(sec), w=2 * W, span=2, valign="top")], cant_split=False))
        else:
            pending.append(sec)
            if len(pending) == 2:
                rows.append(row([cell(card(p), w=W, valign="top") for p in pending]))
                pending = []
    if pending:
        rows.append(row([cell(card(pending[0]), w=W, valign="top"), cell("", w=W)]))
    body = title_block(case, rnd)
    bcol = rnd.choice(["A6A6A6", "2F5496", "000000"])
    body.append(table(rows, [W, W], style_borders=borders_all("single", 12, bcol)))
    body.append(sect(margins=800))
    package(path, "".join(body), head_text(case, rnd, notes), case["footer"],
            font=rnd.choice(["Arial", "Calibri", "Tahoma"]), sz=19, title=case["s"]["title"])


# ---------------------------------------------------------------- W-RAGGED
NB = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
UL = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="nil"/>'
BOX = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'


def w_ragged(case, rnd, path, notes):
    split = rnd.random() < 0.5
    notes["name_parts"] = split
    secs = expand(case, split)
    G, CW = 14, 700
    rows = []
    ab = rnd.choice([UL, BOX])
    stats = {"split_labels": 0, "spacers": 0, "grid_before": 0}

    def c(text, span, border=NB, b=False, shd=None, sz=18):
        return cell(para(run(text, b=b, sz=sz)) if text else para(""), w=CW * span, span=span, borders=border, shd=shd)

    def label_cells(label, width):
        words = label.split()
        if len(words) >= 3 and rnd.random() < 0.35 and width >= 4:
            k = len(words) // 2
            stats["split_labels"] += 1
            a = width // 2
            return [c(" ".join(words[:k]), a, b=True), c(" ".join(words[k:]), width - a, b=True)]
        return [c(label, width, b=True)]

    for sec in secs:
        rows.append(row([c(sec["title"], G, shd="BFBFBF", b=True, sz=20)]))
        for f in sec["fields"]:
            if f.kind == "agencies":
                rows.append(row([c(f.label, G, b=True)]))
                rows.append(row([c("Name", 5, BOX, b=True), c("Agency", 5, BOX, b=True), c("Contact", 4, BOX, b=True)]))
                for a in f.value:
                    rows.append(row([c(a[0] or "", 5, BOX), c(a[1], 5, BOX), c(a[2], 4, BOX)]))
                if not f.value:
                    rows.append(row([c(f.none_text, 5, BOX), c("", 5, BOX), c("", 4, BOX)]))
                rows.append(row([c("", 5, BOX), c("", 5, BOX), c("", 4, BOX)]))
                continue
            gb = 1 if rnd.random() < 0.25 else 0
            stats["grid_before"] += gb
            lw = rnd.choice([4, 5, 5, 6])
            if f.kind == "choice":
                opts = f.options
                if len(opts) > 3:
                    rows.append(row(label_cells(f.label, G - gb), grid_before=gb))
                    for k, o in enumerate(opts):
                        rows.append(row([c("", 2), c(o, 6), c("X" if k == f.chosen else "", 1, BOX), c("", G - 9)]))
                    if f.key == "itype":
                        o = other_field(f)
                        rows.append(row([c("", 2), c(o.label, 6, b=True), c(o.value or "", G - 8, ab)]))
                    continue
                ows = [2 if len(o) < 8 else 3 if len(o) < 14 else 4 for o in opts]
                need = sum(w_ + 1 for w_ in ows)
                if lw + gb + need > G:
                    # options on their own row under the label
                    rows.append(row(label_cells(f.label, G - gb), grid_before=gb))
                    cells, used, gb2 = [], 2, 2
                    stats["options_below"] = stats.get("options_below", 0) + 1
                else:
                    cells, used, gb2 = label_cells(f.label, lw), lw + gb, gb
                for k, (o, ow) in enumerate(zip(opts, ows)):
                    cells += [c(o, ow), c("X" if k == f.chosen else "", 1, BOX)]
                    used += ow + 1
                if used < G:
                    cells.append(c("", G - used))
                rows.append(row(cells, grid_before=gb2))
                continue
            lines = answer_lines(f)
            if f.kind == "paras":
                wl = []
                for k, p in enumerate(lines):
                    if k:
                        wl.append("")
                    wl += wrap(p, 78)
                lines = wl
            spacer = rnd.choice([0, 0, 1, 2])
            stats["spacers"] += spacer
            cells = label_cells(f.label, lw)
            if f.kind == "paras":
                rows.append(row(cells + [c("", G - lw - gb)], grid_before=gb))
                for ln in lines:
                    rows.append(row([c(ln, G - 1, ab if ln else NB)], grid_before=1))
                continue
            cells += [c("", 1) for _ in range(spacer)]
            aw = G - gb - lw - spacer
            ga = 1 if (aw > 6 and rnd.random() < 0.3) else 0
            cells.append(c(lines[0] if lines else "", aw - ga, ab))
            rows.append(row(cells, grid_before=gb, grid_after=ga))
            for ln in lines[1:]:
                rows.append(row([c(ln, aw - ga, ab)], grid_before=G - aw, grid_after=ga))
    notes.update({"ragged_" + k: v for k, v in stats.items()})
    body = title_block(case, rnd)
    body.append(table(rows, [CW] * G, borders=False))
    body.append(sect(margins=900))
    package(path, "".join(body), head_text(case, rnd, notes), case["footer"], font="Arial", sz=18,
            title="Converted document", author="PDF to Word")


# ---------------------------------------------------------------- W-COMBINED
def w_combined(case, rnd, path, notes):
    sep = rnd.choice(["\n", " \u2013 ", " | "])
    notes["combined_separator"] = {"\n": "line break", " \u2013 ": "en dash", " | ": "bar"}[sep]
    yn_combo = rnd.random() < 0.5
    notes["combined_yes_no"] = yn_combo
    split = False
    secs = expand(case, split)
    s = case["s"]
    L = s["labels"]
    fmap = {}
    for sec in secs:
        for f in sec["fields"]:
            fmap.setdefault(sec["id"], {})[f.key] = f

    def part(f):
        if f is None:
            return None
        if f.kind == "choice":
            w = choice_word(f)
            return w if w else "-"
        lines = answer_lines(f)
        return ", ".join(lines) if lines else "-"

    def low(t):
        return t[0].lower() + t[1:] if len(t) > 1 and t[1].islower() else t

    def lab(*keys):
        ls = [L[k] for k in keys]
        ls = [ls[0]] + [low(x) for x in ls[1:]]
        if len(ls) == 2:
            return f"{ls[0]} and {ls[1]}"
        return ", ".join(ls[:-1]) + " and " + ls[-1]

    body = title_block(case, rnd)
    body.append(para(run("Where a box asks for more than one thing, give the answers in the order asked.", i=True, sz=16)))
    combos_used = []
    for sec in secs:
        fm = fmap[sec["id"]]
        groups = []
        sid = sec["id"]
        if sid == "ref":
            groups = [["ref_name", "ref_role", "ref_agency"], ["ref_phone", "ref_email"], ["dor"]]
        elif sid == "lead":
            groups = [["lead_name", "lead_role"], ["lead_agency"], ["lead_phone", "lead_email"], ["discussed"]]
        elif sid.startswith("child"):
            ks = list(fm)
            groups = [["name", "dob"], ["age"]]
            g2 = [k for k in ("gender", "ethnicity") if k in fm]
            groups.append(g2)
            groups.append(["address"])
            if "other_names" in fm:
                groups.insert(1, ["other_names"])
            g3 = [k for k in ("school", "gp") if k in fm]
            if g3:
                groups.append(g3)
            if "legal_status" in fm:
                groups.append(["legal_status"])
            yk = [k for k in ("cp_plan", "open_to_csc", "looked_after") if k in fm]
            if yk:
                groups += [yk] if yn_combo else [[k] for k in yk]
            for k in ("disability", "dod"):
                if k in fm:
                    groups.append([k])
        elif sid == "inc":
            groups = [["inc_date", "la_aware"], ["location"], ["itype"], ["summary"], ["police"]]
        elif sid == "crit":
            groups = [["crit1"], ["crit2"], ["crit3"], ["crit4"], ["reason"], ["panel", "panel_date"]]
        else:
            groups = [[k] for k in fm]
        trs = []
        for g in groups:
            fs = [fm[k] for k in g if k in fm]
            if not fs:
                continue
            if len(fs) == 1:
                f = fs[0]
                if f.kind == "agencies":
                    trs.append(row([cell(para(run(f.label, b=True)), w=9800, span=2, shd="F2F2F2")]))
                    trs.append(row([cell([agency_table(f, rnd, widths=(3100, 3100, 3300))], w=9800, span=2)]))
                    continue
                lines = answer_lines(f)
                if f.kind == "paras":
                    content = [para(run(p)) for p in lines] or [para("")]
                elif f.kind == "lines":
                    content = [para(run("\n".join(lines)))] if lines else [para("")]
                else:
                    content = [para(run(lines[0]))] if lines else [para("")]
                trs.append(row([cell(para(run(f.label, b=True, sz=18)), w=3600, shd="F2F2F2"), cell(content, w=6200)]))
                continue
            if g == ["panel", "panel_date"]:
                label = f"{L['panel']} - if yes, {low(L['panel_date'])}"
                pw = part(fs[0])
                dv = fs[1].value
                txt = pw if not dv or fs[0].chosen != 0 else f"{pw}{sep if sep != chr(10) else ' - '}{dv}"
            else:
                label = lab(*g)
                js = " / " if all(x.kind == "choice" for x in fs) else sep
                txt = js.join(part(x) for x in fs)
            combos_used.append("+".join(g))
            trs.append(row([cell(para(run(label, b=True, sz=18)), w=3600, shd="F2F2F2"), cell(para(run(txt)), w=6200)]))
        body.append(para(run(sec["title"], b=True, sz=24, color="2F5496")))
        body.append(table(trs, [3600, 6200]))
    notes["combined_groups"] = sorted(set(combos_used))
    body.append(sect())
    package(path, "".join(body), head_text(case, rnd, notes), case["footer"],
            font=rnd.choice(["Arial", "Calibri"]), sz=20, title=case["s"]["title"])


LAYOUTS = {"W-SMARTTAG": w_smarttag, "W-RING": w_ring, "W-CARDS": w_cards, "W-RAGGED": w_ragged,
           "W-COMBINED": w_combined}
