"""Display helpers shared by the Word and PDF layouts."""

from __future__ import annotations

from .model import Fld, Vocab

LONG = ("lines", "paras", "agencies")


def yn_word(f: Fld, v: Vocab) -> str:
    return "" if f.show is None else v.yn[f.show]


def gender_word(f: Fld, v: Vocab) -> str:
    return "" if f.show is None else v.gender[f.show]


def itype_word(f: Fld) -> str:
    return "" if f.show is None else f.show[1]


def shown(f: Fld, v: Vocab) -> str:
    """The answer as one string (lines joined with newlines, paragraphs with blank lines)."""
    if f.kind == "yn":
        return yn_word(f, v)
    if f.kind == "gender":
        return gender_word(f, v)
    if f.kind == "itype":
        return itype_word(f)
    if f.kind == "lines":
        return "\n".join(f.show)
    if f.kind == "paras":
        return "\n\n".join(f.show)
    return f.show or ""


def options(f: Fld, v: Vocab) -> tuple[list[str], int | None, str]:
    """Printed options, the chosen index (or None) and an 'Other' detail for option-list layouts."""
    if f.kind == "yn":
        return list(v.yn), f.show, ""
    if f.kind == "gender":
        keys = list(v.gender)
        return [v.gender[k] for k in keys], (None if f.show is None else keys.index(f.show)), ""
    keys = list(v.itypes)
    if f.show is None:
        return [v.itypes[k] for k in keys], None, ""
    k, text = f.show
    detail = ""
    if k == "other":
        detail = text.split(":", 1)[1].strip() if ":" in text else text.split(" - ", 1)[1].strip()
    return [v.itypes[k2] for k2 in keys], keys.index(k), detail


def is_long(f: Fld) -> bool:
    return f.kind in LONG or (f.kind in ("text", "para") and len(f.show or "") > 60)


def wrap(text: str, width_fn, width: float, first_width: float | None = None) -> list[str]:
    """Greedy word wrap; width_fn(s) gives a string's width."""
    lines, cur = [], ""
    limit = first_width if first_width is not None else width
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if cur and width_fn(trial) > limit:
            lines.append(cur)
            cur = word
            limit = width
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines
