"""One picture of a document, whatever produced it: the readers' blocks as a flat list of items.

Every reader (Word XML, PDF text, drawn PDF tables, fillable PDF widgets) hands over paragraphs,
tables and widget pairs (``parsers.blocks``). Here each becomes ``Item``s that say where the text
sits — paragraph order, or table / row / column, or a widget — and which section of the form it is
in, so that the candidate generator can relate any label to any answer by the same few relations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers import normalise as n
from parsers.blocks import Pair, Para, Table, current_answers, option_lists
from parsers.vocabulary import normalise_label, section_of, title_section
from parsers.wording import composed, whose


@dataclass
class Item:
    n: int                        # order in the document
    text: str
    kind: str                     # "para" | "cell" | "widget"
    table: int | None = None
    row: int | None = None
    col: int | None = None
    width: int = 1                # cells in this row (tables)
    heading: bool = False
    page: int | None = None
    hint: str = ""                # a widget's internal name
    label: str = ""               # a widget's printed label
    wrapped: bool = False         # a widget's lines are wrapped lines, paragraphs parted by an empty line
    section: str | None = None    # the form's section this item sits in
    starts_section: str | None = None
    ends_section: bool = False    # a numbered heading naming no section we know: what went before ends here

    def where(self) -> str:
        if self.kind == "cell":
            return f"table {self.table + 1}, row {self.row + 1}, cell {self.col + 1}"
        if self.kind == "widget":
            return f"form field {self.hint or self.label}"
        return f"paragraph {self.n + 1}"


@dataclass
class Picture:
    items: list[Item] = field(default_factory=list)
    tables: dict[int, list[list[Item]]] = field(default_factory=dict)   # table -> rows of items
    field_tables: set[int] = field(default_factory=set)   # the tables a fillable form's fields make, row by row


_HEADING_WORDS = re.compile(r"^(section|part)\s+\w+|^\d+(\.\d+)*\s*[.)\-–:]?\s+[A-Z]")


def _heading_section(text: str, heading: bool, alone: bool) -> str | None:
    """The section a heading-like line opens: a Word heading, a lone table row, a short numbered line."""
    t = text.strip()
    if not t or len(t) > 90 or "\n" in t or t.count("\t") >= 2:
        return None   # (a line set out in tabbed columns is a row of a table, not a heading)
    if not (heading or alone or _HEADING_WORDS.match(t) or t.isupper()):
        return None
    if t.endswith("?") and not (heading or t.isupper()):
        return None   # a question, unless set as a heading ('6. WHO ELSE IS INVOLVED?')
    numbered_line = not (heading or alone or t.isupper()) and not re.match(r"(?i)(section|part)\b", t)
    if numbered_line and composed(t) and composed(t)[0][1] >= 0.5:
        return None   # '1. Date of this notification': a numbered question, not the heading of a section
    found = section_of(t)
    if not found and " / " in t:  # 'Arweinydd diogelu / Safeguarding lead': each language's half
        found = next((f for f in (section_of(half) for half in t.split(" / ")) if f), None)
    if found or len(t.split()) > 5:
        return found
    # 'REPORTER DETAILS', 'About the pupil': words that say whose details follow, naming no detail themselves
    head, sure = whose(t)
    field_read = composed(t)
    if head and sure >= WHOSE_HEADING and not (field_read and field_read[0][1] >= 0.3):
        return head
    return None


WHOSE_HEADING = 0.7

def _title_section(text: str, heading: bool, one_cell: bool | None, styled: str = "") -> str | None:
    """The section a part's title opens in words a form also uses as questions (``vocabulary.title_section``): set
    as a title - a paragraph set as a Word heading, in capitals or numbered; in a table, only a row of one cell
    (``one_cell`` None: not in a table). A label cell in capitals ('SUPERVISOR | (blank)') is no title. A paragraph
    in Word's heading style (``styled``: 'Heading 1', not merely bold) is set furthest apart of all."""
    t = text.strip()
    titled = one_cell if one_cell is not None else bool(heading or t.isupper() or _HEADING_WORDS.match(t))
    return title_section(t, titled, styled)


# The form's own title ('Safeguarding children - serious incident referral', 'Notification of a serious incident
# involving a child') names the whole form, not a section of it, however many section words it holds.
_TITLE = re.compile(r"\b(referral|notification|form|review|report|ffurflen|partnership|board)\b", re.I)


def _is_title(text: str, heading: bool) -> bool:
    t = text.strip()
    return (heading or t.isupper() or len(t.split()) >= 3) and not _HEADING_WORDS.match(t) and ":" not in t \
        and not t.endswith("?") and bool(_TITLE.search(t)) \
        and section_of(t) not in ("referrer", "lead", "agencies", "concerns", "office", "family")


def _ends_section(text: str, heading: bool, alone: bool) -> bool:
    """A numbered or 'Section 2' / 'Part B' heading, set apart as a heading, that opens a section we cannot name
    ('2. Trust safeguarding team'): the section before it has ended, and what follows is not read as part of it."""
    t = text.strip()
    if not ((heading or alone) and 0 < len(t) <= 90 and "\n" not in t and not t.endswith("?")):
        return False
    if re.match(r"\d+\.\d", t) or not _HEADING_WORDS.match(t):
        return False   # '1.1 Date of referral': a numbered question inside a section, not a new one
    read = composed(t)
    return not (read and read[0][1] >= 0.5)   # '3. Name of school' asks for a detail: a question, not a heading


def build(blocks: list) -> Picture:
    pic = Picture()
    n_table = 0
    preamble = True   # before the first table, field or section: where the form's title stands
    for b in option_lists(current_answers(blocks)):
        if isinstance(b, Para):
            if not b.text.strip():
                continue
            it = Item(len(pic.items), b.text, "para", heading=b.heading, page=b.page)
            if preamble and _is_title(b.text, b.heading):
                pic.items.append(it)   # the title: no section yet
                continue
            it.starts_section = _heading_section(b.text, b.heading, False) \
                or _title_section(b.text, b.heading, None, b.styled)
            it.ends_section = not it.starts_section and _ends_section(b.text, b.heading, False)
            preamble = preamble and not (it.starts_section or ":" in b.text or b.text.strip().endswith("?")
                                         or len(b.text.split()) > 12)   # the form's body has begun
            pic.items.append(it)
        elif isinstance(b, Table) and n.date_boxes(b.rows) is not None:
            # 'DD | MM | YYYY' boxes over '03 | 11 | 2012': one date, read as the paragraph it stands for
            pic.items.append(Item(len(pic.items), n.date_boxes(b.rows), "para", page=b.page))
        elif isinstance(b, Table):
            rows = []
            for r, row in enumerate(b.rows):
                cells = []
                filled = [c for c in row if c.strip()]
                for c, text in enumerate(row):
                    it = Item(len(pic.items), text, "cell", table=n_table, row=r, col=c, width=len(row), page=b.page)
                    if len(filled) == 1 and text.strip():
                        it.starts_section = _heading_section(text, False, True) or _title_section(text, False, len(row) == 1)
                        it.ends_section = not it.starts_section and _ends_section(text, False, True)
                    pic.items.append(it)
                    cells.append(it)
                rows.append(cells)
            pic.tables[n_table] = rows
            if getattr(b, "_acro", None) is not None:
                pic.field_tables.add(n_table)
            n_table += 1
            preamble = False
        elif isinstance(b, Pair):
            it = Item(len(pic.items), b.value or "", "widget", hint=b.hint or "", label=b.label or "",
                      page=b.pos[0] if b.pos else None, wrapped=b.wrapped)
            pic.items.append(it)
            preamble = False
    section = None
    for it in pic.items:
        if it.starts_section:
            section = it.starts_section
        elif it.ends_section:
            section = None
        it.section = (hint_section(it.hint) if it.kind == "widget" else None) or section
    return pic


HINT_SECTIONS = [("lead", {"lead", "dsl", "manager", "mgr", "safeguarding", "officer", "authoriser"}),
                 ("referrer", {"referrer", "notifier", "referring", "ref", "reporter"}),
                 ("child", {"child", "subject", "cyp", "patient", "pupil"}), ("incident", {"incident"}),
                 ("criteria", {"criteria"}), ("agencies", {"agency", "agencies"}), ("panel", {"panel"})]


_CONTROL_PREFIX = re.compile(r"^(?:txt|fld|frm|chk|cbo|cmb|ddl|opt|rdo|rb|cb|tb)([a-z]{2,})$")


def hint_section(hint: str) -> str | None:
    """The section a fillable field's internal name points at: 'dsl_name' -> lead, 'form1[0].Page1[0].ChildDob[0]'
    -> child. The field's own last name counts, not the containers around it."""
    last = re.split(r"[.\]]", hint.rstrip("]0123456789[."))[-1] if hint else ""
    tokens = set(re.split(r"[_\W\d]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", last).lower()))
    # a control-type prefix glued to the first word ('txtlead_agency', 'fldref_name') is no part of it
    tokens |= {m.group(1) for t in tokens if (m := _CONTROL_PREFIX.match(t))}
    for name, words_ in HINT_SECTIONS:
        if tokens & words_:
            return name
    return None


def words(text: str) -> list[str]:
    return normalise_label(text).split()
