"""Build one Case (what the form says) for form n."""
import datetime as dt

from p31_model import (ADULT_FIRST, ADULT_LAST, AGENCY_POOL, BOYS, Case, DISABILITY, ETHNICITIES, FILLERS, FLATS,
                       GIRLS, Item, LEGAL, STREETS, SURNAMES, digits, fmt_date, fmt_phone)
from p31_senders import ITYPES

TOWNS = {"aldermoor_response": ("Aldermoor", "AM"), "brackwell_sudic": ("Brackwell", "BW"),
         "penlow_mhst": ("Penlow", "PW"), "stainmoor_eoc": ("Stainmoor", "SM"),
         "redmarsh_chisva": ("Redmarsh", "RD"), "hollingford_apu": ("Hollingford", "HF")}
SECOND_TOWN = {"brackwell_sudic": "Ousley", "redmarsh_chisva": "Tolmere", "aldermoor_response": "Westgate",
               "penlow_mhst": "Wray", "stainmoor_eoc": "Stainmoor", "hollingford_apu": "Wrexley"}
AGE_WORDS = ["about {a}", "{a} yrs", "{a}", "approx. {a}", "{a} years old", "{a} (estimated)"]


class Builder:
    def __init__(self, sender, rng, itype, nchild):
        self.s, self.rng = sender, rng
        self.L = sender["labels"]
        self.case = Case(sender)
        self.itype, self.nchild = itype, nchild
        self.notes = {"blanks": [], "fillers": [], "third_option": [], "decoys": [], "alt_dates": [], "ages": []}

    # ---- helpers -------------------------------------------------------------------------------------------------
    def asked(self, key):
        return key in self.L

    def date_str(self, d, dob=False):
        style = self.s["dob_style"] if dob else self.s["date_style"]
        if not dob and self.rng.random() < 0.14:
            alt = self.rng.choice(["dmy_slash", "d_month_y", "d_m_y"])
            if alt != style:
                self.notes["alt_dates"].append(fmt_date(d, alt))
                return fmt_date(d, alt)
        return fmt_date(d, style)

    def text(self, key, path, value, blank=0.0, filler=0.0, where=""):
        if not self.asked(key):
            return None
        r = self.rng.random()
        if r < blank:
            self.notes["blanks"].append(where + key)
            return Item(key, self.L[key], "text", "", path, None)
        if r < blank + filler:
            f = self.rng.choice(FILLERS)
            self.notes["fillers"].append(f"{where}{key}={f}")
            return Item(key, self.L[key], "text", f, path, None)
        return Item(key, self.L[key], "text", value, path, value)

    def date(self, key, path, d, blank=0.0, dob=False, where=""):
        if not self.asked(key):
            return None
        if d is None or self.rng.random() < blank:
            if d is not None:
                self.notes["blanks"].append(where + key)
            return Item(key, self.L[key], "date", "", path, None)
        return Item(key, self.L[key], "date", self.date_str(d, dob), path, d.isoformat())

    def yn(self, key, path, truth, third=0.0, blank=0.0, where=""):
        if not self.asked(key):
            return None
        opts = [self.s["yes"], self.s["no"], self.s["third"]]
        r = self.rng.random()
        if r < blank:
            self.notes["blanks"].append(where + key)
            return Item(key, self.L[key], "yn", "", path, None, opts, None)
        if r < blank + third:
            self.notes["third_option"].append(where + key)
            return Item(key, self.L[key], "yn", "", path, None, opts, 2)
        return Item(key, self.L[key], "yn", "", path, truth, opts, 0 if truth else 1)

    def person(self):
        return self.rng.choice(ADULT_FIRST), self.rng.choice(ADULT_LAST)

    def email_for(self, first, last):
        e = "%s.%s@%s" % (first.lower(), last.lower().replace(" ", ""), self.s["email_domain"])
        shown = e
        if self.rng.random() < 0.2:
            shown = "%s.%s@%s" % (first, last.replace(" ", ""), self.s["email_domain"])
        return shown, e

    def address(self, rng, town, pc):
        if rng.random() < 0.25:
            first = rng.choice(FLATS)
            lines = first.split(", ", 1) if rng.random() < 0.3 else [first]
            lines.append("%d %s" % (rng.randrange(1, 140), rng.choice(STREETS)))
        else:
            lines = ["%d %s" % (rng.randrange(1, 140), rng.choice(STREETS))]
        pcode = "%s%d %d%s" % (pc, rng.randrange(1, 20), rng.randrange(1, 10), rng.choice(["AB", "DX", "HQ", "LT", "NP", "RW", "EJ"]))
        if rng.random() < 0.5:
            lines += [town, pcode]
        else:
            lines += ["%s %s" % (town, pcode)]
        return lines

    def decoys(self, section, where=""):
        out = []
        for sec, label, kind in self.s["decoys"]:
            if sec != section:
                continue
            if section == "child" and where != "c1." and self.rng.random() < 0.5:
                continue
            val = self.decoy_value(kind)
            if self.rng.random() < 0.12:
                val = ""
            opts = None
            it = Item("decoy", label, "text", val, None, None, decoy=True)
            if kind == "yn":
                opts = [self.s["yes"], self.s["no"], self.s["third"]]
                ch = None if val == "" else self.rng.randrange(2)
                it = Item("decoy", label, "yn", "", None, None, opts, ch, decoy=True)
                val = "" if ch is None else opts[ch]
            self.notes["decoys"].append(f"{where}{label}={val}")
            out.append(it)
        return out

    def decoy_value(self, kind):
        rng = self.rng
        if kind.startswith("ref:"):
            pat = kind[4:]
            for tok, n in (("{d4}", 4), ("{d5}", 5), ("{d6}", 6), ("{d7}", 7)):
                while tok in pat:
                    pat = pat.replace(tok, "".join(str(rng.randrange(10)) for _ in range(n)), 1)
            pat = pat.replace("{dd}", "%02d" % self.inc.day).replace("{mm}", "%02d" % self.inc.month)
            return pat
        if kind == "person":
            f, l = self.person()
            return f"{f} {l}"
        if kind == "date_before":
            return self.date_str(self.inc - dt.timedelta(days=rng.randrange(20, 400)))
        if kind == "date_after_inc":
            return self.date_str(self.inc + dt.timedelta(days=rng.randrange(0, 3)))
        if kind == "date_after_la":
            return self.date_str(self.ref + dt.timedelta(days=rng.randrange(1, 9)))
        if kind == "time":
            return "%02d:%02d" % (rng.randrange(24), rng.randrange(0, 60, 5))
        if kind == "count":
            return str(rng.randrange(1, 14))
        if kind == "nhsno":
            d = "".join(str(rng.randrange(10)) for _ in range(10))
            return f"{d[:3]} {d[3:6]} {d[6:]}"
        if kind == "yn":
            return "x"
        if kind.startswith("choice:"):
            return rng.choice(kind[7:].split("|"))
        raise ValueError(kind)

    # ---- the case ------------------------------------------------------------------------------------------------
    def build(self):
        s, rng, case = self.s, self.rng, self.case
        town, pc = TOWNS[s["key"]]
        self.ref = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 200))
        self.la = self.ref - dt.timedelta(days=rng.randrange(1, 12))
        self.inc = self.la - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 5, 8]))
        panel_d = min(self.ref, self.la + dt.timedelta(days=rng.randrange(0, 5)))

        # referrer
        rf, rl = self.person()
        title = {"aldermoor_response": rng.choice(["PC ", "PC ", "Sgt ", "PC "]), "brackwell_sudic": "",
                 "hollingford_apu": rng.choice(["", "", "Dr "])}.get(s["key"], "")
        if s["key"] == "aldermoor_response" and title == "Sgt ":
            title = "PC "
        ref_name = f"{title}{rf} {rl}"
        roles = {"aldermoor_response": ["Response officer", "Tutor constable", "Response PC"],
                 "brackwell_sudic": ["SUDiC Nurse Specialist", "Child Death Rapid Response Nurse", "Lead SUDiC Nurse"],
                 "penlow_mhst": ["Education Mental Health Practitioner", "EMHP", "Children's Wellbeing Practitioner"],
                 "stainmoor_eoc": ["Edge of Care Practitioner", "Senior Adolescent Support Worker", "Family Intervention Worker"],
                 "redmarsh_chisva": ["Children's ISVA", "ChISVA", "Young People's ISVA"],
                 "hollingford_apu": ["Ward Manager", "Consultant Psychiatrist", "Senior Staff Nurse", "Clinical Psychologist"]}
        agencies = {"aldermoor_response": ["Westgate Response Team", "Response Policing - Westgate", "Westgate Police Station"],
                    "brackwell_sudic": ["Brackwell and Ousley NHS FT - SUDiC Service", "Child Death Rapid Response Service"],
                    "penlow_mhst": ["Penlow MHST (North)", "Penlow MHST (South)", "Penlow Mental Health Support Team"],
                    "stainmoor_eoc": ["Edge of Care and Adolescent Support Service", "Edge of Care Team"],
                    "redmarsh_chisva": ["Redmarsh Rape Crisis", "Redmarsh Rape Crisis - ChISVA Service"],
                    "hollingford_apu": ["Hollingford Adolescent Unit - Kestrel Ward", "Hollingford Adolescent Unit - Heron Ward"]}
        lead_roles = {"aldermoor_response": ["Inspector", "Duty Inspector", "Response Sergeant"],
                      "brackwell_sudic": ["Named Doctor for Safeguarding Children", "Consultant Paediatrician / Named Doctor"],
                      "penlow_mhst": ["Senior Clinician / Supervisor", "Clinical Lead", "Team Manager"],
                      "stainmoor_eoc": ["Service Manager, Edge of Care", "Service Manager"],
                      "redmarsh_chisva": ["Designated Safeguarding Lead", "Services Manager and DSL", "CEO and DSL"],
                      "hollingford_apu": ["Named Nurse Safeguarding Children", "Trust Safeguarding Lead"]}
        lead_ag = {"aldermoor_response": ["Westgate Response Team", "Aldermoor Police - Response West"],
                   "brackwell_sudic": ["Brackwell and Ousley NHS Foundation Trust"],
                   "penlow_mhst": ["Penlow Mental Health Support Team", "Penlow and Wray Community NHS Trust"],
                   "stainmoor_eoc": ["Edge of Care and Adolescent Support Service", "Children's Services, Stainmoor Borough Council"],
                   "redmarsh_chisva": ["Redmarsh Rape Crisis"],
                   "hollingford_apu": ["Wrexley Partnership NHS Foundation Trust", "Wrexley Partnership NHS FT"]}
        items = []
        items.append(self.date("date_ref", "date_of_referral", self.ref, blank=0.04))
        items.append(Item("ref_name", self.L["ref_name"], "text", ref_name, "referrer.name", ref_name))
        items.append(self.text("ref_role", "referrer.role", rng.choice(roles[s["key"]]), blank=0.05))
        items.append(self.text("ref_agency", "referrer.agency", rng.choice(agencies[s["key"]]), blank=0.05))
        shown, e = self.email_for(rf, rl)
        if shown != e:
            self.notes.setdefault("emails_with_capitals", 0)
            self.notes["emails_with_capitals"] += 1
        it = self.text("ref_email", "referrer.email", shown, blank=0.04)
        if it and it.value:
            it.value = e
        items.append(it)
        ph = fmt_phone(rng)
        it = self.text("ref_phone", "referrer.phone", ph, blank=0.04)
        if it and it.value:
            it.value = digits(ph)
        items.append(it)
        items += self.decoys("referrer")
        case.sections.append(("referrer", s["sections"]["referrer"], [i for i in items if i]))

        # lead
        lf, ll = self.person()
        ltitle = "Dr " if s["key"] == "brackwell_sudic" else ("Insp " if s["key"] == "aldermoor_response" and rng.random() < 0.5 else "")
        items = []
        items.append(self.text("lead_name", "safeguarding_lead.name", f"{ltitle}{lf} {ll}", blank=0.05))
        items.append(self.text("lead_role", "safeguarding_lead.role", rng.choice(lead_roles[s["key"]]), blank=0.08))
        items.append(self.text("lead_agency", "safeguarding_lead.agency", rng.choice(lead_ag[s["key"]]), blank=0.1, filler=0.03))
        shown, e = self.email_for(lf, ll)
        it = self.text("lead_email", "safeguarding_lead.email", shown, blank=0.1)
        if it and it.value:
            it.value = e
        items.append(it)
        ph = fmt_phone(rng)
        it = self.text("lead_phone", "safeguarding_lead.phone", ph, blank=0.1)
        if it and it.value:
            it.value = digits(ph)
        items.append(it)
        items.append(self.yn("lead_discussed", "safeguarding_lead.discussed", rng.random() < 0.85, third=0.05, blank=0.05))
        items += self.decoys("lead")
        case.sections.append(("lead", s["sections"]["lead"], [i for i in items if i]))

        # children
        family = rng.choice(SURNAMES)
        addr = self.address(rng, town if rng.random() < 0.8 else SECOND_TOWN[s["key"]], pc)
        lo, hi = {"penlow_mhst": (6, 17), "hollingford_apu": (12, 17), "brackwell_sudic": (0, 15)}.get(s["key"], (0, 17))
        self.child_genders = []
        for ci in range(self.nchild):
            w = f"c{ci + 1}."
            if ci == 0 and self.itype == "care_leaver_death":
                age = rng.randrange(18, 23)
            elif ci == 0:
                age = rng.randrange(lo, hi + 1)
            else:
                age = rng.randrange(0, 16)
            dob = self.inc - dt.timedelta(days=age * 365 + rng.randrange(10, 350))
            g = rng.randrange(2) if rng.random() < 0.96 else 2
            given = rng.choice(GIRLS if g == 0 else BOYS if g == 1 else GIRLS + BOYS)
            fam = family if rng.random() < 0.85 else rng.choice(SURNAMES)
            if rng.random() < 0.15:
                fam = fam.upper()
            p = f"children[{ci}]"
            it_ = []
            order = s["name_order"]
            if order == "single":
                nm = f"{given} {fam}"
                it_.append(Item("c_name", self.L["c_name"], "text", nm, p + ".name", nm))
            else:
                gi = Item("c_given", self.L["c_given"], "text", given, p + ".name#given", given)
                fi = Item("c_family", self.L["c_family"], "text", fam, p + ".name#family", fam)
                it_ += [fi, gi] if order == "family_first" else [gi, fi]
            other = rng.choice(["", "", "", "", given[:3] if len(given) > 4 else "", f"{given} {rng.choice(SURNAMES)}"])
            if self.asked("c_other"):
                if other:
                    it_.append(Item("c_other", self.L["c_other"], "text", other, p + ".other_names", other))
                else:
                    f = rng.choice(["", "", rng.choice(FILLERS)])
                    if f:
                        self.notes["fillers"].append(f"{w}c_other={f}")
                    it_.append(Item("c_other", self.L["c_other"], "text", f, p + ".other_names", None))
            age_instead = self.asked("c_age") and rng.random() < 0.16
            if age_instead:
                dshown = rng.choice(["", "", "Not known", "Unknown"])
                it_.append(Item("c_dob", self.L["c_dob"], "date", dshown, p + ".dob", None))
                aw = rng.choice(AGE_WORDS).format(a=age) if age > 0 else "%d months" % rng.randrange(2, 11)
                it_.append(Item("c_age", self.L["c_age"], "text", aw, p + ".age", aw))
                self.notes["ages"].append(aw)
            else:
                it_.append(self.date("c_dob", p + ".dob", dob, dob=True))
                if self.asked("c_age"):
                    f = rng.choice(["", "", "", rng.choice(FILLERS)])
                    it_.append(Item("c_age", self.L["c_age"], "text", f, p + ".age", None))
            if self.asked("c_gender"):
                opts = s["genders"]
                ch = g if rng.random() > 0.03 else None
                it_.append(Item("c_gender", self.L["c_gender"], "gender", "", p + ".gender",
                                None if ch is None else s["gender_values"][ch], opts, ch))
                self.child_genders.append(ch)
            it_.append(self.text("c_eth", p + ".ethnicity", rng.choice(ETHNICITIES), blank=0.08, filler=0.03, where=w))
            caddr = addr if rng.random() < 0.9 else self.address(rng, town, pc)
            if self.asked("c_addr"):
                it_.append(Item("c_addr", self.L["c_addr"], "address", "", p + ".address", ", ".join(caddr), lines=list(caddr)))
            school = self.school(age, town)
            it_.append(self.text("c_school", p + ".school", school, blank=0.06, filler=0.04, where=w))
            gp = rng.choice(["%s Medical Centre" % rng.choice(["Parkside", "Westgate", "Millbrook", "Castle View", "Riverside"]),
                             "Dr %s and Partners" % rng.choice(ADULT_LAST), "%s Surgery" % rng.choice(["Abbey Road", "Eastfield", "Holme Lane"])])
            it_.append(self.text("c_gp", p + ".gp", gp, blank=0.08, filler=0.04, where=w))
            lac_t = (ci == 0 and self.itype == "lac_death") or rng.random() < 0.12
            legal = rng.choice(["Full care order (s31)", "Section 20 (accommodated)", "Interim care order"]) if lac_t else \
                ("None - care leaver" if ci == 0 and self.itype == "care_leaver_death" else rng.choice(LEGAL[:2] + LEGAL[5:7] + LEGAL[7:8]))
            it_.append(self.text("c_legal", p + ".legal_status", legal, blank=0.08, filler=0.06, where=w))
            it_.append(self.yn("c_cp", p + ".cp_plan", rng.random() < 0.4, third=0.08, blank=0.04, where=w))
            it_.append(self.yn("c_csc", p + ".open_to_csc", lac_t or rng.random() < 0.55, third=0.06, blank=0.04, where=w))
            it_.append(self.yn("c_lac", p + ".looked_after", lac_t, third=0.05, blank=0.04, where=w))
            it_.append(self.text("c_dis", p + ".disability", rng.choice(DISABILITY), blank=0.1, filler=0.06, where=w))
            dead = ci == 0 and self.itype in ("death", "lac_death", "care_leaver_death")
            if self.asked("c_dod"):
                if dead:
                    it_.append(self.date("c_dod", p + ".date_of_death", self.inc + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2])), dob=True))
                else:
                    f = rng.choice(["", "", "", rng.choice(FILLERS)])
                    it_.append(Item("c_dod", self.L["c_dod"], "date", f, p + ".date_of_death", None))
            it_ += self.decoys("child", w)
            case.children.append(("%s %d" % (s["child_title"], ci + 1), [i for i in it_ if i]))

        # incident
        items = []
        items.append(self.date("inc_date", "incident.date", self.inc, blank=0.04))
        items.append(self.date("inc_la", "incident.date_la_aware", self.la, blank=0.06))
        loc = self.location(town, addr)
        items.append(self.text("inc_loc", "incident.location", loc, blank=0.05))
        opts = s["itype_opts"]
        ch = ITYPES.index(self.itype) if self.itype else None
        items.append(Item("inc_type", self.L["inc_type"], "itype", "", "incident.type", self.itype, opts, ch))
        if self.asked("inc_other"):
            od = ""
            if self.itype == "other":
                od = rng.choice(["Private fostering arrangement - child injured", "Near-fatal overdose",
                                 "Serious self-harm while missing", "Sexual exploitation, child not yet harmed physically",
                                 "Child seriously injured in a dog attack at home", ""])
            it = Item("inc_other", self.L["inc_other"], "text", od, None, None, decoy=True)
            self.notes["other_detail"] = od
            items.append(it)
        items += self.decoys("incident")
        items.append(Item("inc_summary", self.L["inc_summary"], "long", "", "incident.summary", None, paras=self.summary(loc)))
        items[-1].value = "\n\n".join(items[-1].paras)
        items.append(self.yn("inc_police", "incident.police_involved", rng.random() < 0.85, third=0.06, blank=0.03))
        case.sections.append(("incident", s["sections"]["incident"], [i for i in items if i]))

        # criteria
        items = []
        died = self.itype in ("death", "lac_death", "care_leaver_death", "serious_harm")
        items.append(self.yn("cr_died", "criteria.died_or_seriously_harmed", died or rng.random() < 0.3, third=0.07, blank=0.03))
        items.append(self.yn("cr_abuse", "criteria.abuse_or_neglect_suspected", rng.random() < 0.8, third=0.15, blank=0.03))
        items.append(self.yn("cr_local", "criteria.local_connection", rng.random() < 0.92, third=0.04, blank=0.03))
        items.append(self.yn("cr_learn", "criteria.multi_agency_learning", rng.random() < 0.85, third=0.12, blank=0.03))
        reason = self.reason()
        it = self.text("cr_reason", "criteria.reason", reason, blank=0.04)
        items.append(it)
        case.sections.append(("criteria", s["sections"]["criteria"], [i for i in items if i]))

        # panel
        if self.asked("panel"):
            r = rng.random()
            items = []
            if r < 0.55:
                items.append(Item("panel", self.L["panel"], "yn", "", "panel_notified", True, [s["yes"], s["no"], s["third"]], 0))
                items.append(self.date("panel_date", "date_panel_notified", panel_d, blank=0.1))
            elif r < 0.75:
                items.append(Item("panel", self.L["panel"], "yn", "", "panel_notified", False, [s["yes"], s["no"], s["third"]], 1))
                items.append(Item("panel_date", self.L["panel_date"], "date", rng.choice(["", "", "N/A"]), "date_panel_notified", None))
            elif r < 0.9:
                self.notes["third_option"].append("panel")
                items.append(Item("panel", self.L["panel"], "yn", "", "panel_notified", None, [s["yes"], s["no"], s["third"]], 2))
                items.append(Item("panel_date", self.L["panel_date"], "date", "", "date_panel_notified", None))
            else:
                self.notes["blanks"].append("panel")
                items.append(Item("panel", self.L["panel"], "yn", "", "panel_notified", None, [s["yes"], s["no"], s["third"]], None))
                items.append(Item("panel_date", self.L["panel_date"], "date", "", "date_panel_notified", None))
            case.sections.append(("panel", s["sections"]["panel"], items))

        # agencies
        case.agency_cols = list(s["agency_cols"])
        if rng.random() < 0.92:
            pool = list(AGENCY_POOL)
            rng.shuffle(pool)
            for ag, role in pool[:rng.randrange(2, 6)]:
                ag_name = self.agency_name(ag, town)
                if rng.random() < 0.2:
                    person = rng.choice(["", "-"])
                else:
                    f, l = self.person()
                    person = f"{f} {l}"
                contact = rng.choice([fmt_phone(rng), fmt_phone(rng), "%s.%s@%s" % (rng.choice(ADULT_FIRST).lower()[0], rng.choice(ADULT_LAST).lower(), "nhs.net"), ""])
                if contact and rng.random() < 0.15 and "@" not in contact:
                    contact = contact + " / duty@%s.gov.uk" % town.lower()
                row = {"agency": ag_name, "name": person, "contact": contact, "role": role}
                case.agency_rows.append(row)
        # immediate
        it = self.text("immediate", "immediate_concerns", self.immediate(), blank=0.05)
        case.sections.append(("immediate", s["sections"]["immediate"], [it] if it else []))
        case.declaration = [("Signed", ""), ("Print name", ref_name if rng.random() < 0.7 else ""),
                            ("Date", self.date_str(self.ref) if rng.random() < 0.7 else "")]
        self.notes["children"] = self.nchild
        self.notes["agencies"] = len(case.agency_rows)
        self.notes["agencies_without_person"] = sum(1 for r in case.agency_rows if r["name"] in ("", "-"))
        self.notes["itype"] = self.itype
        self.notes["not_asked"] = [k for k in ("c_other", "c_age", "c_gender", "c_eth", "c_gp", "c_legal", "c_school",
                                               "c_dis", "panel", "panel_date") if not self.asked(k)]
        case.notes = self.notes
        case.ref_date = self.ref
        return case

    def school(self, age, town):
        rng = self.rng
        if age < 3:
            return rng.choice(["Not yet at nursery", "Little Acorns Nursery", "None - at home"])
        if age < 5:
            return rng.choice(["%s Nursery School" % town, "Rainbow Pre-school"])
        if age < 11:
            return rng.choice(["%s Primary School" % rng.choice(["Holy Trinity", "Castle Mead", "Fernside", "Oakwood"]),
                               "St Wilfrid's CE Primary"])
        if age < 16:
            return rng.choice(["%s Academy" % rng.choice(["Westgate", "Penbury", "Kingsway", "Moorside"]),
                               "%s High School" % town, "Hillcrest Pupil Referral Unit"])
        if age < 18:
            return rng.choice(["%s College" % town, "Not in education", "Sixth form, %s Academy" % rng.choice(["Moorside", "Kingsway"])])
        return rng.choice(["Not in education", "Apprenticeship (catering)", "%s College" % town])

    def agency_name(self, ag, town):
        rng = self.rng
        special = {"School": rng.choice(["Moorside Academy", "%s High School" % town, "Castle Mead Primary School"]),
                   "GP practice": rng.choice(["Parkside Medical Centre", "Holme Lane Surgery"]),
                   "Police": rng.choice(["%s Police" % town, "Police - Child Abuse Investigation Team"]),
                   "Children's Social Care": "%s Children's Social Care" % town}
        return special.get(ag, ag if rng.random() < 0.5 else f"{town} {ag}")

    def location(self, town, addr):
        rng = self.rng
        return rng.choice(["Family home", "Family home (address above)", addr[0] + ", " + town,
                           "%s town centre (car park behind the bus station)" % town, "%s Park, near the lake" % town,
                           "Grandparents' home, %s" % town, "Supported accommodation, %s" % town,
                           "On the A%d near %s" % (rng.randrange(500, 700), town), "Bedroom at the family home"])

    def summary(self, loc):
        rng = self.rng
        c = self.case.children[0][1]
        first = [i for i in c if i.key in ("c_given", "c_name")][0].value.split()[0]
        t = self.itype
        p1 = {"death": f"{first} was found unresponsive at {loc.lower() if loc.startswith('Family') else loc} in the early hours. Paramedics attended and {first} was taken to hospital where death was confirmed.",
              "serious_harm": f"{first} was brought to the emergency department with injuries that were not consistent with the account given. A CT scan showed a skull fracture and older rib fractures.",
              "lac_death": f"{first}, who was placed in foster care under a care order, died following an incident at {loc}. The carers called an ambulance but {first} could not be revived.",
              "care_leaver_death": f"{first}, a care leaver living in supported accommodation, was found dead by staff. The circumstances suggest a possible overdose.",
              "other": f"{first} disclosed that an adult had been exploiting them over several months. No physical injury is reported at present, but the risk is considered serious."}[t or "other"]
        extra = [f"The family have been known to several services over the last two years. There were missed health appointments and concerns about home conditions that were not shared between agencies.",
                 f"Police attended and the scene was secured. A joint visit with children's social care took place the same day and a strategy discussion was held.",
                 f"Mother reports that {first} had been unwell for two days. Neighbours raised concerns about shouting and about the children being left alone in the evenings.",
                 f"School had recorded a decline in attendance since the start of term and {first} had told a teacher they did not feel safe at home. This was logged but not referred.",
                 f"Our service had seen {first} three times in the preceding month. At the last contact there were no immediate safeguarding concerns noted, though the home was described as chaotic."]
        rng.shuffle(extra)
        n = rng.choice([0, 1, 1, 2, 2, 3])
        return [p1] + extra[:n]

    def reason(self):
        return self.rng.choice([
            "The child has died and neglect is suspected; several agencies were involved and information was not shared.",
            "Serious injury with abuse suspected. There appear to be missed opportunities across health, police and education.",
            "We believe the statutory criteria are met and there is learning about how agencies respond to adolescents at risk outside the home.",
            "Abuse or neglect is known or suspected and the child was known to more than one agency. Possible learning about escalation of concerns.",
            "The death of a young person in care where the placement had broken down twice; learning about placement planning and information sharing."])

    def immediate(self):
        return self.rng.choice([
            "Siblings are staying with maternal grandmother under a safety plan; a strategy meeting is booked.",
            "No other children in the household. Police investigation ongoing; bail conditions prevent contact.",
            "Two younger siblings remain at home. Section 47 enquiries started and a child protection conference has been requested.",
            "Other young people on the ward have been offered support. Staff debrief held.",
            "None identified at present - keeping under review with children's social care."])


def build_case(sender, rng, itype, nchild):
    return Builder(sender, rng, itype, nchild).build()
