"""What a value can be: every canonical field has a value type, and a candidate that does not fit is
never assigned (issue 10: "Yes" is not an agency, a UK phone number has 10-13 digits, a date must
parse as a UK day-first date).

``kind_of(path)`` names a field's type; ``normalised(path, raw)`` gives the record's value, or raises
``Refused`` with a plain reason when a non-blank candidate does not fit; ``fit(path, raw)`` scores a
candidate for the layout readings: 1 fits, 0 blank, -1 does not fit.
"""

from __future__ import annotations

import re

from parsers import normalise as n
from parsers.fields import (DATE, EMAIL, GENDER, INCIDENT_TYPE, LONG_FIELDS, LONG_TEXT, ORGANISATION, PERSON,  # noqa: F401
                            PHONE, TEXT, YES_NO, kind_of, label_of)
from parsers.vocabulary import incident_type, match



class Refused(ValueError):
    """A non-blank candidate that does not fit its field's type; the message says why."""


def _bare_answer(raw: str) -> bool:
    """A value that is only a yes/no answer or a tick ('Yes', 'N', '☒ Yes ☐ No')."""
    t = " ".join(raw.split())
    return len(t.split()) <= 4 and n.tristate(t) is not None and not re.search(r"\d", t)


def _only_date(raw: str) -> bool:
    t = " ".join(raw.split())
    return n.parse_date(t) is not None and len(re.sub(r"[\W\d_]+", "", t)) <= 12 and len(t) <= 32


def _only_contact(raw: str) -> bool:
    t = " ".join(raw.split())
    return bool(re.fullmatch(r"[\w.+'\-]+@[\w\-]+(\.[\w\-]+)+", t)) or bool(re.fullmatch(r"\+?[\d ()\-]{9,}", t))


_AGE = re.compile(r"\d|unborn|newborn|new born|neonat|month|year|week|day|\bmths?\b|\byrs?\b", re.I)
_NUMBERED = re.compile(r"^\s*\d+(\.\d+)+\s+(?=[A-Za-z])")


def _numbered_label(raw: str) -> bool:
    """'3.7 Usual residential address', '3.12 Is the child currently open to ...?': a form's numbered item."""
    t = " ".join(raw.split())
    if not _NUMBERED.match(t) or len(t) > 160:
        return False
    rest = _NUMBERED.sub("", t)
    return rest.endswith(("?", ":")) or match(rest, None) is not None or match(rest, "child") is not None


_PROMPT = re.compile(r"[^:\n]{1,60}:")
# a question's own prompt for more ('If yes, give details', 'If so, please specify', 'If yes,' cut by a wrap)
_IF_PROMPT = re.compile(r"\(?if (yes|so)\b[,:]?\s*((please\s+)?(give|provide|state|specify|say|describe|list)"
                        r"( (more )?(details?|what|which|why|how))?( below| here)?)?[.:)]?", re.I)
_PAGE_ACTION = re.compile(r"(?i)(change|edit|change answer|add another|save and continue|save and return)")

_STRICT = {DATE: (n.parse_date, "not a date"), EMAIL: (n.email, "not an email address"),
           PHONE: (n.phone, "not a telephone number (10 to 13 digits)")}


# a replier's initials in brackets before each answer typed into a form sent back by e-mail ('[TP] Pakistani',
# 'Please see my answers below marked with my initials'): no part of the answer
_REPLY_TAG = re.compile(r"^[ \t]*\[(?!(?:YES|NO|NA|NK|N/A)\])[A-Z]{2,3}\][ \t]+(?=\S)", re.M)


def normalised(path: str, raw: str | None, blank_line_paragraphs: bool = False):
    """The record's value for a candidate; None when blank; Refused when it does not fit."""
    raw = _REPLY_TAG.sub("", raw) if raw else raw
    if n.blank(raw):
        return None
    if re.search(r"(\.\s?){4,}\s*$|_{4,}\s*$", raw):
        raise Refused("a label with its dotted line, not an answer")  # 'GP surgery ..........'
    if _PAGE_ACTION.fullmatch(" ".join(raw.split())):
        raise Refused("a web page's link or button, not an answer")  # 'Change' on a 'check your answers' page
    kind = kind_of(path)
    if kind in _STRICT:  # a date, an email address, a phone number: found in the answer, or refused
        read, why = _STRICT[kind]
        value = read(raw)
        if value is None:
            raise Refused(why)
        return value
    if kind == YES_NO:
        value = n.tristate(raw)
        if value is None:
            t = " ".join(raw.split()).lower()
            if re.fullmatch(r"(yes\s*/\s*no|y\s*/\s*n)(\s*\(.*\))?", t) or (n.checked_options(raw) is not None):
                return None  # offered but not answered (nothing deleted, nothing ticked, or both)
            raise Refused("not a yes/no answer")
        return value
    if kind == GENDER:
        value = n.gender(raw)
        if value is None and not (n.checked_options(raw) == []):
            raise Refused("not a gender")
        return value
    if kind == INCIDENT_TYPE:
        chosen = n.checked_options(raw)
        if chosen is not None:
            return incident_type(chosen[0]) if len(chosen) == 1 else None
        value = incident_type(raw)
        if value is None:
            raise Refused("not an incident type")
        return value
    if kind in (PERSON, ORGANISATION, TEXT, LONG_TEXT) and _PROMPT.fullmatch(" ".join(raw.split())):
        raise Refused("a prompt ending in a colon, not an answer")  # 'Record facts only:' printed over the box
    if kind in (PERSON, ORGANISATION, TEXT, LONG_TEXT) and _IF_PROMPT.fullmatch(" ".join(raw.split())):
        raise Refused("the question's prompt, not an answer")   # 'If yes, give details' after 'Any disability?'
    if kind in (PERSON, ORGANISATION, TEXT, LONG_TEXT) and _numbered_label(raw):
        raise Refused("a numbered question of the form, not an answer")  # '3.7 Usual residential address'
    if kind == LONG_TEXT:
        return n.paragraphs(raw, blank_line_paragraphs)
    if kind in (PERSON, ORGANISATION, TEXT):
        if path.endswith(".age") and not _AGE.search(raw):
            raise Refused("not an age")  # '8 months', '14 years', '2m', 'unborn'
        if _bare_answer(raw) and not path.endswith(("disability", "legal_status", "age")):
            raise Refused("a yes/no answer, not a " + ("name" if kind == PERSON else kind))
        if kind in (PERSON, ORGANISATION) and (_only_date(raw) or _only_contact(raw)):
            raise Refused(f"a date or contact detail, not a{'n' if kind == ORGANISATION else ''} {kind}")
        if kind == PERSON and (len(raw.split()) > 10 or not re.search(r"[A-Za-z]", raw)):
            raise Refused("too long for a name")
        if kind == PERSON and _IDENTIFIER.fullmatch(raw.strip()):
            raise Refused("a program's name for a field or form, not a person's name")  # 'sfrmChildren', 'txtName'
        if path.endswith("address"):
            return n.address(raw)
        if kind == PERSON:
            return n.text(without_avatar(raw))
        return n.text(raw)
    return n.text(raw)


# ranks and posts written before a name, which may happen to be its initials ('DC David Cole'): kept
_RANKS = {"DC", "DS", "PC", "DI", "DCI", "DSI", "DSU", "CI", "SGT", "GP", "HV", "SW", "RN", "MP", "KC", "QC"}


def without_avatar(raw: str) -> str:
    """A person's name printed after their initials in a coloured circle (a Microsoft Lists, Teams or Outlook
    print: 'MH Martin Hussain', 'CL Colin Lloyd-Evans'): the name without the initials. Only initials that are the
    name's own, in order, are dropped."""
    words = raw.split()
    if len(words) < 3 or not re.fullmatch(r"[A-Z]{2,3}", words[0]) or words[0] in _RANKS:
        return raw
    rest = [w for w in words[1:] if w[:1].isalpha()]
    firsts = "".join(w[0] for w in rest).upper()
    lasts = rest[0][0] + rest[-1][0] if len(rest) >= 2 else ""
    return " ".join(words[1:]) if words[0] in (firsts, lasts.upper()) else raw


_IDENTIFIER = re.compile(r"[a-z]+[A-Z][A-Za-z0-9_]*")   # one word, lower case, then a capital: a program's identifier


def fit(path: str, raw: str | None) -> int:
    """1 when a candidate fits the field, 0 when blank, -1 when it does not fit."""
    try:
        return 0 if normalised(path, raw) is None else 1
    except Refused:
        return -1


def label_for_warning(record_path: str) -> str:
    """A field's plain name for a warning (never the value)."""
    return label_of(record_path.replace(".forename", ".name").replace(".surname", ".name"))
