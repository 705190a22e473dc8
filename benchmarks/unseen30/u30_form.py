"""The form as a list of sections and items, in the sender's wording, shared by the ten layouts."""

from u30_model import fmt_date
import datetime as dt

CHILD_KEYS = ["c_other", "c_dob", "c_age", "c_gender", "c_eth", "c_addr", "c_school", "c_gp", "c_legal", "c_cp",
              "c_csc", "c_lac", "c_dis", "c_dod"]


def ctx_default(s):
    return dict(P=s["poss"], p="the " + s["poss"][0].lower() + s["poss"][1:], S=s["subj"], L=s["lobj"], LP=s["lpos"])


def lab(s, key, ctx=None):
    t = s["labels"].get(key)
    if t is None:
        return None
    c = ctx or ctx_default(s)
    out = t.replace("{P}", c["P"]).replace("{p}", c.get("p", c["P"])).replace("{S}", c["S"])
    out = out.replace("{LP}", c["LP"]).replace("{L}", c["L"]).strip()
    return out[0].upper() + out[1:] if (out and t.startswith("{")) else out


def item(key, label, fld, **kw):
    x = dict(key=key, label=label, kind=fld["kind"], d=fld["d"], state=fld["state"], fld=fld)
    if fld["kind"] == "choice":
        x["group"], x["opt"] = fld["group"], fld["opt"]
    x.update(kw)
    return x


def options(s, group):
    if group == "yesno":
        return [s["yes"], s["no"], s["third"]]
    if group == "gender":
        return [s["female"], s["male"], s["other"]]
    return list(s["itypes"])


def name_items(s, ch, ctx=None):
    out = []
    if s["name_split"] == "one":
        out.append(item("c_name", lab(s, "c_name", ctx), ch["c_name"]))
    else:
        keys = ["c_first", "c_last"] if s["name_split"] == "first_last" else ["c_last", "c_first"]
        for k in keys:
            out.append(item(k, lab(s, k, ctx), ch[k]))
    return out


def child_items(s, ch, ctx=None, decoys=()):
    out = []
    for k in CHILD_KEYS:
        if k in s["not_asked"] or k not in s["labels"]:
            continue
        out.append(item(k, lab(s, k, ctx), ch[k]))
    for d in decoys:
        out.append(dict(key=None, label=d["label"], kind="text", d=d["d"], state="decoy", decoy=True))
    return out


def sections(C, s, ctx=None, child_ctx=None):
    """Generic section list. ctx for non-child labels; child_ctx(i) -> ctx for child i."""
    f = C["f"]
    dec = {k: [d for d in C["decoys"] if d["section"] == k] for k in ("ref", "child", "incident", "records")}

    def its(keys, c=None):
        out = []
        for k in keys:
            if k in s["not_asked"]:
                continue
            out.append(item(k, lab(s, k, c), f[k]))
        return out

    def decoy_items(sec):
        return [dict(key=None, label=d["label"], kind="text", d=d["d"], state="decoy", decoy=True) for d in dec[sec]]

    S = []
    S.append(dict(key="ref", title=s["sections"]["ref"],
                  items=its(["date_of_referral", "ref_name", "ref_role", "ref_agency", "ref_email", "ref_phone"], ctx)
                  + decoy_items("ref")))
    S.append(dict(key="lead", title=s["sections"]["lead"],
                  items=its(["lead_name", "lead_role", "lead_agency", "lead_email", "lead_phone", "discussed"], ctx)))
    n = len(C["children"])
    for i, ch in enumerate(C["children"]):
        cc = child_ctx(i) if child_ctx else None
        title = s["sections"]["child"] + (f" - child {i + 1} of {n}" if n > 1 else "")
        S.append(dict(key="child", index=i, title=title, names=name_items(s, ch),
                      items=child_items(s, ch, cc, dec["child"] if i == 0 else ())))
    inc = its(["i_date", "i_la", "i_loc", "i_type"], ctx)
    if f["i_type"]["opt"] == 4 or True:
        inc.append(item("i_other", lab(s, "i_other", ctx), f["i_other"]))
    inc += its(["i_summary", "i_police"], ctx) + decoy_items("incident")
    S.append(dict(key="incident", title=s["sections"]["incident"], items=inc))
    S.append(dict(key="criteria", title=s["sections"]["criteria"],
                  items=its(["k_died", "k_abuse", "k_local", "k_learn", "k_reason"], ctx)))
    if "p_notified" not in s["not_asked"]:
        S.append(dict(key="panel", title=s["sections"]["panel"], items=its(["p_notified", "p_date"], ctx)))
    S.append(dict(key="agencies", title=s["sections"]["agencies"], label=s["labels"]["agencies"],
                  cols=s["ag_cols"], rows=C["agencies"], items=[]))
    S.append(dict(key="concerns", title=s["sections"]["concerns"], items=its(["concerns"], ctx)))
    S.append(dict(key="records", title=s["sections"]["records"], items=decoy_items("records")))
    return S


def guidance(s):
    ex = fmt_date(dt.date(2015, 1, 1), s["date_style"])
    return (f"Please complete every section you can and send the form securely to {s['p_email']} "
            f"(telephone {s['p_phone']}). Give dates in full, for example {ex}. If you are unsure who to "
            f"contact, the example below shows the level of detail we need: Alex Sample, Early Help "
            f"Practitioner, 0113 496 0998. Do not delay a referral to children's social care or the police "
            f"while you complete this form.")


def yn_word(s, opt):
    return None if opt is None else options(s, "yesno")[opt]
