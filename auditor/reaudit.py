"""Re-audits that skip what did not change (docs/reaudit.md).

Two steps, each taken only on proof:

1. The crawl reuses page records. An earlier audit of the same site (same normalised start URL)
   whose records were written under the same `extraction_key` — the extraction code, the installed
   libraries and the crawl settings extraction reads — gives a `spiders.reuse.ReuseIndex`: page
   requests carry that audit's ETag / Last-Modified, and a 304 or a 200 with the stored content hash
   takes the stored record instead of running the extraction workers.
2. The score stage reuses a result. `score_digest` hashes everything the score stage reads — the
   records (without the fields no check or report reads), the site artifacts (without the crawl's
   clock), the audit's settings, the scoring config, the scoring code and installed libraries. An
   earlier scored audit of the site with the same digest has the result this one would get.

`--fresh` (CrawlOptions.reuse=False) skips both; `geo-audit rescore` always scores.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from auditor.errors import AuditError
from auditor.store import Store
from scoring.config import ScoringConfig
from scoring.core.records import PageRecord
from scoring.core.results import AuditResult
from scoring.registry import all_checks
from spiders.reuse import ReuseIndex, Validators

ROOT = Path(__file__).resolve().parent.parent
# The code that writes page records, and the code the score stage runs (its inputs' readers).
EXTRACTION_CODE = ("spiders", "scoring/core")
# auditor/llm: the deterministic briefs, kept with reused scores (`reused_scores(keep_briefs=True)`)
SCORE_CODE = (
    "scoring",
    "auditor/runner.py",
    "auditor/embeddings.py",
    "auditor/warnings.py",
    "auditor/reaudit.py",
    "auditor/llm",
)
# Crawl settings that change what extraction writes into a record (scope decides `internal`, the
# user agent what a server sends); the start URL's hosts are the same by the site's definition.
EXTRACTION_SETTINGS = (
    "USER_AGENT",
    "GEO_SUBDOMAINS",
    "GEO_AS_HOST",
    "GEO_STRIP_PARAMS",
    "GEO_FOLLOW_META_REFRESH",
    "GEO_MAX_URL_LENGTH",
)
# Record fields no module of scoring/ or reports/ reads (tests/test_reaudit_unit.py keeps it so): they
# differ from crawl to crawl of an unchanged site, so they stay out of the score digest.
UNSCORED_FIELDS = ("fetch_ms", "discovered_from", "etag", "last_modified")
# The crawl's clock and reuse counts: the reused result takes this audit's own.
UNSCORED_STATS = ("started", "finished", "duration_s", "reused_pages", "extracted_pages", "reused_from")


def _digest(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)  # length-prefixed: no two splits collide
    return digest.hexdigest()


@functools.cache
def code_digest(paths: tuple[str, ...]) -> str:
    """sha256 of the files under `paths` (relative to the project root): names and contents."""
    files: list[Path] = []
    for rel in paths:
        path = ROOT / rel
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    files = sorted(f for f in files if "__pycache__" not in f.parts and f.suffix != ".pyc")
    return _digest(part for f in files for part in (str(f.relative_to(ROOT)), f.read_bytes()))


@functools.cache
def environment_digest() -> str:
    """The installed distributions and their versions (trafilatura, the embedding model, ...)."""
    names = {f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions() if d.metadata["Name"]}
    return _digest(sorted(names))


def extraction_key(settings: Any) -> str:
    """Names what writes a page record: extraction code, libraries, the settings extraction reads."""
    values = {name: settings.get(name) for name in EXTRACTION_SETTINGS}
    return _digest(
        [code_digest(EXTRACTION_CODE), environment_digest(), json.dumps(values, sort_keys=True, default=str)]
    )


# -- step 1: page records ----------------------------------------------------------------------
def reuse_index(store: Store, audit_id: int, key: str) -> ReuseIndex | None:
    """Validators of the latest earlier crawl of this audit's site written under `key`, or None."""
    row = store.audit(audit_id)
    if row is None:
        return None
    for earlier, raw in store.earlier_crawls(row.site, audit_id):
        try:
            stats = json.loads(raw).get("crawl_stats") or {}
        except ValueError:
            continue
        if stats.get("extraction_key") != key:
            continue
        validators = {
            url: Validators(record.get("etag"), record.get("last_modified"), record["content_hash"])
            for url, record in store.raw_pages(earlier)
            if record.get("content_hash")
        }
        if validators:
            return ReuseIndex(earlier, validators, functools.partial(_stored_page, store, earlier))
    return None


def _stored_page(store: Store, audit_id: int, url: str) -> PageRecord | None:
    try:
        return store.page(audit_id, url)
    except AuditError:  # unreadable: the page is extracted again
        return None


def adopt_depths(store: Store, audit_id: int, earlier: int) -> int:
    """After a crawl that reused every page of audit `earlier` and reached exactly its URLs: take that
    audit's depths and referrers. The site's link graph is then the same, but a concurrent crawl may
    give a page reachable at two depths either one (responses arrive in any order; the pagination rule
    keeps a listing's pages at one level), and a re-audit would differ from its earlier audit in
    depth alone. The earlier assignment is one the crawl makes on this very graph, and keeping it keeps
    trends and scores from flickering. Returns the number of pages changed."""
    mine, theirs = store.page_depths(audit_id), store.page_depths(earlier)
    if set(mine) != set(theirs):
        return 0
    changed = {url: theirs[url] for url, value in mine.items() if value != theirs[url]}
    if changed:
        store.set_page_depths(audit_id, changed)
    return len(changed)


# -- step 2: the score stage -------------------------------------------------------------------
def score_digest(
    store: Store, audit_id: int, config: ScoringConfig | None, extra: dict[str, Any] | None = None
) -> str | None:
    """The digest of everything the score stage reads for this audit (and `extra`, other inputs of the
    stages after the crawl); None without a finished crawl."""
    artifacts = store.artifacts(audit_id)
    if artifacts is None:
        return None
    stats = artifacts.crawl_stats.model_dump(mode="json", exclude=set(UNSCORED_STATS))
    site = artifacts.model_dump(mode="json", exclude={"crawl_stats"})
    settings = store.settings(audit_id)
    crawl = {k: v for k, v in (settings.get("crawl") or {}).items() if k != "reuse"}  # --fresh scores the same
    config = config or ScoringConfig()
    config_values = _config_values(config)
    pages = sorted(
        (url, _digest([json.dumps(_scored_fields(record), sort_keys=True, separators=(",", ":"))]))
        for url, record in store.raw_pages(audit_id)
    )
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("GEO_AUDIT_") and "LOG" not in k)
    return _digest(
        [
            code_digest(SCORE_CODE),
            environment_digest(),
            json.dumps(
                [site, stats, {**settings, "crawl": crawl}, config_values, environment, extra or {}],
                sort_keys=True,
                default=str,
            ),
            *(part for pair in pages for part in pair),
        ]
    )


def _config_values(config: ScoringConfig) -> dict[str, Any]:
    """What the score stage reads of the config: every check's effective weight (an override equal to
    the default, or a disabled check, is its weight) and the source domains; other fields as given."""
    values = {f.name: _plain(getattr(config, f.name)) for f in dataclasses.fields(config)}
    del values["disabled"]  # in the weights
    values["weights"] = sorted((check_id, config.check_weight(check_id)) for check_id in all_checks())
    return values


def _plain(value: Any) -> Any:
    """A config value in a stable order (sets and dicts are unordered)."""
    if isinstance(value, dict):
        return sorted((str(k), v) for k, v in value.items())
    return sorted(map(str, value)) if isinstance(value, (set, frozenset, tuple, list)) else value


def _scored_fields(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in UNSCORED_FIELDS}


def reused_scores(store: Store, audit_id: int, digest: str, *, keep_briefs: bool = False) -> AuditResult | None:
    """The result of the latest earlier scored audit of the site with the same score digest, as this
    audit's (its crawl's clock and settings), or None. Its briefs are written again, unless
    `keep_briefs` (no model asked for) and they are deterministic ones: the builder would write the
    same from the same inputs (timing `briefs_reused` says so)."""
    row = store.audit(audit_id)
    artifacts = store.artifacts(audit_id)
    if row is None or artifacts is None:
        return None
    earlier = store.scored_with_digest(row.site, digest, audit_id)
    if earlier is None:
        return None
    try:
        result = store.result(earlier)
    except AuditError:  # a result this version cannot read: score instead
        return None
    if result is None:
        return None
    stats = artifacts.crawl_stats
    timing = {"scores_reused_from": float(earlier)}
    update = {"started": stats.started, "finished": stats.finished, "settings": store.settings(audit_id)}
    if keep_briefs and all(brief.source == "deterministic" for brief in result.briefs):
        return result.model_copy(update={**update, "timing": {**timing, "briefs_reused": 1.0}})
    return result.without_warnings("llm").model_copy(update={**update, "briefs": [], "llm_usage": {}, "timing": timing})


def with_reuse_counts(store: Store, audit_id: int, result: AuditResult, *, scores_reused: bool) -> AuditResult:
    """The result with the crawl's reuse counts in its timing (results.json): pages whose stored
    record was reused, pages extracted anew, and whether the scores were reused (1) or computed (0)."""
    artifacts = store.artifacts(audit_id)
    if artifacts is None:
        return result
    stats = artifacts.crawl_stats
    counts = {
        "pages_reused": float(stats.reused_pages),
        "pages_extracted": float(stats.extracted_pages),
        "scores_reused": 1.0 if scores_reused else 0.0,
    }
    if stats.reused_from is not None:
        counts["pages_reused_from"] = float(stats.reused_from)
    return result.model_copy(update={"timing": {**result.timing, **counts}})


def timed_digest(
    store: Store, audit_id: int, config: ScoringConfig | None, extra: dict[str, Any] | None = None
) -> tuple[str | None, float]:
    """`score_digest` and the seconds it took; (None, s) when it fails: a digest is an extra, never
    a failed audit (the full score stage runs)."""
    began = time.perf_counter()
    try:
        digest = score_digest(store, audit_id, config, extra)
    except Exception:
        digest = None
    return digest, round(time.perf_counter() - began, 3)


def reuse_line(reused: int, extracted: int, earlier: int | None, *, scores_reused: bool = False) -> str | None:
    """The CLI's summary line of a re-audit; None when nothing was reused from an earlier audit."""
    if earlier is None:
        return None
    line = f"Re-audit of audit {earlier}: {reused} unchanged pages reused, {extracted} extracted anew"
    return line + ("; scores reused (same inputs)" if scores_reused else "")
