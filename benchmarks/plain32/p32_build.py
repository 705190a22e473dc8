"""plain32: build one case (every answer as the form shows it) for form n."""

import datetime as dt

from p32_model import (ADULT_F, ADULT_M, ADULT_SUR, AGE_TEXT_YEARS, ALT_STYLES, CHILDREN_BY_SLOT, COLLEGES,
                       DISABILITY, F_NAMES, FILLERS, GPS, HERITAGE, ITYPE_BY_SLOT, LEGAL, LEGAL_CL, LEGAL_LAC,
                       LEGAL_PF, M_NAMES, NURSERIES, O_NAMES, PRIMARY, ROLE_AGENCIES, SCHOOL_NAMES, SECONDARY,
                       SURNAMES, WHEELCHAIR_DIS, Agencies, Case, Q, Section, add_days, address_lines, curl,
                       email_for, fmt_date, make_phone, nhs_number, phone_typed, ref_from)
from p32_senders import ITYPE_KEYS
from p32_text import concerns_text, opening, other_details, reason_text, summary

POLICE = {
    "wyndale_dasu": "Wyndale Constabulary",
    "bellminster_fracture": "Bellminster and Chale Police",
    "norchester_ealna": "Norchester Police",
    "marrowby_pfteam": "Marrowby Police - Child Abuse Investigation Team",
    "growingtogether_parenting": "Ellisford Police",
    "ormsworth_wheelchair": "Ormsworth Police",
}
HOSPITAL = {
    "wyndale_dasu": "Wyndale Royal Infirmary",
    "bellminster_fracture": "Bellminster General Hospital",
    "norchester_ealna": "Norchester Children's Hospital",
    "marrowby_pfteam": "Marrowby General Hospital",
    "growingtogether_parenting": "Ellisford District Hospital",
    "ormsworth_wheelchair": "Ormsworth Royal Hospital",
}


class Builder:
    def __init__(self, rng, sender, n, slot, layout, seed):
        self.rng = rng
        self.s = sender
        self.n = n
        self.slot = slot
        self.layout = layout
        self.notes = {"sender": sender["key"], "partnership": sender["partnership"],
                      "date_style": sender["date_style"], "dob_style": sender["dob_style"], "alt_dates": [],
                      "blanks": [], "fillers": [], "third_option": [], "decoys": [], "ages": [],
                      "not_asked": [], "emails_with_capitals": 0}
        self.labels = sender["labels"]
        self.mother = None
        self.last_female = True

    # ------------------------------------------------------------------------------ small pieces
    def person(self, female=None):
        r = self.rng
        if female is None:
            female = r.random() < 0.6
        first = r.choice(ADULT_F if female else ADULT_M)
        last = r.choice(ADULT_SUR)
        self.last_female = female
        return first, last

    def titled(self, title):
        """A title that fits the last person drawn (Mr / Ms / Mrs swap by gender; ranks and Dr stay)."""
        if title in ("Mr",) and self.last_female:
            return self.rng.choice(["Ms", "Mrs", "Miss"])
        if title in ("Ms", "Mrs", "Miss") and not self.last_female:
            return "Mr"
        return title

    def typed_date(self, d, main=True, key=""):
        style = self.s["date_style"] if main else self.s["dob_style"]
        if main and self.rng.random() < 1 / 7:
            alt = self.rng.choice([a for a in ALT_STYLES if a != style])
            self.notes["alt_dates"].append(f"{key}={alt}")
            style = alt
        return fmt_date(d, style)

    def blank_or_filler(self, key, p_blank, p_filler):
        r = self.rng.random()
        if r < p_blank:
            self.notes["blanks"].append(key)
            return ""
        if r < p_blank + p_filler:
            f = self.rng.choice(FILLERS)
            self.notes["fillers"].append(f"{key}={f}")
            return f
        return None

    def text_q(self, key, value, child=None, p_blank=0.04, p_filler=0.0):
        lab = self.labels.get(key)
        if lab is None:
            return None
        bf = self.blank_or_filler(self._nk(key, child), p_blank, p_filler)
        return Q(key=key, label=lab, kind="text", text=value if bf is None else bf, child=child)

    def date_q(self, key, d, child=None, main=True, p_blank=0.02):
        lab = self.labels.get(key)
        if lab is None:
            return None
        if d is None or self.rng.random() < p_blank:
            if d is not None:
                self.notes["blanks"].append(self._nk(key, child))
            return Q(key=key, label=lab, kind="date", text="", date=None, child=child)
        return Q(key=key, label=lab, kind="date", text=self.typed_date(d, main, self._nk(key, child)), date=d,
                 child=child)

    def yn_q(self, key, value, child=None, p_third=0.1, p_blank=0.05):
        """value True / False: the answer the writer means; sometimes the third option or nothing."""
        lab = self.labels.get(key)
        if lab is None:
            return None
        s = self.s
        r = self.rng.random()
        if r < p_blank:
            chosen = None
            self.notes["blanks"].append(self._nk(key, child))
        elif r < p_blank + p_third or value is None:
            chosen = 2
            self.notes["third_option"].append(self._nk(key, child))
        else:
            chosen = 0 if value else 1
        return Q(key=key, label=lab, kind="choice", options=[s["yes"], s["no"], s["third"]], chosen=chosen,
                 child=child, yn=True)

    @staticmethod
    def _nk(key, child):
        return key if child is None else f"{key}[{child}]"

    # ------------------------------------------------------------------------------ the case
    def build(self):
        r = self.rng
        s = self.s
        itype = ITYPE_BY_SLOT[self.slot]
        nch = CHILDREN_BY_SLOT[self.slot]
        if itype == "care_leaver_death":
            nch = 1
        self.notes["itype"] = itype
        # dates
        referral = dt.date(2025, 5, 1) + dt.timedelta(days=r.randint(0, 320))
        la_aware = add_days(referral, -r.choice([0, 1, 1, 2, 3, 4, 6, 8]))
        incident = add_days(la_aware, -r.choice([0, 0, 1, 1, 2, 3, 5]))
        town = r.choice(s["towns"])
        police_force = POLICE[s["key"]]
        hospital = HOSPITAL[s["key"]]

        # people
        rf, rl = self.person()
        rank = self.titled(r.choice(s["ranks"]))
        ref_name = (f"{rank} {rf} {rl}" if rank else f"{rf} {rl}")
        if s["key"] == "wyndale_dasu" and r.random() < 0.3:
            ref_name = f"{rank} {rf} {rl.upper()}"
        ref_email = email_for(r, rf, rl, s["email_domain"])
        lf, ll = self.person()
        lrank = self.titled(r.choice(s["lead_ranks"]))
        lead_name = f"{lrank} {lf} {ll}" if lrank else f"{lf} {ll}"
        lead_email = email_for(r, lf, ll, s["email_domain"])
        for e in (ref_email, lead_email):
            if e != e.lower():
                self.notes["emails_with_capitals"] += 1

        # children
        heritage = r.choice(HERITAGE) if s["key"] == "norchester_ealna" else None
        family_sur = r.choice(heritage[3]) if heritage else r.choice(SURNAMES)
        home = address_lines(r, s, town)
        kids = []
        used_first = set()
        for c in range(nch):
            if c == 0:
                if itype == "care_leaver_death":
                    age = r.randint(18, 23)
                elif itype == "death":
                    age = r.choice([0, 0, 0, 1, 2, 4, 9, 14, 16])
                elif itype == "lac_death":
                    age = r.randint(9, 17)
                elif s["key"] == "bellminster_fracture":
                    age = r.choice([0, 0, 0, 1, 1, 2, 3, 6])
                elif s["key"] == "ormsworth_wheelchair":
                    age = r.randint(3, 16)
                else:
                    age = r.randint(0, 16)
            else:
                taken = [k0["age"] for k0 in kids]
                free = [a for a in range(0, 16) if all(abs(a - t) >= 2 for t in taken)]
                age = r.choice(free or list(range(0, 16)))
            g = r.random()
            gender = 0 if g < 0.47 else (1 if g < 0.95 else 2)
            for _ in range(20):
                if heritage:
                    first = r.choice(heritage[1] if gender == 0 else heritage[2] if gender == 1 else heritage[1] + heritage[2])
                else:
                    first = r.choice(F_NAMES if gender == 0 else M_NAMES if gender == 1 else O_NAMES)
                if first not in used_first:
                    break
            used_first.add(first)
            sur = family_sur if (c == 0 or r.random() < 0.75) else (r.choice(heritage[3]) if heritage else r.choice(SURNAMES))
            dob = add_days(incident, -(age * 365 + r.randint(15, 350)))
            if age == 0:
                dob = add_days(incident, -r.randint(20, 300))
            kids.append(dict(first=first, sur=sur, age=age, gender=gender, dob=dob))

        subject = kids[0]
        pron = ["she", "he", "the child"][subject["gender"]]
        mother = self.person(female=True)
        partner = self.person(female=False)
        if heritage:
            mother = (r.choice([x for x in heritage[1] if x not in used_first] or heritage[1]), family_sur)
            partner = (r.choice([x for x in heritage[2] if x not in used_first] or heritage[2]), family_sur)
        self.mother = mother

        # ---------------------------------------------------------------- sections
        sections = []
        lab = self.labels

        def add(sec_items, q):
            if q is not None:
                sec_items.append(q)

        def decoys_for(section, child=None):
            out = []
            for d in s["decoys"]:
                if d["section"] != section:
                    continue
                if child is not None:
                    if not d.get("per_child") and child > 0:
                        continue
                    if d.get("per_child") and child > 0 and r.random() < 0.5:
                        continue
                out.append(self.decoy_q(d, incident, la_aware, referral, child))
            return out

        # referral
        items = []
        add(items, self.date_q("date_of_referral", referral, p_blank=0.01))
        items += decoys_for("referral")
        sections.append(Section("referral", s["sections"]["referral"], items))

        # referrer
        items = []
        add(items, self.text_q("referrer.name", ref_name, p_blank=0.0))
        add(items, self.text_q("referrer.role", r.choice(s["roles"]), p_blank=0.03))
        add(items, self.text_q("referrer.agency", r.choice(s["referrer_agency"]), p_blank=0.03))
        add(items, self.text_q("referrer.email", ref_email, p_blank=0.03))
        add(items, self.text_q("referrer.phone", phone_typed(r, make_phone(r, r.choice(s["phone_prefix"]))), p_blank=0.03))
        items += decoys_for("referrer")
        sections.append(Section("referrer", s["sections"]["referrer"], items))

        # lead
        items = []
        discussed_blank = r.random() < 0.05
        add(items, self.text_q("lead.name", lead_name, p_blank=0.03))
        add(items, self.text_q("lead.role", r.choice(s["lead_roles"]), p_blank=0.05))
        add(items, self.text_q("lead.agency", r.choice(s["lead_agency"]), p_blank=0.06, p_filler=0.02))
        add(items, self.text_q("lead.email", lead_email, p_blank=0.06))
        add(items, self.text_q("lead.phone", phone_typed(r, make_phone(r, s["phone_prefix"][0])), p_blank=0.08))
        add(items, self.yn_q("lead.discussed", r.random() < 0.93, p_third=0.05,
                             p_blank=0.05 if not discussed_blank else 1.0))
        sections.append(Section("lead", s["sections"]["lead"], items))

        # children
        ages_only = 0
        family_eth = None
        caps_surnames = r.random() < 0.3
        for c, k in enumerate(kids):
            items = []
            if s["name_order"] == "single":
                add(items, Q(key="child.name", label=lab["child.name"], kind="text", text=f"{k['first']} {k['sur']}",
                             child=c))
            else:
                sur_text = k["sur"].upper() if caps_surnames else k["sur"]
                qf = Q(key="child.forename", label=lab["child.forename"], kind="text", text=k["first"], child=c)
                qs = Q(key="child.surname", label=lab["child.surname"], kind="text", text=sur_text, child=c)
                items += [qs, qf] if s["name_order"] == "surname_first" else [qf, qs]
            # other names
            if "child.other_names" in lab:
                rr = r.random()
                if rr < 0.25:
                    nick = k["first"][:3] + ("a" if k["gender"] == 0 else "y")
                    if nick == k["first"] or nick.lower() == k["first"].lower():
                        nick = k["first"][:2] + ("ssy" if k["gender"] == 0 else "zzy")
                    other = r.choice([nick,
                                      f"{k['first']} {r.choice(SURNAMES)}", "Bubba", "Tee",
                                      f"{k['first']}-{r.choice(['Rose', 'Mae'])}" if k["gender"] == 0 else
                                      f"{k['first']}-Jay"])
                    items.append(Q(key="child.other_names", label=lab["child.other_names"], kind="text", text=other, child=c))
                else:
                    bf = r.choice(["", "", "", "N/A", "None", "-", "n/a"]) if rr < 0.95 else "None known"
                    if bf in FILLERS:
                        self.notes["fillers"].append(f"child.other_names[{c}]={bf}")
                    items.append(Q(key="child.other_names", label=lab["child.other_names"], kind="text", text=bf, child=c))
            # dob / age
            age_only = "child.age" in lab and r.random() < 0.18
            if age_only:
                ages_only += 1
                dob_text = r.choice(["", "Not known", "Unknown", ""])
                items.append(Q(key="child.dob", label=lab["child.dob"], kind="date", text=dob_text, date=None, child=c,
                               note="age_only"))
                if k["age"] == 0:
                    months = max(1, (incident - k["dob"]).days // 30)
                    age_text = r.choice([f"{months} months", f"about {months} months"]) if months > 1 else r.choice(["6 weeks", "about 5 weeks"])
                else:
                    age_text = r.choice(AGE_TEXT_YEARS).format(a=k["age"])
                items.append(Q(key="child.age", label=lab["child.age"], kind="text", text=age_text, child=c))
                self.notes["ages"].append(age_text)
            else:
                items.append(Q(key="child.dob", label=lab["child.dob"], kind="date",
                               text=fmt_date(k["dob"], s["dob_style"]), date=k["dob"], child=c))
                if "child.age" in lab:
                    t = r.choice(["", "", "", "N/A", "-"])
                    if t:
                        self.notes["fillers"].append(f"child.age[{c}]={t}")
                    items.append(Q(key="child.age", label=lab["child.age"], kind="text", text=t, child=c))
            # gender
            gq = Q(key="child.gender", label=lab["child.gender"], kind="choice", options=list(s["gender_words"]),
                   chosen=k["gender"], child=c)
            if r.random() < 0.03:
                gq.chosen = None
                self.notes["blanks"].append(f"child.gender[{c}]")
            items.append(gq)
            if c == 0 or r.random() < 0.12:
                eth = heritage[0] if heritage else r.choice(s["ethnicity"])
                family_eth = family_eth if c else eth
            else:
                eth = family_eth
            add(items, self.text_q("child.ethnicity", eth, c, p_blank=0.05))
            # address
            if "child.address" in lab:
                lines = home if (c == 0 or r.random() < 0.85) else address_lines(r, s)
                if r.random() < 0.03:
                    lines = []
                    self.notes["blanks"].append(f"child.address[{c}]")
                items.append(Q(key="child.address", label=lab["child.address"], kind="address", lines=list(lines), child=c))
            # school
            a = k["age"]
            if a < 2:
                school = r.choice(["Not yet at nursery", "None - at home", "N/A"])
            elif a < 4:
                school = r.choice(NURSERIES + ["Not attending"])
            elif a < 11:
                school = r.choice(PRIMARY)
            elif a < 16:
                school = r.choice(SECONDARY)
            else:
                school = r.choice(COLLEGES)
            k["school"] = school
            q = self.text_q("child.school", school, c, p_blank=0.05)
            if q is not None and q.text in FILLERS and q.text:
                self.notes["fillers"].append(f"child.school[{c}]={q.text}")
            add(items, q)
            k["gp"] = kids[0]["gp"] if c and r.random() < 0.8 else r.choice(GPS)
            add(items, self.text_q("child.gp", k["gp"], c, p_blank=0.07, p_filler=0.02))
            # legal status
            if c == 0 and itype == "lac_death":
                legal = r.choice(LEGAL_LAC)
            elif c == 0 and itype == "care_leaver_death":
                legal = r.choice(LEGAL_CL)
            elif s["key"] == "marrowby_pfteam" and c == 0:
                legal = r.choice(LEGAL_PF)
            else:
                legal = r.choice(LEGAL)
            add(items, self.text_q("child.legal_status", legal, c, p_blank=0.06, p_filler=0.03))
            # yes/no about the child
            lac = (c == 0 and itype == "lac_death")
            csc = lac or itype == "care_leaver_death" or s["key"] == "marrowby_pfteam" or r.random() < 0.55
            add(items, self.yn_q("child.cp_plan", r.random() < 0.3, c))
            add(items, self.yn_q("child.open_to_csc", csc, c))
            add(items, self.yn_q("child.looked_after", lac, c, p_third=0.04))
            dis = r.choice(WHEELCHAIR_DIS) if (s["key"] == "ormsworth_wheelchair" and c == 0) else r.choice(DISABILITY)
            add(items, self.text_q("child.disability", dis, c, p_blank=0.06, p_filler=0.04))
            # date of death
            if "child.date_of_death" in lab:
                died = c == 0 and itype in ("death", "lac_death", "care_leaver_death")
                if died:
                    dod = add_days(incident, r.choice([0, 0, 0, 1, 2]))
                    k["dod"] = dod
                    items.append(Q(key="child.date_of_death", label=lab["child.date_of_death"], kind="date",
                                   text=fmt_date(dod, s["dob_style"]), date=dod, child=c))
                else:
                    t = r.choice(["", "", "N/A", "n/a", "-", "Not applicable"])
                    if t:
                        self.notes["fillers"].append(f"child.date_of_death[{c}]={t}")
                    items.append(Q(key="child.date_of_death", label=lab["child.date_of_death"], kind="date", text=t,
                                   date=None, child=c))
            items += decoys_for("child", c)
            title = s["sections"]["child"]
            if nch > 1:
                title = f"{title} - {s['child_title']} {c + 1} of {nch}"
            sections.append(Section("child", title, items, child=c, nchildren=nch))
        self.notes["children"] = nch

        # incident
        items = []
        ctx = dict(C=subject["first"], pron=pron, Pron=pron[0].upper() + pron[1:], gender=subject["gender"],
                   pos=["her", "his", "their"][subject["gender"]], obj=["her", "him", "them"][subject["gender"]],
                   age=subject["age"],
                   M=f"{mother[0]}", Mfull=f"{mother[0]} {mother[1]}", P=f"{partner[0]}",
                   Pfull=f"{partner[0]} {partner[1]}", town=town, hospital=hospital, police=police_force,
                   school=next((k0["school"] for k0 in kids if k0["school"] in SCHOOL_NAMES),
                               (PRIMARY if subject["age"] < 11 else SECONDARY)[r.randint(0, 5)]),
                   gp=kids[0]["gp"],
                   sib=(kids[1]["first"] if nch > 1 else None))
        ctx["subject_school"] = subject["school"] if subject["school"] in SCHOOL_NAMES else None
        ctx["sib_school"] = next((k0["school"] for k0 in kids[1:] if k0["school"] in SCHOOL_NAMES), None)
        ctx["nch"] = nch
        detail = ""
        if itype == "other":
            detail = r.choice(other_details(r, s, subject))
            if r.random() < 0.1:
                detail = ""
        else:
            detail = r.choice(["", "", "", "N/A"])
        self.notes["other_detail"] = detail if itype == "other" else None
        ctx["detail"] = detail or "A serious incident"
        opening_text, loc = opening(r, itype, ctx)
        ctx["loc"] = loc
        add(items, self.date_q("incident.date", incident, p_blank=0.03))
        add(items, self.date_q("incident.date_la_aware", la_aware, p_blank=0.05))
        add(items, self.text_q("incident.location", loc, p_blank=0.05))
        tq = Q(key="incident.type", label=lab["incident.type"], kind="choice", options=list(s["itype_words"]),
               chosen=ITYPE_KEYS.index(itype))
        if r.random() < 0.04:
            tq.chosen = None
            self.notes["blanks"].append("incident.type")
            self.notes["itype"] = None
        items.append(tq)
        items.append(Q(key="incident.other", label=lab["incident.other"], kind="text", text=detail))
        paras = summary(r, s, itype, ctx, opening_text)
        items.append(Q(key="incident.summary", label=lab["incident.summary"], kind="long", paras=paras))
        police_yes = True if s["key"] == "wyndale_dasu" else r.random() < 0.8
        add(items, self.yn_q("incident.police", police_yes, p_third=0.08))
        items += decoys_for("incident")
        sections.append(Section("incident", s["sections"]["incident"], items))

        # criteria
        items = []
        died = itype in ("death", "serious_harm", "lac_death", "care_leaver_death") or r.random() < 0.4
        add(items, self.yn_q("crit.died", died, p_third=0.06 if itype != "other" else 0.3))
        add(items, self.yn_q("crit.abuse", r.random() < 0.85, p_third=0.15))
        add(items, self.yn_q("crit.local", r.random() < 0.93, p_third=0.05))
        add(items, self.yn_q("crit.learning", r.random() < 0.9, p_third=0.12))
        reason = reason_text(r, itype)
        q = Q(key="crit.reason", label=lab["crit.reason"], kind="long", paras=[reason] if r.random() > 0.04 else [])
        if not q.paras:
            self.notes["blanks"].append("crit.reason")
        items.append(q)
        sections.append(Section("criteria", s["sections"]["criteria"], items))

        # panel
        if "panel.notified" in lab:
            items = []
            pr = r.random()
            pv = True if pr < 0.5 else (False if pr < 0.8 else None)
            pq = self.yn_q("panel.notified", pv, p_third=0.0, p_blank=0.06)
            items.append(pq)
            pdate = None
            if pq.chosen == 0 and r.random() < 0.9:
                pdate = add_days(la_aware, r.randint(1, 5))
            if pdate is not None:
                items.append(self.date_q("panel.date", pdate, p_blank=0.0))
            else:
                t = r.choice(["", "", "N/A", "-"])
                if t:
                    self.notes["fillers"].append(f"panel.date={t}")
                items.append(Q(key="panel.date", label=lab["panel.date"], kind="date", text=t, date=None))
            sections.append(Section("panel", s["sections"]["panel"], items))

        # agencies
        agencies = self.agency_rows(ctx, kids, town, police_force)
        sections.append(Section("agencies", s["sections"]["agencies"], []))

        # concerns
        items = [Q(key="concerns", label=lab["concerns"], kind="long", paras=[concerns_text(r, itype, ctx)])]
        if r.random() < 0.04:
            items[0].paras = []
            self.notes["blanks"].append("concerns")
        sections.append(Section("concerns", s["sections"]["concerns"], items))

        # records decoys
        items = decoys_for("records")
        if items:
            sections.append(Section("records", s["sections"]["records"], items))

        not_asked = [k for k in ("child.gp", "child.legal_status", "child.age", "child.other_names", "panel.notified",
                                 "panel.date", "child.ethnicity", "child.school") if k not in lab]
        self.notes["not_asked"] = not_asked
        case = Case(sender=s, n=self.n, sections=sections, agencies=agencies, nchildren=nch, referral_date=referral,
                    notes=self.notes)
        case.mother = mother
        case.partner = partner
        case.kids = kids
        case.town = town
        return case

    # ------------------------------------------------------------------------------ decoys
    def decoy_q(self, d, incident, la_aware, referral, child):
        r = self.rng
        kind = d["kind"]
        s = self.s
        lab = d["label"]
        if kind == "yn":
            chosen = r.choice([0, 1, 1, 0, 2, None])
            q = Q(key="decoy", label=lab, kind="choice", options=[s["yes"], s["no"], s["third"]], chosen=chosen,
                  decoy=True, yn=True, child=child)
            self.notes["decoys"].append(f"{lab}={q.shown()}")
            return q
        if kind == "ref":
            text = ref_from(r, d["pattern"])
        elif kind == "nhsno":
            text = nhs_number(r)
        elif kind == "person":
            if "parent" in lab.lower() and self.mother is not None:
                f, l = self.mother
                self.last_female = True
            else:
                f, l = self.person()
            title = self.titled((d.get("title") or r.choice(["", "", "Mr", "Ms", "Mrs"])).strip())
            text = f"{title} {f} {l}" if title else f"{f} {l}"
        elif kind == "date_before":
            text = self.typed_date_plain(add_days(incident, -r.randint(3, 60)))
        elif kind == "date_before_long":
            text = self.typed_date_plain(add_days(incident, -r.randint(60, 900)))
        elif kind == "date_after":
            text = self.typed_date_plain(add_days(la_aware, r.randint(1, 20)))
        elif kind == "date_after_inc":
            text = self.typed_date_plain(add_days(incident, r.randint(0, 3)))
        elif kind == "time":
            text = f"{r.randint(0, 23):02d}:{r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]):02d}"
        elif kind == "count":
            lo, hi = d.get("range", (1, 10))
            text = str(r.randint(lo, hi))
        elif kind == "choice":
            text = r.choice(d["options"])
        else:
            raise ValueError(kind)
        if r.random() < 0.1:
            text = ""
        self.notes["decoys"].append(f"{lab}={text}")
        return Q(key="decoy", label=lab, kind="text", text=text, decoy=True, child=child)

    def typed_date_plain(self, d):
        return fmt_date(d, self.s["date_style"])

    # ------------------------------------------------------------------------------ agencies
    def agency_rows(self, ctx, kids, town, police_force):
        r = self.rng
        s = self.s
        nrows = r.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 5]) if r.random() > 0.07 else 0
        ages = [k["age"] for k in kids]
        pool = [ra for ra in ROLE_AGENCIES if not (s["key"] == "wyndale_dasu" and ra[0] == "Police")
                and not (ra[0] == "Youth Justice Worker" and max(ages) < 10)
                and not (ra[0] == "Community Midwife" and min(ages) > 0)
                and not (ra[0] == "Health Visitor" and min(ages) > 4)
                and not (ra[0] == "DSL" and max(ages) < 4)]
        r.shuffle(pool)
        rows = []
        without = 0
        for i in range(nrows):
            role, agency = pool[i]
            agency = agency.format(town=town, school=ctx["school"], gp=ctx["gp"], police=police_force)
            f, l = self.person()
            title = r.choice(["", "", "", "Dr " if role in ("GP", "Paediatrician") else "",
                              "PC " if role == "Police" else "", "DC " if role == "Police" else ""])
            name = f"{title}{f} {l}"
            if r.random() < 0.22 or role == "Police" and r.random() < 0.4:
                name = r.choice(["", "", "-"])
                without += 1
            council = s["p_email"].split("@")[1]
            force = police_force.split(" - ")[0].lower().replace(" and ", " ")
            force = "".join(w for w in force.split() if w not in ("police", "constabulary"))
            dom = {"Police": force + ".police.uk"}.get(role, "nhs.net" if role in ("Health Visitor", "GP", "Community Midwife", "CAMHS Practitioner",
                                                     "Paediatrician", "Care Coordinator") else council)
            phone = make_phone(r, r.choice(s["phone_prefix"]))
            cr = r.random()
            if cr < 0.45:
                contact = phone
            elif cr < 0.7:
                contact = email_for(r, f, l, dom) if name not in ("", "-") else f"duty@{dom}"
            elif cr < 0.93:
                contact = f"{phone} / " + (email_for(r, f, l, dom) if name not in ("", "-") else f"duty@{dom}")
            else:
                contact = ""
            row = {"name": name, "agency": agency, "contact": contact,
                   "still": r.choice(["Yes", "Yes", "No", "Yes - until discharge"]), "role": role}
            rows.append(row)
        self.notes["agencies"] = nrows
        self.notes["agencies_without_person"] = without
        return Agencies(label=s["labels"]["agencies"], cols=list(s["agency_cols"]), rows=rows)

    # ------------------------------------------------------------------------------ free text
def build_case(rng, sender, n, slot, layout, seed, curly):
    b = Builder(rng, sender, n, slot, layout, seed)
    case = b.build()
    case.curly = curly
    if curly:
        for _s, q in case.all_items():
            if q.decoy and q.kind == "text" and not any(ch.isalpha() for ch in q.text):
                continue
            q.text = curl(q.text)
            q.lines = [curl(x) for x in q.lines]
            q.paras = [curl(x) for x in q.paras]
            q.options = [curl(x) for x in q.options]
        for row in case.agencies.rows:
            for k in list(row):
                row[k] = curl(row[k])
    case.notes["curly_apostrophes"] = curly
    return case
