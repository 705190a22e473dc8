"""Parse accuracy over a corpus folder with forms/ and truth/*.json.

    python benchmarks/parse_accuracy.py ../shared/forms [-v]

Runs `intake parse --json` over every document named by a truth file and prints
status accuracy, field accuracy over the schema's leaf fields (records of
parsed documents), and the count of hallucinated values (non-null where the
truth is null).
"""

from __future__ import annotations

import json
import subprocess
import sys
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


def score(truths: list[dict], results: dict[str, dict], verbose: bool = False) -> dict:
    status_ok = fields = fields_ok = hallucinated = 0
    for t in truths:
        r = results[t["file"]]
        converted = (t["expect_reason"] == "legacy_format" and r["status"] == "parsed"
                     and any("converted from" in w for w in r["warnings"]))
        if converted:  # LibreOffice is installed: the legacy file was converted, compare with its content
            t = dict(t, record=t.get("content_record"))
        if converted or (r["status"] == t["expect_status"] and r["reason"] == t["expect_reason"]):
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
            elif verbose:
                print(f"field {t['file']} {k}: got {got.get(k, '<absent>')!r:.60} want {v!r:.60}")
        for k, v in got.items():
            if v not in (None, []) and want.get(k) in (None, []):
                hallucinated += 1
                if verbose:
                    print(f"hallucinated {t['file']} {k}: {v!r:.60}")
    return {"documents": len(truths), "status_accuracy": status_ok / max(len(truths), 1),
            "field_accuracy": fields_ok / max(fields, 1), "fields": fields, "hallucinated": hallucinated}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("../shared/forms")
    verbose = "-v" in argv
    truths = [json.loads(p.read_text()) for p in sorted((root / "truth").glob("*.json"))]
    files = [str(root / "forms" / t["file"]) for t in truths]
    run = subprocess.run([sys.executable, "-m", "intake", "parse", "--json", *files], capture_output=True, text=True)
    results = {}
    for line in run.stdout.splitlines():
        obj = json.loads(line)
        results[obj["file"]] = obj
    s = score(truths, results, verbose)
    print(f"documents {s['documents']}  status accuracy {s['status_accuracy']:.1%}  "
          f"field accuracy {s['field_accuracy']:.2%} over {s['fields']} leaf fields  hallucinated {s['hallucinated']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
