"""Answers go to the sender (issue 12): From, an allowed Reply-To only, the cap by From, DMARC when required."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case, InboundMessage, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)


def rows(svc, model, *where):
    with Session(svc.engine) as s:
        return s.exec(select(model).where(*where)).all()


@pytest.mark.servers
def test_acknowledgement_goes_to_from_not_to_an_outside_reply_to(server_cfg, imap, smtp):
    # A partner-domain From with a gmail Reply-To: the reference and the missing answers go to From only.
    imap.append(referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)], message_id="<rt1@nhs.net>",
                               headers={"Reply-To": "pat.collector@gmail.com"}))
    svc = build_services(server_cfg, isolated=False)
    poll_and_deliver(svc)
    acks = [m for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied"]
    assert [m["to"] for m in acks] == [["pat@nhs.net"]]
    assert not any("gmail.com" in r for m in smtp.handler.messages for r in m["to"])


@pytest.mark.servers
def test_reply_to_in_an_allowed_domain_is_used_and_the_cap_counts_by_from(server_cfg, imap, smtp):
    # Replies honour a partner-domain Reply-To (a team mailbox), but changing Reply-To does not get round the
    # daily cap, which counts the replies caused by one From address.
    from dataclasses import replace

    cfg = replace(server_cfg, policy=replace(server_cfg.policy, replies_per_sender_per_day=2))
    client = imap.client()
    for i in range(3):
        client.append("INBOX", referral_email("Pat <pat@nhs.net>", TO, "Referral", [(f"f{i}.docx", docx_form(dict(SAMPLE, **{"Child's name": f"Kid {i}"})))],
                                              message_id=f"<cap{i}@nhs.net>", headers={"Reply-To": f"team{i}@nhs.net"}))
    client.logout()
    svc = build_services(cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 3}
    acks = [m["to"] for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied"]
    assert acks == [["team0@nhs.net"], ["team1@nhs.net"]]


def _deliver(cfg, raw):
    svc = build_services(cfg, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    src.deliver(raw)
    report, _ = poll_and_deliver(svc, source=src)
    return svc, report, src


PASS = "mx.liverpool.gov.uk; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net; dmarc=pass action=none header.from=nhs.net;compauth=pass reason=100"
FAIL = "mx.liverpool.gov.uk; spf=fail smtp.mailfrom=evil.example; dmarc=fail action=none header.from=nhs.net"


@pytest.mark.parametrize("results, outcome", [
    ([PASS], "referral"),
    ([], "sender_not_allowed"),
    ([FAIL], "sender_not_allowed"),
    ([FAIL, PASS], "sender_not_allowed"),   # a dmarc=pass header the sender wrote below ours counts for nothing
    (["mx.liverpool.gov.uk; dmarc=pass header.from=gmail.com"], "sender_not_allowed"),  # another domain's pass
])
def test_require_authentication_accepts_only_dmarc_pass_for_the_from_domain(make_cfg, results, outcome):
    # policy.require_authentication: without the receiving server's dmarc=pass, a partner From goes to Needs
    # review with a note, unanswered (it may be forged).
    cfg = make_cfg(policy={"require_authentication": True})
    headers = {"Authentication-Results": results[0]} if results else {}
    raw = referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)], message_id="<auth@nhs.net>", headers=headers)
    for extra in results[1:]:  # further headers, below the first
        raw = raw.replace(b"\nMIME-Version", f"\nAuthentication-Results: {extra}\nMIME-Version".encode(), 1)
    svc, report, src = _deliver(cfg, raw)
    assert report.outcomes == {outcome: 1}
    if outcome == "sender_not_allowed":
        [row] = rows(svc, InboundMessage)
        assert "sender not authenticated" in row.reasons
        assert rows(svc, OutboundEmail) == [] and len(src.list_folder("Needs review")) == 1
    else:
        assert len(rows(svc, Case)) == 1


def test_authserv_id_picks_our_servers_header(make_cfg):
    # With policy.authserv_id, only our receiving server's Authentication-Results counts, wherever it sits.
    cfg = make_cfg(policy={"require_authentication": True, "authserv_id": "mx.liverpool.gov.uk"})
    raw = referral_email("Pat <pat@nhs.net>", TO, "Referral", [("f.docx", FORM)], message_id="<auth2@nhs.net>",
                         headers={"Authentication-Results": "relay.example; dmarc=fail header.from=nhs.net"})
    raw = raw.replace(b"\nMIME-Version", f"\nAuthentication-Results: {PASS}\nMIME-Version".encode(), 1)
    _, report, _ = _deliver(cfg, raw)
    assert report.outcomes == {"referral": 1}


def test_unauthenticated_manager_address_forwarding_a_form_opens_no_case(make_cfg):
    # require_authentication also covers the Manager's address: a forged From: Manager with a form is not a referral.
    cfg = make_cfg(policy={"require_authentication": True})
    raw = referral_email("Manager <manager@liverpool.gov.uk>", TO, "Fwd: Referral", [("f.docx", FORM)],
                         body="Note: from the school.", message_id="<forged@liverpool.gov.uk>")
    svc, report, _ = _deliver(cfg, raw)
    assert report.outcomes == {"sender_not_allowed": 1}
    assert rows(svc, Case) == [] and rows(svc, OutboundEmail) == []
