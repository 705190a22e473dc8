"""What a form asks, in order, and how an answer reads as text - shared by the Word and PDF layouts."""

from __future__ import annotations

from common import fmt_date
from model import Case, Shown

REF_KEYS = ["ref.name", "ref.role", "ref.agency", "ref.email", "ref.phone"]
LEAD_KEYS = ["lead.name", "lead.role", "lead.agency", "lead.email", "lead.phone", "lead.discussed"]
CHILD_KEYS = ["child.other_names", "child.dob", "child.age", "child.gender", "child.ethnicity", "child.address",
              "child.school", "child.gp", "child.legal_status", "child.cp_plan", "child.open_to_csc",
              "child.looked_after", "child.disability", "child.date_of_death"]
INC_KEYS = ["inc.date", "inc.date_la_aware", "inc.location", "inc.type", "inc.summary", "inc.police_involved"]
CRIT_KEYS = ["crit.died", "crit.abuse", "crit.local", "crit.learning"]
YN_KEYS = {"lead.discussed", "child.cp_plan", "child.open_to_csc", "child.looked_after", "inc.police_involved",
           "crit.died", "crit.abuse", "crit.local", "crit.learning", "panel"}


def name_keys(case: Case) -> list[str]:
    s = case.s
    if not s["split_name"]:
        return ["child.name"]
    return ["child.last", "child.first"] if s["surname_first"] else ["child.first", "child.last"]


def child_fields(case: Case, i: int, with_names=True, skip=()) -> list[tuple[str, str, Shown]]:
    k = case.kids[i]
    keys = (name_keys(case) if with_names else []) + CHILD_KEYS
    out = []
    for key in keys:
        if key in skip or key not in case.s["labels"]:
            continue
        sh = k.get(key)
        if sh is None:
            continue
        out.append((key, case.label(key), sh))
    return out


def fields(case: Case, keys) -> list[tuple[str, str, Shown]]:
    out = []
    for key in keys:
        if key not in case.s["labels"]:
            continue
        sh = case.show.get(key)
        if sh is None:
            continue
        out.append((key, case.label(key), sh))
    return out


def word(case: Case, sh: Shown, key: str = "") -> str:
    """The chosen option's words ('' when nothing is chosen)."""
    if sh.choice is None:
        return ""
    if sh.kind == "yn":
        return case.s["yn"][sh.choice]
    if sh.kind == "gender":
        return case.s["gender"][sh.choice]
    if sh.kind == "itype":
        return case.s["itypes"][sh.choice]
    return ""


def options(case: Case, sh: Shown) -> list[str]:
    if sh.kind == "yn":
        return list(case.s["yn"])
    if sh.kind == "gender":
        return list(case.s["gender"])
    if sh.kind == "itype":
        return list(case.s["itypes"])
    return []


def text_of(case: Case, sh: Shown, key: str = "") -> str:
    """An answer as one string (address lines joined by newlines, summary paragraphs by blank lines)."""
    if sh.kind in ("yn", "gender"):
        return word(case, sh, key)
    if sh.kind == "itype":
        w = word(case, sh, key)
        return w
    if sh.kind == "lines":
        return "\n".join(sh.lines)
    if sh.kind == "paras":
        return "\n\n".join(sh.paras)
    return sh.text


def example_date(case: Case) -> str:
    import datetime as dt
    return fmt_date(dt.date(2015, 1, 1), case.s["date_style"])


def guidance(case: Case) -> str:
    s = case.s
    return s["guidance"].format(email=s["pship_email"], phone=s["pship_phone"], ex_date=example_date(case))


def decoys_in(case: Case, section: str) -> list[tuple[str, str]]:
    return [(l, v) for l, v, sec in case.decoys if sec == section]


def child_title(case: Case, i: int) -> str:
    n = len(case.kids)
    base = case.s["sections"]["child"]
    return base if n == 1 else f"{base} - child {i + 1} of {n}"
