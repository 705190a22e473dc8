"""Senders: the one-method port that puts a finished message on the wire.

``SmtpSender`` is the only module-level user of smtplib. ``DirectorySender``
(the embedded default) writes each message as an .eml file. Foreign exceptions
are translated at this edge: transient trouble -> DeliveryUnavailable,
a 5xx refusal -> PermanentDeliveryError; no connection or no login ->
SmtpServerUnavailable (a DeliveryUnavailable that is no message's fault).
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from pathlib import Path
from typing import Protocol

from intake.errors import DeliveryUnavailable, PermanentDeliveryError, SmtpServerUnavailable
from intake.mailbox.oauth import oauthbearer, provider_from_config, TokenAcquisitionError, xoauth2


class Sender(Protocol):
    def send(self, raw: bytes, sender: str, recipient: str, name: str) -> None: ...

    def close(self) -> None: ...


class DirectorySender:
    """Writes <name>.eml into a directory (atomically; an existing file is left as it is)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def send(self, raw: bytes, sender: str, recipient: str, name: str) -> None:
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        final = self.path / f"{name}.eml"
        tmp = self.path / f".{name}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o600)
        os.replace(tmp, final)

    def close(self) -> None:
        pass


def crlf(raw: bytes) -> bytes:
    """Every line ending (LF or CRLF) as CRLF; a lone CR stays as it is (what ``re.sub(rb"\r?\n", b"\r\n", raw)`` did,
    in two C-level passes instead of a regular expression over the whole email)."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class SmtpSender:
    """Sends over SMTP (tls | starttls | none, optional AUTH), one connection per delivery run."""

    def __init__(self, host: str, port: int, security: str, username: str = "", password: str = "",
                 timeout: float = 30.0, cafile: str | None = None, token_provider=None):
        self.host, self.port, self.security = host, port, security
        self.username, self.password, self.timeout = username, password, timeout
        self.cafile = cafile or None
        self.token_provider = token_provider
        self.used_mechanism: str | None = None
        self._conn: smtplib.SMTP | None = None

    @classmethod
    def from_config(cls, cfg, token_provider=None) -> "SmtpSender":
        s = cfg.smtp
        if s.auth == "oauth2" and token_provider is None:
            token_provider = provider_from_config(cfg)
        password = cfg.secret(s.password_env, "smtp.password_env") if s.username and s.auth != "oauth2" else ""
        return cls(s.host, s.port, s.security, s.username, password, s.timeout,
                   str(cfg.resolve(s.cafile)) if s.cafile else None, token_provider=token_provider)

    def _login(self, conn: smtplib.SMTP) -> None:
        if self.token_provider is None:
            conn.login(self.username, self.password)
            return

        conn.ehlo_or_helo_if_needed()
        offered = (conn.esmtp_features.get("auth") or "").upper().split()
        mechanism = "OAUTHBEARER" if "OAUTHBEARER" in offered else "XOAUTH2"  # RFC 7628 where offered
        build = oauthbearer if mechanism == "OAUTHBEARER" else xoauth2
        for refresh in (False, True):  # a refused token is retried once with a fresh one
            token = self.token_provider.token(refresh=refresh)
            try:
                conn.auth(mechanism, lambda challenge=None: build(self.username, token), initial_response_ok=True)
                self.used_mechanism = mechanism
                return
            except smtplib.SMTPAuthenticationError:
                if refresh:
                    raise

    def _connect(self) -> smtplib.SMTP:
        if self._conn is not None:
            return self._conn
        context = ssl.create_default_context(cafile=self.cafile)
        try:
            if self.security == "tls":
                conn = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.security == "starttls":
                    conn.starttls(context=context)
            # No Nagle delay: the last segment of a message's DATA otherwise waits for the server's delayed ACK
            # (~40 ms a message of tens of KB on Linux, most of a delivery run's time).
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.username:
                self._login(conn)
        except TokenAcquisitionError as exc:
            raise SmtpServerUnavailable(f"no OAuth2 token for the SMTP login: {exc}") from exc
        except smtplib.SMTPAuthenticationError as exc:
            if self.token_provider is not None:
                raise SmtpServerUnavailable(f"SMTP XOAUTH2 login to {self.host} as {self.username} was refused ({exc.smtp_code}) even with a fresh token; check that the app has SMTP.SendAsApp and SMTP AUTH is enabled for this mailbox") from exc
            raise SmtpServerUnavailable(f"SMTP login to {self.host} as {self.username} was refused ({exc.smtp_code}); check smtp.username and the password in the variable named by smtp.password_env") from exc
        except smtplib.SMTPResponseException as exc:
            raise SmtpServerUnavailable(f"the SMTP server {self.host} answered {exc.smtp_code}: {exc.smtp_error.decode(errors='replace')}") from exc
        except (OSError, socket.timeout, smtplib.SMTPException) as exc:
            raise SmtpServerUnavailable(f"cannot reach the SMTP server {self.host}:{self.port} ({exc.__class__.__name__}: {exc}); check smtp.host, smtp.port and smtp.security") from exc
        self._conn = conn
        return conn

    def send(self, raw: bytes, sender: str, recipient: str, name: str) -> None:
        conn = self._connect()
        raw = crlf(raw)  # SMTP lines end in CRLF; bytes are not converted by smtplib
        options = []
        if not (sender + recipient).isascii():
            if not conn.has_extn("smtputf8"):
                raise PermanentDeliveryError(f"the address {recipient!r} needs SMTPUTF8, which {self.host} does not offer")
            options = ["SMTPUTF8"]
        try:
            refused = conn.sendmail(sender, [recipient], raw, mail_options=options)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            self._raise_for(code, text)
        except smtplib.SMTPResponseException as exc:
            self._raise_for(exc.smtp_code, exc.smtp_error)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self.close()
            raise DeliveryUnavailable(f"connection to {self.host} lost while sending: {exc}") from exc
        if refused:
            code, text = next(iter(refused.values()))
            self._raise_for(code, text)

    def _raise_for(self, code: int, text: bytes | str) -> None:
        message = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        if 500 <= code < 600:
            raise PermanentDeliveryError(f"{code} {message}")
        self.close()
        raise DeliveryUnavailable(f"{code} {message}")

    def check(self) -> str:
        self._connect()
        return f"connected to {self.host}:{self.port}" + (f" and authenticated as {self.username}" if self.username else " (no AUTH)")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self._conn = None


def open_sender(cfg) -> Sender:
    if cfg.smtp.backend == "smtp":
        return SmtpSender.from_config(cfg)
    return DirectorySender(cfg.resolve(cfg.smtp.path))
