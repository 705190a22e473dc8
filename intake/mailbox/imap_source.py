"""ImapMailSource: the referral mailbox on an IMAP server (imapclient).

The only module that imports imapclient. Messages are read with BODY.PEEK (no
\\Seen flag set), identified by UIDVALIDITY:UID, and moved (MOVE, or COPY +
\\Deleted + UID EXPUNGE of that one UID) only after their outcome is committed.
Folders are created when missing. Network and protocol errors become
MailSourceUnavailable, so the caller retries on the next cycle.
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from datetime import timezone
from typing import Callable, Iterator

import imapclient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from intake.errors import ConfigError, MailSourceUnavailable
from intake.mailbox.oauth import provider_from_config, TokenAcquisitionError
from intake.mailbox.source import FetchedMessage

log = logging.getLogger(__name__)
BATCH = 25


class ImapMailSource:
    def __init__(self, host: str, port: int, security: str, username: str, password: str,
                 inbox: str = "INBOX", timeout: float = 30.0, cafile: str | None = None,
                 token_provider=None, oauth_mechanism: str = "auto", max_message_bytes: int = 30_000_000):
        self.host, self.port, self.security = host, port, security
        self.username, self.password = username, password
        self.inbox, self.timeout, self.cafile = inbox, timeout, cafile or None
        self.token_provider = token_provider
        self.oauth_mechanism = oauth_mechanism
        self.max_message_bytes = max_message_bytes
        self.used_mechanism: str | None = None
        self.name = f"imap:{username}@{host}/{inbox}"
        self._client: imapclient.IMAPClient | None = None
        self._uidvalidity: int | None = None
        self._known_folders: set[str] = set()

    @classmethod
    def from_config(cls, cfg, token_provider=None) -> "ImapMailSource":
        m = cfg.mailbox
        if m.auth == "oauth2" and token_provider is None:
            token_provider = provider_from_config(cfg)
        password = "" if m.auth == "oauth2" else cfg.secret(m.password_env, "mailbox.password_env")
        return cls(m.host, m.port, m.security, m.username, password, m.inbox, m.timeout,
                   str(cfg.resolve(m.cafile)) if m.cafile else None, token_provider=token_provider,
                   max_message_bytes=cfg.limits.max_message_bytes)

    def _login(self, client: imapclient.IMAPClient) -> None:
        if self.token_provider is None:
            client.login(self.username, self.password)
            return
        # OAUTHBEARER (RFC 7628) where the server offers it, else XOAUTH2 (Microsoft 365, Gmail)
        bearer = self.oauth_mechanism == "oauthbearer" or (
            self.oauth_mechanism == "auto" and client.has_capability("AUTH=OAUTHBEARER"))
        for refresh in (False, True):  # a refused token is retried once with a fresh one
            token = self.token_provider.token(refresh=refresh)
            try:
                if bearer:
                    client.oauthbearer_login(self.username, token)
                else:
                    client.oauth2_login(self.username, token)
                self.used_mechanism = "OAUTHBEARER" if bearer else "XOAUTH2"
                return
            except LoginError:
                if refresh:
                    raise

    # -- connection ------------------------------------------------------
    def _ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.cafile)

    def connect(self) -> imapclient.IMAPClient:
        if self._client is not None:
            return self._client
        try:
            client = imapclient.IMAPClient(self.host, port=self.port, ssl=self.security == "tls",
                                           ssl_context=self._ssl_context(), timeout=self.timeout)
            if self.security == "starttls":
                client.starttls(self._ssl_context())
            self._login(client)
            info = client.select_folder(self.inbox)
        except TokenAcquisitionError as exc:
            raise MailSourceUnavailable(f"no OAuth2 token for the IMAP login: {exc}") from exc
        except LoginError as exc:
            if self.token_provider is not None:
                raise MailSourceUnavailable(f"IMAP XOAUTH2 login to {self.host} as {self.username} was refused even with a fresh token; check that the app has IMAP.AccessAsApp and access to this mailbox") from exc
            raise MailSourceUnavailable(f"IMAP login to {self.host} as {self.username} was refused; check mailbox.username and the password in the variable named by mailbox.password_env") from exc
        except (OSError, socket.timeout, ssl.SSLError) as exc:
            raise MailSourceUnavailable(f"cannot reach the IMAP server {self.host}:{self.port} ({exc.__class__.__name__}: {exc}); check mailbox.host, mailbox.port and mailbox.security") from exc
        except IMAPClientError as exc:
            raise MailSourceUnavailable(f"the IMAP server {self.host} refused: {exc}") from exc
        self._uidvalidity = int(info[b"UIDVALIDITY"])
        self._client = client
        return client

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.logout()
            except (IMAPClientError, OSError):
                pass
            self._client = None

    def _drop(self) -> None:
        try:
            if self._client is not None:
                self._client.shutdown()
        except (IMAPClientError, OSError):
            pass
        self._client = None

    # -- MailSource ------------------------------------------------------
    def fetch_new(self, skip: Callable[[list[str]], set[str]] | None = None) -> Iterator[FetchedMessage]:
        client = self.connect()
        try:
            uids = sorted(client.search(["NOT", "DELETED"]))
        except (IMAPClientError, OSError) as exc:
            self._drop()
            raise MailSourceUnavailable(f"IMAP search failed on {self.host}: {exc}") from exc
        for start in range(0, len(uids), BATCH):
            chunk = uids[start:start + BATCH]
            if skip is not None:  # another worker's messages are not downloaded (asked before the sizes and bodies)
                others = skip([self._key(u) for u in chunk])
                chunk = [u for u in chunk if self._key(u) not in others]
                if not chunk:
                    continue
            try:
                # Sizes first: a message over the limit is never downloaded, only its header.
                sizes = client.fetch(chunk, ["RFC822.SIZE"])
                small = [u for u in chunk if u in sizes and int(sizes[u].get(b"RFC822.SIZE", 0)) <= self.max_message_bytes]
                large = [u for u in chunk if u in sizes and u not in small]
                data = client.fetch(small, ["BODY.PEEK[]", "INTERNALDATE"]) if small else {}
                if large:
                    data.update(client.fetch(large, ["BODY.PEEK[HEADER]", "INTERNALDATE"]))
            except (IMAPClientError, OSError) as exc:
                self._drop()
                raise MailSourceUnavailable(f"IMAP fetch failed on {self.host}: {exc}") from exc
            for uid in chunk:
                item = data.get(uid)
                raw = item and (item.get(b"BODY[]") or item.get(b"BODY[HEADER]"))
                if not raw:
                    continue  # expunged meanwhile by another client
                when = item.get(b"INTERNALDATE")
                if when is not None and when.tzinfo is None:
                    when = when.replace(tzinfo=timezone.utc)
                yield FetchedMessage(
                    source_key=self._key(uid),
                    mailbox=self.name, raw=bytes(raw), uidvalidity=self._uidvalidity,
                    uid=uid, internal_date=when.astimezone(timezone.utc) if when else None,
                    size=int(sizes[uid][b"RFC822.SIZE"]) if uid in large else None,
                )

    def _key(self, uid: int) -> str:
        return f"imap:{self.host}/{self.username}/{self.inbox}:{self._uidvalidity}:{uid}"

    def ensure_folder(self, folder: str) -> None:
        if folder in self._known_folders:
            return
        client = self.connect()
        if not client.folder_exists(folder):
            try:
                client.create_folder(folder)
            except IMAPClientError:
                if not client.folder_exists(folder):
                    raise
            try:
                client.subscribe_folder(folder)
            except IMAPClientError:
                pass
        self._known_folders.add(folder)

    def move(self, message: FetchedMessage, folder: str) -> None:
        self.move_many([(message, folder)])

    def move_many(self, items: list[tuple[FetchedMessage, str]]) -> None:
        """Move messages out of the inbox, one MOVE per destination folder."""
        by_folder: dict[str, list[int]] = {}
        for message, folder in items:
            by_folder.setdefault(folder, []).append(message.uid)
        try:
            client = self.connect()
            for folder, uids in by_folder.items():
                self.ensure_folder(folder)
                if client.has_capability("MOVE"):
                    client.move(uids, folder)
                else:
                    client.copy(uids, folder)
                    client.add_flags(uids, [imapclient.DELETED])
                    if client.has_capability("UIDPLUS"):
                        client.uid_expunge(uids)
        except (IMAPClientError, OSError) as exc:
            if isinstance(exc, OSError) or isinstance(exc, IMAPClientAbortError):
                self._drop()  # a refusal (NO) leaves the connection usable: the fetch in progress goes on with it
            raise MailSourceUnavailable(f"could not move {len(items)} message(s) out of {self.inbox} on {self.host}: {exc}") from exc

    def still_in_inbox(self, message: FetchedMessage) -> bool:
        """False when the message has left the inbox (another worker moved it first)."""
        try:
            return bool(self.connect().search(["UID", str(message.uid)]))
        except (IMAPClientError, OSError):
            self._drop()
            return True

    def relocate(self, message_id: str | None, source_key: str, from_folder: str, to_folder: str) -> bool:
        """Move a message already filed in ``from_folder`` (found by Message-ID) to ``to_folder``;
        used after reprocessing. False when it is not there."""
        if not message_id:
            return False
        client = self.connect()
        try:
            if not client.folder_exists(from_folder):
                return False
            client.select_folder(from_folder)
            uids = client.search(["HEADER", "Message-ID", message_id])
            if uids:
                self.ensure_folder(to_folder)
                if client.has_capability("MOVE"):
                    client.move(uids, to_folder)
                else:
                    client.copy(uids, to_folder)
                    client.add_flags(uids, [imapclient.DELETED])
                    client.expunge()
            return bool(uids)
        except (IMAPClientError, OSError) as exc:
            self._drop()
            raise MailSourceUnavailable(f"could not move a message from {from_folder} on {self.host}: {exc}") from exc
        finally:
            if self._client is not None:
                self._client.select_folder(self.inbox)

    def reachable(self) -> bool:
        """True when the server answers (after a refused MOVE: was it this message, or the mailbox?)."""
        try:
            self.connect().noop()
            return True
        except (MailSourceUnavailable, IMAPClientError, OSError):
            self._drop()
            return False

    # -- IMAP IDLE ---------------------------------------------------------
    def supports_idle(self) -> bool:
        return self.connect().has_capability("IDLE")

    def server_name(self) -> str:
        """What the server calls itself: its name in answer to ID (RFC 2971) when it offers ID, else its greeting."""
        client = self.connect()
        try:
            if client.has_capability("ID"):
                answer = client.id_() or ()  # (key, value, key, value, ...)
                info = {k.lower(): v for k, v in zip(answer[::2], answer[1::2]) if isinstance(k, bytes)}
                name = info.get(b"name")
                if name:
                    return name.decode(errors="replace") if isinstance(name, bytes) else str(name)
        except (IMAPClientError, OSError):
            pass  # the greeting says as much
        welcome = client.welcome or b""
        return welcome.decode(errors="replace") if isinstance(welcome, bytes) else str(welcome)

    def idle_wait(self, timeout: float, check_every: float = 0.0) -> bool:
        """Wait in IDLE up to ``timeout`` seconds; True when the server reported new or changed mail.
        ``check_every`` > 0: also end IDLE and start it again every that many seconds, which makes the server look at
        the mailbox at once (Dovecot tells an IDLE client of new mail only 0.5 s after it arrives, a delay fixed in its
        code; starting IDLE again shows it sooner, at the cost of a DONE and an IDLE command each time).
        Use a source of its own for this (IDLE occupies the connection)."""
        client = self.connect()
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                client.idle()
                try:
                    responses = client.idle_check(timeout=max(min(left, check_every) if check_every > 0 else left, 0))
                finally:
                    _, more = client.idle_done()
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in [*responses, *more]):
                    return True
                if check_every <= 0 or time.monotonic() >= deadline:
                    return False
        except (IMAPClientError, OSError) as exc:
            self._drop()
            raise MailSourceUnavailable(f"IMAP IDLE on {self.host} failed: {exc}") from exc

    # -- used by `intake check` -----------------------------------------
    def check(self) -> str:
        client = self.connect()
        count = len(client.search(["NOT", "DELETED"]))
        return f"logged in to {self.host}:{self.port} as {self.username}; {self.inbox} has {count} message(s) waiting"


def idle_check_seconds(setting: float | str, server: str) -> float:
    """``mailbox.idle_check`` for this server: a number as it is; "auto": 0.1 s on Dovecot (its notice of new mail comes
    0.5 s late, a delay fixed in its code; starting IDLE again makes it look at once, ten DONE/IDLE pairs a second
    on one connection), 0 on any other server (Microsoft 365 and other hosted servers throttle chatty clients)."""
    if setting != "auto":
        return float(setting)
    return DOVECOT_IDLE_CHECK if "dovecot" in server.lower() else 0.0


DOVECOT_IDLE_CHECK = 0.1

__all__ = ["ImapMailSource", "ConfigError", "idle_check_seconds"]
