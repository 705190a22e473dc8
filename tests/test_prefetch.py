"""Prefetch: the forms of the next messages are parsed while one is processed; the outcomes do not change."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case
from intake.pipeline.prefetch import Prefetcher
from intake.service.services import build_services, poll_and_deliver
from intake.mailbox.maildir_source import MaildirSource


def _inbox(cfg, n=4):
    box = MaildirSource(cfg.resolve(cfg.mailbox.path))
    for i in range(n):
        answers = dict(SAMPLE, **{"Child's initials": f"C{i}"}) if "Child's initials" in SAMPLE else SAMPLE
        box.deliver(referral_email(f"Sam <sam{i}@liverpool.gov.uk>", "referrals@liverpool.gov.uk", "Referral",
                                   [(f"form-{i}.docx", docx_form(answers)), ("logo.png", b"\x89PNG\r\n")],
                                   message_id=f"<pre-{i}@liverpool.gov.uk>"))
    return box


def _records(svc):
    with Session(svc.engine) as s:
        return [(c.reference, json.loads(c.record_json), c.missing_json) for c in s.exec(select(Case).order_by(Case.id))]


def test_prefetch_parses_each_form_once_and_gives_the_same_cases_as_parsing_on_demand(make_cfg, tmp_path):
    # Four referral emails (a form and a picture each): with the prefetcher every file is parsed once (in the pool,
    # ahead of its message), never again on demand, and the stored cases are the same as a run without it.
    cfg = make_cfg()
    plain = build_services(cfg, isolated=False)
    parse_in_process, on_demand = plain.parse, []
    plain.parse = lambda data, name=None: on_demand.append(name) or parse_in_process(data, name)
    poll_and_deliver(plain, source=_inbox(cfg))
    expected = _records(plain)

    other = make_cfg(database={"url": f"sqlite:///{tmp_path / 'other.db'}"}, mailbox={"path": str(tmp_path / "box2")})
    svc = build_services(other, isolated=False)
    calls = []

    def parse(data, name=None):
        calls.append(name)
        return parse_in_process(data, name)

    svc.prefetch = Prefetcher(parse, None, other.limits, workers=2)
    svc.parse = svc.prefetch.parse
    try:
        report, _ = poll_and_deliver(svc, source=_inbox(other))
    finally:
        svc.prefetch.close()
    assert report.outcomes == {"referral": 4}
    assert sorted(calls) == sorted(on_demand) and len(calls) == 8  # each file once, as without the prefetcher
    assert _records(svc) == expected
