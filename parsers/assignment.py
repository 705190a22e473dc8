"""One global assignment: the best consistent set of scored candidates, then the record.

Candidates are taken best first. Each label gives one answer, each answer item is used once, each
field (per child) takes one value; a candidate below the calibrated confidence is not taken and its
field stays empty, to be asked for like any missing answer. A confident *blank* (the box beside the
label is empty) closes its field, so that a value further away is not pulled in instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from parsers import normalise as n
from parsers.candidates import Candidate, Label
from parsers.fields import CHILD_FIELDS
from parsers.types import YES_NO, kind_of
from parsers.vocabulary import incident_type
from parsers.picture import Picture

RECORD_HEADS = {"referrer": "referrer", "lead": "safeguarding_lead", "incident": "incident", "criteria": "criteria"}


def empty_record() -> dict:
    person = {"name": None, "role": None, "agency": None, "email": None, "phone": None}
    return {
        "form": "referral", "date_of_referral": None, "referrer": dict(person),
        "safeguarding_lead": {**person, "discussed": None}, "children": [],
        "incident": {"date": None, "date_la_aware": None, "location": None, "type": None, "summary": None,
                     "police_involved": None},
        "criteria": {"died_or_seriously_harmed": None, "abuse_or_neglect_suspected": None, "local_connection": None,
                     "multi_agency_learning": None, "reason": None},
        "panel_notified": None, "date_panel_notified": None, "agencies_involved": [], "immediate_concerns": None,
    }


def empty_child() -> dict:
    return {k: None for k in CHILD_FIELDS}


def record_path(field_: str, child: int) -> str:
    head, _, leaf = field_.partition(".")
    if head == "child":
        return f"children[{child}].{leaf}"
    if head in RECORD_HEADS:
        return f"{RECORD_HEADS[head]}.{leaf}"
    return field_


@dataclass
class Reading:
    record: dict = field(default_factory=empty_record)
    labels_seen: int = 0
    values_set: int = 0
    warnings: list[str] = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    explain: dict = field(default_factory=dict)
    unrecognised: list = field(default_factory=list)


def _shown(score: float, places: int) -> float:
    """A confidence cut (not rounded) to its shown places: 0.9296 below a 0.93 threshold never shows as 0.93."""
    return math.floor(float(score) * 10 ** places) / 10 ** places


def _describe(c: Candidate) -> dict:
    return {"value": c.value, "confidence": _shown(c.score, 3), "label": c.label.text, "relation": c.relation,
            "at": (c.answer or c.label.item).where()}


def _label_key(c) -> int:
    return getattr(c.label, "ident", None) or id(c.label)


CLOCK_DATES = ("incident.date", "incident.date_la_aware", "date_panel_notified")  # the statutory clocks run from these


def group_of(field_: str) -> str:
    """The kind of answer a field takes, a child's apart ('yes/no', 'child date' ...), the dates the statutory
    clocks run from apart ('clock date'): each kind has its own calibrated confidence where the model file gives
    one."""
    if field_ in CLOCK_DATES:
        return "clock date"
    return ("child " if field_.startswith("child.") else "") + kind_of(field_)


def bar(field_: str, threshold: float, child_threshold: float | None, kinds: dict | None = None) -> float:
    """The confidence a value must reach: its kind's where the model calibrated one (a yes/no box is sure sooner
    than a free-text answer), else a child's answers have their own (which child it is can be wrong too, so they
    may need more), the rest the form's."""
    if kinds and group_of(field_) in kinds:
        return kinds[group_of(field_)]
    return child_threshold if child_threshold is not None and field_.startswith("child.") else threshold


def sure_enough(c, threshold: float, child_threshold: float | None, kinds: dict | None,
                vouched: float | None) -> bool:
    """Whether a candidate's confidence reaches its field's bar, or, where the rule reader read the same value
    (``parsers/agreement.py``), the lower bar ``vouched`` for such values - or any, beside a label the partnership
    taught for the field."""
    if c.score >= bar(c.field, threshold, child_threshold, kinds):
        return True
    return vouched is not None and getattr(c, "vouched", False) and (c.score >= vouched or getattr(c, "taught", False))


def assign(cands: list[Candidate], threshold: float, blank_threshold: float,
           child_threshold: float | None = None, refused: frozenset = frozenset(),
           kinds: dict | None = None, vouched: float | None = None) -> tuple[dict, dict]:
    """-> (chosen: key -> Candidate, closed: key -> blank Candidate); ``refused`` holds the ids of candidates not
    to take; ``vouched``, the confidence from which a candidate the rule reader vouches for is taken."""
    chosen: dict[tuple, Candidate] = {}
    closed: dict[tuple, Candidate] = {}
    used_labels: set[int] = set()
    used_answers: set[int] = set()
    order = _in_turn([c for c in cands if c.fit >= 0 and id(c) not in refused])
    for c in order:
        if c.key in chosen or c.key in closed or (_label_key(c), c.child) in used_labels:
            continue
        if c.fit == 0:
            if c.score >= blank_threshold:
                closed[c.key] = c
                used_labels.add((_label_key(c), c.child))
            continue
        if not sure_enough(c, threshold, child_threshold, kinds, vouched):
            continue
        if c.answer is not None and c.answer.n in used_answers:
            continue
        chosen[c.key] = c
        used_labels.add((_label_key(c), c.child))
        if c.answer is not None:
            used_answers.add(c.answer.n)
    return chosen, closed


def _in_turn(cands: list[Candidate]) -> list[Candidate]:
    """The order answers are taken in: surest first. Where two labels give the same value for a field, both go
    in at the surer one's turn and the one whose own pairing reads surer (stage one) takes it — so 'Date of
    incident', given the LA-aware date's value because the two dates are the same, leaves its answer free for
    the incident's date. (So the answer taken may score a little below the runner-up ``--explain`` shows.)"""
    top: dict[tuple, float] = {}
    for c in cands:
        if c.fit > 0:
            k = (c.key, repr(c.value))
            top[k] = max(top.get(k, 0.0), c.score)
    return sorted(cands, key=lambda c: (-(top.get((c.key, repr(c.value)), c.score) if c.fit > 0 else c.score),
                                        -c.s1, c.label.item.n, c.distance))


OLDEST_CHILD_YEARS = 25  # a care leaver's death is reviewed up to 25; an older person's date of birth is not a child's
DEATH_TYPES = ("death", "lac_death", "care_leaver_death")
_DEATH_OR_HARM = re.compile(r"\b(death|died)\b.*\b(harm|injur\w*|incident|event)\b|"
                            r"\b(harm|injur\w*|incident)\b.*\b(death|died)\b", re.I)


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def implausible(chosen: dict) -> list[tuple[Candidate, str]]:
    """Chosen answers the rest of the record contradicts, each with why (pure):

    - a child's date of birth that makes the person older than 25 on the incident's date (or the referral's, or
      the latest date the record holds), or born after it: an adult's date (a parent's row of a household table);
    - a date of death read beside a label that asks for the date of death *or* of the harm ('Date of death /
      serious harm'), when the record does not say the child died: it is the incident's date, not a death's;
    - a yes / no answer that opens with a yes and a no side by side ('Yes No Not known to us'): every option printed,
      the one chosen marked only by its look (bold, on an e-form's print) or not at all."""
    dates = {k: _day(c.value) for k, c in chosen.items() if k[0] in ("incident.date", "date_of_referral")}
    on = dates.get(("incident.date", 0)) or dates.get(("date_of_referral", 0))
    if on is None:
        on = max((d for d in (_day(c.value) for c in chosen.values()) if d is not None), default=None)
    itype = chosen.get(("incident.type", 0))
    died = itype is not None and itype.value in DEATH_TYPES
    out = []
    for (f, _), c in chosen.items():
        if f == "child.dob" and on is not None and (born := _day(c.value)) is not None:
            if born > on:
                out.append((c, "a date of birth after the incident"))
            elif (on.year - born.year) - ((on.month, on.day) < (born.month, born.day)) > OLDEST_CHILD_YEARS:
                # (no date in the reason: the latest date the record holds may be another child's date of birth)
                out.append((c, f"a date of birth of someone over {OLDEST_CHILD_YEARS} at the incident, not a child's"))
        elif f == "child.date_of_death" and not died and _DEATH_OR_HARM.search(c.label.text):
            out.append((c, "a date of death or of harm, and the form does not say the child died"))
        elif kind_of(f) == YES_NO and n.opens_with_both(getattr(c, "raw", None)):
            # (decided here, not when the candidates are read: the training forms read as the model learnt them)
            out.append((c, "the options printed side by side, none marked"))
        elif f == "incident.type" and listed_types(getattr(c, "raw", None)):
            out.append((c, "the kinds of incident printed as a list, not one of them marked"))
    return out


def listed_types(raw: str | None) -> bool:
    """'Death of a child' / 'Serious harm to a child' / 'Other', an option a line (or set apart by tabs), none of them
    marked or more than one: the kinds of incident printed, not an answer (pure)."""
    parts = [p.strip() for p in re.split(r"\n|\t", raw or "") if p.strip()]
    options = [re.sub(r"^(?:[Xx✓✔]\s+|[☒☐☑]\s*)", "", p) for p in parts]   # ('X Other (give details)': an option)
    kinds = sum(1 for p in options if len(p.split()) <= 8 and not p.startswith("(") and incident_type(p))
    # (three kinds or more: a typed answer with a line of detail naming another kind's word, 'Serious harm' over
    # '(not a death - the child survived)', is an answer)
    if kinds < 3:
        return False
    chosen = n.checked_options(raw)
    return chosen is None or len(chosen) != 1


_ASKS_KIND = re.compile(r"(?i)\b(type|nature|kind|categor\w*|what|which)\b|[?:]\s*$")   # 'Type of serious incident'


def marked_kind(raw: str | None) -> str | None:
    """'☒ The pupil has died' / '☐ The pupil has been seriously harmed' / '☐ Something else': kinds of incident
    printed as options, each after its own box (a line each, set apart by tabs or on one line, under the question's
    words), or each before its own box at the end of its line ('Death of a child ☒' / 'Serious harm ☐'), exactly one
    marked: that one's kind, whatever the question asks in words (pure). Three kinds or more, or two different named
    kinds where the list offers nothing else ('Sudden unexpected death ☐ / Other ☒' is no list of kinds). None
    otherwise, and None where a kind is printed with no box of its own ('Death of a child<tab>☐ Serious harm …',
    'Child death ☒ Serious harm ☐' on one line: which box is whose cannot be told)."""
    t = n.as_boxes(raw or "")
    options = _boxes_first(t)
    if options is None:
        options = _boxes_last(t)
    if not options:
        return None
    marked = [o for o, ticked in options if ticked]
    kinds = [incident_type(o) for o, _ in options if len(o.split()) <= 12 and incident_type(o)]
    two_named = len(kinds) == len(options) == 2 and len(set(kinds)) == 2 and "other" not in kinds
    if len(marked) != 1 or not (len(kinds) >= 3 or two_named):
        return None
    # ('Other serious incident' is the list's other kind, not serious harm; 'A child in care died' a looked-after
    # child's death, which the vocabulary reads only as 'has died' - kept so, as the model was trained on it)
    if re.match(r"(?i)(other|something else)\b", marked[0]):
        return "other"
    kind = incident_type(marked[0])
    return "lac_death" if kind == "death" and re.search(r"(?i)\b(in care|looked after)\b", marked[0]) else kind


def _boxes_first(t: str) -> list[tuple[str, bool]] | None:
    """[(option, marked)] of options each after its own box ('☒ Death ☐ Serious harm'); None where the text does not
    run so: words before the first box on its line, or a kind on a line of its own with no box before it."""
    first = re.search(r"[☒☐☑]", t)
    if first is None:
        return None
    before = re.split(r"[\t\n]", t[:first.start()])
    if before[-1].strip() or any(incident_type(line) and not _ASKS_KIND.search(line) for line in before[:-1]):
        return None   # words before the first box on its line, or a kind printed above it with no box
    options = []
    for seg in [x for x in re.split(r"(?=[☒☐☑])", t[first.start():]) if x]:
        option, *rest = re.split(r"[\t\n]", seg[1:])
        if any(incident_type(line) for line in rest if line.strip()):
            return None   # a kind on a line of its own, no box before it
        options.append((option.strip(), seg[0] in "☒☑"))
    return options


_OPTION_THEN_BOX = re.compile(r"^([^☒☐☑]*\w[^☒☐☑]*?)\s*([☒☐☑])$")


def _boxes_last(t: str) -> list[tuple[str, bool]] | None:
    """[(option, marked)] of options each on a line (or tab-parted part) of its own ending in its one box
    ('Death of a child ☒' / 'Serious harm to a child ☐'); lines before the first option are the question's words."""
    parts = [p.strip() for p in re.split(r"[\t\n]", t) if p.strip()]
    found = [_OPTION_THEN_BOX.match(p) for p in parts]
    start = next((i for i, m in enumerate(found) if m), None)
    if start is None or not all(found[start:]) or any(re.search(r"[☒☐☑]", p) for p in parts[:start]):
        return None
    return [(m.group(1).strip(), m.group(2) in "☒☑") for m in found[start:]]


def assign_checked(cands: list[Candidate], threshold: float, blank_threshold: float,
                   child_threshold: float | None = None,
                   kinds: dict | None = None,
                   vouched: float | None = None) -> tuple[dict, dict, list[tuple[Candidate, str]]]:
    """``assign``, then again without the answers the chosen record contradicts (``implausible``), until it
    contradicts none: their fields take the next consistent answer or stay empty (a second adult's date of birth
    taken after the first was refused is refused in turn). -> (chosen, closed, [(refused candidate, why)])."""
    refused: list[tuple[Candidate, str]] = []
    chosen, closed = assign(cands, threshold, blank_threshold, child_threshold, kinds=kinds, vouched=vouched)
    while more := implausible(chosen):   # each round refuses a candidate not refused before: it ends
        refused += more
        chosen, closed = assign(cands, threshold, blank_threshold, child_threshold,
                                refused=frozenset(id(c) for c, _ in refused), kinds=kinds, vouched=vouched)
    return chosen, closed, refused


def _set(rec: dict, path: str, value) -> None:
    m = re.match(r"children\[(\d+)\]\.(\w+)", path)
    if m:
        i, leaf = int(m.group(1)), m.group(2)
        while len(rec["children"]) <= i:
            rec["children"].append(empty_child())
        rec["children"][i][leaf] = value
        return
    if "." in path:
        head, leaf = path.split(".", 1)
        rec[head][leaf] = value
    else:
        rec[path] = value


def _one_per_name(children: list[dict]) -> list[dict]:
    """A child named twice (a summary box at the top, the child's section below) is one child: the later
    answers fill what the first left empty; where the two disagree the first stands."""
    out: list[dict] = []
    for child in children:
        name = (child["name"] or "").casefold()
        same = next((c for c in out if name and (c["name"] or "").casefold() == name), None)
        if same is None:
            out.append(child)
            continue
        for k, v in child.items():
            if same[k] is None:
                same[k] = v
    return out


def _other_name(whole, joined: str) -> bool:
    """Whether a name read whole and one joined from a forename and a surname name different people."""
    return isinstance(whole, str) and " ".join(whole.lower().split()) != " ".join(joined.lower().split())


def build_record(cands: list[Candidate], chosen: dict, closed: dict, agencies: list[dict],
                 threshold: float, child_threshold: float | None = None, explained: bool = True,
                 kinds: dict | None = None, vouched: float | None = None) -> Reading:
    r = Reading()
    parts: dict[int, dict] = {}
    overruled: list[str] = []
    for key, c in sorted(chosen.items(), key=lambda kv: kv[1].label.item.n):
        f, child = key
        if f in ("child.forename", "child.surname"):
            parts.setdefault(child, {})[f.split(".")[1]] = c
            continue
        if f == "previous.date":
            continue
        _set(r.record, record_path(f, child), c.value)
        r.values_set += 1
        r.sources[record_path(f, child)] = {"label": c.label.text, "at": (c.answer or c.label.item).where()}
    for child, p in sorted(parts.items()):
        path = f"children[{child}].name"
        joined = " ".join(p[k].value for k in ("forename", "surname") if k in p)
        if len(p) == 1 and len(joined.split()) < 2:
            continue  # a forename or a surname alone is not the child's name: it is asked for instead
        while len(r.record["children"]) <= child:
            r.record["children"].append(empty_child())
        whole = chosen.get(("child.name", child))
        if whole is not None and len(p) == 2 and _other_name(whole.value, joined) \
                and min(p["forename"].score, p["surname"].score) > whole.score \
                and not getattr(whole, "vouched", False):
            # 'Coastguard Rescue Officer (name)' read as the child's name, 'Casualty's first name' and 'surname'
            # surer: the parts asked for the child by name win (not where the rule reader read the whole name too)
            r.record["children"][child]["name"] = None
            r.values_set -= 1
            overruled.append(path)
        if r.record["children"][child]["name"] is None and joined:
            r.record["children"][child]["name"] = joined
            r.values_set += 1
            r.sources[path] = {"label": " + ".join(p[k].label.text for k in ("forename", "surname") if k in p),
                               "at": "; ".join((p[k].answer or p[k].label.item).where() for k in ("forename", "surname") if k in p)}
    kept = _one_per_name([c for c in r.record["children"] if any(v is not None for v in c.values())])
    r.record["children"] = kept
    for c in kept:
        if c["dob"] is not None:
            c["age"] = None
    for i, a in enumerate(agencies):
        r.record["agencies_involved"].append(a["entry"])
        r.sources[f"agencies_involved[{i}]"] = {"label": "agencies table", "at": a["at"]}
        r.values_set += 1
    if explained:
        r.explain = explain(cands, chosen, closed, threshold, child_threshold, kinds, vouched)
        for path in overruled:
            if path in r.explain["fields"]:
                r.explain["fields"][path].update(overruled=True, value=value_at(r.record, path))
    return r


_CHILD_PATH = re.compile(r"children\[(\d+)\]\.(\w+)$")


def value_at(record: dict, path: str):
    """The record's value at a path as ``assignment.record_path`` writes it ('children[1].dob',
    'safeguarding_lead.email'); None where the record has no such place."""
    m = _CHILD_PATH.match(path)
    if m:
        children = record.get("children") or []
        i = int(m.group(1))
        return children[i].get(m.group(2)) if i < len(children) else None
    here = record
    for part in path.split("."):
        if not isinstance(here, dict):
            return None
        here = here.get(part)
    return here


def _why_empty(cs: list[Candidate], blank: Candidate | None, needed: float, threshold: float,
               child_threshold: float | None, kinds: dict | None, vouched: float | None) -> dict:
    """Why a field stayed empty: its candidates ``cs`` best first, ``blank`` the blank answer that closed it."""
    if blank is not None:
        return {"outcome": "empty", "why": "the form leaves it blank", **_describe(blank)}
    valued = [c for c in cs if c.fit == 1]
    refused = [c for c in cs if c.fit == -1]
    if valued and valued[0].score < needed and not sure_enough(valued[0], threshold, child_threshold, kinds, vouched):
        return {"outcome": "empty", "why": f"below confidence ({_shown(valued[0].score, 2):.2f} < {needed:.2f})",
                "needed": needed, "best": _describe(valued[0])}
    if valued:
        return {"outcome": "empty", "why": "its answer was taken by a more likely field", "best": _describe(valued[0])}
    if refused:
        return {"outcome": "empty", "why": f"refused by type: {refused[0].refusal}",
                "label": refused[0].label.text, "at": (refused[0].answer or refused[0].label.item).where()}
    return {"outcome": "empty", "why": "blank on the form"}


def _weight(entry: dict) -> tuple:
    """Which of two explanations of one empty field to show: the form's blank first, then the likelier answer."""
    return (entry["why"] == "the form leaves it blank", (entry.get("best") or {}).get("confidence", -1.0))


def explain(cands: list[Candidate], chosen: dict, closed: dict, threshold: float,
            child_threshold: float | None = None, kinds: dict | None = None, vouched: float | None = None) -> dict:
    """For every field: the chosen answer, its confidence and the runner-up; for every empty field, why."""
    by_key: dict[tuple, list[Candidate]] = {}
    for c in cands:
        by_key.setdefault(c.key, []).append(c)
    fields = {}
    # a field asked once (the referrer's phone) may have candidates in several children's parts of the form: its
    # place in the record is one, and an answer taken there is what is explained, not a part where it stayed empty
    taken = {record_path(*key) for key in chosen}
    for key, cs in by_key.items():
        path = record_path(*key)
        cs = sorted(cs, key=lambda c: -c.score)
        if key in chosen:
            pick = chosen[key]
            runner = next((c for c in cs if c is not pick and c.fit == 1 and c.value != pick.value), None)
            fields[path] = {"outcome": "set", **_describe(pick), "runner_up": _describe(runner) if runner else None}
            if pick.score < bar(key[0], threshold, child_threshold, kinds):
                # below the model's bar: taken because the rule reader read it too, or read the same question's
                # answer for another child (``agreement.vouch_repeated``)
                fields[path]["vouched"] = "repeated" if getattr(pick, "repeated", False) else \
                    "kind" if getattr(pick, "kinded", None) else True
                if getattr(pick, "kinded", None):   # ('an organisation': what the answer's own words say it is)
                    fields[path]["kind"] = pick.kinded
            continue
        if path in taken:
            continue
        entry = _why_empty(cs, closed.get(key), bar(key[0], threshold, child_threshold, kinds),
                           threshold, child_threshold, kinds, vouched)
        if path not in fields or _weight(entry) > _weight(fields[path]):
            fields[path] = entry
    return {"fields": dict(sorted(fields.items())), "threshold": threshold,
            "child_threshold": threshold if child_threshold is None else child_threshold,
            "kind_thresholds": dict(sorted((kinds or {}).items()))}
