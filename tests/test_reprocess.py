"""Reprocessing (issue 12): a failed or timed-out message is processed again, never twice."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from intake.cli import program as cli
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.store.models import Case, InboundMessage, OutboundEmail
from intake.service.services import build_services, poll_and_deliver
from parsers import ParseResult, parse_bytes

pytestmark = pytest.mark.servers
TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
FORM = docx_form(SAMPLE)


def referral(msgid="<rp-1@liverpool.gov.uk>"):
    return referral_email("Sam Worker <sam.worker@liverpool.gov.uk>", TO, "Case referral",
                          [("form.docx", FORM)], message_id=msgid)


def crashing_parse(data, name=None):
    raise RuntimeError("parser bug")


def timed_out_parse(data, name=None):
    return ParseResult.rejected(name, "unknown", "too_large", "parsing took longer than the time allowed")


def rows(svc, model, *where):
    with Session(svc.engine) as s:
        return s.exec(select(model).where(*where)).all()


def move_all(imap, source: str, dest: str) -> None:
    c = imap.client()
    try:
        c.select_folder(source)
        c.move(c.search(["ALL"]), dest)
    finally:
        c.logout()


def acks_to_sender(smtp):
    return [m for m in smtp.handler.messages if m["to"] == ["sam.worker@liverpool.gov.uk"]
            and "Referral received" in str(m["msg"]["Subject"])]


@pytest.mark.parametrize("broken, first_folder", [(crashing_parse, "Failed"), (timed_out_parse, "Needs review")])
def test_failed_message_moved_back_to_inbox_is_processed_again_into_one_case(server_cfg, imap, smtp, broken, first_folder):
    # A parser bug (or a parse that ran out of time) files the referral away; after the fix, a person moves it
    # back to the inbox: it becomes a case with one acknowledgement, not a "duplicate".
    imap.append(referral())
    svc = build_services(server_cfg, isolated=False)
    svc.parse = broken
    poll_and_deliver(svc)
    assert imap.count(first_folder) == 1 and rows(svc, Case) == []

    svc.parse = parse_bytes  # the fix is deployed
    move_all(imap, first_folder, "INBOX")
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"referral": 1}
    assert len(rows(svc, Case)) == 1
    assert imap.count("INBOX") == 0 and imap.count("Processed") == 1
    assert len(acks_to_sender(smtp)) == 1

    move_all(imap, "Processed", "INBOX")  # and once processed, the same message again is a duplicate
    report, _ = poll_and_deliver(svc)
    assert report.outcomes == {"duplicate": 1} and len(rows(svc, Case)) == 1 and len(acks_to_sender(smtp)) == 1


def test_failed_maildir_message_put_back_is_processed_again_in_place(make_cfg):
    # Maildir keeps a message's name when it is moved back: the same row is updated, not a second one added.
    from intake.mailbox.maildir_source import MaildirSource

    cfg = make_cfg()
    svc = build_services(cfg, isolated=False)
    src = MaildirSource(cfg.resolve(cfg.mailbox.path))
    src.deliver(referral())
    svc.parse = crashing_parse
    poll_and_deliver(svc, source=src)
    [failed] = src.list_folder("Failed")
    failed.rename(src.path / "new" / failed.name.split(":2,")[0])
    svc.parse = parse_bytes
    report, _ = poll_and_deliver(svc, source=src)
    assert report.outcomes == {"referral": 1}
    [row] = rows(svc, InboundMessage)
    assert row.outcome == "referral" and row.moved and len(src.list_folder("Processed")) == 1
    assert len(rows(svc, Case)) == 1


def test_reprocess_failed_command_makes_one_case_moves_the_copy_and_is_idempotent(server_cfg, imap, smtp, tmp_path, capsys):
    # `intake reprocess --failed` after a fix: the stored copy becomes a case, the mailbox copy moves from Failed
    # to Processed; running it again (or naming the message by its key) opens no second case, sends no second ack.
    from tests.servers import to_toml, server_config

    imap.append(referral())
    svc = build_services(server_cfg, isolated=False)
    svc.parse = crashing_parse
    poll_and_deliver(svc)
    assert imap.count("Failed") == 1
    [row] = rows(svc, InboundMessage)

    path = tmp_path / "config.toml"
    path.write_text(to_toml(server_config(imap.port, imap.user, smtp, database={"url": server_cfg.database.url},
                                          storage={"path": server_cfg.storage.path})))
    assert cli.main(["--config", str(path), "reprocess", "--failed"]) == 0
    out = capsys.readouterr().out
    assert f"{row.source_key}: failed -> referral (SIRG-2026-0001)" in out
    assert imap.count("Failed") == 0 and imap.count("Processed") == 1
    assert len(acks_to_sender(smtp)) == 1

    assert cli.main(["--config", str(path), "reprocess", "--failed"]) == 0
    assert "reprocessed 0 message(s)" in capsys.readouterr().out
    assert cli.main(["--config", str(path), "reprocess", str(row.id)]) == 0
    assert f"{row.source_key}: referral -> referral (SIRG-2026-0001)" in capsys.readouterr().out
    assert len(rows(svc, Case)) == 1 and len(rows(svc, InboundMessage)) == 1
    assert len(rows(svc, OutboundEmail, OutboundEmail.kind == "acknowledgement")) == 1
    assert len(acks_to_sender(smtp)) == 1
    assert cli.main(["--config", str(path), "reprocess", "imap:nowhere:1:1"]) == 2
