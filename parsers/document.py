"""One file's bytes -> ParseResult: detect the format, read it into blocks, assemble, judge."""

from __future__ import annotations

import copy
import logging
import os

from parsers.assemble import assemble as _cascade
from parsers.blocks import current_answers, one_copy
from parsers.detect import detect
from parsers.docx_reader import read_docx
from parsers.pdf_reader import read_pdf_pictures
from parsers.reader import read
from parsers.result import ParseResult
from parsers.safety import UnsafeFile

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 25_000_000
MIN_LABELS_FOR_FORM = 6
MIN_VALUES_FOR_FILLED = 3
FORMAT_NAMES = {"corrupt_zip": "docx", "encrypted_office": "ole"}


READERS = {"both": "both", "model": "model", "rules": "rules", "cascade": "rules"}


def reader_mode() -> str:
    """Which reader reads forms (docs/reader.md): 'both' (the default: the trained reader, the rule reader's
    agreement vouching for values it is less sure of), 'model' (the trained reader alone) or 'rules' (the rule
    reader alone), as INTAKE_READER says; an unknown name reads with both."""
    return READERS.get(os.environ.get("INTAKE_READER", "both").strip().lower(), "both")


def assemble(blocks, rule_blocks=None):
    """Blocks -> reading. ``rule_blocks``: the rule reader's own picture of the form, where it differs (a PDF's);
    else it reads a copy of ``blocks`` (it changes the blocks it reads)."""
    mode = reader_mode()
    if mode == "rules":
        return _cascade(one_copy(current_answers(blocks)))
    if mode == "model":
        return read(one_copy(blocks))
    second = _second_opinion(rule_blocks if rule_blocks is not None else copy.deepcopy(blocks))
    reading = read(one_copy(blocks), second=second.record if second is not None else None)
    if second is not None:   # labels neither reader took for a field: for teaching the form ([vocabulary])
        listed = {e["label"].casefold() for e in reading.explain.get("unrecognised", [])}
        reading.explain.setdefault("unrecognised", []).extend(
            {"label": label, "at": at} for label, at in second.unrecognised if label.casefold() not in listed)
    return reading


def _second_opinion(blocks):
    """The rule reader's reading, to vouch for the trained reader's values; None where it cannot read the form (the
    trained reader then reads it alone: a second opinion that fails loses no reading)."""
    try:
        return _cascade(one_copy(current_answers(blocks)))
    except MemoryError:
        raise
    except Exception as exc:
        log.warning("the rule reader could not read this form (%s): the trained reader reads it alone",
                     exc.__class__.__name__)
        return None


def pdf_pictures(data: bytes) -> tuple[list, list | None, dict]:
    """(the picture the reader reads, the rule reader's own where both read, info): the trained reader's picture
    also reads ruled tables printed on a fillable form's pages and boxes drawn apart as table cells."""
    mode = reader_mode()
    if mode == "both":
        try:
            (printed, plain), info = read_pdf_pictures(data, (True, False))
        except (MemoryError, UnsafeFile):
            raise
        except Exception as exc:   # the rule reader's picture failing must not lose the trained reader's reading
            log.warning("the rule reader's picture of this PDF could not be made (%s): the trained reader reads it "
                        "alone", exc.__class__.__name__)
            (printed,), info = read_pdf_pictures(data, (True,))
            plain = []
        return printed, plain, info
    (blocks,), info = read_pdf_pictures(data, (mode == "model",))
    return blocks, None, info


def required_missing(record: dict) -> list[str]:
    missing = []
    ref = record["referrer"]
    if ref["name"] is None:
        missing.append("referrer.name")
    if ref["email"] is None and ref["phone"] is None:
        missing += ["referrer.email", "referrer.phone"]
    if not record["children"]:
        missing.append("children[0].name")
    for i, c in enumerate(record["children"]):
        if c["name"] is None:
            missing.append(f"children[{i}].name")
    if record["incident"]["date"] is None:
        missing.append("incident.date")
    if record["incident"]["summary"] is None:
        missing.append("incident.summary")
    return missing


def explanation(walk) -> dict:
    """What the parser made of each label: for ``intake parse --explain``."""
    if isinstance(walk.explain, dict):
        return walk.explain
    return {"labels": walk.explain, "unrecognised": [{"label": label, "at": at} for label, at in walk.unrecognised]}


def judge(name, fmt, walk, warnings) -> ParseResult:
    if walk.labels_seen < MIN_LABELS_FOR_FORM:
        return ParseResult(name, fmt, "needs_review", "not_a_form", None, [], warnings + [
            f"only {walk.labels_seen} form labels recognised: this does not look like a referral form"],
            explain=explanation(walk))
    if walk.values_set < MIN_VALUES_FOR_FILLED:
        return ParseResult(name, fmt, "needs_review", "empty_form", None, [], warnings + ["the form has no answers filled in"],
                           explain=explanation(walk))
    return ParseResult(name, fmt, "parsed", None, walk.record, required_missing(walk.record), warnings + walk.warnings,
                       sources=walk.sources, explain=explanation(walk))


def convert_legacy(data: bytes, kind: str, timeout: int = 60) -> bytes | None:
    """.doc/.rtf -> .docx with LibreOffice where it is installed (headless, own profile, time-limited)."""
    import os
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory(prefix="intake-lo-") as tmp:
        src = os.path.join(tmp, f"in.{kind}")
        with open(src, "wb") as fh:
            fh.write(data)
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                            "--convert-to", "docx", "--outdir", tmp, src],
                           capture_output=True, timeout=timeout, check=False)
        except (subprocess.TimeoutExpired, OSError):
            return None
        out = os.path.join(tmp, "in.docx")
        if not os.path.exists(out):
            return None
        with open(out, "rb") as fh:
            return fh.read()


def _caused_by_memory(exc: BaseException) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, MemoryError) or "MemoryError" in repr(getattr(exc, "args", ())):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def parse_document(data: bytes, filename: str | None = None) -> ParseResult:
    name = filename
    if len(data) > MAX_FILE_BYTES:
        return ParseResult.rejected(name, "unknown", "too_large", f"file is larger than {MAX_FILE_BYTES} bytes")
    try:
        kind = detect(data)
    except Exception:  # detection reads container headers; a broken one is a corrupt file
        kind = "unknown"
    fmt = FORMAT_NAMES.get(kind, kind)
    try:
        if kind in ("docx", "dotx", "docm"):
            blocks, info = read_docx(data)
            warnings = []
            if kind == "docm" or info["macros"]:
                return ParseResult.needs_review(name, "docm", "macro_enabled", "the document contains macros (not run)")
            return judge(name, "docx", assemble(blocks), warnings)
        if kind == "pdf":
            blocks, rule_blocks, info = pdf_pictures(data)
            if info.get("encrypted"):
                return ParseResult.needs_review(name, "pdf", "encrypted", "the PDF is password-protected")
            if info.get("scanned"):
                return ParseResult.needs_review(name, "pdf", "scanned", "the PDF has no text layer (a scan)")
            return judge(name, "pdf", assemble(blocks, rule_blocks), [])
        if kind == "corrupt_zip":
            return ParseResult.rejected(name, "docx", "corrupt", "the file is a damaged zip/Office package")
        if kind == "encrypted_office":
            return ParseResult.needs_review(name, "docx", "encrypted", "the Office document is password-protected")
        if kind in ("doc", "rtf"):
            converted = convert_legacy(data, kind)
            if converted is None:
                return ParseResult.needs_review(name, kind, "legacy_format", "legacy Word format: save as .docx or PDF")
            blocks, _ = read_docx(converted)
            result = judge(name, kind, assemble(blocks), [f"converted from .{kind} to .docx by LibreOffice before parsing"])
            if result.status != "parsed":
                result.reason = result.reason or "legacy_format"
            return result
        if kind == "empty":
            return ParseResult.rejected(name, "unknown", "corrupt", "the file is empty")
        return ParseResult.needs_review(name, kind, "not_a_form", f"{kind} files are not referral forms")
    except UnsafeFile as exc:
        status = "rejected"
        return ParseResult(name, fmt, status, exc.reason, None, [], [str(exc)])
    except MemoryError:
        return ParseResult.rejected(name, fmt, "too_large", "parsing needed more memory than allowed")
    except Exception as exc:  # a broken file must not take the caller down
        if _caused_by_memory(exc):  # libraries wrap MemoryError (pdfplumber: PdfminerException)
            return ParseResult.rejected(name, fmt, "too_large", "parsing needed more memory than allowed")
        log.warning("could not parse a %s file: %s", fmt, exc.__class__.__name__)
        return ParseResult.rejected(name, fmt, "corrupt", f"the file could not be read ({exc.__class__.__name__})")
