"""Train the candidate scorer and write parsers/model.json (deterministic: same inputs, same bytes).

    python -m parsers.training.train [--grammar-count 1500] [--seed 7] [--out parsers/model.json]
                                     [--corpus DIR ...] [--work DIR]

Training data: forms from the randomised form grammar (``parsers.training.grammar``, generated from
the seed into --work) and the project's shared corpora (../shared/forms, ../shared/forms-wide).
The held-out sets under benchmarks/unseen* are never read here.

Every candidate of every training form is labelled by the form's truth: right when its normalised
value equals the truth's value for its field (a blank is right when the truth is empty). A histogram
gradient-boosted tree ensemble (scikit-learn, fixed random state) is fitted on 80 % of the forms; the other
20 % calibrate the confidence below which a field stays empty: the lowest threshold at which the
values the assignment gives are right at least --precision of the time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import sys
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

from parsers.agreement import vouch
from parsers.assemble import assemble as rule_reading
from parsers.assignment import RECORD_HEADS, assign_checked, build_record, group_of
from parsers.blocks import current_answers, one_copy
from parsers.candidates import FEATURES
from parsers.children import child_starts, settle
from parsers.docx_reader import read_docx
from parsers.pdf_reader import read_pdf
from parsers.reader import candidate_table
from parsers.scorer import CONTEXT, SECOND_EXTRA, Model, Trees, context_matrix
from parsers.training.grammar import generate

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def blocks_of(path: Path):
    data = path.read_bytes()
    if path.suffix == ".docx":
        return read_docx(data)[0]
    if path.suffix == ".pdf":
        blocks, info = read_pdf(data, printed=True)
        return None if info.get("scanned") or info.get("encrypted") else blocks
    return None


def truth_of(record: dict, field: str, child: int):
    """(known, value): the truth's value for a candidate's field; known False when it can't be told."""
    head, _, leaf = field.partition(".")
    if head == "child":
        kids = record["children"]
        if child >= len(kids):
            return True, None
        if leaf in ("forename", "surname"):
            return True, kids[child]["name"]
        return True, kids[child].get(leaf)
    if head == "referrer":
        return True, record["referrer"].get(leaf)
    if head == "lead":
        return True, record["safeguarding_lead"].get(leaf)
    if head in ("incident", "criteria"):
        return True, record[head].get(leaf)
    if field in record:
        return True, record[field]
    return False, None


def any_child(record: dict, c) -> bool:
    """A child's answer is right for the scorer when it is that field's answer for any of the children:
    which child it belongs to is the assignment's business (child columns, repeated child sections)."""
    leaf = c.field.split(".", 1)[1]
    for kid in record["children"]:
        want = kid["name"] if leaf in ("forename", "surname") else kid.get(leaf)
        if want is None or c.value is None:
            continue
        if leaf == "forename" and (want == c.value or want.startswith(str(c.value) + " ")):
            return True
        if leaf == "surname" and (want == c.value or want.endswith(" " + str(c.value))):
            return True
        if want == c.value:
            return True
    return False


def label(c, record: dict) -> int | None:
    known, want = truth_of(record, c.field, c.child)
    if not known:
        return None
    if c.fit == 0:
        return int(want is None)
    if c.fit < 0:
        return 0
    if c.field.startswith("child.") and c.value is not None and not isinstance(c.value, bool):
        return int(any_child(record, c))
    if c.field == "child.forename":
        return int(want is not None and (want == c.value or want.startswith(str(c.value) + " ")))
    if c.field == "child.surname":
        return int(want is not None and (want == c.value or want.endswith(" " + str(c.value))))
    return int(want == c.value)


def corpus_docs(dirs: list[Path]) -> list[tuple[Path, dict]]:
    out = []
    for d in dirs:
        for t in sorted((d / "truth").glob("*.json")):
            truth = json.loads(t.read_text())
            if truth.get("record") is None or truth.get("expect_status") != "parsed":
                continue
            f = d / "forms" / truth["file"]
            if f.suffix in (".docx", ".pdf") and f.exists():
                out.append((f, truth["record"]))
    return out


def _candidates_of(job):
    """(index, [(features, label, candidate-lite)]) for one training form; run in a worker process."""
    i, path, record = job
    try:
        blocks = blocks_of(path)
    except Exception as exc:  # a generator bug must not stop training; say which file
        print(f"skipped {path.name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return i, None
    if blocks is None:
        return i, None
    try:
        pic, cands = candidate_table(blocks)
    except Exception as exc:  # the reader failing on a training form is a bug to see, not a reason to stop
        print(f"reader failed on {path.name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return i, None
    kept = []
    for c in cands:
        y = label(c, record)
        if y is not None:
            kept.append((c.features, y, Lite(c)))
    return i, (kept, child_starts(pic))


class Lite:
    """What the assignment needs of a candidate, without the document it came from (for calibration)."""

    def __init__(self, c):
        self.field, self.child, self.fit, self.distance, self.relation = c.field, c.child, c.fit, c.distance, c.relation
        self.value = c.value
        self.label = LiteLabel(c.label, id(c.label))
        self.answer = None if c.answer is None else LiteItem(c.answer.n)
        self.features = c.features
        self.s1 = self.score = 0.0
        self.vouched = self.taught = False

    @property
    def key(self) -> tuple:
        return (self.field, self.child)


class LiteLabel:
    def __init__(self, label, ident):
        item = label.item
        self.item = LiteItem(item.n, item.section, item.hint)
        self.text = label.text
        self.ident = ident

    def __hash__(self):
        return self.ident

    def __eq__(self, other):
        return self.ident == other.ident


class LiteItem:
    def __init__(self, n, section=None, hint=""):
        self.n = n
        self.section = section
        self.hint = hint

    def where(self) -> str:
        return ""


def table(docs, processes: int = 2):
    rows, ys, groups, per_doc = [], [], [], []
    jobs = [(i, path, record) for i, (path, record) in enumerate(docs)]
    with mp.get_context("fork").Pool(processes) as pool:
        results = sorted(pool.imap_unordered(_candidates_of, jobs, chunksize=8), key=lambda r: r[0])
    for i, found in results:
        if found is None:
            continue
        kept, starts = found
        for feats, y, _ in kept:
            rows.append(feats)
            ys.append(y)
            groups.append(i)
        per_doc.append((i, docs[i][1], [(lite, y) for _, y, lite in kept], starts))
    return rows, ys, groups, per_doc


def _stable(v) -> float:
    """A leaf value to 10 significant digits: the fit's last bits vary with the order of floating-point
    sums between runs, and the shipped file must come out the same byte for byte."""
    return float(f"{float(v):.10g}")


def export_trees(clf, features: list[str]) -> dict:
    """One fitted ensemble as plain lists: per tree its nodes' split feature and threshold, children (-1 at a
    leaf) and leaf values (the learning rate is already in them)."""
    trees = []
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({"feature": [int(v) for v in nodes["feature_idx"]],
                      "threshold": [_stable(v) for v in nodes["num_threshold"]],
                      "left": [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["left"], leaf)],
                      "right": [-1 if is_leaf else int(v) for v, is_leaf in zip(nodes["right"], leaf)],
                      "value": [_stable(v) for v in nodes["value"]]})
    return {"features": features, "init": _stable(float(np.ravel(clf._baseline_prediction)[0])), "learning_rate": 1.0,
            "max_depth": clf.max_depth + 1, "trees": trees}


def export(first, second, threshold: float, blank_threshold: float, child_threshold: float | None = None,
           kinds: dict | None = None, vouched: float | None = None) -> dict:
    """The model file: stage one's ensemble at the top level (with the thresholds), stage two's under "stage2"."""
    spec = {**first, "threshold": threshold, "blank_threshold": blank_threshold,
            "child_threshold": threshold if child_threshold is None else child_threshold,
            "kind_thresholds": dict(sorted((kinds or {}).items())), "vouched_threshold": vouched}
    if second is not None:
        spec["stage2"] = second
    return spec


def fit(x, y, trees: int, depth: int = 8, leaves: int = 63):
    """A histogram gradient-boosted tree ensemble; no early stopping, no sampling and one thread, so the same data
    gives the same trees."""
    with threadpool_limits(limits=1):  # one thread: sums taken in one order, so the model comes out bit-identical
        return HistGradientBoostingClassifier(max_iter=trees, max_depth=depth, max_leaf_nodes=leaves,
                                              learning_rate=0.1, early_stopping=False, random_state=0).fit(x, y)


SECOND = FEATURES + SECOND_EXTRA


def spans_of(groups: np.ndarray) -> dict[int, tuple[int, int]]:
    """Each form's rows: a form's candidates are consecutive rows, in the order of its per_doc list."""
    out: dict[int, tuple[int, int]] = {}
    for i, g in enumerate(groups):
        a, _ = out.get(int(g), (i, i))
        out[int(g)] = (a, i + 1)
    return out


def out_of_fold(x, y, groups, docs: set[int], trees: int) -> np.ndarray:
    """Stage one's score for every row of ``docs``, each from a model fitted on the other half of the forms (by form),
    so that stage two learns from scores like those stage one gives a form it has never seen."""
    first = np.zeros(len(y))
    halves = [np.array(sorted(d for d in docs if d % 2 == k)) for k in (0, 1)]
    for k in (0, 1):
        train, score = np.isin(groups, halves[1 - k]), np.isin(groups, halves[k])
        first[score] = Trees(export_trees(fit(x[train], y[train], trees), FEATURES)).probability(x[score])
    return first


def with_context(x, first, per_doc, spans) -> np.ndarray:
    """Stage two's matrix: the candidates' own features and their context (``scorer.context``) from stage one's scores."""
    ctx = np.zeros((len(first), len(CONTEXT)))
    for i, _, kept, _ in per_doc:
        a, b = spans[i]
        ctx[a:b] = context_matrix([c for c, _ in kept], first[a:b])
    return np.hstack([x, ctx])


def two_stages(x, y, groups, per_doc, docs: set[int], trees: int, second_trees: int) -> tuple[dict, dict | None]:
    """Stage one fitted on ``docs``; stage two (when asked for) on their out-of-fold stage-one scores."""
    mask = np.isin(groups, np.array(sorted(docs)))
    first = export_trees(fit(x[mask], y[mask], trees), FEATURES)
    if not second_trees:
        return first, None
    oof = out_of_fold(x, y, groups, docs, trees)
    x2 = with_context(x, oof, [d for d in per_doc if d[0] in docs], spans_of(groups))
    second = export_trees(fit(x2[mask], y[mask], second_trees, depth=6, leaves=31), SECOND)
    return first, second


def _leaves(value, path: str = ""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def _given(docs, t: float, blank_t: float, child_t: float | None = None, kinds: dict | None = None,
           by_group: dict | None = None, vouched: float | None = None) -> tuple[int, int]:
    """(right, given): the values the record would hold at these thresholds, compared with the truth as
    benchmarks/parse_accuracy.py compares them (a child's answer is right only as its own child's); ``by_group``,
    when given, collects [right, given] per kind of answer (``assignment.group_of``)."""
    right = given = 0
    for cands, want in docs:
        chosen, closed, _ = assign_checked(cands, t, blank_t, child_t, kinds, vouched=vouched)
        got = build_record(cands, chosen, closed, [], t, child_t, explained=False, kinds=kinds).record
        for path, value in _leaves(got):
            if value is None or path.startswith("agencies_involved"):
                continue
            given += 1
            ok = want.get(path, "<absent>") == value
            right += ok
            if by_group is not None and path != "form":  # 'form' is the record's constant, not an answer read
                tally = by_group.setdefault(_group_of_path(path), [0, 0])
                tally[0] += ok
                tally[1] += 1
    return right, given


def _group_of_path(path: str) -> str:
    """A record path's kind of answer: 'children[1].dob' -> group_of('child.dob')."""
    head, _, leaf = path.partition(".")
    if head.startswith("children["):
        return group_of("child." + ("name" if leaf in ("forename", "surname") else leaf))
    heads = {record: field for field, record in RECORD_HEADS.items()}  # 'safeguarding_lead' -> 'lead'
    return group_of(f"{heads.get(head, head)}.{leaf}" if leaf else head)


MIN_GROUP_VALUES = 100   # a kind of answer calibrated apart needs this many values in the held-back forms
KEEP_FORM_BAR = {"clock date"}   # a wrong date there starts or closes a statutory clock: it keeps the form's bar
LOWEST_KIND_THRESHOLD = 0.95  # lower, the grammar's calibration stops carrying over to forms it never saw


def calibrate_kinds(docs, t: float, blank_t: float, child_t: float, precision: float) -> dict:
    """Thresholds per kind of answer (``assignment.group_of``), each no higher than the form's and no lower than
    LOWEST_KIND_THRESHOLD: a kind whose values stay right >= precision of the time at every threshold from the form's
    down to a lower one takes the lowest such (the clocks' dates never: KEEP_FORM_BAR); then, while the whole record
    falls below precision (or below what the form's bar alone gives, where that misses it), the lowered kinds are
    raised together."""
    steps = [x / 100 for x in range(round(min(t, child_t) * 100), round(LOWEST_KIND_THRESHOLD * 100) - 1, -1)]
    tallies = {}
    for step in steps:
        groups: dict = {}
        _given(docs, step, blank_t, step, by_group=groups)
        tallies[step] = groups
    kinds = {}
    for g in sorted({g for groups in tallies.values() for g in groups} - KEEP_FORM_BAR):
        base = child_t if g.startswith("child ") else t
        lowest = None
        for step in steps:
            right, given = tallies[step].get(g, [0, 0])
            if step > base or given < MIN_GROUP_VALUES:
                continue
            if right / given < precision:
                break
            lowest = step
        if lowest is not None and lowest < base:
            kinds[g] = lowest
    right, given = _given(docs, t, blank_t, child_t)
    floor = min(precision, right / max(given, 1))  # where the form's bar misses the target, no worse than it
    while kinds:
        right, given = _given(docs, t, blank_t, child_t, kinds)
        if right / max(given, 1) >= floor:
            break
        kinds = {g: round(v + 0.01, 2) for g, v in kinds.items()
                 if v + 0.01 < (child_t if g.startswith("child ") else t) - 1e-9}
    right, given = _given(docs, t, blank_t, child_t, kinds)
    print(f"  kinds apart: {kinds}: {right} values right, precision {right / max(given, 1):.4f}")
    return kinds


def scored(model, per_doc) -> list[tuple[list, dict]]:
    """Each form's candidates scored by the model and settled to their children, beside the form's truth."""
    docs = []
    for _, record, kept, starts in per_doc:
        cands = [c for c, _ in kept]
        own, scores = model.stages(cands)
        for c, s1, s in zip(cands, own, scores):
            c.s1, c.score = float(s1), float(s)
        settle(cands, starts)
        docs.append((cands, dict(_leaves(record))))
    return docs


VOUCHED_PRECISION = 0.95   # the values the rule reader's agreement adds must be right at least this share of the time
VOUCHED_STEPS = [x / 100 for x in range(5, 100, 5)]


def rule_record(path: Path) -> dict | None:
    """The rule reader's record of a training form, read from its own picture as ``parsers.document`` reads it
    beside the trained reader (a PDF without the drawn boxes read as cells)."""
    data = path.read_bytes()
    try:
        if path.suffix == ".docx":
            blocks = read_docx(data)[0]
        else:
            blocks, info = read_pdf(data)
            if info.get("scanned") or info.get("encrypted"):
                return None
        return rule_reading(one_copy(current_answers(blocks))).record
    except Exception as exc:  # the rule reader failing on a training form is a bug to see, not a reason to stop
        print(f"rule reader failed on {path.name}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return None


def rule_records(paths: list[Path], processes: int = 2) -> list:
    """The rule reader's record of each form (``rule_record``), in order, read in worker processes."""
    with mp.get_context("fork").Pool(processes) as pool:
        return pool.map(rule_record, paths, chunksize=20)


def calibrate_vouched(docs, per_doc, paths: dict, t: float, blank_t: float, child_t: float,
                      kinds: dict) -> float | None:
    """The confidence from which a value the rule reader read the same is taken (``parsers/agreement.py``): the
    lowest, in steps of 0.05, at which the values this adds on the held-back forms are right at least
    VOUCHED_PRECISION of the time; None where no step does. ``docs``: the held-back forms as ``scored`` gives
    them, once (settling a form's children twice is not what the reader does)."""
    base_right, base_given = _given(docs, t, blank_t, child_t, kinds)
    for (i, _, _, _), (cands, _) in zip(per_doc, docs):
        vouch(cands, rule_record(paths[i]))
    for step in VOUCHED_STEPS:
        if step >= min(t, child_t, *kinds.values()):
            break
        right, given = _given(docs, t, blank_t, child_t, kinds, vouched=step)
        added, added_right = given - base_given, right - base_right
        print(f"  vouched threshold {step:.2f}: +{added_right} right, +{added - added_right} wrong")
        if added > 0 and added_right / added >= VOUCHED_PRECISION:
            return step
    return None


def calibrate(docs, precision: float) -> tuple[float, float, float, dict]:
    """The thresholds that give the most right values while those given are right >= precision of the time:
    first one threshold for every value (and the blank threshold), then a child's answers apart (which child an
    answer is can be wrong too), then each kind of answer apart (``calibrate_kinds``)
    -> (value threshold, blank threshold, child threshold, {kind: threshold}). ``docs``: as ``scored`` gives them."""
    table = []
    for blank_t in (0.5, 0.6, 0.7, 0.8, 0.9):
        for t in [x / 100 for x in range(30, 99)]:  # in steps of 0.01: the lowest threshold that keeps the target
            right, given = _given(docs, t, blank_t)
            table.append((right / max(given, 1), right, t, blank_t))
    for row in table:
        if row[3] == 0.7 and round(row[2] * 100) % 3 == 0:
            print(f"  value threshold {row[2]:.2f}: {row[1]} right, precision {row[0]:.4f}")
    good = [row for row in table if row[0] >= precision]
    pick = max(good, key=lambda row: (row[1], -row[2])) if good else max(table, key=lambda row: (row[0], row[1]))
    print(f"calibrated on {len(docs)} forms: value threshold {pick[2]:.2f}, blank threshold {pick[3]:.2f}: "
          f"{pick[1]} values right, precision {pick[0]:.4f}" + ("" if good else f" (target {precision} not reached)"))
    blank_t = pick[3]
    pairs = []
    for t in [x / 100 for x in range(70, 99)]:
        for child_t in [x / 100 for x in range(85, 100)]:
            right, given = _given(docs, t, blank_t, child_t)
            pairs.append((right / max(given, 1), right, t, child_t))
    good = [row for row in pairs if row[0] >= precision]
    if not good or max(row[1] for row in good) <= pick[1]:
        return pick[2], blank_t, pick[2], calibrate_kinds(docs, pick[2], blank_t, pick[2], precision)
    best = max(good, key=lambda row: (row[1], -row[2], -row[3]))
    print(f"  apart: value threshold {best[2]:.2f}, child threshold {best[3]:.2f}: {best[1]} values right, "
          f"precision {best[0]:.4f}")
    return best[2], blank_t, best[3], calibrate_kinds(docs, best[2], blank_t, best[3], precision)


def fingerprint(docs, per_doc, rules: dict | None = None) -> dict[str, str]:
    """Form file -> a digest of everything training takes from it: each candidate as stage two and the calibration
    see it (features, label, field, child, relation, value, fit, distance; its label's text, place, section and
    which label it is; its answer's place), where its children start, and the rule reader's record of the form
    (``rules``: form index -> ``rule_record``), which calibrates the bar for values it vouches for."""
    out = {}
    for i, _, kept, starts in per_doc:
        order: dict[int, int] = {}   # labels by first appearance (their ids differ from run to run)
        said = [repr(starts), json.dumps((rules or {}).get(i), sort_keys=True, default=str)]
        for lite, y in kept:
            lab = lite.label
            said.append(f"{sorted(lite.features.items())!r}|{y}|{lite.field}|{lite.child}|{lite.relation}|"
                        f"{lite.value!r}|{lite.fit}|{lite.distance}|{order.setdefault(lab.ident, len(order))}|"
                        f"{lab.text!r}|{lab.item.n}|{lab.item.section}|{lab.item.hint!r}|"
                        f"{None if lite.answer is None else lite.answer.n}\n")
        out[str(docs[i][0])] = hashlib.sha256("".join(said).encode()).hexdigest()[:16]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grammar-count", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(REPO / "parsers" / "model.json"))
    ap.add_argument("--corpus", nargs="*", default=[str(SHARED / "forms"), str(SHARED / "forms-wide")])
    ap.add_argument("--work", default="/tmp/intake-grammar")
    ap.add_argument("--precision", type=float, default=0.995)
    ap.add_argument("--trees", type=int, default=500)
    ap.add_argument("--second-trees", type=int, default=200,
                    help="trees of stage two, which scores a candidate again beside its rivals (0: stage one alone)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="the value threshold to ship instead of the calibrated one (the calibration table is printed)")
    ap.add_argument("--fingerprint", default=None, metavar="FILE",
                    help="write a digest of what training reads from each form (its candidates, their features and "
                         "labels, and the rule reader's record of it) to FILE and stop: two runs give equal files when "
                         "a reader change leaves the model's training data as it was")
    a = ap.parse_args(argv)

    dirs = [Path(d) for d in a.corpus]
    if a.grammar_count:
        work = Path(a.work)
        marker = work / f".seed-{a.seed}-{a.grammar_count}"
        if not marker.exists():
            generate(str(work), a.seed, a.grammar_count)
            marker.write_text("")
        dirs.append(work)
    docs = corpus_docs(dirs)
    print(f"{len(docs)} training forms")
    rows, ys, groups, per_doc = table(docs)
    if a.fingerprint:
        rules = rule_records([docs[i][0] for i, *_ in per_doc])
        rules = {i: rules[k] for k, (i, *_) in enumerate(per_doc)}
        Path(a.fingerprint).write_text(json.dumps(fingerprint(docs, per_doc, rules), sort_keys=True, indent=0) + "\n")
        print(f"wrote {a.fingerprint}: {len(per_doc)} forms read")
        return 0

    x = np.array([[float(r[f]) for f in FEATURES] for r in rows])
    y = np.array(ys)
    groups = np.array(groups)
    fit_docs = {d[0] for d in per_doc if d[0] % 5 != 0}
    print(f"{len(y)} candidates, {int(y.sum())} right; fitting on {int(np.isin(groups, sorted(fit_docs)).sum())}")
    first, second = two_stages(x, y, groups, per_doc, fit_docs, a.trees, a.second_trees)
    model = Model(export(first, second, 0.5, 0.7))
    held = [d for d in per_doc if d[0] not in fit_docs]
    held_docs = scored(model, held)
    threshold, blank_threshold, child_threshold, kinds = calibrate(held_docs, a.precision)
    if a.threshold is not None:
        threshold = child_threshold = a.threshold
        kinds = {}
    vouched = calibrate_vouched(held_docs, held, {i: docs[i][0] for i, *_ in held}, threshold, blank_threshold,
                                child_threshold, kinds)
    # the shipped model sees every form; the thresholds come from the held-back fifth
    first, second = two_stages(x, y, groups, per_doc, {d[0] for d in per_doc}, a.trees, a.second_trees)
    spec = export(first, second, threshold, blank_threshold, child_threshold, kinds, vouched)
    Path(a.out).write_text(json.dumps(spec, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"wrote {a.out}: {len(spec['trees'])} + {len(spec.get('stage2', {}).get('trees', []))} trees, "
          f"threshold {threshold}, blank {blank_threshold}, child {child_threshold}, kinds {kinds}, "
          f"vouched {vouched}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
