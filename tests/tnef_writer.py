"""A minimal TNEF (winmail.dat) writer, enough for tnefparse to find attachments (MS-OXTNEF 2.1)."""

from __future__ import annotations

import struct

SIGNATURE = 0x223E9F78


def _attr(level: int, attr_id: int, data: bytes) -> bytes:
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def winmail_dat(files: list[tuple[str, bytes]]) -> bytes:
    out = struct.pack("<IH", SIGNATURE, 0x0001)
    out += _attr(1, 0x00089006, struct.pack("<I", 0x00010000))      # attTnefVersion
    out += _attr(1, 0x00069007, b"\x00\x00\x00\x00")                 # attOemCodepage (placeholder)
    for name, data in files:
        out += _attr(2, 0x00069002, b"\x01\x00\xff\xff\xff\xff" + b"\x00" * 8)  # attAttachRendData: starts one
        out += _attr(2, 0x00018010, name.encode("latin-1") + b"\x00")  # attAttachTitle
        out += _attr(2, 0x0006800F, data)                               # attAttachData
    return out
