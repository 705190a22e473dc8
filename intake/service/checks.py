"""`intake check`: each part of the set-up reported ok / WARNING / FAILED, as the user the service runs as.

Exit status 0 only when nothing FAILED; a WARNING (emailed commands off, LibreOffice missing, a database that
needed migrating, running as root) does not stop the service but says what to fix, and ``--strict`` counts it as
a failure too (exit 1). In an installed configuration (``[storage] data_dir`` set, as deploy/install does, or
``--production``) what cannot work for real is FAILED, each with the line to change: a Maildir instead of the
referral mailbox, a directory of .eml files instead of an SMTP server, an empty list of allowed sender domains and
example values; elsewhere (the demo, a developer's config) those are WARNINGs.
Run as root, it either switches to the service user (``--as-user intake``) or, when the data directory
belongs to another user, refuses: files it created as root would be unwritable for the service.
``--send-test`` (intake.service.send_test) then sends the Manager one email through the configured SMTP server.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
from pathlib import Path

from intake.config import SECTIONS
from intake.errors import IntakeError
from intake.mailbox.imap_source import ImapMailSource
from intake.mailbox.maildir_source import MaildirSource
from intake.mailbox.oauth import credential_check, provider_from_config
from intake.store.db import alembic_config, make_engine, open_database, upgrade
from intake.store.models import OutboundEmail
from notifier.delivery import last_success, long_outage
from notifier.senders import SmtpSender

PLACEHOLDER = re.compile(r"(^|[@.\s<])example\.(gov\.uk|police\.uk|nhs\.net|org|com|net)\b|yourcouncil|^Example |<[^>@]*>",
                         re.I)
WALK_LIMIT = 20000  # entries looked at under one directory; enough for a partnership's years of referrals


class CheckRefused(Exception):
    """The check cannot be run like this (a usage error, exit 2); the message says what to run instead."""


def _owner(path: Path) -> str:
    uid = path.stat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _existing(path: Path) -> Path:
    """``path`` or its nearest existing ancestor (where it would be created)."""
    p = path
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def current_user() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def read_env_file(path: str) -> list[str]:
    """KEY=VALUE lines (systemd's EnvironmentFile) into the environment; returns the names set."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError as exc:
        raise CheckRefused(f"cannot read {path}: {exc.strerror}; check the path given to --env-file") from None
    names = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        key, value = key.removeprefix("export ").strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        os.environ[key] = value
        names.append(key)
    return names


def become(user: str) -> None:
    """Run the rest of the check as ``user`` (the service's User=), so that what it creates is theirs."""
    try:
        pw = pwd.getpwnam(user)
    except KeyError:
        raise CheckRefused(f"there is no user {user!r}; create the service user first (deploy/install does) "
                           "or name the user the service runs as") from None
    if os.geteuid() == pw.pw_uid:
        return
    if os.geteuid() != 0:
        raise CheckRefused(f"only root can check as {user}; run it as root or as {user} itself")
    os.initgroups(user, pw.pw_gid)
    os.setgid(pw.pw_gid)
    os.setuid(pw.pw_uid)
    os.environ.update(HOME=pw.pw_dir, USER=user, LOGNAME=user)


def service_user_of(cfg, config_path: str | None = None) -> str | None:
    """The user the service evidently runs as: the owner of the data directory (or of the folder it will be made
    in), else the group of a configuration file shared with a user of that name (deploy/install: root:intake)."""
    owner = _owner(_existing(cfg.data_dir))
    if owner != "root":
        return owner
    if config_path:
        try:
            group = grp.getgrgid(Path(config_path).stat().st_gid).gr_name
            if group != "root" and pwd.getpwnam(group):
                return group
        except (KeyError, OSError):
            pass
    return None


def root_refusal(cfg, config_path: str | None = None) -> str | None:
    """Running as root where the service runs as another user would leave root-owned files it cannot write: the
    sentence saying what to run instead, else None."""
    if os.geteuid() != 0:
        return None
    user = service_user_of(cfg, config_path)
    if user is not None:
        return (f"running as root would create files in {cfg.data_dir} that the service user {user} could not "
                f"write; run: intake check --as-user {user}")
    return None


def locations(cfg) -> list[tuple[str, Path, bool]]:
    """(name, path, is_file) of everything the service writes."""
    out = [("data directory", cfg.data_dir, False)]
    url = cfg.database_url
    if url.startswith("sqlite:///") and ":memory:" not in url:
        db = Path(url[len("sqlite:///"):])
        out += [("database", db, True)] + [(f"database {s}", Path(f"{db}{s}"), True) for s in ("-wal", "-shm")]
    out.append(("storage", cfg.resolve(cfg.storage.path), False))
    if cfg.mailbox.backend == "maildir":
        out.append(("Maildir", cfg.resolve(cfg.mailbox.path), False))
    if cfg.smtp.backend == "directory":
        out.append(("outbox", cfg.resolve(cfg.smtp.path), False))
    return out


def not_writable(path: Path, is_file: bool) -> Path | None:
    """The first thing under ``path`` the current user could not write (or read), or None when all is well.
    A path that does not exist yet is judged by the directory it would be created in."""
    if not path.exists():
        parent = _existing(path.parent)
        return None if os.access(parent, os.W_OK | os.X_OK) else parent
    if is_file:
        return None if os.access(path, os.R_OK | os.W_OK) else path
    if not os.access(path, os.R_OK | os.W_OK | os.X_OK):
        return path
    seen = 0
    for root, dirs, files in os.walk(path):
        for d in dirs:
            if not os.access(Path(root, d), os.R_OK | os.W_OK | os.X_OK):
                return Path(root, d)
        for f in files:
            p = Path(root, f)
            if not p.is_symlink() and not os.access(p, os.R_OK | os.W_OK):
                return p
        seen += len(dirs) + len(files)
        if seen > WALK_LIMIT:
            break
    return None


def placeholders(cfg) -> list[str]:
    """Settings still holding an example value ("key = value")."""

    found = []
    for section in SECTIONS:
        obj = getattr(cfg, section)
        for name, value in vars(obj).items():
            for v in (value if isinstance(value, list) else [value]):
                if isinstance(v, str) and PLACEHOLDER.search(v):
                    found.append(f"{section}.{name.rstrip('_')} = {v!r}")
                    break
    return found


class Tally:
    """Prints each line of the check and counts what FAILED and what was only a WARNING."""

    def __init__(self):
        self.failed: list[str] = []
        self.warned: list[str] = []

    def ok(self, name: str, detail: str) -> None:
        print(f"{name}: ok ({detail})")

    def fail(self, name: str, text: str) -> None:
        print(f"{name}: FAILED - {text}")
        self.failed.append(name)

    def warn(self, name: str, text: str) -> None:
        print(f"{name}: WARNING - {text}")
        self.warned.append(name)

    def run(self, name: str, fn) -> bool:
        try:
            detail = fn()
        except IntakeError as exc:
            self.fail(name, str(exc))
            return False
        except Exception as exc:  # noqa: BLE001
            self.fail(name, f"{exc.__class__.__name__}: {exc}")
            return False
        self.ok(name, detail)
        return True

    def exit_status(self, strict: bool) -> int:
        return 1 if self.failed or (strict and self.warned) else 0


def installed(cfg, production: bool = False) -> bool:
    """An installed configuration: deploy/install's (``[storage] data_dir`` set), or one checked ``--production``."""
    return production or bool(cfg.storage.data_dir)


def go_live_problems(cfg, config_path: str) -> list[tuple[str, str]]:
    """(part, sentence) for each setting a real service cannot run with, each naming the line to change in
    ``config_path``: a Maildir instead of the referral mailbox, a directory instead of an SMTP server, any sender
    accepted, example values. Pure: reads the configuration only."""
    where = lambda section: f"in [{section}] of {config_path}"  # noqa: E731
    out = []
    if cfg.mailbox.backend == "maildir":
        out.append(("mailbox", f'backend = "maildir" reads the folder {cfg.resolve(cfg.mailbox.path)}, which no mail '
                               f'server delivers to; {where("mailbox")} set backend = "imap" with host, username '
                               '(and the password in secrets.env; Microsoft 365: docs/microsoft-365.md)'))
    if cfg.smtp.backend == "directory":
        out.append(("smtp", f'backend = "directory" writes emails as files in {cfg.resolve(cfg.smtp.path)} and sends '
                            f'none; {where("smtp")} set backend = "smtp" with host, port, security, username and from'))
    if not cfg.policy.allowed_sender_domains:
        out.append(("policy", "allowed_sender_domains = [] accepts referrals from any sender, and answers them; "
                              f'{where("policy")} list your partners\' email domains, e.g. '
                              'allowed_sender_domains = ["yourcouncil.gov.uk", "nhs.net"]'))
    for item in placeholders(cfg):
        key = item.split(" = ", 1)[0]
        section, name = key.split(".", 1)
        out.append(("placeholder", f"{item} is an example value; {where(section)} set {name} to your "
                                   "partnership's own"))
    return out


def run_checks(cfg, now=None, *, production: bool = False, strict: bool = False, config_path: str = "the configuration file",
               env_file: str | None = None) -> int:
    user = current_user()
    results = []
    tally = Tally()
    _report = tally.run
    warn = tally.warn
    live = installed(cfg, production)
    problems = go_live_problems(cfg, config_path)
    if live:
        for name, text in problems:
            if name in ("mailbox", "smtp"):  # said below, in place of the connection line
                continue
            tally.fail(name, text)

    def files():
        bad_paths = []
        for _what, path, is_file in locations(cfg):
            bad = not_writable(path, is_file)
            if bad is not None and bad not in bad_paths:
                bad_paths.append(bad)
        if bad_paths:
            listed = ", ".join(f"{b} (owned by {_owner(b)})" for b in bad_paths[:3]) + (" ..." if len(bad_paths) > 3 else "")
            raise IntakeError(f"{user} cannot write {listed}; give the data to the service user: chown -R {user}: {cfg.data_dir}")
        return f"{user} can write the data directory {cfg.data_dir}, the database, storage" + \
            (", Maildir" if cfg.mailbox.backend == "maildir" else "") + (", outbox" if cfg.smtp.backend == "directory" else "")

    writable = _report("files", files)
    results.append(writable)

    migrated = {}

    def database():
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory


        url = cfg.database_url
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                before = MigrationContext.configure(conn).get_current_revision()
            head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
            upgrade(engine)
        finally:
            engine.dispose()
        migrated.update(before=before, head=head)
        return f"{engine.url.render_as_string(hide_password=True)} at the latest schema ({head})"

    db_ok = False
    if writable or not cfg.database_url.startswith("sqlite:///"):
        db_ok = _report("database", database)
        results.append(db_ok)
        if db_ok and migrated.get("before") not in (None, migrated.get("head")):
            warn("database", f"it was at schema {migrated['before']}, not the latest ({migrated['head']}); it has been "
                             "brought up to date now: restart the service so that the new version runs")
    else:
        print("database: FAILED - not opened, so that nothing is created that the service cannot write (see files)")
        results.append(False)

    if (cfg.mailbox.backend == "imap" and cfg.mailbox.auth == "oauth2") or (cfg.smtp.backend == "smtp" and cfg.smtp.auth == "oauth2"):
        def token():
            provider = provider_from_config(cfg)
            provider.token()
            return f"token acquired from {provider.authority} for {', '.join(provider.scopes)}"

        ok, line = credential_check(cfg, now)  # which credential, and a warning 30 days before it expires
        print(f"oauth2 credential: {line}")
        results.append(ok)
        if line.startswith("WARNING"):
            tally.warned.append("oauth2 credential")
        results.append(_report("oauth2 token", token))

    def mailbox():
        if cfg.mailbox.backend == "maildir":
            src = MaildirSource(cfg.resolve(cfg.mailbox.path))
            waiting = sum(1 for sub in ("new", "cur") for p in (src.path / sub).iterdir() if p.is_file())
            return f"Maildir {src.path} has {waiting} message(s) waiting"

        src = ImapMailSource.from_config(cfg)
        try:
            return src.check()
        finally:
            src.close()

    def smtp():
        if cfg.smtp.backend == "directory":
            path = cfg.resolve(cfg.smtp.path)
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not os.access(path, os.W_OK | os.X_OK):
                raise IntakeError(f"{user} cannot write {path}; chown -R {user}: {path}")
            return f"writing .eml files to {path}"

        sender = SmtpSender.from_config(cfg)
        try:
            return sender.check()
        finally:
            sender.close()

    def delivery():
        from datetime import datetime, timezone

        from sqlmodel import Session, select


        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            pending = len(s.exec(select(OutboundEmail.id).where(OutboundEmail.status == "pending")).all())
            failed = len(s.exec(select(OutboundEmail.id).where(OutboundEmail.status == "failed")).all())
            down = long_outage(s, now or datetime.now(timezone.utc))
        engine.dispose()
        if down:
            raise IntakeError(f"outgoing email has not been delivered since {down[0].astimezone(cfg.tz):%Y-%m-%d %H:%M} "
                              f"({pending} waiting; last error: {down[1]}); see intake outbox")
        return f"{pending} email(s) waiting, {failed} failed" + ("; see intake outbox --failed" if failed else "")

    def activity():
        from sqlmodel import Session


        engine = open_database(cfg.database_url)
        with Session(engine) as s:
            last = last_success(s)
        engine.dispose()
        return f"last successful poll {last['poll']}, reminder run {last['reminders']}, delivery {last['delivery']}"

    fake = {name: text for name, text in problems if name in ("mailbox", "smtp")}
    if writable:
        for name, fn in (("mailbox", mailbox), ("smtp", smtp)):
            if live and name in fake:
                tally.fail(name, fake[name])
                results.append(False)
            else:
                results.append(_report(name, fn))
        if db_ok:
            results += [_report("delivery", delivery), _report("service", activity)]
    else:
        print("mailbox, smtp: not checked until the files above are writable by the service user")

    outside = [f"{what} {path}" for what, path, _ in locations(cfg)
               if what != "data directory" and not what.startswith("database -") and not path.is_relative_to(cfg.data_dir)]
    if outside:
        warn("paths", f"{', '.join(outside)} outside the data directory {cfg.data_dir}: the systemd unit "
                      "(ProtectSystem=strict) lets the service write only its state directory; add ReadWritePaths= for "
                      "them (systemctl edit intake), or use paths relative to data_dir")
    if cfg.command_secret:
        print(f"emailed commands: ok (on: {cfg.commands.secret_env} is set)")
    else:
        where = env_file or "secrets.env"
        warn("emailed commands", f"off: {cfg.commands.secret_env} is not set (or is shorter than 16 characters), so "
                                 "replies from the Manager and Chair change nothing; to switch them on, set it in "
                                 f"{where}: {cfg.commands.secret_env}= followed by the output of openssl rand -hex 32")
    if not live:
        for name, text in problems:
            if name not in fake:
                warn(name, text)
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        warn("libreoffice", "not installed: legacy .doc and .rtf forms will go to review instead of being read; "
                            "apt-get install libreoffice-writer-nogui")
    status = 1 if not all(results) else tally.exit_status(strict)
    if tally.failed or tally.warned:
        to_change = len(tally.failed) + (len(tally.warned) if strict else 0)
        print(f"check: {'FAILED' if status else 'ok'} - {len(tally.failed)} FAILED, {len(tally.warned)} WARNING"
              + (" (--strict: warnings count)" if strict and tally.warned else "")
              + ("; change what is named above, then run the check again" if to_change else ""))
    else:
        print("check: ok - nothing to change")
    return status

