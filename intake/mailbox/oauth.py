"""OAuth2 sign-in for Microsoft 365 (and any server speaking SASL XOAUTH2).

A token provider is asked for a token before every connection; the adapters
retry once with a fresh token when the server refuses it. The production
provider uses msal's client-credentials flow with msal's own in-memory cache:
no token is ever written to disk.

    provider = MsalTokenProvider(tenant, client_id, secret)   # or a certificate credential (below)
    token = provider.token()                 # cached until near expiry
    token = provider.token(refresh=True)     # after the server refused the last one

The app signs in with a client secret (from the environment) or a certificate
(a PEM file with its private key), described by a ``ClientCredential`` that
also knows when it expires: `intake check` and the log warn 30 days before.
Token requests go through ``oauth2.proxy`` or the HTTPS_PROXY / NO_PROXY
environment; IMAP and SMTP connections never use a proxy.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Protocol

from intake.errors import ConfigError, IntakeError

log = logging.getLogger(__name__)
DEFAULT_SCOPES = ("https://outlook.office365.com/.default",)
WARN_DAYS = 30  # warn this many days before the credential expires


# Microsoft's national clouds: the identity provider, the Exchange Online scope and the IMAP/SMTP hosts all
# change together (the README's "National clouds" table). Keyed by authority host.
WORLDWIDE = {"scope": "https://outlook.office365.com/.default", "imap": "outlook.office365.com",
             "smtp": "smtp.office365.com"}
NATIONAL_CLOUDS = {
    "login.microsoftonline.us": {
        "name": "US Government (GCC High)", "scope": "https://outlook.office365.us/.default",
        "imap": "outlook.office365.us", "smtp": "smtp.office365.us",
        "also": "DoD tenants use https://outlook-dod.office365.us/.default and outlook-dod.office365.us"},
    "login.chinacloudapi.cn": {
        "name": "China (operated by 21Vianet)", "scope": "https://partner.outlook.cn/.default",
        "imap": "partner.outlook.cn", "smtp": "smtp.partner.outlook.cn", "also": ""},
}
NATIONAL_CLOUDS["login.partner.microsoftonline.cn"] = NATIONAL_CLOUDS["login.chinacloudapi.cn"]


def national_cloud_mismatch(cfg) -> str | None:
    """A sentence when oauth2.authority_host is a national cloud's but a scope or host is still the worldwide one."""
    from urllib.parse import urlsplit

    cloud = NATIONAL_CLOUDS.get((urlsplit(cfg.oauth2.authority_host).hostname or "").lower())
    if cloud is None:
        return None
    also = f" ({cloud['also']})" if cloud["also"] else ""
    if WORLDWIDE["scope"] in cfg.oauth2.scopes:
        return (f"oauth2.scopes is the worldwide Exchange Online scope but oauth2.authority_host is the {cloud['name']} "
                f"cloud's; set oauth2.scopes = [\"{cloud['scope']}\"]{also}")
    for section, proto in (("mailbox", "imap"), ("smtp", "smtp")):
        if getattr(cfg, section).host.lower() == WORLDWIDE[proto]:
            return (f"{section}.host = \"{WORLDWIDE[proto]}\" is the worldwide Exchange Online server but "
                    f"oauth2.authority_host is the {cloud['name']} cloud's; use \"{cloud[proto]}\"{also}")
    return None


# What to do about the identity provider's commonest refusals (the README's troubleshooting table has more).
AADSTS_HINTS = {
    7000215: "put the client secret's Value (not its Secret ID) in the variable named by oauth2.client_secret_env",
    7000222: "the client secret has expired: make a new one in the app registration",
    700027: "upload this certificate to the app registration (Certificates & secrets) or fix the key file",
    700024: "check the server's clock (NTP)",
    700016: "check oauth2.client_id and oauth2.tenant",
    90002: "check oauth2.tenant (and oauth2.authority_host in a national cloud)",
}


class TokenAcquisitionError(IntakeError):
    """The identity provider did not give us a token; the message carries its error code."""


class TokenProvider(Protocol):
    def token(self, refresh: bool = False) -> str: ...


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def oauthbearer(user: str, token: str) -> str:
    """The SASL OAUTHBEARER initial response (RFC 7628, before base64)."""
    authzid = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={authzid},\x01auth=Bearer {token}\x01\x01"


class MsalTokenProvider:
    def __init__(self, tenant: str, client_id: str, client_secret: str,
                 authority_host: str = "https://login.microsoftonline.com", scopes=DEFAULT_SCOPES,
                 verify: bool | str = True, instance_discovery: bool = True, timeout: float = 30.0,
                 proxy: str = "", credential: "ClientCredential | None" = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc), tz=timezone.utc):
        """``client_secret`` is the secret itself, or msal's certificate dict (``ClientCredential.msal``)."""
        import msal

        self.authority = f"{authority_host.rstrip('/')}/{tenant}"
        self.scopes = list(scopes)
        self.credential, self.clock, self._warned_on = credential, clock, None
        self.proxy, self.tz = proxy, tz  # tz: the organisation's, in which "today" is counted
        try:
            self.app = msal.ConfidentialClientApplication(
                client_id, client_credential=client_secret, authority=self.authority,
                http_client=_http_client(verify, timeout, proxy), instance_discovery=instance_discovery,
                token_cache=msal.TokenCache())
        except ValueError as exc:  # msal validates the authority at construction
            raise TokenAcquisitionError(f"the identity provider at {self.authority} could not be used: {exc}") from exc
        except Exception as exc:  # network errors during tenant discovery
            raise self._unreachable(exc) from exc

    def _unreachable(self, exc: Exception) -> TokenAcquisitionError:
        """One sentence for a network failure, naming the proxy when the request went through one."""
        import requests

        if isinstance(exc, requests.exceptions.ProxyError):
            proxy = self.proxy or requests.utils.get_environ_proxies(self.authority).get("https", "from HTTPS_PROXY")
            return TokenAcquisitionError(
                f"cannot reach the identity provider at {self.authority} through the proxy {redact_url(proxy)}; check "
                "oauth2.proxy (or HTTPS_PROXY / NO_PROXY) and that the proxy allows this host")
        reason = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
        return TokenAcquisitionError(f"cannot reach the identity provider at {self.authority} ({redact_url(reason)}); "
                                     "check the network, the firewall and any proxy (oauth2.proxy, HTTPS_PROXY)")

    def _forget_cached(self) -> None:
        cache = self.app.token_cache
        for at in list(cache.search(cache.CredentialType.ACCESS_TOKEN)):
            cache.remove_at(at)

    def _log_expiry_daily(self) -> None:
        """While the credential is within WARN_DAYS of expiry, the log says so once a day (a running service
        asks for a token on every poll)."""
        if self.credential is None:
            return
        today = self.clock().astimezone(self.tz).date()
        if today != self._warned_on:
            warning = self.credential.expiry_warning(today)
            if warning:
                log.warning("oauth2 credential: %s", warning)
                self._warned_on = today

    def token(self, refresh: bool = False) -> str:
        self._log_expiry_daily()
        if refresh:
            self._forget_cached()
        try:
            result = self.app.acquire_token_for_client(scopes=self.scopes)
        except Exception as exc:
            raise self._unreachable(exc) from exc
        if "access_token" in result:
            log.debug("token for %s from %s (%s)", " ".join(self.scopes), self.authority, result.get("token_source", "?"))
            return result["access_token"]
        codes = ",".join(str(c) for c in result.get("error_codes") or [])
        first_line = (result.get("error_description") or "").split("\n")[0][:200]
        # the ids Microsoft support asks for, and the provider's own words (the filter redacts any secret in them)
        log.debug("token refused by %s: %s codes=%s trace_id=%s correlation_id=%s: %s", self.authority,
                  result.get("error"), codes or "-", result.get("trace_id", "-"), result.get("correlation_id", "-"),
                  first_line)
        hint = next((AADSTS_HINTS[c] for c in result.get("error_codes") or [] if c in AADSTS_HINTS), "")
        raise TokenAcquisitionError(f"the identity provider refused to issue a token: {result.get('error')}"
                                    + (f" (codes {codes})" if codes else "") + (f": {first_line}" if first_line else "")
                                    + (f"; {hint}" if hint else ""))


def _http_client(verify: bool | str, timeout: float = 30.0, proxy: str = ""):
    """A requests session that honours a configured CA bundle even where REQUESTS_CA_BUNDLE is set
    (requests lets that variable override a session's own `verify`). A configured proxy is used for every
    request, even where HTTPS_PROXY says otherwise (requests would let the environment win); without one,
    HTTPS_PROXY / NO_PROXY from the environment apply. Every request has a timeout: a stalled identity
    provider must not freeze polling and reminders (msal ignores its own `timeout` argument when given an
    http_client)."""
    import requests

    class Session(requests.Session):
        def request(self, method, url, **kwargs):
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = timeout
            return super().request(method, url, **kwargs)

        def merge_environment_settings(self, url, proxies, stream, verify_arg, cert):
            settings = super().merge_environment_settings(url, proxies, stream, verify_arg, cert)
            if self.verify is not True:
                settings["verify"] = self.verify
            if proxy:
                settings["proxies"] = {"https": proxy, "http": proxy}
            return settings

    session = Session()
    session.verify = verify
    return session


_PROVIDERS: dict[tuple, MsalTokenProvider] = {}


def provider_from_config(cfg) -> MsalTokenProvider:
    """One provider (and so one token cache) per identity in this process, shared by IMAP and SMTP."""
    o = cfg.oauth2
    credential = credential_from_config(cfg)
    verify = str(cfg.resolve(o.cafile)) if o.cafile else True
    key = (o.authority_host, o.tenant, o.client_id, credential.key, tuple(o.scopes), verify, o.instance_discovery,
           o.timeout, o.proxy)
    if key not in _PROVIDERS:
        _PROVIDERS[key] = MsalTokenProvider(o.tenant, o.client_id, credential.msal, o.authority_host, tuple(o.scopes),
                                            verify=verify, instance_discovery=o.instance_discovery, timeout=o.timeout,
                                            proxy=o.proxy, credential=credential, tz=cfg.tz)
    return _PROVIDERS[key]


# -- the app's credential: a client secret or a certificate ----------------------------------------

@dataclass(frozen=True)
class ClientCredential:
    """What the app signs in with: ``msal`` is passed to msal as client_credential."""

    kind: str                      # "client secret" | "certificate"
    msal: object                   # the secret, or {"private_key": PEM, "thumbprint": SHA-1 hex[, "passphrase"]}
    description: str               # for `intake check`: never the secret itself
    expires: date | None
    renew: str                     # what to do before it expires
    key: tuple = ()                # identifies the credential for the provider cache

    def expiry_warning(self, today: date) -> str | None:
        """A sentence when the credential expires within WARN_DAYS of ``today`` (or has expired), else None."""
        if self.expires is None:
            return None
        days = (self.expires - today).days
        if days < 0:
            return f"the {self.kind} expired on {self.expires:%Y-%m-%d}; {self.renew}"
        if days <= WARN_DAYS:
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            return f"the {self.kind} expires on {self.expires:%Y-%m-%d} ({when}); before then, {self.renew}"
        return None

    def status(self, today: date) -> str:
        """`intake check`'s description: which credential, and until when."""
        until = f", expires {self.expires:%Y-%m-%d} (in {(self.expires - today).days} days)" if self.expires else ""
        return self.description + until


def credential_check(cfg, now: datetime | None = None, need_secret: bool = True) -> tuple[bool, str]:
    """`intake check`'s line for the credential: (ok, "ok (...)" | "WARNING - ..." | "FAILED - ...").
    ``need_secret=False`` (`intake status`, run by monitoring without secrets.env): a client secret missing from the
    environment is no failure, its expiry date is in the configuration."""
    try:
        credential = credential_from_config(cfg, need_secret)
    except IntakeError as exc:
        return False, f"FAILED - {exc}"
    today = (now or datetime.now(timezone.utc)).astimezone(cfg.tz).date()
    warning = credential.expiry_warning(today)
    if warning and credential.expires < today:
        return False, f"FAILED - {warning}"
    if warning:
        return True, f"WARNING - {warning} (in use: {credential.description})"
    return True, f"ok ({credential.status(today)})"


def credential_from_config(cfg, need_secret: bool = True) -> ClientCredential:
    """The certificate when ``oauth2.client_certificate_path`` is set, else the client secret from the environment."""
    o = cfg.oauth2
    expires = date.fromisoformat(o.credential_expires) if o.credential_expires else None
    if not o.client_certificate_path:
        secret = cfg.secret(o.client_secret_env, "oauth2.client_secret_env") if need_secret else \
            os.environ.get(o.client_secret_env, "")
        return ClientCredential(
            "client secret", secret, f"client secret from {o.client_secret_env}"
            + ("" if secret else " (not set in this environment)")
            + ("" if expires else "; set oauth2.credential_expires to its expiry date to be warned in time"),
            expires, f"make a new client secret in the app registration, put it in {o.client_secret_env} and set "
            "oauth2.credential_expires to its new expiry date", key=("secret", secret))
    passphrase = (cfg.secret(o.client_key_passphrase_env, "oauth2.client_key_passphrase_env")
                  if o.client_key_passphrase_env else None)
    cert_path = cfg.resolve(o.client_certificate_path)
    key_path = cfg.resolve(o.client_key_path) if o.client_key_path else cert_path
    return certificate_credential(cert_path, key_path, o.client_certificate_thumbprint, passphrase, expires)


def _read_private(path: Path, key: str) -> bytes:
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{key}: there is no file at {path}; write the certificate's PEM file there") from None
    except OSError as exc:
        raise ConfigError(f"{key}: cannot read {path} ({exc.strerror}); make it readable by the service user") from None
    if mode & (stat.S_IRWXO | stat.S_IWGRP):
        raise ConfigError(f"{key}: {path} holds a private key but other users can read or change it; "
                          f"run: chmod 600 {path}")
    return data


def certificate_credential(cert_path: Path, key_path: Path, thumbprint: str = "", passphrase: str | None = None,
                           expires: date | None = None) -> ClientCredential:
    """A certificate credential from PEM files (certificate and private key in one file, or two). The SHA-1
    thumbprint Entra shows is computed from the certificate; a configured one must match it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    cert_key = "oauth2.client_certificate_path"
    key_key = "oauth2.client_key_path" if key_path != cert_path else cert_key
    key_pem = _read_private(key_path, key_key)
    cert_pem = key_pem if key_path == cert_path else _read_certificate(cert_path, cert_key)
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError:
        raise ConfigError(f"{cert_key}: {cert_path} holds no PEM certificate (-----BEGIN CERTIFICATE-----); "
                          "export the certificate with its private key as PEM") from None
    try:
        private_key = serialization.load_pem_private_key(key_pem, passphrase.encode() if passphrase else None)
    except TypeError:
        raise ConfigError(f"{key_key}: the private key in {key_path} is encrypted; set oauth2.client_key_passphrase_env "
                          "to the environment variable holding its passphrase") from None
    except ValueError:
        raise ConfigError(f"{key_key}: {key_path} holds no readable PEM private key (or the passphrase is wrong); "
                          "export the certificate with its private key as PEM") from None
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    if private_key.public_key().public_bytes(serialization.Encoding.PEM, pub) != cert.public_key().public_bytes(
            serialization.Encoding.PEM, pub):
        raise ConfigError(f"{key_key}: the private key in {key_path} does not belong to the certificate in {cert_path}")
    computed = cert.fingerprint(hashes.SHA1()).hex().upper()  # noqa: S324 - Entra's certificate thumbprint is SHA-1
    given = re.sub(r"[\s:]", "", thumbprint).upper()
    if given and given != computed:
        raise ConfigError(f"oauth2.client_certificate_thumbprint = {thumbprint!r} is not the thumbprint of the "
                          f"certificate in {cert_path} ({computed}); remove the setting or fix it")
    not_after = cert.not_valid_after_utc.date()
    credential = {"private_key": key_pem.decode(), "thumbprint": computed}
    if passphrase:
        credential["passphrase"] = passphrase
    subject = cert.subject.rfc4514_string() or "(no subject)"
    return ClientCredential(
        "certificate", credential, f"certificate {subject}, thumbprint {computed}, from {cert_path}",
        min(not_after, expires) if expires else not_after,
        f"upload a new certificate to the app registration (Certificates & secrets) and point "
        f"oauth2.client_certificate_path at it", key=("certificate", computed, str(key_path)))


def _read_certificate(path: Path, key: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{key}: cannot read {path} ({exc.strerror or exc}); write the certificate's PEM file there") from None


_BEARER = re.compile(r"(auth=Bearer\s+|Bearer\s+|access_token[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9\-_.~+/=]{8,}")
_SASL = re.compile(r"(AUTHENTICATE\s+XOAUTH2\s+|AUTH\s+XOAUTH2\s+)\S+", re.I)
# form fields and JSON members of a token request or response (client_secret=..., "client_assertion": "...")
_FIELD = re.compile(r"((?:client_secret|client_assertion|assertion|refresh_token|id_token|passphrase|password)"
                    r"[\"']?\s*[:=]\s*[\"']?)[^\s&\"',}]{4,}", re.I)
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*")  # signed assertions, id tokens
_PEM_KEY = re.compile(r"-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", re.S)


def redact_url(text: str) -> str:
    """Hides the password of any user:password@ in URLs (a proxy from HTTPS_PROXY may carry one)."""
    return re.sub(r"(//[^/@\s:]*:)[^/@\s]*@", r"\1[redacted]@", str(text))


def redact(text: str) -> str:
    text = redact_url(_PEM_KEY.sub("[redacted private key]", text))
    text = _JWT.sub("[redacted]", text)
    text = _FIELD.sub(r"\1[redacted]", text)
    return _SASL.sub(r"\1[redacted]", _BEARER.sub(r"\1[redacted]", text))


class RedactSecrets(logging.Filter):
    """Removes bearer tokens and SASL initial responses from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
