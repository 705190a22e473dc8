"""The small error tree, and what each branch means to the caller.

    IntakeError
     ├── ConfigError          bad configuration: exit 2, one sentence naming the key
     ├── RetryLater           a server is unavailable: keep the work, try next cycle
     │    ├── MailSourceUnavailable
     │    └── DeliveryUnavailable
     │         └── SmtpServerUnavailable   no connection or login: no message was tried
     └── PermanentDeliveryError   the receiving server refused (5xx): mark failed, visible

A message's ordinary outcomes (ignored, needs a human, ...) are not errors: the
pipeline records them on the message context (``MessageContext.stop``). Anything
else raised while processing a message is a *bug*: the message is quarantined
(outcome ``failed``) and the batch carries on.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(IntakeError):
    """The configuration is wrong; the message names the key and what is expected."""


class RetryLater(IntakeError):
    """A server is unavailable; nothing is lost, the work is retried on the next cycle."""


class MailSourceUnavailable(RetryLater):
    """The mailbox could not be reached or refused us."""


class DeliveryUnavailable(RetryLater):
    """The SMTP server is unreachable or answered with a transient (4xx) error."""


class SmtpServerUnavailable(DeliveryUnavailable):
    """The SMTP server could not be reached or refused our login: no message was tried, none counts a try."""


class PermanentDeliveryError(IntakeError):
    """The SMTP server refused the message permanently (5xx)."""
