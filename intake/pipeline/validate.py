"""Validate: decide between a referral (at least one usable form) and needs_info."""

from __future__ import annotations

from intake.pipeline.context import MessageContext

# Reasons that mean "this was meant as a form, but we cannot read it": the reply asks for a usable copy.
UNUSABLE_FORM_REASONS = ("legacy_format", "encrypted", "macro_enabled", "scanned", "corrupt", "too_large", "empty_form",
                         "not_read")


def unusable_forms(ctx: MessageContext) -> list:
    return [p for p in ctx.parsed if p.result.status != "parsed" and p.result.reason in UNUSABLE_FORM_REASONS]


def validate(ctx: MessageContext) -> None:
    if ctx.facts.too_complex:
        ctx.stop("needs_info", "message has too many nested parts to read; kept for a person to look at")
    elif ctx.forms:
        ctx.stop("referral", f"{len(ctx.forms)} form(s) parsed")
    elif unusable_forms(ctx):
        reasons = sorted({p.result.reason for p in unusable_forms(ctx)})
        ctx.stop("needs_info", "attached form could not be used: " + ", ".join(reasons))
    elif ctx.parsed:
        ctx.stop("needs_info", "attachments are not referral forms")
    else:
        ctx.stop("needs_info", "no form attached")
