"""The trained scorer: how likely a candidate is to be the form's answer for its field.

Two small ensembles of gradient-boosted decision trees, trained by ``python -m parsers.training.train`` and
shipped as ``parsers/model.json`` (feature names, the trees' split features, thresholds and leaf values, and the
calibrated confidence thresholds). Scoring needs only numpy: every candidate of a document goes down every tree
at once.

- **Stage one** scores each candidate by its own features (its label's words, the relation, the answer's shape).
- **Stage two** scores it again with what stage one thought of its rivals (``context``): how sure the best other
  answer for the same field is, what else its label and its answer were taken for, whether another label gives
  the same value. A right answer at 0.9 with no rival near it is surer than one at 0.9 beside another at 0.85.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).with_name("model.json")
CONTEXT = ["s1", "key_top", "key_same", "key_many", "key_blank", "key_rank", "label_other", "label_rank",
           "answer_other", "answer_rank", "age_dob", "form_sure", "form_rel_share", "section_rel_share"]
SURE = 0.9   # a pairing stage one is this sure of tells how this form sets its answers beside its labels


class Trees:
    """One fitted ensemble, every tree's nodes in one flat array, so that all trees are walked at once, a level per step."""

    def __init__(self, spec: dict):
        self.features: list[str] = spec["features"]
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        roots, feature, threshold, left, right, value = [], [], [], [], [], []
        for t in spec["trees"]:
            base = len(feature)
            roots.append(base)
            is_leaf = [lf < 0 for lf in t["left"]]
            feature += [-1 if leaf else f for f, leaf in zip(t["feature"], is_leaf)]
            threshold += t["threshold"]
            left += [base + lf if lf >= 0 else -1 for lf in t["left"]]
            right += [base + rt if rt >= 0 else -1 for rt in t["right"]]
            value += t["value"]
        self.roots = np.array(roots, dtype=np.int64)
        self.feature = np.array(feature, dtype=np.int64)
        self.threshold_at = np.array(threshold, dtype=np.float64)
        self.left = np.array(left, dtype=np.int64)
        self.right = np.array(right, dtype=np.int64)
        self.value = np.array(value, dtype=np.float64)
        self.trees = len(roots)
        self.depth = int(spec.get("max_depth", 8))

    def matrix(self, rows: list[dict]) -> np.ndarray:
        return np.array([[float(r.get(f, 0.0)) for f in self.features] for r in rows], dtype=np.float64).reshape(
            len(rows), len(self.features))

    def probability(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (len(x), self.trees)).copy()
        row = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            f = self.feature[node]
            inner = f >= 0
            if not inner.any():
                break
            go_left = x[row, np.where(inner, f, 0)] <= self.threshold_at[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        total = self.init + self.rate * self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-np.clip(total, -500.0, 500.0)))  # no overflow warning for a sure no


def _label_key(c) -> int:
    return getattr(c.label, "ident", None) or id(c.label)


def _rank(values: list[float], v: float) -> int:
    return min(sum(1 for o in values if o > v + 1e-12), 5)


def context(cands: list, first: np.ndarray) -> list[dict]:
    """Per candidate, what stage one made of its rivals (``CONTEXT``): the best other value for its field and
    child (``key_top``), the best other label giving the same value (``key_same``), how many sure rivals there are
    (``key_many``), how sure a blank for the field is (``key_blank``), and its own rank among its field's, its
    label's and its answer's candidates; ``label_other`` and ``answer_other`` are the best score of the same label
    or answer taken for another field; ``age_dob``, for a child's age, how sure a date of birth for the same child
    is (the record keeps an age only where the form gives no date of birth; the child as first guessed, before
    ``settle``). And how the form itself sets answers out: of the other fields stage one is sure of (``SURE``), how
    many (``form_sure``) and what share are read by this candidate's relation, on the whole form
    (``form_rel_share``) and in its section (``section_rel_share``) — a form that puts its sure answers in the cell
    to the right puts the others there too."""
    by_key: dict[tuple, list[int]] = {}
    by_label: dict[tuple, list[int]] = {}
    by_answer: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        by_key.setdefault(c.key, []).append(i)
        by_label.setdefault((_label_key(c), c.child), []).append(i)
        if c.answer is not None:
            by_answer.setdefault(c.answer.n, []).append(i)
    dob: dict[int, float] = {}
    for i, c in enumerate(cands):
        if c.field == "child.dob" and c.fit > 0:
            dob[c.child] = max(dob.get(c.child, 0.0), float(first[i]))
    sure: dict[tuple, tuple[float, str, str | None]] = {}
    for i, c in enumerate(cands):
        if c.fit > 0 and first[i] >= SURE and float(first[i]) > sure.get(c.key, (0.0,))[0]:
            sure[c.key] = (float(first[i]), c.relation, c.label.item.section)
    by_rel = Counter(r for _, r, _ in sure.values())
    by_sec_rel = Counter((sec, r) for _, r, sec in sure.values())
    by_sec = Counter(sec for _, _, sec in sure.values())
    out = []
    for i, c in enumerate(cands):
        s = float(first[i])
        own = sure.get(c.key)   # the field's own sure answer is not evidence for itself
        sec = c.label.item.section
        n_form = len(sure) - (own is not None)
        n_sec = by_sec[sec] - (own is not None and own[2] == sec)
        same_form = by_rel[c.relation] - (own is not None and own[1] == c.relation)
        same_sec = by_sec_rel[(sec, c.relation)] - (own is not None and own[1] == c.relation and own[2] == sec)
        mine = [j for j in by_key[c.key] if j != i]
        valued = [j for j in mine if cands[j].fit > 0]
        other = [float(first[j]) for j in valued if cands[j].value != c.value]
        same = [float(first[j]) for j in valued if cands[j].value == c.value and _label_key(cands[j]) != _label_key(c)]
        blank = [float(first[j]) for j in mine if cands[j].fit == 0]
        lab = [j for j in by_label[(_label_key(c), c.child)] if j != i and cands[j].fit > 0]
        ans = [j for j in by_answer.get(c.answer.n, []) if j != i and cands[j].fit > 0] if c.answer is not None else []
        out.append({
            "s1": s,
            "key_top": max(other, default=0.0),
            "key_same": max(same, default=0.0),
            "key_many": min(sum(1 for o in other if o >= 0.5), 5),
            "key_blank": max(blank, default=0.0),
            "key_rank": _rank([float(first[j]) for j in valued], s),
            "label_other": max((float(first[j]) for j in lab if cands[j].field != c.field), default=0.0),
            "label_rank": _rank([float(first[j]) for j in lab], s),
            "answer_other": max((float(first[j]) for j in ans if cands[j].field != c.field), default=0.0),
            "answer_rank": _rank([float(first[j]) for j in ans], s),
            "age_dob": dob.get(c.child, 0.0) if c.field == "child.age" else 0.0,
            "form_sure": min(n_form, 30),
            "form_rel_share": same_form / n_form if n_form else 0.0,
            "section_rel_share": same_sec / n_sec if n_sec else 0.0,
        })
    return out


def context_matrix(cands: list, first: np.ndarray) -> np.ndarray:
    """``context`` as columns in ``CONTEXT``'s order: what stage two reads after the candidates' own features."""
    return np.array([[row[k] for k in CONTEXT] for row in context(cands, first)], dtype=np.float64).reshape(
        len(cands), len(CONTEXT))


SECOND_EXTRA = ["ctx_" + k for k in CONTEXT]


class Model:
    def __init__(self, spec: dict):
        self.first = Trees(spec)
        self.second = Trees(spec["stage2"]) if spec.get("stage2") else None
        if self.second is not None and self.second.features != self.first.features + SECOND_EXTRA:
            raise ValueError("the model file's stage two does not read stage one's features and then its context")
        self.features = self.first.features
        self.threshold = float(spec["threshold"])            # a value below this confidence is left empty
        self.blank_threshold = float(spec["blank_threshold"])  # a blank this sure closes its field
        self.child_threshold = float(spec.get("child_threshold", spec["threshold"]))  # ... for a child's answers
        # ... and for each kind of answer the calibration gave its own ('yes/no', 'child date' ...; assignment.group_of)
        self.kinds = {k: float(v) for k, v in spec.get("kind_thresholds", {}).items()}
        # ... and, lower, for a value the rule reader read the same (parsers/agreement.py); None: no such bar
        self.vouched = float(spec["vouched_threshold"]) if spec.get("vouched_threshold") is not None else None

    def score(self, cands: list) -> np.ndarray:
        """Probability, per candidate (anything with ``features``, ``key``, ``label``, ``answer``, ``value`` and
        ``fit``), that it is the right answer: stage one alone, then stage two where the model has one."""
        return self.stages(cands)[1]

    def stages(self, cands: list) -> tuple[np.ndarray, np.ndarray]:
        """(stage one's scores, the final scores): what the pairing of label and answer says on its own, and what
        the model says with its rivals read too."""
        x = self.first.matrix([c.features for c in cands])
        first = self.first.probability(x)
        if self.second is None or not len(cands):
            return first, first
        return first, self.second.probability(np.hstack([x, context_matrix(cands, first)]))


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Model:
    with open(path or MODEL, encoding="utf-8") as fh:
        return Model(json.load(fh))
