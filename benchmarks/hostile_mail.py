"""Hostile mail against ordinary mail: `intake poll --once` over each, side by side, real servers.

    python benchmarks/hostile_mail.py [COPIES] [RUNS]     (default 1 copy of each hostile kind, 3 runs;
                                                           needs root and Dovecot, like the tests)

The hostile set (COPIES of each): a 500 KB HTML-only email of unclosed <script/<head tags (the case
that cost 193 s of CPU with regular expressions), a winmail.dat (TNEF) carrying 200 attachments, a
31 MB message (over limits.max_message_bytes), a multipart nested 300 levels deep, a referral whose
subject and attachment name decode to text holding a NUL, a 38 KB "TNEF bomb" of 190 tiny winmail.dat
parts, and an action plan email of ten .xlsx of ~305k cells each (issue 23). The ordinary
set: the same number of referral emails, each with one .docx form. For each run the inbox is filled,
then `intake poll --once` runs as a separate process with the service's sandboxed parsing; its wall
time and peak RSS (wait4, through a small launcher: the largest process of the poll's tree) are measured. Printed: medians over RUNS, and the hostile/ordinary ratios
(target: within 2x). A poll of an empty inbox is shown too (the fixed cost of starting the command).
Then each hostile kind alone in the inbox: its per-message time beyond the empty-inbox poll (target: none over
10 s with the default limits).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake.demo.forms import SAMPLE, docx_form, referral_email  # noqa: E402
from tests.servers import Smtp, start_dovecot, write_server_config  # noqa: E402
from tests.tnef_writer import winmail_dat  # noqa: E402

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def hostile_html(i: int) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Sender {i} <h{i}@liverpool.gov.uk>", TO, "Referral"
    msg["Message-ID"] = f"<html{i}@liverpool.gov.uk>"
    msg.set_content("<p>Please see below</p>" + "<script <head " * 35_000, subtype="html")
    return msg.as_bytes()


def tnef_200(i: int, form: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Sender {i} <t{i}@liverpool.gov.uk>", TO, "Referral"
    msg["Message-ID"] = f"<tnef{i}@liverpool.gov.uk>"
    msg.set_content("Please see attached.")
    msg.add_attachment(winmail_dat([(f"file{k}.docx", form) for k in range(200)]), maintype="application",
                       subtype="ms-tnef", filename="winmail.dat")
    return msg.as_bytes()


def huge(i: int) -> bytes:
    return referral_email(f"Sender {i} <b{i}@liverpool.gov.uk>", TO, "Referral",
                          [("scan.pdf", b"%PDF-1.4\n" + os.urandom(23_000_000))], message_id=f"<big{i}@liverpool.gov.uk>")


def nested(i: int, form: bytes, depth: int = 300) -> bytes:
    head = (f"From: Sender {i} <n{i}@liverpool.gov.uk>\r\nTo: {TO}\r\nSubject: Referral\r\n"
            f"Message-ID: <nest{i}@liverpool.gov.uk>\r\nMIME-Version: 1.0\r\n").encode()
    import base64

    body = (b"Content-Type: application/octet-stream; name=form.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(form))
    for level in range(depth):
        b = f"b{level}".encode()
        body = (b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + body
                + b"\r\n--" + b + b"--\r\n")
    return head + body


def with_nul(i: int, form: bytes) -> bytes:
    """Subject (RFC 2047) and attachment name (RFC 2231) that decode to text holding a NUL: such encodings survive
    any mail server, which would turn a raw NUL byte into something else."""
    raw = referral_email(f"Sender {i} <z{i}@liverpool.gov.uk>", TO, "Referral", [("form.docx", form)],
                         message_id=f"<nul{i}@liverpool.gov.uk>")
    raw = raw.replace(b'filename="form.docx"', b"filename*=utf-8''f%00orm.docx")
    return raw.replace(b"Subject: Referral", b"Subject: =?utf-8?q?Referral=00_for_AB?=")


def tnef_bomb(i: int, parts: int = 190) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Sender {i} <tb{i}@liverpool.gov.uk>", TO, "Referral"
    msg["Message-ID"] = f"<tnefbomb{i}@liverpool.gov.uk>"
    msg.set_content("Please see attached.")
    for k in range(parts):
        msg.add_attachment(winmail_dat([(f"note{k}.txt", b"x" * 20)]), maintype="application", subtype="ms-tnef",
                           filename="winmail.dat")
    return msg.as_bytes()


def big_sheet(cells: int = 305_000, rows: int = 25) -> bytes:
    """An action-plan-looking workbook: a plan's header row, then rows wide enough to hold ``cells`` cells."""
    import io

    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Plan")
    width = cells // rows
    ws.append(["Recommendation", "Action", "Owner", "Agency", "Target date", "Status"] + ["x"] * (width - 6))
    for r in range(rows - 1):
        ws.append([f"{r}"] * width)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def slow_plan(i: int, sheet: bytes, copies: int = 10) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"Sender {i} <p{i}@liverpool.gov.uk>", TO, "SIRG-2026-0001 action plan"
    msg["Message-ID"] = f"<plan{i}@liverpool.gov.uk>"
    msg.set_content("Our action plans are attached.")
    for k in range(copies):
        msg.add_attachment(sheet, maintype="application", filename=f"plan{k}.xlsx",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return msg.as_bytes()


def fill(dv, raws) -> None:
    dv.reset_mailbox()
    c = dv.client()
    try:
        for raw in raws:
            c.append("INBOX", raw)
    finally:
        c.logout()


def poll(cfg_path: Path, tmp: Path) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MB) of one `intake poll --once` on a fresh database."""
    for name in ("intake.db", "intake.db-wal", "intake.db-shm"):
        (tmp / name).unlink(missing_ok=True)
    shutil.rmtree(tmp / "files", ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "intake", "--config", str(cfg_path),
                           "poll", "--once"], capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"poll failed: {proc.stdout} {proc.stderr[-2000:]}")
    peak_kb = int(proc.stderr.strip().splitlines()[-1].split()[-1])
    return took, peak_kb / 1024, proc.stdout.splitlines()[0] if proc.stdout else ""


# A small launcher between this (large) process and the measured one: a child started straight from here
# would inherit this process's high-water RSS through vfork/exec. wait4 gives the peak RSS of the largest
# process in the poll's tree (the poll, its parse worker and unpacking children, all reaped by it).
MEASURE = """
import os, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print("peak_rss_kb", usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def main(argv) -> int:
    import logging

    logging.getLogger("mail.log").setLevel(logging.ERROR)
    copies = int(argv[0]) if argv else 1
    runs = int(argv[1]) if len(argv) > 1 else 3
    dv = start_dovecot()
    smtp = Smtp(dv.directory)
    tmp = Path(tempfile.mkdtemp(prefix="intake-hostile-"))
    try:
        form = docx_form(SAMPLE)
        sheet = big_sheet()
        kinds = {"html": lambda i: hostile_html(i), "tnef_200": lambda i: tnef_200(i, form), "huge": huge,
                 "nested": lambda i: nested(i, form), "nul": lambda i: with_nul(i, form), "tnef_bomb": tnef_bomb,
                 "slow_plan": lambda i: slow_plan(i, sheet)}
        hostile = [make(i) for i in range(copies) for make in kinds.values()]
        ordinary = [referral_email(f"Worker {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("form.docx", form)],
                                   message_id=f"<ord{i}@liverpool.gov.uk>") for i in range(len(hostile))]
        cfg = write_server_config(tmp / "config.toml", dv.port, dv.user, smtp,
                                  policy={"allowed_sender_domains": ["liverpool.gov.uk"], "replies_per_sender_per_day": 100000})
        os.environ["INTAKE_IMAP_PASSWORD"] = dv.password
        os.environ["INTAKE_SMTP_PASSWORD"] = smtp.password
        print(f"hostile set: {len(hostile)} messages, {sum(map(len, hostile)) / 1e6:.1f} MB; "
              f"ordinary set: {len(ordinary)} messages, {sum(map(len, ordinary)) / 1e6:.2f} MB; {runs} runs each")
        results = {}
        for label, raws in (("empty inbox", []), ("ordinary", ordinary), ("hostile", hostile)):
            walls, rss = [], []
            for _ in range(runs):
                fill(dv, raws)
                took, peak, line = poll(cfg, tmp)
                walls.append(took)
                rss.append(peak)
            results[label] = (statistics.median(walls), statistics.median(rss))
            print(f"{label:12} wall {results[label][0]:6.2f} s (runs: {', '.join(f'{w:.2f}' for w in walls)})  "
                  f"peak RSS {results[label][1]:6.1f} MB   [{line}]")
        (hw, hr), (ow, orss), (ew, _) = results["hostile"], results["ordinary"], results["empty inbox"]
        print(f"hostile / ordinary: wall {hw / ow:.2f}x, peak RSS {hr / orss:.2f}x (target: within 2x)")
        print(f"beyond the empty-inbox poll: hostile {hw - ew:.2f} s, ordinary {ow - ew:.2f} s")
        print("per message (alone in the inbox, beyond the empty-inbox poll; target: none over 10 s):")
        worst = 0.0
        for label, make in kinds.items():
            fill(dv, [make(0)])
            took, peak, line = poll(cfg, tmp)
            worst = max(worst, took - ew)
            print(f"  {label:10} {took - ew:6.2f} s  peak RSS {peak:6.1f} MB  {'OVER 10 s' if took - ew > 10 else 'ok'}"
                  f"   [{line}]")
        print(f"slowest message: {worst:.2f} s")
    finally:
        smtp.stop()
        dv.stop()
        shutil.rmtree(dv.directory, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
