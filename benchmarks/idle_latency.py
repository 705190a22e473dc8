"""Acknowledgement latency with IMAP IDLE: a referral appended to the inbox -> its acknowledgement at the SMTP server.

    python benchmarks/idle_latency.py [N] [--gap SECONDS] [--db sqlite|postgres]
        (defaults: 50 referrals, one every 1.0 s, SQLite; needs root and Dovecot like the tests, PostgreSQL for
        --db postgres)

`intake run` (the service) runs against a real Dovecot and aiosmtpd on loopback, with polling set to once an hour,
so every acknowledgement is the work of IDLE. It is warmed up first (one referral acknowledged, not counted). Then N
referral emails, each with a .docx form, are appended one at a time, GAP seconds apart; for each, the time from
just before its APPEND to the moment the SMTP server has its acknowledgement (the service's delivery included).
Prints the median, p95 and maximum (target: p95 < 0.5 s), and the load average around the run. First, the IMAP
server's own part in the same run: APPEND -> the IDLE notification to a bare imapclient (Dovecot waits about
0.5 s before it tells IDLE clients of new mail).
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.ingest import TO, config  # noqa: E402
from intake.demo.forms import SAMPLE, docx_form, referral_email  # noqa: E402
from intake.mailbox.imap_source import ImapMailSource, idle_check_seconds  # noqa: E402
from tests.servers import Smtp, start_dovecot, wait_for  # noqa: E402


def acknowledged_at(smtp, message_id: str) -> float | None:
    for m in list(smtp.handler.messages):
        if m["msg"]["In-Reply-To"] == message_id and m["msg"]["Auto-Submitted"] == "auto-replied":
            return m["at"]
    return None


def bare_idle(dv, raw: bytes, n: int = 15, check_every: float = 0.0) -> list[float]:
    """The IMAP server's own part: APPEND -> the EXISTS response to an imapclient waiting in IDLE (no intake).
    ``check_every`` > 0: the waiting source starts IDLE again every that many seconds (``mailbox.idle_check``)."""

    watcher = ImapMailSource("127.0.0.1", dv.port, "none", dv.user, dv.password)
    watcher.connect()
    appender = dv.client()
    out = []
    for i in range(n):
        seen = threading.Event()
        waiting = threading.Thread(target=lambda: watcher.idle_wait(5, check_every) and seen.set())
        waiting.start()
        time.sleep(0.2 + 0.037 * i % 0.2)  # (arrivals at different moments of the check cycle)
        t = time.time()
        appender.append("INBOX", raw)
        seen.wait(5)
        out.append(time.time() - t)
        waiting.join()
    watcher.close()
    appender.logout()
    dv.reset_mailbox()
    return out


def imap_cpu_seconds() -> float:
    """CPU seconds used so far by the machine's Dovecot imap processes (their cost of an idle_check)."""
    total = 0.0
    for pid in os.listdir("/proc"):
        try:
            if pid.isdigit() and open(f"/proc/{pid}/comm").read().strip() == "imap":
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return total


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (p95 of 50 values: the 48th smallest)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(q * len(ordered)) - 1, 0)]


def main(argv) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=50, help="referral emails timed (default 50)")
    ap.add_argument("--gap", type=float, default=1.0, help="seconds between two arrivals (default 1.0)")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--log", type=Path, help="write the service's log (stderr) to this file")
    ap.add_argument("--idle-check", type=lambda v: v if v == "auto" else float(v), default="auto", metavar="SECONDS",
                    help="mailbox.idle_check for the service: start IDLE again every SECONDS, 0: off (default \"auto\", "
                         "the service's default: 0.1 on Dovecot)")
    args = ap.parse_args(argv)
    dv = start_dovecot()
    smtp = Smtp(dv.directory)
    pg = None
    tmp = Path(tempfile.mkdtemp(prefix="intake-latency-"))
    proc = None
    try:
        if args.db == "postgres":
            from tests.pg import start_postgres

            pg = start_postgres()
            url = pg.new_database()
        else:
            url = f"sqlite:///{tmp / 'intake.db'}"
        cfg_path = config(dv, smtp, tmp, database={"url": url}, schedule={"poll_every": "1h", "remind_every": "1h"},
                          mailbox={"idle_check": args.idle_check})
        from intake.store.db import open_database

        open_database(url).dispose()  # installed: the schema exists before the service starts
        form = docx_form(SAMPLE)
        one = referral_email("S <s@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)])
        floor = bare_idle(dv, one)
        print(f"the IMAP server alone: APPEND -> IDLE notification to a bare IMAP client ({len(floor)}): "
              f"median {statistics.median(floor):.3f} s, max {max(floor):.3f} s")
        every = idle_check_seconds(args.idle_check, "Dovecot")  # (this server)
        if every:
            checked = bare_idle(dv, one, check_every=every)
            print(f"the same, IDLE started again every {every} s: median {statistics.median(checked):.3f} s, "
                  f"max {max(checked):.3f} s")
        cpu_before = imap_cpu_seconds()
        proc = subprocess.Popen([sys.executable, "-m", "intake", "--config", str(cfg_path), "run"],
                                stdout=subprocess.DEVNULL,
                                stderr=open(args.log, "wb") if args.log else subprocess.DEVNULL)
        # warm-up: the service is up, in IDLE, its parse workers started (not counted)
        time.sleep(2)
        dv.append(referral_email("S <s@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                 message_id="<warmup@liverpool.gov.uk>"))
        if not wait_for(lambda: acknowledged_at(smtp, "<warmup@liverpool.gov.uk>") is not None, 60):
            print("the service did not acknowledge the warm-up referral within 60 s")
            return 1
        time.sleep(1)
        load_before = os.getloadavg()
        sent_at = {}
        raws = {f"<idle{i}@liverpool.gov.uk>": referral_email(f"S{i} <s{i}@liverpool.gov.uk>", TO, "Referral",
                                                            [("f.docx", form)], message_id=f"<idle{i}@liverpool.gov.uk>")
                for i in range(args.n)}
        client = dv.client()
        for mid, raw in raws.items():
            sent_at[mid] = time.time()
            client.append("INBOX", raw)
            time.sleep(args.gap)
        client.logout()
        wait_for(lambda: all(acknowledged_at(smtp, mid) is not None for mid in sent_at), 60)
        latencies = [at - sent_at[mid] for mid in sent_at if (at := acknowledged_at(smtp, mid)) is not None]
        load_after = os.getloadavg()
        print(f"arrival -> acknowledgement with IDLE, {args.db}, one referral every {args.gap:.2f} s: "
              f"{len(latencies)} of {args.n} acknowledged; median {statistics.median(latencies):.3f} s, "
              f"p95 {percentile(latencies, 0.95):.3f} s, max {max(latencies):.3f} s")
        print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
        print(f"Dovecot's imap processes used {imap_cpu_seconds() - cpu_before:.2f} CPU s during the run "
              f"({args.n} arrivals, {args.gap:.2f} s apart; the service's IDLE connection with idle_check = {args.idle_check})")
        return 0
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        smtp.stop()
        dv.stop()
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
