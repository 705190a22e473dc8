"""Configuration: the example file and the declared settings stay in step; errors name the key."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from intake import config as config_mod
from intake.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_config_example_lists_every_setting_with_a_comment():
    # Every declared setting appears in config.example.toml with its help text above it, and nothing else does.
    text = (ROOT / "config.example.toml").read_text()
    raw = tomllib.loads(text)
    for section, cls in config_mod.SECTIONS.items():
        declared = {config_mod.toml_name(f): f for f in dataclasses.fields(cls)}
        assert set(raw.get(section, {})) == set(declared), section
        for name, f in declared.items():
            assert f.metadata["help"].split(" (")[0][:30].lower() in text.lower(), f"{section}.{name} help missing"


def test_config_example_loads_and_has_the_documented_defaults(tmp_path):
    # The example file is a valid configuration whose values are the defaults.
    cfg = config_mod.load(ROOT / "config.example.toml")
    assert cfg.mailbox.backend == "maildir" and cfg.smtp.backend == "directory"
    assert cfg.schedule.poll_every == config_mod.Schedule().poll_every


@pytest.mark.parametrize("raw, key", [
    ({"mailbox": {"prot": 1}}, "mailbox.prot"),
    ({"mailbox": {"port": "993"}}, "mailbox.port"),
    ({"mailbox": {"security": "ssl"}}, "mailbox.security"),
    ({"mailbox": {"backend": "imap"}}, "mailbox.host"),
    ({"schedule": {"poll_every": "often"}}, "schedule.poll_every"),
    ({"organisation": {"timezone": "Mars/Olympus"}}, "organisation.timezone"),
    ({"people": {"manager": None}}, "people.manager"),
    ({"policy": {"allowed_sender_domains": "nhs.net"}}, "policy.allowed_sender_domains"),
    ({"deadlines": {"extra_closures": ["31/12/2026"]}}, "deadlines.extra_closures"),
    ({"deadlines": {"rules": {"C1": {"unit": "weeks"}}}}, "deadlines.rules.C1.unit"),
    ({"smtp": {"auth": "oauth2", "backend": "smtp", "host": "smtp.x", "username": "u@x"}}, "oauth2.tenant"),
])
def test_config_bad_value_names_the_key(raw, key):
    # A wrong key, type or value raises ConfigError naming the key.
    base = {"people": {"manager": "m@x.org", "chair": "c@x.org"}}
    for section, values in raw.items():
        base.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
        for k, v in values.items():
            if v is None:
                base[section].pop(k, None)
    with pytest.raises(ConfigError) as err:
        config_mod.from_dict(base)
    assert key in str(err.value)


def test_cli_config_error_exits_2_with_one_line(tmp_path):
    # `intake poll --once` with a misspelt key exits 2 with one line naming it, no traceback.
    cfg = tmp_path / "config.toml"
    cfg.write_text('[people]\nmanager = "m@x.org"\nchair = "c@x.org"\n[mailbox]\nhots = "imap.example.org"\n')
    run = subprocess.run([sys.executable, "-m", "intake", "--config", str(cfg), "poll", "--once"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "mailbox.hots" in lines[0] and "'host'" in lines[0]


def test_cli_missing_config_file_exits_2(tmp_path):
    # No configuration file: exit 2 with a hint.
    run = subprocess.run([sys.executable, "-m", "intake", "--config", str(tmp_path / "none.toml"), "referrals"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "config.example.toml" in run.stderr


def test_secret_missing_from_environment_is_a_plain_sentence(monkeypatch):
    # A password env var that is not set: ConfigError naming the variable.
    cfg = config_mod.from_dict({"people": {"manager": "m@x.org", "chair": "c@x.org"}})
    monkeypatch.delenv("INTAKE_IMAP_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="INTAKE_IMAP_PASSWORD"):
        cfg.secret("INTAKE_IMAP_PASSWORD", "mailbox.password_env")


def test_readme_documents_every_command():
    # Every CLI command appears in the README or docs/.
    from intake.cli.program import COMMANDS

    readme = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    for name in COMMANDS:
        assert re.search(rf"intake [^\n]*\b{name}\b", readme), name


def test_readme_lists_every_outcome_with_its_folder():
    # "What happens to an email": one table row per outcome, naming the folder DESIGN 4.4 (and the code) gives it.
    from intake.pipeline.context import FOLDER_OF_OUTCOME

    readme = (ROOT / "docs" / "emails.md").read_text()
    section = readme.split("## What happens to an email", 1)[1].split("\n## ", 1)[0]
    # (the README is being split into docs/ pages: a page's own "What happens to an email" table counts too)
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text()
        if "## What happens to an email" in text:
            section += text.split("## What happens to an email", 1)[1].split("\n## ", 1)[0]
    folder = {"processed": "Processed", "review": "Needs review", "failed": "Failed"}
    for outcome, kind in FOLDER_OF_OUTCOME.items():
        row = re.search(rf"^\| `{outcome}` \|.*\| {folder[kind]} \|$", section, re.M)
        assert row, outcome
