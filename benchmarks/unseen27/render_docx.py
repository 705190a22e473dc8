"""The five Word layouts of unseen27."""

from __future__ import annotations

import datetime as dt

from common import fmt_date, initials_of, xml_escape
from forms import (CHILD_KEYS, CRIT_KEYS, INC_KEYS, LEAD_KEYS, REF_KEYS, child_fields, child_title, decoys_in,
                   fields, guidance, name_keys, options, text_of, word)
from model import Case, Shown
from senders import SENDER_ORDER
from wml import (Package, app_xml, cell, document_xml, field_run, hdr_xml, para, row, run, sect_pr, settings_xml,
                 styles_xml, table)

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PAGE_W = 9638     # text width in twips for A4 with 2 cm margins


# ---- shared page furniture -------------------------------------------------------------------------------

def furniture(pkg: Package, case: Case, font: str) -> str:
    s = case.s
    hdr = hdr_xml(para(run(s["marking"], b=True, sz=8, color="C00000") + run("\t\t" + s["partnership"], sz=8),
                       style="Header"), "hdr")
    ftr = hdr_xml(para(run(f"{s['form_ref']} v{2 + case.n % 4}\t\tPage ", sz=8) +
                       field_run("PAGE", run("1", sz=8)) + run(" of ", sz=8) + field_run("NUMPAGES", run("2", sz=8)),
                       style="Footer"), "ftr")
    pkg.add("word/header1.xml", hdr, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
    pkg.add("word/footer1.xml", ftr, "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml")
    h = pkg.rel(f"{REL}/header", "header1.xml")
    f = pkg.rel(f"{REL}/footer", "footer1.xml")
    return sect_pr({"default": h}, {"default": f})


def finish(pkg: Package, case: Case, body: str, sectpr: str, font: str, template="Normal.dotm",
           application="Microsoft Office Word", settings_extra="") -> bytes:
    s = case.s
    d = case.show["date_of_referral"].date or dt.date(2026, 1, 12)
    created = f"{(d - dt.timedelta(days=1)).isoformat()}T{9 + case.n % 7:02d}:{(case.n * 7) % 60:02d}:00Z"
    modified = f"{d.isoformat()}T{11 + case.n % 5:02d}:{(case.n * 13) % 60:02d}:00Z"
    creator = case.rec["referrer"]["name"] or "User"
    if not body.endswith("</w:p>"):
        body += para("")
    return pkg.build(document_xml(body, sectpr), styles_xml(font=font), settings_xml(settings_extra),
                     core=dict(title=s["title"], creator=creator, modified_by=creator, created=created, modified=modified,
                               revision=str(2 + case.n % 5)),
                     app=dict(application=application, company=s["org_short"], template=template))


def title_block(case: Case, extra: str = "") -> str:
    s = case.s
    out = para(run(s["title"]), style="Title")
    out += para(run(f"{s['org']}  \u2192  {s['partnership']}", sz=9, color="595959"))
    out += para(run(guidance(case), i=True, sz=9, color="404040"), after=160)
    if extra:
        out += extra
    return out


def lines_runs(text: str, **kw) -> str:
    return run(text, **kw)


def section_heading(title: str, color="1F3864") -> str:
    return para(run(title), style="Heading2")


def label_cell(label: str, w: int, shade="E7E6E6") -> str:
    return cell(para(run(label, b=True, sz=9)), w, shade=shade)


def answer_paras(text: str, **kw) -> str:
    """An answer cell's paragraphs: blank lines separate paragraphs, newlines are line breaks."""
    if not text:
        return para("")
    return "".join(para(run(p, **kw)) for p in text.split("\n\n"))


def std_table(rows_data: list[tuple[str, str]], lw=3600, aw=None, shade="E7E6E6", **kw) -> str:
    aw = aw or PAGE_W - lw
    rows = [row([label_cell(l, lw, shade), cell(answer_paras(v, **kw), aw)]) for l, v in rows_data]
    return table(rows, [lw, aw])


def agencies_table(case: Case, spare=1, header_shade="D9E2F3", rows_override=None) -> str:
    cols = case.s["agency_cols"]
    widths = [3400, 2900, PAGE_W - 6300] if len(cols) == 3 else [PAGE_W // len(cols)] * len(cols)
    hdr = row([cell(para(run(c, b=True, sz=9)), w, shade=header_shade) for (c, _), w in zip(cols, widths)], header=True)
    rows = [hdr]
    data = rows_override if rows_override is not None else case.agencies
    for a in data:
        rows.append(row([cell(para(run(a[k] if a[k] else "", sz=10)), w) for (_, k), w in zip(cols, widths)]))
    for _ in range(spare):
        rows.append(row([cell(para(""), w) for w in widths]))
    return table(rows, widths)


def choice_text(case: Case, sh: Shown, key: str, detail_label: str | None = None) -> str:
    w = word(case, sh, key)
    if sh.kind == "itype" and sh.detail and w:
        return f"{w}\n{detail_label or case.label('inc.detail')}: {sh.detail}"
    return w


# ---- W-SIBCELLS -------------------------------------------------------------------------------------------

def render_sibcells(case: Case) -> bytes:
    """One child section shared by the siblings: each answer cell lists every child's answer, keyed by the
    child's first name (or "Child 1" / "A"), shared answers once ("Both:" / "All:")."""
    r = case.rng
    s = case.s
    pkg = Package()
    font = r.choice(["Arial", "Calibri", "Verdana"])
    key_style = r.choice(["name", "name", "number", "letter"])
    sep = r.choice(["para", "br", "semi"])
    n = len(case.kids)
    share_word = "Both" if n == 2 else r.choice(["All", "All three"])
    case.notes.update(key_style=key_style, separator=sep, shared_cells=0)
    firsts = [k.get("child.first").text if k.get("child.first") else k["child.name"].text.split(" ")[0]
              for k in case.kids]
    keys = firsts if key_style == "name" else [f"Child {i + 1}" for i in range(n)] if key_style == "number" else \
        [chr(65 + i) for i in range(n)]

    def pref(i):
        return f"{keys[i]}: " if key_style != "letter" else f"{keys[i]}) "

    body = title_block(case)
    sectpr = furniture(pkg, case, font)

    def simple_section(title, flist, decoys=()):
        nonlocal body
        data = []
        for key, label, sh in flist:
            if sh.kind in ("yn", "gender", "itype"):
                data.append((label, choice_text(case, sh, key)))
            else:
                data.append((label, text_of(case, sh, key)))
        data += list(decoys)
        body += section_heading(title) + std_table(data)

    simple_section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    simple_section(s["sections"]["lead"], fields(case, LEAD_KEYS))

    # the shared child box
    intro = ("If you are referring more than one child, give each child's details in the same box - "
             "put the child's name before each answer.") if n > 1 else \
        "If you are referring more than one child, give each child's details in the same box."
    body += section_heading(s["sections"]["child"] + (" (children)" if n > 1 else ""))
    body += para(run(intro, i=True, sz=9, color="595959"))
    lw, aw = 3300, PAGE_W - 3300
    rows = []

    def cell_for(entries: list[str], multiline_first: bool = False) -> str:
        """entries are already prefixed strings (may contain newlines for address lines)."""
        if not entries:
            return para("")
        if sep == "para":
            return "".join(para(run(e)) for e in entries)
        if sep == "br":
            return para(run("\n".join(entries)))
        # semi: short answers on one line; anything with a newline gets its own paragraph
        if any("\n" in e for e in entries):
            return "".join(para(run(e)) for e in entries)
        return para(run("; ".join(entries)))

    name_ks = name_keys(case)
    for key in name_ks + CHILD_KEYS:
        if key not in s["labels"]:
            continue
        shs = [k.get(key) for k in case.kids]
        if all(sh is None for sh in shs):
            continue
        label = case.label(key)
        vals = []
        for sh in shs:
            if sh is None:
                vals.append("")
            elif sh.kind in ("yn", "gender"):
                vals.append(word(case, sh, key))
            elif sh.kind == "lines":
                vals.append("\n".join(sh.lines))
            else:
                vals.append(sh.text)
        entries = []
        if n == 1:
            entries = [vals[0]] if vals[0] else []
        elif key in ("child.first", "child.name"):
            entries = [(pref(i) if key_style != "name" else "") + v for i, v in enumerate(vals)]
        elif key == "child.last" and len(set(vals)) == 1 and vals[0] and r.random() < 0.8:
            entries = [f"{vals[0]} ({share_word.lower()})" if r.random() < 0.5 else f"{share_word}: {vals[0]}"]
            case.notes["shared_cells"] += 1
        elif len(set(vals)) == 1 and vals[0] and shs[0] is not None and not shs[0].filler and r.random() < 0.75:
            entries = [f"{share_word}: {vals[0]}"]
            case.notes["shared_cells"] += 1
        else:
            for i, (v, sh) in enumerate(zip(vals, shs)):
                if not v:
                    continue           # a child with no answer is left out of the box
                entries.append(pref(i) + v)
        rows.append(row([label_cell(label, lw), cell(cell_for(entries), aw)]))
    for label, v in decoys_in(case, "child"):
        rows.append(row([label_cell(label, lw), cell(para(run(v)), aw)]))
    body += table(rows, [lw, aw])

    inc = fields(case, INC_KEYS)
    simple_section(s["sections"]["incident"], inc, decoys_in(case, "incident"))
    simple_section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        simple_section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    body += section_heading(s["sections"]["agencies"]) + agencies_table(case)
    simple_section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        body += section_heading(s["sections"]["records"]) + std_table(rec)
    return finish(pkg, case, body, sectpr, font)


# ---- W-INITIALBOX -------------------------------------------------------------------------------------------

def initials_fmt(style: str, ini: str) -> str:
    if style == "dots":
        return ".".join(ini) + "."
    if style == "lower":
        return ini.lower()
    if style == "spaced":
        return " ".join(ini)
    return ini


def render_initialbox(case: Case) -> bytes:
    """"Please initial the box that applies": every choice is a row of option boxes and the chosen box holds
    the referrer's initials (the lead's initials for the 'discussed' question)."""
    r = case.rng
    s = case.s
    pkg = Package()
    font = r.choice(["Arial", "Calibri", "Tahoma"])
    style = ["plain", "dots", "lower", "spaced"][SENDER_ORDER.index(case.sid) % 4]
    ri = initials_fmt(style, case.ref_initials)
    li = initials_fmt(style, case.lead_initials)
    case.notes.update(initials_style=style, referrer_initials=ri, lead_initials=li)
    body = title_block(case, para(run("Where boxes are shown, please INITIAL the box that applies (do not tick).",
                                      b=True, sz=9, color="C00000")))
    sectpr = furniture(pkg, case, font)
    lw = 3600

    def choice_table(items: list[tuple[str, Shown, str]]) -> str:
        """Rows of question | option boxes, one header row of option words per run of questions with the same
        options.  items: (label, shown, initials)."""
        out = ""
        groups: list[list] = []
        for it in items:
            if groups and options(case, groups[-1][0][1]) == options(case, it[1]):
                groups[-1].append(it)
            else:
                groups.append([it])
        for g in groups:
            opts = options(case, g[0][1])
            ow = (PAGE_W - lw) // len(opts)
            rows = [row([cell(para(""), lw)] + [cell(para(run(o, b=True, sz=8), align="center"), ow, shade="F2F2F2")
                                                 for o in opts])]
            for label, sh, ini in g:
                marks = [ini if sh.choice == j else "" for j in range(len(opts))]
                rows.append(row([label_cell(label, lw)] + [cell(para(run(m, sz=11, color="1F3864", font="Segoe Print"),
                                                                     align="center"), ow, valign="center") for m in marks],
                                height=420))
            out += table(rows, [lw] + [ow] * len(opts))
            out += para("", after=0)
        return out

    def text_rows(flist, decoys=()):
        data = [(label, text_of(case, sh, key)) for key, label, sh in flist if sh.kind not in ("yn", "gender", "itype")]
        data += list(decoys)
        return std_table(data, lw=lw) if data else ""

    def section(title, flist, decoys=(), ini=ri):
        nonlocal body
        body += section_heading(title)
        body += text_rows(flist, decoys)
        chs = [(label, sh, (li if key == "lead.discussed" else ini)) for key, label, sh in flist
               if sh.kind in ("yn", "gender")]
        if chs:
            body += para("", after=0) + choice_table(chs)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    for i in range(len(case.kids)):
        section(child_title(case, i), child_fields(case, i), decoys_in(case, "child") if i == 0 else ())
    # incident: text rows, then the incident type as one initial box per option
    inc = fields(case, INC_KEYS)
    body += section_heading(s["sections"]["incident"])
    body += text_rows([f for f in inc if f[0] != "inc.summary"], decoys_in(case, "incident"))
    it = case.show.get("inc.type")
    if it is not None:
        rows = [row([cell(para(run(case.label("inc.type"), b=True, sz=9)), PAGE_W - 1400, shade="E7E6E6"),
                     cell(para(run("Initials", b=True, sz=8), align="center"), 1400, shade="F2F2F2")])]
        for j, o in enumerate(options(case, it)):
            rows.append(row([cell(para(run(o)), PAGE_W - 1400),
                             cell(para(run(ri if it.choice == j else "", sz=11, color="1F3864", font="Segoe Print"),
                                       align="center"), 1400)]))
        rows.append(row([cell(para(run(case.label("inc.detail") + ": ", b=True, sz=9) +
                                   run(it.detail if (it.detail and it.choice == 4) else "")), PAGE_W - 1400),
                         cell(para(""), 1400)]))
        body += para("", after=0) + table(rows, [PAGE_W - 1400, 1400])
    summ = case.show.get("inc.summary")
    body += para(run(case.label("inc.summary"), b=True), before=120)
    body += table([row([cell(answer_paras(text_of(case, summ)), PAGE_W)])], [PAGE_W])
    pol = [f for f in inc if f[0] == "inc.police_involved"]
    if pol:
        body += para("", after=0) + choice_table([(pol[0][1], pol[0][2], ri)])
    # criteria
    body += section_heading(s["sections"]["criteria"])
    body += choice_table([(label, sh, ri) for key, label, sh in fields(case, CRIT_KEYS)])
    body += text_rows(fields(case, ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    body += section_heading(s["sections"]["agencies"]) + agencies_table(case)
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        body += section_heading(s["sections"]["records"]) + std_table(rec)
    # declaration with initials and a date (not part of the record)
    d = case.show["date_of_referral"].date + dt.timedelta(days=r.choice([0, 0, 1]))
    body += section_heading("Declaration")
    body += std_table([("I confirm the information above is accurate to the best of my knowledge - initials", ri),
                       ("Date initialled", fmt_date(d, s["date_style"])),
                       ("Safeguarding lead - initials", li)])
    case.notes["declaration_date"] = fmt_date(d, s["date_style"])
    return finish(pkg, case, body, sectpr, font)


# ---- W-SHAREDROWS -------------------------------------------------------------------------------------------

def glyph_line(case: Case, sh: Shown) -> str:
    opts = options(case, sh)
    return "   ".join(("\u2612 " if sh.choice == j else "\u2610 ") + o for j, o in enumerate(opts))


def render_sharedrows(case: Case) -> bytes:
    """An 'identifying details' grid whose rows carry a child on the left and a referrer field on the right
    (Child 1 | names | DOB | Name | Jo Patel), then the rest of the form as label | answer tables."""
    r = case.rng
    s = case.s
    pkg = Package()
    font = r.choice(["Arial", "Calibri"])
    sectpr = furniture(pkg, case, font)
    body = title_block(case)
    nslots = max(4, len(case.kids) + r.choice([1, 2]), len(fields(case, REF_KEYS)))
    case.notes["child_rows"] = nslots
    d = case.show["date_of_referral"]
    body += std_table([(case.label("date_of_referral"), text_of(case, d))], lw=3000)
    body += para("", after=60)
    body += para(run("Identifying details", b=True, sz=11))
    nk = name_keys(case)
    ref_f = fields(case, REF_KEYS)
    rlabels = [(label, text_of(case, sh, key)) for key, label, sh in ref_f]
    while len(rlabels) < nslots:
        rlabels.append(("", ""))
    if len(nk) == 2:
        ccols = [case.label(k) for k in nk] + [case.label("child.dob")]
        cw = [1000, 1400, 1400, 1450]
    else:
        ccols = [case.label(nk[0]), case.label("child.dob")]
        cw = [1000, 2500, 1450]
    rest = PAGE_W - sum(cw)
    rw = [rest * 2 // 5, rest - rest * 2 // 5]
    head_shade = "DEEAF6"
    hdr = row([cell(para(run("Children", b=True, sz=8)), cw[0], shade=head_shade)] +
              [cell(para(run(c, b=True, sz=8)), w, shade=head_shade) for c, w in zip(ccols, cw[1:])] +
              [cell(para(run("Referrer's details", b=True, sz=8)), rw[0] + rw[1], shade=head_shade, span=2)])
    rows = [hdr]
    for i in range(nslots):
        if i < len(case.kids):
            k = case.kids[i]
            vals = [k[x].text for x in nk] + [k["child.dob"].text if k.get("child.dob") is not None else ""]
        else:
            vals = [""] * len(ccols)
        rl, rv = rlabels[i] if i < len(rlabels) else ("", "")
        rows.append(row([cell(para(run(f"Child {i + 1}", b=True, sz=9)), cw[0], shade="F2F2F2")] +
                        [cell(para(run(v)), w) for v, w in zip(vals, cw[1:])] +
                        [cell(para(run(rl, b=True, sz=9)), rw[0], shade="F2F2F2"), cell(para(run(rv)), rw[1])]))
    for extra in rlabels[nslots:]:
        rows.append(row([cell(para(""), w) for w in cw] +
                        [cell(para(run(extra[0], b=True, sz=9)), rw[0], shade="F2F2F2"), cell(para(run(extra[1])), rw[1])]))
    body += table(rows, cw + rw)
    for label, v in decoys_in(case, "ref"):
        body += para(run(label + ": ", b=True, sz=9) + run(v, sz=9))

    def section(title, flist, decoys=()):
        nonlocal body
        data = []
        for key, label, sh in flist:
            if sh.kind in ("yn", "gender"):
                data.append((label, glyph_line(case, sh)))
            elif sh.kind == "itype":
                v = "\n".join(("\u2612 " if sh.choice == j else "\u2610 ") + o +
                              ((" - " + sh.detail) if (j == 4 and sh.choice == 4 and sh.detail) else "")
                              for j, o in enumerate(options(case, sh)))
                data.append((label, v))
            else:
                data.append((label, text_of(case, sh, key)))
        data += list(decoys)
        body += section_heading(title) + std_table(data)

    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    for i in range(len(case.kids)):
        skip = set(nk) | {"child.dob"}
        k = case.kids[i]
        extra = []
        title = f"Child {i + 1} - further details"
        flist = child_fields(case, i, with_names=False, skip=skip)
        section(title, flist, decoys_in(case, "child") if i == 0 else ())
    section(s["sections"]["incident"], fields(case, INC_KEYS), decoys_in(case, "incident"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    body += section_heading(s["sections"]["agencies"]) + agencies_table(case, spare=2)
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        body += section_heading(s["sections"]["records"]) + std_table(rec)
    return finish(pkg, case, body, sectpr, font)


# ---- W-RTFCHUNKS --------------------------------------------------------------------------------------------

def rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\line ")
        elif ch == "\t":
            out.append("\\tab ")
        elif ch == "\u2019":
            out.append("\\rquote ")
        elif ch == "\u2018":
            out.append("\\lquote ")
        elif ch == "\u2013":
            out.append("\\endash ")
        elif o < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1252")
                out.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def rtf_doc(body: str, font="Arial") -> str:
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang2057{\\fonttbl{\\f0\\fswiss\\fcharset0 " + font +
            ";}{\\f1\\fnil\\fcharset0 Calibri;}}\r\n{\\colortbl ;\\red31\\green56\\blue100;\\red242\\green242\\blue242;}\r\n"
            "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n" + body + "}\r\n")


def rtf_paras(paras: list[str]) -> str:
    return "".join("\\pard\\sa120\\sl276\\slmult1\\f0\\fs20 " + rtf_escape(p) + "\\par\r\n" for p in paras)


def rtf_table(header: list[str], rows: list[list[str]], widths: list[int]) -> str:
    def rowdef(shade=False):
        x, out = 0, "\\trowd\\trgaph108\\trleft0"
        for w in widths:
            x += w
            out += ("\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10" +
                    ("\\clcbpat2" if shade else "") + f"\\cellx{x}")
        return out + "\r\n"
    out = rowdef(True) + "\\pard\\intbl\\f0\\fs18\\b " + "".join(rtf_escape(h) + "\\cell " for h in header) + "\\b0\\row\r\n"
    for rw in rows:
        out += rowdef() + "\\pard\\intbl\\f0\\fs20 " + "".join(rtf_escape(c) + "\\cell " for c in rw) + "\\row\r\n"
    return out + "\\pard\\sa120\\par\r\n"


def render_rtfchunks(case: Case) -> bytes:
    """A document assembled by the sender's case system: short answers in Word tables, but the long rich-text
    answers (summary, reason, immediate concerns) and the agencies table are imported RTF parts (w:altChunk)."""
    r = case.rng
    s = case.s
    pkg = Package()
    font = "Calibri"
    system = r.choice(["CaseLine 7", "Orbis Records 3.2", "Keystone Case Manager"])
    case.notes["system"] = system
    sectpr = furniture(pkg, case, font)
    gen = case.show["date_of_referral"].date
    body = para(run(s["title"]), style="Title")
    body += para(run(f"{s['org']} \u2192 {s['partnership']}", sz=9, color="595959"))
    body += para(run(f"Document generated by {system} on {gen.strftime('%d/%m/%Y')} at {8 + case.n % 9:02d}:{(case.n * 11) % 60:02d} "
                     f"\u2022 template REF-{case.n % 9 + 1:02d}", sz=8, color="7F7F7F"))
    body += para(run(guidance(case), i=True, sz=9, color="404040"), after=160)
    chunks = []

    def add_chunk(rtf: str) -> str:
        idx = len(chunks) + 1
        name = f"word/afchunk{idx}.rtf"
        pkg.add(name, rtf.encode("ascii"))
        pkg.defaults["rtf"] = "application/rtf"
        rid = pkg.rel(f"{REL}/aFChunk", f"afchunk{idx}.rtf")
        chunks.append(name)
        return f'<w:altChunk r:id="{rid}"/>'

    def rich(label: str, sh: Shown | None):
        nonlocal body
        body += para(run(label, b=True, sz=10), keep_next=True, before=120)
        if sh is None:
            return
        if sh.kind == "paras":
            paras = sh.paras
        else:
            paras = [sh.text] if sh.text else []
        if not paras:
            body += para("")
            return
        body += add_chunk(rtf_doc(rtf_paras(paras)))

    def section(title, flist, decoys=()):
        nonlocal body
        data = []
        for key, label, sh in flist:
            if sh.kind in ("yn", "gender", "itype"):
                data.append((label, choice_text(case, sh, key)))
            else:
                data.append((label, text_of(case, sh, key)))
        data += list(decoys)
        if data:
            body += section_heading(title) + std_table(data, shade="EDEDED")

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    for i in range(len(case.kids)):
        section(child_title(case, i), child_fields(case, i), decoys_in(case, "child") if i == 0 else ())
    inc = [f for f in fields(case, INC_KEYS) if f[0] != "inc.summary"]
    section(s["sections"]["incident"], inc, decoys_in(case, "incident"))
    rich(case.label("inc.summary"), case.show.get("inc.summary"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS))
    rich(case.label("crit.reason"), case.show.get("crit.reason"))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    body += section_heading(s["sections"]["agencies"])
    cols = s["agency_cols"]
    if case.agencies:
        rows = [[a[k] for _, k in cols] for a in case.agencies]
        body += add_chunk(rtf_doc(rtf_table([c for c, _ in cols], rows, [3200, 2800, 3400])))
    else:
        body += para(run("No records.", i=True, sz=9))
    body += section_heading(s["sections"]["concerns"])
    rich(case.label("concerns"), case.show.get("concerns"))
    rec = decoys_in(case, "records")
    if rec:
        body += section_heading(s["sections"]["records"]) + std_table(rec, shade="EDEDED")
    case.notes["rtf_chunks"] = len(chunks)
    return finish(pkg, case, body, sectpr, font, template=f"{system.split()[0]}Referral.dotx",
                  application="Microsoft Office Word")


# ---- W-BRACKETFILL ------------------------------------------------------------------------------------------

PROMPTS = {
    "ref.name": "Full name", "lead.name": "Full name", "ref.role": "Job title", "lead.role": "Job title",
    "ref.agency": "Organisation", "lead.agency": "Organisation", "ref.email": "Email address",
    "lead.email": "Email address", "ref.phone": "Telephone number", "lead.phone": "Telephone number",
    "child.first": "First name(s)", "child.last": "Surname", "child.name": "Child's full name",
    "child.other_names": "Any other names", "child.age": "Age", "child.ethnicity": "Ethnicity",
    "child.address": "Address, including postcode", "child.school": "School / nursery", "child.gp": "GP practice",
    "child.legal_status": "Legal status", "child.disability": "Needs / disability", "inc.location": "Where",
    "inc.summary": "Describe what happened", "crit.reason": "Give your reasons", "concerns": "Describe any immediate concerns",
}


def render_bracketfill(case: Case) -> bytes:
    """A Word template of 'Label:<tab>[prompt]' lines that the referrer typed over: the answer usually keeps the
    template's square brackets ('[Maya THOMPSON]'); a prompt never replaced stays ('[dd/mm/yyyy]')."""
    r = case.rng
    s = case.s
    pkg = Package()
    font = r.choice(["Arial", "Calibri", "Segoe UI"])
    keep_p = r.choice([0.55, 0.75, 0.9])
    grey_answers = r.random() < 0.5
    case.notes.update(bracket_keep_rate=keep_p, answers_in_prompt_style=grey_answers, prompts_left=0)
    sectpr = furniture(pkg, case, font)
    body = title_block(case, para(run("Replace the text in square brackets with your answer.", sz=9, i=True)))
    tab = 3900

    def prompt_for(key: str, sh: Shown) -> str:
        if sh.kind == "date":
            return "dd/mm/yyyy"
        if sh.kind in ("yn", "gender"):
            return " / ".join(options(case, sh))
        if sh.kind == "itype":
            return " / ".join(options(case, sh))
        return PROMPTS.get(key, "Type here")

    def bracketed(value: str, keep: bool) -> str:
        return f"[{value}]" if keep else value

    def ans_runs(text: str, is_prompt: bool) -> str:
        if is_prompt or grey_answers:
            return run(text, color="808080", i=is_prompt)
        return run(text)

    def answer(key: str, sh: Shown) -> tuple[str, bool]:
        """(text, is_prompt)"""
        if sh.kind in ("yn", "gender", "itype"):
            if sh.choice is None:
                case.notes["prompts_left"] += 1
                return f"[{prompt_for(key, sh)}]", True
            w = word(case, sh, key)
            if sh.kind == "itype" and sh.detail and sh.choice == 4:
                w = f"{w} - {sh.detail}"
            return bracketed(w, r.random() < keep_p), False
        if sh.kind == "lines":
            if not sh.lines:
                case.notes["prompts_left"] += 1
                return f"[{prompt_for(key, sh)}]", True
            return bracketed("\n".join(sh.lines), r.random() < keep_p), False
        if sh.kind == "paras":
            if not sh.paras:
                return f"[{prompt_for(key, sh)}]", True
            return bracketed("\n\n".join(sh.paras), r.random() < keep_p), False
        if not sh.text:
            case.notes["prompts_left"] += 1
            return f"[{prompt_for(key, sh)}]", True
        return bracketed(sh.text, r.random() < keep_p), False

    def line(label: str, key: str, sh: Shown):
        nonlocal body
        text, is_prompt = answer(key, sh)
        long = sh.kind == "paras" or key in ("crit.reason", "concerns") or len(label) > 44
        if long:
            body += para(run(label + (":" if not label.endswith("?") else ""), b=True), keep_next=True, before=80)
            parts = text.split("\n\n")
            for p in parts:
                body += para(ans_runs(p, is_prompt), ind_left=360)
        else:
            body += para(run(label + (":" if not label.endswith("?") else ""), b=True) + run("\t") + ans_runs(text, is_prompt),
                         tabs=[("left", tab, None)], hanging=tab, ind_left=tab)

    def section(title, flist, decoys=()):
        nonlocal body
        body += para(run(title, b=True, sz=12, color="1F3864"), border_bottom=6, before=240, keep_next=True)
        for key, label, sh in flist:
            line(label, key, sh)
        for label, v in decoys:
            body += para(run(label + ":", b=True) + run("\t") + ans_runs(f"[{v}]" if r.random() < keep_p else v, False),
                         tabs=[("left", tab, None)], hanging=tab, ind_left=tab)

    section(s["sections"]["ref"], fields(case, ["date_of_referral"] + REF_KEYS), decoys_in(case, "ref"))
    section(s["sections"]["lead"], fields(case, LEAD_KEYS))
    for i in range(len(case.kids)):
        section(child_title(case, i), child_fields(case, i), decoys_in(case, "child") if i == 0 else ())
    section(s["sections"]["incident"], fields(case, INC_KEYS), decoys_in(case, "incident"))
    section(s["sections"]["criteria"], fields(case, CRIT_KEYS + ["crit.reason"]))
    if "panel" in s["labels"]:
        section(s["sections"]["panel"], fields(case, ["panel", "panel_date"]))
    body += para(run(s["sections"]["agencies"], b=True, sz=12, color="1F3864"), border_bottom=6, before=240, keep_next=True)
    cols = s["agency_cols"]
    for a in case.agencies + [None]:
        parts = []
        for cname, k in cols:
            if a is None or not a[k]:
                parts.append(run(cname + ": ", b=True, sz=9) + run(f"[{cname}]", color="808080", i=True))
            else:
                parts.append(run(cname + ": ", b=True, sz=9) + ans_runs(bracketed(a[k], r.random() < keep_p), False))
        body += para(run("\u2022 ") + "".join(p + run("   ") for p in parts))
    section(s["sections"]["concerns"], fields(case, ["concerns"]))
    rec = decoys_in(case, "records")
    if rec:
        section(s["sections"]["records"], [], rec)
    return finish(pkg, case, body, sectpr, font, template=f"{s['form_ref']}.dotx")


RENDERERS = {
    "W-SIBCELLS": render_sibcells,
    "W-INITIALBOX": render_initialbox,
    "W-SHAREDROWS": render_sharedrows,
    "W-RTFCHUNKS": render_rtfchunks,
    "W-BRACKETFILL": render_bracketfill,
}
