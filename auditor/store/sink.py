"""The crawl's record sink: pages go into the store in small committed batches as they arrive."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from scoring.core.records import PageRecord, SiteArtifacts

if TYPE_CHECKING:
    from auditor.store import Store


class StoreSink:
    """Record sink for the crawl pipeline: batches pages into the store as they arrive."""

    def __init__(
        self, store: Store, audit_id: int, *, batch_size: int = 25, max_wait_s: float = 2.0, first_seq: int = 0
    ) -> None:
        self.store = store
        self.audit_id = audit_id
        self.batch_size = batch_size
        self.max_wait_s = max_wait_s
        self.buffer: list[PageRecord] = []
        self.written = first_seq  # a resumed crawl continues the crawl order
        self.last_flush = time.monotonic()
        self.artifacts: SiteArtifacts | None = None
        # The crawl adds pages; the hard --timeout (auditor.deadline) flushes from another thread.
        self.lock = threading.RLock()

    def add_page(self, record: PageRecord) -> None:
        with self.lock:
            self.buffer.append(record)
            if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush > self.max_wait_s:
                self.flush()

    def flush(self) -> None:
        with self.lock:
            self.store.add_pages(self.audit_id, self.buffer, self.written)
            self.written += len(self.buffer)
            self.buffer = []
            self.last_flush = time.monotonic()

    def finish(self, artifacts: SiteArtifacts) -> None:
        self.flush()
        # A crawl that ended on its own (limits included) is complete; an interrupted one partial.
        reason = artifacts.crawl_stats.finish_reason
        status = "complete" if reason == "finished" or reason.startswith("closespider") else "partial"
        self.store.finish_crawl(self.audit_id, artifacts, status)
        self.artifacts = artifacts
