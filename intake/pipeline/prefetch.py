"""Prefetch: while one message is stored and answered, the next ones are read and their forms parsed, in a pool of
sandboxed parse workers sized to the CPUs.

Only speed: ``facts`` and ``parse`` return exactly what ``read_facts`` and the parser would return if called at
that moment (same bytes, same file name, same limits), so the pipeline's decisions do not change. A message or
a file that was not prefetched is read or parsed on demand. One reader thread keeps the messages in order (the
message being processed is always the first one read); the parses queue behind it in the pool.
"""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

from intake.mailbox.mail import MessageFacts, read_facts
from intake.pipeline.extract import _likely_form_first, candidate


def _key(data: bytes, name: str | None) -> tuple[str, str | None]:
    return hashlib.sha256(data).hexdigest(), name


class Prefetcher:
    def __init__(self, parse: Callable, unpack: Callable | None, limits, workers: int | None = None,
                 warm: Callable[[], None] | None = None):
        self._parse, self._unpack, self._limits, self._warm = parse, unpack, limits, warm
        self.workers = workers or os.cpu_count() or 1
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="intake-read")
        self._parsers = ThreadPoolExecutor(self.workers, thread_name_prefix="intake-parse")
        self._facts: dict[str, Future] = {}
        self._forms: dict[tuple, list[Future]] = {}  # one parse per message carrying the file (the same form
        # sent by several messages is parsed for each of them, as on demand)
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Start the parsers now (messages are about to be read), not at the first form (once: later calls return)."""
        if self._warm is not None:
            warm, self._warm = self._warm, None
            warm()

    def ahead(self, messages) -> None:
        """Start reading these messages (in order) and parsing their forms."""
        for m in messages:
            if m.source_key not in self._facts:
                self._facts[m.source_key] = self._reader.submit(self._read, m.raw)

    def _read(self, raw: bytes) -> MessageFacts:
        facts = read_facts(raw, self._unpack)
        files = sorted((f for f in facts.attachments if candidate(f.content_type, f.name)), key=_likely_form_first)
        for f in files[:self._limits.max_forms_per_message]:
            if len(f.data) <= self._limits.max_attachment_bytes:
                future = self._parsers.submit(self._parse, f.data, f.name)
                with self._lock:
                    self._forms.setdefault(_key(f.data, f.name), []).append(future)
        return facts

    def facts(self, fetched) -> MessageFacts:
        future = self._facts.pop(fetched.source_key, None)
        if future is not None:
            try:
                return future.result()
            except Exception:  # noqa: BLE001 - read again on demand, where the pipeline handles the error
                pass
        return read_facts(fetched.raw, self._unpack)

    def parse(self, data: bytes, name: str | None = None):
        with self._lock:
            waiting = self._forms.get(_key(data, name))
            future = waiting.pop(0) if waiting else None
            if waiting == []:
                del self._forms[_key(data, name)]
        if future is not None:
            try:
                return future.result()
            except Exception:  # noqa: BLE001 - parse again on demand
                pass
        return self._parse(data, name)

    def forget(self) -> None:
        """Drop what was read ahead for messages not processed in this poll (claimed by another worker)."""
        with self._lock:
            for f in list(self._facts.values()) + [f for fs in self._forms.values() for f in fs]:
                f.cancel()
            self._facts.clear()
            self._forms.clear()

    def close(self) -> None:
        self.forget()
        self._reader.shutdown(wait=True)
        self._parsers.shutdown(wait=True)
