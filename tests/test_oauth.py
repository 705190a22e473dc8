"""Microsoft 365 style sign-in (SASL XOAUTH2) against real servers, offline: Dovecot with an oauth2
passdb introspecting tokens at a local identity provider, aiosmtpd with AUTH XOAUTH2, and the real
msal client fetching client-credentials tokens from that provider over HTTPS."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo_forms import SAMPLE, docx_form, referral_email
from intake.errors import MailSourceUnavailable
from intake.models import Case
from intake.service import build_services, poll_and_deliver
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

    d = Path(tempfile.mkdtemp(prefix="intake-oauth-", dir="/tmp"))
    os.chmod(d, 0o755)
    make_cert(d)
    return d


@pytest.fixture(scope="module")
def dovecot_oauth(idp, dovecot):  # `dovecot` only to share its skip/fail logic when Dovecot is missing
    server = start_dovecot(introspection_url=f"http://127.0.0.1:{idp.http_port}/introspect")
    yield server
    server.stop()


@pytest.fixture
def env(idp, dovecot_oauth, certdir_module, tmp_path, monkeypatch):
    import intake.oauth

    intake.oauth._PROVIDERS.clear()  # a fresh process: no cached token
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
    from intake.oauth import redact

    assert "abc123secretTOKEN" not in redact("auth=Bearer abc123secretTOKEN\x01\x01")
    assert "dXNlcj1" not in redact("> b'AUTHENTICATE XOAUTH2 dXNlcj1yZWZlcnJhbHMBYXV0aD1CZWFyZXI='")
    assert "dXNlcj1" not in redact("send: 'AUTH XOAUTH2 dXNlcj1yZWZlcnJhbHMBYXV0aD1CZWFyZXI=\\r\\n'")


@pytest.mark.parametrize("mechanism", ["xoauth2", "oauthbearer"])
def test_imap_signs_in_with_xoauth2_and_oauthbearer(env, mechanism):
    # Both SASL mechanisms work against Dovecot's oauth2 passdb; "auto" picks OAUTHBEARER where offered.
    from intake.oauth import provider_from_config
    from intake.sources.imap_source import ImapMailSource

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
    from intake.oauth import provider_from_config
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
