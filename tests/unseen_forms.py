"""Helpers for the held-out "unseen" form corpus (benchmarks/unseen/make_forms.py).

Not a test module itself (no test_ prefix): tests and benchmarks import it to build the corpus
into a temporary folder and compare records field by field.

    from tests.unseen_forms import build, load, diff_records
    out = build(tmp_path / "unseen")             # default seed 7
    for truth in load(out):
        ...  # truth["file"], truth["expect_status"], truth["record"], truth["layout"], ...
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "benchmarks" / "unseen" / "make_forms.py"


def build(outdir, seed: int = 7, check: bool = False) -> Path:
    """Generate the corpus into outdir (forms/ and truth/); returns outdir as a Path."""
    outdir = Path(outdir)
    cmd = [sys.executable, str(GENERATOR), str(outdir), "--seed", str(seed)]
    if not check:
        cmd.append("--no-check")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return outdir


def load(outdir):
    """Truth entries in file-name order, each with an extra 'path' key to its document."""
    outdir = Path(outdir)
    for p in sorted((outdir / "truth").glob("*.json")):
        t = json.loads(p.read_text())
        t["path"] = outdir / "forms" / t["file"]
        yield t


def diff_records(expected, got, path=""):
    """Field paths where two records differ, as (path, expected, got) triples."""
    out = []
    if isinstance(expected, dict) and isinstance(got, dict):
        for k in sorted(set(expected) | set(got)):
            out += diff_records(expected.get(k), got.get(k), f"{path}.{k}" if path else k)
    elif isinstance(expected, list) and isinstance(got, list):
        for i in range(max(len(expected), len(got))):
            e = expected[i] if i < len(expected) else None
            g = got[i] if i < len(got) else None
            out += diff_records(e, g, f"{path}[{i}]")
    elif expected != got:
        out.append((path, expected, got))
    return out
