"""Page furniture shared by the unseen17 layouts: guidance, header and footer texts."""

from __future__ import annotations

import datetime as dt

from u17_model import Case, fmt_date


def p_phone(case: Case) -> str:
    s = case.sender
    n = sum(ord(ch) for ch in s["key"]) % 1000
    mid = "498" if s["p_area"] == "0191" else "496"
    return f"{s['p_area']} {mid} 0{n:03d}"


def review_date(case: Case) -> str:
    n = sum(ord(ch) for ch in case.sender["key"])
    d = dt.date(2024, 1, 8) + dt.timedelta(days=n % 300)
    return fmt_date(d, case.main_style)


def version(case: Case) -> str:
    n = sum(ord(ch) for ch in case.sender["key"])
    return f"{2 + n % 3}.{n % 7}"


def guidance(case: Case) -> str:
    s = case.sender
    ex = fmt_date(dt.date(2015, 1, 1), case.main_style)
    return (f"Complete this form as fully as you can and send it by secure email to {s['p_email']}. "
            f"If you need advice before referring, ring the {s['p_short']} business unit on {p_phone(case)}. "
            f"Write dates in full (for example {ex}). If a child is in immediate danger call 999 first.")


def footer_text(case: Case) -> str:
    s = case.sender
    return f"{s['form_ref']} version {version(case)} - reviewed {review_date(case)}"


def header_text(case: Case) -> str:
    s = case.sender
    return f"{s['marking']}    {s['partnership']}"
