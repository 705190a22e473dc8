"""What a form asks, in order: sections of (label, answer) items built from the sender and the case."""

from __future__ import annotations

from model import Ans, Case

REF_KEYS = ["date_ref", "r_name", "r_role", "r_agency", "r_email", "r_phone"]
LEAD_KEYS = ["l_name", "l_role", "l_agency", "l_email", "l_phone", "l_discussed"]
CHILD_KEYS = ["c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr", "c_school", "c_gp", "c_legal", "c_cp",
              "c_csc", "c_lac", "c_dis", "c_dod"]
INC_KEYS = ["i_date", "i_la", "i_loc", "i_type", "i_other", "i_summary", "i_police"]
CRIT_KEYS = ["k_died", "k_abuse", "k_local", "k_learning", "k_reason"]
PANEL_KEYS = ["p_notified", "p_date"]

KIND = {"date_ref": "date", "i_date": "date", "i_la": "date", "p_date": "date", "c_dob": "date", "c_dod": "date",
        "c_addr": "lines", "i_summary": "paras", "k_reason": "long", "concerns": "long"}


def item(key: str, label: str, ans: Ans, decoy: bool = False) -> dict:
    kind = "choice" if ans.kind == "choice" else KIND.get(key, "text")
    return dict(key=key, label=label, ans=ans, kind=kind, decoy=decoy)


def decoy_item(label: str, value: str) -> dict:
    a = Ans("text", text=value) if value else Ans("none")
    return dict(key="decoy", label=label, ans=a, kind="text", decoy=True)


def spec(case: Case) -> list[dict]:
    s, A, L = case.s, case.answers, case.s["labels"]
    secs = s["sections"]
    dec = {}
    for sec, label, value in case.decoys:
        dec.setdefault(sec, []).append(decoy_item(label, value))
    out = []
    ref = [item(k, L[k], A[k]) for k in REF_KEYS] + dec.get("ref", [])
    out.append(dict(kind="fields", key="ref", title=secs["ref"], items=ref))
    out.append(dict(kind="fields", key="lead", title=secs["lead"], items=[item(k, L[k], A[k]) for k in LEAD_KEYS]))
    n = len(case.children)
    for i, c in enumerate(case.children):
        items = []
        if s["name_mode"] == "one":
            items.append(item("c_name", L["c_name"], c["c_name"]))
        elif s["name_mode"] == "fl":
            items += [item("c_first", L["c_first"], c["c_first"]), item("c_last", L["c_last"], c["c_last"])]
        else:
            items += [item("c_last", L["c_last"], c["c_last"]), item("c_first", L["c_first"], c["c_first"])]
        items += [item(k, L[k], c[k]) for k in CHILD_KEYS if k in c]
        if i == 0:
            items += dec.get("child", [])
        title = secs["child"] + (f" - child {i + 1} of {n}" if n > 1 else "")
        out.append(dict(kind="fields", key="child", index=i, title=title, items=items))
    inc = [item(k, L[k], A[k]) for k in INC_KEYS] + dec.get("incident", [])
    out.append(dict(kind="fields", key="incident", title=secs["incident"], items=inc))
    out.append(dict(kind="fields", key="criteria", title=secs["criteria"], items=[item(k, L[k], A[k]) for k in CRIT_KEYS]))
    if "p_notified" in A:
        out.append(dict(kind="fields", key="panel", title=secs["panel"], items=[item(k, L[k], A[k]) for k in PANEL_KEYS]))
    out.append(dict(kind="agencies", key="agencies", title=secs["agencies"], cols=s["agency_cols"], rows=case.agencies))
    out.append(dict(kind="fields", key="concerns", title=secs["concerns"], items=[item("concerns", L["concerns"], A["concerns"])]))
    out.append(dict(kind="fields", key="decoys", title=secs["decoys"], items=dec.get("decoys", [])))
    return out


def guidance(case: Case, example_date: str) -> str:
    s = case.s
    return (f"Please complete every section you can and send the form to {s['pemail']}. If you are unsure whether to "
            f"refer, ring the partnership business unit on {s['pphone']} first. Dates may be given like {example_date}; "
            f"for a named contact give name, role and phone, e.g. Chris Example, Practice Lead, 0113 496 0999.")


def colon(label: str) -> str:
    return label if label.endswith(("?", ")", ":")) else label + ":"


def agency_cell(row: dict, col: str, none_style: str = "") -> str:
    v = row.get(col)
    if v is None:
        return none_style
    return v
