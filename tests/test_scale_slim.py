"""Compact records (scoring.slim) read exactly as the records they pack, and the page-major page
pass gives every check the outcomes it gets when run on its own (issue 19)."""

from __future__ import annotations

from scoring.audit import evaluate_check, page_pass
from scoring.core.records import PageRecord
from scoring.registry import all_checks
from scoring.site import SiteData
from scoring.slim import PACKED, SlimPage, slim
from tests.synthetic_site import site_artifacts, site_embeddings, site_records

N = 60


def test_a_slim_page_reads_every_field_and_property_of_its_record() -> None:
    for record in site_records(N):
        packed = slim(record)
        assert isinstance(packed, SlimPage) and isinstance(packed, PageRecord)
        assert all(packed.__dict__[name] is None for name in PACKED & set(packed.__dict__))  # only None stays plain
        for name in PageRecord.model_fields:
            assert getattr(packed, name) == getattr(record, name), name
        for name in ("ok", "fetched_html", "is_html", "redirect_target", "declared_language", "robots_directives"):
            assert getattr(packed, name) == getattr(record, name), name
        assert packed.full() == record
        assert slim(packed) is packed


def test_a_slim_page_is_smaller_than_its_record() -> None:
    import pickle

    records = list(site_records(N))
    size = sum(len(pickle.dumps(r.__dict__)) for r in records)
    packed = sum(len(pickle.dumps(slim(r).__dict__)) for r in records)
    assert packed < size / 2


def test_the_page_pass_equals_each_check_on_its_own() -> None:
    site = SiteData(site_records(N), site_artifacts(N), site_embeddings(N))
    checks = [cls() for cls in all_checks().values()]
    judged = page_pass(checks, site)
    assert judged.outcomes  # the page checks ran
    for check in checks:
        if check.scope != "page":
            continue
        together = evaluate_check(check, site, 1.0, judged)
        alone = evaluate_check(check, site, 1.0)
        assert together.model_dump() == alone.model_dump(), check.id


def test_the_inlink_index_equals_lists_of_inlinks() -> None:
    from collections import defaultdict

    from scoring.site import Inlink

    site = SiteData(site_records(N, hub_inlinks=3), site_artifacts(N))
    listed: dict[str, list[Inlink]] = defaultdict(list)
    for page in site.linking_pages:
        for link in page.links:
            if link.internal:
                listed[site.resolve(link.url)].append(Inlink(page.final_url or page.url, link.anchor, link.position))
    assert list(site.inlinks) == list(listed)  # keys in the order of their first inlink
    assert dict(site.inlinks) == dict(listed)
    assert site.inlinks.get("https://nowhere.example/", []) == []


def test_the_packed_fields_live_in_the_spill_file_not_in_memory() -> None:
    import pickle
    import sys

    from scoring import slim as slim_module

    for record in site_records(N):
        packed = slim(record)
        ref = packed.__dict__["_packed"]
        assert isinstance(ref, slim_module.SpilledBlob)  # an offset, not the bytes
        assert sys.getsizeof(ref) < 100
        copy = pickle.loads(pickle.dumps(packed))  # a pickled record carries its bytes
        assert isinstance(copy.__dict__["_packed"], bytes)
        assert copy.full() == record == packed.full()


def test_records_stay_in_memory_where_no_spill_file_can_be_written(monkeypatch) -> None:
    from scoring import slim as slim_module

    def no_file() -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(slim_module, "_spill", None)
    monkeypatch.setattr(slim_module, "_spill_failed", False)
    monkeypatch.setattr(slim_module, "Spill", no_file)
    for record in site_records(5):
        packed = slim(record)
        assert isinstance(packed.__dict__["_packed"], bytes)
        assert packed.full() == record
    assert slim_module._spill_failed


def test_a_new_spill_file_starts_past_its_size_and_old_records_still_read(monkeypatch) -> None:
    from scoring import slim as slim_module

    monkeypatch.setattr(slim_module, "SPILL_FILE_BYTES", 1)
    records = list(site_records(4))
    packed = [slim(r) for r in records]
    spills = {id(p.__dict__["_packed"].spill) for p in packed}
    assert len(spills) == len(records)  # each record past the 1-byte limit opens a new file
    slim_module._decoded.cache_clear()
    slim_module._kept.clear()
    assert [p.full() for p in packed] == records


def test_a_forked_child_spills_into_a_file_of_its_own(monkeypatch) -> None:
    import os

    records = list(site_records(2))
    parent = slim(records[0]).__dict__["_packed"].spill
    monkeypatch.setattr(os, "getpid", lambda: parent.pid + 1)  # as after a fork
    child = slim(records[1]).__dict__["_packed"].spill
    assert child is not parent


def test_decoded_pages_are_kept_for_repeated_scans_and_freed_with_their_records(monkeypatch) -> None:
    import gc

    from scoring import slim as slim_module

    slim_module._decoded.cache_clear()
    slim_module._kept.clear()
    records = list(site_records(N))
    packed = [slim(r) for r in records]
    for _ in range(3):  # three site passes over more pages than the LRU holds
        assert [p.links for p in packed] == [r.links for r in records]
    assert slim_module._decoded.cache_info().misses == len(records)  # each page decoded once
    used = slim_module._kept.used
    assert used > 0
    del packed
    slim_module._decoded.cache_clear()  # the LRU's last pages hold their blobs until pushed out
    gc.collect()
    assert slim_module._kept.used == 0  # a finished run's pages free their room

    monkeypatch.setattr(slim_module, "DECODED_BYTES", 0)  # nothing kept: decoded on every scan
    slim_module._decoded.cache_clear()
    packed = [slim(r) for r in records]
    for _ in range(2):
        assert [p.links for p in packed] == [r.links for r in records]
    assert slim_module._decoded.cache_info().misses == 2 * len(records)
