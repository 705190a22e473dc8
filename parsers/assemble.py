"""From blocks to the canonical record: find labels, follow sections, normalise values.

Layout-independent: the same walk serves label|value tables, label|value grids,
label-above-value rows, Yes|No columns, several children side by side, agencies
tables and "Label: value" paragraphs under headings. Nothing is guessed: a
value only lands in a field whose label the vocabulary recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers import normalise as n
from parsers.blocks import Pair, Para, Table
from parsers.vocabulary import incident_type, match, normalise_label, section_of

CHILD_FIELDS = ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death")
LONG_TEXT = {"incident.summary", "criteria.reason", "immediate_concerns"}
MAX_LABEL = 160


def empty_record() -> dict:
    person = {"name": None, "role": None, "agency": None, "email": None, "phone": None}
    return {
        "form": "referral", "date_of_referral": None, "referrer": dict(person),
        "safeguarding_lead": {**person, "discussed": None}, "children": [],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }


def empty_child() -> dict:
    return {k: None for k in CHILD_FIELDS}


@dataclass
class KV:
    label: str
    value: str
    section_hint: str | None = None
    child: int | None = None          # column index in a side-by-side child grid
    blank_line_paragraphs: bool = False


@dataclass
class Walk:
    record: dict = field(default_factory=empty_record)
    section: str | None = None
    labels_seen: int = 0
    values_set: int = 0
    warnings: list[str] = field(default_factory=list)
    child_parts: dict = field(default_factory=dict)   # child index -> {"forename":..., "surname":...}
    current_child: int = 0


# -- turning blocks into KV items ----------------------------------------------------------------

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


def table_items(table: Table, walk_section: str | None) -> list:
    items: list = []
    yes_no = None
    child_cols = None
    agency_cols = None
    rows = table.rows
    i = 0
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
    if sec and (heading or in_table or len(first_line) < 60) and "\n" not in t:
        return [sec]
    if f and len(first_line) < 80 and "\n" not in t and not re.search(r"\.\s", first_line):
        return [KV(first_line, "")]
    return [("text", t)]


def block_items(blocks: list) -> list:
    items: list = []
    section = None
    for b in blocks:
        if isinstance(b, Para):
            new = text_items(b.text, section, heading=b.heading)
        elif isinstance(b, Table):
            new = table_items(b, section)
        elif isinstance(b, Pair):
            new = [KV(b.label, b.value, section_hint=b.hint, blank_line_paragraphs=True)]
        else:
            new = []
        for it in new:
            if isinstance(it, str):
                section = it
        items.extend(new)
    return items


# -- applying KV items to the record -------------------------------------------------------------

def _child(w: Walk, idx: int) -> dict:
    while len(w.record["children"]) <= idx:
        w.record["children"].append(empty_child())
    return w.record["children"][idx]


def _set(w: Walk, container: dict, key: str, value) -> None:
    if value is None:
        return
    if container.get(key) is None:
        container[key] = value
        w.values_set += 1


def _normalised(path: str, raw: str, blank_line_paragraphs: bool):
    leaf = path.split(".")[-1]
    if leaf in ("dob", "date_of_death", "date", "date_la_aware") or path in ("date_of_referral", "date_panel_notified"):
        return n.parse_date(raw)
    if leaf in ("cp_plan", "open_to_csc", "looked_after", "discussed", "police_involved") or path.startswith("criteria.") and leaf != "reason" or path == "panel_notified":
        return n.tristate(raw)
    if leaf == "email":
        return n.email(raw)
    if leaf == "phone":
        return n.phone(raw)
    if leaf == "gender":
        return n.gender(raw)
    if leaf == "address":
        return n.lines_joined(raw)
    if path == "incident.type":
        if n.blank(raw):
            return None
        chosen = n.checked_options(raw)
        if chosen is not None:
            return incident_type(chosen[0]) if len(chosen) == 1 else None
        return incident_type(raw) or "other"
    if path in LONG_TEXT:
        return n.paragraphs(raw, blank_line_paragraphs)
    return n.text(raw)


def _person_section(section: str | None, hint: str | None) -> str:
    if hint and re.search(r"lead|dsl|manager|officer|agree", hint, re.I):
        return "lead"
    if hint and re.search(r"referr", hint, re.I):
        return "referrer"
    return "lead" if section == "lead" else "referrer"


HINT_SECTIONS = [("lead", {"lead", "dsl", "manager", "safeguarding", "officer"}),
                 ("referrer", {"referrer", "notifier", "referring", "ref"}),
                 ("child", {"child", "subject", "cyp"}), ("incident", {"incident"})]


def hint_section(hint: str) -> str | None:
    """The section a form field's internal name points at: 'lead_name' -> 'lead'."""
    tokens = set(re.split(r"[_\W\d]+", hint.lower()))
    for name, words in HINT_SECTIONS:
        if tokens & words:
            return name
    return None


def _checked_option(kv: KV) -> str | None:
    """A ticked box whose own label names an incident type ('☒' labelled 'Child death')."""
    if kv.value.strip() in ("☒", "☑") and len(kv.label) < 60:
        return incident_type(kv.label)
    return None


def apply(w: Walk, kv: KV) -> None:
    section = w.section
    if kv.section_hint:
        section = hint_section(kv.section_hint) or section_of(kv.section_hint.replace("_", " ")) or section
    path = match(kv.label, section)
    if path is None and kv.section_hint:
        path = match(kv.section_hint.replace("_", " "), section)
    if path is None:
        option = _checked_option(kv)
        if option and w.section not in ("office", "family"):
            _set(w, w.record["incident"], "type", option)
        return
    w.labels_seen += 1
    if section in ("office", "family"):
        return
    raw = kv.value or ""
    head, _, leaf = path.partition(".")
    if head in ("lead", "referrer") and leaf == "name" and not kv.section_hint:
        w.section = head  # the fields after "Name of safeguarding lead" are the lead's
    elif head in ("lead", "referrer") and leaf == "name" and section_of(kv.section_hint or "") is None:
        w.section = head
        section = head
    if head == "person":
        who = _person_section(section if section in ("lead", "referrer") else w.section, kv.section_hint)
        head = who
    if head in ("referrer", "lead"):
        container = w.record["referrer"] if head == "referrer" else w.record["safeguarding_lead"]
        _set(w, container, leaf, _normalised(path, raw, kv.blank_line_paragraphs))
        return
    if head == "child":
        idx = kv.child if kv.child is not None else w.current_child
        if leaf in ("forename", "surname"):
            parts = w.child_parts.setdefault(idx, {})
            if not n.blank(raw) and leaf not in parts:
                parts[leaf] = n.text(raw)
            _child(w, idx)
            return
        child = _child(w, idx)
        if kv.child is None and leaf == "name" and child["name"] is not None and not n.blank(raw):
            w.current_child += 1
            child = _child(w, w.current_child)
        _set(w, child, leaf, _normalised(path, raw, kv.blank_line_paragraphs))
        return
    container = w.record
    if "." in path:
        container = w.record[head]
        key = leaf
    else:
        key = path
    _set(w, container, key, _normalised(path, raw, kv.blank_line_paragraphs))


def assemble(blocks: list) -> Walk:
    w = Walk()
    items = block_items(blocks)
    pending: KV | None = None
    for it in items:
        if isinstance(it, str):
            if pending is not None:
                apply(w, pending)
                pending = None
            w.section = it
            continue
        if isinstance(it, tuple) and it[0] == "text":
            if pending is not None:
                pending.value = (pending.value + "\n" + it[1]).strip("\n")
            continue
        if isinstance(it, tuple) and it[0] == "agency":
            e = it[1]
            entry = {"name": n.text(e.get("name")), "agency": n.text(e.get("agency")), "contact": n.text(e.get("contact"))}
            if any(entry.values()) and w.section not in ("office", "family"):
                w.record["agencies_involved"].append(entry)
                w.values_set += 1
            continue
        if pending is not None:
            apply(w, pending)
            pending = None
        if isinstance(it, KV):
            if not it.value.strip() and it.child is None and not it.section_hint:
                pending = it
            else:
                apply(w, it)
    if pending is not None:
        apply(w, pending)
    for idx, parts in sorted(w.child_parts.items()):
        child = _child(w, idx)
        joined = " ".join(p for p in (parts.get("forename"), parts.get("surname")) if p)
        if joined and child["name"] is None:
            child["name"] = joined
            w.values_set += 1
    w.record["children"] = [c for c in w.record["children"] if any(v is not None for v in c.values())]
    for c in w.record["children"]:
        if c["dob"] is not None:
            c["age"] = None
    return w
