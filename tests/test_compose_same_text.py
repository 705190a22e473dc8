"""Issue 28: emails are composed and written out faster (header objects made once per value, bodies written in one
piece), and the text stored in the outbox is the standard library's, character for character."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from email import contentmanager

import pytest

from intake.demo.forms import SAMPLE, docx_form
from intake.mailbox.email_policy import POLICY
from notifier import compose
from notifier.compose import as_text, Attachment, build_email

NOW = datetime(2027, 1, 4, 9, 30, tzinfo=timezone.utc)
ICS = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Group meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
SHAPES = {
    "acknowledgement": dict(to="Sam Worker <sam@liverpool.gov.uk>", subject="Referral received: SIRG-2027-0001",
                            text="Thank you.\nYour reference is SIRG-2027-0001.\n", html="<p>Thank you.</p>\n",
                            in_reply_to="<a1@liverpool.gov.uk>", references=["<a0@liverpool.gov.uk>"],
                            auto_submitted="auto-replied"),
    "manager with form": dict(to="manager@liverpool.gov.uk", subject="New referral SIRG-2027-0002 (A.B.)",
                              text="Case SIRG-2027-0002\n" + "A line long enough to be wrapped by the encoder, " * 6 + "\n",
                              html="<table>" + "<tr><td>x</td></tr>" * 80 + "</table>\n", reply_to=
                              "referrals+tok123@liverpool.gov.uk",
                              attachments=[Attachment("SIRG-2027-0002-referral-form.docx", "application/vnd."
                                                      "openxmlformats-officedocument.wordprocessingml.document",
                                                      docx_form(SAMPLE))]),
    "non-ASCII names and text": dict(to="Zoë Ørsted-Łukasz <zoe@liverpool.gov.uk>",
                                     subject="Réunion du groupe – SIRG-2027-0003 " + "long words " * 12,
                                     text="Café – naïve “quotes”\r\nand a CR LF line\n", html="<p>Café – ✓</p>"),
    "calendar": dict(to="chair@liverpool.gov.uk", subject="Group meeting", text="See the invitation.\n",
                     html="<p>See the invitation.</p>", calendar=("REQUEST", ICS)),
}


def _standard(monkeypatch):
    """build_email as it was: the shared policy's headers parsed for every email, attached files encoded by the
    standard content manager (round 8: ``compose._ATTACH`` encodes the base64 in one piece), written by ``as_string``."""
    monkeypatch.setattr(compose, "_ATTACH", contentmanager.raw_data_manager)
    monkeypatch.setattr(compose, "_COMPOSE", POLICY)
    monkeypatch.setattr(compose, "_WRITE", POLICY.clone(max_line_length=998))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_compose_writes_the_standard_librarys_text(shape, monkeypatch):
    # The same email built three times (the second and third reuse the header objects made for the first) is written
    # out exactly as the standard policy and ``as_string`` write it.
    monkeypatch.setattr(compose, "make_msgid", lambda idstring, domain: f"<fixed.{idstring}@{domain}>")
    args = dict(sender="LSCP Referrals <referrals@liverpool.gov.uk>", now=NOW, **SHAPES[shape])
    fast = []
    for _ in range(3):
        random.seed(28)  # the same MIME boundaries each time
        fast.append(as_text(build_email(**args)))
    with monkeypatch.context() as m:
        _standard(m)
        random.seed(28)
        expected = build_email(**args).as_string()
    assert fast == [expected] * 3
    assert "Content-Transfer-Encoding" in expected  # (a MIME email, not an empty one)


def test_compose_a_header_value_that_cannot_be_kept_is_handled_as_the_standard_policy_handles_it():
    # A value that is no plain string (email.header.Header is not hashable) is handed to the standard registry as
    # before, which refuses it the same way with or without the kept header objects.
    from email.header import Header

    for factory in (compose._COMPOSE.header_factory, POLICY.header_factory):
        with pytest.raises(TypeError, match="not subscriptable"):
            factory("Subject", Header("Plain subject"))


def test_a_boundary_found_in_the_text_is_drawn_again_as_the_standard_library_does(monkeypatch):
    # The quick look for a new boundary (a plain substring) must not change the answer when the text does carry it:
    # a body line that is exactly the boundary the draw gives makes both pick the boundary with ".0" after it.
    import sys

    from email import generator

    monkeypatch.setattr(compose, "make_msgid", lambda idstring, domain: f"<fixed.{idstring}@{domain}>")
    random.seed(28)
    drawn = "=" * 15 + generator._fmt % random.randrange(sys.maxsize) + "=="
    args = dict(sender="LSCP Referrals <referrals@liverpool.gov.uk>", now=NOW, to="manager@liverpool.gov.uk",
                subject="A body that carries the boundary", text=f"Above\n--{drawn}\nbelow\n", html="<p>x</p>\n")
    random.seed(28)
    fast = as_text(build_email(**args))
    with monkeypatch.context() as m:
        _standard(m)
        random.seed(28)
        expected = build_email(**args).as_string()
    assert fast == expected
    assert f'boundary="{drawn}.0"' in fast


@pytest.mark.parametrize("size", [0, 1, 2, 3, 56, 57, 58, 114, 40_000, 40_001, 40_002])
def test_attached_files_are_base64_encoded_as_the_standard_library_encodes_them(size):
    # every length modulo 3 and modulo a line (57 bytes), at the line length the emails are composed with and others
    data = random.Random(size).randbytes(size)
    for width in (78, 76, 80, 998):
        assert compose._base64_lines(data, width) == contentmanager._encode_base64(data, width)
