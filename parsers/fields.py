"""The canonical field paths of the record and the plain labels people read.

Used to tell a referrer which answers are missing (labels only, never values).
"""

from __future__ import annotations

FIELD_LABELS = {
    "date_of_referral": "Date of referral",
    "referrer.name": "Referrer's name",
    "referrer.role": "Referrer's role",
    "referrer.agency": "Referrer's agency",
    "referrer.email": "Referrer's email address",
    "referrer.phone": "Referrer's telephone number",
    "referrer.contact": "Referrer's email address or telephone number",
    "safeguarding_lead.name": "Safeguarding lead's name",
    "safeguarding_lead.discussed": "Whether the referral was discussed with your safeguarding lead",
    "children": "Details of the child",
    "children[].name": "Child's name",
    "children[].dob": "Child's date of birth (or age)",
    "incident.date": "Date of the incident",
    "incident.date_la_aware": "Date the local authority became aware",
    "incident.type": "Type of incident",
    "incident.summary": "Summary of the incident",
    "criteria.reason": "Why the criteria for a review are met",
}


def label_of(path: str) -> str:
    import re

    generic = re.sub(r"\[\d+\]", "[]", path)
    label = FIELD_LABELS.get(generic) or FIELD_LABELS.get(path) or path.replace("_", " ").replace(".", ": ")
    m = re.search(r"children\[(\d+)\]", path)
    if m and int(m.group(1)) > 0:
        label += f" (child {int(m.group(1)) + 1})"
    return label
