"""Configuration: one typed object loaded once from TOML.

Every setting is declared once below (section, name, type, default, help); the
loader rejects unknown keys with a hint, wrong types and bad values with one
sentence naming the key. Secrets are never in the file: the file names the
environment variable that holds each one. Relative paths (database, storage,
Maildir, outbox) are resolved against ``[storage] data_dir`` (the service's
/var/lib/intake); when it is empty, against the directory of the configuration
file (the demo and development configurations keep their files beside them).
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.errors import ConfigError
from intake.mailbox.oauth import national_cloud_mismatch
from notifier.deadlines import rules_from_config
from notifier.meetings import parse_dates, parse_rule
from parsers.vocabulary import field_path, normalise_label

REQUIRED = object()
log = logging.getLogger(__name__)


def setting(default: Any = REQUIRED, help: str = "", choices: tuple[str, ...] | None = None):
    """Declare one setting; ``help`` is shown in errors and kept in step with config.example.toml."""
    kwargs: dict[str, Any] = {"metadata": {"help": help, "choices": choices, "required": default is REQUIRED}}
    if isinstance(default, list):
        kwargs["default_factory"] = lambda d=default: list(d)
    elif default is REQUIRED:
        kwargs["default"] = None
    else:
        kwargs["default"] = default
    return field(**kwargs)


@dataclass
class Organisation:
    name: str = setting("Example Safeguarding Children Partnership", "the partnership's name, shown in emails")
    group: str = setting("Serious Incident Review Group", "the group that considers referrals")
    reference_prefix: str = setting("SIRG", "prefix of case references: SIRG-2026-0001")
    timezone: str = setting("Europe/London", "IANA timezone in which dates and working days are computed")
    panel_notification_url: str = setting("https://www.gov.uk/guidance/report-a-serious-child-safeguarding-incident",
                                          "where the Manager notifies the National Panel of a serious incident (C1): linked from the reminders")


@dataclass
class People:
    manager: str = setting(help="the Safeguarding Manager's email address (reminders, digest, every referral)")
    chair: str = setting(help="the Chair's email address (escalations, agenda summary)")
    manager_name: str = setting("the Safeguarding Manager", "how emails name the Manager (the Chair is told whom to contact)")
    support: str = setting("", "whom the Manager asks when replies to the bot are not read (e.g. the IT service desk's address)")
    deputy: str = setting("", "the Manager's deputy (optional): told, with the Chair, when the Manager's or the Chair's mail server refuses their alerts")
    service_desk: str = setting("", "the IT service desk's address (optional): told when the Manager's or the Chair's mail server refuses their alerts")
    rapid_review_panel: list[str] = setting([], "the Rapid Review panel's core members' email addresses: each is invited (with a calendar invitation) when a Rapid Review meeting is set")


@dataclass
class Mailbox:
    backend: str = setting("maildir", "where referrals arrive", ("imap", "maildir"))
    host: str = setting("", "IMAP server host name")
    port: int = setting(993, "IMAP server port")
    security: str = setting("tls", "IMAP transport security", ("tls", "starttls", "none"))
    auth: str = setting("password", "IMAP authentication", ("password", "oauth2"))
    username: str = setting("", "IMAP login name")
    password_env: str = setting("INTAKE_IMAP_PASSWORD", "environment variable holding the IMAP password")
    inbox: str = setting("INBOX", "folder the bot reads new mail from")
    processed_folder: str = setting("Processed", "folder for messages with a recorded outcome")
    review_folder: str = setting("Needs review", "folder for messages a person must look at")
    failed_folder: str = setting("Failed", "folder for messages the bot could not process (a bug)")
    path: str = setting("var/maildir", "Maildir directory, with backend = \"maildir\"")
    timeout: float = setting(30.0, "seconds to wait for the IMAP server")
    cafile: str = setting("", "CA bundle to trust for IMAP TLS (default: the system's)")
    idle: bool = setting(True, "with IMAP, wait in IDLE between polls so new mail is processed within seconds")
    idle_check: float | str = setting("auto", "with IDLE, also start IDLE again every this many seconds, so the server looks for new mail at once (0: wait for its notice; \"auto\": 0.1 on a Dovecot server, which gives its notice 0.5 s after mail arrives, 0 on any other, e.g. Microsoft 365, which throttles clients that send many commands)")


@dataclass
class Smtp:
    backend: str = setting("directory", "how mail leaves", ("smtp", "directory"))
    host: str = setting("", "SMTP server host name")
    port: int = setting(587, "SMTP server port")
    security: str = setting("starttls", "SMTP transport security", ("tls", "starttls", "none"))
    username: str = setting("", "SMTP login name; empty for no AUTH")
    password_env: str = setting("INTAKE_SMTP_PASSWORD", "environment variable holding the SMTP password")
    auth: str = setting("password", "SMTP authentication (with a username)", ("password", "oauth2"))
    from_: str = setting("Referrals <referrals@example.org>", "From address of every email the bot sends")
    path: str = setting("var/outbox", "directory for .eml files, with backend = \"directory\"")
    timeout: float = setting(30.0, "seconds to wait for the SMTP server")
    cafile: str = setting("", "CA bundle to trust for SMTP TLS (default: the system's)")
    max_attempts: int = setting(8, "delivery attempts before a message is marked failed")


@dataclass
class Database:
    url: str = setting("sqlite:///var/intake.db", "SQLAlchemy database URL")
    claim_lease: str = setting("5m", "how long a worker holds an inbound message, an outgoing email or the reminder run "
                                     "before another worker may take it over (after a crash, or when several `intake "
                                     "run` share this database); longer than limits.message_parse_seconds plus "
                                     "limits.parse_seconds")


@dataclass
class Storage:
    data_dir: str = setting("", "directory that relative paths in this file are resolved against (the service: "
                                "\"/var/lib/intake\"); empty: the directory of this file")
    path: str = setting("var/files", "directory for raw messages and attachments (mode 0700)")


@dataclass
class Schedule:
    poll_every: str = setting("2m", "how often `intake run` polls the mailbox (30s, 2m, 1h)")
    digest_at: str = setting("08:00", "local time of the Manager's daily digest on working days")
    remind_every: str = setting("15m", "how often `intake run` checks for due reminders")


@dataclass
class Policy:
    allowed_sender_domains: list[str] = setting([], "sender domains accepted (subdomains included); empty accepts any")
    replies_per_sender_per_day: int = setting(10, "cap on automatic replies to one sender (From address) in 24 hours")
    require_authentication: bool = setting(False, "senders count as allowed only when the receiving server's Authentication-Results header shows dmarc=pass for the From domain")
    authserv_id: str = setting("", "with require_authentication, trust only an Authentication-Results header from this server name (empty: the topmost header)")


@dataclass
class Limits:
    max_message_bytes: int = setting(30_000_000, "larger messages are kept for review, not parsed")
    max_attachment_bytes: int = setting(20_000_000, "larger attachments are not parsed")
    parse_seconds: int = setting(30, "wall-clock limit for parsing one file")
    parse_memory_mb: int = setting(512, "memory limit for parsing one file")
    max_forms_per_message: int = setting(10, "at most this many attached files are parsed per email (likely forms first); the rest are listed as not read")
    max_parts_per_message: int = setting(100, "at most this many attached files are taken from one email, counting those inside Outlook containers (winmail.dat, .msg), all opened in one sandboxed process within parse_seconds; containers beyond it are not opened")
    message_parse_seconds: int = setting(90, "time budget for reading all the files of one email (forms and action plans alike), checked before each file (so at most this plus parse_seconds); files left over are not read and the email can be reprocessed")


@dataclass
class Privacy:
    include_names: bool = setting(False, "put children's names in reminders and digests (off: references and initials only)")


@dataclass
class OAuth2:
    tenant: str = setting("", "Microsoft Entra tenant id or domain (with auth = \"oauth2\")")
    client_id: str = setting("", "application (client) id of the app registration")
    client_secret_env: str = setting("INTAKE_OAUTH_CLIENT_SECRET", "environment variable holding the app registration's client secret")
    authority_host: str = setting("https://login.microsoftonline.com", "identity provider host (national clouds: e.g. https://login.microsoftonline.us; then change scopes, mailbox.host and smtp.host too)")
    scopes: list[str] = setting(["https://outlook.office365.com/.default"], "scopes requested for IMAP and SMTP (national clouds: e.g. https://outlook.office365.us/.default)")
    cafile: str = setting("", "CA bundle to trust for the identity provider (default: the system's)")
    instance_discovery: bool = setting(True, "let msal check the authority with Microsoft's instance discovery (off for a private identity provider)")
    timeout: float = setting(30.0, "seconds to wait for the identity provider's token endpoint")
    client_certificate_path: str = setting("", "PEM file with the app's certificate and its private key, used instead of a client secret (not readable by other users)")
    client_key_path: str = setting("", "PEM file with the certificate's private key, when it is not in client_certificate_path")
    client_certificate_thumbprint: str = setting("", "the certificate's thumbprint as Entra shows it (default: computed from the certificate)")
    client_key_passphrase_env: str = setting("", "environment variable holding the private key's passphrase, if the key is encrypted")
    credential_expires: str = setting("", "DATE (YYYY-MM-DD) the client secret expires: `intake check`, `intake status` and the log warn 30 days before (a certificate's own expiry date is read from it)")
    proxy: str = setting("", "HTTP proxy for the identity provider, e.g. \"http://proxy.example.gov.uk:8080\" (default: HTTPS_PROXY and NO_PROXY from the environment); IMAP and SMTP always connect directly")


@dataclass
class Notifications:
    combine: bool = setting(True, "one morning briefing a day carries the Manager's reminders, and the Chair gets at most one escalation email a day; false: one email per reminder and per escalation")
    attach_form_to_manager: bool = setting(True, "attach the original referral form to the Manager's new-referral email")


@dataclass
class Meetings:
    dates: list[str] = setting([], "dates of the group's meetings, like \"2027-01-12\"; the Chair gets the meeting pack 5 working days before each")
    rule: str = setting("", "or a rule for every month, like \"second Tuesday\" (first, second, third, fourth or last, then a weekday)")
    time: str = setting("10:00", "local time the meeting starts, for the calendar invitation in the meeting pack")
    minutes: int = setting(120, "how long the meeting lasts, for the calendar invitation")
    place: str = setting("", "where the group's monthly meeting is held, for the meeting pack's calendar file")
    location: str = setting("", "where Rapid Review meetings are held: a room, or the Teams link (REQUIRED when people.rapid_review_panel is set; the calendar invitation's LOCATION)")


@dataclass
class Commands:
    secret_env: str = setting("INTAKE_COMMAND_SECRET", "environment variable holding the secret that signs reply tokens; unset: emailed commands are refused")
    token_days: int = setting(14, "days a reply token in a reminder, escalation or digest stays valid")


@dataclass
class Actions:
    remind_before: int = setting(5, "working days before an action's target date that its owner is reminded")
    overdue_every: int = setting(5, "working days between reminders to an owner while an action is overdue")


@dataclass
class ReportSettings:
    protection_interval: int = setting(3, "the annual report hides small counts so that none can be narrowed, by any arithmetic on what it publishes, to fewer than this many possible values (2 to 4; \"<5\" itself is 4 values)")


@dataclass
class Health:
    max_poll_age: str = setting("2h", "`intake status` exits 1 when the mailbox has not been checked successfully for longer than this (30m, 2h)")


@dataclass
class Config:
    organisation: Organisation
    people: People
    mailbox: Mailbox
    smtp: Smtp
    database: Database
    storage: Storage
    schedule: Schedule
    policy: Policy
    limits: Limits
    privacy: Privacy
    commands: Commands
    oauth2: OAuth2
    notifications: Notifications = field(default_factory=Notifications)
    meetings: Meetings = field(default_factory=Meetings)
    health: Health = field(default_factory=Health)
    actions: Actions = field(default_factory=Actions)
    report: ReportSettings = field(default_factory=ReportSettings)
    agencies: dict = field(default_factory=dict)     # agency name -> its lead's email (action plan reminders)
    agency_domains: dict = field(default_factory=dict)   # agency name -> its email domains (the annual report)
    deadlines: dict = field(default_factory=dict)
    vocabulary: dict = field(default_factory=dict)   # a partnership's own form wordings -> record fields
    base_dir: Path = field(default_factory=Path.cwd)
    secrets_file: str = ""   # the KEY=VALUE file the secrets were read from (`intake check --env-file`), for advice

    # -- derived values -------------------------------------------------
    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.organisation.timezone)

    @property
    def data_dir(self) -> Path:
        """Where relative paths land: ``[storage] data_dir`` (relative to the configuration file's directory),
        else the configuration file's directory."""
        if not self.storage.data_dir:
            return self.base_dir
        p = Path(self.storage.data_dir).expanduser()
        return p if p.is_absolute() else (self.base_dir / p)

    def resolve(self, path: str) -> Path:
        p = Path(path).expanduser()
        return p if p.is_absolute() else (self.data_dir / p)

    @property
    def database_url(self) -> str:
        url = self.database.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
            return prefix + str(self.resolve(url[len(prefix):]))
        return url

    @property
    def command_secret(self) -> str | None:
        """The reply-token secret, or None when emailed commands are not enabled."""
        value = os.environ.get(self.commands.secret_env)
        return value if value and len(value) >= 16 else None

    def secret(self, env_name: str, what: str) -> str:
        value = os.environ.get(env_name)
        if not value:
            if self.secrets_file:
                raise ConfigError(f"{what}: {env_name} is not set in {self.secrets_file}; set it there "
                                  f"({env_name}=the secret, on its own line), then run the check again")
            raise ConfigError(f"{what}: environment variable {env_name} is not set; for the service, set it in its "
                              f"secrets file (/etc/intake/secrets.env, the unit's EnvironmentFile=); for a command run "
                              "by hand, export it first")
        return value


SECTIONS: dict[str, type] = {
    "organisation": Organisation, "people": People, "mailbox": Mailbox, "smtp": Smtp,
    "database": Database, "storage": Storage, "schedule": Schedule, "policy": Policy,
    "limits": Limits, "privacy": Privacy, "commands": Commands, "oauth2": OAuth2,
    "notifications": Notifications, "meetings": Meetings, "health": Health, "actions": Actions,
    "report": ReportSettings,
}
FREE_SECTIONS = {"deadlines", "vocabulary", "agencies"}  # validated by their own module


def toml_name(f: dataclasses.Field) -> str:
    return f.name.rstrip("_")


def parse_duration(text: str, key: str) -> float:
    """'90s', '2m', '1h', '1h30m' -> seconds."""
    m = re.fullmatch(r"\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*", text or "")
    if not text or not m or not any(m.groups()):
        raise ConfigError(f"{key} = {text!r} is not a duration; write it like \"30s\", \"2m\" or \"1h\"")
    h, mi, s = (int(g or 0) for g in m.groups())
    seconds = h * 3600 + mi * 60 + s
    if seconds <= 0:
        raise ConfigError(f"{key} must be longer than zero")
    return float(seconds)


def _check_type(key: str, value: Any, annotation: str) -> Any:
    expected = {"str": str, "int": int, "float": (int, float), "bool": bool, "list[str]": list,
                "float | str": (int, float, str)}[annotation]
    if annotation in ("int", "float", "float | str") and isinstance(value, bool):
        raise ConfigError(f"{key} must be a number, not {value!r}")
    if not isinstance(value, expected):
        names = {"str": "a string", "int": "a whole number", "float": "a number", "bool": "true or false", "list[str]": "a list of strings",
                 "float | str": "a number or a word"}
        raise ConfigError(f"{key} must be {names[annotation]}, not {value!r}")
    if annotation == "list[str]" and not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return float(value) if annotation == "float" or annotation == "float | str" and not isinstance(value, str) else value


def _build_section(name: str, cls: type, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] must be a table of settings")
    fields = {toml_name(f): f for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in fields:
            hint = difflib.get_close_matches(key, fields, n=1)
            also = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(fields)}"
            raise ConfigError(f"unknown key {name}.{key}{also}")
    values = {}
    for tname, f in fields.items():
        key = f"{name}.{tname}"
        if tname in raw:
            value = _check_type(key, raw[tname], str(f.type))
            choices = f.metadata.get("choices")
            if choices and value not in choices:
                raise ConfigError(f"{key} = {value!r} is not allowed; use one of {', '.join(repr(c) for c in choices)}")
            values[f.name] = value
        elif f.metadata.get("required"):
            raise ConfigError(f"{key} is required: {f.metadata['help']}")
    return cls(**values)


def _validate(cfg: Config) -> None:
    try:
        ZoneInfo(cfg.organisation.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"organisation.timezone = {cfg.organisation.timezone!r} is not a known timezone; use e.g. \"Europe/London\"") from None
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", cfg.organisation.reference_prefix):
        raise ConfigError("organisation.reference_prefix must be 2-10 capital letters or digits, starting with a letter, e.g. \"SIRG\"")
    for key in ("manager", "chair"):
        if "@" not in getattr(cfg.people, key):
            raise ConfigError(f"people.{key} must be an email address")
    for key in ("deputy", "service_desk"):
        value = getattr(cfg.people, key)
        if value and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", value.strip()):
            raise ConfigError(f"people.{key} = {value!r} is not an email address; give an address like "
                              "\"deputy.manager@example.gov.uk\", or leave it out")
    for key in ("remind_before", "overdue_every"):
        if not 1 <= getattr(cfg.actions, key) <= 60:
            raise ConfigError(f"actions.{key} must be a number of working days from 1 to 60")
    if not 2 <= cfg.report.protection_interval <= 4:
        raise ConfigError("report.protection_interval must be 2, 3 or 4: a count shown as \"<5\" can be 1 to 4, so "
                          "no count can be kept to more than 4 possible values")
    if cfg.people.rapid_review_panel and not (cfg.meetings.location or cfg.meetings.place).strip():
        raise ConfigError("meetings.location is required with people.rapid_review_panel: give the room or the Teams "
                          "link, e.g. location = \"Room 2, Cunard Building\", so that the invitations say where to go")
    for member in cfg.people.rapid_review_panel:
        if not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", member.strip()):
            raise ConfigError(f"people.rapid_review_panel lists {member!r}, which is not an email address; list addresses "
                              "like \"named.nurse@nhs.net\"")
    if cfg.mailbox.backend == "imap":
        for key in ("host", "username"):
            if not getattr(cfg.mailbox, key):
                raise ConfigError(f"mailbox.{key} is required with mailbox.backend = \"imap\"")
    uses_oauth = (cfg.mailbox.backend == "imap" and cfg.mailbox.auth == "oauth2") or (
        cfg.smtp.backend == "smtp" and cfg.smtp.auth == "oauth2")
    if uses_oauth:
        for key in ("tenant", "client_id"):
            if not getattr(cfg.oauth2, key):
                raise ConfigError(f"oauth2.{key} is required with auth = \"oauth2\"")
        _validate_oauth2(cfg)
        if cfg.smtp.auth == "oauth2" and cfg.smtp.backend == "smtp" and not cfg.smtp.username:
            raise ConfigError("smtp.username is required with smtp.auth = \"oauth2\" (the mailbox address to send as)")
    if cfg.smtp.backend == "smtp" and not cfg.smtp.host:
        raise ConfigError("smtp.host is required with smtp.backend = \"smtp\"")
    if "@" not in cfg.smtp.from_:
        raise ConfigError("smtp.from must be an email address, e.g. \"LSCP Referrals <referrals@example.org>\"")
    if cfg.mailbox.idle_check != "auto" and not (not isinstance(cfg.mailbox.idle_check, str) and cfg.mailbox.idle_check >= 0):
        raise ConfigError("mailbox.idle_check must be \"auto\", 0 (off) or a number of seconds, e.g. 0.1")
    for sect in ("mailbox", "smtp", "oauth2"):
        if not getattr(cfg, sect).timeout > 0:
            raise ConfigError(f"{sect}.timeout must be a number of seconds greater than zero (every network call has a timeout)")
    for key in ("port",):
        for sect in ("mailbox", "smtp"):
            port = getattr(getattr(cfg, sect), key)
            if not 0 < port < 65536:
                raise ConfigError(f"{sect}.port = {port} is not a TCP port (1-65535)")
    for key in ("max_message_bytes", "max_attachment_bytes", "parse_seconds", "parse_memory_mb",
                "max_forms_per_message", "max_parts_per_message", "message_parse_seconds"):
        if getattr(cfg.limits, key) < 1:
            raise ConfigError(f"limits.{key} must be at least 1")
    lease = parse_duration(cfg.database.claim_lease, "database.claim_lease")
    if lease <= cfg.limits.message_parse_seconds + cfg.limits.parse_seconds:
        raise ConfigError(f"database.claim_lease = {cfg.database.claim_lease!r} is not longer than one message's parse "
                          f"budget (limits.message_parse_seconds + limits.parse_seconds = "
                          f"{cfg.limits.message_parse_seconds + cfg.limits.parse_seconds} s): another worker would take "
                          "over messages still being read; make it a few minutes")
    parse_duration(cfg.schedule.poll_every, "schedule.poll_every")
    parse_duration(cfg.schedule.remind_every, "schedule.remind_every")
    if parse_duration(cfg.health.max_poll_age, "health.max_poll_age") < parse_duration(cfg.schedule.poll_every, "schedule.poll_every"):
        raise ConfigError(f"health.max_poll_age = {cfg.health.max_poll_age!r} is shorter than schedule.poll_every = "
                          f"{cfg.schedule.poll_every!r}: every healthy service would look stale; make it a few polls long")
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", cfg.schedule.digest_at):
        raise ConfigError(f"schedule.digest_at = {cfg.schedule.digest_at!r} must be a time like \"08:00\"")
    cfg.policy.allowed_sender_domains = [d.lower().lstrip("@").strip() for d in cfg.policy.allowed_sender_domains]

    rules_from_config(cfg.deadlines)  # [deadlines] is checked at start-up too, not first at reminder time

    parse_dates(cfg.meetings.dates, "meetings.dates")
    parse_rule(cfg.meetings.rule)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", cfg.meetings.time):
        raise ConfigError(f"meetings.time = {cfg.meetings.time!r} must be a time like \"10:00\"")
    if not cfg.database.url.split(":", 1)[0]:
        raise ConfigError("database.url must be a URL such as \"sqlite:///var/intake.db\"")


def _validate_oauth2(cfg: Config) -> None:
    from datetime import date

    o = cfg.oauth2
    if o.credential_expires:
        try:
            date.fromisoformat(o.credential_expires)
        except ValueError:
            raise ConfigError(f"oauth2.credential_expires = {o.credential_expires!r} is not a DATE; write it like "
                              "\"2027-03-31\" (the expiry date shown beside the secret in the app registration)") from None
    if o.proxy:
        m = re.fullmatch(r"(https?)://(?:([^@/]*)@)?[^/@:\s]+(:\d+)?/?", o.proxy)
        if not m:
            raise ConfigError(f"oauth2.proxy = {o.proxy!r} is not a proxy URL; write it like \"http://proxy.example.gov.uk:8080\"")
        if m.group(2):
            raise ConfigError("oauth2.proxy must not contain a user name or password (secrets stay out of the file); "
                              "put the full proxy URL in the HTTPS_PROXY environment variable instead")
    if o.client_certificate_thumbprint and not re.fullmatch(r"[0-9A-Fa-f]{40}", re.sub(r"[\s:]", "", o.client_certificate_thumbprint)):
        raise ConfigError("oauth2.client_certificate_thumbprint must be the 40 hexadecimal digits Entra shows under "
                          "Certificates & secrets (or leave it out: it is computed from the certificate)")

    mismatch = national_cloud_mismatch(cfg)
    if mismatch:
        raise ConfigError(mismatch)
    if o.client_key_path and not o.client_certificate_path:
        raise ConfigError("oauth2.client_key_path needs oauth2.client_certificate_path (the certificate it belongs to)")


def check_vocabulary(vocabulary: Any) -> None:
    """[vocabulary]: "Label as printed on your form" = "record.field"; every field must exist."""

    if not isinstance(vocabulary, dict):
        raise ConfigError("[vocabulary] must be a table of \"label wording\" = \"record field\" lines")
    for wording, public in vocabulary.items():
        if not isinstance(public, str):
            raise ConfigError(f"vocabulary.{wording!r} must be a record field name in quotes, e.g. \"children.name\"")
        if field_path(public) is None:
            raise ConfigError(f"vocabulary.{wording!r} = {public!r} is not a field of the referral record; "
                              "use e.g. \"children.name\", \"referrer.email\", \"incident.date\" (see docs/forms.md, "
                              "\"Teach it your form\")")
        if not normalise_label(wording):
            raise ConfigError(f"vocabulary.{wording!r} has no letters or digits to match a label")


AGENCY_EMAIL = re.compile(r"[^@\s<>]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def check_agencies(agencies: Any) -> dict[str, str]:
    """[agencies]: "Agency name as plans write it" = "lead@agency.example": who is reminded of an action whose
    owner has no email in an allowed domain. A partner may also be a table, { lead = "...", domains = [...] }, whose
    domains let the annual report recognise the partner's referrals by the sender's address."""
    if not isinstance(agencies, dict):
        raise ConfigError("[agencies] must be a table of \"agency name\" = \"lead's email\" lines")
    leads = {}
    for name, value in agencies.items():
        if isinstance(value, dict):
            unknown = set(value) - {"lead", "domains"}
            if unknown:
                raise ConfigError(f"agencies.{name!r} has unknown key {sorted(unknown)[0]!r}; known keys: lead, domains")
            domains = value.get("domains", [])
            if not isinstance(domains, list) or not all(isinstance(d, str) and re.fullmatch(
                    r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", d.strip()) for d in domains):
                raise ConfigError(f"agencies.{name!r}.domains must be a list of email domains, e.g. "
                                  "[\"merseyside.police.uk\"]")
            email = value.get("lead", "")
        else:
            email = value
        if not isinstance(email, str) or not AGENCY_EMAIL.fullmatch(email.strip()):
            raise ConfigError(f"agencies.{name!r} must be the email address of the agency's lead in quotes, "
                              "e.g. \"safeguarding.lead@nhs.net\"")
        if not re.search(r"[A-Za-z0-9]", name):
            raise ConfigError(f"agencies.{name!r} has no letters or digits to match an agency name")
        leads[name] = email.strip().lower()
    return leads


def agency_domains(agencies: dict) -> dict[str, list[str]]:
    """The email domains each partner agency was given in [agencies] (checked by ``check_agencies``)."""
    return {name: [d.strip().lower() for d in value.get("domains", [])]
            for name, value in agencies.items() if isinstance(value, dict)}


def from_dict(raw: dict, base_dir: Path | None = None) -> Config:
    """Build and validate a Config from a parsed TOML document."""
    for key in raw:
        if key not in SECTIONS and key not in FREE_SECTIONS:
            hint = difflib.get_close_matches(key, [*SECTIONS, *FREE_SECTIONS], n=1)
            raise ConfigError(f"unknown section [{key}]" + (f"; did you mean [{hint[0]}]?" if hint else ""))
    sections = {name: _build_section(name, cls, raw.get(name, {})) for name, cls in SECTIONS.items()}
    deadlines = raw.get("deadlines", {})
    if not isinstance(deadlines, dict):
        raise ConfigError("[deadlines] must be a table")
    if deadlines.get("meeting_dates"):
        log.warning("deadlines.meeting_dates is deprecated and still read: move its dates to [meetings] dates "
                    "(one list of the group's meeting dates), then remove it")
    vocabulary = raw.get("vocabulary", {})
    check_vocabulary(vocabulary)
    agencies = check_agencies(raw.get("agencies", {}))
    cfg = Config(**sections, deadlines=deadlines, vocabulary=vocabulary, agencies=agencies,
                 agency_domains=agency_domains(raw.get("agencies", {})), base_dir=base_dir or Path.cwd())
    _validate(cfg)
    return cfg


def load(path: str | os.PathLike) -> Config:
    """Load the configuration file at ``path`` or raise ConfigError with one plain sentence."""
    p = Path(path)
    try:
        text = p.read_bytes()
    except FileNotFoundError:
        example = example_path()
        start = f"copy {example} there" if example else "write one (every key: config.example.toml in the source)"
        raise ConfigError(f"no configuration file at {p}; {start}, or pass --config PATH (the installed service's "
                          "is /etc/intake/config.toml)") from None
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {p}: {exc.strerror}") from None
    try:
        raw = tomllib.loads(text.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p} is not valid TOML: {exc}") from None
    return from_dict(raw, base_dir=p.resolve().parent)


def example_path() -> Path | None:
    """The commented example configuration, where this installation has one: beside the program's virtual
    environment (deploy/install puts it in /opt/intake), or in the source checkout."""
    import sys

    for candidate in (Path(sys.prefix).parent / "config.example.toml",
                      Path(__file__).resolve().parents[1] / "config.example.toml"):
        if candidate.is_file():
            return candidate
    return None


def default_path() -> str:
    return os.environ.get("INTAKE_CONFIG") or "config.toml"
