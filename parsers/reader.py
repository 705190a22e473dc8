"""Blocks -> record: readers -> items -> candidates -> scorer -> assignment -> record.

    read(blocks) -> Reading   (record, values_set, labels_seen, warnings, sources, explain)
"""

from __future__ import annotations

import re
from dataclasses import replace

from parsers import normalise as n
from parsers import types
from parsers.agency_list import listed_agencies
from parsers.agreement import LONG_ANSWERS, PROSE, read_on, value_at, vouch, vouch_kind, vouch_repeated
from parsers.assignment import Reading, assign_checked, build_record, marked_kind, record_path
from parsers.candidates import ANSWER_WORDS, RELATIVE, generate, label_likeness, yes_no_header
from parsers.children import child_starts, settle
from parsers.fields import label_of
from parsers.picture import Item, Picture, build
from parsers.blocks import one_choice_listed
from parsers.scorer import load
from parsers.vocabulary import (explicit_name_column, field_strengths, names_a_party, normalise_label,
                               party_column, section_of, whom_to_contact)
from parsers.wording import similarity

_NAME_COL = re.compile(r"\bname\b|professional|practitioner|worker|person|officer|lead|^who$")
_AGENCY_COL = re.compile(r"agency|organisation|organization|service|team|employer|provider|setting|\bbody\b|"
                         r"where (they|he|she) works?")
_CONTACT_COL = re.compile(r"contact|tel|phone|e ?mail|details|number|address|how to (reach|contact)")
_PHONE_COL = re.compile(r"\b(tel|telephone|phone|e ?mail|mobile)\b|contact (details|number|no)|how to (reach|contact)")
_PARTY_HEAD = re.compile(r"relationship|\brelation to\b|^your\b|\bfamily\b|household")
_OTHER_COL = re.compile(r"consent|involved|involvement|date|role|status|title|position|relationship|dob|since|"
                        r"type|kind|category")


def _agency_columns(row) -> dict[str, int] | None:
    """'Name | Agency | Contact details | Role': which column holds what; None when the row is no such header
    (every filled cell a short column name, an agency column and a name or contact column)."""
    cols: dict[str, int] = {}
    filled = 0
    for c, it in enumerate(row):
        t = normalise_label(it.text)
        if not it.text.strip():
            continue
        if c == 0 and len(t.split()) > 4 and not re.search(r"[@\d]", it.text) and len(row) >= 4:
            continue  # the table's question in its first cell ('Agencies working with the family | Name | Agency ...')
        filled += 1
        if len(t.split()) > 4 or re.search(r"[@\d,]", it.text):
            return None
        if _PHONE_COL.search(t) and not _OTHER_COL.search(t):
            if "contact" in cols and "name" not in cols and whom_to_contact(row[cols["contact"]].text):
                cols["name"] = cols["contact"]  # 'Contact | Agency | Tel / email': the contact is the person
            elif "contact" in cols and _PHONE_COL.search(normalise_label(row[cols["contact"]].text)):
                cols["other_contact"] = cols["contact"]   # 'Email | Telephone': either may be the one filled in
            cols["contact"] = c  # the telephone / email column wins over a vaguer 'contact' one
        elif _AGENCY_COL.search(t) and "agency" not in cols and re.fullmatch(r"(\w+ )?role|role( \w+)?", _AGENCY_COL.sub("", t).replace("/", " ").strip()):
            cols["agency"] = c   # 'Agency / role', 'Role / agency': the agency's column, whatever else it holds
        elif _OTHER_COL.search(t):
            continue
        elif re.search(r"\bname\b", t) and "name" not in cols and not re.search(r"agency|organisation|service", t):
            cols["name"] = c
        elif _AGENCY_COL.search(t) and "agency" not in cols:
            cols["agency"] = c
        elif _CONTACT_COL.search(t) and "contact" not in cols:
            cols["contact"] = c
        elif _NAME_COL.search(t) and "name" not in cols:
            cols["name"] = c
    if "agency" not in cols or ("name" not in cols and "contact" not in cols):
        return None
    if "name" in cols:
        cols["name"] = explicit_name_column([it.text for it in row], cols["name"])
    if sum(1 for it in row if _child_label(it.text)) >= 2:
        return None  # 'Home address | School / setting | Registered GP': the child's details, not the agencies'
    if any(_PARTY_HEAD.search(normalise_label(it.text)) for it in row if len(it.text.split()) <= 4):
        return None  # 'Name | Relationship | Where they work', 'Your name | Role / agency': the family's, the referrer's

    if filled >= 3 or (filled == len(cols) and row[0].section == "agencies"):
        return cols
    return None


def _child_label(text: str) -> bool:
    """A header cell that names a detail of the child (its address, school, GP ...)."""
    best = max(field_strengths(text, None), key=lambda fs: fs[1], default=None) if text.strip() else None
    return best is not None and best[0].startswith("child.") and best[1] >= 0.5


def _tabbed_tables(pic: Picture) -> dict:
    """Runs of paragraphs set out in columns with tabs ('Practitioner<tab>Agency / team<tab>Phone or email', then a
    line per agency): the tables they are, keyed after the picture's own tables, each row's cells as items."""
    out: dict = {}
    run: list = []
    key = len(pic.tables) + 1000

    def close():
        nonlocal key
        if len(run) >= 2:
            out[key] = run[:]
            key += 1
        run.clear()

    for it in pic.items:
        parts = it.text.split("\t") if it.kind == "para" and "\n" not in it.text else []
        if len(parts) >= 3:
            run.append([Item(it.n, p.strip(), "cell", row=len(run), col=c, width=len(parts), page=it.page,
                             section=it.section) for c, p in enumerate(parts)])
        else:
            close()
    close()
    return out


_NONE = re.compile(r"^(none|nil|none known|no(ne)? (other )?(agenc(y|ies)|services?|professionals?)( (are |is )?"
                   r"(known|involved))?|not applicable)\.?$", re.I)


_PROMPT_LINK = re.compile(r"(?i)^(enter|add|provide|select|choose|give)( an?| the)?( \w+){1,2}$")


def _no_agency(value: str | None) -> str | None:
    """'None known' in an agencies table says no agency is involved: it is no agency's name; nor is a web page's link
    that asks for the missing answer ('Enter name' on a check-your-answers page)."""
    if value is not None and (_NONE.match(value.strip()) or _PROMPT_LINK.match(value.strip())):
        return None
    return value


def _left_section(header: list, data: list) -> bool:
    """A row the reader placed in another section than the agencies header's (the form's next part)."""
    here = next((it.section for it in data if it.section), None)
    return header[0].section == "agencies" and here is not None and here != "agencies"


def _asked_of_a_party(pic: Picture, first) -> bool:
    """A table put under a question or heading about one of the referral's own people or the family ('Who is your
    safeguarding lead?', 'Household members'): its rows are theirs, not other agencies'."""
    k = next((i for i, it in enumerate(pic.items) if it is first), None)
    if not k:
        return False
    before = pic.items[k - 1].text.strip()
    asks = before.endswith(("?", ":")) or pic.items[k - 1].starts_section or len(before.split()) <= 6
    return asks and section_of(before.rstrip("?:")) in ("lead", "referrer", "family")


def _continued(rows: list, after: list | None) -> list:
    """A table's rows, its last row completed by the first row of the table after it where a page break cut that
    row in two ('Pennine Recovery Service' | 'R.Ullathorne@tunsteadsuppo', then on the next page '' | '(adult
    substance misuse)' | 'rt.org.uk'): the next table as wide, its first row's first cell empty and each other filled
    cell going on in lower case or a bracket. An address cut inside goes on without a space."""
    if not rows or not after or len(after[0]) != len(rows[-1]) or after[0][0].text.strip():
        return rows
    tails = [it.text.strip() for it in after[0]]
    if not any(tails) or not all(not x or x[0].islower() or x[0] == "(" for x in tails):
        return rows
    last = []
    for it, tail in zip(rows[-1], tails):
        head = it.text.strip()
        glue = "" if "@" in head and " " not in head and tail and " " not in tail else " "
        last.append(replace(it, text=(head + glue + tail).strip() if tail else head))
    return rows[:-1] + [last]


PARTY_ROWS = 3   # a contacts grid's first rows that may be the referral's own parties (referrer, lead, manager)


def _tabbed_header(rows: list) -> list:
    """A table whose column names were printed in one band across it ('Name<tab>Service<tab>Phone / email' in one
    cell over rows of three cells): the band parted at its tabs, one name to a column."""
    out = []
    for r, row in enumerate(rows):
        parts = row[0].text.split("\t") if len(row) == 1 and "\n" not in row[0].text else []
        if len(parts) >= 3 and r + 1 < len(rows) and len(rows[r + 1]) == len(parts):
            row = [replace(row[0], text=p.strip(), col=c, width=len(parts)) for c, p in enumerate(parts)]
        out.append(row)
    return out


def _detached_headers(pic: Picture, tables: dict) -> dict:
    """A grid whose header row stands apart from its body (a one-row table, or a line of column names a tab apart,
    printed just before a table as wide): the header over that table's rows, as one table under the header's key."""
    out = dict(tables)
    heads = [(t, rows[-1]) for t, rows in tables.items() if t in pic.tables and rows and len(rows) == 1]
    for it in pic.items:
        parts = it.text.split("\t") if it.kind == "para" and "\n" not in it.text else []
        if len(parts) >= 3:
            heads.append((it.n, [Item(it.n, p.strip(), "cell", row=0, col=c, width=len(parts), page=it.page,
                                      section=it.section) for c, p in enumerate(parts)]))
    for key, head in heads:
        last = max(it.n for it in head)
        nxt = pic.items[last + 1] if last + 1 < len(pic.items) else None
        if nxt is None or nxt.kind != "cell" or nxt.table not in pic.tables or nxt.table == key \
                or nxt.row != 0 or nxt.col != 0:
            continue
        body = pic.tables[nxt.table]
        if not body or any(len(r) != len(head) for r in body) or _agency_columns(head) is None \
                or _agency_columns(body[0]) is not None:
            continue
        out[key if key in pic.tables else len(pic.tables) + 2000 + key] = [head] + body
        out.pop(nxt.table, None)
    return out


def agency_rows(pic: Picture) -> list[dict]:
    """Rows under an 'Name | Agency | Contact' header: one entry per filled row."""
    tables = _detached_headers(pic, {**{t: _tabbed_header(rows) for t, rows in pic.tables.items()},
                                     **_tabbed_tables(pic)})
    headers = [(t, r) for t, rows in tables.items() for r, row in enumerate(rows)
               if row and row[0].section not in ("office", "family", "referrer", "lead")
               and _agency_columns(row) is not None]
    headers = [(t, r) for t, r in headers if not (r == 0 and _asked_of_a_party(pic, tables[t][0][0]))]
    # 'Name | Organisation | Email' under the referrer's heading holds the referrer's details; and where the form
    # has an agencies section, a header row elsewhere (the child's 'Address: | School: | GP:') is not the agencies'
    # unless the agencies section's printed grid was left empty and a fillable form's fields, row by row, hold them
    own = [(t, r) for t, r in headers if tables[t][r][0].section == "agencies"]
    fields = [(t, r) for t, r in headers if t in pic.field_tables and (t, r) not in own]
    return (own and _rows_under(pic, tables, own)) or (fields and _rows_under(pic, tables, fields)) \
        or (not own and _rows_under(pic, tables, headers)) or []


def _rows_under(pic: Picture, tables: dict, headers: list) -> list[dict]:
    """The entries of the rows under the header rows ``headers`` ((table, row) pairs), the first in each table."""
    out = []
    firsts = {}
    for t, r in headers:
        firsts.setdefault(t, r)
    for t, rows in tables.items():
        for r, row in enumerate(rows):
            if firsts.get(t) != r:
                continue
            cols = _agency_columns(row)
            filled_labels = sum(1 for it in row if it.text.strip())
            if filled_labels < 2:
                continue
            # a heading printed in the header row's first cells ('Involved professionals | | Service | Worker |
            # Contact') over rows of the three columns alone: the columns are counted from the right
            lead_in = min(cols.values())
            # a contacts grid lists the referral's own parties first, each row saying whose it is in its first cell
            # ('Operative / staff name', then 'Company Safeguarding Lead'): the rows down to the last such are theirs
            whose = [j for j, data in enumerate(rows[r + 1:r + 1 + PARTY_ROWS]) if 0 not in cols.values()
                     and party_column(row[0].text) and len(data) > 1 and names_a_party(data[0].text)]
            above: dict | None = None   # the cells of the entry last read, while a row may carry them on
            for j, data in enumerate(_continued(rows[r + 1:], tables.get(t + 1))):
                if whose and j <= whose[-1]:
                    continue
                shift = len(row) - len(data) if len(data) < len(row) and len(row) - len(data) <= lead_in else 0
                cells = {k: (data[c - shift].text if c - shift < len(data) else "") for k, c in cols.items()}
                if _agency_columns(data) is not None:
                    break
                if CARRY_ON and above is not None and out and carries_on(above, cells):
                    for k, v in cells.items():
                        if v.strip():
                            above[k] = f"{above[k].strip()} {v.strip()}"
                    entry = out[-1]["entry"]
                    entry.update({k: _no_agency(n.text(above.get(k))) for k in ("name", "agency", "contact")})
                    entry["contact"] = entry["contact"] or _no_agency(n.text(above.get("other_contact")))
                    continue
                if sum(1 for it in data if it.text.strip()) == 1 and len(data) > 1 and data[0].starts_section \
                        and 0 in cols.values():
                    break
                if (len(data) == 1 and len(row) >= 3) or (_left_section(row, data) and 0 in cols.values()):
                    break  # one cell across the grid is the next heading; a row of another section is past the table
                    # (unless the grid's first column prints what each row is for: 'Children's social care | | |')
                entry = {k: _no_agency(n.text(cells.get(k))) for k in ("name", "agency", "contact")}
                entry["name"] = entry["name"] and types.without_avatar(entry["name"])
                entry["contact"] = entry["contact"] or _no_agency(n.text(cells.get("other_contact")))
                if not any(entry.values()):
                    continue
                if entry["name"] and label_likeness(entry["name"], "agencies") >= 0.8:
                    continue
                if any(v and (len(v.split()) > 12 or re.search(r"[a-z]\.(\s|$)", v)) for v in (entry["name"], entry["agency"])):
                    continue  # a sentence is not an agency or a person: prose that followed the table
                at = f"table {data[0].table + 1}, row {data[0].row + 1}" if data[0].table in pic.tables \
                    else f"paragraph {data[0].n + 1}"
                out.append({"entry": entry, "at": at})
                above = dict(cells)
            break
    return out


# a cell cut where its column ended, carried on in the next row: the cut cell ends mid-phrase ('0115 496 0729 /',
# 'COMMUNITY MIDWIFERY,', "Westerby Children's"), or the next row holds only a name's tail ('Service', '(Hetherby)')
_CUT = re.compile(r"(?:[/,\-–(&]|\b(?:and|of|for|the|to|in|on|at)|['’]s)\s*$", re.I)
_TAIL = re.compile(r"^(?:\(.*\)|[a-z].*|(?i:services?|team|unit|trust|centre|center|department|partnership|hub|"
                   r"project|hospital)\b.{0,30})$")


# Off: on plain32 at first sight it joined real agencies' rows (an ordinary grid, one agency to a row) - kept for the
# next session to narrow, tested as a function only (session 32).
CARRY_ON = False


def carries_on(above: dict, cells: dict) -> bool:
    """A row of a ruled grid that only carries on the row above (a paper-look form typed a line to a row: a cell too
    long for its column goes on in the next row, the row's other cells empty): its filled cells all under filled
    cells of the row above, and a cell above cut mid-phrase or each filled cell a name's tail."""
    filled = {k for k, v in cells.items() if v.strip()}
    if not filled or any(not (above.get(k) or "").strip() for k in filled):
        return False
    return any(_CUT.search(v) for v in above.values() if v.strip()) or all(_TAIL.match(cells[k].strip()) for k in filled)


_CONTACT_AFTER = re.compile(r"(?i)^(contact(?: details| number)?|tel(?:ephone)?|phone|e-?mail)\s+(\S+@\S+|\+?[\d ()]{9,}\d)$")
# the labels of an agency's parts where a tab, not a colon, parts them from their answers ('Agency<tab>GP')
_PART_LABEL = re.compile(r"((contact|agency|worker|professional|key worker|lead) )?(name( of (the )?(worker|professional|"
                         r"practitioner|contact|person))?|agency|organi[sz]ation|service|"
                         r"team|contact( details| number)?|((tel(ephone)?|phone|e ?mail|number)( (or |and )?)?)+( address)?|role|worker|"
                         r"where (they|he|she) works?|how to (contact|reach) (them|him|her))")
# 'Agency 1 - Name': the agency's number before its part's label
_NUMBERED_PART = re.compile(r"^(other )?(agency|organi[sz]ation|service|professional|contact)\s*\d+\s+(?=\S)")
_AGENCY_ROW = re.compile(r"(?i)^(agency|organisation|service)\s*\d+\s*:?$")


_LABEL_VALUE = re.compile(r"^[^:\n]{2,40}:\s*\S")
# 'Agency 2 of 4', 'Professional 3', 'Agency 1<tab>Remove Change': the line that starts an agency's entry
_ENTRY_HEAD = re.compile(r"(?i)^(agency|organi[sz]ation|service|professional|contact|entry)\s*\d+\b")


def _part_label(text: str) -> str | None:
    """The agency's part a label names ('Agency 1 - Name' -> 'name'), or None where the text is no such label."""
    first = text.strip().split("\n")[0]   # (a hint may stand under the label in its cell: 'If known')
    part = _NUMBERED_PART.sub("", normalise_label(first))
    return part if "\t" not in first and _PART_LABEL.fullmatch(part) else None


def _answer_under(pic: Picture, it: Item) -> str | None:
    """The paragraph under a part's label that answers it ('Contact', then '01632 960 240'): a short line that is
    neither another part's label, nor the next agency's heading, nor a heading; None where there is none."""
    nxt = pic.items[it.n + 1] if it.n + 1 < len(pic.items) else None
    if nxt is None or nxt.kind != "para" or nxt.heading or nxt.starts_section or nxt.section != it.section:
        return None
    t = nxt.text.strip()
    if not t or "\n" in t or "\t" in t or len(t.split()) > 12 or _part_label(t) or _ENTRY_HEAD.match(t) \
            or _LABEL_VALUE.match(t) or t.endswith("?") \
            or (re.match(r"(\d+|[A-Z])[.)]\s", t) and label_likeness(t, it.section) >= 0.5):
        return None   # (the next part's label, or the form's next part: '8. Immediate concerns')
    return t


def _agency_parts(pic: Picture):
    """(item, label, value) for each 'Label: value' part in the agencies section: a field, a paragraph, or a line of
    a paragraph or cell, several parts to a line where semicolons part them ('Agency: Police; Worker: PC Dawn Ingham;
    Contact: 0121 496 0885', as an agency is typed on one line of a list), a paragraph's lines where each is one."""
    taken: set[int] = set()   # paragraphs read as the answer under a part's label
    for it in pic.items:
        if it.section != "agencies" or it.n in taken:
            continue
        if it.kind == "widget":
            yield it, it.label or it.hint, it.text
            continue
        if it.kind == "cell" and it.col == 0 and it.table in pic.tables:
            row = pic.tables[it.table][it.row]
            if len(row) == 2 and (part := _part_label(it.text)):
                yield it, part, row[1].text.strip()   # 'Agency | Early Help': a two-column table per agency
                continue
        if it.kind == "para" and (part := _part_label(it.text)) and (under := _answer_under(pic, it)) is not None:
            taken.add(it.n + 1)
            yield it, part, under   # 'Contact', then on the line under it '01632 960 240'
            continue
        lines = it.text.strip().split("\n") if it.kind == "cell" or "; " in it.text or \
            (it.kind == "para" and all(_LABEL_VALUE.match(line.strip()) for line in it.text.strip().split("\n"))) \
            else [it.text.strip()]
        several = len(lines) > 1   # (a cell holding one 'Label: value' line is a table's business, not a list's)
        if it.kind == "cell" and it.col and ":" not in lines[0] and _AGENCY_ROW.match(
                pic.tables[it.table][it.row][0].text.strip()):
            # 'Agency 2 | Portlow Police / Contact: 101': the row's own label says what its first line is
            yield it, "Agency", lines[0]
            lines = lines[1:]
        for line in lines:
            for piece in (line.split("; ") if "; " in line else [line]):
                m = re.match(r"^([^:\n]{2,40}):\s*(.*)$", piece.strip())
                if m and (it.kind != "cell" or several or "; " in line):
                    yield it, m.group(1), m.group(2).strip().rstrip(";")
                elif not m and it.kind == "para" and piece.count("\t") == 1:
                    label, value = piece.strip().split("\t")   # 'Agency<tab>Housing (Tenancy Support)': a web page's print
                    part = _part_label(label)   # ('Agency 1 - Name<tab>Colin Sheikh')
                    if part and not _part_label(value):   # ('Name<tab>Agency': column names)
                        yield it, part, value.strip()
                elif not m and it.kind == "para" and (part := _part_label(piece)):
                    yield it, part, ""   # 'Name' (or 'Agency 2 - Name') with nothing after it: this agency names no one
                elif not m and it.kind == "para" and (c := _CONTACT_AFTER.match(piece.strip())):
                    yield it, c.group(1), c.group(2)   # 'CONTACT 0161 496 0102': a number or address after its label


def agency_lines(pic: Picture) -> list[dict]:
    """'Agency: Police' / 'Contact name: PC Dawn Ingham' / 'Telephone / email: 0121 496 0885', again for each
    agency, in the agencies section's paragraphs, fields or cells (``_agency_parts``): a new entry starts where a
    part comes round again, answered or not ('Name: Enter name' on a check-your-answers page is the next agency's)."""
    out, entry, at = [], {}, ""
    seen: set[str] = set()

    def close():
        if entry and ("agency" in entry or "name" in entry) and len(entry) >= 2:
            out.append({"entry": {k: entry.get(k) for k in ("name", "agency", "contact")}, "at": at})

    parts = list(_agency_parts(pic))
    # 'Contact' beside 'Tel / email' is whom to contact, as in a table's columns
    how = any(_PHONE_COL.search(normalise_label(label)) for _, label, _ in parts)
    for it, label, value in parts:
        t = normalise_label(label)
        if RELATIVE.search(t):
            continue   # "Mother's name", 'Hospital number (mother)': the family's details, no agency's
        if how and whom_to_contact(label):
            key = "name"
        elif _PHONE_COL.search(t) or (_CONTACT_COL.search(t) and not _NAME_COL.search(t) and not re.search(r"\bname\b", t)):
            key = "contact"
        elif re.search(r"\bname\b", t) and not re.search(r"agency|organisation|service", t):
            key = "name"
        elif _AGENCY_COL.search(t):
            key = "agency"
        elif _NAME_COL.search(t):
            key = "name"
        else:
            continue
        if value and len(value.split()) <= 2 and n.tristate(value) is not None:
            continue   # 'Multi-agency learning: N': a yes or a no is no agency's part
        if key in seen:
            close()
            entry, seen = {}, set()
        if not entry:
            at = it.where()
        seen.add(key)
        value = _no_agency(n.text(value))
        if value and key == "name":
            value = types.without_avatar(value)   # 'FO Farah Oldroyd': the initials' circle printed before the name
        if value:
            entry[key] = value
        elif not entry:
            at = it.where()
    close()
    return out


# a paragraph the form prints, not the writer's: a note or a word of guidance after its label ('Note: where a child has
# died …'), the referrer's declaration ('I confirm that the information …'), an instruction ('Please send …')
_NOT_ANSWER = re.compile(r"^(?:[A-Za-z][\w.]*(?: [\w.]+){0,2}:\s|(?:i|we) (?:confirm|declare|certify|understand|agree|"
                         r"consent)\b|(?:please|note|nb|important|remember|guidance)\b)", re.I)


def read_on_prose(record: dict, chosen: dict, pic: Picture) -> list[str]:
    """A long answer typed after its label on the label's line ("Summary<tab>Leah's attendance had fallen…") or in
    the paragraph under it, that goes on in the paragraphs after it: each next paragraph of writing (a capital first,
    six words or more, a sentence's end) is part of it, up to the first that is not one, asks a question, is a heading
    or a label, is the form's own words (a note, a declaration, an instruction: ``_NOT_ANSWER``), or is another
    field's label or answer. Paragraphs only: a cell's answer is the cell. -> the paths so lengthened."""
    used: set[int] = set()
    for c in chosen.values():
        used.add(c.label.item.n)
        if c.answer is not None:
            used.update(range(c.answer.n, c.answer.n + (c.distance if c.relation == "next_run" else 1)))
    out = []
    for c in chosen.values():
        path = record_path(c.field, c.child)
        if path not in LONG_ANSWERS or c.relation not in ("inline", "inline_run", "next", "next_run"):
            continue
        last = c.label.item if c.answer is None else c.answer
        if c.relation == "next_run":
            last = pic.items[last.n + c.distance - 1]
        if last.kind != "para" or c.label.item.kind != "para" or (c.relation == "inline" and any(c.label.more)):
            continue   # (an inline answer whose paragraph goes on in lines: the run is its own candidate's)
        value = value_at(record, path)
        if not isinstance(value, str) or not PROSE.match(value.strip().split("\n")[-1].strip()):
            continue   # the answer itself is no writing ('See attached'): what follows is not its
        more = []
        for it in pic.items[last.n + 1:]:
            t = it.text.strip()
            if it.kind != "para" or it.n in used or it.heading or it.starts_section or it.ends_section \
                    or not PROSE.match(t) or "\t" in t or "?" in t or _NOT_ANSWER.match(t) \
                    or label_likeness(t, it.section) >= 0.5:
                break
            more.append(t)
        if more:
            head, leaf = path.split(".") if "." in path else (None, path)
            (record[head] if head else record)[leaf] = "\n\n".join([value] + more)
            out.append(path)
    return out


def marked_list_kind(pic: Picture) -> tuple[str | None, str | None]:
    """The kind of incident marked in the form's printed list of kinds (``assignment.marked_kind``), and where:
    only where every such list the form holds marks the same kind (office and family parts apart)."""
    found = [(k, it) for it in pic.items if it.section not in ("office", "family") and (k := marked_kind(it.text))]
    if not found or len({k for k, _ in found}) != 1:
        return None, None
    return found[0][0], found[0][1].where()


def longer_list(read: list[dict], listed: list[dict]) -> list[dict]:
    """The agencies read from a table or labelled lines, unless the list reading (``agency_list``) reads those same
    agencies first and more after them (a list's later lines that leave a part out, so no longer fill its columns)."""
    if len(listed) > len(read) and [a["entry"] for a in listed[:len(read)]] == [a["entry"] for a in read]:
        return listed
    return read


def once_each(agencies: list[dict]) -> list[dict]:
    """Each agency once: an entry saying exactly what an earlier one says (agency, person and contact alike, as when a
    form filled in once per child repeats its agencies table in every copy) is the same agency again (pure)."""
    seen, out = set(), []
    for a in agencies:
        key = tuple(sorted((k, " ".join(str(v).split()).casefold()) for k, v in a["entry"].items() if v))
        if key and key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def read(blocks: list, second: dict | None = None) -> Reading:
    """``second``: the rule reader's record of the same form, whose values vouch for the candidates that read the
    same (``parsers/agreement.py``); None: the trained reader alone."""
    pic = build(blocks)
    cands, labels = generate(pic)
    model = load()
    own, scores = model.stages(cands)
    for c, s1, s in zip(cands, own, scores):
        c.s1, c.score = float(s1), float(s)
    settle(cands, child_starts(pic))
    for c in cands:
        if c.fit > 0 and c.answer is not None and listed_option(pic, c.answer, c.field):
            c.fit, c.refusal = -1, "one of the options printed in a list, none marked"
        elif c.fit > 0 and mark_beside_columns(pic, c):
            c.fit, c.refusal = -1, "a mark under a header of options: its column answers"
    if vouch(cands, second):
        vouch_repeated(cands, second)
    vouch_kind(cands, model.vouched, second)
    chosen, closed, refused = assign_checked(cands, model.threshold, model.blank_threshold, model.child_threshold,
                                             model.kinds, vouched=model.vouched)
    for c, why in refused:
        c.fit, c.refusal = -1, why  # explained as refused, with why
    listed, goes_on = listed_agencies(pic)
    longer = longer_list(agency_rows(pic) or agency_lines(pic), listed)
    agencies = once_each(longer)
    r = build_record(cands, chosen, closed, agencies, model.threshold, model.child_threshold, kinds=model.kinds,
                     vouched=model.vouched)
    if r.record["incident"]["type"] is None:   # no label asked it in words the reader knows: a list marked once
        kind, where = marked_list_kind(pic)
        if kind:
            r.record["incident"]["type"] = kind
            r.explain.setdefault("fields", {})["incident.type"] = {"outcome": "set", "value": kind, "marked": True,
                                                                   "at": where}
    for path in read_on_prose(r.record, chosen, pic):   # a long answer's next paragraphs, each of prose
        if path in r.explain.get("fields", {}):
            r.explain["fields"][path].update(value=value_at(r.record, path), read_on=True)
    for path in read_on(r.record, second):   # the rule reader read on into more paragraphs of a long answer
        if path in r.explain.get("fields", {}):
            r.explain["fields"][path].update(value=value_at(r.record, path), read_on=True)
    if goes_on and longer is listed:
        r.warnings.append("Other agencies involved: the list goes on in a line the reader could not follow, so it may "
                          "be incomplete")
    r.labels_seen = len({id(l.item) for l in labels
                         if max(l.fields.values()) >= 0.5 or (similarity(l.text)[:1] or [("", 0.0)])[0][1] >= 0.6})
    r.explain["unrecognised"] = [{"label": text, "at": at} for text, at in unrecognised(pic, labels)]
    children = max(1, len(r.record["children"]))
    # an answer to a label that names its field ('Organisation' | 'Calderbrook Learning Trust') asks no question of
    # its own, whatever its words ('Learning'): no warning about it
    answers = {id(c.answer) for c in cands if c.fit == 1 and c.answer is not None and c.relation in ("right", "inline")
               and _names_best(c.label, c.field)}   # (beside its label: a cell under one may be the next question)
    asked = {record_path(c.field, c.child) for c in cands
             if c.fit == -1 and _names_best(c.label, c.field) and id(c.label.item) not in answers}
    for path, e in r.explain["fields"].items():
        child = re.match(r"children\[(\d+)\]", path)
        if child and int(child.group(1)) >= children:
            continue  # a refused answer for a child the form does not have (a column or row beyond the children)
        if path not in asked:
            continue  # refused beside a label that names some other field better: no question the form asks
        if e["outcome"] == "empty" and str(e.get("why", "")).startswith("refused by type"):
            why = e["why"].split(": ", 1)[1]
            r.warnings.append(f"{label_of(path.replace('.forename', '.name').replace('.surname', '.name'))}: "
                              f"the answer is {why}, so it was left empty")
    return r


_CHOICE_KINDS = (types.YES_NO, types.GENDER, types.INCIDENT_TYPE)


def listed_option(pic: Picture, answer: Item, field_: str) -> bool:
    """Whether an answer to a choice (yes / no, gender, incident type) is only the first of the choice's options
    printed a line each with nothing marked ('17. Gender' over 'Female', 'Male', 'Other'; where the marks are drawn
    as shapes the picture shows them as boxes): the next paragraph is another option of the same choice."""
    if answer.kind != "para" or types.kind_of(field_) not in _CHOICE_KINDS or answer.n + 1 >= len(pic.items):
        return False
    after = pic.items[answer.n + 1]
    if after.kind != "para" or "\n" in answer.text or "\n" in after.text:
        return False
    if re.search(r"[☐☒☑■□✓✔✗✘]", answer.text + after.text):
        return False   # (the options' marks are in the text: read as ticked or not)
    return one_choice_listed(answer.text, after.text)


_BARE_MARK = re.compile(r"^\s*[☒☑✓✔✗✘xX]\s*$")


def mark_beside_columns(pic: Picture, c) -> bool:
    """Whether a yes/no answer read from the cells beside its question is only a mark ('X', '✓') in a row under a
    header of the choice's options ('' | 'Y' | 'N' | 'Unknown'): the column the mark stands in answers, not the
    mark itself (a mark in the 'Unknown' column is no yes)."""
    it = c.answer
    if types.kind_of(c.field) != types.YES_NO or it is None or it.kind != "cell" \
            or not _BARE_MARK.match(" ".join(c.raw.split()) or "-"):
        return False   # (a written 'Yes' is an answer, and a row of them is no header)
    if normalise_label(c.label.text) in ANSWER_WORDS:
        return True   # the column's head itself ('N' over 'X') read as a question
    if c.relation not in ("right", "row_rest"):
        return False
    row = pic.tables[it.table][it.row]
    for above in range(it.row - 1, max(it.row - 12, -1), -1):
        header = yes_no_header(pic.tables[it.table][above])
        if header:
            marked = [k for k, cell in enumerate(row) if k > c.label.item.col and _BARE_MARK.match(cell.text or "")]
            said = {True: "yes", False: "no"}.get(c.value)
            # (a mark under 'Yes' read as yes says what its column says: it stands)
            return not (len(marked) == 1 and header.get(marked[0]) == said)
        if pic.tables[it.table][above][0].starts_section:
            return False
    return False


def _names_best(label, field_: str) -> bool:
    """Whether the field is the one the label names best (its ``top``; a person's detail by its generic name), and
    names it by the vocabulary, not only by a likeness to the wording bank."""
    top = getattr(label, "top", "") or ""
    if label.fields.get(top, 0.0) <= 0.0:
        return False
    return top == field_ or (top.startswith("person.") and field_.endswith("." + top.split(".", 1)[1])
                             and field_.startswith(("referrer.", "lead.")))


def unrecognised(pic: Picture, labels: list) -> list[tuple[str, str]]:
    """Texts laid out as labels that no field claims: the first cell of a row with an answer beside it,
    or 'Words: answer' on a line. For ``intake parse --explain``, to teach the form's own wordings."""
    claimed = {id(l.item) for l in labels}
    out = []
    for it in pic.items:
        if id(it) in claimed or it.kind == "widget" or it.section in ("office", "family"):
            continue
        t = it.text.strip()
        if it.kind == "cell" and it.col == 0 and it.width > 1 and 0 < len(t.split()) <= 8 and not re.search(r"\d|@", t):
            beside = pic.tables[it.table][it.row][1].text.strip()
            if beside:
                out.append((t.rstrip(":"), it.where()))
        elif it.kind == "para":
            m = re.match(r"^([A-Za-z][^:\n]{1,60}):\s+\S", t)
            if m and len(m.group(1).split()) <= 8:
                out.append((m.group(1), it.where()))
    return out


def candidate_table(blocks: list) -> tuple[Picture, list]:
    """For training: the picture and its candidates (unscored)."""
    pic = build(blocks)
    cands, _ = generate(pic)
    return pic, cands
