"""Reading a PDF into blocks: AcroForm field values first, else the text layout.

AcroForm: each field becomes a Pair (its tooltip /TU as the label, its name /T
as a hint); Yes/No checkbox pairs become one "☒ Yes ☐ No" answer; fields
numbered by row ("Name (row 2)", agency2_name) become a table. Without fields,
ruled tables become Tables and the remaining text lines Paras, page by page,
closing each page as we go so memory stays bounded on long documents.
"""

from __future__ import annotations

import copy
import io
import logging
import re
import statistics
from collections import Counter

import pdfplumber
from pdfminer.layout import LTAnno, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from parsers.blocks import (CHECKED, SYMBOL_CHECKED, SYMBOL_UNCHECKED, UNCHECKED, Pair, Para, Table, captions_above,
                            drop_action_words, is_choice, marked_column, marks_beside_options, plain_readings, symbol_boxes)
from parsers import xfa
from parsers.items import agency_columns
from parsers.normalise import beyond_default, option_hint
from parsers.types import DATE, fit, kind_of
from parsers.vocabulary import incident_type, match, section_of

log = logging.getLogger(__name__)

MAX_PAGES = 400
MAX_FIELDS = 2000
RADIO = 1 << 15  # a button field's flag: one of its widgets is on at a time
_CODED = re.compile(r"[A-Za-z_ ]{0,12}\d{1,3}")  # an export value that names no option: 'Choice2', 'Option 1', '0'
WORD_GAP = 1.5  # points between two letters that part two words (pdfplumber says 3; a PDF set without spaces has 2)


def _s(value) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("latin-1")
    if isinstance(value, PSLiteral):
        return str(value.name if isinstance(value.name, str) else value.name.decode("latin-1"))
    return "" if value is None else str(value)


def _walk_fields(fields, parent_name="", parent_tu="", out=None, depth=0):
    out = [] if out is None else out
    for ref in (resolve1(fields) or [])[:MAX_FIELDS]:
        f = resolve1(ref)
        if not isinstance(f, dict) or depth > 8:
            continue
        name = _s(f.get("T"))
        full = f"{parent_name}.{name}" if parent_name and name else (name or parent_name)
        tu = _s(f.get("TU")) or parent_tu
        kids = resolve1(f.get("Kids"))
        if kids and any(isinstance(resolve1(k), dict) and resolve1(k).get("T") is not None for k in kids):
            _walk_fields(kids, full, tu, out, depth + 1)
            continue
        if _hidden(f, kids):
            continue   # shown by the form's logic only when another answer asks for it: a stale value is no answer
        ft = _s(f.get("FT"))
        value = f.get("V")
        if ft in ("Tx", "Ch") and value is not None and f.get("DV") is not None \
                and not isinstance(resolve1(value), list):
            value = beyond_default(_s(value), _s(f.get("DV")))   # still the designer's prompt: not filled in
        if ft == "Ch":
            value = _shown_choice(value, resolve1(f.get("Opt")))
        state = f.get("AS")
        if kids and value is None:
            for k in kids:
                kd = resolve1(k)
                if isinstance(kd, dict) and kd.get("AS") is not None and _s(kd.get("AS")) != "Off":
                    state = kd.get("AS")
        flags = int(resolve1(f.get("Ff")) or 0)
        if ft == "Btn" and isinstance(kids, list) and len(kids) >= 2 and _s(value) not in ("", "Off"):
            flags |= RADIO   # check boxes sharing one name, the value naming the one on: one choice, as radio buttons
        out.append({"name": full, "tu": tu, "label": tu or _name_label(full), "type": ft, "value": value,
                    "state": state, "flags": flags, "rect": _rect(f, kids)})
    return out


def _rect(f: dict, kids) -> tuple[float, float, float, float] | None:
    """A field's widget rectangle (x0, y0, x1, y1, PDF points from the foot of the page), its own or its one widget's."""
    widgets = [f] if f.get("Rect") is not None else [resolve1(k) for k in (resolve1(kids) or [])]
    if len(widgets) != 1 or not isinstance(widgets[0], dict):
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in resolve1(widgets[0].get("Rect")))
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


_NEXT_OF_NAME = re.compile(r"^(.*\S)_(\d+)$")
_PRINTED_NAME = re.compile(r".*\s.*|[A-Z][a-z'’]+")   # words with spaces, or one capitalised word ('Circumstances')
# a line that is wholly a telephone number, an e-mail address or a date: an item of a list typed a line each ('Contact
# details': the number on one line, the address on the next), not a wrapped line
_WHOLE_VALUE = re.compile(r"\+?[\d ()-]{9,}|\S+@\S+\.\w+|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")


def _widgets_on_one_line(a: tuple, b: tuple) -> bool:
    """Two widget rectangles on one line, one beside the other."""
    return min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1]) and (a[2] <= b[0] or b[2] <= a[0])


def stacked_lines(fields: list[dict]) -> list[dict]:
    """Acrobat's automatic field detection makes each ruled line of a paper form a one-line text field of its own,
    named after the words printed by the first ('What happened', 'What happened_2', 'What happened_3'): an answer
    written across them line by line is one answer. A text field named as the next of such a run, set straight
    under the one before it (the same left edge, the next line down), with no field beside it on its line (a row of
    a grid has: 'Agency_2' | 'Contact name_2'), wider than a tick box, is joined to the run: its lines wrapped, an
    empty line parting paragraphs (the field is marked ``wrapped``). Only names of printed words (with spaces, or
    one capitalised word) as the detection makes them: a designer's 'child_date_of_death_2' under
    'child_date_of_death' is the next child's."""
    by_name = {f["name"]: f for f in fields}

    def page(f: dict):
        return f["pos"][0] if f.get("pos") else None

    def alone(f: dict) -> bool:   # no other field on its line (of its page, where the page is known)
        return not any(_widgets_on_one_line(f["rect"], o["rect"]) for o in fields if o is not f and o.get("rect")
                       and (page(o) is None or page(f) is None or page(o) == page(f)))
    head_of: dict[str, dict] = {}
    out = []
    for f in fields:
        m = _NEXT_OF_NAME.match(f["name"])
        r = f.get("rect")
        # (named from printed words, with spaces: 'child_dob_2', a designer's name, numbers a child, not a line)
        if f["type"] == "Tx" and m and _PRINTED_NAME.fullmatch(m.group(1).strip()) and r \
                and not isinstance(resolve1(f["value"]), list):
            k = int(m.group(2))
            prev = by_name.get(m.group(1) if k == 2 else f"{m.group(1)}_{k - 1}")
            p = prev.get("rect") if prev else None
            height = (p[3] - p[1]) if p else 0
            if prev is not None and prev["type"] == "Tx" and p and p[2] - p[0] >= 60 and abs(p[0] - r[0]) <= 3 \
                    and -1 <= p[1] - r[3] <= 1.5 * height and page(prev) == page(f) and alone(f) and alone(prev) \
                    and not any(_WHOLE_VALUE.fullmatch(_s(x["value"]).strip()) for x in (prev, f)):
                head = head_of.get(prev["name"], prev)
                head.setdefault("lines", [_s(head["value"]).strip()]).append(_s(f["value"]).strip())
                if f.get("printed") and f["label"].strip() and head.get("printed") and f["label"] not in head["label"]:
                    head["label"] = f"{head['label'].strip()} {f['label'].strip()}"   # 'Coastal Area Commander' over
                    # '(safeguarding lead)': the label printed over the lines of the run
                head_of[f["name"]] = head
                continue
        out.append(f)
    runs = {_NEXT_OF_NAME.sub(r"\1", h["name"]) for h in head_of.values()}
    seen: dict[str, int] = {}
    for f in out:   # a run's fields named again as Acrobat names one field a question: 'Address', 'Address_2' ...
        base = _NEXT_OF_NAME.sub(r"\1", f["name"]) if f["type"] == "Tx" else None
        if base in runs and (f["name"] == base or _NEXT_OF_NAME.match(f["name"])):
            seen[base] = seen.get(base, 0) + 1
            renamed = base if seen[base] == 1 else f"{base}_{seen[base]}"
            if f["label"] == _name_label(f["name"]) and not f.get("printed"):
                f["label"] = _name_label(renamed)
            f["name"] = renamed
        lines = f.pop("lines", None)
        if lines:
            while lines and not lines[-1]:
                lines.pop()
            paragraphs, current = [], []
            for line in lines + [""]:
                if line:
                    current.append(line)
                elif current:
                    paragraphs.append("\n".join(current))
                    current = []
            f["value"] = "\n\n".join(paragraphs)
            f["wrapped"] = sum(1 for line in lines if line) > 1
    return out


HIDDEN_ANNOT = 2 | 32   # a widget's annotation flags: Hidden, NoView (the viewer does not show it)


def _hidden(field: dict, kids) -> bool:
    """A field whose every widget the viewer hides (annotation flag Hidden or NoView: a fillable form's show / hide
    logic keeps a question hidden, with whatever was typed in it before, until an answer asks for it)."""
    widgets = [resolve1(k) for k in kids] if isinstance(kids, list) and kids else [field]
    widgets = [w for w in widgets if isinstance(w, dict)]
    return bool(widgets) and all(_flags(w.get("F")) & HIDDEN_ANNOT for w in widgets)


def _flags(value) -> int:
    """A flags entry as an integer; 0 where it is missing or not a number."""
    value = resolve1(value)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _reached(fields, seen: set | None = None, depth: int = 0) -> set[int]:
    """The object numbers of the fields (and their kids) the form's field list reaches."""
    seen = set() if seen is None else seen
    for ref in (resolve1(fields) or [])[:MAX_FIELDS]:
        objid = getattr(ref, "objid", None)
        if objid is None or objid in seen or depth > 8:
            continue
        seen.add(objid)
        f = resolve1(ref)
        if isinstance(f, dict) and f.get("Kids"):
            _reached(f.get("Kids"), seen, depth + 1)
    return seen


def loose_widgets(pdf, reached: set[int]) -> list:
    """The fields whose widgets are on the pages but that no entry of the form's field list reaches (a tool that
    merged two fillable files and kept only the first one's list): the top field above each such widget, in page
    order."""
    out: list = []
    seen = set(reached)
    for page in pdf.pages[:MAX_PAGES]:
        for ref in resolve1(page.page_obj.annots) or []:
            annot = resolve1(ref)
            if getattr(ref, "objid", None) in seen or not isinstance(annot, dict) or _s(annot.get("Subtype")) != "Widget":
                continue
            top = ref
            for _ in range(8):   # up to the field the widget belongs to
                parent = resolve1(top).get("Parent") if isinstance(resolve1(top), dict) else None
                if parent is None or not isinstance(resolve1(parent), dict):
                    break
                top = parent
            objid = getattr(top, "objid", None)
            if objid is not None and objid not in seen and resolve1(top).get("T") is not None:
                seen.add(objid)
                out.append(top)
    return out


def _shown_choice(value, options):
    """A drop-down's value as the option it shows: its options may be pairs of (export value, text shown), as
    [('N', 'No'), ('U', 'Not known')] or [('2', 'M')], and the field stores the export value."""
    if not isinstance(options, list):
        return value
    shown = {}
    for option in options:
        option = resolve1(option)
        if isinstance(option, list) and len(option) == 2:
            shown[_s(option[0])] = _s(option[1])
    if not shown:
        return value
    value = resolve1(value)
    if isinstance(value, list):
        return [shown.get(_s(v), _s(v)) for v in value]
    return shown.get(_s(value), value) if value is not None else None


_YESNO = re.compile(r"^(.*?)\s*[-–:]?\s*\b(yes|no)$", re.I)
_ROW = re.compile(r"^(.*?)\s*\(row (\d+)\)\s*$", re.I)
_ROW_NUMBER = re.compile(r"\s*[-–—,:(]?\s*(?:row|line|no\.?|number|#)?\s*\d{1,2}\)?\s*$", re.I)   # 'Organisation - row 2'

# 'agency1_name', 'Child2.DOB': a grid's row by its name; not 'S1_Q4' (section 1, question 4: a form's numbering)
_ROWNAME = re.compile(r"^([a-z]+?)(\d+)[_\-. ](?![a-z]{0,2}\d)(\w+)$", re.I)


_OPTION_TIP = re.compile(r"^(.+?) - (\S+( \S+){0,3})$")   # a check box's tooltip 'Question - Option'


def _option_group(name: str, label: str) -> str:
    """Which check boxes answer one question. Where each box's tooltip names the question and its option
    ('Gender (M/F) - F'), the boxes whose names agree up to the option's part ('c_gender_c1_F', 'c_gender_c1_M':
    the first child's) answer one question; otherwise the boxes whose names start alike ('incident_death',
    'incident_serious_harm')."""
    parts = re.split(r"[_.\-]", name)
    if _OPTION_TIP.match(label) and len(parts) > 2:
        return "_".join(parts[:-1])
    return parts[0]


_SPLIT_DATE = re.compile(r"^(.*?)\s*[(\[]?\b(dd|mm|yyyy|yy|day|month|year)\b[)\]]?\s*$", re.I)


def _day_month_year(found: list) -> bool:
    """Three labels (or names) that ask for a day, a month and a year, in that order, of one date: the first names
    it ('Date of birth (DD)'), the others name it too or say only which part they are ('(MM)', '(YYYY)')."""
    if not all(found) or [m.group(2).lower()[0] for m in found] != ["d", "m", "y"]:
        return False
    stem = found[0].group(1).lower()
    return bool(stem) and all(m.group(1).lower() in (stem, "") for m in found[1:])


def split_dates(blocks: list) -> list:
    """A date asked for in three fields, day, month and year ('Date of report (DD)' | '(MM)' | '(YYYY)', or names
    ending '_dd', '_mm', '_yyyy'): one answer, 'dd/mm/yyyy' ('' when all three are empty)."""
    out: list = []
    i = 0
    while i < len(blocks):
        three = blocks[i:i + 3]
        if len(three) == 3 and all(isinstance(b, Pair) for b in three):
            if _day_month_year([_SPLIT_DATE.match(b.label) for b in three]) \
                    or _day_month_year([_SPLIT_DATE.match(b.hint.replace("_", " ")) for b in three]):
                parts = [b.value.strip() for b in three]
                if all(p.isdigit() for p in parts) or not any(parts):
                    label = _SPLIT_DATE.match(three[0].label)
                    out.append(Pair(label.group(1) if label else three[0].label, "/".join(parts) if any(parts) else "",
                                    three[0].hint, three[0].pos))
                    i += 3
                    continue
        out.append(blocks[i])
        i += 1
    return out


def section_codes(fields: list[dict]) -> set[str]:
    """The letter or two before a number that begins fields' names as a section's or question's code ('S1_ref_name',
    'S2_lead_name', 'S4_inc_date'), not a family of rows ('C1_name', 'C2_name': a part asked under two numbers or
    more): a short stem under two numbers or more that never asks the same part twice."""
    parts: dict[str, dict[str, set[str]]] = {}
    for f in fields:
        mn = _ROWNAME.match(f["name"])
        if mn and len(mn.group(1)) < 3:
            parts.setdefault(mn.group(1).lower(), {}).setdefault(mn.group(3).lower(), set()).add(mn.group(2))
    return {stem for stem, asked in parts.items()
            if len(set().union(*asked.values())) >= 2 and all(len(n) == 1 for n in asked.values())}


def acroform_blocks(fields: list[dict]) -> list:
    blocks: list = []
    yes_no: dict[str, dict] = {}
    rows: dict[str, dict[int, dict[str, str]]] = {}   # by family ('Child', 'Agency'), each a table of its own
    columns: dict[str, list[str]] = {}
    options: dict[str, dict] = {}   # checkboxes sharing a name prefix: one multiple-choice answer
    coded = section_codes(fields)
    numbered: dict[str, set] = {}   # each family's row numbers ('c1_first', 'c2_first': family 'c', rows 1 and 2; a
    # family counts from 0 or 1, a section's code - 's47_enquiry_date' - does not)
    for f in fields:
        if mf := _ROWNAME.match(f["name"]):
            numbered.setdefault(mf.group(1).lower(), set()).add(mf.group(2))
    for f in fields:
        if f.get("grid"):
            g = f["grid"]
            values = {x["name"]: _s(x["value"]).replace("\r", "\n") for x in fields if x.get("in_grid")}
            t = Table(rows=[g["header"]] + [[values.get(name, "") for name in r] for r in g["rows"]])
            t.pos = f.get("pos")
            blocks.append(t)
        if f.get("in_grid"):
            continue
        label, ftype = f["label"].strip(), f["type"]
        if ftype == "Btn":
            on = (_s(f["value"]) or _s(f["state"]) or "Off") not in ("Off", "")
            if f["flags"] & RADIO:  # radio group: the value names the chosen option, or the option printed beside it
                chosen = _s(f["value"]) or _s(f["state"])
                chosen = f.get("options", {}).get(chosen) or chosen
                blocks.append(Pair(label, chosen if on else "", f["name"], f.get("pos")))
                continue
            m = _YESNO.match(label) or _YESNO.match(f["name"].replace("_", " "))
            # the name's stem where the boxes are numbered: 'csc_1', 'csc_2' and the second child's 'csc_2_1',
            # 'csc_2_2' ask the same printed question twice
            stem = re.sub(r"[_.\-]\d+$", "", f["name"]) if re.search(r"[_.\-]\d+$", f["name"]) else ""
            if m:
                key = (m.group(1).strip(" -?") or label, stem)
                entry = yes_no.setdefault(key, {"label": m.group(1).strip(" -") or label, "hint": stem or f["name"], "yes": None,
                                                "no": None, "pos": f.get("pos")})
                entry[m.group(2).lower()] = on
                if len(entry) == 5 and entry.get("_placed") is None:
                    entry["_placed"] = True
                    blocks.append(entry)
                continue
            group_key = f.get("group") or _option_group(f["name"], label)
            group = options.get(group_key)
            if group is None:
                group = options[group_key] = {"key": group_key, "items": [], "pos": f.get("pos")}
                blocks.append(group)
            group["items"].append((label, on))
            continue
        value = _s(f["value"])
        if isinstance(resolve1(f["value"]), list):
            value = ", ".join(_s(v) for v in resolve1(f["value"]))
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        m = _ROW.match(label)
        mn = _ROWNAME.match(f["name"])
        if mn and mn.group(1).lower() in coded:
            mn = None   # 'S1_ref_name2': the section's code, no family of rows
        if m or mn:
            # the column: the label printed beside the field where its name is a code ('Child1_CLast'), or its
            # tooltip where it has one ('c1_first': "Child's forename")
            col = m.group(1) if m else label if f.get("printed") and len(mn.group(1)) >= 3 else \
                _ROW_NUMBER.sub("", label) if f.get("tu") and len(mn.group(1)) <= 2 \
                and numbered.get(mn.group(1).lower(), set()) & {"0", "1"} else mn.group(3).replace("_", " ")
            idx = int(m.group(2) if m else mn.group(2))
            family = "" if m else mn.group(1).lower()
            if family not in columns:
                columns[family] = []
                t = Table()
                t._acro = family
                blocks.append(t)
            if col not in columns[family]:
                columns[family].append(col)
            rows.setdefault(family, {}).setdefault(idx, {})[col] = value
            continue
        blocks.append(Pair(label, value.strip() if value.strip() else "", f.get("captioned") or f["name"], f.get("pos"),
                           f.get("wrapped", False)))
    out = []
    for b in blocks:
        if isinstance(b, dict) and "items" in b:
            if len(b["items"]) == 1:
                label, on = b["items"][0]
                out.append(Pair(label, CHECKED if on else UNCHECKED, b["key"], b["pos"]))
            else:
                heads = {label.rsplit(" - ", 1)[0] for label, _ in b["items"]}
                if len(heads) == 1 and all(" - " in label for label, _ in b["items"]):  # 'Gender - F', 'Gender - M'
                    head = heads.pop()
                    text = " ".join(f"{CHECKED if on else UNCHECKED} {label.rsplit(' - ', 1)[1]}"
                                    for label, on in b["items"])
                    out.append(Pair(head, text, b["key"], b["pos"]))
                    continue
                text = " ".join(f"{CHECKED if on else UNCHECKED} {label}" for label, on in b["items"])
                out.append(Pair(b["key"].replace("_", " "), text, b["key"], b["pos"]))
        elif isinstance(b, dict):
            yes = b.get("yes")
            no = b.get("no")
            text = f"{CHECKED if yes else UNCHECKED} Yes {CHECKED if no else UNCHECKED} No"
            out.append(Pair(b["label"], text, b["hint"], b["pos"]))
        elif isinstance(b, Table) and getattr(b, "_acro", None) is not None:
            family = b._acro
            b.rows = [list(columns[family])] + [[rows[family][i].get(c, "") for c in columns[family]]
                                                for i in sorted(rows[family])]
            if len(b.rows) == 2 and len(family) >= 3 and agency_columns(b.rows[0]) is None:
                # one child's fields ('Child1_Surname' …, no 'Child2_'; not 's47_enquiry', a code): its questions,
                # each beside its answer
                out.extend(Pair(label, value.strip(), f"{family}1.{label}", None) for label, value in zip(*b.rows))
                continue
            out.append(b)
        else:
            out.append(b)
    return split_dates(copies_in_order(out))


_COPY = re.compile(r"^(.+)\.(\d{1,2})$")   # 'ChildFirst.1': the second copy of a field (Acrobat's numbered copies)


def copies_in_order(blocks: list) -> list:
    """A block of fields repeated as numbered copies of one set ('ChildSurname.0', 'ChildFirst.0' … then
    'ChildSurname.1' …: a form's repeated child blocks) is stored field by field; read copy by copy, each copy's
    fields in their order, a heading printed before a copy's first field kept before it. The copies of one family
    (the names' first word: 'Child', 'Agency') are ordered apart from another's; fields that are not copies, and forms
    whose fields have no second copy, keep their order."""
    found = {}
    for i, b in enumerate(blocks):
        m = _COPY.match(b.hint or "") if isinstance(b, Pair) else None
        if m:
            found[i] = (m.group(1), int(m.group(2)))
    bases: dict[str, set] = {}
    for base, k in found.values():
        bases.setdefault(base, set()).add(k)
    families: dict[str, dict[int, int]] = {}
    for i, (base, k) in found.items():
        if len(bases[base]) >= 2:
            families.setdefault(re.match(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\w+", base).group(0).lower(), {})[i] = k
    spans = sorted((min(c), max(c), c) for c in families.values())
    if any(a[1] >= b[0] for a, b in zip(spans, spans[1:])):
        return blocks   # (two families' copies interleaved: no one order to restore)
    for first, last, copy_of in reversed(spans):
        keys, key = [], None
        for i in range(first, last + 1):
            if i in copy_of:
                key = copy_of[i]
            elif not isinstance(blocks[i], Pair):   # a heading: the copy whose field comes next
                key = copy_of[next(j for j in range(i, last + 1) if j in copy_of)]
            keys.append(key)
        span = [b for _, _, b in sorted(zip(keys, range(first, last + 1), blocks[first:last + 1]),
                                        key=lambda t: t[:2])]
        blocks = blocks[:first] + span + blocks[last + 1:]
    return blocks


GENERIC_NAME = re.compile(r"^(text|text ?field|check ?box|checkbox|field|fill|combo ?box|drop ?down|list ?box|radio|"
                          r"button|untitled|undefined)[\s_\-.]*\d*$", re.I)


_TYPE_PREFIX = re.compile(r"^(txt|dt|dte|chk|cbo|cmb|ddl|lbl|fld|tb|cb|rb|opt|lst|num|frm|sel|rad|btn)(?=[A-Z0-9_])")


def name_words(name: str) -> str:
    """A field's internal name as words: 'lead_name' -> 'lead name', 'txtChildName' -> 'Child Name'."""
    last = name.rsplit(".", 1)[-1] if "." in name and not name.endswith(".") else name
    last = _TYPE_PREFIX.sub("", last)
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_", " ", last)
    return " ".join(words.split()) or name


_DATE_PREFIX = re.compile(r"^(dt|dte|date)(?=[A-Z0-9_])")


def _name_label(name: str) -> str:
    """The label a field's name gives. A date prefix ('dtSIN') says the field holds a date: where the words
    alone name a field that is not a date ('SIN': was the Panel notified?) and 'Date SIN' names a date field
    (the day it was notified), the date field is meant."""
    words = name_words(name)
    if not _DATE_PREFIX.match(name.rsplit(".", 1)[-1]):
        return words
    for section in (None, "referrer", "lead", "child", "incident", "criteria", "panel"):
        plain, dated = match(words, section), match("date " + words, section)
        if plain and kind_of(plain.replace("person.", "referrer.")) == DATE:
            return words
        if dated and kind_of(dated.replace("person.", "referrer.")) == DATE:
            return "Date " + words
    return words


def telling(name: str) -> bool:
    """Whether a field's own name says what it holds ('lead_email', 'txtForename'), not 'Text7', 'txtRefName' or
    'RName'."""
    words = name_words(name)
    if GENERIC_NAME.match(name.rsplit(".", 1)[-1] or "") or _CODE_LETTER.search(words):
        return False   # ('RName', 'LPhone': a letter coding whose detail it is, which the name does not say)
    return any(match(words, s) for s in (None, "referrer", "lead", "child", "incident", "criteria", "panel"))


_CODE_LETTER = re.compile(r"(?:^|\s)[A-Za-z]\s+[A-Za-z]")   # (before a word: 'R Name'; not an option's 'notified y')


def _annot_name(data: dict) -> str:
    """The full field name of a widget annotation (its own /T after its parents')."""
    names, node, depth = [], data, 0
    while isinstance(node, dict) and depth < 10:
        t = node.get("T")
        if t is not None:
            names.append(_s(t))
        node = resolve1(node.get("Parent"))
        depth += 1
    return ".".join(reversed(names))


def word_gap(page) -> float:
    """How far apart two letters must be to part two words on this page. WORD_GAP, unless the page's letters are
    spaced out (tracking: every letter set a point or more from the next, as some form designers and printers set
    them); then a little more than that spacing, so that the letters of a word stay one word."""
    chars = sorted((c for c in page.chars if c.get("upright", True) and c["text"].strip()),
                   key=lambda c: (round(c["top"]), c["x0"]))
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])
            if abs(a["top"] - b["top"]) < 1 and -0.5 < b["x0"] - a["x1"] < 20]
    if len(gaps) < 40:
        return WORD_GAP
    spacing = statistics.median(gaps)
    return WORD_GAP if spacing < 1.0 else spacing + max(1.0, 0.5 * spacing)


def _on_state(widget: dict) -> str:
    """The name a check box or radio button widget is on under ('Yes', 'Choice2'); '' when it has none."""
    ap = resolve1(widget.get("AP"))
    normal = resolve1(ap.get("N")) if isinstance(ap, dict) else None
    if not isinstance(normal, dict):
        return ""
    return next((str(k) for k in normal if str(k) != "Off"), "")


def _on_line(box: dict, other: dict) -> bool:
    return abs((box["top"] + box["bottom"]) / 2 - (other["top"] + other["bottom"]) / 2) < 6


def _printed_label(lines: list[dict], box: dict, boxes: list[dict], checkbox: bool) -> tuple[str, str]:
    """(question, option) printed nearest a widget. A text field's label is the words left of it on its
    line (back to the previous widget), else the line just above it. A checkbox's option is the word(s)
    on the nearer side of it ('☐ Yes' or 'Yes ☐'); its question starts the line, before the first box."""
    mid = (box["top"] + box["bottom"]) / 2
    if box["bottom"] - box["top"] > 24:  # a box of several lines: its label stands beside its first line
        mid = box["top"] + 9
    same = [w for ln in lines if ln["top"] - 3 <= mid <= ln["bottom"] + 3 for w in ln["words"]]
    row = sorted([b for b in boxes if _on_line(b, box)], key=lambda b: b["x0"])
    before = max([b["x1"] for b in row if b["x1"] <= box["x0"] + 1 and b is not box] + [-1.0])
    after = min([b["x0"] for b in row if b["x0"] >= box["x1"] - 1 and b is not box] + [1e9])
    left = sorted([w for w in same if w["x1"] <= box["x0"] + 2 and w["x0"] >= before - 1], key=lambda w: w["x0"])
    right = sorted([w for w in same if w["x0"] >= box["x1"] - 2 and w["x1"] <= after + 1], key=lambda w: w["x0"])
    if not checkbox:
        question = " ".join(w["text"] for w in left)
        if not question:  # the label printed just above the field, over its own width
            above = [ln for ln in lines if ln["bottom"] <= box["top"] + 2 and box["top"] - ln["bottom"] < 28
                     and ln["x0"] < box["x1"] and ln["x1"] > box["x0"] - 40]
            if above:
                line = max(above, key=lambda ln: ln["bottom"])
                over = [w for w in sorted(line["words"], key=lambda w: w["x0"])
                        if box["x0"] - 6 <= w["x0"] < box["x1"] and abs(w["top"] - line["top"]) <= 3]
                question = " ".join(w["text"] for w in over) or line["text"]
        return question.strip(), ""
    gap_right = right[0]["x0"] - box["x1"] if right else 1e9
    gap_left = box["x0"] - left[-1]["x1"] if left else 1e9
    option_words = []
    if gap_right <= gap_left and right:  # '☐ Yes': the words up to the next gap wider than a space or two
        option_words = [right[0]]
        for a, b in zip(right, right[1:]):
            if b["x0"] - a["x1"] > 12:
                break
            option_words.append(b)
    elif left:  # 'Yes ☐'
        option_words = [left[-1]]
        for a, b in zip(reversed(left[:-1]), reversed(left[1:])):
            if b["x0"] - a["x1"] > 12 or len(option_words) >= 3:
                break
            option_words.insert(0, a)
    option = " ".join(w["text"] for w in option_words)
    first = row[0]["x0"]
    if row[0] is not box:  # the first box's own option word may stand before it ('Yes ☐  No ☐')
        _, first_option = _printed_label(lines, row[0], boxes, True)
        option_words = option_words + [w for w in left if w["x1"] <= first + 2 and first - w["x1"] < 15
                                       and w["text"] in first_option.split()]
    starts = sorted([w for w in same if w["x1"] <= first + 2 and w not in option_words], key=lambda w: w["x0"])
    question = " ".join(w["text"] for w in starts)
    return question.strip(), option.strip()


CAPTIONED_FIELDS = 3   # boxes on a page captioned under them and named after the words above, at least
CAPTION_GAP = 12   # points between a box's foot and the caption printed under it, at most


def _caption_under(lines: list[dict], box: dict, boxes: list[dict]) -> str:
    """The caption printed just under a text box, over its width ('Your name' under the box it names, as a form
    printing each label under its box does), where the caption is nearer this box than any box under it (over a
    column of boxes with their labels above them, the line under a box is the next box's label); nothing printed
    beside the box on its line. '' where there is none."""
    mid = (box["top"] + box["bottom"]) / 2
    if any(w["x1"] <= box["x0"] + 2 for ln in lines if ln["top"] - 3 <= mid <= ln["bottom"] + 3 for w in ln["words"]
           if box["x0"] - w["x1"] < 200):
        return ""   # a label beside it
    for ln in sorted(lines, key=lambda ln: ln["top"]):
        gap = ln["top"] - box["bottom"]
        if not -1 <= gap <= CAPTION_GAP:
            continue
        words = [w for w in ln["words"] if box["x0"] - 2 <= w["x0"] and w["x1"] <= box["x1"] + 2]
        if not words or any(b is not box and b["x0"] - 2 <= words[0]["x0"] <= b["x1"] and b["top"] - 2 <= ln["top"]
                            <= b["bottom"] for b in boxes):
            continue   # (words inside another box are its value, not a caption)
        nearer = [b for b in boxes if b is not box and b["top"] >= ln["bottom"] - 1 and b["x0"] < box["x1"]
                  and b["x1"] > box["x0"] and b["top"] - ln["bottom"] < gap]
        return "" if nearer else " ".join(w["text"] for w in words).strip()
    return ""


def _named_after_above(lines: list[dict], box: dict, boxes: list[dict]) -> bool:
    """The field's name (less Acrobat's '_2' for a repeat) is the words printed nearest above its box, as Acrobat's
    field detection names a box: the caption under the box above it, or the section's bar."""
    name = _squashed(re.sub(r"_\d+$", "", box["name"]))
    above = [ln for ln in lines if ln["bottom"] <= box["top"] + 2 and box["top"] - ln["bottom"] < 40
             and ln["x0"] < box["x1"]]
    if len(name) < 4 or not above:
        return False
    nearest = max(ln["bottom"] for ln in above)
    for line in (ln for ln in above if nearest - ln["bottom"] < 3):   # the line just above (a row of captions)
        over = " ".join(w["text"] for w in line["words"] if w["x1"] > box["x0"] - 2 and w["x0"] < box["x1"] + 2)
        if name in (_squashed(over), _squashed(line["text"])):
            return True
    return False


def _squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _stacked_question(box: dict, boxes: list[dict], lines: list[dict], done: dict) -> str:
    """A checkbox at the start of its line, under another one in the same column: the options of one
    question stacked one per line ('What type of incident is this?' then ☐ Child death / ☐ Serious harm)."""
    above = [b for b in boxes if abs(b["x0"] - box["x0"]) < 3 and 0 < box["top"] - b["top"] < 30 and b["name"] in done]
    if above:
        return done[max(above, key=lambda b: b["top"])["name"]]
    over = [ln for ln in lines if ln["bottom"] <= box["top"] + 2 and box["top"] - ln["bottom"] < 30
            and ln["x0"] < box["x1"] + 200 and ln["x1"] > box["x0"] - 40]
    return max(over, key=lambda ln: ln["bottom"])["text"] if over else ""


def _widget_grids(boxes: list[dict], by_name: dict, lines: list[dict]) -> list[dict]:
    """Text widgets laid out as a table (the same columns on two or more rows, no telling names): an
    agencies grid. Each grid: its header words per column (from the printed line just above its first
    row) and its rows of field names."""
    texts = [b for b in boxes if by_name[b["name"]]["type"] != "Btn" and not by_name[b["name"]]["tu"]]
    rows: list[list[dict]] = []
    for b in sorted(texts, key=lambda b: (round(b["top"]), b["x0"])):
        if rows and _on_line(rows[-1][0], b):
            rows[-1].append(b)
        else:
            rows.append([b])
    grids, current = [], []
    for r in rows:
        cols = [round(b["x0"]) for b in r]
        if len(r) >= 2 and current and [round(b["x0"]) for b in current[-1]] == cols and \
                r[0]["top"] - current[-1][0]["bottom"] < 30:
            current.append(r)
            continue
        if len(current) >= 2:
            grids.append(current)
        current = [r] if len(r) >= 2 else []
    if len(current) >= 2:
        grids.append(current)
    out = []
    for g in grids:
        first = g[0]
        header_lines = [ln for ln in lines if ln["bottom"] <= first[0]["top"] + 2 and first[0]["top"] - ln["bottom"] < 28]
        if not header_lines:
            continue
        words = max(header_lines, key=lambda ln: ln["bottom"])["words"]
        edges = [b["x0"] for b in first] + [1e9]
        header = [" ".join(w["text"] for w in sorted(words, key=lambda w: w["x0"])
                           if edges[i] - 8 <= (w["x0"] + w["x1"]) / 2 < edges[i + 1] - 8) for i in range(len(first))]
        if sum(1 for h in header if h) < 2:
            continue
        out.append({"header": header, "rows": [[b["name"] for b in r] for r in g], "top": first[0]["top"],
                    "columns": [round(b["x0"]) for b in first]})
    return out


def page_annots(page) -> list[dict]:
    """The page's annotations as pdfplumber gives them, leaving out any it cannot read (an annotation that pdfminer
    parses as a bare name, or whose Rect is no box, as a faulty writer leaves a radio button's inline appearance
    stream): one unreadable annotation loses only itself, not the file."""
    try:
        return page.annots or []
    except (TypeError, ValueError, KeyError, AttributeError):
        raw = resolve1(page.page_obj.annots) or []
        page.page_obj.annots = [r for r in raw if _readable_annot(resolve1(r))]
        return page.annots or []


def _readable_annot(annot) -> bool:
    box = resolve1(annot.get("Rect")) if isinstance(annot, dict) else None
    return isinstance(box, list) and len(box) == 4 and all(isinstance(resolve1(v), (int, float)) for v in box)


def place_fields(pdf, fields: list[dict]) -> list[tuple[tuple, str]]:
    """Give each field its page position, and a field with a meaningless name ('Text1', 'Check Box3') and
    no tooltip the label printed nearest its widget; text widgets laid out as a grid become one table.
    Returns the page's section headings with their positions, so that fields without a telling name are
    read in the section they sit in."""
    by_name = {f["name"]: f for f in fields}
    headings: list[tuple[tuple, str]] = []
    last_grid: dict | None = None
    for number, page in enumerate(pdf.pages[:MAX_PAGES]):
        boxes = []
        for a in page_annots(page):
            data = a.get("data") or {}
            if _s(data.get("Subtype")) != "Widget":
                continue
            name = _annot_name(data)
            if name in by_name:
                boxes.append({"name": name, "x0": float(a["x0"]), "x1": float(a["x1"]), "top": float(a["top"]),
                              "bottom": float(a["bottom"]), "state": _on_state(data)})
        if not boxes:
            page.close()
            continue
        words = page.extract_words(keep_blank_chars=False, x_tolerance=word_gap(page))
        lines = [dict(ln, bottom=max(w["bottom"] for w in ln["words"])) for ln in _words_to_lines(words)]
        generic = {b["name"] for b in boxes if not by_name[b["name"]]["tu"] and not telling(b["name"])}
        # a numbered family's row ('Agency1_Name', 'Agency1_Org', 'Agency1_Contact') is one row of the grid, its
        # telling names with the rest
        rows = {_family_row(n) for n in generic} - {None}
        gridded = generic | {b["name"] for b in boxes if not by_name[b["name"]]["tu"] and _family_row(b["name"]) in rows}
        for grid in _widget_grids([b for b in boxes if b["name"] in gridded], by_name, lines):
            first = by_name[grid["rows"][0][0]]
            if not any(grid["header"]) and last_grid and last_grid["columns"] == grid["columns"]:
                last_grid["rows"] += grid["rows"]  # the grid goes on over a page break
                continue
            first["grid"] = grid
            last_grid = grid
            for r in grid["rows"]:
                for name in r:
                    by_name[name]["in_grid"] = True
        done: dict[str, str] = {}
        for b in sorted(boxes, key=lambda b: (b["top"], b["x0"])):
            f = by_name[b["name"]]
            if "pos" not in f:
                f["pos"] = (number, b["top"], b["x0"])
            if f["type"] == "Btn" and f["flags"] & RADIO and "options" not in f:
                kids = [k for k in boxes if k["name"] == b["name"] and k["state"]]
                f["options"] = {k["state"]: _printed_label(lines, k, boxes, True)[1] for k in kids}
                if b["name"] in generic and not f.get("printed"):
                    question = _printed_label(lines, b, boxes, True)[0] or _stacked_question(b, boxes, lines, done)
                    if question:
                        f["label"], f["printed"] = question, True
                        done[b["name"]] = question
                continue
            if b["name"] not in generic or f.get("printed") or f.get("in_grid"):
                continue
            question, option = _printed_label(lines, b, boxes, f["type"] == "Btn")
            if f["type"] == "Btn" and (not question or question == option):
                question = _stacked_question(b, boxes, lines, done)
            if not (question or option):
                continue
            f["printed"] = True
            done[b["name"]] = question
            if f["type"] != "Btn":
                f["label"] = question
            elif option.lower().rstrip(".") in ("yes", "no", "y", "n"):
                f["label"] = f"{question} - {'Yes' if option.lower().startswith('y') else 'No'}"
            else:  # one option of a multiple choice: grouped under the question
                f["label"], f["group"] = option or question, question
        captioned = []   # text boxes named after the words above them (Acrobat's field detection), captioned under
        for b in boxes:
            f = by_name[b["name"]]
            if f["type"] == "Btn" or f.get("printed") or f.get("in_grid") or f["tu"] not in ("", b["name"]):
                continue
            if not _named_after_above(lines, b, boxes):
                continue
            caption = _caption_under(lines, b, boxes)
            if caption and _squashed(caption) != _squashed(re.sub(r"_\d+$", "", b["name"])):
                captioned.append((f, caption))
        if len(captioned) >= CAPTIONED_FIELDS:   # (a form laid out so, not one box that happens to be)
            for f, caption in captioned:
                # (its name, after other words, numbers nothing: 'Part C - The child_2' is not the second child's)
                f["label"], f["printed"], f["captioned"] = caption, True, caption
        # a line a captioned field was named after (Acrobat names the first box under a section's bar after the bar)
        bars = {_squashed(re.sub(r"_\d+$", "", b["name"])) for b in boxes if by_name[b["name"]].get("captioned")}
        for ln in lines:  # section headings: printed lines that hold no widget, are no option, name a section
            text = ln["text"].replace("\t", " ")
            inside = any(b["x0"] - 2 <= w["x0"] and w["x1"] <= b["x1"] + 2 and b["top"] - 2 <= w["top"] <= b["bottom"]
                         for w in ln["words"] for b in boxes)
            beside = any(_on_line(dict(top=ln["top"], bottom=ln["bottom"]), b) for b in boxes)  # a question's line
            letters = [c for c in text if c.isalpha()]
            shouting = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
            if not inside and not beside and len(text) < 100 and section_of(text) \
                    and (shouting or not match(text, None) or _squashed(text) in bars):
                headings.append(((number, ln["top"], 0.0), text))
        page.close()
    return headings


def _family_row(name: str) -> tuple[str, str] | None:
    """('agency', '2') for 'Agency2_Org': the family and number of a field named as a grid's row, else None (also for
    a code of a letter or two before the number, 's47_enquiry': a section of an Act, no family of parts)."""
    m = _ROWNAME.match(name)
    return (m.group(1).lower(), m.group(2)) if m and len(m.group(1)) >= 3 else None


def with_headings(blocks: list, headings: list[tuple[tuple, str]]) -> list:
    """Section headings put in before the first field that follows them on the page."""
    if not headings:
        return blocks
    out: list = []
    pending = sorted(headings)
    for b in blocks:
        pos = getattr(b, "pos", None)
        while pos is not None and pending and pending[0][0] <= pos:
            out.append(Para(pending.pop(0)[1], heading=True))
        out.append(b)
    return out


def typed_notes(pdf) -> list[tuple[tuple, str]]:
    """Text typed onto a fillable form outside its fields with the viewer's text tool (FreeText annotations: 'Second
    child (no room on the form):' and that child's answers, 'More agencies:'): each note's text with its page
    position. Sticky-note comments are no part of the form."""
    out = []
    for number, page in enumerate(pdf.pages[:MAX_PAGES]):
        for a in page_annots(page):
            data = a.get("data") or {}
            sub = data.get("Subtype")
            text = (a.get("contents") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
            if getattr(sub, "name", sub) == "FreeText" and text:
                out.append(((number, float(a["top"]), float(a["x0"])), text))
        page.close()
    return sorted(out)


def with_notes(blocks: list, notes: list[tuple[tuple, str]]) -> list:
    """Typed notes put in before the first field that follows them on the page; after the fields where their places
    are not known (a form whose field names tell all is read without its page) or where a note heads a part of its
    own ('Second child (no room on the form):')."""
    if not notes:
        return blocks
    read = [(pos, _note(text)) for pos, text in notes]
    headed = [paras for _, paras in read if len(paras) > 1]   # a part of its own: after the form's parts, so that
    pending = [(pos, paras) for pos, paras in read if len(paras) == 1]   # the fields after it keep their own part
    out: list = []
    for b in blocks:
        pos = getattr(b, "pos", None)
        while pos is not None and pending and pending[0][0] <= pos:
            out.extend(pending.pop(0)[1])
        out.append(b)
    return out + [p for _, paras in pending for p in paras] + [p for paras in headed for p in paras]


def _note(text: str) -> list:
    """A typed note as paragraphs: its first line a heading where it names a part of the form and asks nothing
    ('Second child (no room on the form):', 'More agencies:'), the rest its answers."""
    first, _, rest = text.partition("\n")
    head = first.strip().rstrip(":").strip()
    if rest.strip() and first.strip().endswith(":") and section_of(head):
        return [Para(head, heading=True), Para(rest.strip())]
    return [Para(text)]


_LEAD = re.compile(r"^([^:?\t]{2,90}?)([:?\t])")
_GLUED_TAB = re.compile(r"(?<=[a-z)][?:])(?=[A-Z])")
_EMAIL_HEAD = re.compile(r"[\w.+'\-]+@[\w.\-]*$")
_EMAIL_DONE = re.compile(r"[\w.+'\-]+@[\w\-]+(\.[\w\-]+)*\.[a-z]{2,}$", re.I)
_EMAIL_TAIL = re.compile(r"^[a-z0-9.\-]+[;,)]?$")
EDGE = 0.12  # page headers and footers live in the top and bottom 12 % of a page
PAGE_NUMBER = re.compile(r"\bpage\s*#(\s*(of|/)\s*#)?|^#\s*(of|/)\s*#$|^-?\s*#\s*-?$")


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_page_furniture(blocks: list, pages: int) -> list:
    """Remove running headers and footers: lines near the top or bottom edge that recur on two or
    more pages, and page numbers."""
    seen: dict[str, set[int]] = {}
    for b in blocks:
        if isinstance(b, Para) and b.y is not None and (b.y < EDGE or b.y > 1 - EDGE):
            seen.setdefault(_furniture_key(b.text), set()).add(b.page)
    furniture = {k for k, p in seen.items() if len(p) >= 2 or PAGE_NUMBER.search(k)}
    return [b for b in blocks if not (isinstance(b, Para) and b.y is not None and (b.y < EDGE or b.y > 1 - EDGE)
                                      and _furniture_key(b.text) in furniture)]


def _starts_with_label(text: str) -> bool:
    """'Date of birth: ...' starts a new paragraph even without extra spacing above it."""
    m = _LEAD.match(text)
    if not m:
        return False
    label = m.group(1) + ("?" if m.group(2) == "?" else "")
    return match(label, None) is not None or match(label, "referrer") is not None


def _join(prev: str, nxt: str) -> str:
    """Join a wrapped line to the next; an email address or a hyphenated word cut by the wrap is put
    back together."""
    last = prev.rsplit(None, 1)[-1] if prev.strip() else ""
    first = nxt.split(None, 1)[0] if nxt.strip() else ""
    if len(last) > 1 and last.endswith("-") and last[-2].isalnum() and first[:1].isalnum():
        return prev + nxt
    if _EMAIL_HEAD.search(last) and _EMAIL_TAIL.match(first) and (
            last.endswith((".", "-", "@")) or "." in first or not _EMAIL_DONE.search(last)
            or (nxt.strip() == first and re.fullmatch(r"[a-z]{1,3}", first))):  # 'a.b@nhs.ne' + 't'
        return prev + nxt
    if re.fullmatch(r"[\w+'-]+\.[\w.+'-]*", last) and re.match(r"[\w.+'-]*@[\w-]+\.", first) and "@" not in last:
        return prev + nxt  # 'adebayo.ashdo' + 'wn@nhs.net': an address cut before its @
    return prev + " " + nxt


# The last word of a UK street name ("50 Foundry Row"), which ends an address line.
STREET_ENDINGS = {
    "street", "road", "lane", "avenue", "close", "drive", "row", "crescent", "terrace", "way", "gardens", "grove",
    "place", "walk", "mews", "square", "rise", "view", "meadow", "meadows", "court", "hill", "park", "green",
    "parade", "croft", "fold", "gate", "wynd", "vale", "bank", "brow", "chase", "dene", "wharf", "yard"}
_STREET_LINE = re.compile(r"^\d+[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+)+(\w+)$")


_SENTENCE_END = re.compile(r"[.!?][\"')]?$")


def _ends_street_line(prev: str, line: str) -> bool:
    """A wrap and a typed line break look alike when the next word is long. A line that is a house number
    and a street name ('50 Foundry Row'), followed by a capitalised line, is an address whose lines were
    typed: its break is kept."""
    m = _STREET_LINE.match(prev.strip())
    return bool(m and m.group(1).lower() in STREET_ENDINGS and line[:1].isupper())


def lines_to_paragraphs(lines: list[dict], right_edge: float, wrapped_at: float | None = None) -> list[str]:
    """Group text lines into paragraphs. A paragraph ends at a vertical gap, where the next line's first
    word would have fitted on the line before (so the break was typed, not wrapped), before a line with
    a box glyph, before a line that starts with a form label, and before a line with a tab stop's gap in it
    (a wrapped line has none: it is the next row of a tab-stop table, or the next 'Label<tab>answer')."""
    if not lines:
        return []
    pitches = [b["top"] - a["top"] for a, b in zip(lines, lines[1:]) if 0 < b["top"] - a["top"] < 40]
    pitch = statistics.median(pitches) if pitches else 14.0
    paras: list[str] = [lines[0]["text"]]
    for prev, line in zip(lines, lines[1:]):
        gap = line["top"] - prev["top"]
        # (where the writing wraps short of the box, `wrapped_at`, a line that does not end a sentence is measured
        # against that: a sentence's end followed by room for the next word is a paragraph typed)
        edge = wrapped_at if wrapped_at is not None and not _SENTENCE_END.search(prev["text"]) else right_edge
        would_fit = prev["x1"] + 4 + line["first_w"] < edge
        boxed = line["text"][:1] in (CHECKED, UNCHECKED, "☑")
        restyled = line.get("font") != prev.get("font")  # a bold or larger line starts afresh: a heading
        if (gap > pitch * 1.25 or gap < 0 or would_fit or boxed or restyled or _starts_with_label(line["text"])
                or _ends_street_line(prev["text"], line["text"]) or "\t" in line["text"]):
            paras.append(line["text"])
        else:
            paras[-1] = _join(paras[-1], line["text"])
    return paras


WRAPPED = 0.85   # share of a box's width its longest line fills when the writing in it wraps
PROSE = 8        # words on a line of writing that wraps (an address's typed lines hold a few)


def wrap_edge(lines: list[dict], box: tuple) -> float | None:
    """Where the writing in a box wraps short of it, for `lines_to_paragraphs`: None (at the box's inside edge),
    or, where its longest line is a line of prose filling most of the box (the writing wraps, with a margin of the
    producer's own), the end of that line: a shorter line whose next word would not have fitted within it was
    wrapped, not ended (unless it ends a sentence: see `lines_to_paragraphs`). An address
    typed a line at a time in a narrow cell fills it too, with a few words to a line, and a list of contacts ends
    its lines in numbers or addresses: their lines stay apart."""
    inner = box[2] - 5
    if len(lines) < 2:
        return None
    widest = max(lines, key=lambda ln: ln["x1"])
    left = min(ln["x0"] for ln in lines)
    if widest["x1"] < inner and widest["x1"] - left >= WRAPPED * (inner - left) \
            and len(widest["text"].split()) >= PROSE and not any(_BOXED.search(ln["text"]) for ln in lines) \
            and not any(_LISTED.search(ln["text"]) for ln in lines[:-1]):
        return widest["x1"] + 1
    return None


# a line ending in a number or an email address: a list's entry ('CAMHS - Dr Shah - 0151 777 1234'), a line each
_LISTED = re.compile(r"(\d|@[\w.-]+\.\w+)\W*$")


_BOXED = re.compile(r"\[\s*[xX✓✔]?\s*\]|[☐☒☑]")   # options and their boxes, a line of their own each


ANSWER_GAP = 7.0   # points between a label and its answer set at a tab stop (words are set 2-4 apart)


def _answer_start(line: dict) -> int | None:
    """The index of the first word after a gap as wide as a tab's, in a line of a label and its answer."""
    ws = line["words"]
    return next((k for k in range(1, len(ws)) if ws[k]["x0"] - ws[k - 1]["x1"] >= ANSWER_GAP), None)


_LABEL_ENDS = (":", "?", "..", "…", "__")   # a label's end: its colon, its question mark, its leader dots or line
# an answer complete on its line, which a note typed under it does not go on with: a yes or no, a date
_COMPLETE = re.compile(r"^(yes|no|y|n|not known|unknown|don't know|n/?a|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
                       r"|\d{1,2}(st|nd|rd|th)? \w{3,9}\.? \d{4})\W*$", re.I)


def _labelish(text: str) -> bool:
    """Words that ask rather than answer: a question or label ('6. Have the police been', 'contacted?',
    'Email:') or a choice's boxes."""
    t = text.strip()
    return t.endswith(_LABEL_ENDS) or bool(re.match(r"\(?\d{1,2}(\.\d{1,2})?[.)]\s", t)) \
        or any(ch in t for ch in (CHECKED, UNCHECKED, "☑"))


def wrapped_labels(lines: list[dict]) -> list[dict]:
    """Labels set in a column of their own with the answers at a tab stop beside them, where a long label wraps
    under itself ('Is abuse or neglect known or<tab>Yes' over 'suspected?'): the wrapped lines are put back in
    the label, before its answer ('Is abuse or neglect known or suspected?<tab>Yes'). The answers' column is
    where three lines or more start their answers (an 'answer' that asks, '6. Have the police been' or
    'details:', is a second column of labels, not an answer); a wrapped line is one under a label that does not
    end with ':' or '?', flush with it, set close under it, with nothing in the answers' column, whose first
    word would not have fitted on the label's line before the column, and that goes on in lower case or ends as
    a label does (else it is the next label, its answer left empty: 'Lead's email<tab>x@example.org' over
    'Lead's phone'). An answer's
    later lines, set close under it in the answers' column with no label of their own (an address typed a line
    at a time), go on with it, a line each, where its label ends in ':' or '?' and the answer is not complete on its
    line (a yes, a no or a date with a note typed under it: 'Yes' over 'Autism (diagnosed 2022)')."""
    starts = {}
    for i, ln in enumerate(lines):
        k = _answer_start(ln)
        if k is not None and not _labelish(" ".join(w["text"] for w in ln["words"][k:])):
            starts[i] = k
    counts = Counter(round(lines[i]["words"][k]["x0"]) for i, k in starts.items())
    column = next((x for x, n in counts.most_common(1) if n >= 3), None)
    if column is None:
        return lines
    out: list[dict] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        k = starts.get(i)
        if k is None or abs(ln["words"][k]["x0"] - column) > 2:
            out.append(ln)
            i += 1
            continue
        label, answer = ln["words"][:k], ln["words"][k:]
        j = i + 1
        last = ln
        while j < len(lines) and j - i <= 3 and not label[-1]["text"].endswith(_LABEL_ENDS):
            nxt = lines[j]
            height = last["words"][0]["bottom"] - last["top"]
            if abs(nxt["x0"] - ln["x0"]) > 3 or nxt["x1"] > column - ANSWER_GAP / 2 \
                    or nxt["top"] - last["top"] > 1.8 * height or _font(nxt["words"]) != _font(ln["words"][:k]) \
                    or label[-1]["x1"] + 4 + nxt["first_w"] < column - ANSWER_GAP / 2 \
                    or not (nxt["text"][:1].islower() or nxt["text"][:1] == "("
                            or (nxt["text"].endswith(_LABEL_ENDS) and len(nxt["words"]) <= 2)):
                break   # (its first word would have fitted on the line above, or it starts afresh, not as a label's
                # last word or two ('Director?'): the next label, its answer empty)
            label = label + nxt["words"]
            last = nxt
            j += 1
        lines_of_answer = [answer]
        whole = _COMPLETE.match(" ".join(w["text"] for w in answer))   # 'Yes' with a note typed under it
        while j < len(lines) and len(lines_of_answer) <= 6 and label[-1]["text"].endswith(_LABEL_ENDS) and not whole:
            # an answer's later lines, under it in its column
            nxt = lines[j]
            height = last["words"][0]["bottom"] - last["top"]
            if abs(nxt["x0"] - column) > 2 or nxt["top"] - last["top"] > 1.8 * height or _labelish(nxt["text"]):
                break
            lines_of_answer.append(nxt["words"])
            last = nxt
            j += 1
        if j == i + 1:
            out.append(ln)
            i += 1
            continue
        # (an answer line's own tab stops kept: 'Pharmacy Technician<tab>Change', a check-your-answers page's link)
        text = " ".join(w["text"] for w in label) + "\t" + "\n".join(_words_to_lines(ws)[0]["text"]
                                                                  for ws in lines_of_answer)
        out.append({**ln, "text": text, "words": label + [w for ws in lines_of_answer for w in ws]})
        i = j
    return out


def _font(words: list[dict]) -> tuple | None:
    """A line's style: bold or not, and its size to the half point (None where the words carry no font)."""
    names = {w.get("fontname") for w in words}
    if None in names:
        return None
    bold = all(re.search(r"bold|heavy|black", n, re.I) for n in names)
    size = round(statistics.median(w.get("size", 0) for w in words) * 2) / 2
    return (bold, size)


def _bold_word(w: dict) -> bool | None:
    name = w.get("fontname")
    return None if name is None else bool(re.search(r"bold|heavy|black", name, re.I))


RUN_IN_LABEL_WORDS = 10


_ASKED_IN = (None, "referrer", "lead", "child", "incident", "criteria", "panel")


def names_a_field(text: str) -> bool:
    """Whether words set as a label name a field the record holds, in some part of a form ('Full name' in a person's
    part): a capital first, three letters or more ('child' inside a sentence, '(k)' are no label)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and letters[0].isupper() and any(match(text, section) for section in _ASKED_IN)


def _tabbed(a: dict, b: dict) -> bool:
    """Whether two words on a line are a tab stop apart (the gap ``_words_to_lines`` writes as a tab)."""
    char_w = (a["x1"] - a["x0"]) / max(len(a["text"]), 1)
    return b["x0"] - a["x1"] > max(4 * char_w, 14)


def run_in_fields(ws: list[dict]) -> tuple[set[int], set[int]] | None:
    """'**Your name** Alice Mendes **Job title** Health Visitor': two or more fields run in on one printed line, each a
    bold label and its answer in the text's own weight, a later field's label a space (no tab stop) after the answer
    before it. -> (the words after which a label ends with no colon of its own, so its
    look stands for one; the words that begin a later field's label, a tab before them), for labels that name a field;
    None for any other line (all one weight, plain first, a label longer than a label is)."""
    bold = [_bold_word(w) for w in ws]
    if None in bold or not bold or not bold[0] or all(bold):
        return None
    groups: list[list[int]] = []
    for k, b in enumerate(bold):
        if not groups or b != bold[groups[-1][0]]:
            groups.append([])
        groups[-1].append(k)
    labels, answers = groups[0::2], groups[1::2]
    if any(len(g) > RUN_IN_LABEL_WORDS for g in labels):
        return None
    # ('Clinic telephone ³ : 0117 …': a label's own separator printed after a note's number is the label's)
    marked = {k for k, g in enumerate(labels) if k < len(answers)
              and re.match(r"^(?:\S{1,3}\s+)?[:\-–—]", " ".join(ws[i]["text"] for i in answers[k][:2]))}
    # ('MH Martin Hussain', 'K First, some details': an avatar's bold initials before a name or a message are no label)
    named = {k for k, g in enumerate(labels) if names_a_field(" ".join(ws[i]["text"] for i in g))}
    if len(named) < 2 or not any(g[0] and k in named and not _tabbed(ws[g[0] - 1], ws[g[0]]) for k, g in enumerate(labels)):
        # (one bold label and its answer alone on a line, or fields a tab stop apart, are read as the trained reader
        # learnt them)
        return None
    colons = {g[-1] for k, g in enumerate(labels)
              if k in named and k not in marked and not ws[g[-1]]["text"].endswith((":", "?"))}
    # (a label left unanswered at the line's end: its colon too, so that it is not read as the answer before it)
    starts = {g[0] for k, g in enumerate(labels) if g[0] and k in named}
    return (colons, starts) if colons or starts else None


RUN_IN_FIELDS = 3   # fields run in through a paragraph, at least, for its lines to be read as fields


def run_in_paragraphs(lines: list[dict]) -> list[dict]:
    """A case system's compact print: each part's fields run on through one ragged paragraph - a bold label, its
    answer in the text's own weight, the next bold label - wrapping wherever the line ends ('**Report date**
    2026-01-06 **Name of person reporting** Martin Bhatt **Position (e.g. Escort Custody Officer, Duty** / **Controller)**
    Duty Controller …'). Such a paragraph (lines set one under another at one left edge, two lines or more, starting
    bold, three labels or more naming fields) becomes a line per field, 'Label:<tab>answer'; other lines are kept."""
    out: list[dict] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and abs(lines[j]["x0"] - lines[i]["x0"]) <= 3 \
                and 0 < lines[j]["top"] - lines[j - 1]["top"] <= 1.6 * _line_height(lines[j - 1]):
            j += 1
        fields = _run_in_split(lines[i:j]) if j - i >= 2 else None
        out.extend(fields or lines[i:j])
        i = j
    return out


def _line_height(line: dict) -> float:
    return max(w["bottom"] - w["top"] for w in line["words"])


def _run_in_split(para: list[dict]) -> list[dict] | None:
    ws = [w for ln in para for w in ln["words"]]
    bold = [_bold_word(w) for w in ws]
    if None in bold or not bold[0] or all(bold):
        return None
    groups: list[list[dict]] = []
    for w, b in zip(ws, bold):
        if not groups or b != _bold_word(groups[-1][0]):
            groups.append([])
        groups[-1].append(w)
    labels, answers = groups[0::2], groups[1::2] + [[]]
    starts = {id(ln["words"][0]) for ln in para}
    if sum(1 for g in labels if id(g[0]) not in starts) < 2:
        return None   # each label starts its own line: 'Label: answer' lines, not fields run on
    if sum(1 for g in labels if names_a_field(" ".join(w["text"] for w in g))) < RUN_IN_FIELDS \
            or any(len(g) > 2 * RUN_IN_LABEL_WORDS for g in labels):
        return None
    out = []
    for label, answer in zip(labels, answers):
        head = " ".join(w["text"] for w in label).rstrip()
        # ('Label:<tab>answer': a field of its own, never joined to the line before as a wrapped line is)
        text = head + ("" if head.endswith((":", "?")) else ":") + "\t" + " ".join(w["text"] for w in answer)
        words = label + answer
        out.append({"top": label[0]["top"], "x0": para[0]["x0"], "x1": max(w["x1"] for w in words), "text": text,
                    "font": _font(label), "first_w": label[0]["x1"] - label[0]["x0"], "words": words})
    return out


def _words_to_lines(words: list[dict]) -> list[dict]:
    """Cluster words into lines by their top (within 3 pt), left to right; a wide gap becomes a tab
    (Word's tab between a label and its answer)."""
    lines: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1]["top"]) <= 3:
            lines[-1]["words"].append(w)
        else:
            lines.append({"top": w["top"], "words": [w]})
    out = []
    for i, line in enumerate(lines):
        ws = sorted(line["words"], key=lambda w: w["x0"])
        for w in ws:  # a tab drawn with no width glues "taken?" to "Riley": put the tab back
            w["text"] = _GLUED_TAB.sub("\t", w["text"])
        after = lines[i + 1]["words"] if i + 1 < len(lines) else []
        wraps = bool(after) and min(w["x0"] for w in after) > ws[0]["x0"] + 5 \
            and min(w["top"] for w in after) - line["top"] < 2 * max(w["bottom"] - w["top"] for w in ws)
        # (an answer wrapping to a line of its own under it: the line is a grid's row, its columns read apart)
        colons, starts = (run_in_fields(ws) if not wraps else None) or (set(), set())
        gaps = []
        for k, (a, b) in enumerate(zip(ws, ws[1:]), 1):
            gaps.append("\t" if _tabbed(a, b) or k in starts else " ")
        # (a label's look stands for its colon only where a space, not a tab, parts it from its answer)
        text = "".join(w["text"] + (":" if k in colons and (k == len(gaps) or gaps[k] == " ") else "")
                       + (gaps[k] if k < len(gaps) else "") for k, w in enumerate(ws))
        out.append({"top": line["top"], "x0": ws[0]["x0"], "x1": ws[-1]["x1"], "text": text, "font": _font(ws),
                    "first_w": ws[0]["x1"] - ws[0]["x0"], "words": ws})
    return out


def _segments(line: dict, lefts: tuple = ()) -> list[dict]:
    """A line's runs of words between wide gaps (the gaps `_words_to_lines` writes as tabs), and before any word
    that starts at one of the `lefts` (a grid's column edges: a short answer one space from its label)."""
    out: list[list[dict]] = [[line["words"][0]]]
    for a, b in zip(line["words"], line["words"][1:]):
        char_w = (a["x1"] - a["x0"]) / max(len(a["text"]), 1)
        if b["x0"] - a["x1"] > max(4 * char_w, 14) or any(abs(b["x0"] - left) <= 6 for left in lefts):
            out.append([])
        out[-1].append(b)
    return [{"x0": ws[0]["x0"], "x1": ws[-1]["x1"], "top": line["top"], "font": _font(ws), "words": ws,
             "text": " ".join(w["text"] for w in ws), "first_w": ws[0]["x1"] - ws[0]["x0"]} for ws in out]


def _starts(segs: list[dict], share: float, apart: float, least: int = 4) -> list[float]:
    """The x positions where many runs of words start (each at least `share` of them and `least` in number),
    `apart` or more apart."""
    clusters: list[list[float]] = []
    for x in sorted(sg["x0"] for sg in segs):
        if clusters and x - clusters[-1][-1] <= 4:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    kept: list[list[float]] = []
    for c in (c for c in clusters if len(c) >= max(least, share * len(segs))):
        if kept and min(c) - min(kept[-1]) < apart:
            if len(c) > len(kept[-1]):
                kept[-1] = c
            continue
        kept.append(c)
    return [min(c) for c in kept]


def _column_of(lefts: list[float], x: float) -> int:
    return max((k for k, left in enumerate(lefts) if x >= left - 4), default=-1)


def _runs(lines: list[dict], lefts: list[float]) -> list[list[dict]]:
    """The stretches of consecutive lines none of whose runs of words crosses a column's edge."""
    def crosses(sg):
        k = _column_of(lefts, sg["x0"])
        return k < 0 or (k + 1 < len(lefts) and sg["x1"] > lefts[k + 1] - 2)
    runs: list[list[dict]] = [[]]
    for ln in lines:
        if any(crosses(sg) for sg in _segments(ln, tuple(lefts[1:]))):
            runs.append([])
        else:
            runs[-1].append(ln)
    return [run for run in runs if run]


def _grid_lefts(lines: list[dict]) -> list[float] | None:
    """'Label | answer | Label | answer' set out without ruled lines (a web form printed from the browser): the
    left edges of the four columns, told by two pairs of columns the same distance apart; or None."""
    segs = [sg for ln in lines for sg in _segments(ln)]
    lefts = _starts(segs, 0.0, 40, least=max(2, round(0.2 * len(lines))))
    for a, b, c, d in zip(lefts, lefts[1:], lefts[2:], lefts[3:]):
        if abs((b - a) - (d - c)) <= 6 and c - b >= 40:
            return [a, b, c, d]
    return None


def grid_tables(lines: list[dict]) -> list[tuple[list[dict], list[list[str]]]]:
    """The stretches of free text laid out on an unruled grid, each as (its lines, rows of cell texts).

    The page is cut into stretches at its wide lines (headings, guidance); a stretch whose runs of words start
    at the four edges of a 'label | answer | label | answer' grid, and none crosses an edge, is read as a table.
    A row ends where the gap to the next line is wider than the lines of a wrapped cell are apart."""
    if not lines:
        return []
    left, right = min(ln["x0"] for ln in lines), max(ln["x1"] for ln in lines)
    sizes = [ln["font"][1] for ln in lines if ln["font"]]
    body = statistics.mode(sizes) if sizes else 0.0
    stretches: list[list[dict]] = [[]]
    for ln in lines:
        segs = _segments(ln)
        if len(segs) == 1 and (segs[0]["x1"] - segs[0]["x0"] > 0.45 * (right - left)
                               or (segs[0]["font"] and segs[0]["font"][1] > body)):  # a heading or a sentence
            stretches.append([])
        else:
            stretches[-1].append(ln)
    out = []
    for stretch in stretches:
        lefts = _grid_lefts(stretch) if len(stretch) >= 2 else None
        if lefts is None:
            continue
        for run in _runs(stretch, lefts):
            rows = _grid_rows(run, lefts, even_rows=True)
            if sum(1 for row in rows if sum(1 for c in row if c) >= 2) >= 2:
                out.append((run, rows))
    return out


_INLINE_ANSWER = re.compile(r"^[^:]{2,40}:\s+\S")   # 'Notified by: Adebayo Strachan': a field of its own


def column_tables(lines: list[dict]) -> list[tuple[list[dict], list[list[str]]]]:
    """A column of labels with a column of answers per child or per person beside it, set out without ruled lines
    (a typeset report's table with rules over and under it only): a header line naming the columns ('Child 1  Child
    2', 'Referrer  Safeguarding lead'), its runs of words starting where two columns or more of answers start and
    none where the labels do, then a line per question, most with a label. Each as (its lines, rows of cell
    texts: the header row first, its label cell empty). A page set in newspaper columns is none: its lines
    under a 'header' are mostly empty at the left, and hold fields of their own ('Notified by: A. Strachan')."""
    if not lines:
        return []
    out = []
    i = 0
    while i < len(lines):
        segs = _segments(lines[i])
        # (the labels' edge: the line under the header's, where a heading over the table may stand further out)
        left = min(ln["x0"] for ln in lines[i:i + 2])
        if len(segs) < 2 or segs[0]["x0"] - left < 40 or any("\t" in sg["text"] for sg in segs):
            i += 1
            continue
        below = lines[i + 1:i + 40]
        cols = [sg["x0"] for sg in segs]
        # the lines under the header: a label at the left, answers starting where the header's names do
        run = [lines[i]]
        for ln in below:
            parts = _segments(ln, tuple(cols))
            if abs(parts[0]["x0"] - left) > 4 and not any(abs(parts[0]["x0"] - c) <= 6 for c in cols):
                break
            if len(parts) == 1 and section_of(parts[0]["text"]) and ln["font"] and lines[i]["font"] \
                    and ln["font"][1] >= lines[i]["font"][1] + 1:
                break   # the next section's heading (set larger), however near the labels' edge it stands
            if any(not (abs(p["x0"] - left) <= 4 or any(abs(p["x0"] - c) <= 6 for c in cols)) for p in parts) \
                    or any(k + 1 < len(cols) and p["x0"] < cols[k + 1] - 6 and p["x1"] > cols[k + 1] + 2
                           for p in parts for k in [_column_of(cols, p["x0"])] if k >= 0):
                break
            run.append(ln)
        lefts = [left] + cols
        rows = [["", *[sg["text"] for sg in segs]]]
        for ln in run[1:]:
            cells = [""] * len(lefts)
            for p in _segments(ln, tuple(cols)):
                cells[max(0, _column_of(lefts, p["x0"]))] += (" " if cells[max(0, _column_of(lefts, p["x0"]))] else "") + p["text"]
            rows.append(cells)
        body = rows[1:]
        if sum(1 for r in body if r[0] and sum(1 for c in r[1:] if c) >= 2) >= 3 \
                and sum(1 for r in body if r[0]) >= 0.6 * len(body) \
                and not any(_INLINE_ANSWER.match(c) for r in rows for c in r) \
                and all(len(c.split()) <= 4 and not c.endswith((":", "?")) for c in rows[0] if c):
            out.append((run, rows))
            i += len(run)
        else:
            i += 1
    return out


def _grid_rows(run: list[dict], lefts: list[float], even_rows: bool = False) -> list[list[str]]:
    """The lines' runs of words as rows of cells under the columns starting at ``lefts``: a row per band of lines
    (a wider gap between two lines than the narrowest parts two rows). ``even_rows``: where every gap is the same,
    each line is a row (a table whose answers none wrap), not the whole run one row."""
    gaps = [b["top"] - a["top"] for a, b in zip(run, run[1:]) if b["top"] > a["top"]]
    step = min(gaps, default=0.0)
    if even_rows and gaps and max(gaps) <= step * 1.2:
        step = 0.0
    bands: list[list[dict]] = [[run[0]]]
    for prev, ln in zip(run, run[1:]):
        if ln["top"] - prev["top"] > step * 1.2:
            bands.append([])
        bands[-1].append(ln)
    return _band_cells_rows(bands, lefts)


def _band_cells_rows(bands: list[list[dict]], lefts: list[float]) -> list[list[str]]:
    """Each band of lines a row, its runs of words put in the column each starts in."""
    rows = []
    for band in bands:
        cells: list[list[dict]] = [[] for _ in lefts]
        for ln in band:
            for sg in _segments(ln, tuple(lefts[1:])):
                cells[_column_of(lefts, sg["x0"])].append(sg)
        rows.append(["\n".join(lines_to_paragraphs(cell, (lefts[k + 1] - 4) if k + 1 < len(lefts) else 10_000))
                     if cell else "" for k, cell in enumerate(cells)])
    return rows


HEADED_COLUMNS = 3   # names a header line sets over the columns of a table printed without rules, at least
_ACTION_WORD = re.compile(r"(?i)^(change|edit|remove|delete|view|update|amend)( answer| details)?$")


def _row_bands(run: list[dict], size: float) -> list[list[dict]]:
    """A table's lines as its rows: a line set at the text's own leading under the one before (1.45 times the letters'
    height or closer) is that row's answer wrapped; where every line is, none is (a table whose rows have no padding:
    a line each)."""
    close = [b["top"] - a["top"] <= 1.45 * size for a, b in zip(run, run[1:])]
    if all(close):
        close = [False] * len(close)
    bands: list[list[dict]] = [[run[0]]]
    for near, ln in zip(close, run[1:]):
        if not near:
            bands.append([])
        bands[-1].append(ln)
    return bands


def headed_tables(lines: list[dict]) -> list[tuple[list[dict], list[list[str]]]]:
    """A table printed without rules (a web page's or a report writer's table, no borders): a header line of three
    or more short names set a tab stop apart, two or more naming a field ('Full name  Date of birth  Gender
    School', 'Agency  Name of worker  Telephone / email'), then lines whose runs of words each start where a
    header's name does, an answer wrapped over two lines kept in its cell (``_grid_rows``: a row per band of
    lines). Each as (its lines, rows: the header row first). Not a line of options ('Yes  No  Not known'), of
    'Label:' fields, or of numbers and dates."""
    out = []
    i = 0
    while i < len(lines):
        segs = _segments(lines[i])
        names = [sg["text"] for sg in segs]
        if len(segs) < HEADED_COLUMNS or any(len(t.split()) > 5 or re.search(r"\d|[:?]|\[|[☐☒☑]", t)
                                             for t in names) \
                or is_choice([t for t in names]) or sum(1 for t in names if names_a_field(t)) < 2 \
                or any(_ACTION_WORD.match(t) for t in names):
            i += 1   # (a 'check your answers' page's row: 'Home / service  Oakhurst Care Group  Change')
            continue
        lefts = [sg["x0"] for sg in segs]
        size = lines[i]["words"][0]["bottom"] - lines[i]["words"][0]["top"]
        run = [lines[i]]
        for ln in lines[i + 1:]:
            gap = ln["top"] - run[-1]["top"]
            steps = [b["top"] - a["top"] for a, b in zip(run, run[1:])]
            if gap > 3 * size or (steps and gap > 1.6 * min(steps)):
                break   # a gap wider than the table's rows are apart: the table has ended
            if ln["font"] and lines[i]["font"] and ln["font"][1] >= lines[i]["font"][1] + 1:
                break   # a heading set larger than the table's text
            parts = _segments(ln, tuple(lefts[1:]))
            if any(not any(abs(p["x0"] - left) <= 6 for left in lefts) for p in parts) \
                    or any(k + 1 < len(lefts) and p["x1"] > lefts[k + 1] - 2
                           for p in parts for k in [_column_of(lefts, p["x0"])]):
                break   # a run of words off the columns, or across one's edge: no row of this table
            run.append(ln)
        # (lines closer than a line's height are columns set apart, each at its own pace: labels stacked over their
        # answers, no table's rows)
        level = all(b["top"] - a["top"] >= 0.8 * size for a, b in zip(run, run[1:]))
        rows = _band_cells_rows(_row_bands(run, size), lefts) if len(run) > 1 and level else []
        nxt = lines[i + len(run)] if i + len(run) < len(lines) else None
        again = nxt is not None and sum(1 for sg in _segments(nxt) if names_a_field(sg["text"])
                                        and any(abs(sg["x0"] - left) <= 6 for left in lefts)) >= 2
        again = again or (i > 0 and sum(1 for sg in _segments(lines[i - 1])
                                        if any(abs(sg["x0"] - left) <= 6 for left in lefts)) >= 2)
        # (questions over their answers in newspaper columns: one 'row' under the 'header', more lines at the same
        # edges before it or another line of labels after it)
        if sum(1 for r in rows[1:] if sum(1 for c in r if c.strip()) >= 2) >= 1 \
                and all(r[0].strip() or sum(1 for c in r if c.strip()) >= 2 for r in rows) \
                and not (again and len(rows) == 2):
            out.append((run, rows))
            i += len(run)
        else:
            i += 1
    return out


_NOT_STACKED = re.compile(r"\[ ?\]|[☐☒☑]|__|^[^:\t]{2,40}:(\s|$)")  # options, blanks to write on, 'Label:' lines


STACK_INSET = 8   # points an answer may start to the right of its label above it


def stacked_pairs(lines: list[dict]) -> list[tuple[list[dict], list[list[str]]]]:
    """Small labels printed over their answers, two or more to a line (a field app's or a web page's print): each
    stretch as (its lines, label | answer rows).

    A line of labels is a line of two or more runs of words, all in one size, one to three points smaller than the
    plain line under it. Every run of the answers' line starts under a label (under a bold label, a few points in
    from it: typed inside a drawn field) and ends before the next label starts (an answer that runs on under the
    next label leaves the whole stretch as it was). Further lines in the answers' size belong to the answers only
    where they carry on an answer: a line wrapped from a full one above it, or a short line (an address's next line)
    under a short one; any other line ends the answers. Where two or more answer lines fill two or more columns, or
    three or more labels name an agencies table's columns, the labels head a table's rows (set out without rules)
    and are left as they are."""
    out = []
    i = 0
    while i + 1 < len(lines):
        head, first = lines[i], lines[i + 1]
        segs = _segments(head)
        sizes = [w.get("size", 0) for w in head["words"]]
        if (len(segs) < 2 or head["font"] is None or first["font"] is None or first["font"][0]
                or not 1 <= first["font"][1] - head["font"][1] <= 3 or max(sizes) - min(sizes) > 0.5
                or any(len(sg["text"]) > 60 for sg in segs)):
            i += 1
            continue
        lefts = [sg["x0"] for sg in segs]
        rights = [left - 2 for left in lefts[1:]] + [max(ln["x1"] for ln in lines) + 1]
        # plain labels: each answer starts under its label; bold ones only over answers typed a few points in (inside
        # a drawn field), as bold labels over answers flush under them are a page's columns of questions
        low, high = (2, STACK_INSET) if head["font"][0] else (-4, 4)

        def placed(ln):  # {column: run of words} where every run sits under a label, inside its column; else None
            cols = {}
            for sg in _segments(ln):
                k = next((k for k, left in enumerate(lefts) if low <= sg["x0"] - left <= high), None)
                if k is None or sg["x1"] > rights[k] or k in cols:
                    return None
                cols[k] = sg
            return cols
        if placed(first) is None or first["top"] - head["top"] > 2.5 * first["font"][1] \
                or any(_NOT_STACKED.search(ln["text"]) for ln in (head, first)):
            i += 1
            continue
        body = [placed(first)]
        while i + 1 + len(body) < len(lines):
            ln = lines[i + 1 + len(body)]
            cols = placed(ln) if ln["font"] == first["font"] \
                and ln["top"] - lines[i + len(body)]["top"] <= 1.6 * first["font"][1] else None
            if not cols or not all(_carries_on(body, k, sg, rights[k] - lefts[k]) for k, sg in cols.items()):
                break
            body.append(cols)
        if head["font"][0] and _flush_under(lines, i + 1 + len(body), lefts, first):
            i += 1
            continue   # an indented first line with the paragraph going on flush under the label: not a field's text
        i += 1 + len(body)
        if sum(1 for cols in body if len(cols) >= 2) >= 2 or (len(segs) >= 3 and agency_columns([sg["text"] for sg in segs])):
            continue
        answers = ["\n".join(cols[k]["text"] for cols in body if k in cols) for k in range(len(lefts))]
        out.append(([head] + lines[i - len(body):i], [[sg["text"], answer] for sg, answer in zip(segs, answers)]))
    return out


def _flush_under(lines: list[dict], k: int, lefts: list[float], first: dict) -> bool:
    """The line after a stretch's answers, in their type and close under them, starting flush under a label: the
    answers were paragraphs' indented first lines, not text typed inside fields."""
    if k >= len(lines) or lines[k]["font"] != first["font"] \
            or lines[k]["top"] - lines[k - 1]["top"] > 1.6 * first["font"][1]:
        return False
    return any(abs(sg["x0"] - left) < 2 for sg in _segments(lines[k]) for left in lefts)


def _carries_on(body: list[dict], k: int, seg: dict, width: float) -> bool:
    """Whether a run of words under label k carries on that label's answer from the lines above: the answer's last
    line was nearly full (the words wrapped), or both are short lines of a few words (an address)."""
    above = next((cols[k] for cols in reversed(body) if k in cols), None)
    if above is None:
        return False
    wrapped = above["x1"] - above["x0"] >= 0.8 * width
    short = len(above["text"].split()) <= 5 and len(seg["text"].split()) <= 5 and not seg["text"].endswith(".")
    return wrapped or short


def newspaper_columns(lines: list[dict]) -> tuple[float, float, list[float]] | None:
    """Free text set in newspaper columns (each column a run of questions, each with its answer under it):
    (top, bottom, left edge of each column) of the part of the page so set, or None.

    Columns are told from a form whose labels and answers merely sit side by side ('Name<tab>Jo Bloggs') by
    what each column holds: in newspaper columns every column has both bold lines (its questions) and plain
    ones (their answers); beside each other, the labels' column is all bold and the answers' all plain. A page
    without bold type is never split."""
    segs = [sg for ln in lines for sg in _segments(ln)]
    if len(segs) < 12 or any(sg["font"] is None for sg in segs):
        return None
    lefts = _starts(segs, 0.06, 60)
    if len(lefts) < 2:
        return None
    best = max(_runs(lines, lefts), default=[],
               key=lambda run: sum(1 for ln in run for sg in _segments(ln) if _column_of(lefts, sg["x0"]) >= 1))
    if not best:
        return None
    # the columns end at the last line with words beyond the first column (lines after it, in the first column
    # alone, are the page going on at full width), and start at the first such line
    wide = [i for i, ln in enumerate(best) if any(_column_of(lefts, sg["x0"]) >= 1 for sg in _segments(ln))]
    best = best[wide[0]:wide[-1] + 1]
    cols: dict[int, list[dict]] = {}
    for sg in (sg for ln in best for sg in _segments(ln)):
        cols.setdefault(_column_of(lefts, sg["x0"]), []).append(sg)
    if len(cols) != len(lefts):
        return None
    for members in cols.values():
        bold = sum(1 for sg in members if sg["font"][0])
        if len(members) < 4 or bold < 2 or len(members) - bold < 2:
            return None
    return best[0]["top"], best[-1]["top"], lefts


def _strokes(page) -> list[tuple[float, float, float]]:
    """Thin horizontal strokes on a page as (y, x0, x1): ruled lines, underlines, strike-throughs."""
    out = []
    for obj in list(page.lines) + list(page.rects):
        top, bottom = obj.get("top", 0.0), obj.get("bottom", 0.0)
        if bottom - top <= 1.5 and obj.get("x1", 0.0) - obj.get("x0", 0.0) >= 3:
            out.append(((top + bottom) / 2, obj["x0"], obj["x1"]))
    return out


_HOLLOW_DINGBATS = set("opqr")  # ZapfDingbats' empty squares; every other of its glyphs is a mark (✔ ✘ ■ ●)


def dingbats(words: list[dict]) -> list[dict]:
    """Marks set in ZapfDingbats (what a flattened fillable form's check boxes print: 'n' is ■, '4' is ✔) or in
    Wingdings as the ticked and empty boxes they are, so that 'YES ■ NO' is not read as the letter n."""
    for w in words:
        font = str(w.get("fontname", "")).lower()
        if "dingbat" in font and w["text"].strip():
            w["text"] = "".join(UNCHECKED if ch in _HOLLOW_DINGBATS else CHECKED for ch in w["text"] if not ch.isspace())
        elif "wingding" in font:  # the font's own bytes where no Unicode map says what they show ('þ' is ☒)
            w["text"] = "".join(CHECKED if ord(ch) in SYMBOL_CHECKED else UNCHECKED if ord(ch) in SYMBOL_UNCHECKED
                                else ch for ch in symbol_boxes(w["text"]))
        else:
            w["text"] = symbol_boxes(w["text"])
    return words


_MARK_WORDS = set("xX✓✔✗✘") | {CHECKED, "☑", "■", "●"}


def _inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return outer["x0"] - slack <= inner["x0"] and inner["x1"] <= outer["x1"] + slack \
        and outer["top"] - slack <= inner["top"] and inner["bottom"] <= outer["bottom"] + slack


def _inked(shape: dict) -> bool:
    """Filled with a colour darker than paper."""
    if not shape.get("fill"):
        return False
    colour = shape.get("non_stroking_color")
    values = [v for v in colour if isinstance(v, (int, float))] if isinstance(colour, (list, tuple)) else \
        [colour] if isinstance(colour, (int, float)) else []
    if len(values) == 4:  # CMYK: ink is the amount of colour
        return max(values) > 0.3
    return not values or min(values) < 0.7


def _filled_ovals(shapes: list, words: list[dict]) -> list[dict]:
    """Ovals of a data-capture form (wider than tall: no box of ``drawn_marks``), one before each option, the
    chosen ones filled in: the ovals of one question, alike in size, in a row or one under another, some filled and
    some not, as the marks they are. A row of filled ovals alone is decoration and stays as it is."""
    ovals = [s for s in shapes if 4 <= s["height"] <= 16 and 1.4 < s["width"] / s["height"] <= 2.2
             and any(0 <= w["x0"] - s["x1"] <= 12 and abs((w["top"] + w["bottom"]) / 2 - (s["top"] + s["bottom"]) / 2) <= 4
                     for w in words)]

    def alike(a, b):
        return abs(a["width"] - b["width"]) <= 1 and abs(a["height"] - b["height"]) <= 1 and (
            abs(a["top"] - b["top"]) <= 1 or (abs(a["x0"] - b["x0"]) <= 1 and abs(a["top"] - b["top"]) <= 3 * a["height"]))

    groups: list[list] = []
    for s in sorted(ovals, key=lambda o: (o["top"], o["x0"])):
        group = next((g for g in groups if any(alike(s, o) for o in g)), None)
        (group.append(s) if group is not None else groups.append([s]))
    out = []
    for g in groups:
        filled = [_inked(s) for s in g]
        if len(g) < 2 or all(filled) or not any(filled):
            continue
        out += [{"text": CHECKED if f else UNCHECKED, "x0": s["x0"], "x1": s["x1"],
                 "top": s["bottom"] - max(s["height"], 6.0), "bottom": s["bottom"], "fontname": "", "size": 0,
                 "upright": True} for s, f in zip(g, filled)]
    return out


def drawn_marks(page, words: list[dict]) -> list[dict]:
    """Tick boxes and radio buttons drawn as shapes, and options ringed on the page, as the marks they are.

    A small square or circle standing alone (not one of a row of touching boxes, which is a comb field, and not
    filled in ink, which is a bullet) is a box: ticked when a smaller filled shape (a radio button's dot) or a mark
    ('X', '✓') sits inside it, else empty; a mark word inside it is taken into it. A ring drawn round an option of a
    few words on one line ('Yes  (No)  Not known', the answer circled) ticks it (`_ringed`).
    Returns the words with each box as a word of its own, where it stands."""
    shapes = [s for s in list(page.curves) + list(page.rects) if s.get("width") is not None]
    small = [s for s in shapes if 3.5 <= s["width"] <= 16 and 3.5 <= s["height"] <= 16
             and 0.7 <= s["width"] / s["height"] <= 1.4]
    if not small and not page.curves:
        return words

    def comb(s):
        return any(o is not s and abs(o["top"] - s["top"]) < 1 and abs(o["height"] - s["height"]) < 1
                   and (abs(o["x0"] - s["x1"]) < 2 or abs(s["x0"] - o["x1"]) < 2) for o in small)

    # a shape filled in ink on its own is a bullet or a blot, not a box
    outers = [s for s in small if not any(o is not s and _inside(s, o) for o in small) and not comb(s)
              and not _inked(s)]
    consumed: set[int] = set()
    out = []
    stamps = _tick_stamps(page) if outers else []
    for s in outers:
        # a mark is set in type larger than its box: it is held when its middle is inside
        held = [w for w in words if s["x0"] <= (w["x0"] + w["x1"]) / 2 <= s["x1"]
                and s["top"] <= (w["top"] + w["bottom"]) / 2 <= s["bottom"]]
        if any(w["text"] not in _MARK_WORDS for w in held):
            continue  # a box with writing in it is a cell, not a tick box
        dot = any(o is not s and _inked(o) and _inside(o, s) for o in shapes) or _stamped(s, stamps)
        consumed.update(id(w) for w in held)
        # no size of its own: the page's body size and headings are the words' business
        out.append({"text": CHECKED if dot or held else UNCHECKED, "x0": s["x0"], "x1": s["x1"],
                    "top": s["bottom"] - max(s["height"], 6.0), "bottom": s["bottom"], "fontname": "", "size": 0,
                    "upright": True})
    out += _filled_ovals(shapes, words)
    outlined = [c for c in page.curves if not c.get("fill") and 8 <= c["height"] <= 30]
    buttons = [c for c in page.curves if _labelled(c, words)]
    for ring in outlined:
        if ring in buttons and _chip(ring, buttons):
            continue
        held = sorted([w for w in words if _inside(w, ring, 1)], key=lambda w: w["x0"])
        if held and len(held) <= 4 and ring["width"] <= held[-1]["x1"] - held[0]["x0"] + 40 \
                and max(w["bottom"] for w in held) - min(w["top"] for w in held) < ring["height"]:
            out += _ringed(held[0], words)
    return [w for w in words if id(w) not in consumed] + out


# the stamps a PDF viewer offers with words on them (the PDF standard's /Name values): never a tick
_WORD_STAMPS = {"approved", "experimental", "notapproved", "asis", "expired", "notforpublicrelease", "confidential",
                "final", "sold", "departmental", "forcomment", "topsecret", "draft", "forpublicrelease"}


def _tick_stamps(page) -> list[tuple[float, float, float, float]]:
    """Where small stamps sit on the page (Acrobat's Stamp annotations no larger than a tick box's surround and about
    as tall as wide: a custom 'tick' stamp put over a box, not a word such as 'Approved'), shown (not hidden)."""
    out = []
    for a in page_annots(page):
        data = a.get("data") or {}
        sub = data.get("Subtype")
        name = _s(data.get("Name") or "").lstrip("/").casefold()
        if getattr(sub, "name", sub) == "Stamp" and a.get("x1") is not None and not _flags(data.get("F")) & HIDDEN_ANNOT \
                and name not in _WORD_STAMPS and 0 < a["x1"] - a["x0"] <= 30 and 0 < a["bottom"] - a["top"] <= 30 \
                and 0.75 <= (a["x1"] - a["x0"]) / (a["bottom"] - a["top"]) <= 1.33:   # (a word stamp is wide)
            out.append((a["x0"], a["top"], a["x1"], a["bottom"]))
    return out


def _stamped(box: dict, stamps: list[tuple[float, float, float, float]]) -> bool:
    """A box whose middle a small stamp covers: ticked with the stamp."""
    x, y = (box["x0"] + box["x1"]) / 2, (box["top"] + box["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in stamps)


CHIP_GAP = 20   # points between two drawn options of one choice, set side by side as buttons


def _labelled(shape: dict, words: list[dict]) -> bool:
    """An outline round a word or few, fitting them closely: a drawn button's label, not an answer box (wide and
    mostly empty, or holding a sentence)."""
    held = [w for w in words if _inside(w, shape, 1)]
    return 0 < len(held) <= 4 and shape["width"] <= max(w["x1"] for w in held) - min(w["x0"] for w in held) + 40


def _beside(ring: dict, curves: list[dict]) -> bool:
    """Another outline of the same height on the same line, a few points to either side."""
    return any(o is not ring and abs(o["top"] - ring["top"]) <= 3 and abs(o["height"] - ring["height"]) <= 3
               and (0 <= o["x0"] - ring["x1"] <= CHIP_GAP or 0 <= ring["x0"] - o["x1"] <= CHIP_GAP) for o in curves)


def _chip(ring: dict, curves: list[dict]) -> bool:
    """One of a row of drawn buttons ('Yes' 'No' 'Not sure', each in its own outline, the chosen one filled): an
    outline with another of its height beside it on its line, a few points away, is a button, not a ring drawn
    round the answer; so is one wrapped onto the next line under such a row. `curves`: the outlines round a few
    words (``_labelled``), so an answer box drawn beside a ringed option makes no button of it."""
    if _beside(ring, curves):
        return True
    return any(o is not ring and abs(o["height"] - ring["height"]) <= 1 and abs(o["x0"] - ring["x0"]) <= 2
               and 0 <= ring["top"] - o["bottom"] <= CHIP_GAP and _beside(o, curves) for o in curves)


def _ringed(chosen: dict, words: list[dict]) -> list[dict]:
    """Boxes before the options of a line on which one was ringed: ☒ before the ringed one, ☐ before the others.
    The options are the words either side of it set a little apart (more than a space, less than a column's gap);
    words closer than that are one option ('Not known')."""
    mid = (chosen["top"] + chosen["bottom"]) / 2
    line = sorted([w for w in words if abs((w["top"] + w["bottom"]) / 2 - mid) < 4], key=lambda w: w["x0"])
    at = next(k for k, w in enumerate(line) if w is chosen)
    lo = hi = at
    while lo > 0 and line[lo]["x0"] - line[lo - 1]["x1"] <= 35:
        lo -= 1
    while hi + 1 < len(line) and line[hi + 1]["x0"] - line[hi]["x1"] <= 35:
        hi += 1
    group = line[lo:hi + 1]
    options: list[list[dict]] = []
    for k, w in enumerate(group):
        if k == 0 or w["x0"] - group[k - 1]["x1"] > 6:
            options.append([])
        options[-1].append(w)
    # a run of many words, or one ending as a question or label does, is the question, not an option
    options = [o for o in options if any(w is chosen for w in o) or
               (len(o) <= 4 and not o[-1]["text"].endswith(("?", ":", ")")))]
    return [{**o[0], "text": CHECKED if any(w is chosen for w in o) else UNCHECKED, "x0": o[0]["x0"] - 8,
             "x1": o[0]["x0"] - 2} for o in options]


def unstruck(page, words: list[dict]) -> list[dict]:
    """The words not struck through: a stroke across a word's middle, covering most of it, deletes it
    ('Yes / N̶o̶' with the rejected option struck out by hand or by the form's author). Underlines sit at a
    word's foot and table rules between words, so neither deletes anything."""
    strokes = _strokes(page)
    if not strokes:
        return words
    kept = []
    for w in words:
        h = w["bottom"] - w["top"]
        lo, hi = w["top"] + 0.3 * h, w["bottom"] - 0.25 * h
        width = max(w["x1"] - w["x0"], 0.1)
        struck = any(lo <= y <= hi and (min(x1, w["x1"]) - max(x0, w["x0"])) >= 0.7 * width for y, x0, x1 in strokes)
        if not struck:
            kept.append(w)
    return kept


# the words of a choice's options ('Yes No Unsure', 'Female Male Other'): where one is highlighted, the others are not
_OPTION_WORDS = {"yes", "no", "unsure", "not", "known", "unknown", "don't", "know", "n/a", "male", "female", "other",
                 "boy", "girl", "y", "n", "non-binary", "sure"}


def _highlights(page) -> list[tuple[float, float, float, float]]:
    out = []
    for a in page_annots(page):
        sub = (a.get("data") or {}).get("Subtype")
        if getattr(sub, "name", sub) == "Highlight" and a.get("x1") is not None:
            out.append((a["x0"], a["top"], a["x1"], a["bottom"]))
    return out


def _options_zone(line: list[dict], first: dict) -> list[dict]:
    """The words of a line from where its options start: after the widest gap before the first chosen word (the gap
    between the question and its options), so a question's own words ('Girl / boy / other') are never options."""
    k = next(i for i, w in enumerate(line) if w is first)
    if k == 0:
        return line
    gap, start = max((line[i + 1]["x0"] - line[i]["x1"], i + 1) for i in range(k))
    return line[start:]


def unhighlighted(marks: list[tuple[float, float, float, float]], words: list[dict]) -> list[dict]:
    """The options marked with a highlighter (a PDF editor's Highlight annotation over the chosen option, all the
    options printed: 'Police involved? Yes No Unsure' with 'Yes' highlighted): the options not highlighted are left
    out, as a struck-out option is (``unstruck``), so the chosen one stands alone after its question. On the
    highlighted word's line, the other option words; where the highlighted line is an incident type of a column of
    them, one under another, the other types' lines. ``marks``: the highlights' boxes (``_highlights``)."""
    if not marks:
        return words

    def inside(w, m) -> bool:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return m[0] - 1 <= cx <= m[2] + 1 and m[1] - 2 <= cy <= m[3] + 2

    chosen = {id(w) for w in words for m in marks if inside(w, m)}
    if not chosen:
        return words
    drop: set[int] = set()
    for m in marks:
        hit = [w for w in words if id(w) in chosen and inside(w, m)]
        if not hit:
            continue
        top, x0 = hit[0]["top"], min(w["x0"] for w in hit)
        line = sorted((w for w in words if abs(w["top"] - top) < 3), key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in hit)
        zone = _options_zone(line, hit[0])
        words_only = all(w["text"].lower() in _OPTION_WORDS for w in hit)
        prose = (words_only and len(zone) > 8) or any(re.search(r"[,.;:!?–-]$|^[-–]$", w["text"]) for w in zone)
        if prose:
            continue   # 'Yes - the brother is with his grandmother, No contact ...': a highlighted word of an answer
        if words_only:
            drop |= {id(w) for w in zone if id(w) not in chosen and w["text"].lower() in _OPTION_WORDS}
        elif incident_type(text) is not None:
            drop |= {id(w) for w in zone if id(w) not in chosen}   # 'Death of a child  Serious harm  Other'
            # and the other types printed under or over it, one to a line
            height = hit[0]["bottom"] - hit[0]["top"]
            lines: dict[float, list] = {}
            for w in words:
                lines.setdefault(round(w["top"], 1), []).append(w)
            for y, ws in lines.items():
                ws = [w for w in ws if w["x0"] >= x0 - 2]   # (the question may stand to the left of the first option)
                near = ws and abs(min(w["x0"] for w in ws) - x0) <= 2 and abs(y - top) <= 8 * height
                if near and not any(id(w) in chosen for w in ws) \
                        and incident_type(" ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"]))) is not None:
                    drop |= {id(w) for w in ws}
    return [w for w in words if id(w) not in drop]


PANE = 0.4


def _free_boxes(page, tables) -> list[tuple[float, float, float, float]]:
    """Drawn boxes that no ruled table holds: rectangles big enough to write in (not tick boxes, not rules),
    without the frames drawn round other boxes, and no taller than PANE of the page: a panel down the page (a
    helpdesk print's sidebar of ticket fields) holds many questions, not a label and its answer."""
    taken = [t.bbox for t in tables]
    boxes = []
    for r in page.rects:
        b = (r["x0"], r["top"], r["x1"], r["bottom"])
        if b[2] - b[0] < 40 or b[3] - b[1] < 12 or b[3] - b[1] > PANE * float(page.height):
            continue
        if any(t[0] - 2 <= b[0] and b[2] <= t[2] + 2 and t[1] - 2 <= b[1] and b[3] <= t[3] + 2 for t in taken):
            continue
        boxes.append(b)
    inner = lambda a, b: a is not b and b[0] - 1 <= a[0] and a[2] <= b[2] + 1 and b[1] - 1 <= a[1] and a[3] <= b[3] + 1
    return sorted({b for b in boxes if not any(inner(o, b) for o in boxes)}, key=lambda b: (round(b[1]), b[0]))


def box_tables(boxes: list[tuple], words: list[dict]) -> tuple[list[tuple[float, list[list[str]]]], set[int]]:
    """Boxes drawn apart from one another, each holding its label and its answer ('Email' over the address, two
    boxes to a row): read as a table whose cells are the boxes, a row per line of boxes. -> ([(top, rows)],
    ids of the words the boxes took)."""
    if len(boxes) < 2:
        return [], set()
    bucket: dict[tuple, list] = {b: [] for b in boxes}
    taken = set()
    for w in words:
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        b = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
        if b is not None:
            bucket[b].append(w)
            taken.add(id(w))
    rows: list[list[tuple]] = []
    for b in boxes:
        if rows and abs(rows[-1][0][1] - b[1]) <= 3:
            rows[-1].append(b)
        else:
            rows.append([b])
    # a box alone on its line with words printed level with it to its left ('Designation [ answer ]', labels set
    # right-aligned against a column of boxes): those words are the row's first cell
    beside: dict[tuple, list] = {}
    for row in rows:
        if len(row) != 1:
            continue
        b = row[0]
        strip = [w for w in words if id(w) not in taken and w["x1"] <= b[0] + 1]
        left = [w for w in strip if b[1] - 1 <= (w["top"] + w["bottom"]) / 2 <= b[3] + 1]
        if left:
            beside[b] = left + _wrapped(left, strip, boxes)
            taken.update(id(w) for w in beside[b])
    beside.update(_labels_between(rows, boxes, words, taken))
    labels_above = _labels_above(rows, bucket, words, taken)
    loose = [(w["top"] + w["bottom"]) / 2 for w in words if id(w) not in taken]
    runs: list[list[list[tuple]]] = []
    for row in rows:  # boxes stacked with small gaps between them are one table; a wide gap, or a line printed
        # between the rows (a heading, or text), starts another
        if runs:
            above = max(b[3] for b in runs[-1][-1])
            top = min(b[1] for b in row)
            if top - above <= 14 + (12 if id(row) in labels_above else 0) \
                    and not any(above - 1 <= y <= top + 1 for y in loose):
                runs[-1].append(row)
                continue
        runs.append([row])
    out = []
    for run in runs:
        table = []
        for row in run:
            if id(row) in labels_above:
                table.append(labels_above[id(row)])
            cells = [" ".join(ln["text"] for ln in _words_to_lines(beside[row[0]]))] if row[0] in beside else []
            for k, b in enumerate(sorted(row, key=lambda b: b[0])):
                if k and b in beside:
                    cells.append(" ".join(ln["text"] for ln in _words_to_lines(beside[b])))
                lines = _words_to_lines(bucket[b])
                cells.append("\n".join(lines_to_paragraphs(lines, max([b[2] - 5] + [ln["x1"] for ln in lines]),
                                                        wrap_edge(lines, b))))
            table.append(cells)
        out.append((run[0][0][1] - (12 if id(run[0]) in labels_above else 0), table))
    return out, taken


def _labels_between(rows: list[list[tuple]], boxes: list[tuple], words: list[dict], taken: set[int]) -> dict:
    """Two or more boxes to a line, each with its label printed to its left, between it and the box before it
    ('Telephone: [ answer ]   Date of referral: [ answer ]', a database's or a web form's print): box -> the
    label's words. A label too long for its column wraps under its first line ('Enforcement agent /' over
    'caseworker:'): the lines set close under it, flush with it, down to the next line of boxes, are its own.
    The words used are added to `taken`."""
    out: dict[tuple, list] = {}
    for row in rows:
        if len(row) < 2:
            continue
        row = sorted(row, key=lambda b: b[0])
        for k, b in enumerate(row):
            start = row[k - 1][2] - 1 if k else float("-inf")
            strip = [w for w in words if id(w) not in taken and start <= w["x0"] and w["x1"] <= b[0] + 1]
            level = [w for w in strip if b[1] - 1 <= (w["top"] + w["bottom"]) / 2 <= b[3] + 1]
            if all(w["text"] in (CHECKED, UNCHECKED) for w in level):
                continue   # nothing, or a tick box's mark drawn on the box's edge: no label
            out[b] = level + _wrapped(level, strip, boxes)
            taken.update(id(w) for w in out[b])
    return out


def _wrapped(level: list[dict], strip: list[dict], boxes: list[tuple]) -> list[dict]:
    """The lines of a label beside a box that wrap under its first line ('Enforcement agent /' over 'caseworker:'):
    set close under it and flush with it, and level with no box (the next line of boxes has labels of its own).
    Nothing where the words level with the box are more than one line."""
    label = _words_to_lines(level)
    if len(label) != 1:
        return []
    first = last = label[0]
    out: list[dict] = []
    for ln in _words_to_lines([w for w in strip if w["top"] > first["top"] + 1 and w not in level]):
        height = last["words"][0]["bottom"] - last["top"]
        if ln["top"] - last["top"] > 1.6 * height or abs(ln["x0"] - first["x0"]) > 3 or len(out) > 40 \
                or any(o[1] - 1 <= (ln["top"] + ln["words"][0]["bottom"]) / 2 <= o[3] + 1 for o in boxes):
            break
        out += ln["words"]
        last = ln
    return out


def _labels_over(cells: list[tuple], inside: list[dict], words: list[dict], taken: set[int],
                 sizes: list[float]) -> list[str] | None:
    """Small labels printed just above a row of boxes or a table's first row, each over its own cell
    ('OFFICER (RANK AND NAME)' over the first box, 'ROLE' over the third): the row of label cells, one per cell
    ('' where none), or None. Only short words no larger than the cells' own text are taken, so a heading or
    a paragraph printed over the boxes stays where it is; the words used are added to `taken`."""
    top = min(c[1] for c in cells)
    if inside and all(re.search(r"bold|heavy|black", w.get("fontname") or "", re.I) for w in inside):
        return None   # a heading bar: the line above it is no label of its
    # labels are set smaller than the answers under them (or than the page's text, over empty boxes)
    limit = max((w.get("size", 0) for w in inside), default=None)
    limit = limit - 0.5 if limit is not None else (statistics.median(sizes) if sizes else 10.0) + 0.25
    near = [w for w in words if id(w) not in taken and top - 14 <= w["bottom"] <= top + 1
            and cells[0][0] - 2 <= (w["x0"] + w["x1"]) / 2 <= cells[-1][2] + 2]
    if not near or any(w.get("size", 0) > limit for w in near):
        return None
    row, used = [], []
    for c in cells:
        ws = [w for w in near if c[0] - 2 <= (w["x0"] + w["x1"]) / 2 <= c[2] + 2]
        row.append(" ".join(ln["text"].replace("\t", " ") for ln in _words_to_lines(ws)))
        used += ws
    if any(len(t.split()) > 8 for t in row) or len(used) != len(near):
        return None
    if all(re.fullmatch(r"\([^()]*\)", t.strip()) for t in row if t.strip()):
        return None   # '(Yes / No / Don't know)' over the box: the question's hint, no label of the box's own
    taken.update(id(w) for w in used)
    return row


def _labels_above(rows: list[list[tuple]], bucket: dict, words: list[dict], taken: set[int]) -> dict[int, list[str]]:
    """The labels printed over each row of boxes (see `_labels_over`): id(row) -> label cells."""
    sizes = [w.get("size", 0) for ws in bucket.values() for w in ws]
    out: dict[int, list[str]] = {}
    for row in rows:
        cells = sorted(row, key=lambda b: b[0])
        labels = _labels_over(cells, [w for b in cells for w in bucket[b]], words, taken, sizes)
        if labels is not None:
            out[id(row)] = labels
    return out


_DA_SIZE = re.compile(rb"([\d.]+)\s+Tf")


def typed_on(page) -> list[dict]:
    """Text typed onto a flat PDF as FreeText annotations (Acrobat's Fill & Sign, Preview's text tool): the answers
    are in the annotations, not in the page. Each annotation's lines as words where it stands, in its own size, each
    word anchored at the annotation's centre (the cell it is typed in holds all of it); comments (sticky notes) are
    not part of the form and are left out."""
    out = []
    for a in page_annots(page):
        data = a.get("data") or {}
        sub = data.get("Subtype")
        if getattr(sub, "name", sub) != "FreeText" or not (a.get("contents") or "").strip():
            continue
        da = data.get("DA") or b""
        m = _DA_SIZE.search(da if isinstance(da, bytes) else str(da).encode())
        size = float(m.group(1)) if m and float(m.group(1)) > 0 else 10.0
        for i, line in enumerate(a["contents"].replace("\r", "\n").split("\n")):
            x, top = a["x0"] + 2, a["top"] + 2 + i * size * 1.2
            for word in line.split():
                width = len(word) * size * 0.5
                out.append({"text": word, "x0": x, "x1": x + width, "top": top, "bottom": top + size,
                            "fontname": "Helvetica", "size": size, "upright": True,
                            "anchor": ((a["x0"] + a["x1"]) / 2, (a["top"] + a["bottom"]) / 2)})
                x += width + size * 0.3
    return out


def _body_size(words: list[dict]) -> float | None:
    """The size most of a page's words are set in, to the half point."""
    sizes = Counter(round(w.get("size", 0) * 2) / 2 for w in words if w.get("size"))
    return max(sorted(sizes), key=sizes.get) if sizes else None


class _Row:
    def __init__(self, cells: list, bbox: tuple):
        self.cells, self.bbox = cells, bbox


class _Joined:
    """A column of label boxes and the answer boxes drawn beside it, read as one table (``side_by_side``)."""

    def __init__(self, rows: list[_Row], bbox: tuple, parts: list[tuple]):
        self.rows, self.bbox, self.parts = rows, bbox, parts


def _level(a: tuple, b: tuple) -> bool:
    return abs(a[1] - b[1]) <= 3 and abs(a[3] - b[3]) <= 3


def side_by_side(tables: list) -> tuple[list, dict]:
    """A column of label boxes with the answer boxes drawn apart beside it, each row at the same height (a flattened
    fillable form): one table whose rows hold the label and what stands level with it to its right. Boxes of one
    character drawn side by side (a date written a digit per box) are one answer: -> (tables, comb) where comb maps
    each such row's cell to the boxes whose characters it joins, a group per drawn table ('27/05/2025')."""
    columns = [t for t in tables if len(t.rows) >= 2 and all(sum(c is not None for c in r.cells) == 1 for r in t.rows)]
    used: set[int] = set()
    out, comb = [], {}
    for left in sorted(columns, key=lambda t: (t.bbox[1], t.bbox[0])):
        if id(left) in used:
            continue
        right_of = [t for t in tables if t is not left and id(t) not in used and t.bbox[0] >= left.bbox[2] - 1
                    and t.bbox[1] <= left.bbox[3] and t.bbox[3] >= left.bbox[1]]
        rows, taken = [], set()
        for r in left.rows:
            beside = [(t, k) for t in right_of for k, o in enumerate(t.rows) if _level(r.bbox, o.bbox)]
            cells = [next(c for c in r.cells if c is not None)]
            groups = []
            for t, k in sorted(beside, key=lambda tk: tk[0].bbox[0]):
                own = [c for c in t.rows[k].cells if c is not None]
                if len(own) >= 2 and all(c[2] - c[0] <= 30 for c in own):  # a box per character
                    groups.append(own)
                else:
                    cells += own
                taken.add((id(t), k))
            if groups:
                cells.append(groups[0][0])
                comb[groups[0][0]] = groups
            rows.append(_Row(cells, r.bbox))
        partners = {tid for tid, _ in taken}
        if sum(len(r.cells) > 1 for r in rows) * 2 < len(rows):
            continue
        whole = [t for t in right_of if id(t) in partners and all((id(t), k) in taken for k in range(len(t.rows)))]
        if len(whole) != len(partners):
            continue  # part of a table beside it stands level with these rows: a layout this does not know
        used.add(id(left))
        used.update(id(t) for t in whole)
        x1 = max([left.bbox[2]] + [t.bbox[2] for t in whole])
        y1 = max([left.bbox[3]] + [t.bbox[3] for t in whole])
        out.append(_Joined(rows, (left.bbox[0], left.bbox[1], x1, y1), [left.bbox] + [t.bbox for t in whole]))
    return [t for t in tables if id(t) not in used] + out, comb


def _slanted(char: dict) -> bool:
    """Set at a slant of 15 to 75 degrees: a watermark's, not a page turned a quarter or a scan a little askew."""
    a, b = char["matrix"][0], char["matrix"][1]
    return abs(b) > SLANT * abs(a) and abs(a) > SLANT * abs(b)


SLANT = 0.27   # tan 15 degrees


def level_text(page):
    """The page without its slanted text: a watermark or stamp set diagonally across it ('OFFICIAL - SENSITIVE',
    'DRAFT') is no part of the form, and its letters would fall into the lines they cross."""
    if not any(_slanted(c) for c in page.chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or not _slanted(obj))


_CONNECTOR_WORDS = {"yes", "no", "y", "n"}


def without_connector_labels(page, words: list[dict]) -> list[dict]:
    """A flowchart's 'Yes' and 'No' set on the arrows between its boxes (the way to go after each answer), no answer
    of any question: a yes or no word in type smaller than the page's usual, outside every box drawn on the page,
    within eight points of a line drawn on its own (a connector, not a box's side)."""
    sizes = Counter(round(w.get("size", 0) * 2) for w in words if w.get("size"))
    if not sizes:
        return words
    usual = sizes.most_common(1)[0][0] / 2
    small = [w for w in words if w["text"].strip(".:").lower() in _CONNECTOR_WORDS and w.get("size", usual) < usual - 0.75]
    if not small:
        return words
    boxes = [o for o in list(page.rects) + list(page.curves) if o["x1"] - o["x0"] > 12 and o["bottom"] - o["top"] > 12]
    near = lambda w, ln: (ln["x0"] - 8 <= w["x1"] and w["x0"] <= ln["x1"] + 8
                          and ln["top"] - 8 <= w["bottom"] and w["top"] <= ln["bottom"] + 8)
    inside = lambda w, b: b["x0"] - 1 <= w["x0"] and w["x1"] <= b["x1"] + 1 and b["top"] - 1 <= w["top"] <= b["bottom"]
    gone = {id(w) for w in small if any(near(w, ln) for ln in page.lines) and not any(inside(w, b) for b in boxes)}
    return [w for w in words if id(w) not in gone] if gone else words


LINE_STEPS = (1, 2, 5, 10)   # Word numbers every line, or every n-th


def without_line_numbers(words: list[dict]) -> list[dict]:
    """The page without the numbers printed in its margin when line numbering is on (Word's Layout > Line Numbers,
    as a legal or a minuted document prints them): bare numbers in a column of their own, set apart to the left
    of all the page's text, counting down the page in steps of 1, 2, 5 or 10. Counting in ones, every line of text
    beside the run has its number: a question's number beside the first line of a long question is no line's."""
    digits = [w for w in words if w["text"].isdigit() and len(w["text"]) <= 4]
    text = [w for w in words if not (w["text"].isdigit() and len(w["text"]) <= 4)]
    if len(digits) < 3 or not text:
        return words
    body = min(w["x0"] for w in text)
    margin = sorted((w for w in digits if w["x1"] <= body - 4), key=lambda w: w["top"])
    if len(margin) < 3:
        return words
    lefts = [w["x0"] for w in margin]
    rights = [w["x1"] for w in margin]
    if max(lefts) - min(lefts) > 1.5 and max(rights) - min(rights) > 1.5:
        return words   # not one column
    values = [int(w["text"]) for w in margin]
    steps = {b - a for a, b in zip(values, values[1:])}
    if len(steps) != 1 or steps.pop() not in LINE_STEPS:
        return words
    if values[1] - values[0] == 1:
        lines = _words_to_lines([w for w in text if margin[0]["top"] - 2 <= w["top"] <= margin[-1]["bottom"]])
        if any(not any(abs(n["top"] - ln["top"]) <= 3 for n in margin) for ln in lines):
            return words
    gone = {id(w) for w in margin}
    return [w for w in words if id(w) not in gone]


def _arrow(shape: dict) -> bool:
    """A small filled triangle pointing down: a drop-down list's arrow."""
    pts = [(round(x, 1), round(y, 1)) for x, y in shape.get("pts") or []]
    corners = list(dict.fromkeys(pts))
    if not shape.get("fill") or len(corners) != 3 or not 2 <= shape["width"] <= 12:
        return False
    (xa, ya), (xb, yb), (xc, yc) = sorted(corners, key=lambda p: p[1])
    return abs(ya - yb) <= 0.5 and yc - ya >= 1.5 and min(xa, xb) < xc < max(xa, xb)


def without_list_buttons(page):
    """The page without the buttons of its drop-down lists: a small square holding a down arrow, drawn inside an
    answer box against its right edge (a form printed from a database, a browser or Acrobat). It is no tick box,
    and the line of its side would split the answer's box into two cells."""
    arrows = [c for c in page.curves if _arrow(c)]
    if not arrows:
        return page
    gone = set()
    for a in arrows:
        button = next((r for r in page.rects if 6 <= r["width"] <= 24 and 6 <= r["height"] <= 30
                       and _inside(a, r) and any(o is not r and o["width"] > 3 * r["width"] and _inside(r, o, 1.5)
                                                 and o["x1"] - r["x1"] <= 2 for o in page.rects)), None)
        if button is not None:
            gone.update({("curve",) + _corners(a), ("rect",) + _corners(button)})
    if not gone:
        return page
    return page.filter(lambda obj: (obj.get("object_type"),) + _corners(obj) not in gone)


def without_comment_markers(page):
    """The page without the markers of its comments, as a PDF viewer prints 'document and comments with connector
    lines': a small filled square on the form (where the note was put) with a line drawn from it to the comment
    beside the page. The marker, inside an answer box, would split the box into two cells; the line is no rule."""
    if not page.lines:
        return page
    gone = set()
    for r in page.rects:
        if r.get("fill") and not r.get("stroke") and r["width"] <= 10 and r["height"] <= 10:
            cx, cy = (r["x0"] + r["x1"]) / 2, (r["top"] + r["bottom"]) / 2
            for ln in page.lines:
                pts = ln.get("pts") or []
                if pts and any(abs(x - cx) <= 3 and abs(y - cy) <= 3 for x, y in (pts[0], pts[-1])):
                    gone.update({("rect",) + _corners(r), ("line",) + _corners(ln)})
    if not gone:
        return page
    return page.filter(lambda obj: (obj.get("object_type"),) + _corners(obj) not in gone)


def _corners(obj: dict) -> tuple:
    return tuple(round(obj[k], 2) for k in ("x0", "top", "x1", "bottom"))


FRAME_MIN = (100.0, 60.0)   # points: the least width and height of a frame that holds a section of a form
FRAME_LINES = 3             # lines of writing a frame holds to be a section (not a rounded label or answer cell)


def side_frames(page, words: list[dict]) -> list[tuple[float, int, list[dict]]]:
    """Frames drawn with rounded corners (a desktop-publishing form's text frames), two or more side by side at the
    same height ('1 Referrer' beside '2 Safeguarding lead', a child to a frame): each read on its own, so that one
    frame's label is never paired with the answer printed level with it in the next. A frame is a section: at
    least 60 points tall, holding three lines or more (a rounded label cell beside its rounded answer cell, or a
    card of one label over its answer, is a cell, read as before). -> (the row's top, the frame's place in its
    row from 1, the words inside it) for each such frame that has a partner level with it."""
    shapes = [c for c in page.curves if len(c.get("pts") or []) >= 8 and c["width"] >= FRAME_MIN[0]
              and c["height"] >= FRAME_MIN[1] and c["width"] <= 0.75 * float(page.width)]
    if len(shapes) < 2:
        return []
    # level: tops together, side by side (each frame as tall as its own content: cards of a designed page)
    level = lambda a, b: a is not b and abs(a["top"] - b["top"]) <= 6 \
        and (a["x1"] <= b["x0"] + 1 or b["x1"] <= a["x0"] + 1)
    out = []
    done: set[int] = set()
    for f in sorted(shapes, key=lambda c: (c["top"], c["x0"])):
        if id(f) in done:
            continue
        row = [f] + [o for o in shapes if level(f, o)]
        if len(row) < 2:
            continue
        done.update(id(o) for o in row)
        top = min(o["top"] for o in row)
        kept = []
        for frame in sorted(row, key=lambda c: c["x0"]):
            inside = [w for w in words if frame["x0"] <= (w["x0"] + w["x1"]) / 2 <= frame["x1"]
                      and frame["top"] <= (w["top"] + w["bottom"]) / 2 <= frame["bottom"]]
            if len(_words_to_lines(inside)) >= FRAME_LINES:
                kept.append(inside)
        if len(kept) >= 2:
            out += [(top, rank, inside) for rank, inside in enumerate(kept, 1)]
    return out


def page_furniture(table) -> bool:
    """A 'table' that is only a page's furniture: three cells or fewer that fill less than half of the box round them
    (a band across the top of the page and a pane down one side, found as one table round the whole page). Its words
    are read as the page's own, and the form beside the cells, inside that box, is not lost."""
    if isinstance(table, _Joined):
        return False
    cells = [c for r in table.rows for c in r.cells if c is not None]
    x0, top, x1, bottom = table.bbox
    area = max((x1 - x0) * (bottom - top), 1.0)
    return len(cells) <= 3 and sum((c[2] - c[0]) * (c[3] - c[1]) for c in cells) < 0.5 * area


SIDE_PANE = (0.6, 0.35, 0.02)   # a side pane: at least this share of the page's height, at most this share of its width,
                                # this near its left or right edge


def side_pane(page, words: list[dict]) -> list[dict]:
    """A pane down one side of the page, apart from the form beside it (an app's list of the form's sections with
    their ticks and counts, printed on every page; a designed letter's column of addresses): a filled strip against
    the left or right edge, most of the page tall and at most a third of it wide, holding three lines or more, with
    three lines or more beside it that mostly do not line up with its own (a shaded column of labels lines up with its
    answers, line for line, and is no pane). -> the words inside it, else []. (A pane that holds answers is read on
    its own before the page's form, ``_holds_answers``; any other is left out.)"""
    width, height = float(page.width), float(page.height)
    for r in page.rects:
        wide, tall = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if not r.get("fill") or tall < SIDE_PANE[0] * height or not 40 <= wide <= SIDE_PANE[1] * width:
            continue
        if not (r["x0"] <= SIDE_PANE[2] * width or r["x1"] >= (1 - SIDE_PANE[2]) * width):
            continue
        inside = [w for w in words if r["x0"] <= (w["x0"] + w["x1"]) / 2 <= r["x1"]
                  and r["top"] <= (w["top"] + w["bottom"]) / 2 <= r["bottom"]]
        taken = {id(w) for w in inside}
        beside = [w for w in words if id(w) not in taken and r["top"] <= w["top"] <= r["bottom"]]
        own, other = _words_to_lines(inside), _words_to_lines(beside)
        if len(own) < 3 or len(other) < 3:
            continue
        level = sum(1 for ln in own if any(abs(ln["top"] - o["top"]) <= 2 for o in other))
        if level * 2 < len(own):
            return inside
    return []


_COUNT = re.compile(r"\d+\s*/\s*\d+")
_LIST_MARKS = {"✓", "✔", "•", "●", "○", "◦", "-", "–", CHECKED, UNCHECKED, "☑"}


def _holds_answers(lines: list[dict]) -> bool:
    """A pane holding answers of the form's own: a label the vocabulary knows and its answer after a colon or a tab
    ('Date of referral: 12/01/2026'), or under it ('Date of referral:' over '12/01/2026'); an app's list of sections
    or a letterhead's addresses has none."""
    def answered(label: str, answer: str) -> bool:   # a label the vocabulary knows, with an answer of its field's type
        path = match(label, None) or match(label, "referrer")
        if path is None or not answer.strip() or answer.strip().endswith(":") or _COUNT.fullmatch(answer.strip()) \
                or label.lstrip()[:1] in _LIST_MARKS:
            return False   # ('✓ 6. National Panel<tab>2/2': a list of the form's parts, ticked, with their counts)
        return fit("referrer." + path.split(".", 1)[1] if path.startswith("person.") else path, answer) > 0

    for ln, nxt in zip(lines, lines[1:] + [None]):
        m = re.match(r"^([^:\t]{2,60})[:\t]\s*(\S.*)?$", ln["text"].strip())
        if m and answered(m.group(1), m.group(2) or (nxt["text"] if nxt is not None else "")):
            return True   # its answer after it, or on the line under it
    return False


def _tabled(entries: list, found: list[tuple[list[dict], list[list[str]]]], free: list[dict], number: int) -> list:
    """Each stretch of lines found read as a table (its lines, its rows) added to `entries` at its first line's
    top: -> the words no table took."""
    used = set()
    for run, rows in found:
        entries.append(((run[0]["top"], 0, 0.0), Table(rows=rows, page=number)))
        used.update(id(w) for ln in run for w in ln["words"])
    return [w for w in free if id(w) not in used]


def _free_entries(page, free: list[dict], number: int, boxes: bool, body: float | None) -> list:
    """The page's words outside its tables and boxes (or one frame's): unruled grids, columns of answers, stacked
    labels, then paragraphs (in newspaper columns where the page has them), each as (sort key, block)."""
    entries: list = []
    free_lines = _words_to_lines(free)
    grids = grid_tables(free_lines)
    if grids:  # label | answer | label | answer without rules: read as the tables they are
        free = _tabled(entries, grids, free, number)
        free_lines = _words_to_lines(free)
    columned = column_tables(free_lines) if not grids else []
    if columned:  # a column of answers per child or person beside the labels, without rules
        free = _tabled(entries, columned, free, number)
        free_lines = _words_to_lines(free)
    headed = headed_tables(free_lines)
    if headed:  # a table printed without rules under a header line of its columns' names
        free = _tabled(entries, headed, free, number)
        free_lines = _words_to_lines(free)
    stacked = stacked_pairs(free_lines)
    if stacked:  # small labels over their answers, two or more to a line: label | answer rows
        free = _tabled(entries, stacked, free, number)
        free_lines = _words_to_lines(free)
    columns = newspaper_columns(free_lines) if not grids else None
    groups: list[tuple[tuple, list[dict]]] = [((0.0, 0), free)]
    if columns is not None:  # each column read top to bottom, the columns left to right, where the page has them
        top, bottom, lefts = columns
        groups = [((0.0, 0), [w for w in free if not top - 3 <= w["top"] <= bottom + 3])]
        for k, left in enumerate(lefts):
            upto = lefts[k + 1] - 4 if k + 1 < len(lefts) else page.width + 1
            groups.append(((top, k + 1), [w for w in free if top - 3 <= w["top"] <= bottom + 3
                                           and left - 4 <= w["x0"] < upto]))
        groups[0][1].extend(w for w in free if top - 3 <= w["top"] <= bottom + 3 and w["x0"] < lefts[0] - 4)
    for (region_top, column), group in groups:
        group_lines = run_in_paragraphs(wrapped_labels(_words_to_lines(group)))
        right = max((ln["x1"] for ln in group_lines), default=page.width)
        for text, top, font in _paragraphs_with_tops(group_lines, right):
            key = (region_top, column, top) if column else (top, 0, 0.0)
            # (the trained reader's picture) a short bold line set larger than the page's text is a heading
            heading = body is not None and font is not None and font[0] and font[1] >= body + 1 \
                and len(text.split()) <= 10 and "\n" not in text and "\t" not in text
            entries.append((key, Para(text, heading=heading, y=top / page.height, page=number)))
    return entries


def _layout_blocks(page, number: int = 0, boxes: bool = False) -> list:
    """Ruled tables as Tables (cell text in paragraphs), the rest as Paras, in reading order.
    Words are extracted once per page and placed in cells by position; headers and footers are dropped.
    ``boxes``: boxes drawn apart, each holding a label and its answer, are read as the cells of a table (the
    trained reader's picture; the rule reader reads their lines as paragraphs)."""
    marks = _highlights(page)   # (of the page as printed: a filtered page keeps no annotations)
    page = without_comment_markers(without_list_buttons(level_text(page)))
    entries = []
    tables, comb = side_by_side([t for t in page.find_tables() if not page_furniture(t)])
    words = without_connector_labels(page, without_line_numbers(dingbats(unhighlighted(marks, unstruck(
        page, page.extract_words(keep_blank_chars=False, x_tolerance=word_gap(page), extra_attrs=["fontname", "size"]))))))
    if boxes:
        words = drawn_marks(page, words)
    words += typed_on(page)
    cells_of: list[tuple[tuple, list]] = []
    for t in tables:
        for r in t.rows:
            for cell in r.cells:
                if cell is not None:
                    cells_of += [(box, []) for group in comb[cell] for box in group] if cell in comb else [(cell, [])]
    # a column of answer boxes with each label printed to its left, outside the boxes (a web form printed from the
    # browser): the label beside a box is read as that row's first cell
    beside: dict[tuple, list] = {}
    for t in tables:
        lone = [r.cells for r in t.rows if sum(c is not None for c in r.cells) == 1]
        if len(lone) == len(t.rows) >= 2:
            for cells in lone:
                beside[next(c for c in cells if c is not None)] = []
    # a label box of a joined table with nothing drawn beside it: the words printed level with it, to its right, are
    # its answer ('Referral agreed?' beside a line of radio buttons)
    level: dict[tuple, list] = {r.cells[0]: [] for t in tables if isinstance(t, _Joined) for r in t.rows
                                if len(r.cells) == 1}
    drawn = [b for t in tables for b in (t.parts if isinstance(t, _Joined) else [t.bbox])]
    free = []
    for w in words:
        # (a typed annotation's words go where the annotation stands, whatever of its text runs past the cell's edge)
        x, y = w.get("anchor") or ((w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2)
        for cell, bucket in cells_of:
            if cell[0] - 1 <= x <= cell[2] + 1 and cell[1] - 1 <= y <= cell[3] + 1:
                bucket.append(w)
                break
        else:
            inside = any(b[0] - 1 <= x <= b[2] + 1 and b[1] - 1 <= y <= b[3] + 1 for b in drawn)
            box = next((c for c in beside if w["x1"] <= c[0] + 1 and c[1] - 1 <= y <= c[3] + 1), None)
            by = next((c for c in level if w["x0"] >= c[2] - 1 and c[1] - 1 <= y <= c[3] + 1), None)
            if box is not None and not inside:
                beside[box].append(w)
            elif by is not None and not inside:
                level[by].append(w)
            elif not inside:
                free.append(w)
    buckets = {cell: bucket for cell, bucket in cells_of}
    boxed, in_boxes = box_tables(_free_boxes(page, tables), free) if boxes else ([], set())
    for top, rows in boxed:
        entries.append(((top, 0, 0.0), Table(rows=rows, page=number)))
    over: dict[int, list[str]] = {}   # (the trained reader's picture) labels printed over a ruled table's cells
    if boxes:
        sizes = [w.get("size", 0) for w in words]
        for k, t in enumerate(tables):
            first = [c for c in t.rows[0].cells if c is not None] if t.rows else []
            if first:
                labels = _labels_over(sorted(first), [w for c in first for w in buckets.get(c, [])], free, in_boxes,
                                      sizes)
                if labels is not None:
                    over[k] = labels
    free = [w for w in free if id(w) not in in_boxes]
    pane = side_pane(page, free)
    if pane:   # read apart from the form beside it: its lines, run into the form's, would be taken for answers
        taken = {id(w) for w in pane}
        free = [w for w in free if id(w) not in taken]
        if _holds_answers(_words_to_lines(pane)):   # a pane of the form's own ('Date of referral: 12/01/2026')
            entries += [((-1.0, 0) + key, b) for key, b in _free_entries(page, pane, number, boxes, None)]
    body = _body_size(words) if boxes else None
    frames = side_frames(page, free) if boxes else []
    framed: set[int] = set()
    for frame_top, rank, inside in frames:   # each frame of a row read on its own, the row's frames left to right
        framed.update(id(w) for w in inside)
        entries += [((frame_top, rank) + key, b) for key, b in _free_entries(page, inside, number, boxes, body)]
    entries += _free_entries(page, [w for w in free if id(w) not in framed], number, boxes, body)
    for k, t in enumerate(tables):
        rows = [over[k]] if k in over else []
        lefts = banded_columns(t, buckets)
        for r in t.rows:
            if lefts:
                rows.append(_band_cells(next(c for c in r.cells if c is not None), buckets, lefts))
                continue
            cells = []
            for cell in r.cells:
                if cell is None:
                    continue  # a column that a merged cell spans: one cell, as Word's gridSpan reads
                if beside.get(cell):
                    cells.append(" ".join(ln["text"] for ln in _words_to_lines(beside[cell])))
                if cell in comb:  # a character per box, a group per drawn table: '27/05/2025'
                    texts = ["".join(w["text"] for box in group for w in buckets.get(box, [])) for group in comb[cell]]
                    joined = "/".join(t for t in texts if t)
                    if re.fullmatch(r"\d{8}", joined):  # eight boxes in one run: DD MM YYYY
                        joined = f"{joined[:2]}/{joined[2:4]}/{joined[4:]}"
                    cells.append(joined)
                    continue
                lines = _words_to_lines(buckets.get(cell, []))
                cells.append("\n".join(lines_to_paragraphs(lines, max([cell[2] - 5] + [ln["x1"] for ln in lines]),
                                                        wrap_edge(lines, cell))))
                if level.get(cell):
                    cells.append(" ".join(ln["text"] for ln in _words_to_lines(level[cell])))
            rows.append(cells)
        entries.append(((t.bbox[1], 0, 0.0), Table(rows=rows, page=number)))
    entries.sort(key=lambda e: e[0])
    return [b for _, b in entries]


def _header_runs(words: list[dict]) -> list[dict] | None:
    """A header row's column names: one line of three or more short runs of words, none with a digit."""
    lines = _words_to_lines(words)
    if len(lines) != 1:
        return None
    runs = _segments(lines[0])
    if len(runs) < 3 or any(len(r["words"]) > 3 or re.search(r"\d", r["text"]) for r in runs):
        return None
    return runs


def banded_columns(table, buckets: dict) -> list[float] | None:
    """A table drawn as bands across the page with no rules between its columns ('Question  Answer  Entered by
    Date entered' over a band per question, as a workflow system prints a form): where its columns start, from its
    header row's names; None for any other table. Most bands must have words under two or more of the names."""
    cells = [[c for c in r.cells if c is not None] for r in table.rows]
    if len(cells) < 4 or any(len(c) != 1 for c in cells):
        return None
    runs = _header_runs(buckets.get(cells[0][0], []))
    if runs is None:
        return None
    lefts = [r["x0"] for r in runs]
    spread = sum(1 for c in cells[1:] if len({_column_of(lefts, w["x0"]) for w in buckets.get(c[0], [])}) >= 2)
    return lefts if spread * 2 >= len(cells) - 1 else None


def _band_cells(cell: tuple, buckets: dict, lefts: list[float]) -> list[str]:
    """A band's words put under the header's columns (each run of words under the column it starts in), each
    column's lines its cell; a band whose words all sit in the first column and are in capitals is a section's title
    across the table, one cell."""
    words = buckets.get(cell, [])
    columns: list[list[dict]] = [[] for _ in lefts]
    for line in _words_to_lines(words):
        for run in _segments(line):   # a run of words goes where it starts: a long answer may run past a column's edge
            columns[max(_column_of(lefts, run["x0"]), 0)].extend(run["words"])
    if words and not any(columns[1:]):
        text = " ".join(ln["text"] for ln in _words_to_lines(words))
        if text.isupper():
            return [text]
    out = []
    for k, ws in enumerate(columns):
        lines = _words_to_lines(ws)
        right = lefts[k + 1] - 4 if k + 1 < len(lefts) else cell[2] - 5
        out.append("\n".join(lines_to_paragraphs(lines, max([right] + [ln["x1"] for ln in lines]))))
    return out


def _continues(answer: str, rest: str) -> str:
    """The part of an answer carried over a page break: a new paragraph (or line) where the first part ended a
    sentence and the rest starts one, or where the first part is one short line; else the same line of text."""
    if answer.rstrip()[-1:] in ".!?" and rest.lstrip()[:1].isupper():
        return answer + "\n" + rest
    if "\n" not in answer and len(answer) < 30 and len(answer.split()) <= 4 and answer.rstrip()[-1:].isalnum():
        return answer + "\n" + rest  # a short first line ('Flat 23') was ended by hand, not by the wrap
    return _join(answer, rest)


def _answer_text(text: str) -> bool:
    """Text that can only be an answer: not empty, and no question, label or section heading."""
    t = " ".join(text.split())
    if not t:
        return False
    return len(t) > 160 or not (t.endswith(("?", ":")) or match(t, None) or section_of(t))


def join_rows_split_by_pages(blocks: list) -> list:
    """A label|answer row that a page break cut in two: the next page's table starts with a row whose
    label cell is empty and which holds one piece of text, the rest of the answer above it. It is put
    back on its row, so the answer is read whole and the rest is not taken for a label. So too an answer
    box as wide as its table, cut by the page, when neither part reads as a question or a label."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Table) and isinstance(prev, Table) and b.page is not None and prev.page is not None
                and b.page == prev.page + 1 and b.rows and prev.rows):
            first, last = b.rows[0], prev.rows[-1]
            rest = [c for c in first if c.strip()]
            filled = [i for i, c in enumerate(last) if c.strip()]
            joined = True
            if first and not first[0].strip() and len(rest) == 1 and len(filled) == 2 and filled[0] == 0:
                last[filled[1]] = _continues(last[filled[1]], rest[0])
            elif len(first) == 1 and len(last) == 1 and _answer_text(first[0]) and _answer_text(last[0]):
                last[0] = _continues(last[0], first[0])  # a full-width answer box under its question
            else:
                joined = False
            if joined:
                b = Table(rows=b.rows[1:], page=b.page)
                if not b.rows:
                    continue
        out.append(b)
    return out


def _paragraphs_with_tops(lines: list[dict], right: float) -> list[tuple[str, float, tuple | None]]:
    """(text, top, the first line's style) of each paragraph."""
    out = []
    texts = lines_to_paragraphs(lines, right)
    # recover each paragraph's top by walking the same grouping
    i = 0
    for text in texts:
        out.append((text, lines[i]["top"] if i < len(lines) else 0, lines[i]["font"] if i < len(lines) else None))
        consumed = 0
        words = len(text.split())
        while i < len(lines) and consumed < words:
            consumed += len(lines[i]["text"].split())
            i += 1
    return out


def printed_tables(pdf) -> list:
    """The ruled tables printed on a fillable form's pages (an agencies table typed before it was made
    fillable): answers that no widget holds."""
    out = []
    for i, page in enumerate(pdf.pages):
        if i >= MAX_PAGES:
            break
        if page.chars:
            out.extend(b for b in _layout_blocks(page, i) if isinstance(b, Table)
                       and sum(1 for row in b.rows for c in row if c.strip()) >= 4)
        page.close()
    return out


def read_pdf(data: bytes, printed: bool = False) -> tuple[list, dict]:
    """``printed``: the trained reader's picture: also read the ruled tables printed on a fillable form's pages
    (it costs a table search on every page), and drawn boxes that hold a label and its answer as table cells."""
    (blocks,), info = read_pdf_pictures(data, (printed,))
    return blocks, info


def _name_tree(node, depth: int = 0) -> list[tuple[bytes, object]]:
    """The (name, value) pairs of a PDF name tree, leaves in order (at most 8 levels deep)."""
    node = resolve1(node)
    if not isinstance(node, dict) or depth > 8:
        return []
    names = resolve1(node.get("Names")) or []
    out = [(names[k], names[k + 1]) for k in range(0, len(names) - 1, 2)]
    for kid in resolve1(node.get("Kids")) or []:
        out.extend(_name_tree(kid, depth + 1))
    return out


def portfolio_files(catalog) -> list[bytes]:
    """A PDF Portfolio's documents (a catalog with a /Collection: Acrobat's 'Combine files into a PDF Portfolio'; its
    own page only a cover saying so): the PDF the portfolio opens on (its /D), else every PDF among its embedded
    files in their tree's order. [] for any other PDF - a form with a file attached reads its own pages. A file that
    cannot be read out is left out."""
    if not isinstance(catalog, dict) or "Collection" not in catalog:
        return []
    try:
        collection = resolve1(catalog["Collection"])
        names = resolve1(catalog.get("Names"))
        files = _name_tree(names.get("EmbeddedFiles")) if isinstance(names, dict) else []
        opened = collection.get("D") if isinstance(collection, dict) else None
        out: list[tuple[bool, bytes]] = []
        for name, spec in files:
            spec = resolve1(spec)
            stream = resolve1((resolve1(spec.get("EF")) or {}).get("F")) if isinstance(spec, dict) else None
            try:
                data = stream.get_data() if stream is not None else b""
            except Exception:   # (a damaged stream: that document is left out, the others read)
                log.info("a portfolio document could not be read out; left out")
                continue
            if data[:1024].lstrip().startswith(b"%PDF"):
                out.append((name == opened, data))
        chosen = [d for is_opened, d in out if is_opened]
        return chosen[:1] or [d for _, d in out]
    except Exception:
        log.info("a portfolio's list of documents could not be read; its own pages are read")
        return []


def read_pdf_pictures(data: bytes, kinds: tuple[bool, ...], depth: int = 0) -> tuple[list[list], dict]:
    """One picture of the PDF per kind (``printed`` as ``read_pdf`` takes it), the file opened and its pages parsed
    once: both readers' pictures for the price of one parse. A PDF Portfolio is read as the documents it holds
    (``portfolio_files``; one level deep)."""
    info: dict = {}
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        name = exc.__class__.__name__ + "".join(a.__class__.__name__ for a in getattr(exc, "args", ()))
        if "Password" in name or "Encrypt" in name:  # pdfplumber wraps pdfminer's PDFPasswordIncorrect
            return [[] for _ in kinds], {"encrypted": True}
        raise
    with pdf:
        catalog = pdf.doc.catalog
        held = portfolio_files(catalog) if depth == 0 else []
        if held:
            pictures = [[] for _ in kinds]
            for doc in held:
                try:
                    inner, _ = read_pdf_pictures(doc, kinds, depth + 1)
                except Exception:
                    log.info("a document in a portfolio could not be read; left out")
                    continue
                for picture, more in zip(pictures, inner):
                    picture.extend(more)
            return pictures, info
        acro = resolve1(catalog.get("AcroForm")) if isinstance(catalog, dict) else None
        listed = resolve1(acro.get("Fields")) if acro else None
        loose = loose_widgets(pdf, _reached(listed))   # (also where a tool dropped the form's /AcroForm altogether)
        if listed or loose:
            fields = _walk_fields(listed) + _walk_fields(loose)
            if any(_s(f["value"]).strip() for f in fields):
                # the page is read only where field names tell nothing ('Text1'): their labels and sections are printed
                all_telling = all(telling(f["name"]) for f in fields)
                # radio buttons exported as codes ('Choice2', '1'): the option is the word printed beside the button
                coded = any(f["type"] == "Btn" and f["flags"] & RADIO and _CODED.fullmatch(_s(f["value"]))
                            for f in fields)
                headings = [] if all_telling and not coded else place_fields(pdf, fields)
                tables = printed_tables(pdf) if any(kinds) else []
                notes = typed_notes(pdf)
                fields = stacked_lines(fields)   # (after their printed labels are placed: a label over two lines joins too)
                return [with_notes(with_headings(acroform_blocks(fields), headings), notes) + (tables if printed else [])
                        for printed in kinds], info
        dynamic = xfa.blocks(acro) if acro else []
        if dynamic:   # a dynamic XFA form, no field holding an answer: they are only in its XML, the page says 'wait'
            return [dynamic if k == 0 else xfa.blocks(acro) for k in range(len(kinds))], info
        pages: list[list[list]] = []   # each page's blocks, one list per kind
        chars = 0
        images = 0
        hidden = hidden_layers(pdf)
        for i, page in enumerate(pdf.pages):
            if i >= MAX_PAGES:
                break
            root = page
            if hidden:
                page = shown_layers(page, hidden)
            turn = sideways(page)   # (after the layers: reading the letters first would keep the hidden ones)
            if turn:
                page = turned(root, turn)
                if hidden:
                    page = shown_layers(page, hidden)
            page = footnote_marks(struck_once(whited_out(page)))
            if not turn and not page.rotation:   # (/QuadPoints are in the page's own space, not the turned one's)
                page = struck_out(page)
            chars += len(page.chars)
            images += len(page.images)
            pages.append([_layout_blocks(page, i, boxes=printed) if page.chars else [] for printed in kinds])
            page.close()
        if chars == 0 and images:
            info["scanned"] = True
        order = printed_order([printed_number(kinds_blocks[0]) for kinds_blocks in pages])
        pictures = [[b for at, i in enumerate(order) for b in _on_page(pages[i][k], at)] for k in range(len(kinds))]
        return [_tidy(blocks, len(pdf.pages)) for blocks in pictures], info


SIDEWAYS_SHARE = 0.6   # this share of a page's letters set reading up (or down) the page: a page printed sideways


def sideways(page) -> int | None:
    """The turn (degrees clockwise: 90 or 270) that sets upright a page whose text is printed sideways - a wide table
    drawn rotated on a portrait page with no /Rotate of its own, as 'Print to PDF' puts a landscape page - where
    most of its letters read up (or down) the page; None for any other page (its header and footer may stay
    upright)."""
    chars = page.chars
    if page.rotation or len(chars) < 20:
        return None
    up = sum(1 for c in chars if not c.get("upright", True) and (c.get("matrix") or (1, 0))[1] > 0.5)
    down = sum(1 for c in chars if not c.get("upright", True) and (c.get("matrix") or (1, 0))[1] < -0.5)
    if up >= SIDEWAYS_SHARE * len(chars):
        return 90
    if down >= SIDEWAYS_SHARE * len(chars):
        return 270
    return None


def turned(page, turn: int):
    """The page as if its /Rotate said ``turn``: pdfminer lays out a rotated page upright, its lines and boxes too."""
    obj = copy.copy(page.page_obj)
    obj.attrs = dict(obj.attrs, Rotate=turn)
    obj.rotate = turn
    return Page(page.pdf, obj, page.page_number, page.initial_doctop)


_PAGE_OF = re.compile(r"\bpage\s+(\d{1,4})\s+of\s+(\d{1,4})\b", re.I)


def printed_number(blocks: list) -> tuple[int, int] | None:
    """The page's own number as its header or footer prints it ('Page 3 of 3'), the last such line on the page."""
    found = [m for b in blocks if isinstance(b, Para) for m in _PAGE_OF.finditer(b.text)]
    return (int(found[-1].group(1)), int(found[-1].group(2))) if found else None


def printed_order(numbers: list) -> list[int]:
    """The order to read the pages in: the order their printed numbers give, where every page prints 'Page n of m'
    with m the file's page count and the numbers are each page once but not in file order (a document printed in
    reverse order, last page first); else the file's order."""
    order = list(range(len(numbers)))
    if len(numbers) < 2 or None in numbers or {m for _, m in numbers} != {len(numbers)} \
            or sorted(k for k, _ in numbers) != list(range(1, len(numbers) + 1)):
        return order
    return sorted(order, key=lambda i: numbers[i][0])


def _on_page(blocks: list, page: int) -> list:
    """The page's blocks, numbered as the page it is read as."""
    for b in blocks:
        if getattr(b, "page", None) is not None:
            b.page = page
    return blocks


def _drawn_in_order(objs):
    """A page's layout objects in the order they were drawn, inside figures too (as pdfplumber lists them)."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _drawn_in_order(obj._objs)
        elif not isinstance(obj, LTAnno):
            yield obj


def _white(color) -> bool:
    if color is None:
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    return all(v >= 0.98 for v in values) if len(values) in (1, 3) else len(values) == 4 and all(v <= 0.02 for v in values)


def whited_out(page):
    """The page without the text painted over in white (correction tape: an editor's white box drawn over a wrong
    answer, often with the right one typed on top): a letter drawn before a white-filled shape that covers its
    middle is not shown, so it is not read. Letters drawn after the shape (the correction) stay."""
    kinds: dict[str, int] = {}
    order: list[tuple[str, dict]] = []
    lists = {"char": page.chars, "rect": page.rects, "curve": page.curves}
    for obj in _drawn_in_order(page.layout._objs):
        kind = obj.__class__.__name__[2:].lower()
        k = kinds.get(kind, 0)
        kinds[kind] = k + 1
        if kind in lists and k < len(lists[kind]):
            order.append((kind, lists[kind][k]))
    covers = [(at, o) for at, (kind, o) in enumerate(order) if kind in ("rect", "curve") and o.get("fill")
              and _white(o.get("non_stroking_color"))]
    if not covers:
        return page
    gone = set()
    for at, box in covers:
        for kind, o in order[:at]:
            if kind == "char" and box["x0"] <= (o["x0"] + o["x1"]) / 2 <= box["x1"] \
                    and box["top"] <= (o["top"] + o["bottom"]) / 2 <= box["bottom"]:
                gone.add(id(o))
    if not gone:
        return page
    return page.filter(lambda obj: id(obj) not in gone)


def _quads(points) -> list[tuple[float, float, float, float]]:
    """A markup annotation's /QuadPoints (eight numbers a quadrilateral) as boxes (x0, y0, x1, y1), page space."""
    try:
        values = [float(resolve1(v)) for v in resolve1(points) or []]
    except (TypeError, ValueError):
        return []
    out = []
    for k in range(0, len(values) - 7, 8):
        xs, ys = values[k:k + 8:2], values[k + 1:k + 8:2]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def struck_out(page):
    """The page without the words struck out with a viewer's strike-out tool ('delete as appropriate' done in the PDF
    after it was printed: /StrikeOut markup annotations over the options not chosen): a letter whose middle is under
    a strike-out is not read, as one deleted is not."""
    boxes = []
    for a in page_annots(page):
        data = a.get("data") or {}
        if _s(data.get("Subtype")) == "StrikeOut" and not _flags(data.get("F")) & HIDDEN_ANNOT:
            boxes += _quads(data.get("QuadPoints"))
    gone = set()
    for c in page.chars if boxes else []:
        x, y = (c["x0"] + c["x1"]) / 2, (c["y0"] + c["y1"]) / 2
        if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes):
            gone.add(id(c))
    return page.filter(lambda obj: id(obj) not in gone) if gone else page


_NOTE_MARKS = set("0123456789*†‡§¶")


def footnote_marks(page):
    """The page without the footnote references glued to the words they qualify ('Kwame Sandhu¹', '07700 900123²',
    '03/02/2014*'): a digit or a note sign set smaller and raised against the letter it follows on the same line is
    a pointer to a note at the foot of the page, not part of the answer. Raised letters ('3rd' as Word sets it) are
    kept."""
    gone: set[int] = set()
    chars = page.chars
    for k in range(1, len(chars)):
        prev, c = chars[k - 1], chars[k]
        base = prev if id(prev) not in gone else None
        if c["text"] not in _NOTE_MARKS or not c.get("upright", True):
            continue
        if base is None:   # the next glyph of a reference already taken ('12', '**'): the same size, on its line
            if abs(c["size"] - prev["size"]) < 0.1 and abs(c["bottom"] - prev["bottom"]) < 0.5 \
                    and -0.5 < c["x0"] - prev["x1"] < prev["size"] * 0.3:
                gone.add(id(c))
            continue
        size = base["size"]
        if not base["text"].strip() or not base.get("upright", True) or c["size"] > 0.8 * size:
            continue
        raised = base["bottom"] - c["bottom"] >= 0.2 * size and c["top"] < base["bottom"]
        if raised and -0.5 < c["x0"] - base["x1"] < 0.3 * size and not _power(chars, k):
            gone.add(id(c))
    return page.filter(lambda obj: id(obj) not in gone) if gone else page


_UNIT = re.compile(r"(?:^|[\s(/])(?:\d*[ckmµ]?m|kg/m|g/m|m/s|10)$")


def _power(chars: list, k: int) -> bool:
    """Whether the raised digit ``chars[k]`` is a power, part of what it follows: after a unit of length or area
    ('m²', 'kg/m²', 'cm²') or a ten ('10⁹/L'), or followed by a slash."""
    if k + 1 < len(chars) and chars[k + 1]["text"] == "/":
        return True
    return bool(_UNIT.search("".join(ch["text"] for ch in chars[max(0, k - 9):k])))


def struck_once(page):
    """A printer driver's faux bold (each glyph struck two or four times a fraction of a point apart, so the text reads
    'NNaammee'): each glyph read once. A page with only a few such glyphs is left as it is; so is one where three runs
    of 300 glyphs (its start, middle and end: labels in the driver's bold are in at least one) are struck once each."""
    chars = page.chars
    middle = len(chars) // 2
    if len(chars) < 20 or all(len(_struck_again(chars[k:k + 300])) < 4 for k in sorted({0, middle, max(len(chars) - 300, 0)})):
        return page
    again = _struck_again(chars)
    if len(again) < max(10, len(chars) // 20):
        return page
    return page.filter(lambda obj: id(obj) not in again)


def _struck_again(chars: list) -> set[int]:
    """The glyphs drawn again within a point of the same glyph in the same font and size (ids)."""
    groups: dict[tuple, list] = {}
    for c in chars:
        if c["text"].strip():
            groups.setdefault((c["text"], c["fontname"], round(c["size"], 1), c["upright"]), []).append(c)
    again: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: c["x0"])
        kept: list = []   # the glyphs kept so far, by their left edge: those within a point to the left are looked at
        for c in group:
            while kept and c["x0"] - kept[0]["x0"] > 1.0:
                kept.pop(0)
            if any(abs(c["top"] - k["top"]) <= 1.0 for k in kept):
                again.add(id(c))
            else:
                kept.append(c)
    return again


HIDDEN = "hidden layer"   # the tag given to what a layer that is off when the document opens draws


def hidden_layers(pdf) -> set[int]:
    """The layers (optional content groups) that are off when the document opens, by object number: a designer's
    'Sample answers' or 'Guidance' layer that no reader sees or prints unless they turn it on."""
    catalog = pdf.doc.catalog
    props = resolve1(catalog.get("OCProperties")) if isinstance(catalog, dict) else None
    config = resolve1(props.get("D")) if isinstance(props, dict) else None
    if not isinstance(config, dict):
        return set()
    refs = lambda key, where: {r.objid for r in (resolve1(where.get(key)) or []) if hasattr(r, "objid")}
    if _s(config.get("BaseState")) == "OFF":
        return refs("OCGs", props) - refs("ON", config)
    return refs("OFF", config)


class _LayeredAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, tagging what is drawn inside marked content of a hidden layer ('/OC /oc1 BDC')."""

    def __init__(self, *args, hidden: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.hidden, self.inside = hidden, []

    def begin_tag(self, tag, props=None) -> None:
        name = props.name if isinstance(props, PSLiteral) else None
        off = getattr(tag, "name", None) in ("OC", b"OC") and _s(name) in self.hidden
        self.inside.append(off or bool(self.inside and self.inside[-1]))
        super().begin_tag(tag, props)

    def end_tag(self) -> None:
        if self.inside:
            self.inside.pop()
        super().end_tag()

    def tag_cur_item(self) -> None:
        super().tag_cur_item()
        if self.inside and self.inside[-1] and self.cur_item._objs:
            self.cur_item._objs[-1].tag = HIDDEN


def shown_layers(page, hidden: set[int]):
    """The page as it opens: what its hidden layers draw left out. The page itself where none of them is on it."""
    resources = resolve1(page.page_obj.resources) if page.page_obj.resources else None
    props = resolve1(resources.get("Properties")) if isinstance(resources, dict) else None
    names = set()
    for name, ref in (props.items() if isinstance(props, dict) else []):
        group = resolve1(ref)
        members = {r.objid for r in (resolve1(group.get("OCGs")) or []) if hasattr(r, "objid")} \
            if isinstance(group, dict) and _s(group.get("Type")) == "OCMD" else {getattr(ref, "objid", None)}
        if members and members <= hidden:   # (a membership dictionary shows its content while any of its layers is on)
            names.add(_s(name))
    if not names:
        return page
    device = _LayeredAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams, hidden=names)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()   # (pdfplumber's own cache of the page's layout)
    shown = page.filter(lambda obj: obj.get("tag") != HIDDEN)
    return shown


def _tidy(blocks: list, pages: int) -> list:
    blocks = captions_above(join_rows_split_by_pages(drop_page_furniture(blocks, pages)))
    # '(Yes / No / Don't know)' printed between a question and its answer box: how to answer, no answer itself
    blocks = [b for b in blocks if not (isinstance(b, Para) and option_hint(b.text))]
    blocks = [marks_beside_options(marked_column(b)) if isinstance(b, Table) else b
              for b in drop_action_words(blocks)]
    return plain_readings(blocks)
