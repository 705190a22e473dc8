"""Agencies as the report shows them (issue 25 part 2): one of the partnership's configured partner agencies, or a
category (Police, Health, Education, Children's social care, Probation, Other). What a form or an action plan
typed as the agency is read only to choose among these; it never becomes a row label, so a report never names a
small setting (a school, a GP surgery) that made a referral.

A partner agency is recognised by its name in the typed text (case, spacing and punctuation do not matter), else
by the sender's email domain where ``[agencies]`` gives the partner its domains (never the domain of its lead's
address alone: a council's domain is shared by all its departments). Everything else is put in a category by the
sender's domain and by words in the text; what matches nothing is "Other".
"""

from __future__ import annotations

import re

CATEGORIES = ("Police", "Health", "Education", "Children's social care", "Probation", "Other")
NOT_GIVEN = "Not given"

# domains many organisations share: they say nothing about which partner wrote
SHARED_DOMAINS = {"nhs.net", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
                  "live.co.uk", "yahoo.com", "yahoo.co.uk", "icloud.com", "btinternet.com", "gov.uk", "gcsx.gov.uk",
                  "pnn.police.uk", "nhs.uk"}

# (category, domain endings, words): the first category with a matching domain, else the first with a word
RULES = (
    ("Probation", ("probation.gov.uk", "justice.gov.uk"), ("probation", "youth justice", "youth offending", "yot")),
    ("Police", ("police.uk",), ("police", "constabulary", "cid", "public protection unit")),
    ("Health", ("nhs.net", "nhs.uk"), ("nhs", "hospital", "health", "gp", "surgery", "medical", "clinic", "ccg",
                                       "icb", "foundation trust", "nhs trust", "midwife", "midwifery", "ambulance",
                                       "camhs", "paediatric", "paediatrics", "health visitor", "school nurse",
                                       "primary care", "pcn", "a e", "emergency department", "alder hey")),
    ("Children's social care", (), ("childrens services", "childrens social care", "social care", "social work",
                                    "social worker", "children and families", "csc", "early help", "local authority",
                                    "lado", "fostering", "adoption", "mash")),
    ("Education", ("sch.uk", "ac.uk"), ("school", "academy", "college", "nursery", "education", "primary",
                                        "secondary", "pupil", "sixth form", "pre school", "preschool", "senco",
                                        "sendco", "university")),
)


def normalise(text: str | None) -> str:
    """Letters and digits only, in lower case, words separated by one space."""
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").casefold().replace("'", "").replace("\u2019", "")))


def domain_of(email: str | None) -> str:
    return (email or "").rpartition("@")[2].strip().strip(">").lower()


class AgencyMap:
    """``[agencies]`` (partner names, and the domains some are given) made into a classifier:
    ``category(text, email)``."""

    def __init__(self, partners: dict[str, str] | None = None, domains: dict[str, list[str]] | None = None):
        self.partners = dict(partners or {})
        owners: dict[str, set[str]] = {}
        for name, ds in (domains or {}).items():
            for d in ds:
                owners.setdefault(d.lower(), set()).add(name)
        self.by_domain = {d: next(iter(names)) for d, names in owners.items()
                          if d and len(names) == 1 and d not in SHARED_DOMAINS}
        # longest names first, so "Alder Hey Children's Hospital" wins over "Alder Hey"
        self.by_name = sorted(((normalise(n), n) for n in self.partners if normalise(n)), key=lambda p: -len(p[0]))

    def rows(self) -> list[str]:
        """Every row label the report may show, in the report's order: partners (as configured), then categories."""
        return [*self.partners, *CATEGORIES]

    def partner(self, text: str | None, email: str | None) -> str | None:
        words = f" {normalise(text)} "
        for key, name in self.by_name:
            if f" {key} " in words:
                return name
        domain = domain_of(email)
        for d, name in self.by_domain.items():
            if domain == d or domain.endswith("." + d):
                return name
        return None

    def category(self, text: str | None, email: str | None = None) -> str:
        """The row an agency is counted in: a partner agency, else a category; "Not given" when there is neither
        text nor a domain."""
        partner = self.partner(text, email)
        if partner:
            return partner
        domain = domain_of(email)
        if domain and domain not in SHARED_DOMAINS - {"nhs.net", "nhs.uk"}:
            for category, endings, _ in RULES:
                if any(domain == e or domain.endswith("." + e) for e in endings):
                    return category
        words = f" {normalise(text)} "
        if not words.strip():
            return NOT_GIVEN if not domain else "Other"
        for category, _, keys in RULES:
            if any(f" {normalise(k)} " in words for k in keys):
                return category
        return "Other"
