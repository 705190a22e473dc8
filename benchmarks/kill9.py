"""Crash safety: `intake poll --once` workers killed with SIGKILL at random moments, restarted, over and over.

    python benchmarks/kill9.py [ROUNDS] [N] [--workers W] [--db sqlite|postgres]
        (defaults: 12 rounds, 200 messages, 1 worker, SQLite; needs root and Dovecot, and PostgreSQL for --db postgres)

Each round starts W workers on the same mailbox and database; during the round random workers are SIGKILLed at
random moments, and at its end every worker still running is. Then the claims of the killed workers run out
(database.claim_lease, short here) and W workers run to completion. Prints, for the N messages: inbound records,
cases, messages with more than one case, acknowledgement rows, acknowledgements received by the SMTP server and
duplicates among them, what is left in the inbox, and leases left behind.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import Session, create_engine, select  # noqa: E402

from benchmarks.ingest import TO, config  # noqa: E402
from intake.demo.forms import SAMPLE, docx_form, referral_email  # noqa: E402
from intake.store.models import Case, CaseNumber, InboundMessage, OutboundEmail, WorkLease  # noqa: E402
from tests.servers import Smtp, start_dovecot  # noqa: E402

LEASE_SECONDS = 12  # database.claim_lease for this run: a killed worker's messages wait this long


def start(cfg: Path, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """A worker in a process group of its own: a kill takes it and every process it started (its parsers, the process
    delivering alongside its poll), as a service manager stopping it with SIGKILL does."""
    return subprocess.Popen([sys.executable, "-m", "intake", "--config", str(cfg), "poll", "--once"],
                            stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)


KILLED_AT: list[float] = []  # time.time() of each kill, to set beside the arrival of an email received twice


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL to the worker's whole process group."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
        KILLED_AT.append(time.time())
    except ProcessLookupError:
        pass


def explain_duplicates(messages: list[dict], kinds: str = "auto-replied") -> None:
    """For each acknowledgement received more than once: when each copy arrived, and the kills nearest after the
    first copy (a kill within milliseconds of it: the moment between the server's 250 and the record of the send)."""
    arrivals: dict[str, list[float]] = {}
    for m in messages:
        if m["msg"]["Auto-Submitted"] == kinds:
            arrivals.setdefault(m["msg"]["In-Reply-To"], []).append(m["at"])
    for mid, times in arrivals.items():
        if len(times) < 2:
            continue
        first = min(times)
        after = [round(k - first, 4) for k in KILLED_AT if -1 < k - first < 30]
        print(f"  received {len(times)} times: copies at +{[round(t - first, 3) for t in sorted(times)]} s; "
              f"kills at {after} s from the first copy")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rounds", nargs="?", type=int, default=12, help="rounds of start-and-kill")
    ap.add_argument("n", nargs="?", type=int, default=200, help="referral emails in the inbox")
    ap.add_argument("--workers", type=int, default=1, help="workers started together in each round")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite", help="the database the workers share")
    args = ap.parse_args(argv)
    dv = start_dovecot()
    smtp = Smtp(dv.directory)
    pg = None
    tmp = Path(tempfile.mkdtemp(prefix="intake-kill9-"))
    try:
        if args.db == "postgres":
            from tests.pg import start_postgres

            pg = start_postgres()
            url = pg.new_database()
        else:
            url = f"sqlite:///{tmp / 'intake.db'}"
        form = docx_form(SAMPLE)
        c = dv.client()
        for i in range(args.n):
            c.append("INBOX", referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                             message_id=f"<k{i}@liverpool.gov.uk>"))
        c.logout()
        cfg = config(dv, smtp, tmp, database={"url": url, "claim_lease": f"{LEASE_SECONDS}s"},
                     limits={"parse_seconds": 4, "message_parse_seconds": 6})
        from intake.store.db import open_database

        open_database(url).dispose()  # installed: the schema exists before the first worker starts
        rng = random.Random(2026)
        kills = 0
        for _ in range(args.rounds):
            procs = [start(cfg) for _ in range(args.workers)]
            # a worker needs a few seconds to start (imports, database, IMAP login) on a loaded machine: the kills
            # come late enough that most land while workers are in the middle of messages
            round_ends = time.monotonic() + rng.uniform(6.0, 14.0)
            while time.monotonic() < round_ends:  # random workers killed at random moments
                time.sleep(rng.uniform(2.0, 6.0))
                victim = rng.randrange(len(procs))
                if procs[victim].poll() is None:
                    kill(procs[victim])
                    kills += 1
                procs[victim].wait()
                procs[victim] = start(cfg)  # the service manager restarts it
            for p in procs:
                if p.poll() is None:
                    kill(p)
                    kills += 1
                p.wait()
        with Session(create_engine(url)) as s:
            before = len(s.exec(select(InboundMessage)).all())
        time.sleep(LEASE_SECONDS + 1)  # the killed workers' claims run out
        finals = []
        for _ in range(3):
            procs = [start(cfg, subprocess.PIPE) for _ in range(args.workers)]
            for p in procs:
                err = p.communicate()[1].decode(errors="replace").strip()
                finals.append(p.returncode)
                if p.returncode:
                    print(f"a final worker exited {p.returncode}: {err[-1500:]}")
            if dv.count("INBOX") == 0:
                break
        engine = create_engine(url)
        with Session(engine) as s:
            inbound = s.exec(select(InboundMessage)).all()
            cases = s.exec(select(Case)).all()
            acks = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).all()
            leases = s.exec(select(WorkLease)).all()
            held = s.exec(select(CaseNumber)).all()
        per_message = Counter(c.message_id for c in cases)
        smtp_acks = Counter(m["msg"]["In-Reply-To"] for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied")
        print(f"{args.workers} worker(s) on {args.db}, {args.rounds} rounds, {kills} killed with SIGKILL; final runs exit "
              f"{finals}")
        print(f"messages with a recorded outcome before the final runs: {before} (the rest were done by the final runs)")
        print(f"inbound records {len(inbound)} for {args.n} messages ({len({m.message_id for m in inbound})} distinct); "
              f"outcomes {dict(Counter(m.outcome for m in inbound))}; left in INBOX {dv.count('INBOX')}")
        print(f"cases {len(cases)} for {len(per_message)} messages; messages with more than one case: "
              f"{sum(1 for v in per_message.values() if v > 1)}")
        seqs = sorted(c.seq for c in cases)
        missing = sorted(set(range(1, max(seqs, default=0) + 1)) - set(seqs))
        by_creation = [c.seq for c in sorted(cases, key=lambda c: c.id)]
        print(f"case numbers: {seqs[:1]}..{seqs[-1:]}, gaps {missing[:20]}, numbers twice "
              f"{sum(v - 1 for v in Counter(seqs).values())}; numbers handed out and never used {len(held)}; cases "
              f"numbered below a case inserted before them (workers numbering side by side, or a number taken over from a "
              f"killed worker) "
              f"{sum(1 for i, q in enumerate(by_creation) if i and q < max(by_creation[:i]))}")
        print(f"acknowledgement rows {len(acks)} ({dict(Counter(a.status for a in acks))})")
        print(f"acknowledgements received by SMTP: {sum(smtp_acks.values())} for {len(smtp_acks)} messages; "
              f"duplicates {sum(v - 1 for v in smtp_acks.values())} (a kill between the server's 250 and our commit)")
        explain_duplicates(smtp.handler.messages)
        print(f"leases left behind: {len(leases)}")
        if args.db == "sqlite":  # the database itself, after the kills (the outcome commits do not wait for the disk)
            with engine.connect() as conn:
                print(f"SQLite integrity_check: {conn.exec_driver_sql('PRAGMA integrity_check').scalar()}")
    finally:
        smtp.stop()
        dv.stop()
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
