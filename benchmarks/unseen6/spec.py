"""What a form asks, in order: sections of fields with labels, kinds and values (None = left blank).

Layouts render this list; the truth comes from the same case, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import data as D
from vocab import VOCABS


@dataclass
class F:
    key: str
    label: str
    kind: str  # text | date | yn | gender | type | lines | paras | agencies
    value: object
    decoy: bool = False
    extra: dict = field(default_factory=dict)


@dataclass
class Section:
    key: str
    title: str
    fields: list
    child: int | None = None  # index of the child for child sections


def decoy_value(rng, kind, case):
    inc = case["inc"]["date"] or date(2025, 6, 1)
    if kind == "nhs":
        return "text", f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    if kind == "person":
        return "text", rng.choice(D.DECOY_NAMES)
    if kind == "council":
        return "text", rng.choice(["Northfold Metropolitan Borough Council", "Kingsmere City Council", "Westerby County Council"])
    if kind == "date":
        return "date", inc - timedelta(rng.randint(30, 900))
    if kind == "time":
        return "text", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    if kind == "yn":
        return "yn", rng.choice([True, False])
    if kind == "carers":
        return "text", f"Mr and Mrs {rng.choice(D.SURNAMES)}"
    if kind == "squad":
        return "text", rng.choice(["Performance squad (Tue/Thu)", "Junior development", "Masters & youth"])
    if kind == "member":
        return "text", f"ASC-{rng.randint(10000, 99999)}"
    if kind == "phone":
        from case import make_phone
        return "text", make_phone(rng)
    if kind == "tenancy":
        return "text", f"MH/T/{rng.randint(1000, 99999):06d}"
    if kind == "cad":
        return "text", f"CAD {inc.strftime('%y%m%d')}-{rng.randint(100, 9999):04d}"
    raise ValueError(kind)


def build(rng, vname, case) -> list[Section]:
    v = VOCABS[vname]
    L = v["labels"]
    T = v["sections"]
    decoys = {k: [(lab, *decoy_value(rng, kind, case)) for lab, kind in lst] for k, lst in v.get("decoys", {}).items()}
    out = []

    def add(fields, key, kind, value, **extra):
        if key in L:
            fields.append(F(key, L[key], kind, value, extra=extra))

    for sec in v["order"]:
        fs: list[F] = []
        if sec == "ref":
            add(fs, "date_of_referral", "date", case["date_of_referral"])
            for k in ("name", "role", "agency", "email", "phone"):
                add(fs, f"ref_{k}", "text", case["ref"][k])
            out.append(Section(sec, T[sec], fs))
        elif sec == "lead":
            for k in ("name", "role", "agency", "email", "phone"):
                add(fs, f"lead_{k}", "text", case["lead"][k])
            add(fs, "discussed", "yn", case["lead"]["discussed"])
            out.append(Section(sec, T[sec], fs))
        elif sec == "child":
            for i, c in enumerate(case["children"]):
                fs = []
                if "child_name" in L:
                    add(fs, "child_name", "text", f"{c['first']} {c['last']}")
                else:
                    add(fs, "child_first", "text", c["first"])
                    add(fs, "child_last", "text", c["last"])
                add(fs, "other_names", "text", c["other_names"])
                add(fs, "dob", "date", c["dob"], second=True)
                add(fs, "age", "text", c["age"])
                add(fs, "gender", "gender", c["gender"])
                for k in ("ethnicity",):
                    add(fs, k, "text", c[k])
                add(fs, "address", "lines", c["address"])
                for k in ("school", "gp", "legal_status"):
                    add(fs, k, "text", c[k])
                for k in ("cp_plan", "open_to_csc", "looked_after"):
                    add(fs, k, "yn", c[k])
                add(fs, "disability", "text", c["disability"])
                add(fs, "date_of_death", "date", c["date_of_death"])
                for lab, kind, val in decoys.get("child", []):
                    fs.append(F("decoy", lab, kind, val, decoy=True))
                out.append(Section(sec, T[sec], fs, child=i))
        elif sec == "inc":
            inc = case["inc"]
            add(fs, "inc_date", "date", inc["date"])
            add(fs, "la_aware", "date", inc["la_aware"])
            add(fs, "location", "text", inc["location"])
            add(fs, "inc_type", "type", inc["type"], detail=inc["other_detail"])
            add(fs, "police", "yn", inc["police"])
            for lab, kind, val in decoys.get("inc", []):
                fs.append(F("decoy", lab, kind, val, decoy=True))
            add(fs, "summary", "paras", inc["summary"])
            out.append(Section(sec, T[sec], fs))
        elif sec == "crit":
            cr = case["crit"]
            for k in ("died", "abuse", "local", "learning"):
                add(fs, f"c_{k}", "yn", cr[k])
            add(fs, "reason", "text", cr["reason"])
            out.append(Section(sec, T[sec], fs))
        elif sec == "panel":
            add(fs, "panel", "yn", case["panel"])
            add(fs, "panel_date", "date", case["panel_date"], second=True)
            out.append(Section(sec, T[sec], fs))
        elif sec == "agency":
            fs.append(F("agencies", "", "agencies", case["agencies"], extra={"cols": L["agencies"], "order": L["agency_order"]}))
            out.append(Section(sec, T[sec], fs))
        elif sec == "imm":
            add(fs, "immediate", "text", case["immediate"])
            out.append(Section(sec, T[sec], fs))
    return out


def agency_cells(f: F, row):
    """A (name, agency, contact) row in the column order the vocabulary prints."""
    name, agency, contact = row
    m = {"name": name, "agency": agency, "contact": contact}
    return [m[k] for k in f.extra["order"]]


def type_label(vname, value):
    for lab, val in VOCABS[vname]["types"]:
        if val == value:
            return lab
    return None
