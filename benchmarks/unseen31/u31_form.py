"""The form as sections and items in the sender's wording, and the truth record read off the same answers."""

from __future__ import annotations

from u31_model import (ITYPE_VALUES, a_text, display, fmt_date, phone_digits, truth_gender, truth_text, truth_yn)
from u31_senders import CHILD, CRITERIA, INCIDENT, LEAD, PANEL, REFERRER
import datetime as dt

YN_KEYS = {"l_discussed", "c_cp", "c_csc", "c_lac", "i_police", "k_died", "k_abuse", "k_local", "k_learning",
           "p_notified"}


def guidance(case) -> str:
    s = case.s
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Please complete every section you can and send the form to {s['p_email']} (secure email). "
            f"If you are unsure whether to refer, ring the {s['p_short']} business unit on {s['p_phone']}. "
            f"Write dates as in this example: {ex}. Give a contact for each agency, e.g. "
            f"\"Alex Sample, Early Help Practitioner, 0113 496 0998\".")


def build_form(case, generic_people=False) -> dict:
    s = case.s
    L = s["labels"]
    titles = s["sections"]
    secs = []

    def item(key, ans, label=None):
        return {"key": key, "label": label or L[key], "ans": ans, "decoy": False}

    def decoys_for(sect):
        return [{"key": "decoy", "label": lab, "ans": a_text(v), "decoy": True}
                for (sc, lab, v) in case.decoys if sc == sect]

    g = s["generic"]
    ref_items = []
    for k in REFERRER:
        if k in case.A and case.asked(k):
            lab = g[k[2:]] if generic_people and k != "ref_date" else None
            ref_items.append(item(k, case.A[k], lab))
    secs.append({"key": "referrer", "title": titles[0], "items": ref_items + decoys_for("referrer")})
    lead_items = []
    for k in LEAD:
        if case.asked(k):
            lab = g[k[2:]] if generic_people and k != "l_discussed" else None
            lead_items.append(item(k, case.A[k], lab))
    secs.append({"key": "lead", "title": titles[1], "items": lead_items})
    n = len(case.children)
    for ci, C in enumerate(case.children):
        its = [item(k, C[k]) for k in CHILD if k in C and case.asked(k)]
        if ci == 0:
            its += decoys_for("child")
        t = titles[2] if n == 1 else f"{titles[2]} - child {ci + 1} of {n}"
        secs.append({"key": "child", "title": t, "items": its, "child": ci})
    inc = [item(k, case.A[k]) for k in INCIDENT if case.asked(k)] + decoys_for("incident")
    secs.append({"key": "incident", "title": titles[3], "items": inc})
    secs.append({"key": "criteria", "title": titles[4], "items": [item(k, case.A[k]) for k in CRITERIA if case.asked(k)]})
    pan = [item(k, case.A[k]) for k in PANEL if case.asked(k)]
    if pan:
        secs.append({"key": "panel", "title": titles[5], "items": pan})
    secs.append({"key": "agencies", "title": titles[6], "label": L["agencies"], "cols": s["agency_cols"],
                 "rows": case.agencies, "items": []})
    secs.append({"key": "concerns", "title": titles[7], "items": [item("concerns", case.A["concerns"])]})
    rec = decoys_for("records")
    if rec:
        secs.append({"key": "records", "title": titles[8], "items": rec})
    return {"title": s["title"], "ref": s["form_ref"], "partnership": s["partnership"], "marking": s["marking"],
            "sender": s["org_line"], "guidance": guidance(case), "sections": secs}


def _t(case, key, src=None):
    src = case.A if src is None else src
    if key not in src or not case.asked(key):
        return None
    a = src[key]
    if a["kind"] == "choice":
        return truth_yn(a)
    return truth_text(a)


def _email(v):
    return v.lower() if v else None


def _phone(v):
    return phone_digits(v) if v else None


def build_truth(case) -> dict:
    A = case.A
    t = lambda k: _t(case, k)  # noqa: E731
    rec = {"form": "referral", "date_of_referral": t("ref_date"),
           "referrer": {"name": t("r_name"), "role": t("r_role"), "agency": t("r_agency"), "email": _email(t("r_email")),
                        "phone": _phone(t("r_phone"))},
           "safeguarding_lead": {"name": t("l_name"), "role": t("l_role"), "agency": t("l_agency"),
                                 "email": _email(t("l_email")), "phone": _phone(t("l_phone")),
                                 "discussed": t("l_discussed")},
           "children": [], "incident": {}, "criteria": {}, "panel_notified": t("p_notified"),
           "date_panel_notified": t("p_date"), "agencies_involved": [], "immediate_concerns": t("concerns")}
    for C in case.children:
        c = lambda k: _t(case, k, C)  # noqa: E731
        if "c_name" in C:
            name = c("c_name")
        else:
            name = " ".join(x for x in (c("c_first"), c("c_last")) if x) or None
        rec["children"].append({
            "name": name, "other_names": c("c_other"), "dob": c("c_dob"), "age": c("c_age"),
            "gender": truth_gender(C["c_gender"]) if case.asked("c_gender") else None,
            "ethnicity": c("c_eth"), "address": c("c_addr"), "school": c("c_school"), "gp": c("c_gp"),
            "legal_status": c("c_legal"), "cp_plan": c("c_cp"), "open_to_csc": c("c_csc"), "looked_after": c("c_lac"),
            "disability": c("c_dis"), "date_of_death": c("c_dod")})
    it = A["i_type"]
    rec["incident"] = {"date": t("i_date"), "date_la_aware": t("i_aware"), "location": t("i_loc"),
                       "type": ITYPE_VALUES[it["chosen"]] if it["chosen"] is not None else None,
                       "summary": t("i_summary"), "police_involved": t("i_police")}
    rec["criteria"] = {"died_or_seriously_harmed": t("k_died"), "abuse_or_neglect_suspected": t("k_abuse"),
                       "local_connection": t("k_local"), "multi_agency_learning": t("k_learning"),
                       "reason": t("k_reason")}
    rec["agencies_involved"] = [dict(name=r["name"], agency=r["agency"], contact=r["contact"]) for r in case.agencies]
    return rec


def shown(ans) -> str:
    return display(ans)
