"""The install and operate commands of docs/install.md (and the README's install block), run as written (issue 26):
as root, with no sudo, in a temporary root against a real Dovecot (IMAP) and aiosmtpd (SMTP) on loopback.

Each `sh` line runs with only the paths moved under the temporary root and the service user renamed (a fresh user
per test). What a container cannot do is named in SKIPPED with the reason, and replaced by what it stands for:
`editor` by writing the settings of the page's own TOML example (pointed at the loopback servers), `systemctl
enable --now intake` by one `intake poll --once` as the service user after the test referral has arrived.
A line that is neither run nor skipped fails the test, so a new command in the docs is either run or explained."""

from __future__ import annotations

import email
import os
import pwd
import re
import shlex
import shutil
import subprocess
import tomllib
from email.policy import default as email_policy
from pathlib import Path

import pytest

from tests.servers import to_toml, wait_for
from tests.test_install import ROOT, install_root, service_venv  # noqa: F401 - install_root is a fixture

INSTALL_PAGE = ROOT / "docs" / "install.md"
SKIPPED = {
    "apt-get": "installs Debian packages; the test checks that each one named is installed here instead",
    "editor": "interactive; the test writes the settings the page's TOML example shows, pointed at the test servers",
    "systemctl": "no systemd in the test's root; `enable --now` is stood in for by one poll as the service user",
    "journalctl": "no systemd journal in the test's root",
}


def sh_lines(markdown: str) -> list[str]:
    """Every command line of the ```sh blocks, in order (comments after ' # ' dropped)."""
    out = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, re.M | re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def toml_example(markdown: str) -> dict:
    return tomllib.loads(re.search(r"^```toml\n(.*?)^```", markdown, re.M | re.S).group(1))


def moved(line: str, root: Path, user: str, reference: str | None) -> str:
    """The line as it runs in the temporary root: /etc/intake, /opt/intake and /var/lib/intake under ``root``, the
    user ``intake`` renamed, the reference the page uses replaced by the test referral's."""
    for path in ("/etc/intake", "/opt/intake", "/var/lib/intake"):
        line = line.replace(path, f"{root}{path}")
    line = line.replace("--as-user intake ", f"--as-user {user} ").replace("runuser -u intake ", f"runuser -u {user} ")
    if reference:
        line = line.replace("SIRG-2026-0001", reference)
    if line == "deploy/install":
        line = f"deploy/install --root {root} --user {user} --use-venv {root / 'prebuilt-venv'} --no-systemd"
    return line


def configure(root: Path, example: dict, imap, smtp, certfile: Path) -> None:
    """What `editor` stands for: the page's example settings, with the loopback servers' hosts and ports, the
    passwords in secrets.env."""
    config = root / "etc/intake/config.toml"
    raw = tomllib.loads(config.read_text())
    for section, values in example.items():
        raw.setdefault(section, {}).update(values)
    raw["mailbox"].update(host="127.0.0.1", port=imap.port, security="none")
    raw["smtp"].update(host="127.0.0.1", port=smtp.port, security="starttls", username=smtp.user, cafile=str(certfile))
    config.write_text(to_toml(raw))
    secrets = root / "etc/intake/secrets.env"
    text = secrets.read_text()
    text = text.replace("INTAKE_IMAP_PASSWORD=\n", f"INTAKE_IMAP_PASSWORD={imap.password}\n")
    text = text.replace("INTAKE_SMTP_PASSWORD=\n", f"INTAKE_SMTP_PASSWORD={smtp.password}\n")
    secrets.write_text(text)


def send_test_referral(imap, root: Path, sender: str, to: str) -> None:
    """What the page asks of the reader: email the referral mailbox the installed test form."""
    from intake.demo.forms import referral_email

    form = (root / "opt/intake/test-referral.docx").read_bytes()
    imap.append(referral_email(sender, to, "Test referral", [("test-referral.docx", form)]))


def test_install_page_commands_run_as_written_and_the_test_referral_is_acknowledged(install_root, imap, smtp,
                                                                                   certdir):
    # docs/install.md top to bottom in a temporary root: install; the strict check fails naming each setting; the
    # page's settings (pointed at Dovecot and aiosmtpd) and a command secret make it pass; --send-test reaches the
    # Manager; the test referral is acknowledged; the case is listed, shown and its clocks waived; an upgrade.
    root, user = install_root
    service_venv(root)
    page = INSTALL_PAGE.read_text()
    lines = sh_lines(page)
    assert not [line for line in lines if re.search(r"\bsudo\b", line)], "the page uses sudo"
    readme = (ROOT / "README.md").read_text().split("## Install", 1)[1].split("\n## ", 1)[0]
    assert set(sh_lines(readme)) <= set(lines), "the README's install commands are the page's"
    certfile = root / "smtp-ca.pem"
    shutil.copy(certdir / "cert.pem", certfile)
    certfile.chmod(0o644)
    example = toml_example(page)
    manager, mailbox = example["people"]["manager"], example["mailbox"]["username"]
    sender = f"it.service@{example['policy']['allowed_sender_domains'][0]}"
    reference = None
    checks_run = 0
    transcript = []
    for line in lines:
        program = shlex.split(line)[0]
        if program in SKIPPED:
            if program == "apt-get" and "install" in line:
                for package in shlex.split(line)[3:]:
                    assert subprocess.run(["dpkg", "-s", package], capture_output=True).returncode == 0, package
            if program == "editor":
                configure(root, example, imap, smtp, certfile)
            if line == "systemctl enable --now intake":
                send_test_referral(imap, root, sender, mailbox)
                service_env = dict(os.environ, **dict(line.split("=", 1) for line in (
                    root / "etc/intake/secrets.env").read_text().splitlines() if line and not line.startswith("#")))
                poll = subprocess.run(["runuser", "-u", user, "--", str(root / "opt/intake/venv/bin/intake"), "--config",
                                       str(root / "etc/intake/config.toml"), "poll", "--once"],
                                      capture_output=True, text=True, timeout=240, env=service_env)  # EnvironmentFile=
                assert poll.returncode == 0, poll.stdout + poll.stderr
                assert "referral=1" in poll.stdout, poll.stdout
                assert wait_for(lambda: any(sender in m["to"] for m in smtp.handler.messages), 10)
                ack = next(m["msg"] for m in smtp.handler.messages if sender in m["to"])
                reference = re.search(r"SIRG-\d{4}-\d{4}", ack["Subject"]).group(0)
            transcript.append(f"# skipped ({SKIPPED[program]}): {line}")
            continue
        command = moved(line, root, user, reference)
        run = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=300)
        transcript.append(f"$ {command}\n{run.stdout}{run.stderr}")
        output = run.stdout + run.stderr
        if " check " in command:
            checks_run += 1
            if checks_run == 1:  # the untouched configuration
                assert run.returncode == 1, output
                for part in ("mailbox: FAILED", "smtp: FAILED", "policy: FAILED", "placeholder: FAILED - people.manager",
                             "placeholder: FAILED - people.chair", "placeholder: FAILED - smtp.from",
                             "emailed commands: WARNING", "check: FAILED"):
                    assert part in output, part
                assert f"in [mailbox] of {root}/etc/intake/config.toml set backend = \"imap\"" in output
                continue
            assert "check: ok - nothing to change" in output, output
        assert run.returncode == 0, "\n".join(transcript)
        if "--send-test" in command:
            assert f"send-test: ok (sent to {manager}" in output
            test = next(m["msg"] for m in smtp.handler.messages if manager in m["to"])
            assert test["Subject"].startswith("Test email from the referral intake") and test["Auto-Submitted"]
        if re.search(r" referrals$", command):
            assert reference in output
        if re.search(r" referral SIRG-", command):
            assert f"{reference} (" in output and "Clocks" in output and "What happened" in output
    print("\n".join(transcript))
    assert checks_run == 3 and reference, "\n".join(transcript)
    assert any(" mark " in t and "--waive" in t for t in transcript)
