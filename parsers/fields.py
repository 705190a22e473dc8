"""The canonical field paths of the record, the kind of value each takes, and the plain labels people read.

The labels tell a referrer which answers are missing (labels only, never values).
"""

from __future__ import annotations

import re

CHILD_FIELDS = ("name", "other_names", "dob", "age", "gender", "ethnicity", "address", "school", "gp",
                "legal_status", "cp_plan", "open_to_csc", "looked_after", "disability", "date_of_death")

DATE, YES_NO, EMAIL, PHONE, GENDER, PERSON, ORGANISATION, INCIDENT_TYPE, TEXT, LONG_TEXT = (
    "date", "yes/no", "email", "phone", "gender", "person name", "organisation", "incident type", "text", "free text")

_KINDS = {
    "date_of_referral": DATE, "date_panel_notified": DATE, "child.dob": DATE, "child.date_of_death": DATE,
    "incident.date": DATE, "incident.date_la_aware": DATE,
    "child.cp_plan": YES_NO, "child.open_to_csc": YES_NO, "child.looked_after": YES_NO, "lead.discussed": YES_NO,
    "incident.police_involved": YES_NO, "panel_notified": YES_NO, "criteria.died_or_seriously_harmed": YES_NO,
    "criteria.abuse_or_neglect_suspected": YES_NO, "criteria.local_connection": YES_NO,
    "criteria.multi_agency_learning": YES_NO,
    "child.gender": GENDER, "incident.type": INCIDENT_TYPE,
    "referrer.name": PERSON, "lead.name": PERSON, "person.name": PERSON, "child.name": PERSON,
    "child.forename": PERSON, "child.surname": PERSON, "child.other_names": PERSON,
    "child.school": ORGANISATION, "child.gp": ORGANISATION,
    "incident.summary": LONG_TEXT, "criteria.reason": LONG_TEXT, "immediate_concerns": LONG_TEXT,
}
LONG_FIELDS = {p for p, k in _KINDS.items() if k == LONG_TEXT}


def kind_of(path: str) -> str:
    if path in _KINDS:
        return _KINDS[path]
    leaf = path.rsplit(".", 1)[-1]
    return {"email": EMAIL, "phone": PHONE, "agency": ORGANISATION, "name": PERSON}.get(leaf, TEXT)


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
    generic = re.sub(r"\[\d+\]", "[]", path)
    label = FIELD_LABELS.get(generic) or FIELD_LABELS.get(path) or path.replace("_", " ").replace(".", ": ")
    m = re.search(r"children\[(\d+)\]", path)
    if m and int(m.group(1)) > 0:
        label += f" (child {int(m.group(1)) + 1})"
    return label
