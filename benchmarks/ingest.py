"""End-to-end ingest against a real Dovecot and aiosmtpd (started here, on loopback).

    python benchmarks/ingest.py [N] [--all]   (default N = 300; needs root, Dovecot and PostgreSQL, like the tests)

Prints, from one run:
  1. the floor: imapclient fetch of the N messages + python-docx read of each form's tables;
  2. our ingest: N referral emails -> N cases stored, N acknowledgements delivered over SMTP
     (sandboxed parsing, as the service runs), emails/s and the ratio to the floor, for
     SQLite with 1 worker, PostgreSQL with 1 worker and PostgreSQL with 2 workers (each worker an
     `intake poll --once` process, started together; the time runs from their start to the last
     acknowledgement received, so it includes their start-up);
with --all, also:
  3. arrival -> acknowledgement latency with `intake run` waiting in IDLE (p50 / p95 of 40 emails);
  4. peak RSS of this process and of its children;
  5. the cost of a poll of an unchanged mailbox as it grows (1k, 5k, 10k messages already processed).
"""

from __future__ import annotations

import email
import email.parser
import email.policy
import io
import logging
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake import config as config_mod  # noqa: E402
from intake.demo.forms import SAMPLE, docx_form, referral_email  # noqa: E402
from intake.service.services import build_services, poll_and_deliver  # noqa: E402
from intake.mailbox.imap_source import ImapMailSource  # noqa: E402
from tests.servers import Smtp, SmtpRecorder, start_dovecot, wait_for, write_server_config  # noqa: E402

# the test SMTP server reads aiosmtpd's legacy login_data once per login: aiosmtpd logs a deprecation line for each
logging.getLogger("mail.log").addFilter(lambda record: "login_data is deprecated" not in record.getMessage())

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"

_HEADERS = email.parser.BytesHeaderParser(policy=email.policy.compat32)


class HeadersRecorder(SmtpRecorder):
    """The test SMTP server's recorder as the benchmark uses it (since round 8): each email received is kept as its
    bytes with its header block parsed (``msg``: In-Reply-To and Auto-Submitted, by which every acknowledgement is
    counted and checked to have arrived exactly once), not parsed whole into MIME parts with the standard policy as
    the tests' recorder does to read the bodies. Parsing every email whole was about 4.4 ms of the server's 7.3 ms of
    CPU a referral (the Manager's copy carries the form in base64), work a real mail server does not do in the
    sender's machine; the aiosmtpd server, its TLS and its reading of each line are as before."""

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        self.messages.append({"at": time.time(), "from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "msg": _HEADERS.parsebytes(raw), "raw": raw})
        return "250 OK"


def headers_only(smtp: Smtp) -> Smtp:
    """``smtp`` recording with ``HeadersRecorder`` from its next connection on (no email received yet)."""
    smtp.handler = smtp.controller.handler = HeadersRecorder()
    return smtp


ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("intake", "notifier", "parsers", "templates")


def compiled_as_installed() -> None:
    """Write our packages' bytecode, as installing them does (`pip install`, deploy/install; and as django-helpdesk's
    venv has it): run from the checkout under PYTHONDONTWRITEBYTECODE=1, as on this machine, every worker and every
    parser process would compile our modules from source at start-up."""
    import compileall
    import io as _io
    from contextlib import redirect_stdout

    with redirect_stdout(_io.StringIO()):
        for package in PACKAGES:
            compileall.compile_dir(str(ROOT / package), quiet=2, workers=1)


def append_many(dv, raws, folder="INBOX"):
    c = dv.client()
    if not c.folder_exists(folder):
        c.create_folder(folder)
    for raw in raws:
        c.append(folder, raw)
    c.logout()


def floor(dv) -> float:
    import docx
    import imapclient

    start = time.perf_counter()
    c = imapclient.IMAPClient("127.0.0.1", port=dv.port, ssl=False)
    c.login(dv.user, dv.password)
    c.select_folder("INBOX", readonly=True)
    uids = c.search(["ALL"])
    for i in range(0, len(uids), 25):
        for _, item in c.fetch(uids[i:i + 25], ["BODY.PEEK[]"]).items():
            msg = email.message_from_bytes(item[b"BODY[]"], policy=email.policy.default)
            for part in msg.iter_attachments():
                d = docx.Document(io.BytesIO(part.get_content()))
                for t in d.tables:
                    for r in t.rows:
                        for cell in r.cells:
                            cell.text
    c.logout()
    return time.perf_counter() - start


def floor_after(dv, raws) -> float:
    dv.reset_mailbox()
    append_many(dv, raws)
    return floor(dv)


def config(dv, smtp, tmp: Path, **sections) -> Path:
    path = write_server_config(tmp / "config.toml", dv.port, dv.user, smtp,
                               policy={"allowed_sender_domains": ["liverpool.gov.uk"], "replies_per_sender_per_day": 100000},
                               **sections)
    os.environ["INTAKE_IMAP_PASSWORD"] = dv.password
    os.environ["INTAKE_SMTP_PASSWORD"] = smtp.password
    return path


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU jiffies of the whole machine since boot (/proc/stat), for the share busy during a run."""
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


CPU_NOTES: list[str] = []  # per run: CPU seconds of the workers (with their parsers) and how busy the machine was
SERVERS: dict[str, int] = {}  # the servers' main process ids (Dovecot, PostgreSQL), for their CPU seconds per run


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a server: its main process, the children it has reaped (PostgreSQL's backends,
    Dovecot's imap processes) and those still running (/proc/PID/stat: utime, stime, cutime, cstime)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rpartition(")")[2].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    total, ahead = 0, [pid]
    while ahead:
        current = ahead.pop()
        total += stats.get(current, (0, 0))[1]
        ahead.extend(child for child, (parent, _) in stats.items() if parent == current)
    return total / tick


def run_workers(cfg_path: Path, workers: int, profile: Path | None = None) -> float:
    """Start ``workers`` `intake poll --once` processes together; seconds until all have exited.
    ``profile``: the (single) worker runs under cProfile, its statistics written there (or, for a FILE ending in
    .txt, sampled by py-spy: every thread and its child processes, as collapsed stacks)."""
    start = time.perf_counter()
    used_before, (busy_before, total_before) = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu()
    mine_before = resource.getrusage(resource.RUSAGE_SELF)
    servers_before = {name: tree_cpu(pid) for name, pid in SERVERS.items()}
    command = [sys.executable, "-m", "intake", "--config", str(cfg_path), "poll", "--once"]
    if profile and profile.suffix == ".txt":
        spy = str(Path(sys.executable).with_name("py-spy"))
        command = [spy, "record", "--format", "raw", "--subprocesses", "--threads", "-r", "200",
                   "-o", str(profile), "--", *command]
    elif profile and profile.suffix == ".json":
        command = [command[0], str(Path(__file__).with_name("split_worker.py")), str(profile), "--", *command[3:]]
    elif profile:
        command = [command[0], "-m", "cProfile", "-o", str(profile), *command[1:]]
    # Each worker's log goes to a file of its own, as a service manager's journal reads it as it comes (since round
    # 8; before, to a pipe read only once the workers before it had exited: a worker logs about 140 bytes a message
    # sent or recorded, and with two workers the second one's pipe, 64 KB, could fill and stop it while it waited)
    logs = [tempfile.TemporaryFile() for _ in range(workers)]
    procs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log) for log in logs]
    for p, log in zip(procs, logs):
        p.wait()
        if p.returncode:
            log.seek(0)
            print(f"  a worker exited {p.returncode}: {log.read().decode(errors='replace')[-300:]}")
        log.close()
    took = time.perf_counter() - start
    used, (busy, total) = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu()
    cpu = used.ru_utime + used.ru_stime - used_before.ru_utime - used_before.ru_stime
    mine = resource.getrusage(resource.RUSAGE_SELF)
    server = mine.ru_utime + mine.ru_stime - mine_before.ru_utime - mine_before.ru_stime
    servers = "".join(f", {name} {tree_cpu(pid) - servers_before[name]:.1f}" for name, pid in SERVERS.items()
                      if name != "PostgreSQL" or "postgresql" in cfg_path.read_text())
    CPU_NOTES.append(f"workers and their parsers used {cpu:.1f} CPU s in {took:.1f} s, the test SMTP server (this process) "
                     f"{server:.1f}{servers}; the machine's {os.cpu_count()} "
                     f"CPUs were {100 * (busy - busy_before) / max(total - total_before, 1):.0f}% busy")
    return took


def ingest(dv, smtp, tmp: Path, raws, floor_s: float, label: str, url: str, workers: int,
           profile: Path | None = None) -> float:
    if profile:
        label += " (profiled)"
    dv.reset_mailbox()
    append_many(dv, raws)
    smtp.handler.messages.clear()
    n = len(raws)
    work = tmp / label.replace(" ", "-")
    work.mkdir()
    cfg_path = config(dv, smtp, work, database={"url": url}, storage={"path": str(work / "files")})
    config_mod.load(cfg_path)
    from intake.store.db import open_database

    open_database(url).dispose()  # the schema exists before the workers start (as after `intake check`)
    CPU_NOTES.clear()
    took = run_workers(cfg_path, workers, profile)
    while sum(1 for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied") < n:
        more = run_workers(cfg_path, 1)  # a worker that ran out of time leaves the rest to the next poll
        took += more
        if more > 60:
            break
    acks = [m["msg"]["In-Reply-To"] for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied"]
    print(f"  ({'; '.join(CPU_NOTES)})")
    CPU_NOTES.clear()
    print(f"ingest, {label}: {len(acks)} acknowledgements ({len(set(acks))} distinct) for {n} emails in {took:.2f} s = "
          f"{n / took:.1f} emails/s ({took / floor_s:.2f}x the floor); left in INBOX {dv.count('INBOX')}")
    return took


def empty_poll(dv, smtp, tmp: Path, url: str) -> float:
    """Seconds of an `intake poll --once` with nothing to do (an empty inbox): the worker's start-up."""
    dv.reset_mailbox()
    work = tmp / "empty"
    work.mkdir(exist_ok=True)
    cfg_path = config(dv, smtp, work, database={"url": url}, storage={"path": str(work / "files")})
    took = run_workers(cfg_path, 1)
    CPU_NOTES.clear()
    return took


def peer(dv, smtp, tmp: Path, raws, venv: Path) -> float | None:
    """django-helpdesk's `get_email` (benchmarks/peer_helpdesk.py, run by the peer venv's python) over the same
    messages; seconds, or None when it could not run."""
    dv.reset_mailbox()
    append_many(dv, raws)
    smtp.handler.messages.clear()
    python = venv / "bin" / "python"
    script = Path(__file__).with_name("peer_helpdesk.py")
    done = subprocess.run([str(python), str(script), str(tmp / "peer"), str(dv.port), dv.user, dv.password,
                           str(smtp.port), smtp.user, smtp.password, smtp.cafile], capture_output=True, text=True)
    seconds = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("seconds ")]
    if done.returncode or not seconds:
        print(f"peer (django-helpdesk) did not run (exit {done.returncode}): {done.stderr.strip()[-500:]}")
        return None
    took = float(seconds[0])
    acks = [m["msg"]["In-Reply-To"] for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied"]
    n = len(raws)
    print(f"peer, django-helpdesk `get_email` (SQLite, never opens the forms, deletes the mail): {len(acks)} "
          f"acknowledgements ({len(set(acks))} distinct) for {n} emails in {took:.2f} s = {n / took:.1f} emails/s")
    return took


def top_twenty(profile: Path) -> None:
    if profile.suffix == ".txt":
        return top_sampled(profile)
    if profile.suffix == ".json":
        return print_split(profile)
    import pstats

    print(f"profile of the SQLite worker ({profile}), top 20 by cumulative time:")
    pstats.Stats(str(profile), stream=sys.stdout).sort_stats("cumulative").print_stats(20)
    print("top 20 by own time:")
    pstats.Stats(str(profile), stream=sys.stdout).sort_stats("tottime").print_stats(20)


def print_split(profile: Path) -> None:
    """The SQLite worker's wall-clock split (benchmarks/split_worker.py): seconds of its main thread per part."""
    import json

    split = json.loads(profile.read_text())
    print(f"wall-clock split of the SQLite worker's main thread ({profile}; parts nest, see split_worker.PARTS), "
          f"whole process {split['whole']:.2f} s:")
    for label, seconds in sorted(split["seconds"].items(), key=lambda kv: -kv[1]):
        calls = split["calls"].get(label)
        print(f"  {seconds:7.3f} s  {label}" + (f"  ({calls} calls, {1000 * seconds / calls:.2f} ms each)" if calls else ""))
    for label, seconds in split.get("cpu", {}).items():
        print(f"  CPU of {label}: {seconds:.2f} s")


def top_sampled(profile: Path, n: int = 20) -> None:
    """py-spy's collapsed stacks (sampled on the CPU only: py-spy leaves out threads it finds idle): per process and
    thread, the share of samples; then the frames with the most samples anywhere on the stack (cumulative) and at
    the top of it (own), busy samples only."""
    from collections import Counter

    threads, cumulative, own = Counter(), Counter(), Counter()
    total = 0
    for line in profile.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        frames = stack.split(";")
        k = int(count)
        process = "parser" if "parse_serve" in frames[0] else frames[0].split(":")[0]
        threads[f"{process} {frames[1].split(': ')[-1] if len(frames) > 1 else ''}"] += k
        idle = any(f.split(" (")[0] in ("select", "poll", "wait", "_wait_for_tstate_lock", "acquire", "read", "recv_into",
                                        "readinto", "accept", "sleep", "epoll", "get") for f in frames[-1:])
        if idle:
            continue
        total += k
        for f in set(frames[1:]):
            cumulative[f] += k
        own[frames[-1]] += k
    print(f"py-spy samples (200/s, all threads and child processes, on the CPU only), busy samples: {total}")
    for name, k in threads.most_common(12):
        print(f"  {name}: {k} samples ({k / 200:.2f} s)")
    print("top frames by busy samples anywhere on the stack:")
    for name, k in cumulative.most_common(n):
        print(f"  {k:6d}  {100 * k / max(total, 1):5.1f}%  {name[:150]}")
    print("top frames by busy samples at the top of the stack:")
    for name, k in own.most_common(n):
        print(f"  {k:6d}  {100 * k / max(total, 1):5.1f}%  {name[:150]}")


def main(argv):
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=300, help="referral emails (default 300)")
    ap.add_argument("--all", action="store_true", help="also IDLE latency, peak RSS and the unchanged-mailbox poll")
    ap.add_argument("--peer", type=Path, metavar="VENV",
                    help="a virtual environment with django-helpdesk installed: its `get_email` runs on the same mail")
    ap.add_argument("--from-source", action="store_true",
                    help="leave our bytecode unwritten (as before round 6: with PYTHONDONTWRITEBYTECODE set, every worker "
                         "and parser process compiles our modules at start-up)")
    ap.add_argument("--whole-emails", action="store_true",
                    help="the test SMTP server parses every email it receives whole, MIME parts and all, with the standard "
                         "policy (as before round 8; the tests' recorder); by default it parses each email's headers only")
    ap.add_argument("--sqlite-only", action="store_true", help="only the floor, the peer and SQLite with 1 worker")
    ap.add_argument("--profile-postgres", type=Path, metavar="FILE",
                    help="the same as --profile, for the PostgreSQL run with 1 worker")
    ap.add_argument("--profile", type=Path, metavar="FILE",
                    help="run the SQLite worker under cProfile, write its statistics to FILE and print the top 20 (FILE.json: "
                         "a wall-clock split of its main thread instead, benchmarks/split_worker.py; FILE.txt: py-spy)")
    args = ap.parse_args(argv)
    everything, n = args.all, args.n
    from tests.pg import start_postgres

    dv = start_dovecot()
    smtp = Smtp(dv.directory) if args.whole_emails else headers_only(Smtp(dv.directory))
    pg = None if args.sqlite_only else start_postgres()
    SERVERS["Dovecot"] = dv.proc.pid
    if pg is not None:
        SERVERS["PostgreSQL"] = pg.proc.pid
    tmp = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    try:
        print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
        if args.from_source:
            for cache in (d for package in PACKAGES for d in (ROOT / package).rglob("__pycache__")):
                for f in cache.glob("*.pyc"):
                    f.unlink()
            print(f"our bytecode: none (--from-source; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
        else:
            compiled_as_installed()
            print("our bytecode: written before the runs, as an install writes it")
        form = docx_form(SAMPLE)
        raws = [referral_email(f"Worker {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("form.docx", form)],
                               message_id=f"<bench{i}@liverpool.gov.uk>") for i in range(n)]
        append_many(dv, raws)
        floor_s = floor(dv)
        print(f"floor (imapclient fetch + python-docx table read of {n} messages): {floor_s:.2f} s = {n / floor_s:.1f} emails/s")
        peer_s = peer(dv, smtp, tmp, raws, args.peer) if args.peer else None
        ours = ingest(dv, smtp, tmp, raws, floor_s, "SQLite 1 worker", f"sqlite:///{tmp / 'intake.db'}", 1, args.profile)
        if peer_s:
            print(f"ours / peer (emails/s, same run): {peer_s / ours:.2f}")
            # django-helpdesk's figure starts after its interpreter, Django and its migrations are up; ours includes
            # the worker's start-up. Both, side by side:
            start_up = empty_poll(dv, smtp, tmp, f"sqlite:///{tmp / 'intake.db'}")
            print(f"our start-up (an `intake poll --once` on an empty inbox, same run): {start_up:.2f} s; without it "
                  f"{n / (ours - start_up):.1f} emails/s, ours / peer {peer_s / (ours - start_up):.2f}")
        if pg is not None:
            one = ingest(dv, smtp, tmp, raws, floor_s, "PostgreSQL 1 worker", pg.new_database(), 1, args.profile_postgres)
            two = ingest(dv, smtp, tmp, raws, floor_s, "PostgreSQL 2 workers", pg.new_database(), 2)
            print(f"PostgreSQL: 2 workers / 1 worker (emails/s, same run): {one / two:.2f}")
        floor_again = floor_after(dv, raws)
        print(f"floor again after the runs: {floor_again:.2f} s (the machine's noise between the first and last measure)")
        print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
        if args.profile:
            top_twenty(args.profile)
        if args.profile_postgres:
            print("PostgreSQL, 1 worker:")
            top_twenty(args.profile_postgres)
        if not everything:
            return
        cfg = config_mod.load(config(dv, smtp, tmp))
        svc = build_services(cfg)

        # latency with IDLE: the service runs; emails arrive one by one
        cfg_path = config(dv, smtp, tmp, schedule={"poll_every": "1h", "remind_every": "1h"})
        proc = subprocess.Popen([sys.executable, "-m", "intake", "--config", str(cfg_path), "run"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(3)
        sent_at, latencies = {}, []
        got_at = {}
        for i in range(40):
            mid = f"<idle{i}@liverpool.gov.uk>"
            sent_at[mid] = time.time()
            dv.append(referral_email("S <s@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)], message_id=mid))
            time.sleep(0.25)
        wait_for(lambda: all(any(m["msg"]["In-Reply-To"] == mid for m in smtp.handler.messages) for mid in sent_at), 60)
        for m in smtp.handler.messages:
            mid = m["msg"]["In-Reply-To"]
            if mid in sent_at and mid not in got_at:
                got_at[mid] = m["at"]
        latencies = sorted(got_at[mid] - sent_at[mid] for mid in got_at)
        hwm = {}
        for pid in [proc.pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                                                text=True).stdout.split()]:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmHWM"):
                    hwm[pid] = int(line.split()[1]) / 1024
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
        p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("nan")
        print(f"arrival -> acknowledgement with IDLE ({len(latencies)} emails): p50 {statistics.median(latencies):.2f} s, "
              f"p95 {p95:.2f} s")

        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        service = hwm.pop(proc.pid, float("nan"))
        worker = max(hwm.values(), default=float("nan"))
        print(f"peak RSS: `intake run` {service:.0f} MB, its parse worker {worker:.0f} MB; this benchmark process "
              f"(the N-message ingest, plus the test SMTP server and the {n} generated emails) {me:.0f} MB")

        # poll of an unchanged mailbox as it grows (the inbox is empty; processed mail sits in Processed)
        src = ImapMailSource("127.0.0.1", dv.port, "none", dv.user, dv.password)
        size = n + 40
        filler = referral_email("F <f@liverpool.gov.uk>", TO, "old", message_id="<filler@liverpool.gov.uk>")
        for target in (1000, 5000, 10000):
            if size < target:
                append_many(dv, [filler] * (target - size), folder="Processed")
                size = target
            times, cycles = [], []
            for _ in range(20):
                t0 = time.perf_counter()
                list(src.fetch_new())
                times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                poll_and_deliver(svc)  # a whole cycle: connect, log in, select, search, log out, outbox check
                cycles.append(time.perf_counter() - t0)
            print(f"poll of an unchanged mailbox with {size} processed messages: search on an open connection "
                  f"median {statistics.median(times) * 1000:.1f} ms; whole poll cycle median {statistics.median(cycles) * 1000:.1f} ms")
        src.close()
    finally:
        smtp.stop()
        dv.stop()
        if pg is not None:
            pg.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
