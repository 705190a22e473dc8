"""Extract: parse each attached file that could be a form (pure apart from the parse call)."""

from __future__ import annotations

from typing import Callable

from intake.pipeline.context import PARSE_TIMED_OUT, MessageContext, ParsedAttachment

# Files that are never forms: pictures (signature logos), calendar invites, vCards, signatures.
NOT_FORMS = ("image/", "text/calendar", "text/vcard", "text/x-vcard", "application/pkcs7-signature",
             "application/x-pkcs7-signature", "application/pgp-signature", "message/delivery-status")


def candidate(content_type: str, name: str | None) -> bool:
    if any(content_type.startswith(p) for p in NOT_FORMS):
        return False
    if content_type.startswith("text/") and not (name or "").lower().endswith((".rtf", ".txt")):
        return False
    return True


def extract(ctx: MessageContext, parse: Callable, max_attachment_bytes: int) -> None:
    for f in ctx.facts.attachments:
        if not candidate(f.content_type, f.name):
            continue
        if len(f.data) > max_attachment_bytes:
            from parsers import ParseResult

            result = ParseResult.rejected(f.name, "unknown", "too_large",
                                          f"file is larger than the limit of {max_attachment_bytes} bytes")
        else:
            result = parse(f.data, f.name)
        if timed_out(result) and PARSE_TIMED_OUT not in ctx.reasons:
            ctx.reasons.append(PARSE_TIMED_OUT)
        ctx.parsed.append(ParsedAttachment(file=f, result=result))


def timed_out(result) -> bool:
    """The sandbox's answer when a file's parse overran its wall-clock limit (parsers/worker.py)."""
    return result.status == "rejected" and any("longer than the time allowed" in w for w in result.warnings)
