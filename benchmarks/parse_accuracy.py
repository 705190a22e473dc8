"""Parse accuracy over corpus folders with forms/ and truth/*.json.

    python benchmarks/parse_accuracy.py ../shared/forms [../shared/forms-wide ...] [-v]

Runs `intake parse --json` over every document named by a truth file and prints
status accuracy, field accuracy over the schema's leaf fields (records of
parsed documents: recall), the share of the values given that are right
(precision), and the count of invented values (non-null where the truth
is null); then the same per layout and per wording (the truth files' `layout`
and `vocabulary`), and the ten fields with the most misses.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path


def leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        if not value:
            yield path, []
        for i, v in enumerate(value):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def generic(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def score(truths: list[dict], results: dict[str, dict], verbose: bool = False, misses: Counter | None = None) -> dict:
    status_ok = fields = fields_ok = hallucinated = given = given_right = 0
    for t in truths:
        r = results[t["file"]]
        converted = (t["expect_reason"] == "legacy_format" and r["status"] == "parsed"
                     and any("converted from" in w for w in r["warnings"]))
        if converted:  # LibreOffice is installed: the legacy file was converted, compare with its content
            t = dict(t, record=t.get("content_record"))
        if converted or (r["status"] in (t["expect_status"], t.get("alt_status")) and r["reason"] == t["expect_reason"]):
            status_ok += 1
        elif verbose:
            print(f"status {t['file']}: got {r['status']}/{r['reason']}, want {t['expect_status']}/{t['expect_reason']}")
        if t["record"] is None:
            continue
        got = dict(leaves(r["record"])) if r["record"] else {}
        want = dict(leaves(t["record"]))
        for k, v in want.items():
            fields += 1
            if got.get(k, "<absent>") == v:
                fields_ok += 1
            else:
                if misses is not None:
                    misses[generic(k)] += 1
                if verbose:
                    print(f"field {t['file']} {k}: got {got.get(k, '<absent>')!r:.60} want {v!r:.60}")
        for k, v in got.items():
            if v not in (None, []):
                given += 1
                given_right += want.get(k, "<absent>") == v
            if v not in (None, []) and want.get(k) in (None, []):
                hallucinated += 1
                if misses is not None:
                    misses[generic(k) + " (invented)"] += 1
                if verbose:
                    print(f"hallucinated {t['file']} {k}: {v!r:.60}")
    return {"documents": len(truths), "status_accuracy": status_ok / max(len(truths), 1),
            "field_accuracy": fields_ok / max(fields, 1), "fields": fields, "hallucinated": hallucinated,
            "precision": given_right / max(given, 1), "given": given}


def line(name: str, s: dict) -> str:
    return (f"{name:<14} documents {s['documents']:>3}  status {s['status_accuracy']:6.1%}  "
            f"fields {s['field_accuracy']:7.2%} of {s['fields']:>5}  given right {s['precision']:7.2%} of {s['given']:>5}  "
            f"invented {s['hallucinated']}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    roots = [Path(a) for a in argv if not a.startswith("-")] or [Path("../shared/forms")]
    truths, results = [], {}
    for root in roots:
        these = [json.loads(p.read_text()) for p in sorted((root / "truth").glob("*.json"))]
        files = [str(root / "forms" / t["file"]) for t in these]
        run = subprocess.run([sys.executable, "-m", "intake", "parse", "--json", *files], capture_output=True, text=True)
        for out in run.stdout.splitlines():
            obj = json.loads(out)
            results[f"{root}/{obj['file']}"] = obj
        truths += [dict(t, file=f"{root}/{t['file']}") for t in these]
    misses: Counter = Counter()
    s = score(truths, results, verbose, misses)
    print(line("all", s))
    if len(roots) > 1:
        for root in roots:
            mine = [t for t in truths if t["file"].startswith(f"{root}/")]
            print(line(root.name if root.name not in ("forms", "") else str(root), score(mine, results)))
    for key in ("layout", "vocabulary"):
        groups = defaultdict(list)
        for t in truths:
            if t.get("record") is not None:
                groups[t.get(key) or "-"].append(t)
        print(f"by {key}:")
        for name in sorted(groups):
            print("  " + line(name, score(groups[name], results)))
    print("most missed fields:")
    for name, count in misses.most_common(10):
        print(f"  {count:>4}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
