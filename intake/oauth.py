"""OAuth2 sign-in for Microsoft 365 (and any server speaking SASL XOAUTH2).

A token provider is asked for a token before every connection; the adapters
retry once with a fresh token when the server refuses it. The production
provider uses msal's client-credentials flow with msal's own in-memory cache:
no token is ever written to disk.

    provider = MsalTokenProvider(tenant, client_id, secret)
    token = provider.token()                 # cached until near expiry
    token = provider.token(refresh=True)     # after the server refused the last one
"""

from __future__ import annotations

import logging
import re
from typing import Protocol

from intake.errors import IntakeError

log = logging.getLogger(__name__)
DEFAULT_SCOPES = ("https://outlook.office365.com/.default",)


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
                 verify: bool | str = True, instance_discovery: bool = True, timeout: float = 30.0):
        import msal

        self.authority = f"{authority_host.rstrip('/')}/{tenant}"
        self.scopes = list(scopes)
        try:
            self.app = msal.ConfidentialClientApplication(
                client_id, client_credential=client_secret, authority=self.authority,
                http_client=_http_client(verify, timeout), instance_discovery=instance_discovery,
                token_cache=msal.TokenCache())
        except ValueError as exc:  # msal validates the authority at construction
            raise TokenAcquisitionError(f"the identity provider at {self.authority} could not be used: {exc}") from exc
        except Exception as exc:  # network errors during tenant discovery
            raise TokenAcquisitionError(f"cannot reach the identity provider at {self.authority}: {exc.__class__.__name__}") from exc

    def _forget_cached(self) -> None:
        cache = self.app.token_cache
        for at in list(cache.search(cache.CredentialType.ACCESS_TOKEN)):
            cache.remove_at(at)

    def token(self, refresh: bool = False) -> str:
        if refresh:
            self._forget_cached()
        try:
            result = self.app.acquire_token_for_client(scopes=self.scopes)
        except Exception as exc:
            raise TokenAcquisitionError(f"cannot reach the identity provider at {self.authority}: {exc.__class__.__name__}: {exc}") from exc
        if "access_token" in result:
            return result["access_token"]
        codes = ",".join(str(c) for c in result.get("error_codes") or [])
        first_line = (result.get("error_description") or "").split("\n")[0][:200]
        raise TokenAcquisitionError(f"the identity provider refused to issue a token: {result.get('error')}"
                                    + (f" (codes {codes})" if codes else "") + (f": {first_line}" if first_line else ""))


def _http_client(verify: bool | str, timeout: float = 30.0):
    """A requests session that honours a configured CA bundle even where REQUESTS_CA_BUNDLE is set
    (requests lets that variable override a session's own `verify`); proxies from the environment still apply.
    Every request has a timeout: a stalled identity provider must not freeze polling and reminders (msal ignores
    its own `timeout` argument when given an http_client)."""
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
            return settings

    session = Session()
    session.verify = verify
    return session


_PROVIDERS: dict[tuple, MsalTokenProvider] = {}


def provider_from_config(cfg) -> MsalTokenProvider:
    """One provider (and so one token cache) per identity in this process, shared by IMAP and SMTP."""
    o = cfg.oauth2
    secret = cfg.secret(o.client_secret_env, "oauth2.client_secret_env")
    verify = str(cfg.resolve(o.cafile)) if o.cafile else True
    key = (o.authority_host, o.tenant, o.client_id, secret, tuple(o.scopes), verify, o.instance_discovery, o.timeout)
    if key not in _PROVIDERS:
        _PROVIDERS[key] = MsalTokenProvider(o.tenant, o.client_id, secret, o.authority_host, tuple(o.scopes),
                                            verify=verify, instance_discovery=o.instance_discovery, timeout=o.timeout)
    return _PROVIDERS[key]


_BEARER = re.compile(r"(auth=Bearer\s+|Bearer\s+|access_token[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9\-_.~+/=]{8,}")
_SASL = re.compile(r"(AUTHENTICATE\s+XOAUTH2\s+|AUTH\s+XOAUTH2\s+)\S+", re.I)


def redact(text: str) -> str:
    return _SASL.sub(r"\1[redacted]", _BEARER.sub(r"\1[redacted]", text))


class RedactSecrets(logging.Filter):
    """Removes bearer tokens and SASL initial responses from every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
