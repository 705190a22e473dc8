"""Crash safety: `intake poll --once` killed with SIGKILL at random points, restarted, over and over.

    python benchmarks/kill9.py [ROUNDS] [N]      (defaults: 12 rounds, 200 messages; needs root and Dovecot)

Then one run to completion; prints, for the N messages: inbound records, cases, distinct cases per
message, acknowledgement rows, acknowledgements received by the SMTP server and duplicates among them.
"""

from __future__ import annotations

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
from intake.demo_forms import SAMPLE, docx_form, referral_email  # noqa: E402
from intake.models import Case, InboundMessage, OutboundEmail  # noqa: E402
from tests.servers import Smtp, start_dovecot  # noqa: E402


def main(argv):
    rounds = int(argv[0]) if argv else 12
    n = int(argv[1]) if len(argv) > 1 else 200
    dv = start_dovecot()
    smtp = Smtp(dv.directory)
    tmp = Path(tempfile.mkdtemp(prefix="intake-kill9-"))
    try:
        form = docx_form(SAMPLE)
        c = dv.client()
        for i in range(n):
            c.append("INBOX", referral_email(f"W {i} <w{i}@liverpool.gov.uk>", TO, "Referral", [("f.docx", form)],
                                             message_id=f"<k{i}@liverpool.gov.uk>"))
        c.logout()
        cfg = config(dv, smtp, tmp)
        rng = random.Random(2026)
        kills = 0
        for _ in range(rounds):
            proc = subprocess.Popen([sys.executable, "-m", "intake", "--config", str(cfg), "poll", "--once"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 1.5))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
        final = subprocess.run([sys.executable, "-m", "intake", "--config", str(cfg), "poll", "--once"],
                               capture_output=True, text=True)
        engine = create_engine(f"sqlite:///{tmp / 'intake.db'}")
        with Session(engine) as s:
            inbound = s.exec(select(InboundMessage)).all()
            cases = s.exec(select(Case)).all()
            acks = s.exec(select(OutboundEmail).where(OutboundEmail.kind == "acknowledgement")).all()
        per_message = Counter(c.message_id for c in cases)
        smtp_acks = Counter(m["msg"]["In-Reply-To"] for m in smtp.handler.messages if m["msg"]["Auto-Submitted"] == "auto-replied")
        print(f"{rounds} rounds, {kills} killed with SIGKILL; final run exit {final.returncode}")
        print(f"inbound records {len(inbound)} for {n} messages ({len({m.message_id for m in inbound})} distinct); "
              f"outcomes {dict(Counter(m.outcome for m in inbound))}; left in INBOX {dv.count('INBOX')}")
        print(f"cases {len(cases)}; messages with more than one case: {sum(1 for v in per_message.values() if v > 1)}")
        print(f"acknowledgement rows {len(acks)} ({dict(Counter(a.status for a in acks))})")
        print(f"acknowledgements received by SMTP: {sum(smtp_acks.values())} for {len(smtp_acks)} messages; "
              f"duplicates {sum(v - 1 for v in smtp_acks.values())} (a kill between the server's 250 and our commit)")
    finally:
        smtp.stop()
        dv.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
