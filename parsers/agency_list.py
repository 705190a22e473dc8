"""Agencies written as a list: one agency to a line, its parts set apart by one mark, under the question that asks
for them ('Other agencies involved with the child or family:' then 'Family Hub; Fiona Okafor; 0113 496 0177').

Forms ask for the other agencies as a free-text box as often as in a table, and people answer one agency to a line:
'GP surgery, Dr Shah, 020 7946 0783', 'Youth Justice Service - Fiona Holroyd - 0115 496 0525', '• Police | PC Dawn
Ingham | 101'. No label says which part is which, so each part is known by what it is: a telephone number or an email
address is the contact, words that name an organisation ('... Service', 'Surgery', 'CAMHS') the agency, a person's name
(two to four capitalised words, or a title and a name) the worker. A line is read only when each of its parts is known
and it holds one agency and a name or a contact; one part that could be either beside an agency is the person, and a
line whose two word parts could each be either (a nursery called 'Little Owls' beside 'Jo Osei') takes the order the
list's other lines (or its column heads) show. A line that is no such list line ends the list. Prefer a blank: a list
whose lines cannot be told apart gives no agencies.

    agency_list(pic) -> [{"entry": {"name", "agency", "contact"}, "at": where}]
"""

from __future__ import annotations

import re

from parsers import normalise as n
from parsers.candidates import ORG_WORDS, ROLE_WORDS
from parsers.picture import Picture
from parsers.vocabulary import normalise_label, section_of

# the marks that part an agency's details on its line, the strongest first: a line is parted by the first mark that
# gives a reading (so 'GP - practice, Jo Osei, 0113 496 0001' is parted at its commas, not inside the agency's name)
_MARKS = ("|", ";", "·", ",", "/", "–", "—", "-")
_BULLET = re.compile(r"^\s*(?:[•▪◦●*·–—-]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|\d{1,3}\t)")
_EMAIL = re.compile(r"[\w.+'\-]+@[\w\-]+(\.[\w\-]+)+")
_PHONE = re.compile(r"(?:(?:tel(?:ephone)?|phone|mob(?:ile)?|t|m)\.?:?\s*)?\+?[\d ()\-]{9,}(?:\s*(?:ext\.?|x)\s*\d{1,5})?",
                    re.I)
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|PC|DC|DS|DI|DCI|PCSO|Sgt|Insp|Cllr|Sister|Nurse)\.?"
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][a-z]*['’]?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)"
_PERSON = re.compile(rf"(?:{_TITLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
# more words that name a service rather than a person ('Children's Social Care', 'Early Help', 'Health Visiting')
_SERVICE_WORDS = re.compile(r"\b(care|social|health|justice|help|visiting|nursing|options|support|safeguarding|"
                            r"education|welfare|paediatrics?|midwifery|gp|cafcass|recovery|rescue|fire|ambulance|"
                            r"protection|services|operations|youth|children'?s|community|mental|substance|drug|"
                            r"alcohol|hospice|lodge|refuge|shelter|aid)\b", re.I)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_COLUMN = {"name": re.compile(r"\bname\b|professional|practitioner|worker|person|officer|^who$|^contact name$"),
           "agency": re.compile(r"agency|organi[sz]ation|service|team|employer|provider|setting|where (they|he|she) works?"),
           "contact": re.compile(r"contact|tel|phone|e ?mail|details|number|how to (reach|contact)")}
_HEAD_WORD = re.compile(r"^(name|names|contact|contacts|agency|agencies|organi[sz]ation|role|tel|telephone|phone|e ?mail|"
                        r"professional|worker|officer|service|details|position|job title)\b")
MAX_SKIPPED = 2   # lines between the question and its list that are no list line (a heading, the column heads)
_SUBHEADING = re.compile(r"^[A-Z][A-Za-z ]{2,40}:$")   # 'Previously involved:', 'Currently working with the family:'
_NONE = re.compile(r"(?i)^(none|nil|none known|no(ne)? other agenc(y|ies)( involved| known)?|not known|no)\.?$")   # the question's own answer


def _kind(part: str) -> str | None:
    """What a part of a list line is: 'contact', 'agency', 'name', 'role', 'either' (a name or an agency) or None."""
    t = " ".join(part.split()).strip(" .")
    if not t:
        return None
    if _EMAIL.fullmatch(t.lower()) or (_PHONE.fullmatch(t) and n.phone(t)):
        return "contact"
    if re.search(r"\d|@|[:?!•▪●]", t) or len(t.split()) > 8 or re.search(r"[a-z]\.\s", t):
        return None
    if _HEAD_WORD.match(normalise_label(t)):
        return None   # 'Name', 'Contact Claire Kilbride', 'ROLE TEL': a column's head, or a head before its answer
    if re.match(_TITLE + r"\s", t) and _PERSON.fullmatch(t) and not ORG_WORDS.search(t) \
            and not _SERVICE_WORDS.search(t):
        return "name"   # 'DS Tomasz Haworth', 'Dr Cowling'
    shouted = t.isupper() and len(t.split()) > 1   # 'JOHN SMITH': capitals are no acronym
    if ORG_WORDS.search(t) or _SERVICE_WORDS.search(t) or (not shouted and _ACRONYM.search(t)):
        return "agency"
    if ROLE_WORDS.search(t):
        return "role"
    if _PERSON.fullmatch(t if not shouted else t.title()) and 2 <= len(t.split()) <= 4:
        return "either" if "." not in t else "name"   # 'A. Bramwell' is a person
    return None


def _column_heads(line: str) -> list[str] | None:
    """'Name | Agency | Contact', 'Officer / worker<tab>Agency<tab>Contact details': the kinds the columns hold."""
    for mark in ("\t",) + _MARKS:
        parts = [p for p in (line.split("\t") if mark == "\t" else _split(line, mark))]
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) < 2:
            continue
        kinds = []
        for p in parts:
            t = normalise_label(p)
            if len(t.split()) > 4 or re.search(r"\d|@", p):
                return None
            kind = next((k for k, rx in _COLUMN.items() if rx.search(t)), None)
            if kind is None:
                break
            kinds.append(kind)
        else:
            if "agency" in kinds and len(set(kinds)) == len(kinds):
                return kinds
    return None


def _split(line: str, mark: str) -> list[str]:
    parts = re.split(rf"\s*{re.escape(mark)}\s+|\t+" if mark in ",;" else rf"\s+{re.escape(mark)}\s+|\t+", line)
    return [p.strip() for p in parts if p.strip()]


def _parse(line: str, heads: list[str] | None, orders: list[tuple]) -> tuple[dict, tuple] | None:
    """One list line's entry and the kinds of its parts in order, or None when it is no list line."""
    text = _BULLET.sub("", line.strip()).strip()
    if not text or text.endswith(("?", ":")) or _wrapped(text):
        return None
    for mark in _MARKS:
        parts = _split(text, mark)
        if not 2 <= len(parts) <= 4:
            continue
        kinds = [_kind(p) for p in parts]
        if None in kinds:
            continue
        found = _assign(parts, kinds, heads, orders)
        if found is not None:
            return found
    return None


def _wrapped(text: str) -> bool:
    """A line ending in the mark that parts its details ('Stuart Blenkinsop / CAMHS /'): it goes on on the next line."""
    return bool(re.search(r"\s[|;·/–—-]$|[,;]$", text.rstrip()))


def _assign(parts: list[str], kinds: list[str], heads: list[str] | None, orders: list[tuple]):
    if kinds.count("contact") > 1 or kinds.count("role") > 1:
        return None
    if "either" in kinds:
        # word parts that could each be a person or an organisation: one such part beside an agency is the person;
        # two take the order the column heads or the list's other lines show, where one of the same length says it
        known = {o for o in orders if len(o) == len(kinds)} | ({tuple(heads)} if heads and len(heads) == len(kinds) else set())
        fitting = {o for o in known if all(k == o[i] or (k == "either" and o[i] in ("name", "agency"))
                                            for i, k in enumerate(kinds))}
        if kinds.count("either") == 1 and "agency" in kinds and "name" not in kinds:
            kinds = ["name" if k == "either" else k for k in kinds]   # the line says it itself, whatever the others
        elif len(fitting) == 1:
            kinds = list(fitting.pop())
        else:
            return None
    if kinds.count("agency") != 1 or kinds.count("name") > 1:
        return None
    entry = {"name": None, "agency": None, "contact": None}
    for p, k in zip(parts, kinds):
        if k in entry:
            entry[k] = n.text(p)
    if not (entry["name"] or entry["contact"]):
        return None
    return entry, tuple(kinds)


def _asks_for_agencies(line: str) -> bool:
    """The question (or heading) the list answers; also at the end of a line that a PDF's text ran on from the sentence
    before it ('... had not been treated. Other agencies involved with the child or family:')."""
    t = line.strip()
    if re.search(r"[.?!]\s+\S", t) and t.endswith(":"):
        t = re.split(r"(?<=[.?!])\s+", t)[-1]
    return 0 < len(t.split()) <= 14 and not re.search(r"\d{3}|@", t) and (section_of(t) == "agencies" or _item_form(t))


def _item_form(label: str) -> bool:
    """A label that shows how to write each agency, its other parts in brackets: 'Agency / team (worker, contact)',
    'Organisation (professional, telephone / e-mail)'."""
    m = re.fullmatch(r"(.+?)\s*\((.+)\)\s*:?", label.strip())
    if not m or not _COLUMN["agency"].search(normalise_label(m.group(1))) or len(m.group(1).split()) > 4:
        return False
    parts = [normalise_label(x) for x in re.split(r",", m.group(2)) if x.strip()]
    return 2 <= len(parts) <= 3 and all(_COLUMN["name"].search(x) or _COLUMN["contact"].search(x) for x in parts)


def _listlike(line: str) -> bool:
    """A line that may be the first part of a wrapped list line: it ends in a mark, or a mark parts it and its first
    part is a name, an agency or a contact ('Siobhan Blenkinsop / Domestic', then 'abuse service / 0115 496 0037')."""
    text = _BULLET.sub("", line.strip()).strip()
    if _wrapped(text):
        return True
    return any(len(_split(text, mark)) >= 2 and _kind(_split(text, mark)[0]) is not None for mark in _MARKS)


_BRACKETED = re.compile(r"\s*([^;()]+?)\s*\(([^()]+)\)\s*")


def bracketed(line: str) -> list[str]:
    """Agencies written one after another on a line, each with its worker and contact in brackets ('Health Visiting
    Service (Lorraine Sandhu, 0114 496 0128); CAMHS (0114 496 0500).'), under a label that shows that form ('Agency
    (worker, contact)': ``_item_form``; elsewhere a bracket may hold a team): a list line each ('CAMHS; 0114 496 0500').
    A line that is not only such items, or gives no contact in them (a label showing the items' form: 'Agency (name,
    contact)'), stays as it is."""
    items = [i for i in re.split(r";\s*", line.strip().rstrip(".")) if i.strip()]
    found = [_BRACKETED.fullmatch(i) for i in items]
    if not items or not all(found) or not any(re.search(r"\d|@", m.group(2)) for m in found):
        return [line]
    return ["; ".join([m.group(1)] + [p.strip() for p in m.group(2).split(",") if p.strip()]) for m in found]


_MID_BULLET = re.compile(r"\s[•▪●]\s")   # bullets the PDF's text set on one line: each starts a line of its own


def agency_list(pic: Picture) -> list[dict]:
    """The agencies listed one to a line after the question that asks for them (the first such list)."""
    return listed_agencies(pic)[0]


def listed_agencies(pic: Picture) -> tuple[list[dict], bool]:
    """``agency_list``, and whether the list seems to go on past its last line read (``_read_list``)."""
    lines = [(it, part) for it in pic.items if it.kind != "widget" for line in it.text.split("\n")
             for part in _MID_BULLET.split(line)]
    for k, (_, line) in enumerate(lines):
        if _asks_for_agencies(line):
            after = lines[k + 1:]
            if _item_form(line):   # 'Agency (worker, contact)': the items after it written as the label shows
                after = [(it, item) for it, part in after for item in bracketed(part)]
            found, more = _read_list(after, 0)
            if found:
                return found, more
    return [], False


def _read_list(lines: list, i: int) -> tuple[list[dict], bool]:
    """The list from line i on, and whether a line that looks like one of its agencies (a number or an address in it)
    was left unread where it ends. Before the list, the column heads and at most ``MAX_SKIPPED`` headings are passed
    over; an answer ('None known') or another question ends the search: the list after it answers that question.
    Within the list, a short sub-heading ('Previously involved:') is passed over; the list ends at the first line
    after it that is no list line."""
    out: list[dict] = []
    orders: list[tuple] = []
    heads = None
    skipped = 0
    while i < len(lines):
        it, line = lines[i]
        if not line.strip():
            i += 1
            continue
        nxt = re.sub(r"^\d{1,3}\t", "", lines[i + 1][1].strip()) if i + 1 < len(lines) else ""   # (a margin's number)
        found = _parse(line, heads, orders)
        if nxt and ((found is None and _listlike(line)) or (found is not None and _parse(nxt, heads, orders) is None)):
            joined = _parse(line.rstrip() + " " + nxt, heads, orders)   # a line wrapped in its column
            if joined is not None:
                found, i = joined, i + 1
        if found is not None:
            entry, kinds = found
            out.append({"entry": entry, "at": it.where()})
            orders.append(kinds)
            i += 1
            continue
        if out:
            if _SUBHEADING.match(line.strip()) and nxt and _parse(nxt, heads, orders) is not None:
                i += 1
                continue
            return out, bool(re.search(r"\d{3}|@", line))
        if re.search(r"\d|@", line) and not _asks_for_agencies(line):
            return [], False   # the list's first line cannot be read: no list read from its second line on (nor a guess)
        if heads is None and _column_heads(line) is not None:
            heads = _column_heads(line)
        elif _asks_for_agencies(line):
            return [], False   # the next question of its kind starts its own list
        elif line.strip().endswith("?") or n.blank(line) or _NONE.match(line.strip()):
            return [], False   # the question's answer ('None known'), or another question: the lines after are its
        else:
            skipped += 1
            if skipped > MAX_SKIPPED:
                break
        i += 1
    return out, False
