"""Classify: a table of pure rules, first match wins, every hit recorded.

Each rule is a function of the message facts and the Situation (what the
database already knows), returning a reason string when it matches. The
outcomes here stop the pipeline; a message no rule claims goes on to extract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from intake.duties.attendance import is_calendar_reply
from intake.mailbox.mail import MessageFacts, domain_allowed

AUTO_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|undeliverable|undelivered mail|"
    r"delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|"
    r"read:|not read:|delivery has failed|failure notice|abwesenheitsnotiz)",
    re.I,
)
# What an auto-reply or a bounce says at the top of its body. A subject alone never makes mail automatic: a person
# writes "Out of office hours referral – child admitted to A&E" too.
AUTO_BODY = re.compile(
    r"^\W*(this is an? automatic(ally generated)? (reply|response|message)|i am (currently )?(out of|away from) the office|"
    r"i('m| am) (currently )?(on (annual )?leave|away)( from)? .{0,40}\b(until|returning|back)\b|"
    r"thank you for your (e-?mail|message)[.,!]? i am (currently )?(out|away|on leave)|"
    r"delivery has failed to these recipients|this is the mail system at host|"
    r"your message (could not|couldn't|wasn't|was not) (be )?delivered|i'm afraid i wasn't able to deliver)",
    re.I)
NULL_SENDERS = ("mailer-daemon", "postmaster", "no-reply", "noreply", "do-not-reply", "donotreply", "bounce")


@dataclass(frozen=True)
class Situation:
    """What the database knows that a rule may need (filled in before classifying)."""
    seen_before: str | None = None            # reason, when the same message was processed already
    thread_case: str | None = None            # reference of the case this message replies to
    our_addresses: frozenset[str] = frozenset()
    is_our_message: bool = False               # its Message-ID is one we sent
    our_msgid_suffix: str = ""                 # e.g. ".intake@liverpool.gov.uk>": how our Message-IDs end
    allowed_domains: tuple[str, ...] = ()
    loop_header_value: str = ""
    people: frozenset[str] = frozenset()       # the Manager's and the Chair's addresses
    command_like: bool = False                 # command lines or a reply token at the top of the body
    token_person: str | None = None            # the person a valid reply token in the body was issued to
    token_purpose: str | None = None           # what that token was issued for ("action_owner": an action's owner)
    authenticated: bool | None = None          # None: not required; else dmarc=pass for the From domain


@dataclass
class Decision:
    outcome: str | None
    reasons: list[str] = field(default_factory=list)
    rule: str | None = None                    # the name of the rule that decided


# Automatic mail whose attachments are still read for forms (never answered): a MASH system, a school's
# mailing tool, a no-reply sender. Our own mail and delivery reports are not.
FORM_BEARING_AUTO_RULES = ("rule_auto_submitted", "rule_bounce", "rule_list")


def may_carry_forms(decision: Decision, f: MessageFacts, s: Situation) -> bool:
    """Automatic mail from a partner domain that is not a bounce or our own mail: look for forms in it."""
    if decision.outcome != "ignored_auto" or decision.rule not in FORM_BEARING_AUTO_RULES:
        return False
    if f.content_type == "multipart/report" or not f.from_address:
        return False
    if f.from_address.split("@")[0].startswith(("mailer-daemon", "postmaster")):
        return False
    return domain_allowed(f.from_address, s.allowed_domains) and s.authenticated is not False


def rule_duplicate(f: MessageFacts, s: Situation) -> str | None:
    return s.seen_before


def rule_auto_submitted(f: MessageFacts, s: Situation) -> str | None:
    value = f.headers.get("auto-submitted", "").strip().lower()
    if value and not value.startswith("no"):
        return f"Auto-Submitted: {value}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response"):
        if name in f.headers:
            return f"{name} header"
    if re.search(r"\b(vacation|autoreply)\b", f.headers.get("x-apple-action", ""), re.I):
        return "X-Apple-Action: vacation"  # iCloud's vacation reply carries no other automatic header
    if "x-auto-response-suppress" in f.headers and re.search(r"\b(all|oof|autoreply)\b", f.headers["x-auto-response-suppress"], re.I):
        if AUTO_SUBJECT.search(f.subject):
            return "X-Auto-Response-Suppress on an automatic reply"
    return None


def rule_bounce(f: MessageFacts, s: Situation) -> str | None:
    if f.content_type == "multipart/report":
        return "delivery or read report (multipart/report)"
    if f.from_address is None:
        return "null or missing sender"
    local = f.from_address.split("@")[0]
    if any(local.startswith(p) for p in NULL_SENDERS):
        return f"automatic sender address ({local})"
    if f.headers.get("return-path", "").strip() == "<>":
        return "null Return-Path (bounce)"
    if AUTO_SUBJECT.search(f.subject) and auto_body(f.body_text):
        return "subject and body of an automatic reply or bounce"
    return None


def auto_body(text: str) -> bool:
    """The first lines say what an automatic reply or a bounce says."""
    top = " ".join((text or "")[:2000].split())
    return bool(AUTO_BODY.match(top))


def rule_list(f: MessageFacts, s: Situation) -> str | None:
    precedence = f.headers.get("precedence", "").strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    for name in ("list-id", "list-unsubscribe"):
        if name in f.headers:
            return f"mailing list ({name})"
    return None


def rule_our_own(f: MessageFacts, s: Situation) -> str | None:
    if f.from_address and f.from_address in s.our_addresses:
        return "sent from our own address"
    if s.loop_header_value and s.loop_header_value in f.headers.get("x-loop", ""):
        return "carries our X-Loop header"
    if s.is_our_message:
        return "a message we sent came back"
    if s.our_msgid_suffix and f.message_id and f.message_id.lower().endswith(s.our_msgid_suffix):
        return "carries one of our Message-IDs"
    return None


UNAUTHENTICATED = "sender not authenticated"


def rule_sender_not_allowed(f: MessageFacts, s: Situation) -> str | None:
    if not domain_allowed(f.from_address, s.allowed_domains):
        return f"sender domain {f.from_address.rsplit('@', 1)[-1] if f.from_address else '?'} is not a partner domain"
    if s.authenticated is False:
        return f"{UNAUTHENTICATED}: the receiving server's Authentication-Results shows no dmarc=pass for the From domain"
    return None


AUTH_RESULTS_DMARC = re.compile(r"\bdmarc\s*=\s*pass\b[^;]*?\bheader\.from\s*=\s*\"?([A-Za-z0-9.-]+)", re.I)


def dmarc_pass(f: MessageFacts, authserv_id: str = "") -> bool:
    """True when the receiving server's Authentication-Results (the topmost, or the one from
    ``authserv_id``) shows dmarc=pass for the From address's domain."""
    if not f.from_address:
        return False
    headers = f.auth_results if authserv_id else f.auth_results[:1]
    domain = f.from_address.rsplit("@", 1)[1].lower()
    for value in headers:
        server = value.split(";", 1)[0].strip().split()[0].lower() if value.strip() else ""
        if authserv_id and server != authserv_id.lower():
            continue
        if any(m.group(1).lower().rstrip(".") == domain for m in AUTH_RESULTS_DMARC.finditer(value)):
            return True
        if authserv_id:
            return False
    return False


def rule_command(f: MessageFacts, s: Situation) -> str | None:
    if s.command_like and f.from_address in s.people:
        return "instruction from a configured person"
    if s.command_like and s.token_person in s.people:
        return "instruction carrying a configured person's reply token"
    return None


def rule_owner_command(f: MessageFacts, s: Situation) -> str | None:
    # From anyone: a reply carrying an owner's token is checked (and refused, the owner told, when forged)
    if s.command_like and s.token_purpose == "action_owner":
        return "a reply carrying an action owner's reply token"
    return None


def calendar_parts(f: MessageFacts) -> list[bytes]:
    """The calendar parts of a message that answer an invitation (METHOD:REPLY)."""
    return [a.data for a in f.attachments
            if (a.content_type == "text/calendar" or (a.name or "").lower().endswith(".ics")) and is_calendar_reply(a.data)]


def rule_calendar_reply(f: MessageFacts, s: Situation) -> str | None:
    # Outlook's Accept/Tentative/Decline to the Rapid Review invitation: attendance, never a change to the case
    return "an answer to a calendar invitation (METHOD:REPLY)" if calendar_parts(f) else None


def rule_reply_to_case(f: MessageFacts, s: Situation) -> str | None:
    return f"reply in the thread of {s.thread_case}" if s.thread_case else None


RULES: list[tuple[str, Callable[[MessageFacts, Situation], str | None]]] = [
    ("duplicate", rule_duplicate),
    ("ignored_auto", rule_our_own),
    ("calendar_reply", rule_calendar_reply),
    ("ignored_auto", rule_auto_submitted),
    ("ignored_auto", rule_bounce),
    ("ignored_auto", rule_list),
    ("command", rule_owner_command),
    ("command", rule_command),
    ("sender_not_allowed", rule_sender_not_allowed),
    ("reply_to_case", rule_reply_to_case),
]


def classify(facts: MessageFacts, situation: Situation) -> Decision:
    """First matching rule decides; None means: go on and look for forms."""
    for outcome, rule in RULES:
        reason = rule(facts, situation)
        if reason:
            return Decision(outcome, [f"{rule.__name__}: {reason}"], rule.__name__)
    return Decision(None, [])
