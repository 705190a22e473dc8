"""How long PostgreSQL workers wait for one another to number cases: the share of a referral's processing spent
handing out case numbers (the only time the numbering lock is held, intake.store.case_numbers).

    python benchmarks/numbering.py [N] [--in-transaction]   (default N = 300; needs root and PostgreSQL)

One worker (this process, warm parsers as the service runs them) reads N referral emails from a Maildir into a fresh
PostgreSQL database; prints the time in `process_message` and, of it, the time inside the numbering transaction.
Two workers can go at most 100 / share times as fast as one before they queue for the lock. A ratio measured in one
run, so the machine's load counts on both sides. ``--in-transaction``: the way numbers were taken before (inside the
message's transaction, the lock held from the number to the commit), for comparison.
"""

from __future__ import annotations

import mailbox
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake import config as config_mod  # noqa: E402
from intake.demo.forms import SAMPLE, docx_form, referral_email  # noqa: E402
from intake.pipeline import runner, store as store_step  # noqa: E402
from intake.service import services  # noqa: E402
from intake.store import case_numbers  # noqa: E402
from tests.pg import start_postgres  # noqa: E402

TO = "LSCP Referrals <referrals@liverpool.gov.uk>"


def timed(spent: dict, key: str, function):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - started
    return wrapper


def held_until_the_end(spent: dict, process, next_reference):
    """The old way: the lock is taken by ``next_reference`` and held until the message's transaction commits (just
    before ``process_message`` returns)."""
    taken = {}

    def numbered(*args, **kwargs):
        taken.setdefault("at", time.perf_counter())
        return next_reference(*args, **kwargs)

    def processed(*args, **kwargs):
        taken.clear()
        try:
            return process(*args, **kwargs)
        finally:
            if "at" in taken:
                spent["numbers"] += time.perf_counter() - taken["at"]
    return processed, numbered


def main(argv) -> None:
    old = "--in-transaction" in argv
    argv = [a for a in argv if a != "--in-transaction"]
    n = int(argv[0]) if argv else 300
    pg = start_postgres()
    work = Path(tempfile.mkdtemp(prefix="intake-numbering-"))
    try:
        inbox = mailbox.Maildir(str(work / "maildir"), create=True)
        form = docx_form(SAMPLE)
        for i in range(n):
            inbox.add(referral_email(f"Worker {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("form.docx", form)],
                                     message_id=f"<numbering{i}@liverpool.gov.uk>"))
        cfg = config_mod.from_dict({
            "organisation": {"reference_prefix": "SIRG"},
            "people": {"manager": "manager@liverpool.gov.uk", "chair": "chair@liverpool.gov.uk"},
            "mailbox": {"backend": "maildir", "path": str(work / "maildir")},
            "smtp": {"backend": "directory", "path": str(work / "outbox")},
            "storage": {"path": str(work / "files")},
            "database": {"url": pg.new_database()},
            "policy": {"allowed_sender_domains": ["liverpool.gov.uk"], "replies_per_sender_per_day": 100000},
        }, base_dir=work)
        svc = services.build_services(cfg)
        spent = {"process": 0.0, "numbers": 0.0}
        if old:
            runner._numbers = lambda svc, fetched: None
            processed, numbered = held_until_the_end(spent, runner.process_message, store_step.next_reference)
            runner.process_message, store_step.next_reference = timed(spent, "process", processed), numbered
        else:
            case_numbers._reserve = timed(spent, "numbers", case_numbers._reserve)
            runner.process_message = timed(spent, "process", runner.process_message)
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        report = services.poll_once(svc, services.open_source(cfg))
        share = spent["numbers"] / spent["process"]
        print(f"{report.line()}; PostgreSQL, one worker; numbers taken "
              f"{'inside the message transaction (as before)' if old else 'apart (intake.store.case_numbers)'}")
        print(f"processing {spent['process']:.2f} s ({1000 * spent['process'] / n:.1f} ms a referral), of which "
              f"handing out case numbers {spent['numbers']:.2f} s ({1000 * spent['numbers'] / n:.2f} ms a referral) = "
              f"{100 * share:.1f} %: two workers wait for each other's numbering only past {1 / share:.1f} times one")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        pg.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
