"""The format-neutral shape every document reader produces: paragraphs and tables in order.

Checkbox states are rendered as glyphs (☒ checked, ☐ unchecked) so that one
yes/no reader serves Word controls, legacy fields, Wingdings and PDF boxes.
Content-control placeholders and unfilled fields are rendered as empty text.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from parsers.vocabulary import incident_type

CHECKED, UNCHECKED = "☒", "☐"

# Symbol fonts' boxes (Wingdings, Wingdings 2) by their code: Word keeps them in the private use area (U+F0xx) when
# text in such a font is typed or pasted rather than inserted as a symbol, and a PDF without a Unicode map prints
# the font's own byte.
SYMBOL_CHECKED = {0xFE, 0xFD, 0x78, 0xFC, 0x52, 0x54, 0x53, 0x50, 0xD3, 0xD4}
SYMBOL_UNCHECKED = {0xA8, 0x6F, 0xA3, 0x71, 0xA1, 0x2A, 0xA2}
PRIVATE_USE_BOXES = {0xF000 + c: CHECKED for c in SYMBOL_CHECKED} | {0xF000 + c: UNCHECKED for c in SYMBOL_UNCHECKED}


def symbol_boxes(text: str) -> str:
    """Text with the private-use code points of symbol fonts' boxes as the boxes they show ('\uf0fe YES' is
    '☒ YES'); every other character kept."""
    return text.translate(PRIVATE_USE_BOXES)


# the words of one option of a choice, printed whole ('YES / NO / UNKNOWN', 'Female / Male / Other') or a cell each
# ('Yes | No | Not known'): the one marked by a highlight or shading alone is read as ticked; a row of them with
# none marked is no answer. 'Other' only alone or as 'Other (please specify)': 'Other names used' is a label.
OPTION = re.compile(r"(?i)^\s*(yes|no|y|n|unknown|not known|not sure|don['’]t know|n/?a|n/?k|not applicable|female|"
                    r"male|girl|boy|non-binary|prefer not to say|death|serious harm|"
                    r"other(\s*[(-]?\s*please specify\)?)?:?)\s*$")


# the pairs that make a set of options one choice: 'Yes | No', 'Female | Male', 'Death | Serious harm'
CHOICE_PAIRS = ({"yes", "no"}, {"y", "n"}, {"female", "male"}, {"girl", "boy"}, {"death", "serious harm"})


def is_choice(options: list[str]) -> bool:
    """Words that are the options of one choice: each an option, and a pair that belongs together among them
    ('Other names used | n/a' is a label and its answer, not two options)."""
    said = {" ".join(o.split()).casefold() for o in options}
    return len(options) >= 2 and all(OPTION.match(o) for o in options) and any(p <= said for p in CHOICE_PAIRS)


def option_cells(cells: list[str]) -> int:
    """The run of cells from the first that are each one option of one choice (``is_choice``), all boxed ('☐ Yes |
    ☒ No') or all bare ('Yes | No | Not known'), empty spacer cells among them: how many cells it spans; else 0."""
    words, boxed, span = [], [], 0
    for k, c in enumerate(cells):
        t = c.strip()
        if not t:
            continue
        box = t[:1] in (CHECKED, UNCHECKED)
        word = t[1:].strip() if box else t
        if not OPTION.match(word):
            break
        words.append(word)
        boxed.append(box)
        span = k + 1
    if not is_choice(words) or (any(boxed) and not all(boxed)):
        return 0
    return span


def one_choice_listed(a: str, b: str) -> bool:
    """Two lines, one under the other, that are options of one choice ('Female' over 'Male', 'Death of a child' over
    'Serious harm to a child'): a question's options printed as a list."""
    a, b = a.strip(), b.strip()
    kinds = (incident_type(a), incident_type(b))
    return is_choice([a, b]) or (None not in kinds and kinds[0] != kinds[1] and len(a) < 60 and len(b) < 60)


@dataclass
class Para:
    text: str
    heading: bool = False
    y: float | None = None       # PDF text layout: top of the line as a fraction of the page height
    page: int | None = None
    indent: int = 0              # spaces typed before the text (a fixed-width report's empty first column)
    tabs: int = field(default=0, repr=False)   # Word: tabs typed before the text (its first columns left empty)
    styled: str = field(default="", repr=False, compare=False)   # Word: the part-title style it is in ('Heading1')


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    page: int | None = None      # PDF text layout: the page it was drawn on


@dataclass
class Pair:
    """A label and its value, as a form-field reader found them (AcroForm)."""
    label: str
    value: str
    hint: str = ""        # e.g. the field's internal name, which may name its section
    pos: tuple | None = None   # (page, top, left) of its widget, to read it in the section printed above it
    wrapped: bool = False      # its lines were typed across a run of one-line fields: wrapped, not paragraphs


Block = Para | Table | Pair


# a question's number at the start of its line, set off by a tab, a bracket, a full stop or a colon ('C12<tab>Adoptive
# home address', 'Q3. Date of birth', '4) Gender'); a number alone in a cell ('C12', 'Q3', '4.')
_NUMBERED = re.compile(r"^\s*((?:[A-Z]{1,2}|Q\s?)?\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[.):]\s*|\t+|\s+(?=[A-Z(]))(\S.*)$")
_NUMBER = re.compile(r"^\s*((?:[A-Z]{1,2}|Q\s?)?\d{1,3}(?:\.\d{1,3})*[a-z]?)[.):]?\s*$")


def _code(text: str) -> str:
    return re.sub(r"\s", "", text).upper()


def answers_by_number(blocks: list) -> list:
    """A form that lists its numbered questions and then gives the answers in a table keyed by those numbers
    ('C12<tab>Adoptive home address' ... then 'C12 | 85 Marigold Court'): each number in the table's first column is
    read as its question, so the answer stands beside the words that ask for it. Only a list of questions (numbered
    lines one after another, since the table before) keys a table; the listed questions so answered are dropped, as
    their answers now stand beside them. Any other block is kept as it is."""
    out: list = list(blocks)
    used: set[int] = set()
    after = -1   # where the table before this one stands
    for i, b in enumerate(blocks):
        if not isinstance(b, Table):
            continue
        listed = _listed_questions(blocks, after + 1, i)
        rows, keyed = [], []
        for r in b.rows:
            m = _NUMBER.match(r[0]) if r else None
            q = listed.get(_code(m.group(1))) if m else None
            if q is not None and len(r) >= 2:
                keyed.append(q[0])
                r = [q[1]] + r[1:]
            rows.append(r)
        if keyed:
            out[i] = Table(rows, b.page)
            used.update(keyed)
        after = i
    return [b for i, b in enumerate(out) if i not in used]


def _listed_questions(blocks: list, start: int, end: int) -> dict[str, tuple[int, str]]:
    """The numbered questions listed in blocks[start:end], by number: the last run of two or more numbered lines one
    after another, else the last numbered line whose number has a letter ('H1<tab>Immediate concerns'). A numbered
    line with text under it ('1. Introduction') on its own is a heading, not a list of questions."""
    runs: list[dict[str, tuple[int, str]]] = [{}]
    for i in range(start, end):
        b = blocks[i]
        m = _NUMBERED.match(b.text) if isinstance(b, Para) and "\n" not in b.text.strip() else None
        if m:
            runs[-1][_code(m.group(1))] = (i, m.group(2).strip())
        elif runs[-1]:
            runs.append({})
    lists = [r for r in runs if len(r) >= 2]
    if lists:
        return lists[-1]
    lettered = [r for r in runs if r and not next(iter(r)).isdigit()]
    return lettered[-1] if lettered else {}


def drop_action_words(blocks: list) -> list:
    """A printed web page's action links at the end of its rows ('Baby's name<tab>Roxanne Oldroyd<tab>Change'): the
    same short word set apart at the end of four or more lines is no part of the answers, and is dropped."""
    ends: dict[str, int] = {}
    for b in blocks:
        if isinstance(b, Para) and b.text.count("\t") >= 2 and "\t" in b.text.split("\n")[0]:
            last = b.text.split("\n")[0].rsplit("\t", 1)[1].strip()
            if 0 < len(last) <= 12 and len(last.split()) == 1 and last.isalpha():
                ends[last] = ends.get(last, 0) + 1
    action = {w for w, k in ends.items() if k >= 4}
    if not action:
        return blocks
    out = []
    for b in blocks:
        if isinstance(b, Para) and "\t" in b.text:
            first, sep, rest = b.text.partition("\n")
            head, _, last = first.rpartition("\t")
            if last.strip() in action and head.count("\t") >= 1:
                b = Para(head + sep + rest, b.heading, b.y, b.page)
        out.append(b)
    return out


def repeated_captions(table: Table) -> Table:
    """Rows of boxes each captioned alike ('Name\nAnn Lee | Agency\nPolice', then 'Name\nBen Cole | Agency\nCAMHS'):
    one row of the captions over a row of the answers each, as a table with a header row prints them (a heading row
    over them is kept). Any other table is kept as it is."""
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    lead = 0
    while lead < len(rows) and sum(1 for c in rows[lead] if c.strip()) == 1 and "\n" not in rows[lead][0]:
        lead += 1   # a heading row
    body = rows[lead:]
    if len(body) < 2 or len({len(r) for r in body}) != 1 or len(body[0]) < 2 or not all(
            any("\n" in c for c in r) for r in body):
        return table   # (every row holds a caption over an answer somewhere: 'Yes | No' rows are options, no captions)
    heads = [[c.split("\n", 1)[0].strip() for c in r] for r in body]
    if any(h != heads[0] for h in heads) or not all(heads[0]) or len(set(heads[0])) != len(heads[0]):
        return table
    values = [[c.split("\n", 1)[1].strip() if "\n" in c else "" for c in r] for r in body]
    return Table(rows[:lead] + [heads[0]] + values, table.page)


_RULE = re.compile(r"^\s*[-=_*~#]{10,}\s*$")
_RULED_TITLE = re.compile(r"^\s*[-=*~#]{3,}\s*([^-=*~#\s].{0,80}?)\s*[-=*~#]{3,}\s*$")
_DASH_RUNS = re.compile(r"-{3,}")
_DASHED_RULE = re.compile(r"^\s*-{3,}(?: +-{3,})+\s*$")
_PADDED_COLON = re.compile(r"^(\S[^:\n]{0,80}?\S)\s{2,}:(\s|$)")


def _text_columns(rule: str) -> list[tuple[int, int]] | None:
    """The columns a report's dashed rule ('-------  ---------  -----') draws under its header line."""
    if not _DASHED_RULE.match(rule):
        return None
    return [m.span() for m in _DASH_RUNS.finditer(rule)]


def _text_row(line: str, cols: list[tuple[int, int]]) -> list[str] | None:
    """A line cut at the columns' starts; None unless every column's words start where its dashes do and stop
    before the gap to the next column (a line of prose or a 'Label      : answer' line is no row of the table)."""
    starts = [a for a, _ in cols]
    for (_, end), (a, _) in zip(cols, cols[1:]):
        if line[end:a].strip():
            return None
    bounds = starts + [max(len(line), starts[-1]) + 1]
    cells = [line[bounds[k]:bounds[k + 1]].strip() for k in range(len(cols))]
    if any(cell and line[a] == " " for cell, a in zip(cells, starts)) or _PADDED_COLON.match(line.strip()) \
            or line.rstrip().endswith(":"):
        return None
    return cells


def _typed(b: Para) -> str:
    return " " * b.indent + b.text


def text_report(blocks: list) -> list:
    """A case system's report saved as text lines, the columns made of spaces: a title between rules ('---- PART 1:
    REFERRER ----') is a heading, a line of rule characters alone is dropped, 'Label      : answer' loses its
    padding, and a header line over a dashed rule ('Name     Agency' / '-----  -----') with rows under it is a
    table, each row cut where the rule's dashes start. Other blocks are kept as they are."""
    out: list = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if not isinstance(b, Para) or "\n" in b.text:
            out.append(b)
            i += 1
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        cols = _text_columns(_typed(nxt)) if isinstance(nxt, Para) and "\n" not in nxt.text else None
        header = _text_row(_typed(b), cols) if cols else None
        if header and sum(1 for h in header if h) >= 2:
            rows, j = [header], i + 2
            while j < len(blocks) and isinstance(blocks[j], Para) and "\n" not in blocks[j].text \
                    and not _RULE.match(blocks[j].text) and not _RULED_TITLE.match(blocks[j].text):
                row = _text_row(_typed(blocks[j]), cols)
                if row is None or not any(row):
                    break
                rows.append(row)
                j += 1
            out.append(Table(rows, b.page))
            i = j
            continue
        if _RULE.match(b.text):
            i += 1
            continue
        title = _RULED_TITLE.match(b.text)
        if title:
            out.append(Para(title.group(1), True, b.y, b.page))
        else:
            padded = _PADDED_COLON.match(b.text)
            out.append(Para(padded.group(1) + ":" + b.text[padded.start(2):], b.heading, b.y, b.page) if padded else b)
        i += 1
    return out


_PAIR_SEPARATOR = re.compile(r"\s*;\s+|\s+\|\s+|\s+•\s+")
# fields set apart on a line by a wide gap typed with the space bar: three spaces or more, or two or more spaces of
# which one is an em / en space (not tabs: fields at tab stops are ``tab_pairs``' and the trained reader's own)
_GAP_LABEL = re.compile(r"^[A-Z0-9][^:?\n]{0,100}[:?](\s|$)")
_WIDE_GAP = re.compile(r"[ \u00a0]*[\u2000-\u200a\u3000][ \u00a0\u2000-\u200a\u3000]+|[ \u00a0]{3,}")
_DASH = re.compile(r"\s+[—–]\s+")
_COLON_LABEL = re.compile(r"^[A-Z0-9][^:\n]{0,40}:\s+\S")
_INLINE_LABEL = re.compile(r"^[A-Z0-9][^;|•\n]{0,100}?(:|\?|\))(\s|$)")


_TAB_LABEL = re.compile(r"^[A-Z0-9][^\t\n]{0,100}[:?]$")


_REPLY_TAGGED = re.compile(r"^([A-Z]{2,3}):\s+(?=\S)")
REPLY_TAGS = 4   # answers opening with the same initials, at least, for those initials to be a replier's tag


def reply_tags(blocks: list) -> list:
    """A form sent back by e-mail with each answer typed under its question after the replier's initials ('MM: White
    British', 'MM: 82 Orchard Drive'): the initials dropped, where four paragraphs or more open with the same ones (a
    single 'GP: Dr Shah' keeps its label)."""
    tags = Counter(m.group(1) for b in blocks if isinstance(b, Para) and (m := _REPLY_TAGGED.match(b.text)))
    mine = {tag for tag, n in tags.items() if n >= REPLY_TAGS}
    if not mine:
        return blocks
    out = []
    for b in blocks:
        m = _REPLY_TAGGED.match(b.text) if isinstance(b, Para) else None
        out.append(replace(b, text=b.text[m.end():]) if m and m.group(1) in mine else b)
    return out


# a box that asks for a person's details in one answer ('Referrer - name and contact details', 'paste your e-mail
# signature'): its answer a signature's lines - name, job title, organisation, address, numbers, e-mail
_DETAILS_BOX = re.compile(r"(?i)^(?P<who>.*?)[\s\-–:,(]*\bname(?:,? (?:role|job title))? and contact details\b|"
                          r"\be-?mail signature\b")
_SIG_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_SIG_PHONE = re.compile(r"(?i)^(?:t|tel|telephone|phone|direct(?: line| dial)?|d|m|mob|mobile|w|work)\s*[:.]?\s*"
                        r"(\+?[\d ()-]{10,})$")
_SIG_OTHER_NUMBER = re.compile(r"(?i)^(?:main office|office|switchboard|reception|fax|main line|general enquiries|team)\b")
_SIG_SKIP = re.compile(r"(?i)^(?:pronouns?\b|i work\b|working days\b|my working|please note\b|this e-?mail\b|"
                       r"confidential|web\s*:|www\.|https?:)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_STREET = re.compile(r"^\d+[a-z]?,? [A-Z][a-z]+|\b(?:street|road|lane|way|avenue|court|house|place|drive|close|"
                     r"square|park|terrace|building|floor)\b", re.I)


def signature_fields(label: str, value: str) -> list[list[str]] | None:
    """A person's details given in one box as an e-mail signature ('Graham Unsworth' / 'Lead Nurse Assessor' /
    'Holm Vale ICB' / '87 Civic Way' / 'T: 0121 496 0595' / 'Main office: 03069 990014' / 'grahamu@nhs.net'), where
    the box's label asks for a name and contact details: a row each for the name, job title, organisation, e-mail and
    telephone, labelled as the box's person ('Nurse Assessor name' ...). The first line is the name, the next two the
    title and organisation; address lines, pronouns, working days, disclaimers and a switchboard's number are
    no part of it. None unless the box holds a name line and an e-mail or a telephone number."""
    m = _DETAILS_BOX.search(label)
    if not m:
        return None
    lines = [ln.strip(" \u00a0") for part in value.split("\n") for ln in part.split("\t") if ln.strip()]
    email = phone = None
    rest: list[str] = []
    for ln in lines:
        if _SIG_SKIP.match(ln) or _SIG_OTHER_NUMBER.match(ln) or len(ln.split()) > 14:
            continue
        found = _SIG_EMAIL.search(ln)
        if found:
            email = email or found.group(0)
            continue
        ph = _SIG_PHONE.match(ln)
        if ph or re.fullmatch(r"\+?[\d ()-]{10,}", ln):
            phone = phone or (ph.group(1) if ph else ln)
            continue
        if _POSTCODE.search(ln) or _STREET.search(ln):
            continue
        rest.append(ln)
    if not rest or not (email or phone) or re.search(r"\d", rest[0]) or len(rest[0].split()) > 5:
        return None
    who = (m.group("who") or "").strip(" -–:,") if m.groupdict().get("who") is not None else ""
    who = who or label.split(" - ")[0].strip()
    rows = [[f"{who} name", rest[0]]]
    if len(rest) > 1:
        rows.append([f"{who} job title", rest[1]])
    if len(rest) > 2:
        rows.append([f"{who} organisation", rest[2]])
    if email:
        rows.append([f"{who} email", email])
    if phone:
        rows.append([f"{who} telephone", phone])
    return rows


def signature_rows(blocks: list) -> list:
    """Each table row whose label asks for a person's name and contact details in one box, holding them as an e-mail
    signature, as rows of their own (``signature_fields``)."""
    out = []
    for b in blocks:
        if isinstance(b, Table) and any(len(r) == 2 and signature_fields(r[0], r[1]) for r in b.rows):
            rows = []
            for r in b.rows:
                rows.extend((len(r) == 2 and signature_fields(r[0], r[1])) or [r])
            b = replace(b, rows=rows)
        out.append(b)
    return out


def tab_pairs(line: str) -> list[str] | None:
    """'Label:<tab>answer<tab>Label:<tab>answer' (two fields typed on one line at tab stops): each 'Label:<tab>answer'
    on a line of its own; None unless the line is two or more labels (each ending in ':' or '?'), each followed by its
    answer. (Labels side by side, or a line ending in a label, are a row of labels over columns of answers, and an
    empty field cannot be told from such a row: those lines are kept whole.)"""
    parts = [p.strip() for p in line.split("\t") if p.strip()]
    if len(parts) < 4 or len(parts) % 2:
        return None
    pairs = [(parts[k], parts[k + 1]) for k in range(0, len(parts), 2)]
    if not all(_TAB_LABEL.match(label) and not _TAB_LABEL.match(answer) for label, answer in pairs):
        return None
    return [f"{label}\t{answer}" for label, answer in pairs]


def inline_pairs(text: str) -> str:
    """A case system's summary line of several short answers ('Name: Jo Lee; Role: Nurse; Sex (F/M) F', or joined
    by ' | ', ' • ', a wide gap of spaces, or a dash where every part is 'Label: answer'): each 'Label: answer' on a
    line of its own. Any other text (prose with a semicolon in it, 'Legal status — Care order') is kept as it is."""
    out = []
    for line in text.split("\n"):
        parts = [p for p in _PAIR_SEPARATOR.split(line.strip()) if p.strip()]
        # a dash parts fields only where every part is 'Label: answer' ('Label — answer' is one field)
        dashed = [p for p in _DASH.split(line.strip()) if p.strip()]
        if len(parts) < 2 and len(dashed) >= 2 and all(_COLON_LABEL.match(p.strip()) for p in dashed):
            parts = dashed
        if len(parts) < 2:   # 'Name: Jo Lee     DOB: 03/04/2019': fields a wide gap apart, each a label's ':' or '?'
            gapped = [p for p in _WIDE_GAP.split(line.strip()) if p.strip()]
            parts = gapped if len(gapped) >= 2 and all(_GAP_LABEL.match(p.strip()) for p in gapped) else parts
        out.extend(parts if len(parts) >= 2 and all(_INLINE_LABEL.match(p.strip()) for p in parts) else [line])
    return "\n".join(out)


# a record of questions put and answers given ('Q: Child's name' then 'A: Leo Marsh'; 'Q.', 'Question:' / 'A.',
# 'Answer:'), an interview or a call taken down: the question after its prefix, the answer after its own (or none)
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.]\s*(\S.*)$", re.S)
_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.](?:\s+(.*))?$", re.S)
_LABEL_LINE = re.compile(r"^[^:\t\n]{2,40}:\s")


def _prose(text: str) -> bool:
    """A paragraph that goes on with an answer: sentences ('He had a burn on his hand.'), not a label on a line of
    its own ('Date of incident', 'Police involved?', 'Email:') or a field at a tab stop."""
    t = text.strip()
    return bool(t) and "\t" not in t and not _LABEL_LINE.match(t) and not t.endswith(("?", ":")) \
        and (t.endswith((".", "!", ")", '"', "'")) or len(t.split()) >= 8)


def question_answers(blocks: list) -> list:
    """Paragraphs of questions each followed by its answer, both marked by their prefix ('Q.<tab>Date of birth',
    'A.<tab>31/05/2017'), as the rows of a table: question | answer. The paragraphs of sentences after an answer
    that carry no prefix, up to the next question or heading, go on with it (a long answer's later paragraphs);
    a short line without a full stop ('Date of incident'), a question or a field at a tab stop does not. A document
    needs two such pairs or more: one paragraph starting 'A.' is a lettered section, not an answer."""
    def question(b) -> str | None:
        m = _QUESTION.match(b.text.strip()) if isinstance(b, Para) else None
        return m.group(1).strip() if m else None

    def answer(b) -> str | None:
        m = _ANSWER.match(b.text.strip()) if isinstance(b, Para) else None
        return (m.group(1) or "").strip() if m else None

    pairs = sum(1 for a, b in zip(blocks, blocks[1:]) if question(a) is not None and answer(b) is not None)
    if pairs < 2:
        return blocks
    out: list = []
    rows: list[list[str]] = []
    i = 0
    while i < len(blocks):
        q = question(blocks[i])
        a = answer(blocks[i + 1]) if q is not None and i + 1 < len(blocks) else None
        if a is None:
            if rows:
                out.append(Table(rows, blocks[i - 1].page))
                rows = []
            out.append(blocks[i])
            i += 1
            continue
        parts = [a] if a else []
        j = i + 2
        while j < len(blocks) and isinstance(blocks[j], Para) and not blocks[j].heading \
                and question(blocks[j]) is None and answer(blocks[j]) is None and _prose(blocks[j].text):
            parts.append(blocks[j].text.strip())
            j += 1
        rows.append([q, "\n".join(parts)])
        i = j
    if rows:
        out.append(Table(rows, blocks[-1].page))
    return out


# 'DATE OF REPORT -- 24/11/2025', 'NEEDS NOTICED --': a label and its answer set apart by two hyphens between
# spaces, as a form is typed into a plain-text email (where a typeset form has a dash)
_DASHED = re.compile(r"^(?P<label>[^:\t\n.;]{2,90}?)\s(?P<sep>--|-|–|—)(?:\s+(?P<answer>\S.*))?$", re.S)
_DIVISION = re.compile(r"^(section|part|step|appendix|annex|page)\s+\w{1,4}$", re.I)
DASHED_LEAST = 4   # paragraphs set out so before a document is read as written that way


def dashed_pairs(blocks: list) -> list:
    """A document whose fields are paragraphs of a label, two hyphens between spaces and the answer ('EMAIL --
    neil.begum@example.org', 'NEEDS NOTICED --' with nothing after it), as a form pasted into a plain-text email
    sets them out: each such paragraph as 'Label: answer'. Only where four paragraphs or more are written so, and
    most of them are (a single hyphen, an en or an em dash parting more lines leaves the document as it is: the
    trained reader reads 'Legal status – Special guardianship order' as it stands, its grammar writes it so);
    only paragraphs with no colon or tab of their own and a label of a dozen words at most (not a sentence, not a
    section's number). A form whose labels end in colons ('Email: ...') or sit in table cells (half as many as
    the dashed lines, or more) is not written so: its dashed lines are notes or lists, and a line with the dashes
    twice ('Police -- Gemma Fairclough -- 0115 ...') is a list's row wherever it stands."""
    def split(b) -> tuple[str, str, str] | None:
        if not isinstance(b, Para) or b.heading or ":" in b.text or "\t" in b.text:
            return None
        m = _DASHED.match(b.text.strip())
        if not m or len(m["label"].split()) > 12 or _DIVISION.match(m["label"].strip()) \
                or f" {m['sep']} " in f" {m['answer'] or ''} ":
            return None
        return m["label"].strip(), m["sep"], (m["answer"] or "").strip()

    found = [split(b) for b in blocks]
    seps = Counter(f[1] for f in found if f)
    if not seps:
        return blocks
    sep, n = seps.most_common(1)[0]
    # the form's own fields: 'Label: answer' lines, and the rows of its tables (a label cell beside its answer)
    colons = sum(1 for b in blocks if isinstance(b, Para) and _LABEL_LINE.match(b.text.strip())) \
        + sum(1 for b in blocks if isinstance(b, Table) for r in b.rows if sum(1 for c in r if c.strip()) >= 2)
    if sep != "--" or n < DASHED_LEAST or n <= 2 * colons:
        return blocks
    return [Para(f"{f[0]}: {f[2]}".rstrip(), b.heading, b.y, b.page, b.indent) if f and f[1] == sep else b
            for b, f in zip(blocks, found)]


_QUOTE = re.compile(r"^\s*(?:>\s?)+")
QUOTED_LEAST = 5   # paragraphs quoted with '>' that make a document an email's quoted text


def unquoted(blocks: list) -> list:
    """A plain-text email forwarded and saved into Word (or printed), its form quoted line by line ('> Date of report -
    Sun 25 Jan 2026', a lone '>' between paragraphs): each quoted paragraph without its quote marks, a lone mark as an
    empty line. Only where five paragraphs or more are quoted and they are most of the paragraphs from the first."""
    quoted = [isinstance(b, Para) and bool(_QUOTE.match(b.text)) and b.text.lstrip().startswith(">") for b in blocks]
    if sum(quoted) < QUOTED_LEAST:
        return blocks
    first = quoted.index(True)
    paras = [q for b, q in zip(blocks[first:], quoted[first:]) if isinstance(b, Para)]
    if sum(paras) * 2 < len(paras):
        return blocks
    return [Para(_QUOTE.sub("", b.text, count=1), b.heading, b.y, b.page, b.indent) if q else b
            for b, q in zip(blocks, quoted)]


_RULE_LINE = re.compile(r"^\s*([-=~_*])\1{2,}\s*$")


def underlined_headings(blocks: list) -> list:
    """Plain text's headings: a line underlined by a line of '-' or '=' about as long ('THE INCIDENT' over
    '------------'), as an email or a text file sets a heading: the line as a heading, without its rule. A rule under
    a line much longer or shorter than itself is a divider, and stays."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(b, Para) and _RULE_LINE.match(b.text) and isinstance(prev, Para) and prev.text.strip() \
                and not _RULE_LINE.match(prev.text) and abs(len(b.text.strip()) - len(prev.text.strip())) <= 3 \
                and len(prev.text.split()) <= 10:
            out[-1] = Para(prev.text, True, prev.y, prev.page, prev.indent)
            continue
        out.append(b)
    return out


_ICON_LABELS = {"☎": "Telephone", "✆": "Telephone", "📞": "Telephone", "☏": "Telephone", "✉": "Email", "📧": "Email",
                "🖂": "Email"}
_ICON_LINE = re.compile(r"^\s*([☎✆📞☏✉📧🖂])\ufe0f?\s*(\S.*)$")


def icon_labels(blocks: list) -> list:
    """A telephone number after a telephone icon, an email address after an envelope ('☎ 07700 900925', '✉
    p.raman@example.org.uk'), as a designed page or a letterhead gives them without a label: as 'Telephone: ...' and
    'Email: ...' lines."""
    out = []
    for b in blocks:
        m = _ICON_LINE.match(b.text) if isinstance(b, Para) and "\n" not in b.text else None
        out.append(Para(f"{_ICON_LABELS[m.group(1)]}: {m.group(2).strip()}", b.heading, b.y, b.page, b.indent) if m else b)
    return out


_ANSWER_FIRST = re.compile(r"^\s*[✔✓✘✗?–] ?(?P<answer>(?i:yes|no|y|n|not known|unknown|not sure|unsure|don'?t know)) +"
                           r"(?P<statement>[A-Z](?=[^\t]*[a-z])[^\t]{9,})$")
ANSWER_FIRST_LEAST = 2   # an icon list's lines: at least two statements, each after its mark and answer


def answer_first(blocks: list) -> list:
    """Statements each after an icon and its answer ('✔ Yes Abuse or neglect is known or suspected', '✘ No The
    child has died or been seriously harmed', '? Not known ...'), as a designed one-page form lists the review
    criteria: each as the statement, a tab, the answer. Only where two paragraphs or more are written so."""
    found = [_ANSWER_FIRST.match(b.text) if isinstance(b, Para) and not b.heading and "\n" not in b.text else None
             for b in blocks]
    found = [m if m and len(m["statement"].split()) >= 3 else None for m in found]   # a statement, not 'NO UNKNOWN'
    if sum(1 for m in found if m) < ANSWER_FIRST_LEAST:
        return blocks
    return [Para(f"{m['statement'].strip()}\t{m['answer']}", b.heading, b.y, b.page, b.indent) if m else b
            for b, m in zip(blocks, found)]


TAB_ROWS = 3   # lines of three columns or more, one under another, that make a table set out with tab stops


def _heads_columns(row: list[str]) -> bool:
    """A line that names columns: tabs before its first name ('<tab>Child 1<tab>Child 2'), or short names in every
    cell, none a label ending in ':' and none with a number in it ('Name<tab>Agency<tab>Contact'; 'B1.1<tab>Child's
    full name<tab>Piran' is a numbered question and its answer)."""
    filled = [c for c in row if c]
    if len(filled) < 2:
        return False
    return not row[0] or all(c and len(c.split()) <= 4 and not c.endswith((":", "?")) and not re.search(r"\d", c)
                             for c in row)


def tab_tables(blocks: list) -> list:
    """Columns made with tab stops instead of a table ('<tab>Referrer<tab>Safeguarding lead' over 'Name<tab>Stuart
    Ndlovu<tab>Fiona Varley', a line per question; children side by side; an address's later lines under the first
    with no label): read as the table it is, a row per line, each line's cells where its tabs put them (the tabs
    typed before a line's text leave its first cells empty; a line shorter than the rest ends in empty cells).
    A run starts at a line of three columns or more that heads them and needs three lines with three cells filled
    (notes typed in a third column beside 'Label:<tab>answer' lines make no table), each answer under a column's
    name (with Word's default tab stops the number of tabs says nothing of the column: 'Name<tab><tab><tab>Mia'
    beside 'Date of birth<tab><tab>04/07/2018' makes no table); a line with no
    tab ends it, as a heading does unless it heads the columns, and lines of two cells at its end
    ('Date:<tab>19 Mar 2026') are left out of it."""
    def cells(b) -> list[str] | None:
        if not isinstance(b, Para) or "\t" not in b.text and not b.tabs or "\n" in b.text or tab_pairs(b.text):
            return None   # ('Name:<tab>Gwen<tab>Email:<tab>g@example.org' is two fields, read a field a line)
        return [""] * b.tabs + [c.strip() for c in b.text.split("\t")]

    out: list = []
    i = 0
    while i < len(blocks):
        row = cells(blocks[i])
        j = i
        rows: list[list[str]] = []
        while row is not None and len(row) >= 3 and j < len(blocks):
            r = cells(blocks[j])   # (a line of two cells among them: the later columns left empty, 'Age<tab>4')
            if r is None or len(r) < 2 or (blocks[j].heading and j > i):
                break
            rows.append(r)
            j += 1
        while rows and len(rows[-1]) < 3:   # 'Date:<tab>19 Mar 2026' after the columns is a line of its own
            rows.pop()
            j -= 1
        width = max((len(r) for r in rows), default=0)
        # three lines of three filled cells or more: 'Label:<tab><tab>answer' (tabs typed until the answers line
        # up) is one label and one answer however many tabs it takes; and a first line that heads the columns
        named = {k for k, c in enumerate(rows[0]) if c} if rows else set()
        if sum(1 for r in rows if sum(1 for c in r if c) >= 3) < TAB_ROWS or not _heads_columns(rows[0]) \
                or any(c and k and k not in named for r in rows[1:] for k, c in enumerate(r)):
            out.append(blocks[i])
            i += 1
            continue
        out.append(Table([r + [""] * (width - len(r)) for r in rows], blocks[i].page))
        i = j
    return out


def tabbed_fields(blocks: list) -> list:
    """'Email: jo@x.org<tab>Phone: 0117 …' (two or more fields on one line, each answered, a tab stop apart): a
    paragraph each, for the rule reader (the trained reader reads such a line's fields apart itself)."""
    out: list = []
    for b in blocks:
        parts = [p.strip() for p in b.text.split("\t") if p.strip()] if isinstance(b, Para) and "\n" not in b.text \
            else []
        if len(parts) >= 2 and all(_COLON_LABEL.match(p) for p in parts):
            out.extend(Para(p, b.heading, b.y, b.page, b.indent) for p in parts)
        else:
            out.append(b)
    return out


def pairs_on_lines(blocks: list) -> list:
    """``inline_pairs`` for every paragraph and table cell; a one-line paragraph of fields (at tab stops:
    ``tab_pairs``; or as ``inline_pairs`` parts them: semicolons, bars, bullets, dashes, wide gaps of spaces) becomes
    a paragraph for each field."""
    out: list = []
    for b in blocks:
        fields = tab_pairs(b.text) if isinstance(b, Para) and "\t" in b.text and "\n" not in b.text else None
        if fields:
            out.extend(Para(f, b.heading, b.y, b.page, b.indent) for f in fields)
        elif isinstance(b, Para) and "\n" not in b.text and "\n" in inline_pairs(b.text):
            # a line of several fields: a paragraph each, as if typed a line each
            out.extend(Para(f.strip(), b.heading, b.y, b.page, b.indent) for f in inline_pairs(b.text).split("\n"))
        elif isinstance(b, Para):
            out.append(Para(inline_pairs(b.text), b.heading, b.y, b.page, b.indent, styled=b.styled))
        elif isinstance(b, Table):
            out.append(Table([[inline_pairs(c) for c in r] for r in b.rows], b.page))
        else:
            out.append(b)
    return out


COMB_NARROW = 567      # twentieths of a point: a cell under a centimetre wide holds one letter of a word
COMB_RUN = 6           # this many narrow one-letter cells side by side make one answer
COMB_RUN_UNSIZED = 10  # as many, or more, where the file gives no widths
_MARK_LETTERS = set("XxYyNn✓✔✗✘")   # these alone in a run are marks in narrow columns, not a word


def comb_cells(cells: list[str], widths: list[int | None]) -> list[str]:
    """'Block capitals, one letter per box': a run of narrow cells holding a character each is one answer, its
    letters joined (an empty box is a space between words). A tick box's cell is no letter, and a short run (a row of
    yes / no / not known marks) stays as it is."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and len(cells[j].strip()) <= 1 and cells[j].strip() not in (CHECKED, UNCHECKED) \
                and (widths[j] is None or widths[j] <= COMB_NARROW):
            j += 1
        sized = all(w is not None for w in widths[i:j])
        letters = sum(1 for c in cells[i:j] if c.strip() and c.strip() not in _MARK_LETTERS)
        marks = sum(1 for c in cells[i:j] if c.strip() in _MARK_LETTERS and c.strip())
        if j - i >= (COMB_RUN if sized else COMB_RUN_UNSIZED) and (letters >= 2 or not marks):
            out.append(" ".join("".join(c.strip() or " " for c in cells[i:j]).split()))
            i = j
        else:
            out.append(cells[i])
            i += 1
    return out


_MARK = re.compile(r"^\s*[xX✓✔✗✘☒☑■]?\s*$")
_OPTION = re.compile(r"^\s*[A-Za-z][A-Za-z/' -]{0,30}\s*$")


def _marked(cells: list[str]) -> str | None:
    """'Yes | X | No | | Not known | ': each option with its mark (or nothing) in the cell after it, one of them
    marked -> '☒ Yes   ☐ No   ☐ Not known'; None for any other row."""
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) % 2:
        cells.append("")
    pairs = list(zip(cells[::2], cells[1::2]))
    if len(pairs) < 2 or not any(m.strip() for _, m in pairs):
        return None
    if not all(_OPTION.match(o) and not _MARK.match(o) and _MARK.match(m) for o, m in pairs):
        return None
    return "   ".join(f"{CHECKED if m.strip() else UNCHECKED} {o.strip()}" for o, m in pairs)


def marks_beside_options(table: Table) -> Table:
    """A row of options, each with its mark (or nothing) in the cell after it ('Yes | X | No | | Not known | '), or the
    same after the question's own cell ('Sex | Female | | Male | X'): the options read as tick boxes, ticked where
    marked ('☒ Yes   ☐ No   ☐ Not known'), in one cell. Other rows are kept as they are."""
    rows = []
    for row in table.rows:
        whole = _marked(row)
        if whole is not None:
            row = [whole]
        elif len(row) >= 5 and row[0].strip() and (rest := _marked(row[1:])) is not None:
            row = [row[0], rest]
        rows.append(row)
    return Table(rows, table.page) if rows != table.rows else table


def _column_option(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 60 and "\n" not in t and not _MARK.match(t) and not t.endswith((":", "?"))


def marked_column(table: Table) -> Table:
    """A question's options one to a row under it, each with its mark (or nothing) in a cell beside it ('Type |  |
    Death', ' | X | Serious harm', ' |  | Other'): one row, the question and its options as tick boxes, ticked where
    marked ('☐ Death   ☒ Serious harm   ☐ Other'). Needs two options or more and a mark; other rows stay."""
    rows, i, src = [], 0, table.rows
    while i < len(src):
        r = src[i]
        side = None
        if len(r) == 3 and r[0].strip() and _MARK.match(r[1]) and _column_option(r[2]):
            side = 1    # the mark before the option
        elif len(r) == 3 and r[0].strip() and _MARK.match(r[2]) and _column_option(r[1]):
            side = 2    # the mark after it
        j = i + 1
        if side is not None:
            while j < len(src) and len(src[j]) == 3 and not src[j][0].strip() and _MARK.match(src[j][side]) \
                    and _column_option(src[j][3 - side]):
                j += 1
        group = src[i:j]
        if side is None or len(group) < 2 or not any(g[side].strip() for g in group):
            rows.append(r)
            i += 1
            continue
        marks = "   ".join(f"{CHECKED if g[side].strip() else UNCHECKED} {g[3 - side].strip()}" for g in group)
        rows.append([r[0], marks])
        i = j
    return Table(rows, table.page) if len(rows) != len(src) else table


_LABELLED_LINE = re.compile(r"^[^:\t]{2,80}(:\s|:$|\t)")
_CARD_HEADING = re.compile(r"^(section|part|step)\s+\w{1,3}\s*:\s*", re.I)   # 'Section 3: Pupil' heads a card


def cards(table: Table) -> list:
    """A table of cards, each a heading over 'Label: answer' lines ('1. Referrer' over 'Clinician: Wesley Ashdown',
    'Job role: Nurse' ..., two cards side by side): read card by card, left to right and top to bottom, each its
    heading and then its lines. Any other table is kept as it is."""
    filled = [c for row in table.rows for c in row if c.strip()]
    if not filled:
        return [table]
    for c in filled:
        lines = [line for line in c.split("\n") if line.strip()]
        labelled = sum(1 for line in lines[1:] if _LABELLED_LINE.match(line.strip()))
        heading = _CARD_HEADING.sub("", lines[0]) if lines else ""
        if len(lines) < 2 or ":" in heading or len(lines[0]) > 60 or labelled * 2 < len(lines) - 1:
            return [table]
    out: list = []
    for c in filled:
        first, *rest = [line for line in c.split("\n") if line.strip()]
        out.append(Para(first.strip(), heading=True, page=table.page))
        out.extend(Para(line, page=table.page) for line in rest)
    return out


_BOXED_OPTION = re.compile(r"^\s*[☒☐]\s*[^\s☒☐:?][^☒☐:?\n\t]{0,40}$")


def option_lists(blocks: list) -> list:
    """Options listed one to a line, each behind its box ('☐ Yes', '☒ No', '☐ Awaiting confirmation' under a
    question, as a web form or a checkbox list prints them): one paragraph of options a tab apart, as a choice
    written on one line, so that the chosen one is read from the whole list."""
    out: list = []
    run: list = []

    def flush():
        if len(run) >= 2:
            out.append(Para("\t".join(b.text.strip() for b in run), y=run[0].y, page=run[0].page))
        else:
            out.extend(run)
        run.clear()

    for b in blocks:
        if isinstance(b, Para) and not b.heading and _BOXED_OPTION.match(b.text) and len(b.text.split()) <= 6 \
                and (not run or run[-1].page == b.page):
            run.append(b)
            continue
        flush()
        out.append(b)
    flush()
    return out


def _content(block) -> tuple:
    """What a block says, wherever it sits (its page and place left out)."""
    if isinstance(block, Table):
        return ("table", tuple(tuple(row) for row in block.rows))
    if isinstance(block, Para):
        return ("para", block.text, block.heading)
    return ("pair", block.label, block.value)


_ABOUT = r"( (referral|form|notification|submission|answers?|information|details|version))?"
_EARLIER = re.compile(r"(?i)(previous|earlier|prior|original|last|old)" + _ABOUT + r"|was|before|then")
_NOW = re.compile(r"(?i)now|current(ly)?|updated?|new|latest|today|this (referral|form|notification)|"
                  r"(current|updated|new|latest)" + _ABOUT)


_QUESTIONS = re.compile(r"(?i)(questions?|field|item|details?|information|section)?")   # (fullmatch: or nothing)


def _column_head(text: str) -> str:
    """A column's heading as words, without a bracketed date or note ('Previous referral (23 May 2024)')."""
    return " ".join(re.sub(r"\([^)]*\)|[^\w\s]", " ", text).split())


def current_answers(blocks: list) -> list:
    """A re-referral's tables that show the previous referral's answers beside the new ones ('Question | Previous
    referral (23 May 2024) | Now'): the previous answers' column dropped from every row, so that only the answers
    now given are read (``_without_earlier_columns`` says which tables); any other table is kept as it is."""
    out = []
    for b in blocks:
        if isinstance(b, Table):
            b = _without_earlier_columns(b)
        out.append(b)
    return out


def _without_earlier_columns(table: Table) -> Table:
    """``current_answers`` for one table: its header row (the first row, after any title rows of one cell) holding a
    column headed as earlier answers straight before one headed as the answers now, the first column heading the
    questions ('Question', or nothing) and no cell an answer of its own."""
    head = next((k for k, row in enumerate(table.rows) if len({c.strip() for c in row if c.strip()}) > 1), None)
    if head is None:
        return table
    heads = [_column_head(c) for c in table.rows[head]]
    earlier = {i for i, h in enumerate(heads)
               if 0 < i < len(heads) - 1 and _EARLIER.fullmatch(h) and _NOW.fullmatch(heads[i + 1])}
    if not earlier or not _QUESTIONS.fullmatch(heads[0]) \
            or any(h and not (_EARLIER.fullmatch(h) or _NOW.fullmatch(h)) for h in heads[1:]):
        return table
    width = len(table.rows[head])
    kept = copy.copy(table)   # (with whatever else a reader noted on it)
    kept.rows = [[c for i, c in enumerate(r) if i not in earlier or len(r) != width] for r in table.rows]
    return kept


def one_copy(blocks: list) -> list:
    """A form printed as a set of copies (a two-part set: 'top copy', 'file copy'), each the whole form again:
    the first copy only. Copies are told only where the blocks fall into two or three runs that say exactly the
    same, each of three blocks or more (the copies' own marks are page furniture, dropped before this)."""
    said = [_content(b) for b in blocks]
    for copies in (2, 3):
        size, rest = divmod(len(said), copies)
        if rest == 0 and size >= 3 and all(said[k * size:(k + 1) * size] == said[:size] for k in range(1, copies)):
            return blocks[:size]
    return blocks


_ADDRESS_START = re.compile(r"^(?!.*\b(e-?mail|web|ip)\b).*(address|house (number|name)|number and street|street)", re.I)
_ADDRESS_PART = re.compile(r"^\s*((address )?line ?\d|(address )?line (two|three|four)|town( or city| / city)?|city|county|"
                           r"post ?code)\s*:?\s*$", re.I)


def address_rows(rows: list[list[str]]) -> list[list[str]]:
    """An address asked for in parts, a labelled row each ('Address line 1', 'Address line 2', 'Town or city',
    'Postcode'): the parts' answers become lines of the first row's answer, and the part rows go."""
    out: list[list[str]] = []
    for row in rows:
        part = len(row) == 2 and _ADDRESS_PART.match(row[0]) and out and len(out[-1]) == 2 \
            and _ADDRESS_START.search(out[-1][0])
        if part:
            out[-1][1] = "\n".join(x for x in (out[-1][1].strip(), row[1].strip()) if x)
            continue
        out.append(list(row))
    return out



SECTION_COLUMN_ROWS = 8     # a pasted tracker's rows: enough that runs of one section name are no coincidence
SECTION_COLUMN_REPEATS = 0.7


def _marks_or_options(text: str) -> bool:
    """A tick box or an option's word ('☒', 'No', 'N/A'): a checklist's answer column, not a section's name."""
    t = text.strip()
    return t[:1] in (CHECKED, UNCHECKED, "☑") or bool(OPTION.match(t)) or not re.search(r"[A-Za-z]{3}", t)


def section_column(rows: list[list[str]]) -> list[list[str]]:
    """A range pasted from a spreadsheet tracker ('Section | Question | Response | Notes', the section's name typed
    again on every row): the first column says which section each row is in, so a row of the section's name alone
    opens each section and the rows go on without that column. A table whose first column merely repeats a value
    now and then (two workers of one agency) is left alone."""
    body = rows[1:]
    if len(body) < SECTION_COLUMN_ROWS or min(len(r) for r in rows) < 3:
        return rows
    firsts = [r[0].strip() for r in body]
    repeats = sum(1 for a, b in zip(firsts, firsts[1:]) if a and a == b)
    if not all(firsts) or len(set(firsts)) < 2 or repeats < SECTION_COLUMN_REPEATS * (len(body) - 1) \
            or rows[0][0].strip() in firsts or any(_marks_or_options(f) for f in set(firsts)):
        return rows
    out = [rows[0][1:]]
    for i, row in enumerate(body):
        if i == 0 or firsts[i] != firsts[i - 1]:
            out.append([firsts[i]])
        out.append(row[1:])
    return out


ACTION_LINKS = ("change", "edit", "amend", "update")
ACTION_ROWS = 3   # rows ending in such a link before the column is taken for links


def _action_link(cell: str, label: str) -> bool:
    """'Change work coach name' beside 'Work coach name': a check-your-answers page's link, its visually hidden
    words (the question it changes) pasted with it."""
    words = " ".join(cell.split()).casefold()
    verb, _, rest = words.partition(" ")
    return verb in ACTION_LINKS and (not rest or rest == " ".join(label.split()).casefold())


def action_links(rows: list[list[str]]) -> list[list[str]]:
    """A 'check your answers' page copied into a document: each row's last cell a link to change that answer
    ('Change', or 'Change <question>'), on three or more rows. Those cells are no answers, and go."""
    linked = [r for r in rows if len(r) >= 3 and _action_link(r[-1], r[0])]
    if len(linked) < ACTION_ROWS:
        return rows
    return [r[:-1] if len(r) >= 3 and (_action_link(r[-1], r[0]) or not r[-1].strip()) else r for r in rows]


def plain_readings(blocks: list) -> list:
    """The readings of a document's own lines, the same for Word and PDF, in order: an email's quote marks off,
    underlined headings, icons as labels, icon-and-answer statements, call records, double-hyphen pastes, two
    fields to a line, answers by their questions' numbers, answers continued on a continuation sheet."""
    blocks = answer_first(icon_labels(underlined_headings(unquoted(continued_answers(blocks)))))
    return answers_by_number(pairs_on_lines(dashed_pairs(question_answers(blocks))))


# 'Question 4.6 (continued) - Details of the call', 'Q12 continued', '4.6 (cont.)': the head of an answer's continuation
_CONTINUED = re.compile(r"^(?:question|q\.?|section|part|box)?\s*(\d{1,2}(?:\.\d{1,2})*[a-z]?)\.?\s*"
                        r"(?:[-–—:]\s*)?(?:[A-Za-z][^\[\]]{0,100}?\s+)?"   # ('5.6 What happened? (continued)': its words)
                        r"[(\[]?(?:continued|cont'd|cont\.)[)\]]?\s*(?:[-–—:]\s*(.*))?$", re.I)


# any line that says it heads more of something ('Box 7.1 - Agencies involved (continued)'): another continuation
_HEAD_OF_MORE = re.compile(r"(?:[(\[]\s*(?:continued|cont(?:'d|\.)?)\s*[)\]]|[-–—]\s*continued)\s*:?$", re.I)


# '(continued on the continuation sheet)', 'See continuation sheet', 'cont. overleaf': where the answer goes on
_SEE_CONTINUATION = re.compile(r"^(?:\.{3}|…)?\s*[(\[]?(?:please\s+)?(?:continued|cont(?:'d|\.)?|see)\b.{0,40}\b(?:continuation|"
                               r"overleaf|sheet|attached|below)\b.{0,20}?[)\]]?\.?$", re.I)


# 'CONTINUATION SHEET - CS-ASB-RR': the page the long answers go on to; there a head may be the question's own
# numbered label ('6.7 Incident narrative') over the rest of the answer
_SHEET = re.compile(r"^continuation\s+sheet\b", re.I)
_SHEET_HEAD = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+([A-Za-z][^.?!]{2,80})$")


_SEE_AT_END = re.compile(r"\s*(?:[(\[](?:please\s+)?(?:continued|cont(?:'d|\.)?|see)\b[^()\[\]]{0,60}\b(?:continuation|overleaf|"
                         r"sheet|attached|below)\b[^()\[\]]{0,20}[)\]]|(?:\.{3}|…)\s*see (?:the )?continuation (?:sheet|page)"
                         r"\b[^()\[\]]{0,20})\.?$", re.I)


def continued_answers(blocks: list) -> list:
    """Answers carried on to a continuation sheet ('Question 4.6 (continued) - Details of the call' over more
    paragraphs, as a form with little room asks): the paragraphs joined to the answer of the table row numbered
    4.6 (or, with no row so numbered, the row whose label the head repeats) in place of its '(continued on the
    continuation sheet)', and the head dropped; a table under the head with the header of a table before it ('Section 7
    (continued)' over the agencies' header and more rows) is that table's rows going on. A head whose
    question is in no table before it is left where it is."""
    out: list = []
    i = 0
    sheet = False   # on the continuation sheet: its heads may be the questions' own labels ('6.7 Incident narrative')
    while i < len(blocks):
        b = blocks[i]
        m = _CONTINUED.match(b.text.strip()) if isinstance(b, Para) else None
        sheet = sheet or (isinstance(b, Para) and bool(_SHEET.match(b.text.strip())))
        pointer = False
        if m is None and sheet and isinstance(b, Para):
            m = _SHEET_HEAD.match(b.text.strip())
            pointer = m is not None
        j = i + 1
        while m and j < len(blocks) and isinstance(blocks[j], Para) and not blocks[j].heading \
                and not _CONTINUED.match(blocks[j].text.strip()) and not _HEAD_OF_MORE.search(blocks[j].text.strip()) \
                and not (sheet and _SHEET_HEAD.match(blocks[j].text.strip())):
            j += 1
        nxt = blocks[i + 1] if m and i + 1 < len(blocks) else None
        same = _same_header(out, nxt) if isinstance(nxt, Table) and j == i + 1 else None
        if same is not None:   # 'Section 7 (continued) - further agencies' over the table's header and more rows
            same.rows.extend(nxt.rows[1:])
            i += 2
            continue
        row = _numbered_row(out, m.group(1), m.group(2)) if m and j > i + 1 else None
        if row is not None and pointer and not all(_SEE_CONTINUATION.match(line.strip())
                                                   for line in row[-1].strip().split("\n") if line.strip()):
            row = None   # a question's label repeated on the sheet: only where its box points there and holds no more
        if row is None:
            out.append(b)
            i += 1
            continue
        kept = [line for line in row[-1].rstrip().split("\n") if not _SEE_CONTINUATION.match(line.strip())]
        if kept:
            kept[-1] = _SEE_AT_END.sub("", kept[-1])   # '… in the weeks before. (continued on the continuation sheet)'
        more = _wrapped_lines([p.text.strip() for p in blocks[i + 1:j]], blocks[i].page is not None)
        if kept and more and not re.search(r"[.!?:;)\"']$", kept[-1].rstrip()) and more[0][:1].isalnum():
            kept[-1] = kept[-1].rstrip() + " " + more.pop(0)   # the box cut off mid-sentence: '… They' 'remain in …'
        row[-1] = "\n".join(kept + more).strip("\n")
        i = j
    return out


def _wrapped_lines(lines: list[str], printed: bool) -> list[str]:
    """A PDF's lines of writing (each printed line a paragraph of the page's text) joined where one runs on into the
    next: a line not ending a sentence goes on in the next. Word's paragraphs are paragraphs already."""
    if not printed:
        return lines
    out: list[str] = []
    for line in lines:
        if out and out[-1] and not re.search(r"[.!?:;)\"']$", out[-1]) and line[:1].isalnum():
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _same_header(blocks: list, table: Table) -> Table | None:
    """The last table among ``blocks`` with ``table``'s header row, word for word (a table continued on a
    continuation sheet under its header again), else None."""
    head = [" ".join(c.split()).lower() for c in table.rows[0]] if table.rows else None
    return next((b for b in reversed(blocks) if isinstance(b, Table) and b.rows and len(table.rows) > 1
                 and [" ".join(c.split()).lower() for c in b.rows[0]] == head), None)


def _numbered_row(blocks: list, number: str, label: str | None) -> list[str] | None:
    """The row of a table among ``blocks`` numbered ``number`` in one of its cells before its answer (the number
    alone, or before the question's words), else the row whose label cell says ``label``."""
    rows = [r for b in blocks if isinstance(b, Table) for r in b.rows if len(r) >= 2]
    numbered = re.compile(rf"^(?:q|question)?\s*{re.escape(number)}[.):]?(?:\s|$)", re.I)   # '4.6', '4.6 Details of …'
    for r in rows:
        if any(numbered.match(c.strip()) for c in r[:-1]):
            return r
    said = " ".join((label or "").lower().split())
    return next((r for r in rows if said and " ".join(r[-2].lower().split()).rstrip(":?") == said.rstrip(":?")), None)


_TABLE_CAPTION = re.compile(r"^(table|tbl\.?)\s+(\d+)\s*[:.\-–—]\s*\S", re.I)


def captions_above(blocks: list) -> list:
    """Word's captions put below their tables ('Table 1: Person making the referral' after the table it names, as
    Insert Caption does by default): each moved above its table, as the heading of its part of the form. A caption
    is below its table when its number is the count of tables so far (one above its table would be one more)."""
    out: list = []
    tables = 0
    for b in blocks:
        if isinstance(b, Table) and b.rows and out and isinstance(out[-1], Table):
            # (a PDF's table finder may take the caption under one table into the next as its first row, alone)
            first = [c.strip() for c in b.rows[0]]
            m = _TABLE_CAPTION.match(first[0]) if first and not any(first[1:]) and "\n" not in first[0] else None
            if m and int(m.group(2)) == tables and len(b.rows) > 1:
                out.insert(len(out) - 1, Para(first[0], heading=True, page=b.page))
                b = Table(rows=b.rows[1:], page=b.page)
        if isinstance(b, Table):
            tables += 1
        m = _TABLE_CAPTION.match(b.text.strip()) if isinstance(b, Para) and "\n" not in b.text.strip() else None
        if m and out and isinstance(out[-1], Table) and int(m.group(2)) == tables and "\t" not in b.text:
            out.insert(len(out) - 1, Para(b.text, heading=True, page=b.page))
            continue
        out.append(b)
    return out
