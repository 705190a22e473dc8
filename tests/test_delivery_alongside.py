"""Issue 28, round 5: the outbox delivered alongside the poll (intake/service/alongside.py) and the send journal that
keeps a send's record from waiting for SQLite's write lock (notifier/sent_journal.py); real SQLite, real SMTP."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlmodel import Session, select

from intake import config as config_mod
from intake.demo.forms import SAMPLE, docx_form, referral_email
from intake.service.alongside import can_fork, DONE, Parent
from intake.service.services import build_services
from intake.store.models import OutboundEmail
from notifier.compose import build_email
from notifier.delivery import deliver_during, deliver_pending
from notifier.outbox import enqueue
from notifier.senders import SmtpSender
from notifier.sent_journal import format_note, journal_dir, Note, parse_line, SentJournal
from tests.servers import write_server_config

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc)


def _queue(svc, n: int) -> list[int]:
    with Session(svc.engine) as s:
        for i in range(n):
            enqueue(s, key=f"test:{i}", kind="digest", now=NOW,
                    message=build_email(sender=TO, to="manager@liverpool.gov.uk", subject=f"note {i}", text="t",
                                        html="<p>t</p>", now=NOW))
        s.commit()
        return [r.id for r in s.exec(select(OutboundEmail).order_by(OutboundEmail.id))]


def _rows(svc) -> dict[int, OutboundEmail]:
    with Session(svc.engine) as s:
        return {r.id: r for r in s.exec(select(OutboundEmail))}


class MoveGate:
    """A loopback TCP proxy in front of Dovecot that holds the worker's first move out of the inbox (its ``UID MOVE``
    or ``UID COPY`` command) until ``opened()`` is true. A poll cannot end before its moves, so an email that reaches
    the SMTP server while that move is held was sent while the poll was running, whatever the machine's load. If it
    never comes the move goes on after ``wait`` seconds (``outcome`` says which), so a build that delivers only after
    the poll fails the test instead of hanging it."""

    def __init__(self, upstream: int, opened, wait: float = 60.0):
        self.upstream, self.opened, self.wait = upstream, opened, wait
        self.outcome: str | None = None  # "opened" (the email came first) or "timed out"
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, commands: bool) -> None:
        pending = b""
        try:
            while data := src.recv(65536):
                if not commands:
                    dst.sendall(data)
                    continue
                pending += data
                while b"\r\n" in pending:  # the client's commands, a line at a time (no TLS: security "none")
                    line, pending = pending.split(b"\r\n", 1)
                    if re.match(rb"\S+ UID (MOVE|COPY) ", line, re.IGNORECASE):
                        self._hold()
                    dst.sendall(line + b"\r\n")
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _hold(self) -> None:
        with self._lock:
            if self.outcome is not None:
                return
            deadline = time.monotonic() + self.wait
            while not self.opened() and time.monotonic() < deadline:
                time.sleep(0.01)
            self.outcome = "opened" if self.opened() else "timed out"


def _acks(smtp) -> list:
    return [m for m in list(smtp.handler.messages) if m["msg"]["Auto-Submitted"] == "auto-replied"]


def test_cli_poll_once_delivers_alongside_each_email_once(tmp_path, imap, smtp, monkeypatch):
    # 40 referrals through the real command, its IMAP traffic through a gate that holds the poll's first move out of
    # the inbox (after the first 25 are recorded) until an acknowledgement has reached the SMTP server: one does, so
    # it was sent while the poll ran (delivered alongside; no clock compared). Every email arrives once, every row is
    # recorded sent and the delivering process leaves no journal behind. A build that delivers only after the poll
    # sends nothing while the move is held: the gate times out and the test fails.
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", imap.password)
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    gate = MoveGate(imap.port, lambda: bool(_acks(smtp)))
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    cfg_path = write_server_config(tmp_path / "config.toml", gate.port, imap.user, smtp, database={"url": url},
                                   storage={"path": str(tmp_path / "files")},
                                   policy={"allowed_sender_domains": ["liverpool.gov.uk"]})
    form = docx_form(SAMPLE)
    for i in range(40):
        imap.append(referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                   message_id=f"<along{i}@liverpool.gov.uk>"))
    try:
        run = subprocess.run([sys.executable, "-m", "intake", "--config", str(cfg_path), "poll", "--once"],
                             capture_output=True, text=True, timeout=300)
    finally:
        gate.close()
    assert run.returncode == 0, run.stderr
    assert gate.outcome == "opened", "no acknowledgement reached the server while the poll was held before its first move"
    assert "delivered 80 email(s); 0 deferred; 0 failed" in run.stdout
    acks = _acks(smtp)
    assert sorted(m["msg"]["In-Reply-To"] for m in acks) == sorted(f"<along{i}@liverpool.gov.uk>" for i in range(40))
    assert len(smtp.handler.messages) == 80
    svc = build_services(config_mod.load(cfg_path), isolated=False)
    with Session(svc.engine) as s:
        assert {r.status for r in s.exec(select(OutboundEmail))} == {"sent"}
    assert list(journal_dir(svc.engine).glob("*.sent")) == []


def test_send_noted_by_a_killed_process_is_recorded_not_sent_again(make_cfg, smtp, monkeypatch):
    # A process noted row 2 as taken by the server and was killed before recording it: the next delivery records
    # row 2 as sent (its attempts and time from the note), sends only rows 1 and 3, and removes the dead journal.
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", smtp.password)
    svc = build_services(make_cfg(), isolated=False)
    first, second, third = _queue(svc, 3)
    directory = journal_dir(svc.engine)
    directory.mkdir()
    dead = directory / f"{os.uname().nodename}:999999999:1:deadbeef.sent"
    dead.write_text(format_note(Note(second, 1, NOW)))
    sender = SmtpSender("127.0.0.1", smtp.port, "starttls", smtp.user, smtp.password, cafile=smtp.cafile)
    report = deliver_pending(svc.engine, sender, TO, NOW)
    assert report.sent == 2
    assert sorted(m["msg"]["Subject"] for m in smtp.handler.messages) == ["note 0", "note 2"]
    rows = _rows(svc)
    assert {i: r.status for i, r in rows.items()} == {first: "sent", second: "sent", third: "sent"}
    assert rows[second].attempts == 1 and rows[second].lease_owner is None
    assert not dead.exists()


def test_send_noted_by_a_running_process_is_not_sent_again(make_cfg, smtp, monkeypatch):
    # A live process (this one) noted row 1 and has not folded it yet; its claim ran out. Another delivery claims
    # the row, finds the note and records it instead of sending it; the live process's journal stays in place.
    svc = build_services(make_cfg(), isolated=False)
    (only,) = _queue(svc, 1)
    directory = journal_dir(svc.engine)
    journal = SentJournal(directory, f"{os.uname().nodename}:{os.getpid()}:1:cafe0001")
    journal.note(only, 1, NOW)
    sender = SmtpSender("127.0.0.1", smtp.port, "starttls", smtp.user, smtp.password, cafile=smtp.cafile)
    assert deliver_pending(svc.engine, sender, TO, NOW).sent == 0
    assert smtp.handler.messages == []
    assert _rows(svc)[only].status == "sent"
    assert journal.path.exists()
    journal.close(svc.engine)
    assert not journal.path.exists() and _rows(svc)[only].status == "sent"


def _looks(n: int):
    """A poll that is running for ``n`` looks at the outbox, then done."""
    left = [n]

    def polling(seconds: float) -> bool:
        left[0] -= 1
        return left[0] > 0
    return polling


def test_deliver_during_notes_each_send_and_records_them_at_the_end(make_cfg, smtp):
    # Three rows due while a poll runs, no waiting for a fuller batch: each is sent once and noted in this process's
    # journal as it goes; when the poll is over the notes are recorded on the rows (sent, one attempt).
    svc = build_services(make_cfg(), isolated=False)
    ids = _queue(svc, 3)
    journal = SentJournal(journal_dir(svc.engine), f"{os.uname().nodename}:{os.getpid()}:1:cafe0002")
    sender = SmtpSender("127.0.0.1", smtp.port, "starttls", smtp.user, smtp.password, cafile=smtp.cafile)
    report = deliver_during(svc.engine, sender, TO, lambda: NOW, _looks(3), journal, gather=0)
    sender.close()
    assert report.sent == 3 and len(smtp.handler.messages) == 3
    assert [parse_line(line).row_id for line in journal.path.read_text().splitlines()] == ids
    assert {r.status for r in _rows(svc).values()} == {"sent"} and {r.attempts for r in _rows(svc).values()} == {1}
    journal.close(svc.engine)
    assert not journal.path.exists()


def test_deliver_during_waits_for_a_batch_to_fill(make_cfg, smtp):
    # Three rows, fewer than a batch, and a poll that ends before they have waited long enough: none is claimed
    # during the poll (each claim takes the write lock the poll needs); they are left to the delivery after it.
    svc = build_services(make_cfg(), isolated=False)
    _queue(svc, 3)
    journal = SentJournal(journal_dir(svc.engine), f"{os.uname().nodename}:{os.getpid()}:1:cafe0003")
    sender = SmtpSender("127.0.0.1", smtp.port, "starttls", smtp.user, smtp.password, cafile=smtp.cafile)
    report = deliver_during(svc.engine, sender, TO, lambda: NOW, _looks(3), journal, gather=60)
    assert report.sent == 0 and smtp.handler.messages == []
    assert {(r.status, r.lease_owner) for r in _rows(svc).values()} == {("pending", None)}
    journal.close(svc.engine)


def test_journal_line_cut_short_is_not_a_note():
    # A line cut short (a power cut mid-write) is skipped; a whole line reads back as it was written.
    note = Note(12, 3, NOW)
    assert parse_line(format_note(note)) == note
    assert parse_line("12 3 2027-01-") is None
    assert parse_line("12 3") is None
    assert parse_line("\x00\x00\x00") is None


def test_alongside_not_forked_while_another_thread_runs(make_cfg, tmp_path):
    # A fork with another thread running could leave a lock held in the child: delivery then waits for the poll.
    svc = build_services(make_cfg(), isolated=False)
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert can_fork(svc) is False
    finally:
        release.set()
        other.join()


def test_alongside_not_forked_for_sqlite_in_memory(make_cfg):
    # An in-memory database cannot be opened by a second process: delivery waits for the poll.
    svc = build_services(make_cfg(database={"url": "sqlite://"}), isolated=False)
    assert journal_dir(svc.engine) is None
    assert can_fork(svc) is False


def test_journal_dir_sits_beside_the_database_file(make_cfg, tmp_path):
    svc = build_services(make_cfg(), isolated=False)
    assert journal_dir(svc.engine) == Path(svc.engine.url.database).with_name("intake.db.sent")


def test_delivering_process_tells_a_finished_poll_from_a_killed_worker():
    # The poll's end comes as DONE on the pipe; a pipe that ends without it means the worker was killed.
    for said, state in ((DONE, "done"), (b"", "gone")):
        listen, tell = os.pipe()
        parent = Parent(listen)
        assert parent.polling(0) is True
        if said:
            os.write(tell, said)
        os.close(tell)
        assert parent.polling(1) is False and parent.state == state
        os.close(listen)
