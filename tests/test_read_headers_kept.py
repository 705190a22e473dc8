"""Issue 28: a message is read with the header objects of values that come again kept (``ReadHeaders``); what is
read is what the standard policy reads, and a long (possibly hostile) header value is never kept."""

from __future__ import annotations

import email
import email.policy

import pytest

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox import email_policy, mail
from intake.mailbox.email_policy import KEPT_VALUE_CHARS, POLICY

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)


def _messages() -> dict[str, bytes]:
    plain = referral_email("Worker <w1@liverpool.gov.uk>", TO, "Referral", [("form.docx", FORM)],
                           message_id="<k1@liverpool.gov.uk>")
    long_header = plain.replace(b"Subject: Referral", b"Subject: Referral " + b"very long " * 200, 1)
    odd = (b"From: =?utf-8?q?Zo=C3=AB_=C3=98rsted?= <zoe@liverpool.gov.uk>\r\nTo: a@b.c\r\n"
           b"Subject: =?utf-8?b?UsOpZsOpcnJhbA==?=\r\nMessage-ID: <odd@x>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=\"b1\"; broken\r\n\r\n--b1\r\n"
           b"Content-Type: text/plain; charset=\"utf-8\r\n\r\nCaf\xc3\xa9\r\n--b1\r\n"
           b"Content-Type: application/octet-stream; name=\"r.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           b"UEsDBA==\r\n--b1--\r\n")
    return {"a referral with a form": plain, "a subject longer than a line": long_header,
            "encoded words and broken parameters": odd}


@pytest.mark.parametrize("shape", sorted(_messages()))
def test_a_message_reads_the_same_as_with_the_standard_policy(shape, monkeypatch):
    raw = _messages()[shape]
    kept = [mail.read_facts(raw) for _ in range(2)]  # the second reading meets the header objects kept by the first
    monkeypatch.setattr(mail, "POLICY", email.policy.default)
    standard = mail.read_facts(raw)
    for facts in kept:
        assert vars(facts) == vars(standard)
    ours = email.message_from_bytes(raw, policy=POLICY)
    theirs = email.message_from_bytes(raw, policy=email.policy.default)
    for a, b in zip(ours.walk(), theirs.walk()):
        for (name, value), (_, standard_value) in zip(a.items(), b.items()):
            assert (str(value), type(value).__name__, [type(d) for d in value.defects]) == \
                (str(standard_value), type(standard_value).__name__, [type(d) for d in standard_value.defects]), name
        assert (a.get_content_type(), a.get_params(), a.get_filename()) == \
            (b.get_content_type(), b.get_params(), b.get_filename())


def test_a_long_header_value_is_read_but_not_kept():
    factory = POLICY.header_factory
    before = factory._made_once.cache_info().currsize
    value = "x" * (KEPT_VALUE_CHARS + 1)
    assert str(factory("Subject", value)) == value
    assert factory._made_once.cache_info().currsize == before
    assert factory("Subject", "short") is factory("Subject", "short")
    assert isinstance(factory, email_policy.ReadHeaders)
