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

from parsers import types
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
def _spec() -> tuple[dict, dict]:
    """(field path -> every wording of it, section -> its headings) from the wording bank; empty without it."""
    try:
        spec = json.loads(BANK.read_text(encoding="utf-8"))
    except OSError:
        return {}, {}
    variants: dict[str, list[str]] = {}
    for field, registers in spec.get("fields", {}).items():
        head, _, leaf = field.partition(".")
        if head == "decoy":
            continue  # the grammar's questions the record does not ask ("Parent's date of birth")
        path = f"{HEADS.get(head, head)}.{leaf}" if leaf else field
        for texts in registers.values():
            variants.setdefault(path, []).extend(texts)
    return variants, spec.get("sections", {})


@lru_cache(maxsize=1)
def bank() -> Bank:
    return Bank(_spec()[0])


@lru_cache(maxsize=32768)
def similarity(text: str) -> tuple:
    """((field, similarity), ...) for a label text, best first."""
    t = re.sub(r"\s+", " ", text).strip()
    found = bank().similar(t)
    return tuple(sorted(found.items(), key=lambda kv: (-round(kv[1], 9), kv[0])))  # ties in a fixed order


# --- Who and what: a label read as its parts -------------------------------------------------------------
#
# A label names a field by two things: *whose* detail it asks for (the referrer, the safeguarding lead,
# the child, the incident ...) and *what* detail (name, email, date of birth ...). 'Reporter name' is new
# as a whole, yet 'reporter' says whose (the bank's 'Reporter email', 'Reporter details') and 'name' says
# what. Each word of the bank votes for a head and for a leaf by how its variants are spread over them;
# a word that is everywhere ('details', 'of') votes for nothing. A label's field score is
# P(leaf | words) x P(head | words, leaf), the head spread evenly over the heads that leaf has when no word
# says whose. A variant with exactly the label's words is left out, as for the likeness above.

PERSON_HEADS = ("referrer", "lead", "child")
SECTION_HEADS = {"referrer": "referrer", "lead": "lead", "child": "child", "incident": "incident",
                 "criteria": "criteria", "panel": "panel", "agencies": "agencies", "concerns": "concerns"}


def _parts(path: str) -> tuple[str, str]:
    """'referrer.name' -> ('referrer', 'name'); 'date_of_referral' -> ('referrer', 'date_of_referral')."""
    if "." in path:
        head, leaf = path.split(".", 1)
        return head, leaf
    return {"date_of_referral": "referrer", "panel_notified": "panel", "date_panel_notified": "panel",
            "immediate_concerns": "concerns"}[path], path


TOP = ("date_of_referral", "panel_notified", "date_panel_notified", "immediate_concerns")


def _kind(leaf: str, head: str) -> str:
    return types.kind_of(leaf if leaf in TOP else f"{head}.{leaf}")


def _abbreviates(short: str, word: str) -> bool:
    """'eth' shortens 'ethnicity' (a prefix); 'eml' shortens 'email', 'nm' 'name' (its letters in order,
    the first one first). A known word never counts as an abbreviation of another."""
    if len(word) <= len(short) or short[0] != word[0]:
        return False
    if word.startswith(short):
        return len(short) >= 3
    it = iter(word[1:])
    return len(word) <= 3 * len(short) and all(ch in it for ch in short[1:])


class Parts:
    def __init__(self, variants: dict[str, list[str]], sections: dict[str, list[str]]):
        self.entries: list[tuple[str | None, str | None, frozenset]] = []   # (head, leaf, words)
        for path, texts in variants.items():
            head, leaf = _parts(path)
            for t in texts:
                ws = words(t)
                if ws:
                    self.entries.append((head, leaf, ws))
        for name, texts in sections.items():
            head = SECTION_HEADS.get(name)
            for t in texts:
                ws = words(t)
                if ws and head:
                    self.entries.append((head, None, ws))
        self.heads_of_leaf: dict[str, set] = {}
        for head, leaf, _ in self.entries:
            if leaf:
                self.heads_of_leaf.setdefault(leaf, set()).add(head)
        self.leaves = sorted(self.heads_of_leaf)
        self.kind_of = {leaf: _kind(leaf, sorted(hs)[0]) for leaf, hs in self.heads_of_leaf.items()}
        self.kind_leaves: dict[str, list] = {}
        for leaf in self.leaves:
            self.kind_leaves.setdefault(self.kind_of[leaf], []).append(leaf)
        self._short: dict[str, tuple] = {}
        self.kind_count: dict[str, dict[str, int]] = {}
        for head, leaf, ws in self.entries:
            if leaf:
                for w in ws:
                    d = self.kind_count.setdefault(w, {})
                    d[self.kind_of[leaf]] = d.get(self.kind_of[leaf], 0) + 1
        self.heads = sorted({h for h, _, _ in self.entries})
        self.leaf_count: dict[str, dict[str, int]] = {}
        self.head_count: dict[str, dict[str, int]] = {}
        self.by_words: dict[frozenset, list[int]] = {}
        for i, (head, leaf, ws) in enumerate(self.entries):
            self.by_words.setdefault(ws, []).append(i)
            for w in ws:
                if leaf:
                    d = self.leaf_count.setdefault(w, {})
                    d[leaf] = d.get(leaf, 0) + 1
                d = self.head_count.setdefault(w, {})
                d[head] = d.get(head, 0) + 1
        self.vocab = sorted(self.head_count)

    def _votes(self, ws: frozenset, table: dict, names: list, own: list, pick, only=None) -> tuple[dict, float]:
        """Weighted average of each word's spread over `names`; and the summed weight (how much the words say)."""
        total: dict[str, float] = {}
        mass = 0.0
        k = len(names)
        for w in sorted(ws):
            counts = dict(table.get(w, {}))
            for i in own:  # leave the label's own variant out
                key = pick(self.entries[i])
                if key is not None and w in self.entries[i][2] and key in counts:
                    counts[key] -= 1
            if sum(counts.values()) <= 0:  # a word only the label's own variant has: perhaps it shortens others
                counts = self._abbreviated(w, table)
            if only is not None:
                counts = {name: c for name, c in counts.items() if name in only}
            n_w = sum(counts.values())
            if n_w <= 0:
                continue
            probs = {name: c / n_w for name, c in counts.items() if c > 0}
            entropy = -sum(p * math.log(p) for p in probs.values())
            sharp = 1.0 - entropy / math.log(k) if k > 1 else 1.0
            weight = sharp * sharp * math.log(1.0 + n_w)  # a sharp word many variants use: the head noun
            if weight <= 0:
                continue
            mass += weight
            for name, p in probs.items():
                total[name] = total.get(name, 0.0) + weight * p
        if mass:
            total = {name: v / mass for name, v in total.items()}
        return total, mass

    def _abbreviated(self, w: str, table: dict) -> dict:
        """An abbreviation's votes: those of the bank's words it shortens ('eth' -> ethnicity, ethnic;
        'eml' -> email; 'nm' -> name), each counted once."""
        known = self.shortens(w)
        out: dict[str, int] = {}
        for k in known:
            for name, c in table.get(k, {}).items():
                out[name] = out.get(name, 0) + c
        return out

    def shortens(self, w: str) -> tuple:
        if w not in self._short:
            self._short[w] = tuple(k for k in self.vocab if _abbreviates(w, k))[:6] if 2 <= len(w) <= 5 \
                and w.isalpha() else ()
        return self._short[w]

    def read(self, text: str) -> tuple[dict[str, float], dict[str, float], float, float]:
        """(leaf -> P, head -> P, leaf evidence, head evidence) for a label text."""
        ws = words(text)
        if not ws or len(ws) > 14:
            return {}, {}, 0.0, 0.0
        own = self.by_words.get(ws, [])
        leaves, leaf_mass = self._votes(ws, self.leaf_count, self.leaves, own, lambda e: e[1])
        heads, head_mass = self._votes(ws, self.head_count, self.heads, own, lambda e: e[0])
        return leaves, heads, leaf_mass, head_mass

    def kinds_and_leaves(self, ws: frozenset, own: list) -> tuple[dict, float]:
        """leaf -> P(kind | words) x P(leaf | words, kind): 'date' says a date surely though not which one;
        'referral' then says which date."""
        kinds, mass = self._votes(ws, self.kind_count, sorted(self.kind_leaves), own,
                                  lambda e: self.kind_of.get(e[1]) if e[1] else None)
        out: dict[str, float] = {}
        for kind, pk in kinds.items():
            leaves = self.kind_leaves[kind]
            if len(leaves) == 1:
                out[leaves[0]] = pk
                continue
            within, said = self._votes(ws, self.leaf_count, leaves, own, lambda e: e[1], only=set(leaves))
            for leaf in leaves:
                out[leaf] = pk * (within.get(leaf, 0.0) if said else 1.0 / len(leaves))
        return out, mass

    def fields(self, text: str) -> dict[str, float]:
        """field path -> P(leaf) x P(head | leaf) for a label text."""
        ws = words(text)
        if not ws or len(ws) > 14:
            return {}
        own = self.by_words.get(ws, [])
        leaves, leaf_mass = self.kinds_and_leaves(ws, own)
        heads, _ = self._votes(ws, self.head_count, self.heads, own, lambda e: e[0])
        out: dict[str, float] = {}
        for leaf, p in leaves.items():
            allowed = self.heads_of_leaf[leaf]
            said = {h: heads.get(h, 0.0) for h in allowed}
            spoken = sum(said.values())
            for h in allowed:
                share = said[h] / spoken if spoken > 0.05 else 1.0 / len(allowed)
                path = leaf if leaf in TOP else f"{h}.{leaf}"
                out[path] = p * share * min(1.0, leaf_mass)
        return out


@lru_cache(maxsize=1)
def parts() -> Parts:
    variants, sections = _spec()
    return Parts(variants, sections)


@lru_cache(maxsize=32768)
def composed(text: str) -> tuple:
    """((field, score), ...) for a label read as whose + what, best first."""
    t = re.sub(r"\s+", " ", text).strip()
    found = parts().fields(t)
    return tuple(sorted(((f, s) for f, s in found.items() if s > 0.01), key=lambda kv: (-round(kv[1], 9), kv[0])))


@lru_cache(maxsize=8192)
def whose(text: str) -> tuple[str | None, float]:
    """The head a short text (a heading) speaks of, and how surely: ('referrer', 0.8) for 'REPORTER DETAILS'."""
    _, heads, _, mass = parts().read(re.sub(r"\s+", " ", text).strip())
    if not heads:
        return None, 0.0
    head = max(sorted(heads), key=heads.get)
    return head, heads[head] * min(1.0, mass)
