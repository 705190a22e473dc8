"""Fuzzing real messages and real forms: the pipeline returns an outcome for every input, in bounded time."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.mailbox.mail import read_facts
from parsers import parse_bytes
from tests.tnef_writer import winmail_dat

FORM = docx_form(SAMPLE)
SEEDS = [
    referral_email("Pat <pat@nhs.net>", "r@liverpool.gov.uk", "Referral", [("f.docx", FORM)], message_id="<f1@nhs.net>"),
    referral_email("Pat <pat@nhs.net>", "r@liverpool.gov.uk", "Referral", [("winmail.dat", winmail_dat([("f.docx", FORM)]))]),
    b"From: MAILER-DAEMON@x\nContent-Type: multipart/report; boundary=b\n\n--b\nContent-Type: text/plain\n\nfailed\n--b--\n",
]


@st.composite
def mutated(draw, seeds):
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[i:i + draw(st.integers(1, 4096))]
        elif op == "dup":
            data[i:i] = data[i:i + draw(st.integers(1, 512))]
        else:
            data[i:i] = draw(st.sampled_from([b"\n", b"\r\n", b"--", b"=?utf-8?b?", b"\x00", b"Content-Type: multipart/mixed\n"]))
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SEEDS))
def test_mutated_messages_are_read_without_raising(raw):
    # Any mutation of a real message: reading its headers and attachments never raises and stays fast.
    start = time.monotonic()
    facts = read_facts(raw)
    assert facts.raw_sha256 and time.monotonic() - start < 5
    for f in facts.attachments:
        result = parse_bytes(f.data, f.name)
        assert result.status in ("parsed", "needs_review", "rejected")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated([FORM]))
def test_mutated_forms_parse_to_a_status_never_an_exception(data):
    # Any mutation of a real .docx: the parser answers with a status, in bounded time.
    start = time.monotonic()
    result = parse_bytes(data, "fuzz.docx")
    assert result.status in ("parsed", "needs_review", "rejected")
    assert time.monotonic() - start < 5


def test_pipeline_gives_one_outcome_for_each_mutated_message(make_cfg):
    # Through the real pipeline (Maildir, SQLite): 40 mutated messages, 40 outcomes, none failed.
    import random

    from intake.service.services import build_services, poll_and_deliver
    from intake.mailbox.maildir_source import MaildirSource

    rng = random.Random(11)
    cfg = make_cfg()
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for n in range(40):
        data = bytearray(rng.choice(SEEDS))
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(data))
            data[i] ^= rng.randrange(1, 256)
        src.deliver(bytes(data))
    report, _ = poll_and_deliver(build_services(cfg, isolated=False), source=src)
    assert sum(report.outcomes.values()) == 40
    assert "failed" not in report.outcomes
