"""How a child is named in what the bot sends: initials by default, names only when configured."""

from __future__ import annotations

import json
import re


def child_label(case, include_names: bool) -> str:
    """'GN' (default) or 'Grace NOWAK' with [privacy] include_names = true. Subjects always use initials."""
    if include_names:
        names = [c.get("name") for c in json.loads(case.record_json).get("children") or [] if c.get("name")]
        if names:
            return ", ".join(names)
    return case.initials or "?"


# Words a subject line uses about the referral itself, kept whole; any other capitalised word after the first may
# be a person's or a street's name, and is cut to its initial.
SUBJECT_WORDS = frozenset("""
re fw fwd aw sv tr urgent update updated referral referrals form forms case cases serious incident incidents
notification notify rapid review reviews child children young person safeguarding partnership lscp scp mash panel
national local authority council police school academy hospital nhs trust health social care services service
team please secure encrypted confidential official sensitive missing attached attachment info information
reply out of office and the for to from with in on at a an about re: new late second third copy draft final
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split())
_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|"
                   r"oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)


def sender_subject(subject: str, include_names: bool) -> str:
    """A subject as a sender wrote it, fit for a digest: names cut to initials, dates and postcodes hidden
    ('Referral for Jayden Smith DOB 01/02/2015' -> 'Referral for J. S. DOB [date]'), unless [privacy] include_names
    is on. The sender may have put a child's details in it; the digest must not repeat them."""
    if include_names:
        return subject
    text = _POSTCODE.sub("[postcode]", _DATE.sub("[date]", subject))
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        core = w.strip(".,;:!?()[]\"'")
        if i > 0 and core[:1].isupper() and not core.isupper() and core.lower() not in SUBJECT_WORDS \
                and not core.startswith(("[date]", "[postcode]")) and not any(ch.isdigit() for ch in core):
            w = w.replace(core, core[0] + ".")
        out.append(w)
    return " ".join(out)
