"""From blocks to label/value items: the layout-reading half of the assembler.

Paragraphs become 'Label: value' items or section headings; tables become items
row by row, recognising label|value rows, label|value|label|value grids, labels
above values, Yes|No columns, child-per-column grids and agencies tables. What a
label *means* is the vocabulary's business; here we only find labels and values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers import normalise as n
from parsers.blocks import Pair, Para, Table
from parsers.vocabulary import match, normalise_label, section_of

MAX_LABEL = 160


@dataclass
class KV:
    label: str
    value: str
    section_hint: str | None = None
    child: int | None = None          # column index in a side-by-side child grid
    blank_line_paragraphs: bool = False
    open_ended: bool = False          # a PDF line: the answer may go on in the lines below


_SPLIT = re.compile(r"[:\t?]")


def _separators(t: str):
    """Where a label may end: the first tab first (forms put the answer after a tab), then ':' and '?' in order."""
    tab = t.find("\t")
    if tab > 0:
        yield tab, "\t"
    for m in _SPLIT.finditer(t):
        if m.start() != tab:
            yield m.start(), m.group()


def split_label(text: str, section: str | None) -> list:
    """'Label: value' -> [KV]; 'SECTION: Label: value' -> ['section', KV]; [] when no label is found."""
    t = text.strip()
    for pos, sep in _separators(t):
        left = t[: pos + 1] if sep == "?" else t[:pos]
        right = t[pos + 1:]
        bare = re.sub(r"\([^)]*\)", "", left)
        if len(left) > MAX_LABEL or re.search(r"[a-z]\. [A-Z]", bare) or len(left.split()) > 25:
            return []
        if not normalise_label(left):
            continue
        if match(left, section) is None:
            continue
        sec = section_of(left)
        if sec and right.strip():
            inner = split_label(right, sec)
            if inner and isinstance(inner[-1], KV):
                return [sec, *inner]
        right = re.sub(r"^\s*\([^)]*\)\s*", "", right.strip("\t :"))
        return [KV(left, right.strip("\t :"))]
    return []


def _is_yes_no_header(row: list[str]) -> dict | None:
    cols = {normalise_label(c): i for i, c in enumerate(row) if c.strip()}
    if "yes" in cols and "no" in cols and len(cols) <= 4:
        return {"yes": cols["yes"], "no": cols["no"]}
    return None


def _child_columns(row: list[str]) -> dict[int, int] | None:
    """A header row naming children per column ('Child 1 | Child 2') -> {column: child index}."""
    cols = {}
    for i, c in enumerate(row):
        t = normalise_label(c)
        m = re.fullmatch(r"(child|young person|sibling|subject)\s*(\d+)|(\d+)(st|nd|rd|th)? child|(first|second|third|fourth) child", t)
        if m:
            num = m.group(2) or m.group(3)
            idx = int(num) - 1 if num else ["first", "second", "third", "fourth"].index(m.group(5))
            cols[i] = idx
    return cols if len(cols) >= 1 and min(cols) > 0 else None


def _agency_columns(row: list[str]) -> dict[str, int] | None:
    cols = {}
    for i, c in enumerate(row):
        t = normalise_label(c)
        if not t:
            continue
        if "relationship" in t:
            return {"family": i}
        if re.search(r"agency|organisation|organization|service", t) and "agency" not in cols:
            cols["agency"] = i
        elif re.search(r"contact|tel|phone|e ?mail", t) and "contact" not in cols:
            cols["contact"] = i
        elif re.search(r"name|professional|worker|practitioner", t) and "name" not in cols:
            cols["name"] = i
    return cols if "agency" in cols and ("contact" in cols or "name" in cols) else None


def _label_like(cell: str, section: str | None) -> bool:
    t = cell.strip()
    return bool(t) and "\n" not in t and len(t) < 100 and not n.checked_options(t) and match(t, section) is not None


def table_items(table: Table, walk_section: str | None, carry: dict | None = None) -> list:
    """Items of one table. ``carry`` holds the column roles of the previous table, so that a table
    split across pages (a PDF made from Word repeats no header) goes on as the same kind of table."""
    items: list = []
    carry = carry if carry is not None else {}
    width = max((len(r) for r in table.rows), default=0)
    continued = carry.get("width") == width and table.rows and not _agency_columns(table.rows[0])
    yes_no = carry.get("yes_no") if continued else None
    child_cols = carry.get("child_cols") if continued else None
    agency_cols = carry.get("agency_cols") if continued else None
    rows = table.rows
    i = 0
    if continued and rows and len(rows[0]) > 1 and any(c.strip() for c in rows[0][1:]) and agency_cols is None \
            and child_cols is None and (not rows[0][0].strip() or match(rows[0][0], walk_section) is None):
        # a row split by a page break: its first cell is empty or the tail of the label, the rest of the answer is here
        items.append(("continue", "\n".join(c for c in rows[0][1:] if c.strip())))
        i = 1
    while i < len(rows):
        row = rows[i]
        cells = [c for c in row if c.strip()]
        if not cells:
            i += 1
            continue
        if agency_cols is not None:
            if "family" in agency_cols:
                i += 1
                continue
            if len(row) > 1:
                entry = {k: (row[v] if v < len(row) else "") for k, v in agency_cols.items()}
                if any(not n.blank(v) for v in entry.values()):
                    items.append(("agency", entry))
                i += 1
                continue
            agency_cols = None
        ac = _agency_columns(row) if len(cells) >= 2 else None
        if ac is not None:
            agency_cols = ac
            i += 1
            continue
        yn = _is_yes_no_header(row) if len(cells) <= 4 else None
        if yn is not None:
            yes_no = yn
            i += 1
            continue
        cc = _child_columns(row)
        if cc is not None:
            child_cols = cc
            i += 1
            continue
        if len(cells) == 1:
            new = text_items(cells[0], walk_section, in_table=True)
            walk_section = next((x for x in new if isinstance(x, str)), walk_section)
            items.extend(new)
            i += 1
            continue
        label = row[0]
        if child_cols and match(label, "child"):
            for col, idx in child_cols.items():
                if col < len(row):
                    items.append(KV(label, row[col], child=idx))
            i += 1
            continue
        if yes_no and len(row) > max(yes_no.values()):
            y, no = row[yes_no["yes"]].strip(), row[yes_no["no"]].strip()
            if y or no:
                value = "Yes" if y and not no else "No" if no and not y else ""
                items.append(KV(label, value))
                i += 1
                continue
        # labels in this row, values in the next
        if len(cells) >= 2 and i + 1 < len(rows) and all(_label_like(c, walk_section) for c in cells):
            nxt = rows[i + 1]
            if not any(match(c, walk_section) for c in nxt if c.strip()):
                for j, c in enumerate(row):
                    if c.strip() and j < len(nxt):
                        items.append(KV(c, nxt[j]))
                i += 2
                continue
        # label | value | label | value ...
        pairs = []
        for j in range(0, len(row) - 1, 2):
            if row[j].strip() and match(row[j], walk_section):
                pairs.append(KV(row[j], row[j + 1]))
        if pairs and (len(row) <= 3 or len(pairs) * 2 >= len([c for c in row[::2] if c.strip()])):
            if len(row) == 3 and not match(row[2], walk_section) and row[2].strip():
                pairs = [KV(row[0], "\n".join(c for c in row[1:] if c.strip()))]
            items.extend(pairs)
            i += 1
            continue
        for c in cells:
            items.extend(text_items(c, walk_section, in_table=True))
        i += 1
    carry.update(width=width, yes_no=yes_no, child_cols=child_cols, agency_cols=agency_cols)
    return items


def text_items(text: str, section: str | None, in_table: bool = False, heading: bool = False) -> list:
    t = text.strip()
    if not t:
        return []
    first_line = t.split("\n")[0]
    kv = split_label(t, section)
    if kv:
        return kv
    label_only = first_line.rstrip().endswith((":", "?"))
    f = match(first_line.rstrip(":"), section)
    sec = section_of(first_line)
    if label_only and f:
        return [KV(first_line.rstrip(":"), "\n".join(t.split("\n")[1:]), section_hint=None)]
    letters = [c for c in first_line if c.isalpha()]
    shouting = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)  # a capitals heading
    if sec and (heading or in_table or shouting or len(first_line) < 60) and "\n" not in t:
        return [sec]
    if f and len(first_line) < 80 and "\n" not in t and not re.search(r"\.\s", first_line):
        return [KV(first_line, "")]
    return [("text", t)]


def block_items(blocks: list) -> list:
    items: list = []
    section = None
    carry: dict = {}
    for b in blocks:
        if isinstance(b, Para):
            new = text_items(b.text, section, heading=b.heading)
            if b.y is not None:  # PDF text layout: a value may wrap or break onto the following lines
                for it in new:
                    if isinstance(it, KV):
                        it.open_ended = True
            carry.clear()  # text between two tables: the second is not a continuation
        elif isinstance(b, Table):
            new = table_items(b, section, carry)
        elif isinstance(b, Pair):
            new = [KV(b.label, b.value, section_hint=b.hint, blank_line_paragraphs=True)]
        else:
            new = []
        for it in new:
            if isinstance(it, str):
                section = it
        items.extend(new)
    return items
