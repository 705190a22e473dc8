"""Opening Outlook containers (winmail.dat TNEF, attached .msg) in a separate, limited process.

tnefparse and extract-msg read a stranger's bytes. Here they run in ``python -m intake.mailbox.unpack``
under the same CPU-time, memory and wall-clock limits as a form's parse ([limits]), so a container
with hundreds of attachments or a malformed one costs the service only the wait. A container that
cannot be opened within the limits is kept as it is (and then parsed as an unreadable file).

Request on stdin: one JSON header line (never in argv: file names may name a child, and argv is
visible to every local user), then the container's bytes. Response: per file, a JSON frame
(name, type, forwarded_from) and a data frame (parsers.worker's framing).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

from intake.mailbox.mail import MAX_PARTS, AttachedFile, expand_containers, is_container
from parsers.worker import read_frame, write_frame


def unpack_isolated(files: list[AttachedFile], seconds: int = 30, memory_mb: int = 512) -> list[AttachedFile]:
    """Like ``expand_containers``, with each container opened in a limited child process."""
    out: list[AttachedFile] = []
    for f in files:
        if not is_container(f):
            out.append(f)
            continue
        header = json.dumps({"name": f.name, "content_type": f.content_type, "forwarded_from": f.forwarded_from,
                             "seconds": seconds, "memory_mb": memory_mb})
        # The answer goes to a temporary file (mode 0600, unlinked at once), read back one file at a time,
        # so a container of hundreds of files never sits in memory twice.
        with tempfile.TemporaryFile() as answer:
            try:
                proc = subprocess.run([sys.executable, "-m", "intake.mailbox.unpack"], input=header.encode() + b"\n" + f.data,
                                      stdout=answer, stderr=subprocess.DEVNULL, timeout=seconds + 5)
            except subprocess.TimeoutExpired:
                out.append(f)
                continue
            if proc.returncode != 0:
                out.append(f)
                continue
            answer.seek(0)
            while (meta := read_frame(answer)) is not None and (data := read_frame(answer)) is not None:
                item = json.loads(meta)
                out.append(AttachedFile(item["name"], item["content_type"], data, forwarded_from=item["forwarded_from"]))
    return out[:MAX_PARTS]


def main() -> int:
    import resource

    stdin = sys.stdin.buffer
    req = json.loads(stdin.readline())
    seconds, limit = int(req["seconds"]), int(req["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    data = stdin.read()
    files = expand_containers([AttachedFile(req["name"], req["content_type"], data,
                                            forwarded_from=req["forwarded_from"])])
    out = sys.stdout.buffer
    for f in files:
        write_frame(out, json.dumps({"name": f.name, "content_type": f.content_type,
                                     "forwarded_from": f.forwarded_from}).encode())
        write_frame(out, f.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
