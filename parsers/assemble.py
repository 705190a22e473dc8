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
from parsers import types
from parsers.blocks import tabbed_fields
from parsers.items import KV, _asks_question, block_items, capitalised_words, numbered_question, text_items
from parsers.assignment import empty_child, empty_record
from parsers.fields import CHILD_FIELDS
from parsers.vocabulary import incident_type, match, rule_match, rule_strength, section_of, tied_fields

LONG_TEXT = {"incident.summary", "criteria.reason", "immediate_concerns"}
CONTINUED_FIELDS = LONG_TEXT | {"child.address"}  # answers that may run onto the next lines of a PDF


@dataclass
class Walk:
    record: dict = field(default_factory=empty_record)
    section: str | None = None
    labels_seen: int = 0
    values_set: int = 0
    warnings: list[str] = field(default_factory=list)
    child_parts: dict = field(default_factory=dict)   # child index -> {"forename":..., "surname":...}
    current_child: int = 0
    last_path: str | None = None                      # the field of the label read last
    sources: dict = field(default_factory=dict)       # record path -> {"label", "at"}: where each answer came from
    explain: list = field(default_factory=list)       # one entry per label found: field, section, outcome
    unrecognised: list = field(default_factory=list)  # (label text, where) of labels no field claims


# -- applying KV items to the record -------------------------------------------------------------

def _child(w: Walk, idx: int) -> dict:
    while len(w.record["children"]) <= idx:
        w.record["children"].append(empty_child())
    return w.record["children"][idx]


def _assign(w: Walk, container: dict, key: str, path: str, record_path: str, kv: KV, section: str | None) -> None:
    """Normalise a candidate by its field's type and set it when the field is still empty. A candidate
    that does not fit is refused with a warning; the field stays null."""
    entry = {"label": kv.label, "field": record_path, "section": section, "at": kv.source,
             "score": round(rule_strength(kv.label, section), 2)}
    w.explain.append(entry)
    try:
        value = types.normalised(path, kv.value or "", kv.blank_line_paragraphs)
    except types.Refused as why:
        entry["outcome"] = f"refused: {why}"
        w.warnings.append(f"{types.label_for_warning(record_path)}: the answer is {why}, so it was left empty")
        return
    if value is None:
        entry["outcome"] = "blank"
        return
    if container.get(key) is not None:
        entry["outcome"] = "already filled"
        return
    container[key] = value
    w.values_set += 1
    entry["outcome"] = "set"
    w.sources[record_path] = {"label": kv.label, "at": kv.source}


def _person_section(section: str | None, hint: str | None) -> str:
    if hint and re.search(r"lead|dsl|manager|officer|agree", hint, re.I):
        return "lead"
    if hint and re.search(r"referr", hint, re.I):
        return "referrer"
    return "lead" if section == "lead" else "referrer"


HINT_SECTIONS = [("lead", {"lead", "dsl", "manager", "mgr", "safeguarding", "officer"}),
                 ("referrer", {"referrer", "notifier", "referring", "ref"}),
                 ("child", {"child", "subject", "cyp"}), ("incident", {"incident"})]


def hint_section(hint: str) -> str | None:
    """The section a form field's internal name points at: 'lead_name' -> 'lead'."""
    tokens = set(re.split(r"[_\W\d]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", hint).lower()))
    for name, words in HINT_SECTIONS:
        if tokens & words:
            return name
    return None


def _checked_option(kv: KV) -> str | None:
    """A ticked box whose own label names an incident type ('☒' labelled 'Child death')."""
    if kv.value.strip() in ("☒", "☑") and len(kv.label) < 60:
        return incident_type(kv.label)
    return None


_NOT_NAME_WORDS = {"yes", "no", "not", "unknown", "known", "n/a", "tbc", "pending", "awaiting", "none", "yet", "unable"}


def _names_a_person(value: str) -> bool:
    """'Dr Megan Iqbal', 'Det Supt Lindsay Sutcliffe': capitalised words, none of them an answer word ('Not Yet')."""
    return capitalised_words(value) and not any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in value.split())


def _best_fitting(kv: KV, section: str | None, path: str) -> str:
    """A label that names two fields equally well ('Learning for more than one agency': the criterion, or an
    agency?) goes to the one whose type its answer fits; when both fit, the vocabulary's order decides."""
    def fits(p: str) -> bool:
        return types.fit(p if not p.startswith("person.") else "referrer." + p.split(".", 1)[1], kv.value) > 0
    if path.endswith(".discussed") and not n.blank(kv.value) and not fits(path) and _names_a_person(kv.value):
        return path.rsplit(".", 1)[0] + ".name"  # 'Safeguarding lead consulted: Dr Megan Iqbal' names the lead
    rivals = tied_fields(kv.label, section)
    if len(rivals) < 2 or n.blank(kv.value):
        return path
    if fits(path):
        return path
    return next((p for p in rivals if fits(p)), path)


DATE_OF = {"panel_notified": "date_panel_notified"}
VOID = ("office", "family", "directory")   # parts of a form that hold nothing of the record
_GENDER_WORDS = re.compile(r"(?i)\b(girl|boy|female|male|other|non-binary)\b")


def _option_row(label: str) -> bool:
    """'Female<tab>Male', 'Girl<tab>✓ Boy': a row of options set a tab apart (chips in a chat), no label."""
    return sum(1 for part in label.split("\t") if _GENDER_WORDS.fullmatch(part.strip(" ✓✔☐☒☑"))) >= 2


def _unmarked_options(value: str | None) -> bool:
    """A value that is a gender question's options over again ('Girl<tab>✓ Boy<tab>Other', chips in a chat), none
    ticked in a box: read beside a label that only lists the options, it is no answer."""
    return len(_GENDER_WORDS.findall(value or "")) >= 2 and not re.search("[☒☑]", value or "")


def apply(w: Walk, kv: KV) -> None:
    section = w.section
    if kv.section_hint:
        section = hint_section(kv.section_hint) or section_of(kv.section_hint.replace("_", " ")) or section
    path = rule_match(kv.label, section)
    if path is None and kv.section_hint:
        path = rule_match(kv.section_hint.replace("_", " "), section)
    if path == "child.gender" and match(kv.label, section) is None \
            and (_option_row(kv.label) or _unmarked_options(kv.value)):
        path = None   # a row of options ('Female<tab>Male<tab>Other'), or 'Girl / Boy' over its options again, none
        # marked as the rule reader reads marks: no answer
    if path is not None:
        path = _best_fitting(kv, section, path)
    if path == "previous.date":  # 'If yes, on what date?' dates the yes/no question just before it
        path = DATE_OF.get(w.last_path)   # (after the rivals: one of them may be this label's 'previous.date')
    if path is None:
        option = _checked_option(kv)
        if option and w.section not in VOID:
            if w.record["incident"]["type"] is None:
                w.record["incident"]["type"] = option
                w.values_set += 1
                w.sources["incident.type"] = {"label": kv.label, "at": kv.source}
        return
    w.labels_seen += 1
    w.last_path = path
    if section in VOID:
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
        record_head = "referrer" if head == "referrer" else "safeguarding_lead"
        _assign(w, container, leaf, f"{head}.{leaf}", f"{record_head}.{leaf}", kv, section)
        return
    if head == "child":
        idx = kv.child if kv.child is not None else w.current_child
        if leaf in ("forename", "surname"):
            parts = w.child_parts.setdefault(idx, {})
            _assign(w, parts, leaf, path, f"children[{idx}].{leaf}", kv, section)
            _child(w, idx)
            return
        child = _child(w, idx)
        if kv.child is None and leaf == "name" and child["name"] is not None and not n.blank(raw):
            w.current_child += 1
            idx = w.current_child
            child = _child(w, idx)
        _assign(w, child, leaf, path, f"children[{idx}].{leaf}", kv, section)
        return
    container = w.record
    if "." in path:
        container = w.record[head]
        key = leaf
    else:
        key = path
    _assign(w, container, key, path, path, kv, section)


def assemble(blocks: list) -> Walk:
    w = Walk()
    items = block_items(tabbed_fields(blocks))
    pending: KV | None = None
    accepts_text = False
    for it in items:
        if isinstance(it, str):
            if pending is not None:
                apply(w, pending)
                pending = None
            w.section = it
            continue
        if isinstance(it, tuple) and it[0] == "box":  # an answer box: a one-cell table under its question
            if pending is not None and not pending.value.strip():
                pending.value, pending.source = it[1], it[2]
                apply(w, pending)
                pending = None
                continue
            for sub in text_items(it[1], w.section, in_table=True):
                if isinstance(sub, KV):
                    sub.source = it[2]
                    apply(w, sub)
            continue
        if isinstance(it, tuple) and it[0] == "sentence":  # 'The child was found at home.' names the child
            if pending is not None and accepts_text and rule_match(pending.label, w.section) in CONTINUED_FIELDS:
                pending.value = (pending.value + "\n" + it[2]).strip("\n")  # ...but is the summary's text
                continue
            it = it[1]  # a guidance sentence that names its section heads it, as a heading would
            if pending is not None:
                apply(w, pending)
                pending = None
            w.section = it
            continue
        if isinstance(it, tuple) and it[0] == "text":
            if pending is not None and (_asks_question(it[1]) or numbered_question(it[1])):
                apply(w, pending)  # a question of its own (one the vocabulary does not know) is no one's answer
                pending = None
            elif pending is not None and accepts_text:
                pending.value = (pending.value + "\n" + it[1]).strip("\n")
            continue
        if isinstance(it, tuple) and it[0] == "continue":  # the rest of a table cell, on the next page
            if pending is not None:
                # a page break inside a sentence is a wrap; after a full stop it may be a paragraph break
                sep = "\n" if pending.value.rstrip().endswith((".", "!", "?", ":", '"', ")")) else " "
                pending.value = (pending.value.rstrip() + sep + it[1]).strip("\n")
            continue
        if isinstance(it, tuple) and it[0] == "unrecognised":
            w.unrecognised.append((it[1], it[2]))
            continue
        if isinstance(it, tuple) and it[0] == "agency":
            e = it[1]
            entry = {"name": n.text(e.get("name")), "agency": n.text(e.get("agency")), "contact": n.text(e.get("contact"))}
            if any(entry.values()) and w.section not in VOID:
                w.sources[f"agencies_involved[{len(w.record['agencies_involved'])}]"] = {"label": "agencies table", "at": it[2]}
                w.record["agencies_involved"].append(entry)
                w.values_set += 1
            continue
        if pending is not None:
            apply(w, pending)
            pending = None
        if isinstance(it, KV):
            long_answer = rule_match(it.label, w.section) in CONTINUED_FIELDS
            if (not it.value.strip() or long_answer) and it.child is None and not it.section_hint:
                pending = it
                # plain lines below join it when it was a bare label, or a PDF line that may run on
                accepts_text = not it.value.strip() or it.open_ended
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
            given, family = (w.sources.pop(f"children[{idx}].{k}", None) for k in ("forename", "surname"))
            w.sources[f"children[{idx}].name"] = {
                "label": " + ".join(s["label"] for s in (given, family) if s),
                "at": "; ".join(s["at"] for s in (given, family) if s)}
    w.record["children"] = [c for c in w.record["children"] if any(v is not None for v in c.values())]
    for c in w.record["children"]:
        if c["dob"] is not None:
            c["age"] = None
    return w
