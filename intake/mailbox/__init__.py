"""The mailbox: where referral emails come from, and reading them.

``source`` is the one small protocol (``FetchedMessage``, ``MailSource``); ``imap_source`` (the only module
importing ``imapclient``) and ``maildir_source`` are its adapters; ``oauth`` acquires OAuth2 tokens for IMAP and
SMTP; ``mail`` reads a MIME message into plain facts and attachments; ``unpack`` opens container attachments
(winmail.dat, .msg) in a sandboxed child process. It may use ``errors`` and ``parsers`` only: it knows nothing
of the database, the pipeline or the notifier, so the notifier's SMTP sender may use its OAuth2.
"""
