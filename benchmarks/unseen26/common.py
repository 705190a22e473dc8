"""What the Word and PDF layouts share: the sections of a case in the sender's order, labels,
answer text, guidance and page furniture text."""

from __future__ import annotations

import datetime as dt

from model import FV, fmt_date, section_keys

ORDER = ["ref", "lead", "child", "incident", "criteria", "panel", "agencies", "concerns", "decoys"]


def guidance_text(case) -> str:
    s = case.s
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Please complete every section you can and send the form to the {s['p_short']} business unit at "
            f"{s['p_email']} (telephone {s['p_phone']}). Give dates in full, for example {ex}. If you do not know "
            f"an answer, say so rather than guessing. Contact details should look like this example: Chris Example, "
            f"Practice Lead, 0113 496 0999.")


def footer_text(case) -> str:
    return f"{case.s['form_ref']} {case.s['version']}"


def yn_hint(case) -> str:
    s = case.s
    return f"({s['yes']} / {s['no']} / {s['third']})"


def gender_hint(case) -> str:
    return "(" + " / ".join(w for w, _ in case.s["gender"]) + ")"


def items(case, section: str):
    """(key, label, FV) for a section other than children, agencies and decoys."""
    out = []
    for k in section_keys(case.s, section):
        out.append((k, case.label(k), case.fields[k]))
    return out


def child_items(case, i: int):
    ch = case.children[i]
    out = []
    keys = section_keys(case.s, "child")
    decoys = case.child_decoys[i] if i < len(case.child_decoys) else []
    anchor = "c.ethnicity" if "c.ethnicity" in keys else "c.gender"
    for k in keys:
        out.append((k, case.label(k), ch[k]))
        if k == anchor:
            for label, fv in decoys:
                out.append(("cdecoy", label, fv))
    return out


def section_title(case, sec: str, child_no: int | None = None, n_children: int = 1) -> str | None:
    t = case.s["sections"].get(sec)
    if t is None:
        return None
    if sec == "child" and child_no is not None and n_children > 1:
        return f"{t} ({child_no} of {n_children})"
    return t


def present_sections(case) -> list[str]:
    out = []
    for sec in ORDER:
        if case.s["sections"].get(sec) is None:
            continue
        if sec in ("ref", "lead", "incident", "criteria", "panel", "concerns") and not items(case, sec):
            continue
        out.append(sec)
    return out


def other_sep(rng) -> str:
    return rng.choice([" - ", ": ", " – "])


def choice_text(fv: FV, sep: str = " - ") -> str:
    """The chosen option as words; an 'other' incident type carries its details."""
    if fv.filler is not None:
        return fv.filler
    if fv.chosen is None:
        return ""
    t = fv.options[fv.chosen]
    if fv.details:
        t = f"{t}{sep}{fv.details}"
    return t


def answer_text(fv: FV, sep: str = " - ") -> str:
    if fv.kind == "choice":
        return choice_text(fv, sep)
    return fv.text()


def label_with_hint(case, key: str, label: str, hints: bool) -> str:
    if not hints:
        return label
    from model import YESNO_KEYS
    if key in YESNO_KEYS:
        return f"{label} {yn_hint(case)}"
    if key == "c.gender" and "/" not in label:
        return f"{label} {gender_hint(case)}"
    return label


def agency_cols(case) -> list[str]:
    """The agencies table's column titles, in the sender's order."""
    return [t for t, _ in case.s["agency_cols"]]


def agency_fields(case) -> list[str]:
    return [f for _, f in case.s["agency_cols"]]


def agency_rows(case):
    """Agency rows as cell texts in the sender's column order (an empty or '-' name cell: no person)."""
    out = []
    for a in case.agencies:
        cell = {"name": a["name_disp"], "agency": a["agency"], "contact": a["contact"]}
        out.append(tuple(cell[f] for f in agency_fields(case)))
    return out
