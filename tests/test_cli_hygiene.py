"""CLI hygiene (issue 14): help on every command and option, --version, the README's commands table, `intake demo
--dir` starting fresh, and the demo's hint working as printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from intake.cli.program import main

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.prefix) / "bin" / "intake"  # the venv's console script, as `pip install` made it


def test_cli_every_command_and_option_has_help():
    # Walks the argparse tree: a command or option (or positional) without help text fails, naming it.
    import argparse

    from intake.cli.program import _parser

    missing = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                for name, sub in action.choices.items():
                    if not helps.get(name):
                        missing.append(f"{path} {name}")
                    walk(sub, f"{path} {name}")
            elif not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(_parser(), "intake")
    assert missing == []


def test_cli_version_prints_the_installed_version(capsys):
    # `intake --version`: the package's version, exit 0.
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"intake {version('referral-intake')}\n"



def test_cli_readme_commands_table_lists_every_command():
    # Every command (and --version) has a row in a commands table of the README or docs/ (docs/commands.md).
    from intake.cli.program import _parser

    readme = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert re.search(rf"^\| `intake {name}\b", readme, re.M), name
    assert re.search(r"^\| `intake --version`", readme, re.M)


def _run(cwd: Path, *argv: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True, timeout=240, env=env)


def test_demo_dir_not_empty_is_refused_in_one_sentence(tmp_path):
    # A folder with files in it (an earlier demo) is refused with exit 2 and one line; nothing is added to it.
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    run = _run(tmp_path, sys.executable, "-m", "intake", "demo", "--dir", str(folder))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (f"intake: {folder} is not empty; the demo starts fresh: remove the folder or name a new one "
                          "with --dir\n")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs the installed console script")
def test_demo_hint_works_as_printed_from_an_unactivated_venv(tmp_path):
    # `.venv/bin/intake demo --dir demo` with the venv not on PATH (not activated): the "Try:" line it prints runs,
    # as printed, in the same folder; `python -m intake demo` prints a hint that runs too. An empty folder is fine.
    venv = tmp_path / "venv-bin"
    venv.mkdir()
    (venv / "intake").symlink_to(SCRIPT)
    (tmp_path / "empty").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "INTAKE_CONFIG")}
    env["PATH"] = "/usr/bin:/bin"
    for argv, folder in (([os.path.join("venv-bin", "intake")], "demo"), ([sys.executable, "-m", "intake"], "empty")):
        run = _run(tmp_path, *argv, "demo", "--dir", folder, env=env)
        assert run.returncode == 0, run.stderr
        hints = [line[len("Try: "):] for line in run.stdout.splitlines() if line.startswith("Try: ")]
        assert hints and hints[0].endswith(f"--config {folder}/config.toml referrals"), hints
        tried = subprocess.run(hints[0], shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
        assert tried.returncode == 0, tried.stderr
        assert tried.stdout.startswith("REFERENCE") and "SIRG-" in tried.stdout
