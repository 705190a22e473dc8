"""Real servers for the tests: a throwaway Dovecot (IMAP, plain + TLS) and aiosmtpd (STARTTLS + AUTH).

Recipes from shared/TESTING.md. Everything lives in one 0755 directory under /tmp.
"""

from __future__ import annotations

import ctypes
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import warnings

warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
instance_name = dovecot-test-{port}
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
ssl_min_protocol = TLSv1.2
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login{oauth_mechs}
auth_username_format = %Ln
mail_location = maildir:~/Maildir
mail_fsync = never
first_valid_uid = 1
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  mail_max_userip_connections = 100
}}
{oauth_passdb}passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pdeathsig():
    try:
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)
    except OSError:
        pass


def make_cert(directory: Path) -> None:
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout",
                    str(directory / "key.pem"), "-out", str(directory / "cert.pem"), "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], check=True, capture_output=True)


def dovecot_available() -> str | None:
    """None when Dovecot can run here, else the reason it cannot."""
    if not shutil.which("dovecot"):
        return "dovecot is not installed (apt-get install dovecot-imapd)"
    try:
        pwd.getpwnam("dovecot")
    except KeyError:
        return "the dovecot user does not exist"
    if os.geteuid() != 0:
        return "Dovecot fixture needs root here (see TESTING.md for the non-root recipe)"
    return None


@dataclass
class Dovecot:
    directory: Path
    port: int
    tls_port: int
    user: str = "referrals"
    password: str = "s3cret"
    proc: subprocess.Popen | None = None
    introspection_url: str | None = None

    @property
    def cafile(self) -> str:
        return str(self.directory / "cert.pem")

    def start(self) -> None:
        d = self.directory
        dv = pwd.getpwnam("dovecot")
        oauth_passdb, oauth_mechs = "", ""
        if self.introspection_url:
            (d / "dovecot-oauth2.conf.ext").write_text(
                f"introspection_url = {self.introspection_url}\nintrospection_mode = post\n"
                "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
                "force_introspection = yes\n")
            oauth_passdb = f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {d}/dovecot-oauth2.conf.ext\n}}\n"
            oauth_mechs = " xoauth2 oauthbearer"
        (d / "dovecot.conf").write_text(DOVECOT_CONF.format(d=d, port=self.port, tls_port=self.tls_port,
                                                             uid=dv.pw_uid, gid=dv.pw_gid, oauth_passdb=oauth_passdb,
                                                             oauth_mechs=oauth_mechs))
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", str(d / "dovecot.conf")], preexec_fn=_pdeathsig,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("Dovecot did not start: " + (d / "dovecot.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None

    def restart(self) -> None:
        """Stop the server and every session it serves (as a crash or reboot would), then start it."""
        self.stop()
        subprocess.run(["pkill", "-KILL", "-f", f"dovecot-test-{self.port}/"], capture_output=True)
        self.start()

    def client(self):
        import imapclient

        c = imapclient.IMAPClient("127.0.0.1", port=self.port, ssl=False)
        c.login(self.user, self.password)
        return c

    def reset_mailbox(self) -> None:
        """Empty every folder of the test user (between tests)."""
        c = self.client()
        try:
            for flags, delim, name in c.list_folders():
                c.select_folder(name)
                uids = c.search(["ALL"])
                if uids:
                    c.delete_messages(uids)
                    c.expunge()
        finally:
            c.logout()

    def append(self, raw: bytes, folder: str = "INBOX", when=None) -> None:
        """APPEND; ``when`` sets the INTERNALDATE (the arrival time). Dovecot ignores a time in the future."""
        c = self.client()
        try:
            c.append(folder, raw, msg_time=when)
        finally:
            c.logout()

    def count(self, folder: str) -> int:
        c = self.client()
        try:
            if not c.folder_exists(folder):
                return 0
            return len(c.select_folder(folder, readonly=True) and c.search(["ALL"]))
        finally:
            c.logout()


def start_dovecot(introspection_url: str | None = None) -> Dovecot:
    d = Path(tempfile.mkdtemp(prefix="intake-dovecot-", dir="/tmp"))
    os.chmod(d, 0o755)
    make_cert(d)
    dv = pwd.getpwnam("dovecot")
    (d / "home").mkdir()
    os.chown(d / "home", dv.pw_uid, dv.pw_gid)
    (d / "passwd").write_text("referrals:{PLAIN}s3cret\n")
    server = Dovecot(d, free_port(), free_port(), introspection_url=introspection_url)
    server.start()
    return server


# -- SMTP ----------------------------------------------------------------------------------------

@dataclass
class SmtpRecorder:
    """aiosmtpd handler: records messages; can answer scripted codes (e.g. 451 then 250)."""
    messages: list = field(default_factory=list)
    script: list = field(default_factory=list)   # codes to answer for the next DATA commands
    logins: list = field(default_factory=list)
    refuse: set = field(default_factory=set)     # recipients answered 550 at RCPT (a full or disabled mailbox)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.script:
            code = self.script.pop(0)
            if code == 451:
                return "451 4.3.0 Try again later"
            if code == 550:
                return "550 5.1.1 Mailbox unavailable"
            if code == 421:
                return "421 4.3.2 Service shutting down"
        from email import message_from_bytes
        from email.policy import default

        self.messages.append({"at": time.time(), "from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "msg": message_from_bytes(envelope.original_content or envelope.content, policy=default)})
        return "250 OK"


class Smtp:
    def __init__(self, directory: Path, user: str = "referrals", password: str = "mailpass", xoauth2=None,
                 oauthbearer: bool = False):
        """xoauth2: optional callable(user, token) -> bool; offers AUTH XOAUTH2 with long-line limits."""
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP as BaseSMTP, AuthResult

        self.port = free_port()
        self.handler = SmtpRecorder()
        self.cafile = str(directory / "cert.pem")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(directory / "cert.pem"), str(directory / "key.pem"))
        self.user, self.password = user, password

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            self.handler.logins.append((auth_data.login.decode(), ok))
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        if xoauth2 is not None:
            import base64

            recorder = self.handler

            async def auth_XOAUTH2(server, args):
                blob = args[1] if len(args) > 1 else None
                if blob is None:
                    raw = await server.challenge_auth("")
                else:
                    raw = base64.b64decode(blob)
                text = raw.decode(errors="replace") if isinstance(raw, bytes) else ""
                parts = dict(p.split("=", 1) for p in text.split("\x01") if "=" in p)
                who, token = parts.get("user", ""), parts.get("auth", "").removeprefix("Bearer ")
                ok = xoauth2(who, token)
                recorder.logins.append((who, ok))
                return AuthResult(success=ok, handled=False)

            self.handler.auth_XOAUTH2 = auth_XOAUTH2

            async def auth_OAUTHBEARER(server, args):
                raw = base64.b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
                text = raw.decode(errors="replace") if isinstance(raw, bytes) else ""
                gs2, _, rest = text.partition("\x01")
                who = gs2.split("a=", 1)[1].rstrip(",").replace("=2C", ",").replace("=3D", "=") if "a=" in gs2 else ""
                parts = dict(p.split("=", 1) for p in rest.split("\x01") if "=" in p)
                ok = xoauth2(who, parts.get("auth", "").removeprefix("Bearer "))
                recorder.logins.append((who, ok, "OAUTHBEARER"))
                return AuthResult(success=ok, handled=False)

            if oauthbearer:
                self.handler.auth_OAUTHBEARER = auth_OAUTHBEARER

        class LongLineSMTP(BaseSMTP):
            line_length_limit = 16384       # real OAuth2 tokens are 1.5-3 KB
            command_size_limit = 16384

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                import collections

                # aiosmtpd's per-command limits default to the base class's 512 bytes
                self.command_size_limits = collections.defaultdict(lambda: 16384)

        class LongLineController(Controller):
            def factory(self):
                return LongLineSMTP(self.handler, **self.SMTP_kwargs)

        self._make = lambda: LongLineController(self.handler, hostname="127.0.0.1", port=self.port, tls_context=context,
                                                require_starttls=True, authenticator=authenticator, auth_required=True)
        self.controller = self._make()
        self.controller.start()
        self.running = True

    def start(self) -> None:
        """Start again on the same port (after stop), with the same recorder."""
        if not self.running:
            self.controller = self._make()
            self.controller.start()
            self.running = True

    def stop(self) -> None:
        if self.running:
            self.controller.stop()
            self.running = False


def wait_for(predicate, timeout: float = 5.0) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


__all__ = ["start_dovecot", "Smtp", "dovecot_available", "wait_for", "threading"]


# -- configuration files pointing at these servers ------------------------------------------------

PARTNER_DOMAINS = ["liverpool.gov.uk", "merseyside.police.uk", "nhs.net", "alderhey.nhs.uk"]


def server_config(imap_port: int, imap_user: str, smtp_server: "Smtp", /, **sections) -> dict:
    """A configuration (as TOML data) for a real IMAP server on loopback and an aiosmtpd ``smtp``.
    Keyword arguments are sections whose keys are merged in (e.g. mailbox={"auth": "oauth2"})."""
    raw = {
        "people": {"manager": "manager@liverpool.gov.uk", "chair": "chair@merseyside.police.uk"},
        "mailbox": {"backend": "imap", "host": "127.0.0.1", "port": imap_port, "security": "none",
                    "username": imap_user},
        "smtp": {"backend": "smtp", "host": "127.0.0.1", "port": smtp_server.port, "security": "starttls",
                 "username": smtp_server.user, "cafile": smtp_server.cafile,
                 "from": "LSCP Referrals <referrals@liverpool.gov.uk>"},
        "database": {"url": "sqlite:///intake.db"},
        "storage": {"path": "files"},
        "policy": {"allowed_sender_domains": PARTNER_DOMAINS, "replies_per_sender_per_day": 1000},
    }
    for name, values in sections.items():
        raw.setdefault(name, {}).update(values)
    return raw


def to_toml(raw: dict) -> str:
    """Enough TOML for configuration files: tables of strings, numbers, booleans and string lists."""
    import json

    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, (list, tuple)):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(str(v))

    return "".join(f"[{name}]\n" + "".join(f"{k} = {value(v)}\n" for k, v in table.items()) + "\n"
                   for name, table in raw.items())


def write_server_config(path: Path, imap_port: int, imap_user: str, smtp_server: "Smtp", /, **sections) -> Path:
    path.write_text(to_toml(server_config(imap_port, imap_user, smtp_server, **sections)))
    return path
