"""The five Word layouts of unseen29."""

from __future__ import annotations

import random
import struct
import zlib

from u29_model import ADULT_F, ADULT_M, ADULT_RELS, F_FIRST, M_FIRST, Form, _school
from u29_senders import child_name_keys
from u29_wml import Package, cell, dt_core, field_simple, inline_picture, para, run, table

FONTS = ["Arial", "Calibri", "Verdana", "Tahoma"]
PAGE_W = 9638  # A4 text width in twips with 2 cm margins


# --------------------------------------------------------------------------- shared pieces

def _frame(f: Form, pkg: Package, rng: random.Random, colour: str) -> None:
    S = f.sender
    pkg.header = para([run(S["marking"], b=True, color="C00000", sz=8), run("\t\t" + S["partnership"], sz=8)], style="Header")
    pkg.footer = para([run(f"{S['form_ref']} v{rng.choice([2, 3, 4])}.{rng.randint(0, 3)}", sz=8),
                       run("\t\tPage ", sz=8), field_simple(" PAGE ", "1"), run(" of ", sz=8),
                       field_simple(" NUMPAGES ", "3")], style="Footer")
    pkg.add(para(run(S["partnership"], b=True, color=colour, sz=15), after=40))
    pkg.add(para(run(S["title"], b=True, sz=12), after=40))
    pkg.add(para(run(f"Sent by: {S['org']}", i=True, sz=9, color="595959"), after=120))
    pkg.add(para(run(f.guidance, sz=9, color="404040"), after=160))


def _office_use(pkg: Package, rng: random.Random) -> None:
    pkg.add(para(run("For partnership use only", b=True, sz=9), before=240, after=60))
    rows = [[cell(para(run(lbl, sz=8)), 3200, shade="F2F2F2"), cell(para(""), PAGE_W - 3200)]
            for lbl in ["Date received", "Case reference", "Rapid Review date", "Decision", "Initials"]]
    pkg.add(table(rows, [3200, PAGE_W - 3200]))
    pkg.add(para(""))


def _answer_paras(it: dict, rng: random.Random, addr_mode: str, sz=None) -> list[str]:
    if it.get("text") is None:
        return [para("")]
    if it["kind"] == "address" and not it.get("filler"):
        if addr_mode == "br":
            return [para(run("\n".join(it["lines"]), sz=sz))]
        return [para(run(line, sz=sz), after=0) for line in it["lines"]]
    if it["kind"] == "para" and not it.get("filler"):
        return [para(run(p, sz=sz), after=100) for p in it["lines"]]
    return [para(run(it["text"], sz=sz))]


def _section_title(f: Form, s: dict) -> str:
    t = s["title"]
    if s["key"] == "child" and s["count"] > 1:
        t += f" - child {s['index'] + 1} of {s['count']}"
    return t


def _label_table(rows_items: list[dict], rng: random.Random, addr_mode: str, shade: str, label_w: int,
                 render_choice=None, sz=None) -> str:
    rows = []
    for it in rows_items:
        lab = cell(para(run(it["label"], b=True, sz=sz)), label_w, shade=shade)
        if it["kind"] == "choice":
            ans = render_choice(it) if render_choice else [para(run(it["opts"][it["chosen"]] if it["chosen"] is not None else ""))]
        else:
            ans = _answer_paras(it, rng, addr_mode, sz=sz)
        rows.append([lab, cell(ans, PAGE_W - label_w)])
    return table(rows, [label_w, PAGE_W - label_w])


def _agencies_table(f: Form, s: dict, shade: str, sz=None) -> str:
    cols = s["cols"]
    w = [PAGE_W // 3] * 3
    w[2] = PAGE_W - w[0] - w[1]
    rows = [[cell(para(run(c[0], b=True, sz=sz)), w[i], shade=shade) for i, c in enumerate(cols)]]
    for r in s["rows"]:
        cells = []
        for i, (_lbl, fld) in enumerate(cols):
            v = r[fld]
            if v is None:
                v = "-" if s["dash_for_none"] else ""
            cells.append(cell(para(run(v, sz=sz)), w[i]))
        rows.append(cells)
    for _ in range(s["spare"]):
        rows.append([cell(para(""), w[i]) for i in range(3)])
    return table(rows, w, header_rows=1)


def _core(f: Form, template: str) -> dict:
    ref = f.ref_person
    d = f.meta["ref_date"]
    return {"title": f.sender["title"], "creator": ref["name"], "last": ref["name"], "created": dt_core(d, 9, 12),
            "modified": dt_core(d, 11, 47), "template": template, "company": f.sender["org"].split(" - ")[0]}


def _chosen_word(it: dict) -> str:
    return it["opts"][it["chosen"]] if it["chosen"] is not None else ""


# --------------------------------------------------------------------------- W-DELETEWORDS

def _gender_phrase(S: dict, sem: str) -> str:
    words = S["gender"]
    w = words[S["gender_sem"].index(sem)]
    if w.lower() in ("girl", "boy"):
        return "a " + w.lower()
    if w in ("F", "M"):
        return {"F": "female", "M": "male"}[w]
    return w.replace(" (specify)", "").lower()


def _statement(f: Form, it: dict) -> tuple[str, list[str], str, int | None]:
    """(prefix, alternatives, suffix, chosen index or None)."""
    S = f.sender
    noun = S["child_noun"]
    area = S["area"]
    sem = it["sem"]
    k = it["key"]
    yn3 = {True: 0, False: 1, "third": 2, None: None}
    yn2 = {True: 0, False: 1, "third": None, None: None}
    if k == "lead_discussed":
        return "I ", ["have", "have not"], f" discussed this referral with the {S['lead_noun']}.", yn2[sem]
    if k == "i_police":
        return "The police ", ["are", "are not", "may be"], " involved.", yn3[sem]
    if k == "c_cp":
        return f"The {noun} ", ["is, or has been,", "has never been", "may have been"], " subject to a child protection plan.", yn3[sem]
    if k == "c_csc":
        return f"The {noun} ", ["is", "is not", "may be"], " known to children's social care.", yn3[sem]
    if k == "c_lac":
        return f"The {noun} ", ["is", "is not"], " a looked after child.", yn2[sem]
    if k == "cr_harm":
        return f"The {noun} ", ["has", "has not"], " died or been seriously harmed.", yn2[sem]
    if k == "cr_abuse":
        return "Abuse or neglect ", ["is", "is not", "may be"], " known or suspected.", yn3[sem]
    if k == "cr_local":
        return "This case ", ["has", "does not have"], f" a local connection to {area} (where the {noun} lives or where the incident happened).", yn2[sem]
    if k == "cr_learn":
        return "I ", ["believe", "do not believe", "am not sure whether"], " there is learning for agencies working together.", yn3[sem]
    if k == "p_notified":
        return "The National Panel ", ["has", "has not", "may have"], " been notified of this incident.", yn3[sem]
    if k == "c_gender":
        alts = [_gender_phrase(S, g) for g in S["gender_sem"]]
        ch = it["chosen"]
        return f"The {noun} is ", alts, ".", ch
    if k == "i_type":
        alts = [f"the death of a {noun}", f"serious harm to a {noun}", f"the death of a {noun} in care",
                "the death of a care leaver", "another kind of serious incident"]
        return "This referral is about ", alts, ".", it["chosen"]
    raise KeyError(k)


def _statement_runs(prefix: str, alts: list[str], suffix: str, chosen: int | None, style: str, rng: random.Random) -> str:
    if chosen is None:
        if style == "bracket":
            mid = " ".join(f"[{a}]" for a in alts)
        else:
            mid = " / ".join(alts)
        return run(prefix + mid + suffix)
    a = alts[chosen]
    if style == "bracket":
        return run(prefix + f"[{a}]" + suffix)
    if style == "sloppy" and rng.random() < 0.45:
        # a stray slash left where a rejected alternative was deleted
        if chosen < len(alts) - 1:
            return run(prefix + a + " /" + suffix)
        return run(prefix + "/ " + a + suffix)
    return run(prefix + a + suffix)


def render_deletewords(f: Form, path, rng: random.Random) -> dict:
    S = f.sender
    font = FONTS[f.variant % len(FONTS)]
    colour = rng.choice(["1F3864", "385623", "7030A0", "833C0B"])
    pkg = Package(font=font, size=10, heading_color=colour)
    _frame(f, pkg, rng, colour)
    style = ["clean", "sloppy", "bracket"][f.variant % 3]
    addr_mode = rng.choice(["br", "paras"])
    shade = rng.choice(["F2F2F2", "DEEAF6", "E2EFDA"])
    label_w = rng.choice([3400, 3700, 3900])
    pkg.add(para(run("Where a sentence gives choices, delete the words that do not apply so that the sentence is true.",
                     i=True, sz=9, color="595959"), after=120))
    statements = 0
    for s in f.sections:
        pkg.add(para(run(_section_title(f, s)), style="Heading1"))
        if s["key"] == "agencies":
            pkg.add(para(run(s["label"], b=True)))
            pkg.add(_agencies_table(f, s, shade))
            continue
        text_items = [it for it in s["items"] if it["kind"] != "choice" and not (it["key"] == "i_other" and f.itype != "other" and not it.get("text"))]
        choice_items = [it for it in s["items"] if it["kind"] == "choice"]
        if text_items:
            pkg.add(_label_table(text_items, rng, addr_mode, shade, label_w))
        if choice_items:
            pkg.add(para(run("Delete the words that do not apply:", i=True, sz=9, color="595959"), before=100, after=40))
            for it in choice_items:
                prefix, alts, suffix, ch = _statement(f, it)
                pkg.add(para(_statement_runs(prefix, alts, suffix, ch, style, rng), ind_left=284, after=60))
                statements += 1
    _office_use(pkg, rng)
    pkg.write(path, _core(f, "Referral (statements).dotx"))
    return {"font": font, "deletion_style": style, "statements": statements}


# --------------------------------------------------------------------------- W-DETAILCOLS

def _detail_note(f: Form, it: dict, rng: random.Random, panel_date_item: dict | None) -> str:
    k, sem = it["key"], it["sem"]
    lead = f.lead_person
    if k == "p_notified" and sem is True:
        if panel_date_item and panel_date_item.get("text") and not panel_date_item.get("filler"):
            return rng.choice(["Notified ", "Date notified: ", ""]) + panel_date_item["text"]
        return "Date not known"
    notes = {
        "lead_discussed": {True: [f"Discussed with {lead['first']}", "Agreed by phone", f"{lead['first']} agreed by email"],
                           False: [f"{lead['first']} on leave", "Not yet - urgent"], "third": ["Awaiting reply", "Left a message"]},
        "i_police": {True: ["Attended the scene", "Investigating", "Crime reported"], False: ["Not reported to police", "No police role"],
                     "third": ["Checking with police", "Not confirmed"]},
        "cr_harm": {True: ["See summary", "Admitted to hospital", "Confirmed by the hospital"], False: ["Not at this stage"],
                    "third": ["Medical opinion awaited"]},
        "cr_abuse": {True: ["Injuries unexplained", "Neglect suspected", "See summary"], False: ["Accident - no concerns"],
                     "third": ["Enquiries continuing", "Awaiting strategy outcome"]},
        "cr_local": {True: ["Lives in the area", "Incident happened here"], False: ["Lives out of area"], "third": ["Address being checked"]},
        "cr_learn": {True: ["Several agencies involved", "Information not shared"], False: ["Single agency only"],
                     "third": ["To be discussed"]},
        "p_notified": {False: ["Not yet", "LA to decide"], "third": ["Asked the LA"]},
    }
    return rng.choice(notes[k][sem])


def render_detailcols(f: Form, path, rng: random.Random) -> dict:
    S = f.sender
    font = FONTS[f.variant % len(FONTS)]
    colour = rng.choice(["1F4E79", "375623", "843C0C", "3A3838"])
    pkg = Package(font=font, size=10, heading_color=colour)
    _frame(f, pkg, rng, colour)
    addr_mode = rng.choice(["br", "paras"])
    shade = rng.choice(["F2F2F2", "E7E6E6", "DDEBF7"])
    label_w = rng.choice([3500, 3800])
    pkg.add(para(run("For questions with answer columns, write in the column that applies (give the details asked for). "
                     "For questions about the children, write each child's first name in the column that applies.",
                     i=True, sz=9, color="595959"), after=120))
    hdr = [f"{S['yes']} - give details", f"{S['no']}", f"{S['third']} - say why"]
    if rng.random() < 0.5:
        hdr = [f"{S['yes']} (details)", f"{S['no']} (details)", f"{S['third']}"]
    widths = [3300, 2300, 2000, PAGE_W - 7600]
    grids = 0
    names_cells = 0
    child_sections = [s for s in f.sections if s["key"] == "child"]
    for s in f.sections:
        pkg.add(para(run(_section_title(f, s)), style="Heading1"))
        if s["key"] == "agencies":
            pkg.add(para(run(s["label"], b=True)))
            pkg.add(_agencies_table(f, s, shade))
            continue
        panel_date_item = next((it for it in s["items"] if it["key"] == "p_date"), None)
        text_items = [it for it in s["items"] if it["kind"] != "choice" and it["key"] not in ("i_other", "p_date")]
        if s["key"] == "child":
            text_items = [it for it in s["items"] if it["kind"] != "choice"]
        if text_items:
            pkg.add(_label_table(text_items, rng, addr_mode, shade, label_w))
        yn = [it for it in s["items"] if it["kind"] == "choice" and it["group"] == "yn" and s["key"] != "child"]
        if yn:
            rows = [[cell(para(run("Question", b=True, sz=9)), widths[0], shade=shade)] +
                    [cell(para(run(h, b=True, sz=9)), widths[i + 1], shade=shade) for i, h in enumerate(hdr)]]
            for it in yn:
                vals = ["", "", ""]
                ci = it["chosen"]
                if ci is not None:
                    vals[ci] = _detail_note(f, it, rng, panel_date_item)
                rows.append([cell(para(run(it["label"], sz=9)), widths[0])] +
                            [cell(para(run(v, sz=9)), widths[i + 1]) for i, v in enumerate(vals)])
            pkg.add(para("", after=0))
            pkg.add(table(rows, widths, header_rows=1))
            grids += 1
        itype = next((it for it in s["items"] if it["key"] == "i_type"), None)
        if itype:
            pkg.add(para(run(itype["label"] + " - give details beside the one that applies", b=True, sz=10), before=120))
            det = {"death": ["Pronounced dead at hospital", "Died at home"], "serious_harm": ["Admitted to hospital", "Injuries being assessed"],
                   "lac_death": ["In foster placement at the time", "Placed in a children's home"],
                   "care_leaver_death": ["Care leaver, supported flat", "Aged under 25"], "other": [f.other_detail or ""]}
            rows = []
            for oi, o in enumerate(itype["opts"]):
                v = ""
                if itype["chosen"] == oi:
                    v = rng.choice(det[itype["sem"]]) if itype["sem"] != "other" else (f.other_detail or "See summary")
                rows.append([cell(para(run(o, sz=9)), 4800, shade=shade), cell(para(run(v, sz=9)), PAGE_W - 4800)])
            pkg.add(table(rows, [4800, PAGE_W - 4800]))
        if s["key"] == "child" and s["index"] == s["count"] - 1:
            # the combined grid for the children's choices
            pkg.add(para(run("About the " + ("children" if s["count"] > 1 else S["child_noun"]) + " - write the first name in the column that applies",
                             b=True, sz=10), before=160))
            keys = [k for k in ("c_cp", "c_csc", "c_lac") if any(it["key"] == k for cs in child_sections for it in cs["items"])]
            rows = [[cell(para(run("Question", b=True, sz=9)), widths[0], shade=shade)] +
                    [cell(para(run(h, b=True, sz=9)), widths[i + 1], shade=shade) for i, h in enumerate([S["yes"], S["no"], S["third"]])]]
            for k in keys:
                cols = ["", "", ""]
                label = None
                for cs in child_sections:
                    it = next(i for i in cs["items"] if i["key"] == k)
                    label = it["label"]
                    if it["chosen"] is not None:
                        first = f.children_info[cs["index"]]["first"]
                        cols[it["chosen"]] = (cols[it["chosen"]] + ", " if cols[it["chosen"]] else "") + first
                        names_cells += 1
                rows.append([cell(para(run(label, sz=9)), widths[0])] + [cell(para(run(v, sz=9)), widths[i + 1]) for i, v in enumerate(cols)])
            gk = [cs for cs in child_sections if any(it["key"] == "c_gender" for it in cs["items"])]
            if gk:
                gi0 = next(it for it in gk[0]["items"] if it["key"] == "c_gender")
                rows.append([cell(para(run(gi0["label"], b=True, sz=9)), widths[0], shade=shade)] +
                            [cell(para(run(o, b=True, sz=9)), widths[i + 1], shade=shade) for i, o in enumerate(gi0["opts"])])
                cols = ["", "", ""]
                for cs in gk:
                    it = next(i for i in cs["items"] if i["key"] == "c_gender")
                    if it["chosen"] is not None:
                        first = f.children_info[cs["index"]]["first"]
                        cols[it["chosen"]] = (cols[it["chosen"]] + ", " if cols[it["chosen"]] else "") + first
                        names_cells += 1
                rows.append([cell(para(run("(first names)", i=True, sz=9, color="7F7F7F")), widths[0])] +
                            [cell(para(run(v, sz=9)), widths[i + 1]) for i, v in enumerate(cols)])
            pkg.add(table(rows, widths, header_rows=1))
    _office_use(pkg, rng)
    pkg.write(path, _core(f, "Referral form (answer columns).dotx"))
    return {"font": font, "grids": grids, "name_marks": names_cells, "headers": hdr}


# --------------------------------------------------------------------------- W-BOXPICS

def _png_box(px: int = 15) -> bytes:
    """An empty tick box: a dark grey square outline on white, as a tiny RGB PNG."""
    rows = []
    for y in range(px):
        row = bytearray([0])
        for x in range(px):
            edge = x in (0, px - 1) or y in (0, px - 1)
            row += bytes((64, 64, 64) if edge else (255, 255, 255))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", px, px, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def render_boxpics(f: Form, path, rng: random.Random) -> dict:
    S = f.sender
    font = FONTS[f.variant % len(FONTS)]
    colour = rng.choice(["002060", "375623", "7B2C2C", "404040"])
    pkg = Package(font=font, size=10, heading_color=colour)
    _frame(f, pkg, rng, colour)
    rid = pkg.add_media("image1.png", _png_box())
    descr = ["Check box", "Tick box", "", "checkbox"][f.variant % 4]
    mark_pos, mark = [("before", "X"), ("after", "\u2713"), ("before", "x"), ("after", "\u2714"), ("after", "X")][f.variant % 5]
    addr_mode = rng.choice(["br", "paras"])
    shade = rng.choice(["F2F2F2", "EDEDED", "E2EFDA"])
    label_w = rng.choice([3400, 3600, 3900])
    pkg.add(para(run("Tick the box that applies.", i=True, sz=9, color="595959"), after=120))
    counter = {"pid": 100, "marks": 0, "pics": 0}
    emu = 127000  # 10 pt

    def pic() -> str:
        counter["pid"] += 1
        counter["pics"] += 1
        return inline_picture(rid, counter["pid"], emu, emu, f"Picture {counter['pid']}", descr)

    def option_runs(word: str, chosen: bool) -> str:
        out = pic()
        if chosen and mark_pos == "before":
            out += run(f" {mark} {word}")
            counter["marks"] += 1
        elif chosen:
            out += run(f" {word} {mark}")
            counter["marks"] += 1
        else:
            out += run(f" {word}")
        return out

    def render_choice(it: dict) -> list[str]:
        if it["group"] == "itype":
            return [para(option_runs(o, it["chosen"] == oi), after=20) for oi, o in enumerate(it["opts"])]
        parts = []
        for oi, o in enumerate(it["opts"]):
            if oi:
                parts.append(run("\t"))
            parts.append(option_runs(o, it["chosen"] == oi))
        return [para(parts, tabs=[("left", 1700), ("left", 3400)])]

    for s in f.sections:
        pkg.add(para(run(_section_title(f, s)), style="Heading1"))
        if s["key"] == "agencies":
            pkg.add(para(run(s["label"], b=True)))
            pkg.add(_agencies_table(f, s, shade))
            continue
        pkg.add(_label_table(s["items"], rng, addr_mode, shade, label_w, render_choice=render_choice))
    _office_use(pkg, rng)
    pkg.write(path, _core(f, "SCP referral form.dotx"))
    return {"font": font, "mark": mark, "mark_position": mark_pos, "alt_text": descr, "pictures": counter["pics"],
            "marks": counter["marks"]}


# --------------------------------------------------------------------------- W-PROSEBOXES

def _art(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _prose_referrer(items: dict, rng: random.Random) -> str:
    name, role, ag, em, ph = (items.get(k) for k in ("ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"))
    out = []
    t = rng.random()
    if name:
        out.append(f"My name is {name}." if t < 0.5 else f"I'm {name}.")
    if role and ag:
        out.append(rng.choice([f"I am {_art(role)} {role} with {ag}.", f"I work as {_art(role)} {role} for {ag}."]))
    elif role:
        out.append(f"I am {_art(role)} {role}.")
    elif ag:
        out.append(f"I work for {ag}.")
    if em and ph:
        out.append(rng.choice([f"You can email me at {em} or ring me on {ph}.", f"My email is {em} and my phone number is {ph}."]))
    elif em:
        out.append(f"My email is {em}.")
    elif ph:
        out.append(f"My phone number is {ph}.")
    return " ".join(out)


def _prose_lead(items: dict, disc_sem, first: str, rng: random.Random) -> str:
    name, role, ag, em, ph = (items.get(k) for k in ("lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone"))
    out = []
    if name and role and ag:
        out.append(rng.choice([f"Our safeguarding lead is {name}, the {role} at {ag}.", f"The safeguarding lead is {name} ({role}, {ag})."]))
    elif name and role:
        out.append(f"Our safeguarding lead is {name}, the {role}.")
    elif name and ag:
        out.append(f"Our safeguarding lead is {name} at {ag}.")
    elif name:
        out.append(f"Our safeguarding lead is {name}.")
    elif role:
        out.append(f"Our safeguarding lead is the {role}" + (f" at {ag}." if ag else "."))
    if em and ph:
        out.append(rng.choice([f"Their email is {em} and their phone number is {ph}.", f"They can be contacted on {ph} or at {em}."]))
    elif em:
        out.append(f"Their email is {em}.")
    elif ph:
        out.append(f"Their phone number is {ph}.")
    who = first if name else "them"
    if disc_sem is True:
        out.append(rng.choice([f"I have discussed this referral with {who}.", f"I have talked this referral through with {who} and they agree it should be sent."]))
    elif disc_sem is False:
        out.append(rng.choice([f"I have not discussed this referral with {who}.", f"I have not been able to discuss this referral with {who}."]))
    elif disc_sem == "third":
        out.append(f"I do not know whether this referral has been discussed with {who}.")
    return " ".join(out)


def _prose_incident(d: dict, rng: random.Random) -> str:
    out = []
    idate, loc, la = d.get("i_date"), d.get("i_loc"), d.get("i_la")
    if idate and loc:
        out.append(rng.choice([f"It happened on {idate} at {loc}.", f"The incident was on {idate}, at {loc}."]))
    elif idate:
        out.append(f"It happened on {idate}.")
    elif loc:
        out.append(f"It happened at {loc}.")
    if la:
        out.append(rng.choice([f"Children's services were told on {la}.", f"The local authority found out on {la}."]))
    return " ".join(out)


def render_proseboxes(f: Form, path, rng: random.Random) -> dict:
    S = f.sender
    font = FONTS[f.variant % len(FONTS)]
    colour = rng.choice(["1F3864", "2E75B6", "548235", "7F6000"])
    pkg = Package(font=font, size=10, heading_color=colour)
    _frame(f, pkg, rng, colour)
    addr_mode = rng.choice(["br", "paras"])
    shade = rng.choice(["F2F2F2", "FFF2CC", "DEEAF6"])
    label_w = rng.choice([3500, 3800])
    L = S["labels"]
    prose = 0
    for s in f.sections:
        pkg.add(para(run(_section_title(f, s)), style="Heading1"))
        if s["key"] == "agencies":
            pkg.add(para(run(s["label"], b=True)))
            pkg.add(_agencies_table(f, s, shade))
            continue
        if s["key"] in ("ref", "lead"):
            shown = {it["key"]: it["text"] for it in s["items"] if it["kind"] != "choice" and it.get("text") and not it.get("filler")}
            rows = []
            if s["key"] == "ref":
                d_it = next(it for it in s["items"] if it["key"] == "date_ref")
                keys = ["ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"]
                prompt = "About you - please tell us: " + "; ".join(L[k].lower() if k != "ref_name" else L[k] for k in keys)
                txt = _prose_referrer(shown, rng)
                rows.append([cell(para(run(d_it["label"], b=True)), label_w, shade=shade), cell(_answer_paras(d_it, rng, addr_mode), PAGE_W - label_w)])
                decoys = [it for it in s["items"] if it["key"] == "decoy"]
            else:
                keys = ["lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone"]
                prompt = (f"{L['lead_name']} - who they are and how to contact them ({'; '.join(L[k].lower() for k in keys[1:])}), "
                          f"and: {L['lead_discussed']}")
                disc = next(it for it in s["items"] if it["key"] == "lead_discussed")
                txt = _prose_lead(shown, disc["sem"], f.lead_person["first"], rng)
                decoys = []
            rows.append([cell(para(run(prompt, b=True)), PAGE_W, shade=shade, span=2)])
            rows.append([cell(para(run(txt)) if txt else para(""), PAGE_W, span=2)])
            for it in decoys:
                rows.append([cell(para(run(it["label"], b=True)), label_w, shade=shade), cell(_answer_paras(it, rng, addr_mode), PAGE_W - label_w)])
            pkg.add(table(rows, [label_w, PAGE_W - label_w]))
            prose += 1
            continue
        if s["key"] == "incident":
            shown = {it["key"]: it["text"] for it in s["items"] if it["key"] in ("i_date", "i_loc", "i_la") and it.get("text") and not it.get("filler")}
            prompt = f"When and where did it happen, and when did children's services find out? ({L['i_date']}; " + (
                f"{L['i_loc']}; " if "i_loc" in L and "i_loc" not in S["not_asked"] else "") + f"{L['i_la']})"
            txt = _prose_incident(shown, rng)
            rows = [[cell(para(run(prompt, b=True)), PAGE_W, shade=shade, span=2)], [cell(para(run(txt)) if txt else para(""), PAGE_W, span=2)]]
            pkg.add(table(rows, [label_w, PAGE_W - label_w]))
            prose += 1
            rest = [it for it in s["items"] if it["key"] not in ("i_date", "i_loc", "i_la")]
            pkg.add(para("", after=0))
            pkg.add(_label_table(rest, rng, addr_mode, shade, label_w))
            continue
        pkg.add(_label_table(s["items"], rng, addr_mode, shade, label_w))
    _office_use(pkg, rng)
    pkg.write(path, _core(f, "Referral - plain English.dotx"))
    return {"font": font, "prose_boxes": prose}


# --------------------------------------------------------------------------- W-FAMILYSTAR

def render_familystar(f: Form, path, rng: random.Random) -> dict:
    S = f.sender
    font = FONTS[f.variant % len(FONTS)]
    colour = rng.choice(["203864", "375623", "806000", "5B2C6F"])
    pkg = Package(font=font, size=10, heading_color=colour)
    _frame(f, pkg, rng, colour)
    addr_mode = rng.choice(["br", "paras"])
    shade = rng.choice(["F2F2F2", "E2EFDA", "FBE4D5"])
    label_w = rng.choice([3400, 3700])
    star = ["suffix", "suffix_space", "prefix", "paren"][f.variant % 4]
    child_sections = [s for s in f.sections if s["key"] == "child"]
    main = child_sections[0]
    c0 = f.children_info[0]
    starred = 0
    siblings = 0
    for s in f.sections:
        if s["key"] == "child" and s["index"] > 0:
            continue
        title = s["title"] if s["key"] != "child" else s["title"]
        pkg.add(para(run(title), style="Heading1"))
        if s["key"] == "agencies":
            pkg.add(para(run(s["label"], b=True)))
            pkg.add(_agencies_table(f, s, shade))
            continue
        pkg.add(_label_table(s["items"], rng, addr_mode, shade, label_w))
        if s["key"] != "child":
            continue
        # ---- the family table
        nk = child_name_keys(S)
        L = S["labels"]
        cols = []
        for k in nk:
            cols.append((k, {"c_name": "Name", "c_first": L.get("c_first"), "c_last": L.get("c_last")}[k]))
        if "c_other" in L and "c_other" not in S["not_asked"]:
            cols.append(("c_other", L["c_other"]))
        cols.append(("dobage", f"{L['c_dob']} (or age)"))
        cols.append(("c_gender", L["c_gender"]))
        cols.append(("rel", f"Relationship to {c0['first']}"))
        if "c_school" in L and "c_school" not in S["not_asked"]:
            cols.append(("c_school", L["c_school"]))
        rows_data = []
        for cs in child_sections[1:]:
            ci = cs["index"]
            info = f.children_info[ci]
            it = {i["key"]: i for i in cs["items"]}
            r = {}
            for k in nk:
                r[k] = {"c_name": info["name"], "c_first": info["first"], "c_last": info["last"]}[k]
            r["c_other"] = it["c_other"]["text"] if "c_other" in it and it["c_other"].get("text") else ""
            dob_it, age_it = it.get("c_dob"), it.get("c_age")
            if dob_it and dob_it.get("text") and not dob_it.get("filler"):
                r["dobage"] = dob_it["text"]
            elif age_it and age_it.get("text") and not age_it.get("filler"):
                r["dobage"] = "age " + age_it["text"] if age_it["text"].isdigit() and rng.random() < 0.7 else age_it["text"]
                if r["dobage"] != age_it["text"]:
                    age_it["text"] = r["dobage"]
                    age_it["truth"] = r["dobage"]
                    f.record["children"][ci]["age"] = r["dobage"]
            else:
                r["dobage"] = ""
            g = it.get("c_gender")
            r["c_gender"] = g["opts"][g["chosen"]] if g and g["chosen"] is not None else ""
            r["rel"] = {"female": "Sister", "male": "Brother", "other": "Sibling"}[info["sex"]] if info["last"].lower() == c0["last"].lower() else rng.choice(["Half-sister" if info["sex"] == "female" else "Half-brother" if info["sex"] == "male" else "Half-sibling"])
            r["c_school"] = it["c_school"]["text"] if "c_school" in it and it["c_school"].get("text") else ""
            r["_star"] = True
            rows_data.append(r)
            starred += 1
        # siblings who are not referred
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            sex = rng.choice(["female", "male"])
            first = rng.choice([n for n in (F_FIRST if sex == "female" else M_FIRST) if n not in {c["first"] for c in f.children_info}])
            r = {}
            for k in nk:
                r[k] = {"c_name": f"{first} {c0['last']}", "c_first": first, "c_last": c0["last"]}[k]
            r["c_other"] = ""
            age = rng.randint(1, 17)
            r["dobage"] = f"age {age}" if rng.random() < 0.3 else f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{2026 - age - 1}"
            r["c_gender"] = S["gender"][S["gender_sem"].index(sex)]
            r["rel"] = {"female": "Sister", "male": "Brother"}[sex] + rng.choice(["", "", " (half)"])
            r["c_school"] = _school(rng, S, age)
            r["_star"] = False
            pos = rng.randint(0, len(rows_data))
            rows_data.insert(pos, r)
            siblings += 1
        intro = rng.choice(["Other children in the family (please indicate by * against the name if the child is also being referred)",
                            "Brothers, sisters and other children in the household - put * against the name of any child who is also being referred"])
        pkg.add(para(run(intro, b=True), before=160))
        n = len(cols)
        w = [PAGE_W // n] * n
        w[-1] = PAGE_W - sum(w[:-1])
        trows = [[cell(para(run(lbl, b=True, sz=8)), w[i], shade=shade) for i, (_k, lbl) in enumerate(cols)]]
        star_col = cols[0][0] if cols[0][0] != "c_last" else cols[1][0]
        for r in rows_data:
            cells = []
            for i, (k, _lbl) in enumerate(cols):
                v = r.get(k, "")
                if k == star_col and r["_star"]:
                    v = {"suffix": f"{v}*", "suffix_space": f"{v} *", "prefix": f"*{v}", "paren": f"{v} (*)"}[star]
                cells.append(cell(para(run(v, sz=9)), w[i]))
            trows.append(cells)
        if not rows_data:
            trows.append([cell(para(run("None" if rng.random() < 0.5 else "", sz=9)), w[0])] + [cell(para(""), w[i]) for i in range(1, n)])
        trows.append([cell(para(""), w[i]) for i in range(n)])
        pkg.add(table(trows, w, header_rows=1))
        # adults in the household: other people, not part of the record
        pkg.add(para(run("Adults in the household", b=True), before=160))
        aw = [3400, 3200, PAGE_W - 6600]
        arows = [[cell(para(run(h, b=True, sz=8)), aw[i], shade=shade) for i, h in enumerate(["Name", f"Relationship to {c0['first']}", "Date of birth"])]]
        for rel, sex, (y0, y1) in rng.sample(ADULT_RELS, rng.choice([1, 2])):
            af = rng.choice(ADULT_F if sex == "F" else ADULT_M)
            arows.append([cell(para(run(f"{af} {c0['last'] if rng.random() < 0.6 else rng.choice(['Draper', 'Kilbride', 'Moss'])}", sz=9)), aw[0]),
                          cell(para(run(rel, sz=9)), aw[1]),
                          cell(para(run(f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(y0, y1)}", sz=9)), aw[2])])
        pkg.add(table(arows, aw, header_rows=1))
    _office_use(pkg, rng)
    pkg.write(path, _core(f, "Case referral (family).dotx"))
    return {"font": font, "star_style": star, "starred": starred, "siblings_not_referred": siblings}


WORD_LAYOUTS = {
    "W-DELETEWORDS": render_deletewords,
    "W-DETAILCOLS": render_detailcols,
    "W-BOXPICS": render_boxpics,
    "W-PROSEBOXES": render_proseboxes,
    "W-FAMILYSTAR": render_familystar,
}
