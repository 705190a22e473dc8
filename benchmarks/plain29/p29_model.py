"""The plan, the invented case of each form, the layout-independent form spec and the truth record.

Every answer is decided once, as the form shows it (`Item`), and the record is read off the same decisions, so the
document and the truth cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import p29_data as D
import p29_text as T
from p29_common import FILLERS, OTHER_STYLES, collapse, fmt_date, phone_digits
from p29_senders import ORDER, SENDERS

LAYOUTS = ["O-SECTIONTABLES", "O-FOURCOL", "O-LABELABOVE", "O-NUMBEREDQ", "O-CHILDGRID",
           "Q-WORDSAVED", "Q-ACROFORM", "Q-LIBRETABLE", "Q-COLONLINES", "Q-GRIDROWS"]
WORD_LAYOUTS = LAYOUTS[:5]

ITYPE_VALUES = ["death", "serious_harm", "lac_death", "care_leaver_death", "other"]


@dataclass
class Item:
    key: str
    label: str
    kind: str                      # text | date | address | long | yn | gender | itype | agencies
    text: str = ""                 # shown text for text/date ("" = left blank)
    lines: list = field(default_factory=list)    # address lines, or paragraphs of a long answer
    options: list = field(default_factory=list)  # yn / gender / itype options (as printed)
    chosen: int | None = None      # index of the chosen option, None = nothing chosen
    elab: str | None = None        # the typed answer with a few words after Yes / No (typed layouts may use it)
    child: int | None = None
    decoy: bool = False
    cols: list = field(default_factory=list)     # agencies: [(column title, role)]
    rows: list = field(default_factory=list)     # agencies: [{role: text}]

    @property
    def answered(self) -> bool:
        if self.kind in ("yn", "gender", "itype"):
            return self.chosen is not None
        if self.kind in ("address", "long"):
            return bool(self.lines)
        if self.kind == "agencies":
            return bool(self.rows)
        return bool(self.text)

    def typed(self, use_elab: bool = False) -> str:
        """The answer as a writer types it in a layout without boxes ('' when unanswered)."""
        if self.kind in ("yn", "gender", "itype"):
            if self.chosen is None:
                return ""
            if use_elab and self.elab:
                return self.elab
            return self.options[self.chosen]
        if self.kind == "address":
            return ", ".join(self.lines)
        if self.kind == "long":
            return " ".join(self.lines)
        return self.text


@dataclass
class Section:
    id: str
    title: str
    items: list = field(default_factory=list)
    groups: list = field(default_factory=list)   # the child section: one list of items per child


@dataclass
class Form:
    n: int
    name: str
    layout: str
    sender: dict
    sections: list
    record: dict
    notes: dict
    ref_date: dt.date
    guidance: str
    n_children: int
    rng: random.Random
    declaration: list = field(default_factory=list)   # [(label, text)]


# --------------------------------------------------------------------------------------------------------- plan
def make_plan(seed: int, count: int) -> list[dict]:
    prng = random.Random(f"p29-{seed}-plan")
    pairs = [(s, l) for s in ORDER for l in LAYOUTS]
    prng.shuffle(pairs)
    itypes: dict[str, list] = {}
    for s in ORDER:
        w = SENDERS[s]["itype_weights"]
        lst = [ITYPE_VALUES[i] for i, k in enumerate(w) for _ in range(k)]
        prng.shuffle(lst)
        itypes[s] = lst
    rows = []
    used = {s: 0 for s in ORDER}
    for idx, (s, l) in enumerate(pairs):
        rows.append(dict(n=idx + 1, sender=s, layout=l, itype=itypes[s][used[s] % 10]))
        used[s] += 1
    # the incident type left unanswered on two forms
    for r in prng.sample(rows, 2):
        r["itype_shown"] = False
    # children: 36 one, 16 two, 8 three
    kids = [1] * 36 + [2] * 16 + [3] * 8
    prng.shuffle(kids)
    for r, k in zip(rows, kids):
        if r["itype"] == "care_leaver_death":
            k = 1
        if r["sender"] == "ottersley_nnu":
            k = min(k, 2)
        r["children"] = k
    # an age instead of a date of birth: 20 forms among the senders that ask the age
    eligible = [r for r in rows if "c.age" not in SENDERS[r["sender"]]["not_asked"]]
    for r in prng.sample(eligible, min(20, len(eligible))):
        r["age_instead"] = True
    return rows[:count]


# --------------------------------------------------------------------------------------------------------- helpers
class Names:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set = set()

    def adult(self, female: bool = False) -> tuple[str, str]:
        while True:
            f, s = self.rng.choice(D.ADULT_FEMALE if female else D.ADULT_FIRST), self.rng.choice(D.ADULT_SUR)
            if (f, s) not in self.used and f not in {u[0] for u in self.used}:
                self.used.add((f, s))
                return f, s


def digits(rng: random.Random, k: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(k))


def fill_pattern(rng: random.Random, pat: str) -> str:
    out = pat
    for k in (12, 7, 6, 5, 3, 2):
        while "{d%d}" % k in out:
            out = out.replace("{d%d}" % k, digits(rng, k), 1)
    if "{nhs}" in out:
        out = out.replace("{nhs}", f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}")
    if "{username}" in out:
        out = out.replace("{username}", rng.choice(D.USERNAMES))
    return out


def weekday_date(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    while True:
        d = lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
        if d.weekday() < 5:
            return d


def pick(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


ELAB = {
    "lead.discussed": {True: ["Yes - by phone", "Yes, agreed", "Yes (verbally)", "Yes - agreed today"],
                       False: ["No - on leave", "No, not yet"]},
    "inc.police": {True: ["Yes - CAIU investigating", "Yes, joint investigation", "Yes - arrest made"],
                   False: ["No - not at this stage", "No, not reported"]},
    "c.cp_plan": {True: ["Yes - previously (neglect)", "Yes, current plan"], False: ["No - CIN only", "No, never"]},
    "c.open_to_csc": {True: ["Yes - CIN plan", "Yes, allocated SW"], False: ["No - closed last year", "No - not open"]},
    "c.looked_after": {True: ["Yes - s20", "Yes, foster care"], False: ["No", "No - at home with parents"]},
    "crit.abuse": {True: ["Yes - neglect suspected", "Yes, physical abuse suspected"], False: ["No"]},
}


# --------------------------------------------------------------------------------------------------------- build
def build_form(seed: int, row: dict) -> Form:
    n = row["n"]
    rng = random.Random(f"p29-{seed}-{n}")
    S = SENDERS[row["sender"]]
    layout = row["layout"]
    not_asked = set(S["not_asked"])
    asked = lambda k: k not in not_asked  # noqa: E731
    L = S["labels"]
    names = Names(rng)
    notes = dict(sender=S["key"], date_style=S["main_style"], dob_style=S["dob_style"], alt_dates=[], blanks=[],
                 fillers=[], third_option=[], elaborations=[], decoys=[], emails_with_capitals=0, ages=[],
                 not_asked=sorted(not_asked))

    ref_date = weekday_date(rng, dt.date(2025, 10, 6), dt.date(2026, 3, 20))
    inc_date = ref_date - dt.timedelta(days=rng.randint(2, 16))
    la_date = inc_date + dt.timedelta(days=rng.randint(0, min(4, (ref_date - inc_date).days)))

    def show_main(d: dt.date, key: str) -> str:
        style = S["main_style"]
        if rng.random() < 1 / 7:
            style = rng.choice([s for s in OTHER_STYLES if s != S["main_style"]])
            notes["alt_dates"].append(f"{key}={fmt_date(d, style)}")
        return fmt_date(d, style)

    def blank_or_filler(key: str, p_blank: float, p_filler: float) -> str | None:
        """None = answer it; '' = leave blank; a filler string."""
        x = rng.random()
        if x < p_blank:
            notes["blanks"].append(key)
            return ""
        if x < p_blank + p_filler:
            f = rng.choice(FILLERS)
            notes["fillers"].append(f"{key}={f}")
            return f
        return None

    record: dict = {"form": "referral"}
    sections: dict[str, list] = {sid: [] for sid, _ in S["sections"]}

    def text_item(sec: str, key: str, value: str | None, p_blank=0.0, p_filler=0.0, child=None, path=None,
                  target=None):
        """A typed text answer.  Writes the record value into target[path] and returns the item."""
        if value is None:
            # nothing to say: left blank, or a filler typed
            if p_filler and rng.random() < p_filler / max(p_blank + p_filler, 1e-9):
                shown = rng.choice(FILLERS)
                notes["fillers"].append(f"{key}={shown}" if child is None else f"child{child + 1}.{key}={shown}")
            else:
                shown = ""
                notes["blanks"].append(key if child is None else f"child{child + 1}.{key}")
        else:
            shown = blank_or_filler(key if child is None else f"child{child + 1}.{key}", p_blank, p_filler)
        txt = value if shown is None else shown
        it = Item(key=key, label=L[key], kind="text", text=txt, child=child)
        if target is not None:
            target[path] = collapse(txt) if shown is None and txt else None
        return it

    def date_item(key, d: dt.date | None, style_fn, p_blank=0.0, p_filler=0.0, child=None, path=None, target=None):
        shown = blank_or_filler(key, p_blank, p_filler) if d is not None else ""
        if d is None:
            txt = shown or ""
        else:
            txt = style_fn(d) if shown is None else shown
        it = Item(key=key, label=L[key], kind="date", text=txt, child=child)
        if target is not None:
            target[path] = d.isoformat() if (d is not None and shown is None) else None
        return it

    yes_no_opts = [S["yes"], S["no"], S["third"]]

    def yn_item(key, probs: dict, child=None, path=None, target=None, elab_ok=True, force=None):
        """probs: {'yes': p, 'no': p, 'third': p, 'blank': p}; force: copy another child's answer"""
        c = pick(rng, probs)
        if force is not None:
            c = force
        chosen = {"yes": 0, "no": 1, "third": 2, "blank": None}[c]
        val = {"yes": True, "no": False}.get(c)
        it = Item(key=key, label=L[key], kind="yn", options=yes_no_opts, chosen=chosen, child=child)
        if c == "third":
            notes["third_option"].append(key if child is None else f"child{child + 1}.{key}")
        if c == "blank":
            notes["blanks"].append(key if child is None else f"child{child + 1}.{key}")
        if elab_ok and val is not None and key in ELAB and rng.random() < 0.22:
            it.elab = rng.choice(ELAB[key][val])
        if target is not None:
            target[path] = val
        return it

    def phone():
        return fill_pattern(rng, rng.choice(S["phones"]))

    def email_for(first, sur):
        local = f"{first}.{sur}" if S["email_style"] == "first.last" else first
        local = local.replace("'", "").replace(" ", "").replace("-", "").lower()
        addr = f"{local}@{S['email_domain']}"
        x = rng.random()
        shown = addr
        if x < 0.12:
            shown = addr[0].upper() + addr[1:]
        elif x < 0.25:
            shown = local.title() + "@" + S["email_domain"]
        if shown != shown.lower():
            notes["emails_with_capitals"] += 1
        return shown

    # ------------------------------------------------------------------ referrer
    ref: dict = {}
    f, s = names.adult()
    role = rng.choice(S["ref_roles"])
    title = ""
    if "ref_titles" in S:
        title = S["ref_titles"].get(role, "")
    elif S["key"] == "ottersley_nnu" and ("Registrar" in role or "Consultant" in role):
        title = "Dr"
    ref_name = f"{title} {f} {s}".strip()
    sec = sections["referrer"]
    sec.append(date_item("date_of_referral", ref_date, lambda d: show_main(d, "date_of_referral"), p_blank=0.03,
                         path="date_of_referral", target=record))
    sec.append(text_item("referrer", "ref.name", ref_name, path="name", target=ref))
    sec.append(text_item("referrer", "ref.role", role, p_blank=0.04, path="role", target=ref))
    sec.append(text_item("referrer", "ref.agency", rng.choice(S["ref_agencies"]), p_blank=0.03, path="agency",
                         target=ref))
    em = email_for(f, s)
    it = text_item("referrer", "ref.email", em, p_blank=0.05, path="email", target=ref)
    if ref["email"]:
        ref["email"] = ref["email"].lower()
    sec.append(it)
    ph = phone()
    it = text_item("referrer", "ref.phone", ph, p_blank=0.08, path="phone", target=ref)
    if ref["phone"]:
        ref["phone"] = phone_digits(ref["phone"])
    sec.append(it)
    record["referrer"] = {k: ref.get(k) for k in ("name", "role", "agency", "email", "phone")}

    # ------------------------------------------------------------------ lead
    lead: dict = {}
    lf, ls = names.adult()
    ltitle = ""
    if "lead_titles" in S:
        ltitle = rng.choice(S["lead_titles"])
    lrole = rng.choice(S["lead_roles"])
    if ltitle == "Insp":
        lrole = "Neighbourhood Inspector"
    elif ltitle in ("Sgt", "PS"):
        lrole = rng.choice([r for r in S["lead_roles"] if "Inspector" not in r])
    sec = sections["lead"]
    sec.append(text_item("lead", "lead.name", f"{ltitle} {lf} {ls}".strip(), p_blank=0.03, path="name", target=lead))
    sec.append(text_item("lead", "lead.role", lrole, p_blank=0.1, p_filler=0.0, path="role", target=lead))
    sec.append(text_item("lead", "lead.agency", rng.choice(S["lead_agencies"]), p_blank=0.1, path="agency",
                         target=lead))
    it = text_item("lead", "lead.email", email_for(lf, ls), p_blank=0.22, path="email", target=lead)
    if lead["email"]:
        lead["email"] = lead["email"].lower()
    sec.append(it)
    it = text_item("lead", "lead.phone", phone(), p_blank=0.25, path="phone", target=lead)
    if lead["phone"]:
        lead["phone"] = phone_digits(lead["phone"])
    sec.append(it)
    sec.append(yn_item("lead.discussed", {"yes": 0.76, "no": 0.06, "third": 0.04, "blank": 0.14}, path="discussed",
                       target=lead))
    record["safeguarding_lead"] = {k: lead.get(k) for k in ("name", "role", "agency", "email", "phone", "discussed")}

    # ------------------------------------------------------------------ children
    itype = row["itype"]
    itype_shown = row.get("itype_shown", True)
    nkids = row["children"]
    kid_ages = []  # in days
    nnu = S["key"] == "ottersley_nnu"
    for i in range(nkids):
        if nnu:
            days = rng.randint(4, 80) if i == 0 else kid_ages[0]   # twins
        elif i == 0:
            lo, hi = {"death": (0, 15), "serious_harm": (0, 17), "lac_death": (4, 17), "care_leaver_death": (18, 23),
                      "other": (8, 17)}[itype]
            if S["key"] == "talkwell_online" and itype != "care_leaver_death":
                lo = max(lo, 11)
            if S["key"] == "tarrow_edsafe" and itype != "care_leaver_death":
                lo, hi = max(lo, 4), min(hi, 16)
            if lo > hi:
                lo = hi
            yrs = rng.randint(lo, hi)
            if yrs == 0:
                days = rng.randint(20, 330)
            else:
                days = yrs * 365 + rng.randint(10, 350)
        else:
            yrs = rng.randint(0, 16)
            days = yrs * 365 + rng.randint(20, 350)
            if abs(days - kid_ages[0]) < 200:
                days += 400
        kid_ages.append(days)

    shared_sur = rng.choice(D.SURNAMES)
    kid_names = []
    for i in range(nkids):
        g = rng.choices(["female", "male", "other"], weights=[48, 48, 4])[0]
        if nnu and g == "other":
            g = "female"
        if g == "other" and not any(v == "other" for _, v in S["genders"]):
            g = "male"
        pool = {"female": D.GIRLS, "male": D.BOYS, "other": D.NEUTRAL}[g]
        while True:
            fn = rng.choice(pool)
            if fn not in [k[0] for k in kid_names]:
                break
        sur = shared_sur if (i == 0 or nnu or rng.random() < 0.75) else rng.choice(D.SURNAMES)
        kid_names.append((fn, sur, g))

    town = rng.choice(S["towns"])
    pc = f"{S['postcode']}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    if rng.random() < 0.3:
        addr_lines = [rng.choice(D.BLOCKS), rng.choice(D.STREETS), town, pc]
    else:
        addr_lines = [f"{rng.randint(1, 120)} {rng.choice(D.STREETS)}", town, pc]
        if rng.random() < 0.4:
            addr_lines = addr_lines[:1] + [f"{town} {pc}"]
    alt_addr = [f"{rng.randint(1, 90)} {rng.choice(D.STREETS)}", rng.choice(S["towns"]), pc[:-2] + "QT"]

    first_status: dict = {}
    age_child = None
    if row.get("age_instead"):
        age_child = 0 if nkids == 1 or rng.random() < 0.7 else 1
    children_rec = []
    groups = []
    age_phrase0 = ""
    for i in range(nkids):
        fn, sur, g = kid_names[i]
        crec: dict = {}
        items = []
        days = kid_ages[i]
        dob = inc_date - dt.timedelta(days=days)
        yrs = days // 365
        # name
        sur_shown = sur.upper() if rng.random() < S["surname_caps"] else sur
        full = f"{fn} {sur_shown}"
        if S["name_split"] == "one":
            items.append(Item(key="c.fullname", label=L["c.fullname"], kind="text", text=full, child=i))
        else:
            fi = Item(key="c.forename", label=L["c.forename"], kind="text", text=fn, child=i)
            si = Item(key="c.surname", label=L["c.surname"], kind="text", text=sur_shown, child=i)
            items += [si, fi] if S["name_split"] == "surname_first" else [fi, si]
        crec["name"] = full
        # other names
        if asked("c.other_names"):
            if nnu:
                mum_sur = sur if rng.random() < 0.6 else rng.choice(D.ADULT_SUR)
                val = rng.choice([f"Baby of {rng.choice(D.ADULT_FEMALE)} {mum_sur}", f"Twin {i + 1}", None])
            else:
                nick = D.NICKS.get(fn)
                val = rng.choice([nick, f"{fn} {rng.choice(D.SURNAMES)}", f"Known as {nick}" if nick else None,
                                  None, None])
            it = text_item("child", "c.other_names", val, p_blank=0.35, p_filler=0.2, child=i, path="other_names",
                           target=crec)
            items.append(it)
        else:
            crec["other_names"] = None
        # dob / age
        age_instead = i == age_child
        if yrs == 0:
            months = max(1, days // 30)
            age_txt = rng.choice([f"{months} months", f"about {months} months", f"{months} mths"])
            age_phrase = f"{months} months" if months > 1 else f"{days // 7} weeks"
        else:
            age_txt = rng.choice([f"{yrs}", f"about {yrs}", f"{yrs} years", f"approx. {yrs}", f"{yrs} yrs",
                                  f"around {yrs}", f"{yrs} (tbc)"])
            age_phrase = f"{yrs}"
        if i == 0:
            age_phrase0 = age_phrase
        dob_style = lambda d: fmt_date(d, S["dob_style"])  # noqa: E731
        if age_instead:
            dtxt = rng.choice(["", "", "Not known", "Unknown", "N/A"])
            notes["fillers" if dtxt else "blanks"].append(f"child{i + 1}.c.dob={dtxt}" if dtxt else f"child{i + 1}.c.dob")
            items.append(Item(key="c.dob", label=L["c.dob"], kind="date", text=dtxt, child=i))
            crec["dob"] = None
            items.append(Item(key="c.age", label=L["c.age"], kind="text", text=age_txt, child=i))
            crec["age"] = age_txt
            notes["ages"].append(age_txt)
        else:
            items.append(date_item("c.dob", dob, dob_style, child=i, path="dob", target=crec))
            if asked("c.age"):
                t = rng.choice(["", "", "", "N/A", "-", "n/a"])
                if t:
                    notes["fillers"].append(f"child{i + 1}.c.age={t}")
                items.append(Item(key="c.age", label=L["c.age"], kind="text", text=t, child=i))
            crec["age"] = None
        # gender
        gopts = [w for w, _ in S["genders"]]
        gvals = [v for _, v in S["genders"]]
        if rng.random() < 0.04:
            gi = None
            notes["blanks"].append(f"child{i + 1}.c.gender")
        else:
            gi = gvals.index(g)
        items.append(Item(key="c.gender", label=L["c.gender"], kind="gender", options=gopts, chosen=gi, child=i))
        crec["gender"] = None if gi is None else gvals[gi]
        # ethnicity
        if asked("c.ethnicity"):
            pool = D.ETHNICITY_POLICE if S["key"] == "harnfold_npt" else (
                D.ETHNICITY_NHS if S["key"] in ("ottersley_nnu", "wexbury_ccn") else D.ETHNICITY_PLAIN)
            items.append(text_item("child", "c.ethnicity", rng.choice(pool), p_blank=0.1, child=i, path="ethnicity",
                                   target=crec))
        else:
            crec["ethnicity"] = None
        # address
        lines = addr_lines if (i == 0 or rng.random() < 0.85 or nnu) else alt_addr
        p_blank = 0.25 if S["key"] == "talkwell_online" else 0.03
        if rng.random() < p_blank:
            items.append(Item(key="c.address", label=L["c.address"], kind="address", lines=[], child=i))
            crec["address"] = None
            notes["blanks"].append(f"child{i + 1}.c.address")
        else:
            items.append(Item(key="c.address", label=L["c.address"], kind="address", lines=list(lines), child=i))
            crec["address"] = ", ".join(lines)
        # school
        if asked("c.school"):
            if yrs < 3:
                val = rng.choice([None, "Not yet at nursery", None])
                it = text_item("child", "c.school", val, p_blank=0.4, p_filler=0.6 if val is None else 0.3, child=i,
                               path="school", target=crec)
            elif yrs >= 18:
                it = text_item("child", "c.school", rng.choice([f"{town} College (left)", None]),
                               p_blank=0.3, p_filler=0.4, child=i, path="school", target=crec)
            else:
                it = text_item("child", "c.school", rng.choice(D.SCHOOLS[S["key"]]), p_blank=0.08, child=i,
                               path="school", target=crec)
            items.append(it)
        else:
            crec["school"] = None
        # gp
        if asked("c.gp"):
            items.append(text_item("child", "c.gp", rng.choice(D.GP_PRACTICES).format(town=town), p_blank=0.1,
                                   child=i, path="gp", target=crec))
        else:
            crec["gp"] = None
        # statuses
        looked = itype == "lac_death" and i == 0
        leaver = itype == "care_leaver_death" and i == 0
        if asked("c.legal_status"):
            if looked:
                val = rng.choice(["Looked after - s20", "Care order (s31)", "Looked after - interim care order (s38)"])
            elif leaver:
                val = rng.choice(["Care leaver (former relevant child)", "Care leaver - s31 until 18"])
            else:
                val = rng.choice(D.LEGAL_NNU if nnu else D.LEGAL)
            items.append(text_item("child", "c.legal_status", val, p_blank=0.1, child=i, path="legal_status",
                                   target=crec))
        else:
            crec["legal_status"] = None
        # brothers and sisters (and twins above all) mostly share their family's status answers
        copy = i > 0 and rng.random() < (0.9 if nnu else 0.6)
        kinds = {0: "yes", 1: "no", 2: "third", None: "blank"}
        st = {}
        st["cp"] = yn_item("c.cp_plan", {"yes": 0.35, "no": 0.45, "third": 0.1, "blank": 0.1}, child=i,
                           path="cp_plan", target=crec, force=first_status.get("cp") if copy else None)
        st["open"] = yn_item("c.open_to_csc", {"yes": 0.9, "no": 0.02, "third": 0.04, "blank": 0.04} if looked else
                             {"yes": 0.5, "no": 0.3, "third": 0.1, "blank": 0.1}, child=i, path="open_to_csc",
                             target=crec, force=first_status.get("open") if copy else None)
        st["la"] = yn_item("c.looked_after", {"yes": 0.9, "no": 0.0, "third": 0.05, "blank": 0.05} if looked else
                           ({"yes": 0.1, "no": 0.6, "third": 0.15, "blank": 0.15} if leaver else
                            {"yes": 0.05, "no": 0.8, "third": 0.05, "blank": 0.1}), child=i, path="looked_after",
                           target=crec, force=(first_status.get("la") if copy and not (looked or leaver) and
                                               first_status.get("la") != "yes" else None))
        items += [st["cp"], st["open"], st["la"]]
        if i == 0:
            first_status = {k: kinds[v.chosen] for k, v in st.items()}
        pool = D.DISABILITY_CCN if S["key"] == "wexbury_ccn" else (
            D.DISABILITY_NNU if nnu else (D.DISABILITY_ONLINE if S["key"] == "talkwell_online" else D.DISABILITY))
        items.append(text_item("child", "c.disability", rng.choice(pool), p_blank=0.15, p_filler=0.06, child=i,
                               path="disability", target=crec))
        # date of death
        dead = i == 0 and itype in ("death", "lac_death", "care_leaver_death")
        if asked("c.date_of_death"):
            if dead:
                dod = inc_date + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
                if dod > ref_date:
                    dod = inc_date
                items.append(date_item("c.date_of_death", dod, dob_style, child=i, path="date_of_death", target=crec))
            else:
                t = rng.choice(["", "", "N/A", "-", "n/a", "Not applicable"])
                if t:
                    notes["fillers"].append(f"child{i + 1}.c.date_of_death={t}")
                items.append(Item(key="c.date_of_death", label=L["c.date_of_death"], kind="date", text=t, child=i))
                crec["date_of_death"] = None
        else:
            crec["date_of_death"] = None
        children_rec.append({k: crec.get(k) for k in ("name", "other_names", "dob", "age", "gender", "ethnicity",
                                                       "address", "school", "gp", "legal_status", "cp_plan",
                                                       "open_to_csc", "looked_after", "disability",
                                                       "date_of_death")})
        groups.append(items)
    record["children"] = children_rec

    # ------------------------------------------------------------------ incident
    inc: dict = {}
    sec = sections["incident"]
    sec.append(date_item("inc.date", inc_date, lambda d: show_main(d, "inc.date"), p_blank=0.03, path="date",
                         target=inc))
    sec.append(date_item("inc.la_aware", la_date, lambda d: show_main(d, "inc.la_aware"), p_blank=0.1,
                         path="date_la_aware", target=inc))
    c0 = kid_names[0][0]
    where, open_tpl = T.pick_open(rng, itype, kid_ages[0] // 365, nnu)
    street = rng.choice(D.STREETS)
    if where == "any" and kid_ages[0] // 365 < 8:
        where = "home"
    if nnu:
        locs = {"home": ["Family home", f"Family home, {addr_lines[0]}", "Home, after discharge from the unit"],
                "any": ["Neonatal unit, Ottersley General Hospital", "Postnatal ward", "Family home"]}.get(
            where, ["Family home"])
    else:
        locs = {"home": ["Family home", f"Family home, {addr_lines[0]}", "Bedroom at home", "Grandparents' home",
                         f"Home address - {addr_lines[0]}"],
                "out": [f"Bus station, {town}", f"Underpass near {street}", f"{town} Country Park",
                        "Car park behind shops", f"Alleyway off {street}", f"Park, {town}"],
                "placement": ["Children's home", "Foster placement", f"Children's home, {town}"],
                "road": [f"Ring road, {town}", f"{street}, {town}", f"Junction of {street} and {rng.choice(D.STREETS)}"],
                "leaver": ["Supported accommodation", f"Flat in {town}", "Hostel room", f"Shared house, {street}"],
                "any": ["Family home", f"Address in {town}", f"Takeaway on {street}", f"{town} Country Park",
                        f"Canal towpath, {town}"]}[where]
    place = rng.choice(locs)
    it = text_item("incident", "inc.location", place, p_blank=0.08, path="location", target=inc)
    sec.append(it)
    ti = ITYPE_VALUES.index(itype)
    chosen = ti if itype_shown else None
    if not itype_shown:
        notes["blanks"].append("inc.type")
    sec.append(Item(key="inc.type", label=L["inc.type"], kind="itype", options=list(S["itypes"]), chosen=chosen))
    inc["type"] = itype if itype_shown else None
    other_txt = ""
    if itype == "other" and itype_shown:
        other_txt = T.other_detail(rng, nnu, kid_ages[0] // 365)
    notes["itype"] = inc["type"]
    notes["other_detail"] = other_txt or None
    sec.append(Item(key="inc.other", label=L["inc.other"], kind="text", text=other_txt))
    paras = T.summary(rng, S["key"], open_tpl, c0, age_phrase0, kid_ages[0] // 365, kid_names[0][2],
                      fmt_date(inc_date, "d Month yyyy"), place)
    sec.append(Item(key="inc.summary", label=L["inc.summary"], kind="long", lines=paras))
    inc["summary"] = "\n\n".join(collapse(p) for p in paras)
    sec.append(yn_item("inc.police", {"yes": 0.6, "no": 0.18, "third": 0.11, "blank": 0.11}, path="police_involved",
                       target=inc))
    record["incident"] = {k: inc.get(k) for k in ("date", "date_la_aware", "location", "type", "summary",
                                                  "police_involved")}

    # ------------------------------------------------------------------ criteria
    cr: dict = {}
    sec = sections["criteria"]
    harmish = itype != "other"
    sec.append(yn_item("crit.died", {"yes": 0.86, "no": 0.0, "third": 0.06, "blank": 0.08} if harmish else
                       {"yes": 0.2, "no": 0.4, "third": 0.25, "blank": 0.15}, path="died_or_seriously_harmed",
                       target=cr, elab_ok=False))
    sec.append(yn_item("crit.abuse", {"yes": 0.68, "no": 0.05, "third": 0.2, "blank": 0.07},
                       path="abuse_or_neglect_suspected", target=cr))
    sec.append(yn_item("crit.local", {"yes": 0.86, "no": 0.04, "third": 0.04, "blank": 0.06}, path="local_connection",
                       target=cr, elab_ok=False))
    sec.append(yn_item("crit.learning", {"yes": 0.74, "no": 0.02, "third": 0.14, "blank": 0.1},
                       path="multi_agency_learning", target=cr, elab_ok=False))
    sec.append(Item(key="crit.reason", label=L["crit.reason"], kind="long", lines=[]))
    if rng.random() < 0.06:
        notes["blanks"].append("crit.reason")
        cr["reason"] = None
    else:
        rs = T.reason(rng, c0, itype)
        sec[-1].lines = [rs]
        cr["reason"] = collapse(rs)
    record["criteria"] = {k: cr.get(k) for k in ("died_or_seriously_harmed", "abuse_or_neglect_suspected",
                                                 "local_connection", "multi_agency_learning", "reason")}
    if asked("panel"):
        pit = yn_item("panel", {"yes": 0.3, "no": 0.35, "third": 0.2, "blank": 0.15}, path="panel_notified",
                      target=record, elab_ok=False)
        sec.append(pit)
        if pit.chosen == 0 and rng.random() < 0.85:
            pd = min(ref_date, la_date + dt.timedelta(days=rng.randint(0, 4)))
            sec.append(date_item("panel_date", pd, lambda d: show_main(d, "panel_date"), path="date_panel_notified",
                                 target=record))
        else:
            t = rng.choice(["", "", "N/A", "-"]) if pit.chosen != 0 else ""
            if t:
                notes["fillers"].append(f"panel_date={t}")
            sec.append(Item(key="panel_date", label=L["panel_date"], kind="date", text=t))
            record["date_panel_notified"] = None
    else:
        record["panel_notified"] = None
        record["date_panel_notified"] = None

    # ------------------------------------------------------------------ agencies
    nag = rng.choices([0, 1, 2, 3, 4, 5], weights=[1, 2, 3, 4, 3, 2])[0]
    pool = D.AGENCY_POOL[S["key"]][:]
    rng.shuffle(pool)
    rows_shown, ag_rec = [], []
    without_person = 0
    for j in range(nag):
        agency, dom = pool[j]
        af, asn = names.adult()
        ttl = ""
        if "police" in agency.lower() or "constabulary" in agency.lower() or "caiu" in agency.lower():
            ttl = rng.choice(["DC ", "PC ", "DS ", ""])
        elif any(w in agency for w in ("Hospital", "Paediatrics", "CAMHS", "GP")) and rng.random() < 0.5:
            ttl = "Dr "
        person = f"{ttl}{af} {asn}"
        has_person = rng.random() > 0.2
        person_txt = person if has_person else rng.choice(["", "-"])
        if not has_person:
            without_person += 1
        cform = rng.choices(["phone", "email", "both", "none"], weights=[4, 3, 2, 1.5])[0]
        ph = fill_pattern(rng, rng.choice(S["phones"]))
        em = f"{af.lower()}.{asn.lower().replace(chr(39), '')}@{dom}"
        contact = {"phone": ph, "email": em, "both": f"{ph} / {em}", "none": ""}[cform]
        r = {"agency": agency, "name": person_txt, "contact": contact}
        for col, role in S["agency_cols"]:
            if role == "extra_role":
                r[role] = rng.choice(["Social Worker", "Health Visitor", "Class teacher", "Consultant",
                                      "Key worker", "Detective Constable", ""])
            elif role == "extra_yn":
                r[role] = rng.choice(["Yes", "No", "Yes", ""])
        rows_shown.append(r)
        ag_rec.append({"name": person if has_person else None, "agency": agency, "contact": contact or None})
    sections["agencies"].append(Item(key="agencies", label=L["agencies"], kind="agencies", cols=list(S["agency_cols"]),
                                     rows=rows_shown))
    record["agencies_involved"] = ag_rec
    notes["agencies"] = nag
    notes["agencies_without_person"] = without_person

    # ------------------------------------------------------------------ immediate
    x = rng.random()
    if x < 0.08:
        sections["immediate"].append(Item(key="immediate", label=L["immediate"], kind="long", lines=[]))
        notes["blanks"].append("immediate")
        record["immediate_concerns"] = None
    elif x < 0.13:
        ftxt = rng.choice(FILLERS)
        notes["fillers"].append(f"immediate={ftxt}")
        sections["immediate"].append(Item(key="immediate", label=L["immediate"], kind="long", lines=[ftxt]))
        record["immediate_concerns"] = None
    else:
        im = T.immediate(rng, c0)
        sections["immediate"].append(Item(key="immediate", label=L["immediate"], kind="long", lines=[im]))
        record["immediate_concerns"] = collapse(im)

    # ------------------------------------------------------------------ decoys
    for dc in S["decoys"]:
        targets = range(nkids) if (dc["section"] == "child" and dc.get("per_child")) else [None]
        for ci in targets:
            if rng.random() < dc.get("blank", 0.0):
                val = ""
            elif dc["kind"] == "id":
                val = fill_pattern(rng, dc["fmt"])
            elif dc["kind"] == "person":
                pf, ps = names.adult(female="Mother" in dc["label"])
                val = f"{dc.get('title', '')} {pf} {ps}".strip()
            elif dc["kind"] == "pick" and dc["pool"] == "years":
                a = kid_ages[ci if ci is not None else 0] // 365
                val = ("Nursery" if a < 4 else "Reception" if a == 4 else f"Year {a - 4}" if a <= 15 else
                       "Year 11" if a == 16 else rng.choice(["Left school", "Not applicable - left school"]))
            elif dc["kind"] == "date":
                lo, hi = dc["offset"]
                dd = inc_date + dt.timedelta(days=rng.randint(lo, hi))
                dd = min(dd, ref_date)
                val = fmt_date(dd, S["main_style"])
            else:
                val = rng.choice({"wards": D.WARDS, "providers": D.PROVIDERS, "years": D.YEARS,
                                  "sessions": D.SESSIONS, "gestation": D.GESTATION, "weight": D.WEIGHTS}[dc["pool"]])
            it = Item(key="decoy", label=dc["label"], kind="text", text=val, decoy=True,
                      child=ci if dc["section"] == "child" else None)
            notes["decoys"].append(f"{dc['label']}={val}")
            if dc["section"] == "child":
                groups[ci if ci is not None else 0].append(it)
            elif dc["section"] == "incident":
                sections["incident"].insert(2, it)
            elif dc["section"] == "referrer":
                sections["referrer"].append(it)
            else:
                sections["records"].append(it)

    # ------------------------------------------------------------------ assemble
    secs = []
    for sid, title in S["sections"]:
        if sid == "child":
            secs.append(Section(id=sid, title=title, groups=groups))
        else:
            secs.append(Section(id=sid, title=title, items=sections[sid]))
    ex_date = fmt_date(dt.date(2015, 1, 1), S["main_style"])
    guidance = S["guidance"].format(p_email=S["p_email"], p_phone=S["p_phone"], example_date=ex_date,
                                    example_contact="Sam Example, Team Manager, 01632 960 999")
    dlabels = S["declaration"]
    date_txt = next(i.text for i in secs_items(secs) if i.key == "date_of_referral")
    declaration = [(dlabels[0], ref_name), (dlabels[1], ""), (dlabels[2], date_txt)]
    notes["children"] = nkids
    notes["age_instead"] = bool(notes["ages"])
    notes["elaborations"] = [f"{i.key}={i.elab}" for i in all_items(secs) if i.elab]
    order = ["form", "date_of_referral", "referrer", "safeguarding_lead", "children", "incident", "criteria",
             "panel_notified", "date_panel_notified", "agencies_involved", "immediate_concerns"]
    record = {k: record[k] for k in order}
    ext = "docx" if layout in WORD_LAYOUTS else "pdf"
    return Form(n=n, name=f"p29_{n:03d}.{ext}", layout=layout, sender=S, sections=secs, record=record, notes=notes,
                ref_date=ref_date, guidance=guidance, n_children=nkids, rng=rng, declaration=declaration)


def secs_items(secs):
    for s in secs:
        yield from s.items
        for g in s.groups:
            yield from g


def all_items(secs):
    return list(secs_items(secs))
