"""Untrusted-file guards: zip bombs, XML with DOCTYPE (entity expansion), oversized members."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

MAX_MEMBER_BYTES = 50_000_000
MAX_TOTAL_BYTES = 200_000_000
MAX_RATIO = 200


class UnsafeFile(Exception):
    """The file breaks a safety limit; ``reason`` is a DESIGN 4.3 reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open an Office zip after checking every member's declared size and compression ratio."""
    z = zipfile.ZipFile(io.BytesIO(data))
    total = 0
    for info in z.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise UnsafeFile("too_large", f"zip member {info.filename!r} inflates to {info.file_size} bytes")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 5_000_000:
            raise UnsafeFile("too_large", f"zip member {info.filename!r} has a compression ratio typical of a zip bomb")
    return z


def read_member(z: zipfile.ZipFile, name: str) -> bytes:
    info = z.getinfo(name)
    with z.open(info) as fh:
        data = fh.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise UnsafeFile("too_large", f"zip member {name!r} is larger than declared")
    return data


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                          remove_blank_text=False)


def parse_xml(data: bytes):
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise UnsafeFile("corrupt", "XML part carries a DOCTYPE (refused: entity expansion)")
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnsafeFile("corrupt", f"XML part is not well formed: {exc}") from exc
