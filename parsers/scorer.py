"""The trained scorer: how likely a candidate is to be the form's answer for its field.

The model is a small ensemble of gradient-boosted decision trees, trained by
``python -m parsers.training.train`` and shipped as ``parsers/model.json`` (feature names, the trees'
split features, thresholds and leaf values, and the calibrated confidence thresholds). Scoring
needs only numpy: every candidate of a document goes down every tree at once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = Path(__file__).with_name("model.json")


class Model:
    def __init__(self, spec: dict):
        self.features: list[str] = spec["features"]
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        # every tree's nodes in one flat array, so that all trees are walked at once, a level per step
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
        self.threshold = float(spec["threshold"])            # a value below this confidence is left empty
        self.blank_threshold = float(spec["blank_threshold"])  # a blank this sure closes its field
        self.child_threshold = float(spec.get("child_threshold", spec["threshold"]))  # ... for a child's answers
        self.depth = int(spec.get("max_depth", 8))

    def matrix(self, rows: list[dict]) -> np.ndarray:
        return np.array([[float(r.get(f, 0.0)) for f in self.features] for r in rows], dtype=np.float64).reshape(
            len(rows), len(self.features))

    def score(self, rows: list[dict]) -> np.ndarray:
        """Probability, per candidate's feature dict, that it is the right answer."""
        if not rows:
            return np.zeros(0)
        x = self.matrix(rows)
        node = np.broadcast_to(self.roots, (len(rows), self.trees)).copy()
        row = np.arange(len(rows))[:, None]
        for _ in range(self.depth):
            f = self.feature[node]
            inner = f >= 0
            if not inner.any():
                break
            go_left = x[row, np.where(inner, f, 0)] <= self.threshold_at[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        total = self.init + self.rate * self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-total))


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Model:
    with open(path or MODEL, encoding="utf-8") as fh:
        return Model(json.load(fh))
