"""Candidates, not rules: every plausible (label, field, answer) reading of a document, with features.

A *label* is any item text, or the start of one before a separator, that the vocabulary says names
a field (often several fields, each with a strength). An *answer* is related to its label by one of
a few relations:

    inline      the same line, after a colon, tab, question mark, blanks or a bracket
    right       the next cell of the row; row_rest: every cell to its right (Yes | No boxes)
    below       the cell under it (labels printed above boxed answers); column: the cells further down,
                one row per child
    next        the next paragraph or lone table row after a bare label or question; next_run: all of
                them up to the next label (long answers, addresses)
    child_col   one column per child (a child grid); person_col: one column per person, named in the
                header row (referrer | safeguarding lead)
    mark_col    the Yes / No / Not known column whose box is marked
    widget      a fillable PDF field and its printed label or field name
    ticked      a ticked box whose own label is the answer (incident types)

A label is found by the vocabulary's wordings (``parsers.vocabulary``) or, failing those, by its
likeness to the wording bank (``parsers.wording``); both are features, so a partnership's own
``[vocabulary]`` wordings are one more piece of evidence for the scorer.

Each candidate carries the features the scorer reads. Nothing here decides: the scorer weighs and
the assignment picks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from parsers import normalise as n
from parsers import types
from parsers.blocks import CHECKED, UNCHECKED, option_cells
from parsers.picture import Item, Picture
from parsers.vocabulary import field_strengths, incident_type, normalise_label, section_of
from parsers.wording import composed, similarity

BOXES = (CHECKED, UNCHECKED)
BANK_LABEL = 0.55  # a text this like the bank's wordings of a field is a label of it even when no rule knows it
PARTS_LABEL = 0.15  # a short text whose words say whose and what detail may be a label of that field ...
PARTS_SHARE = 0.5  # ... and of the next fields its words point at nearly as well (the scorer weighs them)
RELATIONS = ("inline", "inline_run", "right", "row_rest", "below", "column", "next", "next_run", "child_col", "person_col", "mark_col",
             "widget", "ticked", "incell")
HOME = {"referrer": "referrer", "lead": "lead", "child": "child", "incident": "incident", "criteria": "criteria",
        "panel_notified": "panel", "date_panel_notified": "panel", "immediate_concerns": "concerns",
        "date_of_referral": "referrer"}
KINDS = (types.DATE, types.YES_NO, types.EMAIL, types.PHONE, types.GENDER, types.PERSON, types.ORGANISATION,
         types.INCIDENT_TYPE, types.TEXT, types.LONG_TEXT)
MARKS = re.compile(r"^\s*([☒☑✓✔✗✘xX]|yes|y)\s*$", re.I)
SEPARATORS = re.compile(r"\t+|:\s|:$|\?\s|\?$|_{3,}|\.{4,}|…+|\s[–—]\s|\s\[\s*\]|\s\(\s*\)|\s\[(?=\s*(?i:y|n|yes|no|x|nk|n/k|✓|✔)\s*\]\s*$)")
DATE_OF = {"panel_notified": "date_panel_notified"}
PANEL_FIELDS = ("panel_notified", "date_panel_notified")
PANELISH = re.compile(r"panel|national|\bsin\b|\bcspr|practice review|serious incident notification|ofsted|"
                      r"child safeguarding practice|hysbysiad", re.I)
_INITIALS = re.compile(r"[A-Za-z]\.?\s?[A-Za-z]\.?(\s?[A-Za-z]\.?)?")   # 'JP', 'J.P.', 'jp', 'J P', 'JAP'
ANSWER_WORDS = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "not known": "unknown", "unknown": "unknown",
                "nk": "unknown", "n k": "unknown", "don t know": "unknown", "dk": "unknown"}


@dataclass
class Label:
    item: Item
    text: str
    fields: dict[str, float]            # field -> strength (share of the label its rule explains)
    order: dict[str, int]               # field -> rank of its rule in the vocabulary (0 first)
    rest: str | None = None             # the text after the separator, when the label starts an item
    sep: str = ""
    more: list = field(default_factory=list)   # the item's next lines up to the next label: the answer's run
    top: str = ""                       # the field it names best
    person_ctx: str | None = None       # referrer or lead: whose details the fields around it are
    stack: list | None = None           # a box's first line is its label, the lines under it in the box its answer


@dataclass
class Candidate:
    label: Label
    field: str                          # the vocabulary's path: referrer.name, child.dob, lead.discussed ...
    child: int
    relation: str
    raw: str
    answer: Item | None                 # the item the answer is read from (None: inline)
    distance: int = 0
    value: object = None                # normalised, None when blank
    fit: int = 0                        # 1 fits the field's type, 0 blank, -1 refused
    refusal: str = ""
    features: dict = field(default_factory=dict)
    score: float = 0.0
    s1: float = 0.0                     # the scorer's first stage: the pairing read on its own, rivals unread
    vouched: bool = False               # the rule reader read the same value for this field (parsers/agreement.py)
    taught: bool = False                # ... beside a label the partnership taught for it ([vocabulary])

    @property
    def key(self) -> tuple:
        return (self.field, self.child)


RELATIVE = re.compile(r"\b(parents?|parental|mother|father|mum|dad|carers?|guardian|step\w*|grand\w+|siblings?|brothers?|"
                      r"sisters?|partner|household|family member)\b", re.I)

WORKER = re.compile(r"\b(social worker|sw|(school |named )?nurse|health visitor|hv|midwife|key ?worker|lead professional|"
                    r"youth justice|yot|officer in (the )?case|oic|case holder|support worker|personal adviser|"
                    r"reviewing officer|teacher|practitioner|clinician)\b", re.I)


def label_likeness(text: str, section: str | None) -> float:
    """How much a text reads as a label (0..1): the best strength of any field it names."""
    t = text.strip()
    if not t or len(t) > 160:
        return 0.0
    return max((s for _, s, _ in field_strengths(t, section)), default=0.0)


_PAIR_SEP = re.compile(r":\s|:$|\.{4,}|…+")
_BLANK_LINE = re.compile(r"\n\s*\n")


def _pairs_on_line(line: str) -> list[str]:
    """'SUPPORT WORKER ....: Hugh Ashdown<tab>YOUR ROLE ....: Family Link Worker': two labels, each with its answer,
    set on one line apart by a tab, are read as two lines. A tab after a label's own colon ('Name:<tab>Ann') parts
    nothing."""
    parts = line.split("\t")
    if len(parts) < 2:
        return [line]
    out = [parts[0]]
    for part in parts[1:]:
        m = _PAIR_SEP.search(part)
        if m and m.start() > 0 and _PAIR_SEP.search(out[-1]) and out[-1].strip()[-1:] not in (":", "."):
            out.append(part)   # a label of its own after an answered one
        else:
            out[-1] += "\t" + part
    return out


def _split(text: str) -> tuple[str, str, str] | None:
    """'Label: answer' -> (label, sep, answer) at the first separator; None when there is none."""
    m = SEPARATORS.search(text)
    if not m or m.start() == 0:
        return None
    sep = m.group()
    left = text[: m.start()] + ("?" if sep.startswith("?") else "")
    right = text[m.end():]
    right = re.sub(r"^[\s_.…:]+", "", right)
    right = re.sub(r"^[-–—]\s+", "", right)  # 'Legal status – Special guardianship order': the dash parts them
    # '(please tick)', '(dd/mm/yyyy)': guidance, not the answer; '(0117) 496 0535' is the answer's area code
    right = re.sub(r"^\((?![\d\s+]+\))[^)]*\)\s*[:?]?\s*", "", right)
    right = re.sub(r"[\s_…]+$|\.{2,}$", "", right)
    if sep.strip() == "[":  # 'CiC [ N ]': the answer written in the label's brackets
        right = right.rstrip("] ")
    elif re.fullmatch(r"\[[^\[\]]*\]", right.strip()):  # 'Why are you referring? [ Potential learning ... ]'
        right = right.strip()[1:-1]
    return left.strip(), sep.strip() or "tab", right.strip()


def _fields_of(text: str, section: str | None) -> tuple[dict, dict]:
    """(field -> strength, field -> rule rank) from the vocabulary, widened by the wording bank: a text the
    rules do not know but that reads much like the bank's wordings of a field names that field (strength 0)."""
    fs = list(field_strengths(text, section))
    inner = re.findall(r"\(([^()]{3,40})\)", text)
    if not fs and inner and not GUIDANCE.search(text):
        # 'This is (your name)', 'I am a (job title)': a sentence to complete, the blank named in brackets
        for part in inner:
            fs += field_strengths(part, section)
    if " / " in text:  # 'Enw'r plentyn / Child's name': each language's half read on its own
        for part in text.split(" / "):
            fs += field_strengths(part, section)
    fields: dict[str, float] = {}
    order: dict[str, int] = {}
    for f, s, r in fs:
        if s > fields.get(f, -1.0):
            fields[f] = s
            order[f] = min(r, order.get(f, 99))
    if len(text) <= 120:
        for f, sim in similarity(text)[:2]:
            if sim >= BANK_LABEL and _generic(f) not in fields:
                fields[_generic(f)] = 0.0
                order[_generic(f)] = 99
    if len(text.split()) <= 12:
        read = composed(text)
        for f, score in read[:3]:
            if score >= PARTS_LABEL and score >= PARTS_SHARE * read[0][1]:
                # 'Name of worker': a detail several people have; whose it is, the section and places say
                for g in _siblings(f):
                    if g not in fields and _generic(g) not in fields:
                        fields[g] = 0.0
                        order[g] = 99
    return fields, order


SHARED = {"name": ("referrer", "lead", "child"), "role": ("referrer", "lead"), "agency": ("referrer", "lead"),
          "email": ("referrer", "lead"), "phone": ("referrer", "lead")}


def _siblings(f: str) -> list[str]:
    """'referrer.name' -> the name of every person a form asks about; other fields -> themselves."""
    head, _, leaf = f.partition(".")
    if head in ("referrer", "lead", "child") and leaf in SHARED:
        return [f] + [f"{h}.{leaf}" for h in SHARED[leaf] if h != head]
    return [f]


def _generic(f: str) -> str:
    return "person." + f.split(".", 1)[1] if f.startswith(("referrer.", "lead.")) and not f.endswith(".discussed") \
        and not f.endswith(".name") else f


_STRICT_KINDS = (types.DATE, types.EMAIL, types.PHONE)


def _typed_tail(line: str, section: str | None) -> tuple[str, str, str] | None:
    """'Date of serious incident 27/11/2023': a label and an answer with no separator between them, where
    the answer is a date, email address or phone number that its label asks for."""
    ws = line.split()
    if len(ws) < 2 or len(line) > 160:
        return None
    for k in range(1, min(5, len(ws) - 1) + 1):
        left, right = " ".join(ws[:-k]), " ".join(ws[-k:])
        if re.search(r"\be\.?g\b|for example|such as", right, re.I):
            break  # 'Date of incident (e.g. 01/01/2015)': the form's example, not an answer
        if left.count("(") > left.count(")") or re.search(r"(\be\.?g\.?|for example|such as)$", left, re.I):
            continue
        fields = dict((f, st) for f, st, _ in field_strengths(left, section))
        kinds = {types.kind_of(f if not f.startswith("person.") else "referrer." + f.split(".", 1)[1]) for f in fields}
        for kind in kinds & set(_STRICT_KINDS):
            read = {types.DATE: n.parse_date, types.EMAIL: n.email, types.PHONE: n.phone}[kind]
            if read(right) is not None and re.search(r"\d|@", right):
                # '+44 116 496 0688', '(0114) 496 0665': the number's first group belongs to it, not to the label
                while k < len(ws) - 1 and re.match(r"^[+(]\d", ws[-k - 1]) and read(" ".join(ws[-k - 1:])) is not None:
                    k += 1
                return " ".join(ws[:-k]), "space", " ".join(ws[-k:])
    return None


def labels_of(it: Item) -> list[Label]:
    out = []
    text = it.label if it.kind == "widget" else it.text
    if not text or not text.strip():
        return out
    whole = " ".join(text.split())
    fields, order = _fields_of(whole, it.section) if len(whole) <= 160 else ({}, {})
    if fields and it.kind != "widget":
        out.append(Label(it, whole, fields, order))
    if it.kind == "widget":
        name = " ".join(re.split(r"[_\W\d]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", it.hint))).strip()
        # the printed label and the field's internal name are both evidence ('41) Ref. date:' / date_of_referral)
        fields, order = {}, {}
        for t in (whole, name):
            more, rank = _fields_of(t, it.section) if t else ({}, {})
            for f, st in more.items():
                if st > fields.get(f, -1.0):
                    fields[f], order[f] = st, min(rank[f], order.get(f, 99))
        if fields:
            out.append(Label(it, whole or name, fields, order))
        return out
    stacked = _stacked(it, text)
    if stacked is not None:
        return [stacked]
    split = []
    for line in (pair for whole_line in text.split("\n") for pair in _pairs_on_line(whole_line)):
        line = _CODE_TAB.sub("", line.strip())
        parts = _split(line) or _typed_tail(line, it.section)
        fields = None
        if parts:
            left, sep, right = parts
            if _IDENTIFIER.fullmatch(left.strip()):
                left = identifier_words(left.strip())
            fields, order = _fields_of(left, it.section)
        if fields:
            split.append(Label(it, left, fields, order, rest=right, sep=sep))
        elif split and line and split[-1].rest:
            split[-1].more.append(line)  # '(c) Home address: 23 Tithebarn Road' then 'Leeds', 'LS9 7HJ'
        elif split:
            split[-1].more.append("") if not line else None
    if split and out and (len(split) > 1 or split[0].rest):
        rest = split[0].rest or ""
        if len(split) > 1 or not (rest.endswith("?") or label_likeness(rest, it.section) >= 0.5):
            out = []  # 'Name of child: Zoë Gallagher' is a label and its answer, not one long label
        else:
            split = []  # 'Any immediate concerns? What action has been taken?' is one label
    return out + split


# a web form's field name printed as the label of its value ('pupil1Dob: 12/10/2003', 'lead_email: …', 'Child2Surname:
# …': a form-to-email script's lines): lowerCamel, PascalCase, snake_case or Title_Case, one word of two parts or more
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+|_[A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+|_[A-Za-z0-9]+)+")


def identifier_words(name: str) -> str:
    """A field name as the words of its label: 'pupil1Dob' -> 'pupil Dob', 'dsl_discussed' -> 'dsl discussed'."""
    return " ".join(" ".join(re.split(r"[_\d]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name))).split())


# a question's code and the tab after it ('B1.1<tab>Child's full name<tab>Piran Varley', 'Q12<tab>', '(c)<tab>'):
# the code is no label, and the tab after it no separator
_CODE_TAB = re.compile(r"^(?:[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[.):]?|Q\s?\d{1,3}[.):]?|\(?[a-zA-Z]{1,2}\)|[a-z][.)])\t+")


# a paragraph's first line is read as a label over the rest only where its words name a field this strongly
PARA_STACK_STRENGTH = 0.1


def _stacked(it: Item, text: str) -> Label | None:
    """A box holding its label on the first line and the answer on the lines under it ('Email' over the address; in
    a paragraph, the answer after a line break), or its label on the last line under the answer written above it
    (a form printed with each label under its answer line): the label, carrying those lines. None when the box's
    other lines hold labels of their own."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if it.kind not in ("cell", "para") or len(lines) < 2:
        return None
    if not re.match(r"\(|[a-z]+(\s|,|$)", lines[1]):
        # ('Child arrangements order' over '(lives with mother)': one answer carried onto a second line)
        over = _stack_label(it, lines[0], lines[1:])
        if over is not None and (it.kind == "cell" or max(over.fields.values()) >= PARA_STACK_STRENGTH):
            return over
    if it.kind == "para":
        return None   # a paragraph's label over its answer after a line break; never a label printed under one
    if _split(lines[0]) or _fields_of(lines[0], it.section)[0]:
        return None   # the first line is a label of its own: not an answer written over the last one
    return _stack_label(it, lines[-1], lines[:-1])


def _stack_label(it: Item, line: str, others: list[str]) -> Label | None:
    parts = _split(line)
    if parts and parts[2]:
        return None   # 'Name: Zoë Gallagher' on the label's line: a label with its answer beside it
    head = parts[0] if parts else line
    fields, order = _fields_of(head, it.section)
    if not fields:
        return None
    for other in others:
        more = _split(other)
        if more and _fields_of(more[0], it.section)[0]:
            return None
        if it.kind == "para" and label_likeness(other, it.section) >= 0.5:
            return None   # 'Child's name / Ada Lomax / Date of birth / 14/07/2015': labels a line each, not one stack
    return Label(it, head, fields, order, sep=parts[1] if parts else "", stack=others)


def _expand(path: str, person_ctx: str | None) -> list[str]:
    if path.startswith("person."):
        leaf = path.split(".", 1)[1]
        return [f"referrer.{leaf}", f"lead.{leaf}"]
    return [path]


def _field_kind(path: str) -> str:
    return types.kind_of(path)


GUIDANCE = re.compile(r"\(\s*(?:e\.\s?g\.?|eg|for example|example)[\s:,][^)]*\)|^\s*(?:e\.\s?g\.|for example)[\s:,].*$",
                      re.I | re.M)   # (a line of its own in the box: 'N/A' typed over the grey 'e.g. 01/01/2015')


def _value(path: str, raw: str, blank_lines: bool = False) -> tuple[object, int, str]:
    """The answer read as the field's type; an example the form's guidance gives ('e.g. 01/01/2015') is never
    the answer, so a box holding only one is blank."""
    raw = GUIDANCE.sub("", raw).rstrip() if raw else raw
    try:
        v = types.normalised(path, raw, blank_lines)
    except types.Refused as why:
        return None, -1, str(why)
    return v, (0 if v is None else 1), ""


# a column a tracker or workflow system keeps beside the answers: who entered each, when, notes on it
_RECORD_KEEPING = re.compile(r"\b(entered|recorded|updated|modified|edited|added|changed|checked|verified)( by| on)?$|"
                             r"^(notes?|comments?|remarks?|source|timestamp|last updated|date (entered|recorded|added))$",
                             re.I)


def _record_column(pic: Picture, table: int, col: int) -> bool:
    """A column that may hold a child's answers: not one whose heading in the table's first row names the
    record keeping beside the answers ('Question | Answer | Entered by | Date entered')."""
    top = _cell(pic, table, 0, col)
    return top is None or not _RECORD_KEEPING.search(top.text.strip())


def _row(pic: Picture, it: Item) -> list[Item]:
    return pic.tables[it.table][it.row]


def _labels_in(row: list[Item]) -> int:
    """Cells that read as labels: a field's wording, or a question or 'Label:' however it is worded."""
    return sum(1 for c in row if c.text.strip() and (c.text.strip().endswith(("?", ":"))
                                                     or label_likeness(c.text, c.section) >= 0.5))


def _answers_in(row: list[Item]) -> int:
    """Cells with words that do not read as labels."""
    return sum(1 for c in row if c.text.strip()) - _labels_in(row)


def _cell(pic: Picture, table: int, row: int, col: int) -> Item | None:
    rows = pic.tables[table]
    if 0 <= row < len(rows) and 0 <= col < len(rows[row]):
        return rows[row][col]
    return None


def yes_no_header(row: list[Item]) -> dict[int, str] | None:
    """A row of a choice's options as column heads ('' | 'Yes' | 'No' | 'Not known'): column -> yes / no / unknown."""
    cols = {}
    for c, it in enumerate(row):
        w = ANSWER_WORDS.get(normalise_label(it.text))
        if w:
            cols[c] = w
    return cols if len(cols) >= 2 and set(cols.values()) >= {"yes", "no"} else None


def _answer_after(pic: Picture, it: Item) -> list[Item]:
    """The items that follow a bare label as its answer: next paragraphs, or the next rows' lone cells."""
    out = []
    nxt = it.n + 1
    while nxt < len(pic.items) and len(out) < 12:
        cand = pic.items[nxt]
        nxt += 1
        if cand.kind == "widget":
            break
        if cand.kind == "cell":
            if it.kind == "cell" and cand.table == it.table and cand.row == it.row:
                continue
            row = _row(pic, cand)
            filled = [c for c in row if c.text.strip()]
            if len(filled) > 1:
                break
            if not cand.text.strip():
                if len(row) == 1 or cand.col == len(row) - 1:
                    out.append(cand)  # an empty answer box
                continue
        out.append(cand)
    return out


def _ends_run(it: Item) -> bool:
    t = it.text.strip()
    if it.starts_section or it.heading:
        return True
    return label_likeness(t, it.section) >= 0.5 or bool(_split(t) and label_likeness(_split(t)[0], it.section) >= 0.5)


def generate(pic: Picture) -> tuple[list[Candidate], list[Label]]:
    cands: list[Candidate] = []
    labels: list[Label] = []
    for it in pic.items:
        labels.extend(labels_of(it))
    for lab in labels:
        lab.top = max(lab.fields.items(), key=lambda kv: (kv[1], -lab.order[kv[0]]))[0]
    # child ordinals: a new child starts at each strong child-name label after the first
    ordinal: dict[int, int] = {}
    count = -1
    counted: set[int] = set()
    names_this_child: set[str] = set()
    for lab in labels:
        top = lab.top
        if top in ("child.name", "child.forename", "child.surname") and lab.fields[top] >= 0.3 \
                and lab.item.section in (None, "child") and lab.item.n not in counted:
            # ('Full name' under the lead's heading names the lead: no new child begins there)
            counted.add(lab.item.n)
            if count < 0 or top in names_this_child or (top == "child.name" and names_this_child):
                count += 1  # the child's name asked again: the next child's details begin
                names_this_child = set()
            names_this_child.add(top)
        ordinal[id(lab)] = max(count, 0)
    person_ctx = None
    prev_top = None
    for lab in labels:
        it = lab.item
        if it.section in ("referrer", "lead"):
            person_ctx = it.section
        if lab.top == "referrer.name":
            person_ctx = "referrer"
        elif lab.top in ("lead.name", "lead.discussed"):
            person_ctx = "lead"
        lab.person_ctx = person_ctx
        for path in list(lab.fields):
            if path == "previous.date":  # 'If yes, on what date?' dates the yes/no question before it
                path = DATE_OF.get(prev_top)
                if path is None:
                    continue
            elif path in PANEL_FIELDS and it.section != "panel" and not PANELISH.search(lab.text + " " + it.hint):
                continue  # 'Date of notification' alone is the referral's date; the Panel's needs its name
            for f in _expand(path, person_ctx):
                for c in _answers_for(pic, lab, f, ordinal[id(lab)]):
                    cands.append(c)
        prev_top = lab.top
    cands += _ticked(pic)
    for c in cands:
        c.features = features(c, pic)
    rivals(cands, labels)
    for c in cands:  # to six places: sums over sets of words differ in their last bits from one run to the next
        c.features = {k: round(v, 6) for k, v in c.features.items()}
    return cands, labels


def label_strength(c: Candidate) -> float:
    """How well a candidate's label names its field, by its best evidence."""
    f = c.features
    return max(f["strength"], f["comp"], f["bank_sim"])


def rivals(cands: list[Candidate], labels: list[Label]) -> None:
    """Features that compare a candidate with the others: its label's rank among the labels offering an answer
    to the same field, and among the labels claiming the same answer; and whether the answer is itself a label."""
    by_key: dict[tuple, list[float]] = {}
    by_answer: dict[int, list[float]] = {}
    for c in cands:
        if c.fit > 0:
            by_key.setdefault(c.key, []).append(label_strength(c))
            if c.answer is not None:
                by_answer.setdefault(c.answer.n, []).append(label_strength(c))
    labelled = {lab.item.n for lab in labels if lab.rest is None and max(lab.fields.values()) >= 0.5}
    split_names = int(any(lab.top in ("child.forename", "child.surname") and lab.fields[lab.top] >= 0.5
                          for lab in labels))
    # whose details the form asks at all: a bare 'Email address' on a form that never names a safeguarding
    # lead is the referrer's; and how often the same label is printed (a second 'Email' is someone else's)
    named = {p: any((lab.item.section == p) or (lab.top.startswith(p + ".") and lab.fields[lab.top] >= 0.5)
                    for lab in labels) for p in ("referrer", "lead")}
    printed: dict[str, int] = {}
    for lab in labels:
        printed[normalise_label(lab.text)] = printed.get(normalise_label(lab.text), 0) + 1
    for c in cands:
        m = label_strength(c)
        keyed = by_key.get(c.key, [])
        claimed = by_answer.get(c.answer.n, []) if c.answer is not None else []
        c.features["key_rank"] = min(sum(1 for v in keyed if v > m + 1e-9), 5)
        c.features["key_gap"] = round(max(keyed, default=m) - m, 3)
        c.features["answer_rank"] = min(sum(1 for v in claimed if v > m + 1e-9), 5)
        c.features["answer_gap"] = round(max(claimed, default=m) - m, 3)
        c.features["answer_is_label"] = int(c.answer is not None and c.answer.n in labelled)
        c.features["names_split"] = split_names  # the form asks the child's forename and surname apart
        person = c.field.split(".")[0]
        other = {"referrer": "lead", "lead": "referrer"}.get(person)
        c.features["other_person_named"] = int(other is not None and named[other])
        c.features["label_printed"] = min(printed.get(normalise_label(c.label.text), 1), 5)


def _mk(lab: Label, f: str, child: int, relation: str, raw: str, answer: Item | None, distance: int = 0,
        blank_lines: bool = False) -> Candidate:
    v, fit, why = _value(f, raw, blank_lines)
    return Candidate(lab, f, child, relation, raw, answer, distance, v, fit, why)


def _answers_for(pic: Picture, lab: Label, f: str, child: int) -> list[Candidate]:
    it = lab.item
    out = []
    long = _field_kind(f) == types.LONG_TEXT
    if it.kind == "widget":   # (a field's paragraphs: its lines if it has no empty line, else what empty lines part)
        return [_mk(lab, f, child, "widget", it.text, it, blank_lines=it.wrapped or bool(_BLANK_LINE.search(it.text)))]
    if lab.stack:
        return [_mk(lab, f, child, "incell", "\n".join(lab.stack), it, 1)]
    if lab.rest is not None:
        if lab.rest.strip():
            out = [_mk(lab, f, child, "inline", lab.rest, None)]
            run = []
            for line in lab.more:
                if not line and (not long or not run):
                    break
                run.append(line)
            run = [line for line in run if line] if not long else run
            if run and (long or f == "child.address"):
                joiner = "\n" if f == "child.address" else " "
                out.append(_mk(lab, f, child, "inline_run", lab.rest + joiner + joiner.join(run), None, len(run),
                               blank_lines=long))
            return out
        # 'Label:' with nothing after it on its line: the answer is in a cell or paragraph nearby
    if it.kind == "cell":
        row = _row(pic, it)
        header = None
        for above in range(it.row - 1, max(it.row - 12, -1), -1):  # the Yes | No header over this row
            header = yes_no_header(pic.tables[it.table][above])
            if header or pic.tables[it.table][above][0].starts_section:
                break
        if header and it.col == 0 and len(row) > 1:
            marked = [w for c, w in header.items() if c < len(row) and MARKS.match(row[c].text or "")]
            if not marked:   # 'please INITIAL the box that applies': the one box holding the writer's initials
                written = [(w, row[c].text.strip()) for c, w in header.items() if c < len(row) and row[c].text.strip()]
                marked = [w for w, t in written if _INITIALS.fullmatch(t) and normalise_label(t) not in ANSWER_WORDS
                          and not n.blank(t)] if len(written) == 1 else []
            raw = {"yes": "Yes", "no": "No", "unknown": "Not known"}[marked[0]] if len(marked) == 1 else ""
            if min(header) < len(row):
                out.append(_mk(lab, f, child, "mark_col", raw, row[min(header)], 1))
        right = [c for c in row[it.col + 1:]]
        if right:
            out.append(_mk(lab, f, child, "right", right[0].text, right[0], 1))
            filled = [c for c in right if c.text.strip()]
            # the rest of the row read as one answer (options spread over cells: 'Yes | ☒ | No | ☐'); not where two
            # cells each hold an answer of their own (a column per child or person: '' | '24/09/2013' | '21/03/2011')
            choice = _field_kind(f) in (types.YES_NO, types.GENDER, types.INCIDENT_TYPE)
            if len(right) > 1 and (len(filled) < 2 or choice):
                out.append(_mk(lab, f, child, "row_rest", " ".join(c.text for c in right), right[0], len(right)))
            # one choice's options a cell each ('☐ Female | ☒ Male', or 'Yes | No | Not known' with none marked) are
            # one answer, read from the row whole: not the first cell's option, and not one option a child
            options_row = option_cells([c.text for c in right]) > 0
            if options_row:
                out = [c for c in out if c.relation != "right"]
            if f.startswith("child.") and len(right) >= 2 and it.col == 0 and not options_row:
                for k, c in enumerate(right[1:], start=1):
                    if not _record_column(pic, it.table, c.col):
                        continue   # 'Entered by', 'Date entered', 'Notes': about the answer, not another child's
                    out.append(_mk(lab, f, k, "child_col", c.text, c, k + 1))
            if f.startswith(("referrer.", "lead.")) and len(right) >= 2 and it.col == 0 and it.row > 0:
                head = f.split(".")[0]
                for c in right:  # 'Name | (referrer) | (lead)': one column per person, named in the header row
                    top = _cell(pic, it.table, 0, c.col)
                    named = top is not None and (person_named(top.text) or section_of(top.text))
                    if named == head:
                        out.append(_mk(lab, f, child, "person_col", c.text, c, c.col))
        below = _cell(pic, it.table, it.row + 1, it.col)
        labels_in_row = _labels_in(row)
        answers_in_row = _answers_in(row)
        if below is not None and len(_row(pic, below)) == len(row) and len(row) > 1:
            # (whether the row reads as a row of labels is the scorer's to weigh: row_labels, row_answers)
            out.append(_mk(lab, f, child, "below", below.text, below, 1))
            if f.startswith("child.") and (labels_in_row >= 2 or answers_in_row == 0):
                # a header row of labels over one row per child, some cells left blank
                for k in range(2, 7):
                    more = _cell(pic, it.table, it.row + k, it.col)
                    if more is None or len(_row(pic, more)) != len(row) or _labels_in(_row(pic, more)) >= 2:
                        break  # the table ends, changes shape, or the next band of labels begins
                    out.append(_mk(lab, f, k - 1, "column", more.text, more, k))
    if not out or all(c.fit == 0 for c in out) or it.kind == "para" or len(_row(pic, it) if it.kind == "cell" else []) == 1:
        after = _answer_after(pic, it)
        if after:
            first = after[0]
            out.append(_mk(lab, f, child, "next", first.text, first, 1))
            if long or f == "child.address":
                run = []
                for a in after:
                    if run and (_ends_run(a) or not a.text.strip()):
                        break
                    run.append(a)
                if len(run) > 1:
                    joiner = "\n\n" if long else "\n"
                    out.append(_mk(lab, f, child, "next_run", joiner.join(a.text for a in run), first, len(run),
                                   blank_lines=long))
    return out


def _ticked(pic: Picture) -> list[Candidate]:
    """Ticked boxes whose own words name an incident type: '☒ Child death', or 'Child death | ☒'."""
    out = []
    for it in pic.items:
        t = it.text.strip()
        if not t or it.section in ("office", "family"):
            continue
        option = None
        if t[:1] in "☒☑" and len(t) < 60 and t.count("☒") + t.count("☑") == 1 and "☐" not in t:
            option = t[1:].strip()
        elif it.kind == "cell" and MARKS.match(t) and it.col > 0:
            option = _row(pic, it)[it.col - 1].text.strip()
        if option and len(option) < 60 and incident_type(option):
            lab = Label(it, option, {"incident.type": 1.0}, {"incident.type": 0})
            lab.person_ctx = None
            c = Candidate(lab, "incident.type", 0, "ticked", option, it, 0, incident_type(option), 1)
            out.append(c)
    return out


_REFERRER_WORDS = re.compile(r"\b(referrer|referring|notifier|notifying|reporter|you|your|yourself|completing)\b")
_LEAD_WORDS = re.compile(r"\b(lead|dsl|manager|designated|supervisor|authoris\w*|approv\w*|agreeing|officer)\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_TITLE = re.compile(r"^(dr|mr|mrs|ms|miss|mx|dc|ds|di|pc|ps|det|sgt|insp|prof|cllr|rev)\b\.?", re.I)


def person_named(text: str) -> str | None:
    """Whose detail a label asks for by its own words: 'Referrer role', 'DSL email', 'Your phone'."""
    t = normalise_label(text)
    lead, ref = bool(_LEAD_WORDS.search(t)), bool(_REFERRER_WORDS.search(t))
    return "lead" if lead and not ref else "referrer" if ref and not lead else None


def _after_prose(c: Candidate, pic: Picture) -> int:
    """Whether the paragraph after the answer goes on with sentences of the same kind: an answer of one
    paragraph that stops there was cut short."""
    if c.answer is None or c.relation not in ("next", "below", "right") or c.answer.n + 1 >= len(pic.items):
        return 0
    after = pic.items[c.answer.n + 1]
    t = after.text.strip()
    return int(after.kind == c.answer.kind == "para" and len(t.split()) >= 4 and t.endswith((".", "!", "?"))
               and label_likeness(t.split("\n")[0], after.section) < 0.5)


def _prose_share(lines: list[str]) -> float:
    """The share of the (non-empty) lines that end a sentence."""
    filled = [line.strip() for line in lines if line.strip()]
    return round(sum(1 for line in filled if line.endswith((".", "!", "?"))) / len(filled), 2) if filled else 0.0


# words that make a name an organisation's ('Leeds City Council', 'Riverside Surgery') or a post ('Team Manager'):
# what tells an agency from a person, and a role from either, where the label alone does not
ORG_WORDS = re.compile(r"\b(council|services?|nhs|trust|police|constabulary|school|academy|college|nursery|unit|team|board|"
                        r"hospital|infirmary|surgery|practice|clinic|centre|center|partnership|agency|society|charity|"
                        r"church|mosque|temple|club|association|department|authority|icb|camhs|foundation|group|hub|"
                        r"university|ltd|limited|plc|cic|housing|probation|ambulance|station|office|project)\b", re.I)
ROLE_WORDS = re.compile(r"\b(worker|officer|manager|nurse|doctor|lead|teacher|headteacher|head of|constable|sergeant|"
                         r"inspector|practitioner|paediatrician|visitor|midwife|advis[eo]r|chair|co-?ordinator|senco|"
                         r"principal|director|consultant|leader|supervisor|clinician|therapist|instructor|coach|tutor|"
                         r"volunteer|receptionist|assistant|deputy|dsl|designated|specialist|administrator)\b", re.I)


def answer_shape(raw: str) -> dict:
    t = " ".join(raw.split())
    words = t.split()
    letters = sum(ch.isalpha() for ch in t)
    return {
        "ans_date": int(bool(t) and n.parse_date(t) is not None and len(t) <= 40),
        "ans_phone": int(bool(t) and n.phone(t) is not None),
        "ans_email": int("@" in t),
        "ans_postcode": int(bool(_POSTCODE.search(t.upper())) and len(words) <= 14),
        "ans_yesno": int(bool(t) and n.tristate(t) is not None and len(words) <= 4),
        "ans_capwords": int(bool(words) and len(words) <= 6 and all(w[:1].isupper() for w in words if w[:1].isalpha())),
        "ans_title": int(bool(_TITLE.match(t))),
        "ans_digits": round(sum(ch.isdigit() for ch in t) / max(len(t), 1), 2),
        "ans_letters": round(letters / max(len(t), 1), 2),
        "ans_words": min(len(words), 60),
        "ans_sentences": min(len(re.findall(r"[.!?](\s|$)", t)), 20),
        "ans_marked": int(bool(re.search(r"[☒☑✓✔✗✘■●]|\[\s*[xX]\s*\]", t))),  # a ticked box or mark among its words
        "ans_boxes": min(t.count("☐") + t.count("□") + t.count("○"), 10),  # unticked boxes
        "ans_org": int(len(words) <= 12 and bool(ORG_WORDS.search(t))),
        "ans_role": int(len(words) <= 12 and bool(ROLE_WORDS.search(t))),
    }


def _bare_options(pic: Picture, it: Item) -> bool:
    rest = [c.text for c in _row(pic, it)[it.col + 1:]]
    return option_cells(rest) > 0 and not any(t.strip()[:1] in BOXES for t in rest)


_RELATIONSHIP_COLUMN = re.compile(r"\brelation(ship)?\b|\brelated\b", re.I)


def _row_names_relative(pic: Picture, answer: Item | None) -> bool:
    """The answer's row says, in a 'Relationship' column of its table, that the person is a relative."""
    if answer is None or answer.kind != "cell" or answer.table not in pic.tables or answer.row == 0:
        return False
    rows = pic.tables[answer.table]
    cols = [c.col for c in rows[0] if _RELATIONSHIP_COLUMN.search(c.text)]
    row = _row(pic, answer)
    return any(k < len(row) and row[k] is not answer and RELATIVE.search(row[k].text) for k in cols)


def features(c: Candidate, pic: Picture) -> dict:
    lab = c.label
    it = lab.item
    path = c.field
    src = path if not path.startswith(("referrer.", "lead.")) else "person." + path.split(".", 1)[1]
    strength = lab.fields.get(src, lab.fields.get(path, 0.0))
    best = max(lab.fields.values())
    head = path.split(".")[0] if "." in path else path
    home = HOME.get(head, HOME.get(path))
    sec = it.section
    raw = c.raw or ""
    bank = dict(similarity(lab.text))
    comp = dict(composed(lab.text))
    comp_top = max(comp.values(), default=0.0)
    first = raw.split("\n")[0] if raw.strip() and len(raw) < 120 else ""
    if first and (re.search(r"@|\d{3}", first) or n.parse_date(first)):
        first = ""  # an address, a number or a date is typed, never a label: its words say nothing of one
    f = {
        "strength": strength,
        "bank_sim": bank.get(path, 0.0),
        "bank_best": int(bool(bank) and max(bank, key=bank.get) == path),
        "bank_gap": (max(bank.values()) - bank.get(path, 0.0)) if bank else 1.0,
        "comp": comp.get(path, 0.0),
        "comp_best": int(bool(comp) and comp.get(path, 0.0) == comp_top),
        "comp_share": comp.get(path, 0.0) / comp_top if comp_top else 0.0,
        "ans_comp": composed(first)[0][1] if first and composed(first) else 0.0,
        "ans_bank": similarity(first)[0][1] if first and similarity(first) else 0.0,
        "best_gap": best - strength,
        "n_fields": len(lab.fields),
        "rank": min(lab.order.get(src, lab.order.get(path, 99)), 99),
        "first_rule": int(lab.order.get(src, lab.order.get(path, 99)) == min(lab.order.values())),
        "section_home": int(sec is not None and sec == home),
        "section_other": int(sec is not None and home is not None and sec != home and sec not in ("child",)),
        "section_none": int(sec is None),
        "section_void": int(sec in ("office", "family")),
        "section_agencies": int(sec == "agencies"),
        "person_generic": int(src.startswith("person.")),
        "person_ctx": int(src.startswith("person.") and getattr(lab, "person_ctx", None) == head),
        "person_ctx_other": int(src.startswith("person.") and getattr(lab, "person_ctx", None) not in (None, head)),
        "label_names_person": int(head in ("referrer", "lead") and person_named(lab.text + " " + it.hint) == head),
        "label_names_other": int(head in ("referrer", "lead") and person_named(lab.text + " " + it.hint) not in (None, head)),
        "label_names_relative": int(bool(RELATIVE.search(lab.text))),  # "Parent's date of birth" is not the child's
        "label_names_worker": int(bool(WORKER.search(lab.text))),  # "School nurse", "Allocated social worker"
        "fit": c.fit,
        "blank": int(c.fit == 0),
        "distance": c.distance,
        "child": c.child,   # the child as generated: its column or row in a grid, else the count of child-name labels before it
        "answer_labelish": label_likeness(raw.split("\n")[0], sec) if raw.strip() else 0.0,
        # a run of paragraphs that swallowed the next question reads like one at its end
        "tail_labelish": max((label_likeness(line, sec) for line in raw.split("\n")[1:] if line.strip()), default=0.0),
        "tail_prose": _prose_share(raw.split("\n")[1:]),
        "after_prose": _after_prose(c, pic),
        "answer_chars": min(len(raw), 2000) / 100.0,
        "answer_lines": min(raw.count("\n") + 1, 30),
        "answer_heading": int(c.answer is not None and (c.answer.heading or bool(c.answer.starts_section))),
        "answer_question": int(raw.strip().endswith("?")),
        "answer_colon": int(raw.strip().endswith(":")),
        "label_words": min(len(lab.text.split()), 40),
        "label_question": int(lab.text.strip().endswith("?")),
        "label_colon": int(lab.sep in (":",)),
        "label_whole_item": int(lab.rest is None),
        "label_heading": int(it.heading or bool(it.starts_section)),
        "item_cell": int(it.kind == "cell"),
        "item_para": int(it.kind == "para"),
        "row_width": it.width if it.kind == "cell" else 0,
        "row_labels": min(_labels_in(pic.tables[it.table][it.row]), 6) if it.kind == "cell" and it.table in pic.tables else 0,
        "row_answers": min(_answers_in(pic.tables[it.table][it.row]), 6) if it.kind == "cell" and it.table in pic.tables else 0,
        "col": it.col or 0,
        # 'Yes | No | Not known' printed a cell each beside the label, none marked: options, not an answer
        "row_bare_options": int(it.kind == "cell" and it.table in pic.tables and _bare_options(pic, it)),
        "row_options": int(it.kind == "cell" and it.table in pic.tables
                           and option_cells([o.text for o in _row(pic, it)[it.col + 1:]]) > 0),
        # the answer's row names a relative ('Mother', 'Step-father'): a row of a household table, not the child's
        "answer_row_relative": int(_row_names_relative(pic, c.answer)),
    }
    f.update(answer_shape(raw))
    for r in RELATIONS:
        f["rel_" + r] = int(c.relation == r)
    kind = _field_kind(path)
    for k in KINDS:
        f["kind_" + k] = int(kind == k)
    return f


FEATURES = list(features(Candidate(Label(Item(0, "x", "para"), "x", {"x": 1.0}, {"x": 0}), "x", 0, "inline", "", None),
                         Picture()).keys()) + ["key_rank", "key_gap", "answer_rank", "answer_gap", "answer_is_label", "names_split",
                                                 "other_person_named", "label_printed"]
