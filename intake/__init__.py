"""referral-intake: email-driven intake for a safeguarding partnership's review group."""

__version__ = "0.1.0"
