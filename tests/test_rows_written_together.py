"""Issue 28, round 7: a new case's audit rows and clocks are written in one statement each (``intake.store.audit``,
``notifier.deadlines_store.write_clocks``) instead of one ORM INSERT per row. What they must keep: the audit trail in
the order its rows were made, the clocks as the ORM wrote them, and the case's summary the same whether its clocks
come from this transaction or from the database."""

from __future__ import annotations

import json
import mailbox
from datetime import datetime, timezone

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.service.services import build_services, poll_and_deliver
from intake.store.audit import audit_row, write_audit
from intake.store.models import AuditEvent, Case, Deadline, OutboundEmail
from notifier.deadlines import rules_from_config
from notifier.deadlines_store import clocks_written_now, create_deadlines_for_case
from notifier.compose import build_email
from notifier.outbox import enqueue, write_queued
from notifier.summary import case_summary

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
NOW = datetime(2027, 1, 12, 10, 0, tzinfo=timezone.utc)


def _one_referral(cfg, tmp_path):
    box = mailbox.Maildir(tmp_path / "maildir", create=True)
    box.add(referral_email("Sam <sam@liverpool.gov.uk>", TO, "Referral", [("form.docx", docx_form(SAMPLE))],
                           message_id="<together@liverpool.gov.uk>"))
    svc = build_services(cfg, isolated=False)
    report, _ = poll_and_deliver(svc)
    assert report.outcomes["referral"] == 1
    return svc


@pytest.mark.both_databases
def test_a_new_cases_audit_trail_keeps_its_order_and_names_each_clock_written(make_cfg, tmp_path):
    svc = _one_referral(make_cfg(), tmp_path)
    with Session(svc.engine) as session:
        case = session.exec(select(Case)).one()
        trail = session.exec(select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)).all()
        clocks = session.exec(select(Deadline).where(Deadline.case_id == case.id)).all()
    actions = [a.action for a in trail]
    # the case first, then the form's dates that start no clock, then one row per clock created
    assert actions[0] == "case_created"
    untrusted = actions.count("date_not_trusted")
    assert untrusted >= 1 and actions[1:1 + untrusted] == ["date_not_trusted"] * untrusted
    assert actions[1 + untrusted:] == ["deadline_created"] * len(clocks) and len(clocks) >= 3
    assert {a.actor for a in trail[1:]} == {"intake"} and trail[0].actor.startswith("email:")
    for clock in clocks:  # written with the ORM's defaults: open, a history of one entry
        assert clock.status == "open" and clock.met_on is None and '"what": "created"' in clock.history
    assert all(a.at is not None for a in trail)


@pytest.mark.both_databases
def test_a_new_cases_summary_is_the_same_from_its_clocks_kept_as_from_the_database(make_cfg, tmp_path):
    cfg = make_cfg()
    svc = _one_referral(cfg, tmp_path)
    _, cal, _ = rules_from_config(cfg.deadlines)
    today = NOW.date()
    with Session(svc.engine) as session:
        first = session.exec(select(Case)).one()
        fields = first.model_dump(exclude={"id", "reference", "seq"})
        case = Case(**fields, reference="SIRG-2027-0900", seq=900)
        session.add(case)
        session.flush()
        create_deadlines_for_case(session, case, NOW, cfg)
        assert clocks_written_now(session, case.id) is not None  # (the summary below uses them, not a query)
        kept = case_summary(session, case, cfg, cal, today)
        session.commit()
        assert clocks_written_now(session, case.id) is None  # another transaction: asked of the database
        case_id = case.id
    with Session(svc.engine) as session:
        again = case_summary(session, session.get(Case, case_id), cfg, cal, today)
    assert kept == again and len(kept["clocks"]) >= 3


def test_audit_rows_written_together_come_after_those_added_before_them(make_cfg):
    svc = build_services(make_cfg(), isolated=False)
    with Session(svc.engine) as session:
        session.add(AuditEvent(at=NOW, actor="t", action="first", case_id=None))
        write_audit(session, [audit_row(NOW, "t", "second", None), audit_row(NOW, "t", "third", None, '{"n": 3}')])
        session.add(AuditEvent(at=NOW, actor="t", action="fourth", case_id=None))
        session.commit()
        rows = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(r.action, r.detail) for r in rows] == [("first", "{}"), ("second", "{}"), ("third", '{"n": 3}'),
                                                    ("fourth", "{}")]



@pytest.mark.both_databases
def test_a_referrals_two_emails_are_queued_together_acknowledgement_first(make_cfg, tmp_path):
    # Round 8: the acknowledgement's and the Manager's outbox rows are inserted in one statement after both are
    # composed (``outbox.write_queued``); delivery sends by id, so the acknowledgement keeps the lower one.
    svc = _one_referral(make_cfg(), tmp_path)
    with Session(svc.engine) as session:
        rows = session.exec(select(OutboundEmail).order_by(OutboundEmail.id)).all()
        case = session.exec(select(Case)).one()
    assert [r.kind for r in rows] == ["acknowledgement", "new_referral"]
    assert [r.status for r in rows] == ["sent", "sent"] and {r.case_id for r in rows} == {case.id}
    assert rows[0].to_address == "sam@liverpool.gov.uk" and rows[0].key == "acknowledgement:<together@liverpool.gov.uk>"
    for row in rows:  # the row as the ORM would have written it: the email's own subject and Message-ID, its text
        assert row.subject in row.raw and row.message_id in row.raw and row.created_at is not None


def _email(to):
    return build_email(sender="LSCP Referrals <referrals@liverpool.gov.uk>", to=to, subject="s", text="t\n",
                       html="<p>t</p>", now=NOW)


def test_rows_kept_for_later_come_after_rows_added_before_them_and_count_against_the_reply_cap(make_cfg):
    svc = build_services(make_cfg(), isolated=False)
    later: list[dict] = []
    with Session(svc.engine) as session:
        enqueue(session, key="k1", kind="acknowledgement", message=_email("a@liverpool.gov.uk"), now=NOW)
        enqueue(session, key="k2", kind="acknowledgement", message=_email("b@liverpool.gov.uk"), now=NOW, later=later)
        assert later and session.exec(select(OutboundEmail).where(OutboundEmail.key == "k2")).first() is None
        # a capped reply to the same address counts the row kept for later (cap 1: refused)
        assert enqueue(session, key="k3", kind="acknowledgement", message=_email("b@liverpool.gov.uk"), now=NOW,
                       later=later, reply_cap=1) is None and later == []
        enqueue(session, key="k4", kind="acknowledgement", message=_email("c@liverpool.gov.uk"), now=NOW, later=later)
        write_queued(session, later)
        session.commit()
        rows = session.exec(select(OutboundEmail).order_by(OutboundEmail.id)).all()
        capped = session.exec(select(AuditEvent).where(AuditEvent.action == "reply_capped")).all()
    assert [r.key for r in rows] == ["k1", "k2", "k4"] and later == []
    assert len(capped) == 1 and '"k3"' in capped[0].detail


@pytest.mark.both_databases
def test_a_new_cases_warnings_about_its_dates_go_in_with_it_and_are_each_noted(make_cfg, tmp_path):
    # Round 8: the warnings about the form's untrusted dates are put on a new case before its INSERT
    # (``warn_untrusted_dates``), not by an UPDATE after it; each date is still noted in the audit trail once.
    statements = []

    def seen(conn, cursor, statement, *args):
        statements.append(" ".join(statement.split()).upper())

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        svc = _one_referral(make_cfg(), tmp_path)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    with Session(svc.engine) as session:
        case = session.exec(select(Case)).one()
        noted = [json.loads(a.detail)["field"] for a in session.exec(
            select(AuditEvent).where(AuditEvent.case_id == case.id, AuditEvent.action == "date_not_trusted"))]
    warned = [w.split(" ", 1)[0] for w in json.loads(case.warnings_json) if " not used for the deadlines: " in w]
    assert warned and sorted(noted) == sorted(warned) and len(set(noted)) == len(noted)
    assert [s for s in statements if s.startswith("INSERT INTO REFERRAL_CASE")]
    assert not [s for s in statements if s.startswith("UPDATE REFERRAL_CASE SET WARNINGS_JSON")]
