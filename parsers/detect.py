"""Format detection by content (magic bytes and container members), never by file name."""

from __future__ import annotations

import io
import re
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole_streams(data: bytes) -> set[str]:
    """Names of the streams in an OLE compound file's root directory (best effort, no dependency)."""
    import struct

    try:
        sector_shift = struct.unpack_from("<H", data, 30)[0]
        size = 1 << sector_shift
        first_dir = struct.unpack_from("<I", data, 48)[0]
        names = set()
        # Read the directory chain's first sectors by following the FAT (enough for small directories).
        num_fat = struct.unpack_from("<I", data, 44)[0]
        difat = struct.unpack_from("<109I", data, 76)[:num_fat]
        fat = []
        for s in difat:
            off = (s + 1) * size
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, off))
        sector, seen = first_dir, 0
        while sector < 0xFFFFFFFA and seen < 64:
            off = (sector + 1) * size
            for i in range(size // 128):
                entry = data[off + i * 128: off + (i + 1) * 128]
                if len(entry) < 128:
                    break
                nlen = struct.unpack_from("<H", entry, 64)[0]
                if 2 <= nlen <= 64:
                    names.add(entry[: nlen - 2].decode("utf-16-le", "replace"))
            sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
            seen += 1
        return names
    except (struct.error, IndexError, ValueError):
        return set()


def detect(data: bytes) -> str:
    """One of: docx, docm, dotx, xlsx, pptx, odt, zip, doc, encrypted_office, ole, pdf, rtf, html, text, image, empty, unknown."""
    if not data:
        return "empty"
    head = data[:8]
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "[Content_Types].xml" in names:
                    info = z.getinfo("[Content_Types].xml")
                    if info.file_size > 1_000_000:
                        return "zip"
                    ct = z.read("[Content_Types].xml").decode("utf-8", "replace")
                    if "macroEnabled" in ct and "wordprocessingml" in ct.lower() or "word/vbaProject.bin" in names:
                        return "docm"
                    if "wordprocessingml.template" in ct:
                        return "dotx"
                    if "wordprocessingml.document" in ct:
                        return "docx"
                    if "spreadsheetml" in ct:
                        return "xlsx"
                    if "presentationml" in ct:
                        return "pptx"
                if "mimetype" in names and b"opendocument.text" in z.read("mimetype")[:100]:
                    return "odt"
                return "zip"
        except Exception:  # BadZipFile, zlib.error, ValueError (bad offsets), NotImplementedError (method) ...
            return "corrupt_zip"
    if head == OLE_MAGIC:
        streams = _ole_streams(data)
        if "EncryptedPackage" in streams:
            return "encrypted_office"
        if "WordDocument" in streams:
            return "doc"
        return "ole"
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if head[:3] == b"\xff\xd8\xff" or head.startswith(b"\x89PNG") or head[:4] in (b"GIF8", b"II*\x00", b"MM\x00*"):
        return "image"
    sample = data[:2048].lower()
    if b"<html" in sample or b"<!doctype html" in sample:
        return "html"
    try:
        data[:4096].decode("utf-8")
        if not re.search(rb"[\x00-\x08\x0e-\x1f]", data[:4096]):
            return "text"
    except UnicodeDecodeError:
        pass
    return "unknown"
