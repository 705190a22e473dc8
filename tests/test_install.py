"""The documented production install (issue 14): deploy/install under a temporary root, then `intake check` as the
unprivileged service user; the unit, secrets.env and README stay in step with the code."""

from __future__ import annotations

import dataclasses
import grp
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from intake.service import checks
from intake import config as config_mod

ROOT = Path(__file__).resolve().parents[1]
IS_ROOT = os.geteuid() == 0
DEBIAN_PYTHON = Path("/usr/bin/python3")


def _debian_python_matches() -> bool:
    if not DEBIAN_PYTHON.exists():
        return False
    out = subprocess.run([str(DEBIAN_PYTHON), "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
    return out.stdout.strip() == str(tuple(sys.version_info[:2]))


def service_venv(root: Path) -> Path:
    """A virtual environment the service user can run, made in a fraction of a second: Debian's Python, with this
    checkout's installed packages on its path (the real install builds one with pip: ~80 s, not for every run)."""
    venv = root / "prebuilt-venv"
    subprocess.run([str(DEBIAN_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(next(p for p in sys.path if p.endswith("site-packages") and p.startswith(sys.prefix)))
    pyver = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    (venv / "lib" / pyver / "site-packages" / "dev-env.pth").write_text(f"import site; site.addsitedir({str(site)!r})\n")
    script = venv / "bin" / "intake"
    script.write_text(f"#!{venv}/bin/python\nimport sys\nfrom intake.cli.program import main\nsys.exit(main())\n")
    script.chmod(0o755)
    return venv


@pytest.fixture
def install_root():
    # A temporary root under /tmp that the service user can enter (pytest's tmp_path is 0700), a fresh system user;
    # both removed afterwards.
    if not IS_ROOT:
        pytest.skip("deploy/install creates a system user and chowns files: this test needs root (CI runs as root)")
    if not _debian_python_matches() or shutil.which("runuser") is None or shutil.which("useradd") is None:
        pytest.skip(f"needs {DEBIAN_PYTHON} of Python {sys.version_info[0]}.{sys.version_info[1]}, runuser and useradd")
    root = Path(tempfile.mkdtemp(prefix="intake-install-", dir="/tmp"))
    root.chmod(0o755)
    user = "intk" + secrets.token_hex(4)
    try:
        yield root, user
    finally:
        subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", user], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def pwd_has(name: str) -> bool:
    try:
        return bool(pwd.getpwnam(name))
    except KeyError:
        return False


def mode_owner(path: Path) -> tuple[str, str, str]:
    st = path.stat()
    return oct(stat.S_IMODE(st.st_mode)), pwd.getpwuid(st.st_uid).pw_name, grp.getgrgid(st.st_gid).gr_name


def test_install_under_temp_root_then_check_as_service_user_names_what_to_change(install_root):
    # deploy/install --root R --user U: user, /etc/intake, /var/lib/intake, venv, config, secrets, unit; `intake check`
    # as root is refused, `check --as-user U --env-file secrets.env` passes and leaves files owned by U; a root-owned
    # file in the data directory makes it fail with the chown to run.
    root, user = install_root
    venv = service_venv(root)
    run = subprocess.run([str(ROOT / "deploy" / "install"), "--root", str(root), "--user", user, "--use-venv", str(venv),
                          "--no-systemd"], capture_output=True, text=True, timeout=120)
    print(run.stdout, run.stderr)  # the install transcript (shown with -s or on failure)
    assert run.returncode == 0, run.stderr
    etc, data = root / "etc/intake", root / "var/lib/intake"
    assert pwd.getpwnam(user).pw_shell == "/usr/sbin/nologin"
    assert mode_owner(etc) == ("0o750", "root", user)
    assert mode_owner(etc / "config.toml") == ("0o640", "root", user)
    assert mode_owner(etc / "secrets.env") == ("0o600", "root", "root")
    assert mode_owner(data) == ("0o700", user, user)
    assert f'data_dir = "{data}"' in (etc / "config.toml").read_text()
    unit = (root / "etc/systemd/system/intake.service").read_text()
    assert f"User={user}" in unit and f"EnvironmentFile={etc}/secrets.env" in unit and "StateDirectory=intake" in unit

    intake = [str(root / "opt/intake/venv/bin/intake"), "--config", str(etc / "config.toml"), "check"]
    as_root = subprocess.run(intake, capture_output=True, text=True, timeout=60)
    assert as_root.returncode == 2
    assert f"run: intake check --as-user {user}" in as_root.stderr and len(as_root.stderr.strip().splitlines()) == 1
    assert list(data.iterdir()) == []  # refused before creating anything as root
    # the trap: no data_dir, so the data would go beside the configuration, in root's /etc/intake/var; the
    # configuration file is shared with the service's group, so root is refused there too
    beside = etc / "config-beside.toml"
    beside.write_text((etc / "config.toml").read_text().replace(f'data_dir = "{data}"', 'data_dir = ""'))
    os.chown(beside, 0, pwd.getpwnam(user).pw_gid)
    refused = subprocess.run(intake[:2] + [str(beside), "check"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and f"{etc} that the service user {user} could not write" in refused.stderr
    assert not (etc / "var").exists()
    beside.unlink()

    # the untouched configuration: the check runs as the service user and says FAILED for each setting a real service
    # cannot run with (the demo's Maildir and outbox directory, any sender accepted, example addresses)
    check = subprocess.run(intake + ["--as-user", user, "--env-file", str(etc / "secrets.env")], capture_output=True,
                           text=True, timeout=60)
    print(check.stdout, check.stderr)
    assert check.returncode == 1, check.stdout + check.stderr
    out = check.stdout
    assert f"read as {user}" in out and "files: ok" in out and "database: ok" in out
    assert "emailed commands: WARNING - off: INTAKE_COMMAND_SECRET is not set" in out
    assert f"set it in {etc / 'secrets.env'}" in out
    assert "placeholder: FAILED - people.manager = 'safeguarding.manager@example.gov.uk'" in out
    assert f'mailbox: FAILED - backend = "maildir" reads the folder {data}/var/maildir' in out
    assert "smtp: FAILED - backend = \"directory\"" in out and "policy: FAILED - allowed_sender_domains = []" in out
    made = [p for p in data.rglob("*")]
    assert made and all(p.stat().st_uid == pwd.getpwnam(user).pw_uid for p in made)

    # `intake status` answers as the service user (as monitoring runs it: no secrets): never polled yet, exit 1; after
    # one poll, exit 0. Run by root as well, it leaves nothing behind that the service could not write.
    as_service = ["runuser", "-u", user, "--"] + intake[:3]
    status = subprocess.run(as_service + ["status"], capture_output=True, text=True, timeout=60)
    print(status.stdout, status.stderr)
    assert status.returncode == 1 and status.stderr == ""
    assert status.stdout.splitlines()[0] == "mailbox: FAILED - never checked successfully; is the service running? " \
                                            "(systemctl status intake)"
    poll = subprocess.run(as_service + ["poll", "--once"], capture_output=True, text=True, timeout=120)
    assert poll.returncode == 0, poll.stderr
    status = subprocess.run(as_service + ["status"], capture_output=True, text=True, timeout=60)
    print(status.stdout, status.stderr)
    assert status.returncode == 0, status.stdout + status.stderr
    assert status.stdout.startswith("mailbox: ok (last checked ") and "limit 2h)" in status.stdout
    assert "outgoing: 0 pending, 0 failed" in status.stdout
    assert subprocess.run(intake[:3] + ["status", "--json"], capture_output=True, text=True, timeout=60).returncode == 0
    made = [p for p in data.rglob("*")]
    assert all(p.stat().st_uid == pwd.getpwnam(user).pw_uid for p in made), [
        (str(p), p.stat().st_uid) for p in made if p.stat().st_uid != pwd.getpwnam(user).pw_uid]

    # the trap of the issue: a database left owned by root
    db = next(p for p in made if p.name == "intake.db")
    os.chown(db, 0, 0)
    broken = subprocess.run(intake + ["--as-user", user, "--env-file", str(etc / "secrets.env")], capture_output=True,
                            text=True, timeout=60)
    assert broken.returncode == 1
    assert f"files: FAILED - {user} cannot write {db} (owned by root)" in broken.stdout
    assert f"chown -R {user}: {data}" in broken.stdout
    # ... and the service itself (any command as the service user) says so in one line, not "[Errno 1]"
    service = subprocess.run(["runuser", "-u", user, "--"] + intake[:3] + ["referrals"], capture_output=True, text=True,
                             timeout=60)
    assert service.returncode == 1 and len(service.stderr.strip().splitlines()) == 1
    assert f"the database {db} cannot be opened by {user}" in service.stderr and "chown -R USER:" in service.stderr

    if shutil.which("systemd-analyze"):
        verify = subprocess.run(["systemd-analyze", "verify", str(root / "etc/systemd/system/intake.service")],
                                capture_output=True, text=True, timeout=60)
        assert verify.returncode == 0, verify.stderr


def test_install_refuses_without_root_and_unknown_options():
    # One plain sentence, exit 2.
    bad = subprocess.run([str(ROOT / "deploy" / "install"), "--frobnicate"], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown option --frobnicate" in bad.stderr
    if not IS_ROOT:
        run = subprocess.run([str(ROOT / "deploy" / "install")], capture_output=True, text=True)
        assert run.returncode == 2 and "run it as root" in run.stderr


def test_unit_has_what_a_council_service_needs():
    # Hardened systemd unit: network-online, state directory, user, secrets file, umask.
    unit = (ROOT / "deploy" / "intake.service").read_text()
    for line in ("Wants=network-online.target", "After=network-online.target", "User=intake", "StateDirectory=intake",
                 "WorkingDirectory=/var/lib/intake", "EnvironmentFile=/etc/intake/secrets.env",
                 "Environment=INTAKE_CONFIG=/etc/intake/config.toml", "ExecStart=/opt/intake/venv/bin/intake run",
                 "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "UMask=0077",
                 "WantedBy=multi-user.target"):
        assert re.search(rf"^{re.escape(line)}$", unit, re.M), line


def test_secrets_env_names_every_secret_the_config_can_name():
    # Every *_env setting's default variable is in deploy/secrets.env (and nothing else is); a setting with no
    # default variable (oauth2.client_key_passphrase_env) names one only when the operator chooses to.
    names = {f.default for cls in config_mod.SECTIONS.values() for f in dataclasses.fields(cls)
             if f.name.endswith("_env") and f.default}
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / "deploy" / "secrets.env").read_text(), re.M))
    assert names == listed == {"INTAKE_IMAP_PASSWORD", "INTAKE_SMTP_PASSWORD", "INTAKE_OAUTH_CLIENT_SECRET",
                               "INTAKE_COMMAND_SECRET"}


def test_install_docs_give_the_commands_the_installer_runs():
    # The README's install section and docs/install.md say the same steps as deploy/install, as root without sudo.
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    page = (ROOT / "docs" / "install.md").read_text()
    for command in ("deploy/install\n",
                    "/opt/intake/venv/bin/intake --config /etc/intake/config.toml check --strict --as-user intake "
                    "--env-file /etc/intake/secrets.env", "systemctl enable --now intake"):
        assert command in section and command in page, command
    blocks = "".join(re.findall(r"^```sh\n(.*?)^```", section + page, re.M | re.S))
    assert blocks and not re.search(r"\bsudo\b", blocks)
    script = (ROOT / "deploy" / "install").read_text()
    assert "useradd --system --user-group --home-dir /var/lib/intake --no-create-home --shell /usr/sbin/nologin" in script
    assert "check --strict --as-user" in script


def test_relative_paths_land_in_data_dir_not_beside_the_config(tmp_path):
    # [storage] data_dir = "/var/lib/intake": the database and files go there, not to /etc/intake/var.
    raw = {"people": {"manager": "m@x.gov.uk", "chair": "c@x.gov.uk"}, "storage": {"data_dir": str(tmp_path / "data")}}
    cfg = config_mod.from_dict(raw, base_dir=Path("/etc/intake"))
    assert cfg.database_url == f"sqlite:///{tmp_path}/data/var/intake.db"
    assert cfg.resolve(cfg.storage.path) == tmp_path / "data/var/files"
    assert cfg.resolve("/srv/outbox") == Path("/srv/outbox")
    assert config_mod.from_dict({**raw, "storage": {}}, base_dir=tmp_path).resolve("var/files") == tmp_path / "var/files"


@pytest.mark.parametrize("value, flagged", [
    ("safeguarding.manager@example.gov.uk", True), ("sirg.chair@example.police.uk", True),
    ("Referrals <referrals@example.org>", True), ("<directory (tenant) id>", True),
    ("referrals@yourcouncil.gov.uk", True), ("LSCP Referrals <referrals@liverpool.gov.uk>", False),
    ("manager@counterexample.gov.uk", False),
])
def test_check_flags_placeholder_values(value, flagged):
    # Example addresses and <...> placeholders left in the config are named by `intake check`.
    assert bool(checks.PLACEHOLDER.search(value)) is flagged


def test_check_as_root_against_another_users_data_dir_is_refused(tmp_path):
    # Root running `intake check` where the data directory is the service user's: refused, with what to run.
    if not IS_ROOT:
        pytest.skip("needs root to chown the data directory to another user")
    data = tmp_path / "data"
    data.mkdir()
    os.chown(data, pwd.getpwnam("nobody").pw_uid, -1)
    cfg = config_mod.from_dict({"people": {"manager": "m@x.gov.uk", "chair": "c@x.gov.uk"},
                                "storage": {"data_dir": str(data)}}, base_dir=tmp_path)
    assert checks.root_refusal(cfg) == (f"running as root would create files in {data} that the service user nobody "
                                        "could not write; run: intake check --as-user nobody")
    os.chown(data, 0, -1)
    assert checks.root_refusal(cfg) is None


def test_env_file_is_read_like_systemd(tmp_path, monkeypatch):
    # KEY=VALUE lines, comments and blanks skipped, optional quotes removed.
    f = tmp_path / "secrets.env"
    f.write_text("# c\n\nINTAKE_T1=abc\nINTAKE_T2=\"x y\"\nexport INTAKE_T3='z'\nINTAKE_T4=\n")
    for k in ("INTAKE_T1", "INTAKE_T2", "INTAKE_T3", "INTAKE_T4"):
        monkeypatch.delenv(k, raising=False)
    assert checks.read_env_file(str(f)) == ["INTAKE_T1", "INTAKE_T2", "INTAKE_T3", "INTAKE_T4"]
    assert (os.environ["INTAKE_T1"], os.environ["INTAKE_T2"], os.environ["INTAKE_T3"], os.environ["INTAKE_T4"]) == \
        ("abc", "x y", "z", "")
    for k in ("INTAKE_T1", "INTAKE_T2", "INTAKE_T3", "INTAKE_T4"):
        monkeypatch.delenv(k)


def test_check_says_when_emailed_commands_are_on_or_off(tmp_path, monkeypatch, capsys):
    # The command secret (16+ characters) switches emailed commands on; `intake check` says which.
    cfg = config_mod.from_dict({"people": {"manager": "m@liverpool.gov.uk", "chair": "c@liverpool.gov.uk"},
                                "smtp": {"from": "R <r@liverpool.gov.uk>"},
                                "organisation": {"name": "Liverpool Safeguarding Children Partnership"}}, base_dir=tmp_path)
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", "short")
    assert checks.run_checks(cfg) == 0
    out = capsys.readouterr().out
    assert "emailed commands: WARNING - off" in out and "placeholder" not in out
    monkeypatch.setenv("INTAKE_COMMAND_SECRET", secrets.token_hex(32))
    assert checks.run_checks(cfg) == 0
    assert "emailed commands: ok (on: INTAKE_COMMAND_SECRET is set)" in capsys.readouterr().out


def test_database_url_whose_driver_is_missing_is_one_sentence(tmp_path, capsys, monkeypatch):
    # A PostgreSQL URL without psycopg installed: exit 2, one line naming the driver, no ModuleNotFoundError.
    # (The test extra installs psycopg: it is hidden here, as on an installation without the postgres extra.)
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    from intake.cli.program import main

    cfg = tmp_path / "config.toml"
    cfg.write_text('[people]\nmanager = "m@a.gov.uk"\nchair = "c@a.gov.uk"\n'
                   '[database]\nurl = "postgresql+psycopg://intake@127.0.0.1:5432/intake"\n')
    assert main(["--config", str(cfg), "referrals"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("intake: configuration error: database.url needs the Python driver 'psycopg', which is not "
                   "installed; install it into the program's environment (pip install 'referral-intake[postgres]') "
                   "or use a sqlite:/// URL")


def test_check_warns_when_the_database_was_behind_the_latest_migration(tmp_path, capsys):
    # A database at an older schema (the package upgraded, the service not restarted): check migrates and says so.
    from alembic import command
    from alembic.script import ScriptDirectory

    from intake.store.db import alembic_config, open_database

    cfg = config_mod.from_dict({"people": {"manager": "m@liverpool.gov.uk", "chair": "c@liverpool.gov.uk"}},
                               base_dir=tmp_path)
    engine = open_database(cfg.database_url)
    with engine.begin() as conn:
        acfg = alembic_config(cfg.database_url)
        acfg.attributes["connection"] = conn
        command.downgrade(acfg, "-1")
    engine.dispose()
    script = ScriptDirectory.from_config(alembic_config(cfg.database_url))
    head = script.get_current_head()
    previous = script.get_revision(head).down_revision
    assert checks.run_checks(cfg) == 0
    out = capsys.readouterr().out
    assert f"database: WARNING - it was at schema {previous}, not the latest ({head}); it has been brought up to date" in out
    assert checks.run_checks(cfg) == 0 and "database: WARNING" not in capsys.readouterr().out


def test_check_warns_about_paths_the_unit_would_not_let_the_service_write(tmp_path, capsys):
    # ProtectSystem=strict: only the state directory is writable; a storage path elsewhere is named, with the fix.
    cfg = config_mod.from_dict({"people": {"manager": "m@liverpool.gov.uk", "chair": "c@liverpool.gov.uk"},
                                "storage": {"data_dir": str(tmp_path / "data"), "path": str(tmp_path / "elsewhere")}},
                               base_dir=tmp_path)
    checks.run_checks(cfg)
    out = capsys.readouterr().out
    assert f"paths: WARNING - storage {tmp_path / 'elsewhere'} outside the data directory {tmp_path / 'data'}" in out
    assert "ReadWritePaths=" in out and "Maildir" not in out.split("paths: WARNING")[1].split("\n")[0]
