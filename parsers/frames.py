"""The frames the service and its parse workers talk in, on a pipe: a 4-byte big-endian length, then the payload.

Kept apart from the worker program (``parsers.worker``), which imports every reader and warms them up when it
starts: the service and the unpack sandbox only need the frames.
"""

from __future__ import annotations

import struct


def read_frame(stream) -> bytes | None:
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = struct.unpack(">I", head)
    data = stream.read(size)
    return data if len(data) == size else None


def write_frame(stream, payload: bytes) -> None:
    stream.write(struct.pack(">I", len(payload)) + payload)
    stream.flush()
