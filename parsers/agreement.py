"""A second reader's word: the rule reader vouches for the trained reader's candidates that read what it reads.

The trained reader takes a value when the model is sure of it (the calibrated bar, ``assignment.bar``). A value
the model is less sure of is taken too when the rule reader, reading the same form its own way, read the same
value for the same field (and the same child), and the model's confidence reaches the lower bar the model file
calibrates for such values (``vouched_threshold``: ``parsers/training/train.py``). The rule reader never adds a
value of its own, and where the two disagree the trained reader's bar stands. The dates the statutory clocks run
from are never taken on the rule reader's word: they keep the model's own bar. A label the partnership taught
(``[vocabulary]``) is its own evidence: both readers reading the same value beside it is enough, at any confidence,
for any field.

Which child is which: the rule reader's record lists only the children it found answers for, where the trained
reader numbers the places a form gives children (a blank "Child 1" section, then "Child 2"). A trained child is
the rule reader's child of the same name; the children no name matches are paired in order (``children_of``).

    vouch(cands, record) -> how many candidates the record vouches for (each marked ``vouched``)
    read_on(record, second) -> the long answers the rule reader read on past where the trained reader stopped
"""

from __future__ import annotations

import re

from parsers.assignment import CLOCK_DATES, record_path, value_at  # noqa: F401 (value_at: read here by the reader)
from parsers.candidates import ORG_WORDS, ROLE_WORDS, label_likeness, label_strength
from parsers.vocabulary import normalise_label, taught

def same_value(a, b) -> bool:
    """Two readings of one answer agree: equal values, texts equal but for case and spacing."""
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def children_of(cands: list, record: dict) -> dict[int, int]:
    """Trained child number -> the rule reader's child index: by the name each reads (the trained reader's surest
    name for the child is a rule reader's child's name); then the children left on both sides in order (the trained
    reader's counted only where it read a value for them)."""
    children = record.get("children") or []
    names: dict[str, int] = {}
    for j, child in enumerate(children):
        if child.get("name"):
            names.setdefault(" ".join(str(child["name"]).split()).casefold(), j)
    best: dict[int, object] = {}
    for c in cands:
        if c.field == "child.name" and c.fit > 0 and c.value and c.score > getattr(best.get(c.child), "score", -1.0):
            best[c.child] = c
    out: dict[int, int] = {}
    for k, c in sorted(best.items()):
        j = names.get(" ".join(str(c.value).split()).casefold())
        if j is not None and j not in out.values():
            out[k] = j
    slots = sorted({c.child for c in cands if c.field.startswith("child.") and c.fit > 0} - set(out))
    rest = [j for j in range(len(children)) if j not in out.values()]
    out.update(zip(slots, rest))   # (a blank place for a child holds no value: it is not among the slots)
    return out


def vouch(cands: list, record: dict | None) -> int:
    """Mark each candidate with a value whose field (and child) the other reading holds the same value for
    (``vouched``), and those read beside a label the partnership taught for the field (``taught``)."""
    if not record:
        return 0
    kids = children_of(cands, record)
    count = 0
    for c in cands:
        if c.fit <= 0 or c.value is None:
            continue
        own = taught(c.label.text, c.field)
        if c.field in CLOCK_DATES and not own:
            continue
        if c.field.startswith("child."):
            if c.child not in kids:
                continue
            other = value_at(record, record_path(c.field, kids[c.child]))
        else:
            other = value_at(record, record_path(c.field, c.child))
        if other is not None and same_value(other, c.value):
            c.vouched, c.taught = True, own
            count += 1
    return count


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th", "one", "two", "three"}


def _question(label: str) -> tuple[str, ...]:
    """A label's words less its numbers and a child's ordinal ('42. Subject to a CP plan?', 'Child 2 - Looked
    after?'): the question a form asks again for each child."""
    return tuple(w for w in normalise_label(label).split() if not w.isdigit() and w not in _ORDINALS)


def vouch_repeated(cands: list, record: dict | None) -> int:
    """A form asks its child questions again for each child. Where the rule reader vouched for one child's answer
    to a question (``vouch``), the same question asked of another child, answered the same way (the same relation of
    label to answer), is vouched for too: the rule reader confirmed what that question asks, though it did not read
    that answer for the later child. Only for a child the rule reader counted too (``children_of``: a part of the
    form about the parents or the siblings, which asks 'Date of birth' and 'Ethnicity' again, is no child of its
    record) and left that answer empty (where it read another, the two disagree and the model's own bar stands). Not
    a fillable form's fields: one named after the printed words beside the first child's may hold another
    question's answer for the next child (a school under 'Address_2'). -> how many candidates this vouches for."""
    if not record:
        return 0
    kids = children_of(cands, record)
    sure: dict[tuple, set[int]] = {}
    for c in cands:
        if getattr(c, "vouched", False) and c.field.startswith("child."):
            sure.setdefault((c.field, c.relation, _question(c.label.text)), set()).add(c.child)
    count = 0
    for c in cands:
        if c.fit <= 0 or c.value is None or getattr(c, "vouched", False) or not c.field.startswith("child.") \
                or c.relation == "widget" or c.child not in kids \
                or value_at(record, record_path(c.field, kids[c.child])) is not None:
            continue
        if sure.get((c.field, c.relation, _question(c.label.text)), set()) - {c.child}:
            c.vouched, c.taught, c.repeated = True, False, True
            count += 1
    return count


# Answers whose words plainly say what kind of thing they are: an ethnic group ('A - White British', 'Gypsy / Roma',
# 'Asian or Asian British - Pakistani'), an organisation ('Edge of Care Team', 'Ottersley Teaching Hospitals NHS FT').
_ETHNIC = re.compile(r"(?i)\b(white|british|irish|gypsy|roma|travellers?|mixed|multiple|asian|indian|pakistani|"
                     r"bangladeshi|chinese|black|african|caribbean|arab|european|polish|romanian|kurdish|somali)\b")
# a person's name: two to four capitalised words, a title or rank first if any ('Dr Owen Goodall', 'PS Gemma Walsh')
_PERSON = re.compile(r"^(?:(?i:dr|mr|mrs|ms|miss|mx|prof|ds|di|dc|pc|ps|sgt|insp|a/ds|a/di|det)\.?\s+)?"
                     r"[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*(?:\s+[A-Z][A-Za-z'’\-]+){1,3}$")
# ... and no job's or organisation's words ('Designated Safeguarding Lead', 'Named Nurse Safeguarding Children')
_NOT_A_NAME = re.compile(r"(?i)\b(safeguarding|named|children|child|unknown|none|known|applicable)\b")


class _Name:
    """A person's name and nothing else (``_PERSON`` and none of ``_NOT_A_NAME``)."""

    @staticmethod
    def search(value: str) -> bool:
        t = " ".join(value.split())
        return bool(_PERSON.match(t)) and not any(w.search(t) for w in (_NOT_A_NAME, ROLE_WORDS, ORG_WORDS))


# a job title: a job's own words ('Named Nurse for Safeguarding Children', 'Senior Social Worker'), and not a label
# printed where the answer should be ('SUPERVISOR EMAIL', 'Academy: Norbury Cross Academy')
_LABEL_WORDS = re.compile(r"(?i)\b(e-?mail|phone|telephone|mobile|organisation|address|name|agency)\b|:")


class _Job:
    """A job title and nothing else (``candidates.ROLE_WORDS``, none of ``_LABEL_WORDS``, not a line in capitals)."""

    @staticmethod
    def search(value: str) -> bool:
        return bool(ROLE_WORDS.search(value)) and not _LABEL_WORDS.search(value) and not value.isupper()


# relations whose answer is a box or paragraph of its own: the value read from it should be all of it
_WHOLE_ITEM = ("right", "below", "next")
# relations that put the answer in the label's own place (its line, its cell, the box beside or under it, its field):
# not a column or a row's other cells, which may be another child's or another person's
_OWN_PLACE = ("inline", "incell", "right", "below", "next", "widget")
LABEL_LIKE = 0.5   # an answer that reads as a label this much or more is no answer vouched for by its words


# field -> (what its answer says it is, the part of the form whose label may ask it, in words)
_KINDS = {"child.ethnicity": (_ETHNIC, ("child", None), "an ethnic group"),
          "referrer.name": (_Name, ("referrer",), "a person's name"),
          "lead.name": (_Name, ("lead",), "a person's name"),
          "lead.role": (_Job, ("lead",), "a job title"),
          "referrer.agency": (ORG_WORDS, ("referrer",), "an organisation"),
          "lead.agency": (ORG_WORDS, ("lead",), "an organisation")}


def vouch_kind(cands: list, bar: float | None, record: dict | None) -> int:
    """A value whose own words say it is what its field asks for (``_KINDS``: an ethnic group beside a label in the
    child's part; an organisation, a person's name or the lead's job title beside a label in that person's own part)
    is vouched for by what it says: taken from the lower bar (``bar``, the model's ``vouched_threshold``), as a value
    the rule reader read the same is. Not where the words could be someone else's or only part of the answer:

    - another answer for the same field (and child) reaches the bar too (two 'Name' boxes in the referrer's part), or
      another label in the part names the field as well or better, whatever its answer reads ('Service / Trust' and,
      in a second person's block the form does not head apart, 'Trust');
    - the answer is the rest of a row, which may be another child's column ('Ethnicity | | White British');
    - the answer is not the whole of its box or paragraph (a name wrapped on to a second line: 'Dunmere School Aged
      Immunisation Service' over '(Dunmere Community Health NHS Trust)');
    - it does not start as a name does, with a capital or a digit ('referral to Brackenford Partnership'), or it reads
      as a label itself ('Name of school: Oakfield Academy', 'Agency / Team' left as the template's hint);
    - it is read from a column or a row's other cells, which may be another child's or another person's ('Safeguarding
      lead | Out of hours contact');
    - the rule reader read another value for the field (the two disagree: the model's own bar stands).

    Only with the rule reader's record beside it (``record``; the trained reader alone takes nothing on this word).

    -> how many."""
    if bar is None or not record:
        return 0
    kids = children_of(cands, record)
    reach: dict[tuple, set] = {}
    naming: dict[tuple, list] = {}   # key -> (label item, how well the label names the field) in the field's part
    for c in cands:
        if c.field not in _KINDS or c.fit <= 0 or c.value is None:
            continue
        if c.score >= bar:
            reach.setdefault(c.key, set()).add(" ".join(str(c.value).split()).casefold())
        if c.label.item.section in _KINDS[c.field][1]:
            naming.setdefault(c.key, []).append((c.label.item.n, label_strength(c)))
    count = 0
    for c in cands:
        kind = _KINDS.get(c.field)
        if kind is None or c.fit <= 0 or not isinstance(c.value, str) or getattr(c, "vouched", False):
            continue
        words, parts, said = kind
        value = " ".join(c.value.split())
        whole = c.answer is None or c.relation not in _WHOLE_ITEM or \
            " ".join(c.answer.text.split()) == " ".join(str(c.raw).split())
        path = record_path(c.field, kids.get(c.child, -1) if c.field.startswith("child.") else c.child)
        other = value_at(record, path) if not c.field.startswith("child.") or c.child in kids else None
        if other is not None and not same_value(other, c.value):
            continue
        if c.label.item.section in parts and c.relation in _OWN_PLACE and words.search(value) and len(value) <= 120 \
                and "\n" not in c.value and ":" not in value and (value[:1].isupper() or value[:1].isdigit()) \
                and label_likeness(value, c.label.item.section) < LABEL_LIKE:
            mine = label_strength(c)
            rivals = [m for n, m in naming.get(c.key, []) if n != c.label.item.n and m >= max(mine, 0.5)]
            if whole and not rivals \
                    and len(reach.get(c.key, set()) | {value.casefold()}) == 1:
                c.vouched, c.taught, c.kinded = True, False, said
                count += 1
    return count


LONG_ANSWERS = ("incident.summary", "criteria.reason", "immediate_concerns")


def read_on(record: dict, second: dict | None) -> list[str]:
    """A long answer the trained reader took the first paragraphs of, and the rule reader read on into more: the same
    paragraphs first, word for word, then one or more whole paragraphs of its own (a second paragraph of 'What
    happened' printed as a paragraph of its own under the answer): the rule reader's whole answer is taken. Never a
    shorter answer, never one that differs in the paragraphs both read. -> the paths so lengthened."""
    out = []
    if not second:
        return out
    for path in LONG_ANSWERS:
        mine, theirs = value_at(record, path), value_at(second, path)
        if not isinstance(mine, str) or not isinstance(theirs, str) or not mine.strip():
            continue
        paragraphs = [p.strip() for p in theirs.split("\n") if p.strip()]
        words, said = mine.split(), []
        for k, p in enumerate(paragraphs):
            said += p.split()
            if said == words:
                more = []
                for q in paragraphs[k + 1:]:   # prose only: the next part's labels and answers are no paragraph of it
                    if not PROSE.match(q) or "\t" in q:
                        break
                    more.append(q)
                if more:
                    head, leaf = path.split(".") if "." in path else (None, path)
                    (record[head] if head else record)[leaf] = "\n\n".join(paragraphs[:k + 1] + more)
                    out.append(path)
                break
            if said != words[:len(said)]:
                break
    return out


# a paragraph of writing: a capital first, six words or more, a sentence's end last
PROSE = re.compile(r"^[A-Z\"'(][^\n]*?(\S+\s+){5,}[^\n]*[.!?)\"']$")
