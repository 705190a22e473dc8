"""How closely a label's words resemble the wordings real forms use for each field (the wording bank).

The bank (``parsers/training/wordings.json``: label variants per field, formal, plain-English, terse,
bilingual, health, police, education, council, MASH) is data gathered from published forms. A label
is compared word by word (weighted by how rare each word is across the bank) with every variant;
its similarity to a field is the best variant's. A variant with exactly the label's words is left
out, in training and in use alike, so that the scorer learns what a *new* wording looks like rather
than trusting an exact copy of the bank.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from parsers.vocabulary import normalise_label

BANK = Path(__file__).with_name("training") / "wordings.json"
_STOP = {"the", "of", "a", "an", "to", "and", "or", "for", "in", "on", "by", "with", "this", "that", "please",
         "s", "r", "y", "yr", "i", "ac", "neu", "am", "at", "any", "its", "it"}
HEADS = {"safeguarding_lead": "lead"}


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset:
    return frozenset(_stem(w) for w in normalise_label(text).split() if w not in _STOP)


class Bank:
    def __init__(self, variants: dict[str, list[str]]):
        self.entries: list[tuple[str, frozenset]] = []
        for field, texts in variants.items():
            for t in texts:
                ws = words(t)
                if ws:
                    self.entries.append((field, ws))
        df: dict[str, int] = {}
        for _, ws in self.entries:
            for w in ws:
                df[w] = df.get(w, 0) + 1
        total = len(self.entries) or 1
        self.idf = {w: math.log(1 + total / d) for w, d in df.items()}
        self.unknown = math.log(1 + total)
        self.index: dict[str, list[int]] = {}
        for i, (_, ws) in enumerate(self.entries):
            for w in ws:
                self.index.setdefault(w, []).append(i)

    def weight(self, ws) -> float:
        return sum(self.idf.get(w, self.unknown) for w in sorted(ws))  # a fixed order: the same sum every run

    def similar(self, text: str) -> dict[str, float]:
        """field -> best similarity (0..1) of any variant other than an exact copy of the label's words."""
        ws = words(text)
        if not ws or len(ws) > 30:
            return {}
        own = self.weight(ws)
        seen: set[int] = set()
        best: dict[str, float] = {}
        for w in ws:
            for i in self.index.get(w, ()):
                if i in seen:
                    continue
                seen.add(i)
                field, vs = self.entries[i]
                if vs == ws:
                    continue
                shared = self.weight(ws & vs)
                sim = 2 * shared / (own + self.weight(vs))
                if sim > best.get(field, 0.0):
                    best[field] = sim
        return best


@lru_cache(maxsize=1)
def bank() -> Bank:
    try:
        spec = json.loads(BANK.read_text(encoding="utf-8"))
    except OSError:
        return Bank({})
    variants: dict[str, list[str]] = {}
    for field, registers in spec.get("fields", {}).items():
        head, _, leaf = field.partition(".")
        path = f"{HEADS.get(head, head)}.{leaf}" if leaf else field
        for texts in registers.values():
            variants.setdefault(path, []).extend(texts)
    return Bank(variants)


@lru_cache(maxsize=32768)
def similarity(text: str) -> tuple:
    """((field, similarity), ...) for a label text, best first."""
    t = re.sub(r"\s+", " ", text).strip()
    found = bank().similar(t)
    return tuple(sorted(found.items(), key=lambda kv: (-round(kv[1], 9), kv[0])))  # ties in a fixed order
