"""Run `intake ...` with a wall-clock split of the main thread: how long it spent in each part of a poll.

    python benchmarks/split_worker.py OUT.json -- --config CONFIG poll --once   (what benchmarks/ingest.py --split runs)

Each part is a function wrapped with a timer where the pipeline calls it (its time counts where it is called, the
parts nest as listed in ``PARTS``: an inner part's time is also inside its outer part). "start-up" runs from the
interpreter's start to the command's first line. Written to OUT.json when the process exits.
"""

from __future__ import annotations

import atexit
import functools
import gc
import importlib
import json
import resource
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STARTED = time.perf_counter()

# the project's modules are imported after the clock starts: their import is part of the start-up measured
from intake.cli import program  # noqa: E402
from intake.mailbox.imap_source import ImapMailSource  # noqa: E402

TOTAL: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

# (module, attribute, label): the attribute as the caller looks it up
PARTS = [
    ("intake.service.services", "poll_once", "poll (all of it)"),
    ("intake.pipeline.runner", "_recorded", "poll: look up recorded messages"),
    ("intake.pipeline.runner", "_claim", "poll: claim messages"),
    ("intake.pipeline.runner", "_ready_ahead", "poll: claim and start reading the next batch"),
    ("intake.pipeline.runner", "process_message", "message (all of it)"),
    ("intake.pipeline.prefetch.Prefetcher", "facts", "message: wait for its MIME reading"),
    ("intake.pipeline.prefetch.Prefetcher", "parse", "message: wait for its form's parse"),
    ("intake.pipeline.runner", "situation", "message: situation (reads)"),
    ("intake.pipeline.runner", "store", "message: store (rows, files)"),
    ("intake.store.storage.FileStore", "put", "message: write files (raw, form)"),
    ("intake.pipeline.runner", "acknowledge", "message: acknowledge (both emails)"),
    ("intake.pipeline.acknowledge", "replies_for_sender", "emails: reply cap query"),
    ("notifier.compose", "render", "emails: render templates"),
    ("intake.pipeline.acknowledge", "render", "emails: render templates"),
    ("notifier.new_referral", "render", "emails: render templates"),
    ("intake.pipeline.acknowledge", "build_email", "emails: build MIME"),
    ("notifier.new_referral", "build_email", "emails: build MIME"),
    ("notifier.new_referral", "case_summary", "emails: case summary"),
    ("intake.pipeline.acknowledge", "enqueue", "emails: enqueue (query, serialise)"),
    ("notifier.new_referral", "enqueue", "emails: enqueue (query, serialise)"),
    ("notifier.outbox", "already_queued", "emails: enqueue: key lookup"),
    ("email.message.EmailMessage", "as_string", "emails: serialise"),
    ("notifier.deadlines_store", "create_deadlines_for_case", "message: deadlines"),
    ("sqlalchemy.orm.Session", "commit", "commits (all)"),
    ("intake.pipeline.runner", "_flush_moves", "poll: move batch (fsync wait, MOVE, mark)"),
    ("intake.store.storage.FileStore", "sync", "poll: wait for fsyncs"),
    ("intake.mailbox.imap_source.ImapMailSource", "move_many", "poll: IMAP MOVE"),
    ("intake.pipeline.runner", "_mark_moved", "poll: mark moved"),
    ("intake.service.alongside.Alongside", "start", "delivery alongside: fork the delivering process"),
    ("intake.service.alongside.Alongside", "finish", "delivery alongside: wait for it after the poll"),
    ("intake.service.services", "deliver", "delivery (all of it)"),
    ("notifier.delivery", "claim_many", "delivery: claims"),
    ("notifier.senders.SmtpSender", "send", "delivery: SMTP send"),
    ("notifier.delivery._SentRecorder", "record", "delivery: record sent"),
]


def _wrap(owner, attribute: str, label: str) -> None:
    original = getattr(owner, attribute)
    if getattr(original, "_split_label", None):
        return

    @functools.wraps(original)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TOTAL[label] += time.perf_counter() - started
            CALLS[label] += 1

    timed._split_label = label
    setattr(owner, attribute, timed)


def _owner(path: str):
    module, _, cls = path.rpartition(".")
    try:
        return importlib.import_module(path)
    except ModuleNotFoundError:
        return getattr(importlib.import_module(module), cls)


def _fetch_timer(source_cls) -> None:
    """The IMAP fetch is a generator: its time is what each ``next`` takes (search, sizes, bodies)."""
    original = source_cls.fetch_new

    def fetch_new(self, skip=None):
        it = original(self, skip)
        while True:
            started = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                TOTAL["poll: IMAP fetch"] += time.perf_counter() - started
                return
            TOTAL["poll: IMAP fetch"] += time.perf_counter() - started
            yield item

    source_cls.fetch_new = fetch_new


def _gc_timer() -> None:
    """The interpreter's cyclic garbage collections (in any thread of the process), by generation."""
    started = {}

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started["at"] = time.perf_counter()
        elif "at" in started:
            label = f"garbage collection, generation {info['generation']} (any thread)"
            TOTAL[label] += time.perf_counter() - started.pop("at")
            CALLS[label] += 1

    gc.callbacks.append(timed)


THREAD_CPU: dict[str, float] = defaultdict(float)


def _thread_cpu() -> None:
    """The CPU seconds of each thread of this process, by its name without the number (intake-parse_0 and _1 are
    one line), taken as each thread ends; the main thread's at exit."""
    original = threading.Thread.run

    def run(self):
        try:
            return original(self)
        finally:
            THREAD_CPU[self.name.rstrip("0123456789").rstrip("_-")] += time.thread_time()

    threading.Thread.run = run


def main(argv: list[str]) -> None:
    out, _, rest = argv[0], argv[1], argv[2:]
    _gc_timer()
    _thread_cpu()
    for path, attribute, label in PARTS:
        _wrap(_owner(path), attribute, label)
    _fetch_timer(ImapMailSource)
    original = program.cmd_poll

    def cmd_poll(args):
        TOTAL["start-up (imports, to the command)"] = time.perf_counter() - STARTED
        started = time.perf_counter()
        try:
            return original(args)
        finally:
            TOTAL["command (all of it)"] = time.perf_counter() - started

    program.COMMANDS["poll"] = cmd_poll

    def write():
        mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = {"this process": mine.ru_utime + mine.ru_stime,
               "its child processes (parsers, delivery alongside; those ended)": children.ru_utime + children.ru_stime,
               "this process's main thread": time.thread_time()}
        cpu.update({f"this process's threads {name}": seconds for name, seconds in THREAD_CPU.items()})
        with open(out, "w") as fh:
            json.dump({"seconds": TOTAL, "calls": CALLS, "whole": time.perf_counter() - STARTED, "cpu": cpu}, fh,
                      indent=1)

    atexit.register(write)
    sys.argv = ["intake", *rest]
    sys.exit(program.main(rest))


if __name__ == "__main__":
    main(sys.argv[1:])
