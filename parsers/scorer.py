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
        self.trees = [(np.array(t["feature"], dtype=np.int64), np.array(t["threshold"], dtype=np.float64),
                       np.array(t["left"], dtype=np.int64), np.array(t["right"], dtype=np.int64),
                       np.array(t["value"], dtype=np.float64)) for t in spec["trees"]]
        self.threshold = float(spec["threshold"])            # a value below this confidence is left empty
        self.blank_threshold = float(spec["blank_threshold"])  # a blank this sure closes its field
        self.depth = int(spec.get("max_depth", 8))

    def matrix(self, rows: list[dict]) -> np.ndarray:
        return np.array([[float(r.get(f, 0.0)) for f in self.features] for r in rows], dtype=np.float64).reshape(
            len(rows), len(self.features))

    def score(self, rows: list[dict]) -> np.ndarray:
        """Probability, per candidate's feature dict, that it is the right answer."""
        if not rows:
            return np.zeros(0)
        x = self.matrix(rows)
        total = np.full(len(rows), self.init)
        idx = np.arange(len(rows))
        for feature, threshold, left, right, value in self.trees:
            node = np.zeros(len(rows), dtype=np.int64)
            for _ in range(self.depth):
                leaf = left[node] < 0
                if leaf.all():
                    break
                f = feature[node]
                go_left = x[idx, np.where(leaf, 0, f)] <= threshold[node]
                node = np.where(leaf, node, np.where(go_left, left[node], right[node]))
            total += self.rate * value[node]
        return 1.0 / (1.0 + np.exp(-total))


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Model:
    with open(path or MODEL, encoding="utf-8") as fh:
        return Model(json.load(fh))
