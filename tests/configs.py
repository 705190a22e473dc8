"""The smallest configuration on local parts (a Maildir in, a directory outbox, SQLite) that the command-line
tests write into their temporary folder; a test adds its own sections after it."""

LOCAL_CONFIG = """
[people]
manager = "manager@liverpool.gov.uk"
chair = "chair@merseyside.police.uk"
[mailbox]
backend = "maildir"
path = "maildir"
[smtp]
backend = "directory"
path = "outbox"
from = "LSCP Referrals <referrals@liverpool.gov.uk>"
[database]
url = "sqlite:///intake.db"
[storage]
path = "files"
"""
