"""The house's layers (issue 27): the import-linter contracts in pyproject.toml hold, and no project module is
imported inside a function (docs/architecture.md draws the layers these keep true)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("intake", "notifier", "parsers", "templates")


def test_layers_import_linter_contracts_are_kept():
    # Someone adds an upward import (say notifier importing intake.duties): lint-imports names the contract and the chain.
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "lint-imports is missing: pip install -e '.[test]'"
    run = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_layers_no_project_import_inside_a_function():
    # A lazy `from intake.x import y` inside a function hides a cycle from the contracts; parsers/ is left to its rewrite.
    lazy = []
    for package in ("intake", "notifier"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(), str(path))
            for fn in ast.walk(tree):
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                for node in ast.walk(fn):
                    if isinstance(node, ast.ImportFrom) and node.level == 0:
                        names = [node.module or ""]
                    elif isinstance(node, ast.Import):
                        names = [a.name for a in node.names]
                    else:
                        continue
                    if any(n.split(".")[0] in PROJECT for n in names):
                        lazy.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert lazy == []
