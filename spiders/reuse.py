"""Re-audits that skip what did not change (docs/reaudit.md): the pure parts the spider uses.

An earlier audit of the same site, written by the same extraction code and options, left a record
per page with the response's validators (ETag, Last-Modified) and a content hash. The crawl sends the
validators back as a conditional request; a 304 — or a 200 whose content hash equals the stored one —
reuses the stored record (extraction, signals, language, links) instead of running the extraction
workers. The auditor builds the `ReuseIndex` from the store (auditor.reaudit); spiders never touch it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from scrapy.http import Response

from scoring.core.records import PageRecord

# Extraction outcomes that may not repeat (a worker over its time budget, a crashed worker): such a
# record gets no content hash, so it is never reused and the page is extracted again next time.
UNREPEATABLE_ERRORS = ("analysis stopped after", "extraction failed")


@dataclass(frozen=True)
class Validators:
    """What the earlier audit stored about one URL's response."""

    etag: str | None
    last_modified: str | None
    content_hash: str


@dataclass
class ReuseIndex:
    """Validators of an earlier audit's pages by URL, and how to read one of its records.

    `load(url)` returns the stored PageRecord (or None when it cannot be read: the page is then
    extracted again)."""

    audit_id: int
    validators: dict[str, Validators]
    load: Callable[[str], PageRecord | None]
    misses: set[str] = field(default_factory=set)  # URLs whose stored record was unreadable

    def get(self, url: str) -> Validators | None:
        return None if url in self.misses else self.validators.get(url)

    def record(self, url: str) -> PageRecord | None:
        record = self.load(url)
        if record is None:
            self.misses.add(url)
        return record


def header(headers: Any, name: str) -> str | None:
    """A response header as text (latin-1, as HTTP sends it), stripped; None when absent or empty."""
    value = headers.get(name, b"") or b""
    text = value.decode("latin-1").strip() if isinstance(value, bytes) else str(value).strip()
    return text or None


def content_hash(body: bytes, content_type: str | None, read_headers: Iterable[str | None]) -> str:
    """sha256 of the body and of the headers extraction reads (Content-Type decides the charset; Link,
    X-Robots-Tag and Content-Language become fields): equal hashes, equal records."""
    digest = hashlib.sha256(body)
    for value in (content_type, *read_headers):
        digest.update(b"\0" + (value or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def conditional_headers(validators: Validators | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since for a page the earlier audit stored (RFC 9110 §13.1)."""
    if validators is None:
        return {}
    headers = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def repeatable(error: str | None) -> bool:
    """False for an extraction error that may not repeat (UNREPEATABLE_ERRORS)."""
    return not (error and error.startswith(UNREPEATABLE_ERRORS))


def reused_record(stored: PageRecord, fields: dict[str, Any], *, not_modified: bool) -> PageRecord:
    """The stored record as this crawl's record: what extraction read stays, what this crawl saw
    (depth, referrer, redirect hops, fetch time; for a 200 its status and size) replaces it; new
    validators win over stored ones. The rendered view goes: the render stage decides anew."""
    update: dict[str, Any] = {
        "redirect_chain": fields["redirect_chain"],
        "depth": fields["depth"],
        "discovered_from": fields["discovered_from"],
        "fetch_ms": fields["fetch_ms"],
        "etag": fields.get("etag") or stored.etag,
        "last_modified": fields.get("last_modified") or stored.last_modified,
        "rendered": None,
    }
    if not not_modified:  # a 304 has no body and may omit headers: the stored ones stand
        update.update(status=fields["status"], bytes=fields["bytes"])
    return stored.model_copy(update=update)


class ReusingSpider:
    """The re-audit half of `spiders.site_spider.SiteSpider` (kept here for its length): `reuse`
    is its ReuseIndex or None, `_discover(record, fields)` its requests for what a record leads to."""

    reuse: ReuseIndex | None
    reused_pages = 0  # records reused this crawl
    extracted_pages = 0  # pages extracted this crawl (SiteSpider.extract)

    def _discover(self, record: PageRecord, fields: dict[str, Any]) -> Iterator[Any]:
        raise NotImplementedError

    def _validators(self, response: Response, fields: dict[str, Any]) -> str:
        """Store the response's ETag and Last-Modified in `fields`; its content hash."""
        fields["etag"] = header(response.headers, "ETag")
        fields["last_modified"] = header(response.headers, "Last-Modified")
        read = [v.decode("latin-1") for v in response.headers.getlist("Link")]
        read += [fields.get("x_robots_tag"), fields.get("content_language")]
        return content_hash(response.body, fields.get("content_type"), read)

    def _unchanged(self, fields: dict[str, Any], digest: str) -> PageRecord | None:
        """The stored record as this crawl's when the page's content hash is the stored one; None:
        extract the page."""
        if self.reuse is None:
            return None
        stored = self._stored(fields["url"], digest)
        return None if stored is None else reused_record(stored, fields, not_modified=False)

    def _stored(self, url: str, digest: str | None) -> PageRecord | None:
        """The earlier audit's record of `url` when its content hash is `digest` (None: any hash, a 304)."""
        validators = self.reuse.get(url) if self.reuse is not None else None
        if validators is None or (digest is not None and validators.content_hash != digest):
            return None
        return self.reuse.record(url)

    def _reused(self, record: PageRecord) -> Iterator[Any]:
        self.reused_pages += 1
        yield record
        fields = {
            "url": record.url,
            "redirect_chain": record.redirect_chain,
            "depth": record.depth,
            "error": record.error,
        }
        yield from self._discover(record, fields)

    def _not_modified(self, response: Response, fields: dict[str, Any]) -> Iterator[Any]:
        """A 304: the stored record again; without one (unreadable), the page once more unconditionally."""
        stored = self._stored(fields["url"], None)
        if stored is not None:
            fields["etag"] = header(response.headers, "ETag")
            fields["last_modified"] = header(response.headers, "Last-Modified")
            yield from self._reused(reused_record(stored, fields, not_modified=True))
            return
        request = response.request
        conditional = (b"if-none-match", b"if-modified-since")
        if not any(request.headers.get(name) for name in conditional):  # a 304 nobody asked for
            error = fields.get("error") or "304 Not Modified to an unconditional request"
            yield PageRecord(**{**fields, "error": error})
            return
        yield request.replace(headers={k: v for k, v in request.headers.items() if k.lower() not in conditional})
