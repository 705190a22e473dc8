"""How this program was run, for the hints it prints (``intake demo`` and the command groups)."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path


def invocation() -> str:
    """How to run this program again as it was just run, for the hints it prints: ``intake`` when the shell finds
    this very script by that name, else the script's path as typed (a venv's ``.venv/bin/intake``), else
    ``python -m intake`` with this interpreter."""
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name == "intake":
        found = shutil.which("intake")
        if os.sep not in argv0 or (found and Path(found).resolve() == Path(argv0).resolve()):
            return "intake"
        return shlex.quote(argv0)
    return f"{shlex.quote(sys.executable)} -m intake"
