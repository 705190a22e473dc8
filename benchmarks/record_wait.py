"""Why delivering during a poll sent emails twice under kill -9 (docs/ingest-speed.md, "Delivery after the poll").

    python benchmarks/record_wait.py

A send is recorded (``outbound_email`` set to sent) as the first thing after the SMTP server's 250; a process killed
before that record commits sends the email again. This measures how long that record would wait during a poll:
1. on SQLite, for the only write lock, while another connection stores messages (a transaction of ~20 ms of work per
   message, 5 ms between them; busy_timeout 10 s, as the service sets it);
2. in a thread of the poll's process, for the interpreter lock, while the poll's thread computes: the time from the
   server's answer arriving (a byte written by another process) to the thread running again.
Nothing of the service runs here: plain sqlite3 and sockets, the machine's own numbers.
"""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time


def summary(waits: list[float]) -> str:
    w = sorted(waits)
    return (f"median {1000 * statistics.median(w):.2f} ms, p90 {1000 * w[int(0.9 * len(w))]:.2f} ms, "
            f"max {1000 * w[-1]:.2f} ms; over 1 ms: {sum(x > 0.001 for x in w) / len(w):.0%}")


def lock_wait(records: int = 150) -> list[float]:
    path = os.path.join(tempfile.mkdtemp(prefix="record-wait-"), "t.db")
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("CREATE TABLE message (x)")
    c.execute("CREATE TABLE outbound (id INTEGER PRIMARY KEY, status TEXT)")
    c.executemany("INSERT INTO outbound VALUES (?, 'pending')", [(i,) for i in range(records)])
    c.close()
    stop = threading.Event()

    def poll():
        k = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        k.execute("PRAGMA busy_timeout=10000")
        while not stop.is_set():
            k.execute("BEGIN")
            k.execute("INSERT INTO message VALUES (1)")
            started = time.perf_counter()
            while time.perf_counter() - started < 0.020:  # the message's work inside its transaction
                pass
            k.execute("COMMIT")
            time.sleep(0.005)

    poller = threading.Thread(target=poll)
    poller.start()
    r = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    r.execute("PRAGMA busy_timeout=10000")
    r.execute("PRAGMA synchronous=NORMAL")
    waits = []
    try:
        for i in range(records):
            time.sleep(random.uniform(0.001, 0.010))  # an SMTP send
            started = time.perf_counter()
            r.execute("UPDATE outbound SET status = 'sent' WHERE id = ?", (i,))
            waits.append(time.perf_counter() - started)
    finally:
        stop.set()
        poller.join()
    return waits


def interpreter_wait(answers: int = 200) -> list[float]:
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # the "server": answers at random moments, writing the moment it answered
        ours.close()
        for _ in range(answers):
            time.sleep(random.uniform(0.002, 0.010))
            theirs.sendall(f"{time.time():.9f}\n".encode().ljust(32))
        os._exit(0)
    theirs.close()
    waits, done = [], threading.Event()

    def deliver():
        f = ours.makefile("rb")
        for _ in range(answers):
            sent_at = float(f.read(32))
            waits.append(time.time() - sent_at)  # running again, with the interpreter lock
        done.set()

    thread = threading.Thread(target=deliver)
    thread.start()
    x = 0
    while not done.is_set():  # the poll's thread: Python work that never blocks
        for i in range(1000):
            x += i * i
    thread.join()
    os.waitpid(pid, 0)
    return waits


def main() -> None:
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"SQLite: a record waiting for the write lock while a poll stores messages: {summary(lock_wait())}")
    print(f"interpreter lock: a thread woken by the server's answer while the poll's thread computes (switch interval "
          f"{sys.getswitchinterval() * 1000:.1f} ms): {summary(interpreter_wait())}")


if __name__ == "__main__":
    main()
