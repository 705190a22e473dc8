"""Opening Outlook containers (winmail.dat TNEF, attached .msg) in a separate, limited process.

tnefparse and extract-msg read a stranger's bytes. Here they run in ``python -m intake.mailbox.unpack``
under the same CPU-time, memory and wall-clock limits as a form's parse ([limits]), so a container
with hundreds of attachments or a malformed one costs the service only the wait. A container that
cannot be opened within the limits is kept as it is (and then parsed as an unreadable file).

One process per message, for all its containers (issue 23.5: 190 tiny winmail.dat parts once started 190
processes, 24-42 s): its wall-clock limit is the message's whole unpacking budget, and at most
``limits.max_parts_per_message`` files come out of it; both are checked before each container is opened.

Request on stdin: one JSON header line (never in argv: file names may name a child, and argv is
visible to every local user) listing the files, then each file's bytes as a frame. Response: per file
out, a JSON frame (name, type, forwarded_from) and a data frame (parsers.worker's framing).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

from intake.mailbox.mail import MAX_PARTS, AttachedFile, expand_containers, is_container
from parsers.frames import read_frame, write_frame


def unpack_isolated(files: list[AttachedFile], seconds: int = 30, memory_mb: int = 512,
                    max_parts: int = MAX_PARTS) -> list[AttachedFile]:
    """Like ``expand_containers``, with all the message's containers opened in one limited child process."""
    files = files[:max_parts]  # the count budget, before anything is opened
    if not any(is_container(f) for f in files):
        return files
    header = json.dumps({"files": [{"name": f.name, "content_type": f.content_type,
                                    "forwarded_from": f.forwarded_from} for f in files],
                         "seconds": seconds, "memory_mb": memory_mb, "max_parts": max_parts})
    # Request and answer go through temporary files (mode 0600, unlinked at once), read back one file at a time,
    # so a container of hundreds of files never sits in memory twice.
    with tempfile.TemporaryFile() as request, tempfile.TemporaryFile() as answer:
        request.write(header.encode() + b"\n")
        for f in files:
            write_frame(request, f.data)
        request.seek(0)
        try:
            proc = subprocess.run([sys.executable, "-m", "intake.mailbox.unpack"], stdin=request,
                                  stdout=answer, stderr=subprocess.DEVNULL, timeout=seconds + 5)
        except subprocess.TimeoutExpired:
            return files
        if proc.returncode != 0:
            return files
        answer.seek(0)
        out = []
        while (meta := read_frame(answer)) is not None and (data := read_frame(answer)) is not None:
            item = json.loads(meta)
            out.append(AttachedFile(item["name"], item["content_type"], data, forwarded_from=item["forwarded_from"]))
    return out[:max_parts]


def main() -> int:
    import resource

    started = time.monotonic()
    stdin = sys.stdin.buffer
    req = json.loads(stdin.readline())
    seconds, limit = int(req["seconds"]), int(req["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    files = [AttachedFile(meta["name"], meta["content_type"], read_frame(stdin) or b"",
                          forwarded_from=meta["forwarded_from"]) for meta in req["files"]]
    # stop opening containers well before the parent's wall-clock limit: what is open by then is answered
    files = expand_containers(files, max_parts=int(req["max_parts"]), deadline=started + seconds * 0.8)
    out = sys.stdout.buffer
    for f in files:
        write_frame(out, json.dumps({"name": f.name, "content_type": f.content_type,
                                     "forwarded_from": f.forwarded_from}).encode())
        write_frame(out, f.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
