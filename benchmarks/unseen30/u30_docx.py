"""The five Word layouts of unseen30."""

import datetime as dt
from u30_wml import (run, tab_run, para, cell, table, build_docx, core_xml, app_xml, hdr_ftr, esc)
from u30_form import sections, guidance, options, lab, ctx_default, name_items, child_items, item
from u30_model import fmt_date, ADULT_FIRST, ADULT_LAST

W = 9638  # text width in twips (A4, 2 cm margins)


def ans_paras(it, color=None, font=None):
    d = it["d"]
    if d is None:
        return [para()]
    if it["kind"] == "lines":
        return [para(run(x, color=color, font=font)) for x in d]
    if it["kind"] == "paras":
        return [para(run(x, color=color, font=font), after=80) for x in d]
    return [para(run(d, color=color, font=font))]


def glyph_line(s, it, font="MS Gothic"):
    opts = options(s, it["group"])
    if it["group"] == "yesno":
        pass
    rs = []
    for k, o in enumerate(opts):
        g = "\u2612" if it["opt"] == k else "\u2610"
        rs.append(run(g, font=font) + run(" " + o + ("   " if k < len(opts) - 1 else "")))
    return para("".join(rs))


def office_use():
    rows = [[cell(para(run("For partnership use only", b=True)), W, shd="D9D9D9", span=2)],
            [cell(para(run("Date received")), 3000), cell(para(), W - 3000)],
            [cell(para(run("Reference")), 3000), cell(para(), W - 3000)],
            [cell(para(run("Decision")), 3000), cell(para(), W - 3000)]]
    return para() + table(rows, [3000, W - 3000])


def furniture(s, C):
    hdr = hdr_ftr("header", s["marking"], s["partnership"])
    ftr = hdr_ftr("footer", f"{s['form_ref']}  {s['org']}", None)
    return hdr, ftr


def core_for(s, C, title, creator=None):
    when = C["dates"]["ref"].isoformat() + "T10:15:00Z"
    ref_name = C["f"]["ref_name"]["d"]
    return core_xml(title, creator or ref_name, when, last_by=creator or ref_name, revision=3)


def ag_table(sec, cell_fn=None, spare=1):
    cols = sec["cols"]
    w = [int(W * x) for x in (0.34, 0.30, 0.36)]
    rows = [[cell(para(run(lbl, b=True)), w[k], shd="E7E6E6") for k, (_, lbl) in enumerate(cols)]]
    for a in sec["rows"]:
        rows.append([cell(para(run(a[role])) if a[role] else para(), w[k]) for k, (role, _) in enumerate(cols)])
    for _ in range(spare):
        rows.append([cell(para(), w[k]) for k in range(3)])
    return table(rows, w, header_rows=1)


# ------------------------------------------------------------------ W-ASKEDBYNAME
def w_askedbyname(path, C, s, rng, notes):
    names = C["child_names"]
    lead_full = C["f"]["lead_name"]["d"] if C["f"]["lead_name"]["state"] == "value" else None
    ctx = ctx_default(s)
    if lead_full:
        ctx = dict(ctx, L=lead_full, LP=lead_full.split()[0] + "'s" if s["lpos"] else "")
    if len(names) == 1:
        ctx = dict(ctx, P=names[0] + "'s", p=names[0] + "'s", S=names[0])

    def cctx(i):
        return dict(ctx, P=names[i] + "'s", p=names[i] + "'s", S=names[i])
    S = sections(C, s, ctx, cctx)
    blank_word = rng.choice(["Not answered", "\u2014"])
    notes["blank_word"] = blank_word
    body = []
    body.append(para(run("Copy of your referral"), style="Title"))
    body.append(para(run(f"{s['partnership']} \u2013 {s['title']}", b=True)))
    ref = f"{s['form_ref'].split('-')[0]}-{rng.randint(10000, 99999)}"
    sent = C["dates"]["ref"] + dt.timedelta(days=rng.choice([0, 1]))
    body.append(para(run(f"Reference number: {ref}")))
    body.append(para(run(f"Sent on {fmt_date(sent, 'long')} at {rng.randint(8, 19)}:{rng.randint(0, 59):02d}")))
    body.append(para(run("This is a copy of the answers you gave. We have sent it to the email address you gave us. "
                         + guidance(s), color="505A5F")))
    q_w, a_w = 4300, W - 4300
    personal = 0

    def row(label, content_paras):
        return [cell(para(run(label, b=True)), q_w, borders='<w:tcBorders><w:bottom w:val="single" w:sz="4" w:color="B1B4B6"/></w:tcBorders>'),
                cell("".join(content_paras), a_w, borders='<w:tcBorders><w:bottom w:val="single" w:sz="4" w:color="B1B4B6"/></w:tcBorders>')]

    def answer(it):
        if it.get("kind") == "choice":
            return [para(run(options(s, it["group"])[it["opt"]]))] if it["opt"] is not None else [para(run(blank_word))]
        if it["d"] is None:
            return [para(run(blank_word))]
        return ans_paras(it)

    for sec in S:
        if sec["key"] == "agencies":
            body.append(para(run(sec["title"]), style="Heading2"))
            if not sec["rows"]:
                body.append(para(run(f"{sec['label']}: none added")))
            for k, a in enumerate(sec["rows"]):
                body.append(para(run(f"{sec['label']} \u2013 {k + 1}", b=True)))
                rows = []
                for role, lbl in sec["cols"]:
                    v = a[role]
                    rows.append(row(lbl, [para(run(v if v else blank_word))]))
                body.append(table(rows, [q_w, a_w], borders=False))
            continue
        if not sec["items"] and sec["key"] == "records":
            continue
        title = sec["title"]
        if sec["key"] == "child":
            i = sec["index"]
            title = f"{s['sections']['child']} \u2013 {names[i]}"
        body.append(para(run(title), style="Heading2"))
        rows = []
        if sec["key"] == "child":
            for it in sec["names"]:
                rows.append(row(it["label"], answer(it)))
        for it in sec["items"]:
            lbl = it["label"]
            if sec["key"] == "child" and not it.get("decoy") and names[sec["index"]] not in lbl:
                nm = names[sec["index"]]
                lbl = f"{nm}: {lbl}" if lbl.endswith("?") else f"{nm}'s {lbl[0].lower() + lbl[1:] if not lbl[:2].isupper() else lbl}"
            if any(n in lbl for n in names) or (lead_full and lead_full.split()[0] in lbl):
                personal += 1
            if it.get("key") == "i_other" and C["f"]["i_type"]["opt"] != 4:
                continue
            rows.append(row(lbl, answer(it)))
        body.append(table(rows, [q_w, a_w], borders=False))
    notes["personalised_questions"] = personal
    core = core_xml(f"Referral {ref}", f"{s['partnership']} online referrals", C["dates"]["ref"].isoformat() + "T14:00:00Z")
    build_docx(path, "".join(body), font="Arial", sz=21, accent="0B0C0C", core=core, app=app_xml(None))
    return dict(producer="docx library (empty app.xml)")


# ------------------------------------------------------------------ shared label|answer table layouts
def label_table(rows_items, s, answer_fn, lw=3600, shade="EDEDED"):
    rows = []
    for it in rows_items:
        rows.append([cell(para(run(it["label"], b=True)), lw, shd=shade), cell("".join(answer_fn(it)), W - lw)])
    return table(rows, [lw, W - lw])


def sec_title(t, fill):
    return para(run(t, b=True, color="FFFFFF"), shd=fill, before=200, after=80, keep=True)


def std_answer(s, it):
    if it.get("kind") == "choice":
        if it["group"] == "itype":
            out = []
            for k, o in enumerate(options(s, "itype")):
                g = "\u2612" if it["opt"] == k else "\u2610"
                out.append(para(run(g, font="MS Gothic") + run(" " + o)))
            return out
        return [glyph_line(s, it)]
    return ans_paras(it)


# ------------------------------------------------------------------ W-FAMILYNAME
def w_familyname(path, C, s, rng, notes):
    S = sections(C, s)
    fill = rng.choice(["2F5496", "385623", "7030A0", "833C0B"])
    body = [para(run(s["title"]), style="Title"), para(run(s["partnership"], b=True)), para(run(guidance(s), i=True, sz=18))]
    kids = C["children"]
    fam_surname = kids[0]["c_last"]["d"]
    fam_addr = kids[0]["c_addr"]["d"]
    diff_names = diff_addr = 0
    for sec in S:
        if sec["key"] == "child":
            i = sec["index"]
            ch = kids[i]
            if i == 0:
                body.append(sec_title("The family" if s["key"] != "kelbrook_eds" else "Family / household", fill))
                rows = [dict(label="Family surname", kind="text", d=fam_surname),
                        dict(label="Family home address", kind="lines", d=fam_addr),
                        dict(label="Parent / carer 1 (name)", kind="text", d=f"{rng.choice(ADULT_FIRST)} {fam_surname}"),
                        dict(label="Parent / carer 2 (name)", kind="text", d=rng.choice([f"{rng.choice(ADULT_FIRST)} {rng.choice(ADULT_LAST)}", None])),
                        dict(label="Main language spoken at home", kind="text", d=rng.choice(["English", "Polish", "Urdu", "Arabic", "Romanian", None]))]
                body.append(label_table(rows, s, lambda it: ans_paras(it)))
                body.append(para(run("Give each child's first name below. Only give a surname or address if it is "
                                     "different from the family's.", i=True, sz=18)))
            body.append(sec_title(s["sections"]["child"] + f" \u2013 child {i + 1} of {len(kids)}" if len(kids) > 1 else s["sections"]["child"], fill))
            first_label = lab(s, "c_first") if s["name_split"] != "one" else "First name(s)"
            rows = [dict(label=first_label, kind="text", d=ch["c_first"]["d"])]
            other_last = ch["c_last"]["d"] if ch["c_last"]["d"] != fam_surname else None
            diff_names += other_last is not None
            rows.append(dict(label="Surname (if different from the family surname)", kind="text", d=other_last))
            for it in sec["items"]:
                if it["key"] == "c_addr":
                    other = it["d"] if it["d"] != fam_addr else None
                    diff_addr += other is not None
                    rows.append(dict(it, label="Address (if different from the family home address)", d=other))
                else:
                    rows.append(it)
            body.append(label_table(rows, s, lambda it: std_answer(s, it)))
            continue
        body.append(sec_title(sec["title"], fill))
        if sec["key"] == "agencies":
            body.append(para(run(sec["label"], b=True)))
            body.append(ag_table(sec))
            continue
        if sec["items"]:
            body.append(label_table(sec["items"], s, lambda it: std_answer(s, it)))
    body.append(office_use())
    notes.update(family_surname=fam_surname, children_with_own_surname=diff_names, children_with_own_address=diff_addr)
    hdr, ftr = furniture(s, C)
    build_docx(path, "".join(body), font=rng.choice(["Arial", "Calibri"]), core=core_for(s, C, s["title"]),
               app=app_xml("Microsoft Office Word", f"{s['form_ref']} family referral.dotx", s["org"]), header=hdr, footer=ftr)
    return dict(producer="Microsoft Office Word (template)")


# ------------------------------------------------------------------ W-NOTKNOWN
def w_notknown(path, C, s, rng, notes):
    S = sections(C, s)
    body = [para(run(s["title"]), style="Title"), para(run(s["partnership"], b=True)),
            para(run(guidance(s) + " If you do not know an answer, tick the Not known box rather than leaving it "
                     "blank.", sz=18))]
    w1, w3 = 3500, 1250
    w2 = W - w1 - w3
    ticks = dict(n=0)

    def nk_cell(flag):
        ticks["n"] += flag
        return cell(para(run("\u2612" if flag else "\u2610", font="Segoe UI Symbol"), jc="center"), w3, valign="center")

    def answer_and_flag(it):
        if it.get("decoy"):
            return ans_paras(it), it["d"] is None and rng.random() < 0.3
        if it.get("kind") == "choice":
            if it["group"] == "itype":
                return std_answer(s, it), False
            opts = options(s, it["group"])
            shown = opts[:2] if it["group"] == "yesno" else opts
            rs = []
            for k, o in enumerate(shown):
                rs.append(run("\u2612" if it["opt"] == k else "\u2610", font="Segoe UI Symbol") + run(" " + o + "    "))
            third = it["group"] == "yesno" and it["opt"] == 2
            return [para("".join(rs))], third
        if it["d"] is None:
            return [para()], rng.random() < 0.6
        return ans_paras(it), False

    def sect_table(items):
        rows = [[cell(para(run("Question", b=True)), w1, shd="DDEBF7"), cell(para(run("Answer", b=True)), w2, shd="DDEBF7"),
                 cell(para(run("Not known", b=True), jc="center"), w3, shd="DDEBF7")]]
        for it in items:
            label = it["label"]
            if it.get("key") == "c_dob":
                label = label + "  (tick if estimated \u2610)" if rng.random() < 0.8 else label + "  (tick if estimated \u2612)"
            if it.get("key") == "c_age":
                label = label + "  (tick if estimated \u2610)"
            paras, flag = answer_and_flag(it)
            rows.append([cell(para(run(label)), w1), cell("".join(paras), w2), nk_cell(flag)])
        return table(rows, [w1, w2, w3], header_rows=1)

    for sec in S:
        body.append(para(run(sec["title"]), style="Heading1"))
        if sec["key"] == "agencies":
            body.append(para(run(sec["label"])))
            body.append(ag_table(sec))
            continue
        items = (sec.get("names") or []) + sec["items"]
        if items:
            body.append(sect_table(items))
    body.append(office_use())
    notes["not_known_ticks"] = ticks["n"]
    hdr, ftr = furniture(s, C)
    build_docx(path, "".join(body), font=rng.choice(["Arial", "Verdana"]), sz=19, core=core_for(s, C, s["title"]),
               app=app_xml("Microsoft Office Word", f"{s['form_ref']}.dotx", s["org"]), header=hdr, footer=ftr)
    return dict(producer="Microsoft Office Word")


# ------------------------------------------------------------------ W-CCOUTSIDE
PH_TEXT = "Click or tap here to enter text."
PH_DATE = "Click or tap to enter a date."
PH_LIST = "Choose an item."


class CC:
    def __init__(self):
        self.n = 1000

    def nid(self):
        self.n += 7
        return self.n

    def pr(self, alias, tag, kind, showing, extra=""):
        sh = "<w:showingPlcHdr/>" if showing else ""
        ph = '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>'
        if kind == "date":
            ph = '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013437"/></w:placeholder>'
        if kind == "list":
            ph = '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013438"/></w:placeholder>'
        return (f'<w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/>'
                f"{ph}{sh}{extra}</w:sdtPr>")

    def run_cc(self, alias, tag, kind, value=None, extra=""):
        showing = value is None
        ph = {"text": PH_TEXT, "date": PH_DATE, "list": PH_LIST}[kind]
        content = run(ph, style="PlaceholderText") if showing else run(value)
        typ = {"text": "<w:text/>", "date": "", "list": ""}[kind]
        return f"<w:sdt>{self.pr(alias, tag, kind, showing, extra + typ)}<w:sdtContent>{content}</w:sdtContent></w:sdt>"

    def block_cc(self, alias, tag, paras_xml):
        return (f'<w:sdt><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/>'
                f"</w:sdtPr><w:sdtContent>{paras_xml}</w:sdtContent></w:sdt>")


def w_ccoutside(path, C, s, rng, notes):
    S = sections(C, s)
    cc = CC()
    modes = dict(inside=0, after=0, below=0, placeholder_only=0)
    p_out = rng.choice([0.35, 0.45, 0.55])
    notes["p_typed_outside"] = p_out

    def pick():
        r = rng.random()
        if r < p_out * 0.7:
            return "after"
        if r < p_out:
            return "below"
        return "inside"

    def date_extra(iso):
        fd = f' w:fullDate="{iso}T00:00:00Z"' if iso else ""
        return (f'<w:date{fd}><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/>'
                f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')

    def list_extra(opts):
        li = f'<w:listItem w:displayText="{PH_LIST}" w:value=""/>' + "".join(
            f'<w:listItem w:displayText="{esc(o)}" w:value="{esc(o)}"/>' for o in opts)
        return f"<w:dropDownList>{li}</w:dropDownList>"

    def answer(it, tag):
        alias = it["label"]
        kind = it.get("kind")
        if kind == "choice":
            opts = options(s, it["group"])
            val = opts[it["opt"]] if it["opt"] is not None else None
            if val is None:
                modes["placeholder_only"] += 1
                return [para(cc.run_cc(alias, tag, "list", None, list_extra(opts)))]
            m = pick()
            modes[m] += 1
            if m == "inside":
                return [para(cc.run_cc(alias, tag, "list", val, list_extra(opts)))]
            if m == "after":
                return [para(cc.run_cc(alias, tag, "list", None, list_extra(opts)) + run(" " + val))]
            return [para(cc.run_cc(alias, tag, "list", None, list_extra(opts))), para(run(val))]
        d = it["d"]
        if kind == "date" or (it.get("key") or "").endswith("dob") or it.get("key") in ("c_dod", "p_date"):
            fld = it.get("fld") or {}
            iso = fld.get("t") if fld.get("kind") == "date" else None
            if d is None:
                modes["placeholder_only"] += 1
                return [para(cc.run_cc(alias, tag, "date", None, date_extra(None)))]
            m = pick() if iso else "after"
            modes[m] += 1
            if m == "inside":
                y, mo, da = iso.split("-")
                shown = f"{da}/{mo}/{y}"
                return [para(cc.run_cc(alias, tag, "date", shown, date_extra(iso)))]
            if m == "after":
                return [para(cc.run_cc(alias, tag, "date", None, date_extra(None)) + run(" " + d))]
            return [para(cc.run_cc(alias, tag, "date", None, date_extra(None))), para(run(d))]
        if d is None:
            modes["placeholder_only"] += 1
            return [para(cc.run_cc(alias, tag, "text", None))]
        m = pick()
        modes[m] += 1
        if kind in ("lines", "paras"):
            ps = ans_paras(it)
            if m == "inside":
                return [cc.block_cc(alias, tag, "".join(ps))]
            return [para(cc.run_cc(alias, tag, "text", None))] + ps
        if m == "inside":
            return [para(cc.run_cc(alias, tag, "text", d))]
        if m == "after":
            return [para(cc.run_cc(alias, tag, "text", None) + run(" " + d))]
        return [para(cc.run_cc(alias, tag, "text", None)), para(run(d))]

    body = [para(run(s["title"]), style="Title"), para(run(s["partnership"], b=True)),
            para(run(guidance(s) + " Click in each grey box and type your answer.", sz=18))]
    lw = 3700
    for sec in S:
        body.append(para(run(sec["title"]), style="Heading1"))
        if sec["key"] == "agencies":
            w = [int(W * x) for x in (0.34, 0.30, 0.36)]
            rows = [[cell(para(run(lbl, b=True)), w[k], shd="D9E2F3") for k, (_, lbl) in enumerate(sec["cols"])]]
            for j, a in enumerate(sec["rows"] + [None]):
                r = []
                for k, (role, lbl) in enumerate(sec["cols"]):
                    v = a[role] if a else None
                    r.append(cell("".join(answer(dict(label=lbl, kind="text", d=v or None), f"ag{j + 1}_{role}")), w[k]))
                rows.append(r)
            body.append(para(run(sec["label"])))
            body.append(table(rows, w, header_rows=1))
            continue
        items = (sec.get("names") or []) + sec["items"]
        if not items:
            continue
        rows = []
        for it in items:
            tag = (it.get("key") or "decoy") + (f"_{sec['index'] + 1}" if sec["key"] == "child" else "")
            rows.append([cell(para(run(it["label"], b=True)), lw, shd="F2F2F2"), cell("".join(answer(it, tag)), W - lw)])
        body.append(table(rows, [lw, W - lw]))
    body.append(office_use())
    notes["modes"] = modes
    hdr, ftr = furniture(s, C)
    build_docx(path, "".join(body), font=rng.choice(["Calibri", "Arial"]), sz=20, core=core_for(s, C, s["title"]),
               app=app_xml("Microsoft Office Word", f"{s['form_ref']} (content controls).dotx", s["org"]), header=hdr, footer=ftr)
    return dict(producer="Microsoft Office Word (content controls)")


# ------------------------------------------------------------------ W-SPANROWS
def w_spanrows(path, C, s, rng, notes):
    S = sections(C, s)
    fill = rng.choice(["1F4E79", "3A3838", "375623"])
    body = [para(run(s["title"]), style="Title"), para(run(s["partnership"], b=True)),
            para(run(guidance(s) + " Where the answer to several questions is the same you may merge the answer boxes.", sz=18))]
    merged = dict(rows=0, cells=0, agency_cells=0)
    lw = 4200

    def word(it):
        if it.get("kind") == "choice":
            return None if it["opt"] is None else options(s, it["group"])[it["opt"]]
        return it["d"] if isinstance(it["d"], str) else None

    MERGEABLE = {"c_cp", "c_csc", "c_lac", "k_died", "k_abuse", "k_local", "k_learn", "i_date", "i_la",
                 "discussed"}

    def sect(items):
        rows = []
        k = 0
        while k < len(items):
            it = items[k]
            j = k + 1
            if it.get("key") in MERGEABLE and word(it):
                while (j < len(items) and items[j].get("key") in MERGEABLE and word(items[j]) == word(it)
                       and items[j].get("kind") == it.get("kind")):
                    j += 1
            run_len = j - k if j - k >= 2 else 1
            if run_len >= 2:
                merged["cells"] += 1
                merged["rows"] += run_len
                for q in range(run_len):
                    lab_c = cell(para(run(items[k + q]["label"], b=True)), lw, shd="DEEAF6")
                    if q == 0:
                        rows.append([lab_c, cell(para(run(word(it))), W - lw, vmerge="restart", valign="center")])
                    else:
                        rows.append([lab_c, cell(para(), W - lw, vmerge="continue", valign="center")])
                k += run_len
                continue
            if it.get("kind") == "choice":
                ans = [para(run(word(it)))] if word(it) else [para()]
                if it["group"] == "itype":
                    ans = [para(run(word(it)))]
            else:
                ans = ans_paras(it)
            rows.append([cell(para(run(it["label"], b=True)), lw, shd="DEEAF6"), cell("".join(ans), W - lw)])
            k += 1
        return table(rows, [lw, W - lw])

    hint = {"yesno": f" ({s['yes']} / {s['no']} / {s['third']})", "gender": f" ({s['female']} / {s['male']} / {s['other']})"}
    for sec in S:
        body.append(para(run(sec["title"], b=True, color="FFFFFF"), shd=fill, before=200, after=60))
        if sec["key"] == "agencies":
            cols = sec["cols"]
            w = [int(W * x) for x in (0.34, 0.30, 0.36)]
            ai = [r for r, _ in cols].index("agency")
            rows = [[cell(para(run(lbl, b=True)), w[k], shd="DEEAF6") for k, (_, lbl) in enumerate(cols)]]
            ag = sec["rows"]
            q = 0
            while q < len(ag):
                j = q + 1
                while j < len(ag) and ag[j]["agency"] == ag[q]["agency"]:
                    j += 1
                for t in range(q, j):
                    r = []
                    for k, (role, _) in enumerate(cols):
                        if k == ai and j - q > 1:
                            if t == q:
                                merged["agency_cells"] += 1
                                r.append(cell(para(run(ag[t][role])), w[k], vmerge="restart", valign="center"))
                            else:
                                r.append(cell(para(), w[k], vmerge="continue", valign="center"))
                        else:
                            v = ag[t][role]
                            r.append(cell(para(run(v)) if v else para(), w[k]))
                    rows.append(r)
                q = j
            rows.append([cell(para(), w[k]) for k in range(3)])
            body.append(para(run(sec["label"])))
            body.append(table(rows, w, header_rows=1))
            continue
        items = (sec.get("names") or []) + sec["items"]
        items = [dict(it, label=it["label"] + hint.get(it.get("group"), "")) if it.get("kind") == "choice" else it for it in items]
        if items:
            body.append(sect(items))
    body.append(office_use())
    notes["merged"] = merged
    hdr, ftr = furniture(s, C)
    build_docx(path, "".join(body), font=rng.choice(["Arial", "Tahoma", "Calibri"]), sz=19, core=core_for(s, C, s["title"]),
               app=app_xml("Microsoft Office Word", f"{s['form_ref']}.dotx", s["org"]), header=hdr, footer=ftr)
    return dict(producer="Microsoft Office Word")


WORD_LAYOUTS = {"W-ASKEDBYNAME": w_askedbyname, "W-FAMILYNAME": w_familyname, "W-NOTKNOWN": w_notknown,
                "W-CCOUTSIDE": w_ccoutside, "W-SPANROWS": w_spanrows}
