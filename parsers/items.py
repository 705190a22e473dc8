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
from parsers.blocks import CHECKED, UNCHECKED, Pair, Para, Table, one_choice_listed, option_cells
from parsers.types import LONG_TEXT, TEXT, fit, kind_of
from parsers.vocabulary import (directory, explicit_name_column, normalise_label, rule_match, rule_strength, section_of,
                               title_section, unnumbered, whom_to_contact)

_NUMBERED_TITLE = re.compile(r"^(\d+(\.\d+)*|[A-H])\s*[.)\-–:]?\s+[A-Z]")   # '2. Supervisor', 'B. Named Doctor'
STRONG = 0.6   # a cell this much explained by a label rule is a label, never an answer

MAX_LABEL = 160


@dataclass
class KV:
    label: str
    value: str
    section_hint: str | None = None
    child: int | None = None          # column index in a side-by-side child grid
    blank_line_paragraphs: bool = False
    open_ended: bool = False          # a PDF line: the answer may go on in the lines below
    source: str = ""                  # where the answer was read: "table 2, row 5, cell 2", "paragraph 7"


_SPLIT = re.compile(r"[:\t?]")
# 'happened. The' ends a sentence; 'Police inv. Y/N' and 'Abuse/neglect susp. Y/N' are short forms, not sentences
_SENTENCE_BREAK = re.compile(r"[a-z]{5,}\. [A-Z]|\b(?!inv|conn|susp|notif|nat|ref|addr|ethn|dept|org|tel|no)[a-z]{1,4}\. [A-Z]")


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
        if sep == "?" and right.strip().endswith("?") and len(right.split()) <= 12 and "\n" not in right.strip():
            continue  # a second question is part of the label, not its answer
        bare = re.sub(r"\([^)]*\)", "", left)
        if len(left) > MAX_LABEL or _SENTENCE_BREAK.search(bare) or len(left.split()) > 25:
            return []
        if not normalise_label(left):
            continue
        if rule_match(left, section) is None:
            continue
        sec = section_of(left)
        if sec and right.strip():
            inner = split_label(right, sec)
            if inner and isinstance(inner[-1], KV):
                return [sec, *inner]
        right = re.sub(r"^\s*\([^)]*\)\s*", "", right.strip("\t :"))
        box = re.search(r"\s*([☐☒☑■□])\s*$", left)
        if box:   # 'Girl / Boy / Other ☐<tab>Girl ☒ Boy ☐ Other': the box before the tab is the first option's
            left, right = left[:box.start()], box.group(1) + " " + right.strip("\t :")
        return [KV(left, right.strip("\t :"))]
    return []


_ANSWER_COLUMNS = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "not known": "unknown", "n k": "unknown",
                   "nk": "unknown", "unknown": "unknown", "don t know": "unknown", "dk": "unknown"}


def _mark(cell: str) -> str:
    """What a Yes / No column cell holds: its text, with an empty box (☐) counting as nothing."""
    t = cell.strip()
    return "" if not t.replace(UNCHECKED, "").strip() else t


def _is_yes_no_header(row: list[str]) -> dict | None:
    """'| Yes | No' (or 'Y | N | N/K') column headings; a row that also holds a question of its own is an
    answered row."""
    cols: dict[str, int] = {}
    others = []
    for i, c in enumerate(row):
        if not c.strip():
            continue
        role = _ANSWER_COLUMNS.get(normalise_label(c))
        if role and role not in cols:
            cols[role] = i
        else:
            others.append(c)
    if "yes" in cols and "no" in cols and len(cols) + len(others) <= 5 and len(others) <= 1 \
            and not any(rule_match(c, None) and (rule_strength(c, None) > 0.5 or _joined(c).endswith("?")) for c in others):
        return cols  # ('Have they ever been on a CP plan? | No | YES' answers its question for two children)
    return None


def _child_columns(row: list[str]) -> dict[int, int] | None:
    """A header row naming children per column ('Child 1 | Child 2') -> {column: child index}."""
    cols = {}
    for i, c in enumerate(row):
        t = normalise_label(c)
        m = re.fullmatch(r"(child|young person|sibling|subject)\s*(\d+|[a-d])|(\d+)(st|nd|rd|th)? child|"
                         r"(first|second|third|fourth) child", t)
        if m:
            num = m.group(2) or m.group(3)
            if num and num.isalpha():
                idx = "abcd".index(num)
            else:
                idx = int(num) - 1 if num else ["first", "second", "third", "fourth"].index(m.group(5))
            cols[i] = idx
    return cols if len(cols) >= 1 and min(cols) > 0 else None


def _answer_column(row: list[str]) -> int | None:
    """The answer column of a 'Question | Response | Notes' header: answers there, guidance beside them."""
    words = [normalise_label(c) for c in row]
    answer = [j for j, w in enumerate(words) if j and re.fullmatch(r"(your )?(response|answer|answers|reply)", w)]
    notes = [j for j, w in enumerate(words) if re.search(r"\b(notes?|guidance|help|how to complete)\b", w)]
    return answer[0] if len(answer) == 1 and notes and len(row) >= 3 else None


def _person_columns(row: list[str]) -> dict[int, str] | None:
    """A header naming a person per column ('| Practitioner making notification | Manager who agreed it')."""
    cols = {i: c for i, c in enumerate(row) if i > 0 and c.strip() and section_of(c) in ("referrer", "lead")}
    sections = {section_of(c) for c in cols.values()}
    holders = [i for i, c in enumerate(row) if i > 0 and i not in cols and c.strip()
               and rule_match(c, "referrer") == "person.name"]
    if sections == {"lead"} and len(holders) == 1:   # 'Interviewer name | Field Safeguarding Lead': the one making it
        cols[holders[0]] = row[holders[0]]
        sections.add("referrer")
    if len(sections) < 2 or (row[0].strip() and rule_match(row[0], None) and rule_strength(row[0], None) > 0.5):
        return None
    return cols


def _child_yes_no(child_cols: dict[int, int], row: list[str]) -> dict[int, dict[str, int]] | None:
    """'Child A | Child A | Child B | Child B' over 'Yes | No | Yes | No': each child's Yes and No columns."""
    marks: dict[int, dict[str, int]] = {}
    for col, idx in child_cols.items():
        word = normalise_label(row[col]) if col < len(row) else ""
        if word in ("yes", "y", "no", "n"):
            marks.setdefault(idx, {})["yes" if word.startswith("y") else "no"] = col
    full = {idx: m for idx, m in marks.items() if len(m) == 2}
    return full or None


def _column_name(cell: str) -> bool:
    """A cell that can head a column: short words, not itself an answer (an email, a number, a date)."""
    t = " ".join(cell.split())
    return bool(t) and len(t.split()) <= 6 and not re.search(r"@|\d{3}", t) and n.parse_date(t) is None \
        and n.checked_options(t) is None


def agency_columns(row: list[str]) -> dict[str, int] | None:
    """The header of an agencies (or family) table: every cell a column name, one names the agency."""
    named = [c for c in row if c.strip()]  # (a merged heading cell leaves an empty one beside it)
    if len(named) < 2 or not all(_column_name(c) for c in named):
        return None
    if sum(1 for c in named if c.strip().endswith(":")) * 2 > len(named):
        return None  # 'Name: | Designation: | Organisation:' are labels over their answers, not column headings
    cols = {}
    for i, c in enumerate(row):
        t = normalise_label(c)
        if "relationship" in t:
            return {"family": i}
        if re.search(r"agency|organisation|organization|service|employer|where (they|he|she) works?|works? (for|at)", t) \
                and "agency" not in cols:
            cols["agency"] = i
        elif re.search(r"contact|tel|phone|e ?mail|how to (reach|contact|get hold)|reach them", t) and "contact" not in cols:
            cols["contact"] = i
        elif re.search(r"\b(tel|telephone|phone|e ?mail|mobile)\b", t) and "name" not in cols and "contact" in cols \
                and whom_to_contact(row[cols["contact"]]):
            # 'Contact | Agency | Tel / email': the contact is the person
            cols["name"], cols["contact"] = cols["contact"], i
        elif re.search(r"name|professional|worker|practitioner|person|officer|lead|^who$", t) and "name" not in cols:
            cols["name"] = i
    if "name" in cols:
        cols["name"] = explicit_name_column(row, cols["name"])
    return cols if "agency" in cols and ("contact" in cols or "name" in cols) else None


def _header_score(columns: dict[str, int], data: list[str]) -> float:
    """How well the row under an agencies header reads as one agency: a person's name, an organisation,
    a telephone number or email address, each in its column."""
    score = 0.0
    for role, col in columns.items():
        value = data[col] if col < len(data) else ""
        if role == "contact":
            score += 2 if (n.email(value) or n.phone(value)) else 0
        elif role in ("name", "agency"):
            score += 2 if fit("referrer.name" if role == "name" else "referrer.agency", value) > 0 else 0
    return score


def capitalised_words(text: str) -> bool:
    """'Shona Blackwood', 'DS Fiona Pugh': two to six words, each starting with a capital, no digits."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words) and not re.search(r"[\d@?:]", text)


def _person_like(text: str) -> bool:
    """A person's name in a row of people: capitalised words that do not read as a label ('DSL TEL')."""
    return capitalised_words(text) and not any(rule_match(text, s) for s in (None, "lead", "referrer"))


def _rows_of_people(columns: dict[str, int], rows: list[list[str]], section: str | None) -> int:
    """How many of these rows read as one agency each under the header (a name, an organisation or a contact
    of the right type in two of its columns) and not as a row of labels. Two such rows in a row make the
    header an agencies header whatever its other cells say ('Role | Name | Agency | Telephone / email')."""
    count = 0
    for row in rows:
        if _header_score(columns, row) < 4 or _holds_labels(row, section):
            break
        contact = row[columns["contact"]] if "contact" in columns and columns["contact"] < len(row) else ""
        name = row[columns["name"]] if "name" in columns and columns["name"] < len(row) else ""
        if not (n.email(contact) or n.phone(contact) or _person_like(name)):
            break  # ('DSL tel | DSL email | DSL consulted Y/N' is a row of labels, not of a person)
        count += 1
    return count


def _joined(cell: str) -> str:
    """A label wrapped over several lines inside one cell is one label."""
    return " ".join(cell.split())


def cell_label(cell: str, section: str | None) -> str | None:
    """The field a table cell names when it reads as a label, else None."""
    t = _joined(cell)
    if not t or len(t) > 120 or len(t.split()) > 20 or n.checked_options(t) is not None:
        return None
    if _SENTENCE_BREAK.search(re.sub(r"\([^)]*\)", "", t)) or (t.endswith(".") and len(t.split()) >= 3
                                                                      and len(t.split()[-1]) > 5):
        return None  # a sentence (guidance), not a label ('Date of ref.' ends in a short form, not a sentence)
    return rule_match(t, section)


def stacked_cells(table: Table, section: str | None, number: int) -> list | None:
    """A table of boxes, each cell a label over its answer ('Email address' over 'a.mendes@nhs.net' in one cell, two or
    three such cells to a row): each cell its own label and answer (a cell holding only a label is a field left blank,
    one holding only a section's name heads the cells after it). None for any other table - one with a cell whose
    first line is no label (a label | answer row, an answer over two lines), or whose second line is a hint
    ('(first and last)') or a label of its own (a header row's two-line names) - and for one with fewer than two
    answered cells."""
    items: list = []
    answered = 0
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if not cell.strip() or (c and cell == row[c - 1]):
                continue   # (a merged cell repeats its text)
            lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
            first, rest = lines[0], lines[1:]
            if len(lines) == 1 and section_of(first) and not cell_label(first, section):
                items.append(section_of(first))
                continue
            field_ = cell_label(first.rstrip(":"), section)
            if not field_ or split_label(first, section):
                return None
            if rest and (rest[0].startswith(("(", "[", "e.g")) or cell_label(rest[0].rstrip(":"), section)
                         or rest[0].endswith((":", "?"))):
                return None
            answered += bool(rest)
            items.append(KV(first.rstrip(":"), "\n".join(rest), source=f"table {number}, row {r + 1}, cell {c + 1}"))
    return items if answered >= 2 else None


def _asks_question(text: str) -> bool:
    """'Is your organisation currently working with the family?': a question of three words or more."""
    t = _joined(text)
    return t.endswith("?") and len(t.split()) >= 3 and "\n" not in text.strip()


_QUESTION_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|[A-Za-z][.)]|Q\d{1,3}[.:)]?)\s+\S")


def numbered_question(text: str) -> bool:
    """'3. Practice', '4.2 NHS mail', 'Q7 Lead's role': a question of the form by its number, worded or not as the
    vocabulary knows (a line of its own, no sentence); not an address's house number ('12 Mill Lane')."""
    t = text.strip()
    return "\n" not in t and bool(_QUESTION_NUMBER.match(t)) and looks_like_label(unnumbered(t))


def _kv_score(kv: "KV", section: str | None) -> float:
    """How well one label/value candidate reads: 2 for a known label with a value of its type, 0.5 for a
    known label left blank, 0 for a value that does not fit (or an unknown label)."""
    path = rule_match(kv.label, section)
    if path is None:
        return 0.0
    if kv.value.strip() and rule_strength(kv.value, section) >= STRONG and looks_like_label(kv.value):
        return 0.5  # the 'answer' is another label: as good as blank
    if _asks_question(kv.value):
        return -1.0  # a question is never an answer: a reading that makes it one is wrong
    if path.startswith("person."):
        path = "referrer." + path.split(".", 1)[1]
    f = fit(path, kv.value)
    return 2.0 if f > 0 else 0.5 if f == 0 else 0.0


def _score(items: list, section: str | None) -> float:
    return sum(_kv_score(it, section) for it in items if isinstance(it, KV))


def _pairs(row: list[str], section: str | None, where: str) -> list:
    """The row read as label | value (| label | value ...). A third column after a label|value pair that is
    no label is read as part of the answer only when the answer cell is blank."""
    out: list = []
    j = 0
    while j < len(row) - 1:
        label, value = row[j], row[j + 1]
        options = option_cells(row[j + 1:])
        if label.strip() and options and cell_label(label, section):
            # 'Police involved? | ☐ Yes | ☒ No': the boxed options read together; bare ones, none marked, no answer
            cells = [c.strip() for c in row[j + 1:j + 1 + options] if c.strip()]
            value = "\t".join(cells) if cells[0][:1] in (CHECKED, UNCHECKED) else ""
            out.append(KV(_joined(label), value, source=f"{where}, cells {j + 2}-{j + 1 + options}"))
            j += 1 + options
            continue
        if label.strip() and cell_label(label, section):
            if _asks(value, section):  # a question is not an answer: this label's answer is blank
                out.append(KV(_joined(label), "", source=f"{where}, cell {j + 1}"))
                j += 1
                continue
            if len(row) == 3 and j == 0 and row[2].strip() and not cell_label(row[2], section) \
                    and not _sentence(row[2]):
                both = "\n".join(c for c in row[1:] if c.strip())
                path = rule_match(_joined(label), section) or ""
                if not value.strip() or fit(path.replace("person.", "referrer."), both) > fit(path.replace("person.", "referrer."), value):
                    value = both
                out.append(KV(_joined(label), value, source=f"{where}, cells 1-3"))
                break
            out.append(KV(_joined(label), value, source=f"{where}, cell {j + 2}"))
            j += 2
        else:
            if label.strip() and looks_like_label(label):
                out.append(("unrecognised", _joined(label), where))
            j += 1 if not label.strip() else 2
    return out


def _sentence(cell: str) -> bool:
    """Guidance written as a sentence ('The date you send this form.'), not an answer beside a label."""
    t = _joined(cell)
    return t.endswith(".") and len(t.split()) >= 3 and not re.search(r"\d", t)


def _asks(cell: str, section: str | None) -> bool:
    """A cell that is itself a question or a label ending in ':' ('What action has been taken?')."""
    t = _joined(cell)
    return t.endswith(("?", ":")) and looks_like_label(t.rstrip("?:") + " ") and cell_label(t, section) is not None


def _unknown_label(cell: str) -> bool:
    """A cell no rule knows that still has the look of a label: a question, a 'Label:', or capitals."""
    t = _joined(cell)
    letters = [c for c in t if c.isalpha()]
    capitals = len(letters) > 3 and all(c.isupper() for c in letters)
    return looks_like_label(t) and (t.endswith(("?", ":")) or capitals) and n.tristate(t) is None


def looks_like_label(text: str) -> bool:
    t = _joined(text)
    return 0 < len(t) <= 80 and len(t.split()) <= 12 and not re.search(r"[.!]$", t) and bool(re.search(r"[A-Za-z]", t)) \
        and n.parse_date(t) is None and "@" not in t and n.checked_options(t) is None


def _alone(row: list[str], section: str | None, where: str) -> list:
    """One row read on its own: a single cell as text, else label|value pairs (else each cell as text)."""
    cells = [c for c in row if c.strip()]
    if len(cells) == 1:
        return [_with_source(it, where) for it in text_items(cells[0], section, in_table=True)]
    if len(cells) == 2 and len(row) > 2 and row[0].strip() and cell_label(row[0], section) \
            and not cell_label(cells[1], section) \
            and not (_sentence(cells[1]) and cell_label(row[0], section) not in LONG_ANSWERS):
        # a label and one answer: a merged answer cell, wherever the page's grid put its text
        col = next(j for j, c in enumerate(row) if j and c.strip())
        return [KV(_joined(row[0]), cells[1], source=f"{where}, cell {col + 1}")]
    items = _pairs(row, section, where)
    if any(isinstance(it, KV) for it in items):
        return items
    out = [it for it in items if isinstance(it, tuple) and it[0] == "unrecognised"]
    for c in cells:
        out.extend(_with_source(it, where) for it in text_items(c, section, in_table=True))
    return out


def _with_source(it, where: str):
    if isinstance(it, KV) and not it.source:
        it.source = where
    return it


def _above(row: list[str], nxt: list[str], section: str | None, where: str, child: int | None = None) -> list | None:
    """Labels in this row, their answers in the same columns of the next row; None when this row is not
    all labels."""
    labelled = [(j, c) for j, c in enumerate(row) if c.strip()]
    width = len(row)
    while len(labelled) >= 2 and width > labelled[-1][0] + 1 and len(nxt) == len(row) and not nxt[width - 1].strip():
        width -= 1  # an empty column right of two or more labels, empty below too, is no answer of theirs
    if not labelled or len(labelled) < width or len(nxt) != len(row) \
            or not all(cell_label(c, section) or _unknown_label(c) for _, c in labelled):
        return None  # a label with an empty cell beside it has its answer there
    known = sum(1 for _, c in labelled if cell_label(c, section))
    if known * 2 < len(labelled) or known == 0:
        return None
    return [KV(_joined(c), nxt[j] if j < len(nxt) else "", child=child, source=f"{where}, cell {j + 1}")
            for j, c in labelled]


def table_items(table: Table, walk_section: str | None, carry: dict | None = None, number: int = 0) -> list:
    """Items of one table, reading each stretch of rows in whichever way reads best (scored: known labels
    whose answers fit their type). ``carry`` holds the column roles of the previous table, so that a table
    split across pages (a PDF made from Word repeats no header) goes on as the same kind of table."""
    items: list = []
    carry = carry if carry is not None else {}
    width = max((len(r) for r in table.rows), default=0)
    first = table.rows[0] if table.rows else []
    continued = carry.get("width") == width and bool(first) and not agency_columns(first) \
        and not (_child_columns(first) or _person_columns(first) or _is_yes_no_header(first))
    yes_no = carry.get("yes_no") if continued else None
    child_cols = carry.get("child_cols") if continued else None
    agency_cols = carry.get("agency_cols") if continued else None
    rows = table.rows
    child_marks = carry.get("child_marks") if continued else None
    person_cols = carry.get("person_cols") if continued else None
    answer_col = carry.get("answer_col") if continued else None
    section = walk_section
    i = 0

    def where(r: int) -> str:
        return f"table {number}, row {r + 1}"

    if continued and rows and len(rows[0]) > 1 and any(c.strip() for c in rows[0][1:]) and agency_cols is None \
            and child_cols is None and (not rows[0][0].strip() or rule_match(rows[0][0], walk_section) is None):
        # a row split by a page break: its first cell is empty or the tail of the label, the rest of the answer is here
        items.append(("continue", "\n".join(c for c in rows[0][1:] if c.strip())))
        i = 1
    while i < len(rows):
        row = rows[i]
        cells = [c for c in row if c.strip()]
        if not cells:
            i += 1
            continue
        if agency_cols is not None and len(cells) == 1 and row[0].strip() and \
                (section_of(row[0]) or cell_label(row[0], section) or _asks(row[0], section)):
            agency_cols = None  # a heading or a question in the first column: the agencies table has ended
        if agency_cols is not None:
            if "family" in agency_cols:
                i += 1
                continue
            if len(row) > 1:
                entry = {k: (row[v] if v < len(row) else "") for k, v in agency_cols.items()}
                last = carry.get("last_agency")
                if i == 0 and continued and last is not None and not entry.get("name", "").strip() \
                        and last.get("name", "").strip():
                    # the rest of the last agency's row, carried over a page break
                    for k, v in entry.items():
                        if v.strip():
                            last[k] = (last.get(k, "").rstrip() + " " + v.strip()).strip()
                elif any(not n.blank(v) for v in entry.values()):
                    items.append(("agency", entry, where(i)))
                    carry["last_agency"] = entry
                i += 1
                continue
            agency_cols = None
        ac = agency_columns(row) if len(cells) >= 2 else None
        if ac is not None and "family" in ac:  # a family or household table: not part of the record
            agency_cols = ac
            i += 1
            continue
        if ac is not None and i + 1 < len(rows) and (_rows_of_people(ac, rows[i + 1:i + 3], section) == 2 or _header_score(ac, rows[i + 1]) > \
                _score(_alone(row, section, where(i)), section) + _score(_alone(rows[i + 1], section, ""), section) \
                and not (section in ("referrer", "lead", "child") and _above(row, rows[i + 1], section, "")
                         and not (i + 2 < len(rows) and _header_score(ac, rows[i + 2]) >= 4
                                  and not _label_row(rows[i + 2], section)))):
            # (in a person's or the child's section, 'Name | Role | Organisation' over one row of answers heads
            # that person's answers; over several rows of people it is an agencies table)
            agency_cols = ac
            if "family" not in ac and section != "directory":
                items.append("agencies")  # the table says what it is, whatever heading stood above it
                # (but not under 'Useful contacts': a directory of services lists no agency of the case)
            i += 1
            continue
        yn = _is_yes_no_header(row) if len(cells) <= 4 else None
        if yn is not None:
            yes_no = yn
            i += 1
            continue
        ans = _answer_column(row)
        if ans is not None:  # 'Question | Response | Notes for completion': answers in one column only
            answer_col = ans
            i += 1
            continue
        if answer_col is not None and len(row) > answer_col and row[0].strip() and cell_label(row[0], section):
            items.append(KV(_joined(row[0]), row[answer_col], source=f"{where(i)}, cell {answer_col + 1}"))
            i += 1
            continue
        pc = _person_columns(row)
        if pc is not None:
            person_cols, child_cols, yes_no = pc, None, None
            i += 1
            continue
        if person_cols and len(row) > max(person_cols) and row[0].strip() and \
                (cell_label(row[0], "referrer") or "").startswith(("person.", "referrer.", "lead.")):
            for col, heading in person_cols.items():  # one column per person: referrer | safeguarding lead
                items.append(KV(_joined(row[0]), row[col], section_hint=heading, source=f"{where(i)}, cell {col + 1}"))
            i += 1
            continue
        cc = _child_columns(row)
        if cc is not None:
            child_cols, child_marks, person_cols, yes_no = cc, None, None, None
            if i + 1 < len(rows) and len(rows[i + 1]) == len(row):
                child_marks = _child_yes_no(cc, rows[i + 1])
                i += 1 if child_marks else 0
            i += 1
            continue
        label = row[0]
        if child_cols and len(row) > 1 and rule_match(label, "child"):
            if child_marks:  # Yes | No columns under each child: the ticked column is the answer
                for idx, cols in child_marks.items():
                    y, no = (row[cols[k]].strip() if cols[k] < len(row) else "" for k in ("yes", "no"))
                    value = "Yes" if y and not no else "No" if no and not y else ""
                    items.append(KV(_joined(label), value, child=idx, source=f"{where(i)}, child {idx + 1}"))
            else:
                for col, idx in child_cols.items():
                    if col < len(row):
                        items.append(KV(_joined(label), row[col], child=idx, source=f"{where(i)}, cell {col + 1}"))
            i += 1
            continue
        if yes_no and len(row) > max(yes_no.values()):
            y, no = _mark(row[yes_no["yes"]]), _mark(row[yes_no["no"]])
            unknown = _mark(row[yes_no["unknown"]]) if "unknown" in yes_no else ""
            if y or no or unknown:
                value = "Yes" if y and not no and not unknown else "No" if no and not y and not unknown else ""
                items.append(KV(_joined(label), value, source=where(i)))
                i += 1
                continue
        alone = _alone(row, section, where(i))
        best, used = alone, 1
        if i + 1 < len(rows):
            nxt = rows[i + 1]
            above = _above(row, nxt, section, where(i + 1))
            if above is not None and _holds_labels(nxt, section):
                above = None  # the row below holds labels of its own: it is no row of answers
            if above is not None:
                pair_score = _score(alone, section) + _score(_alone(nxt, section, where(i + 1)), section)
                if _score(above, section) > pair_score:
                    more = _more_rows_below(row, rows, i + 2, section, where)
                    if more:  # one row per child: the first answer row is the first child
                        for it in above:
                            it.child = 0
                    best = above + [it for child in more for it in child]
                    used = 2 + len(more)
        for it in best:
            if isinstance(it, str):
                section = it
        items.extend(best)
        i += used
    carry.update(width=width, yes_no=yes_no, child_cols=child_cols, agency_cols=agency_cols, child_marks=child_marks,
                 person_cols=person_cols, answer_col=answer_col)
    return items


def _label_row(row: list[str], section: str | None) -> bool:
    """A row with a cell that reads as a label: a question, a 'Label:', or a good share of a label's words."""
    return any(c.strip() and cell_label(c, section) and (_joined(c).endswith(("?", ":")) or rule_strength(c, section) >= 0.35)
               for c in row)


def _holds_labels(row: list[str], section: str | None) -> bool:
    """A row whose cells are half or more wholly labels (or questions) is no row of answers (one answer may
    happen to read like a label: 'Child Protection Plan (neglect)' under 'Legal status')."""
    filled = [c for c in row if c.strip()]
    labels = [c for c in filled if (rule_strength(c, section) >= STRONG and looks_like_label(c)) or _asks(c, section)]
    return bool(labels) and len(labels) * 2 >= len(filled)


def _more_rows_below(header: list[str], rows: list[list[str]], start: int, section: str | None,
                     where) -> list[list["KV"]]:
    """A header row of child fields over several rows of answers: one row per child (the items of each
    further row). Rows that read better on their own (they hold labels of their own) end the run."""
    paths = [rule_match(_joined(c), section) for c in header if c.strip()]
    if sum(1 for p in paths if p and p.startswith("child.")) < 2:
        return []
    out: list[list[KV]] = []
    k = 1
    for r in range(start, len(rows)):
        row = rows[r]
        if not any(c.strip() for c in row) or len(row) != len(header) or _holds_labels(row, section):
            break
        above = _above(header, row, section, where(r), child=k)
        if above is None or _score(_alone(row, section, where(r)), section) >= _score(above, section) \
                or not any(_kv_score(kv, section) >= 2 for kv in above if isinstance(kv, KV)):
            break  # (a further child has at least one answer of its column's type: blanks alone are none)
        out.append(above)
        k += 1
    return out


LONG_ANSWERS = ("incident.summary", "criteria.reason", "immediate_concerns")
DOT_LEADER = re.compile(r"[ \t]*(?:\.[ ]?){3,}\.?[ \t]*|[ \t]*…+[ \t]*|[ \t]*_{3,}[ \t]*")


def _leader_pairs(text: str, section: str | None) -> list | None:
    """Several dot-leader pairs on one line ('Full name....Ann Lee Designation....Nurse Email....a@b'): each
    piece between two leaders is an answer followed by the next label, cut where its last words read best as
    a label (the highest label score, the longer label on a tie). None where a piece holds no label."""
    if len(DOT_LEADER.findall(text)) < 2:
        return None
    pieces = [p.strip() for p in DOT_LEADER.split(text.strip())]
    if len(pieces) < 3 or not pieces[0]:
        return None
    labels, values = [pieces[0]], []
    for piece in pieces[1:-1]:
        words = piece.split()
        best = None
        for k in range(0, len(words)):
            label = " ".join(words[k:])
            score = rule_strength(label, section) if looks_like_label(label) and rule_match(label, section) else 0.0
            if score >= 0.5 and (best is None or score > best[0]):
                best = (score, k)
        if best is None:
            return None
        values.append(" ".join(words[:best[1]]))
        labels.append(" ".join(words[best[1]:]))
    values.append(pieces[-1])
    return [KV(label, value) for label, value in zip(labels, values)]


def text_items(text: str, section: str | None, in_table: bool = False, heading: bool = False) -> list:
    t = DOT_LEADER.sub("\t", text).strip()  # 'Label ........ value': the leader is the gap between them
    if not t:
        return []
    pairs = _leader_pairs(text, section) if "\n" not in t else None
    if pairs:
        return pairs
    first_line = t.split("\n")[0]
    kv = split_label(t, section)
    if kv:
        return kv
    if in_table and "\n" in t and looks_like_label(t) and rule_match(_joined(t), section) and not rule_match(first_line, section):
        return [KV(_joined(t), "")]  # a label wrapped over two lines of its cell
    label_only = first_line.rstrip().endswith((":", "?"))
    f = rule_match(first_line.rstrip(":"), section)
    letters = [c for c in first_line if c.isalpha()]
    shouting = len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)  # a capitals heading
    sec = section_of(first_line) or title_section(first_line, "\n" not in t and not in_table and bool(
        heading or shouting or _NUMBERED_TITLE.match(first_line)))   # (a table's cells: a label cell is no title)
    if sec == "office" and directory(first_line):
        sec = "directory"   # (an office part to the rule reader, whose contacts table is no agencies table)
    if label_only and f:
        return [KV(first_line.rstrip(":"), "\n".join(t.split("\n")[1:]), section_hint=None)]
    if sec and (heading or in_table or shouting or len(first_line) < 60) and "\n" not in t \
            and not (first_line.rstrip().endswith("?") and not f):  # a question of its own is no heading
        if first_line.rstrip().endswith(".") and len(first_line.split()) >= 4 and not heading and not shouting:
            return [("sentence", sec, t)]  # a sentence naming a section: a long answer's text, or a heading
        if f in LONG_ANSWERS and not in_table:
            return [sec, KV(first_line, "")]  # 'Description of the incident': a heading and the question both
        return [sec]
    asked = unnumbered(first_line)   # ('13. Child's name': the number's full stop ends no sentence)
    if f and len(first_line) < 80 and "\n" not in t and not re.search(r"\.\s", asked) \
            and not (asked.endswith(".") and len(asked.split()) >= 3 and len(asked.split()[-1]) > 5):
        return [KV(first_line, "")]  # (a sentence ending in a full stop is an answer, not a label)
    return [("text", t)]


def _options_listed(nxt, after) -> bool:
    """Two lines that are options of one choice, one under the other ('Female' over 'Male', 'Death of a child' over
    'Serious harm to a child'): a question's options printed as a list, their marks drawn (not in the text) - no
    answer however the first reads."""
    if not isinstance(nxt, Para) or not isinstance(after, Para) or "\n" in nxt.text or "\n" in after.text:
        return False
    return one_choice_listed(nxt.text, after.text)


def _answer_line(nxt, b: Para, section: str | None, path: str | None) -> bool:
    """The line under a PDF question is its answer: same page, and no label, question or heading itself. A
    line that could be a label ('Marches Sixth Form College' names a school) answers a question whose type
    it fits, when that type is narrower than free text."""
    if not isinstance(nxt, Para) or (nxt.y is None) != (b.y is None) or nxt.page != b.page:
        return False
    if b.y is None and (nxt.heading or not b.heading):
        return False   # (a Word question set as a heading, its answer the plain paragraph under it)
    t = DOT_LEADER.sub("\t", nxt.text).strip()
    if not t or "\t" in t or split_label(t, section) or t.endswith(("?", ":")) or _shouting(t):
        return False
    typed = (path or "").replace("person.", "referrer.")
    if path and section_of(t) and kind_of(typed) not in (TEXT, LONG_TEXT) and fit(typed, t) <= 0:
        return False  # a heading under a blank 'Direct line ....' is the next section, not a telephone number
    if rule_match(t, section) and (rule_strength(t, section) >= 0.5 or looks_like_label(t)):
        return bool(path) and rule_strength(t, section) < 0.5 and kind_of(typed) not in (TEXT, LONG_TEXT) \
            and fit(typed, t) > 0
    return True


def _shouting(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _is_box(block) -> bool:
    return isinstance(block, Table) and len(block.rows) == 1 and len(block.rows[0]) == 1


TICKS = {"x", "✓", "✔", "☒", "☑", "y", "yes", "✗", "✘"}


def tick_list(block) -> str | None:
    """A table of options with a mark beside the chosen one ('Child death | x', 'Serious harm | ') as
    '☒ Child death\n☐ Serious harm'; None for any other table."""
    if not isinstance(block, Table) or len(block.rows) < 2 or any(len(r) != 2 for r in block.rows):
        return None
    marks = [r[1].strip().lower() for r in block.rows]
    if not all(m in TICKS or not m for m in marks) or not any(marks) or any(not r[0].strip() for r in block.rows):
        return None
    return "\n".join(f"{'☒' if m else '☐'} {_joined(r[0])}" for r, m in zip(block.rows, marks))


_CONTACT_START = re.compile(r"[\w.+'-]+@[\w-]+\.[\w.]+|(?:\+44\s?|\(?0)\d[\d ()-]{8,}")


def _tab_row(text: str, width: int, contact: int | None) -> list[str] | None:
    """A line of a tab-stop table: as many cells as the header. Where the tab before the last column, a
    contact column, was too narrow to show, the contact is cut off where a telephone number or an email
    address starts ('Kennet Valley NHS Trust 07700 900966 / a@nhs.net')."""
    cells = [c.strip() for c in text.split("\t")]
    if len(cells) == width:
        return cells
    if len(cells) == width - 1 and contact == width - 1 and len(cells) >= 2:
        m = _CONTACT_START.search(cells[-1])
        if m and m.start() > 0:
            return cells[:-1] + [cells[-1][:m.start()].strip(), cells[-1][m.start():].strip()]
    return None


def tabbed_tables(blocks: list) -> list:
    """Paragraphs laid out as a table with tab stops ('Name<tab>Agency<tab>Telephone / email' over lines of
    answers in the same columns) become a Table, so that they are read like one."""
    out: list = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        cells = b.text.split("\t") if isinstance(b, Para) else []
        header = agency_columns([c.strip() for c in cells]) if len(cells) >= 2 else None
        if header is not None:
            rows = [[c.strip() for c in cells]]
            j = k + 1
            while j < len(blocks) and isinstance(blocks[j], Para):
                row = _tab_row(blocks[j].text, len(cells), header.get("contact"))
                if row is None:
                    break
                rows.append(row)
                j += 1
            if len(rows) >= 2:
                out.append(Table(rows=rows))
                k = j
                continue
        out.append(b)
        k += 1
    return out


def wrapped_labels(blocks: list) -> list:
    """A PDF label wrapped over two lines ('What immediate safeguarding action' / 'has been taken?<tab>An
    initial…'): the first line has no end of its own and the next goes on in lower case to the label's end."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(b, Para) and isinstance(prev, Para) and b.y is not None and prev.y is not None \
                and b.page == prev.page and b.text[:1].islower() and re.search(r"[?:\t]", b.text) \
                and not re.search(r"[?:\t.]", prev.text) and len(prev.text) < 70 and prev.text[:1].isupper():
            out[-1] = Para(prev.text + " " + b.text, prev.heading, prev.y, prev.page)
            continue
        out.append(b)
    return out


def block_items(blocks: list) -> list:
    items: list = []
    section = None
    carry: dict = {}
    tables = paragraphs = 0
    blocks = tabbed_tables(wrapped_labels(blocks))
    for k, b in enumerate(blocks):
        if isinstance(b, Para):
            paragraphs += 1
            if getattr(b, "_answered_line", False):
                continue
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if (_is_box(nxt) or tick_list(nxt)) and "\n" not in b.text.strip():
                # a question with its answer box below: the box is the answer, however its words read
                label = b.text.strip()
                sec = section_of(label)
                if rule_match(label.rstrip(":"), sec or section) and not split_label(label, section):
                    new = ([sec] if sec and sec != section and rule_strength(label, sec) < 1 else []) + \
                          [KV(label.rstrip(":"), tick_list(nxt) or nxt.rows[0][0], source=f"table {tables + 1}")]
                    for it in new:
                        if isinstance(it, str):
                            section = it
                    items.extend(new)
                    b._answered = True
                    continue
            new = text_items(b.text, section, heading=b.heading)
            where = f"paragraph {paragraphs}" + (f" (page {b.page + 1})" if b.page is not None else "")
            if (b.y is not None or b.heading) and new and isinstance(new[-1], str) and "\t" not in b.text and \
                    not b.text.rstrip().endswith(".") and rule_match(b.text.strip(), new[-1]) \
                    and (b.y is not None or rule_strength(b.text.strip(), new[-1]) >= 0.3):
                new.append(KV(b.text.strip(), ""))  # a line that heads a section and asks for an answer, both
                asked = new[-1]
            else:
                asked = None
            label_section = next((x for x in reversed(new) if isinstance(x, str)), section)
            if (b.y is not None or b.heading) and new and isinstance(new[-1], KV) and not new[-1].value.strip() and \
                    _answer_line(nxt, b, label_section, rule_match(new[-1].label, label_section)) and \
                    not _options_listed(nxt, blocks[k + 2] if k + 2 < len(blocks) else None):
                if b.y is not None or new[-1] is asked:
                    new[-1].value = nxt.text  # a PDF question on its own line, its answer on the line below
                    nxt._answered_line = True
                    # (a Word question that names its part of the form: its answer may name one too, 'Brookfield
                    # Children's Centre'; the plain paragraphs after it carry a long answer or an address on)
                    new[-1].open_ended = True
                # (any other Word question: the paragraphs under it join it, as they join a bare label)
            elif asked is not None:
                new.remove(asked)  # a heading after all: no answer under it
            for it in new:
                if isinstance(it, KV):
                    it.source = where
                    if b.y is not None:  # PDF text layout: a value may wrap or break onto the following lines
                        it.open_ended = True
            carry.clear()  # text between two tables: the second is not a continuation
        elif isinstance(b, Table):
            tables += 1
            if k and getattr(blocks[k - 1], "_answered", False):
                continue  # read with its question
            ticks = tick_list(b)
            if _is_box(b) or ticks:  # a box (or a list of options to tick) for the answer to the question above
                new = [("box", ticks or b.rows[0][0], f"table {tables}")]
                carry.clear()
            else:
                new = stacked_cells(b, section, tables) or table_items(b, section, carry, tables)
        elif isinstance(b, Pair):
            new = [KV(b.label, b.value, section_hint=b.hint, blank_line_paragraphs=True,
                      source=f"form field {b.hint}" if b.hint else "form field")]
        else:
            new = []
        for it in new:
            if isinstance(it, str):
                section = it
            elif isinstance(it, tuple) and it[0] == "sentence":
                section = it[1]  # (as before: the labels below are read in the section it names)
        items.extend(new)
    return items
