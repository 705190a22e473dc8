"""Pieces shared by the Word and PDF layouts: guidance text, headings, label punctuation, wide/short items."""

from __future__ import annotations

import datetime as dt

from p27_model import fmt_date

EXAMPLE_DATE = dt.date(2015, 1, 1)


def guidance(S):
    ex = fmt_date(EXAMPLE_DATE, S["date_style"])
    g = S["guidance"].format(p_email=S["p_email"], p_phone=S["p_phone"], ex_date=ex)
    g2 = ("Where you can, give a named contact for each agency (for example: Alex Example, Health Visitor, "
          "0113 496 0999).")
    return [g, g2]


def section_heading(spec, sec):
    S = spec.S
    if sec.kind == "child":
        base = S["heading"](sec.number, sec.title)
        if spec.nkids > 1:
            return base, S["child_title"].format(n=sec.child + 1)
        return base, None
    return S["heading"](sec.number, sec.title), None


def with_colon(label):
    return label if label.endswith(("?", ")", ":")) else label + ":"


def is_wide(it, limit=58):
    if it.kind == "choice" and it.ckind == "itype":
        return True
    if it.kind == "text" and it.tkind in ("long", "address"):
        return True
    if len(it.label) > limit:
        return True
    if it.kind == "text" and it.lines and len(" ".join(it.lines)) > 60:
        return True
    return False


def marking(S):
    return S["marking"]


def footer_text(S):
    return f"{S['form_ref']}  |  {S['version']}"


def office_use_rows():
    return ["Date received", "Partnership reference", "Decision / outcome", "Date of Rapid Review meeting"]


def typed_choice(it):
    return it.chosen_text() or ""


def base_style(it, S):
    """The date format the form's designer set for a date question (dates of birth/death use the DOB style)."""
    if getattr(it, "base", None):
        return it.base
    return S["dob_style"] if it.lkey in ("c_dob", "c_dod") else S["date_style"]
