"""Which child each answer belongs to, decided once the candidates are scored.

The scorer says whether an answer is a child's date of birth (of any child); which child is decided here,
from the order in which the form asks its questions. A form with several children asks the same questions
again for each one, in a section of its own or one block after another:

- a new child begins where a child's question is asked a second time: its name, or any other question
  when another one repeats within the next few questions too ("Address" then "Previous address" alone is
  one child) and no name is asked again among them (then the name says where: "Parent's date of birth"
  just before the next child's name stays with the child before);
- it begins where a section about a child opened between the two askings ("Child 2", "Sibling details");
  else as many questions before the repeat as that question stood from the start of the child before, so
  that a name printed in a wording nobody recognised still goes with its child.

When that finds children with no name (and no unrecognised label where a name would be), the children's questions are set side by side
(a fillable form's two columns read across): each question then goes to the first child not yet asked it.

Answers read from a grid (one column or one row per child) already know their child and keep it (the
first column or row, beside or under the label, is the first child's), and so do
the fields of a fillable PDF whose names number the children ("ChildName_2", "child gender 2"); its fields
numbered none are the first child's. A label's question is the field of its most likely answer, when that
is a child's field and likely enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EXPLICIT = ("child_col", "column")        # relations whose answer's child is its column or row
NAMES = ("child.name", "child.forename", "child.surname")
SURE = 0.5                                # how likely a label's best answer must be to say what it asks
NAME_SURE = 0.9                           # ... to say it asks a child's name ("Name of parent/carer" must not)
CONFIRM = 8                               # questions looked ahead for a second repeat


def _question(cands: list, section: str | None) -> str | None:
    """The child's field a label asks, by its most likely answer; None when it asks none (or not clearly)."""
    valued = [c for c in cands if c.fit >= 0]
    if not valued or section not in (None, "child"):
        return None
    best = max(valued, key=lambda c: c.score)
    if best.score < SURE or not best.field.startswith("child.") or best.relation in EXPLICIT:
        return None
    if best.field in NAMES and best.score < NAME_SURE:
        return None
    return best.field


def _order(cands: Iterable) -> list[tuple]:
    """(label key, label, its candidates) in the order the labels appear."""
    seen: dict[int, tuple] = {}
    for c in cands:
        key = getattr(c.label, "ident", None) or id(c.label)
        if key not in seen:
            seen[key] = (key, c.label, [])
        seen[key][2].append(c)
    return sorted(seen.values(), key=lambda row: row[1].item.n)


def segments(questions: list[tuple[int, str | None, str | None]], child_starts: list[int]) -> list[int]:
    """The child of each label. ``questions``: per label in order, (its item's place, its section, the child's
    field it asks or None). ``child_starts``: the places of headings that open a section about a child."""
    # one question per item: 'Name:' and 'Name' read from the same line are one question
    units: list[list] = []                       # [place, asks, [label indexes]]
    for i, (place, section, asks) in enumerate(questions):
        if asks is None and section != "child":
            continue
        if units and units[-1][0] == place:
            units[-1][1] = units[-1][1] or asks
            units[-1][2].append(i)
        else:
            units.append([place, asks, [i]])
    child_of_unit = [0] * len(units)
    current, start = 0, 0
    for k, (place, asks, _) in enumerate(units):
        firsts: dict[str, int] = {}
        for r in range(start, k):
            if units[r][1] is not None:
                firsts.setdefault(units[r][1], r)
        ahead = [u[1] for u in units[k + 1:k + 1 + CONFIRM]]
        if asks is not None and asks in firsts and _confirmed(asks, firsts, ahead) \
                and (asks in NAMES or not any(a in NAMES and a in firsts for a in ahead)):
            # (a name asked again close behind says where the next child starts better than a date of birth
            # asked again, which may be a parent's)
            first = firsts[asks]
            opened = [s for s in child_starts if units[first][0] < s <= place]
            if opened:   # the child's own section opened between the two: the new child starts with it
                begin = next(r for r in range(first + 1, k + 1) if units[r][0] >= opened[-1])
            else:        # as many questions before the repeat as it stood from the start of the child before
                begin = max(k - (first - start), first + 1)
            current += 1
            start = begin
            for r in range(begin, k):
                child_of_unit[r] = current
        child_of_unit[k] = current
    # a child whose block holds a name, or opens with a label nobody recognised (where its name would be)
    opening = {child_of_unit[k]: u[1] for k, u in reversed(list(enumerate(units)))}
    named = len({child_of_unit[k] for k, u in enumerate(units) if u[1] in NAMES} | {k for k, a in opening.items() if a is None})
    if named and current + 1 > named:
        child_of_unit = _first_free([u[1] for u in units], named)
    child = [-1] * len(questions)
    for k, (_, _, members) in enumerate(units):
        for i in members:
            child[i] = child_of_unit[k]
    at = 0
    for i in range(len(questions)):   # a label outside the child's questions goes with the child read where it stands
        if child[i] < 0:
            child[i] = at
        at = child[i]
    return child


def _first_free(asks: list, children: int) -> list[int]:
    """Each question to the first child not yet asked it: the children's questions set side by side and read
    across (a name, the other name; a date of birth, the other date of birth), in as many children as the
    form asks names."""
    asked: list[set] = [set() for _ in range(children)]
    out, at = [], 0
    for a in asks:
        if a is not None:
            at = next((k for k in range(children) if a not in asked[k]), children - 1)
            asked[at].add(a)
        out.append(at)
    return out


def _confirmed(asks: str, firsts: dict, ahead: list) -> bool:
    """A name asked again is a new child; any other question needs another of the child's questions to come
    again close behind it."""
    if asks in NAMES:
        return True
    return any(a is not None and a != asks and a in firsts for a in ahead)


_NUMBERED = re.compile(r"(?<=[A-Za-z])[ _\-]?([1-9])$")


def widget_number(hint: str) -> tuple[str, int | None]:
    """A fillable field's name without its number, and the number ('...ChildName_2[0]' -> ('childname', 2))."""
    last = re.sub(r"(\[\d+\])+$", "", hint or "").split(".")[-1]
    m = _NUMBERED.search(last)
    return (last[:m.start()] if m else last).casefold(), (int(m.group(1)) if m else None)


def _numbered(widgets: list) -> dict[int, int]:
    """The child of each fillable field whose name numbers it: the same name is also there without a number
    ('ChildName', 'ChildName_2'), so the number counts children ('Text1', 'Text2' number nothing)."""
    named = {id(c): widget_number(c.label.item.hint) for c in widgets}
    numbers: dict[str, set] = {}
    for base, number in named.values():
        numbers.setdefault(base, set()).add(number)
    counted = {base for base, ns in numbers.items() if None in ns and any(ns - {None})}
    return {i: (number or 1) - 1 for i, (base, number) in named.items() if base in counted}


def settle(cands: list, child_starts: list[int]) -> None:
    """Set each child's candidate's child from the order of the form's questions (in place)."""
    kids = [c for c in cands if c.field.startswith("child.")]
    numbered = _numbered([c for c in kids if c.relation == "widget"])
    for c in kids:
        if id(c) in numbered:
            c.child = numbered[id(c)]
    kids = [c for c in kids if id(c) not in numbered]
    rows = _order(kids)
    if not rows:
        return
    questions = [(lab.item.n, lab.item.section, _question(cs, lab.item.section)) for _, lab, cs in rows]
    child = segments(questions, child_starts)
    for (_, _, cs), k in zip(rows, child):
        # a grid: another column (or row) beside the label likely holds another child's answer; blank columns, or
        # a label | answer | label | answer row read across, make no grid
        gridded = any(c.relation in EXPLICIT and c.fit > 0 and c.score >= 0.5 for c in cs)
        for c in cs:
            if c.relation in EXPLICIT:
                continue
            # a grid's first column (or row) beside (or under) its label is the first child's
            c.child = 0 if gridded and c.relation in ("right", "row_rest", "below") else k


def child_starts(pic) -> list[int]:
    """The places of the headings that open a section about a child."""
    return [it.n for it in pic.items if it.starts_section == "child"]
