"""Microsoft 365 style sign-in (SASL XOAUTH2) against real servers, offline: Dovecot with an oauth2
passdb introspecting tokens at a local identity provider, aiosmtpd with AUTH XOAUTH2, and the real
msal client fetching client-credentials tokens from that provider over HTTPS."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.errors import MailSourceUnavailable
from intake.store.models import Case
from intake.service.services import build_services, poll_and_deliver
from tests.identity import IdentityProvider
from tests.servers import Smtp, start_dovecot, write_server_config

pytestmark = pytest.mark.servers
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


@pytest.fixture(scope="module")
def idp(certdir_module):
    provider = IdentityProvider(certdir_module, user="referrals")
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def certdir_module(tmp_path_factory):
    from tests.servers import make_cert
    import os
    import tempfile
    from pathlib import Path

    import shutil

    d = Path(tempfile.mkdtemp(prefix="intake-oauth-", dir="/tmp"))
    os.chmod(d, 0o755)
    make_cert(d)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def dovecot_oauth(idp, dovecot):  # `dovecot` only to share its skip/fail logic when Dovecot is missing
    import shutil

    server = start_dovecot(introspection_url=f"http://127.0.0.1:{idp.http_port}/introspect")
    yield server
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture
def env(idp, dovecot_oauth, certdir_module, tmp_path, monkeypatch):
    import intake.mailbox.oauth

    intake.mailbox.oauth._PROVIDERS.clear()  # a fresh process: no cached token
    dovecot_oauth.reset_mailbox()
    idp.issue_for = "referrals"
    smtp = Smtp(certdir_module, xoauth2=lambda user, token: idp.valid(token, user))
    monkeypatch.setenv("INTAKE_OAUTH_CLIENT_SECRET", idp.client_secret)
    path = write_server_config(
        tmp_path / "config.toml", dovecot_oauth.port, "referrals", smtp,
        mailbox={"auth": "oauth2"}, smtp={"auth": "oauth2", "username": "referrals"},
        oauth2={"tenant": "contoso.onmicrosoft.com", "client_id": idp.client_id, "authority_host": idp.authority_host,
                "cafile": str(certdir_module / "cert.pem"), "instance_discovery": False},
        policy={"allowed_sender_domains": ["liverpool.gov.uk"]})

    class E:
        pass

    e = E()
    e.path, e.smtp, e.imap, e.idp = path, smtp, dovecot_oauth, idp
    e.cfg = config_mod.load(path)
    yield e
    smtp.stop()


def referral(n=1):
    return referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("f.docx", docx_form(SAMPLE))],
                          message_id=f"<oauth{n}@liverpool.gov.uk>")


def test_valid_token_polls_and_acknowledges(env):
    # msal fetches one token; IMAP and SMTP both accept it over XOAUTH2; the referral is acknowledged.
    issued = env.idp.issued
    env.imap.append(referral())
    svc = build_services(env.cfg, isolated=False)
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1} and delivery.sent == 2
    assert env.idp.issued == issued + 1  # cached: one token for the IMAP and the SMTP logins
    assert env.idp.introspections >= 1
    assert ("referrals", True) in env.smtp.handler.logins
    assert min(len(t) for t in env.idp.tokens) >= 1500  # real-sized tokens went through


@pytest.mark.parametrize("spoil", ["expire_all", "revoke_all"])
def test_expired_or_revoked_token_is_refreshed_once(env, spoil):
    # The cached token stops working: each server refuses it once, a fresh token is fetched, all goes on.
    svc = build_services(env.cfg, isolated=False)
    env.imap.append(referral(1))
    poll_and_deliver(svc)
    getattr(env.idp, spoil)()
    before = env.idp.issued
    env.imap.append(referral(2))
    report, delivery = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1} and delivery.sent == 2
    assert 1 <= env.idp.issued - before <= 2


def test_wrong_user_token_fails_clearly_after_one_refresh(env):
    # Tokens for another mailbox: one refresh, then a plain failure; no loop of token requests.
    env.idp.issue_for = "someone-else"
    before = env.idp.issued
    env.imap.append(referral())
    svc = build_services(env.cfg, isolated=False)
    with pytest.raises(MailSourceUnavailable, match="refused even with a fresh token"):
        poll_and_deliver(svc)
    assert env.idp.issued - before == 2
    with Session(svc.engine) as s:
        assert s.exec(select(Case)).all() == []
    assert env.imap.count("INBOX") == 1  # nothing lost: it waits for the next cycle


def test_check_names_the_failing_step_with_the_identity_providers_code(env, monkeypatch):
    # A wrong client secret: `intake check` says the token step failed, with the provider's error code.
    run = subprocess.run([sys.executable, "-m", "intake", "--config", str(env.path), "check"], capture_output=True,
                         text=True, timeout=120, env={**__import__("os").environ, "INTAKE_OAUTH_CLIENT_SECRET": "wrong"})
    assert run.returncode == 1
    assert "oauth2 token: FAILED" in run.stdout and "invalid_client" in run.stdout and "7000215" in run.stdout
    good = subprocess.run([sys.executable, "-m", "intake", "--config", str(env.path), "check"], capture_output=True,
                          text=True, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "oauth2 token: ok" in good.stdout and "mailbox: ok" in good.stdout and "smtp: ok" in good.stdout


def test_tokens_never_appear_in_logs_even_with_debug(env):
    # `intake --debug poll --once`: every token the provider issued is absent from the output.
    env.imap.append(referral())
    run = subprocess.run([sys.executable, "-m", "intake", "--debug", "--config", str(env.path), "poll", "--once"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    output = run.stdout + run.stderr
    assert env.idp.tokens and not any(token[:40] in output for token in env.idp.tokens)
    assert env.idp.client_secret not in output


def test_redaction_filter_removes_bearer_tokens_and_sasl_responses():
    # The log filter strips bearer tokens and AUTHENTICATE/AUTH XOAUTH2 initial responses.
    from intake.mailbox.oauth import redact

    assert "abc123secretTOKEN" not in redact("auth=Bearer abc123secretTOKEN\x01\x01")
    assert "dXNlcj1" not in redact("> b'AUTHENTICATE XOAUTH2 dXNlcj1yZWZlcnJhbHMBYXV0aD1CZWFyZXI='")
    assert "dXNlcj1" not in redact("send: 'AUTH XOAUTH2 dXNlcj1yZWZlcnJhbHMBYXV0aD1CZWFyZXI=\\r\\n'")


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_imap_signs_in_with_xoauth2_and_oauthbearer(env, mechanism):
    # Both SASL mechanisms work against Dovecot's oauth2 passdb; "auto" picks OAUTHBEARER where offered.
    from intake.mailbox.oauth import provider_from_config
    from intake.mailbox.imap_source import ImapMailSource

    provider = provider_from_config(env.cfg)
    src = ImapMailSource("127.0.0.1", env.imap.port, "none", "referrals", "", token_provider=provider,
                         oauth_mechanism=mechanism)
    assert "waiting" in src.check()
    assert src.used_mechanism == mechanism.upper()
    src.close()
    auto = ImapMailSource("127.0.0.1", env.imap.port, "none", "referrals", "", token_provider=provider)
    auto.check()
    assert auto.used_mechanism == "OAUTHBEARER"
    auto.close()


def test_smtp_uses_oauthbearer_where_offered(env, certdir_module):
    # An SMTP server offering OAUTHBEARER gets OAUTHBEARER; one offering only XOAUTH2 gets XOAUTH2.
    from intake.mailbox.oauth import provider_from_config
    from notifier.senders import SmtpSender
    from tests.servers import Smtp as TestSmtp

    provider = provider_from_config(env.cfg)
    both = TestSmtp(certdir_module, xoauth2=lambda user, token: env.idp.valid(token, user), oauthbearer=True)
    try:
        for server, expected in ((both, "OAUTHBEARER"), (env.smtp, "XOAUTH2")):
            sender = SmtpSender("127.0.0.1", server.port, "starttls", "referrals", cafile=server.cafile, token_provider=provider)
            assert "authenticated" in sender.check()
            assert sender.used_mechanism == expected
            sender.close()
    finally:
        both.stop()


def test_stalled_token_endpoint_times_out_and_the_poll_gives_up_for_this_cycle(env, idp):
    # The identity provider accepts the token request and never answers (issue 11): with oauth2.timeout = 1 the
    # poll fails with a plain "cannot reach the identity provider" and returns, instead of blocking the service.
    import threading

    env.cfg.oauth2.timeout = 1.0
    env.imap.append(referral())
    svc = build_services(env.cfg, isolated=False)
    outcome = {}

    def poll():
        try:
            poll_and_deliver(svc)
        except MailSourceUnavailable as exc:
            outcome["error"] = str(exc)

    idp.stall_tokens.set()
    try:
        worker = threading.Thread(target=poll, daemon=True)
        worker.start()
        worker.join(30)  # a liveness bound, far above the 1 s timeout: without a timeout the call never returns
        returned = not worker.is_alive()
    finally:
        idp.stall_tokens.clear()
        idp.released.set()
    assert returned, "the poll was still waiting for the identity provider"
    assert "cannot reach the identity provider" in outcome["error"] and "timed out" in outcome["error"].lower()
    assert env.imap.count("INBOX") == 1  # nothing lost: it waits for the next cycle


# -- issue 17: certificate credentials, a proxy, expiry warnings, --debug -------------------------------------

def oauth_only_config(idp, certdir, base_dir, **oauth2):
    """A configuration whose SMTP signs in with OAuth2 against the stand-in identity provider (no server is
    contacted by loading it or by asking for a token)."""
    raw = {"people": {"manager": "m@liverpool.gov.uk", "chair": "c@merseyside.police.uk"},
           "smtp": {"backend": "smtp", "host": "127.0.0.1", "auth": "oauth2", "username": "referrals"},
           "oauth2": {"tenant": "contoso.onmicrosoft.com", "client_id": idp.client_id,
                      "authority_host": idp.authority_host, "cafile": str(certdir / "cert.pem"),
                      "instance_discovery": False, **oauth2}}
    return config_mod.from_dict(raw, base_dir=base_dir)


@pytest.fixture
def fresh_providers():
    import intake.mailbox.oauth

    intake.mailbox.oauth._PROVIDERS.clear()
    yield
    intake.mailbox.oauth._PROVIDERS.clear()


@pytest.mark.parametrize("layout", ["one_pem_file", "separate_key_with_passphrase_and_thumbprint"])
def test_certificate_credential_is_accepted_by_the_identity_provider(idp, certdir_module, tmp_path, monkeypatch,
                                                                     fresh_providers, layout):
    # A certificate registered on the app: msal signs a client assertion with its key, the stand-in verifies the
    # signature against the registered certificate and issues a token; no client secret is needed.
    from intake.mailbox.oauth import provider_from_config
    from tests.identity import make_app_certificate

    monkeypatch.delenv("INTAKE_OAUTH_CLIENT_SECRET", raising=False)
    separate = layout != "one_pem_file"
    cert_path, key_path, cert_pem = make_app_certificate(tmp_path, separate_key=separate,
                                                         passphrase="pass phrase" if separate else None)
    idp.register_certificate(cert_pem)
    settings = {"client_certificate_path": cert_path.name}
    if separate:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes

        monkeypatch.setenv("INTAKE_OAUTH_KEY_PASSPHRASE", "pass phrase")
        thumbprint = x509.load_pem_x509_certificate(cert_pem).fingerprint(hashes.SHA1()).hex(":")
        settings.update(client_key_path=key_path.name, client_key_passphrase_env="INTAKE_OAUTH_KEY_PASSPHRASE",
                        client_certificate_thumbprint=thumbprint)
    cfg = oauth_only_config(idp, certdir_module, tmp_path, **settings)
    before = len(idp.assertions)
    assert len(provider_from_config(cfg).token()) >= 1500
    assert len(idp.assertions) == before + 1  # signed in with an assertion, not a secret


def test_certificate_not_registered_or_forged_signature_is_refused_with_700027(idp, certdir_module, tmp_path,
                                                                                fresh_providers):
    # An unregistered certificate, and a key that claims a registered certificate's thumbprint, are both refused
    # by the identity provider with AADSTS700027, reported in one sentence.
    from intake.mailbox.oauth import MsalTokenProvider, TokenAcquisitionError, certificate_credential
    from tests.identity import make_app_certificate

    registered, _, registered_pem = make_app_certificate(tmp_path, name="registered")
    idp.register_certificate(registered_pem)
    stranger, _, _ = make_app_certificate(tmp_path, name="stranger")
    forged = dict(certificate_credential(stranger, stranger).msal,
                  thumbprint=certificate_credential(registered, registered).msal["thumbprint"])
    for credential in (certificate_credential(stranger, stranger).msal, forged):
        provider = MsalTokenProvider("contoso.onmicrosoft.com", idp.client_id, credential, idp.authority_host,
                                     verify=str(certdir_module / "cert.pem"), instance_discovery=False)
        with pytest.raises(TokenAcquisitionError, match="invalid_client \\(codes 700027\\)"):
            provider.token()


@pytest.mark.parametrize("problem, expected", [
    ("readable_by_others", "other users can read or change it; run: chmod 600"),
    ("wrong_thumbprint", "is not the thumbprint of the certificate"),
    ("missing", "there is no file at"),
    ("not_pem", "holds no PEM certificate"),
])
def test_certificate_problems_are_one_sentence_naming_the_key(idp, certdir_module, tmp_path, problem, expected):
    # A private key others can read, a thumbprint of another certificate, a missing or non-PEM file: ConfigError.
    import os

    from intake.errors import ConfigError
    from intake.mailbox.oauth import credential_from_config
    from tests.identity import make_app_certificate

    cert_path, _, _ = make_app_certificate(tmp_path)
    settings = {"client_certificate_path": str(cert_path)}
    if problem == "readable_by_others":
        os.chmod(cert_path, 0o644)
    elif problem == "wrong_thumbprint":
        settings["client_certificate_thumbprint"] = "AB" * 20
    elif problem == "missing":
        settings["client_certificate_path"] = "nowhere.pem"
    else:
        cert_path.write_text("not a certificate")
    cfg = oauth_only_config(idp, certdir_module, tmp_path, **settings)
    with pytest.raises(ConfigError, match=expected) as err:
        credential_from_config(cfg)
    assert "oauth2.client_certificate" in str(err.value) and "\n" not in str(err.value)


def rewrite_config(path, **changes):
    """The test's configuration file with some [oauth2] (or other) keys changed."""
    import tomllib

    from tests.servers import to_toml

    raw = tomllib.loads(path.read_text())
    for section, values in changes.items():
        raw.setdefault(section, {}).update(values)
    path.write_text(to_toml(raw))
    return path


def run_intake(path, *args, debug=False, env_vars=None):
    import os

    command = [sys.executable, "-m", "intake", *(["--debug"] if debug else []), "--config", str(path), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, **(env_vars or {})})


def test_check_with_a_certificate_names_it_and_signs_in_to_imap_and_smtp(env, monkeypatch):
    # `intake check` with a certificate credential: which credential, its thumbprint and expiry, then token,
    # IMAP and SMTP all ok, without any client secret in the environment.
    from tests.identity import make_app_certificate

    cert_path, _, cert_pem = make_app_certificate(env.path.parent, name="intake-app")
    env.idp.register_certificate(cert_pem)
    rewrite_config(env.path, oauth2={"client_certificate_path": cert_path.name})
    monkeypatch.delenv("INTAKE_OAUTH_CLIENT_SECRET")
    run = run_intake(env.path, "check")
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "oauth2 credential: ok (certificate CN=LSCP referral intake intake-app, thumbprint " in run.stdout
    assert "oauth2 token: ok" in run.stdout and "mailbox: ok" in run.stdout and "smtp: ok" in run.stdout


@pytest.fixture
def proxy():
    from tests.identity import ConnectProxy

    server = ConnectProxy()
    yield server
    server.stop()


@pytest.mark.parametrize("how", ["oauth2.proxy", "HTTPS_PROXY", "oauth2.proxy despite NO_PROXY"])
def test_token_request_goes_through_the_proxy(idp, certdir_module, tmp_path, monkeypatch, fresh_providers, proxy, how):
    # A council network reaches the internet only through its proxy: the token request must pass through a
    # CONNECT tunnel to the identity provider, whether the proxy is configured or comes from the environment.
    from intake.mailbox.oauth import provider_from_config

    for name in ("HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INTAKE_OAUTH_CLIENT_SECRET", idp.client_secret)
    settings = {}
    if how == "HTTPS_PROXY":
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    else:
        settings["proxy"] = proxy.url
        if "NO_PROXY" in how:
            monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the configured proxy is for the identity provider only
    cfg = oauth_only_config(idp, certdir_module, tmp_path, **settings)
    issued = idp.issued
    provider_from_config(cfg).token()
    assert idp.issued == issued + 1
    assert f"127.0.0.1:{idp.https_port}" in proxy.tunnels


def test_no_proxy_sends_the_token_request_directly(idp, certdir_module, tmp_path, monkeypatch, fresh_providers, proxy):
    # HTTPS_PROXY with the identity provider's host in NO_PROXY: no tunnel is opened, the token still comes.
    from intake.mailbox.oauth import provider_from_config

    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("INTAKE_OAUTH_CLIENT_SECRET", idp.client_secret)
    provider_from_config(oauth_only_config(idp, certdir_module, tmp_path)).token()
    assert proxy.tunnels == []


def test_unreachable_proxy_is_one_plain_sentence(idp, certdir_module, tmp_path, monkeypatch, fresh_providers):
    # A proxy that is not listening: the token step fails saying the identity provider cannot be reached.
    from intake.mailbox.oauth import TokenAcquisitionError, provider_from_config
    from tests.servers import free_port

    monkeypatch.setenv("INTAKE_OAUTH_CLIENT_SECRET", idp.client_secret)
    cfg = oauth_only_config(idp, certdir_module, tmp_path, proxy=f"http://127.0.0.1:{free_port()}", timeout=5.0)
    with pytest.raises(TokenAcquisitionError, match="cannot reach the identity provider .* through the proxy") as err:
        provider_from_config(cfg).token()
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("value, expected", [
    ("proxy.example.gov.uk:8080", "is not a proxy URL"),
    ("http://user:secret@proxy.example.gov.uk:8080", "must not contain a user name or password"),
])
def test_bad_proxy_setting_names_the_key(value, expected):
    # oauth2.proxy must be an http(s) URL without credentials (those belong in HTTPS_PROXY).
    from intake.errors import ConfigError

    raw = {"people": {"manager": "m@x.org", "chair": "c@x.org"},
           "smtp": {"backend": "smtp", "host": "h", "auth": "oauth2", "username": "u"},
           "oauth2": {"tenant": "t", "client_id": "c", "proxy": value}}
    with pytest.raises(ConfigError, match=expected):
        config_mod.from_dict(raw)


@pytest.mark.parametrize("days_left, warned", [(31, False), (29, True)])
def test_check_warns_30_days_before_the_client_secret_expires(env, capsys, days_left, warned):
    # oauth2.credential_expires = 2027-01-15 and `intake check` run 31 and 29 days before (injected clock): only
    # the second says WARNING, naming the date and what to do; the check still passes (the secret works).
    from datetime import datetime, timedelta, timezone

    from intake.service.checks import run_checks

    env.cfg.oauth2.credential_expires = "2027-01-15"
    now = datetime(2027, 1, 15, 12, tzinfo=timezone.utc) - timedelta(days=days_left)
    assert run_checks(env.cfg, now=now) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("oauth2 credential:"))
    if warned:
        assert line.startswith("oauth2 credential: WARNING - the client secret expires on 2027-01-15 (in 29 days); "
                               "before then, make a new client secret in the app registration")
    else:
        assert line == ("oauth2 credential: ok (client secret from INTAKE_OAUTH_CLIENT_SECRET, expires 2027-01-15 "
                        "(in 31 days))")


@pytest.mark.parametrize("days_left, warned", [(31, False), (29, True), (-1, True)])
def test_certificate_expiry_is_read_from_the_certificate(idp, certdir_module, tmp_path, days_left, warned):
    # No credential_expires: the certificate's notAfter counts; 31 days before: ok, 29: WARNING, after: FAILED.
    from datetime import timedelta

    from cryptography import x509

    from intake.mailbox.oauth import credential_check
    from tests.identity import make_app_certificate

    cert_path, _, cert_pem = make_app_certificate(tmp_path, days=400)
    not_after = x509.load_pem_x509_certificate(cert_pem).not_valid_after_utc
    cfg = oauth_only_config(idp, certdir_module, tmp_path, client_certificate_path=str(cert_path))
    ok, line = credential_check(cfg, now=not_after.replace(hour=12) - timedelta(days=days_left))
    assert ok == (days_left >= 0)
    expected = {31: "ok (certificate CN=", 29: "WARNING - the certificate expires on", -1: "FAILED - the certificate expired on"}
    assert line.startswith(expected[days_left]), line
    assert ("upload a new certificate" in line) == warned


def test_the_log_warns_once_a_day_while_the_credential_is_about_to_expire(idp, certdir_module, tmp_path, monkeypatch,
                                                                         fresh_providers, caplog):
    # A running service fetches tokens all day: the expiry warning is logged on the first token of each day only,
    # from 30 days before the expiry date (injected clock), and not at 31 days.
    import logging
    from datetime import datetime, timedelta, timezone

    from intake.mailbox.oauth import provider_from_config

    monkeypatch.setenv("INTAKE_OAUTH_CLIENT_SECRET", idp.client_secret)
    cfg = oauth_only_config(idp, certdir_module, tmp_path, credential_expires="2027-01-15")
    provider = provider_from_config(cfg)
    now = [datetime(2026, 12, 15, 9, tzinfo=timezone.utc)]  # 31 days before
    provider.clock = lambda: now[0]
    warnings = lambda: [r.getMessage() for r in caplog.records if "expires on 2027-01-15" in r.getMessage()]
    with caplog.at_level(logging.WARNING, logger="intake.mailbox.oauth"):
        provider.token()
        assert warnings() == []
        for hours in (24, 25, 30, 48):  # 30 days before (twice), then 29 days before
            now[0] = datetime(2026, 12, 15, 9, tzinfo=timezone.utc) + timedelta(hours=hours)
            provider.token(refresh=True)
    assert len(warnings()) == 2
    assert warnings()[0].startswith("oauth2 credential: the client secret expires on 2027-01-15 (in 30 days)")
    assert "(in 29 days)" in warnings()[1]


def test_debug_shows_token_requests_but_no_token_secret_or_assertion(env, monkeypatch):
    # `intake --debug poll --once` signing in with a certificate, and `intake --debug check` with a wrong secret:
    # msal's and urllib3's lines show the token endpoint, status codes and the AADSTS code, but no token, no
    # client secret and no client assertion.
    from tests.identity import make_app_certificate

    env.imap.append(referral())
    cert_path, _, cert_pem = make_app_certificate(env.path.parent, name="debug-app")
    env.idp.register_certificate(cert_pem)
    certificate = env.path.parent / "certificate.toml"
    certificate.write_text(env.path.read_text())
    rewrite_config(certificate, oauth2={"client_certificate_path": cert_path.name})
    assertions = len(env.idp.assertions)
    polled = run_intake(certificate, "poll", "--once", debug=True)
    assert polled.returncode == 0, polled.stderr[-2000:]
    refused = run_intake(env.path, "check", debug=True, env_vars={"INTAKE_OAUTH_CLIENT_SECRET": "wrong-secret-value"})
    assert refused.returncode == 1
    output = polled.stdout + polled.stderr + refused.stdout + refused.stderr
    print(output)
    token_path = "/contoso.onmicrosoft.com/oauth2/v2.0/token"
    assert f'"POST {token_path} HTTP/1.1" 200' in polled.stderr  # urllib3's request line
    assert f'"POST {token_path} HTTP/1.1" 401' in refused.stderr
    assert re.search(r"token refused by .*: invalid_client codes=7000215 trace_id=[0-9a-f-]{36}", refused.stderr)
    assert "msal." in polled.stderr
    assert len(env.idp.assertions) > assertions
    assert not any(a[:40] in output or a[-40:] in output for a in env.idp.assertions)
    assert env.idp.tokens and not any(token[:40] in output for token in env.idp.tokens)
    assert "wrong-secret-value" not in output and env.idp.client_secret not in output
    assert "PRIVATE KEY" not in output


def test_redaction_filter_removes_secrets_assertions_keys_and_proxy_passwords():
    # Token request bodies, signed assertions, PEM private keys and user:password@ in proxy URLs never reach a log.
    from intake.mailbox.oauth import redact

    assertion = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJlLXZhbHVl"
    text = redact(f"client_id=client-1&client_secret=s3cr3t-value&client_assertion={assertion}&grant_type=x "
                  f'{{"client_secret": "other-secret"}} -----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY----- '
                  "via http://bob:pa55word@proxy.example.gov.uk:8080")
    for secret in ("s3cr3t-value", "other-secret", "eyJhbGciOiJSUzI1NiJ9", "c2lnbmF0dXJl", "MIIEvQ", "pa55word"):
        assert secret not in text, text
    assert "client_id=client-1" in text and "grant_type=x" in text and "proxy.example.gov.uk:8080" in text


@pytest.mark.parametrize("authority, changes, expected", [
    ("https://login.microsoftonline.us", {}, 'set oauth2.scopes = ["https://outlook.office365.us/.default"]'),
    ("https://login.microsoftonline.us", {"scopes": ["https://outlook.office365.us/.default"]},
     'smtp.host = "smtp.office365.com" is the worldwide Exchange Online server'),
    ("https://login.chinacloudapi.cn", {}, "https://partner.outlook.cn/.default"),
    ("https://login.microsoftonline.us", {"scopes": ["https://outlook.office365.us/.default"], "smtp": "smtp.office365.us"},
     None),
])
def test_national_cloud_needs_its_own_scope_and_hosts(authority, changes, expected):
    # A national cloud's authority with the worldwide scope or IMAP/SMTP host is refused, naming the right value.
    from intake.errors import ConfigError

    raw = {"people": {"manager": "m@x.org", "chair": "c@x.org"},
           "smtp": {"backend": "smtp", "host": changes.get("smtp", "smtp.office365.com"), "auth": "oauth2", "username": "u"},
           "oauth2": {"tenant": "t", "client_id": "c", "authority_host": authority,
                      **({"scopes": changes["scopes"]} if "scopes" in changes else {})}}
    if expected is None:
        assert config_mod.from_dict(raw).oauth2.scopes == ["https://outlook.office365.us/.default"]
        return
    with pytest.raises(ConfigError, match=re.escape(expected)):
        config_mod.from_dict(raw)


@pytest.mark.parametrize("days_left, warned", [(31, False), (29, True)])
def test_morning_briefing_warns_the_manager_when_the_sign_in_is_about_to_expire(env, days_left, warned):
    # The Manager's briefing carries the same warning as `intake check`, from 30 days before (no network needed).
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from sqlmodel import Session, select

    from intake.store.models import OutboundEmail
    from intake.service.services import build_services
    from intake.service.remind import remind

    env.cfg.oauth2.credential_expires = "2027-01-15"
    at = datetime(2027, 1, 15, 9, tzinfo=ZoneInfo("Europe/London")) - timedelta(days=days_left)
    while at.weekday() >= 5:  # the briefing goes out on working days
        at -= timedelta(days=1)
    days_left = (datetime(2027, 1, 15, 9, tzinfo=ZoneInfo("Europe/London")) - at).days
    svc = build_services(env.cfg, now=lambda: at, isolated=False)
    remind(svc, at)
    with Session(svc.engine) as s:
        [briefing] = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "digest")).all()
    said = "Microsoft 365 sign-in needs renewing" in briefing.raw and "2027-01-15" in briefing.raw
    assert said == (days_left <= 30)
