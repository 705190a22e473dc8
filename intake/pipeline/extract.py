"""Extract: parse each attached file that could be a form (pure apart from the parse call)."""

from __future__ import annotations

import time
from typing import Callable

from intake.pipeline.context import MessageContext, PARSE_TIMED_OUT, ParsedAttachment
from intake.storable import storable_value
from parsers import ParseResult

# Files that are never forms: pictures (signature logos), calendar invites, vCards, signatures.
NOT_FORMS = ("image/", "text/calendar", "text/vcard", "text/x-vcard", "application/pkcs7-signature",
             "application/x-pkcs7-signature", "application/pgp-signature", "message/delivery-status")


def candidate(content_type: str, name: str | None) -> bool:
    if any(content_type.startswith(p) for p in NOT_FORMS):
        return False
    if content_type.startswith("text/") and not (name or "").lower().endswith((".rtf", ".txt")):
        return False
    return True


FORM_SUFFIXES = (".docx", ".pdf", ".dotx", ".doc", ".docm", ".rtf", ".odt")
TIME_BUDGET_SPENT = "parsing took longer than the time allowed for this email (the rest was not read)"


def _likely_form_first(f) -> int:
    return 0 if (f.name or "").lower().endswith(FORM_SUFFIXES) else 1


def extract(ctx: MessageContext, parse: Callable, limits, clock: Callable[[], float] = time.monotonic) -> None:
    """Parse the files that could be forms: at most ``limits.max_forms_per_message`` of them (likely forms
    first), within ``limits.message_parse_seconds`` for the whole message. Files left unread are recorded
    (``not_read``, or a timed-out parse that makes the message retryable), never silently dropped."""

    if ctx.reading_started is None:  # (plans read before the forms spent the same budget: action_plan_step)
        ctx.reading_started = clock()
    started = ctx.reading_started
    files = sorted((f for f in ctx.facts.attachments if candidate(f.content_type, f.name)), key=_likely_form_first)
    for n, f in enumerate(files):
        if n >= limits.max_forms_per_message:
            result = ParseResult.rejected(f.name, "unknown", "not_read",
                                          f"only {limits.max_forms_per_message} files are read per email")
        elif len(f.data) > limits.max_attachment_bytes:
            result = ParseResult.rejected(f.name, "unknown", "too_large",
                                          f"file is larger than the limit of {limits.max_attachment_bytes} bytes")
        elif clock() - started >= limits.message_parse_seconds:
            result = ParseResult.rejected(f.name, "unknown", "too_large", TIME_BUDGET_SPENT)
        else:
            result = storable_result(parse(f.data, f.name))
        if timed_out(result) and PARSE_TIMED_OUT not in ctx.reasons:
            ctx.reasons.append(PARSE_TIMED_OUT)
        ctx.parsed.append(ParsedAttachment(file=f, result=result))


def storable_result(result):
    """A form's answers, warnings and sources made storable (a PDF's text may hold a NUL)."""
    for name in ("file", "reason", "record", "missing", "warnings", "sources"):
        if hasattr(result, name):
            setattr(result, name, storable_value(getattr(result, name)))
    return result


def timed_out(result) -> bool:
    """The sandbox's answer when a file's parse overran its wall-clock limit (parsers/worker.py)."""
    return result.status == "rejected" and any("longer than the time allowed" in w for w in result.warnings)
